//! Leftovers from other generators in a Markdown body: Liquid / Nunjucks tags (`{% … %}`),
//! expressions (`{{ … }}`), Hugo shortcodes (`{{< … >}}`, `{{% … %}}`), MyST roles
//! (``{pypi}`x` ``) and MyST colon-fence directives (`:::{note}`) that orgbook does not run,
//! MkDocs admonitions and snippet includes (`!!! note`, `--8<--`), plus comments, MyST
//! target lines (`(label)=`), kramdown attribute lists (Jekyll's `{: .note }`, `{:toc}`)
//! and MkDocs `[TOC]` lines that must never reach readers. Hugo cross-references as link
//! destinations (`[x]({{< ref "x.md" >}})`) are rewritten to the path they name, and the
//! other generators' callouts (Docusaurus `:::note`, Just the Docs `{: .note }`) are
//! reported for the renderer to draw. A MyST
//! directive written as a backtick fence (```` ```{note} ````) is a code block to CommonMark:
//! the Markdown renderer, which sees every fence's info string, reports it
//! ([`myst_directive`]), so the body is parsed once for it.
//!
//! [`clean`] returns the body with HTML comments, `{% comment %}` blocks, MyST targets and
//! kramdown attribute lists blanked out
//! (replaced by spaces of the same byte length, newlines kept, so every offset — and hence
//! every diagnostic's line and column — stays valid) and the position of every other
//! construct, which the caller reports as a warning. Code spans and blocks are left alone:
//! documentation about templates quotes them there on purpose.

use pulldown_cmark::{Event, Parser, Tag};
use std::borrow::Cow;
use std::ops::Range;

/// The longest `{% … %}` tag looked for, in bytes.
const MAX_TAG: usize = 1000;

/// The next occurrence of a pattern at or after a position that only moves forwards.
struct NextMatch<'a> {
    hay: &'a str,
    pat: &'static str,
    found: Option<usize>,
    exhausted: bool,
}

impl<'a> NextMatch<'a> {
    fn new(hay: &'a str, pat: &'static str) -> Self {
        NextMatch {
            hay,
            pat,
            found: None,
            exhausted: false,
        }
    }

    fn from(&mut self, at: usize) -> Option<usize> {
        if let Some(f) = self.found
            && f >= at
        {
            return Some(f);
        }
        if self.exhausted || at > self.hay.len() || !self.hay.is_char_boundary(at) {
            return None;
        }
        match self.hay[at..].find(self.pat) {
            Some(k) => {
                self.found = Some(at + k);
                self.found
            }
            None => {
                self.exhausted = true;
                None
            }
        }
    }
}

/// One template construct found outside code: its byte range in the body and its text
/// (shortened for messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leftover {
    pub range: Range<usize>,
    pub construct: String,
    pub kind: Kind,
}

/// What a [`Leftover`] is, for its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Template syntax or a MyST role, left in the text as written.
    Template,
    /// A MyST colon-fence directive (`:::{note}`): `construct` is its name in braces, and
    /// the range runs from the first colon.
    ColonDirective,
    /// The opening line of another generator's callout, blanked: a Docusaurus admonition
    /// (`:::note Title` … `:::`, closed by a [`Kind::CalloutEnd`]) or a Just the Docs one
    /// (`{: .note }`, which styles the next block alone). `construct` is the title it
    /// gives, or empty. The Markdown renderer draws it like a GitHub alert.
    Callout {
        kind: pulldown_cmark::BlockQuoteKind,
        next_block_only: bool,
    },
    /// The `:::` line closing a Docusaurus admonition, blanked.
    CalloutEnd,
    /// A line of Python-Markdown's extensions (MkDocs): an admonition (`!!! note "Title"`,
    /// `??? tip`), whose indented text Markdown makes a code block, or a snippet include
    /// (`--8<-- "file.md"`), whose file is not included. `construct` is the line.
    MkDocs,
}

