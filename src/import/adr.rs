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

use std::path::Path;

use jiff::civil::Date;

use super::{
    Dated, FileRelation, ImportError, ImportOptions, ImportedDecision, fence_marker,
    is_closing_fence, rewrite_links, slugify, split_local_md_link, stem_number, strip_md_extension,
};

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
fn split_note(
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
struct Heading<'t> {
    /// Its first line (0-based): the `#` line, or a setext heading's first line of text.
    line: usize,
    /// Its last line: the `#` line itself, or a setext heading's underline.
    end: usize,
    level: usize,
    text: std::borrow::Cow<'t, str>,
}

/// The label of a line that is one bold phrase (`**Status**`, `**Date:**`), lowercased:
/// how records written by hand name their sections without headings.
fn bold_label(line: &str) -> Option<String> {
    let inner = line.trim().strip_prefix("**")?.strip_suffix("**")?;
    let inner = inner.trim().trim_end_matches(':').trim();
    (!inner.is_empty() && !inner.contains('*')).then(|| inner.to_ascii_lowercase())
}

/// What a record's file name says: the date (log4brains' `YYYYMMDD-slug.md`) or number
/// (`0007-slug.md`) it starts with, and the words after them.
struct FileName<'n> {
    date: Option<(Date, &'n str)>,
    number: Option<(u32, &'n str)>,
    words: &'n str,
}

impl<'n> FileName<'n> {
    fn of(name: &'n str) -> Self {
        let stem = strip_md_extension(name).unwrap_or(name);
        let date = stem_date(stem);
        let number = if date.is_some() {
            None
        } else {
            stem_number(stem)
        };
        let words = date.map_or_else(|| number.map_or(stem, |(_, rest)| rest), |(_, rest)| rest);
        FileName {
            date,
            number,
            words,
        }
    }

    /// A title made of the words of the name (`use-postgres` → "Use postgres").
    fn title(&self) -> String {
        crate::scaffold::title_from_slug(&slugify(self.words))
    }
}

/// The record's title as found: its text and its line (1-based), and the heading it was
/// when it was one.
struct Title<'t> {
    raw: String,
    line: usize,
    heading: Option<Heading<'t>>,
}

/// One record being read: its lines, which of them are code, which stay in the body, and
/// the metadata and notes read so far. [`parse_record_beside`] runs its steps in order;
/// each takes what it reads out of the body (`keep`).
struct Record<'t> {
    lines: Vec<&'t str>,
    in_code: Vec<bool>,
    keep: Vec<bool>,
    /// Lines kept in part, as they are written in the body: (line, its text kept).
    rewritten: Vec<(usize, String)>,
    notes: Notes<'t>,
    meta: Meta,
}

impl<'t> Record<'t> {
    fn new(file_name: &'t str, text: &'t str) -> Self {
        let lines: Vec<&str> = text.split('\n').collect();
        Record {
            in_code: code_or_comment_mask(&lines),
            keep: vec![true; lines.len()],
            rewritten: Vec::new(),
            lines,
            notes: Notes {
                file: file_name,
                list: Vec::new(),
            },
            meta: Meta::default(),
        }
    }

    /// Reads the YAML front matter, if any; the line the body starts at.
    fn front_matter(&mut self) -> usize {
        match front_matter_end(&self.lines, self.notes.file) {
            Ok(Some(end)) => {
                read_front_matter(&self.lines[1..end], &mut self.meta, &mut self.notes);
                self.keep[..=end].fill(false);
                end + 1
            }
            Ok(None) => 0,
            Err(_) => {
                // An unclosed block must not cost the record: read it as Markdown.
                self.notes.at(
                    1,
                    "front matter has no closing `---` line; the file is read as if it had none",
                );
                0
            }
        }
    }

    /// Notes the first line of the body that still holds a placeholder of the template
    /// the record was written from (MADR's `* Bad, because {argument d}`), and how many
    /// more do: the record imports as written, and the build lists it under
    /// `placeholder-text` until it is filled in.
    fn template_placeholders(&mut self) {
        let mut found = (0..self.lines.len())
            .filter(|&i| self.keep[i] && !self.in_code[i])
            .filter_map(|i| crate::scaffold::template_placeholder(self.lines[i]).map(|r| (i, r)));
        let Some((first, range)) = found.next() else {
            return;
        };
        let more = found.count();
        let others = match more {
            0 => String::new(),
            1 => " (and 1 more line)".to_owned(),
            n => format!(" (and {n} more lines)"),
        };
        self.notes.at(
            first + 1,
            format!(
                "the template's placeholder `{}` is still here{others}; fill it in or delete the line",
                &self.lines[first][range]
            ),
        );
    }

    /// The headings from `start`, outside code and comments, in order: ATX and setext.
    fn headings(&self, start: usize) -> Vec<Heading<'t>> {
        headings_of(&self.lines, &self.in_code, start)
    }

    /// The title: the first `# Heading` that is not a section's name, else the front
    /// matter's, else the file name's words.
    fn title(
        &mut self,
        headings: &[Heading<'t>],
        names: &FileName,
    ) -> Result<Title<'t>, ImportError> {
        // RFC templates (Rust's, Ember's, React's) open with a list of `- Start Date: …`
        // lines and then `# Summary`: a first heading that names a section is a section, and
        // the title comes from the front matter or the file name.
        let first_h1 = headings.iter().find(|h| h.level == 1);
        let section_first = first_h1.filter(|h| is_section_name(&h.text));
        // Underlined with `=` (a setext heading, as Pandoc-made records are), a title is
        // read as `# Title` is: both are level-1 headings.
        let heading = first_h1.filter(|h| !is_section_name(&h.text)).cloned();
        if heading.is_none()
            && self.meta.title.is_none()
            && let Some((raw, line)) = self.title_label()
        {
            return Ok(Title {
                raw,
                line,
                heading: None,
            });
        }
        let (raw, line) = match (&heading, self.meta.title.take()) {
            (Some(h), fm) => {
                self.keep[h.line..=h.end].fill(false);
                if let Some((line, fm_title)) = fm
                    && plain_text(&split_title_number(&fm_title).1)
                        != plain_text(&split_title_number(&h.text).1)
                {
                    self.notes.at(
                        line,
                        format!("front matter title `{fm_title}` differs from the heading; the heading is used"),
                    );
                }
                (h.text.clone().into_owned(), h.line + 1)
            }
            (None, Some((line, fm_title))) => (fm_title, line),
            (None, None) if !slugify(names.words).is_empty() => {
                match section_first {
                    Some(h) => self.notes.at(
                        h.line + 1,
                        format!(
                            "`# {}` is a section, not a title; the title is made from the file name",
                            h.text
                        ),
                    ),
                    None => self
                        .notes
                        .file("no `# Title` heading; the title is made from the file name"),
                }
                (names.title(), 1)
            }
            (None, None) => {
                return Err(ImportError::NoTitle {
                    file: self.notes.file.to_owned(),
                });
            }
        };
        Ok(Title { raw, line, heading })
    }

    /// A title written as the record's sections are, in bold paragraphs: `**Title**` first,
    /// the title in the one-line paragraph under it. Both leave the body.
    fn title_label(&mut self) -> Option<(String, usize)> {
        let n = self.lines.len();
        let i = (0..n).find(|&i| self.keep[i] && !self.lines[i].trim().is_empty())?;
        if self.in_code[i] || bold_label(self.lines[i]).as_deref() != Some("title") {
            return None;
        }
        let j = i + 2;
        let blank = |k: usize| k >= n || self.lines[k].trim().is_empty();
        if j >= n || !blank(i + 1) || blank(j) || !blank(j + 1) || self.in_code[j] {
            return None;
        }
        self.keep[i..=j].fill(false);
        Some((self.lines[j].trim().to_owned(), j + 1))
    }

    /// Metadata lines (`Date: …`, MADR 2's `* Status: …`) between the title and the first
    /// section; elsewhere the same words are ordinary prose.
    fn preamble(&mut self, start: usize, headings: &[Heading], title: &Title) {
        let preamble_start = title.heading.as_ref().map_or(start, |h| h.end + 1);
        // `Date: …` lines right over a `---` are a heading to CommonMark, but written as
        // metadata over a rule (so the importer read them before it read underlines).
        let metadata_over_rule = |h: &&Heading| {
            h.end > h.line && (h.line..h.end).all(|j| meta_line(self.lines[j]).is_some())
        };
        let preamble_end = headings
            .iter()
            .filter(|h| !metadata_over_rule(h))
            .map(|h| h.line)
            .find(|&i| i >= preamble_start)
            .unwrap_or(self.lines.len());
        // A metadata table may also come before the title (Backstage's adr010 opens
        // with its `| Created | Status |` table).
        let before_title = title
            .heading
            .as_ref()
            .map_or(start..start, |h| start..h.line);
        for range in [before_title, preamble_start..preamble_end] {
            let mut i = range.start;
            while i < range.end {
                // Each table once, whether it is metadata or not.
                i = self.metadata_table(i, range.end).max(i + 1);
            }
        }
        for i in preamble_start..preamble_end {
            if self.in_code[i] || !self.keep[i] {
                continue;
            }
            let Some((key, value)) = meta_line(self.lines[i]) else {
                continue;
            };
            // Who was consulted and informed, who drove or wrote the decision, have no
            // orgbook key, and are worth keeping: the line stays in the body as written.
            if matches!(canonical_key(&key), Some("consulted" | "informed" | "kept")) {
                continue;
            }
            // When it was last updated is worth reading beside the record's date: read as
            // the date only when there is no other, and kept as written.
            if canonical_key(&key) == Some("updated") {
                self.meta.field(&key, &value, i + 1, &mut self.notes);
                continue;
            }
            self.keep[i] = false;
            self.meta.field(&key, &value, i + 1, &mut self.notes);
        }
    }

    /// A Markdown table of metadata starting at line `from` (0-based), read and taken out
    /// of the body; the line after the table (`from` when no table starts there).
    /// Backstage's records open with a header row of keys (`| Created | Status |` over
    /// `| 2020-05-17 | Accepted |`); other templates write one key per row
    /// (`| Status | Accepted |`, `| Date | 2021-03-04 |`). A table is metadata only when
    /// all its keys are ours: every cell of the header row, or the first cell of every
    /// two-cell row. Any other table is prose and stays.
    fn metadata_table(&mut self, from: usize, to: usize) -> usize {
        // A delimiter row may go without its leading pipe (`:--- |:--- |`, as TensorFlow's
        // RFC template has it): still the table's.
        let is_row = |l: &str| {
            let l = l.trim();
            l.starts_with('|')
                || (l.contains('|') && l.contains('-') && l.chars().all(|c| "|-: ".contains(c)))
        };
        let rows: Vec<usize> = (from..to)
            .take_while(|&i| !self.in_code[i] && is_row(self.lines[i]))
            .collect();
        let end = from + rows.len();
        if self.read_metadata_table(&rows) {
            self.keep[from..end].fill(false);
        }
        end
    }

    /// [`Record::metadata_table`]'s reading of the table of `rows`: whether it was metadata.
    fn read_metadata_table(&mut self, rows: &[usize]) -> bool {
        let is_rule = |cells: &[String]| {
            cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
        };
        // Keys in bold (`| **Approver** |`, as DACI and TensorFlow's RFCs write them) are
        // keys; a row of empty cells (the `|  |  |` header a Confluence export puts over a
        // table without one) is no row.
        let table: Vec<(usize, Vec<String>)> = rows
            .iter()
            .map(|&i| {
                let cells = table_cells(self.lines[i]);
                (
                    i,
                    cells
                        .iter()
                        .map(|c| strip_emphasis(c).to_owned())
                        .collect::<Vec<String>>(),
                )
            })
            .filter(|(_, cells)| !is_rule(cells) && cells.iter().any(|c| !c.is_empty()))
            .collect();
        let is_key = |cell: &str| canonical_key(&cell.to_lowercase()).is_some_and(|k| k != "title");
        let Some((_, header)) = table.first() else {
            return false;
        };
        let mut fields = Vec::new();
        if header.len() >= 2 && header.iter().all(|c| is_key(c)) {
            let Some((line, values)) = table.get(1) else {
                return false;
            };
            for (key, value) in header.iter().zip(values) {
                fields.push((*line, key, value));
            }
            if let Some((extra, _)) = table.get(2) {
                self.notes.at(
                    extra + 1,
                    "the metadata table has more than one row of values; only the first is read",
                );
            }
        } else if table
            .iter()
            .all(|(_, cells)| cells.len() == 2 && is_key(&cells[0]))
        {
            for (line, cells) in &table {
                fields.push((*line, &cells[0], &cells[1]));
            }
        } else {
            return false;
        }
        for (line, key, value) in fields {
            let value = strip_emphasis(value.trim()).trim_matches(['"', '\'']);
            self.meta.field(key, value, line + 1, &mut self.notes);
        }
        true
    }

    /// `## Status` / `## Date` sections (adr-tools, and many hand-made templates) hold
    /// metadata only, so the whole section leaves the body.
    fn metadata_sections(&mut self, headings: &[Heading], title: &Title) {
        let mut found = false;
        for (k, h) in headings.iter().enumerate() {
            let (i, level) = (h.line, h.level);
            if Some(i) == title.heading.as_ref().map(|h| h.line) {
                continue;
            }
            let name = h
                .text
                .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
                .to_ascii_lowercase();
            let end = headings[k + 1..]
                .iter()
                .find(|h| h.level <= level)
                .map_or(self.lines.len(), |h| h.line);
            if canonical_key(&name) == Some("authors") {
                self.authors_section(h, end);
                continue;
            }
            // `## Estado`, `## Datum`: Nygard's sections in the record's language are read
            // as the English ones are. `State` and `Stage` stay prose headings here: in a
            // body they name a topic far more often than a record's status.
            let key = match name.as_str() {
                "state" | "stage" => None,
                other => canonical_key(other),
            };
            if let Some(key @ ("status" | "date")) = key {
                found = true;
                self.metadata_section(h, key, end);
            }
        }
        if !found {
            self.bold_label_sections(headings);
        }
    }

    /// Nygard's sections written as bold paragraphs rather than headings (`**Status**`
    /// alone in its paragraph, `Accepted` in the next, then `**Context**`), as many records
    /// written by hand are: a `Status` or `Date` label is read as its `##` section is, up to
    /// the next such label or heading. Only when the record has no such heading.
    fn bold_label_sections(&mut self, headings: &[Heading]) {
        let n = self.lines.len();
        let labels: Vec<(usize, String)> = (0..n)
            .filter(|&i| {
                self.keep[i]
                    && !self.in_code[i]
                    && (i == 0 || self.lines[i - 1].trim().is_empty())
                    && (i + 1 == n || self.lines[i + 1].trim().is_empty())
            })
            .filter_map(|i| Some((i, bold_label(self.lines[i])?)))
            .collect();
        // The first of each: a record has one status, and reading the section copies the
        // record's lines, which once per label would grow with the square of its length.
        let (mut status, mut date) = (false, false);
        for (k, (i, name)) in labels.iter().enumerate() {
            let first = match name.as_str() {
                "status" => !std::mem::replace(&mut status, true),
                "date" => !std::mem::replace(&mut date, true),
                _ => false,
            };
            if !first {
                continue;
            }
            let next_label = labels.get(k + 1).map_or(n, |&(j, _)| j);
            // Headings are in line order: a binary search keeps many labels linear.
            let next_heading = headings
                .get(headings.partition_point(|h| h.line <= *i))
                .map_or(n, |h| h.line);
            let h = Heading {
                line: *i,
                end: *i,
                level: 7,
                text: std::borrow::Cow::Borrowed(self.lines[*i]),
            };
            self.metadata_section(&h, name, next_label.min(next_heading));
        }
    }

    /// A `## Status` or `## Date` section (`name`), from its heading `h` to `end`: read,
    /// and out of the body.
    fn metadata_section(&mut self, h: &Heading, name: &str, end: usize) {
        self.keep[h.line..end].fill(false);
        let mut lines = self.lines.clone();
        if name == "status" {
            // `Date: 2020-03-01` under the status (adr-tools users add it there) is
            // the date, not a second status; so is any other `Key: value` of ours.
            for (j, line) in lines.iter_mut().enumerate().take(end).skip(h.end + 1) {
                if self.in_code[j] {
                    continue;
                }
                if let Some((key, value)) = meta_line(line) {
                    self.meta.field(&key, &value, j + 1, &mut self.notes);
                    *line = "";
                }
            }
            self.status_section(h, &lines, end);
        } else if let Some((line, text)) = paragraphs(&lines, h.end + 1, end).into_iter().next() {
            self.meta.date_text(&text, line, &mut self.notes);
        }
    }

    /// The paragraphs of a `## Status` section: each is read for the status and relations.
    /// One in which nothing is either, written as sentences, is the author's account of the
    /// status (why a record was superseded, what it said before): it stays in the body
    /// under the heading, rather than be dropped clause by clause as unknown status words.
    fn status_section(&mut self, heading: &Heading, lines: &[&str], end: usize) {
        let mut kept_at = None;
        for (span, text) in paragraph_spans(lines, heading.end + 1, end) {
            let mut side = Notes {
                file: self.notes.file,
                list: Vec::new(),
            };
            let code = span.clone().any(|j| self.in_code[j]);
            // `Proposed 2026-09-24, prototype. Behind a flag until …`: the status is read
            // from the clauses that say it, and the sentences after it are the author's.
            if !code && let Some(at) = status_prose_start(&text) {
                self.meta
                    .status_text(&text[..at], span.start + 1, &mut self.notes);
                let blank = usize::from(span.end < end && lines[span.end].trim().is_empty());
                self.keep_from(span.clone(), lines, at, span.end + blank);
                kept_at.get_or_insert(span.start + 1);
                continue;
            }
            let read = self.meta.status_text(&text, span.start + 1, &mut side);
            if read || text.split_whitespace().count() < 4 || code {
                self.notes.list.append(&mut side.list);
                continue;
            }
            // With the blank line after it, so kept paragraphs stay apart.
            let blank = usize::from(span.end < end && lines[span.end].trim().is_empty());
            self.keep[span.start..span.end + blank].fill(true);
            kept_at.get_or_insert(span.start + 1);
        }
        if let Some(line) = kept_at {
            let blank =
                usize::from(heading.end + 1 < end && lines[heading.end + 1].trim().is_empty());
            self.keep[heading.line..=heading.end + blank].fill(true);
            self.notes
                .at(line, "the status section's prose is kept in the body");
        }
    }

    /// Keeps the paragraph of `span` in the body from byte `at` of its text as
    /// [`paragraph_spans`] joins it (its lines trimmed, joined by a space), and the lines
    /// after it up to `to`: the line where `at` falls is kept from there.
    fn keep_from(&mut self, span: std::ops::Range<usize>, lines: &[&str], at: usize, to: usize) {
        let mut pos = 0;
        for j in span.clone() {
            let piece = match j == span.start {
                true => strip_bullet(lines[j].trim()),
                false => lines[j].trim(),
            };
            let from = pos + usize::from(j != span.start);
            pos = from + piece.len();
            if at < pos {
                let cut = at.saturating_sub(from);
                if cut > 0 {
                    self.rewritten
                        .push((j, piece[cut..].trim_start().to_owned()));
                }
                self.keep[j..to].fill(true);
                return;
            }
        }
    }

    /// An `## Authors` section (Nygard-style templates close with one): a list of names,
    /// or one line of them, is the record's `authors` and leaves the body. A section with
    /// sentences in it is prose about the authors and stays.
    fn authors_section(&mut self, heading: &Heading, end: usize) {
        let items = paragraphs(&self.lines, heading.end + 1, end);
        let names = |t: &str| {
            let t = strip_bullet(t.trim());
            t.len() <= 120 && !t.ends_with('.') && !t.contains(". ")
        };
        if items.is_empty()
            || items.iter().any(|(_, t)| !names(t))
            || (heading.end + 1..end).any(|j| self.in_code[j])
        {
            return;
        }
        self.keep[heading.line..end].fill(false);
        for (line, text) in items {
            self.meta
                .authors(strip_bullet(text.trim()), line, &mut self.notes);
        }
    }

    /// A table of contents kept by a tool (`<!-- toc -->` … `<!-- /toc -->` from mdtoc, as
    /// every KEP has; markdown-toc's `<!-- tocstop -->`): the decision page has its own.
    /// `headings` are the record's (`headings`), ATX and setext alike.
    fn drop_tables_of_contents(&mut self, start: usize, headings: &[Heading]) {
        let marker = |l: &str| l.trim().to_ascii_lowercase().replace(' ', "");
        let mut i = start;
        while i < self.lines.len() {
            if !self.in_code[i] && marker(self.lines[i]) == "<!--toc-->" {
                let end = (i + 1..self.lines.len()).find(|&j| {
                    !self.in_code[j]
                        && matches!(
                            marker(self.lines[j]).as_str(),
                            "<!--/toc-->" | "<!--tocstop-->"
                        )
                });
                if let Some(end) = end {
                    self.keep[i..=end].fill(false);
                    // Its heading (`## Table of Contents`, or `Contents` over `--------`)
                    // too, left with nothing under it. The headings are in line order, so
                    // the one ending there is found by a binary search.
                    if let Some(h) = (start..i).rev().find(|&j| !self.lines[j].trim().is_empty())
                        && let Ok(k) = headings.binary_search_by_key(&h, |x| x.end)
                        && matches!(
                            headings[k].text.trim().to_ascii_lowercase().as_str(),
                            "table of contents" | "contents" | "toc"
                        )
                    {
                        self.keep[headings[k].line..=h].fill(false);
                    }
                    i = end;
                }
            }
            i += 1;
        }
    }

    /// MADR keeps relations in a `## Links` or `## More Information` list
    /// (`* Supersedes [ADR-0002](…)`); they are mapped but stay in the body because they
    /// are part of the prose there.
    fn relations(&mut self, start: usize) {
        for i in start..self.lines.len() {
            if !self.keep[i] || self.in_code[i] {
                continue;
            }
            let line = strip_html_comments(self.lines[i]);
            let item = strip_emphasis(strip_bullet(line.trim()));
            // In prose only a linked record counts: "Replaces 3 old services"
            // is not decision 3.
            if !item.contains("](") {
                continue;
            }
            if let Some((relation, rest)) = relation_prefix(item) {
                let found = refs(rest);
                if !found.is_empty() {
                    self.meta.relation(relation, found, i + 1, true);
                }
            }
        }
    }

    /// The decision: its number, title and slug, status and dates as orgbook needs them,
    /// and the body of what is kept.
    fn finish(
        mut self,
        headings: &[Heading],
        names: &FileName,
        title: Title,
        opts: &ImportOptions,
    ) -> ImportedDecision {
        let (title_number, plain_title) = split_title_number(&title.raw);
        // ADRFlow titles its records `# 2 Create ADR Object`: a number and a bare space,
        // which alone could be the title's own first word ("12 factor apps"); the file
        // name's number (`2-Create_ADR_Object.md`) says it is the record's.
        let (title_number, plain_title) = match (title_number, names.number) {
            (None, Some((n, _))) => match number_and_space(&plain_title, n) {
                Some(rest) => (Some(n), rest.to_owned()),
                None => (None, plain_title),
            },
            (t, _) => (t, plain_title),
        };
        let plain_title = plain_text(&plain_title);
        let plain_title = if plain_title.is_empty() {
            names.title()
        } else {
            plain_title
        };
        let y_statement = self.y_statement();
        // A record titled by nothing but its file name's words is titled by what its
        // Y-statement says was decided.
        let plain_title = match &y_statement {
            Some((line, y)) if title.heading.is_none() && title.raw == names.title() => {
                let said = y.title();
                self.notes.at(
                    *line,
                    format!("no title but the file name's; the Y-statement's decision titles it: `{said}`"),
                );
                said
            }
            _ => plain_title,
        };
        let source_number = match (names.number, title_number) {
            (Some((n, _)), Some(t)) if n != t => {
                // The file name is what other records link to and what adr-tools
                // itself looks records up by, so it wins.
                self.notes.at(
                    title.line,
                    format!("the title says {t} but the file name says {n}; {n} is used"),
                );
                Some(n)
            }
            (Some((n, _)), _) => Some(n),
            (None, t) => t,
        };
        // `orgbook new` names a record after its title; an import does the same, so
        // every record of the handbook is named by one rule.
        let slug = crate::scaffold::decision_slug(&plain_title);

        let meta = &mut self.meta;
        let file_numbered = names.number.is_some() || names.date.is_some();
        let template = template_reason(&title.raw, file_numbered, meta);
        // .NET's designs keep their status in the folder (`accepted/2021/x/x.md`,
        // `proposed/y.md`) and none in the file: the folder says it, unless the file
        // does (a team's `proposed/` notes whose records were accepted since).
        let folder = folder_status(self.notes.file);
        let written = !meta.status.is_empty()
            || !meta.superseded_by.is_empty()
            || !meta.superseded_by_files.is_empty();
        if let Some((_, status)) = folder
            && !written
            && template.is_none()
        {
            meta.status.push((0, status));
        }
        let has_metadata = !meta.status.is_empty()
            || meta.date.is_some()
            || !meta.supersedes.is_empty()
            || !meta.superseded_by.is_empty();
        // "Superseded by [2](…)" is a status too, though it pushes no word: the record is
        // superseded, and its chosen option says nothing more.
        let stated = !meta.status.is_empty()
            || !meta.superseded_by.is_empty()
            || !meta.superseded_by_files.is_empty();
        if !stated && let Some((line, chosen)) = chosen_option(&self.lines, &self.in_code) {
            // MADR 3 and 4 make the status optional: a record that names its chosen
            // option was decided.
            meta.status.push((line, "accepted"));
            self.notes.at(
                line,
                format!("no status; its chosen option ({chosen}) says it was decided, so it is imported as accepted"),
            );
        }
        let status_stated = !meta.status.is_empty()
            || !meta.superseded_by.is_empty()
            || !meta.superseded_by_files.is_empty();
        let status = meta.final_status(opts.unstated_status, &mut self.notes);
        if let Some((name, said)) = folder
            && written
            && said != status
            && !(said == "accepted" && matches!(status, "superseded" | "deprecated"))
        {
            self.notes.file(format!(
                "in a folder named `{name}`, but the record says it is {status}; imported as {status}, as the record says"
            ));
        }
        let (date, dated) = match (
            meta.date.or(meta.first_status_date),
            names.date,
            meta.updated,
        ) {
            (Some(d), _, _) => (d, Dated::Record),
            (None, Some((d, _)), _) => (d, Dated::FileName),
            // Go's `Last updated:`: later than the proposal, but the file's own word,
            // where git's date is only when the file came to this repository.
            (None, None, Some(d)) => (d, Dated::Record),
            // A DACI states no date but the one the decision was due: once that day has
            // come it is nearer the decision than the day the page reached git (an export
            // is committed long after). A day still to come is no date of the record's.
            (None, None, None) if let Some(due) = meta.due.filter(|&d| d <= opts.today) => {
                (due, Dated::Record)
            }
            // import_dir asks git, then falls back to today and says so.
            (None, None, None) => (opts.today, Dated::Today),
        };
        // ADR formats keep one date, not orgbook's pair: adr-tools writes the day
        // the record was created, MADR the day it was last updated. orgbook needs
        // `decided` for accepted and rejected records, and superseded or
        // deprecated ones were decided before they were replaced, so that single
        // date stands in for both (or the date on the status line itself, as in
        // "Accepted 2024-03-14", when there is one). Proposed records have no
        // decision yet.
        let decided = matches!(
            status,
            "accepted" | "rejected" | "superseded" | "deprecated"
        )
        .then(|| {
            // A Final EIP says when its last call ended, not when it became final: that
            // end is nearer the decision than its `created`.
            meta.status_date
                .or(meta.last_call.filter(|&d| d >= date))
                .unwrap_or(date)
        });
        if opts.decision_type == 1 && status == "accepted" && meta.deciders.is_empty() {
            self.notes.file(
                "accepted type 1 decision without deciders; orgbook requires `deciders` for it, add them by hand",
            );
        }

        // Whatever date the record gets instead is a guess; the author's text must
        // survive it, so someone can fix the date by hand.
        let unread_date = match (&self.meta.date, self.meta.unread_date.take()) {
            (None, Some(written)) => {
                self.meta
                    .links
                    .insert(0, format!("- Date as written: {written}"));
                Some(written)
            }
            _ => None,
        };
        if template.is_none() {
            self.template_placeholders();
        }
        let body = self.body(headings);
        // The Y-statement's parts where a reader of the record looks for them, in the
        // sections the record lacks; the sentence stays where it was.
        let body = match &y_statement {
            Some((line, y)) => {
                let added = super::ystatement::sections(y, super::ystatement::Has::of(&body), 2);
                if added.is_empty() {
                    body
                } else {
                    let names: Vec<&str> = added
                        .lines()
                        .filter_map(|l| l.strip_prefix("## "))
                        .collect();
                    self.notes.at(
                        *line,
                        format!(
                            "a Y-statement; its parts are written below it as the record's {} (the sentence stays as written)",
                            names.join(", ")
                        ),
                    );
                    format!("{}\n\n{added}", body.trim_end())
                }
            }
            None => body,
        };
        let mut md_links = 0;
        rewrite_links(&body, |dest| {
            if split_local_md_link(dest).is_some() {
                md_links += 1;
            }
            None
        });

        let mut meta = self.meta;
        meta.supersedes.sort_unstable();
        meta.supersedes.dedup();
        meta.superseded_by.sort_unstable();
        meta.superseded_by.dedup();
        ImportedDecision {
            source: self.notes.file.to_owned(),
            number: source_number.unwrap_or(0),
            source_number,
            file_date: names.date.map(|(d, _)| d),
            folder_year: folder_year(self.notes.file),
            dated,
            unread_date,
            supersedes_files: meta.supersedes_files,
            superseded_by_files: meta.superseded_by_files,
            file_relations: meta.file_relations,
            related: meta.related,
            template,
            has_metadata,
            md_links,
            imported_as: None,
            slug,
            title: plain_title,
            status: status.to_owned(),
            status_stated,
            date,
            decided,
            deciders: meta.deciders,
            authors: meta.authors,
            supersedes: meta.supersedes,
            superseded_by: meta.superseded_by,
            tags: meta.tags,
            body,
            unmapped: self.notes.list,
        }
    }

    /// The first paragraph kept, outside code, that is a Y-statement
    /// ([`super::ystatement`]): its first line (1-based) and its parts. Each line is
    /// looked at once; only a paragraph that opens by naming a context is read whole.
    fn y_statement(&self) -> Option<(usize, super::ystatement::YStatement)> {
        let mut i = 0;
        while i < self.lines.len() {
            let readable =
                |k: usize| self.keep[k] && !self.in_code[k] && !self.lines[k].trim().is_empty();
            if !readable(i) {
                i += 1;
                continue;
            }
            let first = i;
            let mut text = String::new();
            while i < self.lines.len() && readable(i) {
                if i == first
                    && !self.lines[i]
                        .to_ascii_lowercase()
                        .contains("in the context of")
                {
                    break;
                }
                text.push_str(strip_bullet(
                    self.lines[i].trim().trim_start_matches('>').trim_start(),
                ));
                text.push(' ');
                i += 1;
            }
            if i == first {
                // Not a statement's opening: the rest of the paragraph is skipped.
                while i < self.lines.len() && readable(i) {
                    i += 1;
                }
                continue;
            }
            if let Some(y) = super::ystatement::parse(&text) {
                return Some((first + 1, y));
            }
        }
        None
    }

    /// The lines kept, with MADR's relation links first. The title is the page's only
    /// `<h1>`: a body that still has `#` sections (an RFC's `# Motivation`, a record titled
    /// in its front matter) moves every heading one level down, so the outline keeps its
    /// shape under the title.
    fn body(&self, headings: &[Heading]) -> String {
        let demote = headings.iter().any(|h| h.level == 1 && self.keep[h.line]);
        let mut shifted: Vec<std::borrow::Cow<str>> = self
            .lines
            .iter()
            .map(|line| std::borrow::Cow::Borrowed(*line))
            .collect();
        for (j, text) in &self.rewritten {
            shifted[*j] = text.as_str().into();
        }
        let mut keep = std::borrow::Cow::Borrowed(&self.keep);
        for h in headings
            .iter()
            .filter(|h| demote && h.level < 6 && self.keep[h.line])
        {
            let line = self.lines[h.line];
            let indent = line.len() - line.trim_start_matches(' ').len();
            if h.end == h.line {
                shifted[h.line] = format!("{}#{}", &line[..indent], &line[indent..]).into();
            } else if h.level == 1 {
                // `===` under it: `---` makes it one level down, as written.
                shifted[h.end] = self.lines[h.end].replace('=', "-").into();
            } else {
                // Setext has no third level: the heading is written as `### Text`.
                shifted[h.line] = format!("{} {}", "#".repeat(h.level + 1), h.text).into();
                keep.to_mut()[h.line + 1..=h.end].fill(false);
            }
        }
        let body = assemble_body(&shifted, &keep, &self.in_code);
        if self.meta.links.is_empty() {
            return body;
        }
        let links = self.meta.links.join("\n") + "\n";
        if body.is_empty() {
            links
        } else {
            links + "\n" + &body
        }
    }
}

