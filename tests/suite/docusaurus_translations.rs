//! Docusaurus's translations: `i18n/<locale>/docusaurus-plugin-content-docs/current/<path>`
//! beside `content/` (a Docusaurus site's docs moved in as docs/import.md says) is the
//! `<locale>` version of the page at `content/<path>`, for the locales `i18n.locales`
//! lists in `docusaurus.config.js`: published as language versions of one page, as Hugo's
//! translations are (`languages.rs`, `language_folders.rs`). Fixture
//! `docusaurus-translations`, shaped like AdguardTeam/KnowledgeBaseDNS.

use crate::harness::{TestBook, hrefs, teams, texts};
use crate::languages::{also_in, alternates, lang};
use crate::serve::Serve;
use std::time::{Duration, Instant};

const FIXTURE: &str = "docusaurus-translations";
const FR: &str = "i18n/fr/docusaurus-plugin-content-docs/current";

/// The links of a page's body, anchors on the page itself aside.
fn body_links(page: &scraper::Html) -> Vec<String> {
    hrefs(page, ".prose a")
        .into_iter()
        .filter(|h| !h.starts_with('#') && !h.starts_with("http"))
        .collect()
}

/// A translated doc is the page's French version: in French, at `fr/` + the page's
/// address as Docusaurus publishes it, each version linking to the other (hreflang and
/// "Also in"); its admonitions are drawn as the page's are.
#[test]
fn a_translated_doc_is_the_french_version_of_its_page() {
    let book = TestBook::fixture(FIXTURE);
    book.build().success().stderr_lacks("broken-link");
    let en = book.html("private-dns/overview.html");
    let fr = book.html("fr/private-dns/overview.html");
    assert_eq!(lang(&en), "en");
    assert_eq!(lang(&fr), "fr");
    assert_eq!(texts(&fr, "h1"), ["Vue d'ensemble"]);
    let both = [
        ("en".to_string(), "../private-dns/overview.html".to_string()),
        (
            "fr".to_string(),
            "../fr/private-dns/overview.html".to_string(),
        ),
    ];
    assert_eq!(alternates(&en), both);
    assert_eq!(
        alternates(&fr),
        [
            (
                "en".to_string(),
                "../../private-dns/overview.html".to_string()
            ),
            (
                "fr".to_string(),
                "../../fr/private-dns/overview.html".to_string()
            ),
        ]
    );
    assert_eq!(
        also_in(&en),
        [(
            "fr".to_string(),
            "../fr/private-dns/overview.html".to_string(),
            "français".to_string()
        )]
    );
    assert_eq!(
        also_in(&fr),
        [(
            "en".to_string(),
            "../../private-dns/overview.html".to_string(),
            "English".to_string()
        )]
    );
    // `:::info` and `:::tip`, as on the English pages.
    assert!(
        texts(&fr, ".prose blockquote.markdown-alert-note p")
            .iter()
            .any(|t| t.starts_with("Avec AdGuard DNS")),
        "{:?}",
        texts(&fr, ".prose blockquote p")
    );
    let issues = book.html("fr/private-dns/solving-problems/known-issues.html");
    assert_eq!(lang(&issues), "fr");
    assert!(
        texts(&issues, ".prose blockquote p")
            .iter()
            .any(|t| t.contains("page de test")),
        "{:?}",
        texts(&issues, ".prose blockquote p")
    );
}

/// A translation's edit link and its diagnostics name its file where it is, in `i18n/`.
#[test]
fn a_translation_is_edited_where_it_is() {
    let book = TestBook::fixture(FIXTURE);
    book.write(
        "orgbook.toml",
        "title = \"AdGuard DNS Knowledge Base\"\n\n[repository]\nurl = \"https://github.com/AdguardTeam/KnowledgeBaseDNS\"\nbranch = \"master\"\n",
    );
    book.edit(
        &format!("{FR}/private-dns/overview.md"),
        "[problèmes connus](solving-problems/known-issues.md)",
        "[problèmes connus](solving-problems/missing.md)",
    );
    book.build()
        .failure(1)
        .stderr_has(&format!("--> {FR}/private-dns/overview.md:"));
    book.edit(
        &format!("{FR}/private-dns/overview.md"),
        "solving-problems/missing.md",
        "solving-problems/known-issues.md",
    );
    book.build().success();
    assert_eq!(
        hrefs(&book.html("fr/private-dns/overview.html"), "a.edit-link"),
        [format!(
            "https://github.com/AdguardTeam/KnowledgeBaseDNS/edit/master/{FR}/private-dns/overview.md"
        )]
    );
}

/// A relative link of a translated doc leads to the French version of the page it names
/// when there is one, else to the page in the default language, as Docusaurus finds the
/// doc a translation does not have among the site's own.
#[test]
fn a_translations_links_lead_to_translated_pages_else_to_the_default_languages() {
    let book = TestBook::fixture(FIXTURE);
    book.build().success().stderr_lacks("broken-link");
    // `[public](public-dns/overview)`, not translated; `[private](private-dns/overview)`.
    assert_eq!(
        body_links(&book.html("fr/intro.html")),
        [
            "../public-dns/overview.html",
            "../fr/private-dns/overview.html"
        ]
    );
    // `../public-dns/overview.md`, not translated; `solving-problems/known-issues.md`.
    assert_eq!(
        body_links(&book.html("fr/private-dns/overview.html")),
        [
            "../../public-dns/overview.html",
            "../../fr/private-dns/solving-problems/known-issues.html"
        ]
    );
    // The English pages' links are untouched.
    assert_eq!(
        body_links(&book.html("intro.html")),
        ["public-dns/overview.html", "private-dns/overview.html"]
    );
}

