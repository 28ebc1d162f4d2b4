//! What other tools write in front matter (`madr-front-matter`). MADR's `status: superseded by
//! ADR-0012` in the older record is the same relation as 12 listing it in `supersedes`; a
//! charter's list key written as one string (`owns: Sources API`) is a list, split on commas as
//! names are.

use crate::harness::{TestBook, built_decisions, hrefs, team, teams, texts};

/// The numbers a decision's page lists under "Supersedes", in order.
fn supersedes_on_page(book: &TestBook, page: &str) -> Vec<String> {
    texts(&book.html(page), ".meta dd li a")
}

/// Before, each `superseded by …` status was an `invalid-value` error. Now the older
/// record is `superseded` and the newer one supersedes it, on both pages, in the timeline
/// and in the data export, whichever form names it: a link whose text gives the number
/// (`[ADR-0018](./0018-….md)`), MADR 4's `ADR-0013`, a bare `12`, a link whose file name
/// gives it. Stated both ways (0012 lists 5 too), the relation is there once.
#[test]
fn madrs_superseded_by_status_links_both_ways() {
    let book = TestBook::fixture("madr-front-matter");
    book.build().success().stderr_lacks("error[");
    assert_eq!(
        supersedes_on_page(
            &book,
            "decisions/0018-restrict-direct-source-modification.html"
        ),
        ["ADR 2: Add Sources as objects in the API"]
    );
    assert_eq!(
        supersedes_on_page(&book, "decisions/0013-timeline-exposed-by-flows.html"),
        ["ADR 3: Item timestamps managed internally"]
    );
    assert_eq!(
        supersedes_on_page(&book, "decisions/0012-add-flow-collections.html"),
        [
            "ADR 5: Flow read and write permissions",
            "ADR 6: Flow status"
        ]
    );
    let old = book.html("decisions/0002-add-sources-to-api.html");
    let notice = texts(&old, ".notice").join(" ");
    assert!(
        notice.contains("Superseded by ADR 18: Restrict direct Source modification"),
        "{notice}"
    );
    assert_eq!(
        hrefs(&old, ".notice a"),
        ["../decisions/0018-restrict-direct-source-modification.html"]
    );
    let decisions = built_decisions(&book);
    for (old, new) in [(2, 18), (3, 13), (5, 12), (6, 12)] {
        assert_eq!(decisions[&old]["status"], "superseded", "{old}");
        assert_eq!(
            decisions[&old]["superseded_by"],
            serde_json::json!([new]),
            "{old}"
        );
    }
    assert_eq!(decisions[&18]["supersedes"], serde_json::json!([2]));
    assert_eq!(decisions[&12]["supersedes"], serde_json::json!([5, 6]));
    let timeline = book.html("timeline.html");
    let said = texts(&timeline, ".supersedes");
    for s in ["supersedes 2", "supersedes 3", "supersedes 5, 6"] {
        assert!(said.iter().any(|t| t == s), "{s}: {said:?}");
    }
    // Nothing says the statuses disagree with the relations.
    let health = book.output_file("health.html");
    assert!(!health.contains("but its status is not"), "{health}");
}

/// A number that names no decision is reported at the status as a bad `supersedes` is;
/// a `superseded by` without a number is an error that says how to name one.
#[test]
fn a_superseded_by_status_naming_no_decision_is_reported_at_the_status() {
    let book = TestBook::fixture("madr-front-matter");
    let rel = "content/decisions/0003-item-timestamps-managed-internally.md";
    let text = book.read(rel);
    book.write(
        rel,
        &text.replace("superseded by ADR-0013", "superseded by ADR-0014"),
    );
    book.build()
        .failure(1)
        .stderr_has(
            "error[unknown-decision]: status says superseded by decision 14, which does not exist",
        )
        // At the reference in the status (a status may name several).
        .stderr_has(&format!("{rel}:3:23"))
        .stderr_has("the nearest existing number is 13");
    book.write(
        rel,
        &text.replace(
            "superseded by ADR-0013",
            "superseded by the new timestamp rules",
        ),
    );
    book.build()
        .failure(1)
        .stderr_has("error[invalid-value]: status \"superseded by the new timestamp rules\" names no decision number")
        .stderr_has(&format!("{rel}:3:9"));
}

/// Before, `owns: Sources API` was an `invalid-type` error. Now one string is a list of
/// the items it separates with commas, in YAML and in TOML, as `members` already was.
#[test]
fn a_charters_list_written_as_one_string_is_a_list() {
    let book = TestBook::fixture("madr-front-matter");
    book.build().success().stderr_lacks("error[");
    let all = teams(&book);
    assert_eq!(
        team(&all, "media-store")["owns"],
        serde_json::json!(["Sources API"])
    );
    assert_eq!(
        team(&all, "flows")["owns"],
        serde_json::json!(["Flows API", "Flow collections"])
    );
    let flows = book.html("teams/flows.html");
    assert_eq!(
        texts(&flows, ".chips li"),
        ["Flows API", "Flow collections"]
    );
    assert_eq!(
        texts(&book.html("teams/media-store.html"), ".members li"),
        ["James Sandford", "Sam Mesterton-Gibbons"]
    );
    // An item of the string owned twice is reported at the item itself.
    let rel = "content/teams/media-store.md";
    let text = book.read(rel);
    book.write(
        rel,
        &text.replace("owns: Sources API", "owns: Sources API, Flow collections"),
    );
    book.build()
        .failure(1)
        .stderr_has("error[contested-ownership]: `Flow collections` is owned by both")
        .stderr_has(&format!("{rel}:7:20"));
    // A number is no list: the type error and its hint, as before.
    book.write(rel, &text.replace("owns: Sources API", "owns: 7"));
    book.build()
        .failure(1)
        .stderr_has("error[invalid-type]: `owns` in team charter must be an array of strings, found integer")
        .stderr_has("write it like: owns: [\"…\", \"…\"]");
}
