//! A Docusaurus docs site moved in names its files in Docusaurus's own ways —
//! `pathname:///files/a.pdf` (a path on the site), `@site/static/img/a.png` (a file of its
//! `static/`, published at the site's root) and HTML tags whose attributes are JSX expressions
//! (`require('./assets/a.png').default`, `useBaseUrl('/img/a.png')`, style objects). Each link
//! and picture leads to the published file (`docusaurus-assets`).

use crate::harness::{TestBook, check_all_links, hrefs, sel};

/// The `src` of every picture in the page's prose.
fn srcs(page: &scraper::Html) -> Vec<String> {
    page.select(&sel(".prose img"))
        .filter_map(|e| e.value().attr("src").map(str::to_string))
        .collect()
}

/// Before, `pathname:///…` was written into the page as it is (a dead link), `@site/static/…`
/// failed the build as a broken link, and every tag with a `{…}` attribute was shown as
/// escaped text. Now each is the relative path to the published file, which is there, the
/// picture imported by a name shorter than its path too (`mdx_pages`).
#[test]
fn docusaurus_names_for_files_lead_to_the_published_files() {
    let book = TestBook::fixture("docusaurus-assets");
    let run = book.build();
    run.success()
        .stderr_lacks("broken-link")
        .stderr_lacks("content/tools/packet-viewer.md")
        .stderr_lacks("content/integrations/graph-security.md")
        .stderr_lacks("content/guides/assets.mdx")
        .stderr_has("with 0 warnings");
    check_all_links(&book.out(), &["404.html"]);

    let out = book.out();
    let viewer = book.html("tools/packet-viewer.html");
    assert_eq!(
        srcs(&viewer),
        [
            "../img/packet_viewer/packet_viewer.png",
            "../img/packet_viewer/file_menu.png",
            "../img/packet_viewer/view_menu.png",
            "../img/packet_viewer/temp1_details.png",
        ]
    );
    assert_eq!(
        hrefs(&viewer, ".prose p a"),
        ["../files/operator-guide.pdf", "../files/operator-guide.pdf"]
    );
    let guide = book.html("guides/assets.html");
    assert_eq!(
        srcs(&guide),
        [
            "../guides/assets/diagram.png",
            "../guides/assets/diagram.png",
            "../img/graph-logo.png",
            "../guides/assets/station-logo-for-the-dark-theme.png",
        ]
    );
    assert_eq!(
        hrefs(&guide, ".prose a:not(.h-anchor)"),
        [
            "../guides/assets/checklist.docx",
            "../guides/assets/checklist.docx"
        ]
    );
    let graph = book.html("integrations/graph-security.html");
    assert_eq!(srcs(&graph), ["../img/graph-logo.png", "../img/keytar.svg"]);
    assert_eq!(hrefs(&graph, ".prose p a"), ["../files/operator-guide.pdf"]);
    for (page, from) in [
        ("tools/packet-viewer.html", "tools"),
        ("guides/assets.html", "guides"),
        ("integrations/graph-security.html", "integrations"),
    ] {
        let raw = book.output_file(page);
        for tag in [
            "&lt;img",
            "&lt;a",
            "pathname:",
            "@site",
            "require(",
            "useBaseUrl",
            "style=",
        ] {
            assert!(!raw.contains(tag), "{page} shows {tag}");
        }
        let html = book.html(page);
        for url in srcs(&html)
            .into_iter()
            .chain(hrefs(&html, ".prose a:not(.h-anchor)"))
        {
            assert!(out.join(from).join(&url).is_file(), "{page}: {url}");
        }
    }
}

/// `@site/` outside `static/` and the docs names no file of the site for certain: a broken
/// link that says what `@site` is and what to write. `@site/docs/…` is a page (content/).
#[test]
fn other_site_paths_are_reported_with_what_site_means() {
    let book = TestBook::fixture("docusaurus-assets");
    book.write(
        "content/guides/more.md",
        "---\ntitle: More\n---\n\nSee [the viewer](@site/docs/tools/packet-viewer.md) and [a component](@site/src/components/Card.js).\n",
    );
    let run = book.build();
    run.failure(1)
        .stderr_has("error[broken-link]: link to `@site/src/components/Card.js`: `@site` is the Docusaurus site's folder")
        .stderr_has("content/guides/more.md:5:57")
        .stderr_has("help: link a file of static/ from the site's root");
    book.edit(
        "content/guides/more.md",
        " and [a component](@site/src/components/Card.js)",
        "",
    );
    book.build().success();
    let more = book.html("guides/more.html");
    assert_eq!(hrefs(&more, ".prose a"), ["../tools/packet-viewer.html"]);
}
