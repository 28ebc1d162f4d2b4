//! Markdown → [`Rendered`]: the page body as HTML, plus what later stages need from the same
//! single parse — heading ids, every internal link with its source span, and the plain text
//! for the search index (mdBook's "parse once, use twice": page and index cannot drift).
//!
//! Links are written by authors as relative paths to source files (so the files read
//! correctly on GitHub); here they are resolved against the handbook and rewritten to the
//! target's output URL relative to this page. A link to a missing file is an error at the
//! link's line and column. Anchors are checked later, once every page's headings are known.
//!
//! Other generators' constructs reach this stage as `leftovers::clean` leaves them: drawn
//! callouts, tabs and MkDocs blocks, MyST directives and roles (`crate::myst` says how),
//! and the rest reported at their line.

use crate::diagnostic::Diagnostic;
use crate::model::{DocId, Handbook};
use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd,
};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// An internal link found in a document.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// The linked document (`None` for assets).
    pub target: Option<DocId>,
    pub anchor: Option<String>,
    /// Byte span of the link in the file, for diagnostics.
    pub span: Range<usize>,
    /// The destination as written into the HTML (before HTML escaping).
    pub href: String,
    /// The asset linked to (path relative to `content/`), for assets.
    pub asset: Option<String>,
    /// Where the link sits, for a link to another document's anchor: set by [`render`]
    /// while the file's text is at hand, because anchors are checked once every body is
    /// rendered, by which time `orgbook build` has dropped the bodies.
    pub spot: Option<Box<Spot>>,
}

/// A link's place in its file, kept without the file: the line, column and span length
/// [`Diagnostic::at`] gives, and a hash of the line's text instead of the text (a
/// generated paragraph is one ~500-byte line; at 100,000 pages the copies were ~70 MB). A
/// diagnostic that must quote the line takes it from the file's text: `orgbook build`
/// reads the file again for the few documents with a link to a missing anchor
/// (`site::markdown_stage_dropping_bodies`), and uses what it read only where each such
/// link's [`Spot`] is the same in it ([`LinkRef::same_spots`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spot {
    line: u32,
    column: u32,
    span_len: u32,
    line_hash: u64,
}

impl LinkRef {
    /// `d` located at this link in `source` (the file's text). When the text is gone (the
    /// body dropped, and the file not read again or changed since), at the link's line and
    /// column from its [`Spot`], without the line's text.
    pub fn locate(&self, d: Diagnostic, source: &str) -> Diagnostic {
        match &self.spot {
            Some(s) if source.len() < self.span.end => {
                let mut d = d;
                d.line = s.line;
                d.column = s.column;
                d.span_len = s.span_len;
                d
            }
            _ => d.at(source, self.span.clone()),
        }
    }

    /// Whether `source` (a file's text read again) holds every anchored link of `links`
    /// where it was when the links were found: the same line, column, span and line text.
    pub fn same_spots(source: &str, links: &[LinkRef]) -> bool {
        spots(source, links)
            .into_iter()
            .all(|(i, s)| links[i].spot.as_deref() == Some(&s))
    }
}

fn hash_line(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// The [`Spot`] of each link to another document's anchor, by index in `links`. One pass
/// over the text in span order, so a file with 50,000 such links costs one scan, not one
/// per link. Line, column and span length are those [`Diagnostic::at`] gives.
fn spots(source: &str, links: &[LinkRef]) -> Vec<(usize, Spot)> {
    let mut order: Vec<usize> = (0..links.len())
        .filter(|&i| links[i].target.is_some() && links[i].anchor.is_some())
        .collect();
    order.sort_by_key(|&i| links[i].span.start);
    let floor = |mut i: usize| {
        i = i.min(source.len());
        while !source.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    // Newlines counted up to `at`.
    let (mut at, mut line) = (0usize, 1u32);
    // The line of the previous link (its bounds and hash) and its column at `at`: links
    // on one line share them, so a long line of links is hashed and counted once, not
    // once per link.
    let mut current: Option<(usize, usize, u64)> = None;
    let mut column = 1u32;
    let mut out = Vec::with_capacity(order.len());
    for i in order {
        let start = floor(links[i].span.start);
        let newlines = memchr::memchr_iter(b'\n', &source.as_bytes()[at..start]).count();
        line += newlines as u32;
        let (line_start, line_end, line_hash) = match current {
            Some(known) if newlines == 0 => {
                column += source[at..start].chars().count() as u32;
                known
            }
            _ => {
                let line_start = source[..start].rfind('\n').map_or(0, |n| n + 1);
                let line_end = source[start..]
                    .find('\n')
                    .map_or(source.len(), |n| start + n);
                column = (source[line_start..start].chars().count() + 1) as u32;
                let known = (
                    line_start,
                    line_end,
                    hash_line(&source[line_start..line_end]),
                );
                current = Some(known);
                known
            }
        };
        at = start;
        let end = floor(links[i].span.end).clamp(start, line_end);
        debug_assert!(line_start <= start);
        out.push((
            i,
            Spot {
                line,
                column,
                span_len: source[start..end].chars().count().max(1) as u32,
                line_hash,
            },
        ));
    }
    out
}

/// Gives each link to another document's anchor its [`Spot`].
fn spot_anchored_links(source: &str, links: &mut [LinkRef]) {
    for (i, s) in spots(source, links) {
        links[i].spot = Some(Box::new(s));
    }
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    /// Plain text of the body (no Markdown syntax), for search.
    pub text: String,
    /// Text of a `#` heading that opens the body, if any: the page title when front matter
    /// has none, and a signal to templates not to print a second `<h1>`.
    pub leading_h1: Option<String>,
    /// `id` and `name` attributes of raw HTML: link targets like heading ids.
    pub anchors: Vec<String>,
    /// Broken links found, including those past [`BROKEN_LINKS_SHOWN`] that are only counted.
    pub broken_links: usize,
    /// Links `link::retarget_anchors` pointed at a heading's id, by index in `links`, with
    /// the anchor as written: checking again (under `serve`) starts from what was written.
    pub retargeted: Vec<(usize, String)>,
    /// Documents whose title this body shows as a link's text (a MyST toctree entry, a
    /// `{doc}` role): when one's title changes, `serve` renders this body again.
    pub title_deps: Vec<DocId>,
    /// The body has API documentation blocks orgbook does not generate (mkdocstrings,
    /// mkdocs-click): links to anchors those would make are counted, not each reported.
    pub generated_anchors: bool,
    /// The body's Mermaid diagrams, drawn (`diagram::place` puts them in the page).
    pub diagrams: Vec<crate::diagram::Drawn>,
    /// The body's TeX formulas, drawn as MathML (`math::place` puts them in the page).
    pub formulas: Vec<crate::math::Formula>,
}

/// Broken links reported one by one per file; the rest are counted in one diagnostic, so a
/// file with 50,000 broken links costs neither minutes (each report locates its line) nor
/// megabytes of output.
pub const BROKEN_LINKS_SHOWN: usize = 20;

/// Pieces of other generators' template syntax reported one by one per file; the rest are
/// counted in one diagnostic, as broken links are.
pub const TEMPLATES_SHOWN: usize = 20;

/// The Markdown orgbook reads: GitHub's, with footnotes, heading ids (`{#id}`) and
/// wikilinks (GitHub wikis, Obsidian). Definition lists and math are added per page
/// ([`options_for`]).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
        | Options::ENABLE_WIKILINKS
}

/// [`options`] for rendering `body`, with definition lists (`Term` then `: Definition`, as
/// Hugo, Jekyll's kramdown, MkDocs's `def_list` and MyST's `deflist` write glossaries)
/// when the page writes one: a line starting `: ` or `:` and a tab. Not on every page:
/// pulldown-cmark also reads a line starting with a colon and no space as a definition,
/// and after a paragraph an emoji code (`:tada: We shipped`) or a MyST option line
/// (`:name: x`) would become one.
///
/// Math (`$…$`, `$$…$$`, as GitHub renders them) is read on a page with a `$` that can open
/// a formula (one not followed by a space: `$ make` in a shell example cannot): reading it
/// costs every page that has none about 3 % of its parse, for nothing.
pub fn options_for(body: &str) -> Options {
    let writes_definitions = memchr::memmem::find_iter(body.as_bytes(), b"\n:")
        .map(|at| at + 2)
        .chain(body.starts_with(':').then_some(1))
        .any(|after| matches!(body.as_bytes().get(after), Some(b' ' | b'\t')));
    let writes_math = memchr::memchr_iter(b'$', body.as_bytes()).any(|at| {
        body.as_bytes()
            .get(at + 1)
            .is_some_and(|b| !b.is_ascii_whitespace())
    });
    let mut options = options();
    if writes_definitions {
        options |= Options::ENABLE_DEFINITION_LIST;
    }
    if writes_math {
        options |= Options::ENABLE_MATH;
    }
    options
}

/// Where a wikilink goes, as a destination the link resolver reads (`/path/under/content.md`
/// or `#heading`): `target` as a path from the page or from `content/` (Obsidian's
/// `[[folder/Note]]`), else a page or file of that name anywhere (GitHub wikis and Obsidian
/// match by file name: `[[Release Process]]` is `release-process.md`), the one in the
/// page's folder first, else the one with the shortest path. A `#Heading` is the heading
/// of that text. `None` when nothing has that name.
fn wiki_target(handbook: &Handbook, from_dir: &str, target: &str) -> Option<String> {
    let (name, heading) = match target.split_once('#') {
        Some((n, h)) => (n.trim(), Some(h.trim())),
        None => (target.trim(), None),
    };
    // Obsidian's block references (`#^id`) name no heading.
    let fragment = heading
        .filter(|h| !h.is_empty() && !h.starts_with('^'))
        .map(|h| format!("#{}", crate::text::heading_id(h)))
        .unwrap_or_default();
    if name.is_empty() {
        return (!fragment.is_empty()).then_some(fragment);
    }
    let under_content = |p: &str| p.strip_prefix("content/").map(str::to_string);
    let known = |rel: &str| {
        let path = format!("content/{rel}");
        handbook.by_path.contains_key(&path)
            || handbook.assets.binary_search(&rel.to_string()).is_ok()
    };
    let dir = under_content(from_dir).unwrap_or_default();
    for base in [dir.as_str(), ""] {
        for ext in ["", ".md", ".mdx", ".markdown"] {
            let rel = if base.is_empty() {
                format!("{name}{ext}")
            } else {
                format!("{base}/{name}{ext}")
            };
            if known(&rel) {
                return Some(format!("/{rel}{fragment}"));
            }
        }
    }
    let file = name.rsplit('/').next().unwrap_or(name);
    let paths = handbook
        .wiki_names
        .get(&crate::model::wiki_name(file))
        .or_else(|| {
            handbook
                .wiki_names
                .get(&crate::model::wiki_name(crate::load::markdown_stem(file)))
        })?;
    let in_dir = |p: &&String| p.rsplit_once('/').map_or("", |(d, _)| d) == dir;
    let best = paths.iter().find(in_dir).or_else(|| {
        paths
            .iter()
            .min_by_key(|p| (p.matches('/').count(), p.as_str()))
    })?;
    Some(format!("/{best}{fragment}"))
}

/// Callouts written for other generators, drawn as GitHub alerts are: a Docusaurus
/// admonition (`:::note` … `:::`) around the top-level blocks between its lines, a Just
/// the Docs `{: .note }` around the block after it. `leftovers::clean` blanks their lines
/// and reports where they were; the render loop opens and closes them between top-level
/// blocks, so the events stay balanced whatever is inside.
#[derive(Default)]
struct Callouts {
    pending: std::collections::VecDeque<Callout>,
    /// The callouts being drawn, outermost first (admonitions nest): the top-level blocks
    /// inside `n` of them are at depth `n`.
    open: Vec<OpenCallout>,
}

#[derive(Clone, Copy)]
struct OpenCallout {
    kind: pulldown_cmark::BlockQuoteKind,
    /// Where its closing line starts (`usize::MAX`: it ends with its first block).
    until: usize,
    details: bool,
}

impl OpenCallout {
    fn close(self) -> Event<'static> {
        if self.details {
            Event::Html("</details>\n".into())
        } else {
            Event::End(TagEnd::BlockQuote(Some(self.kind)))
        }
    }
}

