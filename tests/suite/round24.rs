//! Trial round 24: who wrote a decision, and decision logs. Records name their authors in
//! many shapes: a header table's `Author(s)` with a GitHub link (a record with no title
//! heading at all), MADR's `* Authors:` line, front matter `authors:` with addresses and
//! handles after the names, a Nygard record's closing `## Authors` section, a template's
//! unfilled `[list of GitHub handles]`, a DACI page's `Driver` beside an unfilled
//! `@ approver` and `<name>`. They become the decision's `authors`, which a handbook may also
//! write by hand, shown beside the deciders and linked to people pages. A GitHub wiki's
//! "Decision log" page and a Confluence export of one (bold headers, `<br/>` in cells, a
//! status behind Notion-style `<span>`) become one record a row.

use crate::harness::{TestBook, texts};
use crate::import::fresh;

fn decisions_json(book: &TestBook) -> serde_json::Value {
    serde_json::from_str(&book.output_file("api/decisions.json")).unwrap()
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
    let json = decisions_json(&book);
    let by_number = |n: u64| {
        json["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["number"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by_number(102)["authors"], serde_json::json!(["Ben Ito"]));
    assert_eq!(by_number(102)["deciders"], serde_json::json!([]));
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
