use super::*;
use crate::load::{Loaded, parse_doc};

fn loaded(files: &[(&str, &str)]) -> Loaded {
    let mut d = Vec::new();
    let docs = files
        .iter()
        .filter_map(|(rel, t)| parse_doc(format!("content/{rel}"), rel, t.to_string(), &mut d))
        .collect();
    assert!(d.is_empty(), "{d:?}");
    Loaded {
        docs,
        assets: vec!["old/page.html".into()],
        unparsed: Vec::new(),
        drafts: Vec::new(),
        folder_settings: Default::default(),
        nav_order: Default::default(),
        static_files: Default::default(),
        code_owners: None,
        root: None,
        redirect_files: Vec::new(),
    }
}

/// A group charter `teams/{slug}.md` with the given front matter lines.
fn group(slug: &str, extra: &str) -> (String, String) {
    (
        format!("teams/{slug}.md"),
        format!("+++\nname = \"{slug}\"\nkind = \"group\"\n{extra}\n+++\nA group.\n"),
    )
}

fn resolve_teams(files: &[(String, String)]) -> (Handbook, Vec<Diagnostic>) {
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let mut diags = Vec::new();
    let hb = resolve(Config::default(), loaded(&files), &mut diags);
    (hb, diags)
}

/// A decision `decisions/000{n}-d.md` of team `pay`, with the given front matter lines.
fn decision(n: u32, extra: &str) -> (String, String) {
    (
        format!("decisions/{n:04}-d.md"),
        format!(
            "+++\ntitle = \"D{n}\"\ntype = 2\ndate = 2026-01-01\nteam = \"pay\"\n{extra}\n+++\n"
        ),
    )
}

#[test]
fn a_superseded_by_status_is_the_newer_decisions_supersedes_once() {
    let (hb, diags) = resolve_teams(&[
        group("pay", ""),
        decision(1, "status = \"superseded by ADR-0003\""),
        decision(2, "status = \"Superseded by 3\""),
        decision(
            3,
            "status = \"accepted\"\ndecided = 2026-01-02\nsupersedes = [2]",
        ),
        decision(4, "status = \"superseded by ADR-0009\""),
    ]);
    assert_eq!(hb.superseded_by[&1], [3]);
    assert_eq!(hb.superseded_by[&2], [3]);
    let (_, three) = hb.decision(3).unwrap();
    assert_eq!(hb.supersedes(three).collect::<Vec<_>>(), [2, 1]);
    let missing: Vec<_> = diags
        .iter()
        .map(|d| (d.code, d.file.as_str(), d.line, d.column))
        .collect();
    assert_eq!(
        missing,
        // At the reference, inside the quoted status.
        [("unknown-decision", "content/decisions/0004-d.md", 6, 25)]
    );
}

#[test]
fn a_status_naming_two_newer_decisions_is_superseded_by_both() {
    let (hb, diags) = resolve_teams(&[
        group("pay", ""),
        decision(
            1,
            "status = \"superseded by ADR-0003, ADR-0002 and ADR-0009\"",
        ),
        decision(2, "status = \"accepted\"\ndecided = 2026-01-02"),
        decision(
            3,
            "status = \"accepted\"\ndecided = 2026-01-02\nsupersedes = [1]",
        ),
    ]);
    // Sorted, and 3 (which lists 1 too) once.
    assert_eq!(hb.superseded_by[&1], [2, 3]);
    let (_, two) = hb.decision(2).unwrap();
    assert_eq!(hb.supersedes(two).collect::<Vec<_>>(), [1]);
    let missing: Vec<_> = diags.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(missing, [("unknown-decision", 6, 48)]);
}

#[test]
fn a_cycle_through_statuses_is_reported_at_a_status() {
    let (_, diags) = resolve_teams(&[
        group("pay", ""),
        decision(1, "status = \"superseded by ADR-0002\""),
        decision(2, "status = \"superseded by ADR-0001\""),
    ]);
    let cycles: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "supersedes-cycle")
        .map(|d| (d.file.as_str(), d.line, d.message.as_str()))
        .collect();
    assert_eq!(
        cycles,
        [(
            "content/decisions/0002-d.md",
            6,
            "decisions supersede each other in a cycle: 1 → 2 → 1"
        )]
    );
}