struct Notes<'a> {
    file: &'a str,
    list: Vec<String>,
}

impl Notes<'_> {
    fn at(&mut self, line: usize, message: impl std::fmt::Display) {
        self.list.push(format!("{}:{line}: {message}", self.file));
    }

    fn file(&mut self, message: impl std::fmt::Display) {
        self.list.push(format!("{}: {message}", self.file));
    }
}

#[derive(Clone, Copy)]
enum Relation {
    Supersedes,
    SupersededBy,
}

/// What the metadata of one record said, gathered from wherever it was.
#[derive(Default)]
struct Meta {
    /// Canonical status words in source order, with their lines.
    status: Vec<(usize, &'static str)>,
    /// A date written on a status line (`Accepted on 2024-03-14`).
    status_date: Option<Date>,
    /// The first such date, of the earliest status in a history (ADRFlow's `Proposed
    /// 2017-12-28` over `Accepted 2017-12-30`): when the record was written.
    first_status_date: Option<Date>,
    /// The lines of the statuses that carried a date: a history, each step dated, whose
    /// earlier steps are no contradiction worth a note.
    dated_status_lines: std::collections::HashSet<usize>,
    supersedes: Vec<u32>,
    superseded_by: Vec<u32>,
    supersedes_files: Vec<String>,
    superseded_by_files: Vec<String>,
    file_relations: Vec<FileRelation>,
    /// Other relations, kept as Markdown list items.
    related: Vec<String>,
    date: Option<Date>,
    deciders: Vec<String>,
    /// Who wrote or drove it: orgbook's `authors`, never its deciders.
    authors: Vec<String>,
    tags: Vec<String>,
    title: Option<(usize, String)>,
    /// The status was an unfilled template value (`[proposed | accepted | …]`).
    placeholder_status: bool,
    /// The date was an unfilled template value (`YYYY-MM-DD`, `{date}`).
    placeholder_date: bool,
    /// The first date orgbook could not read, as written.
    unread_date: Option<String>,
    /// Go's design documents' `Last updated: September 7, 2016`: the record's date only
    /// when it states no other.
    updated: Option<Date>,
    /// An EIP's `last-call-deadline`: the end of its last call, after which it was
    /// decided (the file has no decision date).
    last_call: Option<Date>,
    /// A DACI's `Due date`: the record's date when it states no other and the day has come.
    due: Option<Date>,
    /// Front matter links orgbook has no key for, as list items for the top of the body.
    links: Vec<String>,
}

impl Meta {
    /// One `key: value` from a preamble line or (stringified) front matter.
    fn field(&mut self, key: &str, value: &str, line: usize, notes: &mut Notes) {
        let lower = key.to_lowercase();
        match canonical_key(&lower).unwrap_or(key) {
            "status" => {
                self.status_text(value, line, notes);
            }
            "date" => self.date_text(value, line, notes),
            "updated" => {
                // `15 May 2017 (to reflect actual implementation)`: the date is what comes
                // before the aside. Unreadable, it is left in the body, where it stays.
                let value = strip_emphasis(value.trim());
                let value = value.split(" (").next().unwrap_or(value).trim();
                if self.updated.is_none()
                    && let Some((date, assumption)) = parse_date(value)
                {
                    self.updated = Some(date);
                    if let Some(assumption) = assumption {
                        notes.at(line, assumption);
                    }
                }
            }
            "deciders" => self.people(value, line, notes),
            "authors" => self.authors(value, line, notes),
            "tags" => {
                let value = value.trim().trim_start_matches('[').trim_end_matches(']');
                // log4brains' template says "space and/or comma separated".
                let parts: Vec<&str> = if value.contains(',') {
                    value.split(',').collect()
                } else {
                    value.split_whitespace().collect()
                };
                for tag in parts
                    .into_iter()
                    .map(|t| t.trim().trim_matches(['"', '\'', '`']))
                    .filter(|t| !t.is_empty())
                {
                    push_unique(&mut self.tags, tag.to_owned());
                }
            }
            "title" => self.title = Some((line, value.to_owned())),
            // An unfilled `{ product }`.
            "kept" if value.trim_start().starts_with('{') => {
                notes.at(
                    line,
                    format!("`{key}: {value}` looks like an unfilled template; dropped"),
                );
            }
            // A DACI's unfilled `| Contributors | <name> |`, `| Due date | Type /date |`.
            "consulted" | "informed" | "kept" | "due"
                if !value.trim().is_empty() && is_person_placeholder(value) =>
            {
                notes.at(
                    line,
                    format!(
                        "`{key}: {}` looks like an unfilled template; left out",
                        value.trim()
                    ),
                );
            }
            // Front matter's `consulted: [a, b]`, a header table's `| Impact | HIGH |`: kept
            // at the top of the body, as links are.
            "consulted" | "informed" | "kept" if !value.trim().is_empty() => {
                self.links.push(format!("- {key}: {}", value.trim()));
            }
            "due" if !value.trim().is_empty() => {
                self.links.push(format!("- {key}: {}", value.trim()));
                self.due = parse_date(value).map(|(d, _)| d);
            }
            // An EIP's number is its file name's (`eip-20.md`), read there.
            "eip" | "erc" if file_series_number(notes.file) == value.trim().parse().ok() => {}
            // EIPs name the proposals they build on: each is linked, so the link follows
            // the record to its new file and the other record lists this one.
            "requires" if !value.trim().is_empty() => {
                self.related.push(requires_item(notes.file, value));
            }
            // What an EIP says of itself in front matter only, with no orgbook key:
            // kept at the top of the body, as a record's links are.
            "description" | "type" | "category" | "withdrawal-reason" | "last-call-deadline"
                if !value.trim().is_empty() =>
            {
                if key == "last-call-deadline" {
                    self.last_call = parse_date(value).map(|(d, _)| d);
                }
                self.links.push(format!("- {key}: {}", value.trim()));
            }
            // A `discussion:` link of front matter YAML could not read (an RFD's unfilled
            // `authors: { author1 }` breaks the YAML), kept as the YAML reading keeps it.
            _ if is_web_address(value.trim()) && !is_site_key(&lower) => {
                self.links.push(format!("- {key}: <{}>", value.trim()));
            }
            _ => {
                if !value.is_empty() {
                    notes.at(
                        line,
                        format!("`{key}: {value}` has no orgbook key; dropped"),
                    );
                }
            }
        }
    }

    fn people(&mut self, value: &str, line: usize, notes: &mut Notes) {
        let value = strip_html_comments(value);
        let value = value.trim();
        if is_placeholder(value) {
            notes.at(
                line,
                format!("deciders `{value}` look like an unfilled template; ignored"),
            );
            return;
        }
        for person in split_people(value) {
            if let Some(person) = named_person(&person, "decider", line, notes) {
                push_unique(&mut self.deciders, person);
            }
        }
    }

    /// Who wrote or drove the record, for `authors`: the names of `value`, each without the
    /// address or handle written after it.
    fn authors(&mut self, value: &str, line: usize, notes: &mut Notes) {
        let value = strip_html_comments(value);
        let mut value = value.trim();
        // `authors: [Ann, Bob]` read line by line (front matter YAML rejected) is two
        // people; `[list of GitHub handles]` and an RFD template's unfilled
        // `{ author1 } ({ email })` are none.
        if value.starts_with('[') && value.ends_with(']') && value.contains(',') {
            value = &value[1..value.len() - 1];
        } else if value.starts_with('{') || is_placeholder(value) {
            notes.at(
                line,
                format!("authors `{value}` look like an unfilled template; left out"),
            );
            return;
        }
        for person in split_people(value) {
            if let Some(person) = named_person(&person, "author", line, notes) {
                push_unique(&mut self.authors, person);
            }
        }
    }

    fn date_text(&mut self, value: &str, line: usize, notes: &mut Notes) {
        let written = value.trim();
        let stripped = strip_html_comments(written);
        // MADR front matter quotes its values: `date: "2025-06-26"`.
        let value = strip_emphasis(stripped.trim()).trim_matches(['"', '\'']);
        // `Date: [2020-06-15](…/commit/…)`: the date is the link's text; the link, the
        // evidence of when, stays at the top of the body.
        let linked;
        let value = if value.contains("](") {
            linked = inline_text(value);
            if parse_date(&linked).is_some() {
                push_unique(&mut self.links, format!("- Date: {value}"));
            }
            linked.as_str()
        } else {
            value
        };
        if value.is_empty() {
            // `Date: <!-- today -->`: a template's field, left unfilled.
            if !written.is_empty() {
                self.placeholder_date = true;
            }
            return;
        }
        // Rust's RFC template: `(fill me in with today's date, YYYY-MM-DD)`.
        if is_placeholder(value) || value.contains("YYYY") || value.starts_with('(') {
            self.placeholder_date = true;
            notes.at(
                line,
                format!("date `{value}` looks like an unfilled template; ignored"),
            );
            return;
        }
        match parse_date(value) {
            Some((date, assumption)) => {
                if let Some(assumption) = assumption {
                    notes.at(line, assumption);
                }
                if self.date.is_none() {
                    self.date = Some(date);
                } else if self.date != Some(date) {
                    notes.at(
                        line,
                        format!("second date `{value}` ignored; the first one is used"),
                    );
                }
            }
            None => {
                notes.at(
                    line,
                    format!("date `{value}` is not a date orgbook can read"),
                );
                if self.unread_date.is_none() {
                    self.unread_date = Some(value.to_owned());
                }
            }
        }
    }

    /// Relations found on line `line`; `in_body` when that line stays in the body (a
    /// MADR `## Links` item), so a link no record answers to is not kept twice.
    fn relation(&mut self, relation: Relation, found: Vec<Ref>, line: usize, in_body: bool) {
        let (numbers, files, word, label) = match relation {
            Relation::Supersedes => (
                &mut self.supersedes,
                &mut self.supersedes_files,
                "supersedes",
                "Supersedes",
            ),
            Relation::SupersededBy => (
                &mut self.superseded_by,
                &mut self.superseded_by_files,
                "superseded by",
                "Superseded by",
            ),
        };
        for r in found {
            if let Some(n) = r.number {
                push_unique(numbers, n);
            }
            if let Some(f) = r.file {
                // Without a number only the file can name the target: import_dir keeps
                // the link when no imported record has that file.
                if r.number.is_none()
                    && let Some((text, dest)) = &r.link
                    && !self.file_relations.iter().any(|fr| fr.stem == f)
                {
                    self.file_relations.push(FileRelation {
                        relation: word,
                        stem: f.clone(),
                        target: dest.clone(),
                        line,
                        kept_as: (!in_body).then(|| format!("{label}: [{text}]({dest})")),
                    });
                }
                push_unique(files, f);
            }
        }
    }

