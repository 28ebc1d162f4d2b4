//! The decision workflow (issue #6): `init` and `new` scaffolding, ADR import, the
//! decisions timeline and the Atom feed. Every test runs the real binary; the harness pins
//! today to 2026-11-25 with ORGBOOK_TODAY.

use crate::harness::*;
use std::collections::BTreeMap;
use std::process::Command;

const TODAY: &str = "2026-11-25";

fn empty_book() -> TestBook {
    TestBook {
        dir: tempfile::tempdir().unwrap(),
    }
}

/// Every file under the handbook's `content/` with its text, to prove nothing changed.
fn snapshot(book: &TestBook) -> BTreeMap<String, String> {
    files_under(&book.root().join("content"))
        .into_iter()
        .map(|f| {
            let text = book.read(&format!("content/{f}"));
            (f, text)
        })
        .collect()
}

#[test]
fn init_scaffolds_a_handbook_that_builds_without_warnings() {
    let book = empty_book();
    let run = book.run(&["init", ".", "--title", "Acme \"Freight\""]);
    run.success()
        .stderr_has("Created the handbook \"Acme \"Freight\"\" here. Next: `orgbook serve` to preview it, or `orgbook build` and open public/index.html");
    let written: Vec<&str> = run.stdout.lines().collect();
    for f in [
        "orgbook.toml",
        "content/_index.md",
        "content/how-we-work.md",
        "content/teams/engineering.md",
        "content/teams/engineering/platform.md",
        "content/decisions/0001-record-decisions-in-the-handbook.md",
    ] {
        assert!(written.contains(&f), "{f} not reported in {written:?}");
        assert!(book.root().join(f).is_file(), "{f} not written");
    }

    book.build()
        .success()
        .stderr_lacks("warning[")
        .stderr_has(" 0 warnings");
    check_all_links(&book.out(), &["404.html"]);
    let home = book.html("index.html");
    assert_eq!(texts(&home, ".brand"), ["Acme \"Freight\""]);
    let teams: serde_json::Value =
        serde_json::from_str(&book.output_file("api/teams.json")).unwrap();
    let kinds: Vec<(&str, &str)> = teams["teams"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["slug"].as_str().unwrap(), t["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(kinds, [("engineering", "group"), ("platform", "team")]);
    let decision = &built_decisions(&book)[&1];
    assert_eq!(decision["status"], "accepted");
    assert_eq!(decision["date"], TODAY);
    for page in [
        "how-we-work.html",
        "teams/platform.html",
        "decisions/0001-record-decisions-in-the-handbook.html",
    ] {
        book.html(page);
    }
}

#[test]
fn init_refuses_a_folder_that_already_holds_a_handbook() {
    let book = empty_book();
    book.run(&["init", "."]).success();
    book.edit(
        "content/how-we-work.md",
        "# How we work",
        "# How we really work",
    );
    let before = snapshot(&book);
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("already holds a handbook");
    assert_eq!(snapshot(&book), before);

    // Markdown already in content/ is the handbook: only the configuration is written,
    // no starter page next to (or over) the user's.
    let other = empty_book();
    other.write("content/how-we-work.md", "mine\n");
    let run = other.run(&["init", "."]);
    run.success()
        .stderr_has("Made the Markdown file in content/ the handbook");
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        ["orgbook.toml", ".gitignore"]
    );
    assert_eq!(other.read("content/how-we-work.md"), "mine\n");
    assert_eq!(files_under(&other.root().join("content")).len(), 1);
}

/// `orgbook init` in a Jekyll handbook kept at the repository's root (GitHub Pages' way):
/// no sample handbook is written beside the real pages; the error says how to move them.
#[test]
fn init_at_the_root_of_a_jekyll_handbook_says_how_to_move_its_pages_in() {
    let dir = tempfile::tempdir().unwrap();
    let book = TestBook { dir };
    // The title as a theme's sample config writes it, with a comment after it.
    book.write(
        "_config.yml",
        "title: \"Harbour Handbook\" # the name of your site, e.g. ACME Corp.\nmarkdown: kramdown\n",
    );
    book.write("README.md", "# Harbour\n");
    book.write(
        "how-we-work.md",
        "---\ntitle: How we work\n---\nWe write things down -- all of it.\n",
    );
    book.write("benefits.md", "# Benefits\n");
    book.write("_layouts/default.html", "<html>{{ content }}</html>\n");
    let before = files_under(book.root());
    // The command names the pages, so the repository's README stays at the top, and
    // Jekyll's own folders go along for it to keep building.
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("holds a Jekyll site with 2 Markdown files in ./")
        .stderr_has("`mkdir content && git mv benefits.md how-we-work.md content/`")
        .stderr_has(
            "set `source: content` in _config.yml and move Jekyll's own folders (`_layouts/`) in with them",
        );
    assert_eq!(files_under(book.root()), before, "nothing written");

    // Done as it says: the handbook is titled as the site was, without the comment.
    std::fs::create_dir(book.root().join("content")).unwrap();
    for page in ["benefits.md", "how-we-work.md"] {
        std::fs::rename(
            book.root().join(page),
            book.root().join("content").join(page),
        )
        .unwrap();
    }
    book.run(&["init", "."])
        .success()
        .stderr_has("(a Jekyll site) the handbook \"Harbour Handbook\"");
    assert!(
        book.read("orgbook.toml")
            .contains("title = \"Harbour Handbook\"\n")
    );
    book.build().success();
    assert_eq!(
        texts(&book.html("index.html"), ".brand"),
        ["Harbour Handbook"]
    );
    assert_eq!(
        texts(&book.html("how-we-work.html"), "main .prose p"),
        ["We write things down \u{2013} all of it."]
    );
    assert_eq!(book.read("README.md"), "# Harbour\n");
}

/// `orgbook init` in a repository that has a docs site already: pages in another folder
/// (MkDocs's `docs/`) are not copied or moved behind the user's back: the error names the
/// site, the folder and the move that keeps its generator building, and writes nothing.
/// Once they are in content/, `init` makes them the handbook, titled as the site was.
#[test]
fn init_makes_an_existing_docs_site_the_handbook() {
    let book = TestBook::fixture("mkdocs");
    book.remove("orgbook.toml");
    book.edit(
        "mkdocs.yml",
        "site_name: Platform docs",
        "site_name: Platform handbook",
    );
    std::fs::rename(book.root().join("content"), book.root().join("docs")).unwrap();
    let before = files_under(book.root());
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("holds an MkDocs site with 6 Markdown files in docs/, and orgbook reads its pages from content/")
        .stderr_has("`git mv docs content` and set `docs_dir: content` in mkdocs.yml");
    assert_eq!(files_under(book.root()), before, "nothing written");

    std::fs::rename(book.root().join("docs"), book.root().join("content")).unwrap();
    book.write("content/runbooks/checklist.md", "# Release checklist\n");
    let run = book.run(&["init", "."]);
    run.success().stderr_has(
        "Made the 7 Markdown files in content/ (an MkDocs site) the handbook \"Platform handbook\"",
    );
    assert_eq!(
        run.stdout.lines().collect::<Vec<_>>(),
        ["orgbook.toml", ".gitignore"]
    );
    book.build().success();
    assert_eq!(
        texts(&book.html("index.html"), ".brand"),
        ["Platform handbook"]
    );
    check_all_links(&book.out(), &["404.html"]);

    // An mkdocs.yml an old editor saved in Windows-1252 still names the site.
    let latin = TestBook::fixture("mkdocs");
    latin.remove("orgbook.toml");
    let yml = std::fs::read_to_string(latin.root().join("mkdocs.yml"))
        .unwrap()
        .replace("site_name: Platform docs", "site_name: Équipe plateforme");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&yml);
    std::fs::write(latin.root().join("mkdocs.yml"), bytes).unwrap();
    latin.write("content/runbooks/checklist.md", "# Release checklist\n");
    latin
        .run(&["init", "."])
        .success()
        .stderr_has("(an MkDocs site) the handbook \"Équipe plateforme\"");

    // A Hugo site keeps its pages in content/ already.
    let hugo = TestBook::fixture("hugo");
    hugo.remove("orgbook.toml");
    hugo.write(
        "hugo.toml",
        "baseURL = 'https://docs.acme.example/'\ntitle = 'Acme Engineering'\ntheme = 'hugo-book'\n",
    );
    hugo.run(&["init", "."])
        .success()
        .stderr_has("(a Hugo site)");
    // Hugo drew `--` and quotes typographically; so does the handbook it becomes, and a
    // site whose generator did not (MkDocs, above) keeps them as written.
    assert!(
        hugo.read("orgbook.toml")
            .contains("[markdown]\n# `--` and `---` as dashes and straight quotes as curly ones, as Hugo drew them.\nsmart_punctuation = true\n"),
        "{}",
        hugo.read("orgbook.toml")
    );
    assert!(!book.read("orgbook.toml").contains("smart_punctuation"));
    hugo.write(
        "content/dashes.md",
        "# Dashes\n\nMonday -- Friday --- \"on call\" hours.\n\n`a -- b`\n",
    );
    hugo.build().success();
    assert_eq!(
        texts(&hugo.html("index.html"), ".brand"),
        ["Acme Engineering"]
    );
    let dashes = hugo.html("dashes.html");
    assert_eq!(
        texts(&dashes, "main .prose p"),
        [
            "Monday \u{2013} Friday \u{2014} \u{201c}on call\u{201d} hours.",
            "a -- b"
        ]
    );
}

