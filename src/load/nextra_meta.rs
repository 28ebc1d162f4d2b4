//! Nextra's and Rspress's page order. Each folder of a Nextra site may hold a `_meta.json` (or a
//! `_meta.js`, `.ts`, `.tsx` whose `export default` is an object literal) whose keys name
//! the folder's pages (`onboarding` for `onboarding.mdx`) and sub-folders in the order the
//! site shows them; a key's value is the page's label in the navigation (a string, or
//! `title` in an object) and `display: "hidden"` keeps it out of the navigation. Read
//! depth first into one list of content paths, the reading order GitBook's `SUMMARY.md`
//! gives (`link::summary_order`), so a Nextra site moved into `content/` reads in its order.
//! Rspress writes the same file as a list (`["intro", {"type": "dir", "name": "guide",
//! "label": "Guide"}]`), read as the same keys and titles ([`rspress_entries`]).
//!
//! The script forms are read, never run: only a literal of strings, numbers, booleans,
//! arrays and objects is understood ([`object_literal`]). Anything else (a JSX title, a
//! spread, a function call) makes the whole file unreadable, with one note, and its folder
//! keeps orgbook's own order. Hand-written rather than `serde_json`, whose objects forget
//! the order of their keys, which is all this file is about.

use super::{NavOrder, NavSource};
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Nextra's names for the file, in order of precedence.
pub const FILE_NAMES: &[&str] = &[
    "_meta.json",
    "_meta.js",
    "_meta.jsx",
    "_meta.ts",
    "_meta.tsx",
    "_meta.mjs",
];

/// The largest file read (a list of names; anything larger is not one).
const MAX_BYTES: usize = 1 << 20;

/// How deeply literals nest, and folders are followed: far beyond a site, short of a
/// runaway.
const MAX_NESTING: usize = 32;

/// Whether `rel` (relative to `content/`) is a folder's `_meta` file.
pub fn is_meta_file(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    FILE_NAMES.contains(&name)
}

/// A value of a `_meta` file, as far as it is understood.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Text(String),
    Object(Vec<(String, Value)>),
    /// An array: Rspress's `_meta.json` is one ([`rspress_entries`]).
    List(Vec<Value>),
    /// A number, boolean or `null`: read past, not used.
    Other,
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => Some(t),
            _ => None,
        }
    }
}

/// The order the `_meta` files give, read depth first from the top of `content/`.
/// `metas` are `(path under content/, text)`; `source` tells which pages and folders exist.
pub fn order(
    metas: &[(String, String)],
    source: &NavSource,
    diags: &mut Vec<Diagnostic>,
) -> NavOrder {
    // One file a folder, the first of FILE_NAMES.
    let mut by_folder: BTreeMap<&str, (usize, &str, &str)> = BTreeMap::new();
    for (rel, text) in metas {
        let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
        let rank = FILE_NAMES
            .iter()
            .position(|n| *n == name)
            .unwrap_or(usize::MAX);
        if by_folder.get(dir).is_none_or(|(r, _, _)| rank < *r) {
            by_folder.insert(dir, (rank, rel, text));
        }
    }
    let mut entries: BTreeMap<&str, Vec<(String, Value)>> = BTreeMap::new();
    for (dir, (_, rel, text)) in &by_folder {
        let file = format!("{}/{rel}", super::CONTENT_DIR);
        match read(rel, text) {
            Ok(keys) => {
                entries.insert(dir, keys);
            }
            Err(why) => diags.push(
                Diagnostic::note("folder-settings", &file, format!("Nextra's page order not read: {why}"))
                    .with_help("write it as `export default { page: \"Title\", … }` with plain strings and objects (or as _meta.json); until then the folder's pages keep orgbook's order"),
            ),
        }
    }
    // Folders on the way to a `_meta` file, each under its parent: a folder without one
    // still leads to those below it.
    let mut children: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for dir in entries.keys() {
        let mut d: &str = dir;
        while !d.is_empty() {
            let parent = d.rsplit_once('/').map_or("", |(p, _)| p);
            children.entry(parent).or_default().insert(d);
            d = parent;
        }
    }
    let mut walk = Walk {
        entries: &entries,
        children: &children,
        source,
        out: NavOrder::default(),
        seen: HashSet::new(),
    };
    walk.visit("", 0);
    walk.out
}

struct Walk<'a> {
    entries: &'a BTreeMap<&'a str, Vec<(String, Value)>>,
    children: &'a BTreeMap<&'a str, BTreeSet<&'a str>>,
    source: &'a NavSource<'a>,
    out: NavOrder,
    /// Folders visited: each once, whatever the files say.
    seen: HashSet<String>,
}

