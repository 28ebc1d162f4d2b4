//! `orgbook build`: run the pipeline and write the site atomically.

use super::report::{self, EXIT_ERRORS, EXIT_OK};
use crate::cli::BuildArgs;
use orgbook::diagnostic::Severity;
use orgbook::render::RenderOptions;
use orgbook::text::counted;
use std::time::Instant;

pub fn execute(args: BuildArgs) -> u8 {
    let started = Instant::now();
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let output = args.output.clone().unwrap_or_else(|| root.join("public"));
    // Refuse a dangerous output before spending time on the build.
    let output = match orgbook::write::check_output(&root, &output, args.force) {
        Ok(o) => o,
        Err(e) => {
            print_write_error(&e);
            return EXIT_ERRORS;
        }
    };
    errln!("Building {}", root.display());
    // Pages go to a temporary folder as they are rendered; it replaces the output only
    // when the build succeeds (dropping it otherwise removes it).
    let staging = match orgbook::write::Staging::create(&output) {
        Ok(s) => s,
        Err(e) => {
            print_write_error(&e);
            return EXIT_ERRORS;
        }
    };
    let (mut site, written) = orgbook::site::build_into(&root, RenderOptions::default(), &staging);
    let strict = args.report.strict;
    site.diagnostics.retain(|d| strict || !d.strict_only());
    let failed = report::diagnostics_and_findings(&site, &root, &args.report, &args.findings);
    let (errors, warnings) = (site.count(Severity::Error), site.count(Severity::Warning));
    if failed {
        errln!(
            "Build failed: {}, {}; {} left untouched",
            counted(errors, "error", "errors"),
            counted(warnings, "warning", "warnings"),
            output.path().display()
        );
        report::broken_links_hint(&site.diagnostics);
        return EXIT_ERRORS;
    }
    let write_started = Instant::now();
    let (files, pages) = staging.counts();
    let kept = match written.and_then(|()| staging.commit()) {
        Ok(kept) => kept,
        Err(e) => {
            print_write_error(&e);
            return EXIT_ERRORS;
        }
    };
    if let Some(kept) = kept {
        errln!(
            "note: {} held files orgbook did not write; they are kept, moved to {} (delete that folder when you no longer need it)",
            output.path().display(),
            kept.display()
        );
    }
    if args.timings {
        for (stage, took) in &site.timings {
            errln!("  {stage:<10} {:>7.1} ms", took.as_secs_f64() * 1000.0);
        }
        errln!(
            "  {:<10} {:>7.1} ms",
            "swap",
            write_started.elapsed().as_secs_f64() * 1000.0
        );
    }
    report::no_charters_hint(&site);
    errln!(
        "Built {} ({}) into {} with {} and {} (see health.html) in {} ms",
        counted(pages, "page", "pages"),
        counted(files, "file", "files"),
        output.path().display(),
        counted(warnings, "warning", "warnings"),
        counted(
            site.health.findings.len(),
            "org health finding",
            "org health findings"
        ),
        started.elapsed().as_millis()
    );
    EXIT_OK
}

fn print_write_error(e: &orgbook::write::WriteError) {
    errln!("error: {e}");
    if let Some(help) = e.help() {
        errln!("  = help: {help}");
    }
}
