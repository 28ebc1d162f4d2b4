//! Pages that do not grow with the handbook: a generated handbook large enough that every
//! list page (teams, decisions, ownership, interactions, timeline, handbook index, people,
//! org map) needs more than one part, built by the real binary. No page may exceed a bound
//! that does not depend on the handbook's size, and every document must stay reachable
//! from the home page through the index pages alone.

use crate::harness::*;
use scraper::Html;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::path::Path;

/// The bound of issue 13: no generated page over 300 KB, whatever the handbook's size.
const MAX_PAGE: u64 = 300_000;

const GROUPS: usize = 12;
const TEAMS: usize = 1_300;
const DECISIONS: usize = 700;
const PAGES: usize = 1_100;
const PEOPLE: usize = 2_600;

/// Writes the handbook and returns the site path of every document page.
fn generate(root: &Path) -> BTreeSet<String> {
    let mut docs = BTreeSet::new();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write(
        "orgbook.toml",
        "title = \"Scale Org\"\n\n[teams]\nmax_size = 9\nreview_days = 180\n",
    );
    write(
        "content/_index.md",
        "+++\ntitle = \"Scale Org\"\n+++\nWelcome.\n",
    );
    let person = |i: usize| format!("Person {i:04}");
    for g in 0..GROUPS {
        write(
            &format!("content/teams/g{g:02}.md"),
            &format!(
                "+++\nname = \"Group {g:02}\"\nkind = \"group\"\nlead = \"{}\"\n+++\nA group.\n",
                person(g)
            ),
        );
        docs.insert(format!("teams/g{g:02}.html"));
    }
    for t in 0..TEAMS {
        let g = t % GROUPS;
        // Interactions with the next teams: arcs inside a part and across parts.
        let interactions: String = [1, 7, 401]
            .iter()
            .map(|d| {
                format!(
                    "\n[[interactions]]\nteam = \"t{:04}\"\nmode = \"x-as-a-service\"\n",
                    (t + d) % TEAMS
                )
            })
            .collect();
        write(
            &format!("content/teams/g{g:02}/t{t:04}.md"),
            &format!(
                "+++\nname = \"Team {t:04}\"\nparent = \"g{g:02}\"\nproblem = \"Problem {t}.\"\n\
                 owns = [\"alpha-{t:04}\", \"beta-{t:04}\", \"service {t:04}\"]\n\
                 lead = \"{}\"\nmembers = [\"{}\", \"{}\"]\nreviewed = 2026-09-01\n\n\
                 [[metrics]]\nname = \"Latency\"\ntarget = \"100 ms\"\ncurrent = \"120 ms\"\n\n\
                 [contact]\nchat = \"#t{t:04}\"\n{interactions}+++\nTeam {t} works on things.\n",
                person(t % PEOPLE),
                person(t % PEOPLE),
                person((t + TEAMS) % PEOPLE),
            ),
        );
        docs.insert(format!("teams/t{t:04}.html"));
    }
    for d in 1..=DECISIONS {
        let (y, m) = (2020 + d % 6, 1 + d % 12);
        write(
            &format!("content/decisions/{d:04}-choice-{d}.md"),
            &format!(
                "+++\ntitle = \"Choice {d}\"\nstatus = \"accepted\"\ntype = 2\n\
                 date = {y}-{m:02}-01\ndecided = {y}-{m:02}-03\nteam = \"t{:04}\"\n+++\n\
                 ## Context\n\nWe chose.\n",
                d % TEAMS
            ),
        );
        docs.insert(format!("decisions/{d:04}-choice-{d}.html"));
    }
    for p in 0..PAGES {
        let section = p % 3;
        write(
            &format!("content/section-{section}/page-{p:04}.md"),
            &format!("+++\ntitle = \"Page {p:04}\"\n+++\nSome text for page {p}.\n"),
        );
        docs.insert(format!("section-{section}/page-{p:04}.html"));
    }
    docs
}

/// Builds the handbook at `root` into `out` with the real binary; fails on errors.
fn build(root: &Path, out: &Path) {
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_orgbook"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
}

