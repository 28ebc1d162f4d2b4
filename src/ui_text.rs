//! The words of the theme's own interface (the navigation, "On this page", "Edit this
//! page", "Also in", the pager, the 404 page), in each page's language. A handbook written
//! in French, or a French translation of an English page, gets a French interface around
//! its text instead of English chrome.
//!
//! English is the base; orgbook ships tables for the languages listed in [`BUNDLED`], and
//! `[ui_text.<lang>]` in orgbook.toml changes any word for any language (docs/theming.md),
//! including English ("Org chart" for "Org map") and languages orgbook has no table for. A
//! key a table lacks falls back to English, so a partial table is never a broken page.
//! Templates read them as `t.<key>` (every page's context carries the page language's
//! [`UiText`]); the tables are small and resolved once a build, so a page pays one
//! reference, not a lookup per word.

use serde::Serialize;
use std::borrow::Cow;

macro_rules! ui_text {
    ($($(#[doc = $doc:literal])* $key:ident: $english:literal,)*) => {
        /// Every word of the interface for one language, each key as `t.<key>` in templates.
        #[derive(Serialize, Clone, Debug, PartialEq)]
        pub struct UiText {
            $($(#[doc = $doc])* pub $key: Cow<'static, str>,)*
            /// The words `search.js` shows (the keys in [`SEARCH_KEYS`]) as a JSON object
            /// for the search form's `data-words`; empty when they are English's, so an
            /// English page carries nothing more.
            pub search_words: String,
        }

        /// The keys of [`UiText`], as `[ui_text.<lang>]` and templates name them.
        pub const KEYS: &[&str] = &[$(stringify!($key),)*];

        impl UiText {
            pub fn english() -> Self {
                UiText { $($key: Cow::Borrowed($english),)* search_words: String::new() }
            }

            fn slot(&mut self, key: &str) -> Option<&mut Cow<'static, str>> {
                match key {
                    $(stringify!($key) => Some(&mut self.$key),)*
                    _ => None,
                }
            }

            fn get(&self, key: &str) -> Option<&str> {
                match key {
                    $(stringify!($key) => Some(&self.$key),)*
                    _ => None,
                }
            }
        }
    };
}

ui_text! {
    skip_to_content: "Skip to content",
    /// The search box's label for screen readers.
    search_label: "Search the handbook",
    search_needs_js: "Search needs JavaScript",
    /// The search box's placeholder in a handbook with charters and decision records.
    search_placeholder_all: "Search teams, owners, decisions…",
    /// … with charters only.
    search_placeholder_teams: "Search teams, owners, pages…",
    /// … with decision records only.
    search_placeholder_decisions: "Search decisions and pages…",
    /// … with neither.
    search_placeholder_pages: "Search the handbook…",
    /// The main navigation's label for screen readers.
    main_nav_label: "Main",
    teams: "Teams",
    org_map: "Org map",
    decisions: "Decisions",
    timeline: "Timeline",
    ownership: "Who owns what",
    org_health: "Org health",
    handbook: "Handbook",
    /// The first breadcrumb.
    home: "Home",
    breadcrumb_label: "Breadcrumb",
    languages_label: "Languages",
    /// Before the links to a page's other language versions.
    also_in: "Also in:",
    /// The footer's "… · built with orgbook".
    built_with: "built with",
    sitemap: "sitemap",
    decisions_feed: "decisions feed",
    /// The sidebar of a handbook page.
    in_this_section: "In this section",
    section_nav_label: "Section",
    on_this_page: "On this page",
    previous: "Previous",
    next: "Next",
    prev_next_label: "Previous and next page",
    /// The pager of a list split over several pages.
    pager_label: "Pages of this list",
    /// Before the path of the file a page was built from.
    source: "Source:",
    /// Before a date: when git last saw the file change.
    last_updated: "Last updated",
    /// Before a date: a charter's `reviewed`.
    charter_reviewed: "Charter reviewed",
    /// Before a date: a decision record's decision.
    decided: "Decided",
    /// Before a date: a decision record still proposed.
    proposed: "Proposed",
    edit_this_page: "Edit this page",
    /// Above the pages that link to this one.
    linked_from: "Linked from",
    /// After the first pages linking here, when one more does.
    more_pages_one: "and 1 more page",
    /// … when `{n}` more do.
    more_pages: "and {n} more pages",
    not_found_title: "Page not found",
    not_found_text: "This page does not exist, or it moved. Try one of these pages, or search above.",
    /// The search dropdown (`search.js`), `{q}` the query typed: nothing found.
    search_no_results: "No results for “{q}”",
    search_unavailable: "Search is unavailable: the index could not be loaded.",
    /// The dropdown's link to the search page, when the index only estimates the count.
    search_about_results: "About {n} results for “{q}”",
    search_all_results: "All {n} results for “{q}”",
    search_one_result: "All 1 result for “{q}”",
    /// Said to screen readers when the dropdown opens.
    search_live: "{n} results",
    search_live_owner: "Code owner found, {n} results",
    /// What each result row is.
    kind_team: "Team",
    kind_group: "Group",
    kind_decision: "Decision",
    kind_page: "Page",
    kind_owner: "Code owner",
    /// A charter's metrics table.
    metrics: "Metrics",
    metric: "Metric",
    current: "Current",
    target: "Target",
    /// What a team owns.
    owns: "Owns",
    /// The CODEOWNERS paths of a team.
    code: "Code",
    people: "People",
    lead: "Lead",
    members: "Members",
    place_in_org: "Place in the org",
    in_this_group: "In this group",
    part_of: "Part of",
    /// A team under no group.
    top_level: "top level",
    topology: "Topology",
    interactions: "Interactions",
    collaborates_with: "We collaborate with",
    uses: "We use",
    facilitates: "We facilitate",
    used_by: "Used by",
    facilitated_by: "Facilitated by",
    /// `{team}` the team's name.
    pages_of: "Pages of {team}",
    all_decisions_of: "All {n} decisions of {team}",
    see_in_interactions_map: "See {team} in the interactions map",
    /// A decision record's.
    authors: "Authors",
    deciders: "Deciders",
    revisit: "Revisit",
    tags: "Tags",
    supersedes: "Supersedes",
    superseded_by: "Superseded by",
    /// A proposed record's.
    would_supersede: "Would supersede",
    /// A rejected record's.
    proposed_to_supersede: "Proposed to supersede",
    proposed_successors: "Proposed successors",
    /// The decision tables' columns.
    title_column: "Title",
    status_column: "Status",
    type_column: "Type",
    decided_column: "Decided",
    or_proposed: "(or proposed)",
    /// After the date of a record still proposed.
    proposed_marker: "proposed",
}

/// The keys `search.js` reads from the search form's `data-words`.
pub const SEARCH_KEYS: &[&str] = &[
    "search_no_results",
    "search_unavailable",
    "search_about_results",
    "search_all_results",
    "search_one_result",
    "search_live",
    "search_live_owner",
    "kind_team",
    "kind_group",
    "kind_decision",
    "kind_page",
    "kind_owner",
];

/// The languages orgbook has a table for, by primary language subtag; `zh` is Simplified
/// Chinese. Each table names every key (a unit test checks it).
pub const BUNDLED: &[(&str, &[(&str, &str)])] = &[
    ("de", DE),
    ("es", ES),
    ("fr", FR),
    ("it", IT),
    ("ja", JA),
    ("ko", KO),
    ("nl", NL),
    ("pt", PT),
    ("zh", ZH),
];

/// One `[ui_text.<lang>]` table of orgbook.toml: the language as written and its words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UiTextOverride {
    pub lang: String,
    pub words: Vec<(String, String)>,
}

/// The interface's words for every language the build may need, resolved once.
#[derive(Debug, Clone)]
pub struct UiTexts {
    /// `(lowercased tag, words)`: each bundled language and each language orgbook.toml names.
    by_lang: Vec<(String, Words)>,
    english: Words,
}

/// One language's words, with their template value built once. Tera 2 copies a
/// `tera::Value` met inside a context by its reference count, so each page's `t` costs
/// one count; serialised field by field it cost 2–3 % of a 10,000-page build's CPU
/// (`benches/pair.py`, docs/performance.md).
#[derive(Debug, Clone)]
pub struct Words {
    text: UiText,
    value: tera::Value,
}

impl Words {
    fn new(text: UiText) -> Words {
        let value = tera::Value::from_serializable(&text);
        Words { text, value }
    }
}

impl std::ops::Deref for Words {
    type Target = UiText;
    fn deref(&self) -> &UiText {
        &self.text
    }
}

impl Serialize for Words {
    /// Templates get the shared value; `serve`'s context hash (not human-readable, as for
    /// `render::deps::Drawn`) gets the words in field order, since the value's map is a
    /// hash map whose order differs between two builds of the same words.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.value.serialize(serializer)
        } else {
            self.text.serialize(serializer)
        }
    }
}

