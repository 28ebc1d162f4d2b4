//! What imported decision records still lost after the earlier surveys (docs/performance.md,
//! "adr"): a status history written newest first in one paragraph, and a front matter
//! `related:` list of sibling records (`adr-status-history`, rr256/LearnFlow); a record that states no status beside an index that gives one
//! (`adr-index-status`); a page of records under bare numbered headings, which the import
//! splits but `orgbook check` named a MADR record (`decisions-page-bare-numbers`); a record
//! that kept its template's title (`adr-placeholder-title`, mozilla/blurts-server, and
//! Letterbook's `# Subject` in `adr-task-list-status`); dates with two-digit years
//! (`adr-code-span-number`, KikoNet13/Cuentos-Cosmere).

use crate::adr_survey::{badge, imported};
use crate::harness::{TestBook, texts};
use crate::import::{Record, builds_clean, decision_page, fresh, numbered, records};

/// The `decided` date written into an imported record's front matter.
fn decided(book: &TestBook, r: &Record) -> Option<String> {
    let text = book.read(&format!("content/decisions/{}", r.file));
    text.lines()
        .find_map(|l| l.strip_prefix("decided = "))
        .map(str::to_owned)
}

/// Before, `Accepted 2026-08-05. Proposed 2026-06-23.` was read as its first word, the
/// paragraph kept as "Status as written" and the record dated today; LearnFlow's
/// `Accepted — 2026-08-13. Proposed 2026-08-13.` kept both steps as written, and the
/// paragraph after it (`Accepted once the decision below was verified …`) was cut into
/// "status" clauses and dropped. The history is read in the order it happened: the record is
/// dated by its proposal, decided by its acceptance, and the prose stays under `## Status`.
#[test]
fn a_status_history_written_newest_first_dates_the_record_by_its_steps() {
    let (book, run) = imported("adr-status-history", "docs/adr");
    run.success()
        .stderr_lacks("has no orgbook equivalent")
        .stderr_lacks("dated today")
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (
                21,
                "Mark a Plan Item Completed as a Reversible Statement About Work, Not About the Learner",
                "accepted"
            ),
            (
                26,
                "Show the Month as a Reading of the Roadmap and the Week, Not a Monthly Plan",
                "accepted"
            ),
            (43, "Keep the Plan Screens Usable Offline", "accepted"),
        ]
    );
    assert_eq!(rs[&43].date, "2026-06-23");
    assert_eq!(decided(&book, &rs[&43]).as_deref(), Some("2026-08-05"));
    assert_eq!(rs[&21].date, "2026-08-08");
    assert_eq!(decided(&book, &rs[&21]).as_deref(), Some("2026-08-08"));
    for n in [21, 26, 43] {
        assert!(
            !rs[&n].body.contains("Status as written"),
            "{}",
            rs[&n].body
        );
    }
    assert!(
        rs[&21]
            .body
            .contains("## Status\n\nAccepted once the decision below was verified"),
        "{}",
        rs[&21].body
    );
    assert!(rs[&21].body.contains("so CI is their first run."));
    builds_clean(&book);
    assert_eq!(badge(&book, &rs[&43]), "accepted");
}

/// Before, LearnFlow's front matter `related:` list, which names by file the records a
/// record builds on, was "no orgbook key; dropped". The folder's records in it are linked
/// under "Related decisions" (each link following its record to its new file); other
/// documents are named in one note.
#[test]
fn a_related_list_in_front_matter_links_the_folder_s_records() {
    let (book, run) = imported("adr-status-history", "docs/adr");
    run.success()
        .stderr_lacks("has no orgbook key")
        .stderr_has("ADR-026-monthly-study-view.md:6: `related: ../api/conventions.md` names no record of the folder; dropped");
    let rs = records(&book);
    let file21 = rs[&21].file.clone();
    assert!(
        rs[&26].body.contains(&format!(
            "## Related decisions\n\n- Related: [ADR-021-plan-item-completion]({file21})"
        )),
        "{}",
        rs[&26].body
    );
    builds_clean(&book);
    let page = decision_page(&book, &rs[&26]);
    let href = file21.replace(".md", ".html");
    let linked = texts(&page, &format!("main a[href$='{href}']"));
    assert!(!linked.is_empty(), "no link to record 21");
}

