//! Safety (issue 11): the output folder can never eat the handbook, a folder orgbook did not
//! write is never replaced without `--force`, and dead builds leave nothing behind. Every
//! refusal is checked to leave the whole tree byte-identical.

use crate::harness::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every entry under `dir` (not following symlinks): files with their bytes, folders and
/// symlinks with their targets, so "nothing touched" can be asserted exactly.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let ft = e.file_type();
            let what = if ft.is_symlink() {
                format!("link → {}", std::fs::read_link(e.path()).unwrap().display())
            } else if ft.is_dir() {
                "dir".to_string()
            } else {
                format!("{:?}", std::fs::read(e.path()).unwrap())
            };
            (rel, what)
        })
        .collect()
}

/// The safety fixture (config, README, content, templates/, static/, themes/) in a fresh
/// temporary folder, plus that folder's parent for paths outside the handbook.
struct Repo {
    book: TestBook,
    outside: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        Repo {
            book: TestBook::fixture("safety/repo"),
            outside: tempfile::tempdir().unwrap(),
        }
    }

    fn root(&self) -> &Path {
        self.book.root()
    }

    fn build_to(&self, root: &Path, output: &Path, extra: &[&str]) -> Run {
        let root = root.to_string_lossy().into_owned();
        let out = output.to_string_lossy().into_owned();
        let mut args = vec!["build", "--root", &root, "--output", &out];
        args.extend_from_slice(extra);
        self.book.run(&args)
    }

    /// Runs a build that must be refused, and checks that neither the handbook nor the
    /// folder beside it changed.
    #[track_caller]
    fn refused(&self, root: &Path, output: &Path, extra: &[&str], needles: &[&str]) -> Run {
        let before = (snapshot(self.root()), snapshot(self.outside.path()));
        let run = self.build_to(root, output, extra);
        run.failure(1).stderr_has("refusing");
        for n in needles {
            run.stderr_has(n);
        }
        run.stderr_has("= help:").stderr_lacks("Building");
        let after = (snapshot(self.root()), snapshot(self.outside.path()));
        assert_eq!(before, after, "a refused build changed files");
        run
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[test]
#[cfg(unix)]
fn output_into_content_through_a_symlinked_root_is_refused() {
    let repo = Repo::new();
    let link = repo.outside.path().join("handbook-link");
    symlink(repo.root(), &link);
    repo.refused(
        &link,
        &link.join("content"),
        &[],
        &["is the handbook's content", "--output"],
    );
    repo.refused(
        &link,
        &link.join("content/guide"),
        &[],
        &["lies inside the handbook's content"],
    );
    // --force never allows it.
    repo.refused(&link, &link.join("content"), &["--force"], &["content"]);
}

#[test]
fn output_that_is_or_holds_a_source_folder_is_refused() {
    let repo = Repo::new();
    let root = repo.root().to_path_buf();
    for (output, needle) in [
        (root.join("templates"), "is the handbook's templates"),
        (root.join("static"), "is the handbook's static"),
        (root.join("static/img"), "lies inside the handbook's static"),
        (root.join("themes"), "is the handbook's themes"),
        (
            root.join("themes/house/static"),
            "lies inside the handbook's themes",
        ),
        (root.join("orgbook.toml"), "is the handbook's orgbook.toml"),
        (root.clone(), "is the handbook"),
        (root.join("content/../."), "is the handbook"),
        (
            root.parent().unwrap().to_path_buf(),
            "contains the handbook",
        ),
    ] {
        let run = repo.refused(&root, &output, &["--force"], &[needle]);
        // The help names a safe place.
        run.stderr_has(&format!(
            "--output {}",
            std::fs::canonicalize(&root)
                .unwrap()
                .join("public")
                .display()
        ));
    }
}

#[test]
#[cfg(unix)]
fn output_reached_through_a_symlink_into_the_sources_is_refused() {
    let repo = Repo::new();
    // public/ is a symlink to content/ (a "clever" setup that once deleted every source).
    symlink(&repo.root().join("content"), &repo.root().join("public"));
    repo.refused(
        repo.root(),
        &repo.root().join("public"),
        &["--force"],
        &["content"],
    );
    // A content/ that is itself a symlink elsewhere: its target is protected too.
    let repo = Repo::new();
    let real_content = repo.outside.path().join("real-content");
    std::fs::rename(repo.root().join("content"), &real_content).unwrap();
    symlink(&real_content, &repo.root().join("content"));
    repo.refused(repo.root(), &real_content, &[], &["content"]);
    repo.refused(
        repo.root(),
        repo.outside.path(),
        &[],
        &["contains the handbook's content"],
    );
}

#[test]
fn a_non_empty_folder_orgbook_did_not_write_needs_force() {
    let repo = Repo::new();
    let out = repo.outside.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "my own notes").unwrap();
    let run = repo.refused(repo.root(), &out, &[], &["did not write it", "--force"]);
    run.stderr_has(&std::fs::canonicalize(&out).unwrap().display().to_string());

    repo.build_to(repo.root(), &out, &["--force"]).success();
    assert!(!out.join("notes.txt").exists());
    assert!(out.join(".orgbook-site").is_file());
    assert!(out.join("index.html").is_file());
    // From now on the folder is ours: no --force needed.
    repo.build_to(repo.root(), &out, &[]).success();
}

