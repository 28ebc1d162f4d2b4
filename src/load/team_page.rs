//! A team's page written for another handbook, read as the team's charter.
//!
//! Company handbooks moved in keep a folder per team whose index page describes the team
//! in headings, not in a charter's front matter: PostHog's `teams/<team>/index.mdx`
//! (front matter `template: team`), Sourcegraph's `teams/<team>/index.md` with `## Mission`
//! and `## Members`, GitLab's `## Mission` and `## Team Members`. Such a page, at the
//! charter's place (the index page of a folder under `content/teams/`) and without a
//! charter's keys, or the index page of a folder directly inside a `teams` folder
//! elsewhere (`departments/engineering/teams/delivery/index.md`, read where it is so its
//! relative links hold), is the team's charter when it is written as a team page: its front
//! matter says `template: team`, or it has both a heading about what the team is for
//! (Mission, Vision, Responsibilities, Goals…) and one about who is in it (Members,
//! Team members, Leadership, Chairs…). Anywhere else only `template: team` does (GitLab's
//! team pages are Hugo sections that cannot move without moving their addresses); the
//! headings alone would be a guess that made every folder's index a team.
//!
//! What the link stage adds, needing other documents: the group the team's folders name,
//! a `mission.mdx` beside the page ([`problem_beside`]), the redirect from the page's own
//! address.
//!
//! What the headings say becomes the charter's fields ([`read`]): the title or first
//! `#` heading the name, the first sentence under Mission (or Vision, What we do…) the
//! problem, the people listed under Members the members and the one whose role says lead
//! or manager (or the first chair) the lead, the items under Performance indicators or
//! KPIs the metrics, the names listed under Responsibilities, Areas of ownership, What we
//! own or Subprojects what it owns ([`owned`]). The page's text stays the charter's body.
//! Such a section lists prose as often as systems, so only list items short enough to be
//! a name are read, never a paragraph; and since that is still a reading, not a claim the
//! handbook wrote, two teams reading the same item is a warning, not an error (the link
//! stage's `contested-ownership`).

use super::frontmatter::{Front, Syntax};
use crate::model::{Charter, Metric, Spanned, TeamKind};
use std::ops::Range;

/// What a heading of a team's page is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    /// What the team is for: the problem, in order of preference (lower first).
    Purpose(u8),
    /// Who is in the team; `leads` when the heading names its leaders (Chairs).
    People {
        leads: bool,
    },
    Metrics,
}

/// A heading's words as a reader sees them, lower-cased: Google Docs' export writes each
/// heading bold and escapes its numbering (`# **3\. Team Members and Roles**`), and a
/// numbered heading (`3. Team members`, `2.1 Goals`) is the same section as one without.
fn heading_words(heading: &str) -> String {
    let h = plain(heading);
    let numbered = h
        .split_once(' ')
        .filter(|(n, _)| {
            n.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && n.bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b')')
        })
        .map_or(h.as_str(), |(_, rest)| rest);
    numbered
        .trim()
        .trim_end_matches(':')
        .to_lowercase()
        .replace('’', "'")
}

fn section_of(heading: &str) -> Option<Section> {
    let h = heading_words(heading);
    let h = h.trim_start_matches("our ").trim_start_matches("the ");
    Some(match h {
        "mission" | "team mission" | "mission statement" | "purpose" | "team purpose"
        | "problem" | "problem statement" => Section::Purpose(0),
        "vision" | "charter" | "scope" => Section::Purpose(1),
        "what we do" | "about" | "about the team" | "about this team" | "about us" | "overview" => {
            Section::Purpose(2)
        }
        "responsibilities" | "goals" | "objectives" => Section::Purpose(3),
        "members"
        | "team members"
        | "team"
        | "people"
        | "who we are"
        | "who's on the team"
        | "team members and roles"
        | "team roster"
        | "roster" => Section::People { leads: false },
        "leadership" | "chairs" | "tech leads" | "technical leads" | "leads" | "organizers" => {
            Section::People { leads: true }
        }
        "metrics"
        | "kpis"
        | "key performance indicators"
        | "performance indicators"
        | "key metrics"
        | "success metrics"
        | "measures of success"
        | "okrs"
        | "key results" => Section::Metrics,
        // "What the Billing team does" (PostHog).
        _ if h.starts_with("what the ") && h.ends_with(" does") => Section::Purpose(2),
        _ => return None,
    })
}

/// Whether front matter says `template: team` (PostHog's team pages) at its top level.
pub(super) fn says_team_template(text: &str, front: Option<&Front>) -> bool {
    let Some(front) = front else {
        return false;
    };
    let Some(front_text) = text.get(front.range.clone()) else {
        return false;
    };
    let sep = match front.syntax {
        Syntax::Yaml => ':',
        Syntax::Toml => '=',
    };
    front_text.lines().any(|line| {
        line.strip_prefix("template")
            .and_then(|rest| rest.trim_start().strip_prefix(sep))
            .is_some_and(|v| v.trim().trim_matches(['"', '\'']) == "team")
    })
}

