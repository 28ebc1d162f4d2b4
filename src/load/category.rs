//! A folder's settings written for Docusaurus: a `_category_.json` (or `_category_.yml`)
//! beside a folder's pages names the folder in the sidebar (`label`) and places it among
//! its siblings (`position`). Handbooks moved from Docusaurus carry one in most folders;
//! without reading them every folder would be titled after its directory name and sorted
//! by it. Docusaurus's other keys (`collapsed`, `link`, `className`…) are about its own
//! sidebar and are accepted without effect. The file is settings, not an attachment: it is
//! not published.
//!
//! JSON is checked by `serde_json` first, so a syntax error reads as JSON, then both forms
//! go through the spanned YAML reader (JSON is YAML) for located diagnostics. Every problem
//! is a warning: the folder keeps its default title and place, and nothing is lost.

use crate::diagnostic::{Diagnostic, Severity};
use crate::fields::Fields;
use std::path::Path;
use toml::de::DeValue;

/// What a folder's `_category_` file sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderSettings {
    /// The folder's title in the navigation and the handbook index.
    pub label: Option<String>,
    /// Its place among its siblings: lower first, like a page's `weight`.
    pub position: Option<i64>,
}

/// Docusaurus's names for the file, in order of precedence.
pub const FILE_NAMES: &[&str] = &["_category_.json", "_category_.yml", "_category_.yaml"];

/// Keys Docusaurus reads for its own sidebar: accepted, no effect here.
const SIDEBAR_KEYS: &[&str] = &[
    "collapsible",
    "collapsed",
    "className",
    "link",
    "customProps",
    "description",
    "key",
];

/// Whether `rel` (relative to `content/`) is a folder's settings file.
pub fn is_settings_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    FILE_NAMES.contains(&name)
}

/// The folder a settings file describes, as `content/<dir>` (`content` at the top).
pub fn folder_of(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, _)) => format!("{}/{dir}", super::CONTENT_DIR),
        None => super::CONTENT_DIR.to_string(),
    }
}

/// The paths under `content/` a folder's settings may be read from, by precedence.
pub fn candidates(folder: &str) -> impl Iterator<Item = String> + '_ {
    let dir = folder.strip_prefix(super::CONTENT_DIR).unwrap_or(folder);
    let dir = dir.trim_start_matches('/');
    FILE_NAMES.iter().map(move |name| match dir {
        "" => name.to_string(),
        dir => format!("{dir}/{name}"),
    })
}

