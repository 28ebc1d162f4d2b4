//! The theme's own words (navigation, breadcrumbs, "Also in", "Linked from", the footer,
//! the 404 page) in each page's language, and `[ui_text.<lang>]` in orgbook.toml changing
//! or adding them (`src/ui_text.rs`, docs/theming.md). Fixtures `hugo-language-folders`
//! (kubernetes/website's English, French and German folders) and `hugo-translations`
//! (Hermes-doc's translations by file name).

use crate::browser::{Site, wait_js};
use crate::harness::{self, TestBook, hrefs, texts};
use scraper::Html;

const COMPONENTS: &str = "docs/concepts/overview/components.html";

/// The value of attribute `name` on the first element `selector` matches.
fn attr(page: &Html, selector: &str, name: &str) -> String {
    harness::attr(page, selector, name).unwrap_or_else(|| panic!("no {selector}[{name}]"))
}

/// One line of whitespace-joined text.
fn line(page: &Html, selector: &str) -> String {
    texts(page, selector)
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A French page of an English handbook wears French around its text and its English
/// original English. The French page's breadcrumbs follow its original's folders, to
/// their French pages.
#[test]
fn each_page_wears_the_interface_in_its_own_language() {
    let book = TestBook::fixture("hugo-language-folders");
    book.build().success();
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    assert_eq!(texts(&fr, "a.skip"), ["Aller au contenu"]);
    assert_eq!(texts(&fr, ".site-nav a"), ["Manuel"]);
    assert_eq!(attr(&fr, ".site-nav", "aria-label"), "Principale");
    // The way down is the original's, each folder's page in French where it has one.
    assert_eq!(
        texts(&fr, ".breadcrumbs a"),
        [
            "Accueil",
            "Manuel",
            "Documentation",
            "Concepts",
            "Vue d'ensemble"
        ]
    );
    let steps = hrefs(&fr, ".breadcrumbs a");
    assert_eq!(steps[2], "../../../../fr/docs/index.html");
    assert_eq!(steps[4], "../../../../fr/docs/concepts/overview/index.html");
    assert_eq!(texts(&fr, ".versions span"), ["Aussi en :"]);
    assert_eq!(
        line(&fr, "p.source"),
        "Source : content/fr/docs/concepts/overview/components.md"
    );
    assert!(line(&fr, ".site-footer").contains("réalisé avec orgbook · plan du site"));
    assert_eq!(
        attr(&fr, "#search-input", "placeholder"),
        "Rechercher dans le manuel…  /"
    );
    assert_eq!(
        texts(&fr, "label[for=search-input]"),
        ["Rechercher dans le manuel"]
    );

    let en = book.html(COMPONENTS);
    assert_eq!(texts(&en, "a.skip"), ["Skip to content"]);
    assert_eq!(texts(&en, ".site-nav a"), ["Handbook"]);
    assert_eq!(texts(&en, ".breadcrumbs a")[..2], ["Home", "Handbook"]);
    assert_eq!(texts(&en, ".versions span"), ["Also in:"]);
    assert_eq!(
        attr(&en, "#search-input", "placeholder"),
        "Search the handbook…  /"
    );

    // `content/de/` is a folder no configuration declares (data engineering): English.
    let de = book.html("de/onboarding.html");
    assert_eq!(texts(&de, "a.skip"), ["Skip to content"]);
    // The handbook's own pages (indexes, the 404 page) are in the handbook's language.
    assert_eq!(
        texts(&book.html("handbook.html"), "a.skip"),
        ["Skip to content"]
    );
}

/// A translation's "Linked from" and the partials of a handbook with charters and
/// records: the French page says "Pages qui renvoient ici", its original "Linked from";
/// with `language = "de"`, a charter's and a record's own labels are German.
#[test]
fn a_translations_backlinks_and_breadcrumbs_are_in_its_language() {
    let book = TestBook::fixture("hugo-translations");
    book.build().success();
    let fr = book.html("fr/credits.html");
    assert_eq!(texts(&fr, "#backlinks-title"), ["Pages qui renvoient ici"]);
    assert_eq!(texts(&fr, ".breadcrumbs a")[0], "Accueil");
    assert_eq!(
        attr(&fr, "#search-input", "placeholder"),
        "Rechercher équipes, responsables, décisions…  /"
    );
    assert_eq!(
        texts(&fr, ".site-nav a"),
        [
            "Équipes",
            "Organigramme",
            "Décisions",
            "Chronologie",
            "Qui est responsable de quoi",
            "Santé de l’organisation",
            "Manuel"
        ]
    );
    let en = book.html("credits.html");
    assert_eq!(texts(&en, "#backlinks-title"), ["Linked from"]);
    assert_eq!(texts(&en, ".site-nav a")[1], "Org map");
    // A team's page, in the handbook's language, starts its breadcrumbs with "Home ›
    // Teams"; the same with `language = "de"`, in German.
    let team = book.html("teams/identity.html");
    assert_eq!(texts(&team, ".breadcrumbs a")[..2], ["Home", "Teams"]);
    book.edit(
        "orgbook.toml",
        "title = \"Hermes\"",
        "title = \"Hermes\"\nlanguage = \"de\"",
    );
    book.build().success();
    let team = book.html("teams/identity.html");
    assert_eq!(texts(&team, ".breadcrumbs a")[..2], ["Startseite", "Teams"]);
    // The charter's own labels, and its decisions' table.
    assert_eq!(
        texts(&team, ".facts h2"),
        ["Kennzahlen", "Personen", "Platz in der Organisation"]
    );
    assert_eq!(texts(&team, ".metrics th"), ["Kennzahl", "Aktuell", "Ziel"]);
    assert_eq!(
        texts(&team, "table.decisions th")[..5],
        ["ADR", "Titel", "Status", "Typ", "Team"]
    );
    let record = book.html("decisions/0001-event-driven-sync.html");
    let labels = texts(&record, "dl.meta dt");
    assert!(
        labels.starts_with(&["Team".to_string(), "Vorgeschlagen am".to_string()])
            && labels.contains(&"Entscheidende".to_string()),
        "{labels:?}"
    );
    assert_eq!(
        texts(&record, ".breadcrumbs a")[..2],
        ["Startseite", "Entscheidungen"]
    );
    assert!(
        line(&record, ".page-meta").starts_with("Vorgeschlagen am")
            || line(&record, ".page-meta").starts_with("Entschieden am"),
        "{}",
        line(&record, ".page-meta")
    );
}

/// `[ui_text.<lang>]` changes a word of a language orgbook has (English's "Handbook",
/// French's "Accueil") and gives words to one it has not (Swedish): a key the table
/// leaves out stays English.
#[test]
fn orgbook_toml_changes_and_adds_words() {
    let book = TestBook::fixture("hugo-language-folders");
    book.write(
        "orgbook.toml",
        "title = \"Kubernetes\"\n\n[ui_text.en]\nhandbook = \"Docs\"\nkind_team = \"Squad <img src=x onerror=alert(1)>\"\n\n[ui_text.fr]\nhome = \"Page d’accueil\"\n\n[ui_text.sv]\non_this_page = \"På den här sidan\"\nhandbook = \"Handbok\"\n",
    );
    book.write(
        "content/en/docs/rutiner.md",
        "---\ntitle: Rutiner\nlang: sv\n---\n\n## Första dagen\n\nText.\n\n## Andra dagen\n\nText.\n\n## Tredje dagen\n\nText.\n",
    );
    book.build().success();
    let en = book.html(COMPONENTS);
    assert_eq!(texts(&en, ".site-nav a"), ["Docs"]);
    assert_eq!(texts(&en, ".breadcrumbs a")[..2], ["Home", "Docs"]);
    // A word changed for search.js reaches it as data, escaped in the page.
    let raw = book.output_file(COMPONENTS);
    assert!(
        !raw.contains("<img src=x"),
        "a word's markup reached the page as markup"
    );
    let words: serde_json::Value =
        serde_json::from_str(&attr(&en, "form.search", "data-words")).unwrap();
    assert_eq!(words["kind_team"], "Squad <img src=x onerror=alert(1)>");
    assert_eq!(words["kind_page"], "Page");
    let fr = book.html(&format!("fr/{COMPONENTS}"));
    assert_eq!(
        texts(&fr, ".breadcrumbs a")[..2],
        ["Page d’accueil", "Manuel"]
    );
    assert_eq!(texts(&fr, "a.skip"), ["Aller au contenu"]);
    let sv = book.html("docs/rutiner.html");
    assert_eq!(texts(&sv, "#toc-title"), ["På den här sidan"]);
    assert_eq!(texts(&sv, ".site-nav a"), ["Handbok"]);
    assert_eq!(texts(&sv, "a.skip"), ["Skip to content"]);
}

/// A misspelt word's key fails the build at its line with the key it meant; a table named
/// by something that is not a language tag says how to write the tag.
#[test]
fn a_misspelt_key_or_language_fails_at_its_line() {
    let book = TestBook::fixture("hugo-language-folders");
    book.write(
        "orgbook.toml",
        "title = \"Kubernetes\"\n\n[ui_text.fr]\non_this_pag = \"Sur cette page\"\n",
    );
    book.build()
        .failure(1)
        .stderr_has("unknown key `on_this_pag` in [ui_text.fr]")
        .stderr_has("did you mean `on_this_page`?")
        .stderr_has("orgbook.toml:4:1");
    book.write(
        "orgbook.toml",
        "title = \"Kubernetes\"\n\n[ui_text.fr_CA]\nhome = \"Accueil\"\n",
    );
    book.build()
        .failure(1)
        .stderr_has("\"fr_CA\" is not a language tag")
        .stderr_has("\"fr-CA\"");
    // A language's words are a table; a word is a string.
    book.write(
        "orgbook.toml",
        "title = \"Kubernetes\"\n\n[ui_text]\nfr = \"Accueil\"\n\n[ui_text.de]\nhome = 3\n",
    );
    book.build()
        .failure(1)
        .stderr_has("`fr` in [ui_text] must be a table, found string")
        .stderr_has("or a [ui_text.fr] section")
        .stderr_has("`home` in [ui_text.de] must be a string, found integer");
}

/// The 404 page is in the handbook's language and links only to pages the handbook has:
/// no teams index for a handbook without charters.
#[test]
fn the_404_page_speaks_the_handbooks_language_and_links_what_exists() {
    let book = TestBook::fixture("hugo-language-folders");
    book.edit(
        "orgbook.toml",
        "title = \"Kubernetes\"",
        "title = \"Kubernetes\"\nlanguage = \"fr\"",
    );
    book.build().success();
    let page = book.html("404.html");
    assert_eq!(texts(&page, "main h1"), ["Page introuvable"]);
    assert_eq!(texts(&page, ".not-found-links a"), ["Accueil", "Manuel"]);

    let book = TestBook::fixture("hugo-translations");
    book.build().success();
    let page = book.html("404.html");
    assert_eq!(
        texts(&page, ".not-found-links a"),
        ["Home", "Teams", "Decisions", "Handbook"]
    );
    for href in hrefs(&page, ".not-found-links a") {
        let path = href.trim_start_matches('/');
        assert!(
            book.out().join(path).is_file(),
            "404 links to missing {href}"
        );
    }
}

/// The French page's search dropdown, in Chromium: its words come from the form's
/// `data-words` (`search.js`), a query with `$&` in it stays as typed, and the English
/// page's form carries no words at all.
#[test]
fn the_search_dropdown_speaks_the_pages_language() {
    static SITE: Site = Site::new(|scratch| TestBook::fixture_in("hugo-language-folders", scratch));
    const TYPE: &str = r#"
        const input = document.getElementById('search-input');
        input.value = arguments[0];
        input.dispatchEvent(new Event('input', { bubbles: true }));
    "#;
    const READ: &str = r#"
        const list = document.getElementById('search-listbox');
        const all = list && list.querySelector('.search-all');
        return {
            message: list ? [...list.querySelectorAll('.search-message')].map(e => e.textContent) : [],
            all: all ? all.textContent : null,
            live: (document.querySelector('.search-sr') || {}).textContent || '',
        };
    "#;
    SITE.browse(|c, server| async move {
        c.goto(&server.url(&format!("fr/{COMPONENTS}")))
            .await
            .unwrap();
        c.execute(TYPE, vec!["zzqx$&".into()]).await.unwrap();
        let seen = wait_js(c, "the French no-results message", READ, |v| {
            v["message"].as_array().is_some_and(|m| !m.is_empty())
        })
        .await;
        assert_eq!(seen["message"][0], "Aucun résultat pour « zzqx$& »");
        c.execute(TYPE, vec!["composants".into()]).await.unwrap();
        let seen = wait_js(c, "French results", READ, |v| v["all"].is_string()).await;
        let all = seen["all"].as_str().unwrap();
        assert!(
            all.contains("résultat") && all.contains("« composants »"),
            "{all}"
        );
        assert!(
            seen["live"].as_str().unwrap().contains("résultat"),
            "{seen}"
        );

        c.goto(&server.url(COMPONENTS)).await.unwrap();
        let words = c
            .execute(
                "return document.querySelector('form.search').hasAttribute('data-words');",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(words, false, "an English page carries no words");
        c.execute(TYPE, vec!["zzqx".into()]).await.unwrap();
        let seen = wait_js(c, "the English no-results message", READ, |v| {
            v["message"].as_array().is_some_and(|m| !m.is_empty())
        })
        .await;
        assert_eq!(seen["message"][0], "No results for “zzqx”");
    });
}

/// `basic` (3 charters, 2 decision records, 2 handbook pages) with `language = …` and
/// `extra` after it in orgbook.toml.
fn basic_in(language: &str, extra: &str) -> TestBook {
    let book = TestBook::fixture("basic");
    let toml = book.read("orgbook.toml");
    book.write(
        "orgbook.toml",
        &format!("language = \"{language}\"\n{toml}\n{extra}"),
    );
    book.build().success();
    book
}

/// The index pages speak the handbook's language, and each count takes the form its
/// language's plural rules give the number: French says "0 page" and "1 groupe" where
/// English says "0 pages" and "1 group".
#[test]
fn the_index_pages_speak_the_handbooks_language_with_its_plurals() {
    let fr = basic_in("fr", "");
    let teams = fr.html("teams/index.html");
    assert_eq!(texts(&teams, "main h1"), ["Équipes"]);
    assert!(
        line(&teams, "p.lede").starts_with("3 équipes et groupes, à l’image de l’organisation."),
        "{}",
        line(&teams, "p.lede")
    );
    assert_eq!(
        texts(&teams, "table.directory th"),
        ["Nom", "Responsable", "Taille", "Indicateur principal"]
    );
    let decisions = fr.html("decisions/index.html");
    assert_eq!(
        texts(&decisions, "form.filters label")
            .iter()
            .map(|l| l.split_whitespace().next().unwrap_or_default().to_string())
            .collect::<Vec<_>>(),
        ["Statut", "Type", "Équipe", "Étiquette"]
    );
    assert_eq!(texts(&decisions, "form.filters button"), ["Filtrer"]);
    // Status names are shown in French; their filter values and CSS classes stay English.
    assert_eq!(
        texts(&decisions, "select[name=status] option"),
        [
            "tous",
            "proposée",
            "acceptée",
            "rejetée",
            "obsolète",
            "remplacée"
        ]
    );
    assert_eq!(
        harness::attr(
            &decisions,
            "select[name=status] option:nth-child(3)",
            "value"
        )
        .unwrap(),
        "accepted"
    );
    let superseded = fr.html("decisions/0001-use-go.html");
    assert_eq!(texts(&superseded, ".badges .status"), ["remplacée"]);
    assert!(
        line(&superseded, "p.notice").starts_with("Remplacée par ADR 2"),
        "{}",
        line(&superseded, "p.notice")
    );
    let timeline = fr.html("timeline.html");
    assert_eq!(texts(&timeline, "main h1"), ["Chronologie des décisions"]);
    assert_eq!(texts(&timeline, "h2"), ["février 2026", "janvier 2025"]);
    assert!(line(&timeline, "p.lede").starts_with("2 décisions par mois"));
    let home = fr.html("index.html");
    let stats = line(&home, "ul.stats");
    for figure in [
        "2 équipes",
        "1 groupe ",
        "2 décisions",
        "0 proposition ouverte",
    ] {
        assert!(stats.contains(figure), "{figure:?} in {stats}");
    }
    // The scripts' words, a counted one as its forms (read in Chromium below).
    let words: serde_json::Value =
        serde_json::from_str(&attr(&teams, "form.search", "data-words")).unwrap();
    assert_eq!(words["zoom_fit_label"], "Ajuster la carte à la largeur");
    assert_eq!(words["teams_found"]["one"], "{n} équipe trouvée");
    assert_eq!(words["teams_found"]["other"], "{n} équipes trouvées");
    // The health page: its questions, rule titles and counted answers.
    let health = fr.html("health.html");
    assert_eq!(texts(&health, "h2#summary"), ["Résumé"]);
    let rules = texts(&health, "section.rule h2");
    assert!(
        rules
            .iter()
            .any(|r| r.starts_with("Équipes dont les indicateurs n’ont pas de cible")),
        "{rules:?}"
    );
    assert!(
        line(&health, "section.rule p.muted").contains("propositions ouvertes par décideur"),
        "the limits' notes in French"
    );
    let summary = line(&health, "ol.audit");
    assert!(
        summary.contains("Quelles chartes sont périmées ou trop grandes ?")
            && summary.contains("0 groupe vide"),
        "{summary}"
    );
    let people = fr.html("people.html");
    assert_eq!(texts(&people, "main h1"), ["Personnes"]);
    assert!(line(&people, "p.lede").ends_with(" personnes."));

    // English, the same handbook: the plural English gives 0 and 1.
    let en = basic_in("en", "");
    let stats = line(&en.html("index.html"), "ul.stats");
    for figure in ["2 teams", "1 group ", "2 decisions", "0 open proposals"] {
        assert!(stats.contains(figure), "{figure:?} in {stats}");
    }
    assert_eq!(
        texts(&en.html("timeline.html"), "h2"),
        ["February 2026", "January 2025"]
    );
}

/// A language orgbook has no table for gets its words, with the forms its numbers take,
/// from orgbook.toml: Polish says "2 zespoły" and "5 zespołów".
#[test]
fn orgbook_toml_gives_a_language_its_plural_forms() {
    let pl = basic_in(
        "pl",
        "[ui_text.pl]\nteams = \"Zespoły\"\nstat_teams = { one = \"zespół\", few = \"zespoły\", many = \"zespołów\", other = \"zespołu\" }\n\n[ui_text.pl.stat_groups]\none = \"grupa\"\nfew = \"grupy\"\nmany = \"grup\"\n",
    );
    let home = pl.html("index.html");
    let stats = line(&home, "ul.stats");
    assert!(stats.contains("2 zespoły"), "{stats}");
    assert!(stats.contains("1 grupa"), "{stats}");
    // Words it does not give stay English.
    assert!(stats.contains("2 decisions"), "{stats}");
    assert_eq!(texts(&pl.html("teams/index.html"), "main h1"), ["Zespoły"]);

    // A category that is not CLDR's fails at its line, naming the ones there are.
    let bad = TestBook::fixture("basic");
    let toml = bad.read("orgbook.toml");
    bad.write(
        "orgbook.toml",
        &format!(
            "{toml}\n[ui_text.pl]\nstat_teams = {{ one = \"zespół\", several = \"zespoły\" }}\n"
        ),
    );
    bad.build()
        .failure(1)
        .stderr_has("unknown key `several` in [ui_text.pl.stat_teams]")
        .stderr_has("orgbook.toml:4:")
        .stderr_has("known keys are: zero, one, two, few, many, other");
}

/// The theme's scripts speak the page's language too, in Chromium: the decisions filter's
/// status (`page.js`, a counted sentence picked by the browser's plural rules), the org
/// map's team finder (`orgmap.js`) and the search page's summary
/// (`search.js`), from the search form's `data-words`.
#[test]
fn the_scripts_speak_the_handbooks_language() {
    static SITE: Site = Site::new(|scratch| {
        let book = TestBook::fixture_in("basic", scratch);
        let toml = book.read("orgbook.toml");
        book.write("orgbook.toml", &format!("language = \"fr\"\n{toml}"));
        book
    });
    SITE.browse(|c, server| async move {
        c.goto(&server.url("decisions/index.html?status=accepted"))
            .await
            .unwrap();
        let status = wait_js(
            c,
            "the French filter status",
            "return document.documentElement.getAttribute('data-filter-done') === 'true' \
             ? document.querySelector('.filter-status').textContent : null;",
            |v| v.is_string(),
        )
        .await;
        assert_eq!(status, "1 décision sur 2 correspond. Tout afficher");

        c.goto(&server.url("orgmap.html")).await.unwrap();
        c.execute(
            "const i = document.getElementById('om-find-input'); i.value = 'a'; \
             i.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![],
        )
        .await
        .unwrap();
        let found = wait_js(
            c,
            "the team finder's count",
            "return document.getElementById('om-find-status').textContent || null;",
            |v| v.is_string(),
        )
        .await;
        let found = found.as_str().unwrap();
        assert!(
            found.ends_with("équipe trouvée") || found.ends_with("équipes trouvées"),
            "{found}"
        );

        c.goto(&server.url("search.html?q=rust")).await.unwrap();
        let summary = wait_js(
            c,
            "the search page's summary",
            "return document.querySelector('.search-summary')?.textContent || null;",
            |v| v.is_string(),
        )
        .await;
        assert!(
            summary.as_str().unwrap().contains("pour « rust »"),
            "{summary}"
        );
    });
}
