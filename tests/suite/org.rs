//! Org map, ownership index and org health (with `[policy]`), on fixture handbooks. The
//! harness pins today to 2026-11-25 (ORGBOOK_TODAY) so date-based findings are stable.

use crate::harness::*;

#[test]
fn org_map_links_every_team_once_and_lists_the_hierarchy() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let map = book.html("orgmap.html");
    let svg_links = hrefs(&map, "svg a");
    let teams: Vec<String> = files_under(&book.out().join("teams"))
        .into_iter()
        .filter(|f| f != "index.html")
        .map(|f| format!("teams/{f}"))
        .collect();
    // Counted from the handbook itself.
    let charters = charters(&book);
    assert_eq!(teams.len(), charters.len());
    let mut sorted = svg_links.clone();
    sorted.sort();
    assert_eq!(sorted, teams, "each team exactly once in the SVG");
    // The same hierarchy as a nested list: groups contain their teams.
    let nested = texts(&map, ".org-tree > ul > li > a");
    let roots = charters
        .iter()
        .filter(|c| !c.contains("\nparent = "))
        .count();
    assert!(roots > 0);
    assert_eq!(
        nested.len(),
        roots,
        "one top-level entry per root: {nested:?}"
    );
    let api_path = map
        .select(&sel(
            ".org-tree > ul > li > ul > li > a[href='teams/api.html']",
        ))
        .count();
    assert_eq!(api_path, 1, "api sits under its group");
    // Every node box carries the team name and is keyboard-reachable (a link).
    let names = texts(&map, "svg a title");
    assert!(names.iter().any(|n| n.contains("API")), "{names:?}");
    check_all_links(&book.out(), &["404.html"]);
}

#[test]
fn org_map_boxes_do_not_overlap() {
    let book = TestBook::bundled();
    book.build().success();
    let map = book.html("orgmap.html");
    // Each group has its own map (a grid of cards); no two boxes of one map overlap.
    let mut boxes = 0;
    for svg in map.select(&sel("svg.om-full")) {
        let rects: Vec<(f64, f64, f64, f64)> = svg
            .select(&sel("a rect.om-box"))
            .filter_map(|r| {
                let a = |k| r.value().attr(k).and_then(|v: &str| v.parse::<f64>().ok());
                Some((a("x")?, a("y")?, a("width")?, a("height")?))
            })
            .collect();
        boxes += rects.len();
        for (i, a) in rects.iter().enumerate() {
            for b in &rects[i + 1..] {
                let overlap =
                    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3;
                assert!(!overlap, "boxes overlap: {a:?} {b:?}");
            }
        }
    }
    assert!(boxes >= charters(&book).len(), "{boxes} boxes");
}

#[test]
fn team_page_shows_its_neighbourhood() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let api = book.html("teams/api.html");
    let links = hrefs(&api, ".neighbourhood svg a");
    assert!(links.contains(&"eng.html".to_string()), "parent: {links:?}");
    assert!(
        links.contains(&"web.html".to_string()),
        "sibling: {links:?}"
    );
    let eng = book.html("teams/eng.html");
    let links = hrefs(&eng, ".neighbourhood svg a");
    assert!(
        links.contains(&"api.html".to_string()) && links.contains(&"web.html".to_string()),
        "children: {links:?}"
    );
}

#[test]
fn ownership_index_answers_who_owns_x() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let page = book.html("ownership.html");
    // One table (columns line up across letters), a header row per letter, and the
    // owning team's contact.
    assert_eq!(page.select(&sel("table.ownership")).count(), 1);
    let rows = row_cells(&page, "table.ownership tbody tr:not(.letter-row)");
    assert_eq!(
        rows,
        [
            ["api-gateway", "API", "Engineering", "#api"],
            ["Public API docs", "API", "Engineering", "#api"],
            ["website", "Web", "Engineering", ""]
        ]
    );
    assert_eq!(texts(&page, "tr.letter-row th"), ["A", "P", "W"]);
    assert_eq!(
        hrefs(&page, ".letters a"),
        ["ownership.html#a", "ownership.html#p", "ownership.html#w"]
    );
    assert_eq!(
        hrefs(&page, "table.ownership td:nth-child(2) a")[0],
        "teams/api.html"
    );
}

/// The charter files of a handbook (front matter and body), in path order.
fn charters(book: &TestBook) -> Vec<String> {
    files_under(&book.root().join("content/teams"))
        .into_iter()
        .filter(|f| f.ends_with(".md") && !f.ends_with("_index.md"))
        .map(|f| book.read(&format!("content/teams/{f}")))
        .collect()
}

fn findings(book: &TestBook, rule: &str) -> Vec<String> {
    let page = book.html("health.html");
    texts(&page, &format!("section[aria-labelledby='rule-{rule}'] li"))
}