impl UiTexts {
    pub fn new(overrides: &[UiTextOverride]) -> Self {
        let mut tags: Vec<String> = BUNDLED.iter().map(|(tag, _)| tag.to_string()).collect();
        tags.extend(overrides.iter().map(|o| o.lang.to_ascii_lowercase()));
        tags.push("en".into());
        tags.sort();
        tags.dedup();
        let by_lang = tags
            .into_iter()
            .map(|tag| {
                let words = Words::new(resolve(&tag, overrides));
                (tag, words)
            })
            .collect();
        UiTexts {
            by_lang,
            english: Words::new(UiText::english()),
        }
    }

    /// The words for a page in language `tag` (`pt-BR` takes `pt`'s when there is no
    /// `pt-BR` table); English for a language nothing names.
    pub fn for_lang(&self, tag: &str) -> &Words {
        let find = |t: &str| {
            self.by_lang
                .iter()
                .find(|(lang, _)| lang.eq_ignore_ascii_case(t))
                .map(|(_, words)| words)
        };
        find(tag)
            .or_else(|| find(primary(tag)))
            .unwrap_or(&self.english)
    }
}

impl Default for UiTexts {
    fn default() -> Self {
        UiTexts::new(&[])
    }
}

impl UiText {
    /// The search box's placeholder for a handbook with (or without) charters and
    /// decision records; the `/` after it is the key that focuses the box.
    pub fn search_placeholder(&self, teams: bool, decisions: bool) -> String {
        let words = match (teams, decisions) {
            (true, true) => &self.search_placeholder_all,
            (true, false) => &self.search_placeholder_teams,
            (false, true) => &self.search_placeholder_decisions,
            (false, false) => &self.search_placeholder_pages,
        };
        format!("{words}  /")
    }
}

/// `pt` of `pt-BR`.
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// English, then the bundled table of `tag`'s language, then orgbook.toml's words for the
/// language and for the exact tag, each over the one before.
fn resolve(tag: &str, overrides: &[UiTextOverride]) -> UiText {
    let mut words = UiText::english();
    let base = primary(tag);
    if let Some((_, table)) = BUNDLED.iter().find(|(t, _)| *t == base) {
        for (key, value) in table.iter() {
            if let Some(slot) = words.slot(key) {
                *slot = Cow::Borrowed(value);
            }
        }
    }
    let general = overrides
        .iter()
        .filter(|o| o.lang.eq_ignore_ascii_case(base) && !base.eq_ignore_ascii_case(tag));
    let exact = overrides
        .iter()
        .filter(|o| o.lang.eq_ignore_ascii_case(tag));
    for o in general.chain(exact) {
        for (key, value) in &o.words {
            if let Some(slot) = words.slot(key) {
                *slot = Cow::Owned(value.clone());
            }
        }
    }
    let english = UiText::english();
    if SEARCH_KEYS.iter().any(|k| words.get(k) != english.get(k)) {
        let map: serde_json::Map<String, serde_json::Value> = SEARCH_KEYS
            .iter()
            .filter_map(|k| Some((k.to_string(), words.get(k)?.into())))
            .collect();
        words.search_words = serde_json::Value::Object(map).to_string();
    }
    words
}

