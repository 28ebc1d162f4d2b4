//! Reading a big handbook (issue 13): navigation (sidebar, previous/next, breadcrumbs),
//! page head order, indexes split so that no page grows with the handbook, decisions in
//! the order their heading states, and the org map as a grid of groups that splits into
//! per-group pages for a large organisation. Browser checks live in `browser_reading.rs`.

use crate::harness::*;

/// `n` pages in `content/<folder>/`, titled "<Folder> page 000"….
fn many_pages(book: &TestBook, folder: &str, n: usize) {
    for i in 0..n {
        book.write(
            &format!("content/{folder}/p{i:04}.md"),
            &format!("+++\ntitle = \"{folder} page {i:04}\"\n+++\nBody {i}.\n"),
        );
    }
}

#[test]
fn page_head_reads_title_then_description_then_contents_then_body() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/long.md",
        "+++\ntitle = \"Long read\"\ndescription = \"What this is about.\"\n+++\n# Long read\n\nIntro.\n\n## One\n\n## Two\n\n## Three\n",
    );
    book.build().success();
    let page = book.output_file("guide/long.html");
    let pos = |needle: &str| {
        page.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing in\n{page}"))
    };
    // The leading `# Long read` equals the title: printed once.
    assert_eq!(page.matches("<h1").count(), 1, "{page}");
    assert!(pos(">Long read</h1>") < pos("<p class=\"lede\">What this is about."));
    assert!(pos("<p class=\"lede\">What this is about.") < pos("class=\"toc\""));
    assert!(pos("class=\"toc\"") < pos("Intro."));
    // A short page has no contents list.
    let short = book.html("guide/onboarding.html");
    assert_eq!(short.select(&sel(".toc")).count(), 0);
}

/// A body that opens with a `# heading` other than the page's title (a page titled in
/// front matter, a decision whose text was written elsewhere) keeps that heading one level
/// down, so every page has one `<h1>`: its title.
#[test]
fn a_leading_heading_that_is_not_the_title_is_a_section_under_it() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/deploy.md",
        "---\ntitle: Deploy\n---\n# Deploying to production\n\nShip it.\n",
    );
    book.edit(
        "content/decisions/0002-use-rust.md",
        "+++\n## Context",
        "+++\n# Why we moved our services\n\n## Context",
    );
    book.build().success();
    let page = book.html("guide/deploy.html");
    assert_eq!(texts(&page, "h1"), ["Deploy"]);
    assert_eq!(
        texts(&page, ".prose h2").first().map(String::as_str),
        Some("Deploying to production")
    );
    let decision = book.html("decisions/0002-use-rust.html");
    assert_eq!(texts(&decision, "h1"), ["Use Rust for services"]);
    assert!(texts(&decision, ".prose h2").contains(&"Why we moved our services".to_string()));
}

/// A page moved in from elsewhere that writes its sections as `#` headings (titled by its
/// file name) keeps one `<h1>`, its title: every heading goes one level down, so the
/// sections keep their rank among themselves.
#[test]
fn sections_written_as_level_one_headings_go_one_level_down() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/support.md",
        "How to get help.\n\n# Questions\n\n## Where do I ask?\n\nIn the channel.\n\n# Contact\n\nWrite to us.\n",
    );
    book.build().success();
    let page = book.html("guide/support.html");
    assert_eq!(texts(&page, "h1"), ["Support"]);
    assert_eq!(texts(&page, ".prose h2"), ["Questions", "Contact"]);
    assert_eq!(texts(&page, ".prose h3"), ["Where do I ask?"]);
    // Their ids are as they were.
    let ids: Vec<&str> = page
        .select(&sel(".prose h2"))
        .filter_map(|h| h.value().attr("id"))
        .collect();
    assert_eq!(ids, ["questions", "contact"]);
}

