//! Link stage: turn loaded documents into a [`Handbook`] whose every reference resolves.
//!
//! Checks what needs the whole handbook at once: unique team slugs and decision numbers,
//! `parent` / `team` / `supersedes` targets (with the nearest existing name as a hint),
//! cycles in `parent`, exclusive ownership, output paths that collide. After Markdown
//! rendering, [`check_anchors`] verifies `#anchor`s (only then are all headings known) and
//! [`backlinks`] inverts the link graph.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, nearest};
use crate::load::Loaded;
use crate::markdown::Rendered;
use crate::model::{DocId, DocKind, Handbook, Status};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Output paths orgbook generates itself; a page may not take them.
pub const GENERATED_PATHS: &[&str] = &[
    "index.html",
    "404.html",
    "search.html",
    "sitemap.xml",
    "teams/index.html",
    "decisions/index.html",
    "handbook.html",
    "orgmap.html",
    "ownership.html",
    "health.html",
    "interactions.html",
    "people/index.html",
    "timeline.html",
    "feed.xml",
];

fn point(d: Diagnostic, doc: &crate::model::Doc, span: &std::ops::Range<usize>) -> Diagnostic {
    d.at(&doc.source.text, span.clone())
}

pub fn resolve(config: Config, loaded: Loaded, diags: &mut Vec<Diagnostic>) -> Handbook {
    let Loaded {
        docs,
        assets,
        unparsed,
    } = loaded;
    let unparsed: BTreeSet<String> = unparsed.into_iter().collect();
    let unparsed_team = |slug: &str| {
        unparsed.iter().any(|p| {
            p.starts_with("content/teams/") && p.rsplit('/').next() == Some(&format!("{slug}.md"))
        })
    };
    let mut by_path = HashMap::with_capacity(docs.len());
    let mut teams: BTreeMap<String, DocId> = BTreeMap::new();
    let mut decisions: BTreeMap<u32, DocId> = BTreeMap::new();
    let mut urls: HashMap<&str, DocId> = HashMap::with_capacity(docs.len());

    for (id, doc) in docs.iter().enumerate() {
        by_path.insert(doc.source.path.clone(), id);
        match &doc.kind {
            DocKind::Team(c) => {
                if let Some(&other) = teams.get(&c.slug) {
                    diags.push(
                        Diagnostic::error(
                            "duplicate-team",
                            &doc.source.path,
                            format!("team slug `{}` is also used by {}", c.slug, docs[other].source.path),
                        )
                        .with_help("team slugs (file names) must be unique across the handbook: rename one of the files")
                        .at(&doc.source.text, 0..0),
                    );
                } else {
                    teams.insert(c.slug.clone(), id);
                }
            }
            DocKind::Decision(d) => {
                if let Some(&other) = decisions.get(&d.number) {
                    diags.push(
                        Diagnostic::error(
                            "duplicate-decision",
                            &doc.source.path,
                            format!("decision number {} is also used by {}", d.number, docs[other].source.path),
                        )
                        .with_help("give this decision the next free number (`orgbook new decision` picks it)")
                        .at(&doc.source.text, 0..0),
                    );
                } else {
                    decisions.insert(d.number, id);
                }
            }
            DocKind::Page(p) => {
                if !p.is_home && GENERATED_PATHS.contains(&doc.url.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            "reserved-path",
                            &doc.source.path,
                            format!(
                                "this page would be written to {}, which orgbook generates itself",
                                doc.url
                            ),
                        )
                        .with_help("rename or move the file")
                        .at(&doc.source.text, 0..0),
                    );
                }
            }
        }
        if let Some(&other) = urls.get(doc.url.as_str()) {
            diags.push(
                Diagnostic::error(
                    "output-collision",
                    &doc.source.path,
                    format!(
                        "this file and {} would both be written to {}",
                        docs[other].source.path, doc.url
                    ),
                )
                .with_help("rename one of the files")
                .at(&doc.source.text, 0..0),
            );
        } else {
            urls.insert(&doc.url, id);
        }
    }

    let slugs = || teams.keys().map(String::as_str);
    let mut children: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut owners: BTreeMap<String, (String, DocId)> = BTreeMap::new();
    let mut team_decisions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut superseded_by: BTreeMap<u32, Vec<u32>> = BTreeMap::new();

    for (&id, doc) in teams.values().map(|id| (id, &docs[*id])) {
        let Some(c) = doc.as_team() else { continue };
        if let Some((parent, span)) = &c.parent {
            if teams.contains_key(parent) {
                if parent == &c.slug {
                    diags.push(point(
                        Diagnostic::error(
                            "parent-cycle",
                            &doc.source.path,
                            "a team cannot be its own parent",
                        )
                        .with_help("set `parent` to the group this team belongs to, or remove it"),
                        doc,
                        span,
                    ));
                } else {
                    children
                        .entry(parent.clone())
                        .or_default()
                        .push(c.slug.clone());
                }
            } else if !unparsed_team(parent) {
                let hint = match nearest(parent, slugs()) {
                    Some(s) => format!(
                        "did you mean \"{s}\"? `parent` is the file name (without .md) of a charter"
                    ),
                    None => {
                        "`parent` is the file name (without .md) of a group or team charter".into()
                    }
                };
                diags.push(point(
                    Diagnostic::error(
                        "unknown-team",
                        &doc.source.path,
                        format!("parent `{parent}` is not a charter in this handbook"),
                    )
                    .with_help(hint),
                    doc,
                    span,
                ));
            }
        }
        for (item, span) in &c.owns {
            let key = item.trim().to_lowercase();
            match owners.get(&key) {
                Some((_, other)) if *other != id => {
                    let other_doc = &docs[*other];
                    diags.push(point(
                        Diagnostic::error(
                            "contested-ownership",
                            &doc.source.path,
                            format!("`{item}` is owned by both {} and {}", other_doc.source.path, doc.source.path),
                        )
                        .with_help("ownership is exclusive: agree on one owner and remove the item from the other charter"),
                        doc,
                        span,
                    ));
                }
                _ => {
                    owners.insert(key, (item.clone(), id));
                }
            }
        }
    }
    // Sort children by display name so every listing of a team's sub-teams agrees.
    for kids in children.values_mut() {
        kids.sort_by_cached_key(|s| (docs[teams[s]].title().to_lowercase(), s.clone()));
    }
    report_cycles(&docs, &teams, diags);
    // `[[interactions]] team` is a reference like `parent`: same error, same hint.
    for doc in teams.values().map(|id| &docs[*id]) {
        let Some(c) = doc.as_team() else { continue };
        for i in &c.interactions {
            let (other, span) = &i.team;
            let problem = if other == &c.slug {
                Some((
                    "a team cannot interact with itself".to_string(),
                    "list the other teams this team works with".to_string(),
                ))
            } else if !teams.contains_key(other) && !unparsed_team(other) {
                let hint = match nearest(other, slugs()) {
                    Some(s) => format!(
                        "did you mean \"{s}\"? `team` is the file name (without .md) of a charter"
                    ),
                    None => "`team` is the file name (without .md) of a team charter".into(),
                };
                Some((
                    format!("interaction with `{other}`, which is not a charter in this handbook"),
                    hint,
                ))
            } else {
                None
            };
            if let Some((msg, hint)) = problem {
                diags.push(point(
                    Diagnostic::error("unknown-team", &doc.source.path, msg).with_help(hint),
                    doc,
                    span,
                ));
            }
        }
    }

    for (&number, &id) in &decisions {
        let doc = &docs[id];
        let Some(d) = doc.as_decision() else { continue };
        let (team, span) = &d.team;
        if teams.contains_key(team) {
            team_decisions.entry(team.clone()).or_default().push(number);
        } else if !unparsed_team(team) {
            let hint = match nearest(team, slugs()) {
                Some(s) => format!(
                    "did you mean \"{s}\"? `team` is the file name (without .md) of a charter"
                ),
                None => "`team` is the file name (without .md) of the owning team's charter".into(),
            };
            diags.push(point(
                Diagnostic::error(
                    "unknown-team",
                    &doc.source.path,
                    format!("team `{team}` is not a charter in this handbook"),
                )
                .with_help(hint),
                doc,
                span,
            ));
        }
        for (target, span) in &d.supersedes {
            if *target == number {
                diags.push(point(
                    Diagnostic::error(
                        "unknown-decision",
                        &doc.source.path,
                        "a decision cannot supersede itself",
                    )
                    .with_help("list the numbers of the earlier decisions this one replaces"),
                    doc,
                    span,
                ));
            } else if decisions.contains_key(target) {
                superseded_by.entry(*target).or_default().push(number);
            } else if !unparsed.iter().any(|p| {
                p.starts_with("content/decisions/")
                    && crate::load::decision_number(p) == Some(*target)
            }) {
                let near = decisions
                    .keys()
                    .min_by_key(|n| n.abs_diff(*target))
                    .map(|n| format!(" the nearest existing number is {n}."))
                    .unwrap_or_default();
                diags.push(point(
                    Diagnostic::error("unknown-decision", &doc.source.path, format!("supersedes decision {target}, which does not exist"))
                        .with_help(format!("`supersedes` lists decision numbers (the leading digits of their file names);{near}")),
                    doc,
                    span,
                ));
            }
        }
    }

    let mut ownership: Vec<(String, String)> = owners
        .into_values()
        .filter_map(|(item, id)| Some((item, docs[id].as_team()?.slug.clone())))
        .collect();
    ownership.sort_by_cached_key(|(item, slug)| (item.to_lowercase(), slug.clone()));

    Handbook {
        config,
        docs,
        assets,
        by_path,
        teams,
        decisions,
        children,
        superseded_by,
        team_decisions,
        ownership,
        unparsed,
    }
}

