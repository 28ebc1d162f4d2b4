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
//! `body::BodyWriter`'s methods. This file holds what the pass returns ([`Rendered`], with
//! each link's [`LinkRef`]) and the pass's entry points. A link's destination goes through
//! `rewrite` (resolved once a page, recorded, written relative to the page), which asks
//! `targets` where the destination leads, `bookstack_addresses` for BookStack's addresses
//! and `missing` what to say when it leads nowhere. After every page is rendered, `links`
//! checks anchors and gathers backlinks (`bookstack_ids` gives BookStack's heading ids).

mod bookstack_addresses;
mod missing;
mod rewrite;
mod targets;

use crate::diagnostic::Diagnostic;
use crate::dialects::docusaurus::SitePath;
use crate::dialects::{alert_class, alert_title, options_for};
use crate::link::Handbook;
use crate::model::DocId;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};
use std::ops::Range;

use bookstack_addresses::*;
use missing::*;
use rewrite::*;
use targets::*;

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