/// `orgbook init` in a VitePress, Starlight, Gatsby or docsify repository: the site is
/// named, no sample handbook is written beside its pages, the advice names the real folder
/// and the setting that keeps the old generator building; once moved, the handbook is
/// titled as the site was. A real VitePress handbook got the sample teams and decision
/// beside its pages, a literal `git mv FOLDER content/`, and a title made of its folder.
#[test]
fn init_names_a_vitepress_starlight_gatsby_or_docsify_site_and_its_folder() {
    struct Case {
        files: &'static [(&'static str, &'static str)],
        folder: &'static str,
        said: &'static [&'static str],
        title: &'static str,
    }
    let cases = [
        Case {
            files: &[
                (
                    ".vitepress/config.mts",
                    "export default defineConfig({\n  title: 'Beacon Handbook',\n  srcDir: './pages',\n  cleanUrls: true,\n})\n",
                ),
                ("pages/index.md", "# Beacon\n"),
                ("pages/people/leave.md", "# Leave\n"),
                ("pages/public/img/logo.png", "png"),
            ],
            folder: "pages",
            said: &[
                "holds a VitePress site with 2 Markdown files in pages/",
                "`git mv pages content` and set `srcDir: './content'` in .vitepress/config",
                "then `git mv content/public static`",
            ],
            title: "Beacon Handbook",
        },
        Case {
            files: &[
                (
                    "astro.config.mjs",
                    "export default defineConfig({\n  integrations: [\n    starlight({\n      title: 'Quarry Engineering',\n    }),\n  ],\n});\n",
                ),
                ("src/content/docs/index.mdx", "---\ntitle: Home\n---\n"),
                ("src/content/docs/reviews.md", "# Reviews\n"),
                ("src/assets/flow.png", "png"),
            ],
            folder: "src/content/docs",
            said: &[
                "holds an Astro Starlight site with 2 Markdown files in src/content/docs/",
                "`git mv src/content/docs content` and load the docs collection with `glob({ base: './content'",
                "then `git mv src/assets content/assets`",
            ],
            title: "Quarry Engineering",
        },
        Case {
            files: &[
                (
                    "gatsby-config.js",
                    "module.exports = {\n  siteMetadata: {\n    title: 'Lattice',\n  },\n  plugins: [\n    {\n      resolve: `gatsby-source-filesystem`,\n      options: { name: `contents`, path: `${__dirname}/contents` },\n    },\n  ],\n}\n",
                ),
                ("contents/handbook/values.md", "---\ntitle: Values\n---\n"),
            ],
            folder: "contents",
            said: &[
                "holds a Gatsby site with 1 Markdown file in contents/",
                "`git mv contents content` and point gatsby-source-filesystem's `path` at `${__dirname}/content`",
            ],
            title: "Lattice",
        },
        Case {
            files: &[
                (
                    "docs/index.html",
                    "<html><body><div id=\"app\"></div>\n<script>\n  window.$docsify = {\n    name: 'Guild Handbook',\n    loadSidebar: true\n  }\n</script></body></html>\n",
                ),
                ("docs/README.md", "# Welcome\n"),
                ("docs/meetings.md", "# Meetings\n"),
                ("docs/teams/README.md", "# Our teams\n"),
                ("docs/teams/outreach.md", "# Outreach team\n"),
            ],
            folder: "docs",
            said: &[
                "holds a docsify site with 4 Markdown files in docs/",
                "`git mv docs content` and serve content/ instead of docs/",
            ],
            title: "Guild Handbook",
        },
    ];
    for case in cases {
        let book = empty_book();
        for (rel, text) in case.files {
            book.write(rel, text);
        }
        let before = files_under(book.root());
        let run = book.run(&["init", "."]);
        run.failure(1).stderr_lacks("git mv FOLDER");
        for said in case.said {
            run.stderr_has(said);
        }
        assert_eq!(files_under(book.root()), before, "nothing written");
        std::fs::rename(book.root().join(case.folder), book.root().join("content")).unwrap();
        let adopted = book.run(&["init", "."]);
        adopted
            .success()
            .stderr_has(&format!("the handbook \"{}\"", case.title));
        if case.folder == "pages" {
            // VitePress's public/ came along: still to move, where orgbook reads it.
            adopted.stderr_has("note: `git mv content/public static`");
        }
        if case.folder == "docs" {
            // Its teams/ folder is pages about the teams, not charters.
            adopted
                .stderr_has("note: content/teams/ holds 1 page without a charter's front matter");
            book.build()
                .success()
                .stderr_has("1 page in content/teams/ published as plain pages");
        } else {
            adopted.stderr_lacks("content/teams/ holds");
        }
        assert!(
            !book.root().join("content/teams/engineering.md").exists(),
            "no sample teams"
        );
    }
}

