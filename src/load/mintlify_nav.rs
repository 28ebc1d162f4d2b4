//! Mintlify's page order. A Mintlify site's `docs.json` (`mint.json` before 2025) lists
//! its pages under `navigation`, in groups (`{"group": "Engineering", "pages": [...]}`),
//! which nest and may sit under tabs, anchors, dropdowns, versions or languages; a page is
//! its path from the site's root without extension (`handbook/engineering/onboarding`).
//! Read into one list of content paths, the reading order GitBook's `SUMMARY.md` gives
//! (`link::summary_order`). A group whose pages share a folder names that folder, as
//! MkDocs's sections do (`mkdocs_nav::section_titles`). The file sits beside `content/` or
//! at its top; links, icons and the rest of the file are not read.

use super::{NavOrder, NavSource};
use crate::diagnostic::Diagnostic;
use serde_json::Value;
use std::path::Path;

/// Mintlify's names for the file, in order of precedence.
pub const FILE_NAMES: &[&str] = &["docs.json", "mint.json"];

/// The largest file read: a site's settings, never this large.
const MAX_BYTES: u64 = 1 << 22;

/// How deeply groups nest: far beyond a site, short of a runaway.
const MAX_NESTING: usize = 32;

/// The keys under which Mintlify nests navigation, in the order they are read.
const CONTAINERS: &[&str] = &[
    "languages",
    "versions",
    "tabs",
    "anchors",
    "dropdowns",
    "products",
    "menu",
    "groups",
    "pages",
];

/// The file to read (as shown in diagnostics, and its path), beside `content/` first.
pub fn find(root: &Path) -> Option<(String, std::path::PathBuf)> {
    super::find_beside_or_in_content(root, FILE_NAMES, MAX_BYTES)
}

/// The order `file` (its text) gives.
pub fn order(file: &str, text: &str, source: &NavSource, diags: &mut Vec<Diagnostic>) -> NavOrder {
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            diags.push(
                Diagnostic::warning(
                    "folder-settings",
                    file,
                    format!("cannot read Mintlify's navigation from it: {e}"),
                )
                .with_help("fix the JSON; until then pages are ordered as if it were not there"),
            );
            return NavOrder::default();
        }
    };
    let mut out = NavOrder::default();
    if let Some(nav) = value.get("navigation") {
        walk(nav, false, 0, source, &mut out);
    }
    out
}

/// The pages of a navigation value, in order; `listing` when it is a `pages` array, whose
/// strings are pages.
fn walk(value: &Value, listing: bool, depth: usize, source: &NavSource, out: &mut NavOrder) {
    if depth > MAX_NESTING {
        return;
    }
    match value {
        Value::String(page) if listing => {
            let page = page.trim().trim_start_matches('/');
            if let Some(path) = source
                .page(page)
                .or_else(|| source.page(&format!("{page}/index")))
            {
                out.push(path);
            }
        }
        Value::Array(items) => {
            for item in items {
                walk(item, listing, depth + 1, source, out);
            }
        }
        Value::Object(map) => {
            let start = out.pages.len();
            // A group's own page comes first.
            if let Some(root) = map.get("root") {
                walk(root, true, depth + 1, source, out);
            }
            for key in CONTAINERS {
                if let Some(inner) = map.get(*key) {
                    walk(inner, *key == "pages", depth + 1, source, out);
                }
            }
            if let Some(Value::String(title)) = map.get("group") {
                out.name_section(start, title);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_give_the_order_under_tabs_and_name_their_folder() {
        let files = [
            "index.mdx",
            "handbook/engineering/onboarding.mdx",
            "handbook/engineering/on-call.md",
            "handbook/engineering/index.mdx",
            "handbook/people/leave.mdx",
            "api/intro.mdx",
        ];
        let source = NavSource::new(files.iter().copied());
        let text = r#"{
          "name": "Acme",
          "navigation": {
            "tabs": [
              { "tab": "Handbook", "groups": [
                { "group": "Start", "pages": ["index"] },
                { "group": "Engineering", "pages": [
                    "handbook/engineering",
                    "handbook/engineering/on-call",
                    { "group": "Nested", "pages": ["handbook/engineering/onboarding"] }
                ] },
                { "group": "People", "pages": ["/handbook/people/leave", "missing/page"] }
              ] },
              { "tab": "API", "href": "https://api.example.com" },
              { "tab": "Reference", "pages": ["api/intro", "index"] }
            ]
          }
        }"#;
        let mut diags = Vec::new();
        let out = order("docs.json", text, &source, &mut diags).finished();
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out.pages,
            [
                "content/index.mdx",
                "content/handbook/engineering/index.mdx",
                "content/handbook/engineering/on-call.md",
                "content/handbook/engineering/onboarding.mdx",
                "content/handbook/people/leave.mdx",
                "content/api/intro.mdx",
            ]
        );
        assert_eq!(
            out.folder_labels,
            [
                (
                    "content/handbook/engineering".to_string(),
                    "Nested".to_string()
                ),
                (
                    "content/handbook/engineering".to_string(),
                    "Engineering".to_string()
                ),
                ("content/handbook/people".to_string(), "People".to_string()),
            ]
        );
        // mint.json's navigation is the list of groups itself.
        let old = r#"{"navigation": [{"group": "Engineering", "pages": ["handbook/engineering/on-call"]}]}"#;
        let out = order("mint.json", old, &source, &mut diags);
        assert_eq!(out.pages, ["content/handbook/engineering/on-call.md"]);
        assert!(
            order("docs.json", "{ nope", &source, &mut diags)
                .pages
                .is_empty()
        );
        assert_eq!(diags.len(), 1);
    }
}
