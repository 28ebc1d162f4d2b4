//! Pages of a Logseq graph kept in git (`pages/`, `journals/`). Logseq writes a page as an
//! outline of `- ` blocks nested with tabs, and keeps its metadata in the text as
//! properties, `key:: value` lines: the page's own at its top (`title::`, `alias::`,
//! `tags::`), and a block's under its first line (`id::` on every block another one
//! references, `collapsed::` on every folded one), with time-tracking drawers
//! (`:LOGBOOK:` … `:END:`) beside them.
//!
//! The page's properties are read as front matter ([`page_properties`]); every line of
//! Logseq's own bookkeeping is blanked in place ([`clean`]: spaces, line breaks kept, so
//! spans and line numbers stay right, as `confluence` does). A block property the author
//! wrote (`owner:: Sam`) is shown, as Logseq shows it. A block written without its `- `
//! (a first heading) with tab-indented children would make them an indented code block;
//! they become a list below it. Logseq's admonitions (`#+BEGIN_TIP` … `#+END_TIP`) keep
//! their text without the marker lines; its advanced queries (`#+BEGIN_QUERY`), which
//! orgbook cannot run, are left out with a warning, as its block references (`((uuid))`),
//! which it does not resolve, are reported where they stay.
//!
//! Most pages hold no `::` at all, and a page with some (a `std::fs` in code) is looked
//! at closely only where `::` ends a word at the start of a line.

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};
use std::collections::VecDeque;
use std::ops::Range;

/// The blocks Logseq writes as `#+BEGIN_<KIND>` … `#+END_<KIND>` around text to show.
const ADMONITIONS: &[&str] = &[
    "TIP",
    "NOTE",
    "IMPORTANT",
    "WARNING",
    "CAUTION",
    "PINNED",
    "QUOTE",
    "CENTER",
];

/// What a Logseq page says about itself in its first lines.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct PageProperties {
    pub title: Option<String>,
    /// `alias::`: other names wikilinks may use.
    pub aliases: Vec<String>,
    pub tags: Vec<String>,
    pub description: Option<String>,
}

/// The properties a page opens with (unindented `key:: value` lines before anything
/// else), or `None` when it opens otherwise.
pub(crate) fn page_properties(body: &str) -> Option<PageProperties> {
    let lines = opening_properties(body);
    if lines.is_empty() {
        return None;
    }
    let mut props = PageProperties::default();
    for (key, value) in lines {
        match key.to_ascii_lowercase().as_str() {
            "title" if !value.is_empty() => props.title = Some(value.to_string()),
            "alias" | "aliases" => props.aliases.extend(page_refs(value)),
            "tags" => props.tags.extend(page_refs(value)),
            "description" if !value.is_empty() => props.description = Some(value.to_string()),
            _ => {}
        }
    }
    Some(props)
}

/// The title of a Logseq page whose first block is a heading (`# Purpose`, then its
/// children or the next block on the very next line): Logseq titles a page by its name, the
/// file's, and that heading is the page's first block, not its title. `None` for other
/// pages, which keep the heading as their title. Only in a graph's `pages/` and
/// `journals/` folders, and only when the heading's next line is a block (`- `, indented
/// or not), which Markdown written for another tool does not do there.
pub(crate) fn page_name_title(rel: &str, body: &str) -> Option<String> {
    let (dir, file) = rel.rsplit_once('/')?;
    let folder = dir.rsplit('/').next().unwrap_or(dir);
    if !matches!(folder, "pages" | "journals") {
        return None;
    }
    let mut lines = body
        .trim_start_matches('\u{feff}')
        .lines()
        .skip_while(|l| l.trim().is_empty() || property(l).is_some());
    let first = lines.next()?;
    let next = lines.next()?;
    // (A child's tab may already be a space: [`clean`] makes such children a list.)
    let heading_then_block =
        first.starts_with("# ") && next.trim_start_matches([' ', '\t']).starts_with("- ");
    if !heading_then_block {
        return None;
    }
    let stem = crate::load::markdown_stem(file);
    // A journal's file name is its date, `2024_01_18`.
    let date = stem.len() == 10
        && stem.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'_'
            } else {
                b.is_ascii_digit()
            }
        });
    Some(if date {
        stem.replace('_', "-")
    } else {
        crate::text::namespaced_name(stem).unwrap_or_else(|| stem.to_string())
    })
}