#[test]
fn new_decision_takes_the_number_after_the_highest_skipping_gaps() {
    let book = TestBook::fixture("workflow/numbering");
    let run = book.run(&[
        "new",
        "decision",
        "Adopt a \"managed\" Kafka",
        "--team",
        "api",
        "--type",
        "1",
    ]);
    run.success();
    let path = run.stdout.trim();
    assert_eq!(path, "content/decisions/0006-adopt-a-managed-kafka.md");
    let text = book.read(path);
    for expected in [
        "status = \"proposed\"",
        "type = 1",
        &format!("date = {TODAY}"),
        "team = \"api\"",
        "## Context",
        "## Decision",
        "## Consequences",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
    // The next one follows it, and the scaffolded records build as they are.
    let run = book.run(&["new", "decision", "Second", "--team", "web"]);
    assert_eq!(
        run.success().stdout.trim(),
        "content/decisions/0007-second.md"
    );
    book.build().success().stderr_lacks("warning[");
    let decisions = built_decisions(&book);
    assert_eq!(
        decisions.keys().copied().collect::<Vec<_>>(),
        [1, 2, 5, 6, 7]
    );
    assert_eq!(decisions[&6]["title"], "Adopt a \"managed\" Kafka");
    assert_eq!(
        (
            decisions[&6]["type"].as_u64(),
            decisions[&7]["type"].as_u64()
        ),
        (Some(1), Some(2))
    );
}

/// `--supersedes N` names the decisions a new proposal would replace: checked to exist
/// before anything is written, and the old ones stay in force (and are named in a note)
/// until the proposal is accepted.
#[test]
fn new_decision_supersedes_existing_decisions_only() {
    let book = TestBook::fixture("workflow/numbering");
    let before = snapshot(&book);
    book.run(&[
        "new",
        "decision",
        "Typo",
        "--team",
        "api",
        "--supersedes",
        "2,4",
    ])
    .failure(1)
    .stderr_has("--supersedes 4: no decision has that number in this handbook")
    .stderr_has("this handbook's go up to 5");
    assert_eq!(snapshot(&book), before, "nothing written");

    let run = book.run(&[
        "new",
        "decision",
        "Replace GraphQL and SSR",
        "--team",
        "api",
        "--supersedes",
        "5",
        "--supersedes",
        "2",
    ]);
    run.success()
        .stderr_has("note: decision 2 stays in force until 6 is accepted; then set status = \"superseded\" in content/decisions/0002-server-side-rendering.md")
        .stderr_has("note: decision 5 stays in force");
    let text = book.read(run.stdout.trim());
    assert!(text.contains("\nsupersedes = [2, 5]\n"), "{text}");
    book.build().success().stderr_lacks("warning[");
    let decisions = built_decisions(&book);
    assert_eq!(decisions[&6]["supersedes"], serde_json::json!([2, 5]));
    assert_eq!(decisions[&5]["status"], "accepted", "still in force");
}

#[test]
fn new_decision_refuses_a_taken_number_or_unknown_team_and_writes_nothing() {
    let book = TestBook::fixture("workflow/numbering");
    let before = snapshot(&book);
    book.run(&["new", "decision", "Clash", "--team", "api", "--number", "5"])
        .failure(1)
        .stderr_has("decision number 5 is already used by content/decisions/0005-use-graphql.md");
    book.run(&["new", "decision", "Typo", "--team", "apj"])
        .failure(1)
        .stderr_has("no team `apj`")
        .stderr_has("did you mean `api`?");
    book.run(&[
        "new", "decision", "Bad type", "--team", "api", "--type", "3",
    ])
    .failure(2);
    assert_eq!(snapshot(&book), before);
    // A free number in a gap may be chosen explicitly.
    let run = book.run(&[
        "new",
        "decision",
        "Fill the gap",
        "--team",
        "api",
        "--number",
        "3",
    ]);
    assert_eq!(
        run.success().stdout.trim(),
        "content/decisions/0003-fill-the-gap.md"
    );
}

#[test]
fn new_team_goes_beside_its_parent_and_refuses_to_overwrite() {
    let book = TestBook::fixture("workflow/numbering");
    let run = book.run(&[
        "new",
        "team",
        "payments",
        "--parent",
        "eng",
        "--name",
        "Payments & Billing",
    ]);
    assert_eq!(run.success().stdout.trim(), "content/teams/eng/payments.md");
    let text = book.read("content/teams/eng/payments.md");
    for expected in [
        "name = \"Payments & Billing\"",
        "parent = \"eng\"",
        "problem = ",
        "[[metrics]]",
        &format!("reviewed = {TODAY}"),
        "## Problem",
        "## Metric",
        "## How we work",
    ] {
        assert!(text.contains(expected), "{expected:?} missing from\n{text}");
    }
    let group = book.run(&["new", "team", "platform", "--group"]);
    assert_eq!(group.success().stdout.trim(), "content/teams/platform.md");
    assert!(
        book.read("content/teams/platform.md")
            .contains("kind = \"group\"")
    );
    book.build().success().stderr_lacks("warning[");
    let page = book.html("teams/payments.html");
    assert_eq!(texts(&page, "h1"), ["Payments & Billing"]);

    // The same slug again, wherever it would go, is refused and the charter kept.
    book.edit(
        "content/teams/eng/payments.md",
        "## Problem",
        "## Problem (edited)",
    );
    let before = snapshot(&book);
    book.run(&["new", "team", "payments"])
        .failure(1)
        .stderr_has("team `payments` already exists: content/teams/eng/payments.md");
    book.run(&["new", "team", "api", "--parent", "eng"])
        .failure(1)
        .stderr_has("already exists");
    // A name is made a slug, and that slug is taken too.
    book.run(&["new", "team", "Payments"])
        .failure(1)
        .stderr_has("team `payments` already exists");
    book.run(&["new", "team", "?!"])
        .failure(1)
        .stderr_has("`?!` is not a valid team slug")
        .stderr_has("with letters or digits in it");
    book.run(&["new", "team", "rates", "--parent", "nope"])
        .failure(1)
        .stderr_has("no team `nope`");
    assert_eq!(snapshot(&book), before);
}

/// `orgbook new team "Search Relevance"`, as `new decision` takes a title: the name is
/// made the slug and kept as the team's name; `--name` still wins.
#[test]
fn new_team_takes_a_name_as_people_say_it() {
    let book = TestBook::fixture("workflow/numbering");
    let run = book.run(&["new", "team", "Search Relevance", "--parent", "eng"]);
    assert_eq!(
        run.success()
            .stderr_has("Created the charter of `search-relevance`")
            .stdout
            .trim(),
        "content/teams/eng/search-relevance.md"
    );
    assert!(
        book.read("content/teams/eng/search-relevance.md")
            .contains("name = \"Search Relevance\"")
    );
    let run = book.run(&["new", "team", "Rates & Pricing", "--name", "Pricing"]);
    assert_eq!(
        run.success().stdout.trim(),
        "content/teams/rates-pricing.md"
    );
    assert!(
        book.read("content/teams/rates-pricing.md")
            .contains("name = \"Pricing\"")
    );
    book.build().success();
    assert_eq!(
        texts(&book.html("teams/search-relevance.html"), "h1"),
        ["Search Relevance"]
    );
}

#[test]
fn a_malformed_orgbook_today_is_an_error_not_a_silent_fallback() {
    let book = TestBook::fixture("workflow/numbering");
    let out = Command::new(BIN)
        .args(["new", "decision", "Dated", "--team", "api"])
        .current_dir(book.root())
        .env("ORGBOOK_TODAY", "25/11/2026")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ORGBOOK_TODAY"));
    assert!(!book.root().join("content/decisions/0006-dated.md").exists());
}

/// Imports `adr` (a folder under tests/fixtures/workflow/) into the one-team fixture,
/// builds it, and returns the book, the import run's stderr and the built decisions.
fn import_and_build(
    adr: &str,
    extra: &[&str],
) -> (TestBook, String, BTreeMap<u64, serde_json::Value>) {
    let book = TestBook::fixture("workflow/import-target");
    let dir = fixture_dir(&format!("workflow/{adr}"))
        .to_string_lossy()
        .into_owned();
    let mut args = vec!["import", "adr", dir.as_str()];
    args.extend(extra);
    let run = book.run(&args);
    run.success();
    book.build().success().stderr_lacks("warning[");
    let decisions = built_decisions(&book);
    (book, run.stderr, decisions)
}

/// (status, date, decided, supersedes, superseded_by) of a built decision.
fn summary(d: &serde_json::Value) -> (String, String, Option<String>, Vec<u64>, Vec<u64>) {
    let nums = |v: &serde_json::Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect()
    };
    (
        d["status"].as_str().unwrap().to_string(),
        d["date"].as_str().unwrap().to_string(),
        d["decided"].as_str().map(str::to_string),
        nums(&d["supersedes"]),
        nums(&d["superseded_by"]),
    )
}

