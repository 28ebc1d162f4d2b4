//! Who wrote a decision, and decision logs. Records name their authors in
//! many shapes: a header table's `Author(s)` with a GitHub link (a record with no title
//! heading at all), MADR's `* Authors:` line, front matter `authors:` with addresses and
//! handles after the names, a Nygard record's closing `## Authors` section, a template's
//! unfilled `[list of GitHub handles]`, a DACI page's `Driver` beside an unfilled
//! `@ approver` and `<name>`. They become the decision's `authors`, which a handbook may also
//! write by hand, shown beside the deciders and linked to people pages. A GitHub wiki's
//! "Decision log" page and a Confluence export of one (bold headers, `<br/>` in cells, a
//! status behind Notion-style `<span>`) become one record a row.

use crate::harness::{TestBook, built_decisions, texts};
use crate::import::{
    builds_clean, by_title, decision_page, fresh, import, list, numbered, path_str, records,
};

fn decisions_json(book: &TestBook) -> serde_json::Value {
    serde_json::from_str(&book.output_file("api/decisions.json")).unwrap()
}

/// Each shape's authors become `authors` (never deciders), the line, table row or section
/// that named them leaves the body, and unfilled template people are left out with a note
/// instead of becoming people.
#[test]
fn authors_are_read_from_every_shape_and_placeholders_left_out() {
    let source = TestBook::fixture("decision-authors");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_has("Imported 6 decisions")
        .stderr_has("authors `[list of GitHub handles for the authors]` look like an unfilled template; left out")
        .stderr_has("decider `@ approver` looks like an unfilled template; left out")
        .stderr_has("`Contributors: <name>` looks like an unfilled template; left out")
        .stderr_has("`Due date: Type /date` looks like an unfilled template; left out")
        .stderr_lacks("has no orgbook key");
    let rs = records(&book);
    let (_, queue) = by_title(&rs, "Queue Notifications");
    assert_eq!(list(&book, &queue.file, "authors"), ["@mkowalski"]);
    assert!(!queue.body.contains("Author"), "{}", queue.body);
    let (_, renovate) = by_title(&rs, "Use Renovate for dependency updates");
    assert_eq!(
        list(&book, &renovate.file, "authors"),
        ["@ana-lima", "@bito"]
    );
    assert_eq!(list(&book, &renovate.file, "deciders"), ["Ben Ito"]);
    assert!(!renovate.body.contains("Authors"), "{}", renovate.body);
    let (_, tenant) = by_title(&rs, "One Postgres database per tenant");
    assert_eq!(
        list(&book, &tenant.file, "authors"),
        ["Ana Lima", "Jan Klop"]
    );
    assert_eq!(list(&book, &tenant.file, "deciders"), ["Tomás Ferreira"]);
    let (_, cron) = by_title(&rs, "Retire the cron box");
    assert_eq!(
        list(&book, &cron.file, "authors"),
        ["Kwame Mensah", "Mei-Ling Chen"]
    );
    assert!(!cron.body.contains("## Authors"), "{}", cron.body);
    assert!(cron.body.contains("switched off"), "{}", cron.body);
    let (_, otel) = by_title(&rs, "Adopt OpenTelemetry for tracing");
    assert!(list(&book, &otel.file, "authors").is_empty());
    assert!(list(&book, &otel.file, "deciders").is_empty());
    let (_, oncall) = by_title(&rs, "Pick an on-call tool");
    assert_eq!(oncall.status, "proposed");
    assert_eq!(list(&book, &oncall.file, "authors"), ["Priya Raman"]);
    assert!(list(&book, &oncall.file, "deciders").is_empty());
    assert!(oncall.body.contains("- Impact: MEDIUM"), "{}", oncall.body);
    for gone in ["Driver", "<name>", "Type /date", "approver"] {
        assert!(!oncall.body.contains(gone), "{gone} in:\n{}", oncall.body);
    }
    builds_clean(&book);
    // Shown beside the deciders, each author a link to their person page, which lists
    // what they wrote.
    let page = decision_page(&book, tenant);
    assert_eq!(
        texts(&page, "dl.meta dt"),
        ["Team", "Proposed", "Decided", "Authors", "Deciders"]
    );
    let person = book.html("people/ana-lima.html");
    assert_eq!(texts(&person, "#authored-title"), ["Wrote"]);
    assert!(
        texts(&person, "p.kind")[0].contains("author"),
        "{:?}",
        texts(&person, "p.kind")
    );
    let json = decisions_json(&book);
    let d = json["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"] == "One Postgres database per tenant")
        .unwrap();
    assert_eq!(d["authors"], serde_json::json!(["Ana Lima", "Jan Klop"]));
    assert_eq!(d["deciders"], serde_json::json!(["Tomás Ferreira"]));
}

