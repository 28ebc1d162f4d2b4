//! Search in a real browser: the browser tests' handbook (tests/fixtures/browser), plus a decision whose title is markup, is
//! built once, served on 127.0.0.1 under `/handbook/` and searched in headless Chromium the
//! way a reader does: typing in the header box, arrow keys, facets on the results page.
//! See tests/suite/browser.rs for how Chromium is found and shared (these tests fail in CI
//! when it is missing), and docs/search.md for what the client promises.

use crate::browser::{Browser, Server, Site, wait_js};
use crate::harness::*;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use serde::Deserialize;
use serde_json::Value;
use std::path::Path;

/// A decision whose title would run a script if the client ever used `innerHTML`.
const SCRIPT_TITLE: &str = "Render <script>alert(1)</script> in titles as text";

/// The decision file that carries [`SCRIPT_TITLE`].
fn script_decision() -> String {
    format!(
        "+++\ntitle = \"{SCRIPT_TITLE}\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-11-20\n\
         team = \"identity\"\n+++\n\n## Context\n\nA title with markup in it must be shown as \
         text by every page and by search.\n"
    )
}

/// The browser tests' own handbook (tests/fixtures/browser) and [`script_decision`].
static SITE: Site = Site::new(make_site);

fn make_site(scratch: &Path) -> TestBook {
    let book = TestBook::fixture_in("browser", scratch);
    book.write(
        "content/decisions/0020-render-markup-in-titles-as-text.md",
        &script_decision(),
    );
    book
}

#[derive(Debug, Deserialize, PartialEq)]
struct Hit {
    title: String,
    title_html: String,
    kind: String,
    href: String,
}

/// What the header search box shows.
#[derive(Debug, Deserialize)]
struct Dropdown {
    open: bool,
    expanded: Option<String>,
    focused: bool,
    value: String,
    text: String,
    active: Option<String>,
    active_href: Option<String>,
    hits: Vec<Hit>,
    scripts: usize,
    /// The list is `aria-busy` while some of its rows still wait for their metadata.
    busy: bool,
}

const READ_DROPDOWN: &str = r#"
    const box = document.querySelector('.search-dropdown');
    const input = document.getElementById('search-input');
    const active = document.querySelector('#search-listbox a.search-active');
    const hit = a => ({
        title: a.querySelector('.search-title').textContent,
        title_html: a.querySelector('.search-title').innerHTML,
        kind: a.querySelector('.search-kind').textContent,
        href: a.href,
    });
    return {
        open: !!box && !box.hidden,
        expanded: input.getAttribute('aria-expanded'),
        focused: document.activeElement === input,
        value: input.value,
        text: box ? box.textContent : '',
        active: input.getAttribute('aria-activedescendant'),
        active_href: active ? active.href : null,
        hits: Array.from(document.querySelectorAll('#search-listbox a.search-hit'), hit),
        scripts: box ? box.querySelectorAll('script').length : 0,
        busy: document.querySelector('#search-listbox[aria-busy=true]') !== null,
    };
"#;

async fn dropdown_when(c: &Client, what: &str, ok: impl Fn(&Dropdown) -> bool) -> Dropdown {
    let v = wait_js(c, what, READ_DROPDOWN, |v| ok(&parse(v))).await;
    parse(&v)
}

fn parse<T: for<'de> Deserialize<'de>>(v: &Value) -> T {
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("{e}: {v:#}"))
}

/// Opens `rel` under the served root; makes `alert` record instead of blocking the page.
async fn open(c: &Client, server: &Server, rel: &str) {
    c.goto(&server.url(rel))
        .await
        .unwrap_or_else(|e| panic!("open {rel}: {e}"));
    c.execute(
        "window.alerts = []; window.alert = m => window.alerts.push(String(m));",
        vec![],
    )
    .await
    .unwrap();
}

