//! `import adr` reads a record's headings as CommonMark does (pulldown-cmark), so a `#` line in
//! code the old line reader did not see as code stays code (`adr-code-in-lists`, adr-tools' own
//! records); Confluence's one-line code in a panel, and code too long for its macro's bytes, is
//! a `<code>` element in a block of HTML (`confluence-code-in-panels`).

use crate::harness::{TestBook, texts};
use crate::import::{builds_clean, decision_page, fresh, import, path_str, records};

/// Before, a fenced block opened on a list item's line (`- ```sh`) was not code to the
/// importer's line reader: its `# a normal comment` was a level-1 heading, so every heading
/// of the record moved one level down, that comment too (`## a normal comment`, in the
/// code), and `## usage: adr list` was a section. Now the headings are pulldown-cmark's:
/// the block is code, the record keeps its `##` sections, the code stays as written.
#[test]
fn import_adr_reads_no_heading_in_a_code_block_of_a_list_item() {
    let source = TestBook::fixture("adr-code-in-lists");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("doc/adr"))])
        .success()
        .stderr_has("Imported 3 decisions");
    let rs = records(&book);
    let body = &rs[&5].body;
    assert!(
        body.contains("- ```sh\n  # a normal comment, for whoever reads the script\n  ```\n"),
        "{body}"
    );
    assert!(
        body.contains("  ## usage: adr list\n  ##\n  ## Lists the architecture decision records\n"),
        "{body}"
    );
    assert!(body.trim_start().starts_with("## Context\n"), "{body}");
    assert!(body.contains("\n## Decision\n"), "{body}");
    assert!(body.contains("\n## Consequences\n"), "{body}");
    assert!(!body.contains("###"), "{body}");
    builds_clean(&book);
    let page = decision_page(&book, &rs[&5]);
    assert_eq!(
        texts(&page, ".prose h2"),
        ["Context", "Decision", "Consequences"]
    );
    let code = texts(&page, ".prose li pre code");
    assert_eq!(code.len(), 2, "{code:?}");
    assert!(code[0].starts_with("# a normal comment"), "{code:?}");
    // One such block alone (record 9): the line reader's fence mask paired its closing
    // fence with nothing and hid every heading after it; the sections stay.
    let body = &rs[&9].body;
    assert!(
        body.contains(
            "- ```sh\n  # what `adr help new` runs\n  _adr_help_new\n  ```\n\n## Consequences\n"
        ),
        "{body}"
    );
    assert!(!body.contains("###"), "{body}");
    let page = decision_page(&book, &rs[&9]);
    assert_eq!(
        texts(&page, ".prose h2"),
        ["Context", "Decision", "Consequences"]
    );
}

/// The code of the keys the fixture's page writes in a `code` macro, outside a panel and in
/// one: too many punctuation marks for its character references to fit in the macro's bytes.
const PLIST_KEYS: &str = "<key>StandardOutPath</key><string>/var/log/jenkins/jenkins.log</string><key>StandardErrorPath</key><string>/var/log/jenkins/jenkins.log</string><key>KeepAlive</key><true/><key>RunAtLoad</key><true/>";

/// Before, a one-line `code` macro in a panel's body (an `info` macro's paragraphs, each a
/// command) was shown as written, `<ac:structured-macro …>` and all: the `<code>` element
/// the dialect writes for one outside a panel was not written inside one. Now it is.
#[test]
fn a_confluence_code_macro_in_a_panel_is_code() {
    let book = TestBook::fixture("confluence-code-in-panels");
    book.build().success();
    let page = book.html("platform/Jenkins-does-not-start_80001.html");
    // The panels' bodies, each a `<div>` (each in its callout).
    let info = texts(&page, ".prose div p code");
    assert_eq!(
        info[..2],
        [
            "sudo mkdir /var/log/jenkins",
            "sudo chown jenkins:jenkins jenkins"
        ],
        "{}",
        page.html()
    );
    let prose = texts(&page, ".prose").concat();
    assert!(!prose.contains("ac:structured-macro"), "{prose}");
    assert!(!prose.contains("CDATA"), "{prose}");
}

/// Before, code whose character references do not fit in its macro's bytes was written as
/// a code span, which a paragraph exported as HTML does not read: the page showed the
/// backticks (and took the code's `<key>` for tags); in a panel it was shown as written.
/// Now the renderer writes the `<code>` element into the page in the code span's place,
/// in a paragraph of HTML and in a panel alike.
#[test]
fn confluence_code_too_long_for_its_macro_is_still_code_in_html() {
    let book = TestBook::fixture("confluence-code-in-panels");
    book.build().success();
    let page = book.html("platform/Jenkins-does-not-start_80001.html");
    let codes = texts(&page, ".prose p code");
    assert!(
        codes.iter().any(|c| c == PLIST_KEYS),
        "{codes:?}\n{}",
        page.html()
    );
    // The `tip` panel's body, a `<div>`, after the `info` panel's.
    let tip = texts(&page, ".prose div p code");
    assert_eq!(
        tip.get(2..),
        Some(&[PLIST_KEYS.to_string()][..]),
        "{}",
        page.html()
    );
    let prose = texts(&page, ".prose").concat();
    assert!(!prose.contains('`'), "{prose}");
    assert!(!prose.contains("ac:structured-macro"), "{prose}");
}
