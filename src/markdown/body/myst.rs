//! MyST (Sphinx's Markdown) drawn as Sphinx draws it: directives, roles, toctrees,
//! substitutions and labels (step 3 of the body writer, [`BodyWriter::draw_myst`]).

use super::*;
use crate::dialects::found::Role;
use crate::dialects::myst::DrawnRole;

/// The value of MyST substitution `key` on page `doc`: the page's own (front matter) first,
/// then the site's (`load::myst_substitutions`).
pub(super) fn substitution<'h>(
    handbook: &'h Handbook,
    doc: &'h crate::model::Doc,
    key: &str,
) -> Option<&'h str> {
    let page = match &doc.kind {
        crate::model::DocKind::Page(meta) => meta.substitutions(),
        _ => &[],
    };
    crate::load::myst_substitutions::value_of(key, page, &handbook.nav_order.substitutions)
}

/// The events of a substitution's value written inside a line: the Markdown of one
/// paragraph (`[Read the Docs](…)`, `**v2**`) without the paragraph, or nothing for an
/// empty value; `None` for a value of several blocks or another block (a list, a
/// directive), which cannot stand inside a line and stays a leftover.
pub(super) fn inline_value(value: &str) -> Option<Vec<Event<'_>>> {
    let mut events: Vec<Event> =
        Parser::new_ext(value, crate::dialects::options_for(value)).collect();
    if events.is_empty() {
        return Some(events);
    }
    let paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)));
    let inner = &events[1..events.len().saturating_sub(1)];
    let one_block = !inner.iter().any(|e| {
        matches!(
            e,
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
        )
    });
    if !(paragraph && one_block) {
        return None;
    }
    events.pop();
    events.remove(0);
    Some(events)
}

/// The empty element that marks a block a MyST label names (see `myst::BlockLabel`).
pub(super) fn label_anchor<'a>(label: &crate::dialects::myst::BlockLabel) -> Event<'a> {
    let id = crate::text::escape_html(&label.id);
    Event::Html(format!("<span id=\"{id}\"></span>").into())
}

/// The destination to write for a link or image orgbook draws from a MyST construct (a
/// toctree entry, a role, a figure): checked as a Markdown link's is (an unsafe scheme,
/// `javascript:`, becomes `#` with a warning), then resolved by [`RepeatedLinks::rewrite`].
#[allow(clippy::too_many_arguments)]
pub(super) fn drawn_destination<'a>(
    repeated: &mut RepeatedLinks,
    handbook: &Handbook,
    id: DocId,
    dirs: (&str, &str),
    (target, image): (&str, bool),
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    if let Some(scheme) = crate::html_policy::unsafe_scheme(target, image) {
        let doc = &handbook.docs[id];
        let what = if image { "an image" } else { "a link" };
        diags.push(crate::html_policy::unsafe_url_warning(
            &doc.source.path,
            &doc.source.text,
            span,
            &scheme,
            what,
        ));
        return Some(CowStr::from("#"));
    }
    repeated.rewrite(handbook, id, dirs, target, span, rendered, diags)
}

/// A paragraph of `text` in one inline style (`Tag::Strong`, `Tag::Emphasis`), drawn for a
/// MyST directive; its text is searchable.
pub(super) fn styled_paragraph(
    style: Tag<'static>,
    text: String,
    rendered: &mut Rendered,
) -> [Event<'static>; 5] {
    rendered.text.push_str(&text);
    rendered.text.push('\n');
    crate::dialects::myst::wrapped(Tag::Paragraph, style, text)
}

/// The `template-leftover` warning for MyST directive `name` (a fence, ```` ```{note} ````,
/// or a colon fence, `:::{note}`) at `span` of `text`, which orgbook shows as `shown`.
pub(super) fn myst_directive_warning(
    path: &str,
    text: &str,
    span: Range<usize>,
    name: &str,
    shown: &str,
) -> Diagnostic {
    let help = match name {
        "toctree" => "rewrite it as Markdown: a list of links to the pages it names".to_string(),
        "versionadded" | "versionchanged" | "deprecated" => {
            "rewrite it as Markdown: a sentence such as `*New in version 1.3.*`".to_string()
        }
        "note" | "warning" | "tip" | "hint" | "important" | "caution" | "attention" | "danger"
        | "error" | "seealso" | "admonition" => {
            format!(
                "rewrite it as Markdown: a blockquote, `> **{}:** …`",
                title_case(name)
            )
        }
        _ => "rewrite it as Markdown, or delete it".to_string(),
    };
    Diagnostic::warning(
        "template-leftover",
        path,
        format!("MyST directive `{{{name}}}` is not supported; {shown}"),
    )
    .with_help(help)
    .at(text, span)
}

