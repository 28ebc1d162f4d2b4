//! Team pages of public company handbooks, moved in as they are: PostHog's
//! `teams/<team>/index.mdx` (front matter `template: team`, a mission, goals, members kept
//! elsewhere), Sourcegraph's `teams/<team>/index.md` (`## Mission`, `## Members`, a
//! generator's placeholder for the member list). Each fixture is shaped like a slice of
//! such a handbook once its pages are in `content/`.

use crate::harness::{TestBook, hrefs, team, teams, texts};
use serde_json::Value;

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
        .stderr_lacks("error[")
        // A page has no review date to keep: no "never reviewed" note per team.
        .stderr_lacks("has never been reviewed");
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
    let links = hrefs(
        &book.html("handbook/company/small-teams.html"),
        "main .prose li a",
    );
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

/// Sourcegraph keeps its team pages in `departments/engineering/teams/<team>/index.md`.
/// There, too, a page written as a team page is the team's charter: the org has its
/// teams without moving a folder (which would break every relative link of the pages),
/// links to the page reach the team's page, a generator's placeholder under "Members"
/// costs the members and nothing else, the first sentence under the title stands in for a
/// missing mission, and the pages in the team's folder are listed as the team's. The
/// department's own page (a mission, no members) and a folder of former teams stay pages.
#[test]
fn team_pages_in_a_teams_folder_elsewhere_are_charters_where_they_are() {
    let book = TestBook::fixture("handbook-dept-teams");
    book.build()
        .success()
        .stderr_lacks("broken-link")
        .stderr_lacks("missing-anchor")
        .stderr_lacks("no team charters");
    let all = teams(&book);
    let slugs: Vec<&str> = all.iter().map(|t| t["slug"].as_str().unwrap()).collect();
    assert_eq!(slugs, ["buildkit", "code-search", "identity", "shipping"]);
    let search = team(&all, "code-search");
    assert_eq!(search["lead"], "Alex Rowe");
    assert_eq!(
        search["members"],
        serde_json::json!(["Alex Rowe", "Chen Li", "Mo Farah"])
    );
    assert_eq!(
        search["metrics"][0]["name"],
        "Searches answered under a second"
    );
    assert_eq!(search["metrics"][0]["target"], "99%");
    assert_eq!(
        team(&all, "identity")["problem"],
        "Safe, quick sign-in for every customer and every colleague."
    );
    assert_eq!(
        team(&all, "shipping")["problem"],
        "Shipping lets any customer run Lattice on their own machines."
    );
    assert_eq!(team(&all, "shipping")["members"], serde_json::json!([]));
    let buildkit = team(&all, "buildkit");
    assert_eq!(
        buildkit["problem"],
        "The Build Kit team keeps builds, CI and local tools fast for every engineer."
    );
    assert_eq!(buildkit["lead"], "Jo Park");
    assert_eq!(
        buildkit["members"],
        serde_json::json!(["Jo Park", "Sam Ode"])
    );
    let shipping = book.html("teams/shipping.html");
    assert_eq!(
        hrefs(&shipping, "ul.team-pages a"),
        [
            "../departments/engineering/teams/shipping/crew/index.html",
            "../departments/engineering/teams/shipping/helm.html",
            "../departments/engineering/teams/shipping/processes.html"
        ]
    );
    assert!(
        hrefs(&shipping, "main .prose a")
            .contains(&"../teams/shipping.html#support-guidelines".to_string())
    );
    assert_eq!(
        hrefs(
            &book.html("departments/engineering/dev/ownership.html"),
            "main .prose td a"
        ),
        [
            "../../../teams/identity.html",
            "../../../teams/shipping.html#responsibilities"
        ]
    );
    assert!(
        book.out()
            .join("departments/engineering/index.html")
            .is_file()
    );
    assert!(
        book.out()
            .join("departments/engineering/teams/archive/index.html")
            .is_file()
    );
}

/// A team page read as a charter gives way where its slug (its folder's name) is another
/// charter's: the handbook built before this reading, so it must still build. A charter
/// written with front matter keeps the slug; between two team pages, the first by path
/// does. The other stays the page it was, with a warning.
#[test]
fn a_team_page_sharing_a_slug_stays_a_page() {
    let book = TestBook::fixture("handbook-dept-teams");
    book.write(
        "content/teams/identity.md",
        "+++\nname = \"Identity\"\nproblem = \"Sign-in that never gets in the way.\"\n\n[[metrics]]\nname = \"Sign-in success\"\ntarget = \"≥ 99.5 %\"\n+++\n",
    )
    .write(
        "content/departments/product/teams/shipping/index.md",
        "# Shipping (product)\n\n## Mission\n\nTell customers what ships when.\n\n## Members\n\n- Ann Lee\n",
    );
    book.build()
        .success()
        .stderr_lacks("error[")
        .stderr_has(
            "warning[duplicate-team]: team page not read as team `identity`: content/teams/identity.md is that team, so this stays a plain page",
        )
        .stderr_has("--> content/departments/engineering/teams/identity/index.md")
        .stderr_has(
            "team page not read as team `shipping`: content/departments/engineering/teams/shipping/index.md is that team",
        );
    let all = teams(&book);
    assert_eq!(
        team(&all, "identity")["problem"],
        "Sign-in that never gets in the way."
    );
    assert_eq!(
        team(&all, "shipping")["problem"],
        "Shipping lets any customer run Lattice on their own machines."
    );
    assert_eq!(all.len(), 4);
    assert!(
        book.out()
            .join("departments/engineering/teams/identity/index.html")
            .is_file()
    );
    assert!(
        book.out()
            .join("departments/product/teams/shipping/index.html")
            .is_file()
    );
}

