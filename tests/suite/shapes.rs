//! Shapes nobody writes on purpose but that arrive from generated or imported content: a
//! `parent` chain thousands of levels deep, a supersession chain through every record, one
//! person in every team. Each must give a clear error or a bounded site, in time linear in
//! the handbook, never a crash.

use crate::harness::*;

fn empty_book() -> TestBook {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write("orgbook.toml", "title = \"Shapes\"\n");
    book
}

/// A chain of `levels` charters, each the parent of the next; the last one is a team.
fn write_chain(book: &TestBook, levels: usize) {
    for i in 0..levels {
        let parent = if i == 0 {
            String::new()
        } else {
            format!("parent = \"c{:04}\"\n", i - 1)
        };
        let body = if i + 1 < levels {
            format!("name = \"Level {i}\"\nkind = \"group\"\n{parent}lead = \"P{i}\"\n")
        } else {
            format!(
                "name = \"Level {i}\"\n{parent}problem = \"P.\"\nlead = \"P{i}\"\n\n\
                 [[metrics]]\nname = \"M\"\ntarget = \"1\"\n"
            )
        };
        book.write(
            &format!("content/teams/c{i:04}.md"),
            &format!("+++\n{body}+++\nLevel {i}.\n"),
        );
    }
}

#[test]
fn a_parent_chain_past_the_limit_is_one_error_not_a_crash() {
    // 3,000 levels: the org map's drawing recursed once per level and overflowed its
    // thread's stack at about 4,000; the rules walking each team's chain were quadratic.
    let book = empty_book();
    write_chain(&book, 3_000);
    let run = book.build();
    run.failure(1)
        .stderr_has("error[org-too-deep]: `parent` puts \"Level 32\" 33 levels below the top of the org; orgbook draws at most 32")
        .stderr_has("--> content/teams/c0032.md:4:10")
        .stderr_has("1 error");
    assert!(!book.out().exists(), "a failed build wrote output");
}

#[test]
fn a_parent_chain_at_the_limit_builds() {
    let book = empty_book();
    write_chain(&book, 32);
    book.build().success().stderr_lacks("org-too-deep");
    let deepest = book.html("teams/c0031.html");
    let crumbs = texts(&deepest, "nav.breadcrumbs a");
    assert!(crumbs.contains(&"Level 0".to_string()), "{crumbs:?}");
    assert!(crumbs.contains(&"Level 30".to_string()), "{crumbs:?}");
}

/// The one team that owns every decision of a test.
fn write_core_team(book: &TestBook) {
    book.write(
        "content/teams/core.md",
        "+++\nname = \"Core\"\nproblem = \"P.\"\nlead = \"Ada\"\n\n\
         [[metrics]]\nname = \"M\"\ntarget = \"1\"\n+++\nCore.\n",
    );
}

/// Decisions 1..=n, each superseded by the next.
fn write_supersession_chain(book: &TestBook, n: usize) {
    write_core_team(book);
    for i in 1..=n {
        let (status, supersedes) = match i {
            1 => ("superseded", String::new()),
            i if i == n => ("accepted", format!("supersedes = [{}]\n", i - 1)),
            i => ("superseded", format!("supersedes = [{}]\n", i - 1)),
        };
        book.write(
            &format!("content/decisions/{i:04}-step-{i}.md"),
            &format!(
                "+++\ntitle = \"Step {i}\"\nstatus = \"{status}\"\ntype = 2\nteam = \"core\"\n\
                 date = 2026-01-01\ndecided = 2026-01-02\ndeciders = [\"Ada\"]\n{supersedes}+++\nWhy.\n"
            ),
        );
    }
}

