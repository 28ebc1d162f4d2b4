//! Decision records whose sections are underlined with `-` (cloud_controller_ng's `decisions/`,
//! the fixture `adr-setext-sections`), and links to BookStack's heading ids, which BookStack
//! cuts to 20 characters (`bookstack-cut-ids`).

use crate::harness::{TestBook, sel, texts};
use crate::import::{builds_clean, decision_page, fresh, import, numbered, path_str, records};

/// Before, `import adr` read a record's `## Status` but not its `Status` over `------`: a
/// record written so (cloud_controller_ng's, Pandoc's setext output) was imported with the
/// fallback status and kept its Status section in the body, under the page's own status.
/// Now an underlined section is read as the `##` one is: its status (and a `Superseded by`
/// line in it), and the section leaves the body; the other sections stay as written.
#[test]
fn import_adr_reads_sections_underlined_with_dashes() {
    let source = TestBook::fixture("adr-setext-sections");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("decisions"))])
        .success()
        .stderr_has("Imported 5 decisions");
    let rs = records(&book);
    // The handbook's own record is 1: the imported 0001 moves to the next free number.
    let statuses: Vec<(u32, &str, &str)> = numbered(&rs);
    assert_eq!(
        statuses,
        [
            (1, "Record decisions in the handbook", "accepted"),
            (2, "Using Machinist for Factories", "superseded"),
            (4, "Adding key prefix to annotations", "proposed"),
            (11, "Adding key prefix to annotations", "accepted"),
            (15, "Using FactoryBot for Factories", "accepted"),
            (16, "Record architecture decisions", "accepted"),
        ],
    );
    assert_eq!(rs[&15].supersedes, [2]);
    for n in [2, 4, 11] {
        let body = &rs[&n].body;
        assert!(!body.contains("Status\n------"), "{n}: {body}");
        assert!(
            !body.contains("Proposed\n") && !body.contains("Accepted\n"),
            "{n}: {body}"
        );
        assert!(body.contains("Context\n-------\n"), "{n}: {body}");
    }
    // The Ruby comment in 0002's code block is no heading, and stays.
    assert!(
        rs[&2].body.contains("```ruby\n# machinist\n"),
        "{}",
        rs[&2].body
    );
    assert!(
        rs[&4]
            .body
            .contains("Consequences\n------------\n\n### Positive Consequences"),
        "{}",
        rs[&4].body
    );
    builds_clean(&book);
    let page = decision_page(&book, &rs[&11]);
    let headings = texts(&page, ".prose h2");
    assert_eq!(
        headings,
        ["Context", "Decision", "Consequences"],
        "{headings:?}"
    );
}

/// Before, a link to a BookStack page's heading by its id reached the heading only when the
/// heading's text was short: BookStack cuts the id to 20 characters
/// (`#bkmrk-setup-docker-compose` for "Setup Docker Compose on Unraid"), and the cut id
/// matched no heading here, a `missing-anchor` warning. A page exported from BookStack
/// linking its own headings (`#bkmrk-identifier-les-acteu`) missed every one. Now each
/// reaches the first heading whose BookStack id it is, cut or not; an id that names no
/// heading (the heading was renamed since) keeps its warning.
#[test]
fn bookstack_ids_cut_to_twenty_characters_reach_their_headings() {
    let book = TestBook::fixture("bookstack-cut-ids");
    let run = book.build();
    run.success()
        .stderr_lacks("setup-docker-compose")
        .stderr_lacks("setting-up-docker-ne")
        .stderr_lacks("bkmrk-identifier-les")
        .stderr_lacks("l%27architectu")
        .stderr_has("`#bkmrk-travail-sur-les-cas-` does not match any heading")
        .stderr_has("`#bkmrk-diagramme-de-classe--0` does not match any heading");
    assert_eq!(
        run.stderr.matches("warning[missing-anchor]").count(),
        2,
        "{}",
        run.stderr
    );
    let links = |rel: &str| -> Vec<(String, String)> {
        book.html(rel)
            .select(&sel(".prose a[href]"))
            .map(|a| {
                (
                    a.text().collect::<String>(),
                    a.value().attr("href").unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    let compose = links("docker-compose.html");
    let href = |list: &[(String, String)], text: &str| {
        list.iter()
            .find(|(t, _)| t == text)
            .map(|(_, h)| h.clone())
            .unwrap_or_else(|| panic!("no link {text:?} in {list:?}"))
    };
    assert_eq!(
        href(&compose, "following docs"),
        "unraid/pre-docker-and-plugin-setup.html#setup-docker-compose-on-unraid"
    );
    assert_eq!(
        href(&compose, "documentation"),
        "unraid/pre-docker-and-plugin-setup.html#setup-docker-compose-on-unraid"
    );
    assert_eq!(
        href(&compose, "docker network"),
        "unraid/unraid-install-and-setup.html#setting-up-docker-network"
    );
    let unified = links("formation-cda/processus-unifie.html");
    let page = book.html("formation-cda/processus-unifie.html");
    let ids: Vec<String> = page
        .select(&sel(".prose [id]"))
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect();
    for (text, id) in [
        ("Cahier des charges", "cahier-des-charges"),
        ("Analyse", "analyse"),
        ("Identifier les acteurs", "identifier-les-acteurs"),
        (
            "Identifier les cas d'utilisations",
            "identifier-les-cas-dutilisation",
        ),
        (
            "Définir l'architecture de l'application (optionnel)",
            "définir-larchitecture-de-lapplication-optionnel",
        ),
    ] {
        let h = href(&unified, text);
        let fragment = percent_decoded(h.strip_prefix('#').unwrap_or(&h));
        assert_eq!(fragment, id, "{text}: {h}");
        assert!(ids.contains(&fragment), "{id} not among {ids:?}");
    }
    // One that names no heading stays as written.
    assert_eq!(
        href(&unified, "Analyse de chaque cas d'utilisations"),
        "#bkmrk-travail-sur-les-cas-"
    );
}

/// `%C3%A9` → `é`: the fragment as the browser reads it.
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            s.get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok()),
        ) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}
