//! Test harness: copy a fixture handbook to a temporary folder, change files, run the real
//! `orgbook` binary on it and inspect what it wrote (mdBook's `BookTest` idea).

#![allow(dead_code)]

use scraper::{Html, Selector};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const BIN: &str = env!("CARGO_BIN_EXE_orgbook");

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture_dir(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

fn copy_dir(from: &Path, to: &Path) {
    orgbook::text::walk::copy_tree(from, to).unwrap();
}

/// A handbook in a temporary folder.
pub struct TestBook {
    pub dir: tempfile::TempDir,
}

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// A run whose process the test waited for itself (to read its resource usage).
    pub fn for_test(code: i32, stdout: Vec<u8>, stderr: Vec<u8>) -> Run {
        Run {
            code,
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
        }
    }

    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    #[track_caller]
    pub fn success(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn failure(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(&self, needle: &str) -> &Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_lacks(&self, needle: &str) -> &Self {
        assert!(
            !self.stderr.contains(needle),
            "stderr has {needle:?}:\n{}",
            self.stderr
        );
        self
    }
}

impl TestBook {
    /// Runs, in the handbook folder, the shell command a diagnostic's help gives in
    /// backticks: the first that starts with `starts` and names `file`. The fix a help
    /// prints must work as a user would paste it.
    #[track_caller]
    pub fn run_help_command(&self, run: &Run, starts: &str, file: &str) {
        let command = run
            .stderr
            .split('`')
            .find(|part| part.starts_with(starts) && part.contains(file))
            .unwrap_or_else(|| panic!("no `{starts}…{file}…` command in:\n{}", run.stderr));
        let status = std::process::Command::new("sh")
            .args(["-c", command])
            .current_dir(self.root())
            .status()
            .unwrap();
        assert!(status.success(), "`{command}` failed");
    }
}

impl TestBook {
    pub fn fixture(name: &str) -> TestBook {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture_dir(name), dir.path());
        TestBook { dir }
    }

    /// The example handbook bundled at the repository root.
    pub fn bundled() -> TestBook {
        TestBook::bundled_in(&std::env::temp_dir())
    }

    /// Fixture `name`, in a new temporary folder inside `parent`.
    pub fn fixture_in(name: &str, parent: &Path) -> TestBook {
        let dir = tempfile::tempdir_in(parent).unwrap();
        copy_dir(&fixture_dir(name), dir.path());
        TestBook { dir }
    }

    /// The bundled example handbook, in a new temporary folder inside `parent`.
    pub fn bundled_in(parent: &Path) -> TestBook {
        let dir = tempfile::tempdir_in(parent).unwrap();
        std::fs::copy(
            repo_root().join("orgbook.toml"),
            dir.path().join("orgbook.toml"),
        )
        .unwrap();
        copy_dir(&repo_root().join("content"), &dir.path().join("content"));
        // The monorepo CODEOWNERS file `[codeowners]` names.
        copy_dir(
            &repo_root().join("examples/kettleby"),
            &dir.path().join("examples/kettleby"),
        );
        TestBook { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap()
    }

    /// Replaces `from` with `to` in a file, failing if `from` is absent.
    #[track_caller]
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} lacks {from:?}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    pub fn remove(&self, rel: &str) -> &Self {
        std::fs::remove_file(self.root().join(rel)).unwrap();
        self
    }

    pub fn run(&self, args: &[&str]) -> Run {
        run_in(self.root(), args)
    }

    pub fn build(&self) -> Run {
        let root = self.root().to_string_lossy().into_owned();
        let out = self.out().to_string_lossy().into_owned();
        self.run(&["build", "--root", &root, "--output", &out])
    }

    pub fn output_file(&self, rel: &str) -> String {
        std::fs::read_to_string(self.out().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.output_file(rel))
    }
}

/// Runs the binary in `dir` (a handbook's folder, or a folder inside one), on the tests'
/// fixed date.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("ORGBOOK_TODAY", "2026-11-25")
        .output()
        .unwrap();
    Run::from(out)
}

/// `orgbook check --format json`'s diagnostics, one JSON object each.
pub fn json_diagnostics(book: &TestBook) -> Vec<serde_json::Value> {
    book.run(&["check", "--format", "json"])
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}")))
        .collect()
}

/// The value of attribute `name` on the first element `selector` matches.
pub fn attr(doc: &Html, selector: &str, name: &str) -> Option<String> {
    doc.select(&sel(selector))
        .next()
        .and_then(|e| e.value().attr(name).map(String::from))
}