const DE: &[(&str, &str)] = &[
    ("skip_to_content", "Zum Inhalt springen"),
    ("search_label", "Im Handbuch suchen"),
    ("search_needs_js", "Die Suche benötigt JavaScript"),
    (
        "search_placeholder_all",
        "Teams, Zuständige, Entscheidungen suchen…",
    ),
    (
        "search_placeholder_teams",
        "Teams, Zuständige, Seiten suchen…",
    ),
    (
        "search_placeholder_decisions",
        "Entscheidungen und Seiten suchen…",
    ),
    ("search_placeholder_pages", "Im Handbuch suchen…"),
    ("main_nav_label", "Hauptnavigation"),
    ("teams", "Teams"),
    ("org_map", "Organigramm"),
    ("decisions", "Entscheidungen"),
    ("timeline", "Zeitleiste"),
    ("ownership", "Wer ist wofür zuständig"),
    ("org_health", "Zustand der Organisation"),
    ("handbook", "Handbuch"),
    ("home", "Startseite"),
    ("breadcrumb_label", "Brotkrümelnavigation"),
    ("languages_label", "Sprachen"),
    ("also_in", "Auch auf:"),
    ("built_with", "erstellt mit"),
    ("sitemap", "Sitemap"),
    ("decisions_feed", "Feed der Entscheidungen"),
    ("in_this_section", "In diesem Abschnitt"),
    ("section_nav_label", "Abschnitt"),
    ("on_this_page", "Auf dieser Seite"),
    ("previous", "Zurück"),
    ("next", "Weiter"),
    ("prev_next_label", "Vorherige und nächste Seite"),
    ("pager_label", "Seiten dieser Liste"),
    ("source", "Quelle:"),
    ("last_updated", "Zuletzt aktualisiert"),
    ("charter_reviewed", "Charta geprüft am"),
    ("decided", "Entschieden am"),
    ("proposed", "Vorgeschlagen am"),
    ("edit_this_page", "Diese Seite bearbeiten"),
    ("linked_from", "Verlinkt von"),
    ("more_pages_one", "und 1 weitere Seite"),
    ("more_pages", "und {n} weitere Seiten"),
    ("not_found_title", "Seite nicht gefunden"),
    (
        "not_found_text",
        "Diese Seite gibt es nicht, oder sie wurde verschoben. Versuchen Sie eine dieser Seiten, oder suchen Sie oben.",
    ),
    ("search_no_results", "Keine Ergebnisse für „{q}“"),
    (
        "search_unavailable",
        "Die Suche ist nicht verfügbar: Der Index konnte nicht geladen werden.",
    ),
    ("search_about_results", "Etwa {n} Ergebnisse für „{q}“"),
    ("search_all_results", "Alle {n} Ergebnisse für „{q}“"),
    ("search_one_result", "1 Ergebnis für „{q}“"),
    ("search_live", "{n} Ergebnisse"),
    ("search_live_owner", "Code-Owner gefunden, {n} Ergebnisse"),
    ("kind_team", "Team"),
    ("kind_group", "Gruppe"),
    ("kind_decision", "Entscheidung"),
    ("kind_page", "Seite"),
    ("kind_owner", "Code-Owner"),
    ("metrics", "Kennzahlen"),
    ("metric", "Kennzahl"),
    ("current", "Aktuell"),
    ("target", "Ziel"),
    ("owns", "Verantwortet"),
    ("code", "Code"),
    ("people", "Personen"),
    ("lead", "Leitung"),
    ("members", "Mitglieder"),
    ("place_in_org", "Platz in der Organisation"),
    ("in_this_group", "In dieser Gruppe"),
    ("part_of", "Teil von"),
    ("top_level", "oberste Ebene"),
    ("topology", "Topologie"),
    ("interactions", "Zusammenarbeit"),
    ("collaborates_with", "Wir arbeiten zusammen mit"),
    ("uses", "Wir nutzen"),
    ("facilitates", "Wir unterstützen"),
    ("used_by", "Genutzt von"),
    ("facilitated_by", "Unterstützt von"),
    ("pages_of", "Seiten von {team}"),
    ("all_decisions_of", "Alle {n} Entscheidungen von {team}"),
    (
        "see_in_interactions_map",
        "{team} in der Karte der Zusammenarbeit ansehen",
    ),
    ("authors", "Autoren"),
    ("deciders", "Entscheidende"),
    ("revisit", "Überprüfen am"),
    ("tags", "Schlagwörter"),
    ("supersedes", "Ersetzt"),
    ("superseded_by", "Ersetzt durch"),
    ("would_supersede", "Würde ersetzen"),
    ("proposed_to_supersede", "Sollte ersetzen"),
    ("proposed_successors", "Vorgeschlagene Nachfolger"),
    ("title_column", "Titel"),
    ("status_column", "Status"),
    ("type_column", "Typ"),
    ("decided_column", "Entschieden"),
    ("or_proposed", "(oder vorgeschlagen)"),
    ("proposed_marker", "vorgeschlagen"),
];

const ES: &[(&str, &str)] = &[
    ("skip_to_content", "Saltar al contenido"),
    ("search_label", "Buscar en el manual"),
    ("search_needs_js", "La búsqueda necesita JavaScript"),
    (
        "search_placeholder_all",
        "Buscar equipos, responsables, decisiones…",
    ),
    (
        "search_placeholder_teams",
        "Buscar equipos, responsables, páginas…",
    ),
    (
        "search_placeholder_decisions",
        "Buscar decisiones y páginas…",
    ),
    ("search_placeholder_pages", "Buscar en el manual…"),
    ("main_nav_label", "Principal"),
    ("teams", "Equipos"),
    ("org_map", "Organigrama"),
    ("decisions", "Decisiones"),
    ("timeline", "Cronología"),
    ("ownership", "Quién es responsable de qué"),
    ("org_health", "Salud de la organización"),
    ("handbook", "Manual"),
    ("home", "Inicio"),
    ("breadcrumb_label", "Ruta de navegación"),
    ("languages_label", "Idiomas"),
    ("also_in", "También en:"),
    ("built_with", "creado con"),
    ("sitemap", "mapa del sitio"),
    ("decisions_feed", "feed de decisiones"),
    ("in_this_section", "En esta sección"),
    ("section_nav_label", "Sección"),
    ("on_this_page", "En esta página"),
    ("previous", "Anterior"),
    ("next", "Siguiente"),
    ("prev_next_label", "Página anterior y siguiente"),
    ("pager_label", "Páginas de esta lista"),
    ("source", "Fuente:"),
    ("last_updated", "Última actualización"),
    ("charter_reviewed", "Carta revisada el"),
    ("decided", "Decidido el"),
    ("proposed", "Propuesto el"),
    ("edit_this_page", "Editar esta página"),
    ("linked_from", "Enlazado desde"),
    ("more_pages_one", "y 1 página más"),
    ("more_pages", "y {n} páginas más"),
    ("not_found_title", "Página no encontrada"),
    (
        "not_found_text",
        "Esta página no existe o se ha movido. Pruebe una de estas páginas, o busque arriba.",
    ),
    ("search_no_results", "No hay resultados para «{q}»"),
    (
        "search_unavailable",
        "La búsqueda no está disponible: no se pudo cargar el índice.",
    ),
    ("search_about_results", "Unos {n} resultados para «{q}»"),
    ("search_all_results", "Los {n} resultados para «{q}»"),
    ("search_one_result", "1 resultado para «{q}»"),
    ("search_live", "{n} resultados"),
    (
        "search_live_owner",
        "Responsable del código encontrado, {n} resultados",
    ),
    ("kind_team", "Equipo"),
    ("kind_group", "Grupo"),
    ("kind_decision", "Decisión"),
    ("kind_page", "Página"),
    ("kind_owner", "Responsable del código"),
    ("metrics", "Métricas"),
    ("metric", "Métrica"),
    ("current", "Actual"),
    ("target", "Objetivo"),
    ("owns", "Es responsable de"),
    ("code", "Código"),
    ("people", "Personas"),
    ("lead", "Responsable"),
    ("members", "Miembros"),
    ("place_in_org", "Lugar en la organización"),
    ("in_this_group", "En este grupo"),
    ("part_of", "Parte de"),
    ("top_level", "nivel superior"),
    ("topology", "Topología"),
    ("interactions", "Interacciones"),
    ("collaborates_with", "Colaboramos con"),
    ("uses", "Usamos"),
    ("facilitates", "Facilitamos"),
    ("used_by", "Usado por"),
    ("facilitated_by", "Facilitado por"),
    ("pages_of", "Páginas de {team}"),
    ("all_decisions_of", "Las {n} decisiones de {team}"),
    (
        "see_in_interactions_map",
        "Ver {team} en el mapa de interacciones",
    ),
    ("authors", "Autores"),
    ("deciders", "Decisores"),
    ("revisit", "Revisar el"),
    ("tags", "Etiquetas"),
    ("supersedes", "Reemplaza a"),
    ("superseded_by", "Reemplazada por"),
    ("would_supersede", "Reemplazaría a"),
    ("proposed_to_supersede", "Propuso reemplazar a"),
    ("proposed_successors", "Sucesoras propuestas"),
    ("title_column", "Título"),
    ("status_column", "Estado"),
    ("type_column", "Tipo"),
    ("decided_column", "Decidida"),
    ("or_proposed", "(o propuesta)"),
    ("proposed_marker", "propuesta"),
];

