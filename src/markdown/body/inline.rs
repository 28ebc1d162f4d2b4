//! Inline text other generators write (step 4 of the body writer, [`BodyWriter::inline`]):
//! abbreviations, autolinks, badges, emoji codes, Quarto cross-references and DocFX's `@uid`
//! and `<xref>` references.

use super::*;

/// Whether `@sec-…` in the page is a Quarto cross-reference: in a `.qmd` page, or in a
/// Quarto site (`_quarto.yml` beside content/ or in it). Elsewhere `@name` is a mention.
/// Only a page that holds the needle asks about the site.
pub(super) fn quarto_references(handbook: &Handbook, doc: &crate::model::Doc) -> bool {
    crate::finder!(b"@sec-")
        .find(doc.source.body().as_bytes())
        .is_some()
        && quarto_page(handbook, doc)
}

/// Whether `@uid` in the page may be DocFX's shorthand for a link to the page with that
/// uid: some page has a uid, the handbook is a DocFX project (`load::docfx_toc::project`)
/// and the page writes an `@`. Elsewhere `@name` is a mention, an e-mail or a package
/// scope, and stays as written. Only a page that holds an `@` asks about the site.
pub(super) fn docfx_shorthand(handbook: &Handbook, doc: &crate::model::Doc) -> bool {
    !handbook.uids.is_empty()
        && memchr::memchr(b'@', doc.source.body().as_bytes()).is_some()
        && handbook
            .root
            .as_deref()
            .is_some_and(crate::load::docfx_toc::project)
}

/// The uid DocFX's shorthand names at the start of `text` (after its `@`), and how many
/// bytes it takes: `"uid with spaces"` (or in single quotes) as written, else a letter
/// and then letters, digits and `.`, `-`, `_`, `:`, `/`, whose punctuation counts only
/// inside it (`@intro-page.` ends a sentence).
pub(super) fn docfx_uid(text: &str) -> Option<(&str, usize)> {
    let first = *text.as_bytes().first()?;
    if matches!(first, b'"' | b'\'') {
        let len = text[1..].find(first as char)?;
        let uid = &text[1..1 + len];
        return (!uid.trim().is_empty() && !uid.contains('\n')).then_some((uid, len + 2));
    }
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let end = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':' | '/')))
        .unwrap_or(text.len());
    let uid = text[..end].trim_end_matches(['.', '-', '_', ':', '/']);
    Some((uid, uid.len()))
}

/// Where `needle` (ASCII) first is in `haystack`, in any case.
pub(super) fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack
        .as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// VuePress's, VitePress's and Starlight's `<Badge text="beta" type="warning"/>` as the
/// small badge those themes draw: `<span class="badge badge-warning">beta</span>`, its
/// text escaped, its type one of the themes' (else `tip`). `None` for a tag of another
/// shape (one with content, or no `text`).
pub(super) fn badge(tag: &str) -> Option<String> {
    let tag = tag.trim();
    if !tag.starts_with("<Badge")
        || !tag[6..].starts_with(|c: char| c.is_ascii_whitespace())
        || !tag.ends_with("/>")
    {
        return None;
    }
    let text = tag_attribute(tag, "text")?;
    let kind = match tag_attribute(tag, "type").as_deref().map(str::trim) {
        Some(
            kind @ ("info" | "tip" | "warning" | "danger" | "error" | "note" | "success"
            | "caution"),
        ) => kind.to_string(),
        _ => "tip".to_string(),
    };
    Some(format!(
        "<span class=\"badge badge-{kind}\">{}</span>",
        crate::text::escape_html(text.trim())
    ))
}

/// The value of attribute `key` in an HTML tag (`href="intro"`, in either quotes), its
/// entities decoded.
pub(super) fn tag_attribute<'t>(tag: &'t str, key: &str) -> Option<std::borrow::Cow<'t, str>> {
    let bytes = tag.as_bytes();
    let mut from = 0;
    while let Some(found) = tag[from..].find(key) {
        let at = from + found;
        from = at + key.len();
        let after_space = at > 0 && bytes[at - 1].is_ascii_whitespace();
        let rest = tag[at + key.len()..].trim_start();
        let Some(value) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        if !after_space {
            continue;
        }
        let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''))?;
        let value = &value[1..];
        let end = value.find(quote)?;
        return Some(crate::text::unescape_html(&value[..end]));
    }
    None
}