#[test]
fn a_long_supersession_chain_shows_its_first_steps_and_the_decision_in_force() {
    // Every record showed the whole way to the decision in force: 300 records of a
    // 300-long chain made the site quadratic (8,000 took 138 s).
    const N: usize = 300;
    let book = empty_book();
    write_supersession_chain(&book, N);
    book.build().success();
    let chain_of = |n: usize| {
        let page = book.html(&format!("decisions/{n:04}-step-{n}.html"));
        let links = hrefs(&page, "span.chain a");
        let text = texts(&page, "span.chain").concat();
        (links, text)
    };
    let (links, text) = chain_of(1);
    assert_eq!(links.len(), 11, "{links:?}");
    assert_eq!(links[0], "../decisions/0002-step-2.html");
    assert_eq!(links[9], "../decisions/0011-step-11.html");
    assert_eq!(links[10], format!("../decisions/{N:04}-step-{N}.html"));
    assert!(text.contains(&format!("… {} more", N - 1 - 11)), "{text}");
    assert!(text.ends_with("(current)"), "{text}");
    // Near the end the whole chain is short enough to show, with nothing skipped.
    let (links, text) = chain_of(N - 5);
    assert_eq!(links.len(), 5, "{links:?}");
    assert!(!text.contains('…'), "{text}");
    // No page grows with the chain.
    let first = std::fs::metadata(book.out().join("decisions/0001-step-1.html")).unwrap();
    assert!(first.len() < 20_000, "{} bytes", first.len());
}

#[test]
fn in_a_group_of_many_teams_each_neighbourhood_map_draws_only_its_window() {
    // Each team page built every sibling's box (and counted the group's whole subtree for
    // its parent box) before drawing four: 8,000 teams in one group took 66 s.
    const TEAMS: usize = 60;
    let book = empty_book();
    book.write(
        "content/teams/all.md",
        "+++\nname = \"All\"\nkind = \"group\"\nlead = \"Ada\"\n+++\nEveryone.\n",
    );
    for t in 0..TEAMS {
        book.write(
            &format!("content/teams/t{t:02}.md"),
            &format!(
                "+++\nname = \"Team {t:02}\"\nparent = \"all\"\nproblem = \"P.\"\nlead = \"Ada\"\n\
                 members = [\"Ada\", \"Person {t}\", \"Other {t}\"]\n\n\
                 [[metrics]]\nname = \"M\"\ntarget = \"1\"\n+++\nTeam {t}.\n"
            ),
        );
    }
    book.build().success();
    let svg_of = |rel: &str| {
        let page = book.output_file(rel);
        let start = page.find("<svg").expect("a neighbourhood map");
        page[start..page[start..].find("</svg>").unwrap() + start].to_string()
    };
    // Team 30 of 60 (in name order): 29 siblings left out before its row of four, 27 after.
    let svg = svg_of("teams/t30.html");
    assert!(svg.contains(">+29 more<"), "{svg}");
    assert!(svg.contains(">+27 more<"), "{svg}");
    assert!(
        svg.contains("Where Team 30 sits: part of All, 59 sibling teams"),
        "{svg}"
    );
    for shown in ["Team 29", "Team 30", "Team 31", "Team 32"] {
        assert!(svg.contains(shown), "{shown} missing: {svg}");
    }
    assert!(
        !svg.contains("Team 28") && !svg.contains("Team 33"),
        "{svg}"
    );
    // The parent box counts the whole group's members: 60 teams of 3.
    assert!(svg.contains(&format!("{} people", 3 * TEAMS)), "{svg}");
    // At the ends of the row the window stays four wide.
    assert!(svg_of("teams/t00.html").contains(">+56 more<"));
    assert!(svg_of("teams/t59.html").contains(">+56 more<"));
    // The group's own map: its first four teams and the rest as one chip.
    let group = svg_of("teams/all.html");
    assert!(group.contains(">+56 more<"), "{group}");
    assert!(group.contains(&format!("{TEAMS} sub-teams")), "{group}");
}