/// Pages reachable from `index.html` by links, following only pages that are not document
/// pages (the indexes, their parts, org-level pages); document pages are collected.
fn reachable_from_indexes(out: &Path, docs: &BTreeSet<String>) -> BTreeSet<String> {
    let mut seen = BTreeSet::from(["index.html".to_string()]);
    let mut queue = VecDeque::from(["index.html".to_string()]);
    let mut reached = BTreeSet::new();
    let link = sel("a[href]");
    while let Some(page) = queue.pop_front() {
        let html = Html::parse_document(&std::fs::read_to_string(out.join(&page)).unwrap());
        let dir = Path::new(&page).parent().unwrap_or(Path::new(""));
        for a in html.select(&link) {
            let href = a.value().attr("href").unwrap();
            if href.contains("://") || href.starts_with('#') || href.starts_with("mailto:") {
                continue;
            }
            let path = href.split(['#', '?']).next().unwrap();
            if !path.ends_with(".html") {
                continue;
            }
            let mut parts: Vec<String> = dir
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            for c in path.split('/') {
                match c {
                    ".." => {
                        parts.pop();
                    }
                    "." | "" => {}
                    c => parts.push(c.to_string()),
                }
            }
            let target = parts.join("/");
            if docs.contains(&target) {
                reached.insert(target);
            } else if !target.starts_with("people/")
                && seen.insert(target.clone())
                && out.join(&target).is_file()
            {
                // Person pages are not indexes (and following 2,000 of them is slow).
                queue.push_back(target);
            }
        }
    }
    reached
}

#[test]
fn no_page_grows_with_the_handbook_and_every_document_is_reachable_from_the_indexes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let docs = generate(root);
    let out = root.join("public");
    build(root, &out);

    // Every list is long enough here to be split: the bound below is met by splitting,
    // not by the lists being short.
    for part in [
        "teams/index-2.html",
        "decisions/index-2.html",
        "ownership-2.html",
        "interactions-2.html",
        "interactions-4.html",
        "people-2.html",
    ] {
        assert!(out.join(part).is_file(), "{part} missing: list not split");
        // Each part has a title of its own, for tabs, history and bookmarks.
        let title = |rel: &str| {
            let html = std::fs::read_to_string(out.join(rel)).unwrap();
            let doc = scraper::Html::parse_document(&html);
            doc.select(&scraper::Selector::parse("title").unwrap())
                .next()
                .map(|t| t.text().collect::<String>())
                .unwrap_or_default()
        };
        let first = part.replace("-2.html", ".html").replace("-4.html", ".html");
        let (one, this) = (title(&first), title(part));
        assert!(one.contains("(part 1 of "), "{first}: {one}");
        assert!(
            this.contains(&format!(
                "(part {} of ",
                &part[part.len() - 6..part.len() - 5]
            )),
            "{part}: {this}"
        );
    }

    let mut sizes: HashMap<String, u64> = HashMap::new();
    for rel in files_under(&out) {
        if rel.ends_with(".html") {
            sizes.insert(
                rel.clone(),
                std::fs::metadata(out.join(&rel)).unwrap().len(),
            );
        }
    }
    let mut too_big = String::new();
    for (rel, size) in &sizes {
        if *size > MAX_PAGE {
            let _ = writeln!(too_big, "{rel}: {size} bytes");
        }
    }
    assert!(
        too_big.is_empty(),
        "pages over {MAX_PAGE} bytes:\n{too_big}"
    );

    // Nor does a search file a query loads: term shards and metadata are a few KB, and the
    // facets come in files of 2,000 documents and the team names in files of 64 (one file
    // of every document's facets grew with the handbook). The manifest, index.js, lists
    // the shards and is left out.
    let search: Vec<(String, u64)> = files_under(&out)
        .into_iter()
        .filter(|rel| rel.starts_with("search/") && rel != "search/index.js")
        .map(|rel| {
            let size = std::fs::metadata(out.join(&rel)).unwrap().len();
            (rel, size)
        })
        .collect();
    let files = |prefix: &str| {
        search
            .iter()
            .filter(|(rel, _)| rel.starts_with(prefix))
            .count()
    };
    let (runs, names) = (files("search/f"), files("search/n"));
    assert!(runs >= 2, "{runs} facets files for over 3,000 documents");
    // The teams some document names: each decision's, and each team's group.
    assert!(names >= DECISIONS / 64, "{names} files of names");
    let too_big: Vec<_> = search.iter().filter(|(_, size)| *size > 50_000).collect();
    assert!(too_big.is_empty(), "search files over 50 KB: {too_big:?}");

    let reached = reachable_from_indexes(&out, &docs);
    let missing: Vec<&String> = docs.difference(&reached).take(10).collect();
    assert!(
        missing.is_empty(),
        "{} of {} documents not reachable from the index pages, e.g. {missing:?}",
        docs.len() - reached.len(),
        docs.len()
    );

    // Every team's link to its row in the interactions view lands on the part that
    // draws it.
    for t in [0, 450, 1_299] {
        let page = Html::parse_document(
            &std::fs::read_to_string(out.join(format!("teams/t{t:04}.html"))).unwrap(),
        );
        let href = hrefs(&page, "a[href*='interactions']")
            .into_iter()
            .find(|h| h.contains("#ix-"))
            .unwrap_or_else(|| panic!("team t{t:04} has no interactions link"));
        let (file, id) = href.trim_start_matches("../").split_once('#').unwrap();
        let target = std::fs::read_to_string(out.join(file)).unwrap();
        assert!(
            target.contains(&format!("id=\"{id}\"")),
            "{href} from t{t:04}: no such row on {file}"
        );
    }
}

