//! Quarto's page order. A Quarto website's `_quarto.yml` lists its sidebar under
//! `website: sidebar: contents:`: files from the project's root (`onboarding/index.qmd`),
//! entries with a label (`href: …` and `text: …`) and sections (`section: "Title"` with
//! their own `contents`). Read into one list of content paths, the reading order GitBook's
//! `SUMMARY.md` gives (`link::summary_order`); a `text:` is the page's label in the
//! navigation, and a section whose pages share a folder names that folder, as MkDocs's
//! sections do. The file sits beside `content/` or at its top; `auto` listings, the navbar
//! and the rest of the project's settings are not read.

use super::{NavOrder, NavSource};
use crate::diagnostic::Diagnostic;
use std::path::Path;
use yaml_serde::Value;

/// The file's name.
pub const FILE: &str = "_quarto.yml";

/// Quarto's names for the file, in order of precedence.
pub const FILE_NAMES: &[&str] = &[FILE, "_quarto.yaml"];

/// The largest file read: a project's settings, never this large.
const MAX_BYTES: u64 = 1 << 22;

/// How deeply sections nest: far beyond a site, short of a runaway.
const MAX_NESTING: usize = 32;

/// The file to read (as shown in diagnostics, and its path), beside `content/` first.
pub fn find(root: &Path) -> Option<(String, std::path::PathBuf)> {
    super::find_beside_or_in_content(root, FILE_NAMES, MAX_BYTES)
}

/// The order `file` (its text) gives.
pub fn order(file: &str, text: &str, source: &NavSource, diags: &mut Vec<Diagnostic>) -> NavOrder {
    let Some(value) = super::settings_yaml(
        file,
        text,
        "Quarto's sidebar",
        "fix the YAML; until then pages are ordered as if it were not there",
        diags,
    ) else {
        return NavOrder::default();
    };
    let mut out = NavOrder::default();
    let sidebars = match value.get("website").and_then(|w| w.get("sidebar")) {
        Some(Value::Sequence(all)) => all.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    for sidebar in sidebars {
        if let Some(contents) = sidebar.get("contents") {
            walk(contents, 0, source, &mut out);
        }
    }
    out
}

/// The pages of a `contents:` value, in order.
fn walk(value: &Value, depth: usize, source: &NavSource, out: &mut NavOrder) {
    if depth > MAX_NESTING {
        return;
    }
    let page = |href: &str| {
        let href = href.trim().trim_start_matches("./").trim_start_matches('/');
        let href = href.split('#').next().unwrap_or(href);
        if href.contains("://") || href.contains("..") {
            return None;
        }
        source.page(href)
    };
    match value {
        Value::String(href) => {
            if let Some(path) = page(href) {
                out.push(path);
            }
        }
        Value::Sequence(items) => items.iter().for_each(|i| walk(i, depth + 1, source, out)),
        Value::Mapping(_) => {
            let text = |key: &str| value.get(key).and_then(Value::as_str);
            let start = out.pages.len();
            if let Some(path) = text("href").or_else(|| text("file")).and_then(page) {
                if text("section").is_none()
                    && let Some(label) = text("text").map(str::trim).filter(|t| !t.is_empty())
                {
                    out.labels.insert(path.clone(), label.to_string());
                }
                out.push(path);
            }
            if let Some(contents) = value.get("contents") {
                walk(contents, depth + 1, source, out);
            }
            if let Some(title) = text("section") {
                out.name_section(start, title);
            }
        }
        Value::Tagged(tagged) => walk(&tagged.value, depth, source, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sidebar_contents_give_the_order_labels_and_section_titles() {
        let files = [
            "index.qmd",
            "onboarding/index.qmd",
            "onboarding/first-week.qmd",
            "onboarding/first-project.qmd",
            "about/mission.qmd",
            "about/monetization.md",
        ];
        let source = NavSource::new(files.iter().copied());
        let text = "project:\n  type: website\nwebsite:\n  title: Acme handbook\n  navbar:\n    left:\n      - about/monetization.md\n  sidebar:\n    style: docked\n    contents:\n      - index.qmd\n      - section: \"Getting going\"\n        href: onboarding/index.qmd\n        contents:\n          - href: onboarding/first-week.qmd\n            text: \"Week one\"\n          - onboarding/first-project.qmd\n      - text: \"---\"\n      - section: About us\n        contents:\n          - text: Our mission\n            href: ./about/mission.qmd\n          - about/monetization.md\n          - https://example.com\n          - ../outside.qmd\n          - auto: \"notes/*\"\nformat:\n  html:\n    theme: cosmo\n";
        let mut diags = Vec::new();
        let out = order(FILE, text, &source, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out.pages,
            [
                "content/index.qmd",
                "content/onboarding/index.qmd",
                "content/onboarding/first-week.qmd",
                "content/onboarding/first-project.qmd",
                "content/about/mission.qmd",
                "content/about/monetization.md",
            ]
        );
        assert_eq!(
            out.labels
                .get("content/onboarding/first-week.qmd")
                .map(String::as_str),
            Some("Week one")
        );
        assert_eq!(
            out.labels
                .get("content/about/mission.qmd")
                .map(String::as_str),
            Some("Our mission")
        );
        assert_eq!(
            out.folder_labels,
            [
                (
                    "content/onboarding".to_string(),
                    "Getting going".to_string()
                ),
                ("content/about".to_string(), "About us".to_string()),
            ]
        );
        assert!(
            order(FILE, "website: [\n", &source, &mut diags)
                .pages
                .is_empty()
        );
        assert_eq!(diags.len(), 1);
    }
}
