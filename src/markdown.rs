//! Markdown → [`Rendered`]: the page body as HTML, plus what later stages need from the same
//! single parse — heading ids, every internal link with its source span, and the plain text
//! for the search index (mdBook's "parse once, use twice": page and index cannot drift).
//!
//! Links are written by authors as relative paths to source files (so the files read
//! correctly on GitHub); here they are resolved against the handbook and rewritten to the
//! target's output URL relative to this page. A link to a missing file is an error at the
//! link's line and column. Anchors are checked later, once every page's headings are known.

use crate::diagnostic::{Diagnostic, nearest};
use crate::model::{DocId, Handbook};
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// An internal link found in a document.
#[derive(Debug, Clone)]
pub struct LinkRef {
    /// The linked document (`None` for assets).
    pub target: Option<DocId>,
    pub anchor: Option<String>,
    /// Byte span of the link in the file, for diagnostics.
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub links: Vec<LinkRef>,
    /// Plain text of the body (no Markdown syntax), for search.
    pub text: String,
    /// Text of a `#` heading that opens the body, if any: the page title when front matter
    /// has none, and a signal to templates not to print a second `<h1>`.
    pub leading_h1: Option<String>,
    /// `id` and `name` attributes of raw HTML: link targets like heading ids.
    pub anchors: Vec<String>,
    /// Broken links found, including those past [`BROKEN_LINKS_SHOWN`] that are only counted.
    pub broken_links: usize,
}

/// Broken links reported one by one per file; the rest are counted in one diagnostic, so a
/// file with 50,000 broken links costs neither minutes (each report locates its line) nor
/// megabytes of output.
pub const BROKEN_LINKS_SHOWN: usize = 20;

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// `../` repeated once per folder in `url`: the way back to the site root from that page.
pub fn root_prefix(url: &str) -> String {
    "../".repeat(url.matches('/').count())
}

use crate::text::percent_decode_lenient as percent_decode;
pub use crate::text::{encode_path, heading_id, unique_id};

