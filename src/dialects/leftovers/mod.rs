//! Leftovers from other generators in a Markdown body: Liquid / Nunjucks tags (`{% … %}`),
//! expressions (`{{ … }}`), Hugo shortcodes (`{{< … >}}`, `{{% … %}}`), MyST roles
//! (``{pypi}`x` ``) and MyST colon-fence directives (`:::{note}`) that orgbook does not run,
//! MkDocs admonitions and snippet includes (`!!! note`, `--8<--`), plus comments, MyST
//! target lines (`(label)=`), kramdown attribute lists (Jekyll's `{: .note }`, `{:toc}`)
//! and MkDocs `[TOC]` lines that must never reach readers. Hugo cross-references as link
//! destinations (`[x]({{< ref "x.md" >}})`) are rewritten to the path they name, and the
//! other generators' callouts (Docusaurus `:::note`, Just the Docs `{: .note }`, docsify
//! `?>` and `!>`, Hugo themes' `{{% note %}}`) are reported for the renderer to draw;
//! VitePress's `::: code-group` lines are blanked and docsify's heading ids (`:id=x`)
//! rewritten to CommonMark's (`{#x}`). An MkDocs admonition or content tab whose body
//! reads in CommonMark as in Python-Markdown has its line rewritten, at the same length,
//! into a list item of invisible text, whose blocks its indented body becomes (see
//! [`Kind::MkDocsBlock`] and `mkdocs_blocks`, which draws it). A MyST
//! directive written as a backtick fence (```` ```{note} ````) is a code block to CommonMark:
//! the Markdown renderer, which sees every fence's info string, reports it
//! ([`myst_directive`](super::myst::myst_directive)), so the body is parsed once for it.
//!
//! [`clean`] returns the body with HTML comments, `{% comment %}` blocks, MyST targets and
//! kramdown attribute lists blanked out
//! (replaced by spaces of the same byte length, newlines kept, so every offset — and hence
//! every diagnostic's line and column — stays valid) and the position of every other
//! construct, which the caller reports as a warning. Code spans and blocks are left alone:
//! documentation about templates quotes them there on purpose.
//!
//! This file holds the scan ([`clean`] and its `Scan`, one pass over the body's lines and
//! constructs); what each kind of construct is lives beside it: `templates` (Liquid,
//! Nunjucks, Hugo shortcodes), `callouts` (other generators' callouts), `mkdocs` (MkDocs's
//! line constructs), `myst_lines` (MyST's and Quarto's) and `erb` (Middleman's ERB).

mod callouts;
mod erb;
mod mkdocs;
mod myst_lines;
mod templates;
#[cfg(test)]
mod tests;

use super::found::{Drawn, Kind, Leftover, Role};
use super::myst::myst_name;
use pulldown_cmark::{Event, Parser, Tag};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

pub use callouts::*;
use erb::*;
pub use mkdocs::*;
pub use myst_lines::*;
pub use templates::*;

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

/// Blanks comments and finds template constructs; see the module documentation.
pub fn clean(body: &str) -> (Cow<'_, str>, Vec<Leftover>) {
    clean_page(body, false)
}

/// [`clean`] for a page that is MDX or not (`mdx`): only in MDX is a callout component
/// written on one line drawn ([`one_line_callouts`]), since only there does its text, left
/// indented where the tag was, stay prose rather than become code.
pub fn clean_page(body: &str, mdx: bool) -> (Cow<'_, str>, Vec<Leftover>) {
    // MyST admonitions first: their fence lines blanked, their bodies are Markdown to the
    // scan below (which finds code by parsing).
    let myst = crate::dialects::myst::has_directive(body);
    match (myst || crate::dialects::myst::has_admonish(body))
        .then(|| crate::dialects::myst::admonitions(body))
        .flatten()
    {
        None => clean_constructs(body, myst, mdx),
        Some((drawn, callouts)) => {
            let (out, mut found) = clean_constructs(&drawn, myst, mdx);
            let out = out.into_owned();
            found.extend(callouts);
            found.sort_by_key(|f| f.range.start);
            (Cow::Owned(out), found)
        }
    }
}

/// [`clean`] for the body of a page written in HTML (a Jekyll page, `load::is_html_page`):
/// its comments blanked and its template constructs found the same way, Liquid link tags
/// and URL filters in `href` and `src` made paths. Nothing in it is Markdown, so no line
/// is another generator's block, and nothing is code: Jekyll runs Liquid in a `<pre>` too.
pub fn clean_html(body: &str) -> (Cow<'_, str>, Vec<Leftover>) {
    let mut scan = Scan {
        body,
        parsed: Parsed::default(),
        highlights: Vec::new(),
        blank: Vec::new(),
        rewrites: Vec::new(),
        found: Vec::new(),
        erb_blocks: None,
    };
    scan.constructs(&[]);
    scan.finish(&[])
}

/// `myst`: the body writes MyST directives (so `%` lines are comments).
fn clean_constructs(body: &str, myst: bool, mdx: bool) -> (Cow<'_, str>, Vec<Leftover>) {
    let lines = Lines::of(body, myst, mdx);
    let Some(last) = lines.last_start(body) else {
        return (Cow::Borrowed(body), Vec::new());
    };
    let mut scan = Scan::new(body, lines.highlights, last, !lines.mkdocs.is_empty());
    scan.confluence_code(&lines.confluence);
    scan.constructs(&lines.hugo_lines);
    scan.colon_fence_lines();
    let drawn_at = scan.whole_lines(
        lines.targets,
        lines.admonitions,
        lines.mkdocs,
        lines.api,
        lines.abbreviations,
        lines.obsidian,
    );
    scan.heading_ids(lines.heading_ids);
    scan.badges(lines.badges);
    scan.writerside(lines.writerside);
    scan.confluence(lines.confluence);
    scan.finish(&drawn_at)
}

