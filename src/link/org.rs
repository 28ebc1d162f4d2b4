//! The org's shape as a whole: cycles and over-deep chains of `parent`, and decisions
//! superseded without saying so.

use super::*;

/// The org chart's `parent` edges by position: the charters in slug order (the order of
/// [`Handbook::teams`]) and, for each, the position of the charter its `parent` names (none
/// when it names no other charter). The walks over the chart follow these instead of
/// looking each slug up: a `serve` re-link walks every chain after each front-matter edit.
pub(super) struct ParentEdges<'a> {
    pub(super) slugs: Vec<&'a str>,
    pub(super) ids: Vec<DocId>,
    pub(super) parent: Vec<Option<usize>>,
}

impl<'a> ParentEdges<'a> {
    pub(super) fn new(docs: &'a [crate::model::Doc], teams: &'a BTreeMap<String, DocId>) -> Self {
        let slugs: Vec<&str> = teams.keys().map(String::as_str).collect();
        let ids: Vec<DocId> = teams.values().copied().collect();
        let at: HashMap<&str, usize> = slugs.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        let parent = slugs
            .iter()
            .zip(&ids)
            .enumerate()
            .map(|(i, (slug, &id))| {
                let crate::model::TeamRef { value: p, .. } = docs[id].as_team()?.parent.as_ref()?;
                let &j = at.get(p.as_str())?;
                (p != slug && j != i).then_some(j)
            })
            .collect();
        ParentEdges { slugs, ids, parent }
    }
}

/// Finds cycles in `parent` with a colouring walk: O(teams), each cycle reported once,
/// listing its members in order.
pub(super) fn report_cycles(
    docs: &[crate::model::Doc],
    edges: &ParentEdges,
    diags: &mut Vec<Diagnostic>,
) {
    const NEW: usize = usize::MAX;
    const DONE: usize = usize::MAX - 1;
    // Per charter: NEW, DONE, or its place on the path being walked.
    let mut state = vec![NEW; edges.slugs.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..edges.slugs.len() {
        path.clear();
        let mut cur = Some(start);
        while let Some(i) = cur {
            if state[i] == DONE {
                break;
            }
            if state[i] != NEW {
                let cycle = &path[state[i]..];
                // Charters are in slug order: the smallest position is the first slug.
                let first = cycle.iter().copied().min().unwrap_or(i);
                let doc = &docs[edges.ids[first]];
                let rot = cycle.iter().position(|&j| j == first).unwrap_or(0);
                let mut names: Vec<&str> = cycle[rot..]
                    .iter()
                    .chain(&cycle[..rot])
                    .map(|&j| edges.slugs[j])
                    .collect();
                names.push(edges.slugs[first]);
                let mut d = Diagnostic::error(
                    "parent-cycle",
                    &doc.source.path,
                    format!("`parent` forms a cycle: {}", names.join(" → ")),
                )
                .with_help("a team's parent chain must end at a team or group without `parent`: remove or change one `parent` in the cycle");
                if let Some(crate::model::TeamRef { span, .. }) =
                    doc.as_team().and_then(|c| c.parent.as_ref())
                {
                    d = point(d, doc, span);
                }
                diags.push(d);
                break;
            }
            state[i] = path.len();
            path.push(i);
            cur = edges.parent[i];
        }
        for &i in &path {
            state[i] = DONE;
        }
    }
}

/// Levels of the org chart below its top that a team may sit at (`org-too-deep`). Real
/// organisations are a handful of levels deep; a chain of thousands (a generated `parent`
/// gone wrong) would make every page that draws the chain (breadcrumbs, the org map) and
/// every rule that walks it cost as much as the chain, and the org map's recursive drawing
/// would run out of stack.
pub const MAX_ORG_DEPTH: usize = 32;

/// Reports each team that `parent` puts more than [`MAX_ORG_DEPTH`] levels deep (the first
/// level past it, so a long chain gives one error, not one per team below). O(teams): each
/// team's depth is worked out once, from its parent's. Teams on or under a cycle are left to
/// [`report_cycles`].
pub(super) fn report_deep_chains(
    docs: &[crate::model::Doc],
    edges: &ParentEdges,
    diags: &mut Vec<Diagnostic>,
) {
    // Depth from the top (a team without a parent is 1); `ON_PATH` while being worked out,
    // and left so for a team on or under a cycle; `UNKNOWN` before.
    const ON_PATH: usize = usize::MAX;
    const UNKNOWN: usize = usize::MAX - 1;
    let mut depth = vec![UNKNOWN; edges.slugs.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..edges.slugs.len() {
        path.clear();
        let mut cur = Some(start);
        let above = loop {
            let Some(i) = cur else { break 0 };
            if depth[i] != UNKNOWN {
                break depth[i];
            }
            depth[i] = ON_PATH;
            path.push(i);
            cur = edges.parent[i];
        };
        if above == ON_PATH {
            continue;
        }
        for (k, &i) in path.iter().rev().enumerate() {
            let d = above + k + 1;
            depth[i] = d;
            if d != MAX_ORG_DEPTH + 1 {
                continue;
            }
            let doc = &docs[edges.ids[i]];
            let mut diag = Diagnostic::error(
                "org-too-deep",
                &doc.source.path,
                format!(
                    "`parent` puts \"{}\" {d} levels below the top of the org; orgbook draws at most {MAX_ORG_DEPTH}",
                    doc.title()
                ),
            )
            .with_help("a chain this long is usually a `parent` that names the wrong charter: check the parents above this team, or flatten the hierarchy");
            if let Some(crate::model::TeamRef { span, .. }) =
                doc.as_team().and_then(|c| c.parent.as_ref())
            {
                diag = point(diag, doc, span);
            }
            diags.push(diag);
        }
    }
}

/// Decisions that are superseded by an accepted decision but not marked `superseded`:
/// used by the health page; kept here because it reads the supersedes graph.
pub fn unmarked_superseded(handbook: &Handbook) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (&old, newer) in &handbook.superseded_by {
        let Some((_, d)) = handbook.decision(old) else {
            continue;
        };
        if d.status == Status::Superseded {
            continue;
        }
        for &n in newer {
            if handbook
                .decision(n)
                .is_some_and(|(_, nd)| nd.status == Status::Accepted)
            {
                out.push((old, n));
            }
        }
    }
    out
}
