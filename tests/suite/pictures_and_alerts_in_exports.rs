//! What orgbook still drew wrong on pages exported by Google Docs and
//! Confluence. GitHub alerts as Docs' Markdown export escapes them (the fixture
//! `gdocs-export`), pictures carried in raw HTML as `data:` URLs (`html-data-images`),
//! and a Confluence panel that opens in the middle of a line, with a mention in its body
//! (`confluence-html-links`).

use crate::harness::{TestBook, sel, texts};

/// The callouts of a page: each one's kind (its class), title and whole text.
pub(crate) fn callouts(page: &scraper::Html) -> Vec<(String, String, String)> {
    page.select(&sel(".prose blockquote[class*=\"markdown-alert-\"]"))
        .map(|q| {
            let class = q.value().attr("class").unwrap_or_default();
            let kind = class
                .split_whitespace()
                .find_map(|c| c.strip_prefix("markdown-alert-"))
                .unwrap_or_default()
                .to_string();
            let title = q
                .select(&sel("p"))
                .next()
                .map(|p| p.text().collect::<String>().trim().to_string())
                .unwrap_or_default();
            let text = q
                .text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            (kind, title, text)
        })
        .collect()
}

/// Before, Google Docs' Markdown export of a document that held GitHub alerts showed each
/// marker as text: `> \[\!NOTE\] The cold boot …` was a plain quote starting "[!NOTE]", and
/// a marker whose quote Docs lost (`\[\!NOTE\]` alone, or opening a paragraph) a paragraph
/// starting with it. Now each is the callout `> [!NOTE]` draws: in a quote (its marker
/// with the text on its line, or on a line of its own), around the paragraph it opens, or,
/// alone, around the block after it. A marker the author escaped by hand to show it
/// (`> \[!NOTE] …`) is still shown.
#[test]
fn alerts_a_google_docs_export_escaped_are_callouts() {
    let book = TestBook::fixture("gdocs-export");
    book.build().success();
    let report = book.html("handbook/cache-warmup-report.html");
    let drawn = callouts(&report);
    let kinds: Vec<(&str, &str)> = drawn
        .iter()
        .map(|(k, t, _)| (k.as_str(), t.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("note", "Note"),
            ("warning", "Warning"),
            ("important", "Important")
        ],
        "{}",
        report.html()
    );
    assert!(
        drawn[0]
            .2
            .ends_with("The first warm-up pulled onto node-a; the second landed on node-c and paid a second full pull of the same image."),
        "{drawn:?}"
    );
    assert!(
        drawn[1]
            .2
            .contains("A warm-up that misses the 05:00 window"),
        "{drawn:?}"
    );
    assert!(
        drawn[2].2.contains("After a cache miss, file the run"),
        "{drawn:?}"
    );
    assert_eq!(
        texts(
            &report,
            ".prose blockquote[class*=\"markdown-alert-important\"] strong"
        ),
        ["After a cache miss"]
    );
    let main = texts(&report, "main").concat();
    assert!(!main.contains("[!"), "a marker shown: {main}");
    // The marker alone in its paragraph, the quote lost: the paragraph after it.
    let incident = book.html("handbook/incident-review-process.html");
    let drawn = callouts(&incident);
    assert_eq!(drawn.len(), 1, "{drawn:?}");
    assert_eq!((drawn[0].0.as_str(), drawn[0].1.as_str()), ("note", "Note"));
    assert!(
        drawn[0]
            .2
            .contains("Reviews of security incidents follow the security process"),
        "{drawn:?}"
    );
    assert!(!texts(&incident, "main").concat().contains("[!NOTE]"));
    // A page of the handbook's own: its alert drawn, the marker its author escaped shown.
    let guide = book.html("handbook/writing-pages.html");
    let drawn = callouts(&guide);
    assert_eq!(drawn.len(), 1, "{drawn:?}");
    assert_eq!(drawn[0].0, "tip");
    let quotes = texts(&guide, ".prose blockquote:not([class])");
    assert_eq!(
        quotes,
        ["[!NOTE] is written on the line before the note's text."],
        "{}",
        guide.html()
    );
}