/// The most addresses one sitemap may hold (sitemaps.org).
const SITEMAP_MAX_URLS: usize = 50_000;

/// Follows the org map overview's parts from `orgmap.html`, checking each is at most
/// [`MAX_PAGE`] bytes. Returns the parts and what they link to below `below` (with that
/// prefix and any `#fragment` removed).
fn org_map_overview(out: &Path, below: &str) -> (Vec<String>, BTreeSet<String>) {
    let mut overview = vec!["orgmap.html".to_string()];
    let mut linked = BTreeSet::new();
    let mut i = 0;
    while i < overview.len() {
        let rel = overview[i].clone();
        let size = std::fs::metadata(out.join(&rel)).unwrap().len();
        assert!(size <= MAX_PAGE, "{rel}: {size} bytes");
        let page = Html::parse_document(&std::fs::read_to_string(out.join(&rel)).unwrap());
        for href in hrefs(&page, "a[href]") {
            let href = href.split('#').next().unwrap().to_string();
            if href.starts_with("orgmap-") && !overview.contains(&href) {
                overview.push(href);
            } else if let Some(rest) = href.strip_prefix(below) {
                linked.insert(rest.to_string());
            }
        }
        i += 1;
    }
    (overview, linked)
}

/// The `<loc>` texts of an XML file under `out`.
fn locs(out: &Path, rel: &str) -> Vec<String> {
    let text = std::fs::read_to_string(out.join(rel)).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name("loc"))
        .map(|n| n.text().unwrap().to_string())
        .collect()
}

