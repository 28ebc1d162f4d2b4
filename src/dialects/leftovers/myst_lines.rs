//! MyST's and Quarto's line constructs: colon fences and roles, `(label)=` targets, `%`
//! comments, and the labels and section ids pages link to.

use super::*;

/// Which lines are inside fenced code blocks (```` ``` ```` or `~~~`, opened at most 3
/// spaces in), asked in order of position: a line scan ahead of the Markdown parse, which
/// needs the admonitions first. Fences inside lists and quotes are not followed; no
/// admonition line sits in those.
pub(super) struct Fences<'a> {
    pub(super) body: &'a str,
    /// Where the scan has reached (the start of a line).
    pub(super) pos: usize,
    /// The open fence: its character and length.
    pub(super) open: Option<(u8, usize)>,
}

impl<'a> Fences<'a> {
    pub(super) fn new(body: &'a str) -> Self {
        Fences {
            body,
            pos: 0,
            open: None,
        }
    }

    /// Whether the line starting at `at` (at or after the last one asked about) is inside
    /// a fenced code block.
    pub(super) fn inside(&mut self, at: usize) -> bool {
        while self.pos < at {
            let end = self.body[self.pos..]
                .find('\n')
                .map_or(self.body.len(), |n| self.pos + n + 1);
            let line = &self.body[self.pos..end];
            let indent = line.len() - line.trim_start_matches(' ').len();
            let text = line[indent..].trim_end();
            let run = |c: u8| text.bytes().take_while(|&b| b == c).count();
            if indent <= 3 {
                match self.open {
                    None => {
                        for c in [b'`', b'~'] {
                            if run(c) >= 3 && !(c == b'`' && text[run(c)..].contains('`')) {
                                self.open = Some((c, run(c)));
                                break;
                            }
                        }
                    }
                    Some((c, n)) => {
                        if run(c) >= n && text.len() == run(c) {
                            self.open = None;
                        }
                    }
                }
            }
            self.pos = end;
        }
        self.open.is_some()
    }
}

/// The length of a MyST role's name part (`{pypi}` in ``{pypi}`certifi` ``) at the start
/// of `rest`: a name in braces right before a backtick.
pub(super) fn myst_role(rest: &[u8]) -> Option<usize> {
    myst_name(rest).filter(|&len| rest.get(len) == Some(&b'`'))
}

/// A MyST colon-fence directive's opening line (`:::{note}`, `::::{admonition} Title`)
/// whose `{` is at `at`: three or more colons after at most three spaces at the start of a
/// line, then a name in braces ending the line or followed by a space. The start of the
/// fence (its first colon) and the length of the name in braces.
pub(super) fn colon_fence(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    let colons = bytes[..at].iter().rev().take_while(|&&b| b == b':').count();
    if colons < 3 {
        return None;
    }
    let start = at - colons;
    let indent = bytes[..start]
        .iter()
        .rev()
        .take_while(|&&b| b == b' ')
        .count();
    let line_start = start - indent;
    if indent > 3 || (line_start > 0 && bytes[line_start - 1] != b'\n') {
        return None;
    }
    let len = myst_name(&bytes[at..])?;
    matches!(
        bytes.get(at + len),
        None | Some(b' ' | b'\t' | b'\n' | b'\r')
    )
    .then_some((start, len))
}

/// MyST (Sphinx Markdown) target lines, `(label)=` alone on a line, each without its line
/// break. In Sphinx they name the next heading for cross-references and show nothing; left
/// in, one before the first heading would also keep that heading from being the title.
pub(super) fn myst_targets(body: &str) -> Vec<Range<usize>> {
    crate::finder!(b")=")
        .find_iter(body.as_bytes())
        // Only a whole line is a target: one that goes on is passed over without reading
        // back to its start.
        .filter(|&at| crate::dialects::myst::ends_line(body, at + 2))
        .filter_map(|at| {
            let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
            let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
            let line = &body[start..end];
            let indent = line.len() - line.trim_start_matches(' ').len();
            let label = line.trim().strip_prefix('(')?.strip_suffix(")=")?;
            (indent <= 3 && !label.is_empty() && !label.contains(['(', ')'])).then_some(start..end)
        })
        .collect()
}

