//! `orgbook import team-api PATH...`: Team API pages (Team Topologies' template, one a
//! team) into charters with their groups, ownership and interactions; the documents are
//! read and mapped by [`orgbook::import::team_api`].

use super::{
    Exit, GROUPS, Summary, checked_parent, finish, nothing_imported, nothing_new, print_notes,
    read_source, starter_note_due, stop_on,
};
use crate::cli::ImportTeamApiArgs;
use crate::cmd::new::today;
use crate::cmd::report::{self, EXIT_ERRORS, EXIT_USAGE};
use orgbook::import::team_api::{self, Reading};
use orgbook::load::CONTENT_DIR;
use orgbook::scaffold::Survey;
use orgbook::text::counted;

pub(super) fn run(args: ImportTeamApiArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    let parent = checked_parent(&root, &args.parent)?;
    let parent = parent.as_deref();
    let today = today().ok_or(EXIT_ERRORS)?;
    // Documents inside content/teams/ would stay there beside the charters made of them
    // (each a `foreign-charter` error): they must move out first.
    let own = root.join(CONTENT_DIR);
    if let Some(inside) = args.paths.iter().find(|p| {
        matches!((p.canonicalize(), own.canonicalize()), (Ok(p), Ok(own)) if p.starts_with(&own))
    }) {
        errln!(
            "error: {} is inside the handbook's content folder, where the import writes",
            inside.display()
        );
        errln!(
            "  = help: move the documents out first, e.g. `mkdir team-apis && git mv {CONTENT_DIR}/teams/payments.md team-apis/ && orgbook import team-api team-apis`"
        );
        return Err(EXIT_USAGE);
    }
    let files = team_api::markdown_files(&args.paths).map_err(nothing_imported)?;
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for path in &files {
        let Ok(source) = read_source(path).map_err(|e| errors.push(e)) else {
            continue;
        };
        let file = &source.file;
        match team_api::read_team_api(file, &source.text, team_api::folder_name(path).as_deref()) {
            Reading::Team(mut t) => {
                if let Some(note) = &source.legacy {
                    errln!("note: {note}");
                }
                // Undated in its text: when the document last changed in git.
                if t.reviewed.is_none() {
                    t.reviewed =
                        orgbook::gitdates::file_last_changed(path).and_then(|d| d.parse().ok());
                }
                docs.push(*t)
            }
            Reading::Skipped(why) => errln!("skipped: {file}: {why}"),
        }
    }
    stop_on(&errors)?;
    if docs.is_empty() {
        errln!(
            "error: no Team API document among {}; a Team API has the template's fields (`* Team name and focus: …`, `* Team type: …`)",
            counted(files.len(), "Markdown file", "Markdown files")
        );
        return Err(EXIT_ERRORS);
    }
    let survey = Survey::of(&root);
    let documents = docs.len();
    let plan = team_api::plan(docs, &survey, parent, today);
    print_notes(&plan.notes);
    if plan.files.is_empty() {
        // A re-run: the notes above name each team's charter.
        return nothing_new(format_args!(
            "the teams of the {} are charters of the handbook already",
            counted(documents, "Team API document", "Team API documents")
        ));
    }
    let count = plan.count;
    let with = format!(
        "{} and {}",
        counted(count.interactions, "interaction", "interactions"),
        counted(count.owned, "owned item", "owned items")
    );
    let mut summary = Summary::charters(args.dry_run, plan.files.len(), count, GROUPS, &with);
    summary.count(
        count.undated,
        (
            "team had no date (in the document or its git history), so no `reviewed`: the health page lists it as never reviewed until a review sets one",
            "teams had no date (in the document or its git history), so no `reviewed`: the health page lists them as never reviewed until a review sets one",
        ),
    );
    summary.count(
        count.without_problem,
        (
            "team stated no focus, so its problem is a placeholder to fill in (the health page lists it)",
            "teams stated no focus, so their problem is a placeholder to fill in (the health page lists them)",
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
