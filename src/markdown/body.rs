//! The body writer: one pass over pulldown-cmark's events for one document, in the order
//! [`super::render`] feeds them. Each event goes through the same steps, each a method
//! below, in this order:
//!
//! 1. [`BodyWriter::unwrap`]: events other constructs replace (a bare math environment, an
//!    anchor written as an empty link);
//! 2. [`BodyWriter::place`]: what goes in before the event's block (other generators'
//!    callouts opened and closed, MyST labels' anchors);
//! 3. [`BodyWriter::draw_myst`]: a MyST directive or role drawn as Sphinx draws it;
//! 4. [`BodyWriter::inline`]: inline text other generators write (abbreviations,
//!    wikilinks' text, emoji codes, links without text);
//! 5. [`BodyWriter::transform`]: the event itself (heading ids, links resolved, raw HTML
//!    under its policy, math, code blocks), with the plain text for search;
//! 6. [`BodyWriter::gather`]: code blocks drawn at their end (Mermaid, math);
//! 7. [`BodyWriter::push`]: the event buffered, and finished top-level blocks written out
//!    (raw HTML marked for the sanitizer).
//!
//! A step that consumes the event returns `None`; the later steps then do not see it.
//! The state lives in one struct rather than in the loop's locals so that each step can be
//! read on its own, with the fields it touches named.

use super::*;
use crate::diagnostic::Diagnostic;
use crate::dialects::found::{Kind, Leftover};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

/// Events buffered before finished top-level blocks are written out.
const FLUSH_EVENTS: usize = 4096;

/// Callouts written for other generators, drawn as GitHub alerts are: a Docusaurus
/// admonition (`:::note` … `:::`) around the top-level blocks between its lines, a Just
/// the Docs `{: .note }` around the block after it. `leftovers::clean` blanks their lines
/// and reports where they were; the writer opens and closes them between top-level
/// blocks, so the events stay balanced whatever is inside.
#[derive(Default)]
struct Callouts {
    pending: VecDeque<Callout>,
    /// The callouts being drawn, outermost first (admonitions nest): the top-level blocks
    /// inside `n` of them are at depth `n`.
    open: Vec<OpenCallout>,
}

#[derive(Clone, Copy)]
struct OpenCallout {
    kind: pulldown_cmark::BlockQuoteKind,
    /// Where its closing line starts (`usize::MAX`: it ends with its first block).
    until: usize,
    shape: Shape,
}

/// How a callout is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A GitHub alert (a blockquote of its kind, its title first).
    Alert,
    /// A `<details>` element (VitePress `::: details`).
    Details,
    /// A tab, shown as a section under its title, as Material's content tabs are drawn
    /// (VuePress's `::: tab Title`).
    Tab,
}

impl OpenCallout {
    fn close(self) -> Event<'static> {
        match self.shape {
            Shape::Details => Event::Html("</details>\n".into()),
            Shape::Tab => Event::Html("</section>\n".into()),
            Shape::Alert => Event::End(TagEnd::BlockQuote(Some(self.kind))),
        }
    }
}

struct Callout {
    /// Where its opening line ends, in the cleaned body.
    at: usize,
    kind: pulldown_cmark::BlockQuoteKind,
    /// The title it gives (`:::tip Remember`), or empty for the kind's own.
    title: String,
    shape: Shape,
    /// Where its closing line starts; `Some(usize::MAX)` when it styles one block; `None`
    /// while no closing line was seen (then it is not drawn).
    until: Option<usize>,
}

/// Where a block of raw HTML is cut for a callout inside it (`BodyWriter::callouts_in_block`).
enum Cut {
    /// A callout opens (and closes in this block or a later one).
    Open(Callout),
    /// The innermost open callout closes (one opened in this block or an earlier one).
    Close,
}

/// What `leftovers::clean` found in a body, sorted: the constructs the writer draws, by
/// where they are. The others became warnings on the way ([`sort_leftovers`]).
#[derive(Default)]
pub(super) struct Found {
    callouts: Callouts,
    /// MkDocs blocks to draw, handed to `mkdocs_blocks::Blocks` before the loop.
    pub(super) mkdocs: VecDeque<crate::dialects::mkdocs::Block>,
    /// Drawn MkDocs blocks' titles by where their line starts, indexed when drawn.
    block_titles: HashMap<usize, String>,
    /// Abbreviations defined on the page (`*[SLO]: …`), with what each stands for.
    abbreviations: Abbreviations,
    /// Obsidian callouts' titles, by where their first line starts.
    alert_titles: HashMap<usize, String>,
    /// MyST roles to draw: where their code span starts, the role, its blanked name's length.
    roles: VecDeque<(usize, crate::dialects::found::Role, usize)>,
    /// Template syntax left as written (`{{< team manager="x" >}}`), in body order: shown
    /// as the author wrote it, so smart punctuation does not curl its quotes.
    verbatim: Vec<Range<usize>>,
    /// pandoc tables' captions, by where the table starts.
    captions: HashMap<usize, String>,
    /// pandoc fenced divs' ids, by where their line starts.
    anchors: VecDeque<(usize, String)>,
    /// Confluence's code written as a code span where its `<code>` element did not fit
    /// (`Kind::CodeElement`): the span's range and the element, in body order.
    code_elements: VecDeque<(Range<usize>, String)>,
}

impl Found {
    /// The template syntax left as written, for [`as_written`] (which runs before the
    /// writer, on the parser's events).
    pub(super) fn take_verbatim(&mut self) -> Vec<Range<usize>> {
        std::mem::take(&mut self.verbatim)
    }
}

/// Smart punctuation's quote, dash or ellipsis inside template syntax left on the page
/// (`manager=“x”`, in `verbatim`) put back as written: a leftover shown is the author's
/// text. Done on the parser's events as they come, before runs of text are merged into one.
pub(super) fn as_written<'a>(
    verbatim: &[Range<usize>],
    body: &'a str,
    event: Event<'a>,
    range: &Range<usize>,
) -> Event<'a> {
    const SMART: &str = "\u{201c}\u{201d}\u{2018}\u{2019}\u{2013}\u{2014}\u{2026}";
    if let Event::Text(text) = &event
        && !verbatim.is_empty()
        && text.chars().all(|c| SMART.contains(c))
        && let i = verbatim.partition_point(|v| v.end <= range.start)
        && verbatim
            .get(i)
            .is_some_and(|v| v.start <= range.start && range.end <= v.end)
        && let Some(written) = body.get(range.clone())
    {
        return Event::Text(CowStr::Borrowed(written));
    }
    event
}

/// The value of MyST substitution `key` on page `doc`: the page's own (front matter) first,
/// then the site's (`load::myst_substitutions`).
fn substitution<'h>(
    handbook: &'h Handbook,
    doc: &'h crate::model::Doc,
    key: &str,
) -> Option<&'h str> {
    let page = match &doc.kind {
        crate::model::DocKind::Page(meta) => meta.substitutions(),
        _ => &[],
    };
    crate::load::myst_substitutions::value_of(key, page, &handbook.nav_order.substitutions)
}

/// The events of a substitution's value written inside a line: the Markdown of one
/// paragraph (`[Read the Docs](…)`, `**v2**`) without the paragraph, or nothing for an
/// empty value; `None` for a value of several blocks or another block (a list, a
/// directive), which cannot stand inside a line and stays a leftover.
fn inline_value(value: &str) -> Option<Vec<Event<'_>>> {
    let mut events: Vec<Event> =
        Parser::new_ext(value, crate::dialects::options_for(value)).collect();
    if events.is_empty() {
        return Some(events);
    }
    let paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)));
    let inner = &events[1..events.len().saturating_sub(1)];
    let one_block = !inner.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
        )
    });
    if !(paragraph && one_block) {
        return None;
    }
    events.pop();
    events.remove(0);
    Some(events)
}

