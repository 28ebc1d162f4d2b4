//! A JetBrains Writerside project's own files, read beside its topics: its tables of
//! contents (the `.tree` files `writerside.cfg` names, `<toc-element topic="x.md"
//! toc-title="…">` nested as the sidebar nests them), read into the one reading order
//! GitBook's `SUMMARY.md` gives (`link::summary_order`), a `toc-title` the page's name in
//! the navigation; and its variables (`v.list`, `<var name="product" value="Acme"/>`),
//! which the Markdown stage puts where a page writes `%product%`. A project is the folder
//! under `content/` holding `writerside.cfg`; without one, `.tree` and `v.list` files are
//! anyone's and are not read. The files are XML, read with roxmltree (positions for the
//! warnings, no DTD fetched).

use super::{CONTENT_DIR, NavOrder};
use crate::diagnostic::Diagnostic;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The project's settings file, in the project's folder.
pub const CFG: &str = "writerside.cfg";

/// The project's variables, beside [`CFG`].
pub const VARIABLES: &str = "v.list";

/// The largest file read: a table of contents or a list of variables, never this large.
const MAX_BYTES: u64 = 1 << 22;

/// How deeply `toc-element`s nest: far beyond a sidebar, short of a runaway.
const MAX_NESTING: usize = 32;

/// Whether a file of this name in a Writerside project is one [`order`] or [`variables`]
/// reads: an edit of one reorders or re-renders the site.
pub fn is_project_file(name: &str) -> bool {
    name == CFG || name == VARIABLES || name.ends_with(".tree")
}

/// The projects' folders under `content/` (`Writerside`, `""` for its top), from the
/// walk's non-Markdown files.
fn projects(assets: &[(PathBuf, String)]) -> Vec<&str> {
    assets
        .iter()
        .filter_map(|(_, rel)| match rel.rsplit_once('/') {
            Some((dir, CFG)) => Some(dir),
            None if rel == CFG => Some(""),
            _ => None,
        })
        .collect()
}

/// `folder/name` under `content/`, for a folder that may be the top (`""`).
fn joined(folder: &str, name: &str) -> String {
    match folder {
        "" => name.to_string(),
        _ => format!("{folder}/{name}"),
    }
}

/// The text of the XML file `rel` (under `content/`) when it is a regular file of a
/// sensible size, and its path as shown.
fn read(root: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Option<(String, String)> {
    let path = root.join(CONTENT_DIR).join(rel);
    let fits = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_BYTES);
    if !fits {
        return None;
    }
    let shown = format!("{CONTENT_DIR}/{rel}");
    let text = crate::text::legacy::read_beside(&path, &shown, diags).ok()?;
    Some((shown, text))
}

/// `text` parsed, or a `folder-settings` warning at the syntax error: the project builds
/// as if the file were not there.
fn parse<'t>(
    shown: &str,
    text: &'t str,
    what: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<roxmltree::Document<'t>> {
    // Writerside's files name their DTD (`<!DOCTYPE instance-profile SYSTEM "…">`); it is
    // never fetched, and entities past roxmltree's limits are refused.
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    match roxmltree::Document::parse_with_options(text, options) {
        Ok(doc) => Some(doc),
        Err(e) => {
            let pos = e.pos();
            let mut d = Diagnostic::warning(
                "folder-settings",
                shown,
                format!("Writerside's {what} is not valid XML ({e})"),
            )
            .with_help("fix the XML; until then the project builds as if the file were not there");
            d.line = pos.row;
            d.column = pos.col;
            diags.push(d);
            None
        }
    }
}

