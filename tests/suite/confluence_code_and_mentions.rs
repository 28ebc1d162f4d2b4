//! What a reader of a page converted from Confluence still met (the fixture
//! `confluence-code-macros`: code macros as Confluence's REST API returns them, on one line or
//! pretty-printed, mentions by user key, user name and account id, emoticons old and new,
//! dates), in our own words.

use crate::harness::{TestBook, files_under, sel, texts};

/// Before, a `code` or `noformat` macro showed its tags as text and its code run into a
/// paragraph, the first line gone (`<![CDATA[` opens raw HTML to CommonMark, which the
/// sanitizer drops; a one-line macro lost all of it); a mention was
/// markup, an emoticon its tag, a date nothing. Now each macro is a code block,
/// highlighted in its language and escaped once, a mention shows the name, an emoticon
/// its character and a date the date; lines stay where they were.
#[test]
fn confluence_code_macros_mentions_emoticons_and_dates_are_drawn() {
    let book = TestBook::fixture("confluence-code-macros");
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

/// A Logseq graph moved in whole: its `logseq/config.edn` hides a folder of archived pages
/// and a draft (`:hidden`, after Logseq's own commented-out example of it). Before, both
/// were published like any page (in the index, found by search); now neither is, and one note
/// says why for each.
#[test]
fn what_a_logseq_graph_hides_is_not_published() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/graph/pages/Onboarding.md",
        "- First week\n\t- Pair with your buddy on a real ticket.\n- Read [[Release train]]\n",
    )
    .write(
        "content/graph/pages/Release train.md",
        "- A release leaves every second Tuesday.\n",
    )
    .write(
        "content/graph/pages/Salary bands draft.md",
        "- Band 3 tops out at the figure nobody may read yet.\n",
    )
    .write(
        "content/graph/archived/pages/Old rota.md",
        "- Ingrid covers the weekend pager until March.\n",
    )
    .write(
        "content/graph/logseq/config.edn",
        "{:meta/version 1\n :preferred-format \"Markdown\"\n\n ;; The app will ignore those directories or files.\n ;; E.g. :hidden [\"/archived\" \"/test.md\" \"../assets/archived\"]\n :hidden [\"/archived\" \"/pages/Salary bands draft.md\"]\n\n :journal/page-title-format \"MMM do, yyyy\"\n :journal/file-name-format \"yyyy_MM_dd\"}\n",
    );
    book.build()
        .success()
        .stderr_has("content/graph/archived")
        .stderr_has("content/graph/pages/Salary bands draft.md")
        .stderr_has(":hidden");
    let out = book.out();
    assert!(out.join("graph/pages/Onboarding.html").exists());
    for file in files_under(&out) {
        let text = std::fs::read(out.join(&file)).unwrap_or_default();
        let text = String::from_utf8_lossy(&text);
        for secret in ["the figure nobody may read", "Ingrid covers"] {
            assert!(!text.contains(secret), "{secret:?} published in {file}");
        }
        assert!(!file.contains("archived"), "{file} published");
    }
}
