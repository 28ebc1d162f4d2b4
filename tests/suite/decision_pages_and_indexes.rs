//! Decision records as organisations keep them, three cases `orgbook import adr` got wrong. A
//! page holding several records under numbered headings, VA.gov's `### DR 4: …`
//! (`va-decision-record`) and one `decisions.md` of `## ADR-001: …` sections
//! (`decisions-page`), was imported as one record; prose after the status word in a `## Status`
//! paragraph was dropped clause by clause (`adr-status-paragraph`); an index page giving a
//! record another status than the record's own was ignored without a word (`adr-index-table`,
//! and Wikibase's `@subpage` list in `wikibase-decisions`).

use crate::harness::{TestBook, texts};
use crate::import::{
    Record, builds_clean, decision_page, fresh, import, numbered, path_str, records,
};

/// What a reader sees at the top of an imported decision's page, and the text of its body.
fn page_of(book: &TestBook, r: &Record) -> (String, String, String, String) {
    let page = decision_page(book, r);
    let one = |s: &str| texts(&page, s).join(" ");
    (
        one("main .kind"),
        one("main h1"),
        one("main .badges .status"),
        one("main .prose"),
    )
}

/// Before, VA.gov's decision record page (four records under `### DR n:` headings, each
/// with its own `Date:`, status and sections) was imported as ONE record titled "Decision
/// Record", proposed and dated today. Each heading is a record now, numbered by it, read
/// as a file of its own would be (DR 4 and 3 set their sections out in bold, DR 2 and 1 as
/// `####` headings); DR 1's number, taken in a fresh handbook, is renumbered as any
/// clash is; the page's opening and its closing template are in no record.
#[test]
fn a_page_of_dr_headings_is_split_into_its_records() {
    let source = TestBook::fixture("va-decision-record");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("picklist"))])
        .success()
        .stderr_has("note: key-decisions.md: a page of 4 records, split at its numbered `###` headings (lines 17, 40, 60, …), each imported as a record of its own; lines 1–15, 99–108 are in no record and are not imported\n")
        .stderr_has("Renumbered (old -> new):\n  1 -> 0005  key-decisions.md:82\n")
        .stderr_lacks("no status found")
        .stderr_lacks("dated today")
        .stderr_has("Imported 4 decisions");
    let rs = records(&book);
    let picklist = "Where does the picklist go first? 686/674 or 0538?";
    assert_eq!(
        numbered(&rs),
        [
            (1, "Record decisions in the handbook", "accepted"),
            (2, picklist, "accepted"),
            (
                3,
                "Do we want to show all dependents or one at a time?",
                "accepted"
            ),
            (
                4,
                "Should we ask the death-related questions separately?",
                "accepted"
            ),
            (5, picklist, "superseded"),
        ]
    );
    let dates: Vec<&str> = rs.values().skip(1).map(|r| r.date.as_str()).collect();
    assert_eq!(
        dates,
        ["2025-09-08", "2025-10-02", "2025-10-02", "2025-07-17"]
    );
    // Each body is its own record's, its `####` sections raised to `##`.
    assert!(
        rs[&2].body.trim_start().starts_with("## Context\n"),
        "{}",
        rs[&2].body
    );
    assert!(
        rs[&4].body.trim_start().starts_with("**Context**\n"),
        "{}",
        rs[&4].body
    );
    for r in rs.values().skip(1) {
        for gone in [
            "Decisions made template",
            "DR {DR_NUMBER}",
            "### DR",
            "How to use",
        ] {
            assert!(!r.body.contains(gone), "{gone} in {}", r.body);
        }
    }
    builds_clean(&book);
    let (kind, title, status, body) = page_of(&book, &rs[&4]);
    assert_eq!(
        (kind.as_str(), title.as_str(), status.as_str()),
        (
            "ADR 4",
            "Should we ask the death-related questions separately?",
            "accepted"
        )
    );
    assert!(body.contains("One less page in the flow."), "{body}");
    assert!(!body.contains("show all dependents"), "{body}");
    let (_, _, status, body) = page_of(&book, &rs[&5]);
    assert_eq!(status, "superseded");
    assert!(body.contains("decided to start with the 0538."), "{body}");
}

/// Before, a `docs/decisions.md` of `## ADR-001: …` sections, each `**Status:** Accepted`,
/// was skipped as "not a record" (its own title has no number, status or date), and the
/// import failed with no records at all. Each section is a record; an `## ADR-099:` line
/// in a code block is an example, not one.
#[test]
fn a_decisions_page_of_adr_sections_is_split_into_its_records() {
    let source = TestBook::fixture("decisions-page");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("docs"))])
        .success()
        .stderr_has("note: decisions.md: a page of 6 records, split at its numbered `##` headings (lines 3, 11, 19, …), each imported as a record of its own; line 1 is in no record and is not imported\n")
        .stderr_has("  1 -> 0015  decisions.md:3\n")
        .stderr_has("decisions.md:44: no date in the record")
        .stderr_lacks("ADR-099")
        .stderr_has("Imported 6 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "Record decisions in the handbook", "accepted"),
            (
                2,
                "AI provides evidence-backed interpretation, not decisions",
                "accepted"
            ),
            (
                3,
                "Deterministic redaction precedes model access",
                "accepted"
            ),
            (
                12,
                "Prove intake behavior with an in-memory adapter first",
                "accepted"
            ),
            (
                13,
                "Authorize the primary booking account before intake persistence",
                "accepted"
            ),
            (
                14,
                "Classify committed replay before mutable authorization",
                "proposed"
            ),
            (
                15,
                "REST API with generated Swagger documentation",
                "accepted"
            ),
        ]
    );
    assert!(
        rs[&3].body.contains("## ADR-099: not a record"),
        "{}",
        rs[&3].body
    );
    assert!(
        !rs[&3].body.contains("Workflow correctness"),
        "{}",
        rs[&3].body
    );
    builds_clean(&book);
    let (kind, title, status, body) = page_of(&book, &rs[&14]);
    assert_eq!(
        (kind.as_str(), title.as_str(), status.as_str()),
        (
            "ADR 14",
            "Classify committed replay before mutable authorization",
            "proposed"
        )
    );
    assert_eq!(
        body,
        "Every intake request still requires authentication and request validation."
    );
}

