//! Decision folders shaped as real organisations keep them. Wikibase's records title themselves
//! `# 18) Title {#adr_0018}` (a heading attribute Doxygen and Pandoc read as the anchor,
//! `wikibase-decisions`); Dependency-Track's hyades numbers its folder's overview
//! `000-index.md` (`hyades-decisions`); records superseded later explain why under their `##
//! Status` (`adr-status-prose`); records written by hand set out their sections as bold
//! paragraphs, `**Status**` over `Accepted` (`adr-bold-sections`); ADRFlow titles its records
//! `# 2 Title` and keeps a dated status history (`adrflow`).

use crate::harness::TestBook;
use crate::import::{
    builds_clean, by_title, decision_page, fresh, import, numbered, path_str, records,
};

/// Before, `# 18) Keep Wikibase master compatible … {#adr_0018}` was titled with its
/// `{#adr_0018}` and written to `…-adr.md` files; the attribute is the heading's anchor,
/// which Doxygen, Pandoc and the build itself read as such, never text.
#[test]
fn a_heading_attribute_is_no_part_of_the_title() {
    let source = TestBook::fixture("wikibase-decisions");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_has("skipped: NNNN-adr-template.md: a template")
        .stderr_has("skipped: index.md:")
        .stderr_has("Imported 4 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "Record decisions in the handbook", "accepted"),
            (
                18,
                "Keep Wikibase master compatible with last stable Mediawiki Core",
                "proposed"
            ),
            (20, "Keep Wikibase master Mediawiki Core master", "accepted"),
            (
                21,
                "Make all Federated Properties-relevant services source and type dispatching",
                "accepted"
            ),
            (22, "Use PSR-16 PHP Cache Interface in Wikibase", "accepted"),
        ]
    );
    assert!(rs.values().all(|r| !r.file.contains("adr")), "{rs:?}");
    assert_eq!(rs[&18].date, "2021-04-28");
    builds_clean(&book);
}

/// Before, hyades's `000-index.md` (the folder's overview, its template in a code block)
/// was imported as decision 0 titled "Index", proposed and dated today. A file named as an
/// index is one whatever its number, as `index.md` and `README.md` are.
#[test]
fn a_numbered_index_page_is_an_index() {
    let source = TestBook::fixture("hyades-decisions");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("decisions"))])
        .success()
        .stderr_has("skipped: 000-index.md: the folder's index page")
        .stderr_lacks("000-index.md: no status found")
        .stderr_lacks("dated today")
        .stderr_has("Imported 4 decisions");
    let rs = records(&book);
    assert!(rs.values().all(|r| r.title != "Index"), "{rs:?}");
    let (_, users) = by_title(&rs, "Consolidate User Tables");
    assert_eq!(
        (users.status.as_str(), users.date.as_str()),
        ("proposed", "2025-04-16")
    );
}

/// Before, every paragraph under `## Status` was read as a status word: the author's
/// explanation of why the record was superseded was dropped, with one "has no orgbook
/// equivalent; dropped" note per clause. Prose there is kept under its heading.
#[test]
fn prose_under_the_status_heading_is_kept() {
    let source = TestBook::fixture("adr-status-prose");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_lacks("has no orgbook equivalent")
        .stderr_has("ADR-0013-client-injection-not-adopted.md:8: the status section's prose is kept in the body")
        .stderr_has("017-product-split-inside-trading.md:6: the status section's prose is kept in the body");
    let rs = records(&book);
    let (_, injection) = by_title(
        &rs,
        "Client injection, traffic intercept and detection evasion are not adopted",
    );
    let (n14, _) = by_title(&rs, "The operator chooses the data path");
    assert_eq!(injection.status, "superseded");
    assert_eq!(rs[&n14].supersedes, [13]);
    let body = injection.body.trim_start();
    assert!(
        body.starts_with("## Status\n\nKept rather than deleted: this record is why the question was asked twice, and\n"),
        "{body}"
    );
    assert!(body.contains("cannot be honestly classified."), "{body}");
    assert!(
        body.contains("**Originally:** Accepted, building on"),
        "{body}"
    );
    // The status word and the relation leave the body: the page says them.
    assert!(!body.contains("Nothing\nbelow is in force"), "{body}");
    let (_, split) = by_title(
        &rs,
        "Product split은 trading/ 안에서만, account/market은 통합 유지",
    );
    assert_eq!(split.status, "superseded");
    // Under its heading, as the source has it (the status line between them gone).
    assert!(
        split
            .body
            .trim_start()
            .starts_with("## Status\n본 ADR은 spot/futures가 같은 host에 사는"),
        "{}",
        split.body
    );
    assert!(!split.body.contains("Superseded by"), "{}", split.body);
    builds_clean(&book);
    let page = decision_page(&book, split);
    let text: String = page.root_element().text().collect();
    assert!(text.contains("더 이상 유효하지 않다"));
}

