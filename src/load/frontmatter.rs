//! Front matter: split the `+++` TOML block from the Markdown body and turn it into a typed
//! charter, decision or page, checking every key the format defines (docs/format.md).

use crate::diagnostic::Diagnostic;
use crate::fields::{Fields, parse_toml};
use crate::model::{
    Charter, Decision, DecisionType, Feature, Hero, Interaction, InteractionMode, Metric, PageMeta,
    Spanned, Status, TeamKind, Topology,
};
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// The language a front matter block is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `+++` … `+++`
    Toml,
    /// `---` … `---` (Jekyll, Hugo, Eleventy, Docusaurus, GitBook)
    Yaml,
}

/// Where a file's front matter is and what it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Front {
    /// Byte range of the front matter text, without the delimiter lines.
    pub range: Range<usize>,
    pub syntax: Syntax,
}

#[derive(Debug)]
pub struct Split {
    /// `None` when the file has no front matter.
    pub front: Option<Front>,
    pub body_start: usize,
}

/// Finds the `+++` (TOML) or `---` (YAML) block at the top of a file.
pub fn split(file: &str, text: &str) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line = rest.lines().next().unwrap_or("");
    let (syntax, fence) = match first_line.trim_end() {
        "+++" => (Syntax::Toml, "+++"),
        "---" => (Syntax::Yaml, "---"),
        _ => {
            return Ok(Split {
                front: None,
                body_start: start,
            });
        }
    };
    let front_start = (start + first_line.len() + 1).min(text.len());
    let mut pos = front_start;
    for line in text[pos..].split_inclusive('\n') {
        let l = line.trim_end();
        // YAML documents may also end with `...` (pandoc writes it).
        if l == fence || (syntax == Syntax::Yaml && l == "...") {
            if syntax == Syntax::Toml && inside_multiline_string(&text[front_start..pos]) {
                return Err(Diagnostic::error(
                    "toml-syntax",
                    file,
                    "front matter closes early here: this `+++` line is inside a multi-line `\"\"\"` or `'''` string",
                )
                .with_help("a line holding only `+++` always ends the front matter; indent that line of the string (` +++`) or reword it")
                .at(text, pos..pos + 3));
            }
            return Ok(Split {
                front: Some(Front {
                    range: front_start.min(pos)..pos,
                    syntax,
                }),
                body_start: pos + line.len(),
            });
        }
        pos += line.len();
    }
    Err(Diagnostic::error(
        "unclosed-front-matter",
        file,
        "front matter is never closed",
    )
    .with_help(format!(
        "add a line containing only `{fence}` after the last front matter key"
    ))
    .at(text, start..start + 3))
}

/// Whether TOML text ends inside an open multi-line string: an odd number of `"""` (or of
/// `'''`) delimiters. A heuristic (a delimiter inside a comment or the other kind of string
/// counts too), used only to explain a TOML error, never to accept or reject a file.
fn inside_multiline_string(toml: &str) -> bool {
    (toml.matches("\"\"\"").count() % 2 == 1 || toml.matches("'''").count() % 2 == 1)
        // Only text that does not parse: a `"""` in a comment must not fail a valid file.
        && DeTable::parse(toml).is_err()
}

/// Parses front matter in either syntax into the spanned table `Fields` reads.
fn parse_front<'a>(
    file: &str,
    text: &'a str,
    front: &Front,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'a>> {
    match front.syntax {
        Syntax::Toml => parse_toml(file, text, front.range.clone(), diags),
        Syntax::Yaml => super::yaml::parse_yaml(file, text, front.range.clone(), diags),
    }
}

fn need_front_matter(file: &str, text: &str, what: &str, diags: &mut Vec<Diagnostic>) {
    diags.push(
        Diagnostic::error("missing-front-matter", file, format!("{what} has no front matter"))
            .with_help("start the file with a `+++` line, the TOML keys, and another `+++` line, or the same in YAML between `---` lines (see docs/format.md)")
            .at(text, 0..0),
    );
}

/// Which decision-record format a file in `decisions/` that lacks orgbook's keys was
/// written in, from its front matter keys (`keys`, when it has front matter) and the marks
/// each format's template leaves in the body; `None` if it shows none of them.
fn adr_format(text: &str, keys: Option<&[&str]>) -> Option<&'static str> {
    // Not `deciders`, which orgbook's records have too, nor `## Context`, a heading of
    // orgbook's own template: a record of orgbook's that lacks keys must not look foreign.
    const MADR_KEYS: &[&str] = &["decision-makers", "consulted", "informed"];
    if keys.is_some_and(|keys| keys.iter().any(|k| MADR_KEYS.contains(k))) {
        return Some("MADR");
    }
    // Oxide's RFDs: `authors:` and `state: published`, nothing else of a decision's.
    if keys.is_some_and(|keys| keys.contains(&"state") && keys.contains(&"authors")) {
        return Some("an RFD template");
    }
    let (mut status_heading, mut bold_status) = (false, false);
    let (mut driver, mut owner, mut approver) = (false, false, false);
    // Google Docs' Markdown export: each heading bold (`# **ADR 7: …**`), its metadata
    // often a table whose first row, `| Status | Accepted |`, the export makes the header.
    let mut bold_title = false;
    let mut status_row = false;
    for line in text.lines().map(str::trim) {
        let lower = line.to_ascii_lowercase();
        bold_title |= lower.starts_with("# **");
        status_row |= lower.starts_with('|')
            && lower
                .split('|')
                .nth(1)
                .is_some_and(|cell| cell.trim().trim_matches(['*', '_']).trim() == "status");
        // Atlassian's DACI template opens with a table of its roles (`| **Driver** | @ana |`,
        // `| Approver | @ben |`); RFC templates with a header row naming the `Owner` and
        // the `Approvers`.
        if lower.starts_with('|') {
            for cell in lower
                .split('|')
                .map(|c| c.trim().trim_matches(['*', '_']).trim())
            {
                driver |= cell == "driver";
                owner |= cell == "owner";
                approver |= matches!(cell, "approver" | "approvers");
            }
            match (driver, owner, approver) {
                (true, _, true) => return Some("Atlassian's DACI template"),
                (_, true, true) => return Some("an RFC template"),
                _ => continue,
            }
        }
        let bullet = lower.trim_start_matches(['*', '-', ' ']);
        if lower.starts_with("## context and problem statement")
            || lower.starts_with("## decision outcome")
            || lower.starts_with("## considered options")
            || lower.starts_with("## decision drivers")
            || (bullet.len() < lower.len() && bullet.starts_with("status:"))
        {
            return Some("MADR");
        }
        status_heading |= lower == "## status";
        // Nygard's sections set out as bold paragraphs, as records written by hand have
        // them: `**Status**` alone on its line, the status in the paragraph below.
        bold_status |= matches!(lower.as_str(), "**status**" | "**status:**");
    }
    if status_row {
        return Some(match bold_title {
            true => "Google Docs (its Markdown export)",
            false => "a template with a status table",
        });
    }
    if status_heading {
        return Some("adr-tools");
    }
    bold_status.then_some("a Nygard-style template (its sections in bold)")
}

/// A page holding several records, each under a heading that numbers it with its series
/// (`### DR 5: Title`, `## ADR-001: Title`), two or more at one level, or under bare
/// numbered headings (`## 1. Title`) where `orgbook import adr` would split it (those carry
/// a status or date: numbered sections do not): (how many, the level). Fenced code is
/// skipped.
fn several_records(text: &str) -> Option<(usize, usize)> {
    let mut per_level = [0usize; 7];
    for (_, line) in super::unfenced_lines(text.lines()) {
        let t = line.trim_start();
        let level = t.len() - t.trim_start_matches('#').len();
        let heading = t[level..].strip_prefix(' ').map(str::trim_start);
        if let Some(heading) = heading
            && (1..=6).contains(&level)
            && line.len() - t.len() <= 3
            && series_numbered(heading)
        {
            per_level[level] += 1;
        }
    }
    if let Some(l) = (1..=6).find(|&l| per_level[l] >= 2) {
        return Some((per_level[l], l));
    }
    bare_numbered_records(text)
}

/// Bare numbered headings (`## 1. Title`), two or more at one level of which at least two
/// head a section that says a status or a date as a record does (`Status: …`, `## Status`,
/// `**Date**`), and no status before the first: the pages `orgbook import adr` splits
/// (`split_page`), where a record's numbered sections (`## 1. Options`) carry none.
fn bare_numbered_records(text: &str) -> Option<(usize, usize)> {
    // (line, level, numbered) of each ATX heading outside code.
    let mut headings = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut says = vec![false; lines.len()];
    for (i, line) in super::unfenced_lines(lines.iter().copied()) {
        let t = line.trim_start();
        says[i] = says_status_or_date(t);
        let level = t.len() - t.trim_start_matches('#').len();
        if let Some(heading) = t[level..].strip_prefix(' ').map(str::trim_start)
            && (1..=6).contains(&level)
            && line.len() - t.len() <= 3
        {
            headings.push((i, level, bare_numbered(heading)));
        }
    }
    (1..=6).find_map(|level| {
        let first = headings.iter().find(|h| h.1 == level && h.2)?.0;
        if says[..first].iter().any(|&s| s) {
            return None;
        }
        let mut records = 0;
        let mut stated = 0;
        for (k, &(line, l, numbered)) in headings.iter().enumerate() {
            if l != level || !numbered {
                continue;
            }
            records += 1;
            let end = headings[k + 1..]
                .iter()
                .find(|h| h.1 <= level)
                .map_or(lines.len(), |h| h.0);
            if says[line + 1..end].iter().any(|&s| s) {
                stated += 1;
            }
        }
        (records >= 2 && stated >= 2).then_some((records, level))
    })
}

/// `1. Title`, `12) Title`, `3: Title`: a number and a title, no series letters.
fn bare_numbered(heading: &str) -> bool {
    let digits = heading.len()
        - heading
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let after = &heading[digits..];
    digits > 0
        && after.starts_with(['.', ')', ':'])
        && after[1..].starts_with(' ')
        && !after[1..].trim().is_empty()
}

/// A line that gives a record's status or date: `Status: Accepted`, `* **Date:** …`,
/// `## Status`, `**Status**`.
fn says_status_or_date(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['#', '*', '-', '_', ' '])
        .to_ascii_lowercase();
    ["status", "date"].iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['*', '_']).trim_start();
            rest.is_empty() || rest.starts_with(':')
        })
    })
}

