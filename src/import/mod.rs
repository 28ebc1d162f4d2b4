//! Importing records written for other tools: decision records into orgbook decisions
//! (`adr.rs`, `dir.rs`); a Backstage catalog (`backstage.rs`), Team API documents
//! (`team_api.rs`), a Kubernetes-style `sigs.yaml` (`sigs.rs`), Prow's peribolos
//! configuration (`peribolos.rs`), rust-lang/team's registry (`rust_team.rs`) and the
//! per-repository service catalogs of OpsLevel, Cortex, Compass and Datadog
//! (`services.rs`) into charters.
//!
//! This module owns the format-independent half of `orgbook import`: the
//! [`ImportedDecision`] every decision importer produces, writing it out as an orgbook
//! decision file ([`to_orgbook_file`]), and [`reconcile`], which makes a whole
//! imported set consistent (both sides of every supersedes link, links between
//! records pointing at their new file names); for charters, the front matter every
//! charter importer writes ([`CharterFrontMatter`]) and what each plan counts for the
//! summary ([`ImportCounts`]). Keeping this apart from the
//! parsers means a future importer only has to fill in an `ImportedDecision` or a
//! `CharterFrontMatter`; the orgbook side of the contract (docs/format.md's keys) lives
//! here once.
//!
//! Everything here is pure (no file system, no clock): the caller passes
//! "today" in [`ImportOptions`], so results are reproducible and testable.

mod adr;
pub mod backstage;
mod dir;
mod log;
mod owner_team;
pub mod peribolos;
pub mod rust_team;
pub mod services;
pub mod sigs;
pub mod team_api;
mod ystatement;

pub use adr::{PagePart, SplitPage, parse_adr, parse_record, split_page};
pub use dir::{ATTACHMENTS_DIR, Attachment, Collection, Rewrite, import_dir};
pub use owner_team::OwnerTeams;

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

/// Settings that come from the command line rather than from the source files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// Slug of the owning team, written to every imported decision.
    pub team: String,
    /// 1 = irreversible, escalated; 2 = reversible. Source formats have no such notion.
    pub decision_type: u8,
    /// Fallback for records without a usable date (the caller passes today).
    pub today: jiff::civil::Date,
    /// Decision numbers the handbook already uses: an imported record never takes one.
    pub taken: std::collections::BTreeSet<u32>,
    /// Added to every source number (`--offset`), e.g. 1000 for a second collection.
    pub offset: u32,
    /// Refuse the import when a source number (plus offset) is taken (`--keep-numbers`),
    /// instead of giving the record the next free number.
    pub keep_numbers: bool,
    /// The web address of the source folder (`--source-url`): links to repository files
    /// that are not attachments become absolute links below it.
    pub source_url: Option<String>,
    /// Read dates of undated records from `git log` when the folder is in a work tree.
    pub git_dates: bool,
    /// The handbook's `content/decisions/`, so attachments never replace a different
    /// file already there.
    pub into: Option<std::path::PathBuf>,
    /// The status of a record that states none (`--status`): `proposed` unless the
    /// folder is known to hold decided records (an RFC repository's merged RFCs).
    pub unstated_status: &'static str,
    /// The handbook's decisions by title: (date, number, file). A record with the title
    /// and date of one of them (or only its title, when the record has no date of its
    /// own) was imported before, told apart by number when several fit: a second run of
    /// the import picks up the new records and leaves those alone.
    pub existing: HashMap<String, Vec<(jiff::civil::Date, u32, String)>>,
    /// The handbook's teams, so that a record's `owner:` naming one of them makes the
    /// record that team's rather than its author.
    pub owner_teams: OwnerTeams,
}

impl ImportOptions {
    /// Options with no numbers taken, no offset, and git dates on.
    pub fn new(team: &str, decision_type: u8, today: jiff::civil::Date) -> ImportOptions {
        ImportOptions {
            team: team.to_owned(),
            decision_type,
            today,
            taken: Default::default(),
            offset: 0,
            keep_numbers: false,
            source_url: None,
            git_dates: true,
            into: None,
            unstated_status: "proposed",
            existing: HashMap::new(),
            owner_teams: OwnerTeams::default(),
        }
    }
}

/// Where a record's date came from: the import report counts and lists the guessed ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dated {
    /// A date line, front matter, or a status line in the record itself.
    #[default]
    Record,
    /// The `YYYYMMDD-` prefix of a log4brains-style file name.
    FileName,
    /// The commit that added the file (no date in the record).
    Git,
    /// 1 January of the year its folder names (`accepted/2021/`): no date in the record
    /// and no git history.
    Folder,
    /// Today: no date in the record and no git history.
    Today,
}

