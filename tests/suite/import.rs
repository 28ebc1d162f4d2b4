//! `orgbook import adr`, `orgbook import backstage`, `orgbook import team-api` and `orgbook
//! import sigs`, run as a new user would: a fresh `orgbook init` handbook, ONE import
//! command, then a strict build with every link in the built site followed. Fixtures
//! (tests/fixtures/import-*/) are record collections shaped like adr-tools' doc/adr, MADR's
//! docs/decisions, log4brains' docs/adr, a collection with duplicate numbers, images and
//! repository links, a Backstage catalog shaped like its "acme" example organisation, a
//! repository of Team API documents, and a registry of groups shaped like
//! kubernetes/community's sigs.yaml. They are copied out of this repository first, so git
//! history of the orgbook repository never leaks into their dates.

use crate::harness::{TestBook, check_all_links, hrefs, sel, texts};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const TODAY: &str = "2026-11-25";

/// A fresh `orgbook init` handbook (or `init --empty`).
pub(crate) fn fresh(empty: bool) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    let mut args = vec!["init", ".", "--title", "Acme"];
    if empty {
        args.push("--empty");
    }
    book.run(&args).success();
    book
}

/// One imported decision, read back from its file with the toml crate.
#[derive(Debug, Clone)]
pub(crate) struct Record {
    pub(crate) file: String,
    pub(crate) title: String,
    pub(crate) status: String,
    pub(crate) date: String,
    pub(crate) supersedes: Vec<i64>,
    pub(crate) tags: Vec<String>,
    pub(crate) body: String,
}

/// The string list `key` of the imported record `file` (in content/decisions/).
pub(crate) fn list(book: &TestBook, file: &str, key: &str) -> Vec<String> {
    let text = book.read(&format!("content/decisions/{file}"));
    let fm = text
        .strip_prefix("+++\n")
        .and_then(|r| r.split_once("+++\n"))
        .unwrap()
        .0;
    let t: toml::Table = toml::from_str(fm).unwrap();
    t.get(key)
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect()
}

/// The imported records' numbers, titles and statuses, in number order: what a reader sees
/// first in the decisions index, compared in one assertion.
pub(crate) fn numbered(records: &BTreeMap<u32, Record>) -> Vec<(u32, &str, &str)> {
    records
        .iter()
        .map(|(n, r)| (*n, r.title.as_str(), r.status.as_str()))
        .collect()
}

pub(crate) fn records(book: &TestBook) -> BTreeMap<u32, Record> {
    let dir = book.root().join("content/decisions");
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".md") {
            continue;
        }
        let number: u32 = name[..4].parse().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let rest = text.strip_prefix("+++\n").unwrap();
        let (fm, body) = rest.split_once("+++\n").unwrap();
        let t: toml::Table = toml::from_str(fm).unwrap();
        let list = |k: &str| -> Vec<toml::Value> {
            t.get(k)
                .and_then(|v| v.as_array().cloned())
                .unwrap_or_default()
        };
        out.insert(
            number,
            Record {
                file: name,
                title: t["title"].as_str().unwrap().to_owned(),
                status: t["status"].as_str().unwrap().to_owned(),
                date: t["date"].as_datetime().unwrap().to_string(),
                supersedes: list("supersedes")
                    .iter()
                    .map(|v| v.as_integer().unwrap())
                    .collect(),
                tags: list("tags")
                    .iter()
                    .map(|v| v.as_str().unwrap().to_owned())
                    .collect(),
                body: body.to_owned(),
            },
        );
    }
    out
}

pub(crate) fn by_title<'a>(rs: &'a BTreeMap<u32, Record>, title: &str) -> (u32, &'a Record) {
    rs.iter()
        .find(|(_, r)| r.title == title)
        .map(|(n, r)| (*n, r))
        .unwrap_or_else(|| {
            let titles: Vec<_> = rs.values().map(|r| &r.title).collect();
            panic!("no record titled {title:?} among {titles:?}")
        })
}

/// Builds strictly (warnings are errors), then follows every link of the built site.
#[track_caller]
pub(crate) fn builds_clean(book: &TestBook) {
    let root = book.root().to_string_lossy().into_owned();
    let out = book.out().to_string_lossy().into_owned();
    book.run(&["build", "--root", &root, "--output", &out, "--strict"])
        .success()
        .stderr_has("with 0 warnings")
        // Diagnostics, not the word: a record may be named `0004-error-reporting.md`.
        .stderr_lacks("error[")
        .stderr_lacks("error:");
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
}

pub(crate) fn import(book: &TestBook, args: &[&str]) -> crate::harness::Run {
    let mut all = vec!["import", "adr"];
    all.extend_from_slice(args);
    book.run(&all)
}

pub(crate) fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

pub(crate) fn decision_page(book: &TestBook, r: &Record) -> scraper::Html {
    book.html(&format!("decisions/{}", r.file.replace(".md", ".html")))
}

#[test]
fn adr_tools_collection_imports_with_one_command() {
    let source = TestBook::fixture("import-adr-tools");
    let book = fresh(false);
    let run = import(
        &book,
        &[
            &path_str(&source.root().join("doc/adr")),
            "--source-url",
            "https://git.example/acme/adr-tools/tree/main/doc/adr",
        ],
    );
    run.success()
        // The fresh handbook holds 0001 already: record 1 moves, and says so.
        .stderr_has("Renumbered (old -> new):\n  1 -> 0010  0001-record-architecture-decisions.md")
        .stderr_has("Imported 9 decisions")
        .stderr_has("3 links made absolute");
    let rs = records(&book);
    assert_eq!(rs.len(), 10);
    let (first, r1) = by_title(&rs, "Record architecture decisions");
    assert_eq!(
        (first, r1.status.as_str(), r1.date.as_str()),
        (10, "accepted", "2016-02-12")
    );
    // Backticks are gone from the title.
    by_title(&rs, "Invoke adr-config executable to get configuration");
    let (five, r5) = by_title(&rs, "Help comments");
    assert_eq!(r5.status, "superseded");
    let (_, r9) = by_title(&rs, "Help scripts");
    assert_eq!(r9.supersedes, [five as i64]);
    // `#status` pointed at the section the import removed: the link keeps its record.
    assert!(
        r9.body
            .contains("[Help comments](0005-help-comments.md) could not"),
        "{}",
        r9.body
    );
    assert!(
        r9.body.contains("([why](0005-help-comments.md#decision))"),
        "{}",
        r9.body
    );
    // "Amends" survives, pointing at record 1's new file; 1 shows it as a backlink.
    let (eight, r8) = by_title(&rs, "Use ISO 8601 Format for Dates");
    assert!(
        r8.body.contains(
            "## Related decisions\n\n- Amends [1. Record architecture decisions](0010-record-architecture-decisions.md)"
        ),
        "{}",
        r8.body
    );
    assert!(r1.body.contains(
        "- Amended by [8. Use ISO 8601 format for dates](0008-use-iso-8601-format-for-dates.md)"
    ));
    // A link to the source code became absolute; a sibling link without `.md` resolves.
    assert!(
        r1.body
            .contains("[adr-new](https://git.example/acme/adr-tools/tree/main/src/adr-new)")
    );
    let (_, r4) = by_title(&rs, "Markdown format");
    assert!(
        r4.body
            .contains("[the first record](0010-record-architecture-decisions.md)")
    );

    builds_clean(&book);
    let page = decision_page(&book, r1);
    let backlinks = hrefs(&page, ".backlinks a");
    assert!(
        backlinks
            .iter()
            .any(|h| h.contains(&format!("{eight:04}-"))),
        "{backlinks:?}"
    );
}

#[test]
fn madr_collection_skips_templates_and_index_by_content() {
    let source = TestBook::fixture("import-madr");
    let book = fresh(false);
    let run = import(&book, &[&path_str(&source.root().join("docs/decisions"))]);
    run.success()
        .stderr_has("skipped: adr-template.md: a template")
        .stderr_has("skipped: adr-template-minimal.md: a template")
        .stderr_has("skipped: index.md: an index: it links to 3 records")
        .stderr_has("status `Depreciated` read as deprecated")
        .stderr_has("0003-use-dashes-in-filenames.md:3: date `2018-11` has no day")
        .stderr_has("Imported 6 decisions");
    let rs = records(&book);
    // "Use handlebars templates…" is a record, whatever its name says.
    let (_, h) = by_title(&rs, "Use handlebars templates for the generated index");
    assert_eq!(h.status, "proposed");
    let (zero, r0) = by_title(&rs, "Use Markdown Architectural Decision Records");
    assert_eq!((zero, r0.status.as_str()), (0, "accepted"));
    let (_, r2) = by_title(&rs, "Do not use numbers in headings");
    assert_eq!(
        (r2.status.as_str(), r2.tags.as_slice()),
        ("deprecated", &["formatting".to_owned()][..])
    );
    let (_, r3) = by_title(&rs, "Use dashes in filenames");
    assert_eq!(
        (r3.status.as_str(), r3.date.as_str()),
        ("accepted", "2018-11-01")
    );
    assert_eq!(r3.tags, ["naming", "files"]);
    let (cc0, r1) = by_title(&rs, "Use CC0 as license");
    assert_eq!((cc0, r1.status.as_str()), (6, "superseded"));
    let (_, r4) = by_title(&rs, "Use YAML front matter for meta data");
    assert_eq!(r4.supersedes, [6]);
    assert_eq!(r4.tags, ["metadata"]);
    // MADR's "Related decisions" stays in the body with its link followed.
    assert!(r3.body.contains("Related decisions: [Use Markdown Architectural Decision Records](0000-use-markdown-architectural-decision-records.md)"));
    builds_clean(&book);
}

#[test]
fn log4brains_date_named_records_are_numbered_in_date_order() {
    let source = TestBook::fixture("import-log4brains");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("docs/adr"))])
        .success()
        .stderr_has("skipped: template.md: a template")
        .stderr_has("skipped: README.md: not a record")
        .stderr_has("dated 2020-09-25 -> 0002  20200925-use-log4brains-to-manage-the-adrs.md");
    let rs = records(&book);
    let titles: Vec<_> = rs.values().map(|r| r.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Record decisions in the handbook",
            "Use Log4brains to manage the ADRs",
            "Use Markdown Architectural Decision Records",
            "Use Next.js for static site generation",
            "Avoid default exports",
            "Use Astro for static site generation",
        ]
    );
    let (next, rn) = by_title(&rs, "Use Next.js for static site generation");
    assert_eq!(
        (rn.status.as_str(), rn.date.as_str()),
        ("superseded", "2020-09-26")
    );
    assert_eq!(rn.tags, ["architecture", "frontend"]);
    let (_, ra) = by_title(&rs, "Use Astro for static site generation");
    // "2021-01-05; last update: …": the date before the trailing text.
    assert_eq!(
        (ra.date.as_str(), ra.supersedes.as_slice()),
        ("2021-01-05", &[next as i64][..])
    );
    // No `- Date:` line: the file name's date. `Tags:dev-tools` without a space.
    // Deterministic: the same import into another fresh handbook writes the same bytes.
    let again = fresh(false);
    import(&again, &[&path_str(&source.root().join("docs/adr"))]).success();
    let snapshot = |b: &TestBook| -> Vec<(String, Vec<u8>)> {
        let dir = b.root().join("content/decisions");
        let mut v: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| {
                let p = e.unwrap().path();
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(snapshot(&book), snapshot(&again));
    let (_, rd) = by_title(&rs, "Avoid default exports");
    assert_eq!(
        (rd.date.as_str(), rd.tags.as_slice()),
        ("2020-09-27", &["dev-tools".to_owned()][..])
    );
    builds_clean(&book);
}

/// RFC repositories: Rust's template (metadata bullets first, then `# Summary`; merged
/// RFCs in `text/`, accepted with `--status accepted`) and Ember's (front matter with a
/// `stage` and a `start-date`), imported into one handbook.
#[test]
fn rfc_repositories_take_titles_from_file_names_and_dates_from_start_dates() {
    let source = TestBook::fixture("import-rfcs");
    let book = fresh(false);
    import(
        &book,
        &[
            &path_str(&source.root().join("rust-rfcs")),
            "--status",
            "accepted",
        ],
    )
    .success()
    .stderr_has("skipped: 0000-template.md: a template: its date is an unfilled template value")
    .stderr_has("skipped: README.md: not a record")
    .stderr_has("text/0430-finalizing-naming-conventions.md:6: `# Summary` is a section, not a title; the title is made from the file name")
    .stderr_has("no status found; imported as accepted")
    .stderr_has("Imported 4 decisions");
    import(
        &book,
        &[
            &path_str(&source.root().join("ember-rfcs")),
            "--offset",
            "5000",
        ],
    )
    .success()
    .stderr_has("status `discontinued` imported as deprecated")
    .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    let (n, naming) = by_title(&rs, "Finalizing Naming Conventions");
    assert_eq!(
        (n, naming.status.as_str(), naming.date.as_str()),
        (430, "accepted", "2014-11-05")
    );
    // The sections move one level down under the title; the metadata the handbook has
    // keys for leaves the body, the pull request and tracking issue stay.
    let headings: Vec<&str> = naming.body.lines().filter(|l| l.starts_with('#')).collect();
    assert_eq!(
        headings,
        [
            "## Summary",
            "## Motivation",
            "## Detailed design",
            "### Services",
            "### Queues",
            "## Drawbacks"
        ]
    );
    assert!(!naming.body.contains("Start Date"), "{}", naming.body);
    assert!(
        naming.body.contains("- RFC PR: [acme/rfcs#430]"),
        "{}",
        naming.body
    );
    // A `#` line in a code block is no heading.
    let (_, config) = by_title(&rs, "Const Config");
    assert!(
        config.body.contains("```toml\n# A heading-like line"),
        "{}",
        config.body
    );
    assert!(
        config.body.contains("\n# Summary\nregion"),
        "{}",
        config.body
    );
    // The page's one <h1> is the title; a link between RFCs reaches the other record.
    let (_, governance) = by_title(&rs, "Platform Governance");
    builds_clean(&book);
    let page = decision_page(&book, governance);
    assert_eq!(texts(&page, "main h1"), ["Platform Governance"]);
    assert!(
        hrefs(&page, ".doc-body a")
            .iter()
            .any(|h| h == "../decisions/0430-finalizing-naming-conventions.html"),
        "{:?}",
        hrefs(&page, ".doc-body a")
    );
    // Ember's stages and start dates.
    let stage = |title: &str| {
        let (n, r) = by_title(&rs, title);
        (n, r.status.clone(), r.date.clone())
    };
    assert_eq!(
        stage("Route serializers"),
        (5012, "accepted".into(), "2018-01-08".into())
    );
    // The pull request of its front matter (`prs: {accepted: URL}`) stays, in the body.
    let (_, serializers) = by_title(&rs, "Route serializers");
    assert!(
        serializers
            .body
            .trim_start()
            .starts_with("- prs (accepted): <https://git.example/acme/rfcs/pull/12>\n\n## Summary"),
        "{}",
        serializers.body
    );
    assert_eq!(
        stage("Drop the legacy auth adapter"),
        (5031, "deprecated".into(), "2019-03-02".into())
    );
    assert_eq!(
        stage("Edge cache for rate quotes"),
        (5040, "proposed".into(), "2020-07-20".into())
    );
}

/// A `kep.yaml` an old editor saved in Windows-1252 is still the KEP's metadata (it was
/// passed over, and the record dated and statused without it).
#[test]
fn a_kep_yaml_in_windows_1252_still_gives_its_metadata() {
    let source = TestBook::fixture("import-keps");
    let yaml_path = source
        .root()
        .join("keps/sig-node/3960-pod-lifecycle-sleep-action/kep.yaml");
    let yaml = std::fs::read_to_string(&yaml_path).unwrap();
    let yaml = format!("# Révisé par SIG Node\n{yaml}");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&yaml);
    std::fs::write(&yaml_path, bytes).unwrap();
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("keps"))]).success();
    let rs = records(&book);
    let (_, sleep) = by_title(&rs, "Introducing Sleep Action for PreStop Hook");
    assert_eq!(
        (sleep.status.as_str(), sleep.date.as_str()),
        ("accepted", "2023-04-22")
    );
}

