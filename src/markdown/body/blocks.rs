//! The event itself (step 5 of the body writer, [`BodyWriter::transform`]): heading ids, raw
//! HTML under its policy and the regions the sanitizer reads, code blocks (language, captions,
//! rustdoc's hidden lines), Mermaid diagrams and math.

use super::*;

/// The one warning for the raw-HTML elements the sanitizer removed from a page (`removed`:
/// where each opens in the source, and its name), at the first; `None` if there are none.
/// Dropping them matches GitHub, but a handbook made for its own renderer loses its
/// styled swatches or widgets, and should hear of it.
pub(super) fn removed_elements_warning(
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
pub(super) struct RawRegion {
    /// Index in the event buffer where the current top-level block starts.
    pub(super) block_start: usize,
    /// Offset in the HTML where the current span starts.
    pub(super) start: Option<usize>,
    /// Offset in the HTML where the current span ends (so far).
    pub(super) end: usize,
    /// The current top-level block holds raw HTML.
    pub(super) open: bool,
    /// Elements the current span's raw HTML has opened and not closed.
    pub(super) balance: i64,
    /// The finished spans, in order.
    pub(super) spans: Vec<std::ops::Range<usize>>,
}

/// A Mermaid code block being read: its text, and where each piece of it is in the file
/// (offset in `source`, offset in the file), to place the parser's errors.
#[derive(Default)]
pub(super) struct DiagramBlock {
    pub(super) source: String,
    pub(super) pieces: Vec<(usize, usize)>,
}

impl DiagramBlock {
    /// Draws the diagram into `rendered.diagrams`, or warns at the place the parser names
    /// (else at the fence), leaving the code block as it is. Its `click` links are
    /// resolved as the page's Markdown links are: an org chart's boxes that link the old
    /// site's addresses (`click A "/handbook/team-a/"`) reach their pages, and a broken
    /// one is reported at its line.
    pub(super) fn draw(
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

/// A fence's info string as VitePress and Starlight write it, with what follows the
/// language: VitePress's tab label (```` ```sh [npm] ````, in a code group) or Starlight's
/// and Docusaurus's file name (```` ```js title="setup.js" ````) is a caption, and a line
/// highlight (```` ```js{2} ````) is dropped. The language and the caption; `None` for any
/// other info string (a MyST directive's, a bare language), which is left as it is.
pub(super) fn fence_caption(info: &str) -> Option<(String, Option<String>)> {
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

/// A formula's event, its MathML kept in `rendered.formulas` (or, if its TeX does not
/// parse, a warning at `span`: the page shows the TeX). GitHub's other inline form,
/// `` $`x`$ ``, which reads as code where math is unknown, is the formula inside.
pub(super) fn formula<'a>(
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

/// Whether the newest buffered event is raw HTML (a block or an inline tag).
pub(super) fn event_is_raw(events: &[Event]) -> bool {
    matches!(events.last(), Some(Event::Html(_) | Event::InlineHtml(_)))
}

/// The id of MkDocs's anchor idiom, an empty link followed by an attribute list that
/// gives only an id (`[](){#install}`, `[](){ #install }`), and the list as written.
pub(super) fn empty_link_anchor(body: &str, link: Range<usize>) -> Option<(&str, &str)> {
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

/// The `id` of the first `<a>` start tag in a raw-HTML piece, when it has one (a `name` is
/// no id: the heading keeps its own beside it).
pub(super) fn anchor_id(html: &str) -> Option<String> {
    let attrs = crate::html_policy::scan_attributes(html);
    let value = |name: &str| {
        attrs
            .iter()
            .find(|a| a.tag == "a" && a.name == name && !a.value.is_empty())
            .map(|a| crate::html_policy::decode_attribute(&html[a.value.clone()]).into_owned())
    };
    value("id")
}

/// Whether a code block's info string is Rust's, as mdBook writes it with its attributes
/// (`rust,ignore`, `rust,no_run`, `rust editable`).
pub(super) fn is_rust(info: &str) -> bool {
    info.split([',', ' ', '\t', '{'])
        .next()
        .is_some_and(|lang| lang.eq_ignore_ascii_case("rust"))
}

/// A Rust code block's text without rustdoc's hidden lines, as rustdoc and mdBook show it:
/// a line that is `#` alone or starts `# ` (after its indentation) is left out, and `##`
/// is shown as `#`. `#[derive]` and `#![feature]` are code and stay.
pub(super) fn without_hidden_rust_lines(text: CowStr<'_>) -> CowStr<'_> {
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

impl<'a> BodyWriter<'a> {
    /// Step 5: the author's event itself, with its plain text for search.
    pub(super) fn transform(
        &mut self,
        event: Event<'a>,
        range: &Range<usize>,
    ) -> Option<Event<'a>> {
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
    pub(super) fn heading_end(&mut self, level: HeadingLevel) {
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
    pub(super) fn html_block_piece(&mut self, piece: String, start: usize) -> Event<'a> {
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
    pub(super) fn code_elements_in(&mut self, piece: String, start: usize) -> String {
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

    /// One raw-HTML piece under the page's policy (see [`raw_html`]), starting at `start`.
    pub(super) fn raw_html(&mut self, piece: &str, start: usize) -> Option<String> {
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
    pub(super) fn code_block_language(
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
}