#[test]
fn a_month_of_hundreds_of_decisions_is_split_across_timeline_parts() {
    // A bulk import dates every record alike: the timeline kept a month whole, so all
    // 8,000 records of one month made one 3 MB page.
    const N: usize = 700;
    let book = empty_book();
    write_core_team(&book);
    for i in 1..=N {
        book.write(
            &format!("content/decisions/{i:04}-imported-{i}.md"),
            &format!(
                "+++\ntitle = \"Imported {i}\"\nstatus = \"accepted\"\ntype = 2\nteam = \"core\"\n\
                 date = 2026-03-01\ndecided = 2026-03-02\ndeciders = [\"Ada\"]\n+++\nWhy.\n"
            ),
        );
    }
    book.build().success();
    let mut seen = std::collections::BTreeSet::new();
    let mut headings = Vec::new();
    for part in ["timeline.html", "timeline-2.html", "timeline-3.html"] {
        let page = book.html(part);
        let entries = hrefs(&page, "li.timeline-entry > a[href*='decisions/']");
        assert!(
            !entries.is_empty() && entries.len() <= 300,
            "{part}: {}",
            entries.len()
        );
        seen.extend(entries);
        headings.extend(texts(&page, "section.timeline-month h2"));
    }
    assert!(!book.out().join("timeline-4.html").exists());
    assert_eq!(seen.len(), N, "every decision on exactly one part");
    assert_eq!(
        headings,
        [
            "March 2026",
            "March 2026 (continued)",
            "March 2026 (continued)"
        ]
    );
}

#[test]
fn a_person_in_every_team_gets_a_bounded_page() {
    // Someone listed in every charter (an executive, a bot account): their page listed
    // every team and linked every team's interactions row; 8,000 teams made it 2 MB.
    const TEAMS: usize = 150;
    let book = empty_book();
    for t in 0..TEAMS {
        let uses = if t > 0 {
            "\n[[interactions]]\nteam = \"t000\"\nmode = \"x-as-a-service\"\n"
        } else {
            ""
        };
        book.write(
            &format!("content/teams/t{t:03}.md"),
            &format!(
                "+++\nname = \"Team {t:03}\"\nproblem = \"P.\"\nlead = \"Lead {t}\"\n\
                 members = [\"Lead {t}\", \"Everyone Else\"]\n\n\
                 [[metrics]]\nname = \"M\"\ntarget = \"1\"\n{uses}+++\nTeam {t}.\n"
            ),
        );
    }
    book.build().success();
    let page = book.html("people/everyone-else.html");
    let member_of = hrefs(&page, "#teams-title ~ dl a");
    assert_eq!(member_of.len(), 100, "{member_of:?}");
    assert_eq!(
        texts(&page, "#teams-title ~ dl li.muted"),
        [format!("and {} more", TEAMS - 100)]
    );
    let see_also = hrefs(&page, "p.muted a[href*='interactions']");
    assert!(
        (1..=20).contains(&see_also.len()),
        "{} interactions links",
        see_also.len()
    );
}

/// One top-level group of 1,500 teams (30 subgroups of 48 and 60 teams of its own, each
/// named "<made-up word> Team <n>") beside a small second group: a flat organisation under
/// one charter, as an import makes it. Built once for the tests below.
static BIG_GROUP: std::sync::LazyLock<TestBook> = std::sync::LazyLock::new(|| {
    let book = empty_book();
    let group = |slug: &str, name: &str, parent: Option<&str>| {
        let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
        book.write(
            &format!("content/teams/{slug}.md"),
            &format!(
                "+++\nname = \"{name}\"\nkind = \"group\"\n{parent}lead = \"Ada\"\n+++\n{name}.\n"
            ),
        );
    };
    group("all", "All", None);
    group("other", "Other", None);
    let mut words = MadeUpWords::new(7);
    let mut team = |i: usize, parent: &str| {
        let w = words.words(1).remove(0);
        book.write(
            &format!("content/teams/t{i:04}.md"),
            &format!(
                "+++\nname = \"{w} Team {i:04}\"\nparent = \"{parent}\"\nproblem = \"P.\"\n\
                 lead = \"Ada\"\nmembers = [\"Ada\", \"Person {i}\"]\n\n\
                 [[metrics]]\nname = \"M\"\ntarget = \"1\"\n+++\nTeam {i}.\n"
            ),
        );
    };
    let mut i = 0;
    for s in 0..30 {
        group(&format!("s{s:02}"), &format!("Sub {s:02}"), Some("all"));
        for _ in 0..48 {
            team(i, &format!("s{s:02}"));
            i += 1;
        }
    }
    for _ in 0..60 {
        team(i, "all");
        i += 1;
    }
    team(i, "other");
    book.build().success();
    book
});

