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
//! Another macro (`toc`, `code`, `jira`…) is left as written, and its opening tag is a
//! `template-leftover` warning, as other generators' constructs are.

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
    /// A link or an image, whole, and the Markdown it is written as (`None`: it has no
    /// Markdown that fits in its place, and stays as written).
    Inline(Option<String>),
}

/// The storage-format elements of `body`, in order, each within one line: outside code or
/// not (the caller, which knows where code is, decides).
pub(crate) fn tags(body: &str) -> Vec<(Range<usize>, Tag)> {
    let mut out = Vec::new();
    let bytes = body.as_bytes();
    // Where each closing tag (`</ac:link>`, `</ac:image>`, `</ac:parameter>`) was looked
    // for last and found, if it was: searched forwards only, so a line of a thousand
    // unclosed `<ac:link>` or `<ac:parameter>` stays linear.
    let mut closers: [Option<(usize, Option<usize>)>; 3] = [None, None, None];
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
        if !(rest.starts_with(b"ac:") || rest.starts_with(b"/ac:")) {
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
                _ => None,
            }
        } else {
            match name {
                "ac:structured-macro" => attribute(tag, "ac:name").map(|n| {
                    let n = n.to_ascii_lowercase();
                    if tag.ends_with("/>") {
                        Tag::MacroAlone(n)
                    } else {
                        Tag::MacroOpen(n)
                    }
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
fn strip_tags(html: &str) -> String {
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

/// What the cleaner does with the storage-format elements outside code: ranges written
/// as text (padded with spaces; an empty text blanks), the callouts to draw, and the
/// macros left as written (reported).
#[derive(Default)]
pub(crate) struct Drawn {
    pub rewrites: Vec<(Range<usize>, String)>,
    pub found: Vec<Leftover>,
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
            // Padded before its closing parenthesis, where CommonMark allows spaces: after
            // the link, they would show as a space before the punctuation that follows.
            Tag::Inline(markdown) => (
                markdown
                    .as_ref()
                    .filter(|m| m.len() <= range.len() && m.ends_with(')'))
                    .map(|m| {
                        let pad = range.len() - m.len();
                        format!("{}{})", &m[..m.len() - 1], " ".repeat(pad))
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
    fn many_unclosed_links_on_one_line_stay_linear() {
        let body = "<ac:link><ac:parameter ac:name=\"x\">".repeat(20_000);
        let started = std::time::Instant::now();
        assert!(tags(&body).is_empty());
        assert!(started.elapsed() < std::time::Duration::from_secs(2));
    }
}
