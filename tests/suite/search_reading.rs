//! Search as a reader meets it (issue 13, item 10), on a handbook this module writes: one
//! typo tolerated in longer words (and exact matches above typo matches), an exact title
//! ranked first, snippets taken from the section that matched (its heading kept apart from
//! its text), and each dropdown option announced as "kind, title, team".
//!
//! The same content is checked twice: by `tests/js/reading.js` under Node against the
//! index the real binary built (with filler pages, so the index is sharded and a misspelt
//! word may sit in a shard of its own), and in headless Chromium in the header dropdown.
//!
//! The other small things of item 10 are checked on the built pages of a small handbook:
//! favicon, Open Graph and description meta, the timeline in the top navigation, chat
//! contacts as links through `chat_url`, and a 404 page that works from any path.

use crate::browser::{Server, Site, wait_js};
use crate::harness::*;
use crate::search_js::run_js;
use fantoccini::Client;
use serde_json::Value;
use std::path::Path;

/// Writes the handbook into `book`, plus `filler` pages of made-up words.
fn write_handbook(book: &TestBook, filler: usize) {
    book.write("orgbook.toml", "title = \"Reading Org\"\n");
    book.write(
        "content/_index.md",
        "+++\ntitle = \"Reading Org handbook\"\n+++\nWelcome.\n",
    );
    // Teams that mention "slack" and "on-call" everywhere, and weigh more as teams: without
    // the exact-title rule they would rank above the pages titled "Slack" and "On-call".
    book.write(
        "content/teams/slack-admins.md",
        &format!(
            "+++\nname = \"Slack Admins\"\nproblem = \"Slack is noisy and slack channels sprawl.\"\n\
             owns = [\"slack workspace\", \"slack bots\"]\nlead = \"Ada Slack\"\n\
             metrics = [{{ name = \"Reply time\", target = \"1 h\" }}]\n\
             [contact]\nchat = \"#slack\"\n+++\n## Slack\n\n{}\n",
            "We run slack and slack bots. ".repeat(20)
        ),
    );
    book.write(
        "content/teams/incident-response.md",
        &format!(
            "+++\nname = \"Incident Response\"\nproblem = \"On-call is hard; on-call load is uneven.\"\n\
             owns = [\"on-call rotation\", \"on-call tooling\"]\n\
             metrics = [{{ name = \"Pages per week\", target = \"5\" }}]\n+++\n## On-call\n\n{}\n",
            "The on-call rotation and on-call handbook. ".repeat(20)
        ),
    );
    book.write(
        "content/guide/slack.md",
        "+++\ntitle = \"Slack\"\n+++\nWhere we chat. Use threads, and keep decisions out of direct messages.\n",
    );
    book.write(
        "content/guide/on-call.md",
        "+++\ntitle = \"On-call\"\n+++\n\
         Being reachable outside office hours, in turns.\n\n\
         ## Paging\n\nWe page the primary responder first, by phone.\n\n\
         ## Escalation policy\n\nIf nobody answers within ten minutes, the secondary responder is called.\n\n\
         ## Handover\n\nWrite handover notes every Monday. Keep a tangerine on the desk for luck.\n",
    );
    book.write(
        "content/guide/card-handling.md",
        "+++\ntitle = \"Card handling\"\n+++\nCard payments settle nightly. Refunds of payments take a day.\n",
    );
    book.write(
        "content/guide/scratch.md",
        "+++\ntitle = \"Scratch notes\"\n+++\nDraft: the paymnts export, spelt as the vendor spells it.\n",
    );
    book.write(
        "content/guide/first-week.md",
        "+++\ntitle = \"First week\"\n+++\nThe onboarding checklist for new starters.\n",
    );
    book.write(
        "content/guide/shipping.md",
        "+++\ntitle = \"Shipping code\"\n+++\nEvery deployment goes through the release train.\n",
    );
    // Made-up words spread over the alphabet, so that the term dictionary spans many
    // shards, as in a large handbook.
    let mut made_up = MadeUpWords::new(0x2545_F491_4F6C_DD1Du64);
    for i in 0..filler {
        let words: Vec<String> = made_up.words(40);
        book.write(
            &format!("content/archive/note-{i}.md"),
            &format!("+++\ntitle = \"Note {i}\"\n+++\n{}.\n", words.join(" ")),
        );
    }
}