fn expect(
    status: &str,
    date: &str,
    decided: Option<&str>,
    sup: &[u64],
    by: &[u64],
) -> (String, String, Option<String>, Vec<u64>, Vec<u64>) {
    (
        status.into(),
        date.into(),
        decided.map(str::to_string),
        sup.to_vec(),
        by.to_vec(),
    )
}

#[test]
fn import_adr_tools_round_trips_status_date_number_and_supersedes() {
    // The handbook has one team (and a group), so --team may be left out.
    let (book, stderr, decisions) = import_and_build("adr-nygard", &[]);
    assert!(stderr.contains("for team `orders`"), "{stderr}");
    // Numbers are kept, gaps included.
    assert_eq!(
        decisions.keys().copied().collect::<Vec<_>>(),
        [1, 2, 3, 5, 6]
    );
    assert_eq!(
        summary(&decisions[&1]),
        expect("accepted", "2019-02-11", Some("2019-02-11"), &[], &[])
    );
    assert_eq!(
        summary(&decisions[&2]),
        expect("superseded", "2019-03-01", Some("2019-03-01"), &[], &[3])
    );
    assert_eq!(
        summary(&decisions[&3]),
        expect("accepted", "2020-06-30", Some("2020-06-30"), &[2], &[])
    );
    assert_eq!(
        summary(&decisions[&5]),
        expect("proposed", "2024-01-15", None, &[], &[])
    );
    assert_eq!(
        summary(&decisions[&6]),
        expect("deprecated", "2021-04-01", Some("2021-04-01"), &[], &[])
    );
    for d in decisions.values() {
        assert_eq!(
            (d["team"].as_str(), d["type"].as_u64()),
            (Some("orders"), Some(2))
        );
    }
    assert_eq!(decisions[&3]["title"], "Use PostgreSQL for orders");

    // The pages show the link both ways, and the body kept its sections and links.
    // Imported records are named after their titles, as `orgbook new` names them.
    let old = book.html("decisions/0002-use-mysql-for-orders.html");
    assert_eq!(
        hrefs(&old, ".notice a"),
        ["../decisions/0003-use-postgresql-for-orders.html"]
    );
    let new = book.html("decisions/0003-use-postgresql-for-orders.html");
    assert!(texts(&new, ".prose h2").contains(&"Consequences".to_string()));
    assert!(
        hrefs(&new, ".prose a")
            .contains(&"../decisions/0002-use-mysql-for-orders.html".to_string())
    );
    assert!(
        texts(&new, ".prose")
            .iter()
            .all(|t| !t.contains("Supersedes [")),
        "status section left in the body"
    );
}

