//! A docs site moved into a folder of the handbook: a team that published its operations
//! docs as a site of its own moves them under `content/teams/<team>/docs/`, and their
//! pages still link each other from that site's root (`/runbooks/cache-flush.md`).

use crate::harness::*;

/// Before, every such link was a broken-link error (12 in the fixture) and the build
/// failed. Now a link from the top that names nothing under `content/` is read from the
/// folders holding the page, so each leads to the moved site's page, anchor kept, and
/// an image to its file; a link the handbook itself has from the top stays the
/// handbook's.
#[test]
fn links_from_a_moved_sites_root_lead_to_its_pages() {
    let book = TestBook::fixture("nested-docs-site");
    book.build()
        .success()
        .stderr_lacks("broken-link")
        .stderr_lacks("warning[");
    check_all_links(&book.out(), &["404.html"]);
    // Pages link through the site's root, relative to the page: up to it, then down.
    let (up3, up4) = ("../".repeat(3), "../".repeat(4));

    let valkey = book.html("teams/platform/docs/services/valkey.html");
    assert_eq!(
        href_of(&valkey, "auth service"),
        format!("{up4}teams/platform/docs/services/auth-service.html")
    );
    assert_eq!(
        href_of(&valkey, "cache flush"),
        format!("{up4}teams/platform/docs/runbooks/cache-flush.html")
    );
    assert_eq!(
        href_of(&valkey, "the May stampede"),
        format!("{up4}teams/platform/docs/incidents/2026-05-cache-stampede.html#timeline")
    );
    let auth = book.html("teams/platform/docs/services/auth-service.html");
    assert_eq!(
        href_of(&auth, "Valkey"),
        format!("{up4}teams/platform/docs/services/valkey.html")
    );

    let home = book.html("teams/platform/docs/index.html");
    assert_eq!(
        href_of(&home, "Services"),
        format!("{up3}teams/platform/docs/services/valkey.html")
    );
    assert_eq!(
        href_of(&home, "Runbooks"),
        format!("{up3}teams/platform/docs/runbooks/index.html")
    );
    // The handbook has `/glossary.md` from its own top: that one, not a guess below.
    assert_eq!(href_of(&home, "glossary"), format!("{up3}glossary.html"));

    let flush = book.html("teams/platform/docs/runbooks/cache-flush.html");
    assert_eq!(
        href_of(&flush, "auth service"),
        format!("{up4}teams/platform/docs/services/auth-service.html#sessions")
    );
    let images: Vec<String> = flush
        .select(&sel(".prose img"))
        .filter_map(|img| img.value().attr("src").map(str::to_string))
        .collect();
    assert_eq!(
        images,
        [format!("{up4}teams/platform/docs/img/flush-order.png")]
    );
    assert!(
        book.out()
            .join("teams/platform/docs/img/flush-order.png")
            .is_file()
    );
}

/// When two folders above the page have what the link names, it is not guessed: a
/// broken link naming both, and what to write instead.
#[test]
fn a_root_link_two_enclosing_folders_have_is_reported_with_both() {
    let book = TestBook::fixture("nested-docs-site");
    book.write("content/teams/platform/notes.md", "# Team notes\n")
        .write("content/teams/platform/docs/notes.md", "# Ops notes\n")
        .edit(
            "content/teams/platform/docs/services/valkey.md",
            "Caches session",
            "See [notes](/notes.md). Caches session",
        );
    book.build()
        .failure(1)
        .stderr_has("error[broken-link]: link to `/notes.md` could mean")
        .stderr_has("content/teams/platform/docs/notes.md")
        .stderr_has("content/teams/platform/notes.md")
        .stderr_has("valkey.md:7:");
}