    /// A status paragraph or value: status words, relations, and whatever
    /// else people write there, separated by lines, commas or semicolons.
    /// Whether anything in it was read (a status, a relation, a placeholder).
    fn status_text(&mut self, text: &str, line: usize, notes: &mut Notes) -> bool {
        let text = strip_html_comments(text);
        let text = text.trim();
        if text.is_empty() {
            return false;
        }
        // A task list of the statuses (`- [x] Decided (2023-07-04)`, `- [ ] Deferred`):
        // the ticked items are the status, the others choices not made.
        if let Some((ticked, rest)) = task_item(text) {
            return !ticked || self.ticked_status(rest, line, notes);
        }
        // `Vorgeschlagen | **Akzeptiert** | Abgelehnt`: the template's choices kept, the
        // one made in bold.
        if text.contains('|') {
            let mut bold = text
                .split('|')
                .filter_map(|part| bold_lead(part.trim()).filter(|(_, rest)| rest.is_empty()));
            if let (Some((chosen, _)), None) = (bold.next(), bold.next()) {
                return self.status_text(chosen, line, notes);
            }
        }
        if is_choice_list(text) || text == "STATUS" {
            self.placeholder_status = true;
            notes.at(
                line,
                format!("status `{text}` looks like an unfilled template; ignored"),
            );
            return true;
        }
        if is_placeholder(text) {
            let inside = text[1..text.len() - 1].trim();
            // `[Accepted]`: one status word in brackets is that status.
            let lower = inside.to_ascii_lowercase();
            if status_word(&lower).is_some_and(|(_, len)| len == lower.len()) {
                return self.status_text(inside, line, notes);
            }
            // `[change when approved]`: the author meant to come back to it, so the
            // decision was not taken yet. A template is told by its title or by a list
            // of choices, not by this; the record's sections are real and must not be lost.
            notes.at(
                line,
                format!("status `{text}` is a placeholder, not a status; imported as proposed"),
            );
            self.status.push((line, "proposed"));
            return true;
        }
        let mut read = false;
        let mut last_relation = None;
        for written in split_top_level(text) {
            // Confluence's status lozenges come out of an export with an emoji before
            // the word (`🟡 IN PROGRESS`): the colour says what the word says.
            let written = written
                .trim()
                .trim_start_matches(|c: char| !c.is_ascii() && !c.is_alphanumeric())
                .trim();
            // Swift Evolution: `**Implemented in Swift 2.2** ([Bug](…), [Commit](…))`, the
            // status in bold and the evidence after it, which stays at the top of the body.
            let (part, evidence) = match bold_lead(written) {
                Some((bold, rest)) if rest.starts_with(['(', '[']) => (bold, true),
                _ => (strip_emphasis(written), false),
            };
            let part = part.trim_end_matches('.').trim();
            if evidence {
                read = true;
                push_unique(&mut self.links, format!("- Status as written: {written}"));
            }
            if part.is_empty() {
                continue;
            }
            if let Some(other) = other_relation(part) {
                read = true;
                push_unique(&mut self.related, other.to_owned());
                last_relation = None;
                continue;
            }
            if let Some((relation, rest)) = relation_prefix(part) {
                read = true;
                let numbers = refs(rest);
                if numbers.is_empty() {
                    // "Superseded by [the pull request that …](URL)": no record to link,
                    // but the reader still needs to know where the decision went.
                    notes.at(
                        line,
                        format!(
                            "`{part}` names no decision number; kept under “Related decisions”"
                        ),
                    );
                    push_unique(&mut self.related, part.to_owned());
                    if matches!(relation, Relation::SupersededBy) {
                        self.status.push((line, "superseded"));
                    }
                } else {
                    self.relation(relation, numbers, line, false);
                }
                last_relation = Some(relation);
                continue;
            }
            // "Superseded by [9](…), [10](…)": the list goes on after the comma.
            if let Some(relation) = last_relation
                && is_continuation(part)
            {
                read = true;
                self.relation(relation, refs(part), line, false);
                continue;
            }
            last_relation = None;
            // ASCII lowercasing keeps byte offsets, so `len` indexes `part` too.
            let lower = part.to_ascii_lowercase();
            let Some((status, len)) = status_word(&lower) else {
                if let Some((status, len)) = nearest_status(&lower) {
                    let word = &part[..len];
                    notes.at(
                        line,
                        format!("status `{word}` read as {status} (the nearest status word)"),
                    );
                    self.status.push((line, status));
                    read = true;
                    continue;
                }
                notes.at(
                    line,
                    format!("status `{part}` has no orgbook equivalent; dropped"),
                );
                continue;
            };
            let word = &part[..len];
            // A synonym is worth a look (`approved` may not mean accepted here); a
            // translation is the word itself.
            if !word.eq_ignore_ascii_case(status)
                && !is_translation(&lower[..len])
                && !is_process_word(&lower[..len])
            {
                notes.at(line, format!("status `{word}` imported as {status}"));
            }
            let rest = part[len..].trim_matches(|c: char| {
                c.is_whitespace() || matches!(c, ':' | '-' | '–' | '(' | ')' | ',')
            });
            let rest = ["on ", "since ", "in "]
                .iter()
                .find_map(|p| strip_prefix_ci(rest, p))
                .unwrap_or(rest);
            if !rest.is_empty() {
                match parse_date(rest) {
                    Some((date, assumption)) => {
                        if let Some(assumption) = assumption {
                            notes.at(line, assumption);
                        }
                        self.status_date = Some(date);
                        self.first_status_date.get_or_insert(date);
                        self.dated_status_lines.insert(line);
                    }
                    None if is_release_qualifier(rest) => {
                        // "Implemented (Swift 5.1)", "Stable in Kotlin 1.5", "Active review
                        // (May 15...May 29, 2024)": the word is the whole status, the rest
                        // says in which release or when; kept, as nothing to check.
                        push_unique(&mut self.links, format!("- Status as written: {written}"));
                    }
                    None => {
                        // "Decided on Bulma. Open to new choices as they come": the
                        // status is the word, but the sentence is the author's and stays
                        // at the top of the body, as a date orgbook cannot read does.
                        notes.at(
                            line,
                            format!(
                                "`{part}`: only `{word}` was mapped (as {status}); the sentence is kept at the top of the body as “Status as written”"
                            ),
                        );
                        push_unique(&mut self.links, format!("- Status as written: {written}"));
                    }
                }
            }
            self.status.push((line, status));
            read = true;
        }
        read
    }

    /// A ticked status of a task list. `Superseded ([2024-02-16][adr-08])` names its
    /// successor by a reference link's label, and its date by the link's text.
    fn ticked_status(&mut self, rest: &str, line: usize, notes: &mut Notes) -> bool {
        let lower = rest.to_ascii_lowercase();
        if status_word(&lower).is_some_and(|(status, _)| status == "superseded")
            && let Some((text, label)) = reference_link(rest)
            && let Some(n) = label_number(label)
        {
            let target = Ref {
                number: Some(n),
                file: None,
                link: None,
            };
            self.relation(Relation::SupersededBy, vec![target], line, false);
            let plain = rest.replacen(&format!("[{text}][{label}]"), text, 1);
            return self.status_text(&plain, line, notes);
        }
        self.status_text(rest, line, notes)
    }

