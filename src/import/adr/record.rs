//! One record's text read section by section: its title, the metadata lines, header tables and
//! sections that give its status, dates, people and relations, and its body, into the [`Meta`]
//! the import writes.

use super::*;

/// One record being read: its lines, which of them are code, which stay in the body, and
/// the metadata and notes read so far. [`parse_record_beside`] runs its steps in order;
/// each takes what it reads out of the body (`keep`).
pub(super) struct Record<'t> {
    pub(super) lines: Vec<&'t str>,
    pub(super) in_code: Vec<bool>,
    pub(super) keep: Vec<bool>,
    /// Lines kept in part, as they are written in the body: (line, its text kept).
    pub(super) rewritten: Vec<(usize, String)>,
    pub(super) notes: Notes<'t>,
    pub(super) meta: Meta,
}

impl<'t> Record<'t> {
    pub(super) fn new(file_name: &'t str, text: &'t str) -> Self {
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
    pub(super) fn front_matter(&mut self) -> usize {
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
    pub(super) fn template_placeholders(&mut self) {
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
    pub(super) fn headings(&self, start: usize) -> Vec<Heading<'t>> {
        headings_of(&self.lines, &self.in_code, start)
    }

    /// The title: the first `# Heading` that is not a section's name, else the front
    /// matter's, else the file name's words.
    pub(super) fn title(
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
    pub(super) fn title_label(&mut self) -> Option<(String, usize)> {
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
    pub(super) fn preamble(&mut self, start: usize, headings: &[Heading], title: &Title) {
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
    pub(super) fn metadata_table(&mut self, from: usize, to: usize) -> usize {
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
    pub(super) fn read_metadata_table(&mut self, rows: &[usize]) -> bool {
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
    pub(super) fn metadata_sections(&mut self, headings: &[Heading], title: &Title) {
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
    pub(super) fn bold_label_sections(&mut self, headings: &[Heading]) {
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
    pub(super) fn metadata_section(&mut self, h: &Heading, name: &str, end: usize) {
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
    pub(super) fn status_section(&mut self, heading: &Heading, lines: &[&str], end: usize) {
        let mut kept_at = None;
        let mut stated = false;
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
            // Once a paragraph has said the status, one that opens with a status word and
            // goes on in prose (LearnFlow's `Accepted once the decision below was verified
            // …` under `Accepted — 2026-08-13.`) tells how it came to be: prose.
            let first = sentences(&text).into_iter().next().unwrap_or_default();
            let listed =
                strip_bullet(lines[span.start].trim()).len() != lines[span.start].trim().len();
            let prose = stated
                && !code
                && !listed
                && task_item(&text).is_none()
                && text.split_whitespace().count() >= 4
                && split_top_level(first)
                    .first()
                    .is_some_and(|c| status_clause(c, false).is_none());
            let before = self.meta.status.len();
            let read = !prose && self.meta.status_text(&text, span.start + 1, &mut side);
            stated |= self.meta.status.len() > before;
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
    pub(super) fn keep_from(
        &mut self,
        span: std::ops::Range<usize>,
        lines: &[&str],
        at: usize,
        to: usize,
    ) {
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
    pub(super) fn authors_section(&mut self, heading: &Heading, end: usize) {
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
    pub(super) fn drop_tables_of_contents(&mut self, start: usize, headings: &[Heading]) {
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
    pub(super) fn relations(&mut self, start: usize) {
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
    pub(super) fn finish(
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
        // A record whose author kept the template's title (`# Subject`, MADR's `[short
        // title of solved problem and solution]`) but filled in its status or date is a
        // record: its file name says what it decides. A template states neither.
        let meta = &self.meta;
        let real = !meta.placeholder_status
            && !meta.placeholder_date
            && (!meta.status.is_empty() || meta.date.is_some() || !meta.superseded_by.is_empty());
        let from_name = names.title();
        let placeholder_title = real
            && is_placeholder_title(&title.raw)
            && !slugify(names.words).is_empty()
            && !is_placeholder_title(&from_name)
            && !from_name
                .to_lowercase()
                .split_whitespace()
                .any(|w| w == "template");
        let plain_title = if placeholder_title {
            self.notes.at(
                title.line,
                format!(
                    "the title `{}` is the template's placeholder; the title is made from the file name: “{from_name}”",
                    title.raw.trim()
                ),
            );
            from_name
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
        let template = match placeholder_title {
            true => template_reason(&plain_title, file_numbered, meta),
            false => template_reason(&title.raw, file_numbered, meta),
        };
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
        meta.order_history();
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
                let added = crate::import::ystatement::sections(
                    y,
                    crate::import::ystatement::Has::of(&body),
                    2,
                );
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
        let team = meta.team_of_record(&opts.owner_teams, &mut self.notes);
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
            team,
            supersedes: meta.supersedes,
            superseded_by: meta.superseded_by,
            tags: meta.tags,
            body,
            unmapped: self.notes.list,
        }
    }

    /// The first paragraph kept, outside code, that is a Y-statement
    /// ([`crate::import::ystatement`]): its first line (1-based) and its parts. Each line is
    /// looked at once; only a paragraph that opens by naming a context is read whole.
    pub(super) fn y_statement(&self) -> Option<(usize, crate::import::ystatement::YStatement)> {
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
            if let Some(y) = crate::import::ystatement::parse(&text) {
                return Some((first + 1, y));
            }
        }
        None
    }

    /// The lines kept, with MADR's relation links first. The title is the page's only
    /// `<h1>`: a body that still has `#` sections (an RFC's `# Motivation`, a record titled
    /// in its front matter) moves every heading one level down, so the outline keeps its
    /// shape under the title.
    pub(super) fn body(&self, headings: &[Heading]) -> String {
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
