//! Other generators' navigation files moved in with their pages: Nextra's `_meta` files,
//! Mintlify's `docs.json`, Quarto's `_quarto.yml`, MyST's `myst.yml` and Jupyter Book's
//! `_toc.yml` give the reading order, the sidebar's labels and its section names, where orgbook would otherwise sort by title. Each fixture
//! is shaped like such a site's repository.

use crate::harness::{TestBook, files_under, hrefs, reading_order, sidebar, texts};
use crate::moving_in::links_with_text;

/// A Nextra site: `_meta.json` at the top, a `_meta.tsx` exporting a typed `const`, a
/// `_meta.js` in a folder without a page of its own. The keys order the pages ("First Week"
/// before "First Project", "Mission" before "Monetization"), their values name them in the
/// navigation, separators and external links are skipped, a hidden page is published but
/// left out; the `_meta` files are not published.
#[test]
fn nextra_meta_files_order_and_name_the_pages() {
    let book = TestBook::fixture("nextra");
    book.build().success().stderr_lacks("_meta");
    assert_eq!(
        reading_order(&book, "handbook/index.html"),
        [
            "handbook/index.html",
            "handbook/mission.html",
            "handbook/values.html",
            "handbook/onboarding/first-week.html",
            "handbook/onboarding/first-project.html",
            "handbook/monetization.html",
            "changelog.html",
        ]
    );
    let overview = book.html("handbook/index.html");
    assert_eq!(texts(&overview, ".prev-next a[rel=next]"), ["Next Mission"]);
    // The label is the navigation's; the page keeps its own heading.
    let mission = book.html("handbook/mission.html");
    assert_eq!(texts(&mission, "main h1"), ["Our mission"]);
    assert_eq!(
        texts(&mission, ".sidebar a[aria-current=page]"),
        ["Mission"]
    );
    assert_eq!(
        sidebar(&book, "handbook/values.html"),
        [
            "Handbook",
            "Overview",
            "Mission",
            "What we value",
            "Onboarding",
            "Monetization",
            "What changed",
        ]
    );
    assert_eq!(
        sidebar(&book, "handbook/onboarding/first-week.html")[4..7],
        ["Onboarding", "First Week", "First Project"]
    );
    assert!(book.out().join("handbook/pricing-draft.html").is_file());
    let published = files_under(&book.out());
    assert!(
        !published.iter().any(|f| f.contains("_meta")),
        "{published:?}"
    );
}

/// A `_meta.tsx` that computes its titles cannot be read without running it: one note,
/// and its folder keeps orgbook's order (the other folders keep theirs).
#[test]
fn a_nextra_meta_file_that_is_not_a_literal_is_noted_not_run() {
    let book = TestBook::fixture("nextra");
    book.write(
        "content/handbook/_meta.tsx",
        "import { Badge } from '../components/badge'\n\nexport default {\n  index: 'Overview',\n  mission: <span>Mission <Badge>new</Badge></span>,\n}\n",
    );
    let run = book.build();
    run.success()
        .stderr_has("content/handbook/_meta.tsx")
        .stderr_has("Nextra's page order not read");
    assert_eq!(run.stderr.matches("_meta.tsx").count(), 1, "{}", run.stderr);
    // The onboarding folder's own `_meta.js` still orders it.
    let week = book.html("handbook/onboarding/first-week.html");
    assert_eq!(
        hrefs(&week, ".prev-next a[rel=next]"),
        ["../../handbook/onboarding/first-project.html"]
    );
}

/// A Mintlify site: `docs.json` beside `content/`, its groups under tabs, one nested. The
/// groups' order is the reading order (the "handbook" folder before "api-reference"); a
/// group whose pages share a folder names it; a page's `sidebarTitle` still names it.
#[test]
fn mintlify_docs_json_orders_the_pages_and_names_the_groups() {
    let book = TestBook::fixture("mintlify");
    book.build().success();
    assert_eq!(
        reading_order(&book, "handbook/engineering/onboarding.html"),
        [
            "handbook/engineering/onboarding.html",
            "handbook/engineering/pairing.html",
            "handbook/engineering/code-review.html",
            "handbook/company/mission.html",
            "handbook/company/monetization.html",
            "api-reference/introduction.html",
        ]
    );
    assert_eq!(
        sidebar(&book, "handbook/engineering/pairing.html"),
        [
            "Handbook",
            "How we build",
            "Day one",
            "Pairing",
            "Code review",
            "About Harbor",
            "Endpoints",
        ]
    );
    assert!(!book.out().join("docs.json").exists());
    // The older `mint.json`, its navigation a list of groups, at the top of content/.
    book.remove("docs.json").write(
        "content/mint.json",
        r#"{"name": "Harbor", "navigation": [{"group": "Money", "pages": ["handbook/company/monetization", "handbook/company/mission"]}]}"#,
    );
    book.build().success();
    assert_eq!(
        hrefs(
            &book.html("handbook/company/monetization.html"),
            ".prev-next a[rel=next]"
        ),
        ["../../handbook/company/mission.html"]
    );
}