struct Callout {
    /// Where its opening line ends, in the cleaned body.
    at: usize,
    kind: pulldown_cmark::BlockQuoteKind,
    /// The title it gives (`:::tip Remember`), or empty for the kind's own.
    title: String,
    /// A `<details>` element (VitePress `::: details`), not a blockquote.
    details: bool,
    /// Where its closing line starts; `Some(usize::MAX)` when it styles one block; `None`
    /// while no closing line was seen (then it is not drawn).
    until: Option<usize>,
}

/// The title GitHub shows at the top of an alert (`> [!NOTE]`). The renderer writes the
/// alert as `<blockquote class="markdown-alert-note">`; the title goes in as its first
/// paragraph, which the theme styles (docs/theming.md).
pub(crate) fn alert_title(kind: pulldown_cmark::BlockQuoteKind) -> &'static str {
    use pulldown_cmark::BlockQuoteKind as K;
    match kind {
        K::Note => "Note",
        K::Tip => "Tip",
        K::Important => "Important",
        K::Warning => "Warning",
        K::Caution => "Caution",
    }
}

/// The class suffix of an alert kind, as in `markdown-alert-note`.
pub(crate) fn alert_class(kind: pulldown_cmark::BlockQuoteKind) -> &'static str {
    use pulldown_cmark::BlockQuoteKind as K;
    match kind {
        K::Note => "note",
        K::Tip => "tip",
        K::Important => "important",
        K::Warning => "warning",
        K::Caution => "caution",
    }
}

/// `../` repeated once per folder in `url`: the way back to the site root from that page.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

use crate::text::percent_decode_lenient as percent_decode;
pub use crate::text::{encode_path, heading_id, unique_id};

fn has_scheme(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        }
        None => false,
    }
}

