//! `orgbook check`: every validation `build` does — the same pipeline, including rendering
//! every page, so template errors are found too — without writing anything. For CI and
//! editors: `--format github` annotates a pull request, `--format json` feeds tools.

use super::report::{self, EXIT_ERRORS, EXIT_OK};
use crate::cli::CheckArgs;
use orgbook::diagnostic::Severity;
use orgbook::render::RenderOptions;
use orgbook::text::counted;

pub fn execute(args: CheckArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let mut site = orgbook::site::build(&root, RenderOptions::default());
    let strict = args.report.strict;
    site.diagnostics.retain(|d| strict || !d.strict_only());
    let failed = report::diagnostics_and_findings(&site, &root, &args.report, &args.findings);
    let (errors, warnings) = (site.count(Severity::Error), site.count(Severity::Warning));
    let documents = site.handbook.as_ref().map_or(0, |h| h.docs.len());
    let verdict = if failed { "failed" } else { "passed" };
    let strict = if args.report.strict && warnings > 0 && errors == 0 {
        " (--strict: warnings fail the check)"
    } else {
        ""
    };
    errln!(
        "Check {verdict}: {}, {}, {}{strict}",
        counted(documents, "document", "documents"),
        counted(errors, "error", "errors"),
        counted(warnings, "warning", "warnings")
    );
    if failed {
        report::broken_links_hint(&site.diagnostics);
    } else {
        report::no_charters_hint(&site);
    }
    if failed { EXIT_ERRORS } else { EXIT_OK }
}
