//! Handbooks written in another language than English, or in several: the handbook's
//! language (`language` in orgbook.toml, a moved-in generator's, a page's `lang:`) on
//! `<html lang>`, and Hugo's translations by file name (`about.fr.md` beside `about.md`)
//! published as language versions of one page (fixture `hugo-translations`, shaped like a
//! Hugo documentation site with French translations).

use crate::harness::{TestBook, hrefs, sel, teams, texts};
use scraper::Html;

pub(crate) fn lang(page: &Html) -> String {
    page.select(&sel("html"))
        .next()
        .and_then(|h| h.value().attr("lang"))
        .unwrap_or_default()
        .to_string()
}

/// `(hreflang, href)` of the page's `<link rel="alternate" hreflang>` tags.
pub(crate) fn alternates(page: &Html) -> Vec<(String, String)> {
    page.select(&sel("link[rel=alternate][hreflang]"))
        .map(|l| {
            let a = |n| l.value().attr(n).unwrap_or_default().to_string();
            (a("hreflang"), a("href"))
        })
        .collect()
}

/// `(hreflang, href, text)` of the page's "Also in" links.
pub(crate) fn also_in(page: &Html) -> Vec<(String, String, String)> {
    page.select(&sel("nav.versions a"))
        .map(|l| {
            let a = |n| l.value().attr(n).unwrap_or_default().to_string();
            (a("hreflang"), a("href"), l.text().collect::<String>())
        })
        .collect()
}

/// The handbook's language is `en` unless orgbook.toml says otherwise, on every page,
/// generated ones included; an invalid tag fails the build at its line with the fix.
#[test]
fn the_handbooks_language_is_on_every_page() {
    let book = TestBook::fixture("basic");
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "en");
    let toml = book.read("orgbook.toml");
    book.write("orgbook.toml", &format!("language = \"de\"\n{toml}"));
    book.build().success();
    for page in [
        "index.html",
        "teams/index.html",
        "handbook.html",
        "search.html",
    ] {
        assert_eq!(lang(&book.html(page)), "de", "{page}");
    }
    book.write("orgbook.toml", &format!("language = \"pt_BR\"\n{toml}"));
    book.build()
        .failure(1)
        .stderr_has("error[invalid-value]")
        .stderr_has("orgbook.toml:1:12")
        .stderr_has("\"pt-BR\"");
}

/// Without `language` in orgbook.toml, the one MkDocs's `theme.language` or mdBook's
/// `book.language` names is the handbook's; orgbook.toml's wins.
#[test]
fn a_moved_in_generators_language_is_the_handbooks() {
    let book = TestBook::fixture("basic");
    book.write(
        "mkdocs.yml",
        "site_name: Handbuch\ntheme:\n  name: material\n  language: de\n",
    );
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "de");
    book.remove("mkdocs.yml");
    book.write(
        "book.toml",
        "[book]\ntitle = \"Manuel\"\nlanguage = \"fr\"\n",
    );
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "fr");
    let toml = book.read("orgbook.toml");
    book.write("orgbook.toml", &format!("language = \"nl\"\n{toml}"));
    book.build().success();
    assert_eq!(lang(&book.html("index.html")), "nl");
}

/// A page's `lang:` (Hugo, Jekyll) or `language:` is its own language; a `lang` that is
/// no tag is a warning at its line, and the page keeps the handbook's (ABlog's
/// `language: English` names it, and is left alone).
#[test]
fn a_pages_front_matter_language_is_its_own() {
    let book = TestBook::fixture("hugo-translations");
    book.edit(
        "content/release.v2.md",
        "title: Release 2\n",
        "title: Release 2\nlang: fr-CA\n",
    );
    book.edit(
        "content/notes.old.md",
        "title: Old notes\n",
        "title: Old notes\nlang: French\n",
    );
    book.edit(
        "content/examples/single-datasource.md",
        "weight: 1\n",
        "weight: 1\nlanguage: de\n",
    );
    book.build()
        .success()
        .stderr_has("warning[invalid-value]: `lang`: \"French\" is not a language tag")
        .stderr_has("content/notes.old.md:3:7");
    assert_eq!(lang(&book.html("examples/single-datasource.html")), "de");
    assert_eq!(lang(&book.html("release.v2.html")), "fr-CA");
    assert_eq!(lang(&book.html("notes.old.html")), "en");
}

