//! Reading the handbook in headless Chromium (issue 13): page head order and the sticky
//! contents column, sidebar and previous/next, no sideways scrolling at 390 px on every
//! page type, the org map's "find a team" box, decisions filtered by the query string,
//! axe-core in light and dark mode, and print media showing the whole org map.
//!
//! axe-core is the pinned npm package `.ci/run` installs into `tests/browser/`; without it
//! these tests fail when CI is set and are skipped (after a notice) otherwise, like every
//! browser test (see `browser.rs`).

use crate::browser::{
    Server, Site, axe_serious, axe_source, emulate_media, emulate_viewport, wait_js,
};
use crate::harness::*;
use fantoccini::Client;
use serde_json::Value;
use std::path::Path;

/// The browser tests' own handbook (tests/fixtures/browser), served under a sub-path (as on
/// a real host), plus a long page for the sidebar and contents column.
static SITE: Site = Site::new(make_site);

fn make_site(scratch: &Path) -> TestBook {
    let book = TestBook::fixture_in("browser", scratch);
    let mut long = String::from(
        "+++\ntitle = \"A long read\"\ndescription = \"Why this page exists.\"\nweight = 50\n+++\n# A long read\n\n",
    );
    for i in 0..8 {
        long.push_str(&format!(
            "## Part {i}\n\n{}\n\n",
            "Words to read. ".repeat(80)
        ));
    }
    long.push_str("| a | very | wide | table |\n|---|---|---|---|\n");
    long.push_str(&format!("| {} | b | c | d |\n", "x".repeat(300)));
    long.push_str("\n```rust\nfn main() { println!(\"a very long line of code that must scroll inside its own box and never make the page wider than the phone\"); }\n```\n");
    // Every class the highlighter emits (comment, keyword, string, constant, function,
    // type, tag, property), so the contrast check sees each colour in both modes.
    long.push_str("\n```yaml\nalert: api-error-rate # page someone\nfor: 10\n```\n");
    long.push_str("\n```ts\nclass A { f(): number { return parseInt(\"1\"); } }\n```\n");
    long.push_str("\n```html\n<p class=\"x\">hi</p>\n```\n");
    // Every callout colour (GitHub alerts, and a Docusaurus admonition drawn like one), so
    // the contrast check sees each title and text in both modes.
    for kind in ["NOTE", "TIP", "IMPORTANT", "WARNING", "CAUTION"] {
        long.push_str(&format!("\n> [!{kind}]\n> Text of the {kind} callout.\n"));
    }
    long.push_str("\n:::danger[Read this first]\nA Docusaurus admonition.\n:::\n");
    // MkDocs admonitions: collapsible ones as <details> (open and closed), one without a
    // title, and content tabs.
    long.push_str("\n???+ warning \"Open details\"\n    Text of the open one.\n\n    - a list\n\n??? danger \"Closed details\"\n    Hidden text.\n\n!!! tip \"\"\n    An untitled tip.\n\n=== \"Linux\"\n    `apt install x`\n\n=== \"macOS\"\n    `brew install x`\n");
    // Mermaid diagrams drawn at build time: a wide flowchart (it must scroll in its own box
    // on a phone), a state diagram (whose labels ask for Verdana) and a sequence diagram, checked by axe in both modes like the rest.
    long.push_str("\n```mermaid\nflowchart LR\n  a[Shipper portal] --> b(Booking API) --> c{Capacity?} -->|yes| d[Confirm booking] --> e[Notify carrier] --> f[Invoice shipper]\n```\n");
    long.push_str("\n```mermaid\nstateDiagram-v2\n  [*] --> proposed: pull request opened\n  proposed --> accepted: deciders agree\n  accepted --> superseded: a later record replaces it\n```\n");
    long.push_str("\n```mermaid\nsequenceDiagram\n  participant P as Portal\n  participant B as Booking\n  P->>B: POST /bookings\n  B-->>P: 201 Created\n```\n");
    // Labels long enough to wrap: sized with Mermaid's font model alone, a fifth of them
    // wrapped onto one more line than their box holds in Arial (Liberation Sans).
    long.push_str("\n```mermaid\nflowchart TD\n");
    for (i, label) in [
        "Customer places an order on the website",
        "Database database report onboarding",
        "Warehouse response report alert",
        "Response customer network incident order database",
        "Planning people order warehouse order paging schedule",
        "Capacity network quarterly onboarding planning report alert",
        "Storage warehouse customer finance booking",
        "Carrier response onboarding booking people hiring",
        "Incident customer warehouse capacity payment booking warehouse shipping finance",
    ]
    .iter()
    .enumerate()
    {
        long.push_str(&format!("  n{i}[{label}]\n"));
        if i > 0 {
            long.push_str(&format!("  n{} --> n{i}\n", i - 1));
        }
    }
    long.push_str("```\n");
    // TeX formulas drawn as MathML: inline, a display formula wider than a phone (it must
    // scroll in its own box), and one that does not parse (its TeX shown, in both modes).
    long.push_str(
        "\nThe budget is $B = (1 - s) \\times 30$ days, and $\\nosuch{x}$ stays TeX.\n\n$$\n",
    );
    long.push_str(&"x_{1} + \\frac{a}{b} + ".repeat(40));
    long.push_str("x_{2}\n$$\n");
    book.write("content/how-we-work/long-read.md", &long);
    // The repository's CODEOWNERS: team pages get a Code section, the ownership index its
    // path box (both checked by axe and on a phone below, with the other page types).
    book.write(
        "CODEOWNERS",
        "# Kettleby monorepo\n*                        @kettleby/infrastructure\n/services/payments/      @kettleby/payments\n/services/payments/fx/   @kettleby/payments @kettleby/invoicing jane@kettleby.example\n/services/invoicing/     @kettleby/invoicing\n/generated/\n",
    );
    book
}