/// Past 50,000 addresses `sitemap.xml` becomes a sitemap index of `sitemap-1.xml`,
/// `sitemap-2.xml`, …, each within the format's limit, and together they list every page
/// exactly once. A team of 50,001 members gives a person page each: the cheapest handbook
/// with that many pages.
#[test]
fn a_sitemap_past_50000_addresses_is_split_under_a_sitemap_index() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let members: Vec<String> = (0..=SITEMAP_MAX_URLS)
        .map(|i| format!("\"Person {i:05}\""))
        .collect();
    std::fs::create_dir_all(root.join("content/teams")).unwrap();
    std::fs::write(root.join("orgbook.toml"), "title = \"Crowd Org\"\n").unwrap();
    std::fs::write(
        root.join("content/_index.md"),
        "+++\ntitle = \"Crowd Org\"\n+++\nHi.\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/teams/crowd.md"),
        format!(
            "+++\nname = \"Crowd\"\nproblem = \"Many.\"\nlead = \"Person 00000\"\n\
             members = [{}]\n\n[[metrics]]\nname = \"X\"\ntarget = \"1\"\n+++\nA crowd.\n",
            members.join(",")
        ),
    )
    .unwrap();
    let out = root.join("public");
    build(root, &out);
    let index = std::fs::read_to_string(out.join("sitemap.xml")).unwrap();
    assert!(index.contains("<sitemapindex"), "{}", &index[..200]);
    let parts = locs(&out, "sitemap.xml");
    assert_eq!(parts, ["sitemap-1.xml", "sitemap-2.xml"]);
    let mut listed = Vec::new();
    for part in &parts {
        let urls = locs(&out, part);
        assert!(
            urls.len() <= SITEMAP_MAX_URLS,
            "{part}: {} addresses",
            urls.len()
        );
        listed.extend(urls);
    }
    assert!(!out.join("sitemap-3.xml").exists());
    let mut pages: Vec<String> = files_under(&out)
        .into_iter()
        .filter(|f| f.ends_with(".html") && f != "404.html" && f != "search.html")
        .collect();
    listed.sort();
    pages.sort();
    assert_eq!(listed.len(), pages.len());
    assert!(listed == pages, "the parts do not list exactly the pages");
}

/// Many top-level groups: the org map overview is split into parts (`orgmap.html`,
/// `orgmap-2.html`, …) that each stay under the page bound, and every group's own map is
/// linked from one of them.
#[test]
fn the_home_page_and_org_map_overview_stay_bounded_with_many_top_level_groups() {
    const MANY_GROUPS: usize = 500;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Wide Org\"\n");
    write("content/_index.md", "+++\ntitle = \"Wide Org\"\n+++\nHi.\n");
    for g in 0..MANY_GROUPS {
        write(
            &format!("content/teams/g{g:03}.md"),
            &format!(
                "+++\nname = \"Group number {g:03} of the wide organisation\"\nkind = \"group\"\n\
                 lead = \"Lead {g}\"\n+++\nA group.\n"
            ),
        );
        write(
            &format!("content/teams/g{g:03}/t{g:03}.md"),
            &format!(
                "+++\nname = \"Team {g:03}\"\nparent = \"g{g:03}\"\nproblem = \"P.\"\n\
                 lead = \"Lead {g}\"\n\n[[metrics]]\nname = \"X\"\ntarget = \"1\"\n+++\nA team.\n"
            ),
        );
    }
    let out = root.join("public");
    build(root, &out);
    // The home page names the first top-level groups and counts the rest, with a link to
    // the org map, instead of growing with the organisation.
    let home = std::fs::read_to_string(out.join("index.html")).unwrap();
    let cards = home.matches("<li><a href=\"teams/g").count();
    assert!(
        (1..=MANY_GROUPS / 10).contains(&cards),
        "{cards} group cards on the home page"
    );
    let more = format!(
        "<a href=\"orgmap.html\">{} more top-level groups and teams",
        MANY_GROUPS - cards
    );
    assert!(home.contains(&more), "no link to the rest: {more}");
    let (overview, linked) = org_map_overview(&out, "orgmap/");
    assert!(overview.len() > 1, "the overview was not split");
    for g in 0..MANY_GROUPS {
        let map = format!("g{g:03}.html");
        assert!(out.join("orgmap").join(&map).is_file(), "no map page {map}");
        assert!(
            linked.contains(&map),
            "orgmap/{map} not linked from the overview"
        );
    }
}

