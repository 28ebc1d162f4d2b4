//! What Google Docs' exports leave in links that a reader of the handbook should not
//! follow: the redirect every link of a document goes through when it is exported as a
//! web page and converted to Markdown
//! (`https://www.google.com/url?q=https://example.org/x&sa=D&source=editors&ust=…&usg=…`).
//! Followed, such a link passes through Google, which shows an "are you sure" page for
//! links it did not sign recently, and tells Google who clicked; [`redirect_target`] gives
//! the address the author linked.
//!
//! It also owns GitHub's alerts as the Markdown export writes them ([`EscapedAlerts`]): Docs
//! has no Markdown of its own, so a document that was Markdown before it was pasted into
//! Docs keeps `[!NOTE]` as text, and the export escapes every bracket and `!` of it
//! (`> \[\!NOTE\]`, or `\[\!NOTE\]` alone when the quote was lost on the way).
//!
//! And a whole document the export escaped ([`unescape_whole`]): Markdown typed or pasted
//! into Docs as text (`## **Setup**`, `- item`, `` `harness.py` ``) comes out with every mark
//! escaped (`\#\# \*\*Setup\*\*`, `\- item`, `` \`harness.py\` ``), and would show its
//! marks as text, its list items run together in one paragraph.
//!
//! And the addresses of Google Docs in a handbook moved out of Drive ([`document_id`],
//! [`declared_id`], [`source_doc`], [`document_links`]): which document a link names, and
//! which document a page says it came from, for `link::google_docs` to lead links between
//! the exported documents to the pages they became.

use pulldown_cmark::{BlockQuoteKind as K, Event, Tag, TagEnd};
use std::collections::VecDeque;
use std::ops::Range;

/// The address a Google redirect (`https://www.google.com/url?…q=<address>&…`) leads to,
/// when it leads to a web page or a mail address; `None` for any other link.
pub fn redirect_target(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let query = rest
        .strip_prefix("www.google.com/url?")
        .or_else(|| rest.strip_prefix("google.com/url?"))?;
    let q = query.split('&').find_map(|p| p.strip_prefix("q="))?;
    // The target is percent-encoded once (`q=http%3A%2F%2F…`), or written as it is with
    // its own `%` encoded as `%25` (`WikiArt%2520Dataset`): one decoding gives it either way.
    let target = crate::text::percent_decode_lenient(q);
    let lower = target.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    (web || lower.starts_with("mailto:")).then_some(target)
}