fn has_scheme(url: &str) -> bool {
    if url.starts_with("//") {
        return true;
    }
    match url.find(':') {
        Some(i) => {
            let scheme = &url[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
        }
        None => false,
    }
}

/// Resolves `rel` against the folder `base` (both `/`-separated, relative to the handbook
/// root). `None` when the path climbs above the root.
fn join_path(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

enum Resolved {
    Doc(DocId, String),
    Asset(String),
    Generated(&'static str),
    Missing(String),
}

/// Where a link destination (without the fragment) points.
fn resolve_target(handbook: &Handbook, from_dir: &str, path: &str) -> Resolved {
    let decoded = percent_decode(path);
    let Some(joined) = join_path(from_dir, &decoded) else {
        return Resolved::Missing(decoded);
    };
    if let Some(&id) = handbook.by_path.get(&joined) {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    let trimmed = joined.trim_end_matches('/');
    for index in ["_index.md", "index.md", "README.md"] {
        if let Some(&id) = handbook.by_path.get(&format!("{trimmed}/{index}")) {
            return Resolved::Doc(id, handbook.docs[id].url.clone());
        }
    }
    match trimmed {
        "content/teams" => return Resolved::Generated("teams/index.html"),
        "content/decisions" => return Resolved::Generated("decisions/index.html"),
        "content" => return Resolved::Generated("index.html"),
        _ => {}
    }
    if let Some(rest) = joined.strip_prefix("content/")
        && handbook
            .assets
            // Assets are in walk order (folder by folder), not string order: `a.pdf` sorts
            // after the folder `a/`'s files there, before them as strings.
            .binary_search_by(|a| a.split('/').cmp(rest.split('/')))
            .is_ok()
    {
        return Resolved::Asset(rest.to_string());
    }
    Resolved::Missing(joined)
}

/// Events buffered before finished top-level blocks are written out.
const FLUSH_EVENTS: usize = 4096;

/// Renders the body of document `id`.
pub fn render(handbook: &Handbook, id: DocId, diags: &mut Vec<Diagnostic>) -> Rendered {
    let doc = &handbook.docs[id];
    let body = doc.source.body();
    let offset = doc.source.body_start;
    let from_dir = doc.source.path.rsplit_once('/').map_or("", |(d, _)| d);
    let root = root_prefix(&doc.url);

    let mut rendered = Rendered::default();
    let mut events: Vec<Event> = Vec::new();
    rendered.html.reserve(body.len() * 3 / 2);
    let mut depth = 0usize;
    let mut footnotes = false;
    let mut in_heading: Option<usize> = None;
    let mut heading_text = String::new();
    let mut first_block = true;
    let mut used_ids = crate::text::UniqueIds::default();
    let raw_policy = handbook.config.markdown.raw_html;
    let mut raw_block: Option<(String, usize)> = None;
    let mut has_raw_html = false;

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let span = range.start + offset..range.end + offset;
        let event = match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                if first_block && level == HeadingLevel::H1 {
                    rendered.leading_h1 = Some(String::new());
                }
                in_heading = Some(events.len());
                heading_text.clear();
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                })
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some(start) = in_heading.take()
                    && let Event::Start(Tag::Heading { id, .. }) = &mut events[start]
                {
                    let text = heading_text.trim().to_string();
                    let wanted = id
                        .as_ref()
                        .map_or_else(|| heading_id(&text), |i| i.to_string());
                    let unique = used_ids.unique(wanted);
                    *id = Some(CowStr::from(unique.clone()));
                    if let Some(h1) = rendered.leading_h1.as_mut()
                        && h1.is_empty()
                        && rendered.headings.is_empty()
                    {
                        h1.push_str(&text);
                    }
                    rendered.headings.push(Heading {
                        level: level as u8,
                        id: unique,
                        text,
                    });
                }
                rendered.text.push('\n');
                Event::End(TagEnd::Heading(level))
            }
            Event::Start(mut tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let image = matches!(tag, Tag::Image { .. });
                if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
                    && let Some(scheme) = crate::html_policy::unsafe_scheme(dest_url, image)
                {
                    let what = if image { "an image" } else { "a link" };
                    diags.push(crate::html_policy::unsafe_url_warning(
                        &doc.source.path,
                        &doc.source.text,
                        span,
                        &scheme,
                        what,
                    ));
                    *dest_url = CowStr::from("#");
                } else if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
                    && let Some(rewritten) = rewrite(
                        handbook,
                        id,
                        from_dir,
                        &root,
                        dest_url,
                        span,
                        &mut rendered,
                        diags,
                    )
                {
                    *dest_url = rewritten;
                }
                Event::Start(tag)
            }
            // Raw HTML: a block arrives line by line and is handled whole.
            Event::Start(Tag::HtmlBlock) => {
                raw_block = Some((String::new(), span.start));
                continue;
            }
            Event::Html(t) if raw_block.is_some() => {
                if let Some((piece, _)) = raw_block.as_mut() {
                    piece.push_str(&t);
                }
                continue;
            }
            Event::End(TagEnd::HtmlBlock) => {
                let (piece, start) = raw_block.take().unwrap_or_default();
                has_raw_html = true;
                let ctx = (handbook, id, from_dir, root.as_str(), start);
                match raw_html(ctx, &piece, raw_policy, &mut rendered, diags) {
                    Some(html) => Event::Html(html.into()),
                    None => Event::Text(piece.into()),
                }
            }
            Event::Html(t) | Event::InlineHtml(t) => {
                has_raw_html = true;
                let ctx = (handbook, id, from_dir, root.as_str(), span.start);
                match raw_html(ctx, &t, raw_policy, &mut rendered, diags) {
                    Some(html) => Event::InlineHtml(html.into()),
                    None => Event::Text(t),
                }
            }
            Event::Text(t) => {
                if in_heading.is_some() {
                    heading_text.push_str(&t);
                }
                rendered.text.push_str(&t);
                Event::Text(t)
            }
            Event::Code(t) => {
                if in_heading.is_some() {
                    heading_text.push_str(&t);
                }
                rendered.text.push_str(&t);
                Event::Code(t)
            }
            Event::SoftBreak | Event::HardBreak => {
                rendered.text.push(' ');
                event
            }
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::CodeBlock | TagEnd::TableCell,
            ) => {
                rendered.text.push('\n');
                event
            }
            other => other,
        };
        if matches!(event, Event::End(_)) && in_heading.is_none() {
            first_block = false;
        }
        match &event {
            Event::Start(tag) => {
                depth += 1;
                footnotes |= matches!(tag, Tag::FootnoteDefinition(_));
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::FootnoteReference(_) => footnotes = true,
            _ => {}
        }
        events.push(event);
        // Write finished top-level blocks as they come, so a 100 MB page never holds all its
        // events at once. Only between top-level blocks (tables and lists are whole), and
        // not once footnotes appear (the writer numbers them across the whole page).
        if depth == 0 && !footnotes && events.len() >= FLUSH_EVENTS {
            pulldown_cmark::html::push_html(&mut rendered.html, events.drain(..));
        }
    }
    if rendered.leading_h1.as_deref() == Some("") {
        rendered.leading_h1 = None;
    }
    pulldown_cmark::html::push_html(&mut rendered.html, events.into_iter());
    if rendered.broken_links > BROKEN_LINKS_SHOWN {
        let more = rendered.broken_links - BROKEN_LINKS_SHOWN;
        diags.push(
            Diagnostic::error(
                "broken-link",
                &doc.source.path,
                format!("{more} more broken links in this file are not listed ({} in all)", rendered.broken_links),
            )
            .with_help(format!("the first {BROKEN_LINKS_SHOWN} are listed above; fix them and run `orgbook check` again for the next ones")),
        );
    }
    if has_raw_html && raw_policy == crate::html_policy::RawHtml::Sanitize {
        rendered.html = crate::html_policy::sanitize(&rendered.html);
    }
    rendered
}