/// A split org map with more than 60 groups and hundreds of teams outside any group (a
/// flat organisation half moved into groups, as after an import): every one of those
/// teams is listed on some part of the overview, no part exceeds the page bound, and each
/// team page's "on the org map" link lands on the part that lists it.
#[test]
fn every_team_outside_a_group_is_reachable_from_the_split_org_map() {
    const GROUPS: usize = 70;
    const LOOSE: usize = 650;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Half Grouped Org\"\n");
    write(
        "content/_index.md",
        "+++\ntitle = \"Half Grouped Org\"\n+++\nHi.\n",
    );
    for g in 0..GROUPS {
        write(
            &format!("content/teams/g{g:03}.md"),
            &format!(
                "+++\nname = \"Group {g:03}\"\nkind = \"group\"\nlead = \"Lead {g}\"\n+++\nA group.\n"
            ),
        );
        write(
            &format!("content/teams/g{g:03}/t{g:03}.md"),
            &format!(
                "+++\nname = \"Team {g:03}\"\nparent = \"g{g:03}\"\nproblem = \"P.\"\n\
                 lead = \"Lead {g}\"\n\n[[metrics]]\nname = \"X\"\ntarget = \"1\"\n+++\nA team.\n"
            ),
        );
    }
    // Long names, as imported teams have; some YAML charters among the TOML ones.
    for t in 0..LOOSE {
        let name = format!("Loose team {t:04} of the platform and infrastructure area");
        let text = if t % 5 == 0 {
            format!(
                "---\nname: {name}\nproblem: P.\nlead: Owner {t}\nmetrics:\n  - name: X\n    target: \"1\"\n---\nOn its own.\n"
            )
        } else {
            format!(
                "+++\nname = \"{name}\"\nproblem = \"P.\"\nlead = \"Owner {t}\"\n\n\
                 [[metrics]]\nname = \"X\"\ntarget = \"1\"\n+++\nOn its own.\n"
            )
        };
        write(&format!("content/teams/loose/l{t:04}.md"), &text);
    }
    let out = root.join("public");
    build(root, &out);

    // Follow the overview's parts from `orgmap.html`, collecting the team pages linked.
    let (overview, linked) = org_map_overview(&out, "teams/");
    assert!(overview.len() > 1, "the overview was not split");
    let missing: Vec<String> = (0..LOOSE)
        .map(|t| format!("l{t:04}.html"))
        .filter(|t| !linked.contains(t))
        .collect();
    assert!(
        missing.is_empty(),
        "{} of {LOOSE} teams outside any group not linked from the org map, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );

    // A team page's org map link names the part that lists it, at its own entry.
    for t in [0, 199, 200, 649] {
        let page = Html::parse_document(
            &std::fs::read_to_string(out.join(format!("teams/l{t:04}.html"))).unwrap(),
        );
        let href = hrefs(&page, "a[href*='orgmap']")
            .into_iter()
            .find(|h| h.contains("#om-"))
            .unwrap_or_else(|| panic!("team l{t:04} has no org map link"));
        let (file, id) = href.trim_start_matches("../").split_once('#').unwrap();
        let target = Html::parse_document(&std::fs::read_to_string(out.join(file)).unwrap());
        let entry = target
            .select(&sel(&format!("[id='{id}']")))
            .next()
            .unwrap_or_else(|| panic!("{href} from l{t:04}: no such entry on {file}"));
        assert!(
            hrefs(&Html::parse_fragment(&entry.html()), "a[href]")
                .contains(&format!("teams/l{t:04}.html")),
            "{href}: the entry does not link to the team"
        );
    }
}

/// Writes a handbook of `teams` teams owning `decisions` decisions in turn, builds it and
/// returns the first part of the decisions index.
fn decisions_index_with_teams(teams: usize, decisions: usize) -> String {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Many Teams\"\n");
    for t in 0..teams {
        write(
            &format!("content/teams/team-{t:04}.md"),
            &format!(
                "+++\nname = \"Team {t:04}\"\nproblem = \"p\"\nmembers = [\"Ann\"]\n\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\nA team.\n"
            ),
        );
    }
    for d in 0..decisions {
        let team = format!("team = \"team-{:04}\"\n", d % teams);
        write(
            &format!("content/decisions/{:04}-d.md", d + 1),
            &format!(
                "+++\ntitle = \"Decision {d}\"\nstatus = \"accepted\"\ntype = 2\ndate = 2026-01-01\ndecided = 2026-01-02\n{team}+++\nWhy.\n"
            ),
        );
    }
    let out = root.join("out");
    build(root, &out);
    std::fs::read_to_string(out.join("decisions/index.html")).unwrap()
}