/// `ADR-001: Title`, `DR 5: Title`, `RFC 12. Title`: a series' letters, its number, and a
/// title after `:`, `.`, `)` or ` - `.
fn series_numbered(heading: &str) -> bool {
    let letters = heading.len()
        - heading
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if !(1..=5).contains(&letters) || !heading[..letters].chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let rest = heading[letters..].trim_start_matches(['-', '_', ' ']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[digits..];
    digits > 0
        && (after.starts_with([':', '.', ')'])
            || after.starts_with(" - ")
            || after.starts_with(" – "))
        && !after
            .trim_start_matches([':', '.', ')', ' ', '-', '–'])
            .trim()
            .is_empty()
}

/// The one error for a decision record written for another tool (see [`adr_format`]).
fn foreign_record(
    file: &str,
    text: &str,
    format: &str,
    at: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    const MOVE: &str = "move such records out of content/decisions/ and convert them with `orgbook import adr DIR` (docs/import.md), e.g. `git mv content/decisions adr && orgbook import adr adr`";
    let (message, help) = match several_records(text) {
        Some((n, level)) => (
            format!(
                "this page holds {n} decision records, one under each numbered `{}` heading, not one record for orgbook: it has no `type` or `team`",
                "#".repeat(level)
            ),
            format!("{MOVE}, which writes each heading's record to a file of its own"),
        ),
        None => (
            format!(
                "this is a decision record written for {format}, not for orgbook: it has no `type` or `team`"
            ),
            format!("{MOVE}; or give this one orgbook's keys: title, status, type, date, team"),
        ),
    };
    diags.push(
        Diagnostic::error("foreign-decision-record", file, message)
            .with_help(help)
            .at(text, at),
    );
}

/// Whether a file in `teams/` without orgbook's charter keys is a Team API document (Team
/// Topologies' template): the later templates' `team_type`/`team_id` keys, or two of the
/// template's field labels in its text.
fn is_team_api(text: &str, keys: Option<&[&str]>) -> bool {
    if keys.is_some_and(|keys| keys.iter().any(|k| matches!(*k, "team_type" | "team_id"))) {
        return true;
    }
    const LABELS: &[&str] = &[
        "team name and focus",
        "team type",
        "part of a platform",
        "software owned and evolved by this team",
        "chat tool channels",
        "teams we currently interact with",
    ];
    let mut seen = 0;
    for line in text.lines() {
        let lower = line
            .trim()
            .trim_start_matches(['#', '*', '-', '_', ' '])
            .to_ascii_lowercase();
        if LABELS.iter().any(|l| lower.starts_with(l)) {
            seen += 1;
            if seen == 2 {
                return true;
            }
        }
    }
    false
}

/// The one error for a Team API document in `teams/` (see [`is_team_api`]).
fn foreign_charter(file: &str, text: &str, at: Range<usize>, diags: &mut Vec<Diagnostic>) {
    diags.push(
        Diagnostic::error(
            "foreign-charter",
            file,
            "this is a Team API document (Team Topologies' template), not an orgbook charter: it has no `problem` or `metrics`",
        )
        .with_help("move such documents out of content/teams/ and convert them with `orgbook import team-api PATH` (docs/import.md), e.g. `mkdir team-apis && git mv content/teams/payments.md team-apis/ && orgbook import team-api team-apis`; or give this one orgbook's keys: name, problem, metrics")
        .at(text, at),
    );
}

/// Page keys a team's page written for another generator carries, accepted in a charter
/// without effect (with [`NAVIGATION_KEYS`]). Not `draft` or `slug`: a charter that set
/// them would expect them to work.
const MOVED_PAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "weight",
    "nav_order",
    "sidebar_position",
    "keywords",
    "tags",
];

const CHARTER_KEYS: &[&str] = &[
    "name",
    "kind",
    "parent",
    "problem",
    "metrics",
    "owns",
    "lead",
    "members",
    "contact",
    "reviewed",
    "topology",
    "interactions",
    "codeowners",
];

/// Whether a file's front matter holds one of a charter's keys at its top level (a line
/// starting `name =`, `problem:`, `[contact]`, `[[metrics]]`…), or its body is a Team API
/// document (which gets its own error). Read line by line, not parsed: it decides only
/// whether a file in a team's folder is read as a charter (and then fully parsed, with
/// every error reported) or as a page ([`super::in_team_folder`]).
pub fn names_charter_keys(text: &str, front: Option<&Front>) -> bool {
    let Some(front) = front else {
        return is_team_api(text, None);
    };
    let Some(front_text) = text.get(front.range.clone()) else {
        return false;
    };
    // In TOML, keys after a table header (`[author]`) belong to that table.
    let mut in_other_table = false;
    front_text.lines().any(|line| {
        let nested_yaml = front.syntax == Syntax::Yaml && line.starts_with([' ', '\t']);
        let line = line.trim_start();
        let header = front.syntax == Syntax::Toml && line.starts_with('[');
        let line = line.trim_start_matches('[').trim_start_matches('"');
        let key_end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(line.len());
        let key = &line[..key_end];
        let rest = line[key_end..].trim_start_matches('"').trim_start();
        let charter_key = CHARTER_KEYS.contains(&key);
        if header {
            in_other_table = !charter_key;
            return charter_key;
        }
        charter_key && !nested_yaml && !in_other_table && rest.starts_with(['=', ':'])
    }) || is_team_api(text, None)
}

/// The error for a file directly in content/teams/ without a charter's keys (without front
/// matter at all, or `has_front` without those keys) in a handbook that has charters: in
/// that handbook, the folder holds charters. Handbooks moved in keep a folder of pages per
/// team (`teams/delivery/processes.md`): the likelier fix is to move the page, not to make
/// it a charter.
pub fn not_a_charter(file: &str, text: &str, has_front: bool) -> Diagnostic {
    const HELP: &str = "a file directly in content/teams/ is a team's charter: one file a team, starting with `+++` lines around its `name`, `problem` and `metrics` (docs/format.md). A page about a team (its processes, its on-call guide) goes in the team's folder: `content/teams/<team>/`, beside the charter written as that folder's `index.md`, where it is published as a page and listed on the team's page";
    let d = if has_front {
        Diagnostic::error(
            "missing-key",
            file,
            "team charter has none of a charter's keys (`name`, `problem`, `metrics`…) in its front matter",
        )
    } else {
        Diagnostic::error(
            "missing-front-matter",
            file,
            "team charter has no front matter",
        )
    };
    d.with_help(HELP).at(text, 0..0)
}

/// A team slug becomes a file name and a URL: keep it to what is safe in both.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub fn charter(
    file: &str,
    rel: &str,
    text: &str,
    front: Option<Front>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Charter> {
    // A Team API document gets one error that says how to bring it in, not one per key.
    let Some(front) = front else {
        if is_team_api(text, None) {
            foreign_charter(file, text, 0..0, diags);
        } else {
            diags.push(not_a_charter(file, text, false));
        }
        return None;
    };
    let slug = super::charter_slug(rel).to_string();
    if !is_valid_slug(&slug) {
        diags.push(
            Diagnostic::error("invalid-slug", file, format!("team file name `{slug}` is not a valid slug"))
                .with_help("rename the file using lowercase letters, digits and `-`, e.g. `payments-platform.md`; the name becomes the page URL")
                .at(text, 0..0),
        );
    }
    let offset = front.range.start;
    let table = parse_front(file, text, &front, diags)?;
    let has = |key: &str| table.iter().any(|(k, _)| k.get_ref().as_ref() == key);
    if !has("problem") && !has("metrics") {
        let keys: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
        if is_team_api(text, Some(&keys)) {
            foreign_charter(file, text, offset..offset, diags);
            return None;
        }
    }
    // A charter that was another generator's team page (`teams/payments/index.md`) keeps
    // that generator's keys (`title`, `sidebar_position`, `layout`): not typos of a
    // charter's keys, so not errors.
    let foreign: Vec<&str> = table
        .iter()
        .map(|(k, _)| k.get_ref().as_ref())
        .filter(|k| {
            !CHARTER_KEYS.contains(k)
                && (NAVIGATION_KEYS.contains(k) || MOVED_PAGE_KEYS.contains(k))
        })
        .collect();
    // Spans from the table are relative to the front matter text; `Fields` adds the offset.
    let mut f = Fields::new(file, text, &table, "team charter", diags)
        .with_offset(offset)
        .yaml(front.syntax == Syntax::Yaml);
    f.ignore(&foreign);
    let name = f.required_str("name");
    let kind = team_kind(&mut f, offset);
    let parent = f.opt_spanned_str("parent");
    let problem = f.opt_str("problem").filter(|p| !p.trim().is_empty());
    let metrics = metrics(&mut f);
    // `owns: Search API`: one string is a list, as `members` and `codeowners` are.
    let owns = f.spanned_list("owns");
    let codeowners = f.spanned_list("codeowners");
    let (members, lead_by_role) = members(&mut f);
    let lead = f.opt_str("lead").or(lead_by_role);
    let contact = match f.opt_table("contact") {
        Some(t) => f.child(t, "[contact]").string_map(),
        None => Vec::new(),
    };
    let reviewed = f.opt_date("reviewed").map(|(d, span)| {
        crate::checks::reviewed_date(&mut f, d, span, crate::clock::today());
        d
    });
    let topology = f.opt_spanned_str("topology").and_then(|found| {
        one_of(
            &mut f,
            offset,
            found,
            &Topology::ALL,
            "team topology",
            "topology",
        )
    });
    let interactions = interactions(&mut f, offset);
    if kind == TeamKind::Team {
        if problem.is_none() && f.key_span("problem").is_none() {
            f.missing(
                "problem",
                "\"One or two sentences: the problem this team owns.\"",
            );
        }
        if metrics.is_empty() && f.key_span("metrics").is_none() {
            let example = if f.is_yaml() {
                "[{ name: \"…\", target: \"…\" }] (or indented `- name: …` lines)"
            } else {
                "[{ name = \"…\", target = \"…\" }] (or a [[metrics]] section)"
            };
            f.missing("metrics", example);
        }
    }
    f.finish_typos_fail(CHARTER_KEYS);
    Some(Charter {
        slug,
        name: name?,
        kind,
        parent: parent.map(crate::model::TeamRef::from),
        problem,
        metrics,
        owns: owns.into_iter().map(Spanned::from).collect(),
        lead,
        members,
        contact,
        reviewed,
        topology,
        interactions,
        codeowners: codeowners.into_iter().map(Spanned::from).collect(),
        from_page: false,
        problem_beside: false,
        page_problem: None,
        metrics_beside: false,
    })
}

const DECISION_KEYS: &[&str] = &[
    "title",
    "status",
    "type",
    "date",
    "decided",
    "team",
    "deciders",
    "authors",
    "supersedes",
    "tags",
    "revisit",
];

/// `members`: names, or entries with a `name` as team rosters in YAML write them
/// (`- name: Ana Lima` with `role:`, `github:`, `email:` under it), whose other keys are
/// left as the team pages' rosters leave them. The first member whose role says lead,
/// manager or chair, for a charter that names no `lead`.
fn members(f: &mut Fields) -> (Vec<String>, Option<String>) {
    let Some(v) = f.raw("members") else {
        return (Vec::new(), None);
    };
    let DeValue::Array(items) = v.get_ref() else {
        // `members: Ana Lima, Bo Chen`, or the type error with its hint.
        return (f.names("members"), None);
    };
    let mut names = Vec::new();
    let mut lead = None;
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) => names.push(s.to_string()),
            DeValue::Table(t) => {
                let name = f
                    .entry(t, "an entry of `members`", item.span())
                    .required_str("name");
                let Some(name) = name else {
                    continue;
                };
                let role = match t.get("role").map(|r| r.get_ref()) {
                    Some(DeValue::String(r)) => Some(r.as_ref()),
                    _ => None,
                };
                if lead.is_none() && role.is_some_and(role_leads) {
                    lead = Some(name.clone());
                }
                names.push(name);
            }
            _ => f.error(
                "invalid-type",
                item.span(),
                format!(
                    "each entry of `members` must be a name or a table with a `name`, found {}",
                    item.get_ref().type_str()
                ),
                format!(
                    "write it like: {}",
                    f.assign("members", "[\"Ana Lima\", \"Bo Chen\"]")
                ),
            ),
        }
    }
    (names, lead)
}

/// Whether a member's role makes them the team's lead when no lead is named: a lead, a
/// manager or a chair (`Tech Lead`, `Engineering Manager`, `Co-chair`).
pub fn role_leads(role: &str) -> bool {
    let r = role.to_lowercase();
    r.contains("lead") || r.contains("manager") || r.contains("chair")
}

/// `kind`: a team unless it says "group" (in any case, as `status` is read).
fn team_kind(f: &mut Fields, offset: usize) -> TeamKind {
    match f.opt_spanned_str("kind") {
        None => TeamKind::Team,
        Some((k, _)) if k.eq_ignore_ascii_case("team") => TeamKind::Team,
        Some((k, _)) if k.eq_ignore_ascii_case("group") => TeamKind::Group,
        Some((k, span)) => {
            let help = format!(
                "use `{}` for a team of teams, or leave `kind` out for a team",
                f.assign("kind", "\"group\"")
            );
            f.error(
                "invalid-value",
                span.start - offset..span.end - offset,
                format!("`kind` must be \"team\" or \"group\", found \"{k}\""),
                help,
            );
            TeamKind::Team
        }
    }
}