/// One page of each kind the site has.
const PAGE_TYPES: &[&str] = &[
    "index.html",
    "teams/index.html",
    "teams/payments.html",
    "teams/shipping.html",
    "decisions/index.html",
    "decisions/0009-move-service-messaging-to-kafka.html",
    "how-we-work/long-read.html",
    "how-we-work/index.html",
    "handbook.html",
    "handbook-index/how-we-work.html",
    "orgmap.html",
    "ownership.html",
    "timeline.html",
    "health.html",
    "people.html",
    "people/aisha-bello.html",
    "interactions.html",
    "search.html",
    "404.html",
];

async fn open(client: &Client, server: &Server, rel: &str) {
    client.goto(&server.url(rel)).await.unwrap();
    wait_js(
        client,
        "the page to load",
        "return document.readyState === 'complete';",
        |v| v == &Value::Bool(true),
    )
    .await;
}

#[test]
fn head_reads_title_description_contents_and_the_contents_column_stays_on_screen() {
    SITE.browse(|client, server| async move {
        emulate_viewport(client, Some((1400, 900))).await;
        open(client, server, "how-we-work/long-read.html").await;
        let v = client
            .execute(
                r#"
                const top = s => document.querySelector(s).getBoundingClientRect().top;
                const toc = document.querySelector('.toc').getBoundingClientRect();
                const body = document.querySelector('.doc-body').getBoundingClientRect();
                window.scrollTo(0, 3000);
                const after = document.querySelector('.toc').getBoundingClientRect().top;
                window.scrollTo(0, 0);
                return { h1: top('h1'), lede: top('.lede'), prose: top('.prose'),
                         h1s: document.querySelectorAll('h1').length,
                         tocLeft: toc.left, bodyRight: body.right, tocAfterScroll: after };
                "#,
                vec![],
            )
            .await
            .unwrap();
        let n = |k: &str| v[k].as_f64().unwrap();
        assert_eq!(n("h1s"), 1.0, "{v}");
        assert!(n("h1") < n("lede") && n("lede") < n("prose"), "{v}");
        assert!(
            n("tocLeft") >= n("bodyRight"),
            "contents in a right-hand column: {v}"
        );
        assert!(
            (0.0..200.0).contains(&n("tocAfterScroll")),
            "contents stay on screen: {v}"
        );
        emulate_viewport(client, None).await;
    });
}

