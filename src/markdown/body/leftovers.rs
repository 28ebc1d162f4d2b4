//! What `leftovers::clean` found in a body, sorted into the constructs the writer draws and
//! warnings about the rest (ERB, paired shortcodes), and the smart punctuation put back inside
//! template syntax left on the page.

use super::*;

/// What `leftovers::clean` found in a body, sorted: the constructs the writer draws, by
/// where they are. The others became warnings on the way ([`sort_leftovers`]).
#[derive(Default)]
pub(in crate::markdown) struct Found {
    pub(super) callouts: Callouts,
    /// MkDocs blocks to draw, handed to `mkdocs_blocks::Blocks` before the loop.
    pub(in crate::markdown) mkdocs: VecDeque<crate::dialects::mkdocs::Block>,
    /// Drawn MkDocs blocks' titles by where their line starts, indexed when drawn.
    pub(super) block_titles: HashMap<usize, String>,
    /// Abbreviations defined on the page (`*[SLO]: …`), with what each stands for.
    pub(super) abbreviations: Abbreviations,
    /// Obsidian callouts' titles, by where their first line starts.
    pub(super) alert_titles: HashMap<usize, String>,
    /// MyST roles to draw: where their code span starts, the role, its blanked name's length.
    pub(super) roles: VecDeque<(usize, crate::dialects::found::Role, usize)>,
    /// Template syntax left as written (`{{< team manager="x" >}}`), in body order: shown
    /// as the author wrote it, so smart punctuation does not curl its quotes.
    pub(super) verbatim: Vec<Range<usize>>,
    /// pandoc tables' captions, by where the table starts.
    pub(super) captions: HashMap<usize, String>,
    /// pandoc fenced divs' ids, by where their line starts.
    pub(super) anchors: VecDeque<(usize, String)>,
    /// Confluence's code written as a code span where its `<code>` element did not fit
    /// (`Kind::CodeElement`): the span's range and the element, in body order.
    pub(super) code_elements: VecDeque<(Range<usize>, String)>,
}

impl Found {
    /// The template syntax left as written, for [`as_written`] (which runs before the
    /// writer, on the parser's events).
    pub(in crate::markdown) fn take_verbatim(&mut self) -> Vec<Range<usize>> {
        std::mem::take(&mut self.verbatim)
    }
}

/// Smart punctuation's quote, dash or ellipsis inside template syntax left on the page
/// (`manager=“x”`, in `verbatim`) put back as written: a leftover shown is the author's
/// text. Done on the parser's events as they come, before runs of text are merged into one.
pub(in crate::markdown) fn as_written<'a>(
    verbatim: &[Range<usize>],
    body: &'a str,
    event: Event<'a>,
    range: &Range<usize>,
) -> Event<'a> {
    const SMART: &str = "\u{201c}\u{201d}\u{2018}\u{2019}\u{2013}\u{2014}\u{2026}";
    if let Event::Text(text) = &event
        && !verbatim.is_empty()
        && text.chars().all(|c| SMART.contains(c))
        && let i = verbatim.partition_point(|v| v.end <= range.start)
        && verbatim
            .get(i)
            .is_some_and(|v| v.start <= range.start && range.end <= v.end)
        && let Some(written) = body.get(range.clone())
    {
        return Event::Text(CowStr::Borrowed(written));
    }
    event
}