/// Node, on the sharded index of the real build: typos, exact titles, snippets, and what
/// each query downloads.
#[test]
fn client_tolerates_typos_ranks_exact_titles_first_and_picks_the_matching_section() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    write_handbook(&book, 1200);
    book.build().success();
    let search = book.out().join("search");
    let shards = std::fs::read_dir(&search)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with('t')
        })
        .count();
    assert!(
        shards >= 20,
        "the index must be sharded: {shards} term shards"
    );
    run_js("reading.js", &[&book.out()]);
}

static SITE: Site = Site::new(make_site);

fn make_site(scratch: &Path) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir_in(scratch).unwrap(),
    };
    write_handbook(&book, 0);
    book
}

/// Types `query` into the header box and returns, per option, its accessible name and the
/// parts shown: `{label, href, title, section, snippet}`.
async fn dropdown(client: &Client, server: &Server, query: &str) -> Vec<Value> {
    client.goto(&server.url("index.html")).await.unwrap();
    let input = client
        .find(fantoccini::Locator::Id("search-input"))
        .await
        .unwrap();
    input.send_keys(query).await.unwrap();
    let quoted = format!("\u{201c}{query}\u{201d}");
    let v = wait_js(
        client,
        "the dropdown for the query",
        &format!(
            r#"const box = document.querySelector('.search-dropdown');
               if (!box || box.hidden || !box.textContent.includes({q})) return null;
               if (document.querySelector('#search-listbox[aria-busy=true]')) return null;
               return Array.from(document.querySelectorAll('#search-listbox [role=option]'), o => {{
                 const a = o.matches('a.search-hit') ? o : null, t = s => {{ const e = o.querySelector(s); return e ? e.textContent : null; }};
                 return {{ label: o.getAttribute('aria-label'), href: a ? a.getAttribute('href') : null,
                          title: t('.search-title'), section: t('.search-section'), snippet: t('.search-snippet'),
                          nested: o.querySelectorAll('a, button, input, [tabindex]').length }};
               }});"#,
            q = serde_json::to_string(&quoted).unwrap()
        ),
        |v| v.is_array(),
    )
    .await;
    v.as_array().unwrap().clone()
}

fn hrefs_of(options: &[Value]) -> Vec<&str> {
    options.iter().filter_map(|o| o["href"].as_str()).collect()
}

#[test]
fn dropdown_ranks_an_exact_title_first() {
    SITE.browse(|client, server| async move {
        let slack = dropdown(client, server, "slack").await;
        let hrefs = hrefs_of(&slack);
        assert!(hrefs[0].ends_with("guide/slack.html"), "{hrefs:?}");
        assert!(
            hrefs.iter().any(|h| h.ends_with("teams/slack-admins.html")),
            "{hrefs:?}"
        );
        let oncall = dropdown(client, server, "on-call").await;
        let hrefs = hrefs_of(&oncall);
        assert!(hrefs[0].ends_with("guide/on-call.html"), "{hrefs:?}");
    });
}

#[test]
fn dropdown_finds_a_word_with_one_typo_below_the_exact_spelling() {
    SITE.browse(|client, server| async move {
        let options = dropdown(client, server, "paymnts").await;
        let hrefs = hrefs_of(&options);
        let exact = hrefs.iter().position(|h| h.ends_with("guide/scratch.html"));
        let typo = hrefs
            .iter()
            .position(|h| h.ends_with("guide/card-handling.html"));
        assert!(exact.is_some() && typo.is_some(), "{hrefs:?}");
        assert!(exact < typo, "exact spelling first: {hrefs:?}");
        let options = dropdown(client, server, "onbaording").await;
        assert!(
            hrefs_of(&options)[0].ends_with("guide/first-week.html"),
            "{options:?}"
        );
    });
}

