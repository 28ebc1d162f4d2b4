//! Files organisations already have. A Confluence space's checklists (`<ac:task-list>`, the
//! fixture `confluence-task-lists`), a wiki moved from BookStack and its links
//! (`bookstack-addresses`), and decision records and a log written as Y-statements
//! (`adr-ystatements`), in our own words.

use crate::harness::{TestBook, check_all_links, hrefs, sel, texts};
use crate::import::{builds_clean, by_title, decision_page, fresh, import, path_str, records};

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
    let book = TestBook::fixture("confluence-task-lists");
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
    let book = TestBook::fixture("bookstack-addresses");
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

/// Records written as Y-statements ("In the context of …, facing …, we decided for … and
/// neglected …, to achieve …, accepting …"). Before, the sentence was prose: a record with
/// no title heading was titled by its file name, a log's row by the whole sentence, and a
/// reader looked in vain for the decision, its context, the options weighed and the
/// consequences. Now each part is in the section a reader looks in (those the record
/// lacks), neglected options are considered options, a record or row with no other title
/// is titled by its decision, and the sentence stays as written.
#[test]
fn y_statements_become_the_sections_a_reader_looks_for() {
    let source = TestBook::fixture("adr-ystatements");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_has("Imported 5 decisions")
        .stderr_has("0002-backend-selection.md:4: no title but the file name's; the Y-statement's decision titles it: `Choose Supabase`")
        .stderr_has("0001-view-binding.md:12: a Y-statement; its parts are written below it as the record's Considered options, Consequences (the sentence stays as written)")
        .stderr_has("0003-heading-identifiers.md:10: a Y-statement; its parts are written below it as the record's Decision, Consequences (the sentence stays as written)")
        .stderr_has("decision-log.md:5: the decision is a Y-statement");
    let rs = records(&book);
    // "decided to": the decision is an action, and the record's own sections stay.
    let (_, binding) = by_title(&rs, "Bind views without annotation processing");
    let body = &binding.body;
    assert!(
        body.contains("we decided to use viewBinding and neglected dataBinding"),
        "{body}"
    );
    // It has a Decision and a Context of its own.
    assert_eq!(body.matches("## Decision").count(), 1, "{body}");
    assert_eq!(body.matches("## Context").count(), 1, "{body}");
    assert!(
        body.contains("## Considered options\n\n- use viewBinding (chosen)\n- dataBinding\n"),
        "{body}"
    );
    assert!(
        body.contains("## Consequences\n\n- Good: shortened build times\n"),
        "{body}"
    );
    assert!(!body.contains("Bad, accepted"), "{body}");

    // No title but the file name's; bold and italic parts, a line break inside "decided
    // for", "to make sure that", "because of".
    let (_, backend) = by_title(&rs, "Choose Supabase");
    let body = &backend.body;
    assert!(
        body.contains("In the context of **R8 rate tables"),
        "sentence as written: {body}"
    );
    assert!(
        body.contains(
            "## Decision\n\nWe decided for Supabase, because the team's knowledge of Postgres.\n"
        ),
        "{body}"
    );
    assert!(
        body.contains("- Supabase (chosen)\n- Appwrite\n- Firebase\n"),
        "{body}"
    );
    assert!(body.contains("- Good: the rate tables can be changed without a store review\n- Bad, accepted: free projects pause after 1 week of inactivity\n"), "{body}");
    assert!(body.contains("## Context\n\nIn the context of R8 rate tables must be updatable without an app release, facing we need a backend.\n"), "{body}");

    // A record with its own Context: that section is not written twice.
    let (_, headings) = by_title(&rs, "Automatic heading identifiers");
    let body = &headings.body;
    assert_eq!(headings.status, "accepted");
    assert!(
        body.contains("## Decision\n\nWe decided to sanitize the offending identifiers.\n"),
        "{body}"
    );
    assert!(
        body.contains("- Bad, accepted: a heading that would clobber gets no identifier"),
        "{body}"
    );
    assert_eq!(
        body.to_lowercase().matches("context\n-------").count()
            + body.matches("## Context").count(),
        1,
        "{body}"
    );

    // A log's row: titled by its decision, the sentence opening its body.
    let (_, snapshots) = by_title(&rs, "Choose incremental snapshots");
    let body = &snapshots.body;
    assert!(body.trim_start().starts_with("In the context of nightly exports, facing slow full dumps, we decided for incremental snapshots"), "{body}");
    assert!(
        body.contains("- incremental snapshots (chosen)\n- pg_dump\n"),
        "{body}"
    );
    assert_eq!(snapshots.date, "2024-05-02");
    by_title(&rs, "Keep Terraform state in one bucket per account");

    builds_clean(&book);
    let page = decision_page(&book, snapshots);
    let headings: Vec<String> = texts(&page, ".prose h2");
    for h in ["Context", "Decision", "Considered options", "Consequences"] {
        assert!(headings.iter().any(|x| x == h), "{h} not in {headings:?}");
    }
}
