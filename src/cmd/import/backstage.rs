//! `orgbook import backstage PATH...`: the Group entities of a Backstage catalog into
//! charters, with their members and what they own; the catalog is read and mapped by
//! [`orgbook::import::backstage`].

use super::{
    Exit, Summary, checked_parent, finish, last_changed, nothing_new, print_notes,
    starter_note_due, stop_on, stopped,
};
use crate::cli::ImportBackstageArgs;
use crate::cmd::report::{self, EXIT_ERRORS, EXIT_OK};
use orgbook::import::backstage;
use orgbook::scaffold::Survey;

pub(super) fn run(args: ImportBackstageArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    let parent = checked_parent(&root, &args.parent)?;
    let parent = parent.as_deref();
    let survey = Survey::of(&root);
    let catalog = backstage::read_catalog(&args.paths).map_err(|errors| stopped(&errors))?;
    // Each group's `reviewed`: when its catalog file last changed in git.
    let plan = backstage::plan(&catalog, &survey, parent, last_changed());
    print_notes(&plan.notes);
    stop_on(&plan.errors)?;
    let count = plan.count;
    if plan.files.is_empty() {
        // A re-run on a catalog the handbook has already, or a service's own
        // catalog-info.yaml whose owner is a charter, is not a failure: the notes say what
        // the catalog has that the charters do not. A catalog without a group or anything
        // a group could own is, most likely, the wrong file.
        let useful = catalog
            .entities
            .iter()
            .any(|e| e.kind == "group" || backstage::is_owned_kind(&e.kind));
        if catalog.entities.is_empty() {
            errln!(
                "error: no Backstage entities: no YAML document of {} has a `kind` and a `metadata.name` (is it a Backstage catalog?)",
                args.paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return Err(EXIT_ERRORS);
        }
        if !useful {
            errln!(
                "error: no Group entities in the catalog (nor anything a group owns) among {} entit(ies)",
                catalog.entities.len()
            );
            return Err(EXIT_ERRORS);
        }
        if count.existing > 0 {
            return nothing_new(format_args!(
                "{} group(s) of the catalog are charters of the handbook already; {} note(s) above",
                count.existing,
                plan.notes.len()
            ));
        }
        errln!(
            "Nothing imported: the catalog has no Group entities; the {} note(s) above say where what it holds belongs",
            plan.notes.len()
        );
        return Ok(EXIT_OK);
    }
    let placeholders = match count.without_problem {
        0 => "each team's metric is a placeholder".to_owned(),
        n if n == count.teams => "each team's problem and metric are placeholders".to_owned(),
        n => format!(
            "each team's metric, and the problem of {n} team(s) without a description, are placeholders"
        ),
    };
    let with = format!(
        "{} member(s) and {} owned entit(ies) from {} entit(ies)",
        count.members,
        count.owned,
        catalog.entities.len()
    );
    let mut summary = Summary::charters(args.dry_run, plan.files.len(), count, "group(s)", &with);
    summary.count(
        count.existing,
        "group(s) were charters already and are kept as they are",
    );
    summary.always(&format!(
        "{placeholders} to fill in (the health page lists them)"
    ));
    summary.count(
        count.undated,
        "charter(s) have no `reviewed` date (their catalog file has no git history), so the health page lists them as never reviewed until a review sets one",
    );
    finish(
        &root,
        &survey,
        &plan.files,
        args.dry_run,
        starter_note_due(parent),
        summary,
    )
}