    /// The one orgbook status. Being superseded outranks any word written
    /// before it: adr-tools leaves "Accepted" in place when a record is
    /// superseded by hand, and that record is no longer in force.
    fn final_status(&self, unstated: &'static str, notes: &mut Notes) -> &'static str {
        let status = if !self.superseded_by.is_empty()
            || !self.superseded_by_files.is_empty()
            || self.status.iter().any(|&(_, s)| s == "superseded")
        {
            "superseded"
        } else if let Some(&(_, last)) = self.status.last() {
            last
        } else {
            let hint = if unstated == "proposed" {
                " (records without a status that were decided: `--status accepted`)"
            } else {
                ""
            };
            notes.file(format!("no status found; imported as {unstated}{hint}"));
            return unstated;
        };
        for &(line, word) in &self.status {
            let lifecycle = word == "accepted" && matches!(status, "superseded" | "deprecated");
            // `Proposed 2017-12-28` over `Accepted 2017-12-30`: a step of the history, not
            // a word left over from the template.
            let history = self.dated_status_lines.contains(&line);
            if word != status && !lifecycle && !history {
                notes.at(
                    line,
                    format!("earlier status {word} dropped; the record is imported as {status}"),
                );
            }
        }
        status
    }
}

/// MADR's "Chosen option: "Use X", because …" line (1-based line, the option), outside
/// code and comments; not while it is the template's `"{title of option 1}"`. The
/// sentence may be wrapped over the lines of its paragraph, down to a word a line.
fn chosen_option(lines: &[&str], in_code: &[bool]) -> Option<(usize, String)> {
    const KEY: &str = "chosen option:";
    // Enough lines for the key and a name written a word a line.
    const WRAPPED: usize = 12;
    let is_code = |i: usize| in_code.get(i).copied().unwrap_or(false);
    lines.iter().enumerate().find_map(|(i, line)| {
        if is_code(i) {
            return None;
        }
        let text = line.trim().trim_start_matches(['*', '-', ' ']);
        if !text
            .get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("chosen"))
        {
            return None;
        }
        let mut sentence = text.to_owned();
        // Joined until the name is whole: its closing quote, or the paragraph's end.
        let whole = |s: &str| {
            let Some(rest) = s
                .get(..KEY.len())
                .filter(|k| k.eq_ignore_ascii_case(KEY))
                .map(|_| s[KEY.len()..].trim())
            else {
                return false;
            };
            !rest.is_empty() && (!rest.starts_with('"') || rest.matches('"').count() >= 2)
        };
        for (j, next) in lines.iter().enumerate().skip(i + 1).take(WRAPPED) {
            if whole(&sentence) {
                break;
            }
            if is_code(j) || next.trim().is_empty() {
                break;
            }
            sentence.push(' ');
            sentence.push_str(next.trim());
        }
        let lower = sentence.get(..KEY.len())?.to_ascii_lowercase();
        if lower != KEY {
            return None;
        }
        let chosen = sentence[KEY.len()..].trim().trim_end_matches(',');
        let name = chosen.split(", because").next().unwrap_or(chosen).trim();
        // A quote left alone on its line leaves a space inside the name: `" Apache Velocity"`.
        let name = match name.strip_prefix('"') {
            Some(inner) => format!("\"{}", inner.trim_start()),
            None => name.to_owned(),
        };
        (!name.is_empty() && !name.contains(['{', '}', '…']) && !name.contains("[option"))
            .then_some((i + 1, name))
    })
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
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

/// MADR 3/4 front matter. Parsed with a real YAML parser because authors use
/// every YAML spelling of a list (`[a, b]`, `- a` lines, a comma-separated
/// string) and of strings (quoted, with escapes), which a hand-written
/// reader would get wrong at the edges.
fn read_front_matter(fm: &[&str], meta: &mut Meta, notes: &mut Notes) {
    let yaml = fm.join("\n");
    let mapping = match yaml_serde::from_str::<yaml_serde::Value>(&yaml) {
        Ok(yaml_serde::Value::Null) => return,
        Ok(yaml_serde::Value::Mapping(m)) => m,
        Ok(_) => {
            notes.at(
                2,
                "front matter is not `key: value` lines; read line by line",
            );
            return read_front_matter_lines(fm, meta, notes);
        }
        Err(e) => {
            // One unreadable line must not cost the whole record: what YAML
            // rejects is read line by line, and the line YAML tripped on is named.
            let line = e.location().map_or(2, |l| l.line() + 1);
            notes.at(
                line,
                format!(
                    "front matter is not valid YAML ({}); read line by line",
                    first_line(&e.to_string())
                ),
            );
            return read_front_matter_lines(fm, meta, notes);
        }
    };
    // A KEP of the one-file layout (before `kep.yaml`): its front matter is a kep.yaml.
    if mapping.contains_key("kep-number") || mapping.contains_key("owning-sig") {
        let file = notes.file;
        if let Some(title) = mapping.get("title").and_then(yaml_text) {
            let line = key_index(fm, "title").map_or(2, |i| i + 2);
            meta.title = Some((line, title));
        }
        return read_kep_yaml(file, &yaml, 2, meta, notes);
    }
    for (key, value) in &mapping {
        let Some(key) = key.as_str() else {
            notes.at(
                2,
                format!("front matter key {key:?} is not a name; dropped"),
            );
            continue;
        };
        // The +2 skips the `---` line and turns the index into a line number.
        let line = key_index(fm, key).map_or(2, |i| i + 2);
        // Matched in lower case, named in notes as written (`geekdocRepo`), so the note
        // can be found in the file.
        let lower = key.to_lowercase();
        let canonical = canonical_key(&lower);
        let is_list_key = matches!(canonical, Some("deciders" | "authors" | "tags"));
        match (value, is_list_key) {
            (yaml_serde::Value::Null, _) => {}
            (yaml_serde::Value::Sequence(items), true) => {
                for item in items {
                    match yaml_scalar(item) {
                        Some(s) if canonical == Some("tags") => push_unique(&mut meta.tags, s),
                        Some(s) if canonical == Some("authors") => meta.authors(&s, line, notes),
                        Some(s) => meta.people(&s, line, notes),
                        None => notes.at(
                            line,
                            format!("a `{key}` item is not a plain value; dropped"),
                        ),
                    }
                }
            }
            _ if !is_mapped_key(&lower)
                && !is_site_key(&lower)
                && !yaml_links(value).is_empty() =>
            {
                // Where the record was discussed (Ember's `prs: {accepted: URL}`, a
                // `discussion:` link) has no orgbook key, but is worth keeping: it goes to
                // the top of the body, as RFCs' `- RFC PR:` bullets stay there.
                for (sub, url) in yaml_links(value) {
                    meta.links.push(match sub {
                        Some(sub) => format!("- {key} ({sub}): <{url}>"),
                        None => format!("- {key}: <{url}>"),
                    });
                }
            }
            _ => match yaml_text(value) {
                Some(text) => meta.field(key, &text, line, notes),
                None => notes.at(line, format!("`{key}` is not a plain value; dropped")),
            },
        }
    }
}

/// Front matter keys (lowercase) a docs site's theme reads, whose web address is the
/// site's, not the decision's (Hugo Geekdoc's `geekdocRepo`, Docusaurus's
/// `custom_edit_url`): dropped with a note like any key without an orgbook one, not kept
/// as a link at the top of every record.
fn is_site_key(key: &str) -> bool {
    key.starts_with("geekdoc")
        || matches!(
            key,
            "custom_edit_url" | "edit_url" | "editurl" | "edit_uri" | "github_repo" | "repo_url"
        )
}

/// The front matter keys [`Meta::field`] maps to an orgbook key.
fn is_mapped_key(key: &str) -> bool {
    matches!(
        canonical_key(key),
        Some("status" | "date" | "deciders" | "authors" | "tags" | "title")
    )
}

/// A metadata key (lowercase) as the record formats and their translations write it →
/// the one [`Meta::field`] reads. Records are written in the organisation's language:
/// MADR's French, German and Spanish templates say `statut`, `Entscheider`, `fecha`.
fn canonical_key(key: &str) -> Option<&'static str> {
    Some(match key {
        // Ember's RFCs keep their status as a `stage`.
        "status" | "stage" | "statut" | "état" | "estado" | "stato" | "statuts" => "status",
        // RFC templates write `Start Date:` (Ember's front matter `start-date`), PEPs
        // `Created:`.
        "date" | "start date" | "start-date" | "start_date" | "created" | "datum" | "fecha"
        | "date de décision" | "décidé le" | "entscheidungsdatum" => "date",
        // log4brains' variants write `Decider:`.
        "deciders"
        | "decider"
        | "decision-makers"
        | "decision makers"
        | "decision_makers"
        | "décisionnaires"
        | "décideurs"
        | "decideurs"
        | "decisionnaires"
        | "entscheider"
        | "entscheidungsträger"
        | "decisores"
        | "responsables de la decisión" => "deciders",
        "consulted" | "consultés" | "consultes" | "konsultiert" | "consultados" => "consulted",
        "informed" | "informés" | "informes" | "informiert" | "informados" => "informed",
        "tags" | "tag" | "keywords" | "mots-clés" | "mots-cles" | "étiquettes" | "schlagwörter"
        | "schlagworte" | "etiquetas" => "tags",
        "title" | "titre" | "titel" | "título" | "titolo" => "title",
        // Go's design documents: `Last updated: 2016-09-07` under the authors; TensorFlow's
        // RFC tables: `| **Updated** | 2019-02-07 |`.
        "last updated" | "last-updated" | "last_updated" | "updated" => "updated",
        // Who decides: a DACI's Approver, an RFC template's Approvers.
        "approver" | "approvers" | "approver(s)" | "approved by" => "deciders",
        // Oxide's RFDs: `state: published`; their `labels` are tags.
        "state" => "status",
        "labels" => "tags",
        // DACI's Contributors are consulted: they have a voice, not a vote.
        "contributors" | "contributor" => "consulted",
        // A DACI's due date: when the decision was to be made.
        "due date" | "due" => "due",
        // Who wrote or drove the decision: a DACI's Driver, an RFC's Owner or Author(s),
        // an RFD's `authors`, the Owner column of a decision log. orgbook's `authors`.
        "driver" | "owner" | "owners" | "author" | "authors" | "author(s)" | "auteur"
        | "auteurs" | "autor" | "autoren" | "autores" | "autore" | "autori" => "authors",
        // What DACI and RFC headers say of it besides: orgbook's decisions have no key for
        // them, and each is worth keeping at the top of the body.
        "editor" | "sponsor" | "sponsors" | "impact" | "outcome" | "product" | "rfc #"
        | "rfc pr" | "ticket" | "resources" | "reviewers" => "kept",
        _ => return None,
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

/// Whether `s` is one web address and nothing else.
fn is_web_address(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://"))
        && !s.contains(char::is_whitespace)
        && !s.contains(['<', '>'])
}

/// The web addresses a front matter value holds: itself, the items of a list, or the
/// values of a mapping (with their keys).
fn yaml_links(value: &yaml_serde::Value) -> Vec<(Option<String>, String)> {
    let url = |v: &yaml_serde::Value| {
        v.as_str()
            .map(str::trim)
            .filter(|s| is_web_address(s))
            .map(str::to_owned)
    };
    match value {
        yaml_serde::Value::Sequence(items) => {
            items.iter().filter_map(url).map(|u| (None, u)).collect()
        }
        yaml_serde::Value::Mapping(m) => m
            .iter()
            .filter_map(|(k, v)| Some((Some(k.as_str()?.to_owned()), url(v)?)))
            .collect(),
        v => url(v).map(|u| (None, u)).into_iter().collect(),
    }
}

/// The index of the line that holds top-level YAML key `key` (top-level keys start in
/// column 0), for notes that name the line.
fn key_index(lines: &[&str], key: &str) -> Option<usize> {
    lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
    })
}

/// Kubernetes' `kep.yaml`, beside a KEP's `README.md`: `status`, `creation-date`, the
/// `approvers` (who decide a KEP) and the `owning-sig` (a tag) are mapped; the title
/// repeats the README's heading; the rest is the enhancement process's machinery
/// (milestones, feature gates, reviewers), named in one note.
/// `line_one`: the file's line of the YAML's first line (1 in `kep.yaml`, 2 in a record's
/// front matter, after its `---`).
fn read_kep_yaml(file: &str, yaml: &str, line_one: usize, meta: &mut Meta, notes: &mut Notes) {
    let mut side = Notes {
        file,
        list: Vec::new(),
    };
    match yaml_serde::from_str::<yaml_serde::Value>(yaml) {
        Ok(yaml_serde::Value::Mapping(mapping)) => {
            let lines: Vec<&str> = yaml.lines().collect();
            let mut left_out: Vec<&str> = Vec::new();
            for (key, value) in &mapping {
                let Some(key) = key.as_str() else {
                    continue;
                };
                let line = key_index(&lines, key).map_or(line_one, |i| i + line_one);
                match (key, value) {
                    (_, yaml_serde::Value::Null) | ("title" | "kep-number", _) => {}
                    ("status", v) => match yaml_text(v) {
                        Some(t) => {
                            meta.status_text(&t, line, &mut side);
                        }
                        None => side.at(line, "`status` is not a plain value; dropped"),
                    },
                    ("creation-date", v) => match yaml_text(v) {
                        Some(t) => meta.date_text(&t, line, &mut side),
                        None => side.at(line, "`creation-date` is not a plain value; dropped"),
                    },
                    ("approvers", yaml_serde::Value::Sequence(items)) => {
                        for item in items.iter().filter_map(yaml_scalar) {
                            meta.people(item.trim_start_matches('@'), line, &mut side);
                        }
                    }
                    ("authors", yaml_serde::Value::Sequence(items)) => {
                        for item in items.iter().filter_map(yaml_scalar) {
                            meta.authors(item.trim_start_matches('@'), line, &mut side);
                        }
                    }
                    ("owning-sig", v) => {
                        if let Some(t) = yaml_scalar(v) {
                            push_unique(&mut meta.tags, t);
                        }
                    }
                    (key, _) => left_out.push(key),
                }
            }
            if !left_out.is_empty() {
                side.file(format!(
                    "left out, orgbook has no place for them: {}",
                    left_out.join(", ")
                ));
            }
        }
        Ok(_) => side.file("not `key: value` lines; ignored"),
        Err(e) => side.at(
            e.location().map_or(1, |l| l.line()),
            format!("not valid YAML ({}); ignored", first_line(&e.to_string())),
        ),
    }
    notes.list.extend(side.list);
}

/// Front matter that YAML rejects: each `key: value` line on its own (`tag:General`
/// without a space included), and every other line named in a note.
fn read_front_matter_lines(fm: &[&str], meta: &mut Meta, notes: &mut Notes) {
    for (i, line) in fm.iter().enumerate() {
        let line_no = i + 2;
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        match t.split_once(':') {
            Some((key, value)) if !key.trim().is_empty() && !key.contains(' ') => {
                let value = value.trim().trim_matches(['"', '\'']);
                meta.field(&key.trim().to_ascii_lowercase(), value, line_no, notes);
            }
            _ => notes.at(
                line_no,
                format!("front matter line `{t}` not understood; dropped"),
            ),
        }
    }
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

/// A scalar, or a list of scalars joined by commas (how `consulted: [a, b]`
/// is best shown in a note, and how `people` splits it again).
fn yaml_text(v: &yaml_serde::Value) -> Option<String> {
    match v {
        yaml_serde::Value::Sequence(items) => items
            .iter()
            .map(yaml_scalar)
            .collect::<Option<Vec<_>>>()
            .map(|v| v.join(", ")),
        _ => yaml_scalar(v),
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

/// Where the author's prose starts in a status paragraph that opens with its status
/// (`Proposed 2026-09-24, prototype. Behind a flag until …`, `**Proposed.** The founder
/// decided …`): the byte of the first clause or sentence that is not a status word (with
/// only a date or a release after it), a relation or a relation's continuation, when one
/// such came first. `None` when nothing comes first or nothing follows: the paragraph is
/// read as a whole, as [`Meta::status_text`] reads it.
fn status_prose_start(text: &str) -> Option<usize> {
    let mut read = false;
    let mut after_relation = false;
    for sentence in sentences(text) {
        for clause in split_top_level(sentence) {
            let at = clause.as_ptr() as usize - text.as_ptr() as usize;
            if clause.trim().is_empty() {
                continue;
            }
            match status_clause(clause, after_relation) {
                Some(relation) => {
                    read = true;
                    after_relation = relation;
                }
                None => {
                    return read.then(|| at + (clause.len() - clause.trim_start().len()));
                }
            }
        }
    }
    None
}

/// The sentences of `text`: each ends at `.`, `!` or `?` (and the emphasis closing over
/// it, `**Proposed.**`) before a space, outside brackets, parentheses and code.
fn sentences(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let (mut out, mut start, mut depth, mut code) = (Vec::new(), 0, 0i32, false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => code = !code,
            b'[' | b'(' if !code => depth += 1,
            b']' | b')' if !code => depth -= 1,
            b'.' | b'!' | b'?' if !code && depth <= 0 => {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'*' | b'_') {
                    j += 1;
                }
                if j == bytes.len() || bytes[j].is_ascii_whitespace() {
                    out.push(&text[start..j]);
                    start = j;
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Whether one clause of a status paragraph says the status as [`Meta::status_text`]
/// reads it cleanly: `Some(true)` for a relation (or its list going on), `Some(false)`
/// for a status word with nothing after it but a date or a release, or a status in bold
/// before its evidence; `None` for anything else.
fn status_clause(written: &str, after_relation: bool) -> Option<bool> {
    let written = written
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii() && !c.is_alphanumeric())
        .trim();
    let part = match bold_lead(written) {
        Some((_, rest)) if rest.starts_with(['(', '[']) => return Some(false),
        _ => strip_emphasis(written),
    };
    let part = part.trim_end_matches('.').trim();
    if other_relation(part).is_some() || relation_prefix(part).is_some() {
        return Some(true);
    }
    if after_relation && is_continuation(part) {
        return Some(true);
    }
    let lower = part.to_ascii_lowercase();
    let (_, len) = status_word(&lower)?;
    let rest = part[len..].trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '(' | ')' | ',')
    });
    let rest = ["on ", "since ", "in "]
        .iter()
        .find_map(|p| strip_prefix_ci(rest, p))
        .unwrap_or(rest);
    (rest.is_empty() || parse_date(rest).is_some() || is_release_qualifier(rest)).then_some(false)
}

/// `**Implemented** (links)` → ("Implemented", "(links)"): a status in bold with more
/// after it.
fn bold_lead(s: &str) -> Option<(&str, &str)> {
    let mark = ["**", "__"].into_iter().find(|m| s.starts_with(m))?;
    let inner = &s[2..];
    let end = inner.find(mark)?;
    Some((inner[..end].trim(), inner[end + 2..].trim()))
}

/// What follows a status word to say in which release or review period, not a sentence
/// of the author's: a few words with a number (`Swift 5.1`, `Kotlin 1.1`, `2.2`,
/// `May 15...May 29, 2024`).
fn is_release_qualifier(rest: &str) -> bool {
    rest.contains(|c: char| c.is_ascii_digit()) && rest.split_whitespace().count() <= 4
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

/// A status that offers its choices rather than making one: `proposed | accepted`,
/// `[proposed, accepted, rejected]`, as templates write it.
fn is_choice_list(s: &str) -> bool {
    let s = s.trim();
    if s.contains('|') {
        return true;
    }
    let inside = match (s.chars().next(), s.chars().last()) {
        (Some('['), Some(']')) | (Some('{'), Some('}')) if s.len() >= 2 => &s[1..s.len() - 1],
        _ => return false,
    };
    let lower = inside.to_lowercase();
    lower
        .split([',', '/'])
        .flat_map(|part| part.split(" or "))
        .filter(|part| {
            let part = part.trim();
            status_word(part).is_some_and(|(_, len)| len == part.len())
        })
        .count()
        >= 2
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

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// "Supersedes …" / "Superseded by …", in the spellings adr-tools and people
/// have used ("Superceded" was adr-tools' own for years).
fn relation_prefix(s: &str) -> Option<(Relation, &str)> {
    const BY: [&str; 8] = [
        "superseded by",
        "superceded by",
        "superseeded by",
        "replaced by",
        "remplacé par",
        "ersetzt durch",
        "reemplazado por",
        "substituído por",
    ];
    const OF: [&str; 4] = ["supersedes", "supercedes", "superseeds", "replaces"];
    for p in BY {
        if let Some(rest) = strip_prefix_ci(s, p) {
            return Some((Relation::SupersededBy, rest.trim_start_matches(':')));
        }
    }
    for p in OF {
        if let Some(rest) = strip_prefix_ci(s, p)
            && rest.starts_with([' ', ':', '['])
        {
            return Some((Relation::Supersedes, rest.trim_start_matches(':')));
        }
    }
    None
}

fn is_continuation(s: &str) -> bool {
    s.starts_with(['[', '#'])
        || s.starts_with(|c: char| c.is_ascii_digit())
        || strip_prefix_ci(s, "and ").is_some()
        || strip_prefix_ci(s, "adr").is_some()
}

/// Maps a status phrase at the start of `lower` to orgbook's word; returns
/// the phrase's length too. Synonyms seen in real records map to the nearest
/// orgbook status, and the caller reports that it did so.
fn status_word(lower: &str) -> Option<(&'static str, usize)> {
    STATUS_WORDS
        .iter()
        .chain(TRANSLATED_STATUS_WORDS)
        .chain(PROCESS_STATUS_WORDS)
        .filter(|(phrase, _)| {
            lower.starts_with(phrase)
                && !lower[phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|&(phrase, status)| (status, phrase.len()))
}

/// Status words and their synonyms in the formats' and tools' English → orgbook's status.
const STATUS_WORDS: &[(&str, &str)] = &[
    ("proposed", "proposed"),
    ("accepted", "accepted"),
    ("rejected", "rejected"),
    ("deprecated", "deprecated"),
    ("superseded", "superseded"),
    ("superceded", "superseded"),
    ("superseeded", "superseded"),
    ("draft", "proposed"),
    ("pending", "proposed"),
    ("in review", "proposed"),
    ("under review", "proposed"),
    ("in progress", "proposed"),
    ("open", "proposed"),
    ("rfc", "proposed"),
    ("wip", "proposed"),
    // Ember's RFC stages.
    ("exploring", "proposed"),
    ("ready-for-release", "accepted"),
    ("released", "accepted"),
    ("recommended", "accepted"),
    ("discontinued", "deprecated"),
    // Kubernetes' KEP statuses.
    ("provisional", "proposed"),
    ("implementable", "accepted"),
    ("deferred", "proposed"),
    ("replaced", "deprecated"),
    ("approved", "accepted"),
    ("agreed", "accepted"),
    ("adopted", "accepted"),
    ("decided", "accepted"),
    ("implemented", "accepted"),
    ("done", "accepted"),
    ("declined", "rejected"),
    ("refused", "rejected"),
    ("withdrawn", "rejected"),
    ("abandoned", "rejected"),
    ("obsolete", "deprecated"),
    ("retired", "deprecated"),
    // A decision log's row for a decision taken and then undone: no longer in force.
    ("reverted", "deprecated"),
    ("rolled back", "deprecated"),
    ("deprecated by", "deprecated"),
];

/// The stages of open projects' proposal processes, each documented by its process and
/// mapped as docs/import.md's table says, so they are not noted record by record as a
/// synonym is: a proposal still under discussion is proposed, one that shipped (even as
/// experimental) accepted, one given up rejected.
const PROCESS_STATUS_WORDS: &[(&str, &str)] = &[
    // Ethereum's EIPs and ERCs (EIP-1). Stagnant is a draft nobody moved for six months:
    // still undecided, so the health page lists it as stalled. Living (EIP-1 itself) is
    // in force and kept up to date. Withdrawn is in STATUS_WORDS.
    ("final", "accepted"),
    ("living", "accepted"),
    ("last call", "proposed"),
    ("review", "proposed"),
    ("stagnant", "proposed"),
    // Swift Evolution's review states; Previewing is accepted and shipped in a preview
    // package. Its Implemented, Accepted, Rejected, Withdrawn and Deferred are in STATUS_WORDS.
    ("accepted with revisions", "accepted"),
    ("previewing", "accepted"),
    ("awaiting review", "proposed"),
    ("awaiting implementation", "proposed"),
    ("scheduled for review", "proposed"),
    ("active review", "proposed"),
    ("returned for revision", "proposed"),
    // Kotlin's KEEP: a feature is Experimental, then Beta, then Stable in a release.
    ("stable", "accepted"),
    ("experimental", "accepted"),
    ("beta", "accepted"),
    ("public discussion", "proposed"),
    ("submitted", "proposed"),
    ("prototype implemented", "proposed"),
    // Atlassian's DACI template: its status lozenge, NOT STARTED, IN PROGRESS or
    // COMPLETE (decided; its Outcome row says what was chosen). In progress is in
    // STATUS_WORDS.
    ("not started", "proposed"),
    ("complete", "accepted"),
    ("completed", "accepted"),
    // Oxide's RFD states: an idea and its discussion are proposed; published (the
    // discussion converged) and committed (implemented) are decided. Abandoned is in
    // STATUS_WORDS.
    ("prediscussion", "proposed"),
    ("ideation", "proposed"),
    ("discussion", "proposed"),
    ("published", "accepted"),
    ("committed", "accepted"),
];

/// Whether `phrase` (lowercase) is a stage of a proposal process, mapped without a note.
fn is_process_word(phrase: &str) -> bool {
    PROCESS_STATUS_WORDS.iter().any(|(p, _)| *p == phrase)
}

/// The same in the languages MADR is translated into and organisations write records in.
const TRANSLATED_STATUS_WORDS: &[(&str, &str)] = &[
    ("proposé", "proposed"),
    ("proposée", "proposed"),
    ("brouillon", "proposed"),
    ("en cours", "proposed"),
    ("accepté", "accepted"),
    ("acceptée", "accepted"),
    ("adopté", "accepted"),
    ("validé", "accepted"),
    ("rejeté", "rejected"),
    ("rejetée", "rejected"),
    ("refusé", "rejected"),
    ("déprécié", "deprecated"),
    ("obsolète", "deprecated"),
    ("remplacé", "superseded"),
    ("vorgeschlagen", "proposed"),
    ("entwurf", "proposed"),
    ("akzeptiert", "accepted"),
    ("angenommen", "accepted"),
    ("abgelehnt", "rejected"),
    ("veraltet", "deprecated"),
    ("ersetzt", "superseded"),
    ("abgelöst", "superseded"),
    ("propuesto", "proposed"),
    ("propuesta", "proposed"),
    ("borrador", "proposed"),
    ("aceptado", "accepted"),
    ("aceptada", "accepted"),
    ("aprobado", "accepted"),
    ("rechazado", "rejected"),
    ("rechazada", "rejected"),
    ("obsoleto", "deprecated"),
    ("reemplazado", "superseded"),
    ("proposto", "proposed"),
    ("aceito", "accepted"),
    ("aprovado", "accepted"),
    ("rejeitado", "rejected"),
    ("substituído", "superseded"),
];

/// Whether a status word is a translation: the word itself, not a synonym to check.
fn is_translation(word: &str) -> bool {
    TRANSLATED_STATUS_WORDS.iter().any(|(w, _)| *w == word)
}

/// Decision numbers referred to in `s`: from each link's target file name
/// (`0009-x.md`) or else its label (`[9. Title]`, `[ADR-0009]`); without
/// links, from `ADR-0009`, `#9` or a bare number.
fn refs(s: &str) -> Vec<Ref> {
    let mut out = Vec::new();
    let links = links(s);
    if links.is_empty() {
        for token in s.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
            // `reemplazado por `0007``: the number in a code span is the number.
            if let Some(n) = label_number(token.trim_end_matches('.').trim_matches('`')) {
                push_unique(
                    &mut out,
                    Ref {
                        number: Some(n),
                        file: None,
                        link: None,
                    },
                );
            }
        }
    }
    for (label, dest) in links {
        let file = dest.and_then(link_stem);
        let from_dest = file
            .as_deref()
            .and_then(|f| stem_date(f).is_none().then(|| stem_number(f)).flatten())
            .map(|(n, _)| n);
        let number = from_dest.or_else(|| label_number(label));
        if number.is_some() || file.is_some() {
            let link = dest.map(|d| (label.to_owned(), d.to_owned()));
            push_unique(&mut out, Ref { number, file, link });
        }
    }
    out
}

/// A relation target: the number it names and, for a link, the target's file stem.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ref {
    number: Option<u32>,
    file: Option<String>,
    /// The link's text and destination, as written.
    link: Option<(String, String)>,
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

/// A heading's text without the attribute block that closes it (`Title {#adr_0018}`, as
/// Wikibase's records give each its Doxygen anchor; Pandoc's and kramdown's `{: #id
/// .class}`): the block names the heading's anchor and classes, which the build reads as
/// such, so it is no part of the title. Braces that are not attributes (`Use {x}`) stay.
fn without_heading_attributes(title: &str) -> &str {
    let trimmed = title.trim_end();
    let Some(inner) = trimmed.strip_suffix('}') else {
        return title;
    };
    let Some(open) = inner.rfind('{') else {
        return title;
    };
    let before = &inner[..open];
    let attrs = inner[open + 1..].trim_start_matches(':').trim();
    let is_attribute = |t: &str| {
        (t.len() > 1 && t.starts_with(['#', '.']))
            || t.split_once('=').is_some_and(|(k, _)| !k.is_empty())
    };
    if before.ends_with(char::is_whitespace)
        && !attrs.is_empty()
        && attrs.split_whitespace().all(is_attribute)
    {
        before.trim_end()
    } else {
        title
    }
}

/// The text of one line of inline Markdown, as a reader sees it.
fn inline_text(title: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    // A heading's text starting like a block (`1.`, `- `, `#`, `>`) would parse as a list,
    // heading or quote; escaping its first character keeps it text. Only then: an escaped
    // backtick would break a code span at the start.
    let digits = title.len() - title.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let block_like = title.starts_with(['#', '>', '='])
        || ["- ", "+ ", "* "].iter().any(|p| title.starts_with(p))
        || (digits > 0 && title[digits..].starts_with(['.', ')']));
    let escaped = if block_like {
        format!("\\{title}")
    } else {
        title.to_owned()
    };
    let mut out = String::new();
    for event in Parser::new(&escaped) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// Why a file is an unfilled template rather than a record: recognised by what it
/// says (a placeholder title or status), never by its name, because a record titled
/// "Use handlebars templates" is a record.
fn template_reason(raw_title: &str, file_numbered: bool, meta: &Meta) -> Option<String> {
    let title = raw_title.trim();
    if is_placeholder(title) {
        return Some(format!("its title `{title}` is a placeholder"));
    }
    // A record whose author left the template's `n.` in its title still has a number
    // in its file name (`0010-django-templates.md`); a template's file has none either
    // (`NNNN-kep-template/`).
    let (number, words) = title_number(title);
    if number == TitleNumber::Placeholder && !file_numbered {
        return Some(format!(
            "its title `{title}` has a placeholder number, and its file name no number"
        ));
    }
    let upper_words = ["NUMBER", "TITLE", "NNNN"];
    if upper_words.iter().any(|w| {
        words
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| t == *w)
    }) {
        return Some(format!("its title `{title}` is a placeholder"));
    }
    if meta.placeholder_status {
        return Some("its status is a list of choices to pick from".to_owned());
    }
    // A real record whose author forgot the date still has a status.
    if meta.placeholder_date && meta.status.is_empty() && meta.date.is_none() {
        return Some("its date is an unfilled template value".to_owned());
    }
    // `# 0. Template`, `# ADR template`: a record would say what it decides.
    let plain = plain_text(&split_title_number(title).1).to_lowercase();
    let words: Vec<&str> = plain.split_whitespace().collect();
    if let Some((last, before)) = words.split_last()
        && *last == "template"
        && before.iter().all(|w| {
            matches!(
                *w,
                "a" | "an"
                    | "the"
                    | "adr"
                    | "madr"
                    | "rfc"
                    | "decision"
                    | "record"
                    | "architecture"
                    | "architectural"
            )
        })
    {
        return Some(format!("its title `{title}` names a template"));
    }
    None
}

/// A heading that names a section of a record rather than the record: what an RFC or a
/// design document opens with when its title lives elsewhere.
fn is_section_name(heading: &str) -> bool {
    let name = heading
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "summary"
            | "abstract"
            | "motivation"
            | "introduction"
            | "overview"
            | "background"
            | "context"
            | "context and problem statement"
            | "problem statement"
            | "tl;dr"
    )
}

/// A status word misspelt (`Depreciated`, `Acepted`): the canonical status within two
/// edits of the first word, with the word's length. Short words are not guessed.
fn nearest_status(lower: &str) -> Option<(&'static str, usize)> {
    let word_len = lower
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(lower.len());
    let word = &lower[..word_len];
    if word.len() < 5 {
        return None;
    }
    [
        "proposed",
        "accepted",
        "rejected",
        "deprecated",
        "superseded",
    ]
    .into_iter()
    .map(|s| (strsim::levenshtein(word, s), s))
    .filter(|&(d, _)| d <= 2)
    .min()
    .map(|(_, s)| (s, word_len))
}

/// Relations orgbook has no key for, which are kept as text: adr-tools' `Amends`,
/// `Amended by`, `Clarifies`, `Clarified by`, and the like.
fn other_relation(part: &str) -> Option<&str> {
    const PREFIXES: [&str; 18] = [
        // ADRFlow's link words (`mentions [6](6-….md)`, `generalized_by [7](…)`).
        "mentions",
        "mentioned by",
        "generalized_by",
        "generalized by",
        "amends",
        "amended by",
        "clarifies",
        "clarified by",
        "extends",
        "extended by",
        "relates to",
        "related to",
        "related",
        "see also",
        "see",
        "depends on",
        "refines",
        "refined by",
    ];
    PREFIXES
        .iter()
        .any(|p| {
            strip_prefix_ci(part, p)
                .is_some_and(|rest| rest.starts_with([' ', ':', '[']) && rest.contains('['))
        })
        .then_some(part)
}

/// `[label](dest)` and bare `[label]` in one line of text.
fn links(s: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let mut depth = 0;
        let Some(close) = rest[open..].char_indices().find_map(|(i, c)| {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open + i);
                    }
                }
                _ => {}
            }
            None
        }) else {
            break;
        };
        let label = &rest[open + 1..close];
        let after = &rest[close + 1..];
        if let Some(inner) = after.strip_prefix('(')
            && let Some(end) = inner.find(')')
        {
            out.push((label, Some(inner[..end].trim())));
            rest = &inner[end + 1..];
        } else {
            out.push((label, None));
            rest = after;
        }
    }
    out
}

/// `[x] Decided` → (true, "Decided"), `[ ] Deferred` → (false, "Deferred"): a task
/// list's item, ticked or not.
fn task_item(s: &str) -> Option<(bool, &str)> {
    let rest = s.strip_prefix('[')?;
    let (ticked, rest) = match rest.as_bytes().first()? {
        b'x' | b'X' => (true, &rest[1..]),
        b' ' => (false, &rest[1..]),
        _ => return None,
    };
    let rest = rest.strip_prefix(']')?;
    rest.starts_with(char::is_whitespace)
        .then(|| (ticked, rest.trim()))
}

/// The first reference link `[text][label]` in `s`: (text, label).
fn reference_link(s: &str) -> Option<(&str, &str)> {
    let open = s.find('[')?;
    let (text, after) = s[open + 1..].split_once("][")?;
    let (label, _) = after.split_once(']')?;
    (!text.contains(['[', ']']) && !label.contains('[')).then_some((text, label))
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

/// `7. Use X` → (7, "Use X"); `ADR-007: Use X` → (7, "Use X"). Without an
/// `ADR` prefix the number needs `.`, `:`, `)` or ` - ` after it, so a title
/// like "2024 roadmap" keeps its number. A placeholder number (`n. Use X`,
/// `ADR-NNNN: Use X`) leaves the title as a real number does, without a number.
fn split_title_number(title: &str) -> (Option<u32>, String) {
    match title_number(title) {
        (TitleNumber::Number(n), rest) => (Some(n), rest),
        (_, rest) => (None, rest),
    }
}

/// The title after a leading `n ` (the number `n` and a space), if it starts so.
fn number_and_space(title: &str, n: u32) -> Option<&str> {
    let t = title.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number: u32 = t.get(..digits)?.parse().ok()?;
    let rest = t[digits..].strip_prefix(' ')?.trim_start();
    (number == n && !rest.is_empty()).then_some(rest)
}

/// What numbers a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TitleNumber {
    None,
    Number(u32),
    /// The template's `n.`, `NNNN.` or `XXXX.` that the author never replaced.
    Placeholder,
}

/// [`split_title_number`], telling a placeholder number from no number: a template
/// names its number so, and a real record with a left-over `n.` is told apart by its
/// file name's number.
fn title_number(title: &str) -> (TitleNumber, String) {
    let t = title.trim();
    // `ADR-7`, and the other series records are numbered in: Kubernetes' `KEP-3960:`,
    // `RFC 430:`, Swift Evolution's `SE-0001:`, `PEP 8:`, Oxide's `RFD 0005:`, a decision
    // record's `DR 5:` (VA.gov's teams number theirs so). Only `ADR`
    // and `RFD` may be followed by a bare space ("ADR 7 Use X", Oxide's "RFD 12 Host OS
    // update policy"): "RFC 2119 keywords" is a title, not RFC 2119.
    let (after_prefix, has_prefix, strict) = ["adr", "kep", "rfc", "rfd", "se", "pep", "dr"]
        .iter()
        .find_map(|p| {
            let r = strip_prefix_ci(t, p)?.trim_start_matches(['-', '_', ' ', '#']);
            (r.starts_with(|c: char| c.is_ascii_digit())
                || placeholder_number(r, *p == "adr").is_some())
            .then_some((r, true, !matches!(*p, "adr" | "rfd")))
        })
        .unwrap_or((t, false, false));
    let digits = after_prefix.len()
        - after_prefix
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        return match placeholder_number(after_prefix, has_prefix && !strict) {
            Some(rest) if !rest.is_empty() => (TitleNumber::Placeholder, rest.to_owned()),
            Some(_) => (TitleNumber::Placeholder, t.to_owned()),
            None => (TitleNumber::None, t.to_owned()),
        };
    }
    let rest = &after_prefix[digits..];
    // `RFC 531 WIP: Use X`: a draft marker between a series number and the title is the
    // record's state, not its title's first word.
    let rest = match draft_marker(rest) {
        Some(colon) if has_prefix => colon,
        _ => rest,
    };
    let separated = if strict {
        rest.is_empty()
            || rest.starts_with(['.', ':', ')'])
            || [" - ", " – ", " — "].iter().any(|s| rest.starts_with(s))
    } else if has_prefix {
        rest.is_empty() || rest.starts_with([' ', '.', ':', ')', '-', '–', '—'])
    } else {
        rest.starts_with(['.', ':', ')']) || rest.starts_with(" - ") || rest.starts_with(" – ")
    };
    let Ok(number) = after_prefix[..digits].parse() else {
        return (TitleNumber::None, t.to_owned());
    };
    if !separated {
        return (TitleNumber::None, t.to_owned());
    }
    let rest = trim_number_separator(rest);
    if rest.is_empty() {
        // "# ADR-007" alone: the number is all there is, keep it as the title.
        return (TitleNumber::Number(number), t.to_owned());
    }
    (TitleNumber::Number(number), rest.to_owned())
}

