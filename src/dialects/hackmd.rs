//! HackMD's and HedgeDoc's (CodiMD's) notes, as teams download them: their embeds
//! (`{%youtube id %}`, `{%vimeo id %}`, `{%gist user/id %}`, `{%slideshare user/deck %}`,
//! `{%speakerdeck user/deck %}`, `{%pdf https://… %}`), each a link to what it embeds,
//! alone on a line or among other words; markdown-it-mark's highlight, `==text==` (which
//! Joplin, Outline and Obsidian write too), drawn as `<mark>`, and markdown-it-ins's
//! `++inserted++`, drawn as `<ins>`; inline footnotes, `^[a note]` (which pandoc and
//! Obsidian write too), numbered with the page's other footnotes; the `###### tags:` line
//! HedgeDoc writes under a note's title, which gives the page its tags and is not shown;
//! the `[name=…]`, `[time=…]` and `[color=…]` tags of a quote (its author and time, shown
//! as small text; its colour, dropped); and the line-number options of a code fence
//! (```` ```javascript= ````). Each is an event pass the Markdown stage runs only on a
//! page that writes its marker at all (`{%`, `==`, `++`, `^[`, `###### `, `[name=`…); a
//! page without them never meets them.

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, HeadingLevel, LinkType, Tag, TagEnd};

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

/// The embeds in `text` (`{%youtube aqz-KE-bpKQ %}`, alone or among other words): where
/// each is and the address it names. Other `{% … %}` tags are not embeds.
fn embeds_in(text: &str) -> Vec<(Range<usize>, String)> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = text[from..].find("{%").map(|k| from + k) {
        let Some(close) = text[open + 2..].find("%}").map(|k| open + 2 + k) else {
            break;
        };
        match embed_address(&text[open + 2..close]) {
            Some(address) => {
                found.push((open..close + 2, address));
                from = close + 2;
            }
            None => from = open + 2,
        }
    }
    found
}

/// Each embed in a text event (a line of its own, or among other words; the leftover
/// scan leaves embeds unreported) becomes a link to the embedded video, gist, deck or
/// PDF, showing its address: orgbook embeds no player, whatever the HTML policy.
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
        let embeds = match &event {
            Event::Start(Tag::CodeBlock(_)) | Event::End(TagEnd::CodeBlock) => {
                self.in_code = matches!(event, Event::Start(_));
                Vec::new()
            }
            Event::Text(text) if !self.in_code => embeds_in(text),
            _ => Vec::new(),
        };
        let Event::Text(text) = &event else {
            return Some((event, range));
        };
        if embeds.is_empty() {
            return Some((event, range));
        }
        let at = |i: usize| (range.start + i).min(range.end);
        // An embed alone in its text (its own line) is the link alone, as before; around
        // one among words the words stay.
        let alone = embeds.len() == 1 && text.trim() == &text[embeds[0].0.clone()];
        let mut from = 0;
        for (place, address) in embeds {
            if place.start > from && !alone {
                self.out.push_back((
                    Event::Text(text[from..place.start].to_string().into()),
                    at(from)..at(place.start),
                ));
            }
            let link = Tag::Link {
                link_type: LinkType::Inline,
                dest_url: CowStr::from(address.clone()),
                title: CowStr::from(""),
                id: CowStr::from(""),
            };
            let span = at(place.start)..at(place.end);
            self.out.push_back((Event::Start(link), span.clone()));
            self.out
                .push_back((Event::Text(CowStr::from(address)), span.clone()));
            self.out
                .push_back((Event::End(TagEnd::Link), span.end..span.end));
            from = place.end;
        }
        if from < text.len() && !alone {
            self.out.push_back((
                Event::Text(text[from..].to_string().into()),
                at(from)..range.end,
            ));
        }
        self.out.pop_front()
    }
}

/// The next highlight in `text` from `from`: where its opening `==` is and where its
/// closing `==` is. As markdown-it-mark reads it: the opening one not followed by a
/// space, the closing one not preceded by one, neither part of a longer run of `=`
/// (`a == b`, `===` and `x==y` without a closing pair stay text). The pass itself calls
/// [`paired_run`] with its marker; this names the reading the tests check.
#[cfg(test)]
fn mark_run(text: &str, from: usize) -> Option<(usize, usize)> {
    paired_run(text, from, b'=', false)
}