/// A heading of the body: its level, its text, and the line it is on.
struct Heading<'t> {
    level: usize,
    text: &'t str,
    line: usize,
}

/// The ATX headings of `lines`, outside fenced code.
fn headings<'t>(lines: &[&'t str]) -> Vec<Heading<'t>> {
    let mut out = Vec::new();
    for (i, line) in super::unfenced_lines(lines.iter().copied()) {
        let t = line.trim_start();
        if line.starts_with("    ") {
            continue;
        }
        let level = t.bytes().take_while(|&b| b == b'#').count();
        if (1..=6).contains(&level) && t[level..].starts_with([' ', '\t']) {
            let text = t[level..].trim().trim_end_matches('#').trim();
            // `## Setup {#setup}`: the id is not the heading's text.
            let text = match text.rsplit_once(" {#") {
                Some((before, _)) if text.ends_with('}') => before.trim(),
                _ => text,
            };
            out.push(Heading {
                level,
                text,
                line: i,
            });
        }
    }
    out
}

/// `body` without Markdown's inline marks that would show in a charter's plain fields:
/// links keep their text, emphasis and code marks go.
fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find("](").and_then(|close| {
            let target = &after[close + 2..];
            target.find(')').map(|end| (close, close + 2 + end + 1))
        }) {
            Some((close, end)) if !after[..close].contains('[') => {
                out.push_str(&after[..close]);
                rest = &after[end..];
            }
            _ => {
                out.push('[');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    let out = out.replace("**", "").replace("__", "").replace('`', "");
    // Google Docs' export escapes every `-`, `.`, `#`, `+` and `~` it fears Markdown might
    // read (`invite\-only`, `1\.`), and a charter's fields show text, not Markdown.
    crate::text::unescape_markdown(&without_emphasis_stars(&out))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `*` marks of emphasis taken off (`*The team exists to …*`: Google Docs' export
/// writes a template's italic guidance and often the answer typed over it so): a `*` that
/// opens a word or closes one. An escaped `\*`, one between spaces and a glob's
/// (`*.bzl`) stay.
fn without_emphasis_stars(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('*') {
        return std::borrow::Cow::Borrowed(s);
    }
    let chars: Vec<char> = s.chars().collect();
    let space = |c: Option<&char>| c.is_none_or(|c| c.is_whitespace());
    let edge = |c: Option<&char>| space(c) || c.is_some_and(char::is_ascii_punctuation);
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let before = i.checked_sub(1).and_then(|b| chars.get(b));
        let after = chars.get(i + 1);
        let mark = c == '*'
            && before != Some(&'\\')
            && ((edge(before) && after.is_some_and(|c| c.is_alphanumeric()))
                || (!space(before) && edge(after)));
        if !mark {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether a line is template syntax or a component, which says nothing readable.
fn is_template(line: &str) -> bool {
    let t = line.trim();
    t.starts_with("{{") || t.starts_with("{%") || (t.starts_with('<') && !t.starts_with("<a "))
}

/// The top-level items of a list in `lines`, each with its continuation lines folded in
/// (nested items are left out).
fn list_items(lines: &[&str]) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in lines {
        let t = line.trim_end();
        let marker = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| t.strip_prefix(m))
            .or_else(|| {
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                (digits > 0)
                    .then(|| t[digits..].strip_prefix(". "))
                    .flatten()
            });
        if let Some(item) = marker {
            items.push(item.trim().to_string());
        }
    }
    items
}

/// The rows of the first table in `lines`, as cells, without its delimiter row.
fn table_rows(lines: &[&str]) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|l| l.trim())
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter(|l| !l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| plain(c.trim()))
                .collect()
        })
        .collect()
}

/// A person as a list item or table cell names them: `Alex Rowe, Engineering Manager`,
/// `Hana Sato (lead)`, `Dana Moreau (**[@dmoreau](…)**), Pylon` → the name, and the role
/// when one follows. `None` for an item that is a sentence, not a person.
fn person(item: &str) -> Option<(String, Option<String>)> {
    let item = plain(item);
    if item.is_empty() || is_template(&item) {
        return None;
    }
    let (name, role) = match item.find([',', '(']).or_else(|| item.find(" - ")) {
        Some(at) => {
            let role = item[at..]
                .trim_start_matches([',', '(', ' ', '-'])
                .trim_end_matches(')')
                .trim();
            (item[..at].trim(), Some(role.to_string()))
        }
        None => (item.as_str(), None),
    };
    let words = name.split_whitespace().count();
    let is_name = (1..=4).contains(&words)
        && !name.ends_with(['.', ':'])
        && name.chars().next().is_some_and(char::is_alphabetic)
        && name
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || w.len() <= 3);
    is_name.then(|| (name.to_string(), role.filter(|r| !r.is_empty())))
}

/// A list item that is a field of a form (`**Name:** Ruth Okafor`, `**Role:** Team
/// Lead`): its field, lower-cased, and its value.
fn field(item: &str) -> Option<(String, String)> {
    let item = plain(item);
    let (key, value) = item.split_once(':')?;
    let key = key.trim();
    (!key.is_empty() && key.split_whitespace().count() <= 2 && !key.contains(['[', '(']))
        .then(|| (key.to_lowercase(), value.trim().to_string()))
}

