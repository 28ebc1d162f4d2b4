//! Markdown that went through Google Docs as text and came out of its Markdown export escaped
//! whole (`\#\# \*\*Setup\*\*`, `\- item`), read as the Markdown it was
//! (`gdocs-escaped-markdown`).

use crate::harness::{TestBook, hrefs, sel, texts};

/// The text of the page's `.prose` elements that `selector` picks.
fn prose(page: &scraper::Html, selector: &str) -> Vec<String> {
    texts(page, &format!(".prose {selector}"))
}

/// Before, a guide written in Markdown, pasted into Docs and exported showed every mark
/// as text: its headings were paragraphs (`## **What you already have**`), its list items
/// one paragraph with the `*` and `-` in it, its code spans and block in backticks, its
/// links as `[text](address)`, its quote with a `>`. Now a page whose headings are all
/// escaped so is read as the Markdown it was: headings, lists, code, links that resolve,
/// a rule and a quote; the author's own `1\.` (doubled by the export to `1\\.`) shows
/// `1.`. Pages the export escaped only here and there stay as they were.
#[test]
fn markdown_escaped_whole_by_the_docs_export_is_read_as_markdown() {
    let book = TestBook::fixture("gdocs-escaped-markdown");
    book.build().success().stderr_lacks("warning[");

    // The front matter's title is the page's; the body's `# ` heading, and those under
    // it, a level down, as on any page with both.
    let setup = book.html("guides/workstation-setup.html");
    assert_eq!(
        prose(&setup, "h2"),
        ["Workstation setup guide"],
        "{}",
        setup.html()
    );
    assert_eq!(prose(&setup, "h3"), ["What you already have", "Mac"]);
    assert_eq!(prose(&setup, "h4"), ["1. Project folder", "2. Access key"]);
    let items = prose(&setup, "ul > li");
    assert_eq!(items.len(), 3, "{}", setup.html());
    assert!(items[0].starts_with("Your project folder, with the pipeline.py"));
    assert_eq!(
        prose(&setup, "li code"),
        [
            "pipeline.py",
            ".env",
            "read_table",
            "write_table",
            "report.md"
        ]
    );
    let code = prose(&setup, "pre code");
    assert_eq!(code.len(), 1, "{}", setup.html());
    assert!(
        code[0].contains("GATEWAY_BASE_URL=https://gateway.example.org")
            && code[0].contains("GATEWAY_API_KEY=<your key here>"),
        "{code:?}"
    );
    assert_eq!(
        hrefs(&setup, ".prose p a"),
        [
            "https://intranet.example.org/installer",
            "../guides/writing-runbooks.html"
        ]
    );
    let text = setup
        .select(&sel(".prose"))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    for mark in ["\\", "**", "`", "](", "##"] {
        assert!(!text.contains(mark), "{mark:?} shown: {text}");
    }
    assert!(text.contains("in room 490."), "{text}");

    let policy = book.html("guides/audit-events-policy.html");
    assert_eq!(
        prose(&policy, "h2"),
        [
            "1. Purpose",
            "2. Scope",
            "3. Core Principle",
            "4. Result Values"
        ],
        "{}",
        policy.html()
    );
    assert_eq!(
        prose(&policy, "ul > li"),
        [
            "audit event taxonomy",
            "required fields of an audit event",
            "append-only behaviour",
            "correction records",
            "SUCCESS",
            "DENIED",
            "PENDING_REVIEW",
        ]
    );
    assert_eq!(policy.select(&sel(".prose hr")).count(), 2);
    assert_eq!(prose(&policy, "blockquote p").len(), 1);

    // A page exported from Docs with headings of its own that shows Markdown as text (a
    // template under `## **Page format**`), and one whose author typed dashes at the start
    // of lines in Docs, show their escaped marks as the document did: as text.
    let runbooks = book.html("guides/writing-runbooks.html");
    assert_eq!(prose(&runbooks, "h2"), ["Page format"]);
    let paragraphs = prose(&runbooks, "p");
    for shown in [
        "# Runbook Title",
        "**Summary**: One",
        "- alert-name.yaml",
        "---",
        "## Steps",
    ] {
        assert!(
            paragraphs.iter().any(|p| p.contains(shown)),
            "{shown:?} not shown as text: {paragraphs:?}"
        );
    }
    assert_eq!(
        runbooks
            .select(&sel(".prose ul, .prose hr, .prose p strong"))
            .count(),
        0
    );

    let notes = book.html("guides/password-rotation-notes.html");
    let paragraphs = prose(&notes, "p");
    assert!(
        paragraphs
            .iter()
            .any(|p| p.contains("- self.min_bytes: a random number")),
        "{paragraphs:?}"
    );
    assert!(paragraphs.iter().any(|p| p.starts_with("1. Sev-1 pages")));
    assert_eq!(notes.select(&sel(".prose ul, .prose ol")).count(), 0);
}