impl Walk<'_> {
    fn visit(&mut self, dir: &str, depth: usize) {
        if depth > MAX_NESTING || !self.seen.insert(dir.to_string()) {
            return;
        }
        let join = |name: &str| match dir {
            "" => name.to_string(),
            dir => format!("{dir}/{name}"),
        };
        for (key, value) in self.entries.get(dir).into_iter().flatten() {
            // `*` holds defaults, `---` separators; a key cannot leave its folder.
            if key == "*" || key.is_empty() || key.starts_with('.') || key.contains(['/', '\\']) {
                continue;
            }
            if value.get("type").and_then(Value::text) == Some("separator")
                || value.get("href").is_some()
            {
                continue;
            }
            let label = match value {
                Value::Text(t) => Some(t.as_str()),
                _ => value.get("title").and_then(Value::text),
            }
            .map(str::trim)
            .filter(|l| !l.is_empty());
            let hidden = value.get("display").and_then(Value::text) == Some("hidden");
            let path = join(key);
            let page = self.source.page(&path);
            if let Some(page) = &page {
                self.out.pages.push(page.clone());
                if let Some(label) = label {
                    self.out.labels.insert(page.clone(), label.to_string());
                }
                if hidden {
                    self.out.hidden.insert(page.clone());
                }
            }
            if self.source.is_folder(&path) {
                let folder = format!("{}/{path}", super::CONTENT_DIR);
                if let Some(label) = label.filter(|_| page.is_none()) {
                    self.out
                        .folder_labels
                        .push((folder.clone(), label.to_string()));
                }
                if hidden {
                    self.out.hidden.insert(folder.clone());
                }
                let before = self.out.pages.len();
                if let Some(index) = self.source.page(&format!("{path}/index")) {
                    self.out.pages.push(index);
                }
                self.visit(&path, depth + 1);
                // A folder without a `_meta` file or index page of its own lists no page:
                // it still stands where its entry is (Rspress's `{"type": "dir"}`), in the
                // pages' numbering (`NavOrder::finished`).
                if self.out.pages.len() == before {
                    self.out.folder_places.push((folder, before as i64 + 1));
                }
            }
        }
        let below: Vec<&str> = self
            .children
            .get(dir)
            .into_iter()
            .flatten()
            .copied()
            .collect();
        for child in below {
            self.visit(child, depth + 1);
        }
    }
}

/// The keys of one `_meta` file (`rel` under `content/`), in order, or why it cannot be read.
fn read(rel: &str, text: &str) -> Result<Vec<(String, Value)>, String> {
    if text.len() > MAX_BYTES {
        return Err("it is too large to be a list of pages".into());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let literal = if rel.ends_with(".json") {
        Some(text)
    } else {
        default_export(text)
    };
    let Some(literal) = literal else {
        return Err("it does not `export default` an object literal".into());
    };
    match object_literal(literal)? {
        Value::Object(entries) => Ok(entries),
        Value::List(items) => Ok(rspress_entries(items)),
        _ => Err("it is not an object".into()),
    }
}

/// Rspress's `_meta.json`, a list of the folder's pages and sub-folders in order: a name
/// (`"setup"`, `"setup.md"`), or an object with its `name` and `label` (`{"type": "file",
/// "name": "oncall", "label": "On-call rota"}`, `"type": "dir"` for a folder), as the keys
/// and titles of a Nextra file. Dividers, section headers and links name no page.
fn rspress_entries(items: Vec<Value>) -> Vec<(String, Value)> {
    let name = |n: &str| {
        let n = n.trim();
        super::strip_markdown_extension(n).unwrap_or(n).to_string()
    };
    items
        .into_iter()
        .filter_map(|item| match &item {
            Value::Text(t) => Some((name(t), Value::Other)),
            Value::Object(_) => {
                let page = item.get("name").and_then(Value::text).map(name)?;
                let title = item
                    .get("label")
                    .and_then(Value::text)
                    .map(|l| vec![("title".to_string(), Value::Text(l.to_string()))]);
                Some((page, title.map_or(Value::Other, Value::Object)))
            }
            _ => None,
        })
        .collect()
}

/// The text from the object `export default` gives: written there (`export default {`),
/// or a `const` of that name (`const meta: MetaRecord = {` … `export default meta`).
fn default_export(text: &str) -> Option<&str> {
    let at = text.find("export default")? + "export default".len();
    let after = text[at..].trim_start();
    if after.starts_with('{') {
        return Some(after);
    }
    let name: String = after
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '$'))
        .collect();
    if name.is_empty() {
        return None;
    }
    let decl = format!("const {name}");
    let start = text
        .match_indices(&decl)
        .map(|(i, _)| i + decl.len())
        .find(|&i| {
            !text[i..].starts_with(|c: char| c.is_alphanumeric() || matches!(c, '_' | '$'))
        })?;
    let rest = &text[start..];
    let brace = rest.find('{')?;
    // Only a type annotation may stand between the name and `= {`.
    let between = &rest[..brace];
    between.trim_end().ends_with('=').then_some(&rest[brace..])
}

