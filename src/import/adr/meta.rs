//! What a record says about itself, gathered from every place it may say it (front matter,
//! header table, bullets, sections), and the notes about what was read with an assumption.

use super::*;

pub(super) struct Notes<'a> {
    pub(super) file: &'a str,
    pub(super) list: Vec<String>,
}

impl Notes<'_> {
    pub(super) fn at(&mut self, line: usize, message: impl std::fmt::Display) {
        self.list.push(format!("{}:{line}: {message}", self.file));
    }

    pub(super) fn file(&mut self, message: impl std::fmt::Display) {
        self.list.push(format!("{}: {message}", self.file));
    }
}

#[derive(Clone, Copy)]
pub(super) enum Relation {
    Supersedes,
    SupersededBy,
}

/// What the metadata of one record said, gathered from wherever it was.
#[derive(Default)]
pub(super) struct Meta {
    /// Canonical status words in source order, with their lines.
    pub(super) status: Vec<(usize, &'static str)>,
    /// A date written on a status line (`Accepted on 2024-03-14`).
    pub(super) status_date: Option<Date>,
    /// The first such date, of the earliest status in a history (ADRFlow's `Proposed
    /// 2017-12-28` over `Accepted 2017-12-30`): when the record was written.
    pub(super) first_status_date: Option<Date>,
    /// The lines of the statuses that carried a date: a history, each step dated, whose
    /// earlier steps are no contradiction worth a note.
    pub(super) dated_status_lines: std::collections::HashSet<usize>,
    /// Each dated status: its place in `status` and its date. A history written newest
    /// first is put in the order it happened.
    pub(super) steps: Vec<(usize, Date)>,
    pub(super) supersedes: Vec<u32>,
    pub(super) superseded_by: Vec<u32>,
    pub(super) supersedes_files: Vec<String>,
    pub(super) superseded_by_files: Vec<String>,
    pub(super) file_relations: Vec<FileRelation>,
    /// Other relations, kept as Markdown list items.
    pub(super) related: Vec<String>,
    pub(super) date: Option<Date>,
    pub(super) deciders: Vec<String>,
    /// Who wrote or drove it: orgbook's `authors`, never its deciders.
    pub(super) authors: Vec<String>,
    /// The entries of `authors` an `owner:` or `owners:` gave, with their lines: a team
    /// of the handbook among them is the record's team instead ([`Meta::team_of_record`]).
    pub(super) owners: Vec<(usize, String)>,
    /// The record's own `team:`, as written, with its line.
    pub(super) team: Option<(usize, String)>,
    pub(super) tags: Vec<String>,
    pub(super) title: Option<(usize, String)>,
    /// The status was an unfilled template value (`[proposed | accepted | …]`).
    pub(super) placeholder_status: bool,
    /// The date was an unfilled template value (`YYYY-MM-DD`, `{date}`).
    pub(super) placeholder_date: bool,
    /// The first date orgbook could not read, as written.
    pub(super) unread_date: Option<String>,
    /// Go's design documents' `Last updated: September 7, 2016`: the record's date only
    /// when it states no other.
    pub(super) updated: Option<Date>,
    /// An EIP's `last-call-deadline`: the end of its last call, after which it was
    /// decided (the file has no decision date).
    pub(super) last_call: Option<Date>,
    /// A DACI's `Due date`: the record's date when it states no other and the day has come.
    pub(super) due: Option<Date>,
    /// Front matter links orgbook has no key for, as list items for the top of the body.
    pub(super) links: Vec<String>,
}

impl Meta {
    /// One `key: value` from a preamble line or (stringified) front matter.
    pub(super) fn field(&mut self, key: &str, value: &str, line: usize, notes: &mut Notes) {
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
            "authors" if matches!(lower.as_str(), "owner" | "owners") => {
                let before = self.authors.len();
                self.authors(value, line, notes);
                let added = self.authors[before..].iter().map(|a| (line, a.clone()));
                self.owners.extend(added);
            }
            "authors" => self.authors(value, line, notes),
            "team" if !value.trim().is_empty() && self.team.is_none() => {
                self.team = Some((line, value.trim().to_owned()));
            }
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
            // LearnFlow's `related:` lists, by file, the records a record builds on beside
            // other documents: the folder's records (a file beside it) are linked under
            // "Related decisions", so the links follow them to their new files.
            "related" if !value.trim().is_empty() => {
                let (siblings, others): (Vec<&str>, Vec<&str>) = value
                    .split(',')
                    .map(str::trim)
                    .filter(|f| !f.is_empty())
                    .partition(|f| {
                        let f = f.trim_start_matches("./");
                        f.ends_with(".md") && !f.contains('/') && !f.contains("](")
                    });
                if !siblings.is_empty() {
                    let links: Vec<String> = siblings
                        .iter()
                        .map(|f| {
                            let stem = f.trim_start_matches("./").trim_end_matches(".md");
                            format!("[{stem}]({f})")
                        })
                        .collect();
                    push_unique(&mut self.related, format!("Related: {}", links.join(", ")));
                }
                if !others.is_empty() {
                    notes.at(
                        line,
                        format!(
                            "`{key}: {}` names no record of the folder; dropped",
                            others.join(", ")
                        ),
                    );
                }
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

    /// The handbook's team the record names: its `team:`, else the first `owner:` that is a
    /// team. Every owner that is a team leaves `authors` (a team wrote nothing); one naming
    /// another team than the record's is a note at its line. A `team:` naming no team of
    /// the handbook is dropped with a note, as any key orgbook cannot use.
    pub(super) fn team_of_record(
        &mut self,
        teams: &OwnerTeams,
        notes: &mut Notes,
    ) -> Option<String> {
        let own = self
            .team
            .take()
            .and_then(|(line, written)| match teams.team(&written) {
                Some(id) => Some((line, id.to_owned())),
                None => {
                    notes.at(
                        line,
                        format!("`team: {written}` names no team of the handbook; dropped"),
                    );
                    None
                }
            });
        let mut team = own.as_ref().map(|(_, id)| id.clone());
        for (line, written) in std::mem::take(&mut self.owners) {
            let Some(id) = teams.team(&written) else {
                continue;
            };
            self.authors.retain(|a| *a != written);
            match &team {
                None => team = Some(id.to_owned()),
                Some(kept) if kept != id => {
                    let why = if own.is_some() {
                        "its `team:`"
                    } else {
                        "an owner before it"
                    };
                    notes.at(
                        line,
                        format!("owner `{written}` is the team {id}, but the record is {kept}'s ({why}); kept {kept}"),
                    );
                }
                Some(_) => {}
            }
        }
        team
    }

    pub(super) fn people(&mut self, value: &str, line: usize, notes: &mut Notes) {
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
    pub(super) fn authors(&mut self, value: &str, line: usize, notes: &mut Notes) {
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

    pub(super) fn date_text(&mut self, value: &str, line: usize, notes: &mut Notes) {
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
    pub(super) fn relation(
        &mut self,
        relation: Relation,
        found: Vec<Ref>,
        line: usize,
        in_body: bool,
    ) {
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
    pub(super) fn status_text(&mut self, text: &str, line: usize, notes: &mut Notes) -> bool {
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
        // `Accepted 2026-08-05. Proposed 2026-06-23.`: a history in one paragraph, a
        // sentence a step; each step is read as a status line of its own.
        let clauses: Vec<&str> = if all_status_clauses(text) {
            sentences(text)
                .into_iter()
                .flat_map(split_top_level)
                .collect()
        } else {
            split_top_level(text)
        };
        for written in clauses {
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
            let rest = after_status_word(&part[len..]);
            if !rest.is_empty() {
                match parse_date(rest) {
                    Some((date, assumption)) => {
                        if let Some(assumption) = assumption {
                            notes.at(line, assumption);
                        }
                        self.status_date = Some(date);
                        self.first_status_date.get_or_insert(date);
                        self.dated_status_lines.insert(line);
                        self.steps.push((self.status.len(), date));
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
    pub(super) fn ticked_status(&mut self, rest: &str, line: usize, notes: &mut Notes) -> bool {
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

    /// A status history whose every step is dated, written newest first (`Accepted
    /// 2026-08-05. Proposed 2026-06-23.`, or the steps as paragraphs), put in the order it
    /// happened: the last step is the status, the first one's date the record's, the last
    /// one's the decision's. On one day, a decision follows its proposal.
    pub(super) fn order_history(&mut self) {
        if self.steps.len() < 2 {
            return;
        }
        let stage = |s: &str| match s {
            "proposed" => 0,
            "accepted" | "rejected" => 1,
            _ => 2,
        };
        let mut history: Vec<_> = self
            .steps
            .iter()
            .map(|&(at, date)| (date, self.status[at]))
            .collect();
        history.sort_by_key(|&(date, (_, status))| (date, stage(status)));
        // The dated entries take the history's order in their places; a status stated
        // without a date (front matter's) keeps its own.
        for (&(at, _), &(_, entry)) in self.steps.iter().zip(&history) {
            self.status[at] = entry;
        }
        self.first_status_date = history.first().map(|&(d, _)| d);
        self.status_date = history.last().map(|&(d, _)| d);
    }

    /// The one orgbook status. Being superseded outranks any word written
    /// before it: adr-tools leaves "Accepted" in place when a record is
    /// superseded by hand, and that record is no longer in force.
    pub(super) fn final_status(&self, unstated: &'static str, notes: &mut Notes) -> &'static str {
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
pub(super) fn chosen_option(lines: &[&str], in_code: &[bool]) -> Option<(usize, String)> {
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

pub(super) fn push_unique<T: PartialEq>(list: &mut Vec<T>, item: T) {
    if !list.contains(&item) {
        list.push(item);
    }
}