/// Blanks comments and finds template constructs; see the module documentation.
pub fn clean(body: &str) -> (Cow<'_, str>, Vec<Leftover>) {
    let bytes = body.as_bytes();
    // Where a construct may start: every `<` and `{` is a candidate, found with memchr
    // (SIMD) rather than by testing each byte, which was a visible share of large pages.
    let starts_construct = |at: usize| {
        let rest = &bytes[at..];
        rest.starts_with(b"<!--")
            || rest.starts_with(b"{%")
            || rest.starts_with(b"{{")
            || myst_role(rest).is_some()
            || colon_fence(bytes, at).is_some()
            || kramdown_ial(body, at).is_some()
    };
    let targets = myst_targets(body);
    let admonitions = docusaurus_admonitions(body);
    let mkdocs = mkdocs_lines(body);
    let last = memchr::memrchr2_iter(b'<', b'{', bytes).find(|&at| starts_construct(at));
    let last = last
        .max(targets.last().map(|t| t.start))
        .max(admonitions.last().map(|a| a.range.start))
        .max(mkdocs.last().map(|m| m.range.start));
    let Some(last) = last else {
        return (Cow::Borrowed(body), Vec::new());
    };
    // Only the text up to the end of the block holding the last construct is parsed for
    // code: a lint directive (`<!--lint disable-->`) at the top of a 1 MB changelog must
    // not cost a second parse of the whole file.
    let code = code_ranges(&body[..block_end(body, last)]);
    let in_code = |at: usize| {
        // `code` is sorted and non-overlapping: binary search for the range around `at`.
        let i = code.partition_point(|r| r.end <= at);
        code.get(i).is_some_and(|r| r.start <= at)
    };
    let mut blank: Vec<Range<usize>> = Vec::new();
    // Blanked ranges written as this text instead (padded with spaces), by start.
    let mut rewrites: Vec<(usize, String)> = Vec::new();
    let mut found = Vec::new();
    // Each closer is searched for forwards only, so the scan stays linear however many
    // unclosed `{%` or `{{` a file holds.
    let mut tag_close = NextMatch::new(body, "%}");
    let mut expr_close = NextMatch::new(body, "}}");
    let mut line_end = NextMatch::new(body, "\n");
    let mut i = 0;
    while i + 1 < bytes.len() {
        // Straight to the next `<` or `{` (both ASCII, so always a character boundary).
        match memchr::memchr2(b'<', b'{', &bytes[i..]) {
            Some(k) => i += k,
            None => break,
        }
        if i + 1 >= bytes.len() {
            break;
        }
        let rest = &body[i..];
        let next = if rest.starts_with("<!--") && !in_code(i) {
            let end = rest.find("-->").map_or(body.len(), |e| i + e + 3);
            blank.push(i..end);
            end
        } else if rest.starts_with("{%") && !in_code(i) {
            match tag_close.from(i + 2).filter(|&c| c - i <= MAX_TAG) {
                Some(c) => {
                    let end = c + 2;
                    let name = body[i + 2..c].trim().trim_start_matches('-').trim();
                    if name == "comment" || name.starts_with("comment ") {
                        let close = body[end..]
                            .find("endcomment")
                            .and_then(|k| body[end + k..].find("%}").map(|m| end + k + m + 2))
                            .unwrap_or(body.len());
                        blank.push(i..close);
                        close
                    } else {
                        found.push(leftover(body, i..end));
                        end
                    }
                }
                None => i + 2,
            }
        } else if let Some(len) = myst_role(rest.as_bytes()).filter(|_| !in_code(i)) {
            found.push(leftover(body, i..i + len));
            i + len
        } else if let Some((start, len)) = colon_fence(bytes, i).filter(|&(s, _)| !in_code(s)) {
            found.push(Leftover {
                range: start..i + len,
                construct: body[i..i + len].to_string(),
                kind: Kind::ColonDirective,
            });
            i + len
        } else if let Some(ial) = kramdown_ial(body, i).filter(|_| !in_code(i)) {
            let end = ial.end;
            if blank.last().is_none_or(|b| b.end <= ial.start) {
                // At the start of its line: indented, it belongs to a list item or quote.
                let column_0 = i == 0 || bytes[i - 1] == b'\n';
                if let Some(kind) = just_the_docs_callout(&body[i..end]).filter(|_| column_0) {
                    found.push(Leftover {
                        range: ial.clone(),
                        construct: String::new(),
                        kind: Kind::Callout {
                            kind,
                            next_block_only: true,
                        },
                    });
                }
                blank.push(ial);
            }
            end
        } else if rest.starts_with("{{") && !in_code(i) {
            let eol = line_end.from(i).unwrap_or(body.len());
            match expr_close.from(i + 2).filter(|&c| c < eol) {
                Some(c) => {
                    match hugo_ref(body, i..c + 2) {
                        Some(target) => {
                            rewrites.push((i, target));
                            blank.push(i..c + 2);
                        }
                        None => found.push(leftover(body, i..c + 2)),
                    }
                    c + 2
                }
                None => i + 2,
            }
        } else {
            i + 1
        };
        i = next;
        while i < bytes.len() && !body.is_char_boundary(i) {
            i += 1;
        }
    }
    // Whole lines, outside code and comments: MyST targets (invisible in Sphinx) and MkDocs
    // `[TOC]` lines are blanked; Docusaurus admonition lines are blanked and reported (the
    // renderer draws their callout); other MkDocs lines are reported as written.
    let lines = targets
        .into_iter()
        .map(|t| (t, true, None))
        .chain(
            admonitions
                .into_iter()
                .map(|a| (a.range.clone(), true, Some(a))),
        )
        .chain(mkdocs.into_iter().map(|m| {
            let toc = m.construct == "[TOC]";
            let drawn = matches!(m.kind, Kind::Callout { .. });
            (m.range.clone(), toc || drawn, (!toc).then_some(m))
        }));
    for (line, blanked, report) in lines {
        let inside = blank.partition_point(|b| b.end <= line.start);
        let taken = blank
            .get(inside)
            .is_some_and(|b| b.start < line.end.max(line.start + 1));
        if taken || in_code(line.start) {
            continue;
        }
        let mut report = report;
        if let Some(r) = report
            .as_mut()
            .filter(|r| matches!(r.kind, Kind::Callout { .. }))
            && body[line.clone()].starts_with(['!', '?'])
        {
            // An MkDocs admonition: its callout opens at its own line, which stays the
            // start of the paragraph (see `zero_width_line`).
            let filler = zero_width_line(line.len()).unwrap_or_default();
            rewrites.push((line.start, filler));
            r.range = line.start..line.start;
        }
        if blanked {
            blank.insert(inside, line);
        }
        found.extend(report);
    }
    rewrites.sort_by_key(|r| r.0);
    found.sort_by_key(|f| f.range.start);
    if blank.is_empty() {
        return (Cow::Borrowed(body), found);
    }
    let mut out = String::with_capacity(body.len());
    let mut pos = 0;
    let mut rewrites = rewrites.into_iter().peekable();
    for r in blank {
        out.push_str(&body[pos..r.start]);
        if let Some((_, text)) = rewrites.next_if(|(at, _)| *at == r.start) {
            out.push_str(&text);
            out.extend(std::iter::repeat_n(' ', r.len() - text.len()));
            pos = r.end;
            continue;
        }
        for c in body[r.start..r.end].chars() {
            if c == '\n' {
                out.push('\n');
            } else {
                out.extend(std::iter::repeat_n(' ', c.len_utf8()));
            }
        }
        pos = r.end;
    }
    out.push_str(&body[pos..]);
    (Cow::Owned(out), found)
}

