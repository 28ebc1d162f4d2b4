//! Trial round 21: team pages of public company handbooks, moved in as they are: PostHog's
//! `teams/<team>/index.mdx` (front matter `template: team`, a mission, goals, members kept
//! elsewhere), Sourcegraph's `teams/<team>/index.md` (`## Mission`, `## Members`, a
//! generator's placeholder for the member list). Each fixture is shaped like a slice of
//! such a handbook once its pages are in `content/`.

use crate::harness::{TestBook, hrefs, texts};
use serde_json::Value;

fn teams(book: &TestBook) -> Vec<Value> {
    let v: Value = serde_json::from_str(&book.output_file("api/teams.json")).unwrap();
    v["teams"].as_array().unwrap().clone()
}

fn team<'t>(teams: &'t [Value], slug: &str) -> &'t Value {
    teams
        .iter()
        .find(|t| t["slug"] == slug)
        .unwrap_or_else(|| panic!("no team {slug} in {teams:?}"))
}

/// A team folder's index page written as a team page (PostHog's `template: team`, or a
/// Mission and a members heading) is the team's charter: the org map has its teams, the
/// mission is the problem, the people listed are members and the one marked lead the lead,
/// performance indicators are metrics, and the folder's other pages are the team's pages,
/// without a `team-folder-without-charter` warning per folder.
#[test]
fn team_pages_in_team_folders_are_the_teams_charters() {
    let book = TestBook::fixture("handbook-small-teams");
    book.build()
        .success()
        .stderr_lacks("team-folder-without-charter")
        .stderr_lacks("no team charters")
        .stderr_lacks("error[");
    let all = teams(&book);
    let slugs: Vec<&str> = all.iter().map(|t| t["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["invoicing", "playback", "query-engine", "rollouts"]);
    let playback = team(&all, "playback");
    assert_eq!(playback["name"], "Playback");
    assert_eq!(
        playback["problem"],
        "Session playback, from recording in the browser to the player."
    );
    assert_eq!(playback["lead"], "Ines Moll");
    assert_eq!(
        playback["members"],
        serde_json::json!(["Ines Moll", "Tariq Haddad", "Wen Zhao"])
    );
    assert_eq!(
        team(&all, "query-engine")["problem"],
        "Answer every product team's query in seconds, whatever the volume."
    );
    let rollouts = team(&all, "rollouts");
    assert_eq!(rollouts["metrics"][0]["name"], "Flag evaluation p99");
    assert_eq!(rollouts["metrics"][0]["target"], "< 50 ms");
    // Without a mission, the team is still a team, with no problem guessed from a list.
    assert_eq!(team(&all, "invoicing")["problem"], Value::Null);
    let page = book.html("teams/query-engine.html");
    assert_eq!(
        texts(&page, "p.problem"),
        ["Answer every product team's query in seconds, whatever the volume."]
    );
    assert_eq!(
        hrefs(&page, "ul.team-pages a"),
        ["../teams/query-engine/mission.html"]
    );
    // The image the page shows, linked from the team folder, still shows from the
    // charter's page one folder up.
    let rollouts_page = book.html("teams/rollouts.html");
    let img = crate::harness::sel("main .prose img");
    let srcs: Vec<&str> = rollouts_page
        .select(&img)
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(srcs, ["../images/teams/rollouts-flow.png"]);
    assert!(book.out().join("images/teams/rollouts-flow.png").is_file());
    let links = hrefs(&book.html("handbook/company/small-teams.html"), "main .prose li a");
    assert_eq!(
        links,
        [
            "../../teams/invoicing.html",
            "../../teams/query-engine.html",
            "../../teams/rollouts.html",
            "../../teams/playback.html"
        ]
    );
}

/// A team folder's index page that is not written as a team page stays a page, with the
/// warning that says how to make it the charter.
#[test]
fn a_folder_index_without_team_headings_stays_a_page() {
    let book = TestBook::fixture("handbook-small-teams");
    book.write(
        "content/teams/guides/index.md",
        "# Guides\n\n## Mission\n\nHelp new people find their feet.\n\n## Reading list\n\n- The small teams page\n",
    );
    book.build()
        .success()
        .stderr_has("1 page in content/teams/guides/ published as plain pages");
    assert!(!teams(&book).iter().any(|t| t["slug"] == "guides"));
}
