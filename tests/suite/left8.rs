//! Leftovers of earlier trial rounds, eighth pass: files organisations already have. A
//! Confluence space's checklists (`<ac:task-list>`, the fixture `left8-confluence`), a
//! wiki moved from BookStack and its links (`left8-bookstack`), and decision records and
//! a log written as Y-statements (`left8-adr-ystatements`), in our own words.

use crate::harness::{TestBook, check_all_links, hrefs, sel, texts};

/// The checkboxes of `selector` on `page`: each item's text (its nested lists' aside) and
/// whether its box is ticked.
fn checklist(page: &scraper::Html, selector: &str) -> Vec<(String, bool)> {
    page.select(&sel(selector))
        .map(|li| {
            let input = li
                .select(&sel("input"))
                .next()
                .unwrap_or_else(|| panic!("no checkbox in {}", li.html()));
            assert_eq!(input.value().attr("type"), Some("checkbox"));
            assert!(input.value().attr("disabled").is_some(), "{}", li.html());
            let mut own: String = li.text().collect();
            for nested in li.select(&sel(":scope > ul")) {
                own = own.replace(&nested.text().collect::<String>(), "");
            }
            let own = own.split_whitespace().collect::<Vec<_>>().join(" ");
            (own, input.value().attr("checked").is_some())
        })
        .collect()
}

/// Before, a Confluence task list showed its tags as text (`ac:task-status`, `complete`,
/// the ids). Now it is a checklist, as GitHub draws one: a ticked, disabled box for a
/// task done, an empty one for a task open, nested lists nested, a body's markup kept
/// (a link to another page leads there, a mention shows the name) and escaped.
#[test]
fn confluence_task_lists_are_checklists() {
    let book = TestBook::fixture("left8-confluence");
    book.build()
        .success()
        .stderr_lacks("error[")
        .stderr_lacks("template-leftover");
    let page = book.html("platform/Release-checklist_61001.html");
    let main = texts(&page, "main").concat();
    for gone in [
        "ac:",
        "ri:",
        "task-id",
        "task-status",
        "incomplete",
        "0b6f1c2e",
        "169",
    ] {
        assert!(!main.contains(gone), "{gone} shown in {main}");
    }
    let lists: Vec<_> = page.select(&sel(".prose > ul")).collect();
    assert_eq!(lists.len(), 3, "{}", page.html());
    let items = |n: usize| {
        let mut all = checklist(&page, ".prose > ul > li");
        let counts = [2, 2, 2];
        let start: usize = counts[..n].iter().sum();
        all.drain(start..start + counts[n]).collect::<Vec<_>>()
    };
    // Pretty-printed, a list nested after the second task.
    assert_eq!(
        items(0),
        [
            ("Freeze the main branch".to_string(), true),
            (
                "Walk through Rollback plan with Priya Natarajan".to_string(),
                false
            ),
        ]
    );
    assert_eq!(
        checklist(&page, ".prose > ul > li > ul > li"),
        [("Check the schema can go back & forth".to_string(), true)]
    );
    assert_eq!(
        texts(&page, ".prose > ul > li strong"),
        ["main", "TBU"],
        "a body's markup kept"
    );
    assert_eq!(texts(&page, ".prose > ul > li > ul em"), ["schema"]);
    // The link in a body leads to the page.
    let links = hrefs(&page, ".prose > ul > li a");
    assert_eq!(links.len(), 1, "{links:?}");
    assert!(
        links[0].ends_with("platform/Rollback-plan_61002.html"),
        "{links:?}"
    );
    // One task a line.
    assert_eq!(
        items(1),
        [
            ("Post the notes in #releases".to_string(), false),
            ("Close the milestone R-42".to_string(), true),
        ]
    );
    assert_eq!(texts(&page, ".prose > ul > li code"), ["R-42"]);
    // All on one line, as Confluence's REST API gives it: escaped, and no script runs.
    assert_eq!(
        items(2),
        [
            ("Payments API: TBU <owner>".to_string(), false),
            ("Search reindexed".to_string(), true),
        ]
    );
    let html = book.output_file("platform/Release-checklist_61001.html");
    assert!(!html.contains("<script>alert"), "script kept");
    assert!(html.contains("&lt;owner&gt;"), "not escaped");
    check_all_links(&book.out(), &["404.html"]);
}

/// A wiki moved from BookStack links its pages by their BookStack addresses. Before, each
/// `/books/<book>/page/<page>` was a broken link that named nothing a reader could act on,
/// and a full address of the old instance went on leading there. Now each address whose
/// page, chapter or book moved in leads to it (found by the slug BookStack made of its
/// name, as the exporters name files and folders); one that did not, and a permalink by
/// page id, is a warning at its line saying what to do. Another BookStack site is left.
#[test]
fn bookstack_addresses_lead_to_the_pages_they_name() {
    let book = TestBook::fixture("left8-bookstack");
    let run = book.build();
    run.success()
        .stderr_has("first-week.md:12")
        .stderr_has("a BookStack page that no page here is named after (`decommission-a-host`")
        .stderr_has("still leads to the old BookStack")
        .stderr_has("first-week.md:13")
        .stderr_has("a BookStack permalink, by page id 42")
        .stderr_has("open it on the old BookStack")
        .stderr_lacks("restart-the-agent")
        .stderr_lacks("bookstack-user-guide")
        .stderr_lacks("bkmrk");
    assert_eq!(
        run.stderr.matches("warning[broken-link]").count(),
        2,
        "{}",
        run.stderr
    );
    let page = book.html("engineering/onboarding/first-week.html");
    let link = |text: &str| {
        page.select(&sel(".prose a"))
            .find(|a| a.text().collect::<String>() == text)
            .and_then(|a| a.value().attr("href").map(str::to_string))
            .unwrap_or_else(|| panic!("no link {text:?}"))
    };
    let runbooks = "../../engineering/runbooks/";
    assert_eq!(
        link("Restart the agent"),
        format!("{runbooks}restart-the-agent.html")
    );
    assert_eq!(
        link("Failover the primary"),
        format!("{runbooks}databases/failover-the-primary.html")
    );
    // BookStack's id of the page's title is the page's top.
    assert_eq!(
        link("Rotate TLS certificates"),
        format!("{runbooks}rotate-tls-certificates.html")
    );
    // A chapter and a book: their folders (without a page of their own, each one's entry
    // in the handbook index).
    assert!(
        link("database chapter").contains("runbooksdatabases"),
        "{}",
        link("database chapter")
    );
    assert!(
        link("runbooks").ends_with("#f-engineeringrunbooks"),
        "{}",
        link("runbooks")
    );
    // What is not here still leads where it did.
    assert_eq!(
        link("Decommission a host"),
        "https://wiki.harrow.example/books/runbooks/page/decommission-a-host"
    );
    assert!(link("demo").starts_with("https://demo.bookstackapp.com/"));
    check_all_links(&book.out(), &["404.html"]);
}
