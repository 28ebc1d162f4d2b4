//! MkDocs's and Python-Markdown's line constructs: admonitions and content tabs rewritten, at
//! the same length, into list items whose blocks their indented bodies become; `[TOC]` lines,
//! abbreviation definitions and mkdocstrings' `::: module` blocks.

use super::*;

/// Python-Markdown abbreviation definitions, `*[ABBR]: what it stands for` alone on a line
/// (code is told apart by the caller).
pub(super) fn abbreviation_lines(body: &str) -> Vec<Leftover> {
    crate::finder!(b"*[")
        .find_iter(body.as_bytes())
        .filter(|&at| at == 0 || body.as_bytes()[at - 1] == b'\n')
        .filter_map(|at| {
            let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
            let line = body[at..end].trim_end();
            let (abbr, _) = line[2..].split_once("]:")?;
            let abbr = abbr.trim();
            (!abbr.is_empty() && !abbr.contains(['[', ']']) && abbr.len() <= 64).then(|| Leftover {
                range: at..end,
                construct: abbr.to_string(),
                kind: Kind::Abbr,
            })
        })
        .collect()
}

/// What an abbreviation definition line (`*[SLO]: Service level objective`) says the
/// abbreviation stands for.
pub fn abbreviation_title(line: &str) -> &str {
    line.split_once("]:").map_or("", |(_, t)| t.trim())
}

