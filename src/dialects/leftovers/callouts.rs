//! Callouts written for other generators, found for the body writer to draw as GitHub alerts
//! are: Obsidian's `> [!note]`, Docusaurus admonitions, Just the Docs' `{: .note }`, docsify's
//! `?>` and `!>`, Hugo themes' `{{% note %}}`, components (`<Callout>`, `<Aside>`) and one-line
//! wrappers.

use super::*;

/// An Obsidian callout's first line, read: the GitHub alert line that replaces it (as
/// long as it, or shorter and padded) and the title to show.
pub(super) struct ObsidianCallout {
    pub(super) marker: String,
    pub(super) title: String,
    /// GitHub's alert with its text begun on the marker's line (`> [!NOTE] Mostly …`): the
    /// length of the marker part (`> [!NOTE] `), which alone is rewritten, to `>[!NOTE]`
    /// and a new quoted line of the same length, so the text stays Markdown in the body.
    pub(super) text_after: Option<usize>,
}

/// `> [!type]`, `> [!type]- Title` (folded), `> [!type]+ Title`, up to three spaces in.
/// Not the five GitHub alert lines alone (`> [!NOTE]`), which CommonMark reads itself; not
/// a type too short for its GitHub line to fit in its place (`> [!a]`). Text after the
/// marker is the title, as Obsidian (`> [!note] Title`) and VitePress (`> [!TIP] ON CALL`)
/// show it; but when the text runs on into the next line (`continued`: that line starts
/// in lower case, `> [!NOTE] Mostly during a freeze or if` / `> the build is red.`), it is
/// the alert's first sentence, as its author meant on GitHub.
pub(super) fn obsidian_callout(line: &str, continued: bool) -> Option<ObsidianCallout> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = line[indent..].strip_prefix('>')?;
    let rest = rest.strip_prefix(' ').unwrap_or(rest).strip_prefix("[!")?;
    let close = rest.find(']')?;
    let kind = &rest[..close];
    if kind.is_empty()
        || !kind
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    let after = &rest[close + 1..];
    let after = after.strip_prefix(['-', '+']).unwrap_or(after);
    if !after.is_empty() && !after.starts_with([' ', '\t']) {
        return None;
    }
    let title = after.trim();
    let lower = kind.to_ascii_lowercase();
    let gfm = ["note", "tip", "important", "warning", "caution"].contains(&lower.as_str());
    if gfm && title.is_empty() && after.len() == rest[close + 1..].len() {
        return None;
    }
    use pulldown_cmark::BlockQuoteKind as K;
    let gfm_kind = if gfm {
        match lower.as_str() {
            "tip" => K::Tip,
            "important" => K::Important,
            "warning" => K::Warning,
            "caution" => K::Caution,
            _ => K::Note,
        }
    } else {
        mkdocs_kind(&lower)
    };
    let marker = format!(
        "{}>[!{}]",
        &line[..indent],
        crate::dialects::alert_title(gfm_kind).to_ascii_uppercase()
    );
    if marker.len() > line.len() {
        return None;
    }
    let written_prefix = format!("{}> [!{kind}] ", &line[..indent]);
    if gfm
        && !title.is_empty()
        && continued
        && kind.chars().all(|c| c.is_ascii_uppercase())
        && line.starts_with(&written_prefix)
    {
        let marker = format!("{marker}\n>");
        if marker.len() == written_prefix.len() {
            return Some(ObsidianCallout {
                text_after: Some(written_prefix.len()),
                marker,
                title: String::new(),
            });
        }
    }
    let title = if !title.is_empty() {
        title.to_string()
    } else if gfm {
        String::new()
    } else {
        // Obsidian titles an untitled callout by its type: `[!faq]` is "Faq".
        let mut t = lower.replace(['-', '_'], " ");
        t[..1].make_ascii_uppercase();
        t
    };
    Some(ObsidianCallout {
        marker,
        title,
        text_after: None,
    })
}

/// Whether the quoted line after the one ending at `end` starts in lower case: a sentence
/// running on.
pub(super) fn continues_in_lower_case(body: &str, end: usize) -> bool {
    body.get(end + 1..)
        .and_then(|next| next.trim_start_matches([' ', '>']).chars().next())
        .is_some_and(char::is_lowercase)
}