/// Sorts what `leftovers::clean` found in document `doc`'s body (which starts at `offset`
/// in its file) into the constructs to draw and warnings about the rest.
pub(in crate::markdown) fn sort_leftovers(
    handbook: &Handbook,
    doc: &crate::model::Doc,
    offset: usize,
    leftovers: Vec<Leftover>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Found {
    let mut found = Found::default();
    // An API reference page holds one mkdocstrings block per module: one warning, at the
    // first, says how many.
    let api_blocks = leftovers
        .iter()
        .filter(|l| l.kind == Kind::MkDocs && l.construct.starts_with(":::"))
        .count();
    let mut api_reported = false;
    rendered.generated_anchors = api_blocks > 0;
    // Template syntax reported one by one up to a point, then counted (as broken links
    // are): a generated file of 20,000 `{{ x }}` would otherwise cost a diagnostic, and a
    // copy of its line, each.
    let mut templates = 0usize;
    let blocks = shortcode_blocks(&leftovers, &doc.source.text, offset);
    for (i, l) in leftovers.into_iter().enumerate() {
        let mut opens = None;
        // A MyST substitution the page or the site defines: its value is written there.
        if l.kind == Kind::Template
            && crate::load::myst_substitutions::key_of(&l.construct)
                .and_then(|key| substitution(handbook, doc, key))
                .is_some_and(|value| inline_value(value).is_some())
        {
            continue;
        }
        // A role the site's `conf.py` defines with `extlinks` or sphinx-issues: drawn as a
        // link.
        let conf = &handbook.nav_order.conf_links;
        let role = (l.kind == Kind::Template)
            .then(|| {
                l.construct
                    .strip_prefix('{')
                    .and_then(|c| c.strip_suffix('}'))
            })
            .flatten()
            .filter(|_| !conf.path.is_empty());
        if let Some(name) = role
            && (conf.extlinks.contains_key(name)
                || conf.issue_roles.as_ref().is_some_and(|r| r.defines(name)))
        {
            found.roles.push_back((
                l.range.end,
                crate::dialects::found::Role::External,
                l.range.len(),
            ));
            continue;
        }
        if l.kind == Kind::Template {
            found.verbatim.push(l.range.clone());
        }
        if matches!(l.kind, Kind::Template | Kind::Erb { .. }) {
            match blocks.get(&i) {
                Some(Block::Inside) => continue,
                Some(Block::Opens { closing, lines }) => opens = Some((closing, *lines)),
                None => {}
            }
            templates += 1;
            if templates > TEMPLATES_SHOWN {
                continue;
            }
        }
        let span = l.range.start + offset..l.range.end + offset;
        // An `extlinks` role whose URL `conf.py` computes: where, and what to write.
        if l.kind == Kind::Template
            && let Some(line) = role.and_then(|name| conf.computed_extlinks.get(name))
        {
            diags.push(
                Diagnostic::warning(
                    "template-leftover",
                    &doc.source.path,
                    format!(
                        "`{}` is a role `extlinks` defines in {}, line {line}, but its URL there is computed when Sphinx runs (an f-string, a call), which orgbook does not do: it is shown as text",
                        l.construct, conf.path
                    ),
                )
                .with_help(format!(
                    "write the role's URL pattern in {} as a string literal (`\"https://…/%s\"`, or a name of a string assigned above joined to one with `+`), or write this link in Markdown",
                    conf.path
                ))
                .at(&doc.source.text, span),
            );
            continue;
        }
        diags.push(match l.kind {
            Kind::AlertTitle => {
                if !l.construct.is_empty() {
                    found.alert_titles.insert(l.range.start, l.construct);
                }
                continue;
            }
            Kind::Abbr => {
                let line = doc.source.text.get(span.clone()).unwrap_or("");
                let title = crate::dialects::leftovers::abbreviation_title(line).to_string();
                found.abbreviations.define(l.construct, title);
                continue;
            }
            Kind::Callout {
                kind,
                next_block_only,
                details,
            } => {
                found.callouts.pending.push_back(Callout {
                    at: l.range.end,
                    kind,
                    title: l.construct,
                    shape: if details { Shape::Details } else { Shape::Alert },
                    until: next_block_only.then_some(usize::MAX),
                });
                continue;
            }
            Kind::Tab => {
                found.callouts.pending.push_back(Callout {
                    at: l.range.end,
                    kind: pulldown_cmark::BlockQuoteKind::Note,
                    title: l.construct,
                    shape: Shape::Tab,
                    until: None,
                });
                continue;
            }
            Kind::MkDocsBlock { kind, drawn } => {
                // Only a quoted title is the author's (`!!! tip` is titled "Tip").
                if !l.construct.is_empty()
                    && doc
                        .source
                        .text
                        .get(span.clone())
                        .is_some_and(|line| line.contains('"'))
                {
                    found
                        .block_titles
                        .insert(l.range.start, l.construct.clone());
                }
                found.mkdocs.push_back(crate::dialects::mkdocs::Block {
                    at: l.range.start,
                    kind,
                    drawn,
                    title: l.construct,
                });
                continue;
            }
            Kind::Role(role) => {
                found.roles.push_back((l.range.end, role, l.range.len()));
                continue;
            }
            Kind::Anchor => {
                found.anchors.push_back((l.range.start, l.construct));
                continue;
            }
            Kind::Caption => {
                found.captions.insert(l.range.start, l.construct);
                continue;
            }
            Kind::CodeElement => {
                found.code_elements.push_back((l.range, l.construct));
                continue;
            }
            Kind::PageTitle => {
                rendered.head_title.get_or_insert(l.construct);
                continue;
            }
            Kind::Wrapper => continue,
            Kind::Pandoc => Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                format!("{} is shown as written: orgbook cannot redraw it", l.construct),
            )
            .with_help("convert the document with `pandoc -t gfm` (GitHub's Markdown), or rewrite this part as a pipe table, a link or plain text")
            .at(&doc.source.text, span),
            Kind::CalloutEnd => {
                // It closes the last admonition still open (not a `{: .note }` inside it).
                if let Some(c) = found
                    .callouts
                    .pending
                    .iter_mut()
                    .rev()
                    .find(|c| c.until.is_none())
                {
                    c.until = Some(l.range.start);
                }
                continue;
            }
            Kind::Template => Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                match opens {
                    // A paired shortcode (`{{< tableau >}}` … `{{< /tableau >}}`): one
                    // warning for the block, not one a line.
                    Some((closing, lines)) => format!(
                        "`{} … {closing}` ({lines} lines) is a shortcode block from another generator, which orgbook does not run",
                        l.construct
                    ),
                    None => format!("`{}` is template syntax from another generator, which orgbook does not run", l.construct),
                },
            )
            .with_help("replace it with what it produced (or a link), wrap it in `code` if it is an example, or delete it")
            .at(&doc.source.text, span),
            Kind::Erb {
                lines,
                in_attribute,
                before_path,
            } => erb_warning(&doc.source.path, &l.construct, lines, (in_attribute, before_path))
                .at(&doc.source.text, span),
            Kind::MkDocs => {
                let (what, help) = if l.construct.starts_with("--8<--") {
                    (
                        "a MkDocs snippet include, which orgbook does not run: the file it names is not on this page".to_string(),
                        "paste the text of that file here, or link to it".to_string(),
                    )
                } else if l.construct.starts_with(":::") {
                    if std::mem::replace(&mut api_reported, true) {
                        continue;
                    }
                    (
                        if api_blocks == 1 {
                            "an mkdocstrings (or mkdocs-click) block: API documentation generated from code, which orgbook does not generate; it is not shown".to_string()
                        } else {
                            format!("the first of {api_blocks} mkdocstrings (or mkdocs-click) blocks in this file: API documentation generated from code, which orgbook does not generate; they are not shown")
                        },
                        "link to the API reference where it is published, or write here the part readers need".to_string(),
                    )
                } else {
                    let kind = l.construct.split_whitespace().nth(1).unwrap_or("note");
                    (
                        "a MkDocs admonition that orgbook cannot draw as written: its line is shown as text (and an indented body as code)".to_string(),
                        format!(
                            "an admonition is drawn when a blank line (or the end of the file) follows its indented body, it is not inside raw HTML, and its line is at least 7 characters long; or rewrite it as a GitHub alert: a `> [!{}]` line, then its text on `> ` lines",
                            alert_title(crate::dialects::leftovers::mkdocs_kind(kind)).to_ascii_uppercase()
                        ),
                    )
                };
                Diagnostic::warning(
                    "template-leftover",
                    &doc.source.path,
                    format!("`{}` is {what}", l.construct),
                )
                .with_help(help)
                .at(&doc.source.text, span)
            }
            Kind::ColonDirective => myst_directive_warning(
                &doc.source.path,
                &doc.source.text,
                span,
                l.construct.trim_matches(['{', '}']),
                "its lines are shown as text",
            ),
        });
    }
    if templates > TEMPLATES_SHOWN {
        diags.push(
            Diagnostic::warning(
                "template-leftover",
                &doc.source.path,
                format!(
                    "{} more pieces of template syntax in this file are not listed ({templates} in all)",
                    templates - TEMPLATES_SHOWN
                ),
            )
            .with_help(format!("the first {TEMPLATES_SHOWN} are listed above; this file may be another generator's template rather than a page: a name starting with `_` leaves it unpublished, as Jekyll and Docusaurus do")),
        );
    }
    found
}