#[test]
fn sidebar_prev_next_and_breadcrumbs_follow_the_folder_tree_and_weight() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/zeta.md",
        "+++\ntitle = \"Zeta first\"\nweight = 1\n+++\nZ.\n",
    );
    book.build().success();
    let page = book.html("guide/onboarding.html");
    // Weight 1 puts "Zeta first" before "Onboarding" (no weight) in the guide folder.
    assert_eq!(
        texts(&page, ".sidebar .sb-folder > details > ul > li > a"),
        ["Zeta first", "Onboarding"]
    );
    assert_eq!(
        texts(&page, ".sidebar a[aria-current=page]"),
        ["Onboarding"]
    );
    assert_eq!(
        hrefs(&page, ".prev-next a[rel=prev]"),
        ["../guide/zeta.html"]
    );
    assert_eq!(
        hrefs(&page, ".breadcrumbs a"),
        ["../index.html", "../handbook.html", "../guide/index.html"]
    );
    let zeta = book.html("guide/zeta.html");
    assert_eq!(
        hrefs(&zeta, ".prev-next a[rel=prev]"),
        ["../guide/index.html"]
    );
    assert_eq!(
        hrefs(&zeta, ".prev-next a[rel=next]"),
        ["../guide/onboarding.html"]
    );
    // Every generated page but the home page carries breadcrumbs.
    for p in [
        "teams/index.html",
        "decisions/index.html",
        "orgmap.html",
        "ownership.html",
    ] {
        assert!(
            hrefs(&book.html(p), ".breadcrumbs a")[0].ends_with("index.html"),
            "{p}"
        );
    }
}

#[test]
fn pages_marked_nav_exclude_are_published_but_listed_nowhere() {
    let book = TestBook::fixture("basic");
    // Just the Docs' key in YAML, Hugo Book's in TOML, one in a folder of its own.
    book.write(
        "content/guide/zeta.md",
        "---\ntitle: Zeta hidden\nweight: 1\nnav_exclude: true\n---\nZ links to [onboarding](onboarding.md).\n",
    );
    book.write(
        "content/guide/old/archived.md",
        "+++\ntitle = \"Archived\"\nbookHidden = true\n+++\nGone.\n",
    );
    book.write(
        "content/guide/old/kept.md",
        "+++\ntitle = \"Kept\"\nnav_exclude = false\n+++\nStill here.\n",
    );
    book.build()
        .success()
        .stderr_lacks("nav_exclude")
        .stderr_lacks("bookHidden");
    let onboarding = book.html("guide/onboarding.html");
    let listed = texts(&onboarding, ".sidebar a");
    assert!(!listed.iter().any(|t| t.contains("Zeta")), "{listed:?}");
    assert!(listed.iter().any(|t| t == "Onboarding"), "{listed:?}");
    // Previous/next skip it: the guide's index, then its pages and sub-folders by name
    // ("old" before "onboarding"), with the hidden two left out.
    assert_eq!(
        hrefs(&onboarding, ".prev-next a[rel=prev]"),
        ["../guide/old/kept.html"]
    );
    let kept = book.html("guide/old/kept.html");
    assert_eq!(
        hrefs(&kept, ".prev-next a[rel=prev]"),
        ["../../guide/index.html"]
    );
    assert!(book.output_file("handbook.html").contains("3 pages"));
    let index = book.output_file("handbook-index/guide.html");
    assert!(!index.contains("Zeta hidden"), "{index}");
    assert!(!index.contains("Archived"), "{index}");
    assert!(index.contains("Kept"), "{index}");
    // Published, with its folder's sidebar, its links followed, and found by search.
    let zeta = book.html("guide/zeta.html");
    assert_eq!(texts(&zeta, "h1"), ["Zeta hidden"]);
    assert!(texts(&zeta, ".sidebar a").iter().any(|t| t == "Onboarding"));
    assert!(texts(&zeta, ".sidebar a[aria-current=page]").is_empty());
    assert!(texts(&zeta, ".prev-next a").is_empty());
    let archived = book.html("guide/old/archived.html");
    assert!(texts(&archived, ".sidebar a").iter().any(|t| t == "Kept"));
    let search = book.out().join("search");
    assert!(
        files_under(&search)
            .iter()
            .any(|f| std::fs::read_to_string(search.join(f))
                .is_ok_and(|t| t.contains("Zeta hidden"))),
        "no search file holds the hidden page's title"
    );
    check_all_links(&book.out(), &["404.html"]);
}

