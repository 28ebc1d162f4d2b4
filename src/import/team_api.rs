//! Reading Team Topologies' Team API documents into team charters (`orgbook import
//! team-api`).
//!
//! A Team API is the page many teams already keep about themselves, from the template the
//! Team Topologies authors published: a list of fields (`* Team name and focus: …`,
//! `* Team type: …`, `* Software owned and evolved by this team: …`, `* Chat tool
//! channels: …`) and a table of the teams it interacts with, or the same fields as `##`
//! sections under YAML front matter (`name`, `team_type`, `platform_grouping`,
//! `metadata.flow_metrics`), as the later templates and the tools built on them write it.
//! This module owns that mapping: name and focus → `name` and `problem`, team type →
//! `topology`, the platform or value stream a team is part of → a group charter and
//! `parent`, software owned → `owns`, chat channels → `[contact]`, the template's `Date`
//! → `reviewed`, DORA flow metrics and a `## Metrics` section (which `orgbook export
//! team-api` writes) → `[[metrics]]`, and each row of "Teams we currently
//! interact with" whose team is known → `[[interactions]]`. Everything else stays in the
//! charter's body, where readers still find it; the template's own instructions and its
//! empty rows do not.
//!
//! Reading is lenient, as in `adr.rs`: a field it cannot map costs a note with the file and
//! line, never the team, and whether a file is a Team API at all (or an unfilled template)
//! is decided by what it says, not by its name.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::adr::{
    assemble_body, atx_heading, code_mask, first_line, front_matter_end, is_placeholder,
    normalize_newlines, parse_date, split_top_level, strip_bullet, strip_emphasis,
    strip_html_comments, yaml_scalar,
};
use super::{CharterFrontMatter, InteractionEntry, MetricEntry, slugify, toml_date, unique_slug};
use crate::scaffold::{self, Survey};

/// A field of the template that becomes a charter key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Field {
    NameAndFocus,
    TeamType,
    Grouping,
    Software,
    Channels,
    /// The people of the team, with their roles: `members`, and `lead`.
    Members,
    Date,
    CurrentInteractions,
    /// `## Metrics`: not the template's, but what `orgbook export team-api` writes.
    Metrics,
    /// A field of the template with no charter key: kept in the body when filled in,
    /// dropped when left empty.
    Other,
}

/// The template's labels, as written in its list and its later section headings.
fn field_of(label: &str) -> Option<Field> {
    let l = label
        .trim()
        .trim_matches(['*', '_'])
        .trim()
        .to_lowercase()
        .replace('’', "'");
    let l = l.trim_end_matches(':').trim_end_matches('?').trim();
    let starts = |p: &str| l.starts_with(p);
    Some(if l == "team name" || starts("team name and focus") {
        Field::NameAndFocus
    } else if l == "team type" || starts("team type (") {
        Field::TeamType
    } else if starts("part of a platform")
        || starts("part of a value stream")
        || starts("part of a team-of-teams")
        || starts("part of a team of teams")
    {
        Field::Grouping
    } else if starts("software owned") {
        Field::Software
    } else if starts("chat tool channel")
        || l == "chat channels"
        || starts("communication")
        || l == "contact"
        || l == "contacts"
    {
        // The later templates' `## Communication` (`- **Chat**: #payments`), and its
        // `## Communication Preferences`.
        Field::Channels
    } else if l == "team members" || l == "members" {
        Field::Members
    } else if l == "date" || l == "last updated" || l == "updated" {
        Field::Date
    } else if starts("teams we currently interact with") {
        Field::CurrentInteractions
    } else if l == "metrics" {
        Field::Metrics
    } else if starts("do we provide a service")
        || starts("what kind of service level expectations")
        || starts("versioning approach")
        || starts("wiki search terms")
        || starts("time of daily sync")
        || starts("daily sync time")
        || starts("our services and systems")
        || starts("ways of working")
        || starts("wider cross-team")
        || starts("teams we expect to interact with")
        || starts("services provided")
        || starts("service-level expectations")
        || starts("what we're currently working on")
    {
        Field::Other
    } else {
        return None;
    })
}

/// A metric a Team API states: a DORA flow metric of the front matter, or a line of a
/// `## Metrics` section (`- **Name**: current (target: T)`, as `orgbook export team-api`
/// writes it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiMetric {
    pub name: String,
    pub current: Option<String>,
    pub target: Option<String>,
}

/// One row of "Teams we currently interact with", before its team is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InteractionRow {
    /// The line of the row (0-based, in the normalised text).
    line: usize,
    /// The team as the row names it (a link's text, or the name before its focus).
    pub team: String,
    pub mode: Option<&'static str>,
    /// The mode as written, for the note when it is not one of the three.
    pub mode_text: String,
    pub about: Option<String>,
}

/// One Team API document, read.
#[derive(Debug, Clone)]
pub struct TeamApi {
    /// The path shown in notes.
    pub file: String,
    pub name: String,
    /// `team_id` of the front matter, when it is a slug.
    pub team_id: Option<String>,
    pub focus: Option<String>,
    pub topology: Option<&'static str>,
    pub grouping: Option<String>,
    pub owns: Vec<String>,
    pub chat: Vec<String>,
    pub email: Option<String>,
    /// The address of a `Wiki:` line under Communication.
    pub wiki: Option<String>,
    /// The people of a Team Members list, and the one whose role says lead.
    pub members: Vec<String>,
    pub lead: Option<String>,
    pub reviewed: Option<Date>,
    /// Each metric the document states.
    pub metrics: Vec<ApiMetric>,
    pub interactions: Vec<InteractionRow>,
    pub notes: Vec<String>,
    lines: Vec<String>,
    keep: Vec<bool>,
    in_code: Vec<bool>,
    /// The "Teams we currently interact with" section: its heading line and the line after
    /// its end, dropped whole once every row is mapped.
    interaction_section: Option<(usize, usize)>,
}

/// What a file turned out to be.
#[derive(Debug)]
pub enum Reading {
    Team(Box<TeamApi>),
    /// Not imported, with the reason shown to the user.
    Skipped(String),
}

fn is_table_line(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

fn is_delimiter_row(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of a table row, trimmed, without the outer pipes; `\|` is a `|` inside a
/// cell, as in GitHub's tables.
fn cells(line: &str) -> Vec<String> {
    let t = line.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev = '\0';
    for c in t.chars() {
        if c == '|' && prev != '\\' {
            out.push(cur.trim().to_owned());
            cur.clear();
        } else if c == '|' {
            cur.pop();
            cur.push(c);
        } else {
            cur.push(c);
        }
        prev = c;
    }
    out.push(cur.trim().to_owned());
    out
}

/// The template's unfilled values: `.`, `_____`, `[Your Team Name]`, `TBD`, `N/A`.
fn is_empty_value(s: &str) -> bool {
    let t = s.trim().trim_matches(['*', '_', '`']).trim();
    t.is_empty()
        || t.chars()
            .all(|c| matches!(c, '.' | '_' | '-' | '#' | ' ' | '…'))
        || is_placeholder(t)
        || matches!(
            t.to_ascii_lowercase().as_str(),
            "tbd" | "tbc" | "todo" | "n/a" | "na" | "none" | "-"
        )
}

/// The name part of "Name – focus" (or a link's text), and the focus when there is one.
fn split_name_focus(value: &str) -> (String, Option<String>) {
    let v = strip_emphasis(value.trim());
    if let Some(rest) = v.strip_prefix('[')
        && let Some(end) = rest.find("](")
        && let Some(close) = rest[end..].find(')')
    {
        let name = rest[..end].trim().to_owned();
        let after = rest[end + close + 1..].trim();
        let focus = after.trim_start_matches(['–', '—', '-', ':', ',']).trim();
        return (name, (!focus.is_empty()).then(|| focus.to_owned()));
    }
    let cut = [" – ", " — ", " - ", ": ", " -- "]
        .iter()
        .filter_map(|sep| v.find(sep).map(|i| (i, sep.len())))
        .min();
    match cut {
        Some((i, len)) => {
            let name = strip_emphasis(v[..i].trim()).to_owned();
            let focus = v[i + len..].trim();
            (name, (!focus.is_empty()).then(|| focus.to_owned()))
        }
        None => (v.to_owned(), None),
    }
}

/// The Team Topologies type a value names, `Ok(None)` when it names none on purpose
/// (`undefined`, empty), and an error saying why it was not read otherwise.
fn topology(value: &str) -> Result<Option<&'static str>, String> {
    let head = value
        .split(['(', ';'])
        .next()
        .unwrap_or(value)
        .split(" – ")
        .next()
        .unwrap_or(value)
        .split(" - ")
        .next()
        .unwrap_or(value);
    let compact: String = head
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if is_empty_value(value) || matches!(compact.as_str(), "undefined" | "unknown" | "") {
        return Ok(None);
    }
    let found: Vec<&'static str> = [
        ("streamaligned", "stream-aligned"),
        ("platform", "platform"),
        ("enabling", "enabling"),
        ("complicatedsubsystem", "complicated-subsystem"),
    ]
    .iter()
    .filter(|(k, _)| compact.contains(k))
    .map(|(_, t)| *t)
    .collect();
    match found.as_slice() {
        [one] => Ok(Some(one)),
        [] => Err(format!(
            "team type `{}` is not one of Team Topologies' four (stream-aligned, platform, enabling, complicated-subsystem); left out",
            value.trim()
        )),
        _ => Err(format!(
            "team type `{}` names {} types (the template's list, left as it was?); left out",
            value.trim(),
            found.len()
        )),
    }
}