/// Resolves `rel` against the folder `base` (both `/`-separated, relative to the handbook
/// root). `None` when the path climbs above the root.
fn join_path(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

enum Resolved {
    Doc(DocId, String),
    Asset(String),
    Generated(&'static str),
    Missing(String),
    /// A page marked `draft`: it exists but is not published.
    Draft(String),
    /// An extensionless link that names both `x.md` and the folder `x/`.
    Ambiguous(String, String),
}

/// Where a link destination (without the fragment) points. `/x` is resolved from
/// `content/` (`/` is the home page); a link to a folder, or to its `_index.md`,
/// `index.md` or `README.md`, is the folder's index page; `x` or `x.html` finds `x.md`.
fn resolve_target(handbook: &Handbook, from_dir: &str, path: &str) -> Resolved {
    match resolve_decoded(handbook, from_dir, path) {
        // An Azure DevOps wiki writes a page's `-` as `%2D` in its file name
        // (`Git%2DFlow.md`), and links to it as written: the name, not what it decodes to.
        Resolved::Missing(m) if path.contains('%') => {
            match resolve_decoded(handbook, from_dir, &path.replace('%', "%25")) {
                Resolved::Missing(_) => Resolved::Missing(m),
                found => found,
            }
        }
        resolved => resolved,
    }
}

/// [`resolve_target`] of `path` percent-decoded.
fn resolve_decoded(handbook: &Handbook, from_dir: &str, path: &str) -> Resolved {
    let decoded = percent_decode(path);
    let absolute = decoded.starts_with('/');
    let (base, rel) = if absolute {
        ("content", decoded.trim_start_matches('/'))
    } else {
        (from_dir, decoded.as_str())
    };
    let Some(joined) = join_path(base, rel) else {
        return Resolved::Missing(decoded);
    };
    if let Some(&id) = handbook.by_path.get(&joined) {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    let trimmed = joined.trim_end_matches('/');
    let folder = handbook.folder_index.get(trimmed).copied();
    let last = trimmed.rsplit('/').next().unwrap_or("");
    let extensionless = !last.contains('.') && !decoded.ends_with('/');
    let as_md = |p: &str| {
        let doc = |ext: &str| handbook.by_path.get(&format!("{p}{ext}")).copied();
        crate::load::MARKDOWN_EXTENSIONS
            .iter()
            .find_map(|ext| doc(ext))
    };
    if let Some(id) = folder {
        // (Not when that page is the folder's own, beside it: `link::sibling_folder_pages`.)
        if extensionless
            && let Some(other) = as_md(trimmed)
            && other != id
        {
            return Resolved::Ambiguous(
                handbook.docs[other].source.path.clone(),
                handbook.docs[id].source.path.clone(),
            );
        }
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    // A folder orgbook lists itself, named by its folder or by an index file it does not
    // have (`decisions/index.md`, as a Jekyll or MADR site links its decisions folder).
    let generated_folder = match trimmed.rsplit_once('/') {
        Some((dir, name))
            if crate::load::INDEX_NAMES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name)) =>
        {
            dir
        }
        _ => trimmed,
    };
    match generated_folder {
        "content/teams" => return Resolved::Generated("teams/index.html"),
        "content/decisions" => return Resolved::Generated("decisions/index.html"),
        "content" => return Resolved::Generated("index.html"),
        _ => {}
    }
    if let Some(rest) = joined.strip_prefix("content/")
        && handbook
            .assets
            // Sorted as strings by the load stage (`a.pdf` before `a/x.png`), whatever
            // order the walk found them in: search in that order.
            .binary_search_by(|a| a.as_str().cmp(rest))
            .is_ok()
    {
        return Resolved::Asset(rest.to_string());
    }
    // `setup/` as a pretty URL (Jekyll, Docusaurus) of `setup.md`, when no folder `setup/`
    // has an index page.
    let pretty = decoded.ends_with('/') && !last.contains('.');
    let stem = if extensionless || pretty {
        Some(trimmed)
    } else {
        trimmed
            .strip_suffix(".html")
            .or_else(|| trimmed.strip_suffix(".htm"))
    };
    if let Some(id) = stem.and_then(as_md) {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    // A root-relative link may name a page by its published address (`permalink`).
    if absolute
        && let Some(file) = crate::load::url_path_to_file(&decoded)
        && let Some(&id) = handbook
            .by_url
            .get(&file)
            .or_else(|| handbook.redirects.get(&file))
    {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    let extensions = crate::load::MARKDOWN_EXTENSIONS;
    let draft = std::iter::once(joined.clone())
        .chain(extensions.iter().map(|e| format!("{trimmed}{e}")))
        .chain(
            stem.into_iter()
                .flat_map(|s| extensions.iter().map(move |e| format!("{s}{e}"))),
        )
        .find(|p| handbook.drafts.contains(p));
    if let Some(d) = draft {
        return Resolved::Draft(d);
    }
    // Sphinx's generated pages, which its sites link to (`[Index](genindex)`, a toctree's
    // `search`): orgbook's own index of every page, and its search page.
    match stem.map(|s| s.rsplit('/').next().unwrap_or(s)) {
        Some("genindex") => Resolved::Generated("handbook.html"),
        Some("search") => Resolved::Generated("search.html"),
        _ => Resolved::Missing(joined),
    }
}

/// `name@example.com` written as a link destination: an e-mail address, never a file.
fn looks_like_email(dest: &str) -> bool {
    match dest.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && !dest.contains(['/', ' ', '#', '?'])
                && host.contains('.')
                && !host.ends_with(".md")
        }
        None => false,
    }
}

/// The `template-leftover` warning for MyST directive `name` (a fence, ```` ```{note} ````,
/// or a colon fence, `:::{note}`) at `span` of `text`, which orgbook shows as `shown`.
fn myst_directive_warning(
    path: &str,
    text: &str,
    span: Range<usize>,
    name: &str,
    shown: &str,
) -> Diagnostic {
    let help = match name {
        "toctree" => "rewrite it as Markdown: a list of links to the pages it names".to_string(),
        "versionadded" | "versionchanged" | "deprecated" => {
            "rewrite it as Markdown: a sentence such as `*New in version 1.3.*`".to_string()
        }
        "note" | "warning" | "tip" | "hint" | "important" | "caution" | "attention" | "danger"
        | "error" | "seealso" | "admonition" => {
            format!(
                "rewrite it as Markdown: a blockquote, `> **{}:** …`",
                title_case(name)
            )
        }
        _ => "rewrite it as Markdown, or delete it".to_string(),
    };
    Diagnostic::warning(
        "template-leftover",
        path,
        format!("MyST directive `{{{name}}}` is not supported; {shown}"),
    )
    .with_help(help)
    .at(text, span)
}

/// The destination to write for a link or image orgbook draws from a MyST construct (a
/// toctree entry, a role, a figure): checked as a Markdown link's is (an unsafe scheme,
/// `javascript:`, becomes `#` with a warning), then resolved by [`RepeatedLinks::rewrite`].
#[allow(clippy::too_many_arguments)]
fn drawn_destination<'a>(
    repeated: &mut RepeatedLinks,
    handbook: &Handbook,
    id: DocId,
    dirs: (&str, &str),
    (target, image): (&str, bool),
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    if let Some(scheme) = crate::html_policy::unsafe_scheme(target, image) {
        let doc = &handbook.docs[id];
        let what = if image { "an image" } else { "a link" };
        diags.push(crate::html_policy::unsafe_url_warning(
            &doc.source.path,
            &doc.source.text,
            span,
            &scheme,
            what,
        ));
        return Some(CowStr::from("#"));
    }
    repeated.rewrite(handbook, id, dirs, target, span, rendered, diags)
}

/// A paragraph of `text` in one inline style (`Tag::Strong`, `Tag::Emphasis`), drawn for a
/// MyST directive; its text is searchable.
fn styled_paragraph(
    style: Tag<'static>,
    text: String,
    rendered: &mut Rendered,
) -> [Event<'static>; 5] {
    rendered.text.push_str(&text);
    rendered.text.push('\n');
    crate::myst::wrapped(Tag::Paragraph, style, text)
}

/// The title of the page a link to `target` (written in `from_dir`) reaches, or empty.
/// A page's title from its first heading is set once it is rendered: until then, the
/// heading read from its text, else the title its file name gives.
fn linked_title(
    handbook: &Handbook,
    from_dir: &str,
    target: &str,
    deps: &mut Vec<DocId>,
) -> String {
    let to = match resolve_target(handbook, from_dir, target.split('#').next().unwrap_or("")) {
        Resolved::Doc(to, _) => to,
        Resolved::Generated("handbook.html") => return "Index".to_string(),
        Resolved::Generated("search.html") => return "Search".to_string(),
        _ => return String::new(),
    };
    deps.push(to);
    let doc = &handbook.docs[to];
    match &doc.kind {
        // Not its title as filled in after an earlier rendering (under `serve`): a fresh
        // build renders before any title is filled in, and both must agree.
        crate::model::DocKind::Page(p) if !p.title_from_front_matter => {
            match handbook.heading_titles.get(&to) {
                Some(h) => h.clone(),
                None => {
                    let rel = doc
                        .source
                        .path
                        .strip_prefix("content/")
                        .unwrap_or(&doc.source.path);
                    crate::load::title_from_path(
                        &doc.source.path,
                        crate::load::is_folder_index(rel),
                    )
                }
            }
        }
        _ => doc.title().to_string(),
    }
}

/// `seealso` → `Seealso`.
fn title_case(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Events buffered before finished top-level blocks are written out.
const FLUSH_EVENTS: usize = 4096;

/// Renders the body of document `id`.
pub fn render(handbook: &Handbook, id: DocId, diags: &mut Vec<Diagnostic>) -> Rendered {
    let doc = &handbook.docs[id];
    let body = doc.source.body();
    let offset = doc.source.body_start;
    let from_dir = doc.source.path.rsplit_once('/').map_or("", |(d, _)| d);
    let root = root_prefix(&doc.url);
    // Blocks a MyST label names (a figure's `:label:`), marked with an anchor before them.
    let mut block_labels: std::collections::VecDeque<_> =
        crate::leftovers::labels_and_blocks(body).1.into();
    // Anchors to write right after the `<dt>` just opened.
    let mut term_anchors: Vec<Event> = Vec::new();

    let mut rendered = Rendered::default();
    // Known before the body is read: a `#label` link above its block stays on this page.
    rendered
        .anchors
        .extend(block_labels.iter().map(|l| l.id.clone()));
    let mut events: Vec<Event> = Vec::new();
    rendered.html.reserve(body.len() * 3 / 2);
    let mut depth = 0usize;
    let mut footnotes = false;
    let mut in_heading: Option<usize> = None;
    let mut heading_text = String::new();
    // Still in the "prelude" before the first real content: blank lines, HTML comments,
    // paragraphs of badges (images and links, no text). A level-1 heading here is the title.
    let mut prelude = true;
    let mut para_has_text = false;
    let mut image_depth = 0usize;
    let mut used_ids = crate::text::UniqueIds::default();
    let raw_policy = handbook.config.markdown.raw_html;
    let mut raw_block: Option<(String, usize)> = None;
    let mut has_raw_html = false;
    // The part of the HTML the sanitizer must see (see `RawRegion`).
    let mut region = RawRegion::default();
    let mut repeated = RepeatedLinks::default();
    // MyST roles to draw: where their code span starts, the role, its blanked name's length.
    let mut roles = std::collections::VecDeque::new();
    // Inside a drawn `{toctree}`: its code block's events are dropped.
    let mut in_toctree = false;
    // At the start of a MyST code directive's text, where its options are.
    let mut code_options = false;
    let mut title_deps = Vec::new();
    let mut in_code_block = false;
    // A link to a MyST label just opened: where its start is in `events`, and the title to
    // show if it has no text.
    let mut empty_link_title: Option<(usize, String)> = None;
    // Wikilinks shown as text (they name nothing): how many are open, and how many there
    // were (reported one by one up to `BROKEN_LINKS_SHOWN`, then counted).
    let mut unlinked_depth = 0usize;
    let mut unmatched_wikilinks = 0usize;
    // Obsidian note embeds (`![[Note]]`) open, drawn as links.
    let mut embedded_notes = 0usize;
    // A GitHub-wiki link just opened at this index of `events`, and the text it shows.
    let mut wiki_text: Option<(usize, String)> = None;

    // The Mermaid diagram whose code block is open, and where its fence is in the file.
    let mut diagram: Option<DiagramBlock> = None;
    let mut diagram_fence = 0..0;
    // The ```` ```math ```` block open: its TeX so far, and its fence line in the file.
    let mut math_block: Option<(String, Range<usize>)> = None;
    // The TeX of a bare math environment's paragraph, until its first event is drawn.
    let mut bare_math: Option<String> = None;
    // After an anchor written as an empty link (`[](){#id}`): its link's end is dropped,
    // and its `{#id}` is cut from the text that follows.
    let mut attr_anchor: Option<String> = None;

    let (body, leftovers) = crate::leftovers::clean(body);
    let mut callouts = Callouts::default();
    let mut mkdocs = std::collections::VecDeque::new();
    // Drawn MkDocs blocks' titles by where their line starts, indexed when drawn.
    let mut block_titles: std::collections::HashMap<usize, String> = Default::default();
    // An API reference page holds one mkdocstrings block per module: one warning, at the
    // first, says how many.
    let api_blocks = leftovers
        .iter()
        .filter(|l| l.kind == crate::leftovers::Kind::MkDocs && l.construct.starts_with(":::"))
        .count();
    let mut api_reported = false;
    rendered.generated_anchors = api_blocks > 0;
    // Abbreviations defined on the page (`*[SLO]: …`), with what each stands for.
    let mut abbreviations: Vec<(String, String)> = Vec::new();
    // Obsidian callouts' titles, by where their first line starts.
    let mut alert_titles: std::collections::HashMap<usize, String> = Default::default();
    // Template syntax reported one by one up to a point, then counted (as broken links
    // are): a generated file of 20,000 `{{ x }}` would otherwise cost a diagnostic, and a
    // copy of its line, each.
    let mut templates = 0usize;
    for l in leftovers {
        if l.kind == crate::leftovers::Kind::Template {
            templates += 1;
            if templates > TEMPLATES_SHOWN {
                continue;
            }
        }
        let span = l.range.start + offset..l.range.end + offset;
        diags.push(match l.kind {
            crate::leftovers::Kind::AlertTitle => {
                if !l.construct.is_empty() {
                    alert_titles.insert(l.range.start, l.construct);
                }
                continue;
            }
            crate::leftovers::Kind::Abbr => {
                let line = doc.source.text.get(span.clone()).unwrap_or("");
                let title = crate::leftovers::abbreviation_title(line).to_string();
                abbreviations.push((l.construct, title));
                continue;
            }
            crate::leftovers::Kind::Callout {
                kind,
                next_block_only,
                details,
            } => {
                callouts.pending.push_back(Callout {
                    at: l.range.end,
                    kind,
                    title: l.construct,
                    details,
                    until: next_block_only.then_some(usize::MAX),
                });
                continue;
            }
            crate::leftovers::Kind::MkDocsBlock { kind, drawn } => {
                // Only a quoted title is the author's (`!!! tip` is titled "Tip").
                if !l.construct.is_empty()
                    && doc
                        .source
                        .text
                        .get(span.clone())
                        .is_some_and(|line| line.contains('"'))
                {
                    block_titles.insert(l.range.start, l.construct.clone());
                }
                mkdocs.push_back(crate::mkdocs_blocks::Block {
                    at: l.range.start,
                    kind,
                    drawn,
                    title: l.construct,
                });
                continue;
            }
            crate::leftovers::Kind::Role(role) => {
                roles.push_back((l.range.end, role, l.range.len()));
                continue;
            }
            crate::leftovers::Kind::CalloutEnd => {
                // It closes the last admonition still open (not a `{: .note }` inside it).
                if let Some(c) = callouts.pending.iter_mut().rev().find(|c| c.until.is_none()) {
                    c.until = Some(l.range.start);
                }
                continue;
            }
            crate::leftovers::Kind::Template => Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                format!("`{}` is template syntax from another generator, which orgbook does not run", l.construct),
            )
            .with_help("replace it with what it produced (or a link), wrap it in `code` if it is an example, or delete it")
            .at(&doc.source.text, span),
            crate::leftovers::Kind::MkDocs => {
                let (what, help) = if l.construct.starts_with("--8<--") {
                    (
                        "a MkDocs snippet include, which orgbook does not run: the file it names is not on this page".to_string(),
                        "paste the text of that file here, or link to it".to_string(),
                    )
                } else if l.construct.starts_with(":::") {
                    if std::mem::replace(&mut api_reported, true) {
                        continue;
                    }
                    (
                        if api_blocks == 1 {
                            "an mkdocstrings (or mkdocs-click) block: API documentation generated from code, which orgbook does not generate; it is not shown".to_string()
                        } else {
                            format!("the first of {api_blocks} mkdocstrings (or mkdocs-click) blocks in this file: API documentation generated from code, which orgbook does not generate; they are not shown")
                        },
                        "link to the API reference where it is published, or write here the part readers need".to_string(),
                    )
                } else {
                    let kind = l.construct.split_whitespace().nth(1).unwrap_or("note");
                    (
                        "a MkDocs admonition that orgbook cannot draw as written: its line is shown as text (and an indented body as code)".to_string(),
                        format!(
                            "an admonition is drawn when a blank line (or the end of the file) follows its indented body, it is not inside raw HTML, and its line is at least 7 characters long; or rewrite it as a GitHub alert: a `> [!{}]` line, then its text on `> ` lines",
                            alert_title(crate::leftovers::mkdocs_kind(kind)).to_ascii_uppercase()
                        ),
                    )
                };
                Diagnostic::warning(
                    "template-leftover",
                    &doc.source.path,
                    format!("`{}` is {what}", l.construct),
                )
                .with_help(help)
                .at(&doc.source.text, span)
            }
            crate::leftovers::Kind::ColonDirective => myst_directive_warning(
                &doc.source.path,
                &doc.source.text,
                span,
                l.construct.trim_matches(['{', '}']),
                "its lines are shown as text",
            ),
        });
    }

    if templates > TEMPLATES_SHOWN {
        diags.push(
            Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                format!(
                    "{} more pieces of template syntax in this file are not listed ({templates} in all)",
                    templates - TEMPLATES_SHOWN
                ),
            )
            .with_help(format!("the first {TEMPLATES_SHOWN} are listed above; this file may be another generator's template rather than a page: a name starting with `_` leaves it unpublished, as Jekyll and Docusaurus do")),
        );
    }

    let parser = Parser::new_ext(&body, options_for(&body)).into_offset_iter();
    let parser =
        crate::load::mdx::IndentedAsMarkdown::new(parser, doc.source.path.ends_with(".mdx"));
    // `synthetic`: an event of a drawn MkDocs block's own (see `mkdocs_blocks`), written as
    // it is: it holds nothing of the author's to index, resolve or sanitize.
    for (event, range, synthetic) in crate::mkdocs_blocks::Blocks::new(parser, mkdocs) {
        // A paragraph that is a bare `\begin{align}` … `\end{align}` (MyST's amsmath):
        // its first event becomes the formula, the others go.
        let event = match (&mut bare_math, event) {
            (Some(_), event @ Event::End(TagEnd::Paragraph)) => {
                bare_math = None;
                event
            }
            (Some(tex), _) if tex.is_empty() => continue,
            (Some(tex), _) => Event::DisplayMath(std::mem::take(tex).into()),
            (None, event) => event,
        };
        if let Event::Start(Tag::Paragraph) = event
            && !synthetic
            && let Some(tex) = crate::math::bare_environment(&body, range.clone())
        {
            bare_math = Some(tex.to_string());
        }
        let event = match (&mut attr_anchor, event) {
            (Some(_), Event::End(TagEnd::Link)) => continue,
            (Some(written), Event::Text(t)) => {
                let rest = t.strip_prefix(written.as_str()).map(str::to_string);
                attr_anchor = None;
                match rest {
                    Some(rest) if rest.is_empty() => continue,
                    Some(rest) => Event::Text(rest.into()),
                    None => Event::Text(t),
                }
            }
            (_, event) => event,
        };
        // Another generator's callout (see `Callouts`): closed before the first top-level
        // block (or rule) past its closing line, opened before the first one past its
        // opening line.
        // (Of a drawn MkDocs block's own events, only its start is one.)
        let block_event = match event {
            Event::Start(_) => true,
            Event::End(_) => false,
            _ => !synthetic,
        };
        if block_event {
            // Close (innermost first) the callouts whose closing line this block is past.
            while depth > 0
                && depth == callouts.open.len()
                && let Some(&top) = callouts.open.last()
                && range.start >= top.until
            {
                events.push(top.close());
                depth -= 1;
                callouts.open.pop();
            }
            if depth == callouts.open.len() {
                while let Some(c) = callouts.pending.pop_front() {
                    if c.at > range.start {
                        callouts.pending.push_front(c);
                        break;
                    }
                    // An admonition closed before this block holds nothing, and one that
                    // would close after the one around it is not nested in it: not drawn.
                    let Some(until) = c.until.filter(|&u| {
                        u > range.start
                            && (u == usize::MAX
                                || callouts.open.last().is_none_or(|o| u <= o.until))
                    }) else {
                        continue;
                    };
                    if callouts.open.is_empty() {
                        region.block_start = events.len();
                    }
                    // The author's own title is searchable; a default one ("Note") is not.
                    if !c.title.is_empty() {
                        rendered.text.push_str(&c.title);
                        rendered.text.push('\n');
                    }
                    let title = if !c.title.is_empty() {
                        c.title
                    } else if c.details {
                        "Details".to_string()
                    } else {
                        alert_title(c.kind).to_string()
                    };
                    if c.details {
                        events.push(Event::Html(
                            format!(
                                "<details class=\"markdown-alert markdown-alert-{}\">\n<summary>{}</summary>\n",
                                alert_class(c.kind),
                                crate::text::escape_html(&title)
                            )
                            .into(),
                        ));
                    } else {
                        events.extend([
                            Event::Start(Tag::BlockQuote(Some(c.kind))),
                            Event::Start(Tag::Paragraph),
                            Event::Text(title.into()),
                            Event::End(TagEnd::Paragraph),
                        ]);
                    }
                    depth += 1;
                    callouts.open.push(OpenCallout {
                        kind: c.kind,
                        until,
                        details: c.details,
                    });
                    // No break: an admonition may open first thing inside this one.
                }
            }
        }
        if !synthetic
            && !block_labels.is_empty()
            && let Event::Start(tag) = &event
        {
            // Before the first block at or after the label's line, or a paragraph (code
            // block, table) that holds it; a list or quote only from where it starts.
            // A glossary's term gets its anchor inside its `<dt>`.
            let (leaf, inside) = match tag {
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::CodeBlock(_)
                | Tag::Table(_)
                | Tag::HtmlBlock => (Some(true), false),
                Tag::BlockQuote(_) | Tag::List(_) => (Some(false), false),
                Tag::DefinitionListTitle => (Some(true), true),
                _ => (None, false),
            };
            while let Some(leaf) = leaf
                && let Some(label) = block_labels.pop_front()
            {
                if label.at > range.start && !(leaf && label.at < range.end) {
                    block_labels.push_front(label);
                    break;
                }
                if inside {
                    term_anchors.push(label_anchor(&label));
                } else {
                    events.push(label_anchor(&label));
                }
            }
        }
        // A drawn MkDocs block's title is the author's text: searchable where it stands.
        if synthetic
            && matches!(event, Event::Start(Tag::HtmlBlock))
            && let Some(title) = block_titles.remove(&range.start)
        {
            rendered.text.push_str(&title);
            rendered.text.push('\n');
        }
        let span = range.start + offset..range.end + offset;
        if in_toctree {
            in_toctree = !matches!(event, Event::End(TagEnd::CodeBlock));
            continue;
        }
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event
            && !synthetic
            && depth == callouts.open.len()
            && crate::leftovers::myst_directive(info).is_some_and(|(name, _)| name == "toctree")
        {
            // Sphinx draws a toctree as the list of the pages it names (nothing when
            // hidden): so does orgbook, each entry a link resolved like any other.
            in_toctree = true;
            let tree = crate::myst::toctree(&body, range.clone());
            if tree.hidden || tree.entries.is_empty() {
                continue;
            }
            if let Some(caption) = tree.caption {
                events.extend(styled_paragraph(Tag::Strong, caption, &mut rendered));
            }
            events.push(Event::Start(Tag::List(None)));
            for (title, target, line) in tree.entries {
                let at = line.start + offset..line.end + offset;
                let href = drawn_destination(
                    &mut repeated,
                    handbook,
                    id,
                    (from_dir, &root),
                    (&target, false),
                    at,
                    &mut rendered,
                    diags,
                );
                let shown = title
                    .or_else(|| {
                        Some(linked_title(handbook, from_dir, &target, &mut title_deps))
                            .filter(|t| !t.is_empty())
                    })
                    .unwrap_or_else(|| target.clone());
                rendered.text.push_str(&shown);
                rendered.text.push('\n');
                let dest = href.map_or_else(|| target.clone(), |h| h.into_string());
                events.extend(crate::myst::wrapped(
                    Tag::Item,
                    crate::myst::link_tag(dest),
                    shown,
                ));
            }
            events.push(Event::End(TagEnd::List(false)));
            continue;
        }
        if let Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) = &event
            && !synthetic
            && depth == callouts.open.len()
            && let Some((name, arg)) = crate::leftovers::myst_directive(info)
            && let Some(drawn) = crate::myst::drawn_directive(&body, range.clone(), name, arg)
        {
            // Drawn as Sphinx draws it (see `myst::Drawn`); its lines are not code.
            in_toctree = true;
            match drawn {
                crate::myst::Drawn::Nothing => {}
                crate::myst::Drawn::Button { href, text } => {
                    let dest = drawn_destination(
                        &mut repeated,
                        handbook,
                        id,
                        (from_dir, &root),
                        (&href, false),
                        span.clone(),
                        &mut rendered,
                        diags,
                    );
                    let shown = if text.is_empty() { href.clone() } else { text };
                    rendered.text.push_str(&shown);
                    rendered.text.push('\n');
                    let dest = dest.map_or(href, |h| h.into_string());
                    events.extend(crate::myst::wrapped(
                        Tag::Paragraph,
                        crate::myst::link_tag(dest),
                        shown,
                    ));
                }
                crate::myst::Drawn::Line(text) => {
                    events.extend(styled_paragraph(Tag::Emphasis, text, &mut rendered));
                }
                crate::myst::Drawn::Rubric(text) => {
                    events.extend(styled_paragraph(Tag::Strong, text, &mut rendered));
                }
                crate::myst::Drawn::Image { src, alt, caption } => {
                    let href = drawn_destination(
                        &mut repeated,
                        handbook,
                        id,
                        (from_dir, &root),
                        (&src, true),
                        span.clone(),
                        &mut rendered,
                        diags,
                    );
                    events.extend([
                        Event::Start(Tag::Paragraph),
                        Event::Start(Tag::Image {
                            link_type: LinkType::Inline,
                            dest_url: href.map_or_else(|| src.into(), |h| h.into_string().into()),
                            title: "".into(),
                            id: "".into(),
                        }),
                        Event::Text(alt.into()),
                        Event::End(TagEnd::Image),
                        Event::End(TagEnd::Paragraph),
                    ]);
                    if !caption.is_empty() {
                        events.extend(styled_paragraph(Tag::Emphasis, caption, &mut rendered));
                    }
                }
            }
            continue;
        }
        if let Event::Code(code) = &event
            && !synthetic
            && let Some(&(_, role, name_len)) = roles.front().filter(|r| r.0 == range.start)
        {
            roles.pop_front();
            // The role's name, `{pep}`, ends the text right before the span: not text.
            let name = &body[range.start - name_len..range.start];
            if let Some(Event::Text(before)) = events.last_mut()
                && before.ends_with(name)
            {
                *before = CowStr::from(before[..before.len() - name_len].to_string());
                if rendered.text.ends_with(name) {
                    rendered.text.truncate(rendered.text.len() - name_len);
                }
                if in_heading.is_some() && heading_text.ends_with(name) {
                    heading_text.truncate(heading_text.len() - name_len);
                }
            }
            let drawn = crate::myst::role_events(role, code, &mut |target, label| {
                let title = if label {
                    // A label, never a file: an undefined one is shown as text.
                    let Some((to, _, heading)) = handbook.myst_labels.get(target) else {
                        return (target.to_string(), String::new());
                    };
                    title_deps.push(*to);
                    if heading.is_empty() {
                        // A label above a page's first line names the page: its title.
                        let page = &handbook.docs[*to].source.path;
                        linked_title(
                            handbook,
                            "",
                            &format!("/{}", page.trim_start_matches("content/")),
                            &mut title_deps,
                        )
                    } else {
                        heading.clone()
                    }
                } else {
                    linked_title(handbook, from_dir, target, &mut title_deps)
                };
                // A label naming a heading or block is reached as `#label` (which a label
                // like `fig:x` must be: as a path, it would read as a URL scheme).
                let fragment = label
                    && handbook
                        .myst_labels
                        .get(target)
                        .is_some_and(|(_, anchor, _)| !anchor.is_empty());
                let target_as_link = if fragment {
                    format!("#{target}")
                } else {
                    target.to_string()
                };
                let href = drawn_destination(
                    &mut repeated,
                    handbook,
                    id,
                    (from_dir, &root),
                    (&target_as_link, false),
                    span.clone(),
                    &mut rendered,
                    diags,
                );
                (
                    href.map_or_else(|| target.to_string(), |h| h.to_string()),
                    title,
                )
            });
            let shown = drawn.text;
            if in_heading.is_some() {
                heading_text.push_str(&shown);
            }
            rendered.text.push_str(&shown);
            for event in drawn.events {
                events.push(match event {
                    Event::InlineMath(tex) => {
                        formula(tex, false, doc, span.clone(), &mut rendered, diags)
                    }
                    other => other,
                });
            }
            continue;
        }
        match &event {
            Event::End(_) if synthetic => prelude = false,
            _ if synthetic => {}
            Event::Start(Tag::Paragraph) => para_has_text = false,
            Event::Start(Tag::Image { .. }) => image_depth += 1,
            Event::End(TagEnd::Image) => image_depth = image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if image_depth == 0 && !t.trim().is_empty() => {
                para_has_text = true
            }
            Event::End(TagEnd::Paragraph) if para_has_text => prelude = false,
            Event::End(
                TagEnd::Paragraph
                | TagEnd::HtmlBlock
                | TagEnd::Link
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Heading(HeadingLevel::H1),
            ) => {}
            Event::End(TagEnd::Heading(_)) => prelude = false,
            Event::End(_) if in_heading.is_none() => prelude = false,
            _ => {}
        }
        match &event {
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(TagEnd::CodeBlock) => in_code_block = false,
            _ => {}
        }
        if !abbreviations.is_empty()
            && !synthetic
            && !in_code_block
            && image_depth == 0
            && in_heading.is_none()
            && let Event::Text(t) = &event
            && let Some(html) = abbreviated(t, &abbreviations)
        {
            rendered.text.push_str(t);
            events.push(Event::InlineHtml(html.into()));
            continue;
        }
        // An unresolved wikilink is its text: its start was skipped, so is its end.
        if unlinked_depth > 0 && matches!(event, Event::End(TagEnd::Link | TagEnd::Image)) {
            unlinked_depth -= 1;
            continue;
        }
        // A GitHub-wiki link (`[[Link text|Page]]`) shows the text written first.
        if let Some((at, text)) = &wiki_text
            && events.len() > *at
        {
            match &event {
                Event::End(TagEnd::Link) => {
                    rendered.text.push_str(text);
                    events.push(Event::Text(text.clone().into()));
                    wiki_text = None;
                }
                Event::Text(_) => continue,
                _ => {}
            }
        }
        // GitHub's emoji codes (`:tada:`) are the emoji; a heading keeps its id from the
        // code, as GitHub's anchors do (`## :rocket: Launch` is `#rocket-launch`).
        if !synthetic
            && !in_code_block
            && let Event::Text(t) = &event
            && let Some(shown) = with_emoji(t)
        {
            if in_heading.is_some() {
                heading_text.push_str(t);
            }
            rendered.text.push_str(&shown);
            events.push(Event::Text(shown.into()));
            continue;
        }
        // The end of an embedded note drawn as a link (image depth already counted down).
        let event = if embedded_notes > 0 && matches!(event, Event::End(TagEnd::Image)) {
            embedded_notes -= 1;
            Event::End(TagEnd::Link)
        } else {
            event
        };
        if let Event::End(TagEnd::Link) = &event
            && let Some((at, title)) = empty_link_title.take()
            && events.len() == at + 1
        {
            rendered.text.push_str(&title);
            events.push(Event::Text(title.into()));
        }
        let event = match event {
            e if synthetic => e,
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if prelude && level == HeadingLevel::H1 && rendered.leading_h1.is_none() {
                    rendered.leading_h1 = Some(String::new());
                }
                in_heading = Some(events.len());
                heading_text.clear();
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = in_heading.take()
                    && let Event::Start(Tag::Heading { id, .. }) = &mut events[start]
                {
                    let written = heading_text.trim();
                    let wanted = id
                        .as_ref()
                        .map_or_else(|| heading_id(written), |i| i.to_string());
                    // Its id from the emoji codes as written, its text with the emoji.
                    let text = with_emoji(written).unwrap_or_else(|| written.to_string());
                    let unique = used_ids.unique(wanted);
                    *id = Some(CowStr::from(unique.clone()));
                    if let Some(h1) = rendered.leading_h1.as_mut()
                        && h1.is_empty()
                        && rendered.headings.is_empty()
                    {
                        h1.push_str(&text);
                    }
                    rendered.headings.push(Heading {
                        level: level as u8,
                        id: unique,
                        text,
                    });
                }
                rendered.text.push('\n');
                Event::End(TagEnd::Heading(level))
            }
            Event::Start(
                tag @ Tag::Link {
                    link_type: LinkType::Email,
                    ..
                },
            ) => Event::Start(tag),
            // MkDocs's anchor (attr_list, as mkdocs-autorefs documents it): `[](){#id}`, an
            // empty link written only for its id, is that anchor.
            Event::Start(Tag::Link { dest_url, .. })
                if dest_url.is_empty()
                    && let Some((id, written)) = empty_link_anchor(&body, range.clone()) =>
            {
                let html = format!("<span id=\"{}\"></span>", crate::text::escape_html(id));
                rendered.anchors.push(id.to_string());
                attr_anchor = Some(written.to_string());
                Event::InlineHtml(html.into())
            }
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let image = matches!(tag, Tag::Image { .. });
                // A wikilink (`[[Page]]`, `[[Page|text]]`, `![[file.png]]`) names a file
                // by name: its destination is made a path, then resolved like any link.
                if let Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole },
                    dest_url,
                    ..
                }
                | Tag::Image {
                    link_type: LinkType::WikiLink { has_pothole },
                    dest_url,
                    ..
                } = &mut tag
                {
                    let written = body
                        .get(span.start.saturating_sub(offset)..span.end.saturating_sub(offset))
                        .unwrap_or("");
                    let inner = written
                        .trim_start_matches('!')
                        .trim_start_matches("[[")
                        .trim_end_matches("]]");
                    let (first, second) = inner.split_once('|').unwrap_or((inner, ""));
                    let found = match wiki_target(handbook, from_dir, first) {
                        Some(dest) => {
                            // Obsidian shows `[[Page#Heading]]` as "Page > Heading".
                            if !*has_pothole && let Some((page, heading)) = first.split_once('#') {
                                let shown = match page.trim() {
                                    "" => heading.trim().to_string(),
                                    page => format!("{page} > {}", heading.trim()),
                                };
                                wiki_text = Some((events.len(), shown));
                            }
                            Some(dest)
                        }
                        // GitHub wikis write the text first: `[[Link text|Page-Name]]`.
                        None if *has_pothole => {
                            wiki_target(handbook, from_dir, second).inspect(|_| {
                                wiki_text = Some((events.len(), first.to_string()));
                            })
                        }
                        None => None,
                    };
                    let page = found.as_deref().is_some_and(|d| {
                        crate::load::is_markdown(d.split('#').next().unwrap_or(d))
                    });
                    match found {
                        // Obsidian's `![[Note]]` embeds a note: here, a link to it.
                        Some(dest) if image && page => {
                            let Tag::Image {
                                title,
                                id: image_id,
                                ..
                            } = &tag
                            else {
                                unreachable!("an image wikilink")
                            };
                            tag = Tag::Link {
                                link_type: LinkType::WikiLink { has_pothole: false },
                                dest_url: CowStr::from(dest),
                                title: title.clone(),
                                id: image_id.clone(),
                            };
                            embedded_notes += 1;
                        }
                        Some(dest) => *dest_url = CowStr::from(dest),
                        None => {
                            unmatched_wikilinks += 1;
                            if unmatched_wikilinks <= BROKEN_LINKS_SHOWN {
                                diags.push(
                                    Diagnostic::warning(
                                        "broken-link",
                                        &doc.source.path,
                                        format!("`{written}` names no page or file: wikilinks are matched by file name (`{}.md`, in any folder)", first.trim().replace(' ', "-")),
                                    )
                                    .with_help("create the page, or correct the name; it is shown as text meanwhile")
                                    .at(&doc.source.text, span.clone()),
                                );
                            }
                            unlinked_depth += 1;
                            continue;
                        }
                    }
                }
                // MyST: `![](#label)` embeds the block a label names; here, a link to it.
                if let Tag::Image {
                    dest_url,
                    title,
                    id: image_id,
                    ..
                } = &tag
                    && handbook
                        .myst_labels
                        .contains_key(dest_url.strip_prefix('#').unwrap_or(dest_url))
                {
                    tag = Tag::Link {
                        link_type: LinkType::Inline,
                        dest_url: dest_url.clone(),
                        title: title.clone(),
                        id: image_id.clone(),
                    };
                    embedded_notes += 1;
                }
                // MyST: a link without text to a label (`[](#label)`, `[](label)`) shows
                // the heading the label names.
                if let Tag::Link { dest_url, .. } = &tag {
                    let label = match dest_url.split_once('#') {
                        Some(("", fragment)) => Some(fragment),
                        Some(_) => None,
                        None => Some(&**dest_url),
                    };
                    empty_link_title = label
                        .and_then(|l| handbook.myst_labels.get(l))
                        .filter(|(_, _, heading)| !heading.is_empty())
                        .map(|(_, _, heading)| (events.len(), heading.clone()));
                    // A link without text (`[](../setup.md)`, as MyST writes one) shows
                    // the title of the page it names, else its destination: never nothing.
                    if empty_link_title.is_none()
                        && !synthetic
                        && !dest_url.is_empty()
                        && body
                            .get(range.start..)
                            .is_some_and(|b| b.starts_with("[]("))
                    {
                        let title = linked_title(handbook, from_dir, dest_url, &mut title_deps);
                        let shown = if title.is_empty() {
                            dest_url.to_string()
                        } else {
                            title
                        };
                        empty_link_title = Some((events.len(), shown));
                    }
                }
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
                    && let Some(scheme) = crate::html_policy::unsafe_scheme(dest_url, image)
                {
                    let what = if image { "an image" } else { "a link" };
                    diags.push(crate::html_policy::unsafe_url_warning(
                        &doc.source.path,
                        &doc.source.text,
                        span,
                        &scheme,
                        what,
                    ));
                    *dest_url = CowStr::from("#");
                } else if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
                    && let Some(rewritten) = repeated.rewrite(
                        handbook,
                        id,
                        (from_dir, &root),
                        dest_url,
                        span,
                        &mut rendered,
                        diags,
                    )
                {
                    *dest_url = rewritten;
                }
                Event::Start(tag)
            }
            // Raw HTML: a block arrives line by line and is handled whole.
            Event::Start(Tag::HtmlBlock) => {
                raw_block = Some((String::new(), span.start));
                continue;
            }
            Event::Html(t) if raw_block.is_some() => {
                if let Some((piece, _)) = raw_block.as_mut() {
                    piece.push_str(&t);
                }
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                let (piece, start) = raw_block.take().unwrap_or_default();
                has_raw_html = true;
                let ctx = (handbook, id, from_dir, root.as_str(), start);
                match raw_html(ctx, &piece, raw_policy, &mut rendered, diags) {
                    Some(html) => Event::Html(html.into()),
                    None => Event::Text(piece.into()),
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                has_raw_html = true;
                let ctx = (handbook, id, from_dir, root.as_str(), span.start);
                match raw_html(ctx, &t, raw_policy, &mut rendered, diags) {
                    Some(html) => Event::InlineHtml(html.into()),
                    None => Event::Text(t),
                }
            }
            // A MyST code directive's options (`:linenos:`, `:caption: x`) open its text.
            Event::Text(t) if code_options => {
                let mut rest: &str = &t;
                while let Some((line, after)) = rest.split_once('\n')
                    && crate::myst::is_option(line)
                {
                    rest = after;
                }
                if crate::myst::is_option(rest) && !rest.contains('\n') {
                    rest = "";
                }
                code_options = rest.is_empty();
                let t = CowStr::from(rest.to_string());
                if diagram.is_none() {
                    rendered.text.push_str(&t);
                }
                Event::Text(t)
            }
            Event::End(TagEnd::CodeBlock) if code_options => {
                code_options = false;
                rendered.text.push('\n');
                event
            }
            Event::InlineMath(tex) if !crate::math::is_inline_formula(&body, range.clone()) => {
                let shown = format!("${tex}$");
                if in_heading.is_some() {
                    heading_text.push_str(&shown);
                }
                rendered.text.push_str(&shown);
                Event::Text(shown.into())
            }
            Event::InlineMath(tex) => {
                if in_heading.is_some() {
                    heading_text.push_str(&tex);
                }
                rendered.text.push_str(&crate::math::searchable(&tex));
                formula(tex, false, doc, span.clone(), &mut rendered, diags)
            }
            Event::DisplayMath(tex) => {
                rendered.text.push_str(&crate::math::searchable(&tex));
                formula(tex, true, doc, span.clone(), &mut rendered, diags)
            }
            // MyST's label after a display formula, `$$ … $$ (eq-label)`: an anchor before
            // the paragraph (`myst::block_labels`), not text.
            Event::Text(t)
                if matches!(events.last(), Some(Event::DisplayMath(_)))
                    && crate::myst::equation_label(&t).is_some() =>
            {
                continue;
            }
            Event::Text(t) => {
                if in_heading.is_some() {
                    heading_text.push_str(&t);
                }
                // A diagram's source (`flowchart LR`, `-->|label|`) is no text to find or
                // to show in a search result; of a ```` ```math ```` block's TeX, only its
                // words are (added at its end).
                if diagram.is_none() && math_block.is_none() {
                    rendered.text.push_str(&t);
                }
                Event::Text(t)
            }
            Event::Code(t) => {
                if in_heading.is_some() {
                    heading_text.push_str(&t);
                }
                rendered.text.push_str(&t);
                Event::Code(t)
            }
            Event::SoftBreak | Event::HardBreak => {
                rendered.text.push(' ');
                event
            }
            // A MyST directive (```` ```{include} ````): shown as the code block CommonMark
            // makes of it, with a warning at its fence. ```` ```{code-block} python ```` is
            // a block of Python, drawn and highlighted as one, its options left out.
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let info = match crate::leftovers::myst_directive(&info) {
                    Some((
                        name @ ("code-block" | "code" | "sourcecode" | "doctest" | "testcode"
                        | "testoutput" | "mermaid" | "math"),
                        arg,
                    )) => {
                        code_options = true;
                        let lang = match name {
                            "doctest" | "testcode" => "python",
                            "testoutput" => "",
                            "mermaid" | "math" => name,
                            _ => arg,
                        };
                        CowStr::from(lang.split_whitespace().next().unwrap_or("").to_string())
                    }
                    Some((name, _)) => {
                        let line_end = body[range.start..]
                            .find('\n')
                            .map_or(body.len(), |n| range.start + n);
                        let brace = body[range.start..line_end]
                            .find('{')
                            .map_or(range.start, |b| range.start + b);
                        diags.push(myst_directive_warning(
                            &doc.source.path,
                            &doc.source.text,
                            span.start..brace + name.len() + 2 + offset,
                            name,
                            "it is shown as a code block",
                        ));
                        info.clone()
                    }
                    None => info,
                };
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
            }
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => {
                rendered.text.push('\n');
                event
            }
            other => other,
        };
        // A Mermaid diagram's text is gathered as it comes and drawn at its block's end.
        match &event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if !synthetic && crate::diagram::is_mermaid(info) =>
            {
                diagram = Some(DiagramBlock::default());
                diagram_fence = range.start + offset..range.end + offset;
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if !synthetic && crate::math::is_math(info) =>
            {
                let fence = range.start + offset..range.end + offset;
                let line_end = doc.source.text[fence.start.min(doc.source.text.len())..]
                    .find('\n')
                    .map_or(fence.end, |n| fence.start + n);
                math_block = Some((String::new(), fence.start..line_end));
            }
            Event::Text(t) if math_block.is_some() => {
                if let Some((tex, _)) = &mut math_block {
                    tex.push_str(t);
                }
            }
            Event::End(TagEnd::CodeBlock) if math_block.is_some() => {
                if let Some((tex, fence)) = math_block.take() {
                    rendered.text.push_str(&crate::math::searchable(&tex));
                    // Its event stays the code block: `math::place` finds it by its TeX.
                    formula(tex.into(), true, doc, fence, &mut rendered, diags);
                }
            }
            Event::Text(t) => {
                if let Some(d) = &mut diagram {
                    // A MyST `{mermaid}`'s options are cut from its text's start.
                    let end = range.end + offset;
                    d.pieces.push((d.source.len(), end.saturating_sub(t.len())));
                    d.source.push_str(t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(d) = diagram.take() {
                    d.draw(doc, diagram_fence.clone(), &mut rendered, diags);
                }
            }
            _ => {}
        }
        if depth == 0 {
            region.block_start = events.len();
        }
        match &event {
            Event::Start(tag) => {
                depth += 1;
                footnotes |= matches!(tag, Tag::FootnoteDefinition(_));
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::FootnoteReference(_) => footnotes = true,
            _ => {}
        }
        let alert = match &event {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let line = body[..range.start.min(body.len())]
                    .rfind('\n')
                    .map_or(0, |n| n + 1);
                Some(match alert_titles.remove(&line) {
                    Some(title) => CowStr::from(title),
                    None => CowStr::from(alert_title(*kind)),
                })
            }
            _ => None,
        };
        events.push(event);
        if let Some(title) = alert {
            events.extend([
                Event::Start(Tag::Paragraph),
                Event::Text(title),
                Event::End(TagEnd::Paragraph),
            ]);
        }
        // A Just the Docs callout styles one block: it ends with it.
        if depth > 0
            && depth == callouts.open.len()
            && matches!(events.last(), Some(Event::End(_)))
            && let Some(&top) = callouts.open.last()
            && top.until == usize::MAX
        {
            events.push(top.close());
            depth -= 1;
            callouts.open.pop();
        }
        let raw_now = !synthetic && event_is_raw(&events);
        // After the raw-HTML test: the anchor is the renderer's own, not raw HTML.
        events.append(&mut term_anchors);
        if raw_now && let Some(Event::Html(t) | Event::InlineHtml(t)) = events.last() {
            region.balance += crate::html_policy::open_elements(t);
        }
        if raw_now && region.start.is_none() {
            // Raw HTML after Markdown's own: what comes before its top-level block is the
            // renderer's, and a new span starts.
            let done = region.block_start;
            pulldown_cmark::html::push_html(&mut rendered.html, events.drain(..done));
            // An open heading (raw HTML in a heading) is found by its index in the buffer.
            in_heading = in_heading.map(|start| start - done);
            region.block_start = 0;
            region.start = Some(rendered.html.len());
        }
        region.open |= raw_now;
        if depth == 0 && region.open && !footnotes {
            // The end of a top-level block that holds raw HTML: the span reaches here, and
            // ends here when its raw HTML is balanced.
            pulldown_cmark::html::push_html(&mut rendered.html, events.drain(..));
            region.end = rendered.html.len();
            region.open = false;
            if region.balance <= 0
                && let Some(start) = region.start.take()
            {
                region.spans.push(start..region.end);
                region.balance = 0;
            }
        }
        // Write finished top-level blocks as they come, so a 100 MB page never holds all its
        // events at once. Only between top-level blocks (tables and lists are whole), and
        // not once footnotes appear (the writer numbers them across the whole page).
        if depth == 0 && !footnotes && events.len() >= FLUSH_EVENTS {
            pulldown_cmark::html::push_html(&mut rendered.html, events.drain(..));
        }
    }
    if rendered.leading_h1.as_deref() == Some("") {
        rendered.leading_h1 = None;
    }
    while let Some(top) = callouts.open.pop() {
        events.push(top.close());
    }
    // Labels after the last block still get their anchor.
    events.extend(block_labels.iter().map(label_anchor));
    pulldown_cmark::html::push_html(&mut rendered.html, events.into_iter());
    if rendered.broken_links > BROKEN_LINKS_SHOWN {
        let more = rendered.broken_links - BROKEN_LINKS_SHOWN;
        let message = format!(
            "{more} more broken links in this file are not listed ({} in all)",
            rendered.broken_links
        );
        // The summary has the severity of the links it stands for.
        let summary = if handbook.config.links.broken_warn {
            Diagnostic::warning("broken-link", &doc.source.path, message)
        } else {
            Diagnostic::error("broken-link", &doc.source.path, message)
        };
        diags.push(
            summary
            .with_help(format!("the first {BROKEN_LINKS_SHOWN} are listed above; fix them and run `orgbook check` again for the next ones")),
        );
    }
    if unmatched_wikilinks > BROKEN_LINKS_SHOWN {
        diags.push(
            Diagnostic::warning(
                "broken-link",
                &doc.source.path,
                format!(
                    "{} more wikilinks in this file name no page or file ({unmatched_wikilinks} in all)",
                    unmatched_wikilinks - BROKEN_LINKS_SHOWN
                ),
            )
            .with_help(format!("the first {BROKEN_LINKS_SHOWN} are listed above; each is shown as text")),
        );
    }
    if has_raw_html && raw_policy == crate::html_policy::RawHtml::Sanitize {
        if let Some(start) = region.start.take() {
            region.spans.push(start..region.end.max(start));
        }
        rendered.html = if footnotes || region.open {
            crate::html_policy::sanitize(&rendered.html)
        } else {
            let html = &rendered.html;
            let mut out = String::with_capacity(html.len());
            let mut copied = 0;
            for span in &region.spans {
                out.push_str(&html[copied..span.start]);
                out.push_str(&crate::html_policy::sanitize(&html[span.clone()]));
                copied = span.end;
            }
            out.push_str(&html[copied..]);
            out
        };
    }
    spot_anchored_links(&doc.source.text, &mut rendered.links);
    // Every body's HTML and text are held until the pages are written: without the slack
    // of their growth, a large handbook holds about 40 MB less (measured, 10,000 pages).
    rendered.html.shrink_to_fit();
    rendered.text.shrink_to_fit();
    title_deps.append(&mut rendered.title_deps);
    title_deps.sort_unstable();
    title_deps.dedup();
    rendered.title_deps = title_deps;
    rendered
}

