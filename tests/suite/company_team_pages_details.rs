//! Leftovers of trial round 21 (team pages of company handbooks): what a user of
//! Sourcegraph's, PostHog's and the Kubernetes SIGs' team pages still hit once those pages
//! were read as charters. The fixture `company-team-pages` is shaped like slices of those
//! handbooks (generator placeholders, nested responsibility lists, an `<img>` before the
//! opening paragraph, MDX front matter, a SIG README's generated Subprojects), in our own
//! words.

use crate::harness::{TestBook, sel, team, teams, texts};
use serde_json::Value;

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
        .unwrap_or_default()
}

/// Where the page at `from` (a path from the site's root) sends its reader with
/// `<meta http-equiv="refresh">`, as a path from the site's root.
pub(crate) fn follow(book: &TestBook, from: &str) -> String {
    let html = book.html(from);
    let meta = html
        .select(&sel("meta[http-equiv=refresh]"))
        .next()
        .unwrap_or_else(|| panic!("{from} sends nobody anywhere"));
    let content = meta.value().attr("content").unwrap();
    let to = content.split_once("url=").unwrap().1;
    let mut at: Vec<&str> = from.split('/').collect();
    at.pop();
    for part in to.split('/') {
        match part {
            ".." => {
                at.pop();
            }
            "." => {}
            p => at.push(p),
        }
    }
    at.join("/")
}

/// A page read as a team is published at the team's address (`teams/<slug>.html`); its
/// old address (`departments/engineering/teams/dev-tooling/index.html`, PostHog's
/// `teams/replay/index.html`) is what people bookmarked and other sites link to. Each
/// old address now sends the reader to the team's page, as a page's `aliases` do.
#[test]
fn a_team_pages_old_address_leads_to_the_team() {
    let book = TestBook::fixture("company-team-pages");
    book.build().success().stderr_lacks("error[");
    for (old, team) in [
        (
            "departments/engineering/teams/dev-tooling/index.html",
            "teams/dev-tooling.html",
        ),
        (
            "departments/sales/teams/deal-desk/index.html",
            "teams/deal-desk.html",
        ),
        ("teams/replay/index.html", "teams/replay.html"),
        ("teams/growth/retention/index.html", "teams/retention.html"),
        ("teams/sig-berths/index.html", "teams/sig-berths.html"),
    ] {
        assert_eq!(follow(&book, old), team, "from {old}");
        let landed = book.html(team);
        assert_eq!(
            texts(&landed, ".doc-body.charter").len(),
            1,
            "{team} is not a team page"
        );
    }
    // The team's other pages stay where they were.
    assert!(
        book.html("teams/replay/mission.html")
            .select(&sel("meta[http-equiv=refresh]"))
            .next()
            .is_none()
    );
}

/// What a team page lists under Responsibilities, Areas of responsibility, What we own or
/// Subprojects is what the team owns: the names, not their explanations (`**Session
/// Replay** - recording…`, `[lib/errors](…): error types…`), a label's items rather
/// than the label (`GitHub repositories:`, `Tooling`), link texts rather than addresses,
/// a SIG's subprojects by their headings (not their OWNERS files). Sentences give nothing,
/// in a list or a paragraph (Access's Areas of Ownership). Two team pages listing one
/// item is a warning (the first keeps it), not a failed build.
#[test]
fn owns_is_read_from_a_team_pages_ownership_lists() {
    let book = TestBook::fixture("company-team-pages");
    book.build()
        .success()
        .stderr_lacks("error[")
        .stderr_has("warning[contested-ownership]: `Build cache` is owned by both content/departments/engineering/teams/code-graph/index.md and content/departments/engineering/teams/dev-tooling/index.md")
        .stderr_has("--> content/departments/engineering/teams/dev-tooling/index.md:33:5");
    let all = teams(&book);
    assert_eq!(
        strings(&team(&all, "replay")["owns"]),
        ["Session Replay", "Toolbar", "Mobile SDKs"]
    );
    assert_eq!(
        strings(&team(&all, "dev-tooling")["owns"]),
        [
            "DevTools support",
            "fh",
            "Licence bot",
            "lib/errors",
            "internal/trace",
            "internal/tracer",
            "Base container images",
            "Pipeline generator",
            "Build cache"
        ]
    );
    assert_eq!(
        strings(&team(&all, "code-graph")["owns"]),
        [
            "fernhill/graph-indexer",
            "fernhill/graph-api",
            "graph-indexer nightly",
            "Build cache"
        ]
    );
    assert_eq!(
        strings(&team(&all, "sig-berths")["owns"]),
        ["berth-scheduler", "tide-api"]
    );
    assert!(strings(&team(&all, "access")["owns"]).is_empty());
    // "Who owns X": the ownership index names the team.
    let ownership: Value = serde_json::from_str(&book.output_file("api/ownership.json")).unwrap();
    let owner = |item: &str| {
        ownership["ownership"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["item"] == item)
            .map(|o| o["team"].as_str().unwrap().to_string())
    };
    assert_eq!(owner("lib/errors").as_deref(), Some("dev-tooling"));
    assert_eq!(owner("Session Replay").as_deref(), Some("replay"));
    assert_eq!(owner("Build cache").as_deref(), Some("code-graph"));
    assert!(
        texts(&book.html("ownership.html"), "main")
            .concat()
            .contains("tide-api")
    );
}