#[test]
fn sidebar_stays_bounded_in_a_folder_of_thousands() {
    let book = TestBook::fixture("basic");
    many_pages(&book, "guide", 1200);
    book.build().success();
    let page = book.html("guide/p0600.html");
    let links = texts(&page, ".sidebar .sb-folder > details > ul > li > a");
    // A window around the current page plus "more" links, not 1,200 entries.
    assert!(links.len() <= 30, "{} sidebar entries", links.len());
    assert!(links.iter().any(|l| l == "guide page 0600"), "{links:?}");
    assert_eq!(page.select(&sel(".sidebar .sb-more")).count(), 2);
    // The handbook index splits the section over bounded pages, each listing every page once.
    let first = book.html("handbook-index/guide.html");
    let second = book.html("handbook-index/guide/2.html");
    let n = texts(&first, ".page-tree a").len() + texts(&second, ".page-tree a").len();
    assert_eq!(n, 1200 + 2, "1,200 pages, the guide's index and onboarding");
    assert!(book.output_file("handbook-index/guide.html").len() < 300_000);
    // The home page's list says where the rest is.
    let home = book.html("index.html");
    assert!(
        hrefs(&home, "#pages-title ~ p a").contains(&"handbook.html".to_string()),
        "{:?}",
        hrefs(&home, "a")
    );
}

#[test]
fn decisions_index_is_newest_first_by_the_date_it_shows_and_filters_link_by_query() {
    let book = TestBook::fixture("basic");
    // An old number decided recently sorts above a newer number decided earlier.
    book.write(
        "content/decisions/0003-late.md",
        "+++\ntitle = \"Decided late\"\nstatus = \"accepted\"\ntype = 2\ndate = 2020-01-01\ndecided = 2030-01-01\nteam = \"api\"\n+++\nBody.\n",
    );
    book.build().success();
    let page = book.html("decisions/index.html");
    let dates = texts(&page, "table.decisions td.date time");
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first by the shown date");
    assert_eq!(texts(&page, "table.decisions td.num")[0], "3");
    // The header says which date; one name per record ("ADR 3", never "ADR 0003").
    assert!(texts(&page, "th.date")[0].starts_with("Decided"));
    let record = book.output_file("decisions/0003-late.html");
    assert!(
        record.contains("ADR 3") && !record.contains("ADR 0003"),
        "{record}"
    );
    // Status counts link to the filtered view; the JSON behind the filters lists all.
    assert!(
        hrefs(&page, ".counts a").contains(&"../decisions/index.html?status=accepted".to_string())
    );
    let rows: serde_json::Value =
        serde_json::from_str(&book.output_file("decisions/index.json")).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 3);
}

/// The decisions filters' data is split into files of a thousand rows, so a filter's first
/// download stays the same size however many decisions the handbook has; together they
/// hold every decision once, in the index's order, and the page says how many files.
#[test]
fn decisions_filter_data_is_split_into_bounded_files() {
    let book = TestBook::fixture("basic");
    for i in 10..2510u32 {
        book.write(
            &format!("content/decisions/{i:04}-d.md"),
            &format!("+++\ntitle = \"Decision {i}\"\nstatus = \"proposed\"\ntype = 2\ndate = 2024-{:02}-{:02}\nteam = \"api\"\n+++\nBody.\n", i % 12 + 1, i % 28 + 1),
        );
    }
    book.build().success();
    let page = book.html("decisions/index.html");
    let form = page
        .select(&scraper::Selector::parse("form.filters").unwrap())
        .next()
        .expect("the filters");
    let files: usize = form
        .value()
        .attr("data-row-files")
        .unwrap()
        .parse()
        .unwrap();
    let total: usize = form.value().attr("data-total").unwrap().parse().unwrap();
    assert_eq!(files, 3);
    let mut numbers = Vec::new();
    for i in 1..=files {
        let path = match i {
            1 => "decisions/index.json".to_string(),
            _ => format!("decisions/index-{i}.json"),
        };
        let rows: serde_json::Value = serde_json::from_str(&book.output_file(&path)).unwrap();
        let rows = rows.as_array().unwrap();
        assert!(rows.len() <= 1000, "{path}: {} rows", rows.len());
        numbers.extend(rows.iter().map(|r| r[0].as_u64().unwrap()));
    }
    assert!(
        !book
            .out()
            .join(format!("decisions/index-{}.json", files + 1))
            .exists()
    );
    assert_eq!(numbers.len(), total);
    let mut unique = numbers.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), total, "every decision once");
}