/// What is found a whole line at a time, before the scan, each list in body order.
struct Lines {
    /// MyST target lines (`(label)=`), and MyST comment lines in a body that writes MyST.
    targets: Vec<Range<usize>>,
    /// Docusaurus and Hugo callouts' lines.
    admonitions: Vec<Leftover>,
    /// Where the Hugo callouts' lines start, so the scan does not report them as leftovers.
    hugo_lines: Vec<usize>,
    /// MkDocs lines, each with the start of the drawn block it is in, if any.
    mkdocs: Vec<(Leftover, Option<usize>)>,
    /// mkdocstrings (and mkdocs-click) blocks: their line and their option lines.
    api: Vec<(Leftover, Vec<Range<usize>>)>,
    abbreviations: Vec<Leftover>,
    obsidian: Vec<Leftover>,
    /// Jekyll's and Hugo's highlight blocks, Azure DevOps's `::: mermaid`, MyST's
    /// `:::{math}`: their tag lines become fences.
    highlights: Vec<HighlightBlock>,
    /// docsify's heading ids (`:id=x`) and the ids.
    heading_ids: Vec<(Range<usize>, String)>,
    /// Retype's badges without a link (`[!badge PRO]`) and the text each shows.
    badges: Vec<(Range<usize>, String)>,
    /// Writerside's admonitions (a quote, then `{style="note"}`).
    writerside: Vec<super::writerside::Admonition>,
    /// Confluence's storage-format elements (`<ac:link>`, `<ac:structured-macro>`).
    confluence: Vec<(Range<usize>, super::confluence::Tag)>,
}

impl Lines {
    fn of(body: &str, myst: bool, mdx: bool) -> Self {
        let mut targets = myst_targets(body);
        if myst || !targets.is_empty() {
            let comments = myst_comments(body);
            if !comments.is_empty() {
                targets.extend(comments);
                targets.sort_by_key(|t| t.start);
            }
        }
        let (mut admonitions, code_groups) = docusaurus_admonitions(body);
        if !code_groups.is_empty() {
            // Their lines go silently: the code blocks between them are shown.
            targets.extend(code_groups);
            targets.sort_by_key(|t| t.start);
        }
        let docsify = docsify_callouts(body);
        if !docsify.is_empty() {
            admonitions.extend(docsify);
            admonitions.sort_by_key(|a| a.range.start);
        }
        let components = component_callouts(body, mdx);
        if !components.is_empty() {
            admonitions.extend(components);
            admonitions.sort_by_key(|a| a.range.start);
        }
        if super::retype::may_have_blocks(body) {
            let mut fences = Fences::new(body);
            let retype = super::retype::blocks(body, |at| fences.inside(at));
            if !retype.is_empty() {
                admonitions.extend(retype);
                admonitions.sort_by_key(|a| a.range.start);
            }
        }
        let hugo = hugo_admonitions(body);
        let hugo_lines: Vec<usize> = hugo.iter().map(|h| h.range.start).collect();
        if !hugo.is_empty() {
            admonitions.extend(hugo);
            admonitions.sort_by_key(|a| a.range.start);
        }
        Lines {
            targets,
            admonitions,
            hugo_lines,
            mkdocs: mkdocs_lines(body),
            api: mkdocstrings_blocks(body),
            abbreviations: abbreviation_lines(body),
            obsidian: obsidian_callouts(body),
            highlights: highlight_blocks(body),
            heading_ids: docsify_heading_ids(body),
            badges: super::retype::badges(body),
            writerside: super::writerside::admonitions(body),
            confluence: if super::confluence::may_have(body) {
                super::confluence::tags(body)
            } else {
                Vec::new()
            },
        }
    }

    /// Where the last construct of `body` starts, of these lines or of what the scan
    /// finds; `None` when it has none.
    fn last_start(&self, body: &str) -> Option<usize> {
        let bytes = body.as_bytes();
        // Where a construct may start: every `<` and `{` is a candidate, found with memchr
        // (SIMD) rather than by testing each byte, which was a visible share of large pages.
        let starts_construct = |at: usize| {
            let rest = &bytes[at..];
            rest.starts_with(b"<!--")
                || rest.starts_with(b"<%")
                || rest.starts_with(b"{%")
                || rest.starts_with(b"{{")
                || myst_role(rest).is_some()
                || colon_fence(bytes, at).is_some()
                || kramdown_ial(body, at).is_some()
                || azure_mention(body, at).is_some()
        };
        memchr::memrchr2_iter(b'<', b'{', bytes)
            .find(|&at| starts_construct(at))
            .max(self.targets.last().map(|t| t.start))
            .max(self.api.last().map(|a| a.0.range.start))
            .max(self.admonitions.last().map(|a| a.range.start))
            .max(self.mkdocs.last().map(|m| m.0.range.start))
            .max(self.abbreviations.last().map(|a| a.range.start))
            .max(self.obsidian.last().map(|o| o.range.start))
            .max(self.highlights.last().map(|h| h.close.start))
            .max(self.heading_ids.last().map(|h| h.0.start))
            .max(self.badges.last().map(|b| b.0.start))
            .max(self.writerside.last().map(|w| w.attributes.start))
            .max(self.confluence.last().map(|c| c.0.start))
    }
}

