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
//!
//! [`render`] is one pass over pulldown-cmark's events; the pass's steps, in order, are
//! `body::BodyWriter`'s methods. This file holds what the pass returns ([`Rendered`]) and
//! what other stages call too: link resolution, heading ids, the Markdown options.

use crate::diagnostic::Diagnostic;
use crate::dialects::docusaurus::SitePath;
use crate::dialects::{alert_class, alert_title, options_for};
use crate::link::Handbook;
use crate::model::DocId;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
    /// Inside a block quote: an anchor like any heading's, but no section of the page's
    /// table of contents.
    pub quoted: bool,
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
    /// The anchor is a BookStack heading id without its `bkmrk-` (the link was written as
    /// a BookStack address): BookStack cuts the ids of long headings, so one that misses
    /// is read by BookStack's rule ([`links::retarget_anchors`]).
    pub bookstack_id: bool,
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
    /// The title mdBook's `{{#title …}}` gives the page's `<title>` (its heading, and
    /// its name in links and the navigation, stay its own).
    pub head_title: Option<String>,
    /// `id` and `name` attributes of raw HTML: link targets like heading ids.
    pub anchors: Vec<String>,
    /// Broken links found, including those past [`BROKEN_LINKS_SHOWN`] that are only counted.
    pub broken_links: usize,
    /// Of [`Self::broken_links`], those shown as their text without being broken: links to
    /// files of the repository outside the site, a template's placeholders.
    pub text_only_links: usize,
    /// Links `links::retarget_anchors` pointed at a heading's id, by index in `links`, with
    /// the anchor as written: checking again (under `serve`) starts from what was written.
    pub retargeted: Vec<(usize, String)>,
    /// Documents whose title this body shows as a link's text (a MyST toctree entry, a
    /// `{doc}` role): when one's title changes, `serve` renders this body again.
    pub title_deps: Vec<DocId>,
    /// The body links to a page by its title (Confluence's `<ri:page ri:content-title>`):
    /// `serve` renders it again after any edit, which may give another page that title.
    pub by_title: bool,
    /// The body has API documentation blocks orgbook does not generate (mkdocstrings,
    /// mkdocs-click): links to anchors those would make are counted, not each reported.
    pub generated_anchors: bool,
    /// The body's Mermaid diagrams, drawn (`diagram::place` puts them in the page).
    pub diagrams: Vec<crate::diagram::Drawn>,
    /// The body's TeX formulas, drawn as MathML (`math::place` puts them in the page).
    pub formulas: Vec<crate::math::Formula>,
    /// Links to folders without an index page: their `href` is [`FOLDER_LINK`] and the
    /// number here, until the page is rendered and the folder's place in the handbook
    /// index, known only once every page's title is, is put in it.
    pub folder_links: Vec<FolderLink>,
    /// The body's large `data:` images, each shown from a file of its own
    /// ([`inline_images`]); [`inline_images::collect`] gathers them once every body is rendered.
    pub inline_images: Vec<inline_images::InlineImage>,
}

/// A link to a folder without an index page of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderLink {
    /// A published page in the folder or below it: the handbook index lists the folder
    /// above that page's own.
    pub page: DocId,
    /// The folder, relative to `content/` (`process`, `guides/onboarding`).
    pub folder: String,
}

/// The `href` a link to a folder without an index page has until its page is rendered
/// (followed by its number in [`Rendered::folder_links`]): no link a person writes looks
/// like it, and it has no scheme a browser would follow.
pub const FOLDER_LINK: &str = "orgbook-folder-listing:";

impl Rendered {
    /// Records a link of the page (what it points at, where it is written) and gives the
    /// `href` the HTML gets.
    fn record_link<'a>(
        &mut self,
        span: Range<usize>,
        href: String,
        target: Option<DocId>,
        anchor: Option<String>,
        asset: Option<String>,
    ) -> CowStr<'a> {
        self.links.push(LinkRef {
            target,
            anchor,
            span,
            href: href.clone(),
            asset,
            spot: None,
            bookstack_id: false,
        });
        href.into()
    }
}

/// Broken links reported one by one per file; the rest are counted in one diagnostic, so a
/// file with 50,000 broken links costs neither minutes (each report locates its line) nor
/// megabytes of output.
pub const BROKEN_LINKS_SHOWN: usize = 20;

/// Pieces of other generators' template syntax reported one by one per file; the rest are
/// counted in one diagnostic, as broken links are.
pub const TEMPLATES_SHOWN: usize = 20;

/// Where a Confluence link to the page titled `title` goes (`dialects::confluence`): the
/// page with that title (case aside; of several, the one in the folder `from_dir`, else
/// the first by path), else the page whose file is named so (as a wikilink finds it), as
/// a path from `content/` with `anchor`'s heading id. `None` when nothing has the title.
fn confluence_page(
    handbook: &Handbook,
    from_dir: &str,
    title: &str,
    anchor: &str,
) -> Option<String> {
    let pages = handbook.pages_titled(title);
    let in_dir = |&&id: &&DocId| {
        let path = &handbook.docs[id].source.path;
        path.rsplit_once('/').map_or("", |(d, _)| d) == from_dir
    };
    let fragment = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{}", crate::text::heading_id(anchor))
    };
    pages
        .iter()
        .find(in_dir)
        .or_else(|| pages.first())
        .map(|&id| {
            let path = &handbook.docs[id].source.path;
            format!(
                "/{}{fragment}",
                path.strip_prefix("content/").unwrap_or(path)
            )
        })
        .or_else(|| wiki_target(handbook, from_dir, title).map(|d| format!("{d}{fragment}")))
}

/// The `broken-link` message and help for a Confluence link to a page no page is.
fn confluence_page_missing(title: &str) -> (String, &'static str) {
    (
        format!(
            "the Confluence link names the page \"{title}\", and no page of the handbook has that title"
        ),
        "move that page in from Confluence too (or give the page it means that title); the link is shown as text meanwhile",
    )
}

/// The `broken-link` message and help for a Confluence attachment no file is.
fn confluence_attachment_missing(file: &str, image: bool) -> (String, &'static str) {
    (
        format!(
            "the Confluence {} names the attachment `{file}`, and no file of that name is in content/",
            if image { "image" } else { "link" }
        ),
        "copy the page's attachments from the export into content/ (any folder); the link is shown as text meanwhile",
    )
}

/// A Confluence address in raw HTML (`ri:page:Title#anchor`, `ri:attachment:rota.csv`,
/// as `dialects::confluence::links_in_html` writes them) made a path from `content/` as
/// the Markdown form's is; `Err` with the `broken-link` message and help when it names
/// nothing. `by_title` is set for a page's: the page depends on other pages' titles.
fn confluence_raw(
    handbook: &Handbook,
    from_dir: &str,
    url: &str,
    by_title: &mut bool,
) -> Result<String, (String, &'static str)> {
    if let Some(file) = url.strip_prefix("ri:attachment:") {
        return wiki_target(handbook, from_dir, file)
            .ok_or_else(|| confluence_attachment_missing(file, false));
    }
    let named = url.strip_prefix("ri:page:").unwrap_or(url);
    *by_title = true;
    let (title, anchor) = named.split_once('#').unwrap_or((named, ""));
    confluence_page(handbook, from_dir, title, anchor).ok_or_else(|| confluence_page_missing(title))
}

/// Where a wikilink goes, as a destination the link resolver reads (`/path/under/content.md`
/// or `#heading`): `target` as a path from the page or from `content/` (Obsidian's
/// `[[folder/Note]]`), else a Logseq namespace page of that name (`[[Process/Review]]` is
/// `Process___Review.md`), else a page or file of that name anywhere (GitHub wikis and Obsidian
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
    // A Logseq namespace (`[[Process/Review]]`) is one name, not a path.
    let namespaced = || {
        name.contains('/')
            .then(|| handbook.wiki_names().get(&crate::model::wiki_name(name)))
            .flatten()
    };
    let paths = namespaced()
        .or_else(|| handbook.wiki_names().get(&crate::model::wiki_name(file)))
        .or_else(|| {
            handbook
                .wiki_names()
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

/// Where a Logseq tag goes: where the wikilink of its name goes, except that a namespaced
/// tag (`#infra/tools`) names that one page (`infra___tools.md`) and is text without it:
/// in Logseq the page `tools` is another page, not a fallback.
fn tag_target(handbook: &Handbook, from_dir: &str, name: &str) -> Option<String> {
    if !name.contains('/') {
        return wiki_target(handbook, from_dir, name);
    }
    let paths = handbook.wiki_names().get(&crate::model::wiki_name(name))?;
    let best = paths
        .iter()
        .min_by_key(|p| (p.matches('/').count(), p.as_str()))?;
    Some(format!("/{best}"))
}

/// An event pass that applies to some pages only (MDX's one-line callouts after a blank
/// line, pandoc's sub- and superscripts, HedgeDoc's marks, Logseq's tags). Off, the events
/// go straight from the pass before it to the one after, inlined: most pages pass through
/// every such pass, and moving each event through a layer that does nothing was 1.3 % of a
/// build (docs/performance.md, "Twenty-seventh session").
///
/// On, the pass is boxed. Were it kept as its own type, each layer's type would name the
/// one before it twice (once bare, once inside the pass), so ten layers name the parser
/// 2¹⁰ times and the compiler's work grows with that: a branch with ten such layers did
/// not finish compiling in 20 minutes. Boxed, each layer names it once; the price is one
/// allocation and a dynamic call per event, on the few pages the pass is for.
enum OptionalPass<'a, I, T> {
    Off(I),
    On(Box<dyn Iterator<Item = T> + 'a>),
}

impl<'a, I, T> OptionalPass<'a, I, T> {
    fn new<P: Iterator<Item = T> + 'a>(inner: I, on: bool, pass: impl FnOnce(I) -> P) -> Self {
        if on {
            OptionalPass::On(Box::new(pass(inner)))
        } else {
            OptionalPass::Off(inner)
        }
    }
}

impl<T, I: Iterator<Item = T>> Iterator for OptionalPass<'_, I, T> {
    type Item = T;

    #[inline]
    fn next(&mut self) -> Option<T> {
        match self {
            OptionalPass::Off(events) => events.next(),
            OptionalPass::On(pass) => pass.next(),
        }
    }
}

