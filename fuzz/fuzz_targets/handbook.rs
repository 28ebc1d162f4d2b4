//! A whole tiny handbook through load → link → Markdown → render: the input is split on
//! `\n%%\n` into orgbook.toml, a charter, a decision, a page, the home page, a
//! CODEOWNERS file, DocFX's root toc.yml, an awesome-pages `.pages` file for the
//! page's folder, a team folder's index page, read as the team's charter from its
//! headings, a Sphinx `conf.py` (its MyST substitutions), Jupyter Book's `_toc.yml` and
//! `_config.yml`, and a Jekyll page in HTML (front matter, Liquid and HTML; these written
//! only when their part is not empty),
//! written to a temporary folder (in /dev/shm when there is one), and
//! built in memory (nothing written to an output folder). No input may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

const FILES: &[&str] = &[
    "orgbook.toml",
    "content/teams/platform.md",
    "content/decisions/0001-use-postgres.md",
    "content/guide/setup.md",
    "content/_index.md",
    "CODEOWNERS",
    "toc.yml",
    "content/guide/.pages",
    "content/teams/search/index.md",
    "content/conf.py",
    "_toc.yml",
    "_config.yml",
    "content/guide/about.html",
];

fn dir() -> &'static std::path::Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let shm = std::path::Path::new("/dev/shm");
        let d = if shm.is_dir() { tempfile::tempdir_in(shm) } else { tempfile::tempdir() };
        d.expect("temporary folder")
    })
    .path()
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let root = dir();
    let _ = std::fs::remove_dir_all(root.join("content"));
    std::fs::create_dir_all(root.join("content/teams")).unwrap();
    std::fs::create_dir_all(root.join("content/decisions")).unwrap();
    std::fs::create_dir_all(root.join("content/guide")).unwrap();
    std::fs::create_dir_all(root.join("content/teams/search")).unwrap();
    let mut parts = text.split("\n%%\n");
    for f in FILES {
        let part = parts.next().unwrap_or("");
        let part = if *f == "orgbook.toml" && part.is_empty() { "title = \"F\"\n" } else { part };
        let optional =
            ["toc.yml", "content/conf.py", "_toc.yml", "_config.yml", "content/guide/about.html"];
        if optional.contains(f) || f.ends_with(".pages") || f.ends_with("index.md") {
            // Present only when given: its absence is the common case.
            let _ = std::fs::remove_file(root.join(f));
            if part.is_empty() {
                continue;
            }
        }
        std::fs::write(root.join(f), part).unwrap();
    }
    let site = orgbook::site::build(root, orgbook::render::RenderOptions::default());
    for d in &site.diagnostics {
        let _ = orgbook::diagnostic::render(d, orgbook::diagnostic::Format::Github);
    }
});