/// The navigation is the default language's: the handbook index and the sidebars list
/// each page once, in English; a translated charter is the team's page in French, not a
/// second team.
#[test]
fn translations_are_out_of_the_navigation_and_a_translated_charter_is_no_second_team() {
    let book = TestBook::fixture(FIXTURE);
    book.build().success();
    let mut index = texts(&book.html("handbook.html"), "main a");
    for part in ["private-dns", "public-dns"] {
        index.extend(texts(
            &book.html(&format!("handbook-index/{part}.html")),
            "main a",
        ));
    }
    assert!(index.iter().any(|t| t == "Known issues"), "{index:?}");
    assert!(
        !index
            .iter()
            .any(|t| t == "Problèmes connus" || t == "Vue d'ensemble"),
        "{index:?}"
    );
    let sidebar = texts(
        &book.html("private-dns/solving-problems/known-issues.html"),
        ".sidebar a",
    );
    assert!(sidebar.iter().any(|t| t == "Known issues"), "{sidebar:?}");
    assert!(
        !sidebar.iter().any(|t| t == "Problèmes connus"),
        "{sidebar:?}"
    );
    let teams = teams(&book);
    assert_eq!(teams.len(), 1, "{teams:?}");
    let team_fr = book.html("fr/teams/dns.html");
    assert_eq!(lang(&team_fr), "fr");
    assert_eq!(also_in(&team_fr)[0].1, "../../teams/dns.html");
}

/// What is not published says so, each in a note: a locale folder `i18n.locales` does
/// not list, a translation of a doc the site does not have (Docusaurus builds none), and
/// the translations of versioned docs (`version-1.0/` beside `current/`).
#[test]
fn what_is_not_published_is_named_in_notes() {
    let book = TestBook::fixture(FIXTURE);
    book.build()
        .success()
        .stderr_lacks("does not read `i18n/` yet")
        .stderr_has("i18n/ru/docusaurus-plugin-content-docs/current")
        .stderr_has("`ru` is not among the locales")
        .stderr_has(&format!(
            "{FR}/private-dns/solving-problems/icloud-private-relay.md"
        ))
        .stderr_has("i18n/fr/docusaurus-plugin-content-docs/version-1.0")
        .stderr_has("versioned docs");
    assert!(!book.out().join("ru").exists());
    assert!(
        !book
            .out()
            .join("fr/private-dns/solving-problems/icloud-private-relay.html")
            .exists()
    );
    // A listed locale's folder that is a symbolic link is not followed out of the handbook.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("intro.md"),
        "---\ntitle: 概述\n---\n\nOutside the handbook.\n",
    )
    .unwrap();
    std::fs::create_dir_all(
        book.root()
            .join("i18n/zh-CN/docusaurus-plugin-content-docs"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path(),
        book.root()
            .join("i18n/zh-CN/docusaurus-plugin-content-docs/current"),
    )
    .unwrap();
    book.build()
        .success()
        .stderr_has("i18n/zh-CN/docusaurus-plugin-content-docs/current")
        .stderr_has("symbolic link");
    assert!(!book.out().join("zh-CN").exists());
    // A locale added to `i18n.locales` is published.
    book.edit("docusaurus.config.js", "'zh-CN'", "'zh-CN', 'ru'");
    book.build().success().stderr_lacks("`ru` is not among");
    assert_eq!(lang(&book.html("ru/intro.html")), "ru");
}

/// `serve` watches `i18n/`: an edit of a translation is on its page, and a translation
/// added is published.
#[test]
fn serve_follows_the_translations() {
    let book = TestBook::fixture(FIXTURE);
    let serve = Serve::start(&book);
    let page = "/fr/private-dns/solving-problems/known-issues.html";
    assert!(serve.get(page).text().contains("<html lang=\"fr\""));
    book.edit(
        &format!("{FR}/private-dns/solving-problems/known-issues.md"),
        "Paramètres DNS sécurisés",
        "Réglages DNS sécurisés",
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    while !serve.get(page).text().contains("Réglages DNS sécurisés") {
        assert!(Instant::now() < deadline, "{}", serve.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    book.write(
        &format!("{FR}/public-dns/overview.md"),
        "---\ntitle: Vue d'ensemble\n---\n\n## Qu'est-ce qu'AdGuard DNS ?\n",
    );
    while !serve
        .get("/fr/public-dns/overview.html")
        .text()
        .contains("Qu'est-ce qu'AdGuard DNS")
    {
        assert!(Instant::now() < deadline, "{}", serve.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(
        serve
            .get("/public-dns/overview.html")
            .text()
            .contains("hreflang=\"fr\"")
    );
}