/// Kubernetes' enhancements repository: a folder per KEP under its SIG, the text in
/// `README.md` (`# KEP-3960: Title`, a tool-kept table of contents) and the metadata in
/// `kep.yaml` beside it; the template folder and the production-readiness files (YAML
/// only) are not records.
#[test]
fn keps_take_their_metadata_from_kep_yaml() {
    let source = TestBook::fixture("import-keps");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("keps"))])
        .success()
        .stderr_has("skipped: NNNN-kep-template/README.md: a template")
        .stderr_has("sig-node/3960-pod-lifecycle-sleep-action/kep.yaml:7: status `implementable` imported as accepted")
        .stderr_has("sig-node/3960-pod-lifecycle-sleep-action/kep.yaml: left out, orgbook has no place for them: reviewers, stage, latest-milestone, milestone, feature-gates, disable-supported")
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    let (n, sleep) = by_title(&rs, "Introducing Sleep Action for PreStop Hook");
    assert_eq!(
        (n, sleep.status.as_str(), sleep.date.as_str()),
        (3960, "accepted", "2023-04-22")
    );
    assert_eq!(sleep.tags, ["sig-node"]);
    // The table of contents mdtoc keeps is left out: the page has its own.
    assert!(!sleep.body.contains("<!-- toc -->"), "{}", sleep.body);
    assert!(
        sleep
            .body
            .trim_start()
            .starts_with("## Release Signoff Checklist"),
        "{}",
        sleep.body
    );
    // A link to another KEP's README reaches its record.
    assert!(
        sleep
            .body
            .contains("[KEP-1847](1847-auto-remove-pvcs-created-by-statefulset.md)"),
        "{}",
        sleep.body
    );
    let (_, pvcs) = by_title(&rs, "Auto remove PVCs created by StatefulSet");
    assert_eq!(pvcs.status, "accepted");
    let (_, withdrawn) = by_title(
        &rs,
        "Default container annotation that to be used by kubectl",
    );
    assert_eq!(
        (withdrawn.status.as_str(), withdrawn.date.as_str()),
        ("rejected", "2020-12-14")
    );
    // The approvers decide a KEP.
    let text =
        std::fs::read_to_string(book.root().join("content/decisions").join(&pvcs.file)).unwrap();
    assert!(
        text.contains("deciders = [\"kow3ns\", \"janetkuo\"]"),
        "{text}"
    );
    builds_clean(&book);
}

#[test]
fn duplicate_numbers_images_and_repository_links() {
    let source = TestBook::fixture("import-mixed");
    let book = fresh(false);
    let dir = path_str(&source.root().join("docs/architecture/decisions"));

    // Without --source-url, links to repository files are listed with the fix.
    let dry = import(&book, &[&dir, "--dry-run"]);
    dry.success()
        .stderr_has("links to `../../../infra/main.tf`, a file of the source repository")
        .stderr_has("import with --source-url URL")
        .stderr_has("skipped: .drafts/0099-draft.md: in a hidden folder");
    assert_eq!(records(&book).len(), 1, "--dry-run writes nothing");

    // Without --source-url the build still passes: the link text stays, unlinked.
    let plain = fresh(false);
    import(&plain, &[&dir])
        .success()
        .stderr_has("3 links to fix");
    let rs = records(&plain);
    assert!(
        by_title(&rs, "Use Gradle")
            .1
            .body
            .contains("Gradle with the Kotlin DSL. The infrastructure it deploys is in\nmain.tf;")
    );
    builds_clean(&plain);

    let run = import(
        &book,
        &[
            &dir,
            "--source-url",
            "https://git.example/acme/shop/tree/main/docs/architecture/decisions",
        ],
    );
    run.success()
        .stderr_has("  37 -> 0041  0037-use-redis-for-sessions.md")
        .stderr_has("  37 -> 0042  0037-use-s3-for-invoices.md")
        .stderr_has("3 attachments copied to attachments/")
        .stderr_has("3 links made absolute")
        .stderr_has("0012-serve-the-menu-in-latin-1.md: not UTF-8; read as windows-1252")
        .stderr_has(
            "nested/security/0011-use-oauth.md:1: the title says 6 but the file name says 11",
        );
    let rs = records(&book);
    assert_eq!(rs.len(), 12);
    // Not UTF-8: imported in the encoding it was saved in, with a note, not refused.
    let (_, latin) = by_title(&rs, "Serve the café menu in Latin-1");
    assert_eq!(latin.status, "accepted");
    // Titles are plain text, without numbering or boilerplate prefixes.
    let (_, span) = by_title(&rs, "Use Span<T> in parsers");
    assert_eq!(
        (span.status.as_str(), span.date.as_str()),
        ("accepted", "2019-04-01")
    );
    let (ten, es) = by_title(&rs, "Use event sourcing for orders");
    assert_eq!(ten, 10, "folder-per-record: the folder's number");
    assert!(
        es.body
            .contains("![Flow](attachments/records/0010-event-sourcing/flow.png)")
    );
    assert!(es.body.contains("[Redis](0041-use-redis-for-sessions.md)"));
    by_title(&rs, "Use OAuth 2 for service-to-service calls");
    let (_, kotlin) = by_title(&rs, "Use Kotlin");
    assert!(
        kotlin
            .body
            .contains("![System context](attachments/images/context.png)")
    );
    assert!(kotlin.body.contains("[ADR-002](0002-use-gradle.md)"));
    let (_, gradle) = by_title(&rs, "Use Gradle");
    assert!(
        gradle
            .body
            .contains("[main.tf](https://git.example/acme/shop/tree/main/infra/main.tf)")
    );
    assert!(
        gradle
            .body
            .contains("![Overview](attachments/diagrams/overview.png)")
    );
    // The undated superseded record is never decided after its successor.
    let (old, pg) = by_title(&rs, "Keep invoices in Postgres");
    let (_, s3) = by_title(&rs, "Keep invoices in S3 after all");
    assert_eq!(
        (pg.status.as_str(), pg.date.as_str()),
        ("superseded", "2020-05-05")
    );
    assert_eq!(s3.supersedes, [old as i64]);
    assert!(
        s3.body
            .contains("[the S3 record](0042-use-s3-for-invoices.md)")
    );
    assert!(
        book.root()
            .join("content/decisions/attachments/images/context.png")
            .is_file()
    );
    builds_clean(&book);
    assert!(
        book.out()
            .join("decisions/attachments/images/context.png")
            .is_file()
    );
}

#[test]
fn two_collections_in_one_handbook_keep_all_links_and_chains() {
    let tools = TestBook::fixture("import-adr-tools");
    let madr = TestBook::fixture("import-madr");
    let book = fresh(false);
    import(
        &book,
        &[
            &path_str(&tools.root().join("doc/adr")),
            "--source-url",
            "https://git.example/a/b/tree/main/doc/adr",
        ],
    )
    .success();
    // The second collection clashes with the first everywhere; --offset moves it whole.
    import(
        &book,
        &[
            &path_str(&madr.root().join("docs/decisions")),
            "--offset",
            "1000",
        ],
    )
    .success()
    .stderr_has("6 moved by --offset");
    let rs = records(&book);
    assert_eq!(rs.len(), 1 + 9 + 6);
    assert_eq!(by_title(&rs, "Help scripts").1.supersedes, [5]);
    assert_eq!(
        by_title(&rs, "Use YAML front matter for meta data")
            .1
            .supersedes,
        [1001]
    );
    assert_eq!(by_title(&rs, "Use CC0 as license").0, 1001);
    builds_clean(&book);

    // Without --offset the second collection's clashing numbers take free ones.
    let book = fresh(false);
    import(&book, &[&path_str(&madr.root().join("docs/decisions"))]).success();
    import(
        &book,
        &[
            &path_str(&tools.root().join("doc/adr")),
            "--source-url",
            "https://x.example/r",
        ],
    )
    .success()
    .stderr_has("Renumbered (old -> new):");
    let rs = records(&book);
    assert_eq!(rs.len(), 1 + 6 + 9);
    let (five, _) = by_title(&rs, "Help comments");
    assert_eq!(by_title(&rs, "Help scripts").1.supersedes, [five as i64]);
    assert_eq!(by_title(&rs, "Help comments").1.status, "superseded");
    builds_clean(&book);
}

#[test]
fn keep_numbers_refuses_a_clash_and_writes_nothing() {
    let source = TestBook::fixture("import-adr-tools");
    let book = fresh(false);
    import(
        &book,
        &[&path_str(&source.root().join("doc/adr")), "--keep-numbers"],
    )
    .failure(1)
    .stderr_has("0001-record-architecture-decisions.md: decision number 1 is already taken")
    .stderr_has("Nothing imported");
    assert_eq!(records(&book).len(), 1);
    import(
        &book,
        &[
            &path_str(&source.root().join("doc/adr")),
            "--source-url",
            "doc/adr",
        ],
    )
    .failure(2)
    .stderr_has("is not a web address");
    // Imported twice: the second run leaves the records it imported before alone.
    let dir = path_str(&source.root().join("doc/adr"));
    let url = "https://x.example/doc/adr";
    import(&book, &[&dir, "--source-url", url]).success();
    let first = records(&book);
    import(&book, &[&dir, "--source-url", url])
        .success()
        .stderr_has("skipped: 0009-help-scripts.md: imported before, as content/decisions/0009-help-scripts.md")
        .stderr_has("Nothing new to import");
    assert_eq!(records(&book).len(), first.len());
    // A record written since: only it is imported, linked to the ones there already.
    std::fs::write(
        source.root().join("doc/adr/0010-use-a-new-shell.md"),
        "# 10. Use a new shell\n\nDate: 2024-05-01\n\n## Status\n\nAccepted\n\nSupersedes [9. Help scripts](0009-help-scripts.md)\n\n## Context\n\nSee [the scripts](0009-help-scripts.md).\n",
    )
    .unwrap();
    import(&book, &[&dir, "--source-url", url])
        .success()
        .stderr_has("Imported 1 decision")
        .stderr_has("imported before and left alone");
    let after = records(&book);
    assert_eq!(after.len(), first.len() + 1);
    let (_, new) = by_title(&after, "Use a new shell");
    assert_eq!(new.supersedes, [9]);
    assert!(new.body.contains("(0009-help-scripts.md)"), "{}", new.body);
    builds_clean(&book);
}

