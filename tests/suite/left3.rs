//! Leftovers of the session note on HedgeDoc, Outline, awesome-pages, Writerside, DocFX,
//! Retype and MyST: what files organisations already have and a real user would still
//! stumble on. Each test starts from that generator's fixture (tests/fixtures/) and adds
//! the files it needs, in the shape those tools write them.

use crate::harness::{TestBook, hrefs, texts};

/// DocFX's `<xref>` written in capitals or mixed case is the same tag (HTML tag names are
/// case-blind): a link to the page with that uid, and no warning about an unknown
/// component.
#[test]
fn left3_upper_case_xref_tags_are_links_without_a_leftover_warning() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/team/hiring.md",
        "---\nuid: hiring\n---\n\n# Hiring loop\n\n\
         Before a panel, read the <XREF href=\"incidents\">write-ups</XREF> and the \
         <Xref href=\"release-train\"/>.\n\n<XREF href=\"oncall-rota\"/>\n",
    );
    book.build()
        .success()
        .stderr_lacks("template-leftover")
        .stderr_lacks("<XREF>");
    let page = book.html("team/hiring.html");
    assert_eq!(
        hrefs(&page, "main p a"),
        [
            "../ops/incidents.html",
            "../ops/release-train.html",
            "../ops/oncall-rota.html"
        ]
    );
    assert_eq!(texts(&page, "main p a")[0], "write-ups");
}