#[test]
fn empty_or_missing_output_folders_are_fine() {
    let repo = Repo::new();
    let empty = repo.outside.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    repo.build_to(repo.root(), &empty, &[]).success();
    let missing = repo.outside.path().join("a/b/site");
    repo.build_to(repo.root(), &missing, &[]).success();
    assert!(missing.join("teams/platform.html").is_file());
    // The default output, public/ inside the handbook, is allowed.
    repo.book.build().success();
    assert!(repo.book.out().join(".orgbook-site").is_file());
}

#[test]
fn output_written_by_an_orgbook_without_the_marker_is_replaced() {
    let repo = Repo::new();
    repo.book.build().success();
    // What an earlier version left: the same site, no marker.
    std::fs::remove_file(repo.book.out().join(".orgbook-site")).unwrap();
    std::fs::write(repo.book.out().join("stale.html"), "old page").unwrap();
    repo.book.build().success();
    assert!(repo.book.out().join(".orgbook-site").is_file());
    assert!(!repo.book.out().join("stale.html").exists());
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let repo = Repo::new();
    let file = repo.outside.path().join("site.html");
    std::fs::write(&file, "<p>mine</p>").unwrap();
    repo.refused(
        repo.root(),
        &file,
        &["--force"],
        &["is a file, not a folder"],
    );
}

