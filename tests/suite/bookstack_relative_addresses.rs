//! BookStack's relative address of a page of the same book (`../page/<page>`,
//! adamzvolanek/DevRackDocs; the fixtures `bookstack-cut-ids` and `bookstack-partial-export`),
//! and a decision record's table of contents under an underlined heading
//! (`adr-setext-sections`).

use crate::harness::{TestBook, texts};
use crate::import::{builds_clean, decision_page, fresh, import, path_str, records};
use crate::moving_in::links_with_text;

/// Each link in the prose of `rel`: its `href` and its text.
fn hrefs(book: &TestBook, rel: &str) -> Vec<(String, String)> {
    links_with_text(&book.html(rel), ".prose a[href]")
}

/// Before, BookStack's link within a book, `../page/pre-docker-and-plugin-setup` (the
/// address relative to the linking page's, `/books/unraid/page/unraid-install-and-setup`),
/// was a `broken-link` warning: as a path it names `content/page/…`, which is not there.
/// Now it is the page of that slug in the linking page's book (its folder), as the full
/// address `/books/unraid/page/pre-docker-and-plugin-setup` is.
#[test]
fn bookstack_relative_page_address_reaches_the_page_of_its_book() {
    let book = TestBook::fixture("bookstack-cut-ids");
    let run = book.build();
    run.success()
        .stderr_lacks("../page/pre-docker-and-plugin-setup")
        .stderr_lacks("broken-link");
    let links = hrefs(&book, "unraid/unraid-install-and-setup.html");
    let found = links
        .iter()
        .find(|(_, text)| text == "pre-docker and plugin setup")
        .unwrap_or_else(|| panic!("no link in {links:?}"));
    // Links are written from the site's root (`../` from a page in `unraid/`).
    assert_eq!(found.0, "../unraid/pre-docker-and-plugin-setup.html");
}

/// A page of the book that was not exported stays a `broken-link` warning, which now says
/// it is BookStack's address of a page and how to bring the page in.
#[test]
fn bookstack_relative_page_address_to_a_page_not_exported_is_a_broken_link() {
    let book = TestBook::fixture("bookstack-partial-export");
    let run = book.build();
    run.success()
        .stderr_has("warning[broken-link]")
        .stderr_has("link to `../page/pre-docker-and-plugin-setup`")
        .stderr_has("a BookStack page that no page here is named after (`pre-docker-and-plugin-setup`, in this page's book")
        .stderr_has("export that page too")
        .stderr_has("unraid-install-and-setup.md:21:");
    let links = hrefs(&book, "unraid/unraid-install-and-setup.html");
    assert!(
        links
            .iter()
            .all(|(text, _)| text != "pre-docker and plugin setup"),
        "{links:?}"
    );
}

/// Before, `import adr` left out a table of contents kept by a tool (`<!-- toc -->` …
/// `<!-- tocstop -->`) but kept its heading unless it was written `## Table of contents`:
/// one underlined (`Table of contents` over `-----`, as the rest of cloud_controller_ng's
/// record is written) stayed, an empty section at the top of the page. Now the importer's
/// heading reader finds it, ATX or setext, and it goes with the list.
#[test]
fn import_adr_leaves_out_an_underlined_table_of_contents() {
    let source = TestBook::fixture("adr-setext-sections");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("decisions"))])
        .success()
        .stderr_has("Imported 5 decisions");
    let rs = records(&book);
    let body = &rs[&11].body;
    assert!(!body.contains("Table of contents"), "{body}");
    assert!(!body.contains("toc -->"), "{body}");
    assert!(!body.contains("- [Context](#context)"), "{body}");
    assert!(
        body.trim_start().starts_with("Context\n-------\n"),
        "{body}"
    );
    builds_clean(&book);
    let page = decision_page(&book, &rs[&11]);
    assert_eq!(
        texts(&page, ".prose h2"),
        ["Context", "Decision", "Consequences"]
    );
}

/// Before, a one-line Confluence `code` macro in a sentence was written as a Markdown code
/// span; inside a paragraph exported as HTML (`<p>run <ac:structured-macro …>…</p>`, the
/// REST API's one-line page) the block is HTML, which reads no Markdown, so the page
/// showed the backticks around the code. Now it is a `<code>` element with the code's
/// punctuation as character references, which Markdown and HTML both read.
#[test]
fn a_confluence_code_macro_in_a_paragraph_of_html_is_code() {
    let book = TestBook::fixture("confluence-html-links");
    book.build().success();
    let page = book.html("platform/Roll-back-a-deploy_70007.html");
    let codes = texts(&page, ".prose p code");
    assert_eq!(
        codes,
        ["make undo ENV=`cat .env` && echo \"<done>\" *now*"],
        "{}",
        page.html()
    );
    let sentence = texts(&page, ".prose p");
    assert!(
        sentence
            .iter()
            .any(|p| p == "To roll back, run make undo ENV=`cat .env` && echo \"<done>\" *now* from the repository's root."),
        "{sentence:?}"
    );
    // The sentence's code in Markdown (confluence-code-macros) is still code, as before.
    let md = TestBook::fixture("confluence-code-macros");
    md.build().success();
    let runbook = md.html("platform/Rolling-back-a-deploy_51230.html");
    assert!(
        texts(&runbook, ".prose p code").contains(&"make undo ENV=`cat .env`".to_string()),
        "{}",
        runbook.html()
    );
}