/// Before, a picture carried in raw HTML (`<img src="data:image/png;base64,…">`, as a
/// pasted README's logo or a converter's inline picture) stayed in the page: every view
/// downloaded it again inside the HTML. Now it is a file of the site, named and written
/// as a Markdown `data:` picture is (over 1 KiB encoded; an icon of a few bytes stays), and
/// the `<img>` keeps its other attributes. Under `raw_html = "escape"` the HTML is still
/// shown as text, and nothing is written.
#[test]
fn pictures_in_raw_html_are_files() {
    let book = TestBook::fixture("html-data-images");
    book.build()
        .success()
        .stderr_lacks("unsafe-url")
        .stderr_lacks("warning[");
    let out = book.out();
    let page = book.html("release-dashboard.html");
    let images: Vec<(String, String)> = page
        .select(&sel(".prose img"))
        .map(|i| {
            (
                i.value().attr("alt").unwrap_or_default().to_string(),
                i.value().attr("src").unwrap_or_default().to_string(),
            )
        })
        .collect();
    assert_eq!(images.len(), 3, "{images:?}");
    let source = book.read("content/release-dashboard.md");
    for (alt, src) in &images {
        if alt == "green" {
            assert!(src.starts_with("data:image/png;base64,"), "{alt}: {src}");
            continue;
        }
        assert!(
            src.starts_with("orgbook/images/") && src.ends_with(".png"),
            "{alt}: {src}"
        );
        let file = std::fs::read(out.join(src)).unwrap();
        assert!(file.starts_with(b"\x89PNG\r\n\x1a\n"), "{src} is no PNG");
        // The bytes the page carried.
        let start = source.find(&format!("alt=\"{alt}\"")).unwrap();
        let data = source[..start].rfind("base64,").unwrap() + "base64,".len();
        let encoded = &source[data..data + source[data..].find('"').unwrap()];
        assert_eq!(
            encoded.len() / 4 * 3 - encoded.matches('=').count(),
            file.len()
        );
    }
    let logo = page
        .select(&sel(".prose div a img"))
        .next()
        .expect("the logo in its link");
    assert_eq!(logo.value().attr("width"), Some("80"));
    let written: Vec<_> = std::fs::read_dir(out.join("orgbook/images"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(written.len(), 2, "{written:?}");
    let html = std::fs::read_to_string(out.join("release-dashboard.html")).unwrap();
    assert_eq!(html.matches("base64,").count(), 1, "only the icon inline");
    // The raw-HTML policy still decides first: escaped, the HTML is text and no picture
    // is taken out of it.
    let escaped = TestBook::fixture("html-data-images");
    escaped.write(
        "orgbook.toml",
        "title = \"Larkfield Build & Release\"\n\n[markdown]\nraw_html = \"escape\"\n",
    );
    escaped.build().success();
    assert!(!escaped.out().join("orgbook/images").exists());
    assert!(
        escaped
            .html("release-dashboard.html")
            .select(&sel(".prose img"))
            .next()
            .is_none()
    );
}

/// Before, a Confluence panel that opens after other HTML on its line (`…</p><ac:structured-macro
/// ac:name="tip">…`, as the REST API writes a page on one line) was no callout: its body
/// showed, its title did not. Now it is the callout a panel on a line of its own is,
/// titled by its `title` parameter else by its kind, and what follows it on the line is
/// after the callout, not in it.
#[test]
fn a_confluence_panel_opening_mid_line_is_a_callout() {
    let book = TestBook::fixture("confluence-html-links");
    // A converter that puts a blank line between blocks, the panel still glued to the
    // paragraph before it: its body runs on past the block it opens in.
    book.write(
        "content/platform/Rotate-keys_70007.md",
        "---\ntitle: Rotate keys\n---\n\n<p>Keys are rotated monthly.</p><ac:structured-macro ac:name=\"warning\" ac:schema-version=\"1\"><ac:rich-text-body><p>Rotate the signing key last.</p>\n\n<p>Old keys stay valid for a day.</p>\n\n</ac:rich-text-body></ac:structured-macro>\n\n<p>Record the rotation.</p>\n",
    );
    book.build().success().stderr_lacks("error[");
    let page = book.html("platform/Rotate-keys_70007.html");
    let drawn = callouts(&page);
    assert_eq!(drawn.len(), 1, "{}", page.html());
    assert_eq!(
        (drawn[0].0.as_str(), drawn[0].1.as_str()),
        ("caution", "Warning")
    );
    assert!(
        drawn[0]
            .2
            .contains("Rotate the signing key last. Old keys stay valid for a day."),
        "{drawn:?}"
    );
    assert!(!drawn[0].2.contains("Record the rotation"), "{drawn:?}");
    let page = book.html("platform/Create-a-service_70001.html");
    let drawn = callouts(&page);
    assert_eq!(drawn.len(), 1, "{}", page.html());
    assert_eq!((drawn[0].0.as_str(), drawn[0].1.as_str()), ("tip", "Tip"));
    assert!(
        drawn[0]
            .2
            .contains("Use the credentials you received during onboarding to sign in."),
        "{drawn:?}"
    );
    assert!(!drawn[0].2.contains("do the rest"), "{drawn:?}");
    let page = book.html("platform/Request-access_70006.html");
    let drawn = callouts(&page);
    assert_eq!(drawn.len(), 1, "{}", page.html());
    assert_eq!(
        (drawn[0].0.as_str(), drawn[0].1.as_str()),
        ("warning", "Production access")
    );
    assert!(
        drawn[0].2.contains("Write access to production"),
        "{drawn:?}"
    );
    assert!(!drawn[0].2.contains("reviewed every quarter"), "{drawn:?}");
    assert!(
        texts(&page, ".prose > p")
            .iter()
            .any(|p| p == "Access is reviewed every quarter."),
        "{}",
        page.html()
    );
    assert!(
        texts(&page, ".prose blockquote a").contains(&"onboarding".to_string()),
        "{}",
        page.html()
    );
}

/// Before, a mention the Confluence reader wrote inside a block of HTML (a panel's body,
/// a paragraph exported on one line) showed its Markdown escape, `\@okowalski`: HTML reads
/// no backslash escapes. Now the name shows as written, wherever the mention is.
#[test]
fn a_mention_in_a_block_of_html_shows_the_name() {
    let book = TestBook::fixture("confluence-html-links");
    book.build().success();
    let page = book.html("platform/Request-access_70006.html");
    let main = texts(&page, "main").concat();
    assert!(main.contains("granted by @okowalski after the"), "{main}");
    assert!(!main.contains('\\'), "{main}");
}