/// A kramdown attribute list (Jekyll's Markdown) whose `{` is at `at`, as the range to
/// blank: Jekyll shows nothing for one, so neither does orgbook. A block list alone on its
/// line (`{: .note }` before a "Just the Docs" callout, `{: .no_toc }` after a heading)
/// blanks that line; `{:toc}` also blanks the `* TOC` list item it replaces with a table of
/// contents (orgbook draws its own); a span list right after a link or image
/// (`[x](y){:target="_blank"}`) blanks itself. Anything else that starts with `{:` is text.
fn kramdown_ial(body: &str, at: usize) -> Option<Range<usize>> {
    let rest = &body[at..];
    if !rest.starts_with("{:") {
        return None;
    }
    let line_end = rest.find('\n').map_or(body.len(), |n| at + n);
    let close = at + body[at..line_end].find('}')?;
    let inner = body[at + 2..close].trim();
    if inner.len() > 200 || inner.contains('{') {
        return None;
    }
    let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
    let before = &body[line_start..at];
    let alone = before.len() <= 3
        && before.bytes().all(|b| b == b' ')
        && body[close + 1..line_end].trim().is_empty();
    if alone {
        let toc = matches!(inner, "toc" | ".toc");
        let prev_start = body[..line_start.saturating_sub(1)]
            .rfind('\n')
            .map_or(0, |n| n + 1);
        let prev = body[prev_start..line_start].trim();
        let item = prev
            .strip_prefix(['*', '-', '+'])
            .or_else(|| prev.strip_prefix("1."))
            .map(str::trim);
        let start = if toc && line_start > 0 && item.is_some_and(|t| t.eq_ignore_ascii_case("toc"))
        {
            prev_start
        } else {
            line_start
        };
        return Some(start..line_end);
    }
    let after_span = body[..at]
        .bytes()
        .next_back()
        .is_some_and(|b| matches!(b, b')' | b']' | b'*' | b'_' | b'`'));
    after_span.then_some(at..close + 1)
}

