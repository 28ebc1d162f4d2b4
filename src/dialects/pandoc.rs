//! pandoc's Markdown (`pandoc -t markdown`, what Word, ODT and MediaWiki conversions are
//! written in), rewritten before the body is parsed into what CommonMark draws the same:
//! simple, multiline and grid tables become pipe tables (their caption reported for the
//! renderer to draw), bookmarks (`[]{#_Toc1 .anchor}`) become the empty-link anchors
//! MkDocs writes (`[](){#id}`), spans (`[x]{.underline}`) their text, line blocks
//! (`| line`) lines with hard breaks, and attributes after an image or link
//! (`{width="50%"}`) go. pandoc's fenced divs (`::: {.warning}`) are read with the other
//! generators' `:::` containers in `leftovers.rs` ([`div_attributes`]).
//!
//! Two markdown-it plugins that Wiki.js and HackMD (HedgeDoc, CodiMD) enable write the
//! same kind of thing, and are rewritten here too: an image's size after its destination
//! (`![Logo](logo.png =200x)`, markdown-it-imsize) goes, and an attribute line under a
//! block (`{.links-list}`, markdown-it-attrs) goes; under a quote, Wiki.js's callout
//! classes (`{.is-info}`, `{.is-warning}`) make the quote a callout, reported as one.
//!
//! Every rewrite keeps the body's length and its newlines where they were after the
//! construct (a table's rows may move up within it, padding after it), so every offset past
//! a construct, and so every diagnostic's line, stays valid. What cannot be rewritten so
//! (a span whose text would grow, a grid table with merged cells) is left as written and
//! reported ([`Kind::Pandoc`]). One pass over the lines; a page without a `-`-ruled table,
//! a `+-` line, `]{`, `){` or a `| ` line costs a few `memchr` scans.

use super::found::{Kind, Leftover};
use pulldown_cmark::{BlockQuoteKind, CowStr, Event, Tag, TagEnd};
use std::collections::VecDeque;
use std::ops::Range;

/// pandoc's subscript and superscript (`H~2~O`, `x^2^`), which pulldown-cmark reads with
/// its options for them, except that pulldown-cmark also takes a run with a space in it
/// (`~a b~`), which pandoc leaves as written: such a run's two markers go back into the
/// text. `~~strike~~` stays strikethrough. The runs are only looked at in a page read so
/// (`markdown::render`).
pub(crate) struct Scripts<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Scripts<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        Scripts {
            inner,
            out: VecDeque::new(),
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for Scripts<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        let marker = match event {
            Event::Start(Tag::Subscript) => "~",
            Event::Start(Tag::Superscript) => "^",
            other => return Some((other, range)),
        };
        // The run, to its end (runs nest: `~a^b^~`).
        let mut run = vec![(event, range)];
        let mut depth = 1usize;
        let mut spaced = false;
        for (event, range) in self.inner.by_ref() {
            match &event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Text(t) => spaced |= t.contains(char::is_whitespace),
                Event::SoftBreak | Event::HardBreak => spaced = true,
                _ => {}
            }
            run.push((event, range));
            if depth == 0 {
                break;
            }
        }
        if spaced && run.len() > 1 {
            let last = run.len() - 1;
            let (start, end) = (run[0].1.clone(), run[last].1.clone());
            run[0] = (
                Event::Text(CowStr::Borrowed(marker)),
                start.start..(start.start + 1).min(start.end),
            );
            if matches!(
                run[last].0,
                Event::End(TagEnd::Subscript | TagEnd::Superscript)
            ) {
                run[last] = (
                    Event::Text(CowStr::Borrowed(marker)),
                    end.end.saturating_sub(1).max(end.start)..end.end,
                );
            }
        }
        self.out.extend(run);
        self.out.pop_front()
    }
}

/// pandoc's subscript and superscript inside a word (`H~2~O`, `2^10^`), which
/// pulldown-cmark's options leave as text: each text event's runs of one `~` (or `^`), a
/// run of characters without a space or that marker, and another, become the run drawn
/// small. A run in a bare address's word (`https://example.org/~a/~b/`) stays, for the
/// address to be linked whole. Give it merged text (`TextMergeWithOffset`).
pub(crate) struct ScriptsInWords<'a, I> {
    inner: I,
    out: VecDeque<(Event<'a>, Range<usize>)>,
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> ScriptsInWords<'a, I> {
    pub(crate) fn new(inner: I) -> Self {
        ScriptsInWords {
            inner,
            out: VecDeque::new(),
        }
    }
}

/// The next run of `text` drawn small, from `from`: where its opening marker is, its
/// marker, and where its closing marker is.
fn script_run(text: &str, from: usize) -> Option<(usize, u8, usize)> {
    let bytes = text.as_bytes();
    let mut at = from;
    while let Some(i) = memchr::memchr2(b'~', b'^', &bytes[at..]) {
        let open = at + i;
        let marker = bytes[open];
        let run = bytes[open + 1..]
            .iter()
            .take_while(|&&b| b != marker && !b.is_ascii_whitespace())
            .count();
        let close = open + 1 + run;
        let word_start = text[..open]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |n| n + 1);
        let address =
            text[word_start..open].contains("://") || text[word_start..open].starts_with("www.");
        if run > 0
            && bytes.get(close) == Some(&marker)
            && bytes.get(close + 1) != Some(&marker)
            && (open == 0 || bytes[open - 1] != marker)
            && !address
        {
            return Some((open, marker, close));
        }
        at = open + 1;
    }
    None
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for ScriptsInWords<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        let Event::Text(text) = &event else {
            return Some((event, range));
        };
        if script_run(text, 0).is_none() {
            return Some((event, range));
        }
        let text = text.to_string();
        let at = |i: usize| (range.start + i).min(range.end);
        let mut from = 0;
        while let Some((open, marker, close)) = script_run(&text, from) {
            if open > from {
                self.out.push_back((
                    Event::Text(text[from..open].to_string().into()),
                    at(from)..at(open),
                ));
            }
            let (start, end) = if marker == b'~' {
                (Tag::Subscript, TagEnd::Subscript)
            } else {
                (Tag::Superscript, TagEnd::Superscript)
            };
            let whole = at(open)..at(close + 1);
            self.out.push_back((Event::Start(start), whole.clone()));
            self.out.push_back((
                Event::Text(text[open + 1..close].to_string().into()),
                at(open + 1)..at(close),
            ));
            self.out.push_back((Event::End(end), whole));
            from = close + 1;
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

/// A fenced div's attributes, as [`div_attributes`] reads them.
pub(crate) struct Div<'a> {
    /// The callout its class names (`.warning`, Quarto's `.callout-warning`), if any.
    pub callout: Option<BlockQuoteKind>,
    /// Its `title="…"` (Quarto's callouts), if any.
    pub title: Option<&'a str>,
}

