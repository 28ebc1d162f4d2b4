//! Names pages are linked by besides their paths: MyST labels, Writerside topic titles, DocFX
//! uids; each defined once, a second definition reported where it stands.

use super::*;

/// A Writerside topic's `%product%` in its title (its `[//]: # (title: …)` line, or the
/// `# Heading` it opens with) is the variable's value, as in its body: the title is what
/// the sidebars, links and `<title>` show. Only titles with a `%` are looked at.
pub(super) fn writerside_titles(
    docs: &mut [crate::model::Doc],
    projects: &[(String, std::collections::BTreeMap<String, String>)],
    heading_titles: &mut HashMap<DocId, String>,
) {
    for (id, doc) in docs.iter_mut().enumerate() {
        let DocKind::Page(p) = &doc.kind else {
            continue;
        };
        let own = p.title_from_front_matter && p.title.contains('%');
        let heading = heading_titles.get(&id).is_some_and(|h| h.contains('%'));
        if !own && !heading {
            continue;
        }
        let Some(vars) = crate::load::writerside::topic_variables(
            &doc.source.path,
            doc.source.body(),
            projects,
            true,
        )
        .map(std::borrow::Cow::into_owned) else {
            continue;
        };
        if let Some(h) = heading_titles.get_mut(&id)
            && let Some(shown) = crate::load::writerside::substituted(h, &vars)
        {
            *h = shown;
        }
        if let DocKind::Page(p) = &mut doc.kind
            && own
            && let Some(shown) = crate::load::writerside::substituted(&p.title, &vars)
        {
            p.title = shown;
        }
    }
}

/// A MyST substitution in a page's title (`# Release {{ version }}`, or its front matter's
/// `title`) shows its value's words, as Sphinx shows them: the title is what the sidebars,
/// links and `<title>` show. Only titles with a `{{` are looked at.
pub(super) fn myst_titles(
    docs: &mut [crate::model::Doc],
    site: &std::collections::BTreeMap<String, String>,
    heading_titles: &mut HashMap<DocId, String>,
) {
    use crate::load::myst_substitutions::in_title;
    for (id, doc) in docs.iter_mut().enumerate() {
        let DocKind::Page(p) = &mut doc.kind else {
            continue;
        };
        if site.is_empty() && p.substitutions.is_none() {
            continue;
        }
        if let Some(h) = heading_titles.get_mut(&id)
            && let Some(shown) = in_title(h, p.substitutions(), site)
        {
            *h = shown;
        }
        if let Some(shown) = in_title(&p.title, p.substitutions(), site) {
            p.title = shown;
        }
    }
}

/// [`Handbook::uids`]: each page's DocFX `uid`. Of two pages with one uid, the first by
/// path keeps it (the documents are sorted) and the other is a `duplicate-uid` warning at
/// its `uid`, as DocFX warns and picks one too.
pub(super) fn uids(
    docs: &[crate::model::Doc],
    diags: &mut Vec<Diagnostic>,
) -> HashMap<String, DocId> {
    let mut uids: HashMap<String, DocId> = HashMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let crate::model::DocKind::Page(p) = &doc.kind else {
            continue;
        };
        let Some(uid) = &p.uid else {
            continue;
        };
        let name = uid.value.trim();
        match uids.get(name) {
            Some(&first) => diags.push(
                Diagnostic::warning(
                    "duplicate-uid",
                    &doc.source.path,
                    format!(
                        "`uid: {name}` is also the uid of {}, which `xref:{name}` links reach",
                        docs[first].source.path
                    ),
                )
                .with_help("give each page a uid of its own: DocFX's uids name one page across the project")
                .at(&doc.source.text, uid.span.clone()),
            ),
            None => {
                uids.insert(name.to_string(), id);
            }
        }
    }
    uids
}

/// A Writerside project's settings file ([`Handbook::writerside`]).
pub(super) const WRITERSIDE_CFG: &str = "writerside.cfg";

/// MyST labels by name: a page, a heading id and its text.
pub(super) type Labels = HashMap<String, (DocId, String, String)>;

/// What [`scan_pages`] finds in the pages' bodies.
pub(super) struct LabelScan {
    /// The MyST labels of every page (see [`Handbook::myst_labels`]; the first page in
    /// path order to define a label keeps it).
    pub(super) labels: Labels,
    /// The leading `# Heading` of each page without a title in its front matter
    /// ([`Handbook::heading_titles`]).
    pub(super) heading_titles: HashMap<DocId, String>,
    /// Labels defined again, for [`duplicate_labels`].
    pub(super) twice: Vec<LabelAgain>,
}

