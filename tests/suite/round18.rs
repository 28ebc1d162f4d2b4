//! Trial round 18: sites moved in from Retype (a `retype.yml` project: `!!!` alerts, `+++`
//! tabs, `[!ref]` links, `order`/`label` front matter, `index.yml` folder settings),
//! JetBrains Writerside (topics and images folders, `{style="note"}` blocks) and Rspress
//! (`_meta.json` lists). Each fixture is shaped like such a repository once its pages are
//! in `content/`.

use crate::harness::{TestBook, hrefs, texts};

/// Retype's alerts, tabs and panels are drawn as callouts (a folded panel as
/// `<details>`), not shown as their marker lines, and the old MkDocs warning for
/// `!!! Title` is gone; the `===` closing a panel is no setext heading, while a real
/// setext heading and quoted syntax in code stay what they are.
#[test]
fn retype_alerts_tabs_and_panels_are_callouts() {
    let book = TestBook::fixture("retype");
    book.build()
        .success()
        .stderr_lacks("template-leftover");
    let page = book.html("oncall.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        [
            "Before your first shift",
            "Ask for access to the pager two days ahead.",
            "It takes a while."
        ]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-note > p"),
        [
            "Note",
            "Shifts swap on Mondays.",
            "Laptop",
            "Install the pager app from the self-service portal.",
            "Phone",
            "Scan the code on the escalation page."
        ]
    );
    assert_eq!(texts(&page, "main .prose details summary"), ["Why Monday?"]);
    assert_eq!(
        texts(&page, "main .prose h2"),
        ["Handover notes"],
        "a setext heading stays one, a panel's `===` makes none"
    );
    let prose = texts(&page, "main .prose").join("\n");
    assert!(!prose.contains("+++") && !prose.contains("==-"), "{prose}");
    assert!(
        texts(&page, "main pre")
            .concat()
            .contains("!!!danger Not an alert"),
        "quoted syntax stays code"
    );
}

/// `[!ref Text](page.md)`, `[!ref](page.md)` and `[!button text="…"](url)` are links
/// showing their text (the linked page's title when they give none), and a badge is its
/// text, with or without a link.
#[test]
fn retype_reference_links_buttons_and_badges_show_their_text() {
    let book = TestBook::fixture("retype");
    book.build().success();
    let home = book.html("index.html");
    assert_eq!(
        texts(&home, "main .prose a"),
        ["On-call rota", "Escalation", "Open the queue"]
    );
    assert_eq!(
        hrefs(&home, "main .prose a"),
        [
            "oncall.html",
            "escalation.html",
            "https://queue.lantern.example"
        ]
    );
    let rota = book.html("oncall.html");
    let first = texts(&rota, "main .prose p").remove(0);
    assert_eq!(
        first.split_whitespace().collect::<Vec<_>>().join(" "),
        "Tier: PRO and Beta shifts."
    );
}