/// A Quarto website moved into `content/` with its `_quarto.yml`: the sidebar's contents
/// give the order ("Week one" before "Tooling"), `text:` the labels ("Mission" for "Why we
/// exist"), `section:` the folders' names; links outside the site and separators are
/// skipped, and the file is not published.
#[test]
fn quarto_sidebar_orders_labels_and_names_sections() {
    let book = TestBook::fixture("quarto");
    book.build().success();
    assert_eq!(
        reading_order(&book, "onboarding/index.html"),
        [
            "onboarding/index.html",
            "onboarding/week-one.html",
            "onboarding/tooling.html",
            "working/mission.html",
            "working/monetization.html",
        ]
    );
    let week = book.html("onboarding/week-one.html");
    assert_eq!(texts(&week, "main h1"), ["Week one"]);
    assert_eq!(
        texts(&week, ".sidebar a[aria-current=page]"),
        ["Your first week"]
    );
    assert_eq!(
        texts(
            &book.html("working/monetization.html"),
            ".prev-next a[rel=prev]"
        ),
        ["Previous Mission"]
    );
    assert_eq!(
        sidebar(&book, "working/mission.html"),
        ["Onboarding", "Ways of working", "Mission", "Monetization",]
    );
    assert!(!book.out().join("_quarto.yml").exists());
}

/// An mdBook or GitBook `SUMMARY.md` may list the pages of a folder that has no page of
/// its own (no `README.md`): the folder sits in the sidebar and the reading order where
/// the summary first lists one of its pages, not after every listed folder.
#[test]
fn a_folder_without_its_own_page_sits_where_the_summary_lists_its_pages() {
    let book = TestBook::fixture("gitbook");
    book.write(
        "content/SUMMARY.md",
        "# Summary\n\n[Welcome](README.md)\n\n- [Culture](culture/README.md)\n- [First day](onboarding/first-day.md)\n  - [First week](onboarding/first-week.md)\n- [Operations](operations/README.md)\n- [Engineering](engineering/README.md)\n",
    );
    book.write(
        "content/onboarding/first-day.md",
        "# First day\n\nMeet your buddy.\n",
    );
    book.write(
        "content/onboarding/first-week.md",
        "# First week\n\nShip a change.\n",
    );
    book.build().success();
    let top: Vec<String> = sidebar(&book, "operations/index.html")
        .into_iter()
        .filter(|t| ["Culture", "Onboarding", "Operations", "Engineering"].contains(&t.as_str()))
        .collect();
    assert_eq!(top, ["Culture", "Onboarding", "Operations", "Engineering"]);
    let order = reading_order(&book, "culture/index.html");
    let at = |page: &str| order.iter().position(|p| p == page);
    let first_day = at("onboarding/first-day.html").expect("onboarding is read");
    assert!(Some(first_day) < at("operations/index.html"), "{order:?}");
}

/// A draft chapter of an mdBook (or GitBook) `SUMMARY.md`, `[Title]()`, is said to be one,
/// with what to do when it is written; elsewhere `[text]()` is a link that leads nowhere.
#[test]
fn a_summary_draft_chapter_is_reported_as_one() {
    let book = TestBook::fixture("gitbook");
    book.write(
        "content/SUMMARY.md",
        "# Summary\n\n[Welcome](README.md)\n\n- [Culture](culture/README.md)\n- [Laptop setup]()\n",
    );
    book.write(
        "content/culture/values.md",
        "# Values\n\nSee [nothing]().\n",
    );
    book.build()
        .success()
        .stderr_has(
            "a draft chapter (`[title]()`): mdBook lists it without a page; orgbook leaves it out of the navigation until it has one",
        )
        .stderr_has("content/SUMMARY.md:6:3")
        .stderr_has("a link with no target (`[text]()`): it leads nowhere")
        .stderr_has("content/culture/values.md:3:5");
}

