//! mdBook's and GitBook's table of contents: `SUMMARY.md` at the top of `content/`, when it
//! holds links only (a `SUMMARY.md` with prose is a page like any other). Both generators
//! read it only as the book's navigation and never publish it, so here it is no page either:
//! it is set apart in the link stage (kept among the handbook's `partials`, so `serve` hands
//! it back to the next re-link after an edit), its links order the pages
//! (`link::summary_order`), its part titles (`# Getting started`, GitBook's `## Culture`)
//! head their chapters in the sidebar, and its links are checked here, since no page
//! rendering sees them. A link to it from a page goes to the home page, which is where a
//! reader looks for the book's contents.

use crate::diagnostic::Diagnostic;
use crate::model::{Doc, DocId, DocKind};
use pulldown_cmark::{Event, Tag, TagEnd};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// The table of contents' source path.
pub const PATH: &str = "content/SUMMARY.md";

/// What the table of contents says beyond the order of the pages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableOfContents {
    /// Its part titles, in order.
    pub parts: Vec<PartTitle>,
}

/// A part title of the table of contents: a heading between groups of chapters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartTitle {
    /// Empty for mdBook's separator (`---`), which ends a part without starting one.
    pub title: String,
    /// The place of the first page listed below it, in the numbering of
    /// `Page::summary_weight`.
    pub before: i64,
}

/// One reading of the table of contents' body.
pub(super) struct Summary {
    /// The content paths its links name (`content/guide/README.md` for `guide/`), in
    /// order, with each link's place in the body.
    pub targets: Vec<(String, Range<usize>)>,
    /// Draft chapters (`[Laptop setup]()`): listed, with no page yet.
    pub drafts: Vec<Range<usize>>,
    pub toc: TableOfContents,
}

/// Takes the table of contents out of `docs`, when there is one.
pub(super) fn take(docs: &mut Vec<Doc>) -> Option<Doc> {
    let at = docs.iter().position(|d| {
        d.source.path == PATH
            && matches!(d.kind, DocKind::Page(_))
            && lists_only_links(d.source.body())
    })?;
    Some(docs.remove(at))
}

/// Whether a `SUMMARY.md` body is a table of contents: links, with headings and rules
/// between them. mdBook refuses any other text there and GitBook shows none, so a
/// `SUMMARY.md` with prose of its own (a handbook's "summary of the year") is a page its
/// author wrote to be read, and stays one.
pub(crate) fn lists_only_links(body: &str) -> bool {
    let mut links = 0usize;
    let mut link_depth = 0usize;
    let mut in_heading = false;
    for event in pulldown_cmark::Parser::new(body) {
        match event {
            Event::Start(Tag::Link { .. }) => {
                links += 1;
                link_depth += 1;
            }
            Event::End(TagEnd::Link) => link_depth = link_depth.saturating_sub(1),
            Event::Start(Tag::Heading { .. }) => in_heading = true,
            Event::End(TagEnd::Heading(_)) => in_heading = false,
            Event::Text(t) | Event::Code(t)
                if link_depth == 0 && !in_heading && !t.trim().is_empty() =>
            {
                return false;
            }
            _ => {}
        }
    }
    links > 0
}

/// Reads the table of contents' body. The first heading, when no link comes before it, is
/// the book's title (mdBook's `# Summary`, GitBook's `# Table of contents`); every other
/// heading is a part title.
pub(super) fn read(body: &str) -> Summary {
    let mut summary = Summary {
        targets: Vec::new(),
        drafts: Vec::new(),
        toc: TableOfContents::default(),
    };
    let mut seen_heading = false;
    let mut heading: Option<String> = None;
    for (event, range) in pulldown_cmark::Parser::new(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::Text(t) | Event::Code(t) if heading.is_some() => {
                heading.get_or_insert_default().push_str(&t);
            }
            Event::End(TagEnd::Heading(_)) => {
                let title = heading.take().unwrap_or_default();
                let title = title.trim();
                let is_book_title = !seen_heading && summary.targets.is_empty();
                seen_heading = true;
                if !is_book_title && !title.is_empty() {
                    summary.toc.parts.push(PartTitle {
                        title: title.to_string(),
                        before: summary.targets.len() as i64 + 1,
                    });
                }
            }
            // mdBook's `---` between groups of chapters: a part without a title.
            Event::Rule if !summary.targets.is_empty() => summary.toc.parts.push(PartTitle {
                title: String::new(),
                before: summary.targets.len() as i64 + 1,
            }),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let dest = dest_url.trim();
                if dest.is_empty() {
                    summary.drafts.push(range);
                } else if let Some(target) = content_path(dest) {
                    summary.targets.push((target, range));
                }
            }
            _ => {}
        }
    }
    summary
}