/// The platform or value stream a "Part of a platform? (y/n) Details:" answer names.
fn grouping(value: &str) -> Result<Option<String>, String> {
    let v = strip_emphasis(value.trim());
    let lower = v.to_ascii_lowercase();
    let word_end = lower
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(lower.len());
    let first = &lower[..word_end];
    let details = match first {
        "n" | "no" | "none" | "na" => return Ok(None),
        "y" | "yes" => v[word_end..]
            .trim_start_matches(|c: char| {
                c.is_whitespace() || matches!(c, '–' | '—' | '-' | ':' | ',' | '.' | ')')
            })
            .trim(),
        _ if is_empty_value(v) => return Ok(None),
        _ => v,
    };
    let details = details.split(['(', '\n']).next().unwrap_or(details);
    let details = details.split(". ").next().unwrap_or(details);
    let details = details.trim().trim_end_matches('.').trim();
    let details = ["the ", "The "]
        .iter()
        .find_map(|p| details.strip_prefix(p))
        .unwrap_or(details)
        .trim();
    if details.is_empty() {
        return Err("says the team is part of a platform but not which one; no parent set".into());
    }
    if details.split_whitespace().count() > 8 {
        return Err(format!(
            "`{details}` is too long for a group's name; no parent set (the text stays in the body)"
        ));
    }
    Ok(Some(details.to_owned()))
}

/// The names in "Software owned and evolved by this team": a link's text, a bold name,
/// or the words before a description (`payments-api - the card API` → `payments-api`).
fn owned_item(part: &str) -> Option<String> {
    let p = strip_bullet(part.trim()).trim();
    let name = if let Some(rest) = p.strip_prefix('[') {
        rest.split(']').next().unwrap_or(rest)
    } else if let Some(rest) = p.strip_prefix("**") {
        rest.split("**").next().unwrap_or(rest)
    } else {
        let cut = [" - ", " – ", " — ", " (", ": ", " http"]
            .iter()
            .filter_map(|sep| p.find(sep))
            .min()
            .unwrap_or(p.len());
        &p[..cut]
    };
    let name = name
        .trim()
        .trim_matches(['`', '*', '_'])
        .trim_end_matches([':', '.', ','])
        .trim();
    (!is_empty_value(name) && name.chars().count() <= 80 && !name.contains("://"))
        .then(|| name.to_owned())
}

/// `change_fail_rate: 0.08` → `8 %`; other values as written, with their unit.
fn metric_value(key: &str, v: &str) -> String {
    match key {
        "change_fail_rate" | "change_failure_rate" => match v.parse::<f64>() {
            Ok(x) if (0.0..=1.0).contains(&x) => {
                let p = (x * 1000.0).round() / 10.0;
                format!("{p} %")
            }
            _ => v.to_owned(),
        },
        k if k.ends_with("_days") => format!("{v} days"),
        k if k.ends_with("_hours") => format!("{v} hours"),
        _ => v.to_owned(),
    }
}

/// The name DORA gives each of the four keys the templates use.
fn metric_name(key: &str) -> String {
    match key {
        "lead_time_days" | "lead_time" => "Lead time for changes".to_owned(),
        "deployment_frequency" => "Deployment frequency".to_owned(),
        "change_fail_rate" | "change_failure_rate" => "Change failure rate".to_owned(),
        "mttr_hours" | "mttr" => "Time to restore service".to_owned(),
        other => {
            let words = other
                .trim_end_matches("_days")
                .trim_end_matches("_hours")
                .replace('_', " ");
            let mut c = words.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        }
    }
}

/// `payments-platform` (a folder's name) → `Payments Platform`.
fn title_from_slug(stem: &str) -> String {
    stem.split(['-', '_', ' '])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `# Team API: Payments`, `# Payments Team API` → `Payments`; `# Team API` → none.
fn title_without_template_words(h1: &str) -> Option<String> {
    let t = strip_emphasis(h1.trim());
    let lower = t.to_ascii_lowercase();
    let t = match lower.find("team api") {
        Some(i) => {
            let before = t[..i].trim();
            let after = t[i + "team api".len()..].trim();
            let rest = if after.is_empty() { before } else { after };
            rest.trim_matches(|c: char| matches!(c, '–' | '—' | '-' | ':' | ' ' | '|'))
        }
        None => t,
    };
    (!is_empty_value(t)).then(|| t.to_owned())
}

/// The later templates' front matter keys, read.
#[derive(Default)]
struct FrontMatter {
    name: Option<String>,
    team_id: Option<String>,
    team_type: Option<String>,
    /// `platform_grouping`, else `value_stream`.
    grouping: Option<String>,
    date: Option<String>,
    /// From `metadata.flow_metrics`.
    metrics: Vec<ApiMetric>,
    /// Keys with no charter key, noted once the body is read.
    left_out: Vec<String>,
    /// `metadata.size`: left out without a word when the Team Members list counts as
    /// many people (as `orgbook export team-api` writes it), noted otherwise.
    size: Option<String>,
    /// The first line after the front matter.
    body_start: usize,
}

/// Reads the YAML front matter, if the file has one, and drops it from the body.
fn read_front_matter(
    file: &str,
    lines: &[&str],
    keep: &mut [bool],
    notes: &mut Vec<String>,
) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let end = match front_matter_end(lines, file) {
        Ok(Some(end)) => end,
        Ok(None) => return fm,
        Err(e) => {
            notes.push(format!("{e}; read as Markdown"));
            return fm;
        }
    };
    keep[..=end].fill(false);
    fm.body_start = end + 1;
    let map = match yaml_serde::from_str::<yaml_serde::Value>(&lines[1..end].join("\n")) {
        Ok(yaml_serde::Value::Mapping(map)) => map,
        Ok(_) => return fm,
        Err(e) => {
            notes.push(format!(
                "{file}:2: front matter is not valid YAML ({}); read without it",
                first_line(&e.to_string())
            ));
            return fm;
        }
    };
    let get = |k: &str| {
        map.get(k)
            .and_then(yaml_scalar)
            .map(|s| s.trim().to_owned())
            .filter(|v| !is_empty_value(v))
    };
    fm.name = get("name");
    // Only the templates' own keys: `type` and `id` mean other things to Hugo and
    // Docusaurus pages, which a folder given here may hold too.
    fm.team_id = get("team_id").filter(|id| slugify(id) == *id);
    fm.team_type = get("team_type");
    fm.grouping = get("platform_grouping");
    if let Some(vs) = get("value_stream") {
        match &fm.grouping {
            None => fm.grouping = Some(vs),
            Some(_) => notes.push(format!(
                "{file}: value_stream `{vs}` left out: the team's group is its platform_grouping"
            )),
        }
    }
    fm.date = ["last_updated", "updated", "date", "reviewed"]
        .iter()
        .find_map(|k| get(k));
    let mut left_out = Vec::new();
    let mut size = None;
    for (k, v) in &map {
        let Some(k) = k.as_str() else { continue };
        match k {
            "name" | "team_id" | "team_type" | "platform_grouping" | "value_stream"
            | "last_updated" | "updated" | "date" | "reviewed"
            // The visualiser's layout: nothing to say about the team.
            | "position" => {}
            "metadata" => {
                for (mk, mv) in v.as_mapping().into_iter().flatten() {
                    let Some(mk) = mk.as_str() else { continue };
                    if mk == "size" && size.is_none() {
                        size = Some(yaml_scalar(mv).unwrap_or_default());
                        continue;
                    }
                    if mk != "flow_metrics" {
                        left_out.push(match yaml_scalar(mv) {
                            Some(s) => format!("metadata.{mk} ({s})"),
                            None => format!("metadata.{mk}"),
                        });
                        continue;
                    }
                    for (fk, fv) in mv.as_mapping().into_iter().flatten() {
                        if let (Some(fk), Some(fv)) = (fk.as_str(), yaml_scalar(fv))
                            && !is_empty_value(&fv)
                        {
                            fm.metrics.push(ApiMetric {
                                name: metric_name(fk),
                                current: Some(metric_value(fk, &fv)),
                                target: None,
                            });
                        }
                    }
                }
            }
            other => left_out.push(other.to_owned()),
        }
    }
    fm.left_out = left_out;
    fm.size = size;
    fm
}

/// What the body's fields say, before they are interpreted, and which lines stay in the
/// charter's body.
struct Scan<'a> {
    lines: &'a [&'a str],
    in_code: &'a [bool],
    keep: Vec<bool>,
    h1: Option<String>,
    /// Each field's first value, with its line.
    values: BTreeMap<Field, (usize, String)>,
    software_items: Vec<String>,
    /// The template's fields seen, filled in or not. Distinct fields, not labels: a
    /// page that repeats one label (a `- **Contact:**` line per subproject) is no Team
    /// API, and never an unfilled one.
    fields_seen: BTreeSet<Field>,
    interaction_rows: Vec<InteractionRow>,
    interaction_section: Option<(usize, usize)>,
    /// The lines of a `## Metrics` section read as metrics.
    metrics: Vec<ApiMetric>,
    /// Template sections, emptied of their placeholders only once every line is read.
    sections: Vec<(usize, usize)>,
}

