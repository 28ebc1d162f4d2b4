//! Exports for other tools (issue #6): the JSON API under `api/`, checked against its
//! published schema (docs/api.schema.json), and `orgbook export backstage`, checked against
//! the required fields and naming rules of Backstage's descriptor format.

use crate::harness::*;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};

const API_FILES: [(&str, &str); 3] = [
    ("api/teams.json", "teamsFile"),
    ("api/decisions.json", "decisionsFile"),
    ("api/ownership.json", "ownershipFile"),
];

fn schema() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(repo_root().join("docs/api.schema.json")).unwrap(),
    )
    .unwrap()
}

/// A validator for one file of the API: the published schema, pointed at one definition.
pub(crate) fn validator(definition: &str) -> jsonschema::Validator {
    let mut schema = schema();
    let root = schema.as_object_mut().unwrap();
    root.remove("oneOf");
    root.insert("$ref".into(), json!(format!("#/$defs/{definition}")));
    jsonschema::validator_for(&schema).expect("docs/api.schema.json compiles")
}

#[track_caller]
pub(crate) fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what} does not match docs/api.schema.json:\n{}",
        errors.join("\n")
    );
}

fn json_file(book: &TestBook, rel: &str) -> Value {
    serde_json::from_str(&book.output_file(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn api_files_match_the_documented_schema() {
    let whole = jsonschema::validator_for(&schema()).unwrap();
    for book in [
        TestBook::bundled(),
        TestBook::fixture("export/people"),
        TestBook::fixture("workflow/numbering"),
    ] {
        book.build().success();
        for (rel, definition) in API_FILES {
            let value = json_file(&book, rel);
            assert_valid(&validator(definition), &value, rel);
            // The root schema accepts each file as exactly one of the three.
            assert_valid(&whole, &value, rel);
            // Every `url` is a page of this site.
            let key = definition.trim_end_matches("File");
            for record in value[key].as_array().unwrap() {
                let url = record["url"].as_str().unwrap();
                assert!(
                    book.out().join(url).is_file(),
                    "{rel}: {url} is not in the site"
                );
            }
        }
        // References between the files resolve.
        let teams = json_file(&book, "api/teams.json");
        let decisions = json_file(&book, "api/decisions.json");
        let slugs: BTreeSet<&str> = teams["teams"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["slug"].as_str().unwrap())
            .collect();
        let numbers: BTreeSet<u64> = decisions["decisions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["number"].as_u64().unwrap())
            .collect();
        for t in teams["teams"].as_array().unwrap() {
            for child in t["children"].as_array().unwrap() {
                assert!(slugs.contains(child.as_str().unwrap()), "{child}");
            }
            for n in t["decisions"].as_array().unwrap() {
                assert!(numbers.contains(&n.as_u64().unwrap()), "{n}");
            }
        }
        for d in decisions["decisions"].as_array().unwrap() {
            assert!(slugs.contains(d["team"].as_str().unwrap()));
            for n in d["supersedes"]
                .as_array()
                .unwrap()
                .iter()
                .chain(d["superseded_by"].as_array().unwrap())
            {
                assert!(numbers.contains(&n.as_u64().unwrap()), "{n}");
            }
        }
        for o in json_file(&book, "api/ownership.json")["ownership"]
            .as_array()
            .unwrap()
        {
            assert!(slugs.contains(o["team"].as_str().unwrap()));
        }
    }
}

#[test]
fn the_schema_rejects_what_it_should() {
    // Guards against a schema so loose that the test above proves nothing.
    let book = TestBook::fixture("export/people");
    book.build().success();
    let decisions = validator("decisionsFile");
    let good = json_file(&book, "api/decisions.json");
    assert!(decisions.is_valid(&good));
    let mut missing_status = good.clone();
    missing_status["decisions"][0]
        .as_object_mut()
        .unwrap()
        .remove("status");
    let mut bad_date = good.clone();
    bad_date["decisions"][0]["date"] = json!("1 April 2026");
    let mut absolute_url = good.clone();
    absolute_url["decisions"][0]["url"] = json!("/decisions/0003-adopt-dbt.html");
    let mut unknown_field = good;
    unknown_field["decisions"][0]["owner"] = json!("data");
    for bad in [missing_status, bad_date, absolute_url, unknown_field] {
        assert!(!decisions.is_valid(&bad), "accepted {bad}");
    }
    let teams = json_file(&book, "api/teams.json");
    assert!(
        !decisions.is_valid(&teams),
        "a teams file passed as decisions"
    );
}

#[test]
fn api_files_carry_the_handbook_sorted_and_deterministic() {
    let book = TestBook::fixture("export/people");
    book.build().success();
    let teams = json_file(&book, "api/teams.json");
    assert_eq!(teams["version"], 1);
    assert_eq!(
        teams["site"],
        json!({"title": "Ålborg Tech Handbook", "base_url": "https://handbook.example.com/"})
    );
    let slugs: Vec<&str> = teams["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["data", "data-platform", "data_platform", "support"]);
    let data = &teams["teams"][0];
    assert_eq!(data["kind"], "group");
    assert_eq!(data["parent"], Value::Null);
    // Children are sorted by name: "Data Platform" before "Data Platform (legacy)".
    assert_eq!(data["children"], json!(["data_platform", "data-platform"]));
    assert_eq!(
        data["contact"],
        json!({"chat": "#data", "email": "data@example.com"})
    );
    let platform = &teams["teams"][2];
    assert_eq!(platform["parent"], "data");
    assert_eq!(platform["lead"], "José Díaz");
    assert_eq!(
        platform["metrics"],
        json!([{"name": "Days to add a source", "target": "2", "current": "9"}])
    );
    assert_eq!(platform["decisions"], json!([3]));
    assert_eq!(platform["url"], "teams/data_platform.html");

    let decisions = json_file(&book, "api/decisions.json");
    assert_eq!(
        decisions["decisions"][0],
        json!({
            "number": 3,
            "title": "Adopt dbt for transformations",
            "status": "superseded",
            "type": 2,
            "date": "2026-04-01",
            "decided": "2026-04-10",
            "team": "data_platform",
            "deciders": ["José Díaz"],
            "authors": [],
            "supersedes": [],
            "superseded_by": [9],
            "tags": ["data"],
            "revisit": "2027-04-01",
            "url": "decisions/0003-adopt-dbt.html"
        })
    );
    assert_eq!(decisions["decisions"][1]["supersedes"], json!([3]));

    let ownership = json_file(&book, "api/ownership.json");
    let items: Vec<&str> = ownership["ownership"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["item"].as_str().unwrap())
        .collect();
    assert_eq!(
        items,
        [
            "Data warehouse",
            "event bus",
            "Ingestion pipelines",
            "Legacy reports"
        ]
    );

    // Byte-identical on a rebuild.
    let before: Vec<String> = API_FILES
        .iter()
        .map(|(rel, _)| book.output_file(rel))
        .collect();
    book.build().success();
    let after: Vec<String> = API_FILES
        .iter()
        .map(|(rel, _)| book.output_file(rel))
        .collect();
    assert_eq!(before, after);
}

/// Backstage's default rule for `metadata.name`: 1–63 characters, sequences of
/// `[a-zA-Z0-9]` separated by one of `-`, `_`, `.` (written independently of the code
/// under test).
fn is_backstage_name(name: &str) -> bool {
    (1..=63).contains(&name.len())
        && name
            .split(['-', '_', '.'])
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Parses a multi-document YAML stream into JSON values.
fn yaml_documents(yaml: &str) -> Vec<Value> {
    yaml_serde::Deserializer::from_str(yaml)
        .map(|doc| serde_json::to_value(yaml_serde::Value::deserialize(doc).unwrap()).unwrap())
        .collect()
}

fn strings(v: &Value) -> Vec<&str> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap_or_else(|| panic!("not a string: {s}")))
        .collect()
}

/// Checks every entity against the descriptor format's required fields for its kind, and
/// every reference between them; returns the entities by (kind, name).
#[track_caller]
fn check_backstage(entities: &[Value]) -> BTreeMap<(String, String), Value> {
    let mut by_name = BTreeMap::new();
    for e in entities {
        assert_eq!(e["apiVersion"], "backstage.io/v1alpha1", "{e}");
        let kind = e["kind"].as_str().unwrap_or_else(|| panic!("no kind: {e}"));
        let name = e["metadata"]["name"]
            .as_str()
            .unwrap_or_else(|| panic!("no metadata.name: {e}"));
        assert!(is_backstage_name(name), "invalid metadata.name {name:?}");
        assert!(e["spec"].is_object(), "no spec: {e}");
        match kind {
            "Group" => {
                let ty = e["spec"]["type"]
                    .as_str()
                    .unwrap_or_else(|| panic!("Group without spec.type: {e}"));
                assert!(!ty.is_empty());
                strings(&e["spec"]["children"]);
                strings(&e["spec"]["members"]);
                if !e["spec"]["parent"].is_null() {
                    assert!(!e["spec"]["parent"].as_str().unwrap().is_empty());
                }
                assert!(
                    !e["spec"]["profile"]["displayName"]
                        .as_str()
                        .unwrap()
                        .is_empty()
                );
            }
            "User" => {
                strings(&e["spec"]["memberOf"]);
            }
            "Location" => {}
            "Component" => {
                assert!(!e["spec"]["owner"].as_str().unwrap().is_empty(), "{e}");
            }
            other => panic!("unexpected kind {other}"),
        }
        // Names are unique per kind, case-insensitively.
        let key = (kind.to_string(), name.to_lowercase());
        assert!(
            by_name.insert(key, e.clone()).is_none(),
            "duplicate {kind} {name}"
        );
    }
    let group = |n: &str| by_name.get(&("Group".to_string(), n.to_lowercase()));
    let user = |n: &str| by_name.get(&("User".to_string(), n.to_lowercase()));
    for ((kind, name), e) in &by_name {
        if kind == "Group" {
            if let Some(parent) = e["spec"]["parent"].as_str() {
                let p =
                    group(parent).unwrap_or_else(|| panic!("{name}: parent {parent} is no Group"));
                assert!(
                    strings(&p["spec"]["children"]).contains(&name.as_str()),
                    "{parent} does not list {name}"
                );
            }
            for child in strings(&e["spec"]["children"]) {
                let c = group(child).unwrap_or_else(|| panic!("{name}: child {child} is no Group"));
                assert_eq!(c["spec"]["parent"].as_str(), Some(name.as_str()));
            }
            for member in strings(&e["spec"]["members"]) {
                let u =
                    user(member).unwrap_or_else(|| panic!("{name}: member {member} is no User"));
                assert!(
                    strings(&u["spec"]["memberOf"]).contains(&name.as_str()),
                    "{member} not memberOf {name}"
                );
            }
        }
        if kind == "User" {
            for g in strings(&e["spec"]["memberOf"]) {
                let g = group(g).unwrap_or_else(|| panic!("{name}: memberOf {g} is no Group"));
                assert!(strings(&g["spec"]["members"]).contains(&name.as_str()));
            }
        }
    }
    by_name
}

#[test]
fn backstage_export_meets_the_descriptor_format() {
    let book = TestBook::fixture("basic");
    book.write(
        "orgbook.toml",
        "title = \"Test Org\"\nbase_url = \"https://handbook.example.org/\"\n",
    );
    let run = book.run(&["export", "backstage"]);
    run.success();
    let entities = yaml_documents(&run.stdout);
    let by_name = check_backstage(&entities);
    let groups = by_name.keys().filter(|(k, _)| k == "Group").count();
    let teams = files_under(&book.root().join("content/teams")).len();
    assert_eq!(groups, teams, "one Group per charter");
    // The hierarchy comes across: a team's parent, a group's children and type.
    let api = &by_name[&("Group".to_string(), "api".to_string())];
    assert_eq!(api["spec"]["type"], "team");
    assert_eq!(api["spec"]["parent"], "eng");
    assert_eq!(
        api["metadata"]["links"][0]["url"],
        "https://handbook.example.org/teams/api.html"
    );
    let eng = &by_name[&("Group".to_string(), "eng".to_string())];
    let mut children = strings(&eng["spec"]["children"]);
    children.sort();
    assert_eq!(children, ["api", "web"]);
    let zoe = &by_name[&("User".to_string(), "zoe-muller".to_string())];
    assert_eq!(zoe["spec"]["profile"]["displayName"], "Zoë Müller");
    assert_eq!(strings(&zoe["spec"]["memberOf"]), ["api"]);
}

#[test]
fn backstage_export_maps_awkward_names_uniquely() {
    let book = TestBook::fixture("export/people");
    let run = book.run(&["export", "backstage"]);
    let by_name = check_backstage(&yaml_documents(&run.success().stdout));
    let names: Vec<(&str, &str)> = by_name
        .keys()
        .map(|(k, n)| (k.as_str(), n.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("Component", "data-warehouse"),
            ("Component", "event-bus"),
            ("Component", "ingestion-pipelines"),
            ("Component", "legacy-reports"),
            ("Group", "data"),
            ("Group", "data-platform"),
            ("Group", "data-platform-2"),
            ("Group", "support"),
            ("User", "erin-ej-o-neil"),
            ("User", "jose-diaz"),
            ("User", "jose-diaz-2"),
            ("User", "mei-ling-chen"),
            ("User", "soren-aero"),
        ]
    );
    // `data-platform` sorts before `data_platform`, so it keeps the plain name.
    let legacy = &by_name[&("Group".to_string(), "data-platform".to_string())];
    assert_eq!(legacy["metadata"]["title"], "Data Platform (legacy)");
    let data = &by_name[&("Group".to_string(), "data".to_string())];
    assert_eq!(data["spec"]["type"], "group");
    assert_eq!(data["spec"]["profile"]["email"], "data@example.com");
    // The lead is a member of the group they lead even when not listed in members.
    assert_eq!(strings(&data["spec"]["members"]), ["soren-aero"]);
    let mei = &by_name[&("User".to_string(), "mei-ling-chen".to_string())];
    assert_eq!(
        strings(&mei["spec"]["memberOf"]),
        ["data-platform", "data-platform-2"]
    );
    let support = &by_name[&("Group".to_string(), "support".to_string())];
    assert_eq!(
        (
            support["spec"]["children"].clone(),
            support["spec"]["members"].clone()
        ),
        (json!([]), json!([]))
    );
}

#[test]
fn backstage_export_to_a_folder_writes_a_location_and_its_targets() {
    let book = TestBook::fixture("export/people");
    let stdout = book.run(&["export", "backstage"]).success().stdout.clone();
    let run = book.run(&["export", "backstage", "--output", "catalog"]);
    run.success().stderr_has("register");
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        [
            "catalog/catalog-info.yaml",
            "catalog/groups.yaml",
            "catalog/users.yaml",
            "catalog/components.yaml"
        ]
    );
    let dir = book.root().join("catalog");
    let location = yaml_documents(&std::fs::read_to_string(dir.join("catalog-info.yaml")).unwrap());
    assert_eq!(location.len(), 1);
    check_backstage(&location);
    assert_eq!(location[0]["kind"], "Location");
    let mut from_files = Vec::new();
    for target in strings(&location[0]["spec"]["targets"]) {
        let path = dir.join(target);
        from_files.extend(yaml_documents(&std::fs::read_to_string(&path).unwrap()));
    }
    // The files hold exactly what the stdout export holds.
    assert_eq!(from_files, yaml_documents(&stdout));
    check_backstage(&from_files);
    // Exports are generated files: running again replaces them with the same bytes.
    let before = std::fs::read_to_string(dir.join("groups.yaml")).unwrap();
    book.run(&["export", "backstage", "--output", "catalog"])
        .success();
    assert_eq!(
        std::fs::read_to_string(dir.join("groups.yaml")).unwrap(),
        before
    );
}

#[test]
fn backstage_export_refuses_a_handbook_with_errors() {
    let book = TestBook::fixture("export/people");
    book.edit(
        "content/teams/data/data-platform.md",
        "parent = \"data\"",
        "parent = \"dta\"",
    );
    let run = book.run(&["export", "backstage"]);
    run.failure(1).stderr_has("Export refused");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

/// `--all-findings` belongs to the commands that print org health findings; `export`
/// prints none, so the flag is refused there instead of silently doing nothing.
#[test]
fn export_refuses_the_findings_flag_it_would_ignore() {
    let book = TestBook::fixture("export/people");
    book.run(&["export", "backstage", "--all-findings"])
        .failure(2)
        .stderr_has("--all-findings");
    book.run(&["check", "--all-findings"]).success();
}

/// A handbook whose teams carry every field a Team API has a place for, with names that
/// need quoting in YAML and escaping in a Markdown table.
fn team_api_book() -> TestBook {
    let book = crate::import::fresh(true);
    book.write(
        "content/teams/commerce.md",
        "+++\nname = \"Commerce\"\nkind = \"group\"\nproblem = \"Shoppers abandon carts.\"\n+++\n",
    )
    .write(
        "content/teams/commerce/payments.md",
        r##"+++
name = "Payments"
parent = "commerce"
problem = "Card payments fail too often in some markets."
topology = "stream-aligned"
lead = "Ama Owusu"
members = ["Ama Owusu", "Jonas Berg", "Li Wei"]
owns = ["payments-api", "Ledger: refunds (v2)"]
reviewed = 2026-10-02

[contact]
chat = "#payments"
email = "payments@example.org"

[[metrics]]
name = "Authorisation rate"
target = "97 %"
current = "94.5 %"

[[interactions]]
team = "checkout"
mode = "x-as-a-service"
about = "Card payments | refunds"
+++

## How we work

We take requests in the channel.
"##,
    )
    .write(
        "content/teams/commerce/checkout.md",
        "+++\nname = \"Checkout: \\\"fast\\\" & #safe\"\nparent = \"commerce\"\nproblem = \"Checkout takes too\\nmany steps.\"\ntopology = \"enabling\"\nmembers = [\"Sam Roe\"]\n\n[[metrics]]\nname = \"Steps to pay\"\ntarget = \"3\"\n\n[[interactions]]\nteam = \"payments\"\nmode = \"facilitating\"\n+++\n",
    );
    book
}

fn front_matter(text: &str) -> Value {
    let rest = text
        .strip_prefix("---\n")
        .expect("front matter opens the file");
    let (yaml, _) = rest.split_once("\n---\n").expect("front matter closes");
    serde_json::to_value(yaml_serde::from_str::<yaml_serde::Value>(yaml).unwrap()).unwrap()
}

/// `orgbook export team-api` writes one document per team (not per group) in the shape
/// the Team API tools read, and `orgbook import team-api` reads it back into the same
/// charters: name, problem, type, group, ownership, people, contact, metrics with their
/// targets, interactions and review date.
#[test]
fn team_api_export_writes_each_team_and_imports_back_into_the_same_charters() {
    let book = team_api_book();
    book.run(&["export", "team-api", "--output", "team-apis"])
        .success()
        .stderr_has("Exported 2 teams as Team API documents");
    let files = files_under(&book.root().join("team-apis"));
    assert_eq!(
        files.iter().map(String::as_str).collect::<Vec<_>>(),
        ["checkout.md", "payments.md"],
        "one document per team, none for the group"
    );
    let payments = book.read("team-apis/payments.md");
    let fm = front_matter(&payments);
    assert_eq!(fm["team_id"], "payments");
    assert_eq!(fm["name"], "Payments");
    assert_eq!(fm["team_type"], "stream-aligned");
    assert_eq!(fm["platform_grouping"], "Commerce");
    assert_eq!(fm["last_updated"], "2026-10-02");
    assert_eq!(fm["metadata"]["size"], 3);
    // A name YAML must quote stays the name; a `|` stays inside its cell.
    let checkout = book.read("team-apis/checkout.md");
    assert_eq!(
        front_matter(&checkout)["name"],
        "Checkout: \"fast\" & #safe"
    );
    assert!(
        payments.contains(
            "| Checkout: \"fast\" & #safe | X-as-a-Service | Card payments \\| refunds |"
        ),
        "{payments}"
    );
    // Deterministic: a second export gives the same bytes.
    book.run(&["export", "team-api", "--output", "team-apis"])
        .success();
    assert_eq!(book.read("team-apis/payments.md"), payments);

    // Back into a new handbook.
    let other = crate::import::fresh(true);
    other
        .run(&[
            "import",
            "team-api",
            book.root().join("team-apis").to_str().unwrap(),
        ])
        .success()
        // `metadata.size` counts the Team Members list: nothing to note.
        .stderr_lacks("metadata.size");
    let (p, _) = crate::import::charter_table(&other, "content/teams/commerce/payments.md");
    assert_eq!(p["name"].as_str(), Some("Payments"));
    assert_eq!(p["parent"].as_str(), Some("commerce"));
    assert_eq!(
        p["problem"].as_str(),
        Some("Card payments fail too often in some markets.")
    );
    assert_eq!(p["topology"].as_str(), Some("stream-aligned"));
    assert_eq!(p["lead"].as_str(), Some("Ama Owusu"));
    assert_eq!(
        strings(&serde_json::to_value(&p["members"]).unwrap()),
        ["Ama Owusu", "Jonas Berg", "Li Wei"]
    );
    assert_eq!(
        strings(&serde_json::to_value(&p["owns"]).unwrap()),
        ["payments-api", "Ledger: refunds (v2)"]
    );
    assert_eq!(p["reviewed"].to_string(), "2026-10-02");
    assert_eq!(p["contact"]["chat"].as_str(), Some("#payments"));
    assert_eq!(p["contact"]["email"].as_str(), Some("payments@example.org"));
    let metric = &p["metrics"][0];
    assert_eq!(metric["name"].as_str(), Some("Authorisation rate"));
    assert_eq!(metric["current"].as_str(), Some("94.5 %"));
    assert_eq!(metric["target"].as_str(), Some("97 %"));
    let interaction = &p["interactions"][0];
    assert_eq!(interaction["team"].as_str(), Some("checkout"));
    assert_eq!(interaction["mode"].as_str(), Some("x-as-a-service"));
    assert_eq!(
        interaction["about"].as_str(),
        Some("Card payments | refunds")
    );
    let (c, _) = crate::import::charter_table(&other, "content/teams/commerce/checkout.md");
    assert_eq!(c["name"].as_str(), Some("Checkout: \"fast\" & #safe"));
    assert_eq!(c["topology"].as_str(), Some("enabling"));
    assert_eq!(c["metrics"][0]["target"].as_str(), Some("3"));
    assert_eq!(c["interactions"][0]["mode"].as_str(), Some("facilitating"));
    // And the imported handbook builds.
    other.build().success();
}

/// The export never replaces a file it did not write, writes nothing when it would, and
/// removes only its own documents of teams that left; it refuses a folder inside content/.
#[test]
fn team_api_export_replaces_only_its_own_files() {
    let book = team_api_book();
    let hand_written = "# Payments\n\n* Team name and focus: kept by hand\n";
    book.write("team-apis/payments.md", hand_written)
        .write("team-apis/notes.md", "Notes about our teams.\n");
    book.run(&["export", "team-api", "--output", "team-apis"])
        .failure(1)
        .stderr_has("team-apis/payments.md exists and was not written by `orgbook export team-api`; not replaced");
    assert_eq!(book.read("team-apis/payments.md"), hand_written);
    assert!(
        !book.root().join("team-apis/checkout.md").exists(),
        "all or nothing: nothing written when one file is refused"
    );

    book.remove("team-apis/payments.md");
    book.run(&["export", "team-api", "--output", "team-apis"])
        .success();
    // A team leaves: its document goes, the user's notes stay.
    book.remove("content/teams/commerce/checkout.md");
    book.edit("content/teams/commerce/payments.md", "[[interactions]]\nteam = \"checkout\"\nmode = \"x-as-a-service\"\nabout = \"Card payments | refunds\"\n", "");
    book.run(&["export", "team-api", "--output", "team-apis"])
        .success()
        .stderr_has("removed 1 of a team no longer in the handbook");
    let files = files_under(&book.root().join("team-apis"));
    assert_eq!(
        files.iter().map(String::as_str).collect::<Vec<_>>(),
        ["notes.md", "payments.md"]
    );

    book.run(&["export", "team-api", "--output", "content/team-apis"])
        .failure(2)
        .stderr_has("is inside the handbook's content folder");
    assert!(!book.root().join("content/team-apis").exists());
}

/// `revisits.ics`: an all-day event on each accepted decision's revisit date, read back
/// with an independent iCalendar parser; titles with the format's special characters and
/// long non-ASCII lines survive escaping and folding; decisions not in force are left out.
#[test]
fn revisit_calendar_holds_each_accepted_decisions_revisit_date() {
    use icalendar::{Calendar, Component, DatePerhapsTime};
    let book = TestBook::fixture("export/people");
    book.write(
        "content/decisions/0010-cache-reports.md",
        "+++\ntitle = 'Cache reports; keep \"fresh\", or not \\ sometimes'\nstatus = \"accepted\"\ntype = 2\ndate = 2026-06-01\ndecided = 2026-06-03\nteam = \"data_platform\"\nrevisit = 2026-12-15\n+++\n\nBody.\n",
    )
    .write(
        "content/decisions/0011-one-warehouse.md",
        &format!(
            "+++\ntitle = \"{}\"\nstatus = \"accepted\"\ntype = 1\ndate = 2026-07-01\ndecided = 2026-07-09\nteam = \"data\"\ndeciders = [\"Søren Ærø\"]\nrevisit = 2027-01-10\n+++\n\nBody.\n",
            "Ét entrepôt de données pour toute l’organisation, avec des règles claires d’accès"
        ),
    )
    .write(
        "content/decisions/0012-maybe.md",
        "+++\ntitle = \"Maybe later\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-08-01\nteam = \"data\"\nrevisit = 2027-02-01\n+++\n",
    );
    book.build().success();
    let raw = book.output_file("revisits.ics");
    assert!(raw.ends_with("END:VCALENDAR\r\n"), "{raw}");
    for line in raw.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n'), "{line:?}");
    }
    let calendar: Calendar = raw.parse().expect("an iCalendar file");
    let events: Vec<_> = calendar.events().collect();
    let summaries: Vec<&str> = events.iter().filter_map(|e| e.get_summary()).collect();
    assert_eq!(
        summaries,
        [
            "Revisit decision 10: Cache reports; keep \"fresh\", or not \\ sometimes",
            "Revisit decision 11: Ét entrepôt de données pour toute l’organisation, avec des règles claires d’accès",
        ],
        "accepted decisions with a revisit date, by date; the superseded 3 and proposed 12 left out"
    );
    let day = |e: &icalendar::Event| match e.get_start() {
        Some(DatePerhapsTime::Date(d)) => d.to_string(),
        other => panic!("not an all-day event: {other:?}"),
    };
    assert_eq!(day(events[0]), "2026-12-15");
    assert_eq!(day(events[1]), "2027-01-10");
    assert_eq!(
        events[0].get_url(),
        Some("https://handbook.example.com/decisions/0010-cache-reports.html")
    );
    assert_eq!(
        events[0].get_uid(),
        Some("decision-10-revisit@handbook.example.com")
    );
    assert!(
        events[1]
            .get_description()
            .is_some_and(|d| d
                .starts_with("Data made this Type 1 (irreversible) decision, decided 2026-07-09")),
        "{:?}",
        events[1].get_description()
    );
    // The same handbook, the same bytes; and the decisions index links the calendar.
    book.build().success();
    assert_eq!(book.output_file("revisits.ics"), raw);
    assert!(
        hrefs(&book.html("decisions/index.html"), "main a")
            .contains(&"../revisits.ics".to_string())
    );
}
