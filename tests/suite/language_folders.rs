//! Hugo's content folder per language (`content/en/…`, `content/fr/…`, declared by
//! `contentDir` under `[languages]` in the Hugo configuration beside `content/`): the same
//! path in two language folders is one page in two languages, as translations by file
//! name are (`languages.rs`); a folder no configuration declares stays a folder. And the
//! handbook's language taken from a moved-in Hugo or Docusaurus configuration. Fixture
//! `hugo-language-folders`, shaped like kubernetes/website.

use crate::harness::{self, TestBook, hrefs, texts};
use crate::languages::{also_in, alternates, lang};
use crate::serve::Serve;
use std::time::{Duration, Instant};

const COMPONENTS: &str = "docs/concepts/overview/components.html";
const OVERVIEW: &str = "docs/concepts/overview/index.html";

/// A page of the French folder is the French version of the page at the same path in
/// the English one: in French, each version linking to the other (hreflang and "Also
/// in"), folder pages too; the French page keeps its folder's address (the English one is at
/// the top, as Hugo publishes it), and a Hugo address written
/// to the French page (`/fr/docs/…/components/`) leads to it.
#[test]
fn a_language_folder_holds_translations_of_the_default_languages_pages() {
    let book = TestBook::fixture("hugo-language-folders");
    book.build().success().stderr_lacks("broken-link");
    // The English folder is the top of the site, as Hugo publishes it.
    let en = book.html(COMPONENTS);
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    assert_eq!(lang(&en), "en");
    assert_eq!(lang(&fr), "fr");
    assert_eq!(texts(&fr, "h1"), ["Composants de Kubernetes"]);
    let both = |up: &str| {
        [
            ("en".to_string(), format!("{up}{COMPONENTS}")),
            ("fr".to_string(), format!("{up}fr/{COMPONENTS}")),
        ]
    };
    assert_eq!(alternates(&en), both("../../../"));
    assert_eq!(alternates(&fr), both("../../../../"));
    assert_eq!(
        also_in(&en),
        [(
            "fr".to_string(),
            format!("../../../fr/{COMPONENTS}"),
            "français".to_string()
        )]
    );
    assert_eq!(
        also_in(&fr),
        [(
            "en".to_string(),
            format!("../../../../{COMPONENTS}"),
            "English".to_string()
        )]
    );
    // A section's page (`_index.md`) and its translation.
    let overview_fr = book.html(&format!("fr/{OVERVIEW}"));
    assert_eq!(lang(&overview_fr), "fr");
    assert_eq!(texts(&overview_fr, "h1"), ["Vue d'ensemble"]);
    assert_eq!(
        also_in(&overview_fr)[0].1,
        format!("../../../../{OVERVIEW}")
    );
    assert_eq!(
        also_in(&book.html(OVERVIEW))[0].1,
        format!("../../../fr/{OVERVIEW}")
    );
    let links: Vec<String> = hrefs(&overview_fr, ".prose a")
        .into_iter()
        .filter(|h| !h.starts_with('#'))
        .collect();
    assert_eq!(
        links,
        [
            format!("../../../../fr/{COMPONENTS}"),
            "../../../../fr/docs/concepts/overview/kubernetes-api.html".to_string()
        ]
    );
}

/// The navigation is the default language's: the handbook index and the sidebars list
/// each page once, in English.
#[test]
fn a_language_folders_pages_are_not_separate_entries_in_the_navigation() {
    let book = TestBook::fixture("hugo-language-folders");
    book.build().success();
    let index = harness::index_entries(&book, "main a");
    assert!(index.iter().any(|t| t == "Overview"), "{index:?}");
    for french in [
        "Composants de Kubernetes",
        "Vue d'ensemble",
        "L'API Kubernetes",
    ] {
        assert!(!index.iter().any(|t| t == french), "{french}: {index:?}");
    }
    let sidebar = texts(&book.html(COMPONENTS), ".sidebar a");
    assert!(
        sidebar.iter().any(|t| t == "Kubernetes Components"),
        "{sidebar:?}"
    );
    assert!(
        !sidebar
            .iter()
            .any(|t| t == "Composants de Kubernetes" || t == "Vue d'ensemble"),
        "{sidebar:?}"
    );
}

/// A page only the French folder has is published at its address in French, as Hugo
/// publishes it, with no other versions and out of the (English) navigation.
#[test]
fn a_page_only_in_a_language_folder_is_published_in_its_language() {
    let book = TestBook::fixture("hugo-language-folders");
    book.build().success();
    let api = book.html("fr/docs/concepts/overview/kubernetes-api.html");
    assert_eq!(lang(&api), "fr");
    assert_eq!(texts(&api, "h1"), ["L'API Kubernetes"]);
    assert!(also_in(&api).is_empty());
    assert!(alternates(&api).is_empty());
    let index = harness::index_entries(&book, "main a");
    assert!(!index.iter().any(|t| t == "L'API Kubernetes"), "{index:?}");
}

