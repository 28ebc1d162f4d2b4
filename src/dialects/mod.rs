//! Markdown as other tools write it, read before orgbook renders a body: GitHub's alerts
//! and the [`options`] every parse shares, MyST's directives and roles ([`myst`]), MkDocs's
//! admonitions ([`mkdocs`]), and the template syntax other generators leave in their pages
//! (Liquid, Nunjucks, Hugo shortcodes: [`leftovers`]), Retype's components ([`retype`]), Writerside's admonitions ([`writerside`]), the redirects Google Docs wraps links in and the Markdown its export escapes ([`gdocs`]), HackMD's and HedgeDoc's embeds and highlights ([`hackmd`]) and Docusaurus's names for its site's files ([`docusaurus`]). Each dialect is a scanner over the
//! source: the Markdown stage asks it what a span of the body is, the load stage what an
//! include names, the link stage which labels a page defines; each reports in the vocabulary
//! of [`found`]. Nothing here knows a handbook.

pub(crate) mod confluence;
pub(crate) mod docusaurus;
pub mod found;
pub(crate) mod gdocs;
pub(crate) mod hackmd;
pub mod leftovers;
pub(crate) mod mkdocs;
pub(crate) mod myst;
pub(crate) mod pandoc;
pub(crate) mod retype;
pub(crate) mod sphinx_issues;
pub(crate) mod writerside;

use pulldown_cmark::Options;

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
    let writes_definitions = crate::finder!(b"\n:")
        .find_iter(body.as_bytes())
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