/// A Hugo cross-reference as a link's destination, `[x]({{< ref "setup.md" >}})` (or
/// `relref`, or `{{% … %}}`), as the destination to write in its place: `<setup.md>`,
/// which orgbook resolves like any link (the shortcode's own range is at least as long,
/// so offsets hold). Anywhere else a shortcode stays a reported leftover.
fn hugo_ref(body: &str, range: Range<usize>) -> Option<String> {
    if !body[..range.start].ends_with("](") || !body[range.end..].starts_with(')') {
        return None;
    }
    let inner = &body[range.start + 2..range.end - 2];
    let inner = inner
        .strip_prefix('<')
        .and_then(|t| t.strip_suffix('>'))
        .or_else(|| inner.strip_prefix('%').and_then(|t| t.strip_suffix('%')))?
        .trim();
    let path = inner
        .strip_prefix("relref")
        .or_else(|| inner.strip_prefix("ref"))?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')?;
    (!path.is_empty() && !path.contains(['"', '<', '>', '\\', '\n'])).then(|| format!("<{path}>"))
}

/// Python-Markdown (MkDocs) lines at the start of a line: admonitions (`!!!`, `???`,
/// `???+` and a word), snippet includes (`--8<--`) and the `[TOC]` marker (which orgbook's
/// own table of contents replaces), as [`Kind::MkDocs`] leftovers over the line without
/// its break. Found only in bodies that hold one of the markers at all.
fn mkdocs_lines(body: &str) -> Vec<Leftover> {
    let bytes = body.as_bytes();
    let has = |m: &[u8]| memchr::memmem::find(bytes, m).is_some();
    if !(has(b"!!! ") || has(b"??? ") || has(b"???+ ") || has(b"--8<--") || has(b"[TOC]")) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    for (n, line) in lines.iter().enumerate() {
        let text = line.trim_end();
        let admonition = ["!!! ", "??? ", "???+ "].iter().find_map(|m| {
            let rest = text.strip_prefix(m)?;
            let kind = rest.split_whitespace().next()?;
            kind.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                .then(|| (kind, rest[kind.len()..].trim()))
        });
        if let Some((kind, title)) = admonition
            && single_paragraph(&lines[n + 1..])
            && zero_width_line(text.len()).is_some()
        {
            // Drawn: its line becomes an invisible start of the paragraph its indented text
            // continues (a blank line would make that text a code block; `zero_width_line`).
            out.push(Leftover {
                range: start..start + text.len(),
                construct: title.trim_matches('"').to_string(),
                kind: Kind::Callout {
                    kind: mkdocs_kind(kind),
                    next_block_only: true,
                },
            });
        } else if admonition.is_some() || text.starts_with("--8<--") || text == "[TOC]" {
            out.push(Leftover {
                range: start..start + text.len(),
                construct: text.to_string(),
                kind: Kind::MkDocs,
            });
        }
        start += line.len();
    }
    out
}

/// What an MkDocs admonition line of `len` bytes becomes when it is drawn: invisible
/// characters written as references — zero-width spaces (`&#8203;`, with leading zeros to
/// fit 8–10 bytes) and, to make up lengths, zero-width joiners (`&zwj;`, `&zwnj;`) — so the
/// line is not blank and its paragraph goes on, with no trailing spaces (two would be a
/// hard line break). `None` under 5 bytes, where no reference fits.
fn zero_width_line(len: usize) -> Option<String> {
    let one = |n: usize| match n {
        5 => "&zwj;".to_string(),
        6 => "&zwnj;".to_string(),
        _ => format!("&#{}8203;", "0".repeat(n - 7)),
    };
    if len < 5 {
        return None;
    }
    let mut out = String::with_capacity(len);
    let mut rem = len;
    while rem > 10 {
        let take = if rem - 7 >= 5 { 7 } else { 5 };
        out.push_str(&one(take));
        rem -= take;
    }
    out.push_str(&one(rem));
    Some(out)
}

