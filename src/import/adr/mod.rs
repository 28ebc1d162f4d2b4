//! Reading one architecture decision record written for adr-tools, MADR or log4brains.
//!
//! This module owns the per-file half of `orgbook import adr`: turning one record file
//! into an [`ImportedDecision`] ([`parse_adr`], [`parse_record`]); the folder as a whole
//! (layouts, numbering, links, dates from git) is `dir.rs`'s. The formats it understands,
//! all of which may be mixed in one folder because teams change templates over the years:
//! - adr-tools / Michael Nygard: `# 7. Title`, a `Date: …` line, and a
//!   `## Status` section with `Accepted`, `Supersedes [3. …](0003-….md)`,
//!   `Superseded by [9. …](0009-….md)` (and the old "Superceded" spelling);
//! - MADR 2: a bullet list under the title, `* Status: accepted`,
//!   `* Deciders: …`, `* Date: …`;
//! - MADR 3/4: YAML front matter with `status`, `date`, `deciders` or
//!   `decision-makers`, `consulted`, `informed`;
//! - log4brains: `YYYYMMDD-slug.md` names and `- Status:` / `- Date:` / `- Tags:` lines;
//! - any of these written in French, German, Spanish, Portuguese or Italian (MADR's
//!   translations: `statut : accepté`, `Entscheider`), keys and status words alike;
//! - decision documents written outside ADR tools, which name their people in a header
//!   table or front matter: Atlassian's DACI template (`| Approver | @Tomás |`, status
//!   `NOT STARTED` / `IN PROGRESS` / `COMPLETE`), RFC templates' header tables
//!   (`| Created | Status | Owner | Approvers |`, TensorFlow's `| **Sponsor** |`) and
//!   Oxide-style RFDs (`authors:`, `state: published`, `labels:`).
//!
//! Reading is lenient: one line it cannot understand costs a note, never the record
//! (front matter YAML rejects is read line by line, a missing heading is made from the
//! file name), and whether a file is a template is decided by what it says.
//!
//! Nothing is guessed silently: whatever has no orgbook equivalent, or was
//! read with an assumption (an ambiguous `04/02/2019`, a status synonym), is
//! reported in `unmapped` with the source file and line, so the person running
//! the import can check it.
//!
//! This file holds the entry points ([`parse_adr`], [`parse_record`]) and the line helpers
//! they share; one record is read by `record` into `meta`'s [`Meta`], with `front_matter`,
//! `status`, `title` and `people` reading their parts, and `split` cuts a page of several
//! records into one part each.

mod front_matter;
mod meta;
mod people;
mod record;
mod split;
mod status;
#[cfg(test)]
mod tests;
mod title;

use std::path::Path;

use jiff::civil::Date;

use super::{
    Dated, FileRelation, ImportError, ImportOptions, ImportedDecision, OwnerTeams, fence_marker,
    is_closing_fence, rewrite_links, slugify, split_local_md_link, stem_number, strip_md_extension,
};

use front_matter::*;
use meta::*;
use people::*;
use record::*;
pub use split::*;
use status::*;
use title::*;

/// Parses one record. `file_name` supplies the number and slug (its directory
/// part, if any, is ignored) and names the file in notes and errors.
pub fn parse_adr(
    file_name: &str,
    text: &str,
    opts: &ImportOptions,
) -> Result<ImportedDecision, ImportError> {
    let base = Path::new(file_name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file_name);
    parse_record(file_name, base, text, opts)
}

/// Parses one record whose notes name it `file_name` (its path in the source folder)
/// and whose number, slug and date come from `name` (its file name, or its folder's
/// name for a folder-per-record `name/index.md`).
pub fn parse_record(
    file_name: &str,
    name: &str,
    text: &str,
    opts: &ImportOptions,
) -> Result<ImportedDecision, ImportError> {
    parse_record_beside(file_name, name, text, None, opts)
}

/// [`parse_record`] for a record whose metadata is (also) in a file beside it: Kubernetes'
/// `kep.yaml` next to a KEP's `README.md`, given as (its path in the source folder, its
/// text).
pub fn parse_record_beside(
    file_name: &str,
    name: &str,
    text: &str,
    beside: Option<(&str, &str)>,
    opts: &ImportOptions,
) -> Result<ImportedDecision, ImportError> {
    let text = normalize_newlines(text);
    let mut record = Record::new(file_name, &text);
    let start = record.front_matter();
    if let Some((kep_file, yaml)) = beside {
        read_kep_yaml(kep_file, yaml, 1, &mut record.meta, &mut record.notes);
    }
    let headings = record.headings(start);
    let names = FileName::of(name);
    let title = record.title(&headings, &names)?;
    record.preamble(start, &headings, &title);
    record.metadata_sections(&headings, &title);
    record.drop_tables_of_contents(start, &headings);
    record.relations(start);
    Ok(record.finish(&headings, &names, title, opts))
}

