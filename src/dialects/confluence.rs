//! Confluence's storage format (the XHTML Confluence keeps a page in) left in Markdown by
//! a converter that turned the HTML it knew into Markdown and passed Confluence's own
//! elements through. CommonMark reads no tag whose name holds a colon, so a reader saw
//! every `<ac:…>` and `<ri:…>` tag as text, and what they stand for not at all: a link to
//! another page (`<ac:link><ri:page ri:content-title="Release train"/></ac:link>`) names
//! the page only in an attribute, and a link's text sits in a CDATA section the sanitizer
//! drops.
//!
//! Read here, each written in place as Markdown of at most its own length (padded with
//! spaces, inside a link before its `)`, so every offset after it on its line, and every
//! line, stays the source's):
//!
//! - a link to a page, `[text](<ri:page:Title#anchor>)`: the renderer finds the page by its
//!   title (`markdown::body`), as Confluence does; without a link body the text is the
//!   title and the destination `<ri:page:>` says so;
//! - a link to an attachment, `[text](<ri:attachment:rota.csv>)`, and an image of one,
//!   `![alt](<ri:attachment:map.png>)`: Confluence names an attachment by its file name
//!   alone, and the export puts it in some folder of its own, so the renderer finds it by
//!   name as a wikilink's file is found;
//! - a link to an address (`<ri:url ri:value="…"/>`), a Markdown link to it;
//! - the panels `info`, `note`, `tip`, `warning` (and `panel`, `expand`): callouts, titled
//!   by their `title` parameter else by the macro's name, the `<ac:rich-text-body>` tags
//!   written as `<div>` and `</div>` so that an indented body (the storage format
//!   pretty-printed) stays one block of HTML rather than becoming code.
//!
//! - a `code` or `noformat` macro with a CDATA body: a fenced code block in its language,
//!   whose code is the CDATA's as written (a fence shows it, so it is escaped once, when
//!   the block is highlighted). A fence needs a line of its own, and lines must stay: the
//!   opening fence takes the line `<![CDATA[` ends, else the blank line before the macro;
//!   the closing fence the line `]]>` starts, else the blank line after it
//!   ([`code_fences`]). One line of code in a sentence is a `<code>` element, which a
//!   sentence of Markdown, a paragraph exported as HTML and a panel's body all show as
//!   code; when the element is longer than the macro, a code span, and the renderer
//!   writes the element in its place where it lands in a block of HTML
//!   (`Kind::CodeElement`);
//! - a mention (`<ri:user …/>` in a link), an emoticon, a `<time datetime>`: the name,
//!   the character, the date, as text in a `<span>` padded inside its closing tag.
//!
//! Another macro (`toc`, `jira`, a code macro with no line for a fence…) is left as
//! written, and its opening tag is a `template-leftover` warning, as other generators'
//! constructs are.

use super::found::{Kind, Leftover};
use pulldown_cmark::BlockQuoteKind as K;
use std::ops::Range;

/// Whether `body` may hold storage-format tags: one memmem scan.
pub(crate) fn may_have(body: &str) -> bool {
    crate::finder!(b"<ac:").find(body.as_bytes()).is_some()
}

/// One storage-format element found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tag {
    /// `<ac:structured-macro ac:name="info" …>`: the macro's name.
    MacroOpen(String),
    /// `<ac:structured-macro ac:name="toc" … />`, which holds nothing: its name.
    MacroAlone(String),
    /// `</ac:structured-macro>`.
    MacroClose,
    /// `<ac:parameter ac:name="title">Before you start</ac:parameter>`: name, value.
    Parameter(String, String),
    /// `<ac:rich-text-body>`.
    BodyOpen,
    /// `</ac:rich-text-body>`.
    BodyClose,
    /// A link, an image, a mention, an emoticon or a date, whole, and the Markdown it is
    /// written as (`None`: it has no Markdown that fits in its place, and stays as written).
    Inline(Option<String>),
    /// A `code` or `noformat` macro whose body is a CDATA section, whole: the macro's
    /// name, the language its `language` parameter gives (empty: none), and where the
    /// code is (between `<![CDATA[` and `]]>`).
    Code {
        name: String,
        lang: String,
        code: Range<usize>,
    },
    /// A tag of a task list ([`Task`]).
    Task(Task),
}

/// The tags of a task list (`<ac:task-list><ac:task><ac:task-id>1</ac:task-id>
/// <ac:task-status>complete</ac:task-status><ac:task-body>…</ac:task-body></ac:task>…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Task {
    ListOpen,
    ListClose,
    Open,
    Close,
    /// `<ac:task-id>…</ac:task-id>` or `<ac:task-uuid>…</ac:task-uuid>`, whole: Confluence's
    /// bookkeeping, which a reader never sees.
    Meta,
    /// `<ac:task-status>…</ac:task-status>`, whole: whether it says `complete`.
    Status(bool),
    BodyOpen,
    BodyClose,
}