impl<'a> Scan<'a> {
    /// Reads the body from line `from` on: headings, the template's instructions, and the
    /// fields as a list or a two-column table.
    fn body(lines: &'a [&'a str], in_code: &'a [bool], keep: Vec<bool>, from: usize) -> Scan<'a> {
        let mut scan = Scan {
            lines,
            in_code,
            keep,
            h1: None,
            values: BTreeMap::new(),
            software_items: Vec::new(),
            fields_seen: BTreeSet::new(),
            interaction_rows: Vec::new(),
            interaction_section: None,
            metrics: Vec::new(),
            sections: Vec::new(),
        };
        let mut i = from;
        while i < lines.len() {
            i = if in_code[i] {
                i + 1
            } else if let Some((level, text)) = atx_heading(lines[i]) {
                scan.heading(i, level, text)
            } else if lines[i].trim_start().starts_with('>') {
                scan.quote(i)
            } else if let Some(next) = scan.table_field(i) {
                next
            } else if let Some(next) = scan.field_line(i) {
                next
            } else {
                i + 1
            };
        }
        drop_emptied_tables(lines, in_code, &mut scan.keep);
        for &(heading, end) in scan.sections.iter().rev() {
            drop_if_hollow(lines, &mut scan.keep, heading, end);
        }
        scan
    }

    /// A heading: the title, the template's own "Team API", or a field as a section.
    fn heading(&mut self, i: usize, level: usize, text: &str) -> usize {
        let (lines, in_code) = (self.lines, self.in_code);
        if level == 1 && self.h1.is_none() {
            self.h1 = Some(text.to_owned());
            self.keep[i] = false;
            return i + 1;
        }
        if text.eq_ignore_ascii_case("team api") {
            self.keep[i] = false;
            return i + 1;
        }
        let Some(field) = field_of(text) else {
            return i + 1;
        };
        let end = (i + 1..lines.len())
            .find(|&j| !in_code[j] && atx_heading(lines[j]).is_some_and(|(l, _)| l <= level))
            .unwrap_or(lines.len());
        self.fields_seen.insert(field);
        match field {
            Field::CurrentInteractions | Field::Other => {
                let rows = section_table(lines, in_code, i + 1, end, &mut self.keep);
                if field == Field::CurrentInteractions {
                    self.interaction_section = Some((i, end));
                    self.interaction_rows = rows;
                }
                self.sections.push((i, end));
            }
            Field::Metrics => {
                for j in (i + 1..end).filter(|&j| !in_code[j]) {
                    if let Some(m) = metric_line(lines[j]) {
                        self.metrics.push(m);
                        self.keep[j] = false;
                    }
                }
                self.sections.push((i, end));
            }
            Field::Software | Field::Channels | Field::Members => {
                let section: Vec<&str> = (i + 1..end)
                    .filter(|&j| !in_code[j])
                    .map(|j| lines[j])
                    .collect();
                if field == Field::Software {
                    self.software_items.extend(top_level_items(&section));
                }
                self.values.entry(field).or_insert((i, section.join("\n")));
            }
            _ => {
                // The answer is the first paragraph; the heading goes with it unless more
                // follows.
                if let Some(first) = (i + 1..end).find(|&j| !lines[j].trim().is_empty()) {
                    let para_end = (first..end)
                        .find(|&j| lines[j].trim().is_empty() || in_code[j])
                        .unwrap_or(end);
                    let value = lines[first..para_end].join(" ");
                    self.values.entry(field).or_insert((first, value));
                    self.keep[first..para_end].fill(false);
                }
                self.sections.push((i, end));
            }
        }
        i + 1
    }

    /// A block quote: dropped when it is the template's instructions (`> Team type:
    /// (Stream-Aligned, …)`).
    fn quote(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let end = (i..lines.len())
            .find(|&j| !lines[j].trim_start().starts_with('>'))
            .unwrap_or(lines.len());
        let quote = lines[i..end]
            .iter()
            .map(|l| l.trim_start().trim_start_matches('>').trim())
            .collect::<Vec<_>>()
            .join(" ")
            .to_ascii_lowercase();
        if quote.starts_with("team type:")
            || quote.starts_with("team interaction modes")
            || quote.starts_with("interaction modes")
            || quote.contains("team-api-template")
            || quote.contains("replace all")
            || quote.contains("delete this instruction")
        {
            self.keep[i..end].fill(false);
        }
        end
    }

    /// The fields as a two-column table: `| Team name and focus | Payments – … |`.
    fn table_field(&mut self, i: usize) -> Option<usize> {
        let line = self.lines[i];
        let is_header = self
            .lines
            .get(i + 1)
            .is_some_and(|next| is_delimiter_row(next));
        if !is_table_line(line) || is_delimiter_row(line) || is_header {
            return None;
        }
        let row = cells(line);
        // Two columns, label and value: a wider table that happens to start a row with
        // "team name" is data, not the template's fields.
        if row.len() != 2 {
            return None;
        }
        let field =
            field_of(row[0].trim_end_matches(':')).filter(|f| *f != Field::CurrentInteractions)?;
        self.fields_seen.insert(field);
        let value = row[1]
            .replace("<br>", "\n")
            .replace("<br/>", "\n")
            .replace("<br />", "\n");
        match field {
            Field::Other => self.keep[i] = !is_empty_value(&value),
            Field::Software => {
                self.software_items
                    .extend(split_top_level(&value).into_iter().filter_map(owned_item));
                self.keep[i] = value.contains("](");
                self.values.entry(field).or_insert((i, value));
            }
            _ => {
                self.keep[i] = false;
                self.values.entry(field).or_insert((i, value));
            }
        }
        Some(i + 1)
    }

    /// A field line: `* Label: value`, `**Label:** value`, `Date: …`, or a bare
    /// `* What kind of Service Level Expectations do other teams have of us?`, with its
    /// own sub-list.
    fn field_line(&mut self, i: usize) -> Option<usize> {
        let lines = self.lines;
        let line = lines[i];
        let trimmed = strip_bullet(line.trim()).trim_start_matches(['*', '_']);
        let is_bullet = trimmed.len() < line.trim().len();
        let indent = line.len() - line.trim_start().len();
        let (field, rest) = match trimmed.find(':') {
            Some(colon) => field_of(&trimmed[..colon]).map(|f| (f, &trimmed[colon + 1..])),
            None if is_bullet => field_of(trimmed).map(|f| (f, "")),
            None => None,
        }?;
        self.fields_seen.insert(field);
        let inline = strip_html_comments(rest.trim_start_matches(['*', '_']));
        let inline = inline.trim().to_owned();
        // Continuation: the lines indented below the field (its sub-list).
        let mut end = i + 1;
        for (j, l) in lines.iter().enumerate().skip(i + 1) {
            if l.trim().is_empty() {
                continue;
            }
            if self.in_code[j] || l.len() - l.trim_start().len() <= indent {
                break;
            }
            end = j + 1;
        }
        let sub = &lines[i + 1..end];
        match field {
            Field::Other | Field::CurrentInteractions => {
                let filled = !is_empty_value(&inline)
                    || sub.iter().any(|l| !is_empty_value(strip_bullet(l.trim())));
                if !filled {
                    self.keep[i..end].fill(false);
                }
            }
            Field::Members => {
                let value = std::iter::once(inline.as_str())
                    .chain(sub.iter().copied())
                    .collect::<Vec<_>>()
                    .join("\n");
                self.values.entry(field).or_insert((i, value));
            }
            Field::Software => {
                self.software_items
                    .extend(split_top_level(&inline).into_iter().filter_map(owned_item));
                self.software_items.extend(top_level_items(sub));
                // A list with links stays in the body too, so its addresses are not lost.
                let linked = inline.contains("](") || sub.iter().any(|l| l.contains("]("));
                self.values.entry(field).or_insert((i, inline));
                if !linked {
                    self.keep[i..end].fill(false);
                }
            }
            _ => {
                let value = std::iter::once(inline.as_str())
                    .chain(sub.iter().map(|l| strip_bullet(l.trim())))
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                self.values.entry(field).or_insert((i, value));
                self.keep[i..end].fill(false);
            }
        }
        Some(end)
    }
}