pub(super) fn normalize_newlines(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// True for lines that are part of a fenced code block (fences included), so
/// that `# comment` in a shell snippet is not mistaken for a heading.
pub(super) fn code_mask(lines: &[&str]) -> Vec<bool> {
    let mut mask = Vec::with_capacity(lines.len());
    let mut open: Option<(char, usize)> = None;
    for line in lines {
        match (open, fence_marker(line)) {
            (None, Some(marker)) => {
                open = Some(marker);
                mask.push(true);
            }
            (Some((c, n)), Some((mc, mn))) if c == mc && mn >= n && is_closing_fence(line) => {
                open = None;
                mask.push(true);
            }
            (open, _) => mask.push(open.is_some()),
        }
    }
    mask
}

/// [`code_mask`], and also the lines of HTML comments that span lines: templates put
/// their instructions there, with example headings and `Key: value` lines that are not
/// the record's (`<!-- e.g. # 99. Believe in ghosts -->`).
fn code_or_comment_mask(lines: &[&str]) -> Vec<bool> {
    let mut mask = code_mask(lines);
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        if mask[i] {
            continue;
        }
        if open {
            mask[i] = true;
            open = !line.contains("-->");
            continue;
        }
        if let Some(at) = line.rfind("<!--")
            && !line[at..].contains("-->")
        {
            open = true;
            // The opening line is the comment's only when nothing stands before it.
            mask[i] = line.trim_start().starts_with("<!--");
        }
    }
    mask
}

/// The index of the closing `---` when the file starts with YAML front matter.
pub(super) fn front_matter_end(lines: &[&str], file: &str) -> Result<Option<usize>, ImportError> {
    if lines.first().map(|l| l.trim_end()) != Some("---") {
        return Ok(None);
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim_end(), "---" | "..."))
        .map(|p| Some(p + 1))
        .ok_or_else(|| ImportError::FrontMatter {
            file: file.to_owned(),
            line: 1,
            message: "no closing `---` line".to_owned(),
        })
}

/// A decision log's column header (lowercase) → the `Key:` its cells are read under as
/// a record's metadata line, for the keys a row can fill; `None` for the rest, which
/// stay in the row's body.
pub(super) fn log_key(header: &str) -> Option<&'static str> {
    Some(match canonical_key(header)? {
        "status" => "Status",
        "date" => "Date",
        "deciders" => "Deciders",
        "authors" => "Authors",
        "tags" => "Tags",
        "due" => "Due date",
        _ => return None,
    })
}

pub(super) fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

