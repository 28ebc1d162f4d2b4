//! MkDocs's navigation: the `nav:` of an `mkdocs.yml` beside `content/` (where a site
//! moved from MkDocs keeps it, its `docs/` folder renamed `content/`) lists the pages in
//! the order readers should meet them. orgbook's own order follows the folders and each
//! page's `weight`; without this every page of such a site would be sorted by title. The
//! pages it names get their position as their place in the navigation, as GitBook's
//! `SUMMARY.md` gives (`link::summary_order`); a page's own `weight` still comes first.
//! orgbook's sections are the folders: a section's title in `nav:` names the folder its
//! pages share ([`section_titles`]); external links in `nav:` are not used.
//!
//! Only `nav:` is read. The rest of the file is MkDocs's configuration, full of Python
//! tags (`!!python/name:…`, `!ENV`), which are accepted as they are.

use crate::diagnostic::Diagnostic;
use std::path::Path;
use yaml_serde::Value;

/// The file's name, at the handbook's root.
pub const FILE: &str = "mkdocs.yml";

/// The content paths (`content/guide/setup.md`) `nav:` lists, in its order; empty when
/// there is no `mkdocs.yml` or it has no `nav:`. A file that cannot be read is a warning
/// (the pages keep orgbook's own order).
pub fn read(root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let Ok(text) = crate::text::legacy::read_beside(&root.join(FILE), FILE, diags) else {
        return Vec::new();
    };
    parse(&text, diags)
}