pub(crate) fn git(dir: &Path, args: &[&str], date: &str) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .env("GIT_AUTHOR_NAME", "T")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "T")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .expect("git is installed (CI installs it)");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn undated_records_take_the_date_of_the_commit_that_added_them() {
    let repo = tempfile::tempdir().unwrap();
    let adr = repo.path().join("doc/adr");
    std::fs::create_dir_all(&adr).unwrap();
    git(repo.path(), &["init", "-q"], "2021-06-07T10:00:00");
    std::fs::write(
        adr.join("0001-use-x.md"),
        "# 1. Use X\n\n## Status\n\nAccepted\n",
    )
    .unwrap();
    git(repo.path(), &["add", "."], "2021-06-07T10:00:00");
    git(
        repo.path(),
        &["commit", "-q", "-m", "first"],
        "2021-06-07T10:00:00",
    );
    std::fs::write(
        adr.join("0002-use-y.md"),
        "# 2. Use Y\n\n## Status\n\nProposed\n",
    )
    .unwrap();
    git(repo.path(), &["add", "."], "2022-01-02T10:00:00");
    git(
        repo.path(),
        &["commit", "-q", "-m", "second"],
        "2022-01-02T10:00:00",
    );
    // Edited later: the date is still the one of the commit that added it.
    std::fs::write(
        adr.join("0001-use-x.md"),
        "# 1. Use X\n\n## Status\n\nAccepted\n\nMore.\n",
    )
    .unwrap();
    git(
        repo.path(),
        &["commit", "-q", "-am", "edit"],
        "2023-03-04T10:00:00",
    );
    // Not committed at all: today, and listed.
    std::fs::write(
        adr.join("0003-use-z.md"),
        "# 3. Use Z\n\n## Status\n\nProposed\n",
    )
    .unwrap();

    let book = fresh(false);
    import(&book, &[&path_str(&adr), "--offset", "10"])
        .success()
        .stderr_has("2 dated from git")
        .stderr_has("1 dated today")
        .stderr_has("0003-use-z.md: no date in the record and the file is not committed; dated today (2026-11-25)");
    let rs = records(&book);
    assert_eq!(rs[&11].date, "2021-06-07");
    assert_eq!(rs[&12].date, "2022-01-02");
    assert_eq!(rs[&13].date, TODAY);
    builds_clean(&book);
}

/// Records that an import once lost or garbled: a real record whose status the author
/// meant to fill in later (`[fill in once agreed]`) was skipped as a template; a date with
/// day and month swapped became today, its text gone; a title that kept the template's
/// `n.` kept it in its title and file name. A real template is still skipped.
#[test]
fn placeholder_statuses_swapped_dates_and_placeholder_numbers_lose_nothing() {
    let source = TestBook::fixture("import-adr-stumbles");
    let adr = source.root().join("adr");
    let book = fresh(false);
    import(&book, &[&path_str(&adr)])
        .success()
        .stderr_has("skipped: template.md: a template")
        .stderr_lacks("skipped: 0003")
        .stderr_has("0003-use-queues.md:4: status `[fill in once agreed]` is a placeholder, not a status; imported as proposed")
        .stderr_has("0004-keep-invoices-for-ten-years.md:3: date `2024-14-02` has no month 14; read as year-day-month, 2024-02-14")
        .stderr_has("0005-one-region-for-now.md: the record's date `the Monday after the offsite` could not be read and no git history; dated today (2026-11-25) instead")
        .stderr_lacks("no date in the record")
        .stderr_has("Imported 4 decisions");
    let rs = records(&book);
    let (_, queues) = by_title(&rs, "Use a queue for outbound mail");
    assert_eq!(queues.status, "proposed");
    assert!(queues.body.contains("Send mail from a background queue."));
    let (_, invoices) = by_title(&rs, "Keep invoices for ten years");
    assert_eq!(invoices.date, "2024-02-14");
    let (_, region) = by_title(&rs, "One region for now");
    assert_eq!(region.date, TODAY);
    assert!(
        region
            .body
            .trim_start()
            .starts_with("- Date as written: the Monday after the offsite\n"),
        "{}",
        region.body
    );
    let (ten, django) = by_title(&rs, "Django Templates");
    assert_eq!(
        (ten, django.file.as_str()),
        (10, "0010-django-templates.md")
    );
    builds_clean(&book);

    // Committed: the commit's date stands in, and the text still stays.
    git(&adr, &["init", "-q"], "2023-09-10T10:00:00");
    git(&adr, &["add", "."], "2023-09-10T10:00:00");
    git(
        &adr,
        &["commit", "-q", "-m", "records"],
        "2023-09-10T10:00:00",
    );
    let book = fresh(false);
    import(&book, &[&path_str(&adr)])
        .success()
        .stderr_has("0005-one-region-for-now.md: the record's date `the Monday after the offsite` could not be read; dated 2023-09-10, when the file was committed");
    let rs = records(&book);
    let (_, region) = by_title(&rs, "One region for now");
    assert_eq!(region.date, "2023-09-10");
    assert!(
        region
            .body
            .contains("Date as written: the Monday after the offsite")
    );
}

#[test]
fn help_says_what_is_guessed_and_how_to_control_it() {
    let book = fresh(true);
    let adr = book.run(&["import", "adr", "--help"]);
    adr.success();
    for needle in [
        "--offset",
        "--keep-numbers",
        "--source-url",
        "git",
        "template",
        "nearest",
    ] {
        assert!(adr.stdout.contains(needle), "{needle}:\n{}", adr.stdout);
    }
    let bs = book.run(&["import", "backstage", "--help"]);
    bs.success();
    for needle in [
        "spec.type",
        "memberOf",
        "spec.owner",
        "placeholder-text",
        "Location",
    ] {
        assert!(bs.stdout.contains(needle), "{needle}:\n{}", bs.stdout);
    }
}

#[test]
fn init_empty_builds_and_the_sample_survives_deleting_any_of_its_files() {
    let book = fresh(true);
    let rs = records(&book);
    assert!(rs.is_empty());
    assert!(
        !book
            .root()
            .join("content/teams/engineering/platform.md")
            .exists()
    );
    builds_clean(&book);

    for gone in [
        "content/decisions/0001-record-decisions-in-the-handbook.md",
        "content/how-we-work.md",
        "content/_index.md",
        "content/teams/engineering/platform.md",
    ] {
        let book = fresh(false);
        book.remove(gone);
        builds_clean(&book);
    }
    // The sample team together with the decision it owns.
    let book = fresh(false);
    book.remove("content/decisions/0001-record-decisions-in-the-handbook.md")
        .remove("content/teams/engineering/platform.md");
    builds_clean(&book);
}

#[test]
fn placeholder_text_is_a_health_finding() {
    let book = fresh(false);
    book.run(&["new", "team", "payments", "--parent", "engineering"])
        .success();
    book.run(&["new", "decision", "Adopt Kafka", "--team", "payments"])
        .success();
    builds_clean(&book);
    let page = book.html("health.html");
    let found = texts(&page, "section[aria-labelledby='rule-placeholder-text'] li");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().any(|f| f.contains("Payments")), "{found:?}");
    assert!(found.iter().any(|f| f.contains("Adopt Kafka")), "{found:?}");
}

/// A charter's (kind, parent, members with the lead, owns), sorted.
type CharterShape = (String, Option<String>, Vec<String>, Vec<String>);

/// The catalog as groups → (kind, parent, members, owns), from the charters written.
fn charters(book: &TestBook) -> BTreeMap<String, CharterShape> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(book.root().join("content/teams")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let fm = text
            .strip_prefix("+++\n")
            .unwrap()
            .split_once("+++\n")
            .unwrap()
            .0;
        let t: toml::Table = toml::from_str(fm).unwrap();
        let list = |k: &str| -> Vec<String> {
            let mut v: Vec<String> = t
                .get(k)
                .and_then(|v| v.as_array())
                .map(|a| a.iter().map(|s| s.as_str().unwrap().to_owned()).collect())
                .unwrap_or_default();
            if let Some(lead) = t.get("lead").and_then(|l| l.as_str())
                && k == "members"
                && !v.iter().any(|m| m == lead)
            {
                v.push(lead.to_owned());
            }
            v.sort();
            v
        };
        let slug = entry
            .path()
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        out.insert(
            slug,
            (
                t["kind"].as_str().unwrap().to_owned(),
                t.get("parent").and_then(|p| p.as_str()).map(str::to_owned),
                list("members"),
                list("owns"),
            ),
        );
    }
    out
}

#[test]
fn acme_shaped_catalog_imports_and_builds() {
    let catalog = TestBook::fixture("import-backstage");
    let book = fresh(true);
    let run = book.run(&[
        "import",
        "backstage",
        &path_str(&catalog.root().join("catalog-info.yaml")),
    ]);
    // The group `init --empty` wrote is left with no teams: the report says it is theirs
    // to delete or reuse.
    run.success()
        .stderr_has("Imported 9 charters (4 teams, 5 groups) with 17 members")
        .stderr_has("note: content/teams/engineering.md, the group `orgbook init --empty` started the handbook with, has no teams: delete it");
    let cs = charters(&book);
    assert_eq!(cs.len(), 10, "9 groups and the init group: {cs:?}");
    assert_eq!(cs["acme-corp"].0, "group");
    assert_eq!(cs["acme-corp"].1, None);
    assert_eq!(cs["infrastructure"].1.as_deref(), Some("acme-corp"));
    assert_eq!(cs["team-a"].0, "team");
    assert_eq!(cs["team-a"].1.as_deref(), Some("backstage"));
    // A user in two namespaces is one person; a display name wins over the entity name.
    assert_eq!(
        cs["team-a"].2,
        [
            "Breanna Davison",
            "Guest User",
            "Janelle Dawe",
            "Nigel Manning"
        ]
    );
    assert_eq!(
        cs["team-b"].3,
        ["Artist Lookup", "Playback Order", "podcast-api"]
    );
    assert!(
        book.root()
            .join("content/teams/acme-corp/infrastructure/backstage/team-a.md")
            .is_file()
    );
    builds_clean(&book);
    // Problem and metric are placeholders the health page lists, one per team.
    let page = book.html("health.html");
    let found = texts(&page, "section[aria-labelledby='rule-placeholder-text'] li");
    assert_eq!(found.len(), 4, "{found:?}");
}

#[test]
fn backstage_round_trip_reproduces_hierarchy_members_and_ownership() {
    let catalog = TestBook::fixture("import-backstage");
    let first = fresh(true);
    first
        .run(&[
            "import",
            "backstage",
            &path_str(&catalog.root().join("catalog-info.yaml")),
        ])
        .success();
    // Team B writes down its problem; the export carries it as the group's description,
    // and the import reads it back as the problem.
    let team_b = "content/teams/acme-corp/infrastructure/backstage/team-b.md";
    let text: String = first
        .read(team_b)
        .lines()
        .map(|l| match l.starts_with("problem = ") {
            true => "problem = \"Listeners wait too long for playback to start.\"\n".to_owned(),
            false => format!("{l}\n"),
        })
        .collect();
    first.write(team_b, &text);
    let exported: PathBuf = first.root().join("exported");
    first
        .run(&["export", "backstage", "--output", &path_str(&exported)])
        .success();

    let second = fresh(true);
    second
        .run(&[
            "import",
            "backstage",
            &path_str(&exported.join("catalog-info.yaml")),
        ])
        .success()
        .stderr_has("each team's metric, and the problem of 3 teams without a description, are placeholders");
    let (a, b) = (charters(&first), charters(&second));
    assert_eq!(
        a, b,
        "hierarchy, members and ownership survive the round trip"
    );
    assert_eq!(
        a["team-b"].3,
        ["Artist Lookup", "Playback Order", "podcast-api"]
    );
    assert_eq!(a["backstage"].3, ["Artists"]);
    // The GitHub team Backstage's annotation names is the charter's CODEOWNERS team, and
    // goes back out as the same annotation.
    for book in [&first, &second] {
        let team_a = book.read("content/teams/acme-corp/infrastructure/backstage/team-a.md");
        assert!(
            team_a.contains("codeowners = [\"@acme-corp/team-a-eng\"]"),
            "{team_a}"
        );
    }
    let exported_groups = std::fs::read_to_string(exported.join("groups.yaml")).unwrap();
    assert!(
        exported_groups.contains("github.com/team-slug: acme-corp/team-a-eng"),
        "{exported_groups}"
    );
    let (b, _) = charter_table(&second, team_b);
    assert_eq!(
        b["problem"].as_str(),
        Some("Listeners wait too long for playback to start.")
    );
    builds_clean(&second);
}

/// The charter at `rel`, its front matter parsed with the toml crate.
pub(crate) fn charter_table(book: &TestBook, rel: &str) -> (toml::Table, String) {
    let text = book.read(rel);
    let rest = text.strip_prefix("+++\n").unwrap();
    let (fm, body) = rest.split_once("+++\n").unwrap();
    (toml::from_str(fm).unwrap(), body.to_owned())
}

/// A Team API page that lists something a charter of the handbook already owns: the
/// import leaves it with its owner (with a note), so the build that follows has no
/// `contested-ownership` error to fix.
#[test]
fn team_api_import_leaves_items_the_handbook_owns_with_their_owner() {
    let book = fresh(true);
    book.write(
        "content/teams/billing.md",
        "+++\nname = \"Billing\"\nproblem = \"Invoices go out late.\"\nowns = [\"Ledger\"]\nmembers = [\"Ada\"]\nreviewed = 2026-11-01\n\n[[metrics]]\nname = \"Invoices on time\"\ntarget = \"99 %\"\n+++\n",
    );
    let source = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(source.path().join("payments")).unwrap();
    std::fs::write(
        source.path().join("payments/README.md"),
        "# Payments\n\n* Team name and focus: Payments – card acceptance\n* Team type: Stream-aligned\n* Software owned and evolved by this team: ledger, payments-api\n",
    )
    .unwrap();
    book.run(&["import", "team-api", &path_str(source.path())])
        .success()
        .stderr_has("ledger is already owned by content/teams/billing.md; left out");
    let (payments, _) = charter_table(&book, "content/teams/payments.md");
    assert_eq!(
        payments["owns"].as_array().map(|a| a.len()),
        Some(1),
        "{payments:?}"
    );
    assert_eq!(payments["owns"][0].as_str(), Some("payments-api"));
    let (billing, _) = charter_table(&book, "content/teams/billing.md");
    assert_eq!(billing["owns"][0].as_str(), Some("Ledger"));
    let root = path_str(book.root());
    book.run(&["check", "--root", &root])
        .success()
        .stderr_lacks("contested-ownership");
}

