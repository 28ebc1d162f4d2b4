//! The page order of MkDocs's awesome-pages plugin, which many MkDocs handbooks use instead
//! of a `nav:` in `mkdocs.yml`. Any folder may hold a `.pages` file (YAML): `title` names
//! the folder in the navigation, `hide: true` keeps it out, `order: desc`,
//! `sort_type: natural` and `order_by: title` change the default order, and `nav:` lists
//! the folder's pages and sub-folders in the order the site shows them: a name
//! (`setup.md`, `runbooks`), a name with a label (`- Getting started: setup.md`), `...`
//! for the entries it does not name (in the default order; `... | glob=…` or `... |
//! regex=…` for those of them a pattern matches), a link elsewhere (left out), or a
//! section (a label over a list, whose entries are read in place). Entries a `nav:` without `...` does not name are not
//! in the site's navigation: they stay published, hidden from the sidebars.
//!
//! With at least one `.pages` file in the handbook, the whole tree is read depth first in
//! MkDocs's own default order (a folder's `index.md` or `README.md` first, then files and
//! folders by name), changed where a `.pages` file says so, into the one list of content
//! paths the other navigation files give (`link::summary_order`). Without one it costs a
//! look for the file in each folder, and gives nothing.
//!
//! Only files in folders the walk found are read, never through a symbolic link: orgbook
//! reads nothing outside the handbook folder.

use super::{CONTENT_DIR, NavOrder};
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use yaml_serde::Value;

/// The file's name in every folder (the plugin's default).
pub const FILE: &str = ".pages";

/// The largest `.pages` file read: a list of names, never this large.
const MAX_BYTES: u64 = 1 << 20;

/// How deep folders and sections are followed: deeper than any site, short of a runaway.
const MAX_DEPTH: usize = 32;

/// A folder's entry: a page (its path under `content/`) or a sub-folder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Entry {
    Page(String),
    Folder(String),
}

impl Entry {
    fn rel(&self) -> &str {
        match self {
            Entry::Page(p) | Entry::Folder(p) => p,
        }
    }
}

/// The order the `.pages` files under `root/content` give the Markdown files `md` (paths
/// under `content/`); empty when there is none.
pub fn read(root: &Path, md: &[&str], diags: &mut Vec<Diagnostic>) -> NavOrder {
    let content = root.join(CONTENT_DIR);
    // The folders first, borrowed: most handbooks have no `.pages` file, and then looking
    // costs one `stat` a folder and nothing else.
    let mut folders: HashSet<&str> = HashSet::from([""]);
    for rel in md {
        let mut dir = *rel;
        while let Some((parent, _)) = dir.rsplit_once('/') {
            if !folders.insert(parent) {
                break;
            }
            dir = parent;
        }
    }
    let mut folders: Vec<&str> = folders.into_iter().collect();
    folders.sort_unstable();
    let mut files = BTreeMap::new();
    for folder in folders {
        let dir = content.join(folder);
        let path = dir.join(FILE);
        let regular = std::fs::symlink_metadata(&path)
            .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_BYTES);
        if !regular {
            continue;
        }
        let shown = shown(folder);
        if let Ok(text) = crate::text::legacy::read_beside(&path, &shown, diags) {
            files.insert(folder.to_owned(), (shown, text));
        }
    }
    if files.is_empty() {
        return NavOrder::default();
    }
    let mut tree = Tree::default();
    for rel in md {
        tree.add(rel);
    }
    let mut reader = Reader {
        root,
        tree: &tree,
        files: &files,
        out: NavOrder::default(),
        visited: HashSet::new(),
    };
    reader.folder("", 0, diags);
    reader.out.finished()
}

/// The shown path of a folder's `.pages` file.
fn shown(folder: &str) -> String {
    match folder {
        "" => format!("{CONTENT_DIR}/{FILE}"),
        f => format!("{CONTENT_DIR}/{f}/{FILE}"),
    }
}