/// `{.warning}`, `{#id .class key="v"}`: a pandoc attribute block after `:::`; `None` for
/// anything else (a MyST directive, `{note}`).
pub(crate) fn div_attributes(text: &str) -> Option<Div<'_>> {
    let inner = text.trim().strip_prefix('{')?.strip_suffix('}')?;
    let attrs = attributes(inner)?;
    use BlockQuoteKind as K;
    let callout = attrs.classes.iter().find_map(|c| {
        // Quarto names its five callouts `.callout-note` … `.callout-caution`.
        Some(match c.strip_prefix("callout-").unwrap_or(c) {
            "note" | "info" | "seealso" => K::Note,
            "tip" | "hint" => K::Tip,
            "important" => K::Important,
            "warning" | "caution" | "attention" => K::Warning,
            "danger" | "error" => K::Caution,
            _ => return None,
        })
    });
    let title = attrs
        .pairs
        .iter()
        .find(|(key, _)| *key == "title")
        .map(|(_, value)| value.trim())
        .filter(|t| !t.is_empty());
    Some(Div { callout, title })
}

/// A pandoc attribute block's contents.
#[derive(Default)]
struct Attributes<'a> {
    id: Option<&'a str>,
    classes: Vec<&'a str>,
    /// `key="value"` pairs (quotes removed).
    pairs: Vec<(&'a str, &'a str)>,
}

/// The inside of `{…}` as pandoc reads it: `#id`, `.class` and `key="value"` (or
/// `key=value`) words. `None` when a word is none of them, or it is empty: then the braces
/// are someone else's (`{note}`, `{{ x }}`, a Liquid tag).
fn attributes(inner: &str) -> Option<Attributes<'_>> {
    let mut out = Attributes::default();
    let name = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
    };
    let mut rest = inner.trim();
    if rest.is_empty() {
        return None;
    }
    while !rest.is_empty() {
        let word_end = if let Some(eq) = rest.find('=').filter(|&eq| {
            rest[..eq]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        }) {
            let value = &rest[eq + 1..];
            if let Some(q) = value.strip_prefix('"') {
                let close = q.find('"')?;
                out.pairs.push((&rest[..eq], &q[..close]));
                eq + 1 + close + 2
            } else {
                let end = value.find(char::is_whitespace).unwrap_or(value.len());
                out.pairs.push((&rest[..eq], &value[..end]));
                eq + 1 + end
            }
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            if let Some(id) = word.strip_prefix('#').filter(|w| name(w)) {
                out.id = Some(id);
            } else if let Some(class) = word.strip_prefix('.').filter(|w| name(w)) {
                out.classes.push(class);
            } else {
                return None;
            }
            end
        };
        rest = rest.get(word_end..)?.trim_start();
    }
    Some(out)
}

/// The body with pandoc's constructs rewritten (see the module documentation) and the ones
/// left as written, or `None` when it writes none. `html`: the page's raw HTML reaches
/// readers (so `<u>` and an invisible `<!-- -->` may be written).
pub(crate) fn rewrite(body: &str, html: bool) -> Option<(String, Vec<Leftover>)> {
    let bytes = body.as_bytes();
    let maybe_table = crate::finder!(b"--").find(bytes).is_some()
        && (crate::finder!(b"- -").find(bytes).is_some()
            || crate::finder!(b"+-").find(bytes).is_some());
    let maybe_inline =
        crate::finder!(b"]{").find(bytes).is_some() || crate::finder!(b"){").find(bytes).is_some();
    let maybe_lines = may_hold_line_block(bytes);
    let maybe_div = crate::finder!(b"::: {").find(bytes).is_some();
    let maybe_size =
        crate::finder!(b" =").find(bytes).is_some() && crate::finder!(b"![").find(bytes).is_some();
    let maybe_attr_line = crate::finder!(b"\n{.").find(bytes).is_some();
    if !(maybe_table || maybe_inline || maybe_lines || maybe_div || maybe_size || maybe_attr_line) {
        return None;
    }
    let mut out = Rewrite {
        body,
        buf: bytes.to_vec(),
        found: Vec::new(),
        html,
    };
    let lines = line_starts(body);
    let code = code_lines(body, &lines);
    let mut i = 0;
    while i < lines.len() {
        if code[i] {
            i += 1;
            continue;
        }
        let after_blank = i == 0 || blank(line(body, &lines, i - 1));
        if after_blank && (maybe_table || maybe_lines) {
            let end = if maybe_table {
                out.table(&lines, &code, i)
            } else {
                None
            };
            if let Some(end) = end.or_else(|| out.line_block(&lines, &code, i)) {
                i = end;
                continue;
            }
        }
        let text = line(body, &lines, i);
        if text.starts_with(":::")
            && let Some(id) = attributes(
                text.trim_start_matches(':')
                    .trim()
                    .strip_prefix('{')
                    .and_then(|t| t.strip_suffix('}'))
                    .unwrap_or("-"),
            )
            .and_then(|a| a.id)
        {
            out.found.push(Leftover {
                range: lines[i]..lines[i] + text.len(),
                construct: id.to_string(),
                kind: Kind::Anchor,
            });
            i += 1;
            continue;
        }
        if maybe_attr_line && i > 0 && !after_blank && out.attribute_line(&lines, &code, i) {
            i += 1;
            continue;
        }
        if maybe_inline {
            out.inline(lines[i], lines[i] + line(body, &lines, i).len());
        }
        if maybe_size {
            out.image_size(lines[i], lines[i] + line(body, &lines, i).len());
        }
        i += 1;
    }
    let Rewrite { buf, found, .. } = out;
    if buf == bytes && found.is_empty() {
        return None;
    }
    // Every rewrite replaces ASCII with ASCII, whole characters with whole characters.
    let text = String::from_utf8(buf).ok()?;
    Some((text, found))
}