const FR: &[(&str, &str)] = &[
    ("skip_to_content", "Aller au contenu"),
    ("search_label", "Rechercher dans le manuel"),
    ("search_needs_js", "La recherche nécessite JavaScript"),
    (
        "search_placeholder_all",
        "Rechercher équipes, responsables, décisions…",
    ),
    (
        "search_placeholder_teams",
        "Rechercher équipes, responsables, pages…",
    ),
    (
        "search_placeholder_decisions",
        "Rechercher décisions et pages…",
    ),
    ("search_placeholder_pages", "Rechercher dans le manuel…"),
    ("main_nav_label", "Principale"),
    ("teams", "Équipes"),
    ("org_map", "Organigramme"),
    ("decisions", "Décisions"),
    ("timeline", "Chronologie"),
    ("ownership", "Qui est responsable de quoi"),
    ("org_health", "Santé de l’organisation"),
    ("handbook", "Manuel"),
    ("home", "Accueil"),
    ("breadcrumb_label", "Fil d’Ariane"),
    ("languages_label", "Langues"),
    ("also_in", "Aussi en :"),
    ("built_with", "réalisé avec"),
    ("sitemap", "plan du site"),
    ("decisions_feed", "flux des décisions"),
    ("in_this_section", "Dans cette section"),
    ("section_nav_label", "Section"),
    ("on_this_page", "Sur cette page"),
    ("previous", "Précédent"),
    ("next", "Suivant"),
    ("prev_next_label", "Page précédente et suivante"),
    ("pager_label", "Pages de cette liste"),
    ("source", "Source :"),
    ("last_updated", "Dernière mise à jour"),
    ("charter_reviewed", "Charte revue le"),
    ("decided", "Décidé le"),
    ("proposed", "Proposé le"),
    ("edit_this_page", "Modifier cette page"),
    ("linked_from", "Pages qui renvoient ici"),
    ("more_pages_one", "et 1 autre page"),
    ("more_pages", "et {n} autres pages"),
    ("not_found_title", "Page introuvable"),
    (
        "not_found_text",
        "Cette page n’existe pas, ou elle a été déplacée. Essayez l’une de ces pages, ou cherchez ci-dessus.",
    ),
    ("search_no_results", "Aucun résultat pour « {q} »"),
    (
        "search_unavailable",
        "La recherche est indisponible : l’index n’a pas pu être chargé.",
    ),
    ("search_about_results", "Environ {n} résultats pour « {q} »"),
    ("search_all_results", "Les {n} résultats pour « {q} »"),
    ("search_one_result", "1 résultat pour « {q} »"),
    ("search_live", "{n} résultats"),
    (
        "search_live_owner",
        "Responsable du code trouvé, {n} résultats",
    ),
    ("kind_team", "Équipe"),
    ("kind_group", "Groupe"),
    ("kind_decision", "Décision"),
    ("kind_page", "Page"),
    ("kind_owner", "Responsable du code"),
    ("metrics", "Indicateurs"),
    ("metric", "Indicateur"),
    ("current", "Actuel"),
    ("target", "Cible"),
    ("owns", "Responsable de"),
    ("code", "Code"),
    ("people", "Personnes"),
    ("lead", "Responsable"),
    ("members", "Membres"),
    ("place_in_org", "Place dans l’organisation"),
    ("in_this_group", "Dans ce groupe"),
    ("part_of", "Fait partie de"),
    ("top_level", "niveau supérieur"),
    ("topology", "Topologie"),
    ("interactions", "Interactions"),
    ("collaborates_with", "Nous collaborons avec"),
    ("uses", "Nous utilisons"),
    ("facilitates", "Nous facilitons"),
    ("used_by", "Utilisé par"),
    ("facilitated_by", "Facilité par"),
    ("pages_of", "Pages de {team}"),
    ("all_decisions_of", "Les {n} décisions de {team}"),
    (
        "see_in_interactions_map",
        "Voir {team} sur la carte des interactions",
    ),
    ("authors", "Auteurs"),
    ("deciders", "Décideurs"),
    ("revisit", "À revoir le"),
    ("tags", "Étiquettes"),
    ("supersedes", "Remplace"),
    ("superseded_by", "Remplacée par"),
    ("would_supersede", "Remplacerait"),
    ("proposed_to_supersede", "Proposait de remplacer"),
    ("proposed_successors", "Successeurs proposés"),
    ("title_column", "Titre"),
    ("status_column", "Statut"),
    ("type_column", "Type"),
    ("decided_column", "Décidée"),
    ("or_proposed", "(ou proposée)"),
    ("proposed_marker", "proposée"),
];