/// Reads one file. `file` names it in notes; `folder_name` is the name of its folder,
/// the team's name when a `README.md` says none.
pub fn read_team_api(file: &str, text: &str, folder_name: Option<&str>) -> Reading {
    let text = normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let lines: &[&str] = match lines.split_last() {
        Some((&"", rest)) => rest,
        _ => &lines,
    };
    let in_code = code_mask(lines);
    let mut keep = vec![true; lines.len()];
    let mut notes = Vec::new();
    let at = |i: usize| format!("{file}:{}", i + 1);
    let fm = read_front_matter(file, lines, &mut keep, &mut notes);
    let scan = Scan::body(lines, &in_code, keep, fm.body_start);
    let values = &scan.values;

    // A team's page of another handbook (Sourcegraph's `teams/<team>/index.md`: Mission,
    // Members) is no Team API, filled in or not: the handbook reads it where it stands.
    let skipped = |why: &str| {
        Reading::Skipped(match crate::load::is_team_page(file, &text) {
            true => "not a Team API but a team's page (a heading saying what the team is for, one saying who is in it): moved into content/ in a `teams` folder, orgbook reads it as the team's charter where it stands, with no import (docs/format.md)".into(),
            false => why.into(),
        })
    };
    if scan.fields_seen.len() < 2 && fm.team_type.is_none() {
        return skipped("not a Team API: fewer than two of the template's fields");
    }

    // Name and focus.
    let (field_name, focus) = match values.get(&Field::NameAndFocus) {
        Some((_, v)) if !is_empty_value(v) => {
            let (name, focus) = split_name_focus(v);
            match &fm.name {
                // "Payments – card acceptance" under `name: Payments`: the focus follows.
                Some(n) if !name.eq_ignore_ascii_case(n) && focus.is_none() => {
                    (None, Some(v.trim().to_owned()))
                }
                _ if name.split_whitespace().count() > 6 && focus.is_none() => (None, Some(name)),
                _ => (Some(name).filter(|n| !is_empty_value(n)), focus),
            }
        }
        _ => (None, None),
    };
    let template_only = fm.name.is_none()
        && field_name.is_none()
        && focus.is_none()
        && scan.software_items.is_empty()
        && scan.interaction_rows.is_empty()
        && values
            .get(&Field::TeamType)
            .is_none_or(|(_, v)| !matches!(topology(v), Ok(Some(_))))
        && fm.team_type.is_none();
    if template_only {
        return skipped("a Team API template: no team name, focus, type or software filled in");
    }
    let name = fm
        .name
        .or(field_name)
        .or_else(|| scan.h1.as_deref().and_then(title_without_template_words))
        .or_else(|| folder_name.map(title_from_slug))
        .unwrap_or_else(|| {
            let stem = Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            title_from_slug(&stem)
        });

    let type_value = values
        .get(&Field::TeamType)
        .map(|(l, v)| (Some(*l), v.clone()))
        .or_else(|| fm.team_type.map(|t| (None, t)));
    let topology = match type_value {
        None => None,
        Some((line, v)) => match topology(&v) {
            Ok(t) => t,
            Err(why) => {
                notes.push(match line {
                    Some(l) => format!("{}: {why}", at(l)),
                    None => format!("{file}: front matter {why}"),
                });
                None
            }
        },
    };

    let grouping = match (fm.grouping, values.get(&Field::Grouping)) {
        (Some(g), _) => Some(g),
        (None, Some((l, v))) => match grouping(v) {
            Ok(g) => g,
            Err(why) => {
                notes.push(format!("{}: {why}", at(*l)));
                None
            }
        },
        (None, None) => None,
    };

    let mut chat = Vec::new();
    let mut email = None;
    let mut wiki = None;
    if let Some((line, v)) = values.get(&Field::Channels) {
        // `- **Wiki**: https://…`: the only labelled line whose value is an address alone.
        for (k, l) in v.split('\n').enumerate() {
            let item = strip_bullet(l.trim()).trim_start_matches(['*', '_']);
            let Some((label, value)) = item.split_once(':') else {
                continue;
            };
            if !label.to_ascii_lowercase().contains("wiki") {
                continue;
            }
            match web_address(value) {
                Some(url) if wiki.is_none() => wiki = Some(url),
                _ => notes.push(format!(
                    "{}: `{}` has no web address to link to; kept in the body",
                    at(line + 1 + k),
                    item.trim()
                )),
            }
        }
        for token in v.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
            let t = token
                .trim_matches(|c: char| matches!(c, '`' | '*' | '_' | '(' | ')' | '<' | '>' | '.'));
            let t = t.strip_prefix("mailto:").unwrap_or(t);
            if t.starts_with('#') && !is_empty_value(t) {
                chat.push(t.to_owned());
            } else if t.contains('@') && t.contains('.') && email.is_none() {
                email = Some(t.to_owned());
            }
        }
    }

    let reviewed = match values
        .get(&Field::Date)
        .map(|(l, v)| (Some(*l), v.clone()))
        .or_else(|| fm.date.map(|d| (None, d)))
    {
        Some((line, v)) if !is_empty_value(&v) => match parse_date(&v) {
            Some((d, assumption)) => {
                if let Some(a) = assumption {
                    notes.push(format!("{}: {a}", line.map_or(file.to_owned(), at)));
                }
                Some(d)
            }
            None => {
                notes.push(format!(
                    "{}: date `{}` not understood; reviewed set to today",
                    line.map_or(file.to_owned(), at),
                    v.trim()
                ));
                None
            }
        },
        _ => None,
    };

    let (members, lead) = match values.get(&Field::Members) {
        Some((line, v)) => team_members(v, *line, file, &mut notes),
        None => (Vec::new(), None),
    };
    let mut left_out = fm.left_out;
    if let Some(size) = fm.size
        && size.trim() != members.len().to_string()
    {
        left_out.insert(0, format!("metadata.size ({size})"));
    }
    if !left_out.is_empty() {
        notes.push(format!(
            "{file}: front matter with no charter key, left out: {}",
            left_out.join(", ")
        ));
    }

    let mut owns: Vec<String> = Vec::new();
    for item in &scan.software_items {
        if !owns.contains(item) {
            owns.push(item.clone());
        }
    }

    let Scan {
        keep,
        interaction_rows,
        interaction_section,
        metrics: section_metrics,
        ..
    } = scan;
    let mut metrics = fm.metrics;
    for m in section_metrics {
        if !metrics.iter().any(|f| f.name.eq_ignore_ascii_case(&m.name)) {
            metrics.push(m);
        }
    }
    Reading::Team(Box::new(TeamApi {
        file: file.to_owned(),
        name,
        team_id: fm.team_id,
        focus,
        topology,
        grouping,
        owns,
        chat,
        email,
        wiki,
        members,
        lead,
        reviewed,
        metrics,
        interactions: interaction_rows,
        notes,
        lines: lines.iter().map(|l| (*l).to_owned()).collect(),
        keep,
        in_code,
        interaction_section,
    }))
}

/// `- **Name**: current (target: T)`, a line of a `## Metrics` section; the current value
/// and the target are each optional.
fn metric_line(line: &str) -> Option<ApiMetric> {
    let item = strip_bullet(line.trim());
    if item.len() == line.trim().len() {
        return None;
    }
    let rest = item.strip_prefix("**")?;
    let (name, value) = rest.split_once(":**").or_else(|| rest.split_once("**:"))?;
    let name = name.trim().trim_end_matches(':').trim();
    if name.is_empty() {
        return None;
    }
    let value = value.trim();
    let (current, target) = match value
        .strip_suffix(')')
        .and_then(|v| v.rsplit_once("(target:"))
    {
        Some((cur, target)) => (cur.trim(), Some(target.trim())),
        None => (value, None),
    };
    let filled = |s: &str| Some(s.to_owned()).filter(|s| !is_empty_value(s));
    Some(ApiMetric {
        name: name.to_owned(),
        current: filled(current),
        target: target.and_then(filled),
    })
}

/// The first web address in `s`: a link's destination or a bare `https://…`.
fn web_address(s: &str) -> Option<String> {
    s.split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>'))
        .map(|t| t.trim_end_matches(['.', ',', ';']))
        .find(|t| t.starts_with("https://") || t.starts_with("http://"))
        .map(str::to_owned)
}

/// A Team Members list (starting at line `line`, 0-based) → the names, and the one whose
/// role says lead. The list stays in the body, with what each person does; a line that
/// is not a person is noted.
fn team_members(
    list: &str,
    line: usize,
    file: &str,
    notes: &mut Vec<String>,
) -> (Vec<String>, Option<String>) {
    let mut members: Vec<String> = Vec::new();
    let mut lead = None;
    for (k, l) in list.split('\n').enumerate() {
        let item = strip_bullet(l.trim());
        // Sub-items describe the person above; `_[Extended]_` marks the template's part.
        if item.is_empty() || l.starts_with([' ', '\t']) || is_empty_value(item) {
            continue;
        }
        match member(item) {
            Some((name, role)) => {
                if lead.is_none()
                    && role.as_deref().is_some_and(|r| {
                        r.to_lowercase()
                            .split(|c: char| !c.is_alphanumeric())
                            .any(|w| w == "lead")
                    })
                {
                    lead = Some(name.clone());
                }
                if !members.contains(&name) {
                    members.push(name);
                }
            }
            None => notes.push(format!(
                "{file}:{}: `{item}` is not read as a team member; kept in the body",
                line + 1 + k
            )),
        }
    }
    (members, lead)
}

/// One person of a Team Members list and their role: `**Tech Lead**: Ana Silva (…)`,
/// `Ana Silva – tech lead`, `Ana Silva (Tech Lead)`, or a name alone.
fn member(item: &str) -> Option<(String, Option<String>)> {
    let item = item.trim();
    let (name, role) = if let Some((role, rest)) = item
        .strip_prefix("**")
        .and_then(|r| r.split_once("**"))
        .map(|(role, rest)| (role.trim_end_matches(':'), rest.trim_start_matches(':')))
    {
        (rest, Some(role))
    } else if let Some((name, role)) = [" — ", " – ", " - ", ", "]
        .iter()
        .find_map(|sep| item.split_once(sep))
    {
        (name, Some(role))
    } else {
        (item, None)
    };
    // What follows the name in brackets is what they do, or their role.
    let (name, bracketed) = match name.split_once('(') {
        Some((n, rest)) => (n, Some(rest.trim_end_matches(')').trim())),
        None => (name, None),
    };
    let name = strip_emphasis(name.trim()).trim();
    let role = role.map(str::trim).or(bracketed).map(str::to_owned);
    let words = name.split_whitespace().count();
    let plausible = (1..=5).contains(&words)
        && !name.contains([':', '#', '@', '[', ']', '/'])
        && name.chars().next().is_some_and(char::is_alphabetic)
        && !is_empty_value(name);
    plausible.then(|| (name.to_owned(), role))
}