/// The storage-format elements of `body`, in order, each within one line but a code
/// macro: outside code or not (the caller, which knows where code is, decides).
pub(crate) fn tags(body: &str) -> Vec<(Range<usize>, Tag)> {
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    // Where each closing tag (`</ac:link>`, `</ac:image>`, `</ac:parameter>`) was looked
    // for last and found, if it was: searched forwards only, so a line of a thousand
    // unclosed `<ac:link>` or `<ac:parameter>` stays linear.
    // The fourth: a code macro's `]]>`; then a task's `</ac:task-id>`, `</ac:task-uuid>`
    // and `</ac:task-status>`.
    let mut closers: [Option<(usize, Option<usize>)>; 7] = [None; 7];
    let mut closing = |slot: usize, closer: &str, from: usize| {
        let next = match closers[slot] {
            Some((searched, None)) if searched <= from => None,
            Some((_, Some(n))) if n >= from => Some(n),
            _ => body[from..].find(closer).map(|n| from + n),
        };
        closers[slot] = Some((from, next));
        next
    };
    // The end of the line being read, found once a line.
    let mut line_end = 0;
    let mut at = 0;
    while let Some(k) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + k;
        let rest = &bytes[start + 1..];
        // `<time datetime="…"/>` is HTML, but a date Confluence writes so holds no text.
        if !(rest.starts_with(b"ac:") || rest.starts_with(b"/ac:") || rest.starts_with(b"time ")) {
            at = start + 1;
            continue;
        }
        if start >= line_end {
            line_end = body[start..].find('\n').map_or(body.len(), |n| start + n);
        }
        let Some(gt) = body[start..line_end].find('>').map(|g| start + g + 1) else {
            at = line_end.max(start + 4);
            continue;
        };
        let tag = &body[start..gt];
        let name = tag
            .trim_start_matches(['<', '/'])
            .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .next()
            .unwrap_or("");
        let mut end = gt;
        let found = if tag.starts_with("</") {
            match name {
                "ac:structured-macro" => Some(Tag::MacroClose),
                "ac:rich-text-body" => Some(Tag::BodyClose),
                "ac:task-list" => Some(Tag::Task(Task::ListClose)),
                "ac:task" => Some(Tag::Task(Task::Close)),
                "ac:task-body" => Some(Tag::Task(Task::BodyClose)),
                _ => None,
            }
        } else {
            match name {
                "ac:structured-macro" => attribute(tag, "ac:name").map(|n| {
                    let n = n.to_ascii_lowercase();
                    if tag.ends_with("/>") {
                        return Tag::MacroAlone(n);
                    }
                    if n == "code" || n == "noformat" {
                        let found = code_macro(body, gt, &mut |closer, from| {
                            let slot = if closer == "]]>" { 3 } else { 2 };
                            closing(slot, closer, from)
                        });
                        if let Some((lang, code, macro_end)) = found {
                            // What is in the code is not read as tags.
                            end = macro_end;
                            return Tag::Code {
                                name: n,
                                lang,
                                code,
                            };
                        }
                    }
                    Tag::MacroOpen(n)
                }),
                "ac:rich-text-body" => Some(Tag::BodyOpen),
                "ac:parameter" => closing(2, "</ac:parameter>", gt)
                    .filter(|&c| c < line_end)
                    .map(|c| {
                        end = c + "</ac:parameter>".len();
                        Tag::Parameter(
                            attribute(tag, "ac:name").unwrap_or_default(),
                            xml_text(&body[gt..c]),
                        )
                    }),
                "ac:task-list" | "ac:task" | "ac:task-body" if tag.ends_with("/>") => None,
                "ac:task-list" => Some(Tag::Task(Task::ListOpen)),
                "ac:task" => Some(Tag::Task(Task::Open)),
                "ac:task-body" => Some(Tag::Task(Task::BodyOpen)),
                "ac:task-id" | "ac:task-uuid" | "ac:task-status" => {
                    let (slot, closer) = match name {
                        "ac:task-id" => (4, "</ac:task-id>"),
                        "ac:task-uuid" => (5, "</ac:task-uuid>"),
                        _ => (6, "</ac:task-status>"),
                    };
                    closing(slot, closer, gt)
                        .filter(|&c| c < line_end && !tag.ends_with("/>"))
                        .map(|c| {
                            end = c + closer.len();
                            Tag::Task(if slot == 6 {
                                Task::Status(
                                    xml_text(&body[gt..c]).eq_ignore_ascii_case("complete"),
                                )
                            } else {
                                Task::Meta
                            })
                        })
                }
                "ac:emoticon" => Some(Tag::Inline(emoticon(tag).map(|e| plain(&e)))),
                "time" if tag.ends_with("/>") => Some(Tag::Inline(
                    attribute(tag, "datetime")
                        .filter(|d| !d.trim().is_empty())
                        .map(|d| plain(d.trim())),
                )),
                "ac:link" | "ac:image" => {
                    let (slot, closer) = if name == "ac:link" {
                        (0, "</ac:link>")
                    } else {
                        (1, "</ac:image>")
                    };
                    match closing(slot, closer, gt).filter(|&n| n < line_end) {
                        // `<ac:link … />` has no content: nothing to read.
                        Some(_) if tag.ends_with("/>") => None,
                        Some(n) => {
                            end = n + closer.len();
                            let inner = &body[gt..n];
                            Some(Tag::Inline(if name == "ac:link" {
                                link(tag, inner)
                            } else {
                                image(tag, inner)
                            }))
                        }
                        None => None,
                    }
                }
                _ => None,
            }
        };
        if let Some(t) = found {
            out.push((start..end, t));
        }
        at = end.max(start + 4);
    }
    out
}

/// A `code` or `noformat` macro from the end of its opening tag (`from`): its parameters,
/// then `<ac:plain-text-body><![CDATA[…]]></ac:plain-text-body>`, then its closing tag,
/// with spaces and line breaks between them. The language, where the code is, and where
/// the macro ends; `None` when it is written otherwise (another body, a CDATA section
/// split to hold `]]>`). `closing(closer, from)` finds `</ac:parameter>` and `]]>`
/// forwards only, so that a page of unclosed macros is read once.
fn code_macro(
    body: &str,
    from: usize,
    closing: &mut impl FnMut(&str, usize) -> Option<usize>,
) -> Option<(String, Range<usize>, usize)> {
    let skip = |at: usize| {
        at + body[at..]
            .bytes()
            .take_while(|b| b.is_ascii_whitespace())
            .count()
    };
    let mut lang = String::new();
    let mut at = skip(from);
    while body[at..].starts_with("<ac:parameter") {
        let gt = at + body[at..].find('>')? + 1;
        if body[..gt].ends_with("/>") {
            at = skip(gt);
            continue;
        }
        let close = closing("</ac:parameter>", gt)?;
        if attribute(&body[at..gt], "ac:name").as_deref() == Some("language") {
            lang = xml_text(&body[gt..close]).to_ascii_lowercase();
        }
        at = skip(close + "</ac:parameter>".len());
    }
    let open = "<ac:plain-text-body><![CDATA[";
    if !body[at..].starts_with(open) {
        return None;
    }
    let start = at + open.len();
    let stop = closing("]]>", start)?;
    let mut at = skip(stop + "]]>".len());
    for closer in ["</ac:plain-text-body>", "</ac:structured-macro>"] {
        if !body[at..].starts_with(closer) {
            return None;
        }
        at += closer.len();
        if closer == "</ac:plain-text-body>" {
            at = skip(at);
        }
    }
    // Confluence's own names (`c#`, `actionscript3`, `yml`) are the fence's language as
    // they are; one that could not stand there is left out.
    if !lang
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+#._-".contains(&b))
    {
        lang.clear();
    }
    Some((lang, start..stop, at))
}

/// The fences a code macro is written as, outside a panel: Markdown of the same lines.
/// The opening fence takes the line the macro starts on when the code starts on the next
/// (`<![CDATA[` ends its line), else the blank line before the macro; the closing fence
/// the line `]]>` starts, else the blank line after the macro (or the body's end). Each
/// is a rewrite of its range, padded with spaces before a line break it moves. `None`
/// when neither line is there (the macro in a paragraph): it stays as written.
fn code_fences(
    body: &str,
    macro_range: &Range<usize>,
    code: &Range<usize>,
    lang: &str,
) -> Option<[(Range<usize>, String); 2]> {
    let bytes = body.as_bytes();
    let blank = |b: &u8| b" \t\r".contains(b);
    // The start of the line `at` is on, when only spaces are before `at` on it.
    let line_start = |at: usize| {
        let spaces = bytes[..at].iter().rev().take_while(|b| blank(b)).count();
        let s = at - spaces;
        (s == 0 || bytes[s - 1] == b'\n').then_some(s)
    };
    // The end of the line `at` is on (its `\n` or the body's end), when only spaces are
    // after `at` on it.
    let line_end = |at: usize| {
        let e = at + bytes[at..].iter().take_while(|b| blank(b)).count();
        (e == bytes.len() || bytes[e] == b'\n').then_some(e)
    };
    let text = &body[code.clone()];
    // Longer than any run of backticks in the code, so none closes it.
    let mut longest = 0;
    let mut run = 0;
    for b in text.bytes() {
        run = if b == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    let opening = format!("{fence}{lang}");
    let first = line_start(macro_range.start)?;
    let open = if text.starts_with('\n') || text.starts_with("\r\n") {
        // On the line of `<![CDATA[`; the lines of the macro's parameters above it blank.
        let range = first..code.start;
        let written = &body[range.clone()];
        let last = written.rfind('\n').map_or(0, |n| n + 1);
        (range, format!("{}{opening}", blanked(&written[..last])))
    } else {
        // On the blank line before the macro (the code starts on its line), or on the
        // last of its parameters' lines; the lines above it blank.
        let before = first.checked_sub(1)?;
        let range = line_start(before)?..code.start;
        let written = &body[range.clone()];
        let end = written.rfind('\n')?;
        let line = written[..end].rfind('\n').map_or(0, |n| n + 1);
        let fill = (written.len() - line).checked_sub(opening.len() + 1)?;
        let text = format!(
            "{}{opening}{}\n",
            blanked(&written[..line]),
            " ".repeat(fill)
        );
        (range, text)
    };
    let last = line_end(macro_range.end)?;
    let last_line = text.rfind('\n').map(|n| code.start + n + 1);
    let close = match last_line.filter(|&l| bytes[l..code.end].iter().all(blank)) {
        // `]]>` starts its line (after spaces, which the code's last line held): the
        // fence there, the closing tags' lines below it blank.
        Some(l) => {
            let range = l..last;
            let written = &body[range.clone()];
            let first = written.find('\n').unwrap_or(written.len());
            let fill = first.checked_sub(fence.len())?;
            let text = format!("{fence}{}{}", " ".repeat(fill), blanked(&written[first..]));
            (range, text)
        }
        // The blank line after the macro (or the body's end): the code's last line ends
        // where `]]>` was, the fence takes the next line, the lines below it blank.
        None => {
            let end = if last == bytes.len() {
                last
            } else {
                line_end(last + 1)?
            };
            let range = code.end..end;
            let written = &body[range.clone()];
            let text = match written.find('\n') {
                // At the body's end: a line more there moves nothing.
                None => format!("\n{fence}"),
                Some(n) => format!(
                    "\n{fence}{}{}",
                    " ".repeat(n.checked_sub(fence.len())?),
                    blanked(&written[n + 1..])
                ),
            };
            (range, text)
        }
    };
    (open.1.len() <= open.0.len() && close.1.len() <= close.0.len() && open.0.end <= close.0.start)
        .then_some([open, close])
}

/// `text` as spaces, its line breaks kept.
fn blanked(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => "\n".to_string(),
            c => " ".repeat(c.len_utf8()),
        })
        .collect()
}

