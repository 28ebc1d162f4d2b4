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

use super::found::{Drawn, Kind, Leftover, Role};
use super::myst::myst_name;
use pulldown_cmark::{Event, Parser, Tag};
use std::borrow::Cow;
use std::collections::HashMap;
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

/// Python-Markdown abbreviation definitions, `*[ABBR]: what it stands for` alone on a line
/// (code is told apart by the caller).
fn abbreviation_lines(body: &str) -> Vec<Leftover> {
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

/// An Obsidian callout's first line, read: the GitHub alert line that replaces it (as
/// long as it, or shorter and padded) and the title to show.
struct ObsidianCallout {
    marker: String,
    title: String,
    /// GitHub's alert with its text begun on the marker's line (`> [!NOTE] Mostly …`): the
    /// length of the marker part (`> [!NOTE] `), which alone is rewritten, to `>[!NOTE]`
    /// and a new quoted line of the same length, so the text stays Markdown in the body.
    text_after: Option<usize>,
}

/// `> [!type]`, `> [!type]- Title` (folded), `> [!type]+ Title`, up to three spaces in.
/// Not the five GitHub alert lines alone (`> [!NOTE]`), which CommonMark reads itself; not
/// a type too short for its GitHub line to fit in its place (`> [!a]`). Text after the
/// marker is the title, as Obsidian (`> [!note] Title`) and VitePress (`> [!TIP] ON CALL`)
/// show it; but when the text runs on into the next line (`continued`: that line starts
/// in lower case, `> [!NOTE] Mostly during a freeze or if` / `> the build is red.`), it is
/// the alert's first sentence, as its author meant on GitHub.
fn obsidian_callout(line: &str, continued: bool) -> Option<ObsidianCallout> {
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
fn continues_in_lower_case(body: &str, end: usize) -> bool {
    body.get(end + 1..)
        .and_then(|next| next.trim_start_matches([' ', '>']).chars().next())
        .is_some_and(char::is_lowercase)
}

/// Obsidian callout lines ([`obsidian_callout`]); code is told apart by the caller.
fn obsidian_callouts(body: &str) -> Vec<Leftover> {
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
fn mkdocstrings_blocks(body: &str) -> Vec<(Leftover, Vec<Range<usize>>)> {
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

/// The inside of a Hugo shortcode, `{{< name args >}}` or `{{% name args %}}` → `name
/// args`, trimmed; `None` for other text.
/// The inside of a Liquid tag that is the whole line (`{% hint style="info" %}` →
/// `hint style="info"`), `{%-` and `-%}` included.
fn liquid_tag(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{%")?.strip_suffix("%}")?;
    Some(inner.trim_start_matches('-').trim_end_matches('-').trim())
}

/// Whether `range` of `body` is a whole line (a shortcode or tag alone on its line).
fn alone_on_line(body: &str, range: &Range<usize>) -> bool {
    let line_start = range.start == 0 || body.as_bytes()[range.start - 1] == b'\n';
    let line_end = body[range.end..].starts_with(['\n', '\r']) || range.end == body.len();
    line_start && line_end
}

/// The value of `key="…"` in a shortcode's or tag's arguments.
fn quoted_attr<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    args.split_once(&format!("{key}=\""))
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(v, _)| v.trim())
}

/// Whether a label can be written back as Markdown (`**label**`) without meaning more.
fn plain_label(t: &str) -> bool {
    !t.is_empty() && !t.contains(['*', '_', '`', '[', ']', '<', '>', '\\', '&', '{', '}'])
}

/// GitBook's block tags that only arrange what is between them, alone on their line: what
/// to write in the line's place (always shorter than it). Tabs (`{% tabs %}`, `{% tab
/// title="macOS" %}`) become each tab's label in bold above its content, as Docusaurus
/// and Hugo tabs are drawn; `{% content-ref %}` (around a link already in the page),
/// `{% code title="…" %}` (around a code block, its title in italics above it) and
/// `{% stepper %}`/`{% step %}` go; `{% embed url="…" %}` is a link to its address.
fn gitbook_line(body: &str, range: Range<usize>) -> Option<String> {
    if !alone_on_line(body, &range) {
        return None;
    }
    let inner = liquid_tag(&body[range])?;
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let attr = |key: &str| quoted_attr(args, key);
    match name {
        "tabs" | "endtabs" | "endtab" | "content-ref" | "endcontent-ref" | "endembed"
        | "endcode" | "stepper" | "endstepper" | "step" | "endstep" => Some(String::new()),
        "tab" => attr("title")
            .filter(|t| plain_label(t))
            .map(|t| format!("**{t}**")),
        "code" => Some(
            attr("title")
                .filter(|t| plain_label(t))
                .map(|t| format!("*{t}*"))
                .unwrap_or_default(),
        ),
        "embed" => attr("url")
            .filter(|u| u.starts_with("https://") && !u.contains(['<', '>', ' ']))
            .map(|u| format!("<{u}>")),
        _ => None,
    }
}

fn shortcode(text: &str) -> Option<&str> {
    let inner = text
        .strip_prefix("{{<")
        .and_then(|t| t.strip_suffix(">}}"))
        .or_else(|| text.strip_prefix("{{%").and_then(|t| t.strip_suffix("%}}")))?;
    Some(inner.trim())
}

/// A Hugo cross-reference as a link's destination, `[x]({{< ref "setup.md" >}})` (or
/// `relref`, or `{{% … %}}`), as the destination to write in its place: `<setup.md>`,
/// which orgbook resolves like any link (the shortcode's own range is at least as long,
/// so offsets hold). Anywhere else a shortcode stays a reported leftover.
fn hugo_ref(body: &str, range: Range<usize>) -> Option<String> {
    if !body[..range.start].ends_with("](") || !body[range.end..].starts_with(')') {
        return None;
    }
    hugo_ref_target(&body[range]).map(|path| format!("<{path}>"))
}

/// The path a Hugo cross-reference names: `{{< ref "setup.md" >}}` (or `relref`, or
/// `{{% … %}}`) → `setup.md`; `None` for any other text.
pub fn hugo_ref_target(shortcode_text: &str) -> Option<&str> {
    let inner = shortcode(shortcode_text)?;
    let path = inner
        .strip_prefix("relref")
        .or_else(|| inner.strip_prefix("ref"))?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')?;
    (!path.is_empty() && !path.contains(['"', '<', '>', '\\', '\n'])).then_some(path)
}

/// A link's address written with Liquid, as a link's destination (`[x](…)`, `![x](…)`) or
/// an HTML attribute's value (`href="…"`, `src="…"`): Jekyll's `{% link guide/setup.md %}`
/// and `{% post_url 2024-03-04-new-office %}` (the post, `/_posts/2024-03-04-new-office`),
/// an Eleventy site's `{% page "/tools/slack/" %}` shortcode (18F's handbook), and the URL
/// filters `{{ "/guide/setup/" | relative_url }}` (`absolute_url`, Eleventy's `url`,
/// `prepend: site.baseurl`). Each names a path from the site's root, which is `content/`
/// once the pages are moved in, so the destination to write in the syntax's place is that
/// path from the top, which resolves and is checked like any link (never longer than the
/// syntax, so offsets hold). A site-root variable before a path (`{{ site.baseurl }}/x`,
/// `{{ site.baseurl }}{% link x.md %}`) is nothing once moved: `Some("")`, to blank. `None`
/// anywhere else, or for a path built from variables, which stays a reported leftover.
fn liquid_link(body: &str, range: Range<usize>) -> Option<String> {
    let (start, end) = (range.start, range.end);
    let syntax = &body[range];
    let after = &body[end..];
    let quote = link_destination_quote(body, start)?;
    let closes = |after: &str| match quote {
        Some(q) => after.starts_with(q),
        None => after.starts_with([')', '#', '?']) || after.starts_with(" \""),
    };
    if site_root_variable(syntax) {
        // Followed by the rest of the path: a `/`, or the tag or filter that writes it.
        let rest = after.starts_with('/') || after.starts_with("{%") || after.starts_with("{{");
        return rest.then(String::new);
    }
    let path = liquid_path(syntax)?;
    if !closes(after) || path.contains(['<', '>', '"', '\'', '\\', '{', '}', '\n']) {
        return None;
    }
    let path = if path.contains("://") || path.starts_with('#') {
        path.to_string()
    } else {
        format!("/{}", path.trim_start_matches('/'))
    };
    let spaced = path.contains(char::is_whitespace) || path.contains(['(', ')']);
    let text = match (spaced, quote) {
        (false, _) | (true, Some(_)) => path,
        // CommonMark's `<…>` holds spaces and parentheses, if it is the whole destination.
        (true, None) if after.starts_with(')') => format!("<{path}>"),
        (true, None) => return None,
    };
    if text.len() > syntax.len() {
        return None;
    }
    // The rest of the address (`#setup`) follows at once: the spaces that keep the
    // offsets go before the path, where CommonMark allows them.
    Some(match quote {
        None if !after.starts_with([')', ' ']) => " ".repeat(syntax.len() - text.len()) + &text,
        _ => text,
    })
}

/// Whether `at` starts a link's destination: after `](`, or after a site-root variable
/// there (`{{ site.url }}{{ site.baseurl }}{% link x.md %}`); `Some(None)`. In an HTML
/// attribute's value, `href="…"` or `src='…'`: `Some(Some(quote))`.
fn link_destination_quote(body: &str, at: usize) -> Option<Option<char>> {
    let mut before = &body[..at];
    // At most two variables before the path: no walk back over a line of expressions.
    for _ in 0..3 {
        if before.ends_with("](") {
            return Some(None);
        }
        for (attr, q) in [
            ("href=\"", '"'),
            ("src=\"", '"'),
            ("href='", '\''),
            ("src='", '\''),
        ] {
            if before.ends_with(attr) {
                return Some(Some(q));
            }
        }
        let open = before
            .strip_suffix("}}")
            .and_then(|b| b.get(b.len().saturating_sub(40)..))
            .and_then(|tail| tail.rfind("{{").map(|k| before.len() - 2 - tail.len() + k))?;
        if !site_root_variable(&before[open..]) {
            return None;
        }
        before = &before[..open];
    }
    None
}

/// Whether an expression is the site's root address, Jekyll's `{{ site.baseurl }}` or
/// `{{ site.url }}` (without a filter), which is empty once the pages are moved in.
fn site_root_variable(expression: &str) -> bool {
    let Some(inner) = expression
        .strip_prefix("{{")
        .and_then(|e| e.strip_suffix("}}"))
    else {
        return false;
    };
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    matches!(inner, "site.baseurl" | "site.url")
}

/// The path a Liquid link tag or URL filter names, as written: `guide/setup.md` for
/// `{% link guide/setup.md %}`, `/tools/slack/` for `{% page "/tools/slack/" %}` or
/// `{{ "/tools/slack/" | relative_url }}`, `_posts/2024-03-04-x` for `{% post_url
/// 2024-03-04-x %}`. `None` for any other tag or expression.
fn liquid_path(syntax: &str) -> Option<String> {
    let unquote = |s: &str| -> Option<String> {
        let s = s.trim();
        let inner = s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
        match inner {
            Some(inner) => Some(inner.to_string()),
            // Unquoted, as Jekyll's tags take it: one word, no variable.
            None => {
                (!s.is_empty() && !s.contains(char::is_whitespace) && !s.contains(['"', '\'', '|']))
                    .then(|| s.to_string())
            }
        }
    };
    if let Some(tag) = liquid_tag(syntax) {
        let (name, arg) = tag_name(tag);
        return match name {
            "link" | "page" => unquote(arg).filter(|p| !p.is_empty()),
            "post_url" => unquote(arg)
                .filter(|p| !p.is_empty() && !p.contains(char::is_whitespace))
                .map(|p| format!("_posts/{}", p.trim_start_matches('/'))),
            _ => None,
        };
    }
    let inner = syntax.strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    let (value, filter) = inner.split_once('|')?;
    let filter = filter.trim();
    let known = matches!(filter, "relative_url" | "absolute_url" | "url")
        || filter
            .strip_prefix("prepend:")
            .is_some_and(|v| site_root_variable(&format!("{{{{{}}}}}", v.trim())));
    let value = value.trim();
    (known && (value.starts_with('"') || value.starts_with('\'')))
        .then(|| unquote(value))
        .flatten()
}

/// A Hugo tabs shortcode alone on its line (the Book theme's `{{< tabs "id" >}}`, `{{< tab
/// "macOS" >}}`, `{{< /tab >}}`, `{{< /tabs >}}`; Docsy's `{{< tabpane >}}` and `{{% tab
/// header="macOS" %}}`): what to write in its place, the tab's label in bold (`**macOS**`,
/// always shorter than the line) or nothing, so each tab's content is shown under its label
/// as Docusaurus tabs are (load/mdx.rs).
fn hugo_tab(body: &str, range: Range<usize>) -> Option<String> {
    if !alone_on_line(body, &range) {
        return None;
    }
    let inner = shortcode(&body[range])?;
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    match name {
        "tabs" | "/tabs" | "/tab" | "tabpane" | "/tabpane" => Some(String::new()),
        "tab" => {
            let args = args.trim();
            let label = quoted_attr(args, "header")
                .or_else(|| args.strip_prefix('"')?.split_once('"').map(|(l, _)| l))?
                .trim();
            plain_label(label).then(|| format!("**{label}**"))
        }
        _ => None,
    }
}

/// A code block Jekyll or Hugo writes with a tag of its own, each tag alone on its line:
/// `{% highlight ruby linenos %}` … `{% endhighlight %}`, or
/// `{{< highlight go "linenos=table" >}}` … `{{< /highlight >}}`; and a Mermaid diagram
/// written as Hugo themes (`{{< mermaid >}}` … `{{< /mermaid >}}`), jekyll-mermaid
/// (`{% mermaid %}` … `{% endmermaid %}`) or an Azure DevOps wiki (`::: mermaid` … `:::`)
/// write it. Its opening line is written as a fence in its language (```` ```ruby ````,
/// ```` ```mermaid ````, never longer than the tag), its closing line as ```` ``` ````, and
/// the lines between are code: never scanned for template syntax (a Mermaid hexagon,
/// `{{Alerting}}`, is not a Liquid expression).
struct HighlightBlock {
    open: Range<usize>,
    close: Range<usize>,
    lang: String,
}

/// The highlight blocks of `body` (see [`HighlightBlock`]), in order; one never closed is
/// not one.
fn highlight_blocks(body: &str) -> Vec<HighlightBlock> {
    let mut out: Vec<HighlightBlock> = Vec::new();
    let words = crate::finder!(b"highlight")
        .find_iter(body.as_bytes())
        .chain(crate::finder!(b"mermaid").find_iter(body.as_bytes()))
        .chain(crate::finder!(b"{math}").find_iter(body.as_bytes()));
    let mut words: Vec<usize> = words.collect();
    words.sort_unstable();
    // The start of each word's line, found scanning back only as far as the previous
    // word: a page that is one long line of them is read once, not once per word.
    let mut starts: Vec<usize> = Vec::new();
    let mut scanned = 0;
    let mut line_start = 0;
    for at in words {
        if let Some(n) = memchr::memrchr(b'\n', &body.as_bytes()[scanned..at]) {
            line_start = scanned + n + 1;
        }
        scanned = at;
        if starts.last() != Some(&line_start) {
            starts.push(line_start);
        }
    }
    // Closers looked for up to the end of the body and not found: none is after any later
    // opener either, so a page of unclosed tags is scanned once, not once per tag.
    let mut never_closed: Vec<&[&str]> = Vec::new();
    for start in starts {
        if out.last().is_some_and(|b| start < b.close.end) {
            continue;
        }
        let end = body[start..].find('\n').map_or(body.len(), |n| start + n);
        let line = body[start..end].trim_end_matches('\r');
        let open = start..start + line.len();
        let (lang, closer): (&str, &[&str]) = if let Some(inner) = liquid_tag(line) {
            match tag_name(inner) {
                ("highlight", args) => (args, &["endhighlight"]),
                ("mermaid", _) => ("mermaid", &["endmermaid"]),
                _ => continue,
            }
        } else if let Some(inner) = shortcode(line) {
            match tag_name(inner) {
                ("highlight", args) => (args, &["/highlight"]),
                ("mermaid", _) => ("mermaid", &["/mermaid"]),
                _ => continue,
            }
        } else if let Some(rest) = line.strip_prefix(":::") {
            // Azure DevOps's `::: mermaid`; MyST's colon fences of a diagram or a formula,
            // which its code fences write the same (```` ```{math} ````, options and all).
            match rest.trim() {
                "mermaid" => ("mermaid", &[":::"]),
                directive @ ("{mermaid}" | "{math}") => (directive, &[":::"]),
                _ => continue,
            }
        } else {
            continue;
        };
        if never_closed.contains(&closer) {
            continue;
        }
        let lang = lang
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches('"');
        let myst = lang.starts_with('{');
        if !myst
            && !lang
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-_.#".contains(&b))
        {
            continue;
        }
        let mut line_start = end + 1;
        while line_start < body.len() {
            let line_end = body[line_start..]
                .find('\n')
                .map_or(body.len(), |n| line_start + n);
            let text = body[line_start..line_end].trim_end_matches('\r');
            let tag = liquid_tag(text)
                .or_else(|| shortcode(text))
                .or_else(|| (text.trim_end() == ":::").then_some(":::"));
            if tag.is_some_and(|t| closer.contains(&t)) {
                out.push(HighlightBlock {
                    open: open.clone(),
                    close: line_start..line_start + text.len(),
                    lang: lang.to_string(),
                });
                break;
            }
            line_start = line_end + 1;
        }
        if line_start >= body.len() {
            never_closed.push(closer);
        }
    }
    out
}

/// A tag's name and what follows it: `highlight ruby linenos` → (`highlight`,
/// `ruby linenos`), `mermaid class="x"` → (`mermaid`, `class="x"`).
fn tag_name(inner: &str) -> (&str, &str) {
    inner.split_once(char::is_whitespace).unwrap_or((inner, ""))
}

/// GitLab's handbook shortcode `{{< member-by-name "Nell Arden" >}}` (in a team page's
/// table of stable counterparts), which draws the person from the handbook's data files,
/// as the name it names: the person stays on the page where their profile cannot.
/// `None` for another shortcode, or a name that would mean more as Markdown.
fn handbook_member(body: &str, range: Range<usize>) -> Option<String> {
    let inner = shortcode(&body[range])?;
    let name = inner
        .strip_prefix("member-by-name")?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')?
        .trim();
    (plain_label(name) && !name.contains('"')).then(|| name.to_string())
}

/// Hugo's built-in `figure` shortcode alone on its line, `{{< figure src="org.png" alt="…"
/// caption="…" >}}`, as the Markdown to write in its place: the image and its caption in
/// italics beside it (`![alt](org.png) *caption*`, never longer than the shortcode).
/// Quarto's `{{< video https://… title="…" >}}` is a link to the video, titled by its
/// `title` (else the address itself), as a link fits where the shortcode was and
/// needs no player the page's HTML policy may refuse.
/// `None` for another shortcode, or a figure whose values would need escaping. (Hugo's
/// embeds, `{{< youtube id >}}` and the like, stay reported: their addresses are longer
/// than the shortcode, so no link fits in its place.)
fn hugo_builtin(body: &str, range: Range<usize>) -> Option<String> {
    if !alone_on_line(body, &range) {
        return None;
    }
    let len = range.len();
    let inner = shortcode(&body[range])?;
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let text = match name {
        "figure" => {
            let src = quoted_attr(args, "src").filter(|s| {
                !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || "()<>\\".contains(c))
            })?;
            let text = |key| quoted_attr(args, key).filter(|t| !t.is_empty());
            let alt = text("alt").or_else(|| text("title")).unwrap_or("");
            if !alt.is_empty() && !plain_label(alt) {
                return None;
            }
            let caption =
                text("caption").or_else(|| text("title").filter(|_| text("alt").is_some()));
            match caption {
                Some(c) if plain_label(c) => format!("![{alt}]({src}) *{c}*"),
                Some(_) => return None,
                None => format!("![{alt}]({src})"),
            }
        }
        "video" => {
            let first = args.split_whitespace().next()?;
            let src = match quoted_attr(args, "src") {
                Some(src) => src,
                // An address may hold `=` (`watch?v=…`); an argument is `key="…"`.
                None if !first.contains("=\"") => first.trim_matches(['"', '\'']),
                None => return None,
            };
            if src.is_empty()
                || src.contains(|c: char| c.is_whitespace() || "()<>\\\"'".contains(c))
            {
                return None;
            }
            let web = src.starts_with("https://") || src.starts_with("http://");
            match quoted_attr(args, "title").filter(|t| plain_label(t)) {
                Some(title) => format!("[{title}]({src})"),
                None if web => format!("<{src}>"),
                None => format!("[Video]({src})"),
            }
        }
        _ => return None,
    };
    (text.len() <= len).then_some(text)
}

/// Python-Markdown (MkDocs) lines at the start of a line: admonitions (`!!!`, `???`,
/// `???+` and a type), Material's content tabs (`=== "Title"`), snippet includes
/// (`--8<--`) and the `[TOC]` marker (which orgbook's own table of contents replaces), over
/// the line without its break (and its indent). An admonition or tab that can be drawn
/// ([`drawable_body`]) is a [`Kind::MkDocsBlock`]; other admonitions, snippets and `[TOC]`
/// are [`Kind::MkDocs`] (an undrawable tab is left as text, as before tabs were drawn).
/// Found only in bodies that hold one of the markers at all.
///
/// Lines are looked for at the start of a line and, nested, at the body's column (4 more)
/// of a drawable block, outside fenced code in that body: each comes with where its
/// parent's marker is, and counts only if the parent is drawn (else its line is code).
/// An Azure DevOps wiki's mention, `@<Jane Doe>` (or `@<` and a user's id `>`), the
/// `<…>` part starting at `at`: its end. To CommonMark the brackets are an HTML tag
/// (`<Jane Doe>`), which the sanitizer drops with the name; written as `@Jane Doe` it reads
/// as the wiki shows it. Only a name with a space, or an id, is one: `@<b>` stays a tag.
fn azure_mention(body: &str, at: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    if at == 0 || bytes[at - 1] != b'@' || bytes.get(at) != Some(&b'<') {
        return None;
    }
    let len = bytes[at + 1..].iter().take(101).position(|&b| b == b'>')?;
    let name = &body[at + 1..at + 1 + len];
    let plain = !name.is_empty()
        && !name.contains(['<', '\n', '"', '\'', '=', ':', '/'])
        && name.trim() == name;
    let person = name.contains(' ') && name.starts_with(|c: char| c.is_alphabetic());
    let id = name.len() == 36
        && name.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        && name.bytes().filter(|&b| b == b'-').count() == 4;
    (plain && (person || id)).then_some(at + 2 + len)
}

/// Lines that ask for a table of contents: MkDocs's, an Azure DevOps wiki's contents
/// and sub-pages macros, and VitePress's (markdown-it's) `[[toc]]`.
const TOC_LINES: &[&str] = &["[TOC]", "[[_TOC_]]", "[[_TOSP_]]", "[[toc]]"];

fn mkdocs_lines(body: &str) -> Vec<(Leftover, Option<usize>)> {
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
const MARKER: &str = "+\t";

/// An admonition (`!!! note "Title"`, `??? tip`, `???+ danger ""`) or content tab
/// (`=== "Title"`, `===! …`, `===+ …`) line as Python-Markdown's extensions read it: how
/// it is drawn, its callout kind and its title — the quoted one (empty: none), else the
/// type capitalised, as MkDocs shows it. Words between the type and the title are extra
/// classes there, ignored here.
fn mkdocs_block(text: &str) -> Option<(Drawn, pulldown_cmark::BlockQuoteKind, String)> {
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
fn capitalise(word: &str) -> String {
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
fn drawable_body(after: &[&str], column: usize) -> bool {
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
fn indent_columns(line: &str) -> usize {
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
fn choose_markers(out: &mut [u8], starts: &[usize], blocks: &[(Range<usize>, Option<u8>)]) {
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
/// [`Kind::CalloutEnd`] leftovers over those lines (without their line breaks). VitePress
/// writes the same with a space (`::: tip Title`) and adds `::: details Title`, drawn as a
/// `<details>` element, as HackMD's `:::spoiler Title` is. Admonitions nest (Docusaurus opens the outer one with more colons,
/// `::::note`): a closing line closes the innermost one open. Only pairs are returned; the
/// caller keeps those outside code. A MyST colon fence (`:::{note}`) is not one of them,
/// and other names (`:::custom`) are left as written but still pair with their closing
/// line, so they do not close an admonition around them; a `:::backlinks` block is
/// returned whole with the lines that go.
fn docusaurus_admonitions(body: &str) -> (Vec<Leftover>, Vec<Range<usize>>) {
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
fn vuepress_tab_title(named: &str) -> Option<&str> {
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
fn title_heading(body: &str, end: usize) -> Option<(Range<usize>, String)> {
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
fn docsify_callouts(body: &str) -> Vec<Leftover> {
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
fn callout_kind(name: &str, args: &str) -> Option<pulldown_cmark::BlockQuoteKind> {
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
fn component_callouts(body: &str, mdx: bool) -> Vec<Leftover> {
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
fn one_line_callouts(body: &str, at: usize, end: usize) -> Option<[Leftover; 2]> {
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
fn one_line_wrappers(body: &str, at: usize, end: usize) -> Option<[Leftover; 2]> {
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
    inner: I,
    tags: std::vec::IntoIter<Range<usize>>,
    next: Option<Range<usize>>,
    in_heading: bool,
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

/// Hugo themes' callout shortcodes, each on a line of its own at the start of the line
/// and outside fenced code, paired innermost first like Docusaurus admonitions: the Book
/// theme's `{{< hint info >}}` … `{{< /hint >}}` (`info`, `warning`, `danger`, or none),
/// Docsy's `{{% alert title="Note" color="warning" %}}` … `{{% /alert %}}` and
/// `{{< details "Title" >}}` … `{{< /details >}}` (a `<details>`), the `{{% note %}}`,
/// `{{% tip %}}`, `{{% info %}}` and `{{% warning %}}` of GitLab's handbook theme and
/// others, and Relearn's `{{% notice tip "Title" %}}`. Shortcodes written
/// inline, unclosed or of other names stay reported leftovers.
fn hugo_admonitions(body: &str) -> Vec<Leftover> {
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

/// Which lines are inside fenced code blocks (```` ``` ```` or `~~~`, opened at most 3
/// spaces in), asked in order of position: a line scan ahead of the Markdown parse, which
/// needs the admonitions first. Fences inside lists and quotes are not followed; no
/// admonition line sits in those.
struct Fences<'a> {
    body: &'a str,
    /// Where the scan has reached (the start of a line).
    pos: usize,
    /// The open fence: its character and length.
    open: Option<(u8, usize)>,
}

impl<'a> Fences<'a> {
    fn new(body: &'a str) -> Self {
        Fences {
            body,
            pos: 0,
            open: None,
        }
    }

    /// Whether the line starting at `at` (at or after the last one asked about) is inside
    /// a fenced code block.
    fn inside(&mut self, at: usize) -> bool {
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

/// MyST (Sphinx Markdown) target lines, `(label)=` alone on a line, each without its line
/// break. In Sphinx they name the next heading for cross-references and show nothing; left
/// in, one before the first heading would also keep that heading from being the title.
fn myst_targets(body: &str) -> Vec<Range<usize>> {
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
fn myst_comments(body: &str) -> Vec<Range<usize>> {
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
fn quarto_section_ids(body: &str) -> Vec<(String, String, String)> {
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

/// One ERB tag (`<%= x %>`, `<% x %>`, `<%# x %>`, `<%- x -%>`).
struct ErbTag<'b> {
    /// From `<%` to `%>`.
    range: Range<usize>,
    /// The Ruby inside, without the tag's markers.
    code: &'b str,
    comment: bool,
    /// `<%=`: its value is written into the page.
    output: bool,
}

/// The ERB tag starting at `at` (at a `<%`), closed on its line. `<%%` is ERB's escape for
/// a literal `<%`, not a tag; a `<%` with no `%>` after it on its line is text (`<%5`).
fn erb_tag(body: &str, at: usize) -> Option<ErbTag<'_>> {
    let rest = body.get(at..)?;
    let after = rest.strip_prefix("<%")?;
    // `<%%` is not a tag, nor is `<%` before other text (`<%5`): ERB's own tags start
    // `<%=`, `<%-`, `<%#` or `<%` and a space.
    if !after.starts_with(['=', '-', '#', ' ', '\t']) {
        return None;
    }
    let line = &after[..after.find('\n').unwrap_or(after.len())];
    let close = line.find("%>").filter(|&c| c <= MAX_TAG)?;
    let inner = &after[..close];
    let comment = inner.starts_with('#');
    let output = inner.starts_with('=');
    let code = inner
        .trim_start_matches(['=', '-', '#'])
        .trim_end_matches(['-', '='])
        .trim();
    Some(ErbTag {
        range: at..at + 2 + close + 2,
        code,
        comment,
        output,
    })
}

/// Whether the Ruby of a tag opens a block its `<% end %>` closes: `x.each do |r|`,
/// `content_for :sidebar do`, `if x`, `unless x`, `case x` and the other keywords that
/// take an `end` (a trailing `if`, `x = 1 if y`, does not).
fn erb_opens(code: &str) -> bool {
    let first = code
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .next();
    if matches!(
        first,
        Some("if" | "unless" | "case" | "while" | "until" | "for" | "begin")
    ) {
        return true;
    }
    // `do` last, or `do |resource|`.
    let without_params = match code.strip_suffix('|').and_then(|c| c.rfind("do |")) {
        Some(at) => &code[..at + 2],
        None => code,
    };
    without_params == "do" || without_params.ends_with(" do") || without_params.ends_with(")do")
}

/// Whether the Ruby of a tag closes a block (`end`, `end.join`, `end -`).
fn erb_closes(code: &str) -> bool {
    code.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
        .next()
        .is_some_and(|w| w == "end")
}

/// Every ERB block of `body` outside code: where its opening tag starts → its closing
/// tag (`<% end %>`), blocks inside it paired first. One pass for the whole body, so a
/// file of unclosed blocks costs no scan to its end for each. An `end` with no block
/// open, or a block never closed, pairs with nothing.
fn erb_blocks(body: &str, in_code: impl Fn(usize) -> bool) -> HashMap<usize, Range<usize>> {
    let mut blocks = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut at = 0;
    while let Some(k) = body.get(at..).and_then(|r| r.find("<%")) {
        let k = at + k;
        let Some(tag) = erb_tag(body, k).filter(|t| !t.comment && !in_code(k)) else {
            at = k + 2;
            continue;
        };
        at = tag.range.end;
        if erb_closes(tag.code) {
            if let Some(start) = open.pop() {
                blocks.insert(start, tag.range);
            }
        } else if erb_opens(tag.code) {
            open.push(k);
        }
    }
    blocks
}

/// The line of a heading that is only the page's title as Middleman writes it,
/// `# <%= current_page.data.title %>` (the tech docs template's first line of every page),
/// without its line break.
fn erb_title_heading(body: &str, tag: &ErbTag) -> Option<Range<usize>> {
    let title = matches!(
        tag.code,
        "current_page.data.title"
            | "current_page.data[:title]"
            | "current_page.data['title']"
            | "current_page.data[\"title\"]"
    );
    if !(tag.output && title) {
        return None;
    }
    let start = body[..tag.range.start].rfind('\n').map_or(0, |n| n + 1);
    let prefix = body[start..tag.range.start].trim_start_matches(' ');
    let hashes = prefix.len() - prefix.trim_start_matches('#').len();
    let heading =
        (1..=6).contains(&hashes) && prefix[hashes..].trim().is_empty() && prefix.len() > hashes;
    let end = body[tag.range.end..]
        .find('\n')
        .map_or(body.len(), |n| tag.range.end + n);
    let after = body[tag.range.end..end].trim_end_matches('\r');
    (heading && after.trim().trim_end_matches('#').trim().is_empty()).then_some(start..end)
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
    fn comments_below_an_html_blocks_first_line_stay_for_the_renderer() {
        let body = "<div>\n  <!-- kept -->\n    <p>x</p>\n  <!-- also\n  kept -->\n</div>\n\n\
                    <div> <!-- first line -->\n\n<!-- own block -->\n\n<div>\n<!-- a\n\nblank line -->\n</div>\n";
        let (out, _) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(out.contains("<!-- kept -->") && out.contains("<!-- also\n  kept -->"));
        for gone in ["first line", "own block", "blank line"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        let blanked = blank_comments(&out);
        assert_eq!(blanked.len(), body.len());
        assert!(!blanked.contains("<!--") && !blanked.contains("kept"));
        assert_eq!(blanked.lines().count(), body.lines().count());
        assert_eq!(blank_comments("<p>x</p><!-- open"), "<p>x</p>         ");
        assert!(matches!(blank_comments("<p>x</p>"), Cow::Borrowed(_)));
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

    /// Middleman's ERB (GOV.UK tech docs pages): tags and whole blocks are blanked and
    /// reported once each, the title heading and comments blanked silently, code kept.
    #[test]
    fn erb_tags_and_blocks_are_left_out_and_reported_outside_code() {
        let body = "<% content_for :sidebar do %>\n<ul>\n  <% if x %><li>a</li><% end %>\n</ul>\n<% end %>\n\n\
            # <%= current_page.data.title %>\n\n\
            Text <%= partial 'partials/banner' %> and <%# a note %>.\n\n\
            <a href=\"<%= config[:tech_docs][:host] %>/x.html\">x</a>\n\n\
            ```\n# <%%= current_page.data.title %>\n<%= in_code %>\n```\n\n\
            `<% inline code %>` 5 <%5 of 10%>\n\n\
            <% items.each do |i| %>\n<%= i %>\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert_eq!(out.lines().count(), body.lines().count());
        let shown: Vec<(&str, Kind)> = found
            .iter()
            .map(|f| (f.construct.as_str(), f.kind))
            .collect();
        let erb = |lines, in_attribute, before_path| Kind::Erb {
            lines,
            in_attribute,
            before_path,
        };
        assert_eq!(
            shown,
            [
                (
                    "<% content_for :sidebar do %> … <% end %>",
                    erb(5, false, false)
                ),
                ("<%= partial 'partials/banner' %>", erb(0, false, false)),
                ("<%= config[:tech_docs][:host] %>", erb(0, true, true)),
                // Unclosed: the tag alone, then what is in it.
                ("<% items.each do |i| %>", erb(0, false, false)),
                ("<%= i %>", erb(0, false, false)),
            ]
        );
        assert_eq!(
            &body[found[0].range.clone()].lines().last(),
            &Some("<% end %>")
        );
        assert!(!out.contains("content_for") && !out.contains("<li>"));
        assert!(!out.contains("current_page.data.title %>\n\nText"));
        assert!(out.contains("\n \n") || out.contains("\n\n"));
        assert!(!out.contains("partial") && !out.contains("a note"));
        assert!(out.contains("href=\"") && out.contains("/x.html\""));
        // In code as written, ERB's escape included; a lone `<%` is text.
        assert!(out.contains("```\n# <%%= current_page.data.title %>\n<%= in_code %>\n```"));
        assert!(out.contains("`<% inline code %>` 5 <%5 of 10%>"));
        // The title heading's line is blank: no heading left.
        let title_line = out.lines().nth(6).unwrap();
        assert!(title_line.trim().is_empty(), "{title_line:?}");
    }

    #[test]
    fn erb_openers_and_closers() {
        for code in [
            "content_for :sidebar do",
            "sitemap.resources.each do |resource|",
            "items.select { |r| r.ok }.each do |page|",
            "if resource.options[:layout].eql? \"withdrawn\"",
            "unless x",
        ] {
            assert!(erb_opens(code), "{code}");
        }
        for code in ["x = 1 if y", "partial 'x'", "redo", "end", "done"] {
            assert!(!erb_opens(code), "{code}");
        }
        assert!(erb_closes("end") && erb_closes("end.join") && !erb_closes("endpoint"));
        // Many unclosed blocks: each looks a bounded way ahead.
        let body = "<% if x %>\n".repeat(50_000);
        let ((_, found), took) = crate::cpu_time::cpu_time_of(|| clean(&body));
        assert_eq!(found.len(), 50_000);
        assert!(took.as_secs() < 20);
    }

    #[test]
    fn multibyte_text_in_comments_stays_valid() {
        let (out, _) = clean("<!-- Zürich -->ä");
        assert_eq!(out, format!("{}ä", " ".repeat("<!-- Zürich -->".len())));
    }

    #[test]
    fn unclosed_tags_stay_linear() {
        let body = format!("{}\n{}", "{% ".repeat(200_000), "{{ ".repeat(200_000));
        let ((_, found), took) = crate::cpu_time::cpu_time_of(|| clean(&body));
        assert!(found.is_empty());
        // Linear: milliseconds even unoptimised; quadratic took minutes.
        assert!(took < std::time::Duration::from_secs(10));
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
            let whole = parse(body, false).code;
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
    fn gitbook_blocks_are_drawn_and_their_lines_removed() {
        let body = "{% hint style=\"success\" %}\nDone.\n{% endhint %}\n\n{% tabs %}\n{% tab title=\"macOS\" %}\nbrew\n{% endtab %}\n{% endtabs %}\n\n{% embed url=\"https://example.com/v\" %}\n{% endembed %}\n{% code title=\"app.py\" %}\n```python\nx = 1\n```\n{% endcode %}\n{% unknown %}\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        let kinds: Vec<String> = found
            .iter()
            .map(|f| format!("{:?}:{}", f.kind, f.construct))
            .collect();
        assert_eq!(
            kinds,
            [
                "Callout { kind: Tip, next_block_only: false, details: false }:",
                "CalloutEnd:",
                "Template:{% unknown %}"
            ]
        );
        for gone in [
            "{% tabs", "{% tab ", "endtab", "endembed", "{% code", "endcode",
        ] {
            assert!(!out.contains(gone), "{gone} in {out:?}");
        }
        assert!(out.contains("**macOS**") && out.contains("<https://example.com/v>"));
        assert!(
            out.contains("*app.py*  ") && out.contains("\n```python\n"),
            "{out:?}"
        );
    }

    #[test]
    fn obsidian_callout_lines_become_github_alert_lines_in_place() {
        let c = |l: &str| obsidian_callout(l, false).map(|c| (c.marker, c.title));
        let pair = |m: &str, t: &str| Some((m.to_string(), t.to_string()));
        assert_eq!(
            c("> [!info] Who keeps this"),
            pair(">[!NOTE]", "Who keeps this")
        );
        assert_eq!(c("> [!faq]-"), pair(">[!NOTE]", "Faq"));
        assert_eq!(
            c("  > [!warning]+ Careful"),
            pair("  >[!WARNING]", "Careful")
        );
        assert_eq!(c("> [!danger]"), pair(">[!CAUTION]", "Danger"));
        assert_eq!(c(">[!tip] Short"), pair(">[!TIP]", "Short"));
        // GitHub's own lines are CommonMark's; too short a type, text after, code: no.
        assert_eq!(c("> [!NOTE]"), None);
        assert_eq!(c("> [!a]"), None);
        assert_eq!(c("> [!info]x"), None);
        assert_eq!(c("    > [!info] Title"), None);
        let body = "> [!info] Title\n> Body.\n\n```\n> [!info] In code\n```\n";
        let (out, found) = clean(body);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].kind, Kind::AlertTitle);
        assert_eq!(found[0].construct, "Title");
        assert_eq!(out.len(), body.len());
        assert!(out.starts_with(">[!NOTE]       \n> Body."), "{out:?}");
        assert!(out.contains("> [!info] In code"), "{out:?}");
    }

    /// GitHub's way (`> [!NOTE] Text` running on into the next line): the text is the
    /// alert's first sentence, and stays Markdown where it was; Obsidian's lower case
    /// keeps its title, and so does a line whose next starts a sentence (VitePress).
    #[test]
    fn text_after_an_upper_case_github_alert_is_its_body() {
        let body = "> [!NOTE] Mostly during a **freeze** or if\n> the build is red.\n";
        let (out, found) = clean(body);
        assert_eq!(
            out,
            ">[!NOTE]\n>Mostly during a **freeze** or if\n> the build is red.\n"
        );
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].kind, found[0].construct.as_str()),
            (Kind::AlertTitle, "")
        );
        assert_eq!(found[0].range, 0..10);
        let c = |l: &str, continued| {
            obsidian_callout(l, continued).map(|c| (c.marker, c.title, c.text_after))
        };
        assert_eq!(
            c("  > [!WARNING] Careful", true),
            Some(("  >[!WARNING]\n>".to_string(), String::new(), Some(15)))
        );
        assert_eq!(
            c("> [!note] A title", true),
            Some((">[!NOTE]".to_string(), "A title".to_string(), None))
        );
        // VitePress: text after the marker, then a sentence of its own, is a title.
        assert_eq!(
            c("> [!TIP] ON CALL", false),
            Some((">[!TIP]".to_string(), "ON CALL".to_string(), None))
        );
        let (out, found) = clean("> [!IMPORTANT] P1 ISSUES\n> Page the on-call engineer.\n");
        assert!(out.starts_with(">[!IMPORTANT]"), "{out:?}");
        assert_eq!(found[0].construct, "P1 ISSUES");
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
    fn myst_comment_lines_are_blanked_only_in_myst_pages_and_outside_code() {
        let body = "Text\n% A figure of mountains\n:::{note}\nSee it.\n:::\n\n```\n% kept\n```\n";
        let (out, _) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(
            out.starts_with("Text\n                       \n"),
            "{out:?}"
        );
        assert!(out.contains("% kept"), "{out:?}");
        // A target line makes a page MyST too.
        let (out, _) = clean("(x)=\n% note to self\n# T\n");
        assert!(!out.contains('%'), "{out:?}");
        // Elsewhere a line may start with `%` as prose.
        let body = "Growth was 20\n% over the quarter.\n";
        assert_eq!(clean(body).0, body);
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
                next_block_only: true,
                details: false,
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
    fn jekyll_and_hugo_highlight_blocks_are_fences_and_raw_is_shown_as_written() {
        let body = "{% highlight ruby linenos %}\nputs \"{{ name }}\"\n{% endhighlight %}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n\n{% raw %}\nUse {{ page.title }}.\n{% endraw %}\n\n```\n{% highlight sh %}\nquoted\n{% endhighlight %}\n```\n\n{% highlight python %}\nnever closed\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..12],
            [
                "```ruby",
                "puts \"{{ name }}\"",
                "```",
                "",
                "```go",
                "func main() {}",
                "```",
                "",
                "",
                "Use {{ page.title }}.",
                "",
                ""
            ]
        );
        // Quoted in code it stays; never closed, it is one leftover, as before.
        assert!(out.contains("{% highlight sh %}"), "{out}");
        let names: Vec<&str> = found.iter().map(|f| f.construct.as_str()).collect();
        assert_eq!(names, ["{% highlight python %}"]);
    }

    #[test]
    fn azure_devops_mentions_keep_their_name() {
        let body = "Ask @<Jane Doe> or @<6A5B2C1D-0E9F-4A3B-8C7D-1E2F3A4B5C6D>.\n\nNot @<b>bold</b>, <Jane Doe> or `@<Jane Doe>`, nor @<https://x.example/a b>.\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(
            out.starts_with("Ask @Jane Doe   or @6A5B2C1D-0E9F-4A3B-8C7D-1E2F3A4B5C6D  ."),
            "{out}"
        );
        assert!(
            out.ends_with(
                "Not @<b>bold</b>, <Jane Doe> or `@<Jane Doe>`, nor @<https://x.example/a b>.\n"
            ),
            "{out}"
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn hugo_jekyll_and_azure_devops_diagrams_are_mermaid_fences() {
        let body = "{{< mermaid class=\"center\" >}}\ngraph LR\n  a --> b{{Hexagon}}\n{{< /mermaid >}}\n\n{% mermaid %}\ngraph TD\n  c --> d\n{% endmermaid %}\n\n::: mermaid\ngraph LR\n  e --> f{{Hex}}\n:::\n\n```md\n::: mermaid\nquoted\n:::\n```\n\n:::mermaid\nnever closed\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..15],
            [
                "```mermaid",
                "graph LR",
                "  a --> b{{Hexagon}}",
                "```",
                "",
                "```mermaid",
                "graph TD",
                "  c --> d",
                "```",
                "",
                "```mermaid",
                "graph LR",
                "  e --> f{{Hex}}",
                "```",
                "",
            ]
        );
        // Quoted in code it stays; never closed, it is text.
        assert!(
            out.contains("```md\n::: mermaid\nquoted\n:::\n```"),
            "{out}"
        );
        assert!(out.contains(":::mermaid\nnever closed"), "{out}");
        // A hexagon node is not a Liquid expression.
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn unclosed_diagram_tags_do_not_hide_a_later_closed_one() {
        // Each unclosed `::: mermaid` is looked for once (see `never_closed`); a later
        // block of another kind still closes.
        let unclosed = "::: mermaid\ngraph LR\n".repeat(50);
        let body = format!("{unclosed}{{% mermaid %}}\ngraph TD\n{{% endmermaid %}}\n");
        let (out, found) = clean(&body);
        assert_eq!(out.len(), body.len());
        assert!(
            out.ends_with("```mermaid   \ngraph TD\n```             \n"),
            "{out}"
        );
        assert!(out.starts_with("::: mermaid\n"), "{out}");
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_handbook_member_shortcode_is_the_name() {
        let body =
            "| PM | {{< member-by-name \"Nell Arden\" >}} |\n{{< member-by-name \"A *b*\" >}}\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        assert!(out.starts_with("| PM | Nell Arden"), "{out}");
        assert_eq!(found.len(), 1, "{found:?}");
    }

    #[test]
    fn a_hugo_figure_is_its_image_and_caption() {
        let body = "{{< figure src=\"org.png\" alt=\"Org chart\" caption=\"The org in 2024\" >}}\n\n{{< figure src=\"/img/team.jpg\" title=\"Team\" >}}\n\n{{< figure src=\"x.png\" caption=\"*bold*\" >}}\n\nInline {{< figure src=\"y.png\" >}} stays.\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(lines[0], "![Org chart](org.png) *The org in 2024*");
        assert_eq!(lines[2], "![Team](/img/team.jpg)");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn hugo_tabs_become_their_labels_on_lines_of_their_own() {
        let body = "{{< tabs \"os\" >}}\n{{< tab \"macOS\" >}}\nbrew\n{{< /tab >}}\n{{% tab header=\"Linux\" %}}\napt\n{{% /tab %}}\n{{< /tabs >}}\nInline {{< tab \"x\" >}} stays.\n{{< tab \"*bold*\" >}}\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..8],
            ["", "**macOS**", "brew", "", "**Linux**", "apt", "", ""]
        );
        let reported: Vec<&str> = found.iter().map(|f| &body[f.range.clone()]).collect();
        assert_eq!(reported, ["{{< tab \"x\" >}}", "{{< tab \"*bold*\" >}}"]);
    }

    #[test]
    fn hugo_callout_shortcodes_are_paired_and_others_stay_reported() {
        use pulldown_cmark::BlockQuoteKind as K;
        let body = "{{< hint warning >}}\nA {{< hint info >}} inline.\n\n{{% alert title=\"Careful\" color=\"danger\" %}}\nnested\n{{% /alert %}}\n{{< /hint >}}\n\n```\n{{< hint >}}\n```\n\n{{< details title=\"More\" open=true >}}\nx\n{{< /details >}}\n\n{{< hint bogus >}}\n{{< hint >}}\nnever closed\n";
        let (out, found) = clean(body);
        let callouts: Vec<(String, String, Kind)> = found
            .iter()
            .filter(|f| f.kind != Kind::Template)
            .map(|f| {
                (
                    body[f.range.clone()].to_string(),
                    f.construct.clone(),
                    f.kind,
                )
            })
            .collect();
        let callout = |kind, details| Kind::Callout {
            kind,
            next_block_only: false,
            details,
        };
        assert_eq!(
            callouts,
            [
                (
                    "{{< hint warning >}}".into(),
                    "".into(),
                    callout(K::Warning, false)
                ),
                (
                    "{{% alert title=\"Careful\" color=\"danger\" %}}".into(),
                    "Careful".into(),
                    callout(K::Caution, false)
                ),
                ("{{% /alert %}}".into(), "".into(), Kind::CalloutEnd),
                ("{{< /hint >}}".into(), "".into(), Kind::CalloutEnd),
                (
                    "{{< details title=\"More\" open=true >}}".into(),
                    "More".into(),
                    callout(K::Note, true)
                ),
                ("{{< /details >}}".into(), "".into(), Kind::CalloutEnd),
            ]
        );
        // The inline one, the unknown style and the unclosed one are reported; the one in
        // code is left alone.
        let reported: Vec<&str> = found
            .iter()
            .filter(|f| f.kind == Kind::Template)
            .map(|f| &body[f.range.clone()])
            .collect();
        assert_eq!(
            reported,
            ["{{< hint info >}}", "{{< hint bogus >}}", "{{< hint >}}"]
        );
        assert_eq!(out.len(), body.len());
        assert!(out.contains("```\n{{< hint >}}\n```"), "{out:?}");
        assert!(!out.contains("{{< /hint >}}"), "{out:?}");
    }

    #[test]
    fn callout_components_are_read_from_their_tag_alone() {
        use pulldown_cmark::BlockQuoteKind as K;
        let open = |line| match callout_tag(line) {
            Some(CalloutTag::Open { kind, title, .. }) => Some((kind, title)),
            _ => None,
        };
        assert_eq!(open("<Warning>"), Some((K::Warning, "")));
        assert_eq!(open("<Check>\r"), Some((K::Tip, "")));
        assert_eq!(
            open("<Callout type=\"error\" title=\"Stop\">"),
            Some((K::Caution, "Stop"))
        );
        assert_eq!(open("<Callout emoji={<Bell />}>"), None);
        assert_eq!(open("<Callout type=\"custom\">"), None);
        assert_eq!(open("<Note />"), None);
        assert_eq!(open("<Note>Inline.</Note>"), None);
        assert_eq!(open("<Notebook>"), None);
        assert!(matches!(
            callout_tag("</Tip>"),
            Some(CalloutTag::Close("Tip"))
        ));
        // Paired innermost first; an unclosed one and those in code are not drawn.
        let found = component_callouts(
            "<Tip>\nA\n<Note>\nB\n</Tip>\n\n```\n<Warning>\n</Warning>\n```\n",
            false,
        );
        assert_eq!(
            found.iter().map(|f| f.range.clone()).collect::<Vec<_>>(),
            [0..5, 17..23]
        );
    }

    #[test]
    fn quarto_callout_titles_come_from_their_first_heading() {
        assert_eq!(
            title_heading("::: {.callout-note}\n## Read first ##\nText\n", 19),
            Some((20..36, "Read first".to_string()))
        );
        assert_eq!(
            title_heading("::: {.callout-note}\n### In C# {#sec-c}\n", 19).map(|t| t.1),
            Some("In C#".to_string())
        );
        assert_eq!(title_heading("::: {.callout-note}\nText\n", 19), None);
        assert_eq!(title_heading("::: {.callout-note}\n#hashtag\n", 19), None);
        assert_eq!(title_heading("::: {.callout-note}", 19), None);
    }

    #[test]
    fn docusaurus_admonitions_are_paired_innermost_first_and_kept_out_of_code() {
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
                (":::note".into(), "".into()),
                (":::".into(), "".into()),
                (":::".into(), "".into()),
                (":::{note}".into(), "".into()),
                (":::".into(), "".into()),
                (":::warning Two words".into(), "Two words".into()),
                (":::".into(), "".into()),
            ]
        );
        assert!(matches!(
            found[0].kind,
            Kind::Callout {
                kind: K::Tip,
                next_block_only: false,
                details: false,
            }
        ));
        assert_eq!(found[2].kind, Kind::CalloutEnd);
        // Their lines are blanked; unknown, unclosed and quoted ones are not (a MyST one
        // is drawn by `myst`).
        assert_eq!(out.len(), body.len());
        assert!(
            out.starts_with("                \nA.\n\n       \nnested\n   \n\nB.\n   \n"),
            "{out:?}"
        );
        for kept in [":::danger\nin code", ":::unknown", ":::caution"] {
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
    fn liquid_link_tags_and_url_filters_in_link_destinations_become_the_path() {
        let body = concat!(
            "[a]({% link guide/setup.md %}) [b]({{ \"/guide/\" | relative_url }})\n",
            "[c]({{ site.baseurl }}{% link guide/setup.md %}#install) ",
            "[d]({% page \"/tools/slack/\" %}) ![e]({{ '/img/a b.png' | url }})\n",
            "<a href=\"{{ '/guide/' | absolute_url }}\">f</a> [g]({{ site.baseurl }}/guide/)\n",
            "{% link guide/setup.md %} [h]({% link {{ page.next }} %}) [i]({{ x | relative_url }})\n",
            "[j]({% link équipe/réunions.md %}#ordre-du-jour)\n",
        );
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        for written in [
            "[a](/guide/setup.md ",
            "[b](/guide/ ",
            "[d](/tools/slack/ ",
            "![e](</img/a b.png> ",
            "href=\"/guide/ ",
            "[g](",
        ] {
            assert!(out.contains(written), "{written:?} in {out:?}");
        }
        // A fragment after the tag follows the path at once.
        assert!(out.contains(" /guide/setup.md#install)"), "{out:?}");
        assert!(
            out.contains(" /équipe/réunions.md#ordre-du-jour)"),
            "{out:?}"
        );
        assert!(out.contains("[g](                  /guide/)"), "{out:?}");
        // Outside a link destination, or a path built from variables: a reported leftover.
        let left: Vec<&str> = found.iter().map(|f| &body[f.range.clone()]).collect();
        assert_eq!(
            left,
            [
                "{% link guide/setup.md %}",
                "{% link {{ page.next }} %}",
                "{{ x | relative_url }}"
            ]
        );
    }

    #[test]
    fn liquid_links_never_outgrow_their_syntax() {
        // Every mix of the pieces around a link's destination, multi-byte paths included:
        // the body keeps its length (each rewrite fits its syntax) and nothing panics.
        let pieces = [
            "](",
            ")",
            "#é",
            "{{ site.baseurl }}",
            "{{site.url}}",
            "{% link é/ü.md %}",
            "{% page \"/a b/\" %}",
            "{{ '/ö' | relative_url }}",
            "{% post_url x %}",
            "href=\"",
            "\"",
            " ",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let body = format!("[x{a}{b}{c}{d}\n");
                        assert_eq!(clean(&body).0.len(), body.len(), "{body:?}");
                    }
                }
            }
        }
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
    }

    /// The lines `clean` rewrites (rather than blanks), by line number (from 1), as written
    /// in its output.
    fn rewritten(body: &str) -> (String, Vec<(usize, String)>, Vec<Leftover>) {
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len(), "{out:?}");
        assert_eq!(out.matches('\n').count(), body.matches('\n').count());
        let lines = body
            .split('\n')
            .zip(out.split('\n'))
            .enumerate()
            .filter(|(_, (b, o))| b != o && !o.trim().is_empty())
            .map(|(n, (_, o))| (n + 1, o.to_string()))
            .collect();
        (out.into_owned(), lines, found)
    }

    #[test]
    fn mkdocs_blocks_become_list_items_of_the_same_length() {
        use pulldown_cmark::BlockQuoteKind as K;
        let body = "!!! note \"Who\"\n    Owns it.\n\n    Second paragraph.\n\n    - a list\n\n    ```sh\n    make\n    ```\n\n??? danger \"\"\n\tTabbed.\n???+ tip extra-class \"Open <b>\"\n    Open.\n\n=== \"Linux\"\n    apt\n\n!!! note \"\"\n    Untitled.\n\n!!! warning";
        let (_, lines, found) = rewritten(body);
        let numbers: Vec<usize> = lines.iter().map(|l| l.0).collect();
        assert_eq!(numbers, [1, 12, 14, 17, 20, 23]);
        // Each: a bullet, a tab, then references alone.
        for (_, line) in &lines {
            assert!(line[1..].starts_with("\t&"), "{line:?}");
            assert!(line.ends_with(';') && !line.contains(' '), "{line:?}");
        }
        let drawn: Vec<(String, K, Drawn)> = found
            .iter()
            .map(|f| match f.kind {
                Kind::MkDocsBlock { kind, drawn } => (f.construct.clone(), kind, drawn),
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(
            drawn,
            [
                ("Who".into(), K::Note, Drawn::Callout),
                // A <details> always has a summary.
                ("Danger".into(), K::Caution, Drawn::Details { open: false }),
                ("Open <b>".into(), K::Tip, Drawn::Details { open: true }),
                ("Linux".into(), K::Note, Drawn::Tab),
                ("".into(), K::Note, Drawn::Callout),
                ("Warning".into(), K::Warning, Drawn::Callout),
            ]
        );
        assert_eq!(&body[found[0].range.clone()], "!!! note \"Who\"");
    }

    #[test]
    fn mkdocs_blocks_that_would_not_read_as_written_are_reported() {
        // Text right below the body (a lazy continuation in CommonMark, a paragraph after
        // it in Python-Markdown), a line too short for a marker and a reference, raw HTML
        // around it, code around it.
        let body = "!!! note\n    Body.\nLazy.\n\n!!! note\nLazy.\n\n!!! ab\n    x\n\n<div>\n!!! note\n\n</div>\n\n```\n!!! note\n    x\n```\n\n=== \"Tab\"\n    x\nlazy\n";
        let (_, lines, found) = rewritten(body);
        assert_eq!(lines, []);
        let reported: Vec<(&str, Kind)> = found
            .iter()
            .map(|f| (&body[f.range.clone()], f.kind))
            .collect();
        assert_eq!(
            reported,
            [
                ("!!! note", Kind::MkDocs),
                ("!!! note", Kind::MkDocs),
                ("!!! ab", Kind::MkDocs),
                ("!!! note", Kind::MkDocs),
            ]
        );
        // CRLF line ends: the `\r` stays, the line is drawn.
        let (out, lines, _) = rewritten("!!! note\r\n    Body.\r\n");
        assert_eq!(lines.len(), 1, "{out:?}");
        assert!(out.ends_with(";\r\n    Body.\r\n"), "{out:?}");
    }

    #[test]
    fn admonitions_nested_in_a_drawn_one_are_drawn_in_it() {
        let body = "!!! note \"Outer\"\n    Text.\n\n    !!! tip\n        Inner.\n\n        ??? danger \"Deepest\"\n            x\n\n    ```markdown\n    !!! note \"quoted\"\n    ```\n\n    !!! bug\n        Body.\n    Lazy.\n\n```\n!!! note\n    !!! tip\n```\n\n    !!! note\n";
        let (out, lines, found) = rewritten(body);
        let at: Vec<(usize, &str)> = lines
            .iter()
            .map(|(n, l)| (*n, &l[..l.len().min(10)]))
            .collect();
        assert_eq!(
            at,
            [(1, "+\t&#8203;&"), (4, "    +\t&zwj"), (7, "        +\t")],
            "{out}"
        );
        let reported: Vec<(&str, Kind)> = found
            .iter()
            .filter(|f| f.kind == Kind::MkDocs)
            .map(|f| (&body[f.range.clone()], f.kind))
            .collect();
        // Only the one whose body runs into a line of its parent's text.
        assert_eq!(reported, [("!!! bug", Kind::MkDocs)]);
        let titles: Vec<&str> = found
            .iter()
            .filter(|f| f.kind != Kind::MkDocs)
            .map(|f| f.construct.as_str())
            .collect();
        assert_eq!(titles, ["Outer", "Tip", "Deepest"]);
    }

    #[test]
    fn mkdocs_block_bullets_differ_from_the_lists_around_them() {
        let bullet = |body: &str| -> Vec<char> {
            rewritten(body)
                .1
                .iter()
                .map(|(_, l)| l.chars().next().unwrap())
                .collect()
        };
        // Alone, and after a `-` list: `+`.
        assert_eq!(bullet("!!! note\n    x\n"), ['+']);
        assert_eq!(bullet("- a\n- b\n\n!!! note\n    x\n"), ['+']);
        // After a `+` list, with or without a blank line (a lazy line of its last item).
        assert_eq!(bullet("+ a\n+ b\n\n!!! note\n    x\n"), ['*']);
        assert_eq!(bullet("+ a\n!!! note\n    x\n"), ['*']);
        // A comment on its own line after the list ends it, as on GitHub.
        assert_eq!(bullet("+ a\n\n<!-- c -->\n\n!!! note\n    x\n"), ['+']);
        // One inside the item (indented) does not.
        assert_eq!(bullet("+ a\n\n  <!-- c -->\n\n!!! note\n    x\n"), ['*']);
        // Before a `+` list, and between a `+` and a `*` list.
        assert_eq!(bullet("!!! note\n    x\n\n+ a\n"), ['*']);
        assert_eq!(bullet("+ a\n\n!!! note\n    x\n\n* b\n"), ['-']);
        // In a row they alternate; text between them separates them.
        assert_eq!(
            bullet(
                "!!! note\n    x\n\n!!! tip\n    y\n!!! info\n    z\n\nText.\n\n!!! bug\n    w\n"
            ),
            ['+', '*', '+', '+']
        );
    }

    #[test]
    fn myst_directives_are_named_by_fence_and_colon_fence() {
        use crate::dialects::myst::myst_directive;
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
        // Admonitions are drawn (`myst`); other directives are reported at their
        // colon fence, left as written.
        let body = ":::{note}\nA note.\n:::\n\n  ::::{admonition} Title\nText.\n::::\n\n:::{include} x.md\n:::\n\n  ::::{eval-rst}\nterm\n::::\n\n:: {x}\n\n  a :::{y}\n\n```\n:::{in-code}\n```\n\n    :::{indented}\n\n:::{tip}x\n";
        let (out, found) = clean(body);
        assert_eq!(out.len(), body.len());
        let kept = &body[body.find(":::{include}").unwrap()..];
        assert!(out.ends_with(kept), "{out:?}");
        assert!(!out.contains("{note}") && !out.contains("{admonition}"));
        let names: Vec<(&str, &str, bool)> = found
            .iter()
            .map(|f| {
                let reported = f.kind == Kind::ColonDirective;
                (f.construct.as_str(), &body[f.range.clone()], reported)
            })
            .collect();
        assert_eq!(
            names,
            [
                ("", ":::{note}", false),
                ("", ":::", false),
                ("Title", "  ::::{admonition} Title", false),
                ("", "::::", false),
                ("{include}", ":::{include}", true),
                ("{eval-rst}", "::::{eval-rst}", true),
            ]
        );
    }

    #[test]
    fn mkdocstrings_blocks_are_reported_and_hidden_vitepress_containers_are_not() {
        let body = "# API\n\n::: hatch.cli.main\n    options:\n      show_source: false\n\nAfter.\n\n::: mkdocs-click\n\n::: tip\nA tip.\n:::\n\n::: custom\n:::\n";
        let (out, found) = clean(body);
        let api: Vec<&str> = found
            .iter()
            .filter(|f| f.kind == Kind::MkDocs)
            .map(|f| f.construct.as_str())
            .collect();
        assert_eq!(api, ["::: hatch.cli.main", "::: mkdocs-click"]);
        assert_eq!(out.len(), body.len());
        for gone in ["hatch.cli", "options:", "show_source", "mkdocs-click"] {
            assert!(!out.contains(gone), "{gone} in {out:?}");
        }
        // A VitePress tip is still a callout; a custom container stays as written.
        assert!(out.contains("After.") && out.contains("A tip.") && out.contains("::: custom"));
        assert!(found.iter().any(|f| matches!(f.kind, Kind::Callout { .. })));
    }

    #[test]
    fn plain_bodies_are_borrowed() {
        assert!(matches!(clean("# Title\n").0, Cow::Borrowed(_)));
    }
}
