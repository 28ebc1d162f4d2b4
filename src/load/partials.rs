//! Partials: Markdown files kept to be included by pages, not to be read on their own.
//! VitePress publishes a page for every Markdown file but its users include text kept in
//! `parts/` or `shared/` with `<!--@include: -->` and never link to it; docsify pages
//! `':include'` a file the sidebar does not list; Mintlify never publishes its `snippets/`
//! folder. Published, such a file is a page without a beginning or a title, in the sidebar
//! and the search results beside the pages that hold its text.
//!
//! The rule: a page that another document includes is not a page of its own, unless a
//! document links to it, the navigation file lists it, or it is a folder's page (its
//! README or index): a reader can reach those, so they stay. In a Mintlify site
//! (`docs.json` or `mint.json`), `snippets/` holds no pages at all, included or not.
//!
//! It is decided after every file is loaded (only then is it known who includes what), in
//! the link stage like drafts, so `orgbook serve`, which loads files one by one, decides
//! it the same way. Whether a document links to a partial is read from the link targets'
//! file names ([`link_names`]), not from resolved links, which come later: a page that
//! names a partial in a link is taken as linking to it, which at worst keeps a page.

use crate::diagnostic::Diagnostic;
use crate::model::{Doc, DocKind};
use std::collections::HashSet;

/// Mintlify's folder of snippets, under `content/` once moved in.
const MINTLIFY_SNIPPETS: &str = "content/snippets/";

/// The handbook's documents, split into the pages and the partials ([module](self)).
/// A Mintlify snippet that nothing includes gets a `skipped-file` note, as a Docusaurus
/// `_` partial does.
pub fn set_apart(
    docs: Vec<Doc>,
    nav_pages: &[String],
    mintlify: bool,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Doc>, Vec<Doc>) {
    let included = included_files(&docs);
    if included.is_empty() && !mintlify {
        return (docs, Vec::new());
    }
    let nav: HashSet<&str> = nav_pages.iter().map(String::as_str).collect();
    let snippet = |d: &Doc| mintlify && d.source.path.starts_with(MINTLIFY_SNIPPETS);
    let candidate = |d: &Doc| {
        matches!(&d.kind, DocKind::Page(p) if !p.folder_index)
            && included.contains(d.source.path.as_str())
            && !nav.contains(d.source.path.as_str())
    };
    let names: HashSet<String> = docs
        .iter()
        .filter(|d| candidate(d) && !snippet(d))
        .map(|d| name_key(&d.source.path))
        .collect();
    let mut linked: HashSet<String> = HashSet::new();
    if !names.is_empty() {
        for d in &docs {
            let own = name_key(&d.source.path);
            linked.extend(link_names(d.source.body()).filter(|n| *n != own && names.contains(n)));
        }
    }
    let verdicts: Vec<(bool, bool)> = docs
        .iter()
        .map(|d| {
            let path = d.source.path.as_str();
            let partial = snippet(d) || candidate(d) && !linked.contains(&name_key(path));
            (partial, partial && snippet(d) && !included.contains(path))
        })
        .collect();
    let mut pages = Vec::with_capacity(docs.len());
    let mut partials = Vec::new();
    for (d, (partial, unincluded_snippet)) in docs.into_iter().zip(verdicts) {
        if unincluded_snippet {
            diags.push(
                Diagnostic::note(
                    "skipped-file",
                    &d.source.path,
                    "skipped: a Mintlify snippet is not a page of its own, and no page includes this one (`<Snippet file=\"…\" />`)",
                )
                .with_help("include it where its text belongs, or move it out of snippets/ to publish it as a page"),
            );
        }
        if partial {
            partials.push(d);
        } else {
            pages.push(d);
        }
    }
    (pages, partials)
}

/// Every file a document includes (`content/parts/intro.md`).
pub fn included_files(docs: &[Doc]) -> HashSet<&str> {
    docs.iter()
        .filter_map(|d| d.source.included.as_deref())
        .flat_map(|i| i.files.iter().map(String::as_str))
        .collect()
}

/// A file's name without its folder and extension.
pub fn file_name(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(stem, _)| stem)
}

/// A file's name as links are matched with it ([`link_names`]): without its folder and
/// extension, in lower case, spaces and `_` read as `-` (`[[Paging Rules]]` names
/// `paging-rules.md`, as wikis match them).
pub fn name_key(path: &str) -> String {
    file_name(path)
        .replace("%20", "-")
        .replace([' ', '_'], "-")
        .to_lowercase()
}

/// The names ([`name_key`]) of the files `body` links to: Markdown links
/// (`](target)`), link definitions (`]: target`), HTML `href`s and wikilinks (`[[Name]]`).
/// One pass over the text; names in code are counted too (which at worst keeps a page).
pub fn link_names(body: &str) -> impl Iterator<Item = String> {
    let bytes = body.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let found = memchr::memchr3(b']', b'h', b'[', &bytes[at..])?;
            let start = at + found;
            at = start + 1;
            let rest = &body[start..];
            let wiki = rest.starts_with("[[");
            let target = if let Some(r) = rest.strip_prefix("](") {
                r.trim_start().trim_start_matches('<')
            } else if let Some(r) = rest.strip_prefix("]:") {
                r.trim_start_matches([' ', '\t']).trim_start_matches('<')
            } else if let Some(r) = rest.strip_prefix("href=") {
                r.trim_start_matches(['"', '\''])
            } else if let Some(r) = rest.strip_prefix("[[") {
                r
            } else {
                continue;
            };
            let end = target
                .find(|c: char| {
                    matches!(c, ']' | '|' | '\n')
                        || !wiki && (c.is_whitespace() || matches!(c, ')' | '>' | '"' | '\''))
                })
                .unwrap_or(target.len());
            let target = &target[..end];
            let target = target.split(['#', '?']).next().unwrap_or("");
            let name = name_key(target.trim_end_matches('/'));
            if !name.is_empty() {
                return Some(name);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn link_names_are_the_file_names_links_point_to() {
        let body = "See [the rules](./parts/rules.md#freeze) and [x]( <../a/b.html> ).\n\n[def]: shared/terms.mdx \"Terms\"\n\n<a href=\"/guide/setup/\">setup</a> [[Team Page|team]] [only text] and `a]`.\n";
        let names: Vec<String> = link_names(body).collect();
        assert_eq!(names, ["rules", "b", "terms", "setup", "team-page"]);
    }

    #[test]
    fn file_names_drop_folders_and_extensions() {
        assert_eq!(file_name("content/parts/intro.md"), "intro");
        assert_eq!(file_name("intro"), "intro");
        assert_eq!(file_name("../x/y.tar.gz"), "y.tar");
    }
}