/// Code of one line as a `<code>` element in a `<span>` ([`plain`]'s reason), its
/// punctuation as character references ([`references`]): the macro may sit in a sentence
/// of Markdown or in a paragraph exported as HTML (`<p>run <ac:structured-macro …>…</p>`),
/// which reads no Markdown, so a code span's backticks would show there. `None` for code
/// of several lines or none.
fn code_element(code: &str) -> Option<String> {
    if code.trim().is_empty() || code.contains(['\n', '\r']) {
        return None;
    }
    let mut out = String::with_capacity(code.len() + 32);
    out.push_str("<span><code>");
    references(code, &mut out);
    out.push_str("</code></span>");
    Some(out)
}

/// Code of one line as a code span in a `<span>`, for code whose [`code_element`] does
/// not fit in its macro's bytes: its backticks more than any run of them in the code,
/// spaced from a backtick at either end. `None` for code of several lines or none.
fn code_span(code: &str) -> Option<String> {
    if code.trim().is_empty() || code.contains(['\n', '\r']) {
        return None;
    }
    let mut longest = 0;
    let mut run = 0;
    for b in code.bytes() {
        run = if b == b'`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let ticks = "`".repeat(longest + 1);
    let space = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    Some(format!("<span>{ticks}{space}{code}{space}{ticks}</span>"))
}

/// An emoticon (`<ac:emoticon ac:name="tick"/>`) as the character Confluence shows: its
/// own fallback where the tag gives one (`ac:emoji-fallback`, Confluence Cloud's), else
/// the one its name stands for.
fn emoticon(tag: &str) -> Option<String> {
    if let Some(e) = attribute(tag, "ac:emoji-fallback").filter(|e| {
        let e = e.trim();
        !e.is_empty() && e.chars().count() <= 4 && !e.contains(['<', '>', '&'])
    }) {
        return Some(e.trim().to_string());
    }
    let name = attribute(tag, "ac:name")?;
    Some(
        match name.as_str() {
            "tick" => "✅",
            "cross" => "❌",
            "warning" => "⚠️",
            "information" => "ℹ️",
            "plus" => "➕",
            "minus" => "➖",
            "question" => "❓",
            "light-on" => "💡",
            "light-off" => "🌑",
            "yellow-star" | "star_yellow" => "⭐",
            "red-star" | "star_red" | "green-star" | "star_green" | "blue-star" | "star_blue" => {
                "★"
            }
            "smile" => "🙂",
            "sad" => "🙁",
            "cheeky" => "😛",
            "laugh" => "😄",
            "wink" => "😉",
            "thumbs-up" => "👍",
            "thumbs-down" => "👎",
            "heart" => "❤️",
            "broken-heart" => "💔",
            // One of a later version: its name, as a shortcode reads.
            _ => return Some(format!(":{name}:")),
        }
        .to_string(),
    )
}

/// `text` shown as it is, in a `<span>` whose closing tag ends in `>` so that the padding
/// goes before it, where HTML allows spaces: after the text it would show as a space
/// before the punctuation that follows.
///
/// Its punctuation is written as character references (`&#64;` for `@`), which read the
/// same in Markdown and in a block of HTML: the element may land in either (a mention in a
/// sentence, or in a panel's body or a paragraph exported on one line), and a backslash
/// escape, which Markdown alone reads, showed as `\@okowalski` in HTML. Only `.`, `,`,
/// `-`, `/`, `(`, `)`, `;` and `?` stay as they are: nothing in Markdown starts with one
/// of them alone, and a date (`2024-03-05`) keeps its length.
fn plain(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str("<span>");
    references(text, &mut out);
    out.push_str("</span>");
    out
}

/// `text` onto `out` with its ASCII punctuation as character references but for
/// `.,-/();?` ([`plain`]'s rule): read the same in Markdown and in a block of HTML.
fn references(text: &str, out: &mut String) {
    for c in text.chars() {
        if c.is_ascii_punctuation() && !".,-/();?".contains(c) {
            out.push_str(&format!("&#{};", u32::from(c)));
        } else {
            out.push(c);
        }
    }
}

/// The value of `key="…"` in a tag, its entities decoded.
fn attribute(tag: &str, key: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(i) = rest.find(key) {
        let before_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
        let after = &rest[i + key.len()..];
        if before_ok && let Some(value) = after.strip_prefix("=\"") {
            return value.split_once('"').map(|(v, _)| xml_text(v));
        }
        rest = after;
    }
    None
}

/// Text of the storage format as a reader sees it: a CDATA section's content as it is,
/// entities decoded.
fn xml_text(text: &str) -> String {
    let text = text.trim();
    if let Some(inner) = text
        .strip_prefix("<![CDATA[")
        .and_then(|t| t.strip_suffix("]]>"))
    {
        return inner.to_string();
    }
    crate::text::unescape_html(&text.replace("&apos;", "'")).into_owned()
}

/// The text of a link's body: `<ac:plain-text-link-body><![CDATA[text]]></…>` or
/// `<ac:link-body>text</ac:link-body>` (its tags dropped). `None` when it has none.
fn link_body(inner: &str) -> Option<String> {
    for (open, close) in [
        ("<ac:plain-text-link-body>", "</ac:plain-text-link-body>"),
        ("<ac:link-body>", "</ac:link-body>"),
    ] {
        if let Some(i) = inner.find(open) {
            let rest = &inner[i + open.len()..];
            let text = &rest[..rest.find(close).unwrap_or(rest.len())];
            let text = if text.trim_start().starts_with("<![CDATA[") {
                xml_text(text)
            } else {
                xml_text(&strip_tags(text))
            };
            return Some(text).filter(|t| !t.trim().is_empty());
        }
    }
    None
}

/// `html` without its tags (a rich link body's `<strong>`), whitespace kept.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The first `<ri:…>` resource element of a link or an image: its name and the tag.
fn resource(inner: &str) -> Option<(&str, &str)> {
    let i = inner.find("<ri:")?;
    let tag = &inner[i..i + inner[i..].find('>')? + 1];
    let name = tag[1..]
        .split(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .next()?;
    Some((name, tag))
}

/// A link (`<ac:link …>` and what is in it) written as Markdown.
fn link(open: &str, inner: &str) -> Option<String> {
    let (name, tag) = resource(inner)?;
    let body = link_body(inner);
    match name {
        "ri:page" | "ri:blog-post" => {
            let title = attribute(tag, "ri:content-title").filter(|t| !t.trim().is_empty())?;
            let anchor = attribute(open, "ac:anchor")
                .filter(|a| !a.is_empty() && !a.contains(['<', '>', '\n']))
                .map(|a| format!("#{a}"))
                .unwrap_or_default();
            if title.contains(['<', '>', '\n', '#']) {
                return None;
            }
            Some(match body {
                Some(text) => format!("[{}](<ri:page:{title}{anchor}>)", escape(&text)),
                None => format!("[{}](<ri:page:{anchor}>)", escape(&title)),
            })
        }
        "ri:attachment" => {
            let file = attribute(tag, "ri:filename").filter(|f| destination_safe(f))?;
            let text = body.unwrap_or_else(|| file.clone());
            Some(format!("[{}](<ri:attachment:{file}>)", escape(&text)))
        }
        "ri:url" => {
            let url = attribute(tag, "ri:value").filter(|u| !u.contains(['<', '>', '\n', ' ']))?;
            let text = body.unwrap_or_else(|| url.clone());
            Some(format!("[{}](<{url}>)", escape(&text)))
        }
        // A mention: the name the link shows, else the user's name. Cloud names a user
        // by an account id alone, which says nothing to a reader.
        "ri:user" => Some(plain(
            &body
                .or_else(|| {
                    attribute(tag, "ri:username")
                        .filter(|u| !u.trim().is_empty())
                        .map(|u| format!("@{}", u.trim()))
                })
                .unwrap_or_else(|| "a Confluence user".to_string()),
        )),
        _ => None,
    }
}

/// An image (`<ac:image …>` and what is in it) written as Markdown, its `ac:alt` the
/// image's text.
fn image(open: &str, inner: &str) -> Option<String> {
    let (name, tag) = resource(inner)?;
    let alt = escape(&attribute(open, "ac:alt").unwrap_or_default());
    match name {
        "ri:attachment" => {
            let file = attribute(tag, "ri:filename").filter(|f| destination_safe(f))?;
            Some(format!("![{alt}](<ri:attachment:{file}>)"))
        }
        "ri:url" => {
            let url = attribute(tag, "ri:value").filter(|u| !u.contains(['<', '>', '\n', ' ']))?;
            Some(format!("![{alt}](<{url}>)"))
        }
        _ => None,
    }
}

/// A block of raw HTML with the links and images [`link`] and [`image`] wrote as
/// Markdown (`[text](<ri:page:Title#anchor>   )`, `![alt](<ri:attachment:map.png>)`)
/// written as HTML (`<a href="ri:page:Title#anchor">text</a>`, `<img src=… alt=…>`):
/// inside such a block (a panel's body, a table whose row is one line, as storage-format
/// exports write whole paragraphs) CommonMark reads no Markdown, and a reader saw the
/// link's source as text. The renderer resolves these addresses as it resolves the
/// Markdown ones. Each is written in the place the Markdown took, padded inside its
/// opening tag when shorter (so offsets after it stay), longer only when its text needed
/// escaping. `None` when the block holds none. One pass: each `](<ri:` is found once, and
/// the text before it is looked back over no further than the previous one's end.
pub(crate) fn links_in_html(piece: &str) -> Option<String> {
    let bytes = piece.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    // No link's text reaches back before here: what is before was read already.
    let mut floor = 0;
    for at in crate::finder!(b"](<ri:").find_iter(bytes) {
        if at < floor {
            continue;
        }
        let (from, to) = (floor, at);
        floor = at + 1;
        // The link's `[`: the first bracket back that no backslash escapes ([`escape`]
        // escaped every bracket of the text); none when that is a `]`, or this `]` is
        // escaped.
        let escaped = |i: usize| {
            bytes[from..i]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count()
                % 2
                == 1
        };
        if escaped(to) {
            continue;
        }
        let Some(open) = (from..to)
            .rev()
            .find(|&i| matches!(bytes[i], b'[' | b']') && !escaped(i))
            .filter(|&i| bytes[i] == b'[')
        else {
            continue;
        };
        let image = open > from
            && bytes[open - 1] == b'!'
            && (open - 1 == from || bytes[open - 2] != b'\\');
        let start = if image { open - 1 } else { open };
        let dest_start = at + 3;
        let Some(dest_len) = memchr::memchr(b'>', &bytes[dest_start..]) else {
            break;
        };
        let dest = &piece[dest_start..dest_start + dest_len];
        if dest.contains(['<', '\n']) {
            continue;
        }
        let after = dest_start + dest_len + 1;
        let spaces = bytes[after..].iter().take_while(|&&b| b == b' ').count();
        if bytes.get(after + spaces) != Some(&b')') {
            continue;
        }
        let end = after + spaces + 1;
        // The text [`escape`] wrote, as it was.
        let text = crate::text::unescape_markdown(&piece[open + 1..at]);
        // `[Release train](<ri:page:#Rollback>)`: the text is the title.
        let dest = match dest.strip_prefix("ri:page:") {
            Some(rest) if rest.is_empty() || rest.starts_with('#') => {
                format!("ri:page:{text}{rest}")
            }
            _ => dest.to_string(),
        };
        let dest = crate::text::escape_html(&dest);
        let (head, tail) = if image {
            (
                format!(
                    "<img src=\"{dest}\" alt=\"{}\"",
                    crate::text::escape_html(&text)
                ),
                String::from(">"),
            )
        } else {
            (
                format!("<a href=\"{dest}\""),
                format!(">{}</a>", crate::text::escape_html(&text)),
            )
        };
        let pad = (end - start).saturating_sub(head.len() + tail.len());
        out.push_str(&piece[copied..start]);
        out.push_str(&head);
        out.push_str(&" ".repeat(pad));
        out.push_str(&tail);
        copied = end;
        floor = end;
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&piece[copied..]);
    Some(out)
}

/// Whether `name` can stand in a link's destination in angle brackets as written.
fn destination_safe(name: &str) -> bool {
    !name.trim().is_empty() && !name.contains(['\n', '#', '<', '>', '\\'])
}

/// `text` as Markdown that shows it as it is: every ASCII punctuation character escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// How a panel macro is drawn: its callout kind, its default title, and whether it is
/// folded (`expand`). Confluence draws `note` yellow and `warning` red, as GitHub draws a
/// warning and a caution.
fn panel(name: &str) -> Option<(K, &'static str, bool)> {
    Some(match name {
        "info" => (K::Note, "Info", false),
        "note" => (K::Warning, "Note", false),
        "tip" => (K::Tip, "Tip", false),
        "warning" => (K::Caution, "Warning", false),
        "panel" => (K::Note, "", false),
        "expand" => (K::Note, "Click here to expand…", true),
        _ => return None,
    })
}

/// A macro orgbook does not draw, left as written and reported: named by its opening
/// tag without its ids, which say nothing to the author.
fn macro_leftover(range: &Range<usize>, name: &str) -> Leftover {
    Leftover {
        range: range.clone(),
        construct: format!("<ac:structured-macro ac:name=\"{name}\">"),
        kind: Kind::Template,
    }
}

/// The task lists among `tags` (their opening and closing tags paired), each drawn as a
/// checklist: which tags they take, and the rewrites. `panels`: each macro's closing tag,
/// as [`draw`] paired them.
///
/// A list whose every task starts its body on a line of its own (after its other tags
/// and spaces, as Confluence pretty-prints the storage format and as converters write a
/// task a line) becomes Markdown's task list: `- [x] ` where the body starts, indented
/// two spaces a level of nesting, the other tags blank. Its bodies stay Markdown, so a
/// link to a page in one is a link. A list whose tasks share a line (the REST API's
/// form, all on one) has no line for each item: it is written as HTML, `<ul>`, `<li>`
/// and a disabled checkbox, as Markdown's task lists render. Either way a body's own
/// markup stays as written, read as the rest of the page is.
fn task_lists(
    body: &str,
    tags: &[(Range<usize>, Tag)],
    panels: &[Option<usize>],
) -> (Vec<bool>, Vec<(Range<usize>, String)>) {
    let mut taken = vec![false; tags.len()];
    let mut rewrites = Vec::new();
    // Each outermost list: its opening and closing tags' indices, and whether it is in a
    // drawn panel (whose body is a block of HTML, where Markdown is not read).
    let mut lists = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut macros: Vec<bool> = Vec::new();
    for (i, (_, t)) in tags.iter().enumerate() {
        match t {
            Tag::MacroOpen(name) => {
                macros.push(panels[i].is_some() && panel(name).is_some());
            }
            Tag::MacroClose => {
                macros.pop();
            }
            Tag::Task(Task::ListOpen) => open.push(i),
            Tag::Task(Task::ListClose) => {
                if let Some(o) = open.pop()
                    && open.is_empty()
                {
                    lists.push((o, i, macros.contains(&true)));
                }
            }
            _ => {}
        }
    }
    let bytes = body.as_bytes();
    let spaces = |r: Range<usize>| bytes[r].iter().all(|b| b" \t\r".contains(b));
    // The start of the line being read and where the text was looked at up to: the
    // tags come in order, so each line break is looked for once.
    let mut line_start = 0;
    let mut seen = 0;
    let mut line_of = |at: usize| {
        if let Some(n) = memchr::memrchr(b'\n', &bytes[seen..at]) {
            line_start = seen + n + 1;
        }
        seen = at;
        line_start
    };
    for (first, last, in_panel) in lists {
        // One pass over the list's tags: each task's status and nesting, and where its
        // body's line starts when only spaces and its own tags (or lists' tags, blanked)
        // are before its body there.
        struct Item {
            done: bool,
            depth: usize,
            body: Option<Range<usize>>,
        }
        let mut items: Vec<Item> = Vec::new();
        let mut depth = 0usize;
        let list_line = line_of(tags[first].0.start);
        let mut line = list_line;
        let mut clean = spaces(line..tags[first].0.start);
        let mut prev_end = tags[first].0.start;
        let mut lines = !in_panel;
        // A task's body was closed on this line: only this list's tags may follow it there.
        let mut closed = false;
        for (i, (range, t)) in tags.iter().enumerate().take(last + 1).skip(first) {
            let here = line_of(range.start);
            if here != line {
                line = here;
                clean = spaces(line..range.start);
                closed = false;
            } else {
                let gap = spaces(prev_end..range.start);
                clean &= gap;
                lines &= !closed || gap;
            }
            prev_end = range.end;
            let Tag::Task(task) = t else {
                clean = false;
                lines &= !closed;
                continue;
            };
            taken[i] = true;
            match task {
                Task::ListOpen => depth += 1,
                Task::ListClose => depth = depth.saturating_sub(1),
                Task::Open => items.push(Item {
                    done: false,
                    depth: depth.saturating_sub(1),
                    body: None,
                }),
                Task::Status(done) => {
                    if let Some(item) = items.last_mut() {
                        item.done = *done;
                    }
                }
                Task::BodyOpen => match items.last_mut() {
                    Some(item) if item.body.is_none() && clean => {
                        item.body = Some(line..range.end);
                    }
                    _ => lines = false,
                },
                Task::BodyClose => {
                    clean = false;
                    closed = true;
                }
                Task::Close => clean = false,
                Task::Meta => {}
            }
        }
        // Nothing after the list on its last line (another list, the REST API's next
        // paragraph): looked at only for a list that may be Markdown's, whose last line
        // is its own.
        if lines {
            let end = tags[last].0.end;
            let eol = memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |n| end + n);
            lines = spaces(end..eol);
        }
        // Markers that fit (a task nested deeper than its tags' room allows does not).
        let markers: Option<Vec<(Range<usize>, String)>> = items
            .iter()
            .map(|item| {
                let range = item.body.clone()?;
                let marker = format!(
                    "{}- [{}] ",
                    "  ".repeat(item.depth),
                    if item.done { 'x' } else { ' ' }
                );
                (marker.len() <= range.len()).then_some((range, marker))
            })
            .collect();
        if let Some(markers) = markers.filter(|_| lines) {
            // What a marker's range holds is spaces and this list's tags: written as the
            // marker; the list's other tags blank.
            let mut next = markers.iter().peekable();
            for (i, (range, _)) in tags.iter().enumerate().take(last + 1).skip(first) {
                while next.next_if(|(m, _)| m.end <= range.start).is_some() {}
                let covered = next
                    .peek()
                    .is_some_and(|(m, _)| m.start <= range.start && range.end <= m.end);
                if taken[i] && !covered {
                    rewrites.push((range.clone(), String::new()));
                }
            }
            rewrites.extend(markers);
            continue;
        }
        for (i, (range, t)) in tags.iter().enumerate().take(last + 1).skip(first) {
            let Tag::Task(task) = t else { continue };
            let text = match task {
                Task::ListOpen => "<ul>",
                Task::ListClose => "</ul>",
                Task::Open => "<li>",
                Task::Close => "</li>",
                Task::Status(true) => "<input type=\"checkbox\" disabled checked>",
                Task::Status(false) => "<input type=\"checkbox\" disabled>",
                Task::Meta | Task::BodyOpen | Task::BodyClose => "",
            };
            // From the line's start when only spaces are before it: indented, the list
            // would be code.
            let start = if i == first && spaces(list_line..range.start) {
                list_line
            } else {
                range.start
            };
            rewrites.push((start..range.end, text.to_string()));
        }
    }
    (taken, rewrites)
}

/// What the cleaner does with the storage-format elements outside code: ranges written
/// as text (padded with spaces; an empty text blanks), the callouts to draw, and the
/// macros left as written (reported).
#[derive(Default)]
pub(crate) struct Drawn {
    pub rewrites: Vec<(Range<usize>, String)>,
    pub found: Vec<Leftover>,
    /// Each code macro's opening and closing fence: written both or neither.
    pub code: Vec<[(Range<usize>, String); 2]>,
}

/// [`Drawn`] for the elements `tags` found (those in code already left out).
pub(crate) fn draw(body: &str, tags: Vec<(Range<usize>, Tag)>) -> Drawn {
    let mut drawn = Drawn::default();
    // Which tags belong to a drawn panel: its opening tag's index → (kind, title, folded,
    // closing tag's index), found by pairing the macros' tags innermost first.
    let mut open: Vec<usize> = Vec::new();
    let mut panels: Vec<Option<usize>> = vec![None; tags.len()];
    for (i, (_, t)) in tags.iter().enumerate() {
        match t {
            Tag::MacroOpen(_) => open.push(i),
            Tag::MacroClose => {
                if let Some(o) = open.pop() {
                    panels[o] = Some(i);
                }
            }
            _ => {}
        }
    }
    let (tasks, task_rewrites) = task_lists(body, &tags, &panels);
    drawn.rewrites.extend(task_rewrites);
    // The drawn macros the tag is in, innermost last: the opening tag's index, and
    // whether it is a callout (else a table of contents, which goes).
    let mut within: Vec<(usize, bool)> = Vec::new();
    // The runs of tags next to each other on a line (only spaces between), written as
    // one: `<ac:structured-macro …><ac:rich-text-body>` becomes `<div>` at the run's start,
    // not after the spaces the first tag left.
    let mut run: Option<(Range<usize>, String)> = None;
    // The start of the line the last tag read is on, and where that was found from: the
    // tags come in order, so each line's start is looked for once.
    let mut line = (0, 0);
    let flush = |run: &mut Option<(Range<usize>, String)>, drawn: &mut Drawn| {
        if let Some((range, text)) = run.take() {
            drawn.rewrites.push((range, text));
        }
    };
    for (i, (range, t)) in tags.iter().enumerate() {
        let in_panel = within.last().map(|&(o, _)| o);
        if tasks[i] {
            flush(&mut run, &mut drawn);
            continue;
        }
        if let Tag::Code { name, lang, code } = t {
            flush(&mut run, &mut drawn);
            // In a panel, whose body is a block of HTML, a fence would not be read.
            let fences = in_panel
                .is_none()
                .then(|| code_fences(body, range, code, lang))
                .flatten()
                // Not on a line the previous macro's fence took.
                .filter(|[open, _]| {
                    drawn
                        .code
                        .last()
                        .is_none_or(|[_, close]| close.0.end <= open.0.start)
                });
            match fences {
                Some(f) => drawn.code.push(f),
                // Code of one line in a sentence: a `<code>` element, padded as a link is,
                // in a panel's body (a block of HTML) too. Its references may not fit in the
                // macro's bytes (code of many punctuation marks): then a code span, which
                // fits and reads in Markdown, and the element, which the renderer writes
                // into the page in its place where the span lands in a block of HTML.
                None => match code_element(&body[code.clone()]).and_then(|element| {
                    if element.len() <= range.len() {
                        return Some(element);
                    }
                    let span = code_span(&body[code.clone()]).filter(|s| s.len() <= range.len())?;
                    drawn.found.push(Leftover {
                        range: range.clone(),
                        construct: element,
                        kind: Kind::CodeElement,
                    });
                    Some(span)
                }) {
                    Some(span) => {
                        let pad = range.len() - span.len();
                        let (head, last) = span.split_at(span.len() - 1);
                        drawn
                            .rewrites
                            .push((range.clone(), format!("{head}{}{last}", " ".repeat(pad))));
                    }
                    None => drawn.found.push(macro_leftover(range, name)),
                },
            }
            continue;
        }
        let (text, callout): (Option<String>, Option<Leftover>) = match t {
            // Orgbook shows a page's contents beside it: Confluence's table of contents
            // goes.
            Tag::MacroAlone(name) if name == "toc" => (Some(String::new()), None),
            Tag::MacroOpen(name) if name == "toc" && panels[i].is_some() => {
                within.push((i, false));
                (Some(String::new()), None)
            }
            Tag::MacroOpen(name) => match (panel(name), panels[i]) {
                (Some((kind, default, folded)), Some(close)) => {
                    within.push((i, true));
                    // The title: its parameter's, before the body.
                    let title = tags[i + 1..close]
                        .iter()
                        .take_while(|(_, t)| matches!(t, Tag::Parameter(..)))
                        .find_map(|(_, t)| match t {
                            Tag::Parameter(n, v) if n == "title" && !v.trim().is_empty() => {
                                Some(v.trim().to_string())
                            }
                            _ => None,
                        })
                        .unwrap_or_else(|| default.to_string());
                    (
                        Some(String::new()),
                        Some(Leftover {
                            range: range.start..range.start,
                            construct: title,
                            kind: Kind::Callout {
                                kind,
                                next_block_only: false,
                                details: folded,
                            },
                        }),
                    )
                }
                _ => {
                    drawn.found.push(macro_leftover(range, name));
                    (None, None)
                }
            },
            Tag::MacroAlone(name) => {
                drawn.found.push(macro_leftover(range, name));
                (None, None)
            }
            Tag::Code { .. } => (None, None),
            // A task list's tag outside a list (a stray `</ac:task>`): as written.
            Tag::Task(_) => (None, None),
            Tag::MacroClose => match within.last().copied() {
                Some((o, callout)) if panels[o] == Some(i) => {
                    within.pop();
                    (
                        Some(String::new()),
                        callout.then(|| Leftover {
                            range: range.start..range.start,
                            construct: String::new(),
                            kind: Kind::CalloutEnd,
                        }),
                    )
                }
                _ => (None, None),
            },
            Tag::Parameter(..) => (in_panel.map(|_| String::new()), None),
            Tag::BodyOpen => (in_panel.map(|_| "<div>".to_string()), None),
            Tag::BodyClose => (in_panel.map(|_| "</div>".to_string()), None),
            // Padded before its closing parenthesis (or a tag's `>`), where CommonMark allows
            // spaces: after the link, they would show as a space before the punctuation
            // that follows.
            Tag::Inline(markdown) => (
                markdown
                    .as_ref()
                    .filter(|m| m.len() <= range.len() && (m.ends_with(')') || m.ends_with('>')))
                    .map(|m| {
                        let pad = range.len() - m.len();
                        let (head, last) = m.split_at(m.len() - 1);
                        format!("{head}{}{last}", " ".repeat(pad))
                    }),
                None,
            ),
        };
        let Some(text) = text else {
            flush(&mut run, &mut drawn);
            continue;
        };
        // A callout opens at the first block from where its run starts, and closes
        // before the first block from where its closing run starts.
        let joins = run.as_ref().is_some_and(|(r, _)| {
            body[r.end..range.start]
                .bytes()
                .all(|b| b == b' ' || b == b'\t')
        });
        let inline = matches!(t, Tag::Inline(_));
        if !joins || inline {
            flush(&mut run, &mut drawn);
        }
        if inline {
            drawn.rewrites.push((range.clone(), text));
            continue;
        }
        let run_start = match &run {
            Some((r, _)) => r.start,
            None => {
                // From the line's start when only spaces are before it: the tag's
                // text moves there, not indented into code.
                if let Some(n) = memchr::memrchr(b'\n', &body.as_bytes()[line.0..range.start]) {
                    line.1 = line.0 + n + 1;
                }
                line.0 = range.start;
                let line_start = line.1;
                // (From the tag back: it stops at the first other character.)
                if body[line_start..range.start]
                    .bytes()
                    .rev()
                    .all(|b| b == b' ' || b == b'\t')
                {
                    line_start
                } else {
                    range.start
                }
            }
        };
        if let Some(mut c) = callout {
            c.range = run_start..run_start;
            drawn.found.push(c);
        }
        match &mut run {
            Some((r, t)) => {
                r.end = range.end;
                t.push_str(&text);
            }
            None => run = Some((run_start..range.end, text)),
        }
    }
    flush(&mut run, &mut drawn);
    drawn
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(body: &str) -> String {
        let drawn = draw(body, tags(body));
        let mut out = body.to_string();
        for (range, text) in drawn.rewrites.iter().rev() {
            let pad = range.len() - text.len();
            out.replace_range(range.clone(), &format!("{text}{}", " ".repeat(pad)));
        }
        out
    }

    #[test]
    fn links_to_pages_attachments_and_addresses_become_markdown_of_their_length() {
        let body = "See <ac:link><ri:page ri:content-title=\"Release train\" /></ac:link>, <ac:link ac:anchor=\"Rollback\"><ri:page ri:space-key=\"OPS\" ri:content-title=\"Q&amp;A\"/><ac:plain-text-link-body><![CDATA[the *checklist*]]></ac:plain-text-link-body></ac:link> and <ac:link><ri:attachment ri:filename=\"rota.csv\" /></ac:link>.\n<ac:image ac:align=\"center\"><ri:attachment ri:filename=\"map.png\" /></ac:image>\n";
        let out = rewritten(body);
        assert_eq!(out.len(), body.len());
        assert_eq!(out.lines().count(), body.lines().count());
        assert!(
            out.starts_with("See [Release train](<ri:page:>   "),
            "{out}"
        );
        assert!(
            out.contains("[the \\*checklist\\*](<ri:page:Q&A#Rollback>   "),
            "{out}"
        );
        assert!(
            out.contains(" and [rota\\.csv](<ri:attachment:rota.csv>   "),
            "{out}"
        );
        assert!(out.contains("\n![](<ri:attachment:map.png>   "), "{out}");
        // No space between a link and what follows it.
        assert!(out.contains(" ), [the"), "{out}");
        assert!(out.contains(" ).\n"), "{out}");
    }

    #[test]
    fn panels_are_callouts_and_their_body_tags_one_html_block() {
        let body = "<ac:structured-macro ac:name=\"info\" ac:schema-version=\"1\">\n  <ac:parameter ac:name=\"title\">Before you start</ac:parameter>\n  <ac:rich-text-body>\n    <p>Ask first.</p>\n  </ac:rich-text-body>\n</ac:structured-macro>\n\n<ac:structured-macro ac:name=\"tip\"><ac:rich-text-body><p>One line.</p></ac:rich-text-body></ac:structured-macro>\n\n<ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"key\">OPS-12</ac:parameter></ac:structured-macro>\n<ac:structured-macro ac:name=\"toc\" ac:schema-version=\"1\" />\n";
        let drawn = draw(body, tags(body));
        let kinds: Vec<_> = drawn
            .found
            .iter()
            .map(|f| (f.kind, f.construct.as_str(), f.range.start))
            .collect();
        let callout = |kind| Kind::Callout {
            kind,
            next_block_only: false,
            details: false,
        };
        let second = body.find("<ac:structured-macro ac:name=\"tip\"").unwrap();
        let close_first = body.find("</ac:structured-macro>").unwrap();
        let jira = body.find("<ac:structured-macro ac:name=\"jira\"").unwrap();
        assert_eq!(kinds[0], (callout(K::Note), "Before you start", 0));
        assert_eq!(kinds[1], (Kind::CalloutEnd, "", close_first));
        assert_eq!(kinds[2], (callout(K::Tip), "Tip", second));
        assert_eq!(kinds[3].0, Kind::CalloutEnd);
        assert_eq!(kinds[4].0, Kind::Template);
        assert_eq!(kinds[4].1, "<ac:structured-macro ac:name=\"jira\">");
        assert_eq!(kinds[4].2, jira);
        assert_eq!(kinds.len(), 5);
        let out = rewritten(body);
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..6],
            ["", "", "<div>", "    <p>Ask first.</p>", "</div>", ""]
        );
        // The padding stays inside the block of HTML the line starts.
        assert_eq!(
            lines[7].split_whitespace().collect::<Vec<_>>().join(" "),
            "<div> <p>One line.</p></div>"
        );
        assert!(lines[7].starts_with("<div>"));
        assert!(lines[9].starts_with("<ac:structured-macro ac:name=\"jira\">"));
        assert_eq!(lines[10], "");
    }

    #[test]
    fn one_line_of_code_is_a_code_element_else_a_code_span() {
        let wrap = |code: &str| {
            format!(
                "<p>Run <ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[{code}]]></ac:plain-text-body></ac:structured-macro> now.</p>"
            )
        };
        let drawn = |body: &str| {
            let mut out = body.to_string();
            for (range, text) in draw(body, tags(body)).rewrites.iter().rev() {
                out.replace_range(range.clone(), text);
            }
            out.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        assert_eq!(
            drawn(&wrap("a <b> & *c*")),
            "<p>Run <span><code>a &#60;b&#62; &#38; &#42;c&#42;</code></span > now.</p>"
        );
        // Its references would not fit in the macro's bytes: a code span, as before.
        let many = "*".repeat(40);
        assert_eq!(
            drawn(&wrap(&many)),
            format!("<p>Run <span>`{many}`</span > now.</p>")
        );
    }

    #[test]
    fn one_line_of_code_in_a_panel_is_a_code_element_and_one_too_long_is_handed_over() {
        let panel = |code: &str| {
            format!(
                "<ac:structured-macro ac:name=\"info\"><ac:rich-text-body><p><ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[{code}]]></ac:plain-text-body></ac:structured-macro></p></ac:rich-text-body></ac:structured-macro>"
            )
        };
        let body = panel("a:b");
        let drawn = draw(&body, tags(&body));
        assert!(
            drawn
                .rewrites
                .iter()
                .any(|(_, t)| t.starts_with("<span><code>a&#58;b</code></span")),
            "{:?}",
            drawn.rewrites
        );
        assert!(drawn.found.iter().all(|f| f.kind != Kind::Template));
        // Too long for the macro: the span in place, the element for the renderer.
        let many = "*".repeat(40);
        let body = panel(&many);
        let drawn = draw(&body, tags(&body));
        let element = drawn
            .found
            .iter()
            .find(|f| f.kind == Kind::CodeElement)
            .expect("an element handed over");
        assert_eq!(
            element.construct,
            format!("<span><code>{}</code></span>", "&#42;".repeat(40))
        );
        assert!(body[element.range.clone()].starts_with("<ac:structured-macro ac:name=\"code\">"));
        assert!(
            drawn.rewrites.iter().any(
                |(r, t)| *r == element.range && t.starts_with(&format!("<span>`{many}`</span"))
            ),
            "{:?}",
            drawn.rewrites
        );
    }

    #[test]
    fn code_macros_become_fences_on_the_lines_they_had() {
        // On one line after a blank line (the REST API's form), pretty-printed with the code
        // on the lines after `<![CDATA[`, one line in a sentence, and in a paragraph.
        let body = "Run:\n\n<ac:structured-macro ac:name=\"code\" ac:schema-version=\"1\"><ac:parameter ac:name=\"language\">bash</ac:parameter><ac:plain-text-body><![CDATA[echo \"<a>\" && ls\nls ``x``]]></ac:plain-text-body></ac:structured-macro>\n\nThen:\n  <ac:structured-macro ac:name=\"noformat\">\n  <ac:plain-text-body><![CDATA[\nplain <ac:link>\n]]></ac:plain-text-body>\n  </ac:structured-macro>\nSay <ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[`make`]]></ac:plain-text-body></ac:structured-macro>.\nAnd\n<ac:structured-macro ac:name=\"code\"><ac:plain-text-body><![CDATA[a\nb]]></ac:plain-text-body></ac:structured-macro>\n";
        let found = tags(body);
        // Nothing in the code is read as a tag.
        assert_eq!(
            found
                .iter()
                .filter(|(_, t)| matches!(t, Tag::Code { .. }))
                .count(),
            4
        );
        assert_eq!(found.len(), 4, "{found:?}");
        let drawn = draw(body, found);
        let mut out = body.to_string();
        let mut all: Vec<_> = drawn
            .rewrites
            .iter()
            .cloned()
            .chain(drawn.code.iter().flat_map(|c| c.iter().cloned()))
            .collect();
        all.sort_by_key(|(r, _)| r.start);
        for (range, text) in all.iter().rev() {
            let pad = range.len() - text.len();
            out.replace_range(range.clone(), &format!("{text}{}", " ".repeat(pad)));
        }
        assert_eq!(out.len(), body.len());
        assert_eq!(out.lines().count(), body.lines().count());
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..6],
            [
                "Run:",
                "```bash",
                "echo \"<a>\" && ls",
                "ls ``x``",
                "```",
                "Then:"
            ]
        );
        // The parameters' and closing tags' lines blank around the fences.
        assert_eq!(lines[6..11], ["", "```", "plain <ac:link>", "```", ""]);
        assert_eq!(
            lines[11].split_whitespace().collect::<Vec<_>>().join(" "),
            "Say <span><code>&#96;make&#96;</code></span >."
        );
        // No line of its own for a fence: reported, as written.
        assert!(lines[13].starts_with("<ac:structured-macro"));
        assert_eq!(drawn.found.len(), 1);
        assert_eq!(
            drawn.found[0].construct,
            "<ac:structured-macro ac:name=\"code\">"
        );
    }

    #[test]
    fn mentions_emoticons_and_dates_show_text() {
        let body = "By <ac:link><ri:user ri:userkey=\"8a7f\" /><ac:plain-text-link-body><![CDATA[Ana *P*]]></ac:plain-text-link-body></ac:link>, <ac:link><ri:user ri:username=\"okowalski\"/></ac:link> and <ac:link><ri:user ri:account-id=\"5b10\"/></ac:link> <ac:emoticon ac:name=\"tick\"/> <ac:emoticon ac:name=\"x\" ac:emoji-fallback=\"🚀\"/> <time datetime=\"2024-03-05\" />.\n";
        let out = rewritten(body);
        assert_eq!(out.len(), body.len());
        let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            words.starts_with("By <span>Ana &#42;P&#42;</span >, <span>&#64;okowalski</span >"),
            "{words}"
        );
        assert!(words.contains("<span>a Confluence user</span >"), "{words}");
        assert!(
            words.contains("<span>✅</span > <span>🚀</span > <span>2024-03-05</span >."),
            "{words}"
        );
    }

    #[test]
    fn task_lists_a_task_a_line_become_markdown_task_lists() {
        // Pretty-printed, with a list nested after a task; one task a line.
        let body = "Before:\n<ac:task-list>\n    <ac:task>\n        <ac:task-id>1</ac:task-id>\n        <ac:task-status>complete</ac:task-status>\n        <ac:task-body>Rotate the <strong>key</strong></ac:task-body>\n    </ac:task>\n    <ac:task-list>\n        <ac:task>\n            <ac:task-id>2</ac:task-id>\n            <ac:task-status>incomplete</ac:task-status>\n            <ac:task-body><span class=\"placeholder-inline-tasks\">Tell the team</span></ac:task-body>\n        </ac:task>\n    </ac:task-list>\n</ac:task-list>\n\n<ac:task-list>\n<ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>Open *one*</ac:task-body></ac:task>\n<ac:task><ac:task-status>complete</ac:task-status><ac:task-body>Closed</ac:task-body></ac:task></ac:task-list>\n";
        let out = rewritten(body);
        assert_eq!(out.len(), body.len());
        assert_eq!(out.lines().count(), body.lines().count());
        // Indentation kept, the padding after each marker read as one space.
        let shown: Vec<String> = out
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let indent = l.len() - l.trim_start().len();
                format!(
                    "{}{}",
                    &l[..indent],
                    l.split_whitespace().collect::<Vec<_>>().join(" ")
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                "Before:",
                "- [x] Rotate the <strong>key</strong>",
                "  - [ ] <span class=\"placeholder-inline-tasks\">Tell the team</span>",
                "- [ ] Open *one*",
                "- [x] Closed",
            ]
        );
    }

    #[test]
    fn task_lists_on_one_line_become_html_checklists() {
        let body = "  <ac:task-list><ac:task><ac:task-id>169</ac:task-id><ac:task-uuid>u-1</ac:task-uuid><ac:task-status>incomplete</ac:task-status><ac:task-body>MSP APP : <strong>TBU</strong></ac:task-body></ac:task><ac:task><ac:task-id>170</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>By <ac:link><ri:user ri:username=\"ana\"/></ac:link></ac:task-body></ac:task></ac:task-list>\n";
        let out = rewritten(body);
        assert_eq!(out.len(), body.len());
        let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            words,
            "<ul> <li> <input type=\"checkbox\" disabled> MSP APP : <strong>TBU</strong> </li> <li> <input type=\"checkbox\" disabled checked> By <span>&#64;ana</span > </li> </ul>"
        );
        assert!(out.starts_with("<ul>"), "{out}");
    }

    #[test]
    fn stray_task_tags_stay_as_written() {
        let body = "<ac:task><ac:task-status>complete</ac:task-status><ac:task-body>x</ac:task-body></ac:task>\n<ac:task-list>\n";
        assert_eq!(rewritten(body), body);
    }

    #[test]
    fn many_task_lists_on_one_line_stay_linear() {
        let body = "<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>x</ac:task-body></ac:task></ac:task-list>".repeat(10_000);
        let (drawn, took) = crate::cpu_time::cpu_time_of(|| draw(&body, tags(&body)));
        assert!(took < std::time::Duration::from_secs(2));
        // Each an HTML list: the first too, which does not have its line to itself.
        let items = drawn.rewrites.iter().filter(|(_, t)| t == "<li>").count();
        assert_eq!(items, 10_000);
    }

    #[test]
    fn many_unclosed_links_on_one_line_stay_linear() {
        let body = "<ac:link><ac:parameter ac:name=\"x\">".repeat(20_000);
        let (found, took) = crate::cpu_time::cpu_time_of(|| tags(&body));
        assert!(found.is_empty());
        assert!(took < std::time::Duration::from_secs(2));
    }

    #[test]
    fn links_in_a_block_of_html_become_html_links_in_their_place() {
        let body = "<td><ac:link ac:anchor=\"Rollback\"><ri:page ri:content-title=\"Deploy scripts\" /><ac:plain-text-link-body><![CDATA[rollback & <undo>]]></ac:plain-text-link-body></ac:link></td><td><ac:link><ri:page ri:content-title=\"Q&amp;A\" /></ac:link></td><div><ac:image><ri:attachment ri:filename=\"map.png\" /></ac:image></div>\n";
        let markdown = rewritten(body);
        let html = links_in_html(&markdown).unwrap();
        assert!(
            html.contains("<a href=\"ri:page:Deploy scripts#Rollback\"")
                && html.contains(">rollback &amp; &lt;undo&gt;</a></td>"),
            "{html}"
        );
        // The title-only form: the text is the title.
        assert!(html.contains("<a href=\"ri:page:Q&amp;A\""), "{html}");
        assert!(html.contains(">Q&amp;A</a>"), "{html}");
        assert!(
            html.contains("<img src=\"ri:attachment:map.png\" alt=\"\""),
            "{html}"
        );
        // In place: every offset after a link stays.
        assert_eq!(html.len(), markdown.len(), "{html}");
        assert_eq!(
            links_in_html("<p>[a](b) and \\[x\\](<ri:page:y>)</p>"),
            None
        );
    }

    #[test]
    fn many_links_and_brackets_in_one_html_block_stay_linear() {
        // Every `](<ri:` looks back for its `[` no further than the one before it: four
        // times the links cost about four times the time, not sixteen.
        let time = |n: usize| {
            let body = format!(
                "<td>{}</td>",
                "\\[\\\\".repeat(n) + &"[a](<ri:page:T>)x](<ri:".repeat(n)
            );
            let (html, took) = crate::cpu_time::cpu_time_of(|| links_in_html(&body).unwrap());
            assert_eq!(html.matches("<a href=").count(), n);
            took
        };
        crate::cpu_time::assert_grows_linearly("links", 20_000, time);
    }
}
