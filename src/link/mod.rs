//! Link stage: turn loaded documents into a [`Handbook`] whose every reference resolves.
//!
//! Checks what needs the whole handbook at once: unique team slugs and decision numbers,
//! `parent` / `team` / `supersedes` targets (with the nearest existing name as a hint),
//! cycles in `parent`, exclusive ownership, output paths that collide. What needs every
//! body rendered (anchors, backlinks) is `markdown::links`'s.
//!
//! This file holds the stage ([`resolve`], in the order its checks run); each check lives
//! beside it: `known` (the indexes and every reference checked against them), `labels`
//! (MyST labels, Writerside titles, DocFX uids), `near` ("did you mean"), `redirects`,
//! `team_pages` (other handbooks' team pages read as charters), `folders` (each folder's
//! own page) and `org` (cycles and depth of `parent`).

mod folders;
mod known;
mod labels;
mod near;
mod org;
mod redirects;
mod team_pages;
#[cfg(test)]
mod tests;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Suggestions};
use crate::load::Loaded;
use crate::model::Spanned;
use crate::model::{DocId, DocKind, Status};
use std::cell::RefCell;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub mod google_docs;
mod handbook;
pub mod summary;
pub mod team_refs;
pub use handbook::Handbook;
pub use team_refs::keep_resolved as keep_resolved_team_refs;

pub use crate::model::GENERATED_PATHS;

pub use folders::*;
use known::*;
use labels::*;
pub use near::*;
pub use org::*;
use redirects::*;
pub use team_pages::*;

/// What orgbook writes at one of the [`GENERATED_PATHS`], for a message.
fn generated_page_name(url: &str) -> &'static str {
    match url {
        "index.html" => "the home page",
        "404.html" => "the page shown for a missing address",
        "search.html" => "the search page",
        "sitemap.xml" => "the sitemap",
        "handbook.html" => "the index of every page",
        "orgmap.html" => "the org map",
        "ownership.html" => "who owns what",
        "health.html" => "the org health findings",
        "interactions.html" => "how teams work together",
        "people.html" => "the list of people",
        "timeline.html" => "the decisions' timeline",
        "feed.xml" => "the feed of decisions",
        "revisits.ics" => "the calendar of decision revisits",
        _ => "a page of its own",
    }
}

fn point(d: Diagnostic, doc: &crate::model::Doc, span: &std::ops::Range<usize>) -> Diagnostic {
    d.at(&doc.source.text, span.clone())
}

