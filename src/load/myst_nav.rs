//! A MyST project's table of contents and external references. mystmd (Jupyter Book 2)
//! lists a site's pages under `project: toc:` in `myst.yml`; Jupyter Book 1 lists them in
//! `_toc.yml` (`root:`, then `chapters:` or `parts:` with a `caption:`, each entry's
//! `sections:` below it). Both are read into one list of content paths, the reading order
//! GitBook's `SUMMARY.md` gives (`link::summary_order`): an entry's `title:` is the page's
//! label in the navigation, and a titled entry without a file (mystmd) or a part's
//! `caption:` (Jupyter Book 1) names the folder its pages share, as MkDocs's sections do.
//! Paths are relative to the file, which sits in `content/` (where the pages are) or beside
//! it; extensions may be left out. `url:`, `pattern:` and `glob:` entries add no page.
//!
//! `myst.yml`'s `project: references:` names other MyST sites (`guide:
//! https://mystmd.org/guide`), which pages link to as `xref:guide/frontmatter`: read here
//! beside the order, since it comes from the same file, and used by the Markdown stage.

use super::{NavOrder, NavSource};
use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;
use std::path::Path;
use yaml_serde::Value;

/// mystmd's project file.
pub const FILE: &str = "myst.yml";

/// Jupyter Book 1's table of contents.
pub const JB_TOC: &str = "_toc.yml";

/// The files' names, in order of precedence.
pub const FILE_NAMES: &[&str] = &[FILE, JB_TOC];

/// The largest file read: a project's settings, never this large.
const MAX_BYTES: u64 = 1 << 22;

/// How deeply entries nest: far beyond a book, short of a runaway.
const MAX_NESTING: usize = 32;

/// Keys under which an entry's entries are listed: mystmd's `children`, Jupyter Book 1's
/// `parts`, `chapters`, `sections`, and its `subtrees` with their `entries`.
const NESTED: &[&str] = &[
    "children", "parts", "chapters", "sections", "subtrees", "entries",
];

/// The file to read (as shown in diagnostics, and its path): `myst.yml` first, then
/// `_toc.yml`; beside `content/` first, then at its top.
pub fn find(root: &Path) -> Option<(String, std::path::PathBuf)> {
    super::find_beside_or_in_content(root, FILE_NAMES, MAX_BYTES)
}

/// The order `file` (its text) gives.
pub fn order(file: &str, text: &str, source: &NavSource, diags: &mut Vec<Diagnostic>) -> NavOrder {
    let what = if file.ends_with(JB_TOC) {
        "Jupyter Book's table of contents"
    } else {
        "MyST's table of contents"
    };
    let Some(value) = super::settings_yaml(
        file,
        text,
        what,
        "fix the YAML; until then pages are ordered as if it were not there",
        diags,
    ) else {
        return NavOrder::default();
    };
    // A file beside `content/` names pages from the handbook's folder.
    let beside = !file.starts_with(super::CONTENT_DIR);
    let mut out = NavOrder::default();
    if file.ends_with(JB_TOC) {
        if let Some(root) = value.get("root").and_then(Value::as_str)
            && let Some(path) = page(root, beside, source)
        {
            out.push(path);
        }
        walk(&value, 0, beside, source, &mut out);
    } else if let Some(toc) = value.get("project").and_then(|p| p.get("toc")) {
        walk(toc, 0, beside, source, &mut out);
    }
    out
}

/// The other MyST sites `myst.yml` names under `project: references:`, by key, each
/// address without a trailing `/`; empty without the file or the key.
pub fn references(root: &Path) -> BTreeMap<String, String> {
    let Some((_, path)) = super::find_beside_or_in_content(root, &[FILE], MAX_BYTES) else {
        return BTreeMap::new();
    };
    let Ok(text) = std::fs::read_to_string(path) else {
        return BTreeMap::new();
    };
    // A file that is not YAML is reported once, by `order`.
    let Ok(value) = yaml_serde::from_str::<Value>(&text) else {
        return BTreeMap::new();
    };
    let Some(Value::Mapping(refs)) = value.get("project").and_then(|p| p.get("references")) else {
        return BTreeMap::new();
    };
    refs.iter()
        .filter_map(|(key, url)| {
            let (key, url) = (key.as_str()?.trim(), url.as_str()?.trim());
            let web = url.starts_with("https://") || url.starts_with("http://");
            (!key.is_empty() && web)
                .then(|| (key.to_string(), url.trim_end_matches('/').to_string()))
        })
        .collect()
}

/// The address `xref:KEY/path#label` leads to when KEY is one of `references`: the site's
/// address with the path and fragment after it (`guide/frontmatter` under
/// `https://mystmd.org/guide` is `https://mystmd.org/guide/frontmatter`). A label alone
/// (`guide#toc-format`) stays a fragment of the site's address: which of its pages holds
/// the label only that site's index knows.
pub fn reference_url(references: &BTreeMap<String, String>, rest: &str) -> Option<String> {
    let end = rest.find(['/', '#']).unwrap_or(rest.len());
    let base = references.get(&rest[..end])?;
    Some(format!("{base}{}", &rest[end..]))
}

/// The content path an entry's file names, if it is a page of the handbook.
fn page(file: &str, beside: bool, source: &NavSource) -> Option<String> {
    let file = file.trim().trim_start_matches("./");
    // Beside `content/`, the file named the pages from the book's folder, moved into
    // `content/` since (or already written as from there).
    let file = match beside {
        true => file.strip_prefix("content/").unwrap_or(file),
        false => file,
    };
    if file.contains("://") || file.contains("..") {
        return None;
    }
    source.page(file)
}