/// The first-level items of a list (the names; their own sub-lists are descriptions).
fn top_level_items(lines: &[&str]) -> Vec<String> {
    let bullets: Vec<(usize, &str)> = lines
        .iter()
        .filter(|l| {
            let t = l.trim_start();
            t.starts_with("* ") || t.starts_with("- ") || t.starts_with("+ ")
        })
        .map(|l| (l.len() - l.trim_start().len(), *l))
        .collect();
    let Some(min) = bullets.iter().map(|(i, _)| *i).min() else {
        return Vec::new();
    };
    bullets
        .into_iter()
        .filter(|(i, _)| *i == min)
        .filter_map(|(_, l)| owned_item(l))
        .collect()
}

/// Reads the interaction table of a section; its empty template rows are dropped.
fn section_table(
    lines: &[&str],
    in_code: &[bool],
    from: usize,
    to: usize,
    keep: &mut [bool],
) -> Vec<InteractionRow> {
    let mut out = Vec::new();
    let Some(header) = (from..to.saturating_sub(1))
        .find(|&j| !in_code[j] && is_table_line(lines[j]) && is_delimiter_row(lines[j + 1]))
    else {
        return out;
    };
    let head: Vec<String> = cells(lines[header])
        .iter()
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let col = |pred: &dyn Fn(&str) -> bool| head.iter().position(|h| pred(h));
    let team_col = col(&|h| h.contains("team")).unwrap_or(0);
    let mode_col = col(&|h| h.contains("mode") || h.contains("interaction"));
    let purpose_col = col(&|h| h.contains("purpose") || h.contains("about"));
    let duration_col = col(&|h| h.contains("duration"));
    let mut j = header + 2;
    while j < to && !in_code[j] && is_table_line(lines[j]) {
        let row = cells(lines[j]);
        let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map(String::as_str).unwrap_or("");
        if row.iter().all(|c| is_empty_value(c)) {
            keep[j] = false;
            j += 1;
            continue;
        }
        let (team, _) = split_name_focus(cell(Some(team_col)));
        if is_empty_value(&team) {
            j += 1;
            continue;
        }
        let mode_text = cell(mode_col).to_owned();
        let purpose = cell(purpose_col);
        let duration = cell(duration_col);
        // A `|` in a cell was written `\|` on purpose: words, not the template's choices.
        let is_empty_cell = |c: &str| !c.contains('|') && is_empty_value(c);
        let about = match (is_empty_cell(purpose), is_empty_cell(duration)) {
            (false, false) if !duration.eq_ignore_ascii_case("ongoing") => {
                Some(format!("{purpose} ({duration})"))
            }
            (false, _) => Some(purpose.to_owned()),
            _ => None,
        };
        out.push(InteractionRow {
            line: j,
            team,
            mode: interaction_mode(&mode_text),
            mode_text,
            about,
        });
        j += 1;
    }
    out
}

/// Team Topologies' three modes, as people write them.
fn interaction_mode(s: &str) -> Option<&'static str> {
    let c: String = s
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if c.starts_with("collab") {
        Some("collaboration")
    } else if c.contains("asaservice") || c == "xaas" || c == "service" {
        Some("x-as-a-service")
    } else if c.starts_with("facilitat") || c == "enabling" {
        Some("facilitating")
    } else {
        None
    }
}

/// Drops the header of a table whose rows are all gone (mapped to keys, or template rows).
fn drop_emptied_tables<S: AsRef<str>>(lines: &[S], in_code: &[bool], keep: &mut [bool]) {
    let line = |j: usize| lines[j].as_ref();
    let mut j = 0;
    while j + 1 < lines.len() {
        if in_code[j] || !is_table_line(line(j)) || !is_delimiter_row(line(j + 1)) {
            j += 1;
            continue;
        }
        let rows = j + 2
            ..(j + 2..lines.len())
                .find(|&k| in_code[k] || !is_table_line(line(k)))
                .unwrap_or(lines.len());
        if !rows.is_empty() && rows.clone().all(|k| !keep[k]) {
            keep[j] = false;
            keep[j + 1] = false;
        }
        j = rows.end;
    }
}

/// Drops a section (its heading included) that holds nothing but blank lines and a
/// table without rows: what is left of a template section once its placeholders, or its
/// mapped rows, are gone.
fn drop_if_hollow<S: AsRef<str>>(lines: &[S], keep: &mut [bool], heading: usize, end: usize) {
    let line = |j: usize| lines[j].as_ref();
    let is_header = |j: usize| j + 1 < end && is_delimiter_row(line(j + 1));
    let rows_left = (heading + 1..end)
        .any(|j| keep[j] && is_table_line(line(j)) && !is_delimiter_row(line(j)) && !is_header(j));
    let only_tables =
        (heading + 1..end).all(|j| !keep[j] || line(j).trim().is_empty() || is_table_line(line(j)));
    if only_tables && !rows_left {
        keep[heading..end].fill(false);
    }
}

/// What the import will write.
#[derive(Debug, Default)]
pub struct Plan {
    /// (path relative to the handbook root, text), groups before their teams.
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
    /// `without_problem` counts teams whose document stated no focus. Documents name no
    /// members, and a team already in the handbook is only noted, so `members` and
    /// `existing` stay zero.
    pub count: super::ImportCounts,
}

/// Where the charters without a parent in the documents go: under `--parent`, in its
/// folder, else top-level in `content/teams`.
struct Top<'a> {
    slug: Option<&'a str>,
    folder: String,
}

/// A document's team: a new charter, or one the handbook already has.
enum Slot {
    New(String),
    Existing(String),
}

/// Maps the documents onto charters beside the handbook's existing ones. The charters
/// without a parent in the documents (the platforms' and value streams' groups, the teams
/// of none) go under `parent`, a charter of the handbook (`--parent`, checked by the
/// caller), when there is one.
pub fn plan(mut docs: Vec<TeamApi>, survey: &Survey, parent: Option<&str>, today: Date) -> Plan {
    let mut plan = Plan::default();
    let mut taken: BTreeSet<String> = survey.teams.keys().cloned().collect();
    // The handbook's charters by slug and by name made a slug: "Identity & Access" is the
    // charter `iam` when that is its name.
    let mut existing: HashMap<String, &str> = HashMap::new();
    for (slug, t) in &survey.teams {
        existing.insert(slug.clone(), slug);
        if let Some(name) = &t.name {
            existing.entry(slugify(name)).or_insert(slug);
        }
    }
    let slots = team_slots(&docs, survey, &existing, &mut taken, &mut plan.notes);
    let mut paths: BTreeMap<String, String> = survey
        .teams
        .iter()
        .map(|(s, t)| (s.clone(), t.path.clone()))
        .collect();
    let top = Top {
        slug: parent,
        folder: super::top_folder(survey, parent),
    };
    let group_slugs = add_groups(
        &docs, &existing, &top, &mut taken, &mut paths, &mut plan, today,
    );
    let names = team_names(&docs, &slots, &existing);
    let owner_of = contested_owners(&docs, &slots);
    let files: Vec<String> = docs.iter().map(|d| d.file.clone()).collect();
    let owned_in_handbook = survey.owners();

    for (index, (d, slot)) in docs.iter_mut().zip(&slots).enumerate() {
        let Slot::New(slug) = slot else { continue };
        let mut notes = std::mem::take(&mut d.notes);
        let interactions = take_interactions(d, slug, &names, &mut notes);
        drop_emptied_tables(&d.lines, &d.in_code, &mut d.keep);
        if let Some((heading, end)) = d.interaction_section {
            drop_if_hollow(&d.lines, &mut d.keep, heading, end);
        }
        let mut owns = Vec::new();
        for item in &d.owns {
            if let Some(path) = owned_in_handbook.get(&crate::model::ownership_key(item)) {
                notes.push(format!(
                    "{}: {item} is already owned by {path}; left out (ownership is exclusive)",
                    d.file
                ));
                continue;
            }
            match owner_of.get(item) {
                Some(&(owner, named)) if owner != index => notes.push(format!(
                    "{}: {item} is also claimed by {}, {}; it stays there (ownership is exclusive)",
                    d.file,
                    files[owner],
                    if named {
                        "whose name it carries"
                    } else {
                        "the first to name it"
                    }
                )),
                _ => owns.push(item.as_str()),
            }
        }
        if d.focus.is_none() {
            plan.count.without_problem += 1;
        }
        if d.reviewed.is_none() {
            plan.count.undated += 1;
        }
        let grouping = d.grouping.as_ref().and_then(|g| group_slugs.get(g));
        let parent = grouping.map(String::as_str).or(top.slug);
        let path = match grouping.and_then(|p| paths.get(p)) {
            Some(pp) => format!("{}/{slug}.md", pp.trim_end_matches(".md")),
            None => format!("{}/{slug}.md", top.folder),
        };
        let body = assemble_body(&d.lines, &d.keep, &d.in_code);
        plan.count.owned += owns.len();
        plan.count.interactions += interactions.len();
        plan.count.teams += 1;
        let text = team_charter(d, parent, &owns, &interactions, &body);
        plan.files.push((path, text));
        plan.notes.extend(notes);
    }
    plan
}