/// One source record, mapped onto orgbook's decision keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportedDecision {
    /// The source file name as given to the parser; notes and errors refer to it.
    pub source: String,
    pub number: u32,
    /// File stem without the number, kebab-case (from the title when the stem has none).
    pub slug: String,
    pub title: String,
    /// One of proposed | accepted | rejected | deprecated | superseded.
    pub status: String,
    /// Whether the record states its status; else `status` is `--status`'s default.
    pub status_stated: bool,
    pub date: jiff::civil::Date,
    pub decided: Option<jiff::civil::Date>,
    pub deciders: Vec<String>,
    /// Who wrote or drove the record (an RFC's Owner or Author(s), a DACI's Driver, an
    /// RFD's `authors`), for orgbook's `authors`.
    pub authors: Vec<String>,
    /// The handbook's team the record itself names (its `team:`, else an `owner:` that
    /// is a team, [`OwnerTeams`]); `None` gives it `--team`'s.
    pub team: Option<String>,
    pub supersedes: Vec<u32>,
    /// Numbers named by "Superseded by …" in the source. orgbook has no key for
    /// this (it derives it from the other record's `supersedes`), but
    /// [`reconcile`] needs it to fill in the other side.
    pub superseded_by: Vec<u32>,
    pub tags: Vec<String>,
    /// Markdown body without the title heading and the status/date metadata.
    pub body: String,
    /// Human-readable notes of what could not be mapped, each starting `file:line:`
    /// (or `file:` when no single line is to blame).
    pub unmapped: Vec<String>,
    /// The number the source gave the record (file name, else title); `None` for
    /// date-named records, which are numbered in date order.
    pub source_number: Option<u32>,
    /// The date of a `YYYYMMDD-slug.md` file name.
    pub file_date: Option<jiff::civil::Date>,
    /// The year a folder of its path names (.NET's `accepted/2021/`), for its date when
    /// neither the record nor git has one.
    pub folder_year: Option<i16>,
    pub dated: Dated,
    /// The record's date as written, when orgbook could not read it and no other date
    /// line of the record could stand in: the body keeps it (`Date as written: …`), and
    /// the report says what was used instead.
    pub unread_date: Option<String>,
    /// Relation targets given as links, by the target's file stem (without `.md`):
    /// these survive renumbering and date-named files, where numbers do not.
    pub supersedes_files: Vec<String>,
    pub superseded_by_files: Vec<String>,
    /// Relations given only by a link to a file whose name has no number (log4brains'
    /// `20200301-use-z.md`): they resolve only to an imported record of that file, and
    /// when there is none the link must not vanish with the line it was written on.
    pub file_relations: Vec<FileRelation>,
    /// Relations orgbook has no key for (`Amends …`, `Clarified by …`), as Markdown
    /// list items; they end up in the body under "Related decisions".
    pub related: Vec<String>,
    /// Why the file looks like an unfilled template, when it does.
    pub template: Option<String>,
    /// True when the file has any status or date metadata (an index has none).
    pub has_metadata: bool,
    /// Local `.md` links in the body, counted to recognise an index page.
    pub md_links: usize,
    /// The handbook's file of the decision this record is, imported before (see
    /// [`ImportOptions::existing`]): it keeps that number and is not written again.
    pub imported_as: Option<String>,
}

/// One relation to a record named by its file alone (see
/// [`ImportedDecision::file_relations`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRelation {
    /// `superseded by` or `supersedes`, as notes say it.
    pub relation: &'static str,
    /// The target's file stem, as [`ImportedDecision::superseded_by_files`] holds it.
    pub stem: String,
    /// The link's destination as written, for the note.
    pub target: String,
    /// The 1-based line it was written on.
    pub line: usize,
    /// The "Related decisions" item that keeps it (`Superseded by: [Use Z](…)`) when its
    /// line left the body (a status line); `None` when the line stays in the body.
    pub kept_as: Option<String>,
}

impl ImportedDecision {
    /// The file name the decision gets in `content/decisions/`: `NNNN-slug.md`.
    pub fn file_name(&self) -> String {
        orgbook_file_name(self.number, &self.slug)
    }
}

/// Why a source record could not be imported at all. Each variant names the
/// file, because the caller reports many files at once.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{file}: cannot read: {source}")]
    Read {
        file: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file}: no title: expected a `# Title` heading or a `title:` front matter key")]
    NoTitle { file: String },
    #[error("{file}:{line}: front matter: {message}")]
    FrontMatter {
        file: String,
        line: usize,
        message: String,
    },
}

/// The exact key order and spelling of FORMAT.md's decision front matter.
/// Serialising through `toml` (instead of formatting strings by hand) gets
/// quoting and escaping of titles and names right, and writes dates as
/// unquoted TOML dates as the format requires.
#[derive(Serialize)]
struct DecisionFrontMatter<'a> {
    title: &'a str,
    status: &'a str,
    #[serde(rename = "type")]
    decision_type: u8,
    date: toml::value::Datetime,
    #[serde(skip_serializing_if = "Option::is_none")]
    decided: Option<toml::value::Datetime>,
    team: &'a str,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    deciders: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    authors: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    supersedes: &'a [u32],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
}

/// A charter's front matter as importers write it, in docs/format.md's key order, serialised
/// by the toml crate so that names with quotes or backslashes are escaped correctly.
/// Tables come last, as TOML requires.
#[derive(Serialize, Default)]
pub(super) struct CharterFrontMatter<'a> {
    pub name: &'a str,
    pub kind: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problem: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topology: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub owns: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub codeowners: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewed: Option<toml::value::Datetime>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub contact: BTreeMap<&'a str, String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub metrics: Vec<MetricEntry<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<InteractionEntry<'a>>,
}

/// One `[[metrics]]` entry of [`CharterFrontMatter`].
#[derive(Serialize)]
pub(super) struct MetricEntry<'a> {
    pub name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub current: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<&'a str>,
}

/// One `[[interactions]]` entry of [`CharterFrontMatter`].
#[derive(Serialize)]
pub(super) struct InteractionEntry<'a> {
    pub team: &'a str,
    pub mode: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<&'a str>,
}

impl MetricEntry<'static> {
    /// The scaffold's placeholder metric, which the health page lists until it is replaced.
    pub fn placeholder() -> MetricEntry<'static> {
        MetricEntry {
            name: crate::scaffold::PLACEHOLDER_METRIC,
            current: None,
            target: None,
        }
    }
}

impl CharterFrontMatter<'_> {
    /// The front matter between its `+++` lines, then a blank line.
    pub fn to_front_matter(&self) -> String {
        // Strings, arrays of strings, a date and tables of strings always serialise.
        let toml = toml::to_string(self).expect("charter front matter is always valid TOML");
        format!("+++\n{toml}+++\n\n")
    }
}