/// The people of a roster written as forms, one per person (the U.S. VA's team READMEs:
/// `- **Name:** …`, `- **GitHub:** …`, `- **Email:** …`, `- **Role:** …` under a heading
/// per role): each `Name` a person, the `Role` (or `Title`) after it theirs. The other
/// fields (an address, a handle) are not a charter's; an unfilled `[Full Name]` is not a
/// person. `None` when the items are not such forms.
fn roster_forms(items: &[String]) -> Option<Vec<(String, Option<String>)>> {
    let fields: Vec<Option<(String, String)>> = items.iter().map(|i| field(i)).collect();
    if !fields.iter().flatten().any(|(k, _)| k == "name") {
        return None;
    }
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    // Whether the last `Name` was a person, so an unfilled one's role is not the one before's.
    let mut named = false;
    for (key, value) in fields.into_iter().flatten() {
        match key.as_str() {
            "name" => {
                // `Ruth Okafor (she/her)`: the name; the role is the `Role` field's.
                let who = person(&value).map(|(name, _)| (name, None));
                named = who.is_some();
                out.extend(who);
            }
            "role" | "title" if named && !value.is_empty() => {
                if let Some(last) = out.last_mut() {
                    last.1 = Some(value);
                }
            }
            _ => {}
        }
    }
    Some(out)
}

/// The people a section lists: items of its list (or the forms of a roster), or the name
/// column of its table.
fn people(lines: &[&str]) -> Vec<(String, Option<String>)> {
    let rows = table_rows(lines);
    if let Some((header, rows)) = rows.split_first() {
        let col = |word: &str| header.iter().position(|h| h.to_lowercase() == word);
        let name_col = col("name").unwrap_or(0);
        let role_col = col("role").or_else(|| col("title"));
        return rows
            .iter()
            .filter_map(|r| {
                let (name, _) = person(r.get(name_col)?)?;
                let role = role_col.and_then(|c| r.get(c)).filter(|r| !r.is_empty());
                Some((name, role.cloned()))
            })
            .collect();
    }
    let items = list_items(lines);
    if let Some(people) = roster_forms(&items) {
        return people;
    }
    items.iter().filter_map(|i| person(i)).collect()
}

/// The team's name as the form at the top of a charter template gives it: a table row
/// `| Team Name | Produce Exchange |` (Google Docs' export makes a table's first row its
/// header, so the row is often the header) or a line `**Team Name:** Produce Exchange`.
/// The `#` heading of such a page is the template's ("Team Charter / Team Contract"), not
/// the team's. An unfilled `[Team Name]` is no name.
fn named_in_form(lines: &[&str]) -> Option<String> {
    lines.iter().find_map(|line| {
        let t = line.trim();
        let (key, value) = if t.starts_with('|') {
            let mut cells = t.trim_matches('|').split('|').map(|c| plain(c.trim()));
            (cells.next()?.to_lowercase(), cells.next()?)
        } else {
            field(t)?
        };
        let key = key.trim_end_matches(':').trim();
        (matches!(key, "team name" | "team")
            && !value.is_empty()
            && !value.starts_with('[')
            && !is_template(&value))
        .then_some(value)
    })
}

/// The first sentence of the section's first paragraph: the problem, in one line.
fn first_sentence(lines: &[&str]) -> Option<String> {
    let para: Vec<&str> = lines
        .iter()
        .map(|l| l.trim())
        .skip_while(|l| l.is_empty() || l.starts_with("<!--"))
        .take_while(|l| !l.is_empty())
        .collect();
    let first = para.first()?;
    // `*The team exists to …*` is a paragraph in italics (Google Docs' export writes a
    // template's answers so), not a list.
    let italic = first
        .strip_prefix('*')
        .is_some_and(|rest| rest.starts_with(char::is_alphanumeric));
    if is_template(first) || (first.starts_with(['-', '*', '|', '#', '!', '>']) && !italic) {
        return None;
    }
    let text = plain(&para.join(" "));
    let end = text
        .match_indices(". ")
        .map(|(at, _)| at + 1)
        .find(|&at| text[at..].trim_start().starts_with(char::is_uppercase))
        .unwrap_or(text.len());
    let sentence = text[..end].trim();
    (!sentence.is_empty()).then(|| sentence.to_string())
}

/// A metric a list item states: `Error budget: 99.95% of requests succeed` → name
/// `Error budget`, target `99.95% of requests succeed`; a target orgbook cannot read is
/// shown as written and never judged.
fn metric(item: &str) -> Option<Metric> {
    let item = plain(item);
    if item.is_empty() || is_template(&item) || item.split_whitespace().count() > 16 {
        return None;
    }
    let (name, target) = match item.split_once(": ") {
        Some((n, t)) => {
            let t = t.trim();
            let t = t
                .strip_prefix("target")
                .map_or(t, |r| r.trim_start_matches([':', ' ']));
            (
                n.trim().to_string(),
                Some(t.to_string()).filter(|t| !t.is_empty()),
            )
        }
        None => (item, None),
    };
    Some(Metric {
        name,
        target,
        current: None,
        history: Vec::new(),
    })
}

