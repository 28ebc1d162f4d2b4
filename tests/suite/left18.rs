//! Leftovers of earlier trial rounds, eighteenth pass: a MADR status superseded by two
//! records names both (`left18-madr-two-successors`).

use crate::harness::TestBook;

const TWO_SUCCESSORS: &str = "left18-madr-two-successors";

/// The titles a decision's page lists under `term` ("Supersedes", "Superseded by").
fn listed_under(page: &scraper::Html, term: &str) -> Vec<String> {
    let dts = crate::harness::texts(page, ".meta dt");
    let Some(at) = dts.iter().position(|t| t == term) else {
        return Vec::new();
    };
    let dds = page
        .select(&crate::harness::sel(".meta dd"))
        .nth(at)
        .map(|dd| {
            dd.select(&crate::harness::sel("li a"))
                .map(|a| a.text().collect::<String>())
                .collect()
        });
    dds.unwrap_or_default()
}

/// Before, only the first record after `superseded by` was taken: 0002's page named 0012
/// alone and 0018 did not supersede it. Now each record the status names supersedes it,
/// on both pages and in the data export, in the link form joined by `and` and in the
/// plain form joined by a comma.
#[test]
fn a_status_superseded_by_two_records_links_both() {
    let book = TestBook::fixture(TWO_SUCCESSORS);
    book.build().success().stderr_lacks("error[");
    let old = book.html("decisions/0002-add-sources-to-api.html");
    assert_eq!(
        listed_under(&old, "Superseded by"),
        [
            "ADR 12: Add collections to flow and source metadata schemas",
            "ADR 18: Restrict direct Source modification"
        ]
    );
    let notice = crate::harness::texts(&old, ".notice").join(" ");
    assert!(
        notice.contains("ADR 12") && notice.contains("ADR 18"),
        "{notice}"
    );
    let old = book.html("decisions/0003-item-timestamps-managed-internally.html");
    assert_eq!(
        listed_under(&old, "Superseded by"),
        [
            "ADR 12: Add collections to flow and source metadata schemas",
            "ADR 13: Timeline exposed by Flows"
        ]
    );
    let newer = book.html("decisions/0012-add-flow-collections.html");
    assert_eq!(
        listed_under(&newer, "Supersedes"),
        [
            "ADR 2: Add Sources as objects in the API",
            "ADR 3: Item timestamps managed internally"
        ]
    );
    let decisions = crate::harness::built_decisions(&book);
    assert_eq!(decisions[&2]["superseded_by"], serde_json::json!([12, 18]));
    assert_eq!(decisions[&3]["superseded_by"], serde_json::json!([12, 13]));
    assert_eq!(decisions[&18]["supersedes"], serde_json::json!([2]));
    assert_eq!(decisions[&13]["supersedes"], serde_json::json!([3]));
}

/// Each number that names no decision is its own `unknown-decision`, at its own place in
/// the status.
#[test]
fn each_unknown_successor_is_reported_at_its_place_in_the_status() {
    let book = TestBook::fixture(TWO_SUCCESSORS);
    let rel = "content/decisions/0003-item-timestamps-managed-internally.md";
    book.edit(
        rel,
        "superseded by ADR-0012, ADR-0013",
        "superseded by ADR-0014, ADR-0012, ADR-0099",
    );
    let run = book.build();
    run.failure(1)
        .stderr_has("status says superseded by decision 14, which does not exist")
        .stderr_has(&format!("{rel}:3:23"))
        .stderr_has("status says superseded by decision 99, which does not exist")
        .stderr_has(&format!("{rel}:3:43"));
    assert_eq!(
        run.stderr.matches("error[unknown-decision]").count(),
        2,
        "{}",
        run.stderr
    );
}
