//! The floor: the least any static site generator must do with a handbook — read every
//! `.md` under `content/`, render it with pulldown-cmark, and write one `.html` per file —
//! on all cores. `benches/build.sh` times it beside `orgbook build` on the same handbook
//! in the same run, so their ratio says how much orgbook spends on everything else (links,
//! templates, indexes, org map, search, feeds).
//!
//!     cargo build --release --manifest-path benches/floor/Cargo.toml
//!     benches/floor/target/release/floor HANDBOOK_DIR OUT_DIR
//!
//! Front matter is skipped (not parsed) and no template wraps the HTML: both are work a
//! real generator does, so they belong to orgbook's side of the ratio.

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The extensions orgbook enables (src/markdown/mod.rs), so both parse the same Markdown
/// (definition lists only on pages that write a `: ` line, math only on pages with a `$`
/// that can open a formula: the synthetic ones have neither).
const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_GFM)
    .union(Options::ENABLE_WIKILINKS);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: floor HANDBOOK_DIR OUT_DIR");
        std::process::exit(2);
    }
    let content = Path::new(&args[1]).join("content");
    let out = PathBuf::from(&args[2]);
    let files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.into_path())
        .collect();
    let written: usize = files
        .par_iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("readable Markdown");
            let body = match text.strip_prefix("+++\n") {
                Some(rest) => rest.find("\n+++").map_or(rest, |i| &rest[i + 4..]),
                None => &text,
            };
            let mut html_out = String::with_capacity(body.len() * 3 / 2);
            html::push_html(&mut html_out, Parser::new_ext(body, OPTIONS));
            let rel = path.strip_prefix(&content).expect("under content/");
            let dest = out.join(rel).with_extension("html");
            if let Some(dir) = dest.parent() {
                std::fs::create_dir_all(dir).expect("output folder");
            }
            std::fs::write(&dest, html_out).expect("written");
            1
        })
        .sum();
    eprintln!("floor: {written} pages");
}