/// Before, a record that states no status was imported with the import's default
/// (proposed), and the index's `accepted` for it was only a note of disagreement. The
/// index's status is the record's now, with a note naming the index's line.
#[test]
fn a_record_without_a_status_takes_the_one_its_index_gives() {
    let (book, run) = imported("adr-index-status", "docs/adr");
    run.success()
        .stderr_lacks("no status found")
        .stderr_lacks("imported as the record says")
        .stderr_has("0001-job-tags-support-for-ansible-automation.md: the record states no status; imported as accepted, as the index says at README.md:26")
        .stderr_has("0002-limit-and-skip-tags-on-launch.md: the record states no status; imported as proposed, as the index says at README.md:27")
        .stderr_has("Imported 2 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (
                1,
                "Job Tags Support for Ansible Automation Platform Integration",
                "accepted"
            ),
            (2, "Limit and Skip Tags on Job Launch", "proposed"),
        ]
    );
    assert_eq!(decided(&book, &rs[&1]).as_deref(), Some("2026-01-04"));
    assert_eq!(decided(&book, &rs[&2]), None);
    builds_clean(&book);
    assert_eq!(badge(&book, &rs[&1]), "accepted");
}

/// Before, `orgbook check` told a page of several records only by series-numbered headings
/// (`## ADR-001:`): the same page under `## 1. Title` headings, which `import adr` splits
/// into six records, was "a decision record written for MADR". Both read it the same way now.
#[test]
fn check_and_import_agree_on_a_page_of_bare_numbered_records() {
    let source = TestBook::fixture("decisions-page-bare-numbers");
    let book = fresh(false);
    book.write(
        "content/decisions/decisions.md",
        &source.read("docs/decisions.md"),
    );
    let run = book.run(&["check"]);
    run.failure(1)
        .stderr_lacks("written for MADR")
        .stderr_has("error[foreign-decision-record]: this page holds 6 decision records, one under each numbered `##` heading, not one record for orgbook");
    assert_eq!(run.stderr.matches("error[").count(), 1, "{}", run.stderr);

    let (imported_book, run) = imported("decisions-page-bare-numbers", "docs");
    run.success().stderr_has("Imported 6 decisions");
    assert_eq!(records(&imported_book).len(), 6);
}

/// Before, a MADR 2 record that kept the template's `# [short title of solved problem and
/// solution]` was skipped as a template, though its status, date and sections were filled
/// in: the decision was lost. Letterbook's `# Subject` was published as the title
/// "Subject". Such a title gives way to the file name's words, with a note naming its
/// line; the template itself is still skipped.
#[test]
fn a_template_title_in_a_filled_in_record_gives_way_to_the_file_name() {
    let (book, run) = imported("adr-placeholder-title", "docs/adr");
    run.success()
        .stderr_has("skipped: template.md: a template")
        .stderr_has("note: 0002-test-and-release-process.md:1: the title `[short title of solved problem and solution]` is the template's placeholder; the title is made from the file name: “Test And Release Process”")
        .stderr_has("Imported 1 decision");
    let rs = records(&book);
    assert_eq!(numbered(&rs), [(2, "Test And Release Process", "proposed")]);
    assert_eq!(rs[&2].date, "2022-02-06");
    assert!(
        rs[&2].body.contains("## Decision Outcome"),
        "{}",
        rs[&2].body
    );
    builds_clean(&book);
    let page = decision_page(&book, &rs[&2]);
    assert_eq!(texts(&page, "main h1"), ["Test And Release Process"]);

    let (book, run) = imported("adr-task-list-status", "docs/decisions");
    run.success().stderr_has(
        "04-error-reporting.md:1: the title `Subject` is the template's placeholder; the title is made from the file name: “Error Reporting”",
    );
    assert_eq!(records(&book)[&4].title, "Error Reporting");
}

/// Before, `Fecha: 12/02/26` was "not a date orgbook can read": each record was dated
/// today, the date kept as "Date as written". A two-digit year is read day-first in this
/// century, as a four-digit one is, and noted.
#[test]
fn two_digit_years_are_read_day_first_and_noted() {
    let (book, run) = imported("adr-code-span-number", "docs/adr");
    run.success()
        .stderr_lacks("not a date orgbook can read")
        .stderr_lacks("dated today")
        .stderr_has("0002-politica-sqlite-local.md:4: date `12/02/26` has a two-digit year; read as day/month/year, 2026-02-12; check it")
        .stderr_has("0007-canon-json-sin-sqlite-skill-editorial.md:4: date `13/02/26` has a two-digit year; read as day/month/year, 2026-02-13; check it");
    let rs = records(&book);
    assert_eq!(rs[&2].date, "2026-02-12");
    assert_eq!(rs[&7].date, "2026-02-13");
    assert!(!rs[&2].body.contains("Date as written"), "{}", rs[&2].body);
    builds_clean(&book);
}
