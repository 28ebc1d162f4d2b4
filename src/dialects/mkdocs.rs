//! MkDocs admonitions (`!!! note "Title"`, `??? tip`, `???+ tip`) and Material's content
//! tabs (`=== "Title"`) drawn from the list items `leftovers::clean` turns their lines
//! into. Their body is indented 4 columns, which CommonMark makes a code block; rewritten
//! to a list item marker and invisible references of the same length (so every offset,
//! hence every diagnostic's line and column, stays valid), the line starts a list item
//! whose content column is 4 past the line's, and CommonMark itself parses the body as
//! that item's blocks (a nested admonition's line, at that column, starts an item in it).
//!
//! [`Blocks`] wraps the parser's events: the list around each such item, and the item
//! itself, become the block's opening and closing HTML, each with its own container
//! events so the render loop's depth stays balanced whatever the body holds. The item's
//! invisible first line is dropped (it never reaches the page, the search text, a heading
//! or its id), and text directly in a tight item is put in paragraphs, as in the loose
//! item it would be after a blank line. An item that CommonMark joined to a list of the
//! author's (which `clean` chooses bullets to avoid) still becomes its own block: the list
//! is closed before it and opened again after it.

use super::found::Drawn;
use pulldown_cmark::{BlockQuoteKind, Event, Tag, TagEnd};
use std::collections::VecDeque;
use std::ops::Range;

/// One drawn block, from `leftovers::clean`.
pub(crate) struct Block {
    /// Where its line (the list item) starts.
    pub at: usize,
    pub kind: BlockQuoteKind,
    pub drawn: Drawn,
    /// Its title; empty for none.
    pub title: String,
}

/// A list the parser opened.
struct List {
    /// Its start tag was written (not one of ours, nor closed before one of ours).
    shown: bool,
}

/// A drawn block whose item is open.
struct Open {
    /// Source tags open inside it: its direct children arrive at this level.
    level: usize,
    /// The closing HTML.
    close: &'static str,
    /// A paragraph was opened around text directly in the item.
    para: bool,
}

/// Dropping the item's invisible first line.
enum Lead<'a> {
    No,
    /// Right after the item's start.
    Start,
    /// In the paragraph (or setext heading) the line starts, whose start is held back.
    Held(Event<'a>),
}