pub fn resolve(config: Config, loaded: Loaded, diags: &mut Vec<Diagnostic>) -> Handbook {
    let Loaded {
        docs,
        assets,
        unparsed,
        mut drafts,
        mut folder_settings,
        nav_order,
        static_files,
        code_owners,
        root,
        redirect_files,
    } = loaded;
    let mut docs = docs;
    crate::lang::untranslate(&mut docs);
    // Drafts are left out here rather than only at load, so `serve`, which loads files one
    // by one, leaves them out too.
    let is_draft = |d: &crate::model::Doc| matches!(&d.kind, DocKind::Page(p) if p.draft);
    // Checked first: moving every document into a new vector costs a serve relink more
    // than the rest of this stage's first steps, and most handbooks have no drafts.
    let docs = if docs.iter().any(is_draft) {
        let (drafted, docs): (Vec<_>, Vec<_>) = docs.into_iter().partition(is_draft);
        drafts.extend(drafted.into_iter().map(|d| d.source.path));
        docs
    } else {
        docs
    };
    // Partials too (`load::partials`): who includes what is known only now.
    let mintlify = root
        .as_deref()
        .is_some_and(|r| crate::load::mintlify_nav::find(r).is_some());
    let (mut docs, mut partials) =
        crate::load::partials::set_apart(docs, &nav_order.pages, mintlify, diags);
    let summary_doc = summary::take(&mut docs);
    let summary = summary_doc.as_ref().map(|d| summary::read(d.source.body()));
    summary_order(&mut docs, summary.as_ref(), &nav_order, diags);
    uid_sections_named(&docs, &nav_order, &mut folder_settings);
    index_md_in_branch_bundles(&mut docs);
    homes_of_other_tools(&mut docs);
    let translations = crate::lang::translations(&mut docs, config.language_folders.as_ref());
    let unparsed: BTreeSet<String> = unparsed.into_iter().collect();
    team_pages_sharing_a_slug(&mut docs, diags);
    team_page_parents(&mut docs);
    team_page_purposes(&mut docs);
    let folder_index = folder_indexes(&docs, diags);
    let Index {
        by_path,
        by_url,
        teams,
        decisions,
    } = index(&docs, &folder_index, diags);
    let unparsed_teams: BTreeSet<&str> = unparsed
        .iter()
        .filter_map(|p| p.strip_prefix("content/"))
        .filter(|p| p.starts_with("teams/") && crate::load::is_markdown(p))
        .map(crate::load::charter_slug)
        .collect();
    let team_names = team_refs::resolve(&mut docs, &teams, &unparsed_teams);
    redirects_inside(&mut docs, (&by_url, &by_path), diags);
    let mut redirects = redirects(&docs, &by_url, &assets, diags);
    team_page_redirects(&docs, &by_url, &assets, &mut redirects);
    let mut redirects_elsewhere = BTreeMap::new();
    redirect_file_entries(
        &redirect_files,
        &docs,
        (&by_url, &by_path),
        &assets,
        (&mut redirects, &mut redirects_elsewhere),
        diags,
    );
    if let (Some(doc), Some(summary)) = (&summary_doc, &summary) {
        let files = summary::Files {
            by_path: &by_path,
            folder_index: &folder_index,
            drafts: &drafts,
            unparsed: &unparsed,
            assets: &assets,
        };
        summary::check(doc, summary, &files, config.links.broken_warn, diags);
    }
    let toc = summary.map(|s| s.toc);
    partials.extend(summary_doc);
    // The pages' bodies are scanned (in parallel) while the references are checked: the
    // two read the same documents and nothing of each other, and a front-matter edit under
    // `serve` waits for both.
    let (
        LabelScan {
            labels: myst_labels,
            heading_titles,
            twice,
        },
        checked,
    ) = rayon::join(
        || scan_pages(&docs),
        || {
            let known = Known {
                docs: &docs,
                teams: &teams,
                team_ids: teams.iter().map(|(s, &id)| (s.as_str(), id)).collect(),
                decisions: &decisions,
                unparsed_teams,
                team_names: &team_names,
                unparsed_decisions: unparsed
                    .iter()
                    .filter(|p| p.starts_with("content/decisions/"))
                    .filter_map(|p| crate::load::decision_number(p))
                    .collect(),
                team_slugs: RefCell::new(Suggestions::new(teams.keys().map(String::as_str))),
            };
            let (children, ownership) = known.check_charters(diags);
            let edges = ParentEdges::new(&docs, &teams);
            report_cycles(&docs, &edges, diags);
            report_deep_chains(&docs, &edges, diags);
            known.check_interactions(diags);
            let (team_decisions, superseded_by, named_in_status) = known.check_decisions(diags);
            diags.extend(crate::checks::supersedes_cycles(
                &docs,
                &decisions,
                &named_in_status,
            ));

            let (team_folders, team_pages) = team_pages(&docs, diags);
            loose_team_pages(&docs, &unparsed, &translations, diags);
            let unprefixed = unprefixed_paths(&docs);
            if code_owners.is_none() && config.codeowners.read {
                diags.extend(crate::code_owners::prow_owners_note(&assets));
            }
            let code_owners = crate::code_owners::resolve(code_owners, &docs, &teams, diags);
            Checked {
                children,
                ownership,
                team_decisions,
                superseded_by,
                named_in_status,
                team_folders,
                team_pages,
                unprefixed,
                code_owners,
            }
        },
    );
    diags.extend(duplicate_labels(&docs, &myst_labels, twice));
    let uids = uids(&docs, diags);
    let writerside = assets
        .iter()
        .any(|a| a == WRITERSIDE_CFG || a.ends_with(&format!("/{WRITERSIDE_CFG}")))
        || root
            .as_ref()
            .is_some_and(|r| r.join("Writerside").join(WRITERSIDE_CFG).is_file());
    let mut heading_titles = heading_titles;
    if writerside {
        writerside_titles(&mut docs, &nav_order.variables, &mut heading_titles);
        myst_titles(&mut docs, &nav_order.substitutions, &mut heading_titles);
    }
    let mut handbook = Handbook {
        config,
        docs,
        assets,
        by_path,
        by_url,
        teams,
        decisions,
        children: checked.children,
        superseded_by: checked.superseded_by,
        named_in_status: checked.named_in_status,
        in_force: Default::default(),
        subtree_sizes: Default::default(),
        team_decisions: checked.team_decisions,
        ownership: checked.ownership,
        code_owners: checked.code_owners,
        unparsed,
        drafts: drafts.into_iter().collect(),
        partials,
        folder_index,
        root,
        unprefixed: checked.unprefixed,
        team_folders: checked.team_folders,
        team_pages: checked.team_pages,
        folder_settings,
        nav_order,
        static_files,
        redirects,
        redirects_elsewhere,
        redirect_files,
        toc,
        unpublished_assets: BTreeSet::new(),
        inline_images: BTreeMap::new(),
        near: Default::default(),
        myst_labels,
        heading_titles,
        wiki_names: Default::default(),
        titles: Default::default(),
        uids,
        writerside,
        google_docs: HashMap::new(),
        translations,
    };
    handbook.google_docs = google_docs::resolve(&handbook, diags);
    handbook
}