/// Slugs of "All" and every charter below it.
fn big_group_slugs() -> Vec<String> {
    let mut slugs = vec!["all".to_string()];
    slugs.extend((0..30).map(|s| format!("s{s:02}")));
    slugs.extend((0..1500).map(|i| format!("t{i:04}")));
    slugs
}

/// Every `[name, url, group]` entry of the "find a team" index, whatever its files.
fn find_entries(out: &std::path::Path) -> Vec<serde_json::Value> {
    let read = |p: &std::path::Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let manifest = read(&out.join("orgmap/teams.json"));
    if let Some(all) = manifest.as_array() {
        return all.clone();
    }
    let mut entries = Vec::new();
    for f in std::fs::read_dir(out.join("orgmap/teams")).unwrap() {
        let v = read(&f.unwrap().path());
        let list = v.as_array().or_else(|| v["top"].as_array()).unwrap();
        entries.extend(list.iter().cloned());
    }
    entries
}

#[test]
fn a_group_of_1500_teams_is_drawn_over_bounded_parts_each_owning_its_boxes() {
    // The group's map page drew every team (about 625 bytes of SVG and a list item each):
    // 1 MB at 1,500 teams, 5 MB at 8,000.
    let book = &*BIG_GROUP;
    let out = book.out();
    let parts: Vec<String> = files_under(&out.join("orgmap"))
        .into_iter()
        .filter(|f| f == "all.html" || (f.starts_with("all.") && f.ends_with(".html")))
        .map(|f| format!("orgmap/{f}"))
        .collect();
    assert!(parts.len() >= 5, "{parts:?}");
    // Where each box id is, by part.
    let mut owner: std::collections::HashMap<String, Vec<String>> = Default::default();
    for part in &parts {
        let size = std::fs::metadata(out.join(part)).unwrap().len();
        assert!(size < 300_000, "{part}: {size} bytes");
        let page = book.html(part);
        for el in page.select(&sel("svg [id^='om-']")) {
            let id = el.value().id().unwrap().to_string();
            owner.entry(id).or_default().push(part.clone());
        }
        // The rest of the group is a pager away.
        assert!(!hrefs(&page, "nav.pager a").is_empty(), "{part}: no pager");
    }
    let find: std::collections::HashMap<String, Vec<String>> =
        find_entries(&out)
            .iter()
            .fold(Default::default(), |mut m, e| {
                let url = e[1].as_str().unwrap().to_string();
                let slug = url.rsplit("#om-").next().unwrap().to_string();
                m.entry(slug).or_default().push(url);
                m
            });
    for slug in big_group_slugs() {
        let id = format!("om-{slug}");
        let on = owner.get(&id).cloned().unwrap_or_default();
        assert_eq!(on.len(), 1, "{id} is on {on:?}");
        // The team page's "see it on the org map" link names that part.
        let team = book.html(&format!("teams/{slug}.html"));
        let link = hrefs(&team, "figure.neighbourhood figcaption a");
        assert_eq!(link.len(), 1, "{slug}: {link:?}");
        assert_eq!(link[0], format!("../{}#{id}", on[0]), "{slug}");
        // So does every "find a team" entry for it.
        let urls = find.get(&slug).cloned().unwrap_or_default();
        assert!(!urls.is_empty(), "{slug} is not in the find index");
        for url in urls {
            assert_eq!(url, format!("{}#{id}", on[0]), "{slug}");
        }
    }
}