#[test]
fn health_page_reports_each_rule() {
    let book = TestBook::fixture("basic");
    // stale-charter: web has no `reviewed`; api was reviewed recently.
    // no-metric-target: web's metric has no target.
    book.edit(
        "content/teams/eng/web.md",
        "members = [\"Linus\", \"Margaret\"]",
        "members = [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\", \"i\", \"j\"]",
    );
    book.write(
        "content/teams/empty.md",
        "+++\nname = \"Empty group\"\nkind = \"group\"\nreviewed = 2026-11-01\n+++\n",
    );
    book.write(
        "content/decisions/0003-stalled.md",
        "+++\ntitle = \"Stalled idea\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-09-01\nteam = \"web\"\n+++\n",
    );
    book.write(
        "content/decisions/0004-fresh.md",
        "+++\ntitle = \"Fresh idea\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-11-20\nteam = \"web\"\n+++\n",
    );
    book.write(
        "content/decisions/0005-flags.md",
        "+++\ntitle = \"Flags\"\nstatus = \"accepted\"\ntype = 2\ndate = 2026-01-01\ndecided = 2026-01-11\nrevisit = 2026-06-01\nteam = \"web\"\n+++\n",
    );
    book.write(
        "content/decisions/0006-replace-flags.md",
        "+++\ntitle = \"Replace flags\"\nstatus = \"accepted\"\ntype = 2\ndate = 2026-02-01\ndecided = 2026-02-03\nsupersedes = [5]\nteam = \"web\"\n+++\n",
    );
    let run = book.build();
    run.success()
        .stderr_lacks("warning[")
        .stderr_has(" org health finding");
    let stale = findings(&book, "stale-charter");
    assert!(
        stale
            .iter()
            .any(|f| f.contains("Web has never been reviewed")),
        "{stale:?}"
    );
    assert!(stale.iter().all(|f| !f.contains("API")), "{stale:?}");
    assert_eq!(
        findings(&book, "no-metric-target"),
        ["Web: Web: no target for Self-serve rate"]
    );
    assert_eq!(
        findings(&book, "oversized-team"),
        ["Web: Web has 10 members (maximum 9)"]
    );
    assert_eq!(
        findings(&book, "empty-group"),
        ["Empty group: Empty group is a group without any team"]
    );
    assert_eq!(
        findings(&book, "stalled-proposal"),
        ["Stalled idea: ADR 3 “Stalled idea” has been proposed for 85 days"]
    );
    assert_eq!(
        findings(&book, "unmarked-superseded"),
        ["Flags: ADR 5 is superseded by accepted ADR 6 but its status is not \"superseded\""]
    );
    assert_eq!(
        findings(&book, "revisit-overdue"),
        ["Flags: ADR 5 “Flags” was due for a revisit on 2026-06-01"]
    );
    // A rule that has nothing to read says so, rather than "None."; a checked rule with
    // no finding says "None.".
    let health = book.html("health.html");
    let said = |rule: &str| {
        texts(
            &health,
            &format!("section[aria-labelledby='rule-{rule}'] > p:last-child"),
        )
    };
    assert_eq!(
        said("shared-code"),
        ["Not checked: the handbook reads no CODEOWNERS file."]
    );
    assert_eq!(
        said("metric-stale"),
        ["Not checked: no charter's metric has a `history` of measurements."]
    );
    assert_eq!(said("type1-unescalated"), ["None."]);
    // Velocity: decided records 0001 (10 days), 0002 (14), 0005 (10), 0006 (2); nearest-rank.
    let by_type = row_cells(&health, "table.velocity:not(.velocity-teams) tbody tr");
    assert_eq!(
        by_type,
        [["Type 1", "1", "14", "14"], ["Type 2", "3", "10", "10"]]
    );
    let by_team = row_cells(&health, "table.velocity-teams tbody tr");
    assert_eq!(by_team, [["API", "2", "10", "14"], ["Web", "2", "2", "10"]]);
    // The home page shows the headline numbers.
    let home = texts(&book.html("index.html"), ".stats li");
    assert!(
        // The 8 above, and type2-slow twice: ADR 1 and ADR 5 are Type 2 and took 10 days.
        home.contains(&"10 open health findings".to_string()),
        "{home:?}"
    );
    assert!(
        home.contains(&"10 median days to decide".to_string()),
        "{home:?}"
    );
    assert!(
        home.contains(&"1 decision this quarter".to_string()),
        "{home:?}"
    );
}