/// Where raw HTML sits in a page's HTML: spans that each run from the start of a top-level
/// block holding raw HTML to the end of the first such block (it or a later one) where the
/// raw HTML opened so far is closed again ([`crate::html_policy::open_elements`]). Only
/// these spans go through the sanitizer, each on its own: the HTML between them is the
/// Markdown renderer's own (escaped, balanced, and with unsafe URLs already neutralised),
/// and the sanitizer's output is a balanced fragment, so nothing in a span can reach
/// outside it. A `<details>` opened in one block and closed in a later one stays whole
/// because its span runs on until the closing tag. Sanitizing spans rather than one run
/// from the first raw block to the last keeps a long page with a few anchors cheap (the
/// sanitizer parses all it is given). Footnotes are numbered across the page, so a page
/// with footnotes is sanitized whole.
#[derive(Default)]
struct RawRegion {
    /// Index in the event buffer where the current top-level block starts.
    block_start: usize,
    /// Offset in the HTML where the current span starts.
    start: Option<usize>,
    /// Offset in the HTML where the current span ends (so far).
    end: usize,
    /// The current top-level block holds raw HTML.
    open: bool,
    /// Elements the current span's raw HTML has opened and not closed.
    balance: i64,
    /// The finished spans, in order.
    spans: Vec<std::ops::Range<usize>>,
}

