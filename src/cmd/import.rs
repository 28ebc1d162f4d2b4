//! `orgbook import adr DIR`: convert architecture decision records written for adr-tools
//! or MADR into handbook decisions in `content/decisions/`.
//!
//! Parsing and mapping live in the pure [`orgbook::import`] module; this command decides
//! the owning team, refuses anything that would overwrite a file or reuse a decision
//! number, and then writes all records or none, so a failed import never leaves half a set
//! behind. Every note about something that could not be mapped is printed, because the
//! person importing has to check those by hand.

use super::new::{shown, today};
use super::report::{self, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::cli::{ImportAdrArgs, ImportCommand};
use orgbook::import::{self, ImportOptions, ImportedDecision};
use orgbook::load::CONTENT_DIR;
use orgbook::scaffold::{self, Survey};

pub fn execute(command: ImportCommand) -> u8 {
    match command {
        ImportCommand::Adr(args) => adr(args),
    }
}

fn adr(args: ImportAdrArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if !args.dir.is_dir() {
        eprintln!("error: {} is not a folder", args.dir.display());
        return EXIT_USAGE;
    }
    let Some(today) = today() else {
        return EXIT_ERRORS;
    };
    let survey = Survey::of(&root);
    let team = match owning_team(&survey, args.team.as_deref()) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let opts = ImportOptions {
        team,
        decision_type: args.decision_type,
        today,
    };
    let results = match import::import_dir(&args.dir, &opts) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", args.dir.display());
            return EXIT_ERRORS;
        }
    };
    if results.is_empty() {
        eprintln!(
            "error: no decision records (.md files) in {}",
            args.dir.display()
        );
        return EXIT_ERRORS;
    }

    let mut decisions = Vec::with_capacity(results.len());
    let mut problems = Vec::new();
    for (_, result) in results {
        match result {
            Ok(d) => decisions.push(d),
            Err(e) => problems.push(e.to_string()),
        }
    }
    problems.extend(conflicts(&root, &survey, &decisions));
    print_notes(&decisions);
    if !problems.is_empty() {
        for p in &problems {
            eprintln!("error: {p}");
        }
        eprintln!("Nothing imported: {} problem(s) above", problems.len());
        return EXIT_ERRORS;
    }

    for d in &decisions {
        let rel = target(d);
        let text = import::to_orgbook_file(d, &opts);
        if args.dry_run {
            println!("{rel}");
            continue;
        }
        match scaffold::write_new(&root, &rel, &text) {
            Ok(path) => println!("{}", shown(&path)),
            Err(e) => {
                // Only a file created since the check above gets here.
                eprintln!("error: {e}");
                return EXIT_ERRORS;
            }
        }
    }
    let notes: usize = decisions.iter().map(|d| d.unmapped.len()).sum();
    eprintln!(
        "{} {} decision(s) for team `{}` as type {}{}; run `orgbook build` to check them",
        if args.dry_run {
            "Would import"
        } else {
            "Imported"
        },
        decisions.len(),
        opts.team,
        opts.decision_type,
        if notes > 0 {
            format!(", with {notes} note(s) above to check by hand")
        } else {
            String::new()
        },
    );
    EXIT_OK
}

/// `--team`, checked; without it, the handbook's only team. Groups don't count: they
/// rarely own decisions, and a new handbook has one group with one team in it.
fn owning_team(survey: &Survey, team: Option<&str>) -> Result<String, u8> {
    if let Some(team) = team {
        return match survey.team(team) {
            Ok(_) => Ok(team.to_string()),
            Err(e) => Err(super::new::fail(&e)),
        };
    }
    match survey.team_slugs().as_slice() {
        [only] => Ok(only.to_string()),
        [] => {
            eprintln!("error: this handbook has no team to own the imported decisions");
            eprintln!("  = help: create one first with `orgbook new team SLUG`");
            Err(EXIT_USAGE)
        }
        many => {
            eprintln!(
                "error: --team is required: this handbook has {} teams",
                many.len()
            );
            eprintln!("  = help: pass --team with one of: {}", many.join(", "));
            Err(EXIT_USAGE)
        }
    }
}

fn target(d: &ImportedDecision) -> String {
    format!("{CONTENT_DIR}/decisions/{}", d.file_name())
}

/// Imported records that would overwrite a file or reuse a number already in the handbook.
fn conflicts(
    root: &std::path::Path,
    survey: &Survey,
    decisions: &[ImportedDecision],
) -> Vec<String> {
    let mut out = Vec::new();
    for d in decisions {
        let rel = target(d);
        if root.join(&rel).exists() {
            out.push(format!(
                "{}: {rel} already exists; orgbook never overwrites a file",
                d.source
            ));
        } else if let Some(existing) = survey.decisions.get(&d.number) {
            out.push(format!(
                "{}: decision number {} is already used by {existing}; renumber one of them",
                d.source, d.number
            ));
        }
    }
    out
}

/// What could not be mapped, per record: the person importing must check these by hand.
fn print_notes(decisions: &[ImportedDecision]) {
    for note in decisions.iter().flat_map(|d| &d.unmapped) {
        eprintln!("note: {note}");
    }
}
