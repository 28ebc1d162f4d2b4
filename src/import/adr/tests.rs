use super::super::{import_dir, reconcile, to_orgbook_file};
use super::*;
use jiff::civil::date;
use std::path::PathBuf;

fn opts() -> ImportOptions {
    ImportOptions {
        git_dates: false,
        ..ImportOptions::new("platform", 2, date(2026, 3, 1))
    }
}

fn fixture_dir(format: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(format)
}

fn import(format: &str) -> Vec<ImportedDecision> {
    let c = import_dir(&fixture_dir(format), &opts()).unwrap();
    assert!(c.errors.is_empty(), "{:?}", c.errors);
    c.decisions
}

fn parse(name: &str, text: &str) -> ImportedDecision {
    parse_adr(name, text, &opts()).unwrap()
}

/// What the written file says, read back with the toml crate.
struct RoundTrip {
    title: String,
    status: String,
    date: String,
    decided: Option<String>,
    supersedes: Vec<i64>,
    deciders: Vec<String>,
    body: String,
}

fn round_trip(d: &ImportedDecision) -> RoundTrip {
    let file = to_orgbook_file(d, &opts());
    let rest = file.strip_prefix("+++\n").expect("opens with +++");
    let (fm, body) = rest.split_once("\n+++\n").expect("closes with +++");
    let t: toml::Table = toml::from_str(fm).unwrap_or_else(|e| panic!("{e}\n{fm}"));
    let date = |k: &str| {
        t.get(k)
            .map(|v| v.as_datetime().expect("a TOML date").to_string())
    };
    let strings = |k: &str| -> Vec<String> {
        t.get(k).map_or(vec![], |v| {
            v.as_array()
                .unwrap()
                .iter()
                .map(|s| s.as_str().unwrap().to_owned())
                .collect()
        })
    };
    assert_eq!(t["team"].as_str(), Some("platform"));
    assert_eq!(t["type"].as_integer(), Some(2));
    RoundTrip {
        title: t["title"].as_str().unwrap().to_owned(),
        status: t["status"].as_str().unwrap().to_owned(),
        date: date("date").unwrap(),
        decided: date("decided"),
        supersedes: t.get("supersedes").map_or(vec![], |v| {
            v.as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_integer().unwrap())
                .collect()
        }),
        deciders: strings("deciders"),
        body: body.to_owned(),
    }
}

#[test]
fn nygard_fixtures_import_and_round_trip() {
    let ds = import("nygard");
    let names: Vec<_> = ds.iter().map(|d| d.file_name()).collect();
    assert_eq!(
        names,
        [
            "0001-record-architecture-decisions.md",
            "0002-use-postgresql-for-persistence.md",
            "0003-move-to-aurora-postgresql.md",
            "0004-split-read-models-into-dynamodb.md",
        ]
    );
    let expect = [
        // number, title, status, date, decided, supersedes
        (
            1,
            "Record architecture decisions",
            "accepted",
            "2019-02-04",
            Some("2019-02-04"),
            vec![],
        ),
        (
            2,
            "Use PostgreSQL for persistence",
            "superseded",
            "2019-02-11",
            Some("2019-02-11"),
            vec![],
        ),
        // 3 never said it supersedes 2; reconcile takes it from 2's "Superseded by".
        (
            3,
            "Move to Aurora PostgreSQL",
            "superseded",
            "2020-09-12",
            Some("2020-09-12"),
            vec![2],
        ),
        (
            4,
            "Split read models into DynamoDB",
            "accepted",
            "2024-03-14",
            Some("2024-03-14"),
            vec![3],
        ),
    ];
    for (d, (number, title, status, date, decided, supersedes)) in ds.iter().zip(expect) {
        assert_eq!(d.number, number);
        let rt = round_trip(d);
        assert_eq!(rt.title, title, "{}", d.source);
        assert_eq!(rt.status, status, "{}", d.source);
        assert_eq!(rt.date, date, "{}", d.source);
        assert_eq!(rt.decided.as_deref(), decided, "{}", d.source);
        assert_eq!(rt.supersedes, supersedes, "{}", d.source);
        assert!(rt.deciders.is_empty());
        assert!(
            !rt.body.contains("## Status") && !rt.body.contains("Date:"),
            "{}",
            rt.body
        );
        assert!(
            rt.body.starts_with("\n## Context\n"),
            "{}: {:?}",
            d.source,
            rt.body
        );
    }
    assert_eq!(ds[1].superseded_by, vec![3]);
    assert_eq!(ds[2].superseded_by, vec![4]);

    // The code block's `# the projector…` is not a heading and stays.
    assert!(ds[3].body.contains("```sh\n# the projector is deployed"));
    assert!(
        ds[3]
            .body
            .contains("[the Aurora decision](0003-move-to-aurora-postgresql.md#decision)")
    );

    let notes = |i: usize| ds[i].unmapped.join("\n");
    assert!(notes(0).contains(
        "0001-record-architecture-decisions.md:3: date `04/02/2019` read as day/month/year"
    ));
    assert!(
        notes(2).contains("added 2 to supersedes, because 0002-use-postgresql-for-persistence.md")
    );
    // "Amended by" is kept in the body; its target is not in the folder, so
    // its text stays without the link.
    assert!(
        ds[3]
            .body
            .ends_with("## Related decisions\n\n- Amended by 5. Cache read models in Redis\n"),
        "{}",
        ds[3].body
    );
    assert!(ds[1].unmapped.is_empty(), "{:?}", ds[1].unmapped);
}

/// An image the source links under a typo'd name (JabRef's `assets/ass0040-….png`):
/// named in the report with the file the folder has, its link left as its text, so
/// the first build does not fail on it.
#[test]
fn a_missing_image_is_named_with_the_file_the_folder_has() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("assets")).unwrap();
    std::fs::write(dir.path().join("assets/0040-placement.png"), b"png").unwrap();
    std::fs::write(
        dir.path().join("0040-cover.md"),
        "# Show the cover\n\n* Status: accepted\n* Date: 2024-05-01\n\n![Placement](assets/ass0040-placement.png)\n",
    )
    .unwrap();
    let results = import_dir(dir.path(), &opts()).unwrap();
    let d = &results.decisions[0];
    assert!(!d.body.contains("ass0040"), "{}", d.body);
    assert!(
        results.repository_links.iter().any(|n| n.contains(
            "links to `assets/ass0040-placement.png`, which does not exist in the source (the folder has `0040-placement.png`"
        )),
        "{:?}",
        results.repository_links
    );
}

/// A Hugo docs site's ADR folder (ownCloud's) has a section page, `_index.md`, with a
/// title and a date in its front matter: it is the folder's page, not a record.
#[test]
fn a_hugo_section_page_is_not_a_record() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("_index.md"),
        "---\ntitle: \"Architecture Decisions\"\ndate: 2020-03-01T00:00:00+00:00\nweight: 10\n---\n\nThe decisions of the project.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("0001-use-grpc.md"),
        "---\ntitle: \"1. Use gRPC\"\ndate: 2020-03-02\n---\n\n* Status: accepted\n\n## Context\n\nServices talk.\n",
    )
    .unwrap();
    let results = import_dir(dir.path(), &opts()).unwrap();
    let skipped: Vec<&str> = results.skipped.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(skipped, ["_index.md"]);
    let imported: Vec<&str> = results
        .decisions
        .iter()
        .map(|d| d.source.as_str())
        .collect();
    assert_eq!(imported, ["0001-use-grpc.md"]);
}

#[test]
fn madr_fixtures_import_and_round_trip() {
    let results = import_dir(&fixture_dir("madr"), &opts()).unwrap();
    let files: Vec<_> = results
        .decisions
        .iter()
        .map(|d| d.source.as_str())
        .collect();
    let skipped: Vec<_> = results.skipped.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(skipped, ["README.md", "adr-template.md"]);
    assert_eq!(
        files,
        [
            "0001-use-markdown-architectural-decision-records.md",
            "0002-use-rabbitmq-for-payment-events.md",
            "0003-use-quorum-queues.md",
            "0004-use-kafka-for-payment-events.md",
        ],
        "README.md and adr-template.md are skipped"
    );
    let ds = import("madr");
    let expect = [
        (
            1,
            "Use Markdown Architectural Decision Records",
            "accepted",
            "2021-05-04",
            vec![],
            vec!["Alice Jones", "Bob Smith"],
        ),
        // 2 still says accepted; 4 says it supersedes 2.
        (
            2,
            "Use RabbitMQ for payment events",
            "superseded",
            "2021-06-10",
            vec![],
            vec!["Alice Jones", "Carol White", "Dan Brown"],
        ),
        (
            3,
            "Use quorum queues for payment events",
            "superseded",
            "2022-01-20",
            vec![],
            vec!["Carol White", "Dan Brown"],
        ),
        // 4 only says it supersedes 2; 3's front matter adds 3.
        (
            4,
            "Use Kafka for payment events",
            "accepted",
            "2024-03-14",
            vec![2, 3],
            vec!["Carol White", "Erin \"EJ\" O'Neil"],
        ),
    ];
    for (d, (number, title, status, date, supersedes, deciders)) in ds.iter().zip(expect) {
        assert_eq!(d.number, number);
        let rt = round_trip(d);
        assert_eq!(rt.title, title, "{}", d.source);
        assert_eq!(rt.status, status, "{}", d.source);
        assert_eq!(rt.date, date, "{}", d.source);
        assert_eq!(rt.decided.as_deref(), Some(date), "{}", d.source);
        assert_eq!(rt.supersedes, supersedes, "{}", d.source);
        assert_eq!(rt.deciders, deciders, "{}", d.source);
        assert!(
            !rt.body.contains("Status:") && !rt.body.contains("---"),
            "{}",
            rt.body
        );
    }
    assert_eq!(
        ds[0].body.lines().next(),
        Some("Technical Story: PAY-112 <!-- optional -->")
    );
    // Who was consulted and informed: kept, at the top.
    assert!(
        ds[3].body.starts_with("- consulted: SRE guild, Data platform team\n- informed: all engineering\n\n## Context and Problem Statement\n"),
        "{}",
        ds[3].body
    );
    assert!(
        ds[3]
            .body
            .contains("[ADR-0003](0003-use-quorum-queues-for-payment-events.md#decision-outcome)")
    );
    assert!(
        ds[3]
            .body
            .contains("* Supersedes [ADR-0002](0002-use-rabbitmq-for-payment-events.md)")
    );

    let notes = |i: usize| ds[i].unmapped.join("\n");
    assert!(notes(1).contains("status changed from accepted to superseded, because decision 4"));
    // Who was consulted stays in the body, as written.
    assert!(
        ds[2].body.contains("consulted: SRE guild"),
        "{}",
        ds[2].body
    );
    assert!(!notes(2).contains("consulted"), "{}", notes(2));
    assert!(
        ds[3]
            .body
            .contains("consulted: SRE guild, Data platform team"),
        "{}",
        ds[3].body
    );
    assert!(notes(3).contains("added 3 to supersedes"));
    assert!(ds[0].unmapped.is_empty(), "{:?}", ds[0].unmapped);
}