const IT: &[(&str, &str)] = &[
    ("skip_to_content", "Vai al contenuto"),
    ("search_label", "Cerca nel manuale"),
    ("search_needs_js", "La ricerca richiede JavaScript"),
    (
        "search_placeholder_all",
        "Cerca team, responsabili, decisioni…",
    ),
    (
        "search_placeholder_teams",
        "Cerca team, responsabili, pagine…",
    ),
    ("search_placeholder_decisions", "Cerca decisioni e pagine…"),
    ("search_placeholder_pages", "Cerca nel manuale…"),
    ("main_nav_label", "Principale"),
    ("teams", "Team"),
    ("org_map", "Organigramma"),
    ("decisions", "Decisioni"),
    ("timeline", "Cronologia"),
    ("ownership", "Chi è responsabile di cosa"),
    ("org_health", "Salute dell’organizzazione"),
    ("handbook", "Manuale"),
    ("home", "Home"),
    ("breadcrumb_label", "Percorso di navigazione"),
    ("languages_label", "Lingue"),
    ("also_in", "Anche in:"),
    ("built_with", "realizzato con"),
    ("sitemap", "mappa del sito"),
    ("decisions_feed", "feed delle decisioni"),
    ("in_this_section", "In questa sezione"),
    ("section_nav_label", "Sezione"),
    ("on_this_page", "In questa pagina"),
    ("previous", "Precedente"),
    ("next", "Successivo"),
    ("prev_next_label", "Pagina precedente e successiva"),
    ("pager_label", "Pagine di questo elenco"),
    ("source", "Sorgente:"),
    ("last_updated", "Ultimo aggiornamento"),
    ("charter_reviewed", "Charter rivisto il"),
    ("decided", "Deciso il"),
    ("proposed", "Proposto il"),
    ("edit_this_page", "Modifica questa pagina"),
    ("linked_from", "Pagine che rimandano qui"),
    ("more_pages_one", "e 1 altra pagina"),
    ("more_pages", "e altre {n} pagine"),
    ("not_found_title", "Pagina non trovata"),
    (
        "not_found_text",
        "Questa pagina non esiste o è stata spostata. Prova una di queste pagine, oppure cerca qui sopra.",
    ),
    ("search_no_results", "Nessun risultato per «{q}»"),
    (
        "search_unavailable",
        "La ricerca non è disponibile: impossibile caricare l’indice.",
    ),
    ("search_about_results", "Circa {n} risultati per «{q}»"),
    ("search_all_results", "Tutti i {n} risultati per «{q}»"),
    ("search_one_result", "1 risultato per «{q}»"),
    ("search_live", "{n} risultati"),
    (
        "search_live_owner",
        "Responsabile del codice trovato, {n} risultati",
    ),
    ("kind_team", "Team"),
    ("kind_group", "Gruppo"),
    ("kind_decision", "Decisione"),
    ("kind_page", "Pagina"),
    ("kind_owner", "Responsabile del codice"),
    ("metrics", "Metriche"),
    ("metric", "Metrica"),
    ("current", "Attuale"),
    ("target", "Obiettivo"),
    ("owns", "È responsabile di"),
    ("code", "Codice"),
    ("people", "Persone"),
    ("lead", "Responsabile"),
    ("members", "Membri"),
    ("place_in_org", "Posizione nell’organizzazione"),
    ("in_this_group", "In questo gruppo"),
    ("part_of", "Parte di"),
    ("top_level", "livello superiore"),
    ("topology", "Topologia"),
    ("interactions", "Interazioni"),
    ("collaborates_with", "Collaboriamo con"),
    ("uses", "Usiamo"),
    ("facilitates", "Facilitiamo"),
    ("used_by", "Usato da"),
    ("facilitated_by", "Facilitato da"),
    ("pages_of", "Pagine di {team}"),
    ("all_decisions_of", "Tutte le {n} decisioni di {team}"),
    (
        "see_in_interactions_map",
        "Vedi {team} nella mappa delle interazioni",
    ),
    ("authors", "Autori"),
    ("deciders", "Decisori"),
    ("revisit", "Da rivedere il"),
    ("tags", "Tag"),
    ("supersedes", "Sostituisce"),
    ("superseded_by", "Sostituita da"),
    ("would_supersede", "Sostituirebbe"),
    ("proposed_to_supersede", "Proponeva di sostituire"),
    ("proposed_successors", "Successori proposti"),
    ("title_column", "Titolo"),
    ("status_column", "Stato"),
    ("type_column", "Tipo"),
    ("decided_column", "Decisa"),
    ("or_proposed", "(o proposta)"),
    ("proposed_marker", "proposta"),
];

const JA: &[(&str, &str)] = &[
    ("skip_to_content", "本文へスキップ"),
    ("search_label", "ハンドブックを検索"),
    ("search_needs_js", "検索には JavaScript が必要です"),
    ("search_placeholder_all", "チーム、担当、意思決定を検索…"),
    ("search_placeholder_teams", "チーム、担当、ページを検索…"),
    ("search_placeholder_decisions", "意思決定とページを検索…"),
    ("search_placeholder_pages", "ハンドブックを検索…"),
    ("main_nav_label", "メイン"),
    ("teams", "チーム"),
    ("org_map", "組織図"),
    ("decisions", "意思決定"),
    ("timeline", "タイムライン"),
    ("ownership", "担当一覧"),
    ("org_health", "組織の健全性"),
    ("handbook", "ハンドブック"),
    ("home", "ホーム"),
    ("breadcrumb_label", "パンくずリスト"),
    ("languages_label", "言語"),
    ("also_in", "他の言語:"),
    ("built_with", "作成ツール:"),
    ("sitemap", "サイトマップ"),
    ("decisions_feed", "意思決定のフィード"),
    ("in_this_section", "このセクション"),
    ("section_nav_label", "セクション"),
    ("on_this_page", "このページの内容"),
    ("previous", "前へ"),
    ("next", "次へ"),
    ("prev_next_label", "前後のページ"),
    ("pager_label", "この一覧のページ"),
    ("source", "ソース:"),
    ("last_updated", "最終更新"),
    ("charter_reviewed", "チャーター見直し日"),
    ("decided", "決定日"),
    ("proposed", "提案日"),
    ("edit_this_page", "このページを編集"),
    ("linked_from", "このページへのリンク元"),
    ("more_pages_one", "他 1 ページ"),
    ("more_pages", "他 {n} ページ"),
    ("not_found_title", "ページが見つかりません"),
    (
        "not_found_text",
        "このページは存在しないか、移動しました。以下のページを開くか、上の検索をお使いください。",
    ),
    ("search_no_results", "「{q}」に一致する結果はありません"),
    (
        "search_unavailable",
        "検索を利用できません: インデックスを読み込めませんでした。",
    ),
    ("search_about_results", "「{q}」の結果 約 {n} 件"),
    ("search_all_results", "「{q}」の結果 全 {n} 件"),
    ("search_one_result", "「{q}」の結果 1 件"),
    ("search_live", "{n} 件の結果"),
    (
        "search_live_owner",
        "コードオーナーが見つかりました。{n} 件の結果",
    ),
    ("kind_team", "チーム"),
    ("kind_group", "グループ"),
    ("kind_decision", "意思決定"),
    ("kind_page", "ページ"),
    ("kind_owner", "コードオーナー"),
    ("metrics", "指標"),
    ("metric", "指標"),
    ("current", "現在"),
    ("target", "目標"),
    ("owns", "担当範囲"),
    ("code", "コード"),
    ("people", "メンバー構成"),
    ("lead", "リード"),
    ("members", "メンバー"),
    ("place_in_org", "組織内の位置"),
    ("in_this_group", "このグループ"),
    ("part_of", "所属"),
    ("top_level", "最上位"),
    ("topology", "トポロジー"),
    ("interactions", "連携"),
    ("collaborates_with", "協働先"),
    ("uses", "利用先"),
    ("facilitates", "支援先"),
    ("used_by", "利用元"),
    ("facilitated_by", "支援元"),
    ("pages_of", "{team} のページ"),
    ("all_decisions_of", "{team} の意思決定 全 {n} 件"),
    ("see_in_interactions_map", "連携マップで {team} を見る"),
    ("authors", "作成者"),
    ("deciders", "決定者"),
    ("revisit", "見直し日"),
    ("tags", "タグ"),
    ("supersedes", "置き換え対象"),
    ("superseded_by", "置き換え先"),
    ("would_supersede", "置き換え予定"),
    ("proposed_to_supersede", "置き換えを提案"),
    ("proposed_successors", "提案中の後継"),
    ("title_column", "タイトル"),
    ("status_column", "ステータス"),
    ("type_column", "種別"),
    ("decided_column", "決定日"),
    ("or_proposed", "(または提案日)"),
    ("proposed_marker", "提案"),
];

