//! Front matter as other tools and hands write it. Dates quoted (Jekyll, Docusaurus, Hugo's
//! archetypes) or with a time and an offset (Hugo, Jekyll's `2026-02-01 14:30:00 +0100`,
//! editors' ISO stamps) are read as the day written; a date that is not in the calendar, or
//! text that is not a date, is still an error at its line and column. A capitalised status
//! (`Accepted`, as adr-tools writes it) is the status. A roster of `- name:` entries with
//! roles gives the members, and the manager is the lead. Hints for YAML files are YAML.

use crate::harness::*;

#[test]
fn dates_written_by_other_tools_are_read_as_the_day_written() {
    let book = TestBook::fixture("front-matter-elsewhere");
    book.build()
        .success()
        .stderr_lacks("invalid-type")
        .stderr_lacks("invalid-date")
        .stderr_lacks("warning[");

    let teams = teams(&book);
    // `reviewed = '2026-05-14T09:12:33+02:00'` (a Hugo archetype's quoted date-time).
    assert_eq!(team(&teams, "api")["reviewed"], "2026-05-14");
    // `reviewed: "2026-04-02"` in YAML.
    let web = team(&teams, "web");
    assert_eq!(web["reviewed"], "2026-04-02");
    // A roster of `- name:` entries with roles: the names, and the manager is the lead.
    assert_eq!(
        web["members"],
        serde_json::json!(["Zoë Müller", "Alan Turing"])
    );
    assert_eq!(web["lead"], "Alan Turing");
    let person = book.html("people/alan-turing.html");
    assert!(
        hrefs(&person, "main a")
            .iter()
            .any(|h| h.ends_with("teams/web.html")),
        "the roster's people get their pages and link to the team"
    );
    let api = book.html("teams/api.html");
    let reviewed = texts(&api, "time[datetime='2026-05-14']");
    assert!(!reviewed.is_empty(), "the charter's review date is shown");

    // The metric's history: a quoted date, a TOML date-time and Jekyll's form, three points.
    let trend = texts(&api, ".trend");
    assert_eq!(trend.len(), 1, "{trend:?}");
    assert!(trend[0].contains("45 on 2026-05-04"), "{trend:?}");
    let line = api
        .select(&sel(".trend svg polyline"))
        .next()
        .expect("a sparkline");
    let points = line
        .value()
        .attr("points")
        .unwrap()
        .split_whitespace()
        .count();
    assert_eq!(points, 3, "one point per dated measurement");

    let decisions = built_decisions(&book);
    // `date = 2025-01-10T21:00:00-07:00`: the day written, though it was the 11th in UTC.
    let go = &decisions[&1];
    assert_eq!(
        (&go["date"], &go["decided"]),
        (&"2025-01-10".into(), &"2025-01-20".into())
    );
    // `date: 2026-02-01 14:30:00 +0100`, `decided: '2026-02-15T10:00:00.000Z'`.
    let rust = &decisions[&2];
    assert_eq!(rust["status"], "accepted", "`status: Accepted`");
    assert_eq!(rust["tags"], serde_json::json!(["language", "services"]));
    assert_eq!(
        rust["deciders"],
        serde_json::json!(["Grace Hopper", "Ada Lovelace"])
    );
    assert_eq!(rust["date"], "2026-02-01");
    assert_eq!(rust["decided"], "2026-02-15");
    assert_eq!(rust["revisit"], "2027-02-15");
    let page = book.html("decisions/0002-use-rust.html");
    let shown = texts(&page, "dd time");
    for day in ["2026-02-01", "2026-02-15", "2027-02-15"] {
        assert!(shown.iter().any(|t| t == day), "{day} in {shown:?}");
    }
}

/// Builds a copy of the fixture with `file` written, expecting the build to fail.
fn fails_with(file: &str, text: &str) -> Run {
    let book = TestBook::fixture("front-matter-elsewhere");
    book.write(file, text);
    let run = book.build();
    run.failure(1);
    run
}