/// Whether a line starts with `| ` and does not end with `|`: a line block's line, not a
/// pipe table's row (pages full of pipe tables are not read line by line for nothing).
fn may_hold_line_block(bytes: &[u8]) -> bool {
    crate::finder!(b"| ").find_iter(bytes).any(|at| {
        (at == 0 || bytes[at - 1] == b'\n') && {
            let end = memchr::memchr(b'\n', &bytes[at..]).map_or(bytes.len(), |n| at + n);
            let line = bytes[at..end].trim_ascii_end();
            line.last() != Some(&b'|')
        }
    })
}

fn line_starts(body: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|n| n + 1))
        .filter(|&s| s < body.len())
        .collect()
}

/// Line `i` without its newline.
fn line<'b>(body: &'b str, lines: &[usize], i: usize) -> &'b str {
    let end = lines.get(i + 1).map_or(body.len(), |&n| n - 1);
    // The last line keeps its newline in `body` (no next line start marks its end).
    body[lines[i]..end].trim_end_matches(['\n', '\r'])
}

fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

/// Which lines are in a fenced code block (the fences included) or indented code after a
/// blank line: pandoc's constructs there are examples.
fn code_lines(body: &str, lines: &[usize]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut fence: Option<(u8, usize)> = None;
    for (i, flag) in out.iter_mut().enumerate() {
        let l = line(body, lines, i);
        let t = l.trim_start();
        let indent = l.len() - t.len();
        let run = |c: u8| t.bytes().take_while(|&b| b == c).count();
        match fence {
            Some((c, n)) => {
                *flag = true;
                if run(c) >= n && t[run(c)..].trim().is_empty() {
                    fence = None;
                }
            }
            None if indent < 4 && (run(b'`') >= 3 || run(b'~') >= 3) => {
                let c = t.as_bytes()[0];
                fence = Some((c, run(c)));
                *flag = true;
            }
            None => {}
        }
    }
    out
}

struct Rewrite<'b> {
    body: &'b str,
    buf: Vec<u8>,
    found: Vec<Leftover>,
    html: bool,
}

/// How a column's text sits, as pandoc reads it from the dashes.
#[derive(Clone, Copy, PartialEq)]
enum Align {
    Default,
    Left,
    Right,
    Center,
}

/// A table read from the source, before it is written as a pipe table.
struct Table {
    header: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
    align: Vec<Align>,
}

/// The dash runs of a table's rule line (`  ------- -----`), as character columns
/// `start..end`; `None` when the line is anything else.
fn dash_runs(line: &str) -> Option<Vec<(usize, usize)>> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 || line.trim().is_empty() {
        return None;
    }
    let mut runs = Vec::new();
    let mut start = None;
    for (i, c) in line.chars().enumerate() {
        match (c, start) {
            ('-', None) => start = Some(i),
            ('-', Some(_)) => {}
            (' ', Some(s)) => {
                runs.push((s, i));
                start = None;
            }
            (' ', None) => {}
            _ => return None,
        }
    }
    if let Some(s) = start {
        runs.push((s, line.chars().count()));
    }
    runs.iter().all(|(s, e)| e - s >= 2).then_some(runs)
}

