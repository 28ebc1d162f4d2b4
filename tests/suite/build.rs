//! `orgbook build` on good handbooks: every page exists, every link resolves, backlinks and
//! supersedes appear both ways, templates can be overridden, output is portable.

use crate::harness::*;

#[test]
fn bundled_example_builds_without_warnings_and_all_links_resolve() {
    let book = TestBook::bundled();
    let run = book.build();
    run.success().stderr_lacks("warning[");
    let checked = check_all_links(&book.out(), &["404.html"]);
    assert!(checked > 500, "only {checked} links checked");
    // One page per source document.
    let files = files_under(&book.out());
    for src in files_under(&book.root().join("content")) {
        let expected = if let Some(team) = src.strip_prefix("teams/") {
            format!(
                "teams/{}.html",
                team.rsplit('/').next().unwrap().trim_end_matches(".md")
            )
        } else if !src.ends_with(".md") {
            src.clone()
        } else if src == "_index.md" {
            "index.html".into()
        } else if let Some(dir) = src.strip_suffix("_index.md") {
            format!("{dir}index.html")
        } else {
            src.replace(".md", ".html")
        };
        assert!(files.contains(&expected), "{src} has no output {expected}");
    }
}

#[test]
fn every_page_of_the_fixture_exists_and_links_resolve() {
    let book = TestBook::fixture("basic");
    book.build()
        .success()
        .stderr_lacks("warning[")
        .stderr_has("Built ");
    let files = files_under(&book.out());
    for f in [
        "index.html",
        "404.html",
        "search.html",
        "sitemap.xml",
        "handbook.html",
        "teams/index.html",
        "teams/eng.html",
        "teams/api.html",
        "teams/web.html",
        "decisions/index.html",
        "decisions/0001-use-go.html",
        "decisions/0002-use-rust.html",
        "guide/index.html",
        "guide/onboarding.html",
        "img/logo.svg",
        "orgbook/style.css",
    ] {
        assert!(files.contains(f), "missing {f}; have {files:?}");
    }
    check_all_links(&book.out(), &["404.html"]);
}

#[test]
fn links_are_rewritten_to_relative_output_urls() {
    let book = TestBook::fixture("basic");
    book.build().success();
    // A charter in a nested source folder is written flat under teams/.
    let api = book.html("teams/api.html");
    let body_links = hrefs(&api, ".prose a");
    assert!(
        body_links.contains(&"../decisions/0002-use-rust.html#consequences".to_string()),
        "{body_links:?}"
    );
    assert!(
        body_links.contains(&"../teams/web.html".to_string()),
        "{body_links:?}"
    );
    // The image link from content/teams/eng/web.md resolves from teams/web.html.
    let web = book.html("teams/web.html");
    let imgs: Vec<_> = web
        .select(&sel(".prose img"))
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert_eq!(imgs, ["../img/logo.svg"]);
    // Folder _index.md links go to the folder's index page.
    assert!(hrefs(&web, ".prose a").contains(&"../guide/index.html".to_string()));
    // Heading ids are stable slugs.
    let rust = book.html("decisions/0002-use-rust.html");
    assert_eq!(
        rust.select(&sel("h2[id]"))
            .map(|h| h.value().attr("id").unwrap().to_string())
            .filter(|i| i == "context" || i == "consequences")
            .count(),
        2
    );
}

#[test]
fn backlinks_list_the_linking_pages() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let api = book.html("teams/api.html");
    let back = texts(&api, ".backlinks li");
    assert_eq!(back, ["Onboarding", "Web"]);
    assert_eq!(
        hrefs(&api, ".backlinks a"),
        ["../guide/onboarding.html", "../teams/web.html"]
    );
    // A page never lists itself.
    let go = book.html("decisions/0001-use-go.html");
    assert_eq!(texts(&go, ".backlinks li"), ["Use Rust for services"]);
}

#[test]
fn supersedes_appears_both_ways() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let new = book.html("decisions/0002-use-rust.html");
    let meta = texts(&new, ".meta dd");
    assert!(
        meta.iter()
            .any(|t| t.contains("ADR 1: Use Go for services")),
        "{meta:?}"
    );
    let old = book.html("decisions/0001-use-go.html");
    assert!(
        texts(&old, ".notice")
            .join(" ")
            .contains("Superseded by ADR 2: Use Rust for services")
    );
    assert_eq!(
        hrefs(&old, ".notice a"),
        ["../decisions/0002-use-rust.html"]
    );
}

#[test]
fn team_page_lays_out_the_charter() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let api = book.html("teams/api.html");
    assert_eq!(texts(&api, "h1"), ["API"]);
    assert_eq!(
        texts(&api, ".problem"),
        ["Partners cannot integrate without talking to us."]
    );
    assert_eq!(
        texts(&api, ".metrics tbody td"),
        ["Time to first call", "45 min", "10 min"]
    );
    assert_eq!(texts(&api, ".chips li"), ["api-gateway", "Public API docs"]);
    assert_eq!(
        texts(&api, ".members li"),
        ["Ada Lovelace", "Alan Turing", "Zoë Müller"]
    );
    assert_eq!(
        hrefs(&api, ".breadcrumbs a"),
        ["../index.html", "../teams/index.html", "../teams/eng.html"]
    );
    assert!(hrefs(&api, "dd a").contains(&"mailto:api@example.org".to_string()));
    // The team's decisions, newest first.
    assert_eq!(texts(&api, "table.decisions td.num"), ["2", "1"]);
    // The group lists its teams.
    let eng = book.html("teams/eng.html");
    let kids = texts(&eng, ".fact dd ul li");
    assert_eq!(kids, ["API", "Web"]);
}