#[test]
fn policy_deny_turns_findings_into_build_errors() {
    let book = TestBook::fixture("basic");
    book.build().success();
    book.write(
        "orgbook.toml",
        "title = \"Test Org\"\n[policy]\ndeny = [\"stale-charter\", \"oversized-team\"]\n",
    );
    book.build()
        .failure(1)
        .stderr_has("error[stale-charter]: Web has never been reviewed (no `reviewed` date) (denied by [policy] in orgbook.toml)")
        .stderr_has("--> content/teams/eng/web.md:1:1")
        .stderr_has("error[stale-charter]: Engineering has never been reviewed")
        .stderr_has("2 errors");
    // The health page marks denied rules (on a passing build).
    book.edit(
        "content/teams/eng/web.md",
        "members =",
        "reviewed = 2026-11-01\nmembers =",
    );
    book.edit(
        "content/teams/eng.md",
        "lead =",
        "reviewed = 2026-11-01\nlead =",
    );
    book.build().success();
    let page = book.html("health.html");
    assert_eq!(
        texts(
            &page,
            "section[aria-labelledby='rule-stale-charter'] strong"
        ),
        ["fails the build"]
    );
}

#[test]
fn unknown_policy_rule_is_a_config_error() {
    let book = TestBook::fixture("basic");
    book.write(
        "orgbook.toml",
        "title = \"T\"\n[policy]\ndeny = [\"stale-charters\"]\n",
    );
    book.build()
        .failure(1)
        .stderr_has("error[invalid-value]: unknown health rule \"stale-charters\" in [policy] deny")
        .stderr_has("--> orgbook.toml:3:9")
        .stderr_has("did you mean \"stale-charter\"?");
}

#[test]
fn bundled_example_has_its_deliberate_findings() {
    let book = TestBook::bundled();
    let run = book.build();
    run.success().stderr_lacks("warning[");
    // The example demonstrates each rule; how many times is the example's business.
    let mut total = 0;
    for rule in [
        "stale-charter",
        "no-metric-target",
        "oversized-team",
        "stalled-proposal",
        "revisit-overdue",
        "decider-overload",
        "slow-decider",
        "type2-escalated",
        "type2-slow",
        "type1-unescalated",
        "too-many-dependencies",
        "platform-without-consumers",
        "one-way-collaboration",
        "shared-code",
        "metric-stale",
        "metric-off-target",
    ] {
        let n = findings(&book, rule).len();
        assert!(n >= 1, "{rule}");
        total += n;
    }
    run.stderr_has(&format!("{total} org health findings"));
}

/// The health page stays bounded: each rule lists its first 50 findings and counts the
/// rest, whatever the size of the handbook.
#[test]
fn health_page_lists_the_first_fifty_findings_of_a_rule_and_counts_the_rest() {
    let book = TestBook::fixture("basic");
    for n in 0..60 {
        book.write(
            &format!("content/teams/eng/stale-{n:02}.md"),
            &format!(
                "+++\nname = \"Stale {n}\"\nparent = \"eng\"\nproblem = \"p\"\nlead = \"Lee\"\nmembers = [\"Lee\"]\nreviewed = 2020-01-01\n\n[[metrics]]\nname = \"m\"\ntarget = \"t\"\n+++\nBody.\n"
            ),
        );
    }
    book.build().success();
    let doc = book.html("health.html");
    let listed = texts(&doc, "section[aria-labelledby=rule-stale-charter] ul li");
    assert_eq!(listed.len(), 50, "{listed:?}");
    let count = texts(&doc, "#rule-stale-charter .count");
    assert!(count[0].parse::<usize>().unwrap() >= 60, "{count:?}");
    let more = texts(&doc, "section[aria-labelledby=rule-stale-charter] p.muted");
    assert!(
        more.iter()
            .any(|m| m.contains("more; orgbook check prints every finding")),
        "{more:?}"
    );
}

/// A group's card on the org map counts its teams, not the groups between them and it:
/// the same count as the page's lede and the map's own label.
#[test]
fn a_group_card_counts_teams_not_sub_groups() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/teams/eng/platform.md",
        "+++\nname = \"Platform\"\nkind = \"group\"\nparent = \"eng\"\n+++\n",
    );
    book.write(
        "content/teams/eng/platform/storage.md",
        "+++\nname = \"Storage\"\nkind = \"group\"\nparent = \"platform\"\n+++\n",
    );
    book.write(
        "content/teams/eng/platform/storage/db.md",
        "+++\nname = \"Databases\"\nparent = \"storage\"\nproblem = \"Data is lost.\"\nmembers = [\"Kim Lee\"]\n\n[[metrics]]\nname = \"Restores\"\ntarget = \"100%\"\n+++\n",
    );
    book.build().success();
    let map = book.html("orgmap.html");
    let lede = texts(&map, "p.lede");
    assert!(lede[0].starts_with("3 teams in 3 groups"), "{lede:?}");
    // Platform's card: one team (Databases), though two charters sit below it.
    let cards = texts(&map, "details#g-platform summary .muted");
    assert_eq!(cards, ["1 team · 1 person"], "{cards:?}");
}