/// Each document's team, in file order: a charter the handbook already has (by slug or
/// by name), else a new slug of its own (numbered when two documents share a name).
fn team_slots(
    docs: &[TeamApi],
    survey: &Survey,
    existing: &HashMap<String, &str>,
    taken: &mut BTreeSet<String>,
    notes: &mut Vec<String>,
) -> Vec<Slot> {
    let mut slots = Vec::new();
    for d in docs {
        let base = d.team_id.clone().unwrap_or_else(|| slugify(&d.name));
        let base = if base.is_empty() {
            "team".to_owned()
        } else {
            base
        };
        let found = existing
            .get(&base)
            .or_else(|| existing.get(&slugify(&d.name)));
        if let Some(&slug) = found {
            notes.push(format!(
                "{}: team {} is already in the handbook as {}; kept as it is",
                d.file, d.name, survey.teams[slug].path
            ));
            slots.push(Slot::Existing(slug.to_owned()));
            continue;
        }
        let slug = unique_slug(&base, taken);
        if slug != base {
            notes.push(format!(
                "{}: another document is also named {}; this one is {slug}",
                d.file, d.name
            ));
        }
        slots.push(Slot::New(slug));
    }
    slots
}

/// One group charter per platform or value stream the documents name, unless the
/// handbook has it; returns the grouping's slug by its name.
fn add_groups(
    docs: &[TeamApi],
    existing: &HashMap<String, &str>,
    top: &Top,
    taken: &mut BTreeSet<String>,
    paths: &mut BTreeMap<String, String>,
    plan: &mut Plan,
    today: Date,
) -> BTreeMap<String, String> {
    let mut group_slugs: BTreeMap<String, String> = BTreeMap::new();
    for d in docs {
        let Some(g) = &d.grouping else { continue };
        if group_slugs.contains_key(g) {
            continue;
        }
        let base = slugify(g);
        if base.is_empty() {
            continue;
        }
        if let Some(&slug) = existing.get(&base) {
            group_slugs.insert(g.clone(), slug.to_owned());
            continue;
        }
        // A grouping whose slug a team has is `…-group`, then `…-group-2`: the team keeps
        // the plain one.
        let slug = match taken.contains(&base) {
            true => unique_slug(&format!("{base}-group"), taken),
            false => unique_slug(&base, taken),
        };
        let path = format!("{}/{slug}.md", top.folder);
        paths.insert(slug.clone(), path.clone());
        plan.files.push((path, group_charter(g, top.slug, today)));
        plan.count.groups += 1;
        group_slugs.insert(g.clone(), slug);
    }
    group_slugs
}

/// Who an interaction row can name: imported teams and the handbook's charters, by
/// slug, by name, and without a trailing "team".
fn team_names(
    docs: &[TeamApi],
    slots: &[Slot],
    existing: &HashMap<String, &str>,
) -> HashMap<String, String> {
    let mut names: HashMap<String, String> = HashMap::new();
    let mut add = |key: String, slug: &str| {
        if !key.is_empty() {
            names.entry(key).or_insert_with(|| slug.to_owned());
        }
    };
    for (d, slot) in docs.iter().zip(slots) {
        let (Slot::New(slug) | Slot::Existing(slug)) = slot;
        for key in [slug.clone(), slugify(&d.name)] {
            add(key.trim_end_matches("-team").to_owned(), slug);
            add(key, slug);
        }
    }
    for (key, slug) in existing {
        add(key.trim_end_matches("-team").to_owned(), slug);
        add(key.clone(), slug);
    }
    names
}

/// Ownership is exclusive: an item two documents name goes to the team whose name it
/// carries (`payments-api` to Payments, not to Checkout, which wrote its first version),
/// else to the first document that names it. Item → (document index, by its name).
fn contested_owners(docs: &[TeamApi], slots: &[Slot]) -> BTreeMap<String, (usize, bool)> {
    let mut claims: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, (d, slot)) in docs.iter().zip(slots).enumerate() {
        if let Slot::New(_) = slot {
            for item in &d.owns {
                claims.entry(item.as_str()).or_default().push(i);
            }
        }
    }
    let carries = |item: &str, i: usize| {
        let (item, name) = (slugify(item), slugify(&docs[i].name));
        let name = name.trim_end_matches("-team");
        !name.is_empty()
            && item.starts_with(name)
            && matches!(item[name.len()..].chars().next(), None | Some('-'))
    };
    claims
        .iter()
        .filter(|(_, who)| who.len() > 1)
        .map(|(item, who)| {
            let named: Vec<usize> = who.iter().copied().filter(|&i| carries(item, i)).collect();
            let owner = match named.as_slice() {
                [one] => (*one, true),
                _ => (who[0], false),
            };
            ((*item).to_owned(), owner)
        })
        .collect()
}

