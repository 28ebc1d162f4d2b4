//! `orgbook import backstage PATH...`: the Group entities of a Backstage catalog into
//! charters, with their members and what they own; the catalog is read and mapped by
//! [`orgbook::import::backstage`].

use super::{
    Exit, GROUPS, KEPT_GROUPS, Summary, checked_parent, finish, last_changed, nothing_new,
    print_notes, starter_note_due, stop_on, stopped,
};
use crate::cli::ImportBackstageArgs;
use crate::cmd::report::{self, EXIT_ERRORS, EXIT_OK};
use orgbook::import::backstage;
use orgbook::scaffold::Survey;
use orgbook::text::counted;

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
                "error: no Group entities in the catalog (nor anything a group owns) among {}",
                counted(catalog.entities.len(), "entity", "entities")
            );
            return Err(EXIT_ERRORS);
        }
        if count.existing > 0 {
            return nothing_new(format_args!(
                "{} of the catalog {} of the handbook already; {} above",
                counted(count.existing, "group", "groups"),
                if count.existing == 1 {
                    "is a charter"
                } else {
                    "are charters"
                },
                counted(plan.notes.len(), "note", "notes")
            ));
        }
        errln!(
            "Nothing imported: the catalog has no Group entities; the {} above {} where what it holds belongs",
            counted(plan.notes.len(), "note", "notes"),
            if plan.notes.len() == 1 { "says" } else { "say" }
        );
        return Ok(EXIT_OK);
    }
    let placeholders = match count.without_problem {
        0 => "each team's metric is a placeholder".to_owned(),
        n if n == count.teams => "each team's problem and metric are placeholders".to_owned(),
        n => format!(
            "each team's metric, and the problem of {} without a description, are placeholders",
            counted(n, "team", "teams")
        ),
    };
    let with = format!(
        "{} and {} from {}",
        counted(count.members, "member", "members"),
        counted(count.owned, "owned entity", "owned entities"),
        counted(catalog.entities.len(), "entity", "entities")
    );
    let mut summary = Summary::charters(args.dry_run, plan.files.len(), count, GROUPS, &with);
    summary.count(count.existing, KEPT_GROUPS);
    summary.always(&format!(
        "{placeholders} to fill in (the health page lists them)"
    ));
    summary.count(
        count.undated,
        (
            "charter has no `reviewed` date (its catalog file has no git history), so the health page lists it as never reviewed until a review sets one",
            "charters have no `reviewed` date (their catalog file has no git history), so the health page lists them as never reviewed until a review sets one",
        ),
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
