//! Trial round 19: team wikis whose pages come out of the wiki as Markdown: Outline's
//! export (a folder per collection, `/doc/<slug>-<id>` links, `:::info` notices), Joplin's
//! "Markdown + Front Matter" export (a folder per notebook, `_resources/`), HedgeDoc
//! (and HackMD) notes, and a Wiki.js git storage repository. Each fixture is shaped like
//! such an export once its pages are in `content/`.

use crate::harness::{TestBook, hrefs, texts};

/// Outline's links between documents, `/doc/<title as a slug>-<id>`, reach the exported
/// file of that title (a `#heading` kept), from any folder, instead of failing the build.
#[test]
fn outline_document_addresses_reach_the_exported_pages() {
    let book = TestBook::fixture("outline");
    book.build()
        .success()
        .stderr_lacks("broken-link")
        .stderr_lacks("warning[");
    let home = book.html("field-support.html");
    assert_eq!(
        hrefs(&home, "main .prose a"),
        [
            "field-support/shift-handover.html",
            "field-support/scanner-outage-runbook.html#first-ten-minutes"
        ]
    );
    let weekend = book.html("field-support/shift-handover/weekend-cover.html");
    assert_eq!(
        hrefs(&weekend, "main .prose a"),
        ["../../field-support/shift-handover.html"]
    );
    let handover = book.html("field-support/shift-handover.html");
    assert_eq!(
        texts(&handover, "main blockquote.markdown-alert-note > p"),
        [
            "Note",
            "Write the handover before you leave the depot, not on the drive home."
        ]
    );
}

/// A `/doc/` address of a document the export does not hold is still a broken link, and
/// one without Outline's id is read as any other path.
#[test]
fn outline_addresses_of_missing_documents_stay_broken() {
    let book = TestBook::fixture("outline");
    book.write(
        "content/Field Support/Old notes.md",
        "# Old notes\n\nSee [the archive](/doc/archived-scanner-notes-Zz9Yy8Xx7W) and \
         [the gateway](/doc/shift-handover).\n",
    );
    book.build()
        .failure(1)
        .stderr_has("link to `/doc/archived-scanner-notes-Zz9Yy8Xx7W`: no such file")
        .stderr_has("link to `/doc/shift-handover`: no such file");
}

/// Joplin's "Markdown + Front Matter" export writes where a note was made, the page it was
/// clipped from and a to-do's state: no unknown-key warning for any of them.
#[test]
fn joplin_front_matter_keys_are_known() {
    let book = TestBook::fixture("joplin");
    book.build()
        .success()
        .stderr_lacks("unknown-key")
        .stderr_lacks("warning[");
    let note = book.html("depot-ops/Rituals/morning-standup.html");
    assert_eq!(texts(&note, "h1"), ["Morning standup"]);
    assert!(
        note.html().contains("../../_resources/bay-board.png"),
        "the note's image is published where the export put it"
    );
}
