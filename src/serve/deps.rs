//! Which pages show something of a document: the dependency graph behind incremental
//! rebuilds, read off the linked handbook rather than recorded while rendering.
//!
//! A page shows its own document in full and, of other documents, only what their
//! summaries and links carry (title, URL, status, team, size, metric…). So when a document
//! changes, the pages to re-render are its own and those of its neighbours: the pages it
//! links to (their backlinks list it), the pages linking to it, and its place in the org:
//! parent, siblings and children (lists and the neighbourhood map), its decisions and the
//! decisions they supersede or are superseded by, the pages below a folder's `_index.md`
//! (breadcrumbs). Pages about the whole handbook (home, indexes, org map, …) are re-rendered
//! on every change and are not tracked here.
//!
//! Neighbours are looked up by slug and number, not by document id, so that a document that
//! disappears or takes over a slug still reaches the pages that name it. The caller asks
//! twice — in the handbook before and after a change — and re-renders the union.

use crate::markdown::Rendered;
use crate::model::{DocId, DocKind, Handbook};
use std::collections::BTreeSet;

/// Adds to `out` the source paths of the pages that show something of document `id`
/// (including its own). With `deep`, also every team below it: their breadcrumbs name it,
/// which matters only when its name or place in the hierarchy changed.
pub fn dependents(
    hb: &Handbook,
    rendered: &[Rendered],
    backlinks: &[Vec<DocId>],
    id: DocId,
    deep: bool,
    out: &mut BTreeSet<String>,
) {
    let mut add = |id: DocId| {
        if let Some(doc) = hb.docs.get(id) {
            out.insert(doc.source.path.clone());
        }
    };
    add(id);
    // Pages it links to list it among their backlinks; pages linking to it embed its URL.
    if let Some(r) = rendered.get(id) {
        r.links.iter().filter_map(|l| l.target).for_each(&mut add);
    }
    if let Some(b) = backlinks.get(id) {
        b.iter().copied().for_each(&mut add);
    }
    let doc = &hb.docs[id];
    match &doc.kind {
        DocKind::Team(c) => {
            let team = |slug: &str| hb.teams.get(slug).copied();
            let children = |slug: &str| hb.children.get(slug).into_iter().flatten();
            // Its own slug too: after a duplicate is removed another document may hold it.
            team(&c.slug).into_iter().for_each(&mut add);
            if let Some((parent, _)) = &c.parent {
                team(parent).into_iter().for_each(&mut add);
                children(parent).filter_map(|s| team(s)).for_each(&mut add);
            }
            children(&c.slug).filter_map(|s| team(s)).for_each(&mut add);
            // The teams it lists in `[[interactions]]` show it under "depend on us".
            c.interactions
                .iter()
                .filter_map(|i| team(&i.team.0))
                .for_each(&mut add);
            // …and the teams listing it name it (one pass over the charters per edit).
            for &other in hb.teams.values() {
                if hb.docs[other]
                    .as_team()
                    .is_some_and(|o| o.interactions.iter().any(|i| i.team.0 == c.slug))
                {
                    add(other);
                }
            }
            // Its decisions show its name, and so does every summary of them.
            for n in hb.team_decisions.get(&c.slug).into_iter().flatten() {
                decision_neighbours(hb, *n, &mut add);
            }
            if deep {
                let mut stack: Vec<&str> = children(&c.slug).map(String::as_str).collect();
                let mut seen = BTreeSet::new();
                while let Some(slug) = stack.pop() {
                    // `parent` cycles are errors, but the walk must still end.
                    if !seen.insert(slug) {
                        continue;
                    }
                    team(slug).into_iter().for_each(&mut add);
                    stack.extend(children(slug).map(String::as_str));
                }
            }
        }
        DocKind::Decision(d) => {
            decision_neighbours(hb, d.number, &mut add);
            hb.teams
                .get(&d.team.0)
                .copied()
                .into_iter()
                .for_each(&mut add);
            for (n, _) in &d.supersedes {
                hb.decisions.get(n).copied().into_iter().for_each(&mut add);
            }
        }
        DocKind::Page(_) => {
            // A folder's `_index.md` is a breadcrumb on every page below it.
            if let Some(folder) = doc.source.path.strip_suffix("/_index.md")
                && folder != crate::load::CONTENT_DIR
            {
                let prefix = format!("{folder}/");
                for (i, other) in hb.docs.iter().enumerate() {
                    if other.source.path.starts_with(&prefix) {
                        add(i);
                    }
                }
            }
        }
    }
}

/// Decision `number`, the decisions it supersedes and those superseding it: each shows the
/// others' summaries.
fn decision_neighbours(hb: &Handbook, number: u32, add: &mut impl FnMut(DocId)) {
    let Some(&id) = hb.decisions.get(&number) else {
        return;
    };
    add(id);
    if let Some(d) = hb.docs[id].as_decision() {
        for (n, _) in &d.supersedes {
            hb.decisions.get(n).copied().into_iter().for_each(&mut *add);
        }
    }
    for n in hb.superseded_by.get(&number).into_iter().flatten() {
        hb.decisions.get(n).copied().into_iter().for_each(&mut *add);
    }
}

/// What other pages show of a document's identity: when this differs before and after a
/// change, the pages of the teams below it are re-rendered too (see [`dependents`]).
pub fn face(hb: &Handbook, id: DocId) -> (String, Option<String>) {
    let doc = &hb.docs[id];
    let parent = doc
        .as_team()
        .and_then(|c| c.parent.as_ref().map(|(p, _)| p.clone()));
    (doc.title().to_string(), parent)
}

/// Whether a page about the whole handbook shows this document's rendered body: the home
/// page shows `content/_index.md`, the decisions feed carries every decision in full.
/// Other documents appear there only through their front matter, title and URL, so an edit
/// that changes only their body leaves those pages as they are.
///
/// Keep this in step with the contexts in `render/` (the equivalence tests in `tests.rs`
/// edit bodies of every kind of document and fail if a page goes stale).
pub fn body_on_site_pages(hb: &Handbook, id: DocId) -> bool {
    match &hb.docs[id].kind {
        DocKind::Page(p) => p.is_home,
        DocKind::Decision(_) => true,
        DocKind::Team(_) => false,
    }
}