/// What every charter importer's plan counts of the charters it will write, for the
/// command's summary line. Each `Plan` embeds one as `count` and keeps beside it only the
/// counts its own format has (secret teams, marker teams), so a count that means the same
/// thing in every format is named and documented once. A format without a notion (Team
/// API documents name no members) leaves it at zero.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ImportCounts {
    /// New team charters.
    pub teams: usize,
    /// New group charters.
    pub groups: usize,
    /// Distinct people named in the charters written.
    pub members: usize,
    /// What the charters written own: repositories, subprojects, catalog entities.
    pub owned: usize,
    /// `[[interactions]]` entries written.
    pub interactions: usize,
    /// Teams and groups of the source that are charters of the handbook already: kept as
    /// they are, not written again.
    pub existing: usize,
    /// Teams whose problem is the scaffold's placeholder: the source said nothing usable
    /// of what they are for.
    pub without_problem: usize,
    /// Charters without a `reviewed` date: no date in the source, nor git history.
    pub undated: usize,
}

/// `base`, else `base-2`, `base-3`…: the first slug not taken, which it then is. Every
/// charter importer numbers a second team of the same name this way, so that the handbook
/// reads alike whatever it was imported from.
pub(super) fn unique_slug(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut slug = base.to_owned();
    let mut n = 1;
    while taken.contains(&slug) {
        n += 1;
        slug = format!("{base}-{n}");
    }
    taken.insert(slug.clone());
    slug
}

/// The folder an import writes its top-level charters in: `parent`'s (a charter of the
/// handbook, checked by the caller), as `orgbook new team --parent` puts a team, else
/// `content/teams`.
pub(super) fn top_folder(survey: &crate::scaffold::Survey, parent: Option<&str>) -> String {
    parent
        .and_then(|p| survey.teams.get(p))
        .map(|e| e.path.trim_end_matches(".md").to_owned())
        .unwrap_or_else(|| format!("{}/teams", crate::load::CONTENT_DIR))
}

/// What a source gives a team the handbook has a charter for already that the charter
/// does not list: its people not among the charter's lead and members (each once, in the
/// source's order), and its items not among its `owns`. An import never edits a charter,
/// so every charter importer says these in its note on the team, to add by hand.
pub(super) fn not_in_charter<'a>(
    charter: &crate::scaffold::TeamEntry,
    people: impl IntoIterator<Item = &'a str>,
    items: impl IntoIterator<Item = &'a str>,
) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut listed: BTreeSet<String> = charter.people.iter().map(|p| p.to_lowercase()).collect();
    let new_people = people
        .into_iter()
        .filter(|p| listed.insert(p.to_lowercase()))
        .collect();
    let owned: BTreeSet<String> = charter
        .owns
        .iter()
        .map(|o| crate::model::ownership_key(o))
        .collect();
    let new_items = items
        .into_iter()
        .filter(|i| !owned.contains(&crate::model::ownership_key(i)))
        .collect();
    (new_people, new_items)
}

/// A Markdown link to `url`, by its title when it has one, as an importer writes it into
/// a charter's body.
pub(super) fn markdown_link(url: &str, title: Option<&str>) -> String {
    // An address with spaces or parentheses would end the link early: the pointy form
    // holds any of them, once its own brackets are encoded.
    let dest = if url.contains(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>')) {
        let encoded = url
            .replace('<', "%3C")
            .replace('>', "%3E")
            .replace(|c: char| c.is_whitespace(), "%20");
        format!("<{encoded}>")
    } else {
        url.to_owned()
    };
    let text = title.unwrap_or(url);
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() && "\\[]*_`<>!#&|~".contains(c) {
            escaped.push('\\');
        }
        escaped.push(if c.is_control() { ' ' } else { c });
    }
    format!("[{escaped}]({dest})")
}

pub(super) fn toml_date(d: jiff::civil::Date) -> toml::value::Datetime {
    toml::value::Datetime {
        // jiff allows negative years, TOML does not; importers only produce
        // four-digit years, so clamping can only affect a nonsensical `today`.
        date: Some(toml::value::Date {
            year: u16::try_from(d.year()).unwrap_or(0),
            month: d.month().unsigned_abs(),
            day: d.day().unsigned_abs(),
        }),
        time: None,
        offset: None,
    }
}

/// The complete orgbook decision file: `+++` TOML front matter `+++`, a blank
/// line, then the Markdown body.
/// A re-run's note on the `count` charters the handbook has already and the source adds
/// nothing to (`names`, as listed), each word agreeing with the count: "1 group is a charter
/// of the handbook already, and the catalog gives it nothing new: …; kept as it is".
fn kept_as_they_are(count: usize, noun: (&str, &str), source_gives: &str, names: &str) -> String {
    let one = count == 1;
    format!(
        "{}, and {source_gives} {} nothing new: {names}; kept as {}",
        crate::text::counted(
            count,
            &format!("{} a charter of the handbook already", noun.0),
            &format!("{} charters of the handbook already", noun.1),
        ),
        if one { "it" } else { "them" },
        if one { "it is" } else { "they are" },
    )
}

pub fn to_orgbook_file(d: &ImportedDecision, opts: &ImportOptions) -> String {
    let fm = DecisionFrontMatter {
        title: &d.title,
        status: &d.status,
        decision_type: opts.decision_type,
        date: toml_date(d.date),
        decided: d.decided.map(toml_date),
        team: d.team.as_deref().unwrap_or(&opts.team),
        deciders: &d.deciders,
        authors: &d.authors,
        supersedes: &d.supersedes,
        tags: &d.tags,
    };
    // A struct of strings, integers, dates and arrays of those always has a
    // TOML representation, so this cannot fail.
    let toml = toml::to_string(&fm).expect("decision front matter is always valid TOML");
    let mut out = format!("+++\n{toml}+++\n");
    let body = d.body.trim_matches('\n');
    if !body.is_empty() {
        out.push('\n');
        out.push_str(body);
        out.push('\n');
    }
    out
}