/// The order the `.tree` files of the Writerside projects under `content/` give: each
/// project's instances in the order `writerside.cfg` lists them (else its `.tree` files
/// by name), each depth first. `md` are the walk's Markdown files (paths under
/// `content/`).
pub fn order(
    root: &Path,
    md: &[&str],
    assets: &[(PathBuf, String)],
    diags: &mut Vec<Diagnostic>,
) -> NavOrder {
    let mut out = NavOrder::default();
    for project in projects(assets) {
        let Some((shown, cfg)) = read(root, &joined(project, CFG), diags) else {
            continue;
        };
        let Some(settings) = parse(&shown, &cfg, "settings file", diags) else {
            continue;
        };
        let topics = settings
            .descendants()
            .find(|n| n.has_tag_name("topics"))
            .and_then(|n| n.attribute("dir"))
            .map_or("topics", |d| d.trim_matches('/'));
        let mut trees: Vec<String> = settings
            .descendants()
            .filter(|n| n.has_tag_name("instance"))
            .filter_map(|n| n.attribute("src"))
            .map(|src| joined(project, src.trim_start_matches("./")))
            .collect();
        if trees.is_empty() {
            let prefix = joined(project, "");
            trees = assets
                .iter()
                .map(|(_, rel)| rel)
                .filter(|rel| {
                    rel.strip_prefix(&prefix)
                        .is_some_and(|name| !name.contains('/') && name.ends_with(".tree"))
                })
                .cloned()
                .collect();
        }
        let topics = Topics::new(md, project, &joined(project, topics));
        for tree in trees {
            let Some((shown, text)) = read(root, &tree, diags) else {
                continue;
            };
            let Some(doc) = parse(&shown, &text, "table of contents", diags) else {
                continue;
            };
            // The instance's name is the project folder's title (`Writerside` says nothing).
            if let Some(name) = doc.root_element().attribute("name").map(str::trim)
                && !name.is_empty()
                && !project.is_empty()
            {
                out.folder_labels
                    .push((format!("{CONTENT_DIR}/{project}"), name.to_string()));
            }
            let mut reader = Reader {
                topics: &topics,
                shown: &shown,
                text: &text,
                out: &mut out,
            };
            reader.elements(doc.root_element(), 0, false, diags);
        }
    }
    out
}

/// A project's Markdown topics by file name, as its `.tree` names them: those in its
/// topics folder first, then any other in the project's folder.
struct Topics {
    by_name: HashMap<String, String>,
    /// How many of the project's topics each folder holds, at any depth: a section names
    /// a folder only when that folder holds its topics and no other.
    in_folder: HashMap<String, usize>,
}

impl Topics {
    fn new(md: &[&str], project: &str, topics: &str) -> Self {
        let mut by_name = HashMap::new();
        let under =
            |folder: &str, rel: &str| folder.is_empty() || rel.starts_with(&format!("{folder}/"));
        for pass in [topics, project] {
            for rel in md.iter().filter(|rel| under(pass, rel)) {
                let name = rel.rsplit('/').next().unwrap_or(rel);
                by_name
                    .entry(name.to_string())
                    .or_insert_with(|| format!("{CONTENT_DIR}/{rel}"));
            }
        }
        let mut in_folder: HashMap<String, usize> = HashMap::new();
        for page in by_name.values() {
            let mut dir = page.as_str();
            while let Some((parent, _)) = dir.rsplit_once('/') {
                *in_folder.entry(parent.to_string()).or_default() += 1;
                dir = parent;
            }
        }
        Topics { by_name, in_folder }
    }
}

struct Reader<'r> {
    topics: &'r Topics,
    shown: &'r str,
    text: &'r str,
    out: &'r mut NavOrder,
}