/// `authors` written by hand, a list in TOML and one string in YAML, is a key of its own
/// (no unknown-key warning), shown and linked as deciders are, in the JSON API; an
/// accepted Type 1 decision with authors and no deciders still lacks its deciders.
#[test]
fn hand_written_authors_are_shown_and_are_not_deciders() {
    let book = fresh(false);
    // The sample handbook's team, which imports default to.
    let team = "platform";
    book.write(
        "content/decisions/0101-toml-authors.md",
        &format!(
            "+++\ntitle = \"Cache builds in one bucket\"\nstatus = \"accepted\"\ntype = 2\ndate = 2026-03-02\ndecided = 2026-03-04\nteam = \"{team}\"\ndeciders = [\"Ben Ito\"]\nauthors = [\"Ana Lima\", \"Jan Klop\"]\n+++\n\nOne bucket.\n"
        ),
    );
    book.write(
        "content/decisions/0102-yaml-author.md",
        &format!(
            "---\ntitle: Retire the old VPN\nstatus: proposed\ntype: 2\ndate: 2026-03-05\nteam: {team}\nauthors: Ben Ito\n---\n\nIt is old.\n"
        ),
    );
    book.build().success().stderr_lacks("unknown-key");
    let cache = book.html("decisions/0101-toml-authors.html");
    assert_eq!(
        texts(&cache, "dl.meta dd a[href*='people/']"),
        ["Ana Lima", "Jan Klop", "Ben Ito"]
    );
    let decisions = built_decisions(&book);
    assert_eq!(decisions[&102]["authors"], serde_json::json!(["Ben Ito"]));
    assert_eq!(decisions[&102]["deciders"], serde_json::json!([]));
    let ben = book.html("people/ben-ito.html");
    assert_eq!(texts(&ben, "#authored-title"), ["Wrote"]);

    book.write(
        "content/decisions/0103-type1-authors-only.md",
        &format!(
            "+++\ntitle = \"Leave the data centre\"\nstatus = \"accepted\"\ntype = 1\ndate = 2026-03-06\ndecided = 2026-03-07\nteam = \"{team}\"\nauthors = [\"Ana Lima\"]\n+++\n"
        ),
    );
    book.build().failure(1).stderr_has("missing-deciders");
}

/// A wiki's decision log and a Confluence export of one: each row a record, numbered after
/// the folder's numbered record in date order (page order on one day, undated rows last);
/// the Owner is the author, Made By the deciders, the Link kept as "Source", other columns
/// kept; a row for the ADR the folder also has is left out, naming it; a row without a
/// decision, a template's rows and an export's empty last row are no records.
#[test]
fn a_decision_log_becomes_one_record_a_row() {
    let source = TestBook::fixture("decision-log-wiki");
    let book = fresh(false);
    let run = import(&book, &[&path_str(&source.root().join("wiki"))]);
    run.success()
        .stderr_has("Imported 8 decisions")
        .stderr_has("skipped: Decision-log.md:10: a row of a decision log for 0004-postgres-16.md, which is imported from its own file")
        .stderr_has("skipped: Decision-log.md:14: a row of a decision log, not imported: no decision in the row")
        .stderr_lacks("Search-decisions.md:10");
    // The log's skipped rows are listed in page order.
    let at = |s: &str| run.stderr.find(s).unwrap();
    assert!(at("Decision-log.md:10:") < at("Decision-log.md:14:"));
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (1, "Record decisions in the handbook", "accepted"),
            (4, "Move every database to Postgres 16", "accepted"),
            (5, "Drop Node 16 support", "deprecated"),
            (6, "Retire the staging-2 environment", "accepted"),
            (7, "Index documents with OpenSearch", "accepted"),
            (8, "Keep search results for 30 days", "accepted"),
            (
                9,
                "Keep Terraform state in one bucket per account",
                "accepted"
            ),
            (
                10,
                "Use Renovate, not Dependabot, for every repository",
                "accepted"
            ),
            (11, "Try Backstage for the service catalog", "proposed"),
        ]
    );
    let (_, renovate) = by_title(&rs, "Use Renovate, not Dependabot, for every repository");
    assert_eq!(renovate.date, "2024-05-02");
    assert_eq!(list(&book, &renovate.file, "authors"), ["@ola"]);
    for kept in [
        "- ID: D-014",
        "- Rationale: Grouped updates, one PR per ecosystem",
        "- Source: [thread](https://chat.example.org/t/123)",
    ] {
        assert!(
            renovate.body.contains(kept),
            "{kept} in:\n{}",
            renovate.body
        );
    }
    let (_, terraform) = by_title(&rs, "Keep Terraform state in one bucket per account");
    assert_eq!(list(&book, &terraform.file, "authors"), ["Ana Lima"]);
    assert!(!terraform.body.contains("span"), "{}", terraform.body);
    assert!(!terraform.body.contains("Rationale"), "{}", terraform.body);
    let (_, search) = by_title(&rs, "Index documents with OpenSearch");
    assert_eq!(search.date, "2024-03-14");
    assert_eq!(list(&book, &search.file, "deciders"), ["Tomás Ferreira"]);
    assert!(
        search
            .body
            .contains("- Alternatives Considered: Solr Elasticsearch"),
        "{}",
        search.body
    );
    let (_, retention) = by_title(&rs, "Keep search results for 30 days");
    assert_eq!(
        list(&book, &retention.file, "deciders"),
        ["Tomás Ferreira", "Ben Ito"]
    );
    builds_clean(&book);

    // The same log again: the rows are the records imported before, nothing new.
    import(&book, &[&path_str(&source.root().join("wiki"))]).stderr_lacks("Imported 8");
    assert_eq!(records(&book).len(), 9);
}