/// The interaction rows of a document that name a known team and mode, each taken out
/// of the body (the charter's `[[interactions]]` say them); the rest stay, with a note.
fn take_interactions(
    d: &mut TeamApi,
    slug: &str,
    names: &HashMap<String, String>,
    notes: &mut Vec<String>,
) -> Vec<(String, &'static str, Option<String>)> {
    let mut interactions: Vec<(String, &'static str, Option<String>)> = Vec::new();
    let mut listed: HashSet<(String, &'static str)> = HashSet::new();
    for row in &d.interactions {
        let key = slugify(&row.team);
        let target = names
            .get(&key)
            .or_else(|| names.get(key.trim_end_matches("-team")))
            .cloned();
        let at = format!("{}:{}", d.file, row.line + 1);
        match (target, row.mode) {
            (Some(t), _) if t == slug => {
                notes.push(format!("{at}: an interaction with the team itself; left out"));
            }
            (Some(t), Some(mode)) => {
                if listed.insert((t.clone(), mode)) {
                    interactions.push((t, mode, row.about.clone()));
                } else {
                    notes.push(format!("{at}: {} is listed twice; the first row is kept", row.team));
                }
                d.keep[row.line] = false;
            }
            (Some(_), None) => notes.push(format!(
                "{at}: interaction mode `{}` is not collaboration, x-as-a-service or facilitating; the row stays in the body",
                row.mode_text
            )),
            (None, _) => notes.push(format!(
                "{at}: no team named {} in the documents or the handbook; the row stays in the body",
                row.team
            )),
        }
    }
    interactions
}

fn group_charter(name: &str, parent: Option<&str>, today: Date) -> String {
    let fm = CharterFrontMatter {
        name,
        kind: "group",
        parent,
        reviewed: Some(toml_date(today)),
        ..CharterFrontMatter::default()
    };
    format!(
        "{}A platform or value stream named by its teams' Team API documents.\n",
        fm.to_front_matter()
    )
}

fn team_charter(
    d: &TeamApi,
    parent: Option<&str>,
    owns: &[&str],
    interactions: &[(String, &'static str, Option<String>)],
    body: &str,
) -> String {
    let mut contact = BTreeMap::new();
    if !d.chat.is_empty() {
        contact.insert("chat", d.chat.join(" "));
    }
    if let Some(e) = &d.email {
        contact.insert("email", e.clone());
    }
    if let Some(w) = &d.wiki {
        contact.insert("wiki", w.clone());
    }
    let metrics: Vec<MetricEntry> = if d.metrics.is_empty() {
        vec![MetricEntry::placeholder()]
    } else {
        d.metrics
            .iter()
            .map(|m| MetricEntry {
                name: &m.name,
                current: m.current.as_deref(),
                target: m.target.as_deref(),
            })
            .collect()
    };
    let problem = d.focus.as_deref().map(sentence);
    let fm = CharterFrontMatter {
        name: &d.name,
        kind: "team",
        parent,
        lead: d.lead.as_deref(),
        members: d.members.iter().map(String::as_str).collect(),
        problem: Some(problem.as_deref().unwrap_or(scaffold::PLACEHOLDER_PROBLEM)),
        topology: d.topology,
        owns: owns.to_vec(),
        reviewed: d.reviewed.map(toml_date),
        contact,
        metrics,
        interactions: interactions
            .iter()
            .map(|(team, mode, about)| InteractionEntry {
                team,
                mode,
                about: about.as_deref(),
            })
            .collect(),
        ..CharterFrontMatter::default()
    };
    let mut out = fm.to_front_matter();
    if body.trim().is_empty() {
        out.push_str("Imported from the team's Team API document.\n");
    } else {
        out.push_str(body);
        if !body.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

/// A focus written as the rest of "Name – take card payments" starts a sentence as a
/// problem statement does.
fn sentence(focus: &str) -> String {
    let mut c = focus.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Every Markdown file under the paths given (files as they are, folders walked, hidden
/// folders and `node_modules/` skipped), in a stable order. A data file given by name
/// (`.yaml`, `.yml`, `.toml`, `.json`) is refused: a Team API is a page, and teams kept as
/// data have importers of their own.
pub fn markdown_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            if let Some(why) = data_file(p) {
                return Err(why);
            }
            out.push(p.clone());
            continue;
        }
        if !p.is_dir() {
            return Err(format!("{}: no such file or folder", p.display()));
        }
        let walk = walkdir::WalkDir::new(p)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0 || {
                    let n = e.file_name().to_string_lossy();
                    !(n.starts_with('.') || n == "node_modules")
                }
            });
        for entry in walk {
            let entry = entry.map_err(|e| format!("{}: {e}", p.display()))?;
            let is_md = entry.path().extension().is_some_and(|x| {
                x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown")
            });
            if entry.file_type().is_file() && is_md {
                out.push(entry.into_path());
            }
        }
    }
    Ok(out)
}

/// Why `path` is no Team API when it is a data file rather than Markdown, naming the
/// importer that reads its kind.
fn data_file(path: &Path) -> Option<String> {
    let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
    if !matches!(ext.as_str(), "yaml" | "yml" | "toml" | "json") {
        return None;
    }
    let shown = path.display();
    let is_sigs = path
        .file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("sigs.yaml"));
    let is_peribolos = matches!(ext.as_str(), "yaml" | "yml")
        && std::fs::read_to_string(path)
            .ok()
            .and_then(|t| crate::team_data::peribolos_teams(&t))
            .is_some();
    Some(if is_sigs {
        format!(
            "{shown} is not Markdown: a Team API is a Markdown page; a Kubernetes-style list of groups is read by `orgbook import sigs {shown}`"
        )
    } else if is_peribolos {
        format!(
            "{shown} is not Markdown: a Team API is a Markdown page; Prow's peribolos teams are read by `orgbook import peribolos {shown}`"
        )
    } else if ext == "toml" {
        format!(
            "{shown} is not Markdown: a Team API is a Markdown page; teams kept in TOML the rust-lang/team way are read by `orgbook import rust-team PATH`, and a Backstage catalog in YAML by `orgbook import backstage`"
        )
    } else {
        format!(
            "{shown} is not Markdown: a Team API is a Markdown page; for a catalog of teams in YAML, use `orgbook import backstage {shown}`"
        )
    })
}

/// The folder's name when the file is its `README.md` or `index.md` (a team's folder in a
/// repository of teams), for the team's name when the document gives none.
pub fn folder_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_string_lossy().to_ascii_lowercase();
    if !matches!(stem.as_str(), "readme" | "index" | "team-api" | "team_api") {
        return None;
    }
    let parent = path
        .canonicalize()
        .ok()?
        .parent()?
        .file_name()?
        .to_string_lossy()
        .into_owned();
    Some(parent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(text: &str) -> TeamApi {
        match read_team_api("teams/payments/README.md", text, Some("payments")) {
            Reading::Team(t) => *t,
            Reading::Skipped(why) => panic!("skipped: {why}"),
        }
    }

    const OFFICIAL: &str = "\
# Team API

## Team API

Date: 12 March 2024

* Team name and focus: Payments – take card payments for every market we sell in
* Team type: Stream-Aligned
* Part of a Platform? (y/n) Details: y – Commerce Platform
* Do we provide a service to other teams? (y/n) Details: y, the payments API
* What kind of Service Level Expectations do other teams have of us?
* Software owned and evolved by this team: payments-api, ledger (legacy), `refunds`
* Versioning approaches: semantic versioning of the API
* Wiki search terms:
* Chat tool channels: #payments #payments-oncall #_____________
* Time of daily sync meeting: 09:45

> Team type: (Stream-Aligned, Enabling, Complicated Subsystem, Platform)

### Teams we currently interact with

| Team name/focus | Interaction Mode | Purpose | Duration |
| --------------- | ---------------- | ------- | -------- |
| Identity – sign-in | X-as-a-Service | Customer sign-in at checkout | Ongoing |
| Fraud | Collaboration | New risk scores | 3 months |
| Martians | Collaboration | Nothing | |
| .               |                  |         |          |

> Team Interaction Modes: (Collaboration, X-as-a-Service, Facilitating)

### Teams we expect to interact with soon

| Team name/focus | Interaction Mode | Purpose | Duration |
| --------------- | ---------------- | ------- | -------- |
| .               |                  |         |          |
";

    #[test]
    fn the_official_template_filled_in() {
        let t = team(OFFICIAL);
        assert_eq!(t.name, "Payments");
        assert_eq!(
            t.focus.as_deref(),
            Some("take card payments for every market we sell in")
        );
        assert_eq!(t.topology, Some("stream-aligned"));
        assert_eq!(t.grouping.as_deref(), Some("Commerce Platform"));
        assert_eq!(t.owns, ["payments-api", "ledger", "refunds"]);
        assert_eq!(t.chat, ["#payments", "#payments-oncall"]);
        assert_eq!(t.reviewed, Some(jiff::civil::date(2024, 3, 12)));
        let rows: Vec<(&str, Option<&str>)> = t
            .interactions
            .iter()
            .map(|r| (r.team.as_str(), r.mode))
            .collect();
        assert_eq!(
            rows,
            [
                ("Identity", Some("x-as-a-service")),
                ("Fraud", Some("collaboration")),
                ("Martians", Some("collaboration"))
            ]
        );
        assert_eq!(
            t.interactions[1].about.as_deref(),
            Some("New risk scores (3 months)")
        );
        let body = assemble_body(&t.lines, &t.keep, &t.in_code);
        // Mapped fields, empty fields and the template's instructions are gone; filled
        // fields with no charter key stay.
        for gone in [
            "Team name and focus",
            "Team type",
            "Wiki search terms",
            "What kind of Service",
            "> Team",
            "Chat tool",
            "expect to interact",
            "## Team API",
        ] {
            assert!(!body.contains(gone), "{gone:?} in {body}");
        }
        for kept in [
            "Versioning approaches: semantic",
            "Time of daily sync meeting: 09:45",
        ] {
            assert!(body.contains(kept), "{kept:?} not in {body}");
        }
    }

    #[test]
    fn communication_and_team_members_sections_fill_contact_and_people() {
        let t = team(
            "---\nname: Search Team\nteam_type: stream-aligned\n---\n\n## Team name and focus\nSearch Team - help shoppers find things\n\n## Communication Preferences\n_[Extended]_\n\n### Channels\n- **Slack (primary)**:\n  - #search-help - questions and feedback\n  - #search-alerts - paging, watched around the clock\n- **Email**: search@example.org (we answer in a day)\n- **Wiki**: https://wiki.example.org/search\n- **Office hours**: Tuesdays\n\n## Team Members\n_[Extended]_\n\n- **Product Manager**: Noor Haddad (roadmap, research)\n- **Tech Lead**: Piet de Vries (architecture)\n- Lia Wong – engineer\n- Tomas Novak (Engineer)\n- see the org chart: https://people.example.org\n",
        );
        assert_eq!(t.chat, ["#search-help", "#search-alerts"]);
        assert_eq!(t.email.as_deref(), Some("search@example.org"));
        assert_eq!(t.wiki.as_deref(), Some("https://wiki.example.org/search"));
        assert_eq!(
            t.members,
            ["Noor Haddad", "Piet de Vries", "Lia Wong", "Tomas Novak"]
        );
        assert_eq!(t.lead.as_deref(), Some("Piet de Vries"));
        assert!(
            t.notes
                .iter()
                .any(|n| n.contains("`see the org chart: https://people.example.org` is not read as a team member; kept in the body")),
            "{:?}",
            t.notes
        );
        let body = assemble_body(&t.lines, &t.keep, &t.in_code);
        assert!(
            body.contains("Tech Lead**: Piet de Vries (architecture)"),
            "{body}"
        );
        assert!(body.contains("#search-alerts - paging"), "{body}");
    }

    #[test]
    fn rows_are_mapped_when_their_team_is_known() {
        let payments = team(OFFICIAL);
        let identity = team("* Team name and focus: Identity – sign-in\n* Team type: platform\n");
        let fraud = team(
            "* Team name and focus: Fraud Team – risk scores\n* Team type: complicated subsystem\n",
        );
        let plan = plan(
            vec![payments, identity, fraud],
            &Survey::default(),
            None,
            jiff::civil::date(2026, 1, 2),
        );
        assert_eq!(
            (plan.count.teams, plan.count.groups, plan.count.interactions),
            (3, 1, 2)
        );
        let (path, text) = &plan.files[1];
        assert_eq!(path, "content/teams/commerce-platform/payments.md");
        assert!(text.contains("parent = \"commerce-platform\""), "{text}");
        assert!(text.contains("team = \"identity\""), "{text}");
        assert!(text.contains("team = \"fraud-team\""), "{text}");
        assert!(text.contains("reviewed = 2024-03-12"), "{text}");
        assert!(
            text.contains("chat = \"#payments #payments-oncall\""),
            "{text}"
        );
        // The unknown team's row stays in the body; mapped rows do not.
        assert!(text.contains("| Martians |"), "{text}");
        assert!(!text.contains("| Fraud |"), "{text}");
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains("README.md:26: no team named Martians"),
            "{notes}"
        );
        crate::import::assert_charters_parse(&plan.files);
    }

    #[test]
    fn front_matter_and_sections_of_the_later_templates() {
        let t = team(
            "---\nteam_id: checkout-team\nname: Checkout Team\nteam_type: stream-aligned\nposition:\n  x: 1.0\n  y: 2.0\nmetadata:\n  size: 8\n  flow_metrics:\n    lead_time_days: 5\n    change_fail_rate: 0.08\nvalue_stream: E-Commerce\n---\n\n# Checkout Team\n\n## Team name and focus\nCheckout Team – Owns checkout, from cart to confirmation.\n\n## Team type\nstream-aligned\n\n## Part of a value stream?\n\nYes - E-Commerce\n\nThis team works within the E-Commerce value stream.\n\n## Software owned and evolved by this team\n\n- **Checkout UI** (https://git.example/checkout-ui) - React\n- `cart-service`: carts\n\n## Teams we currently interact with\n\n| Team Name | Interaction Mode | Purpose | Duration |\n|-----------|------------------|---------|----------|\n| Payments Team | X-as-a-Service | Card payments | Ongoing |\n",
        );
        assert_eq!(t.name, "Checkout Team");
        assert_eq!(t.team_id.as_deref(), Some("checkout-team"));
        assert_eq!(
            t.focus.as_deref(),
            Some("Owns checkout, from cart to confirmation.")
        );
        assert_eq!(t.grouping.as_deref(), Some("E-Commerce"));
        assert_eq!(t.owns, ["Checkout UI", "cart-service"]);
        assert_eq!(
            t.metrics,
            [
                ApiMetric {
                    name: "Lead time for changes".to_owned(),
                    current: Some("5 days".to_owned()),
                    target: None
                },
                ApiMetric {
                    name: "Change failure rate".to_owned(),
                    current: Some("8 %".to_owned()),
                    target: None
                }
            ]
        );
        assert!(
            t.notes.iter().any(|n| n.contains("metadata.size (8)")),
            "{:?}",
            t.notes
        );
        let body = assemble_body(&t.lines, &t.keep, &t.in_code);
        assert!(!body.contains("Team name and focus"), "{body}");
        assert!(!body.contains("## Team type"), "{body}");
        // The section's answer goes; what follows it stays under its heading.
        assert!(
            body.contains("## Part of a value stream?\n\nThis team works"),
            "{body}"
        );
        assert!(body.contains("## Software owned"), "{body}");
    }

    #[test]
    fn the_fields_as_a_table() {
        let t = team(
            "# Payments\n\n| Field | Value |\n|---|---|\n| **Team name and focus** | Payments – card payments |\n| Team type | Stream-aligned |\n| Software owned and evolved by this team | payments-api<br>ledger |\n| Versioning approaches | |\n\n## Notes\n\nWe are hiring.\n",
        );
        assert_eq!(t.name, "Payments");
        assert_eq!(t.topology, Some("stream-aligned"));
        assert_eq!(t.owns, ["payments-api", "ledger"]);
        let body = assemble_body(&t.lines, &t.keep, &t.in_code);
        // Every row mapped or empty: the table goes with its header.
        assert_eq!(body, "## Notes\n\nWe are hiring.\n");
    }

    #[test]
    fn a_data_table_with_team_names_is_not_a_team_api() {
        let text = "| kind | query | bytes |\n|---|---|---|\n| team name | `Forecasting` | 55 KB |\n| team name | `Feature Store` | 69 KB |\n";
        assert!(matches!(
            read_team_api("docs/performance.md", text, None),
            Reading::Skipped(_)
        ));
    }

    #[test]
    fn other_generators_front_matter_is_not_a_team_api() {
        // Hugo's `type` and Docusaurus's `id` are not the templates' keys.
        assert!(matches!(
            read_team_api(
                "content/_index.md",
                "---\ntitle: Docs\ntype: docs\nid: intro\n---\n# Docs\n",
                None
            ),
            Reading::Skipped(_)
        ));
    }

    #[test]
    fn templates_and_other_pages_are_skipped_by_content() {
        let template = "## Team API\n\nDate:\n\n* Team name and focus:\n* Team type:\n* Software owned and evolved by this team:\n* Chat tool channels: #_____________ #_____________\n\n> Team type: (Stream-Aligned, Enabling, Complicated Subsystem, Platform)\n";
        assert!(matches!(
            read_team_api("TEMPLATE.md", template, None),
            Reading::Skipped(why) if why.contains("template")
        ));
        assert!(matches!(
            read_team_api("onboarding.md", "# Onboarding\n\nDate: 2024-01-01\n\nWelcome.\n", None),
            Reading::Skipped(why) if why.contains("not a Team API")
        ));
    }

    /// A group's README with a `- **Contact:**` line under each of its subprojects (the
    /// Kubernetes SIG READMEs): one field said many times is no Team API, and not an
    /// unfilled template either.
    #[test]
    fn one_label_repeated_is_not_a_team_api() {
        let readme = "# Ledger Special Interest Group\n\n## Subprojects\n\n### books\n- **Owners:**\n  - example/books/OWNERS\n- **Contact:**\n  - Chat: #ledger-books\n\n### audit\n- **Contact:**\n  - Chat: #ledger-audit\n";
        match read_team_api("ledger/README.md", readme, Some("ledger")) {
            Reading::Skipped(why) => assert!(why.starts_with("not a Team API"), "{why}"),
            Reading::Team(t) => panic!("read as a team: {}", t.name),
        }
    }

    #[test]
    fn field_values_people_write() {
        assert_eq!(topology("Stream-aligned team"), Ok(Some("stream-aligned")));
        assert_eq!(
            topology("Complicated Subsystem (ML)"),
            Ok(Some("complicated-subsystem"))
        );
        assert_eq!(topology("undefined"), Ok(None));
        assert!(topology("Stream-Aligned, Enabling, Complicated Subsystem, Platform").is_err());
        assert!(topology("feature team").is_err());
        assert_eq!(grouping("n"), Ok(None));
        assert_eq!(grouping("No"), Ok(None));
        assert_eq!(
            grouping("Yes – Cloud Infrastructure Platform Grouping (stream-aligned team)"),
            Ok(Some("Cloud Infrastructure Platform Grouping".to_owned()))
        );
        assert_eq!(
            grouping("Yes, the Data Platform."),
            Ok(Some("Data Platform".to_owned()))
        );
        assert!(grouping("yes").is_err());
        assert_eq!(interaction_mode("X-as-a-Service"), Some("x-as-a-service"));
        assert_eq!(interaction_mode("XaaS"), Some("x-as-a-service"));
        assert_eq!(interaction_mode("Facilitation"), Some("facilitating"));
        assert_eq!(interaction_mode("pairing"), None);
        assert_eq!(
            owned_item("[Ledger](https://x.example/l) - books"),
            Some("Ledger".into())
        );
        assert_eq!(owned_item("- N/A"), None);
        assert_eq!(
            split_name_focus("**Payments**: card acceptance"),
            ("Payments".to_owned(), Some("card acceptance".to_owned()))
        );
        assert_eq!(
            title_without_template_words("Team API: Payments").as_deref(),
            Some("Payments")
        );
        assert_eq!(title_without_template_words("Team API"), None);
    }

    #[test]
    fn ownership_stays_exclusive_and_existing_teams_are_kept() {
        let a = team(
            "* Team name and focus: Alpha – a\n* Team type: platform\n* Software owned and evolved by this team: shared-db, alpha-svc, beta-svc\n\n## Teams we currently interact with\n\n| Team | Mode | Purpose |\n|---|---|---|\n| Delta Force | Facilitating | Training |\n",
        );
        let b = team(
            "* Team name and focus: Beta – b\n* Team type: platform\n* Software owned and evolved by this team: shared-db, beta-svc\n",
        );
        let c = team("* Team name and focus: Gamma – c\n* Team type: platform\n");
        // Known by its name, not its slug: the handbook's `g` is named "Delta Force".
        let d = team("* Team name and focus: Delta Force – d\n* Team type: platform\n");
        let entry = |path: &str, name: &str, owns: &[&str]| scaffold::TeamEntry {
            owns: owns.iter().map(|o| o.to_string()).collect(),
            path: path.to_owned(),
            kind: Some(crate::model::TeamKind::Team),
            name: Some(name.to_owned()),
            people: Vec::new(),
            codeowners: Vec::new(),
        };
        let survey = Survey {
            teams: [
                // Gamma owns alpha-svc already (written as the build compares it).
                (
                    "gamma".to_owned(),
                    entry("content/teams/gamma.md", "Gamma", &[" Alpha-SVC"]),
                ),
                (
                    "g".to_owned(),
                    entry("content/teams/g.md", "Delta Force", &[]),
                ),
            ]
            .into(),
            decisions: Default::default(),
        };
        let plan = plan(
            vec![a, b, c, d],
            &survey,
            None,
            jiff::civil::date(2026, 1, 2),
        );
        assert_eq!(plan.count.teams, 2);
        // An interaction with it names its slug.
        assert!(
            plan.files[0].1.contains("team = \"g\""),
            "{}",
            plan.files[0].1
        );
        assert!(
            plan.notes.iter().any(|n| n.contains("Delta Force is already in the handbook as content/teams/g.md")),
            "{:?}",
            plan.notes
        );
        assert!(
            plan.files[0].1.contains("owns = [\"shared-db\"]"),
            "{}",
            plan.files[0].1
        );
        // `beta-svc` carries Beta's name: it is Beta's, though Alpha named it first.
        assert!(
            plan.files[1].1.contains("owns = [\"beta-svc\"]"),
            "{}",
            plan.files[1].1
        );
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains(
                "shared-db is also claimed by teams/payments/README.md, the first to name it"
            ),
            "{notes}"
        );
        assert!(
            notes.contains(
                "beta-svc is also claimed by teams/payments/README.md, whose name it carries"
            ),
            "{notes}"
        );
        assert!(
            notes.contains("already in the handbook as content/teams/gamma.md"),
            "{notes}"
        );
        // The handbook's own charters keep what they own.
        assert!(
            notes.contains(
                "alpha-svc is already owned by content/teams/gamma.md; left out (ownership is exclusive)"
            ),
            "{notes}"
        );
    }

    #[test]
    fn a_metrics_section_line_gives_its_current_value_and_target() {
        let m = |name: &str, current: Option<&str>, target: Option<&str>| ApiMetric {
            name: name.to_owned(),
            current: current.map(str::to_owned),
            target: target.map(str::to_owned),
        };
        assert_eq!(
            metric_line("- **First response time**: 6 h (target: < 4 h)"),
            Some(m("First response time", Some("6 h"), Some("< 4 h")))
        );
        assert_eq!(
            metric_line("* **Days to add a source:** 9"),
            Some(m("Days to add a source", Some("9"), None))
        );
        assert_eq!(
            metric_line("- **Reports on the old stack**:"),
            Some(m("Reports on the old stack", None, None))
        );
        assert_eq!(metric_line("**Not a list item**: 3"), None);
        assert_eq!(metric_line("- plain words: 3"), None);
    }
}
