//! A multilingual Hugo site moved in with a content folder per language (kubernetes/website's
//! `content/en/…`, `content/fr/…`): the default language's folder is the handbook's top,
//! as Hugo publishes it without `defaultContentLanguageInSubdir` (with it, its pages are
//! published under `en/`, the navigation still starting inside). Its pages are at the top
//! of the site and of its navigation (no "En" folder anywhere: sidebar, breadcrumbs,
//! handbook index), links written the Hugo way in both forms lead to them, a page only
//! another language's folder has goes down the default language's folders, and `serve`
//! follows edits. Fixture `hugo-default-language`.

use crate::harness::{self, TestBook, check_all_links, hrefs, texts};
use crate::languages::{also_in, alternates};
use crate::serve::Serve;
use std::time::{Duration, Instant};

const COMPONENTS: &str = "docs/concepts/overview/components.html";
const API_FR: &str = "fr/docs/concepts/overview/kubernetes-api.html";

/// The default language's pages are at the top of the site and of its navigation: no
/// `en/` address, no "En" step in the breadcrumbs, no "En" entry in the sidebar or the
/// handbook index. The page still names its own file as its source.
#[test]
fn the_default_languages_folder_is_the_top_of_the_handbook() {
    let book = TestBook::fixture("hugo-default-language");
    book.build()
        .success()
        .stderr_lacks("broken-link")
        // A diagnostic names the file as it is on disk.
        .stderr_has("content/en/docs/concepts/overview/components.md");
    assert!(!book.out().join("en").exists());
    let page = book.html(COMPONENTS);
    assert_eq!(
        texts(&page, ".breadcrumbs a"),
        ["Home", "Handbook", "Documentation", "Concepts", "Overview"]
    );
    assert_eq!(
        hrefs(&page, ".breadcrumbs a")[2],
        "../../../docs/index.html"
    );
    let sidebar = texts(&page, ".sidebar a, .sidebar summary, .sidebar span");
    assert!(sidebar.iter().any(|t| t == "Documentation"), "{sidebar:?}");
    assert!(!sidebar.iter().any(|t| t == "En"), "{sidebar:?}");
    let index = harness::index_entries(&book, "main a, main h2, main h3");
    assert!(index.iter().any(|t| t == "Documentation"), "{index:?}");
    assert!(!index.iter().any(|t| t == "En"), "{index:?}");
    let source = texts(&page, "p.source").join(" ");
    assert!(
        source.contains("content/en/docs/concepts/overview/components.md"),
        "{source}"
    );
}

/// Links written as Hugo writes them, at the top (`/docs/concepts/overview/`) or under
/// the language (`/en/docs/`), and relative ones lead to the pages; the translations'
/// "Also in" and hreflang links lead to the default language's pages at the top. Every
/// link of the site is followed.
#[test]
fn links_written_the_hugo_way_lead_to_the_default_languages_pages() {
    let book = TestBook::fixture("hugo-default-language");
    book.build().success().stderr_lacks("broken-link");
    let page = book.html(COMPONENTS);
    let prose: Vec<String> = hrefs(&page, ".prose a")
        .into_iter()
        .filter(|h| !h.starts_with('#'))
        .collect();
    assert_eq!(
        prose,
        [
            "../../../docs/concepts/overview/index.html",
            "../../../docs/index.html",
            "../../../docs/concepts/overview/index.html"
        ],
        "{prose:?}"
    );
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    let original = format!("../../../../{COMPONENTS}");
    assert_eq!(also_in(&fr)[0].1, original);
    assert!(
        alternates(&fr)
            .iter()
            .any(|(l, h)| l == "en" && *h == original)
    );
    assert_eq!(also_in(&page)[0].1, format!("../../../fr/{COMPONENTS}"));
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
}

/// With `defaultContentLanguageInSubdir = true`, Hugo publishes the default language under
/// its folder, and so does orgbook (`en/docs/…`); the navigation still starts inside it (no
/// "En" step or section), and every link leads to the pages.
#[test]
fn with_the_default_language_in_a_subdir_its_pages_are_under_its_folder() {
    let book = TestBook::fixture("hugo-default-language");
    book.edit(
        "config.toml",
        "defaultContentLanguageInSubdir = false",
        "defaultContentLanguageInSubdir = true",
    );
    book.build().success().stderr_lacks("broken-link");
    assert!(!book.out().join(COMPONENTS).exists());
    let page = book.html(&format!("en/{COMPONENTS}"));
    assert_eq!(
        texts(&page, ".breadcrumbs a"),
        ["Home", "Handbook", "Documentation", "Concepts", "Overview"]
    );
    assert_eq!(
        hrefs(&page, ".breadcrumbs a")[2],
        "../../../../en/docs/index.html"
    );
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    assert_eq!(also_in(&fr)[0].1, format!("../../../../en/{COMPONENTS}"));
    let index = harness::index_entries(&book, "main a, main h2, main h3");
    assert!(index.iter().any(|t| t == "Documentation"), "{index:?}");
    assert!(!index.iter().any(|t| t == "En"), "{index:?}");
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
}

/// A page only the French folder has goes down the default language's folders, each step
/// in French where that folder's page is translated.
#[test]
fn a_page_only_a_translations_folder_has_goes_down_the_default_languages_folders() {
    let book = TestBook::fixture("hugo-default-language");
    book.build().success();
    let api = book.html(API_FR);
    assert_eq!(
        texts(&api, ".breadcrumbs a"),
        [
            "Accueil",
            "Manuel",
            "Documentation",
            "Concepts",
            "Vue d'ensemble"
        ]
    );
    let steps = hrefs(&api, ".breadcrumbs a");
    assert_eq!(steps[2], "../../../../fr/docs/index.html");
    assert_eq!(steps[4], "../../../../fr/docs/concepts/overview/index.html");
}

/// A default-language page named like another language's folder (`content/en/fr.md`, at
/// the top `fr`) would take that language's place: it is reported and keeps its folder's
/// address, and nothing is overwritten.
#[test]
fn a_default_language_page_named_like_a_language_folder_is_reported() {
    let book = TestBook::fixture("hugo-default-language");
    book.write(
        "content/en/fr.md",
        "---\ntitle: French support\n---\n\nHow we support French readers.\n",
    );
    book.build()
        .success()
        .stderr_has("warning[language-folder-clash]")
        .stderr_has("content/en/fr.md");
    assert_eq!(texts(&book.html("en/fr.html"), "h1"), ["French support"]);
    assert_eq!(
        texts(&book.html(&format!("fr/{COMPONENTS}")), "h1"),
        ["Composants de Kubernetes"]
    );
    assert!(book.out().join(COMPONENTS).is_file());
}

/// `serve` publishes the default language's pages at the top too, and an edit of one
/// reaches its page.
#[test]
fn serve_updates_an_edited_default_language_page() {
    let book = TestBook::fixture("hugo-default-language");
    let serve = Serve::start(&book);
    let page = format!("/{COMPONENTS}");
    assert!(serve.get(&page).text().contains("high-level overview"));
    book.edit(
        "content/en/docs/concepts/overview/components.md",
        "high-level overview",
        "bird's-eye overview",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !serve.get(&page).text().contains("bird's-eye overview") {
        assert!(Instant::now() < deadline, "{}", serve.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    let fr = serve.get(&format!("/fr/{COMPONENTS}")).text();
    assert!(fr.contains(&format!("../../../../{COMPONENTS}")), "{fr}");
}
