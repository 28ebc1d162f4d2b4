//! Leftovers of earlier trial rounds (documentation sites moved into orgbook), what a
//! reader still hit: Confluence pages converted to Markdown by a tool that passed
//! Confluence's own storage-format elements through (the fixture `confluence-storage-format`: the
//! panels and links as Confluence's REST API returns them, pretty-printed or on one line,
//! with their schema versions, macro ids, space keys and CDATA link bodies), Writerside
//! topics' own variables and titles (`writerside-topics`, shaped like the Qodana linters'
//! topics), a Logseq graph's `logseq/` folder, and MediaWiki's namespaces in wikilinks;
//! all in our own words.

use crate::harness::{TestBook, files_under, hrefs, sel, texts};

/// Before, CommonMark read no tag with a colon in its name: readers saw every
/// `<ac:structured-macro …>` and `<ri:page …/>` as text, and no link at all where a page
/// named another by its title. Now a link to a page reaches the page with that title
/// (its heading, or its front matter's title, whatever its file is called), a link to an
/// attachment or an image of one finds the file, the panels are callouts, Confluence's
/// table of contents goes, and a page the space no longer has is a warning shown as text.
#[test]
fn confluence_storage_format_in_converted_pages_is_drawn_not_shown_as_tags() {
    let book = TestBook::fixture("confluence-storage-format");
    book.build()
        .success()
        .stderr_has("no page of the handbook has that title")
        .stderr_has("\"Weekend cover\"")
        .stderr_has("<ac:structured-macro ac:name=\"jira\">")
        .stderr_lacks("error[");
    let page = book.html("operations/Deploying-on-Fridays.html");
    let main = texts(&page, "main").concat();
    let code = texts(&page, ".prose pre").concat();
    let shown = main.replace(&code, "");
    for gone in ["ac:", "ri:", "CDATA", "<div>"] {
        assert!(!shown.contains(gone), "{gone} shown in {shown}");
    }
    // Nothing of the padding shows: no space between a link and the punctuation after it.
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    for joined in [
        "those of Release train, with",
        "the train says.",
        "the people on Weekend cover.",
        "attached: friday-rota.csv.",
    ] {
        assert!(words.contains(joined), "{joined:?} not in {words}");
    }
    let links = hrefs(&page, ".prose a");
    for target in [
        "Release-train_40021.html",
        "Release-train_40021.html#rollback",
        "Incident-handling.html",
        "attachments/friday-rota.csv",
    ] {
        assert!(
            links.iter().any(|l| l.ends_with(target)),
            "no link to {target} in {links:?}"
        );
    }
    let texts_of = |selector: &str| texts(&page, selector);
    let link_texts = texts_of(".prose a");
    for text in [
        "Release train",
        "the train says",
        "the incident checklist",
        "friday-rota.csv",
    ] {
        assert!(
            link_texts.iter().any(|t| t == text),
            "no link shows {text:?}: {link_texts:?}"
        );
    }
    // A page the space does not hold is its title, as text.
    assert!(main.contains("Weekend cover"));
    let images: Vec<_> = page
        .select(&sel(".prose img"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert!(
        images
            .iter()
            .any(|s| s.ends_with("attachments/deploy-window.png")),
        "{images:?}"
    );
    // The panels: titled by their `title` parameter, else by the macro's name; pretty-printed
    // (the body indented, which alone would be code) or on one line.
    let callout = |class: &str| texts(&page, &format!(".markdown-alert-{class}")).concat();
    assert!(callout("note").contains("Before you start"));
    assert!(callout("note").contains("Ask in the release channel first"));
    assert!(callout("caution").starts_with("Warning"));
    assert!(callout("caution").contains("Never deploy the billing service"));
    assert!(callout("tip").contains("Tag the release in the chat"));
    assert_eq!(page.select(&sel(".prose pre")).count(), 1);
    // In code, the storage format stays as written.
    assert!(
        texts(&page, ".prose pre")
            .concat()
            .contains("<ac:link><ri:page")
    );

    let train = book.html("operations/Release-train_40021.html");
    let main = texts(&train, "main").concat();
    assert!(!main.contains("ac:name=\"toc\""), "{main}");
    // Confluence draws `note` yellow, as GitHub draws a warning.
    let note = texts(&train, ".markdown-alert-warning").concat();
    assert!(note.starts_with("Note"), "{note}");
    assert!(note.contains("misses the train"));
    // A macro orgbook cannot draw stays as written, and was reported.
    assert!(main.contains("ac:name=\"jira\""));
}

/// Writerside's Markdown topics (shaped like the Qodana linters' pages) declare variables of
/// their own (`<var name="linter" value="…"/>` near the top) besides the project's
/// `v.list`, title themselves on their first line (`[//]: # (title: %product% for Go)`),
/// and use variables in headings that title them. Before, a reader saw `%linter%` in the
/// text, pages named by their files ("Scan go"), and `%product%` in the title of a page
/// whose heading wrote it (in its `<title>`, the sidebar and the links to it).
#[test]
fn writerside_topics_own_variables_and_titles_take_their_values() {
    let book = TestBook::fixture("writerside-topics");
    book.build().success().stderr_lacks("warning[");
    let go = book.html("Writerside/topics/scan-go.html");
    assert_eq!(texts(&go, "main h1"), ["Harbour Scan for Go"]);
    assert_eq!(
        texts(&go, "title"),
        ["Harbour Scan for Go · Harbour engineering"]
    );
    let prose = texts(&go, ".prose").concat();
    assert!(!prose.contains('%'), "{prose}");
    assert!(prose.contains("Harbour Scan Go reads a Go service's code"));
    assert!(prose.contains("Questions go to #scan-help."));
    let links = texts(&go, ".prose li a");
    assert_eq!(
        links,
        [
            "Run Harbour Scan Go in the pipeline",
            "Read what Harbour Scan Go reports"
        ]
    );
    let ci = book.html("Writerside/topics/scan-in-ci.html");
    assert_eq!(
        texts(&ci, "title"),
        ["Running Harbour Scan in the pipeline · Harbour engineering"]
    );
    // Named so wherever it is listed: the sidebar, the next-page link.
    let site = book.output_file("Writerside/topics/scan-go.html");
    assert!(!site.contains("%product%"), "a title keeps %product%");
    assert!(site.contains("Running Harbour Scan in the pipeline"));
}

/// A Logseq graph moved in whole (its root as `content/`) brings its `logseq/` folder:
/// `config.edn`, and the copies Logseq keeps of its pages, a backup each time a file
/// changed on disk under it (`logseq/bak/pages/<page>/<time>.Desktop.md`) and the versions
/// its sync fetched (`logseq/version-files/`). Before, every copy was published as a page,
/// titled like the real one, with its old text (found by search, listed in the index);
/// and `config.edn` was published beside them. Now the copies are skipped, with one note
/// for each folder, and the settings are published only where a page links to them.
#[test]
fn a_logseq_graphs_backups_and_settings_are_not_published() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/graph/pages/Onboarding.md",
        "- First week\n\t- Pair with your buddy on a real ticket.\n- Read [[Release train]]\n",
    )
    .write(
        "content/graph/pages/Release train.md",
        "- A release leaves every second Tuesday.\n",
    )
    .write(
        "content/graph/journals/2024_03_01.md",
        "- Met the new starters. #onboarding\n",
    )
    .write(
        "content/graph/logseq/config.edn",
        "{:meta/version 1\n :preferred-format \"Markdown\"\n ;; The app will ignore those directories or files.\n :hidden []\n :journal/page-title-format \"MMM do, yyyy\"\n :journal/file-name-format \"yyyy_MM_dd\"}\n",
    )
    .write("content/graph/logseq/custom.css", ".cp__sidebar-main-layout { max-width: 60rem; }\n")
    .write(
        "content/graph/logseq/bak/pages/Onboarding/2024-02-27T09_14_03.512Z.Desktop.md",
        "- First week\n\t- Shadow the on-call engineer (we stopped doing this).\n",
    )
    .write(
        "content/graph/logseq/version-files/base/pages/Onboarding.md",
        "- First week\n",
    );
    book.build()
        .success()
        .stderr_has("logseq/bak")
        .stderr_has("Logseq's copies");
    let out = book.out();
    assert!(out.join("graph/pages/Onboarding.html").exists());
    for gone in [
        "graph/logseq/bak",
        "graph/logseq/version-files",
        "graph/logseq/config.edn",
    ] {
        assert!(!out.join(gone).exists(), "{gone} published");
    }
    // Nowhere in the site: no page, no search index entry.
    for file in files_under(&out) {
        let text = std::fs::read(out.join(&file)).unwrap_or_default();
        assert!(
            !String::from_utf8_lossy(&text).contains("Shadow the on-call"),
            "a backup's text is in {file}"
        );
    }
}