/// One raw-HTML piece under the `[markdown] raw_html` policy: its URLs neutralised or
/// resolved like Markdown links, its ids recorded as anchors. `None` means "show as text".
fn raw_html(
    (handbook, id, from_dir, root, start): (&Handbook, DocId, &str, &str, usize),
    piece: &str,
    policy: crate::html_policy::RawHtml,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    if policy == crate::html_policy::RawHtml::Escape {
        return None;
    }
    let doc = &handbook.docs[id];
    let ctx = crate::html_policy::RawContext {
        file: &doc.source.path,
        text: &doc.source.text,
        offset: start,
    };
    let mut links = Rendered {
        broken_links: rendered.broken_links,
        ..Rendered::default()
    };
    let mut link_diags = Vec::new();
    let html = crate::html_policy::process_raw(
        piece,
        &ctx,
        &mut rendered.anchors,
        &mut |url, span| {
            rewrite(
                handbook,
                id,
                from_dir,
                root,
                url,
                span,
                &mut links,
                &mut link_diags,
            )
            .map(|c| c.into_string())
        },
        diags,
    );
    rendered.links.extend(links.links);
    rendered.broken_links = links.broken_links;
    diags.extend(link_diags);
    Some(html)
}

/// Rewrites one link destination, recording the link and reporting it if broken. Returns
/// `None` to keep the destination as written (external links).
#[allow(clippy::too_many_arguments)]
fn rewrite<'a>(
    handbook: &Handbook,
    self_id: DocId,
    from_dir: &str,
    root: &str,
    dest: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    if dest.is_empty() || has_scheme(dest) {
        return None;
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let anchor = fragment.filter(|f| !f.is_empty()).map(percent_decode);
    if path.is_empty() {
        rendered.links.push(LinkRef {
            target: Some(self_id),
            anchor,
            span,
        });
        return None;
    }
    let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    match resolve_target(handbook, from_dir, path) {
        Resolved::Doc(target, url) => {
            rendered.links.push(LinkRef {
                target: Some(target),
                anchor,
                span,
            });
            Some(format!("{root}{}{suffix}", encode_path(&url)).into())
        }
        Resolved::Asset(rel) => {
            rendered.links.push(LinkRef {
                target: None,
                anchor: None,
                span,
            });
            Some(format!("{root}{}{suffix}", encode_path(&rel)).into())
        }
        Resolved::Generated(url) => Some(format!("{root}{url}{suffix}").into()),
        Resolved::Missing(joined) if handbook.unparsed.contains(&joined) => None,
        Resolved::Missing(_) if rendered.broken_links >= BROKEN_LINKS_SHOWN => {
            rendered.broken_links += 1;
            None
        }
        Resolved::Missing(joined) => {
            rendered.broken_links += 1;
            let doc = &handbook.docs[self_id];
            let candidates = handbook
                .by_path
                .keys()
                .map(String::as_str)
                .chain(handbook.assets.iter().map(String::as_str));
            let near = nearest(&joined, candidates).map(|n| {
                let rel = relative_path(from_dir, n);
                format!("did you mean `{rel}`?")
            });
            let help = near.unwrap_or_else(|| {
                "link to the Markdown source file with a path relative to this file, e.g. `../teams/payments.md`".into()
            });
            diags.push(
                Diagnostic::error(
                    "broken-link",
                    &doc.source.path,
                    format!("link to `{path}`: no such file ({joined})"),
                )
                .with_help(help)
                .at(&doc.source.text, span),
            );
            None
        }
    }
}

/// The relative path from folder `from_dir` to file `to` (both root-relative), for hints.
pub fn relative_path(from_dir: &str, to: &str) -> String {
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let to_parts: Vec<&str> = to.split('/').collect();
    let common = from
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from.len() - common);
    out.push_str(&to_parts[common..].join("/"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_join_and_relativise() {
        assert_eq!(
            join_path("content/teams", "../decisions/0001-a.md").unwrap(),
            "content/decisions/0001-a.md"
        );
        assert_eq!(join_path("content", "../../x.md"), None);
        assert_eq!(
            relative_path("content/teams/p", "content/decisions/1.md"),
            "../../decisions/1.md"
        );
        assert_eq!(root_prefix("teams/a.html"), "../");
        assert_eq!(root_prefix("index.html"), "");
    }

    #[test]
    fn schemes_are_external() {
        assert!(has_scheme("https://x"));
        assert!(has_scheme("mailto:a@b"));
        assert!(!has_scheme("../a.md"));
        assert!(!has_scheme("a.md#x:y"));
    }
}
