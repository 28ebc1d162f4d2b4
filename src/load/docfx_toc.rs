//! DocFX's page order. A DocFX project lists its pages in `toc.yml` files: the one at its
//! root (beside `content/` once moved in, or at its top) holds items with a `name` (the
//! page's title in DocFX's navigation), an `href` (a page, another folder's `toc.yml`, or a
//! folder ending in `/`, which means its `toc.yml`), a `topicHref` (the page a section
//! opens on) and nested `items`. Each file's paths are relative to its own folder. Read
//! into one list of content paths, the reading order GitBook's `SUMMARY.md` gives
//! (`link::summary_order`); a `name` is the page's label in the navigation, and a section
//! whose pages share a folder names that folder, as MkDocs's sections do. An entry that
//! names its page by `uid` (or `topicUid`) rather than by file is resolved by the link
//! stage, which knows the pages' uids (`NavOrder::uid_entries`). Without a `toc.yml`, a
//! DocFX project's `toc.md` (the Markdown form: `# [Title](path.md)`, `## [Child](x.md)`,
//! nested by heading level) is read the same way, and is no page (`NavOrder::toc_files`).
//! Links to the web are not read.

use super::{CONTENT_DIR, NavOrder, NavSource};
use crate::diagnostic::Diagnostic;
use std::path::Path;
use yaml_serde::Value;

/// The file's name, in the project's root and in any folder it links.
pub const FILE: &str = "toc.yml";

/// The Markdown form's name, read where a DocFX project has no `toc.yml`.
pub const MD_FILE: &str = "toc.md";

/// How an entry naming a page by uid stands in [`NavOrder::pages`] until the link stage
/// resolves it: as an `xref:` link names it, and never a path under `content/`.
pub const UID_ENTRY: &str = "xref:";

/// The largest file read: a table of contents, never this large.
const MAX_BYTES: u64 = 1 << 22;

/// How deeply items and linked files nest: far beyond a site, short of a runaway.
const MAX_NESTING: usize = 32;

/// Whether the handbook at `root` is a DocFX project: its `docfx.json` or its root
/// `toc.yml`, beside `content/` or at its top. (What only DocFX reads, its `@uid`
/// shorthand, is read there only.)
pub fn project(root: &Path) -> bool {
    ["docfx.json", FILE]
        .iter()
        .any(|name| root.join(name).is_file() || root.join(CONTENT_DIR).join(name).is_file())
}

/// The root table of contents (as shown in diagnostics, and its path), beside `content/`
/// first.
pub fn find(root: &Path) -> Option<(String, std::path::PathBuf)> {
    super::find_beside_or_in_content(root, &[FILE], MAX_BYTES).or_else(|| {
        // `toc.md` is an ordinary page's name elsewhere: only DocFX's beside docfx.json.
        let docfx = root.join("docfx.json").is_file()
            || root.join(CONTENT_DIR).join("docfx.json").is_file();
        docfx
            .then(|| super::find_beside_or_in_content(root, &[MD_FILE], MAX_BYTES))
            .flatten()
    })
}

/// The order the root table of contents (`shown`, its `text`) gives, following the
/// `toc.yml` files it links under `root`'s `content/`.
pub fn order(
    root: &Path,
    shown: &str,
    text: &str,
    source: &NavSource,
    diags: &mut Vec<Diagnostic>,
) -> NavOrder {
    let mut reader = Reader {
        root,
        source,
        lower: source
            .files
            .iter()
            .map(|f| (f.to_ascii_lowercase(), *f))
            .collect(),
        read: std::collections::HashSet::from([FILE.to_string(), MD_FILE.to_string()]),
        reading: Vec::new(),
        out: NavOrder::default(),
    };
    reader.file("", shown, text, 0, diags);
    reader.out
}

struct Reader<'a> {
    root: &'a Path,
    source: &'a NavSource<'a>,
    /// The Markdown files by their lower-cased path: DocFX is often run on Windows, where
    /// `data-Messages.md` finds `data-messages.md`.
    lower: std::collections::HashMap<String, &'a str>,
    /// The `toc.yml` files read (under `content/`): each once, whatever links it again.
    read: std::collections::HashSet<String>,
    /// The files being read, innermost last: each as shown in diagnostics, and its text.
    reading: Vec<(String, String)>,
    out: NavOrder,
}