/// A group of 201 charters (the group and 200 teams) beside a small one: one past a part,
/// so its map is split in two, and the split must be even, not 200 and a lone team.
#[test]
fn a_group_one_past_a_part_is_split_evenly_and_each_part_is_named() {
    let book = empty_book();
    let group = |slug: &str, name: &str| {
        book.write(
            &format!("content/teams/{slug}.md"),
            &format!("+++\nname = \"{name}\"\nkind = \"group\"\nlead = \"Ada\"\n+++\n{name}.\n"),
        );
    };
    group("crowd", "Crowd");
    group("other", "Other");
    for i in 0..201 {
        let parent = if i < 200 { "crowd" } else { "other" };
        book.write(
            &format!("content/teams/t{i:03}.md"),
            &format!(
                "+++\nname = \"Team {i:03}\"\nparent = \"{parent}\"\nproblem = \"P.\"\n\
                 lead = \"Ada\"\n\n[[metrics]]\nname = \"M\"\ntarget = \"1\"\n+++\nTeam {i}.\n"
            ),
        );
    }
    book.build().success();
    let out = book.out();
    let parts: Vec<String> = files_under(&out.join("orgmap"))
        .into_iter()
        .filter(|f| f.starts_with("crowd.") && f.ends_with(".html"))
        .collect();
    assert_eq!(parts, ["crowd.2.html", "crowd.html"]);
    let first = book.html("orgmap/crowd.html");
    let second = book.html("orgmap/crowd.2.html");
    // Near-equal parts: 101 and 100 boxes of their own, not 200 and 1.
    let boxes = |page: &scraper::Html| page.select(&sel("svg [id^='om-']")).count();
    assert_eq!((boxes(&first), boxes(&second)), (101, 100));
    // Each part says which it is, in the tab and the heading, as a handbook section does.
    assert_eq!(
        texts(&first, "head > title"),
        ["Org map: Crowd (part 1 of 2) · Shapes"]
    );
    assert_eq!(
        texts(&second, "head > title"),
        ["Org map: Crowd (part 2 of 2) · Shapes"]
    );
    assert_eq!(texts(&first, "main h1"), ["Crowd (part 1 of 2)"]);
    assert_eq!(texts(&second, "main h1"), ["Crowd (part 2 of 2)"]);
    // And leads to the other.
    assert_eq!(
        hrefs(&first, "nav.pager a[rel='next']"),
        ["../orgmap/crowd.2.html"]
    );
    assert_eq!(
        hrefs(&second, "nav.pager a[rel='prev']"),
        ["../orgmap/crowd.html"]
    );
    // The last team of the first part and the first of the second link to their own part.
    for (slug, part) in [("t099", "crowd.html"), ("t100", "crowd.2.html")] {
        let team = book.html(&format!("teams/{slug}.html"));
        assert_eq!(
            hrefs(&team, "figure.neighbourhood figcaption a"),
            [format!("../orgmap/{part}#om-{slug}")]
        );
    }
    // A group within one part keeps its one page, titled as before.
    let other = book.html("orgmap/other.html");
    assert_eq!(texts(&other, "head > title"), ["Org map: Other · Shapes"]);
    assert_eq!(texts(&other, "main h1"), ["Other"]);
}