/// MyST comment lines (`% A figure of the mountains`), each without its line break. Only
/// looked for in a body that writes MyST (a directive or a target line): elsewhere a line
/// may begin with `%` as prose ("% of tickets closed").
pub(super) fn myst_comments(body: &str) -> Vec<Range<usize>> {
    memchr::memchr_iter(b'%', body.as_bytes())
        .filter_map(|at| {
            let start = crate::dialects::myst::line_start_before(body, at)?;
            let indent = &body[start..at];
            if indent.len() > 3 || indent.bytes().any(|b| b != b' ') {
                return None;
            }
            Some(start..body[at..].find('\n').map_or(body.len(), |n| at + n))
        })
        .collect()
}

/// The MyST labels of a body, each with the id and text a link to it gets: `(label)=`
/// then, after blank lines, `## Heading` gives `("label", "heading", "Heading")`; a label
/// before anything else names the page (an empty id and text); a label on another block
/// (a directive's `:label:`, a target before a paragraph) its anchor
/// ([`crate::dialects::myst::block_labels`]).
pub fn myst_labels(body: &str) -> Vec<(String, String, String)> {
    let (mut labels, blocks) = labels_and_blocks(body);
    labels.extend(blocks.into_iter().map(|b| (b.label, b.id, b.text)));
    labels.extend(quarto_section_ids(body));
    labels
}

/// Headings with a Quarto section id, `## Setup {#sec-setup}`, as labels: the id names
/// the heading (whose anchor it is) for cross-references (`@sec-setup`). Outside fenced
/// code; a page without `{#sec-` costs one `memchr` scan.
pub(super) fn quarto_section_ids(body: &str) -> Vec<(String, String, String)> {
    if crate::finder!(b"{#sec-").find(body.as_bytes()).is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    for line in body.lines() {
        if let Some((c, n, rest)) = crate::dialects::myst::fence(line) {
            match fence {
                Some((fc, fn_)) if fc == c && n >= fn_ && rest.trim().is_empty() => fence = None,
                None => fence = Some((c, n)),
                _ => {}
            }
            continue;
        }
        if fence.is_some() {
            continue;
        }
        let Some(heading) = line.trim_start().strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#');
        let Some((text, attrs)) = heading
            .trim_end()
            .strip_suffix('}')
            .and_then(|h| h.rsplit_once('{'))
        else {
            continue;
        };
        let Some(id) = attrs
            .split_whitespace()
            .find_map(|a| a.strip_prefix('#'))
            .filter(|id| id.starts_with("sec-"))
        else {
            continue;
        };
        let text = text
            .trim()
            .trim_end_matches('#')
            .trim()
            .replace(['`', '*'], "");
        out.push((id.to_string(), id.to_string(), text));
    }
    out
}

/// The labels of `body` that name a heading or the page, and those that name a block.
pub fn labels_and_blocks(
    body: &str,
) -> (
    Vec<(String, String, String)>,
    Vec<crate::dialects::myst::BlockLabel>,
) {
    let mut headings = Vec::new();
    let mut on_blocks = Vec::new();
    for t in myst_targets(body) {
        let Some(label) = body[t.clone()]
            .trim()
            .strip_prefix('(')
            .and_then(|l| l.strip_suffix(")="))
        else {
            continue;
        };
        let next = body[t.end..]
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.ends_with(")="))
            .unwrap_or("");
        let text = next
            .strip_prefix('#')
            .map(|h| {
                h.trim_start_matches('#')
                    .trim()
                    .trim_end_matches('#')
                    .trim()
            })
            .map(|h| h.replace(['`', '*'], ""))
            .unwrap_or_default();
        if !text.is_empty() {
            headings.push((label.to_string(), crate::text::heading_id(&text), text));
        } else if next.is_empty() || body[..t.start].trim().is_empty() {
            headings.push((label.to_string(), String::new(), String::new()));
        } else {
            on_blocks.push((t.start, label.to_string()));
        }
    }
    let blocks = if crate::finder!(b":label:").find(body.as_bytes()).is_some()
        || crate::finder!(b":name:").find(body.as_bytes()).is_some()
        || crate::finder!(b"{glossary}")
            .find(body.as_bytes())
            .is_some()
        || crate::finder!(b"$$ (").find(body.as_bytes()).is_some()
        || !on_blocks.is_empty()
    {
        crate::dialects::myst::block_labels(body, on_blocks)
    } else {
        Vec::new()
    };
    (headings, blocks)
}