#[test]
fn adr_style_file_name_and_title_number() {
    let d = parse(
        "adr-007.md",
        "# ADR-007: Use \"Postgres\" for orders\n\n**Status:** Proposed\n**Date:** March 14, 2024\n\n## Context\n\nx\n",
    );
    assert_eq!((d.number, d.slug.as_str()), (7, "use-postgres-for-orders"));
    assert_eq!(d.title, "Use \"Postgres\" for orders");
    assert_eq!(d.status, "proposed");
    assert_eq!(d.date, date(2024, 3, 14));
    assert_eq!(d.decided, None);
    assert_eq!(d.body, "## Context\n\nx\n");
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    assert_eq!(round_trip(&d).title, "Use \"Postgres\" for orders");

    let d = parse(
        "use-postgres.md",
        "# 12. Use Postgres\n\nDate: 2024-03-14\n\n## Status\n\naccepted\n",
    );
    assert_eq!(
        (d.number, d.slug.as_str(), d.status.as_str()),
        (12, "use-postgres", "accepted")
    );
    assert_eq!(d.body, "");

    let d = parse("0008-x.md", "# 9. Title\n\nDate: 2024-03-14\n");
    assert_eq!(d.number, 8);
    assert!(
        d.unmapped
            .iter()
            .any(|n| n.starts_with("0008-x.md:1: the title says 9"))
    );
}

#[test]
fn an_rfc_is_titled_from_its_file_name_and_dated_by_its_start_date() {
    let d = parse(
        "0042-edge-cache.md",
        "- Feature Name: `edge_cache`\n- Start Date: 2020-07-20\n- RFC PR: [#42](https://x.example/42)\n\n# Summary\n\nCache.\n\n# Design\n\n## Keys\n\nBy route.\n",
    );
    assert_eq!(d.title, "Edge Cache");
    assert_eq!(d.date, date(2020, 7, 20));
    assert_eq!(d.number, 42);
    assert_eq!(
        d.body,
        "- Feature Name: `edge_cache`\n- RFC PR: [#42](https://x.example/42)\n\n## Summary\n\nCache.\n\n## Design\n\n### Keys\n\nBy route.\n"
    );
    assert_eq!(
        d.unmapped,
        [
            "0042-edge-cache.md:5: `# Summary` is a section, not a title; the title is made from the file name",
            "0042-edge-cache.md: no status found; imported as proposed (records without a status that were decided: `--status accepted`)"
        ]
    );
    // A record with a real title keeps its sections as they are.
    let d = parse(
        "0007-x.md",
        "# 7. Use X\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n",
    );
    assert_eq!(
        (d.title.as_str(), d.body.as_str()),
        ("Use X", "## Context\n\nWhy.\n")
    );
    // A hand-made record with `#` sections under its title: moved down one level.
    let d = parse(
        "0008-y.md",
        "# 8. Use Y\n\nStatus: accepted\n\n# Context\n\nWhy.\n",
    );
    assert_eq!(
        (d.title.as_str(), d.body.as_str()),
        ("Use Y", "## Context\n\nWhy.\n")
    );
}

#[test]
fn html_comments_hold_no_metadata_and_a_template_is_named_as_one() {
    // A template whose instructions, in a comment, show an example record.
    let text = "<!--\nCopy this file. Example:\n\n# 99. Believe in ghosts\n\nDate: 2001-01-01\n-->\n\n# 0. Template\n\nDate: <!-- today -->\n\n## Status\n\nPending\n\n## Context\n\nWhy.\n";
    let d = parse("0000-TEMPLATE.md", text);
    assert_eq!(
        d.template.as_deref(),
        Some("its title `0. Template` names a template")
    );
    assert_eq!(d.title, "Template");
    // The comment stays whole in the body: nothing was taken out of it.
    assert!(
        d.body
            .contains("# 99. Believe in ghosts\n\nDate: 2001-01-01\n-->"),
        "{}",
        d.body
    );
    // A title that merely ends in the word is a record.
    let d = parse(
        "0004-adopt-a-template-engine.md",
        "# 4. Adopt a template\n\nStatus: accepted\n",
    );
    assert_eq!(d.template, None);
}

#[test]
fn metadata_in_the_records_language() {
    let d = parse(
        "0002-x.md",
        "# 2. Utiliser Kafka\n\n* **statut**: \"accepté\"\n* **date**: \"2025-06-26\"\n* décisionnaires : CTO, Léa Martin\n\n## Contexte\n\nPourquoi.\n",
    );
    assert_eq!(d.status, "accepted");
    assert_eq!(d.date.to_string(), "2025-06-26");
    assert_eq!(d.deciders, ["CTO", "Léa Martin"]);
    assert!(!d.body.contains("statut"), "{}", d.body);
    let d = parse(
        "0003-y.md",
        "# 3. Y\n\n## Status\n\nErsetzt durch [ADR 7](0007-z.md)\n",
    );
    assert_eq!(d.status, "superseded");
    assert_eq!(d.superseded_by, [7]);
}

/// A KEP of the one-file layout (before `kep.yaml`): its front matter read as a
/// kep.yaml is, and its table of contents left out with its heading.
#[test]
fn a_one_file_kep_reads_its_front_matter_as_a_kep_yaml() {
    let d = parse(
        "0009-node-lease.md",
        "---\ntitle: Node Lease\nkep-number: 9\nauthors:\n  - \"@wojtek-t\"\nowning-sig: sig-node\napprovers:\n  - \"@dchen1107\"\ncreation-date: 2018-04-19\nstatus: implemented\n---\n\n# Node Lease\n\n## Table of Contents\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n\nHeartbeats are costly.\n",
    );
    assert_eq!(d.title, "Node Lease");
    assert_eq!(d.status, "accepted");
    assert_eq!(d.date.to_string(), "2018-04-19");
    assert_eq!(d.deciders, ["dchen1107"]);
    assert_eq!(d.tags, ["sig-node"]);
    assert!(d.body.starts_with("## Summary\n"), "{}", d.body);
    let notes = d.unmapped.join("\n");
    // Its authors are the record's (round 24); the rest has no place.
    assert_eq!(d.authors, ["wojtek-t"]);
    assert!(!notes.contains("no place for them: authors"), "{notes}");
    assert!(!notes.contains("creation-date"), "{notes}");
}

#[test]
fn superseded_by_something_that_is_no_record_is_kept() {
    let d = parse(
        "0002-x.md",
        "# 2. X\n\n## Status\n\nSuperseded by [the pull request that moved it](https://example.com/pull/3620)\n",
    );
    assert_eq!(d.status, "superseded");
    assert_eq!(
        d.related,
        ["Superseded by [the pull request that moved it](https://example.com/pull/3620)"]
    );
}

#[test]
fn an_unfilled_date_makes_a_template_only_without_a_status() {
    let template = parse(
        "0000-template.md",
        "- Start Date: (fill me in with today's date, YYYY-MM-DD)\n\n# Summary\n\nOne paragraph.\n",
    );
    assert_eq!(
        template.template.as_deref(),
        Some("its date is an unfilled template value")
    );
    // A real record whose author forgot its date is a record.
    let forgot = parse(
        "0003-z.md",
        "# 3. Use Z\n\nDate: YYYY-MM-DD\n\n## Status\n\nAccepted\n",
    );
    assert_eq!(forgot.template, None);
    assert_eq!(forgot.status, "accepted");
}

/// MADR 4 records often have no status (it is optional there): one that names its
/// chosen option was decided. The template's placeholder option decides nothing.
#[test]
fn a_y_statement_titles_only_a_record_without_a_title_of_its_own() {
    let text = "* Status: accepted\n\nIn the context of the API, we decided for gRPC.\n";
    assert_eq!(parse("0007-api.md", text).title, "Choose gRPC");
    // Underlined with `=`: the author's title.
    let setext = format!("API protocol\n============\n\n{text}");
    let d = parse("0007-api.md", &setext);
    assert_eq!(d.title, "API protocol");
    assert!(
        !d.body.contains("API protocol") && !d.body.contains("==="),
        "{}",
        d.body
    );
    assert!(
        d.body.contains("## Decision\n\nWe decided for gRPC.\n"),
        "{}",
        d.body
    );
    // In code, it is an example.
    let code =
        "# Use gRPC\n\n* Status: accepted\n\n```\nIn the context of x, we decided for y.\n```\n";
    assert!(!parse("0008-x.md", code).body.contains("## Decision"));
}

#[test]
fn a_chosen_option_without_a_status_is_accepted() {
    let d = parse(
        "0044-use-picocli.md",
        "---\nparent: Decision Records\nnav_order: 44\n---\n# Use picocli for the command line\n\n## Decision Outcome\n\nChosen option: \"Use picocli\", because it is maintained.\n",
    );
    assert_eq!(d.status, "accepted");
    assert!(
        d.unmapped.iter().any(|n| n
            .contains(":9: no status; its chosen option (\"Use picocli\") says it was decided")),
        "{:?}",
        d.unmapped
    );
    let t = parse(
        "0045-x.md",
        "# Use X\n\n## Decision Outcome\n\nChosen option: \"{title of option 1}\", because {justification}.\n",
    );
    assert_eq!(t.status, "proposed");
    // In code, it is an example.
    let c = parse(
        "0046-y.md",
        "# Use Y\n\n```\nChosen option: \"Use Y\"\n```\n",
    );
    assert_eq!(c.status, "proposed");
    // Wrapped by a tool that put a word on each line.
    let w = parse(
        "0047-use-a-template-engine.md",
        "# Use a template engine\n\n## Decision Outcome\n\nChosen\noption: \"\nMustache\nTemplates\",\nbecause it has no logic.\n",
    );
    assert_eq!(w.status, "accepted");
    assert!(
        w.unmapped
            .iter()
            .any(|n| n.contains(":5: no status; its chosen option (\"Mustache Templates\")")),
        "{:?}",
        w.unmapped
    );
}