/// The `[[metrics]]` tables (or inline array) of a charter, each history sorted by date.
fn metrics(f: &mut Fields) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for (t, span) in f.table_array("metrics") {
        let mut m = f.entry(t, "[[metrics]]", span);
        let name = m.required_str("name");
        let target = m.opt_str("target");
        let current = m.opt_str("current");
        let mut history: Vec<(jiff::civil::Date, f64)> = m
            .date_number_pairs("history")
            .into_iter()
            .map(|(d, v, _)| (d, v))
            .collect();
        // Authors append at the end, but nothing downstream should depend on that.
        history.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        m.finish(&["name", "target", "current", "history"]);
        if let Some(name) = name {
            metrics.push(Metric {
                name,
                target,
                current,
                history,
            });
        }
    }
    metrics
}

/// The `[[interactions]]` of a charter; one without a team or a known mode is reported
/// and left out.
fn interactions(f: &mut Fields, offset: usize) -> Vec<Interaction> {
    let mut interactions = Vec::new();
    for (t, span) in f.table_array("interactions") {
        let mut i = f.entry(t, "[[interactions]]", span);
        let team = i.opt_spanned_str("team");
        if team.is_none() && i.key_span("team").is_none() {
            i.missing("team", "\"team-slug\"");
        }
        let mode = match i.opt_spanned_str("mode") {
            None => {
                if i.key_span("mode").is_none() {
                    i.missing("mode", "\"collaboration\"");
                }
                None
            }
            Some(found) => one_of(
                &mut i,
                offset,
                found,
                &InteractionMode::ALL,
                "interaction mode",
                "mode",
            ),
        };
        let about = i.opt_str("about").filter(|a| !a.trim().is_empty());
        i.finish(&["team", "mode", "about"]);
        if let (Some(team), Some(mode)) = (team, mode) {
            interactions.push(Interaction {
                team: team.into(),
                mode,
                about,
            });
        }
    }
    interactions
}

/// The value of `key` among a fixed list of names (`all`); when it is none of them, an
/// error at the value naming the nearest one and the whole list.
fn one_of<T: Copy>(
    f: &mut Fields,
    offset: usize,
    (value, span): (String, Range<usize>),
    all: &[(&str, T)],
    what: &str,
    key: &str,
) -> Option<T> {
    // `status: Accepted`, as adr-tools writes a record's status: the values are lowercase
    // words, so a capital letter cannot mean another one.
    let found = all
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(&value))
        .map(|(_, v)| *v);
    if found.is_none() {
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        let hint = crate::diagnostic::nearest(&value, names.iter().copied())
            .map(|n| format!("did you mean \"{n}\"? "))
            .unwrap_or_default();
        f.error(
            "invalid-value",
            span.start - offset..span.end - offset,
            format!("unknown {what} \"{value}\""),
            format!("{hint}{key} is one of: {}", names.join(", ")),
        );
    }
    found
}