/// The metrics the Metrics sections (KPIs, Success metrics, OKRs…) state: each item of
/// a list, or each row of a table (`| Metric | Target |`: the column named for the
/// metric, else the first, and the one named for the target, else the second).
fn metrics_of(sections: &[(Section, &[&str])]) -> Vec<Metric> {
    let mut out = Vec::new();
    for (_, lines) in sections.iter().filter(|(s, _)| *s == Section::Metrics) {
        let rows = table_rows(lines);
        if let Some((header, rows)) = rows.split_first() {
            let col = |words: &[&str]| {
                header
                    .iter()
                    .position(|h| words.contains(&h.to_lowercase().as_str()))
            };
            let name =
                col(&["metric", "metrics", "name", "measure", "kpi", "key result"]).unwrap_or(0);
            let target = col(&["target", "goal", "targets"]).or((name == 0).then_some(1));
            out.extend(rows.iter().filter_map(|r| {
                let item = match target.and_then(|t| r.get(t)).filter(|t| !t.is_empty()) {
                    Some(t) => format!("{}: {t}", r.get(name)?),
                    None => r.get(name)?.clone(),
                };
                metric(&item)
            }));
            continue;
        }
        out.extend(list_items(lines).iter().filter_map(|i| metric(i)));
    }
    out
}

/// The names of the pages beside a team's page that are its charter, written apart from
/// the team's README (va.gov-team keeps `team-charter.md` beside each README): what the
/// team is for, when its page does not say, and its metrics, when its page lists none.
pub const CHARTER_PAGES: &[&str] = &["team-charter", "charter"];

/// The metrics a charter page beside a team's page states ([`CHARTER_PAGES`]): the items
/// or table rows under its Metrics, Success metrics or OKRs headings.
pub fn metrics_beside(text: &str, body_start: usize) -> Vec<Metric> {
    let Some(body) = text.get(body_start..) else {
        return Vec::new();
    };
    let lines: Vec<&str> = body.lines().collect();
    let heads = headings(&lines);
    let sections: Vec<(Section, &[&str])> = heads
        .iter()
        .enumerate()
        .filter(|(_, h)| section_of(h.text) == Some(Section::Metrics))
        .map(|(i, h)| {
            let end = heads[i + 1..]
                .iter()
                .find(|n| n.level <= h.level)
                .map_or(lines.len(), |n| n.line);
            (Section::Metrics, &lines[h.line + 1..end])
        })
        .collect();
    metrics_of(&sections)
}

/// The sentence a team-page template (`team-readme-template.md`) gives as what the team is
/// for, when read as a team page: a copy that still says it was not filled in.
pub fn template_problem(text: &str, body_start: usize) -> Option<String> {
    read("template", text, None, body_start, None)?.problem
}

/// How a heading lists what the team owns: `Some(false)` for a list of names
/// (Responsibilities, Ownership areas, What we own…), `Some(true)` for Kubernetes'
/// generated `## Subprojects`, whose names are its sub-headings (`### kubelet`), each
/// over a list of OWNERS files and contacts that are not names.
fn owns_heading(heading: &str) -> Option<bool> {
    let h = heading_words(heading);
    let h = h.trim_start_matches("our ").trim_start_matches("team ");
    match h {
        "responsibilities"
        | "areas of responsibility"
        | "ownership"
        | "ownership areas"
        | "areas of ownership"
        | "what we own"
        | "what we're responsible for"
        | "owned services"
        | "owned repositories"
        | "owned repos"
        | "owned systems"
        | "services we own"
        | "systems we own"
        | "repositories we own"
        | "products we own"
        | "owned products" => Some(false),
        "subprojects" => Some(true),
        _ => None,
    }
}

/// One item of a Markdown list: how far it is indented, its text after the marker.
struct Entry<'t> {
    indent: usize,
    text: &'t str,
}

/// Every item of the lists in `lines`, nested ones included, outside fenced code.
fn list_entries<'t>(lines: &[&'t str]) -> Vec<Entry<'t>> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in lines {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let indent: usize = line[..line.len() - t.len()]
            .chars()
            .map(|c| if c == '\t' { 4 } else { 1 })
            .sum();
        let item = ["- ", "* ", "+ "]
            .iter()
            .find_map(|m| t.strip_prefix(m))
            .or_else(|| {
                let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                (digits > 0)
                    .then(|| {
                        t[digits..]
                            .strip_prefix(". ")
                            .or_else(|| t[digits..].strip_prefix(") "))
                    })
                    .flatten()
            });
        if let Some(item) = item {
            out.push(Entry {
                indent,
                text: item.trim_end(),
            });
        }
    }
    out
}

/// Where a slice of `text` (one of its lines, a heading's text) starts and ends in it.
fn span_in(text: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    start..start + part.len()
}