/// mdBook and GitBook read `SUMMARY.md` only as the table of contents: it is no page (not
/// published, searched or in a sidebar, and no note says it was skipped), a page's link to
/// it goes to the home page, and a chapter it lists that is not there is a broken link.
#[test]
fn the_summary_is_the_navigation_not_a_page() {
    let book = TestBook::fixture("gitbook");
    book.edit(
        "content/culture/values.md",
        "Up: [culture](README.md).",
        "Up: [culture](README.md). The [whole handbook](../SUMMARY.md) lists every page.",
    );
    book.edit(
        "content/SUMMARY.md",
        "  * [Hiring](people/hiring.md)\n",
        "  * [Hiring](people/hiring.md)\n  * [Relocation](people/relocation.md)\n",
    );
    book.build()
        .failure(1)
        .stderr_lacks("skipped")
        .stderr_has(
            "the table of contents lists `content/people/relocation.md`, which is not there",
        )
        .stderr_has("content/SUMMARY.md:41:5");
    let config = book.read("orgbook.toml");
    book.write(
        "orgbook.toml",
        &format!("{config}\n[links]\nbroken = \"warn\"\n"),
    );
    book.build().success();
    assert!(!book.out().join("SUMMARY.html").exists());
    let values = book.html("culture/values.html");
    assert!(
        hrefs(&values, "main .prose a").contains(&"../index.html".to_string()),
        "{:?}",
        hrefs(&values, "main .prose a")
    );
    for page in ["culture/values.html", "index.html", "handbook.html"] {
        let html = book.output_file(page);
        assert!(!html.contains("SUMMARY"), "{page} names SUMMARY");
    }
    let search = book.output_file("search/index.js");
    assert!(
        !search.contains("SUMMARY"),
        "SUMMARY.md is in the search index"
    );
}

/// A `SUMMARY.md` with prose of its own is a page its author wrote (a summary of the
/// year), not a table of contents: it stays published, and links to it lead to it.
#[test]
fn a_summary_md_with_prose_is_a_page() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/SUMMARY.md",
        "# Our year in short\n\nFour teams shipped the new billing flow. The [values](values.md) page says why.\n\n- [Billing](values.md): moved to the new provider\n",
    );
    book.write(
        "content/values.md",
        "# Values\n\nThe [year in short](SUMMARY.md) tells how they held up.\n",
    );
    book.build().success();
    let summary = book.html("SUMMARY.html");
    assert!(
        texts(&summary, "main .prose p")
            .iter()
            .any(|t| t.contains("Four teams shipped"))
    );
    assert_eq!(
        hrefs(&book.html("values.html"), "main .prose a"),
        ["SUMMARY.html"]
    );
}

/// mdBook's part titles (`# Getting started`) and GitBook's groups (`## Culture`) head
/// their chapters in the sidebar, in the summary's order, as headings rather than links;
/// mdBook's `---` is a separator. The summary's own title is not one.
#[test]
fn summary_part_titles_head_their_chapters_in_the_sidebar() {
    let book = TestBook::fixture("gitbook");
    book.write(
        "content/SUMMARY.md",
        "# Summary\n\n[Welcome](README.md)\n\n# Working here\n\n- [People](people/README.md)\n- [Culture](culture/README.md)\n\n# Running things\n\n- [Operations](operations/README.md)\n\n---\n\n- [Engineering](engineering/README.md)\n",
    );
    book.build().success();
    let page = book.html("operations/travel.html");
    assert_eq!(
        texts(&page, ".sidebar .sb-part h2, .sidebar .sb-rule, .sidebar li.sb-folder > a, .sidebar summary:not(.sidebar-toggle > summary)")
            .into_iter()
            .map(|t| t.trim().to_string())
            .collect::<Vec<_>>(),
        ["Working here", "People", "Culture", "Running things", "Operations", "", "Engineering"]
    );
    assert!(hrefs(&page, ".sidebar .sb-part a").is_empty());
    assert!(!texts(&page, ".sidebar h2").contains(&"Summary".to_string()));
}

