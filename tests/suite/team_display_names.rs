//! Teams referred to by their display name. A charter's `parent`, an interaction's `team` and a
//! decision's `team` that are no team's id (its file name) but exactly one team's `name` (case
//! and doubled spaces aside, or the name's slug) are that team, everywhere the site shows them
//! (`team-display-names`, a Backstage-shaped org whose charters were written by hand).

use crate::harness::{TestBook, built_decisions, hrefs, team, teams, texts};
use crate::serve::Serve;
use std::time::{Duration, Instant};

const FIXTURE: &str = "team-display-names";

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

/// Waits until `ok` holds of the running server, failing with its log after 20 s.
#[track_caller]
fn wait_for(serve: &Serve, what: &str, ok: impl Fn(&Serve) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok(serve) {
        assert!(Instant::now() < deadline, "{what}:\n{}", serve.log());
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The codes of the errors `orgbook serve` shows now.
fn error_codes(serve: &Serve) -> Vec<String> {
    serve.status()["errors"]
        .as_array()
        .map(|e| {
            e.iter()
                .filter_map(|d| d["code"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Under `orgbook serve`, a name that moves from one team to another takes the references
/// written by that name with it: a second team given the name makes them ambiguous (the
/// error shows, the last good site stays), and once the first team is renamed they are the
/// second team's, on the pages of both teams and of the teams that named it.
#[test]
fn under_serve_a_name_moving_to_another_team_takes_its_references() {
    let book = TestBook::fixture(FIXTURE);
    let serve = Serve::start(&book);
    let part_of = |serve: &Serve, page: &str, group: &str| {
        serve.get(page).text().contains(&format!(
            "<dt>Part of</dt><dd><a href=\"../teams/{group}.html\">"
        ))
    };
    assert!(part_of(&serve, "/teams/team-c.html", "boxoffice"));
    book.write(
        "content/teams/box-office-emea.md",
        "---\nname: Box Office EMEA\nkind: group\nparent: Infrastructure\nproblem: Tickets in Europe.\n---\n",
    );
    wait_for(&serve, "the new group never showed", |s| {
        s.get("/teams/box-office-emea.html").status == 200 && s.status()["idle"] == true
    });
    // The second group takes the name: every reference by it is ambiguous.
    book.edit(
        "content/teams/box-office-emea.md",
        "Box Office EMEA",
        "Box office",
    );
    wait_for(&serve, "no ambiguous-team error", |s| {
        error_codes(s).iter().any(|c| c == "ambiguous-team")
    });
    assert!(
        part_of(&serve, "/teams/team-c.html", "boxoffice"),
        "the last good site stays"
    );
    // The first group gives the name up: the references are the second's.
    book.edit(
        "content/teams/boxoffice.md",
        "name: Box Office",
        "name: Ticketing",
    );
    wait_for(&serve, "the references never moved", |s| {
        error_codes(s).is_empty()
            && s.status()["idle"] == true
            && part_of(s, "/teams/team-c.html", "box-office-emea")
    });
    for page in ["/teams/team-d.html", "/teams/team-e.html"] {
        assert!(part_of(&serve, page, "box-office-emea"), "{page}");
    }
    let emea = serve.get("/teams/box-office-emea.html").text();
    assert!(
        emea.contains("../decisions/0002-one-seat-map.html"),
        "the decision by `team: box office` is listed under its new team"
    );
    let old = serve.get("/teams/boxoffice.html").text();
    assert!(!old.contains("../teams/team-c.html"), "{old}");
    assert!(
        !old.contains("../decisions/0002-one-seat-map.html"),
        "{old}"
    );
}
