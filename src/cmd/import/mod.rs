//! `orgbook import FORMAT`: decision records (adr-tools, MADR, log4brains) and team
//! structure kept for other tools (a Backstage catalog, Team API pages, a Kubernetes-style
//! `sigs.yaml`, Prow's peribolos configuration, rust-lang/team's registry, the service
//! catalog files of OpsLevel, Cortex, Compass and Datadog) brought into the
//! handbook with one command, one file here per format. Reading and mapping live in the
//! pure-ish [`orgbook::import`]; each command finds its sources, hands them to the planner,
//! writes everything or nothing (never replacing a file) and reports. This file owns what
//! the formats share, so that each reads, stops and reports as the others do: a source that
//! is not UTF-8 costs a note, not the import; every problem is printed before one "Nothing
//! imported"; and the summary line leaves out its zero counts.

mod adr;
mod backstage;
mod peribolos;
mod rust_team;
mod services;
mod sigs;
mod team_api;

use std::collections::HashMap;
use std::fmt::Display;
use std::path::Path;

use super::report::{EXIT_ERRORS, EXIT_OK};
use crate::cli::{ImportCommand, ImportParentArg};
use orgbook::import::ImportCounts;
use orgbook::scaffold::{self, Survey};
use orgbook::text::counted;

/// An importer's exit code, `Err` when a step ends it early: each step is then one `?`.
type Exit<T = u8> = Result<T, u8>;

pub fn execute(command: ImportCommand) -> u8 {
    let exit = match command {
        ImportCommand::Adr(args) => adr::run(args),
        ImportCommand::Backstage(args) => backstage::run(args),
        ImportCommand::TeamApi(args) => team_api::run(args),
        ImportCommand::Sigs(args) => sigs::run(args),
        ImportCommand::Peribolos(args) => peribolos::run(args),
        ImportCommand::RustTeam(args) => rust_team::run(args),
        ImportCommand::Services(args) => services::run(args),
    };
    exit.unwrap_or_else(|code| code)
}

/// A source file of a charter import, as text.
struct SourceText {
    /// The path as notes and errors name it.
    file: String,
    text: String,
    /// How bytes that are not UTF-8 (an old Windows editor) were read, as a note: they
    /// cost a note, not the file, as in `import adr`.
    legacy: Option<String>,
}

/// Reads `path`, or says why it could not, as one of the problems that stop the import
/// once every file has been tried.
fn read_source(path: &Path) -> Result<SourceText, String> {
    let file = path.display().to_string();
    match orgbook::text::legacy::read_text(path) {
        Ok((text, legacy)) => Ok(SourceText {
            legacy: legacy.map(|how| format!("{file}: {}", how.describe())),
            file,
            text,
        }),
        Err(e) => Err(format!("{file}: cannot read: {e}")),
    }
}

/// The id of the charter `--parent` names, when given: by id, display name or the name's
/// slug, as content names a team ([`Survey::team`], the nearest suggested for a typo),
/// checked before any source is read.
fn checked_parent(root: &Path, parent: &ImportParentArg) -> Exit<Option<String>> {
    let Some(written) = parent.slug.as_deref() else {
        return Ok(None);
    };
    match Survey::of(root).team(written) {
        Ok((id, _)) => Ok(Some(id.to_string())),
        Err(e) => Err(crate::cmd::new::fail(&e)),
    }
}

/// Whether the note on `orgbook init --empty`'s starter group is due after an import
/// under `parent`: not when the import put its charters under that group.
fn starter_note_due(parent: Option<&str>) -> bool {
    parent != Some("engineering")
}

/// A source that could not be found or read as a whole: there is nothing to count.
fn nothing_imported(e: impl Display) -> u8 {
    errln!("error: {e}");
    errln!("Nothing imported");
    EXIT_ERRORS
}

/// A source whose charters or records are all in the handbook already: a re-run, which is
/// no failure.
fn nothing_new(what: std::fmt::Arguments) -> Exit {
    errln!("Nothing new to import: {what}");
    Ok(EXIT_OK)
}

/// Stops the import when there are problems, all of them printed first: one run shows
/// everything there is to fix.
fn stop_on<E: Display>(errors: &[E]) -> Exit<()> {
    match errors {
        [] => Ok(()),
        _ => Err(stopped(errors)),
    }
}

/// Prints the problems that stop the import, then how many there were.
fn stopped<E: Display>(errors: &[E]) -> u8 {
    for e in errors {
        errln!("error: {e}");
    }
    errln!(
        "Nothing imported: {} above",
        counted(errors.len(), "problem", "problems")
    );
    EXIT_ERRORS
}

fn print_notes(notes: &[String]) {
    for note in notes {
        errln!("note: {note}");
    }
}

/// A file's last change in git, which is the `reviewed` date of the charters made of it;
/// asked once per file, as one file often holds many teams.
fn last_changed() -> impl FnMut(&str) -> Option<jiff::civil::Date> {
    let mut seen: HashMap<String, Option<jiff::civil::Date>> = HashMap::new();
    move |file| {
        *seen.entry(file.to_owned()).or_insert_with(|| {
            orgbook::gitdates::file_last_changed(Path::new(file)).and_then(|d| d.parse().ok())
        })
    }
}