/// The cell texts of one line under `runs`: column `k` runs from the end of the dashes
/// before it to the start of the dashes after it, so text wider than its dashes stays
/// whole as long as it does not reach the next column's.
fn cells(line: &str, runs: &[(usize, usize)]) -> Vec<String> {
    let chars: Vec<char> = line.chars().collect();
    (0..runs.len())
        .map(|k| {
            let from = if k == 0 { 0 } else { runs[k - 1].1 };
            let (from, to) = (
                cut(&chars, from),
                cut(&chars, runs.get(k + 1).map_or(chars.len(), |r| r.0)),
            );
            chars[from..to]
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

/// A column boundary at `at` moved right past a word it would cut (a link wider than its
/// column's dashes stays in that column).
fn cut(chars: &[char], at: usize) -> usize {
    let mut at = at.min(chars.len());
    while at > 0 && at < chars.len() && !chars[at - 1].is_whitespace() && !chars[at].is_whitespace()
    {
        at += 1;
    }
    at
}

/// pandoc's rule: text flush with both ends of its dashes, or with neither, is default or
/// centred; flush with one end only leans that way.
fn alignments(line: &str, runs: &[(usize, usize)]) -> Vec<Align> {
    let chars: Vec<char> = line.chars().collect();
    (0..runs.len())
        .map(|k| {
            let (s, e) = runs[k];
            let from = if k == 0 { 0 } else { runs[k - 1].1 };
            let to = runs
                .get(k + 1)
                .map_or(chars.len(), |r| r.0)
                .min(chars.len());
            let text: Vec<usize> = (from.min(to)..to)
                .filter(|&i| !chars[i].is_whitespace())
                .collect();
            let (Some(&first), Some(&last)) = (text.first(), text.last()) else {
                return Align::Default;
            };
            match (first == s, last + 1 == e) {
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::Center,
                (true, true) => Align::Default,
            }
        })
        .collect()
}

/// A table's caption line (`: Equipment`, `Table: Equipment`): its text.
fn caption(line: &str) -> Option<&str> {
    let t = line.trim_start();
    (line.len() - t.len() < 4)
        .then(|| t.strip_prefix("Table:").or_else(|| t.strip_prefix(':')))
        .flatten()
        .filter(|rest| rest.starts_with([' ', '\t']) && !rest.trim().is_empty())
        .map(str::trim)
}

/// A grid table's rule (`+----+:---:+`, `+====+`): the columns of its `+`s, whether it
/// is a header rule, and each column's alignment.
fn grid_rule(line: &str) -> Option<(Vec<usize>, bool, Vec<Align>)> {
    let t = line.trim_end();
    if !t.starts_with('+') || !t.ends_with('+') || t.len() < 3 {
        return None;
    }
    let mut plus = Vec::new();
    let mut header = false;
    for (i, c) in t.chars().enumerate() {
        match c {
            '+' => plus.push(i),
            '-' | ':' => {}
            '=' => header = true,
            _ => return None,
        }
    }
    let chars: Vec<char> = t.chars().collect();
    let align = plus
        .windows(2)
        .map(|w| {
            match (
                chars.get(w[0] + 1) == Some(&':'),
                chars.get(w[1] - 1) == Some(&':'),
            ) {
                (true, true) => Align::Center,
                (true, false) => Align::Left,
                (false, true) => Align::Right,
                (false, false) => Align::Default,
            }
        })
        .collect();
    (plus.len() >= 2).then_some((plus, header, align))
}

/// A cell's lines as one line of a pipe table cell: bullets start a new line.
fn join_cell(lines: &[String], html: bool) -> String {
    let mut out = String::new();
    for l in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            let bullet = l.starts_with("- ")
                || l.starts_with("* ")
                || l.starts_with("+ ")
                || l.split_once(". ")
                    .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            out.push_str(if bullet && html { "<br>" } else { " " });
        }
        out.push_str(l);
    }
    out
}

/// The longest run of rows a table is looked for in, so a `---` line before a long
/// document that never closes a table costs a bounded scan.
const MAX_TABLE_LINES: usize = 400;

impl Rewrite<'_> {
    fn line(&self, lines: &[usize], i: usize) -> &str {
        line(self.body, lines, i)
    }

    /// The table starting at line `i` (after a blank line) rewritten; the line after it.
    fn table(&mut self, lines: &[usize], code: &[bool], i: usize) -> Option<usize> {
        let n = lines.len().min(i + MAX_TABLE_LINES);
        let usable = |k: usize| k < n && !code[k];
        let (table, end) = if self.line(lines, i).trim_start().starts_with("+-") {
            self.grid(lines, i, n)?
        } else if let Some(runs) = dash_runs(self.line(lines, i)) {
            if runs.len() == 1 {
                // A multiline table: a full-width rule, the header, the column rule.
                let mut k = i + 1;
                while usable(k)
                    && !blank(self.line(lines, k))
                    && dash_runs(self.line(lines, k)).is_none()
                {
                    k += 1;
                }
                let cols = dash_runs(self.line(lines, k)).filter(|r| r.len() >= 2 && usable(k))?;
                let header: Vec<&str> = (i + 1..k).map(|h| self.line(lines, h)).collect();
                if header.is_empty() {
                    return None;
                }
                let align = alignments(header[0], &cols);
                let header = joined(&header, &cols);
                let (rows, end) = self.multiline_rows(lines, k + 1, n, &cols, |r| r.len() == 1)?;
                (
                    Table {
                        header: Some(header),
                        rows,
                        align,
                    },
                    end,
                )
            } else {
                // A headerless table: a column rule, rows, a closing rule.
                let first = usable(i + 1).then(|| self.line(lines, i + 1))?;
                let align = alignments(first, &runs);
                let (rows, end) = self.multiline_rows(lines, i + 1, n, &runs, |r| r.len() >= 2)?;
                (
                    Table {
                        header: None,
                        rows,
                        align,
                    },
                    end,
                )
            }
        } else {
            // A simple table: a header line, the column rule, rows up to a blank line.
            let header = self.line(lines, i);
            if !usable(i + 1) || blank(header) || header.len() - header.trim_start().len() > 3 {
                return None;
            }
            let runs = dash_runs(self.line(lines, i + 1)).filter(|r| r.len() >= 2)?;
            let mut k = i + 2;
            let mut rows = Vec::new();
            while usable(k) && !blank(self.line(lines, k)) {
                rows.push(cells(self.line(lines, k), &runs));
                k += 1;
            }
            let align = alignments(header, &runs);
            (
                Table {
                    header: Some(cells(header, &runs)),
                    rows,
                    align,
                },
                k,
            )
        };
        let caption = self.caption_near(lines, code, i, end);
        let start = lines[i];
        let stop = lines.get(end).copied().unwrap_or(self.body.len());
        let text = self.pipe_table(&table);
        if !self.fill(start..stop, &text) {
            self.report(
                start..lines.get(i + 1).map_or(stop, |&n| n - 1),
                "a pandoc table too wide to redraw",
            );
            return Some(end);
        }
        if let Some((range, text)) = caption {
            self.buf[range.clone()].iter_mut().for_each(|b| {
                if *b != b'\n' {
                    *b = b' '
                }
            });
            self.found.push(Leftover {
                range: start..start,
                construct: text,
                kind: Kind::Caption,
            });
        }
        Some(end)
    }

    /// Rows each a run of lines up to a blank line (or each one line when none is blank),
    /// to a rule `closes` accepts, which must come before two blank lines in a row or the
    /// end; the line after that rule.
    fn multiline_rows(
        &self,
        lines: &[usize],
        from: usize,
        n: usize,
        cols: &[(usize, usize)],
        closes: impl Fn(&[(usize, usize)]) -> bool,
    ) -> Option<(Vec<Vec<String>>, usize)> {
        let mut groups: Vec<Vec<&str>> = vec![Vec::new()];
        let mut k = from;
        loop {
            if k >= n {
                return None;
            }
            let l = self.line(lines, k);
            if blank(l) {
                if groups.last().is_some_and(Vec::is_empty) {
                    return None;
                }
                groups.push(Vec::new());
            } else if let Some(r) = dash_runs(l) {
                if !closes(&r) {
                    return None;
                }
                break;
            } else {
                groups.last_mut()?.push(l);
            }
            k += 1;
        }
        // The closing rule ends the table: a blank line or the end follows it.
        if k + 1 < lines.len() && !blank(self.line(lines, k + 1)) {
            return None;
        }
        groups.retain(|g| !g.is_empty());
        let rows = if groups.len() == 1 {
            groups[0].iter().map(|l| cells(l, cols)).collect()
        } else {
            groups.iter().map(|g| joined(g, cols)).collect()
        };
        Some((rows, k + 1))
    }

    /// A grid table from line `i`: its rows and the line after it. Merged cells (a row
    /// whose `|`s are not under the rule's `+`s) are not redrawn: `None`, and a warning.
    fn grid(&mut self, lines: &[usize], i: usize, n: usize) -> Option<(Table, usize)> {
        let (plus, _, mut align) = grid_rule(self.line(lines, i))?;
        let mut header = None;
        let mut rows = Vec::new();
        let mut cell_lines: Vec<Vec<String>> = vec![Vec::new(); plus.len() - 1];
        let mut k = i + 1;
        let mut merged = false;
        while k < n {
            let l = self.line(lines, k);
            if let Some((p, is_header, a)) = grid_rule(l) {
                merged |= p != plus;
                let row: Vec<String> = cell_lines.iter().map(|c| join_cell(c, self.html)).collect();
                cell_lines.iter_mut().for_each(Vec::clear);
                if is_header && header.is_none() && rows.is_empty() {
                    header = Some(row);
                    align = a;
                } else {
                    rows.push(row);
                }
                k += 1;
                if k >= lines.len() || blank(self.line(lines, k)) {
                    break;
                }
                continue;
            }
            let chars: Vec<char> = l.trim_end().chars().collect();
            if chars.first() != Some(&'|') {
                return None;
            }
            if plus.iter().any(|&p| chars.get(p) != Some(&'|')) {
                merged = true;
            }
            for (c, w) in plus.windows(2).enumerate() {
                let to = w[1].min(chars.len());
                let from = (w[0] + 1).min(to);
                cell_lines[c].push(chars[from..to].iter().collect());
            }
            k += 1;
        }
        if cell_lines.iter().any(|c| !c.is_empty()) || k <= i + 1 {
            return None;
        }
        if merged {
            self.report(
                lines[i]..lines[i] + self.line(lines, i).len(),
                "a pandoc grid table with merged cells",
            );
            return None;
        }
        Some((
            Table {
                header,
                rows,
                align,
            },
            k,
        ))
    }

    /// A caption line just before the table (a blank line between) or just after it.
    fn caption_near(
        &self,
        lines: &[usize],
        code: &[bool],
        i: usize,
        end: usize,
    ) -> Option<(std::ops::Range<usize>, String)> {
        let at = |k: usize| -> Option<(std::ops::Range<usize>, String)> {
            if code.get(k) != Some(&false) {
                return None;
            }
            let l = self.line(lines, k);
            let text = caption(l)?;
            // Not the caption of the table before, already taken.
            if self.buf[lines[k]..lines[k] + l.len()] != *l.as_bytes() {
                return None;
            }
            let blank_around = (k == 0 || blank(self.line(lines, k - 1)))
                && (k + 1 >= lines.len() || blank(self.line(lines, k + 1)));
            blank_around.then(|| (lines[k]..lines[k] + l.len(), text.to_string()))
        };
        (end + 1 < lines.len() && blank(self.line(lines, end)))
            .then(|| at(end + 1))
            .flatten()
            .or_else(|| (i >= 2).then(|| at(i - 2)).flatten())
    }

    fn pipe_table(&self, t: &Table) -> String {
        let cols = t.align.len();
        let row = |cells: &[String]| {
            let mut s = String::from("|");
            for k in 0..cols {
                let c = cells.get(k).map_or("", String::as_str);
                s.push(' ');
                s.push_str(&c.replace('|', "\\|"));
                s.push_str(" |");
            }
            s
        };
        let empty = vec![String::new(); cols];
        let mut out = vec![row(t.header.as_deref().unwrap_or(&empty))];
        out.push(
            std::iter::once("|".to_string())
                .chain(t.align.iter().map(|a| {
                    match a {
                        Align::Default => "---|",
                        Align::Left => ":--|",
                        Align::Right => "--:|",
                        Align::Center => ":-:|",
                    }
                    .to_string()
                }))
                .collect(),
        );
        out.extend(t.rows.iter().map(|r| row(r)));
        out.join("\n")
    }

    /// Writes `text` over `range`, padded with spaces, then the range's newlines it lacks:
    /// `false` (nothing written) when it does not fit.
    fn fill(&mut self, range: std::ops::Range<usize>, text: &str) -> bool {
        let had = memchr::memchr_iter(b'\n', &self.buf[range.clone()]).count();
        let has = memchr::memchr_iter(b'\n', text.as_bytes()).count();
        if has > had || text.len() + (had - has) > range.len() {
            return false;
        }
        let spaces = range.len() - text.len() - (had - has);
        let filled = text
            .bytes()
            .chain(std::iter::repeat_n(b' ', spaces))
            .chain(std::iter::repeat_n(b'\n', had - has));
        for (slot, b) in self.buf[range].iter_mut().zip(filled) {
            *slot = b;
        }
        true
    }

    fn report(&mut self, range: std::ops::Range<usize>, what: &str) {
        self.found.push(Leftover {
            range,
            construct: what.to_string(),
            kind: Kind::Pandoc,
        });
    }

    /// A line block (`| Acme Ltd` lines) from line `i`: each line's `|` goes and a
    /// backslash (a hard break) ends every line but the last.
    fn line_block(&mut self, lines: &[usize], code: &[bool], i: usize) -> Option<usize> {
        let is_line = |l: &str| l.starts_with("| ") || l == "|";
        let mut k = i;
        while k < lines.len() && !code[k] && is_line(self.line(lines, k)) {
            k += 1;
        }
        // A pipe table's second line is its delimiter row; a line block has none.
        if k == i || self.line(lines, i).trim_end().ends_with('|') {
            return None;
        }
        if (i..k).any(|j| self.line(lines, j)[1..].contains('|')) {
            return None;
        }
        for j in i..k {
            let (start, len) = (lines[j], self.line(lines, j).len());
            let text = self.body[start + 1..start + len].to_string();
            let last = j + 1 == k;
            let new = if last {
                format!(" {text}")
            } else {
                format!("{}\\", text.trim_end())
            };
            let new = format!("{new:>len$}");
            if text.trim().is_empty() {
                continue;
            }
            self.buf[start..start + len].copy_from_slice(new.as_bytes());
        }
        Some(k)
    }

    /// Spans (`[x]{.mark}`, `[]{#id .anchor}`) and attributes after a link or an image
    /// (`{width="50%"}`) in the line `start..end`.
    fn inline(&mut self, start: usize, end: usize) {
        let line = &self.body[start..end];
        let mut from = 0;
        while let Some(brace) = line[from..].find('{').map(|k| from + k) {
            from = brace + 1;
            let Some(close) = line[brace..].find('}').map(|k| brace + k) else {
                break;
            };
            let Some(attrs) = attributes(&line[brace + 1..close]) else {
                continue;
            };
            let before = &line[..brace];
            if before.ends_with(')') {
                // `![x](a.png){width="50%"}` or `[a](b){target="_blank"}`: only a link's or
                // image's destination closes with `)` right before; the attributes go.
                // `[](){#id}` is MkDocs's anchor, which the renderer draws.
                if before.contains("](") && !before.ends_with("[]()") {
                    let range = start + brace..start + close + 1;
                    if !self.pad(range.clone(), "") {
                        self.report(range, "pandoc attributes after a link or an image");
                    }
                }
                from = close + 1;
                continue;
            }
            if !before.ends_with(']') || before.ends_with("\\]") {
                continue;
            }
            let Some(open) = matching_open(before) else {
                continue;
            };
            let text = &before[open + 1..before.len() - 1];
            let range = start + open..start + close + 1;
            let written = match (attrs.id, text.is_empty()) {
                // `[]{#_Toc1 .anchor}`: the anchor MkDocs writes, its text dropped.
                (Some(id), true) => self.anchor(range.clone(), id, ""),
                (Some(id), false) => self.anchor(range.clone(), id, text),
                (None, _) => {
                    let underline = attrs.classes.contains(&"underline");
                    if underline && self.html {
                        self.wrapped(range.clone(), text)
                    } else {
                        self.pad(range.clone(), text)
                    }
                }
            };
            if !written {
                self.report(range, "a pandoc span");
            }
            from = close + 1;
        }
    }

    /// An image's size written after its destination (`![x](a.png =200x)`, `=200x100`,
    /// `=x80`, `=50%x`), blanked in the line `start..end`: CommonMark reads the destination,
    /// and the theme fits the image to the column. Not in a code span.
    fn image_size(&mut self, start: usize, end: usize) {
        let line = &self.body[start..end];
        for (at, _) in line.match_indices(" =") {
            let size_len = line[at + 2..]
                .bytes()
                .take_while(|b| b.is_ascii_digit() || matches!(b, b'x' | b'%'))
                .count();
            let size = &line[at + 2..at + 2 + size_len];
            let dimensions = size.split('x').collect::<Vec<_>>();
            if !matches!(dimensions.len(), 1 | 2) || dimensions.iter().all(|d| d.is_empty()) {
                continue;
            }
            // Then the destination's end, or its title (`=200x "Logo"`).
            let after = line[at + 2 + size_len..].trim_start_matches(' ');
            if !after.starts_with([')', '"']) {
                continue;
            }
            let before = &line[..at];
            let Some(open) = before.rfind("](") else {
                continue;
            };
            let destination = &before[open + 2..];
            let in_code_span = before.bytes().filter(|&b| b == b'`').count() % 2 == 1;
            if !before[..open].contains("![")
                || destination.is_empty()
                || destination.contains([')', ' '])
                || in_code_span
            {
                continue;
            }
            self.buf[start + at..start + at + 2 + size_len].fill(b' ');
        }
    }

    /// Line `i` when it is only attributes (`{.links-list}`, `{.is-info}`) under the block
    /// above it, as markdown-it-attrs writes them: blanked, and `true`. Under a quote at the
    /// top level, a Wiki.js callout class makes the quote that callout: its `>` markers are
    /// blanked too, and the quote reported as a [`Kind::Callout`] closed at this line.
    fn attribute_line(&mut self, lines: &[usize], code: &[bool], i: usize) -> bool {
        let text = line(self.body, lines, i);
        let Some(inner) = text
            .trim_end()
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
        else {
            return false;
        };
        let Some(attrs) = attributes(inner) else {
            return false;
        };
        if attrs.classes.is_empty() || code[i - 1] {
            return false;
        }
        use BlockQuoteKind as K;
        let callout = attrs.classes.iter().find_map(|c| match *c {
            "is-info" => Some(K::Note),
            "is-success" => Some(K::Tip),
            "is-warning" => Some(K::Warning),
            "is-danger" => Some(K::Caution),
            _ => None,
        });
        let range = lines[i]..lines[i] + text.len();
        if let Some(kind) = callout {
            // The quote's lines: back to the blank line (or the top) above them.
            let first = (0..i)
                .rev()
                .take_while(|&k| !code[k] && !blank(line(self.body, lines, k)))
                .last()
                .unwrap_or(i);
            if first < i && line(self.body, lines, first).starts_with('>') {
                for k in first..i {
                    let l = line(self.body, lines, k);
                    if l.starts_with('>') {
                        let marker = if l.starts_with("> ") { 2 } else { 1 };
                        self.buf[lines[k]..lines[k] + marker].fill(b' ');
                    }
                }
                self.found.push(Leftover {
                    range: lines[first]..lines[first],
                    construct: String::new(),
                    kind: Kind::Callout {
                        kind,
                        next_block_only: false,
                        details: false,
                    },
                });
                self.found.push(Leftover {
                    range: range.clone(),
                    construct: String::new(),
                    kind: Kind::CalloutEnd,
                });
            }
        }
        self.buf[range].fill(b' ');
        true
    }

    /// `[](){#id}` then `text`, its padding inside the braces.
    fn anchor(&mut self, range: std::ops::Range<usize>, id: &str, text: &str) -> bool {
        let head = format!("[](){{#{id}");
        let need = head.len() + 1 + text.len();
        if need > range.len() {
            return false;
        }
        let out = format!("{head}{}}}{text}", " ".repeat(range.len() - need));
        self.buf[range].copy_from_slice(out.as_bytes());
        true
    }

    /// `<u>text</u   >`.
    fn wrapped(&mut self, range: std::ops::Range<usize>, text: &str) -> bool {
        let need = text.len() + 7;
        if need > range.len() {
            return false;
        }
        let out = format!("<u>{text}</u{}>", " ".repeat(range.len() - need));
        self.buf[range].copy_from_slice(out.as_bytes());
        true
    }

    /// `text`, the bytes it saves made invisible: an HTML comment where raw HTML reaches
    /// the page, else spaces where a space is already next to it (so the page shows one).
    fn pad(&mut self, range: std::ops::Range<usize>, text: &str) -> bool {
        let spare = range.len() - text.len();
        let bytes = self.body.as_bytes();
        let space = |b: Option<&u8>| matches!(b, Some(b' ' | b'\t'));
        let line_start = range.start == 0 || bytes[range.start - 1] == b'\n';
        let line_end = matches!(bytes.get(range.end), None | Some(b'\n' | b'\r'));
        // Spaces before a line break would make it a hard break, unless the paragraph ends.
        let paragraph_ends = || {
            let rest = &self.body[range.end..];
            let next = rest.split('\n').nth(1);
            next.is_none_or(|l| l.trim().is_empty())
        };
        let out = if !line_start && space(range.start.checked_sub(1).and_then(|k| bytes.get(k))) {
            format!("{}{text}", " ".repeat(spare))
        } else if !line_end || paragraph_ends() {
            format!("{text}{}", " ".repeat(spare))
        } else if self.html && spare >= 7 {
            format!("{text}<!--{}-->", " ".repeat(spare - 7))
        } else {
            return false;
        };
        self.buf[range].copy_from_slice(out.as_bytes());
        true
    }
}