/// `../` repeated once per folder in `url`: the way back to the site root from that page.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

use crate::text::join_path;
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

enum Resolved {
    Doc(DocId, String),
    Asset(String),
    Generated(&'static str),
    /// An old address mdBook's `book.toml` redirects to another site: that site's address.
    Elsewhere(String),
    Missing(String),
    /// A page marked `draft`: it exists but is not published.
    Draft(String),
    /// An extensionless link that names both `x.md` and the folder `x/`, or a link from
    /// the top that two folders above its page have (their source paths).
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
    let folder = handbook
        .folder_index
        .get(trimmed)
        .or_else(|| handbook.team_folders.get(trimmed))
        .copied();
    let last = trimmed.rsplit('/').next().unwrap_or("");
    let extensionless = !last.contains('.') && !decoded.ends_with('/');
    // A page written in HTML (`about.html`, a Jekyll page) is named the same ways.
    let as_md = |p: &str| {
        let doc = |ext: &str| handbook.by_path.get(&format!("{p}{ext}")).copied();
        crate::load::MARKDOWN_EXTENSIONS
            .iter()
            .chain(crate::load::HTML_PAGE_EXTENSIONS)
            .find_map(|ext| doc(ext))
    };
    if let Some(id) = folder {
        // (Not when that page is the folder's own, beside it: `link::sibling_folder_pages`.)
        // Nor when that page is the charter whose team folder this is (a generated
        // README inside, the charter beside it): both name the team, so the link goes to
        // its page.
        if extensionless
            && let Some(other) = as_md(trimmed)
            && other != id
        {
            if handbook.team_folders.get(trimmed) == Some(&other) {
                return Resolved::Doc(other, handbook.docs[other].url.clone());
            }
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
    // mdBook's or GitBook's table of contents is no page: the home page lists what it did.
    if handbook.toc.is_some() && joined == crate::link::summary::PATH {
        return Resolved::Generated("index.html");
    }
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
    // A link may name a page by its published address (`permalink`) or an old one
    // (`redirect_from`, `old_paths`): from the top, or relative to this page's.
    let address = if absolute {
        Some(decoded.clone())
    } else {
        joined
            .strip_prefix("content/")
            .map(|rest| format!("/{rest}"))
    };
    // mdBook writes a link to `old.md` as `old.html`, which its redirects answer.
    let as_html = address
        .as_deref()
        .and_then(crate::load::strip_markdown_extension)
        .map(|stem| format!("{stem}.html"));
    // A page published as a folder (`permalink: /guides/setup/`, Retype's `route`) is
    // reached by its address without the last `/` too, as a web server answers it.
    let as_folder = address
        .as_deref()
        .filter(|a| !a.ends_with('/') && !a.rsplit('/').next().unwrap_or(a).contains('.'))
        .map(|a| format!("{a}/"));
    for file in [address.as_deref(), as_html.as_deref(), as_folder.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(crate::load::url_path_to_file)
    {
        if let Some(&id) = handbook
            .by_url
            .get(&file)
            .or_else(|| handbook.redirects.get(&file))
        {
            return Resolved::Doc(id, handbook.docs[id].url.clone());
        }
        if let Some(to) = handbook.redirects_elsewhere.get(&file) {
            return Resolved::Elsewhere(to.clone());
        }
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
    // Docusaurus names a page without its files' number prefixes (`./auto-create-license`
    // for `2_auto-create-license.mdx`, `/getting-started/x` for `1_getting-started/x.md`).
    if let Some(s) = stem
        && !handbook.unprefixed.is_empty()
        && let Some(&id) = handbook.unprefixed.get(&crate::link::unprefixed(s))
    {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    // Sphinx's generated pages, which its sites link to (`[Index](genindex)`, a toctree's
    // `search`): orgbook's own index of every page, and its search page.
    match stem.map(|s| s.rsplit('/').next().unwrap_or(s)) {
        Some("genindex") => Resolved::Generated("handbook.html"),
        Some("search") => Resolved::Generated("search.html"),
        _ => Resolved::Missing(joined),
    }
}

/// The content file a Writerside topic's image names by its file name (`map.png`): the one
/// file of that name in a folder called `images` (Writerside's default images folder),
/// else the only file of that name anywhere. `None` when none is, or several are.
fn writerside_image(handbook: &Handbook, name: &str) -> Option<String> {
    let name = crate::text::percent_decode_lenient(name);
    let paths = handbook.wiki_names().get(&crate::model::wiki_name(&name))?;
    let files: Vec<&String> = paths
        .iter()
        .filter(|p| p.rsplit('/').next() == Some(name.as_str()))
        .filter(|p| handbook.assets.binary_search(p).is_ok())
        .collect();
    let in_images: Vec<&String> = files
        .iter()
        .copied()
        .filter(|p| p.starts_with("images/") || p.contains("/images/"))
        .collect();
    match (in_images.as_slice(), files.as_slice()) {
        ([one], _) | ([], [one]) => Some(one.to_string()),
        _ => None,
    }
}

/// `path` (`/en/team/oncall`, `/en-gb/x`) without its first folder when that is English,
/// Wiki.js's default language (`en`, and a region: `en-gb`), and no folder of `content/` is
/// named so: `/team/oncall`. `/en` and `/en/` are the home page, `/`. Only English: any
/// two letters would also be a team's folder (`/hr/`, `/qa/`, `/ux/`), and a link into
/// one that was renamed would then open an unrelated page instead of being reported.
fn without_locale<'p>(handbook: &Handbook, path: &'p str) -> Option<&'p str> {
    let rest = path.strip_prefix('/')?;
    let (code, after) = match rest.find('/') {
        Some(k) => (&rest[..k], &rest[k..]),
        None => (rest, "/"),
    };
    let (language, region) = code.split_once('-').unwrap_or((code, "xx"));
    let is_english = language == "en"
        && (2..=4).contains(&region.len())
        && region.bytes().all(|b| b.is_ascii_alphabetic());
    if !is_english {
        return None;
    }
    let folder = format!("content/{code}");
    let has_folder = handbook.folder_index.contains_key(&folder)
        || handbook.near().first_in_folder(&folder).is_some()
        || handbook.near().pages_below(&folder).next().is_some();
    (!has_folder).then_some(after)
}

/// The page an Outline address names (`/doc/on-call-guide-Xk2P9qLm3Z`, also with a
/// heading's `#fragment`, cut off before this): the page whose file name is the slug
/// before Outline's 10-character id (`On-call guide.md`, as its export names it), the
/// one in the linking page's folder first, else the one with the shortest path. As a
/// path from `content/`.
fn outline_document(handbook: &Handbook, from_dir: &str, path: &str) -> Option<String> {
    let (slug, id) = path.strip_prefix("/doc/")?.rsplit_once('-')?;
    if slug.is_empty() || id.len() != 10 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let names = handbook.wiki_names();
    // A title with punctuation (`Q&A: on-call`) keeps it in the export's file name, not
    // in Outline's slug (`qa-on-call`): the page's letters and digits find it then.
    let pages = names
        .get(&crate::model::wiki_name(slug))
        .or_else(|| names.get(&crate::link::outline_key(slug)))?;
    let dir = from_dir.strip_prefix("content").unwrap_or(from_dir);
    let dir = dir.strip_prefix('/').unwrap_or(dir);
    let folder = |p: &String| p.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    pages
        .iter()
        .filter(|p| crate::load::strip_markdown_extension(p).is_some())
        .min_by_key(|p| (folder(p) != dir, p.matches('/').count(), p.as_str()))
        .map(|p| format!("/{p}"))
}

/// What a BookStack address names (its routes: `/books/{book}`,
/// `/books/{book}/page/{page}`, `/books/{book}/chapter/{chapter}`, and the permalink
/// `/link/{id}`), each by the slug BookStack makes of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BookStack<'a> {
    Book(&'a str),
    Page(&'a str, &'a str),
    Chapter(&'a str, &'a str),
    /// A permalink, by the page's id, which only BookStack knows.
    Link(&'a str),
}

/// The BookStack address `path` is (from the site's root, as BookStack writes them), if it
/// is one. A page's own sub-routes (`/books/b/page/p/edit`, `/revisions`) are the page.
fn bookstack_address(path: &str) -> Option<BookStack<'_>> {
    let slug = bookstack_slug;
    if let Some(id) = path.strip_prefix("/link/") {
        let id = id.trim_end_matches('/');
        return (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .then_some(BookStack::Link(id));
    }
    let mut parts = path
        .strip_prefix("/books/")?
        .trim_end_matches('/')
        .split('/');
    let book = parts.next().filter(|b| slug(b))?;
    let found = match (parts.next(), parts.next()) {
        (None, _) => BookStack::Book(book),
        (Some("page"), Some(page)) if slug(page) => BookStack::Page(book, page),
        (Some("chapter"), Some(chapter)) if slug(chapter) => BookStack::Chapter(book, chapter),
        _ => return None,
    };
    // A chapter's sub-routes are not pages of the handbook; a page's are the page.
    match (found, parts.next()) {
        (_, None) | (BookStack::Page(..), Some(_)) => Some(found),
        _ => None,
    }
}

/// Whether `s` is a name as BookStack makes it a slug (letters, digits, `-`, `_`): never a
/// file name with its extension (`setup.md`), nor a path.
fn bookstack_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80)
}

/// The page's slug of BookStack's address of a page relative to another page's of its
/// book, as BookStack writes a link within a book (`../page/pre-docker-and-plugin-setup`,
/// from `/books/unraid/page/unraid-install-and-setup`). Only that exact shape: it is also
/// an ordinary relative path, so it is asked only when that path names nothing.
fn bookstack_relative(path: &str) -> Option<&str> {
    path.strip_prefix("../page/").filter(|p| bookstack_slug(p))
}

/// The page a relative BookStack address (`bookstack_relative`) names: the one of that
/// slug in the linking page's book, as a path from the site's root. BookStack's address of
/// a page leaves its chapter out, and the exporters make a book a folder and each of its
/// chapters a folder in it; so the book of a page in a folder two or more levels down
/// (`docker-stacks/jelly/`) is that folder's parent, and of one in a top folder
/// (`unraid/`), which is no chapter, that folder. The page in the linking page's own
/// folder comes first; else the one page of that slug at the book's top, in one of its
/// chapters, or in a folder of the linking page's folder. `Err` holds the pages when
/// there is none or several: BookStack gives each page of a book a slug of its own
/// (numbering a repeated name), so two files of one name are two slugs, and the export
/// does not say which one the address names.
fn bookstack_relative_target(
    handbook: &Handbook,
    from_dir: &str,
    page: &str,
) -> Result<String, Vec<String>> {
    use crate::link::folder_of;
    let from = from_dir.strip_prefix("content").unwrap_or(from_dir);
    let from = from.strip_prefix('/').unwrap_or(from);
    let book = match from.matches('/').count() {
        0 => from,
        _ => folder_of(from),
    };
    let mut pages = bookstack_pages(handbook, page);
    pages.sort();
    if let Some(own) = pages.iter().find(|p| folder_of(p) == from) {
        return Ok(format!("/{own}"));
    }
    let in_book: Vec<String> = pages
        .into_iter()
        .filter(|p| {
            let dir = folder_of(p);
            dir == book || (!dir.is_empty() && [book, from].contains(&folder_of(dir)))
        })
        .cloned()
        .collect();
    match in_book.as_slice() {
        [one] => Ok(format!("/{one}")),
        _ => Err(in_book),
    }
}

/// The pages whose file is named after the BookStack page slug `page` (`Restart the
/// agent.md`, `restart-the-agent.md`), as paths from `content/`.
fn bookstack_pages<'h>(handbook: &'h Handbook, page: &str) -> Vec<&'h String> {
    let names = handbook.wiki_names();
    names
        .get(&crate::model::wiki_name(page))
        .into_iter()
        .chain(names.get(&crate::link::outline_key(page)))
        .flatten()
        .filter(|p| crate::load::strip_markdown_extension(p).is_some())
        .collect()
}

/// The page or folder a BookStack address names (as a path from `content/`): the page
/// whose file name is the page's slug (`/books/runbooks/page/restart-the-agent` →
/// `Restart the agent.md`, `restart-the-agent.md`) or the folder whose name is the
/// chapter's or book's, as the exporters name them; of several, the one in a folder named
/// after the book, else the one in the linking page's folder, else the shortest path.
fn bookstack_target(handbook: &Handbook, from_dir: &str, address: BookStack) -> Option<String> {
    let key = |s: &str| crate::link::outline_key(s);
    let near = handbook.near();
    // Whether `path` (root-relative or from `content/`) is in a folder named after `book`.
    let in_book = |book: &str, path: &str| {
        let book = key(book);
        path.split('/')
            .rev()
            .skip(1)
            .any(|folder| key(folder) == book)
    };
    let folder = |p: &str| crate::link::folder_of(p).to_string();
    let from = from_dir.strip_prefix("content").unwrap_or(from_dir);
    let from = from.strip_prefix('/').unwrap_or(from);
    let (book, name) = match address {
        BookStack::Page(book, page) => {
            let mut pages = bookstack_pages(handbook, page);
            pages.sort_by_key(|p| {
                (
                    !in_book(book, p),
                    folder(p) != from,
                    p.matches('/').count(),
                    p.as_str(),
                )
            });
            return pages.first().map(|p| format!("/{p}"));
        }
        BookStack::Chapter(book, chapter) => (Some(book), chapter),
        BookStack::Book(book) => (None, book),
        BookStack::Link(_) => return None,
    };
    // A chapter in a folder named after its book first.
    let found = near.folders_named(name).iter().min_by_key(|f| {
        (
            !book.is_some_and(|b| in_book(b, f)),
            f.matches('/').count(),
            f.as_str(),
        )
    })?;
    Some(format!("/{}/", found.strip_prefix("content/")?))
}

/// The message and help of a `broken-link` to a BookStack address (`bookstack_target`)
/// that names nothing here, or a permalink; `None` when `path` is no BookStack address.
fn bookstack_missing(path: &str) -> Option<(String, String)> {
    match bookstack_address(path) {
        Some(BookStack::Link(id)) => {
            Some((
                format!("link to `{path}`: a BookStack permalink, by page id {id}, which only BookStack resolves"),
                "open it on the old BookStack to see which page it is, then link that page's file here (or its `/books/<book>/page/<page>` address, which orgbook finds by the page's name)".into(),
            ))
        }
        Some(BookStack::Page(book, page)) => {
            Some((
                format!("link to `{path}`: a BookStack page that no page here is named after (`{page}`, in the book `{book}`)"),
                "export that page too (its file named after the page), or link the page's path here".into(),
            ))
        }
        Some(BookStack::Chapter(book, chapter)) => Some((
            format!("link to `{path}`: a BookStack chapter that no folder here is named after (`{chapter}`, in the book `{book}`)"),
            "export that chapter too (a folder named after it), or link a folder or page here".into(),
        )),
        Some(BookStack::Book(book)) => Some((
            format!("link to `{path}`: a BookStack book that no folder here is named after (`{book}`)"),
            "export that book too (a folder named after it), or link a folder or page here".into(),
        )),
        None => None,
    }
}

/// A fragment of a BookStack address as a heading's id here: BookStack's ids are
/// `bkmrk-` and the heading's text as a slug (`bkmrk-rollback`), its page title's
/// `bkmrk-page-title`, which is the page's top (empty).
fn bookstack_fragment(fragment: &str) -> &str {
    match fragment.strip_prefix("bkmrk-") {
        Some("page-title") => "",
        Some(id) => id,
        None => fragment,
    }
}

/// Marks the link recorded since `rendered` held `before` links, if its anchor came from
/// the BookStack id `fragment` (`bkmrk-…`): the anchor check reads it by BookStack's rule.
fn mark_bookstack_id(rendered: &mut Rendered, before: usize, fragment: Option<&str>) {
    if rendered.links.len() == before + 1
        && fragment.is_some_and(|f| f.starts_with("bkmrk-"))
        && let Some(link) = rendered.links.last_mut()
        && link.anchor.is_some()
    {
        link.bookstack_id = true;
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

/// `seealso` → `Seealso`.
fn title_case(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Google Docs' "Docs to Markdown" add-on writes its conversion problems into the page
/// (`>>>>>  gd2md-html alert: inline image link here …`, red paragraphs and a list of
/// links to them), for the author to fix and delete. One warning a page, at the first,
/// with their count: published, they would read as part of the handbook.
fn converter_alerts(doc: &crate::model::Doc, diags: &mut Vec<Diagnostic>) {
    const ALERT: &[u8] = b"gd2md-html alert:";
    let body = doc.source.body();
    if crate::finder!(ALERT).find(body.as_bytes()).is_none() {
        return;
    }
    // Those in the converter's opening comment are not shown: not counted.
    let mut comments = Vec::new();
    let mut from = 0;
    while let Some(open) = body[from..].find("<!--").map(|k| from + k) {
        let end = body[open..]
            .find("-->")
            .map_or(body.len(), |e| open + e + 3);
        comments.push(open..end);
        from = end;
    }
    let shown: Vec<usize> = crate::finder!(ALERT)
        .find_iter(body.as_bytes())
        .filter(|&at| {
            let k = comments.partition_point(|c| c.end <= at);
            comments.get(k).is_none_or(|c| c.start > at)
        })
        .collect();
    let (Some(&first), count) = (shown.first(), shown.len()) else {
        return;
    };
    let at = doc.source.body_start + first;
    diags.push(
        Diagnostic::warning(
            crate::diagnostic::Code::TemplateLeftover,
            &doc.source.path,
            format!(
                "{} of Google Docs' \"Docs to Markdown\" converter left in the page, shown to readers as text",
                crate::text::counted(count, "alert", "alerts")
            ),
        )
        .with_help(
            "do what each `gd2md-html alert` says (store the image, fix the list), then delete the alert and the summary of alerts at the top of the page",
        )
        .at(&doc.source.text, at..at + ALERT.len()),
    );
}

/// Renders the body of document `id` (the steps are `body::BodyWriter`'s).
pub fn render(handbook: &Handbook, id: DocId, diags: &mut Vec<Diagnostic>) -> Rendered {
    let doc = &handbook.docs[id];
    if crate::load::is_html_page(&doc.source.path) {
        return render_html_page(handbook, id, diags);
    }
    let html = handbook.config.markdown.raw_html != crate::html_policy::RawHtml::Escape;
    // A Markdown document Google Docs' export escaped whole is read as the Markdown it was.
    let unescaped = crate::dialects::gdocs::unescape_whole(doc.source.body());
    let written = unescaped.as_deref().unwrap_or(doc.source.body());
    let (pandoc, pandoc_found) = match crate::dialects::pandoc::rewrite(written, html) {
        Some((body, found)) => (Some(body), found),
        None => (None, Vec::new()),
    };
    let source = pandoc.as_deref().unwrap_or(written);
    converter_alerts(doc, diags);
    let (body, mut leftovers) =
        crate::dialects::leftovers::clean_page(source, crate::load::is_mdx(&doc.source.path));
    let heading_callouts = crate::dialects::leftovers::heading_callouts(&body, &leftovers);
    if !pandoc_found.is_empty() {
        leftovers.extend(pandoc_found);
        leftovers.sort_by_key(|l| l.range.start);
    }
    let mut rendered = Rendered::default();
    let mut found = body::sort_leftovers(
        handbook,
        doc,
        doc.source.body_start,
        leftovers,
        &mut rendered,
        diags,
    );
    let mkdocs = std::mem::take(&mut found.mkdocs);
    let mut options = options_for(&body);
    if handbook.config.markdown.smart_punctuation {
        options |= pulldown_cmark::Options::ENABLE_SMART_PUNCTUATION;
    }
    // pandoc's `H~2~O` and `x^2^`, in a page pandoc's syntax shows pandoc (or markdown-it,
    // which HackMD and Wiki.js extend the same way) wrote, or Quarto's: elsewhere `~x~` is
    // GitHub's strikethrough.
    let scripts = memchr::memchr2(b'~', b'^', body.as_bytes()).is_some()
        && (pandoc.is_some() || body::quarto_page(handbook, doc));
    if scripts {
        options |=
            pulldown_cmark::Options::ENABLE_SUBSCRIPT | pulldown_cmark::Options::ENABLE_SUPERSCRIPT;
    }
    // One text event per run of text (after MDX's indented lines, which are read line by
    // line): pulldown-cmark splits text at a delimiter that pairs with nothing (`~` in
    // `https://example.org/~team/`), and a bare address cut there would link only its
    // first part.
    let verbatim = found.take_verbatim();
    let parser = Parser::new_ext(&body, options)
        .into_offset_iter()
        .map(|(event, range)| (body::as_written(&verbatim, &body, event, &range), range));
    let parser = OptionalPass::new(parser, !heading_callouts.is_empty(), |p| {
        crate::dialects::leftovers::OneLineCallouts::new(p, heading_callouts)
    });
    let parser = OptionalPass::new(parser, scripts, crate::dialects::pandoc::Scripts::new);
    let parser = pulldown_cmark::TextMergeWithOffset::new(
        crate::load::mdx::IndentedAsMarkdown::new(parser, crate::load::is_mdx(&doc.source.path)),
    );
    let parser = OptionalPass::new(
        parser,
        scripts,
        crate::dialects::pandoc::ScriptsInWords::new,
    );
    // GitHub's alerts as Google Docs' Markdown export escapes them (`> \[\!NOTE\]`), in a
    // page that writes the escaped marker at all.
    let parser = OptionalPass::new(
        parser,
        crate::dialects::gdocs::may_have_escaped_alerts(&body),
        |p| crate::dialects::gdocs::EscapedAlerts::new(p, &body),
    );
    // HackMD's and HedgeDoc's embeds (`{%youtube id %}`) and highlights (`==text==`, which
    // Joplin, Outline and Obsidian write too), in a page that writes their markers at all.
    let parser = OptionalPass::new(
        parser,
        crate::finder!(b"{%").find(body.as_bytes()).is_some(),
        crate::dialects::hackmd::Embeds::new,
    );
    // Inline footnotes (`^[a note]`) before the highlights, so a note's text gets them.
    let parser = OptionalPass::new(
        parser,
        crate::finder!(b"^[").find(body.as_bytes()).is_some(),
        crate::dialects::hackmd::InlineNotes::new,
    );
    let parser = OptionalPass::new(
        parser,
        crate::finder!(b"==").find(body.as_bytes()).is_some(),
        crate::dialects::hackmd::Marks::new,
    );
    // HackMD's and HedgeDoc's insertions (`++new++`), a quote's `[name=…]` tags, and the
    // `###### tags:` line, likewise only where their markers are.
    let parser = OptionalPass::new(
        parser,
        crate::finder!(b"++").find(body.as_bytes()).is_some(),
        crate::dialects::hackmd::Marks::inserts,
    );
    let parser = OptionalPass::new(
        parser,
        crate::dialects::hackmd::may_tag_quotes(&body),
        crate::dialects::hackmd::QuoteTags::new,
    );
    let parser = OptionalPass::new(
        parser,
        crate::finder!(b"###### ").find(body.as_bytes()).is_some(),
        crate::dialects::hackmd::TagsLine::new,
    );
    // Logseq's `#tag`s, in a graph's page that writes a `#` at all.
    let from_dir = doc.source.path.rsplit_once('/').map_or("", |(d, _)| d);
    let logseq_tags = crate::load::logseq::in_graph(&doc.source.path)
        && memchr::memchr(b'#', body.as_bytes()).is_some();
    let parser = OptionalPass::new(parser, logseq_tags, |parser| {
        crate::load::logseq::Tags::new(parser, |name: &str| tag_target(handbook, from_dir, name))
    });
    let mut writer = body::BodyWriter::new(handbook, id, &body, found, rendered, diags);
    for (event, range, synthetic) in crate::dialects::mkdocs::Blocks::new(parser, mkdocs) {
        writer.step(event, range, synthetic);
    }
    let mut rendered = writer.finish();
    if let crate::model::DocKind::Page(meta) = &doc.kind
        && let Some(hero) = &meta.hero
    {
        let drawn = hero_html(handbook, id, hero, &mut rendered, diags);
        // After the page's opening `# Title`, which the page template lifts out.
        let at = match rendered.leading_h1 {
            Some(_) => rendered.html.find("</h1>").map_or(0, |end| end + 5),
            None => 0,
        };
        rendered.html.insert_str(at, &drawn);
    }
    rendered
}

/// A page written in HTML (a Jekyll page, `load::is_html_page`): its body goes to the
/// writer as one block of raw HTML, as raw HTML in a Markdown page does (sanitized, its
/// links resolved and checked, its ids anchors), without the Markdown parser, which would
/// end the block at its first blank line and make the indented lines after it code. Its
/// Liquid is handled as in Markdown (`leftovers::clean_html`). The first `<h1>` is the
/// leading heading (the page's title when its front matter gives none), and its text,
/// tags taken out, is what search indexes.
fn render_html_page(handbook: &Handbook, id: DocId, diags: &mut Vec<Diagnostic>) -> Rendered {
    let doc = &handbook.docs[id];
    let (body, leftovers) = crate::dialects::leftovers::clean_html(doc.source.body());
    let mut rendered = Rendered::default();
    let found = body::sort_leftovers(
        handbook,
        doc,
        doc.source.body_start,
        leftovers,
        &mut rendered,
        diags,
    );
    let mut writer = body::BodyWriter::new(handbook, id, &body, found, rendered, diags);
    let all = 0..body.len();
    writer.step(Event::Start(Tag::HtmlBlock), all.clone(), false);
    writer.step(Event::Html(CowStr::Borrowed(&body)), all.clone(), false);
    writer.step(Event::End(TagEnd::HtmlBlock), all, false);
    let mut rendered = writer.finish();
    rendered.leading_h1 = first_h1(&rendered.html);
    rendered.text = text_of_html(&rendered.html);
    rendered
}

/// The text of the first `<h1>` element of `html` (tags out, entities undone, white space
/// collapsed); `None` without one or when it holds no text.
fn first_h1(html: &str) -> Option<String> {
    let start = crate::finder!(b"<h1").find(html.as_bytes())?;
    let open_end = start + html[start..].find('>')? + 1;
    let close = open_end + html[open_end..].find("</h1>")?;
    let text = text_of_html(&html[open_end..close]);
    (!text.is_empty()).then_some(text)
}

/// What a reader reads of `html`: its tags taken out, its entities undone, each run of
/// white space one space.
fn text_of_html(html: &str) -> String {
    let text = crate::dialects::confluence::strip_tags(html);
    crate::text::unescape_html(&text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A VitePress or Starlight page's hero and feature cards as HTML (trusted markup, text
/// escaped). Their links are the page's links: resolved, recorded and reported as a
/// Markdown link is, and never a scheme that runs code.
fn hero_html(
    handbook: &Handbook,
    id: DocId,
    hero: &crate::model::Hero,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> String {
    use crate::text::escape_html;
    let mut href = |to: &crate::model::Spanned<String>| -> Option<String> {
        if crate::html_policy::unsafe_scheme(&to.value, false).is_some() {
            return None;
        }
        let resolved = resolve_link(handbook, id, &to.value, to.span.clone(), rendered, diags);
        Some(escape_html(&resolved.unwrap_or_else(|| to.value.clone())))
    };
    let mut out = String::from("<div class=\"hero\">\n");
    for (class, text) in [
        ("hero-name", &hero.name),
        ("hero-text", &hero.text),
        ("hero-tagline", &hero.tagline),
    ] {
        if let Some(text) = text {
            out.push_str(&format!("<p class=\"{class}\">{}</p>\n", escape_html(text)));
        }
    }
    let actions: Vec<String> = hero
        .actions
        .iter()
        .filter_map(|(text, to)| {
            let href = href(to)?;
            Some(format!(
                "<a class=\"hero-action\" href=\"{href}\">{}</a>",
                escape_html(text)
            ))
        })
        .collect();
    if !actions.is_empty() {
        out.push_str(&format!(
            "<p class=\"hero-actions\">{}</p>\n",
            actions.join(" ")
        ));
    }
    out.push_str("</div>\n");
    if !hero.features.is_empty() {
        out.push_str("<ul class=\"features\">\n");
        for card in &hero.features {
            let title = escape_html(&card.title);
            let title = match card.link.as_ref().and_then(&mut href) {
                Some(href) => format!("<a href=\"{href}\"><strong>{title}</strong></a>"),
                None => format!("<strong>{title}</strong>"),
            };
            let details = card
                .details
                .as_deref()
                .map(|d| format!("<br>{}", escape_html(d)))
                .unwrap_or_default();
            out.push_str(&format!("<li>{title}{details}</li>\n"));
        }
        out.push_str("</ul>\n");
    }
    out
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

/// A link to this page (`#heading`, or nothing but a query). MyST: `#label` names the
/// heading after a `(label)=` line, on any page, unless this page gives a block that label.
fn same_page_link<'a>(
    handbook: &Handbook,
    self_id: DocId,
    root: &str,
    dest: &str,
    anchor: Option<String>,
    span: Range<usize>,
    rendered: &mut Rendered,
) -> Option<CowStr<'a>> {
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
        return Some(rendered.record_link(
            span,
            href,
            Some(*labelled),
            Some(heading.clone()),
            None,
        ));
    }
    rendered.record_link(span, dest.to_string(), Some(self_id), anchor, None);
    None
}

/// Whether a link's target is a placeholder for one to come (`[Recordings](TBD)`).
fn is_placeholder_target(path: &str) -> bool {
    let p = path.trim();
    [
        "tbd", "tba", "todo", "fixme", "xxx", "()", "...", "…", "?", "link", "url",
    ]
    .iter()
    .any(|w| p.eq_ignore_ascii_case(w))
}

/// The host of a link written as a web address without its scheme
/// (`status.example.com`, `kubernetes.io/docs/`): a first segment of dot-separated names
/// whose last is a common top-level domain. File names end in an extension that is no
/// such domain, so `notes.txt` or `setup.md` is never one.
fn bare_domain(path: &str) -> Option<&str> {
    const DOMAINS: &[&str] = &[
        "com", "org", "net", "io", "dev", "app", "co", "edu", "gov", "info", "biz", "cloud",
        "tech", "site", "page", "us", "uk", "eu", "de", "fr", "nl", "ca", "au", "jp", "ch", "se",
        "no", "es", "it", "be", "at", "tv", "fm", "ly", "gg", "to",
    ];
    let host = path.split(['/', '?', '#']).next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let tld = *labels.last()?;
    (labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && DOMAINS.iter().any(|d| tld.eq_ignore_ascii_case(d)))
    .then_some(host)
}

/// A dotted Python name a MyST page of a Sphinx site links to (`[frozen](attrs.frozen)`,
/// `structlog.processors.TimeStamper`), which Sphinx resolves to the object's entry in the
/// API reference: two or more identifiers joined by dots, the last no file extension.
fn python_object(path: &str) -> Option<&str> {
    let name = path.split('#').next()?;
    let parts: Vec<&str> = name.split('.').collect();
    let identifier = |p: &&str| {
        p.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    let last = parts.last()?;
    let extension = crate::load::is_markdown(name)
        || matches!(
            last.to_ascii_lowercase().as_str(),
            "html"
                | "htm"
                | "rst"
                | "txt"
                | "png"
                | "jpg"
                | "jpeg"
                | "gif"
                | "svg"
                | "pdf"
                | "py"
                | "toml"
                | "yml"
                | "yaml"
                | "json"
                | "ipynb"
        );
    (parts.len() >= 2 && parts.iter().all(identifier) && !extension).then_some(name)
}

/// The message and help of a `broken-link` to `path` (`joined`: from `content/`) that
/// names nothing: the nearest file it may mean (moved, renumbered, misspelt), or how to
/// link, or, for a page in another markup (Sphinx's `.rst`), the command that converts it.
fn missing_target(
    handbook: &Handbook,
    self_path: &str,
    from_dir: &str,
    path: &str,
    joined: &str,
) -> (String, String) {
    // No file is near what a placeholder names: a "did you mean" would send the author
    // to an unrelated page.
    if is_placeholder_target(path) {
        return (
            format!("link to `{path}`: a placeholder, not a page or file"),
            "write the page's path or the address once it exists, or drop the link until then"
                .into(),
        );
    }
    // A Joplin note's link to another note or to a resource, by its id (`:/` and 32 hex
    // digits): Joplin's Markdown exports write the ones they export as paths.
    if let Some(id) = path.strip_prefix(":/")
        && id.len() == 32
        && id.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return (
            format!("link to `{path}`: a Joplin note or resource by its id, which only Joplin resolves"),
            "export it with the notes that link to it (Joplin's Markdown export writes each note and resource it exports as a path, resources in `_resources/`), or link the exported file's path".into(),
        );
    }
    // A BookStack address (`bookstack_target`) naming nothing here, or a permalink.
    if let Some(said) = bookstack_missing(path) {
        return said;
    }
    if let Some(page) = bookstack_relative(path) {
        if let Err(several) = bookstack_relative_target(handbook, from_dir, page)
            && several.len() > 1
        {
            return (
                format!(
                    "link to `{path}`: BookStack's address of the page `{page}` of this page's book, which has {} pages of that name here ({}): BookStack gave each its own slug, numbering all but one, and the export does not say which one kept `{page}`",
                    several.len(),
                    several.join(", ")
                ),
                "link the page's path here instead".into(),
            );
        }
        return (
            format!("link to `{path}`: no such file ({joined}), nor a BookStack page that no page here is named after (`{page}`, in this page's book: BookStack's address of a page relative to another's)"),
            "export that page too (its file named after the page, in this page's book: its folder, or a chapter's), or link the page's path here".into(),
        );
    }
    // An Outline address (`outline_document`) whose document the export does not hold.
    if let Some(slug) = path
        .strip_prefix("/doc/")
        .and_then(|rest| rest.rsplit_once('-'))
        .filter(|(_, id)| id.len() == 10 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(|(slug, _)| slug)
    {
        return (
            format!("link to `{path}`: an Outline document that no page here is named after (`{slug}`)"),
            "export the collection that holds it too, or link the page's path (the export names each file by the document's title)".into(),
        );
    }
    if handbook
        .assets
        .binary_search(&"conf.py".to_string())
        .is_ok()
        && let Some(name) = python_object(path)
    {
        return (
            format!("link to `{path}`: no such file ({joined}); in this Sphinx site `{name}` names an object of its API reference, which Sphinx makes from the code (autodoc) and orgbook does not"),
            "link to the API reference where it is published, or write the name as `code`; it is shown as text meanwhile".into(),
        );
    }
    if let Some(host) = bare_domain(path) {
        return (
            format!("link to `{path}`: no such file ({joined}); `{host}` looks like a web address"),
            format!(
                "did you mean `https://{path}`? Without `https://` a link is a path in the handbook"
            ),
        );
    }
    if joined.starts_with("../") || joined == ".." {
        // More `../` than there are folders above the page: written for the repository
        // the pages were part of before.
        let help = starlight_asset(handbook, from_dir, path).unwrap_or_else(|| "a link from content/ can reach the handbook's own files (and, with `[repository] url`, the files beside content/); write a page's path from content/ with a leading `/` (`/teams/payments.md`), or the full https:// address of a page elsewhere".into());
        return (
            format!("link to `{path}`: it climbs out of the handbook's folder"),
            help,
        );
    }
    // VitePress serves the files of `public/` beside its pages from the site's root
    // (`/img/logo.png`); moved in with the pages, that folder is content/public/.
    if path.starts_with('/')
        && let Some(rel) = joined.strip_prefix("content/")
    {
        let public = format!("public/{}", rel.trim_end_matches('/'));
        if handbook.assets.binary_search(&public).is_ok() {
            return (
                format!("link to `{path}`: no such file ({joined})"),
                format!(
                    "content/{public} is there, in the public/ folder a VitePress site serves from its root; orgbook serves static/ from its root: move the folder there (`git mv content/public static`)"
                ),
            );
        }
    }
    // A file beside content/ rather than in it: left behind when the pages moved in (a
    // README's `CONTRIBUTING.md`, pandoc's `media/`, a site's `assets/`).
    // A folder too (kubernetes/org's README links its `config/` of team files).
    if let (Some(root), Some(rel)) = (
        &handbook.root,
        joined
            .strip_prefix("content/")
            .map(|r| r.trim_end_matches('/')),
    ) && !rel.is_empty()
        && let Ok(meta) = root.join(rel).metadata()
    {
        let up = "../".repeat(from_dir.split('/').filter(|p| !p.is_empty()).count());
        let top = rel.split('/').next().unwrap_or(rel);
        let what = if meta.is_dir() { "folder" } else { "file" };
        return (
            format!(
                "link to `{path}`: no such {what} ({joined}); {rel} is beside content/, not in it"
            ),
            format!(
                "move it in with the pages (`git mv {top} content/`), or, if it stays where it is, link `{up}{rel}` (with `url` under `[repository]` in orgbook.toml such a link goes to the repository on its forge)"
            ),
        );
    }
    let near = handbook.near();
    let folder = joined.trim_end_matches('/');
    if let Some(first) = near.first_in_folder(folder) {
        return (
            format!("link to `{path}`: {folder}/ is a folder without an index page"),
            format!(
                "give the folder a page of its own: add {folder}/README.md (or `_index.md`) that introduces and links its pages; or link one of them, e.g. `{}`",
                relative_path(from_dir, first)
            ),
        );
    }
    let moved = near.moved(path, from_dir);
    // The linking page itself is never what a link to elsewhere meant
    // (`programming-languages/css.html` from `programming-languages.md`).
    let other = |n: &&str| *n != self_path;
    let near = moved
        .filter(other)
        .or_else(|| near.same_number(joined).filter(other))
        .or_else(|| near.nearest(joined).filter(other))
        .or_else(|| near.same_name(joined).filter(other))
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
        if attachment && path.starts_with('/') {
            // Hugo and Docusaurus keep such files in static/, which orgbook reads too.
            format!(
                "put the file at content{path} or static{path} (static/ is copied to the site's root; images and attachments under content/ are published as they are), or correct the path"
            )
        } else if attachment {
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
    match other_format {
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
        None if joined.starts_with("content/") => {
            (format!("link to `{path}`: no such file ({joined})"), help)
        }
        // Climbed out of content/ from the file's folder; read from the page's address (as
        // MkDocs and Hugo authors write), the link may still name a path inside it.
        None => {
            let from_address = self_path
                .rsplit_once('/')
                .filter(|(_, name)| crate::load::index_rank(name).is_none())
                .and_then(|(dir, name)| {
                    join_path(&format!("{dir}/{}", crate::load::markdown_stem(name)), path)
                })
                .filter(|p| p.starts_with("content/"));
            match from_address {
                Some(meant) => (
                    format!(
                        "link to `{path}`: no such file ({}, from this page's address)",
                        meant.trim_end_matches('/')
                    ),
                    help,
                ),
                None => (
                    format!("link to `{path}`: no such file ({joined}, outside content/)"),
                    help,
                ),
            }
        }
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
        values: &doc.source.attribute_values,
    };
    let mut links = Rendered {
        broken_links: rendered.broken_links,
        text_only_links: rendered.text_only_links,
        ..Rendered::default()
    };
    let mut link_diags = Vec::new();
    let mut by_title = false;
    let html = crate::html_policy::process_raw(
        piece,
        &ctx,
        &mut rendered.anchors,
        &mut |url, span| {
            // A picture the HTML carries as a `data:` URL (`<img src="data:image/png;base64,…">`,
            // as converters and pasted READMEs write it) is shown from a file of its own, as
            // a Markdown one is (`inline_images`). Only an image's URL gets here with a
            // `data:` scheme: `process_raw` neutralised any other.
            if url.len() > inline_images::INLINE_UP_TO
                && let Some(found) = inline_images::extract(url)
            {
                let to = format!("{root}{}", found.path);
                links.inline_images.push(found);
                return crate::html_policy::RawUrl::To(to);
            }
            let broken = links.broken_links;
            // Confluence's links in a block of HTML (`dialects::confluence::links_in_html`).
            let found;
            let url = match url.starts_with("ri:") {
                true => match confluence_raw(handbook, from_dir, url, &mut by_title) {
                    Ok(dest) => {
                        found = dest;
                        found.as_str()
                    }
                    Err((message, help)) => {
                        link_diags.push(
                            Diagnostic::warning("broken-link", &doc.source.path, message)
                                .with_help(help)
                                .at(&doc.source.text, span),
                        );
                        return crate::html_policy::RawUrl::Broken;
                    }
                },
                false => url,
            };
            match rewrite(
                handbook,
                id,
                from_dir,
                root,
                url,
                span,
                &mut links,
                &mut link_diags,
            ) {
                Some(to) => crate::html_policy::RawUrl::To(to.into_string()),
                None if links.broken_links > broken => crate::html_policy::RawUrl::Broken,
                None => crate::html_policy::RawUrl::Keep,
            }
        },
        diags,
    );
    rendered.links.extend(links.links);
    rendered.inline_images.extend(links.inline_images);
    rendered.by_title |= by_title || links.by_title;
    rendered.broken_links = links.broken_links;
    rendered.text_only_links = links.text_only_links;
    diags.extend(link_diags);
    if policy == crate::html_policy::RawHtml::Sanitize
        && crate::html_policy::frames(piece, &ctx, diags) > 0
    {
        return Some(crate::html_policy::frames_as_links(&html));
    }
    Some(html)
}

/// The path in the repository (`x/y.md#anchor`) of a link to a file of the handbook's own
/// repository on its forge: `{url}/blob/{branch}/…` (GitHub, Gitea), `{url}/-/blob/…`
/// (GitLab), `{url}/src/branch/{branch}/…` (Gitea, Forgejo), with `[repository] url`
/// set. Any branch is taken: old links name the branch of their day (`master`).
fn own_repository_path(handbook: &Handbook, dest: &str) -> Option<String> {
    let url = handbook
        .config
        .repository
        .url
        .as_deref()?
        .trim_end_matches('/');
    if url.is_empty() {
        return None;
    }
    let rest = dest.strip_prefix(url)?.strip_prefix('/')?;
    let rest = rest.strip_prefix("-/").unwrap_or(rest);
    let after_branch = if let Some(r) = rest.strip_prefix("src/branch/") {
        r.split_once('/')?.1
    } else {
        let r = rest
            .strip_prefix("blob/")
            .or_else(|| rest.strip_prefix("tree/"))?;
        r.split_once('/')?.1
    };
    (!after_branch.is_empty()).then(|| after_branch.to_string())
}

/// [`rewrite`] of a path in the handbook's own repository: the page or file it names, as a
/// link from content/ (the path relative to the handbook's root, or below `content/` as
/// it was before the pages moved in); `None` when the handbook has no such page or file.
fn rewrite_own<'a>(
    handbook: &Handbook,
    self_id: DocId,
    dirs: (&str, &str),
    in_repository: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    let from_content = in_repository
        .strip_prefix("content/")
        .unwrap_or(in_repository);
    let address = format!("/{from_content}");
    rewrite_if_here(
        handbook, self_id, dirs, &address, false, span, rendered, diags,
    )
}

/// The address from the site's root (`/operations/finance#budget`) of a link to the
/// handbook's own site: `base_url` when it is a web address, or the wider site of
/// `[links] site`, over `http` or `https`. `None` for any other address.
fn own_site_path(handbook: &Handbook, dest: &str) -> Option<String> {
    let config = &handbook.config;
    let rest = dest
        .strip_prefix("https://")
        .or_else(|| dest.strip_prefix("http://"))?;
    [config.base_url.as_deref(), config.links.site.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(|site| {
            let site = site
                .strip_prefix("https://")
                .or_else(|| site.strip_prefix("http://"))?;
            let site = site.trim_end_matches('/');
            let after = rest.get(..site.len())?;
            let tail = &rest[site.len()..];
            (!site.is_empty()
                && after.eq_ignore_ascii_case(site)
                && (tail.is_empty() || tail.starts_with(['/', '#', '?'])))
            .then(|| format!("/{}", tail.trim_start_matches('/')))
        })
        .next()
}

/// [`rewrite`] of `address`, a path from the top with its query and fragment
/// (`/guide/setup?x=1#install`; `""` or `/` the home page), when the handbook has a page or
/// file there (or a page it generates, with `generated`): the query dropped, the fragment
/// kept. `None` when it has none, for the caller to keep the link as written.
#[allow(clippy::too_many_arguments)]
fn rewrite_if_here<'a>(
    handbook: &Handbook,
    self_id: DocId,
    (from_dir, root): (&str, &str),
    address: &str,
    generated: bool,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    let (path, fragment) = match address.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (address, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let path = if path.is_empty() { "/" } else { path };
    match resolve_target(handbook, from_dir, path) {
        Resolved::Doc(..) | Resolved::Asset(_) => {}
        Resolved::Generated(_) if generated => {}
        _ => return None,
    }
    let dest = match fragment {
        Some(f) => format!("{path}#{f}"),
        None => path.to_string(),
    };
    rewrite(
        handbook, self_id, from_dir, root, &dest, span, rendered, diags,
    )
    .map(|c| CowStr::from(c.into_string()))
}

/// Where a link to a Google Doc leads (`link::google_docs`), in Markdown and in raw HTML
/// alike: the page that document became, as a path from `content/`, to its top (Docs'
/// `#heading=h.…` names no heading here) or to a heading id of its own, which the anchor
/// check then checks. `None` for a document no page is, and any other address. Which page
/// a document is depends on other pages (their titles, what they name): `by_title` is set
/// for any link to a Google Doc, and `serve` renders the body again after any edit, as
/// for Confluence's links by title.
fn google_doc_page(handbook: &Handbook, dest: &str, rendered: &mut Rendered) -> Option<String> {
    let (doc, fragment) = crate::dialects::gdocs::document_id(dest)?;
    rendered.by_title = true;
    let page = handbook.google_docs.get(doc)?;
    let path = &handbook.docs[*page].source.path;
    let under = path.strip_prefix("content/").unwrap_or(path);
    Some(match fragment {
        f if f.is_empty() || f.contains('=') => format!("/{under}"),
        f => format!("/{under}#{f}"),
    })
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
    // Spaces around an HTML attribute's address are no part of it (browsers strip them),
    // and an ERB tag blanked at its start (`href="<%= host %>/x.html"`, `leftovers::clean`)
    // leaves the root-relative address after it.
    let dest = dest.trim_matches(|c: char| c.is_ascii_whitespace());
    // Docusaurus's `pathname:///files/a.pdf` and `@site/static/img/a.png` (Markdown links,
    // and raw HTML's, from JSX expressions too: `load::mdx::jsx_attributes`): the path from
    // the site's root they stand for, resolved as one.
    match crate::dialects::docusaurus::site_path(dest) {
        None => {}
        Some(SitePath::Path(path)) => {
            return rewrite(
                handbook, self_id, from_dir, root, &path, span, rendered, diags,
            )
            .map(|c| CowStr::from(c.into_string()));
        }
        Some(SitePath::Elsewhere) => {
            rendered.broken_links += 1;
            if rendered.broken_links <= BROKEN_LINKS_SHOWN {
                let doc = &handbook.docs[self_id];
                let message = format!(
                    "link to `{dest}`: `@site` is the Docusaurus site's folder (the handbook's, where orgbook.toml is); of it, only `static/` (published at the site's root) and the docs (content/ now) are part of the site"
                );
                let help = "link a file of static/ from the site's root (`@site/static/img/logo.png` or `/img/logo.png`), a page by its path (`@site/docs/guide.md` or `/guide.md`), or another file by its full address on the forge";
                let d = match handbook.config.links.broken_warn {
                    true => Diagnostic::warning("broken-link", &doc.source.path, message),
                    false => Diagnostic::error("broken-link", &doc.source.path, message),
                };
                diags.push(d.with_help(help).at(&doc.source.text, span));
            }
            return None;
        }
    }
    if let Some(page) = google_doc_page(handbook, dest, rendered) {
        return rewrite(
            handbook, self_id, from_dir, root, &page, span, rendered, diags,
        );
    }
    if let Some(in_repository) = own_repository_path(handbook, dest) {
        // A page's address in its own repository on the forge (`{url}/blob/main/x.md`), as
        // handbooks written on GitHub link each other: the page itself when the handbook
        // has it, else the forge's address as written (code, or a file outside content/).
        if let Some(found) = rewrite_own(
            handbook,
            self_id,
            (from_dir, root),
            &in_repository,
            span.clone(),
            rendered,
            diags,
        ) {
            return Some(found);
        }
        return None;
    }
    // A page's address on the site the handbook is published at (`base_url`) or is part of
    // (`[links] site`), as authors copy it from the browser
    // (`https://handbook.example.com/operations/finance`): the page itself when the
    // handbook has it, else the address as written.
    if let Some(on_site) = own_site_path(handbook, dest)
        && let Some(found) = rewrite_if_here(
            handbook,
            self_id,
            (from_dir, root),
            &on_site,
            true,
            span.clone(),
            rendered,
            diags,
        )
    {
        return Some(found);
    }
    // A page of the BookStack instance the wiki moved from, by its full address
    // (`https://wiki.example.org/books/runbooks/page/restart`): the page here, when its
    // book (a folder of its name) moved in. One of such a book that did not move is
    // still a link to the old instance, and a warning says so; another site's (a book
    // that is not here) is left as it is.
    let on_a_site = dest
        .strip_prefix("https://")
        .or_else(|| dest.strip_prefix("http://"))
        .and_then(|rest| rest.find('/').map(|k| &rest[k..]))
        .map(|local| {
            local
                .split_once('#')
                .map_or((local, None), |(p, f)| (p, Some(f)))
        });
    if let Some((path, fragment)) = on_a_site
        && let Some(address) = bookstack_address(path.split('?').next().unwrap_or(path))
        && let BookStack::Page(book, _) | BookStack::Chapter(book, _) | BookStack::Book(book) =
            address
        && !handbook.near().folders_named(book).is_empty()
    {
        if let Some(rel) = bookstack_target(handbook, from_dir, address) {
            let here = match fragment.map(bookstack_fragment) {
                Some(f) if !f.is_empty() => format!("{rel}#{f}"),
                _ => rel,
            };
            let links = rendered.links.len();
            let out = rewrite(
                handbook, self_id, from_dir, root, &here, span, rendered, diags,
            );
            mark_bookstack_id(rendered, links, fragment);
            return out.map(|c| CowStr::from(c.into_string()));
        }
        let doc = &handbook.docs[self_id];
        let (message, help) = bookstack_missing(path)?;
        diags.push(
            Diagnostic::warning(
                "broken-link",
                &doc.source.path,
                format!("{message}; the link still leads to the old BookStack, at `{dest}`"),
            )
            .with_help(help)
            .at(&doc.source.text, span),
        );
        return None;
    }
    if dest.is_empty() || has_scheme(dest) {
        return None;
    }
    if looks_like_email(dest) {
        return Some(format!("mailto:{dest}").into());
    }
    // `{{base.url}}/guide/`, a variable before a path from the top, is a root-relative link
    // once the variable is gone; the variable itself is reported as a template leftover
    // (Jekyll's own `{{ site.baseurl }}` is blanked before, by `leftovers::liquid_link`).
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
    // DocFX's `~/docs/setup.md` names the file from the project's root, as its
    // `[!INCLUDE]` does: `content/` once the pages moved in, so a root-relative link.
    if let Some(rest) = dest.strip_prefix('~').filter(|d| d.starts_with('/')) {
        return rewrite(
            handbook, self_id, from_dir, root, rest, span, rendered, diags,
        )
        .map(|c| CowStr::from(c.into_string()));
    }
    // docsify's router links (`#/guide/setup`) name the page from the docs' root.
    if let Some(routed) = dest.strip_prefix('#').filter(|d| d.starts_with('/')) {
        return rewrite(
            handbook, self_id, from_dir, root, routed, span, rendered, diags,
        )
        .map(|c| CowStr::from(c.into_string()));
    }
    // BookStack's heading ids (`#bkmrk-rollback`) without its prefix; its page title's
    // (`#bkmrk-page-title`) is the page's top.
    if let Some((p, f)) = dest.split_once('#')
        && f.starts_with("bkmrk-")
        && bookstack_address(p.split('?').next().unwrap_or(p)).is_some()
    {
        let written = f;
        let f = bookstack_fragment(f);
        let here = if f.is_empty() {
            p.to_string()
        } else {
            format!("{p}#{f}")
        };
        let links = rendered.links.len();
        let out = rewrite(
            handbook, self_id, from_dir, root, &here, span, rendered, diags,
        );
        mark_bookstack_id(rendered, links, Some(written));
        return out.map(|c| CowStr::from(c.into_string()));
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    // docsify names a section by its query (`rubric?id=mentors`): the anchor. `id=main`
    // is docsify's own element around the page, so the page's top.
    let fragment = fragment.or_else(|| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("id="))
            .filter(|id| !id.is_empty() && *id != "main")
    });
    let anchor = fragment.filter(|f| !f.is_empty()).map(percent_decode);
    if path.is_empty() {
        return same_page_link(handbook, self_id, root, dest, anchor, span, rendered);
    }
    let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    let doc = &handbook.docs[self_id];
    let outside_site = |message: String, help: String| {
        Diagnostic::warning("link-outside-site", &doc.source.path, message)
            .with_help(help)
            .at(&doc.source.text, span.clone())
    };
    let broken = |message: String, help: String| {
        let d = if handbook.config.links.broken_warn {
            Diagnostic::warning("broken-link", &doc.source.path, message)
        } else {
            Diagnostic::error("broken-link", &doc.source.path, message)
        };
        d.with_help(help).at(&doc.source.text, span.clone())
    };
    let resolved = match resolve_target(handbook, from_dir, path) {
        // Written for a site that served this page as a folder (MkDocs' and Hugo's
        // `page/`): relative to that address, one level below the file's folder.
        Resolved::Missing(missing) => match address_folder(handbook, self_id, from_dir, path) {
            Some(dir) => match resolve_target(handbook, &dir, path) {
                found @ Resolved::Doc(..) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // Written for docsify, which reads every link from the site's root (`grading/rubric`
    // from any folder): when the page's folder has no such file, content/ may. A path
    // that starts with `.` says it is relative to the file, and stays broken.
    let resolved = match resolved {
        Resolved::Missing(missing) if !path.starts_with(['.', '/']) && from_dir != "content" => {
            match resolve_target(handbook, "content", path) {
                found @ (Resolved::Doc(..) | Resolved::Asset(_)) => found,
                _ => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // Wiki.js writes a link from the top with the reader's language (`/en/team/oncall`);
    // its git storage keeps the default language's pages at the root (`team/oncall.md`)
    // and each other one's in a folder of its code. A language without a folder here is
    // the default one.
    let resolved = match resolved {
        Resolved::Missing(missing) => match without_locale(handbook, path) {
            Some(rest) => match resolve_target(handbook, "content", rest) {
                found @ (Resolved::Doc(..) | Resolved::Asset(_) | Resolved::Generated(_)) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // Docusaurus serves its docs under `/docs/` (its default `routeBasePath`), and its
    // pages link each other by that address (`/docs/guides/setup`): the docs are content/
    // once moved in. Only tried when nothing is at that path, so a `content/docs/` wins.
    let resolved = match resolved {
        Resolved::Missing(missing) => match path.strip_prefix("/docs/").filter(|r| !r.is_empty()) {
            Some(rest) => match resolve_target(handbook, "content", rest) {
                found @ (Resolved::Doc(..) | Resolved::Asset(_)) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // Outline writes a link to another document as that document's address in Outline,
    // `/doc/<title as a slug>-<its id>`; its export names each file by the title.
    let resolved = match resolved {
        Resolved::Missing(missing) => match outline_document(handbook, from_dir, path) {
            Some(rel) => match resolve_target(handbook, "content", &rel) {
                found @ Resolved::Doc(..) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // BookStack writes a link to another page as its address there,
    // `/books/<book>/page/<page>` (or a chapter's, a book's): the page or folder of that
    // name, as its exporters name files and folders. Within a book it writes the page's
    // address relative to the linking page's (`../page/<page>`).
    let resolved = match resolved {
        Resolved::Missing(missing) => {
            match bookstack_address(path)
                .and_then(|a| bookstack_target(handbook, from_dir, a))
                .or_else(|| {
                    bookstack_relative(path)
                        .and_then(|page| bookstack_relative_target(handbook, from_dir, page).ok())
                }) {
                Some(rel) => match resolve_target(handbook, "content", &rel) {
                    found @ (Resolved::Doc(..) | Resolved::Generated(_)) => found,
                    // A folder without a page of its own: listed at its first page, below.
                    Resolved::Missing(folder) if rel.ends_with('/') => Resolved::Missing(folder),
                    _ => Resolved::Missing(missing),
                },
                None => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // Writerside names an image by its file name alone (`![](map.png)`) and finds it in the
    // project's images folder, wherever the topic is.
    let resolved = match resolved {
        Resolved::Missing(missing) if handbook.writerside && !path.contains('/') => {
            match writerside_image(handbook, path) {
                Some(rel) => Resolved::Asset(rel),
                None => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // A docs site moved into a folder of the handbook (a team's old site, now under
    // `content/teams/platform/docs/`) wrote its links from its own root
    // (`/runbooks/cache-flush.md`). One that names nothing from the top, nor in static/,
    // is read from the folders that hold the page, as the old site read it.
    let resolved = match resolved {
        Resolved::Missing(missing)
            if path.starts_with('/')
                && !path.starts_with("//")
                && from_dir != "content"
                && static_file(handbook, &missing).is_none() =>
        {
            from_enclosing_site(handbook, from_dir, path).unwrap_or(Resolved::Missing(missing))
        }
        resolved => resolved,
    };
    match resolved {
        Resolved::Doc(target, url) => {
            let href = format!("{root}{}{suffix}", encode_path(&url));
            Some(rendered.record_link(span, href, Some(target), anchor, None))
        }
        Resolved::Asset(rel) => {
            let href = format!("{root}{}{suffix}", encode_path(&rel));
            Some(rendered.record_link(span, href, None, None, Some(rel)))
        }
        Resolved::Generated(url) => Some(format!("{root}{url}{suffix}").into()),
        // The other site's address as the redirect gives it, its own fragment first.
        Resolved::Elsewhere(to) if to.contains('#') => Some(to.into()),
        Resolved::Elsewhere(to) => Some(format!("{to}{suffix}").into()),
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
            Some(rendered.record_link(span, href, Some(*target), anchor, None))
        }
        // Not under content/ but in static/, which is copied to the site's root.
        Resolved::Missing(joined) if static_file(handbook, &joined).is_some() => {
            let site_path = static_file(handbook, &joined).unwrap_or_default();
            Some(format!("{root}{}{suffix}", encode_path(site_path)).into())
        }
        // A file of the repository outside content/ (`../../README.md`, `../src/`): on
        // the forge, when the handbook says where its repository is.
        Resolved::Missing(joined) if let Some(url) = outside_content(handbook, &joined) => {
            match url {
                Some(url) => Some(format!("{url}{suffix}").into()),
                None => {
                    rendered.broken_links += 1;
                    let image = is_image_at(&doc.source.text, &span);
                    rendered.text_only_links += usize::from(!image);
                    if rendered.broken_links > BROKEN_LINKS_SHOWN {
                        return None;
                    }
                    let message = format!(
                        "link to `{path}`: {joined} is outside content/, so it is not part of the site"
                    );
                    let help = "set `url` under `[repository]` in orgbook.toml (e.g. `url = \"https://github.com/acme/handbook\"`) to link files outside content/ to the repository on its forge, or move the file into content/";
                    // The file is there: nothing is broken but the site's reach, so a link
                    // keeps its text with a warning, as `orgbook import adr` keeps it
                    // without `--source-url`. An image would be missing from the page.
                    diags.push(if image {
                        broken(message, help.into())
                    } else {
                        outside_site(message, format!("shown as its text; {help}"))
                    });
                    None
                }
            }
        }
        // A folder of pages without a page of its own (`process/`): GitHub and Hugo list
        // its pages there, and so does the handbook index.
        Resolved::Missing(joined) if let Some(page) = folder_page(handbook, &joined) => {
            let folder = joined.trim_end_matches('/');
            let folder = folder.strip_prefix("content/").unwrap_or(folder).to_owned();
            rendered.folder_links.push(FolderLink { page, folder });
            Some(format!("{FOLDER_LINK}{}", rendered.folder_links.len() - 1).into())
        }
        // A page the wider site made from code (`/careers`), under `[links] site`.
        Resolved::Missing(_)
            if let Some(site) = &handbook.config.links.site
                && dest.starts_with('/')
                && !dest.starts_with("//") =>
        {
            Some(format!("{site}{dest}").into())
        }
        // Written for the repository before its pages moved into content/: the target is
        // not in content/ but beside it (EIPs' `[CC0](../LICENSE.md)` once `EIPS/` is
        // `content/EIPS/`). It names that file, so the rule above applies to it.
        Resolved::Missing(ref joined)
            if !is_image_at(&doc.source.text, &span)
                && let Some(rel) = beside_content(handbook, joined) =>
        {
            match crate::config::code_link(&handbook.config.repository, &format!("/{rel}")) {
                Some(url) => Some(format!("{url}{suffix}").into()),
                None => {
                    rendered.broken_links += 1;
                    rendered.text_only_links += 1;
                    if rendered.broken_links > BROKEN_LINKS_SHOWN {
                        return None;
                    }
                    let top = rel.split('/').next().unwrap_or(rel);
                    let what = match handbook.root.as_ref().is_some_and(|r| r.join(rel).is_dir()) {
                        true => "folder",
                        false => "file",
                    };
                    diags.push(outside_site(
                        format!("link to `{path}`: no such {what} in content/ ({joined}); {rel} is beside content/, not in it, so it is shown as its text"),
                        format!("set `url` under `[repository]` in orgbook.toml to link it on the repository's forge, or move it in with the pages (`git mv {top} content/`)"),
                    ));
                    None
                }
            }
        }
        // A template's placeholder (Swift Evolution's `[SE-NNNN](NNNN-filename.md)`)
        // names the file a proposal written from it will have: the template is a
        // template, and its placeholder stays as text on its page, unreported.
        Resolved::Missing(_) if is_template_placeholder_target(path) => {
            rendered.broken_links += 1;
            rendered.text_only_links += 1;
            None
        }
        // Past the first [`BROKEN_LINKS_SHOWN`] of a page, broken links are counted, not
        // listed. After the arms above, which find a target or a text-only link for what
        // is not in content/: those are not broken, whatever came before them.
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
            let (message, help) =
                missing_target(handbook, &doc.source.path, from_dir, path, &joined);
            diags.push(broken(message, help));
            None
        }
    }
}

/// What the link from the top `path` names when read from one of the folders between the
/// linking page's (`from_dir`) and `content/`, which has no such file: the page or file
/// it finds, or, when two of those folders have one, the two as [`Resolved::Ambiguous`],
/// so the author picks (a guess would send readers to the wrong team's page). `None` when
/// no folder has it. One look-up per folder above the page.
fn from_enclosing_site(handbook: &Handbook, from_dir: &str, path: &str) -> Option<Resolved> {
    let rel = path.trim_start_matches('/');
    let source_of = |found: &Resolved| match found {
        Resolved::Doc(id, _) => handbook.docs[*id].source.path.clone(),
        Resolved::Asset(file) => format!("content/{file}"),
        _ => String::new(),
    };
    let mut found: Option<Resolved> = None;
    let mut dir = from_dir;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if let here @ (Resolved::Doc(..) | Resolved::Asset(_)) = resolve_target(handbook, dir, rel)
        {
            match &found {
                // Found again from a folder higher up: the same page (a folder's index
                // named by its folder) is no second meaning.
                Some(first) if source_of(first) == source_of(&here) => {}
                Some(first) => {
                    return Some(Resolved::Ambiguous(source_of(first), source_of(&here)));
                }
                None => found = Some(here),
            }
        }
        dir = parent;
    }
    found
}

/// The folder a site with directory addresses served document `self_id` as (`a/page.md`
/// at `a/page/`), for a relative link written as an address (`../../b/page/`, `../b`,
/// `x.html`), not as a file (`../b.md`, which is relative to the file wherever it is
/// served). `None` for a folder's own page, which such a site serves at its folder.
fn address_folder(
    handbook: &Handbook,
    self_id: DocId,
    from_dir: &str,
    path: &str,
) -> Option<String> {
    if path.starts_with('/') {
        return None;
    }
    let name = handbook.docs[self_id].source.path.rsplit('/').next()?;
    if crate::load::index_rank(name).is_some() {
        return None;
    }
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if crate::load::is_markdown(last) {
        return None;
    }
    let stem = crate::load::page_stem(name);
    Some(format!("{from_dir}/{stem}"))
}

/// A published page in the folder `joined` names, or below it, when it is a folder
/// without an index page of its own: the handbook index lists that folder's pages and
/// sub-folders. A page directly in it comes first.
fn folder_page(handbook: &Handbook, joined: &str) -> Option<DocId> {
    let folder = joined.trim_end_matches('/');
    let near = handbook.near();
    near.pages_in_folder(folder)
        .into_iter()
        .chain(near.pages_below(folder))
        .filter_map(|p| handbook.by_path.get(p).copied())
        .find(|&id| matches!(handbook.docs[id].kind, crate::model::DocKind::Page(_)))
}

/// Whether the link or image at `span` of `text` is an image (`![alt](src)`): an image
/// outside the site would be missing from the page, which stays an error.
fn is_image_at(text: &str, span: &Range<usize>) -> bool {
    text.get(span.clone()).is_some_and(|s| s.starts_with("!["))
}

/// For a missing `content/…` target (`joined`), the same path beside content/ when the
/// handbook's folder has it: a file or folder left behind when the pages moved in. Read
/// from disk, only for links that are broken otherwise.
fn beside_content<'j>(handbook: &Handbook, joined: &'j str) -> Option<&'j str> {
    let root = handbook.root.as_ref()?;
    let rel = joined.strip_prefix("content/")?.trim_end_matches('/');
    (!rel.is_empty()
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != ".." && p != "."))
    .then_some(rel)
    .filter(|rel| std::fs::symlink_metadata(root.join(rel)).is_ok())
}

/// A link whose file name is a template's placeholder for the number or name to come:
/// `NNNN-filename.md`, `XXXX-filename.md`, `eip-XXXX.md` (a word of three or more `N`s or
/// `X`s, in capitals, as templates write them).
fn is_template_placeholder_target(path: &str) -> bool {
    let name = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let stem = name.split_once('.').map_or(name, |(stem, _)| stem);
    stem.split(['-', '_']).any(|word| {
        word.len() >= 3 && (word.bytes().all(|b| b == b'N') || word.bytes().all(|b| b == b'X'))
    })
}

/// For a link to `joined` (a path from the handbook's folder) that is not under content/
/// but is a file or folder of the handbook's repository: `Some(Some(address))` on the
/// forge when `[repository] url` is set, `Some(None)` when it is not; `None` when there is
/// no such file (a broken link as any other). Read from disk, once a link: such links are
/// few (a README, a source folder), and the path cannot leave the handbook's folder
/// (`join_path` refuses `..` above it).
fn outside_content(handbook: &Handbook, joined: &str) -> Option<Option<String>> {
    let root = handbook.root.as_ref()?;
    if joined.starts_with("content/") || joined == "content" || joined.is_empty() {
        return None;
    }
    std::fs::symlink_metadata(root.join(joined)).ok()?;
    Some(crate::config::code_link(
        &handbook.config.repository,
        &format!("/{}", joined.trim_end_matches('/')),
    ))
}

/// The help for a relative link that climbs out of content/ because the pages moved there
/// from Starlight's `src/content/docs/` (two folders deeper), whose images are in
/// `src/assets/`: the file the link named from there, where it is now, and the link to it.
/// Read from disk, once a broken link, as [`outside_content`] is.
fn starlight_asset(handbook: &Handbook, from_dir: &str, path: &str) -> Option<String> {
    let below = from_dir
        .strip_prefix(crate::load::CONTENT_DIR)
        .filter(|b| b.is_empty() || b.starts_with('/'))?;
    let named = join_path(&format!("src/content/docs{below}"), path)?;
    let rest = named.strip_prefix("src/assets/")?;
    let now = format!("content/assets/{rest}");
    let link = relative_path(from_dir, &now);
    if handbook
        .assets
        .binary_search_by(|a| a.as_str().cmp(&now["content/".len()..]))
        .is_ok()
    {
        return Some(format!(
            "written from Starlight's src/content/docs/, it named src/assets/{rest}, which is {now} now: link `{link}`"
        ));
    }
    let root = handbook.root.as_ref()?;
    root.join(&named).is_file().then(|| {
        format!(
            "written from Starlight's src/content/docs/, it names {named}: move the images in with the pages (`git mv src/assets content/assets`) and link `{link}`"
        )
    })
}

/// The path in the site of a link that names no file under content/ but a file of
/// `static/` (copied to the site's root): `content/img/logo.png` or `static/img/logo.png` →
/// `img/logo.png`.
fn static_file<'a>(handbook: &Handbook, joined: &'a str) -> Option<&'a str> {
    // From the site's root (`/img/a.png`, joined under content/), or, as a Docusaurus page
    // reaches its site's folder and has the file bundled, by a relative path that climbs
    // out of the docs (`../../static/img/a.png`, joined at the handbook's root).
    joined
        .strip_prefix("content/")
        .or_else(|| joined.strip_prefix("static/"))
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

mod body;
mod bookstack_ids;
pub mod inline_images;
pub mod links;
#[cfg(test)]
mod tests;