impl Reader<'_> {
    /// The items of one `toc.yml` in folder `dir` (under `content/`, `""` for its top).
    fn file(
        &mut self,
        dir: &str,
        shown: &str,
        text: &str,
        depth: usize,
        diags: &mut Vec<Diagnostic>,
    ) {
        let markdown = shown.ends_with(".md");
        if markdown && let Some(page) = shown.strip_prefix(&format!("{CONTENT_DIR}/")) {
            self.out.toc_files.push(format!("{CONTENT_DIR}/{page}"));
        }
        let value = if markdown {
            Some(markdown_toc(text))
        } else {
            super::settings_yaml(
                shown,
                text,
                "DocFX's table of contents",
                "fix the YAML; until then its pages are ordered as if it were not there",
                diags,
            )
        };
        let Some(value) = value else {
            return;
        };
        // A root written as `items:` under nothing (some sites indent it so) is its list.
        let items = value.get("items").unwrap_or(&value);
        self.reading.push((shown.to_string(), text.to_string()));
        self.items(dir, items, depth, diags);
        self.reading.pop();
    }

    fn items(&mut self, dir: &str, value: &Value, depth: usize, diags: &mut Vec<Diagnostic>) {
        if depth > MAX_NESTING {
            return;
        }
        match value {
            Value::Sequence(items) => {
                for item in items {
                    self.item(dir, item, depth + 1, diags);
                }
            }
            Value::Tagged(tagged) => self.items(dir, &tagged.value, depth, diags),
            _ => {}
        }
    }

    fn item(&mut self, dir: &str, item: &Value, depth: usize, diags: &mut Vec<Diagnostic>) {
        let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::trim);
        let name = text("name").filter(|n| !n.is_empty());
        let start = self.out.pages.len();
        let mut section = false;
        if let Some(topic) = text("topicHref").and_then(|h| self.page_or_report(dir, h, diags)) {
            self.out.push(topic);
        } else if let Some(uid) = text("topicUid") {
            self.uid("topicUid", uid, None);
        }
        let href = text("href").filter(|h| !h.is_empty());
        if let Some(uid) = text("uid").filter(|_| href.is_none()) {
            self.uid("uid", uid, name);
        }
        if let Some(href) = href {
            if let Some(toc) = nested_toc(dir, href) {
                section = true;
                self.linked(&toc, depth, diags);
            } else if let Some(page) = self.page_or_report(dir, href, diags) {
                if let Some(name) = name {
                    self.out
                        .labels
                        .entry(page.clone())
                        .or_insert(name.to_string());
                }
                self.out.push(page);
            }
        }
        if let Some(items) = item.get("items") {
            section = true;
            self.items(dir, items, depth, diags);
        }
        if section && let Some(name) = name {
            self.out.name_section(start, name);
        }
    }

    /// An entry naming its page by `uid` (the `key` it is written under): a stand-in in the
    /// order, named `name`, and the warning for the link stage to give when no page has it.
    fn uid(&mut self, key: &str, uid: &str, name: Option<&str>) {
        let Some((shown, text)) = self.reading.last() else {
            return;
        };
        if uid.is_empty() {
            return;
        }
        let entry = format!("{UID_ENTRY}{uid}");
        let at = value_of(text, key, uid).map_or(0..0, |at| at..at + uid.len());
        let warning = Diagnostic::warning(
            "broken-link",
            shown,
            format!("DocFX's table of contents lists `{key}: {uid}`, and no page has that uid"),
        )
        .with_help("give the page it means `uid: {uid}` in its front matter, or list its file with `href:`; the pages are ordered without it meanwhile".replace("{uid}", uid))
        .at(text, at);
        if let Some(name) = name {
            self.out
                .labels
                .entry(entry.clone())
                .or_insert(name.to_string());
        }
        self.out.uid_entries.push((entry.clone(), warning));
        self.out.push(entry);
    }

    /// Reads the `toc.yml` at `toc` (under `content/`) that an item links.
    fn linked(&mut self, toc: &str, depth: usize, diags: &mut Vec<Diagnostic>) {
        // A set: a large project links hundreds of these files.
        if depth > MAX_NESTING || !self.read.insert(toc.to_string()) {
            return;
        }
        let fits = |path: &Path| {
            std::fs::symlink_metadata(path)
                .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_BYTES)
        };
        let mut toc = toc.to_string();
        let mut path = self.root.join(CONTENT_DIR).join(&toc);
        // A folder's table of contents may be the Markdown form.
        if !fits(&path)
            && let Some(folder) = toc.strip_suffix(FILE)
        {
            toc = format!("{folder}{MD_FILE}");
            path = self.root.join(CONTENT_DIR).join(&toc);
        }
        if !fits(&path) || (toc.ends_with(".md") && !self.read.insert(toc.clone())) {
            return;
        }
        let toc = toc.as_str();
        let shown = format!("{CONTENT_DIR}/{toc}");
        let Ok(text) = crate::text::legacy::read_beside(&path, &shown, diags) else {
            return;
        };
        let dir = toc.rsplit_once('/').map_or("", |(d, _)| d);
        self.file(dir, &shown, &text, depth + 1, diags);
    }

    /// [`Reader::page`], and a warning at `href` in the file being read when it names a
    /// Markdown file that is not there (renamed since, most often): DocFX warns too, and
    /// the page it meant would otherwise drop out of the order in silence.
    fn page_or_report(&self, dir: &str, href: &str, diags: &mut Vec<Diagnostic>) -> Option<String> {
        let page = self.page(dir, href);
        let missing =
            page.is_none() && joined(dir, href).is_some_and(|rel| crate::load::is_markdown(&rel));
        if missing && let Some((shown, text)) = self.reading.last() {
            let at = text.find(href).map_or(0..0, |at| at..at + href.len());
            diags.push(
                Diagnostic::warning(
                    "broken-link",
                    shown,
                    format!("DocFX's table of contents lists `{href}`, and there is no such page"),
                )
                .with_help("correct the path (or remove the entry); the pages are ordered without it meanwhile")
                .at(text, at),
            );
        }
        page
    }

    /// The content path of the page `href` names from folder `dir`, if there is one.
    fn page(&self, dir: &str, href: &str) -> Option<String> {
        let rel = joined(dir, href)?;
        if !crate::load::is_markdown(&rel) {
            return None;
        }
        self.source.page(&rel).or_else(|| {
            let found = self.lower.get(&rel.to_ascii_lowercase())?;
            Some(format!("{CONTENT_DIR}/{found}"))
        })
    }
}

