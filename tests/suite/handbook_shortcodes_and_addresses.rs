//! Company handbooks moved in as they are. 18F's TTS Handbook (Eleventy) links its pages with a
//! Liquid shortcode, `[x]({% page "/tools/slack/" %})`, as Jekyll sites do with `{% link %}`
//! and `| relative_url` (`18f-handbook`). Mattermost's GitBook handbook links its own pages by
//! their published address, `https://handbook.mattermost.com/operations/finance`
//! (`mattermost-gitbook`).

use crate::harness::{TestBook, check_all_links, href_of, hrefs, texts};

/// Before, every `[x]({% page "/…" %})` of the handbook was shown as its source, brackets,
/// braces and all, with a template-leftover warning: the link was gone. Now the shortcode
/// is the path it names from the site's root, which resolves like any link: to the page,
/// through a `redirect_from` (`/sensitive-information/`), with its anchor, to the home page's
/// heading (`/#tools`). Only the shortcodes orgbook cannot read (18F's `slack_channel`)
/// are still reported.
#[test]
fn eleventy_page_shortcodes_in_links_lead_to_their_pages() {
    let book = TestBook::fixture("18f-handbook");
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

/// Before, a link to the handbook's own published address (`base_url`), as authors copy it
/// from the browser, left the new site for the old one, unchecked. Now it leads to the page
/// when the handbook has it (a folder's README, the home page, with its anchor, with or
/// without the last `/`); an address the handbook has no page for
/// (`/operations/security`) stays as written.
#[test]
fn links_to_the_handbooks_own_address_lead_to_its_pages() {
    let book = TestBook::fixture("mattermost-gitbook");
    book.build()
        .success()
        .stderr_lacks("warning[")
        .stderr_lacks("error[");
    check_all_links(&book.out(), &["404.html"]);

    let update = book.html("company/how-to-guides-for-staff/how-to-update-handbook.html");
    assert_eq!(
        href_of(&update, "marketing ops and analytics"),
        "../../operations/messaging-and-math/demand-generation-reporting.html"
    );
    assert_eq!(
        href_of(&update, "messaging and math"),
        "../../operations/messaging-and-math/index.html"
    );
    assert_eq!(
        href_of(&update, "finance"),
        "../../operations/finance/index.html"
    );
    assert_eq!(
        href_of(&update, "https://handbook.mattermost.com"),
        "../../index.html"
    );
    assert_eq!(
        href_of(&update, "Security"),
        "https://handbook.mattermost.com/operations/security"
    );
    let model = book.html("company/about-mattermost/business-model.html");
    assert_eq!(
        href_of(&model, "About Mattermost"),
        "../../company/about-mattermost/index.html#mission"
    );
    let reporting = book.html("operations/messaging-and-math/demand-generation-reporting.html");
    assert_eq!(
        href_of(&reporting, "Messaging and Math"),
        "../../operations/messaging-and-math/index.html"
    );
    let home = book.html("index.html");
    assert_eq!(
        href_of(&home, "how to update this handbook"),
        "company/how-to-guides-for-staff/how-to-update-handbook.html"
    );
}

/// PostHog's handbook is part of posthog.com, and links its pages by their address there
/// (`https://posthog.com/handbook/company/small-teams#current-teams`, as in the
/// handbooks of projects that cite it). With `[links] site` naming that site, such a link
/// leads to the page the handbook has (over `http` too); the site's other pages keep
/// their address.
#[test]
fn links_to_the_wider_sites_address_of_a_handbook_page_lead_to_it() {
    let book = TestBook::fixture("handbook-small-teams");
    let config = book.read("orgbook.toml");
    book.write(
        "orgbook.toml",
        &format!("{config}\n[links]\nsite = \"https://posthog.com\"\n"),
    );
    book.write(
        "content/handbook/company/hiring.md",
        "---\ntitle: Hiring\nsidebar: Handbook\nshowTitle: true\n---\n\nEvery new hire joins one of our [small teams](https://posthog.com/handbook/company/small-teams#current-teams) (see the [list](http://posthog.com/handbook/company/small-teams)); see our [open roles](https://posthog.com/careers).\n",
    );
    book.build().success().stderr_lacks("error[");
    let page = book.html("handbook/company/hiring.html");
    assert_eq!(
        hrefs(&page, ".prose a"),
        [
            "../../handbook/company/small-teams.html#current-teams",
            "../../handbook/company/small-teams.html",
            "https://posthog.com/careers"
        ]
    );
}
