//! `orgbook new team|decision`: write a new charter or decision record from the template
//! and print its path (so `$EDITOR "$(orgbook new decision …)"` works). Never overwrites.

use super::report::{self, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::cli::{NewCommand, NewDecisionArgs, NewTeamArgs, RootArg};
use orgbook::model::TeamKind;
use orgbook::scaffold::{self, NewDecision, NewTeam, ScaffoldError, Survey};
use std::path::Path;

pub fn execute(command: NewCommand) -> u8 {
    match command {
        NewCommand::Team(args) => team(args),
        NewCommand::Decision(args) => decision(args),
    }
}

/// What both `new` commands start from: the handbook root, today and what already exists.
fn prepare(root: &RootArg) -> Result<(std::path::PathBuf, jiff::civil::Date, Survey), u8> {
    let root = report::find_root(root)?;
    let today = today().ok_or(EXIT_ERRORS)?;
    let survey = Survey::of(&root);
    Ok((root, today, survey))
}

fn team(args: NewTeamArgs) -> u8 {
    let (root, today, survey) = match prepare(&args.root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let (slug, name) = scaffold::team_slug_and_name(&args.slug, args.name.as_deref());
    let mut new = NewTeam {
        slug: &slug,
        name,
        parent: args.parent.as_deref(),
        kind: if args.group {
            TeamKind::Group
        } else {
            TeamKind::Team
        },
    };
    let written = scaffold::team_path(&survey, &new).and_then(|rel| {
        // The charter names its parent by id, whichever way the parent was given.
        new.parent = new
            .parent
            .map(|p| survey.team(p).map(|(id, _)| id))
            .transpose()?;
        scaffold::write_new(&root, &rel, &scaffold::team_file(&new, today))
    });
    match written {
        Ok(path) => {
            outln!("{}", shown(&path));
            errln!(
                "Created the charter of `{}`: fill in its problem, metrics, members and what it owns",
                new.slug
            );
            EXIT_OK
        }
        Err(e) => fail(&e),
    }
}

fn decision(args: NewDecisionArgs) -> u8 {
    let (root, today, survey) = match prepare(&args.root) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let mut new = NewDecision {
        title: &args.title,
        team: &args.team,
        decision_type: args.decision_type,
        number: args.number,
        supersedes: &args.supersedes,
    };
    let written = scaffold::decision_path(&survey, &new).and_then(|(number, rel)| {
        // The record names its team by id, whichever way the team was given.
        new.team = survey.team(new.team)?.0;
        scaffold::write_new(&root, &rel, &scaffold::decision_file(&new, today)).map(|p| (number, p))
    });
    match written {
        Ok((number, path)) => {
            outln!("{}", shown(&path));
            errln!(
                "Created decision {number} (proposed): write its context, decision and consequences"
            );
            // The replaced records stay in force while this one is a proposal: the
            // handbook expects them marked in the change that accepts it.
            let mut replaced = args.supersedes.clone();
            replaced.sort_unstable();
            replaced.dedup();
            for n in replaced {
                if let Some(old) = survey.decisions.get(&n) {
                    errln!(
                        "note: decision {n} stays in force until {number} is accepted; then set status = \"superseded\" in {old}"
                    );
                }
            }
            EXIT_OK
        }
        Err(e) => fail(&e),
    }
}

/// Today's date, or `None` after reporting a malformed `ORGBOOK_TODAY`.
pub(crate) fn today() -> Option<jiff::civil::Date> {
    orgbook::clock::try_today()
        .map_err(|e| errln!("error: {e}"))
        .ok()
}

/// Prints a scaffold error with its hint and returns the exit code: a usage error for a
/// team name that is not one team's (the command line has to say which), else errors.
pub(crate) fn fail(e: &ScaffoldError) -> u8 {
    errln!("error: {e}");
    if let Some(help) = e.help() {
        errln!("  = help: {help}");
    }
    match e {
        ScaffoldError::AmbiguousTeam { .. } => EXIT_USAGE,
        _ => EXIT_ERRORS,
    }
}

/// A path as the user would type it: relative to the current folder when inside it.
pub(crate) fn shown(path: &Path) -> String {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // The handbook root is canonical (symlinks resolved) and the current folder may not
    // be: try both spellings of it.
    let cwd = std::env::current_dir().ok();
    let canonical_cwd = cwd.as_deref().and_then(|c| std::fs::canonicalize(c).ok());
    let rel = [cwd, canonical_cwd]
        .into_iter()
        .flatten()
        .find_map(|c| abs.strip_prefix(&c).ok().map(Path::to_path_buf));
    match rel {
        Some(r) if r.as_os_str().is_empty() => ".".into(),
        Some(r) => r.display().to_string(),
        None => abs.display().to_string(),
    }
}