/// A page that defines labels defined before (on an earlier page or above on its own):
/// the first [`LABELS_AGAIN_SHOWN`] as (label, which of this page's definitions of it),
/// and how many more there are.
pub(super) struct LabelAgain {
    pub(super) page: DocId,
    pub(super) shown: Vec<(String, usize)>,
    pub(super) more: usize,
}

/// How many labels defined again are listed one by one per page; the rest are counted,
/// so that a page repeating one label thousands of times costs one line and a scan
/// per listed label. Twenty, as for broken links (the Markdown stage's
/// `BROKEN_LINKS_SHOWN`, not named here: the link stage comes before it).
pub(super) const LABELS_AGAIN_SHOWN: usize = 20;

/// The labels, the pages' leading headings and the labels defined twice, in one pass over
/// the bodies ([`LabelScan`]).
pub(super) fn scan_pages(docs: &[crate::model::Doc]) -> LabelScan {
    use rayon::prelude::*;
    type Found = (Vec<(String, String, String)>, Option<String>);
    let found: Vec<(DocId, Found)> = docs
        .par_iter()
        .enumerate()
        .filter_map(|(id, doc)| {
            let body = doc.source.body();
            let labels = crate::dialects::leftovers::myst_labels(body);
            let heading = match &doc.kind {
                DocKind::Page(p) if !p.title_from_front_matter => leading_heading(body),
                _ => None,
            };
            (!labels.is_empty() || heading.is_some()).then_some((id, (labels, heading)))
        })
        .collect();
    let mut labels: Labels = HashMap::new();
    let mut headings = HashMap::new();
    let mut twice = Vec::new();
    for (id, (found, heading)) in found {
        let mut in_page: HashMap<&str, usize> = HashMap::new();
        let mut again = LabelAgain {
            page: id,
            shown: Vec::new(),
            more: 0,
        };
        for (label, _, _) in &found {
            let nth = in_page.entry(label).or_default();
            if labels.contains_key(label.as_str()) || *nth > 0 {
                if again.shown.len() < LABELS_AGAIN_SHOWN {
                    again.shown.push((label.clone(), *nth));
                } else {
                    again.more += 1;
                }
            }
            *nth += 1;
        }
        if !again.shown.is_empty() {
            twice.push(again);
        }
        for (label, anchor, text) in found {
            labels.entry(label).or_insert((id, anchor, text));
        }
        if let Some(h) = heading {
            headings.insert(id, h);
        }
    }
    LabelScan {
        labels,
        heading_titles: headings,
        twice,
    }
}

/// A MyST label defined twice is a `duplicate-label` warning at the second definition,
/// naming the page (and line) of the first, which links to it reach — Sphinx warns the
/// same and keeps one. Only labels defined again are looked up in their text, so a
/// handbook without them pays nothing here; past [`LABELS_AGAIN_SHOWN`] a page's are
/// counted in one more warning.
pub(super) fn duplicate_labels(
    docs: &[crate::model::Doc],
    labels: &Labels,
    twice: Vec<LabelAgain>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for again in twice {
        let id = again.page;
        let doc = &docs[id];
        for (label, nth) in again.shown {
            out.extend(duplicate_label(docs, labels, id, &label, nth));
        }
        if again.more > 0 {
            out.push(
                Diagnostic::warning(
                    "duplicate-label",
                    &doc.source.path,
                    format!(
                        "{} more labels in this file are defined already and are not listed",
                        again.more
                    ),
                )
                .with_help(format!("the first {LABELS_AGAIN_SHOWN} are listed above; give each place a label of its own")),
            );
        }
    }
    out
}

/// The warning for the `nth` definition on page `id` of `label`, which is defined already.
pub(super) fn duplicate_label(
    docs: &[crate::model::Doc],
    labels: &Labels,
    id: DocId,
    label: &str,
    nth: usize,
) -> Option<Diagnostic> {
    let &(first, _, _) = labels.get(label)?;
    let doc = &docs[id];
    let body = doc.source.body();
    let at = label_definition(body, label, nth)?;
    let first_doc = &docs[first];
    let line = label_definition(first_doc.source.body(), label, 0).map(|r| {
        let before = &first_doc.source.text[..first_doc.source.body_start + r.start];
        before.bytes().filter(|&b| b == b'\n').count() + 1
    });
    let place = match (first == id, line) {
        (true, Some(line)) => format!("line {line} of this page"),
        (true, None) => "this page".to_string(),
        (false, Some(line)) => format!("{}:{line}", first_doc.source.path),
        (false, None) => first_doc.source.path.clone(),
    };
    let start = doc.source.body_start + at.start;
    Some(
        Diagnostic::warning(
            "duplicate-label",
            &doc.source.path,
            format!(
                "the label `{label}` is defined already, at {place}, which links and references to `{label}` reach"
            ),
        )
        .with_help("give this one a label of its own (a label names one place in the whole handbook, as in Sphinx) and point the links meant for it at the new name")
        .at(&doc.source.text, start..doc.source.body_start + at.end),
    )
}