/// mkdocstrings' and mkdocs-click's blocks, `::: package.module` (or `::: mkdocs-click`) at
/// the start of a line, with their indented options below: API documentation a plugin
/// generates from code, which orgbook cannot. Each as its report (the `:::` line) and the
/// option lines, all blanked: the identifier and the YAML are not text for readers.
/// Told apart from a VitePress container (`::: tip`, closed by `:::`) by a dotted or
/// hyphenated name, or by indented options right below.
pub(super) fn mkdocstrings_blocks(body: &str) -> Vec<(Leftover, Vec<Range<usize>>)> {
    let mut out = Vec::new();
    for at in crate::finder!(b"::: ").find_iter(body.as_bytes()) {
        if at != 0 && body.as_bytes()[at - 1] != b'\n' {
            continue;
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let name = body[at + 4..end].trim();
        let identifier = !name.is_empty()
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
        // VitePress's `::: code-group` is a container (`docusaurus_admonitions`).
        if !identifier || name == "code-group" {
            continue;
        }
        let mut options = Vec::new();
        let mut next = end + 1;
        while next < body.len() {
            let line_end = body[next..].find('\n').map_or(body.len(), |n| next + n);
            let line = &body[next..line_end];
            if !(line.starts_with("    ") || line.starts_with('\t')) || line.trim().is_empty() {
                break;
            }
            options.push(next..line_end);
            next = line_end + 1;
        }
        if options.is_empty() && !name.contains(['.', '-']) {
            continue;
        }
        out.push((
            Leftover {
                range: at..end,
                construct: body[at..end].trim_end().to_string(),
                kind: Kind::MkDocs,
            },
            options,
        ));
    }
    out
}

/// Lines that ask for a table of contents: MkDocs's, an Azure DevOps wiki's contents
/// and sub-pages macros, and VitePress's (markdown-it's) `[[toc]]`.
pub(super) const TOC_LINES: &[&str] = &["[TOC]", "[[_TOC_]]", "[[_TOSP_]]", "[[toc]]"];

pub(super) fn mkdocs_lines(body: &str) -> Vec<(Leftover, Option<usize>)> {
    let bytes = body.as_bytes();
    let has = |f: &memchr::memmem::Finder<'_>| f.find(bytes).is_some();
    if !(has(crate::finder!(b"!!! "))
        || has(crate::finder!(b"??? "))
        || has(crate::finder!(b"???+ "))
        || has(crate::finder!(b"=== \""))
        || has(crate::finder!(b"--8<--"))
        || has(crate::finder!(b"[TOC]"))
        || has(crate::finder!(b"[[_TO"))
        || has(crate::finder!(b"[[toc]]")))
    {
        return Vec::new();
    }
    /// A drawable block whose body the lines are in.
    struct Parent {
        /// The column of its line, and where that starts.
        column: usize,
        at: usize,
        /// A fence open in its body: its character and length.
        fence: Option<(char, usize)>,
    }
    let mut out = Vec::new();
    let mut parents: Vec<Parent> = Vec::new();
    let mut start = 0;
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    for (n, line) in lines.iter().enumerate() {
        let line_start = start;
        start += line.len();
        let text = line.trim_end();
        if text.trim().is_empty() {
            continue;
        }
        let column = indent_columns(text);
        while parents.last().is_some_and(|p| column < p.column + 4) {
            parents.pop();
        }
        let expected = parents.last().map_or(0, |p| p.column + 4);
        let cut = text.len() - text.trim_start_matches([' ', '\t']).len();
        let inner = &text[cut..];
        if let Some(p) = parents.last_mut()
            && column < expected + 4
        {
            // Fenced code in the parent's body.
            let run = |c: char| inner.len() - inner.trim_start_matches(c).len();
            match p.fence {
                Some((c, len)) => {
                    if run(c) >= len && inner.trim_start_matches(c).trim().is_empty() {
                        p.fence = None;
                    }
                    continue;
                }
                None => {
                    p.fence = ['`', '~']
                        .into_iter()
                        .map(|c| (c, run(c)))
                        .find(|f| f.1 >= 3);
                    if p.fence.is_some() {
                        continue;
                    }
                }
            }
        }
        if column != expected {
            continue;
        }
        let parent = parents.last().map(|p| p.at);
        let range = line_start + cut..line_start + text.len();
        let block = mkdocs_block(inner);
        if let Some((drawn, kind, title)) = block.clone()
            && drawable_body(&lines[n + 1..], column)
            && zero_width_line(inner.len() - MARKER.len()).is_some()
        {
            parents.push(Parent {
                column,
                at: range.start,
                fence: None,
            });
            out.push((
                Leftover {
                    range,
                    construct: title,
                    kind: Kind::MkDocsBlock { kind, drawn },
                },
                parent,
            ));
        } else if block.is_some_and(|(d, ..)| d != Drawn::Tab)
            || inner.starts_with("--8<--")
            || TOC_LINES.contains(&inner)
        {
            out.push((
                Leftover {
                    range,
                    // An Azure DevOps wiki's contents (`[[_TOC_]]`) and sub-page list
                    // (`[[_TOSP_]]`), and VitePress's `[[toc]]`, are blanked like MkDocs's: the page shows its
                    // contents, and the sidebar its folder's pages.
                    construct: if TOC_LINES.contains(&inner) {
                        "[TOC]"
                    } else {
                        inner
                    }
                    .to_string(),
                    kind: Kind::MkDocs,
                },
                parent,
            ));
        }
    }
    out
}

/// What an MkDocs admonition's or content tab's line becomes when drawn starts with: a
/// list item marker and a tab, which reaches column 4, so the item's content is indented
/// as the admonition's body is (4 spaces or a tab; 8 is an indented code block in both).
/// The `+` is a placeholder: [`choose_markers`] writes the bullet each one uses.
pub(super) const MARKER: &str = "+\t";

/// An admonition (`!!! note "Title"`, `??? tip`, `???+ danger ""`) or content tab
/// (`=== "Title"`, `===! …`, `===+ …`) line as Python-Markdown's extensions read it: how
/// it is drawn, its callout kind and its title — the quoted one (empty: none), else the
/// type capitalised, as MkDocs shows it. Words between the type and the title are extra
/// classes there, ignored here.
pub(super) fn mkdocs_block(text: &str) -> Option<(Drawn, pulldown_cmark::BlockQuoteKind, String)> {
    if let Some(rest) = ["===! ", "===+ ", "=== "]
        .iter()
        .find_map(|m| text.strip_prefix(m))
    {
        let title = rest.trim().strip_prefix('"')?.strip_suffix('"')?;
        return Some((
            Drawn::Tab,
            pulldown_cmark::BlockQuoteKind::Note,
            title.into(),
        ));
    }
    let (drawn, rest) = [
        ("!!! ", Drawn::Callout),
        ("???+ ", Drawn::Details { open: true }),
        ("??? ", Drawn::Details { open: false }),
    ]
    .iter()
    .find_map(|(m, d)| Some((*d, text.strip_prefix(m)?)))?;
    let word = |w: &str| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    let (classes, title) = match rest.find('"') {
        Some(q) => {
            let title = rest[q..].trim_end().strip_prefix('"')?.strip_suffix('"')?;
            (&rest[..q], Some(title))
        }
        None => (rest, None),
    };
    let mut classes = classes.split_whitespace();
    let kind = classes.next().filter(|k| word(k))?;
    if !classes.all(word) {
        return None;
    }
    // A `<details>` always has a summary: an empty one has no name to assistive
    // technology.
    let title = match title {
        Some(t) if !t.is_empty() || drawn == Drawn::Callout => t.to_string(),
        _ => capitalise(kind),
    };
    Some((drawn, mkdocs_kind(kind), title))
}

/// `note` → `Note`, as Python-Markdown titles an admonition without one.
pub(super) fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| {
            f.to_uppercase()
                .chain(c.map(|c| c.to_ascii_lowercase()))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the lines after an admonition line at `column` leave its body as
/// Python-Markdown reads it once the line is a list item: the body (blank lines and lines
/// indented 4 columns more) must end with a blank line, the end of the file, or another
/// admonition's line. A line of text right below it would be a lazy continuation of the
/// item's last paragraph in CommonMark, but is a paragraph after the admonition in
/// Python-Markdown: reported instead.
pub(super) fn drawable_body(after: &[&str], column: usize) -> bool {
    // The admonition's own line is text.
    let mut last_blank = false;
    for l in after {
        if l.trim().is_empty() {
            last_blank = true;
        } else if indent_columns(l) >= column + 4 {
            last_blank = false;
        } else {
            // A drawn block's line starts a list item, which ends a paragraph.
            let t = l.trim();
            return last_blank || mkdocs_block(t).is_some_and(|_| t.len() >= MARKER.len() + 5);
        }
    }
    true
}

/// The columns of a line's leading spaces and tabs (a tab reaches the next multiple of 4).
pub(super) fn indent_columns(line: &str) -> usize {
    let mut col = 0;
    for b in line.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => break,
        }
    }
    col
}