#[test]
fn indexes_list_everything() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let teams = book.html("teams/index.html");
    assert_eq!(
        hrefs(&teams, "table.directory a"),
        [
            "../teams/eng.html",
            "../teams/api.html",
            "../teams/web.html"
        ]
    );
    let decisions = book.html("decisions/index.html");
    assert_eq!(texts(&decisions, "td.num"), ["2", "1"]);
    let handbook = book.html("handbook.html");
    assert_eq!(
        texts(&handbook, ".sections > li > a"),
        ["Guide", "overview"]
    );
    let guide = book.html("handbook-index/guide.html");
    assert_eq!(texts(&guide, ".page-tree a"), ["Guide", "Onboarding"]);
    let home = book.html("index.html");
    assert_eq!(texts(&home, "h1"), ["Test Org handbook"]);
    let sitemap = book.output_file("sitemap.xml");
    // Every HTML page but the 404 page is in the sitemap, exactly once.
    let doc = roxmltree::Document::parse(&sitemap).unwrap();
    let mut locs: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_string())
        .collect();
    locs.sort();
    let mut pages: Vec<String> = files_under(&book.out())
        .into_iter()
        .filter(|f| f.ends_with(".html") && f != "404.html" && f != "search.html")
        .collect();
    pages.sort();
    assert_eq!(locs, pages);
}

#[test]
fn site_template_overrides_the_theme() {
    let book = TestBook::fixture("basic");
    book.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p id=\"custom\">custom {{ page.title }}</p>{% endblock main %}",
    );
    book.build().success();
    let onboarding = book.html("guide/onboarding.html");
    assert_eq!(texts(&onboarding, "#custom"), ["custom Onboarding"]);
    // Other templates still come from the theme.
    assert_eq!(texts(&book.html("teams/api.html"), "h1"), ["API"]);
}

#[test]
fn output_is_deterministic() {
    let book = TestBook::bundled();
    book.build().success();
    let first: Vec<(String, Vec<u8>)> = files_under(&book.out())
        .into_iter()
        .map(|f| {
            let b = std::fs::read(book.out().join(&f)).unwrap();
            (f, b)
        })
        .collect();
    book.build().success();
    let second: Vec<(String, Vec<u8>)> = files_under(&book.out())
        .into_iter()
        .map(|f| {
            let b = std::fs::read(book.out().join(&f)).unwrap();
            (f, b)
        })
        .collect();
    assert_eq!(first.len(), second.len());
    for ((fa, a), (fb, b)) in first.iter().zip(&second) {
        assert_eq!(fa, fb);
        assert!(a == b, "{fa} differs between two builds");
    }
}

#[test]
fn content_is_escaped_in_html() {
    let book = TestBook::fixture("basic");
    book.edit(
        "content/teams/eng/web.md",
        "name = \"Web\"",
        "name = \"Web <script>alert(1)</script>\"",
    );
    book.build().success();
    let raw = book.output_file("teams/web.html");
    assert!(
        !raw.contains("<script>alert(1)</script>"),
        "unescaped name in output"
    );
    assert_eq!(
        texts(&book.html("teams/web.html"), "h1"),
        ["Web <script>alert(1)</script>"]
    );
}

#[test]
fn help_and_version() {
    let book = TestBook::fixture("basic");
    let help = book.run(&["--help"]);
    help.success();
    assert!(help.stdout.contains("build"), "{}", help.stdout);
    let version = book.run(&["--version"]);
    version.success();
    assert!(version.stdout.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn build_finds_root_from_a_subfolder_and_defaults_output_to_public() {
    let book = TestBook::fixture("basic");
    let out = std::process::Command::new(BIN)
        .arg("build")
        .current_dir(book.root().join("content/guide"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Without `--output`, the site goes to public/ beside orgbook.toml.
    assert!(book.root().join("public/index.html").is_file());
    assert!(!book.root().join("content/guide/public").exists());
}

/// A proposal that names an accepted decision in `supersedes` replaces nothing yet: the
/// accepted one stays in force, and each page says what is proposed.
#[test]
fn a_proposal_does_not_supersede_until_accepted() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/decisions/0002-use-rust.md",
        &book
            .read("content/decisions/0002-use-rust.md")
            .replace("status = \"accepted\"", "status = \"proposed\"")
            .replace("decided = 2026-02-15\n", ""),
    );
    book.write(
        "content/decisions/0001-use-go.md",
        &book
            .read("content/decisions/0001-use-go.md")
            .replace("status = \"superseded\"", "status = \"accepted\""),
    );
    book.build().success();
    let old = book.html("decisions/0001-use-go.html");
    let notices = texts(&old, ".notice").join(" ");
    assert!(!notices.contains("Superseded by"), "{notices}");
    assert!(!notices.contains("In force now"), "{notices}");
    assert!(
        notices.contains("ADR 2: Use Rust for services proposes to supersede this decision"),
        "{notices}"
    );
    let new = book.html("decisions/0002-use-rust.html");
    assert!(texts(&new, ".meta dt").contains(&"Would supersede".to_string()));
}