/// Hugo's translations by file name are published under their language's folder, in
/// their language, each version linking to the others; `_index.fr.md` is its folder's
/// page in French, no partial; names that only look so (`notes.old.md` without
/// `notes.md`, `release.v2.md`) stay pages of their own.
#[test]
fn translations_by_file_name_are_language_versions_of_one_page() {
    let book = TestBook::fixture("hugo-translations");
    book.build().success().stderr_lacks("partial");
    let credits = book.html("credits.html");
    let credits_fr = book.html("fr/credits.html");
    assert_eq!(lang(&credits), "en");
    assert_eq!(lang(&credits_fr), "fr");
    assert_eq!(texts(&credits_fr, "h1"), ["Crédits"]);
    assert_eq!(
        alternates(&credits),
        [
            ("en".to_string(), "credits.html".to_string()),
            ("fr".to_string(), "fr/credits.html".to_string())
        ]
    );
    assert_eq!(
        also_in(&credits),
        [(
            "fr".to_string(),
            "fr/credits.html".to_string(),
            "français".to_string()
        )]
    );
    assert_eq!(
        also_in(&credits_fr),
        [(
            "en".to_string(),
            "../credits.html".to_string(),
            "English".to_string()
        )]
    );
    // A section's page and the home page have their translations too.
    assert_eq!(lang(&book.html("fr/examples/index.html")), "fr");
    assert_eq!(
        also_in(&book.html("examples/index.html"))[0].1,
        "../fr/examples/index.html"
    );
    let home_fr = book.html("fr/index.html");
    assert_eq!(lang(&home_fr), "fr");
    assert_eq!(also_in(&book.html("index.html"))[0].1, "fr/index.html");
    // A link written to the translation's file leads to its page.
    let links: Vec<String> = hrefs(&home_fr, ".prose a")
        .into_iter()
        .filter(|h| !h.starts_with('#'))
        .collect();
    assert_eq!(links, ["../fr/examples/index.html", "../fr/credits.html"]);
    // Names that only look like translations stay ordinary pages.
    assert_eq!(lang(&book.html("notes.old.html")), "en");
    assert_eq!(lang(&book.html("release.v2.html")), "en");
    assert!(also_in(&book.html("notes.old.html")).is_empty());
    assert!(!book.out().join("old").exists());
}

/// A translation is no entry of its own in the navigation: the handbook index lists
/// each page once, and the sidebar of the English pages shows no French ones.
#[test]
fn translations_are_not_separate_entries_in_the_navigation() {
    let book = TestBook::fixture("hugo-translations");
    book.build().success();
    let index = book.html("handbook.html");
    let entries = texts(&index, "main a");
    assert_eq!(
        entries.iter().filter(|t| *t == "Credits").count(),
        1,
        "{entries:?}"
    );
    assert!(
        !entries.iter().any(|t| t == "Crédits" || t == "Exemples"),
        "{entries:?}"
    );
    let sidebar = texts(&book.html("examples/single-datasource.html"), ".sidebar a");
    assert!(!sidebar.iter().any(|t| t == "Exemples"), "{sidebar:?}");
}

/// A translated charter is the team's page in French, not a second team; a translated
/// decision record is no second record either.
#[test]
fn a_translated_charter_is_no_second_team() {
    let book = TestBook::fixture("hugo-translations");
    book.build().success();
    let teams = teams(&book);
    assert_eq!(teams.len(), 1, "{teams:?}");
    assert_eq!(teams[0]["slug"], "identity");
    let fr = book.html("fr/teams/identity.html");
    assert_eq!(lang(&fr), "fr");
    assert_eq!(texts(&fr, "h1"), ["Identité"]);
    assert_eq!(
        also_in(&book.html("teams/identity.html"))[0].1,
        "../fr/teams/identity.html"
    );
    let listed = texts(&book.html("teams/index.html"), "main a");
    assert!(!listed.iter().any(|t| t.contains("Identité")), "{listed:?}");
    let decisions = crate::harness::built_decisions(&book);
    assert_eq!(decisions.len(), 1, "{decisions:?}");
    let fr = book.html("fr/decisions/0001-event-driven-sync.html");
    assert_eq!(lang(&fr), "fr");
    assert_eq!(
        also_in(&book.html("decisions/0001-event-driven-sync.html"))[0].1,
        "../fr/decisions/0001-event-driven-sync.html"
    );
}