/// The first value of `text`, an object literal in JSON or JavaScript (unquoted and
/// single-quoted keys, `'` and `` ` `` strings without `${`, comments, trailing commas).
/// What follows it (`satisfies MetaRecord`, `;`) is not read.
fn object_literal(text: &str) -> Result<Value, String> {
    let mut p = Parser { text, at: 0 };
    p.skip();
    if !p.rest().starts_with(['{', '[']) {
        return Err("it is not an object".into());
    }
    p.value(0)
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Parser<'t> {
    fn rest(&self) -> &'t str {
        &self.text[self.at..]
    }

    fn fail<T>(&self, what: &str) -> Result<T, String> {
        let line = self.text[..self.at].matches('\n').count() + 1;
        Err(format!("{what} on line {line}, which is not a plain value"))
    }

    /// Past white space and comments.
    fn skip(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with("//") {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else if let Some(comment) = trimmed.strip_prefix("/*") {
                self.at += comment.find("*/").map_or(trimmed.len(), |e| e + 4);
            } else {
                return;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_NESTING {
            return self.fail("nesting too deep");
        }
        self.skip();
        let Some(c) = self.rest().chars().next() else {
            return self.fail("the end of the file");
        };
        match c {
            '{' => self.object(depth),
            '[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip();
                    if self.rest().starts_with(']') {
                        self.at += 1;
                        return Ok(Value::List(items));
                    }
                    items.push(self.value(depth + 1)?);
                    self.skip();
                    if self.rest().starts_with(',') {
                        self.at += 1;
                    } else if !self.rest().starts_with(']') {
                        return self.fail("an array item");
                    }
                }
            }
            '"' | '\'' | '`' => self.string().map(Value::Text),
            _ => {
                let word = self.word();
                let plain = matches!(word, "true" | "false" | "null")
                    || !word.is_empty()
                        && word
                            .trim_start_matches('-')
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '.');
                if plain {
                    self.at += word.len();
                    Ok(Value::Other)
                } else {
                    self.fail("an expression")
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        self.at += 1;
        let mut entries = Vec::new();
        loop {
            self.skip();
            let rest = self.rest();
            if rest.starts_with('}') {
                self.at += 1;
                return Ok(Value::Object(entries));
            }
            let key = if rest.starts_with(['"', '\'', '`']) {
                self.string()?
            } else {
                let word = self.word();
                if word.is_empty() {
                    return self.fail("a key");
                }
                let word = word.to_string();
                self.at += word.len();
                word
            };
            self.skip();
            if !self.rest().starts_with(':') {
                return self.fail("a key without a value");
            }
            self.at += 1;
            let value = self.value(depth + 1)?;
            entries.push((key, value));
            self.skip();
            if self.rest().starts_with(',') {
                self.at += 1;
            } else if !self.rest().starts_with('}') {
                return self.fail("an object entry");
            }
        }
    }

    /// An identifier or number at the cursor (not consumed).
    fn word(&self) -> &'t str {
        let rest = self.rest();
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '$' | '-' | '.')))
            .unwrap_or(rest.len());
        &rest[..end]
    }

    fn string(&mut self) -> Result<String, String> {
        let rest = self.rest();
        let quote = rest.chars().next().unwrap_or('"');
        let mut out = String::new();
        let mut chars = rest.char_indices().skip(1);
        while let Some((i, c)) = chars.next() {
            match c {
                c if c == quote => {
                    self.at += i + 1;
                    return Ok(out);
                }
                '$' if quote == '`' && rest[i..].starts_with("${") => {
                    return self.fail("a template string");
                }
                '\\' => match chars.next() {
                    Some((_, 'n')) => out.push('\n'),
                    Some((_, 't')) => out.push('\t'),
                    Some((j, 'u')) => {
                        let code = rest
                            .get(j + 1..j + 5)
                            .and_then(|h| u32::from_str_radix(h, 16).ok())
                            .and_then(char::from_u32);
                        match code {
                            Some(c) => {
                                out.push(c);
                                for _ in 0..4 {
                                    chars.next();
                                }
                            }
                            None => return self.fail("an escape"),
                        }
                    }
                    Some((_, c)) => out.push(c),
                    None => break,
                },
                c => out.push(c),
            }
        }
        self.fail("an unclosed string")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(v: &Value) -> Vec<&str> {
        match v {
            Value::Object(e) => e.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn object_literals_keep_their_key_order() {
        let v = object_literal(
            "{\n  // the welcome page\n  index: 'Welcome',\n  \"zeta-team\": { title: \"Zeta\", display: \"hidden\" },\n  '---': { type: 'separator' },\n  alpha: `Alpha`, /* last */ n: -1.5, flag: true, list: [1, 'x', {a: null},],\n} satisfies MetaRecord\n",
        )
        .unwrap();
        assert_eq!(
            keys(&v),
            ["index", "zeta-team", "---", "alpha", "n", "flag", "list"]
        );
        assert_eq!(v.get("index"), Some(&Value::Text("Welcome".into())));
        assert_eq!(
            v.get("zeta-team").and_then(|z| z.get("display")),
            Some(&Value::Text("hidden".into()))
        );
    }

    #[test]
    fn anything_but_a_literal_is_refused() {
        for text in [
            "{ a: <b>Bold</b> }",
            "{ a: title() }",
            "{ ...others }",
            "{ a: `x ${y}` }",
            "{ a: 'open",
            "{ a }",
        ] {
            assert!(object_literal(text).is_err(), "{text}");
        }
        // A list is Rspress's form: its numbers name no page.
        assert_eq!(read("guide/_meta.json", "[1, 2]"), Ok(Vec::new()));
        let deep = format!("{}{}", "{a:".repeat(100), "}".repeat(100));
        assert!(object_literal(&deep).is_err());
    }

    #[test]
    fn the_default_export_is_found_written_there_or_as_a_const() {
        assert_eq!(
            default_export("import x from 'y'\nexport default {\n  a: 'A'\n}\n"),
            Some("{\n  a: 'A'\n}\n")
        );
        assert_eq!(
            default_export("const meta: MetaRecord = { a: 'A' }\nexport default meta\n"),
            Some("{ a: 'A' }\nexport default meta\n")
        );
        assert_eq!(default_export("export default function Meta() {}"), None);
        assert_eq!(default_export("module.exports = { a: 1 }"), None);
    }
}

#[cfg(test)]
mod order_tests {
    use super::*;

    #[test]
    fn meta_files_order_their_folders_depth_first_with_titles() {
        let files = [
            "index.mdx",
            "handbook/index.mdx",
            "handbook/mission.mdx",
            "handbook/monetization.mdx",
            "handbook/secret.md",
            "handbook/teams/platform.mdx",
            "handbook/teams/search.mdx",
            "other/loose.md",
        ];
        let source = NavSource::new(files.iter().copied());
        let metas = [
            (
                "_meta.json".to_string(),
                r#"{ "index": "Home", "handbook": "The handbook", "docs-link": { "title": "Docs", "href": "https://x" } }"#.to_string(),
            ),
            (
                "handbook/_meta.tsx".to_string(),
                "import type { MetaRecord } from 'nextra'\n\nexport default {\n  index: 'Overview',\n  mission: { title: 'Our mission' },\n  '---': { type: 'separator' },\n  teams: { title: 'Teams', type: 'page' },\n  secret: { display: 'hidden' },\n  monetization: '',\n} satisfies MetaRecord\n".to_string(),
            ),
            (
                "handbook/teams/_meta.js".to_string(),
                "export default { search: 'Search', platform: 'Platform' }\n".to_string(),
            ),
            (
                "other/_meta.ts".to_string(),
                "export default { loose: <b>Loose</b> }\n".to_string(),
            ),
        ];
        let mut diags = Vec::new();
        let out = order(&metas, &source, &mut diags);
        assert_eq!(
            out.pages,
            [
                "content/index.mdx",
                "content/handbook/index.mdx",
                "content/handbook/index.mdx",
                "content/handbook/mission.mdx",
                "content/handbook/teams/search.mdx",
                "content/handbook/teams/platform.mdx",
                "content/handbook/secret.md",
                "content/handbook/monetization.mdx",
            ]
        );
        assert_eq!(
            out.labels
                .get("content/handbook/mission.mdx")
                .map(String::as_str),
            Some("Our mission")
        );
        assert_eq!(
            out.labels
                .get("content/handbook/teams/search.mdx")
                .map(String::as_str),
            Some("Search")
        );
        assert!(!out.labels.contains_key("content/handbook/monetization.mdx"));
        assert!(out.hidden.contains("content/handbook/secret.md"));
        assert_eq!(
            out.folder_labels,
            [
                ("content/handbook".to_string(), "The handbook".to_string()),
                ("content/handbook/teams".to_string(), "Teams".to_string()),
            ]
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].file, "content/other/_meta.ts");
    }
}