/// The `template-leftover` warning for an ERB tag or block (`construct`) of a Middleman
/// page, which `leftovers::clean` left out of the page: what it was, and what to write
/// instead. A block spans `lines` lines (0: a tag alone); `in_attribute`: it was in an
/// HTML attribute's value, such as a link's address (so that is not reported as a broken
/// link with a hint about a file it never named); `before_path`: a path followed it there,
/// which is the link now.
pub(super) fn erb_warning(
    file: &str,
    construct: &str,
    lines: usize,
    (in_attribute, before_path): (bool, bool),
) -> Diagnostic {
    let code = construct
        .trim_start_matches("<%")
        .trim_start_matches(['=', '-'])
        .trim_start();
    let (what, help) = if lines > 0 {
        let what = format!(
            "`{construct}` ({lines} lines) is an ERB block from Middleman, which orgbook does not run; it is left out of the page"
        );
        let help = if code.starts_with("content_for :sidebar")
            || code.starts_with("content_for(:sidebar")
        {
            "orgbook draws the handbook's navigation and each page's \"On this page\" list itself: delete the block".to_string()
        } else {
            "write what it produced as Markdown (a list of the pages it linked, say), or delete it"
                .to_string()
        };
        (what, help)
    } else if before_path {
        (
            format!(
                "`{construct}` is an ERB tag from Middleman, which orgbook does not run, at the start of an address: it is left out, and the path after it is the link, from the site's root"
            ),
            "delete the tag, to leave the address from the site's root".to_string(),
        )
    } else if in_attribute {
        (
            format!(
                "`{construct}` is an ERB tag from Middleman, which orgbook does not run, in an HTML attribute: the attribute (a link's address) is left empty"
            ),
            "write the address (or value) it produced in its place".to_string(),
        )
    } else if code.starts_with("partial") {
        (
            format!(
                "`{construct}` is an ERB partial from Middleman, which orgbook does not include; it is left out of the page"
            ),
            "write the partial's text as Markdown here (or on a page of its own, and link to it)"
                .to_string(),
        )
    } else {
        (
            format!(
                "`{construct}` is an ERB tag from Middleman, which orgbook does not run; it is left out of the page"
            ),
            "write what it produced as Markdown, or delete it".to_string(),
        )
    };
    Diagnostic::warning("template-leftover", file, what).with_help(help)
}