/// Every folder of the handbook (`""` is content/ itself) with its pages and sub-folders.
#[derive(Default)]
struct Tree {
    folders: BTreeSet<String>,
    children: BTreeMap<String, Vec<Entry>>,
}

impl Tree {
    fn add(&mut self, rel: &str) {
        let (parent, _) = rel.rsplit_once('/').unwrap_or(("", rel));
        self.children
            .entry(parent.to_owned())
            .or_default()
            .push(Entry::Page(rel.to_owned()));
        let mut dir = parent;
        loop {
            if !self.folders.insert(dir.to_owned()) || dir.is_empty() {
                break;
            }
            let (up, _) = dir.rsplit_once('/').unwrap_or(("", dir));
            self.children
                .entry(up.to_owned())
                .or_default()
                .push(Entry::Folder(dir.to_owned()));
            dir = up;
        }
    }

    /// Whether an entry is its folder's `index.md` or `README.md`.
    fn is_index(&self, e: &Entry) -> bool {
        matches!(e, Entry::Page(_))
            && matches!(
                super::markdown_stem(name(e)).to_ascii_lowercase().as_str(),
                "index" | "readme"
            )
    }

    /// A folder's entries in MkDocs's default order: its index page first, then by name;
    /// `natural` compares runs of digits as numbers (`2-setup` before `10-faq`).
    fn sorted(&self, folder: &str, natural: bool, descending: bool) -> Vec<Entry> {
        let mut entries = self.children.get(folder).cloned().unwrap_or_default();
        let is_index = |e: &Entry| self.is_index(e);
        entries.sort_by(|a, b| {
            is_index(b).cmp(&is_index(a)).then_with(|| {
                let (x, y) = (name(a), name(b));
                let by_name = if natural { natural_cmp(x, y) } else { x.cmp(y) };
                if descending {
                    by_name.reverse()
                } else {
                    by_name
                }
            })
        });
        entries
    }
}

/// An entry's file or folder name.
fn name(e: &Entry) -> &str {
    e.rel().rsplit('/').next().unwrap_or_default()
}

/// Names compared with their runs of digits as numbers.
pub(crate) fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        let (Some(x), Some(y)) = (a.chars().next(), b.chars().next()) else {
            return a.len().cmp(&b.len());
        };
        if x.is_ascii_digit() && y.is_ascii_digit() {
            let run = |s: &str| s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
            let (ra, rb) = (run(a), run(b));
            let (na, nb) = (
                a[..ra].trim_start_matches('0'),
                b[..rb].trim_start_matches('0'),
            );
            let ord = na.len().cmp(&nb.len()).then_with(|| na.cmp(nb));
            if ord.is_ne() {
                return ord;
            }
            (a, b) = (&a[ra..], &b[rb..]);
        } else {
            if x != y {
                return x.cmp(&y);
            }
            (a, b) = (&a[x.len_utf8()..], &b[y.len_utf8()..]);
        }
    }
}

struct Reader<'a> {
    /// The handbook's folder: `order_by: title` reads the pages' titles.
    root: &'a Path,
    tree: &'a Tree,
    /// Folder → its `.pages` file (shown path, text).
    files: &'a BTreeMap<String, (String, String)>,
    out: NavOrder,
    visited: HashSet<String>,
}

/// The `.pages` file being read, for warnings: its shown path and its text.
struct PagesFile<'a> {
    shown: &'a str,
    text: &'a str,
}

/// One `nav:` item, read.
enum Item {
    Entry(Entry, Option<String>),
    /// `...`: the entries the list does not name; with a filter (`... | glob=*.md`,
    /// `... | regex=^ops-`), those of them whose name it matches.
    Rest(Option<Filter>),
}

/// A `...` entry's filter, matched against an entry's file or folder name.
enum Filter {
    Glob(globset::GlobMatcher),
    Regex(regex::Regex),
    /// A pattern that does not compile (already reported): it matches nothing.
    Broken,
}