/// Obsidian callout lines ([`obsidian_callout`]); code is told apart by the caller.
pub(super) fn obsidian_callouts(body: &str) -> Vec<Leftover> {
    crate::finder!(b"[!")
        .find_iter(body.as_bytes())
        .filter_map(|at| {
            let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
            let callout = obsidian_callout(
                body[start..end].trim_end_matches('\r'),
                continues_in_lower_case(body, end),
            )?;
            Some(Leftover {
                range: start..callout.text_after.map_or(end, |n| start + n),
                construct: callout.title,
                kind: Kind::AlertTitle,
            })
        })
        .fold(Vec::new(), |mut lines: Vec<Leftover>, l| {
            // A line with two `[!` is one callout.
            if lines.last().is_none_or(|last| last.range != l.range) {
                lines.push(l);
            }
            lines
        })
}

/// The callout a Just the Docs attribute list stands for (`{: .note }`, `{: .warning }`:
/// the theme's default callout classes), if it is one.
pub(super) fn just_the_docs_callout(ial: &str) -> Option<pulldown_cmark::BlockQuoteKind> {
    use pulldown_cmark::BlockQuoteKind as K;
    let inner = ial.trim().strip_prefix("{:")?.strip_suffix('}')?.trim();
    match inner.strip_prefix('.')? {
        "note" | "highlight" => Some(K::Note),
        "new" | "tip" => Some(K::Tip),
        "important" => Some(K::Important),
        "warning" => Some(K::Warning),
        _ => None,
    }
}