const KO: &[(&str, &str)] = &[
    ("skip_to_content", "본문으로 건너뛰기"),
    ("search_label", "핸드북 검색"),
    ("search_needs_js", "검색하려면 JavaScript가 필요합니다"),
    ("search_placeholder_all", "팀, 담당자, 의사결정 검색…"),
    ("search_placeholder_teams", "팀, 담당자, 페이지 검색…"),
    ("search_placeholder_decisions", "의사결정 및 페이지 검색…"),
    ("search_placeholder_pages", "핸드북 검색…"),
    ("main_nav_label", "주 메뉴"),
    ("teams", "팀"),
    ("org_map", "조직도"),
    ("decisions", "의사결정"),
    ("timeline", "타임라인"),
    ("ownership", "담당 현황"),
    ("org_health", "조직 건강도"),
    ("handbook", "핸드북"),
    ("home", "홈"),
    ("breadcrumb_label", "이동 경로"),
    ("languages_label", "언어"),
    ("also_in", "다른 언어:"),
    ("built_with", "제작 도구:"),
    ("sitemap", "사이트맵"),
    ("decisions_feed", "의사결정 피드"),
    ("in_this_section", "이 섹션"),
    ("section_nav_label", "섹션"),
    ("on_this_page", "이 페이지의 내용"),
    ("previous", "이전"),
    ("next", "다음"),
    ("prev_next_label", "이전 및 다음 페이지"),
    ("pager_label", "이 목록의 페이지"),
    ("source", "원본:"),
    ("last_updated", "마지막 업데이트"),
    ("charter_reviewed", "차터 검토일"),
    ("decided", "결정일"),
    ("proposed", "제안일"),
    ("edit_this_page", "이 페이지 편집"),
    ("linked_from", "이 페이지를 링크한 문서"),
    ("more_pages_one", "외 1개 페이지"),
    ("more_pages", "외 {n}개 페이지"),
    ("not_found_title", "페이지를 찾을 수 없습니다"),
    (
        "not_found_text",
        "이 페이지는 없거나 이동했습니다. 아래 페이지로 가거나 위에서 검색하세요.",
    ),
    ("search_no_results", "“{q}”에 대한 결과가 없습니다"),
    (
        "search_unavailable",
        "검색을 사용할 수 없습니다: 색인을 불러오지 못했습니다.",
    ),
    ("search_about_results", "“{q}”에 대한 결과 약 {n}개"),
    ("search_all_results", "“{q}”에 대한 결과 {n}개 모두"),
    ("search_one_result", "“{q}”에 대한 결과 1개"),
    ("search_live", "결과 {n}개"),
    ("search_live_owner", "코드 담당자 찾음, 결과 {n}개"),
    ("kind_team", "팀"),
    ("kind_group", "그룹"),
    ("kind_decision", "의사결정"),
    ("kind_page", "페이지"),
    ("kind_owner", "코드 담당자"),
    ("metrics", "지표"),
    ("metric", "지표"),
    ("current", "현재"),
    ("target", "목표"),
    ("owns", "담당 영역"),
    ("code", "코드"),
    ("people", "사람"),
    ("lead", "리드"),
    ("members", "구성원"),
    ("place_in_org", "조직 내 위치"),
    ("in_this_group", "이 그룹"),
    ("part_of", "상위 조직"),
    ("top_level", "최상위"),
    ("topology", "토폴로지"),
    ("interactions", "상호작용"),
    ("collaborates_with", "협업 대상"),
    ("uses", "우리가 사용하는 팀"),
    ("facilitates", "우리가 지원하는 팀"),
    ("used_by", "사용하는 팀"),
    ("facilitated_by", "지원하는 팀"),
    ("pages_of", "{team}의 페이지"),
    ("all_decisions_of", "{team}의 의사결정 {n}개 모두"),
    ("see_in_interactions_map", "상호작용 지도에서 {team} 보기"),
    ("authors", "작성자"),
    ("deciders", "결정권자"),
    ("revisit", "재검토일"),
    ("tags", "태그"),
    ("supersedes", "대체 대상"),
    ("superseded_by", "대체한 결정"),
    ("would_supersede", "대체 예정"),
    ("proposed_to_supersede", "대체 제안"),
    ("proposed_successors", "제안된 후속 결정"),
    ("title_column", "제목"),
    ("status_column", "상태"),
    ("type_column", "유형"),
    ("decided_column", "결정일"),
    ("or_proposed", "(또는 제안일)"),
    ("proposed_marker", "제안"),
];

const NL: &[(&str, &str)] = &[
    ("skip_to_content", "Naar de inhoud"),
    ("search_label", "Zoeken in het handboek"),
    ("search_needs_js", "Zoeken vereist JavaScript"),
    (
        "search_placeholder_all",
        "Zoek teams, eigenaren, besluiten…",
    ),
    (
        "search_placeholder_teams",
        "Zoek teams, eigenaren, pagina’s…",
    ),
    (
        "search_placeholder_decisions",
        "Zoek besluiten en pagina’s…",
    ),
    ("search_placeholder_pages", "Zoeken in het handboek…"),
    ("main_nav_label", "Hoofdmenu"),
    ("teams", "Teams"),
    ("org_map", "Organogram"),
    ("decisions", "Besluiten"),
    ("timeline", "Tijdlijn"),
    ("ownership", "Wie is eigenaar van wat"),
    ("org_health", "Gezondheid van de organisatie"),
    ("handbook", "Handboek"),
    ("home", "Home"),
    ("breadcrumb_label", "Kruimelpad"),
    ("languages_label", "Talen"),
    ("also_in", "Ook in:"),
    ("built_with", "gemaakt met"),
    ("sitemap", "sitemap"),
    ("decisions_feed", "feed met besluiten"),
    ("in_this_section", "In dit onderdeel"),
    ("section_nav_label", "Onderdeel"),
    ("on_this_page", "Op deze pagina"),
    ("previous", "Vorige"),
    ("next", "Volgende"),
    ("prev_next_label", "Vorige en volgende pagina"),
    ("pager_label", "Pagina’s van deze lijst"),
    ("source", "Bron:"),
    ("last_updated", "Laatst bijgewerkt"),
    ("charter_reviewed", "Charter herzien op"),
    ("decided", "Besloten op"),
    ("proposed", "Voorgesteld op"),
    ("edit_this_page", "Deze pagina bewerken"),
    ("linked_from", "Gelinkt vanaf"),
    ("more_pages_one", "en nog 1 pagina"),
    ("more_pages", "en nog {n} pagina’s"),
    ("not_found_title", "Pagina niet gevonden"),
    (
        "not_found_text",
        "Deze pagina bestaat niet of is verplaatst. Probeer een van deze pagina’s, of zoek hierboven.",
    ),
    ("search_no_results", "Geen resultaten voor ‘{q}’"),
    (
        "search_unavailable",
        "Zoeken is niet beschikbaar: de index kon niet worden geladen.",
    ),
    ("search_about_results", "Ongeveer {n} resultaten voor ‘{q}’"),
    ("search_all_results", "Alle {n} resultaten voor ‘{q}’"),
    ("search_one_result", "1 resultaat voor ‘{q}’"),
    ("search_live", "{n} resultaten"),
    (
        "search_live_owner",
        "Code-eigenaar gevonden, {n} resultaten",
    ),
    ("kind_team", "Team"),
    ("kind_group", "Groep"),
    ("kind_decision", "Besluit"),
    ("kind_page", "Pagina"),
    ("kind_owner", "Code-eigenaar"),
    ("metrics", "Metrieken"),
    ("metric", "Metriek"),
    ("current", "Huidig"),
    ("target", "Doel"),
    ("owns", "Eigenaar van"),
    ("code", "Code"),
    ("people", "Mensen"),
    ("lead", "Lead"),
    ("members", "Leden"),
    ("place_in_org", "Plaats in de organisatie"),
    ("in_this_group", "In deze groep"),
    ("part_of", "Onderdeel van"),
    ("top_level", "hoogste niveau"),
    ("topology", "Topologie"),
    ("interactions", "Interacties"),
    ("collaborates_with", "We werken samen met"),
    ("uses", "We gebruiken"),
    ("facilitates", "We faciliteren"),
    ("used_by", "Gebruikt door"),
    ("facilitated_by", "Gefaciliteerd door"),
    ("pages_of", "Pagina’s van {team}"),
    ("all_decisions_of", "Alle {n} besluiten van {team}"),
    (
        "see_in_interactions_map",
        "Bekijk {team} op de kaart met interacties",
    ),
    ("authors", "Auteurs"),
    ("deciders", "Beslissers"),
    ("revisit", "Herzien op"),
    ("tags", "Tags"),
    ("supersedes", "Vervangt"),
    ("superseded_by", "Vervangen door"),
    ("would_supersede", "Zou vervangen"),
    ("proposed_to_supersede", "Stelde voor te vervangen"),
    ("proposed_successors", "Voorgestelde opvolgers"),
    ("title_column", "Titel"),
    ("status_column", "Status"),
    ("type_column", "Type"),
    ("decided_column", "Besloten"),
    ("or_proposed", "(of voorgesteld)"),
    ("proposed_marker", "voorgesteld"),
];