/// MediaWiki pages converted by a tool that keeps MediaWiki's own link syntax: an
/// interwiki link (`[[wikipedia:Tide|tides]]`, `[[w:Knot (unit)|knots]]`) and category links
/// (`[[Category:Harbour operations]]` at the foot, `[[:Category:Harbour operations]]` in
/// the text). Before, each was a `broken-link` warning ("names no page or file") and the
/// interwiki link was text; now it goes to Wikipedia and a category is its text, quietly.
/// A link to a page of the wiki still goes to its page, and `{{…}}` templates stay
/// reported leftovers.
#[test]
fn mediawiki_interwiki_and_category_wikilinks() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/Mooring.md",
        "# Mooring\n\nDouble the lines before a storm.\n",
    )
    .write(
        "content/guide/Berthing_windows.md",
        "# Berthing windows\n\n{{Infobox berth|length=240 m}}\n\nA ship berths within two hours of high water (see [[wikipedia:Tide|tides]]); pilots\nreport speed in [[w:Knot (unit)|knots]] and moor as [[Mooring]] says. Other pages of\nthis kind: [[:Category:Harbour operations]].\n\n[[Category:Harbour operations]]\n",
    );
    let run = book.build();
    run.success()
        .stderr_has("{{Infobox berth|length=240 m}}")
        .stderr_lacks("names no page or file");
    let page = book.html("guide/Berthing_windows.html");
    let links = hrefs(&page, ".prose a");
    assert_eq!(
        links,
        [
            "https://en.wikipedia.org/wiki/Tide",
            "https://en.wikipedia.org/wiki/Knot_(unit)",
            "../guide/Mooring.html"
        ]
    );
    let prose = texts(&page, ".prose").concat();
    let prose = prose.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        prose.contains("Other pages of this kind: Category:Harbour operations."),
        "{prose}"
    );
    assert!(!prose.contains("[["));
}