pub fn decision_number(rel: &str) -> Option<u32> {
    let name = rel.rsplit('/').next()?;
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

pub fn decision(
    file: &str,
    rel: &str,
    text: &str,
    front: Option<Front>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Decision> {
    let number = decision_number(rel);
    let check_number = |diags: &mut Vec<Diagnostic>| {
        if number.is_none() {
            diags.push(
                Diagnostic::error("invalid-decision-file-name", file, "decision file name does not start with its number")
                    .with_help("name decision files NNNN-slug.md, e.g. `0007-adopt-postgres.md` (`orgbook new decision` picks the next number)")
                    .at(text, 0..0),
            );
        }
    };
    // A record written for another tool (MADR, adr-tools, log4brains, a Jekyll theme) gets
    // one error that says how to bring it in, not one per key it lacks or has extra.
    let Some(front) = front else {
        match adr_format(text, None).or_else(|| several_records(text).map(|_| "several")) {
            Some(format) => foreign_record(file, text, format, 0..0, diags),
            None => {
                check_number(diags);
                need_front_matter(file, text, "decision record", diags);
            }
        }
        return None;
    };
    let offset = front.range.start;
    let table = parse_front(file, text, &front, diags)?;
    let has = |key: &str| table.iter().any(|(k, _)| k.get_ref().as_ref() == key);
    if !has("type") && !has("team") {
        // Without orgbook's two own keys it is another tool's record when it carries that
        // tool's marks, or none of orgbook's keys at all; else an orgbook record that is
        // still missing keys, which get their own errors below.
        let keys: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
        let format = adr_format(text, Some(&keys))
            .or_else(|| several_records(text).map(|_| "several"))
            .or_else(|| {
                (!keys.iter().any(|k| DECISION_KEYS.contains(k))).then_some("another tool")
            });
        if let Some(format) = format {
            foreign_record(file, text, format, offset..offset, diags);
            return None;
        }
    }
    check_number(diags);
    let mut f = Fields::new(file, text, &table, "decision record", diags)
        .with_offset(offset)
        .yaml(front.syntax == Syntax::Yaml);
    let title = f.required_str("title");
    let (status, superseded_by) = decision_status(&mut f, offset);
    let decision_type = decision_type(&mut f, offset);
    let date = f.opt_date("date");
    if date.is_none() && f.key_span("date").is_none() {
        f.missing("date", "2026-03-14");
    }
    let decided = f.opt_date("decided").map(|(d, _)| d);
    let team = f.opt_spanned_str("team");
    if team.is_none() && f.key_span("team").is_none() {
        f.missing("team", "\"team-slug\"");
    }
    let deciders = f.names("deciders");
    // One author is often written as a string (`authors: Ana Lima`, as RFDs do).
    let authors = f.names("authors");
    let raw_supersedes = f.spanned_int_array("supersedes");
    let supersedes = crate::checks::supersedes_numbers(&mut f, raw_supersedes);
    // Jekyll's `tags: a, b` as pages read it; anything else but a list is an error here.
    let tags = match f.raw("tags").map(|v| v.get_ref()) {
        Some(DeValue::String(_)) => words(&mut f, "tags"),
        _ => f.str_array("tags"),
    };
    let revisit = f.opt_date("revisit").map(|(d, _)| d);

    check_decision(
        &mut f,
        status,
        decision_type,
        &deciders,
        date.as_ref().map(|(d, _)| *d),
        decided,
    );
    f.finish(DECISION_KEYS);
    Some(Decision {
        number: number?,
        title: title?,
        status: status?,
        decision_type: decision_type?,
        date: date?.0,
        decided,
        team: team?.into(),
        deciders,
        authors,
        supersedes: supersedes.into_iter().map(Spanned::from).collect(),
        superseded_by,
        tags,
        revisit,
    })
}

/// `status`: one of [`Status::ALL`]'s names; `None` (reported) when missing or unknown.
/// MADR's `superseded by ADR-0012` is `superseded`, with the number of each newer record
/// it names (`superseded by ADR-12, ADR-15`) at that reference's place in the value: the
/// link stage reads each as if that record listed this one in its `supersedes`.
fn decision_status(f: &mut Fields, offset: usize) -> (Option<Status>, Vec<Spanned<u32>>) {
    match f.opt_spanned_str("status") {
        None => {
            f.missing("status", "\"proposed\"");
            (None, Vec::new())
        }
        Some((value, span)) => {
            let trimmed = value.trim();
            let newer = trimmed
                .get(..SUPERSEDED_BY.len())
                .filter(|p| p.eq_ignore_ascii_case(SUPERSEDED_BY))
                .map(|_| &trimmed[SUPERSEDED_BY.len()..]);
            if let Some(rest) = newer {
                let numbers = superseded_by_numbers(rest);
                if numbers.is_empty() {
                    let help = format!(
                        "name the newer decision by its number, e.g. `{}`, or write `{}` and list this decision's number in the newer record's `supersedes`",
                        f.assign("status", "superseded by ADR-0012"),
                        f.assign("status", "superseded")
                    );
                    f.error(
                        "invalid-value",
                        span.start - offset..span.end - offset,
                        format!("status \"{value}\" names no decision number"),
                        help,
                    );
                }
                let written = f.source().get(span.clone()).unwrap_or_default();
                let spans = places_in(written, numbers.iter().map(|(_, at)| &rest[at.clone()]));
                let newer = numbers
                    .into_iter()
                    .zip(spans)
                    .map(|((n, _), at)| {
                        let at = at.map_or(span.clone(), |at| {
                            span.start + at.start..span.start + at.end
                        });
                        Spanned::new(n, at)
                    })
                    .collect();
                return (Some(Status::Superseded), newer);
            }
            let status = one_of(
                f,
                offset,
                (value, span),
                &Status::ALL,
                "decision status",
                "status",
            );
            (status, Vec::new())
        }
    }
}

/// Where each of `parts` (in order) is in `written`, the value as the file writes it
/// (quoted, perhaps escaped): each searched after the one before; `None` where it is not
/// there as it is (an escape inside it), for the caller to point at the whole value.
fn places_in<'p>(
    written: &str,
    parts: impl Iterator<Item = &'p str>,
) -> Vec<Option<std::ops::Range<usize>>> {
    let mut from = 0;
    parts
        .map(|part| {
            let at = from + written.get(from..)?.find(part)?;
            from = at + part.len();
            Some(at..from)
        })
        .collect()
}

const SUPERSEDED_BY: &str = "superseded by";

/// Each newer record named after MADR's `superseded by`, with its byte range in `rest`:
/// references separated by `,`, `;`, `&` or `and` outside a link's brackets
/// (`ADR-12, ADR-15`, `[ADR-0012](0012-x.md) and [ADR-0015](0015-y.md)`), each read by
/// [`superseded_by_number`]; parts that name no number (`, which moved to Postgres`) are
/// left out, and a number named twice counts once.
pub fn superseded_by_numbers(rest: &str) -> Vec<(u32, std::ops::Range<usize>)> {
    let mut out: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for part in reference_parts(rest) {
        let text = &rest[part.clone()];
        // From the trimmed start: a part of spaces alone (` ,ADR-12`) is empty, not reversed.
        let start = part.start + (text.len() - text.trim_start().len());
        let end = start + text.trim().len();
        if let Some(n) = superseded_by_number(&rest[start..end])
            && seen.insert(n)
        {
            out.push((n, start..end));
        }
    }
    out
}

/// The byte ranges of `rest` between the separators of a list of references: `,`, `;`,
/// `&` and the word `and`, outside brackets and parentheses. One pass over the bytes.
fn reference_parts(rest: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = rest.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < bytes.len() {
        let sep = match bytes[i] {
            b'[' | b'(' => {
                depth += 1;
                0
            }
            b']' | b')' => {
                depth = depth.saturating_sub(1);
                0
            }
            b',' | b';' | b'&' if depth == 0 => 1,
            b'a' | b'A'
                if depth == 0
                    && bytes
                        .get(i..i + 3)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
                    && (i == 0 || bytes[i - 1].is_ascii_whitespace())
                    && bytes.get(i + 3).is_none_or(u8::is_ascii_whitespace) =>
            {
                3
            }
            _ => 0,
        };
        if sep > 0 {
            parts.push(start..i);
            start = i + sep;
            i = start;
        } else {
            i += 1;
        }
    }
    parts.push(start..bytes.len());
    parts
}

/// The newer record named after MADR's `superseded by`: `ADR-0012`, `12`, `#12`, or a
/// link `[ADR-0012](0012-use-postgres.md)` whose text gives the number, else its target's
/// file name (`[Use Postgres](0012-use-postgres.md)`). Only the first reference is read.
pub fn superseded_by_number(rest: &str) -> Option<u32> {
    let rest = rest.trim_start();
    let Some(link) = rest.strip_prefix('[') else {
        return reference_number(rest);
    };
    let (text, after) = link.split_once("](")?;
    let target = after.split(')').next().unwrap_or(after);
    let target = target.split(['#', '?']).next().unwrap_or(target);
    let file = target.rsplit(['/', '\\']).next().unwrap_or(target);
    reference_number(text).or_else(|| reference_number(file))
}

/// `ADR-0012`, `ADR 12`, `#12`, `12`, `0012-use-postgres.md`: the number a reference to a
/// decision starts with, after a word such as `ADR` and one separator. The digits must
/// end the word (`ADR-0012 (Postgres)` is 12, `12factor` is none).
fn reference_number(text: &str) -> Option<u32> {
    let text = text.trim_start().trim_start_matches('#');
    let word = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let mut rest = &text[word..];
    if word > 0 {
        rest = rest.strip_prefix(['-', '_', ' ', '#', ':']).unwrap_or(rest);
    }
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let after = &rest[digits..];
    if digits == 0 || after.starts_with(char::is_alphanumeric) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// `type`: 1 (irreversible) or 2 (reversible); `None` (reported) when missing or another
/// number.
fn decision_type(f: &mut Fields, offset: usize) -> Option<DecisionType> {
    match f.opt_spanned_int("type") {
        None => {
            if f.key_span("type").is_none() {
                f.missing("type", "2");
            }
            None
        }
        Some((n @ (1 | 2), _)) => DecisionType::from_number(n),
        Some((n, span)) => {
            f.error(
                "invalid-value",
                span.start - offset..span.end - offset,
                format!("decision `type` must be 1 or 2, found {n}"),
                "type = 1 for irreversible decisions that are escalated, type = 2 for reversible ones".into(),
            );
            None
        }
    }
}

/// What the keys of a decision must say together: `decided` for a decision taken, named
/// deciders for an accepted Type 1, and `decided` not before `date`.
fn check_decision(
    f: &mut Fields,
    status: Option<Status>,
    decision_type: Option<DecisionType>,
    deciders: &[String],
    date: Option<jiff::civil::Date>,
    decided: Option<jiff::civil::Date>,
) {
    if let Some(status) = status {
        if matches!(status, Status::Accepted | Status::Rejected)
            && decided.is_none()
            && f.key_span("decided").is_none()
        {
            let span = f.key_span("status").unwrap_or(0..0);
            f.error(
                "missing-key",
                span,
                format!(
                    "a decision with status \"{}\" needs `decided`",
                    status.as_str()
                ),
                format!(
                    "add `{}`: the day it was decided",
                    f.assign("decided", "YYYY-MM-DD")
                ),
            );
        }
        // `deciders` given in the wrong form (`deciders: 7`) has its own error already;
        // an empty list is the missing deciders.
        let wrong_form = f
            .raw("deciders")
            .is_some_and(|v| !matches!(v.get_ref(), DeValue::Array(_) | DeValue::String(_)));
        if status == Status::Accepted
            && decision_type == Some(DecisionType::Irreversible)
            && deciders.is_empty()
            && !wrong_form
        {
            let span = f
                .key_span("deciders")
                .or_else(|| f.key_span("type"))
                .unwrap_or(0..0);
            f.error(
                "missing-deciders",
                span,
                "an accepted Type 1 decision must name its deciders".into(),
                format!(
                    "add `{}`: who took this irreversible decision",
                    f.assign("deciders", "[\"Name\", …]")
                ),
            );
        }
    }
    if let (Some(d), Some(dec)) = (date, decided)
        && dec < d
    {
        let span = f.key_span("decided").unwrap_or(0..0);
        f.error(
            "invalid-value",
            span,
            format!("`decided` ({dec}) is before `date` ({d})"),
            "`date` is when the decision was proposed; `decided` cannot be earlier".into(),
        );
    }
}

/// Keys a page understands: orgbook's own plus the common ones of Jekyll, Hugo, Eleventy,
/// Docusaurus and GitBook (docs/format.md). Anything else is a warning, never a failed build:
/// pages arrive from other generators carrying keys that mean nothing here.
const PAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "tags",
    "categories",
    "category",
    "keywords",
    "date",
    "draft",
    "published",
    "weight",
    "nav_order",
    "sidebar_position",
    "nav_exclude",
    "bookHidden",
    "toc_hide",
    "aliases",
    "redirect_from",
    "old_paths",
    "redirect_to",
    "slug",
    "permalink",
    "extra",
    // A shorter name for the navigation (`PageMeta::nav_label`).
    "sidebar_label",
    "linkTitle",
    "sidebarTitle",
    // DocFX: the name `xref:` links give the page (`PageMeta::uid`).
    "uid",
    // The Google Doc the page was exported from (`PageMeta::google_doc`).
    "google_doc",
    // Retype: its place (`PageMeta::retype_order`), its name in the navigation, and
    // `visibility: hidden`, which leaves it out of the navigation.
    "order",
    "label",
    "visibility",
    // Retype: the page's address (`PageMeta::route`), and `redirect`, an address the page
    // sends its readers to (`PageMeta::redirect_to`).
    "route",
    "redirect",
];

/// Keys other generators and their themes use to build their navigation, layout and
/// page furniture, accepted on a page without a warning and without effect: orgbook's
/// navigation follows the folders (a Jekyll "Just the Docs" site carries `parent` and
/// `has_children` on every page, a Sphinx one `orphan`, an MkDocs Material one `hide`, so
/// warning about them buried the warnings that matter).
const NAVIGATION_KEYS: &[&str] = &[
    // Jekyll, and its "Just the Docs" theme
    "layout",
    "parent",
    "grand_parent",
    "has_children",
    "has_toc",
    "last_modified_date",
    // Hugo, and its "Book" theme
    "type",
    "menu",
    "bookFlatSection",
    "bookCollapseSection",
    "bookToc",
    "lastmod",
    "summary",
    "toc",
    "images",
    "series",
    "publishDate",
    "expiryDate",
    "outputs",
    "cascade",
    "build",
    "_build",
    "resources",
    "markup",
    // Hugo's Docsy theme (Kubernetes', GitLab's handbook and many project sites)
    "no_list",
    "simple_list",
    "hide_summary",
    "hide_feedback",
    "hide_readingtime",
    "exclude_search",
    "manualLink",
    "manualLinkTarget",
    "manualLinkRelref",
    "sidebar_root_for",
    "body_class",
    "twitter_image",
    "controls",
    // Docusaurus
    "id",
    "sidebar_class_name",
    "sidebar_custom_props",
    "displayed_sidebar",
    "hide_title",
    "hide_table_of_contents",
    "toc_min_heading_level",
    "toc_max_heading_level",
    "pagination_label",
    "pagination_next",
    "pagination_prev",
    "custom_edit_url",
    "last_update",
    "image",
    // MkDocs and its Material theme
    "template",
    "hide",
    "icon",
    "status",
    "subtitle",
    "search",
    "toc_depth",
    "comments",
    "social",
    // Sphinx file-wide metadata, and the Furo and PyData themes
    "orphan",
    "nocomments",
    "nosearch",
    "tocdepth",
    "hide-toc",
    "html_theme.sidebar_secondary.remove",
    // MyST and Jupyter Book settings and metadata of one page
    "myst",
    "substitutions",
    "jupytext",
    "kernelspec",
    "short_title",
    "subject",
    "license",
    "numbering",
    "exports",
    "downloads",
    "thumbnail",
    "banner",
    "abbreviations",
    // Quarto: a page's layout, its rendering options (`format`, `execute`, code cells'
    // engine) and its title block's furniture
    "page-layout",
    "body-classes",
    "date-modified",
    "format",
    "execute",
    "engine",
    "jupyter",
    "knitr",
    "editor",
    "toc-depth",
    "toc-title",
    "toc-location",
    "number-sections",
    "title-block-banner",
    "title-block-style",
    "code-fold",
    "bibliography",
    "citation",
    "filters",
    // The GOV.UK tech docs template: when a page was last reviewed, when it is due again
    // and who reviews it, which drive its "this page may be out of date" banners. orgbook
    // pages have no review date (only a charter's `reviewed`), so they are kept for
    // Middleman and have no effect here.
    "last_reviewed_on",
    "review_in",
    "owner_slack",
    // Authors, shown by themes and blog plugins (not by orgbook's pages)
    "author",
    "authors",
    // ABlog (Sphinx's blog plugin): a post's marker and where and in what it was written
    "blogpost",
    "location",
    "language",
    // VitePress: a home page's hero and feature cards, and each page's outline, aside,
    // neighbours and furniture
    "hero",
    "features",
    "outline",
    "aside",
    "prev",
    "next",
    "editLink",
    "lastUpdated",
    "navbar",
    "footer",
    "pageClass",
    "titleTemplate",
    "head",
    // VuePress: a home page's flag and image (its `heroText`, `tagline`, `actionText`,
    // `actionLink` and `actions` are read: `hero`)
    "home",
    "heroImage",
    "heroAlt",
    // Astro Starlight (its `sidebar` is read: `order` places the page, `hidden` leaves it
    // out of the navigation)
    "sidebar",
    "tableOfContents",
    "pagefind",
    "editUrl",
    // Gatsby sites (PostHog's handbook): how their templates show a page
    "showTitle",
    "hideAnchor",
    "hideLastUpdated",
    "featuredImage",
    "featuredVideo",
    // Dendron: a note's timestamps, whether it is a placeholder for its children, and its
    // preview settings (`desc` is read: the description)
    "updated",
    "created",
    "stub",
    "config",
    "hierarchyDisplay",
    // Wiki.js: the editor a page is written in, and when it was made
    "editor",
    "dateCreated",
    // Rspress: a page's layout (`home`, `doc`, `custom`) and its overview page's headings
    "pageType",
    "overviewHeaders",
    // Retype: whether a folder starts unfolded in its tree, and its next/previous buttons
    "expanded",
    "nextprev",
    // HackMD and HedgeDoc: a note's analytics, robots, language and slide settings
    "GA",
    "robots",
    "lang",
    "dir",
    "breaks",
    "slideOptions",
    // Joplin's "Markdown + Front Matter" export: the page a clipped note came from, where a
    // note was written, and a to-do's state and alarm (`updated`, `created` and `author`
    // are above)
    "source",
    "latitude",
    "longitude",
    "altitude",
    "completed?",
    "due",
    // Ethereum's EIPs and ERCs: the proposal's number, the proposals it builds on, where it
    // is discussed, why it was withdrawn and when its last call ends (`title`,
    // `description`, `author`, `status`, `type`, `category` and `created` are above). The
    // proposal is a page here; `orgbook import adr` makes it a decision (docs/import.md).
    "eip",
    "requires",
    "discussions-to",
    "withdrawal-reason",
    "last-call-deadline",
];

/// File names that make a page the index page of its folder, by precedence.
pub const INDEX_NAMES: &[&str] = &[
    "_index.md",
    "index.md",
    "README.md",
    "index.mdx",
    "index.markdown",
    "index.qmd",
    // Middleman's (the GOV.UK tech docs template's) folder pages.
    "index.html.md.erb",
    "index.html.md",
    // A Jekyll folder's page written in HTML, with front matter (`load::is_jekyll_html_page`):
    // only such a file is a document, so a plain `index.html` stays an asset.
    "index.html",
    "index.htm",
];

/// Whether the page at `rel` (relative to `content/`) is its folder's index page. Not in
/// `teams/` and `decisions/` themselves, whose index pages orgbook generates: a
/// `README.md` there (common in ADR repositories) is an ordinary page.
pub fn is_folder_index(rel: &str) -> bool {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    index_rank(name).is_some() && (name == "_index.md" || !matches!(dir, "teams" | "decisions"))
}

/// The precedence of a folder-index file name (0 highest), `None` for other pages.
pub fn index_rank(file_name: &str) -> Option<usize> {
    if file_name.eq_ignore_ascii_case("readme.md") {
        return Some(2);
    }
    INDEX_NAMES.iter().position(|n| *n == file_name)
}

/// The name (`home`, `root`) of a page at the top of `content/` that is another tool's home
/// page, by its path and text: Wiki.js's `home.md`, with the `editor` key Wiki.js writes in
/// its front matter (or Wiki.js 1.x's title comment on the first line), or a Dendron
/// vault's `root.md`, with the `id` and `created` keys Dendron writes in every note's.
pub fn home_of_a_tool(path: &str, text: &str) -> Option<&'static str> {
    let (name, keys): (&str, &[&str]) = match path {
        "content/home.md" => ("home", &["editor:"]),
        "content/root.md" => ("root", &["id:", "created:"]),
        _ => return None,
    };
    let written = match front_matter_keys(text, keys) {
        Some(all) => all,
        None => name == "home" && wiki_js_title(text.trim_start_matches('\u{feff}')).is_some(),
    };
    written.then_some(name)
}