/// Where the `[` matching the `]` that ends `before` is, brackets nested inside counted.
fn matching_open(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    let mut depth = 0usize;
    for k in (0..bytes.len()).rev() {
        match bytes[k] {
            b']' if k == 0 || bytes[k - 1] != b'\\' => depth += 1,
            b'[' if k == 0 || bytes[k - 1] != b'\\' => {
                depth -= 1;
                if depth == 0 {
                    // `![alt]{…}` is no span; `](…)` inside would be a link, left alone.
                    return (k == 0 || bytes[k - 1] != b'!').then_some(k);
                }
            }
            _ => {}
        }
    }
    None
}

/// Each column's text over several lines, joined by spaces.
fn joined(lines: &[&str], cols: &[(usize, usize)]) -> Vec<String> {
    let mut out = vec![String::new(); cols.len()];
    for l in lines {
        for (k, c) in cells(l, cols).into_iter().enumerate() {
            if c.is_empty() {
                continue;
            }
            if !out[k].is_empty() {
                out[k].push(' ');
            }
            out[k].push_str(&c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_runs_are_pandocs() {
        let runs = |t: &str| {
            let mut out: Vec<String> = Vec::new();
            let mut from = 0;
            while let Some((open, _, close)) = script_run(t, from) {
                out.push(t[open + 1..close].to_string());
                from = close + 1;
            }
            out
        };
        assert_eq!(runs("H~2~SO~4~ and 2^10^"), ["2", "4", "10"]);
        assert_eq!(runs("é~ü~ ~x~"), ["ü", "x"]);
        for none in [
            "~",
            "^^",
            "~~a~~",
            "a~b",
            "~a b~",
            "~~",
            "x~~y~",
            "https://x.org/~a/~b/",
        ] {
            assert!(runs(none).is_empty(), "{none}");
        }
    }

    fn rw(body: &str) -> String {
        let (out, _) = rewrite(body, true).expect("rewritten");
        assert_eq!(out.len(), body.len());
        assert_eq!(
            out.matches('\n').count(),
            body.matches('\n').count(),
            "newlines kept"
        );
        out
    }

    #[test]
    fn simple_table_becomes_a_pipe_table_with_alignment() {
        let body = "  Tool      Owner    Cost\n  --------- ------- -----\n  Laptop    IT       1\n\nAfter.\n";
        let out = rw(body);
        assert!(
            out.starts_with("| Tool | Owner | Cost |\n|:--|:--|--:|\n| Laptop | IT | 1 |"),
            "{out}"
        );
        assert!(out.ends_with("\n\nAfter.\n"));
    }

    #[test]
    fn multiline_table_joins_cell_lines() {
        let body = "  --------------------\n  When   What\n  ------ -------------\n  Mon    Pick up the\n         keys.\n\n  Tue    Lunch.\n  --------------------\n\nEnd\n";
        let out = rw(body);
        assert!(
            out.contains("| Mon | Pick up the keys. |\n| Tue | Lunch. |"),
            "{out}"
        );
        assert!(out.ends_with("\nEnd\n"));
    }

    #[test]
    fn a_page_of_pipe_tables_is_not_read_line_by_line() {
        assert!(rewrite("| A | B |\n|---|---|\n| 1 | 2 |\n", true).is_none());
        assert!(may_hold_line_block(b"Text\n| Harbour Co.\n| 7 Quay Road\n"));
        assert!(!may_hold_line_block(b"x | y\n| a | b |  \n"));
    }

    #[test]
    fn a_multiline_table_alone_at_the_end_of_a_page_is_redrawn() {
        let body = "# Steps\n\n  ------------------------\n  Step    Description\n  ------- ----------------\n  Day 1   Collect badge.\n\n  Day 2   Meet the team.\n  ------------------------\n";
        let out = rw(body);
        assert!(
            out.contains("| Day 1 | Collect badge. |\n| Day 2 | Meet the team. |"),
            "{out}"
        );
    }

    #[test]
    fn grid_table_with_header() {
        let body = "+-----+------+\n| A   | B    |\n+=====+======+\n| one | two  |\n|     | more |\n+-----+------+\n";
        let out = rw(body);
        assert!(
            out.starts_with("| A | B |\n|---|---|\n| one | two more |"),
            "{out}"
        );
    }

    #[test]
    fn a_dashed_line_alone_or_under_one_line_is_left() {
        for body in [
            "Title\n-----\n\nText ]{x}\n",
            "Text\n\n---\n\nMore | a\n",
            "a - - b\n",
        ] {
            assert!(rewrite(body, true).is_none_or(|(o, _)| o == body), "{body}");
        }
    }

    #[test]
    fn spans_and_bookmarks() {
        let out = rw("[]{#_Toc12 .anchor}Intro and [Key]{.underline} and [hi]{.mark}.\n");
        assert_eq!(
            out,
            "[](){#_Toc12      }Intro and <u>Key</u       > and          hi.\n"
        );
        let out = rw("![Map](m.png){width=\"50%\"}\n");
        assert_eq!(out, format!("![Map](m.png){}\n", " ".repeat(13)));
    }

    #[test]
    fn line_block_lines_break() {
        let out = rw("| Acme Ltd\n| 1 Main Street\n\n");
        assert_eq!(out, " Acme Ltd\\\n  1 Main Street\n\n");
    }

    #[test]
    fn image_sizes_go() {
        let out = rw("![Logo](/assets/logo.svg =200x) and ![Map](m.png =x80 \"Map\")\n");
        assert_eq!(
            out,
            format!(
                "![Logo](/assets/logo.svg{}) and ![Map](m.png{} \"Map\")\n",
                " ".repeat(6),
                " ".repeat(5)
            )
        );
        for body in [
            "Set `![a](b.png =2x)` in a code span.\n",
            "[a link](b.md =2x) and a = 2x) sum\n",
            "```\n![a](b.png =2x)\n```\n",
            "![a](b.png =wide)\n",
        ] {
            assert!(rewrite(body, true).is_none_or(|(o, _)| o == body), "{body}");
        }
    }

    #[test]
    fn attribute_lines_under_a_block_go_and_a_quote_of_a_wiki_js_class_is_a_callout() {
        let body = "- [Rules](/rules)\n{.links-list}\n\n> **Careful:** hot.\n> Really.\n{.is-danger}\n\nAfter.\n";
        let (out, found) = rewrite(body, true).expect("rewritten");
        assert_eq!(
            out,
            "- [Rules](/rules)\n             \n\n  **Careful:** hot.\n  Really.\n            \n\nAfter.\n"
        );
        let quote = body.find("> **").unwrap();
        let end = body.find("{.is-danger}").unwrap();
        assert_eq!(
            found,
            [
                Leftover {
                    range: quote..quote,
                    construct: String::new(),
                    kind: Kind::Callout {
                        kind: BlockQuoteKind::Caution,
                        next_block_only: false,
                        details: false,
                    },
                },
                Leftover {
                    range: end..end + "{.is-danger}".len(),
                    construct: String::new(),
                    kind: Kind::CalloutEnd,
                },
            ]
        );
        // After a blank line, or as text, braces are someone else's.
        for body in ["Text.\n\n{.is-info}\n", "A {.x} b\n{ not attrs }\n"] {
            assert!(rewrite(body, true).is_none_or(|(o, _)| o == body), "{body}");
        }
    }

    #[test]
    fn code_is_left() {
        let body = "```\n  A   B\n  --- ---\n  1   2\n[x]{.mark}\n```\n";
        assert!(rewrite(body, true).is_none_or(|(o, _)| o == body));
    }
}