#[test]
fn each_parent_cycle_is_reported_once_from_its_first_slug() {
    // eng → ops → web → eng, entered from `api` below it; and a two-team cycle apart.
    let (_, diags) = resolve_teams(&[
        group("api", "parent = \"ops\""),
        group("web", "parent = \"eng\""),
        group("ops", "parent = \"web\""),
        group("eng", "parent = \"ops\""),
        group("zed", "parent = \"yak\""),
        group("yak", "parent = \"zed\""),
        group("top", ""),
        group("mid", "parent = \"top\""),
    ]);
    let cycles: Vec<(&str, &str)> = diags
        .iter()
        .filter(|d| d.code == "parent-cycle")
        .map(|d| (d.file.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(
        cycles,
        [
            (
                "content/teams/eng.md",
                "`parent` forms a cycle: eng → ops → web → eng"
            ),
            (
                "content/teams/yak.md",
                "`parent` forms a cycle: yak → zed → yak"
            ),
        ]
    );
    assert!(!diags.iter().any(|d| d.code == "org-too-deep"), "{diags:?}");
}

#[test]
fn a_chain_deeper_than_the_limit_is_reported_once_at_its_first_level_past_it() {
    let n = MAX_ORG_DEPTH + 3;
    // Slugs whose order is not the chain's, so the walk starts in the middle of it.
    let files: Vec<(String, String)> = (0..n)
        .map(|i| {
            let parent = if i == 0 {
                String::new()
            } else {
                format!("parent = \"t{:03}\"", (i - 1) * 7 % 101)
            };
            group(&format!("t{:03}", i * 7 % 101), &parent)
        })
        .collect();
    let (_, diags) = resolve_teams(&files);
    let deep: Vec<&str> = diags
        .iter()
        .filter(|d| d.code == "org-too-deep")
        .map(|d| d.file.as_str())
        .collect();
    // The first charter past the limit: the chain's top is at depth 1.
    let level = MAX_ORG_DEPTH;
    assert_eq!(deep, [format!("content/teams/t{:03}.md", level * 7 % 101)]);
    assert!(!diags.iter().any(|d| d.code == "parent-cycle"), "{diags:?}");
}

#[test]
fn ownership_is_listed_by_item_case_blind_even_with_spaces_around_an_item() {
    let (hb, diags) = resolve_teams(&[
        group("a", "owns = [\"beta\", \"Gamma\"]"),
        group("b", "owns = [\"Alpha\"]"),
    ]);
    assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
    let items: Vec<&str> = hb.ownership.iter().map(|(i, _)| i.as_str()).collect();
    assert_eq!(items, ["Alpha", "beta", "Gamma"]);
    // A leading space sorts first, as it does in the item's own text.
    let (hb, _) = resolve_teams(&[
        group("a", "owns = [\"beta\", \" zeta\"]"),
        group("b", "owns = [\"Alpha\"]"),
    ]);
    let listed: Vec<(&str, &str)> = hb
        .ownership
        .iter()
        .map(|(i, s)| (i.as_str(), s.as_str()))
        .collect();
    assert_eq!(listed, [(" zeta", "a"), ("Alpha", "b"), ("beta", "a")]);
}

#[test]
fn drafts_are_left_out_whoever_loaded_them() {
    let hb = resolve(
        Config::default(),
        loaded(&[("a.md", "# A\n"), ("b.md", "---\ndraft: true\n---\n# B\n")]),
        &mut Vec::new(),
    );
    assert_eq!(hb.docs.len(), 1);
    assert!(hb.drafts.contains("content/b.md"));
}

#[test]
fn redirects_and_their_collisions() {
    let mut diags = Vec::new();
    let hb = resolve(
        Config::default(),
        loaded(&[
            (
                "a.md",
                "---\naliases: [/old/a/, /b.html, /search.html, /old/page.html, \"https://x.example/y\"]\n---\n",
            ),
            ("b.md", "---\nredirect_from: /old/a/\n---\n"),
        ]),
        &mut diags,
    );
    assert_eq!(
        hb.redirects.keys().collect::<Vec<_>>(),
        ["old/a/index.html"]
    );
    let got: Vec<(&str, String)> = diags.iter().map(|d| (d.code, d.message.clone())).collect();
    assert_eq!(got.len(), 5, "{got:?}");
    assert!(
        got.iter()
            .any(|(c, m)| *c == "redirect-collision"
                && m.contains("which content/b.md already takes"))
    );
    assert!(
        got.iter()
            .any(|(c, m)| *c == "redirect-collision" && m.contains("orgbook's own search.html"))
    );
    assert!(
        got.iter()
            .any(|(c, m)| *c == "redirect-collision" && m.contains("content/old/page.html"))
    );
    assert!(
        got.iter()
            .any(|(c, m)| *c == "redirect-collision" && m.contains("the redirect in content/a.md"))
    );
    assert!(got.iter().any(|(c, _)| *c == "ignored-alias"));
}

#[test]
fn summary_md_orders_pages_it_lists() {
    let hb = resolve(
        Config::default(),
        loaded(&[
            (
                "SUMMARY.md",
                "* [Z](z.md)\n* [A](./a.md)\n* [Guide](guide/)\n* [Q](q%20a.md)\n",
            ),
            ("a.md", "# A\n"),
            ("q a.md", "# Q\n"),
            ("guide/README.md", "# G\n"),
            ("z.md", "+++\n+++\n# Z\n"),
        ]),
        &mut Vec::new(),
    );
    let weight = |p: &str| match &hb.docs[hb.by_path[p]].kind {
        DocKind::Page(m) => m.nav_weight(),
        _ => None,
    };
    assert_eq!(weight("content/z.md"), Some(1));
    assert_eq!(weight("content/a.md"), Some(2));
    assert_eq!(weight("content/guide/README.md"), Some(3));
    assert_eq!(weight("content/q a.md"), Some(4));
}

#[test]
fn page_tags_and_keywords_are_searchable() {
    let hb = resolve(
        Config::default(),
        loaded(&[(
            "a.md",
            "---\ntags: onboarding\nkeywords: [laptop, vpn]\n---\n# A\n",
        )]),
        &mut Vec::new(),
    );
    let rendered: Vec<_> = (0..hb.docs.len())
        .map(|id| crate::markdown::render(&hb, id, &mut Vec::new()))
        .collect();
    let docs = crate::render::search_docs(&hb, &rendered);
    let typed: Vec<&str> = docs[0]
        .fields
        .iter()
        .filter(|(f, _)| *f == crate::search::Field::Typed)
        .map(|(_, t)| t.as_ref())
        .collect();
    assert_eq!(typed, ["onboarding\nlaptop\nvpn"]);
}

#[test]
fn broken_link_hints_look_nearby_and_by_name() {
    let docs: Vec<String> = [
        "content/a/setup.md",
        "content/a/other.md",
        "content/b/setup.md",
        "content/c/x.md",
    ]
    .map(String::from)
    .to_vec();
    let near = NearIndex::new(&docs, &["content/a/img.png".into()]);
    // Same folder, and files named `setup` anywhere; not the unrelated folder.
    assert_eq!(
        near.candidates("content/a/setpu.md"),
        [
            "content/a/img.png",
            "content/a/other.md",
            "content/a/setup.md"
        ]
    );
    assert_eq!(
        near.candidates("content/zz/setup"),
        ["content/a/setup.md", "content/b/setup.md"]
    );
    assert_eq!(
        near.nearest("content/a/setpu.md"),
        Some("content/a/setup.md")
    );
    // A long shared folder is not a likeness: `docs/` is not `SECURITY.md`'s typo.
    let deep = NearIndex::new(
        &["content/vendor/node_modules/node-gyp/SECURITY.md".to_string()],
        &[],
    );
    assert_eq!(
        deep.nearest("content/vendor/node_modules/node-gyp/docs/"),
        None
    );
    assert_eq!(
        deep.nearest("content/vendor/node_modules/node-gyp/SECURTY.md"),
        Some("content/vendor/node_modules/node-gyp/SECURITY.md")
    );
}

/// Hints found in a real Jekyll and a real GitBook handbook: a page named once in the
/// handbook is offered for a link by its name alone, and the home page's README is not
/// offered for another folder's README.
#[test]
fn broken_link_hints_by_unique_name_and_not_the_home_page() {
    let docs: Vec<String> = [
        "content/README.md",
        "content/about-us/org-chart.md",
        "content/company/values.md",
        "content/company/how-to-guides/README.md",
        "content/offices/setup.md",
        "content/people/setup.md",
    ]
    .map(String::from)
    .to_vec();
    let near = NearIndex::new(&docs, &[]);
    assert_eq!(
        near.same_name("content/org-chart"),
        Some("content/about-us/org-chart.md")
    );
    assert_eq!(near.same_name("content/setup/"), None, "two pages named so");
    assert_eq!(near.same_name("content/guides/README.md"), None);
    assert_ne!(
        near.nearest("content/company/guides/README.md"),
        Some("content/README.md")
    );
}

/// Seen in a real handbook of `index.md` folders: a link to a folder's missing index
/// was offered the home page (every `…/index.md` ends with its name) or a sibling
/// folder's index; only a folder whose name is near is offered.
#[test]
fn a_missing_index_is_offered_only_a_near_folders_index() {
    let docs: Vec<String> = [
        "content/index.md",
        "content/sec/team/index.md",
        "content/sec/tools/index.md",
        "content/sec/tools/scanner.md",
    ]
    .map(String::from)
    .to_vec();
    let near = NearIndex::new(&docs, &[]);
    for missing in [
        "content/sec/team/tooling/index.md",
        "content/sec/nope/index.md",
    ] {
        assert_eq!(near.nearest(missing), None, "{missing}");
        assert_eq!(near.moved(missing, "content/sec/team"), None, "{missing}");
    }
    assert_eq!(
        near.nearest("content/sec/tool/index.md"),
        Some("content/sec/tools/index.md")
    );
}