#[test]
fn dropdown_snippet_comes_from_the_matching_section_with_its_heading_apart() {
    SITE.browse(|client, server| async move {
        let options = dropdown(client, server, "escalation").await;
        let hit = options
            .iter()
            .find(|o| {
                o["href"]
                    .as_str()
                    .is_some_and(|h| h.ends_with("guide/on-call.html"))
            })
            .unwrap_or_else(|| panic!("{options:?}"));
        assert_eq!(hit["section"], "Escalation policy", "{hit}");
        let snippet = hit["snippet"].as_str().unwrap();
        assert!(snippet.starts_with("If nobody answers"), "{hit}");
        for heading in ["Escalation policy", "Paging", "Handover", "On-call"] {
            assert!(
                !snippet.contains(heading),
                "{heading} glued into {snippet:?}"
            );
        }
        // A word deep in the last section picks that section.
        let options = dropdown(client, server, "tangerine").await;
        assert_eq!(options[0]["section"], "Handover", "{options:?}");
        assert!(
            options[0]["snippet"]
                .as_str()
                .unwrap()
                .contains("tangerine"),
            "{options:?}"
        );
        // A word of the lead keeps the lead, with no heading shown.
        let options = dropdown(client, server, "reachable").await;
        assert_eq!(options[0]["section"], Value::Null, "{options:?}");
        assert!(
            options[0]["snippet"]
                .as_str()
                .unwrap()
                .starts_with("Being reachable"),
            "{options:?}"
        );
    });
}

#[test]
fn dropdown_options_are_named_kind_title_team_with_nothing_nested_to_tab_to() {
    SITE.browse(|client, server| async move {
        let options = dropdown(client, server, "slack").await;
        let labels: Vec<&str> = options.iter().filter_map(|o| o["label"].as_str()).collect();
        assert!(labels.contains(&"Page, Slack"), "{labels:?}");
        assert!(labels.contains(&"Team, Slack Admins"), "{labels:?}");
        // Each option is the link itself: nothing interactive nested inside it, and out
        // of the tab order (the combobox moves the active option).
        assert!(options.iter().all(|o| o["nested"] == 0), "{options:?}");
        let tab_stops = client
            .execute(
                "return Array.from(document.querySelectorAll('#search-listbox [role=option]')).filter(o => o.tabIndex >= 0).length;",
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(tab_stops, 0);
    });
}

// ---- The other small things of item 10, checked on the built pages ----

/// A small handbook with a decision (so there is a timeline), chat contacts and, when
/// given, a `base_url`.
fn small_book(base_url: Option<&str>) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    let mut config = String::from(
        "title = \"Small Org\"\nchat_url = \"https://chat.example.org/app_redirect?channel={channel}\"\n",
    );
    if let Some(u) = base_url {
        config.push_str(&format!("base_url = \"{u}\"\n"));
    }
    book.write("orgbook.toml", &config);
    book.write(
        "content/_index.md",
        "+++\ntitle = \"Small Org handbook\"\ndescription = \"How Small Org works.\"\n+++\nWelcome.\n",
    );
    book.write(
        "content/teams/payments.md",
        "+++\nname = \"Payments\"\nproblem = \"Money must move.\"\n\
         metrics = [{ name = \"Uptime\", target = \"99.9%\" }]\n\
         [contact]\nchat = \"#pay-ments\"\nlead = \"@ada\"\nsite = \"https://pay.example.org/\"\n\
         email = \"pay@example.org\"\nroom = \"Level 2\"\n+++\nWe move money.\n",
    );
    book.write(
        "content/decisions/0001-use-postgres.md",
        "+++\ntitle = \"Use Postgres\"\nstatus = \"accepted\"\ntype = 2\ndate = 2026-01-10\ndecided = 2026-01-12\n\
         team = \"payments\"\n+++\n## Context\n\nWe need a database.\n",
    );
    book.write(
        "content/guide/tea.md",
        "+++\ntitle = \"Tea\"\ndescription = \"Where the tea is.\"\n+++\nIn the kitchen.\n",
    );
    book.build().success();
    book
}