/// Types `query` into the header box key by key and waits for the dropdown to show all it
/// found for exactly that query.
async fn type_query(c: &Client, query: &str) -> Dropdown {
    let input = c.find(Locator::Css("#search-input")).await.unwrap();
    input.send_keys(query).await.unwrap();
    let quoted = format!("“{query}”");
    dropdown_when(c, &format!("results for {query:?}"), |d| {
        d.open && d.value == query && d.text.contains(&quoted) && !d.busy
    })
    .await
}

async fn press(c: &Client, key: Key) {
    c.active_element()
        .await
        .unwrap()
        .send_keys(&key)
        .await
        .unwrap();
}

fn titles(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.title.as_str()).collect()
}

#[test]
fn typing_a_team_name_ranks_that_team_first() {
    SITE.browse(|c, server| async move {
        open(c, server, "index.html").await;
        let d = type_query(c, "Data Platform").await;
        let first = &d.hits[0];
        assert_eq!(first.title, "Data Platform", "{:?}", titles(&d.hits));
        assert_eq!(first.kind, "Team");
        assert_eq!(first.href, server.url("teams/data-platform.html"));
        // Matched words are highlighted.
        assert_eq!(first.title_html, "<mark>Data</mark> <mark>Platform</mark>");
    });
}

#[test]
fn an_owned_item_finds_its_team() {
    SITE.browse(|c, server| async move {
        open(c, server, "index.html").await;
        for (query, team) in [
            ("Schema registry", "Data Platform"),
            ("tariff importer", "Rates & Pricing"),
        ] {
            c.find(Locator::Css("#search-input"))
                .await
                .unwrap()
                .clear()
                .await
                .unwrap();
            let d = type_query(c, query).await;
            assert_eq!(d.hits[0].title, team, "{query}: {:?}", titles(&d.hits));
            assert_eq!(d.hits[0].kind, "Team");
        }
    });
}

#[test]
fn adr_number_finds_the_decision() {
    SITE.browse(|c, server| async move {
        open(c, server, "index.html").await;
        let d = type_query(c, "ADR 7").await;
        assert_eq!(
            d.hits[0].href,
            server.url("decisions/0007-money-as-integer-minor-units.html"),
            "{:?}",
            titles(&d.hits)
        );
        assert_eq!(d.hits[0].kind, "Decision");
        assert!(
            d.hits[0].title.starts_with("ADR 7: Store money"),
            "{}",
            d.hits[0].title
        );
    });
}

#[test]
fn slash_focuses_the_box_and_escape_closes_the_dropdown() {
    SITE.browse(|c, server| async move {
        open(c, server, "decisions/index.html").await;
        let body = c.find(Locator::Css("body")).await.unwrap();
        body.send_keys("/").await.unwrap();
        let d = dropdown_when(c, "`/` to focus the box", |d| d.focused).await;
        assert_eq!(d.value, "", "the `/` is not typed into the box");
        assert!(!d.open);

        c.active_element()
            .await
            .unwrap()
            .send_keys("payments")
            .await
            .unwrap();
        let d = dropdown_when(c, "results for payments", |d| {
            d.open && d.value == "payments" && d.text.contains("“payments”") && !d.busy
        })
        .await;
        assert_eq!(d.expanded.as_deref(), Some("true"));
        assert_eq!(d.hits[0].title, "Payments");

        press(c, Key::Escape).await;
        let d = dropdown_when(c, "Escape to close the dropdown", |d| !d.open).await;
        assert_eq!(d.expanded.as_deref(), Some("false"));
        assert!(d.focused, "focus stays in the box");
        assert_eq!(d.value, "payments", "Escape keeps the query");
    });
}