/// DocFX's Markdown table of contents as the items `toc.yml` would hold: each heading
/// (`# [Title](path.md)`, or `# Title` for a section without a page) an item named by its
/// text, with its link as `href`, the headings of a deeper level below it its `items`.
/// Lines that are no heading are not read.
fn markdown_toc(text: &str) -> Value {
    let mut entries: Vec<(usize, &str, Option<&str>)> = Vec::new();
    for line in text.lines() {
        let hashes = line.bytes().take_while(|&b| b == b'#').count();
        let Some(heading) = line[hashes..].strip_prefix([' ', '\t']) else {
            continue;
        };
        if !(1..=6).contains(&hashes) {
            continue;
        }
        let heading = heading.trim().trim_end_matches('#').trim();
        let linked = heading
            .strip_prefix('[')
            .and_then(|h| h.split_once("]("))
            .and_then(|(name, rest)| Some((name, rest.strip_suffix(')')?)));
        match linked {
            Some((name, href)) => entries.push((hashes, name.trim(), Some(href.trim()))),
            None if !heading.is_empty() => entries.push((hashes, heading, None)),
            None => {}
        }
    }
    Value::Sequence(toc_items(&entries, &mut 0, 0))
}

/// The items of [`markdown_toc`] from `entries[*at..]` deeper than `level`, nested.
fn toc_items(entries: &[(usize, &str, Option<&str>)], at: &mut usize, level: usize) -> Vec<Value> {
    let mut items = Vec::new();
    while let Some(&(depth, name, href)) = entries.get(*at) {
        if depth <= level {
            break;
        }
        *at += 1;
        let mut item = yaml_serde::Mapping::new();
        item.insert("name".into(), name.into());
        if let Some(href) = href {
            item.insert("href".into(), href.into());
        }
        let children = toc_items(entries, at, depth);
        if !children.is_empty() {
            item.insert("items".into(), Value::Sequence(children));
        }
        items.push(Value::Mapping(item));
    }
    items
}

/// Where `value` is written as the value of `key` (`uid: intro`) in `text`: the first such
/// place, else the first `value` anywhere.
fn value_of(text: &str, key: &str, value: &str) -> Option<usize> {
    text.match_indices(value)
        .map(|(at, _)| at)
        .find(|&at| {
            let before = text[..at].trim_end_matches([' ', '\t', '"', '\'']);
            before.ends_with(':') && before[..before.len() - 1].ends_with(key)
        })
        .or_else(|| text.find(value))
}

/// The `toc.yml` (under `content/`) an `href` in folder `dir` names: the file itself, or
/// a folder (`data/`), which means its `toc.yml`.
fn nested_toc(dir: &str, href: &str) -> Option<String> {
    let rel = joined(dir, href)?;
    let lower = rel.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    if lower.ends_with(".yml") || lower.ends_with(".yaml") || name == MD_FILE {
        Some(rel)
    } else if href.trim().ends_with('/') {
        Some(if rel.is_empty() {
            FILE.to_string()
        } else {
            format!("{rel}/{FILE}")
        })
    } else {
        None
    }
}

/// `href` from folder `dir`, as a path under `content/` (`~/` is DocFX's project root,
/// `content/` once moved in); `None` for the web, or a path that leaves `content/`.
fn joined(dir: &str, href: &str) -> Option<String> {
    let href = href.trim();
    if href.contains("://") || href.starts_with("mailto:") {
        return None;
    }
    let href = href.split(['#', '?']).next().unwrap_or(href);
    let href = crate::text::percent_decode_lenient(href);
    let (base, rest) = match href.strip_prefix("~/").or_else(|| href.strip_prefix('/')) {
        Some(rest) => ("", rest.to_string()),
        None => (dir, href),
    };
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in rest.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hrefs_are_read_from_their_file_s_folder() {
        assert_eq!(joined("ops", "../index.md").as_deref(), Some("index.md"));
        assert_eq!(
            joined("ops", "rota.md#week").as_deref(),
            Some("ops/rota.md")
        );
        assert_eq!(
            joined("ops", "~/people/a.md").as_deref(),
            Some("people/a.md")
        );
        assert_eq!(joined("", "../x.md"), None);
        assert_eq!(joined("", "https://example.com/x.md"), None);
        assert_eq!(nested_toc("", "ops/").as_deref(), Some("ops/toc.yml"));
        assert_eq!(nested_toc("a", "b/TOC.yml").as_deref(), Some("a/b/TOC.yml"));
        assert_eq!(nested_toc("a", "b.md"), None);
    }
}
