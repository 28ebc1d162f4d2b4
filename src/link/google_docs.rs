//! Which page each Google Doc became, for a handbook moved out of Drive: a link between
//! the exported documents (`https://docs.google.com/document/d/<id>/edit`) leads to that
//! page instead of back to Drive ([`Handbook::google_docs`]).
//!
//! A page names its document in its front matter (`google_doc`), `orgbook.toml` names it
//! for pages without front matter (`[links.google_docs]`), and an export of Docs to
//! Markdown's older releases names it in its top comment (`Source doc:` and the address).
//! A document nothing names is the page whose title, file name or Docs to Markdown
//! `Source doc:` title is a link's text (as Docs' smart chips and pasted links show the
//! document's title, and Drive's download names the file after it), when that names exactly
//! one page. Decided here once per build, from every page's links at once and before any
//! body is rendered, so which page an id means depends neither on the order pages render
//! in nor on which page's link named it; the Markdown stage only looks ids up. A document
//! left to Drive is one `unmapped-google-doc` note, naming the pages that link to it.

use super::Handbook;
use crate::diagnostic::Diagnostic;
use crate::dialects::gdocs::{DocumentLink, SourceDoc};
use crate::model::DocId;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

/// Pages and titles a note lists before "and N more".
const LISTED: usize = 5;

/// What a page's body says of Google Docs: the document it came from (Docs to Markdown's
/// comment) and its links to documents.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Scanned<'a> {
    pub source: Option<SourceDoc<'a>>,
    pub links: Vec<DocumentLink>,
}

/// [`Scanned`] of one body: a check of its first characters and one memmem scan, which
/// stop almost every body.
pub fn scan(body: &str) -> Scanned<'_> {
    Scanned {
        source: crate::dialects::gdocs::source_doc(body),
        links: crate::dialects::gdocs::document_links(body),
    }
}

/// Whether two versions of a body say the same of Google Docs, where their links are
/// aside: when they do not, an edit under `serve` may move a document to another page,
/// and the link stage runs again.
pub fn same_documents(a: &str, b: &str) -> bool {
    let (a, b) = (scan(a), scan(b));
    let named = |s: &Scanned| {
        s.links
            .iter()
            .map(|l| (l.id.clone(), l.text.clone()))
            .collect::<Vec<_>>()
    };
    a.source == b.source && named(&a) == named(&b)
}

/// A name as links and titles are compared: case, runs of whitespace and a trailing `.md`
/// aside.
fn name_key(name: &str) -> String {
    let name = name.trim();
    let name = crate::load::strip_markdown_extension(name).unwrap_or(name);
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `items` joined with commas, at most [`LISTED`] of them, then "and N more".
fn listed<'a>(items: impl ExactSizeIterator<Item = &'a str>) -> String {
    let more = items.len().saturating_sub(LISTED);
    let mut out = items.take(LISTED).collect::<Vec<_>>().join(", ");
    if more > 0 {
        out.push_str(&format!(" and {more} more"));
    }
    out
}

/// Google Doc id → the page it became, for the whole handbook; declarations that clash,
/// and `[links.google_docs]` entries naming no page, are errors, and documents left to
/// Drive notes, in `diags`.
pub(super) fn resolve(hb: &Handbook, diags: &mut Vec<Diagnostic>) -> HashMap<String, DocId> {
    use rayon::prelude::*;
    let scanned: Vec<(DocId, Scanned)> = hb
        .docs
        .par_iter()
        .enumerate()
        .map(|(id, doc)| (id, scan(doc.source.body())))
        .filter(|(_, s)| s.source.is_some() || !s.links.is_empty())
        .collect();
    let declared = declared(hb, &scanned, diags);
    // A document the settings give a page that is not there is that entry's error: not
    // guessed by title, not a note too.
    let in_settings: std::collections::HashSet<&str> = hb
        .config
        .links
        .google_docs
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    let mut links: BTreeMap<&str, Vec<(DocId, &DocumentLink)>> = BTreeMap::new();
    for (page, s) in &scanned {
        for link in &s.links {
            if !declared.contains_key(&link.id) && !in_settings.contains(link.id.as_str()) {
                links.entry(&link.id).or_default().push((*page, link));
            }
        }
    }
    if links.is_empty() {
        return declared;
    }
    let names = names(hb, &scanned);
    let (named, unmapped) = by_name(&links, &names);
    for unmapped in unmapped {
        diags.push(note(hb, &unmapped));
    }
    let mut pages = declared;
    pages.extend(named.into_iter().map(|(id, page)| (id.to_string(), page)));
    pages
}

