//! Sites moved in from DocFX (a .NET organisation's docs: `uid` front matter, `xref:`
//! links, `toc.yml` navigation, `[!INCLUDE]`), Foam knowledge bases and VuePress sites.
//! Each fixture is shaped like such a repository once its pages are in `content/`.

use crate::harness::{TestBook, hrefs, texts};

/// DocFX names pages by the `uid` in their front matter, and links to them as
/// `xref:uid`: such a link reaches the page (a `#fragment` kept, DocFX's
/// `?displayProperty=` dropped, no text shows the page's title), `uid` is no unknown key,
/// and a uid no page has (an API's) is reported at its line and shown as text.
#[test]
fn docfx_xref_links_reach_the_page_with_that_uid() {
    let book = TestBook::fixture("docfx");
    book.build()
        .success()
        .stderr_lacks("unknown key `uid`")
        .stderr_has("`xref:Ferrybridge.Billing.Invoice` names no page")
        .stderr_has("content/index.md:12:3");
    let home = book.html("index.html");
    let links = hrefs(&home, ".prose a");
    assert!(
        links.contains(&"ops/release-train.html".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"ops/oncall-rota.html#escalation".to_string()),
        "{links:?}"
    );
    assert!(!links.iter().any(|l| l.contains("xref")), "{links:?}");
    let shown = texts(&home, ".prose li");
    assert!(
        shown.iter().any(|t| t.starts_with("On-call rota")),
        "{shown:?}"
    );
    assert!(shown.iter().any(|t| t == "The Invoice type"), "{shown:?}");
    let train = book.html("ops/release-train.html");
    assert_eq!(hrefs(&train, ".prose a"), ["../ops/oncall-rota.html"]);
}
