//! HackMD's and HedgeDoc's (CodiMD's) notes, as teams download them: their embeds
//! (`{%youtube id %}`, `{%vimeo id %}`, `{%gist user/id %}`, `{%slideshare user/deck %}`,
//! `{%speakerdeck user/deck %}`, `{%pdf https://… %}`), each a link to what it embeds, and
//! markdown-it-mark's highlight, `==text==` (which Joplin, Outline and Obsidian write
//! too), drawn as `<mark>`. Both are event passes the Markdown stage runs only on a page
//! that holds `{%` (embeds) or `==` (marks); a page without them never meets them.

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// The address an embed's tag names (`youtube aqz-KE-bpKQ`, the text between `{%` and
/// `%}`, trimmed), or `None` for any other tag. An id or path must be plain (letters,
/// digits, `-`, `_`, `/`, `.`); a PDF's address an http(s) one without spaces or quotes.
pub(crate) fn embed_address(inner: &str) -> Option<String> {
    let (name, arg) = inner.trim().split_once(char::is_whitespace)?;
    let arg = arg.trim();
    let plain = !arg.is_empty()
        && arg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_/.".contains(&b));
    let path = |slash: bool| plain && arg.contains('/') == slash && !arg.starts_with('/');
    match name {
        "youtube" if path(false) => Some(format!("https://www.youtube.com/watch?v={arg}")),
        "vimeo" if path(false) => Some(format!("https://vimeo.com/{arg}")),
        "gist" if path(true) => Some(format!("https://gist.github.com/{arg}")),
        "slideshare" if path(true) => Some(format!("https://www.slideshare.net/{arg}")),
        "speakerdeck" if path(true) => Some(format!("https://speakerdeck.com/{arg}")),
        "pdf"
            if (arg.starts_with("https://") || arg.starts_with("http://"))
                && !arg.contains(|c: char| c.is_whitespace() || "<>\"'`".contains(c)) =>
        {
            Some(arg.to_string())
        }
        _ => None,
    }
}

/// The address of the embed `text` is, whole (`{%youtube aqz-KE-bpKQ %}`, spaces around
/// it allowed).
fn embed_in(text: &str) -> Option<String> {
    let inner = text.trim().strip_prefix("{%")?.strip_suffix("%}")?;
    embed_address(inner)
}

/// Each text event that is an embed, alone (a line of its own; the leftover scan leaves
/// such a line unreported), becomes a link to the embedded video, gist, deck or PDF,
/// showing its address: orgbook embeds no player, whatever the HTML policy.
pub(crate) struct Embeds<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
    /// Inside a code block, whose text is shown as written.
    in_code: bool,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Embeds<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        Embeds {
            inner,
            out: VecDeque::new(),
            in_code: false,
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Embeds<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        let Some(address) = (match &event {
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
                self.in_code = matches!(event, Event::Start(_));
                None
            }
            Event::Text(text) if !self.in_code => embed_in(text),
            _ => None,
        }) else {
            return Some((event, range));
        };
        let link = Tag::Link {
            link_type: LinkType::Inline,
            dest_url: CowStr::from(address.clone()),
            title: CowStr::from(""),
            id: CowStr::from(""),
        };
        self.out
            .push_back((Event::Text(CowStr::from(address)), range.clone()));
        self.out
            .push_back((Event::End(TagEnd::Link), range.end..range.end));
        Some((Event::Start(link), range))
    }
}

/// The next highlight in `text` from `from`: where its opening `==` is and where its
/// closing `==` is. As markdown-it-mark reads it: the opening one not followed by a
/// space, the closing one not preceded by one, neither part of a longer run of `=`
/// (`a == b`, `===` and `x==y` without a closing pair stay text).
fn mark_run(text: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let equals = |i: usize| bytes.get(i) == Some(&b'=');
    let space = |i: usize| bytes.get(i).is_none_or(|b| b.is_ascii_whitespace());
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&bytes[at..], b"==") {
        let open = at + k;
        at = open + 1;
        if (open > 0 && equals(open - 1)) || equals(open + 2) || space(open + 2) {
            continue;
        }
        let mut close_from = open + 2;
        while let Some(c) = memchr::memmem::find(&bytes[close_from..], b"==") {
            let close = close_from + c;
            if !equals(close + 2) && !space(close - 1) && !equals(close - 1) {
                return Some((open, close));
            }
            close_from = close + 1;
        }
        return None;
    }
    None
}

/// Each highlight in a text event (`==Blocked:==`) drawn as `<mark>…</mark>`, its text
/// still text (for search, and for other passes). Give it merged text
/// (`TextMergeWithOffset`).
pub(crate) struct Marks<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
    /// Inside a code block, whose text is shown as written.
    in_code: bool,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Marks<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        Marks {
            inner,
            out: VecDeque::new(),
            in_code: false,
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Marks<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        match &event {
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            _ => {}
        }
        let Event::Text(text) = &event else {
            return Some((event, range));
        };
        if self.in_code || mark_run(text, 0).is_none() {
            return Some((event, range));
        }
        let text = text.to_string();
        let at = |i: usize| (range.start + i).min(range.end);
        let mut from = 0;
        while let Some((open, close)) = mark_run(&text, from) {
            if open > from {
                self.out.push_back((
                    Event::Text(text[from..open].to_string().into()),
                    at(from)..at(open),
                ));
            }
            self.out
                .push_back((Event::InlineHtml("<mark>".into()), at(open)..at(open + 2)));
            self.out.push_back((
                Event::Text(text[open + 2..close].to_string().into()),
                at(open + 2)..at(close),
            ));
            self.out.push_back((
                Event::InlineHtml("</mark>".into()),
                at(close)..at(close + 2),
            ));
            from = close + 2;
        }
        if from < text.len() {
            self.out.push_back((
                Event::Text(text[from..].to_string().into()),
                at(from)..range.end,
            ));
        }
        self.out.pop_front()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r19_embeds_name_their_address_and_nothing_else_is_one() {
        assert_eq!(
            embed_in("{%youtube aqz-KE-bpKQ %}").as_deref(),
            Some("https://www.youtube.com/watch?v=aqz-KE-bpKQ")
        );
        assert_eq!(
            embed_in("{% gist octo/4277 %}").as_deref(),
            Some("https://gist.github.com/octo/4277")
        );
        assert_eq!(
            embed_in("{%pdf https://example.org/a.pdf %}").as_deref(),
            Some("https://example.org/a.pdf")
        );
        for not in [
            "{%youtube %}",
            "{%youtube a b %}",
            "{%gist 4277 %}",
            "{%pdf file:///etc/passwd %}",
            "{%youtube <script> %}",
            "{% include x.md %}",
            "{%youtube x %} and more",
        ] {
            assert_eq!(embed_in(not), None, "{not}");
        }
    }

    #[test]
    fn r19_marks_pair_as_markdown_it_mark_pairs_them() {
        let runs = |t: &str| {
            let mut v = Vec::new();
            let mut from = 0;
            while let Some((o, c)) = mark_run(t, from) {
                v.push(t[o + 2..c].to_string());
                from = c + 2;
            }
            v
        };
        assert_eq!(
            runs("==Blocked:== on ==the vendor=="),
            ["Blocked:", "the vendor"]
        );
        for text in [
            "a == b == c",
            "=== x ===",
            "x==y",
            "== x==",
            "==x ==",
            "a ==b",
        ] {
            assert!(runs(text).is_empty(), "{text}");
        }
    }
}