/// Where the `nth` definition of `label` is written in `body`: a target line
/// (`(label)=`), a directive's `:label:` or `:name:`, or a Quarto `{#label}`; the first
/// written form found decides. `None` when none is there (a glossary's term, say).
pub(super) fn label_definition(
    body: &str,
    label: &str,
    nth: usize,
) -> Option<std::ops::Range<usize>> {
    let written = [
        format!("({label})="),
        format!(":label: {label}"),
        format!(":name: {label}"),
        format!("{{#{label}"),
    ];
    written.iter().find_map(|w| {
        let mut found = body.match_indices(w.as_str()).map(|(at, _)| at);
        let first = found.next()?;
        let at = if nth == 0 {
            first
        } else {
            found.nth(nth - 1).unwrap_or(first)
        };
        Some(at..at + w.len())
    })
}

/// `nav` with its DocFX entries by uid (`load::docfx_toc::UID_ENTRY`) made the paths of
/// the pages with those uids (the first by path, as `xref:` links find them); an entry
/// whose uid no page has is left out, and its warning given. Done here, not where the
/// `toc.yml` is read, because uids are front matter, and `serve` links again when that
/// changes.
pub(super) fn uid_entries_resolved(
    docs: &[crate::model::Doc],
    nav: &crate::load::NavOrder,
    diags: &mut Vec<Diagnostic>,
) -> crate::load::NavOrder {
    let mut paths: HashMap<String, &str> = HashMap::new();
    for doc in docs {
        if let DocKind::Page(p) = &doc.kind
            && let Some(uid) = &p.uid
        {
            paths
                .entry(format!(
                    "{}{}",
                    crate::load::docfx_toc::UID_ENTRY,
                    uid.value.trim()
                ))
                .or_insert(&doc.source.path);
        }
    }
    for (entry, warning) in &nav.uid_entries {
        if !paths.contains_key(entry) {
            diags.push(warning.clone());
        }
    }
    let mut out = nav.clone();
    out.uid_entries.clear();
    out.pages = nav
        .pages
        .iter()
        .filter_map(|page| {
            if page.starts_with(crate::load::docfx_toc::UID_ENTRY) {
                paths.get(page).map(|p| p.to_string())
            } else {
                Some(page.clone())
            }
        })
        .collect();
    out.labels = nav
        .labels
        .iter()
        .filter_map(|(page, label)| {
            let page = if page.starts_with(crate::load::docfx_toc::UID_ENTRY) {
                paths.get(page)?.to_string()
            } else {
                page.clone()
            };
            Some((page, label.clone()))
        })
        .collect();
    out
}

/// DocFX's sections whose `toc.yml` names its pages only by uid
/// (`load::NavOrder::uid_sections`): the folder that holds their pages takes the name the
/// parent table of contents gives the section, where nothing else names it.
pub(super) fn uid_sections_named(
    docs: &[crate::model::Doc],
    nav: &crate::load::NavOrder,
    settings: &mut BTreeMap<String, crate::load::category::FolderSettings>,
) {
    if nav.uid_sections.is_empty() {
        return;
    }
    let mut paths: HashMap<&str, &str> = HashMap::new();
    for doc in docs {
        if let DocKind::Page(p) = &doc.kind
            && let Some(uid) = &p.uid
        {
            paths.entry(uid.value.trim()).or_insert(&doc.source.path);
        }
    }
    for (entries, title) in &nav.uid_sections {
        let pages: Vec<String> = entries
            .iter()
            .filter_map(|e| {
                let uid = e.strip_prefix(crate::load::docfx_toc::UID_ENTRY)?;
                paths.get(uid).map(|p| p.to_string())
            })
            .collect();
        let Some(folder) = crate::load::mkdocs_nav::common_folder(&pages) else {
            continue;
        };
        if folder != crate::load::CONTENT_DIR {
            let entry = settings.entry(folder.to_string()).or_default();
            entry.label.get_or_insert_with(|| title.clone());
        }
    }
}
