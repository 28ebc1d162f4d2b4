//! Leftovers of earlier trial rounds, seventh pass: what a reader of a page converted
//! from Confluence still met (the fixture `left7-confluence`: code macros as Confluence's
//! REST API returns them, on one line or pretty-printed, mentions by user key, user name
//! and account id, emoticons old and new, dates), in our own words.

use crate::harness::{TestBook, sel, texts};

/// Before, a `code` or `noformat` macro showed its tags as text and no code at all (the
/// CDATA section is raw HTML to CommonMark, which the sanitizer drops); a mention was
/// markup, an emoticon its tag, a date nothing. Now each macro is a code block,
/// highlighted in its language and escaped once, a mention shows the name, an emoticon
/// its character and a date the date; lines stay where they were.
#[test]
fn confluence_code_macros_mentions_emoticons_and_dates_are_drawn() {
    let book = TestBook::fixture("left7-confluence");
    let run = book.build();
    run.success()
        .stderr_has("Old-runbook.md:6")
        .stderr_has("<ac:structured-macro ac:name=\"code\">")
        .stderr_lacks("error[");
    // The one macro left as written is the one reported.
    assert_eq!(
        run.stderr.matches("warning[template-leftover]").count(),
        1,
        "{}",
        run.stderr
    );
    let page = book.html("platform/Rolling-back-a-deploy_51230.html");
    // As written, line breaks and all.
    let blocks: Vec<String> = page
        .select(&sel(".prose pre"))
        .map(|e| e.text().collect())
        .collect();
    assert_eq!(blocks.len(), 3, "{blocks:?}");
    assert!(
        blocks[0].contains("rollout undo deploy/api && echo \"<done>\"\nkubectl"),
        "{}",
        blocks[0]
    );
    assert!(
        blocks[0].contains("--timeout={{ timeout }}"),
        "{}",
        blocks[0]
    );
    assert!(blocks[1].starts_with("// Keep it cheap"), "{}", blocks[1]);
    assert!(
        blocks[1].contains("queue.size() < 10_000;"),
        "{}",
        blocks[1]
    );
    assert!(blocks[1].contains("<!-- not a comment"), "{}", blocks[1]);
    assert_eq!(
        blocks[2].trim_end(),
        "deployment \"api\" successfully rolled out"
    );
    // Highlighted as a fenced block in its language is, escaped once.
    let html = book.output_file("platform/Rolling-back-a-deploy_51230.html");
    assert!(html.contains("&lt;done&gt;"), "not escaped");
    assert!(!html.contains("&amp;lt;"), "escaped twice");
    let classes: Vec<_> = page
        .select(&sel(".prose pre code"))
        .filter_map(|c| c.value().attr("class"))
        .collect();
    assert!(classes.iter().any(|c| c.contains("bash")), "{classes:?}");
    assert!(classes.iter().any(|c| c.contains("java")), "{classes:?}");
    assert!(page.select(&sel(".prose pre [class^=hl-]")).count() > 0);

    let main = texts(&page, "main").concat();
    let shown = texts(&page, ".prose pre")
        .iter()
        .fold(main, |m, b| m.replace(b.as_str(), ""));
    for gone in ["ac:", "ri:", "CDATA", "]]>", "<span"] {
        assert!(!shown.contains(gone), "{gone} shown in {shown}");
    }
    let words = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    for said in [
        "Owner: Priya Natarajan, reviewed with @okowalski on 2024-03-05.",
        "Questions go to a Confluence user.",
        "Checks ✅",
        "back under 1% ✅.",
        "the schema ⚠️: ask",
        "in one step: make undo ENV=`cat .env`, then check",
    ] {
        assert!(words.contains(said), "{said:?} not in {words}");
    }
    assert!(
        texts(&page, ".prose p code").contains(&"make undo ENV=`cat .env`".to_string()),
        "{:?}",
        texts(&page, ".prose p code")
    );

    // A macro with no line of its own for a fence stays as written, and was reported.
    let old = texts(&book.html("platform/Old-runbook.html"), "main").concat();
    assert!(old.contains("ac:name=\"code\""), "{old}");
}

