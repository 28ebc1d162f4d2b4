//! MDX pages of a Docusaurus docs folder moved in: what Docusaurus makes of them that a
//! reader must not lose here. Docusaurus v3 reads `.md` as MDX, so a `{/* … */}` comment
//! on lines of its own is no text even in a page without imports (`mdx-md-comments`); and a
//! picture or file a page imports by name and uses in a tag (`<img src={mosms} />`) is
//! shown and linked whatever the length of its path (`mdx-imported-files`); a relative path
//! into the site's `static/` folder leads to the published file (`mdx-static-folder-links`),
//! and a link by the address Docusaurus serves a doc at, `/docs/…`, to the page
//! (`docusaurus-docs-route-links`).

use crate::harness::{TestBook, check_all_links, hrefs, sel, texts};

/// The `src` of every picture in the page's prose.
fn srcs(page: &scraper::Html) -> Vec<String> {
    page.select(&sel(".prose img"))
        .filter_map(|e| e.value().attr("src").map(str::to_string))
        .collect()
}

/// Before, each `{/* … */}` of a `.md` page without imports was shown as text. Now a
/// comment on lines of its own is left out, wherever it stands (between paragraphs,
/// indented over two lines, under a paragraph's last line); one inside a sentence, in
/// inline code or in a code block stays as written, and so does every one of a page whose
/// front matter says it is CommonMark.
#[test]
fn comments_on_lines_of_their_own_are_left_out_of_md_pages() {
    let book = TestBook::fixture("mdx-md-comments");
    book.build()
        .success()
        .stderr_lacks("warning[")
        .stderr_lacks("limits-monitor.md");
    check_all_links(&book.out(), &["404.html"]);
    let page = book.output_file("tools/limits-monitor.html");
    for comment in [
        "{/*",
        "*/}",
        "Image sized",
        "screenshot was dropped",
        "TODO",
    ] {
        assert!(!page.contains(comment), "limits-monitor shows {comment}");
    }
    let html = book.html("tools/limits-monitor.html");
    assert_eq!(
        texts(&html, ".prose p").last().map(String::as_str),
        Some("The log lists every limits event; type in the Search box to filter it.")
    );
    assert_eq!(
        srcs(&html),
        [
            "../img/limits_monitor/limits_monitor.png",
            "../img/limits_monitor/file_menu.png"
        ]
    );
    // Prose, inline code and code blocks keep it.
    let notes = book.html("guides/jsx-notes.html");
    assert_eq!(
        texts(&notes, ".prose p code").first().map(String::as_str),
        Some("{/* like this */}"),
        "inline code"
    );
    assert!(
        texts(&notes, ".prose pre")
            .join(" ")
            .contains("{/* Header */}")
    );
    assert!(
        texts(&notes, ".prose p")
            .iter()
            .any(|p| p.starts_with("Within a sentence, {/* this */} is left")),
        "{:?}",
        texts(&notes, ".prose p")
    );
    // A page that says it is CommonMark (`format: md`, Docusaurus's front matter for it)
    // shows its comments as written.
    book.edit(
        "content/tools/limits-monitor.md",
        "title: Limits Monitor\n",
        "title: Limits Monitor\nformat: md\n",
    );
    book.build().success();
    let html = book.html("tools/limits-monitor.html");
    assert!(
        texts(&html, ".prose p")
            .iter()
            .any(|p| p == "{/* Image sized to match up with bullets */}")
    );
}

/// Before, each picture imported by name was left out with a warning ("cannot be written
/// in its place"), and the imported file's link kept only its text. Now each is the
/// relative path to the published file, and nothing is reported.
#[test]
fn files_imported_by_name_are_shown_and_linked_whatever_their_path() {
    let book = TestBook::fixture("mdx-imported-files");
    book.build()
        .success()
        .stderr_lacks("warning[")
        .stderr_lacks("cannot be written in its place");
    check_all_links(&book.out(), &["404.html"]);
    let sms = book.html("services/sms.html");
    assert_eq!(
        srcs(&sms),
        [
            "../services/assets/portal-connected-devices-sms.png",
            "../services/assets/portal-send-sms-message-text.png",
            "../services/assets/portal-sms-sent.png",
            "../services/assets/mosms.png",
        ]
    );
    let alts: Vec<&str> = sms
        .select(&sel(".prose img"))
        .filter_map(|e| e.value().attr("alt"))
        .collect();
    assert_eq!(
        alts.last(),
        Some(&"Mobile originated SMS as the webhook receives it")
    );
    let redeem = book.html("services/redeem.html");
    assert_eq!(srcs(&redeem), ["../img/redeem-lassets-banner-01.png"]);
    let travel = book.html("handbook/travel.html");
    assert_eq!(
        hrefs(&travel, ".prose p a"),
        ["../handbook/files/travel-policy-2026-for-all-employees.pdf"]
    );
    assert_eq!(texts(&travel, ".prose p a"), ["travel policy"]);
    for page in [
        "services/sms.html",
        "services/redeem.html",
        "handbook/travel.html",
    ] {
        let raw = book.output_file(page);
        for shown in ["import ", "&lt;img", "src={", "href={", "mosms\""] {
            assert!(!raw.contains(shown), "{page} shows {shown}");
        }
    }
}

/// An imported file that is not there is a broken link, reported where the name is used
/// in the tag, naming the path it stands for.
#[test]
fn a_missing_imported_file_is_reported_where_its_name_is_used() {
    let book = TestBook::fixture("mdx-imported-files");
    book.remove("content/services/assets/mosms.png");
    book.build()
        .failure(1)
        .stderr_has("./assets/mosms.png")
        .stderr_has("content/services/sms.md:33:11");
}

/// Before, a picture or file of the site's `static/` folder reached with a relative path
/// that climbs out of the docs (`../../../static/img/…`, as Docusaurus bundles it) failed
/// the build as outside content/. Now it is the file as published at the site's root.
#[test]
fn relative_links_into_the_static_folder_lead_to_the_published_file() {
    let book = TestBook::fixture("mdx-static-folder-links");
    book.build().success().stderr_lacks("broken-link");
    check_all_links(&book.out(), &["404.html"]);
    let page = book.html("nutzerhandbuch/03-berater/02-uebersicht.html");
    assert_eq!(
        srcs(&page),
        ["../../img/images-onlineberatung/03_Ansicht_Berater/03_Screenshot.png"]
    );
    assert_eq!(
        hrefs(&page, ".prose p a"),
        ["../../files/datenschutz-checkliste.pdf"]
    );
}

/// Before, a link by the address Docusaurus serves a doc at (`/docs/…`, its default
/// `routeBasePath`) failed the build: no `content/docs/`. Now it leads to the page, its
/// anchor kept.
#[test]
fn links_by_the_docs_address_lead_to_the_page() {
    let book = TestBook::fixture("docusaurus-docs-route-links");
    book.build().success().stderr_lacks("broken-link");
    check_all_links(&book.out(), &["404.html"]);
    let page = book.html("getting-started-with-mentoring/for-mentors/types-of-mentors.html");
    assert_eq!(
        hrefs(&page, ".prose p a"),
        [
            "../../essential-mentoring-resources/mentor-type-quiz.html",
            "../../essential-mentoring-resources/goal-setting.html#grow",
        ]
    );
}
