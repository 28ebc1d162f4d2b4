//! Leftovers of earlier trial rounds, twenty-fourth pass: decision records as organisations
//! keep them. A page holding several records under numbered headings, VA.gov's `### DR 4:
//! …` (`left24-va-decision-record`) and one `decisions.md` of `## ADR-001: …` sections
//! (`left24-decisions-page`).

use crate::harness::TestBook;
use crate::import::fresh;

/// The same pages left in content/decisions/ as they are: before, `decisions.md` was a
/// file-name error and a front-matter error that said nothing of the import, and VA.gov's
/// page was named a Nygard-style record. Each is one `foreign-decision-record` error that
/// says it holds several records and names the import.
#[test]
fn pages_of_several_records_in_place_are_one_error_naming_the_import() {
    let book = fresh(false);
    for (fixture, from) in [
        ("left24-decisions-page", "docs/decisions.md"),
        ("left24-va-decision-record", "picklist/key-decisions.md"),
    ] {
        let source = TestBook::fixture(fixture);
        let name = from.rsplit('/').next().unwrap();
        book.write(&format!("content/decisions/{name}"), &source.read(from));
    }
    let run = book.run(&["check"]);
    run.failure(1)
        .stderr_lacks("missing-front-matter")
        .stderr_lacks("invalid-decision-file-name")
        .stderr_has("error[foreign-decision-record]: this page holds 6 decision records, one under each numbered `##` heading, not one record for orgbook")
        .stderr_has("error[foreign-decision-record]: this page holds 4 decision records, one under each numbered `###` heading, not one record for orgbook")
        .stderr_has("`orgbook import adr DIR` (docs/import.md), e.g. `git mv content/decisions adr && orgbook import adr adr`, which writes each heading's record to a file of its own");
    assert_eq!(run.stderr.matches("error[").count(), 2, "{}", run.stderr);
}
