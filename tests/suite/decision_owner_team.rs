//! A decision record's `owner:` (or `owners:`) that names a team of the handbook (its id,
//! its display name, or a GitHub team handle `@org/team` a charter lists in `codeowners`)
//! is the record's team when `orgbook import adr` brings it in, never its author; a
//! person's name there stays the author. A record whose own `team:` names a team keeps
//! it, and an `owner:` naming another team is a note at its line
//! (`decision-owner-team`, records shaped like GoldenPath IDP's `docs/adrs/`).

use crate::harness::{TestBook, built_decisions, row_cells, texts};

const FIXTURE: &str = "decision-owner-team";

/// The built decision titled `title` (the importer strips the `ADR-0087:` prefix).
fn decision<'d>(
    decisions: &'d std::collections::BTreeMap<u64, serde_json::Value>,
    title: &str,
) -> &'d serde_json::Value {
    decisions
        .values()
        .find(|d| d["title"] == title)
        .unwrap_or_else(|| panic!("no decision {title:?} in {decisions:?}"))
}

fn authors(d: &serde_json::Value) -> Vec<&str> {
    d["authors"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default()
}

fn imported() -> (TestBook, String) {
    let book = TestBook::fixture(FIXTURE);
    let run = book.run(&["import", "adr", "adrs", "--team", "goldenpath"]);
    run.success();
    let stderr = run.stderr.clone();
    (book, stderr)
}

/// Before, `owner: platform-team` made "platform-team" the record's author and the record
/// went to `--team`'s group; now the record is the Platform Team's, with no author. A
/// person's name in `owner:` names no team: still the author, the record `--team`'s.
#[test]
fn an_owner_naming_a_team_by_id_name_or_handle_is_the_records_team() {
    let (book, stderr) = imported();
    assert!(
        stderr.contains("4 given to the teams their `owner` or `team` name"),
        "{stderr}"
    );
    book.build().success().stderr_lacks("error[");
    let decisions = built_decisions(&book);
    for (title, team) in [
        (
            "Governance metadata beside Kubernetes resources",
            "platform-team",
        ),
        // `owners: [Governance Guild]`: a team's display name, in a list.
        ("Closed-loop metadata injection", "governance"),
        // `owner: "@goldenpath/delivery-eng"`: the handle delivery.md lists in `codeowners`.
        ("Delivery insights from the CI pipeline", "delivery"),
    ] {
        let d = decision(&decisions, title);
        assert_eq!(d["team"], team, "{title}: {d}");
        assert!(authors(d).is_empty(), "{title}: a team is no author: {d}");
    }
    let d = decision(
        &decisions,
        "A person reviews every change an agent proposes",
    );
    assert_eq!(d["team"], "goldenpath", "{d}");
    assert_eq!(authors(d), ["Mikey Beezy"], "{d}");
    // Listed on the team's page, and under the team in the decisions index.
    for (page, title) in [
        (
            "teams/platform-team.html",
            "Governance metadata beside Kubernetes resources",
        ),
        ("teams/governance.html", "Closed-loop metadata injection"),
    ] {
        let listed = texts(&book.html(page), "main a");
        assert!(
            listed.iter().any(|t| t.contains(title)),
            "{page}: {listed:?}"
        );
    }
    let rows = row_cells(&book.html("decisions/index.html"), "main tbody tr");
    let row = rows
        .iter()
        .find(|r| r.iter().any(|c| c == "Closed-loop metadata injection"))
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert!(row.iter().any(|c| c == "Governance Guild"), "{row:?}");
}

/// `team: delivery` with `owner: platform-team`: the record's own `team:` wins, and the
/// import says, at the line of `owner:`, that it names another team.
#[test]
fn a_records_team_wins_over_an_owner_naming_another_team_with_a_note() {
    let (book, stderr) = imported();
    assert!(
        stderr.contains("ADR-0091-app-promotion-dashboard.md:6:")
            && stderr.contains("platform-team")
            && stderr.contains("delivery"),
        "{stderr}"
    );
    book.build().success();
    let decisions = built_decisions(&book);
    let d = decision(&decisions, "One promotion dashboard for every environment");
    assert_eq!(d["team"], "delivery", "{d}");
    assert!(authors(d).is_empty(), "{d}");
}