/// Docusaurus admonitions: an opening line `:::note`, `:::tip Title` or `:::tip[Title]` at
/// the start of a line, and the `:::` line that closes it, as [`Kind::Callout`] and
/// [`Kind::CalloutEnd`] leftovers over those lines (without their line breaks). VitePress
/// writes the same with a space (`::: tip Title`) and adds `::: details Title`, drawn as a
/// `<details>` element, as HackMD's `:::spoiler Title` is. Admonitions nest (Docusaurus opens the outer one with more colons,
/// `::::note`): a closing line closes the innermost one open. Only pairs are returned; the
/// caller keeps those outside code. A MyST colon fence (`:::{note}`) is not one of them,
/// and other names (`:::custom`) are left as written but still pair with their closing
/// line, so they do not close an admonition around them; a `:::backlinks` block is
/// returned whole with the lines that go.
pub(super) fn docusaurus_admonitions(body: &str) -> (Vec<Leftover>, Vec<Range<usize>>) {
    use pulldown_cmark::BlockQuoteKind as K;
    let mut out = Vec::new();
    let mut silent = Vec::new();
    // The containers open, innermost last: the opening line when it is one drawn (or,
    // as a range, a code group's).
    let mut open: Vec<Option<Result<Leftover, Range<usize>>>> = Vec::new();
    // Foam's backlinks blocks open (`:::backlinks`): their depth in `open` and start.
    let mut backlinks: Vec<(usize, usize)> = Vec::new();
    let mut fences = Fences::new(body);
    for at in crate::finder!(b":::").find_iter(body.as_bytes()) {
        let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
        if at != start {
            continue; // not at the start of its line (no indent: top-level admonitions only)
        }
        if fences.inside(start) {
            // A `:::` line quoted in a fenced code block (an example of the syntax) must
            // not close the admonition around the block.
            continue;
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let line = body[at..end].trim_end();
        let rest = line.trim_start_matches(':');
        if rest.trim().is_empty() {
            if let Some(&(depth, from)) = backlinks.last()
                && depth + 1 == open.len()
            {
                backlinks.pop();
                silent.push(from..end);
            }
            match open.pop() {
                Some(Some(Ok(o))) => {
                    out.push(o);
                    out.push(Leftover {
                        range: start..end,
                        construct: String::new(),
                        kind: Kind::CalloutEnd,
                    });
                }
                Some(Some(Err(group))) => silent.extend([group, start..end]),
                _ => {}
            }
            continue;
        }
        let named = rest.trim_start();
        // VuePress's tabs (vuepress-plugin-tabs' `:::: tabs`, the default theme's
        // `:::: code-group`): the container goes, and each `::: tab Title` (or
        // `::: code-group-item Title`) is a tab, drawn under its title.
        if matches!(named.trim_end(), "code-group" | "tabs") {
            open.push(Some(Err(start..end)));
            continue;
        }
        if let Some(title) = vuepress_tab_title(named) {
            open.push(Some(Ok(Leftover {
                range: start..end,
                construct: title.to_string(),
                kind: Kind::Tab,
            })));
            continue;
        }
        let name_len = named
            .bytes()
            .take_while(|b| b.is_ascii_alphabetic())
            .count();
        let after = &named[name_len..];
        let title = after.trim();
        let title = title
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(title)
            .trim();
        if named.starts_with('{') {
            // pandoc's fenced div (`::: {.warning}`, `::: {#id .columns}`): a callout when
            // a class names one, else its lines go and its content stays.
            match crate::dialects::pandoc::div_attributes(named) {
                Some(div) => open.push(Some(match div.callout {
                    Some(kind) => Ok(Leftover {
                        range: start..end,
                        construct: match div.title {
                            Some(title) => title.to_string(),
                            None => match title_heading(body, end) {
                                Some((line, title)) => {
                                    silent.push(line);
                                    title
                                }
                                None => String::new(),
                            },
                        },
                        kind: Kind::Callout {
                            kind,
                            next_block_only: false,
                            details: false,
                        },
                    }),
                    None => Err(start..end),
                })),
                // A MyST directive (reported elsewhere): its closing line is its own.
                None => open.push(None),
            }
            continue;
        }
        if name_len == 0 || !(title.is_empty() || after.starts_with([' ', '\t', '['])) {
            continue; // not a container line
        }
        let (kind, details) = match &named[..name_len] {
            "note" | "info" | "secondary" => (K::Note, false),
            "tip" | "success" => (K::Tip, false),
            "important" => (K::Important, false),
            "warning" | "caution" => (K::Warning, false),
            "danger" => (K::Caution, false),
            // HackMD's and HedgeDoc's `:::spoiler Title` folds its content the same way.
            "details" | "spoiler" => (K::Note, true),
            // A backlinks block a note-taking tool wrote into the note (Foam sites, the
            // Markdown Notes extension): a stale copy of the "Linked from" list orgbook
            // draws itself, so the whole block goes.
            "backlinks" if title.is_empty() => {
                backlinks.push((open.len(), start));
                open.push(None);
                continue;
            }
            _ => {
                open.push(None);
                continue;
            }
        };
        open.push(Some(Ok(Leftover {
            range: start..end,
            construct: title.to_string(),
            kind: Kind::Callout {
                kind,
                next_block_only: false,
                details,
            },
        })));
    }
    silent.sort_by_key(|r| r.start);
    (out, silent)
}

/// The title of a VuePress tab's opening line (after its colons): `tab Title`,
/// `tab "Title"` (vuepress-plugin-tabs), `code-group-item Title` (`:active` after it
/// dropped); `None` for any other line, or a tab without a title.
pub(super) fn vuepress_tab_title(named: &str) -> Option<&str> {
    let rest = named
        .strip_prefix("tab")
        .or_else(|| named.strip_prefix("code-group-item"))?;
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let title = rest.trim();
    let title = title.strip_suffix(":active").unwrap_or(title).trim();
    let title = title
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .unwrap_or(title)
        .trim();
    (!title.is_empty()).then_some(title)
}

/// A Quarto callout's title written as its first line, a heading (`## Never push data`),
/// which Quarto shows as the callout's title, not as a heading of the page: that line's
/// range and its text, when the line after the div's opening line (which ends at `end`)
/// is one.
pub(super) fn title_heading(body: &str, end: usize) -> Option<(Range<usize>, String)> {
    let start = end + 1;
    let line = body.get(start..)?.split('\n').next()?;
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    let text = line[hashes..].strip_prefix([' ', '\t'])?;
    if !(1..=6).contains(&hashes) {
        return None;
    }
    // A closing run of `#` and an attribute block (`{#id}`) are not the title's.
    let text = text.trim_end();
    let text = match text.rfind(" {") {
        Some(at) if text.ends_with('}') => &text[..at],
        _ => text,
    };
    let text = match text.trim_end_matches('#') {
        closed if closed.ends_with(' ') => closed.trim_end(),
        _ => text,
    };
    (!text.is_empty()).then(|| {
        (
            start..start + line.trim_end_matches('\r').len(),
            text.to_string(),
        )
    })
}

/// docsify's callouts: a paragraph starting `?> ` (a tip) or `!> ` (a warning), at the
/// start of a line after a blank one. The marker is the [`Kind::Callout`] leftover,
/// blanked; the callout holds the paragraph it starts.
pub(super) fn docsify_callouts(body: &str) -> Vec<Leftover> {
    use pulldown_cmark::BlockQuoteKind as K;
    let bytes = body.as_bytes();
    crate::finder!(b"> ")
        .find_iter(bytes)
        .filter_map(|at| {
            let start = at.checked_sub(1)?;
            let kind = match bytes[start] {
                b'?' => K::Tip,
                b'!' => K::Warning,
                _ => return None,
            };
            let line_start = body[..start].rfind('\n').map_or(0, |n| n + 1);
            // The line before: none, blank, or a heading (a block of one line).
            let previous = body[..line_start.saturating_sub(1)]
                .rsplit('\n')
                .next()
                .unwrap_or("");
            let after_blank = line_start == start
                && (start == 0 || previous.trim().is_empty() || previous.starts_with('#'));
            after_blank.then(|| Leftover {
                range: start..start + 2,
                construct: String::new(),
                kind: Kind::Callout {
                    kind,
                    next_block_only: true,
                    details: false,
                },
            })
        })
        .collect()
}

/// A line that is a callout component's tag alone (no indent, as Mintlify and Nextra pages
/// write them): Mintlify's `<Note>`, `<Info>`, `<Tip>`, `<Check>`, `<Warning>` and
/// `<Danger>`, Nextra's `<Callout type="warning">`, or the tag that closes one.
pub(crate) enum CalloutTag<'a> {
    Open {
        name: &'a str,
        kind: pulldown_cmark::BlockQuoteKind,
        title: &'a str,
    },
    Close(&'a str),
}

/// The callout component tag that `line` is, if it is one (see [`CalloutTag`]). A
/// self-closing tag, or one with an expression (`emoji={<Icon />}`), is none.
pub(crate) fn callout_tag(line: &str) -> Option<CalloutTag<'_>> {
    let inner = line.trim_end().strip_prefix('<')?.strip_suffix('>')?;
    if let Some(name) = inner.strip_prefix('/') {
        return callout_kind(name, "").map(|_| CalloutTag::Close(name));
    }
    if inner.ends_with('/') || inner.contains(['<', '>', '{', '}']) {
        return None;
    }
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let kind = callout_kind(name, args)?;
    let title = quoted_attr(args, "title")
        .filter(|t| plain_label(t))
        .unwrap_or("");
    Some(CalloutTag::Open { name, kind, title })
}

