//! BookStack's Markdown exports (`bookstack-chapters`, from adamzvolanek/DevRackDocs): the ids
//! BookStack numbers when a page repeats one (`#bkmrk-transcoding-1`), counted over every block
//! of the page as BookStack counts them, and its relative address of a page (`../page/<page>`)
//! written in a chapter, naming a page elsewhere in the book.

use crate::harness::TestBook;
use crate::moving_in::links_with_text;

/// Each link in the prose of `rel`: its `href` and its text.
fn hrefs(book: &TestBook, rel: &str) -> Vec<(String, String)> {
    links_with_text(&book.html(rel), ".prose a[href]")
}

/// The `href` of the link whose text is `text`.
fn href<'a>(links: &'a [(String, String)], text: &str) -> &'a str {
    links
        .iter()
        .find(|(_, t)| t == text)
        .map(|(h, _)| h.as_str())
        .unwrap_or_else(|| panic!("no link {text:?} in {links:?}"))
}

/// Before, a link to a BookStack id with BookStack's counter (`#bkmrk-transcoding-1`, the
/// second heading "Transcoding" of jellyfin's page) missed every heading, a
/// `missing-anchor` warning; and one that BookStack gave a list (`#bkmrk-hardware-acceleratio`,
/// the list "Hardware Acceleration: Intel QSV …") reached the heading "Hardware
/// acceleration" below, which BookStack numbered `-1` because the list had the id first.
/// Now the page's blocks are counted as BookStack counts them: a numbered id reaches its
/// heading, one of a paragraph or list the heading above it (the page's top before any
/// heading), in a relative address and in the old wiki's full one alike; an id that no
/// block has (a third "Transcoding") keeps its warning.
#[test]
fn bookstack_numbered_ids_reach_the_block_bookstack_gave_them() {
    let book = TestBook::fixture("bookstack-chapters");
    let run = book.build();
    run.success()
        .stderr_lacks("`#bkmrk-transcoding-1`")
        .stderr_lacks("hardware-acceleratio-1`")
        .stderr_lacks("`#bkmrk-this-page-covers-the`")
        .stderr_has("`#bkmrk-transcoding-2` does not match any heading");
    assert_eq!(
        run.stderr.matches("warning[missing-anchor]").count(),
        1,
        "{}",
        run.stderr
    );
    let links = hrefs(&book, "docker-stacks/jelly/jellyseerr.html");
    let jellyfin = "../../docker-stacks/jelly/jellyfin.html";
    for (text, fragment) in [
        ("its second transcoding section", "#transcoding-1"),
        ("the first", "#transcoding"),
        (
            "hardware acceleration for trickplay",
            "#hardware-acceleration",
        ),
        ("the old wiki", "#hardware-acceleration"),
        // The list under the first "Transcoding" had `bkmrk-hardware-acceleratio`.
        ("the transcoding one", "#transcoding"),
        // The page's first paragraph, above every heading: the page's top.
        ("what the page is for", ""),
        ("a third transcoding section", "#bkmrk-transcoding-2"),
    ] {
        assert_eq!(
            href(&links, text),
            format!("{jellyfin}{fragment}"),
            "{text}"
        );
    }
    // Each reaches a heading the page has.
    let page = book.html("docker-stacks/jelly/jellyfin.html");
    let ids: Vec<String> = page
        .select(&crate::harness::sel(".prose [id]"))
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect();
    for id in ["transcoding", "transcoding-1", "hardware-acceleration"] {
        assert!(ids.iter().any(|i| i == id), "{id} not among {ids:?}");
    }
}

/// Before, BookStack's relative address of a page (`../page/radarr`, as BookStack writes a
/// link within a book) was looked for in the linking page's folder only: from a page in a
/// chapter (`jelly/`) to a page at the book's top (`nginx-proxy-manager`) or in another
/// chapter (`arrs/radarr`), a `broken-link` warning. Now it is the page of that slug in the
/// book, the chapter's parent folder: in the linking page's own folder first, else the one
/// page of that slug in the book's top folder or its chapters. Two pages of that slug in
/// other chapters (jellyseerr's, in `arrs/` and `jelly/`) are BookStack's two slugs for
/// them, one of them numbered, which the export does not say: a `broken-link` naming both.
#[test]
fn bookstack_relative_page_address_reaches_a_page_elsewhere_in_the_book() {
    let book = TestBook::fixture("bookstack-chapters");
    let run = book.build();
    run.success()
        .stderr_lacks("`../page/nginx-proxy-manager`")
        .stderr_lacks("`../page/radarr`")
        .stderr_has("warning[broken-link]: link to `../page/jellyseerr`")
        .stderr_has("filebrowser.md:10:")
        .stderr_has("docker-stacks/arrs/jellyseerr.md")
        .stderr_has("docker-stacks/jelly/jellyseerr.md");
    assert_eq!(
        run.stderr.matches("warning[broken-link]").count(),
        1,
        "{}",
        run.stderr
    );
    let links = hrefs(&book, "docker-stacks/jelly/jellyseerr.html");
    assert_eq!(
        href(&links, "Nginx configured"),
        "../../docker-stacks/nginx-proxy-manager.html"
    );
    assert_eq!(
        href(&links, "radarr"),
        "../../docker-stacks/arrs/radarr.html"
    );
    assert_eq!(
        href(&links, "Standard"),
        "../../docker-stacks/arrs/radarr.html#quality-profiles"
    );
    // The second "Give HEVC a score …" paragraph: the heading above it.
    assert_eq!(
        href(&links, "radarr says"),
        "../../docker-stacks/arrs/radarr.html#quality-profiles"
    );
    // The chapter's own page of that slug, not the other chapter's.
    let family = hrefs(&book, "docker-stacks/arrs/arr-family.html");
    assert_eq!(
        href(&family, "jellyseerr"),
        "../../docker-stacks/arrs/jellyseerr.html"
    );
    // Two chapters have one: no guess.
    let files = hrefs(&book, "docker-stacks/cloud/filebrowser.html");
    assert!(
        files.iter().all(|(_, text)| text != "jellyseerr"),
        "{files:?}"
    );
}