/// A Mermaid code block being read: its text, and where each piece of it is in the file
/// (offset in `source`, offset in the file), to place the parser's errors.
/// The id of MkDocs's anchor idiom, an empty link followed by an attribute list that
/// gives only an id (`[](){#install}`, `[](){ #install }`), and the list as written.
fn empty_link_anchor(body: &str, link: Range<usize>) -> Option<(&str, &str)> {
    if body.get(link.clone())? != "[]()" {
        return None;
    }
    let rest = &body[link.end..];
    let close = rest.strip_prefix('{')?.find('}')? + 1;
    let id = rest[1..close].trim().strip_prefix('#')?;
    (!id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b)))
    .then(|| (id, &rest[..=close]))
}

/// A formula's event, its MathML kept in `rendered.formulas` (or, if its TeX does not
/// parse, a warning at `span`: the page shows the TeX). GitHub's other inline form,
/// `` $`x`$ ``, which reads as code where math is unknown, is the formula inside.
fn formula<'a>(
    tex: CowStr<'a>,
    display: bool,
    doc: &crate::model::Doc,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Event<'a> {
    let tex = match tex.strip_prefix('`').and_then(|t| t.strip_suffix('`')) {
        Some(inner) if !display && !inner.is_empty() => CowStr::from(inner.to_string()),
        _ => tex,
    };
    match crate::math::draw(&tex, display) {
        Ok(mathml) => rendered.formulas.push(crate::math::Formula {
            source: tex.to_string(),
            display,
            mathml,
        }),
        Err(message) => diags.push(
            Diagnostic::warning(
                crate::diagnostic::Code::BadMath,
                &doc.source.path,
                format!("formula not drawn, {message}; its TeX is shown as written"),
            )
            .with_help(
                "fix the TeX here (LaTeX's math commands work, as in KaTeX), or write `\\$` for a dollar sign that is not math",
            )
            .at(&doc.source.text, span),
        ),
    }
    if display {
        Event::DisplayMath(tex)
    } else {
        Event::InlineMath(tex)
    }
}