impl Reader<'_> {
    /// The `toc-element`s under `parent`, in order; `hidden` when an element above says
    /// `hidden="true"`.
    fn elements(
        &mut self,
        parent: roxmltree::Node,
        depth: usize,
        hidden: bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        if depth > MAX_NESTING {
            return;
        }
        for element in parent.children().filter(|n| n.has_tag_name("toc-element")) {
            let hidden = hidden || element.attribute("hidden") == Some("true");
            let topic = element.attribute("topic").map(str::trim);
            if let Some(topic) = topic {
                self.topic(element, topic, hidden, diags);
            }
            let start = self.out.pages.len();
            self.elements(element, depth + 1, hidden, diags);
            if topic.is_none()
                && let Some(title) = element
                    .attribute("toc-title")
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
            {
                self.section(start, title);
            }
        }
    }

    /// A section without a topic of its own (`<toc-element toc-title="Back office">`
    /// around its topics) names the folder that holds its topics, when that folder holds
    /// no other topic of the project (topics kept in one folder share it with every
    /// section: none is named then).
    fn section(&mut self, start: usize, title: &str) {
        let pages = &self.out.pages[start..];
        let Some(folder) = super::mkdocs_nav::common_folder(pages) else {
            return;
        };
        if self.topics.in_folder.get(folder) == Some(&pages.len()) {
            self.out
                .folder_labels
                .push((folder.to_string(), title.to_string()));
        }
    }

    fn topic(
        &mut self,
        element: roxmltree::Node,
        topic: &str,
        hidden: bool,
        diags: &mut Vec<Diagnostic>,
    ) {
        match self.topics.by_name.get(topic) {
            Some(page) => {
                if let Some(title) = element
                    .attribute("toc-title")
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                {
                    self.out
                        .labels
                        .entry(page.clone())
                        .or_insert_with(|| title.to_string());
                }
                if hidden {
                    self.out.hidden.insert(page.clone());
                } else {
                    self.out.push(page.clone());
                }
            }
            // An XML topic (`.topic`) is not read (a `skipped-file` note says so).
            None if !crate::load::is_markdown(topic) => {}
            None => {
                let range = element
                    .attribute_node("topic")
                    .map_or(element.range(), |a| a.range_value());
                diags.push(
                    Diagnostic::warning(
                        "broken-link",
                        self.shown,
                        format!("Writerside's table of contents lists the topic `{topic}`, and the project has no such Markdown file"),
                    )
                    .with_help("fix the file name in the .tree file (renamed since?), or remove the element; the pages are ordered without it meanwhile")
                    .at(self.text, range),
                );
            }
        }
    }
}

/// The variables of each Writerside project under `content/` (`v.list`: `<var
/// name="product" value="Acme"/>`), by name, with the project's folder
/// (`content/Writerside`), whose pages they are written in.
pub fn variables(
    root: &Path,
    assets: &[(PathBuf, String)],
    diags: &mut Vec<Diagnostic>,
) -> Vec<(String, BTreeMap<String, String>)> {
    let mut out = Vec::new();
    for project in projects(assets) {
        let Some((shown, text)) = read(root, &joined(project, VARIABLES), diags) else {
            continue;
        };
        let Some(doc) = parse(&shown, &text, "list of variables", diags) else {
            continue;
        };
        let mut variables = BTreeMap::new();
        for var in doc.descendants().filter(|n| n.has_tag_name("var")) {
            let Some(name) = var
                .attribute("name")
                .map(str::trim)
                .filter(|n| !n.is_empty())
            else {
                continue;
            };
            let value = match var.attribute("value") {
                Some(value) => value.to_string(),
                None => var.text().unwrap_or_default().trim().to_string(),
            };
            // The first value given counts (others are another instance's).
            variables.entry(name.to_string()).or_insert(value);
        }
        if !variables.is_empty() {
            let folder = match project {
                "" => CONTENT_DIR.to_string(),
                _ => format!("{CONTENT_DIR}/{project}"),
            };
            out.push((folder, variables));
        }
    }
    out
}

/// The variables of the Writerside project that holds the page at `path` (a content
/// path), if any.
pub fn variables_of<'v>(
    path: &str,
    variables: &'v [(String, BTreeMap<String, String>)],
) -> Option<&'v BTreeMap<String, String>> {
    variables
        .iter()
        .find(|(folder, _)| {
            path.strip_prefix(folder.as_str())
                .is_some_and(|rest| rest.starts_with('/'))
        })
        .map(|(_, v)| v)
}