#[test]
fn import_madr_round_trips_status_date_number_deciders_and_supersedes() {
    let (book, stderr, decisions) =
        import_and_build("adr-madr", &["--team", "orders", "--type", "1"]);
    // README and template are skipped; number 7 keeps its gap.
    assert_eq!(
        decisions.keys().copied().collect::<Vec<_>>(),
        [1, 2, 3, 4, 7]
    );
    assert_eq!(
        summary(&decisions[&1]),
        expect("accepted", "2021-05-04", Some("2021-05-04"), &[], &[])
    );
    assert_eq!(
        summary(&decisions[&2]),
        expect("superseded", "2021-06-10", Some("2021-06-10"), &[], &[4])
    );
    assert_eq!(
        summary(&decisions[&3]),
        expect("rejected", "2022-02-01", Some("2022-02-01"), &[], &[])
    );
    assert_eq!(
        summary(&decisions[&4]),
        expect("accepted", "2024-03-14", Some("2024-03-14"), &[2], &[])
    );
    assert_eq!(
        summary(&decisions[&7]),
        expect("proposed", "2025-09-30", None, &[], &[])
    );
    assert_eq!(
        decisions[&4]["deciders"],
        serde_json::json!(["Carol White", "Erin O'Neil"])
    );
    assert_eq!(
        decisions[&1]["deciders"],
        serde_json::json!(["Alice Jones", "Bob Smith"])
    );
    assert!(decisions.values().all(|d| d["type"] == 1));
    // Who was consulted has no orgbook key: kept on the page, not dropped with a note.
    assert!(!stderr.contains("note: 0003-use-soap.md:5:"), "{stderr}");
    let soap = book.html("decisions/0003-use-soap-for-partner-integrations.html");
    let text = texts(&soap, "main li");
    assert!(
        text.iter().any(|t| t == "consulted: Integration guild"),
        "{text:?}"
    );
    let kafka = book.html("decisions/0004-use-kafka-for-payment-events.html");
    assert_eq!(texts(&kafka, "h1"), ["Use Kafka for payment events"]);
}

#[test]
fn import_refuses_to_overwrite_or_reuse_numbers_and_then_writes_nothing() {
    let book = TestBook::fixture("workflow/import-target");
    let nygard = fixture_dir("workflow/adr-nygard")
        .to_string_lossy()
        .into_owned();
    let madr = fixture_dir("workflow/adr-madr")
        .to_string_lossy()
        .into_owned();
    book.run(&["import", "adr", &nygard]).success();
    book.edit(
        "content/decisions/0003-use-postgresql-for-orders.md",
        "## Context",
        "## Context (edited)",
    );
    let before = snapshot(&book);

    // The same folder again: every record was imported before, and none is written again
    // (the edited one keeps its edit).
    book.run(&["import", "adr", &nygard, "--keep-numbers"])
        .success()
        .stderr_has("skipped: 0003-use-postgresql.md: imported before, as content/decisions/0003-use-postgresql-for-orders.md")
        .stderr_has("Nothing new to import");
    assert_eq!(snapshot(&book), before);
    // With --keep-numbers, numbers already used in the handbook refuse the import, and
    // nothing is written (without it they would be renumbered: tests/suite/import.rs).
    book.run(&["import", "adr", &madr, "--keep-numbers"])
        .failure(1)
        .stderr_has("decision number 1 is already taken");
    assert_eq!(snapshot(&book), before);

    // A dry run reports the files and writes none of them.
    let fresh = TestBook::fixture("workflow/import-target");
    let run = fresh.run(&["import", "adr", &madr, "--dry-run"]);
    assert!(
        run.success()
            .stdout
            .contains("content/decisions/0004-use-kafka-for-payment-events.md"),
        "{}",
        run.stdout
    );
    assert!(!fresh.root().join("content/decisions").exists());
}

#[test]
fn import_needs_team_when_the_handbook_has_several() {
    let book = TestBook::fixture("workflow/numbering");
    book.remove("content/decisions/0001-use-rest.md")
        .remove("content/decisions/0002-server-side-rendering.md")
        .remove("content/decisions/0005-use-graphql.md");
    let madr = fixture_dir("workflow/adr-madr")
        .to_string_lossy()
        .into_owned();
    book.run(&["import", "adr", &madr])
        .failure(2)
        .stderr_has("--team is required")
        .stderr_has("api, web");
    book.run(&["import", "adr", &madr, "--team", "webb"])
        .failure(1)
        .stderr_has("did you mean `web`?");
    assert!(files_under(&book.root().join("content/decisions")).is_empty());
    book.run(&["import", "adr", &madr, "--team", "web"])
        .success();
    book.build().success();
    assert!(built_decisions(&book).values().all(|d| d["team"] == "web"));
}

#[test]
fn timeline_lists_decisions_by_month_newest_first() {
    let book = TestBook::fixture("workflow/numbering");
    book.build().success();
    let page = book.html("timeline.html");
    // 5 was proposed in February but decided in March; 2 is still open (placed at its
    // proposal date); 1 was decided in January. February has nothing.
    assert_eq!(
        texts(&page, ".timeline-month h2"),
        ["March 2026", "January 2026"]
    );
    let ids: Vec<String> = page
        .select(&sel(".timeline-month h2"))
        .map(|h| h.value().attr("id").unwrap().to_string())
        .collect();
    assert_eq!(ids, ["2026-03", "2026-01"]);
    assert_eq!(
        texts(&page, ".timeline-entry time"),
        ["2026-03-15", "2026-03-02", "2026-01-20"]
    );
    assert_eq!(
        texts(&page, ".timeline-entry .event"),
        ["decided", "proposed", "decided"]
    );
    assert_eq!(
        hrefs(&page, ".timeline-entry > a:not(.team)"),
        [
            "decisions/0005-use-graphql.html",
            "decisions/0002-server-side-rendering.html",
            "decisions/0001-use-rest.html"
        ]
    );
    check_all_links(&book.out(), &["404.html"]);
    // Every page advertises the feed.
    let home = book.html("index.html");
    assert_eq!(
        hrefs(&home, "link[rel=alternate][type='application/atom+xml']"),
        ["feed.xml"]
    );
}

