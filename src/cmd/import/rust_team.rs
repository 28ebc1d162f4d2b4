//! `orgbook import rust-team PATH`: rust-lang/team's registry (`teams/*.toml`, with
//! `people/` beside it for display names) into charters, subteams under their parents;
//! the files are read and mapped by [`orgbook::import::rust_team`].

use std::collections::HashMap;
use std::path::PathBuf;

use super::{
    Exit, GROUPS, KEPT, METRIC_PLACEHOLDER, NO_DESCRIPTION, Summary, UNDATED_FILE, checked_parent,
    finish, last_changed, nothing_imported, nothing_new, print_notes, read_source,
    starter_note_due, stop_on,
};
use crate::cli::ImportRustTeamArgs;
use crate::cmd::report;
use orgbook::import::rust_team;
use orgbook::scaffold::Survey;
use orgbook::text::counted;

pub(super) fn run(args: ImportRustTeamArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    let parent = checked_parent(&root, &args.parent)?;
    let parent = parent.as_deref();
    let files = rust_team::find_files(&args.path).map_err(nothing_imported)?;
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut teams = Vec::new();
    for path in &files.teams {
        let Ok(read) = read_source(path).map_err(|e| errors.push(e)) else {
            continue;
        };
        notes.extend(read.legacy);
        match rust_team::read_team(&read.file, &read.text, &mut notes) {
            Ok(team) => teams.push(team),
            Err(e) => errors.push(e),
        }
    }
    print_notes(&notes);
    stop_on(&errors)?;
    if files.archived > 0 && files.teams.len() > 1 {
        errln!(
            "note: the {} in teams/archive/ {} not read: the registry keeps teams that no longer exist there",
            counted(files.archived, "team file", "team files"),
            if files.archived == 1 { "is" } else { "are" }
        );
    }
    if files.people.is_none() {
        errln!(
            "note: no people/ folder beside {}: members are written by their GitHub logins",
            args.path.display()
        );
    }
    let survey = Survey::of(&root);
    // People files are named by login, whose case GitHub ignores.
    let people: HashMap<String, PathBuf> = files
        .people
        .as_deref()
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_lowercase(), p.clone())))
        .collect();
    let plan = rust_team::plan(
        &teams,
        &survey,
        parent,
        |login| {
            let text = std::fs::read_to_string(people.get(&login.to_lowercase())?).ok()?;
            rust_team::person_name(&text)
        },
        last_changed(),
    );
    print_notes(&plan.notes);
    let count = plan.count;
    if plan.files.is_empty() {
        return nothing_new(format_args!(
            "{} of {} {} of the handbook already, {} no charter",
            counted(count.existing, "team", "teams"),
            args.path.display(),
            if count.existing == 1 {
                "is a charter"
            } else {
                "are charters"
            },
            if plan.skipped == 1 {
                "1 has".to_owned()
            } else {
                format!("{} have", plan.skipped)
            }
        ));
    }
    let with = format!(
        "{} and {} from {}",
        counted(count.members, "member", "members"),
        counted(count.owned, "owned repo", "owned repos"),
        counted(teams.len(), "team file", "team files")
    );
    let mut summary = Summary::charters(args.dry_run, plan.files.len(), count, GROUPS, &with);
    summary.count(count.existing, KEPT);
    summary.count(
        plan.skipped,
        (
            "marker team or team without people has no charter",
            "marker teams or teams without people have no charter",
        ),
    );
    summary.count(count.without_problem, NO_DESCRIPTION);
    summary.always(METRIC_PLACEHOLDER);
    summary.count(count.undated, UNDATED_FILE);
    let starter_note = starter_note_due(parent);
    finish(
        &root,
        &survey,
        &plan.files,
        args.dry_run,
        starter_note,
        summary,
    )
}
