//! Leftovers of earlier trial rounds, thirteenth pass: `import adr` reads a record's
//! headings as CommonMark does (pulldown-cmark), so a `#` line in code the old line reader
//! did not see as code stays code (`left13-adr-code-in-lists`, adr-tools' own records).

use crate::harness::{TestBook, texts};
use crate::import::{builds_clean, decision_page, fresh, import, path_str, records};

/// Before, a fenced block opened on a list item's line (`- ```sh`) was not code to the
/// importer's line reader: its `# a normal comment` was a level-1 heading, so every heading
/// of the record moved one level down, that comment too (`## a normal comment`, in the
/// code), and `## usage: adr list` was a section. Now the headings are pulldown-cmark's:
/// the block is code, the record keeps its `##` sections, the code stays as written.
#[test]
fn import_adr_reads_no_heading_in_a_code_block_of_a_list_item() {
    let source = TestBook::fixture("left13-adr-code-in-lists");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("doc/adr"))])
        .success()
        .stderr_has("Imported 3 decision(s)");
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
}