#[test]
fn team_api_documents_become_charters_with_groups_ownership_and_interactions() {
    let source = TestBook::fixture("import-team-api");
    let book = fresh(true);
    let repo = path_str(&source.root().join("team-apis"));
    let visualizer = path_str(&source.root().join("visualizer"));
    // --dry-run lists the files and writes nothing.
    let dry = book.run(&["import", "team-api", &repo, &visualizer, "--dry-run"]);
    dry.success().stderr_has("Would import 8 charters");
    assert!(
        dry.stdout
            .contains("content/teams/core-platform/identity-access.md"),
        "{}",
        dry.stdout
    );
    assert!(!book.root().join("content/teams/payments.md").exists());

    let run = book.run(&["import", "team-api", &repo, &visualizer]);
    run.success()
        .stderr_has(
            "Imported 8 charters (6 teams, 2 groups) with 8 interactions and 11 owned items",
        )
        // The unfilled template and the repository's own README are not teams.
        .stderr_has("TEMPLATE.md: a Team API template")
        .stderr_has("team-apis/README.md: not a Team API")
        // Rows that cannot become interactions are named with their line.
        .stderr_has("checkout/README.md:23: no team named Legal")
        .stderr_has("checkout/README.md:24: interaction mode `Pairing`")
        // Checkout wrote the first payments-api; it carries Payments' name, so it is theirs.
        .stderr_has("checkout/README.md: payments-api is also claimed by")
        .stderr_has("whose name it carries")
        .stderr_has("date `March 2024` has no day")
        // Saved by an old Windows editor: read in its encoding, with a note.
        .stderr_has("field-ops/README.md: not UTF-8; read as windows-1252")
        .stderr_has("metadata.size (6)");
    assert!(
        !run.stderr.contains("PULL_REQUEST_TEMPLATE"),
        "{}",
        run.stderr
    );
    // A second run writes nothing and says so, as the other importers do.
    let before = book.read("content/teams/payments.md");
    book.run(&["import", "team-api", &repo, &visualizer])
        .success()
        .stderr_has("Nothing new to import: the teams of the 6 Team API documents are charters of the handbook already")
        .stderr_has("team Payments is already in the handbook as content/teams/payments.md; kept as it is");
    assert_eq!(book.read("content/teams/payments.md"), before);

    // Its accented letters survive the old encoding ("dépôts", not "d\u{FFFD}p\u{FFFD}ts").
    let (field_ops, _) = charter_table(&book, "content/teams/field-ops.md");
    assert_eq!(
        field_ops["problem"].as_str(),
        Some("The dépôts, vans and drivers")
    );

    // Saved with a byte-order mark and CRLF line endings, from the original template.
    let (payments, body) = charter_table(&book, "content/teams/payments.md");
    assert_eq!(payments["name"].as_str(), Some("Payments"));
    assert_eq!(
        payments["problem"].as_str(),
        Some("Take card and wallet payments in every market we sell in")
    );
    assert_eq!(payments["topology"].as_str(), Some("stream-aligned"));
    assert_eq!(payments["reviewed"].to_string(), "2024-03-12");
    assert_eq!(
        payments["contact"]["chat"].as_str(),
        Some("#payments #payments-oncall")
    );
    assert!(payments.get("parent").is_none(), "Part of a Platform: n");
    assert!(!body.contains('\r') && !body.contains('\u{feff}'));
    assert!(
        body.contains("Versioning approaches: semantic versioning"),
        "{body}"
    );
    assert!(!body.contains("Team name and focus"), "{body}");
    assert!(
        !body.contains("Ways of working:"),
        "empty fields go: {body}"
    );
    assert!(
        !body.contains("> Team"),
        "the template's instructions go: {body}"
    );

    // "Part of a Platform? y – Core Platform": a group charter and the team inside it.
    let (group, _) = charter_table(&book, "content/teams/core-platform.md");
    assert_eq!(group["kind"].as_str(), Some("group"));
    let (identity, _) = charter_table(&book, "content/teams/core-platform/identity-access.md");
    assert_eq!(identity["parent"].as_str(), Some("core-platform"));
    let (data, _) = charter_table(&book, "content/teams/core-platform/data-platform.md");
    assert_eq!(data["reviewed"].to_string(), "2024-03-01");
    // The later template: front matter, sections, DORA metrics, a value stream.
    let (search, body) = charter_table(&book, "content/teams/storefront/search-team.md");
    assert_eq!(search["parent"].as_str(), Some("storefront"));
    let metrics: Vec<(&str, &str)> = search["metrics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["name"].as_str().unwrap(), m["current"].as_str().unwrap()))
        .collect();
    assert_eq!(
        metrics,
        [
            ("Lead time for changes", "3 days"),
            ("Deployment frequency", "daily"),
            ("Change failure rate", "5 %"),
            ("Time to restore service", "2 hours")
        ]
    );
    assert!(
        body.contains("## Service-level expectations (SLA)"),
        "{body}"
    );

    builds_clean(&book);

    // The pages: interactions both ways, ownership, the group on the team page.
    let page = book.html("teams/payments.html");
    let depends: Vec<String> = hrefs(&page, ".interactions dd:nth-of-type(1) a");
    assert_eq!(
        depends,
        [
            "../teams/identity-access.html",
            "../teams/data-platform.html"
        ]
    );
    assert_eq!(
        hrefs(&page, ".interactions dd:nth-of-type(2) a"),
        ["../teams/checkout.html"]
    );
    assert_eq!(
        texts(&page, "#owns-title + ul li"),
        ["payments-api", "ledger", "refunds-worker"]
    );
    let checkout = book.html("teams/checkout.html");
    assert_eq!(
        texts(&checkout, "#owns-title + ul li"),
        ["checkout-web", "basket-service"]
    );
    // The rows orgbook could not map stay readable in the body.
    let rows = texts(&checkout, ".prose table tbody td:first-child");
    assert_eq!(rows, ["Legal", "Data Platform"]);
    let search_page = book.html("teams/search-team.html");
    assert_eq!(
        hrefs(&search_page, ".interactions dd:nth-of-type(1) a"),
        ["../teams/checkout.html", "../teams/data-platform.html"]
    );
    // The collaboration both teams list is not one-way.
    let health = book.html("health.html");
    assert!(
        texts(
            &health,
            "section[aria-labelledby='rule-one-way-collaboration'] li"
        )
        .is_empty(),
        "Checkout and Identity & Access both list their collaboration"
    );
}

#[test]
fn team_api_documents_inside_content_are_one_error_each_and_must_move_out_first() {
    let source = TestBook::fixture("import-team-api");
    let book = fresh(true);
    let teams = book.root().join("content/teams");
    std::fs::copy(
        source.root().join("team-apis/identity/team-api.md"),
        teams.join("identity.md"),
    )
    .unwrap();
    std::fs::copy(
        source.root().join("visualizer/teams/search-team.md"),
        teams.join("search-team.md"),
    )
    .unwrap();
    let run = book.run(&["check", "--format", "json"]);
    run.failure(1);
    let codes: Vec<(String, String)> = run
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|d| d["severity"] == "error")
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (
                "foreign-charter".to_owned(),
                "content/teams/identity.md".to_owned()
            ),
            (
                "foreign-charter".to_owned(),
                "content/teams/search-team.md".to_owned()
            ),
        ],
        "one error per document, not one per key: {}",
        run.stdout
    );
    // Importing them from where they are is refused: they would stay beside their charters.
    book.run(&["import", "team-api", &path_str(&teams)])
        .failure(2)
        .stderr_has("inside the handbook's content folder")
        .stderr_has("git mv content/teams/");
    assert!(!teams.join("identity-access.md").exists());
}

/// A Backstage catalog file an old editor saved in Windows-1252 is read in that encoding,
/// with a note: the group keeps the accent of its display name.
#[test]
fn a_backstage_catalog_in_windows_1252_is_read_with_a_note() {
    let catalog = TestBook::fixture("import-backstage");
    let org = std::fs::read_to_string(catalog.root().join("org.yaml"))
        .unwrap()
        .replace("displayName: Team A", "displayName: Équipe A");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&org);
    std::fs::write(catalog.root().join("org.yaml"), bytes).unwrap();
    let book = fresh(true);
    book.run(&[
        "import",
        "backstage",
        &path_str(&catalog.root().join("catalog-info.yaml")),
    ])
    .success()
    .stderr_has("org.yaml: not UTF-8; read as windows-1252");
    let team_a = book.read("content/teams/acme-corp/infrastructure/backstage/team-a.md");
    assert!(team_a.contains("name = \"Équipe A\""), "{team_a}");
}

/// A group's `reviewed` is when its catalog file last changed in git, not the day of the
/// import; a catalog outside git gives none, and the summary says so.
#[test]
fn backstage_groups_are_reviewed_when_their_catalog_file_last_changed() {
    let catalog = TestBook::fixture("import-backstage");
    let repo = catalog.root();
    git(repo, &["init", "-q"], "2022-09-10T09:00:00Z");
    git(repo, &["add", "."], "2022-09-10T09:00:00Z");
    git(
        repo,
        &["commit", "-q", "-m", "catalog"],
        "2022-09-10T09:00:00Z",
    );
    let book = fresh(true);
    let file = path_str(&repo.join("catalog-info.yaml"));
    book.run(&["import", "backstage", &file])
        .success()
        .stderr_lacks("no `reviewed` date");
    let team_a = book.read("content/teams/acme-corp/infrastructure/backstage/team-a.md");
    assert!(team_a.contains("reviewed = 2022-09-10\n"), "{team_a}");

    let outside_git = TestBook::fixture("import-backstage");
    let book = fresh(true);
    book.run(&[
        "import",
        "backstage",
        &path_str(&outside_git.root().join("catalog-info.yaml")),
    ])
    .success()
    .stderr_has("charters have no `reviewed` date (their catalog file has no git history)");
    let team_a = book.read("content/teams/acme-corp/infrastructure/backstage/team-a.md");
    assert!(!team_a.contains("reviewed"), "{team_a}");
    book.build().success();
    let health = texts(&book.html("health.html"), "main li").concat();
    assert!(health.contains("has never been reviewed"), "{health}");
}

/// A Team API document without a date is dated by its last commit; outside git it gets no
/// `reviewed`, and the summary says so (the day of the import would hide its staleness).
#[test]
fn undated_team_api_documents_are_reviewed_when_they_last_changed() {
    let repo = tempfile::tempdir().unwrap();
    let doc = repo.path().join("route-planning/README.md");
    std::fs::create_dir_all(doc.parent().unwrap()).unwrap();
    std::fs::write(
        &doc,
        "# Team API: Route Planning\n\n* Team name and focus: Route Planning – plans the vans' routes for each day\n* Team type: stream-aligned\n",
    )
    .unwrap();
    let book = fresh(true);
    book.run(&["import", "team-api", &path_str(repo.path()), "--dry-run"])
        .success()
        .stderr_has("1 team had no date (in the document or its git history), so no `reviewed`");
    git(repo.path(), &["init", "-q"], "2021-06-15T08:00:00Z");
    git(repo.path(), &["add", "."], "2021-06-15T08:00:00Z");
    git(
        repo.path(),
        &["commit", "-q", "-m", "team api"],
        "2021-06-15T08:00:00Z",
    );
    book.run(&["import", "team-api", &path_str(repo.path())])
        .success()
        .stderr_lacks("had no date");
    let (route, _) = charter_table(&book, "content/teams/route-planning.md");
    assert_eq!(route["reviewed"].to_string(), "2021-06-15");
}

