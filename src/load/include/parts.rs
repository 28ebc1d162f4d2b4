//! The part of an included file a directive names: a line range (`lines="3-9"`,
//! `start-after`/`end-before`), a named snippet section, an mdBook anchor, a Markdown heading's
//! section, and the language a literal include's code block is given.

use super::*;

/// `rel` with `.` and `..` resolved, `None` if it climbs above the root or is absolute.
pub(super) fn normalise(rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str()?),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The part of a Markdown file a MyST `{include}` takes: its body (front matter is not
/// shown), cut by `:start-line:`/`:end-line:` (0-based, as Python slices) and then
/// `:start-after:`/`:end-before:` (text). With the first line's number in the file.
pub(super) fn markdown_range(file: &str, text: &str, d: &Directive) -> Option<(Range<usize>, u32)> {
    let body_start = crate::load::frontmatter::split(file, text).map_or(0, |s| s.body_start);
    let mut range = body_start..text.len();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i <= text.len())
        .collect();
    let line_at = |n: usize| starts.get(n).copied().unwrap_or(text.len());
    if let Some(n) = d.option("start-line").and_then(|n| n.parse::<usize>().ok()) {
        range.start = range.start.max(line_at(n));
    }
    if let Some(n) = d.option("end-line").and_then(|n| n.parse::<usize>().ok()) {
        range.end = range.end.min(line_at(n));
    }
    if range.start > range.end {
        return None;
    }
    if let Some(after) = d.option("start-after").filter(|s| !s.is_empty()) {
        let at = text[range.clone()].find(after)?;
        range.start += at + after.len();
    }
    if let Some(before) = d.option("end-before").filter(|s| !s.is_empty()) {
        let at = text[range.clone()].find(before)?;
        range.end = range.start + at;
    }
    // Text after a start marker on its own line: the rest of that line is dropped, as an
    // HTML comment marker's `-->` would be.
    let first_line = text[..range.start].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    Some((range, first_line))
}

/// The lines a `{literalinclude}` shows, with their numbers in the file: `:lines:` (`1,3,
/// 5-10, 20-`), then `:start-at:`/`:start-after:` and `:end-at:`/`:end-before:` (text
/// matched within a line, as Sphinx does). `None` when a marker is not found.
pub(super) fn literal_lines<'t>(text: &'t str, d: &Directive) -> Option<Vec<(u32, &'t str)>> {
    let mut lines: Vec<(u32, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim_end_matches('\r')))
        .collect();
    if let Some(spec) = d.option("lines").filter(|s| !s.is_empty()) {
        let total = lines.len() as u32;
        let wanted = line_spec(spec, total)?;
        lines.retain(|(n, _)| wanted.iter().any(|r| r.contains(n)));
    }
    if let Some(m) = d.option("start-at").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.drain(..at);
    } else if let Some(m) = d.option("start-after").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.drain(..=at);
    }
    if let Some(m) = d.option("end-at").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.truncate(at + 1);
    } else if let Some(m) = d.option("end-before").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.truncate(at);
    }
    Some(lines)
}

/// Sphinx's `:lines:` spec (`1,3,5-10,20-`, 1-based, inclusive) as ranges of line numbers.
pub(super) fn line_spec(spec: &str, total: u32) -> Option<Vec<std::ops::RangeInclusive<u32>>> {
    spec.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('-') {
            Some((a, b)) => {
                let a = if a.trim().is_empty() {
                    1
                } else {
                    a.trim().parse().ok()?
                };
                let b = if b.trim().is_empty() {
                    total
                } else {
                    b.trim().parse().ok()?
                };
                Some(a..=b)
            }
            None => p.parse().ok().map(|n| n..=n),
        })
        .collect()
}

/// A language for a code file's fence, from its extension.
pub(super) fn language_of(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "py" | "pyi" => "python",
        "rs" => "rust",
        "js" | "mjs" | "cjs" => "javascript",
        "ts" | "tsx" => "typescript",
        "sh" | "bash" => "bash",
        "toml" => "toml",
        "yaml" | "yml" => "yaml",
        "json" => "json",
        "sql" => "sql",
        "html" | "htm" => "html",
        "css" => "css",
        "go" => "go",
        "java" => "java",
        "c" | "h" => "c",
        "cpp" | "cc" | "hpp" => "cpp",
        "rb" => "ruby",
        "md" | "markdown" => "markdown",
        "ini" | "cfg" => "ini",
        _ => "",
    }
}

/// `--8<-- [start:name]` or `[end:name]` anywhere on a line (after a comment sign, say):
/// `(start, name)`.
pub(super) fn section_marker(line: &str) -> Option<(bool, &str)> {
    let at = line.find("8<-")?;
    let rest = line[at + 2..].trim_start_matches('-').trim_start();
    let inner = rest.strip_prefix('[')?;
    let inner = &inner[..inner.find(']')?];
    let (kind, name) = inner.split_once(':')?;
    let start = match kind.trim() {
        "start" => true,
        "end" => false,
        _ => return None,
    };
    Some((start, name.trim()))
}