/// Makes an imported set agree with itself, so that it builds:
/// - a record that says "Superseded by N" gets listed in N's `supersedes`;
/// - every record listed in another's `supersedes` gets status "superseded"
///   (and a `decided` date, since it had been decided before it was replaced);
/// - body links to other records' source files are pointed at the file names
///   they get on import, whatever their source names looked like.
///
/// Every change is recorded in the changed record's `unmapped` notes, because
/// the user should see where the two sides of the source disagreed. Running it
/// twice changes nothing the second time.
pub fn reconcile(decisions: &mut [ImportedDecision]) {
    reconcile_relations(decisions);
    rewrite_record_links(decisions);
}

/// The supersedes half of [`reconcile`], for a set whose numbers are final and whose
/// links were already followed (a directory import).
pub fn reconcile_relations(decisions: &mut [ImportedDecision]) {
    let mut by_number: HashMap<u32, usize> = HashMap::new();
    for (i, d) in decisions.iter_mut().enumerate() {
        match by_number.entry(d.number) {
            // The first record with a number wins the links; import_dir turns
            // duplicates into errors before this, so this is for direct callers.
            Entry::Occupied(_) => push_note_once(
                &mut d.unmapped,
                format!(
                    "{}: decision number {} is used by another imported record too; \
                     links and supersedes to it are ambiguous",
                    d.source, d.number
                ),
            ),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }

    // "Superseded by" on the old record → `supersedes` on the new one.
    for i in 0..decisions.len() {
        let number = decisions[i].number;
        for by in decisions[i].superseded_by.clone() {
            match by_number.get(&by) {
                Some(&j) if j != i => {
                    if !decisions[j].supersedes.contains(&number) {
                        decisions[j].supersedes.push(number);
                        decisions[j].supersedes.sort_unstable();
                        let note = format!(
                            "{}: added {number} to supersedes, because {} says it is superseded by {by}",
                            decisions[j].source, decisions[i].source
                        );
                        decisions[j].unmapped.push(note);
                    }
                }
                Some(_) => {
                    decisions[i].superseded_by.retain(|&n| n != number);
                    let note = format!(
                        "{}: says it is superseded by itself ({number}); ignored",
                        decisions[i].source
                    );
                    decisions[i].unmapped.push(note);
                }
                None => {
                    let note = format!(
                        "{}: superseded by {by}, which is not among the imported records; \
                         add `supersedes = [{number}]` to decision {by} if it exists in the handbook",
                        decisions[i].source
                    );
                    push_note_once(&mut decisions[i].unmapped, note);
                }
            }
        }
    }

    // `supersedes` on the new record → status "superseded" on the old one.
    for i in 0..decisions.len() {
        let number = decisions[i].number;
        if decisions[i].supersedes.contains(&number) {
            decisions[i].supersedes.retain(|&n| n != number);
            let note = format!(
                "{}: says it supersedes itself ({number}); removed from supersedes",
                decisions[i].source
            );
            decisions[i].unmapped.push(note);
        }
        for old in decisions[i].supersedes.clone() {
            let Some(&j) = by_number.get(&old) else {
                let note = format!(
                    "{}: supersedes {old}, which is not among the imported records; \
                     the build fails unless decision {old} exists in the handbook",
                    decisions[i].source
                );
                push_note_once(&mut decisions[i].unmapped, note);
                continue;
            };
            // A proposal names the record it would replace, but replaces nothing until it
            // is accepted (a rejected one never does): the old record keeps its status,
            // as the build reads it.
            // A record that states no status (adr-tools' `## Status` with only
            // `Supersedes …`) was written to replace the other one: it does.
            let status = decisions[i].status.clone();
            if decisions[i].status_stated && !takes_effect(&status) {
                if decisions[j].status != "superseded" {
                    let note = format!(
                        "{}: is {status} and supersedes {old}; decision {old} stays {} until this one is accepted",
                        decisions[i].source, decisions[j].status
                    );
                    push_note_once(&mut decisions[i].unmapped, note);
                }
                continue;
            }
            let target = &mut decisions[j];
            if !target.superseded_by.contains(&number) {
                target.superseded_by.push(number);
                target.superseded_by.sort_unstable();
            }
            if target.status != "superseded" {
                let note = format!(
                    "{}: status changed from {} to superseded, because decision {number} supersedes it",
                    target.source, target.status
                );
                target.status = "superseded".to_owned();
                // A superseded record was in force before; its own date is the
                // best available stand-in for when that was decided.
                if target.decided.is_none() {
                    target.decided = Some(target.date);
                }
                target.unmapped.push(note);
            }
        }
    }
}

/// Whether a record of this status replaces the ones it supersedes: it was accepted, at
/// least once (a superseded or deprecated record was in force before).
fn takes_effect(status: &str) -> bool {
    !matches!(status, "proposed" | "rejected")
}

fn rewrite_record_links(decisions: &mut [ImportedDecision]) {
    let by_number: HashMap<u32, usize> = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.number, i))
        .collect();
    let names: HashMap<u32, String> = by_number
        .iter()
        .map(|(&n, &i)| (n, decisions[i].file_name()))
        .collect();
    let sources: HashMap<String, u32> = decisions
        .iter()
        .map(|d| (d.source.clone(), d.number))
        .collect();
    for d in decisions.iter_mut() {
        let mut dangling = Vec::new();
        d.body = rewrite_links(&d.body, |dest| {
            let (file, rest) = split_local_md_link(dest)?;
            let number = sources
                .get(file)
                .copied()
                .or_else(|| adr_link_number(file))?;
            match names.get(&number) {
                Some(name) => Some(format!("{name}{rest}")),
                None => {
                    dangling.push(file.to_owned());
                    None
                }
            }
        });
        for file in dangling {
            push_note_once(
                &mut d.unmapped,
                format!(
                    "{}: the body links to {file}, which is not among the imported records; \
                     the build fails on links to missing files",
                    d.source
                ),
            );
        }
    }
}