/// The text of the only child element of `node` named `name` in the Atom namespace.
fn atom_text<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    let found: Vec<_> = node
        .children()
        .filter(|c| c.has_tag_name((ATOM, name)))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one <{name}> in <{}>",
        node.tag_name().name()
    );
    found[0].text().unwrap_or("")
}

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn is_rfc3339(s: &str) -> bool {
    s.len() == 20
        && s.ends_with('Z')
        && s.as_bytes()[10] == b'T'
        && s.parse::<jiff::Timestamp>().is_ok()
}

#[test]
fn feed_is_well_formed_atom_with_stable_ids_and_dates() {
    let book = TestBook::fixture("workflow/numbering");
    book.build().success();
    let xml = book.output_file("feed.xml");
    let doc = roxmltree::Document::parse(&xml)
        .unwrap_or_else(|e| panic!("feed.xml is not well-formed XML: {e}\n{xml}"));
    let feed = doc.root_element();
    assert!(
        feed.has_tag_name((ATOM, "feed")),
        "root is {:?}",
        feed.tag_name()
    );
    // RFC 4287 requires id, title and updated on the feed, and an author on the feed when
    // entries have none.
    assert_eq!(atom_text(feed, "id"), "urn:orgbook:feed:decisions");
    assert_eq!(atom_text(feed, "title"), "Numbering Test: decisions");
    assert_eq!(atom_text(feed, "updated"), "2026-03-15T00:00:00Z");
    assert!(
        !atom_text(
            feed.children()
                .find(|c| c.has_tag_name((ATOM, "author")))
                .unwrap(),
            "name"
        )
        .is_empty()
    );
    let self_link = feed
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        .unwrap();
    assert_eq!(self_link.attribute("href"), Some("feed.xml"));

    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .collect();
    let got: Vec<(&str, &str, &str, &str)> = entries
        .iter()
        .map(|e| {
            (
                atom_text(*e, "id"),
                atom_text(*e, "title"),
                atom_text(*e, "updated"),
                atom_text(*e, "published"),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "urn:orgbook:decision:5",
                "ADR 5: Use GraphQL <& \"quotes\"> for the public API",
                "2026-03-15T00:00:00Z",
                "2026-02-10T00:00:00Z"
            ),
            (
                "urn:orgbook:decision:2",
                "ADR 2: Render pages on the server",
                "2026-03-02T00:00:00Z",
                "2026-03-02T00:00:00Z"
            ),
            (
                "urn:orgbook:decision:1",
                "ADR 1: Use REST for the public API",
                "2026-01-20T00:00:00Z",
                "2026-01-05T00:00:00Z"
            ),
        ]
    );
    for e in &entries {
        for date in [atom_text(*e, "updated"), atom_text(*e, "published")] {
            assert!(is_rfc3339(date), "{date}");
        }
        let link = e
            .children()
            .find(|c| c.has_tag_name((ATOM, "link")))
            .unwrap();
        let href = link.attribute("href").unwrap();
        assert!(
            book.out().join(href).is_file(),
            "entry link {href} does not exist"
        );
        // The body is HTML content, escaped once, and its links resolve from the page.
        let content = e
            .children()
            .find(|c| c.has_tag_name((ATOM, "content")))
            .unwrap();
        assert_eq!(content.attribute("type"), Some("html"));
        assert_eq!(
            content.attribute(("http://www.w3.org/XML/1998/namespace", "base")),
            Some(href)
        );
    }
    let graphql = entries[0]
        .children()
        .find(|c| c.has_tag_name((ATOM, "content")))
        .unwrap()
        .text()
        .unwrap();
    // Resolved against xml:base (decisions/0005-use-graphql.html), this is the REST page.
    assert!(
        graphql.contains("<a href=\"../decisions/0001-use-rest.html\">REST</a>"),
        "{graphql}"
    );
    let categories: Vec<&str> = entries[0]
        .children()
        .filter(|c| c.has_tag_name((ATOM, "category")))
        .map(|c| c.attribute("term").unwrap())
        .collect();
    assert_eq!(categories, ["accepted", "api", "clients"]);

    // Stable: the same handbook gives the same bytes; a renamed file keeps its id.
    book.build().success();
    assert_eq!(book.output_file("feed.xml"), xml);
    std::fs::rename(
        book.root()
            .join("content/decisions/0002-server-side-rendering.md"),
        book.root().join("content/decisions/0002-ssr.md"),
    )
    .unwrap();
    book.build().success();
    assert!(
        book.output_file("feed.xml")
            .contains("<id>urn:orgbook:decision:2</id>")
    );
}

#[test]
fn feed_uses_absolute_urls_and_ids_with_a_base_url() {
    let book = TestBook::fixture("workflow/numbering");
    book.write(
        "orgbook.toml",
        "title = \"Numbering Test\"\nbase_url = \"https://handbook.example.com/docs/\"\n",
    );
    book.build().success();
    let xml = book.output_file("feed.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let feed = doc.root_element();
    assert_eq!(
        atom_text(feed, "id"),
        "https://handbook.example.com/docs/feed.xml"
    );
    let entry = feed
        .children()
        .find(|c| c.has_tag_name((ATOM, "entry")))
        .unwrap();
    assert_eq!(
        atom_text(entry, "id"),
        "https://handbook.example.com/docs/decisions/5"
    );
    let link = entry
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")))
        .unwrap();
    assert_eq!(
        link.attribute("href"),
        Some("https://handbook.example.com/docs/decisions/0005-use-graphql.html")
    );
}

/// `orgbook init` at the root of a plain-Markdown repository (pages in folders of their
/// own, no generator) starts the handbook, and says which pages it leaves out and how to
/// bring them in: a real one built only the sample pages, without a word about its own.
#[test]
fn init_beside_markdown_outside_content_names_it() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write("README.md", "# Engineering wiki\n");
    book.write("career/README.md", "# Career\n");
    book.write("career/levels/engineer-1.md", "# Engineer 1\n");
    book.write("node_modules/pkg/README.md", "# Not a page\n");
    book.run(&["init", "."])
        .success()
        .stderr_has("note: 3 Markdown files here are outside content/ (README.md, …), so the handbook leaves them out until they are moved in")
        .stderr_has("\n    mkdir -p content && mv README.md career content/\n")
        .stderr_lacks("git mv FOLDER");
    // Once a handbook, the note has nothing left to say about its own pages.
    let clean = empty_book();
    clean
        .run(&["init", "."])
        .success()
        .stderr_lacks("outside content/");
}

