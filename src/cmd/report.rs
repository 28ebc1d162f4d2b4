//! Shared by `build` and `check`: find the handbook, print diagnostics in the chosen format,
//! decide the exit code. Keeping this in one place is what makes the two commands report
//! the same thing.

use crate::cli::{ReportArgs, RootArg};
use orgbook::diagnostic::{self, Diagnostic, Format, Severity};
use std::path::PathBuf;

/// Exit codes: 0 clean, 1 content errors (or warnings with --strict), 2 usage errors.
pub const EXIT_OK: u8 = 0;
pub const EXIT_ERRORS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Resolves `--root`, or explains how to start a handbook.
pub fn find_root(arg: &RootArg) -> Result<PathBuf, u8> {
    if !arg.root.exists() {
        eprintln!("error: folder {} does not exist", arg.root.display());
        return Err(EXIT_USAGE);
    }
    orgbook::site::find_root(&arg.root).map_err(|e| {
        eprintln!("error: {e}");
        eprintln!("  = help: run orgbook in a handbook folder, pass --root DIR, or start one with `orgbook init DIR`");
        EXIT_USAGE
    })
}

/// Prints every diagnostic (to stderr for humans, stdout for machine formats) and returns
/// whether the run failed.
pub fn report(diags: &[Diagnostic], args: &ReportArgs) -> bool {
    for d in diags {
        let text = diagnostic::render(d, args.format);
        match args.format {
            Format::Human => eprintln!("{text}"),
            Format::Json | Format::Github => println!("{text}"),
        }
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    errors > 0 || (args.strict && warnings > 0)
}

/// The site's health findings as notes (docs/health.md), in the same format as the
/// diagnostics and after them. They never change the exit code.
pub fn findings(site: &orgbook::site::SiteBuild, root: &std::path::Path, args: &ReportArgs) {
    // While the handbook has errors, findings computed from it are noise (a typo'd
    // reference shows up as a one-way collaboration): fix the errors first.
    // Denied findings are errors of their own and do not hide the other findings.
    let broken = site
        .diagnostics
        .iter()
        .any(|d| d.is_error() && !orgbook::health::RULES.iter().any(|(r, _)| *r == d.code));
    let Some(hb) = site.handbook.as_ref().filter(|_| !broken) else {
        return;
    };
    let notes = orgbook::health::notes(hb, &site.health);
    let notes = match args.format {
        Format::Github => paths_from_workspace(root, &notes),
        Format::Human | Format::Json => notes,
    };
    report(&notes, args);
}

/// GitHub resolves annotation paths against the repository root (the working directory of
/// a workflow step), while diagnostics name files relative to the handbook. When the
/// handbook is a subfolder of the working directory, prefix that folder.
pub fn paths_from_workspace(root: &std::path::Path, diags: &[Diagnostic]) -> Vec<Diagnostic> {
    let cwd = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .unwrap_or_default();
    let prefix = match root.strip_prefix(&cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => diagnostic::display_path(&cwd, root) + "/",
        _ => String::new(),
    };
    diags
        .iter()
        .map(|d| Diagnostic {
            file: format!("{prefix}{}", d.file),
            ..d.clone()
        })
        .collect()
}