/// The documents pages name: `[links.google_docs]`'s entries first, then each page's front
/// matter and top comment, in path order. A document named by two pages stays the first's,
/// and the second is a `duplicate-google-doc` error where it names it.
fn declared(
    hb: &Handbook,
    scanned: &[(DocId, Scanned)],
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, DocId> {
    let mut declared: HashMap<String, DocId> = HashMap::new();
    let mut declare = |id: &str, page: DocId, at: Diagnostic, diags: &mut Vec<Diagnostic>| {
        match declared.get(id) {
            None => {
                declared.insert(id.to_string(), page);
            }
            Some(&first) if first == page => {}
            Some(&first) => {
                let (first, second) = (&hb.docs[first].source.path, &hb.docs[page].source.path);
                diags.push(Diagnostic {
                    code: "duplicate-google-doc",
                    message: format!("{first} and {second} both name the Google Doc {id}"),
                    help: Some(
                        format!("a document became one page: name it on the page that holds it and remove it here; its links lead to {first} meanwhile")
                            .into_boxed_str(),
                    ),
                    ..at
                });
            }
        }
    };
    for entry in &hb.config.links.google_docs {
        match hb.by_path.get(&entry.path) {
            Some(&page) => declare(&entry.id, page, entry.at.clone(), diags),
            None => {
                let near = hb.near().nearest(&entry.path).map(|p| {
                    format!(
                        "did you mean \"{}\"? ",
                        p.strip_prefix("content/").unwrap_or(p)
                    )
                });
                diags.push(Diagnostic {
                    message: format!(
                        "[links.google_docs] maps the Google Doc {} to {}, which is not a page of the handbook",
                        entry.id, entry.path
                    ),
                    help: Some(
                        format!(
                            "{}write the path of the page's file under content/ (`guides/setup.md`)",
                            near.unwrap_or_default()
                        )
                        .into_boxed_str(),
                    ),
                    ..entry.at.clone()
                });
            }
        }
    }
    let mut by_page = scanned.iter().peekable();
    for (page, doc) in hb.docs.iter().enumerate() {
        let at = |span: Range<usize>| {
            Diagnostic::error("duplicate-google-doc", &doc.source.path, "")
                .at(&doc.source.text, span)
        };
        if let crate::model::DocKind::Page(p) = &doc.kind
            && let Some(id) = &p.google_doc
        {
            declare(&id.value, page, at(id.span.clone()), diags);
        }
        let Some((_, s)) = by_page.next_if(|(p, _)| *p == page) else {
            continue;
        };
        if let Some(SourceDoc::Id(id)) = s.source {
            // The id is a piece of the body: where it is, for a message.
            let body = doc.source.body();
            let start = doc.source.body_start + (id.as_ptr() as usize - body.as_ptr() as usize);
            declare(id, page, at(start..start + id.len()), diags);
        }
    }
    declared
}

/// Every page under each name a link may give it ([`name_key`]): its title as links show
/// it, its file's name (not a folder's index page's, which every folder has), and the
/// title Docs to Markdown's comment gives. Each name's pages in path order, once each.
fn names(hb: &Handbook, scanned: &[(DocId, Scanned)]) -> HashMap<String, Vec<DocId>> {
    let mut names: HashMap<String, Vec<DocId>> = HashMap::new();
    let mut add = |name: &str, page: DocId| {
        let pages = names.entry(name_key(name)).or_default();
        // A page's names are added one after another: once each.
        if pages.last() != Some(&page) {
            pages.push(page);
        }
    };
    let mut by_page = scanned.iter().peekable();
    for (page, doc) in hb.docs.iter().enumerate() {
        add(&hb.link_title(page), page);
        let path = &doc.source.path;
        let rel = path.strip_prefix("content/").unwrap_or(path);
        if !crate::load::is_folder_index(rel) {
            add(
                crate::load::markdown_stem(rel.rsplit('/').next().unwrap_or(rel)),
                page,
            );
        }
        if let Some((_, s)) = by_page.next_if(|(p, _)| *p == page)
            && let Some(SourceDoc::Title(title)) = s.source
        {
            add(title, page);
        }
    }
    names
}

/// A document left to Drive, with what its links' texts name.
struct Unmapped<'a> {
    id: &'a str,
    links: &'a [(DocId, &'a DocumentLink)],
    /// A text that names several pages, and those pages.
    several: Option<(&'a str, &'a [DocId])>,
    /// The pages the texts name alone, when they are more than one.
    named: BTreeSet<DocId>,
}

