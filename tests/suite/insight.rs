//! Org insight (issue 12) on `tests/fixtures/insight`: a small product org whose data sits
//! one step past each new rule's threshold, so every rule fires exactly once; each case
//! then moves one threshold (or one fact) just below and the rule falls silent. Also:
//! findings as notes in check output, person pages and the interactions map linked both
//! ways, the SVG charts, reference validation, and `orgbook diff` between folders and
//! between git revisions.

use crate::harness::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// (rule, file, line) of every finding `check --format json` prints.
fn findings(book: &TestBook) -> Vec<(String, String, u64)> {
    let run = book.run(&["check", "--format", "json"]);
    run.success();
    run.stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .filter(|v| v["severity"] == "finding")
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_string(),
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

fn expected() -> Vec<(String, String, u64)> {
    [
        (
            "decider-overload",
            "content/decisions/0008-drop-legacy-api.md",
            7,
        ),
        (
            "slow-decider",
            "content/decisions/0004-booking-database.md",
            8,
        ),
        (
            "type2-escalated",
            "content/decisions/0002-quote-format.md",
            8,
        ),
        ("type2-slow", "content/decisions/0001-quote-cache.md", 6),
        (
            "type1-unescalated",
            "content/decisions/0003-own-pricing-engine.md",
            8,
        ),
        (
            "too-many-dependencies",
            "content/teams/product/alpha.md",
            17,
        ),
        (
            "platform-without-consumers",
            "content/teams/product/delta.md",
            8,
        ),
        (
            "one-way-collaboration",
            "content/teams/product/alpha.md",
            27,
        ),
        ("metric-stale", "content/teams/product/beta.md", 11),
        ("metric-off-target", "content/teams/product/alpha.md", 12),
    ]
    .into_iter()
    .map(|(r, f, l)| (r.to_string(), f.to_string(), l))
    .collect()
}

#[test]
fn every_rule_fires_once_at_its_file_and_line() {
    let book = TestBook::fixture("insight");
    assert_eq!(findings(&book), expected());
}

#[test]
fn each_rule_is_silent_just_below_its_threshold() {
    type Edit = fn(&TestBook);
    let cases: Vec<(&str, Edit)> = vec![
        ("decider-overload", |b| {
            b.edit(
                "orgbook.toml",
                "max_open_per_decider = 2",
                "max_open_per_decider = 3",
            );
        }),
        ("slow-decider", |b| {
            b.edit("orgbook.toml", "decider_days = 10", "decider_days = 11");
        }),
        ("type2-escalated", |b| {
            b.edit(
                "orgbook.toml",
                "type2_max_deciders = 2",
                "type2_max_deciders = 3",
            );
        }),
        ("type2-slow", |b| {
            b.edit("orgbook.toml", "type2_days = 7", "type2_days = 8");
        }),
        ("type1-unescalated", |b| {
            // One decider from outside the owning team is enough.
            b.edit(
                "content/decisions/0003-own-pricing-engine.md",
                "\"Bob Member\"]",
                "\"Bob Member\", \"Gina Group\"]",
            );
        }),
        ("too-many-dependencies", |b| {
            b.edit(
                "orgbook.toml",
                "max_collaborations = 2",
                "max_collaborations = 3",
            );
        }),
        ("platform-without-consumers", |b| {
            b.edit(
                "content/teams/ops/omega.md",
                "target = \"0\"",
                "target = \"0\"\n\n[[interactions]]\nteam = \"delta\"\nmode = \"x-as-a-service\"",
            );
        }),
        ("one-way-collaboration", |b| {
            b.edit(
                "content/teams/ops/omega.md",
                "target = \"0\"",
                "target = \"0\"\n\n[[interactions]]\nteam = \"alpha\"\nmode = \"facilitating\"",
            );
        }),
        ("metric-stale", |b| {
            b.edit("orgbook.toml", "metric_days = 30", "metric_days = 31");
        }),
        ("metric-off-target", |b| {
            // Still rising, but now at the target: met.
            b.edit(
                "content/teams/product/alpha.md",
                "[2026-11-20, 7]",
                "[2026-11-20, 5]",
            );
        }),
    ];
    assert_eq!(cases.len(), expected().len(), "one case per rule");
    for (rule, edit) in cases {
        let book = TestBook::fixture("insight");
        edit(&book);
        let got = findings(&book);
        let want: Vec<_> = expected().into_iter().filter(|f| f.0 != rule).collect();
        assert_eq!(got, want, "after moving {rule} just below its threshold");
    }
}

#[test]
fn type2_deciders_from_outside_the_group_are_an_escalation() {
    let book = TestBook::fixture("insight");
    book.edit(
        "content/decisions/0001-quote-cache.md",
        "deciders = [\"Ann Lead\"]",
        "deciders = [\"Ann Lead\", \"Oscar Outside\"]",
    );
    let run = book.run(&["check"]);
    run.success().stderr_has(
        "note[type2-escalated]: ADR 1 “Cache quotes for an hour” is reversible (Type 2) but has Oscar Outside from outside the team's group\n  --> content/decisions/0001-quote-cache.md:8:1",
    );
    // A group nobody is in yet (`init --empty`'s, before records are imported into it)
    // has no outside: its records' deciders are not escalations.
    book.write(
        "content/teams/labs.md",
        "+++\nname = \"Labs\"\nkind = \"group\"\n+++\n",
    );
    book.write(
        "content/decisions/0009-try-edge-cache.md",
        "+++\ntitle = \"Try an edge cache\"\nstatus = \"accepted\"\ntype = 2\ndate = 2026-10-01\ndecided = 2026-10-02\nteam = \"labs\"\ndeciders = [\"Oscar Outside\"]\n+++\nWhy.\n",
    );
    book.run(&["check"])
        .success()
        .stderr_has("ADR 1 “Cache quotes for an hour” is reversible (Type 2) but has Oscar Outside")
        .stderr_lacks("ADR 9 “Try an edge cache” is reversible");
}

#[test]
fn findings_are_notes_in_every_format_with_file_and_line() {
    let book = TestBook::fixture("insight");
    let github = book.run(&["check", "--format", "github"]);
    github.success();
    let notices: Vec<&str> = github
        .stdout
        .lines()
        .filter(|l| l.starts_with("::notice "))
        .collect();
    assert_eq!(notices.len(), expected().len(), "{}", github.stdout);
    assert!(
        notices.contains(
            &"::notice file=content/teams/product/beta.md,line=11,col=9::[metric-stale] Beta: “Uptime” was last measured on 2026-10-25, 31 days ago%0Ahelp: add a recent [date, value] pair to the metric's `history`"
        ),
        "{}",
        github.stdout
    );
    // Every notice has a file and a line.
    for n in &notices {
        assert!(n.contains(" file=content/") && n.contains(",line="), "{n}");
    }
    // Human: after the diagnostics, on stderr, and the run still passes.
    book.run(&["check"])
        .success()
        .stderr_has("note[decider-overload]: Pat Decider is a decider on 3 open proposals (maximum 2)\n  --> content/decisions/0008-drop-legacy-api.md:7:1\n  |\n7 | deciders = [\"Pat Decider\"]")
        .stderr_has("Check passed");
    // `build` prints them too, and --strict does not fail on them.
    book.run(&["build", "--strict"])
        .success()
        .stderr_has("note[metric-off-target]: Alpha: “Lead time” is at 7 ↑, moving away from its target ≤ 5 days");
}

#[test]
fn github_notices_name_files_from_the_repository_root() {
    let repo = tempfile::tempdir().unwrap();
    let book = TestBook::fixture("insight");
    let sub = repo.path().join("docs/handbook");
    std::fs::create_dir_all(sub.parent().unwrap()).unwrap();
    copy(book.root(), &sub);
    let out = Command::new(BIN)
        .args(["check", "--format", "github", "--root", "docs/handbook"])
        .current_dir(repo.path())
        .env("ORGBOOK_TODAY", "2026-11-25")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::notice file=docs/handbook/content/decisions/0008-drop-legacy-api.md,line=7,col=1::[decider-overload]"),
        "{stdout}"
    );
}