/// Reads the settings file at `path` (`rel` under `content/`). `None` when it cannot be
/// read at all (reported); a file with nothing orgbook uses gives empty settings.
pub fn read(path: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Option<FolderSettings> {
    let file = format!("{}/{rel}", super::CONTENT_DIR);
    let text = match crate::text::legacy::read_beside(path, &file, diags) {
        Ok(text) => text,
        Err(e) => {
            diags.push(
                Diagnostic::warning("folder-settings", &file, format!("cannot read it: {e}"))
                    .with_help("the folder keeps its own name as its title"),
            );
            return None;
        }
    };
    parse(&file, &text, diags)
}

/// [`read`] for the text of the file.
pub fn parse(file: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Option<FolderSettings> {
    let json = file.ends_with(".json");
    if json && let Err(e) = serde_json::from_str::<serde_json::Value>(text) {
        // serde_json counts lines from 1 and columns from 1, in characters.
        let at = text
            .split_inclusive('\n')
            .take(e.line().saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let line = &text[at..];
        let col = line
            .char_indices()
            .nth(e.column().saturating_sub(1))
            .map_or(line.len(), |(i, _)| i);
        diags.push(
            Diagnostic::warning("folder-settings", file, format!("not valid JSON: {e}"))
                .with_help("write it like {\"label\": \"Guides\", \"position\": 2}; until then the folder keeps its own name as its title")
                .at(text, at + col..at + col),
        );
        return None;
    }
    let mut problems = Vec::new();
    let Some(table) = super::yaml::parse_yaml(file, text, 0..text.len(), &mut problems) else {
        // A YAML syntax error is an error in front matter; here it costs only a title.
        diags.extend(problems.into_iter().map(|d| Diagnostic {
            severity: Severity::Warning,
            code: crate::diagnostic::Code::FolderSettings.as_str(),
            help: Some("write `label: Guides` and `position: 2` lines; until then the folder keeps its own name as its title".into()),
            ..d
        }));
        return None;
    };
    diags.extend(problems);
    let mut f = Fields::new(file, text, &table, "folder settings", diags).yaml(!json);
    let mut settings = FolderSettings::default();
    if let Some(v) = f.raw("label") {
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                settings.label = Some(s.trim().to_string())
            }
            _ => wrong_type(&mut f, json, v.span(), "label", "text", "\"Guides\""),
        }
    }
    if let Some(v) = f.raw("position") {
        let n = match v.get_ref() {
            DeValue::Integer(i) => {
                i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
            }
            // Docusaurus allows fractions (2.5) to slot a folder between two others.
            DeValue::Float(x) => x.as_str().parse::<f64>().ok().map(|x| x.round() as i64),
            _ => None,
        };
        match n {
            Some(n) => settings.position = Some(n),
            None => wrong_type(&mut f, json, v.span(), "position", "a number", "2"),
        }
    }
    f.ignore(SIDEBAR_KEYS);
    f.finish_as(&["label", "position"], Severity::Warning);
    Some(settings)
}

/// A located warning for a key of the wrong type, with an example in the file's syntax.
fn wrong_type(
    f: &mut Fields<'_, '_, '_>,
    json: bool,
    span: std::ops::Range<usize>,
    key: &str,
    expected: &str,
    example: &str,
) {
    let span = f.span(span);
    let example = if json {
        format!("\"{key}\": {example}")
    } else {
        format!("{key}: {example}")
    };
    f.warning_at(
        "folder-settings",
        span,
        format!("`{key}` should be {expected}; it is ignored"),
        format!("write it like {example}"),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(file: &str, text: &str) -> (Option<FolderSettings>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        (parse(file, text, &mut diags), diags)
    }

    #[test]
    fn json_and_yaml_give_label_and_position_and_accept_sidebar_keys() {
        let json = "{\n  \"label\": \"Guides\",\n  \"position\": 2.6,\n  \"collapsed\": false,\n  \"link\": {\"type\": \"generated-index\"}\n}\n";
        let (s, d) = settings("content/guides/_category_.json", json);
        assert_eq!(
            s,
            Some(FolderSettings {
                label: Some("Guides".into()),
                position: Some(3),
            })
        );
        assert!(d.is_empty(), "{d:?}");
        let (s, d) = settings(
            "content/guides/_category_.yml",
            "label: 'How we work'\nposition: 1\ncollapsible: true\n",
        );
        assert_eq!(s.unwrap().label.as_deref(), Some("How we work"));
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn problems_are_located_warnings_and_never_lose_the_folder() {
        let (s, d) = settings(
            "content/g/_category_.json",
            "{\n  \"label\": \"Guides\",\n  \"position\": 2,\n}\n",
        );
        assert_eq!(s, None);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line), ("folder-settings", 4));
        assert_eq!(d[0].severity, Severity::Warning);
        assert!(d[0].message.contains("not valid JSON"), "{}", d[0].message);

        let (s, d) = settings("content/g/_category_.yml", "label: [Guides\n");
        assert_eq!(s, None);
        assert!(
            d.iter()
                .all(|d| d.severity == Severity::Warning && d.code == "folder-settings"),
            "{d:?}"
        );

        let (s, d) = settings(
            "content/g/_category_.json",
            "{\"label\": 7, \"position\": \"first\", \"lable\": \"x\"}",
        );
        assert_eq!(s, Some(FolderSettings::default()));
        let codes: Vec<_> = d.iter().map(|d| (d.code, d.severity)).collect();
        assert_eq!(
            codes,
            [
                ("folder-settings", Severity::Warning),
                ("folder-settings", Severity::Warning),
                ("unknown-key", Severity::Warning)
            ],
            "{d:?}"
        );
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .contains("\"label\": \"Guides\"")
        );
        assert!(d[2].help.as_deref().unwrap().contains("label"));
    }

    #[test]
    fn settings_files_are_recognised_by_name_and_describe_their_folder() {
        assert!(is_settings_file("guides/_category_.json"));
        assert!(is_settings_file("_category_.yml"));
        assert!(!is_settings_file("guides/category.json"));
        assert_eq!(
            folder_of("guides/deep/_category_.json"),
            "content/guides/deep"
        );
        assert_eq!(folder_of("_category_.json"), "content");
        let all: Vec<String> = candidates("content/guides/deep").collect();
        assert_eq!(
            all,
            [
                "guides/deep/_category_.json",
                "guides/deep/_category_.yml",
                "guides/deep/_category_.yaml"
            ]
        );
        assert_eq!(candidates("content").next().unwrap(), "_category_.json");
    }
}