/// Whether an MkDocs admonition's body (the lines after it) is one paragraph of indented
/// lines right below it: then Markdown continues the admonition line's paragraph with it
/// and drawing it needs no second parse. After a blank line, or with a list or code in
/// it, the body is blocks of its own (a code block to CommonMark): reported instead.
fn single_paragraph(after: &[&str]) -> bool {
    let body: Vec<&str> = after
        .iter()
        .take_while(|l| l.starts_with("    ") || l.starts_with('\t'))
        .map(|l| l.trim())
        .collect();
    // What follows the indented run, past blank lines, must not be indented again (a
    // second paragraph of the admonition) nor text right below it (a lazy continuation).
    let next = after[body.len()..]
        .iter()
        .position(|l| !l.trim().is_empty());
    let continues = match next {
        Some(0) => true,
        Some(i) => after[body.len() + i].starts_with([' ', '\t']),
        None => false,
    };
    !body.is_empty()
        && !continues
        && body.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with(['-', '*', '+', '>', '#', '|', '`', '!', '?'])
                && !l
                    .split_once(". ")
                    .is_some_and(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()))
        })
}

/// The GitHub alert kind closest to an MkDocs admonition type (`danger` → caution).
pub fn mkdocs_kind(kind: &str) -> pulldown_cmark::BlockQuoteKind {
    use pulldown_cmark::BlockQuoteKind as K;
    match kind {
        "tip" | "hint" | "success" | "check" | "done" => K::Tip,
        "important" => K::Important,
        "warning" | "attention" => K::Warning,
        "danger" | "error" | "failure" | "fail" | "bug" | "caution" => K::Caution,
        _ => K::Note,
    }
}