/// The handbook index and the home page list the handbook's top level in the summary's
/// order, under the part titles that head it in the sidebar: pages and sections together,
/// as the summary interleaves them; mdBook's `---` ends a part without a title.
#[test]
fn summary_part_titles_head_their_chapters_in_the_indexes() {
    let book = TestBook::fixture("gitbook");
    book.write(
        "content/SUMMARY.md",
        "# Summary\n\n[Welcome](README.md)\n\n# Working here\n\n- [People](people/README.md)\n- [Words we use](glossary.md)\n- [Culture](culture/README.md)\n\n# Running things\n\n- [Operations](operations/README.md)\n\n---\n\n- [Engineering](engineering/README.md)\n",
    );
    book.write(
        "content/glossary.md",
        "# Words we use\n\nA crew is a team of four to six.\n",
    );
    book.build().success();
    let index = book.html("handbook.html");
    assert_eq!(
        texts(&index, "main h2.index-part"),
        ["Working here", "Running things"]
    );
    assert_eq!(
        texts(&index, "main ul.page-tree > li > a:first-child"),
        [
            "People",
            "Words we use",
            "Culture",
            "Operations",
            "Engineering"
        ]
    );
    assert_eq!(
        texts(
            &index,
            "main h2.index-part + ul.page-tree > li > a:first-child"
        ),
        ["People", "Words we use", "Culture", "Operations"]
    );
    assert_eq!(texts(&index, "main ul.page-tree").len(), 3);
    let home = book.html("index.html");
    assert_eq!(
        texts(&home, "main h3.index-part"),
        ["Working here", "Running things"]
    );
    assert_eq!(
        texts(&home, "main h3.index-part + ul > li > a"),
        ["People", "Words we use", "Culture", "Operations"]
    );
}

/// A Jupyter Book 1 in a folder of its repository (`Governance/`, its `_config.yml` and
/// `_toc.yml` beside the pages), moved in as `orgbook init` says: the table of contents
/// orders the pages (the root first, then each part's chapters and their nested
/// sections), a part's caption names the folder its pages share, an entry's `title:` is
/// the page's name in the navigation; a page the table leaves out comes after the listed
/// ones. Before the move, `init` names the book, the move, and how it keeps building.
#[test]
fn a_jupyter_book_toc_orders_the_pages_and_names_the_parts() {
    let book = TestBook::fixture("jupyter-book-1");
    let root = book.root().to_string_lossy().into_owned();
    book.run(&["init", &root])
        .failure(1)
        .stderr_has("holds a Jupyter Book with 16 Markdown files in Governance/")
        .stderr_has("`git mv Governance content`")
        .stderr_has("run `jupyter-book build content/` from then on");
    std::fs::rename(book.root().join("Governance"), book.root().join("content")).unwrap();
    book.run(&["init", &root]).success();
    let config = std::fs::read_to_string(book.root().join("orgbook.toml")).unwrap();
    assert!(
        config.contains("title = \"Climate Data Guidelines\""),
        "{config}"
    );
    book.build().success().stderr_lacks("yaml");
    assert_eq!(
        reading_order(&book, "introduction.html"),
        [
            "introduction.html",
            "goals.html",
            "create/create-intro.html",
            "publish/publish-intro.html",
            "publish/publish-options.html",
            "publish/publish-with-nci.html",
            "publish/publish-bom.html",
            "concepts/concept-intro.html",
            "concepts/controlled-vocab.html",
            "concepts/conventions.html",
            "concepts/cf-conventions.html",
            "concepts/other-conventions.html",
            "appendix/appendix-intro.html",
            "appendix/forcodes.html",
            "appendix/acronyms.html",
            "drafts/notes.html",
        ]
    );
    let sections: Vec<String> = sidebar(&book, "concepts/conventions.html")
        .into_iter()
        .map(|s| {
            s.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ')
                .to_string()
        })
        .collect();
    assert_eq!(
        sections,
        [
            "Climate Data Guidelines",
            "Working Group Goals",
            "Creating climate data",
            "Publishing climate data",
            "Concepts",
            "Concepts",
            "Controlled vocabularies",
            "Conventions",
            "CF Conventions",
            "Other conventions",
            "Appendix",
            "Drafts",
        ]
    );
    // The navigation's name for a page; the page keeps its own heading.
    let forcodes = book.html("appendix/forcodes.html");
    assert_eq!(texts(&forcodes, "main h1"), ["Fields of Research codes"]);
    assert_eq!(
        texts(&forcodes, ".sidebar a[aria-current=page]"),
        ["ANZSRC-FoR-2020"]
    );
    assert!(!book.out().join("_toc.yml").exists());
}