/// A catalog shaped like an organisation's real one: a root Location whose targets use
/// `*` and `**` and name a file deleted long ago, a group name used in two namespaces, a
/// service and its API with one name and two owners, a squad, a Template, a group defined
/// twice. The import takes what maps, says what it skipped (file:line), and the handbook
/// builds clean; a second run finds nothing new and still succeeds.
#[test]
fn a_real_shaped_backstage_catalog_imports_builds_and_reimports() {
    let catalog = TestBook::fixture("import-backstage-quirks");
    let book = fresh(true);
    let root_file = path_str(&catalog.root().join("catalog-info.yaml"));
    book.run(&["import", "backstage", &root_file])
        .success()
        .stderr_has("catalog-info.yaml:13: Location target ./users.yaml matches no file; skipped")
        .stderr_has("checkout/catalog-info.yaml:34: owned by group:team-shipping, which is not a group in the catalog or a charter of the handbook; not mapped: \"Component label-printer\"")
        .stderr_has("groups.yaml:59: 1 Template entity not mapped")
        // A group defined again in a team's own file: the note says where the first is.
        .stderr_has("till/catalog-info.yaml:11: group default/logistics is defined twice; the first, at ")
        .stderr_has("org/groups.yaml:11, is used")
        .stderr_has("Imported 5 charters (3 teams, 2 groups) with 3 members and 4 owned entities");
    let cs = charters(&book);
    // Two groups named payments, apart; the owner's namespace defaults to the owned
    // entity's; the service and its API stay two items.
    assert_eq!(cs["retail-payments"].3, ["petstore (Component)", "till"]);
    assert_eq!(cs["finance-payments"].3, ["fraud-scorer"]);
    assert_eq!(cs["routing"].3, ["petstore (API)"]);
    assert_eq!(cs["retail-payments"].2, ["Wei Chen"]);
    assert_eq!(cs["routing"].0, "team", "a squad is a team");
    assert_eq!(cs["logistics"].0, "group", "a tribe is a group");
    assert_eq!(cs["routing"].1.as_deref(), Some("logistics"));
    builds_clean(&book);
    let ownership = book.html("ownership.html");
    let items = texts(&ownership, "main td, main li");
    assert!(
        items.iter().any(|t| t.contains("petstore (API)")),
        "{items:?}"
    );

    // Again: nothing new, nothing written, not a failure.
    let before = charters(&book);
    book.run(&["import", "backstage", &root_file])
        .success()
        .stderr_has(
            "Nothing new to import: 5 groups of the catalog are charters of the handbook already",
        )
        .stderr_lacks("is already owned by");
    assert_eq!(charters(&book), before);

    // A service's own catalog file, owned by a team the handbook has: what to add.
    let service = book.root().join("route-planner.yaml");
    std::fs::write(
        &service,
        "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: route-planner\nspec:\n  type: service\n  owner: group:default/routing\n",
    )
    .unwrap();
    book.run(&["import", "backstage", &path_str(&service)])
        .success()
        .stderr_has("content/teams/harbour/logistics/routing.md owns \"route-planner\" in the catalog; the import does not edit a charter: add them to its `owns`");
}

/// A group's `metadata.links` (a wiki, a runbook) used to be dropped without a word, and a
/// `spec.children` entry naming a group the catalog does not have (renamed on one side
/// only) was ignored, leaving the team at the top of the hierarchy unnoticed.
#[test]
fn a_groups_links_are_kept_and_a_missing_child_is_named() {
    let catalog = TestBook::fixture("import-backstage-links");
    let book = fresh(true);
    book.run(&[
        "import",
        "backstage",
        &path_str(&catalog.root().join("catalog-info.yaml")),
    ])
    .success()
    .stderr_has("catalog-info.yaml:1: group studio lists children that are in neither the catalog nor the handbook: \"lighting\" (did you mean lightning?); left out");
    let cs = charters(&book);
    assert_eq!(cs["lightning"].1.as_deref(), Some("studio"));
    assert_eq!(cs["soundstage"].1.as_deref(), Some("studio"));
    builds_clean(&book);
    let page = book.html("teams/lightning.html");
    let links: Vec<(String, String)> = texts(&page, ".prose li a")
        .into_iter()
        .zip(hrefs(&page, ".prose li a"))
        .collect();
    assert_eq!(
        links,
        [
            (
                "Lighting runbook".to_owned(),
                "https://runbooks.example/lighting".to_owned()
            ),
            (
                "https://status.example/lighting".to_owned(),
                "https://status.example/lighting".to_owned()
            ),
        ]
    );
    let studio = book.html("teams/studio.html");
    assert!(
        hrefs(&studio, ".prose a").contains(&"https://wiki.example/studio".to_owned()),
        "{:?}",
        hrefs(&studio, ".prose a")
    );
}

/// A MADR folder written in French, kept by a Jekyll theme (`parent` and `nav_order` in
/// every record), with the team's template (instructions and an example heading in a
/// comment) and a record superseded by a merge request rather than a record: statuses,
/// dates and deciders are read in their language, quotes and all; the template is skipped;
/// the merge request stays on the page; the theme's keys cost one note each, not one per
/// record.
#[test]
fn a_french_madr_folder_kept_by_jekyll_imports_as_written() {
    let source = TestBook::fixture("import-madr-fr");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("docs/adr"))])
        .success()
        .stderr_has("skipped: 0000-TEMPLATE.md: a template: its title `0. Template` names a template")
        .stderr_has("note: `parent` has no orgbook key; dropped in 5 records (the first: 0001-utiliser-madr.md:2)")
        .stderr_lacks("0002-postgres-pour-les-commandes.md:2: `parent")
        .stderr_lacks("status `accepté` imported as accepted")
        .stderr_has("Imported 5 decisions");
    let rs = records(&book);
    assert!(rs.values().all(|r| !r.title.contains("Choisir")), "{rs:?}");
    let (_, madr) = by_title(&rs, "Utiliser MADR pour nos décisions");
    assert_eq!(
        (madr.status.as_str(), madr.date.as_str()),
        ("accepted", "2024-02-01")
    );
    assert!(!madr.body.contains("statut"), "{}", madr.body);
    let (_, pg) = by_title(&rs, "PostgreSQL pour les commandes");
    assert_eq!(
        (pg.status.as_str(), pg.date.as_str()),
        ("accepted", "2024-03-12")
    );
    let (three, queue) = by_title(&rs, "Une file de messages maison");
    assert_eq!(queue.status, "superseded");
    let (_, kafka) = by_title(&rs, "Kafka pour les événements");
    assert_eq!(kafka.supersedes, [i64::from(three)]);
    let (_, cache) = by_title(&rs, "Cache des prix en mémoire");
    assert_eq!(cache.status, "superseded");
    assert!(
        cache.body.contains("## Related decisions")
            && cache
                .body
                .contains("https://git.example.org/boutique/-/merge_requests/88"),
        "{}",
        cache.body
    );
    builds_clean(&book);
    let page = book.html("decisions/0001-utiliser-madr-pour-nos-decisions.html");
    let people = texts(&page, "main");
    assert!(
        people.iter().any(|t| t.contains("Léa Martin")),
        "{people:?}"
    );
}

/// A MADR record filled in from the template but for one pro or con: it imports as
/// written, the report names the line, and the build lists it under `placeholder-text`
/// with the placeholder, at its line, until someone fills it in.
#[test]
fn a_madr_record_with_a_template_placeholder_left_is_imported_and_flagged() {
    let source = tempfile::tempdir().unwrap();
    std::fs::write(
        source.path().join("0003-cache-prices.md"),
        "---\nstatus: accepted\ndate: 2025-04-02\n---\n# Cache prices in the edge\n\n## Context and Problem Statement\n\nPrice lookups are slow at peak.\n\n## Considered Options\n\n* Edge cache\n* [Read replicas](https://example.com/replicas)\n\n## Decision Outcome\n\nChosen option: \"Edge cache\", because it is the cheapest.\n\n### Pros and Cons of the Options\n\n* Good, because lookups stay local\n* Bad, because {argument d}\n* Neutral, because {argument c}\n\n```json\n{\"argument a\": 1}\n```\n",
    )
    .unwrap();
    let book = fresh(true);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("0003-cache-prices.md:23: the template's placeholder `{argument d}` is still here (and 1 more line); fill it in or delete the line")
        .stderr_has("Imported 1 decision");
    let rs = records(&book);
    let (_, r) = by_title(&rs, "Cache prices in the edge");
    assert!(r.body.contains("* Bad, because {argument d}"), "{}", r.body);
    let (file, line) = std::fs::read_dir(book.root().join("content/decisions"))
        .unwrap()
        .find_map(|e| {
            let path = e.unwrap().path();
            let text = std::fs::read_to_string(&path).ok()?;
            let line = text.lines().position(|l| l.contains("{argument d}"))? + 1;
            let name = path.file_name()?.to_string_lossy().into_owned();
            Some((format!("content/decisions/{name}"), line))
        })
        .unwrap();
    let root = path_str(book.root());
    book.run(&["check", "--root", &root])
        .success()
        .stderr_has(&format!("{file}:{line}:"))
        .stderr_has("still holds placeholder text in its sections (`{argument d}`)");
}

/// Writes `files` (name, text) into a fresh source folder.
fn source_folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let source = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = source.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    source
}

/// log4brains names records by date: a "superseded by" link to such a record that is not
/// in the folder has no number to fall back on, and must still survive the import.
#[test]
fn a_superseded_by_link_to_a_missing_date_named_record_is_kept() {
    let source = source_folder(&[(
        "20210405-pick-a-queue.md",
        "# Pick a queue\n\n- Status: superseded by [20990101-pick-another-queue](20990101-pick-another-queue.md)\n- Date: 2021-04-05\n\n## Context\n\nWe need one.\n",
    )]);
    let book = fresh(true);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("20210405-pick-a-queue.md:3: superseded by `20990101-pick-another-queue.md`, which is not among the imported records; kept under “Related decisions”")
        .stderr_has("Imported 1 decision");
    let rs = records(&book);
    let (_, r) = by_title(&rs, "Pick a queue");
    assert_eq!(r.status, "superseded");
    assert!(
        r.body
            .contains("## Related decisions\n\n- Superseded by: 20990101-pick-another-queue"),
        "{}",
        r.body
    );
    builds_clean(&book);
}

/// A table of contents links to the `## Status` section the import takes out of the body:
/// the note says what becomes of the link, which is its text without the link.
#[test]
fn a_link_to_the_removed_status_section_is_noted_as_what_it_becomes() {
    let source = source_folder(&[(
        "0003-styles.md",
        "# 3. Pick a stylesheet kit\n\nDate: 2022-01-10\n\n- [Status](#status)\n- [Context](#context)\n\n## Status\n\nAccepted\n\n## Context\n\nWe need one.\n",
    )]);
    let book = fresh(true);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("0003-styles.md: the link to `#status` names a heading the imported record does not have; its text is kept without the link")
        .stderr_lacks("it links to the record instead");
    let rs = records(&book);
    let (_, r) = by_title(&rs, "Pick a stylesheet kit");
    assert!(
        r.body.contains("- Status\n- [Context](#context)"),
        "{}",
        r.body
    );
    builds_clean(&book);
}

/// Two records that share a title by a copy-paste slip, both undated: a second run knows
/// each by its number, writes neither again, and counts only what it writes.
#[test]
fn a_rerun_leaves_records_that_share_a_title_alone_and_counts_what_it_writes() {
    let source = source_folder(&[
        (
            "adr-004-plugin-api.md",
            "# Plugin API\n\n## Status\n\nProposed\n\n## Context\n\nPlugins need a stable surface.\n",
        ),
        (
            "adr-005-plugin-registry.md",
            "# Plugin API\n\n## Status\n\nProposed\n\n## Context\n\nPlugins must be found at start-up.\n",
        ),
        (
            "adr-006-config-files.md",
            "# Config files\n\n## Status\n\nProposed\n\n## Context\n\nOne format for all of them.\n",
        ),
    ]);
    let book = fresh(true);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("Imported 3 decisions")
        .stderr_has("3 dated today");
    let first = records(&book);
    assert_eq!(first.len(), 3);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("skipped: adr-004-plugin-api.md: imported before, as content/decisions/0004-plugin-api.md")
        .stderr_has("skipped: adr-005-plugin-registry.md: imported before, as content/decisions/0005-plugin-api.md")
        .stderr_has("Nothing new to import");
    assert_eq!(records(&book).len(), 3);
    std::fs::write(
        source.path().join("adr-007-logging.md"),
        "# Logging\n\n## Status\n\nProposed\n\n## Context\n\nStructured, to stdout.\n",
    )
    .unwrap();
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("Imported 1 decision")
        .stderr_has("3 imported before and left alone")
        .stderr_has("1 dated today")
        .stderr_lacks("3 dated today");
    assert_eq!(records(&book).len(), 4);
}

/// Links between records that are slightly off (the name without its number, the name in
/// another case) still reach the one record they can mean, with a note at their line; a
/// link to nothing is named once however often it is written.
#[test]
fn slightly_off_links_between_records_reach_the_one_record_they_mean() {
    let source = source_folder(&[
        (
            "adr-004-cache-layer.md",
            "# Cache layer\n\n## Status\n\nAccepted\n\nDate: 2020-01-01\n\n## Context\n\nFast reads.\n",
        ),
        (
            "adr-005-cache-keys.md",
            "# Cache keys\n\n## Status\n\nAccepted\n\nDate: 2020-02-01\n\n## Context\n\nBuilt on [ADR-004](cache-layer.md) and [the layer](ADR-004-Cache-Layer.md).\n\nSee [notes](gone.md), and [notes again](gone.md).\n",
        ),
    ]);
    let book = fresh(true);
    let run = import(&book, &[&path_str(source.path())]);
    run.success()
        .stderr_has("adr-005-cache-keys.md:11: links to `cache-layer.md`, which does not exist in the source; linked to `0004-cache-layer.md`, the one imported record it can mean")
        .stderr_has("adr-005-cache-keys.md:11: links to `ADR-004-Cache-Layer.md`, which does not exist in the source; linked to `0004-cache-layer.md`")
        .stderr_has("link: adr-005-cache-keys.md:13: links to `gone.md`, which does not exist in the source");
    assert_eq!(
        run.stderr.matches("links to `gone.md`").count(),
        1,
        "{}",
        run.stderr
    );
    let rs = records(&book);
    let (_, keys) = by_title(&rs, "Cache keys");
    assert!(
        keys.body
            .contains("[ADR-004](0004-cache-layer.md) and [the layer](0004-cache-layer.md)"),
        "{}",
        keys.body
    );
    builds_clean(&book);
}