/// Whether `id` looks like a Drive file's id: 25 characters or more of letters, digits,
/// `-` and `_`. Shorter names are placeholders (`<ID>`, `YOUR_DOC_ID`) or, after
/// `/document/d/`, the `e` of an address published to the web (`/d/e/2PACX-…/pub`), whose
/// id is not the document's.
fn drive_id(id: &str) -> bool {
    id.len() >= 25
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The address without its `http(s)://` (any case), or `None` for another scheme.
fn without_scheme(url: &str) -> Option<&str> {
    let colon = url.find("://")?;
    let scheme = &url[..colon];
    (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http"))
        .then(|| &url[colon + 3..])
}

/// The id of the Google Doc `url` links to, and what follows its `#` (empty without one):
/// `https://docs.google.com/document/d/<id>/edit?usp=sharing#heading=h.…`, with `/view`,
/// `/preview`, `?tab=t.0` or nothing after the id, an account's `document/u/1/d/<id>`, a
/// Workspace domain's `a/example.org/document/d/<id>`. `None` for any other address: a
/// Sheet (`/spreadsheets/d/`), Slides (`/presentation/d/`), a document published to the
/// web (`/document/d/e/…`).
pub fn document_id(url: &str) -> Option<(&str, &str)> {
    let rest = without_scheme(url)?;
    let (rest, fragment) = rest.split_once('#').unwrap_or((rest, ""));
    let host_end = rest.find('/')?;
    if !rest[..host_end].eq_ignore_ascii_case("docs.google.com") {
        return None;
    }
    let mut path = &rest[host_end + 1..];
    if let Some(domain) = path.strip_prefix("a/") {
        path = domain.split_once('/')?.1;
    }
    path = path.strip_prefix("document/")?;
    if let Some(account) = path.strip_prefix("u/") {
        path = account.split_once('/')?.1;
    }
    let id = path.strip_prefix("d/")?;
    let id = &id[..id.find(['/', '?']).unwrap_or(id.len())];
    drive_id(id).then_some((id, fragment))
}

/// The document a page names as its source (front matter `google_doc`, a key of
/// `[links.google_docs]`, Docs to Markdown's `Source doc:`): its address as
/// [`document_id`] reads one, `https://docs.google.com/open?id=<id>` (older Docs to
/// Markdown releases and Drive's sharing links), or the id alone.
pub fn declared_id(value: &str) -> Option<&str> {
    let value = value.trim();
    if let Some((id, _)) = document_id(value) {
        return Some(id);
    }
    if let Some(rest) = without_scheme(value) {
        let (host, query) = rest.split_once("/open?")?;
        let google = host.eq_ignore_ascii_case("docs.google.com")
            || host.eq_ignore_ascii_case("drive.google.com");
        let id = query
            .split(['&', '#'])
            .find_map(|p| p.strip_prefix("id="))?;
        return (google && drive_id(id)).then_some(id);
    }
    drive_id(value).then_some(value)
}

/// What Docs to Markdown's comment at the top of an export says of its document
/// (`* Source doc: …` inside `<!----- … ----->`): its id (`SourceDoc::Id`, from an address,
/// as releases before 1.0β14 wrote it) or its title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceDoc<'a> {
    Id(&'a str),
    Title(&'a str),
}

/// The `Source doc:` line of Docs to Markdown's comment, when the body opens with the
/// comment; `None` for any other body (one check of its first characters).
pub fn source_doc(body: &str) -> Option<SourceDoc<'_>> {
    let comment = body.trim_start().strip_prefix("<!-----")?;
    let comment = &comment[..comment.find("----->")?];
    let value = comment
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("* Source doc:"))?
        .trim();
    match declared_id(value) {
        Some(id) if value.contains('/') => Some(SourceDoc::Id(id)),
        _ => (!value.is_empty()).then_some(SourceDoc::Title(value)),
    }
}

/// A link of a page to a Google Doc: the document, the link's text as shown, and where
/// the link is in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentLink {
    pub id: String,
    pub text: String,
    pub span: Range<usize>,
}

/// The body's Markdown links to Google Docs ([`document_id`]; through Google's redirect
/// too), in order. A memmem scan for `docs.google.com` stops every other body; a body
/// that has one is parsed as the Markdown stage parses it (escaped whole, it is read
/// unescaped first, as there), so a link's text is what the page shows.
pub fn document_links(body: &str) -> Vec<DocumentLink> {
    if crate::finder!(b"docs.google.com")
        .find(body.as_bytes())
        .is_none()
    {
        return Vec::new();
    }
    let unescaped = unescape_whole(body);
    let body = unescaped.as_deref().unwrap_or(body);
    let mut found = Vec::new();
    // The links open around the current event, innermost last: a link to a document with
    // its text so far, or `None` for another link.
    let mut open: Vec<Option<DocumentLink>> = Vec::new();
    for (event, range) in
        pulldown_cmark::Parser::new_ext(body, crate::dialects::options_for(body)).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let target = redirect_target(&dest_url);
                let id = document_id(target.as_deref().unwrap_or(&dest_url)).map(|(id, _)| id);
                open.push(id.map(|id| DocumentLink {
                    id: id.to_string(),
                    text: String::new(),
                    span: range,
                }));
            }
            Event::End(TagEnd::Link) => found.extend(open.pop().flatten()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(Some(link)) = open.last_mut() {
                    link.text.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(Some(link)) = open.last_mut() {
                    link.text.push(' ');
                }
            }
            _ => {}
        }
    }
    found
}

/// The line without up to three spaces of indentation, as CommonMark reads a block's start.
fn block_start(line: &str) -> &str {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    &line[spaces.min(3)..]
}