/// A `glob:` entry of Jupyter Book's table of contents puts the documents it matches in its
/// place, by name, without those a `file:` entry lists; with `only_build_toc_files: true` in
/// `_config.yml` the pages the table does not list are published (links to them hold) but
/// left out of the navigation, and a note says so.
#[test]
fn a_jupyter_book_glob_places_its_pages_and_only_listed_files_stay_in_the_navigation() {
    let book = TestBook::fixture("jupyter-book-1");
    std::fs::rename(book.root().join("Governance"), book.root().join("content")).unwrap();
    let toc = book.read("content/_toc.yml");
    let appendix = toc.find("    - file: appendix/appendix-intro.md").unwrap();
    let toc = format!(
        "{}    - file: appendix/appendix-intro.md\n      sections:\n      - glob: appendix/*\n      - file: appendix/acronyms\n",
        &toc[..appendix]
    );
    book.write("content/_toc.yml", &toc);
    book.run(&["init", &book.root().to_string_lossy()])
        .success();
    book.build().success();
    let order = reading_order(&book, "introduction.html");
    assert_eq!(
        order[order.len() - 4..],
        [
            "appendix/appendix-intro.html",
            "appendix/forcodes.html",
            "appendix/acronyms.html",
            "drafts/notes.html",
        ]
    );
    let config = book.read("content/_config.yml");
    book.write(
        "content/_config.yml",
        &format!("{config}\nonly_build_toc_files: true\n"),
    );
    book.build().success().stderr_has(
        "Jupyter Book's `only_build_toc_files: true` (in _config.yml) left 1 page that this table of contents does not list out of the book",
    );
    let order = reading_order(&book, "introduction.html");
    assert_eq!(
        order.last().map(String::as_str),
        Some("appendix/acronyms.html")
    );
    assert!(
        !sidebar(&book, "goals.html")
            .iter()
            .any(|s| s.starts_with("Drafts"))
    );
    assert_eq!(texts(&book.html("drafts/notes.html"), "main h1").len(), 1);
}

/// mystmd's `myst.yml` orders a project's pages by its `toc:` (a titled entry without a
/// file is a section, an entry's `title:` the page's name in the navigation), and its
/// `references:` name other MyST sites that pages link to as `xref:guide/page`: those
/// links lead there, one without text shows the address; a key `references:` does not
/// name is reported and shown as text.
#[test]
fn a_myst_toc_orders_the_pages_and_its_references_lead_to_other_sites() {
    let book = TestBook::fixture("jupyter-book");
    book.build()
        .success()
        .stderr_has("`xref:spec/admonitions` names no page, and `spec` is no project myst.yml lists under `references:` (`guide`)");
    assert_eq!(
        reading_order(&book, "get-started/create-content.html"),
        [
            "get-started/create-content.html",
            "get-started/publish.html",
            "get-started/cross-reference.html",
        ]
    );
    assert_eq!(
        texts(
            &book.html("get-started/cross-reference.html"),
            ".sidebar a[aria-current=page]"
        ),
        ["Other books"]
    );
    let page = book.html("get-started/cross-reference.html");
    let want = |href: &str, text: &str| (href.to_string(), text.to_string());
    assert_eq!(
        links_with_text(&page, "main .prose a"),
        [
            want(
                "https://mystmd.org/guide/frontmatter",
                "mystmd.org/guide/frontmatter"
            ),
            want(
                "https://mystmd.org/guide#toc-format",
                "MyST Table of Contents"
            ),
            want(
                "https://mystmd.org/guide/javascript-plugins",
                "mystmd.org/guide/javascript-plugins"
            ),
            want("https://mystmd.org/guide", "whole guide"),
        ]
    );
    assert!(
        texts(&page, "main .prose p")
            .iter()
            .any(|p| p.contains("such as the spec,"))
    );
}