/// The variables a topic declares for itself, in order: `<var name="linter" value="Scan
/// Go"/>` at the start of a line, as Writerside's Markdown topics declare them (near their
/// top, each on its own line). Found only where the body writes `<var `.
pub fn local_variables(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for at in crate::finder!(b"<var ").find_iter(body.as_bytes()) {
        let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
        if !body[line_start..at].trim().is_empty() {
            continue;
        }
        let line_end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let Some(tag) = body[at..line_end]
            .find("/>")
            .map(|end| &body[at + "<var".len()..at + end])
        else {
            continue;
        };
        let attribute = |key: &str| {
            let (_, rest) = tag.split_once(&format!(" {key}=\""))?;
            let (value, _) = rest.split_once('"')?;
            Some(crate::text::unescape_html(value).into_owned())
        };
        if let (Some(name), Some(value)) = (attribute("name"), attribute("value"))
            && !name.trim().is_empty()
        {
            out.push((name.trim().to_string(), value));
        }
    }
    out
}

/// The variables of the topic at `path` (a content path) whose body is `body`: its
/// project's ([`variables_of`]) and, in a handbook that holds a Writerside project
/// (`writerside`), those it declares itself ([`local_variables`]), which win. `None` when
/// it has none.
pub fn topic_variables<'v>(
    path: &str,
    body: &str,
    projects: &'v [(String, BTreeMap<String, String>)],
    writerside: bool,
) -> Option<std::borrow::Cow<'v, BTreeMap<String, String>>> {
    let project = variables_of(path, projects);
    let local = if writerside && crate::finder!(b"<var ").find(body.as_bytes()).is_some() {
        local_variables(body)
    } else {
        Vec::new()
    };
    if local.is_empty() {
        return project.map(std::borrow::Cow::Borrowed);
    }
    let mut all = project.cloned().unwrap_or_default();
    all.extend(local);
    Some(std::borrow::Cow::Owned(all))
}

/// `text` with each `%name%` that names one of `variables` replaced by its value; any
/// other `%…%` stays as written. `None` when nothing was replaced.
pub fn substituted(text: &str, variables: &BTreeMap<String, String>) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut written = 0;
    let mut at = 0;
    while let Some(open) = memchr::memchr(b'%', &bytes[at..]).map(|i| at + i) {
        let name_len = bytes[open + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
            .count();
        let close = open + 1 + name_len;
        if name_len > 0
            && bytes.get(close) == Some(&b'%')
            && let Some(value) = variables.get(&text[open + 1..close])
        {
            out.push_str(&text[written..open]);
            out.push_str(value);
            written = close + 1;
            at = close + 1;
        } else {
            // The closing `%` of one name may open the next (`50%%product%`).
            at = close.max(open + 1);
        }
    }
    (written > 0).then(|| {
        out.push_str(&text[written..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_declares_its_own_variables_on_lines_of_their_own() {
        let body = "<var name=\"linter\" value=\"Scan &amp; Go\"/>\n  <var name=\"image\" value=\"harbour/scan\" />\nText <var name=\"no\" value=\"x\"/>\n<var name=\"open\" value=\"y\">\n";
        assert_eq!(
            local_variables(body),
            [
                ("linter".to_string(), "Scan & Go".to_string()),
                ("image".to_string(), "harbour/scan".to_string())
            ]
        );
        let projects = vec![(
            "content/W".to_string(),
            BTreeMap::from([
                ("product".to_string(), "Scan".to_string()),
                ("linter".to_string(), "Old".to_string()),
            ]),
        )];
        let vars = topic_variables("content/W/topics/a.md", body, &projects, true).unwrap();
        assert_eq!(vars["product"], "Scan");
        assert_eq!(vars["linter"], "Scan & Go");
        assert!(topic_variables("content/other.md", "text", &projects, true).is_none());
    }

    #[test]
    fn known_names_are_replaced_and_others_kept() {
        let vars = BTreeMap::from([("product".to_string(), "Acme".to_string())]);
        assert_eq!(
            substituted("Use %product% at 50%, not %other%.", &vars).as_deref(),
            Some("Use Acme at 50%, not %other%.")
        );
        assert_eq!(
            substituted("100%%product%", &vars).as_deref(),
            Some("100%Acme")
        );
        assert_eq!(substituted("no %variables% here", &vars), None);
    }
}
