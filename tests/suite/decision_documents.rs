//! Decision documents as organisations write them outside ADR tools, who
//! decided named in a header table or front matter rather than in ADR metadata:
//! Atlassian's DACI pages exported from Confluence (a `| Status | Driver | Approver |`
//! table, emoji headings, a status lozenge `🟡 IN PROGRESS`), Oxide-style RFDs
//! (`authors:`, `state: published`, `labels:`, `rfd/0012/README.md` folders), TensorFlow's
//! RFC header table (`| Status | Accepted |` as its header row, bold keys, a delimiter row
//! without its leading pipe) and an RFC template's header row (`| Created | Status | Owner
//! | Approvers |`). Each becomes a decision record through `orgbook import adr`, with its
//! approvers as deciders; left in content/decisions/ as it is, it is one error that names
//! its template and the import.

use crate::harness::TestBook;
use crate::import::{builds_clean, by_title, fresh, import, list, numbered, path_str, records};

/// The `deciders` of the imported record `file` (in content/decisions/).
fn deciders(book: &TestBook, file: &str) -> Vec<String> {
    list(book, file, "deciders")
}

/// A DACI page's table is its metadata: COMPLETE is accepted, IN PROGRESS (behind its
/// lozenge's emoji) and NOT STARTED proposed; the Approver decides (so an accepted Type 1
/// decision has its deciders and builds); the Driver is the author (round 24); Contributors,
/// Informed, Impact and the Outcome stay at the top of the body; the due date, once past, is the record's date. The
/// title leaves its `DACI:` behind, and the table leaves the body.
#[test]
fn daci_pages_become_records_with_their_approver_as_decider() {
    let source = TestBook::fixture("daci");
    let book = fresh(false);
    import(
        &book,
        &[&path_str(&source.root().join("decisions")), "--type", "1"],
    )
    .success()
    .stderr_has("Imported 3 decisions")
    .stderr_lacks("not a record")
    .stderr_lacks("has no orgbook key")
    .stderr_lacks("no status found")
    .stderr_lacks("without deciders");
    let rs = records(&book);
    let (_, vendor) = by_title(&rs, "Choose a feature flag vendor");
    assert_eq!(vendor.status, "accepted");
    assert_eq!(vendor.date, "2024-03-14");
    assert_eq!(deciders(&book, &vendor.file), ["Tomás Ferreira"]);
    assert_eq!(list(&book, &vendor.file, "authors"), ["Priya Raman"]);
    assert!(!vendor.body.contains("Driver"), "{}", vendor.body);
    for kept in [
        "- Impact: HIGH",
        "- Contributors: @Lee Chen @Ola Nordmann",
        "- Informed: #eng-announce, Support leads",
        "- Due date: Mar 14, 2024",
        "- Outcome: We buy LaunchDarkly for two years and look again before renewal",
    ] {
        assert!(vendor.body.contains(kept), "{kept} in:\n{}", vendor.body);
    }
    assert!(!vendor.body.contains("| **Approver**"), "{}", vendor.body);
    // The options table is prose and stays.
    assert!(
        vendor.body.contains("| **Estimated cost** | LARGE"),
        "{}",
        vendor.body
    );
    let (_, ci) = by_title(&rs, "Move CI to GitHub Actions");
    assert_eq!(ci.status, "proposed");
    assert_eq!(ci.date, "2024-06-30");
    assert_eq!(deciders(&book, &ci.file), ["Ben Ito", "Dana Whitfield"]);
    assert!(!ci.body.contains("IN PROGRESS"), "{}", ci.body);
    let (_, staging) = by_title(&rs, "Retire the staging-2 environment");
    assert_eq!(staging.status, "proposed");
    assert_eq!(deciders(&book, &staging.file), ["Tomás Ferreira"]);
    builds_clean(&book);
}

/// Oxide-style RFDs: `state` is the status (published and committed accepted, draft and
/// prediscussion proposed, implemented accepted, abandoned rejected), `labels` the tags,
/// `authors` the authors without their handles (round 24), `RFD 0005:` and `RFD 12` (no colon) leave the
/// title, and a folder per RFD (`rfd/0012/README.md`) is a record numbered by its folder.
#[test]
fn rfds_keep_their_state_labels_and_authors() {
    let source = TestBook::fixture("rfd");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("rfd"))])
        .success()
        .stderr_has("Imported 6 decisions")
        .stderr_lacks("`state`")
        .stderr_lacks("`labels`")
        .stderr_lacks("`authors`")
        .stderr_lacks("no status found")
        .stderr_has("skipped: README.md: an index");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "Request for Discussion Process", "accepted"),
            (3, "OOI hashing", "accepted"),
            (4, "Reporting", "proposed"),
            (5, "Raw Storage", "rejected"),
            (12, "Host OS update policy", "accepted"),
            (13, "Fleet-wide log retention", "proposed"),
        ]
    );
    let (_, hashing) = by_title(&rs, "OOI hashing");
    assert_eq!(hashing.tags, ["Data Models", "Octopoes"]);
    assert_eq!(list(&book, &hashing.file, "authors"), ["Donny Peeters"]);
    assert!(!hashing.body.contains("authors"), "{}", hashing.body);
    let (_, process) = by_title(&rs, "Request for Discussion Process");
    assert_eq!(
        list(&book, &process.file, "authors"),
        ["Jan Klop", "Mira de Vries"]
    );
    let (_, host) = by_title(&rs, "Host OS update policy");
    assert!(
        host.body
            .contains("- discussion: <https://github.com/example-org/rfd/pull/61>"),
        "{}",
        host.body
    );
    builds_clean(&book);
}