#[test]
fn big_indexes_are_split_into_pages_under_300_kb() {
    let book = TestBook::fixture("basic");
    for i in 10..700u32 {
        book.write(
            &format!("content/decisions/{i:04}-d.md"),
            &format!("+++\ntitle = \"Decision {i}\"\nstatus = \"proposed\"\ntype = 2\ndate = 2024-{:02}-{:02}\nteam = \"api\"\n+++\nBody.\n", i % 12 + 1, i % 28 + 1),
        );
    }
    book.build().success();
    let mut seen = 0;
    for part in [
        "decisions/index.html",
        "decisions/index-2.html",
        "decisions/index-3.html",
        "decisions/index-4.html",
    ] {
        let html = book.output_file(part);
        assert!(html.len() < 300_000, "{part}: {} bytes", html.len());
        seen += texts(&book.html(part), "table.decisions tbody tr").len();
    }
    assert_eq!(seen, 692);
    let timeline = book.html("timeline.html");
    assert!(texts(&timeline, ".pager a").len() >= 2, "timeline is split");
    check_all_links(&book.out(), &["404.html"]);
}

#[test]
fn org_map_is_a_grid_of_groups_and_splits_per_group_when_large() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let map = book.html("orgmap.html");
    assert_eq!(texts(&map, ".om-legend a"), ["Engineering"]);
    assert_eq!(map.select(&sel("details.om-card svg a#om-api")).count(), 1);
    let teams: serde_json::Value =
        serde_json::from_str(&book.output_file("orgmap/teams.json")).unwrap();
    assert!(
        teams
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t[1] == "orgmap.html#om-api")
    );

    // 250 teams in two groups: the overview links to one map page per group.
    let big = TestBook::fixture("basic");
    big.write(
        "content/teams/g2.md",
        "+++\nname = \"Second\"\nproblem = \"P.\"\n[[metrics]]\nname = \"M\"\n+++\n",
    );
    for i in 0..250 {
        let parent = if i % 2 == 0 { "eng" } else { "g2" };
        big.write(
            &format!("content/teams/t{i:03}.md"),
            &format!(
                "+++\nname = \"Team {i:03}\"\nparent = \"{parent}\"\nproblem = \"P.\"\nmembers = [\"P{i}\"]\n[[metrics]]\nname = \"M\"\n+++\n"
            ),
        );
    }
    big.build().success();
    let map = big.html("orgmap.html");
    assert_eq!(
        map.select(&sel("svg a.om-node")).count(),
        0,
        "overview draws no team"
    );
    assert_eq!(
        hrefs(&map, ".om-card > p:not(.om-card-links) a"),
        ["orgmap/eng.html", "orgmap/g2.html"]
    );
    let eng = big.html("orgmap/eng.html");
    assert_eq!(eng.select(&sel("svg a#om-t000")).count(), 1);
    let t0 = big.html("teams/t000.html");
    assert!(hrefs(&t0, "figcaption a").contains(&"../orgmap/eng.html#om-t000".to_string()));
    check_all_links(&big.out(), &["404.html"]);
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_AUTHOR_DATE", "2024-05-06T10:00:00Z")
        .env("GIT_COMMITTER_DATE", "2024-05-06T10:00:00Z")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.org")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.org")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn pages_show_last_updated_from_git_and_an_edit_link() {
    let book = TestBook::fixture("basic");
    book.edit(
        "orgbook.toml",
        "title = \"Test Org\"",
        "title = \"Test Org\"\n[repository]\nurl = \"https://git.example.org/acme/handbook/\"\nbranch = \"trunk\"\nedit_url = \"{url}/-/edit/{branch}/{path}\"",
    );
    // Outside git: a charter shows its review date (or nothing), a page nothing; no error.
    book.build().success();
    let page = book.html("guide/onboarding.html");
    assert!(texts(&page, ".page-meta time").is_empty());
    assert_eq!(
        hrefs(&page, ".page-meta a.edit-link"),
        ["https://git.example.org/acme/handbook/-/edit/trunk/content/guide/onboarding.md"]
    );
    // In git: the date of the last commit that touched the file.
    git(book.root(), &["init", "-q"]);
    git(book.root(), &["add", "."]);
    git(book.root(), &["commit", "-q", "-m", "x"]);
    book.build().success();
    let page = book.html("guide/onboarding.html");
    assert_eq!(texts(&page, ".page-meta time"), ["2024-05-06"]);
    let team = book.html("teams/api.html");
    assert_eq!(texts(&team, ".page-meta time"), ["2024-05-06"]);
    // A shallow clone's history is cut: no git dates, and still no error.
    let clone = tempfile::tempdir().unwrap();
    let url = format!("file://{}", book.root().display());
    git(clone.path(), &["clone", "-q", "--depth", "1", &url, "c"]);
    let out = std::process::Command::new(BIN)
        .args(["build", "--root"])
        .arg(clone.path().join("c"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html =
        std::fs::read_to_string(clone.path().join("c/public/guide/onboarding.html")).unwrap();
    assert!(!html.contains("Last updated"), "{html}");
}

#[test]
fn headings_carry_a_link_to_themselves() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/anchors.md",
        "+++\ntitle = \"Anchors\"\n+++\n## First \"part\"\n\ntext\n\n### Second\n",
    );
    book.build().success();
    let page = book.html("guide/anchors.html");
    assert_eq!(hrefs(&page, ".prose h2 a.h-anchor"), ["#first-part"]);
    assert_eq!(hrefs(&page, ".prose h3 a.h-anchor"), ["#second"]);
    let label = page
        .select(&sel(".prose h2 a.h-anchor"))
        .next()
        .and_then(|a| a.value().attr("aria-label").map(str::to_string));
    assert_eq!(
        label.as_deref(),
        Some("Link to this section: First \"part\"")
    );
}