/// The callout a component of that name (and `type`, for Nextra's `<Callout>`) draws.
pub(super) fn callout_kind(name: &str, args: &str) -> Option<pulldown_cmark::BlockQuoteKind> {
    use pulldown_cmark::BlockQuoteKind as K;
    Some(match name {
        "Note" | "Info" => K::Note,
        "Tip" | "Check" => K::Tip,
        "Warning" => K::Warning,
        "Danger" => K::Caution,
        "Callout" => match quoted_attr(args, "type") {
            None | Some("default" | "info") => K::Note,
            Some("important") => K::Important,
            Some("warning") => K::Warning,
            Some("error") => K::Caution,
            Some(_) => return None,
        },
        _ => return None,
    })
}

/// Mintlify's and Nextra's callout components ([`callout_tag`]), each tag alone on its
/// line and outside fenced code, paired innermost first like Hugo's callout shortcodes;
/// in an MDX page (`mdx`) also those written on one line ([`one_line_callout`]), found in
/// the same walk of the lines. A page without a line that starts with `<` costs one
/// `memchr` scan.
pub(super) fn component_callouts(body: &str, mdx: bool) -> Vec<Leftover> {
    let mut out = Vec::new();
    let mut one_line = Vec::new();
    let mut open: Vec<(&str, Leftover)> = Vec::new();
    let mut fences = Fences::new(body);
    let starts = body.starts_with('<').then_some(0).into_iter().chain(
        crate::finder!(b"\n<")
            .find_iter(body.as_bytes())
            .map(|n| n + 1),
    );
    for at in starts {
        if fences.inside(at) {
            continue;
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        if mdx {
            one_line.extend(one_line_callouts(body, at, end).into_iter().flatten());
            one_line.extend(one_line_wrappers(body, at, end).into_iter().flatten());
        }
        match callout_tag(&body[at..end]) {
            Some(CalloutTag::Open { name, kind, title }) => open.push((
                name,
                Leftover {
                    range: at..end,
                    construct: title.to_string(),
                    kind: Kind::Callout {
                        kind,
                        next_block_only: false,
                        details: false,
                    },
                },
            )),
            Some(CalloutTag::Close(name)) => {
                if let Some(i) = open.iter().rposition(|(n, _)| *n == name) {
                    // Callouts opened inside it and never closed are not drawn.
                    let (_, o) = open.remove(i);
                    open.truncate(i);
                    out.push(o);
                    out.push(Leftover {
                        range: at..end,
                        construct: String::new(),
                        kind: Kind::CalloutEnd,
                    });
                }
            }
            None => {}
        }
    }
    out.sort_by_key(|o| o.range.start);
    out.extend(one_line);
    out
}

/// A callout component written on one line at the start of its line, outside fenced code:
/// Starlight's `<Aside type="tip" title="…">Text.</Aside>`, Mintlify's `<Note>Text.</Note>`
/// (the names of [`callout_kind`]). Its two tags are the [`Kind::Callout`] and
/// [`Kind::CalloutEnd`] leftovers, so the text between is drawn in the callout as the
/// multi-line form's is.
pub(super) fn one_line_callouts(body: &str, at: usize, end: usize) -> Option<[Leftover; 2]> {
    let line = body[at..end].trim_end();
    let (open, kind, title, close) = one_line_callout(line)?;
    Some([
        Leftover {
            range: at..at + open,
            construct: title.to_string(),
            kind: Kind::Callout {
                kind,
                next_block_only: false,
                details: false,
            },
        },
        Leftover {
            range: at + close..at + line.len(),
            construct: String::new(),
            kind: Kind::CalloutEnd,
        },
    ])
}

/// A component around Markdown written on one line at the start of its line, outside
/// fenced code, with no title of its own ([`one_line_wrapper`]): its two tags, as
/// [`Kind::Wrapper`] leftovers, blanked (its opening tag written as `#` when it starts a
/// block of its own), so its Markdown is shown in its place.
pub(super) fn one_line_wrappers(body: &str, at: usize, end: usize) -> Option<[Leftover; 2]> {
    let line = body[at..end].trim_end();
    let (open, close) = one_line_wrapper(line)?;
    let tag = |range: Range<usize>| Leftover {
        range,
        construct: String::new(),
        kind: Kind::Wrapper,
    };
    Some([tag(at..at + open), tag(at + close..at + line.len())])
}

/// A line that is an MDX component around Markdown, `<Frame>![Map](/img/map.png)</Frame>`
/// (a name starting in upper case, no `title` or `label`, no callout's name, no other tag
/// inside): the length of its opening tag and where its closing tag starts.
pub(crate) fn one_line_wrapper(line: &str) -> Option<(usize, usize)> {
    let open = line.find('>')? + 1;
    let inner = line.strip_prefix('<')?.get(..open - 2)?;
    if inner.ends_with('/')
        || inner.contains(['<', '{', '}'])
        || inner.contains(" title=")
        || inner.contains(" label=")
    {
        return None;
    }
    let name = inner.split(char::is_whitespace).next()?;
    if !name.starts_with(|c: char| c.is_ascii_uppercase())
        || !name.chars().all(|c| c.is_ascii_alphanumeric())
        || name == "Aside"
        || callout_kind(name, "").is_some()
    {
        return None;
    }
    let close = line
        .strip_suffix('>')?
        .strip_suffix(name)?
        .strip_suffix("</")?
        .len();
    let text = line.get(open..close)?;
    (close > open && !text.trim().is_empty() && !text.contains('<')).then_some((open, close))
}

/// The callouts written on one line whose tag [`clean`] wrote as `#` (see
/// `Scan::one_line_callout_heads_a_block`): the range of each tag, in order, from the
/// cleaned body and its leftovers.
pub fn heading_callouts(cleaned: &str, leftovers: &[Leftover]) -> Vec<Range<usize>> {
    leftovers
        .iter()
        .filter(|l| {
            matches!(l.kind, Kind::Callout { .. } | Kind::Wrapper)
                && cleaned.as_bytes().get(l.range.start) == Some(&b'#')
        })
        .map(|l| l.range.clone())
        .collect()
}

/// Reads the heading each one-line callout's tag became ([`heading_callouts`]) as the
/// paragraph it is, starting where the tag ended, so that the callout opened there holds
/// it and nothing reads it as a heading (no anchor, no title, no table of contents).
/// Only on a page with such a callout (the Markdown stage's `OptionalPass` skips it on
/// the others).
pub struct OneLineCallouts<I> {
    pub(super) inner: I,
    pub(super) tags: std::vec::IntoIter<Range<usize>>,
    pub(super) next: Option<Range<usize>>,
    pub(super) in_heading: bool,
}

impl<I> OneLineCallouts<I> {
    pub fn new(inner: I, tags: Vec<Range<usize>>) -> Self {
        let mut tags = tags.into_iter();
        let next = tags.next();
        OneLineCallouts {
            inner,
            tags,
            next,
            in_heading: false,
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for OneLineCallouts<I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.inner.next()?;
        if self.next.is_none() && !self.in_heading {
            return Some((event, range));
        }
        match event {
            Event::Start(Tag::Heading { .. })
                if self.next.as_ref().is_some_and(|t| t.start == range.start) =>
            {
                let tag = std::mem::replace(&mut self.next, self.tags.next()).unwrap_or_default();
                self.in_heading = true;
                Some((
                    Event::Start(Tag::Paragraph),
                    tag.end.min(range.end)..range.end,
                ))
            }
            Event::End(pulldown_cmark::TagEnd::Heading(_)) if self.in_heading => {
                self.in_heading = false;
                Some((Event::End(pulldown_cmark::TagEnd::Paragraph), range))
            }
            event => {
                // A tag the parse passed by (not read as a heading) is not waited for.
                while self.next.as_ref().is_some_and(|t| t.start < range.start)
                    && matches!(event, Event::Start(_))
                {
                    self.next = self.tags.next();
                }
                Some((event, range))
            }
        }
    }
}

/// A line that is a callout component around text (see [`one_line_callouts`]): the length
/// of its opening tag, its kind and title, and where its closing tag starts.
pub(crate) fn one_line_callout(
    line: &str,
) -> Option<(usize, pulldown_cmark::BlockQuoteKind, &str, usize)> {
    let open = line.find('>')? + 1;
    let inner = line.strip_prefix('<')?.get(..open - 2)?;
    if inner.ends_with('/') || inner.contains(['<', '{', '}']) {
        return None;
    }
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let close = line
        .strip_suffix('>')?
        .strip_suffix(name)?
        .strip_suffix("</")?
        .len();
    if close <= open || line[open..close].trim().is_empty() {
        return None;
    }
    let kind = match name {
        "Aside" => aside_kind(args),
        _ => callout_kind(name, args)?,
    };
    let title = quoted_attr(args, "title")
        .filter(|t| plain_label(t))
        .unwrap_or("");
    Some((open, kind, title, close))
}

/// The callout Starlight draws for an `<Aside>` of that `type` (a note without one).
pub(crate) fn aside_kind(args: &str) -> pulldown_cmark::BlockQuoteKind {
    use pulldown_cmark::BlockQuoteKind as K;
    match quoted_attr(args, "type") {
        Some("tip") => K::Tip,
        Some("caution") => K::Warning,
        Some("danger") => K::Caution,
        _ => K::Note,
    }
}

/// Hugo themes' callout shortcodes, each on a line of its own at the start of the line
/// and outside fenced code, paired innermost first like Docusaurus admonitions: the Book
/// theme's `{{< hint info >}}` … `{{< /hint >}}` (`info`, `warning`, `danger`, or none),
/// Docsy's `{{% alert title="Note" color="warning" %}}` … `{{% /alert %}}` and
/// `{{< details "Title" >}}` … `{{< /details >}}` (a `<details>`), the `{{% note %}}`,
/// `{{% tip %}}`, `{{% info %}}` and `{{% warning %}}` of GitLab's handbook theme and
/// others, and Relearn's `{{% notice tip "Title" %}}`. Shortcodes written
/// inline, unclosed or of other names stay reported leftovers.
pub(super) fn hugo_admonitions(body: &str) -> Vec<Leftover> {
    use pulldown_cmark::BlockQuoteKind as K;
    let mut out = Vec::new();
    let mut open: Vec<Leftover> = Vec::new();
    let mut fences = Fences::new(body);
    // Hugo's shortcodes and GitBook's Liquid tags (`{% hint style="info" %}` …
    // `{% endhint %}`), in order of position.
    let mut starts: Vec<usize> = crate::finder!(b"{{")
        .find_iter(body.as_bytes())
        .chain(crate::finder!(b"{%").find_iter(body.as_bytes()))
        .collect();
    starts.sort_unstable();
    for at in starts {
        if at != 0 && body.as_bytes()[at - 1] != b'\n' {
            continue;
        }
        if fences.inside(at) {
            continue;
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let line = body[at..end].trim_end();
        let (inner, liquid) = match shortcode(line) {
            Some(inner) => (inner, false),
            None => match liquid_tag(line) {
                Some(inner) => (inner, true),
                None => continue,
            },
        };
        let closing = if liquid {
            inner.strip_prefix("end")
        } else {
            inner.strip_prefix('/')
        };
        if let Some(name) = closing {
            let name = name.trim();
            if let Some(i) = open
                .iter()
                .rposition(|o| o.construct.split('\u{0}').next() == Some(name))
            {
                // Shortcodes opened inside it and never closed are not drawn.
                let o = open.remove(i);
                open.truncate(i);
                out.push(o);
                out.push(Leftover {
                    range: at..end,
                    construct: String::new(),
                    kind: Kind::CalloutEnd,
                });
            }
            continue;
        }
        let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
        let args = args.trim();
        let attr = |key: &str| quoted_attr(args, key).map(str::to_string);
        let (kind, details, title) = match name {
            // GitBook: `{% hint style="success" %}`.
            "hint" if liquid => {
                let kind = match attr("style").as_deref() {
                    None | Some("info") => K::Note,
                    Some("success") => K::Tip,
                    Some("warning") => K::Warning,
                    Some("danger") => K::Caution,
                    Some(_) => continue,
                };
                (kind, false, String::new())
            }
            _ if liquid => continue,
            "hint" => {
                let style = args.split_whitespace().next().unwrap_or("");
                let kind = match style {
                    "warning" => K::Warning,
                    "danger" => K::Caution,
                    "" | "info" | "default" => K::Note,
                    _ => continue,
                };
                (kind, false, String::new())
            }
            "alert" => {
                let kind = match attr("color").as_deref() {
                    None | Some("primary" | "info" | "secondary" | "light" | "dark") => K::Note,
                    Some("success") => K::Tip,
                    Some("warning") => K::Warning,
                    Some("danger") => K::Caution,
                    Some(_) => continue,
                };
                (kind, false, attr("title").unwrap_or_default())
            }
            // GitLab's handbook theme and others: `{{% note %}}`, `{{% warning %}}`.
            "note" | "info" | "tip" | "important" | "warning" | "caution" | "danger" => {
                (mkdocs_kind(name), false, attr("title").unwrap_or_default())
            }
            // Relearn and Learn: `{{% notice tip "Title" %}}`.
            "notice" => {
                let (style, rest) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
                let title = quoted_attr(args, "title")
                    .or_else(|| {
                        rest.trim()
                            .strip_prefix('"')
                            .and_then(|t| t.split_once('"'))
                            .map(|(t, _)| t)
                    })
                    .unwrap_or_default();
                let kind = match style.trim_matches('"') {
                    "note" | "info" | "" => K::Note,
                    "tip" => K::Tip,
                    "warning" => K::Warning,
                    "danger" | "caution" => K::Caution,
                    "important" => K::Important,
                    _ => continue,
                };
                (kind, false, title.to_string())
            }
            "details" => {
                let title = attr("title").or_else(|| {
                    args.strip_prefix('"')
                        .and_then(|a| a.split_once('"'))
                        .map(|(t, _)| t.to_string())
                });
                (K::Note, true, title.unwrap_or_default())
            }
            _ => continue,
        };
        if title.contains(['<', '>', '{', '}']) {
            continue;
        }
        open.push(Leftover {
            range: at..end,
            construct: format!("{name}\u{0}{title}"),
            kind: Kind::Callout {
                kind,
                next_block_only: false,
                details,
            },
        });
    }
    // The name was kept with the title only to pair the lines.
    for o in &mut out {
        if let Some((_, title)) = o.construct.split_once('\u{0}') {
            o.construct = title.to_string();
        }
    }
    out.sort_by_key(|o| o.range.start);
    out
}