#[test]
fn sidebar_marks_the_page_and_next_leads_on_in_reading_order() {
    SITE.browse(|client, server| async move {
        emulate_viewport(client, Some((1400, 900))).await;
        open(client, server, "how-we-work/long-read.html").await;
        let v = client
            .execute(
                r#"
                const cur = document.querySelector('.sidebar a[aria-current=page]');
                const side = document.querySelector('.sidebar').getBoundingClientRect();
                const next = document.querySelector('.prev-next a[rel=next]');
                const prev = document.querySelector('.prev-next a[rel=prev]');
                return { current: cur && cur.textContent, sideVisible: side.width > 100,
                         next: next && next.getAttribute('href'),
                         prev: prev && prev.getAttribute('href') };
                "#,
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(v["current"], "A long read", "{v}");
        assert_eq!(v["sideVisible"], true, "{v}");
        assert!(v["prev"].is_string(), "{v}");
        let next = v["next"].as_str().expect("a next page").to_string();
        client
            .find(fantoccini::Locator::Css(".prev-next a[rel=next]"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let want = next.trim_start_matches("../").to_string();
        wait_js(
            client,
            "the next page",
            "return location.pathname;",
            move |p| p.as_str().is_some_and(|p| p.ends_with(&want)),
        )
        .await;
        emulate_viewport(client, None).await;
    });
}

#[test]
fn no_page_scrolls_sideways_on_a_390_px_phone() {
    SITE.browse(|client, server| async move {
        let wide = wider_than_a_phone(client, server, PAGE_TYPES).await;
        assert!(wide.is_empty(), "pages wider than 390 px: {wide:?}");
    });
}

#[test]
fn mermaid_diagrams_are_drawn_and_no_label_is_cut_off() {
    SITE.browse(|client, server| async move {
        open(client, server, "how-we-work/long-read.html").await;
        // The build sizes each label's box for the wider of Mermaid's font model and Arial
        // (what readers' browsers fall back to), so in Liberation Sans (Arial's widths)
        // every label fits its box; and where a reader's font is wider still, the text
        // runs past its box rather than being cut off: the end of every label is what a
        // click there hits.
        let v = client
            .execute(
                r#"const figs = document.querySelectorAll('main figure.diagram > svg');
                   const cut = [];
                   const over = [];
                   let labels = 0;
                   for (const fo of document.querySelectorAll('main figure.diagram foreignObject')) {
                     const inner = fo.firstElementChild;
                     if (!inner || !inner.textContent.trim()) continue;
                     labels++;
                     inner.scrollIntoView({ block: 'center', inline: 'center' });
                     const range = document.createRange();
                     range.selectNodeContents(inner);
                     const r = range.getBoundingClientRect();
                     const box = fo.getBoundingClientRect();
                     if (r.height > box.height + 1 || r.width > box.width + 1) {
                       over.push(inner.textContent.trim() + ': ' + Math.round(r.width) + 'x' + Math.round(r.height) + ' in ' + Math.round(box.width) + 'x' + Math.round(box.height));
                     }
                     for (const x of [r.left + 1, r.right - 1]) {
                       const hit = document.elementFromPoint(x, (r.top + r.bottom) / 2);
                       if (!hit || !inner.contains(hit)) {
                         cut.push(inner.textContent.trim() + ' at ' + Math.round(x - r.left) + ' of ' + Math.round(r.width));
                       }
                     }
                   }
                   const font = getComputedStyle(document.querySelector('main figure.diagram foreignObject p, main figure.diagram foreignObject span')).fontFamily;
                   return [figs.length, labels, cut, over, font];"#,
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(v[0], 4, "four diagrams drawn: {v}");
        assert!(v[1].as_u64().unwrap() >= 15, "their labels are HTML boxes: {v}");
        assert_eq!(v[2], Value::Array(vec![]), "labels cut off: {v}");
        assert!(v[4].as_str().unwrap().contains("arial"), "{v}");
        assert_eq!(v[3], Value::Array(vec![]), "labels larger than their box: {v}");
    });
}

/// Those of `pages` that scroll sideways at 390 × 844, with their width.
async fn wider_than_a_phone(client: &Client, server: &Server, pages: &[&str]) -> Vec<String> {
    emulate_viewport(client, Some((390, 844))).await;
    let mut wide = Vec::new();
    for page in pages {
        open(client, server, page).await;
        let v = client
            .execute(
                "return [document.documentElement.scrollWidth, window.innerWidth];",
                vec![],
            )
            .await
            .unwrap();
        let (sw, iw) = (v[0].as_f64().unwrap(), v[1].as_f64().unwrap());
        assert_eq!(iw, 390.0, "viewport emulation");
        if sw > 390.0 {
            wide.push(format!("{page}: {sw}px"));
        }
    }
    emulate_viewport(client, None).await;
    wide
}

/// axe-core's critical and serious violations on `pages` in light and dark mode.
async fn axe_problems(client: &Client, server: &Server, axe: &str, pages: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for scheme in ["light", "dark"] {
        emulate_media(client, "", scheme).await;
        for page in pages {
            open(client, server, page).await;
            for p in axe_serious(client, axe).await {
                problems.push(format!("{scheme} {page}: {p}"));
            }
        }
    }
    emulate_media(client, "", "light").await;
    problems
}

/// The maps link one stylesheet (`orgbook/orgmap.css`) instead of each carrying a copy:
/// a team page's neighbourhood, the overview and a group's own map page must still be
/// drawn in the palette, in light and dark mode, not in SVG's default black.
#[test]
fn every_map_is_styled_by_the_linked_stylesheet_in_both_schemes() {
    SITE.browse(|client, server| async move {
        for scheme in ["light", "dark"] {
            emulate_media(client, "", scheme).await;
            for page in ["teams/payments.html", "orgmap.html"] {
                open(client, server, page).await;
                let v = client
                    .execute(
                        "const box = document.querySelector('svg.om-map .om-box'); \
                         const name = document.querySelector('svg.om-map .om-name'); \
                         return [!!box && getComputedStyle(box).fill, !!name && getComputedStyle(name).fill, \
                                 document.querySelectorAll('svg.om-map style').length];",
                        vec![],
                    )
                    .await
                    .unwrap();
                let (fill, text) = (v[0].as_str().unwrap_or(""), v[1].as_str().unwrap_or(""));
                assert!(
                    fill.starts_with("rgb(") && fill != "rgb(0, 0, 0)",
                    "{scheme} {page}: box fill {fill}"
                );
                let want = if scheme == "dark" { "rgb(238, 241, 244)" } else { "rgb(22, 25, 29)" };
                assert_eq!(text, want, "{scheme} {page}: name colour");
                assert_eq!(v[2], 0, "{page}: no stylesheet copy inside the map");
            }
        }
        emulate_media(client, "", "light").await;
    });
}

#[test]
fn org_map_find_a_team_jumps_to_and_marks_the_team() {
    SITE.browse(|client, server| async move {
        open(client, server, "orgmap.html").await;
        let input = client
            .find(fantoccini::Locator::Id("om-find-input"))
            .await
            .unwrap();
        input.send_keys("paym").await.unwrap();
        wait_js(
            client,
            "a match",
            "return Array.from(document.querySelectorAll('#om-find-results a'), a => a.textContent);",
            |v| v.as_array().is_some_and(|a| a.iter().any(|t| t.as_str().unwrap_or("").starts_with("Payments"))),
        )
        .await;
        input.send_keys("\u{E007}").await.unwrap(); // Enter
        wait_js(
            client,
            "the team's box to be marked",
            "const el = document.getElementById('om-payments'); return [location.hash, !!el && el.classList.contains('om-found')];",
            |v| v[0] == "#om-payments" && v[1] == true,
        )
        .await;
    });
}

/// "Who owns a file or folder?" on the ownership index: the last CODEOWNERS rule that
/// matches the typed path names its teams, linked to their pages.
#[test]
fn ownership_index_names_the_owner_of_a_typed_path() {
    SITE.browse(|client, server| async move {
        open(client, server, "ownership.html").await;
        let input = client
            .find(fantoccini::Locator::Id("owner-of-path"))
            .await
            .unwrap();
        input.send_keys("services/payments/fx/rates.go").await.unwrap();
        let shown = |v: &Value, want: &str| v[0].as_str().unwrap_or("").contains(want);
        let read = "const o = document.querySelector('#owner-of output'); return [o.textContent, Array.from(o.querySelectorAll('a'), a => a.getAttribute('href'))];";
        let v = wait_js(client, "the owners of a path", read, |v| {
            shown(v, "is owned by Payments, Invoicing, jane@kettleby.example")
        })
        .await;
        assert_eq!(v[1], serde_json::json!(["teams/payments.html", "teams/invoicing.html"]));
        assert!(shown(&v, "(/services/payments/fx/, CODEOWNERS line 4)"), "{v}");
        // A path under a rule that names no owner, and the catch-all.
        input.clear().await.unwrap();
        input.send_keys("generated/schema.json").await.unwrap();
        wait_js(client, "no owner", read, |v| shown(v, "no code owner; the last rule that matches it names none")).await;
        input.clear().await.unwrap();
        input.send_keys("README.md").await.unwrap();
        wait_js(client, "the catch-all's owner", read, |v| shown(v, "is owned by Infrastructure (*, CODEOWNERS line 2)")).await;
    });
}

/// The header search answers a typed path with its code owners, above the results: a row
/// per team (to its page), or one for other owners or none (to the ownership index, which
/// repeats the answer); two words joined by a slash get no row. The ownership index's box
/// works from `file://` too (the rules are a search file, loaded from a `<script>`). A full
/// dropdown, which scrolls, passes axe.
#[test]
fn header_search_names_the_code_owners_of_a_typed_path() {
    SITE.browse(|client, server| async move {
        open(client, server, "teams/index.html").await;
        let input = client
            .find(fantoccini::Locator::Id("search-input"))
            .await
            .unwrap();
        let rows = r#"return Array.from(document.querySelectorAll('#search-listbox [role=option]'), a => [
            a.className, a.querySelector('.search-title') ? a.querySelector('.search-title').textContent : a.textContent,
            a.getAttribute('href'), a.querySelector('.search-snippet') ? a.querySelector('.search-snippet').textContent : '',
            a.getAttribute('aria-label') || '']);"#;
        let owners = |v: &Value| -> Vec<Value> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter(|r| r[0].as_str().unwrap_or("").contains("search-owner"))
                        .cloned()
                        .collect()
                })
                .unwrap_or_default()
        };
        // First a full dropdown (8 results and the footer): taller than its box, so the
        // box scrolls, and axe asks that a keyboard can reach it.
        input.send_keys("payments").await.unwrap();
        let full = "const b = document.querySelector('.search-dropdown'); return [document.querySelectorAll('#search-listbox [role=option]').length, b.scrollHeight > b.clientHeight];";
        wait_js(client, "a full dropdown that scrolls", full, |v| {
            v[0].as_u64() == Some(9) && v[1] == true
        })
        .await;
        if let Some(axe) = axe_source() {
            let problems = axe_serious(client, &axe).await;
            assert!(problems.is_empty(), "{problems:#?}");
        }
        input.clear().await.unwrap();
        input.send_keys("services/payments/fx/rates.go").await.unwrap();
        let v = wait_js(client, "the owner rows", rows, |v| owners(v).len() == 2).await;
        let found = owners(&v);
        assert_eq!(found[0][1], "Payments", "{v}");
        assert_eq!(found[0][2], "../teams/payments.html", "{v}");
        assert_eq!(found[1][1], "Invoicing", "{v}");
        assert_eq!(
            found[0][3],
            "/services/payments/fx/, CODEOWNERS line 4; also jane@kettleby.example",
            "{v}"
        );
        assert_eq!(
            found[0][4],
            "Code owner, Payments, services/payments/fx/rates.go",
            "{v}"
        );
        // The owner rows come first, and the open dropdown with them passes axe.
        assert!(v[0][0].as_str().unwrap().contains("search-owner"), "{v}");
        if let Some(axe) = axe_source() {
            let problems = axe_serious(client, &axe).await;
            assert!(problems.is_empty(), "{problems:#?}");
        }
        // A path that a rule leaves without owners: one row, to the ownership index.
        input.clear().await.unwrap();
        input.send_keys("generated/schema.json").await.unwrap();
        let v = wait_js(client, "the no-owner row", rows, |v| {
            owners(v).first().is_some_and(|r| r[1] == "No code owner")
        })
        .await;
        assert_eq!(
            owners(&v)[0][2],
            "../ownership.html?path=generated%2Fschema.json",
            "{v}"
        );
        // Two words joined by a slash, which only the catch-all matches: no owner row.
        input.clear().await.unwrap();
        input.send_keys("CI/CD").await.unwrap();
        let said = "return document.getElementById('search-listbox').textContent;";
        wait_js(client, "the search to answer", said, |v| {
            v.as_str().unwrap_or("").contains("“CI/CD”")
        })
        .await;
        let v = client.execute(rows, vec![]).await.unwrap();
        assert!(owners(&v).is_empty(), "{v}");

        // Following the no-owner row: the ownership index answers the path at once.
        open(client, server, "ownership.html?path=generated%2Fschema.json").await;
        let read = "const o = document.querySelector('#owner-of output'); return o.textContent;";
        wait_js(client, "the box's answer", read, |v| {
            v.as_str().unwrap_or("").contains("generated/schema.json: no code owner")
        })
        .await;

        // From file://: the box and the header search load the rules from <script>s.
        let file = format!("file://{}/ownership.html", server.dir.display());
        client.goto(&file).await.unwrap();
        let input = client
            .find(fantoccini::Locator::Id("owner-of-path"))
            .await
            .unwrap();
        input.send_keys("services/invoicing/api.go").await.unwrap();
        wait_js(client, "the box's answer from file://", read, |v| {
            v.as_str().unwrap_or("").contains("is owned by Invoicing (/services/invoicing/, CODEOWNERS line 5)")
        })
        .await;
        let header = client
            .find(fantoccini::Locator::Id("search-input"))
            .await
            .unwrap();
        header.send_keys("services/invoicing/api.go").await.unwrap();
        let v = wait_js(client, "the owner row from file://", rows, |v| owners(v).len() == 1).await;
        assert_eq!(owners(&v)[0][1], "Invoicing", "{v}");
    });
}