/// `text` with the page's opening properties (when it has no front matter), Logseq's
/// bookkeeping block properties and its `:LOGBOOK:` drawers blanked, and a tab-indented
/// outline under a first line that is not a block made a list (see the module comment).
/// As it is when there is none of them.
pub(crate) fn clean(
    file: &str,
    text: String,
    body_start: usize,
    has_front_matter: bool,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let body = &text[body_start..];
    let bytes = body.as_bytes();
    if crate::finder!(b"((").find(bytes).is_some() {
        report_block_references(file, &text, body_start, diags);
    }
    if !may_hold_properties(body)
        && crate::finder!(b"\n\t-").find(bytes).is_none()
        && crate::finder!(b"#+BEGIN_").find(bytes).is_none()
        && crate::finder!(b"]([[").find(bytes).is_none()
    {
        return text;
    }
    let edits = edits(body, has_front_matter);
    if edits.is_empty() {
        return text;
    }
    for edit in &edits {
        if let Edit::Query(range) = edit {
            let lines = body[range.clone()].lines().count();
            let at = body_start + range.start;
            diags.push(
                Diagnostic::warning(
                    "template-leftover",
                    file,
                    format!("a Logseq advanced query (`#+BEGIN_QUERY`, {lines} lines) is left out: orgbook does not run queries"),
                )
                .with_help("link the pages it lists, or delete it")
                .at(&text, at..at + "#+BEGIN_QUERY".len()),
            );
        }
    }
    let mut bytes = text.into_bytes();
    for edit in edits {
        match edit {
            Edit::Blank(range) | Edit::Query(range) => {
                for b in &mut bytes[body_start + range.start..body_start + range.end] {
                    if *b != b'\n' && *b != b'\r' {
                        *b = b' ';
                    }
                }
            }
            Edit::Outdent(at) => bytes[body_start + at] = b' ',
            Edit::Retarget { open, close } => {
                bytes[body_start + open..body_start + open + 2].copy_from_slice(b"<[");
                bytes[body_start + close..body_start + close + 2].copy_from_slice(b"]>");
            }
        }
    }
    // Only ASCII bytes were written over ASCII bytes or whole lines, so the text is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

enum Edit {
    /// A range of the body to blank.
    Blank(std::ops::Range<usize>),
    /// An advanced query to blank, from its `#+BEGIN_QUERY` to its `#+END_QUERY`.
    Query(std::ops::Range<usize>),
    /// A tab at this offset of the body that becomes a space.
    Outdent(usize),
    /// A labelled page reference, `[text]([[Page name]])`: its `[[` at `open` becomes `<[`
    /// and its `]]` at `close` becomes `]>`, so that the parser reads a link to `[Page
    /// name]` (a page name may hold spaces, which a bare destination may not), which the
    /// Markdown stage resolves as the wikilink it is.
    Retarget { open: usize, close: usize },
}

/// Whether `::` ends a word at the start of some line of `body` (after its indentation),
/// or a `:LOGBOOK:` drawer opens: the only pages [`clean`] reads line by line.
fn may_hold_properties(body: &str) -> bool {
    let bytes = body.as_bytes();
    if crate::finder!(b":LOGBOOK:").find(bytes).is_some() {
        return true;
    }
    // Each line is looked at once, however many `::` it holds (a long line of C++).
    let mut searched_to = 0;
    let mut line_start = None;
    crate::finder!(b"::").find_iter(bytes).any(|at| {
        let start = match memchr::memrchr(b'\n', &bytes[searched_to..at]) {
            Some(i) => searched_to + i + 1,
            None if searched_to == 0 => 0,
            None => {
                searched_to = at;
                return false;
            }
        };
        searched_to = at;
        if line_start == Some(start) {
            return false;
        }
        line_start = Some(start);
        property(&body[start..]).is_some()
    })
}

fn edits(body: &str, has_front_matter: bool) -> Vec<Edit> {
    let mut edits = Vec::new();
    let opening = if has_front_matter {
        0
    } else {
        opening_properties(body).len()
    };
    // An outline, as Logseq writes it: blocks at the top level, or its properties.
    let mut outline = opening > 0 || body.lines().any(|l| l.starts_with("- "));
    let mut fence: Option<&str> = None;
    let mut in_drawer = false;
    let mut query: Option<usize> = None;
    let mut seen = 0;
    let mut previous_opens_block = false;
    let mut in_outdented_run = false;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim_start_matches([' ', '\t']);
        let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        if let Some(from) = query {
            if item.starts_with("#+END_QUERY") {
                query = None;
                edits.push(Edit::Query(from..start + content.len()));
            }
            continue;
        }
        if item.starts_with("#+BEGIN_QUERY") && fence.is_none() {
            query = Some(start + content.len() - item.len());
            outline = true;
            continue;
        }
        if fence.is_none()
            && let Some(kind) = item
                .strip_prefix("#+BEGIN_")
                .or_else(|| item.strip_prefix("#+END_"))
            && ADMONITIONS.contains(&kind.trim_end())
        {
            outline = true;
            edits.push(Edit::Blank(
                start + content.len() - item.len()..start + content.len(),
            ));
            continue;
        }
        if let Some(open) = fence {
            if item.starts_with(open) {
                fence = None;
            }
            previous_opens_block = false;
            continue;
        }
        if item.starts_with("```") || item.starts_with("~~~") {
            fence = Some(&item[..3]);
        }
        if fence.is_none() {
            for at in crate::finder!(b"]([[").find_iter(content.as_bytes()) {
                // In inline code (after an odd number of backticks) it is shown as written.
                if memchr::memchr_iter(b'`', &content.as_bytes()[..at]).count() % 2 == 1 {
                    continue;
                }
                let name_at = at + 4;
                let Some(len) = content[name_at..].find("]])") else {
                    continue;
                };
                if len > 0 && !content[name_at..name_at + len].contains(['[', ']']) {
                    edits.push(Edit::Retarget {
                        open: start + at + 2,
                        close: start + name_at + len,
                    });
                }
            }
        }
        if !trimmed.is_empty() && seen < opening {
            seen += 1;
            edits.push(Edit::Blank(start..start + content.len()));
            continue;
        }
        if in_drawer || trimmed == ":LOGBOOK:" {
            in_drawer = trimmed != ":END:";
            outline = true;
            edits.push(Edit::Blank(start..start + content.len()));
            continue;
        }
        // A block may open with its properties (`- query-table:: true`): its `- ` stays.
        if let Some((key, _)) = property(item)
            && is_bookkeeping(key)
        {
            outline = true;
            let from = content.len() - item.len();
            edits.push(Edit::Blank(start + from..start + content.len()));
            continue;
        }
        // Children of a first block written without its `- `, indented one tab under it.
        let indented_child = content.starts_with('\t') && !trimmed.is_empty();
        let first_child = content.starts_with("\t- ") && previous_opens_block && outline;
        if indented_child && (in_outdented_run || first_child) {
            in_outdented_run = true;
            edits.push(Edit::Outdent(start));
        } else {
            in_outdented_run = false;
        }
        previous_opens_block = !content.is_empty()
            && !content.starts_with([' ', '\t', '-', '*', '+'])
            && !content.starts_with(|c: char| c.is_ascii_digit());
    }
    edits
}