/// What `findBox` (orgbook/orgmap.js) matches query `q` against: every entry of a small
/// index, or the file the query's words joined, else its longest word, lead to (the first
/// complete one, else the first one's best few); and the files it fetched.
fn find_candidates(out: &std::path::Path, q: &str) -> (Vec<serde_json::Value>, Vec<String>) {
    let read = |rel: &str| -> Option<serde_json::Value> {
        let text = std::fs::read_to_string(out.join(rel)).ok()?;
        Some(serde_json::from_str(&text).unwrap())
    };
    let manifest = read("orgmap/teams.json").unwrap();
    if let Some(all) = manifest.as_array() {
        return (all.clone(), vec!["orgmap/teams.json".into()]);
    }
    let mut words: Vec<String> = q
        .to_lowercase()
        .split(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let whole = (words.len() > 1).then(|| words.join(" "));
    words.extend(whole.clone());
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let mut fetched = vec!["orgmap/teams.json".to_string()];
    let mut partial = None;
    'words: for w in words {
        let first = w.chars().next().unwrap().to_string();
        let keys = manifest["keys"].as_array().unwrap();
        // No name starts with the whole query: try its words.
        let none = |fetched| match Some(&w) == whole.as_ref() {
            true => None,
            false => Some((Vec::new(), fetched)),
        };
        if !keys.iter().any(|k| *k == first) {
            match none(fetched.clone()) {
                Some(r) => return r,
                None => continue 'words,
            }
        }
        let mut key = first;
        loop {
            let hex: String = key.bytes().map(|b| format!("{b:02x}")).collect();
            let rel = format!("orgmap/teams/k{hex}.json");
            let file = read(&rel).unwrap_or_else(|| panic!("{rel} is missing"));
            fetched.push(rel);
            if let Some(list) = file.as_array() {
                return (list.clone(), fetched);
            }
            let rest: String = w.chars().skip(key.chars().count()).collect();
            if rest.is_empty() {
                partial.get_or_insert(file["top"].as_array().unwrap().clone());
                continue 'words;
            }
            let more = file["more"].as_array().unwrap();
            match more
                .iter()
                .filter_map(|s| s.as_str())
                .find(|s| rest.starts_with(s) || s.starts_with(&rest))
            {
                Some(s) => key.push_str(s),
                None => match none(fetched.clone()) {
                    Some(r) => return r,
                    None => continue 'words,
                },
            }
        }
    }
    (partial.unwrap_or_default(), fetched)
}

