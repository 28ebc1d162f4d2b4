//! Service catalogs other than Backstage, one file per repository, as an
//! organisation moving between tools keeps them: OpsLevel's `opslevel.yml`, Cortex's
//! `cortex.yaml`, Atlassian Compass's `compass.yml` and Datadog's `service.datadog.yaml`
//! (v2, v2.1, v2.2 and v3 documents), mixed in one folder of repositories, with their
//! quirks: a team spelled four ways, owners given as addresses, channels and Compass ARIs,
//! services without owner, a service two tools give two owners, scaffolding templates.

use crate::harness::TestBook;
use crate::import::{builds_clean, charter_table, fresh, path_str};
use serde_json::Value;

/// The fixture's repositories, copied outside any git work tree: a charter's `reviewed`
/// comes from git, and this repository's history is no test's business.
fn services() -> (TestBook, String) {
    let source = TestBook::fixture("service-catalogs");
    let path = path_str(source.root());
    (source, path)
}

fn owns(book: &TestBook, rel: &str) -> Vec<String> {
    let (table, _) = charter_table(book, rel);
    table["owns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// Who owns each service, as the built site's team data answers it.
fn owner_of(book: &TestBook) -> std::collections::BTreeMap<String, String> {
    let v: Value = serde_json::from_str(&book.output_file("api/teams.json")).unwrap();
    let mut out = std::collections::BTreeMap::new();
    for t in v["teams"].as_array().unwrap() {
        for item in t["owns"].as_array().into_iter().flatten() {
            out.insert(
                item.as_str().unwrap().to_owned(),
                t["slug"].as_str().unwrap().to_owned(),
            );
        }
    }
    out
}

/// Every owning team is one charter, however the files spell it (`payments`, `Payments`,
/// `team-payments`, `payments-team`, an address `payments-team@…`; `boarding`,
/// `boarding_team`; `Harbour Ops` and the channel `#harbour-ops`; the GitHub team
/// `tidewater/timetables` and the list `timetables@…`), and owns its services; a team the
/// handbook has already (the sample's `platform`) is kept as it is, with what to add. What
/// cannot be mapped is a note with its file and line; templates are skipped; the build
/// that follows has no error, no contested ownership, and a re-run writes nothing.
#[test]
fn services_import_makes_one_charter_per_team_whatever_the_spelling() {
    let (_source, services) = services();
    let book = fresh(false);
    let run = book.run(&["import", "services", &services]);
    run.success()
        .stderr_has("Imported 4 charters (4 teams, 0 groups) with 12 owned services from 22 files (7 OpsLevel, 5 Cortex, 4 Compass, 6 Datadog)")
        .stderr_has("; 1 team was a charter already and is kept as it is")
        .stderr_has("; 3 services name no owner")
        .stderr_has("; 4 services are owned by an address, a channel or an id that is no team's")
        // Unowned services, each at its line: a library, a commented-out team, an empty owner.
        .stderr_has("date-utils/compass.yml:1: Compass date-utils (LIBRARY) names no owner")
        .stderr_has("deploy-bot/service.datadog.yaml:3: Datadog service deploy-bot names no owner")
        .stderr_has("log-shipper/opslevel.yml:4: OpsLevel service log-shipper names no owner")
        // Owners that are no team: a person's address, Compass ARIs (one note per ARI).
        .stderr_has("harbour-cams/cortex.yaml:5: owned by lena.varga@tidewater.example, an address that is no team's; not mapped: \"harbour-cams\"")
        .stderr_has("crew-roster/compass.yml:6: owned by ari:cloud:identity::team/3f9c2d41-7e2a-4c55-b0c4-5d1e8a6f7b90, an Atlassian team's id, which no file names; not mapped: \"crew-roster\", \"shift-swap\"")
        .stderr_has("`--owner 'ari:cloud:identity::team/3f9c2d41-7e2a-4c55-b0c4-5d1e8a6f7b90=SLUG'`")
        // Two tools, two owners for one service: the first file's stays, the other is named.
        .stderr_has("seat-map/service.datadog.yaml:2: service seat-map is also in ")
        .stderr_has("owned by boarding there; this file says timetables: left with boarding")
        .stderr_has("edge-proxy/service.datadog.yaml:16: Datadog also names harbour-ops as an owner of edge-config")
        .stderr_has("team platform is already in the handbook as content/teams/engineering/platform.md; kept as it is; the files also give it: \"edge-proxy\", \"edge-proxy-canary\", \"edge-config\"")
        .stderr_has("skipped: ")
        .stderr_has("templates/go-service/opslevel.yml: a scaffolding template (`name: {{ .Name }}` at line 4)")
        .stderr_has("templates/go-service/service.datadog.yaml: a scaffolding template")
        .stderr_has("templates/py-service/cortex.yaml: a scaffolding template")
        .stderr_has("1 Backstage catalog file (the first: ")
        .stderr_lacks("error");
    assert_eq!(
        owns(&book, "content/teams/payments.md"),
        ["fare-rules", "Refund Worker", "ticket-api"]
    );
    assert_eq!(
        owns(&book, "content/teams/boarding.md"),
        [
            "boarding-pass-pdf",
            "Check-in Kiosk",
            "Gate Scanner",
            "seat-map"
        ]
    );
    assert_eq!(
        owns(&book, "content/teams/harbour-ops.md"),
        ["status-page", "weather-alerts"]
    );
    assert_eq!(
        owns(&book, "content/teams/timetables.md"),
        ["Cargo Manifest", "Sailing Schedule", "tide-feed"]
    );
    let (payments, body) = charter_table(&book, "content/teams/payments.md");
    assert_eq!(payments["name"].as_str(), Some("Payments"));
    assert_eq!(payments["kind"].as_str(), Some("team"));
    assert_eq!(
        payments["contact"]["email"].as_str(),
        Some("payments-team@tidewater.example")
    );
    assert!(
        body.contains("- ticket-api: OpsLevel (`ticket-api/opslevel.yml`)"),
        "{body}"
    );
    for spelling in [
        "`payments`",
        "`Payments`",
        "`team-payments`",
        "`payments-team`",
    ] {
        assert!(body.contains(spelling), "{spelling}: {body}");
    }
    let (timetables, _) = charter_table(&book, "content/teams/timetables.md");
    assert_eq!(timetables["name"].as_str(), Some("Timetables"));
    let codeowners = timetables["codeowners"].as_array().unwrap();
    assert_eq!(codeowners[0].as_str(), Some("@tidewater/timetables"));
    assert!(!book.root().join("content/teams/team-payments.md").exists());
    assert!(!book.root().join("content/teams/platform.md").exists());

    builds_clean(&book);
    book.build().success().stderr_lacks("contested-ownership");
    let owners = owner_of(&book);
    for (service, team) in [
        ("ticket-api", "payments"),
        ("Refund Worker", "payments"),
        ("seat-map", "boarding"),
        ("weather-alerts", "harbour-ops"),
        ("tide-feed", "timetables"),
    ] {
        assert_eq!(
            owners.get(service).map(String::as_str),
            Some(team),
            "{service}"
        );
    }

    book.run(&["import", "services", &services])
        .success()
        .stderr_has("Nothing new to import: the 22 services");
}

/// `--owner NAME=SLUG` names the team of an owner no file names: a Compass ARI becomes a
/// new team's services, and an address a charter's. A slug that is not one is refused
/// before anything is read; `--parent` puts the teams under a charter of the handbook.
#[test]
fn owner_option_names_the_team_of_an_ari_and_parent_places_the_teams() {
    let (_source, services) = services();
    let book = fresh(true);
    book.run(&[
        "import",
        "services",
        &services,
        "--owner",
        "ari:cloud:identity::team/3f9c2d41-7e2a-4c55-b0c4-5d1e8a6f7b90=Crew Team",
    ])
    .failure(1)
    .stderr_has("`Crew Team` is no charter's slug or name, nor a slug for a new one");
    assert!(!book.root().join("content/teams/payments.md").exists());

    book.run(&[
        "import",
        "services",
        &services,
        "--parent",
        "engineering",
        "--owner",
        "ari:cloud:identity::team/3f9c2d41-7e2a-4c55-b0c4-5d1e8a6f7b90=crew",
        "--owner",
        "lena.varga@tidewater.example=harbour-ops",
    ])
    .success()
    .stderr_has("Imported 6 charters (6 teams, 0 groups) with 18 owned services")
    .stderr_lacks("lena.varga@tidewater.example, an address");
    assert_eq!(
        owns(&book, "content/teams/engineering/crew.md"),
        ["crew-roster", "shift-swap"]
    );
    let (crew, _) = charter_table(&book, "content/teams/engineering/crew.md");
    assert_eq!(crew["parent"].as_str(), Some("engineering"));
    assert_eq!(
        owns(&book, "content/teams/engineering/harbour-ops.md"),
        ["harbour-cams", "status-page", "weather-alerts"]
    );
    // With no sample `platform`, Datadog's platform team is a new charter.
    assert_eq!(
        owns(&book, "content/teams/engineering/platform.md"),
        ["edge-proxy", "edge-proxy-canary", "edge-config"]
    );
    builds_clean(&book);
}

/// A catalog file that is not YAML (and not a template) stops the import with its line
/// and column, and nothing is written.
#[test]
fn a_service_file_that_is_not_yaml_imports_nothing() {
    let source = tempfile::tempdir().unwrap();
    crate::harness::write_under(
        source.path(),
        "quay/opslevel.yml",
        "version: 1\nservice:\n  name: quay\n  owner: [boarding\n",
    );
    crate::harness::write_under(
        source.path(),
        "gate/service.datadog.yaml",
        "schema-version: v2.2\ndd-service: gate\nteam: boarding\n",
    );
    let book = fresh(true);
    book.run(&["import", "services", &path_str(source.path())])
        .failure(1)
        .stderr_has("quay/opslevel.yml:")
        .stderr_has("not valid YAML")
        .stderr_has("Nothing imported: 1 problem above");
    assert!(!book.root().join("content/teams/boarding.md").exists());
    // A folder without any of the four files says which names it looks for.
    let empty = tempfile::tempdir().unwrap();
    book.run(&["import", "services", &path_str(empty.path())])
        .failure(1)
        .stderr_has("opslevel.yml, cortex.yaml, compass.yml and service.datadog.yaml");
}

/// `import backstage` on a folder of these repositories no longer says "it has no `kind`"
/// of every file: it names them once, and the command that reads them.
#[test]
fn backstage_import_names_the_services_import_for_other_catalogs() {
    let (_source, services) = services();
    let book = fresh(true);
    book.run(&["import", "backstage", &services])
        .success()
        .stderr_lacks("it has no `kind`")
        .stderr_lacks("service entit")
        .stderr_has("25 files are other tools' service catalogs (8 OpsLevel, 6 Cortex, 4 Compass, 7 Datadog), not Backstage entities: `orgbook import services` reads them")
        .stderr_has("loyalty-points/catalog-info.yaml:1: owned by group:payments");
    let help = book.run(&["import", "services", "--help"]);
    help.success();
    for needle in [
        "opslevel.yml",
        "cortex.yaml",
        "compass.yml",
        "service.datadog.yaml",
        "--owner",
        "team-payments",
    ] {
        assert!(help.stdout.contains(needle), "{needle}:\n{}", help.stdout);
    }
}

/// An owner with no letter or digit in it (`owner: "???"`, a placeholder someone left)
/// names no team: a note at its line, not a charter without a name to its file.
#[test]
fn an_owner_without_a_letter_is_no_team() {
    let source = tempfile::tempdir().unwrap();
    crate::harness::write_under(
        source.path(),
        "quay/opslevel.yml",
        "version: 1\nservice:\n  name: quay\n  owner: \"???\"\n",
    );
    let book = fresh(true);
    book.run(&["import", "services", &path_str(source.path())])
        .success()
        .stderr_has("quay/opslevel.yml:4: owned by ???, which names no team; not mapped: \"quay\"")
        .stderr_has("Nothing new to import");
    assert!(!book.root().join("content/teams/.md").exists());
}

/// A team's `reviewed` is the last git change of the files that name it (in a clone of the
/// repositories, or a monorepo of them), so a team nobody has touched in years is stale on
/// the health page from the first build; a file git does not track gives no date.
#[test]
fn a_teams_reviewed_date_is_the_last_change_of_its_files() {
    let (source, services) = services();
    let repo = source.root();
    let git = |args: &[&str]| crate::import::git(repo, args, "2025-03-04T10:00:00Z");
    git(&["init", "-q"]);
    git(&["add", "ticket-api", "gate-scanner"]);
    git(&["commit", "-q", "-m", "catalogs"]);
    let book = fresh(true);
    book.run(&["import", "services", &services])
        .success()
        .stderr_has("; 3 charters have no `reviewed` date");
    let (payments, _) = charter_table(&book, "content/teams/payments.md");
    assert_eq!(payments["reviewed"].to_string(), "2025-03-04");
    let (boarding, _) = charter_table(&book, "content/teams/boarding.md");
    assert_eq!(boarding["reviewed"].to_string(), "2025-03-04");
    let (timetables, _) = charter_table(&book, "content/teams/timetables.md");
    assert!(timetables.get("reviewed").is_none(), "{timetables:?}");
}

/// `orgbook init` in a folder of repositories (or in one service's repository) names
/// their catalog files and the command that reads them, as it names a `sigs.yaml`.
#[test]
fn init_names_the_service_files_and_the_import_that_reads_them() {
    let (source, _) = services();
    let run = crate::harness::run_in(source.root(), &["init", "."]);
    run.success()
        .stderr_has(". holds 22 service catalog files for OpsLevel, Cortex, Compass or Datadog")
        .stderr_has("`orgbook import services .` writes a charter per owning team");
    let repo = tempfile::tempdir().unwrap();
    crate::harness::write_under(
        repo.path(),
        "service.datadog.yaml",
        "schema-version: v2.2\ndd-service: quay\nteam: boarding\n",
    );
    crate::harness::run_in(repo.path(), &["init", "."])
        .success()
        .stderr_has("service.datadog.yaml names the team that owns the repository's service")
        .stderr_has("`orgbook import services service.datadog.yaml` writes its charter");
}