#[test]
fn pages_have_a_favicon_open_graph_and_description_meta_and_the_timeline_in_the_nav() {
    let book = small_book(None);
    for (page, title, description) in [
        (
            "index.html",
            "Small Org handbook",
            Some("How Small Org works."),
        ),
        ("guide/tea.html", "Tea", Some("Where the tea is.")),
        ("teams/payments.html", "Payments", None),
    ] {
        let doc = book.html(page);
        let icon =
            attr(&doc, "link[rel=icon]", "href").unwrap_or_else(|| panic!("{page}: no icon"));
        // The icon link is relative to the page and names a file that was written.
        let dir = std::path::Path::new(page).parent().unwrap();
        let icon_file = book.out().join(dir).join(&icon);
        assert!(icon_file.is_file(), "{page}: {icon} not found");
        assert_eq!(
            attr(&doc, "meta[property='og:title']", "content").as_deref(),
            Some(title),
            "{page}"
        );
        assert_eq!(
            attr(&doc, "meta[property='og:site_name']", "content").as_deref(),
            Some("Small Org")
        );
        if let Some(d) = description {
            assert_eq!(
                attr(&doc, "meta[name=description]", "content").as_deref(),
                Some(d)
            );
            assert_eq!(
                attr(&doc, "meta[property='og:description']", "content").as_deref(),
                Some(d)
            );
        }
        let nav = hrefs(&doc, "nav.site-nav a");
        assert!(
            nav.iter().any(|h| h.ends_with("timeline.html")),
            "{page}: {nav:?}"
        );
    }
}

#[test]
fn chat_contacts_and_urls_are_links() {
    let book = small_book(None);
    let doc = book.html("teams/payments.html");
    let links: Vec<(String, String)> = doc
        .select(&sel("dd a"))
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap_or("").to_string(),
            )
        })
        .collect();
    for (text, href) in [
        (
            "#pay-ments",
            "https://chat.example.org/app_redirect?channel=pay-ments",
        ),
        ("@ada", "https://chat.example.org/app_redirect?channel=ada"),
        ("https://pay.example.org/", "https://pay.example.org/"),
        ("pay@example.org", "mailto:pay@example.org"),
    ] {
        assert!(
            links.iter().any(|(t, h)| t == text && h == href),
            "{text} → {href} missing in {links:?}"
        );
    }
    assert!(
        !links.iter().any(|(t, _)| t == "Level 2"),
        "plain text stays text: {links:?}"
    );
}

/// A host serves 404.html for any missing path, at any depth: its styles are inline and
/// its links absolute (from `base_url`, else from the server root).
#[test]
fn not_found_page_is_styled_and_links_from_any_path() {
    for (base, root) in [
        (None, "/"),
        (
            Some("https://docs.example.org/handbook"),
            "https://docs.example.org/handbook/",
        ),
    ] {
        let book = small_book(base);
        let doc = book.html("404.html");
        let style: String = doc
            .select(&sel("head style"))
            .map(|s| s.text().collect::<String>())
            .collect();
        assert!(
            style.len() > 1000,
            "the stylesheet is inline: {} bytes",
            style.len()
        );
        let mut refs = hrefs(&doc, "a[href], link[href]");
        refs.extend(
            doc.select(&sel("script[src], img[src]"))
                .filter_map(|e| e.value().attr("src").map(String::from)),
        );
        assert!(!refs.is_empty());
        for r in &refs {
            assert!(
                r.starts_with(root)
                    || r.starts_with('#')
                    || r.starts_with("mailto:")
                    || r.starts_with("https://")
                    || r.starts_with("http://"),
                "{base:?}: {r} does not work from a nested path"
            );
        }
        assert!(
            refs.iter().any(|r| *r == format!("{root}index.html")),
            "{refs:?}"
        );
    }
}

/// axe-core with the dropdown open, in light and dark mode: options with a section
/// heading and highlighted matches, no nested interactive controls, contrast of `mark`.
/// axe-core is the pinned npm package `.ci/run` installs into `tests/browser/`.
#[test]
fn axe_finds_no_serious_violations_with_the_dropdown_open() {
    let Some(axe) = crate::browser::axe_source() else {
        return;
    };
    SITE.browse(|client, server| async move {
        let mut problems = Vec::new();
        for scheme in ["light", "dark"] {
            crate::browser::emulate_media(client, "", scheme).await;
            for query in ["escalation", "paymnts", "slack"] {
                let options = dropdown(client, server, query).await;
                assert!(options.len() > 1, "{query}: {options:?}");
                for p in crate::browser::axe_serious(client, &axe).await {
                    problems.push(format!("{scheme} {query}: {p}"));
                }
            }
        }
        crate::browser::emulate_media(client, "", "light").await;
        assert!(problems.is_empty(), "axe-core:\n{}", problems.join("\n"));
    });
}