/// A charter written with `owns` keeps an item a team page also lists: the page's
/// reading is the one that gives way, with a warning at its line.
#[test]
fn a_written_charter_keeps_an_item_a_team_page_lists() {
    let book = TestBook::fixture("company-team-pages");
    book.write(
        "content/teams/platform.md",
        "+++\nname = \"Platform\"\nproblem = \"Paved roads for every team.\"\nowns = [\"Toolbar\"]\n\n[[metrics]]\nname = \"Paved-road adoption\"\ntarget = \"80%\"\n+++\n",
    );
    book.build()
        .success()
        .stderr_has("`Toolbar` is owned by both content/teams/platform.md and content/teams/replay/index.mdx")
        .stderr_has("--> content/teams/replay/index.mdx:12:3");
    let ownership: Value = serde_json::from_str(&book.output_file("api/ownership.json")).unwrap();
    let toolbar = ownership["ownership"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["item"] == "Toolbar")
        .unwrap();
    assert_eq!(toolbar["team"], "platform");
}

/// A team page under `departments/engineering/teams/` sits under the group `engineering`
/// in the org map, and one under `teams/growth/` under `growth`: the folder above the
/// `teams` folder (or above the team's own) named like a group's charter, as
/// `teams/platform/` is the folder of `teams/platform.md`. A folder named like no group
/// (`sales`) gives no parent.
#[test]
fn a_team_page_sits_under_the_group_its_folders_name() {
    let book = TestBook::fixture("company-team-pages");
    book.build()
        .success()
        .stderr_lacks("error[")
        .stderr_lacks("empty-group");
    let all = teams(&book);
    for (slug, parent) in [
        ("dev-tooling", Value::from("engineering")),
        ("code-graph", Value::from("engineering")),
        ("access", Value::from("engineering")),
        ("retention", Value::from("growth")),
        ("deal-desk", Value::Null),
        ("replay", Value::Null),
        ("sig-berths", Value::Null),
    ] {
        assert_eq!(team(&all, slug)["parent"], parent, "{slug}");
    }
    // The group's neighbourhood map draws its teams (a long name over two lines).
    let map: Vec<String> = texts(&book.html("teams/engineering.html"), ".om-name")
        .iter()
        .map(|n| n.replace(' ', ""))
        .collect();
    for name in ["AccessTeam", "CodeGraphteam", "DeveloperToolingTeam"] {
        assert!(
            map.iter().any(|n| n.eq_ignore_ascii_case(name)),
            "{name} not in {map:?}"
        );
    }
}

/// PostHog's team page often says nothing of what the team is for; `mission.mdx` beside
/// it does. The team's problem is then the mission page's first sentence, and the mission
/// page stays a page of the team. A lead-in to a list ("a storage and query engine that:")
/// is no problem statement.
#[test]
fn a_mission_page_beside_a_team_page_says_what_the_team_is_for() {
    let book = TestBook::fixture("company-team-pages");
    book.build().success().stderr_lacks("error[");
    let all = teams(&book);
    assert_eq!(
        team(&all, "replay")["problem"],
        "Show every team exactly what their users went through, without anyone asking."
    );
    assert!(book.out().join("teams/replay/mission.html").is_file());
    book.write(
        "content/teams/replay/mission.mdx",
        "# Replay - Mission\n\nOur mission is a replay engine that:\n- starts at once\n- never drops a frame\n",
    );
    book.build().success();
    assert_eq!(team(&teams(&book), "replay")["problem"], Value::Null);
}

/// GitLab's team pages are Hugo sections anywhere in the tree: with no charter, the
/// handbook's note says which pages read like a team's page and how to make one a team.
/// `template: team` in its front matter does, where it stands (its folder cannot move
/// without moving its address): a team, under its address's redirect.
#[test]
fn a_team_page_outside_a_teams_folder_is_named_and_template_team_makes_it_one() {
    let book = TestBook::fixture("handbook-hugo-sections");
    book.build().success().stderr_has(
        "1 page reads like a team's page (a heading on what the team is for and one on who is in it) outside a `teams` folder, e.g. content/handbook/engineering/infrastructure/systems/gitaly/_index.md: such a page is a team's charter in a folder directly inside a folder named `teams` (move its folder to …/teams/gitaly/), or anywhere with `template: team` in its front matter",
    );
    book.edit(
        "content/handbook/engineering/infrastructure/systems/gitaly/_index.md",
        "description: \"Owns the Git storage service\"\n",
        "description: \"Owns the Git storage service\"\ntemplate: team\n",
    );
    book.build()
        .success()
        .stderr_lacks("no team charters")
        .stderr_lacks("error[");
    let all = teams(&book);
    let gitaly = team(&all, "gitaly");
    assert_eq!(gitaly["name"], "Gitaly Team");
    assert_eq!(gitaly["metrics"][0]["name"], "Error budget");
    assert_eq!(
        follow(
            &book,
            "handbook/engineering/infrastructure/systems/gitaly/index.html"
        ),
        "teams/gitaly.html"
    );
}