#[test]
fn decisions_filter_by_query_string_across_all_parts() {
    SITE.browse(|client, server| async move {
        open(
            client,
            server,
            "decisions/index.html?status=accepted&type=1",
        )
        .await;
        let v = wait_js(
            client,
            "the filtered list",
            r#"const n = document.documentElement.getAttribute('data-filtered');
               return n === null ? null : {
                 n: Number(n),
                 rows: Array.from(document.querySelectorAll('table.decisions tbody tr'),
                        tr => [tr.dataset.status, tr.querySelector('.dtype').textContent]),
                 select: document.querySelector('form.filters [name=status]').value };"#,
            |v| !v.is_null(),
        )
        .await;
        let rows = v["rows"].as_array().unwrap();
        assert_eq!(rows.len() as f64, v["n"].as_f64().unwrap());
        assert!(!rows.is_empty(), "{v}");
        assert!(
            rows.iter().all(|r| r[0] == "accepted" && r[1] == "T1"),
            "{v}"
        );
        assert_eq!(v["select"], "accepted");
        // The counts link to the same views.
        open(client, server, "decisions/index.html").await;
        let hrefs = client
            .execute(
                "return Array.from(document.querySelectorAll('.counts a'), a => a.getAttribute('href'));",
                vec![],
            )
            .await
            .unwrap();
        assert!(
            hrefs
                .as_array()
                .unwrap()
                .iter()
                .any(|h| h == "../decisions/index.html?status=proposed"),
            "{hrefs}"
        );
    });
}

