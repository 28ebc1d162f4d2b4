//! Callouts other generators write (Docusaurus admonitions, Just the Docs' `{: .note }`, GitHub
//! alerts' titles), opened and closed between top-level blocks, and cut around the raw HTML
//! that holds one (step 2 of the body writer, [`BodyWriter::place`]).

use super::*;

/// Callouts written for other generators, drawn as GitHub alerts are: a Docusaurus
/// admonition (`:::note` … `:::`) around the top-level blocks between its lines, a Just
/// the Docs `{: .note }` around the block after it. `leftovers::clean` blanks their lines
/// and reports where they were; the writer opens and closes them between top-level
/// blocks, so the events stay balanced whatever is inside.
#[derive(Default)]
pub(super) struct Callouts {
    pub(super) pending: VecDeque<Callout>,
    /// The callouts being drawn, outermost first (admonitions nest): the top-level blocks
    /// inside `n` of them are at depth `n`.
    pub(super) open: Vec<OpenCallout>,
}

#[derive(Clone, Copy)]
pub(super) struct OpenCallout {
    pub(super) kind: pulldown_cmark::BlockQuoteKind,
    /// Where its closing line starts (`usize::MAX`: it ends with its first block).
    pub(super) until: usize,
    pub(super) shape: Shape,
}

/// How a callout is drawn.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// A GitHub alert (a blockquote of its kind, its title first).
    Alert,
    /// A `<details>` element (VitePress `::: details`).
    Details,
    /// A tab, shown as a section under its title, as Material's content tabs are drawn
    /// (VuePress's `::: tab Title`).
    Tab,
}

impl OpenCallout {
    pub(super) fn close(self) -> Event<'static> {
        match self.shape {
            Shape::Details => Event::Html("</details>\n".into()),
            Shape::Tab => Event::Html("</section>\n".into()),
            Shape::Alert => Event::End(TagEnd::BlockQuote(Some(self.kind))),
        }
    }
}

pub(super) struct Callout {
    /// Where its opening line ends, in the cleaned body.
    pub(super) at: usize,
    pub(super) kind: pulldown_cmark::BlockQuoteKind,
    /// The title it gives (`:::tip Remember`), or empty for the kind's own.
    pub(super) title: String,
    pub(super) shape: Shape,
    /// Where its closing line starts; `Some(usize::MAX)` when it styles one block; `None`
    /// while no closing line was seen (then it is not drawn).
    pub(super) until: Option<usize>,
}

/// Where a block of raw HTML is cut for a callout inside it (`BodyWriter::callouts_in_block`).
pub(super) enum Cut {
    /// A callout opens (and closes in this block or a later one).
    Open(Callout),
    /// The innermost open callout closes (one opened in this block or an earlier one).
    Close,
}

/// A callout's title (`> [!note] The **big** change`) as inline Markdown: emphasis,
/// strong, strikethrough and code drawn; raw HTML as text and links as their text, since a
/// title goes around the sanitizer and the link checks; anything that would be a block
/// (a title that starts `# ` or `- `) as the text it is written as.
pub(super) fn callout_title(title: &str) -> Vec<Event<'static>> {
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

impl<'a> BodyWriter<'a> {
    /// Step 2: what goes in before the event's block: other generators' callouts closed
    /// and opened, MyST labels' anchors, a drawn MkDocs block's title as searchable text.
    pub(super) fn place(&mut self, event: &Event<'a>, range: &Range<usize>, synthetic: bool) {
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
    pub(super) fn close_and_open_callouts(&mut self, at: usize) {
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
    pub(super) fn open_callout(&mut self, c: Callout) {
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
    pub(super) fn callouts_in_block(
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
    pub(super) fn block_with_callouts(
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
}