/// One warning for a page's Logseq block references (`((6566aa00-…))`), at the first: they
/// stay as written. One inside an `{{embed}}` is that embed's, reported with it.
fn report_block_references(file: &str, text: &str, body_start: usize, diags: &mut Vec<Diagnostic>) {
    let body = &text[body_start..];
    let bytes = body.as_bytes();
    let mut found = crate::finder!(b"((").find_iter(bytes).filter(|&at| {
        let id = &bytes[at + 2..];
        let uuid = id.len() >= 38
            && id[..36].iter().all(|b| b.is_ascii_hexdigit() || *b == b'-')
            && id[8] == b'-'
            && &id[36..38] == b"))";
        uuid && !bytes[..at].ends_with(b"{{embed ")
    });
    let Some(first) = found.next() else {
        return;
    };
    let count = 1 + found.count();
    let at = body_start + first;
    diags.push(
        Diagnostic::warning(
            "template-leftover",
            file,
            format!(
                "{} shown as written (`{}`): orgbook does not resolve them",
                crate::text::counted(count, "Logseq block reference", "Logseq block references"),
                &text[at..at + 40]
            ),
        )
        .with_help("copy the block's text here, or link the page that holds it ([[Page]])")
        .at(text, at..at + 40),
    );
}

/// The `key:: value` lines a body opens with, unindented, after blank lines.
fn opening_properties(body: &str) -> Vec<(&str, &str)> {
    body.lines()
        .skip_while(|l| l.trim().is_empty())
        .map_while(|l| {
            if l.starts_with([' ', '\t']) {
                return None;
            }
            property(l)
        })
        .collect()
}