/// Words past which a list item is a sentence about the work, not the name of a thing
/// owned ("Monitoring and triaging issues on the project board").
const MAX_OWNED_WORDS: usize = 6;

/// The name a list item gives what it owns, or `None` when it is a sentence: the text
/// before an explanation (` - `, `: `, ` – `, ` — `) and without a closing `(…)`, links
/// as their text (`**Session Replay** - recording sessions` → `Session Replay`,
/// `[lib/errors](…): error types` → `lib/errors`). A name has at most
/// [`MAX_OWNED_WORDS`] words and does not end a sentence.
fn owned_name(item: &str) -> Option<String> {
    let item = plain(item);
    if is_template(&item) {
        return None;
    }
    let cut = [": ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| item.find(sep))
        .min()
        .unwrap_or(item.len());
    let mut name = item[..cut].trim().trim_end_matches(':').trim();
    if name.ends_with(')')
        && let Some(open) = name.rfind(" (")
    {
        name = name[..open].trim();
    }
    let words = name.split_whitespace().count();
    let sentence = words == 0
        || words > MAX_OWNED_WORDS
        || name.ends_with(['.', '!', '?', ',', ';'])
        || name.contains(". ")
        // `[Product 1 Entry]`: a template's placeholder, not yet a name.
        || name.starts_with(['(', '>', '|', '[']);
    (!sentence).then(|| name.to_string())
}

/// The names an item that opens with links separated by commas gives, each link's text
/// (`[internal/trace](…), [internal/tracer](…): tracing libraries`), when nothing but an
/// explanation follows them; `None` for any other item.
fn linked_names(item: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    let mut rest = item.trim_start();
    loop {
        let after = rest.strip_prefix('[')?;
        let close = after.find("](")?;
        let text = &after[..close];
        let end = after[close + 2..].find(')')? + close + 3;
        names.push(text);
        rest = &after[end..];
        match rest.strip_prefix(", ") {
            Some(more) if more.starts_with('[') => rest = more,
            _ => break,
        }
    }
    let explained = [": ", " - ", " – ", " — ", " ("]
        .iter()
        .any(|sep| rest.starts_with(sep));
    (rest.trim().is_empty() || explained)
        .then(|| names.into_iter().filter_map(owned_name).collect::<Vec<_>>())
}

/// Whether an item links to an address a template left unfilled
/// (`[Product 1 Entry](…/products/[product-name]/…)`): the item is the template's example,
/// not a thing the team owns.
fn links_a_placeholder(item: &str) -> bool {
    item.split("](").skip(1).any(|rest| {
        let target = rest.split(')').next().unwrap_or_default();
        target.contains('[')
    })
}

/// What a section of owned things lists, each name with its span in `text`. The list's
/// items are read, not its paragraphs; an item that holds a list of its own is a label
/// for it (`GitHub repositories:`, `Tooling`), and its items, one level down, are read
/// instead. Items that are sentences give nothing ([`owned_name`]).
fn owned(text: &str, lines: &[&str]) -> Vec<Spanned<String>> {
    let entries = list_entries(lines);
    let Some(top) = entries.iter().map(|e| e.indent).min() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut push = |e: &Entry| {
        if links_a_placeholder(e.text) {
            return;
        }
        let names =
            linked_names(e.text).unwrap_or_else(|| owned_name(e.text).into_iter().collect());
        for name in names {
            out.push(Spanned::new(name, span_in(text, e.text)));
        }
    };
    for (k, e) in entries.iter().enumerate() {
        if e.indent != top {
            continue;
        }
        let children: Vec<&Entry> = entries[k + 1..]
            .iter()
            .take_while(|c| c.indent > top)
            .collect();
        match children.iter().map(|c| c.indent).min() {
            None => push(e),
            Some(level) => children
                .iter()
                .filter(|c| c.indent == level)
                .for_each(|c| push(c)),
        }
    }
    out
}

/// The names of the pages beside a team's page that say what the team is for when the
/// team's page does not (PostHog keeps `mission.mdx` and `objectives.mdx` beside
/// `index.mdx`), in order of preference.
pub const PURPOSE_PAGES: &[&str] = &["mission", "objectives", "goals", "team-charter", "charter"];

/// What the team is for, as a page beside its team page says it (`mission.mdx`): the
/// first sentence under its Mission or Vision heading, else of the paragraph under its
/// `#` heading, else of its first paragraph. A paragraph that only leads in to a list
/// ("Our mission is an engine that:") says nothing on its own, and gives `None`.
pub fn problem_beside(text: &str, body_start: usize) -> Option<String> {
    let lines: Vec<&str> = text.get(body_start..)?.lines().collect();
    let heads = headings(&lines);
    let section = |at: usize, end: usize| {
        let part = &lines[at..end];
        let list = part
            .iter()
            .position(|l| !list_items(&[l.trim_start()]).is_empty())
            .unwrap_or(part.len());
        first_sentence(&part[..list]).filter(|s| !s.ends_with(':'))
    };
    let end_of = |i: usize| {
        heads[i + 1..]
            .iter()
            .find(|n| n.level <= heads[i].level)
            .map_or(lines.len(), |n| n.line)
    };
    let stated = heads
        .iter()
        .enumerate()
        .find_map(|(i, h)| match section_of(h.text) {
            Some(Section::Purpose(0 | 1)) => section(h.line + 1, end_of(i)),
            _ => None,
        });
    stated.or_else(|| {
        let start = heads
            .first()
            .filter(|h| h.level == 1)
            .map_or(0, |h| h.line + 1);
        let end = heads
            .iter()
            .find(|n| n.line >= start)
            .map_or(lines.len(), |n| n.line);
        section(start, end)
    })
}

/// The charter a team's page at `rel` (the index page of a folder under `teams/`, with
/// no charter's keys; `slug` its folder's name) describes, or `None` when it is not
/// written as a team page (see the module's comment). `title` is the title its front
/// matter gives; `body_start` where its Markdown starts in `text`.
pub fn read(
    slug: &str,
    text: &str,
    front: Option<&Front>,
    body_start: usize,
    title: Option<&str>,
) -> Option<Charter> {
    if !super::is_valid_slug(slug) {
        return None;
    }
    let body = text.get(body_start..)?;
    let lines: Vec<&str> = body.lines().collect();
    let heads = headings(&lines);
    let sections: Vec<(Section, &[&str])> = heads
        .iter()
        .enumerate()
        .filter_map(|(i, h)| {
            let s = section_of(h.text)?;
            let end = heads[i + 1..]
                .iter()
                .find(|n| n.level <= h.level)
                .map_or(lines.len(), |n| n.line);
            Some((s, &lines[h.line + 1..end]))
        })
        .collect();
    let has = |f: fn(&Section) -> bool| sections.iter().any(|(s, _)| f(s));
    let is_team_page = says_team_template(text, front)
        || (has(|s| matches!(s, Section::Purpose(_)))
            && has(|s| matches!(s, Section::People { .. })));
    if !is_team_page {
        return None;
    }
    // The page's opening, up to its first heading below the title (or its first
    // heading when it has no title).
    let opening_lines = {
        let start = heads
            .iter()
            .find(|h| h.level == 1)
            .map_or(0, |h| h.line + 1);
        let end = heads
            .iter()
            .find(|n| n.line >= start)
            .map_or(lines.len(), |n| n.line);
        &lines[start..end]
    };
    let name = title
        .map(str::to_string)
        .or_else(|| named_in_form(opening_lines))
        .or_else(|| {
            heads
                .iter()
                .find(|h| h.level == 1)
                .map(|h| plain(h.text))
                .filter(|t| !t.is_empty() && !is_template(t))
        })
        .unwrap_or_else(|| crate::text::title_from_name(slug));
    let mut purposes: Vec<(u8, &[&str])> = sections
        .iter()
        .filter_map(|(s, l)| match s {
            Section::Purpose(rank) => Some((*rank, *l)),
            _ => None,
        })
        .collect();
    purposes.sort_by_key(|(rank, _)| *rank);
    // Without a heading for it, a team's page often says what the team is for in the
    // paragraph under its title (Kubernetes' SIG READMEs, Sourcegraph's DevInfra).
    let opening = heads.iter().find(|h| h.level == 1).map(|h| {
        let end = heads
            .iter()
            .find(|n| n.line > h.line)
            .map_or(lines.len(), |n| n.line);
        &lines[h.line + 1..end]
    });
    // A mission or vision says it best; then the opening paragraph; a section of goals
    // or responsibilities opens with a lead-in to its list as often as with a purpose
    // ("The following topics fall under the scope of this SIG.").
    let stated = |ranks: std::ops::RangeInclusive<u8>| {
        purposes
            .iter()
            .filter(|(rank, _)| ranks.contains(rank))
            .find_map(|(_, l)| first_sentence(l))
    };
    let problem = stated(0..=1)
        .or_else(|| opening.and_then(first_sentence))
        .or_else(|| stated(2..=3));
    let mut members: Vec<String> = Vec::new();
    // A person under both Leadership and Chairs is one member; a set, since a big
    // organisation's page can list hundreds.
    let mut seen = std::collections::HashSet::new();
    let mut lead = None;
    for (s, l) in &sections {
        let Section::People { leads } = s else {
            continue;
        };
        for (name, role) in people(l) {
            let leads_by_role = role.as_deref().is_some_and(super::frontmatter::role_leads);
            if lead.is_none() && (*leads || leads_by_role) {
                lead = Some(name.clone());
            }
            if seen.insert(name.clone()) {
                members.push(name);
            }
        }
    }
    let metrics = metrics_of(&sections);
    let mut owns: Vec<Spanned<String>> = Vec::new();
    let mut seen_owned = std::collections::HashSet::new();
    for (i, h) in heads.iter().enumerate() {
        let Some(subprojects) = owns_heading(h.text) else {
            continue;
        };
        let inside = heads[i + 1..]
            .iter()
            .take_while(|n| n.level > h.level)
            .collect::<Vec<_>>();
        let end = heads
            .get(i + 1 + inside.len())
            .map_or(lines.len(), |n| n.line);
        let read: Vec<Spanned<String>> = if subprojects && !inside.is_empty() {
            inside
                .iter()
                .filter(|n| n.level == h.level + 1)
                .filter_map(|n| {
                    owned_name(n.text).map(|name| Spanned::new(name, span_in(text, n.text)))
                })
                .collect()
        } else {
            // The list under the heading itself: its sub-sections say more about
            // each thing (IAM's product domains), in paragraphs, not names.
            let until = inside.first().map_or(end, |n| n.line);
            owned(text, &lines[h.line + 1..until])
        };
        for item in read {
            if seen_owned.insert(crate::model::ownership_key(&item.value)) {
                owns.push(item);
            }
        }
    }
    Some(Charter {
        slug: slug.to_string(),
        name,
        kind: TeamKind::Team,
        parent: None,
        page_problem: problem.clone(),
        problem,
        metrics,
        owns,
        lead,
        members,
        contact: Vec::new(),
        reviewed: None,
        topology: None,
        interactions: Vec::new(),
        codeowners: Vec::new(),
        from_page: true,
        problem_beside: false,
        metrics_beside: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_md(slug: &str, text: &str) -> Option<Charter> {
        let split = super::super::frontmatter::split("x.md", text).unwrap();
        read(slug, text, split.front.as_ref(), split.body_start, None)
    }

    #[test]
    fn a_page_without_team_headings_stays_a_page() {
        assert!(read_md("guides", "# Guides\n\n## Setup\n\nRun it.\n").is_none());
        // A mission alone is a department's or a product's page as often as a team's.
        assert!(read_md("infra", "## Mission\n\nKeep it up.\n\n## Groups\n\n- A\n").is_none());
        assert!(read_md("Source", "---\ntemplate: team\n---\n\nHi\n").is_none());
    }

    #[test]
    fn headings_become_the_charter() {
        let c = read_md(
            "code-search",
            "# Code Search team\n\n## Mission\n\nMake code findable in a second. Every day.\n\n## Members\n\n- [Alex Rowe](../x.md#alex-rowe), Engineering Manager\n- Chen Li, Software Engineer\n- {{generator:x}}\n\n## Metrics\n\n- Searches under 1s: target 99%\n",
        )
        .unwrap();
        assert_eq!(c.name, "Code Search team");
        assert_eq!(
            c.problem.as_deref(),
            Some("Make code findable in a second.")
        );
        assert_eq!(c.members, ["Alex Rowe", "Chen Li"]);
        assert_eq!(c.lead.as_deref(), Some("Alex Rowe"));
        assert_eq!(c.metrics[0].name, "Searches under 1s");
        assert_eq!(c.metrics[0].target.as_deref(), Some("99%"));
    }

    #[test]
    fn a_roster_of_forms_gives_names_and_roles() {
        let c = read_md(
            "claims-status",
            "# Claims Status\n\n## Team Information\n\n### Team Roster\n\nDirectory system will parse this section\n\n#### Product Owner\n\n- **Name:** Ruth Okafor (she/her)\n- **GitHub:** [@rokafor](https://github.com/rokafor)\n- **Email:** ruth.okafor@x.example\n- **Role:** Product Owner\n\n#### Team Representative\n\n- **Name:** [Full Name]\n- **Role:** Team Representative\n\n#### Team Lead\n\n- **Name:** Sven Lindqvist\n- **Role:** Engineering Lead\n\n## About This Team\n\nWe let residents follow a claim. Online.\n\n## Products We Own\n\n- **[Claim Status Tool](../x.md):** Track a claim online.\n- **[Product 2 Directory Entry]:** Link to product\n",
        )
        .unwrap();
        assert_eq!(c.members, ["Ruth Okafor", "Sven Lindqvist"]);
        assert_eq!(c.lead.as_deref(), Some("Sven Lindqvist"));
        assert_eq!(
            c.problem.as_deref(),
            Some("We let residents follow a claim.")
        );
        let owns: Vec<&str> = c.owns.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(owns, ["Claim Status Tool"]);
        assert!(links_a_placeholder(
            "**[Product 1 Entry](https://x.example/products/[product-name]/a.yml):** Link"
        ));
        assert!(!links_a_placeholder(
            "**[Claim Status Tool](../x.md):** Track [it]"
        ));
    }

    #[test]
    fn the_opening_paragraph_comes_before_a_lead_in_to_goals() {
        let c = read_md(
            "sig-node",
            "# Node Special Interest Group\n\nSIG Node looks after the node agent. It also owns runtimes.\n\n## Leadership\n\n### Chairs\n\n* Mira Castell (**[@mcastell](https://github.com/mcastell)**), Lumen Labs\n* Tobias Wren (**[@twren](https://github.com/twren)**), Northwind\n\n## Goals\n\nThe following topics fall under the scope of this SIG.\n\n- The node agent\n",
        )
        .unwrap();
        assert_eq!(
            c.problem.as_deref(),
            Some("SIG Node looks after the node agent.")
        );
        assert_eq!(c.lead.as_deref(), Some("Mira Castell"));
        assert_eq!(c.members, ["Mira Castell", "Tobias Wren"]);
    }

    #[test]
    fn a_team_template_and_a_members_table_are_read() {
        let c = read_md(
            "replay",
            "---\ntitle: Replay\ntemplate: team\n---\n\n## Who's on the team\n\n| Name | Role |\n|---|---|\n| Hana Sato | Team lead |\n| Piet de Wit | Engineer |\n",
        )
        .unwrap();
        assert_eq!(c.members, ["Hana Sato", "Piet de Wit"]);
        assert_eq!(c.lead.as_deref(), Some("Hana Sato"));
        assert_eq!(c.problem, None);
    }

    #[test]
    fn owned_names_are_names_not_sentences() {
        assert_eq!(
            owned_name("**Session Replay** - recording a session to play back").as_deref(),
            Some("Session Replay")
        );
        assert_eq!(
            owned_name("[`lib/errors`](https://x.example/e): error types").as_deref(),
            Some("lib/errors")
        );
        assert_eq!(
            owned_name("Base images (e.g. the Go ones)").as_deref(),
            Some("Base images")
        );
        assert_eq!(
            owned_name("*.(bazel|bzl)").as_deref(),
            Some("*.(bazel|bzl)")
        );
        // Sentences about the work, lead-ins and placeholders are not things owned.
        assert_eq!(
            owned_name("Watching and sorting every issue on the board"),
            None
        );
        assert_eq!(owned_name("We keep it running."), None);
        assert_eq!(
            owned_name("GitHub repositories:"),
            Some("GitHub repositories".into())
        );
        assert_eq!(owned_name("{{generator:owned}}"), None);
        assert_eq!(
            linked_names("[`a/b`](https://x.example/1), [`a/c`](https://x.example/2): tracing"),
            Some(vec!["a/b".to_string(), "a/c".to_string()])
        );
        assert_eq!(linked_names("[SOC2](https://x.example) for builds"), None);
    }

    #[test]
    fn a_label_gives_its_items_and_a_paragraph_gives_nothing() {
        let c = read_md(
            "graph",
            "# Graph\n\n## Mission\n\nIndex it all.\n\n## Members\n\n- Ann Lee\n\n## What we own\n\n- Repositories:\n\n  - [acme/indexer](https://x.example/i)\n    - [Its docs](https://x.example/d)\n- The graph API\n\n## Areas of ownership\n\nA broad area, split by domain below.\n\n### Sign-in\n\n- Everything about it\n",
        )
        .unwrap();
        let owns: Vec<&str> = c.owns.iter().map(|o| o.value.as_str()).collect();
        assert_eq!(owns, ["acme/indexer", "The graph API"]);
    }

    #[test]
    fn a_mission_page_beside_gives_its_first_sentence() {
        let text = "# Replay - Mission\n\nShow what users went through. Then fix it.\n";
        assert_eq!(
            problem_beside(text, 0).as_deref(),
            Some("Show what users went through.")
        );
        let lead_in = "# X - Mission\n\nAn engine that:\n- is fast\n";
        assert_eq!(problem_beside(lead_in, 0), None);
        let objectives = "## Q1 objectives\n\n- Ship it\n";
        assert_eq!(problem_beside(objectives, 0), None);
    }

    #[test]
    fn a_charter_page_beside_gives_its_metrics() {
        let metrics = |text: &str| -> Vec<(String, Option<String>)> {
            metrics_beside(text, 0)
                .into_iter()
                .map(|m| (m.name, m.target))
                .collect()
        };
        let table = "# Support charter\n\n## Vision\n\nAnswers first.\n\n## Metrics\n\n| Metric | Target |\n|---|---|\n| Requests answered in a day | 90% |\n| Pages reviewed | |\n\n## Goals\n\n1. Not a metric\n";
        assert_eq!(
            metrics(table),
            [
                ("Requests answered in a day".into(), Some("90%".into())),
                ("Pages reviewed".into(), None)
            ]
        );
        // A target column named, not second.
        let named = "## OKRs\n\n| Goal | Owner | Key result |\n|-|-|-|\n| 4.2 of 5 | Ann | Satisfaction |\n";
        assert_eq!(
            metrics(named),
            [("Satisfaction".into(), Some("4.2 of 5".into()))]
        );
        let list = "## Success metrics\n\n- Calls about status: down 30% by June\n";
        assert_eq!(
            metrics(list),
            [("Calls about status".into(), Some("down 30% by June".into()))]
        );
        assert_eq!(metrics("## Vision\n\nNone here.\n"), []);
    }

    #[test]
    fn a_team_page_templates_sentence_is_read_as_its_problem() {
        let template = "# [Team Name]\n\n> **Instructions:** Copy this file.\n\n### Team Roster\n\n- **Name:** [Full Name]\n\n## About This Team\n\nBrief description of your team's mission. Include more.\n";
        assert_eq!(
            template_problem(template, 0).as_deref(),
            Some("Brief description of your team's mission.")
        );
        assert_eq!(template_problem("# Notes\n\nNo team here.\n", 0), None);
    }
}