/// Whether a page is a Dendron vault's root note: `root.md` at the top of `content/` or of
/// a folder (a vault of a workspace moved in), with the `id` and `created` keys Dendron
/// writes in every note's front matter. Its folder's notes are a Dendron hierarchy.
pub fn is_dendron_root(path: &str, text: &str) -> bool {
    (path == "content/root.md" || path.ends_with("/root.md"))
        && front_matter_keys(text, &["id:", "created:"]) == Some(true)
}

/// Whether the YAML front matter of `text` has every one of `keys` at the start of a line;
/// `None` without front matter.
fn front_matter_keys(text: &str, keys: &[&str]) -> Option<bool> {
    let text = text.trim_start_matches('\u{feff}');
    let front = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let front = &front[..front.find("\n---").unwrap_or(front.len())];
    Some(
        keys.iter()
            .all(|key| front.lines().any(|l| l.starts_with(key))),
    )
}

/// The title a Writerside Markdown topic gives itself on its first line, `[//]: # (title:
/// Scan for Go)`: a link reference definition, which shows nothing, so without it the page
/// was named by its file.
fn writerside_title(text: &str) -> Option<String> {
    let line = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .lines()
        .next()?
        .trim();
    let title = line
        .strip_prefix("[//]: # (title:")?
        .strip_suffix(')')?
        .trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The title and subtitle Wiki.js 1.x writes as comments on a page's first lines, in
/// place of front matter (`<!-- TITLE: On-call rotation -->`, `<!-- SUBTITLE: … -->`).
fn wiki_js_title(text: &str) -> Option<(String, Option<String>)> {
    let mut title = None;
    let mut subtitle = None;
    for line in text.trim_start().lines().take(2) {
        let Some(comment) = line
            .trim()
            .strip_prefix("<!--")
            .and_then(|l| l.strip_suffix("-->"))
        else {
            break;
        };
        let (key, value) = comment.split_once(':')?;
        let value = value.trim();
        match key.trim() {
            "TITLE" if !value.is_empty() => title = Some(value.to_string()),
            "SUBTITLE" if !value.is_empty() => subtitle = Some(value.to_string()),
            _ => break,
        }
    }
    Some((title?, subtitle))
}

pub fn page(
    file: &str,
    rel: &str,
    text: &str,
    front: Option<Front>,
    diags: &mut Vec<Diagnostic>,
) -> Option<PageMeta> {
    let folder_index = is_folder_index(rel);
    let mut meta = PageMeta {
        is_home: folder_index && !rel.contains('/'),
        folder_index,
        ..PageMeta::default()
    };
    let Some(front) = front else {
        if let Some((title, subtitle)) = wiki_js_title(text) {
            meta.title = title;
            meta.title_from_front_matter = true;
            meta.description = subtitle;
        } else if let Some(title) = writerside_title(text) {
            meta.title = title;
            meta.title_from_front_matter = true;
        } else if let Some(props) =
            super::logseq::page_properties(text.trim_start_matches('\u{feff}'))
        {
            if let Some(title) = props.title {
                meta.title = title;
                meta.title_from_front_matter = true;
            }
            meta.other_names = props.aliases;
            meta.tags = props.tags;
            meta.description = props.description;
        }
        return Some(meta);
    };
    let offset = front.range.start;
    let table = parse_front(file, text, &front, diags)?;
    let mut f = Fields::new(file, text, &table, "page front matter", diags)
        .with_offset(offset)
        .yaml(front.syntax == Syntax::Yaml);
    if let Some(t) = f.opt_str("title")
        // Wiki.js titles a page saved without one "Untitled Page": its heading names it.
        && !(t == "Untitled Page" && f.raw("editor").is_some())
    {
        meta.title = t;
        meta.title_from_front_matter = true;
    }
    meta.description = f.opt_str("description");
    // Dendron's name for it, empty in a note made without one.
    if let Some(desc) = f.opt_str("desc")
        && meta.description.is_none()
        && !desc.trim().is_empty()
    {
        meta.description = Some(desc);
    }
    meta.tags = words(&mut f, "tags");
    // Jekyll's categories are tags here: one way to group pages, and one page per tag.
    let mut seen: std::collections::HashSet<String> = meta.tags.iter().cloned().collect();
    for key in ["categories", "category"] {
        for w in words(&mut f, key) {
            if seen.insert(w.clone()) {
                meta.tags.push(w);
            }
        }
    }
    meta.keywords = words(&mut f, "keywords");
    meta.uid = f
        .opt_spanned_str("uid")
        .filter(|(u, _)| !u.trim().is_empty())
        .map(Spanned::from);
    if let Some((value, span)) = f.opt_spanned_str("google_doc") {
        match crate::dialects::gdocs::declared_id(&value) {
            Some(id) => meta.google_doc = Some(Spanned::new(id.to_string(), span)),
            None => f.warning_at(
                "invalid-value",
                span,
                format!(
                    "`google_doc` must name a Google Doc, found \"{}\"",
                    crate::config_check::clip(&value)
                ),
                format!(
                    "write the document's address as Drive shows it, or its id alone: `{}`; the key is ignored meanwhile",
                    f.assign("google_doc", "https://docs.google.com/document/d/<id>/edit")
                ),
            ),
        }
    }
    let own = substitutions(&mut f);
    meta.substitutions = (!own.is_empty()).then(|| Box::new(own));
    meta.date = lenient_date(&mut f, "date");
    meta.draft = flag(&mut f, "draft").unwrap_or(false) || flag(&mut f, "published") == Some(false);
    for key in ["nav_exclude", "bookHidden", "toc_hide"] {
        meta.nav_hidden |= flag(&mut f, key).unwrap_or(false);
    }
    for key in ["weight", "nav_order", "sidebar_position"] {
        let w = position(&mut f, key);
        if meta.weight.is_none() {
            meta.weight = w;
        }
    }
    // Retype's `order` counts the other way (larger first); strings (`alpha`, `v2.0`)
    // are Retype's too, and place nothing here.
    if let Some(v) = f.raw("order") {
        match v.get_ref() {
            DeValue::String(_) => {}
            _ => meta.retype_order = position(&mut f, "order").filter(|&o| o != 0),
        }
    }
    // Retype's `visibility: hidden`: published and linked, in no navigation.
    if let Some(v) = f.raw("visibility")
        && v.get_ref().as_str() == Some("hidden")
    {
        meta.nav_hidden = true;
    }
    // The page's name in the navigation, when shorter than its title: Docusaurus'
    // `sidebar_label`, Hugo's `linkTitle`, Mintlify's `sidebarTitle`, Retype's `label`.
    for key in ["sidebar_label", "linkTitle", "sidebarTitle", "label"] {
        let label = f.opt_str(key).filter(|l| !l.trim().is_empty());
        if meta.nav_label.is_none() {
            meta.nav_label = label;
        }
    }
    // Astro Starlight's `sidebar: { order: 2, hidden: true, label: "…" }` (PostHog's `sidebar:
    // Handbook`, a name, places nothing).
    if let Some(v) = f.raw("sidebar")
        && let DeValue::Table(t) = v.get_ref()
    {
        for (k, v) in t.iter() {
            match (&**k.get_ref(), v.get_ref()) {
                ("order", DeValue::Integer(i)) if meta.weight.is_none() => {
                    meta.weight = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
                }
                ("hidden", DeValue::Boolean(true)) => meta.nav_hidden = true,
                ("label", DeValue::String(label))
                    if meta.nav_label.is_none() && !label.trim().is_empty() =>
                {
                    meta.nav_label = Some(label.trim().to_string());
                }
                _ => {}
            }
        }
    }
    // The GOV.UK tech docs template's `old_paths` are a page's old addresses too.
    for key in ["aliases", "redirect_from", "old_paths"] {
        for alias in strings(&mut f, key) {
            // Obsidian's aliases are names (`Start here`), Hugo's paths (`/old/setup/`).
            let name = key == "aliases"
                && !alias.0.contains('/')
                && (alias.0.contains(char::is_whitespace)
                    || alias.0.contains(|c: char| c.is_uppercase()));
            if name {
                meta.other_names.push(alias.0);
            } else {
                meta.aliases.push(Spanned::from(alias));
            }
        }
    }
    // Jekyll's `redirect_to`, or a site's own redirect layout (`layout: redirect` with the
    // address in `url`, as the TTS handbook writes them).
    // Retype's `redirect` is the same.
    let mut key = "redirect_to";
    let redirect = f.opt_spanned_str("redirect_to").or_else(|| {
        let layout = f
            .raw("layout")
            .and_then(|v| v.get_ref().as_str().map(str::to_owned));
        if layout.as_deref() == Some("redirect") {
            f.opt_spanned_str("url")
        } else {
            key = "redirect";
            f.opt_spanned_str("redirect")
        }
    });
    if let Some((to, span)) = redirect {
        let to = to.trim();
        let lower = to.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://"))
            && !to.contains(char::is_whitespace)
        {
            meta.redirect_to = Some(to.to_string());
        } else if !to.is_empty()
            && !to.contains("://")
            && !to.starts_with("//")
            && !to.contains(':')
        {
            // An address inside the site: the link stage, which knows the pages, finds it.
            meta.redirect_inside = Some(Box::new(Spanned {
                value: to.to_string(),
                span,
            }));
        } else {
            // (`opt_spanned_str` gave the span in the file already.)
            f.warning_at(
                "invalid-value",
                span,
                format!("`{key}` must be an http(s) address; `{to}` is ignored"),
                format!("write the full address (`{key}: https://docs.example.com/slides`); for an old address of this page, use `redirect_from`, or link the page it means"),
            );
        }
    }
    meta.slug = f.opt_spanned_str("slug").map(Spanned::from);
    meta.permalink = f.opt_spanned_str("permalink").map(Spanned::from);
    meta.route = f
        .opt_spanned_str("route")
        .map(|r| Box::new(Spanned::from(r)));
    if let Some(v) = f.raw("extra") {
        match v.get_ref() {
            DeValue::Table(_) => meta.extra = Some(to_json(v.get_ref())),
            _ => {
                let help = if front.syntax == Syntax::Yaml {
                    "write `extra:` followed by indented `name: value` lines"
                } else {
                    "write an [extra] section at the end of the front matter"
                };
                f.error(
                    "invalid-type",
                    v.span(),
                    "`extra` in page front matter must be a table".into(),
                    help.into(),
                );
            }
        }
    }
    // Hugo's and Jekyll's `lang`, and `language`. ABlog's `language` names the language
    // (`English`), so only a `lang` that is no tag is worth a warning; a list (ABlog allows
    // one) or any other shape is another tool's, left alone as before.
    for key in ["lang", "language"] {
        if let Some(v) = f.raw(key)
            && let DeValue::String(s) = v.get_ref()
            && meta.lang().is_none()
        {
            let tag = s.trim();
            if crate::text::lang_tag::is_tag(tag) {
                meta.language_mut().lang = Some(tag.to_string());
            } else if key == "lang" {
                let span = f.span(v.span());
                let (message, help) = crate::text::lang_tag::not_a_tag(s);
                f.warning_at("invalid-value", span, format!("`{key}`: {message}"), help);
            }
        }
    }
    // A charter's translation (`teams/payments.fr.md`, `crate::lang`) keeps the charter's
    // keys, which the team's own charter gives: its name titles it. So does one kept
    // outside content/ (Docusaurus's `i18n/fr/…/current/teams/payments.md`, read at
    // `fr/teams/payments.md`: `super::i18n`).
    let by_name = rel.starts_with("teams/")
        && super::strip_markdown_extension(rel)
            .and_then(crate::text::lang_tag::stem_language)
            .is_some();
    let outside = !file.starts_with("content/")
        && rel
            .split_once('/')
            .is_some_and(|(_, r)| r.starts_with("teams/"));
    if by_name || outside {
        if let Some(name) = f.opt_str("name")
            && !meta.title_from_front_matter
        {
            meta.title = name;
            meta.title_from_front_matter = true;
        }
        f.ignore(CHARTER_KEYS);
    }
    meta.hero = hero(&mut f);
    f.ignore(NAVIGATION_KEYS);
    f.finish_as(PAGE_KEYS, crate::diagnostic::Severity::Warning);
    Some(meta)
}

/// A VitePress or Starlight home page's `hero` and `features` (see [`Hero`]), read
/// leniently: they are another generator's furniture, so what is not text is left out
/// rather than reported.
fn hero(f: &mut Fields<'_, '_, '_>) -> Option<Box<Hero>> {
    fn text<'v>(t: &'v DeTable<'_>, key: &str) -> Option<&'v str> {
        t.get(key).and_then(|v| match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.trim()),
            _ => None,
        })
    }
    fn tables<'v, 'a>(v: Option<&'v toml::Spanned<DeValue<'a>>>) -> Vec<&'v DeTable<'a>> {
        match v.map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    DeValue::Table(t) => Some(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    let link = |f: &Fields<'_, '_, '_>, t: &DeTable<'_>| {
        let v = t.get("link")?;
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                Some(Spanned::from((s.trim().to_string(), f.span(v.span()))))
            }
            _ => None,
        }
    };
    let mut hero = Hero::default();
    if let Some(DeValue::Table(t)) = f.raw("hero").map(|v| v.get_ref()) {
        hero.name = text(t, "name")
            .or_else(|| text(t, "title"))
            .map(str::to_owned);
        hero.text = text(t, "text").map(str::to_owned);
        hero.tagline = text(t, "tagline").map(str::to_owned);
        for action in tables(t.get("actions")) {
            if let (Some(label), Some(to)) = (text(action, "text"), link(f, action)) {
                hero.actions.push((label.to_owned(), to));
            }
        }
    }
    // VuePress's home page (`home: true`) writes its hero at the top level: `heroText`,
    // `tagline` and a button, `actionText` with `actionLink` (v1) or `actions` (v2).
    let top = |f: &mut Fields<'_, '_, '_>, key: &str| match f.raw(key).map(|v| v.get_ref()) {
        Some(DeValue::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    if hero.name.is_none() {
        hero.name = top(f, "heroText");
    }
    if hero.tagline.is_none() {
        hero.tagline = top(f, "tagline");
    }
    if let (Some(label), Some(v)) = (top(f, "actionText"), f.raw("actionLink"))
        && let DeValue::String(to) = v.get_ref()
        && !to.trim().is_empty()
    {
        let to = Spanned::from((to.trim().to_string(), f.span(v.span())));
        hero.actions.push((label, to));
    }
    for action in tables(f.raw("actions")) {
        if let (Some(label), Some(to)) = (text(action, "text"), link(f, action)) {
            hero.actions.push((label.to_owned(), to));
        }
    }
    for card in tables(f.raw("features")) {
        if let Some(title) = text(card, "title") {
            hero.features.push(Feature {
                title: title.to_owned(),
                details: text(card, "details").map(str::to_owned),
                link: link(f, card),
            });
        }
    }
    (hero != Hero::default()).then(|| Box::new(hero))
}

