//! Decision records as public repositories keep them, found by a survey of repositories no
//! earlier fixture names (docs/performance.md, "adrsurvey"), in the three shapes `orgbook
//! import adr` got wrong: Nygard's sections written in the record's language (`## Datum`)
//! and a status that keeps the template's choices with the one made in bold
//! (`adr-translated-sections`, HubEvolution/EvolutionHub); a status written as a task list
//! (`adr-task-list-status`, Letterbook/Letterbook); a successor named by its number in a
//! code span (`adr-code-span-number`, KikoNet13/Cuentos-Cosmere); a `Date` line without
//! its colon and a link to another record's published `.html` page
//! (`adr-hand-edited-adr-tools`, ministryofjustice/cloud-platform).

use crate::harness::{TestBook, texts};
use crate::import::{
    Record, builds_clean, decision_page, fresh, import, numbered, path_str, records,
};

/// The status badge a reader sees at the top of an imported decision's page.
pub(crate) fn badge(book: &TestBook, r: &Record) -> String {
    texts(&decision_page(book, r), "main .badges .status").join(" ")
}

/// Imports `dir` of fixture `name` into a fresh empty handbook.
pub(crate) fn imported(name: &str, dir: &str) -> (TestBook, crate::harness::Run) {
    let source = TestBook::fixture(name);
    let book = fresh(true);
    let run = import(&book, &[&path_str(&source.root().join(dir))]);
    (book, run)
}

/// Before, `## Datum` was not read as the date section (the record was dated today),
/// `Abgelöst (Superseded)` was no status (imported as proposed), and a status section
/// keeping its template's choices with the one made in bold was taken for an unfilled
/// template, so the record was skipped: lost from the decision log.
#[test]
fn german_sections_and_a_bold_choice_are_read() {
    let (book, run) = imported("adr-translated-sections", "docs/architecture/adrs");
    run.success()
        .stderr_lacks("skipped")
        .stderr_lacks("no status found")
        .stderr_lacks("jwt-authentication.md: no date in the record")
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "JWT-basierte Authentifizierung", "superseded"),
            (5, "Auth-Routen – Locale-Normalisierung (DE/EN)", "accepted"),
            (
                6,
                "Deterministischer Dev‑Echo in Nicht‑Production‑Umgebungen (AI Image Enhancer)",
                "accepted"
            ),
        ]
    );
    assert_eq!(rs[&1].date, "2023-10-15");
    assert_eq!(rs[&6].date, "2025-09-11");
    // The sections left the body: the reader sees them as the page's badges and dates.
    assert!(!rs[&1].body.contains("## Datum"), "{}", rs[&1].body);
    assert!(!rs[&5].body.contains("Vorgeschlagen |"), "{}", rs[&5].body);
    builds_clean(&book);
    assert_eq!(badge(&book, &rs[&1]), "superseded");
    assert_eq!(badge(&book, &rs[&5]), "accepted");
}

/// Before, every item of a task-list status (`- [x] Decided (2023-07-04)`, `- [ ] Deferred`)
/// was "no orgbook equivalent; dropped": all four records came in proposed and dated
/// today, and the superseded one lost its successor, named by a reference link
/// (`[2024-02-16][adr-08]`).
#[test]
fn a_task_list_status_gives_the_ticked_status_date_and_successor() {
    let (book, run) = imported("adr-task-list-status", "docs/decisions");
    run.success()
        .stderr_lacks("has no orgbook equivalent")
        .stderr_lacks("02-architecture-design-patterns.md: no status found")
        .stderr_lacks("04-error-reporting.md: no date")
        .stderr_has("Imported 4 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (2, "Architecture and Design Patterns", "superseded"),
            (4, "Error Reporting", "proposed"),
            (8, "Architecture Update", "proposed"),
            (9, "Formatting", "proposed"),
        ]
    );
    assert_eq!(rs[&2].date, "2023-07-04");
    assert_eq!(rs[&4].date, "2023-12-30");
    assert_eq!(rs[&8].supersedes, [2]);
    // The unticked choices are not prose of the record.
    assert!(!rs[&9].body.contains("[ ] Decided"), "{}", rs[&9].body);
    builds_clean(&book);
    assert_eq!(badge(&book, &rs[&2]), "superseded");
    let page = decision_page(&book, &rs[&2]);
    let successor = texts(&page, "main a[href$='0008-architecture-update.html']");
    assert!(!successor.is_empty(), "no link to the successor");
}

/// Before, `reemplazado por `0007`` named "no decision number": both replaced records
/// were superseded by nothing, and 0007 superseded nothing.
#[test]
fn a_successor_number_in_a_code_span_is_read() {
    let (book, run) = imported("adr-code-span-number", "docs/adr");
    run.success()
        .stderr_lacks("names no decision number")
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (2, "Politica local de persistencia SQLite", "superseded"),
            (
                4,
                "Biblioteca como fuente de verdad y cache temporal",
                "superseded"
            ),
            (7, "Canon NN.json sin SQLite y skill editorial", "accepted"),
        ]
    );
    assert_eq!(rs[&7].supersedes, [2, 4]);
    builds_clean(&book);
    for n in [2, 4] {
        let page = decision_page(&book, &rs[&n]);
        let successor = texts(
            &page,
            "main a[href$='0007-canon-nn-json-sin-sqlite-y-skill-editorial.html']",
        );
        assert!(
            !successor.is_empty(),
            "record {n} does not link its successor"
        );
    }
}

/// Before, `Date 09/04/2018` (its colon forgotten) was no date, so the record was dated
/// today; and a link to another record's published page (`012-….html`) was left as
/// written, so the build failed on it as a broken link.
#[test]
fn a_hand_edited_adr_tools_folder_keeps_its_dates_and_links() {
    let (book, run) = imported("adr-hand-edited-adr-tools", "architecture-decision-record");
    run.success()
        .stderr_lacks("dated today")
        .stderr_lacks("not among the imported records")
        .stderr_has("Imported 4 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (6, "Use GitHub as our identity provider", "accepted"),
            (12, "One cluster for dev/staging/prod", "accepted"),
            (21, "Multi-cluster", "proposed"),
            (23, "Logging", "accepted"),
        ]
    );
    assert_eq!(rs[&6].date, "2018-04-09");
    assert!(
        rs[&21]
            .body
            .contains("(0012-one-cluster-for-dev-staging-prod.md)"),
        "{}",
        rs[&21].body
    );
    builds_clean(&book);
    let page = decision_page(&book, &rs[&21]);
    let linked = texts(
        &page,
        "main .prose a[href$='0012-one-cluster-for-dev-staging-prod.html']",
    );
    assert_eq!(linked, ["one Kubernetes cluster"]);
}