/// A status that is only a "superseded by" link is a status: the chosen option of the
/// record it replaced is history, not a reason to call it accepted.
#[test]
fn a_superseded_by_line_is_a_status_beside_a_chosen_option() {
    let d = parse(
        "0004-logs.md",
        "# Ship logs with Fluentd\n\n- Status: superseded by [0005-ship-logs-with-vector](0005-ship-logs-with-vector.md)\n- Date: 2021-02-03\n\n## Decision Outcome\n\nChosen option: \"Fluentd\", because the team knows it.\n",
    );
    assert_eq!(d.status, "superseded");
    assert_eq!(d.superseded_by, [5]);
    assert!(
        !d.unmapped.iter().any(|n| n.contains("no status")),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn front_matter_links_without_a_key_stay_in_the_body() {
    let d = parse(
        "0005-x.md",
        "---\nstatus: accepted\ndate: 2024-01-02\ndiscussion: https://x.example/d/5\nprs:\n  accepted: https://x.example/pr/5\n  draft: not a link\nconsulted: Ann\n---\n\n# X\n\nBody.\n",
    );
    assert_eq!(
        d.body,
        "- discussion: <https://x.example/d/5>\n- prs (accepted): <https://x.example/pr/5>\n- consulted: Ann\n\nBody.\n"
    );
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    // A docs theme's own addresses are the site's, not the record's.
    let d = parse(
        "0006-y.md",
        "---\nstatus: accepted\ndate: 2024-01-02\ngeekdocRepo: https://github.com/o/r\ncustom_edit_url: https://github.com/o/r/edit/x\n---\n\n# Y\n\nBody.\n",
    );
    assert_eq!(d.body, "Body.\n");
    assert_eq!(d.unmapped.len(), 2, "{:?}", d.unmapped);
}

#[test]
fn series_prefixes_leave_the_title() {
    for (title, number, rest) in [
        (
            "KEP-3960: Introducing Sleep",
            Some(3960),
            "Introducing Sleep",
        ),
        ("SE-0001: Allow keywords", Some(1), "Allow keywords"),
        (
            "RFC 430: Naming conventions",
            Some(430),
            "Naming conventions",
        ),
        ("PEP 8 - Style Guide", Some(8), "Style Guide"),
        ("ADR 7 Use X", Some(7), "Use X"),
        // A title that names a standard keeps it.
        (
            "RFC 2119 keywords in specs",
            None,
            "RFC 2119 keywords in specs",
        ),
        ("Secure 2 things", None, "Secure 2 things"),
    ] {
        assert_eq!(
            split_title_number(title),
            (number, rest.to_owned()),
            "{title}"
        );
    }
}

#[test]
fn a_tool_kept_table_of_contents_is_left_out() {
    let d = parse(
        "0004-x.md",
        "# 4. X\n\nStatus: accepted\n\n<!-- toc -->\n- [Why](#why)\n<!-- /toc -->\n\n## Why\n\n```md\n<!-- toc -->\n```\n\n<!-- TOC -->\nnot closed\n",
    );
    assert_eq!(
        d.body,
        "## Why\n\n```md\n<!-- toc -->\n```\n\n<!-- TOC -->\nnot closed\n"
    );
}

#[test]
fn an_underlined_table_of_contents_heading_goes_with_it() {
    for heading in ["Table of contents\n-----------------", "Contents\n========"] {
        let d = parse(
            "0004-x.md",
            &format!(
                "4: X\n====\n\nStatus\n------\n\nAccepted\n\n{heading}\n\n<!-- toc -->\n- [Why](#why)\n<!-- tocstop -->\n\nWhy\n---\n\nBecause.\n"
            ),
        );
        assert_eq!(d.body, "Why\n---\n\nBecause.\n", "{heading}");
    }
    // A paragraph "Contents" over a rule after a blank line is no heading, and stays.
    let d = parse(
        "0004-x.md",
        "# 4. X\n\nStatus: accepted\n\nContents\n\n---\n\n<!-- toc -->\n- [Why](#why)\n<!-- /toc -->\n\n## Why\n",
    );
    assert_eq!(d.body, "Contents\n\n---\n\n## Why\n");
}

#[test]
fn ember_stages_map_to_statuses() {
    for (stage, status) in [
        ("exploring", "proposed"),
        ("accepted", "accepted"),
        ("ready-for-release", "accepted"),
        ("released", "accepted"),
        ("recommended", "accepted"),
        ("discontinued", "deprecated"),
    ] {
        let d = parse(
            "0012-x.md",
            &format!("---\nstage: {stage}\nstart-date: 2018-01-08T00:00:00.000Z\n---\n\n# X\n"),
        );
        assert_eq!((stage, d.status.as_str()), (stage, status));
        assert_eq!(d.date, date(2018, 1, 8));
    }
}

#[test]
fn status_words_are_case_insensitive_and_synonyms_are_reported() {
    for (text, status) in [
        ("ACCEPTED", "accepted"),
        ("rejected", "rejected"),
        ("Deprecated", "deprecated"),
        ("proposed", "proposed"),
        ("Superseded", "superseded"),
        (
            "Superceded by [2. Second Record](0002-second-record.md)",
            "superseded",
        ),
        ("Approved", "accepted"),
        ("Draft", "proposed"),
    ] {
        let d = parse(
            "0001-a.md",
            &format!("# 1. A\n\nDate: 2024-03-14\n\n## Status\n\n{text}\n"),
        );
        assert_eq!(d.status, status, "{text}");
    }
    let d = parse(
        "0001-a.md",
        "# 1. A\n\nDate: 2024-03-14\n\n## Status\n\nApproved\n",
    );
    assert_eq!(
        d.unmapped,
        ["0001-a.md:7: status `Approved` imported as accepted"]
    );
}

/// Some authors date a record under its status: that line is the date.
#[test]
fn a_date_line_in_the_status_section_is_the_date() {
    let d = parse(
        "0012-retire-the-cron-box.md",
        "# 12. Retire the cron box\n\n## Status\n\nSuperseded by ADR-0031\n\nDate: 2019-08-20\n\n## Context\n\nIt is old.\n",
    );
    assert_eq!(d.status, "superseded");
    assert_eq!(d.superseded_by, [31]);
    assert_eq!(d.date, date(2019, 8, 20));
    assert_eq!(d.dated, Dated::Record);
    assert!(
        !d.unmapped.iter().any(|n| n.contains("Date:")),
        "{:?}",
        d.unmapped
    );
    assert_eq!(d.body, "## Context\n\nIt is old.\n");
}

#[test]
fn sections_written_as_bold_paragraphs() {
    let d = parse(
        "use-x.md",
        "**Title**\n\nUse X\n\n**Date**\n\n2024-03-14\n\n**Status**\n\nAccepted\n\n**Context**\n\nC.\n\n**Status**\n\nRejected\n",
    );
    assert_eq!(d.title, "Use X");
    assert_eq!(d.status, "accepted");
    assert_eq!(d.date, date(2024, 3, 14));
    // Only the first status label is the status section; a second stays as written.
    assert_eq!(d.body.trim(), "**Context**\n\nC.\n\n**Status**\n\nRejected");
    // A `## Status` heading wins: bold labels are read only without one.
    let d = parse(
        "0002-y.md",
        "# 2. Y\n\n## Status\n\nAccepted\n\n## Notes\n\n**Status**\n\nRejected\n",
    );
    assert_eq!(d.status, "accepted");
    assert!(d.body.contains("**Status**\n\nRejected"), "{}", d.body);
    // Bold text inside a paragraph, or a label in code, is no section.
    let d = parse(
        "0003-z.md",
        "# 3. Z\n\n* Status: proposed\n\n## Context\n\nSee **Status**\nbelow.\n\n```\n**Status**\n\nAccepted\n```\n",
    );
    assert_eq!(d.status, "proposed");
    // VA.gov's decision records are numbered `DR 5:`; a title starting with the
    // letters is no number.
    assert_eq!(
        title_number("DR 5: Which removals?"),
        (TitleNumber::Number(5), "Which removals?".to_owned())
    );
    assert_eq!(title_number("Drop 5 services").0, TitleNumber::None);
}

#[test]
fn adrflow_numbers_histories_and_link_words() {
    // The number and a bare space are the record's number only when the file name
    // says so: "12 factor apps" in `use-12-factor.md` keeps its words.
    let d = parse(
        "2-Create_ADR_Object.md",
        "# 2 Create ADR Object\n\n## Status\n\nProposed 2017-07-08\n",
    );
    assert_eq!(
        (d.title.as_str(), d.source_number),
        ("Create ADR Object", Some(2))
    );
    let d = parse("use-12-factor.md", "# 12 factor apps\n\nStatus: accepted\n");
    assert_eq!(d.title, "12 factor apps");
    let d = parse("3-x.md", "# 12 factor apps\n\nStatus: accepted\n");
    assert_eq!(d.title, "12 factor apps");
    // A dated history: written when proposed, decided when accepted, no note.
    let d = parse(
        "7-Defining_Customizations.md",
        "# 7 Defining Customizations\n\n## Status\n\nProposed 2017-12-28\n  \nAccepted 2017-12-30\n\ngeneralized_by [9](9-x.md)\n\nmentions [6](6-y.md)\n",
    );
    assert_eq!(
        (d.date, d.decided),
        (date(2017, 12, 28), Some(date(2017, 12, 30)))
    );
    assert_eq!(
        d.related,
        ["generalized_by [9](9-x.md)", "mentions [6](6-y.md)"]
    );
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    // Undated, the earlier word is still named: it may be the template's leftover.
    let d = parse(
        "0008-z.md",
        "# 8. Z\n\nDate: 2024-01-01\n\n## Status\n\nProposed\n\nAccepted\n",
    );
    assert!(
        d.unmapped
            .iter()
            .any(|n| n.contains("earlier status proposed dropped")),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn prose_in_the_status_section_stays_under_its_heading() {
    let d = parse(
        "0013-x.md",
        "# 13. X\n\nDate: 2024-03-14\n\n## Status\n\nSuperseded by [14](0014-y.md).\n\nKept rather than deleted:\nit is why we asked twice.\n\nShelved\n\n## Context\n\nC.\n",
    );
    assert_eq!(d.status, "superseded");
    assert_eq!(d.superseded_by, [14]);
    assert_eq!(
        d.body.trim(),
        "## Status\n\nKept rather than deleted:\nit is why we asked twice.\n\n## Context\n\nC."
    );
    // A word that is no status is still named, not kept: it was meant as the status.
    assert!(
        d.unmapped
            .iter()
            .any(|n| n.ends_with(":12: status `Shelved` has no orgbook equivalent; dropped")),
        "{:?}",
        d.unmapped
    );
    assert!(
        d.unmapped
            .iter()
            .any(|n| n.ends_with(":9: the status section's prose is kept in the body")),
        "{:?}",
        d.unmapped
    );
    // Nothing kept: the section leaves the body whole, as before.
    let d = parse(
        "0014-y.md",
        "# 14. Y\n\n## Status\n\nAccepted\n\n## Context\n\nC.\n",
    );
    assert_eq!(d.body.trim(), "## Context\n\nC.");
}

#[test]
fn status_section_relations() {
    let d = parse(
        "0009-x.md",
        "# 9. X\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\nSupersedes [3. Three](0003-three.md), [4. Four,\nstill four](0004-four.md)\n\nSupersedes ADR-0005\n\nAmended by [10. Ten](0010-ten.md)\n\n## Context\n",
    );
    assert_eq!(d.status, "accepted");
    assert_eq!(d.supersedes, [3, 4, 5]);
    assert_eq!(d.supersedes_files, ["0003-three", "0004-four"]);
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    // Relations orgbook has no key for are kept, to go into the body.
    assert_eq!(d.related, ["Amended by [10. Ten](0010-ten.md)"]);

    // adr-tools left "Accepted" in place when this one was superseded.
    let d = parse(
        "0003-three.md",
        "# 3. Three\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\nSuperseded by [9](0009-x.md)\n",
    );
    assert_eq!(
        (d.status.as_str(), d.superseded_by.as_slice()),
        ("superseded", &[9][..])
    );
    assert_eq!(d.decided, Some(date(2024, 3, 14)));
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);

    // MADR 2 inline: "accepted, supersedes [ADR-3]".
    let d = parse(
        "0005-y.md",
        "# Y\n\n* Status: accepted, supersedes [ADR-3]\n* Date: 2024-03-14\n",
    );
    assert_eq!(
        (d.status.as_str(), d.supersedes.as_slice()),
        ("accepted", &[3][..])
    );

    // MADR 4 front matter superseded without a link.
    let d = parse(
        "0006-z.md",
        "---\nstatus: superseded by ADR-0123\ndate: 2024-03-14\n---\n# Z\n",
    );
    assert_eq!(
        (d.status.as_str(), d.superseded_by.as_slice()),
        ("superseded", &[123][..])
    );
}

#[test]
fn status_line_date_becomes_decided() {
    let d = parse(
        "0001-a.md",
        "# 1. A\n\nDate: 2024-01-02\n\n## Status\n\nAccepted on 2024-02-03\n",
    );
    assert_eq!(
        (d.date, d.decided),
        (date(2024, 1, 2), Some(date(2024, 2, 3)))
    );
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
}

/// A status written as a sentence maps by its first word, and the sentence, which
/// says more than the word, stays at the top of the body.
#[test]
fn a_status_sentence_is_mapped_and_kept() {
    let d = parse(
        "0007-css.md",
        "# 7. Pick a CSS framework\n\nDate: 2022-05-06\n\n## Status\n\nAgreed on Tailwind. We may look again when the design system lands.\n\n## Context\n\nWe need one.\n",
    );
    assert_eq!(d.status, "accepted");
    assert_eq!(
        d.body,
        "- Status as written: Agreed on Tailwind. We may look again when the design system lands.\n\n## Context\n\nWe need one.\n"
    );
    assert!(
        d.unmapped.iter().any(|n| n.starts_with("0007-css.md:7: `Agreed on Tailwind. We may look again when the design system lands`: only `Agreed` was mapped (as accepted); the sentence is kept")),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn missing_date_and_status_use_fallbacks_and_say_so() {
    let d = parse("0001-a.md", "# A\n\nSome text.\n");
    assert_eq!(
        (d.date, d.decided, d.status.as_str()),
        (date(2026, 3, 1), None, "proposed")
    );
    // import_dir decides between git and today, and reports it.
    assert_eq!(d.dated, Dated::Today);
    assert_eq!(
        d.unmapped,
        [
            "0001-a.md: no status found; imported as proposed (records without a status that were decided: `--status accepted`)"
        ]
    );
    let d = parse("0001-a.md", "# A\n\n* Status: accepted\n");
    assert_eq!(
        (d.date, d.decided),
        (date(2026, 3, 1), Some(date(2026, 3, 1)))
    );
}

#[test]
fn an_rfd_read_line_by_line_keeps_its_authors_unless_unfilled() {
    // A broken line makes the YAML unreadable; the rest is read line by line.
    let d = parse(
        "0007-use-x.md",
        "---\nauthors: [Ann, Bob]\nstate: published\nnote: {broken\n---\n\n# RFD 7 Use X\n\nBody.\n",
    );
    assert_eq!((d.title.as_str(), d.status.as_str()), ("Use X", "accepted"));
    assert_eq!(d.authors, ["Ann", "Bob"]);
    assert!(d.body.starts_with("Body."), "{}", d.body);
    let d = parse(
        "0008-use-y.md",
        "---\nauthors: { author1 } ({ email })\nstate: draft\ndiscussion: https://example.org/pr/8\n---\n\n# RFD 0008: Use Y\n",
    );
    assert_eq!((d.title.as_str(), d.status.as_str()), ("Use Y", "proposed"));
    assert!(!d.body.contains("author1"), "{}", d.body);
    assert!(
        d.body.contains("- discussion: <https://example.org/pr/8>"),
        "{}",
        d.body
    );
    assert!(
        d.unmapped
            .iter()
            .any(|n| n.contains("look like an unfilled template")),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn a_metadata_table_is_read_in_either_direction() {
    let header_row = parse(
        "adr004-pick-a-queue.md",
        "# ADR004: Pick a queue\n\n| Created    | Status   |\n| ---------- | -------- |\n| 2019-11-02 | Accepted |\n\n## Context\n\nWe need one.\n",
    );
    assert_eq!(
        (header_row.status.as_str(), header_row.date),
        ("accepted", date(2019, 11, 2))
    );
    assert_eq!(header_row.dated, Dated::Record);
    assert!(header_row.unmapped.is_empty(), "{:?}", header_row.unmapped);
    assert!(!header_row.body.contains('|'), "{}", header_row.body);

    let open = parse(
        "adr005-cache.md",
        "# ADR005: Cache\n\n| Created | Status |\n|---|---|\n| 2020-01-09 | Open |\n",
    );
    assert_eq!(open.status, "proposed");
    assert!(
        !open.unmapped.iter().any(|n| n.contains("no status found")),
        "{:?}",
        open.unmapped
    );

    let key_rows = parse(
        "0003-store-files.md",
        "# 3. Store files\n\n| Status | Accepted |\n|--------|----------|\n| Date   | 2022-06-30 |\n| Budget | 40k |\n\nIn a bucket.\n",
    );
    // `Budget` is no key of ours, so the table is not metadata and stays.
    assert_eq!(key_rows.status, "proposed");
    // An `Owner` row (an RFC template's, a DACI's `Driver`) is who wrote it: `authors`
    // (round 24), and the row leaves the body with the table.
    let owned = parse(
        "0003-store-files.md",
        "# 3. Store files\n\n| Status | Accepted |\n|--------|----------|\n| Owner | Platform |\n\nIn a bucket.\n",
    );
    assert_eq!(owned.status, "accepted");
    assert_eq!(owned.authors, ["Platform"]);
    assert_eq!(owned.body, "In a bucket.\n");
    let key_rows = parse(
        "0003-store-files.md",
        "# 3. Store files\n\n| Status | Accepted |\n|--------|----------|\n| Date   | 2022-06-30 |\n\nIn a bucket.\n",
    );
    assert_eq!(
        (key_rows.status.as_str(), key_rows.date),
        ("accepted", date(2022, 6, 30))
    );
    assert_eq!(key_rows.body, "In a bucket.\n");

    // Before the title, as Backstage's adr010 has it.
    let first = parse(
        "adr010-use-z.md",
        "| Created    | Status   |\n| ---------- | -------- |\n| 2021-01-16 | Accepted |\n\n# ADR010: Use Z\n\nWe use Z.\n",
    );
    assert_eq!(
        (first.status.as_str(), first.date, first.title.as_str()),
        ("accepted", date(2021, 1, 16), "Use Z")
    );
    assert!(!first.body.contains('|'), "{}", first.body);

    // A table of options in the body is prose.
    let prose = parse(
        "0004-x.md",
        "# 4. X\n\n* Status: accepted\n\n## Options\n\n| Option | Status |\n|---|---|\n| A | Accepted |\n",
    );
    assert!(prose.body.contains("| A | Accepted |"));
}

#[test]
fn a_linked_date_is_read_and_its_link_kept() {
    let d = parse(
        "0004-log-in-json.md",
        "# 4. Log in JSON\n\n* Status: accepted\n* Date: [2021-09-14](https://git.example/commit/abc123)\n\nWe log JSON.\n",
    );
    assert_eq!(d.date, date(2021, 9, 14));
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    assert!(
        d.body
            .starts_with("- Date: [2021-09-14](https://git.example/commit/abc123)\n"),
        "{}",
        d.body
    );
}

#[test]
fn notes_name_keys_as_written() {
    let d = parse(
        "0005-x.md",
        "---\ngeekdocRepo: https://git.example/docs\nNavOrder: 5\n---\n# 5. X\n\n* Status: accepted\n",
    );
    let notes = d.unmapped.join("\n");
    assert!(
        notes.contains("`geekdocRepo: https://git.example/docs` has no orgbook key"),
        "{notes}"
    );
    assert!(
        notes.contains("`NavOrder: 5` has no orgbook key"),
        "{notes}"
    );
}

#[test]
fn dates() {
    assert_eq!(parse_date("2024-03-14"), Some((date(2024, 3, 14), None)));
    assert_eq!(
        parse_date("2024-03-14T10:00:00Z"),
        Some((date(2024, 3, 14), None))
    );
    assert_eq!(
        parse_date("2024/03/14 (updated)"),
        Some((date(2024, 3, 14), None))
    );
    assert_eq!(parse_date("14/03/2024"), Some((date(2024, 3, 14), None)));
    assert_eq!(parse_date("03/14/2024"), Some((date(2024, 3, 14), None)));
    assert!(parse_date("04/02/2019").unwrap().1.is_some());
    assert_eq!(parse_date("14.03.2024"), Some((date(2024, 3, 14), None)));
    assert_eq!(parse_date("14 March 2024"), Some((date(2024, 3, 14), None)));
    assert_eq!(parse_date("Mar 14, 2024"), Some((date(2024, 3, 14), None)));
    assert_eq!(parse_date("2024-02-30"), None);
    // A month and a year: not March 20 of the year 24.
    let (d, note) = parse_date("March 2024").unwrap();
    assert_eq!(d, date(2024, 3, 1));
    assert!(note.unwrap().contains("first of the month"));
    assert_eq!(parse_date("Sept 2023").map(|p| p.0), Some(date(2023, 9, 1)));
    assert_eq!(parse_date("Marching 2024"), None);
    assert_eq!(parse_date("YYYY-MM-DD"), None);
    assert_eq!(
        parse_date("{YYYY-MM-DD when the decision was last updated}"),
        None
    );

    let d = parse(
        "0001-a.md",
        "# A\n\n* Status: accepted\n* Date: [YYYY-MM-DD]\n",
    );
    assert!(d.unmapped[0].contains("date `[YYYY-MM-DD]` looks like an unfilled template; ignored"));
}

#[test]
fn one_bad_line_never_rejects_a_record() {
    // No number anywhere: the record is read, and numbered by import_dir.
    let d = parse("notes.md", "# Just notes\n");
    assert_eq!((d.source_number, d.has_metadata), (None, false));

    // No heading: the title comes from the file name, and a note says so.
    let d = parse("0001-use-x.md", "Date: 2024-03-14\n\nNo heading.\n");
    assert_eq!(d.title, "Use X");
    assert!(
        d.unmapped[0].contains("no `# Title` heading"),
        "{:?}",
        d.unmapped
    );
    let e = parse_adr("0001.md", "No heading.\n", &opts()).unwrap_err();
    assert!(matches!(e, ImportError::NoTitle { .. }));

    // Front matter YAML cannot read: every readable line is still used.
    let d = parse(
        "0001-a.md",
        "---\nstatus: [unclosed\ntag:General\ndate: 2018-08-30\n---\n# A\n",
    );
    assert_eq!(d.tags, ["General"]);
    assert_eq!(d.date, date(2018, 8, 30));
    assert!(d.unmapped[0].starts_with("0001-a.md:"), "{:?}", d.unmapped);
    assert!(d.unmapped[0].contains("not valid YAML"), "{:?}", d.unmapped);

    // An unclosed block is read as Markdown.
    let d = parse("0001-a.md", "---\nstatus: accepted\n# A\n");
    assert_eq!(d.title, "A");
    assert!(
        d.unmapped[0].contains("no closing `---`"),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn front_matter_title_and_crlf() {
    let d = parse(
        "0002-b.md",
        "\u{feff}---\r\ntitle: From front matter\r\nstatus: Accepted\r\ndate: '2024-03-14'\r\ndeciders: [Ann]\r\ntags: [db, 'ops']\r\n---\r\n\r\n## Context\r\n\r\nText.\r\n",
    );
    assert_eq!(d.title, "From front matter");
    assert_eq!((d.status.as_str(), d.date), ("accepted", date(2024, 3, 14)));
    assert_eq!(d.deciders, ["Ann"]);
    assert_eq!(d.tags, ["db", "ops"]);
    assert_eq!(d.body, "## Context\n\nText.\n");
}

#[test]
fn placeholders_are_reported_not_mapped() {
    let d = parse(
        "0001-a.md",
        "# A\n\n* Status: [proposed | rejected | accepted | deprecated | … | superseded by [ADR-0005](0005-example.md)] <!-- optional -->\n* Deciders: [list everyone involved in the decision] <!-- optional -->\n* Date: 2024-03-14\n",
    );
    assert_eq!(d.status, "proposed");
    assert!(d.supersedes.is_empty() && d.superseded_by.is_empty() && d.deciders.is_empty());
    assert!(
        d.unmapped[0].contains("looks like an unfilled template"),
        "{:?}",
        d.unmapped
    );
    assert!(
        d.unmapped[1].contains("look like an unfilled template"),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn type_one_accepted_without_deciders_is_reported() {
    let opts = ImportOptions {
        decision_type: 1,
        ..opts()
    };
    let d = parse_adr(
        "0001-a.md",
        "# 1. A\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n",
        &opts,
    )
    .unwrap();
    assert!(d.unmapped[0].contains("requires `deciders`"));
}

#[test]
fn links_to_adr_style_names_are_fixed_by_reconcile() {
    let mut ds = vec![
        parse(
            "adr-001.md",
            "# ADR-001: Use Rust\n\n* Status: accepted\n* Date: 2024-03-14\n\nSee [next](adr-002.md#why) and [old](./1-use-rust.md).\n",
        ),
        parse(
            "adr-002.md",
            "# ADR-002: Use Tokio\n\n* Status: accepted\n* Date: 2024-03-15\n\nBuilds on [ADR-001](adr-001.md).\n",
        ),
    ];
    assert!(ds[0].body.contains("[next](adr-002.md#why)"));
    reconcile(&mut ds);
    assert_eq!(
        ds[0].body,
        "See [next](0002-use-tokio.md#why) and [old](0001-use-rust.md).\n"
    );
    assert_eq!(ds[1].body, "Builds on [ADR-001](0001-use-rust.md).\n");
}

#[test]
fn site_generator_keys_and_code_blocks() {
    let d = parse(
        "0013-use-front-matter.md",
        "---\nparent: Decisions\nnav_order: 13\nstatus: accepted\ndeciders:\ndate: 2023-05-02\n---\n# Use front matter\n\n## Considered Options\n\nExample:\n\n```markdown\n---\nstatus: rejected\n---\n# Not a title\n\n## Status\n\nSuperseded by [1](0001-a.md)\n```\n\nDone.\n",
    );
    assert_eq!(
        (d.title.as_str(), d.status.as_str()),
        ("Use front matter", "accepted")
    );
    assert!(d.superseded_by.is_empty() && d.deciders.is_empty());
    assert!(
        d.body
            .contains("```markdown\n---\nstatus: rejected\n---\n# Not a title\n\n## Status\n")
    );
    assert_eq!(
        d.unmapped,
        [
            "0013-use-front-matter.md:2: `parent: Decisions` has no orgbook key; dropped",
            "0013-use-front-matter.md:3: `nav_order: 13` has no orgbook key; dropped",
        ]
    );
}

#[test]
fn date_named_files() {
    // log4brains: the name's date is the record's date, not its number.
    let d = parse("20200123-use-x.md", "# Use X\n\n- Status: accepted\n");
    assert_eq!(
        (d.source_number, d.file_date),
        (None, Some(date(2020, 1, 23)))
    );
    assert_eq!((d.date, d.dated), (date(2020, 1, 23), Dated::FileName));
    assert_eq!(d.slug, "use-x");
    // A `- Date:` line wins over the name.
    let d = parse(
        "20200123-use-x.md",
        "# Use X\n\n- Status: accepted\n- Date: 2020-02-01\n",
    );
    assert_eq!((d.date, d.dated), (date(2020, 2, 1), Dated::Record));
    // Not a real date: a number after all.
    assert_eq!(stem_date("20201345-x"), None);
    assert_eq!(stem_date("2024-03-14-use-x"), None);
    let d = parse("2024-03-14-use-x.md", "# 3. Use X\n\nDate: 2024-03-14\n");
    assert_eq!((d.number, d.slug.as_str()), (3, "use-x"));
}

#[test]
fn prose_is_not_a_relation() {
    let d = parse(
        "0002-b.md",
        "# B\n\n* Status: accepted\n* Date: 2024-03-14\n\n## Decision\n\nReplaces 3 old services.\n\nSupersedes the [old runbook](https://wiki/x.md).\n",
    );
    assert!(d.supersedes.is_empty(), "{:?}", d.supersedes);
}

#[test]
fn named_people_lose_addresses_and_placeholders_are_nobody() {
    let mut notes = Notes {
        file: "x.md",
        list: Vec::new(),
    };
    let mut name = |s: &str| named_person(s, "author", 3, &mut notes);
    assert_eq!(
        name("Ana Lima <ana@example.org>").as_deref(),
        Some("Ana Lima")
    );
    assert_eq!(name("Jan Klop (@jklop)").as_deref(), Some("Jan Klop"));
    assert_eq!(
        name("Donny Peeters <@donnype>").as_deref(),
        Some("Donny Peeters")
    );
    assert_eq!(name("Ann (Platform)").as_deref(), Some("Ann (Platform)"));
    assert_eq!(name("ann@example.org").as_deref(), Some("ann@example.org"));
    for unfilled in [
        "<name>",
        "@ approver",
        "Type /date",
        "TBD",
        "{owner}",
        "[Name]",
    ] {
        assert_eq!(name(unfilled), None, "{unfilled}");
    }
    assert_eq!(notes.list.len(), 6);
    assert_eq!(
        notes.list[0],
        "x.md:3: author `<name>` looks like an unfilled template; left out"
    );
}

#[test]
fn a_draft_marker_after_a_series_number_leaves_the_title() {
    assert_eq!(
        split_title_number("RFC 531 WIP: Use one Postgres per tenant"),
        (Some(531), "Use one Postgres per tenant".to_owned())
    );
    assert_eq!(
        split_title_number("RFD 12 draft: Host OS"),
        (Some(12), "Host OS".to_owned())
    );
    // Without a series prefix it is a title's own words.
    assert_eq!(
        split_title_number("7 WIP: things"),
        (None, "7 WIP: things".to_owned())
    );
}

#[test]
fn people_lists() {
    assert_eq!(
        split_people("Alice, Bob and Carol; Dan & Eve"),
        ["Alice", "Bob", "Carol", "Dan", "Eve"]
    );
    assert_eq!(split_people("**Ann**"), ["Ann"]);
    assert_eq!(
        split_people("[@ann](https://github.com/ann), [Bo Lind](mailto:bo@example.com)"),
        ["@ann", "Bo Lind"]
    );
    assert!(split_people(" ").is_empty());
    assert_eq!(
        split_people("@Ben Ito, @dana, [@Tomás Ferreira](https://x.atlassian.net/wiki/people/1)"),
        ["Ben Ito", "@dana", "Tomás Ferreira"]
    );
}

#[test]
fn duplicate_numbers_get_the_next_free_numbers() {
    let dir = std::env::temp_dir().join(format!("orgbook-import-dup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("0007-a.md"), "# 7. A\n\nDate: 2024-03-14\n").unwrap();
    std::fs::write(
        dir.join("0007-b.md"),
        "# 7. B\n\nDate: 2024-03-14\n\nSee [A](0007-a.md).\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("0008-c.md"),
        "# 8. C\n\nDate: 2024-03-15\n\n## Status\n\nSupersedes [7. B](0007-b.md)\n",
    )
    .unwrap();
    std::fs::write(dir.join("notes.txt"), "not markdown").unwrap();
    let mut o = opts();
    o.taken = [1, 8].into();
    let c = import_dir(&dir, &o).unwrap();
    o.keep_numbers = true;
    let refused = import_dir(&dir, &o).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let got: Vec<_> = c
        .decisions
        .iter()
        .map(|d| (d.source.as_str(), d.number))
        .collect();
    assert_eq!(got, [("0007-a.md", 7), ("0007-b.md", 9), ("0008-c.md", 10)]);
    assert_eq!(
        c.renumbered,
        [
            ("0007-b.md".to_owned(), "7".to_owned(), 9),
            ("0008-c.md".to_owned(), "8".to_owned(), 10)
        ]
    );
    // The link names 0007-b's file, so it follows b, not the first 7.
    assert_eq!(c.decisions[2].supersedes, [9]);
    assert_eq!(c.decisions[1].status, "superseded");
    assert!(c.decisions[1].body.contains("[A](0007-a.md)"));
    assert_eq!(refused.errors.len(), 2, "{:?}", refused.errors);
    assert!(refused.errors[0].contains("--keep-numbers"));
}

#[test]
fn titles_are_plain_text() {
    assert_eq!(
        plain_text("Use `Span<T>` in parsers"),
        "Use Span<T> in parsers"
    );
    assert_eq!(plain_text("Use Span\\<T\\>"), "Use Span<T>");
    assert_eq!(plain_text("`Span<T>` first"), "Span<T> first");
    assert_eq!(plain_text("- dash first"), "- dash first");
    assert_eq!(
        plain_text("Use **bold** and [a link](x.md)"),
        "Use bold and a link"
    );
    assert_eq!(
        plain_text("Architecture Decision Record: Use event sourcing"),
        "Use event sourcing"
    );
    assert_eq!(plain_text("Decision - Use X"), "Use X");
    // A heading's attribute block is its anchor (Wikibase's Doxygen ids, kramdown's
    // `{: #id}`); braces that hold no attributes are the title's.
    assert_eq!(
        plain_text("Keep master green {#adr_0018}"),
        "Keep master green"
    );
    assert_eq!(plain_text("Use X {: #use-x .wide}"), "Use X");
    assert_eq!(plain_text("Use X {lang=en}"), "Use X");
    assert_eq!(plain_text("Use {x}"), "Use {x}");
    assert_eq!(plain_text("Use X{#a}"), "Use X{#a}");
    assert_eq!(plain_text("Pick { # }"), "Pick { # }");
    assert_eq!(plain_text("{#only}"), "{#only}");
    // A prefix word inside a title is not a prefix.
    assert_eq!(
        plain_text("Decisions are recorded"),
        "Decisions are recorded"
    );
    let d = parse("adr-014.md", "# ADR-014: Use `X`\n\n* Status: accepted\n");
    assert_eq!(d.title, "Use X");
    let d = parse("0006-x.md", "# 6. Use Y\n\nDate: 2024-01-01\n");
    assert_eq!(d.title, "Use Y");
    // The front matter title differs only by the prefix the importer removes: no note.
    for heading in ["ADR-014: Use `X`", "Architecture Decision Record: Use X"] {
        let d = parse(
            "0014-x.md",
            &format!("---\ntitle: Use X\nstatus: accepted\ndate: 2024-01-01\n---\n# {heading}\n"),
        );
        assert!(d.unmapped.is_empty(), "{heading}: {:?}", d.unmapped);
    }
    let d = parse(
        "0014-x.md",
        "---\ntitle: Use Y\nstatus: accepted\ndate: 2024-01-01\n---\n# Use X\n",
    );
    assert!(
        d.unmapped[0].contains("differs from the heading"),
        "{:?}",
        d.unmapped
    );
}

#[test]
fn lenient_metadata() {
    let d = parse(
        "0001-a.md",
        "# A\n\nStatus: accepted\nDate: 2018-08-30; Last update: 2019-01-01\ntag:General\nKeywords: [db, ops]\n",
    );
    assert_eq!(d.date, date(2018, 8, 30));
    assert_eq!(d.tags, ["General", "db", "ops"]);
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);

    let d = parse(
        "0001-a.md",
        "---\ntags:\n  - a\n  - b\ndate: 2018-11\nstatus: Done\n---\n# A\n",
    );
    assert_eq!(
        (d.tags.as_slice(), d.date),
        (&["a".to_owned(), "b".to_owned()][..], date(2018, 11, 1))
    );
    assert_eq!(d.status, "accepted");
    assert!(
        d.unmapped.iter().any(|n| n.contains("has no day")),
        "{:?}",
        d.unmapped
    );
    assert!(
        d.unmapped
            .iter()
            .any(|n| n.contains("`Done` imported as accepted")),
        "{:?}",
        d.unmapped
    );

    for (word, status) in [
        ("Depreciated", "deprecated"),
        ("Acepted", "accepted"),
        ("Propsed", "proposed"),
        ("Rejectd", "rejected"),
    ] {
        let d = parse("0001-a.md", &format!("# A\n\n## Status\n\n{word}\n"));
        assert_eq!(d.status, status, "{word}");
        assert!(
            d.unmapped[0].contains("nearest status word"),
            "{:?}",
            d.unmapped
        );
    }
    // Short or distant words are not guessed.
    assert_eq!(nearest_status("done"), None);
    assert_eq!(nearest_status("postponed"), None);
}

#[test]
fn templates_are_recognised_by_content_not_name() {
    for (name, text) in [
        (
            "template.md",
            "# NUMBER. TITLE\n\nDate: DATE\n\n## Status\n\nSTATUS\n",
        ),
        (
            "x.md",
            "# [short title of solved problem and solution]\n\n- Status: [draft | proposed]\n",
        ),
        (
            "y.md",
            "---\nstatus: \"{proposed | rejected}\"\n---\n# {short title}\n",
        ),
        (
            "z.md",
            "# Real-looking title\n\n* Status: [proposed | rejected | accepted]\n",
        ),
    ] {
        let d = parse(name, text);
        assert!(d.template.is_some(), "{name}");
    }
    let d = parse(
        "0005-use-handlebars-templates.md",
        "# Use handlebars templates\n\n* Status: accepted\n* Date: 2020-01-01\n",
    );
    assert_eq!(d.template, None);
}

#[test]
fn a_placeholder_number_leaves_the_title_as_a_number_does() {
    for (title, rest) in [
        ("n. Django Templates", "Django Templates"),
        ("N. Django Templates", "Django Templates"),
        ("NNNN. Django Templates", "Django Templates"),
        ("XXXX. Django Templates", "Django Templates"),
        ("x. Django Templates", "Django Templates"),
        ("XXXX - Django Templates", "Django Templates"),
        ("ADR-NNNN: Django Templates", "Django Templates"),
        ("KEP-NNNN: Your short title", "Your short title"),
        // Words that start like one are words.
        ("Next steps", "Next steps"),
        ("X: the platform", "X: the platform"),
        ("Nx. monorepo", "Nx. monorepo"),
        ("ADR next steps", "ADR next steps"),
    ] {
        assert_eq!(
            split_title_number(title),
            (None, rest.to_owned()),
            "{title}"
        );
    }
    let d = parse(
        "0010-django-templates.md",
        "# n. Django Templates\n\nStatus: accepted\n\nDate: 2019-05-01\n",
    );
    assert_eq!(
        (
            d.template.as_deref(),
            d.title.as_str(),
            d.file_name().as_str()
        ),
        (None, "Django Templates", "0010-django-templates.md")
    );
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    // A template has no number in its file name either, or a placeholder for a title.
    for (name, title) in [
        ("template.md", "# NNNN. Use a thing\n"),
        ("0000-template.md", "# NNNN. TITLE\n"),
    ] {
        let d = parse(name, &format!("{title}\nStatus: accepted\n"));
        assert!(d.template.is_some(), "{name}");
    }
}

#[test]
fn other_relations_are_kept() {
    let d = parse(
        "0002-b.md",
        "# 2. B\n\nDate: 2024-01-01\n\n## Status\n\nAccepted\n\nClarifies [1. A](0001-a.md)\n\nClarified by [3. C](0003-c.md)\n",
    );
    assert_eq!(d.status, "accepted");
    assert_eq!(
        d.related,
        [
            "Clarifies [1. A](0001-a.md)",
            "Clarified by [3. C](0003-c.md)"
        ]
    );
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    // log4brains links a successor by its date-named file, without a number.
    let d = parse(
        "20200101-a.md",
        "# A\n\n- Status: superseded by [20210101-b](20210101-b.md)\n",
    );
    assert_eq!(d.status, "superseded");
    assert_eq!(
        (d.superseded_by.len(), d.superseded_by_files.as_slice()),
        (0, &["20210101-b".to_owned()][..])
    );
}

#[test]
fn supersedes_of_a_decision_that_exists_nowhere_stays_as_text() {
    let dir = std::env::temp_dir().join(format!("orgbook-import-gone-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("0004-d.md"),
        "# 4. D\n\nDate: 2024-03-14\n\n## Status\n\nAccepted\n\nSupersedes [2. B](0002-b.md)\n\nSupersedes [3. C](0003-c.md)\n",
    )
    .unwrap();
    let mut o = opts();
    o.taken = [3].into();
    let c = import_dir(&dir, &o).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let d = &c.decisions[0];
    // 3 is in the handbook; 2 is nowhere, and `supersedes = [2]` would fail the build.
    assert_eq!(d.supersedes, [3]);
    assert!(
        d.body.contains(
            "## Related decisions\n\n- Supersedes decision 2, which is not in this handbook"
        ),
        "{}",
        d.body
    );
}

#[test]
fn a_date_with_day_and_month_swapped_is_read_the_one_way_it_can_be() {
    let (d, note) = parse_date("2024-14-02").unwrap();
    assert_eq!(d, date(2024, 2, 14));
    assert_eq!(
        note.as_deref(),
        Some("date `2024-14-02` has no month 14; read as year-day-month, 2024-02-14")
    );
    // Neither reading is a date.
    assert_eq!(parse_date("2024-31-02"), None);
    assert_eq!(parse_date("2024-14-15"), None);
    let d = parse(
        "0004-a.md",
        "# 4. A\n\nDate: 2024-14-02\n\n## Status\n\nAccepted\n",
    );
    assert_eq!(
        (d.date, d.decided, d.dated),
        (date(2024, 2, 14), Some(date(2024, 2, 14)), Dated::Record)
    );
    assert_eq!(
        d.unmapped,
        ["0004-a.md:3: date `2024-14-02` has no month 14; read as year-day-month, 2024-02-14"]
    );
}

#[test]
fn an_unreadable_date_stays_in_the_body() {
    let d = parse(
        "0005-a.md",
        "# 5. A\n\nDate: sometime in 2019\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n",
    );
    // import_dir dates it from git or today and says which.
    assert_eq!(d.dated, Dated::Today);
    assert_eq!(d.unread_date.as_deref(), Some("sometime in 2019"));
    assert_eq!(
        d.body,
        "- Date as written: sometime in 2019\n\n## Context\n\nWhy.\n"
    );
    // A second date line that can be read stands for it: nothing is lost.
    let d = parse(
        "0005-a.md",
        "# 5. A\n\nDate: sometime\n\n## Date\n\n2019-05-01\n",
    );
    assert_eq!((d.date, d.unread_date), (date(2019, 5, 1), None));
}

#[test]
fn a_placeholder_status_is_a_proposed_record_but_a_list_of_choices_a_template() {
    // Regression: a real record whose status the author meant to fill in later was
    // skipped as a template, its Context and Decision lost.
    let text = "# 3. Use a queue for outbound mail\nDate: 2025-01-31\n## Status\n[fill in once agreed]\n## Context\nMail sending blocks requests.\n## Decision\nSend mail from a background queue.\n";
    let d = parse("0003-use-queues.md", text);
    assert_eq!(d.template, None);
    assert_eq!(
        (d.title.as_str(), d.status.as_str(), d.decided),
        ("Use a queue for outbound mail", "proposed", None)
    );
    assert_eq!(
        d.unmapped,
        [
            "0003-use-queues.md:4: status `[fill in once agreed]` is a placeholder, not a status; imported as proposed"
        ]
    );
    assert!(d.body.contains("Send mail from a background queue."));
    let d = parse(
        "0031-x.md",
        "# 31. X\n\nStatus: {change when approved}\n\n## Context\n\nWhy.\n",
    );
    assert_eq!((d.template, d.status.as_str()), (None, "proposed"));
    // One status word in brackets is that status.
    let d = parse("0032-y.md", "# 32. Y\n\nStatus: [Accepted]\n");
    assert_eq!(d.status, "accepted");
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);

    for status in [
        "proposed | accepted | rejected",
        "[proposed, accepted, rejected]",
        "{Proposed / Accepted / Deprecated}",
        "[accepted or rejected]",
    ] {
        let d = parse(
            "0033-z.md",
            &format!("# 33. A real title\n\n## Status\n\n{status}\n"),
        );
        assert_eq!(
            d.template.as_deref(),
            Some("its status is a list of choices to pick from"),
            "{status}"
        );
    }
}

#[test]
fn sections_underlined_with_dashes_are_read_as_hashed_ones() {
    // cloud_controller_ng's records (`decisions/0002-…`), Pandoc's setext output.
    let setext = "2: Using Machinist for Factories\n================================\n\nDate: 2019-03-22\n\nStatus\n------\n\nSuperseded by [ADR 0015](0015-using-factory-bot-for-factories.md)\n\n\nContext\n-------\n\nmachinist is unmaintained.\n\n```ruby\n# machinist\nAppModel.blueprint do\nend\n```\n\nDecision\n--------\n\nWe stay with machinist.\n\nAuthors\n-------\n\n- Ada Lovelace\n";
    let atx = "# 2: Using Machinist for Factories\n\nDate: 2019-03-22\n\n## Status\n\nSuperseded by [ADR 0015](0015-using-factory-bot-for-factories.md)\n\n\n## Context\n\nmachinist is unmaintained.\n\n```ruby\n# machinist\nAppModel.blueprint do\nend\n```\n\n## Decision\n\nWe stay with machinist.\n\n## Authors\n\n- Ada Lovelace\n";
    let (s, a) = (
        parse("0002-using-machinist.md", setext),
        parse("0002-using-machinist.md", atx),
    );
    assert_eq!(
        (&s.title, &s.status, s.date, s.decided, &s.authors),
        (&a.title, &a.status, a.date, a.decided, &a.authors)
    );
    assert_eq!(s.status, "superseded");
    assert_eq!(s.authors, ["Ada Lovelace"]);
    assert_eq!(s.superseded_by_files, a.superseded_by_files);
    assert!(!s.superseded_by_files.is_empty());
    assert!(
        !s.body.contains("Status") && !s.body.contains("Authors"),
        "{}",
        s.body
    );
    // The sections kept stay as written.
    assert!(
        s.body.starts_with("Context\n-------\n\nmachinist"),
        "{}",
        s.body
    );
    assert!(s.body.contains("Decision\n--------\n"), "{}", s.body);
    let notes = s.unmapped.join("\n");
    assert!(!notes.contains("no status"), "{notes}");
}

#[test]
fn a_line_of_dashes_is_an_underline_only_where_commonmark_says() {
    let found = |text: &str| {
        let lines: Vec<&str> = text.split('\n').collect();
        let in_code = code_or_comment_mask(&lines);
        headings_of(&lines, &in_code, 0)
            .into_iter()
            .map(|h| (h.line, h.end, h.level, h.text.into_owned()))
            .collect::<Vec<_>>()
    };
    let h = |line, end, level, text: &str| (line, end, level, text.to_owned());
    assert_eq!(found("Status\n------\n\nAccepted"), [h(0, 1, 2, "Status")]);
    assert_eq!(found("Title\n=====\n"), [h(0, 1, 1, "Title")]);
    // The whole paragraph the underline ends, indented up to three spaces.
    assert_eq!(
        found("Some prose\n  wrapped\n   ---  \n"),
        [h(0, 2, 2, "Some prose wrapped")]
    );
    for (text, why) in [
        (
            "Status\n\n------\n\nAccepted",
            "after a blank line: a thematic break",
        ),
        ("```\nStatus\n------\n```\n", "in fenced code"),
        ("<!--\nStatus\n------\n-->\n", "in a comment"),
        ("- Status\n------\n", "after a list item"),
        ("> Status\n------\n", "after a quote"),
        ("| Status |\n------\n", "after a table row"),
        ("    Status\n------\n", "after indented code"),
        ("Status\n- - -\n", "spaced: a thematic break"),
        (
            "Status\n    ------\n",
            "indented four: the paragraph goes on",
        ),
        ("Status\n--- x\n", "not dashes alone"),
        ("------\nStatus\n", "the first line"),
    ] {
        assert_eq!(found(text), [], "{why}: {text:?}");
    }
    assert_eq!(
        found("## Status\n------\n"),
        [h(0, 0, 2, "Status")],
        "after a heading: a thematic break"
    );
    // After one heading's underline, a second line of dashes is a thematic break.
    assert_eq!(found("Context\n---\n---\n"), [h(0, 1, 2, "Context")]);
    // A list that does not start at 1 does not interrupt a paragraph.
    assert_eq!(
        found("Decided in\n2021. Then\n---\n"),
        [h(0, 2, 2, "Decided in 2021. Then")]
    );
}

#[test]
fn front_matter_fences_are_no_underlines() {
    let d = parse(
        "0003-x.md",
        "---\nstatus: accepted\ndate: 2024-03-14\n---\nUse X\n=====\n\nContext\n-------\n\nWhy.\n",
    );
    assert_eq!((d.title.as_str(), d.status.as_str()), ("Use X", "accepted"));
    assert_eq!(d.body, "Context\n-------\n\nWhy.\n");
    // Unclosed, the first `---` is read as Markdown: a thematic break, no heading.
    let d = parse(
        "0004-y.md",
        "---\nStatus\n------\n\nRejected\n\nContext\n-------\n\nWhy not.\n",
    );
    assert_eq!(d.status, "rejected");
    assert!(d.body.starts_with("---\n"), "{}", d.body);
}

#[test]
fn metadata_lines_over_a_rule_are_still_metadata() {
    // CommonMark makes `Date: …` over `---` a heading; written so, it was metadata and
    // a rule, and stays so.
    let d = parse(
        "0006-w.md",
        "# 6. Use W\n\nDate: 2024-03-14\nStatus: Accepted\n---\n\n## Context\n\nWhy.\n",
    );
    assert_eq!(
        (d.status.as_str(), d.date.to_string()),
        ("accepted", "2024-03-14".into())
    );
    assert_eq!(d.body, "---\n\n## Context\n\nWhy.\n");
}

#[test]
fn underlined_sections_move_down_under_a_front_matter_title() {
    let d = parse(
        "0005-z.md",
        "---\ntitle: Use Z\nstatus: accepted\n---\nContext\n=======\n\nWhy.\n\nDetails\nin two lines\n-------\n\nMore.\n",
    );
    assert_eq!(d.title, "Use Z");
    assert_eq!(
        d.body,
        "Context\n-------\n\nWhy.\n\n### Details in two lines\n\nMore.\n"
    );
}

#[test]
fn finding_headings_is_linear() {
    let text = |n: usize| "Para\ngraph\n---\n\n- item\n---\n\n# H\n".repeat(n);
    let time = |n: usize| {
        let text = text(n);
        let lines: Vec<&str> = text.split('\n').collect();
        let in_code = code_mask(&lines);
        crate::cpu_time::cpu_time_of(|| headings_of(&lines, &in_code, 0)).1
    };
    crate::cpu_time::assert_grows_linearly("sections", 50_000, time);
}

#[test]
fn headings_of_hostile_shapes_stay_linear() {
    // What a parser may look back over: quotes nested deep, brackets never closed,
    // HTML blocks, fences opened on list items, underlines under long paragraphs.
    let text = |n: usize| {
        let mut t = String::new();
        for i in 0..n {
            t.push_str(&">".repeat(i % 40));
            t.push_str(" Quote [open [brackets ![ <span\n");
            t.push_str("<details>\n## In HTML\n\n- ```sh\n  # comment\n  ```\n");
            t.push_str("Para\n[x]: <y\n---\n\n");
        }
        t
    };
    let time = |n: usize| {
        let text = text(n);
        let lines: Vec<&str> = text.split('\n').collect();
        let in_code = code_or_comment_mask(&lines);
        crate::cpu_time::cpu_time_of(|| headings_of(&lines, &in_code, 0)).1
    };
    crate::cpu_time::assert_grows_linearly("blocks", 5_000, time);
}

#[test]
fn many_bold_status_labels_stay_linear() {
    // Every `**Status**` paragraph a section, with prose under each: read as one
    // status section each, the record's lines would be copied once per label.
    let text = |n: usize| {
        let mut t = String::from("# 1. X\n\n");
        for _ in 0..n {
            t.push_str("**Status**\n\nAccepted\n\nKept rather than deleted, as it was.\n\n**Date**\n\n2024-01-01\n\n");
        }
        t
    };
    let time = |n: usize| {
        let text = text(n);
        crate::cpu_time::cpu_time_of(|| parse("0001-x.md", &text)).1
    };
    crate::cpu_time::assert_grows_linearly("labels", 2_000, time);
}

/// A part of a split page: its heading's line, number, title and status.
type Part = (usize, Option<u32>, String, String);

/// `split_page`'s parts, or `None` when the page is one record.
fn parts(text: &str) -> Option<Vec<Part>> {
    let split = split_page("decisions.md", text, &opts())?;
    Some(
        split
            .parts
            .into_iter()
            .map(|p| {
                let d = p.decision;
                (p.line, d.source_number, d.title, d.status)
            })
            .collect(),
    )
}

#[test]
fn a_page_of_numbered_records_is_split_at_its_headings() {
    let page = "# Decisions\n\nWhy we keep them.\n\n## ADR-001: Use Postgres\n\n**Status:** Accepted\n\nDate: 2024-01-02\n\n### Context\n\nWe need a database.\n\n## ADR-002: Use Redis\n\n- Status: proposed\n- Date: 2024-02-03\n\nFor sessions.\n";
    assert_eq!(
        parts(page).unwrap(),
        [
            (5, Some(1), "Use Postgres".to_owned(), "accepted".to_owned()),
            (15, Some(2), "Use Redis".to_owned(), "proposed".to_owned()),
        ]
    );
    let split = split_page("decisions.md", page, &opts()).unwrap();
    // Sections under a record are raised with it; notes name the page's lines.
    let first = &split.parts[0].decision;
    assert_eq!(first.body, "## Context\n\nWe need a database.\n");
    assert_eq!(first.source, "decisions.md:5");
    assert!(split.note.starts_with(
        "decisions.md: a page of 2 records, split at its numbered `##` headings (lines 5, 15), each imported as a record of its own; lines 1–3 are in no record"
    ));
    let late = "# D\n\n## ADR-1: A\n\nStatus: accepted\nDate: 2024-13-45\n\n## ADR-2: B\n\nStatus: accepted\n";
    let split = split_page("d.md", late, &opts()).unwrap();
    assert!(
        split.parts[0]
            .decision
            .unmapped
            .iter()
            .any(|n| n.starts_with("d.md:6: date `2024-13-45`")),
        "{:?}",
        split.parts[0].decision.unmapped
    );
}

/// An index that sets out its records under numbered headings, each linking the
/// record's own file: no record is imported twice, and a status that differs from
/// the record's is noted, as any index's is.
#[test]
fn an_index_of_numbered_sections_is_no_second_copy_of_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "0001-use-x.md",
        "# 1. Use X\n\nStatus: accepted\nDate: 2024-01-01\n",
    );
    write(
        "0002-use-y.md",
        "# 2. Use Y\n\nStatus: proposed\nDate: 2024-01-02\n",
    );
    write(
        "README.md",
        "# Decisions\n\n## ADR-001: Use X\n\nStatus: accepted\n\n[Read it](0001-use-x.md)\n\n## ADR-002: Y, the queue\n\nStatus: accepted\n\n[Read it](0002-use-y.md)\n",
    );
    let c = import_dir(dir.path(), &opts()).unwrap();
    assert_eq!(c.decisions.len(), 2, "{:?}", c.skipped);
    assert!(
        c.skipped.contains(&(
            "README.md".to_owned(),
            "an index: each of its 2 numbered sections is a record imported from its own file"
                .to_owned()
        )),
        "{:?}",
        c.skipped
    );
    assert_eq!(
        c.decisions[1].unmapped,
        [
            "README.md:9: the index says accepted for 0002-use-y.md, whose record says proposed; imported as the record says (correct the one that is wrong)"
        ]
    );
}

#[test]
fn one_record_is_not_split() {
    for (page, why) in [
        (
            "# 7. Use X\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use X.\n",
            "no numbered heading but the title",
        ),
        (
            "# Decisions\n\n## ADR-001: Use X\n\nStatus: accepted\n\n## Later\n\nMore.\n",
            "one record heading",
        ),
        (
            "# Decisions\n\n## ADR-001: Use X\n\nStatus: accepted\n\n```md\n## ADR-002: Use Y\n\nStatus: accepted\n```\n\n<!--\n## ADR-003: Use Z\n\nStatus: accepted\n-->\n",
            "the second heading is in a code block, the third in a comment",
        ),
        (
            "# 7. Use X\n\nStatus: accepted\nDate: 2024-01-01\n\n## 1. Option A\n\nDate: 2024-01-02\n\n## 2. Option B\n\nDate: 2024-01-03\n",
            "numbered sections of a record with a status of its own",
        ),
        (
            "# Guide\n\n## 1. Install\n\nRun it.\n\n## 2. Configure\n\nEdit it.\n",
            "numbered sections with no status or date",
        ),
        (
            "# ADR 4: Use X\n\n## 1. Context\n\nStatus: accepted\n\n## 2. Decision\n\nDate: 2024-01-01\n",
            "numbered sections named as a record's",
        ),
    ] {
        assert!(parts(page).is_none(), "{why}");
    }
}

#[test]
fn setext_record_headings_split_the_page() {
    let page = "Decisions\n=========\n\nADR-1: Use X\n------------\n\nStatus: accepted\n\nADR-2: Use Y\n------------\n\nStatus: rejected\n\nDR 3. Use Z\n-----------\nStatus: proposed\n";
    assert_eq!(
        parts(page).unwrap(),
        [
            (4, Some(1), "Use X".to_owned(), "accepted".to_owned()),
            (9, Some(2), "Use Y".to_owned(), "rejected".to_owned()),
            (14, Some(3), "Use Z".to_owned(), "proposed".to_owned()),
        ]
    );
}

#[test]
fn every_prefix_of_a_page_of_records_splits_without_panic() {
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/va-decision-record/picklist/key-decisions.md"),
    )
    .unwrap();
    let page = page.replace("### DR 3", "Setext DR 3\n---\n\n#### DR 9");
    for end in (0..=page.len())
        .step_by(5)
        .filter(|&i| page.is_char_boundary(i))
    {
        let _ = split_page("key-decisions.md", &page[..end], &opts());
        let _ = split_page("key-decisions.md", &page[end..], &opts());
    }
}

#[test]
fn many_record_headings_split_in_linear_time() {
    let page = |n: usize| {
        let mut t = String::from("# Decisions\n\n");
        for i in 1..=n {
            t.push_str(&format!(
                "## ADR-{i}: Decision {i}\n\n**Status:** Accepted\n\nDate: 2024-01-02\n\n### Context\n\nWhy.\n\n"
            ));
        }
        t
    };
    let time = |n: usize| {
        let text = page(n);
        let (parts, took) = crate::cpu_time::cpu_time_of(|| split_page("d.md", &text, &opts()));
        assert_eq!(parts.map_or(0, |p| p.parts.len()), n);
        took
    };
    crate::cpu_time::assert_grows_linearly("records", 5_000, time);
}

#[test]
fn status_paragraphs_keep_the_prose_after_the_status() {
    fn at(t: &str) -> Option<&str> {
        status_prose_start(t).map(|i| &t[i..])
    }
    assert_eq!(
        at("Proposed 2026-09-24, prototype. Behind a flag until the load test passes."),
        Some("prototype. Behind a flag until the load test passes.")
    );
    assert_eq!(
        at("**Proposed.** The decision was made by the founder."),
        Some("The decision was made by the founder.")
    );
    assert_eq!(
        at("Superseded by [ADR-9](0009-x.md), [ADR-10](0010-y.md). Kept for the history."),
        Some("Kept for the history.")
    );
    // All status, or no status first: read as a whole, as before.
    for whole in [
        "Accepted",
        "Accepted 2024-03-14",
        "Implemented (Swift 5.1)",
        "Decided on Bulma. Open to other frameworks later.",
        "Kept rather than deleted: this record is why.",
    ] {
        assert_eq!(at(whole), None, "{whole}");
    }
    let d = parse(
        "0007-x.md",
        "# 7. X\n\n## Status\n\nProposed 2026-09-24, prototype.\nBehind a flag until\nthe load test passes.\n\n## Context\n\nC.\n",
    );
    assert_eq!(d.status, "proposed");
    assert_eq!(d.date.to_string(), "2026-09-24");
    assert_eq!(
        d.body,
        "## Status\n\nprototype.\nBehind a flag until\nthe load test passes.\n\n## Context\n\nC.\n"
    );
    assert_eq!(
        d.unmapped,
        ["0007-x.md:5: the status section's prose is kept in the body"]
    );
}

#[test]
fn index_statuses_are_read_at_the_head() {
    assert_eq!(
        index_status("**Proposed** — some note", true),
        Some("proposed")
    );
    assert_eq!(index_status("Accepted 2026-01-05", true), Some("accepted"));
    assert_eq!(index_status("(rejected)", false), Some("rejected"));
    assert_eq!(index_status("- Accepted", false), Some("accepted"));
    assert_eq!(index_status("Use Postgres", false), None);
    assert_eq!(
        index_status("accepted by the board after a long debate", false),
        None
    );
}

#[test]
fn headings_in_html_quotes_and_list_items_are_not_the_records() {
    let found = |text: &str| {
        let lines: Vec<&str> = text.split('\n').collect();
        let in_code = code_or_comment_mask(&lines);
        headings_of(&lines, &in_code, 0)
            .into_iter()
            .map(|h| (h.line, h.end, h.level, h.text.into_owned()))
            .collect::<Vec<_>>()
    };
    for (text, why) in [
        (
            "<pre>\nStatus\n------\n\n## Decision\n</pre>\n",
            "in a <pre> block",
        ),
        ("<details>\n## Status\n</details>\n", "in an HTML block"),
        (
            "- ```sh\n  # comment\n  ```\n",
            "in a fence on a list item's line",
        ),
        ("> ## Status\n", "in a quote"),
        ("- item\n\n  ## Status\n", "in a list item"),
        (
            "> Status\nAccepted\n---\n",
            "a quote's lazy line over a rule",
        ),
    ] {
        assert_eq!(found(text), [], "{why}: {text:?}");
    }
    assert_eq!(
        found("- ```sh\n  # comment\n  ```\n\n## Decision\n"),
        [(4, 4, 2, "Decision".to_owned())]
    );
}

#[test]
fn heading_ids_follow_the_build() {
    let ids = heading_ids(
        "## Context\n\n```\n## not a heading\n```\n## `Span<T>` and *more*\n## Context\n",
    );
    let mut ids: Vec<_> = ids.into_iter().collect();
    ids.sort();
    assert_eq!(ids, ["context", "context-1", "spant-and-more"]);
    let ids = heading_ids("Status\n------\n\nAccepted\n\nRisks and costs\n---\n");
    let mut ids: Vec<_> = ids.into_iter().collect();
    ids.sort();
    assert_eq!(ids, ["risks-and-costs", "status"]);
}

#[test]
fn two_digit_years_are_this_century_and_noted() {
    let read = |s: &str| parse_date(s).map(|(d, note)| (d, note.is_some()));
    assert_eq!(read("12/03/21"), Some((date(2021, 3, 12), true)));
    assert_eq!(read("03.12.21"), Some((date(2021, 12, 3), true)));
    assert_eq!(read("1/3/21"), Some((date(2021, 3, 1), true)));
    // Month-first only when day-first is impossible.
    assert_eq!(read("03/14/21"), Some((date(2021, 3, 14), true)));
    // A version number is no date; nor is a day that does not exist.
    assert_eq!(read("1.2.3"), None);
    assert_eq!(read("1.12.21"), None);
    assert_eq!(read("31/02/21"), None);
}

#[test]
fn a_history_written_newest_first_is_read_in_the_order_it_happened() {
    let d = parse(
        "0001-a.md",
        "# 1. A\n\n## Status\n\nAccepted 2026-08-05. Proposed 2026-06-23.\n",
    );
    assert_eq!(d.status, "accepted");
    assert_eq!(d.date, date(2026, 6, 23));
    assert_eq!(d.decided, Some(date(2026, 8, 5)));
    assert!(d.unmapped.is_empty(), "{:?}", d.unmapped);
    // As paragraphs, newest first; on one day, the decision after its proposal.
    let d = parse(
        "0002-b.md",
        "# 2. B\n\n## Status\n\nRejected 2026-08-05\n\nProposed 2026-06-23\n",
    );
    assert_eq!((d.status.as_str(), d.date), ("rejected", date(2026, 6, 23)));
    let d = parse(
        "0003-c.md",
        "# 3. C\n\n## Status\n\nAccepted — 2026-08-13. Proposed 2026-08-13.\n",
    );
    assert_eq!(d.status, "accepted");
    // A sentence that is not a step keeps the paragraph whole, as before.
    let d = parse(
        "0004-d.md",
        "# 4. D\n\n## Status\n\nDecided on Bulma. Open to other frameworks later.\n",
    );
    assert_eq!(d.status, "accepted");
    assert!(d.body.contains("Status as written"), "{}", d.body);
}

#[test]
fn placeholder_titles_are_told_from_titles() {
    for t in [
        "[short title of solved problem and solution]",
        "{short title, representative of solved problem and found solution}",
        "Subject",
        "Title",
        "NUMBER. TITLE",
    ] {
        assert!(is_placeholder_title(t), "{t}");
    }
    for t in [
        "Use Postgres",
        "Subject access requests",
        "Title case in headings",
    ] {
        assert!(!is_placeholder_title(t), "{t}");
    }
}