const PT: &[(&str, &str)] = &[
    ("skip_to_content", "Ir para o conteúdo"),
    ("search_label", "Pesquisar no manual"),
    ("search_needs_js", "A pesquisa precisa de JavaScript"),
    (
        "search_placeholder_all",
        "Pesquisar equipes, responsáveis, decisões…",
    ),
    (
        "search_placeholder_teams",
        "Pesquisar equipes, responsáveis, páginas…",
    ),
    (
        "search_placeholder_decisions",
        "Pesquisar decisões e páginas…",
    ),
    ("search_placeholder_pages", "Pesquisar no manual…"),
    ("main_nav_label", "Principal"),
    ("teams", "Equipes"),
    ("org_map", "Organograma"),
    ("decisions", "Decisões"),
    ("timeline", "Linha do tempo"),
    ("ownership", "Quem é responsável pelo quê"),
    ("org_health", "Saúde da organização"),
    ("handbook", "Manual"),
    ("home", "Início"),
    ("breadcrumb_label", "Trilha de navegação"),
    ("languages_label", "Idiomas"),
    ("also_in", "Também em:"),
    ("built_with", "feito com"),
    ("sitemap", "mapa do site"),
    ("decisions_feed", "feed de decisões"),
    ("in_this_section", "Nesta seção"),
    ("section_nav_label", "Seção"),
    ("on_this_page", "Nesta página"),
    ("previous", "Anterior"),
    ("next", "Próximo"),
    ("prev_next_label", "Página anterior e seguinte"),
    ("pager_label", "Páginas desta lista"),
    ("source", "Fonte:"),
    ("last_updated", "Última atualização"),
    ("charter_reviewed", "Carta revisada em"),
    ("decided", "Decidido em"),
    ("proposed", "Proposto em"),
    ("edit_this_page", "Editar esta página"),
    ("linked_from", "Páginas com links para esta"),
    ("more_pages_one", "e mais 1 página"),
    ("more_pages", "e mais {n} páginas"),
    ("not_found_title", "Página não encontrada"),
    (
        "not_found_text",
        "Esta página não existe ou foi movida. Tente uma destas páginas, ou pesquise acima.",
    ),
    ("search_no_results", "Nenhum resultado para “{q}”"),
    (
        "search_unavailable",
        "A pesquisa não está disponível: não foi possível carregar o índice.",
    ),
    ("search_about_results", "Cerca de {n} resultados para “{q}”"),
    ("search_all_results", "Todos os {n} resultados para “{q}”"),
    ("search_one_result", "1 resultado para “{q}”"),
    ("search_live", "{n} resultados"),
    (
        "search_live_owner",
        "Responsável pelo código encontrado, {n} resultados",
    ),
    ("kind_team", "Equipe"),
    ("kind_group", "Grupo"),
    ("kind_decision", "Decisão"),
    ("kind_page", "Página"),
    ("kind_owner", "Responsável pelo código"),
    ("metrics", "Métricas"),
    ("metric", "Métrica"),
    ("current", "Atual"),
    ("target", "Meta"),
    ("owns", "Responsável por"),
    ("code", "Código"),
    ("people", "Pessoas"),
    ("lead", "Líder"),
    ("members", "Membros"),
    ("place_in_org", "Lugar na organização"),
    ("in_this_group", "Neste grupo"),
    ("part_of", "Parte de"),
    ("top_level", "nível superior"),
    ("topology", "Topologia"),
    ("interactions", "Interações"),
    ("collaborates_with", "Colaboramos com"),
    ("uses", "Usamos"),
    ("facilitates", "Facilitamos"),
    ("used_by", "Usado por"),
    ("facilitated_by", "Facilitado por"),
    ("pages_of", "Páginas de {team}"),
    ("all_decisions_of", "Todas as {n} decisões de {team}"),
    (
        "see_in_interactions_map",
        "Ver {team} no mapa de interações",
    ),
    ("authors", "Autores"),
    ("deciders", "Decisores"),
    ("revisit", "Revisar em"),
    ("tags", "Etiquetas"),
    ("supersedes", "Substitui"),
    ("superseded_by", "Substituída por"),
    ("would_supersede", "Substituiria"),
    ("proposed_to_supersede", "Propôs substituir"),
    ("proposed_successors", "Sucessoras propostas"),
    ("title_column", "Título"),
    ("status_column", "Status"),
    ("type_column", "Tipo"),
    ("decided_column", "Decidida"),
    ("or_proposed", "(ou proposta)"),
    ("proposed_marker", "proposta"),
];

