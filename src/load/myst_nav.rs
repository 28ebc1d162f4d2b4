//! A MyST project's table of contents and external references. mystmd (Jupyter Book 2)
//! lists a site's pages under `project: toc:` in `myst.yml`; Jupyter Book 1 lists them in
//! `_toc.yml` (`root:`, then `chapters:` or `parts:` with a `caption:`, each entry's
//! `sections:` below it). Both are read into one list of content paths, the reading order
//! GitBook's `SUMMARY.md` gives (`link::summary_order`): an entry's `title:` is the page's
//! label in the navigation, and a titled entry without a file (mystmd) or a part's
//! `caption:` (Jupyter Book 1) names the folder its pages share, as MkDocs's sections do.
//! Paths are relative to the file, which sits in `content/` (where the pages are) or beside
//! it; extensions may be left out. mystmd's `pattern:` (`authoring/*.md`) and Jupyter
//! Book 1's `glob:` (`authoring/*`, names without extension) put the pages they match in
//! their place, those listed by `file:` anywhere in the file left out, in the order each
//! tool gives: mystmd's digits as numbers with a folder's index or README first, Jupyter
//! Book's (Sphinx's) by name. `url:` entries add no page. Jupyter Book 1's
//! `only_build_toc_files: true` (its `_config.yml`, beside `_toc.yml`) left the pages its
//! table of contents does not list out of the book: here they stay published, so links to
//! them hold, but out of the navigation, and a note says so.
//!
//! `myst.yml`'s `project: references:` names other MyST sites (`guide:
//! https://mystmd.org/guide`), which pages link to as `xref:guide/frontmatter`: read here
//! beside the order, since it comes from the same file, and used by the Markdown stage.

use super::{NavOrder, NavSource};
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use yaml_serde::Value;

/// mystmd's project file.
pub const FILE: &str = "myst.yml";

/// Jupyter Book 1's table of contents.
pub const JB_TOC: &str = "_toc.yml";

/// Jupyter Book 1's settings, beside its table of contents: `only_build_toc_files`.
pub const JB_CONFIG: &str = "_config.yml";

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
    let jupyter_book = file.ends_with(JB_TOC);
    let entries = toc_value(jupyter_book, &value);
    let toc = Toc {
        beside,
        source,
        patterns: patterns(entries, beside, source),
    };
    let mut out = NavOrder {
        follows_files: !toc.patterns.is_empty(),
        ..NavOrder::default()
    };
    if jupyter_book
        && let Some(root) = value.get("root").and_then(Value::as_str)
        && let Some(path) = page(root, beside, source)
    {
        out.push(path);
    }
    toc.walk(entries, 0, &mut out);
    out
}

/// What a table of contents lists: the whole file for Jupyter Book 1, `project: toc:` for
/// mystmd.
fn toc_value(jupyter_book: bool, value: &Value) -> &Value {
    match jupyter_book {
        true => value,
        false => value
            .get("project")
            .and_then(|p| p.get("toc"))
            .unwrap_or(&Value::Null),
    }
}

/// Whether Jupyter Book 1's `_config.yml` beside `toc_file` (its path as shown, from the
/// handbook's folder) says `only_build_toc_files: true`.
pub fn only_listed_pages(root: &Path, toc_file: &str) -> bool {
    let config = match toc_file.rsplit_once('/') {
        Some((folder, _)) => root.join(folder).join(JB_CONFIG),
        None => root.join(JB_CONFIG),
    };
    let small =
        std::fs::symlink_metadata(&config).is_ok_and(|m| m.is_file() && m.len() <= MAX_BYTES);
    small
        && std::fs::read_to_string(&config)
            .ok()
            .and_then(|text| yaml_serde::from_str::<Value>(&text).ok())
            .and_then(|v| v.get("only_build_toc_files").and_then(Value::as_bool))
            == Some(true)
}

/// Leaves the pages `order` (Jupyter Book 1's) does not list out of the navigation, as
/// `only_build_toc_files: true` left them out of the book, with a note at `toc_file`
/// saying how many. Published still: a link to one keeps working.
pub fn hide_unlisted(
    order: &mut NavOrder,
    toc_file: &str,
    source: &NavSource,
    diags: &mut Vec<Diagnostic>,
) {
    let listed: HashSet<&str> = order.pages.iter().map(String::as_str).collect();
    // Charters and decision records are not the book's: their own indexes list them.
    let unlisted: Vec<String> = source
        .files()
        .filter(|rel| super::classify(rel) == super::FileClass::Page)
        .map(|rel| format!("{}/{rel}", super::CONTENT_DIR))
        .filter(|p| !listed.contains(p.as_str()))
        .collect();
    // A page added later is hidden too.
    order.follows_files = true;
    if unlisted.is_empty() {
        return;
    }
    diags.push(
        Diagnostic::note(
            "folder-settings",
            toc_file,
            format!(
                "Jupyter Book's `only_build_toc_files: true` (in _config.yml) left {} out of the book: orgbook publishes them, out of the navigation",
                crate::text::counted(unlisted.len(), "page that this table of contents does not list", "pages that this table of contents does not list")
            ),
        )
        .with_help("list them in the table of contents, or delete them (or move them out of content/) if they should not be published"),
    );
    order.hidden.extend(unlisted);
}

