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
//!
//! This file holds the pass itself (the state, [`BodyWriter::step`] calling the steps in
//! order, the buffering and [`BodyWriter::finish`]); each step's methods are in the
//! submodule named for what it draws: `callouts` (step 2), `myst` (3), `inline` (4),
//! `blocks` and `links` (5), with `leftovers` sorting what the dialect passes found before
//! the pass starts.

mod blocks;
mod callouts;
mod inline;
mod leftovers;
mod links;
mod myst;

use super::*;
use crate::diagnostic::Diagnostic;
use crate::dialects::found::{Kind, Leftover};
use std::borrow::Cow;
use std::collections::{HashMap, VecDeque};

use blocks::*;
use callouts::*;
use inline::*;
use links::*;
use myst::*;

pub(crate) use inline::quarto_page;
pub(super) use leftovers::{Found, as_written, sort_leftovers};

/// Events buffered before finished top-level blocks are written out.
const FLUSH_EVENTS: usize = 4096;

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