/// Whether the page is Quarto's: a `.qmd` page, or any page of a Quarto site
/// (`_quarto.yml` beside content/ or in it). Asks the file system: call it only for a page
/// that holds what it decides.
pub(crate) fn quarto_page(handbook: &Handbook, doc: &crate::model::Doc) -> bool {
    let quarto_site = || {
        handbook.root.as_deref().is_some_and(|root| {
            let file = crate::load::quarto_nav::FILE;
            root.join(file).is_file() || root.join(crate::load::CONTENT_DIR).join(file).is_file()
        })
    };
    doc.source.path.ends_with(".qmd") || quarto_site()
}

/// The label a Quarto cross-reference names at the start of `text` (after its `@`):
/// `sec-` and the rest of the id, whose `.` or `:` count only inside it (`@sec-intro.`
/// ends a sentence), as pandoc reads citation keys.
pub(super) fn quarto_label(text: &str) -> Option<&str> {
    if !text.starts_with("sec-") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut end = 4;
    while end < bytes.len() {
        let b = bytes[end];
        let inner = matches!(b, b'.' | b':')
            && bytes
                .get(end + 1)
                .is_some_and(|n| n.is_ascii_alphanumeric());
        if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || inner {
            end += 1;
        } else {
            break;
        }
    }
    let label = text[..end].trim_end_matches(['-', '_']);
    (label.len() > 4).then_some(label)
}

/// A page's abbreviations (Python-Markdown's `*[SLO]: Service level objective`). A use
/// is a whole word, so it starts where a word does not go on: text is looked up at those
/// places only, once per distinct length of abbreviation (at most 64 bytes each). A
/// glossary page of thousands of abbreviations is then not searched once per abbreviation
/// in every piece of text. (Written by hand: an Aho-Corasick automaton of 16,000
/// abbreviations took longer to build than this takes to search.)
#[derive(Default)]
pub(super) struct Abbreviations {
    /// Each abbreviation and what it stands for, the first definition of each.
    pub(super) titles: HashMap<String, String>,
    /// The distinct lengths of the abbreviations, in bytes.
    pub(super) lengths: Vec<usize>,
    /// Which bytes an abbreviation starts with.
    pub(super) first_bytes: Vec<bool>,
}

impl Abbreviations {
    pub(super) fn define(&mut self, abbr: String, title: String) {
        if self.first_bytes.is_empty() {
            self.first_bytes = vec![false; 256];
        }
        self.first_bytes[abbr.as_bytes()[0] as usize] = true;
        if !self.lengths.contains(&abbr.len()) {
            self.lengths.push(abbr.len());
        }
        self.titles.entry(abbr).or_insert(title);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.titles.is_empty()
    }

    /// `text` as HTML with each whole-word use of an abbreviation wrapped in `<abbr title>`,
    /// as Python-Markdown's `abbr` draws them (the longest where two start at one place);
    /// `None` when it uses none.
    pub(super) fn wrap(&self, text: &str) -> Option<String> {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        // (start, end, title), the longest at a place first.
        let mut uses: Vec<(usize, usize, &str)> = Vec::new();
        let mut before = None;
        for (start, c) in text.char_indices() {
            if !word(before) && self.first_bytes[text.as_bytes()[start] as usize] {
                for &len in &self.lengths {
                    let end = start + len;
                    if let Some(candidate) = text.get(start..end)
                        && let Some(title) = self.titles.get(candidate)
                        && !word(text[end..].chars().next())
                    {
                        uses.push((start, end, title));
                    }
                }
            }
            before = Some(c);
        }
        if uses.is_empty() {
            return None;
        }
        uses.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
        let mut out = String::with_capacity(text.len() + uses.len() * 32);
        let mut pos = 0;
        for (start, end, title) in uses {
            if start < pos {
                continue;
            }
            out.push_str(&crate::text::escape_html(&text[pos..start]));
            out.push_str("<abbr title=\"");
            out.push_str(&crate::text::escape_html(title));
            out.push_str("\">");
            out.push_str(&crate::text::escape_html(&text[start..end]));
            out.push_str("</abbr>");
            pos = end;
        }
        out.push_str(&crate::text::escape_html(&text[pos..]));
        Some(out)
    }
}

