//! What the rendered bodies tell about links, once every page is rendered: which
//! `#anchor`s miss their heading ([`check_anchors`], after [`retarget_anchors`] has pointed
//! the ones written for another generator's slugs, or BookStack's cut ids, at their
//! heading), which pages link to each page ([`backlinks`]) and which dot-folder files a
//! page links to ([`keep_linked_dot_assets`]). Heading ids are known only after rendering, so this runs
//! between the Markdown stage and the pages.

use super::Rendered;
use super::bookstack_ids::{BookStackIds, bookstack_id};
use crate::diagnostic::{Diagnostic, Suggestions};
use crate::link::Handbook;
use crate::model::DocId;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Warns about `#anchor`s that no heading in the target defines. Runs after all pages are
/// rendered because only then are all heading ids known.
pub fn check_anchors(handbook: &Handbook, rendered: &[Rendered], diags: &mut Vec<Diagnostic>) {
    let mut anchor_sets = AnchorSets::default();
    // "Did you mean" among each target's heading ids, bounded: thousands of pages linking
    // to anchors a long generated page lacks must not compare every pair.
    let mut suggestions: HashMap<DocId, Suggestions> = HashMap::new();
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
            if anchor_sets.has(rendered, target, anchor) {
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
            let near = suggestions
                .entry(target)
                .or_insert_with(|| Suggestions::new(ids.iter().map(|h| h.id.as_str())))
                .nearest(anchor);
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
                    "{} from {} {} at anchors this page's mkdocstrings (or mkdocs-click) blocks would make; orgbook does not generate them, so {} the page at its top",
                    crate::text::counted(links, "link", "links"),
                    crate::text::counted(files.len(), "file", "files"),
                    if links == 1 { "points" } else { "point" },
                    if links == 1 { "that link opens" } else { "those links open" },
                ),
            )
            .with_help("add headings for the parts readers need (their ids are the anchors), or link to the API reference where it is published"),
        );
    }
}

/// Each linked page's anchors (its heading ids, then its other ids), as a set made on first
/// use: a page with many anchors and many links to it is not searched once per link.
#[derive(Default)]
pub struct AnchorSets<'a> {
    sets: HashMap<DocId, HashSet<&'a str>>,
}

impl<'a> AnchorSets<'a> {
    /// Pages with at most this many anchors are searched in place: a set for each of
    /// thousands of small linked pages would cost memory for nothing.
    const SCANNED: usize = 32;