pub(super) fn push_note_once(notes: &mut Vec<String>, note: String) {
    if !notes.contains(&note) {
        notes.push(note);
    }
}

/// `NNNN-slug.md`, the decision file naming of FORMAT.md.
fn orgbook_file_name(number: u32, slug: &str) -> String {
    format!("{number:04}-{slug}.md")
}

/// The one slug rule, so `import` names a title as `orgbook new` does.
use crate::text::slug as slugify;

/// The number in a record's file stem and what follows it: `0007-use-x` →
/// (7, "use-x"), `adr-007` → (7, ""), `ADR_12_use_x` → (12, "use_x"). The
/// number must be followed by a separator or the end, so `2fa-login` is not
/// decision 2, and a date prefix (`2024-03-14-title`, another naming
/// convention for records) is not decision 2024.
fn stem_number(stem: &str) -> Option<(u32, &str)> {
    let b = stem.as_bytes();
    let digits_at =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if digits_at(0..4)
        && b.get(4) == Some(&b'-')
        && digits_at(5..7)
        && b.get(7) == Some(&b'-')
        && digits_at(8..10)
    {
        return None;
    }
    // The series a file name numbers its record in: `adr-007`, Ethereum's `eip-20` and
    // `erc-721`, Kotlin's `KEEP-0004-type-aliases`. Only a number right after the series
    // makes it one (`adrift`, `keep-it-simple` are names).
    let rest = SERIES_PREFIXES
        .iter()
        .find_map(|p| {
            let rest = strip_ascii_prefix_ci(stem, p)?.trim_start_matches(['-', '_', ' ']);
            rest.starts_with(|c: char| c.is_ascii_digit())
                .then_some(rest)
        })
        .unwrap_or(stem);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    let mut after = &rest[digits..];
    // `0004a-…`: a record squeezed in after 4 keeps 4 and shares it, so the import gives it
    // the next free number and lists it; `2fa-login` is a name, not a number.
    let mut letters = after.chars();
    if digits >= 3
        && letters.next().is_some_and(|c| c.is_ascii_lowercase())
        && (letters.as_str().is_empty() || letters.as_str().starts_with(['-', '_', '.', ' ']))
    {
        after = &after[1..];
    }
    if !(after.is_empty() || after.starts_with(['-', '_', '.', ' '])) {
        return None;
    }
    let number = rest[..digits].parse().ok()?;
    Some((number, after.trim_start_matches(['-', '_', '.', ' '])))
}

/// The series whose name a record's file name may start with, before its number: RFC
/// templates' pages are exported as `RFC 512 Move search indexing.md`, RFDs as `rfd-0005`.
const SERIES_PREFIXES: [&str; 6] = ["adr", "eip", "erc", "keep", "rfc", "rfd"];

fn strip_ascii_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// The decision number of a link target that names a record file
/// (`0009-foo.md`, `adr-009.md`), by the same rule as source file names.
fn adr_link_number(file: &str) -> Option<u32> {
    let stem = strip_md_extension(file)?;
    stem_number(stem).map(|(n, _)| n)
}

fn strip_md_extension(file: &str) -> Option<&str> {
    let dot = file.rfind('.')?;
    file[dot + 1..]
        .eq_ignore_ascii_case("md")
        .then_some(&file[..dot])
}

/// Splits a link destination into a same-folder `.md` file name and the
/// `#fragment`/`?query` after it. Links into other folders or to other sites
/// are left alone: only siblings are known to become siblings after import.
fn split_local_md_link(dest: &str) -> Option<(&str, &str)> {
    let cut = dest.find(['#', '?']).unwrap_or(dest.len());
    let (path, rest) = dest.split_at(cut);
    let file = path.strip_prefix("./").unwrap_or(path);
    if file.is_empty() || file.contains(['/', '\\', ':']) {
        return None;
    }
    strip_md_extension(file)?;
    Some((file, rest))
}

/// Rewrites the destination of every Markdown link and reference definition
/// for which `f` returns a replacement. Fenced code blocks and inline code are
/// skipped, since a link-looking string there is text, not a link.
fn rewrite_links(md: &str, mut f: impl FnMut(&str) -> Option<String>) -> String {
    rewrite_links_with(md, |d| f(d).map(Rewrite::To))
}