/// `rest` from its colon when it is ` WIP:` or ` Draft:` (any case) and a colon.
fn draft_marker(rest: &str) -> Option<&str> {
    let word = rest.strip_prefix(' ')?;
    ["wip", "draft"].iter().find_map(|w| {
        let after = strip_prefix_ci(word, w)?;
        after.starts_with(':').then_some(after)
    })
}

fn trim_number_separator(rest: &str) -> &str {
    rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | ')' | '-' | '–' | '—')
    })
}

/// The title after a placeholder number at its start (`n. Use X`, `NNNN: Use X`,
/// `XXXX - Use X`), or `None` when it starts otherwise. `after_adr` allows what may
/// follow `ADR-7` (a bare space); otherwise one letter needs `. ` after it ("X: the
/// platform" is a name), and more letters `.`, `:` or ` - `.
fn placeholder_number(s: &str, after_adr: bool) -> Option<&str> {
    let first = s
        .chars()
        .next()
        .filter(|c| matches!(c, 'n' | 'N' | 'x' | 'X'))?;
    let len = s.len() - s.trim_start_matches(first).len();
    let rest = &s[len..];
    let separated = if after_adr {
        rest.is_empty() || rest.starts_with([' ', '.', ':', ')', '-', '–', '—'])
    } else if len == 1 {
        rest.starts_with(". ")
    } else {
        rest.starts_with(['.', ':']) || rest.starts_with(" - ") || rest.starts_with(" – ")
    };
    (len <= 8 && separated).then(|| trim_number_separator(rest))
}

/// One name of a list of people as a record names them: `Ana Lima <ana@example.org>`,
/// `Jan Klop (@jklop)` and `Donny Peeters <@donnype>` are the person before the address or
/// handle. `None`, with a note, for what a template left unfilled (`<name>`, `@ approver`,
/// `Type /date`, `TBD`): no person, and no person page either.
fn named_person(name: &str, role: &str, line: usize, notes: &mut Notes) -> Option<String> {
    let mut person = name.trim();
    if let Some(open) = person.rfind('<')
        && person.ends_with('>')
        && !person[..open].trim().is_empty()
    {
        person = person[..open].trim_end();
    }
    if let Some(open) = person.rfind('(')
        && person.ends_with(')')
        && person[open..].contains('@')
        && !person[..open].trim().is_empty()
    {
        person = person[..open].trim_end();
    }
    if is_person_placeholder(person) {
        notes.at(
            line,
            format!("{role} `{person}` looks like an unfilled template; left out"),
        );
        return None;
    }
    Some(person.to_owned())
}

/// A template's stand-in for a person: bracketed (`<name>`, `{owner}`, `[Name]`), an
/// empty mention (`@ approver`, as Confluence leaves an unfilled one), a slash command
/// (`Type /date`), or a word that names a role or nobody (`TBD`, `Owner`).
fn is_person_placeholder(name: &str) -> bool {
    let name = name.trim();
    let wrapped = |open: char, close: char| name.starts_with(open) && name.ends_with(close);
    let lower = name.to_lowercase();
    name.is_empty()
        || wrapped('<', '>')
        || wrapped('{', '}')
        || wrapped('[', ']')
        || name == "@"
        || name.starts_with("@ ")
        || lower.starts_with("type /")
        || name.starts_with('/')
        || matches!(
            lower.as_str(),
            "tbd"
                | "tba"
                | "n/a"
                | "-"
                | "–"
                | "—"
                | "?"
                | "name"
                | "names"
                | "your name"
                | "author"
                | "authors"
                | "owner"
                | "approver"
                | "approvers"
                | "driver"
                | "decider"
                | "deciders"
        )
}

/// `Alice, Bob and Carol` → three names; a name written as a link is its text.
fn split_people(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split([',', ';', '&']) {
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (name, next) = match lower.find(" and ") {
                Some(i) => (&rest[..i], Some(&rest[i + 5..])),
                None => (rest, None),
            };
            let name = strip_emphasis(name.trim());
            // `[@ann](https://github.com/ann)`, `[Ann Lee](mailto:…)`: the person is the
            // link's text, as a bare `@ann` in the next record is.
            let name = if name.contains("](") {
                inline_text(name)
            } else {
                name.to_owned()
            };
            // `@Tomás Ferreira`: a mention by display name, as Confluence and Notion export
            // one, is the person a charter lists as `Tomás Ferreira`; `@ann`, a handle, is
            // kept as written.
            let name = match name.strip_prefix('@').map(str::trim) {
                Some(display) if display.contains(char::is_whitespace) => display.to_owned(),
                _ => name,
            };
            if !name.is_empty() {
                out.push(name);
            }
            match next {
                Some(n) => rest = n,
                None => break,
            }
        }
    }
    out
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