/// Finds cycles in `parent` with a colouring walk: O(teams), each cycle reported once,
/// listing its members in order.
fn report_cycles(
    docs: &[crate::model::Doc],
    teams: &BTreeMap<String, DocId>,
    diags: &mut Vec<Diagnostic>,
) {
    let parent_of = |slug: &str| -> Option<&str> {
        let c = docs[*teams.get(slug)?].as_team()?;
        let (p, _) = c.parent.as_ref()?;
        (teams.contains_key(p) && p != slug).then_some(p.as_str())
    };
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in teams.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut on_path: HashMap<&str, usize> = HashMap::new();
        let mut cur = Some(start.as_str());
        while let Some(slug) = cur {
            if done.contains(slug) {
                break;
            }
            if let Some(&i) = on_path.get(slug) {
                let cycle = &path[i..];
                let first = cycle.iter().min().copied().unwrap_or(slug);
                let doc = &docs[teams[first]];
                let mut names: Vec<&str> = cycle.to_vec();
                let rot = names.iter().position(|s| *s == first).unwrap_or(0);
                names.rotate_left(rot);
                names.push(first);
                let mut d = Diagnostic::error(
                    "parent-cycle",
                    &doc.source.path,
                    format!("`parent` forms a cycle: {}", names.join(" → ")),
                )
                .with_help("a team's parent chain must end at a team or group without `parent`: remove or change one `parent` in the cycle");
                if let Some((_, span)) = doc.as_team().and_then(|c| c.parent.as_ref()) {
                    d = point(d, doc, span);
                }
                diags.push(d);
                break;
            }
            on_path.insert(slug, path.len());
            path.push(slug);
            cur = parent_of(slug);
        }
        done.extend(path);
    }
}

/// Warns about `#anchor`s that no heading in the target defines. Runs after all pages are
/// rendered because only then are all heading ids known.
pub fn check_anchors(handbook: &Handbook, rendered: &[Rendered], diags: &mut Vec<Diagnostic>) {
    for (id, r) in rendered.iter().enumerate() {
        let doc = &handbook.docs[id];
        for link in &r.links {
            let (Some(target), Some(anchor)) = (link.target, &link.anchor) else {
                continue;
            };
            let ids = &rendered[target].headings;
            if ids.iter().any(|h| &h.id == anchor) || rendered[target].anchors.contains(anchor) {
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
            diags.push(
                Diagnostic::warning(
                    "missing-anchor",
                    &doc.source.path,
                    format!(
                        "`#{anchor}` does not match any heading in {}",
                        handbook.docs[target].source.path
                    ),
                )
                .with_help(help)
                .at(&doc.source.text, link.span.clone()),
            );
        }
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