/// `key:: value` (after indentation): a key of letters, digits, `-`, `_`, `.` and `/`
/// starting with a letter, then `::` and a space or the end of the line.
fn property(line: &str) -> Option<(&str, &str)> {
    let line = line.trim_start_matches([' ', '\t']);
    let line = line.lines().next().unwrap_or("");
    let (key, rest) = line.split_once("::")?;
    let well_formed = key.starts_with(|c: char| c.is_ascii_alphabetic())
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'/'));
    (well_formed && (rest.is_empty() || rest.starts_with(' '))).then(|| (key, rest.trim()))
}

/// Block properties Logseq writes for itself rather than for the reader.
fn is_bookkeeping(key: &str) -> bool {
    let key = key.to_ascii_lowercase();
    matches!(
        key.as_str(),
        "id" | "collapsed"
            | "heading"
            | "background-color"
            | "filters"
            | "ls-type"
            | "template-including-parent"
    ) || ["logseq.", "query-", "card-", "hl-"]
        .iter()
        .any(|p| key.starts_with(p))
}

/// The page names of a property value: `[[Two words]], #tag, plain` → each name.
fn page_refs(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|v| {
            v.trim()
                .trim_start_matches('#')
                .trim_start_matches("[[")
                .trim_end_matches("]]")
                .trim()
                .to_string()
        })
        .filter(|v| !v.is_empty())
        .collect()
}

/// The paths a Logseq graph hides (`:hidden ["/archived" "/pages/draft.md"]` in its
/// `logseq/config.edn`), relative to the graph's folder, without their leading and trailing
/// `/`. Logseq does not show them, and its authors keep there what is not to be read: a
/// graph moved in whole must not publish them. EDN read as far as this needs: comments
/// (`;;`, where Logseq's default file shows an example `:hidden`), strings with their
/// escapes, the first `:hidden` key followed by a vector. A path that leaves the graph
/// (`../assets/old`) is not the handbook's to hide, and is left out.
pub(crate) fn hidden_paths(config: &str) -> Vec<String> {
    let bytes = config.as_bytes();
    let mut out = Vec::new();
    let mut key = false;
    let mut vector = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b';' => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
            }
            b'"' => {
                let mut text = String::new();
                let mut chars = config[i + 1..].char_indices();
                let mut end = bytes.len();
                while let Some((k, c)) = chars.next() {
                    match c {
                        '"' => {
                            end = i + 1 + k + 1;
                            break;
                        }
                        '\\' => {
                            if let Some((_, e)) = chars.next() {
                                text.push(match e {
                                    'n' => '\n',
                                    't' => '\t',
                                    e => e,
                                });
                            }
                        }
                        c => text.push(c),
                    }
                }
                if vector {
                    let path = text.trim().trim_matches('/');
                    if !path.is_empty() && !path.split('/').any(|p| p == ".." || p == ".") {
                        out.push(path.to_string());
                    }
                }
                key = false;
                i = end;
            }
            b'[' if key => {
                vector = true;
                key = false;
                i += 1;
            }
            b']' if vector => return out,
            b',' | b' ' | b'\t' | b'\r' | b'\n' => i += 1,
            b':' if !vector => {
                let len = bytes[i..]
                    .iter()
                    .take_while(|b| !b.is_ascii_whitespace() && !b"()[]{}\",;".contains(b))
                    .count();
                key = &config[i..i + len] == ":hidden";
                i += len.max(1);
            }
            _ => {
                key = false;
                i += 1;
            }
        }
    }
    // A vector never closed hides nothing: the file is being written.
    Vec::new()
}

