//! A Retype project's navigation: a `retype.yml` beside `content/` (or in it) says the
//! pages were written for Retype, whose `order` counts the other way from orgbook's
//! `weight` (larger first, `0` or none in between, negative last), and whose folders
//! carry an `index.yml` (`label`, `order`, `icon`, `expanded`) where Docusaurus keeps a
//! `_category_.json`. Without the project file neither is read: `order` means the
//! opposite to other tools, and an `index.yml` may be anyone's data.

use super::category::FolderSettings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::fields::Fields;
use std::path::Path;
use toml::de::DeValue;

/// Retype's names for its project file.
pub const FILE_NAMES: &[&str] = &["retype.yml", "retype.yaml", "retype.json"];

/// A folder's settings file, in a Retype project.
pub const FOLDER_FILES: &[&str] = &["index.yml", "index.yaml"];

/// Keys of a folder's `index.yml` that Retype reads for its own tree, icons, routes and
/// buttons: accepted, no effect here.
const OTHER_KEYS: &[&str] = &[
    "icon",
    "expanded",
    "route",
    "permalink",
    "nextprev",
    "tags",
    "category",
    "categories",
    "description",
    "layout",
    "author",
    "authors",
];

/// Whether the handbook at `root` is a Retype project (its project file beside
/// `content/` or at its top): a few `stat`s.
pub fn is_project(root: &Path) -> bool {
    FILE_NAMES
        .iter()
        .any(|name| root.join(name).is_file() || root.join(super::CONTENT_DIR).join(name).is_file())
}

/// Whether `rel` (under `content/`) is a folder's `index.yml`.
pub fn is_folder_file(rel: &str) -> bool {
    FOLDER_FILES.contains(&rel.rsplit('/').next().unwrap_or(rel))
}

/// Retype's `order` as a `weight`: a positive order before the pages without one (larger
/// first), a negative one after them (closer to zero first).
pub fn weight(order: i64) -> i64 {
    const UNPLACED: i64 = i64::MAX / 2;
    if order > 0 {
        order.saturating_neg()
    } else {
        UNPLACED.saturating_sub(order)
    }
}

/// What a folder's `index.yml` sets: its `label`, and its `order` as a position; and
/// whether it hides the folder (`visibility: hidden`: its pages published, in no
/// navigation). Every problem is a warning; the folder keeps its name and place.
pub fn folder_settings(
    file: &str,
    text: &str,
    diags: &mut Vec<Diagnostic>,
) -> (FolderSettings, bool) {
    let mut settings = FolderSettings::default();
    let mut hidden = false;
    let mut problems = Vec::new();
    let Some(table) = super::yaml::parse_yaml(file, text, 0..text.len(), &mut problems) else {
        diags.extend(problems.into_iter().map(|d| Diagnostic {
            severity: Severity::Warning,
            code: crate::diagnostic::Code::FolderSettings.as_str(),
            help: Some("write `label: Guides` and `order: 10` lines; until then the folder keeps its own name as its title".into()),
            ..d
        }));
        return (settings, hidden);
    };
    diags.extend(problems);
    let mut f = Fields::new(file, text, &table, "folder settings", diags).yaml(true);
    if let Some(v) = f.raw("label") {
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                settings.label = Some(s.trim().to_string());
            }
            _ => wrong(&mut f, v.span(), "label", "text", "label: Guides"),
        }
    }
    if let Some(v) = f.raw("order") {
        match v.get_ref() {
            DeValue::Integer(i) => {
                settings.position = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
                    .ok()
                    .filter(|&o| o != 0)
                    .map(weight);
            }
            // Retype's alphabetical and version orders (`order: alpha`, `v2.0`).
            DeValue::String(_) => {}
            _ => wrong(&mut f, v.span(), "order", "a number", "order: 10"),
        }
    }
    if let Some(v) = f.raw("visibility") {
        hidden = v.get_ref().as_str().is_some_and(|s| s.trim() == "hidden");
    }
    f.ignore(OTHER_KEYS);
    f.finish_as(&["label", "order", "visibility"], Severity::Warning);
    (settings, hidden)
}

fn wrong(
    f: &mut Fields<'_, '_, '_>,
    span: std::ops::Range<usize>,
    key: &str,
    expected: &str,
    example: &str,
) {
    let span = f.span(span);
    f.warning_at(
        "folder-settings",
        span,
        format!("`{key}` should be {expected}; it is ignored"),
        format!("write it like `{example}`"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_counts_down_around_the_unordered() {
        let mut ws = [
            weight(1000),
            weight(5),
            weight(-1),
            weight(-50),
            i64::MAX / 2,
        ];
        ws.sort();
        assert_eq!(
            ws,
            [
                weight(1000),
                weight(5),
                i64::MAX / 2,
                weight(-1),
                weight(-50)
            ]
        );
    }

    #[test]
    fn a_folder_file_gives_label_and_place_and_accepts_retypes_keys() {
        let mut d = Vec::new();
        let (s, hidden) = folder_settings(
            "content/guides/index.yml",
            "label: Guides\nicon: rocket\norder: 997\nexpanded: true",
            &mut d,
        );
        assert!(!hidden);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(s.label.as_deref(), Some("Guides"));
        assert_eq!(s.position, Some(-997));
    }
}