/// The lines of the move command `init` prints (indented by four spaces), as one shell
/// command with its `\` continuations.
fn printed_move_command(stderr: &str) -> String {
    let lines: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("    "))
        .collect();
    assert!(!lines.is_empty(), "no command printed:\n{stderr}");
    lines.join("\n")
}

/// A git repository of Markdown folders with its README as the front page (artsy/README,
/// thoughtbot/guides, kubernetes/community): `init` writes no sample organisation and no
/// home page of its own, names the handbook after the README's heading, and prints one
/// command, uncut, that moves every page in, README included. Once it has run, the
/// handbook checks clean and its home page is the README.
#[test]
fn init_in_a_repository_of_markdown_folders_moves_them_in_with_the_readme_as_home() {
    let book = empty_book();
    let root = book.root();
    crate::insight::git(root, &["init", "-q", "-b", "main"]);
    book.write(
        "README.md",
        "[![badge](https://ci.example.org/b.svg)](https://ci.example.org)\n\n# Tidewater Engineering\n\nHow we work. Start with [onboarding](onboarding/README.md); to change it, read [contributing](CONTRIBUTING.md).\n",
    );
    // More folders than a line holds, two of them with spaces and quotes in their names.
    let folders = [
        "onboarding",
        "culture",
        "playbooks",
        "rfcs",
        "careers",
        "practices",
        "events",
        "resources",
        "security-and-compliance",
        "incident-reviews",
        "design docs",
        "it's-complicated",
    ];
    for f in folders {
        book.write(
            &format!("{f}/README.md"),
            &format!("# {f}\n\nBack [home](../README.md).\n"),
        );
    }
    book.write("onboarding/first-week.md", "# First week\n");
    book.write("CONTRIBUTING.md", "# Contributing\n");
    crate::insight::git(root, &["add", "-A"]);
    crate::insight::git(root, &["commit", "-q", "-m", "pages"]);

    let run = book.run(&["init", "."]);
    run.success()
        .stderr_has("Created the handbook \"Tidewater Engineering\"")
        .stderr_has("no sample pages")
        .stderr_has("14 Markdown files here are outside content/")
        .stderr_lacks(", …`")
        .stderr_has("README.md links to CONTRIBUTING.md, which stays at the top where GitHub shows it: once it is content/README.md, write those links with `../` (`../CONTRIBUTING.md`), and set `url` under `[repository]`");
    for sample in [
        "content/_index.md",
        "content/how-we-work.md",
        "content/teams/engineering.md",
        "content/decisions",
    ] {
        assert!(!root.join(sample).exists(), "{sample} written");
    }
    assert!(
        book.read("orgbook.toml")
            .contains("title = \"Tidewater Engineering\"")
    );

    let command = printed_move_command(&run.stderr);
    assert!(command.contains(" \\\n"), "not wrapped:\n{command}");
    assert!(command.contains("README.md"), "{command}");
    assert!(!command.contains("CONTRIBUTING"), "{command}");
    let moved = Command::new("sh")
        .args(["-c", &command])
        .current_dir(root)
        .output()
        .unwrap();
    assert!(
        moved.status.success(),
        "{command}\n{}",
        String::from_utf8_lossy(&moved.stderr)
    );
    assert!(root.join("content/README.md").is_file());
    assert!(root.join("content/design docs/README.md").is_file());
    assert!(root.join("CONTRIBUTING.md").is_file());

    book.edit(
        "content/README.md",
        "](CONTRIBUTING.md)",
        "](../CONTRIBUTING.md)",
    );
    let config = book.read("orgbook.toml");
    book.write(
        "orgbook.toml",
        &format!("{config}\n[repository]\nurl = \"https://git.example.org/tidewater/handbook\"\n"),
    );
    book.run(&["check"])
        .success()
        .stderr_lacks("duplicate-folder-index");
    book.build().success();
    let home = book.html("index.html");
    assert_eq!(texts(&home, "main h1"), ["Tidewater Engineering"]);
    assert!(
        hrefs(&home, "main p a").contains(&"onboarding/index.html".to_string()),
        "the README's link to onboarding/README.md"
    );
}

/// `--empty` beside pages that move in writes its group, but no home page: the README is
/// content/'s index once moved, and a second one would be a `duplicate-folder-index`.
#[test]
fn init_empty_leaves_the_home_page_to_the_readme_that_moves_in() {
    let book = empty_book();
    book.write("README.md", "# Harbour Docs\n");
    book.write("guides/README.md", "# Guides\n");
    let run = book.run(&["init", ".", "--empty"]);
    run.success()
        .stderr_has("what `--empty` writes")
        .stderr_has("README.md its home page");
    assert!(!book.root().join("content/_index.md").exists());
    assert!(book.root().join("content/teams/engineering.md").is_file());
    // Not a git repository: a plain `mv`.
    let command = printed_move_command(&run.stderr);
    assert_eq!(command, "mkdir -p content && mv README.md guides content/");
    let moved = Command::new("sh")
        .args(["-c", &command])
        .current_dir(book.root())
        .status()
        .unwrap();
    assert!(moved.success());
    book.run(&["check"]).success();
    book.build().success();
    assert_eq!(texts(&book.html("index.html"), "main h1"), ["Harbour Docs"]);
}