/// A SIG's generated README moved into `content/teams/<sig>/` reads as a team page
/// (Leadership, Chairs, a Goals section); `orgbook import sigs` still writes the SIG's
/// charter from `sigs.yaml` beside the folder (the page does not count as a charter
/// there), and the README is then one of the team's pages, without a warning.
#[test]
fn a_sig_readme_read_as_a_team_gives_way_to_its_imported_charter() {
    let source = TestBook::fixture("import-sigs");
    let book = crate::import::fresh(true);
    book.write(
        "content/teams/sig-harbors/README.md",
        "<!---\nGenerated from sigs.yaml; edit that file instead.\n--->\n# Harbors Special Interest Group\n\nLooks after the harbor controllers.\n\n## Leadership\n\n### Chairs\n\n* Wren Aalto (**[@waalto](https://github.com/waalto)**), Quay Co\n\n<!-- BEGIN CUSTOM CONTENT -->\n## Goals\n\nThe topics below are in the scope of this SIG.\n\n- Berths that never double-book\n<!-- END CUSTOM CONTENT -->\n",
    );
    book.build().success();
    let before = teams(&book);
    assert_eq!(team(&before, "sig-harbors")["lead"], "Wren Aalto");
    // The paragraph under the title, not the lead-in to the list of goals.
    assert_eq!(
        team(&before, "sig-harbors")["problem"],
        "Looks after the harbor controllers."
    );
    let folder = crate::import::path_str(source.root());
    book.run(&["import", "sigs", &folder])
        .success()
        .stderr_lacks("already in the handbook as content/teams/sig-harbors/README.md");
    assert!(book.root().join("content/teams/sig-harbors.md").is_file());
    book.build().success().stderr_lacks("duplicate-team");
    let after = teams(&book);
    assert_eq!(
        team(&after, "sig-harbors")["problem"],
        "Looks after the harbor controllers and the docking API."
    );
    assert_eq!(
        hrefs(&book.html("teams/sig-harbors.html"), "ul.team-pages a"),
        ["../teams/sig-harbors/index.html"]
    );
}

/// GitLab's handbook: team pages are Hugo sections anywhere in the tree, with no `teams`
/// folder. They stay pages (nothing but headings would say they are teams, and a wrong
/// guess is worse than none), and the org map says why. The people its `member-by-name`
/// shortcode names are written on the page, not the raw shortcode; the shortcode that
/// draws a whole team from data files stays reported.
#[test]
fn hugo_section_team_pages_stay_pages_and_name_their_counterparts() {
    let book = TestBook::fixture("handbook-hugo-sections");
    book.build()
        .success()
        .stderr_lacks("member-by-name")
        .stderr_has("`{{< team-by-manager-slug \"ivo-brandt\" >}}` is template syntax")
        .stderr_has("note: no team charters");
    assert!(teams(&book).is_empty());
    let page = book.html("handbook/engineering/infrastructure/systems/gitaly/index.html");
    assert_eq!(
        texts(&page, "main .prose td"),
        [
            "Product Manager",
            "Nell Arden",
            "Technical Writing",
            "Pia Marsh"
        ]
    );
}

/// Pointed at a handbook's team pages (Sourcegraph's `departments/engineering/teams/`),
/// `orgbook import team-api` skipped the Code Search page (Mission, Members, Metrics) as
/// "a Team API template: no team name, focus, type or software filled in", and the rest as
/// having too few of the template's fields, then failed: nothing said that the handbook
/// reads such pages where they stand. Each team page now says so; other pages keep their
/// reason.
#[test]
fn team_api_import_of_team_pages_says_they_need_no_import() {
    let source = TestBook::fixture("handbook-dept-teams");
    let teams = source.root().join("content/departments/engineering/teams");
    let book = crate::import::fresh(true);
    let run = book.run(&["import", "team-api", &crate::import::path_str(&teams)]);
    run.failure(1)
        .stderr_lacks("a Team API template")
        .stderr_has("code-search/index.md: not a Team API but a team's page")
        .stderr_has("orgbook reads it as the team's charter where it stands, with no import")
        .stderr_has("shipping/helm.md: not a Team API: fewer than two of the template's fields");
}