pub(super) fn yaml_scalar(v: &yaml_serde::Value) -> Option<String> {
    match v {
        yaml_serde::Value::String(s) => Some(s.clone()),
        yaml_serde::Value::Number(n) => Some(n.to_string()),
        yaml_serde::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `# Heading` → (level, text without the closing hashes).
pub(super) fn atx_heading(line: &str) -> Option<(usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let level = rest.len() - rest.trim_start_matches('#').len();
    if !(1..=6).contains(&level) {
        return None;
    }
    let text = &rest[level..];
    if !(text.is_empty() || text.starts_with([' ', '\t'])) {
        return None;
    }
    let text = text.trim();
    let without_closing = text.trim_end_matches('#');
    let text = if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        without_closing.trim_end()
    } else {
        text
    };
    Some((level, text))
}

/// The headings of `lines` from `start` on, in order, as CommonMark reads them
/// (pulldown-cmark's parse of those lines): ATX (`## Status`) and setext (`Status` over a
/// line of `-`, a title over `=`, the paragraph it ends joined). Only the record's own
/// headings: none in a block quote or a list item (which a section never opens), in code,
/// an HTML block, or a comment `in_code` marks (the importer's comments, which start where
/// a template writes `<!--` after text). Front matter is before `start`. `Date: …` over
/// `---` is a heading here, as CommonMark says; [`Record::preamble`] reads it as metadata.
/// Parsed once, so linear; the lines are joined again because the parse needs one text.
fn headings_of<'t>(lines: &[&'t str], in_code: &[bool], start: usize) -> Vec<Heading<'t>> {
    use pulldown_cmark::{Event, Parser, Tag};
    let Some(rest) = lines.get(start..) else {
        return Vec::new();
    };
    let text = rest.join("\n");
    let mut found = Vec::new();
    // Lines are found by walking forwards: headings come in source order.
    let (mut line, mut line_start) = (start, 0);
    let mut line_of = |at: usize| {
        while line + 1 < lines.len() && line_start + lines[line].len() < at {
            line_start += lines[line].len() + 1;
            line += 1;
        }
        line
    };
    // Of what `in_code` marks, only the comments are the mask's to say: which lines are
    // code the parse knows better (a fence opened on a list item's line pairs the line
    // mask's fences wrongly, and it would hide the record's later headings).
    let fenced = code_mask(lines);
    let mut depth = 0usize;
    let parser = Parser::new_ext(&text, crate::dialects::options_for(&text));
    for (event, range) in parser.into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) if depth == 0 => {
                let first = line_of(range.start);
                // The last byte that is the heading's, not the line end after it.
                let end = line_of(text[..range.end].trim_end().len().max(range.start));
                // A row over dashes is a table of one column to GitHub (pulldown-cmark wants
                // a `|` in the delimiter row), so the underline is no heading's.
                let table = end > first && lines[end - 1].trim_start().starts_with('|');
                let comment = in_code[first] && !fenced[first];
                if !comment && !table {
                    let text = match atx_heading(lines[first]).filter(|_| end == first) {
                        Some((_, t)) => t.into(),
                        None => lines[first..end]
                            .iter()
                            .map(|l| l.trim())
                            .collect::<Vec<_>>()
                            .join(" ")
                            .into(),
                    };
                    found.push(Heading {
                        line: first,
                        end,
                        level: level as usize,
                        text,
                    });
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    found
}

/// The cells of one Markdown table row, trimmed: `| a | b |` → `a`, `b`.
fn table_cells(line: &str) -> Vec<String> {
    let row = line.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let row = row.strip_suffix('|').unwrap_or(row);
    row.split('|').map(|c| c.trim().to_owned()).collect()
}

/// `* Status: accepted`, `Date: 2024-03-14`, `**Deciders:** Ann, Bob` → the
/// lowercased key and the value, for the metadata keys records use.
fn meta_line(line: &str) -> Option<(String, String)> {
    let s = strip_bullet(line.trim()).trim_start_matches(['*', '_']);
    let Some(colon) = s.find(':') else {
        // `Date 09/04/2018`: the colon forgotten, as a hand-edited adr-tools record
        // has it; only a date after the word, so a sentence is not taken for one.
        let value = strip_prefix_ci(s, "date ")?.trim();
        return (value.starts_with(|c: char| c.is_ascii_digit()) && parse_date(value).is_some())
            .then(|| ("date".to_owned(), value.to_owned()));
    };
    let key = s[..colon].trim().trim_end_matches(['*', '_']).trim();
    let key = key.to_lowercase();
    if canonical_key(&key).is_none_or(|k| k == "title") {
        return None;
    }
    let value = s[colon + 1..].trim_start_matches(['*', '_']);
    let value = strip_html_comments(value);
    // `* **statut**: "accepté"`: quotes are the author's, not the value's.
    let value = strip_emphasis(value.trim()).trim_matches(['"', '\'']);
    Some((key, value.to_owned()))
}

pub(super) fn strip_bullet(s: &str) -> &str {
    for bullet in ["* ", "- ", "+ "] {
        if let Some(rest) = s.strip_prefix(bullet) {
            return rest.trim_start();
        }
    }
    s
}

/// Drops `**`/`*`/`_` wrapped around a whole value, as in `**Accepted**`.
pub(super) fn strip_emphasis(s: &str) -> &str {
    let inner = s.trim_start_matches(['*', '_']);
    let lead = s.len() - inner.len();
    let trimmed = inner.trim_end_matches(['*', '_']);
    let trail = inner.len() - trimmed.len();
    if lead > 0 && lead == trail {
        trimmed.trim()
    } else {
        s
    }
}

/// The status a folder of the record's path gives it (the nearest such folder), with the
/// folder's name: `accepted/`, `proposed/`, `rejected/` or `declined/`, `withdrawn/`, as
/// .NET's designs are kept.
fn folder_status(file: &str) -> Option<(&str, &'static str)> {
    let (folders, _) = file.rsplit_once('/')?;
    folders.rsplit('/').find_map(|folder| {
        let status = match folder.to_ascii_lowercase().as_str() {
            "accepted" => "accepted",
            "proposed" => "proposed",
            "rejected" | "declined" | "withdrawn" => "rejected",
            _ => return None,
        };
        Some((folder, status))
    })
}

/// The year a folder of the record's path names (`accepted/2021/x.md`), the nearest: a
/// hint for its date when nothing else gives one.
fn folder_year(file: &str) -> Option<i16> {
    let (folders, _) = file.rsplit_once('/')?;
    folders.rsplit('/').find_map(|folder| {
        (folder.len() == 4 && folder.bytes().all(|b| b.is_ascii_digit()))
            .then(|| folder.parse::<i16>().ok())
            .flatten()
            .filter(|y| (1970..=2200).contains(y))
    })
}

/// The number of an `eip-20.md` / `erc-721.md` file (`dir/eip-20.md` too).
fn file_series_number(file: &str) -> Option<u32> {
    let name = file.rsplit('/').next().unwrap_or(file);
    let stem = strip_md_extension(name)?;
    let (series, number) = stem.split_once('-')?;
    (series.eq_ignore_ascii_case("eip") || series.eq_ignore_ascii_case("erc"))
        .then(|| number.parse().ok())
        .flatten()
}

/// `requires: 2718, 2930` of `eip-1559.md` → `Requires: [EIP-2718](eip-2718.md), …`: links
/// in the file naming of the record's own folder, which the import then points at the
/// imported records (or unlinks and lists, when a required EIP is not in the folder).
fn requires_item(file: &str, value: &str) -> String {
    let name = file.rsplit('/').next().unwrap_or(file);
    let series = name
        .split_once('-')
        .map(|(s, _)| s)
        .filter(|s| s.eq_ignore_ascii_case("eip") || s.eq_ignore_ascii_case("erc"));
    let items: Vec<String> = value
        .split(',')
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| match (series, n.parse::<u32>()) {
            (Some(series), Ok(number)) => format!(
                "[{}-{number}]({series}-{number}.md)",
                series.to_ascii_uppercase()
            ),
            _ => n.to_owned(),
        })
        .collect();
    format!("Requires: {}", items.join(", "))
}