/// The Logseq graphs in a part of `content/` and what each hides ([`hidden_paths`]),
/// as paths relative to `content/`.
#[derive(Debug, Default)]
pub struct Hidden {
    /// Each hidden path, by itself.
    paths: std::collections::HashSet<String>,
}

impl Hidden {
    /// The graphs whose settings are among `files` (relative to `content/`), or in a
    /// folder above `from` (a dev server's rescan of part of a graph): `content/graph/`
    /// when `graph/logseq/config.edn` is there.
    pub fn of(
        content: &std::path::Path,
        from: &std::path::Path,
        files: &[(std::path::PathBuf, String)],
    ) -> Hidden {
        let mut roots: Vec<(String, std::path::PathBuf)> = files
            .iter()
            .filter_map(|(abs, rel)| Some((graph_root(rel)?.to_string(), abs.clone())))
            .collect();
        if let Ok(below) = from.strip_prefix(content) {
            let mut at = content.to_path_buf();
            let mut rel = String::new();
            for part in std::iter::once(None).chain(below.components().map(Some)) {
                if let Some(part) = part {
                    at.push(part);
                    if !rel.is_empty() {
                        rel.push('/');
                    }
                    rel.push_str(&part.as_os_str().to_string_lossy());
                }
                let config = at.join("logseq").join("config.edn");
                if config.is_file() && !roots.iter().any(|(r, _)| *r == rel) {
                    roots.push((rel.clone(), config));
                }
            }
        }
        let mut hidden = Hidden::default();
        for (root, config) in roots {
            let Ok(text) = std::fs::read_to_string(&config) else {
                continue;
            };
            for path in hidden_paths(&text) {
                hidden.paths.insert(if root.is_empty() {
                    path
                } else {
                    format!("{root}/{path}")
                });
            }
        }
        hidden
    }

    pub fn is_empty(&self) -> bool {
        self.paths.is_empty()
    }

    /// What `other` hides too.
    pub fn extend(&mut self, other: Hidden) {
        self.paths.extend(other.paths);
    }

    /// The hidden path `rel` is at or below, if any: one lookup per folder of the path.
    pub fn covering<'r>(&self, rel: &'r str) -> Option<&'r str> {
        if self.paths.is_empty() {
            return None;
        }
        rel.match_indices('/')
            .map(|(i, _)| &rel[..i])
            .chain(std::iter::once(rel))
            .find(|p| self.paths.contains(*p))
    }
}

/// The folder of a Logseq graph whose settings file is at `rel` (`graph/logseq/config.edn`
/// → `graph`, `logseq/config.edn` → ``).
pub fn graph_root(rel: &str) -> Option<&str> {
    if rel == "logseq/config.edn" {
        return Some("");
    }
    rel.strip_suffix("/logseq/config.edn")
}

/// Whether the page at `rel` (under `content/`) is a Logseq graph's: in its `pages/` or
/// `journals/` folder.
pub(crate) fn in_graph(rel: &str) -> bool {
    rel.rsplit_once('/').is_some_and(|(dir, _)| {
        matches!(dir.rsplit('/').next().unwrap_or(dir), "pages" | "journals")
    })
}

/// Logseq's tags, `#onboarding` and `#[[on call]]`: links to the page of that name. One
/// that names no page is its text, unreported, since Logseq makes a page of every tag
/// whether or not anyone writes in it. Only in text: a heading's `# ` is no tag, and code
/// (spans and blocks) and link text are left alone. `page` finds a name's page, as a
/// wikilink's (`markdown::wiki_target`).
pub(crate) struct Tags<'a, I, F> {
    inner: I,
    page: F,
    /// Code blocks and links the events are inside.
    depth: usize,
    out: VecDeque<(Event<'a>, Range<usize>)>,
}