/// Text with bare web and e-mail addresses as the events of links to them (GitHub's
/// autolinks: `https://…`, `http://…`, `www.…`, `name@example.com`), the rest as text;
/// `None` when it has none. A cheap test first: most text holds none of `://`, `www.`, `@`.
pub(super) fn autolinks<'t>(text: &str) -> Option<Vec<Event<'t>>> {
    let bytes = text.as_bytes();
    if crate::finder!(b"://").find(bytes).is_none()
        && crate::finder!(b"www.").find(bytes).is_none()
        && !text.contains('@')
    {
        return None;
    }
    let mut finder = linkify::LinkFinder::new();
    // Without a scheme only `www.` addresses, as GitHub: `example.org/x` stays text.
    finder.url_must_have_scheme(false);
    let mut out = Vec::new();
    let mut last = 0;
    for link in finder.links(text) {
        let found = link.as_str();
        let dest = match link.kind() {
            linkify::LinkKind::Url => {
                let lower = found.get(..8).unwrap_or(found).to_ascii_lowercase();
                if lower.starts_with("https://") || lower.starts_with("http://") {
                    found.to_string()
                } else if lower.starts_with("www.") && !found.contains("://") {
                    format!("http://{found}")
                } else {
                    continue;
                }
            }
            linkify::LinkKind::Email => format!("mailto:{found}"),
            _ => continue,
        };
        if link.start() > last {
            out.push(Event::Text(CowStr::from(
                text[last..link.start()].to_string(),
            )));
        }
        out.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Autolink,
            dest_url: dest.into(),
            title: "".into(),
            id: "".into(),
        }));
        out.push(Event::Text(found.to_string().into()));
        out.push(Event::End(TagEnd::Link));
        last = link.end();
    }
    if out.is_empty() {
        return None;
    }
    if last < text.len() {
        out.push(Event::Text(CowStr::from(text[last..].to_string())));
    }
    Some(out)
}

/// The last search for a `</xref>` ([`BodyWriter::closing_xref_after`]): the paragraph's end,
/// where the search began, and the closing tag it found (offsets in the body).
#[derive(Debug, Clone, Copy)]
pub(super) struct XrefSearch {
    pub(super) para_end: usize,
    pub(super) searched_from: usize,
    pub(super) found: Option<usize>,
}