#[test]
fn the_find_a_team_index_is_small_files_and_finds_every_team() {
    // `orgmap/teams.json` listed every team, fetched whole by the first keystroke: 474 KB
    // on a 10,000-page handbook, 5 MB at 100,000.
    let book = &*BIG_GROUP;
    let out = book.out();
    let mut files = vec![out.join("orgmap/teams.json")];
    if let Ok(dir) = std::fs::read_dir(out.join("orgmap/teams")) {
        files.extend(dir.map(|f| f.unwrap().path()));
    }
    for f in &files {
        let size = std::fs::metadata(f).unwrap().len();
        assert!(size < 50_000, "{}: {size} bytes", f.display());
    }
    let team_names: Vec<(String, String)> = find_entries(&out)
        .iter()
        .map(|e| (e[0].as_str().unwrap().into(), e[1].as_str().unwrap().into()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(
        team_names.len(),
        1 + 30 + 1500 + 1 + 1,
        "every charter once"
    );
    for (name, url) in &team_names {
        let (candidates, fetched) = find_candidates(&out, name);
        assert!(
            candidates.iter().any(|e| e[1] == url.as_str()),
            "{name} not found (fetched {fetched:?})"
        );
        assert!(fetched.len() <= 6, "{name}: fetched {fetched:?}");
    }
    // A word shared by every team ("team") leads to its best few, not to all of them;
    // the digits of one team lead to it.
    let (few, _) = find_candidates(&out, "team");
    assert!(!few.is_empty() && few.len() <= 50, "{}", few.len());
    let (hits, _) = find_candidates(&out, "Team 0042");
    assert!(
        hits.iter()
            .any(|e| e[1].as_str().unwrap().ends_with("#om-t0042"))
    );
}

#[test]
fn thousands_of_misspelled_team_names_each_get_an_error_and_a_bounded_number_of_hints() {
    // After a mass rename, every record names a team that no longer exists. Each compared
    // its name with every charter's slug: 8,000 of each took 6.8 s.
    use orgbook::diagnostic::Suggestions;
    const N: usize = 2_000;
    let book = empty_book();
    for i in 0..N {
        book.write(
            &format!("content/teams/team-{i}.md"),
            &format!("+++\nname = \"Team {i}\"\nproblem = \"P.\"\nlead = \"Ada\"\n+++\nT.\n"),
        );
        book.write(
            &format!("content/decisions/{:04}-d.md", i + 1),
            &format!(
                "+++\ntitle = \"D {i}\"\nstatus = \"accepted\"\ntype = 2\nteam = \"taem-{i}\"\n\
                 date = 2026-01-01\ndecided = 2026-01-02\ndeciders = [\"Ada\"]\n+++\nWhy.\n"
            ),
        );
    }
    let run = book.run(&["check", "--format", "json"]);
    run.failure(1);
    let unknown: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|d| d["code"] == "unknown-team")
        .collect();
    assert_eq!(unknown.len(), N, "one error per record");
    let hinted: Vec<&str> = unknown
        .iter()
        .filter_map(|d| d["help"].as_str())
        .filter(|h| h.starts_with("did you mean"))
        .collect();
    // The list of N slugs answers as many names as its comparisons allow, in the order the
    // records are read, then no more.
    let answered = (Suggestions::PER_CANDIDATE * N + Suggestions::FLAT) / N;
    assert_eq!(hinted.len(), answered, "{hinted:?}");
    assert!(hinted[0].contains("\"team-0\""), "{}", hinted[0]);
    let last = format!("\"team-{}\"", answered - 1);
    assert!(
        hinted[answered - 1].contains(&last),
        "{}",
        hinted[answered - 1]
    );
}

#[test]
fn a_page_of_thousands_of_headings_linked_from_thousands_of_records() {
    // A generated reference page and the records that link into it: each link that hits,
    // misses, or names a heading under another generator's slug rule. The checks compared
    // every link with every heading (4,000 of each: 4.4 s; 16,000: 71 s).
    const N: usize = 1_500;
    let book = empty_book();
    write_core_team(&book);
    let headings: String = (0..=N)
        .map(|i| {
            format!(
                "## Option {i}\n\nSee [the next](#option-{}).\n\n",
                (i + 1) % N
            )
        })
        .collect();
    book.write(
        "content/reference.md",
        &format!("# Reference\n\n{headings}"),
    );
    for i in 1..=N {
        book.write(
            &format!("content/decisions/{i:04}-d.md"),
            &format!(
                "+++\ntitle = \"D {i}\"\nstatus = \"accepted\"\ntype = 2\nteam = \"core\"\n\
                 date = 2026-01-01\ndecided = 2026-01-02\ndeciders = [\"Ada\"]\n+++\n\
                 [hit](../reference.md#option-{i}) [miss](../reference.md#nowhere-{i}) \
                 [other rule](../reference.md#Option-{i})\n"
            ),
        );
    }
    book.build().success();
    let check = book.run(&["check", "--format", "json"]);
    let missing = check
        .stdout
        .lines()
        .filter(|l| l.contains("\"code\":\"missing-anchor\""))
        .count();
    assert_eq!(missing, N, "one warning per missing anchor");
    for i in [1, N / 2, N - 1] {
        let page = book.html(&format!("decisions/{i:04}-d.html"));
        let links = hrefs(&page, "main a[href*='reference']");
        let want = format!("../reference.html#option-{i}");
        assert_eq!(
            links.iter().filter(|h| **h == want).count(),
            2,
            "the hit and the one under another rule, pointed at the heading: {links:?}"
        );
    }
    let reference = book.html("reference.html");
    assert!(
        hrefs(&reference, "main a").contains(&"#option-7".to_string()),
        "the page's own links keep their anchors"
    );
}