/// Where `.ci/run` installs the pinned axe-core.
#[test]
fn axe_finds_no_serious_violations_in_light_or_dark_mode() {
    let Some(axe) = axe_source() else {
        return;
    };
    SITE.browse(|client, server| async move {
        let problems = axe_problems(client, server, &axe, PAGE_TYPES).await;
        assert!(problems.is_empty(), "axe-core:\n{}", problems.join("\n"));
    });
}

/// A GitBook-style handbook (tests/fixtures/gitbook): SUMMARY.md's part titles head the
/// sidebar's chapters.
static BOOK_WITH_PARTS: Site = Site::new(|scratch| TestBook::fixture_in("gitbook", scratch));

/// The sidebar's part titles are headings (not links) in SUMMARY.md's order, and they pass
/// axe (contrast included) in light and dark mode.
#[test]
fn summary_part_titles_head_the_sidebar_and_pass_axe() {
    BOOK_WITH_PARTS.browse(|client, server| async move {
        open(client, server, "culture/remote.html").await;
        let parts = client
            .execute(
                "return [...document.querySelectorAll('.sidebar .sb-part h2')].map(h => [h.textContent, h.closest('a') === null, getComputedStyle(h).display]);",
                vec![],
            )
            .await
            .unwrap();
        let titles: Vec<&str> = parts
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p[0].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Culture", "Engineering", "Operations", "People"], "{parts}");
        assert!(
            parts.as_array().unwrap().iter().all(|p| p[1] == true && p[2] != "none"),
            "part titles must be shown and not be links: {parts}"
        );
        if let Some(axe) = axe_source() {
            let problems =
                axe_problems(client, server, &axe, &["culture/remote.html", "index.html"]).await;
            assert!(problems.is_empty(), "axe-core:\n{}", problems.join("\n"));
        }
    });
}