#[test]
fn superseded_decisions_show_the_chain_to_the_one_in_force_and_groups_total_their_teams() {
    let book = TestBook::fixture("basic");
    // 1 ← 2 ← 3: decision 1 leads through 2 to 3, the one in force.
    book.edit(
        "content/decisions/0002-use-rust.md",
        "status = \"accepted\"",
        "status = \"superseded\"",
    );
    book.write(
        "content/decisions/0003-use-zig.md",
        "+++\ntitle = \"Use Zig\"\nstatus = \"accepted\"\ntype = 1\ndate = 2026-03-01\ndecided = 2026-03-02\nteam = \"web\"\ndeciders = [\"Ada\"]\nsupersedes = [2]\n+++\nBody.\n",
    );
    book.build().success();
    let first = book.html("decisions/0001-use-go.html");
    assert_eq!(texts(&first, ".notice .chain a"), ["ADR 2", "ADR 3"]);
    assert!(texts(&first, ".notice .chain")[0].ends_with("(current)"));
    let eng = book.html("teams/eng.html");
    assert_eq!(
        texts(&eng, "dd.totals"),
        ["2 teams · 5 people · 3 decisions · 3 owned items · 2 metrics"]
    );
}

#[test]
fn not_found_page_carries_its_own_styles() {
    let book = TestBook::fixture("basic");
    book.build().success();
    let page = book.output_file("404.html");
    let style = page.split("<style>").nth(1).unwrap_or("");
    assert!(
        style.contains(".site-header"),
        "404.html inlines the stylesheet"
    );
}