/// A governance repository keeps its organisation as data: the Kubernetes community's
/// `sigs.yaml`, rust-lang/team's `teams/*.toml`. `init` names what it found and what to do,
/// and so does the build's note on a handbook without charters; nothing is published
/// differently.
#[test]
fn init_and_build_name_team_definitions_kept_as_data() {
    let sigs = "# every group of the project\nsigs:\n- dir: sig-ledger\n  name: Ledger\n  mission_statement: >\n    Keeps the books.\n  leadership:\n    chairs:\n    - github: ana\n      name: Ana Example\n  subprojects:\n  - name: books\nworkinggroups:\n- dir: wg-audit\n  name: Audit\n  leadership:\n    chairs:\n    - github: bo\n";
    let book = empty_book();
    book.write("README.md", "# Project Community\n");
    book.write("sig-ledger/README.md", "# Ledger Special Interest Group\n");
    book.write("sigs.yaml", sigs);
    book.run(&["init", "."]).success().stderr_has(
        "note: sigs.yaml defines 2 groups the Kubernetes way (`sigs:` / `workinggroups:` with `name` and `leadership`), which orgbook does not read as teams: `orgbook import sigs sigs.yaml` writes a charter for each",
    );
    std::fs::create_dir(book.root().join("content")).unwrap();
    std::fs::rename(
        book.root().join("sig-ledger"),
        book.root().join("content/sig-ledger"),
    )
    .unwrap();
    book.build()
        .success()
        .stderr_has("note: no team charters")
        .stderr_has("note: sigs.yaml defines 2 groups");

    // Teams in TOML beside one Markdown file of docs: init refuses (the docs move first)
    // and names the teams too.
    let team = |name: &str| {
        format!(
            "name = \"{name}\"\nsubteam-of = \"tools\"\n\n[people]\nleads = [\"ana\"]\nmembers = [\"ana\", \"bo\"]\n\n[website]\ndescription = \"builds the {name}\"\n"
        )
    };
    let rust = empty_book();
    rust.write("README.md", "# Team data\n");
    rust.write("docs/schema.md", "# Schema of the team files\n");
    rust.write("teams/compiler.toml", &team("compiler"));
    rust.write("teams/packager.toml", &team("packager"));
    rust.write(
        "people/ana.toml",
        "name = \"Ana Example\"\ngithub = \"ana\"\n",
    );
    rust.run(&["init", "."])
        .failure(1)
        .stderr_has("note: teams/ holds 2 team definitions in TOML the rust-lang/team way")
        .stderr_has("`orgbook import rust-team teams` writes a charter for each");
    // Moved under content/ as they are, they are not published (data files go out only
    // where a page links to them: people's records hold their e-mail addresses), and the
    // note says so.
    std::fs::rename(rust.root().join("docs"), rust.root().join("content")).unwrap();
    std::fs::rename(rust.root().join("teams"), rust.root().join("content/teams")).unwrap();
    rust.run(&["init", "."]).success();
    rust.build()
        .success()
        .stderr_has("note: content/teams/ holds 2 team definitions in TOML the rust-lang/team way (`name`, `[people]` `leads` / `members`), which orgbook does not read as teams (nor publishes: data files go out only where a page links to them): `orgbook import rust-team content/teams` writes a charter for each");
    assert!(!rust.out().join("teams/compiler.toml").exists());
}

/// kubernetes/org keeps each GitHub organisation's teams for Prow's peribolos in
/// `config/<org>/org.yaml`: `init` names them and the importer that reads them, and
/// `import sigs`, the importer such a repository's users may reach for first, says what
/// the file is and points at `import peribolos` instead of asking whether it is a
/// sigs.yaml.
#[test]
fn init_and_import_sigs_name_peribolos_teams() {
    let org = "name: acme\nmembers:\n- ana\n- bo\nteams:\n  ledger-admins:\n    description: Admin access to the ledger repository\n    maintainers:\n    - ana\n    privacy: closed\n    repos:\n      ledger: admin\n  reviewers:\n    description: \"\"\n    members:\n    - bo\n    privacy: closed\n    teams:\n      docs-reviewers:\n        description: Review the docs\n        members: [bo]\n        privacy: closed\n";
    let book = empty_book();
    book.write("README.md", "# Acme GitHub organisation\n");
    book.write("config/acme/org.yaml", org);
    book.run(&["init", "."]).success().stderr_has(
        "defines 3 GitHub teams for Prow's peribolos (`teams:` with `description`, `maintainers` and `members`), which orgbook does not read as teams: `orgbook import peribolos config` writes a charter for each",
    );
    book.run(&["import", "sigs", "config/acme/org.yaml"])
        .failure(1)
        .stderr_has("config/acme/org.yaml: this is Prow's peribolos configuration (3 GitHub teams under `teams:`), not a sigs.yaml: `orgbook import peribolos config/acme/org.yaml` writes a charter per team")
        .stderr_lacks("is it a Kubernetes-style sigs.yaml")
        .stderr_has("Nothing imported");
}

/// A VuePress site run on the repository's root (`.vuepress/config.js` at the top, its
/// README.md the site's home page, its pages in folders beside it) is a VuePress site, as
/// one in docs/ is: `init` writes nothing and names the move (the README, the folders and
/// .vuepress/ into content/) and what keeps VuePress building; once moved, `init` adopts
/// the pages, titled as the site, and the README is the home page.
#[test]
fn init_names_a_vuepress_site_at_the_repository_root() {
    let book = empty_book();
    book.write(
        ".vuepress/config.js",
        "module.exports = {\n  title: 'Tugboat Handbook',\n  themeConfig: { sidebar: 'auto' }\n}\n",
    );
    book.write(
        "README.md",
        "---\nhome: true\nheroText: Tugboat\ntagline: How the harbour crews work\n---\n",
    );
    book.write("guide/setup.md", "# Laptop setup\n");
    book.write("guide/rota.md", "# Crew rota\n");
    book.write(
        "package.json",
        "{ \"scripts\": { \"docs:build\": \"vuepress build .\" } }\n",
    );
    let before = files_under(book.root());
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("holds a VuePress site with 3 Markdown files")
        .stderr_has("`mkdir content && git mv .vuepress README.md guide content/`")
        .stderr_has("run `vuepress build content`");
    assert_eq!(files_under(book.root()), before, "nothing written");
    std::fs::create_dir(book.root().join("content")).unwrap();
    for moved in [".vuepress", "README.md", "guide"] {
        std::fs::rename(
            book.root().join(moved),
            book.root().join("content").join(moved),
        )
        .unwrap();
    }
    book.run(&["init", "."])
        .success()
        .stderr_has("the handbook \"Tugboat Handbook\"");
    book.build().success();
    let home = book.html("index.html");
    assert_eq!(
        texts(&home, ".hero-tagline"),
        ["How the harbour crews work"]
    );
    assert!(book.out().join("guide/rota.html").exists());
}