/// A table of contents being read: where its paths start, the pages there are, and what
/// each of its `pattern:` / `glob:` entries matches.
struct Toc<'s, 'a> {
    beside: bool,
    source: &'s NavSource<'a>,
    patterns: HashMap<String, Vec<String>>,
}

/// The pages each `pattern:` (mystmd) and `glob:` (Jupyter Book 1) entry of `toc` matches,
/// by the pattern as written: content paths in the tool's order, without the pages a
/// `file:` entry lists. Every Markdown file is matched once against all patterns together
/// (one `GlobSet`), so a long table of contents costs no more than a short one per file.
fn patterns(toc: &Value, beside: bool, source: &NavSource) -> HashMap<String, Vec<String>> {
    let mut written = Vec::new();
    let mut listed = HashSet::new();
    entries(toc, 0, beside, source, &mut written, &mut listed);
    if written.is_empty() {
        return HashMap::new();
    }
    let mut set = globset::GlobSetBuilder::new();
    let mut kept = Vec::new();
    for (pattern, natural) in written {
        let relative = pattern.trim().trim_start_matches("./");
        let relative = match beside {
            true => relative.strip_prefix("content/").unwrap_or(relative),
            false => relative,
        };
        // `*` stays within a folder, as Python's glob has it.
        let Ok(glob) = globset::GlobBuilder::new(relative)
            .literal_separator(true)
            .build()
        else {
            continue;
        };
        set.add(glob);
        kept.push((pattern, natural));
    }
    let Ok(set) = set.build() else {
        return HashMap::new();
    };
    let mut matched: Vec<Vec<&str>> = vec![Vec::new(); kept.len()];
    for rel in source.files() {
        // Jupyter Book's globs name documents without their extension.
        let stem = super::markdown_stem(rel);
        let mut hits = set.matches(rel);
        if stem != rel {
            hits.extend(set.matches(stem));
            hits.sort_unstable();
            hits.dedup();
        }
        for i in hits {
            matched[i].push(rel);
        }
    }
    kept.into_iter()
        .zip(matched)
        .map(|((pattern, natural), mut rels)| {
            rels.sort_by(|a, b| match natural {
                true => mystmd_order(a, b),
                false => a.cmp(b),
            });
            let pages = rels
                .into_iter()
                .map(|rel| format!("{}/{rel}", super::CONTENT_DIR))
                .filter(|p| !listed.contains(p))
                .collect();
            (pattern, pages)
        })
        .collect()
}

/// mystmd's order of the files a pattern matches: folder by folder, a folder's index or
/// README first, digits compared as numbers (`child9.md` before `child10.md`).
fn mystmd_order(a: &str, b: &str) -> std::cmp::Ordering {
    fn split(p: &str) -> (&str, bool, &str) {
        let (dir, name) = p.rsplit_once('/').unwrap_or(("", p));
        let stem = super::markdown_stem(name).to_ascii_lowercase();
        (dir, !(stem == "index" || stem == "readme"), name)
    }
    let (da, ia, na) = split(a);
    let (db, ib, nb) = split(b);
    super::awesome_pages::natural_cmp(da, db)
        .then(ia.cmp(&ib))
        .then_with(|| super::awesome_pages::natural_cmp(na, nb))
}