const ZH: &[(&str, &str)] = &[
    ("skip_to_content", "跳到正文"),
    ("search_label", "搜索手册"),
    ("search_needs_js", "搜索需要 JavaScript"),
    ("search_placeholder_all", "搜索团队、负责人、决策…"),
    ("search_placeholder_teams", "搜索团队、负责人、页面…"),
    ("search_placeholder_decisions", "搜索决策和页面…"),
    ("search_placeholder_pages", "搜索手册…"),
    ("main_nav_label", "主导航"),
    ("teams", "团队"),
    ("org_map", "组织架构图"),
    ("decisions", "决策"),
    ("timeline", "时间线"),
    ("ownership", "谁负责什么"),
    ("org_health", "组织健康度"),
    ("handbook", "手册"),
    ("home", "首页"),
    ("breadcrumb_label", "面包屑导航"),
    ("languages_label", "语言"),
    ("also_in", "其他语言："),
    ("built_with", "构建工具："),
    ("sitemap", "网站地图"),
    ("decisions_feed", "决策订阅"),
    ("in_this_section", "本节内容"),
    ("section_nav_label", "章节"),
    ("on_this_page", "本页内容"),
    ("previous", "上一页"),
    ("next", "下一页"),
    ("prev_next_label", "上一页和下一页"),
    ("pager_label", "此列表的页面"),
    ("source", "源文件："),
    ("last_updated", "最后更新"),
    ("charter_reviewed", "章程审阅于"),
    ("decided", "决定于"),
    ("proposed", "提议于"),
    ("edit_this_page", "编辑此页"),
    ("linked_from", "链接到此页的页面"),
    ("more_pages_one", "还有 1 个页面"),
    ("more_pages", "还有 {n} 个页面"),
    ("not_found_title", "找不到页面"),
    (
        "not_found_text",
        "此页面不存在或已移动。请试试以下页面，或在上方搜索。",
    ),
    ("search_no_results", "没有找到“{q}”的结果"),
    ("search_unavailable", "搜索不可用：无法加载索引。"),
    ("search_about_results", "“{q}”约有 {n} 个结果"),
    ("search_all_results", "“{q}”的全部 {n} 个结果"),
    ("search_one_result", "“{q}”的 1 个结果"),
    ("search_live", "{n} 个结果"),
    ("search_live_owner", "找到代码负责人，{n} 个结果"),
    ("kind_team", "团队"),
    ("kind_group", "群组"),
    ("kind_decision", "决策"),
    ("kind_page", "页面"),
    ("kind_owner", "代码负责人"),
    ("metrics", "指标"),
    ("metric", "指标"),
    ("current", "当前"),
    ("target", "目标"),
    ("owns", "负责范围"),
    ("code", "代码"),
    ("people", "人员"),
    ("lead", "负责人"),
    ("members", "成员"),
    ("place_in_org", "在组织中的位置"),
    ("in_this_group", "本组"),
    ("part_of", "隶属于"),
    ("top_level", "顶层"),
    ("topology", "拓扑"),
    ("interactions", "协作关系"),
    ("collaborates_with", "我们与之协作"),
    ("uses", "我们使用"),
    ("facilitates", "我们协助"),
    ("used_by", "被以下团队使用"),
    ("facilitated_by", "协助方"),
    ("pages_of", "{team} 的页面"),
    ("all_decisions_of", "{team} 的全部 {n} 项决策"),
    ("see_in_interactions_map", "在协作关系图中查看 {team}"),
    ("authors", "作者"),
    ("deciders", "决策者"),
    ("revisit", "复审日期"),
    ("tags", "标签"),
    ("supersedes", "取代"),
    ("superseded_by", "被取代于"),
    ("would_supersede", "将取代"),
    ("proposed_to_supersede", "曾提议取代"),
    ("proposed_successors", "提议的后继决策"),
    ("title_column", "标题"),
    ("status_column", "状态"),
    ("type_column", "类型"),
    ("decided_column", "决定日期"),
    ("or_proposed", "(或提议日期)"),
    ("proposed_marker", "提议"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_table_names_each_key_once_and_nothing_else() {
        for (lang, table) in BUNDLED {
            let mut keys: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            let unknown: Vec<&&str> = keys.iter().filter(|k| !KEYS.contains(k)).collect();
            assert!(unknown.is_empty(), "{lang}: unknown keys {unknown:?}");
            keys.sort();
            let before = keys.len();
            keys.dedup();
            assert_eq!(before, keys.len(), "{lang} names a key twice");
            let missing: Vec<&&str> = KEYS.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "{lang} lacks {missing:?}");
            for (key, value) in table.iter() {
                assert!(!value.trim().is_empty(), "{lang}.{key} is empty");
                let english = UiText::english();
                for hole in ["{n}", "{q}"] {
                    assert_eq!(
                        value.contains(hole),
                        english.get(key).unwrap().contains(hole),
                        "{lang}.{key}: {hole} as English has it or not"
                    );
                }
            }
        }
    }

    #[test]
    fn a_region_takes_its_language_and_an_unknown_language_english() {
        let texts = UiTexts::default();
        assert_eq!(texts.for_lang("fr").on_this_page, "Sur cette page");
        assert_eq!(texts.for_lang("pt-BR").next, "Próximo");
        assert_eq!(texts.for_lang("FR-ca").home, "Accueil");
        assert_eq!(texts.for_lang("sv").home, "Home");
        assert_eq!(texts.for_lang("en").org_map, "Org map");
    }

    #[test]
    fn orgbook_toml_words_win_and_the_exact_tag_over_its_language() {
        let overrides = vec![
            UiTextOverride {
                lang: "en".into(),
                words: vec![("org_map".into(), "Org chart".into())],
            },
            UiTextOverride {
                lang: "pt".into(),
                words: vec![("teams".into(), "Times".into())],
            },
            UiTextOverride {
                lang: "pt-BR".into(),
                words: vec![("home".into(), "Página inicial".into())],
            },
            UiTextOverride {
                lang: "sv".into(),
                words: vec![("home".into(), "Hem".into())],
            },
        ];
        let texts = UiTexts::new(&overrides);
        assert_eq!(texts.for_lang("en").org_map, "Org chart");
        assert_eq!(texts.for_lang("en-GB").org_map, "Org chart");
        let br = texts.for_lang("pt-BR");
        assert_eq!((&*br.teams, &*br.home), ("Times", "Página inicial"));
        let pt = texts.for_lang("pt-PT");
        assert_eq!((&*pt.teams, &*pt.home), ("Times", "Início"));
        let sv = texts.for_lang("sv");
        assert_eq!((&*sv.home, &*sv.teams), ("Hem", "Teams"));
    }

    #[test]
    fn search_words_reach_the_page_only_where_they_are_not_english() {
        assert!(SEARCH_KEYS.iter().all(|k| KEYS.contains(k)));
        let texts = UiTexts::default();
        assert_eq!(texts.for_lang("en").search_words, "");
        let fr: serde_json::Value =
            serde_json::from_str(&texts.for_lang("fr").search_words).unwrap();
        assert_eq!(fr["search_no_results"], "Aucun résultat pour « {q} »");
        assert_eq!(fr.as_object().unwrap().len(), SEARCH_KEYS.len());
        // An English word changed in orgbook.toml reaches search.js too.
        let changed = UiTexts::new(&[UiTextOverride {
            lang: "en".into(),
            words: vec![("kind_team".into(), "Squad".into())],
        }]);
        let en: serde_json::Value =
            serde_json::from_str(&changed.for_lang("en").search_words).unwrap();
        assert_eq!(en["kind_team"], "Squad");
    }

    #[test]
    fn the_placeholder_names_what_the_handbook_holds() {
        let fr = UiTexts::default().for_lang("fr").text.clone();
        assert_eq!(
            fr.search_placeholder(false, true),
            "Rechercher décisions et pages…  /"
        );
        assert_eq!(
            UiText::english().search_placeholder(true, true),
            "Search teams, owners, decisions…  /"
        );
    }
}