#[test]
fn print_shows_the_whole_org_map_and_no_navigation() {
    SITE.browse(|client, server| async move {
        open(client, server, "orgmap.html").await;
        emulate_media(client, "print", "light").await;
        let v = client
            .execute(
                r#"
                const shown = e => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
                const svgs = Array.from(document.querySelectorAll('svg.om-full'));
                const width = document.documentElement.clientWidth;
                return {
                  nav: shown(document.querySelector('.site-nav')),
                  search: shown(document.querySelector('.search')),
                  tools: shown(document.querySelector('.om-tools')),
                  maps: svgs.length,
                  clipped: svgs.filter(s => {
                    const r = s.getBoundingClientRect();
                    const box = s.closest('.om-viewport');
                    const clip = box ? (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1) : false;
                    return r.width > width + 1 || clip || r.height < 20;
                  }).length,
                  closed: document.querySelectorAll('details.om-card:not([open])').length,
                };
                "#,
                vec![],
            )
            .await
            .unwrap();
        emulate_media(client, "", "light").await;
        assert_eq!(v["nav"], false, "{v}");
        assert_eq!(v["search"], false, "{v}");
        assert_eq!(v["tools"], false, "{v}");
        assert!(v["maps"].as_u64().unwrap() >= 1, "{v}");
        assert_eq!(
            v["clipped"], 0,
            "every map whole and within the page width: {v}"
        );
        assert_eq!(v["closed"], 0, "{v}");
    });
}

#[test]
fn search_options_are_announced_as_kind_title_team() {
    SITE.browse(|client, server| async move {
        open(client, server, "index.html").await;
        let input = client
            .find(fantoccini::Locator::Id("search-input"))
            .await
            .unwrap();
        input.send_keys("payments").await.unwrap();
        let labels = wait_js(
            client,
            "search options",
            "return Array.from(document.querySelectorAll('#search-listbox [role=option]'), o => o.getAttribute('aria-label'));",
            |v| {
                v.as_array().is_some_and(|a| {
                    a.iter().any(|l| l.as_str().is_some_and(|l| l.starts_with("Team, Payments, ")))
                })
            },
        )
        .await;
        // "kind, title, team" for every option, never the parts run together.
        let labels: Vec<&str> = labels
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l.as_str())
            .collect();
        assert!(
            labels.contains(&"Team, Payments, Business Systems"),
            "{labels:?}"
        );
    });
}

static SPLIT_SITE: Site = Site::new(make_split_site);

/// An organisation too large to draw on one page: 70 top-level groups of 3 teams, so the
/// org map has a page per group and its overview is split into parts.
fn make_split_site(scratch: &Path) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir_in(scratch).unwrap(),
    };
    book.write("orgbook.toml", "title = \"Wide Org\"\n");
    book.write(
        "content/_index.md",
        "+++\ntitle = \"Wide Org\"\n+++\nWelcome.\n",
    );
    for g in 0..70 {
        book.write(
            &format!("content/teams/g{g:02}.md"),
            &format!(
                "+++\nname = \"Group {g:02} with a rather long name\"\nkind = \"group\"\n\
                 lead = \"Lead {g}\"\n+++\nA group.\n"
            ),
        );
        for t in 0..3 {
            book.write(
                &format!("content/teams/g{g:02}/t{g:02}{t}.md"),
                &format!(
                    "+++\nname = \"Business Systems Integration {g:02}{t}\"\nparent = \"g{g:02}\"\n\
                     problem = \"P.\"\nlead = \"Lead {g}{t}\"\n\n[[metrics]]\nname = \"Lead time\"\n\
                     target = \"2 days\"\ncurrent = \"3 days\"\n+++\nA team.\n"
                ),
            );
            // One decision per team: 210 teams are too many for the decisions index's
            // team drop-down, which becomes a text box.
            let n = g * 3 + t + 1;
            book.write(
                &format!("content/decisions/{n:04}-choice.md"),
                &format!(
                    "+++\ntitle = \"Choice {n}\"\nstatus = \"accepted\"\ntype = 2\n\
                     date = 2026-01-01\ndecided = 2026-01-02\nteam = \"t{g:02}{t}\"\n+++\nWhy.\n"
                ),
            );
        }
    }
    book
}

