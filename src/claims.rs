//! One file, one writer: every path of the built site is claimed by exactly one source
//! before anything is written.
//!
//! The render stage produces pages (from content documents), orgbook's own generated files
//! (indexes, search index, JSON API, feed, sitemap), the theme's static files, the handbook's
//! `static/` files and content assets. Layering between the theme and `static/` is a
//! documented override and is resolved before this stage; any other pair of sources that
//! lands on one output path is an `output-collision` error naming both, so that no source is
//! silently dropped and no two writers ever race for one file (the cause of torn files when
//! a content asset `search/index.js` was copied while the search index was written).

use crate::diagnostic::{Diagnostic, display_path};
use crate::model::Handbook;
use crate::render::{FileContents, OutputFile};
use std::collections::HashMap;
use std::path::Path;

/// Where an output file comes from, in words a handbook author recognises.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Origin {
    /// A file of the handbook (page source, `static/` file, content asset), root-relative.
    Source(String),
    /// Something orgbook writes itself.
    Generated(String),
}

impl Origin {
    fn describe(&self) -> String {
        match self {
            Origin::Source(p) => p.clone(),
            Origin::Generated(what) => what.clone(),
        }
    }
}

fn origin(root: &Path, handbook_urls: &HashMap<&str, &str>, file: &OutputFile) -> Origin {
    match &file.contents {
        FileContents::Copy(src) => {
            let rel = display_path(root, src);
            if src.starts_with(root) {
                Origin::Source(rel)
            } else {
                Origin::Source(src.display().to_string())
            }
        }
        FileContents::Static(_) => Origin::Generated(format!("the built-in theme's {}", file.path)),
        FileContents::Bytes(_) | FileContents::Unchanged => {
            match handbook_urls.get(file.path.as_str()) {
                Some(source) => Origin::Source((*source).to_string()),
                None => Origin::Generated(generated_name(&file.path)),
            }
        }
    }
}

fn generated_name(path: &str) -> String {
    if path.starts_with("search/") {
        format!("the search index ({path})")
    } else if path.starts_with("api/") {
        format!("the JSON API ({path})")
    } else {
        format!("the page orgbook generates at {path}")
    }
}

/// Claims every path of `files`; each collision is an error at the handbook file involved
/// (the later one when both are handbook files), naming the other source.
pub fn check(root: &Path, handbook: &Handbook, files: &[OutputFile]) -> Vec<Diagnostic> {
    let urls: HashMap<&str, &str> = handbook
        .docs
        .iter()
        .map(|d| (d.url.as_str(), d.source.path.as_str()))
        .collect();
    let mut claimed: HashMap<&str, Origin> = HashMap::with_capacity(files.len());
    let mut diags = Vec::new();
    for f in files {
        let this = origin(root, &urls, f);
        let Some(first) = claimed.get(f.path.as_str()) else {
            claimed.insert(&f.path, this);
            continue;
        };
        // Report at a handbook file: that is what the author can rename.
        let (at, other) = match (&this, first) {
            (Origin::Source(p), _) => (p.clone(), first.describe()),
            (Origin::Generated(_), Origin::Source(p)) => (p.clone(), this.describe()),
            (Origin::Generated(_), Origin::Generated(_)) => {
                (crate::config::CONFIG_FILE.to_string(), first.describe())
            }
        };
        diags.push(
            Diagnostic::error(
                "output-collision",
                &at,
                format!(
                    "{at} would be written to {}, which {other} also writes",
                    f.path
                ),
            )
            .with_help(
                "rename or move one of the two; every file of the site has exactly one source",
            ),
        );
    }
    diags
}