/// `March 2024`, `Mar 2024` → 2024-03-01.
fn month_and_year(s: &str) -> Option<Date> {
    let mut words = s.split_whitespace();
    let (month, year) = (words.next()?, words.next()?);
    if words.next().is_some() || year.len() != 4 {
        return None;
    }
    let month = month.trim_end_matches([',', '.']).to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let m = MONTHS
        .iter()
        .position(|name| month.len() >= 3 && name.starts_with(&month))?;
    Date::new(year.parse().ok()?, i8::try_from(m + 1).ok()?, 1).ok()
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

#[cfg(test)]
mod tests {
    use super::super::{import_dir, reconcile, to_orgbook_file};
    use super::*;
    use jiff::civil::date;
    use std::path::PathBuf;

    fn opts() -> ImportOptions {
        ImportOptions {
            git_dates: false,
            ..ImportOptions::new("platform", 2, date(2026, 3, 1))
        }
    }

    fn fixture_dir(format: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/import")
            .join(format)
    }

    fn import(format: &str) -> Vec<ImportedDecision> {
        let c = import_dir(&fixture_dir(format), &opts()).unwrap();
        assert!(c.errors.is_empty(), "{:?}", c.errors);
        c.decisions
    }

    fn parse(name: &str, text: &str) -> ImportedDecision {
        parse_adr(name, text, &opts()).unwrap()
    }

    /// What the written file says, read back with the toml crate.
    struct RoundTrip {
        title: String,
        status: String,
        date: String,
        decided: Option<String>,
        supersedes: Vec<i64>,
        deciders: Vec<String>,
        body: String,
    }

    fn round_trip(d: &ImportedDecision) -> RoundTrip {
        let file = to_orgbook_file(d, &opts());
        let rest = file.strip_prefix("+++\n").expect("opens with +++");
        let (fm, body) = rest.split_once("\n+++\n").expect("closes with +++");
        let t: toml::Table = toml::from_str(fm).unwrap_or_else(|e| panic!("{e}\n{fm}"));
        let date = |k: &str| {
            t.get(k)
                .map(|v| v.as_datetime().expect("a TOML date").to_string())
        };
        let strings = |k: &str| -> Vec<String> {
            t.get(k).map_or(vec![], |v| {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap().to_owned())
                    .collect()
            })
        };
        assert_eq!(t["team"].as_str(), Some("platform"));
        assert_eq!(t["type"].as_integer(), Some(2));
        RoundTrip {
            title: t["title"].as_str().unwrap().to_owned(),
            status: t["status"].as_str().unwrap().to_owned(),
            date: date("date").unwrap(),
            decided: date("decided"),
            supersedes: t.get("supersedes").map_or(vec![], |v| {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|n| n.as_integer().unwrap())
                    .collect()
            }),
            deciders: strings("deciders"),
            body: body.to_owned(),
        }
    }

    #[test]
    fn nygard_fixtures_import_and_round_trip() {
        let ds = import("nygard");
        let names: Vec<_> = ds.iter().map(|d| d.file_name()).collect();
        assert_eq!(
            names,
            [
                "0001-record-architecture-decisions.md",
                "0002-use-postgresql-for-persistence.md",
                "0003-move-to-aurora-postgresql.md",
                "0004-split-read-models-into-dynamodb.md",
            ]
        );
        let expect = [
            // number, title, status, date, decided, supersedes
            (
                1,
                "Record architecture decisions",
                "accepted",
                "2019-02-04",
                Some("2019-02-04"),
                vec![],
            ),
            (
                2,
                "Use PostgreSQL for persistence",
                "superseded",
                "2019-02-11",
                Some("2019-02-11"),
                vec![],
            ),
            // 3 never said it supersedes 2; reconcile takes it from 2's "Superseded by".
            (
                3,
                "Move to Aurora PostgreSQL",
                "superseded",
                "2020-09-12",
                Some("2020-09-12"),
                vec![2],
            ),
            (
                4,
                "Split read models into DynamoDB",
                "accepted",
                "2024-03-14",
                Some("2024-03-14"),
                vec![3],
            ),
        ];
        for (d, (number, title, status, date, decided, supersedes)) in ds.iter().zip(expect) {
            assert_eq!(d.number, number);
            let rt = round_trip(d);
            assert_eq!(rt.title, title, "{}", d.source);
            assert_eq!(rt.status, status, "{}", d.source);
            assert_eq!(rt.date, date, "{}", d.source);
            assert_eq!(rt.decided.as_deref(), decided, "{}", d.source);
            assert_eq!(rt.supersedes, supersedes, "{}", d.source);
            assert!(rt.deciders.is_empty());
            assert!(
                !rt.body.contains("## Status") && !rt.body.contains("Date:"),
                "{}",
                rt.body
            );
            assert!(
                rt.body.starts_with("\n## Context\n"),
                "{}: {:?}",
                d.source,
                rt.body
            );
        }
        assert_eq!(ds[1].superseded_by, vec![3]);
        assert_eq!(ds[2].superseded_by, vec![4]);

        // The code block's `# the projector…` is not a heading and stays.
        assert!(ds[3].body.contains("```sh\n# the projector is deployed"));
        assert!(
            ds[3]
                .body
                .contains("[the Aurora decision](0003-move-to-aurora-postgresql.md#decision)")
        );

        let notes = |i: usize| ds[i].unmapped.join("\n");
        assert!(notes(0).contains(
            "0001-record-architecture-decisions.md:3: date `04/02/2019` read as day/month/year"
        ));
        assert!(
            notes(2)
                .contains("added 2 to supersedes, because 0002-use-postgresql-for-persistence.md")
        );
        // "Amended by" is kept in the body; its target is not in the folder, so
        // its text stays without the link.
        assert!(
            ds[3]
                .body
                .ends_with("## Related decisions\n\n- Amended by 5. Cache read models in Redis\n"),
            "{}",
            ds[3].body
        );
        assert!(ds[1].unmapped.is_empty(), "{:?}", ds[1].unmapped);
    }

    /// An image the source links under a typo'd name (JabRef's `assets/ass0040-….png`):
    /// named in the report with the file the folder has, its link left as its text, so
    /// the first build does not fail on it.
    #[test]
    fn a_missing_image_is_named_with_the_file_the_folder_has() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("assets")).unwrap();
        std::fs::write(dir.path().join("assets/0040-placement.png"), b"png").unwrap();
        std::fs::write(
            dir.path().join("0040-cover.md"),
            "# Show the cover\n\n* Status: accepted\n* Date: 2024-05-01\n\n![Placement](assets/ass0040-placement.png)\n",
        )
        .unwrap();
        let results = import_dir(dir.path(), &opts()).unwrap();
        let d = &results.decisions[0];
        assert!(!d.body.contains("ass0040"), "{}", d.body);
        assert!(
            results.repository_links.iter().any(|n| n.contains(
                "links to `assets/ass0040-placement.png`, which does not exist in the source (the folder has `0040-placement.png`"
            )),
            "{:?}",
            results.repository_links
        );
    }

    /// A Hugo docs site's ADR folder (ownCloud's) has a section page, `_index.md`, with a
    /// title and a date in its front matter: it is the folder's page, not a record.
    #[test]
    fn a_hugo_section_page_is_not_a_record() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("_index.md"),
            "---\ntitle: \"Architecture Decisions\"\ndate: 2020-03-01T00:00:00+00:00\nweight: 10\n---\n\nThe decisions of the project.\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("0001-use-grpc.md"),
            "---\ntitle: \"1. Use gRPC\"\ndate: 2020-03-02\n---\n\n* Status: accepted\n\n## Context\n\nServices talk.\n",
        )
        .unwrap();
        let results = import_dir(dir.path(), &opts()).unwrap();
        let skipped: Vec<&str> = results.skipped.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(skipped, ["_index.md"]);
        let imported: Vec<&str> = results
            .decisions
            .iter()
            .map(|d| d.source.as_str())
            .collect();
        assert_eq!(imported, ["0001-use-grpc.md"]);
    }

    #[test]
    fn madr_fixtures_import_and_round_trip() {
        let results = import_dir(&fixture_dir("madr"), &opts()).unwrap();
        let files: Vec<_> = results
            .decisions
            .iter()
            .map(|d| d.source.as_str())
            .collect();
        let skipped: Vec<_> = results.skipped.iter().map(|s| s.0.as_str()).collect();
        assert_eq!(skipped, ["README.md", "adr-template.md"]);
        assert_eq!(
            files,
            [
                "0001-use-markdown-architectural-decision-records.md",
                "0002-use-rabbitmq-for-payment-events.md",
                "0003-use-quorum-queues.md",
                "0004-use-kafka-for-payment-events.md",
            ],
            "README.md and adr-template.md are skipped"
        );
        let ds = import("madr");
        let expect = [
            (
                1,
                "Use Markdown Architectural Decision Records",
                "accepted",
                "2021-05-04",
                vec![],
                vec!["Alice Jones", "Bob Smith"],
            ),
            // 2 still says accepted; 4 says it supersedes 2.
            (
                2,
                "Use RabbitMQ for payment events",
                "superseded",
                "2021-06-10",
                vec![],
                vec!["Alice Jones", "Carol White", "Dan Brown"],
            ),
            (
                3,
                "Use quorum queues for payment events",
                "superseded",
                "2022-01-20",
                vec![],
                vec!["Carol White", "Dan Brown"],
            ),
            // 4 only says it supersedes 2; 3's front matter adds 3.
            (
                4,
                "Use Kafka for payment events",
                "accepted",
                "2024-03-14",
                vec![2, 3],
                vec!["Carol White", "Erin \"EJ\" O'Neil"],
            ),
        ];
        for (d, (number, title, status, date, supersedes, deciders)) in ds.iter().zip(expect) {
            assert_eq!(d.number, number);
            let rt = round_trip(d);
            assert_eq!(rt.title, title, "{}", d.source);
            assert_eq!(rt.status, status, "{}", d.source);
            assert_eq!(rt.date, date, "{}", d.source);
            assert_eq!(rt.decided.as_deref(), Some(date), "{}", d.source);
            assert_eq!(rt.supersedes, supersedes, "{}", d.source);
            assert_eq!(rt.deciders, deciders, "{}", d.source);
            assert!(
                !rt.body.contains("Status:") && !rt.body.contains("---"),
                "{}",
                rt.body
            );
        }
        assert_eq!(
            ds[0].body.lines().next(),
            Some("Technical Story: PAY-112 <!-- optional -->")
        );
        // Who was consulted and informed: kept, at the top.
        assert!(
            ds[3].body.starts_with("- consulted: SRE guild, Data platform team\n- informed: all engineering\n\n## Context and Problem Statement\n"),
            "{}",
            ds[3].body
        );
        assert!(
            ds[3].body.contains(
                "[ADR-0003](0003-use-quorum-queues-for-payment-events.md#decision-outcome)"
            )
        );
        assert!(
            ds[3]
                .body
                .contains("* Supersedes [ADR-0002](0002-use-rabbitmq-for-payment-events.md)")
        );

        let notes = |i: usize| ds[i].unmapped.join("\n");
        assert!(
            notes(1).contains("status changed from accepted to superseded, because decision 4")
        );
        // Who was consulted stays in the body, as written.
        assert!(
            ds[2].body.contains("consulted: SRE guild"),
            "{}",
            ds[2].body
        );
        assert!(!notes(2).contains("consulted"), "{}", notes(2));
        assert!(
            ds[3]
                .body
                .contains("consulted: SRE guild, Data platform team"),
            "{}",
            ds[3].body
        );
        assert!(notes(3).contains("added 3 to supersedes"));
        assert!(ds[0].unmapped.is_empty(), "{:?}", ds[0].unmapped);
    }

    #[test]
    fn adr_style_file_name_and_title_number() {
        let d = parse(
            "adr-007.md",
            "# ADR-007: Use \"Postgres\" for orders\n\n**Status:** Proposed\n**Date:** March 14, 2024\n\n## Context\n\nx\n",
        );
        assert_eq!((d.number, d.slug.as_str()), (7, "use-postgres-for-orders"));
        assert_eq!(d.title, "Use \"Postgres\" for orders");
        assert_eq!(d.status, "proposed");
        assert_eq!(d.date, date(2024, 3, 14));
        assert_eq!(d.decided, None);
        assert_eq!(d.body, "## Context\n\nx\n");
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        assert_eq!(round_trip(&d).title, "Use \"Postgres\" for orders");

        let d = parse(
            "use-postgres.md",
            "# 12. Use Postgres\n\nDate: 2024-03-14\n\n## Status\n\naccepted\n",
        );
        assert_eq!(
            (d.number, d.slug.as_str(), d.status.as_str()),
            (12, "use-postgres", "accepted")
        );
        assert_eq!(d.body, "");

        let d = parse("0008-x.md", "# 9. Title\n\nDate: 2024-03-14\n");
        assert_eq!(d.number, 8);
        assert!(d.unmapped[0].starts_with("0008-x.md:1: the title says 9"));
    }

    #[test]
    fn an_rfc_is_titled_from_its_file_name_and_dated_by_its_start_date() {
        let d = parse(
            "0042-edge-cache.md",
            "- Feature Name: `edge_cache`\n- Start Date: 2020-07-20\n- RFC PR: [#42](https://x.example/42)\n\n# Summary\n\nCache.\n\n# Design\n\n## Keys\n\nBy route.\n",
        );
        assert_eq!(d.title, "Edge Cache");
        assert_eq!(d.date, date(2020, 7, 20));
        assert_eq!(d.number, 42);
        assert_eq!(
            d.body,
            "- Feature Name: `edge_cache`\n- RFC PR: [#42](https://x.example/42)\n\n## Summary\n\nCache.\n\n## Design\n\n### Keys\n\nBy route.\n"
        );
        assert_eq!(
            d.unmapped,
            [
                "0042-edge-cache.md:5: `# Summary` is a section, not a title; the title is made from the file name",
                "0042-edge-cache.md: no status found; imported as proposed (records without a status that were decided: `--status accepted`)"
            ]
        );
        // A record with a real title keeps its sections as they are.
        let d = parse(
            "0007-x.md",
            "# 7. Use X\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n",
        );
        assert_eq!(
            (d.title.as_str(), d.body.as_str()),
            ("Use X", "## Context\n\nWhy.\n")
        );
        // A hand-made record with `#` sections under its title: moved down one level.
        let d = parse(
            "0008-y.md",
            "# 8. Use Y\n\nStatus: accepted\n\n# Context\n\nWhy.\n",
        );
        assert_eq!(
            (d.title.as_str(), d.body.as_str()),
            ("Use Y", "## Context\n\nWhy.\n")
        );
    }

    #[test]
    fn html_comments_hold_no_metadata_and_a_template_is_named_as_one() {
        // A template whose instructions, in a comment, show an example record.
        let text = "<!--\nCopy this file. Example:\n\n# 99. Believe in ghosts\n\nDate: 2001-01-01\n-->\n\n# 0. Template\n\nDate: <!-- today -->\n\n## Status\n\nPending\n\n## Context\n\nWhy.\n";
        let d = parse("0000-TEMPLATE.md", text);
        assert_eq!(
            d.template.as_deref(),
            Some("its title `0. Template` names a template")
        );
        assert_eq!(d.title, "Template");
        // The comment stays whole in the body: nothing was taken out of it.
        assert!(
            d.body
                .contains("# 99. Believe in ghosts\n\nDate: 2001-01-01\n-->"),
            "{}",
            d.body
        );
        // A title that merely ends in the word is a record.
        let d = parse(
            "0004-adopt-a-template-engine.md",
            "# 4. Adopt a template\n\nStatus: accepted\n",
        );
        assert_eq!(d.template, None);
    }

    #[test]
    fn metadata_in_the_records_language() {
        let d = parse(
            "0002-x.md",
            "# 2. Utiliser Kafka\n\n* **statut**: \"accepté\"\n* **date**: \"2025-06-26\"\n* décisionnaires : CTO, Léa Martin\n\n## Contexte\n\nPourquoi.\n",
        );
        assert_eq!(d.status, "accepted");
        assert_eq!(d.date.to_string(), "2025-06-26");
        assert_eq!(d.deciders, ["CTO", "Léa Martin"]);
        assert!(!d.body.contains("statut"), "{}", d.body);
        let d = parse(
            "0003-y.md",
            "# 3. Y\n\n## Status\n\nErsetzt durch [ADR 7](0007-z.md)\n",
        );
        assert_eq!(d.status, "superseded");
        assert_eq!(d.superseded_by, [7]);
    }

    /// A KEP of the one-file layout (before `kep.yaml`): its front matter read as a
    /// kep.yaml is, and its table of contents left out with its heading.
    #[test]
    fn a_one_file_kep_reads_its_front_matter_as_a_kep_yaml() {
        let d = parse(
            "0009-node-lease.md",
            "---\ntitle: Node Lease\nkep-number: 9\nauthors:\n  - \"@wojtek-t\"\nowning-sig: sig-node\napprovers:\n  - \"@dchen1107\"\ncreation-date: 2018-04-19\nstatus: implemented\n---\n\n# Node Lease\n\n## Table of Contents\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n\nHeartbeats are costly.\n",
        );
        assert_eq!(d.title, "Node Lease");
        assert_eq!(d.status, "accepted");
        assert_eq!(d.date.to_string(), "2018-04-19");
        assert_eq!(d.deciders, ["dchen1107"]);
        assert_eq!(d.tags, ["sig-node"]);
        assert!(d.body.starts_with("## Summary\n"), "{}", d.body);
        let notes = d.unmapped.join("\n");
        // Its authors are the record's (round 24); the rest has no place.
        assert_eq!(d.authors, ["wojtek-t"]);
        assert!(!notes.contains("no place for them: authors"), "{notes}");
        assert!(!notes.contains("creation-date"), "{notes}");
    }

    #[test]
    fn superseded_by_something_that_is_no_record_is_kept() {
        let d = parse(
            "0002-x.md",
            "# 2. X\n\n## Status\n\nSuperseded by [the pull request that moved it](https://example.com/pull/3620)\n",
        );
        assert_eq!(d.status, "superseded");
        assert_eq!(
            d.related,
            ["Superseded by [the pull request that moved it](https://example.com/pull/3620)"]
        );
    }

    #[test]
    fn an_unfilled_date_makes_a_template_only_without_a_status() {
        let template = parse(
            "0000-template.md",
            "- Start Date: (fill me in with today's date, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n",
        );
        assert_eq!(
            template.template.as_deref(),
            Some("its date is an unfilled template value")
        );
        // A real record whose author forgot its date is a record.
        let forgot = parse(
            "0003-z.md",
            "# 3. Use Z\n\nDate: YYYY-MM-DD\n\n## Status\n\nAccepted\n",
        );
        assert_eq!(forgot.template, None);
        assert_eq!(forgot.status, "accepted");
    }

    /// MADR 4 records often have no status (it is optional there): one that names its
    /// chosen option was decided. The template's placeholder option decides nothing.
    #[test]
    fn a_y_statement_titles_only_a_record_without_a_title_of_its_own() {
        let text = "* Status: accepted\n\nIn the context of the API, we decided for gRPC.\n";
        assert_eq!(parse("0007-api.md", text).title, "Choose gRPC");
        // Underlined with `=`: the author's title.
        let setext = format!("API protocol\n============\n\n{text}");
        let d = parse("0007-api.md", &setext);
        assert_eq!(d.title, "API protocol");
        assert!(
            !d.body.contains("API protocol") && !d.body.contains("==="),
            "{}",
            d.body
        );
        assert!(
            d.body.contains("## Decision\n\nWe decided for gRPC.\n"),
            "{}",
            d.body
        );
        // In code, it is an example.
        let code = "# Use gRPC\n\n* Status: accepted\n\n```\nIn the context of x, we decided for y.\n```\n";
        assert!(!parse("0008-x.md", code).body.contains("## Decision"));
    }

    #[test]
    fn a_chosen_option_without_a_status_is_accepted() {
        let d = parse(
            "0044-use-picocli.md",
            "---\nparent: Decision Records\nnav_order: 44\n---\n# Use picocli for the command line\n\n## Decision Outcome\n\nChosen option: \"Use picocli\", because it is maintained.\n",
        );
        assert_eq!(d.status, "accepted");
        assert!(
            d.unmapped.iter().any(|n| n.contains(
                ":9: no status; its chosen option (\"Use picocli\") says it was decided"
            )),
            "{:?}",
            d.unmapped
        );
        let t = parse(
            "0045-x.md",
            "# Use X\n\n## Decision Outcome\n\nChosen option: \"{title of option 1}\", because {justification}.\n",
        );
        assert_eq!(t.status, "proposed");
        // In code, it is an example.
        let c = parse(
            "0046-y.md",
            "# Use Y\n\n```\nChosen option: \"Use Y\"\n```\n",
        );
        assert_eq!(c.status, "proposed");
        // Wrapped by a tool that put a word on each line.
        let w = parse(
            "0047-use-a-template-engine.md",
            "# Use a template engine\n\n## Decision Outcome\n\nChosen\noption: \"\nMustache\nTemplates\",\nbecause it has no logic.\n",
        );
        assert_eq!(w.status, "accepted");
        assert!(
            w.unmapped
                .iter()
                .any(|n| n.contains(":5: no status; its chosen option (\"Mustache Templates\")")),
            "{:?}",
            w.unmapped
        );
    }

    /// A status that is only a "superseded by" link is a status: the chosen option of the
    /// record it replaced is history, not a reason to call it accepted.
    #[test]
    fn a_superseded_by_line_is_a_status_beside_a_chosen_option() {
        let d = parse(
            "0004-logs.md",
            "# Ship logs with Fluentd\n\n- Status: superseded by [0005-ship-logs-with-vector](0005-ship-logs-with-vector.md)\n- Date: 2021-02-03\n\n## Decision Outcome\n\nChosen option: \"Fluentd\", because the team knows it.\n",
        );
        assert_eq!(d.status, "superseded");
        assert_eq!(d.superseded_by, [5]);
        assert!(
            !d.unmapped.iter().any(|n| n.contains("no status")),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn front_matter_links_without_a_key_stay_in_the_body() {
        let d = parse(
            "0005-x.md",
            "---\nstatus: accepted\ndate: 2024-01-02\ndiscussion: https://x.example/d/5\nprs:\n  accepted: https://x.example/pr/5\n  draft: not a link\nconsulted: Ann\n---\n\n# X\n\nBody.\n",
        );
        assert_eq!(
            d.body,
            "- discussion: <https://x.example/d/5>\n- prs (accepted): <https://x.example/pr/5>\n- consulted: Ann\n\nBody.\n"
        );
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        // A docs theme's own addresses are the site's, not the record's.
        let d = parse(
            "0006-y.md",
            "---\nstatus: accepted\ndate: 2024-01-02\ngeekdocRepo: https://github.com/o/r\ncustom_edit_url: https://github.com/o/r/edit/x\n---\n\n# Y\n\nBody.\n",
        );
        assert_eq!(d.body, "Body.\n");
        assert_eq!(d.unmapped.len(), 2, "{:?}", d.unmapped);
    }

    #[test]
    fn series_prefixes_leave_the_title() {
        for (title, number, rest) in [
            (
                "KEP-3960: Introducing Sleep",
                Some(3960),
                "Introducing Sleep",
            ),
            ("SE-0001: Allow keywords", Some(1), "Allow keywords"),
            (
                "RFC 430: Naming conventions",
                Some(430),
                "Naming conventions",
            ),
            ("PEP 8 - Style Guide", Some(8), "Style Guide"),
            ("ADR 7 Use X", Some(7), "Use X"),
            // A title that names a standard keeps it.
            (
                "RFC 2119 keywords in specs",
                None,
                "RFC 2119 keywords in specs",
            ),
            ("Secure 2 things", None, "Secure 2 things"),
        ] {
            assert_eq!(
                split_title_number(title),
                (number, rest.to_owned()),
                "{title}"
            );
        }
    }

    #[test]
    fn a_tool_kept_table_of_contents_is_left_out() {
        let d = parse(
            "0004-x.md",
            "# 4. X\n\nStatus: accepted\n\n<!-- toc -->\n- [Why](#why)\n<!-- /toc -->\n\n## Why\n\n```md\n<!-- toc -->\n```\n\n<!-- TOC -->\nnot closed\n",
        );
        assert_eq!(
            d.body,
            "## Why\n\n```md\n<!-- toc -->\n```\n\n<!-- TOC -->\nnot closed\n"
        );
    }

    #[test]
    fn an_underlined_table_of_contents_heading_goes_with_it() {
        for heading in ["Table of contents\n-----------------", "Contents\n========"] {
            let d = parse(
                "0004-x.md",
                &format!(
                    "4: X\n====\n\nStatus\n------\n\nAccepted\n\n{heading}\n\n<!-- toc -->\n- [Why](#why)\n<!-- tocstop -->\n\nWhy\n---\n\nBecause.\n"
                ),
            );
            assert_eq!(d.body, "Why\n---\n\nBecause.\n", "{heading}");
        }
        // A paragraph "Contents" over a rule after a blank line is no heading, and stays.
        let d = parse(
            "0004-x.md",
            "# 4. X\n\nStatus: accepted\n\nContents\n\n---\n\n<!-- toc -->\n- [Why](#why)\n<!-- /toc -->\n\n## Why\n",
        );
        assert_eq!(d.body, "Contents\n\n---\n\n## Why\n");
    }

    #[test]
    fn ember_stages_map_to_statuses() {
        for (stage, status) in [
            ("exploring", "proposed"),
            ("accepted", "accepted"),
            ("ready-for-release", "accepted"),
            ("released", "accepted"),
            ("recommended", "accepted"),
            ("discontinued", "deprecated"),
        ] {
            let d = parse(
                "0012-x.md",
                &format!("---\nstage: {stage}\nstart-date: 2018-01-08T00:00:00.000Z\n---\n\n# X\n"),
            );
            assert_eq!((stage, d.status.as_str()), (stage, status));
            assert_eq!(d.date, date(2018, 1, 8));
        }
    }

    #[test]
    fn status_words_are_case_insensitive_and_synonyms_are_reported() {
        for (text, status) in [
            ("ACCEPTED", "accepted"),
            ("rejected", "rejected"),
            ("Deprecated", "deprecated"),
            ("proposed", "proposed"),
            ("Superseded", "superseded"),
            (
                "Superceded by [2. Second Record](0002-second-record.md)",
                "superseded",
            ),
            ("Approved", "accepted"),
            ("Draft", "proposed"),
        ] {
            let d = parse(
                "0001-a.md",
                &format!("# 1. A\n\nDate: 2024-03-14\n\n## Status\n\n{text}\n"),
            );
            assert_eq!(d.status, status, "{text}");
        }
        let d = parse(
            "0001-a.md",
            "# 1. A\n\nDate: 2024-03-14\n\n## Status\n\nApproved\n",
        );
        assert_eq!(
            d.unmapped,
            ["0001-a.md:7: status `Approved` imported as accepted"]
        );
    }

    /// Some authors date a record under its status: that line is the date.
    #[test]
    fn a_date_line_in_the_status_section_is_the_date() {
        let d = parse(
            "0012-retire-the-cron-box.md",
            "# 12. Retire the cron box\n\n## Status\n\nSuperseded by ADR-0031\n\nDate: 2019-08-20\n\n## Context\n\nIt is old.\n",
        );
        assert_eq!(d.status, "superseded");
        assert_eq!(d.superseded_by, [31]);
        assert_eq!(d.date, date(2019, 8, 20));
        assert_eq!(d.dated, Dated::Record);
        assert!(
            !d.unmapped.iter().any(|n| n.contains("Date:")),
            "{:?}",
            d.unmapped
        );
        assert_eq!(d.body, "## Context\n\nIt is old.\n");
    }

    #[test]
    fn sections_written_as_bold_paragraphs() {
        let d = parse(
            "use-x.md",
            "**Title**\n\nUse X\n\n**Date**\n\n2024-03-14\n\n**Status**\n\nAccepted\n\n**Context**\n\nC.\n\n**Status**\n\nRejected\n",
        );
        assert_eq!(d.title, "Use X");
        assert_eq!(d.status, "accepted");
        assert_eq!(d.date, date(2024, 3, 14));
        // Only the first status label is the status section; a second stays as written.
        assert_eq!(d.body.trim(), "**Context**\n\nC.\n\n**Status**\n\nRejected");
        // A `## Status` heading wins: bold labels are read only without one.
        let d = parse(
            "0002-y.md",
            "# 2. Y\n\n## Status\n\nAccepted\n\n## Notes\n\n**Status**\n\nRejected\n",
        );
        assert_eq!(d.status, "accepted");
        assert!(d.body.contains("**Status**\n\nRejected"), "{}", d.body);
        // Bold text inside a paragraph, or a label in code, is no section.
        let d = parse(
            "0003-z.md",
            "# 3. Z\n\n* Status: proposed\n\n## Context\n\nSee **Status**\nbelow.\n\n```\n**Status**\n\nAccepted\n```\n",
        );
        assert_eq!(d.status, "proposed");
        // VA.gov's decision records are numbered `DR 5:`; a title starting with the
        // letters is no number.
        assert_eq!(
            title_number("DR 5: Which removals?"),
            (TitleNumber::Number(5), "Which removals?".to_owned())
        );
        assert_eq!(title_number("Drop 5 services").0, TitleNumber::None);
    }

    #[test]
    fn adrflow_numbers_histories_and_link_words() {
        // The number and a bare space are the record's number only when the file name
        // says so: "12 factor apps" in `use-12-factor.md` keeps its words.
        let d = parse(
            "2-Create_ADR_Object.md",
            "# 2 Create ADR Object\n\n## Status\n\nProposed 2017-07-08\n",
        );
        assert_eq!(
            (d.title.as_str(), d.source_number),
            ("Create ADR Object", Some(2))
        );
        let d = parse("use-12-factor.md", "# 12 factor apps\n\nStatus: accepted\n");
        assert_eq!(d.title, "12 factor apps");
        let d = parse("3-x.md", "# 12 factor apps\n\nStatus: accepted\n");
        assert_eq!(d.title, "12 factor apps");
        // A dated history: written when proposed, decided when accepted, no note.
        let d = parse(
            "7-Defining_Customizations.md",
            "# 7 Defining Customizations\n\n## Status\n\nProposed 2017-12-28\n  \nAccepted 2017-12-30\n\ngeneralized_by [9](9-x.md)\n\nmentions [6](6-y.md)\n",
        );
        assert_eq!(
            (d.date, d.decided),
            (date(2017, 12, 28), Some(date(2017, 12, 30)))
        );
        assert_eq!(
            d.related,
            ["generalized_by [9](9-x.md)", "mentions [6](6-y.md)"]
        );
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        // Undated, the earlier word is still named: it may be the template's leftover.
        let d = parse(
            "0008-z.md",
            "# 8. Z\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\nAccepted\n",
        );
        assert!(
            d.unmapped
                .iter()
                .any(|n| n.contains("earlier status proposed dropped")),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn prose_in_the_status_section_stays_under_its_heading() {
        let d = parse(
            "0013-x.md",
            "# 13. X\n\nDate: 2024-03-14\n\n## Status\n\nSuperseded by [14](0014-y.md).\n\nKept rather than deleted:\nit is why we asked twice.\n\nShelved\n\n## Context\n\nC.\n",
        );
        assert_eq!(d.status, "superseded");
        assert_eq!(d.superseded_by, [14]);
        assert_eq!(
            d.body.trim(),
            "## Status\n\nKept rather than deleted:\nit is why we asked twice.\n\n## Context\n\nC."
        );
        // A word that is no status is still named, not kept: it was meant as the status.
        assert!(
            d.unmapped
                .iter()
                .any(|n| n.ends_with(":12: status `Shelved` has no orgbook equivalent; dropped")),
            "{:?}",
            d.unmapped
        );
        assert!(
            d.unmapped
                .iter()
                .any(|n| n.ends_with(":9: the status section's prose is kept in the body")),
            "{:?}",
            d.unmapped
        );
        // Nothing kept: the section leaves the body whole, as before.
        let d = parse(
            "0014-y.md",
            "# 14. Y\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n",
        );
        assert_eq!(d.body.trim(), "## Context\n\nC.");
    }

    #[test]
    fn status_section_relations() {
        let d = parse(
            "0009-x.md",
            "# 9. X\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\nSupersedes [3. Three](0003-three.md), [4. Four,\nstill four](0004-four.md)\n\nSupersedes ADR-0005\n\nAmended by [10. Ten](0010-ten.md)\n\n## Context\n",
        );
        assert_eq!(d.status, "accepted");
        assert_eq!(d.supersedes, [3, 4, 5]);
        assert_eq!(d.supersedes_files, ["0003-three", "0004-four"]);
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        // Relations orgbook has no key for are kept, to go into the body.
        assert_eq!(d.related, ["Amended by [10. Ten](0010-ten.md)"]);

        // adr-tools left "Accepted" in place when this one was superseded.
        let d = parse(
            "0003-three.md",
            "# 3. Three\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\nSuperseded by [9](0009-x.md)\n",
        );
        assert_eq!(
            (d.status.as_str(), d.superseded_by.as_slice()),
            ("superseded", &[9][..])
        );
        assert_eq!(d.decided, Some(date(2024, 3, 14)));
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);

        // MADR 2 inline: "accepted, supersedes [ADR-3]".
        let d = parse(
            "0005-y.md",
            "# Y\n\n* Status: accepted, supersedes [ADR-3]\n* Date: 2024-03-14\n",
        );
        assert_eq!(
            (d.status.as_str(), d.supersedes.as_slice()),
            ("accepted", &[3][..])
        );

        // MADR 4 front matter superseded without a link.
        let d = parse(
            "0006-z.md",
            "---\nstatus: superseded by ADR-0123\ndate: 2024-03-14\n---\n# Z\n",
        );
        assert_eq!(
            (d.status.as_str(), d.superseded_by.as_slice()),
            ("superseded", &[123][..])
        );
    }

    #[test]
    fn status_line_date_becomes_decided() {
        let d = parse(
            "0001-a.md",
            "# 1. A\n\nDate: 2024-01-02\n\n## Status\n\nAccepted on 2024-02-03\n",
        );
        assert_eq!(
            (d.date, d.decided),
            (date(2024, 1, 2), Some(date(2024, 2, 3)))
        );
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    }

    /// A status written as a sentence maps by its first word, and the sentence, which
    /// says more than the word, stays at the top of the body.
    #[test]
    fn a_status_sentence_is_mapped_and_kept() {
        let d = parse(
            "0007-css.md",
            "# 7. Pick a CSS framework\n\nDate: 2022-05-06\n\n## Status\n\nAgreed on Tailwind. We may look again when the design system lands.\n\n## Context\n\nWe need one.\n",
        );
        assert_eq!(d.status, "accepted");
        assert_eq!(
            d.body,
            "- Status as written: Agreed on Tailwind. We may look again when the design system lands.\n\n## Context\n\nWe need one.\n"
        );
        assert!(
            d.unmapped.iter().any(|n| n.starts_with("0007-css.md:7: `Agreed on Tailwind. We may look again when the design system lands`: only `Agreed` was mapped (as accepted); the sentence is kept")),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn missing_date_and_status_use_fallbacks_and_say_so() {
        let d = parse("0001-a.md", "# A\n\nSome text.\n");
        assert_eq!(
            (d.date, d.decided, d.status.as_str()),
            (date(2026, 3, 1), None, "proposed")
        );
        // import_dir decides between git and today, and reports it.
        assert_eq!(d.dated, Dated::Today);
        assert_eq!(
            d.unmapped,
            [
                "0001-a.md: no status found; imported as proposed (records without a status that were decided: `--status accepted`)"
            ]
        );
        let d = parse("0001-a.md", "# A\n\n* Status: accepted\n");
        assert_eq!(
            (d.date, d.decided),
            (date(2026, 3, 1), Some(date(2026, 3, 1)))
        );
    }

    #[test]
    fn an_rfd_read_line_by_line_keeps_its_authors_unless_unfilled() {
        // A broken line makes the YAML unreadable; the rest is read line by line.
        let d = parse(
            "0007-use-x.md",
            "---\nauthors: [Ann, Bob]\nstate: published\nnote: {broken\n---\n\n# RFD 7 Use X\n\nBody.\n",
        );
        assert_eq!((d.title.as_str(), d.status.as_str()), ("Use X", "accepted"));
        assert_eq!(d.authors, ["Ann", "Bob"]);
        assert!(d.body.starts_with("Body."), "{}", d.body);
        let d = parse(
            "0008-use-y.md",
            "---\nauthors: { author1 } ({ email })\nstate: draft\ndiscussion: https://example.org/pr/8\n---\n\n# RFD 0008: Use Y\n",
        );
        assert_eq!((d.title.as_str(), d.status.as_str()), ("Use Y", "proposed"));
        assert!(!d.body.contains("author1"), "{}", d.body);
        assert!(
            d.body.contains("- discussion: <https://example.org/pr/8>"),
            "{}",
            d.body
        );
        assert!(
            d.unmapped
                .iter()
                .any(|n| n.contains("look like an unfilled template")),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn a_metadata_table_is_read_in_either_direction() {
        let header_row = parse(
            "adr004-pick-a-queue.md",
            "# ADR004: Pick a queue\n\n| Created    | Status   |\n| ---------- | -------- |\n| 2019-11-02 | Accepted |\n\n## Context\n\nWe need one.\n",
        );
        assert_eq!(
            (header_row.status.as_str(), header_row.date),
            ("accepted", date(2019, 11, 2))
        );
        assert_eq!(header_row.dated, Dated::Record);
        assert!(header_row.unmapped.is_empty(), "{:?}", header_row.unmapped);
        assert!(!header_row.body.contains('|'), "{}", header_row.body);

        let open = parse(
            "adr005-cache.md",
            "# ADR005: Cache\n\n| Created | Status |\n|---|---|\n| 2020-01-09 | Open |\n",
        );
        assert_eq!(open.status, "proposed");
        assert!(
            !open.unmapped.iter().any(|n| n.contains("no status found")),
            "{:?}",
            open.unmapped
        );

        let key_rows = parse(
            "0003-store-files.md",
            "# 3. Store files\n\n| Status | Accepted |\n|--------|----------|\n| Date   | 2022-06-30 |\n| Budget | 40k |\n\nIn a bucket.\n",
        );
        // `Budget` is no key of ours, so the table is not metadata and stays.
        assert_eq!(key_rows.status, "proposed");
        // An `Owner` row (an RFC template's, a DACI's `Driver`) is who wrote it: `authors`
        // (round 24), and the row leaves the body with the table.
        let owned = parse(
            "0003-store-files.md",
            "# 3. Store files\n\n| Status | Accepted |\n|--------|----------|\n| Owner | Platform |\n\nIn a bucket.\n",
        );
        assert_eq!(owned.status, "accepted");
        assert_eq!(owned.authors, ["Platform"]);
        assert_eq!(owned.body, "In a bucket.\n");
        let key_rows = parse(
            "0003-store-files.md",
            "# 3. Store files\n\n| Status | Accepted |\n|--------|----------|\n| Date   | 2022-06-30 |\n\nIn a bucket.\n",
        );
        assert_eq!(
            (key_rows.status.as_str(), key_rows.date),
            ("accepted", date(2022, 6, 30))
        );
        assert_eq!(key_rows.body, "In a bucket.\n");

        // Before the title, as Backstage's adr010 has it.
        let first = parse(
            "adr010-use-z.md",
            "| Created    | Status   |\n| ---------- | -------- |\n| 2021-01-16 | Accepted |\n\n# ADR010: Use Z\n\nWe use Z.\n",
        );
        assert_eq!(
            (first.status.as_str(), first.date, first.title.as_str()),
            ("accepted", date(2021, 1, 16), "Use Z")
        );
        assert!(!first.body.contains('|'), "{}", first.body);

        // A table of options in the body is prose.
        let prose = parse(
            "0004-x.md",
            "# 4. X\n\n* Status: accepted\n\n## Options\n\n| Option | Status |\n|---|---|\n| A | Accepted |\n",
        );
        assert!(prose.body.contains("| A | Accepted |"));
    }

    #[test]
    fn a_linked_date_is_read_and_its_link_kept() {
        let d = parse(
            "0004-log-in-json.md",
            "# 4. Log in JSON\n\n* Status: accepted\n* Date: [2021-09-14](https://git.example/commit/abc123)\n\nWe log JSON.\n",
        );
        assert_eq!(d.date, date(2021, 9, 14));
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        assert!(
            d.body
                .starts_with("- Date: [2021-09-14](https://git.example/commit/abc123)\n"),
            "{}",
            d.body
        );
    }

    #[test]
    fn notes_name_keys_as_written() {
        let d = parse(
            "0005-x.md",
            "---\ngeekdocRepo: https://git.example/docs\nNavOrder: 5\n---\n# 5. X\n\n* Status: accepted\n",
        );
        let notes = d.unmapped.join("\n");
        assert!(
            notes.contains("`geekdocRepo: https://git.example/docs` has no orgbook key"),
            "{notes}"
        );
        assert!(
            notes.contains("`NavOrder: 5` has no orgbook key"),
            "{notes}"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2024-03-14"), Some((date(2024, 3, 14), None)));
        assert_eq!(
            parse_date("2024-03-14T10:00:00Z"),
            Some((date(2024, 3, 14), None))
        );
        assert_eq!(
            parse_date("2024/03/14 (updated)"),
            Some((date(2024, 3, 14), None))
        );
        assert_eq!(parse_date("14/03/2024"), Some((date(2024, 3, 14), None)));
        assert_eq!(parse_date("03/14/2024"), Some((date(2024, 3, 14), None)));
        assert!(parse_date("04/02/2019").unwrap().1.is_some());
        assert_eq!(parse_date("14.03.2024"), Some((date(2024, 3, 14), None)));
        assert_eq!(parse_date("14 March 2024"), Some((date(2024, 3, 14), None)));
        assert_eq!(parse_date("Mar 14, 2024"), Some((date(2024, 3, 14), None)));
        assert_eq!(parse_date("2024-02-30"), None);
        // A month and a year: not March 20 of the year 24.
        let (d, note) = parse_date("March 2024").unwrap();
        assert_eq!(d, date(2024, 3, 1));
        assert!(note.unwrap().contains("first of the month"));
        assert_eq!(parse_date("Sept 2023").map(|p| p.0), Some(date(2023, 9, 1)));
        assert_eq!(parse_date("Marching 2024"), None);
        assert_eq!(parse_date("YYYY-MM-DD"), None);
        assert_eq!(
            parse_date("{YYYY-MM-DD when the decision was last updated}"),
            None
        );

        let d = parse(
            "0001-a.md",
            "# A\n\n* Status: accepted\n* Date: [YYYY-MM-DD]\n",
        );
        assert!(
            d.unmapped[0].contains("date `[YYYY-MM-DD]` looks like an unfilled template; ignored")
        );
    }

    #[test]
    fn one_bad_line_never_rejects_a_record() {
        // No number anywhere: the record is read, and numbered by import_dir.
        let d = parse("notes.md", "# Just notes\n");
        assert_eq!((d.source_number, d.has_metadata), (None, false));

        // No heading: the title comes from the file name, and a note says so.
        let d = parse("0001-use-x.md", "Date: 2024-03-14\n\nNo heading.\n");
        assert_eq!(d.title, "Use X");
        assert!(
            d.unmapped[0].contains("no `# Title` heading"),
            "{:?}",
            d.unmapped
        );
        let e = parse_adr("0001.md", "No heading.\n", &opts()).unwrap_err();
        assert!(matches!(e, ImportError::NoTitle { .. }));

        // Front matter YAML cannot read: every readable line is still used.
        let d = parse(
            "0001-a.md",
            "---\nstatus: [unclosed\ntag:General\ndate: 2018-08-30\n---\n# A\n",
        );
        assert_eq!(d.tags, ["General"]);
        assert_eq!(d.date, date(2018, 8, 30));
        assert!(d.unmapped[0].starts_with("0001-a.md:"), "{:?}", d.unmapped);
        assert!(d.unmapped[0].contains("not valid YAML"), "{:?}", d.unmapped);

        // An unclosed block is read as Markdown.
        let d = parse("0001-a.md", "---\nstatus: accepted\n# A\n");
        assert_eq!(d.title, "A");
        assert!(
            d.unmapped[0].contains("no closing `---`"),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn front_matter_title_and_crlf() {
        let d = parse(
            "0002-b.md",
            "\u{feff}---\r\ntitle: From front matter\r\nstatus: Accepted\r\ndate: '2024-03-14'\r\ndeciders: [Ann]\r\ntags: [db, 'ops']\r\n---\r\n\r\n## Context\r\n\r\nText.\r\n",
        );
        assert_eq!(d.title, "From front matter");
        assert_eq!((d.status.as_str(), d.date), ("accepted", date(2024, 3, 14)));
        assert_eq!(d.deciders, ["Ann"]);
        assert_eq!(d.tags, ["db", "ops"]);
        assert_eq!(d.body, "## Context\n\nText.\n");
    }

    #[test]
    fn placeholders_are_reported_not_mapped() {
        let d = parse(
            "0001-a.md",
            "# A\n\n* Status: [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)] <!-- optional -->\n* Deciders: [list everyone involved in the decision] <!-- optional -->\n* Date: 2024-03-14\n",
        );
        assert_eq!(d.status, "proposed");
        assert!(d.supersedes.is_empty() && d.superseded_by.is_empty() && d.deciders.is_empty());
        assert!(
            d.unmapped[0].contains("looks like an unfilled template"),
            "{:?}",
            d.unmapped
        );
        assert!(
            d.unmapped[1].contains("look like an unfilled template"),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn type_one_accepted_without_deciders_is_reported() {
        let opts = ImportOptions {
            decision_type: 1,
            ..opts()
        };
        let d = parse_adr(
            "0001-a.md",
            "# 1. A\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n",
            &opts,
        )
        .unwrap();
        assert!(d.unmapped[0].contains("requires `deciders`"));
    }

    #[test]
    fn links_to_adr_style_names_are_fixed_by_reconcile() {
        let mut ds = vec![
            parse(
                "adr-001.md",
                "# ADR-001: Use Rust\n\n* Status: accepted\n* Date: 2024-03-14\n\nSee [next](adr-002.md#why) and [old](./1-use-rust.md).\n",
            ),
            parse(
                "adr-002.md",
                "# ADR-002: Use Tokio\n\n* Status: accepted\n* Date: 2024-03-15\n\nBuilds on [ADR-001](adr-001.md).\n",
            ),
        ];
        assert!(ds[0].body.contains("[next](adr-002.md#why)"));
        reconcile(&mut ds);
        assert_eq!(
            ds[0].body,
            "See [next](0002-use-tokio.md#why) and [old](0001-use-rust.md).\n"
        );
        assert_eq!(ds[1].body, "Builds on [ADR-001](0001-use-rust.md).\n");
    }

    #[test]
    fn site_generator_keys_and_code_blocks() {
        let d = parse(
            "0013-use-front-matter.md",
            "---\nparent: Decisions\nnav_order: 13\nstatus: accepted\ndeciders:\ndate: 2023-05-02\n---\n# Use front matter\n\n## Considered Options\n\nExample:\n\n```markdown\n---\nstatus: rejected\n---\n# Not a title\n\n## Status\n\nSuperseded by [1](0001-a.md)\n```\n\nDone.\n",
        );
        assert_eq!(
            (d.title.as_str(), d.status.as_str()),
            ("Use front matter", "accepted")
        );
        assert!(d.superseded_by.is_empty() && d.deciders.is_empty());
        assert!(
            d.body
                .contains("```markdown\n---\nstatus: rejected\n---\n# Not a title\n\n## Status\n")
        );
        assert_eq!(
            d.unmapped,
            [
                "0013-use-front-matter.md:2: `parent: Decisions` has no orgbook key; dropped",
                "0013-use-front-matter.md:3: `nav_order: 13` has no orgbook key; dropped",
            ]
        );
    }

    #[test]
    fn date_named_files() {
        // log4brains: the name's date is the record's date, not its number.
        let d = parse("20200123-use-x.md", "# Use X\n\n- Status: accepted\n");
        assert_eq!(
            (d.source_number, d.file_date),
            (None, Some(date(2020, 1, 23)))
        );
        assert_eq!((d.date, d.dated), (date(2020, 1, 23), Dated::FileName));
        assert_eq!(d.slug, "use-x");
        // A `- Date:` line wins over the name.
        let d = parse(
            "20200123-use-x.md",
            "# Use X\n\n- Status: accepted\n- Date: 2020-02-01\n",
        );
        assert_eq!((d.date, d.dated), (date(2020, 2, 1), Dated::Record));
        // Not a real date: a number after all.
        assert_eq!(stem_date("20201345-x"), None);
        assert_eq!(stem_date("2024-03-14-use-x"), None);
        let d = parse("2024-03-14-use-x.md", "# 3. Use X\n\nDate: 2024-03-14\n");
        assert_eq!((d.number, d.slug.as_str()), (3, "use-x"));
    }

    #[test]
    fn prose_is_not_a_relation() {
        let d = parse(
            "0002-b.md",
            "# B\n\n* Status: accepted\n* Date: 2024-03-14\n\n## Decision\n\nReplaces 3 old services.\n\nSupersedes the [old runbook](https://wiki/x.md).\n",
        );
        assert!(d.supersedes.is_empty(), "{:?}", d.supersedes);
    }

    #[test]
    fn named_people_lose_addresses_and_placeholders_are_nobody() {
        let mut notes = Notes {
            file: "x.md",
            list: Vec::new(),
        };
        let mut name = |s: &str| named_person(s, "author", 3, &mut notes);
        assert_eq!(
            name("Ana Lima <ana@example.org>").as_deref(),
            Some("Ana Lima")
        );
        assert_eq!(name("Jan Klop (@jklop)").as_deref(), Some("Jan Klop"));
        assert_eq!(
            name("Donny Peeters <@donnype>").as_deref(),
            Some("Donny Peeters")
        );
        assert_eq!(name("Ann (Platform)").as_deref(), Some("Ann (Platform)"));
        assert_eq!(name("ann@example.org").as_deref(), Some("ann@example.org"));
        for unfilled in [
            "<name>",
            "@ approver",
            "Type /date",
            "TBD",
            "{owner}",
            "[Name]",
        ] {
            assert_eq!(name(unfilled), None, "{unfilled}");
        }
        assert_eq!(notes.list.len(), 6);
        assert_eq!(
            notes.list[0],
            "x.md:3: author `<name>` looks like an unfilled template; left out"
        );
    }

    #[test]
    fn a_draft_marker_after_a_series_number_leaves_the_title() {
        assert_eq!(
            split_title_number("RFC 531 WIP: Use one Postgres per tenant"),
            (Some(531), "Use one Postgres per tenant".to_owned())
        );
        assert_eq!(
            split_title_number("RFD 12 draft: Host OS"),
            (Some(12), "Host OS".to_owned())
        );
        // Without a series prefix it is a title's own words.
        assert_eq!(
            split_title_number("7 WIP: things"),
            (None, "7 WIP: things".to_owned())
        );
    }

    #[test]
    fn people_lists() {
        assert_eq!(
            split_people("Alice, Bob and Carol; Dan & Eve"),
            ["Alice", "Bob", "Carol", "Dan", "Eve"]
        );
        assert_eq!(split_people("**Ann**"), ["Ann"]);
        assert_eq!(
            split_people("[@ann](https://github.com/ann), [Bo Lind](mailto:bo@example.com)"),
            ["@ann", "Bo Lind"]
        );
        assert!(split_people(" ").is_empty());
        assert_eq!(
            split_people(
                "@Ben Ito, @dana, [@Tomás Ferreira](https://x.atlassian.net/wiki/people/1)"
            ),
            ["Ben Ito", "@dana", "Tomás Ferreira"]
        );
    }

    #[test]
    fn duplicate_numbers_get_the_next_free_numbers() {
        let dir = std::env::temp_dir().join(format!("orgbook-import-dup-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("0007-a.md"), "# 7. A\n\nDate: 2024-03-14\n").unwrap();
        std::fs::write(
            dir.join("0007-b.md"),
            "# 7. B\n\nDate: 2024-03-14\n\nSee [A](0007-a.md).\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("0008-c.md"),
            "# 8. C\n\nDate: 2024-03-15\n\n## Status\n\nSupersedes [7. B](0007-b.md)\n",
        )
        .unwrap();
        std::fs::write(dir.join("notes.txt"), "not markdown").unwrap();
        let mut o = opts();
        o.taken = [1, 8].into();
        let c = import_dir(&dir, &o).unwrap();
        o.keep_numbers = true;
        let refused = import_dir(&dir, &o).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let got: Vec<_> = c
            .decisions
            .iter()
            .map(|d| (d.source.as_str(), d.number))
            .collect();
        assert_eq!(got, [("0007-a.md", 7), ("0007-b.md", 9), ("0008-c.md", 10)]);
        assert_eq!(
            c.renumbered,
            [
                ("0007-b.md".to_owned(), "7".to_owned(), 9),
                ("0008-c.md".to_owned(), "8".to_owned(), 10)
            ]
        );
        // The link names 0007-b's file, so it follows b, not the first 7.
        assert_eq!(c.decisions[2].supersedes, [9]);
        assert_eq!(c.decisions[1].status, "superseded");
        assert!(c.decisions[1].body.contains("[A](0007-a.md)"));
        assert_eq!(refused.errors.len(), 2, "{:?}", refused.errors);
        assert!(refused.errors[0].contains("--keep-numbers"));
    }

    #[test]
    fn titles_are_plain_text() {
        assert_eq!(
            plain_text("Use `Span<T>` in parsers"),
            "Use Span<T> in parsers"
        );
        assert_eq!(plain_text("Use Span\\<T\\>"), "Use Span<T>");
        assert_eq!(plain_text("`Span<T>` first"), "Span<T> first");
        assert_eq!(plain_text("- dash first"), "- dash first");
        assert_eq!(
            plain_text("Use **bold** and [a link](x.md)"),
            "Use bold and a link"
        );
        assert_eq!(
            plain_text("Architecture Decision Record: Use event sourcing"),
            "Use event sourcing"
        );
        assert_eq!(plain_text("Decision - Use X"), "Use X");
        // A heading's attribute block is its anchor (Wikibase's Doxygen ids, kramdown's
        // `{: #id}`); braces that hold no attributes are the title's.
        assert_eq!(
            plain_text("Keep master green {#adr_0018}"),
            "Keep master green"
        );
        assert_eq!(plain_text("Use X {: #use-x .wide}"), "Use X");
        assert_eq!(plain_text("Use X {lang=en}"), "Use X");
        assert_eq!(plain_text("Use {x}"), "Use {x}");
        assert_eq!(plain_text("Use X{#a}"), "Use X{#a}");
        assert_eq!(plain_text("Pick { # }"), "Pick { # }");
        assert_eq!(plain_text("{#only}"), "{#only}");
        // A prefix word inside a title is not a prefix.
        assert_eq!(
            plain_text("Decisions are recorded"),
            "Decisions are recorded"
        );
        let d = parse("adr-014.md", "# ADR-014: Use `X`\n\n* Status: accepted\n");
        assert_eq!(d.title, "Use X");
        let d = parse("0006-x.md", "# 6. Use Y\n\nDate: 2024-01-01\n");
        assert_eq!(d.title, "Use Y");
        // The front matter title differs only by the prefix the importer removes: no note.
        for heading in ["ADR-014: Use `X`", "Architecture Decision Record: Use X"] {
            let d = parse(
                "0014-x.md",
                &format!(
                    "---\ntitle: Use X\nstatus: accepted\ndate: 2024-01-01\n---\n# {heading}\n"
                ),
            );
            assert!(d.unmapped.is_empty(), "{heading}: {:?}", d.unmapped);
        }
        let d = parse(
            "0014-x.md",
            "---\ntitle: Use Y\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n",
        );
        assert!(
            d.unmapped[0].contains("differs from the heading"),
            "{:?}",
            d.unmapped
        );
    }

    #[test]
    fn lenient_metadata() {
        let d = parse(
            "0001-a.md",
            "# A\n\nStatus: accepted\nDate: 2018-08-30; Last update: 2019-01-01\ntag:General\nKeywords: [db, ops]\n",
        );
        assert_eq!(d.date, date(2018, 8, 30));
        assert_eq!(d.tags, ["General", "db", "ops"]);
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);

        let d = parse(
            "0001-a.md",
            "---\ntags:\n  - a\n  - b\ndate: 2018-11\nstatus: Done\n---\n# A\n",
        );
        assert_eq!(
            (d.tags.as_slice(), d.date),
            (&["a".to_owned(), "b".to_owned()][..], date(2018, 11, 1))
        );
        assert_eq!(d.status, "accepted");
        assert!(
            d.unmapped.iter().any(|n| n.contains("has no day")),
            "{:?}",
            d.unmapped
        );
        assert!(
            d.unmapped
                .iter()
                .any(|n| n.contains("`Done` imported as accepted")),
            "{:?}",
            d.unmapped
        );

        for (word, status) in [
            ("Depreciated", "deprecated"),
            ("Acepted", "accepted"),
            ("Propsed", "proposed"),
            ("Rejectd", "rejected"),
        ] {
            let d = parse("0001-a.md", &format!("# A\n\n## Status\n\n{word}\n"));
            assert_eq!(d.status, status, "{word}");
            assert!(
                d.unmapped[0].contains("nearest status word"),
                "{:?}",
                d.unmapped
            );
        }
        // Short or distant words are not guessed.
        assert_eq!(nearest_status("done"), None);
        assert_eq!(nearest_status("postponed"), None);
    }

    #[test]
    fn templates_are_recognised_by_content_not_name() {
        for (name, text) in [
            (
                "template.md",
                "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n",
            ),
            (
                "x.md",
                "# [short title of solved problem and solution]\n\n- Status: [draft | proposed]\n",
            ),
            (
                "y.md",
                "---\nstatus: \"{proposed | rejected}\"\n---\n# {short title}\n",
            ),
            (
                "z.md",
                "# Real-looking title\n\n* Status: [proposed | rejected | accepted]\n",
            ),
        ] {
            let d = parse(name, text);
            assert!(d.template.is_some(), "{name}");
        }
        let d = parse(
            "0005-use-handlebars-templates.md",
            "# Use handlebars templates\n\n* Status: accepted\n* Date: 2020-01-01\n",
        );
        assert_eq!(d.template, None);
    }

    #[test]
    fn a_placeholder_number_leaves_the_title_as_a_number_does() {
        for (title, rest) in [
            ("n. Django Templates", "Django Templates"),
            ("N. Django Templates", "Django Templates"),
            ("NNNN. Django Templates", "Django Templates"),
            ("XXXX. Django Templates", "Django Templates"),
            ("x. Django Templates", "Django Templates"),
            ("XXXX - Django Templates", "Django Templates"),
            ("ADR-NNNN: Django Templates", "Django Templates"),
            ("KEP-NNNN: Your short title", "Your short title"),
            // Words that start like one are words.
            ("Next steps", "Next steps"),
            ("X: the platform", "X: the platform"),
            ("Nx. monorepo", "Nx. monorepo"),
            ("ADR next steps", "ADR next steps"),
        ] {
            assert_eq!(
                split_title_number(title),
                (None, rest.to_owned()),
                "{title}"
            );
        }
        let d = parse(
            "0010-django-templates.md",
            "# n. Django Templates\n\nStatus: accepted\n\nDate: 2019-05-01\n",
        );
        assert_eq!(
            (
                d.template.as_deref(),
                d.title.as_str(),
                d.file_name().as_str()
            ),
            (None, "Django Templates", "0010-django-templates.md")
        );
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        // A template has no number in its file name either, or a placeholder for a title.
        for (name, title) in [
            ("template.md", "# NNNN. Use a thing\n"),
            ("0000-template.md", "# NNNN. TITLE\n"),
        ] {
            let d = parse(name, &format!("{title}\nStatus: accepted\n"));
            assert!(d.template.is_some(), "{name}");
        }
    }

    #[test]
    fn other_relations_are_kept() {
        let d = parse(
            "0002-b.md",
            "# 2. B\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nClarifies [1. A](0001-a.md)\n\nClarified by [3. C](0003-c.md)\n",
        );
        assert_eq!(d.status, "accepted");
        assert_eq!(
            d.related,
            [
                "Clarifies [1. A](0001-a.md)",
                "Clarified by [3. C](0003-c.md)"
            ]
        );
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
        // log4brains links a successor by its date-named file, without a number.
        let d = parse(
            "20200101-a.md",
            "# A\n\n- Status: superseded by [20210101-b](20210101-b.md)\n",
        );
        assert_eq!(d.status, "superseded");
        assert_eq!(
            (d.superseded_by.len(), d.superseded_by_files.as_slice()),
            (0, &["20210101-b".to_owned()][..])
        );
    }

    #[test]
    fn supersedes_of_a_decision_that_exists_nowhere_stays_as_text() {
        let dir = std::env::temp_dir().join(format!("orgbook-import-gone-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("0004-d.md"),
            "# 4. D\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\nSupersedes [2. B](0002-b.md)\n\nSupersedes [3. C](0003-c.md)\n",
        )
        .unwrap();
        let mut o = opts();
        o.taken = [3].into();
        let c = import_dir(&dir, &o).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        let d = &c.decisions[0];
        // 3 is in the handbook; 2 is nowhere, and `supersedes = [2]` would fail the build.
        assert_eq!(d.supersedes, [3]);
        assert!(
            d.body.contains(
                "## Related decisions\n\n- Supersedes decision 2, which is not in this handbook"
            ),
            "{}",
            d.body
        );
    }

    #[test]
    fn a_date_with_day_and_month_swapped_is_read_the_one_way_it_can_be() {
        let (d, note) = parse_date("2024-14-02").unwrap();
        assert_eq!(d, date(2024, 2, 14));
        assert_eq!(
            note.as_deref(),
            Some("date `2024-14-02` has no month 14; read as year-day-month, 2024-02-14")
        );
        // Neither reading is a date.
        assert_eq!(parse_date("2024-31-02"), None);
        assert_eq!(parse_date("2024-14-15"), None);
        let d = parse(
            "0004-a.md",
            "# 4. A\n\nDate: 2024-14-02\n\n## Status\n\nAccepted\n",
        );
        assert_eq!(
            (d.date, d.decided, d.dated),
            (date(2024, 2, 14), Some(date(2024, 2, 14)), Dated::Record)
        );
        assert_eq!(
            d.unmapped,
            ["0004-a.md:3: date `2024-14-02` has no month 14; read as year-day-month, 2024-02-14"]
        );
    }

    #[test]
    fn an_unreadable_date_stays_in_the_body() {
        let d = parse(
            "0005-a.md",
            "# 5. A\n\nDate: sometime in 2019\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n",
        );
        // import_dir dates it from git or today and says which.
        assert_eq!(d.dated, Dated::Today);
        assert_eq!(d.unread_date.as_deref(), Some("sometime in 2019"));
        assert_eq!(
            d.body,
            "- Date as written: sometime in 2019\n\n## Context\n\nWhy.\n"
        );
        // A second date line that can be read stands for it: nothing is lost.
        let d = parse(
            "0005-a.md",
            "# 5. A\n\nDate: sometime\n\n## Date\n\n2019-05-01\n",
        );
        assert_eq!((d.date, d.unread_date), (date(2019, 5, 1), None));
    }

    #[test]
    fn a_placeholder_status_is_a_proposed_record_but_a_list_of_choices_a_template() {
        // Regression: a real record whose status the author meant to fill in later was
        // skipped as a template, its Context and Decision lost.
        let text = "# 3. Use a queue for outbound mail\nDate: 2025-01-31\n## Status\n[fill in once agreed]\n## Context\nMail sending blocks requests.\n## Decision\nSend mail from a background queue.\n";
        let d = parse("0003-use-queues.md", text);
        assert_eq!(d.template, None);
        assert_eq!(
            (d.title.as_str(), d.status.as_str(), d.decided),
            ("Use a queue for outbound mail", "proposed", None)
        );
        assert_eq!(
            d.unmapped,
            [
                "0003-use-queues.md:4: status `[fill in once agreed]` is a placeholder, not a status; imported as proposed"
            ]
        );
        assert!(d.body.contains("Send mail from a background queue."));
        let d = parse(
            "0031-x.md",
            "# 31. X\n\nStatus: {change when approved}\n\n## Context\n\nWhy.\n",
        );
        assert_eq!((d.template, d.status.as_str()), (None, "proposed"));
        // One status word in brackets is that status.
        let d = parse("0032-y.md", "# 32. Y\n\nStatus: [Accepted]\n");
        assert_eq!(d.status, "accepted");
        assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);

        for status in [
            "proposed | accepted | rejected",
            "[proposed, accepted, rejected]",
            "{Proposed / Accepted / Deprecated}",
            "[accepted or rejected]",
        ] {
            let d = parse(
                "0033-z.md",
                &format!("# 33. A real title\n\n## Status\n\n{status}\n"),
            );
            assert_eq!(
                d.template.as_deref(),
                Some("its status is a list of choices to pick from"),
                "{status}"
            );
        }
    }

    #[test]
    fn sections_underlined_with_dashes_are_read_as_hashed_ones() {
        // cloud_controller_ng's records (`decisions/0002-…`), Pandoc's setext output.
        let setext = "2: Using Machinist for Factories\n================================\n\nDate: 2019-03-22\n\nStatus\n------\n\nSuperseded by [ADR 0015](0015-using-factory-bot-for-factories.md)\n\n\nContext\n-------\n\nmachinist is unmaintained.\n\n```ruby\n# machinist\nAppModel.blueprint do\nend\n```\n\nDecision\n--------\n\nWe stay with machinist.\n\nAuthors\n-------\n\n- Ada Lovelace\n";
        let atx = "# 2: Using Machinist for Factories\n\nDate: 2019-03-22\n\n## Status\n\nSuperseded by [ADR 0015](0015-using-factory-bot-for-factories.md)\n\n\n## Context\n\nmachinist is unmaintained.\n\n```ruby\n# machinist\nAppModel.blueprint do\nend\n```\n\n## Decision\n\nWe stay with machinist.\n\n## Authors\n\n- Ada Lovelace\n";
        let (s, a) = (
            parse("0002-using-machinist.md", setext),
            parse("0002-using-machinist.md", atx),
        );
        assert_eq!(
            (&s.title, &s.status, s.date, s.decided, &s.authors),
            (&a.title, &a.status, a.date, a.decided, &a.authors)
        );
        assert_eq!(s.status, "superseded");
        assert_eq!(s.authors, ["Ada Lovelace"]);
        assert_eq!(s.superseded_by_files, a.superseded_by_files);
        assert!(!s.superseded_by_files.is_empty());
        assert!(
            !s.body.contains("Status") && !s.body.contains("Authors"),
            "{}",
            s.body
        );
        // The sections kept stay as written.
        assert!(
            s.body.starts_with("Context\n-------\n\nmachinist"),
            "{}",
            s.body
        );
        assert!(s.body.contains("Decision\n--------\n"), "{}", s.body);
        let notes = s.unmapped.join("\n");
        assert!(!notes.contains("no status"), "{notes}");
    }

    #[test]
    fn a_line_of_dashes_is_an_underline_only_where_commonmark_says() {
        let found = |text: &str| {
            let lines: Vec<&str> = text.split('\n').collect();
            let in_code = code_or_comment_mask(&lines);
            headings_of(&lines, &in_code, 0)
                .into_iter()
                .map(|h| (h.line, h.end, h.level, h.text.into_owned()))
                .collect::<Vec<_>>()
        };
        let h = |line, end, level, text: &str| (line, end, level, text.to_owned());
        assert_eq!(found("Status\n------\n\nAccepted"), [h(0, 1, 2, "Status")]);
        assert_eq!(found("Title\n=====\n"), [h(0, 1, 1, "Title")]);
        // The whole paragraph the underline ends, indented up to three spaces.
        assert_eq!(
            found("Some prose\n  wrapped\n   ---  \n"),
            [h(0, 2, 2, "Some prose wrapped")]
        );
        for (text, why) in [
            (
                "Status\n\n------\n\nAccepted",
                "after a blank line: a thematic break",
            ),
            ("```\nStatus\n------\n```\n", "in fenced code"),
            ("<!--\nStatus\n------\n-->\n", "in a comment"),
            ("- Status\n------\n", "after a list item"),
            ("> Status\n------\n", "after a quote"),
            ("| Status |\n------\n", "after a table row"),
            ("    Status\n------\n", "after indented code"),
            ("Status\n- - -\n", "spaced: a thematic break"),
            (
                "Status\n    ------\n",
                "indented four: the paragraph goes on",
            ),
            ("Status\n--- x\n", "not dashes alone"),
            ("------\nStatus\n", "the first line"),
        ] {
            assert_eq!(found(text), [], "{why}: {text:?}");
        }
        assert_eq!(
            found("## Status\n------\n"),
            [h(0, 0, 2, "Status")],
            "after a heading: a thematic break"
        );
        // After one heading's underline, a second line of dashes is a thematic break.
        assert_eq!(found("Context\n---\n---\n"), [h(0, 1, 2, "Context")]);
        // A list that does not start at 1 does not interrupt a paragraph.
        assert_eq!(
            found("Decided in\n2021. Then\n---\n"),
            [h(0, 2, 2, "Decided in 2021. Then")]
        );
    }

    #[test]
    fn front_matter_fences_are_no_underlines() {
        let d = parse(
            "0003-x.md",
            "---\nstatus: accepted\ndate: 2024-03-14\n---\nUse X\n=====\n\nContext\n-------\n\nWhy.\n",
        );
        assert_eq!((d.title.as_str(), d.status.as_str()), ("Use X", "accepted"));
        assert_eq!(d.body, "Context\n-------\n\nWhy.\n");
        // Unclosed, the first `---` is read as Markdown: a thematic break, no heading.
        let d = parse(
            "0004-y.md",
            "---\nStatus\n------\n\nRejected\n\nContext\n-------\n\nWhy not.\n",
        );
        assert_eq!(d.status, "rejected");
        assert!(d.body.starts_with("---\n"), "{}", d.body);
    }

    #[test]
    fn metadata_lines_over_a_rule_are_still_metadata() {
        // CommonMark makes `Date: …` over `---` a heading; written so, it was metadata and
        // a rule, and stays so.
        let d = parse(
            "0006-w.md",
            "# 6. Use W\n\nDate: 2024-03-14\nStatus: Accepted\n---\n\n## Context\n\nWhy.\n",
        );
        assert_eq!(
            (d.status.as_str(), d.date.to_string()),
            ("accepted", "2024-03-14".into())
        );
        assert_eq!(d.body, "---\n\n## Context\n\nWhy.\n");
    }

    #[test]
    fn underlined_sections_move_down_under_a_front_matter_title() {
        let d = parse(
            "0005-z.md",
            "---\ntitle: Use Z\nstatus: accepted\n---\nContext\n=======\n\nWhy.\n\nDetails\nin two lines\n-------\n\nMore.\n",
        );
        assert_eq!(d.title, "Use Z");
        assert_eq!(
            d.body,
            "Context\n-------\n\nWhy.\n\n### Details in two lines\n\nMore.\n"
        );
    }

    #[test]
    fn finding_headings_is_linear() {
        let text = |n: usize| "Para\ngraph\n---\n\n- item\n---\n\n# H\n".repeat(n);
        let time = |n: usize| {
            let text = text(n);
            let lines: Vec<&str> = text.split('\n').collect();
            let in_code = code_mask(&lines);
            crate::cpu_time::cpu_time_of(|| headings_of(&lines, &in_code, 0)).1
        };
        crate::cpu_time::assert_grows_linearly("sections", 50_000, time);
    }

    #[test]
    fn headings_of_hostile_shapes_stay_linear() {
        // What a parser may look back over: quotes nested deep, brackets never closed,
        // HTML blocks, fences opened on list items, underlines under long paragraphs.
        let text = |n: usize| {
            let mut t = String::new();
            for i in 0..n {
                t.push_str(&">".repeat(i % 40));
                t.push_str(" Quote [open [brackets ![ <span\n");
                t.push_str("<details>\n## In HTML\n\n- ```sh\n  # comment\n  ```\n");
                t.push_str("Para\n[x]: <y\n---\n\n");
            }
            t
        };
        let time = |n: usize| {
            let text = text(n);
            let lines: Vec<&str> = text.split('\n').collect();
            let in_code = code_or_comment_mask(&lines);
            crate::cpu_time::cpu_time_of(|| headings_of(&lines, &in_code, 0)).1
        };
        crate::cpu_time::assert_grows_linearly("blocks", 5_000, time);
    }

    #[test]
    fn many_bold_status_labels_stay_linear() {
        // Every `**Status**` paragraph a section, with prose under each: read as one
        // status section each, the record's lines would be copied once per label.
        let text = |n: usize| {
            let mut t = String::from("# 1. X\n\n");
            for _ in 0..n {
                t.push_str("**Status**\n\nAccepted\n\nKept rather than deleted, as it was.\n\n**Date**\n\n2024-01-01\n\n");
            }
            t
        };
        let time = |n: usize| {
            let text = text(n);
            crate::cpu_time::cpu_time_of(|| parse("0001-x.md", &text)).1
        };
        crate::cpu_time::assert_grows_linearly("labels", 2_000, time);
    }

    /// A part of a split page: its heading's line, number, title and status.
    type Part = (usize, Option<u32>, String, String);

    /// `split_page`'s parts, or `None` when the page is one record.
    fn parts(text: &str) -> Option<Vec<Part>> {
        let split = split_page("decisions.md", text, &opts())?;
        Some(
            split
                .parts
                .into_iter()
                .map(|p| {
                    let d = p.decision;
                    (p.line, d.source_number, d.title, d.status)
                })
                .collect(),
        )
    }

    #[test]
    fn a_page_of_numbered_records_is_split_at_its_headings() {
        let page = "# Decisions\n\nWhy we keep them.\n\n## ADR-001: Use Postgres\n\n**Status:** Accepted\n\nDate: 2024-01-02\n\n### Context\n\nWe need a database.\n\n## ADR-002: Use Redis\n\n- Status: proposed\n- Date: 2024-02-03\n\nFor sessions.\n";
        assert_eq!(
            parts(page).unwrap(),
            [
                (5, Some(1), "Use Postgres".to_owned(), "accepted".to_owned()),
                (15, Some(2), "Use Redis".to_owned(), "proposed".to_owned()),
            ]
        );
        let split = split_page("decisions.md", page, &opts()).unwrap();
        // Sections under a record are raised with it; notes name the page's lines.
        let first = &split.parts[0].decision;
        assert_eq!(first.body, "## Context\n\nWe need a database.\n");
        assert_eq!(first.source, "decisions.md:5");
        assert!(split.note.starts_with(
            "decisions.md: a page of 2 records, split at its numbered `##` headings (lines 5, 15), each imported as a record of its own; lines 1–3 are in no record"
        ));
        let late = "# D\n\n## ADR-1: A\n\nStatus: accepted\nDate: 2024-13-45\n\n## ADR-2: B\n\nStatus: accepted\n";
        let split = split_page("d.md", late, &opts()).unwrap();
        assert!(
            split.parts[0]
                .decision
                .unmapped
                .iter()
                .any(|n| n.starts_with("d.md:6: date `2024-13-45`")),
            "{:?}",
            split.parts[0].decision.unmapped
        );
    }

    /// An index that sets out its records under numbered headings, each linking the
    /// record's own file: no record is imported twice, and a status that differs from
    /// the record's is noted, as any index's is.
    #[test]
    fn an_index_of_numbered_sections_is_no_second_copy_of_its_records() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write(
            "0001-use-x.md",
            "# 1. Use X\n\nStatus: accepted\nDate: 2024-01-01\n",
        );
        write(
            "0002-use-y.md",
            "# 2. Use Y\n\nStatus: proposed\nDate: 2024-01-02\n",
        );
        write(
            "README.md",
            "# Decisions\n\n## ADR-001: Use X\n\nStatus: accepted\n\n[Read it](0001-use-x.md)\n\n## ADR-002: Y, the queue\n\nStatus: accepted\n\n[Read it](0002-use-y.md)\n",
        );
        let c = import_dir(dir.path(), &opts()).unwrap();
        assert_eq!(c.decisions.len(), 2, "{:?}", c.skipped);
        assert!(
            c.skipped.contains(&(
                "README.md".to_owned(),
                "an index: each of its 2 numbered sections is a record imported from its own file"
                    .to_owned()
            )),
            "{:?}",
            c.skipped
        );
        assert_eq!(
            c.decisions[1].unmapped,
            [
                "README.md:9: the index says accepted for 0002-use-y.md, whose record says proposed; imported as the record says (correct the one that is wrong)"
            ]
        );
    }

    #[test]
    fn one_record_is_not_split() {
        for (page, why) in [
            (
                "# 7. Use X\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use X.\n",
                "no numbered heading but the title",
            ),
            (
                "# Decisions\n\n## ADR-001: Use X\n\nStatus: accepted\n\n## Later\n\nMore.\n",
                "one record heading",
            ),
            (
                "# Decisions\n\n## ADR-001: Use X\n\nStatus: accepted\n\n```md\n## ADR-002: Use Y\n\nStatus: accepted\n```\n\n<!--\n## ADR-003: Use Z\n\nStatus: accepted\n-->\n",
                "the second heading is in a code block, the third in a comment",
            ),
            (
                "# 7. Use X\n\nStatus: accepted\nDate: 2024-01-01\n\n## 1. Option A\n\nDate: 2024-01-02\n\n## 2. Option B\n\nDate: 2024-01-03\n",
                "numbered sections of a record with a status of its own",
            ),
            (
                "# Guide\n\n## 1. Install\n\nRun it.\n\n## 2. Configure\n\nEdit it.\n",
                "numbered sections with no status or date",
            ),
            (
                "# ADR 4: Use X\n\n## 1. Context\n\nStatus: accepted\n\n## 2. Decision\n\nDate: 2024-01-01\n",
                "numbered sections named as a record's",
            ),
        ] {
            assert!(parts(page).is_none(), "{why}");
        }
    }

    #[test]
    fn setext_record_headings_split_the_page() {
        let page = "Decisions\n=========\n\nADR-1: Use X\n------------\n\nStatus: accepted\n\nADR-2: Use Y\n------------\n\nStatus: rejected\n\nDR 3. Use Z\n-----------\nStatus: proposed\n";
        assert_eq!(
            parts(page).unwrap(),
            [
                (4, Some(1), "Use X".to_owned(), "accepted".to_owned()),
                (9, Some(2), "Use Y".to_owned(), "rejected".to_owned()),
                (14, Some(3), "Use Z".to_owned(), "proposed".to_owned()),
            ]
        );
    }

    #[test]
    fn every_prefix_of_a_page_of_records_splits_without_panic() {
        let page = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/va-decision-record/picklist/key-decisions.md"),
        )
        .unwrap();
        let page = page.replace("### DR 3", "Setext DR 3\n---\n\n#### DR 9");
        for end in (0..=page.len())
            .step_by(5)
            .filter(|&i| page.is_char_boundary(i))
        {
            let _ = split_page("key-decisions.md", &page[..end], &opts());
            let _ = split_page("key-decisions.md", &page[end..], &opts());
        }
    }

    #[test]
    fn many_record_headings_split_in_linear_time() {
        let page = |n: usize| {
            let mut t = String::from("# Decisions\n\n");
            for i in 1..=n {
                t.push_str(&format!(
                    "## ADR-{i}: Decision {i}\n\n**Status:** Accepted\n\nDate: 2024-01-02\n\n### Context\n\nWhy.\n\n"
                ));
            }
            t
        };
        let time = |n: usize| {
            let text = page(n);
            let (parts, took) = crate::cpu_time::cpu_time_of(|| split_page("d.md", &text, &opts()));
            assert_eq!(parts.map_or(0, |p| p.parts.len()), n);
            took
        };
        crate::cpu_time::assert_grows_linearly("records", 5_000, time);
    }

    #[test]
    fn status_paragraphs_keep_the_prose_after_the_status() {
        fn at(t: &str) -> Option<&str> {
            status_prose_start(t).map(|i| &t[i..])
        }
        assert_eq!(
            at("Proposed 2026-09-24, prototype. Behind a flag until the load test passes."),
            Some("prototype. Behind a flag until the load test passes.")
        );
        assert_eq!(
            at("**Proposed.** The decision was made by the founder."),
            Some("The decision was made by the founder.")
        );
        assert_eq!(
            at("Superseded by [ADR-9](0009-x.md), [ADR-10](0010-y.md). Kept for the history."),
            Some("Kept for the history.")
        );
        // All status, or no status first: read as a whole, as before.
        for whole in [
            "Accepted",
            "Accepted 2024-03-14",
            "Implemented (Swift 5.1)",
            "Decided on Bulma. Open to other frameworks later.",
            "Kept rather than deleted: this record is why.",
        ] {
            assert_eq!(at(whole), None, "{whole}");
        }
        let d = parse(
            "0007-x.md",
            "# 7. X\n\n## Status\n\nProposed 2026-09-24, prototype.\nBehind a flag until\nthe load test passes.\n\n## Context\n\nC.\n",
        );
        assert_eq!(d.status, "proposed");
        assert_eq!(d.date.to_string(), "2026-09-24");
        assert_eq!(
            d.body,
            "## Status\n\nprototype.\nBehind a flag until\nthe load test passes.\n\n## Context\n\nC.\n"
        );
        assert_eq!(
            d.unmapped,
            ["0007-x.md:5: the status section's prose is kept in the body"]
        );
    }

    #[test]
    fn index_statuses_are_read_at_the_head() {
        assert_eq!(
            index_status("**Proposed** — some note", true),
            Some("proposed")
        );
        assert_eq!(index_status("Accepted 2026-01-05", true), Some("accepted"));
        assert_eq!(index_status("(rejected)", false), Some("rejected"));
        assert_eq!(index_status("- Accepted", false), Some("accepted"));
        assert_eq!(index_status("Use Postgres", false), None);
        assert_eq!(
            index_status("accepted by the board after a long debate", false),
            None
        );
    }

    #[test]
    fn headings_in_html_quotes_and_list_items_are_not_the_records() {
        let found = |text: &str| {
            let lines: Vec<&str> = text.split('\n').collect();
            let in_code = code_or_comment_mask(&lines);
            headings_of(&lines, &in_code, 0)
                .into_iter()
                .map(|h| (h.line, h.end, h.level, h.text.into_owned()))
                .collect::<Vec<_>>()
        };
        for (text, why) in [
            (
                "<pre>\nStatus\n------\n\n## Decision\n</pre>\n",
                "in a <pre> block",
            ),
            ("<details>\n## Status\n</details>\n", "in an HTML block"),
            (
                "- ```sh\n  # comment\n  ```\n",
                "in a fence on a list item's line",
            ),
            ("> ## Status\n", "in a quote"),
            ("- item\n\n  ## Status\n", "in a list item"),
            (
                "> Status\nAccepted\n---\n",
                "a quote's lazy line over a rule",
            ),
        ] {
            assert_eq!(found(text), [], "{why}: {text:?}");
        }
        assert_eq!(
            found("- ```sh\n  # comment\n  ```\n\n## Decision\n"),
            [(4, 4, 2, "Decision".to_owned())]
        );
    }

    #[test]
    fn heading_ids_follow_the_build() {
        let ids = heading_ids(
            "## Context\n\n```\n## not a heading\n```\n## `Span<T>` and *more*\n## Context\n",
        );
        let mut ids: Vec<_> = ids.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["context", "context-1", "spant-and-more"]);
        let ids = heading_ids("Status\n------\n\nAccepted\n\nRisks and costs\n---\n");
        let mut ids: Vec<_> = ids.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["risks-and-costs", "status"]);
    }
}