/// `content/de/` in a handbook whose Hugo configuration declares no `de` is a folder
/// like any other (a team's, here): in the handbook's language, in the navigation. And
/// without the Hugo configuration the French folder is one too; with the languages in
/// Hugo's configuration folder (`config/_default/languages.toml`) it is French again.
#[test]
fn a_folder_no_configuration_declares_is_an_ordinary_folder() {
    let book = TestBook::fixture("hugo-language-folders");
    book.build().success();
    let de = book.html("de/index.html");
    assert_eq!(lang(&de), "en");
    assert!(also_in(&de).is_empty());
    assert_eq!(lang(&book.html("de/onboarding.html")), "en");
    let index = harness::index_entries(&book, "main a");
    assert!(
        index.iter().any(|t| t == "Data Engineering (DE)"),
        "{index:?}"
    );

    let config = book.read("config.toml");
    book.remove("config.toml");
    book.build().success();
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    assert_eq!(lang(&fr), "en");
    assert!(also_in(&fr).is_empty());

    let languages = config
        .split_once("[languages]\n")
        .map(|(_, l)| l.replace("[languages.", "["))
        .unwrap();
    book.write("config/_default/languages.toml", &languages);
    book.write(
        "config/_default/hugo.toml",
        "defaultContentLanguage = \"en\"\ncontentDir = \"content/en\"\n",
    );
    book.build().success();
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    assert_eq!(lang(&fr), "fr");
    assert_eq!(also_in(&fr)[0].0, "en");
}

/// Without `language` in orgbook.toml, the language a moved-in Hugo site's
/// `defaultContentLanguage` (else its `languageCode`) or a Docusaurus site's
/// `i18n.defaultLocale` names is the handbook's; orgbook.toml's wins.
#[test]
fn the_handbooks_language_from_a_moved_in_hugo_or_docusaurus_configuration() {
    let book = TestBook::fixture("basic");
    book.write(
        "hugo.toml",
        "baseURL = 'https://example.org/'\nlanguageCode = 'nl-NL'\ntitle = 'Handboek'\n",
    );
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "nl-NL");
    book.write(
        "hugo.toml",
        "baseURL = 'https://example.org/'\nlanguageCode = 'en-us'\nDefaultContentLanguage = 'de'\n",
    );
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "de");
    book.remove("hugo.toml");
    // As Docusaurus's own template writes it, the site in French.
    book.write(
        "docusaurus.config.js",
        "const config = {\n  title: 'Documentation',\n  // Even if you don't use internationalization, you can use this field to set\n  // useful metadata like html lang.\n  i18n: {\n    defaultLocale: 'fr',\n    locales: ['fr'],\n  },\n};\n\nexport default config;\n",
    );
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "fr");
    let toml = book.read("orgbook.toml");
    book.write("orgbook.toml", &format!("language = \"sv\"\n{toml}"));
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "sv");
}

/// `serve` reads the Hugo configuration again when it changes: the pages take the
/// language it names, and a language folder it declares becomes translations.
#[test]
fn serve_follows_the_hugo_configuration() {
    let book = TestBook::fixture("hugo-language-folders");
    let config = book.read("config.toml");
    book.remove("config.toml");
    let serve = Serve::start(&book);
    let page = format!("/fr/{COMPONENTS}");
    assert!(serve.get(&page).text().contains("<html lang=\"en\""));
    book.write("config.toml", &config);
    let deadline = Instant::now() + Duration::from_secs(20);
    while !serve.get(&page).text().contains("<html lang=\"fr\"") {
        assert!(Instant::now() < deadline, "{}", serve.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    book.write(
        "config.toml",
        &config
            .replace("Language = \"en\"", "Language = \"en-gb\"")
            .replace("[languages.en]", "[languages.en-gb]"),
    );
    while !serve
        .get("/index.html")
        .text()
        .contains("<html lang=\"en-gb\"")
    {
        assert!(Instant::now() < deadline, "{}", serve.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(serve.get(&page).text().contains("<html lang=\"fr\""));
    // An edit of a page only the French folder has keeps it French.
    let api = "/fr/docs/concepts/overview/kubernetes-api.html";
    book.edit(
        "content/fr/docs/concepts/overview/kubernetes-api.md",
        "Le cœur",
        "Au cœur",
    );
    while !serve.get(api).text().contains("Au cœur") {
        assert!(Instant::now() < deadline, "{}", serve.log());
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(serve.get(api).text().contains("<html lang=\"fr\""));
}

/// Docusaurus's translations (`i18n/<locale>/docusaurus-plugin-content-docs/current/`)
/// of a locale `i18n.locales` does not list are not published: the build says so once,
/// naming the locale, rather than lose them unseen; the site's pages are built as before.
/// (Those of a listed locale are published: `docusaurus_translations.rs`.)
#[test]
fn docusaurus_translations_left_outside_are_named_in_a_note() {
    let book = TestBook::fixture("docusaurus-i18n");
    book.edit(
        "docusaurus.config.js",
        "locales: ['en', 'fr']",
        "locales: ['en']",
    );
    book.build()
        .success()
        .stderr_has("note[skipped-file]")
        .stderr_has("i18n/fr/docusaurus-plugin-content-docs/current")
        .stderr_has("Docusaurus's translations into `fr` are not published");
    assert_eq!(lang(&book.html("intro.html")), "en");
    assert!(!book.out().join("fr").exists());
}
