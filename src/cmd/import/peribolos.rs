//! `orgbook import peribolos PATH`: the GitHub teams of Prow's peribolos configuration
//! (an `org.yaml`, or a folder of them with `teams.yaml` files below) into charters, an
//! organisation's group above its teams; the files are read and mapped by
//! [`orgbook::import::peribolos`].

use std::path::PathBuf;

use super::{
    Exit, METRIC_PLACEHOLDER, NO_DESCRIPTION, Summary, UNDATED_FILE, checked_parent, finish,
    last_changed, nothing_imported, nothing_new, print_notes, read_source, starter_note_due,
    stop_on,
};
use crate::cli::ImportPeribolosArgs;
use crate::cmd::report::{self, EXIT_ERRORS};
use orgbook::import::peribolos;
use orgbook::scaffold::Survey;

pub(super) fn run(args: ImportPeribolosArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    let parent = checked_parent(&root, &args.parent)?;
    let parent = parent.as_deref();
    let files = peribolos::find_files(&args.path).map_err(nothing_imported)?;
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    // The organisation each folder's org.yaml names: a teams.yaml below it is its teams.
    let mut org_of: Vec<(PathBuf, String)> = Vec::new();
    for path in &files {
        let Ok(read) = read_source(path).map_err(|e| errors.push(e)) else {
            continue;
        };
        notes.extend(read.legacy);
        let file = &read.file;
        let above = org_of
            .iter()
            .filter(|(dir, _)| path.starts_with(dir))
            .max_by_key(|(dir, _)| dir.components().count())
            .map(|(_, org)| org.as_str());
        match peribolos::read_source(file, &read.text, above, &mut notes) {
            Ok(source) if source.orgs.is_empty() => {
                errln!("skipped: {file}: no `teams:` nor `orgs:` (not a peribolos file)")
            }
            Ok(source) => {
                if let [org] = &source.orgs[..]
                    && org.settings
                    && let Some(name) = &org.name
                    && let Some(dir) = path.parent()
                {
                    org_of.push((dir.to_path_buf(), name.clone()));
                }
                sources.push(source);
            }
            Err(e) => errors.push(e),
        }
    }
    print_notes(&notes);
    stop_on(&errors)?;
    if sources
        .iter()
        .all(|s| s.orgs.iter().all(|o| o.teams.is_empty()))
    {
        errln!(
            "error: no teams in {}: a peribolos file maps team names to teams under `teams:` (in an org.yaml, under `orgs: <org>:` too)",
            args.path.display()
        );
        return Err(EXIT_ERRORS);
    }
    let survey = Survey::of(&root);
    let plan = peribolos::plan(&sources, &survey, parent, last_changed());
    print_notes(&plan.notes);
    let count = plan.count;
    if plan.files.is_empty() {
        return nothing_new(format_args!(
            "{} team(s) and organisation(s) of {} are charters of the handbook already",
            count.existing,
            args.path.display()
        ));
    }
    let with = format!(
        "{} member(s) and {} owned repo(s) from {} file(s)",
        count.members,
        count.owned,
        sources.len()
    );
    let mut summary = Summary::charters(
        args.dry_run,
        plan.files.len(),
        count,
        "organisation group(s)",
        &with,
    );
    summary.count(
        count.existing,
        "were charters already and are kept as they are",
    );
    summary.count(
        plan.secret,
        "team(s) are secret on GitHub and are now on the handbook's pages: delete their charters if the handbook is more public than the file",
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