/// Whether `rest` ends a heading's marks: a space, a tab or the line's end.
fn ends_marks(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with([' ', '\t', '\r'])
}

/// Whether `line` opens with the marks of a heading as the export escapes them (`\#\# `).
fn escaped_heading(line: &str) -> bool {
    let mut rest = block_start(line);
    let mut marks = 0;
    while let Some(after) = rest.strip_prefix("\\#") {
        rest = after;
        marks += 1;
    }
    (1..=6).contains(&marks) && ends_marks(rest)
}

/// Whether `line` is Markdown of the page's own: a heading (`## `) or a code fence.
fn own_markdown(line: &str) -> bool {
    let start = block_start(line);
    let marks = start.len() - start.trim_start_matches('#').len();
    ((1..=6).contains(&marks) && ends_marks(&start[marks..]))
        || start.starts_with("```")
        || start.starts_with("~~~")
}

/// The body with the export's escapes undone, when it is a Markdown document Docs escaped
/// whole: two lines or more open with an escaped heading (`\#\# 1\. Purpose`) and none
/// with a heading or a code fence of its own. Only the export writes that: a Docs
/// document with headings of its own that shows a template as text (`\# Page Title` under
/// `## **Page format**`) keeps it as text, and so does a hand-written page, where an
/// author escaping one mark to show it writes real headings too. `None` for any other body.
///
/// Each backslash before ASCII punctuation goes (`\\` is one backslash, as the author
/// wrote it before the export doubled it), once. The body keeps its length, as the other
/// rewrites before the parse do (`dialects::pandoc`): what a run of lines (up to a blank
/// line) lost is spaces at the end of its last line, which end a paragraph, heading, list
/// item or table row as if they were not there, so every offset after the run, and every
/// diagnostic's line, stays valid. One pass over the lines, after a memmem scan for `\#`
/// that every other page stops at.
pub(crate) fn unescape_whole(body: &str) -> Option<String> {
    crate::finder!(b"\\#").find(body.as_bytes())?;
    let mut escaped = 0;
    for line in body.lines() {
        if own_markdown(line) {
            return None;
        }
        escaped += usize::from(escaped_heading(line));
    }
    if escaped < 2 {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    let mut lost = 0;
    let mut lines = body.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let (text, end) = match line.strip_suffix('\n') {
            Some(text) => match text.strip_suffix('\r') {
                Some(text) => (text, "\r\n"),
                None => (text, "\n"),
            },
            None => (line, ""),
        };
        let kept = crate::text::unescape_markdown(text);
        lost += text.len() - kept.len();
        out.push_str(&kept);
        let run_ends = lines.peek().is_none_or(|next| next.trim().is_empty());
        if run_ends {
            out.extend(std::iter::repeat_n(' ', lost));
            lost = 0;
        }
        out.push_str(end);
    }
    Some(out)
}

/// Whether `body` may hold an alert as the export escapes it: one memmem scan.
pub(crate) fn may_have_escaped_alerts(body: &str) -> bool {
    crate::finder!(b"\\[\\!").find(body.as_bytes()).is_some()
}

/// The alert a text event opens with, when its source is the marker as the export writes
/// it, `\[\!NOTE\]` (the five kinds GitHub draws, in any case), every bracket and the `!`
/// escaped: the alert's kind and the length of the marker in the text (`[!NOTE]`). A
/// marker written otherwise is not the export's: `\[!NOTE]` is an author's way to show
/// the marker (escaping the bracket is enough for that), and `[!NOTE]` followed by text on
/// its line is no alert to GitHub either.
fn escaped_marker(text: &str, written: &str) -> Option<(K, usize)> {
    let inner = text.strip_prefix("[!")?;
    let close = inner.find(']')?;
    let name = &inner[..close];
    let kind = match name.to_ascii_lowercase().as_str() {
        "note" => K::Note,
        "tip" => K::Tip,
        "important" => K::Important,
        "warning" => K::Warning,
        "caution" => K::Caution,
        _ => return None,
    };
    let source = written.strip_prefix("\\[\\!")?;
    let ok = source
        .get(..name.len())
        .is_some_and(|n| n.eq_ignore_ascii_case(name))
        && source[name.len()..].starts_with("\\]");
    ok.then_some((kind, close + 3))
}