impl<'a, I, F> Tags<'a, I, F>
where
    I: Iterator<Item = (Event<'a>, Range<usize>)>,
    F: FnMut(&str) -> Option<String>,
{
    pub(crate) fn new(inner: I, page: F) -> Self {
        Tags {
            inner,
            page,
            depth: 0,
            out: VecDeque::new(),
        }
    }

    /// `text`'s tags made links, into `out`.
    fn text(&mut self, text: &str, range: Range<usize>) {
        let at = |i: usize| (range.start + i).min(range.end);
        let bytes = text.as_bytes();
        let mut from = 0;
        for hash in memchr::memchr_iter(b'#', bytes) {
            if hash < from || (hash > 0 && !bytes[hash - 1].is_ascii_whitespace()) {
                continue;
            }
            let len = text[hash + 1..]
                .find(|c: char| c.is_whitespace() || ",;!?\"'()[]{}#".contains(c))
                .unwrap_or(text.len() - hash - 1);
            let name = text[hash + 1..hash + 1 + len].trim_end_matches(['.', ':']);
            if name.is_empty() {
                continue;
            }
            let Some(dest) = (self.page)(name) else {
                continue;
            };
            let end = hash + 1 + name.len();
            if hash > from {
                self.out.push_back((
                    Event::Text(text[from..hash].to_string().into()),
                    at(from)..at(hash),
                ));
            }
            self.out
                .extend(tag_link(dest, &text[hash..end], at(hash)..at(end)));
            from = end;
        }
        if from < text.len() {
            self.out.push_back((
                Event::Text(text[from..].to_string().into()),
                at(from)..range.end,
            ));
        }
    }
}

/// A link to `dest` that shows `shown`.
fn tag_link<'a>(dest: String, shown: &str, span: Range<usize>) -> [(Event<'a>, Range<usize>); 3] {
    [
        (
            Event::Start(Tag::Link {
                link_type: LinkType::Inline,
                dest_url: dest.into(),
                title: CowStr::Borrowed(""),
                id: CowStr::Borrowed(""),
            }),
            span.clone(),
        ),
        (Event::Text(shown.to_string().into()), span.clone()),
        (Event::End(TagEnd::Link), span),
    ]
}

