//! A large handbook's build holds the rendered bodies compressed between the Markdown stage
//! and the pages (`render::bodies`, above `site::COMPRESS_BODIES_OVER` bytes of Markdown).
//! Forced on a small generated handbook, that way must give the same site, byte for byte,
//! as holding them plain: bodies spread over several steps and runs, anchors the anchor
//! pass rewrites, titles taken from a leading heading, code blocks, and feeds that carry
//! decision bodies.

use crate::harness::write_under;
use orgbook::render::RenderOptions;
use std::collections::BTreeMap;
use std::path::Path;

const TEAMS: usize = 30;
const DECISIONS: usize = 250;
/// With the teams, decisions and home page: over two steps of 256 documents, and a last run
/// shorter than the others.
const PAGES: usize = 321;

fn page_path(p: usize) -> String {
    format!("section-{}/page-{p:04}.md", p % 3)
}

fn generate(root: &Path) {
    let write = |rel: &str, text: &str| write_under(root, rel, text);
    write("orgbook.toml", "title = \"Held Org\"\n");
    // A link to the web and one to a file in a dot-folder, published only when linked.
    write(
        "content/_index.md",
        "+++\ntitle = \"Held Org\"\n+++\nWelcome. See [the first page](section-0/page-0000.md#details), \
         [the wider web](https://example.org/handbook#top) and [the chart](.gitbook/assets/chart.txt).\n",
    );
    write("content/.gitbook/assets/chart.txt", "a chart\n");
    write("content/.gitbook/assets/unused.txt", "not linked\n");
    write(
        "content/teams/g0.md",
        "+++\nname = \"Group 0\"\nkind = \"group\"\nlead = \"Ada Lead\"\n+++\nA group.\n",
    );
    for t in 0..TEAMS {
        write(
            &format!("content/teams/g0/t{t:02}.md"),
            &format!(
                "+++\nname = \"Team {t:02}\"\nparent = \"g0\"\nproblem = \"Problem {t}.\"\n\
                 lead = \"Lead {t}\"\nmembers = [\"Lead {t}\", \"Member {t}\"]\nreviewed = 2026-09-01\n\n\
                 [[metrics]]\nname = \"Latency\"\ntarget = \"100 ms\"\ncurrent = \"120 ms\"\n+++\n\
                 ## How we work\n\nWe keep `runbooks` close. See [the page](../../{}#Details).\n\n\
                 ```rust\nfn main() {{ println!(\"team {t}\"); }}\n```\n\n\
                 ```mermaid\nflowchart LR\n  t{t}[Team {t}] --> g0[Group 0]\n```\n",
                page_path(t * 7 % PAGES)
            ),
        );
    }
    for d in 1..=DECISIONS {
        let (y, m) = (2020 + d % 6, 1 + d % 12);
        write(
            &format!("content/decisions/{d:04}-choice-{d}.md"),
            &format!(
                "+++\ntitle = \"Choice {d}\"\nstatus = \"accepted\"\ntype = 2\n\
                 date = {y}-{m:02}-01\ndecided = {y}-{m:02}-03\nteam = \"t{:02}\"\n+++\n\
                 ## Context\n\nWe chose option {d} &amp; wrote it <em>down</em>.\n\n\
                 ## Decision\n\nAs in [the page](../{}#details), ünïcödé included.\n",
                d % TEAMS,
                page_path(d * 13 % PAGES),
            ),
        );
    }
    for p in 0..PAGES {
        // Half the pages take their title from a leading heading (which the page then
        // prints as its title), half have a front matter title and a different heading.
        let head = if p % 2 == 0 {
            format!("# Page {p:04}\n\n")
        } else {
            format!("+++\ntitle = \"Page {p:04}\"\n+++\n# Another heading {p}\n\n")
        };
        // Links to later and earlier pages' anchors; `#Details` matches `#details` only
        // under another slug rule, so the anchor pass rewrites it in the HTML.
        let (later, earlier) = ((p + 300) % PAGES, (p + PAGES - 5) % PAGES);
        write(
            &format!("content/{}", page_path(p)),
            &format!(
                "{head}Some text for page {p}. {}\n\n## Details\n\nSee [later](../{}#Details) and \
                 [earlier](../{}#details).\n\n### Sub part {p}\n\n| a | b |\n|---|---|\n| {p} | x |\n",
                "Words ".repeat(p % 40),
                page_path(later),
                page_path(earlier),
            ),
        );
    }
}

/// Every file under `dir`, by path relative to it.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (
                rel.to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Builds `root` into `out` as `orgbook build` does, compressing the bodies when the
/// handbook's Markdown exceeds `compress_over` bytes. Returns the warnings' codes.
fn build(root: &Path, out: &Path, compress_over: usize) -> Vec<String> {
    let output = orgbook::write::check_output(root, out, false).unwrap();
    let staging = orgbook::write::Staging::create(&output).unwrap();
    let (site, written) = orgbook::site::build_into_compressing_over(
        root,
        RenderOptions::default(),
        &staging,
        compress_over,
    );
    assert!(!site.has_errors(), "{:#?}", site.diagnostics);
    written.unwrap();
    staging.commit().unwrap();
    site.diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect()
}

