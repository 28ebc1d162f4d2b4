//! The CLI takes a team the way content may name it (its id, else the one team of that display
//! name or slug) and writes the id (`team-names-cli`); a MADR status superseded by two records
//! names both (`madr-two-successors`); the CLI says each count in its number.

use crate::harness::{TestBook, team, teams};

const TEAM_NAMES: &str = "team-names-cli";

/// The value of `key` in a file's front matter (`key = "v"` or `key: v`), unquoted.
fn front_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let rest = l
            .strip_prefix(&format!("{key} = "))
            .or_else(|| l.strip_prefix(&format!("{key}: ")))?;
        Some(rest.trim().trim_matches('"').to_string())
    })
}

/// Before, `--team "Team C"` was "no team `Team C` in this handbook" and `--parent "box
/// office"` the same: the ids are file names no page shows. Now each is the team of that
/// name, and the file written names it by id, so the handbook stays canonical.
#[test]
fn new_takes_a_teams_display_name_and_writes_its_id() {
    let book = TestBook::fixture(TEAM_NAMES);
    let run = book.run(&[
        "new",
        "decision",
        "Seat maps in one place",
        "--team",
        "Team C",
    ]);
    run.success();
    let path = run.stdout.trim();
    assert_eq!(path, "content/decisions/0002-seat-maps-in-one-place.md");
    assert_eq!(
        front_value(&book.read(path), "team").as_deref(),
        Some("team-c")
    );
    // In another case, with a doubled space; and the slug of a name.
    let run = book.run(&["new", "team", "Seating", "--parent", "box  OFFICE"]);
    run.success();
    assert_eq!(run.stdout.trim(), "content/teams/boxoffice/seating.md");
    assert_eq!(
        front_value(&book.read("content/teams/boxoffice/seating.md"), "parent").as_deref(),
        Some("boxoffice")
    );
    let run = book.run(&["new", "team", "ushers", "--parent", "box-office", "--group"]);
    run.success();
    assert_eq!(run.stdout.trim(), "content/teams/boxoffice/ushers.md");
    // An id is still an id.
    book.run(&["new", "decision", "Refund in cash", "--team", "team-c"])
        .success();
    book.build().success().stderr_lacks("error[");
    let teams = teams(&book);
    assert_eq!(team(&teams, "seating")["parent"], "boxoffice");
    assert_eq!(team(&teams, "ushers")["parent"], "boxoffice");
}

/// The importers' `--parent` and `import adr --team` take a name too, and write the id.
#[test]
fn importers_take_a_teams_display_name_and_write_its_id() {
    let book = TestBook::fixture(TEAM_NAMES);
    book.run(&[
        "import",
        "backstage",
        "catalog/team-d.yaml",
        "--parent",
        "Box Office",
    ])
    .success();
    let charter = book.read("content/teams/boxoffice/team-d.md");
    assert_eq!(
        front_value(&charter, "parent").as_deref(),
        Some("boxoffice"),
        "{charter}"
    );
    book.run(&["import", "adr", "adr", "--team", "team c"])
        .success();
    let record = book.read("content/decisions/0002-record-architecture-decisions.md");
    assert_eq!(
        front_value(&record, "team").as_deref(),
        Some("team-c"),
        "{record}"
    );
    book.build().success().stderr_lacks("error[");
    let teams = teams(&book);
    assert_eq!(team(&teams, "team-d")["parent"], "boxoffice");
}

/// `import services --owner NAME=TEAM` took only a slug (`Team C` was "not a slug"): now
/// a charter's name gives the owner's services to that charter, found by its id.
#[test]
fn services_owner_takes_a_charters_display_name() {
    let book = TestBook::fixture(TEAM_NAMES);
    book.run(&[
        "import",
        "services",
        "services",
        "--owner",
        "box-office@acme.example=Team C",
    ])
    .success()
    .stderr_has(
        "is already in the handbook as content/teams/boxoffice/team-c.md; kept as it is; the files also give it: \"seat-map\"",
    )
    .stderr_lacks("no team's");
}

/// A name two teams share names neither: a usage error (exit 2) naming both ids, and
/// nothing written. A name no team has is the error it was, with the nearest name.
#[test]
fn a_name_two_teams_share_is_a_usage_error_listing_both_ids() {
    let book = TestBook::fixture(TEAM_NAMES);
    book.write(
        "content/teams/box-office-north.md",
        "---\nname: box office\nkind: group\nparent: infrastructure\nproblem: Selling tickets in the north.\n---\n",
    );
    let before = crate::harness::files_under(&book.root().join("content"));
    let run = book.run(&["new", "decision", "One queue", "--team", "Box Office"]);
    run.failure(2)
        .stderr_has("`Box Office` is the name of 2 teams: `box-office-north` and `boxoffice`")
        .stderr_has("pass the id");
    assert_eq!(run.stdout, "");
    book.run(&["new", "team", "north-ushers", "--parent", "BOX OFFICE"])
        .failure(2)
        .stderr_has("`box-office-north` and `boxoffice`");
    book.run(&[
        "import",
        "backstage",
        "catalog/team-d.yaml",
        "--parent",
        "Box Office",
    ])
    .failure(2)
    .stderr_has("`box-office-north` and `boxoffice`");
    book.run(&["import", "adr", "adr", "--team", "box office"])
        .failure(2)
        .stderr_has("`box-office-north` and `boxoffice`");
    // An id is an id, whatever other teams are called.
    book.run(&["new", "decision", "One queue", "--team", "boxoffice"])
        .success();
    std::fs::remove_file(book.root().join("content/decisions/0002-one-queue.md")).unwrap();
    assert_eq!(
        crate::harness::files_under(&book.root().join("content")),
        before
    );
    // No team of that name: the error it was, with the nearest.
    book.run(&["new", "decision", "One queue", "--team", "Team K"])
        .failure(1)
        .stderr_has("no team `Team K` in this handbook")
        .stderr_has("did you mean `Team C`?");
}