/// With more teams than a drop-down lists, the decisions index filters by a text box that
/// matches part of a team's name, in any case, across every part of the list.
#[test]
fn decisions_filter_by_part_of_a_team_name_when_there_are_many_teams() {
    SPLIT_SITE.browse(|client, server| async move {
        open(client, server, "decisions/index.html?team=integration%20692").await;
        let v = wait_js(
            client,
            "the filtered list",
            r#"const n = document.documentElement.getAttribute('data-filtered');
               return n === null ? null : {
                 n: Number(n),
                 teams: Array.from(document.querySelectorAll('table.decisions tbody tr td:nth-child(5)'),
                        td => td.textContent.trim()),
                 box: document.querySelector('form.filters input[name=team]').value };"#,
            |v| !v.is_null(),
        )
        .await;
        assert_eq!(v["n"], 1, "{v}");
        assert_eq!(v["teams"][0], "Business Systems Integration 692", "{v}");
        assert_eq!(v["box"], "integration 692");
    });
}

/// The pages only a large organisation has (the overview's parts, a group's own map)
/// read on a phone and pass axe-core in light and dark mode, and "find a team" on a
/// group's map page leads to the team on its own group's page.
#[test]
fn a_split_org_map_reads_on_a_phone_passes_axe_and_finds_teams_across_groups() {
    let axe = axe_source();
    SPLIT_SITE.browse(|client, server| async move {
        let pages = ["orgmap.html", "orgmap-2.html", "orgmap/g00.html", "orgmap/g69.html"];
        let wide = wider_than_a_phone(client, server, &pages).await;
        assert!(wide.is_empty(), "pages wider than 390 px: {wide:?}");
        let misses = server.misses();
        assert!(misses.is_empty(), "requests for missing files: {misses:?}");
        if let Some(axe) = &axe {
            let problems = axe_problems(client, server, axe, &pages).await;
            assert!(problems.is_empty(), "axe-core:\n{}", problems.join("\n"));
        }
        open(client, server, "orgmap/g00.html").await;
        let input = client
            .find(fantoccini::Locator::Id("om-find-input"))
            .await
            .unwrap();
        input.send_keys("Business Systems Integration 692").await.unwrap();
        input.send_keys("\u{E007}").await.unwrap();
        wait_js(
            client,
            "the team on its group's map",
            "const el = document.getElementById('om-t692'); return [location.pathname, location.hash, !!el && el.classList.contains('om-found')];",
            |v| v[0].as_str().is_some_and(|p| p.ends_with("orgmap/g69.html")) && v[1] == "#om-t692" && v[2] == true,
        )
        .await;
    });
}

/// One group of 450 teams beside a small one: its map is drawn over three parts, and the
/// "find a team" index is split by word prefix (more than 400 charters).
static BIG_GROUP_SITE: Site = Site::new(make_big_group_site);

fn make_big_group_site(scratch: &Path) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir_in(scratch).unwrap(),
    };
    book.write("orgbook.toml", "title = \"Flat Org\"\n");
    book.write(
        "content/_index.md",
        "+++\ntitle = \"Flat Org\"\n+++\nWelcome.\n",
    );
    for (slug, name) in [("g", "Everyone"), ("h", "Elsewhere")] {
        book.write(
            &format!("content/teams/{slug}.md"),
            &format!("+++\nname = \"{name}\"\nkind = \"group\"\nlead = \"Lead\"\n+++\nA group.\n"),
        );
    }
    for t in 0..451 {
        let parent = if t < 450 { "g" } else { "h" };
        book.write(
            &format!("content/teams/t{t:03}.md"),
            &format!(
                "+++\nname = \"Business Systems Integration {t:03}\"\nparent = \"{parent}\"\n\
                 problem = \"P.\"\nlead = \"Lead {t}\"\n\n[[metrics]]\nname = \"Lead time\"\n\
                 target = \"2 days\"\n+++\nA team.\n"
            ),
        );
    }
    book
}