#[test]
fn policy_deny_turns_a_new_rule_into_a_located_error() {
    let book = TestBook::fixture("insight");
    book.edit(
        "orgbook.toml",
        "title = \"Insight Org\"",
        "title = \"Insight Org\"\n[policy]\ndeny = [\"metric-stale\"]",
    );
    let run = book.run(&["check"]);
    run.failure(1)
        .stderr_has("error[metric-stale]: Beta: “Uptime” was last measured on 2026-10-25, 31 days ago (denied by [policy] in orgbook.toml)\n  --> content/teams/product/beta.md:11:9")
        .stderr_lacks("note[metric-stale]")
        .stderr_has("note[metric-off-target]");
}

#[test]
fn interaction_and_topology_mistakes_are_located_with_a_suggestion() {
    let book = TestBook::fixture("insight");
    book.build().success();
    let before = files_under(&book.out());
    book.edit(
        "content/teams/product/alpha.md",
        "team = \"gamma\"",
        "team = \"gama\"",
    );
    book.edit(
        "content/teams/product/beta.md",
        "mode = \"x-as-a-service\"\n\n[[interactions]]\nteam = \"gamma\"",
        "mode = \"x-as-service\"\n\n[[interactions]]\nteam = \"gamma\"",
    );
    book.edit(
        "content/teams/product/delta.md",
        "\"platform\"",
        "\"platfrom\"",
    );
    let run = book.build();
    run.failure(1)
        .stderr_has("error[unknown-team]: interaction with `gama`, which is not a charter in this handbook\n  --> content/teams/product/alpha.md:23:8")
        .stderr_has("did you mean \"gamma\"?")
        .stderr_has("error[invalid-value]: unknown interaction mode \"x-as-service\"\n  --> content/teams/product/beta.md:20:8")
        .stderr_has("did you mean \"x-as-a-service\"?")
        .stderr_has("error[invalid-value]: unknown team topology \"platfrom\"\n  --> content/teams/product/delta.md:8:12")
        .stderr_has("did you mean \"platform\"?");
    assert_eq!(
        files_under(&book.out()),
        before,
        "a failed build leaves the site"
    );
    // A history that is not [date, number] pairs is located too.
    let book = TestBook::fixture("insight");
    book.edit(
        "content/teams/product/alpha.md",
        "[2026-11-01, 6]",
        "[\"last week\", 6]",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("error[invalid-type]: `history` in [[metrics]] must be an array of [date, number] pairs, found array\n  --> content/teams/product/alpha.md:15:29");
}

#[test]
fn person_pages_and_the_interactions_map_link_both_ways() {
    let book = TestBook::fixture("insight");
    // A Type 2 proposal without deciders waits on the owning team's lead.
    book.write(
        "content/decisions/0009-pipeline-cache.md",
        "+++\ntitle = \"Cache pipeline layers\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-11-24\nteam = \"gamma\"\n+++\nWhy.\n",
    );
    book.build().success();
    let alpha = book.html("teams/alpha.html");
    let links = hrefs(&alpha, "a");
    for want in [
        "../people/ann-lead.html",
        "../people/bob-member.html",
        "../interactions.html#ix-alpha",
        "../teams/beta.html",
    ] {
        assert!(
            links.iter().any(|l| l == want),
            "alpha lacks {want}: {links:?}"
        );
    }
    // Alpha lists three collaborations; Gamma lists Alpha back (shown once), Beta lists
    // Alpha as a service it uses.
    assert_eq!(
        texts(&alpha, "section.interactions dt"),
        ["We collaborate with", "Used by"]
    );
    assert_eq!(
        texts(&alpha, "section.interactions dd:nth-of-type(1) li a"),
        ["Beta", "Gamma", "Omega"]
    );
    assert_eq!(
        texts(&alpha, "section.interactions dd:nth-of-type(2) li a"),
        ["Beta"]
    );
    let ann = book.html("people/ann-lead.html");
    let links = hrefs(&ann, "a");
    for want in [
        "../teams/alpha.html",
        "../decisions/0001-quote-cache.html",
        "../interactions.html#ix-alpha",
    ] {
        assert!(
            links.iter().any(|l| l == want),
            "ann lacks {want}: {links:?}"
        );
    }
    assert_eq!(
        texts(&book.html("people/dan-lead.html"), "#waiting-count"),
        ["1"]
    );
    assert_eq!(
        texts(&book.html("people/pat-decider.html"), "#waiting-count"),
        ["3"]
    );
    let decision = book.html("decisions/0004-booking-database.html");
    assert!(hrefs(&decision, "a").contains(&"../people/sam-slow.html".to_string()));
    let map = book.output_file("interactions.html");
    assert!(
        map.contains("<a id=\"ix-alpha\" href=\"teams/alpha.html\">"),
        "{map}"
    );
    assert!(
        map.contains("<title>Alpha → Omega: collaboration</title>"),
        "{map}"
    );
    let list = book.html("interactions.html");
    assert!(hrefs(&list, ".ix-list a").contains(&"people/ann-lead.html".to_string()));
    // Health → people, home → health, and every other link and anchor resolves.
    let health = book.html("health.html");
    assert_eq!(
        texts(&health, "table.waiting tbody tr:first-child td")[..2],
        ["Pat Decider".to_string(), "3".to_string()]
    );
    let home = hrefs(&book.html("index.html"), "a");
    assert!(home.contains(&"health.html#where-decisions-wait".to_string()));
    assert!(home.contains(&"health.html#summary".to_string()));
    check_all_links(&book.out(), &["404.html"]);
}

#[test]
fn health_summary_answers_the_audit_in_order() {
    let book = TestBook::fixture("insight");
    book.build().success();
    let health = book.html("health.html");
    let questions = texts(&health, "ol.audit li a");
    assert_eq!(
        questions,
        [
            "Where do decisions wait?",
            "Do reversible decisions move fast?",
            "Which teams cannot ship alone?",
            "Which metrics are not moving or not measured?",
            "Which charters are stale or oversized?",
        ]
    );
    let answers = texts(&health, "ol.audit li");
    assert!(
        answers[0].contains(
            "3 open proposals wait on 1 person; most on Pat Decider (3); 1 overloaded, 1 slow"
        ),
        "{answers:?}"
    );
    assert!(answers[2].contains("1 team with too many collaborations, 1 one-way collaboration, 1 platform without consumers"), "{answers:?}");
    // Every count on the page, findings' messages included, is said in its number, not
    // as "team(s)".
    let page = texts(&health, "main").concat();
    assert!(
        page.contains("take a median of"),
        "no slow-decider finding shown"
    );
    assert!(!page.contains("(s)"), "{page}");
    assert!(
        answers[1].contains("; 1 Type 1 decision taken by the team alone"),
        "{answers:?}"
    );
    assert!(
        answers[3].contains("metrics have a history;")
            || answers[3].contains("metric has a history;"),
        "{answers:?}"
    );
}

fn svgs(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<svg") {
        let end = rest[start..].find("</svg>").expect("closed svg") + start + 6;
        out.push(&rest[start..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn charts_are_well_formed_and_deterministic() {
    let book = TestBook::fixture("insight");
    book.build().success();
    let first: Vec<String> = [
        "teams/alpha.html",
        "health.html",
        "interactions.html",
        "orgmap.html",
    ]
    .iter()
    .map(|p| book.output_file(p))
    .collect();
    for (page, html) in ["alpha", "health", "interactions", "orgmap"]
        .iter()
        .zip(&first)
    {
        let found = svgs(html);
        assert!(!found.is_empty(), "{page} has no SVG");
        for svg in found {
            roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{page}: {e}\n{svg}"));
        }
    }
    let spark = svgs(&first[0])
        .into_iter()
        .find(|s| s.contains("class=\"sparkline\""))
        .expect("sparkline on alpha");
    let doc = roxmltree::Document::parse(spark).unwrap();
    let line = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("history"))
        .unwrap();
    assert_eq!(line.attribute("points").unwrap().split(' ').count(), 3);
    assert!(
        doc.descendants()
            .any(|n| n.attribute("class") == Some("target"))
    );
    let velocity = svgs(&first[1])
        .into_iter()
        .find(|s| s.contains("velocity-chart"))
        .expect("velocity chart");
    // Q3: Type 1 took 4, 11 and 1 days (median 4); Q4: Type 2 took 8 and 2 (median 2).
    assert!(
        velocity.contains("<title>2026 Q3 · Type 1: median 4 days</title>"),
        "{velocity}"
    );
    assert!(
        velocity.contains("<title>2026 Q4 · Type 2: median 2 days</title>"),
        "{velocity}"
    );
    // The org map node shows the primary metric's trend arrow.
    assert!(first[3].contains("↑"), "trend arrow on the org map");
    std::fs::remove_dir_all(book.out()).unwrap();
    book.build().success();
    for (p, before) in [
        "teams/alpha.html",
        "health.html",
        "interactions.html",
        "orgmap.html",
    ]
    .iter()
    .zip(&first)
    {
        assert_eq!(&book.output_file(p), before, "{p} differs between builds");
    }
}

#[test]
fn unparseable_targets_are_shown_as_written() {
    let book = TestBook::fixture("insight");
    book.edit(
        "content/teams/product/alpha.md",
        "target = \"≤ 5 days\"",
        "target = \"as low as we can\"",
    );
    book.build().success();
    let alpha = book.html("teams/alpha.html");
    let row = &row_cells(&alpha, ".metrics tbody tr")[0];
    assert_eq!(row[2], "as low as we can (as written)");
    // Without a readable target there is no judgement: metric-off-target is silent.
    assert!(!findings(&book).iter().any(|f| f.0 == "metric-off-target"));
}

// ---- orgbook diff ------------------------------------------------------------------

/// The change under review: a rename, a move, a new team, people joining and leaving,
/// an ownership transfer, a target change, decisions decided and proposed.
fn change(root: &Path) {
    let edit = |rel: &str, from: &str, to: &str| {
        let p = root.join(rel);
        let t = std::fs::read_to_string(&p).unwrap();
        assert!(t.contains(from), "{rel} lacks {from:?}");
        std::fs::write(&p, t.replacen(from, to, 1)).unwrap();
    };
    let delta = root.join("content/teams/product/delta.md");
    let text = std::fs::read_to_string(&delta).unwrap();
    std::fs::remove_file(&delta).unwrap();
    std::fs::write(
        root.join("content/teams/product/data-catalogue.md"),
        text.replace("name = \"Delta\"", "name = \"Data Catalogue\""),
    )
    .unwrap();
    edit(
        "content/teams/ops/omega.md",
        "parent = \"ops\"",
        "parent = \"product\"",
    );
    std::fs::write(
        root.join("content/teams/ops/zeta.md"),
        "+++\nname = \"Zeta\"\nparent = \"ops\"\nproblem = \"On-call is lonely.\"\nlead = \"Zed New\"\nmembers = [\"Zed New\"]\nreviewed = 2026-11-20\n\n[[metrics]]\nname = \"Pages per week\"\ntarget = \"< 5\"\n+++\n",
    )
    .unwrap();
    edit(
        "content/teams/product/beta.md",
        "members = [\"Cat Lead\", \"Cy Member\"]",
        "members = [\"Cat Lead\", \"Dee Newcomer\"]",
    );
    edit(
        "content/teams/product/alpha.md",
        "owns = [\"Quote API\", \"Quote cache\"]",
        "owns = [\"Quote cache\"]",
    );
    edit(
        "content/teams/product/beta.md",
        "lead = \"Cat Lead\"",
        "owns = [\"Quote API\"]\nlead = \"Cat Lead\"",
    );
    edit(
        "content/teams/product/alpha.md",
        "target = \"≤ 5 days\"",
        "target = \"≤ 4 days\"",
    );
    edit(
        "content/decisions/0006-queue-bookings.md",
        "status = \"proposed\"",
        "status = \"accepted\"\ndecided = 2026-11-24",
    );
    edit(
        "content/decisions/0007-second-region.md",
        "status = \"proposed\"",
        "status = \"rejected\"\ndecided = 2026-11-24",
    );
    std::fs::write(
        root.join("content/decisions/0009-quote-sla.md"),
        "+++\ntitle = \"Promise quotes within a second\"\nstatus = \"proposed\"\ntype = 1\ndate = 2026-11-24\nteam = \"alpha\"\ndeciders = [\"Gina Group\", \"Ann Lead\"]\n+++\nWhy.\n",
    )
    .unwrap();
}

const EXPECTED_MARKDOWN: &str = "## Org changes

### Teams

- Added **Zeta** (`zeta`) under `ops`
- Renamed **Delta** (`delta`) → **Data Catalogue** (`data-catalogue`)
- Moved **Omega**: Operations → Product

### People

- Dee Newcomer joined **Beta**
- Cy Member left **Beta**

### Ownership

- Quote API: Alpha → Beta

### Metrics

- **Alpha** · Lead time: target ≤ 5 days → ≤ 4 days

### Decisions

- ADR 6 “Queue bookings at peak”: proposed → accepted
- ADR 7 “Run in a second region”: proposed → rejected
- ADR 9 “Promise quotes within a second”: proposed

### Health findings

- New `metric-off-target`: Alpha: “Lead time” is at 7 ↑, moving away from its target ≤ 4 days (`content/teams/product/alpha.md`)
- New `platform-without-consumers`: Data Catalogue is a platform team but no team lists it in \\[\\[interactions\\]\\] (`content/teams/product/data-catalogue.md`)
- Resolved `decider-overload`: Pat Decider is a decider on 3 open proposals (maximum 2) (`content/decisions/0008-drop-legacy-api.md`)
- Resolved `metric-off-target`: Alpha: “Lead time” is at 7 ↑, moving away from its target ≤ 5 days (`content/teams/product/alpha.md`)
- Resolved `platform-without-consumers`: Delta is a platform team but no team lists it in \\[\\[interactions\\]\\] (`content/teams/product/delta.md`)
";

fn check_json(stdout: &str) {
    let v: Value = serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(
        v["teams_added"],
        serde_json::json!([{"slug": "zeta", "name": "Zeta", "parent": "ops"}])
    );
    assert_eq!(v["teams_removed"], serde_json::json!([]));
    assert_eq!(
        v["teams_renamed"],
        serde_json::json!([{"from_slug": "delta", "to_slug": "data-catalogue", "from_name": "Delta", "to_name": "Data Catalogue"}])
    );
    assert_eq!(
        v["teams_moved"],
        serde_json::json!([{"team": "Omega", "from": "Operations", "to": "Product"}])
    );
    assert_eq!(
        v["members_joined"],
        serde_json::json!([{"team": "Beta", "person": "Dee Newcomer"}])
    );
    assert_eq!(
        v["members_left"],
        serde_json::json!([{"team": "Beta", "person": "Cy Member"}])
    );
    assert_eq!(
        v["ownership_transferred"],
        serde_json::json!([{"item": "Quote API", "from": "Alpha", "to": "Beta"}])
    );
    assert_eq!(
        v["metrics_changed"],
        serde_json::json!([{"team": "Alpha", "metric": "Lead time", "change": "target", "from": "≤ 5 days", "to": "≤ 4 days"}])
    );
    assert_eq!(
        v["decisions"],
        serde_json::json!([
            {"number": 6, "title": "Queue bookings at peak", "from": "proposed", "to": "accepted"},
            {"number": 7, "title": "Run in a second region", "from": "proposed", "to": "rejected"},
            {"number": 9, "title": "Promise quotes within a second", "from": null, "to": "proposed"}
        ])
    );
    let rules = |k: &str| -> Vec<String> {
        v[k].as_array()
            .unwrap()
            .iter()
            .map(|f| {
                format!(
                    "{} {}",
                    f["rule"].as_str().unwrap(),
                    f["file"].as_str().unwrap()
                )
            })
            .collect()
    };
    assert_eq!(
        rules("findings_introduced"),
        [
            "metric-off-target content/teams/product/alpha.md",
            "platform-without-consumers content/teams/product/data-catalogue.md"
        ]
    );
    assert_eq!(
        rules("findings_resolved"),
        [
            "decider-overload content/decisions/0008-drop-legacy-api.md",
            "metric-off-target content/teams/product/alpha.md",
            "platform-without-consumers content/teams/product/delta.md"
        ]
    );
}

#[test]
fn diff_between_two_folders() {
    let base = TestBook::fixture("insight");
    let head = TestBook::fixture("insight");
    change(head.root());
    let base_dir = base.root().to_string_lossy().into_owned();
    let head_dir = head.root().to_string_lossy().into_owned();
    let run = head.run(&["diff", &base_dir, &head_dir]);
    run.success();
    assert_eq!(run.stdout, EXPECTED_MARKDOWN);
    // HEAD defaults to the handbook at --root (here the current folder).
    assert_eq!(head.run(&["diff", &base_dir]).stdout, EXPECTED_MARKDOWN);
    let json = head.run(&["diff", &base_dir, "--format", "json"]);
    json.success();
    check_json(&json.stdout);
    // No change at all says so.
    let same = base.run(&["diff", &base_dir]);
    assert_eq!(
        same.stdout,
        "## Org changes\n\nNo change to teams, people, ownership, metrics, decisions or health findings.\n"
    );
}

/// Two handbook folders are all `diff` needs: run from a folder that is no handbook (a CI
/// job with both sides checked out beside each other), it compares them.
#[test]
fn diff_between_two_folders_runs_outside_a_handbook() {
    let base = TestBook::fixture("insight");
    let head = TestBook::fixture("insight");
    change(head.root());
    let elsewhere = tempfile::tempdir().unwrap();
    let base_dir = base.root().to_string_lossy().into_owned();
    let head_dir = head.root().to_string_lossy().into_owned();
    let run = crate::harness::run_in(elsewhere.path(), &["diff", &base_dir, &head_dir]);
    run.success();
    assert_eq!(run.stdout, EXPECTED_MARKDOWN);
    // One folder and the handbook here: here must be one, and the error says so.
    crate::harness::run_in(elsewhere.path(), &["diff", &base_dir])
        .failure(2)
        .stderr_has("no orgbook.toml");
}

pub(crate) fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.org",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git is installed (CI installs it)");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn copy(from: &Path, to: &Path) {
    for rel in files_under(from) {
        let dest = to.join(&rel);
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(from.join(&rel), dest).unwrap();
    }
}

#[test]
fn diff_between_git_revisions_never_touches_the_work_tree() {
    // A repository whose handbook lives in a subfolder, as in many real repositories.
    let repo = tempfile::tempdir().unwrap();
    let hb = repo.path().join("docs/handbook");
    copy(&fixture_dir("insight"), &hb);
    std::fs::write(repo.path().join("README.md"), "# Product\n").unwrap();
    git(repo.path(), &["init", "-q", "-b", "main"]);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "handbook"]);
    change(&hb);
    git(repo.path(), &["add", "-A"]);
    git(repo.path(), &["commit", "-q", "-m", "reorganise"]);
    // An uncommitted edit in the work tree must survive the diff untouched.
    let readme = hb.join("README.md");
    std::fs::write(&readme, "# Local notes, not committed\n").unwrap();
    let status = git(repo.path(), &["status", "--porcelain"]);
    let head_before = git(repo.path(), &["rev-parse", "HEAD"]);
    let run = |args: &[&str]| {
        let out = Command::new(BIN)
            .args(args)
            .current_dir(&hb)
            .env("ORGBOOK_TODAY", "2026-11-25")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, md, err) = run(&["diff", "HEAD~1", "HEAD"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(md, EXPECTED_MARKDOWN);
    let (_, json, _) = run(&["diff", "HEAD~1", "main", "--format", "json"]);
    check_json(&json);
    // HEAD omitted: the work tree as it is.
    assert_eq!(run(&["diff", "HEAD~1"]).1, EXPECTED_MARKDOWN);
    // Folders and revisions mix.
    let base = TestBook::fixture("insight");
    assert_eq!(
        run(&["diff", &base.root().to_string_lossy(), "HEAD"]).1,
        EXPECTED_MARKDOWN
    );
    let (code, _, err) = run(&["diff", "no-such-branch"]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("`no-such-branch` is neither a folder nor a git revision"),
        "{err}"
    );
    assert_eq!(git(repo.path(), &["status", "--porcelain"]), status);
    assert_eq!(git(repo.path(), &["rev-parse", "HEAD"]), head_before);
    assert_eq!(
        std::fs::read_to_string(&readme).unwrap(),
        "# Local notes, not committed\n"
    );
}

#[test]
fn yaml_charters_carry_topology_interactions_and_history() {
    let book = TestBook::fixture("insight");
    book.write(
        "content/teams/product/beta.md",
        "---\nname: Beta\nparent: product\nproblem: Bookings fail at peak.\nlead: Cat Lead\nmembers: [Cat Lead, Cy Member]\nreviewed: 2026-11-01\ntopology: stream-aligned\nmetrics:\n  - name: Uptime\n    target: \"≥ 99.5 %\"\n    history:\n      - [2026-09-01, 99.7]\n      - [2026-10-25, 99.8]\ninteractions:\n  - team: alpha\n    mode: x-as-a-service\n  - team: gamma\n    mode: x-as-a-service\n---\n## How we work\n\nWe ship small changes.\n",
    );
    // The same findings as the TOML charter, metric-stale now at the YAML line.
    let want: Vec<_> = expected()
        .into_iter()
        .map(|f| {
            if f.0 == "metric-stale" {
                (f.0, f.1, 10)
            } else {
                f
            }
        })
        .collect();
    assert_eq!(findings(&book), want);
    // A typo'd team in YAML is located and explained like in TOML.
    book.edit("content/teams/product/beta.md", "team: gamma", "team: gama");
    book.run(&["check"])
        .failure(1)
        .stderr_has("error[unknown-team]: interaction with `gama`, which is not a charter in this handbook\n  --> content/teams/product/beta.md:18:11")
        .stderr_has("did you mean \"gamma\"?");
}

/// A handbook with more findings than `check` prints in full: 12 stale charters (half of
/// them YAML, one with CRLF line endings, as files edited on Windows are), 5 teams with a
/// metric but no target, and 4 links to missing anchors (warnings).
fn many_findings() -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write(
        "orgbook.toml",
        "title = \"Busy Org\"\n\n[teams]\nreview_days = 180\n",
    );
    book.write(
        "content/_index.md",
        "+++\ntitle = \"Busy Org\"\n+++\nWelcome.\n",
    );
    book.write(
        "content/teams/platform.md",
        "+++\nname = \"Platform\"\nkind = \"group\"\nlead = \"Gus Group\"\nreviewed = 2026-11-01\n+++\nThe platform group.\n",
    );
    for i in 0..12 {
        let path = format!("content/teams/platform/stale-{i:02}.md");
        let text = if i % 2 == 0 {
            format!(
                "+++\nname = \"Stale {i:02}\"\nparent = \"platform\"\nproblem = \"Problem {i}.\"\nlead = \"Lead {i}\"\nreviewed = 2025-03-0{}\n\n[[metrics]]\nname = \"Uptime\"\ntarget = \"99.9 %\"\n+++\nWe run things.\n",
                1 + i % 9
            )
        } else {
            format!(
                "---\nname: Stale {i:02}\nparent: platform\nproblem: Problem {i}.\nlead: Lead {i}\nreviewed: 2025-04-0{}\nmetrics:\n  - name: Uptime\n    target: \"99.9 %\"\n---\nWe run things.\n",
                1 + i % 9
            )
        };
        let text = if i == 3 {
            text.replace('\n', "\r\n")
        } else {
            text
        };
        book.write(&path, &text);
    }
    for i in 0..5 {
        let anchors = if i == 0 {
            "\n[a](stale-00.md#nowhere-1) [b](stale-01.md#nowhere-2) [c](stale-02.md#nowhere-3) [d](stale-04.md#nowhere-4)\n"
        } else {
            ""
        };
        book.write(
            &format!("content/teams/platform/untargeted-{i}.md"),
            &format!(
                "+++\nname = \"Untargeted {i}\"\nparent = \"platform\"\nproblem = \"Problem {i}.\"\nlead = \"Lead U{i}\"\nreviewed = 2026-11-01\n\n[[metrics]]\nname = \"Throughput\"\n+++\nWe measure things.\n{anchors}"
            ),
        );
    }
    book
}

/// Lines of `text` that start with `prefix`.
fn lines_starting<'a>(text: &'a str, prefix: &str) -> Vec<&'a str> {
    text.lines().filter(|l| l.starts_with(prefix)).collect()
}