/// [`Handbook::wiki_names`]: every page by its file name without extension (and a Logseq
/// namespace page by its name with `/`), every content file by its file name.
pub(super) fn wiki_names(
    docs: &[crate::model::Doc],
    assets: &[String],
) -> HashMap<String, Vec<String>> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    fn under_content(d: &crate::model::Doc) -> &str {
        d.source
            .path
            .strip_prefix("content/")
            .unwrap_or(&d.source.path)
    }
    let pages = docs.iter().map(|d| {
        let rel = under_content(d);
        let name = rel.rsplit('/').next().unwrap_or(rel);
        (crate::load::page_stem(name), rel)
    });
    // A Logseq namespace page (`Process___Review.md`) is also named `Process/Review`.
    let namespaced: Vec<(String, &str)> = pages
        .clone()
        .filter_map(|(stem, rel)| Some((crate::text::namespaced_name(stem)?, rel)))
        .collect();
    let files = assets
        .iter()
        .map(|a| (a.rsplit('/').next().unwrap_or(a), a.as_str()));
    // Obsidian's `aliases: [Start here]` name a page too.
    let other_names = docs.iter().flat_map(|d| {
        let rel = under_content(d);
        let names = match &d.kind {
            crate::model::DocKind::Page(p) => p.other_names.as_slice(),
            _ => &[],
        };
        names.iter().map(move |n| (n.as_str(), rel))
    });
    let namespaced = namespaced.iter().map(|(n, rel)| (n.as_str(), *rel));
    for (name, rel) in pages.chain(files).chain(other_names).chain(namespaced) {
        let paths = names.entry(crate::model::wiki_name(name)).or_default();
        if !paths.iter().any(|p| p == rel) {
            paths.push(rel.to_string());
        }
    }
    // A page whose file name keeps punctuation (`Q&A: on-call.md`, as Outline's export
    // names it after its title) is also found by the letters and digits of its name, as
    // Outline's slug of the title keeps them (`/doc/qa-on-call-…`).
    for doc in docs {
        let rel = under_content(doc);
        let stem = crate::load::markdown_stem(rel.rsplit('/').next().unwrap_or(rel));
        if stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        {
            continue;
        }
        for key in [outline_key(stem), outline_key(&stem.replace('&', "and"))] {
            let paths = names.entry(key).or_default();
            if !paths.iter().any(|p| p == rel) {
                paths.push(rel.to_string());
            }
        }
    }
    for paths in names.values_mut() {
        paths.sort();
    }
    names
}

