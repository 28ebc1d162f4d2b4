//! Sites moved in from Retype (a `retype.yml` project: `!!!` alerts, `+++`
//! tabs, `[!ref]` links, `order`/`label` front matter, `index.yml` folder settings),
//! JetBrains Writerside (topics and images folders, `{style="note"}` blocks) and Rspress
//! (`_meta.json` lists). Each fixture is shaped like such a repository once its pages are
//! in `content/`.

use crate::harness::{TestBook, hrefs, reading_order, sidebar, texts};

/// Retype's alerts, tabs and panels are drawn as callouts (a folded panel as
/// `<details>`), not shown as their marker lines, and the old MkDocs warning for
/// `!!! Title` is gone; the `===` closing a panel is no setext heading, while a real
/// setext heading and quoted syntax in code stay what they are.
#[test]
fn retype_alerts_tabs_and_panels_are_callouts() {
    let book = TestBook::fixture("retype");
    book.build()
        .success()
        .stderr_lacks("template-leftover")
        .stderr_lacks("warning[");
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

/// In a Retype project (a `retype.yml` beside `content/`), a page's `order` places it as
/// Retype does — larger first, the pages without one after, negative last — its `label`
/// names it in the navigation, `visibility: hidden` leaves it out, and a folder's
/// `index.yml` gives the folder its label and place; none of these keys is a warning
/// and the `index.yml` files are not published.
#[test]
fn retype_order_labels_and_folder_files_shape_the_navigation() {
    let book = TestBook::fixture("retype");
    book.build().success().stderr_lacks("unknown key");
    assert_eq!(
        sidebar(&book, "glossary.html"),
        [
            "Runbooks by system",
            "Rota",
            "Escalation",
            "Glossary",
            "Rituals",
            "Archive"
        ]
    );
    assert_eq!(
        reading_order(&book, "runbooks/billing.html"),
        [
            "runbooks/billing.html",
            "runbooks/login.html",
            "oncall.html",
            "escalation.html",
            "glossary.html",
            "rituals/retro.html",
            "archive.html"
        ]
    );
    // The hidden page is published, in no navigation.
    assert!(book.out().join("secret-santa.html").is_file());
    assert!(!book.out().join("runbooks/index.yml").exists());
}

/// Without a `retype.yml`, `order` is not read as Retype's: the same pages keep
/// orgbook's own order (other tools count `order` the other way).
#[test]
fn without_a_retype_project_order_places_nothing() {
    let book = TestBook::fixture("retype");
    book.remove("retype.yml");
    book.build().success();
    let shown = sidebar(&book, "glossary.html");
    assert_eq!(
        shown[..3],
        ["Archive", "Escalation", "Glossary"],
        "{shown:?}"
    );
}

/// Writerside's admonitions (a quote, then `{style="warning"}`) are callouts titled by
/// the quote's bold first line; the attribute line is never shown, also after a quote in
/// a list or one without a bold line (which stays a quote); quoted syntax stays code.
#[test]
fn writerside_style_blocks_are_callouts() {
    let book = TestBook::fixture("writerside");
    book.build().success().stderr_lacks("warning[");
    let page = book.html("Writerside/topics/Visitors.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        [
            "Before the doors open",
            "Check that the kiosk shows today's date; restart it if it does not."
        ]
    );
    let prose = texts(
        &page,
        "main .prose > p, main .prose li, main .prose blockquote",
    )
    .join("\n");
    assert!(!prose.contains("{style="), "{prose}");
    assert!(
        texts(&page, "main pre")
            .concat()
            .contains("{style=\"note\"}"),
        "quoted syntax stays code"
    );
}

/// A Writerside topic names its images by file name alone (`![](kiosk-home.png)`), found in
/// the project's images folder: they are shown, not broken links failing the build; the
/// table of contents (`fd.tree`) is not published, and an XML topic is a note.
#[test]
fn writerside_images_are_found_in_the_images_folder() {
    let book = TestBook::fixture("writerside");
    book.write(
        "content/Writerside/topics/Start.topic",
        "<?xml version=\"1.0\"?>\n<topic title=\"Start\" id=\"Start\"/>\n",
    );
    book.build()
        .success()
        .stderr_lacks("broken-link")
        .stderr_has("1 Writerside XML topic file in this folder");
    let img = |rel: &str| {
        book.html(rel)
            .select(&crate::harness::sel("main .prose img"))
            .filter_map(|i| i.value().attr("src").map(str::to_string))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        img("Writerside/topics/Visitors.html"),
        ["../../Writerside/images/kiosk-home.png"]
    );
    assert_eq!(
        img("Writerside/topics/Badge-Printer.html"),
        ["../../Writerside/images/printer-door.png"]
    );
    assert!(
        book.out()
            .join("Writerside/images/kiosk-home.png")
            .is_file()
    );
    assert!(!book.out().join("Writerside/fd.tree").exists());
}

/// `orgbook init` knows a Retype project by its `retype.yml`: with the pages still beside
/// it, the error names it and says to point `input` at content/ and keep the file; once
/// they are in content/, the handbook is titled by `branding.title`, not by the home
/// page's heading.
#[test]
fn init_knows_a_retype_project_and_its_title() {
    let book = TestBook::fixture("retype");
    book.remove("orgbook.toml");
    std::fs::rename(book.root().join("content"), book.root().join("docs")).unwrap();
    book.edit("retype.yml", "input: content", "input: docs");
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("a Retype project with 9 Markdown files in docs/")
        .stderr_has("set `input: content` in retype.yml and keep it beside content/");
    std::fs::rename(book.root().join("docs"), book.root().join("content")).unwrap();
    book.run(&["init", "."])
        .success()
        .stderr_has("(a Retype project) the handbook \"Lantern Support\"");
    book.build().success();
    assert_eq!(
        texts(&book.html("index.html"), ".brand"),
        ["Lantern Support"]
    );
}

/// `orgbook init` knows a Writerside project by `Writerside/writerside.cfg` and says to
/// move the folder in whole (its topics name their images by file name).
#[test]
fn init_knows_a_writerside_project() {
    let book = TestBook::fixture("writerside");
    book.remove("orgbook.toml");
    std::fs::rename(
        book.root().join("content/Writerside"),
        book.root().join("Writerside"),
    )
    .unwrap();
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("a Writerside project with 2 Markdown files in Writerside/")
        .stderr_has("`git mv Writerside content`");
}

/// Rspress's `_meta.json` is a list (names, and `{"type": "file", "name", "label"}`
/// objects): it orders the folder's pages and names them, where it was a note calling it
/// an unreadable Nextra file and the pages went alphabetically; `pageType` is no unknown
/// key.
#[test]
fn rspress_meta_lists_order_and_name_the_pages() {
    let book = TestBook::fixture("rspress");
    book.build()
        .success()
        .stderr_lacks("page order not read")
        .stderr_lacks("unknown key `pageType`");
    assert_eq!(
        sidebar(&book, "playbooks/triage.html"),
        [
            "Playbooks",
            "Overview",
            "Triage",
            "Roll back a deploy",
            "Disk full"
        ]
    );
}