/// RFC header tables: TensorFlow's (`| Status | Accepted |` as the header row, bold keys,
/// a delimiter row without its leading pipe that must not be left in the body) and an RFC
/// template's header row (`| Created | Status | Owner | Approvers | … |`): the status is
/// read, the Approvers decide, the Owner and Author(s) are the authors (round 24), the
/// Sponsor is kept at the top of the body, and no line of the table is left behind.
#[test]
fn rfc_header_tables_give_status_date_and_approvers() {
    let source = TestBook::fixture("rfc-tables");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("rfcs"))])
        .success()
        .stderr_has("Imported 5 decisions")
        .stderr_lacks("not a record")
        .stderr_lacks("no status found");
    let rs = records(&book);
    let (_, swig) = by_title(&rs, "Replace SWIG with pybind11");
    assert_eq!(swig.status, "accepted");
    assert!(
        swig.body
            .contains("- Sponsor: gunnar@example.org, wil@example.org"),
        "{}",
        swig.body
    );
    let (_, data) = by_title(&rs, "Distributed tf.data service");
    assert_eq!(data.status, "proposed");
    assert!(!data.body.contains(":----"), "{}", data.body);
    assert!(!data.body.contains("| **"), "{}", data.body);
    assert_eq!(list(&book, &data.file, "authors"), ["Andrew A."]);
    assert!(!data.body.contains("Author"), "{}", data.body);
    let (n, index) = by_title(&rs, "Move search indexing off the frontend");
    assert_eq!(n, 512);
    assert_eq!(index.status, "accepted");
    assert_eq!(index.date, "2023-01-12");
    assert_eq!(deciders(&book, &index.file), ["@ravi", "@sam"]);
    assert_eq!(list(&book, &index.file, "authors"), ["@kim"]);
    assert!(!index.body.contains("Owner"), "{}", index.body);
    assert!(!index.body.contains("| Created"), "{}", index.body);
    let (_, insights) = by_title(&rs, "Retire the code insights backfiller");
    assert_eq!(insights.status, "proposed");
    // `RFC 531 WIP:`: the number and the draft marker leave the title (round 24).
    let (n, tenant) = by_title(&rs, "Use one Postgres per tenant");
    assert_eq!(n, 531);
    assert_eq!(tenant.status, "rejected");
    assert_eq!(deciders(&book, &tenant.file), ["@sam", "@cto-ray"]);
    builds_clean(&book);
}

/// A DACI page or an RFD copied into content/decisions/ as it is is one error that names
/// its template and `orgbook import adr`, not a missing front matter and a file name.
#[test]
fn daci_and_rfd_left_in_decisions_name_their_template_and_the_import() {
    let book = fresh(false);
    let daci = TestBook::fixture("daci");
    let rfd = TestBook::fixture("rfd");
    book.write(
        "content/decisions/daci-ci.md",
        &daci.read("decisions/DACI - Move CI to GitHub Actions.md"),
    );
    book.write(
        "content/decisions/0003-ooi-hashing.md",
        &rfd.read("rfd/0003-ooi-hashing.md"),
    );
    book.build()
        .failure(1)
        .stderr_has("error[foreign-decision-record]: this is a decision record written for Atlassian's DACI template")
        .stderr_has("error[foreign-decision-record]: this is a decision record written for an RFD template")
        .stderr_has("orgbook import adr")
        .stderr_lacks("invalid-decision-file-name")
        .stderr_lacks("missing-front-matter");
}

/// A decision log (one page, a table of many decisions) is split into one record a row
/// (round 24; it was skipped with its row count): the Owner is the author, `Reverted` is
/// deprecated, the Link is kept as the Source, and the Y-statement under the table is not
/// a decision of the log's.
#[test]
fn a_decision_log_is_one_record_a_row() {
    let source = TestBook::fixture("decision-log");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("log"))])
        .success()
        .stderr_has("Imported 4 decisions")
        .stderr_lacks("not a record");
    let rs = records(&book);
    let got: Vec<(&str, &str, &str)> = rs
        .values()
        .map(|r| (r.date.as_str(), r.title.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("2024-03-11", "Drop Node 16 support", "deprecated"),
            (
                "2024-04-02",
                "Try Backstage for the service catalog",
                "proposed"
            ),
            (
                "2024-04-18",
                "Keep Terraform state in one bucket per account",
                "accepted"
            ),
            (
                "2024-05-02",
                "Use Renovate, not Dependabot, for all repositories",
                "accepted"
            ),
        ]
    );
    let (_, renovate) = by_title(&rs, "Use Renovate, not Dependabot, for all repositories");
    assert_eq!(list(&book, &renovate.file, "authors"), ["@ola"]);
    assert!(
        renovate
            .body
            .contains("- Source: [thread](https://chat.example.org/t/123)"),
        "{}",
        renovate.body
    );
}
