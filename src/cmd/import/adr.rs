//! `orgbook import adr DIR`: decision records written for adr-tools, MADR or log4brains,
//! read and mapped by [`orgbook::import::import_dir`]. This command decides the owning
//! team and the numbers already taken, leaves alone the records imported before, and
//! reports what was skipped and why, the old → new number table, guessed dates, links to
//! fix, and the counts.

use super::{Exit, Summary, imported, nothing_new, print_notes, stop_on};
use crate::cli::ImportAdrArgs;
use crate::cmd::new::{shown, today};
use crate::cmd::report::{self, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use orgbook::import::{self, ATTACHMENTS_DIR, ImportOptions, ImportedDecision, OwnerTeams};
use orgbook::load::CONTENT_DIR;
use orgbook::scaffold::{self, Survey};
use orgbook::text::counted;

pub(super) fn run(args: ImportAdrArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    if !args.dir.is_dir() {
        errln!("error: {} is not a folder", args.dir.display());
        return Err(EXIT_USAGE);
    }
    // Importing the handbook's own decisions folder would write each record beside its
    // source (and renumber it, its own number being taken): the sources must move out first.
    let own = root.join(CONTENT_DIR).join("decisions");
    if let (Ok(dir), Ok(own)) = (args.dir.canonicalize(), own.canonicalize())
        && dir.starts_with(&own)
    {
        errln!(
            "error: {} is inside the handbook's own decisions folder, where the import writes",
            args.dir.display()
        );
        errln!(
            "  = help: move the records out first, e.g. `git mv {CONTENT_DIR}/decisions adr && \
             orgbook import adr adr`"
        );
        return Err(EXIT_USAGE);
    }
    if let Some(url) = &args.source_url
        && !url.contains("://")
    {
        errln!("error: --source-url `{url}` is not a web address");
        errln!(
            "  = help: give the address of the imported folder in its repository, e.g. \
             https://github.com/org/repo/tree/main/doc/adr"
        );
        return Err(EXIT_USAGE);
    }
    let today = today().ok_or(EXIT_ERRORS)?;
    let survey = Survey::of(&root);
    let team = owning_team(&survey, args.team.as_deref())?;
    let decisions_dir = root.join(CONTENT_DIR).join("decisions");
    let opts = ImportOptions {
        taken: survey.decisions.keys().copied().collect(),
        offset: args.offset,
        keep_numbers: args.keep_numbers,
        unstated_status: args.status.as_str(),
        source_url: args.source_url.clone(),
        into: Some(decisions_dir.clone()),
        existing: existing_decisions(&root, &survey),
        owner_teams: OwnerTeams::of(&survey),
        ..ImportOptions::new(&team, args.decision_type, today)
    };
    let coll = match import::import_dir(&args.dir, &opts) {
        Ok(c) => c,
        Err(e) => {
            errln!("error: cannot read {}: {e}", args.dir.display());
            return Err(EXIT_ERRORS);
        }
    };
    for (file, why) in &coll.skipped {
        errln!("skipped: {file}: {why}");
    }
    let mut coll = coll;
    // Imported before (a second run, to pick up the records written since): left alone.
    let before = coll.decisions.len();
    coll.decisions.retain(|d| match &d.imported_as {
        Some(path) => {
            errln!("skipped: {}: imported before, as {path}", d.source);
            false
        }
        None => true,
    });
    let imported_before = before - coll.decisions.len();
    stop_on(&coll.errors)?;
    if coll.decisions.is_empty() && imported_before > 0 {
        return nothing_new(format_args!(
            "the {} of {} {} in the handbook already",
            counted(imported_before, "record", "records"),
            args.dir.display(),
            if imported_before == 1 { "is" } else { "are" }
        ));
    }
    if coll.decisions.is_empty() {
        errln!(
            "error: no decision records (.md files with a status, date or number) in {}",
            args.dir.display()
        );
        return Err(EXIT_ERRORS);
    }
    if let Some(clash) = coll
        .decisions
        .iter()
        .map(|d| root.join(target(d)))
        .find(|p| p.exists())
    {
        errln!(
            "error: {} already exists; orgbook never overwrites a file",
            shown(&clash)
        );
        return Err(EXIT_ERRORS);
    }

    let mut copied = 0;
    for d in &coll.decisions {
        let rel = target(d);
        let text = import::to_orgbook_file(d, &opts);
        if args.dry_run {
            outln!("{rel}");
            continue;
        }
        if let Err(e) = scaffold::write_new(&root, &rel, &text) {
            // Only a file created since the check above gets here.
            errln!("error: {e}");
            return Err(EXIT_ERRORS);
        }
    }
    for a in &coll.attachments {
        let to = decisions_dir.join(&a.to);
        if args.dry_run {
            outln!("{CONTENT_DIR}/decisions/{}", a.to);
            continue;
        }
        if to.exists() {
            // import_dir only reuses a name whose file has the same bytes.
            continue;
        }
        let result = std::fs::create_dir_all(to.parent().unwrap_or(&decisions_dir))
            .and_then(|()| std::fs::copy(&a.from, &to));
        if let Err(e) = result {
            errln!(
                "error: cannot copy {} to {}: {e}",
                a.from.display(),
                shown(&to)
            );
            return Err(EXIT_ERRORS);
        }
        copied += 1;
    }
    if args.dry_run {
        copied = coll.attachments.len();
    }

    print_report(&coll, &opts, (copied, imported_before), args.dry_run);
    Ok(EXIT_OK)
}

/// `counts`: attachments copied, and records left alone as imported before.
fn print_report(
    coll: &import::Collection,
    opts: &ImportOptions,
    (copied, imported_before): (usize, usize),
    dry_run: bool,
) {
    if !coll.renumbered.is_empty() {
        errln!("Renumbered (old -> new):");
        for (file, old, new) in &coll.renumbered {
            errln!("  {old} -> {new:04}  {file}");
        }
    }
    for link in fold_link_notes(&coll.repository_links) {
        errln!("link: {link}");
    }
    // The report says what needs a person: lines not understood or read with an
    // assumption. What reconcile did to make both sides of a supersedes agree follows from
    // the source and is left out (it is in the written files).
    let notes: Vec<&String> = coll
        .decisions
        .iter()
        .flat_map(|d| &d.unmapped)
        .filter(|n| {
            !(n.contains(": status changed from ") || n.contains(" to supersedes, because "))
        })
        .collect();
    let notes = fold_dropped_keys(&notes);
    let notes = fold_status_synonyms(notes);
    print_notes(&notes);
    let mut summary = Summary::new(format!(
        "{} {} into content/decisions/ for team `{}` (type {})",
        imported(dry_run),
        counted(coll.decisions.len(), "decision", "decisions"),
        opts.team,
        opts.decision_type
    ))
    .separated_by(", ");
    // Clauses of records ("3 renumbered") read the same in either number.
    let same = |clause| (clause, clause);
    summary.count(imported_before, same("imported before and left alone"));
    // The summary's `--team` is not theirs: each names its own.
    let own_team = coll
        .decisions
        .iter()
        .filter(|d| d.team.as_ref().is_some_and(|t| *t != opts.team))
        .count();
    summary.count(
        own_team,
        (
            "given to the team its `owner` or `team` names",
            "given to the teams their `owner` or `team` name",
        ),
    );
    summary.count(coll.renumbered.len(), same("renumbered"));
    summary.count(coll.offset, same("moved by --offset"));
    summary.count(coll.git_dated, same("dated from git"));
    summary.count(
        coll.year_dated,
        (
            "dated 1 January of the year its folder names",
            "dated 1 January of the year their folder names",
        ),
    );
    summary.count(coll.today_dated.len(), same("dated today"));
    summary.count(coll.skipped.len(), ("file skipped", "files skipped"));
    summary.count(
        copied,
        (
            &format!("attachment copied to {ATTACHMENTS_DIR}/"),
            &format!("attachments copied to {ATTACHMENTS_DIR}/"),
        ),
    );
    summary.count(
        coll.absolute_links,
        ("link made absolute", "links made absolute"),
    );
    summary.count(coll.repository_links.len(), ("link to fix", "links to fix"));
    summary.count(notes.len(), ("note to check", "notes to check"));
    errln!("{}", summary.line);
}

/// The notes to print, a key that several records carry without an orgbook equivalent
/// (a site generator's `parent`, `nav_order`) folded into one note: one line per record
/// would bury the notes that need a person.
fn fold_dropped_keys(notes: &[&String]) -> Vec<String> {
    const FOLD_FROM: usize = 3;
    const DROPPED: &str = "` has no orgbook key; dropped";
    // "file:line: `key: value` has no orgbook key; dropped" → key.
    let key_of = |n: &str| -> Option<String> {
        let start = n.find(": `")? + 3;
        n.ends_with(DROPPED).then_some(())?;
        let key = n[start..].split(':').next()?;
        Some(key.to_owned())
    };
    let mut count: std::collections::BTreeMap<String, usize> = Default::default();
    for n in notes {
        if let Some(k) = key_of(n) {
            *count.entry(k).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let mut folded = std::collections::BTreeSet::new();
    for n in notes {
        match key_of(n) {
            Some(k) if count[&k] >= FOLD_FROM => {
                if folded.insert(k.clone()) {
                    let first = n.split(": `").next().unwrap_or_default();
                    out.push(format!(
                        "`{k}` has no orgbook key; dropped in {} records (the first: {first})",
                        count[&k]
                    ));
                }
            }
            _ => out.push((*n).clone()),
        }
    }
    out
}

/// The links to fix, one that several records share word for word (every EIP's
/// `[CC0](../LICENSE.md)` without `--source-url`) folded into one line with a count: the
/// fix is the same for all of them. The summary still counts every link.
fn fold_link_notes(links: &[String]) -> Vec<String> {
    const FOLD_FROM: usize = 3;
    // "file:line: links to `dest`, …" → "links to `dest`, …".
    fn what(n: &str) -> Option<(&str, &str)> {
        n.find(": links to `").map(|at| n.split_at(at))
    }
    let mut count: std::collections::HashMap<&str, usize> = Default::default();
    for n in links {
        if let Some((_, what)) = what(n) {
            *count.entry(what).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let mut folded = std::collections::HashSet::new();
    for n in links {
        match what(n) {
            Some((first, rest)) if count[rest] >= FOLD_FROM => {
                if folded.insert(rest) {
                    out.push(format!(
                        "in {} records (the first: {first}){rest}",
                        count[rest]
                    ));
                }
            }
            _ => out.push(n.clone()),
        }
    }
    out
}

/// The notes, a status synonym that several records share (Swift Evolution's and KEEP's
/// `Implemented`, every withdrawn EIP's `Withdrawn`) folded into one note with a count:
/// the mapping is worth a look once, not once a record.
fn fold_status_synonyms(notes: Vec<String>) -> Vec<String> {
    const FOLD_FROM: usize = 3;
    // "file:line: status `Word` imported as accepted" → ("Word", "accepted"), the word as
    // the first record wrote it.
    let synonym_of = |n: &str| -> Option<(String, String)> {
        let start = n.find(": status `")? + ": status `".len();
        let (word, rest) = n[start..].split_once("` imported as ")?;
        (!rest.contains(' ')).then(|| (word.to_lowercase(), rest.to_owned()))
    };
    let mut count: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for n in &notes {
        if let Some(k) = synonym_of(n) {
            *count.entry(k).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let mut folded = std::collections::BTreeSet::new();
    for n in notes {
        match synonym_of(&n) {
            Some(k) if count[&k] >= FOLD_FROM => {
                if folded.insert(k.clone()) {
                    let (first, word) = n
                        .split_once(": status `")
                        .map(|(f, rest)| (f, rest.split('`').next().unwrap_or_default()))
                        .unwrap_or_default();
                    out.push(format!(
                        "status `{word}` imported as {} in {} records (the first: {first})",
                        k.1, count[&k]
                    ));
                }
            }
            _ => out.push(n),
        }
    }
    out
}

/// `--team`, checked; without it, the handbook's only team. Groups don't count: they
/// rarely own decisions, and a new handbook has one group with one team in it (unless the
/// handbook's only charter is a group, as after `orgbook init --empty`).
fn owning_team(survey: &Survey, team: Option<&str>) -> Result<String, u8> {
    if let Some(team) = team {
        return match survey.team(team) {
            Ok((id, _)) => Ok(id.to_string()),
            Err(e) => Err(crate::cmd::new::fail(&e)),
        };
    }
    match survey.team_slugs().as_slice() {
        [only] => Ok(only.to_string()),
        // `orgbook init --empty` leaves one group and no team: it can own them.
        [] if survey.teams.len() == 1 => {
            Ok(survey.teams.keys().next().cloned().unwrap_or_default())
        }
        [] => {
            errln!("error: this handbook has no team to own the imported decisions");
            errln!("  = help: create one first with `orgbook new team SLUG`");
            Err(EXIT_USAGE)
        }
        many => {
            errln!(
                "error: --team is required: this handbook has {} teams",
                many.len()
            );
            // A group may own them too (an architecture group's records): named after.
            let groups: Vec<&str> = survey
                .teams
                .iter()
                .filter(|(_, e)| e.kind == Some(orgbook::model::TeamKind::Group))
                .map(|(slug, _)| slug.as_str())
                .collect();
            let groups = if groups.is_empty() {
                String::new()
            } else {
                format!(", or one of its groups: {}", groups.join(", "))
            };
            errln!(
                "  = help: pass --team with one of: {}{groups}",
                many.join(", ")
            );
            Err(EXIT_USAGE)
        }
    }
}

/// The handbook's decisions by title, for [`ImportOptions::existing`]: a second import
/// of the same folder must not add every record again under new numbers.
fn existing_decisions(
    root: &std::path::Path,
    survey: &Survey,
) -> std::collections::HashMap<String, Vec<(jiff::civil::Date, u32, String)>> {
    let mut existing: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
    for (&number, path) in &survey.decisions {
        let rel = path
            .strip_prefix(&format!("{CONTENT_DIR}/"))
            .unwrap_or(path);
        let doc = orgbook::load::load_file(&root.join(path), rel, &mut Vec::new());
        if let Some(d) = doc.as_ref().and_then(|d| d.as_decision()) {
            existing
                .entry(d.title.clone())
                .or_default()
                .push((d.date, number, path.clone()));
        }
    }
    existing
}

fn target(d: &ImportedDecision) -> String {
    format!("{CONTENT_DIR}/decisions/{}", d.file_name())
}