/// The status an index page gives a record, read at the head of its table cell
/// (`**Proposed** — some note`, `Accepted 2026-01-05`), or of what follows the record in
/// a list item, the status alone with a date or release at most (`(rejected)`, as
/// Wikibase's `@subpage adr_0018 (rejected)`; `- Accepted`).
pub(super) fn index_status(written: &str, cell: bool) -> Option<&'static str> {
    let t = written
        .trim()
        .trim_start_matches(['-', '–', '—', ':', '|', ' '])
        .trim();
    if !cell {
        let inner = t
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .unwrap_or(t);
        status_clause(inner, false)?;
        return status_word(&strip_emphasis(inner).to_ascii_lowercase()).map(|(s, _)| s);
    }
    let head = bold_lead(t).map_or(t, |(bold, _)| bold);
    status_word(&strip_emphasis(head).to_ascii_lowercase()).map(|(s, _)| s)
}

pub(super) fn strip_html_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The MADR templates' unfilled values: `[proposed | rejected | …]`, `{…}`.
pub(super) fn is_placeholder(s: &str) -> bool {
    let s = s.trim();
    (s.starts_with('{') && s.ends_with('}'))
        || (s.starts_with('[') && s.ends_with(']'))
        || s.contains(" | ")
}

/// Paragraphs (and list items) of `lines[from..to]`, each with its first line
/// number and its lines joined, since a link in a status line may wrap.
fn paragraphs(lines: &[&str], from: usize, to: usize) -> Vec<(usize, String)> {
    paragraph_spans(lines, from, to)
        .into_iter()
        .map(|(span, text)| (span.start + 1, text))
        .collect()
}