pub fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// Texts of all elements matching `selector`.
pub fn texts(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The cell texts of each row matching `row_selector`.
pub fn row_cells(doc: &Html, row_selector: &str) -> Vec<Vec<String>> {
    let cell = sel("td, th");
    doc.select(&sel(row_selector))
        .map(|row| {
            row.select(&cell)
                .map(|c| {
                    c.text()
                        .collect::<String>()
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        })
        .collect()
}

/// `href`s of all links matching `selector`.
pub fn hrefs(doc: &Html, selector: &str) -> Vec<String> {
    doc.select(&sel(selector))
        .filter_map(|e| e.value().attr("href").map(str::to_string))
        .collect()
}

/// The `href` of the one link in the page's `.prose` whose text is `text` (every link
/// there has one: a broken link has none).
#[track_caller]
pub fn href_of(page: &Html, text: &str) -> String {
    let found: Vec<String> = texts(page, ".prose a")
        .into_iter()
        .zip(hrefs(page, ".prose a"))
        .filter(|(shown, _)| shown == text)
        .map(|(_, href)| href)
        .collect();
    assert_eq!(found.len(), 1, "links named {text:?}: {found:?}");
    found.into_iter().next().unwrap()
}

/// The pages the "Next" links lead through, from `first` (paths from the site's root), at
/// most 20.
pub fn reading_order(book: &TestBook, first: &str) -> Vec<String> {
    let mut order = vec![first.to_string()];
    while order.len() < 20 {
        let page = book.html(order.last().unwrap());
        let Some(next) = hrefs(&page, ".prev-next a[rel=next]").pop() else {
            break;
        };
        let depth = order.last().unwrap().matches('/').count();
        order.push(next.trim_start_matches(&"../".repeat(depth)).to_string());
    }
    order
}

/// The sidebar's folder titles and page links, as the page `rel` shows them (a closed
/// folder by its title only).
pub fn sidebar(book: &TestBook, rel: &str) -> Vec<String> {
    texts(&book.html(rel), ".sidebar summary, .sidebar a")
        .into_iter()
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty() && t != "In this section")
        .collect()
}

/// All files below `dir`, relative, `/`-separated.
pub fn files_under(dir: &Path) -> BTreeSet<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

fn is_external(url: &str) -> bool {
    url.starts_with("//")
        || url
            .split_once(':')
            .is_some_and(|(s, _)| !s.contains('/') && !s.contains('#'))
}

/// Follows every internal link, image and script in every HTML page of `out`: each must
/// point at an existing file and, when it has a `#fragment` into an HTML page, at an
/// existing id. Returns the number of links checked. `skip` lists pages whose links are
/// not relative by design (404.html).
#[track_caller]
pub fn check_all_links(out: &Path, skip: &[&str]) -> usize {
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut ids_cache: std::collections::HashMap<PathBuf, BTreeSet<String>> = Default::default();
    let link_sel = sel("a[href], link[href], img[src], script[src]");
    for rel in files_under(out)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
    {
        if skip.contains(&rel.as_str()) {
            continue;
        }
        let path = out.join(&rel);
        let doc = Html::parse_document(&std::fs::read_to_string(&path).unwrap());
        for el in doc.select(&link_sel) {
            let url = el
                .value()
                .attr("href")
                .or_else(|| el.value().attr("src"))
                .unwrap();
            if is_external(url) || url.starts_with("/__orgbook/") {
                continue;
            }
            if url.starts_with('/') {
                problems.push(format!("{rel}: absolute URL {url}"));
                continue;
            }
            let (path_part, fragment) = match url.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (url, None),
            };
            let target = if path_part.is_empty() {
                path.clone()
            } else {
                let decoded = path_part.replace("%20", " ");
                let joined = path
                    .parent()
                    .unwrap()
                    .join(decoded.split('?').next().unwrap());
                normalize(&joined)
            };
            checked += 1;
            if !target.is_file() {
                problems.push(format!("{rel}: {url} → missing {}", target.display()));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty())
                && target.extension().is_some_and(|e| e == "html")
            {
                let ids = ids_cache.entry(target.clone()).or_insert_with(|| {
                    let d = Html::parse_document(&std::fs::read_to_string(&target).unwrap());
                    d.select(&sel("[id]"))
                        .filter_map(|e| e.value().attr("id").map(str::to_string))
                        .collect()
                });
                if !ids.contains(f) {
                    problems.push(format!("{rel}: {url} → no id {f:?}"));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "broken links in output:\n{}",
        problems.join("\n")
    );
    checked
}

fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
}

/// Made-up words of 5 to 9 letters from a fixed seed (xorshift), for handbooks whose term
/// dictionary must span many search shards, as a large handbook's does.
pub struct MadeUpWords(u64);

impl MadeUpWords {
    pub fn new(seed: u64) -> MadeUpWords {
        MadeUpWords(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// The next `n` words.
    pub fn words(&mut self, n: usize) -> Vec<String> {
        (0..n)
            .map(|_| {
                let len = 5 + (self.next() % 5) as usize;
                (0..len)
                    .map(|_| char::from(b'a' + (self.next() % 26) as u8))
                    .collect()
            })
            .collect()
    }
}

/// Writes `text` to `rel` below `root`, creating its folders: for tests that generate a
/// handbook file by file.
pub fn write_under(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The teams of a built site, as its data export `api/teams.json` lists them.
pub fn teams(book: &TestBook) -> Vec<serde_json::Value> {
    let v: serde_json::Value = serde_json::from_str(&book.output_file("api/teams.json")).unwrap();
    v["teams"].as_array().unwrap().clone()
}

/// The team `slug` among `teams`; fails the test, listing them, when there is none.
pub fn team<'t>(teams: &'t [serde_json::Value], slug: &str) -> &'t serde_json::Value {
    teams
        .iter()
        .find(|t| t["slug"] == slug)
        .unwrap_or_else(|| panic!("no team {slug} in {teams:?}"))
}

/// The decisions of the built `api/decisions.json`, by number.
pub fn built_decisions(book: &TestBook) -> std::collections::BTreeMap<u64, serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_str(&book.output_file("api/decisions.json")).unwrap();
    json["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["number"].as_u64().unwrap(), d.clone()))
        .collect()
}

/// The texts `selector` finds in every part of the built handbook index (`handbook.html`
/// and `handbook-index/*`), in order.
pub fn index_entries(book: &TestBook, selector: &str) -> Vec<String> {
    let mut pages = vec!["handbook.html".to_string()];
    if let Ok(entries) = std::fs::read_dir(book.out().join("handbook-index")) {
        for entry in entries {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            pages.push(format!("handbook-index/{name}"));
        }
    }
    pages.sort();
    pages
        .iter()
        .flat_map(|p| texts(&book.html(p), selector))
        .collect()
}