fn set_old(path: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

#[test]
fn temporary_folders_of_dead_builds_are_removed_by_the_next_build() {
    let repo = Repo::new();
    let parent = repo.root();
    let dead_new: PathBuf = parent.join(".public.orgbook-new-4194301");
    let dead_old: PathBuf = parent.join(".public.orgbook-old-4194302");
    let dead_unmarked: PathBuf = parent.join(".public.orgbook-new-4194303");
    let live: PathBuf = parent.join(".public.orgbook-new-4194304");
    for d in [&dead_new, &dead_old, &dead_unmarked, &live] {
        std::fs::create_dir_all(d.join("teams")).unwrap();
        std::fs::write(d.join("teams/half-written.html"), "<h1>Pla").unwrap();
    }
    for d in [&dead_new, &dead_old, &live] {
        std::fs::write(d.join(".orgbook-site"), "").unwrap();
    }
    set_old(&dead_unmarked);
    // A build still running holds the lock on its marker: its folder must survive.
    let lock = std::fs::File::open(live.join(".orgbook-site")).unwrap();
    lock.lock().unwrap();
    // Another tool's hidden folder with a similar name is none of our business.
    let other = parent.join(".public.orgbook-notes");
    std::fs::create_dir(&other).unwrap();

    repo.book.build().success();
    assert!(!dead_new.exists(), "dead temporary folder left behind");
    assert!(!dead_old.exists(), "dead previous-site folder left behind");
    assert!(
        !dead_unmarked.exists(),
        "dead unmarked temporary folder left behind"
    );
    assert!(
        live.join("teams/half-written.html").is_file(),
        "a live build's folder was removed"
    );
    assert!(other.is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("orgbook-new") || n.contains("orgbook-old"))
        .collect();
    assert_eq!(leftovers, vec![".public.orgbook-new-4194304".to_string()]);
    drop(lock);
}

#[test]
fn repeated_builds_are_byte_identical_and_carry_the_marker() {
    let repo = Repo::new();
    repo.book.build().success();
    let first = snapshot(&repo.book.out());
    assert!(first.contains_key(".orgbook-site"));
    repo.book.build().success();
    assert_eq!(first, snapshot(&repo.book.out()));
}

/// Item 2 (and issue 10 item 8): one file, one writer.
mod collisions {
    use super::*;

    /// Builds once (the previous site), adds `files`, builds again: the second build must
    /// fail with an `output-collision` naming both sources and leave the previous site
    /// byte-identical.
    #[track_caller]
    fn collides(files: &[(&str, &str)], at: &str, output: &str, other: &str) {
        let repo = Repo::new();
        repo.book.build().success();
        let before = snapshot(&repo.book.out());
        for (path, text) in files {
            repo.book.write(path, text);
        }
        let run = repo.book.build();
        run.failure(1);
        let wanted = format!("{at} would be written to {output}, which {other} also writes");
        run.stderr_has("error[output-collision]")
            .stderr_has(&wanted)
            .stderr_has(&format!("--> {at}"));
        assert_eq!(before, snapshot(&repo.book.out()), "previous site changed");
    }

    #[test]
    fn a_content_asset_cannot_replace_the_search_index() {
        // 3 MB, the size of the file that came out torn when both were written at once.
        let big = "x".repeat(3 << 20);
        collides(
            &[("content/search/index.js", &big)],
            "content/search/index.js",
            "search/index.js",
            "the search index (search/index.js)",
        );
    }

    #[test]
    fn a_content_asset_cannot_replace_the_json_api() {
        collides(
            &[("content/api/teams.json", "[]")],
            "content/api/teams.json",
            "api/teams.json",
            "the JSON API (api/teams.json)",
        );
    }

    #[test]
    fn static_files_cannot_replace_generated_pages() {
        collides(
            &[("static/index.html", "<h1>mine</h1>")],
            "static/index.html",
            "index.html",
            "content/_index.md",
        );
        for generated in [
            "search.html",
            "health.html",
            "feed.xml",
            "sitemap.xml",
            "teams/index.html",
        ] {
            collides(
                &[(&format!("static/{generated}"), "mine")],
                &format!("static/{generated}"),
                generated,
                &format!("the page orgbook generates at {generated}"),
            );
        }
    }

    #[test]
    fn content_assets_cannot_replace_generated_or_theme_files() {
        collides(
            &[("content/teams/index.html", "<p>team list</p>")],
            "content/teams/index.html",
            "teams/index.html",
            "the page orgbook generates at teams/index.html",
        );
        collides(
            &[("content/orgbook/style.css", "body{}")],
            "content/orgbook/style.css",
            "orgbook/style.css",
            "the built-in theme's orgbook/style.css",
        );
        // An asset beside the Markdown page that becomes the same HTML file.
        collides(
            &[("content/guide/setup.html", "<p>old export</p>")],
            "content/guide/setup.html",
            "guide/setup.html",
            "content/guide/setup.md",
        );
    }

    #[test]
    fn a_static_file_and_a_content_asset_cannot_share_a_path() {
        collides(
            &[("content/img/README.txt", "also here")],
            "content/img/README.txt",
            "img/README.txt",
            "static/img/README.txt",
        );
    }

    #[test]
    fn static_overrides_of_theme_files_stay_allowed() {
        // The documented layering: static/ replaces a theme file of the same name.
        let repo = Repo::new();
        repo.book
            .write("static/orgbook/style.css", "body { color: teal }");
        repo.book.build().success();
        assert_eq!(
            repo.book.output_file("orgbook/style.css"),
            "body { color: teal }"
        );
    }

    #[test]
    fn collisions_are_located_in_json_too() {
        let repo = Repo::new();
        repo.book.write("static/health.html", "mine");
        let run = repo.book.run(&["check", "--format", "json"]);
        run.failure(1);
        let diag: serde_json::Value = run
            .stdout
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|d| d["code"] == "output-collision")
            .expect("an output-collision diagnostic");
        assert_eq!(diag["file"], "static/health.html");
        assert_eq!(diag["severity"], "error");
    }
}