/// The pages of an entry (or a list of them), in order.
fn walk(value: &Value, depth: usize, beside: bool, source: &NavSource, out: &mut NavOrder) {
    if depth > MAX_NESTING {
        return;
    }
    match value {
        Value::Sequence(items) => items
            .iter()
            .for_each(|i| walk(i, depth + 1, beside, source, out)),
        Value::Mapping(_) => {
            let text = |key: &str| value.get(key).and_then(Value::as_str);
            let title = text("title").map(str::trim).filter(|t| !t.is_empty());
            let start = out.pages.len();
            let file = text("file");
            if let Some(path) = file.and_then(|f| page(f, beside, source)) {
                if let Some(label) = title {
                    out.labels.insert(path.clone(), label.to_string());
                }
                out.push(path);
            }
            for key in NESTED {
                if let Some(nested) = value.get(key) {
                    walk(nested, depth + 1, beside, source, out);
                }
            }
            // mystmd's section is a titled entry without a file; Jupyter Book 1's part
            // (or subtree) has a caption.
            let section = text("caption").or(title.filter(|_| file.is_none()));
            if let Some(section) = section {
                out.name_section(start, section);
            }
        }
        Value::Tagged(tagged) => walk(&tagged.value, depth, beside, source, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source() -> NavSource<'static> {
        NavSource::new(
            [
                "index.md",
                "intro.md",
                "get-started/install.md",
                "get-started/init.md",
                "authoring/index.md",
                "authoring/math.md",
                "authoring/notebooks.ipynb",
            ]
            .into_iter(),
        )
    }

    #[test]
    fn mystmd_toc_gives_the_order_labels_and_section_titles() {
        let text = "version: 1\nproject:\n  title: Guide\n  references:\n    guide: https://mystmd.org/guide/\n  toc:\n    - file: index.md\n      title: User Guide\n    - title: Get started\n      children:\n        - file: get-started/install.md\n        - file: get-started/init.md\n    - file: authoring/index.md\n      children:\n        - file: authoring/math.md\n          title: Maths\n        - pattern: \"authoring/*.md\"\n        - url: https://example.com\n          title: Elsewhere\n        - file: ../outside.md\nsite:\n  template: book-theme\n";
        let mut diags = Vec::new();
        let out = order("content/myst.yml", text, &source(), &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out.pages,
            [
                "content/index.md",
                "content/get-started/install.md",
                "content/get-started/init.md",
                "content/authoring/index.md",
                "content/authoring/math.md",
            ]
        );
        assert_eq!(
            out.labels.get("content/index.md").map(String::as_str),
            Some("User Guide")
        );
        assert_eq!(
            out.labels
                .get("content/authoring/math.md")
                .map(String::as_str),
            Some("Maths")
        );
        assert_eq!(
            out.folder_labels,
            [("content/get-started".to_string(), "Get started".to_string())]
        );
    }

    #[test]
    fn jupyter_book_toc_gives_the_root_parts_and_sections() {
        let text = "format: jb-book\nroot: intro\nparts:\n  - caption: Getting started\n    chapters:\n      - file: get-started/install\n        sections:\n          - file: get-started/init\n            title: First steps\n  - caption: Writing\n    numbered: true\n    chapters:\n      - file: authoring/index\n      - glob: authoring/*\n      - file: authoring/notebooks\n";
        let mut diags = Vec::new();
        let out = order(JB_TOC, "", &source(), &mut diags);
        assert!(out.pages.is_empty());
        let out = order(&format!("content/{JB_TOC}"), text, &source(), &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out.pages,
            [
                "content/intro.md",
                "content/get-started/install.md",
                "content/get-started/init.md",
                "content/authoring/index.md",
            ]
        );
        assert_eq!(
            out.labels
                .get("content/get-started/init.md")
                .map(String::as_str),
            Some("First steps")
        );
        assert_eq!(
            out.folder_labels,
            [
                (
                    "content/get-started".to_string(),
                    "Getting started".to_string()
                ),
                ("content/authoring".to_string(), "Writing".to_string()),
            ]
        );
        // Beside content/, paths start at the handbook's folder.
        let out = order(JB_TOC, "root: content/intro\n", &source(), &mut diags);
        assert_eq!(out.pages, ["content/intro.md"]);
        assert!(
            order(FILE, "project: [\n", &source(), &mut diags)
                .pages
                .is_empty()
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
    }

    #[test]
    fn references_lead_to_the_other_sites_pages() {
        let refs: BTreeMap<String, String> =
            [("guide".to_string(), "https://mystmd.org/guide".to_string())].into();
        assert_eq!(
            reference_url(&refs, "guide/frontmatter").as_deref(),
            Some("https://mystmd.org/guide/frontmatter")
        );
        assert_eq!(
            reference_url(&refs, "guide#toc-format").as_deref(),
            Some("https://mystmd.org/guide#toc-format")
        );
        assert_eq!(
            reference_url(&refs, "guide").as_deref(),
            Some("https://mystmd.org/guide")
        );
        assert_eq!(reference_url(&refs, "guides/x"), None);
        assert_eq!(reference_url(&refs, "spec/x"), None);
    }
}