/// "Find a team" on a sharded index leads to the part of a large group's map that draws the
/// team, fetching no missing file; the parts fit a phone.
#[test]
fn find_a_team_reaches_the_part_of_a_large_group_that_draws_it() {
    BIG_GROUP_SITE.browse(|client, server| async move {
        let pages = ["orgmap/g.html", "orgmap/g.2.html", "orgmap/g.3.html"];
        let wide = wider_than_a_phone(client, server, &pages).await;
        assert!(wide.is_empty(), "pages wider than 390 px: {wide:?}");
        open(client, server, "orgmap/g.html").await;
        let input = client
            .find(fantoccini::Locator::Id("om-find-input"))
            .await
            .unwrap();
        input.send_keys("integration 41").await.unwrap();
        wait_js(
            client,
            "the matches",
            "return Array.from(document.querySelectorAll('#om-find-results a'), a => a.textContent);",
            |v| {
                v.as_array().is_some_and(|a| {
                    a.len() == 8
                        && a[0].as_str().unwrap_or("").starts_with("Business Systems Integration 41")
                })
            },
        )
        .await;
        input.send_keys("2\u{E007}").await.unwrap(); // "…412", Enter
        wait_js(
            client,
            "the team on its part of the group's map",
            "const el = document.getElementById('om-t412'); return [location.pathname, location.hash, !!el && el.classList.contains('om-found')];",
            |v| v[0].as_str().is_some_and(|p| p.ends_with("orgmap/g.3.html")) && v[1] == "#om-t412" && v[2] == true,
        )
        .await;
        let misses = server.misses();
        assert!(misses.is_empty(), "requests for missing files: {misses:?}");
    });
}

static MANY_DECISIONS_SITE: Site = Site::new(make_many_decisions_site);

/// 2,100 decisions: the filters' data is three files of at most a thousand rows. Decisions
/// 500 and 1500 are rejected, one in each of the first two files, the rest accepted.
fn make_many_decisions_site(scratch: &Path) -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir_in(scratch).unwrap(),
    };
    book.write("orgbook.toml", "title = \"Many Decisions\"\n");
    book.write(
        "content/teams/core.md",
        "+++\nname = \"Core\"\nproblem = \"P.\"\nlead = \"Lee\"\n\n[[metrics]]\nname = \"Lead time\"\n\
         target = \"2 days\"\ncurrent = \"3 days\"\n+++\nA team.\n",
    );
    for n in 1..=2100u32 {
        let status = if n % 1000 == 500 {
            "rejected"
        } else {
            "accepted"
        };
        book.write(
            &format!("content/decisions/{n:04}-choice.md"),
            &format!(
                "+++\ntitle = \"Choice {n}\"\nstatus = \"{status}\"\ntype = 2\n\
                 date = 2026-01-01\ndecided = 2026-01-02\nteam = \"core\"\n+++\nWhy.\n"
            ),
        );
    }
    book
}

const FILTERED: &str = r#"const n = document.documentElement.getAttribute('data-filtered');
   const done = document.documentElement.getAttribute('data-filter-done');
   return n === null ? null : {
     n: Number(n), done,
     rows: document.querySelectorAll('table.decisions tbody tr').length,
     more: !!document.querySelector('.filter-status .filter-more'),
     status: document.querySelector('.filter-status').textContent };"#;

/// A filter reads the decisions' data a thousand rows at a time and stops once a screenful
/// matches: a rare match is found across every file, a common one shows its first
/// screenful after one file and "Show more" goes on.
#[test]
fn decisions_filter_reads_its_data_a_file_at_a_time() {
    MANY_DECISIONS_SITE.browse(|client, server| async move {
        open(client, server, "decisions/index.html?status=rejected").await;
        let v = wait_js(client, "the rare matches", FILTERED, |v| {
            v["done"] == "true"
        })
        .await;
        assert_eq!(v["n"], 2, "{v}");
        assert_eq!(v["rows"], 2, "{v}");
        assert_eq!(v["more"], false, "{v}");
        assert!(
            v["status"]
                .as_str()
                .unwrap()
                .starts_with("2 of 2100 decisions match"),
            "{v}"
        );

        open(client, server, "decisions/index.html?status=accepted").await;
        let v = wait_js(client, "the first screenful", FILTERED, |v| !v.is_null()).await;
        // One file read: its thousand rows, less the one rejected among them.
        assert_eq!(v["done"], "false", "{v}");
        assert_eq!(v["n"], 999, "{v}");
        assert_eq!(v["more"], true, "{v}");
        assert!(
            v["status"]
                .as_str()
                .unwrap()
                .starts_with("999 of the newest 1000 decisions match (2100 in all)"),
            "{v}"
        );
        client
            .find(fantoccini::Locator::Css(".filter-status .filter-more"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
        let v = wait_js(client, "the next file's matches", FILTERED, |v| {
            v["n"].as_u64().is_some_and(|n| n > 999)
        })
        .await;
        assert_eq!(v["n"], 1998, "{v}");
        assert_eq!(v["rows"], 1998, "{v}");
    });
}
