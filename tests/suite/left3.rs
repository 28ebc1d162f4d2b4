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

/// A MyST label written twice, in another page or the same one, is a `duplicate-label`
/// warning at the second, naming where the first is; references reach the first, as in
/// Sphinx.
#[test]
fn left3_a_myst_label_defined_twice_is_reported_at_the_second() {
    let book = TestBook::fixture("sphinx-myst");
    book.write(
        "content/topics/proxies.md",
        "# Proxies\n\nSome offices reach the index through a proxy.\n\n\
         (SSL Certificate Verification)=\n## Proxies that inspect TLS\n\n\
         Point pip at the proxy's certificate bundle.\n\n\
         (proxy-settings)=\n## Settings\n\nSet `HTTPS_PROXY`.\n\n\
         (proxy-settings)=\n## More settings\n\nSee {ref}`proxy-settings`.\n",
    );
    book.build()
        .success()
        .stderr_has(
            "warning[duplicate-label]: the label `SSL Certificate Verification` is defined \
             already, at content/topics/https-certificates.md:5",
        )
        .stderr_has("--> content/topics/proxies.md:5:1")
        .stderr_has("the label `proxy-settings` is defined already, at line 10 of this page")
        .stderr_has("--> content/topics/proxies.md:15:1");
    let page = book.html("getting-started.html");
    assert!(
        hrefs(&page, "main a")
            .iter()
            .any(|h| h == "topics/https-certificates.html#https-certificates"),
        "{:?}",
        hrefs(&page, "main a")
    );
}