/// Where a template leftover stands in a paired shortcode (Hugo's `{{< name >}}` …
/// `{{< /name >}}`, `{{% %}}` alike).
pub(super) enum Block {
    /// The opening one: the closing shortcode as written, and how many lines the block
    /// spans.
    Opens { closing: String, lines: usize },
    /// Inside the block, or its closing one: reported with the opening.
    Inside,
}

/// The paired shortcodes among `leftovers` (in body order), by leftover index; `text` is
/// the file, where a leftover's range starts `offset` bytes later.
pub(super) fn shortcode_blocks(
    leftovers: &[Leftover],
    text: &str,
    offset: usize,
) -> std::collections::HashMap<usize, Block> {
    pub(super) fn name(construct: &str) -> Option<(&str, bool)> {
        let rest = construct
            .strip_prefix("{{<")
            .or_else(|| construct.strip_prefix("{{%"))?
            .trim_start();
        let closing = rest.starts_with('/');
        let rest = rest.trim_start_matches('/').trim_start();
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '>' | '%' | '}'))
            .unwrap_or(rest.len());
        (end > 0).then(|| (&rest[..end], closing))
    }
    let mut blocks = std::collections::HashMap::new();
    let templates: Vec<usize> = (0..leftovers.len())
        .filter(|&i| leftovers[i].kind == Kind::Template)
        .collect();
    // Each name's closing shortcodes, in order (as indices into `templates`): an opening
    // pairs with the first one after it. Each is passed over once, so a file of many
    // unclosed shortcodes costs one pass, not one search an opening.
    let mut closings: std::collections::HashMap<&str, std::collections::VecDeque<usize>> =
        std::collections::HashMap::new();
    for (k, &i) in templates.iter().enumerate() {
        if let Some((n, true)) = name(&leftovers[i].construct) {
            closings.entry(n).or_default().push_back(k);
        }
    }
    let mut k = 0;
    while k < templates.len() {
        let i = templates[k];
        let opening = name(&leftovers[i].construct).filter(|(_, closing)| !closing);
        let close = opening.and_then(|(n, _)| {
            let queue = closings.get_mut(n)?;
            while queue.front().is_some_and(|&c| c <= k) {
                queue.pop_front();
            }
            queue.front().copied()
        });
        match close {
            Some(c) => {
                let j = templates[c];
                blocks.insert(
                    i,
                    Block::Opens {
                        closing: leftovers[j].construct.clone(),
                        lines: text
                            .get(leftovers[i].range.start + offset..leftovers[j].range.end + offset)
                            .map_or(0, |t| t.matches('\n').count() + 1),
                    },
                );
                for &inside in &templates[k + 1..=c] {
                    blocks.insert(inside, Block::Inside);
                }
                k = c + 1;
            }
            None => k += 1,
        }
    }
    blocks
}