impl<'a> BodyWriter<'a> {
    /// Text `text` with each `{{ key }}` the page or the site defines replaced by its
    /// value's events; `None` when it holds none.
    pub(super) fn substituted(&self, text: &str) -> Option<Vec<Event<'a>>> {
        let mut out = Vec::new();
        let mut written = 0;
        for (range, key) in crate::load::myst_substitutions::keys_in(text) {
            let Some(value) = substitution(self.handbook, self.doc, key).and_then(inline_value)
            else {
                continue;
            };
            if range.start > written {
                out.push(Event::Text(text[written..range.start].to_string().into()));
            }
            out.extend(value);
            written = range.end;
        }
        if written == 0 {
            return None;
        }
        if written < text.len() {
            out.push(Event::Text(text[written..].to_string().into()));
        }
        Some(out)
    }

    /// The anchors of MyST labels, before the first block at or after the label's line, or
    /// a paragraph (code block, table) that holds it; a list or quote only from where it
    /// starts. A glossary's term gets its anchor inside its `<dt>`.
    pub(super) fn label_anchors(&mut self, tag: &Tag, range: &Range<usize>) {
        let (leaf, inside) = match tag {
            Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::CodeBlock(_)
            | Tag::Table(_)
            | Tag::HtmlBlock => (Some(true), false),
            Tag::BlockQuote(_) | Tag::List(_) => (Some(false), false),
            Tag::DefinitionListTitle => (Some(true), true),
            _ => (None, false),
        };
        while let Some(leaf) = leaf
            && let Some(label) = self.block_labels.pop_front()
        {
            if label.at > range.start && !(leaf && label.at < range.end) {
                self.block_labels.push_front(label);
                break;
            }
            if inside {
                self.term_anchors.push(label_anchor(&label));
            } else {
                self.events.push(label_anchor(&label));
            }
        }
    }

    /// Step 3: a MyST directive or role drawn as Sphinx draws it. True when the event was
    /// drawn (and so is consumed).
    pub(super) fn draw_myst(&mut self, event: &Event<'a>, range: &Range<usize>) -> bool {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if self.depth == self.found.callouts.open.len() =>
            {
                let Some((name, arg)) = crate::dialects::myst::myst_directive(info) else {
                    return false;
                };
                if name == "toctree" {
                    self.toctree(range);
                    return true;
                }
                match crate::dialects::myst::drawn_directive(self.body, range.clone(), name, arg) {
                    Some(drawn) => {
                        self.directive(drawn, range);
                        true
                    }
                    None => false,
                }
            }
            Event::Code(code) => match self.found.roles.front().filter(|r| r.0 == range.start) {
                Some(&(_, role, name_len)) => {
                    self.found.roles.pop_front();
                    self.role(role, code, name_len, range);
                    true
                }
                None => false,
            },
            _ => false,
        }
    }

    /// Sphinx draws a toctree as the list of the pages it names (nothing when hidden): so
    /// does orgbook, each entry a link resolved like any other.
    pub(super) fn toctree(&mut self, range: &Range<usize>) {
        self.in_toctree = true;
        let tree = crate::dialects::myst::toctree(self.body, range.clone());
        if tree.hidden || tree.entries.is_empty() {
            return;
        }
        if let Some(caption) = tree.caption {
            self.events
                .extend(styled_paragraph(Tag::Strong, caption, &mut self.rendered));
        }
        self.events.push(Event::Start(Tag::List(None)));
        for (title, target, line) in tree.entries {
            let at = line.start + self.offset..line.end + self.offset;
            let href = self.destination(&target, false, at);
            let shown = title
                .or_else(|| {
                    Some(linked_title(
                        self.handbook,
                        self.from_dir,
                        &target,
                        &mut self.title_deps,
                    ))
                    .filter(|t| !t.is_empty())
                })
                .unwrap_or_else(|| target.clone());
            self.rendered.text.push_str(&shown);
            self.rendered.text.push('\n');
            let dest = href.map_or_else(|| target.clone(), |h| h.into_string());
            self.events.extend(crate::dialects::myst::wrapped(
                Tag::Item,
                crate::dialects::myst::link_tag(dest),
                shown,
            ));
        }
        self.events.push(Event::End(TagEnd::List(false)));
    }

    /// A MyST directive drawn as Sphinx draws it (see `myst::Drawn`); its lines are not code.
    pub(super) fn directive(&mut self, drawn: crate::dialects::myst::Drawn, range: &Range<usize>) {
        self.in_toctree = true;
        let span = self.span(range);
        match drawn {
            crate::dialects::myst::Drawn::Nothing => {}
            crate::dialects::myst::Drawn::Button { href, text } => {
                let dest = self.destination(&href, false, span);
                let shown = if text.is_empty() { href.clone() } else { text };
                self.rendered.text.push_str(&shown);
                self.rendered.text.push('\n');
                let dest = dest.map_or(href, |h| h.into_string());
                self.events.extend(crate::dialects::myst::wrapped(
                    Tag::Paragraph,
                    crate::dialects::myst::link_tag(dest),
                    shown,
                ));
            }
            crate::dialects::myst::Drawn::Line(text) => {
                self.events
                    .extend(styled_paragraph(Tag::Emphasis, text, &mut self.rendered));
            }
            crate::dialects::myst::Drawn::Rubric(text) => {
                self.events
                    .extend(styled_paragraph(Tag::Strong, text, &mut self.rendered));
            }
            crate::dialects::myst::Drawn::Image { src, alt, caption } => {
                let href = self.destination(&src, true, span);
                self.events.extend([
                    Event::Start(Tag::Paragraph),
                    Event::Start(Tag::Image {
                        link_type: LinkType::Inline,
                        dest_url: href.map_or_else(|| src.into(), |h| h.into_string().into()),
                        title: "".into(),
                        id: "".into(),
                    }),
                    Event::Text(alt.into()),
                    Event::End(TagEnd::Image),
                    Event::End(TagEnd::Paragraph),
                ]);
                if !caption.is_empty() {
                    self.events.extend(styled_paragraph(
                        Tag::Emphasis,
                        caption,
                        &mut self.rendered,
                    ));
                }
            }
        }
    }

    /// A MyST role (`{doc}`, `{ref}`, `{math}`…) drawn from its code span.
    pub(super) fn role(&mut self, role: Role, code: &str, name_len: usize, range: &Range<usize>) {
        let span = self.span(range);
        // The role's name, `{pep}`, ends the text right before the span: not text.
        let body = self.body;
        let name = &body[range.start - name_len..range.start];
        if let Some(Event::Text(before)) = self.events.last_mut()
            && before.ends_with(name)
        {
            *before = CowStr::from(before[..before.len() - name_len].to_string());
            if self.rendered.text.ends_with(name) {
                self.rendered
                    .text
                    .truncate(self.rendered.text.len() - name_len);
            }
            if self.in_heading.is_some() && self.heading_text.ends_with(name) {
                self.heading_text
                    .truncate(self.heading_text.len() - name_len);
            }
        }
        let handbook = self.handbook;
        let conf = &handbook.nav_order.conf_links;
        let role_name = &name[1..name.len() - 1];
        let mut drawn = None;
        if role == Role::External {
            // Its URL goes as a link's does: an unsafe scheme neutralised, a relative
            // pattern (`"api/%s.html"`) resolved against the handbook.
            let mut checked = |url: &str| {
                drawn_destination(
                    &mut self.repeated,
                    handbook,
                    self.id,
                    (self.from_dir, &self.root),
                    (url, false),
                    span.clone(),
                    &mut self.rendered,
                    self.diags,
                )
                .map_or_else(|| url.to_string(), |href| href.to_string())
            };
            drawn = match conf.extlinks.get(role_name) {
                Some(link) => Some(link.draw(code, &mut checked)),
                None => conf
                    .issue_roles
                    .as_ref()
                    .and_then(|roles| roles.draw(role_name, code, &mut checked)),
            };
        }
        let drawn = match drawn {
            Some(drawn) => drawn,
            None => self.role_events(role, code, &span),
        };
        self.push_role(drawn, &span);
    }

    /// A role orgbook knows drawn: a `{doc}` or `{ref}` resolved as links are.
    fn role_events(&mut self, role: Role, code: &str, span: &Range<usize>) -> DrawnRole {
        let (handbook, from_dir) = (self.handbook, self.from_dir);
        crate::dialects::myst::role_events(role, code, &mut |target, label| {
            let title = if label {
                // A label, never a file: an undefined one is shown as text.
                let Some((to, _, heading)) = handbook.myst_labels.get(target) else {
                    return (target.to_string(), String::new());
                };
                self.title_deps.push(*to);
                if heading.is_empty() {
                    // A label above a page's first line names the page: its title.
                    let page = &handbook.docs[*to].source.path;
                    linked_title(
                        handbook,
                        "",
                        &format!("/{}", page.trim_start_matches("content/")),
                        &mut self.title_deps,
                    )
                } else {
                    heading.clone()
                }
            } else {
                linked_title(handbook, from_dir, target, &mut self.title_deps)
            };
            // A label naming a heading or block is reached as `#label` (which a label
            // like `fig:x` must be: as a path, it would read as a URL scheme).
            let fragment = label
                && handbook
                    .myst_labels
                    .get(target)
                    .is_some_and(|(_, anchor, _)| !anchor.is_empty());
            let target_as_link = if fragment {
                format!("#{target}")
            } else {
                target.to_string()
            };
            let href = drawn_destination(
                &mut self.repeated,
                handbook,
                self.id,
                (from_dir, &self.root),
                (&target_as_link, false),
                span.clone(),
                &mut self.rendered,
                self.diags,
            );
            (
                href.map_or_else(|| target.to_string(), |h| h.to_string()),
                title,
            )
        })
    }

    /// The drawn role's events written where the role was, its text to the search text.
    fn push_role(&mut self, drawn: DrawnRole, span: &Range<usize>) {
        let shown = drawn.text;
        if self.in_heading.is_some() {
            self.heading_text.push_str(&shown);
        }
        self.rendered.text.push_str(&shown);
        for event in drawn.events {
            let event = match event {
                Event::InlineMath(tex) => formula(
                    tex,
                    false,
                    self.doc,
                    span.clone(),
                    &mut self.rendered,
                    self.diags,
                ),
                other => other,
            };
            self.events.push(event);
        }
    }
}