/// What follows a marker in its paragraph's first text: the rest of the text, if any.
fn after_marker(text: &str, len: usize) -> Option<String> {
    let rest = text[len..].trim_start();
    (!rest.is_empty()).then(|| rest.to_string())
}

/// Google Docs' escaped alerts drawn as the alerts they were (`dialects::gdocs`): a quote
/// whose first paragraph opens with the escaped marker is the alert of its kind, the marker
/// gone (on its own line, or followed by text, as the export joins a quote's lines), as
/// pulldown-cmark reads `> [!NOTE]`. A top-level paragraph that opens with it (the quote
/// lost in Docs) is an alert around that paragraph, or, when the marker is the whole
/// paragraph, around the block after it. Only on a page that writes `\[\!`: the Markdown
/// stage's `OptionalPass` skips it on the others.
pub struct EscapedAlerts<'a, I> {
    inner: I,
    body: &'a str,
    /// Events read ahead and not yet handled, in order.
    ahead: VecDeque<(Event<'a>, Range<usize>)>,
    /// Events handled and not yet given out.
    out: VecDeque<(Event<'a>, Range<usize>)>,
    /// The quotes open, innermost last: the kind of each this pass made an alert.
    quotes: Vec<Option<K>>,
    /// How deep the source's own blocks are open.
    depth: usize,
    /// An alert this pass opened around a top-level block: closed when the block ends.
    wrap: Option<K>,
}

impl<'a, I> EscapedAlerts<'a, I> {
    pub fn new(inner: I, body: &'a str) -> Self {
        EscapedAlerts {
            inner,
            body,
            ahead: VecDeque::new(),
            out: VecDeque::new(),
            quotes: Vec::new(),
            depth: 0,
            wrap: None,
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> EscapedAlerts<'a, I> {
    /// The `n`th event after the one being handled (0: the next).
    fn peek(&mut self, n: usize) -> Option<&(Event<'a>, Range<usize>)> {
        while self.ahead.len() <= n {
            let next = self.inner.next()?;
            self.ahead.push_back(next);
        }
        self.ahead.get(n)
    }

    /// The marker the paragraph starting next opens with (the paragraph's start is the
    /// next event, its first text the one after).
    fn marker_ahead(&mut self) -> Option<(K, usize)> {
        if !matches!(self.peek(0), Some((Event::Start(Tag::Paragraph), _))) {
            return None;
        }
        let body = self.body;
        match self.peek(1) {
            // The parser's range of an escaped character starts after its backslash.
            Some((Event::Text(t), range)) => {
                let start = range.start.saturating_sub(usize::from(
                    body.as_bytes().get(range.start.wrapping_sub(1)) == Some(&b'\\'),
                ));
                escaped_marker(t, body.get(start..)?)
            }
            _ => None,
        }
    }

    /// Takes the paragraph's start and first text (the marker's), and gives out what is
    /// left of the paragraph: `false` when the marker was the whole of it (then it is gone).
    fn take_marker(&mut self, len: usize) -> bool {
        let (start, start_range) = self
            .ahead
            .pop_front()
            .unwrap_or((Event::Start(Tag::Paragraph), 0..0));
        let (text, text_range) = self
            .ahead
            .pop_front()
            .unwrap_or((Event::Text("".into()), 0..0));
        let rest = match &text {
            Event::Text(t) => after_marker(t, len),
            _ => None,
        };
        if let Some(rest) = rest {
            self.out.push_back((start, start_range));
            self.out.push_back((Event::Text(rest.into()), text_range));
            return true;
        }
        match self.peek(0) {
            // The marker on a line of its own: the line break goes with it.
            Some((Event::SoftBreak | Event::HardBreak, _)) => {
                self.ahead.pop_front();
                self.out.push_back((start, start_range));
                true
            }
            Some((Event::End(TagEnd::Paragraph), _)) => {
                self.ahead.pop_front();
                false
            }
            _ => {
                self.out.push_back((start, start_range));
                true
            }
        }
    }

    fn handle(&mut self, event: Event<'a>, range: Range<usize>) {
        match event {
            Event::Start(Tag::BlockQuote(None)) => {
                self.depth += 1;
                let marker = self.marker_ahead();
                self.quotes.push(marker.map(|(kind, _)| kind));
                match marker {
                    Some((kind, len)) => {
                        self.out
                            .push_back((Event::Start(Tag::BlockQuote(Some(kind))), range));
                        self.depth += usize::from(self.take_marker(len));
                    }
                    None => self
                        .out
                        .push_back((Event::Start(Tag::BlockQuote(None)), range)),
                }
            }
            Event::End(TagEnd::BlockQuote(kind)) => {
                self.depth = self.depth.saturating_sub(1);
                let drawn = self.quotes.pop().flatten();
                self.out
                    .push_back((Event::End(TagEnd::BlockQuote(drawn.or(kind))), range));
            }
            Event::Start(Tag::Paragraph) if self.depth == 0 && self.wrap.is_none() => {
                self.ahead
                    .push_front((Event::Start(Tag::Paragraph), range.clone()));
                let Some((kind, len)) = self.marker_ahead() else {
                    let first = self.ahead.pop_front();
                    self.depth += 1;
                    self.out.extend(first);
                    return;
                };
                // The marker alone in its paragraph: the alert is the block after it, when
                // there is one it can hold.
                let alone = self.peek(1).is_some_and(
                    |(e, _)| matches!(e, Event::Text(t) if after_marker(t, len).is_none()),
                ) && matches!(self.peek(2), Some((Event::End(TagEnd::Paragraph), _)));
                if alone
                    && !matches!(
                        self.peek(3),
                        Some((
                            Event::Start(
                                Tag::Paragraph
                                    | Tag::List(_)
                                    | Tag::Table(_)
                                    | Tag::CodeBlock(_)
                                    | Tag::BlockQuote(None)
                            ),
                            _
                        ))
                    )
                {
                    let first = self.ahead.pop_front();
                    self.depth += 1;
                    self.out.extend(first);
                    return;
                }
                self.out
                    .push_back((Event::Start(Tag::BlockQuote(Some(kind))), range));
                self.wrap = Some(kind);
                self.depth += usize::from(self.take_marker(len));
            }
            Event::Start(tag) => {
                self.depth += 1;
                self.out.push_back((Event::Start(tag), range));
            }
            Event::End(tag) => {
                self.depth = self.depth.saturating_sub(1);
                self.out.push_back((Event::End(tag), range.clone()));
                if self.depth == 0
                    && let Some(kind) = self.wrap.take()
                {
                    self.out
                        .push_back((Event::End(TagEnd::BlockQuote(Some(kind))), range));
                }
            }
            event => self.out.push_back((event, range)),
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for EscapedAlerts<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(next) = self.out.pop_front() {
                return Some(next);
            }
            let (event, range) = match self.ahead.pop_front() {
                Some(next) => next,
                None => self.inner.next()?,
            };
            self.handle(event, range);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        EscapedAlerts, SourceDoc, declared_id, document_id, document_links, redirect_target,
        source_doc, unescape_whole,
    };

    const ID: &str = "16a69p9_V2xaFld7W5oHq8K5ZLv74MNfjAN1m7i75cw3";

    #[test]
    fn a_google_docs_address_names_its_document() {
        for (url, fragment) in [
            (
                format!("https://docs.google.com/document/d/{ID}/edit?usp=sharing"),
                "",
            ),
            (
                format!("https://docs.google.com/document/d/{ID}/edit#heading=h.4k2b9xq1z0vd"),
                "heading=h.4k2b9xq1z0vd",
            ),
            (
                format!("https://docs.google.com/document/d/{ID}/edit?tab=t.0"),
                "",
            ),
            (format!("https://docs.google.com/document/d/{ID}"), ""),
            (format!("http://docs.google.com/document/d/{ID}/view"), ""),
            (
                format!("https://docs.google.com/document/d/{ID}/preview"),
                "",
            ),
            (
                format!("https://docs.google.com/document/u/1/d/{ID}/edit"),
                "",
            ),
            (
                format!("HTTPS://Docs.Google.com/a/example.org/document/d/{ID}/edit"),
                "",
            ),
        ] {
            assert_eq!(document_id(&url), Some((ID, fragment)), "{url}");
        }
        for other in [
            format!("https://docs.google.com/spreadsheets/d/{ID}/edit#gid=0"),
            format!("https://docs.google.com/presentation/d/{ID}/edit"),
            "https://docs.google.com/document/d/e/2PACX-1vQ8x/pub".to_string(),
            "https://docs.google.com/document/d/<ID>/edit".to_string(),
            format!("https://example.org/document/d/{ID}/edit"),
            format!("ftp://docs.google.com/document/d/{ID}"),
            format!("guides/{ID}.md"),
        ] {
            assert_eq!(document_id(&other), None, "{other}");
        }
        assert_eq!(declared_id(ID), Some(ID));
        assert_eq!(
            declared_id(&format!("https://docs.google.com/open?id={ID}")),
            Some(ID)
        );
        assert_eq!(
            declared_id(&format!(" https://docs.google.com/document/d/{ID}/edit ")),
            Some(ID)
        );
        assert_eq!(declared_id("Onboarding Checklist"), None);
        assert_eq!(declared_id("https://example.org/open?id=x"), None);
    }

    #[test]
    fn docs_to_markdown_names_the_source_document() {
        let comment = |line: &str| {
            format!(
                "<!-----\n\nConversion notes:\n\n* Docs to Markdown version 1.0β40\n{line}\n----->\n\n# Title\n"
            )
        };
        assert_eq!(
            source_doc(&comment("* Source doc: Onboarding Checklist")),
            Some(SourceDoc::Title("Onboarding Checklist"))
        );
        let old = comment(&format!(
            "* Source doc: https://docs.google.com/open?id={ID}"
        ));
        assert_eq!(source_doc(&old), Some(SourceDoc::Id(ID)));
        assert_eq!(source_doc("# Title\n\n* Source doc: x\n"), None);
        assert_eq!(source_doc("<!-----\n* Source doc: x\n"), None);
    }

    #[test]
    fn links_to_google_docs_with_their_text() {
        let body = format!(
            "See the [Onboarding\nChecklist](https://docs.google.com/document/d/{ID}/edit), \
             [`code` text](https://www.google.com/url?q=https://docs.google.com/document/d/{ID}/edit&sa=D), \
             [a sheet](https://docs.google.com/spreadsheets/d/{ID}/edit) and <https://docs.google.com/document/d/{ID}>.\n"
        );
        let found: Vec<(String, String)> = document_links(&body)
            .into_iter()
            .map(|l| (l.id, l.text))
            .collect();
        let id = ID.to_string();
        assert_eq!(
            found,
            [
                (id.clone(), "Onboarding Checklist".to_string()),
                (id.clone(), "code text".to_string()),
                (
                    id.clone(),
                    format!("https://docs.google.com/document/d/{ID}")
                ),
            ]
        );
        let first = &document_links(&body)[0];
        assert!(body[first.span.clone()].starts_with("[Onboarding"));
        assert!(document_links("No links to Google here.\n").is_empty());
    }

    #[test]
    fn markdown_escaped_whole_is_unescaped_in_place() {
        let body = "Title\n\n\\#\\# 1\\. Purpose\n\n\\- one\n\\- \\`two\\`\n\n\\#\\#\\# \\*\\*3\\\\. Steps\\*\\*  \r\nlast\\.";
        let out = unescape_whole(body).unwrap();
        assert_eq!(
            out,
            "Title\n\n## 1. Purpose   \n\n- one\n- `two`    \n\n### **3\\. Steps**  \r\nlast.         "
        );
        assert_eq!(out.len(), body.len());
        // Newlines after each run of lines stay where they were.
        let blank = |s: &str| s.match_indices("\n\n").map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(blank(&out), blank(body));
        for kept in [
            // One escaped heading: an author showing the mark.
            "\\# not a heading\n\nText.\n",
            // Headings of its own: a template shown as text.
            "## **Page format**\n\n\\# Title\n\n\\#\\# Steps\n",
            "#\n\\# a\n\\# b\n",
            "```\n\\# a\n\\# b\n```\n",
            // Seven marks are no heading.
            "\\#\\#\\#\\#\\#\\#\\# a\n\\#x\n",
            "Plain text.\n",
        ] {
            assert_eq!(unescape_whole(kept), None, "{kept:?}");
        }
    }

    /// The events of `body` through [`EscapedAlerts`], as HTML.
    fn drawn(body: &str) -> String {
        let parser =
            pulldown_cmark::Parser::new_ext(body, crate::dialects::options()).into_offset_iter();
        let events = pulldown_cmark::TextMergeWithOffset::new(parser);
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            EscapedAlerts::new(events, body).map(|(e, _)| e),
        );
        html
    }

    #[test]
    fn escaped_alerts_are_alerts() {
        let note = "<blockquote class=\"markdown-alert-note\">";
        for body in [
            "> \\[\\!NOTE\\]\n> Mind the gap.\n",
            "> \\[\\!note\\] Mind the gap.\n",
            "> \\[\\!NOTE\\]  \n> Mind the gap.\n",
            "> \\[\\!NOTE\\]\n>\n> Mind the gap.\n",
            "\\[\\!NOTE\\] Mind the gap.\n",
            "\\[\\!NOTE\\]\n\nMind the gap.\n",
        ] {
            let html = drawn(body);
            assert!(html.starts_with(note), "{body:?}: {html}");
            assert!(html.contains("<p>Mind the gap.</p>"), "{body:?}: {html}");
            assert!(!html.contains("[!"), "{body:?}: {html}");
            assert_eq!(html.matches("</blockquote>").count(), 1, "{body:?}: {html}");
        }
        let html = drawn("\\[\\!WARNING\\]\n\n- one\n- two\n\nAfter.\n");
        assert!(
            html.starts_with("<blockquote class=\"markdown-alert-warning\">\n<ul>"),
            "{html}"
        );
        assert!(
            html.ends_with("</ul>\n</blockquote>\n<p>After.</p>\n"),
            "{html}"
        );
        // Not the export's: as written.
        for body in [
            "> \\[!NOTE] shown.\n",
            "> \\[!NOTE\\] shown.\n",
            "> [!NOTE] shown.\n",
            "\\[\\!NOTE\\]\n\n## Heading\n",
            "\\[\\!NOTICE\\] shown.\n",
            "- \\[\\!NOTE\\] in a list.\n",
        ] {
            let html = drawn(body);
            assert!(!html.contains("markdown-alert"), "{body:?}: {html}");
            assert!(
                html.contains("[!NOTICE]") || html.contains("[!NOTE]"),
                "{body:?}: {html}"
            );
        }
    }

    #[test]
    fn google_redirects_lead_to_their_target() {
        assert_eq!(
            redirect_target("https://www.google.com/url?q=https://github.com/a/b&sa=D&source=editors&ust=1&usg=AOv").as_deref(),
            Some("https://github.com/a/b")
        );
        assert_eq!(
            redirect_target(
                "https://www.google.com/url?q=http%3A%2F%2Fdocs.scipy.org%2Fdoc%2Fufuncs.html"
            )
            .as_deref(),
            Some("http://docs.scipy.org/doc/ufuncs.html")
        );
        assert_eq!(
            redirect_target("https://www.google.com/url?sa=D&q=https://x.org/WikiArt%2520Dataset/README.md&ust=1").as_deref(),
            Some("https://x.org/WikiArt%20Dataset/README.md")
        );
        assert_eq!(
            redirect_target("https://www.google.com/url?q=javascript:alert(1)"),
            None
        );
        assert_eq!(
            redirect_target("https://www.google.com/search?q=https://x.org"),
            None
        );
        assert_eq!(
            redirect_target("https://example.org/url?q=https://x.org"),
            None
        );
    }
}