/// The same pages left in content/decisions/ as they are: before, `decisions.md` was a
/// file-name error and a front-matter error that said nothing of the import, and VA.gov's
/// page was named a Nygard-style record. Each is one `foreign-decision-record` error that
/// says it holds several records and names the import.
#[test]
fn pages_of_several_records_in_place_are_one_error_naming_the_import() {
    let book = fresh(false);
    for (fixture, from) in [
        ("decisions-page", "docs/decisions.md"),
        ("va-decision-record", "picklist/key-decisions.md"),
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

/// Before, `Proposed 2026-09-24, prototype. Behind a flag until the load test passes.`
/// under `## Status` lost everything after the date, with a "has no orgbook equivalent;
/// dropped" note, and `**Proposed.** The decision was made by the founder; …` was read
/// as no status at all. The status (and date) are read from the clauses that say them;
/// the sentences after them stay in the body under the Status heading, with one note.
#[test]
fn prose_after_the_status_word_stays_under_its_heading() {
    let source = TestBook::fixture("adr-status-paragraph");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_lacks("has no orgbook equivalent")
        .stderr_lacks("no status found")
        .stderr_has("note: 0007-ship-checkout-behind-a-flag.md:5: the status section's prose is kept in the body\n")
        .stderr_has("note: 0008-founder-decides-pricing.md:7: the status section's prose is kept in the body\n")
        .stderr_has("Imported 2 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs)[1..],
        [
            (7, "Ship the new checkout behind a flag", "proposed"),
            (8, "The founder decides pricing changes", "proposed"),
        ]
    );
    assert_eq!(rs[&7].date, "2026-09-24");
    assert!(
        rs[&7].body.trim_start().starts_with(
            "## Status\n\nprototype. Behind a flag until the load test passes.\n\n## Context\n"
        ),
        "{}",
        rs[&7].body
    );
    assert!(
        rs[&8].body.trim_start().starts_with(
            "## Status\n\nThe decision was made by the founder; the board reviews it in October.\n\n## Context\n"
        ),
        "{}",
        rs[&8].body
    );
    builds_clean(&book);
    let (_, _, status, body) = page_of(&book, &rs[&7]);
    assert_eq!(status, "proposed");
    assert!(
        body.starts_with("Status prototype. Behind a flag until the load test passes."),
        "{body}"
    );
    assert!(!body.contains("Proposed 2026-09-24"), "{body}");
}

/// Before, an index page whose status for a record differed from the record's own was
/// ignored without a word (the record wins, silently), and a README table linking its
/// records from the `ADR` column was even imported as a decision log: three records more,
/// copies of the ones it indexes. The table is an index, the file still wins, and each
/// disagreement is a note naming both places.
#[test]
fn an_index_that_disagrees_with_its_records_is_noted() {
    let source = TestBook::fixture("adr-index-table");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("docs/adr"))])
        .success()
        .stderr_has("skipped: README.md: an index: it links to 3 records")
        .stderr_has("note: README.md:5: the index says proposed for 0001-keep-a-port-per-driver.md, whose record says accepted; imported as the record says (correct the one that is wrong)\n")
        .stderr_has("note: README.md:6: the index says accepted for 0002-gate-statuses-in-ci.md, whose record says proposed; imported as the record says (correct the one that is wrong)\n")
        .stderr_lacks("README.md:7: the index")
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs)[1..],
        [
            (2, "Gate statuses in CI", "proposed"),
            (3, "Spike before building", "accepted"),
            (4, "Keep a port per driver", "accepted"),
        ]
    );
    builds_clean(&book);
    let (_, title, status, _) = page_of(&book, &rs[&4]);
    assert_eq!(
        (title.as_str(), status.as_str()),
        ("Keep a port per driver", "accepted")
    );

    // Wikibase's Doxygen list names its records by their page names.
    let wikibase = TestBook::fixture("wikibase-decisions");
    let book = fresh(false);
    import(&book, &[&path_str(&wikibase.root().join("adr"))])
        .success()
        .stderr_has("note: index.md:15: the index says rejected for 0018-wikibase-compatibility-with-mediawiki.md, whose record says proposed; imported as the record says (correct the one that is wrong)\n")
        .stderr_lacks("index.md:14: the index")
        .stderr_lacks("index.md:16: the index");
    assert_eq!(records(&book)[&18].status, "proposed");
}