/// Sorts what `leftovers::clean` found in document `doc`'s body (which starts at `offset`
/// in its file) into the constructs to draw and warnings about the rest.
pub(super) fn sort_leftovers(
    handbook: &Handbook,
    doc: &crate::model::Doc,
    offset: usize,
    leftovers: Vec<Leftover>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Found {
    let mut found = Found::default();
    // An API reference page holds one mkdocstrings block per module: one warning, at the
    // first, says how many.
    let api_blocks = leftovers
        .iter()
        .filter(|l| l.kind == Kind::MkDocs && l.construct.starts_with(":::"))
        .count();
    let mut api_reported = false;
    rendered.generated_anchors = api_blocks > 0;
    // Template syntax reported one by one up to a point, then counted (as broken links
    // are): a generated file of 20,000 `{{ x }}` would otherwise cost a diagnostic, and a
    // copy of its line, each.
    let mut templates = 0usize;
    let blocks = shortcode_blocks(&leftovers, &doc.source.text, offset);
    for (i, l) in leftovers.into_iter().enumerate() {
        let mut opens = None;
        // A MyST substitution the page or the site defines: its value is written there.
        if l.kind == Kind::Template
            && crate::load::myst_substitutions::key_of(&l.construct)
                .and_then(|key| substitution(handbook, doc, key))
                .is_some_and(|value| inline_value(value).is_some())
        {
            continue;
        }
        if l.kind == Kind::Template {
            found.verbatim.push(l.range.clone());
        }
        if matches!(l.kind, Kind::Template | Kind::Erb { .. }) {
            match blocks.get(&i) {
                Some(Block::Inside) => continue,
                Some(Block::Opens { closing, lines }) => opens = Some((closing, *lines)),
                None => {}
            }
            templates += 1;
            if templates > TEMPLATES_SHOWN {
                continue;
            }
        }
        let span = l.range.start + offset..l.range.end + offset;
        diags.push(match l.kind {
            Kind::AlertTitle => {
                if !l.construct.is_empty() {
                    found.alert_titles.insert(l.range.start, l.construct);
                }
                continue;
            }
            Kind::Abbr => {
                let line = doc.source.text.get(span.clone()).unwrap_or("");
                let title = crate::dialects::leftovers::abbreviation_title(line).to_string();
                found.abbreviations.define(l.construct, title);
                continue;
            }
            Kind::Callout {
                kind,
                next_block_only,
                details,
            } => {
                found.callouts.pending.push_back(Callout {
                    at: l.range.end,
                    kind,
                    title: l.construct,
                    shape: if details { Shape::Details } else { Shape::Alert },
                    until: next_block_only.then_some(usize::MAX),
                });
                continue;
            }
            Kind::Tab => {
                found.callouts.pending.push_back(Callout {
                    at: l.range.end,
                    kind: pulldown_cmark::BlockQuoteKind::Note,
                    title: l.construct,
                    shape: Shape::Tab,
                    until: None,
                });
                continue;
            }
            Kind::MkDocsBlock { kind, drawn } => {
                // Only a quoted title is the author's (`!!! tip` is titled "Tip").
                if !l.construct.is_empty()
                    && doc
                        .source
                        .text
                        .get(span.clone())
                        .is_some_and(|line| line.contains('"'))
                {
                    found
                        .block_titles
                        .insert(l.range.start, l.construct.clone());
                }
                found.mkdocs.push_back(crate::dialects::mkdocs::Block {
                    at: l.range.start,
                    kind,
                    drawn,
                    title: l.construct,
                });
                continue;
            }
            Kind::Role(role) => {
                found.roles.push_back((l.range.end, role, l.range.len()));
                continue;
            }
            Kind::Anchor => {
                found.anchors.push_back((l.range.start, l.construct));
                continue;
            }
            Kind::Caption => {
                found.captions.insert(l.range.start, l.construct);
                continue;
            }
            Kind::CodeElement => {
                found.code_elements.push_back((l.range, l.construct));
                continue;
            }
            Kind::PageTitle => {
                rendered.head_title.get_or_insert(l.construct);
                continue;
            }
            Kind::Wrapper => continue,
            Kind::Pandoc => Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                format!("{} is shown as written: orgbook cannot redraw it", l.construct),
            )
            .with_help("convert the document with `pandoc -t gfm` (GitHub's Markdown), or rewrite this part as a pipe table, a link or plain text")
            .at(&doc.source.text, span),
            Kind::CalloutEnd => {
                // It closes the last admonition still open (not a `{: .note }` inside it).
                if let Some(c) = found
                    .callouts
                    .pending
                    .iter_mut()
                    .rev()
                    .find(|c| c.until.is_none())
                {
                    c.until = Some(l.range.start);
                }
                continue;
            }
            Kind::Template => Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                match opens {
                    // A paired shortcode (`{{< tableau >}}` … `{{< /tableau >}}`): one
                    // warning for the block, not one a line.
                    Some((closing, lines)) => format!(
                        "`{} … {closing}` ({lines} lines) is a shortcode block from another generator, which orgbook does not run",
                        l.construct
                    ),
                    None => format!("`{}` is template syntax from another generator, which orgbook does not run", l.construct),
                },
            )
            .with_help("replace it with what it produced (or a link), wrap it in `code` if it is an example, or delete it")
            .at(&doc.source.text, span),
            Kind::Erb {
                lines,
                in_attribute,
                before_path,
            } => erb_warning(&doc.source.path, &l.construct, lines, (in_attribute, before_path))
                .at(&doc.source.text, span),
            Kind::MkDocs => {
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
                            alert_title(crate::dialects::leftovers::mkdocs_kind(kind)).to_ascii_uppercase()
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
            Kind::ColonDirective => myst_directive_warning(
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
    found
}

/// The `template-leftover` warning for an ERB tag or block (`construct`) of a Middleman
/// page, which `leftovers::clean` left out of the page: what it was, and what to write
/// instead. A block spans `lines` lines (0: a tag alone); `in_attribute`: it was in an
/// HTML attribute's value, such as a link's address (so that is not reported as a broken
/// link with a hint about a file it never named); `before_path`: a path followed it there,
/// which is the link now.
fn erb_warning(
    file: &str,
    construct: &str,
    lines: usize,
    (in_attribute, before_path): (bool, bool),
) -> Diagnostic {
    let code = construct
        .trim_start_matches("<%")
        .trim_start_matches(['=', '-'])
        .trim_start();
    let (what, help) = if lines > 0 {
        let what = format!(
            "`{construct}` ({lines} lines) is an ERB block from Middleman, which orgbook does not run; it is left out of the page"
        );
        let help = if code.starts_with("content_for :sidebar")
            || code.starts_with("content_for(:sidebar")
        {
            "orgbook draws the handbook's navigation and each page's \"On this page\" list itself: delete the block".to_string()
        } else {
            "write what it produced as Markdown (a list of the pages it linked, say), or delete it"
                .to_string()
        };
        (what, help)
    } else if before_path {
        (
            format!(
                "`{construct}` is an ERB tag from Middleman, which orgbook does not run, at the start of an address: it is left out, and the path after it is the link, from the site's root"
            ),
            "delete the tag, to leave the address from the site's root".to_string(),
        )
    } else if in_attribute {
        (
            format!(
                "`{construct}` is an ERB tag from Middleman, which orgbook does not run, in an HTML attribute: the attribute (a link's address) is left empty"
            ),
            "write the address (or value) it produced in its place".to_string(),
        )
    } else if code.starts_with("partial") {
        (
            format!(
                "`{construct}` is an ERB partial from Middleman, which orgbook does not include; it is left out of the page"
            ),
            "write the partial's text as Markdown here (or on a page of its own, and link to it)"
                .to_string(),
        )
    } else {
        (
            format!(
                "`{construct}` is an ERB tag from Middleman, which orgbook does not run; it is left out of the page"
            ),
            "write what it produced as Markdown, or delete it".to_string(),
        )
    };
    Diagnostic::warning("template-leftover", file, what).with_help(help)
}

/// The state of one body's pass: what is being rendered, what has been written, and the
/// constructs open at the current event.
pub(super) struct BodyWriter<'a> {
    handbook: &'a Handbook,
    id: DocId,
    doc: &'a crate::model::Doc,
    /// The body as `leftovers::clean` left it: what the parser reads and spans index.
    body: &'a str,
    /// Where the body starts in its file (spans in diagnostics are the file's).
    offset: usize,
    from_dir: &'a str,
    /// The way from this page to the site's root (`../../`).
    root: String,
    raw_policy: crate::html_policy::RawHtml,
    diags: &'a mut Vec<Diagnostic>,
    rendered: Rendered,
    found: Found,
    /// Events not yet written out as HTML.
    events: Vec<Event<'a>>,
    /// How many blocks are open (0: between top-level blocks).
    depth: usize,
    /// The page has footnotes: numbered across the page, so written out at the end.
    footnotes: bool,
    /// Inside a heading: where its start is in `events`; and its text so far.
    in_heading: Option<usize>,
    heading_text: String,
    /// The `id` (or `name`) of an anchor written in raw HTML inside the open heading
    /// (`## <a id="setup">Setup</a>`): the heading's own id, so it is not given a second.
    heading_html_id: Option<String>,
    used_ids: crate::text::UniqueIds,
    /// Still in the "prelude" before the first real content: blank lines, HTML comments,
    /// paragraphs of badges (images and links, no text). A level-1 heading here is the title.
    prelude: bool,
    para_has_text: bool,
    image_depth: usize,
    /// Inside the author's links: their text is not made a link again.
    link_depth: usize,
    /// Inside block quotes (and the callouts drawn from them): a heading there is part of
    /// what is quoted, not a section of the page.
    quote_depth: usize,
    in_code_block: bool,
    /// The page or the site defines MyST substitutions (`{{ key }}`): text is looked
    /// through for them. False while a value's own events are written, so a value is
    /// never substituted into itself.
    substitutes: bool,
    /// A raw HTML block being gathered (it arrives line by line): its text, where it starts.
    raw_block: Option<(String, usize)>,
    has_raw_html: bool,
    /// Raw-HTML elements the sanitizer removes ([`crate::html_policy::removed_elements`]),
    /// where each opens in the source: one warning names them all.
    removed_elements: Vec<(usize, &'static str)>,
    /// The part of the HTML the sanitizer must see (see `RawRegion`).
    region: RawRegion,
    repeated: RepeatedLinks,
    /// Blocks a MyST label names (a figure's `:label:`), marked with an anchor before them.
    block_labels: VecDeque<crate::dialects::myst::BlockLabel>,
    /// Anchors to write right after the `<dt>` just opened.
    term_anchors: Vec<Event<'a>>,
    /// Inside a drawn `{toctree}` or directive: its code block's events are dropped.
    in_toctree: bool,
    /// At the start of a MyST code directive's text, where its options are.
    code_options: bool,
    /// Inside a Rust code block, whose rustdoc hidden lines (`# use x;`) are not shown.
    rust_code: bool,
    title_deps: Vec<DocId>,
    /// A link to a MyST label (or without text) just opened: where its start is in
    /// `events`, and the title to show if it has no text.
    empty_link_title: Option<(usize, String)>,
    /// Wikilinks shown as text (they name nothing): how many are open, and how many there
    /// were (reported one by one up to `BROKEN_LINKS_SHOWN`, then counted).
    unlinked_depth: usize,
    unmatched_wikilinks: usize,
    /// The text an unmatched wikilink shows instead of the parser's, when that is its
    /// target (`[[Product|dendron://private/area.product]]` shows "Product").
    unlinked_text: Option<String>,
    /// Links that lead nowhere, open: each is shown as a marked `<span>` (its text, the
    /// destination in a tooltip), not as a link to a page that 404s.
    broken_open: usize,
    /// The event being pushed is HTML the renderer wrote, not raw HTML of the author's.
    own_html: bool,
    /// Obsidian note embeds (`![[Note]]`) open, drawn as links.
    embedded_notes: usize,
    /// A GitHub-wiki link just opened at this index of `events`, and the text it shows.
    wiki_text: Option<(usize, String)>,
    /// The Mermaid diagram whose code block is open, and where its fence is in the file.
    diagram: Option<DiagramBlock>,
    diagram_fence: Range<usize>,
    /// The ```` ```math ```` block open: its TeX so far, and its fence line in the file.
    math_block: Option<(String, Range<usize>)>,
    /// The TeX of a bare math environment's paragraph, until its first event is drawn.
    bare_math: Option<String>,
    /// After an anchor written as an empty link (`[](){#id}`): its link's end is dropped,
    /// and its `{#id}` is cut from the text that follows.
    attr_anchor: Option<String>,
    /// Quarto's cross-references (`@sec-intro`) are links here: a `.qmd` page, or any page
    /// of a Quarto site, that writes one ([`quarto_references`]).
    quarto_references: bool,
    /// DocFX's `@uid` shorthand is a link here: a page with an `@` in a DocFX project whose
    /// pages have uids ([`docfx_shorthand`]).
    docfx_shorthand: bool,
    /// Inside DocFX's `<xref href="uid">text</xref>`, whose text the link already shows:
    /// the events up to `</xref>` are dropped.
    in_xref_text: bool,
    /// The stretch of the body last searched for an `<xref>` tag's `</xref>`: from the tag
    /// to its paragraph's end, and the closing tag found there (by offset in the body).
    /// Kept so that a paragraph of many tags is searched once, not once per tag to its end.
    xref_search: Option<XrefSearch>,
    /// The variables of the Writerside project the page is in (`%product%`) and those the
    /// topic declares itself (`<var name="linter" value="…"/>`), if any.
    variables: Option<std::borrow::Cow<'a, std::collections::BTreeMap<String, String>>>,
}

/// Whether `@sec-…` in the page is a Quarto cross-reference: in a `.qmd` page, or in a
/// Quarto site (`_quarto.yml` beside content/ or in it). Elsewhere `@name` is a mention.
/// Only a page that holds the needle asks about the site.
fn quarto_references(handbook: &Handbook, doc: &crate::model::Doc) -> bool {
    crate::finder!(b"@sec-")
        .find(doc.source.body().as_bytes())
        .is_some()
        && quarto_page(handbook, doc)
}

/// Whether `@uid` in the page may be DocFX's shorthand for a link to the page with that
/// uid: some page has a uid, the handbook is a DocFX project (`load::docfx_toc::project`)
/// and the page writes an `@`. Elsewhere `@name` is a mention, an e-mail or a package
/// scope, and stays as written. Only a page that holds an `@` asks about the site.
fn docfx_shorthand(handbook: &Handbook, doc: &crate::model::Doc) -> bool {
    !handbook.uids.is_empty()
        && memchr::memchr(b'@', doc.source.body().as_bytes()).is_some()
        && handbook
            .root
            .as_deref()
            .is_some_and(crate::load::docfx_toc::project)
}

/// The uid DocFX's shorthand names at the start of `text` (after its `@`), and how many
/// bytes it takes: `"uid with spaces"` (or in single quotes) as written, else a letter
/// and then letters, digits and `.`, `-`, `_`, `:`, `/`, whose punctuation counts only
/// inside it (`@intro-page.` ends a sentence).
fn docfx_uid(text: &str) -> Option<(&str, usize)> {
    let first = *text.as_bytes().first()?;
    if matches!(first, b'"' | b'\'') {
        let len = text[1..].find(first as char)?;
        let uid = &text[1..1 + len];
        return (!uid.trim().is_empty() && !uid.contains('\n')).then_some((uid, len + 2));
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/')))
        .unwrap_or(text.len());
    let uid = text[..end].trim_end_matches(['.', '-', '_', ':', '/']);
    Some((uid, uid.len()))
}

/// VuePress's, VitePress's and Starlight's `<Badge text="beta" type="warning"/>` as the
/// small badge those themes draw: `<span class="badge badge-warning">beta</span>`, its
/// text escaped, its type one of the themes' (else `tip`). `None` for a tag of another
/// shape (one with content, or no `text`).
/// Where `needle` (ASCII) first is in `haystack`, in any case.
fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

fn badge(tag: &str) -> Option<String> {
    let tag = tag.trim();
    if !tag.starts_with("<Badge")
        || !tag[6..].starts_with(|c: char| c.is_ascii_whitespace())
        || !tag.ends_with("/>")
    {
        return None;
    }
    let text = tag_attribute(tag, "text")?;
    let kind = match tag_attribute(tag, "type").as_deref().map(str::trim) {
        Some(
            kind @ ("info" | "tip" | "warning" | "danger" | "error" | "note" | "success"
            | "caution"),
        ) => kind.to_string(),
        _ => "tip".to_string(),
    };
    Some(format!(
        "<span class=\"badge badge-{kind}\">{}</span>",
        crate::text::escape_html(text.trim())
    ))
}

/// The value of attribute `key` in an HTML tag (`href="intro"`, in either quotes), its
/// entities decoded.
fn tag_attribute<'t>(tag: &'t str, key: &str) -> Option<std::borrow::Cow<'t, str>> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(found) = tag[from..].find(key) {
        let at = from + found;
        from = at + key.len();
        let after_space = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = tag[at + key.len()..].trim_start();
        let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !after_space {
            continue;
        }
        let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let value = &value[1..];
        let end = value.find(quote)?;
        return Some(crate::text::unescape_html(&value[..end]));
    }
    None
}

/// Whether the page is Quarto's: a `.qmd` page, or any page of a Quarto site
/// (`_quarto.yml` beside content/ or in it). Asks the file system: call it only for a page
/// that holds what it decides.
pub(crate) fn quarto_page(handbook: &Handbook, doc: &crate::model::Doc) -> bool {
    let quarto_site = || {
        handbook.root.as_deref().is_some_and(|root| {
            let file = crate::load::quarto_nav::FILE;
            root.join(file).is_file() || root.join(crate::load::CONTENT_DIR).join(file).is_file()
        })
    };
    doc.source.path.ends_with(".qmd") || quarto_site()
}

/// The label a Quarto cross-reference names at the start of `text` (after its `@`):
/// `sec-` and the rest of the id, whose `.` or `:` count only inside it (`@sec-intro.`
/// ends a sentence), as pandoc reads citation keys.
fn quarto_label(text: &str) -> Option<&str> {
    if !text.starts_with("sec-") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut end = 4;
    while end < bytes.len() {
        let b = bytes[end];
        let inner = matches!(b, b'.' | b':')
            && bytes
                .get(end + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric());
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || inner {
            end += 1;
        } else {
            break;
        }
    }
    let label = text[..end].trim_end_matches(['-', '_']);
    (label.len() > 4).then_some(label)
}

impl<'a> BodyWriter<'a> {
    pub(super) fn new(
        handbook: &'a Handbook,
        id: DocId,
        body: &'a str,
        found: Found,
        mut rendered: Rendered,
        diags: &'a mut Vec<Diagnostic>,
    ) -> Self {
        let doc = &handbook.docs[id];
        let block_labels: VecDeque<_> =
            crate::dialects::leftovers::labels_and_blocks(doc.source.body())
                .1
                .into();
        // Known before the body is read: a `#label` link above its block stays on this page.
        rendered
            .anchors
            .extend(block_labels.iter().map(|l| l.id.clone()));
        rendered.html.reserve(doc.source.body().len() * 3 / 2);
        BodyWriter {
            handbook,
            id,
            doc,
            body,
            offset: doc.source.body_start,
            from_dir: doc.source.path.rsplit_once('/').map_or("", |(d, _)| d),
            root: root_prefix(&doc.url),
            raw_policy: handbook.config.markdown.raw_html,
            diags,
            rendered,
            found,
            events: Vec::new(),
            depth: 0,
            footnotes: false,
            in_heading: None,
            heading_text: String::new(),
            heading_html_id: None,
            used_ids: Default::default(),
            prelude: true,
            para_has_text: false,
            image_depth: 0,
            link_depth: 0,
            quote_depth: 0,
            in_code_block: false,
            substitutes: !handbook.nav_order.substitutions.is_empty()
                || matches!(&doc.kind, crate::model::DocKind::Page(m) if m.substitutions.is_some()),
            raw_block: None,
            has_raw_html: false,
            removed_elements: Vec::new(),
            region: RawRegion::default(),
            repeated: RepeatedLinks::default(),
            block_labels,
            term_anchors: Vec::new(),
            in_toctree: false,
            code_options: false,
            rust_code: false,
            title_deps: Vec::new(),
            empty_link_title: None,
            unlinked_depth: 0,
            unlinked_text: None,
            unmatched_wikilinks: 0,
            broken_open: 0,
            own_html: false,
            embedded_notes: 0,
            wiki_text: None,
            diagram: None,
            diagram_fence: 0..0,
            math_block: None,
            bare_math: None,
            attr_anchor: None,
            quarto_references: quarto_references(handbook, doc),
            docfx_shorthand: docfx_shorthand(handbook, doc),
            in_xref_text: false,
            xref_search: None,
            variables: crate::load::writerside::topic_variables(
                &doc.source.path,
                doc.source.body(),
                &handbook.nav_order.variables,
                handbook.writerside,
            ),
        }
    }

    /// Text `text` with each `{{ key }}` the page or the site defines replaced by its
    /// value's events; `None` when it holds none.
    fn substituted(&self, text: &str) -> Option<Vec<Event<'a>>> {
        let mut out = Vec::new();
        let mut written = 0;
        for (range, key) in crate::load::myst_substitutions::keys_in(text) {
            let Some(value) = substitution(self.handbook, self.doc, key).and_then(inline_value)
            else {
                continue;
            };
            if range.start > written {
                out.push(Event::Text(text[written..range.start].to_string().into()));
            }
            out.extend(value);
            written = range.end;
        }
        if written == 0 {
            return None;
        }
        if written < text.len() {
            out.push(Event::Text(text[written..].to_string().into()));
        }
        Some(out)
    }

    /// One event of the body, at `range` in the cleaned body. `synthetic`: an event of a
    /// drawn MkDocs block's own (see `mkdocs_blocks`), written as it is: it holds nothing
    /// of the author's to index, resolve or sanitize.
    pub(super) fn step(&mut self, event: Event<'a>, range: Range<usize>, synthetic: bool) {
        // A Writerside project's `%product%` is its value before anything reads the text
        // (a text event, so the value is escaped like the author's own words).
        let event = match (event, self.variables.as_deref()) {
            (Event::Text(t), Some(variables)) if !synthetic && !self.in_code_block => {
                match crate::load::writerside::substituted(&t, variables) {
                    Some(shown) => Event::Text(shown.into()),
                    None => Event::Text(t),
                }
            }
            (event, _) => event,
        };
        // A MyST substitution's value is written in its place, as Markdown.
        if self.substitutes
            && !synthetic
            && !self.in_code_block
            && let Event::Text(t) = &event
            && t.contains("{{")
            && let Some(events) = self.substituted(t)
        {
            self.substitutes = false;
            for e in events {
                self.step(e, range.clone(), false);
            }
            self.substitutes = true;
            return;
        }
        if self.in_xref_text {
            if let Event::InlineHtml(t) = &event
                && t.trim().eq_ignore_ascii_case("</xref>")
            {
                self.in_xref_text = false;
            }
            // A block that ends before `</xref>` ends the text too.
            if !matches!(
                event,
                Event::End(
                    TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell
                )
            ) {
                return;
            }
            self.in_xref_text = false;
        }
        let Some(event) = self.unwrap(event, &range, synthetic) else {
            return;
        };
        self.place(&event, &range, synthetic);
        if self.in_toctree {
            self.in_toctree = !matches!(event, Event::End(TagEnd::CodeBlock));
            return;
        }
        if !synthetic && self.draw_myst(&event, &range) {
            return;
        }
        self.track(&event, synthetic);
        let Some(event) = self.inline(event, &range, synthetic) else {
            return;
        };
        let event = if synthetic {
            event
        } else {
            match self.transform(event, &range) {
                Some(event) => event,
                None => return,
            }
        };
        // The end of a link that leads nowhere, opened as a marked span.
        let event = match event {
            Event::End(TagEnd::Link) if self.broken_open > 0 => {
                self.broken_open -= 1;
                self.own_html = true;
                Event::InlineHtml("</span>".into())
            }
            event => event,
        };
        self.gather(&event, &range, synthetic);
        self.push(event, &range, synthetic);
    }

    /// Where `range` of the cleaned body is in the file.
    fn span(&self, range: &Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }

    /// The destination to write for a link orgbook draws from a MyST construct.
    fn destination(&mut self, target: &str, image: bool, span: Range<usize>) -> Option<CowStr<'a>> {
        drawn_destination(
            &mut self.repeated,
            self.handbook,
            self.id,
            (self.from_dir, &self.root),
            (target, image),
            span,
            &mut self.rendered,
            self.diags,
        )
    }

    /// Step 1: events another construct replaces. A paragraph that is a bare
    /// `\begin{align}` … `\end{align}` (MyST's amsmath): its first event becomes the
    /// formula, the others go. After an anchor written as an empty link, its link's end
    /// goes and its `{#id}` is cut from the text.
    fn unwrap(
        &mut self,
        event: Event<'a>,
        range: &Range<usize>,
        synthetic: bool,
    ) -> Option<Event<'a>> {
        let event = match (&mut self.bare_math, event) {
            (Some(_), event @ Event::End(TagEnd::Paragraph)) => {
                self.bare_math = None;
                event
            }
            (Some(tex), _) if tex.is_empty() => return None,
            (Some(tex), _) => Event::DisplayMath(std::mem::take(tex).into()),
            (None, event) => event,
        };
        if let Event::Start(Tag::Paragraph) = event
            && !synthetic
            && let Some(tex) = crate::math::bare_environment(self.body, range.clone())
        {
            self.bare_math = Some(tex.to_string());
        }
        match (&mut self.attr_anchor, event) {
            (Some(_), Event::End(TagEnd::Link)) => None,
            // The parser splits text at a delimiter it may pair (`{#_Toc1}`'s `_`).
            (Some(written), Event::Text(t))
                if t.len() < written.len() && written.starts_with(&*t) =>
            {
                written.drain(..t.len());
                None
            }
            (Some(written), Event::Text(t)) => {
                let rest = t.strip_prefix(written.as_str()).map(str::to_string);
                self.attr_anchor = None;
                match rest {
                    Some(rest) if rest.is_empty() => None,
                    Some(rest) => Some(Event::Text(rest.into())),
                    None => Some(Event::Text(t)),
                }
            }
            (_, event) => Some(event),
        }
    }

    /// Step 2: what goes in before the event's block: other generators' callouts closed
    /// and opened, MyST labels' anchors, a drawn MkDocs block's title as searchable text.
    fn place(&mut self, event: &Event<'a>, range: &Range<usize>, synthetic: bool) {
        // Of a drawn MkDocs block's own events, only its start is a block's.
        let block_event = match event {
            Event::Start(_) => true,
            Event::End(_) => false,
            // A line of a block of raw HTML: the block is written whole at its end, and
            // the callouts inside it are cut there (`callouts_in_block`). Opened here, one
            // would be written before the block, empty.
            Event::Html(_) if self.raw_block.is_some() => false,
            _ => !synthetic,
        };
        if block_event {
            self.close_and_open_callouts(range.start);
        }
        if !synthetic
            && !self.block_labels.is_empty()
            && let Event::Start(tag) = event
        {
            self.label_anchors(tag, range);
        }
        // A drawn MkDocs block's title is the author's text: searchable where it stands.
        if synthetic
            && matches!(event, Event::Start(Tag::HtmlBlock))
            && let Some(title) = self.found.block_titles.remove(&range.start)
        {
            self.rendered.text.push_str(&title);
            self.rendered.text.push('\n');
        }
    }

    /// Another generator's callout (see `Callouts`): closed before the first top-level
    /// block (or rule) past its closing line, opened before the first one past its
    /// opening line.
    fn close_and_open_callouts(&mut self, at: usize) {
        let callouts = &mut self.found.callouts;
        // Close (innermost first) the callouts whose closing line this block is past.
        while self.depth > 0
            && self.depth == callouts.open.len()
            && let Some(&top) = callouts.open.last()
            && at >= top.until
        {
            self.events.push(top.close());
            self.depth -= 1;
            callouts.open.pop();
        }
        if self.depth != callouts.open.len() {
            return;
        }
        while let Some(c) = self.found.callouts.pending.pop_front() {
            let callouts = &mut self.found.callouts;
            if c.at > at {
                callouts.pending.push_front(c);
                break;
            }
            // An admonition closed before this block holds nothing, and one that would
            // close after the one around it is not nested in it: not drawn.
            let Some(until) = c.until.filter(|&u| {
                u > at && (u == usize::MAX || callouts.open.last().is_none_or(|o| u <= o.until))
            }) else {
                continue;
            };
            let open = OpenCallout {
                kind: c.kind,
                until,
                shape: c.shape,
            };
            self.open_callout(c);
            self.found.callouts.open.push(open);
            // No break: an admonition may open first thing inside this one.
        }
    }

    /// Writes the start of callout `c` (its title first) and counts it open.
    fn open_callout(&mut self, c: Callout) {
        if self.depth == 0 {
            self.region.block_start = self.events.len();
        }
        // The author's own title is searchable; a default one ("Note") is not.
        if !c.title.is_empty() {
            self.rendered.text.push_str(&c.title);
            self.rendered.text.push('\n');
        }
        let title = if !c.title.is_empty() {
            c.title
        } else if c.shape == Shape::Details {
            "Details".to_string()
        } else {
            alert_title(c.kind).to_string()
        };
        if c.shape == Shape::Tab {
            self.events.push(Event::Html(
                format!(
                    "<section class=\"content-tab\">\n<p class=\"content-tab-title\"><strong>{}</strong></p>\n",
                    crate::text::escape_html(&title)
                )
                .into(),
            ));
        } else if c.shape == Shape::Details {
            self.events.push(Event::Html(
                format!(
                    "<details class=\"markdown-alert markdown-alert-{}\">\n<summary>{}</summary>\n",
                    alert_class(c.kind),
                    crate::text::escape_html(&title)
                )
                .into(),
            ));
        } else {
            self.events.extend([
                Event::Start(Tag::BlockQuote(Some(c.kind))),
                Event::Start(Tag::Paragraph),
                Event::Text(title.into()),
                Event::End(TagEnd::Paragraph),
            ]);
        }
        self.depth += 1;
    }

    /// The anchors of MyST labels, before the first block at or after the label's line, or
    /// a paragraph (code block, table) that holds it; a list or quote only from where it
    /// starts. A glossary's term gets its anchor inside its `<dt>`.
    fn label_anchors(&mut self, tag: &Tag, range: &Range<usize>) {
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
            && let Some(label) = self.block_labels.pop_front()
        {
            if label.at > range.start && !(leaf && label.at < range.end) {
                self.block_labels.push_front(label);
                break;
            }
            if inside {
                self.term_anchors.push(label_anchor(&label));
            } else {
                self.events.push(label_anchor(&label));
            }
        }
    }

    /// Step 3: a MyST directive or role drawn as Sphinx draws it. True when the event was
    /// drawn (and so is consumed).
    fn draw_myst(&mut self, event: &Event<'a>, range: &Range<usize>) -> bool {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if self.depth == self.found.callouts.open.len() =>
            {
                let Some((name, arg)) = crate::dialects::myst::myst_directive(info) else {
                    return false;
                };
                if name == "toctree" {
                    self.toctree(range);
                    return true;
                }
                match crate::dialects::myst::drawn_directive(self.body, range.clone(), name, arg) {
                    Some(drawn) => {
                        self.directive(drawn, range);
                        true
                    }
                    None => false,
                }
            }
            Event::Code(code) => match self.found.roles.front().filter(|r| r.0 == range.start) {
                Some(&(_, role, name_len)) => {
                    self.found.roles.pop_front();
                    self.role(role, code, name_len, range);
                    true
                }
                None => false,
            },
            _ => false,
        }
    }

    /// Sphinx draws a toctree as the list of the pages it names (nothing when hidden): so
    /// does orgbook, each entry a link resolved like any other.
    fn toctree(&mut self, range: &Range<usize>) {
        self.in_toctree = true;
        let tree = crate::dialects::myst::toctree(self.body, range.clone());
        if tree.hidden || tree.entries.is_empty() {
            return;
        }
        if let Some(caption) = tree.caption {
            self.events
                .extend(styled_paragraph(Tag::Strong, caption, &mut self.rendered));
        }
        self.events.push(Event::Start(Tag::List(None)));
        for (title, target, line) in tree.entries {
            let at = line.start + self.offset..line.end + self.offset;
            let href = self.destination(&target, false, at);
            let shown = title
                .or_else(|| {
                    Some(linked_title(
                        self.handbook,
                        self.from_dir,
                        &target,
                        &mut self.title_deps,
                    ))
                    .filter(|t| !t.is_empty())
                })
                .unwrap_or_else(|| target.clone());
            self.rendered.text.push_str(&shown);
            self.rendered.text.push('\n');
            let dest = href.map_or_else(|| target.clone(), |h| h.into_string());
            self.events.extend(crate::dialects::myst::wrapped(
                Tag::Item,
                crate::dialects::myst::link_tag(dest),
                shown,
            ));
        }
        self.events.push(Event::End(TagEnd::List(false)));
    }

    /// A MyST directive drawn as Sphinx draws it (see `myst::Drawn`); its lines are not code.
    fn directive(&mut self, drawn: crate::dialects::myst::Drawn, range: &Range<usize>) {
        self.in_toctree = true;
        let span = self.span(range);
        match drawn {
            crate::dialects::myst::Drawn::Nothing => {}
            crate::dialects::myst::Drawn::Button { href, text } => {
                let dest = self.destination(&href, false, span);
                let shown = if text.is_empty() { href.clone() } else { text };
                self.rendered.text.push_str(&shown);
                self.rendered.text.push('\n');
                let dest = dest.map_or(href, |h| h.into_string());
                self.events.extend(crate::dialects::myst::wrapped(
                    Tag::Paragraph,
                    crate::dialects::myst::link_tag(dest),
                    shown,
                ));
            }
            crate::dialects::myst::Drawn::Line(text) => {
                self.events
                    .extend(styled_paragraph(Tag::Emphasis, text, &mut self.rendered));
            }
            crate::dialects::myst::Drawn::Rubric(text) => {
                self.events
                    .extend(styled_paragraph(Tag::Strong, text, &mut self.rendered));
            }
            crate::dialects::myst::Drawn::Image { src, alt, caption } => {
                let href = self.destination(&src, true, span);
                self.events.extend([
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
                    self.events.extend(styled_paragraph(
                        Tag::Emphasis,
                        caption,
                        &mut self.rendered,
                    ));
                }
            }
        }
    }

    /// A MyST role (`{doc}`, `{ref}`, `{math}`…) drawn from its code span.
    fn role(
        &mut self,
        role: crate::dialects::found::Role,
        code: &str,
        name_len: usize,
        range: &Range<usize>,
    ) {
        let span = self.span(range);
        // The role's name, `{pep}`, ends the text right before the span: not text.
        let body = self.body;
        let name = &body[range.start - name_len..range.start];
        if let Some(Event::Text(before)) = self.events.last_mut()
            && before.ends_with(name)
        {
            *before = CowStr::from(before[..before.len() - name_len].to_string());
            if self.rendered.text.ends_with(name) {
                self.rendered
                    .text
                    .truncate(self.rendered.text.len() - name_len);
            }
            if self.in_heading.is_some() && self.heading_text.ends_with(name) {
                self.heading_text
                    .truncate(self.heading_text.len() - name_len);
            }
        }
        let (handbook, from_dir) = (self.handbook, self.from_dir);
        let drawn = crate::dialects::myst::role_events(role, code, &mut |target, label| {
            let title = if label {
                // A label, never a file: an undefined one is shown as text.
                let Some((to, _, heading)) = handbook.myst_labels.get(target) else {
                    return (target.to_string(), String::new());
                };
                self.title_deps.push(*to);
                if heading.is_empty() {
                    // A label above a page's first line names the page: its title.
                    let page = &handbook.docs[*to].source.path;
                    linked_title(
                        handbook,
                        "",
                        &format!("/{}", page.trim_start_matches("content/")),
                        &mut self.title_deps,
                    )
                } else {
                    heading.clone()
                }
            } else {
                linked_title(handbook, from_dir, target, &mut self.title_deps)
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
                &mut self.repeated,
                handbook,
                self.id,
                (from_dir, &self.root),
                (&target_as_link, false),
                span.clone(),
                &mut self.rendered,
                self.diags,
            );
            (
                href.map_or_else(|| target.to_string(), |h| h.to_string()),
                title,
            )
        });
        let shown = drawn.text;
        if self.in_heading.is_some() {
            self.heading_text.push_str(&shown);
        }
        self.rendered.text.push_str(&shown);
        for event in drawn.events {
            let event = match event {
                Event::InlineMath(tex) => formula(
                    tex,
                    false,
                    self.doc,
                    span.clone(),
                    &mut self.rendered,
                    self.diags,
                ),
                other => other,
            };
            self.events.push(event);
        }
    }

    /// Where the event leaves the page: still in its prelude (see `prelude`), in a code
    /// block, in an image.
    fn track(&mut self, event: &Event<'a>, synthetic: bool) {
        match event {
            Event::End(_) if synthetic => self.prelude = false,
            _ if synthetic => {}
            Event::Start(Tag::Paragraph) => self.para_has_text = false,
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if self.image_depth == 0 && !t.trim().is_empty() => {
                self.para_has_text = true
            }
            Event::End(TagEnd::Paragraph) if self.para_has_text => self.prelude = false,
            Event::End(
                TagEnd::Paragraph
                | TagEnd::HtmlBlock
                | TagEnd::Link
                | TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Heading(HeadingLevel::H1),
            ) => {}
            Event::End(TagEnd::Heading(_)) => self.prelude = false,
            Event::End(_) if self.in_heading.is_none() => self.prelude = false,
            _ => {}
        }
        match event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code_block = true,
            Event::End(TagEnd::CodeBlock) => self.in_code_block = false,
            Event::Start(Tag::Link { .. }) => self.link_depth += 1,
            Event::End(TagEnd::Link) => self.link_depth = self.link_depth.saturating_sub(1),
            Event::Start(Tag::BlockQuote(_)) => self.quote_depth += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                self.quote_depth = self.quote_depth.saturating_sub(1)
            }
            _ => {}
        }
    }

    /// Step 4: inline text other generators write: abbreviations, wikilinks' text, emoji
    /// codes, an embedded note's end, a link without text.
    fn inline(
        &mut self,
        event: Event<'a>,
        range: &Range<usize>,
        synthetic: bool,
    ) -> Option<Event<'a>> {
        if !self.found.abbreviations.is_empty()
            && !synthetic
            && !self.in_code_block
            && self.image_depth == 0
            && self.in_heading.is_none()
            && let Event::Text(t) = &event
            && let Some(html) = self.found.abbreviations.wrap(t)
        {
            self.rendered.text.push_str(t);
            self.events.push(Event::InlineHtml(html.into()));
            return None;
        }
        // An unresolved wikilink is its text: its start was skipped, so is its end.
        if self.unlinked_depth > 0 {
            match event {
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    self.unlinked_depth -= 1;
                    if let Some(text) = self.unlinked_text.take() {
                        self.rendered.text.push_str(&text);
                        self.events.push(Event::Text(text.into()));
                    }
                    return None;
                }
                Event::Text(_) if self.unlinked_text.is_some() => return None,
                _ => {}
            }
        }
        // A GitHub-wiki link (`[[Link text|Page]]`) shows the text written first.
        if let Some((at, text)) = &self.wiki_text
            && self.events.len() > *at
        {
            match &event {
                // (An embedded note's end is still its image's here.)
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    self.rendered.text.push_str(text);
                    self.events.push(Event::Text(text.clone().into()));
                    self.wiki_text = None;
                }
                Event::Text(_) => return None,
                _ => {}
            }
        }
        // GitHub's emoji codes (`:tada:`) are the emoji; a heading keeps its id from the
        // code, as GitHub's anchors do (`## :rocket: Launch` is `#rocket-launch`).
        if !synthetic
            && !self.in_code_block
            && let Event::Text(t) = &event
            && let Some(shown) = with_emoji(t)
        {
            if self.in_heading.is_some() {
                self.heading_text.push_str(t);
            }
            self.rendered.text.push_str(&shown);
            self.events.push(Event::Text(shown.into()));
            return None;
        }
        // A Quarto cross-reference (`@sec-intro`, `[@sec-intro]`) is a link to its heading.
        if self.quarto_references
            && !synthetic
            && !self.in_code_block
            && self.link_depth == 0
            && self.image_depth == 0
            && let Event::Text(t) = &event
            && t.contains("@sec-")
        {
            let t = t.to_string();
            if self.in_heading.is_some() {
                self.heading_text.push_str(&t);
            }
            self.cross_references(&t, range);
            return None;
        }
        // DocFX's shorthand (`@intro-page`) is a link to the page with that uid.
        if self.docfx_shorthand
            && !synthetic
            && !self.in_code_block
            && self.link_depth == 0
            && self.image_depth == 0
            && self.region.balance <= 0
            && let Event::Text(t) = &event
            && t.contains('@')
            && let Some(pieces) = self.docfx_references(t, range)
        {
            if self.in_heading.is_some() {
                self.heading_text.push_str(t);
            }
            for piece in pieces {
                match piece {
                    Event::Text(text) => match autolinks(&text) {
                        Some(linked) => {
                            self.rendered.text.push_str(&text);
                            self.events.extend(linked);
                        }
                        None => {
                            self.rendered.text.push_str(&text);
                            self.events.push(Event::Text(text));
                        }
                    },
                    event => self.events.push(event),
                }
            }
            return None;
        }
        // A bare address in text (`https://status.example.com`, `help@example.com`) is a
        // link, as GitHub shows it: not in code, in a link or image, or in raw HTML (whose
        // `<a>` may hold it).
        if !synthetic
            && !self.in_code_block
            && self.link_depth == 0
            && self.image_depth == 0
            && self.region.balance <= 0
            && let Event::Text(t) = &event
            && let Some(linked) = autolinks(t)
        {
            if self.in_heading.is_some() {
                self.heading_text.push_str(t);
            }
            self.rendered.text.push_str(t);
            self.events.extend(linked);
            return None;
        }
        // The end of an embedded note drawn as a link (image depth already counted down).
        let event = if self.embedded_notes > 0 && matches!(event, Event::End(TagEnd::Image)) {
            self.embedded_notes -= 1;
            Event::End(TagEnd::Link)
        } else {
            event
        };
        if let Event::End(TagEnd::Link) = &event
            && let Some((at, title)) = self.empty_link_title.take()
            && self.events.len() == at + 1
        {
            self.rendered.text.push_str(&title);
            self.events.push(Event::Text(title.into()));
        }
        Some(event)
    }

    /// Text with Quarto cross-references, as events: each `@sec-x` that names a heading's
    /// id (`## Setup {#sec-x}`, on this page or another) a link to it showing the
    /// heading's text, the brackets of `[@sec-x]` dropped; one that names none is left as
    /// written and reported at its place. `range` is the text's in the body.
    fn cross_references(&mut self, text: &str, range: &Range<usize>) {
        let span = self.span(range);
        // Offsets in the text are the file's only when the parser gave it as written.
        let exact = range.len() == text.len();
        let mut written = 0;
        let mut at = 0;
        while let Some(found) = text[at..].find("@sec-") {
            let start = at + found;
            at = start + 1;
            let mention = text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let Some(label) = quarto_label(&text[start + 1..]).filter(|_| !mention) else {
                continue;
            };
            let end = start + 1 + label.len();
            let here = if exact {
                span.start + start..span.start + end
            } else {
                span.clone()
            };
            let Some((to, _, heading)) = self.handbook.myst_labels.get(label) else {
                self.diags.push(
                    Diagnostic::warning(
                        "broken-link",
                        &self.doc.source.path,
                        format!("`@{label}` refers to no heading: none in the handbook has the id `{label}`"),
                    )
                    .with_help(format!("give the heading it means that id (`## Title {{#{label}}}`), or fix the name"))
                    .at(&self.doc.source.text, here),
                );
                continue;
            };
            let (to, heading) = (*to, heading.clone());
            let bracketed = text[..start].ends_with('[') && text[end..].starts_with(']');
            let (cut_start, cut_end) = if bracketed {
                (start - 1, end + 1)
            } else {
                (start, end)
            };
            let Some(href) = self.destination(&format!("#{label}"), false, here) else {
                continue;
            };
            self.title_deps.push(to);
            let shown = if heading.is_empty() {
                label.to_string()
            } else {
                heading
            };
            let before = &text[written..cut_start];
            self.rendered.text.push_str(before);
            self.rendered.text.push_str(&shown);
            self.events.push(Event::Text(before.to_string().into()));
            self.events.extend(inline_link(href, shown));
            written = cut_end;
            at = cut_end;
        }
        let rest = &text[written..];
        self.rendered.text.push_str(rest);
        self.events.push(Event::Text(rest.to_string().into()));
    }

    /// Text with DocFX's shorthand references, as events: each `@uid` (not right after a
    /// word, so no e-mail address) that names a page's uid is a link to that page showing
    /// its title; the rest is text, and an `@name` no page has stays as written, unreported
    /// (a mention, a package scope). `None` when the text names no uid.
    fn docfx_references(&mut self, text: &str, range: &Range<usize>) -> Option<Vec<Event<'a>>> {
        let span = self.span(range);
        let exact = range.len() == text.len();
        let mut out = Vec::new();
        let mut written = 0;
        for (at, _) in text.match_indices('@') {
            if at < written {
                continue;
            }
            let after_word = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '/' | '\\'));
            if after_word {
                continue;
            }
            let Some((uid, len)) = docfx_uid(&text[at + 1..]) else {
                continue;
            };
            let Some(&to) = self.handbook.uids.get(uid.trim()) else {
                continue;
            };
            let end = at + 1 + len;
            let here = if exact {
                span.start + at..span.start + end
            } else {
                span.clone()
            };
            let path = &self.handbook.docs[to].source.path;
            let target = format!("/{}", path.strip_prefix("content/").unwrap_or(path));
            let shown = linked_title(self.handbook, self.from_dir, &target, &mut self.title_deps);
            let Some(href) = self.destination(&target, false, here) else {
                continue;
            };
            let shown = if shown.is_empty() {
                uid.to_string()
            } else {
                shown
            };
            if at > written {
                out.push(Event::Text(text[written..at].to_string().into()));
            }
            self.rendered.text.push_str(&shown);
            out.extend(inline_link(href, shown));
            written = end;
        }
        if out.is_empty() {
            return None;
        }
        if written < text.len() {
            out.push(Event::Text(text[written..].to_string().into()));
        }
        Some(out)
    }

    /// Where the `</xref>` closing a tag that ends at `from` starts: the first in the rest
    /// of its paragraph. Linear over a paragraph of many tags ([`Self::xref_search`]).
    fn closing_xref_after(&mut self, from: usize) -> Option<usize> {
        let para_end = match self.xref_search {
            Some(XrefSearch {
                para_end,
                searched_from,
                found,
            }) if (searched_from..para_end).contains(&from) => {
                // Nothing closes between where the last search began and what it found.
                if found.is_none_or(|close| close >= from) {
                    return found;
                }
                para_end
            }
            _ => {
                let after = self.body.get(from..).unwrap_or_default();
                from + after.find("\n\n").unwrap_or(after.len())
            }
        };
        let found = self
            .body
            .get(from..para_end)
            .and_then(|para| find_ascii_case_insensitive(para, "</xref>"))
            .map(|close| from + close);
        self.xref_search = Some(XrefSearch {
            para_end,
            searched_from: from,
            found,
        });
        found
    }

    /// DocFX's cross-reference tag, `<xref href="uid"/>` (`text="…"` shows that text, else
    /// the page's title), as a link to the page with that uid; one no page has is
    /// reported as an `xref:` link is, and shown as its text. `None` for any other HTML.
    fn xref_tag(&mut self, html: &str, range: &Range<usize>) -> Option<()> {
        let tag = html.trim();
        let name = tag.get(..5)?;
        if !name.eq_ignore_ascii_case("<xref")
            || !tag[5..].starts_with(|c: char| c.is_ascii_whitespace())
            || !tag.ends_with('>')
        {
            return None;
        }
        let uid = tag_attribute(tag, "href").or_else(|| tag_attribute(tag, "uid"))?;
        let uid = uid.trim();
        let (uid, fragment) = uid.split_once('#').unwrap_or((uid, ""));
        let uid = uid.split('?').next().unwrap_or(uid);
        let mut text = tag_attribute(tag, "text")
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.into_owned());
        // `<xref href="uid">the text</xref>`: the text between is what the link shows (the
        // page's title when there is none); the events up to the closing tag are dropped.
        if !tag.ends_with("/>")
            && let Some(close) = self.closing_xref_after(range.end)
        {
            self.in_xref_text = true;
            // Its Markdown as plain text (`*the* reviews` is "the reviews").
            let inner: String = pulldown_cmark::Parser::new(&self.body[range.end..close])
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.into_string()),
                    Event::SoftBreak => Some(" ".to_string()),
                    _ => None,
                })
                .collect();
            let inner = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_none() && !inner.is_empty() {
                text = Some(inner);
            }
        }
        let span = self.span(range);
        let Some(&to) = self.handbook.uids.get(uid) else {
            self.names_nothing(span, || {
                (
                    format!("`<xref href=\"{uid}\">` names no page: none has `uid: {uid}` in its front matter"),
                    "give the page it means that `uid`, or link to its file; it is shown as text meanwhile (an API's uid is resolved only by DocFX)",
                )
            });
            let shown = text.unwrap_or_else(|| uid.to_string());
            self.rendered.text.push_str(&shown);
            self.events.push(Event::Text(shown.into()));
            return Some(());
        };
        let path = &self.handbook.docs[to].source.path;
        let mut target = format!("/{}", path.strip_prefix("content/").unwrap_or(path));
        if !fragment.is_empty() {
            target = format!("{target}#{fragment}");
        }
        let shown = match text {
            Some(t) => t,
            None => linked_title(self.handbook, self.from_dir, &target, &mut self.title_deps),
        };
        let shown = if shown.is_empty() {
            uid.to_string()
        } else {
            shown
        };
        let href = self.destination(&target, false, span)?;
        self.rendered.text.push_str(&shown);
        self.events.extend(inline_link(href, shown));
        Some(())
    }

    /// Whether the HTML block `piece` (at `start` in the file) is one DocFX cross-reference
    /// tag on one line (`<xref href="uid"/>`, or `<xref href="uid">text</xref>`), drawn as
    /// a paragraph holding its link.
    fn docfx_tag_block(&mut self, piece: &str, start: usize) -> bool {
        let tag = piece.trim();
        if !tag
            .get(..5)
            .is_some_and(|n| n.eq_ignore_ascii_case("<xref"))
            || tag.contains('\n')
        {
            return false;
        }
        let Some(open_end) = tag.find('>') else {
            return false;
        };
        let rest = &tag[open_end + 1..];
        let whole = rest.is_empty()
            || find_ascii_case_insensitive(rest, "</xref>") == Some(rest.len() - "</xref>".len());
        if !whole {
            return false;
        }
        let at = start.saturating_sub(self.offset) + (piece.len() - piece.trim_start().len());
        let range = at..at + open_end + 1;
        let events = self.events.len();
        self.events.push(Event::Start(Tag::Paragraph));
        if self.xref_tag(&tag[..=open_end], &range).is_none() {
            self.events.truncate(events);
            self.in_xref_text = false;
            return false;
        }
        // The closing tag is in this block: nothing follows to drop.
        self.in_xref_text = false;
        self.events.push(Event::End(TagEnd::Paragraph));
        true
    }

    /// Step 5: the author's event itself, with its plain text for search.
    fn transform(&mut self, event: Event<'a>, range: &Range<usize>) -> Option<Event<'a>> {
        let span = self.span(range);
        let event = match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if self.prelude && level == HeadingLevel::H1 && self.rendered.leading_h1.is_none() {
                    self.rendered.leading_h1 = Some(String::new());
                }
                self.in_heading = Some(self.events.len());
                self.heading_text.clear();
                self.heading_html_id = None;
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                self.heading_end(level);
                self.rendered.text.push('\n');
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
                    && let Some((id, written)) = empty_link_anchor(self.body, range.clone()) =>
            {
                let html = format!("<span id=\"{}\"></span>", crate::text::escape_html(id));
                self.rendered.anchors.push(id.to_string());
                self.attr_anchor = Some(written.to_string());
                Event::InlineHtml(html.into())
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let no_target = matches!(
                    &tag,
                    Tag::Link { link_type: LinkType::Inline, dest_url, .. } if dest_url.trim().is_empty()
                );
                if no_target {
                    // (A draft chapter of mdBook's `SUMMARY.md` is reported by
                    // `link::summary`: that file is no page.)
                    let d = Diagnostic::warning(
                        "broken-link",
                        &self.doc.source.path,
                        "a link with no target (`[text]()`): it leads nowhere",
                    )
                    .with_help("write the page's path or the address between the parentheses, or drop the link");
                    self.diags.push(d.at(&self.doc.source.text, span.clone()));
                }
                let broken_before = self.rendered.broken_links;
                let tag = self.link_start(tag, range)?;
                match tag {
                    // Reported above (a warning under `[links] broken = "warn"`, and always
                    // for a link with no target): the page shows where the link was meant to
                    // go without sending anyone to a 404 or back to the page itself.
                    Tag::Link { dest_url, .. }
                        if self.rendered.broken_links > broken_before || no_target =>
                    {
                        self.broken_open += 1;
                        self.own_html = true;
                        let title = match no_target {
                            true => "This link has no target yet".to_string(),
                            false => format!(
                                "This link leads nowhere yet: {}",
                                crate::text::escape_html(&dest_url)
                            ),
                        };
                        Event::InlineHtml(
                            format!("<span class=\"broken-link\" title=\"{title}\">").into(),
                        )
                    }
                    tag => Event::Start(tag),
                }
            }
            // Raw HTML: a block arrives line by line and is handled whole.
            Event::Start(Tag::HtmlBlock) => {
                self.raw_block = Some((String::new(), span.start));
                return None;
            }
            Event::Html(t) if self.raw_block.is_some() => {
                if let Some((piece, _)) = self.raw_block.as_mut() {
                    piece.push_str(&t);
                }
                return None;
            }
            Event::End(TagEnd::HtmlBlock) => {
                let (piece, start) = self.raw_block.take().unwrap_or_default();
                // DocFX's `<xref href="uid"/>` alone on a line is an HTML block to the
                // parser: a paragraph holding the link.
                if self.docfx_tag_block(&piece, start) {
                    return None;
                }
                // Comments below the block's first line reach here (`leftovers::clean`
                // keeps them so the block stays one); none reaches the page.
                let piece = match crate::dialects::leftovers::blank_comments(&piece) {
                    Cow::Owned(blanked) => blanked,
                    Cow::Borrowed(_) => piece,
                };
                let cuts = self.callouts_in_block(&piece, start, range);
                if !cuts.is_empty() {
                    return Some(self.block_with_callouts(&piece, start, range, cuts));
                }
                self.html_block_piece(piece, start)
            }
            Event::InlineHtml(t)
                if t.get(..5).is_some_and(|n| n.eq_ignore_ascii_case("<xref"))
                    && self.xref_tag(&t, range).is_some() =>
            {
                return None;
            }
            // A highlight's `==`, an insertion's `++`, a quote's `[name=…]`
            // (`dialects::hackmd`): the author wrote no HTML, so it is drawn whatever the
            // raw-HTML policy.
            Event::InlineHtml(t)
                if crate::dialects::hackmd::own_tag(&t, self.body.get(range.clone())) =>
            {
                self.own_html = true;
                Event::InlineHtml(t)
            }
            Event::InlineHtml(t)
                if t.starts_with("<Badge")
                    && let Some(html) = badge(&t) =>
            {
                if let Some(text) = tag_attribute(&t, "text") {
                    self.rendered.text.push_str(&text);
                    self.rendered.text.push(' ');
                }
                self.own_html = true;
                Event::InlineHtml(html.into())
            }
            Event::Html(t) | Event::InlineHtml(t) => match self.raw_html(&t, span.start) {
                Some(html) if self.in_heading.is_some() && self.heading_html_id.is_none() => {
                    self.heading_html_id = anchor_id(&html);
                    Event::InlineHtml(html.into())
                }
                Some(html) => Event::InlineHtml(html.into()),
                None => Event::Text(t),
            },
            // A MyST code directive's options (`:linenos:`, `:caption: x`) open its text.
            Event::Text(t) if self.code_options => {
                let mut rest: &str = &t;
                while let Some((line, after)) = rest.split_once('\n')
                    && crate::dialects::myst::is_option(line)
                {
                    rest = after;
                }
                if crate::dialects::myst::is_option(rest) && !rest.contains('\n') {
                    rest = "";
                }
                self.code_options = rest.is_empty();
                let t = CowStr::from(rest.to_string());
                if self.diagram.is_none() {
                    self.rendered.text.push_str(&t);
                }
                Event::Text(t)
            }
            event @ Event::End(TagEnd::CodeBlock) if self.code_options => {
                self.code_options = false;
                self.rust_code = false;
                self.rendered.text.push('\n');
                event
            }
            Event::InlineMath(tex) if !crate::math::is_inline_formula(self.body, range.clone()) => {
                let shown = format!("${tex}$");
                if self.in_heading.is_some() {
                    self.heading_text.push_str(&shown);
                }
                self.rendered.text.push_str(&shown);
                Event::Text(shown.into())
            }
            Event::InlineMath(tex) => {
                if self.in_heading.is_some() {
                    self.heading_text.push_str(&tex);
                }
                self.rendered.text.push_str(&crate::math::searchable(&tex));
                formula(tex, false, self.doc, span, &mut self.rendered, self.diags)
            }
            Event::DisplayMath(tex) => {
                self.rendered.text.push_str(&crate::math::searchable(&tex));
                formula(tex, true, self.doc, span, &mut self.rendered, self.diags)
            }
            // MyST's label after a display formula, `$$ … $$ (eq-label)`: an anchor before
            // the paragraph (`myst::block_labels`), not text.
            Event::Text(t)
                if matches!(self.events.last(), Some(Event::DisplayMath(_)))
                    && crate::dialects::myst::equation_label(&t).is_some() =>
            {
                return None;
            }
            Event::Text(t) if self.rust_code => {
                let t = without_hidden_rust_lines(t);
                self.rendered.text.push_str(&t);
                Event::Text(t)
            }
            Event::Text(t) => {
                if self.in_heading.is_some() {
                    self.heading_text.push_str(&t);
                }
                // A diagram's source (`flowchart LR`, `-->|label|`) is no text to find or
                // to show in a search result; of a ```` ```math ```` block's TeX, only its
                // words are (added at its end).
                if self.diagram.is_none() && self.math_block.is_none() {
                    self.rendered.text.push_str(&t);
                }
                Event::Text(t)
            }
            Event::Code(t) => {
                if self.in_heading.is_some() {
                    self.heading_text.push_str(&t);
                }
                self.rendered.text.push_str(&t);
                Event::Code(t)
            }
            event @ (Event::SoftBreak | Event::HardBreak) => {
                self.rendered.text.push(' ');
                event
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                let info = match fence_caption(&info) {
                    Some((language, caption)) => {
                        // Above the block in italics, as a literalinclude's caption.
                        if let Some(caption) = caption {
                            self.rendered.text.push_str(&caption);
                            self.rendered.text.push('\n');
                            self.events.extend([
                                Event::Start(Tag::Paragraph),
                                Event::Start(Tag::Emphasis),
                                Event::Text(caption.into()),
                                Event::End(TagEnd::Emphasis),
                                Event::End(TagEnd::Paragraph),
                            ]);
                        }
                        CowStr::from(language)
                    }
                    None => info,
                };
                let language = self.code_block_language(info, range, span);
                self.rust_code = is_rust(&language);
                Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(language)))
            }
            event @ Event::End(TagEnd::CodeBlock) => {
                self.rust_code = false;
                self.rendered.text.push('\n');
                event
            }
            event @ Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::DefinitionListTitle
                | TagEnd::DefinitionListDefinition,
            ) => {
                self.rendered.text.push('\n');
                event
            }
            other => other,
        };
        Some(event)
    }

    /// A heading ends: its id (written, or made from its text and unique on the page), the
    /// page's title if it is the leading `#` heading, its entry in the table of contents.
    fn heading_end(&mut self, level: HeadingLevel) {
        let Some(start) = self.in_heading.take() else {
            return;
        };
        let Event::Start(Tag::Heading { id, .. }) = &mut self.events[start] else {
            return;
        };
        let written = self.heading_text.trim();
        // Its id from the emoji codes as written, its text with the emoji.
        let text = with_emoji(written).unwrap_or_else(|| written.to_string());
        // An anchor written inside (`## <a id="setup">Setup</a>`) is the heading's id: the
        // table of contents links to it, and no second element gets the same id.
        let html_id = self.heading_html_id.take().filter(|_| id.is_none());
        let own = html_id.filter(|own| self.used_ids.unique(own.clone()) == *own);
        if let Some(h1) = self.rendered.leading_h1.as_mut()
            && h1.is_empty()
            && self.rendered.headings.is_empty()
        {
            h1.push_str(&text);
        }
        let unique = match own {
            Some(own) => own,
            // An empty heading (`### ` closing a page exported from a wiki): nothing to
            // link to or list.
            None if id.is_none() && written.is_empty() => return,
            None => {
                let wanted = id
                    .as_ref()
                    .map_or_else(|| heading_id(written), |i| i.to_string());
                let unique = self.used_ids.unique(wanted);
                *id = Some(CowStr::from(unique.clone()));
                unique
            }
        };
        self.rendered.headings.push(Heading {
            level: level as u8,
            id: unique,
            text,
            quoted: self.quote_depth > 0,
        });
    }

    /// A block of raw HTML (or a part of one) as its event: Confluence's links in it,
    /// written as Markdown where the block reads none, are links
    /// (`dialects::confluence::links_in_html`); then the raw-HTML policy, which may show
    /// it as text (then the HTML shows as written).
    fn html_block_piece(&mut self, piece: String, start: usize) -> Event<'a> {
        let piece = self.code_elements_in(piece, start);
        let piece = match self.raw_policy != crate::html_policy::RawHtml::Escape
            && crate::finder!(b"](<ri:").find(piece.as_bytes()).is_some()
        {
            true => crate::dialects::confluence::links_in_html(&piece).unwrap_or(piece),
            false => piece,
        };
        match self.raw_html(&piece, start) {
            Some(html) => Event::Html(html.into()),
            None => Event::Text(piece.into()),
        }
    }

    /// `piece` (at `start` in the file) with each code span Confluence's dialect wrote in
    /// it for code whose `<code>` element did not fit in its macro (`Kind::CodeElement`)
    /// replaced by that element: in a block of HTML the span would show its backticks.
    /// The page's output is not bound to the source's offsets, as the body is. Only a
    /// span found where it was written (a block in a list or a quote loses its markers,
    /// and its offsets are not the body's): else it stays a span. Spans before the piece
    /// were in Markdown, where they read as code; each is looked at once.
    fn code_elements_in(&mut self, piece: String, start: usize) -> String {
        let from = start.saturating_sub(self.offset);
        let spans = &mut self.found.code_elements;
        while spans.front().is_some_and(|(r, _)| r.start < from) {
            spans.pop_front();
        }
        let mut out: Option<String> = None;
        let mut copied = 0;
        while let Some((r, element)) = spans.front() {
            if r.end > from + piece.len() {
                break;
            }
            let at = r.start - from..r.end - from;
            // `at.start >= copied`: spans never overlap, but a slice must not go back.
            if at.start >= copied
                && piece
                    .get(at.clone())
                    .is_some_and(|t| t.starts_with("<span>`") && t.ends_with('>'))
            {
                let o = out.get_or_insert_with(|| String::with_capacity(piece.len() + 64));
                o.push_str(&piece[copied..at.start]);
                o.push_str(element);
                copied = at.end;
            }
            spans.pop_front();
        }
        match out {
            Some(mut o) => {
                o.push_str(&piece[copied..]);
                o
            }
            None => piece,
        }
    }

    /// Where callouts open and close inside a top-level block of raw HTML `piece` (at
    /// `start` in the file), as offsets in it: Confluence panels in a page exported with
    /// no blank line between blocks, which open and close anywhere in the block (after
    /// other HTML on a line, on lines of their own, several in a block, one open since an
    /// earlier block or still open after this one). Between blocks
    /// ([`Self::close_and_open_callouts`]) none could be drawn around its body: it would
    /// open only at the next block, or close before it opened, or hold the rest of the
    /// block. The cuts are found in one walk, the opens (in body order) against the
    /// closes of the innermost callout open, as between blocks: one not closed, closed
    /// before it opens or after the callout around it is not drawn. A closing offset is
    /// past the `</div>` the panel's body ends with, so that each part of the block is
    /// whole. Empty (at the cost of a comparison or two) for a block no callout opens or
    /// closes in.
    fn callouts_in_block(
        &mut self,
        piece: &str,
        start: usize,
        range: &Range<usize>,
    ) -> Vec<(usize, Cut)> {
        let callouts = &self.found.callouts;
        let from = start.saturating_sub(self.offset);
        let to = from + piece.len();
        let inside = |at: usize| at > from && at < to;
        let opens_inside = callouts.pending.front().is_some_and(|c| inside(c.at));
        let closes_inside = callouts.open.last().is_some_and(|o| inside(o.until));
        // At the top level only (inside a list or a quote the block's lines lose their
        // markers, and offsets in it are not the body's), and in the block as written.
        if !(opens_inside || closes_inside)
            || self.depth != callouts.open.len()
            || range.start != from
            || range.end != to
        {
            return Vec::new();
        }
        // The closing offsets of the callouts open at each point, innermost last: those
        // open since earlier blocks (`open`), then those opened here.
        let mut earlier = callouts.open.len();
        let mut untils: Vec<usize> = Vec::new();
        let mut marks: Vec<(usize, Cut)> = Vec::new();
        loop {
            let callouts = &self.found.callouts;
            let innermost = match untils.last() {
                Some(&u) => Some(u),
                None => callouts.open[..earlier].last().map(|o| o.until),
            };
            let close = innermost.filter(|&u| inside(u));
            let open = callouts
                .pending
                .front()
                .map(|c| c.at)
                .filter(|&at| inside(at));
            match (close, open) {
                // A close before an open at the same place (one panel after another).
                (Some(u), o) if o.is_none_or(|at| u <= at) => {
                    marks.push((u - from, Cut::Close));
                    // Else one open since an earlier block (`block_with_callouts` pops it).
                    if untils.pop().is_none() {
                        earlier -= 1;
                    }
                }
                (_, Some(_)) => {
                    let Some(c) = self.found.callouts.pending.pop_front() else {
                        break;
                    };
                    let Some(until) = c.until.filter(|&u| {
                        u > c.at && (u == usize::MAX || innermost.is_none_or(|o| u <= o))
                    }) else {
                        continue;
                    };
                    untils.push(until);
                    marks.push((c.at - from, Cut::Open(c)));
                }
                _ => break,
            }
        }
        // Each close past the `</div>` it is at (the panel's body's end).
        let mut floor = 0;
        for (at, cut) in &mut marks {
            *at = (*at).max(floor);
            if matches!(cut, Cut::Close)
                && piece
                    .get(*at..)
                    .is_some_and(|rest| rest.starts_with("</div>"))
            {
                *at += "</div>".len();
            }
            floor = *at;
        }
        marks
    }

    /// A block of raw HTML with callouts opening and closing inside it
    /// ([`Self::callouts_in_block`]): each part of it written as a block of its own is,
    /// the callouts between them as between blocks (one still open at the block's end is
    /// closed between later blocks). Returns the last part's event.
    fn block_with_callouts(
        &mut self,
        piece: &str,
        start: usize,
        range: &Range<usize>,
        cuts: Vec<(usize, Cut)>,
    ) -> Event<'a> {
        let mut written = 0;
        for (at, cut) in cuts {
            // (A cut inside a character, were a blanked comment's offsets ever not the
            // body's, is made at the next one.)
            if at > written
                && let Some(part) = piece.get(written..at)
            {
                let part = self.html_block_piece(part.to_string(), start + written);
                self.push(part, range, false);
                written = at;
            }
            match cut {
                Cut::Open(c) => {
                    let open = OpenCallout {
                        kind: c.kind,
                        until: c.until.unwrap_or(usize::MAX),
                        shape: c.shape,
                    };
                    self.open_callout(c);
                    self.found.callouts.open.push(open);
                }
                Cut::Close => {
                    if let Some(top) = self.found.callouts.open.pop() {
                        let event = top.close();
                        if !matches!(event, Event::End(_)) {
                            self.depth -= 1;
                        }
                        self.push(event, range, true);
                    }
                }
            }
        }
        self.html_block_piece(piece[written..].to_string(), start + written)
    }

    /// One raw-HTML piece under the page's policy (see [`raw_html`]), starting at `start`.
    fn raw_html(&mut self, piece: &str, start: usize) -> Option<String> {
        // `_adr_help_<command>_<subcommand>`: a placeholder in prose, not HTML. The
        // sanitizer would drop it, and the words with it, as GitHub does; shown as written.
        if self.raw_policy == crate::html_policy::RawHtml::Sanitize
            && crate::html_policy::is_placeholder_tag(piece)
        {
            return None;
        }
        self.has_raw_html = true;
        if self.raw_policy == crate::html_policy::RawHtml::Sanitize {
            self.removed_elements.extend(
                crate::html_policy::removed_elements(piece)
                    .into_iter()
                    .map(|(at, name)| (start + at, name)),
            );
        }
        let ctx = (
            self.handbook,
            self.id,
            self.from_dir,
            self.root.as_str(),
            start,
        );
        raw_html(ctx, piece, self.raw_policy, &mut self.rendered, self.diags)
    }

    /// A MyST directive (```` ```{include} ````): shown as the code block CommonMark makes
    /// of it, with a warning at its fence. ```` ```{code-block} python ```` is a block of
    /// Python, drawn and highlighted as one, its options left out. Returns the block's info
    /// string.
    fn code_block_language(
        &mut self,
        info: CowStr<'a>,
        range: &Range<usize>,
        span: Range<usize>,
    ) -> CowStr<'a> {
        match crate::dialects::myst::myst_directive(&info) {
            Some((
                name @ ("code-block" | "code" | "sourcecode" | "doctest" | "testcode"
                | "testoutput" | "mermaid" | "math"),
                arg,
            )) => {
                self.code_options = true;
                let lang = match name {
                    "doctest" | "testcode" => "python",
                    "testoutput" => "",
                    "mermaid" | "math" => name,
                    _ => arg,
                };
                CowStr::from(lang.split_whitespace().next().unwrap_or("").to_string())
            }
            Some((name, _)) => {
                let body = self.body;
                let line_end = body[range.start..]
                    .find('\n')
                    .map_or(body.len(), |n| range.start + n);
                let brace = body[range.start..line_end]
                    .find('{')
                    .map_or(range.start, |b| range.start + b);
                self.diags.push(myst_directive_warning(
                    &self.doc.source.path,
                    &self.doc.source.text,
                    span.start..brace + name.len() + 2 + self.offset,
                    name,
                    "it is shown as a code block",
                ));
                info.clone()
            }
            // HedgeDoc's line numbers (```` ```javascript= ````) are no part of the language.
            None => match crate::dialects::hackmd::fence_language(&info) {
                Some(language) => CowStr::from(language),
                None => info,
            },
        }
    }

    /// A link or image opens: a wikilink made a path, a MyST label's embed made a link,
    /// the destination checked and resolved (see [`RepeatedLinks::rewrite`]). `None` for a
    /// wikilink that names nothing: it is shown as its text.
    fn link_start(&mut self, mut tag: Tag<'a>, range: &Range<usize>) -> Option<Tag<'a>> {
        let span = self.span(range);
        let image = matches!(tag, Tag::Image { .. });
        let handbook = self.handbook;
        if !self.wikilink(&mut tag, range)
            || !self.xref(&mut tag, range)
            || !self.confluence_link(&mut tag, range)
        {
            return None;
        }
        // docsify's link options in the title's place (`':include'`, `':target=_blank'`)
        // are no title: the link stays a link.
        if let Tag::Link { title, .. } | Tag::Image { title, .. } = &mut tag
            && !title.is_empty()
            && title
                .split_whitespace()
                .all(|option| option.starts_with(':'))
        {
            *title = CowStr::Borrowed("");
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
            self.embedded_notes += 1;
        }
        // MyST: a link without text to a label (`[](#label)`, `[](label)`) shows the
        // heading the label names.
        if let Tag::Link { dest_url, .. } = &tag {
            let label = match dest_url.split_once('#') {
                Some(("", fragment)) => Some(fragment),
                Some(_) => None,
                None => Some(&**dest_url),
            };
            self.empty_link_title = label
                .and_then(|l| handbook.myst_labels.get(l))
                .filter(|(_, _, heading)| !heading.is_empty())
                .map(|(_, _, heading)| (self.events.len(), heading.clone()));
            // A link without text (`[](../setup.md)`, as MyST writes one) shows the title
            // of the page it names, else its destination: never nothing.
            if self.empty_link_title.is_none()
                && !dest_url.is_empty()
                && self
                    .body
                    .get(range.start..)
                    .is_some_and(|b| b.starts_with("[]("))
            {
                let title = linked_title(handbook, self.from_dir, dest_url, &mut self.title_deps);
                let shown = if title.is_empty() {
                    dest_url.to_string()
                } else {
                    title
                };
                self.empty_link_title = Some((self.events.len(), shown));
            }
        }
        // Retype's link components (`[!ref Setup](setup.md)`, `[!button text="Board"](…)`)
        // show their text, or the linked page's title when they give none.
        if let Tag::Link { dest_url, .. } = &tag
            && self.body.as_bytes().get(range.start + 1) == Some(&b'!')
            && let Some(shown) = self
                .body
                .get(range.start..)
                .and_then(crate::dialects::retype::component_link_text)
        {
            let shown = match shown.is_empty() {
                false => shown,
                true => match linked_title(handbook, self.from_dir, dest_url, &mut self.title_deps)
                {
                    title if title.is_empty() => dest_url.to_string(),
                    title => title,
                },
            };
            self.wiki_text = Some((self.events.len(), shown));
        }
        // A link Google Docs' web export sent through Google's redirect leads to its target.
        if let Tag::Link { dest_url, .. } = &mut tag
            && let Some(target) = crate::dialects::gdocs::redirect_target(dest_url)
        {
            *dest_url = CowStr::from(target);
        }
        // A picture the page carries as a `data:` URL (Google Docs' export puts each one at
        // the end as `[image1]: <data:image/png;base64,…>`) is shown from a file of its own.
        if let Tag::Image { dest_url, .. } = &mut tag
            && dest_url.len() > super::inline_images::INLINE_UP_TO
            && let Some(found) = super::inline_images::extract(dest_url)
        {
            *dest_url = CowStr::from(format!("{}{}", self.root, found.path));
            self.rendered.inline_images.push(found);
            return Some(tag);
        }
        if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
            && let Some(scheme) = crate::html_policy::unsafe_scheme(dest_url, image)
        {
            let what = if image { "an image" } else { "a link" };
            self.diags.push(crate::html_policy::unsafe_url_warning(
                &self.doc.source.path,
                &self.doc.source.text,
                span,
                &scheme,
                what,
            ));
            *dest_url = CowStr::from("#");
        } else if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
            && let Some(rewritten) = self.repeated.rewrite(
                handbook,
                self.id,
                (self.from_dir, &self.root),
                dest_url,
                span,
                &mut self.rendered,
                self.diags,
            )
        {
            *dest_url = rewritten;
        }
        Some(tag)
    }

    /// A wikilink, page reference or `xref:` that names no page: counted, and reported as a
    /// `broken-link` warning at `span` for the first [`BROKEN_LINKS_SHOWN`] of the page
    /// (the rest are summed up when the page is done). `what` gives the message and help,
    /// made only for those reported.
    fn names_nothing<H: Into<String>>(
        &mut self,
        span: Range<usize>,
        what: impl FnOnce() -> (String, H),
    ) {
        self.unmatched_wikilinks += 1;
        if self.unmatched_wikilinks <= BROKEN_LINKS_SHOWN {
            let (message, help) = what();
            self.diags.push(
                Diagnostic::warning("broken-link", &self.doc.source.path, message)
                    .with_help(help)
                    .at(&self.doc.source.text, span),
            );
        }
    }

    /// A link to a Confluence page by its title, as `dialects::confluence` writes one
    /// (`[text](<ri:page:Release train#Rollback>)`, or `[Release train](<ri:page:>)` when the
    /// text is the title): a link to the page with that title (case aside; of several, the
    /// one in this page's folder, else the first by path), else to the page whose file is
    /// named so (as a wikilink finds it), its destination made that page's path. A link or
    /// image of an attachment (`<ri:attachment:rota.csv>`) is the file of that name, found
    /// as a wikilink's. False when nothing has the title or name: reported, and shown as its
    /// text.
    fn confluence_link(&mut self, tag: &mut Tag<'a>, range: &Range<usize>) -> bool {
        let image = matches!(tag, Tag::Image { .. });
        let (Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = tag else {
            return true;
        };
        if !dest_url.starts_with("ri:") {
            return true;
        }
        let attachment = dest_url.strip_prefix("ri:attachment:").map(str::to_string);
        let handbook = self.handbook;
        if let Some(file) = attachment {
            if let Some(dest) = wiki_target(handbook, self.from_dir, &file) {
                *dest_url = CowStr::from(dest);
                return true;
            }
            let span = self.span(range);
            self.names_nothing(span, || confluence_attachment_missing(&file, image));
            self.unlinked_depth += 1;
            return false;
        }
        if image {
            return true;
        }
        let Some(named) = dest_url.strip_prefix("ri:page:") else {
            return true;
        };
        self.rendered.by_title = true;
        let (title, anchor) = named.split_once('#').unwrap_or((named, ""));
        let title = if title.is_empty() {
            // The link's text, as written: `[Release \& paging](<ri:page:>)`.
            let written = self.body.get(range.start..range.end).unwrap_or("");
            let text = written
                .strip_prefix('[')
                .and_then(|w| w.rsplit_once("](").map(|(t, _)| t))
                .unwrap_or("");
            crate::text::unescape_markdown(text).into_owned()
        } else {
            title.to_string()
        };
        if let Some(dest) = confluence_page(handbook, self.from_dir, &title, anchor) {
            *dest_url = CowStr::from(dest);
            return true;
        }
        let span = self.span(range);
        self.names_nothing(span, || confluence_page_missing(&title));
        self.unlinked_depth += 1;
        false
    }

    /// DocFX's cross reference, `[Setup](xref:setup)`: a link to the page whose front matter
    /// has `uid: setup`, its destination made that page's path from `content/` (to be
    /// resolved like any link's; `#fragment` kept, DocFX's `?displayProperty=…` dropped).
    /// mystmd's `xref:guide/page` to another MyST site `myst.yml` names is a link there
    /// (`load::myst_nav::reference_url`). False when no page has the uid (an API's, which
    /// DocFX resolves from its own metadata): reported, and shown as its text (the uid,
    /// when it has none).
    fn xref(&mut self, tag: &mut Tag<'a>, range: &Range<usize>) -> bool {
        let span = self.span(range);
        let Tag::Link {
            dest_url,
            link_type,
            ..
        } = tag
        else {
            return true;
        };
        // `<xref:uid>` shows the page's title, as DocFX draws it, not its address.
        let autolink = matches!(link_type, LinkType::Autolink);
        let Some(rest) = dest_url
            .get(..5)
            .filter(|s| s.eq_ignore_ascii_case("xref:"))
            .map(|_| &dest_url[5..])
        else {
            return true;
        };
        let (uid, fragment) = rest.split_once('#').unwrap_or((rest, ""));
        let uid = uid.split('?').next().unwrap_or(uid);
        let uid = crate::text::percent_decode_lenient(uid);
        if let Some(&id) = self.handbook.uids.get(uid.trim()) {
            let path = &self.handbook.docs[id].source.path;
            let under = path.strip_prefix("content/").unwrap_or(path);
            let anchor = if fragment.is_empty() {
                String::new()
            } else {
                format!("#{fragment}")
            };
            *dest_url = CowStr::from(format!("/{under}{anchor}"));
            if autolink {
                let title =
                    linked_title(self.handbook, self.from_dir, dest_url, &mut self.title_deps);
                if !title.is_empty() {
                    self.wiki_text = Some((self.events.len(), title));
                }
            }
            return true;
        }
        // mystmd's link to another MyST site that `myst.yml` names (`xref:guide/toc`).
        if let Some(url) =
            crate::load::myst_nav::reference_url(&self.handbook.nav_order.references, rest)
        {
            let empty = self
                .body
                .get(range.start..)
                .is_some_and(|b| b.starts_with("[]("));
            if autolink || empty {
                // What the other site would title it is not known here: its address shows.
                let shown = url.split_once("://").map_or(url.as_str(), |(_, a)| a);
                self.wiki_text = Some((self.events.len(), shown.to_string()));
            }
            *dest_url = CowStr::from(url);
            return true;
        }
        let references = &self.handbook.nav_order.references;
        if references.is_empty() {
            self.names_nothing(span, || {
                (
                    format!("`xref:{uid}` names no page: none has `uid: {uid}` in its front matter"),
                    "give the page it means that `uid`, or link to its file; it is shown as text meanwhile (an API's uid is resolved only by DocFX)",
                )
            });
        } else {
            // A MyST project: the first part names another site.
            let key = uid.split(['/', '#']).next().unwrap_or_default().to_string();
            let known: Vec<&str> = references.keys().map(String::as_str).collect();
            let known = known.join("`, `");
            self.names_nothing(span, || {
                (
                    format!("`xref:{uid}` names no page, and `{key}` is no project myst.yml lists under `references:` (`{known}`)"),
                    format!("add `{key}: <its address>` under `project: references:` in myst.yml, or link to the page's address; it is shown as text meanwhile"),
                )
            });
        }
        if autolink
            || self
                .body
                .get(range.start..)
                .is_some_and(|b| b.starts_with("[]("))
        {
            self.unlinked_text = Some(uid);
        }
        self.unlinked_depth += 1;
        false
    }

    /// A wikilink (`[[Page]]`, `[[Page|text]]`, `![[file.png]]`) names a file by name: its
    /// destination is made a path, to be resolved like any link's. False when it names
    /// nothing: it is reported, and shown as its text.
    fn wikilink(&mut self, tag: &mut Tag<'a>, range: &Range<usize>) -> bool {
        let image = matches!(tag, Tag::Image { .. });
        let handbook = self.handbook;
        let span = self.span(range);
        if let Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            title,
            ..
        } = tag
            && &**title == "wikilink"
        {
            *title = CowStr::Borrowed("");
            return self.mediawiki_link(dest_url, span);
        }
        if !image {
            let written = self.body.get(range.start..range.end).unwrap_or("");
            let inner = written.trim_start_matches("[[").trim_end_matches("]]");
            let (target, text) = inner.split_once('|').unwrap_or((inner, ""));
            if let Some(linked) = self.mediawiki_namespace(tag, target, text) {
                return linked;
            }
        }
        let (Tag::Link {
            link_type: LinkType::WikiLink { has_pothole },
            dest_url,
            ..
        }
        | Tag::Image {
            link_type: LinkType::WikiLink { has_pothole },
            dest_url,
            ..
        }) = tag
        else {
            return self.labelled_page_reference(tag, span);
        };
        let written = self.body.get(range.start..range.end).unwrap_or("");
        let inner = written
            .trim_start_matches('!')
            .trim_start_matches("[[")
            .trim_end_matches("]]");
        let (first, second) = inner.split_once('|').unwrap_or((inner, ""));
        // Dendron writes the text first too, and its target is an address
        // (`[[Product|dendron://private/area.product]]`) or a note's path; a path on the
        // right names the page even when the text on the left is also a page's name.
        let target_second = *has_pothole && names_a_path(second) && !names_a_path(first);
        let found = if target_second {
            wiki_target(handbook, self.from_dir, second).inspect(|_| {
                self.wiki_text = Some((self.events.len(), first.to_string()));
            })
        } else {
            self.wiki_target_text_first(first, second, *has_pothole)
        };
        let pothole = *has_pothole;
        let page = found
            .as_deref()
            .is_some_and(|d| crate::load::is_markdown(d.split('#').next().unwrap_or(d)));
        match found {
            // Obsidian's `![[Note]]` embeds a note: here, a link to it.
            Some(dest) if image && page => {
                let Tag::Image {
                    title,
                    id: image_id,
                    ..
                } = &*tag
                else {
                    unreachable!("an image wikilink")
                };
                // Named by the note's title, not by its file's name (Dendron's
                // `![[area.crew.roster]]`).
                let shown = linked_title(handbook, self.from_dir, &dest, &mut self.title_deps);
                if !pothole && !shown.is_empty() {
                    self.wiki_text = Some((self.events.len(), shown));
                }
                *tag = Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole: false },
                    dest_url: CowStr::from(dest),
                    title: title.clone(),
                    id: image_id.clone(),
                };
                self.embedded_notes += 1;
            }
            Some(dest) => *dest_url = CowStr::from(dest),
            // Logseq makes a page of every `[[name]]` written in its graph, whether or not
            // anyone writes in it (as of every tag): such a reference is its text, with no
            // warning that would list most of a graph's references.
            None if !image
                && !target_second
                && crate::load::logseq::in_graph(&self.doc.source.path) =>
            {
                self.unlinked_depth += 1;
                return false;
            }
            None => {
                self.names_nothing(span.clone(), || {
                    let target = if target_second { second } else { first };
                    let name = target.split('#').next().unwrap_or(target).trim();
                    match name
                        .strip_prefix("dendron://")
                        .and_then(|address| address.split_once('/'))
                    {
                        Some((vault, note)) => (
                            format!(
                                "`{written}` names the Dendron note `{note}` of the vault `{vault}`, which is not in the handbook (no `{note}.md`)"
                            ),
                            "move the note into content/, or link to where that vault is published; it is shown as its text meanwhile",
                        ),
                        None => (
                            format!(
                                "`{written}` names no page or file: wikilinks are matched by file name (`{}.md`, in any folder)",
                                name.replace(' ', "-")
                            ),
                            "create the page, or correct the name; it is shown as text meanwhile",
                        ),
                    }
                });
                if target_second {
                    self.unlinked_text = Some(first.to_string());
                }
                self.unlinked_depth += 1;
                return false;
            }
        }
        true
    }

    /// A MediaWiki link written as a wikilink (as converters that keep MediaWiki's syntax
    /// leave it) into a namespace that is no page of the wiki: an interwiki link,
    /// `[[wikipedia:Tide|tides]]` (`w:` too), goes to the English Wikipedia; a category,
    /// `[[Category:Releases]]` (the page's category, which MediaWiki shows in a box of its
    /// own) or `[[:Category:Releases]]` (a link to the category's list), is its text, with
    /// no warning: no page of the handbook is a category's list. `None` for any other
    /// wikilink; else whether it stays a link.
    fn mediawiki_namespace(&mut self, tag: &mut Tag<'a>, target: &str, text: &str) -> Option<bool> {
        let Tag::Link {
            link_type: LinkType::WikiLink { .. },
            dest_url,
            ..
        } = tag
        else {
            return None;
        };
        let (prefix, rest) = target.trim().trim_start_matches(':').split_once(':')?;
        match prefix.trim().to_ascii_lowercase().as_str() {
            "wikipedia" | "w" if !rest.trim().is_empty() => {
                let (page, fragment) = rest.trim().split_once('#').unwrap_or((rest.trim(), ""));
                let anchor = if fragment.is_empty() {
                    String::new()
                } else {
                    format!("#{}", fragment.replace(' ', "_"))
                };
                *dest_url = CowStr::from(format!(
                    "https://en.wikipedia.org/wiki/{}{anchor}",
                    crate::text::encode_path(&page.replace(' ', "_"))
                ));
                Some(true)
            }
            "category" => {
                if text.is_empty() {
                    self.unlinked_text = Some(target.trim().trim_start_matches(':').to_string());
                }
                self.unlinked_depth += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// A MediaWiki page's internal link as pandoc writes it, `[text](Page_name "wikilink")`
    /// (the title is pandoc's mark, not the author's): a wiki page name, found as a
    /// wikilink's (`Page_name.md` in any folder; a namespaced `Team:Page_name` by its whole
    /// name, else by the part after the namespace). A category link (`Category:On-call`,
    /// which MediaWiki shows as the page's categories, not in the text) is its text, an
    /// interwiki `wikipedia:` link goes to Wikipedia, and a path to a Markdown file is
    /// resolved as any link. One that names no page is a `broken-link` warning, shown as
    /// its text, as an unmatched wikilink is. False when it is shown as text.
    fn mediawiki_link(&mut self, dest_url: &mut CowStr<'a>, span: Range<usize>) -> bool {
        let written = dest_url.to_string();
        let (path, fragment) = written.split_once('#').unwrap_or((&written, ""));
        let name = path.trim_start_matches('/');
        if name.is_empty()
            || crate::load::is_markdown(name)
            || (has_scheme(&written) && written.contains("//"))
        {
            return true;
        }
        let with_fragment = |name: &str| match fragment {
            "" => name.to_string(),
            f => format!("{name}#{}", f.replace('_', " ")),
        };
        if let Some((prefix, rest)) = name.split_once(':') {
            match prefix.to_ascii_lowercase().as_str() {
                "category" => {
                    self.unlinked_depth += 1;
                    return false;
                }
                "wikipedia" | "w" => {
                    let anchor = if fragment.is_empty() {
                        String::new()
                    } else {
                        format!("#{fragment}")
                    };
                    *dest_url = CowStr::from(format!(
                        "https://en.wikipedia.org/wiki/{}{anchor}",
                        crate::text::encode_path(rest)
                    ));
                    return true;
                }
                _ => {}
            }
        }
        let found = wiki_target(self.handbook, self.from_dir, &with_fragment(name)).or_else(|| {
            let (_, page) = name.rsplit_once(':')?;
            wiki_target(self.handbook, self.from_dir, &with_fragment(page))
        });
        match found {
            Some(dest) => {
                *dest_url = CowStr::from(dest);
                true
            }
            None => {
                self.names_nothing(span, || {
                    (
                        format!(
                            "`{written}` is a wiki page pandoc linked (its title \"wikilink\"), and the handbook has no page of that name (`{}.md`, in any folder)",
                            name.rsplit(':').next().unwrap_or(name)
                        ),
                        "move that page in from the wiki, or correct the name; it is shown as text meanwhile",
                    )
                });
                self.unlinked_depth += 1;
                false
            }
        }
    }

    /// Logseq's labelled page reference, `[the review]([[Process/Review]])`: a link whose
    /// destination is a wikilink, matched by page name as one (the load stage leaves a
    /// page's as `[the review](<[Process/Review]>)`). Written as a path, it was a
    /// broken link that failed the build. False when it names nothing: reported as a
    /// wikilink that names nothing is, and shown as its text.
    fn labelled_page_reference(&mut self, tag: &mut Tag<'a>, span: Range<usize>) -> bool {
        let Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            ..
        } = tag
        else {
            return true;
        };
        // `[[Page]]` as written, or `[Page name]` as the load stage leaves a page's
        // (`load::logseq`), so that a name with spaces is read as one destination.
        let Some(name) = dest_url
            .strip_prefix("[[")
            .and_then(|d| d.strip_suffix("]]"))
            .or_else(|| dest_url.strip_prefix('[').and_then(|d| d.strip_suffix(']')))
            .filter(|n| !n.is_empty() && !n.contains(['[', ']']))
        else {
            return true;
        };
        if let Some(dest) = wiki_target(self.handbook, self.from_dir, name) {
            *dest_url = CowStr::from(dest);
            return true;
        }
        self.names_nothing(span, || {
            let name = name.split('#').next().unwrap_or(name).trim();
            (
                format!(
                    "`[[{name}]]` names no page or file: page references are matched by file name (`{}.md`, in any folder)",
                    name.replace(' ', "-")
                ),
                "create the page, or correct the name; it is shown as text meanwhile",
            )
        });
        self.unlinked_depth += 1;
        false
    }

    /// The target of a wikilink read Obsidian's way (`[[Page|text]]`, `[[Page#Heading]]`),
    /// else GitHub's (`[[Link text|Page-Name]]`), with the text it shows when that is not
    /// the parser's.
    fn wiki_target_text_first(
        &mut self,
        first: &str,
        second: &str,
        has_pothole: bool,
    ) -> Option<String> {
        match wiki_target(self.handbook, self.from_dir, first) {
            Some(dest) => {
                // Obsidian shows `[[Page#Heading]]` as "Page > Heading".
                if !has_pothole && let Some((page, heading)) = first.split_once('#') {
                    let shown = match page.trim() {
                        "" => heading.trim().to_string(),
                        page => format!("{page} > {}", heading.trim()),
                    };
                    self.wiki_text = Some((self.events.len(), shown));
                }
                Some(dest)
            }
            None if has_pothole => {
                wiki_target(self.handbook, self.from_dir, second).inspect(|_| {
                    self.wiki_text = Some((self.events.len(), first.to_string()));
                })
            }
            None => None,
        }
    }

    /// Step 6: code blocks drawn at their end. A Mermaid diagram's text and a
    /// ```` ```math ```` block's TeX are gathered as they come.
    fn gather(&mut self, event: &Event<'a>, range: &Range<usize>, synthetic: bool) {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if !synthetic && crate::diagram::is_mermaid(info) =>
            {
                self.diagram = Some(DiagramBlock::default());
                self.diagram_fence = self.span(range);
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if !synthetic && crate::math::is_math(info) =>
            {
                let fence = self.span(range);
                let text = &self.doc.source.text;
                let line_end = text[fence.start.min(text.len())..]
                    .find('\n')
                    .map_or(fence.end, |n| fence.start + n);
                self.math_block = Some((String::new(), fence.start..line_end));
            }
            Event::Text(t) if self.math_block.is_some() => {
                if let Some((tex, _)) = &mut self.math_block {
                    tex.push_str(t);
                }
            }
            Event::End(TagEnd::CodeBlock) if self.math_block.is_some() => {
                if let Some((tex, fence)) = self.math_block.take() {
                    self.rendered.text.push_str(&crate::math::searchable(&tex));
                    // Its event stays the code block: `math::place` finds it by its TeX.
                    formula(
                        tex.into(),
                        true,
                        self.doc,
                        fence,
                        &mut self.rendered,
                        self.diags,
                    );
                }
            }
            Event::Text(t) => {
                if let Some(d) = &mut self.diagram {
                    // A MyST `{mermaid}`'s options are cut from its text's start.
                    let end = range.end + self.offset;
                    d.pieces.push((d.source.len(), end.saturating_sub(t.len())));
                    d.source.push_str(t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(d) = self.diagram.take() {
                    d.draw(
                        (self.handbook, self.id),
                        self.diagram_fence.clone(),
                        &mut self.rendered,
                        self.diags,
                    );
                }
            }
            _ => {}
        }
    }

    /// Step 7: the event buffered (a GitHub alert with its title, a one-block callout
    /// closed after it), raw HTML marked for the sanitizer, and finished top-level blocks
    /// written out.
    fn push(&mut self, event: Event<'a>, range: &Range<usize>, synthetic: bool) {
        if self.depth == 0 {
            self.region.block_start = self.events.len();
        }
        match &event {
            Event::Start(tag) => {
                self.depth += 1;
                self.footnotes |= matches!(tag, Tag::FootnoteDefinition(_));
            }
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::FootnoteReference(_) => self.footnotes = true,
            _ => {}
        }
        let alert = match &event {
            Event::Start(Tag::BlockQuote(Some(kind))) => {
                let body = self.body;
                let line = body[..range.start.min(body.len())]
                    .rfind('\n')
                    .map_or(0, |n| n + 1);
                Some(match self.found.alert_titles.remove(&line) {
                    Some(title) => CowStr::from(title),
                    None => CowStr::from(alert_title(*kind)),
                })
            }
            _ => None,
        };
        if matches!(event, Event::Start(_))
            && self
                .found
                .anchors
                .front()
                .is_some_and(|(at, _)| *at <= range.start)
            && let Some((_, id)) = self.found.anchors.pop_front()
        {
            self.events.push(Event::Html(
                format!("<span id=\"{}\"></span>", crate::text::escape_html(&id)).into(),
            ));
            self.rendered.anchors.push(id);
        }
        let caption = match &event {
            Event::Start(Tag::Table(_)) => self.found.captions.remove(&range.start),
            _ => None,
        };
        self.events.push(event);
        if let Some(caption) = caption {
            self.events.push(Event::Html(
                format!("<caption>{}</caption>", crate::text::escape_html(&caption)).into(),
            ));
        }
        if let Some(title) = alert {
            self.events.push(Event::Start(Tag::Paragraph));
            self.events.extend(callout_title(&title));
            self.events.push(Event::End(TagEnd::Paragraph));
        }
        // A Just the Docs callout styles one block: it ends with it.
        let open = &mut self.found.callouts.open;
        if self.depth > 0
            && self.depth == open.len()
            && matches!(self.events.last(), Some(Event::End(_)))
            && let Some(&top) = open.last()
            && top.until == usize::MAX
        {
            self.events.push(top.close());
            self.depth -= 1;
            open.pop();
        }
        // The renderer's own HTML (a broken link's span) is not the author's: it opens no
        // span for the sanitizer.
        let own = std::mem::take(&mut self.own_html);
        let raw_now = !synthetic && !own && event_is_raw(&self.events);
        // After the raw-HTML test: the anchor is the renderer's own, not raw HTML.
        self.events.append(&mut self.term_anchors);
        let region = &mut self.region;
        if raw_now && let Some(Event::Html(t) | Event::InlineHtml(t)) = self.events.last() {
            region.balance += crate::html_policy::open_elements(t);
        }
        if raw_now && region.start.is_none() {
            // Raw HTML after Markdown's own: what comes before its top-level block is the
            // renderer's, and a new span starts.
            let done = region.block_start;
            pulldown_cmark::html::push_html(&mut self.rendered.html, self.events.drain(..done));
            // An open heading (raw HTML in a heading) is found by its index in the buffer.
            self.in_heading = self.in_heading.map(|start| start - done);
            region.block_start = 0;
            region.start = Some(self.rendered.html.len());
        }
        region.open |= raw_now;
        if self.depth == 0 && region.open && !self.footnotes {
            // The end of a top-level block that holds raw HTML: the span reaches here, and
            // ends here when its raw HTML is balanced.
            pulldown_cmark::html::push_html(&mut self.rendered.html, self.events.drain(..));
            region.end = self.rendered.html.len();
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
        if self.depth == 0 && !self.footnotes && self.events.len() >= FLUSH_EVENTS {
            pulldown_cmark::html::push_html(&mut self.rendered.html, self.events.drain(..));
        }
    }

    /// The end of the body: open callouts closed, the rest written out, the counts of what
    /// was not reported one by one, raw HTML sanitized.
    pub(super) fn finish(mut self) -> Rendered {
        let mut rendered = self.rendered;
        let diags = self.diags;
        let doc = self.doc;
        if rendered.leading_h1.as_deref() == Some("") {
            rendered.leading_h1 = None;
        }
        while let Some(top) = self.found.callouts.open.pop() {
            self.events.push(top.close());
        }
        // Labels after the last block still get their anchor.
        self.events
            .extend(self.block_labels.iter().map(label_anchor));
        pulldown_cmark::html::push_html(&mut rendered.html, self.events.into_iter());
        if rendered.broken_links > BROKEN_LINKS_SHOWN {
            let more = rendered.broken_links - BROKEN_LINKS_SHOWN;
            let broken = rendered.broken_links - rendered.text_only_links;
            let message = match rendered.text_only_links {
                0 => format!(
                    "{more} more broken links in this file are not listed ({} in all)",
                    rendered.broken_links
                ),
                text_only => format!(
                    "{more} more links in this file are not listed ({} in all: {broken} broken, {text_only} shown as their text, to files outside the site or a template's placeholders)",
                    rendered.broken_links
                ),
            };
            // The summary has the severity of the links it stands for: an error only when
            // some are broken (links outside the site are warnings).
            let summary = if broken == 0 {
                Diagnostic::warning("link-outside-site", &doc.source.path, message)
            } else if self.handbook.config.links.broken_warn {
                Diagnostic::warning("broken-link", &doc.source.path, message)
            } else {
                Diagnostic::error("broken-link", &doc.source.path, message)
            };
            diags.push(
                summary
                .with_help(format!("the first {BROKEN_LINKS_SHOWN} are listed above; fix them and run `orgbook check` again for the next ones")),
            );
        }
        let unmatched = self.unmatched_wikilinks;
        if unmatched > BROKEN_LINKS_SHOWN {
            diags.push(
                Diagnostic::warning(
                    "broken-link",
                    &doc.source.path,
                    format!(
                        "{} more wikilinks or `xref:` links in this file name no page or file ({unmatched} in all)",
                        unmatched - BROKEN_LINKS_SHOWN
                    ),
                )
                .with_help(format!(
                    "the first {BROKEN_LINKS_SHOWN} are listed above; each is shown as text"
                )),
            );
        }
        if let Some(removed) = removed_elements_warning(&doc.source, &self.removed_elements) {
            diags.push(removed);
        }
        let region = &mut self.region;
        if self.has_raw_html && self.raw_policy == crate::html_policy::RawHtml::Sanitize {
            if let Some(start) = region.start.take() {
                region.spans.push(start..region.end.max(start));
            }
            rendered.html = if self.footnotes || region.open {
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
        let mut title_deps = self.title_deps;
        title_deps.append(&mut rendered.title_deps);
        title_deps.sort_unstable();
        title_deps.dedup();
        rendered.title_deps = title_deps;
        rendered
    }
}

/// The one warning for the raw-HTML elements the sanitizer removed from a page (`removed`:
/// where each opens in the source, and its name), at the first; `None` if there are none.
/// Dropping them matches GitHub, but a handbook made for its own renderer loses its
/// styled swatches or widgets, and should hear of it.
fn removed_elements_warning(
    source: &crate::model::Source,
    removed: &[(usize, &'static str)],
) -> Option<Diagnostic> {
    let &(first, _) = removed.first()?;
    let names: Vec<String> = ["style", "script", "object"]
        .iter()
        .filter_map(|&name| {
            let n = removed.iter().filter(|r| r.1 == name).count();
            (n > 0).then(|| format!("{n} `<{name}>`"))
        })
        .collect();
    let end = source.text[first..]
        .find('>')
        .map_or(source.text.len(), |e| first + e + 1);
    Some(
        Diagnostic::warning(
            "removed-embed",
            &source.path,
            format!(
                "raw HTML on this page loses {}: the sanitizer removes such elements, as GitHub does",
                names.join(" and ")
            ),
        )
        .with_help("if the handbook's authors are trusted, `raw_html = \"allow\"` under `[markdown]` in orgbook.toml keeps them; otherwise write the page without them (an image as `<img src>` or `![text](path)`)")
        .at(&source.text, first..end),
    )
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
#[derive(Default)]
struct DiagramBlock {
    source: String,
    pieces: Vec<(usize, usize)>,
}

impl DiagramBlock {
    /// Draws the diagram into `rendered.diagrams`, or warns at the place the parser names
    /// (else at the fence), leaving the code block as it is. Its `click` links are
    /// resolved as the page's Markdown links are: an org chart's boxes that link the old
    /// site's addresses (`click A "/handbook/team-a/"`) reach their pages, and a broken
    /// one is reported at its line.
    fn draw(
        self,
        (handbook, page): (&Handbook, DocId),
        fence: Range<usize>,
        rendered: &mut Rendered,
        diags: &mut Vec<Diagnostic>,
    ) {
        let doc = &handbook.docs[page];
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
        let mut drawn_source = std::borrow::Cow::Borrowed(self.source.as_str());
        for url in crate::diagram::click_urls(&self.source).into_iter().rev() {
            let span = in_file(url.start)..in_file(url.end);
            let written = &self.source[url.clone()];
            if let Some(to) = super::resolve_link(handbook, page, written, span, rendered, diags) {
                drawn_source.to_mut().replace_range(url, &to);
            }
        }
        let id = format!("orgbook-diagram-{}", rendered.diagrams.len() + 1);
        match crate::diagram::draw(&drawn_source, &id) {
            Ok(svg) => rendered.diagrams.push(crate::diagram::Drawn {
                source: self.source,
                svg,
            }),
            Err(e) => {
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

/// A formula's event, its MathML kept in `rendered.formulas` (or, if its TeX does not
/// parse, a warning at `span`: the page shows the TeX). GitHub's other inline form,
/// `` $`x`$ ``, which reads as code where math is unknown, is the formula inside.
/// A fence's info string as VitePress and Starlight write it, with what follows the
/// language: VitePress's tab label (```` ```sh [npm] ````, in a code group) or Starlight's
/// and Docusaurus's file name (```` ```js title="setup.js" ````) is a caption, and a line
/// highlight (```` ```js{2} ````) is dropped. The language and the caption; `None` for any
/// other info string (a MyST directive's, a bare language), which is left as it is.
fn fence_caption(info: &str) -> Option<(String, Option<String>)> {
    if info.starts_with('{') {
        return None;
    }
    let (word, rest) = info.split_once(char::is_whitespace).unwrap_or((info, ""));
    let language = word.split_once('{').map_or(word, |(l, _)| l);
    let rest = rest.trim();
    let caption = rest
        .strip_prefix('[')
        .and_then(|r| r.split_once(']'))
        .map(|(label, _)| label)
        .or_else(|| {
            rest.split_once("title=\"")
                .and_then(|(_, r)| r.split_once('"'))
                .map(|(title, _)| title)
        })
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_string);
    (caption.is_some() || language.len() < word.len()).then(|| (language.to_string(), caption))
}

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

/// The empty element that marks a block a MyST label names (see `myst::BlockLabel`).
fn label_anchor<'a>(label: &crate::dialects::myst::BlockLabel) -> Event<'a> {
    let id = crate::text::escape_html(&label.id);
    Event::Html(format!("<span id=\"{id}\"></span>").into())
}

/// A page's abbreviations (Python-Markdown's `*[SLO]: Service level objective`). A use
/// is a whole word, so it starts where a word does not go on: text is looked up at those
/// places only, once per distinct length of abbreviation (at most 64 bytes each). A
/// glossary page of thousands of abbreviations is then not searched once per abbreviation
/// in every piece of text. (Written by hand: an Aho-Corasick automaton of 16,000
/// abbreviations took longer to build than this takes to search.)
#[derive(Default)]
struct Abbreviations {
    /// Each abbreviation and what it stands for, the first definition of each.
    titles: HashMap<String, String>,
    /// The distinct lengths of the abbreviations, in bytes.
    lengths: Vec<usize>,
    /// Which bytes an abbreviation starts with.
    first_bytes: Vec<bool>,
}

impl Abbreviations {
    fn define(&mut self, abbr: String, title: String) {
        if self.first_bytes.is_empty() {
            self.first_bytes = vec![false; 256];
        }
        self.first_bytes[abbr.as_bytes()[0] as usize] = true;
        if !self.lengths.contains(&abbr.len()) {
            self.lengths.push(abbr.len());
        }
        self.titles.entry(abbr).or_insert(title);
    }

    fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// `text` as HTML with each whole-word use of an abbreviation wrapped in `<abbr title>`,
    /// as Python-Markdown's `abbr` draws them (the longest where two start at one place);
    /// `None` when it uses none.
    fn wrap(&self, text: &str) -> Option<String> {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        // (start, end, title), the longest at a place first.
        let mut uses: Vec<(usize, usize, &str)> = Vec::new();
        let mut before = None;
        for (start, c) in text.char_indices() {
            if !word(before) && self.first_bytes[text.as_bytes()[start] as usize] {
                for &len in &self.lengths {
                    let end = start + len;
                    if let Some(candidate) = text.get(start..end)
                        && let Some(title) = self.titles.get(candidate)
                        && !word(text[end..].chars().next())
                    {
                        uses.push((start, end, title));
                    }
                }
            }
            before = Some(c);
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
}

/// Whether the newest buffered event is raw HTML (a block or an inline tag).
fn event_is_raw(events: &[Event]) -> bool {
    matches!(events.last(), Some(Event::Html(_) | Event::InlineHtml(_)))
}

/// The id of MkDocs's anchor idiom, an empty link followed by an attribute list that
/// gives only an id (`[](){#install}`, `[](){ #install }`), and the list as written.
fn empty_link_anchor(body: &str, link: Range<usize>) -> Option<(&str, &str)> {
    if body.get(link.clone())? != "[]()" {
        return None;
    }
    let rest = &body[link.end..];
    let close = rest.strip_prefix('{')?.find('}')? + 1;
    // `{#id}`, and as pandoc writes a bookmark, `{#id .anchor}` (padded inside the braces
    // when `dialects::pandoc` rewrote it).
    let mut words = rest[1..close].split_whitespace();
    let id = words.next()?.strip_prefix('#')?;
    if !words.all(|w| w.starts_with('.')) {
        return None;
    }
    (!id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b)))
    .then(|| (id, &rest[..=close]))
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
    crate::dialects::myst::wrapped(Tag::Paragraph, style, text)
}

/// The title of the page a link to `target` (written in `from_dir`) reaches, or empty.
/// Text with bare web and e-mail addresses as the events of links to them (GitHub's
/// autolinks: `https://…`, `http://…`, `www.…`, `name@example.com`), the rest as text;
/// `None` when it has none. A cheap test first: most text holds none of `://`, `www.`, `@`.
fn autolinks<'t>(text: &str) -> Option<Vec<Event<'t>>> {
    let bytes = text.as_bytes();
    if crate::finder!(b"://").find(bytes).is_none()
        && crate::finder!(b"www.").find(bytes).is_none()
        && !text.contains('@')
    {
        return None;
    }
    let mut finder = linkify::LinkFinder::new();
    // Without a scheme only `www.` addresses, as GitHub: `example.org/x` stays text.
    finder.url_must_have_scheme(false);
    let mut out = Vec::new();
    let mut last = 0;
    for link in finder.links(text) {
        let found = link.as_str();
        let dest = match link.kind() {
            linkify::LinkKind::Url => {
                let lower = found.get(..8).unwrap_or(found).to_ascii_lowercase();
                if lower.starts_with("https://") || lower.starts_with("http://") {
                    found.to_string()
                } else if lower.starts_with("www.") && !found.contains("://") {
                    format!("http://{found}")
                } else {
                    continue;
                }
            }
            linkify::LinkKind::Email => format!("mailto:{found}"),
            _ => continue,
        };
        if link.start() > last {
            out.push(Event::Text(CowStr::from(
                text[last..link.start()].to_string(),
            )));
        }
        out.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Autolink,
            dest_url: dest.into(),
            title: "".into(),
            id: "".into(),
        }));
        out.push(Event::Text(found.to_string().into()));
        out.push(Event::End(TagEnd::Link));
        last = link.end();
    }
    if out.is_empty() {
        return None;
    }
    if last < text.len() {
        out.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
    Some(out)
}

/// Whether one side of a wikilink is an address rather than text: Dendron's
/// `dendron://vault/note`, or a path (`guides/setup`, without spaces).
fn names_a_path(side: &str) -> bool {
    let side = side.trim();
    side.starts_with("dendron://") || (side.contains('/') && !side.contains(char::is_whitespace))
}

/// The `id` of the first `<a>` start tag in a raw-HTML piece, when it has one (a `name` is
/// no id: the heading keeps its own beside it).
fn anchor_id(html: &str) -> Option<String> {
    let attrs = crate::html_policy::scan_attributes(html);
    let value = |name: &str| {
        attrs
            .iter()
            .find(|a| a.tag == "a" && a.name == name && !a.value.is_empty())
            .map(|a| crate::html_policy::decode_attribute(&html[a.value.clone()]).into_owned())
    };
    value("id")
}

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
    handbook.link_title(to)
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

/// Where a template leftover stands in a paired shortcode (Hugo's `{{< name >}}` …
/// `{{< /name >}}`, `{{% %}}` alike).
enum Block {
    /// The opening one: the closing shortcode as written, and how many lines the block
    /// spans.
    Opens { closing: String, lines: usize },
    /// Inside the block, or its closing one: reported with the opening.
    Inside,
}

/// The paired shortcodes among `leftovers` (in body order), by leftover index; `text` is
/// the file, where a leftover's range starts `offset` bytes later.
fn shortcode_blocks(
    leftovers: &[Leftover],
    text: &str,
    offset: usize,
) -> std::collections::HashMap<usize, Block> {
    fn name(construct: &str) -> Option<(&str, bool)> {
        let rest = construct
            .strip_prefix("{{<")
            .or_else(|| construct.strip_prefix("{{%"))?
            .trim_start();
        let closing = rest.starts_with('/');
        let rest = rest.trim_start_matches('/').trim_start();
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '%' | '}'))
            .unwrap_or(rest.len());
        (end > 0).then(|| (&rest[..end], closing))
    }
    let mut blocks = std::collections::HashMap::new();
    let templates: Vec<usize> = (0..leftovers.len())
        .filter(|&i| leftovers[i].kind == Kind::Template)
        .collect();
    // Each name's closing shortcodes, in order (as indices into `templates`): an opening
    // pairs with the first one after it. Each is passed over once, so a file of many
    // unclosed shortcodes costs one pass, not one search an opening.
    let mut closings: std::collections::HashMap<&str, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (k, &i) in templates.iter().enumerate() {
        if let Some((n, true)) = name(&leftovers[i].construct) {
            closings.entry(n).or_default().push_back(k);
        }
    }
    let mut k = 0;
    while k < templates.len() {
        let i = templates[k];
        let opening = name(&leftovers[i].construct).filter(|(_, closing)| !closing);
        let close = opening.and_then(|(n, _)| {
            let queue = closings.get_mut(n)?;
            while queue.front().is_some_and(|&c| c <= k) {
                queue.pop_front();
            }
            queue.front().copied()
        });
        match close {
            Some(c) => {
                let j = templates[c];
                blocks.insert(
                    i,
                    Block::Opens {
                        closing: leftovers[j].construct.clone(),
                        lines: text
                            .get(leftovers[i].range.start + offset..leftovers[j].range.end + offset)
                            .map_or(0, |t| t.matches('\n').count() + 1),
                    },
                );
                for &inside in &templates[k + 1..=c] {
                    blocks.insert(inside, Block::Inside);
                }
                k = c + 1;
            }
            None => k += 1,
        }
    }
    blocks
}

/// A callout's title (`> [!note] The **big** change`) as inline Markdown: emphasis,
/// strong, strikethrough and code drawn; raw HTML as text and links as their text, since a
/// title goes around the sanitizer and the link checks; anything that would be a block
/// (a title that starts `# ` or `- `) as the text it is written as.
fn callout_title(title: &str) -> Vec<Event<'static>> {
    let mut out = Vec::new();
    for event in pulldown_cmark::Parser::new(title) {
        match event {
            Event::Start(Tag::Paragraph)
            | Event::End(TagEnd::Paragraph)
            | Event::Start(Tag::Link { .. })
            | Event::End(TagEnd::Link) => {}
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough)
            | Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak => out.push(event.into_static()),
            Event::Html(t) | Event::InlineHtml(t) => out.push(Event::Text(t.into_static())),
            _ => return vec![Event::Text(CowStr::from(title.to_string()))],
        }
    }
    out
}

/// Whether a code block's info string is Rust's, as mdBook writes it with its attributes
/// (`rust,ignore`, `rust,no_run`, `rust editable`).
fn is_rust(info: &str) -> bool {
    info.split([',', ' ', '\t', '{'])
        .next()
        .is_some_and(|lang| lang.eq_ignore_ascii_case("rust"))
}

/// A Rust code block's text without rustdoc's hidden lines, as rustdoc and mdBook show it:
/// a line that is `#` alone or starts `# ` (after its indentation) is left out, and `##`
/// is shown as `#`. `#[derive]` and `#![feature]` are code and stay.
fn without_hidden_rust_lines(text: CowStr<'_>) -> CowStr<'_> {
    let hidden_or_escaped = |line: &str| {
        let code = line.trim_start().trim_end_matches(['\n', '\r']);
        code == "#" || code.starts_with("# ") || code.starts_with("#\t") || code.starts_with("##")
    };
    if !text.split_inclusive('\n').any(hidden_or_escaped) {
        return text;
    }
    let mut shown = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let code = line.trim_start();
        let indent = &line[..line.len() - code.len()];
        if let Some(escaped) = code.strip_prefix("##") {
            shown.push_str(indent);
            shown.push('#');
            shown.push_str(escaped);
        } else if !hidden_or_escaped(line) {
            shown.push_str(line);
        }
    }
    CowStr::from(shown)
}

/// A link the Markdown stage makes itself (a wikilink, an `xref:`, a reference it
/// resolved): its start, its text and its end, as pulldown-cmark writes an inline link.
fn inline_link<'a>(href: CowStr<'a>, shown: String) -> [Event<'a>; 3] {
    [
        Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: href,
            title: "".into(),
            id: "".into(),
        }),
        Event::Text(shown.into()),
        Event::End(TagEnd::Link),
    ]
}

/// The last search for a `</xref>` ([`BodyWriter::closing_xref_after`]): the paragraph's end,
/// where the search began, and the closing tag it found (offsets in the body).
#[derive(Debug, Clone, Copy)]
struct XrefSearch {
    para_end: usize,
    searched_from: usize,
    found: Option<usize>,
}
