//! Leftovers of earlier trial rounds, ninth pass: files organisations already have. A
//! Confluence space's links inside blocks of HTML (the fixture `left9-confluence`), the
//! CNCF TOC's TAG charters read for their mission (`round25-toc-tags`), a va.gov-style
//! team's `team-charter.md` beside its README (`round25-va-teams`), and the two small
//! leftovers: `import adr`'s underlined title and BookStack's cut anchors.

use crate::harness::{TestBook, check_all_links, sel, team, teams, texts};
use crate::import::{
    builds_clean, by_title, charter_table, decision_page, fresh, import, path_str, records,
};

/// Before, a Confluence link inside a block of HTML (a `tip` macro's paragraph, a table
/// exported on one line, a `<div>` holding an image) showed its Markdown as text,
/// `[onboarding](<ri:page:Onboarding to Harrow Cloud>)`, or lost it to the sanitizer. Now
/// each is a link to the page with that title (its anchor the heading's id), an image of
/// the attachment shows it, and a link to a page that did not move in is a `broken-link`
/// warning at its place, shown as text, as the Markdown form's is.
#[test]
fn confluence_links_inside_html_blocks_are_links() {
    let book = TestBook::fixture("left9-confluence");
    let run = book.build();
    run.success()
        .stderr_lacks("error[")
        .stderr_has("content/platform/Create-a-service_70001.md:15:18")
        .stderr_has(
            "the Confluence link names the page \"Area definition\", and no page of the handbook has that title",
        );
    assert_eq!(
        run.stderr.matches("warning[broken-link]").count(),
        1,
        "{}",
        run.stderr
    );
    let page = book.html("platform/Create-a-service_70001.html");
    let main = texts(&page, "main").concat();
    for gone in ["ri:page", "ri:attachment", "](<", "ac:"] {
        assert!(!main.contains(gone), "{gone} shown in {main}");
    }
    let links: Vec<(String, String)> = page
        .select(&sel(".prose a[href]"))
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .filter(|(_, href)| !href.starts_with('#'))
        .collect();
    assert_eq!(
        links,
        [
            ("Deploy scripts", "../platform/Deploy-scripts_70003.html"),
            (
                "onboarding",
                "../platform/Onboarding-to-Harrow-Cloud_70005.html"
            ),
            (
                "Service template definition",
                "../platform/Service-definition_70002.html"
            ),
            (
                "rollback & <undo> script",
                "../platform/Deploy-scripts_70003.html#rollback"
            ),
            (
                "dialog definition",
                "../platform/Dialog-definition_70004.html"
            ),
            (
                "Service definition",
                "../platform/Service-definition_70002.html"
            ),
            ("services.csv", "../platform/attachments/services.csv"),
        ]
        .map(|(t, h)| (t.to_string(), h.to_string())),
        "{}",
        page.html()
    );
    // The cells around the links keep their code, and the image of the attachment shows.
    assert!(
        texts(&page, "td code").contains(&"services/checkout/deploy.sh".to_string()),
        "{}",
        page.html()
    );
    let images: Vec<String> = page
        .select(&sel(".prose img"))
        .filter_map(|i| i.value().attr("src").map(str::to_string))
        .collect();
    assert_eq!(images, ["../platform/attachments/service-tree.gif"]);
    // The page that did not move in: its name as text, marked as a broken link is.
    assert_eq!(
        texts(&page, ".prose .broken-link"),
        ["Area definition"],
        "{}",
        page.html()
    );
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
}