/// [`read`] for the text of the file.
pub fn parse(text: &str, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(value) = super::settings_yaml(
        FILE,
        text,
        "MkDocs's navigation",
        "fix the YAML, or delete the file once orgbook's folders and `weight` order the pages; until then pages are ordered as if it were not there",
        diags,
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(nav) = value.get("nav") {
        collect(nav, &mut out);
    }
    out
}

/// The snippets pymdownx appends to every page (`markdown_extensions:` → `pymdownx.snippets:`
/// → `auto_append:`), each as a path from the handbook folder: Material's glossary recipe
/// keeps its abbreviations (`*[SLO]: …`) in one file appended everywhere, and sites keep
/// their link references (`[pep 517]: https://…`) so. Each name is looked for under the
/// snippets' `base_path` folders first (`docs/.snippets`, with `docs_dir`, MkDocs's
/// `docs/`, now `content/`), then as written; one found nowhere stays as written (the
/// load stage reports it). Empty without an `mkdocs.yml`, the option, or when the file is
/// not valid YAML (which [`read`] reports).
pub fn auto_append(root: &Path) -> Vec<String> {
    // Not UTF-8: read as it looks, and reported once, by `read`.
    let Ok((text, _)) = crate::text::legacy::read_text(&root.join(FILE)) else {
        return Vec::new();
    };
    let Ok(value) = yaml_serde::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let Some(Value::Sequence(extensions)) = value.get("markdown_extensions") else {
        return Vec::new();
    };
    let docs_dir = value
        .get("docs_dir")
        .and_then(Value::as_str)
        .unwrap_or("docs")
        .trim_matches('/')
        .trim_start_matches("./");
    let strings = |v: &'_ Value| -> Vec<String> {
        match v {
            Value::Sequence(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect(),
            Value::String(one) => vec![one.clone()],
            _ => Vec::new(),
        }
    };
    let mut out = Vec::new();
    for options in extensions.iter().filter_map(|e| e.get("pymdownx.snippets")) {
        // MkDocs's docs folder is `content/` once moved in.
        let bases: Vec<String> = options
            .get("base_path")
            .map(strings)
            .unwrap_or_default()
            .iter()
            .map(|b| b.trim_start_matches("./").trim_end_matches('/'))
            .filter(|b| !b.is_empty() && *b != "." && !b.contains(".."))
            .map(|b| match b.strip_prefix(docs_dir) {
                Some("") => super::CONTENT_DIR.to_string(),
                Some(rest) if rest.starts_with('/') => format!("{}{rest}", super::CONTENT_DIR),
                _ => b.to_string(),
            })
            .collect();
        for name in options.get("auto_append").map(strings).unwrap_or_default() {
            let found = bases
                .iter()
                .map(|b| format!("{b}/{name}"))
                .find(|c| root.join(c).is_file());
            out.push(found.unwrap_or(name));
        }
    }
    out
}

/// The titles `nav:` gives its sections (`Organisation: [organisation/index.md, …]`), as
/// `(folder under the handbook, title)`: a section names the folder all its pages are in,
/// as MkDocs shows it, where orgbook would name it by the folder's own page or its name.
/// A section whose pages share no folder, or only the folder of the section around it,
/// names none. Empty without an `mkdocs.yml`, a `nav:`, or valid YAML ([`read`] reports).
pub fn section_titles(root: &Path) -> Vec<(String, String)> {
    let Ok((text, _)) = crate::text::legacy::read_text(&root.join(FILE)) else {
        return Vec::new();
    };
    let Ok(value) = yaml_serde::from_str::<Value>(&text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Some(nav) = value.get("nav") {
        sections(nav, super::CONTENT_DIR, &mut out);
    }
    out
}

/// [`section_titles`] of a `nav:` value, inside a section whose folder is `around`.
fn sections(value: &Value, around: &str, out: &mut Vec<(String, String)>) {
    match value {
        Value::Sequence(items) => items.iter().for_each(|v| sections(v, around, out)),
        Value::Mapping(map) => {
            for (title, items) in map {
                let (Some(title), Value::Sequence(_)) = (title.as_str(), items) else {
                    continue;
                };
                let mut pages = Vec::new();
                collect(items, &mut pages);
                let folder = common_folder(&pages);
                let here = match folder {
                    Some(f) if f != around && f.starts_with(&format!("{around}/")) => {
                        out.push((f.to_string(), title.trim().to_string()));
                        f
                    }
                    _ => around,
                };
                sections(items, here, out);
            }
        }
        Value::Tagged(tagged) => sections(&tagged.value, around, out),
        _ => {}
    }
}

/// The deepest folder every one of `paths` is in (`content/a` for `content/a/b.md` and
/// `content/a/c/d.md`).
pub(crate) fn common_folder(paths: &[String]) -> Option<&str> {
    let first = paths.first()?;
    let mut folder = first.rsplit_once('/').map(|(d, _)| d)?;
    for p in &paths[1..] {
        while !p.starts_with(&format!("{folder}/")) {
            folder = folder.rsplit_once('/').map(|(d, _)| d)?;
        }
    }
    Some(folder)
}

/// The Markdown paths in a `nav:` value: a page (`setup.md`), a titled page
/// (`Setup: setup.md`), a section (`Guides: [ … ]`), in any nesting.
fn collect(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => {
            let path = s.trim().trim_start_matches("./").trim_start_matches('/');
            if super::is_markdown(path) && !path.contains("://") && !path.contains("..") {
                out.push(format!("{}/{path}", super::CONTENT_DIR));
            }
        }
        Value::Sequence(items) => items.iter().for_each(|v| collect(v, out)),
        Value::Mapping(map) => map.values().for_each(|v| collect(v, out)),
        Value::Tagged(tagged) => collect(&tagged.value, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_name_the_folder_their_pages_share() {
        let nav: Value = yaml_serde::from_str(
            "nav:\n  - Home: index.md\n  - Organisation:\n      - organisation/index.md\n      - People:\n          - organisation/people/hiring.md\n          - organisation/people/leave.md\n  - Mixed:\n      - a/x.md\n      - b/y.md\n  - Same folder:\n      - organisation/values.md\n",
        )
        .unwrap();
        let mut out = Vec::new();
        sections(&nav["nav"], "content", &mut out);
        assert_eq!(
            out,
            [
                (
                    "content/organisation".to_string(),
                    "Organisation".to_string()
                ),
                (
                    "content/organisation/people".to_string(),
                    "People".to_string()
                ),
                (
                    "content/organisation".to_string(),
                    "Same folder".to_string()
                ),
            ]
        );
    }

    #[test]
    fn nav_gives_the_pages_in_order_whatever_else_the_file_holds() {
        let text = "site_name: Acme handbook\nmarkdown_extensions:\n  - pymdownx.superfences:\n      custom_fences:\n        - name: mermaid\n          format: !!python/name:pymdownx.superfences.fence_code_format\nextra:\n  token: !ENV [TOKEN, 'x']\nnav:\n  - Home: index.md\n  - Getting started:\n      - getting-started/install.md\n      - Configure: ./getting-started/configure.md\n  - Runbooks:\n      - runbooks/index.md\n      - Deploy: runbooks/deploy.md\n  - Status page: https://status.example.com\n  - Elsewhere: ../outside.md\n  - Tagged: !relative runbooks/rollback.md\n";
        let mut diags = Vec::new();
        let order = parse(text, &mut diags);
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            order,
            [
                "content/index.md",
                "content/getting-started/install.md",
                "content/getting-started/configure.md",
                "content/runbooks/index.md",
                "content/runbooks/deploy.md",
                "content/runbooks/rollback.md",
            ]
        );
    }

    #[test]
    fn auto_appended_snippets_are_read_from_the_snippets_options() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "site_name: x\nmarkdown_extensions:\n  - abbr\n  - pymdownx.snippets:\n      base_path: .\n      auto_append:\n        - includes/abbreviations.md\n  - toc:\n      permalink: true\n",
        )
        .unwrap();
        assert_eq!(auto_append(dir.path()), ["includes/abbreviations.md"]);
        // Hatch's: the snippets in `docs/.snippets`, the docs folder now `content/`.
        std::fs::create_dir_all(dir.path().join("content/.snippets")).unwrap();
        std::fs::write(dir.path().join("content/.snippets/links.txt"), "[x]: y\n").unwrap();
        std::fs::write(
            dir.path().join(FILE),
            "markdown_extensions:\n  - pymdownx.snippets:\n      check_paths: true\n      base_path:\n        - docs/.snippets\n      auto_append:\n        - links.txt\n        - abbrs.txt\n",
        )
        .unwrap();
        assert_eq!(
            auto_append(dir.path()),
            ["content/.snippets/links.txt", "abbrs.txt"]
        );
        std::fs::write(
            dir.path().join(FILE),
            "markdown_extensions:\n  - pymdownx.snippets\n",
        )
        .unwrap();
        assert!(auto_append(dir.path()).is_empty());
    }

    #[test]
    fn no_nav_is_no_order_and_bad_yaml_a_located_warning() {
        let mut diags = Vec::new();
        assert!(parse("site_name: x\n", &mut diags).is_empty());
        assert!(diags.is_empty());
        assert!(parse("site_name: x\nnav:\n  - [a.md\n", &mut diags).is_empty());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].file, "mkdocs.yml");
        assert!(diags[0].line >= 3, "{:?}", diags[0]);
        // Aliases that expand to a billion entries are refused, not expanded.
        let mut bomb =
            String::from("a: &a [x.md, x.md, x.md, x.md, x.md, x.md, x.md, x.md, x.md]\n");
        for (prev, name) in ('a'..='i').zip('b'..='j') {
            bomb += &format!(
                "{name}: &{name} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            );
        }
        bomb += "nav: *j\n";
        let mut diags = Vec::new();
        assert!(parse(&bomb, &mut diags).is_empty());
        assert_eq!(diags.len(), 1, "{diags:?}");
    }
}