#[test]
fn the_decisions_filters_do_not_grow_with_the_number_of_teams() {
    // 100 teams owning 400 decisions, then 1,000 teams owning 1,000.
    let few = decisions_index_with_teams(100, 400);
    let many = decisions_index_with_teams(1000, 1000);
    let doc = scraper::Html::parse_document(&few);
    let team_options = scraper::Selector::parse("form.filters select[name=team] option").unwrap();
    assert_eq!(
        doc.select(&team_options).count(),
        101,
        "a drop-down: any + 100 teams"
    );
    let doc = scraper::Html::parse_document(&many);
    assert_eq!(
        doc.select(&team_options).count(),
        0,
        "no drop-down of 1,000 teams"
    );
    let team_box = scraper::Selector::parse("form.filters input[name=team]").unwrap();
    assert_eq!(doc.select(&team_box).count(), 1, "a text box instead");
    // Both first parts list 200 decisions; the one with ten times the teams is not larger
    // because of them.
    assert!(
        many.len() < few.len() * 11 / 10,
        "{} bytes with 1,000 teams against {} with 100",
        many.len(),
        few.len()
    );
}

/// A page every decision record links to (the decision process, as an ADR template's
/// "see our process" line makes it) lists the first pages that link to it and counts the
/// rest, instead of growing with the number of records.
#[test]
fn a_page_linked_from_every_record_and_the_team_owning_them_stay_bounded() {
    const RECORDS: usize = 130;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Linked Org\"\n");
    write(
        "content/teams/core.md",
        "+++\nname = \"Core\"\nproblem = \"P.\"\nlead = \"Ada\"\n\n[[metrics]]\nname = \"X\"\ntarget = \"1\"\n+++\nCore.\n",
    );
    write(
        "content/process.md",
        "# How we decide\n\nWrite a record; see the index.\n",
    );
    for n in 1..=RECORDS {
        write(
            &format!("content/decisions/{n:04}-choice-{n}.md"),
            &format!(
                "+++\ntitle = \"Choice {n}\"\nstatus = \"accepted\"\ntype = 2\ndate = 2024-01-01\ndecided = 2024-01-02\n\
                 team = \"core\"\ndeciders = [\"Ada\"]\n+++\nSee [our process](../process.md).\n"
            ),
        );
    }
    let out = root.join("public");
    build(root, &out);
    let page = Html::parse_document(&std::fs::read_to_string(out.join("process.html")).unwrap());
    let listed = hrefs(&page, ".backlinks li a");
    assert!(
        (1..RECORDS).contains(&listed.len()),
        "{} backlinks listed",
        listed.len()
    );
    assert!(
        listed.iter().all(|h| h.starts_with("decisions/")),
        "{listed:?}"
    );
    let more = texts(&page, ".backlinks p");
    assert_eq!(more, [format!("and {} more pages", RECORDS - listed.len())]);

    // The team that owns them all lists its newest and links to the decisions index
    // filtered to it, by a name the index's team filter offers.
    let team = Html::parse_document(&std::fs::read_to_string(out.join("teams/core.html")).unwrap());
    let rows = hrefs(
        &team,
        "#decisions-title ~ .table-scroll table a[href^='../decisions/']",
    );
    assert!(
        (1..RECORDS).contains(&rows.len()),
        "{} decision rows",
        rows.len()
    );
    assert!(
        rows.contains(&format!("../decisions/{RECORDS:04}-choice-{RECORDS}.html")),
        "newest first"
    );
    let all = hrefs(&team, "#decisions-title ~ p a");
    assert_eq!(all, ["../decisions/index.html?team=Core"]);
    assert_eq!(
        texts(&team, "#decisions-title ~ p a"),
        [format!("All {RECORDS} decisions of Core")]
    );
    let index =
        Html::parse_document(&std::fs::read_to_string(out.join("decisions/index.html")).unwrap());
    let offered: Vec<String> = index
        .select(&sel("select[name=team] option"))
        .filter_map(|o| o.value().attr("value").map(str::to_string))
        .collect();
    assert!(offered.contains(&"Core".to_string()), "{offered:?}");
}