/// The content path a link of the table of contents names: relative to `content/`, a
/// folder standing for its README.md. `None` for an address elsewhere or an anchor.
fn content_path(dest: &str) -> Option<String> {
    // A scheme (`https:`, `mailto:`) before any `/`: an address elsewhere.
    let external = dest
        .split('/')
        .next()
        .is_some_and(|first| first.contains(':'));
    if dest.starts_with('#') || external {
        return None;
    }
    let decoded = crate::text::percent_decode_lenient(dest.split('#').next().unwrap_or(""));
    let path = decoded.trim_start_matches("./").trim_start_matches('/');
    let target = format!("content/{path}");
    Some(if target.ends_with('/') {
        format!("{target}README.md")
    } else {
        target
    })
}

/// What is known of the handbook's files when the table of contents' links are checked.
pub(super) struct Files<'a> {
    pub by_path: &'a HashMap<String, DocId>,
    pub folder_index: &'a std::collections::BTreeMap<String, DocId>,
    pub drafts: &'a [String],
    pub unparsed: &'a BTreeSet<String>,
    pub assets: &'a [String],
}

/// Reports the table of contents' draft chapters, and its links to Markdown files the
/// handbook does not have (a broken link, as on a page: an error unless `[links] broken
/// = "warn"`).
pub(super) fn check(
    summary_doc: &Doc,
    summary: &Summary,
    files: &Files,
    broken_warn: bool,
    diags: &mut Vec<Diagnostic>,
) {
    let text = &summary_doc.source.text;
    let at = |range: &Range<usize>| {
        let start = summary_doc.source.body_start;
        start + range.start..start + range.end
    };
    for range in &summary.drafts {
        diags.push(
            Diagnostic::warning(
                "broken-link",
                PATH,
                "a draft chapter (`[title]()`): mdBook lists it without a page; orgbook leaves it out of the navigation until it has one",
            )
            .with_help("when the chapter is written, put its file's path between the parentheses")
            .at(text, at(range)),
        );
    }
    for (target, range) in &summary.targets {
        let known = files.by_path.contains_key(target)
            || files.drafts.contains(target)
            || files.unparsed.contains(target)
            || target.strip_prefix("content/").is_some_and(|rel| {
                files
                    .assets
                    .binary_search_by(|a| a.as_str().cmp(rel))
                    .is_ok()
            })
            || target
                .strip_suffix("/README.md")
                .is_some_and(|folder| files.folder_index.contains_key(folder));
        if known || !crate::load::is_markdown(target) {
            continue;
        }
        let message = format!(
            "the table of contents lists `{target}`, which is not there: the chapter is left out of the navigation"
        );
        let d = if broken_warn {
            Diagnostic::warning("broken-link", PATH, message)
        } else {
            Diagnostic::error("broken-link", PATH, message)
        };
        diags.push(
            d.with_help("fix the path, or write the chapter's file")
                .at(text, at(range)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_body_of_links_is_a_table_of_contents() {
        assert!(lists_only_links(
            "# Summary\n\n[Intro](README.md)\n\n---\n\n# Part\n\n- [A](a.md)\n    - [B](b/)\n- [Draft]()\n<!-- later -->\n"
        ));
        assert!(lists_only_links(
            "# Table of contents\n\n* [Welcome](README.md)\n\n## Culture\n\n* [Values](culture/values.md)\n"
        ));
        assert!(!lists_only_links(
            "# Summary of the year\n\nWe grew to four teams. See [plans](plans.md).\n"
        ));
        assert!(!lists_only_links("- [Plans](plans.md): what comes next\n"));
        assert!(!lists_only_links("# Summary\n\nNothing yet.\n"));
        assert!(!lists_only_links("# Summary\n"));
    }

    #[test]
    fn part_titles_follow_the_book_title_and_head_the_next_link() {
        let s = read(
            "# Summary\n\n[Intro](README.md)\n\n# Getting started\n\n- [A](a.md)\n- [Draft]()\n\n# Later\n\n- [B](./b/)\n- [Out](https://x.example/)\n\n---\n\n[End](end.md)\n",
        );
        let targets: Vec<&str> = s.targets.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            targets,
            [
                "content/README.md",
                "content/a.md",
                "content/b/README.md",
                "content/end.md"
            ]
        );
        assert_eq!(s.drafts.len(), 1);
        let parts: Vec<(&str, i64)> = s
            .toc
            .parts
            .iter()
            .map(|p| (p.title.as_str(), p.before))
            .collect();
        assert_eq!(parts, [("Getting started", 2), ("Later", 3), ("", 4)]);
    }

    #[test]
    fn a_gitbook_group_before_any_link_is_a_part() {
        let s = read("# Table of contents\n\n## People\n\n* [Hiring](people/hiring.md)\n");
        assert_eq!(s.toc.parts.len(), 1);
        assert_eq!(s.toc.parts[0].title, "People");
        assert_eq!(s.toc.parts[0].before, 1);
    }
}