/// [`rewrite_links`] where a destination may also be dropped, keeping the link's text.
fn rewrite_links_with(md: &str, mut f: impl FnMut(&str) -> Option<Rewrite>) -> String {
    let mut out = String::with_capacity(md.len());
    let mut fence: Option<(char, usize)> = None;
    let mut in_comment = false;
    for (i, line) in md.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if in_comment {
            in_comment = outside_comments(line, true, &mut f, &mut out);
            continue;
        }
        if let Some(open) = fence_marker(line) {
            match fence {
                None => fence = Some(open),
                Some((c, n)) if open.0 == c && open.1 >= n && is_closing_fence(line) => {
                    fence = None
                }
                Some(_) => {}
            }
            out.push_str(line);
            continue;
        }
        if fence.is_some() {
            out.push_str(line);
            continue;
        }
        if let Some((start, end)) = reference_definition_dest(line) {
            match f(&line[start..end]) {
                Some(Rewrite::To(new)) => {
                    out.push_str(&line[..start]);
                    out.push_str(&new);
                    out.push_str(&line[end..]);
                }
                // A definition has no text of its own: without it, the `[ADR-002]` that
                // uses it is its text, as an unlinked inline link keeps its text; kept,
                // it would be a broken link that fails the imported handbook's build.
                Some(Rewrite::Unlink) => {}
                None => out.push_str(line),
            }
            continue;
        }
        in_comment = outside_comments(line, false, &mut f, &mut out);
    }
    out
}

/// [`rewrite_inline_links`] on the parts of `line` outside HTML comments, which are the
/// author's notes (MADR's `<!-- example: Refined by [ADR-0005](0005-example.md) -->`):
/// their links are neither rewritten nor reported. Whether a comment is still open at
/// the end of the line.
fn outside_comments(
    line: &str,
    mut in_comment: bool,
    f: &mut impl FnMut(&str) -> Option<Rewrite>,
    out: &mut String,
) -> bool {
    let mut rest = line;
    loop {
        if in_comment {
            let Some(end) = rest.find("-->") else {
                out.push_str(rest);
                return true;
            };
            out.push_str(&rest[..end + 3]);
            rest = &rest[end + 3..];
            in_comment = false;
        } else {
            let opens = comment_start(rest);
            let Some(start) = opens else {
                rewrite_inline_links(rest, f, out);
                return false;
            };
            rewrite_inline_links(&rest[..start], f, out);
            out.push_str("<!--");
            rest = &rest[start + 4..];
            in_comment = true;
        }
    }
}

fn rewrite_inline_links(line: &str, f: &mut impl FnMut(&str) -> Option<Rewrite>, out: &mut String) {
    let bytes = line.as_bytes();
    let mut copied = 0;
    let mut i = 0;
    // Unmatched `[` positions, so an unlinked link's text can be found.
    let mut opens: Vec<usize> = Vec::new();
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'[' => {
                opens.push(i);
                i += 1;
            }
            b']' if bytes.get(i + 1) != Some(&b'(') => {
                opens.pop();
                i += 1;
            }
            b'`' => {
                // Skip a code span: a run of n backticks up to the next run of exactly n.
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let close = "`".repeat(run);
                let mut j = i + run;
                let mut end = None;
                while let Some(pos) = line[j..].find(&close) {
                    let at = j + pos;
                    let len = bytes[at..].iter().take_while(|&&b| b == b'`').count();
                    if len == run {
                        end = Some(at + run);
                        break;
                    }
                    j = at + len;
                }
                i = end.unwrap_or(i + run);
            }
            b']' if bytes.get(i + 1) == Some(&b'(') => {
                let start = i + 2;
                let Some((dest_start, dest_end, next)) = inline_dest(line, start) else {
                    i += 1;
                    continue;
                };
                let open = opens.pop();
                match f(&line[dest_start..dest_end]) {
                    Some(Rewrite::To(new)) => {
                        out.push_str(&line[copied..dest_start]);
                        out.push_str(&new);
                        copied = dest_end;
                    }
                    Some(Rewrite::Unlink) => {
                        let close = line[dest_end..].find(')').map(|p| dest_end + p + 1);
                        if let (Some(open), Some(close)) = (open, close)
                            && open >= copied
                        {
                            // `![alt](x)` loses its `!` too: the alt text stays.
                            let start = if open > 0 && bytes[open - 1] == b'!' {
                                open - 1
                            } else {
                                open
                            };
                            out.push_str(&line[copied..start]);
                            out.push_str(&line[open + 1..i]);
                            copied = close;
                            i = close;
                            continue;
                        }
                    }
                    None => {}
                }
                i = next;
            }
            _ => i += 1,
        }
    }
    out.push_str(&line[copied..]);
}

/// Where the first HTML comment of `line` opens, outside code spans (an odd number of
/// backticks before a `<!--` puts it in one): one pass over the line.
fn comment_start(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut in_code = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'`' {
            in_code = !in_code;
        } else if b == b'<' && !in_code && bytes[i..].starts_with(b"<!--") {
            return Some(i);
        }
    }
    None
}

/// The destination of an inline link starting right after `](`: either
/// `<...>` or a run without spaces in which parentheses balance.
fn inline_dest(line: &str, start: usize) -> Option<(usize, usize, usize)> {
    let bytes = line.as_bytes();
    let mut s = start;
    while bytes.get(s) == Some(&b' ') {
        s += 1;
    }
    if bytes.get(s) == Some(&b'<') {
        let end = s + 1 + line[s + 1..].find('>')?;
        return Some((s + 1, end, end + 1));
    }
    let mut depth = 0usize;
    let mut e = s;
    while e < bytes.len() {
        match bytes[e] {
            b'(' => depth += 1,
            b')' if depth == 0 => break,
            b')' => depth -= 1,
            b' ' | b'\t' => break,
            _ => {}
        }
        e += 1;
    }
    (e > s).then_some((s, e, e))
}

/// `[label]: destination` at the start of a line (up to three spaces in).
fn reference_definition_dest(line: &str) -> Option<(usize, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 || !line[indent..].starts_with('[') || line[indent..].starts_with("[^") {
        return None;
    }
    let close = indent + line[indent..].find("]:")?;
    let mut s = close + 2;
    let bytes = line.as_bytes();
    while matches!(bytes.get(s), Some(b' ' | b'\t')) {
        s += 1;
    }
    let (s, e) = if bytes.get(s) == Some(&b'<') {
        (s + 1, s + 1 + line[s + 1..].find('>')?)
    } else {
        let len = line[s..].find([' ', '\t']).unwrap_or(line.len() - s);
        (s, s + len)
    };
    (e > s).then_some((s, e))
}

