//! A page holding several numbered records (VA.gov's `### DR 5: …`, a `decisions.md` of `##
//! ADR-001: …` sections) cut into one part per record, each read by the per-record parser, and
//! the note naming what was split and what is in no record.

use super::*;

/// A page that holds several records, split (see [`split_page`]).
pub struct SplitPage {
    pub parts: Vec<PagePart>,
    /// What was split, where, and which lines are in no record: for the report.
    pub note: String,
}

/// One record of a page that holds several (see [`split_page`]).
pub struct PagePart {
    /// The 1-based line of the record's heading in the page.
    pub line: usize,
    pub decision: ImportedDecision,
}

/// The records of a page that holds several, each under a heading that numbers and titles
/// it (`### DR 5: Title`, as VA.gov's teams keep one decision record per project; `##
/// ADR-001: Title` in a project's one `decisions.md`), all at one level. Each is read by
/// [`parse_record`] as its own file would be: its text from its heading, made the `#`
/// title (its sections raised as many levels), to the next heading at its level or above;
/// notes name the page's lines. `None` when the page is one record: fewer than two such
/// headings at any level, a status of its own before the first (a record whose sections
/// are numbered), or fewer than two parts with a status or date (`## 1. Options`). The
/// note says the page was split, and which of its lines are in no record.
pub fn split_page(file: &str, text: &str, opts: &ImportOptions) -> Option<SplitPage> {
    let text = normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').collect();
    // Most files are one record: two numbered heading lines are looked for before the
    // page is parsed.
    let numbered = |t: &str| match title_number(without_heading_attributes(t)) {
        (TitleNumber::Number(_), rest) => {
            !rest.is_empty() && rest != t.trim() && !is_section_name(&rest)
        }
        _ => false,
    };
    let underline = |l: &str| {
        let l = l.trim();
        !l.is_empty() && (l.chars().all(|c| c == '=') || l.chars().all(|c| c == '-'))
    };
    let likely = (0..lines.len())
        .filter(|&i| match atx_heading(lines[i]) {
            Some((_, t)) => numbered(t),
            None => lines.get(i + 1).is_some_and(|n| underline(n)) && numbered(lines[i]),
        })
        .nth(1)
        .is_some();
    if !likely {
        return None;
    }
    let in_code = code_or_comment_mask(&lines);
    let start = match front_matter_end(&lines, file) {
        Ok(Some(end)) => end + 1,
        _ => 0,
    };
    let headings = headings_of(&lines, &in_code, start);
    let is_record = |h: &Heading| numbered(&h.text);
    let mut per_level = [0usize; 7];
    for h in headings.iter().filter(|h| is_record(h)) {
        per_level[h.level] += 1;
    }
    let level = (1..=6).find(|&l| per_level[l] >= 2)?;
    let records: Vec<usize> = (0..headings.len())
        .filter(|&k| headings[k].level == level && is_record(&headings[k]))
        .collect();
    let first = headings[records[0]].line;
    // A status before the first (a record whose own sections are numbered) keeps it whole.
    let before = lines[..first].join("\n");
    if parse_record("page.md", "page.md", &before, opts).is_ok_and(|d| d.status_stated) {
        return None;
    }
    // Headings at the records' level or above end a record (`### Decisions made template`).
    let bounds: Vec<usize> = (0..headings.len())
        .filter(|&k| headings[k].level <= level)
        .collect();
    let mut parts = Vec::with_capacity(records.len());
    let mut covered: Vec<std::ops::Range<usize>> = Vec::with_capacity(records.len());
    for &k in &records {
        let h = &headings[k];
        let next = bounds[bounds.partition_point(|&b| b <= k)..]
            .first()
            .copied()
            .unwrap_or(headings.len());
        let end = headings.get(next).map_or(lines.len(), |n| n.line);
        let mut part = String::new();
        let mut inner = headings[k + 1..next].iter().peekable();
        for (i, line) in lines.iter().enumerate().take(end).skip(h.line) {
            if i == h.line {
                part.push_str("# ");
                part.push_str(&h.text);
            } else if i <= h.end {
                // A setext heading's other lines: blank, so lines keep their numbers.
            } else if let Some(sub) = inner.next_if(|s| s.line == i) {
                let (indent, hashes) =
                    line.split_at(line.len() - line.trim_start_matches(' ').len());
                match hashes.strip_prefix(&*"#".repeat(level - 1)) {
                    Some(raised) if sub.end == sub.line && sub.level > level => {
                        part.push_str(indent);
                        part.push_str(raised);
                    }
                    _ => part.push_str(line),
                }
            } else {
                part.push_str(line);
            }
            part.push('\n');
        }
        let label = format!("{file}:{}", h.line + 1);
        let Ok(mut d) = parse_record(&label, "record.md", &part, opts) else {
            return None;
        };
        // The part's lines are the page's from the heading on.
        for note in &mut d.unmapped {
            let Some(rest) = note.strip_prefix(&label).and_then(|r| r.strip_prefix(':')) else {
                continue;
            };
            let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if let (Ok(n), true) = (
                rest[..digits].parse::<usize>(),
                rest[digits..].starts_with(':'),
            ) {
                *note = format!("{file}:{}{}", h.line + n, &rest[digits..]);
            }
        }
        covered.push(h.line..end);
        parts.push(PagePart {
            line: h.line + 1,
            decision: d,
        });
    }
    if parts.iter().filter(|p| p.decision.has_metadata).count() < 2 {
        return None;
    }
    let note = split_note(file, &lines, level, &parts, &covered);
    Some(SplitPage { parts, note })
}