/// `ranges` is sorted and non-overlapping: whether one holds `at` (a binary search).
fn within(ranges: &[Range<usize>], at: usize) -> bool {
    let i = ranges.partition_point(|r| r.end <= at);
    ranges.get(i).is_some_and(|r| r.start <= at)
}

/// One body being cleaned: where its code is, and what the steps found so far — the
/// ranges to blank, the text some of them are written as instead, the leftovers.
struct Scan<'b> {
    body: &'b str,
    parsed: Parsed,
    /// The highlight blocks that are not in code already.
    highlights: Vec<HighlightBlock>,
    /// Sorted, not overlapping.
    blank: Vec<Range<usize>>,
    /// Blanked ranges written as this text instead (padded with spaces), by start.
    rewrites: Vec<(usize, String)>,
    found: Vec<Leftover>,
    /// The body's ERB blocks ([`erb_blocks`]), found when the first one opens.
    erb_blocks: Option<HashMap<usize, Range<usize>>>,
}

impl<'b> Scan<'b> {
    /// Parses `body` for its code, up to the end of the block holding `last` (the last
    /// construct): a lint directive (`<!--lint disable-->`) at the top of a 1 MB changelog
    /// must not cost a second parse of the whole file. Highlight blocks' lines are code.
    fn new(body: &'b str, highlights: Vec<HighlightBlock>, last: usize, blocks: bool) -> Self {
        let parsed = parse(&body[..block_end(body, last)], blocks);
        // Jekyll's and Hugo's highlight blocks (not in code already): their lines are code.
        let highlights: Vec<HighlightBlock> = highlights
            .into_iter()
            .filter(|h| {
                let i = parsed.code.partition_point(|r| r.end <= h.open.start);
                parsed.code.get(i).is_none_or(|r| r.start > h.open.start)
            })
            .collect();
        let mut scan = Scan {
            body,
            parsed,
            highlights: Vec::new(),
            blank: Vec::new(),
            rewrites: Vec::new(),
            found: Vec::new(),
            erb_blocks: None,
        };
        scan.code_too(
            highlights
                .iter()
                .map(|h| h.open.end..h.close.start)
                .collect(),
        );
        scan.highlights = highlights;
        scan
    }

    /// `ranges` (in order) are code too: merged into the parsed code where they overlap
    /// (a fence written inside a highlight block).
    fn code_too(&mut self, ranges: Vec<Range<usize>>) {
        if ranges.is_empty() {
            return;
        }
        let code = &mut self.parsed.code;
        code.extend(ranges);
        code.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(code.len());
        for r in code.drain(..) {
            match merged.last_mut() {
                Some(m) if r.start <= m.end => m.end = m.end.max(r.end),
                _ => merged.push(r),
            }
        }
        *code = merged;
    }

    /// The code of Confluence's code macros (not in code already) is code: nothing in it
    /// is read as another tool's construct.
    fn confluence_code(&mut self, tags: &[(Range<usize>, super::confluence::Tag)]) {
        let code = tags
            .iter()
            .filter_map(|(range, t)| match t {
                super::confluence::Tag::Code { code, .. } if !self.in_code(range.start) => {
                    Some(code.clone())
                }
                _ => None,
            })
            .collect();
        self.code_too(code);
    }

    fn in_code(&self, at: usize) -> bool {
        within(&self.parsed.code, at)
    }

    /// Whether `at` is in a block of raw HTML that starts before it.
    fn in_html_block_begun_before(&self, at: usize) -> bool {
        let html = &self.parsed.html;
        let k = html.partition_point(|b| b.range.end <= at);
        html.get(k).is_some_and(|b| b.range.start < at)
    }

    fn in_html_block(&self, at: usize) -> bool {
        let html = &self.parsed.html;
        let k = html.partition_point(|b| b.range.end <= at);
        html.get(k).is_some_and(|b| b.range.start <= at)
    }