/// Without `--team` in a handbook of several teams, the error lists what may own the
/// records: the teams, and the groups too, which `--team` accepts as well.
#[test]
fn the_team_to_own_imported_records_is_asked_for_with_groups_named() {
    let book = fresh(false);
    book.run(&["new", "team", "payments", "--parent", "engineering"])
        .success();
    let source = tempfile::tempdir().unwrap();
    std::fs::write(
        source.path().join("0001-use-queues.md"),
        "# 1. Use queues\n\n## Status\n\nAccepted\n",
    )
    .unwrap();
    import(&book, &[&path_str(source.path())])
        .failure(2)
        .stderr_has("error: --team is required: this handbook has 2 teams")
        .stderr_has("= help: pass --team with one of: payments, platform, or one of its groups: engineering");
    import(&book, &[&path_str(source.path()), "--team", "engineering"])
        .success()
        .stderr_has("Imported 1 decision");
}

/// Backstage's records keep their status and date in a table under the title; other
/// templates write one key per row. Either is the record's metadata, not prose.
#[test]
fn status_and_date_in_a_markdown_table_are_read() {
    let source = source_folder(&[
        (
            "adr003-pick-a-logger.md",
            "# ADR003: Pick a logger\n\n| Created    | Status   |\n| ---------- | -------- |\n| 2020-08-11 | Accepted |\n\n## Decision\n\nWe log with one library.\n",
        ),
        (
            "0004-tag-releases.md",
            "# 4. Tag releases\n\n| Status | Accepted |\n|--------|----------|\n| Date   | 2021-05-20 |\n\nEvery release gets a tag.\n",
        ),
    ]);
    let book = fresh(true);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_lacks("no status found")
        .stderr_lacks("dated today");
    let rs = records(&book);
    let (_, logger) = by_title(&rs, "Pick a logger");
    assert_eq!(
        (logger.status.as_str(), logger.date.as_str()),
        ("accepted", "2020-08-11")
    );
    assert!(!logger.body.contains('|'), "{}", logger.body);
    let (_, tags) = by_title(&rs, "Tag releases");
    assert_eq!(
        (tags.status.as_str(), tags.date.as_str()),
        ("accepted", "2021-05-20")
    );
    builds_clean(&book);
}

/// A proposal that names the accepted record it would replace replaces nothing yet: the
/// import keeps the accepted record's status, and the built pages say what is proposed.
/// Deciders written as links are the same people as the bare handles of other records,
/// and a link in a comment the template left is nobody's concern.
#[test]
fn a_proposal_leaves_the_accepted_record_in_force_and_linked_deciders_are_one_person() {
    let source = source_folder(&[
        (
            "0001-cache-in-memory.md",
            "# 1. Cache in memory\n\n* Status: accepted\n* Deciders: @kim, @lee\n* Date: 2021-02-01\n\nWe cache in memory. <!-- e.g. Refined by [ADR-0042](0042-sample.md) -->\n",
        ),
        (
            "0002-cache-in-redis.md",
            "# 2. Cache in Redis\n\n* Status: proposed\n* Deciders: [@kim](https://github.com/kim), [@lee](https://github.com/lee)\n* Date: 2022-03-01\n\nWe might cache in Redis.\n\n## Links\n\n* Supersedes [ADR-0001](0001-cache-in-memory.md)\n",
        ),
    ]);
    let book = fresh(true);
    import(&book, &[&path_str(source.path())])
        .success()
        .stderr_has("0002-cache-in-redis.md: is proposed and supersedes 1; decision 1 stays accepted until this one is accepted")
        .stderr_lacks("0042-sample.md")
        .stderr_lacks("status changed");
    let rs = records(&book);
    let (_, old) = by_title(&rs, "Cache in memory");
    assert_eq!(old.status, "accepted");
    assert!(
        old.body
            .contains("<!-- e.g. Refined by [ADR-0042](0042-sample.md) -->"),
        "{}",
        old.body
    );
    let (new_number, new) = by_title(&rs, "Cache in Redis");
    assert_eq!(new.supersedes, [1]);
    let text =
        std::fs::read_to_string(book.root().join("content/decisions").join(&new.file)).unwrap();
    assert!(text.contains("deciders = [\"@kim\", \"@lee\"]"), "{text}");
    builds_clean(&book);

    let old_page = decision_page(&book, old);
    let notices = texts(&old_page, ".notice").join(" ");
    assert!(!notices.contains("Superseded by"), "{notices}");
    assert!(
        notices.contains(&format!(
            "ADR {new_number}: Cache in Redis proposes to supersede this decision"
        )),
        "{notices}"
    );
    let people: Vec<String> = std::fs::read_dir(book.out().join("people"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".html") && n != "index.html")
        .collect();
    let mut people = people;
    people.sort();
    assert_eq!(people, ["kim.html", "lee.html"]);
}