/// Of the documents nothing names, those whose links' texts name exactly one page (each
/// text that names one page alone names the same page), and the rest. One pass over the
/// links, each text looked up once.
fn by_name<'a>(
    links: &'a BTreeMap<&'a str, Vec<(DocId, &'a DocumentLink)>>,
    names: &'a HashMap<String, Vec<DocId>>,
) -> (Vec<(&'a str, DocId)>, Vec<Unmapped<'a>>) {
    let mut mapped = Vec::new();
    let mut unmapped = Vec::new();
    for (&id, links) in links {
        let mut named = BTreeSet::new();
        let mut several = None;
        for (_, link) in links {
            match names.get(&name_key(&link.text)).map(Vec::as_slice) {
                Some([page]) => {
                    named.insert(*page);
                }
                Some(pages) if !pages.is_empty() => {
                    several.get_or_insert((link.text.as_str(), pages));
                }
                _ => {}
            }
        }
        match (named.len(), named.first()) {
            (1, Some(&page)) => mapped.push((id, page)),
            _ => unmapped.push(Unmapped {
                id,
                links,
                several,
                named,
            }),
        }
    }
    (mapped, unmapped)
}

/// The `unmapped-google-doc` note for a document left to Drive, at its first link.
fn note(hb: &Handbook, u: &Unmapped) -> Diagnostic {
    let path = |&page: &DocId| hb.docs[page].source.path.as_str();
    let mut pages: Vec<DocId> = u.links.iter().map(|(p, _)| *p).collect();
    pages.dedup();
    let why = if u.named.len() > 1 {
        format!(
            "its links' texts name different pages ({})",
            listed(u.named.iter().map(path))
        )
    } else if let Some((text, several)) = u.several {
        format!(
            "the text \"{text}\" is the title or file name of {} ({})",
            crate::text::counted(several.len(), "page", "pages"),
            listed(several.iter().map(path))
        )
    } else {
        let mut texts: Vec<&str> = u.links.iter().map(|(_, l)| l.text.as_str()).collect();
        texts.sort_unstable();
        texts.dedup();
        let quoted: Vec<String> = texts.iter().map(|t| format!("\"{t}\"")).collect();
        format!(
            "no page has the title or file name its links show ({})",
            listed(quoted.iter().map(String::as_str))
        )
    };
    let (first_page, first) = u.links[0];
    let doc = &hb.docs[first_page];
    Diagnostic::note(
        "unmapped-google-doc",
        &doc.source.path,
        format!(
            "the Google Doc {} is linked from {} ({}), and its links still lead to Google Docs: {why}",
            u.id,
            crate::text::counted(pages.len(), "page", "pages"),
            listed(pages.iter().map(path)),
        ),
    )
    .with_help(format!(
        "if a page of the handbook is that document, name it there: `google_doc: https://docs.google.com/document/d/{}/edit` in the page's front matter, or `\"{}\" = \"path/of/page.md\"` under [links.google_docs] in orgbook.toml",
        u.id, u.id
    ))
    .at(
        &doc.source.text,
        doc.source.body_start + first.span.start..doc.source.body_start + first.span.end,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(id: &str, text: &str) -> DocumentLink {
        DocumentLink {
            id: id.to_string(),
            text: text.to_string(),
            span: 0..1,
        }
    }

    #[test]
    fn names_compare_without_case_spaces_or_md() {
        assert_eq!(
            name_key("  Onboarding   Checklist.md "),
            "onboarding checklist"
        );
        assert_eq!(name_key("Onboarding\nchecklist"), "onboarding checklist");
        assert_eq!(listed(["a", "b"].into_iter()), "a, b");
        assert_eq!(
            listed(["1", "2", "3", "4", "5", "6", "7"].into_iter()),
            "1, 2, 3, 4, 5 and 2 more"
        );
    }

    #[test]
    fn a_document_is_the_one_page_its_links_texts_name() {
        let names: HashMap<String, Vec<DocId>> = [
            ("onboarding checklist".to_string(), vec![3]),
            ("runbook".to_string(), vec![4, 5]),
            ("setup".to_string(), vec![6]),
        ]
        .into_iter()
        .collect();
        let (a, b, c, d) = (
            link("A", "Onboarding Checklist"),
            link("A", "https://docs.google.com/document/d/A/edit"),
            link("B", "Runbook"),
            link("C", "Setup"),
        );
        let e = link("C", "onboarding checklist");
        let mut links: BTreeMap<&str, Vec<(DocId, &DocumentLink)>> = BTreeMap::new();
        links.insert("A", vec![(0, &b), (1, &a)]);
        links.insert("B", vec![(0, &c)]);
        links.insert("C", vec![(0, &d), (2, &e)]);
        let (mapped, unmapped) = by_name(&links, &names);
        // Whichever link comes first: the page another link's text names.
        assert_eq!(mapped, [("A", 3)]);
        let ids: Vec<&str> = unmapped.iter().map(|u| u.id).collect();
        assert_eq!(ids, ["B", "C"]);
        assert_eq!(unmapped[0].several, Some(("Runbook", &[4, 5][..])));
        assert_eq!(unmapped[1].named, BTreeSet::from([3, 6]));
    }

    /// Every link's text is looked up once: a handbook with many pages and many links to
    /// documents costs links + pages, not their product.
    #[test]
    fn many_links_and_many_pages_stay_linear() {
        let time = |n: usize| {
            let names: HashMap<String, Vec<DocId>> =
                (0..n).map(|i| (format!("page {i}"), vec![i])).collect();
            let owned: Vec<DocumentLink> = (0..n)
                .map(|i| link(&format!("doc{}", i % (n / 4)), &format!("Page {i}")))
                .collect();
            let mut links: BTreeMap<&str, Vec<(DocId, &DocumentLink)>> = BTreeMap::new();
            for (i, l) in owned.iter().enumerate() {
                links.entry(l.id.as_str()).or_default().push((i, l));
            }
            let ((mapped, unmapped), took) =
                crate::cpu_time::cpu_time_of(|| by_name(&links, &names));
            // Four texts naming four pages: none mapped.
            assert_eq!(mapped.len(), 0);
            assert_eq!(unmapped.len(), n / 4);
            took
        };
        crate::cpu_time::assert_grows_linearly("links", 20_000, time);
    }
}