/// Writes the bullet of each drawn MkDocs block's list item (at `starts`, in order, in the
/// cleaned body `out`, where each holds [`MARKER`]'s placeholder): one that does not make
/// it an item of the list before it (at the start of a line, `blocks`: the top-level
/// blocks of a parse of the body, with a bullet list's marker; nested in another block's
/// body, the last line at its column), of the drawn block right before it, or of a list
/// right after its body. `+`, else `*`, else `-`: at most two are taken.
pub(super) fn choose_markers(
    out: &mut [u8],
    starts: &[usize],
    blocks: &[(Range<usize>, Option<u8>)],
) {
    let line_start =
        |out: &[u8], at: usize| memchr::memrchr(b'\n', &out[..at]).map_or(0, |n| n + 1);
    let columns = |text: &[u8]| indent_columns(std::str::from_utf8(text).unwrap_or(""));
    // A bullet (and a space, tab or end of line) at the start of `text`.
    let bullet = |text: &[u8]| match text {
        [m @ (b'+' | b'*' | b'-'), after @ ..]
            if after
                .first()
                .is_none_or(|b| matches!(b, b' ' | b'\t' | b'\r')) =>
        {
            Some(*m)
        }
        _ => None,
    };
    // By column, the previous drawn block: where the first line past its body starts
    // (after its indent), and its marker.
    let mut prev: Vec<(usize, usize, u8)> = Vec::new();
    for (k, &at) in starts.iter().enumerate() {
        let start = line_start(out, at);
        let column = columns(&out[start..at]);
        let mut taken = Vec::with_capacity(3);
        if let Some(&(_, next, m)) = prev.iter().find(|p| p.0 == column)
            && next == at
        {
            taken.push(m);
        }
        if column == 0 {
            // The last top-level block before it that the cleaning left any text in.
            let i = blocks.partition_point(|(r, _)| r.start < at);
            let before = blocks[..i].iter().rev().find(|(r, _)| {
                !out[r.start..r.end.min(at)]
                    .iter()
                    .all(u8::is_ascii_whitespace)
            });
            if let Some((_, Some(m))) = before {
                taken.push(*m);
            }
        } else {
            // The last line before it at its column, within its parent's body.
            let mut end = start;
            while end > 0 {
                let from = line_start(out, end - 1);
                let text = &out[from..end - 1];
                end = from;
                if text.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                let c = columns(text);
                if c < column {
                    break;
                }
                if c < column + 4 {
                    let lead = text.len() - text.trim_ascii_start().len();
                    taken.extend(bullet(&text[lead..]));
                    break;
                }
            }
        }
        // The first line past its body: a bullet there would join its list.
        let mut next = out.len();
        let mut line = at;
        loop {
            line = memchr::memchr(b'\n', &out[line..]).map_or(out.len(), |n| line + n + 1);
            if line >= out.len() {
                break;
            }
            let end = memchr::memchr(b'\n', &out[line..]).map_or(out.len(), |n| line + n);
            let text = &out[line..end];
            if text.iter().all(u8::is_ascii_whitespace) || columns(text) >= column + 4 {
                continue;
            }
            let lead = text.len() - text.trim_ascii_start().len();
            next = line + lead;
            // The next drawn block's placeholder: that one steers clear of this one.
            if starts.get(k + 1) != Some(&next) && columns(text) >= column {
                taken.extend(bullet(&text[lead..]));
            }
            break;
        }
        let marker = [b'+', b'*', b'-']
            .into_iter()
            .find(|m| !taken.contains(m))
            .unwrap_or(b'+');
        out[at] = marker;
        prev.retain(|p| p.0 != column);
        prev.push((column, next, marker));
    }
}

/// What an MkDocs admonition line of `len` bytes (past its list marker, see [`MARKER`])
/// becomes when it is drawn: invisible characters written as references — zero-width
/// spaces (`&#8203;`, with leading zeros to fit 8–10 bytes) and, to make up lengths,
/// zero-width joiners (`&zwj;`, `&zwnj;`) — so the item has text on its first line (an
/// empty first line would need the body one column less indented), with no trailing
/// spaces (two would be a hard line break). `None` under 5 bytes, where no reference
/// fits. The renderer drops them.
pub(super) fn zero_width_line(len: usize) -> Option<String> {
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