/// Before, a record whose sections are bold paragraphs (`**Status**` over `Accepted`, then
/// `**Context**`), as many records written by hand are, had "no status found" and was
/// imported as proposed, `**Status**` and `Accepted` left in its body; one titled the same
/// way (`**Title**` over the title) was titled by its file name, and VA.gov's `DR 5:`
/// stayed in the title, numbered after the free numbers. The labels are read as the
/// sections they stand for.
#[test]
fn sections_written_as_bold_paragraphs_are_read() {
    let source = TestBook::fixture("adr-bold-sections");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_lacks("no status found")
        .stderr_lacks("no `# Title` heading")
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "Record decisions in the handbook", "accepted"),
            (5, "Which removals should we support?", "accepted"),
            (6, "Selection of Data Storage Strategy", "accepted"),
            (7, "Payment Integration", "accepted"),
        ]
    );
    for r in rs.values().skip(1) {
        let body = r.body.trim_start();
        assert!(body.starts_with("**Context**\n\n"), "{body}");
        assert!(
            !body.contains("**Status**") && !body.contains("**Title**"),
            "{body}"
        );
    }
    assert_eq!(rs[&5].date, "2025-10-02");
    builds_clean(&book);
}

/// The same records moved into content/decisions/ as they are: before, each was two errors
/// (its file name has no number, it has no front matter) that said nothing of the import;
/// a bold `**Status**` paragraph marks a record written for another tool, as an adr-tools
/// `## Status` heading does, and it is the one error that names the import.
#[test]
fn bold_section_records_in_place_are_one_error_naming_the_import() {
    let source = TestBook::fixture("adr-bold-sections");
    let book = fresh(false);
    for name in ["payment-integration.md", "dr-5-which-removals.md"] {
        book.write(
            &format!("content/decisions/{name}"),
            &source.read(&format!("adr/{name}")),
        );
    }
    let run = book.run(&["check"]);
    run.failure(1)
        .stderr_lacks("missing-front-matter")
        .stderr_lacks("invalid-decision-file-name")
        .stderr_has("error[foreign-decision-record]: this is a decision record written for a Nygard-style template (its sections in bold), not for orgbook");
    assert_eq!(run.stderr.matches("error[").count(), 2, "{}", run.stderr);
}

/// ADRFlow (slior/adrflow) writes `# 2 Create ADR Object` (the number, a bare space), a
/// dated status history (`Proposed 2017-12-28` over `Accepted 2017-12-30`) and links as
/// `mentions [6](…)`. Before, the number stayed in the title and the file name
/// (`0002-2-create-adr-object.md`), the record was dated when accepted, with a note per
/// record that its "earlier status proposed" was dropped, and `mentions` was dropped as an
/// unknown status. Now the file name's number confirms the title's, the record is dated
/// when proposed and decided when accepted, and `mentions` is kept as a relation.
#[test]
fn adrflow_titles_histories_and_mentions() {
    let source = TestBook::fixture("adrflow");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("doc/adr"))])
        .success()
        .stderr_lacks("earlier status")
        .stderr_lacks("has no orgbook equivalent")
        .stderr_has("Imported 5 decisions into content/decisions/ for team `platform` (type 2)\n");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "Record decisions in the handbook", "accepted"),
            (2, "Create ADR Object", "proposed"),
            (5, "Utility Context Lazily Initialized", "superseded"),
            (6, "Centralize Definition of Filename", "accepted"),
            (7, "Defining Customizations", "accepted"),
            (8, "Remove ADR Util Sync Module", "accepted"),
        ]
    );
    assert_eq!(rs[&2].file, "0002-create-adr-object.md");
    let customizations = book.read(&format!("content/decisions/{}", rs[&7].file));
    assert!(
        customizations.contains("date = 2017-12-28\ndecided = 2017-12-30\n"),
        "{customizations}"
    );
    assert_eq!(rs[&8].supersedes, [5]);
    assert!(
        rs[&8].body.contains(
            "## Related decisions\n\n- mentions [6](0006-centralize-definition-of-filename.md)"
        ),
        "{}",
        rs[&8].body
    );
    builds_clean(&book);
}
