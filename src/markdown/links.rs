//! What the rendered bodies tell about links, once every page is rendered: which
//! `#anchor`s miss their heading ([`check_anchors`], after [`retarget_anchors`] has pointed
//! the ones written for another generator's slugs at their heading), which pages link to
//! each page ([`backlinks`]) and which dot-folder files a page links to
//! ([`keep_linked_dot_assets`]). Heading ids are known only after rendering, so this runs
//! between the Markdown stage and the pages.

use super::Rendered;
use crate::diagnostic::{Diagnostic, nearest};
use crate::link::Handbook;
use crate::model::DocId;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Warns about `#anchor`s that no heading in the target defines. Runs after all pages are
/// rendered because only then are all heading ids known.
pub fn check_anchors(handbook: &Handbook, rendered: &[Rendered], diags: &mut Vec<Diagnostic>) {
    // Each target's anchors as a set, built once: 50,000 links into a page with 20,000
    // headings must not compare every pair.
    let mut anchor_sets: std::collections::HashMap<DocId, std::collections::HashSet<&str>> =
        Default::default();
    // Links to anchors a page's API blocks would have made: (links, files) per page.
    let mut into_generated: BTreeMap<DocId, (usize, BTreeSet<DocId>)> = BTreeMap::new();
    for (id, r) in rendered.iter().enumerate() {
        let doc = &handbook.docs[id];
        let mut missing = 0usize;
        for link in &r.links {
            let (Some(target), Some(anchor)) = (link.target, &link.anchor) else {
                continue;
            };
            let ids = &rendered[target].headings;
            let known = anchor_sets.entry(target).or_insert_with(|| {
                ids.iter()
                    .map(|h| h.id.as_str())
                    .chain(rendered[target].anchors.iter().map(String::as_str))
                    .collect()
            });
            if known.contains(anchor.as_str()) {
                continue;
            }
            if rendered[target].generated_anchors {
                let (links, files) = into_generated.entry(target).or_default();
                *links += 1;
                files.insert(id);
                continue;
            }
            missing += 1;
            if missing > crate::markdown::BROKEN_LINKS_SHOWN {
                continue;
            }
            let near = nearest(anchor, ids.iter().map(|h| h.id.as_str()));
            let help = match near {
                Some(n) => format!("did you mean `#{n}`?"),
                None if ids.is_empty() => {
                    format!("{} has no headings", handbook.docs[target].source.path)
                }
                None => format!(
                    "headings in {}: {}",
                    handbook.docs[target].source.path,
                    ids.iter()
                        .take(8)
                        .map(|h| format!("#{}", h.id))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let d = Diagnostic::warning(
                "missing-anchor",
                &doc.source.path,
                format!(
                    "`#{anchor}` does not match any heading in {}",
                    handbook.docs[target].source.path
                ),
            )
            .with_help(help);
            diags.push(link.locate(d, &doc.source.text));
        }
        if missing > crate::markdown::BROKEN_LINKS_SHOWN {
            diags.push(
                Diagnostic::warning(
                    "missing-anchor",
                    &doc.source.path,
                    format!(
                        "{} more links to missing anchors in this file are not listed",
                        missing - crate::markdown::BROKEN_LINKS_SHOWN
                    ),
                )
                .with_help("fix the ones listed above and run `orgbook check` again"),
            );
        }
    }
    // One warning per such page, not one per link: hatch's CLI reference, made by
    // mkdocs-click, is the target of 101 links from 30 pages.
    for (target, (links, files)) in into_generated {
        diags.push(
            Diagnostic::warning(
                "missing-anchor",
                &handbook.docs[target].source.path,
                format!(
                    "{links} link(s) from {} file(s) point at anchors this page's mkdocstrings (or mkdocs-click) blocks would make; orgbook does not generate them, so those links open the page at its top",
                    files.len()
                ),
            )
            .with_help("add headings for the parts readers need (their ids are the anchors), or link to the API reference where it is published"),
        );
    }
}

/// For each document, the documents whose Markdown links to it (deduplicated, sorted by
/// title, never including itself).
pub fn backlinks(handbook: &Handbook, rendered: &[Rendered]) -> Vec<Vec<DocId>> {
    let mut back: Vec<BTreeSet<DocId>> = vec![BTreeSet::new(); rendered.len()];
    for (from, r) in rendered.iter().enumerate() {
        for target in r.links.iter().filter_map(|l| l.target) {
            if target != from {
                back[target].insert(from);
            }
        }
    }
    back.into_iter()
        .map(|set| {
            let mut v: Vec<DocId> = set.into_iter().collect();
            v.sort_by_cached_key(|&id| (handbook.docs[id].title().to_lowercase(), id));
            v
        })
        .collect()
}

/// Files in dot-folders (`.gitbook/assets/…`) and other generators' `_` folders
/// (`_static/…`, [`crate::load::published_when_linked`]) are published only when a page
/// links to them: records the others in `handbook.unpublished_assets`, which the static-file stage
/// skips. The asset list itself stays complete so that `serve`, which keeps the handbook
/// between edits, still resolves a link added later.
pub fn keep_linked_dot_assets(handbook: &mut Handbook, rendered: &[Rendered]) {
    handbook.unpublished_assets.clear();
    if !handbook
        .assets
        .iter()
        .any(|a| crate::load::published_when_linked(a))
    {
        return;
    }
    let linked: BTreeSet<&str> = rendered
        .iter()
        .flat_map(|r| r.links.iter().filter_map(|l| l.asset.as_deref()))
        .collect();
    let unlinked: BTreeSet<String> = handbook
        .assets
        .iter()
        .filter(|a| crate::load::published_when_linked(a) && !linked.contains(a.as_str()))
        .cloned()
        .collect();
    handbook.unpublished_assets = unlinked;
}

/// Slugs other generators give a heading, for anchors written against them: punctuation
/// kept (`c++-&-rust`), the transliterating slugify of Eleventy, GitBook and Hugo's
/// `urlize` (`c-rust`), and Python-Markdown's, which MkDocs uses (punctuation dropped, runs
/// of spaces and hyphens made one hyphen: `0.46.0 - 2024-06-16` → `0460-2024-06-16`).
/// Compared case-insensitively, as are GitHub ids.
fn other_slugs(text: &str) -> [String; 3] {
    let kept = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .to_lowercase();
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut mkdocs = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() || c == '_' {
            mkdocs.push(c);
        } else if (c.is_whitespace() || c == '-') && !mkdocs.ends_with('-') {
            mkdocs.push('-');
        }
    }
    [
        kept,
        slug.trim_matches('-').to_string(),
        mkdocs.trim_matches('-').to_string(),
    ]
}

/// Links whose `#anchor` misses every heading id but matches a heading under another common
/// slug rule (case-insensitive, punctuation kept, Eleventy / GitBook / Hugo slugify, MkDocs) are
/// pointed at that heading — in the link record and in the page's HTML — and reported with
/// the strict-only code `anchor-other-rule` (shown by `--strict` only). Runs before
/// [`check_anchors`], which then sees only anchors no rule explains.
pub fn retarget_anchors(
    handbook: &Handbook,
    rendered: &mut [Rendered],
    diags: &mut Vec<Diagnostic>,
) {
    // Back to the anchors as written, so that checking again (`serve` does after an edit)
    // gives the same diagnostics, and follows headings that changed since.
    for r in rendered.iter_mut() {
        for (i, written) in std::mem::take(&mut r.retargeted) {
            let link = &mut r.links[i];
            let old_href = link.href.clone();
            let base = old_href
                .rsplit_once('#')
                .map_or(old_href.as_str(), |(b, _)| b);
            let new_href = format!("{base}#{written}");
            r.html = r.html.replace(&href_attr(&old_href), &href_attr(&new_href));
            link.anchor = Some(written);
            link.href = new_href;
        }
    }
    // (document, link, the heading id it means, whether by another generator's slug rule)
    let mut fixes: Vec<(DocId, usize, String, bool)> = Vec::new();
    // Each linked page's ids, as a set made on first use: a page with many anchors and
    // many links to it is not searched once per link.
    let mut known: HashMap<DocId, HashSet<&str>> = HashMap::new();
    for (id, r) in rendered.iter().enumerate() {
        for (i, link) in r.links.iter().enumerate() {
            let (Some(target), Some(anchor)) = (link.target, &link.anchor) else {
                continue;
            };
            let heads = &rendered[target].headings;
            let ids = known.entry(target).or_insert_with(|| {
                heads
                    .iter()
                    .map(|h| h.id.as_str())
                    .chain(rendered[target].anchors.iter().map(String::as_str))
                    .collect()
            });
            if ids.contains(anchor.as_str()) {
                continue;
            }
            let found = heads
                .iter()
                .find(|h| {
                    h.id.eq_ignore_ascii_case(anchor)
                        || other_slugs(&h.text)
                            .iter()
                            .any(|s| s.eq_ignore_ascii_case(anchor))
                })
                .or_else(|| {
                    // MkDocs numbers a repeated heading's slug `_1`, `_2`: the second and
                    // third heading of that slug.
                    let (base, n) = anchor.rsplit_once('_')?;
                    let n: usize = n.parse().ok()?;
                    heads
                        .iter()
                        .filter(|h| other_slugs(&h.text)[2].eq_ignore_ascii_case(base))
                        .nth(n)
                });
            if let Some(h) = found {
                fixes.push((id, i, h.id.clone(), true));
            } else if let Some((labelled, heading_id, _)) = handbook.myst_labels.get(anchor)
                && *labelled == target
                && !heading_id.is_empty()
                && heads.iter().any(|h| &h.id == heading_id)
            {
                // MyST: `(label)=` before a heading makes `#label` that heading (mystmd
                // gives it the label as its id), so this is no other rule's slug.
                fixes.push((id, i, heading_id.clone(), false));
            } else if rendered[target].generated_anchors {
                // An anchor the target's API blocks would have made: the link opens the
                // page at its top (no dangling fragment); `check_anchors` counts it.
                fixes.push((id, i, String::new(), false));
            }
        }
    }
    for (id, i, new_id, other_rule) in fixes {
        let r = &mut rendered[id];
        let link = &mut r.links[i];
        let old_href = link.href.clone();
        let base = old_href
            .rsplit_once('#')
            .map_or(old_href.as_str(), |(b, _)| b);
        let new_href = if new_id.is_empty() {
            base.to_string()
        } else {
            format!("{base}#{new_id}")
        };
        let doc = &handbook.docs[id];
        if other_rule {
            let d = Diagnostic::warning(
                "anchor-other-rule",
                &doc.source.path,
                format!(
                    "`#{}` matches heading `#{new_id}` only under another generator's slug rule",
                    link.anchor.as_deref().unwrap_or("")
                ),
            )
            .with_help(format!(
                "write `#{new_id}`, the id GitHub and orgbook give that heading"
            ));
            diags.push(link.locate(d, &doc.source.text));
        }
        if new_id.is_empty() {
            // The anchor as written stays, for `check_anchors` to count.
            r.retargeted
                .push((i, link.anchor.clone().unwrap_or_default()));
        } else if let Some(written) = link.anchor.replace(new_id) {
            r.retargeted.push((i, written));
        }
        link.href = new_href.clone();
        r.html = r.html.replace(&href_attr(&old_href), &href_attr(&new_href));
    }
}

/// An `href` attribute as the Markdown renderer writes it.
fn href_attr(href: &str) -> String {
    let mut out = String::from("href=\"");
    let _ = pulldown_cmark_escape::escape_href(&mut out, href);
    out.push('"');
    out
}