/// An import's last line: what it did, then a clause for each count worth saying. Each
/// importer lists its clauses in the order they print, and a count of zero is left out
/// here, once, rather than by an `if` around each clause.
struct Summary {
    line: String,
    separator: &'static str,
}

impl Summary {
    /// `head`, then each clause after "; ", as the charter imports write them.
    fn new(head: String) -> Summary {
        Summary {
            line: head,
            separator: "; ",
        }
    }

    /// How every charter import's summary starts, so that all say it alike: what it wrote,
    /// with `groups` the name of its format's groups, then `with`, the rest of the head in
    /// the format's own terms.
    fn charters(
        dry_run: bool,
        files: usize,
        count: ImportCounts,
        (group, groups): Noun,
        with: &str,
    ) -> Summary {
        Summary::new(format!(
            "{} {} ({}, {}) with {with}",
            imported(dry_run),
            counted(files, "charter", "charters"),
            counted(count.teams, "team", "teams"),
            counted(count.groups, group, groups),
        ))
    }

    fn separated_by(self, separator: &'static str) -> Summary {
        Summary { separator, ..self }
    }

    /// "N what" in the number of `n` (`what` is the clause for one, then for more),
    /// unless `n` is zero.
    fn count(&mut self, n: usize, (one, many): (&str, &str)) {
        if n > 0 {
            self.always(&counted(n, one, many));
        }
    }

    /// A clause said whatever the counts.
    fn always(&mut self, clause: &str) {
        self.line.push_str(self.separator);
        self.line.push_str(clause);
    }
}

/// "N were charters already …", after the head's count of what the source holds.
const KEPT: Noun = (
    "was a charter already and is kept as it is",
    "were charters already and are kept as they are",
);

/// "N groups were charters already …", said by the imports whose sources have groups.
const KEPT_GROUPS: Noun = (
    "group was a charter already and is kept as it is",
    "groups were charters already and are kept as they are",
);

/// A noun or a clause after a count, for one and for more ([`counted`]).
type Noun = (&'static str, &'static str);

/// What most charter imports call the groups they write.
const GROUPS: Noun = ("group", "groups");

/// The clauses several charter imports end with.
const METRIC_PLACEHOLDER: &str =
    "each team's metric is a placeholder to fill in (the health page lists them)";
const NO_DESCRIPTION: Noun = (
    "team has no description of four words or more, so its problem is a placeholder",
    "teams have no description of four words or more, so their problem is a placeholder",
);
const UNDATED_FILE: Noun = (
    "charter has no `reviewed` date (its file has no git history), so the health page lists it as never reviewed until a review sets one",
    "charters have no `reviewed` date (their file has no git history), so the health page lists them as never reviewed until a review sets one",
);

/// How the report starts: what was done, or with `--dry-run` what would be.
fn imported(dry_run: bool) -> &'static str {
    if dry_run { "Would import" } else { "Imported" }
}

/// How every charter import ends: the planned charters written, all or none (with
/// `dry_run`, their paths printed instead); the note on the starter group when the import
/// brought charters and `starter_note` allows it; then the summary.
fn finish(
    root: &Path,
    survey: &Survey,
    files: &[(String, String)],
    dry_run: bool,
    starter_note: bool,
    summary: Summary,
) -> Exit {
    write_charters(root, files, dry_run)?;
    if starter_note
        && !files.is_empty()
        && let Some(note) = starter_group_left(survey, dry_run)
    {
        errln!("note: {note}");
    }
    errln!("{}", summary.line);
    Ok(EXIT_OK)
}

/// Writes the planned charters, none if any of them is already there; with `dry_run`,
/// prints their paths instead.
fn write_charters(root: &Path, files: &[(String, String)], dry_run: bool) -> Exit<()> {
    if let Some((rel, _)) = files.iter().find(|(rel, _)| root.join(rel).exists()) {
        errln!("error: {rel} already exists; orgbook never overwrites a file");
        return Err(EXIT_ERRORS);
    }
    for (rel, text) in files {
        if dry_run {
            outln!("{rel}");
            continue;
        }
        if let Err(e) = scaffold::write_new(root, rel, text) {
            errln!("error: {e}");
            return Err(EXIT_ERRORS);
        }
    }
    Ok(())
}

/// When the handbook was only the group `orgbook init --empty` starts it with, and an
/// import brought charters of its own: that group is left with no teams (an `empty-group`
/// finding) beside them, which the user should know is theirs to remove or reuse. Every
/// charter import has `--parent`, the one-step way to reuse it; after a real run the
/// charters are written, so that way goes through deleting them first.
fn starter_group_left(survey: &Survey, dry_run: bool) -> Option<String> {
    let [(slug, entry)] = survey.teams.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let starter = slug == "engineering"
        && entry.path == format!("{}/teams/engineering.md", orgbook::load::CONTENT_DIR)
        && entry.kind == Some(orgbook::model::TeamKind::Group)
        && entry.people.is_empty();
    starter.then(|| {
        let reuse = match dry_run {
            true => format!("import with `--parent {slug}` to put the top-level charters under it"),
            false => format!(
                "set it as the `parent` of the imported top-level charters (or delete them and import again with `--parent {slug}`, which also writes them in its folder)"
            ),
        };
        format!(
            "{}, the group `orgbook init --empty` started the handbook with, has no teams: delete it, or, if it is their organisation, {reuse}",
            entry.path
        )
    })
}