/// Item 3: no script from content runs in a reader's browser by default.
mod html {
    use super::*;

    const HOSTILE: &str = r#"# Tricks

[click](javascript:alert('md-link')) and ![img](data:text/html;base64,PHNjcmlwdD4=)
and [fine](https://example.com) and ![pixel](data:image/png;base64,iVBORw0KGgo=)

<a href="JaVaScRiPt:alert('raw-link')">raw</a> <img src="../img/logo.png" onerror="alert('onerror')">

<script>alert('script')</script>
<style>body { display: none }</style>
<iframe src="https://evil.example/"></iframe>
<p onclick="alert('onclick')">para</p>

<details>
<summary>More</summary>

Press <kbd>Ctrl</kbd>+<kbd>K</kbd>; x<sup>2</sup>, H<sub>2</sub>O.

</details>

<table><tr><td>cell</td></tr></table>

<a name="legacy-anchor"></a><span id="raw-id">target</span>

See <a href="setup.md#setting-up">setup</a> and <img src="../img/logo.png" alt="logo">.
"#;

    fn hostile_repo() -> Repo {
        let repo = Repo::new();
        repo.book.write("content/guide/tricks.md", HOSTILE);
        repo.book.write("content/img/logo.png", "png");
        repo
    }

    /// Every attribute value that a browser follows or loads, in every HTML file of `out`.
    fn followed_urls(out: &Path) -> Vec<(String, String)> {
        let mut urls = Vec::new();
        let s = sel("[href], [src], [poster], [action], [formaction]");
        for rel in files_under(out)
            .into_iter()
            .filter(|f| f.ends_with(".html"))
        {
            let doc = Html::parse_document(&std::fs::read_to_string(out.join(&rel)).unwrap());
            for el in doc.select(&s) {
                for a in ["href", "src", "poster", "action", "formaction"] {
                    if let Some(v) = el.value().attr(a) {
                        urls.push((rel.clone(), v.to_string()));
                    }
                }
            }
        }
        urls
    }

    use scraper::Html;

    /// The rendered Markdown body of a page (the theme's own scripts are not content).
    fn prose(book: &TestBook, rel: &str) -> String {
        let doc = book.html(rel);
        let body = doc.select(&sel("div.prose")).next().expect("a .prose body");
        body.inner_html()
    }

    fn set_policy(repo: &Repo, policy: &str) {
        let config = repo.book.read("orgbook.toml");
        repo.book.write(
            "orgbook.toml",
            &format!("{config}[markdown]\nraw_html = \"{policy}\"\n"),
        );
    }

    #[test]
    fn unsafe_urls_are_neutralised_with_located_warnings() {
        let repo = hostile_repo();
        let run = repo.book.build();
        run.success();
        for at in [
            "content/guide/tricks.md:3:1",
            "content/guide/tricks.md:3:",
            "content/guide/tricks.md:6:",
        ] {
            run.stderr_has(at);
        }
        run.stderr_has("warning[unsafe-url]")
            .stderr_has("`javascript:` URL was neutralised");
        let page = prose(&repo.book, "guide/tricks.html");
        for gone in [
            "alert(",
            "javascript:",
            "JaVaScRiPt",
            "data:text/html",
            "<script",
            "<style",
            "<iframe",
            "onerror",
            "onclick",
        ] {
            assert!(!page.contains(gone), "{gone} survived:\n{page}");
        }
        for (file, url) in followed_urls(&repo.book.out()) {
            let lower = url.to_ascii_lowercase();
            assert!(
                !lower.trim_start().starts_with("javascript:") && !lower.starts_with("data:text"),
                "{file}: {url}"
            );
        }
        // Harmless schemes and raster data images stay.
        assert!(page.contains("href=\"https://example.com\""));
        assert!(page.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""));
    }

