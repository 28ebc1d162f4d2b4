//! `orgbook import sigs PATH`: the groups of a Kubernetes-style `sigs.yaml` (SIGs, working
//! groups, user groups, committees) into charters under one parent group; the registry
//! is read and mapped by [`orgbook::import::sigs`].

use super::{
    Exit, GROUPS, KEPT_GROUPS, METRIC_PLACEHOLDER, Summary, checked_parent, finish,
    nothing_imported, nothing_new, print_notes, read_source, starter_note_due,
};
use crate::cli::ImportSigsArgs;
use crate::cmd::new::today;
use crate::cmd::report::{self, EXIT_ERRORS};
use orgbook::import::sigs;
use orgbook::scaffold::Survey;
use orgbook::text::counted;

pub(super) fn run(args: ImportSigsArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    let today = today().ok_or(EXIT_ERRORS)?;
    let parent = checked_parent(&root, &args.parent)?;
    let parent = parent.as_deref();
    let survey = Survey::of(&root);
    let registry = sigs::find_file(&args.path)
        .and_then(|path| {
            let source = read_source(&path)?;
            if let Some(note) = &source.legacy {
                errln!("note: {note}");
            }
            sigs::read_registry(&source.file, &source.text)
        })
        .map_err(nothing_imported)?;
    if registry.groups.is_empty() {
        // The other file a Kubernetes-style governance repository keeps its teams in.
        let peribolos = std::fs::read_to_string(&registry.file)
            .ok()
            .and_then(|text| orgbook::team_data::peribolos_teams(&text));
        match peribolos {
            Some(teams) => errln!(
                "error: {}: this is Prow's peribolos configuration ({} under `teams:`), not a sigs.yaml: `orgbook import peribolos {}` writes a charter per team",
                registry.file,
                counted(teams, "GitHub team", "GitHub teams"),
                registry.file
            ),
            None => errln!(
                "error: {}: no groups: expected entries with a `name` under `sigs`, `workinggroups`, `usergroups`, `committees` or `tags` (is it a Kubernetes-style sigs.yaml, or a CNCF TOC-style tags.yaml?)",
                registry.file
            ),
        }
        errln!("Nothing imported");
        return Err(EXIT_ERRORS);
    }
    let handbook = sigs::HandbookFiles::of(&root);
    let mut registry = registry;
    // The groups' charter files say what each is for (a TAG's `mission_statement` lists
    // topics): beside the registry, or where the handbook has the group's folder.
    let registry_dir = std::path::Path::new(&registry.file)
        .parent()
        .map(std::path::Path::to_path_buf)
        .unwrap_or_default();
    sigs::read_charter_missions(&mut registry, &registry_dir, &root, &handbook);
    // The groups' folders beside the file date their charters (`reviewed`).
    let history = std::path::Path::new(&registry.file)
        .parent()
        .map(|dir| match dir.as_os_str().is_empty() {
            true => orgbook::gitdates::read(std::path::Path::new(".")),
            false => orgbook::gitdates::read(dir),
        })
        .unwrap_or_default();
    let plan = sigs::plan(&registry, &survey, &handbook, parent, &history, today);
    print_notes(&plan.notes);
    let count = plan.count;
    if count.teams == 0 {
        // A re-run: every group is a charter already, and the notes say what the file
        // gives them that their charters do not list.
        return nothing_new(format_args!(
            "{} of {} {} of the handbook already",
            counted(count.existing, "group", "groups"),
            registry.file,
            if count.existing == 1 {
                "is a charter"
            } else {
                "are charters"
            }
        ));
    }
    let with = format!(
        "{}, {} and {} from {} of {}",
        counted(count.members, "member", "members"),
        counted(count.owned, "owned subproject", "owned subprojects"),
        counted(count.interactions, "interaction", "interactions"),
        counted(registry.groups.len(), "group", "groups"),
        registry.file
    );
    let mut summary = Summary::charters(args.dry_run, plan.files.len(), count, GROUPS, &with);
    summary.count(count.existing, KEPT_GROUPS);
    summary.count(
        plan.from_charter,
        (
            "team takes its problem from the Mission section of its charter file (charter_link)",
            "teams take their problem from the Mission section of their charter file (charter_link)",
        ),
    );
    summary.count(
        count.without_problem,
        (
            "team has no mission_statement, so its problem is a placeholder",
            "teams have no mission_statement, so their problem is a placeholder",
        ),
    );
    summary.always(METRIC_PLACEHOLDER);
    let no_history = format!(
        "no git history for their folder's charter.md or README.md beside {}",
        registry.file
    );
    summary.count(
        count.undated,
        (
            &format!("team has no `reviewed` date ({no_history}), so the health page lists it as never reviewed until a review sets one"),
            &format!("teams have no `reviewed` date ({no_history}), so the health page lists them as never reviewed until a review sets one"),
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