    /// Every construct that starts at a `<` or `{`, outside code: comments, highlight tags,
    /// Azure mentions, Liquid tags, MyST roles and colon fences, kramdown attribute lists,
    /// Hugo expressions and shortcodes. `hugo_lines`: the Hugo callouts' lines, drawn.
    fn constructs(&mut self, hugo_lines: &[usize]) {
        let (body, bytes) = (self.body, self.body.as_bytes());
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
            let next = if rest.starts_with("<!--") && !self.in_code(i) {
                let end = rest.find("-->").map_or(body.len(), |e| i + e + 3);
                if !self.kept_in_html_block(i..end) && !self.ends_a_list(i..end) {
                    self.blank.push(i..end);
                }
                end
            } else if rest.starts_with("<%") && !self.in_code(i) {
                self.erb(i)
            } else if let Some(end) = self.highlight_tag(i) {
                end
            } else if let Some(end) = azure_mention(body, i).filter(|_| !self.in_code(i)) {
                // The name, without the brackets that would make it an HTML tag.
                self.rewrites.push((i, body[i + 1..end - 1].to_string()));
                self.blank.push(i..end);
                end
            } else if rest.starts_with("{%") && !self.in_code(i) {
                match tag_close.from(i + 2).filter(|&c| c - i <= MAX_TAG) {
                    Some(c) => self.liquid_tag(i, c, hugo_lines),
                    None => i + 2,
                }
            } else if let Some(len) = myst_role(rest.as_bytes()).filter(|_| !self.in_code(i)) {
                let name = &body[i + 1..i + len - 1];
                match Role::of(name) {
                    // The renderer drops its name and draws the code span after it. Not
                    // blanked here: spaces at the start of a line would make it code.
                    Some(role) => self.found.push(Leftover {
                        range: i..i + len,
                        construct: name.to_string(),
                        kind: Kind::Role(role),
                    }),
                    None => self.found.push(leftover(body, i..i + len)),
                }
                i + len
            } else if let Some((start, len)) = colon_fence(bytes, i).filter(|&(s, _)| {
                !self.in_code(s)
                    && self
                        .highlights
                        .binary_search_by_key(&s, |h| h.open.start)
                        .is_err()
            }) {
                self.found.push(Leftover {
                    range: start..i + len,
                    construct: body[i..i + len].to_string(),
                    kind: Kind::ColonDirective,
                });
                i + len
            } else if let Some(ial) = kramdown_ial(body, i).filter(|_| !self.in_code(i)) {
                self.attribute_list(i, ial)
            } else if rest.starts_with("{{") && hugo_lines.binary_search(&i).is_ok() {
                // A Hugo callout's line (see `hugo_admonitions`): drawn, not reported.
                line_end.from(i).unwrap_or(body.len())
            } else if rest.starts_with("{{") && !self.in_code(i) {
                let eol = line_end.from(i).unwrap_or(body.len());
                match expr_close.from(i + 2).filter(|&c| c < eol) {
                    Some(c) => self.hugo_expression(i..c + 2),
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
    }

    /// Whether the comment at `comment` stays for the parser: it is inside a raw HTML
    /// block, below the block's first line. Blanked, a comment alone on its line would be
    /// a blank line, which ends the block (CommonMark's type 6, as GitHub reads it) and
    /// turns the indented lines after it into a code block of escaped source. The renderer
    /// blanks it in the block's HTML instead ([`blank_comments`]). One holding a blank line
    /// ends the block on GitHub too, and is blanked here.
    fn kept_in_html_block(&self, comment: Range<usize>) -> bool {
        let html = &self.parsed.html;
        let k = html.partition_point(|b| b.range.end <= comment.start);
        html.get(k).is_some_and(|b| {
            b.first_line_end < comment.start
                && comment.end <= b.range.end
                && !holds_blank_line(&self.body[comment])
        })
    }

    /// Whether the comment at `comment` stays for the parser because it ends a list: it
    /// fills its lines from the first column, after a list's item or indented text.
    /// pandoc and Confluence exports write `<!-- -->` there so two lists (or a list and
    /// the indented code after it) stay apart, as GitHub reads them; blanked, it would be
    /// a blank line and the lists would merge. The renderer blanks it in its HTML block.
    fn ends_a_list(&self, comment: Range<usize>) -> bool {
        let body = self.body;
        let starts_line = comment.start == 0 || body.as_bytes()[comment.start - 1] == b'\n';
        let rest = &body[comment.end..];
        let ends_line = rest[..rest.find('\n').unwrap_or(rest.len())]
            .trim()
            .is_empty();
        if !starts_line || !ends_line {
            return false;
        }
        let Some(before) = body[..comment.start]
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
        else {
            return false;
        };
        let item = before.trim_start();
        let marker = item.starts_with(['-', '*', '+']) && item[1..].starts_with([' ', '\t'])
            || item.split_once(['.', ')']).is_some_and(|(n, after)| {
                !n.is_empty()
                    && n.len() <= 9
                    && n.bytes().all(|b| b.is_ascii_digit())
                    && after.starts_with([' ', '\t'])
            });
        marker || before.starts_with([' ', '\t'])
    }

    /// An ERB tag of a Middleman page at `at` (see [`erb_tag`]). Where the scan goes on.
    /// Nothing of it is shown: Middleman ran it, orgbook cannot, and its Ruby read as text
    /// (or a block's loop body, `<a href="<%= resource.url %>">`) is noise to readers.
    /// A comment (`<%#`) goes silently; a heading that is only the page's title
    /// (`# <%= current_page.data.title %>`, every tech docs page's first line) goes
    /// silently too, so the title the template prints is the page's one `<h1>`; a block
    /// (`<% content_for :sidebar do %>` … `<% end %>`) goes whole and is reported once;
    /// any other tag is reported.
    fn erb(&mut self, at: usize) -> usize {
        let body = self.body;
        let Some(tag) = erb_tag(body, at) else {
            return at + 2;
        };
        let end = tag.range.end;
        if tag.comment {
            self.blank.push(tag.range);
            return end;
        }
        if let Some(line) = erb_title_heading(body, &tag) {
            let line_end = line.end;
            self.blank.push(line);
            return line_end;
        }
        if erb_opens(tag.code) {
            let parsed = &self.parsed;
            let blocks = self
                .erb_blocks
                .get_or_insert_with(|| erb_blocks(body, |k| within(&parsed.code, k)));
            if let Some(close) = blocks.get(&at).cloned() {
                let range = at..close.end;
                let construct = format!(
                    "{} … {}",
                    leftover(body, tag.range.clone()).construct,
                    leftover(body, close.clone()).construct
                );
                let lines = body[range.clone()].lines().count();
                self.blank.push(range.clone());
                self.found.push(Leftover {
                    range,
                    construct,
                    kind: Kind::Erb {
                        lines,
                        in_attribute: false,
                        before_path: false,
                    },
                });
                return close.end;
            }
        }
        let before = body[..at].trim_end_matches(' ');
        let in_attribute = before.ends_with("=\"") || before.ends_with("='");
        self.found.push(Leftover {
            kind: Kind::Erb {
                lines: 0,
                in_attribute,
                before_path: in_attribute && body[end..].starts_with('/'),
            },
            ..leftover(body, tag.range.clone())
        });
        self.blank.push(tag.range);
        end
    }

    /// A highlight block's tag line starting at `at`: a fence. Where the scan goes on.
    fn highlight_tag(&mut self, at: usize) -> Option<usize> {
        let h = self
            .highlights
            .iter()
            .find(|h| h.open.start == at || h.close.start == at)?;
        let (line, fence) = if h.open.start == at {
            (&h.open, format!("```{}", h.lang))
        } else {
            (&h.close, "```".to_string())
        };
        self.rewrites.push((at, fence));
        self.blank.push(line.clone());
        Some(line.end)
    }

    /// A Liquid tag `{% … %}` from `i`, closed at `close`: `raw` and `comment` blocks,
    /// a link's address ([`liquid_link`]), GitBook's hints and embeds, else a leftover.
    /// Where the scan goes on.
    fn liquid_tag(&mut self, i: usize, close: usize, hugo_lines: &[usize]) -> usize {
        let body = self.body;
        let end = close + 2;
        let name = body[i + 2..close].trim().trim_start_matches('-').trim();
        if name == "raw" {
            // Liquid's `{% raw %}` … `{% endraw %}`: what is between is shown as written,
            // template syntax included, and is not reported.
            let close = body[end..].find("{% endraw %}").map(|k| end + k);
            self.blank.push(i..end);
            match close {
                Some(k) => {
                    self.blank.push(k..k + "{% endraw %}".len());
                    k + "{% endraw %}".len()
                }
                None => end,
            }
        } else if name == "comment" || name.starts_with("comment ") {
            let close = body[end..]
                .find("endcomment")
                .and_then(|k| body[end + k..].find("%}").map(|m| end + k + m + 2))
                .unwrap_or(body.len());
            self.blank.push(i..close);
            close
        } else if let Some(target) = liquid_link(body, i..end) {
            self.rewrites.push((i, target));
            self.blank.push(i..end);
            end
        } else if hugo_lines.binary_search(&i).is_ok() {
            // A GitBook hint's line (see `hugo_admonitions`): drawn.
            end
        } else if crate::dialects::hackmd::embed_address(name).is_some() {
            // HackMD's and HedgeDoc's embed (`{%youtube id %}`), on its own line or among
            // words: drawn as a link to what it embeds (`hackmd::Embeds`), so not reported.
            end
        } else if let Some(text) = gitbook_line(body, i..end) {
            if !text.is_empty() {
                self.rewrites.push((i, text));
            }
            self.blank.push(i..end);
            end
        } else {
            self.found.push(leftover(body, i..end));
            end
        }
    }

    /// A kramdown attribute list (`{: .note }`) at `i`: blanked, and a Just the Docs
    /// callout when it starts its line. Where the scan goes on.
    fn attribute_list(&mut self, i: usize, ial: Range<usize>) -> usize {
        let end = ial.end;
        if self.blank.last().is_none_or(|b| b.end <= ial.start) {
            // At the start of its line: indented, it belongs to a list item or quote.
            let column_0 = i == 0 || self.body.as_bytes()[i - 1] == b'\n';
            if let Some(kind) = just_the_docs_callout(&self.body[i..end]).filter(|_| column_0) {
                self.found.push(Leftover {
                    range: ial.clone(),
                    construct: String::new(),
                    kind: Kind::Callout {
                        kind,
                        next_block_only: true,
                        details: false,
                    },
                });
            }
            self.blank.push(ial);
        }
        end
    }

    /// A Hugo expression or shortcode `{{ … }}` over `range`: a `ref` becomes its
    /// target, a tab its label, a figure its image, an embed a link; anything else is a
    /// leftover. Where the scan goes on.
    fn hugo_expression(&mut self, range: Range<usize>) -> usize {
        let body = self.body;
        if let Some(line) = vuepress_title_heading(body, range.clone()) {
            let line_end = line.end;
            self.blank.push(line);
            return line_end;
        }
        if let Some(title) = mdbook_title(&body[range.clone()]) {
            self.found.push(Leftover {
                range: range.clone(),
                construct: title.to_string(),
                kind: Kind::PageTitle,
            });
            self.blank.push(range.clone());
            return range.end;
        }
        if let Some(target) = liquid_link(body, range.clone()) {
            // Blanked (a site-root variable) or the path it writes: a link either way.
            if !target.is_empty() {
                self.rewrites.push((range.start, target));
            }
            self.blank.push(range.clone());
            return range.end;
        }
        match hugo_ref(body, range.clone()) {
            Some(target) => {
                self.rewrites.push((range.start, target));
                self.blank.push(range.clone());
            }
            None => {
                match hugo_tab(body, range.clone())
                    .or_else(|| hugo_builtin(body, range.clone()))
                    .or_else(|| handbook_member(body, range.clone()))
                {
                    // A tab's line becomes its label in bold (the others go), a figure its
                    // image, an embed a link.
                    Some(text) => {
                        if !text.is_empty() {
                            self.rewrites.push((range.start, text));
                        }
                        self.blank.push(range.clone());
                    }
                    None => self.found.push(leftover(body, range.clone())),
                }
            }
        }
        range.end
    }

    /// An Azure DevOps diagram's `::: mermaid` and `:::` lines, which the scan (from `<`
    /// and `{`) does not reach, and MyST's `:::{math}` (passed over there): fences too.
    fn colon_fence_lines(&mut self) {
        for h in self
            .highlights
            .iter()
            .filter(|h| self.body[h.open.clone()].starts_with(':'))
        {
            for (line, fence) in [
                (&h.open, format!("```{}", h.lang)),
                (&h.close, "```".into()),
            ] {
                let at = self.blank.partition_point(|b| b.end <= line.start);
                if self.blank.get(at).is_none_or(|b| b.start >= line.end) {
                    self.rewrites.push((line.start, fence.to_string()));
                    self.blank.insert(at, line.clone());
                }
            }
        }
    }

    /// Whole lines, outside code and comments: MyST targets (invisible in Sphinx) and
    /// MkDocs `[TOC]` lines are blanked; Docusaurus admonition lines are blanked and
    /// reported (the renderer draws their callout); drawn MkDocs blocks' lines are
    /// rewritten (a list item marker and invisible references) and reported; other MkDocs
    /// lines are reported as written. Where drawn MkDocs blocks start, in order.
    fn whole_lines(
        &mut self,
        targets: Vec<Range<usize>>,
        admonitions: Vec<Leftover>,
        mkdocs: Vec<(Leftover, Option<usize>)>,
        api: Vec<(Leftover, Vec<Range<usize>>)>,
        abbreviations: Vec<Leftover>,
        obsidian: Vec<Leftover>,
    ) -> Vec<usize> {
        let lines = targets
            .into_iter()
            .map(|t| (t, true, None, None))
            .chain(
                admonitions
                    .into_iter()
                    .map(|a| (a.range.clone(), true, Some(a), None)),
            )
            .chain(mkdocs.into_iter().map(|(m, parent)| {
                let toc = m.kind == Kind::MkDocs && m.construct == "[TOC]";
                let drawn = matches!(m.kind, Kind::MkDocsBlock { .. });
                (m.range.clone(), toc || drawn, (!toc).then_some(m), parent)
            }))
            .chain(api.into_iter().flat_map(|(line, options)| {
                std::iter::once((line.range.clone(), true, Some(line), None))
                    .chain(options.into_iter().map(|o| (o, true, None, None)))
            }))
            .chain(
                abbreviations
                    .into_iter()
                    .map(|a| (a.range.clone(), true, Some(a), None)),
            )
            .chain(
                obsidian
                    .into_iter()
                    .map(|o| (o.range.clone(), true, Some(o), None)),
            );
        let mut drawn_at = Vec::new();
        for (line, blanked, report, parent) in lines {
            let inside = self.blank.partition_point(|b| b.end <= line.start);
            let taken = self
                .blank
                .get(inside)
                .is_some_and(|b| b.start < line.end.max(line.start + 1));
            // A line in a drawn block's body is judged by its parent: the parse saw that
            // body as code.
            let code = match parent {
                Some(p) => drawn_at.binary_search(&p).is_err(),
                None => self.in_code(line.start),
            };
            if taken || code {
                continue;
            }
            let mut report = report;
            let mut blanked = blanked;
            if let Some(r) = report.as_mut()
                && let Kind::MkDocsBlock { drawn, .. } = r.kind
            {
                if parent.is_none() && self.in_html_block(line.start) {
                    // Raw HTML holds it: left as written, and reported (a tab is just text).
                    blanked = false;
                    r.kind = Kind::MkDocs;
                    r.construct = self.body[line.clone()].to_string();
                    if drawn == Drawn::Tab {
                        continue;
                    }
                } else {
                    let refs = zero_width_line(line.len() - MARKER.len()).unwrap_or_default();
                    self.rewrites.push((line.start, format!("{MARKER}{refs}")));
                    drawn_at.push(line.start);
                }
            }
            if let Some(r) = &report
                && r.kind == Kind::AlertTitle
                && let end = self.body[line.start..]
                    .find('\n')
                    .map_or(self.body.len(), |n| line.start + n)
                && let Some(callout) = obsidian_callout(
                    self.body[line.start..end].trim_end_matches('\r'),
                    continues_in_lower_case(self.body, end),
                )
            {
                self.rewrites.push((line.start, callout.marker));
            }
            if let Some(r) = &report
                && self.one_line_callout_heads_a_block(r)
            {
                self.rewrites.push((line.start, "#".into()));
            }
            if blanked {
                self.blank.insert(inside, line);
            }
            self.found.extend(report);
        }
        drawn_at
    }

    /// Whether `r` opens a callout written on one line ([`one_line_callouts`]) that starts
    /// a block of its own (after a blank line, outside raw HTML), whose tag is then written
    /// as `#`: blanked to spaces, its text would sit indented where the tag was, which
    /// CommonMark reads as more of a list just above it (MDX ends the list at the tag).
    /// A heading's `#` starts a block at the line's start and ends it at the line's end,
    /// the text keeps its place (so every offset in it stays the source's), and the
    /// Markdown stage reads that heading as the callout's paragraph ([`OneLineCallouts`]).
    /// Text ending in `#` or `}` stays blanked: a heading would read those as its closing
    /// marks or its attributes.
    fn one_line_callout_heads_a_block(&self, r: &Leftover) -> bool {
        let (body, at) = (self.body, r.range.start);
        if !matches!(r.kind, Kind::Callout { .. } | Kind::Wrapper) || body[at..].starts_with("</") {
            return false;
        }
        if body[at..].starts_with(['?', '!']) {
            return self.docsify_callout_heads_a_block(at);
        }
        if !body[at..].starts_with('<') {
            return false;
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let line = body[at..end].trim_end();
        let Some(text) = line
            .rfind("</")
            .filter(|&close| close > r.range.end - at)
            .map(|close| line[r.range.end - at..close].trim_end())
        else {
            return false;
        };
        let after_blank = body[..at]
            .strip_suffix('\n')
            .map(|before| before.rsplit('\n').next().unwrap_or(""))
            .is_none_or(|previous| previous.trim().is_empty());
        // (A tag whose name is an HTML block's, `<Frame>`, starts a block of raw HTML at
        // itself: that one is its own, not one around it.)
        after_blank && !text.ends_with(['#', '}']) && !self.in_html_block_begun_before(at)
    }

    /// Whether docsify's callout at `at` (`?> Tip.`, `!> Warning.`, which
    /// [`docsify_callouts`] finds after a blank line or a heading) is a paragraph of one
    /// line, whose marker is then written as `#`, as a one-line component's tag is: blanked,
    /// its text would sit indented by three, which CommonMark reads as more of a list just
    /// above it. A callout of several lines keeps its blanked marker (a heading is one
    /// line: the rest would fall out of the callout).
    fn docsify_callout_heads_a_block(&self, at: usize) -> bool {
        let body = self.body;
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let text = body[at + 2..end].trim();
        let next = body.get(end + 1..).unwrap_or("");
        let one_line = next.split('\n').next().is_none_or(|l| l.trim().is_empty());
        one_line && !text.is_empty() && !text.ends_with(['#', '}']) && !self.in_html_block(at)
    }

    /// docsify's heading ids outside code written as CommonMark's (`:id=x` → `{#x}`).
    fn heading_ids(&mut self, ids: Vec<(Range<usize>, String)>) {
        for (range, id) in ids {
            let at = self.blank.partition_point(|b| b.end <= range.start);
            if self.in_code(range.start) || self.blank.get(at).is_some_and(|b| b.start < range.end)
            {
                continue;
            }
            self.rewrites.push((range.start, format!("{{#{id}}}")));
            self.blank.insert(at, range);
        }
    }

    /// Retype's badges outside code written as the text they show, padded with spaces.
    fn badges(&mut self, badges: Vec<(Range<usize>, String)>) {
        for (range, text) in badges {
            let at = self.blank.partition_point(|b| b.end <= range.start);
            if self.in_code(range.start) || self.blank.get(at).is_some_and(|b| b.start < range.end)
            {
                continue;
            }
            self.rewrites.push((range.start, text));
            self.blank.insert(at, range);
        }
    }

    /// Writerside's admonitions outside code: the attribute line blanked, the quote's bold
    /// first line, where there is one, written as the alert's marker and its title kept.
    fn writerside(&mut self, admonitions: Vec<super::writerside::Admonition>) {
        for a in admonitions {
            if self.in_code(a.attributes.start) || !self.blank_free(&a.attributes) {
                continue;
            }
            if let Some((first, marker, title)) = a.marker
                && self.blank_free(&first)
            {
                self.rewrites.push((first.start, marker));
                self.blank_range(first.clone());
                self.found.push(Leftover {
                    range: first,
                    construct: title,
                    kind: Kind::AlertTitle,
                });
            }
            self.blank_range(a.attributes);
        }
    }

    /// Confluence's storage-format elements outside code, written as Markdown
    /// (`dialects::confluence`): their rewrites, and the callouts and leftovers they give.
    fn confluence(&mut self, tags: Vec<(Range<usize>, super::confluence::Tag)>) {
        if tags.is_empty() {
            return;
        }
        let tags = tags
            .into_iter()
            .filter(|(range, _)| !self.in_code(range.start) && self.blank_free(range))
            .collect();
        let drawn = super::confluence::draw(self.body, tags);
        // Checked against what other steps blanked, then added in one sort: inserted one
        // by one, a page of many links would move the list once for each.
        let mut taken = Vec::with_capacity(drawn.rewrites.len() + 2 * drawn.code.len());
        // A code macro's two fences, both or neither: one alone would make the rest of
        // the page code.
        let fences: Vec<_> = drawn
            .code
            .into_iter()
            .filter(|[open, close]| self.blank_free(&open.0) && self.blank_free(&close.0))
            .flatten()
            .collect();
        for (range, text) in drawn.rewrites.into_iter().chain(fences) {
            if !self.blank_free(&range) {
                continue;
            }
            if !text.is_empty() {
                self.rewrites.push((range.start, text));
            }
            taken.push(range);
        }
        self.blank.extend(taken);
        self.blank.sort_by_key(|b| b.start);
        self.found.extend(drawn.found);
    }

    /// Whether nothing in `range` is blanked yet.
    fn blank_free(&self, range: &Range<usize>) -> bool {
        let at = self.blank.partition_point(|b| b.end <= range.start);
        self.blank.get(at).is_none_or(|b| b.start >= range.end)
    }

    /// Blanks `range`, which [`Scan::blank_free`] said is free.
    fn blank_range(&mut self, range: Range<usize>) {
        let at = self.blank.partition_point(|b| b.end <= range.start);
        self.blank.insert(at, range);
    }

    /// The body with every blank range blanked (spaces, line breaks kept) or written as
    /// its rewrite, and the drawn MkDocs blocks' markers chosen; the leftovers in order.
    fn finish(self, drawn_at: &[usize]) -> (Cow<'b, str>, Vec<Leftover>) {
        let Scan {
            body,
            parsed,
            blank,
            mut rewrites,
            mut found,
            ..
        } = self;
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
        if !drawn_at.is_empty() {
            let mut bytes = out.into_bytes();
            choose_markers(&mut bytes, drawn_at, &parsed.blocks);
            out = String::from_utf8(bytes).expect("ASCII bytes replaced by ASCII bytes");
        }
        (Cow::Owned(out), found)
    }
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

/// docsify's heading ids, `## On call :id=on-call`: the `:id=…` part, to be written as
/// the heading attribute CommonMark reads (`{#on-call}`, as short or shorter), with the
/// id. Only at the end of a heading line.
fn docsify_heading_ids(body: &str) -> Vec<(Range<usize>, String)> {
    crate::finder!(b" :id=")
        .find_iter(body.as_bytes())
        .filter_map(|at| {
            let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
            if !body[line_start..at].starts_with('#') {
                return None;
            }
            let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
            let id = body[at + 5..end].trim_end();
            let plain = !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
            plain.then(|| (at + 1..at + 5 + id.len(), id.to_string()))
        })
        .collect()
}

/// The line of a heading that is only VuePress's page title, `# {{ $frontmatter.title }}`
/// (or `$page.title`), as VuePress sites open their pages: the page's title is its front
/// matter's, which orgbook draws as the page's heading, so the line goes, as
/// [`erb_title_heading`]'s does.
fn vuepress_title_heading(body: &str, expression: Range<usize>) -> Option<Range<usize>> {
    let code = body[expression.clone()]
        .strip_prefix("{{")?
        .strip_suffix("}}")?
        .trim();
    if !matches!(
        code,
        "$frontmatter.title" | "$page.title" | "$page.frontmatter.title"
    ) {
        return None;
    }
    let start = body[..expression.start].rfind('\n').map_or(0, |n| n + 1);
    let prefix = body[start..expression.start].trim_start_matches(' ');
    let hashes = prefix.len() - prefix.trim_start_matches('#').len();
    let heading =
        (1..=6).contains(&hashes) && prefix[hashes..].trim().is_empty() && prefix.len() > hashes;
    let end = body[expression.end..]
        .find('\n')
        .map_or(body.len(), |n| expression.end + n);
    let after = body[expression.end..end].trim_end_matches('\r');
    (heading && after.trim().trim_end_matches('#').trim().is_empty()).then_some(start..end)
}

/// The title mdBook's `{{#title Onboarding at Acme}}` gives its page (mdBook's `<title>`,
/// not its heading); `None` for another expression or an empty title.
fn mdbook_title(expression: &str) -> Option<&str> {
    let inner = expression.strip_prefix("{{")?.strip_suffix("}}")?;
    let rest = inner.trim_start().strip_prefix("#title")?;
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    Some(rest.trim()).filter(|t| !t.is_empty())
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

/// Whether `text` has a line of only whitespace after its first line.
fn holds_blank_line(text: &str) -> bool {
    text.split('\n').skip(1).any(|line| line.trim().is_empty())
}

/// `html` (a raw HTML block as the renderer receives it) with the comments [`clean`] left
/// in it blanked, at the same length so offsets into it stay valid.
pub fn blank_comments(html: &str) -> Cow<'_, str> {
    let Some(first) = html.find("<!--") else {
        return Cow::Borrowed(html);
    };
    let mut out = html.as_bytes().to_vec();
    let mut at = first;
    while let Some(open) = html[at..].find("<!--").map(|k| at + k) {
        let end = html[open..]
            .find("-->")
            .map_or(html.len(), |e| open + e + 3);
        for b in &mut out[open..end] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
        at = end;
    }
    Cow::Owned(String::from_utf8(out).expect("whole characters replaced by ASCII spaces"))
}

/// A raw HTML block: where it is, and where its first line ends.
struct HtmlBlock {
    range: Range<usize>,
    first_line_end: usize,
}

/// What [`clean`] learns from one parse of the body.
#[derive(Default)]
struct Parsed {
    /// Byte ranges of code spans and code blocks, sorted.
    code: Vec<Range<usize>>,
    /// Raw HTML blocks, sorted.
    html: Vec<HtmlBlock>,
    /// Top-level blocks, with a bullet list's marker (only when MkDocs blocks are looked
    /// for: [`choose_markers`]).
    blocks: Vec<(Range<usize>, Option<u8>)>,
}

/// Parses the body for [`Parsed`]; `blocks` also records raw HTML and top-level blocks.
fn parse(body: &str, blocks: bool) -> Parsed {
    let mut out = Parsed::default();
    let mut depth = 0usize;
    for (event, range) in
        Parser::new_ext(body, crate::dialects::options_for(body)).into_offset_iter()
    {
        if let Event::Start(Tag::HtmlBlock) = event {
            let first_line_end = memchr::memchr(b'\n', &body.as_bytes()[range.clone()])
                .map_or(range.end, |n| range.start + n);
            out.html.push(HtmlBlock {
                range: range.clone(),
                first_line_end,
            });
        }
        if blocks {
            match &event {
                Event::Start(tag) => {
                    if depth == 0 {
                        let bullet = matches!(tag, Tag::List(None))
                            .then(|| body[range.start..].trim_start_matches(' ').bytes().next())
                            .flatten();
                        out.blocks.push((range.clone(), bullet));
                    }
                    depth += 1;
                }
                Event::End(_) => depth = depth.saturating_sub(1),
                Event::Rule if depth == 0 => out.blocks.push((range.clone(), None)),
                _ => {}
            }
        }
        if let Event::Code(_) | Event::Start(Tag::CodeBlock(_)) = event {
            if out.code.last().is_some_and(|l| l.end > range.start) {
                continue;
            }
            out.code.push(range);
        }
    }
    out
}
