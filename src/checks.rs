//! Checks of values that are well-typed but wrong (issue 11, item 6): `supersedes` numbers
//! that cannot be decisions (negative, huge, the decision itself, listed twice), cycles in
//! the supersedes graph, and `reviewed` dates in the future. Each is located at the value
//! with a hint, like every other diagnostic.

use crate::diagnostic::Diagnostic;
use crate::fields::Fields;
use crate::model::Spanned;
use crate::model::{Doc, DocId};
use jiff::civil::Date;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

/// Largest decision number: file names carry four digits (`NNNN-title.md`), and a few
/// more are allowed for handbooks that outgrow them.
pub const MAX_DECISION: i64 = 999_999;

/// `supersedes` as read from front matter → the valid, distinct decision numbers.
pub fn supersedes_numbers(
    f: &mut Fields,
    raw: Vec<(i64, Range<usize>)>,
) -> Vec<(u32, Range<usize>)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (n, span) in raw {
        if !(1..=MAX_DECISION).contains(&n) {
            f.error_at(
                "invalid-value",
                span,
                format!("supersedes {n}: decision numbers run from 1 to {MAX_DECISION}"),
                "list the numbers of the earlier decisions this one replaces, e.g. supersedes = [3]"
                    .into(),
            );
        } else if !seen.insert(n) {
            f.error_at(
                "invalid-value",
                span,
                format!("supersedes lists decision {n} twice"),
                "remove the repeated number".into(),
            );
        } else {
            out.push((n as u32, span));
        }
    }
    out
}

/// A `reviewed` date after today is a typo (2062 for 2026) or a promise; either way the
/// charter would never be flagged as stale, so it is a warning.
pub fn reviewed_date(f: &mut Fields, date: Date, span: Range<usize>, today: Date) {
    if date > today {
        f.warning_at(
            "future-date",
            span,
            format!("reviewed = {date} is in the future (today is {today})"),
            "set `reviewed` to the date the team last reviewed its charter".into(),
        );
    }
}

/// A supersedes edge: the older decision, and the file and span that state it (the newer
/// record's `supersedes`, or the older one's `status: superseded by …`).
type Edge = (u32, DocId, Range<usize>);

/// One decision on the walk's path: its number, its supersedes edges, the next edge to try.
type Frame = (u32, Vec<Edge>, usize);

/// Cycles in `supersedes` (3 supersedes 2, 2 supersedes 3; or longer), counting the
/// relations a `status: superseded by …` states (`named_in_status`, newer → older): each
/// reported once, at the smallest-numbered decision of the cycle's edge out of it,
/// listing the cycle in order.
pub fn supersedes_cycles(
    docs: &[Doc],
    decisions: &BTreeMap<u32, DocId>,
    named_in_status: &BTreeMap<u32, Vec<u32>>,
) -> Vec<Diagnostic> {
    // Iterative colouring walk: 0 unvisited, 1 on the current path, 2 done. Linear in
    // decisions + supersedes entries.
    let mut colour: BTreeMap<u32, u8> = BTreeMap::new();
    let mut diags = Vec::new();
    // Where each older record's status names each newer one: (older, newer) → span, so
    // that a status naming many is not searched once per name.
    let stated_at: std::collections::HashMap<(u32, u32), &Range<usize>> = decisions
        .iter()
        .filter_map(|(&old, &id)| Some((old, docs[id].as_decision()?)))
        .flat_map(|(old, d)| {
            d.superseded_by
                .iter()
                .map(move |s| ((old, s.value), &s.span))
        })
        .collect();
    let edges = |n: u32| -> Vec<Edge> {
        let Some(&id) = decisions.get(&n) else {
            return Vec::new();
        };
        let listed = docs[id].as_decision().into_iter().flat_map(|d| {
            d.supersedes
                .iter()
                .filter(|Spanned { value: t, .. }| *t != n && decisions.contains_key(t))
                .map(move |s| (s.value, id, s.span.clone()))
        });
        let stated = named_in_status
            .get(&n)
            .into_iter()
            .flatten()
            .filter_map(|&old| {
                let old_id = *decisions.get(&old)?;
                let span = (*stated_at.get(&(old, n))?).clone();
                Some((old, old_id, span))
            });
        listed.chain(stated).collect()
    };
    for &start in decisions.keys() {
        if colour.get(&start).copied().unwrap_or(0) != 0 {
            continue;
        }
        // Stack of (decision, its edges, next edge index); path mirrors the stack.
        let mut stack: Vec<Frame> = vec![(start, edges(start), 0)];
        colour.insert(start, 1);
        while let Some((node, out, i)) = stack.last_mut() {
            if *i == out.len() {
                colour.insert(*node, 2);
                stack.pop();
                continue;
            }
            let next = out[*i].0;
            *i += 1;
            match colour.get(&next).copied().unwrap_or(0) {
                0 => {
                    colour.insert(next, 1);
                    let e = edges(next);
                    stack.push((next, e, 0));
                }
                1 => {
                    let from = stack.iter().position(|(n, _, _)| *n == next).unwrap_or(0);
                    let cycle: Vec<u32> = stack[from..].iter().map(|(n, _, _)| *n).collect();
                    let first = *cycle.iter().min().unwrap_or(&next);
                    let pos = cycle.iter().position(|&n| n == first).unwrap_or(0);
                    let ordered: Vec<u32> =
                        cycle[pos..].iter().chain(&cycle[..pos]).copied().collect();
                    let after = ordered.get(1).copied().unwrap_or(first);
                    let (at, span) = edges(first)
                        .into_iter()
                        .find(|(t, _, _)| *t == after)
                        .map_or((decisions[&first], 0..0), |(_, id, span)| (id, span));
                    let doc = &docs[at];
                    let chain: Vec<String> = ordered
                        .iter()
                        .chain(std::iter::once(&first))
                        .map(|n| n.to_string())
                        .collect();
                    diags.push(
                        Diagnostic::error(
                            "supersedes-cycle",
                            &doc.source.path,
                            format!(
                                "decisions supersede each other in a cycle: {}",
                                chain.join(" → ")
                            ),
                        )
                        .with_help("a decision can only replace earlier ones: remove the number from one of these `supersedes` lists")
                        .at(&doc.source.text, span),
                    );
                }
                _ => {}
            }
        }
    }
    diags
}
