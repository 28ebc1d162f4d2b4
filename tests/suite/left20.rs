//! Leftovers of earlier trial rounds, twentieth pass: company handbooks moved in as they
//! are. 18F's TTS Handbook (Eleventy) links its pages with a Liquid shortcode,
//! `[x]({% page "/tools/slack/" %})`, as Jekyll sites do with `{% link %}` and
//! `| relative_url` (`left20-18f-handbook`).

use crate::harness::{TestBook, check_all_links, hrefs, texts};

/// The `href` of the one link in the page's `.prose` whose text is `text`.
#[track_caller]
fn href_of(page: &scraper::Html, text: &str) -> String {
    let found: Vec<String> = texts(page, ".prose a")
        .into_iter()
        .zip(hrefs(page, ".prose a"))
        .filter(|(shown, _)| shown == text)
        .map(|(_, href)| href)
        .collect();
    assert_eq!(found.len(), 1, "links named {text:?}: {found:?}");
    found.into_iter().next().unwrap()
}

/// Before, every `[x]({% page "/…" %})` of the handbook was shown as its source, brackets,
/// braces and all, with a template-leftover warning: the link was gone. Now the shortcode
/// is the path it names from the site's root, which resolves like any link: to the page,
/// through a `redirect_from` (`/sensitive-information/`), with its anchor, to the home page's
/// heading (`/#tools`). Only the shortcodes orgbook cannot read (18F's `slack_channel`)
/// are still reported.
#[test]
fn eleventy_page_shortcodes_in_links_lead_to_their_pages() {
    let book = TestBook::fixture("left20-18f-handbook");
    let run = book.build();
    run.success()
        .stderr_lacks("{% page")
        .stderr_lacks("broken-link")
        .stderr_has("{% slack_channel \"dev\" %}");
    check_all_links(&book.out(), &["404.html"]);

    let home = book.html("index.html");
    assert_eq!(href_of(&home, "Slack"), "tools/slack.html");
    assert_eq!(
        href_of(&home, "Sensitive information"),
        "general-information-and-resources/sensitive-information.html"
    );
    let started = book.html("tools/slack/getting-started.html");
    assert_eq!(
        href_of(&started, "record"),
        "../../tools/slack/records.html"
    );
    assert_eq!(
        href_of(&started, "list of alternatives"),
        "../../general-information-and-resources/sensitive-information.html#tools"
    );
    assert_eq!(
        href_of(&started, "Code of Conduct"),
        "../../about-us/code-of-conduct.html"
    );
    let records = book.html("tools/slack/records.html");
    assert_eq!(
        href_of(&records, "Custom emoji"),
        "../../tools/slack/guidelines.html#custom-emoji"
    );
    let engineering = book.html("18f/chapters/engineering.html");
    assert_eq!(
        href_of(&engineering, "the org chart"),
        "../../about-us/org-chart.html"
    );
    assert_eq!(
        href_of(&engineering, "common tools we use"),
        "../../index.html#tools"
    );
    let prose = texts(&engineering, ".prose").join(" ");
    assert!(!prose.contains("{% page"), "{prose}");
}