#[test]
fn held_bodies_give_the_same_site_as_plain_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    generate(&root);
    let (plain_out, held_out) = (dir.path().join("plain"), dir.path().join("held"));
    let plain_codes = build(&root, &plain_out, usize::MAX);
    let held_codes = build(&root, &held_out, 0);
    assert_eq!(plain_codes, held_codes);
    assert!(
        plain_codes.iter().any(|c| c == "anchor-other-rule"),
        "the fixture has anchors the anchor pass rewrites: {plain_codes:?}"
    );
    let (plain, held) = (files(&plain_out), files(&held_out));
    assert!(
        plain.len() > TEAMS + DECISIONS + PAGES,
        "{} files",
        plain.len()
    );
    assert_eq!(
        plain.keys().collect::<Vec<_>>(),
        held.keys().collect::<Vec<_>>()
    );
    for (path, bytes) in &plain {
        assert!(
            held[path] == *bytes,
            "{path} differs:\n--- plain\n{}\n--- held\n{}",
            String::from_utf8_lossy(bytes),
            String::from_utf8_lossy(&held[path])
        );
    }
    // What the comparison covers: a rewritten anchor, a title taken from the heading, a
    // feed entry carrying a decision's body.
    let page = String::from_utf8_lossy(&held["section-0/page-0000.html"]).into_owned();
    assert!(page.contains("page-0300.html#details"), "{page}");
    assert!(page.contains("Page 0000"), "{page}");
    // A team's Mermaid diagram, drawn into its page from a held body.
    let team = String::from_utf8_lossy(&held["teams/t00.html"]).into_owned();
    assert!(
        team.contains("<figure class=\"diagram\"><svg") && !team.contains("language-mermaid"),
        "{team}"
    );
    let feed = held
        .get("feed.xml")
        .map(|b| String::from_utf8_lossy(b).into_owned())
        .expect("a feed");
    assert!(feed.contains("ünïcödé included"), "{feed}");
}

/// `orgbook build` keeps only what the later steps read of each link; `check` and `serve`
/// hold the whole handbook in memory. Both must make the same site.
#[test]
fn the_written_site_equals_the_one_built_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("book");
    generate(&root);
    let out = dir.path().join("out");
    build(&root, &out, usize::MAX);
    let mut written = files(&out);
    // The marker that lets a later build replace the folder, written by `build` alone.
    written.remove(".orgbook-site").expect("the output marker");
    let site = orgbook::site::build(&root, RenderOptions::default());
    let mut in_memory = BTreeMap::new();
    for f in &site.files {
        let bytes = match &f.contents {
            orgbook::render::FileContents::Bytes(b) => b.clone(),
            orgbook::render::FileContents::Static(b) => b.to_vec(),
            orgbook::render::FileContents::Copy(p) => std::fs::read(p).unwrap(),
            orgbook::render::FileContents::Unchanged => unreachable!("a build renders every page"),
        };
        in_memory.insert(f.path.clone(), bytes);
    }
    let only = |a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>| {
        a.keys()
            .filter(|k| !b.contains_key(*k))
            .cloned()
            .collect::<Vec<_>>()
    };
    assert_eq!(
        only(&written, &in_memory),
        Vec::<String>::new(),
        "written only"
    );
    assert_eq!(
        only(&in_memory, &written),
        Vec::<String>::new(),
        "in memory only"
    );
    for (path, bytes) in &written {
        assert!(in_memory[path] == *bytes, "{path} differs");
    }
    assert!(written.contains_key(".gitbook/assets/chart.txt"));
    assert!(!written.contains_key(".gitbook/assets/unused.txt"));
    let home = String::from_utf8_lossy(&written["index.html"]).into_owned();
    assert!(home.contains("https://example.org/handbook#top"), "{home}");
}

/// The stage itself: with compression forced, the bodies are held (their `html` left
/// empty) except those the anchor pass rewrote, and each one held reads back as the body
/// the plain stage rendered.
#[test]
fn the_markdown_stage_holds_every_body_but_the_rewritten_ones() {
    let dir = tempfile::tempdir().unwrap();
    generate(dir.path());
    let stage = |compress_over: usize| {
        let (config, _) = orgbook::site::load_config(dir.path());
        let mut diags = Vec::new();
        let loaded = orgbook::load::load(dir.path(), &mut diags);
        let linked = orgbook::site::link(config, loaded);
        let mut handbook = linked.handbook;
        let (marked, _) = orgbook::site::markdown_stage_dropping_bodies(
            dir.path(),
            &mut handbook,
            &linked.health,
            compress_over,
        );
        marked
    };
    let (plain, held) = (stage(usize::MAX), stage(0));
    let n = plain.rendered.len();
    assert_eq!(held.rendered.len(), n);
    let mut kept_plain = 0;
    for id in 0..n {
        let want = &plain.rendered[id].html;
        assert!(
            plain.bodies.get(id).is_none(),
            "doc {id} held without compression"
        );
        match held.bodies.get(id) {
            Some(body) => {
                assert_eq!(&body, want, "doc {id}");
                assert!(held.rendered[id].html.is_empty(), "doc {id} held twice");
            }
            None => {
                assert_eq!(&held.rendered[id].html, want, "doc {id}");
                kept_plain += 1;
            }
        }
    }
    // Every page and every team links to a page's `#Details`, which the anchor pass
    // rewrites; the decisions and the home page link only to ids that exist.
    assert_eq!(kept_plain, PAGES + TEAMS, "{n} documents");
}