/// The later Team API templates: a Communication section and a Team Members list.
#[test]
fn team_api_communication_and_members_become_contact_members_and_lead() {
    let book = fresh(true);
    let source = source_folder(&[(
        "search.md",
        "---\nname: Search Team\nteam_type: stream-aligned\n---\n\n## Team name and focus\nSearch Team - help shoppers find things\n\n## Communication\n- **Chat**: #search\n- **Email**: search@example.org\n\n## Team Members\n- **Tech Lead**: Piet de Vries\n- **Engineer**: Lia Wong\n",
    )]);
    book.run(&["import", "team-api", &path_str(source.path())])
        .success();
    let (search, _) = charter_table(&book, "content/teams/search-team.md");
    assert_eq!(
        search["contact"]["chat"].as_str(),
        Some("#search"),
        "{search:?}"
    );
    assert_eq!(
        search["contact"]["email"].as_str(),
        Some("search@example.org")
    );
    assert_eq!(search["lead"].as_str(), Some("Piet de Vries"));
    let members: Vec<&str> = search["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(members, ["Piet de Vries", "Lia Wong"]);
    builds_clean(&book);
}

/// A governance repository's group READMEs, with a `- **Contact:**` line per subproject,
/// are "not a Team API", not unfilled templates; a YAML or TOML file named as the path is
/// refused as no Markdown, with the importer that reads it named.
#[test]
fn team_api_tells_other_shapes_from_unfilled_templates() {
    let source = tempfile::tempdir().unwrap();
    let group = source.path().join("sig-ledger");
    std::fs::create_dir_all(&group).unwrap();
    std::fs::write(
        group.join("README.md"),
        "# Ledger Special Interest Group\n\n## Subprojects\n\n### books\n- **Contact:**\n  - Chat: #ledger-books\n\n### audit\n- **Contact:**\n  - Chat: #ledger-audit\n",
    )
    .unwrap();
    let book = fresh(true);
    book.run(&["import", "team-api", &path_str(source.path()), "--dry-run"])
        .failure(1)
        .stderr_has("README.md: not a Team API")
        .stderr_lacks("a Team API template");

    let sigs = source.path().join("sigs.yaml");
    std::fs::write(
        &sigs,
        "sigs:\n- name: Ledger\n  leadership:\n    chairs: []\n",
    )
    .unwrap();
    book.run(&["import", "team-api", &path_str(&sigs)])
        .failure(1)
        .stderr_has("sigs.yaml is not Markdown")
        .stderr_has("`orgbook import sigs ")
        .stderr_lacks("Team API document among");
    let catalog = source.path().join("teams.yml");
    std::fs::write(&catalog, "kind: Group\n").unwrap();
    book.run(&["import", "team-api", &path_str(&catalog)])
        .failure(1)
        .stderr_has("teams.yml is not Markdown")
        .stderr_has("`orgbook import backstage ");
    let toml = source.path().join("ledger.toml");
    std::fs::write(&toml, "name = \"ledger\"\n").unwrap();
    book.run(&["import", "team-api", &path_str(&toml)])
        .failure(1)
        .stderr_has("ledger.toml is not Markdown")
        .stderr_has("`orgbook import rust-team PATH`");
}

/// A Kubernetes-style `sigs.yaml`: every SIG, working group and committee becomes a team
/// under one parent, with its people, subprojects, contact and the working group's
/// stakeholder SIGs; a SIG whose folder was moved into the handbook gets its charter
/// beside that folder, linking the charter file there; a second run writes nothing.
#[test]
fn a_sigs_yaml_becomes_charters_that_build_and_reimport() {
    let source = TestBook::fixture("import-sigs");
    let book = fresh(true);
    // The user moved the SIG's generated README and its charter into the handbook.
    for file in ["README.md", "charter.md"] {
        book.write(
            &format!("content/teams/sig-harbors/{file}"),
            &source.read(&format!("sig-harbors/{file}")),
        );
    }
    let folder = path_str(source.root());

    let dry = book.run(&["import", "sigs", &folder, "--dry-run"]);
    dry.success().stderr_has("Would import 5 charters");
    assert!(
        dry.stdout.contains("content/teams/sig-harbors.md\n"),
        "{}",
        dry.stdout
    );
    assert!(!book.root().join("content/teams/community.md").exists());

    book.run(&["import", "sigs", &folder])
        .success()
        .stderr_has(
            "Imported 5 charters (4 teams, 1 group) with 5 members, 4 owned subprojects and 4 interactions from 4 groups",
        )
        .stderr_has("every imported group's parent is the new group content/teams/community.md")
        .stderr_has("sigs.yaml:4: 1 in the leadership of SIG Harbors has no name; listed by GitHub handle: tjorven")
        .stderr_has("sigs.yaml:55: SIG Hulls names no chairs or technical leads; no lead or members")
        .stderr_has("stakeholder SIG of WG Tides that is neither in the file nor in the handbook: Lanterns; left out")
        .stderr_has("1 emeritus lead in 1 group; left out")
        .stderr_has("3 groups have a GitHub `label`; left out")
        .stderr_has("1 GitHub team under `contact.teams` in 1 group; left out")
        .stderr_has("1 subproject in 1 group has a contact or meetings of its own; left out")
        .stderr_has("the charter_link of SIG Hulls, sig-hulls/charter.md, is not in the handbook");

    // Beside its folder: the README and the charter file become the team's pages.
    let (harbors, body) = charter_table(&book, "content/teams/sig-harbors.md");
    assert_eq!(harbors["name"].as_str(), Some("SIG Harbors"));
    assert_eq!(harbors["parent"].as_str(), Some("community"));
    // The first sentence is the problem; the rest of both paragraphs stays in the body.
    assert_eq!(
        harbors["problem"].as_str(),
        Some("Looks after the harbor controllers and the docking API.")
    );
    assert!(
        body.starts_with("\nWe review designs for new berth types"),
        "{body}"
    );
    assert!(
        body.contains("The [charter](sig-harbors/charter.md) sets out"),
        "{body}"
    );
    // A multi-line literal mission is one sentence for the problem, not one line.
    let (tides, _) = charter_table(&book, "content/teams/community/wg-tides.md");
    assert_eq!(
        tides["problem"].as_str(),
        Some("Work out whether the project should plan its releases by the tide tables.")
    );
    assert_eq!(
        tides["contact"]["email"].as_str(),
        Some("wg-tides@lists.example.org")
    );
    // A committee is a team too: members, no teams below it.
    let (steering, body) = charter_table(&book, "content/teams/community/committee-steering.md");
    assert_eq!(steering["name"].as_str(), Some("Steering Committee"));
    assert_eq!(steering["kind"].as_str(), Some("team"));
    assert!(
        body.contains("[charter](https://git.example.org/tidewater/steering/blob/main/charter.md)"),
        "{body}"
    );
    let (hulls, _) = charter_table(&book, "content/teams/community/sig-hulls.md");
    assert!(hulls.get("lead").is_none() && hulls.get("members").is_none());

    builds_clean(&book);

    let page = book.html("teams/sig-harbors.html");
    assert_eq!(
        texts(&page, ".problem"),
        ["Looks after the harbor controllers and the docking API."]
    );
    assert_eq!(
        texts(&page, "#people-title + dl dt:first-child + dd"),
        ["Mira Kovac"]
    );
    assert_eq!(
        texts(&page, ".members li"),
        ["Mira Kovac", "tjorven", "Ama Osei"]
    );
    assert_eq!(
        texts(&page, "#owns-title + ul li"),
        ["berth-controller", "docking-api"]
    );
    let contact: Vec<String> = texts(&page, "#people-title + dl dt");
    assert!(
        contact.contains(&"Chat".to_owned()) && contact.contains(&"Mailing list".to_owned()),
        "{contact:?}"
    );
    assert!(
        hrefs(&page, "#people-title + dl dd a")
            .contains(&"https://lists.example.org/g/sig-harbors".to_owned())
    );
    assert_eq!(
        texts(&page, ".interactions dd:nth-of-type(1) a"),
        ["WG Tides"]
    );
    // The folder's pages are the team's, and the link to the sibling SIG's folder in the
    // mission reaches its charter.
    assert!(
        texts(&page, ".team-pages a").len() == 2,
        "{:?}",
        texts(&page, ".team-pages a")
    );
    assert!(
        hrefs(&page, ".prose a").contains(&"../teams/sig-hulls.html".to_owned()),
        "{:?}",
        hrefs(&page, ".prose a")
    );
    let tides_page = book.html("teams/wg-tides.html");
    let mut partners = texts(&tides_page, ".interactions dd:nth-of-type(1) a");
    partners.sort();
    assert_eq!(partners, ["SIG Harbors", "SIG Hulls"]);
    let health = book.html("health.html");
    assert!(
        texts(
            &health,
            "section[aria-labelledby='rule-one-way-collaboration'] li"
        )
        .is_empty(),
        "both sides list each stakeholder collaboration"
    );

    // Again: nothing new, nothing written, not a failure.
    let before = book.read("content/teams/sig-harbors.md");
    book.run(&["import", "sigs", &folder])
        .success()
        .stderr_has("Nothing new to import: 4 groups of")
        .stderr_has(
            "SIG Harbors is already in the handbook as content/teams/sig-harbors.md; kept as it is",
        );
    assert_eq!(book.read("content/teams/sig-harbors.md"), before);
}

/// `--parent` names a charter of the handbook, checked before anything is written, and
/// every imported group goes in its folder.
/// A charter's `reviewed` is when its group's own files last changed in the registry's
/// repository, not the day of the import: a group whose charter nobody touched in years
/// stays stale. A group without such history gets no date, and the summary says so.
#[test]
fn imported_sigs_are_reviewed_when_their_folder_last_changed() {
    let source = TestBook::fixture("import-sigs");
    let repo = source.root();
    git(repo, &["init", "-q"], "2023-05-06T10:00:00Z");
    git(
        repo,
        &["add", "sigs.yaml", "README.md", "sig-harbors/README.md"],
        "2023-05-06T10:00:00Z",
    );
    git(
        repo,
        &["commit", "-q", "-m", "registry"],
        "2023-05-06T10:00:00Z",
    );
    git(
        repo,
        &["add", "sig-harbors/charter.md"],
        "2024-02-03T10:00:00Z",
    );
    git(
        repo,
        &["commit", "-q", "-m", "charter"],
        "2024-02-03T10:00:00Z",
    );
    let book = fresh(true);
    book.run(&["import", "sigs", &path_str(&repo.join("sigs.yaml"))])
        .success()
        .stderr_has("3 teams have no `reviewed` date");
    let (harbors, _) = charter_table(&book, "content/teams/community/sig-harbors.md");
    assert_eq!(harbors["reviewed"].to_string(), "2024-02-03");
    let (hulls, _) = charter_table(&book, "content/teams/community/sig-hulls.md");
    assert!(hulls.get("reviewed").is_none(), "{hulls:?}");
    // Both are stale on the health page, the undated one as never reviewed.
    book.build().success();
    let health = texts(&book.html("health.html"), "main li").concat();
    assert!(
        health.contains("SIG Hulls has never been reviewed"),
        "{health}"
    );
    assert!(
        health.contains("SIG Harbors was last reviewed on 2024-02-03"),
        "{health}"
    );
}

#[test]
fn sigs_go_under_the_parent_named_and_a_mistyped_one_is_refused() {
    let source = TestBook::fixture("import-sigs");
    let book = fresh(true);
    let file = path_str(&source.root().join("sigs.yaml"));
    book.run(&["import", "sigs", &file, "--parent", "engneering"])
        .failure(1)
        .stderr_has("error: no team `engneering` in this handbook")
        .stderr_has("did you mean `engineering`?");
    assert!(!book.root().join("content/teams/engineering").exists());
    book.run(&["import", "sigs", &file, "--parent", "engineering"])
        .success()
        .stderr_has("Imported 4 charters (4 teams, 0 groups)")
        .stderr_lacks("has no teams: delete it");
    let (harbors, _) = charter_table(&book, "content/teams/engineering/sig-harbors.md");
    assert_eq!(harbors["parent"].as_str(), Some("engineering"));
    assert!(!book.root().join("content/teams/community.md").exists());
    builds_clean(&book);

    // Not a registry of groups: an error that says what was expected.
    let other = book.root().join("other.yaml");
    std::fs::write(&other, "kind: Group\nmetadata:\n  name: x\n").unwrap();
    book.run(&["import", "sigs", &path_str(&other)])
        .failure(1)
        .stderr_has("no groups: expected entries with a `name` under `sigs`");
}

/// `--parent` puts the imported top-level charters (peribolos's organisation groups,
/// rust-team's top-level teams) under a charter of the handbook, in its folder; a mistyped
/// one is refused before anything is read, with the nearest slug.
#[test]
fn peribolos_and_rust_team_imports_go_under_the_parent_named() {
    for (format, fixture, source, top) in [
        ("peribolos", "import-peribolos", "config", "harborlight"),
        ("rust-team", "import-rust-team", "", "foundry"),
    ] {
        let source_book = TestBook::fixture(fixture);
        let path = path_str(&source_book.root().join(source));
        let book = fresh(true);
        book.run(&["import", format, &path, "--parent", "engneering"])
            .failure(1)
            .stderr_has("error: no team `engneering` in this handbook")
            .stderr_has("did you mean `engineering`?");
        assert!(!book.root().join("content/teams/engineering").exists());
        book.run(&["import", format, &path, "--parent", "engineering"])
            .success()
            .stderr_has("Imported ")
            // The starter group holds the import now: no note to delete it.
            .stderr_lacks("has no teams: delete it");
        let (charter, _) = charter_table(&book, &format!("content/teams/engineering/{top}.md"));
        assert_eq!(charter["parent"].as_str(), Some("engineering"), "{format}");
        assert!(!book.root().join(format!("content/teams/{top}.md")).exists());
        builds_clean(&book);
        let orgmap = book.html("orgmap.html");
        assert_eq!(
            orgmap
                .select(&sel(&format!(
                    ".org-tree li > ul > li > a[href='teams/{top}.html']"
                )))
                .count(),
            1,
            "{format}: {top} under engineering on the org map"
        );
    }
}

/// `import backstage` and `import team-api` take `--parent` too: the charters without a
/// parent in the source (the catalog's organisation; the Team API's platform groups and
/// the teams of none) go under the charter named, in its folder, and their own children
/// below them; a mistyped slug is refused before anything is read.
#[test]
fn backstage_and_team_api_imports_go_under_the_parent_named() {
    let backstage = TestBook::fixture("import-backstage");
    let team_api = TestBook::fixture("import-team-api");
    let catalog = path_str(&backstage.root().join("catalog-info.yaml"));
    let team_apis = path_str(&team_api.root().join("team-apis"));
    for (format, path, top, below) in [
        (
            "backstage",
            &catalog,
            "acme-corp",
            "acme-corp/infrastructure",
        ),
        (
            "team-api",
            &team_apis,
            "core-platform",
            "core-platform/identity-access",
        ),
    ] {
        let book = fresh(true);
        book.run(&["import", format, path, "--parent", "engneering"])
            .failure(1)
            .stderr_has("error: no team `engneering` in this handbook")
            .stderr_has("did you mean `engineering`?");
        assert!(!book.root().join("content/teams/engineering").exists());
        book.run(&["import", format, path, "--parent", "engineering"])
            .success()
            .stderr_has("Imported ")
            .stderr_lacks("has no teams: delete it");
        let (charter, _) = charter_table(&book, &format!("content/teams/engineering/{top}.md"));
        assert_eq!(charter["parent"].as_str(), Some("engineering"), "{format}");
        assert!(!book.root().join(format!("content/teams/{top}.md")).exists());
        let (child, _) = charter_table(&book, &format!("content/teams/engineering/{below}.md"));
        assert_eq!(child["parent"].as_str(), Some(top), "{format}");
        // Nothing of the import is left at the top.
        let at_top: Vec<String> = std::fs::read_dir(book.root().join("content/teams"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(at_top.len(), 2, "{format}: {at_top:?}");
        builds_clean(&book);
        let orgmap = book.html("orgmap.html");
        assert_eq!(
            orgmap
                .select(&sel(&format!(
                    ".org-tree li > ul > li > a[href='teams/{top}.html']"
                )))
                .count(),
            1,
            "{format}: {top} under engineering on the org map"
        );
    }
}

/// After `orgbook init --empty`, an import without `--parent` leaves the starter group
/// empty: the note says how to put the import under it, with the option's slug, in the
/// words that fit a dry run and a real one.
#[test]
fn the_starter_group_note_names_parent() {
    let backstage = TestBook::fixture("import-backstage");
    let catalog = path_str(&backstage.root().join("catalog-info.yaml"));
    let book = fresh(true);
    book.run(&["import", "backstage", &catalog, "--dry-run"])
        .success()
        .stderr_has("has no teams: delete it, or, if it is their organisation, import with `--parent engineering` to put the top-level charters under it");
    book.run(&["import", "backstage", &catalog])
        .success()
        .stderr_has("has no teams: delete it, or, if it is their organisation, set it as the `parent` of the imported top-level charters (or delete them and import again with `--parent engineering`");
}

/// peribolos's single file with an organisation that has no teams, and one whose only
/// team is a charter of the handbook already: neither gets a group charter the import
/// would leave empty (the `empty-group` finding on the import's own output), and the
/// notes say why at the line that names each.
#[test]
fn a_peribolos_organisation_without_new_teams_gets_no_empty_group() {
    let book = fresh(true);
    book.write(
        "content/teams/engineering/beacon-keepers.md",
        "+++\nname = \"Beacon keepers\"\nparent = \"engineering\"\nproblem = \"Ships need a light to come home by.\"\nlead = \"Ria\"\nreviewed = 2026-11-01\n\n[[metrics]]\nname = \"Nights dark\"\ntarget = \"0\"\n+++\n",
    );
    let source = tempfile::tempdir().unwrap();
    let text = "\
# Our GitHub organisations, as peribolos applies them.
orgs:
  quayside:
    admins:
    - mara
    teams:
      net-menders:
        description: Keep the harbour nets whole and ready for the season.
        maintainers:
        - oskar
  driftwood:
    admins:
    - lune
    teams: {}
  lanterns:
    admins:
    - pell
    teams:
      beacon-keepers:
        members:
        - ria
";
    std::fs::write(source.path().join("org.yaml"), text).unwrap();
    let line_of = |key: &str| {
        1 + text
            .lines()
            .position(|l| l.trim_start() == format!("{key}:"))
            .unwrap()
    };
    let file = path_str(&source.path().join("org.yaml"));
    book.run(&["import", "peribolos", &file, "--parent", "engineering"])
        .success()
        .stderr_has("Imported 2 charters (1 team, 1 organisation group)")
        .stderr_has(&format!(
            "org.yaml:{}: organisation driftwood has no teams in the files read; no group charter for it",
            line_of("driftwood")
        ))
        .stderr_has(&format!(
            "org.yaml:{}: organisation lanterns has only teams that are charters of the handbook already",
            line_of("lanterns")
        ));
    assert!(
        !book
            .root()
            .join("content/teams/engineering/driftwood.md")
            .exists()
    );
    assert!(
        !book
            .root()
            .join("content/teams/engineering/lanterns.md")
            .exists()
    );
    builds_clean(&book);
    let health = book.html("health.html");
    let empty = texts(&health, "section[aria-labelledby='rule-empty-group'] li");
    assert!(empty.is_empty(), "{empty:?}");
}

/// kubernetes/org's layout: a `config/` folder with an org.yaml per organisation, SIG
/// folders of teams.yaml beside it. Every team is a charter under its organisation's
/// group (nested teams under their parent), a charter the handbook has is kept, a team
/// named twice is one charter, and what it brings builds into one tree per organisation.
/// Charters of a file with git history are reviewed on its last commit; the others are
/// undated and counted. A second run writes nothing.
#[test]
fn peribolos_teams_become_one_tree_per_organisation() {
    let source = TestBook::fixture("import-peribolos");
    let repo = source.root();
    git(repo, &["init", "-q"], "2025-03-04T10:00:00Z");
    git(
        repo,
        &["add", "config/harborlight/org.yaml"],
        "2025-03-04T10:00:00Z",
    );
    git(
        repo,
        &["commit", "-q", "-m", "teams"],
        "2025-03-04T10:00:00Z",
    );
    let book = fresh(true);
    let kept = "+++\nname = \"Tide tables\"\nkind = \"team\"\nproblem = \"Sailors need to know the tides.\"\nowns = [\"harborlight/buoy\"]\n\n[[metrics]]\nname = \"Tables published on time\"\n+++\n\nOur own charter.\n";
    book.write("content/teams/tide-tables.md", kept);
    let config = path_str(&repo.join("config"));

    let dry = book.run(&["import", "peribolos", &config, "--dry-run"]);
    dry.success().stderr_has("Would import 8 charters");
    assert!(
        dry.stdout
            .contains("content/teams/harborlight/quay-keepers/quay-reviewers.md\n"),
        "{}",
        dry.stdout
    );
    assert!(!book.root().join("content/teams/harborlight.md").exists());

    book.run(&["import", "peribolos", &config])
        .success()
        .stderr_has("Imported 8 charters (6 teams, 2 organisation groups) with 8 members and 2 owned repos from 3 files")
        .stderr_has("; 1 was a charter already and is kept as it is")
        .stderr_has("; 1 team is secret on GitHub")
        .stderr_has("; 4 teams have no description of four words or more, so their problem is a placeholder")
        .stderr_has("; 2 charters have no `reviewed` date")
        .stderr_has("harborlight/org.yaml:42: `members` of team broken-list is not a list; left out")
        // What the file gives it beyond its charter is named, to add by hand: its
        // maintainer, not its repository (the charter owns that one already).
        .stderr_has("committee-tides/teams.yaml:2: team tide-tables is already in the handbook as content/teams/tide-tables.md; kept as it is; the file also lists as its people: ruz (add them to `members` if they are)\n")
        .stderr_has("committee-tides/teams.yaml:9: team night-watch is also at ")
        .stderr_has("saltmarsh/org.yaml:9: another charter is quay-keepers; team quay-keepers is saltmarsh-quay-keepers")
        .stderr_has("repository harborlight/buoy is already owned by content/teams/tide-tables.md");
    assert_eq!(book.read("content/teams/tide-tables.md"), kept);

    let (org, org_body) = charter_table(&book, "content/teams/harborlight.md");
    assert_eq!(org["kind"].as_str(), Some("group"));
    assert_eq!(
        org["problem"].as_str(),
        Some("Charts, ferries and lights of the harbour")
    );
    assert_eq!(org["reviewed"].to_string(), "2025-03-04");
    assert!(org_body.contains("organisation's admins"), "{org_body}");
    // Named as it calls itself; its login (the folder) names it on GitHub, and the
    // registry file is named from its config/ folder, not by the importing machine's path.
    assert_eq!(org["name"].as_str(), Some("Harborlight Charts"));
    assert!(
        org_body.contains("organisation `harborlight`, imported from config/harborlight/org.yaml."),
        "{org_body}"
    );
    let (keepers, body) = charter_table(&book, "content/teams/harborlight/quay-keepers.md");
    assert_eq!(keepers["name"].as_str(), Some("quay-keepers"));
    assert_eq!(keepers["parent"].as_str(), Some("harborlight"));
    assert_eq!(
        keepers["problem"].as_str(),
        Some("Keep the ferry timetable software running for every quay.")
    );
    assert_eq!(keepers["lead"].as_str(), Some("mira-k"));
    let strs = |v: &toml::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        strs(&keepers["members"]),
        ["mira-k", "tovo", "pell", "20491"]
    );
    // ferry: admin here, write for the reviewers; buoy: the handbook's tide-tables has it.
    assert_eq!(strs(&keepers["owns"]), ["harborlight/ferry"]);
    assert_eq!(keepers["reviewed"].to_string(), "2025-03-04");
    assert!(body.contains("Previously named dock-crew."), "{body}");
    assert!(
        body.contains("- `harborlight/buoy`: write (owned by a charter of the handbook)"),
        "{body}"
    );
    let (reviewers, body) = charter_table(
        &book,
        "content/teams/harborlight/quay-keepers/quay-reviewers.md",
    );
    assert_eq!(reviewers["parent"].as_str(), Some("quay-keepers"));
    assert!(reviewers.get("owns").is_none(), "{reviewers:?}");
    assert!(
        body.contains("- `harborlight/ferry`: write (owned by quay-keepers)"),
        "{body}"
    );
    let (watch, body) = charter_table(&book, "content/teams/harborlight/night-watch.md");
    assert_eq!(
        watch["problem"].as_str(),
        Some(orgbook::scaffold::PLACEHOLDER_PROBLEM)
    );
    assert!(body.contains("secret on GitHub"), "{body}");
    assert_eq!(strs(&watch["members"]), ["oda"]);
    let (bots, _) = charter_table(&book, "content/teams/harborlight/lantern-bots.md");
    assert_eq!(bots["parent"].as_str(), Some("harborlight"));
    let (salt, body) = charter_table(&book, "content/teams/saltmarsh/saltmarsh-quay-keepers.md");
    assert_eq!(salt["name"].as_str(), Some("quay-keepers"));
    assert_eq!(salt["parent"].as_str(), Some("saltmarsh"));
    assert_eq!(strs(&salt["codeowners"]), ["@saltmarsh/quay-keepers"]);
    assert_eq!(strs(&salt["owns"]), ["saltmarsh/nets"]);
    assert!(salt.get("reviewed").is_none(), "{salt:?}");
    assert!(
        body.contains("GitHub describes the team as: Keepers"),
        "{body}"
    );

    builds_clean(&book);
    let map = book.html("orgmap.html");
    let roots = texts(&map, ".org-tree > ul > li > a");
    for org in ["Harborlight Charts", "saltmarsh"] {
        assert!(roots.iter().any(|r| r == org), "{roots:?}");
    }
    let nested = map
        .select(&sel(
            ".org-tree li > ul > li > ul > li > a[href='teams/quay-reviewers.html']",
        ))
        .count();
    assert_eq!(
        nested, 1,
        "quay-reviewers under quay-keepers under harborlight"
    );
    let page = texts(&book.html("teams/harborlight.html"), "main a").concat();
    assert!(page.contains("quay-keepers"), "{page}");

    book.run(&["import", "peribolos", &config])
        .success()
        .stderr_has("Nothing new to import: 9 teams and organisations");
}

/// A team file that is not YAML: the error names the file and the line, and nothing of
/// the other files is written.
#[test]
fn a_peribolos_file_that_is_not_yaml_imports_nothing() {
    let source = TestBook::fixture("import-peribolos");
    source.write("config/saltmarsh/sig-x/teams.yaml", "teams:\n  a: [\n");
    let book = fresh(true);
    book.run(&[
        "import",
        "peribolos",
        &path_str(&source.root().join("config")),
    ])
    .failure(1)
    .stderr_has("sig-x/teams.yaml:")
    .stderr_has("not valid YAML")
    .stderr_has("Nothing imported: 1 problem above");
    assert!(!book.root().join("content/teams/harborlight.md").exists());
    // The importer a user may reach for first names the one that reads the file.
    let org = path_str(&source.root().join("config/harborlight/org.yaml"));
    book.run(&["import", "team-api", &org])
        .failure(1)
        .stderr_has(&format!(
            "Prow's peribolos teams are read by `orgbook import peribolos {org}`"
        ));
    let other = book.root().join("notes");
    std::fs::create_dir_all(&other).unwrap();
    book.run(&["import", "peribolos", &path_str(&other)])
        .failure(1)
        .stderr_has("no org.yaml or teams.yaml in this folder or below it");
}

/// A team registry kept the rust-lang/team way: one charter per team file under its
/// `subteam-of` (two deep), people by the names their people/ files give and never their
/// e-mail addresses, a marker team with a subteam as its group, a marker team and a team
/// without people left out, a charter the handbook has kept byte for byte. What it brings
/// builds into one tree on the org map, and a second run writes nothing.
#[test]
fn rust_team_registry_becomes_charters_named_by_people_files() {
    let source = TestBook::fixture("import-rust-team");
    let repo = source.root();
    git(repo, &["init", "-q"], "2025-06-02T10:00:00Z");
    git(repo, &["add", "teams/foundry.toml"], "2025-06-02T10:00:00Z");
    git(
        repo,
        &["commit", "-q", "-m", "teams"],
        "2025-06-02T10:00:00Z",
    );
    let book = fresh(true);
    let kept = "+++\nname = \"Smelting\"\nkind = \"team\"\nparent = \"foundry\"\nproblem = \"Ore must become metal faster.\"\nlead = \"Tamsin Achebe\"\n\n[[metrics]]\nname = \"Tonnes a day\"\n+++\n\nOur own charter.\n";
    book.write("content/teams/wg-smelting.md", kept);
    let path = path_str(repo);

    let dry = book.run(&["import", "rust-team", &path, "--dry-run"]);
    dry.success().stderr_has("Would import 6 charters");
    assert!(
        dry.stdout
            .contains("content/teams/foundry/foundry-casting/casting-molds.md\n"),
        "{}",
        dry.stdout
    );
    assert!(!book.root().join("content/teams/foundry.md").exists());

    book.run(&["import", "rust-team", &path])
        .success()
        .stderr_has("Imported 6 charters (5 teams, 1 group) with 4 members and 1 owned repo from 9 team files")
        .stderr_has("; 1 was a charter already and is kept as it is")
        .stderr_has("; 2 marker teams or teams without people have no charter")
        .stderr_has("; 3 teams have no description of four words or more")
        .stderr_has("; 5 charters have no `reviewed` date")
        .stderr_has("teams/crucible-ops.toml:5: `leads` is not a list of logins")
        .stderr_has("teams/stray.toml:2: `subteam-of` names nowhere-team, which is no team")
        .stderr_has("teams/everyone.toml:2: team everyone is a marker team")
        .stderr_has("teams/visitors.toml:3: team visitors has no leads or members")
        .stderr_has("note: the 2 alumni of 1 team are left out")
        .stderr_has("note: the 1 team file in teams/archive/ is not read")
        // What the file gives it beyond its charter is named, to add by hand: by the
        // names its charter would use, not the person it lists already.
        .stderr_has("team wg-smelting is already in the handbook as content/teams/wg-smelting.md; kept as it is; the file also lists as its people: Oskar Lindqvist (add them to `members` if they are); and gives it: kettle-lang/smelting-wg (add it to `owns` if it is its)\n");
    assert_eq!(book.read("content/teams/wg-smelting.md"), kept);

    let strs = |v: &toml::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_owned())
            .collect()
    };
    let (foundry, body) = charter_table(&book, "content/teams/foundry.md");
    assert_eq!(foundry["name"].as_str(), Some("Foundry team"));
    assert_eq!(foundry["kind"].as_str(), Some("team"));
    assert!(foundry.get("parent").is_none(), "{foundry:?}");
    assert_eq!(
        foundry["problem"].as_str(),
        Some("Keeping the language's forge and its tools running for every contributor")
    );
    assert_eq!(foundry["lead"].as_str(), Some("Mira Solberg"));
    assert_eq!(
        strs(&foundry["members"]),
        ["Mira Solberg", "Oskar Lindqvist", "Tamsin Achebe"]
    );
    assert_eq!(strs(&foundry["owns"]), ["kettle-lang/foundry"]);
    assert_eq!(foundry["reviewed"].to_string(), "2025-06-02");
    assert_eq!(foundry["contact"]["zulip"].as_str(), Some("#t-foundry"));
    assert!(
        body.contains("- Mira Solberg (`mira` on GitHub, lead)"),
        "{body}"
    );
    assert!(
        !body.contains("Jo Former") && !body.contains("old-jo"),
        "{body}"
    );

    let (casting, body) = charter_table(&book, "content/teams/foundry/foundry-casting.md");
    assert_eq!(casting["name"].as_str(), Some("Casting"));
    assert_eq!(casting["parent"].as_str(), Some("foundry"));
    assert_eq!(
        casting["problem"].as_str(),
        Some(orgbook::scaffold::PLACEHOLDER_PROBLEM)
    );
    assert_eq!(
        strs(&casting["members"]),
        ["Oskar Lindqvist", "Tamsin Achebe", "pell"]
    );
    assert!(casting.get("owns").is_none(), "not a GitHub repository");
    assert!(body.contains("<https://example.org/casting>"), "{body}");

    let (molds, _) = charter_table(
        &book,
        "content/teams/foundry/foundry-casting/casting-molds.md",
    );
    assert_eq!(molds["name"].as_str(), Some("casting-molds"));
    assert_eq!(molds["parent"].as_str(), Some("foundry-casting"));
    assert_eq!(molds["lead"].as_str(), Some("pell"));
    assert_eq!(strs(&molds["members"]), ["pell", "Mira Solberg"]);

    let (crucible, _) = charter_table(&book, "content/teams/crucible.md");
    assert_eq!(crucible["kind"].as_str(), Some("group"));
    assert!(crucible.get("metrics").is_none(), "{crucible:?}");
    let (ops, _) = charter_table(&book, "content/teams/crucible/crucible-ops.md");
    assert_eq!(ops["parent"].as_str(), Some("crucible"));
    assert!(ops.get("lead").is_none(), "`leads` was not a list: {ops:?}");
    assert_eq!(strs(&ops["members"]), ["Mira Solberg"]);
    let (stray, _) = charter_table(&book, "content/teams/stray.md");
    assert!(stray.get("parent").is_none(), "{stray:?}");
    assert!(!book.root().join("content/teams/everyone.md").exists());
    assert!(!book.root().join("content/teams/visitors.md").exists());

    for entry in walkdir::WalkDir::new(book.root().join("content")) {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let text = std::fs::read_to_string(entry.path()).unwrap();
            assert!(
                !text.contains("kettle.example"),
                "an e-mail address in {}",
                entry.path().display()
            );
        }
    }

    builds_clean(&book);
    let map = book.html("orgmap.html");
    let roots = texts(&map, ".org-tree > ul > li > a");
    for root in ["Foundry team", "Crucible"] {
        assert!(roots.iter().any(|r| r == root), "{roots:?}");
    }
    let nested = map
        .select(&sel(
            ".org-tree li > ul > li > ul > li > a[href='teams/casting-molds.html']",
        ))
        .count();
    assert_eq!(
        nested, 1,
        "casting-molds under foundry-casting under foundry"
    );

    book.run(&["import", "rust-team", &path])
        .success()
        .stderr_has("Nothing new to import: 7 teams");
}