/// The event adapter; see the module documentation. Yields each event with its source
/// range and whether it was made here (`true`: write it as it is, it holds no text,
/// link or raw HTML of the author's).
pub(crate) struct Blocks<'a, I> {
    inner: I,
    pending: VecDeque<Block>,
    lists: Vec<List>,
    open: Vec<Open>,
    /// Source tags open.
    level: usize,
    lead: Lead<'a>,
    out: VecDeque<(Event<'a>, Range<usize>, bool)>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Blocks<'a, I> {
    /// `pending` in order of `at`.
    pub(crate) fn new(inner: I, pending: VecDeque<Block>) -> Self {
        Blocks {
            inner,
            pending,
            lists: Vec::new(),
            open: Vec::new(),
            level: 0,
            lead: Lead::No,
            out: VecDeque::new(),
        }
    }

    fn ours(&mut self, at: usize) -> bool {
        // A block whose line the parser never made an item starts (it cannot happen to a
        // line at the start of a line outside code and raw HTML) is forgotten.
        while self.pending.front().is_some_and(|b| b.at < at) {
            self.pending.pop_front();
        }
        self.pending.front().is_some_and(|b| b.at == at)
    }

    fn made(&mut self, event: Event<'a>, range: &Range<usize>) {
        self.out.push_back((event, range.clone(), true));
    }

    fn pass(&mut self, event: Event<'a>, range: &Range<usize>) {
        self.out.push_back((event, range.clone(), false));
    }

    /// One source event, into `out`.
    fn step(&mut self, event: Event<'a>, range: Range<usize>) {
        if self.strip_lead(&event, &range) {
            return;
        }
        let direct = self.open.last().is_some_and(|o| o.level == self.level);
        if direct {
            self.paragraph(&event, &range);
        }
        match event {
            Event::Start(Tag::List(None)) if self.ours(range.start) => {
                self.lists.push(List { shown: false });
                self.level += 1;
            }
            Event::Start(tag @ Tag::List(_)) => {
                self.lists.push(List { shown: true });
                self.level += 1;
                self.pass(Event::Start(tag), &range);
            }
            Event::Start(Tag::Item) if self.ours(range.start) => {
                let block = self.pending.pop_front().expect("ours");
                if let Some(list) = self.lists.last_mut()
                    && list.shown
                {
                    // Joined to the author's list: that list ends here.
                    list.shown = false;
                    self.made(Event::End(TagEnd::List(false)), &range);
                }
                let (open, close) = html(&block);
                self.made(Event::Start(Tag::HtmlBlock), &range);
                self.made(Event::Html(open.into()), &range);
                self.level += 1;
                self.open.push(Open {
                    level: self.level,
                    close,
                    para: false,
                });
                self.lead = Lead::Start;
            }
            Event::Start(Tag::Item) => {
                if let Some(list) = self.lists.last_mut()
                    && !list.shown
                {
                    // An item of the author's after one of ours in the same list.
                    list.shown = true;
                    self.made(Event::Start(Tag::List(None)), &range);
                }
                self.level += 1;
                self.pass(Event::Start(Tag::Item), &range);
            }
            Event::End(TagEnd::Item) if direct => {
                let open = self.open.pop().expect("direct");
                self.made(Event::Html(open.close.into()), &range);
                self.made(Event::End(TagEnd::HtmlBlock), &range);
                self.level -= 1;
                self.lead = Lead::No;
            }
            Event::End(end @ TagEnd::List(_)) => {
                self.level = self.level.saturating_sub(1);
                if self.lists.pop().is_none_or(|l| l.shown) {
                    self.pass(Event::End(end), &range);
                }
            }
            Event::Start(tag) => {
                self.level += 1;
                self.pass(Event::Start(tag), &range);
            }
            Event::End(end) => {
                self.level = self.level.saturating_sub(1);
                self.pass(Event::End(end), &range);
            }
            other => self.pass(other, &range),
        }
    }

    /// Drops the item's invisible first line: its references, the line break after them,
    /// and the paragraph (or setext heading) they start if nothing else is in it. Whether
    /// `event` was consumed.
    fn strip_lead(&mut self, event: &Event<'a>, range: &Range<usize>) -> bool {
        let invisible = |t: &str| t.chars().all(|c| matches!(c, '\u{200B}'..='\u{200D}'));
        match std::mem::replace(&mut self.lead, Lead::No) {
            Lead::No => false,
            Lead::Start => match event {
                Event::Start(tag @ (Tag::Paragraph | Tag::Heading { .. })) => {
                    self.level += 1;
                    self.lead = Lead::Held(Event::Start(tag.clone()));
                    true
                }
                Event::Text(t) if invisible(t) => {
                    self.lead = Lead::Start;
                    true
                }
                Event::SoftBreak | Event::HardBreak => true,
                _ => false,
            },
            Lead::Held(start) => match event {
                Event::Text(t) if invisible(t) => {
                    self.lead = Lead::Held(start);
                    true
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.pass(start, range);
                    true
                }
                Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) => {
                    // Nothing but the line: the whole paragraph goes.
                    self.level -= 1;
                    true
                }
                _ => {
                    self.pass(start, range);
                    false
                }
            },
        }
    }

    /// Text directly in a drawn item (a tight list item has no paragraphs) goes in a
    /// paragraph, closed before the next block or the item's end.
    fn paragraph(&mut self, event: &Event<'a>, range: &Range<usize>) {
        let inline = match event {
            Event::Start(tag) => matches!(
                tag,
                Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript
                    | Tag::Link { .. }
                    | Tag::Image { .. }
            ),
            Event::End(_) | Event::Rule | Event::Html(_) => false,
            _ => true,
        };
        let Some(open) = self.open.last_mut() else {
            return;
        };
        if inline && !open.para {
            open.para = true;
            self.pass(Event::Start(Tag::Paragraph), range);
        } else if !inline && open.para {
            open.para = false;
            self.pass(Event::End(TagEnd::Paragraph), range);
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Blocks<'a, I> {
    type Item = (Event<'a>, Range<usize>, bool);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.out.pop_front() {
                return Some(e);
            }
            if self.pending.is_empty() && self.open.is_empty() && self.lists.is_empty() {
                // Nothing of ours is left: events pass as they come.
                return self.inner.next().map(|(e, r)| (e, r, false));
            }
            let (event, range) = self.inner.next()?;
            self.step(event, range);
        }
    }
}

/// The opening and closing HTML of a drawn block. The title is escaped; a callout without
/// one is marked `markdown-alert-untitled` (its first paragraph is not a title).
fn html(b: &Block) -> (String, &'static str) {
    let class = crate::dialects::alert_class(b.kind);
    let title = crate::text::escape_html(&b.title);
    match b.drawn {
        Drawn::Callout if b.title.is_empty() => (
            format!("<blockquote class=\"markdown-alert-{class} markdown-alert-untitled\">\n"),
            "</blockquote>\n",
        ),
        Drawn::Callout => (
            format!("<blockquote class=\"markdown-alert-{class}\">\n<p>{title}</p>\n"),
            "</blockquote>\n",
        ),
        Drawn::Details { open } => {
            let open = if open { " open" } else { "" };
            (
                format!(
                    "<details class=\"markdown-alert markdown-alert-{class}\"{open}>\n<summary>{title}</summary>\n"
                ),
                "</details>\n",
            )
        }
        Drawn::Tab => (
            format!(
                "<section class=\"content-tab\">\n<p class=\"content-tab-title\"><strong>{title}</strong></p>\n"
            ),
            "</section>\n",
        ),
    }
}