/// The fence character and length if `line` opens or closes a fenced code block.
fn fence_marker(line: &str) -> Option<(char, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let n = rest.len() - rest.trim_start_matches(c).len();
    (n >= 3).then_some((c, n))
}

fn is_closing_fence(line: &str) -> bool {
    line.trim().chars().all(|c| c == '`' || c == '~')
}

/// `file:line:column: not valid YAML: …`, the parser's first line, for the YAML importers'
/// errors (Backstage's catalogs, the service catalogs, `sigs.yaml`, peribolos' files): one
/// wording, so a user who met it once recognises it.
pub(super) fn yaml_error(file: &str, e: &yaml_serde::Error) -> String {
    let at = e
        .location()
        .map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
    format!(
        "{file}{at}: not valid YAML: {}",
        e.to_string().lines().next().unwrap_or_default()
    )
}

/// The 1-based line each YAML document of `text` starts on, in order: the line after each
/// `---` marker, and line 1 when there is content before the first marker. The parser
/// gives no document positions, and a note is only useful with a line; every YAML
/// importer (Backstage's catalogs, the service catalogs) locates its notes with it.
pub(super) fn document_lines(text: &str) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut content_before_marker = false;
    for (i, line) in text.lines().enumerate() {
        let is_marker = line == "---" || line.starts_with("--- ") || line.starts_with("---\t");
        if is_marker {
            if starts.is_empty() && content_before_marker {
                starts.push(1);
            }
            starts.push(i + 2);
        } else if starts.is_empty() {
            let t = line.trim();
            if !(t.is_empty() || t.starts_with('#') || t.starts_with('%')) {
                content_before_marker = true;
            }
        }
    }
    if starts.is_empty() {
        starts.push(1);
    }
    starts
}