fn warn_type(f: &mut Fields<'_, '_, '_>, span: Range<usize>, key: &str, expected: &str) {
    let span = f.span(span);
    let msg = format!("`{key}` in page front matter should be {expected}; it is ignored");
    f.warning_at(
        "invalid-type",
        span,
        msg,
        format!(
            "write it like: {}",
            f.assign(
                key,
                match expected {
                    "a number" => "3",
                    "true or false" => "true",
                    "a date" => "2026-03-14",
                    _ => "[\"a\", \"b\"]",
                }
            )
        ),
    );
}

/// `tags = ["a", "b"]`, or Jekyll's `tags: a b` / `tags: a, b`.
fn words(f: &mut Fields<'_, '_, '_>, key: &str) -> Vec<String> {
    let Some(v) = f.raw(key) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::String(s) => {
            let sep: &[char] = if s.contains(',') {
                &[',']
            } else {
                &[' ', '\t']
            };
            s.split(sep)
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        }
        DeValue::Array(items) => items
            .iter()
            .filter_map(|i| scalar_text(i.get_ref()))
            .collect(),
        _ => {
            warn_type(f, v.span(), key, "a list of words");
            Vec::new()
        }
    }
}

/// One string or a list of strings, with spans (`aliases`, `redirect_from`).
fn strings(f: &mut Fields<'_, '_, '_>, key: &str) -> Vec<(String, Range<usize>)> {
    let Some(v) = f.raw(key) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::String(s) => vec![(s.to_string(), f.span(v.span()))],
        DeValue::Array(items) => {
            let mut out = Vec::new();
            for i in items.iter() {
                match i.get_ref() {
                    DeValue::String(s) => out.push((s.to_string(), f.span(i.span()))),
                    _ => warn_type(f, i.span(), key, "a list of paths"),
                }
            }
            out
        }
        _ => {
            warn_type(f, v.span(), key, "a list of paths");
            Vec::new()
        }
    }
}

fn flag(f: &mut Fields<'_, '_, '_>, key: &str) -> Option<bool> {
    let v = f.raw(key)?;
    match v.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        _ => {
            warn_type(f, v.span(), key, "true or false");
            None
        }
    }
}

/// An ordering number: integers as they are, fractions (Docusaurus allows 1.5) rounded.
fn position(f: &mut Fields<'_, '_, '_>, key: &str) -> Option<i64> {
    let v = f.raw(key)?;
    let n = match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        DeValue::Float(x) => x
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .map(|x| x.round() as i64),
        _ => None,
    };
    if n.is_none() {
        warn_type(f, v.span(), key, "a number");
    }
    n
}

/// A date, or a date-time whose date part is used (`2024-05-01 10:00:00 +0200`).
fn lenient_date(f: &mut Fields<'_, '_, '_>, key: &str) -> Option<jiff::civil::Date> {
    let v = f.raw(key)?;
    match crate::fields::date_of(v.get_ref()) {
        crate::fields::DateRead::Date(date) => Some(date),
        _ => {
            warn_type(f, v.span(), key, "a date");
            None
        }
    }
}

fn scalar_text(v: &DeValue<'_>) -> Option<String> {
    match v {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_string()),
        DeValue::Float(x) => Some(x.as_str().to_string()),
        DeValue::Boolean(b) => Some(b.to_string()),
        DeValue::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

/// Front matter values as JSON, for templates (`page.extra`).
fn to_json(v: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value;
    match v {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(i.as_str().to_string())),
        DeValue::Float(x) => x
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(a) => Value::Array(a.iter().map(|i| to_json(i.get_ref())).collect()),
        DeValue::Table(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
        ),
    }
}