/// The note on a page [`split_page`] split: how many records, where, and the lines in
/// none of them (the page's opening, a closing template), which are not imported.
pub(super) fn split_note(
    file: &str,
    lines: &[&str],
    level: usize,
    parts: &[PagePart],
    covered: &[std::ops::Range<usize>],
) -> String {
    let mut at: Vec<String> = parts.iter().take(3).map(|p| p.line.to_string()).collect();
    if parts.len() > 3 {
        at.push("…".to_owned());
    }
    let mut outside = Vec::new();
    let mut from = 0;
    for range in covered
        .iter()
        .chain(std::iter::once(&(lines.len()..lines.len())))
    {
        let text: Vec<usize> = (from..range.start)
            .filter(|&i| !lines[i].trim().is_empty())
            .collect();
        match (text.first(), text.last()) {
            (Some(a), Some(b)) if a == b => outside.push(format!("{}", a + 1)),
            (Some(a), Some(b)) => outside.push(format!("{}–{}", a + 1, b + 1)),
            _ => {}
        }
        from = range.end;
    }
    let left = match outside.as_slice() {
        [] => String::new(),
        [one] if !one.contains('–') => {
            format!("; line {one} is in no record and is not imported")
        }
        _ => format!(
            "; lines {} are in no record and are not imported",
            outside.join(", ")
        ),
    };
    format!(
        "{file}: a page of {} records, split at its numbered `{}` headings (lines {}), each imported as a record of its own{left}",
        parts.len(),
        "#".repeat(level),
        at.join(", ")
    )
}

/// A heading of the record, ATX (`## Status`) or setext (`Status` over `------`).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Heading<'t> {
    /// Its first line (0-based): the `#` line, or a setext heading's first line of text.
    pub(super) line: usize,
    /// Its last line: the `#` line itself, or a setext heading's underline.
    pub(super) end: usize,
    pub(super) level: usize,
    pub(super) text: std::borrow::Cow<'t, str>,
}

/// The label of a line that is one bold phrase (`**Status**`, `**Date:**`), lowercased:
/// how records written by hand name their sections without headings.
pub(super) fn bold_label(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix("**")?.strip_suffix("**")?;
    let inner = inner.trim().trim_end_matches(':').trim();
    (!inner.is_empty() && !inner.contains('*')).then(|| inner.to_ascii_lowercase())
}
