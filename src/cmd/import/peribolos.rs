//! `orgbook import peribolos PATH`: the GitHub teams of Prow's peribolos configuration
//! (an `org.yaml`, or a folder of them with `teams.yaml` files below) into charters, an
//! organisation's group above its teams; the files are read and mapped by
//! [`orgbook::import::peribolos`].

use std::path::PathBuf;

use super::{
    Exit, KEPT, METRIC_PLACEHOLDER, NO_DESCRIPTION, Summary, UNDATED_FILE, checked_parent, finish,
    last_changed, nothing_imported, nothing_new, print_notes, read_source, starter_note_due,
    stop_on,
};
use crate::cli::ImportPeribolosArgs;
use crate::cmd::report::{self, EXIT_ERRORS};
use orgbook::import::peribolos;
use orgbook::scaffold::Survey;
use orgbook::text::counted;

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
            "{} of {} {} of the handbook already",
            counted(
                count.existing,
                "team or organisation",
                "teams and organisations"
            ),
            args.path.display(),
            if count.existing == 1 {
                "is a charter"
            } else {
                "are charters"
            }
        ));
    }
    let with = format!(
        "{} and {} from {}",
        counted(count.members, "member", "members"),
        counted(count.owned, "owned repo", "owned repos"),
        counted(sources.len(), "file", "files")
    );
    let mut summary = Summary::charters(
        args.dry_run,
        plan.files.len(),
        count,
        ("organisation group", "organisation groups"),
        &with,
    );
    summary.count(count.existing, KEPT);
    summary.count(
        plan.secret,
        (
            "team is secret on GitHub and is now on the handbook's pages: delete its charter if the handbook is more public than the file",
            "teams are secret on GitHub and are now on the handbook's pages: delete their charters if the handbook is more public than the file",
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