/// Every charter a plan writes parses as a charter, without diagnostics: a charter the
/// handbook then rejects is an importer's failure, whatever its counts say.
#[cfg(test)]
pub(super) fn assert_charters_parse(files: &[(String, String)]) {
    for (path, text) in files {
        let rel = path.strip_prefix("content/").unwrap();
        let mut diags = Vec::new();
        crate::load::parse_doc(path.clone(), rel, text.clone(), &mut diags).unwrap();
        assert!(diags.is_empty(), "{path}: {diags:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn opts() -> ImportOptions {
        ImportOptions::new("payments", 2, date(2026, 3, 1))
    }

    fn decision(number: u32, status: &str) -> ImportedDecision {
        ImportedDecision {
            source: format!("{number:04}-d{number}.md"),
            number,
            slug: format!("d{number}"),
            title: format!("Decision {number}"),
            status: status.to_owned(),
            status_stated: true,
            date: date(2024, 1, number as i8),
            decided: None,
            deciders: vec![],
            authors: vec![],
            team: None,
            supersedes: vec![],
            superseded_by: vec![],
            tags: vec![],
            body: String::new(),
            unmapped: vec![],
            source_number: Some(number),
            file_date: None,
            folder_year: None,
            dated: Dated::Record,
            unread_date: None,
            supersedes_files: vec![],
            superseded_by_files: vec![],
            file_relations: vec![],
            related: vec![],
            template: None,
            has_metadata: true,
            md_links: 0,
            imported_as: None,
        }
    }

    #[test]
    fn stem_numbers() {
        assert_eq!(stem_number("0007-use-postgres"), Some((7, "use-postgres")));
        assert_eq!(stem_number("adr-007"), Some((7, "")));
        assert_eq!(stem_number("ADR_12_use_x"), Some((12, "use_x")));
        assert_eq!(stem_number("ADR007"), Some((7, "")));
        assert_eq!(stem_number("42"), Some((42, "")));
        assert_eq!(stem_number("2fa-login"), None);
        assert_eq!(stem_number("readme"), None);
        assert_eq!(stem_number("adrift"), None);
        assert_eq!(stem_number("2024-03-14-use-x"), None);
        assert_eq!(stem_number("2024-use-x"), Some((2024, "use-x")));
        assert_eq!(stem_number("0004a-ancestry"), Some((4, "ancestry")));
        assert_eq!(stem_number("0004ab-x"), None);
        assert_eq!(stem_number("12a-x"), None);
        assert_eq!(stem_number("eip-20"), Some((20, "")));
        assert_eq!(stem_number("ERC-721"), Some((721, "")));
        assert_eq!(
            stem_number("KEEP-0004-type-aliases"),
            Some((4, "type-aliases"))
        );
        assert_eq!(stem_number("keep-it-simple"), None);
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Use PostgreSQL (v11) for persistence!"),
            "use-postgresql-v11-for-persistence"
        );
        assert_eq!(slugify("use_x__y"), "use-x-y");
        assert_eq!(slugify("Über Café"), "uber-cafe");
        assert_eq!(slugify("--"), "");
    }

    #[test]
    fn toml_escapes_and_dates() {
        let mut d = decision(7, "accepted");
        d.title = r#"Use "quotes" \ and 'apostrophes' = fine"#.to_owned();
        d.decided = Some(date(2024, 1, 8));
        d.deciders = vec![r#"Erin "EJ" O'Neil"#.to_owned()];
        d.supersedes = vec![3];
        d.body = "\n\n## Context\n\nText.\n\n".to_owned();
        let file = to_orgbook_file(&d, &opts());
        let (fm, body) = file
            .strip_prefix("+++\n")
            .and_then(|s| s.split_once("+++\n"))
            .unwrap();
        assert_eq!(body, "\n## Context\n\nText.\n");
        assert!(fm.contains("date = 2024-01-07\n"), "{fm}");
        let v: toml::Table = toml::from_str(fm).unwrap();
        assert_eq!(v["title"].as_str(), Some(d.title.as_str()));
        assert_eq!(v["deciders"][0].as_str(), Some(r#"Erin "EJ" O'Neil"#));
        assert_eq!(v["type"].as_integer(), Some(2));
        assert_eq!(v["team"].as_str(), Some("payments"));
        assert_eq!(
            v["decided"].as_datetime().unwrap().to_string(),
            "2024-01-08"
        );
        assert!(!v.contains_key("tags"));
    }

    #[test]
    fn reconcile_fills_both_sides() {
        let mut ds = vec![
            decision(2, "superseded"),
            decision(3, "accepted"),
            decision(4, "accepted"),
        ];
        ds[0].superseded_by = vec![4];
        ds[2].supersedes = vec![3];
        reconcile(&mut ds);
        assert_eq!(ds[2].supersedes, vec![2, 3]);
        assert_eq!(ds[1].status, "superseded");
        assert_eq!(ds[1].decided, Some(ds[1].date));
        assert_eq!(ds[1].superseded_by, vec![4]);
        assert!(ds[1].unmapped[0].contains("status changed from accepted"));
        assert!(ds[2].unmapped[0].contains("added 2 to supersedes"));

        let before = ds.clone();
        reconcile(&mut ds);
        assert_eq!(ds, before, "reconcile is idempotent");
    }

    #[test]
    fn a_proposal_supersedes_nothing_yet() {
        let mut ds = vec![decision(1, "accepted"), decision(2, "proposed")];
        ds[1].supersedes = vec![1];
        reconcile(&mut ds);
        assert_eq!(ds[0].status, "accepted");
        assert_eq!(ds[1].supersedes, vec![1], "the relation is kept");
        assert!(
            ds[1].unmapped.iter().any(|n| n.contains(
                "is proposed and supersedes 1; decision 1 stays accepted until this one is accepted"
            )),
            "{:?}",
            ds[1].unmapped
        );
        let before = ds.clone();
        reconcile(&mut ds);
        assert_eq!(ds, before, "reconcile is idempotent");
    }

    #[test]
    fn reconcile_reports_missing_targets() {
        let mut ds = vec![decision(5, "accepted"), decision(6, "superseded")];
        ds[0].supersedes = vec![1, 5];
        ds[1].superseded_by = vec![9];
        ds[0].body = "See [one](0001-gone.md) and [six](adr-006.md#why), [site](https://x.org/0006-a.md), `[x](0006-d6.md)`.".to_owned();
        reconcile(&mut ds);
        assert_eq!(ds[0].supersedes, vec![1]);
        assert!(
            ds[0]
                .unmapped
                .iter()
                .any(|n| n.contains("supersedes itself"))
        );
        assert!(
            ds[0]
                .unmapped
                .iter()
                .any(|n| n.contains("supersedes 1, which is not among"))
        );
        assert!(
            ds[0]
                .unmapped
                .iter()
                .any(|n| n.contains("links to 0001-gone.md"))
        );
        assert!(ds[1].unmapped.iter().any(|n| n.contains("superseded by 9")));
        assert_eq!(
            ds[0].body,
            "See [one](0001-gone.md) and [six](0006-d6.md#why), [site](https://x.org/0006-a.md), `[x](0006-d6.md)`."
        );
    }

    #[test]
    fn link_rewriting_skips_code() {
        let md = "a [x](0001-a.md) b\n```\n[y](0001-a.md)\n```\n[ref]: ./0001-a.md#top \"T\"\n``[z](0001-a.md)`` [w](<0001-a.md>)";
        let out = rewrite_links(md, |d| {
            let (file, rest) = split_local_md_link(d)?;
            (file == "0001-a.md").then(|| format!("0001-b.md{rest}"))
        });
        assert_eq!(
            out,
            "a [x](0001-b.md) b\n```\n[y](0001-a.md)\n```\n[ref]: 0001-b.md#top \"T\"\n``[z](0001-a.md)`` [w](<0001-b.md>)"
        );
    }

    #[test]
    fn links_in_html_comments_are_left_alone() {
        let md = "We chose A. <!-- e.g. Replaces [ADR-0007](0007-sample.md) --> [real](0002-x.md)\n<!-- an example:\n[ADR-0008](0008-sample.md)\n--> `<!--` [also](0003-y.md)";
        let mut seen = Vec::new();
        let out = rewrite_links_with(md, |d| {
            seen.push(d.to_owned());
            Some(Rewrite::Unlink)
        });
        assert_eq!(seen, ["0002-x.md", "0003-y.md"]);
        assert_eq!(
            out,
            "We chose A. <!-- e.g. Replaces [ADR-0007](0007-sample.md) --> real\n<!-- an example:\n[ADR-0008](0008-sample.md)\n--> `<!--` also"
        );
    }

    #[test]
    fn unlinking_keeps_the_text() {
        let md = "See [the gone one](0009-gone.md) and ![a picture](gone.png), [kept](0001-a.md).";
        let out = rewrite_links_with(md, |d| (d != "0001-a.md").then_some(Rewrite::Unlink));
        assert_eq!(out, "See the gone one and a picture, [kept](0001-a.md).");
        let md = "[outer [inner]](gone.md) \\[not](gone.md)";
        let out = rewrite_links_with(md, |_| Some(Rewrite::Unlink));
        assert_eq!(out, "outer [inner] \\[not](gone.md)");
    }
}
