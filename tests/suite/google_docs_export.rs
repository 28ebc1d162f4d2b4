//! Charters and processes written in Google Docs and moved in through its
//! own Markdown export (File > Download > Markdown), in the fixture `gdocs-export`: the
//! pictures a document carries as `data:` URLs, a charter whose sections are bold,
//! numbered and escaped headings under a template's title, and links sent through
//! Google's redirect.

use crate::harness::{TestBook, check_all_links, hrefs, sel, team, teams};

const PAGE: &str = "handbook/incident-review-process.html";

/// The base64 of `bytes`, as Google Docs writes an image's.
fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = String::with_capacity(bytes.len() / 3 * 4 + 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for k in 0..4 {
            s.push(match k <= c.len() {
                true => A[(n >> (18 - 6 * k) & 63) as usize] as char,
                false => '=',
            });
        }
    }
    s
}

/// Before, each picture of an exported document stayed in the page as a `data:` URL:
/// the fixture's page was 15 KB for 9 KB of pictures, and a document with a few
/// screenshots was megabytes of HTML (over the 300 KB a page may weigh), downloaded again
/// on every visit. Now each picture is a file of the site, named by what it holds, so the
/// same picture shown by two pages is one file; the page links it, and is small.
#[test]
fn pictures_of_a_google_docs_export_are_files() {
    let book = TestBook::fixture("gdocs-export");
    // A screenshot of 1.5 MB, on one line as Google Docs writes it, on a second page, and
    // the fixture's first picture again.
    let fixture_page = book.read("content/handbook/incident-review-process.md");
    let first = fixture_page
        .lines()
        .find(|l| l.starts_with("[image1]: <"))
        .unwrap();
    let mut shot = b"\x89PNG\r\n\x1a\n".to_vec();
    shot.extend((0..1_500_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    book.write(
        "content/handbook/postmortem-2026-03.md",
        &format!(
            "# **Postmortem: checkout outage**\n\n![][image1]\n\nThe graph:\n\n![][image2]\n\n{first}\n\n[image2]: <data:image/png;base64,{}>\n",
            base64(&shot)
        ),
    );
    book.build().success().stderr_lacks("unsafe-url");
    let out = book.out();
    for rel in [PAGE, "handbook/postmortem-2026-03.html"] {
        let page = book.html(rel);
        let srcs: Vec<String> = page
            .select(&sel(".prose img"))
            .map(|i| i.value().attr("src").unwrap().to_string())
            .collect();
        assert_eq!(srcs.len(), 2, "{rel}: {srcs:?}");
        for src in &srcs {
            assert!(src.starts_with("../orgbook/images/"), "{rel}: {src}");
            let file = std::fs::read(out.join("handbook").join(src)).unwrap();
            assert!(file.starts_with(b"\x89PNG\r\n\x1a\n"), "{src} is no PNG");
        }
        let size = std::fs::metadata(out.join(rel)).unwrap().len();
        assert!(size < 20_000, "{rel} is {size} bytes");
    }
    let shot_src = book.html("handbook/postmortem-2026-03.html");
    let shot_src = shot_src.select(&sel(".prose img")).nth(1).unwrap();
    let shot_file = out
        .join("handbook")
        .join(shot_src.value().attr("src").unwrap());
    assert_eq!(std::fs::read(shot_file).unwrap(), shot, "the bytes written");
    // The fixture's first picture, on both pages, is one file.
    let images: Vec<_> = std::fs::read_dir(out.join("orgbook/images"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(images.len(), 3, "{images:?}");
    check_all_links(&out, &["404.html"]);
    // Two builds name the files the same.
    let again = TestBook::fixture("gdocs-export");
    again.build().success();
    assert_eq!(
        hrefs_of_images(&again.html(PAGE)),
        hrefs_of_images(&book.html(PAGE))
    );
}

fn hrefs_of_images(page: &scraper::Html) -> Vec<String> {
    page.select(&sel(".prose img"))
        .map(|i| i.value().attr("src").unwrap().to_string())
        .collect()
}

/// Before, a charter exported from Google Docs into a team's folder was a plain page and
/// the folder got a `team-folder-without-charter` warning: its sections are headings
/// written bold, numbered and escaped (`# **3\. Team Members and Roles**`), which matched
/// none of a team page's sections, and its purpose is a "Team Purpose". Now it is the
/// team's charter: named by the template's `Team Name` row (not by its title, "Team
/// Charter / Team Contract"), the problem the first sentence of its purpose with the
/// export's escapes taken off, the members and lead from its table of roles.
#[test]
fn a_charter_exported_from_google_docs_is_the_teams() {
    let book = TestBook::fixture("gdocs-export");
    book.build()
        .success()
        .stderr_lacks("team-folder-without-charter");
    let all = teams(&book);
    let t = team(&all, "produce-exchange");
    assert_eq!(t["name"], "Produce Exchange");
    assert_eq!(
        t["problem"],
        "The Produce Exchange team runs the invite-only exchange where neighbours share surplus food before it goes to waste."
    );
    assert_eq!(t["lead"], "Keoni Alapa");
    assert_eq!(
        t["members"],
        serde_json::json!(["Keoni Alapa", "Saanvi Rao", "Lucía Ferrer"])
    );
    let page = book.html("teams/produce-exchange.html");
    let h1: String = page.select(&sel("h1")).next().unwrap().text().collect();
    assert_eq!(h1.trim(), "Produce Exchange");
    let main: String = page.select(&sel("main")).flat_map(|m| m.text()).collect();
    assert!(!main.contains('\\'), "an escape shown: {main}");
}

/// Before, a link the export sent through Google's redirect
/// (`https://www.google.com/url?q=…&sa=D&source=editors&ust=…&usg=…`) went through Google,
/// which shows its "you are leaving" page for a link it did not sign lately. Now it leads
/// to the address the author linked.
#[test]
fn google_redirects_lead_to_their_target() {
    let book = TestBook::fixture("gdocs-export");
    book.build().success();
    let page = book.html(PAGE);
    let links = hrefs(&page, ".prose a");
    assert!(
        links.contains(&"https://example.org/templates/incident-review".to_string()),
        "{links:?}"
    );
    assert!(
        links.iter().all(|l| !l.contains("google.com/url")),
        "{links:?}"
    );
}

/// Before, a decision document exported from Google Docs and put in `decisions/` stopped
/// the build with `missing-front-matter`, whose help (write TOML keys between `+++`
/// lines) says nothing of the status, date and deciders the document's table already
/// holds. Now it is the one error for a record written for another tool, naming Google
/// Docs and `orgbook import adr`; following it, the import reads the table (the export
/// makes its first row, `| Status | Accepted |`, the header).
#[test]
fn a_decision_exported_from_google_docs_points_to_the_import() {
    let book = TestBook::fixture("gdocs-export");
    let adr = book.read("adr/0007-artefacts-in-object-storage.md");
    book.write(
        "content/decisions/0007-artefacts-in-object-storage.md",
        &adr,
    );
    book.build()
        .failure(1)
        .stderr_has("error[foreign-decision-record]")
        .stderr_has("written for Google Docs (its Markdown export)")
        .stderr_has("orgbook import adr")
        .stderr_lacks("missing-front-matter");
    book.remove("content/decisions/0007-artefacts-in-object-storage.md");
    crate::import::import(&book, &["adr", "--team", "build-release"])
        .success()
        .stderr_lacks("no status found");
    let text = book.read("content/decisions/0007-adr-7-keep-build-artefacts-in-object-storage.md");
    for line in [
        "status = \"accepted\"",
        "date = 2026-03-04",
        "deciders = [\"Ines Duarte\", \"Tomasz Wójcik\"]",
    ] {
        assert!(text.contains(line), "{line} not in {text}");
    }
    book.build().success();
}