/// The callout a Just the Docs attribute list stands for (`{: .note }`, `{: .warning }`:
/// the theme's default callout classes), if it is one.
fn just_the_docs_callout(ial: &str) -> Option<pulldown_cmark::BlockQuoteKind> {
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
/// [`Kind::CalloutEnd`] leftovers over those lines (without their line breaks). Only
/// pairs are returned, and only the outermost level (a nested admonition's lines are
/// left as they are); the caller keeps those outside code. A MyST colon fence
/// (`:::{note}`) is not one of them.
fn docusaurus_admonitions(body: &str) -> Vec<Leftover> {
    use pulldown_cmark::BlockQuoteKind as K;
    let mut out = Vec::new();
    let mut open: Option<Leftover> = None;
    let mut depth = 0usize;
    for at in memchr::memmem::find_iter(body.as_bytes(), b":::") {
        let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
        if at != start {
            continue; // not at the start of its line (no indent: top-level admonitions only)
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let line = body[at..end].trim_end();
        let rest = line.trim_start_matches(':');
        if rest.is_empty() {
            match depth {
                0 => {}
                1 => {
                    if let Some(o) = open.take() {
                        out.push(o);
                        out.push(Leftover {
                            range: start..end,
                            construct: String::new(),
                            kind: Kind::CalloutEnd,
                        });
                    }
                    depth = 0;
                }
                _ => depth -= 1,
            }
            continue;
        }
        let name_len = rest.bytes().take_while(|b| b.is_ascii_alphabetic()).count();
        let kind = match &rest[..name_len] {
            "note" | "info" | "secondary" => K::Note,
            "tip" | "success" => K::Tip,
            "important" => K::Important,
            "warning" | "caution" => K::Warning,
            "danger" => K::Caution,
            _ => continue,
        };
        let title = rest[name_len..].trim();
        let title = title
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .unwrap_or(title)
            .trim();
        if !(title.is_empty() || rest[name_len..].starts_with([' ', '\t', '['])) {
            continue;
        }
        depth += 1;
        if depth == 1 {
            open = Some(Leftover {
                range: start..end,
                construct: title.to_string(),
                kind: Kind::Callout {
                    kind,
                    next_block_only: false,
                },
            });
        }
    }
    out
}

/// The length of a MyST name in braces (`{pypi}`, `{py:func}`, `{code-block}`) at the start
/// of `rest`: a letter, then up to 39 letters, digits or `-_:.`.
fn myst_name(rest: &[u8]) -> Option<usize> {
    let name = rest.get(1..)?;
    if rest.first() != Some(&b'{') || !name.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = name
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
        .count();
    (name.get(len) == Some(&b'}')).then_some(len + 2)
}

/// The length of a MyST role's name part (`{pypi}` in ``{pypi}`certifi` ``) at the start
/// of `rest`: a name in braces right before a backtick.
fn myst_role(rest: &[u8]) -> Option<usize> {
    myst_name(rest).filter(|&len| rest.get(len) == Some(&b'`'))
}

/// A MyST colon-fence directive's opening line (`:::{note}`, `::::{admonition} Title`)
/// whose `{` is at `at`: three or more colons after at most three spaces at the start of a
/// line, then a name in braces ending the line or followed by a space. The start of the
/// fence (its first colon) and the length of the name in braces.
fn colon_fence(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
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

/// The name and argument of a MyST directive written as a fenced code block, from the
/// fence's info string: `{versionadded} 1.3` → `("versionadded", "1.3")`. `None` for an
/// ordinary info string (`python`, `rust,ignore`).
pub fn myst_directive(info: &str) -> Option<(&str, &str)> {
    let len = myst_name(info.as_bytes())?;
    let rest = &info[len..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((&info[1..len - 1], rest.trim()))
}

/// MyST (Sphinx Markdown) target lines, `(label)=` alone on a line, each without its line
/// break. In Sphinx they name the next heading for cross-references and show nothing; left
/// in, one before the first heading would also keep that heading from being the title.
fn myst_targets(body: &str) -> Vec<Range<usize>> {
    memchr::memmem::find_iter(body.as_bytes(), b")=")
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

fn leftover(body: &str, range: Range<usize>) -> Leftover {
    let text: String = body[range.clone()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let construct = if text.chars().count() > 60 {
        let cut: String = text.chars().take(57).collect();
        format!("{cut}…")
    } else {
        text
    };
    Leftover {
        range,
        construct,
        kind: Kind::Template,
    }
}

/// The end of the Markdown block around `at`: the start of the first blank line after it
/// (or the end of the body). Block structure is decided line by line from the top, and a
/// code span never crosses a blank line, so whether a position before this point is in
/// code does not depend on anything after it.
fn block_end(body: &str, at: usize) -> usize {
    let mut line = body[at..].find('\n').map_or(body.len(), |n| at + n + 1);
    while line < body.len() {
        let next = body[line..].find('\n').map_or(body.len(), |n| line + n + 1);
        if body[line..next].trim().is_empty() {
            return line;
        }
        line = next;
    }
    body.len()
}

/// Byte ranges of code spans and code blocks, sorted, from a parse of the body.
fn code_ranges(body: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        if let Event::Code(_) | Event::Start(Tag::CodeBlock(_)) = event {
            if out.last().is_some_and(|l| l.end > range.start) {
                continue;
            }
            out.push(range);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_blanked_keeping_offsets() {
        let body = "a <!-- hidden\nstill --> b\n{% comment %}secret\n{% endcomment %}c\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(!out.contains("hidden") && !out.contains("secret"));
        assert_eq!(out.lines().count(), body.lines().count());
        assert!(out.starts_with("a ") && out.contains(" b\n") && out.ends_with("c\n"));
        assert!(found.is_empty());
    }

    #[test]
    fn template_constructs_are_found_outside_code() {
        let body = "Intro {% include footer.html %}\n\n{{< ref \"x\" >}} and {{ site.title }}\n\n`{{ in code }}`\n\n```\n{% raw %}\n```\n";
        let (out, found) = clean(body);
        assert_eq!(out, body, "nothing blanked");
        let names: Vec<&str> = found.iter().map(|f| f.construct.as_str()).collect();
        assert_eq!(
            names,
            [
                "{% include footer.html %}",
                "{{< ref \"x\" >}}",
                "{{ site.title }}"
            ]
        );
        assert_eq!(&body[found[0].range.clone()], "{% include footer.html %}");
    }

    #[test]
    fn multibyte_text_in_comments_stays_valid() {
        let (out, _) = clean("<!-- Zürich -->ä");
        assert_eq!(out, format!("{}ä", " ".repeat("<!-- Zürich -->".len())));
    }

    #[test]
    fn unclosed_tags_stay_linear() {
        let body = format!("{}\n{}", "{% ".repeat(200_000), "{{ ".repeat(200_000));
        let started = std::time::Instant::now();
        let (_, found) = clean(&body);
        assert!(found.is_empty());
        // Linear: milliseconds even unoptimised; quadratic took minutes.
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
    }

    #[test]
    fn code_is_found_from_the_text_before_the_last_construct_alone() {
        // Each body: its constructs' positions must be judged as a parse of the whole body
        // judges them, though only a prefix is parsed.
        let bodies = [
            "<!--lint disable-->\n\n# Title\n\n```\ncode\n```\n\nText `x`.\n",
            "Para `span\n{{ inside }}\nstill` end.\n\nAfter.\n",
            "```\nfenced\n\n{{ in fence }}\n\nmore\n```\n\n{{ out }}\n",
            "    indented\n\n    {{ in indented }}\n\nText.\n",
            "- item\n\n  ```\n  {% in list code %}\n  ```\n\n{% out %}\n",
            "> quote `a\n> {{ q }}` b\n>\n> more\n",
            "~~~\nunclosed fence {{ x }}\n\n{% y %}\n",
            "Title\n{{ setext }}\n===\n\nBody.\n",
        ];
        for body in bodies {
            let (_, found) = clean(body);
            let whole = code_ranges(body);
            let expected: Vec<_> = found
                .iter()
                .map(|f| {
                    whole
                        .iter()
                        .any(|r| r.start <= f.range.start && f.range.start < r.end)
                })
                .collect();
            assert!(
                expected.iter().all(|in_code| !in_code),
                "{body:?}: {found:?}"
            );
            // And nothing outside code was missed: every `{{`/`{%` outside the whole
            // parse's code ranges that closes on its line is reported.
            for (at, _) in body.match_indices("{{").chain(body.match_indices("{%")) {
                let in_code = whole.iter().any(|r| r.start <= at && at < r.end);
                let reported = found.iter().any(|f| f.range.start == at);
                assert_eq!(!in_code, reported, "{body:?} at {at}: {found:?}");
            }
        }
    }

    #[test]
    fn myst_targets_are_blanked_and_roles_found() {
        let body = "(ssl-verify)=\n\n# HTTPS Certificates\n\nUses {pypi}`certifi`, see (a)= and `{pypi}` and\n\n```\n(in-code)=\n```\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(out.starts_with("             \n\n# HTTPS"), "{out:?}");
        // Only a whole line is a target; code is left alone.
        assert!(
            out.contains("see (a)= and") && out.contains("(in-code)="),
            "{out:?}"
        );
        let names: Vec<&str> = found.iter().map(|f| f.construct.as_str()).collect();
        assert_eq!(names, ["{pypi}"]);
        assert_eq!(&body[found[0].range.clone()], "{pypi}");
        // A target inside a comment is blanked once, with the comment.
        let (out, _) = clean("<!--\n(x)=\n-->\ntext\n");
        assert_eq!(out, "    \n    \n   \ntext\n");
    }

    #[test]
    fn kramdown_attribute_lists_are_blanked_outside_code() {
        let body = "# Setup\n{: .no_toc }\n\n* TOC\n{:toc}\n\n{: .note }\nGradle first.\n\nSee [the docs](https://x.org){:target=\"_blank\"} now.\n\n```\n{: .kept }\n```\n\nA set {: a} and {:b} stays, `{: .code }` too.\n";
        let (out, found) = clean(body);
        // `{: .note }` is a Just the Docs callout, reported for the renderer to draw.
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&body[found[0].range.clone()], "{: .note }");
        assert_eq!(
            found[0].kind,
            Kind::Callout {
                kind: pulldown_cmark::BlockQuoteKind::Note,
                next_block_only: true
            }
        );
        assert_eq!(out.len(), body.len());
        for gone in ["{: .no_toc }", "* TOC", "{:toc}", "{: .note }", "{:target"] {
            assert!(!out.contains(gone), "{gone} left in {out:?}");
        }
        for kept in [
            "# Setup\n",
            "Gradle first.",
            "[the docs](https://x.org)      ",
            "{: .kept }",
            "A set {: a} and {:b} stays, `{: .code }` too.",
        ] {
            assert!(out.contains(kept), "{kept} lost from {out:?}");
        }
        // Newlines stay where they were, so every later line number holds.
        assert_eq!(out.matches('\n').count(), body.matches('\n').count());
    }

    #[test]
    fn docusaurus_admonitions_are_paired_outermost_and_kept_out_of_code() {
        use pulldown_cmark::BlockQuoteKind as K;
        let body = ":::tip[Remember]\nA.\n\n:::note\nnested\n:::\n\nB.\n:::\n\n```\n:::danger\nin code\n:::\n```\n\n:::unknown\nx\n:::\n\n:::{note}\nMyST\n:::\n\n:::warning Two words\nC.\n:::\n\n:::caution\nnever closed\n";
        let (out, found) = clean(body);
        let callouts: Vec<(String, String)> = found
            .iter()
            .filter(|f| f.kind != Kind::ColonDirective)
            .map(|f| (body[f.range.clone()].to_string(), f.construct.clone()))
            .collect();
        assert_eq!(
            callouts,
            [
                (":::tip[Remember]".into(), "Remember".into()),
                (":::".into(), "".into()),
                (":::warning Two words".into(), "Two words".into()),
                (":::".into(), "".into()),
            ]
        );
        assert!(matches!(
            found[0].kind,
            Kind::Callout {
                kind: K::Tip,
                next_block_only: false
            }
        ));
        assert_eq!(found[1].kind, Kind::CalloutEnd);
        // Their lines are blanked; nested, unknown, MyST, unclosed and quoted ones are not.
        assert_eq!(out.len(), body.len());
        assert!(
            out.starts_with("                \nA.\n\n:::note\nnested\n:::\n"),
            "{out:?}"
        );
        for kept in [
            ":::danger\nin code",
            ":::unknown",
            ":::{note}",
            ":::caution",
        ] {
            assert!(out.contains(kept), "{kept} lost from {out:?}");
        }
    }

    #[test]
    fn hugo_cross_references_in_link_destinations_become_the_path() {
        let body = "[a]({{< ref \"docs/x.md\" >}}) [b]({{% relref \"/y#z\" %}}) {{< ref \"alone.md\" >}} [c]({{< ref \"q\\\"x\" >}})\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(
            out.starts_with("[a](<docs/x.md>  ") && out.contains(") [b](</y#z>  "),
            "{out:?}"
        );
        // Outside a link destination, or not a plain path: a reported leftover.
        let left: Vec<&str> = found.iter().map(|f| &body[f.range.clone()]).collect();
        assert_eq!(left, ["{{< ref \"alone.md\" >}}", "{{< ref \"q\\\"x\" >}}"]);
    }

    #[test]
    fn mkdocs_admonition_lines_become_invisible_references_of_their_exact_length() {
        assert_eq!(zero_width_line(4), None);
        for len in 5..60 {
            let line = zero_width_line(len).unwrap();
            assert_eq!(line.len(), len, "{line}");
            assert!(!line.contains(' '), "{line}");
            let refs: Vec<&str> = line.split_inclusive(';').collect();
            assert!(
                refs.iter().all(|r| matches!(*r, "&zwj;" | "&zwnj;")
                    || (r.starts_with("&#")
                        && r.trim_start_matches("&#").trim_start_matches('0') == "8203;")),
                "{line}"
            );
        }
        // One indented paragraph: drawn (its line rewritten); two blocks: reported.
        let body = "!!! note \"Who\"\n    Owns it.\n\n!!! tip\n    One.\n\n    Two.\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(out.starts_with("&#8203;&#8203;\n    Owns it."), "{out:?}");
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].construct, "Who");
        assert_eq!(found[0].range, 0..0);
        assert!(matches!(
            found[0].kind,
            Kind::Callout {
                next_block_only: true,
                ..
            }
        ));
        assert_eq!(found[1].kind, Kind::MkDocs);
        assert_eq!(found[1].construct, "!!! tip");
    }

    #[test]
    fn myst_directives_are_named_by_fence_and_colon_fence() {
        assert_eq!(myst_directive("{note}"), Some(("note", "")));
        assert_eq!(
            myst_directive("{code-block} python"),
            Some(("code-block", "python"))
        );
        assert_eq!(
            myst_directive("{versionadded} 1.3"),
            Some(("versionadded", "1.3"))
        );
        for info in [
            "python", "", "{", "{}", "{1x}", "{note}x", "{note", "{{ x }}",
        ] {
            assert_eq!(myst_directive(info), None, "{info:?}");
        }
        let body = ":::{note}\nA note.\n:::\n\n  ::::{admonition} Title\nText.\n::::\n\n:: {x}\n\n  a :::{y}\n\n```\n:::{in-code}\n```\n\n    :::{indented}\n\n:::{tip}x\n";
        let (out, found) = clean(body);
        assert_eq!(out, body, "nothing blanked");
        let names: Vec<(&str, &str)> = found
            .iter()
            .map(|f| (f.construct.as_str(), &body[f.range.clone()]))
            .collect();
        assert_eq!(
            names,
            [
                ("{note}", ":::{note}"),
                ("{admonition}", "::::{admonition}")
            ]
        );
        assert!(found.iter().all(|f| f.kind == Kind::ColonDirective));
    }

    #[test]
    fn plain_bodies_are_borrowed() {
        assert!(matches!(clean("# Title\n").0, Cow::Borrowed(_)));
    }
}
