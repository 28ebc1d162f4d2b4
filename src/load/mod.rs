//! Load stage: walk `content/`, classify each file (charter, decision, page, asset), read it,
//! split off its TOML front matter and parse that into a typed document.
//!
//! Files are read and parsed in parallel; the result is sorted by path so that everything
//! downstream is deterministic. Problems become diagnostics; a file with errors is left out
//! of the returned documents but the others still load, so one build reports everything.

pub mod fields;
mod frontmatter;

pub use frontmatter::{decision_number, is_valid_slug};

use crate::diagnostic::Diagnostic;
use crate::model::{Doc, DocKind, Source};
use crate::text::walk::files_under;
pub use crate::text::walk::is_ignored;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

pub const CONTENT_DIR: &str = "content";

/// What a file under `content/` is, decided by its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileClass {
    Charter,
    Decision,
    Page,
    Asset,
}

/// Classifies a path relative to `content/` (with `/` separators).
pub fn classify(rel: &str) -> FileClass {
    if !rel.ends_with(".md") {
        return FileClass::Asset;
    }
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    let is_index = file_name == "_index.md";
    if rel.starts_with("teams/") && !is_index {
        FileClass::Charter
    } else if rel.starts_with("decisions/") && !is_index {
        FileClass::Decision
    } else {
        FileClass::Page
    }
}

/// Everything the load stage found.
pub struct Loaded {
    pub docs: Vec<Doc>,
    /// Asset paths relative to `content/`, sorted.
    pub assets: Vec<String>,
    /// Markdown files too broken to load (already reported). References to them are not
    /// reported again, so one mistake gives one error, not a cascade.
    pub unparsed: Vec<String>,
}

/// Lists the files under `content/` as `(absolute path, path relative to content/)`, sorted,
/// skipping hidden files and editor droppings ([`crate::text::walk`]).
pub fn list_content(root: &Path) -> Vec<(PathBuf, String)> {
    files_under(&root.join(CONTENT_DIR))
        .into_iter()
        .map(|(rel, abs)| (abs, rel))
        .collect()
}

pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> Loaded {
    let files = list_content(root);
    let (md, assets): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(_, rel)| classify(rel) != FileClass::Asset);
    let results: Vec<(Option<Doc>, Vec<Diagnostic>)> = md
        .par_iter()
        .map(|(path, rel)| {
            let mut file_diags = Vec::new();
            let doc = load_file(path, rel, &mut file_diags);
            (doc, file_diags)
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    let mut unparsed = Vec::new();
    for ((doc, d), (_, rel)) in results.into_iter().zip(&md) {
        match doc {
            Some(doc) => docs.push(doc),
            None => unparsed.push(format!("{CONTENT_DIR}/{rel}")),
        }
        diags.extend(d);
    }
    Loaded {
        docs,
        assets: assets.into_iter().map(|(_, rel)| rel).collect(),
        unparsed,
    }
}

/// Loads one Markdown file; `rel` is its path relative to `content/`.
pub fn load_file(path: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Option<Doc> {
    let file = format!("{CONTENT_DIR}/{rel}");
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
                diags.push(
                    Diagnostic::error("invalid-utf8", &file, "file is not valid UTF-8")
                        .with_help("save the file as UTF-8")
                        .at(&text, at..at + 1),
                );
                return None;
            }
        },
        Err(e) => {
            diags.push(Diagnostic::error(
                "io",
                &file,
                format!("cannot read file: {e}"),
            ));
            return None;
        }
    };
    parse_doc(file, rel, text, diags)
}

/// Parses a document from its text: the pure part of [`load_file`], used by tests and by
/// the dev server when it already has the text.
pub fn parse_doc(
    file: String,
    rel: &str,
    text: String,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    let class = classify(rel);
    let split = match frontmatter::split(&file, &text) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let kind = match class {
        FileClass::Charter => {
            frontmatter::charter(&file, rel, &text, split.toml.clone(), diags).map(DocKind::Team)
        }
        FileClass::Decision => frontmatter::decision(&file, rel, &text, split.toml.clone(), diags)
            .map(DocKind::Decision),
        FileClass::Page | FileClass::Asset => {
            frontmatter::page(&file, rel, &text, split.toml.clone(), diags).map(DocKind::Page)
        }
    };
    // A document with errors is still returned when its front matter yielded the essentials
    // (e.g. a charter with a typo'd key still has its name): the build fails anyway, but
    // links and references to it resolve, so its one mistake is reported once.
    let kind = kind?;
    let url = crate::text::url_safe_path(&output_url(rel, &kind));
    Some(Doc {
        source: Source {
            path: file,
            body_start: split.body_start,
            text,
        },
        url,
        kind,
    })
}

/// The output path of a document, relative to the site root.
pub fn output_url(rel: &str, kind: &DocKind) -> String {
    match kind {
        DocKind::Team(c) => format!("teams/{}.html", c.slug),
        DocKind::Decision(_) => {
            let stem = rel
                .rsplit('/')
                .next()
                .unwrap_or(rel)
                .trim_end_matches(".md");
            format!("decisions/{stem}.html")
        }
        DocKind::Page(_) => {
            let without = rel.trim_end_matches(".md");
            match without.strip_suffix("_index") {
                Some(dir) => format!("{dir}index.html"),
                None => format!("{without}.html"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_by_path() {
        assert_eq!(classify("teams/platform/payments.md"), FileClass::Charter);
        assert_eq!(classify("decisions/0007-x.md"), FileClass::Decision);
        assert_eq!(classify("how-we-work/_index.md"), FileClass::Page);
        assert_eq!(classify("teams/_index.md"), FileClass::Page);
        assert_eq!(classify("how-we-work/flow.svg"), FileClass::Asset);
    }

    #[test]
    fn page_urls() {
        let page = DocKind::Page(Default::default());
        assert_eq!(output_url("_index.md", &page), "index.html");
        assert_eq!(output_url("a/_index.md", &page), "a/index.html");
        assert_eq!(output_url("a/b.md", &page), "a/b.html");
    }
}