    #[test]
    fn sanitized_html_keeps_what_github_keeps() {
        let repo = hostile_repo();
        repo.book.build().success();
        let doc = repo.book.html("guide/tricks.html");
        assert_eq!(texts(&doc, "details summary"), vec!["More"]);
        assert_eq!(texts(&doc, "details kbd"), vec!["Ctrl", "K"]);
        assert_eq!(texts(&doc, "sup"), vec!["2"]);
        assert_eq!(texts(&doc, "sub"), vec!["2"]);
        assert_eq!(texts(&doc, "table td"), vec!["cell"]);
        assert_eq!(doc.select(&sel("a[name=legacy-anchor]")).count(), 1);
        assert_eq!(texts(&doc, "#raw-id"), vec!["target"]);
        // The paragraph stays; only its event handler goes.
        assert!(texts(&doc, "div.prose p").iter().any(|p| p == "para"));
    }

    #[test]
    fn raw_html_urls_go_through_the_link_resolver() {
        let repo = hostile_repo();
        repo.book.build().success();
        let doc = repo.book.html("guide/tricks.html");
        let hrefs = hrefs(&doc, "a");
        assert!(
            hrefs.contains(&"../guide/setup.html#setting-up".to_string()),
            "{hrefs:?}"
        );
        let srcs: Vec<_> = doc
            .select(&sel("img"))
            .filter_map(|e| e.value().attr("src").map(str::to_string))
            .collect();
        assert!(srcs.contains(&"../img/logo.png".to_string()), "{srcs:?}");
        check_all_links(&repo.book.out(), &["404.html"]);
    }

    #[test]
    fn broken_raw_html_links_are_reported_and_ids_are_anchors() {
        let repo = Repo::new();
        repo.book.write(
            "content/guide/raw.md",
            "# Raw\n\n<a id=\"old-name\"></a>\n\nText.\n\n<img src=\"missing.png\"> <video src=\"gone.mp4\" poster=\"also-gone.png\"></video>\n",
        );
        repo.book.write(
            "content/guide/other.md",
            "See [the old name](raw.md#old-name).\n",
        );
        let run = repo.book.build();
        run.failure(1)
            .stderr_has("error[broken-link]")
            .stderr_has("content/guide/raw.md:7:11")
            .stderr_has("missing.png")
            .stderr_has("gone.mp4")
            .stderr_has("also-gone.png")
            .stderr_lacks("missing-anchor");
    }

    #[test]
    fn raw_html_policy_escape_and_allow() {
        let repo = hostile_repo();
        set_policy(&repo, "escape");
        repo.book.build().success();
        let body = prose(&repo.book, "guide/tricks.html");
        assert!(body.contains("&lt;details&gt;"), "{body}");
        assert!(
            !body.contains("<details") && !body.contains("<script"),
            "{body}"
        );

        let repo = hostile_repo();
        set_policy(&repo, "allow");
        repo.book.build().success();
        let body = prose(&repo.book, "guide/tricks.html");
        // Trusted authors keep their HTML, but schemes that run code are still neutralised.
        assert!(
            body.contains("<iframe src=\"https://evil.example/\">"),
            "{body}"
        );
        assert!(body.contains("<details>"), "{body}");
        assert!(!body.to_ascii_lowercase().contains("javascript:"), "{body}");

        let repo = Repo::new();
        set_policy(&repo, "yes");
        repo.book
            .build()
            .failure(1)
            .stderr_has("error[invalid-value]")
            .stderr_has("orgbook.toml:5:12")
            .stderr_has("sanitize, allow, escape");
    }

