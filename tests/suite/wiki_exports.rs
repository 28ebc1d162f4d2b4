//! Team wikis whose pages come out of the wiki as Markdown: Outline's
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
        .stderr_has(
            "link to `/doc/archived-scanner-notes-Zz9Yy8Xx7W`: an Outline document that no page \
             here is named after (`archived-scanner-notes`)",
        )
        .stderr_has("export the collection that holds it too")
        .stderr_has("link to `/doc/shift-handover`: no such file");
}

/// A note's link Joplin kept as its id (`:/` and 32 hex digits: the note or resource was
/// not exported with it) says so, and how to export it, instead of suggesting a path.
#[test]
fn a_joplin_id_link_says_what_it_is() {
    let book = TestBook::fixture("joplin");
    book.write(
        "content/Depot Ops/Rituals/Retro.md",
        "# Retro\n\nSee [the standup](:/0123456789abcdef0123456789abcdef).\n",
    );
    book.build()
        .failure(1)
        .stderr_has(
            "link to `:/0123456789abcdef0123456789abcdef`: a Joplin note or resource by its \
             id, which only Joplin resolves",
        )
        .stderr_has("resources in `_resources/`")
        .stderr_lacks("../teams/payments.md");
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

/// HedgeDoc's (and HackMD's) embeds are links to what they embed, not template syntax
/// shown as written with a warning each; in code they stay code.
#[test]
fn hedgedoc_embeds_are_links_to_what_they_embed() {
    let book = TestBook::fixture("hedgedoc");
    book.build()
        .success()
        .stderr_lacks("template-leftover")
        .stderr_lacks("warning[");
    let note = book.html("notes/sprint-retro.html");
    let links: Vec<String> = hrefs(&note, "main .prose a")
        .into_iter()
        .filter(|h| h.starts_with("https://"))
        .collect();
    assert_eq!(
        links,
        [
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://gist.github.com/tramline-dev/8c1f2e",
            "https://files.tramline.example/sprint-14-demo.pdf"
        ]
    );
    let prose = texts(&note, "main .prose p, main .prose li").join("\n");
    assert!(!prose.contains("{%"), "{prose}");
    let code = texts(&note, "main .prose pre").concat();
    assert!(
        code.contains("\"{%youtube dQw4w9WgXcQ %}\"") && code.contains("==expected=="),
        "{code}"
    );
}

/// `==text==` (HedgeDoc, HackMD, Joplin, Outline, Obsidian) is highlighted, also where
/// the handbook escapes raw HTML (the author wrote none); `a == b` and code stay text.
#[test]
fn highlights_are_marked_whatever_the_raw_html_policy() {
    for policy in ["sanitize", "escape"] {
        let book = TestBook::fixture("hedgedoc");
        book.write(
            "orgbook.toml",
            &format!("title = \"Tramline Team Notes\"\n\n[markdown]\nraw_html = \"{policy}\"\n"),
        );
        book.build().success();
        let note = book.html("notes/sprint-retro.html");
        assert_eq!(
            texts(&note, "main .prose mark"),
            ["riders saw live arrival times"],
            "{policy}"
        );
        let prose = texts(&note, "main .prose").concat();
        assert!(
            !prose.contains("==riders") && !prose.contains("<mark>"),
            "{policy}: {prose}"
        );
        assert!(prose.contains("a == b"), "{policy}");
    }
}

/// In a Wiki.js git storage repository, `orgbook init` makes Wiki.js's `home.md` the home
/// page (titled by its heading: Wiki.js's "Untitled Page" names nothing) and leaves the
/// repository's README out of the pages to move, where it moved the README in as the
/// home page and published the wiki's home as a page called "Untitled Page"; nor is the
/// home page itself called so.
#[test]
fn init_in_a_wiki_js_storage_keeps_its_home_page() {
    let book = TestBook::fixture("wikijs");
    let run = book.run(&["init", "."]);
    run.success()
        .stderr_has("\"Harbour Lab Wiki\"")
        .stderr_has("and home.md its home page")
        .stderr_has("mv guides home.md images content/");
    assert!(!run.stderr.contains("README"), "{}", run.stderr);
    std::fs::create_dir(book.root().join("content")).unwrap();
    for top in ["guides", "home.md", "images"] {
        std::fs::rename(book.root().join(top), book.root().join("content").join(top)).unwrap();
    }
    book.build().success().stderr_lacks("warning[");
    let home = book.html("index.html");
    assert_eq!(texts(&home, ".brand"), ["Harbour Lab Wiki"]);
    let title = texts(&home, "title").concat();
    assert!(!title.contains("Untitled"), "{title}");
    assert_eq!(hrefs(&home, "main .prose a"), ["guides/vpn.html"]);
    let vpn = book.html("guides/vpn.html");
    assert_eq!(
        texts(&vpn, "main blockquote.markdown-alert-warning > p"),
        [
            "Warning",
            "Ask for a token at the front desk before your first day at home."
        ]
    );
}