/// What part of a snippet's file is wanted.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Part<'a> {
    All,
    /// 1-based inclusive line ranges (`file.md:3:7`, `file.md:3`, `file.md::7`, comma-separated).
    Lines(Vec<(Option<u32>, Option<u32>)>),
    /// The lines between `--8<-- [start:name]` and `[end:name]`.
    Section(&'a str),
    /// The lines between mdBook's `ANCHOR: name` and `ANCHOR_END: name` (or the file's end).
    Anchor(&'a str),
}

/// A snippet name split into its path and the part of the file it wants.
pub(super) fn snippet_part(name: &str) -> (&str, Part<'_>) {
    let Some(colon) = name.find(':') else {
        return (name, Part::All);
    };
    let (path, spec) = (&name[..colon], &name[colon + 1..]);
    let is_section = spec.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && spec
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if is_section {
        return (path, Part::Section(spec));
    }
    let mut ranges = Vec::new();
    for piece in spec.split(',') {
        let mut ends = piece.splitn(2, ':');
        let num = |s: Option<&str>| -> Result<Option<u32>, ()> {
            match s.map(str::trim) {
                None | Some("") => Ok(None),
                Some(n) => n.parse::<u32>().map(Some).map_err(|_| ()),
            }
        };
        match (num(ends.next()), num(ends.next())) {
            (Ok(a), Ok(b)) => ranges.push((a, b)),
            _ => return (name, Part::All),
        }
    }
    (path, Part::Lines(ranges))
}

/// The byte range of `text` a snippet part covers; `None` if the section is not there.
/// Several line ranges are joined by their outer ends (the lines between are kept: one run
/// keeps the line map simple, and pymdownx users write one range almost always).
pub(super) fn snippet_range(text: &str, part: &Part) -> Option<Range<usize>> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect();
    let total = starts.len() as u32;
    let line_start = |n: u32| -> usize {
        starts
            .get(n.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(text.len())
    };
    match part {
        Part::All => Some(0..text.len()),
        Part::Lines(ranges) => {
            let first = ranges.iter().map(|r| r.0.unwrap_or(1)).min()?.max(1);
            let last = ranges
                .iter()
                .map(|r| r.1.unwrap_or(total))
                .max()?
                .min(total);
            (first <= last).then(|| line_start(first)..line_start(last + 1))
        }
        Part::Section(name) => marked_region(text, &starts, name, section_marker, Markers::Snippet),
        Part::Anchor(name) => marked_region(text, &starts, name, anchor_marker, Markers::Mdbook),
    }
}

/// How the two kinds of named region read their markers where they disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Markers {
    /// pymdownx's `--8<-- [start:name]` … `[end:name]`: an end met before its start ends
    /// the search (no such section), and so does a start never ended.
    Snippet,
    /// mdBook's `ANCHOR: name` … `ANCHOR_END: name`: an end before its start is passed
    /// over, and a start never ended runs to the file's end.
    Mdbook,
}

/// The byte range between the line that starts the region `name` and the line that ends
/// it, as `marker` reads each line (`Some((true, name))` a start, `Some((false, name))` an
/// end); `starts` are the offsets of `text`'s lines.
pub(super) fn marked_region(
    text: &str,
    starts: &[usize],
    name: &str,
    marker: fn(&str) -> Option<(bool, &str)>,
    rule: Markers,
) -> Option<Range<usize>> {
    let mut start = None;
    for (i, &at) in starts.iter().enumerate() {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        match marker(&text[at..end]) {
            Some((true, n)) if n == name && start.is_none() => {
                start = Some(starts.get(i + 1).copied().unwrap_or(text.len()));
            }
            Some((false, n)) if n == name && (start.is_some() || rule == Markers::Snippet) => {
                return start.map(|s| s..at);
            }
            _ => {}
        }
    }
    match rule {
        Markers::Snippet => None,
        Markers::Mdbook => start.map(|s| s..text.len()),
    }
}

/// The part of a file an mdBook include's `:…` asks for, as mdBook reads it: a number
/// alone is that one line; a first part that is not a number names an anchor.
pub(super) fn mdbook_part(spec: &str) -> Part<'_> {
    let mut pieces = spec.splitn(3, ':');
    let first = pieces.next().unwrap_or("");
    let start = match first.parse::<u32>() {
        Ok(n) => Some(n.max(1)),
        Err(_) if first.is_empty() => None,
        Err(_) => return Part::Anchor(first),
    };
    let end = pieces.next().map(|e| e.parse::<u32>().ok());
    match (start, end) {
        (Some(s), None) => Part::Lines(vec![(Some(s), Some(s))]),
        (Some(s), Some(e)) => Part::Lines(vec![(Some(s), e)]),
        (None, Some(Some(e))) => Part::Lines(vec![(None, Some(e))]),
        (None, _) => Part::All,
    }
}

/// mdBook's anchor comment on `line`, `ANCHOR: name` or `ANCHOR_END: name` (after any
/// comment sign): `(start, name)`.
pub(super) fn anchor_marker(line: &str) -> Option<(bool, &str)> {
    let (start, rest) = match line.find("ANCHOR_END:") {
        Some(at) => (false, &line[at + "ANCHOR_END:".len()..]),
        None => {
            let at = line.find("ANCHOR:")?;
            (true, &line[at + "ANCHOR:".len()..])
        }
    };
    let rest = rest.trim_start();
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| (start, &rest[..len]))
}

/// Whether the line is an ATX heading (`# Title`), up to three spaces in.
pub(super) fn atx_heading(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return false;
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t']))
}