/// A team file that is not TOML: the error names its file, line and column, and nothing
/// of the other files is written; PATH may be the teams/ folder or one file.
#[test]
fn a_rust_team_file_that_is_not_toml_imports_nothing() {
    let source = TestBook::fixture("import-rust-team");
    source.write(
        "teams/molten.toml",
        "name = \"molten\"\n[people\nleads = []\n",
    );
    let book = fresh(true);
    book.run(&[
        "import",
        "rust-team",
        &path_str(&source.root().join("teams")),
    ])
    .failure(1)
    .stderr_has("teams/molten.toml:2:")
    .stderr_has("not valid TOML")
    .stderr_has("Nothing imported: 1 problem above");
    assert!(!book.root().join("content/teams/foundry.md").exists());
    // One file alone: its people are still named from people/ beside teams/.
    book.run(&[
        "import",
        "rust-team",
        &path_str(&source.root().join("teams/stray.toml")),
    ])
    .success()
    .stderr_has("Imported 1 charter");
    let (stray, _) = charter_table(&book, "content/teams/stray.md");
    assert_eq!(stray["lead"].as_str(), Some("Oskar Lindqvist"));
    let other = book.root().join("notes");
    std::fs::create_dir_all(&other).unwrap();
    book.run(&["import", "rust-team", &path_str(&other)])
        .failure(1)
        .stderr_has("no team files");
}