#[test]
fn code_blocks_are_highlighted_at_build_time_and_unknown_languages_stay_plain() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/runbook.md",
        "+++\ntitle = \"Runbook\"\n+++\n\
         ```YAML\nalert: api-error-rate # page\nfor: 10m\n```\n\n\
         ```terraform\nresource \"aws_s3_bucket\" \"logs\" {\n  bucket = \"logs\"\n}\n```\n\n\
         ```sh\necho \"<script>alert(1)</script>\" && rm -rf ./tmp\n```\n\n\
         ```nosuchlang\nkeep <this> & plain\n```\n",
    );
    book.build().success();
    let first = book.output_file("guide/runbook.html");
    let page = book.html("guide/runbook.html");
    assert_eq!(page.select(&sel("pre.hl")).count(), 3, "{first}");
    assert_eq!(
        texts(&page, "pre.hl code.language-YAML .hl-property"),
        ["alert", "for"]
    );
    assert_eq!(
        texts(&page, "pre.hl code.language-YAML .hl-comment"),
        ["# page"]
    );
    assert_eq!(
        texts(&page, "pre.hl code.language-terraform .hl-property"),
        ["bucket"]
    );
    // Text from the page is escaped exactly once: the script is text, not an element,
    // and reads back as written.
    assert_eq!(page.select(&sel("pre script")).count(), 0, "{first}");
    let sh: String = page
        .select(&sel("pre.hl code.language-sh"))
        .flat_map(|e| e.text())
        .collect();
    assert_eq!(sh, "echo \"<script>alert(1)</script>\" && rm -rf ./tmp\n");
    // An unknown language: no highlighting, the text as written.
    let plain = page
        .select(&sel("pre:not(.hl) > code.language-nosuchlang"))
        .next()
        .expect("plain block");
    assert_eq!(plain.select(&sel("span")).count(), 0);
    assert_eq!(plain.text().collect::<String>(), "keep <this> & plain\n");
    // Deterministic: a second build writes the same bytes.
    book.build().success();
    assert_eq!(book.output_file("guide/runbook.html"), first);
}

/// An org chart drawn in Mermaid whose boxes link the old site's addresses (`click A
/// "/sub/team-a/"`, as GitLab's handbook draws its departments) links them where this
/// site has them, relative like every link; a box that links a page nobody has is a
/// broken link at its line.
#[test]
fn a_diagrams_click_links_reach_the_handbook_pages_and_broken_ones_are_reported() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/infra/teams/storage/index.md",
        "# Storage\n\nDisks and backups.\n",
    );
    book.write("content/infra/teams/network.md", "# Network\n");
    book.write(
        "content/infra/org.md",
        "# Infrastructure\n\n```mermaid\nflowchart TD\n  I[Infrastructure] --> S[Storage]\n  I --> N[Network]\n  I --> G[Gone]\n  click S \"/infra/teams/storage/\"\n  click N href \"teams/network.md\" \"The network team\"\n  click G \"/infra/teams/gone/\"\n```\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `/infra/teams/gone/`")
        .stderr_has("content/infra/org.md:10:")
        .stderr_lacks("link to `/infra/teams/storage/`")
        .stderr_lacks("link to `teams/network.md`");
    book.write(
        "content/infra/org.md",
        &book
            .read("content/infra/org.md")
            .replace("  click G \"/infra/teams/gone/\"\n", ""),
    );
    book.build().success();
    let page = book.output_file("infra/org.html");
    let links: Vec<&str> = page
        .split("xlink:href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert_eq!(
        links,
        [
            "../infra/teams/storage/index.html",
            "../infra/teams/network.html"
        ],
        "{page}"
    );
    for link in links {
        assert!(book.out().join("infra").join(link).is_file(), "{link}");
    }
    check_all_links(&book.out(), &["404.html"]);
}