#[derive(Default)]
struct DiagramBlock {
    source: String,
    pieces: Vec<(usize, usize)>,
}

impl DiagramBlock {
    /// Draws the diagram into `rendered.diagrams`, or warns at the place the parser names
    /// (else at the fence), leaving the code block as it is.
    fn draw(
        self,
        doc: &crate::model::Doc,
        fence: Range<usize>,
        rendered: &mut Rendered,
        diags: &mut Vec<Diagnostic>,
    ) {
        let id = format!("orgbook-diagram-{}", rendered.diagrams.len() + 1);
        match crate::diagram::draw(&self.source, &id) {
            Ok(svg) => rendered.diagrams.push(crate::diagram::Drawn {
                source: self.source,
                svg,
            }),
            Err(e) => {
                let in_file = |at: usize| {
                    let (from, file) = self
                        .pieces
                        .iter()
                        .rev()
                        .find(|(from, _)| *from <= at)
                        .copied()
                        .unwrap_or((0, fence.start));
                    file + (at - from)
                };
                let span = match &e.at {
                    Some(at) if !self.pieces.is_empty() => in_file(at.start)..in_file(at.end),
                    _ => {
                        let line_end = doc.source.text[fence.start.min(doc.source.text.len())..]
                            .find('\n')
                            .map_or(fence.end, |n| fence.start + n);
                        fence.start..line_end
                    }
                };
                diags.push(
                    Diagnostic::warning(
                        crate::diagnostic::Code::BadDiagram,
                        &doc.source.path,
                        format!("Mermaid diagram not drawn, {}; it is shown as code", e.message),
                    )
                    .with_help(
                        "fix the diagram's syntax here, or mark the fence as plain text (```text) if it is an example",
                    )
                    .at(&doc.source.text, span),
                );
            }
        }
    }
}