    #[test]
    #[cfg(unix)]
    fn file_names_become_url_safe_everywhere() {
        let repo = Repo::new();
        repo.book
            .write("content/javascript:alert(1).md", "# Scheme\n\nHello.\n");
        repo.book.write(
            "content/guide/Getting Started.md",
            "# Start\n\nSee [scheme](../javascript:alert(1).md).\n",
        );
        repo.book.build().success();
        let out = repo.book.out();
        assert!(out.join("javascript-alert-1.html").is_file());
        assert!(out.join("guide/getting-started.html").is_file());
        for (file, url) in followed_urls(&out) {
            assert!(
                !url.to_ascii_lowercase().starts_with("javascript:"),
                "{file}: {url}"
            );
        }
        for rel in files_under(&out) {
            let text = std::fs::read_to_string(out.join(&rel)).unwrap_or_default();
            for needle in [
                "\"javascript:",
                ">javascript:",
                "'javascript:",
                "href=javascript",
            ] {
                assert!(!text.contains(needle), "{rel} contains {needle}");
            }
        }
        check_all_links(&out, &["404.html"]);
    }

    #[test]
    fn base_url_and_theme_are_validated() {
        for (line, bad, needle) in [
            (
                "base_url = \"javascript:alert(1)\"",
                "base_url",
                "is not an http(s) URL or a path",
            ),
            (
                "base_url = \"//evil.example\"",
                "base_url",
                "is not an http(s) URL or a path",
            ),
            (
                "theme = \"../../elsewhere\"",
                "theme",
                "is not a folder name",
            ),
            ("theme = \"/etc\"", "theme", "is not a folder name"),
        ] {
            let repo = Repo::new();
            let config = format!("title = \"Acme\"\n{line}\n");
            repo.book.write("orgbook.toml", &config);
            let run = repo.book.build();
            run.failure(1)
                .stderr_has("error[invalid-value]")
                .stderr_has("--> orgbook.toml:2:")
                .stderr_has(needle)
                .stderr_has(bad);
        }
    }
}

/// Item 3: what orgbook prints cannot rewrite a terminal or forge a CI annotation.
mod printed {
    use super::*;

    #[test]
    fn control_characters_from_content_are_escaped_in_every_format() {
        let repo = Repo::new();
        repo.book.write(
            "content/teams/platform.md",
            &repo.book.read("content/teams/platform.md").replacen(
                "+++\n",
                "+++\n\"\\u001b[2J\\u009b31m\\u202eevil\\n::error file=x::forged\" = 1\n",
                1,
            ),
        );
        for format in ["human", "github", "json"] {
            let run = repo.book.run(&["check", "--format", format]);
            run.failure(1);
            let all = format!("{}{}", run.stdout, run.stderr);
            let bad: Vec<char> = all
                .chars()
                .filter(|&c| {
                    (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)
                })
                .collect();
            assert!(bad.is_empty(), "{format}: raw {bad:?} in\n{all}");
            assert!(all.contains("u{1b}[2J"), "{format}: {all}");
            assert!(
                !all.lines().any(|l| l.starts_with("::error file=x")),
                "{format}: forged annotation in\n{all}"
            );
        }
    }

    #[test]
    fn a_huge_line_is_shown_cut_around_the_error() {
        let repo = Repo::new();
        let line = format!(
            "{} [broken](nowhere.md) {}",
            "word ".repeat(20_000),
            "tail ".repeat(20_000)
        );
        repo.book
            .write("content/guide/long.md", &format!("# Long\n\n{line}\n"));
        let run = repo.book.run(&["check"]);
        run.failure(1).stderr_has("error[broken-link]");
        let snippet = run
            .stderr
            .lines()
            .find(|l| l.starts_with("3 | "))
            .expect("a snippet line");
        assert!(snippet.chars().count() < 120, "{snippet}");
        assert!(snippet.contains("[broken](nowhere.md)"), "{snippet}");
        assert!(
            run.stderr.len() < 4000,
            "{} bytes of stderr",
            run.stderr.len()
        );
    }
}