/// [`paragraphs`] with the 0-based lines each one spans.
fn paragraph_spans(
    lines: &[&str],
    from: usize,
    to: usize,
) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut open = false;
    for (i, line) in lines.iter().enumerate().take(to).skip(from) {
        let t = line.trim();
        if t.is_empty() {
            open = false;
            continue;
        }
        let item = strip_bullet(t);
        let starts_item = item.len() != t.len();
        match out.last_mut() {
            Some((span, text)) if open && !starts_item => {
                text.push(' ');
                text.push_str(t);
                span.end = i + 1;
            }
            _ => out.push((i..i + 1, item.to_owned())),
        }
        open = true;
    }
    out
}

/// Splits on commas and semicolons outside `[…]` and `(…)`, so link labels
/// like `[2. Use X, not Y]` stay whole.
pub(super) fn split_top_level(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in s.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' | ';' | '\n' if depth <= 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts
}

/// The file stem of a relative link to a sibling record: `0009-x.md#y` → `0009-x`,
/// `./20200102-use-y` → `20200102-use-y` (log4brains links without `.md`).
pub(super) fn link_stem(dest: &str) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or(dest).trim();
    if path.is_empty() || path.contains("://") || path.starts_with("mailto:") {
        return None;
    }
    let base = path.trim_end_matches('/').rsplit('/').next()?;
    let stem = strip_md_extension(base).unwrap_or(base);
    (!stem.is_empty() && !stem.contains('.')).then(|| stem.to_owned())
}

/// `20200123-use-markdown` → (2020-01-23, "use-markdown"): log4brains names records
/// by their date. Eight digits that are not a real date are a number, not a date.
pub(super) fn stem_date(stem: &str) -> Option<(Date, &str)> {
    let b = stem.as_bytes();
    if b.len() < 8 || !b[..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    if !(b.len() == 8 || matches!(b[8], b'-' | b'_')) {
        return None;
    }
    let y: i16 = stem[..4].parse().ok()?;
    let m: i8 = stem[4..6].parse().ok()?;
    let d: i8 = stem[6..8].parse().ok()?;
    if !(1900..=2200).contains(&y) {
        return None;
    }
    let date = Date::new(y, m, d).ok()?;
    Some((date, stem.get(9..).unwrap_or("")))
}

/// Markdown in a heading reduced to its text (`Use \`Span<T>\`` → `Use Span<T>`),
/// by pulldown-cmark so that escapes, code spans and links are read as Markdown reads
/// them, and boilerplate prefixes (`Architecture Decision Record:`) removed.
pub(super) fn plain_text(title: &str) -> String {
    let mut text = inline_text(without_heading_attributes(title));
    // Go's design documents are titled `# Proposal: Type Aliases`.
    const PREFIXES: [&str; 8] = [
        "architecture decision record",
        "architectural decision record",
        "architectural decision",
        "decision record",
        "decision",
        "proposal",
        "adr",
        // Atlassian's DACI pages: `DACI: Choose a vendor`.
        "daci",
    ];
    for p in PREFIXES {
        if let Some(rest) = strip_prefix_ci(&text, p) {
            let rest = rest.trim_start();
            if let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix("- ")) {
                let rest = rest.trim();
                if !rest.is_empty() {
                    text = rest.to_owned();
                }
                break;
            }
        }
    }
    text
}

/// The ids the build gives the headings of `body` (GitHub's rule, made unique in page
/// order), so links into an imported record can be checked before the build does.
pub(super) fn heading_ids(body: &str) -> std::collections::HashSet<String> {
    let lines: Vec<&str> = body.split('\n').collect();
    let in_code = code_mask(&lines);
    let mut used = std::collections::HashSet::new();
    for h in headings_of(&lines, &in_code, 0) {
        crate::text::unique_id(crate::text::heading_id(&inline_text(&h.text)), &mut used);
    }
    used
}