/// A group of a flat organisation (every team under one group) names its first teams and
/// links to the org map for all of them.
#[test]
fn a_group_page_lists_a_bounded_number_of_its_teams() {
    const TEAMS: usize = 120;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Flat Org\"\n");
    write(
        "content/teams/eng.md",
        "+++\nname = \"Engineering\"\nkind = \"group\"\nlead = \"Ada\"\n+++\nAll of us.\n",
    );
    for n in 0..TEAMS {
        write(
            &format!("content/teams/eng/t{n:03}.md"),
            &format!(
                "+++\nname = \"Team {n:03}\"\nparent = \"eng\"\nproblem = \"P.\"\nlead = \"Lead {n}\"\n\n\
                 [[metrics]]\nname = \"X\"\ntarget = \"1\"\n+++\nA team.\n"
            ),
        );
    }
    let out = root.join("public");
    build(root, &out);
    let group = Html::parse_document(&std::fs::read_to_string(out.join("teams/eng.html")).unwrap());
    let listed = hrefs(&group, "dd ul a[href^='../teams/t']");
    assert!(
        (1..TEAMS).contains(&listed.len()),
        "{} teams listed",
        listed.len()
    );
    let all = hrefs(&group, "dd p a");
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(
        texts(&group, "dd p a"),
        [format!("All {TEAMS} teams on the org map")]
    );
    // The link lands on a map that draws every one of the group's teams.
    let target = all[0].trim_start_matches("../");
    let (page, _) = target.split_once('#').unwrap_or((target, ""));
    let map = std::fs::read_to_string(out.join(page)).unwrap();
    for n in 0..TEAMS {
        assert!(
            map.contains(&format!("Team {n:03}")),
            "Team {n:03} not on {page}"
        );
    }
}

/// A platform every team uses lists the first of them on its page and in the interactions
/// view, and counts the rest, instead of growing with the organisation.
#[test]
fn a_platform_every_team_uses_lists_a_bounded_number_of_its_users() {
    const USERS: usize = 130;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Hub Org\"\n");
    let charter = |name: &str, extra: &str| {
        format!(
            "+++\nname = \"{name}\"\nproblem = \"P.\"\nlead = \"Lead\"\ntopology = \"stream-aligned\"\n\n\
             [[metrics]]\nname = \"X\"\ntarget = \"1\"\n{extra}+++\nA team.\n"
        )
    };
    write("content/teams/platform.md", &charter("Platform", ""));
    for n in 0..USERS {
        write(
            &format!("content/teams/user-{n:03}.md"),
            &charter(
                &format!("User {n:03}"),
                "\n[[interactions]]\nteam = \"platform\"\nmode = \"x-as-a-service\"\n",
            ),
        );
    }
    let out = root.join("public");
    build(root, &out);
    let page =
        Html::parse_document(&std::fs::read_to_string(out.join("teams/platform.html")).unwrap());
    let users: Vec<String> = hrefs(&page, "dd ul a[href^='../teams/user-']");
    assert!(
        (1..USERS).contains(&users.len()),
        "{} users listed",
        users.len()
    );
    assert_eq!(
        texts(&page, "section.interactions p.ix-more"),
        [format!(
            "And {} more teams list Platform in their interactions.",
            USERS - users.len()
        )]
    );
    // The interactions view: every part together lists each user once as "depends on",
    // and the platform's entry lists the same bounded number of users and the count.
    let mut used_by = 0;
    let mut more = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !name.starts_with("interactions") || !name.ends_with(".html") {
            continue;
        }
        let part = Html::parse_document(&std::fs::read_to_string(out.join(&name)).unwrap());
        let lines = texts(&part, "#ix-list-platform li");
        used_by += lines
            .iter()
            .filter(|l| l.starts_with("used by User"))
            .count();
        more.extend(lines.into_iter().filter(|l| l.contains("more teams")));
    }
    assert_eq!(used_by, users.len());
    assert_eq!(
        more,
        [format!("listed by {} more teams", USERS - users.len())]
    );
}