impl<'a> BodyWriter<'a> {
    /// Step 4: inline text other generators write: abbreviations, wikilinks' text, emoji
    /// codes, an embedded note's end, a link without text.
    pub(super) fn inline(
        &mut self,
        event: Event<'a>,
        range: &Range<usize>,
        synthetic: bool,
    ) -> Option<Event<'a>> {
        if !self.found.abbreviations.is_empty()
            && !synthetic
            && !self.in_code_block
            && self.image_depth == 0
            && self.in_heading.is_none()
            && let Event::Text(t) = &event
            && let Some(html) = self.found.abbreviations.wrap(t)
        {
            self.rendered.text.push_str(t);
            self.events.push(Event::InlineHtml(html.into()));
            return None;
        }
        // An unresolved wikilink is its text: its start was skipped, so is its end.
        if self.unlinked_depth > 0 {
            match event {
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    self.unlinked_depth -= 1;
                    if let Some(text) = self.unlinked_text.take() {
                        self.rendered.text.push_str(&text);
                        self.events.push(Event::Text(text.into()));
                    }
                    return None;
                }
                Event::Text(_) if self.unlinked_text.is_some() => return None,
                _ => {}
            }
        }
        // A GitHub-wiki link (`[[Link text|Page]]`) shows the text written first.
        if let Some((at, text)) = &self.wiki_text
            && self.events.len() > *at
        {
            match &event {
                // (An embedded note's end is still its image's here.)
                Event::End(TagEnd::Link | TagEnd::Image) => {
                    self.rendered.text.push_str(text);
                    self.events.push(Event::Text(text.clone().into()));
                    self.wiki_text = None;
                }
                Event::Text(_) => return None,
                _ => {}
            }
        }
        // GitHub's emoji codes (`:tada:`) are the emoji; a heading keeps its id from the
        // code, as GitHub's anchors do (`## :rocket: Launch` is `#rocket-launch`).
        if !synthetic
            && !self.in_code_block
            && let Event::Text(t) = &event
            && let Some(shown) = with_emoji(t)
        {
            if self.in_heading.is_some() {
                self.heading_text.push_str(t);
            }
            self.rendered.text.push_str(&shown);
            self.events.push(Event::Text(shown.into()));
            return None;
        }
        // A Quarto cross-reference (`@sec-intro`, `[@sec-intro]`) is a link to its heading.
        if self.quarto_references
            && !synthetic
            && !self.in_code_block
            && self.link_depth == 0
            && self.image_depth == 0
            && let Event::Text(t) = &event
            && t.contains("@sec-")
        {
            let t = t.to_string();
            if self.in_heading.is_some() {
                self.heading_text.push_str(&t);
            }
            self.cross_references(&t, range);
            return None;
        }
        // DocFX's shorthand (`@intro-page`) is a link to the page with that uid.
        if self.docfx_shorthand
            && !synthetic
            && !self.in_code_block
            && self.link_depth == 0
            && self.image_depth == 0
            && self.region.balance <= 0
            && let Event::Text(t) = &event
            && t.contains('@')
            && let Some(pieces) = self.docfx_references(t, range)
        {
            if self.in_heading.is_some() {
                self.heading_text.push_str(t);
            }
            for piece in pieces {
                match piece {
                    Event::Text(text) => match autolinks(&text) {
                        Some(linked) => {
                            self.rendered.text.push_str(&text);
                            self.events.extend(linked);
                        }
                        None => {
                            self.rendered.text.push_str(&text);
                            self.events.push(Event::Text(text));
                        }
                    },
                    event => self.events.push(event),
                }
            }
            return None;
        }
        // A bare address in text (`https://status.example.com`, `help@example.com`) is a
        // link, as GitHub shows it: not in code, in a link or image, or in raw HTML (whose
        // `<a>` may hold it).
        if !synthetic
            && !self.in_code_block
            && self.link_depth == 0
            && self.image_depth == 0
            && self.region.balance <= 0
            && let Event::Text(t) = &event
            && let Some(linked) = autolinks(t)
        {
            if self.in_heading.is_some() {
                self.heading_text.push_str(t);
            }
            self.rendered.text.push_str(t);
            self.events.extend(linked);
            return None;
        }
        // The end of an embedded note drawn as a link (image depth already counted down).
        let event = if self.embedded_notes > 0 && matches!(event, Event::End(TagEnd::Image)) {
            self.embedded_notes -= 1;
            Event::End(TagEnd::Link)
        } else {
            event
        };
        if let Event::End(TagEnd::Link) = &event
            && let Some((at, title)) = self.empty_link_title.take()
            && self.events.len() == at + 1
        {
            self.rendered.text.push_str(&title);
            self.events.push(Event::Text(title.into()));
        }
        Some(event)
    }

    /// Text with Quarto cross-references, as events: each `@sec-x` that names a heading's
    /// id (`## Setup {#sec-x}`, on this page or another) a link to it showing the
    /// heading's text, the brackets of `[@sec-x]` dropped; one that names none is left as
    /// written and reported at its place. `range` is the text's in the body.
    pub(super) fn cross_references(&mut self, text: &str, range: &Range<usize>) {
        let span = self.span(range);
        // Offsets in the text are the file's only when the parser gave it as written.
        let exact = range.len() == text.len();
        let mut written = 0;
        let mut at = 0;
        while let Some(found) = text[at..].find("@sec-") {
            let start = at + found;
            at = start + 1;
            let mention = text[..start]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_');
            let Some(label) = quarto_label(&text[start + 1..]).filter(|_| !mention) else {
                continue;
            };
            let end = start + 1 + label.len();
            let here = if exact {
                span.start + start..span.start + end
            } else {
                span.clone()
            };
            let Some((to, _, heading)) = self.handbook.myst_labels.get(label) else {
                self.diags.push(
                    Diagnostic::warning(
                        "broken-link",
                        &self.doc.source.path,
                        format!("`@{label}` refers to no heading: none in the handbook has the id `{label}`"),
                    )
                    .with_help(format!("give the heading it means that id (`## Title {{#{label}}}`), or fix the name"))
                    .at(&self.doc.source.text, here),
                );
                continue;
            };
            let (to, heading) = (*to, heading.clone());
            let bracketed = text[..start].ends_with('[') && text[end..].starts_with(']');
            let (cut_start, cut_end) = if bracketed {
                (start - 1, end + 1)
            } else {
                (start, end)
            };
            let Some(href) = self.destination(&format!("#{label}"), false, here) else {
                continue;
            };
            self.title_deps.push(to);
            let shown = if heading.is_empty() {
                label.to_string()
            } else {
                heading
            };
            let before = &text[written..cut_start];
            self.rendered.text.push_str(before);
            self.rendered.text.push_str(&shown);
            self.events.push(Event::Text(before.to_string().into()));
            self.events.extend(inline_link(href, shown));
            written = cut_end;
            at = cut_end;
        }
        let rest = &text[written..];
        self.rendered.text.push_str(rest);
        self.events.push(Event::Text(rest.to_string().into()));
    }

    /// Text with DocFX's shorthand references, as events: each `@uid` (not right after a
    /// word, so no e-mail address) that names a page's uid is a link to that page showing
    /// its title; the rest is text, and an `@name` no page has stays as written, unreported
    /// (a mention, a package scope). `None` when the text names no uid.
    pub(super) fn docfx_references(
        &mut self,
        text: &str,
        range: &Range<usize>,
    ) -> Option<Vec<Event<'a>>> {
        let span = self.span(range);
        let exact = range.len() == text.len();
        let mut out = Vec::new();
        let mut written = 0;
        for (at, _) in text.match_indices('@') {
            if at < written {
                continue;
            }
            let after_word = text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-' | '/' | '\\'));
            if after_word {
                continue;
            }
            let Some((uid, len)) = docfx_uid(&text[at + 1..]) else {
                continue;
            };
            let Some(&to) = self.handbook.uids.get(uid.trim()) else {
                continue;
            };
            let end = at + 1 + len;
            let here = if exact {
                span.start + at..span.start + end
            } else {
                span.clone()
            };
            let path = &self.handbook.docs[to].source.path;
            let target = format!("/{}", path.strip_prefix("content/").unwrap_or(path));
            let shown = linked_title(self.handbook, self.from_dir, &target, &mut self.title_deps);
            let Some(href) = self.destination(&target, false, here) else {
                continue;
            };
            let shown = if shown.is_empty() {
                uid.to_string()
            } else {
                shown
            };
            if at > written {
                out.push(Event::Text(text[written..at].to_string().into()));
            }
            self.rendered.text.push_str(&shown);
            out.extend(inline_link(href, shown));
            written = end;
        }
        if out.is_empty() {
            return None;
        }
        if written < text.len() {
            out.push(Event::Text(text[written..].to_string().into()));
        }
        Some(out)
    }

    /// Where the `</xref>` closing a tag that ends at `from` starts: the first in the rest
    /// of its paragraph. Linear over a paragraph of many tags ([`Self::xref_search`]).
    pub(super) fn closing_xref_after(&mut self, from: usize) -> Option<usize> {
        let para_end = match self.xref_search {
            Some(XrefSearch {
                para_end,
                searched_from,
                found,
            }) if (searched_from..para_end).contains(&from) => {
                // Nothing closes between where the last search began and what it found.
                if found.is_none_or(|close| close >= from) {
                    return found;
                }
                para_end
            }
            _ => {
                let after = self.body.get(from..).unwrap_or_default();
                from + after.find("\n\n").unwrap_or(after.len())
            }
        };
        let found = self
            .body
            .get(from..para_end)
            .and_then(|para| find_ascii_case_insensitive(para, "</xref>"))
            .map(|close| from + close);
        self.xref_search = Some(XrefSearch {
            para_end,
            searched_from: from,
            found,
        });
        found
    }

    /// DocFX's cross-reference tag, `<xref href="uid"/>` (`text="…"` shows that text, else
    /// the page's title), as a link to the page with that uid; one no page has is
    /// reported as an `xref:` link is, and shown as its text. `None` for any other HTML.
    pub(super) fn xref_tag(&mut self, html: &str, range: &Range<usize>) -> Option<()> {
        let tag = html.trim();
        let name = tag.get(..5)?;
        if !name.eq_ignore_ascii_case("<xref")
            || !tag[5..].starts_with(|c: char| c.is_ascii_whitespace())
            || !tag.ends_with('>')
        {
            return None;
        }
        let uid = tag_attribute(tag, "href").or_else(|| tag_attribute(tag, "uid"))?;
        let uid = uid.trim();
        let (uid, fragment) = uid.split_once('#').unwrap_or((uid, ""));
        let uid = uid.split('?').next().unwrap_or(uid);
        let mut text = tag_attribute(tag, "text")
            .filter(|t| !t.trim().is_empty())
            .map(|t| t.into_owned());
        // `<xref href="uid">the text</xref>`: the text between is what the link shows (the
        // page's title when there is none); the events up to the closing tag are dropped.
        if !tag.ends_with("/>")
            && let Some(close) = self.closing_xref_after(range.end)
        {
            self.in_xref_text = true;
            // Its Markdown as plain text (`*the* reviews` is "the reviews").
            let inner: String = pulldown_cmark::Parser::new(&self.body[range.end..close])
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.into_string()),
                    Event::SoftBreak => Some(" ".to_string()),
                    _ => None,
                })
                .collect();
            let inner = inner.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_none() && !inner.is_empty() {
                text = Some(inner);
            }
        }
        let span = self.span(range);
        let Some(&to) = self.handbook.uids.get(uid) else {
            self.names_nothing(span, || {
                (
                    format!("`<xref href=\"{uid}\">` names no page: none has `uid: {uid}` in its front matter"),
                    "give the page it means that `uid`, or link to its file; it is shown as text meanwhile (an API's uid is resolved only by DocFX)",
                )
            });
            let shown = text.unwrap_or_else(|| uid.to_string());
            self.rendered.text.push_str(&shown);
            self.events.push(Event::Text(shown.into()));
            return Some(());
        };
        let path = &self.handbook.docs[to].source.path;
        let mut target = format!("/{}", path.strip_prefix("content/").unwrap_or(path));
        if !fragment.is_empty() {
            target = format!("{target}#{fragment}");
        }
        let shown = match text {
            Some(t) => t,
            None => linked_title(self.handbook, self.from_dir, &target, &mut self.title_deps),
        };
        let shown = if shown.is_empty() {
            uid.to_string()
        } else {
            shown
        };
        let href = self.destination(&target, false, span)?;
        self.rendered.text.push_str(&shown);
        self.events.extend(inline_link(href, shown));
        Some(())
    }

    /// Whether the HTML block `piece` (at `start` in the file) is one DocFX cross-reference
    /// tag on one line (`<xref href="uid"/>`, or `<xref href="uid">text</xref>`), drawn as
    /// a paragraph holding its link.
    pub(super) fn docfx_tag_block(&mut self, piece: &str, start: usize) -> bool {
        let tag = piece.trim();
        if !tag
            .get(..5)
            .is_some_and(|n| n.eq_ignore_ascii_case("<xref"))
            || tag.contains('\n')
        {
            return false;
        }
        let Some(open_end) = tag.find('>') else {
            return false;
        };
        let rest = &tag[open_end + 1..];
        let whole = rest.is_empty()
            || find_ascii_case_insensitive(rest, "</xref>") == Some(rest.len() - "</xref>".len());
        if !whole {
            return false;
        }
        let at = start.saturating_sub(self.offset) + (piece.len() - piece.trim_start().len());
        let range = at..at + open_end + 1;
        let events = self.events.len();
        self.events.push(Event::Start(Tag::Paragraph));
        if self.xref_tag(&tag[..=open_end], &range).is_none() {
            self.events.truncate(events);
            self.in_xref_text = false;
            return false;
        }
        // The closing tag is in this block: nothing follows to drop.
        self.in_xref_text = false;
        self.events.push(Event::End(TagEnd::Paragraph));
        true
    }
}