/// The next pair of doubled `marker`s in `text` from `from` (see [`mark_run`]). With
/// `word_bounded`, the opening pair does not follow a letter or digit, nor the closing
/// pair precede one: `C++17 and C++20` is no insertion, whatever markdown-it-ins reads.
fn paired_run(text: &str, from: usize, marker: u8, word_bounded: bool) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let pair = [marker, marker];
    let same = |i: usize| bytes.get(i) == Some(&marker);
    let space = |i: usize| bytes.get(i).is_none_or(|b| b.is_ascii_whitespace());
    let word = |i: usize| word_bounded && bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&bytes[at..], &pair) {
        let open = at + k;
        at = open + 1;
        if (open > 0 && (same(open - 1) || word(open - 1))) || same(open + 2) || space(open + 2) {
            continue;
        }
        let mut close_from = open + 2;
        while let Some(c) = memchr::memmem::find(&bytes[close_from..], &pair) {
            let close = close_from + c;
            if !same(close + 2) && !space(close - 1) && !same(close - 1) && !word(close + 2) {
                return Some((open, close));
            }
            close_from = close + 1;
        }
        return None;
    }
    None
}

/// Each highlight in a text event (`==Blocked:==`) drawn as `<mark>…</mark>`, or each
/// insertion (`++new rota++`, [`Marks::inserts`]) as `<ins>…</ins>`, its text still text
/// (for search, and for other passes). Give it merged text (`TextMergeWithOffset`).
pub(crate) struct Marks<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
    /// Inside a code block, whose text is shown as written.
    in_code: bool,
    marker: u8,
    word_bounded: bool,
    tags: (&'static str, &'static str),
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Marks<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        Marks {
            inner,
            out: VecDeque::new(),
            in_code: false,
            marker: b'=',
            word_bounded: false,
            tags: ("<mark>", "</mark>"),
        }
    }

    /// markdown-it-ins's `++inserted++`, as HackMD and HedgeDoc draw it; only between
    /// words, as `C++` is written in prose more often than an insertion inside a word.
    pub(crate) fn inserts(inner: I) -> Self {
        Marks {
            marker: b'+',
            word_bounded: true,
            tags: ("<ins>", "</ins>"),
            ..Marks::new(inner)
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
        let (marker, word_bounded) = (self.marker, self.word_bounded);
        let run = |text: &str, from: usize| paired_run(text, from, marker, word_bounded);
        if self.in_code || run(text, 0).is_none() {
            return Some((event, range));
        }
        let text = text.to_string();
        let at = |i: usize| (range.start + i).min(range.end);
        let (open_tag, close_tag) = self.tags;
        let mut from = 0;
        while let Some((open, close)) = run(&text, from) {
            if open > from {
                self.out.push_back((
                    Event::Text(text[from..open].to_string().into()),
                    at(from)..at(open),
                ));
            }
            self.out
                .push_back((Event::InlineHtml(open_tag.into()), at(open)..at(open + 2)));
            self.out.push_back((
                Event::Text(text[open + 2..close].to_string().into()),
                at(open + 2)..at(close),
            ));
            self.out.push_back((
                Event::InlineHtml(close_tag.into()),
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

/// A code fence's info string without HedgeDoc's options on its language
/// (```` ```javascript= ```` numbers the lines, `=101` from 101, `=+` on from the block
/// before; a trailing `!` wraps long lines), so the block is highlighted as its language;
/// `None` when it has none.
pub(crate) fn fence_language(info: &str) -> Option<String> {
    let end = info.find(char::is_whitespace).unwrap_or(info.len());
    let (word, rest) = info.split_at(end);
    let unwrapped = word.strip_suffix('!').unwrap_or(word);
    let (language, numbers) = unwrapped.split_once('=').unwrap_or((unwrapped, ""));
    let numbered = unwrapped.contains('=')
        && (numbers.is_empty() || numbers == "+" || numbers.bytes().all(|b| b.is_ascii_digit()));
    let plain = language
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_+#.".contains(&b));
    ((numbered || unwrapped.len() < word.len()) && plain && !unwrapped.starts_with('{'))
        .then(|| format!("{language}{rest}"))
}

/// Whether a heading's text is HedgeDoc's tags line (`###### tags: `retro` `q3``).
fn is_tags_line(text: &str) -> bool {
    text.trim_start()
        .get(..5)
        .is_some_and(|t| t.eq_ignore_ascii_case("tags:"))
}

/// The tags of the `###### tags: `retro` `tramline`` lines of a body (HedgeDoc reads
/// them as the note's tags, from the words in code), outside fenced code. A body without
/// a level-6 heading costs one scan for `###### `.
pub(crate) fn tags_in(body: &str) -> Vec<String> {
    if crate::finder!(b"###### ").find(body.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut tags = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    for line in body.lines() {
        if let Some((c, n, rest)) = crate::dialects::myst::fence(line) {
            match fence {
                Some((fc, fnum)) if fc == c && n >= fnum && rest.is_empty() => fence = None,
                None => fence = Some((c, n)),
                _ => {}
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        let indent = line.len() - line.trim_start_matches(' ').len();
        let Some(text) = line[indent..].strip_prefix("###### ") else {
            continue;
        };
        if indent > 3 || !is_tags_line(text) {
            continue;
        }
        // The words in code: every other piece between backticks.
        for tag in text.split('`').skip(1).step_by(2) {
            let tag = tag.trim();
            if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
                tags.push(tag.to_string());
            }
        }
    }
    tags
}

/// HedgeDoc's tags line, a level-6 heading whose text starts `tags:`, left out of the
/// page: its tags are the page's ([`tags_in`]), not a heading of its own.
pub(crate) struct TagsLine<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> TagsLine<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        TagsLine {
            inner,
            out: VecDeque::new(),
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for TagsLine<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.out.pop_front() {
                return Some(e);
            }
            let (event, range) = self.inner.next()?;
            if !matches!(
                event,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H6,
                    ..
                })
            ) {
                return Some((event, range));
            }
            // The heading's events, held until its text shows whether it is the tags line.
            let mut heading = vec![(event, range)];
            for (event, range) in self.inner.by_ref() {
                let end = matches!(event, Event::End(TagEnd::Heading(_)));
                heading.push((event, range));
                if end {
                    break;
                }
            }
            let tags = matches!(heading.get(1), Some((Event::Text(t), _)) if is_tags_line(t));
            if !tags {
                self.out.extend(heading);
            }
        }
    }
}

/// The name of the `n`th inline footnote of a page (its anchor): one an author's
/// `[^name]` is unlikely to take.
fn inline_note_name(n: usize) -> String {
    format!("inline-note-{n}")
}

/// An inline footnote being read: its events so far, and how many `[` are open in it.
struct OpenNote<'a> {
    /// Where its `^[` is.
    at: Range<usize>,
    events: Vec<(Event<'a>, Range<usize>)>,
    depth: usize,
}

/// A note's text as events, each with where it is written.
type NoteEvents<'a> = Vec<(Event<'a>, Range<usize>)>;

/// Inline footnotes, `^[the note]` (markdown-it-footnote's, as HackMD and HedgeDoc read
/// them; pandoc and Obsidian write them too): a footnote reference where it stands, and
/// its text a footnote at the end of the page, numbered with the page's other footnotes.
/// The note may hold links and emphasis; one its paragraph ends inside is left as
/// written. Give it merged text (`TextMergeWithOffset`).
pub(crate) struct InlineNotes<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
    open: Option<OpenNote<'a>>,
    /// Each note: where its marker stood, and its text's events.
    notes: Vec<(Range<usize>, NoteEvents<'a>)>,
    in_code: bool,
    /// Where the last event read ends: the notes are placed there.
    end: usize,
    finished: bool,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> InlineNotes<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        InlineNotes {
            inner,
            out: VecDeque::new(),
            open: None,
            notes: Vec::new(),
            in_code: false,
            end: 0,
            finished: false,
        }
    }

    /// A note that does not close: its `^[` and events go out as written.
    fn abandon(&mut self) {
        if let Some(note) = self.open.take() {
            self.out.push_back((Event::Text("^[".into()), note.at));
            self.out.extend(note.events);
        }
    }

    /// A text event: its notes opened, continued or closed.
    fn text(&mut self, text: CowStr<'a>, range: Range<usize>) {
        let at = |i: usize| (range.start + i).min(range.end);
        let bytes = text.as_bytes();
        let mut from = 0;
        let mut i = 0;
        while i < bytes.len() {
            match (&mut self.open, bytes[i]) {
                (None, b'^') if bytes.get(i + 1) == Some(&b'[') => {
                    if i > from {
                        self.out.push_back((
                            Event::Text(text[from..i].to_string().into()),
                            at(from)..at(i),
                        ));
                    }
                    self.open = Some(OpenNote {
                        at: at(i)..at(i + 2),
                        events: Vec::new(),
                        depth: 1,
                    });
                    i += 2;
                    from = i;
                    continue;
                }
                (Some(note), b'[') => note.depth += 1,
                (Some(note), b']') => {
                    note.depth -= 1;
                    if note.depth == 0 {
                        let mut note = self.open.take().unwrap_or_else(|| unreachable!());
                        if i > from {
                            note.events.push((
                                Event::Text(text[from..i].to_string().into()),
                                at(from)..at(i),
                            ));
                        }
                        self.notes.push((note.at.start..at(i + 1), note.events));
                        let name = inline_note_name(self.notes.len());
                        self.out.push_back((
                            Event::FootnoteReference(name.into()),
                            note.at.start..at(i + 1),
                        ));
                        from = i + 1;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if from < bytes.len() {
            let piece = (
                Event::Text(text[from..].to_string().into()),
                at(from)..range.end,
            );
            match &mut self.open {
                Some(note) => note.events.push(piece),
                None => self.out.push_back(piece),
            }
        }
    }

    /// The notes, each a footnote definition, at the end of the page.
    fn place_notes(&mut self) {
        let end = self.end..self.end;
        for (n, (_, events)) in std::mem::take(&mut self.notes).into_iter().enumerate() {
            let name: CowStr<'a> = inline_note_name(n + 1).into();
            self.out.extend([
                (
                    Event::Start(Tag::FootnoteDefinition(name.clone())),
                    end.clone(),
                ),
                (Event::Start(Tag::Paragraph), end.clone()),
            ]);
            self.out.extend(events);
            self.out.extend([
                (Event::End(TagEnd::Paragraph), end.clone()),
                (Event::End(TagEnd::FootnoteDefinition), end.clone()),
            ]);
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for InlineNotes<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(e) = self.out.pop_front() {
                return Some(e);
            }
            if self.finished {
                return None;
            }
            let Some((event, range)) = self.inner.next() else {
                self.finished = true;
                self.abandon();
                self.place_notes();
                continue;
            };
            self.end = self.end.max(range.end);
            let inline = match &event {
                Event::Start(Tag::CodeBlock(_)) => {
                    self.in_code = true;
                    false
                }
                Event::End(TagEnd::CodeBlock) => {
                    self.in_code = false;
                    false
                }
                Event::Start(
                    Tag::Emphasis
                    | Tag::Strong
                    | Tag::Strikethrough
                    | Tag::Superscript
                    | Tag::Subscript
                    | Tag::Link { .. },
                )
                | Event::End(
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript
                    | TagEnd::Link,
                )
                | Event::Text(_)
                | Event::Code(_)
                | Event::InlineMath(_)
                | Event::InlineHtml(_)
                | Event::SoftBreak
                | Event::HardBreak => true,
                _ => false,
            };
            match event {
                Event::Text(text) if !self.in_code => self.text(text, range),
                event if inline && self.open.is_some() => {
                    if let Some(note) = &mut self.open {
                        note.events.push((event, range));
                    }
                }
                event => {
                    // A block starts or ends inside the note: it was no note.
                    self.abandon();
                    self.out.push_back((event, range));
                }
            }
        }
    }
}

/// The tags HedgeDoc reads in a quote: `[name=Alice]`, `[time=…]`, `[color=#f00]`.
const QUOTE_TAGS: [&str; 3] = ["[name=", "[time=", "[color="];

/// Whether `body` writes a quote's tag ([`QUOTE_TAGS`]) anywhere.
pub(crate) fn may_tag_quotes(body: &str) -> bool {
    crate::finder!(b"[name=").find(body.as_bytes()).is_some()
        || crate::finder!(b"[time=").find(body.as_bytes()).is_some()
        || crate::finder!(b"[color=").find(body.as_bytes()).is_some()
}

/// The tags of a quote (HedgeDoc's): its author (`[name=Alice]`) and time
/// (`[time=Mon, Mar 3, 2025 9:12 AM]`) shown as small text, its colour (`[color=#f00]`,
/// the quote's bar in HedgeDoc) left out. Outside quotes they stay as written.
pub(crate) struct QuoteTags<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
    quotes: usize,
    in_code: bool,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> QuoteTags<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        QuoteTags {
            inner,
            out: VecDeque::new(),
            quotes: 0,
            in_code: false,
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for QuoteTags<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        match &event {
            Event::Start(Tag::BlockQuote(_)) => self.quotes += 1,
            Event::End(TagEnd::BlockQuote(_)) => self.quotes = self.quotes.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => self.in_code = true,
            Event::End(TagEnd::CodeBlock) => self.in_code = false,
            _ => {}
        }
        let Event::Text(text) = &event else {
            return Some((event, range));
        };
        if self.quotes == 0 || self.in_code || !QUOTE_TAGS.iter().any(|t| text.contains(t)) {
            return Some((event, range));
        }
        let at = |i: usize| (range.start + i).min(range.end);
        let mut from = 0;
        let mut i = 0;
        while let Some(k) = text[i..].find('[') {
            let open = i + k;
            i = open + 1;
            let Some(tag) = QUOTE_TAGS.iter().find(|t| text[open..].starts_with(**t)) else {
                continue;
            };
            let value_at = open + tag.len();
            let Some(close) = text[value_at..]
                .find([']', '['])
                .map(|k| value_at + k)
                .filter(|&c| text.as_bytes()[c] == b']')
            else {
                continue;
            };
            let value = text[value_at..close].trim();
            if value.is_empty() {
                continue;
            }
            if open > from {
                self.out.push_back((
                    Event::Text(text[from..open].to_string().into()),
                    at(from)..at(open),
                ));
            }
            if *tag != "[color=" {
                self.out
                    .push_back((Event::InlineHtml("<small>".into()), at(open)..at(value_at)));
                self.out.push_back((
                    Event::Text(value.to_string().into()),
                    at(value_at)..at(close),
                ));
                self.out.push_back((
                    Event::InlineHtml("</small>".into()),
                    at(close)..at(close + 1),
                ));
            }
            from = close + 1;
            i = from;
        }
        if from == 0 {
            return Some((event, range));
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

/// Whether the raw HTML `html`, written at `source` in the body, is one of these passes'
/// own tags rather than the author's: drawn whatever the raw-HTML policy, as the author
/// wrote no HTML. Each tag stands on the marker it replaces.
pub(crate) fn own_tag(html: &str, source: Option<&str>) -> bool {
    let Some(source) = source else {
        return false;
    };
    match html {
        "<mark>" | "</mark>" => source == "==",
        "<ins>" | "</ins>" => source == "++",
        "<small>" => source == "[name=" || source == "[time=",
        "</small>" => source == "]",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r19_embeds_name_their_address_and_nothing_else_is_one() {
        let embed_in = |t: &str| match embeds_in(t).as_slice() {
            [(place, address)] if t.trim() == &t[place.clone()] => Some(address.clone()),
            _ => None,
        };
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
        ] {
            assert!(embeds_in(not).is_empty(), "{not}");
        }
    }

    #[test]
    fn embeds_among_words_are_found_where_they_stand() {
        let text = "See {%youtube a1 %} here, {% include x.md %} and {%vimeo 42 %}.";
        let found = embeds_in(text);
        assert_eq!(found.len(), 2);
        assert_eq!(&text[found[0].0.clone()], "{%youtube a1 %}");
        assert_eq!(found[1].1, "https://vimeo.com/42");
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