impl<'a, I, F> Iterator for Tags<'a, I, F>
where
    I: Iterator<Item = (Event<'a>, Range<usize>)>,
    F: FnMut(&str) -> Option<String>,
{
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        match &event {
            Event::Start(Tag::CodeBlock(_) | Tag::Link { .. } | Tag::Image { .. }) => {
                self.depth += 1
            }
            Event::End(TagEnd::CodeBlock | TagEnd::Link | TagEnd::Image) => {
                self.depth = self.depth.saturating_sub(1)
            }
            Event::Text(t) if self.depth == 0 && memchr::memchr(b'#', t.as_bytes()).is_some() => {
                let t = t.clone();
                // `#[[on call]]`: the text ends with the `#`, the wikilink follows. One
                // that names no page is its name, not a broken link.
                let before_wikilink = t.ends_with('#')
                    && (t.len() == 1 || t.as_bytes()[t.len() - 2].is_ascii_whitespace());
                self.text(&t, range.clone());
                if before_wikilink && let Some((next, next_range)) = self.inner.next() {
                    match next {
                        Event::Start(Tag::Link {
                            link_type: LinkType::WikiLink { has_pothole: false },
                            dest_url,
                            ..
                        }) if (self.page)(&dest_url).is_none() => {
                            // Its text, up to the link's end.
                            for (event, range) in self.inner.by_ref() {
                                match event {
                                    Event::End(TagEnd::Link) => break,
                                    other => self.out.push_back((other, range)),
                                }
                            }
                        }
                        other => {
                            if matches!(other, Event::Start(Tag::Link { .. })) {
                                self.depth += 1;
                            }
                            self.out.push_back((other, next_range));
                        }
                    }
                }
                return self.out.pop_front();
            }
            _ => {}
        }
        Some((event, range))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hidden_paths_are_read_past_comments_and_outside_paths_left_out() {
        let config = "{:meta/version 1\n ;; E.g. :hidden [\"/archived\" \"/test.md\"]\n :hidden [\"/archived/\" \"pages/Draft \\\"x\\\".md\", \"../assets/old\"]\n :journal/page-title-format \"MMM do, yyyy\"}";
        assert_eq!(hidden_paths(config), ["archived", "pages/Draft \"x\".md"]);
        assert!(hidden_paths("{:hidden []}").is_empty());
        assert!(hidden_paths("{:hidden [\"/a\"").is_empty());
        assert!(hidden_paths("{:hidden-other [\"/a\"]}").is_empty());
        assert_eq!(graph_root("g/logseq/config.edn"), Some("g"));
        assert_eq!(graph_root("logseq/config.edn"), Some(""));
        assert_eq!(graph_root("g/config.edn"), None);
    }

    use super::*;

    #[test]
    fn a_page_s_opening_properties_name_it() {
        let props = page_properties(
            "title:: Code review\nalias:: PR review, [[Review]]\ntags:: #process, [[Two words]]\n\n- text\n",
        )
        .unwrap();
        assert_eq!(props.title.as_deref(), Some("Code review"));
        assert_eq!(props.aliases, ["PR review", "Review"]);
        assert_eq!(props.tags, ["process", "Two words"]);
        assert_eq!(page_properties("- a block\n  id:: 1234\n"), None);
    }

    #[test]
    fn bookkeeping_is_blanked_in_place_and_the_rest_kept() {
        let text = "alias:: retro\n\n- Every Friday.\n  id:: 6566aa00-1111\n- query-table:: true\n  owner:: Sam\n  :LOGBOOK:\n  CLOCK: [2024-01-18 Thu 10:09:15]\n  :END:\n- ```\n  id:: in code\n  ```\n";
        let cleaned = clean("p.md", text.to_string(), 0, false, &mut Vec::new());
        assert_eq!(cleaned.len(), text.len());
        assert_eq!(cleaned.lines().count(), text.lines().count());
        assert!(!cleaned.contains("alias::") && !cleaned.contains("6566aa00"));
        assert!(cleaned.contains("\n-  ") && !cleaned.contains("query-table"));
        assert!(!cleaned.contains("LOGBOOK") && !cleaned.contains("CLOCK"));
        assert!(cleaned.contains("owner:: Sam") && cleaned.contains("id:: in code"));
    }

    #[test]
    fn children_of_a_first_heading_become_a_list() {
        let text = "# Purpose\n\t- first\n\t\t- nested\n- next\n";
        assert_eq!(
            clean("p.md", text.to_string(), 0, false, &mut Vec::new()),
            "# Purpose\n - first\n \t- nested\n- next\n"
        );
        // Indented code that is not a list stays code, in a page with a list too.
        let usage = "## Usage\n\tnpm install\n\n- one\n";
        assert_eq!(
            clean("p.md", usage.to_string(), 0, false, &mut Vec::new()),
            usage
        );
        // Not an outline: an indented code block stays one.
        let code = "# Example\n\t- name: x\n";
        assert_eq!(
            clean("p.md", code.to_string(), 0, false, &mut Vec::new()),
            code
        );
        // Rust paths are not properties.
        let rust = "Use\nstd::fs:: read\n";
        assert_eq!(
            clean("p.md", rust.to_string(), 0, false, &mut Vec::new()),
            rust
        );
    }

    #[test]
    fn admonition_markers_go_queries_go_with_a_warning_block_references_are_reported() {
        let text = "- #+BEGIN_TIP\n  Cameras on.\n  #+END_TIP\n- #+BEGIN_QUERY\n  {:query [:find ?b]}\n  #+END_QUERY\n- As agreed: ((6566aa00-1111-4222-8333-444455556666))\n- {{embed ((6566aa00-1111-4222-8333-444455556677))}}\n";
        let mut diags = Vec::new();
        let cleaned = clean("p.md", text.to_string(), 0, false, &mut diags);
        assert_eq!(cleaned.len(), text.len());
        assert!(cleaned.contains("Cameras on.") && !cleaned.contains("#+"));
        assert!(!cleaned.contains(":find"));
        let messages: Vec<_> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].starts_with(
            "1 Logseq block reference shown as written (`((6566aa00-1111-4222-8333-444455556666))`)"
        ));
        assert!(
            messages[1]
                .starts_with("a Logseq advanced query (`#+BEGIN_QUERY`, 3 lines) is left out")
        );
    }
}