    /// Whether `rendered[target]` has the anchor `anchor`. Every page has its top:
    /// browsers scroll to it for `#top`, and `#readme` is GitHub's link to a file's
    /// rendered text, which authors copy from its address bar; on a page of the site, with
    /// no element of that id, it opens the page at its top.
    pub fn has(&mut self, rendered: &'a [Rendered], target: DocId, anchor: &str) -> bool {
        if anchor.eq_ignore_ascii_case("top") || anchor.eq_ignore_ascii_case("readme") {
            return true;
        }
        let r = &rendered[target];
        if r.headings.len() + r.anchors.len() <= Self::SCANNED {
            return r.headings.iter().any(|h| h.id == anchor)
                || r.anchors.iter().any(|a| a == anchor);
        }
        self.sets
            .entry(target)
            .or_insert_with(|| {
                r.headings
                    .iter()
                    .map(|h| h.id.as_str())
                    .chain(r.anchors.iter().map(String::as_str))
                    .collect()
            })
            .contains(anchor)
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
        let mut hrefs = HrefChanges::default();
        for (i, written) in std::mem::take(&mut r.retargeted) {
            let link = &mut r.links[i];
            let base = link
                .href
                .rsplit_once('#')
                .map_or(link.href.as_str(), |(b, _)| b);
            let new_href = format!("{base}#{written}");
            hrefs.add(&link.href, &new_href);
            link.anchor = Some(written);
            link.href = new_href;
        }
        hrefs.apply(&mut r.html);
    }
    // (document, link, the heading id it means, how it was found)
    let mut fixes: Vec<(DocId, usize, String, Fix)> = Vec::new();
    let mut anchor_sets = AnchorSets::default();
    // Each missed page's headings under the other rules, made on its first miss.
    let mut other_rules: HashMap<DocId, OtherSlugs> = HashMap::new();
    // The BookStack ids of each page a BookStack id links into, counted once a page.
    let mut bookstack_ids: HashMap<DocId, BookStackIds> = HashMap::new();
    for (id, r) in rendered.iter().enumerate() {
        for (i, link) in r.links.iter().enumerate() {
            let (Some(target), Some(anchor)) = (link.target, &link.anchor) else {
                continue;
            };
            // BookStack's id of a block: one of a BookStack address with its `bkmrk-`
            // taken off already, any other as written (a page exported from BookStack
            // linking its own headings).
            let bookstack = match link.bookstack_id {
                true => Some(anchor.as_str()),
                false => anchor.strip_prefix("bkmrk-"),
            };
            // An address's id is BookStack's even where a heading here has it too: the
            // second "Setup" is `setup-1` here, but BookStack's `setup-1` may be a
            // paragraph's.
            if !link.bookstack_id && anchor_sets.has(rendered, target, anchor) {
                continue;
            }
            let heads = &rendered[target].headings;
            if let Some(b) = bookstack {
                let doc = &handbook.docs[target];
                let ids = bookstack_ids
                    .entry(target)
                    .or_insert_with(|| BookStackIds::of(doc.source.body(), doc.title(), heads));
                match ids.get(b) {
                    Some(Some(k)) if heads[k].id != *anchor => {
                        // BookStack wrote the id, not the author: nothing to report.
                        fixes.push((id, i, heads[k].id.clone(), Fix::Quiet));
                        continue;
                    }
                    Some(None) => {
                        fixes.push((id, i, String::new(), Fix::PageTop));
                        continue;
                    }
                    Some(Some(_)) => continue,
                    None => {}
                }
            }
            if anchor_sets.has(rendered, target, anchor) {
                continue;
            }
            let other = other_rules
                .entry(target)
                .or_insert_with(|| OtherSlugs::of(heads));
            if let Some(k) = other.heading(anchor) {
                fixes.push((id, i, heads[k].id.clone(), Fix::OtherRule));
            } else if let Some(k) = bookstack.and_then(|b| other.bookstack_heading(b)) {
                fixes.push((id, i, heads[k].id.clone(), Fix::Quiet));
            } else if let Some((labelled, heading_id, _)) = handbook.myst_labels.get(anchor)
                && *labelled == target
                && !heading_id.is_empty()
                && other.ids.contains(heading_id.as_str())
            {
                // MyST: `(label)=` before a heading makes `#label` that heading (mystmd
                // gives it the label as its id), so this is no other rule's slug.
                fixes.push((id, i, heading_id.clone(), Fix::Quiet));
            } else if rendered[target].generated_anchors {
                // An anchor the target's API blocks would have made: the link opens the
                // page at its top (no dangling fragment); `check_anchors` counts it.
                fixes.push((id, i, String::new(), Fix::Generated));
            }
        }
    }
    // Each document's links changed at once: a page with thousands of retargeted links is
    // not copied once per link.
    let mut changes: BTreeMap<DocId, HrefChanges> = BTreeMap::new();
    for (id, i, new_id, fix) in fixes {
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
        if fix == Fix::OtherRule {
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
        match fix {
            // The anchor as written stays, for `check_anchors` to count.
            Fix::Generated => r
                .retargeted
                .push((i, link.anchor.clone().unwrap_or_default())),
            // No anchor left to check: the page's top is there.
            Fix::PageTop => r.retargeted.extend(link.anchor.take().map(|w| (i, w))),
            Fix::OtherRule | Fix::Quiet => {
                r.retargeted
                    .extend(link.anchor.replace(new_id).map(|w| (i, w)));
            }
        }
        changes.entry(id).or_default().add(&old_href, &new_href);
        link.href = new_href;
    }
    for (id, hrefs) in changes {
        hrefs.apply(&mut rendered[id].html);
    }
}

/// How [`retarget_anchors`] found what a link's anchor means.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fix {
    /// A heading's slug under another generator's rule: reported (`anchor-other-rule`).
    OtherRule,
    /// A heading, by an id the author did not write (BookStack's, MyST's label).
    Quiet,
    /// A block above every heading (BookStack's id of it): the page's top.
    PageTop,
    /// An anchor the target's API blocks would have made: the page's top, counted.
    Generated,
}

/// A page's headings under the other generators' slug rules ([`other_slugs`]), made once
/// for each page that a link's anchor misses.
struct OtherSlugs<'a> {
    /// The heading ids as they are.
    ids: HashSet<&'a str>,
    /// Each heading's id and other slugs, ASCII-lowercased: the first heading that has it.
    first: HashMap<String, usize>,
    /// Each MkDocs slug, ASCII-lowercased: the headings that have it, in order.
    mkdocs: HashMap<String, Vec<usize>>,
    /// Each heading's text without its spaces, ASCII-lowercased: the second half of the
    /// anchors Confluence's table of contents writes (`#PageTitle-HeadingText`).
    confluence: HashMap<String, usize>,
    /// Each heading's BookStack id without its `bkmrk-` ([`bookstack_id`]), cut to 20
    /// characters as BookStack cuts it, ASCII-lowercased: the first heading that has it.
    bookstack: HashMap<String, usize>,
}