/// The empty element that marks a block a MyST label names (see `myst::BlockLabel`).
fn label_anchor<'a>(label: &crate::myst::BlockLabel) -> Event<'a> {
    let id = crate::text::escape_html(&label.id);
    Event::Html(format!("<span id=\"{id}\"></span>").into())
}

/// `text` with each GitHub emoji code (`:tada:`, `:+1:`, `:white_check_mark:`) written as
/// its emoji; `None` when it has none. A code counts only between non-word characters, so
/// `10:30:00` and `a:b:c` stay as written.
fn with_emoji(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out: Option<String> = None;
    let mut done = 0;
    let mut from = 0;
    while let Some(open) = memchr::memchr(b':', &bytes[from..]).map(|i| from + i) {
        let name_len = bytes[open + 1..]
            .iter()
            .take(48)
            .take_while(|b| b.is_ascii_alphanumeric() || b"_+-".contains(b))
            .count();
        let close = open + 1 + name_len;
        let word = |b: Option<&u8>| b.is_some_and(|b| b.is_ascii_alphanumeric());
        let emoji = (name_len > 0
            && bytes.get(close) == Some(&b':')
            && !word(open.checked_sub(1).and_then(|i| bytes.get(i)))
            && !word(bytes.get(close + 1)))
        .then(|| emojis::get_by_shortcode(&text[open + 1..close]))
        .flatten();
        match emoji {
            Some(e) => {
                let s = out.get_or_insert_with(|| String::with_capacity(text.len()));
                s.push_str(&text[done..open]);
                s.push_str(e.as_str());
                done = close + 1;
                from = close + 1;
            }
            // The closing colon may open the next code (`:a::tada:`).
            None => from = if name_len > 0 { close } else { open + 1 },
        }
    }
    let mut out = out?;
    out.push_str(&text[done..]);
    Some(out)
}

/// `text` as HTML with each whole-word use of an abbreviation wrapped in `<abbr title>`, as
/// Python-Markdown's `abbr` draws them; `None` when it uses none.
fn abbreviated(text: &str, abbreviations: &[(String, String)]) -> Option<String> {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    // (start, end, title), the longest at a place first.
    let mut uses: Vec<(usize, usize, &str)> = Vec::new();
    for (abbr, title) in abbreviations {
        for (at, _) in text.match_indices(abbr.as_str()) {
            let end = at + abbr.len();
            if !word(text[..at].chars().next_back()) && !word(text[end..].chars().next()) {
                uses.push((at, end, title));
            }
        }
    }
    if uses.is_empty() {
        return None;
    }
    uses.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut out = String::with_capacity(text.len() + uses.len() * 32);
    let mut pos = 0;
    for (start, end, title) in uses {
        if start < pos {
            continue;
        }
        out.push_str(&crate::text::escape_html(&text[pos..start]));
        out.push_str("<abbr title=\"");
        out.push_str(&crate::text::escape_html(title));
        out.push_str("\">");
        out.push_str(&crate::text::escape_html(&text[start..end]));
        out.push_str("</abbr>");
        pos = end;
    }
    out.push_str(&crate::text::escape_html(&text[pos..]));
    Some(out)
}

/// Whether the newest buffered event is raw HTML (a block or an inline tag).
fn event_is_raw(events: &[Event]) -> bool {
    matches!(events.last(), Some(Event::Html(_) | Event::InlineHtml(_)))
}

/// Links a page has resolved, by destination, once it has many: a page with thousands of
/// links names the same few targets again and again, and resolving one (path joins,
/// lookups, percent-encoding) costs far more than a map lookup. Pages with few links never
/// fill the map, so they pay nothing.
#[derive(Default)]
struct RepeatedLinks {
    resolved: rustc_hash::FxHashMap<Box<str>, (LinkRef, Box<str>)>,
}

impl RepeatedLinks {
    /// Links seen on a page before destinations are remembered.
    const AFTER: usize = 64;