impl Filter {
    fn matches(&self, name: &str) -> bool {
        match self {
            Filter::Glob(g) => g.is_match(name),
            Filter::Regex(r) => r.is_match(name),
            Filter::Broken => false,
        }
    }
}

impl Reader<'_> {
    fn folder(&mut self, folder: &str, depth: usize, diags: &mut Vec<Diagnostic>) {
        if depth > MAX_DEPTH || !self.visited.insert(folder.to_owned()) {
            return;
        }
        let settings = self.files.get(folder).and_then(|(shown, text)| {
            super::settings_yaml(
                shown,
                text,
                "the awesome-pages order",
                "fix the YAML; until then this folder is ordered as if it were not there",
                diags,
            )
            .map(|v| (shown.clone(), text.clone(), v))
        });
        let setting = |key: &str| settings.as_ref().and_then(|(_, _, v)| v.get(key));
        let natural = setting("sort_type").and_then(Value::as_str) == Some("natural");
        let descending = setting("order").and_then(Value::as_str) == Some("desc");
        let mut defaults = self.tree.sorted(folder, natural, descending);
        if setting("order_by").and_then(Value::as_str) == Some("title") {
            self.by_title(&mut defaults, natural, descending);
        }
        if !folder.is_empty() {
            let at = format!("{CONTENT_DIR}/{folder}");
            if let Some(title) = setting("title").and_then(Value::as_str) {
                self.out
                    .folder_labels
                    .push((at.clone(), title.trim().to_owned()));
            }
            if setting("hide").and_then(Value::as_bool) == Some(true) {
                self.out.hidden.insert(at);
            }
        }
        // `arrange:` is the plugin's first name for `nav:`.
        let nav = setting("nav").or_else(|| setting("arrange"));
        let entries: Vec<(Entry, Option<String>)> = match (nav, &settings) {
            (Some(Value::Sequence(items)), Some((shown, text, _))) => {
                let mut items_read = Vec::new();
                let file = PagesFile { shown, text };
                self.items(folder, items, &file, 0, &mut items_read, diags);
                let named: HashSet<&str> = items_read
                    .iter()
                    .filter_map(|i| match i {
                        Item::Entry(e, _) => Some(e.rel()),
                        Item::Rest(_) => None,
                    })
                    .collect();
                let has_rest = items_read.iter().any(|i| matches!(i, Item::Rest(None)));
                // The folder's index page is the folder itself in the handbook: first, and
                // never hidden, whether the list names it or not.
                let index = defaults
                    .first()
                    .filter(|e| self.tree.is_index(e) && !named.contains(e.rel()))
                    .cloned();
                let mut rest: Vec<Entry> = defaults
                    .iter()
                    .filter(|e| !named.contains(e.rel()) && Some(*e) != index.as_ref())
                    .cloned()
                    .collect();
                // A filtered `...` takes the entries its filter matches first, wherever it
                // stands, as the plugin does; the plain `...` takes what is left.
                let mut claimed: Vec<Vec<Entry>> = Vec::new();
                for item in &items_read {
                    if let Item::Rest(Some(filter)) = item {
                        let (mine, left) = rest.into_iter().partition(|e| filter.matches(name(e)));
                        claimed.push(mine);
                        rest = left;
                    }
                }
                if !has_rest {
                    // Not in the site's navigation: published, hidden from the sidebars.
                    for e in &rest {
                        self.out.hidden.insert(format!("{CONTENT_DIR}/{}", e.rel()));
                    }
                }
                let mut entries: Vec<(Entry, Option<String>)> =
                    index.into_iter().map(|e| (e, None)).collect();
                let mut rest = Some(rest);
                let mut claimed = claimed.into_iter();
                for item in items_read {
                    match item {
                        Item::Entry(e, label) => entries.push((e, label)),
                        Item::Rest(Some(_)) => {
                            entries.extend(claimed.next().into_iter().flatten().map(|e| (e, None)))
                        }
                        Item::Rest(None) => {
                            entries.extend(rest.take().into_iter().flatten().map(|e| (e, None)))
                        }
                    }
                }
                // Unnamed entries are still read, after the rest: their folders may set
                // titles, and their pages need a place.
                entries.extend(rest.into_iter().flatten().map(|e| (e, None)));
                entries
            }
            _ => defaults.into_iter().map(|e| (e, None)).collect(),
        };
        for (entry, label) in entries {
            match entry {
                Entry::Page(rel) => {
                    let path = format!("{CONTENT_DIR}/{rel}");
                    if let Some(label) = label {
                        self.out.labels.insert(path.clone(), label);
                    }
                    self.out.pages.push(path);
                }
                Entry::Folder(rel) => {
                    if let Some(label) = label {
                        self.out
                            .folder_labels
                            .push((format!("{CONTENT_DIR}/{rel}"), label));
                    }
                    self.folder(&rel, depth + 1, diags);
                }
            }
        }
    }

    /// The items of a `nav:` list (or of a section in it) of `folder`'s `.pages`.
    fn items(
        &self,
        folder: &str,
        items: &[Value],
        file: &PagesFile,
        depth: usize,
        out: &mut Vec<Item>,
        diags: &mut Vec<Diagnostic>,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        for item in items {
            match item {
                Value::String(name) => {
                    if let Some(read) = self.item(folder, name, None, file, diags) {
                        out.push(read);
                    }
                }
                Value::Mapping(map) => {
                    for (k, v) in map {
                        let label = k.as_str().map(|s| s.trim().to_owned());
                        match v {
                            Value::String(name) => {
                                if let Some(read) = self.item(folder, name, label, file, diags) {
                                    out.push(read);
                                }
                            }
                            // A section: its entries take its place.
                            Value::Sequence(inner) => {
                                self.items(folder, inner, file, depth + 1, out, diags)
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// One named entry: `...` (with or without a filter), a link elsewhere (`None`), a page
    /// or folder of `folder`, or a name that is neither (a warning at its place in the file).
    fn item(
        &self,
        folder: &str,
        name: &str,
        label: Option<String>,
        file: &PagesFile,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Item> {
        let PagesFile { shown, text } = *file;
        let name = name.trim();
        if let Some(options) = name.strip_prefix("...") {
            return Some(Item::Rest(rest_filter(options, file, diags)));
        }
        if name.contains("://") || name.starts_with("mailto:") || name.starts_with('#') {
            return None;
        }
        let clean = name.trim_start_matches("./").trim_end_matches('/');
        let rel = match folder {
            "" => clean.to_owned(),
            f => format!("{f}/{clean}"),
        };
        let entries = self.tree.children.get(folder);
        let found = entries.and_then(|all| {
            all.iter()
                .find(|e| e.rel() == rel)
                .or_else(|| {
                    // `setup` for `setup.md`, as the plugin also accepts.
                    all.iter()
                        .find(|e| matches!(e, Entry::Page(p) if super::markdown_stem(p) == rel))
                })
                .cloned()
        });
        match found {
            Some(e) => Some(Item::Entry(e, label)),
            None => {
                let at = text.find(name).map_or(0..0, |at| at..at + name.len());
                diags.push(
                    Diagnostic::warning(
                        "broken-link",
                        shown,
                        format!("the awesome-pages `nav:` lists `{name}`, and this folder has no such page or folder"),
                    )
                    .with_help("correct the name (or remove the entry); the pages are ordered without it meanwhile")
                    .at(text, at),
                );
                None
            }
        }
    }
}

/// The filter of a `...` entry, from what follows the dots (` | flat | glob=*.md`): a
/// `glob=` or `regex=` pattern, matched against an entry's name; `flat` (the plugin lists
/// the folders' pages in their place, where orgbook reads a folder in its place anyway)
/// changes nothing. A pattern that does not compile is a `folder-settings` warning at its
/// place, and its `...` takes nothing.
fn rest_filter(options: &str, file: &PagesFile, diags: &mut Vec<Diagnostic>) -> Option<Filter> {
    for option in options.split('|').map(str::trim) {
        let (kind, pattern) = if let Some(p) = option.strip_prefix("glob=") {
            ("glob", p)
        } else if let Some(p) = option.strip_prefix("regex=") {
            ("regex", p)
        } else {
            continue;
        };
        let pattern = pattern.trim().trim_matches(|c| c == '"' || c == '\'');
        let compiled = match kind {
            "glob" => globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map(|g| Filter::Glob(g.compile_matcher()))
                .map_err(|e| e.kind().to_string()),
            _ => regex::RegexBuilder::new(pattern)
                .size_limit(1 << 20)
                .build()
                .map(Filter::Regex)
                .map_err(|e| e.to_string().lines().last().unwrap_or_default().to_string()),
        };
        return Some(compiled.unwrap_or_else(|why| {
            let at = file.text.find(option).map_or(0..0, |at| at..at + option.len());
            diags.push(
                Diagnostic::warning(
                    "folder-settings",
                    file.shown,
                    format!("the awesome-pages `nav:` filters `...` with `{option}`, which is no {kind} pattern ({why})"),
                )
                .with_help("fix the pattern; until then this `...` lists nothing")
                .at(file.text, at),
            );
            Filter::Broken
        }));
    }
    None
}

/// The largest part of a page read for its title (`order_by: title`).
const TITLE_BYTES: u64 = 1 << 16;

impl Reader<'_> {
    /// `entries` in the order of their titles (`order_by: title`): a page's front matter
    /// `title`, else its first `# heading`, else its file name; a folder's its index
    /// page's, else its name. The index page stays first.
    fn by_title(&self, entries: &mut [Entry], natural: bool, descending: bool) {
        let start = usize::from(entries.first().is_some_and(|e| self.tree.is_index(e)));
        let mut keyed: Vec<(String, Entry)> = entries[start..]
            .iter()
            .map(|e| (self.title_of(e).to_lowercase(), e.clone()))
            .collect();
        keyed.sort_by(|(a, _), (b, _)| {
            let by = if natural { natural_cmp(a, b) } else { a.cmp(b) };
            if descending { by.reverse() } else { by }
        });
        for (slot, (_, e)) in entries[start..].iter_mut().zip(keyed) {
            *slot = e;
        }
    }

    fn title_of(&self, e: &Entry) -> String {
        let page = match e {
            Entry::Page(p) => Some(p.clone()),
            Entry::Folder(f) => self
                .tree
                .children
                .get(f)
                .and_then(|all| all.iter().find(|c| self.tree.is_index(c)))
                .map(|c| c.rel().to_string()),
        };
        page.and_then(|p| page_title(&self.root.join(CONTENT_DIR).join(p)))
            .unwrap_or_else(|| super::markdown_stem(name(e)).to_string())
    }
}

/// A page's title as MkDocs gives it: its front matter's `title`, else its first `# `
/// heading; from the start of the file only.
fn page_title(path: &Path) -> Option<String> {
    use std::io::Read;
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::new();
    file.take(TITLE_BYTES).read_to_end(&mut bytes).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let text = text.trim_start_matches('\u{feff}');
    let mut lines = text.lines();
    if text.starts_with("---") {
        lines.next();
        for line in lines.by_ref() {
            if line.trim_end() == "---" {
                break;
            }
            if let Some(title) = line.strip_prefix("title:") {
                let title = title.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                if !title.is_empty() {
                    return Some(title.to_string());
                }
            }
        }
    }
    lines
        .find_map(|l| l.strip_prefix("# "))
        .map(|t| t.trim().trim_end_matches('#').trim().to_string())
        .filter(|t| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
        let root = tempfile::tempdir().unwrap();
        for (rel, text) in files {
            let path = root.path().join(CONTENT_DIR).join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }

    fn md_of(files: &[(&str, &str)]) -> Vec<&'static str> {
        files
            .iter()
            .filter(|(rel, _)| rel.ends_with(".md"))
            .map(|(rel, _)| &*rel.to_string().leak())
            .collect()
    }

    #[test]
    fn nav_rest_labels_titles_and_hidden_entries() {
        let files = [
            ("index.md", "# Home"),
            ("zeta.md", "# Zeta"),
            ("alpha.md", "# Alpha"),
            ("faq.md", "# FAQ"),
            ("guide/index.md", "# Guide"),
            ("guide/b.md", "# B"),
            ("guide/a.md", "# A"),
            ("guide/old.md", "# Old"),
            (
                ".pages",
                "nav:\n  - index.md\n  - guide\n  - ...\n  - Questions: faq.md\n  - Status: https://status.example.org\n  - missing.md\n",
            ),
            (
                "guide/.pages",
                "title: The Guide\nnav:\n  - b.md\n  - Part two:\n    - a\n",
            ),
        ];
        let root = handbook(&files);
        let mut diags = Vec::new();
        let order = read(root.path(), &md_of(&files), &mut diags);
        assert_eq!(
            order.pages,
            [
                "content/index.md",
                "content/guide/index.md",
                "content/guide/b.md",
                "content/guide/a.md",
                "content/guide/old.md",
                "content/alpha.md",
                "content/zeta.md",
                "content/faq.md",
            ]
        );
        assert_eq!(order.labels["content/faq.md"], "Questions");
        assert!(
            order
                .folder_labels
                .contains(&("content/guide".to_owned(), "The Guide".to_owned()))
        );
        // Not named in a nav without `...`: out of the navigation.
        assert_eq!(
            order.hidden.iter().collect::<Vec<_>>(),
            ["content/guide/old.md"]
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].file, "content/.pages");
        assert_eq!(diags[0].line, 7);
        assert!(diags[0].message.contains("`missing.md`"), "{diags:?}");
    }

    #[test]
    fn default_order_desc_natural_and_hide() {
        let files = [
            ("10-faq.md", ""),
            ("2-setup.md", ""),
            ("1-intro.md", ""),
            ("archive/old.md", ""),
            (".pages", "sort_type: natural\n"),
            ("archive/.pages", "hide: true\norder: desc\n"),
        ];
        let root = handbook(&files);
        let order = read(root.path(), &md_of(&files), &mut Vec::new());
        assert_eq!(
            order.pages,
            [
                "content/1-intro.md",
                "content/2-setup.md",
                "content/10-faq.md",
                "content/archive/old.md"
            ]
        );
        assert!(order.hidden.contains("content/archive"));
        assert_eq!(natural_cmp("a2", "a10"), std::cmp::Ordering::Less);
        assert_eq!(natural_cmp("a02", "a2"), std::cmp::Ordering::Equal);
        assert_eq!(natural_cmp("b", "a10"), std::cmp::Ordering::Greater);
    }

    #[test]
    fn nothing_without_a_pages_file_and_bad_yaml_is_a_warning() {
        let files = [("a.md", ""), ("b.md", "")];
        let root = handbook(&files);
        assert_eq!(
            read(root.path(), &md_of(&files), &mut Vec::new()),
            NavOrder::default()
        );
        std::fs::write(root.path().join("content/.pages"), "nav: [a.md\n").unwrap();
        let mut diags = Vec::new();
        let order = read(root.path(), &md_of(&files), &mut diags);
        assert_eq!(order.pages, ["content/a.md", "content/b.md"]);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].code, "yaml-syntax");
    }

    #[cfg(unix)]
    #[test]
    fn a_pages_file_that_is_a_link_is_not_read() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("x"), "nav:\n  - b.md\n").unwrap();
        let files = [("a.md", ""), ("b.md", "")];
        let root = handbook(&files);
        std::os::unix::fs::symlink(outside.path().join("x"), root.path().join("content/.pages"))
            .unwrap();
        assert!(
            read(root.path(), &md_of(&files), &mut Vec::new())
                .pages
                .is_empty()
        );
    }
}