impl<'a> OtherSlugs<'a> {
    fn of(heads: &'a [super::Heading]) -> Self {
        let mut index = OtherSlugs {
            ids: heads.iter().map(|h| h.id.as_str()).collect(),
            first: HashMap::new(),
            mkdocs: HashMap::new(),
            confluence: HashMap::new(),
            bookstack: HashMap::new(),
        };
        for (k, h) in heads.iter().enumerate() {
            let slugs = other_slugs(&h.text);
            for slug in std::iter::once(&h.id).chain(&slugs) {
                index.first.entry(slug.to_ascii_lowercase()).or_insert(k);
            }
            let squeezed: String = h.text.split_whitespace().collect();
            index
                .confluence
                .entry(squeezed.to_ascii_lowercase())
                .or_insert(k);
            index
                .bookstack
                .entry(bookstack_id(&h.text).to_ascii_lowercase())
                .or_insert(k);
            let [_, _, mkdocs] = slugs;
            index
                .mkdocs
                .entry(mkdocs.to_ascii_lowercase())
                .or_default()
                .push(k);
        }
        index
    }

    /// The heading `anchor` means under another rule (compared ignoring ASCII case).
    fn heading(&self, anchor: &str) -> Option<usize> {
        let anchor = anchor.to_ascii_lowercase();
        self.first
            .get(&anchor)
            .copied()
            .or_else(|| {
                // MkDocs numbers a repeated heading's slug `_1`, `_2`: the second and
                // third heading of that slug.
                let (base, n) = anchor.rsplit_once('_')?;
                let n: usize = n.parse().ok()?;
                self.mkdocs.get(base)?.get(n).copied()
            })
            .or_else(|| {
                // Confluence: the page's title and the heading's text, each without
                // spaces, joined by `-`; the title may hold dashes of its own.
                anchor
                    .match_indices('-')
                    .find_map(|(at, _)| self.confluence.get(&anchor[at + 1..]).copied())
            })
    }

    /// The first heading whose BookStack id is `id` (without its `bkmrk-`, as BookStack
    /// cut it; compared ignoring ASCII case): a heading longer than the cut is found by
    /// its first 20 characters.
    fn bookstack_heading(&self, id: &str) -> Option<usize> {
        self.bookstack.get(&id.to_ascii_lowercase()).copied()
    }
}

/// `href` attributes to change in a page's HTML, old value → new.
#[derive(Default)]
struct HrefChanges(HashMap<String, String>);

impl HrefChanges {
    /// Changes `href="old"` to `href="new"` (the first change given for `old` wins, as
    /// when each was replaced in turn).
    fn add(&mut self, old: &str, new: &str) {
        self.0
            .entry(escaped_href(old))
            .or_insert_with(|| escaped_href(new));
    }

    /// Rewrites every `href` attribute of `html` whose value is changed, in one pass.
    fn apply(self, html: &mut String) {
        const ATTR: &str = "href=\"";
        if self.0.is_empty() {
            return;
        }
        let mut out = String::with_capacity(html.len());
        let mut rest = html.as_str();
        while let Some(at) = memchr::memmem::find(rest.as_bytes(), ATTR.as_bytes()) {
            let value_at = at + ATTR.len();
            let Some(len) = rest[value_at..].find('"') else {
                break;
            };
            let value = &rest[value_at..value_at + len];
            out.push_str(&rest[..value_at]);
            out.push_str(self.0.get(value).map_or(value, String::as_str));
            rest = &rest[value_at + len..];
        }
        out.push_str(rest);
        *html = out;
    }
}

/// An `href` value escaped as the Markdown renderer writes it.
fn escaped_href(href: &str) -> String {
    let mut out = String::new();
    let _ = pulldown_cmark_escape::escape_href(&mut out, href);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn href_changes_rewrite_whole_attributes_in_one_pass() {
        let mut html = concat!(
            r#"<a href="a.html#X">1</a> <a href="a.html#X2">2</a> <a href="a.html#X">3</a> "#,
            r#"<img src="a.html#X"> <a href="b.html#%C3%A7a">4</a> href="a.html#X"#,
        )
        .to_string();
        let mut changes = HrefChanges::default();
        changes.add("a.html#X", "a.html#x");
        changes.add("a.html#X", "a.html#other");
        changes.add("b.html#ça", "b.html#ca");
        changes.apply(&mut html);
        assert_eq!(
            html,
            concat!(
                r#"<a href="a.html#x">1</a> <a href="a.html#X2">2</a> <a href="a.html#x">3</a> "#,
                r#"<img src="a.html#X"> <a href="b.html#ca">4</a> href="a.html#X"#,
            ),
            "every link of the changed value, the first change given, nothing else; an \
             attribute that never closes is left as it is"
        );
    }
}