/// `9`, `#9`, `ADR-0009`, `ADR 9: Title`, `9. Title` → 9.
pub(super) fn label_number(s: &str) -> Option<u32> {
    let s = s.trim().trim_start_matches('#');
    let s = strip_prefix_ci(s, "adr")
        .map(|r| r.trim_start_matches(['-', '_', ' ', '#']))
        .unwrap_or(s);
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    // Eight digits are a log4brains date, not a number.
    if digits == 0 || digits >= 8 || s[digits..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    s[..digits].parse().ok()
}

/// A date at the start of `s`: ISO `2024-03-14` (also with `/` or `.`, or a
/// time after it), `14/03/2024`-style day-first or month-first dates, and
/// `March 14, 2024` / `14 March 2024`. The second value says what was
/// assumed, when something was.
pub(super) fn parse_date(s: &str) -> Option<(Date, Option<String>)> {
    let s = s.trim().trim_end_matches('.');
    let token = s
        .split(|c: char| c.is_whitespace() || matches!(c, 'T' | ',' | ')' | ';' | '('))
        .next()
        .unwrap_or(s);
    let parts: Vec<&str> = token.split(['-', '/', '.']).collect();
    if parts.len() == 2
        && parts[0].len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let date = Date::new(parts[0].parse().ok()?, parts[1].parse().ok()?, 1).ok()?;
        let note = format!("date `{token}` has no day; read as {date}, the first of the month");
        return Some((date, Some(note)));
    }
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let num = |p: &str| p.parse::<i16>().ok();
        let (y, m, d, assumption) = if parts[0].len() == 4 {
            let (y, a, b) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
            if a > 12 && (1..=12).contains(&b) {
                // `2024-14-02`: there is no month 14, and only one reading is left.
                let note = format!(
                    "date `{token}` has no month {a}; read as year-day-month, {y:04}-{b:02}-{a:02}"
                );
                (y, b, a, Some(note))
            } else {
                (y, a, b, None)
            }
        } else if parts[2].len() == 4 {
            let (a, b, y) = (num(parts[0])?, num(parts[1])?, num(parts[2])?);
            if a > 12 {
                (y, b, a, None)
            } else if b > 12 {
                (y, a, b, None)
            } else {
                let note = format!(
                    "date `{token}` read as day/month/year (adr-tools' old default); check it"
                );
                (y, b, a, Some(note))
            }
        } else if let Some(y) = two_digit_year(token, &parts) {
            // `12/03/21`, `03.12.21`: day-first as a four-digit year is, in this century
            // (no decision record predates it); the reading is a guess, so it is noted.
            let (a, b) = (num(parts[0])?, num(parts[1])?);
            let (m, d) = if a > 12 {
                (b, a)
            } else if b > 12 {
                (a, b)
            } else {
                (b, a)
            };
            let order = if a > 12 || b <= 12 {
                "day/month"
            } else {
                "month/day"
            };
            let note = format!(
                "date `{token}` has a two-digit year; read as {order}/year, {y:04}-{m:02}-{d:02}; check it"
            );
            (y, m, d, Some(note))
        } else {
            return None;
        };
        let date = Date::new(y, i8::try_from(m).ok()?, i8::try_from(d).ok()?).ok()?;
        return Some((date, assumption));
    }
    if let Some(date) = month_and_year(s) {
        let note = format!("date `{s}` has no day; read as {date}, the first of the month");
        return Some((date, Some(note)));
    }
    // `%Y` also reads two digits, so "March 2024" would be March 20 of the year 24.
    ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y"]
        .iter()
        .find_map(|f| Date::strptime(f, s).ok())
        .filter(|d| d.year() >= 1000)
        .map(|d| (d, None))
}

/// The year of a day-month-year date written with two digits for the year: `12/03/21`
/// (also `1/3/21`) or `03.12.21`, `03-12-21`. With dots or dashes every part has two
/// digits, so a version number (`1.2.3`) is not a date.
fn two_digit_year(token: &str, parts: &[&str]) -> Option<i16> {
    let short = |p: &str| (1..=2).contains(&p.len());
    let ok = if token.contains('/') {
        short(parts[0]) && short(parts[1])
    } else {
        parts[0].len() == 2 && parts[1].len() == 2
    };
    (ok && parts[2].len() == 2)
        .then(|| parts[2].parse::<i16>().ok())
        .flatten()
        .map(|y| 2000 + y)
}

/// The body: kept lines, without the blank lines that removed metadata
/// leaves behind, and ending with one newline.
pub(super) fn assemble_body<S: AsRef<str>>(lines: &[S], keep: &[bool], in_code: &[bool]) -> String {
    let mut body = String::new();
    let mut removed_since_text = false;
    let mut last_blank = true;
    for (i, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        if !keep[i] {
            removed_since_text = true;
            continue;
        }
        let blank = line.trim().is_empty() && !in_code[i];
        if blank && last_blank && (removed_since_text || body.is_empty()) {
            continue;
        }
        body.push_str(line);
        body.push('\n');
        last_blank = blank;
        if !blank {
            removed_since_text = false;
        }
    }
    while body.ends_with("\n\n") {
        body.pop();
    }
    if body.trim().is_empty() {
        body.clear();
    }
    body
}