    /// [`rewrite`], reusing an earlier resolution of the same destination. Only clean
    /// resolutions are reused: one link recorded, nothing reported, nothing counted.
    #[allow(clippy::too_many_arguments)]
    fn rewrite<'a>(
        &mut self,
        handbook: &Handbook,
        self_id: DocId,
        (from_dir, root): (&str, &str),
        dest: &str,
        span: Range<usize>,
        rendered: &mut Rendered,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<CowStr<'a>> {
        if let Some((link, href)) = self.resolved.get(dest) {
            rendered.links.push(LinkRef {
                span,
                ..link.clone()
            });
            return Some(CowStr::from(href.to_string()));
        }
        let (links, reported, broken) = (rendered.links.len(), diags.len(), rendered.broken_links);
        let out = rewrite(
            handbook, self_id, from_dir, root, dest, span, rendered, diags,
        );
        if links >= Self::AFTER
            && rendered.links.len() == links + 1
            && diags.len() == reported
            && rendered.broken_links == broken
            && let Some(href) = &out
        {
            let link = rendered.links[links].clone();
            self.resolved
                .insert(dest.into(), (link, href.as_ref().into()));
        }
        out
    }
}

/// Resolves one link destination written in document `self_id` — from a Markdown link or
/// image here, or from raw HTML (`href`, `src`) — exactly as the site will: records the
/// link in `rendered` (for anchors and backlinks) and reports it at `span` if it is broken
/// (an error, or a warning under `[links] broken = "warn"`). Returns the destination to
/// write, relative to the page, or `None` to keep it as written (external links, e-mail,
/// same-page anchors, links into files already reported as unreadable).
pub fn resolve_link(
    handbook: &Handbook,
    self_id: DocId,
    dest: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let doc = &handbook.docs[self_id];
    let from_dir = doc.source.path.rsplit_once('/').map_or("", |(d, _)| d);
    let root = root_prefix(&doc.url);
    rewrite(
        handbook, self_id, from_dir, &root, dest, span, rendered, diags,
    )
    .map(|c| c.to_string())
}

/// One raw-HTML piece under the `[markdown] raw_html` policy: its URLs neutralised or
/// resolved like Markdown links, its ids recorded as anchors. `None` means "show as text".
fn raw_html(
    (handbook, id, from_dir, root, start): (&Handbook, DocId, &str, &str, usize),
    piece: &str,
    policy: crate::html_policy::RawHtml,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    if policy == crate::html_policy::RawHtml::Escape {
        return None;
    }
    let doc = &handbook.docs[id];
    let ctx = crate::html_policy::RawContext {
        file: &doc.source.path,
        text: &doc.source.text,
        offset: start,
    };
    let mut links = Rendered {
        broken_links: rendered.broken_links,
        ..Rendered::default()
    };
    let mut link_diags = Vec::new();
    let html = crate::html_policy::process_raw(
        piece,
        &ctx,
        &mut rendered.anchors,
        &mut |url, span| {
            rewrite(
                handbook,
                id,
                from_dir,
                root,
                url,
                span,
                &mut links,
                &mut link_diags,
            )
            .map(|c| c.into_string())
        },
        diags,
    );
    rendered.links.extend(links.links);
    rendered.broken_links = links.broken_links;
    diags.extend(link_diags);
    Some(html)
}

/// Rewrites one link destination, recording the link and reporting it if broken. Returns
/// `None` to keep the destination as written (external links).
#[allow(clippy::too_many_arguments)]
fn rewrite<'a>(
    handbook: &Handbook,
    self_id: DocId,
    from_dir: &str,
    root: &str,
    dest: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    if dest.is_empty() || has_scheme(dest) {
        return None;
    }
    if looks_like_email(dest) {
        return Some(format!("mailto:{dest}").into());
    }
    // `{{site.baseurl}}/guide/` (Jekyll) is a root-relative link once the variable is gone;
    // the variable itself is reported as a template leftover.
    if let Some(rest) = dest
        .strip_prefix("{{")
        .and_then(|d| d.split_once("}}"))
        .map(|(_, r)| r)
        && rest.starts_with('/')
    {
        return rewrite(
            handbook, self_id, from_dir, root, rest, span, rendered, diags,
        )
        .map(|c| CowStr::from(c.into_string()));
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let anchor = fragment.filter(|f| !f.is_empty()).map(percent_decode);
    if path.is_empty() {
        // MyST: `#label` names the heading after a `(label)=` line, on any page.
        if let Some(label) = &anchor
            && let Some((labelled, heading, _)) = handbook.myst_labels.get(label.as_str())
            && !heading.is_empty()
            // A label this page also gives a block of its own is that block.
            && (*labelled == self_id || !rendered.anchors.iter().any(|a| a == label))
        {
            let href = if *labelled == self_id {
                format!("#{heading}")
            } else {
                rendered.title_deps.push(*labelled);
                format!(
                    "{root}{}#{heading}",
                    encode_path(&handbook.docs[*labelled].url)
                )
            };
            rendered.links.push(LinkRef {
                target: Some(*labelled),
                anchor: Some(heading.clone()),
                span,
                href: href.clone(),
                asset: None,
                spot: None,
            });
            return Some(href.into());
        }
        rendered.links.push(LinkRef {
            target: Some(self_id),
            anchor,
            span,
            href: dest.to_string(),
            asset: None,
            spot: None,
        });
        return None;
    }
    let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    let doc = &handbook.docs[self_id];
    let broken = |message: String, help: String| {
        let d = if handbook.config.links.broken_warn {
            Diagnostic::warning("broken-link", &doc.source.path, message)
        } else {
            Diagnostic::error("broken-link", &doc.source.path, message)
        };
        d.with_help(help).at(&doc.source.text, span.clone())
    };
    match resolve_target(handbook, from_dir, path) {
        Resolved::Doc(target, url) => {
            let href = format!("{root}{}{suffix}", encode_path(&url));
            rendered.links.push(LinkRef {
                target: Some(target),
                anchor,
                span,
                href: href.clone(),
                asset: None,
                spot: None,
            });
            Some(href.into())
        }
        Resolved::Asset(rel) => {
            let href = format!("{root}{}{suffix}", encode_path(&rel));
            rendered.links.push(LinkRef {
                target: None,
                anchor: None,
                span,
                href: href.clone(),
                asset: Some(rel),
                spot: None,
            });
            Some(href.into())
        }
        Resolved::Generated(url) => Some(format!("{root}{url}{suffix}").into()),
        Resolved::Missing(joined) if handbook.unparsed.contains(&joined) => None,
        // MyST: `[text](label)` names a `(label)=` target, on this page or another.
        Resolved::Missing(_) if fragment.is_none() && handbook.myst_labels.contains_key(path) => {
            let (target, heading, _) = &handbook.myst_labels[path];
            // Its address is the labelled page's: `serve` renders this body again when
            // that page changes.
            rendered.title_deps.push(*target);
            let url = &handbook.docs[*target].url;
            let anchor = (!heading.is_empty()).then(|| heading.clone());
            let href = match &anchor {
                Some(a) => format!("{root}{}#{a}", encode_path(url)),
                None => format!("{root}{}", encode_path(url)),
            };
            rendered.links.push(LinkRef {
                target: Some(*target),
                anchor,
                span,
                href: href.clone(),
                asset: None,
                spot: None,
            });
            Some(href.into())
        }
        // Not under content/ but in static/, which is copied to the site's root.
        Resolved::Missing(joined) if static_file(handbook, &joined).is_some() => {
            let site_path = static_file(handbook, &joined).unwrap_or_default();
            Some(format!("{root}{}{suffix}", encode_path(site_path)).into())
        }
        Resolved::Missing(_) | Resolved::Draft(_) | Resolved::Ambiguous(..)
            if rendered.broken_links >= BROKEN_LINKS_SHOWN =>
        {
            rendered.broken_links += 1;
            None
        }
        Resolved::Draft(draft) => {
            rendered.broken_links += 1;
            diags.push(broken(
                format!("link to `{path}`: {draft} is a draft, which is not published"),
                "publish the page (remove `draft`) or remove the link".into(),
            ));
            None
        }
        Resolved::Ambiguous(file, folder) => {
            rendered.broken_links += 1;
            diags.push(broken(
                format!("link to `{path}` could mean {file} or {folder}"),
                format!(
                    "write the file name: `{}` or `{}`",
                    relative_path(from_dir, &file),
                    relative_path(from_dir, &folder)
                ),
            ));
            None
        }
        Resolved::Missing(joined) => {
            rendered.broken_links += 1;
            let near = handbook.near();
            let moved = near.moved(path, from_dir);
            let near = moved
                .or_else(|| near.same_number(&joined))
                .or_else(|| near.nearest(&joined))
                .map(|n| {
                    let rel = relative_path(from_dir, n);
                    format!("did you mean `{rel}`?")
                });
            let attachment = joined
                .rsplit('/')
                .next()
                .and_then(|name| name.rsplit_once('.'))
                .is_some_and(|(_, ext)| {
                    !matches!(ext, "md" | "html" | "htm")
                        && ext.len() <= 5
                        && ext.bytes().all(|b| b.is_ascii_alphanumeric())
                        && ext.bytes().any(|b| b.is_ascii_alphabetic())
                });
            let help = near.unwrap_or_else(|| {
                if attachment {
                    "put the file at that path (images and attachments under content/ are published as they are), or correct the path".into()
                } else {
                    "link to the Markdown source file with a path relative to this file, e.g. `../teams/payments.md`, or from content/ with a leading `/`".into()
                }
            });
            // Sphinx names a page by its path without extension, whatever its format:
            // the page is there, as reStructuredText (or AsciiDoc).
            let other_format = ["rst", "adoc"].into_iter().find_map(|ext| {
                let rel = format!("{}.{ext}", joined.strip_prefix("content/")?);
                handbook
                    .assets
                    .binary_search_by(|a| a.as_str().cmp(&rel))
                    .is_ok()
                    .then_some((rel, ext))
            });
            let (message, help) = match other_format {
                Some((rel, ext)) => (
                    format!(
                        "link to `{path}`: content/{rel} is {}, which orgbook does not render",
                        if ext == "rst" {
                            "reStructuredText"
                        } else {
                            "AsciiDoc"
                        }
                    ),
                    format!(
                        "convert it to Markdown (`pandoc -f {} -t gfm content/{rel} -o content/{}.md`), or link to `{path}.{ext}` to publish the file as it is",
                        if ext == "rst" { "rst" } else { "asciidoc" },
                        rel.rsplit_once('.').map_or(rel.as_str(), |(stem, _)| stem)
                    ),
                ),
                None => (format!("link to `{path}`: no such file ({joined})"), help),
            };
            diags.push(broken(message, help));
            None
        }
    }
}

/// The path in the site of a link that names no file under content/ but a file of
/// `static/` (copied to the site's root): `content/img/logo.png` → `img/logo.png`.
fn static_file<'a>(handbook: &Handbook, joined: &'a str) -> Option<&'a str> {
    joined
        .strip_prefix("content/")
        .filter(|p| handbook.static_files.contains(*p))
}

/// The relative path from folder `from_dir` to file `to` (both root-relative), for hints.
pub fn relative_path(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

#[cfg(test)]
mod tests;