#[test]
fn dates_that_are_not_dates_are_errors_at_their_place() {
    let yaml = |reviewed: &str| {
        format!(
            "---\nname: Web\nparent: eng\nproblem: Slow phones.\nmetrics:\n  - name: LCP\nreviewed: {reviewed}\n---\n"
        )
    };
    fails_with("content/teams/eng/web.md", &yaml("\"2026-02-30\""))
        .stderr_has("error[invalid-date]: `reviewed`: 2026-02-30 is not a date in the calendar")
        .stderr_has("--> content/teams/eng/web.md:7:11")
        .stderr_has("help: use a real date, e.g. 2026-03-14");
    fails_with(
        "content/teams/eng/web.md",
        &yaml("2026-13-01 10:00:00 +0100"),
    )
    .stderr_has("error[invalid-date]: `reviewed`: 2026-13-01 is not a date in the calendar")
    .stderr_has("--> content/teams/eng/web.md:7:11");
    fails_with("content/teams/eng/web.md", &yaml("after the offsite"))
        .stderr_has("error[invalid-type]: `reviewed` in team charter must be a date, found string")
        .stderr_has("--> content/teams/eng/web.md:7:11")
        .stderr_has("help: write it like: reviewed: 2026-03-14");
    let decision = "+++\ntitle = \"Use Go\"\nstatus = \"accepted\"\ntype = 2\ndate = 2025-01-10\ndecided = 'soon'\nteam = \"api\"\n+++\n";
    fails_with("content/decisions/0001-use-go.md", decision)
        .stderr_has(
            "error[invalid-type]: `decided` in decision record must be a date, found string",
        )
        .stderr_has("--> content/decisions/0001-use-go.md:6:11")
        .stderr_has("help: write it like: decided = 2026-03-14");
}

#[test]
fn hints_are_written_in_the_front_matters_own_syntax_and_tabs_are_found() {
    // A YAML charter without metrics is told the YAML form, not TOML's `[[metrics]]`.
    fails_with(
        "content/teams/eng/web.md",
        "---\nname: Web\nparent: eng\nproblem: Slow phones.\n---\n",
    )
    .stderr_has("error[missing-key]: team charter is missing the required key `metrics`")
    .stderr_has("help: add `metrics: [{ name: \"…\", target: \"…\" }]")
    .stderr_lacks("[[metrics]]");
    // An accepted YAML decision without `decided`: the hint is YAML too.
    fails_with(
        "content/decisions/0002-use-rust.md",
        "---\ntitle: Use Rust\nstatus: accepted\ntype: 2\ndate: 2026-02-01\nteam: api\n---\n",
    )
    .stderr_has("help: add `decided: YYYY-MM-DD`: the day it was decided");
    // MADR's status of a superseded record names the newer one (read as its `supersedes`,
    // tests/suite/madr_front_matter.rs): one that does not exist is reported at its reference.
    fails_with(
        "content/decisions/0001-use-go.md",
        "---\ntitle: Use Go\nstatus: Superseded by [ADR-0009](0009-use-zig.md)\ntype: 2\ndate: 2025-01-10\ndecided: 2025-01-20\nteam: api\n---\n",
    )
    .stderr_has("error[unknown-decision]: status says superseded by decision 9, which does not exist")
    .stderr_has("--> content/decisions/0001-use-go.md:3:23")
    .stderr_has("the nearest existing number is 2");
    // A tab in the indentation is pointed at where it is (line 7), not at the item above.
    fails_with(
        "content/teams/eng/web.md",
        "---\nname: Web\nparent: eng\nproblem: Slow phones.\nowns:\n  - Booking site\n\t- Checkout\nmetrics:\n  - name: LCP\n---\n",
    )
    .stderr_has("error[yaml-syntax]: invalid YAML: a tab where YAML needs spaces")
    .stderr_has("--> content/teams/eng/web.md:7:1")
    .stderr_has("replace the tab with spaces");
}