/// (code, file) of every finding `check --format json` prints, in their order.
fn json_findings(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .filter(|v| v["severity"] == "finding")
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_string(),
                v["file"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const HIDDEN_SUMMARY: &str = "11 more org health findings not shown (stale-charter 9, no-metric-target 2); health.html lists every finding; pass --all-findings to print them all";

#[test]
fn human_output_shows_three_findings_per_rule_and_counts_the_rest() {
    let book = many_findings();
    // JSON has every finding, in the order the human output samples from.
    let json = book.run(&["check", "--format", "json"]);
    json.success();
    let all = json_findings(&json.stdout);
    let count = |code: &str| all.iter().filter(|f| f.0 == code).count();
    assert_eq!(
        (count("stale-charter"), count("no-metric-target"), all.len()),
        (12, 5, 17),
        "{}",
        json.stdout
    );
    assert!(
        !json.stdout.contains("more org health"),
        "json has no summary line"
    );

    let run = book.run(&["check"]);
    run.success().stderr_has("Check passed");
    let stale = lines_starting(&run.stderr, "note[stale-charter]: ");
    let untargeted = lines_starting(&run.stderr, "note[no-metric-target]: ");
    assert_eq!((stale.len(), untargeted.len()), (3, 3), "{}", run.stderr);
    // The first three of each rule, in the usual order.
    let shown_files: Vec<&str> = run
        .stderr
        .lines()
        .filter_map(|l| l.strip_prefix("  --> "))
        .filter(|l| !l.contains("#nowhere"))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    let first_three = |code: &str| -> Vec<String> {
        all.iter()
            .filter(|f| f.0 == code)
            .take(3)
            .map(|f| f.1.clone())
            .collect()
    };
    for file in first_three("stale-charter")
        .iter()
        .chain(&first_three("no-metric-target"))
    {
        assert!(
            shown_files.contains(&file.as_str()),
            "{file} not shown:\n{}",
            run.stderr
        );
    }
    assert_eq!(
        lines_starting(&run.stderr, "note: "),
        [format!("note: {HIDDEN_SUMMARY}")],
        "{}",
        run.stderr
    );
    // Warnings are never sampled.
    assert_eq!(
        lines_starting(&run.stderr, "warning[missing-anchor]").len(),
        4,
        "{}",
        run.stderr
    );

    // `build` samples the same way, and its summary still counts every finding.
    book.build()
        .success()
        .stderr_has(&format!("note: {HIDDEN_SUMMARY}"))
        .stderr_has("with 4 warnings and 17 org health findings");
}

#[test]
fn all_findings_prints_every_finding_in_every_format() {
    let book = many_findings();
    let run = book.run(&["check", "--all-findings"]);
    run.success();
    assert_eq!(
        (
            lines_starting(&run.stderr, "note[stale-charter]: ").len(),
            lines_starting(&run.stderr, "note[no-metric-target]: ").len(),
            lines_starting(&run.stderr, "note: ").len(),
        ),
        (12, 5, 0),
        "{}",
        run.stderr
    );
    let json = book.run(&["check", "--format", "json", "--all-findings"]);
    assert_eq!(json_findings(&json.stdout).len(), 17, "{}", json.stdout);
    let github = book.run(&["check", "--format", "github", "--all-findings"]);
    assert_eq!(
        lines_starting(&github.stdout, "::notice file=").len(),
        17,
        "{}",
        github.stdout
    );
    assert!(lines_starting(&github.stdout, "::notice::").is_empty());
    let build = book.run(&["build", "--all-findings"]);
    build.success();
    assert_eq!(
        lines_starting(&build.stderr, "note[stale-charter]: ").len(),
        12,
        "{}",
        build.stderr
    );
}

#[test]
fn github_output_samples_findings_with_one_summary_notice() {
    let book = many_findings();
    let run = book.run(&["check", "--format", "github"]);
    run.success();
    let located = lines_starting(&run.stdout, "::notice file=");
    let count = |code: &str| {
        located
            .iter()
            .filter(|l| l.contains(&format!("::[{code}] ")))
            .count()
    };
    assert_eq!(
        (
            count("stale-charter"),
            count("no-metric-target"),
            located.len()
        ),
        (3, 3, 6),
        "{}",
        run.stdout
    );
    assert_eq!(
        lines_starting(&run.stdout, "::notice::"),
        [format!("::notice::{HIDDEN_SUMMARY}")],
        "{}",
        run.stdout
    );
    assert_eq!(lines_starting(&run.stdout, "::warning ").len(), 4);
}

#[test]
fn denied_findings_are_errors_and_are_never_sampled() {
    let book = many_findings();
    book.edit(
        "orgbook.toml",
        "[teams]",
        "[policy]\ndeny = [\"stale-charter\"]\n\n[teams]",
    );
    let run = book.run(&["check"]);
    run.failure(1);
    assert_eq!(
        lines_starting(&run.stderr, "error[stale-charter]: ").len(),
        12,
        "{}",
        run.stderr
    );
    assert!(lines_starting(&run.stderr, "note[stale-charter]").is_empty());
    assert_eq!(
        lines_starting(&run.stderr, "note[no-metric-target]: ").len(),
        3
    );
    assert_eq!(
        lines_starting(&run.stderr, "note: "),
        [
            "note: 2 more org health findings not shown (no-metric-target 2); health.html lists every finding; pass --all-findings to print them all"
        ],
        "{}",
        run.stderr
    );
}

/// Team Topologies' modes read their own way on a team page and in the interactions view:
/// a collaboration both charters list is one line on each side (not "we depend on" and
/// "depend on us" at once), a service used and a team facilitated have a direction, and a
/// one-way collaboration still shows on the page of the team it names.
#[test]
fn interactions_are_grouped_by_mode_and_a_mutual_collaboration_shows_once() {
    let book = TestBook::fixture("basic");
    let charter = |name: &str, interactions: &str| {
        format!(
            "+++\nname = \"{name}\"\nproblem = \"p\"\n\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n{interactions}+++\nBody.\n"
        )
    };
    let ix = |team: &str, mode: &str, about: &str| {
        let about = if about.is_empty() {
            String::new()
        } else {
            format!("about = \"{about}\"\n")
        };
        format!("\n[[interactions]]\nteam = \"{team}\"\nmode = \"{mode}\"\n{about}")
    };
    book.write(
        "content/teams/ix-core.md",
        &charter(
            "Core",
            &[
                ix("ix-web", "collaboration", "Checkout redesign"),
                ix("ix-infra", "x-as-a-service", ""),
                ix("ix-mobile", "facilitating", "Adopting the design system"),
            ]
            .concat(),
        ),
    );
    book.write(
        "content/teams/ix-web.md",
        &charter(
            "Web",
            &ix("ix-core", "collaboration", "Checkout, from our side"),
        ),
    );
    book.write("content/teams/ix-infra.md", &charter("Infra", ""));
    book.write("content/teams/ix-mobile.md", &charter("Mobile", ""));
    book.write(
        "content/teams/ix-data.md",
        &charter("Data", &ix("ix-core", "collaboration", "")),
    );
    book.write(
        "content/teams/ix-billing.md",
        &charter("Billing", &ix("ix-core", "x-as-a-service", "Prices")),
    );
    book.build().success();
    let groups = |page: &str| -> Vec<(String, Vec<String>)> {
        let html = book.html(page);
        let dts = texts(&html, "section.interactions dt");
        dts.into_iter()
            .enumerate()
            .map(|(n, dt)| {
                let items = texts(
                    &html,
                    &format!("section.interactions dd:nth-of-type({}) li", n + 1),
                );
                (dt, items)
            })
            .collect()
    };
    let owned = |groups: &[(&str, &[&str])]| -> Vec<(String, Vec<String>)> {
        groups
            .iter()
            .map(|(dt, items)| {
                (
                    dt.to_string(),
                    items.iter().map(|i| i.to_string()).collect(),
                )
            })
            .collect()
    };
    assert_eq!(
        groups("teams/ix-core.html"),
        owned(&[
            ("We collaborate with", &["Web: Checkout redesign", "Data"]),
            ("We use", &["Infra"]),
            ("We facilitate", &["Mobile: Adopting the design system"]),
            ("Used by", &["Billing: Prices"]),
        ])
    );
    assert_eq!(
        groups("teams/ix-web.html"),
        owned(&[("We collaborate with", &["Core: Checkout, from our side"])])
    );
    assert_eq!(
        groups("teams/ix-infra.html"),
        owned(&[("Used by", &["Core"])])
    );
    assert_eq!(
        groups("teams/ix-mobile.html"),
        owned(&[("Facilitated by", &["Core: Adopting the design system"])])
    );
    // The interactions view says the same in words, each pair once per team.
    let mut lines = Vec::new();
    for entry in std::fs::read_dir(book.out()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("interactions") && name.ends_with(".html") {
            lines.extend(texts(&book.html(&name), "#ix-list-ix-core > ul > li"));
        }
    }
    assert_eq!(
        lines,
        [
            "collaborates with Web: Checkout redesign",
            "collaborates with Data",
            "uses Infra",
            "facilitates Mobile: Adopting the design system",
            "used by Billing: Prices",
        ]
    );
}