#[test]
fn keyboard_navigation_opens_a_result() {
    SITE.browse(|c, server| async move {
        open(c, server, "index.html").await;
        let d = type_query(c, "kafka").await;
        assert!(d.hits.len() >= 3, "{:?}", titles(&d.hits));
        assert_eq!(d.active, None, "nothing is selected before the arrow keys");

        press(c, Key::Down).await;
        press(c, Key::Down).await;
        press(c, Key::Down).await;
        press(c, Key::Up).await;
        let d = dropdown_when(c, "the second option to be active", |d| {
            d.active.as_deref() == Some("search-opt-1")
        })
        .await;
        let target = d.active_href.clone().unwrap();
        assert_eq!(target, d.hits[1].href);

        press(c, Key::Enter).await;
        let url = wait_js(
            c,
            "Enter to open the result",
            "return location.href;",
            |v| v.as_str() == Some(target.as_str()),
        )
        .await;
        assert!(url.as_str().unwrap().starts_with(&server.base));
        let h1 = c
            .find(Locator::Css("main h1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(h1, d.hits[1].title.split(": ").last().unwrap().trim());
    });
}

#[test]
fn markup_in_a_title_renders_as_text() {
    SITE.browse(|c, server| async move {
        open(c, server, "index.html").await;
        let d = type_query(c, "alert script").await;
        let hit = d
            .hits
            .iter()
            .find(|h| h.title.contains("<script>"))
            .unwrap_or_else(|| panic!("no hit for the markup title: {:?}", titles(&d.hits)));
        assert_eq!(hit.title, format!("ADR 20: {SCRIPT_TITLE}"));
        assert!(
            hit.title_html
                .contains("&lt;<mark>script</mark>&gt;<mark>alert</mark>(1)"),
            "{}",
            hit.title_html
        );
        assert_eq!(d.scripts, 0, "no script element in the dropdown");
        let alerts = c.execute("return window.alerts;", vec![]).await.unwrap();
        assert_eq!(alerts, serde_json::json!([]), "a script ran");

        // The results page, and the decision page itself, show the same text. (An alert
        // while a page loads would fail the next WebDriver command.)
        open(c, server, "search.html?q=alert").await;
        let page = results_when(c, "results for alert", |p| !p.hits.is_empty()).await;
        assert_eq!(page.hits[0].title, format!("ADR 20: {SCRIPT_TITLE}"));
        assert_eq!(page.scripts, 0);
        let alerts = c.execute("return window.alerts;", vec![]).await.unwrap();
        assert_eq!(alerts, serde_json::json!([]), "a script ran");
        c.goto(&page.hits[0].href).await.unwrap();
        let h1 = c.find(Locator::Css("main h1")).await.unwrap();
        assert!(h1.text().await.unwrap().contains(SCRIPT_TITLE));
    });
}

/// What the results page (search.html) shows.
#[derive(Debug, Deserialize)]
struct ResultsPage {
    input: String,
    summary: String,
    url: String,
    hits: Vec<Hit>,
    facets: Vec<Facet>,
    scripts: usize,
}

#[derive(Debug, Deserialize)]
struct Facet {
    name: String,
    values: Vec<(String, u32, bool)>,
}

impl ResultsPage {
    fn count(&self, facet: &str, value: &str) -> Option<u32> {
        let f = self.facets.iter().find(|f| f.name == facet)?;
        f.values.iter().find(|v| v.0 == value).map(|v| v.1)
    }
}

const READ_RESULTS: &str = r#"
    const page = document.getElementById('search-page');
    const hit = a => ({
        title: a.querySelector('.search-title').textContent,
        title_html: a.querySelector('.search-title').innerHTML,
        kind: a.querySelector('.search-kind').textContent,
        href: a.href,
    });
    return {
        input: document.getElementById('search-input').value,
        summary: (page.querySelector('.search-summary') || {}).textContent || '',
        url: location.href,
        hits: Array.from(page.querySelectorAll('.search-item a.search-hit'), hit),
        facets: Array.from(page.querySelectorAll('.search-facet'), f => ({
            name: f.querySelector('legend').textContent,
            values: Array.from(f.querySelectorAll('label'), l => [
                l.childNodes[1].textContent.trim(),
                Number(l.querySelector('.search-count').textContent),
                l.querySelector('input').checked,
            ]),
        })),
        scripts: page.querySelectorAll('script').length,
    };
"#;

async fn results_when(c: &Client, what: &str, ok: impl Fn(&ResultsPage) -> bool) -> ResultsPage {
    let v = wait_js(c, what, READ_RESULTS, |v| ok(&parse(v))).await;
    parse(&v)
}

#[test]
fn results_page_shows_the_query_from_the_url_with_facet_counts() {
    SITE.browse(|c, server| async move {
        open(c, server, "search.html?q=payments").await;
        let p = results_when(c, "results for payments", |p| {
            p.summary.contains("“payments”") && !p.facets.is_empty()
        })
        .await;
        assert_eq!(p.input, "payments", "the box shows the query");
        assert_eq!(p.hits[0].title, "Payments", "{:?}", titles(&p.hits));
        let names: Vec<&str> = p.facets.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Kind", "Status", "Type", "Team"]);
        let teams = p.count("Kind", "Team").unwrap();
        let decisions = p.count("Kind", "Decision").unwrap();
        assert!(teams >= 2 && decisions >= 3, "{:?}", p.facets);
        let total: u32 = p.facets[0].values.iter().map(|v| v.1).sum();
        assert!(
            p.summary.starts_with(&format!("{total} results")),
            "{} vs {total}",
            p.summary
        );
        assert_eq!(p.hits.len(), (total as usize).min(10));
    });
}

#[test]
fn enter_without_a_selection_opens_the_results_page() {
    SITE.browse(|c, server| async move {
        open(c, server, "teams/index.html").await;
        type_query(c, "kafka").await;
        press(c, Key::Enter).await;
        let p = results_when(c, "the results page", |p| p.summary.contains("“kafka”")).await;
        assert_eq!(p.url, server.url("search.html?q=kafka"));
        assert_eq!(p.hits[0].title, "Data Platform");
    });
}

#[test]
fn a_facet_click_narrows_the_results() {
    SITE.browse(|c, server| async move {
        open(c, server, "search.html?q=kafka").await;
        let before = results_when(c, "results for kafka", |p| !p.facets.is_empty()).await;
        let decisions = before.count("Kind", "Decision").unwrap() as usize;
        assert!(
            decisions > 0 && decisions < before.hits.len(),
            "{:?}",
            before.facets
        );

        c.find(Locator::XPath(
            "//fieldset[legend='Kind']/label[contains(., 'Decision')]/input",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
        let after = results_when(c, "only decisions", |p| {
            p.url.contains("kind=decision") && p.hits.len() == decisions
        })
        .await;
        assert!(after.hits.iter().all(|h| h.kind == "Decision"), "{after:?}");
        assert!(
            after.summary.starts_with(&format!("{decisions} result")),
            "{}",
            after.summary
        );
        // The Kind facet ignores its own selection; the others count what is left.
        assert_eq!(after.count("Kind", "Decision"), Some(decisions as u32));
        assert!(
            after.count("Kind", "Team").is_some(),
            "the other kinds stay selectable"
        );
        let statuses: u32 = after
            .facets
            .iter()
            .find(|f| f.name == "Status")
            .unwrap()
            .values
            .iter()
            .map(|v| v.1)
            .sum();
        assert_eq!(statuses as usize, decisions);

        // The selection is in the URL, so a reload shows the same results.
        c.refresh().await.unwrap();
        let again = results_when(c, "the filtered results after a reload", |p| {
            p.hits.len() == decisions && !p.facets.is_empty()
        })
        .await;
        assert!(again.hits.iter().all(|h| h.kind == "Decision"));
    });
}

/// Teams are counted by number and named from their own small files (search/n*.js), and
/// a team chosen in the URL is found by name: both must give the page what it showed when
/// every document's team name came in one file.
#[test]
fn a_team_facet_narrows_the_results_by_name_and_survives_a_reload() {
    SITE.browse(|c, server| async move {
        open(c, server, "search.html?q=kafka").await;
        let before = results_when(c, "results for kafka", |p| !p.facets.is_empty()).await;
        let teams = &before
            .facets
            .iter()
            .find(|f| f.name == "Team")
            .unwrap()
            .values;
        let (team, n, _) = teams[0].clone();
        assert!(
            !team.is_empty() && team.parse::<u32>().is_err(),
            "a name: {teams:?}"
        );
        assert!((n as usize) < before.hits.len(), "{teams:?}");
        let checkbox = format!("//fieldset[legend='Team']/label[contains(., '{team}')]/input");
        c.find(Locator::XPath(&checkbox))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let one_team = |p: &ResultsPage| {
            p.summary.starts_with(&format!("{n} result"))
                && p.facets
                    .iter()
                    .any(|f| f.name == "Team" && f.values.contains(&(team.clone(), n, true)))
        };
        let after = results_when(c, "one team's results", |p| {
            p.url.contains("team=") && one_team(p)
        })
        .await;
        assert_eq!(after.hits.len(), (n as usize).min(10), "{after:?}");
        c.refresh().await.unwrap();
        results_when(c, "the team's results after a reload", one_team).await;

        // A name no team has stays chosen, and matches nothing.
        open(c, server, "search.html?q=kafka&team=No%20Such%20Team").await;
        let none = results_when(c, "results for a team that does not exist", |p| {
            p.summary.starts_with("0 results") && p.facets.iter().any(|f| f.name == "Team")
        })
        .await;
        let chosen = &none
            .facets
            .iter()
            .find(|f| f.name == "Team")
            .unwrap()
            .values;
        assert!(
            chosen.contains(&("No Such Team".into(), 0, true)),
            "{chosen:?}"
        );
    });
}

#[test]
fn search_works_under_a_sub_path_from_a_nested_page() {
    SITE.browse(|c, server| async move {
        open(c, server, "how-we-work/decisions.html").await;
        let d = type_query(c, "ADR 14").await;
        let target = server.url("decisions/0014-adopt-managed-kafka.html");
        assert_eq!(d.hits[0].href, target);
        c.find(Locator::Css("#search-listbox a.search-hit"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        wait_js(
            c,
            "the click to open the decision",
            "return location.href;",
            |v| v.as_str() == Some(target.as_str()),
        )
        .await;
        // Every file the pages loaded came from under the sub-path.
        let loaded = c
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.name);",
                vec![],
            )
            .await
            .unwrap();
        for url in loaded.as_array().unwrap() {
            assert!(url.as_str().unwrap().starts_with(&server.base), "{url}");
        }
        let misses = server.misses();
        assert!(misses.is_empty(), "requests for missing files: {misses:?}");
    });
}

#[test]
fn without_javascript_the_search_box_says_search_needs_javascript() {
    // In the HTML of every page: the header box, and the results page itself.
    let book = TestBook::fixture("browser");
    book.build().success();
    for rel in files_under(&book.out())
        .iter()
        .filter(|f| f.ends_with(".html"))
    {
        // An HTML parser with scripting on (as here) reads <noscript> as raw text.
        let doc = book.html(rel);
        assert_eq!(
            texts(&doc, "form.search noscript"),
            [r#"<span class="search-nojs">Search needs JavaScript</span>"#],
            "{rel}"
        );
    }
    let page = texts(&book.html("search.html"), "#search-page noscript");
    assert!(
        page[0].starts_with("<p>Search needs JavaScript."),
        "{page:?}"
    );

    // And what a reader sees in Chromium with JavaScript turned off.
    // The shared session keeps JavaScript on; this one has it off.
    SITE.browse(|_, server| async move {
        let browser = Browser::shared().unwrap();
        let nojs = browser.extra_session("nojs", false).await;
        nojs.goto(&server.url("index.html")).await.unwrap();
        let note = nojs.find(Locator::Css(".search-nojs")).await.unwrap();
        assert!(note.is_displayed().await.unwrap());
        assert_eq!(note.text().await.unwrap(), "Search needs JavaScript");
        let input = nojs.find(Locator::Css("#search-input")).await.unwrap();
        assert_eq!(
            input.attr("role").await.unwrap(),
            None,
            "search.js did not run"
        );
        nojs.goto(&server.url("search.html?q=kafka")).await.unwrap();
        let text = nojs
            .find(Locator::Css("#search-page"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(text.starts_with("Search needs JavaScript."), "{text}");
        nojs.close().await.unwrap();
    });
}

/// A handbook whose index is split into shards and metadata files (the browser fixture's
/// fits in one file): 400 notes of made-up words; every 30th also says "quokka", once more
/// the later it comes, so the query has more results than the dropdown shows.
static SHARDED: Site = Site::new(make_sharded_site);

fn make_sharded_site(scratch: &Path) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir_in(scratch).unwrap(),
    };
    book.write("orgbook.toml", "title = \"Sharded Org\"\n");
    book.write(
        "content/_index.md",
        "+++\ntitle = \"Sharded Org\"\n+++\nWelcome.\n",
    );
    let mut made_up = MadeUpWords::new(0x9E37_79B9_7F4A_7C15u64);
    for i in 0..400 {
        let mut words: Vec<String> = made_up.words(40);
        if i % 30 == 0 {
            words.extend(std::iter::repeat_n("quokka".to_string(), i / 30 + 1));
        }
        book.write(
            &format!("content/notes/note-{i}.md"),
            &format!("+++\ntitle = \"Note {i}\"\n+++\n{}.\n", words.join(" ")),
        );
    }
    book
}

/// Sets the box to `query` in one step (a paste: one search, not one per key).
const PASTE: &str = r#"
    const input = document.getElementById('search-input');
    input.value = arguments[0];
    input.dispatchEvent(new Event('input', { bubbles: true }));
"#;

/// Holds back every metadata file after the first `arguments[0]` (default 1) a query asks
/// for, until `window.releaseHeld()`: the search client loads index files by appending
/// scripts.
const HOLD_METADATA: &str = r#"
    const head = document.head, append = head.appendChild, pass = arguments.length ? arguments[0] : 1;
    let seen = 0;
    window.held = [];
    head.appendChild = function (node) {
        if (node.tagName === 'SCRIPT' && /\/search\/m\d+\.js$/.test(node.src) && seen++ >= pass) {
            window.held.push(node);
            return node;
        }
        return append.call(head, node);
    };
    window.releaseHeld = () => {
        head.appendChild = append;
        window.held.forEach(n => append.call(head, n));
        window.held = [];
    };
"#;

const SEARCH_FILES: &str = r#"
    return performance.getEntriesByType('resource')
        .map(e => new URL(e.name).pathname)
        .filter(p => p.includes('/search/'))
        .map(p => p.slice(p.lastIndexOf('/') + 1));
"#;

/// The manifest is fetched once the page is idle, before anyone touches the box, and
/// nothing else is; the dropdown shows its first row as soon as that result's metadata
/// is in, with its real title and link, while the list stays `aria-busy`; the other rows
/// follow in rank order, and the finished list is the one a query shows in one go.
#[test]
fn dropdown_prefetches_the_manifest_and_shows_the_first_row_before_the_rest() {
    SHARDED.browse(|c, server| async move {
        open(c, server, "index.html").await;
        let fetched = wait_js(c, "the manifest, fetched while idle", SEARCH_FILES, |v| {
            v.as_array().is_some_and(|a| !a.is_empty())
        })
        .await;
        assert_eq!(
            fetched,
            serde_json::json!(["index.js"]),
            "only the manifest"
        );
        let focused = c
            .execute("return document.activeElement.id;", vec![])
            .await
            .unwrap();
        assert_ne!(focused, "search-input", "nobody touched the box");

        // All at once, on a fresh page: what the dropdown must end up showing.
        c.execute(PASTE, vec!["quokka".into()]).await.unwrap();
        let whole = dropdown_when(c, "all results for quokka", |d| {
            d.open && d.text.contains("“quokka”") && !d.busy && !d.hits.is_empty()
        })
        .await;
        assert_eq!(whole.hits.len(), 8, "{:?}", titles(&whole.hits));
        assert!(
            whole.text.contains("All 14 results for “quokka”"),
            "{}",
            whole.text
        );
        let fetched = c.execute(SEARCH_FILES, vec![]).await.unwrap();
        let metadata = fetched
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f.as_str().unwrap().starts_with('m'))
            .count();
        assert!(metadata >= 2, "a sharded index, metadata apart: {fetched}");

        open(c, server, "index.html").await;
        c.execute(HOLD_METADATA, vec![]).await.unwrap();
        c.execute(PASTE, vec!["quokka".into()]).await.unwrap();
        let first = dropdown_when(c, "the first row for quokka", |d| {
            d.open && !d.hits.is_empty()
        })
        .await;
        assert_eq!(
            first.hits,
            whole.hits[..1],
            "the top result, real title and link"
        );
        assert!(first.busy, "the list says it is still filling");
        assert!(
            first.text.contains("All 14 results for “quokka”"),
            "{}",
            first.text
        );
        let held = c
            .execute("return window.held.length;", vec![])
            .await
            .unwrap();
        assert!(
            held.as_u64().unwrap() >= 1,
            "later rows wait for their files: {held}"
        );

        c.execute("window.releaseHeld();", vec![]).await.unwrap();
        let rest = dropdown_when(c, "every row for quokka", |d| !d.busy && d.hits.len() == 8).await;
        assert_eq!(rest.hits, whole.hits, "same rows, same order");
        assert_eq!(rest.text, whole.text);

        // The term file carries its strongest document's row (a head): with every
        // metadata file held back, the top row is there all the same, without its
        // snippet, which comes with its file.
        open(c, server, "index.html").await;
        c.execute(HOLD_METADATA, vec![0.into()]).await.unwrap();
        c.execute(PASTE, vec!["quokka".into()]).await.unwrap();
        let first = dropdown_when(c, "the first row for quokka, from its head", |d| {
            d.open && !d.hits.is_empty()
        })
        .await;
        assert_eq!(first.hits, whole.hits[..1], "the top result, real title and link");
        assert!(first.busy, "the list says it is still filling");
        let snippets = c
            .execute(
                "return document.querySelectorAll('#search-listbox .search-snippet, #search-listbox .search-section').length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(snippets, 0, "no snippet before the metadata");
        let held = c
            .execute("return window.held.length;", vec![])
            .await
            .unwrap();
        assert_eq!(held, 8, "every row's file asked for at once");
        c.execute("window.releaseHeld();", vec![]).await.unwrap();
        let rest = dropdown_when(c, "every row for quokka", |d| !d.busy && d.hits.len() == 8).await;
        assert_eq!(rest.hits, whole.hits, "same rows, same order");
        assert_eq!(rest.text, whole.text, "the top row's snippet added in its place");

        // A query with one result: its row comes from a head, and the list stays busy
        // until the row's snippet is in.
        open(c, server, "index.html").await;
        c.execute(HOLD_METADATA, vec![0.into()]).await.unwrap();
        c.execute(PASTE, vec!["note 390".into()]).await.unwrap();
        let one = dropdown_when(c, "the row for note 390, from its head", |d| {
            d.open && !d.hits.is_empty()
        })
        .await;
        assert_eq!(titles(&one.hits), ["Note 390"]);
        assert!(one.text.contains("All 1 result for"), "{}", one.text);
        assert!(one.busy, "busy until the snippet is in");
        c.execute("window.releaseHeld();", vec![]).await.unwrap();
        dropdown_when(c, "the whole row for note 390", |d| !d.busy && d.hits.len() == 1).await;
    });
}