const TWO_SUCCESSORS: &str = "madr-two-successors";

/// The titles a decision's page lists under `term` ("Supersedes", "Superseded by").
fn listed_under(page: &scraper::Html, term: &str) -> Vec<String> {
    let dts = crate::harness::texts(page, ".meta dt");
    let Some(at) = dts.iter().position(|t| t == term) else {
        return Vec::new();
    };
    let dds = page
        .select(&crate::harness::sel(".meta dd"))
        .nth(at)
        .map(|dd| {
            dd.select(&crate::harness::sel("li a"))
                .map(|a| a.text().collect::<String>())
                .collect()
        });
    dds.unwrap_or_default()
}

/// Before, only the first record after `superseded by` was taken: 0002's page named 0012
/// alone and 0018 did not supersede it. Now each record the status names supersedes it,
/// on both pages and in the data export, in the link form joined by `and` and in the
/// plain form joined by a comma.
#[test]
fn a_status_superseded_by_two_records_links_both() {
    let book = TestBook::fixture(TWO_SUCCESSORS);
    book.build().success().stderr_lacks("error[");
    let old = book.html("decisions/0002-add-sources-to-api.html");
    assert_eq!(
        listed_under(&old, "Superseded by"),
        [
            "ADR 12: Add collections to flow and source metadata schemas",
            "ADR 18: Restrict direct Source modification"
        ]
    );
    let notice = crate::harness::texts(&old, ".notice").join(" ");
    assert!(
        notice.contains("ADR 12") && notice.contains("ADR 18"),
        "{notice}"
    );
    let old = book.html("decisions/0003-item-timestamps-managed-internally.html");
    assert_eq!(
        listed_under(&old, "Superseded by"),
        [
            "ADR 12: Add collections to flow and source metadata schemas",
            "ADR 13: Timeline exposed by Flows"
        ]
    );
    let newer = book.html("decisions/0012-add-flow-collections.html");
    assert_eq!(
        listed_under(&newer, "Supersedes"),
        [
            "ADR 2: Add Sources as objects in the API",
            "ADR 3: Item timestamps managed internally"
        ]
    );
    let decisions = crate::harness::built_decisions(&book);
    assert_eq!(decisions[&2]["superseded_by"], serde_json::json!([12, 18]));
    assert_eq!(decisions[&3]["superseded_by"], serde_json::json!([12, 13]));
    assert_eq!(decisions[&18]["supersedes"], serde_json::json!([2]));
    assert_eq!(decisions[&13]["supersedes"], serde_json::json!([3]));
}

/// Each number that names no decision is its own `unknown-decision`, at its own place in
/// the status.
#[test]
fn each_unknown_successor_is_reported_at_its_place_in_the_status() {
    let book = TestBook::fixture(TWO_SUCCESSORS);
    let rel = "content/decisions/0003-item-timestamps-managed-internally.md";
    book.edit(
        rel,
        "superseded by ADR-0012, ADR-0013",
        "superseded by ADR-0014, ADR-0012, ADR-0099",
    );
    let run = book.build();
    run.failure(1)
        .stderr_has("status says superseded by decision 14, which does not exist")
        .stderr_has(&format!("{rel}:3:23"))
        .stderr_has("status says superseded by decision 99, which does not exist")
        .stderr_has(&format!("{rel}:3:43"));
    assert_eq!(
        run.stderr.matches("error[unknown-decision]").count(),
        2,
        "{}",
        run.stderr
    );
}

/// Before, the importers said "Imported 1 charter(s) (1 team(s), 0 group(s)) with 1
/// member(s) …" and "Imported 1 decision(s) …". Now each count is in its number: one is
/// singular, none and two or more plural, and no "(s)" is left in what they or `new` print.
#[test]
fn importers_and_new_say_each_count_in_its_number() {
    let book = TestBook::fixture(TEAM_NAMES);
    let runs = [
        book.run(&[
            "import",
            "backstage",
            "catalog/team-d.yaml",
            "--parent",
            "boxoffice",
        ]),
        book.run(&["import", "adr", "adr", "--team", "team-c", "--dry-run"]),
        book.run(&["import", "adr", "adr", "--team", "team-c"]),
        book.run(&["import", "adr", "adr", "--team", "team-c"]),
        book.run(&[
            "new",
            "decision",
            "Seat maps in one place",
            "--team",
            "team-c",
        ]),
        book.run(&["new", "team", "seating", "--parent", "boxoffice"]),
    ];
    for run in &runs {
        run.success();
        for out in [&run.stdout, &run.stderr] {
            assert!(!out.contains("(s)") && !out.contains("(ies)"), "{out}");
        }
    }
    runs[0].stderr_has(
        "Imported 1 charter (1 team, 0 groups) with 1 member and 0 owned entities from 2 entities",
    );
    runs[1].stderr_has("Would import 1 decision into content/decisions/ for team `team-c`");
    runs[2].stderr_has("Imported 1 decision into content/decisions/ for team `team-c`");
    runs[3].stderr_has("Nothing new to import: the 1 record of adr is in the handbook already");
}