/// The key under which [`wiki_names`] also lists a page by the letters and digits of its
/// name, lower-cased (`Q&A: on-call` and Outline's `qa-on-call` are `qaoncall`); it
/// starts with a character no wikilink's name has, so the two never meet.
pub fn outline_key(name: &str) -> String {
    std::iter::once('\0')
        .chain(
            name.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        )
        .collect()
}

/// The text of a `# Heading` that opens a body (after blank lines, comments and MyST target
/// lines): the title the page will take once rendered, in plain text.
pub fn leading_heading(body: &str) -> Option<String> {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.ends_with(")=") && !l.starts_with("<!--"))?;
    let text = line.strip_prefix("# ")?.trim().trim_end_matches('#').trim();
    let plain = text.replace(['`', '*'], "");
    (!plain.is_empty()).then_some(plain)
}

/// mdBook's or GitBook's `SUMMARY.md` (at the top of `content/`, [`summary`]) is the
/// table of contents: pages it links to get their position in it as `summary_weight`,
/// which orders them unless they set a `weight`. Without one, another generator's
/// navigation (MkDocs's `nav:`, Azure DevOps `.order` files, Nextra's `_meta` files…:
/// `nav_order`, `load::nav_order`) does the same, and names and hides the pages it says to
/// where their front matter does not. Every page's place is set afresh (`serve` links the
/// same documents again after an edit of `SUMMARY.md`).
fn summary_order(
    docs: &mut [crate::model::Doc],
    summary: Option<&summary::Summary>,
    nav_order: &crate::load::NavOrder,
    diags: &mut Vec<Diagnostic>,
) {
    for doc in docs.iter_mut() {
        if let DocKind::Page(p) = &mut doc.kind {
            // A Retype project's `order` places its page before any navigation file does.
            p.summary_weight = match nav_order.retype {
                true => p.retype_order.map(crate::load::retype::weight),
                false => None,
            };
        }
    }
    let with_uids;
    let nav_order = if nav_order.uid_entries.is_empty() {
        nav_order
    } else {
        with_uids = uid_entries_resolved(docs, nav_order, diags);
        &with_uids
    };
    let order: Vec<&String> = match summary {
        Some(summary) => summary.targets.iter().map(|(t, _)| t).collect(),
        None => nav_order.pages.iter().collect(),
    };
    // (A Retype project hides folders with no navigation file to order them.)
    if summary.is_none() {
        named_and_hidden(docs, nav_order);
    }
    if order.is_empty() {
        return;
    }
    let by_path: HashMap<String, DocId> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.source.path.clone(), i))
        .collect();
    for (position, target) in (1..).zip(order) {
        if let Some(&id) = by_path.get(target)
            && let DocKind::Page(p) = &mut docs[id].kind
            && p.summary_weight.is_none()
        {
            p.summary_weight = Some(position);
        }
    }
}

/// The navigation's labels and hidden pages and folders, on the pages whose front matter
/// says nothing of them.
fn named_and_hidden(docs: &mut [crate::model::Doc], nav: &crate::load::NavOrder) {
    if nav.labels.is_empty() && nav.hidden.is_empty() {
        return;
    }
    for doc in docs.iter_mut() {
        let DocKind::Page(p) = &mut doc.kind else {
            continue;
        };
        let path = &doc.source.path;
        if p.nav_label.is_none()
            && let Some(label) = nav.labels.get(path)
        {
            p.nav_label = Some(label.clone());
        }
        if !nav.hidden.is_empty() {
            let mut at = path.as_str();
            loop {
                if nav.hidden.contains(at) {
                    p.nav_hidden = true;
                    break;
                }
                match at.rsplit_once('/') {
                    Some((parent, _)) => at = parent,
                    None => break,
                }
            }
        }
    }
}