/// A page's MyST substitutions: `substitutions:` (myst-parser's first form) and `myst:
/// substitutions:`, string values, and numbers and booleans as written; others are left
/// out (the key then stays a leftover where the page uses it).
fn substitutions(f: &mut Fields) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let top = f.raw("substitutions").map(|v| v.get_ref());
    let nested = f.raw("myst").and_then(|v| match v.get_ref() {
        DeValue::Table(t) => t.get("substitutions").map(|v| v.get_ref()),
        _ => None,
    });
    for table in [top, nested].into_iter().flatten() {
        let DeValue::Table(t) = table else {
            continue;
        };
        for (key, value) in t.iter() {
            let value = match value.get_ref() {
                DeValue::String(s) => s.to_string(),
                DeValue::Integer(i) => i.as_str().to_string(),
                DeValue::Float(x) => x.as_str().to_string(),
                DeValue::Boolean(b) => b.to_string(),
                _ => continue,
            };
            let key = key.get_ref().trim();
            if crate::load::myst_substitutions::is_key(key) {
                out.push((key.to_string(), value));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charter_diags(text: &str) -> (Option<Charter>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let s = split("c.md", text).unwrap();
        let c = charter("c.md", "teams/pay.md", text, s.front, &mut diags);
        (c, diags)
    }

    #[test]
    fn pages_of_several_numbered_records_are_told_by_their_headings() {
        assert_eq!(
            several_records("# D\n\n## ADR-001: A\n\n## ADR-002: B\n"),
            Some((2, 2))
        );
        // Bare numbers count where the records say a status or date, as the import splits.
        assert_eq!(
            several_records(
                "# D\n\n## 1. A\n\n**Status:** Accepted\n\n## 2. B\n\n### Date\n\n2024-01-02\n\n## 3. C\n"
            ),
            Some((3, 2))
        );
        assert_eq!(
            several_records("# 7. X\n\nStatus: Accepted\n\n## 1. O\nDate: 1\n\n## 2. P\nDate: 2\n"),
            None
        );
        assert_eq!(
            several_records("# D\n### DR 5: A\n#### Status\n### DR 4: B\n### DR 3. C\n"),
            Some((3, 3))
        );
        for one in [
            // In code, one of them; numbered sections without a series; two levels.
            "# D\n\n## ADR-1: A\n\n```\n## ADR-2: B\n```\n",
            "# 7. X\n\n## 1. Options\n\n## 2. Outcome\n",
            "# D\n\n## ADR-1: A\n\n### ADR-2: B\n",
            "# D\n\n## ADR-1\n\n## ADR-2\n",
        ] {
            assert_eq!(several_records(one), None, "{one}");
        }
    }

    #[test]
    fn a_fence_inside_a_multiline_string_is_explained_only_when_it_breaks_the_toml() {
        let early = "+++\nproblem = \"\"\"\nx\n+++\ny\n\"\"\"\n+++\n";
        let d = split("t.md", early).unwrap_err();
        assert!(d.message.contains("closes early"), "{}", d.message);
        assert_eq!((d.line, d.column), (4, 1));
        // A `"""` in a comment, or a whole multi-line string, is fine.
        for ok in [
            "+++\n# use \"\"\" for long text\nname = \"a\"\n+++\nBody\n",
            "+++\nproblem = \"\"\"\nx\n\"\"\"\n+++\nBody\n",
        ] {
            assert!(split("t.md", ok).unwrap().front.is_some(), "{ok}");
        }
    }

    #[test]
    fn split_finds_toml_and_body() {
        let text = "+++\na = 1\n+++\n# Body\n";
        let s = split("f", text).unwrap();
        assert_eq!(&text[s.front.unwrap().range], "a = 1\n");
        assert_eq!(&text[s.body_start..], "# Body\n");
    }

    #[test]
    fn split_finds_yaml_and_rejects_unclosed() {
        let s = split("f", "---\na: 1\n---\nbody").unwrap();
        let front = s.front.unwrap();
        assert_eq!(front.syntax, Syntax::Yaml);
        assert_eq!(front.range, 4..9);
        assert_eq!(s.body_start, 13);
        assert_eq!(
            split("f", "---\na: 1\n").unwrap_err().code,
            "unclosed-front-matter"
        );
        assert_eq!(
            split("f", "+++\na = 1\n").unwrap_err().code,
            "unclosed-front-matter"
        );
    }

    #[test]
    fn charter_typo_is_located_with_suggestion() {
        let text = "+++\nname = \"Pay\"\nprobelm = \"x\"\n[[metrics]]\nname = \"m\"\n+++\n";
        let (_, d) = charter_diags(text);
        let typo = d
            .iter()
            .find(|d| d.code == "unknown-key")
            .expect("typo reported");
        assert_eq!((typo.line, typo.column), (3, 1));
        assert_eq!(typo.help.as_deref(), Some("did you mean `problem`?"));
        // `problem` itself is still missing: both are reported.
        assert!(
            d.iter()
                .any(|d| d.code == "missing-key" && d.message.contains("problem"))
        );
    }

    #[test]
    fn group_needs_no_problem_or_metric() {
        let (c, d) = charter_diags("+++\nname = \"Platform\"\nkind = \"group\"\n+++\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.unwrap().kind, TeamKind::Group);
    }

    #[test]
    fn a_quoted_date_is_the_date_and_a_quoted_word_is_explained() {
        let text = "+++\nname = \"P\"\nproblem = \"p\"\nmetrics = [{ name = \"m\" }]\nreviewed = \"2026-01-02\"\n+++\n";
        let (c, d) = charter_diags(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.unwrap().reviewed.unwrap().to_string(), "2026-01-02");
        let (_, d) = charter_diags(&text.replace("2026-01-02", "Q1"));
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("invalid-type", 5));
        assert_eq!(
            d[0].help.as_deref(),
            Some("write it like: reviewed = 2026-03-14")
        );
    }

    #[test]
    fn decision_rules() {
        let text = "+++\ntitle = \"T\"\nstatus = \"acepted\"\ntype = 3\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags);
        assert!(d.is_none());
        let status = diags.iter().find(|d| d.message.contains("status")).unwrap();
        assert!(status.help.as_deref().unwrap().contains("\"accepted\""));
        assert!(
            diags
                .iter()
                .any(|d| d.message.contains("must be 1 or 2") && d.line == 4)
        );
    }

    #[test]
    fn accepted_type1_needs_deciders_and_decided() {
        let text = "+++\ntitle = \"T\"\nstatus = \"accepted\"\ntype = 1\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags);
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"missing-deciders"), "{codes:?}");
        assert!(diags.iter().any(|d| d.message.contains("needs `decided`")));
        // An empty list names no one either.
        let empty = text.replace("team = ", "deciders = []\ndecided = 2026-01-02\nteam = ");
        let mut diags = Vec::new();
        let s = split("d.md", &empty).unwrap();
        decision("d.md", "decisions/0007-t.md", &empty, s.front, &mut diags);
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["missing-deciders"]);
    }

    #[test]
    fn a_key_an_entry_lacks_is_reported_at_the_entry() {
        let toml = "+++\nname = \"Pay\"\nproblem = \"x\"\n\n[[metrics]]\nname = \"m\"\n\n[[metrics]]\ntarget = \"99%\"\n+++\n";
        let (_, d) = charter_diags(toml);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("missing-key", 8), "{d:?}");
        assert_eq!(
            d[0].help.as_deref(),
            Some("add `name = \"…\"` to this entry")
        );
        let yaml = "---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\n  - target: 99%\nmembers:\n  - Bo\n  - role: Engineer\n---\n";
        let (_, d) = charter_diags(yaml);
        let at: Vec<_> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
        assert_eq!(at, [("missing-key", 6, 5), ("missing-key", 9, 5)], "{d:?}");
        assert_eq!(
            d[0].help.as_deref(),
            Some("add `name: \"…\"` to this entry")
        );
    }

    #[test]
    fn a_metric_written_as_text_is_told_how_entries_are_written() {
        let (_, d) =
            charter_diags("---\nname: Pay\nproblem: x\nmetrics:\n  - Payouts on time\n---\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line, d[0].column), ("invalid-type", 5, 5));
        assert_eq!(
            d[0].message,
            "each entry of `metrics` in team charter must be a table, found string"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some(
                "write each entry of `metrics` as indented `key: value` lines, the first after `- `"
            )
        );
        let (_, d) = charter_diags(
            "+++\nname = \"Pay\"\nproblem = \"x\"\nmetrics = \"Payouts on time\"\n+++\n",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(
            d[0].message,
            "`metrics` in team charter must be a list of tables, found string"
        );
        assert_eq!(
            d[0].help.as_deref(),
            Some("write each entry of `metrics` as a [[metrics]] section")
        );
    }

    #[test]
    fn a_roster_of_named_entries_gives_members_and_a_lead_by_role() {
        let roster = "---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\nmembers:\n  - Bo Chen\n  - name: Ana Lima\n    role: Tech Lead\n    github: alima\n  - name: Cy Diaz\n    role: Engineering Manager\n";
        let (c, d) = charter_diags(&format!("{roster}---\n"));
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.members, ["Bo Chen", "Ana Lima", "Cy Diaz"]);
        assert_eq!(
            c.lead.as_deref(),
            Some("Ana Lima"),
            "the first whose role leads"
        );
        // A named lead stays the lead.
        let (c, _) = charter_diags(&format!("{roster}lead: Bo Chen\n---\n"));
        assert_eq!(c.unwrap().lead.as_deref(), Some("Bo Chen"));
        // An entry without a name, and one that is neither, are located errors.
        let (_, d) = charter_diags(
            "---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\nmembers:\n  - role: Engineer\n  - 7\n---\n",
        );
        let found: Vec<_> = d
            .iter()
            .map(|d| (d.code, d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "missing-key",
                    7,
                    "an entry of `members` is missing the required key `name`"
                ),
                (
                    "invalid-type",
                    8,
                    "each entry of `members` must be a name or a table with a `name`, found integer"
                ),
            ]
        );
    }

    #[test]
    fn madrs_superseded_by_is_superseded_naming_the_newer_decision() {
        let text = "---\ntitle: T\nstatus: superseded by ADR-0012\ntype: 2\ndate: 2026-01-01\nteam: pay\n---\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.status, Status::Superseded);
        let [newer] = d.superseded_by.as_slice() else {
            panic!("{:?}", d.superseded_by)
        };
        assert_eq!(newer.value, 12);
        assert_eq!(&text[newer.span.clone()], "ADR-0012");
        // Without a number there is nothing to link: an error saying how to name one.
        let vague = text.replace("ADR-0012", "the new one");
        let mut diags = Vec::new();
        let s = split("d.md", &vague).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", &vague, s.front, &mut diags).unwrap();
        assert_eq!(d.status, Status::Superseded);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            (diags[0].code, diags[0].line, diags[0].column),
            ("invalid-value", 3, 9)
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some(
                "name the newer decision by its number, e.g. `status: superseded by ADR-0012`, or write `status: superseded` and list this decision's number in the newer record's `supersedes`"
            )
        );
    }

    #[test]
    fn a_status_superseded_by_two_records_names_both_each_at_its_place() {
        for (status, want) in [
            (
                "\"superseded by [ADR-0012](0012-x.md) and [ADR-0015](0015-y.md)\"",
                vec![(12, "[ADR-0012](0012-x.md)"), (15, "[ADR-0015](0015-y.md)")],
            ),
            (
                "superseded by ADR-12, ADR-15",
                vec![(12, "ADR-12"), (15, "ADR-15")],
            ),
            (
                "Superseded by ADR-0011 & ADR-0017; see ADR-0011 (its layout)",
                vec![(11, "ADR-0011"), (17, "ADR-0017")],
            ),
            // A link's text with `and` or a comma in it is one reference.
            (
                "superseded by [12. Split reads, and writes](0012-split.md), 15",
                vec![
                    (12, "[12. Split reads, and writes](0012-split.md)"),
                    (15, "15"),
                ],
            ),
            // Words after a number that name none are no second record.
            (
                "superseded by ADR-12, which moved to Postgres",
                vec![(12, "ADR-12")],
            ),
            // A part of spaces alone before a separator (found by fuzzing: it panicked).
            (
                "\"superseded by ,ADR-0012](0012-x.md) , ,ADR-15\"",
                vec![(12, "ADR-0012](0012-x.md)"), (15, "ADR-15")],
            ),
        ] {
            let text = format!(
                "---\ntitle: T\nstatus: {status}\ntype: 2\ndate: 2026-01-01\nteam: pay\n---\n"
            );
            let mut diags = Vec::new();
            let s = split("d.md", &text).unwrap();
            let d = decision("d.md", "decisions/0007-t.md", &text, s.front, &mut diags).unwrap();
            assert!(diags.is_empty(), "{diags:?}");
            assert_eq!(d.status, Status::Superseded);
            let got: Vec<(u32, &str)> = d
                .superseded_by
                .iter()
                .map(|s| (s.value, &text[s.span.clone()]))
                .collect();
            assert_eq!(got, want, "{status}");
        }
        // TOML, with an escape inside the first: it points at the whole value.
        let text = "+++\ntitle = \"T\"\nstatus = \"superseded by ADR\\u002D12 and ADR-15\"\ntype = 2\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let got: Vec<(u32, &str)> = d
            .superseded_by
            .iter()
            .map(|s| (s.value, &text[s.span.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                (12, "\"superseded by ADR\\u002D12 and ADR-15\""),
                (15, "ADR-15")
            ]
        );
    }

    #[test]
    fn the_newer_record_after_superseded_by() {
        for (rest, number) in [
            (" ADR-0012", Some(12)),
            (" 12", Some(12)),
            (" #12", Some(12)),
            (" ADR 12 (use Postgres)", Some(12)),
            (" [ADR-0012](0012-use-postgres.md)", Some(12)),
            (
                " [ADR-0018](./0018-restrict-direct-source-modification.md)",
                Some(18),
            ),
            (
                " [Use Postgres](../decisions/0012-use-postgres.md#outcome)",
                Some(12),
            ),
            (" [ADR-013](ADR-0013-submissions.md)", Some(13)),
            (" [Use Postgres](use-postgres.md)", None),
            (" 12factor apps", None),
            (" the new one", None),
            ("", None),
            (" [unclosed", None),
            (" 99999999999", None),
        ] {
            assert_eq!(superseded_by_number(rest), number, "{rest}");
        }
    }

    #[test]
    fn a_decisions_tags_may_be_written_as_jekyll_writes_them() {
        let text = "---\ntitle: T\nstatus: proposed\ntype: 2\ndate: 2026-01-01\nteam: pay\ntags: performance, search\n---\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.tags, ["performance", "search"]);
    }

    #[test]
    fn a_charters_list_keys_written_as_one_string_are_lists() {
        let yaml = "---\nname: Pay\nproblem: p\nmetrics: [{ name: m, target: \"1\" }]\nowns: Search API\ncodeowners: \"@acme/pay, @acme/pay-eng\"\n---\n";
        let (c, diags) = charter_diags(yaml);
        assert!(diags.is_empty(), "{diags:?}");
        let c = c.unwrap();
        let owns: Vec<_> = c
            .owns
            .iter()
            .map(|o| (o.value.as_str(), &yaml[o.span.clone()]))
            .collect();
        assert_eq!(owns, [("Search API", "Search API")]);
        let codeowners: Vec<_> = c.codeowners.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(codeowners, ["@acme/pay", "@acme/pay-eng"]);
        // In TOML, each item at its place in the string; an escaped one at the string.
        let toml = "+++\nname = \"Pay\"\nproblem = \"p\"\nowns = \"Ledger, Search\\u0020API , ,Payouts\"\n[[metrics]]\nname = \"m\"\n+++\n";
        let (c, diags) = charter_diags(toml);
        assert!(diags.is_empty(), "{diags:?}");
        let owns: Vec<_> = c
            .unwrap()
            .owns
            .iter()
            .map(|o| (o.value.clone(), &toml[o.span.clone()]))
            .collect();
        assert_eq!(
            owns,
            [
                ("Ledger".to_string(), "Ledger"),
                (
                    "Search API".to_string(),
                    "\"Ledger, Search\\u0020API , ,Payouts\""
                ),
                (
                    "Payouts".to_string(),
                    "\"Ledger, Search\\u0020API , ,Payouts\""
                ),
            ]
        );
        // A number or a boolean is no list: the type error with its hint.
        let (_, diags) = charter_diags(&yaml.replace("owns: Search API", "owns: true"));
        let found: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.message.as_str(), d.help.as_deref()))
            .collect();
        assert_eq!(
            found,
            [(
                "invalid-type",
                "`owns` in team charter must be an array of strings, found boolean",
                Some("write it like: owns: [\"…\", \"…\"]")
            )]
        );
    }

    #[test]
    fn a_single_value_where_a_list_belongs_is_one_error_saying_so() {
        // Names may be one string (MADR's `deciders: Ana, Bo`); a number may not be a list.
        let text = "---\ntitle: T\nstatus: accepted\ntype: 1\ndate: 2026-01-01\ndecided: 2026-01-02\nteam: pay\ndeciders: Ana Lima, Bo Chen\nauthors: Cy\nsupersedes: 1\n---\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags);
        let found: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [(
                "invalid-type",
                10,
                "`supersedes` in decision record must be an array of numbers, found integer"
            )]
        );
        let d = d.unwrap();
        assert_eq!(d.deciders, ["Ana Lima", "Bo Chen"]);
        assert_eq!(d.authors, ["Cy"]);
        // `deciders: 7` is one error, not also the missing deciders.
        let seven = text.replace("deciders: Ana Lima, Bo Chen", "deciders: 7");
        let mut diags = Vec::new();
        let s = split("d.md", &seven).unwrap();
        decision("d.md", "decisions/0007-t.md", &seven, s.front, &mut diags);
        let codes: Vec<_> = diags.iter().map(|d| (d.code, d.line)).collect();
        assert_eq!(codes, [("invalid-type", 8), ("invalid-type", 10)]);
    }

    #[test]
    fn decision_number_from_file_name() {
        assert_eq!(decision_number("a/0007-x.md"), Some(7));
        assert_eq!(decision_number("x.md"), None);
    }

    #[test]
    fn yaml_charter_reads_like_toml_with_yaml_hints() {
        let text =
            "---\nname: Pay\nprobelm: x\nmetrics:\n  - name: m\nreviewed: \"2026-01-02\"\n---\n";
        let (c, d) = charter_diags(text);
        assert_eq!(c.unwrap().name, "Pay");
        let typo = d.iter().find(|d| d.code == "unknown-key").unwrap();
        assert_eq!((typo.line, typo.column), (3, 1));
        assert_eq!(typo.help.as_deref(), Some("did you mean `problem`?"));
        // Jekyll and Hugo quote their dates: the quoted date is the date.
        assert!(!d.iter().any(|d| d.message.contains("reviewed")), "{d:?}");
        let c = charter_diags(text).0.unwrap();
        assert_eq!(
            c.reviewed.map(|d| d.to_string()).as_deref(),
            Some("2026-01-02")
        );
    }

    #[test]
    fn dates_as_other_generators_write_them_are_read_and_bad_ones_located() {
        for (written, read) in [
            ("reviewed: '2026-01-02T10:00:00+01:00'", "2026-01-02"),
            ("reviewed: 2026-01-02 23:30:00 -0800", "2026-01-02"),
            ("reviewed: 2026-01-02T10:00:00Z", "2026-01-02"),
        ] {
            let text =
                format!("---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\n{written}\n---\n");
            let (c, d) = charter_diags(&text);
            assert!(d.is_empty(), "{written}: {d:?}");
            let reviewed = c.unwrap().reviewed.map(|d| d.to_string());
            assert_eq!(reviewed.as_deref(), Some(read), "{written}");
        }
        for (written, code, message, help) in [
            (
                "reviewed: 2026-13-01",
                "invalid-date",
                "`reviewed`: 2026-13-01 is not a date in the calendar",
                "use a real date, e.g. 2026-03-14",
            ),
            (
                "reviewed: \"2026-02-30\"",
                "invalid-date",
                "`reviewed`: 2026-02-30 is not a date in the calendar",
                "use a real date, e.g. 2026-03-14",
            ),
            (
                "reviewed: last spring",
                "invalid-type",
                "`reviewed` in team charter must be a date, found string",
                "write it like: reviewed: 2026-03-14",
            ),
            (
                "reviewed: 2026-01-02x",
                "invalid-type",
                "`reviewed` in team charter must be a date, found string",
                "write it like: reviewed: 2026-03-14",
            ),
        ] {
            let text =
                format!("---\nname: Pay\nproblem: x\nmetrics:\n  - name: m\n{written}\n---\n");
            let (_, d) = charter_diags(&text);
            assert_eq!(d.len(), 1, "{written}: {d:?}");
            assert_eq!(
                (d[0].code, d[0].line, d[0].column),
                (code, 6, 11),
                "{written}"
            );
            assert_eq!(d[0].message, message, "{written}");
            assert_eq!(d[0].help.as_deref(), Some(help), "{written}");
        }
    }

    #[test]
    fn named_values_are_read_in_any_case() {
        let (c, d) = charter_diags(
            "---\nname: Pay\nkind: Group\ntopology: Stream-aligned\nproblem: x\nmetrics:\n  - name: m\n---\n",
        );
        assert!(d.is_empty(), "{d:?}");
        let c = c.unwrap();
        assert_eq!(c.kind, TeamKind::Group);
        assert_eq!(c.topology, Some(Topology::StreamAligned));
        let (_, d) = charter_diags("---\nname: Pay\nkind: squad\nproblem: x\n---\n");
        let kind = d.iter().find(|d| d.message.contains("`kind`")).unwrap();
        assert_eq!(
            kind.help.as_deref(),
            Some("use `kind: \"group\"` for a team of teams, or leave `kind` out for a team")
        );
    }

    #[test]
    fn hints_for_missing_keys_are_written_in_the_files_own_syntax() {
        let (_, d) = charter_diags("---\nname: Pay\nproblem: x\n---\n");
        let metrics = d.iter().find(|d| d.message.contains("`metrics`")).unwrap();
        assert_eq!(
            metrics.help.as_deref(),
            Some(
                "add `metrics: [{ name: \"…\", target: \"…\" }] (or indented `- name: …` lines)` to the front matter"
            )
        );
        let (_, d) = charter_diags("+++\nname = \"Pay\"\nproblem = \"x\"\n+++\n");
        let metrics = d.iter().find(|d| d.message.contains("`metrics`")).unwrap();
        assert!(
            metrics
                .help
                .as_deref()
                .unwrap()
                .starts_with("add `metrics = [{ name = "),
            "{metrics:?}"
        );
    }

    #[test]
    fn yaml_decision_with_padded_supersedes() {
        let text = "---\ntitle: T\nstatus: accepted\ntype: 2\ndate: 2026-01-01\ndecided: 2026-01-02\nteam: pay\nsupersedes: [0003]\n---\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.front, &mut diags).unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(d.supersedes[0].value, 3);
    }

    fn page_of(rel: &str, text: &str) -> (PageMeta, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let s = split("p.md", text).unwrap();
        let p = page("p.md", rel, text, s.front, &mut diags).unwrap();
        (p, diags)
    }

    #[test]
    fn an_ablog_post_is_dated_and_its_keys_accepted() {
        let text = "---\nblogpost: true\ndate: Jan 03, 2022\nauthor: jupyter\nlocation: World\ncategory: Manual\ntags: one, two\nlanguage: English\n---\n";
        let (p, d) = page_of("blog/post3.md", text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(p.date.unwrap().to_string(), "2022-01-03");
        for (written, iso) in [
            ("January 3, 2022", Some("2022-01-03")),
            ("3 January 2022", Some("2022-01-03")),
            ("2022-01-03T10:00:00Z", Some("2022-01-03")),
            ("03/01/2022", None),
            ("Jan 32, 2022", None),
        ] {
            let read = match crate::fields::written_date(written) {
                crate::fields::DateRead::Date(d) => Some(d.to_string()),
                _ => None,
            };
            assert_eq!(read.as_deref(), iso, "{written}");
        }
    }

    #[test]
    fn navigation_labels_of_other_generators_name_the_page_in_the_navigation() {
        for (text, label) in [
            (
                "---\ntitle: Incident response\nsidebar_label: Incidents\n---\n",
                Some("Incidents"),
            ),
            (
                "---\ntitle: Incident response\nlinkTitle: Incidents\n---\n",
                Some("Incidents"),
            ),
            (
                "---\ntitle: Incident response\nsidebarTitle: Incidents\n---\n",
                Some("Incidents"),
            ),
            (
                "---\ntitle: Incident response\nsidebar:\n  label: Incidents\n  order: 2\n---\n",
                Some("Incidents"),
            ),
            (
                "---\ntitle: Incident response\nsidebar_label: \"  \"\n---\n",
                None,
            ),
            ("---\ntitle: Incident response\n---\n", None),
        ] {
            let (p, d) = page_of("ops/incidents.md", text);
            assert!(d.is_empty(), "{text}: {d:?}");
            assert_eq!(p.nav_label.as_deref(), label, "{text}");
            assert_eq!(p.title, "Incident response");
        }
    }

    #[test]
    fn a_docsy_page_is_read_without_warnings_and_toc_hide_hides_it() {
        let text = "---\ntitle: Editor Extensions\ntoc_hide: true\nno_list: true\nhide_summary: true\ncascade:\n  type: docs\ncontrols: false\ntwitter_image: /img/x.png\n---\n";
        let (p, d) = page_of("create/editor-extensions.md", text);
        assert!(d.is_empty(), "{d:?}");
        assert!(p.nav_hidden);
    }

    #[test]
    fn page_keys_from_other_generators() {
        let text = "---\ntitle: Setup\nsidebar_position: 2.4\ntags: onboarding setup\nkeywords: [a, b]\ndate: 2024-05-01 10:00:00 +0200\nredirect_from:\n  - /old/setup/\n  - /setup.html\npublished: false\nlayout: page\ncover_art: false\nextra:\n  owner: ops\n---\n";
        let (p, d) = page_of("guide/setup.md", text);
        assert_eq!(p.weight, Some(2));
        assert_eq!(p.tags, ["onboarding", "setup"]);
        assert_eq!(p.keywords, ["a", "b"]);
        assert_eq!(p.date.unwrap().to_string(), "2024-05-01");
        assert!(p.draft);
        assert_eq!(p.aliases.len(), 2);
        assert_eq!(&text[p.aliases[0].span.clone()], "/old/setup/");
        assert_eq!(p.extra.unwrap()["owner"], "ops");
        // `layout` is another generator's navigation key: accepted in silence. `cover_art`
        // (a theme's) means nothing here: a warning at its line, not an error.
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].severity, crate::diagnostic::Severity::Warning);
        assert_eq!((d[0].code, d[0].line), ("unknown-key", 12));
    }

    #[test]
    fn folder_index_names() {
        assert!(page_of("README.md", "x").0.is_home);
        assert!(page_of("index.md", "x").0.is_home);
        let (p, _) = page_of("guide/README.md", "x");
        assert!(p.folder_index && !p.is_home);
        assert!(!page_of("guide/readme-first.md", "x").0.folder_index);
        assert_eq!(index_rank("_index.md"), Some(0));
        assert_eq!(index_rank("index.md"), Some(1));
        assert_eq!(index_rank("readme.md"), Some(2));
    }
}
