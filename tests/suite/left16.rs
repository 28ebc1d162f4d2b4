//! Leftovers of earlier trial rounds, sixteenth pass: teams referred to by their display
//! name. A charter's `parent`, an interaction's `team` and a decision's `team` that are no
//! team's id (its file name) but exactly one team's `name` (case and doubled spaces aside,
//! or the name's slug) are that team, everywhere the site shows them
//! (`left16-display-names`, a Backstage-shaped org whose charters were written by hand).

use crate::harness::{TestBook, built_decisions, hrefs, team, teams, texts};

const FIXTURE: &str = "left16-display-names";

/// Before, each reference by name was an `unknown-team` error ("did you mean …?") and
/// nothing was built. Now the tree is the one the names describe, in the JSON API, the org
/// map's nested list, the team pages and the decisions listed under each team.
#[test]
fn references_by_display_name_resolve_to_the_team_of_that_name() {
    let book = TestBook::fixture(FIXTURE);
    book.build()
        .success()
        .stderr_lacks("unknown-team")
        .stderr_lacks("error[");
    let teams = teams(&book);
    let parent = |slug: &str| team(&teams, slug)["parent"].as_str().map(str::to_string);
    // By name in another case (`ACME corp`), by name (`Infrastructure`, `Box Office`), by
    // the name's slug (`box-office`), with doubled spaces (`Box  Office`), by id.
    for (slug, want) in [
        ("acme-corp", None),
        ("infrastructure", Some("acme-corp")),
        ("backstage", Some("infrastructure")),
        ("boxoffice", Some("infrastructure")),
        ("team-a", Some("backstage")),
        ("team-b", Some("backstage")),
        ("team-c", Some("boxoffice")),
        ("team-d", Some("boxoffice")),
        ("team-e", Some("boxoffice")),
    ] {
        assert_eq!(parent(slug).as_deref(), want, "parent of {slug}");
    }
    assert_eq!(
        team(&teams, "boxoffice")["children"],
        serde_json::json!(["team-c", "team-d", "team-e"])
    );
    // A decision's `team: Team C` and `team: box office`.
    let decisions = built_decisions(&book);
    assert_eq!(decisions[&1]["team"], "team-c");
    assert_eq!(decisions[&2]["team"], "boxoffice");
    assert_eq!(
        team(&teams, "boxoffice")["decisions"],
        serde_json::json!([2])
    );
    let box_office = book.html("teams/boxoffice.html");
    assert!(
        hrefs(&box_office, "a").contains(&"../decisions/0002-one-seat-map.html".to_string()),
        "{}",
        box_office.html()
    );
    let decision = book.html("decisions/0002-one-seat-map.html");
    assert!(
        hrefs(&decision, "a").contains(&"../teams/boxoffice.html".to_string()),
        "{}",
        decision.html()
    );
    // The org map's nested list: Box Office's teams under it.
    let map = book.html("orgmap.html");
    assert_eq!(
        texts(
            &map,
            ".org-tree a[href='teams/boxoffice.html'] ~ ul > li > a"
        ),
        [
            "Team C",
            "Team D",
            "Team E With A Very Very Very Very Big Name Size"
        ]
    );
    // Team E's page: part of Box Office, and Team B (`team: Team E With A …`) depends on it.
    let e = book.html("teams/team-e.html");
    let part_of = texts(&e, ".fact dd a");
    assert!(part_of.contains(&"Box Office".to_string()), "{part_of:?}");
    assert_eq!(
        hrefs(&e, ".interactions dd li a"),
        ["../teams/team-b.html"],
        "{}",
        e.html()
    );
}

/// A name two teams share names neither: an `ambiguous-team` error at the reference,
/// listing both ids, and nothing is built. A name no team has stays `unknown-team`.
#[test]
fn a_name_two_teams_share_is_an_error_listing_both() {
    let book = TestBook::fixture(FIXTURE);
    book.write(
        "content/teams/box-office-emea.md",
        "---\nname: Box office\nkind: group\nparent: infrastructure\nproblem: Tickets in Europe.\n---\n",
    );
    book.build()
        .failure(1)
        .stderr_has("error[ambiguous-team]: parent `Box Office` is the name of 2 teams: `box-office-emea` and `boxoffice`\n  --> content/teams/boxoffice/team-c.md:3:9")
        .stderr_has("error[ambiguous-team]: team `box office` is the name of 2 teams: `box-office-emea` and `boxoffice`\n  --> content/decisions/0002-one-seat-map.md:6:7")
        .stderr_has("the one you mean");
    // An id still wins: `parent: infrastructure` is the charter, whatever else is named so.
    book.remove("content/teams/box-office-emea.md");
    book.edit(
        "content/teams/team-a.md",
        "parent: Backstage",
        "parent: Backstage Portal",
    );
    book.build().failure(1).stderr_has(
        "error[unknown-team]: parent `Backstage Portal` is not a charter in this handbook",
    );
}