/// The patterns of a table of contents (with whether mystmd wrote it) and the pages its
/// `file:` entries list.
fn entries(
    value: &Value,
    depth: usize,
    beside: bool,
    source: &NavSource,
    patterns: &mut Vec<(String, bool)>,
    listed: &mut HashSet<String>,
) {
    if depth > MAX_NESTING {
        return;
    }
    match value {
        Value::Sequence(items) => items
            .iter()
            .for_each(|i| entries(i, depth + 1, beside, source, patterns, listed)),
        Value::Mapping(_) => {
            let text = |key: &str| value.get(key).and_then(Value::as_str);
            if let Some(path) = text("file").and_then(|f| page(f, beside, source)) {
                listed.insert(path);
            }
            if let Some(root) = text("root").and_then(|f| page(f, beside, source)) {
                listed.insert(root);
            }
            for (key, natural) in [("pattern", true), ("glob", false)] {
                if let Some(p) = text(key) {
                    patterns.push((p.to_string(), natural));
                }
            }
            for key in NESTED {
                if let Some(nested) = value.get(key) {
                    entries(nested, depth + 1, beside, source, patterns, listed);
                }
            }
        }
        Value::Tagged(tagged) => entries(&tagged.value, depth, beside, source, patterns, listed),
        _ => {}
    }
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

impl Toc<'_, '_> {
    /// The pages of an entry (or a list of them), in order.
    fn walk(&self, value: &Value, depth: usize, out: &mut NavOrder) {
        if depth > MAX_NESTING {
            return;
        }
        match value {
            Value::Sequence(items) => items.iter().for_each(|i| self.walk(i, depth + 1, out)),
            Value::Mapping(_) => {
                let text = |key: &str| value.get(key).and_then(Value::as_str);
                let title = text("title").map(str::trim).filter(|t| !t.is_empty());
                let start = out.pages.len();
                let file = text("file");
                if let Some(path) = file.and_then(|f| page(f, self.beside, self.source)) {
                    if let Some(label) = title {
                        out.labels.insert(path.clone(), label.to_string());
                    }
                    out.push(path);
                }
                for key in ["pattern", "glob"] {
                    if let Some(pages) = text(key).and_then(|p| self.patterns.get(p)) {
                        pages.iter().for_each(|p| out.push(p.clone()));
                    }
                }
                for key in NESTED {
                    if let Some(nested) = value.get(key) {
                        self.walk(nested, depth + 1, out);
                    }
                }
                // mystmd's section is a titled entry without a file; Jupyter Book 1's part
                // (or subtree) has a caption.
                let section = text("caption").or(title.filter(|_| file.is_none()));
                if let Some(section) = section {
                    out.name_section(start, section);
                }
            }
            Value::Tagged(tagged) => self.walk(&tagged.value, depth, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[&str] = &[
        "index.md",
        "intro.md",
        "get-started/install.md",
        "get-started/init.md",
        "authoring/index.md",
        "authoring/math.md",
        "authoring/notebooks.md",
        "authoring/drafts/later.md",
    ];

    fn source() -> NavSource<'static> {
        NavSource::new(FILES.iter().copied())
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
                // The pattern's one page no `file:` lists, in the pattern's place; `*`
                // stays in its folder.
                "content/authoring/notebooks.md",
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
                // The glob names documents without extension; `authoring/notebooks`,
                // listed after it, keeps its own place.
                "content/authoring/math.md",
                "content/authoring/notebooks.md",
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
    fn patterns_order_their_pages_as_each_tool_does() {
        let files = [
            "part/child10.md",
            "part/child9.md",
            "part/README.md",
            "part/a.md",
            "part/sub/index.md",
            "root.md",
        ];
        let source = NavSource::new(files.into_iter());
        let mystmd = "project:\n  toc:\n    - file: root.md\n    - pattern: 'part/**/*.md'\n    - file: part/a.md\n";
        let mut diags = Vec::new();
        let out = order(FILE, mystmd, &source, &mut diags);
        assert_eq!(
            out.pages,
            [
                "content/root.md",
                "content/part/README.md",
                "content/part/child9.md",
                "content/part/child10.md",
                "content/part/sub/index.md",
                "content/part/a.md",
            ]
        );
        // Sphinx sorts a glob's documents by name.
        let jb = "root: root\nchapters:\n  - glob: part/*\n";
        let out = order(JB_TOC, jb, &source, &mut diags);
        assert_eq!(
            out.pages,
            [
                "content/root.md",
                "content/part/README.md",
                "content/part/a.md",
                "content/part/child10.md",
                "content/part/child9.md",
            ]
        );
        // A pattern that is no glob adds nothing, and says nothing either (the tool would
        // have refused it).
        let out = order(
            FILE,
            "project:\n  toc:\n    - pattern: 'part/[*.md'\n",
            &source,
            &mut diags,
        );
        assert!(out.pages.is_empty() && diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn pages_left_out_of_a_jupyter_book_are_hidden_with_a_note() {
        // Charters and decision records are not the book's: listed by their own indexes,
        // never hidden.
        let source = NavSource::new(
            FILES
                .iter()
                .copied()
                .chain(["teams/search.md", "decisions/0001-use-postgres.md"]),
        );
        let mut diags = Vec::new();
        let mut out = order(
            JB_TOC,
            "root: intro\nchapters:\n  - file: get-started/install\n",
            &source,
            &mut diags,
        );
        hide_unlisted(&mut out, JB_TOC, &source, &mut diags);
        assert_eq!(out.hidden.len(), 6, "{:?}", out.hidden);
        assert!(
            !out.hidden
                .iter()
                .any(|p| p.contains("teams/") || p.contains("decisions/"))
        );
        assert!(out.hidden.contains("content/authoring/math.md"));
        assert!(!out.hidden.contains("content/intro.md"));
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, "folder-settings");
        assert!(
            diags[0].message.contains("left 6 pages"),
            "{}",
            diags[0].message
        );
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
