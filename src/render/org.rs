//! The organisation-level pages: org map (SVG + nested list), ownership index ("who owns
//! X") and org health. Each takes the whole handbook, so these are the pages that must be
//! regenerated on any charter or decision change.

use super::context::*;
use super::{FileContents, OutputFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::health::Health;
use crate::health_rules::RULES;
use crate::model::TeamRef;
use crate::model::{Charter, TeamKind};
use crate::orgmap::{self, OrgNode};
use std::fmt::Write as _;

pub use crate::text::escape_html;

/// Above this many charters the org map overview shows each group as a card linking to
/// its own map page, rather than drawing every team: the overview stays bounded.
const OVERVIEW_MAX_TEAMS: usize = 200;
/// Teams outside any group listed on one part of the overview (a link of about 150 bytes
/// each, beside at most [`OVERVIEW_MAX_CARDS`] cards): past this they continue on the next
/// part, so every one of them is reachable and no part grows with the handbook.
const LOOSE_PER_PART: usize = 200;
/// A group card lists this many of its direct teams before "+N more".
const CARD_CHILDREN: usize = 12;

/// Group cards on one part of a split map's overview (each about 1.5 KB with its links).
const OVERVIEW_MAX_CARDS: usize = 60;

/// A group map wider than this (px) takes a whole row of the grid.
const CARD_MAX_WIDTH: i32 = 700;

/// The lone top-level charter whose children are the organisation's groups (a company
/// charter above them all): set when there is one root and some child has teams of its
/// own. Otherwise the roots themselves are the groups.
pub(super) fn lone_root(hb: &crate::link::Handbook) -> Option<&str> {
    let has_kids = |s: &str| hb.children.get(s).is_some_and(|k| !k.is_empty());
    match hb.roots().as_slice() {
        [only]
            if hb
                .children
                .get(*only)
                .is_some_and(|k| k.iter().any(|c| has_kids(c))) =>
        {
            Some(only)
        }
        _ => None,
    }
}

/// The org map's groups: the top-level groups, or the groups under a lone root that
/// contains everything (returned first), and the top-level teams that have no group.
pub(super) fn map_groups(
    hb: &crate::link::Handbook,
) -> (Option<&Charter>, Vec<&Charter>, Vec<&Charter>) {
    let roots: Vec<&Charter> = hb
        .roots()
        .into_iter()
        .filter_map(|s| hb.team(s).map(|(_, c)| c))
        .collect();
    let has_kids = |c: &Charter| hb.children.get(&c.slug).is_some_and(|k| !k.is_empty());
    let (top, level): (Option<&Charter>, Vec<&Charter>) = match roots.as_slice() {
        [only] if lone_root(hb) == Some(only.slug.as_str()) => (
            Some(*only),
            hb.children
                .get(&only.slug)
                .into_iter()
                .flatten()
                .filter_map(|k| hb.team(k).map(|(_, c)| c))
                .collect(),
        ),
        _ => (None, roots),
    };
    let (groups, loose) = level.into_iter().partition(|c| has_kids(c));
    (top, groups, loose)
}

/// The part of the org map overview (0-based) that lists each team outside any group:
/// every team page links to its entry, so it is computed once per render (`Nav`).
pub(super) fn loose_parts(hb: &crate::link::Handbook) -> std::collections::HashMap<String, usize> {
    let (_, _, loose) = map_groups(hb);
    loose
        .iter()
        .enumerate()
        .map(|(i, c)| (c.slug.clone(), i / LOOSE_PER_PART))
        .collect()
}

/// Charters drawn on one part of a group's map page when the map is split: each is a box
/// of about 625 bytes of SVG and an item of about 200 in the list beside it, so a part,
/// with its ancestors drawn for context (at most `link::MAX_ORG_DEPTH`), stays near
/// 170 KB. A group with more is split over several parts ([`group_map_url`],
/// [`GroupSplit`]); one with fewer has one page, as before.
pub(super) const GROUP_PART_NODES: usize = 200;

/// How a group map of `n` charters (in pre-order) is split: into the fewest parts of at
/// most [`GROUP_PART_NODES`], `ceil(n / GROUP_PART_NODES)`, of near-equal size (the first
/// `n % parts` one charter longer), so that the last part is never a small remainder: 201
/// charters are parts of 101 and 100, not 200 and 1. The one rule for which part owns a
/// charter's box, used by the parts themselves ([`group_parts_of`]), by the team pages'
/// links to them ([`group_parts`]) and by "find a team".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct GroupSplit {
    /// Charters in each of the first `longer` parts, less one.
    size: usize,
    longer: usize,
    parts: usize,
}

impl GroupSplit {
    fn new(n: usize) -> Self {
        let parts = n.div_ceil(GROUP_PART_NODES).max(1);
        GroupSplit {
            size: n / parts,
            longer: n % parts,
            parts,
        }
    }

    /// The part (0-based) owning the `i`-th charter.
    fn part_of(&self, i: usize) -> usize {
        let long = self.longer * (self.size + 1);
        if i < long {
            i / (self.size + 1)
        } else {
            self.longer + (i - long) / self.size.max(1)
        }
    }

    /// The charters (pre-order positions) of part `p`.
    fn range(&self, p: usize) -> std::ops::Range<usize> {
        let start = p * self.size + p.min(self.longer);
        start..start + self.size + usize::from(p < self.longer)
    }
}

/// The address of part `i` (0-based) of group `g`'s map: `orgmap/<g>.html`, then
/// `orgmap/<g>.2.html`, … A slug never holds a `.`, so no part can take another group's
/// page (`paginate::part_url`'s `orgmap/<g>-2.html` is group `<g>-2`'s).
pub(super) fn group_map_url(g: &str, i: usize) -> String {
    if i == 0 {
        format!("orgmap/{g}.html")
    } else {
        format!("orgmap/{g}.{}.html", i + 1)
    }
}

/// A group's charters in pre-order (the group first), each with its depth below the
/// group: the order its map draws them in (`Renderer::org_node`).
fn group_preorder<'h>(hb: &'h crate::link::Handbook, g: &'h str) -> Vec<(&'h str, usize)> {
    let mut out = Vec::new();
    let mut stack = vec![(g, 0)];
    while let Some((s, d)) = stack.pop() {
        out.push((s, d));
        if let Some(kids) = hb.children.get(s) {
            stack.extend(
                kids.iter()
                    .rev()
                    .filter(|k| hb.team(k).is_some())
                    .map(|k| (k.as_str(), d + 1)),
            );
        }
    }
    out
}

/// The part of its group's map page (0-based) that owns each charter's box, for the
/// charters of groups split over several parts and not on the first: every team page links
/// to its box, so it is computed once per render (`Nav`). Empty unless the map is split.
pub(super) fn group_parts(hb: &crate::link::Handbook) -> std::collections::HashMap<String, usize> {
    let mut out = std::collections::HashMap::new();
    if !map_is_split(hb) {
        return out;
    }
    let (_, groups, _) = map_groups(hb);
    for g in groups {
        let pre = group_preorder(hb, &g.slug);
        if pre.len() <= GROUP_PART_NODES {
            continue;
        }
        let split = GroupSplit::new(pre.len());
        for (i, (s, _)) in pre.iter().enumerate().skip(split.range(0).end) {
            out.insert(s.to_string(), split.part_of(i));
        }
    }
    out
}

/// Whether the org map is split into one page per group (see [`OVERVIEW_MAX_TEAMS`]).
fn map_is_split(hb: &crate::link::Handbook) -> bool {
    hb.teams.len() > OVERVIEW_MAX_TEAMS
}

/// A node of a group's map with its own fields only.
fn bare(n: &OrgNode) -> OrgNode {
    OrgNode {
        slug: n.slug.clone(),
        name: n.name.clone(),
        url: n.url.clone(),
        metric: n.metric.clone(),
        size: n.size,
        is_group: n.is_group,
        children: Vec::new(),
    }
}

/// Closes the innermost open node of a tree being rebuilt: it becomes its parent's last
/// child. The root (the first open node) stays open.
fn close_node(open: &mut Vec<(usize, OrgNode)>) {
    if open.len() > 1
        && let Some((_, n)) = open.pop()
        && let Some((_, parent)) = open.last_mut()
    {
        parent.children.push(n);
    }
}

/// One part of a group map split over several pages.
struct GroupPart {
    /// The group pruned to the part's charters and their ancestors.
    tree: OrgNode,
    /// Slugs of the part's own charters (their boxes carry their ids) and of all it draws.
    owned: std::collections::HashSet<String>,
    shown: std::collections::HashSet<String>,
}

/// Splits a group's map (`root`, its whole subtree) into runs of charters in pre-order
/// ([`GroupSplit`]), each drawn with the ancestors of its first charter: in a
/// contiguous pre-order run every charter's parent is in the run or one of those ancestors,
/// so each part is a tree. Also returns the teams below each charter, by slug, for the
/// group boxes' "N teams" (which a part alone would undercount).
fn group_parts_of(root: &OrgNode) -> (Vec<GroupPart>, std::collections::HashMap<String, usize>) {
    // Pre-order with each node's parent and depth.
    let mut pre: Vec<(&OrgNode, Option<usize>, usize)> = Vec::new();
    let mut stack: Vec<(&OrgNode, Option<usize>, usize)> = vec![(root, None, 0)];
    while let Some((n, parent, depth)) = stack.pop() {
        let i = pre.len();
        pre.push((n, parent, depth));
        stack.extend(n.children.iter().rev().map(|c| (c, Some(i), depth + 1)));
    }
    let mut below = vec![0usize; pre.len()];
    for i in (1..pre.len()).rev() {
        if let Some(p) = pre[i].1 {
            below[p] += below[i] + usize::from(!pre[i].0.is_group);
        }
    }
    let teams_below = pre
        .iter()
        .zip(&below)
        .map(|((n, _, _), b)| (n.slug.clone(), *b))
        .collect();
    let mut parts = Vec::new();
    let split = GroupSplit::new(pre.len());
    for p in 0..split.parts {
        let std::ops::Range { start, end } = split.range(p);
        let mut ids = Vec::new();
        let mut a = pre[start].1;
        while let Some(i) = a {
            ids.push(i);
            a = pre[i].1;
        }
        ids.reverse();
        ids.extend(start..end);
        // Rebuild the tree with a stack of open nodes by depth.
        let mut open: Vec<(usize, OrgNode)> = Vec::new();
        for &i in &ids {
            let depth = pre[i].2;
            while open.len() > 1 && open.last().is_some_and(|(d, _)| *d >= depth) {
                close_node(&mut open);
            }
            open.push((depth, bare(pre[i].0)));
        }
        while open.len() > 1 {
            close_node(&mut open);
        }
        let Some((_, tree)) = open.pop() else {
            continue;
        };
        parts.push(GroupPart {
            tree,
            owned: pre[start..end].iter().map(|p| p.0.slug.clone()).collect(),
            shown: ids.iter().map(|&i| pre[i].0.slug.clone()).collect(),
        });
    }
    (parts, teams_below)
}

/// An org map's SVG with the link to its stylesheet before it (`root`: the way back to
/// the site root from the page that shows it).
fn with_stylesheet(svg: String, root: &str) -> String {
    format!("{}{svg}", orgmap::stylesheet_link(root))
}

/// (name, slug) of a node and everything below it, in pre-order.
fn collect_subtree(n: &OrgNode, out: &mut Vec<(String, String)>) {
    let mut stack = vec![n];
    while let Some(n) = stack.pop() {
        out.push((n.name.clone(), n.slug.clone()));
        stack.extend(n.children.iter().rev());
    }
}

/// The CODEOWNERS rules that the header search and the ownership index's path box match
/// a typed path against ([`Renderer::code_rules_file`]). A search file, loaded the way
/// the search index's files are (a `<script>` calling `orgbookSearchLoad`), so the answer
/// works from `file://` too.
pub const CODE_RULES_PATH: &str = "search/code.js";

/// Items on one page of the ownership index (250–400 bytes each, so a part stays under
/// 300 KB).
const OWNERSHIP_PER_PAGE: usize = 600;

impl Renderer<'_> {
    /// An org-map node for `c`, with `href_prefix` (the way from the embedding page to
    /// `teams/`) and, when `deep`, its whole subtree.
    fn org_node(&self, c: &Charter, href_prefix: &str, deep: bool) -> OrgNode {
        let hb = self.handbook;
        let children = if deep {
            hb.children
                .get(&c.slug)
                .map(|kids| {
                    kids.iter()
                        .filter_map(|k| hb.team(k))
                        .map(|(_, k)| self.org_node(k, href_prefix, true))
                        .collect()
                })
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        OrgNode {
            slug: c.slug.clone(),
            name: c.name.clone(),
            url: format!("{href_prefix}{}.html", c.slug),
            // The trend arrow of the primary metric's history, when it has one.
            metric: self
                .team_summary(c, 0)
                .primary_metric
                .map(|m| match self.primary_trend(c) {
                    Some(arrow) => format!("{m} {arrow}"),
                    None => m,
                }),
            size: match c.kind {
                TeamKind::Group => self.handbook.subtree_members(&c.slug),
                TeamKind::Team => c.members.len(),
            },
            is_group: c.kind == TeamKind::Group,
            children,
        }
    }

    /// What the neighbourhood map of a team page is drawn from (pages live in `teams/`, so
    /// links are siblings): see [`Neighbourhood::draw`].
    pub(super) fn neighbourhood(&self, c: &Charter, root: String) -> Neighbourhood {
        let hb = self.handbook;
        let me = self.org_node(c, "", false);
        let parent = c
            .parent
            .as_ref()
            .and_then(|TeamRef { value: p, .. }| hb.team(p))
            .map(|(_, p)| self.org_node(p, "", false));
        // Only the siblings and children the map draws are built: a team's page must not
        // cost more because its group has thousands of teams.
        let kids = |slug: &str| hb.children.get(slug).map_or(&[][..], Vec::as_slice);
        let node = |slug: &String| hb.team(slug).map(|(_, k)| self.org_node(k, "", false));
        let children_of_me = kids(&c.slug);
        let children: Vec<OrgNode> = children_of_me
            [orgmap::neighbourhood_window(children_of_me.len(), 0)]
        .iter()
        .filter_map(node)
        .collect();
        let siblings = match &c.parent {
            Some(TeamRef { value: p, .. }) => kids(p),
            None => &[][..],
        };
        // Children are sorted by `child_order_key`, so the team is found by a binary search.
        let mine = crate::model::child_order_key(&hb.docs[hb.teams[&c.slug]], &c.slug);
        let at = siblings
            .binary_search_by(|s| {
                hb.teams
                    .get(s)
                    .map(|&id| crate::model::child_order_key(&hb.docs[id], s))
                    .cmp(&Some(mine.clone()))
            })
            .ok()
            .filter(|&i| siblings[i] == c.slug);
        let Some(pos) = at else {
            // A top-level team, or one whose parent is not a charter: a row of its own.
            return Neighbourhood {
                root,
                parent,
                row: vec![me],
                my_index: 0,
                hidden: (0, 0),
                children,
                children_total: children_of_me.len(),
            };
        };
        let shown = orgmap::neighbourhood_window(siblings.len(), pos);
        let built: Vec<OrgNode> = siblings[shown.clone()]
            .iter()
            .filter(|s| **s != c.slug)
            .filter_map(node)
            .collect();
        let mut others = built.into_iter();
        let mut me = Some(me);
        let row: Vec<OrgNode> = siblings[shown.clone()]
            .iter()
            .filter_map(|s| {
                if *s == c.slug {
                    me.take()
                } else {
                    others.next()
                }
            })
            .collect();
        Neighbourhood {
            root,
            parent,
            row,
            my_index: pos - shown.start,
            hidden: (shown.start, siblings.len() - shown.end),
            children,
            children_total: children_of_me.len(),
        }
    }

    fn tree_html(&self) -> String {
        let mut html = String::new();
        let roots = self.handbook.roots();
        self.push_tree(&roots, &mut html, "");
        html
    }

    fn push_tree(&self, slugs: &[&str], html: &mut String, prefix: &str) {
        self.push_tree_of(slugs, html, prefix, None);
    }

    /// [`Self::push_tree`], listing only the charters in `shown` when given (one part of a
    /// group map split over several pages).
    fn push_tree_of(
        &self,
        slugs: &[&str],
        html: &mut String,
        prefix: &str,
        shown: Option<&std::collections::HashSet<String>>,
    ) {
        let hb = self.handbook;
        html.push_str("<ul>");
        for slug in slugs {
            let Some((doc, c)) = hb.team(slug) else {
                continue;
            };
            let _ = write!(
                html,
                "<li><a href=\"{prefix}{}\">{}</a>",
                escape_html(&doc.url),
                escape_html(&c.name)
            );
            if c.kind == TeamKind::Group {
                html.push_str(" <span class=\"kind kind-group\">group</span>");
            } else {
                let _ = write!(html, " <span class=\"muted\">· {} people", c.members.len());
                if let Some(m) = self.team_summary(c, 0).primary_metric {
                    let _ = write!(html, " · {}", escape_html(&m));
                }
                html.push_str("</span>");
            }
            if let Some(kids) = hb.children.get(*slug) {
                let kids: Vec<&str> = kids
                    .iter()
                    .map(String::as_str)
                    .filter(|k| shown.is_none_or(|s| s.contains(*k)))
                    .collect();
                if shown.is_none() || !kids.is_empty() {
                    self.push_tree_of(&kids, html, prefix, shown);
                }
            }
            html.push_str("</li>");
        }
        html.push_str("</ul>");
    }

    /// Whether the org map is split into one page per group (see [`OVERVIEW_MAX_TEAMS`]).
    fn map_is_split(&self) -> bool {
        map_is_split(self.handbook)
    }

    /// Where a team's box is drawn: `orgmap.html#om-<slug>`, or its group's own map page
    /// when the map is split.
    pub(super) fn orgmap_url(&self, slug: &str) -> String {
        if !self.map_is_split() {
            return format!("orgmap.html#om-{slug}");
        }
        let mut chain = self.handbook.ancestors(slug);
        chain.push(slug);
        let lone = self.nav().lone_root.as_deref();
        let group = match lone {
            Some(root) if chain.first() == Some(&root) => chain.get(1),
            _ => chain.first(),
        };
        let is_group = |s: &str| self.handbook.children.get(s).is_some_and(|k| !k.is_empty());
        match group {
            // On the part of its group's map that owns its box (see `group_parts`).
            Some(g) if is_group(g) => {
                let part = self.nav().group_part.get(slug).copied().unwrap_or(0);
                format!("{}#om-{slug}", group_map_url(g, part))
            }
            // Outside any group: listed on a part of the overview (the lone root, in the
            // lede of every part, is on the first).
            _ => {
                let part = self.nav().loose_part.get(slug).copied().unwrap_or(0);
                let page = super::paginate::part_url("orgmap.html", part);
                format!("{page}#om-{slug}")
            }
        }
    }

    /// `orgmap.html` (a legend, a "find a team" box and a grid of group cards) and, for a
    /// large organisation, one map page per group so that the overview stays bounded.
    pub(super) fn orgmap_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let split = self.map_is_split();
        let (top, groups, loose) = map_groups(self.handbook);
        let mut out = Vec::new();
        // The "find a team" index's entries: [name, map address, group].
        let mut find: Vec<serde_json::Value> = Vec::new();
        let cards = groups
            .iter()
            .enumerate()
            .map(|(i, g)| self.group_map(i, g, split, &mut out, &mut find))
            .collect();
        let loose_svg = self.loose_map(&loose, &mut find);
        self.overview_pages(top, cards, &loose, loose_svg, split, &mut out);
        // The "find a team" index: one file, or word-prefix shards (render/find.rs).
        out.extend(super::find::files(&find).into_iter().map(|(path, bytes)| {
            Ok(OutputFile {
                path,
                contents: super::FileContents::Bytes(bytes),
            })
        }));
        out
    }

    /// Group `g` (the `i`th, which picks its colour): its card on the overview, its
    /// teams' entries in "find a team" and, on a split map, its own map pages.
    fn group_map(
        &self,
        i: usize,
        g: &Charter,
        split: bool,
        out: &mut Vec<Result<OutputFile, Diagnostic>>,
        find: &mut Vec<serde_json::Value>,
    ) -> OrgGroupCard {
        let hb = self.handbook;
        let doc_url = format!("teams/{}.html", g.slug);
        let map_page = format!("orgmap/{}.html", g.slug);
        let node = self.org_node(g, if split { "../teams/" } else { "teams/" }, true);
        let mut subtree = Vec::new();
        collect_subtree(&node, &mut subtree);
        // A split map draws a group too large for one page over several parts: its
        // whole map is never drawn, only its width is needed (for the card).
        let parted = split && subtree.len() > GROUP_PART_NODES;
        // On a split map the card shows no map, and the group's page draws its own
        // ([`GroupMap`]) only when its context changed.
        let (svg, width) = if split {
            (String::new(), orgmap::group_map_width(&node))
        } else {
            orgmap::render_group_map(&node, i)
        };
        let parts = GroupSplit::new(subtree.len());
        for (at, (name, slug)) in subtree.iter().enumerate() {
            let page = if parted {
                group_map_url(&g.slug, parts.part_of(at))
            } else if split {
                map_page.clone()
            } else {
                "orgmap.html".to_string()
            };
            find.push(serde_json::json!([
                name,
                format!("{page}#om-{slug}"),
                g.name
            ]));
        }
        let kids: Vec<Link> = hb
            .children
            .get(&g.slug)
            .into_iter()
            .flatten()
            .filter_map(|k| hb.team(k))
            .map(|(d, c)| Link {
                title: c.name.clone(),
                url: d.url.clone(),
            })
            .collect();
        let more = kids.len().saturating_sub(CARD_CHILDREN);
        if split {
            // (map, list) of each part: the whole group, or its parts.
            let drawn: Vec<(GroupMap, String)> = if parted {
                let (parts, teams_below) = group_parts_of(&node);
                parts
                    .into_iter()
                    .map(|p| {
                        let mut tree = String::new();
                        self.push_tree_of(&[g.slug.as_str()], &mut tree, "../", Some(&p.shown));
                        let mut owned: Vec<String> = p.owned.into_iter().collect();
                        owned.sort_unstable();
                        let mut below: Vec<(String, usize)> = p
                            .shown
                            .into_iter()
                            .filter_map(|s| teams_below.get(&s).map(|&n| (s, n)))
                            .collect();
                        below.sort_unstable();
                        let map = GroupMap {
                            root: String::new(),
                            tree: p.tree,
                            colour: i,
                            part: Some(GroupMapPart {
                                owned,
                                teams_below: below,
                            }),
                        };
                        (map, tree)
                    })
                    .collect()
            } else {
                let mut tree = String::new();
                self.push_tree(&[g.slug.as_str()], &mut tree, "../");
                let map = GroupMap {
                    root: String::new(),
                    tree: node.clone(),
                    colour: i,
                    part: None,
                };
                vec![(map, tree)]
            };
            self.group_map_pages(i, g, drawn, subtree.len(), out);
        }
        OrgGroupCard {
            slug: g.slug.clone(),
            name: g.name.clone(),
            url: doc_url,
            colour: orgmap::palette_colour(i),
            // Teams, not the groups among them: as the page's lede and the map count.
            teams: subtree
                .iter()
                .filter(|(_, slug)| {
                    hb.teams
                        .get(slug.as_str())
                        .and_then(|&id| hb.docs[id].as_team())
                        .is_some_and(|c| c.kind == TeamKind::Team)
                })
                .count(),
            people: hb.subtree_members(&g.slug),
            svg: (!split).then(|| with_stylesheet(svg, "")),
            wide: width > CARD_MAX_WIDTH,
            map_url: split.then_some(map_page),
            children: kids.into_iter().take(CARD_CHILDREN).collect(),
            more,
        }
    }

    /// A split map's pages of group `g`: one per (map, list of teams) in `drawn`, with a
    /// pager between them; `teams` is the size of the group's subtree.
    fn group_map_pages(
        &self,
        i: usize,
        g: &Charter,
        drawn: Vec<(GroupMap, String)>,
        teams: usize,
        out: &mut Vec<Result<OutputFile, Diagnostic>>,
    ) {
        let links: Vec<Link> = (0..drawn.len())
            .map(|p| Link {
                title: format!("{}", p + 1),
                url: group_map_url(&g.slug, p),
            })
            .collect();
        let pagers = super::paginate::pagers(&links);
        for ((mut map, tree), pager) in drawn.into_iter().zip(pagers) {
            let url = links[pager.part - 1].url.clone();
            let title = pager.titled(&format!("Org map: {}", g.name));
            let mut base = self.base(&url, title, None, "orgmap");
            base.breadcrumbs = Self::crumbs_from(base.t, (&base.t.org_map, "orgmap.html"));
            let ctx = OrgGroupPage {
                base,
                group: Link {
                    title: g.name.clone(),
                    url: format!("teams/{}.html", g.slug),
                },
                colour: orgmap::palette_colour(i),
                svg: {
                    // A group's map pages are one folder below the site root.
                    map.root = crate::markdown::root_prefix(&url);
                    super::deps::Drawn {
                        inputs: map,
                        draw: GroupMap::draw,
                    }
                },
                tree_html: tree,
                teams,
                pager,
            };
            out.push(self.render("orgmap_group.html", &url, &ctx));
        }
    }

    /// The teams outside any group: their entries in "find a team", and their map when
    /// they fit on the overview's first part.
    fn loose_map(&self, loose: &[&Charter], find: &mut Vec<serde_json::Value>) -> Option<String> {
        let loose_nodes: Vec<OrgNode> = loose
            .iter()
            .map(|c| self.org_node(c, "teams/", false))
            .collect();
        for (i, n) in loose_nodes.iter().enumerate() {
            let page = super::paginate::part_url("orgmap.html", i / LOOSE_PER_PART);
            find.push(serde_json::json!([
                n.name,
                format!("{page}#om-{}", n.slug),
                ""
            ]));
        }
        (!loose_nodes.is_empty() && loose_nodes.len() <= LOOSE_PER_PART)
            .then(|| with_stylesheet(orgmap::render_org_map(&loose_nodes), ""))
    }

    /// The overview, `orgmap.html`: the group cards and the teams outside any group, over
    /// as many parts as they need.
    fn overview_pages(
        &self,
        top: Option<&Charter>,
        cards: Vec<OrgGroupCard>,
        loose: &[&Charter],
        mut loose_svg: Option<String>,
        split: bool,
        out: &mut Vec<Result<OutputFile, Diagnostic>>,
    ) {
        let hb = self.handbook;
        let (mut teams, mut group_count) = (0, 0);
        for (_, c) in hb.teams.keys().filter_map(|s| hb.team(s)) {
            match c.kind {
                TeamKind::Team => teams += 1,
                TeamKind::Group => group_count += 1,
            }
        }
        // A split map's overview holds cards without maps; past OVERVIEW_MAX_CARDS groups
        // it is split too, so that it stays bounded however many groups there are.
        let per = if split {
            OVERVIEW_MAX_CARDS
        } else {
            cards.len().max(1)
        };
        let mut runs = super::paginate::chunks(cards, per);
        // Teams outside any group: LOOSE_PER_PART on each part beside its cards, on as
        // many parts as they need (see `loose_parts`, where their team pages link).
        let loose_total = loose.len();
        let mut loose_runs = super::paginate::chunks(
            loose
                .iter()
                .map(|c| OrgLooseTeam {
                    title: c.name.clone(),
                    url: format!("teams/{}.html", c.slug),
                    slug: c.slug.clone(),
                })
                .collect(),
            LOOSE_PER_PART,
        );
        let pages = runs.len().max(loose_runs.len());
        runs.resize_with(pages, Vec::new);
        loose_runs.resize_with(pages, Vec::new);
        let parts = super::paginate::part_links(&runs, "orgmap.html", |_, _| None);
        let tree_html = if split {
            String::new()
        } else {
            self.tree_html()
        };
        let pagers = super::paginate::pagers(&parts);
        for ((cards, loose), pager) in runs.into_iter().zip(loose_runs).zip(pagers) {
            let first = pager.part == 1;
            let url = parts[pager.part - 1].url.clone();
            let mut base = self.base(&url, pager.titled("Org map"), None, "orgmap");
            base.breadcrumbs = Self::home_crumb(base.t);
            let ctx = OrgMapPage {
                base,
                svg: String::new(),
                tree_html: if first {
                    tree_html.clone()
                } else {
                    String::new()
                },
                teams,
                groups: group_count,
                top: top.map(|t| Link {
                    title: t.name.clone(),
                    url: format!("teams/{}.html", t.slug),
                }),
                top_slug: top.map(|t| t.slug.clone()),
                cards,
                // Up to LOOSE_PER_PART teams outside any group are drawn on the first
                // part; more are listed, LOOSE_PER_PART a part.
                loose_from: (pager.part - 1) * LOOSE_PER_PART + 1,
                loose,
                loose_svg: if first { loose_svg.take() } else { None },
                loose_total,
                split,
                pager,
            };
            out.push(self.render("orgmap.html", &url, &ctx));
        }
    }

    /// [`CODE_RULES_PATH`], what the header search and the index's "Who owns a file or
    /// folder?" box (`orgbook/owner.js`) match a path against: `{file, rules}` with every
    /// CODEOWNERS rule in the file's order as `[pattern, line, [[team, url]…], [other
    /// owner…]]`. Only for a handbook with the file; it grows with the file, not with the
    /// handbook, and is loaded when a reader first types a path.
    fn code_rules_file(&self) -> Option<OutputFile> {
        let hb = self.handbook;
        let owners = &hb.code_owners;
        let file = owners.file.as_ref()?;
        let rules: Vec<serde_json::Value> = file
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let teams: Vec<serde_json::Value> = owners.rule_teams[i]
                    .iter()
                    .filter_map(|s| hb.team(s))
                    .map(|(d, c)| serde_json::json!([c.name, d.url]))
                    .collect();
                serde_json::json!([r.pattern.value, r.line, teams, owners.rule_others[i]])
            })
            .collect();
        let json = serde_json::json!({ "file": file.path, "rules": rules });
        Some(OutputFile {
            path: CODE_RULES_PATH.into(),
            contents: FileContents::Bytes(crate::search::script_file("code", &json)),
        })
    }

    pub(super) fn ownership_page(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let hb = self.handbook;
        let mut letters: Vec<OwnershipLetter> = Vec::new();
        // Charters' items and CODEOWNERS paths in one A–Z list; a path sorts by its first
        // name (`/services/billing/` under S), the `*` rules last.
        let code = &hb.code_owners;
        let rules = code
            .file
            .as_ref()
            .map(|f| f.rules.as_slice())
            .unwrap_or(&[]);
        let mut rows: Vec<(String, &str, &str, Option<u32>)> = hb
            .ownership
            .iter()
            .map(|(item, slug)| (item.to_lowercase(), item.as_str(), slug.as_str(), None))
            .collect();
        for (slug, ids) in &code.by_team {
            for &i in ids {
                let pattern = rules[i].pattern.value.as_str();
                let key = pattern.trim_start_matches(['/', '*', '.']).to_lowercase();
                rows.push((key, pattern, slug.as_str(), Some(rules[i].line)));
            }
        }
        if !code.by_team.is_empty() {
            rows.sort_by(|a, b| (&a.0, a.2, a.3).cmp(&(&b.0, b.2, b.3)));
        }
        let total = rows.len();
        for (key, item, slug, code_line) in rows {
            let Some((doc, c)) = hb.team(slug) else {
                continue;
            };
            let first = key
                .chars()
                .next()
                .map(|ch| ch.to_uppercase().collect::<String>())
                .unwrap_or_default();
            let letter = if first.chars().all(|ch| ch.is_ascii_alphabetic()) && !first.is_empty() {
                first
            } else {
                "#".into()
            };
            let group = hb
                .ancestors(slug)
                .first()
                .and_then(|g| hb.team(g))
                .map(|(d, g)| Link {
                    title: g.name.clone(),
                    url: d.url.clone(),
                });
            let entry = OwnershipItem {
                item: item.to_string(),
                code_url: code_line.and_then(|_| self.code_url(item)),
                code_line,
                team: Link {
                    title: c.name.clone(),
                    url: doc.url.clone(),
                },
                group,
                contact: c.contact.first().map(|(k, v)| self.contact_entry(k, v)),
            };
            match letters.iter_mut().find(|l| l.letter == letter) {
                Some(l) => l.items.push(entry),
                None => letters.push(OwnershipLetter {
                    id: if letter == "#" {
                        "other".into()
                    } else {
                        letter.to_lowercase()
                    },
                    letter,
                    items: vec![entry],
                }),
            }
        }
        // Letters A–Z first, the rest last; items are already sorted case-insensitively.
        letters.sort_by(|a, b| (a.letter == "#", &a.letter).cmp(&(b.letter == "#", &b.letter)));
        // Whole letters per part, at most OWNERSHIP_PER_PAGE items each: a letter that
        // does not fit starts a new part, and one longer than a part runs on over several
        // ("S (continued)"), so no part grows with the handbook.
        // (The pieces of a long letter are moved out in one pass: splitting the rest off
        // again and again copied it each time and kept each piece's spare capacity, which
        // grew with the square of the letter's length, 19 GB at a million rows.)
        let mut chunks: Vec<Vec<OwnershipLetter>> = vec![Vec::new()];
        let mut rows = 0;
        for l in letters {
            if rows > 0 && rows + l.items.len() > OWNERSHIP_PER_PAGE {
                chunks.push(Vec::new());
                rows = 0;
            }
            let OwnershipLetter { letter, id, items } = l;
            let pieces = super::paginate::chunks(items, OWNERSHIP_PER_PAGE);
            for (run, items) in pieces.into_iter().enumerate() {
                let piece = if run == 0 {
                    OwnershipLetter {
                        letter: letter.clone(),
                        id: id.clone(),
                        items,
                    }
                } else {
                    chunks.push(Vec::new());
                    OwnershipLetter {
                        letter: format!("{letter} (continued)"),
                        id: format!("{id}-{}", run + 1),
                        items,
                    }
                };
                rows = if run == 0 {
                    rows + piece.items.len()
                } else {
                    piece.items.len()
                };
                if let Some(last) = chunks.last_mut() {
                    last.push(piece);
                }
            }
        }
        let parts = super::paginate::part_links(&chunks, "ownership.html", |a, b| {
            Some(if a.letter != b.letter {
                format!("{}–{}", a.letter, b.letter)
            } else {
                a.letter.clone()
            })
        });
        let jump: Vec<Link> = chunks
            .iter()
            .zip(&parts)
            .flat_map(|(c, part)| {
                c.iter()
                    .filter(|l| !l.letter.ends_with(" (continued)"))
                    .map(move |l| Link {
                        title: l.letter.clone(),
                        url: format!("{}#{}", part.url, l.id),
                    })
            })
            .collect();
        let pagers = super::paginate::pagers(&parts);
        let rules_file = self.code_rules_file();
        chunks
            .into_iter()
            .zip(pagers)
            .map(|(letters, pager)| {
                let url = parts[pager.part - 1].url.clone();
                let mut base = self.base(&url, pager.titled("Who owns what"), None, "ownership");
                base.breadcrumbs = Self::home_crumb(base.t);
                let ctx = OwnershipPage {
                    base,
                    total,
                    code_file: code.file.as_ref().map(|f| f.path.clone()),
                    letters,
                    jump: jump.clone(),
                    pager,
                };
                self.render("ownership.html", &url, &ctx)
            })
            .chain(rules_file.map(Ok))
            .collect()
    }

    pub(super) fn health_page(&self, health: &Health) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let rules = RULES
            .iter()
            .map(|(id, title)| {
                let total = health.findings.iter().filter(|f| f.rule == *id).count();
                HealthRule {
                    id,
                    title,
                    denied: hb.config.policy.deny.iter().any(|d| d == id),
                    total,
                    more: total.saturating_sub(HEALTH_ROWS),
                    not_checked: crate::health::not_checked(hb, id),
                    findings: health
                        .findings
                        .iter()
                        .filter(|f| f.rule == *id)
                        .take(HEALTH_ROWS)
                        .map(|f| HealthFinding {
                            message: f.message.clone(),
                            link: self.link_to(f.doc),
                            person_url: f.person.as_ref().map(|s| format!("people/{s}.html")),
                            line: {
                                let text = &hb.docs[f.doc].source.text;
                                let at = f.span.start.min(text.len());
                                text.as_bytes()[..at]
                                    .iter()
                                    .filter(|&&b| b == b'\n')
                                    .count()
                                    + 1
                            },
                        })
                        .collect(),
                }
            })
            .collect();
        let velocity_by_team_more = health.velocity.by_team.len().saturating_sub(HEALTH_ROWS);
        let velocity_by_team = health
            .velocity
            .by_team
            .iter()
            .take(HEALTH_ROWS)
            .filter_map(|(slug, l)| {
                hb.team(slug).map(|(d, c)| {
                    (
                        Link {
                            title: c.name.clone(),
                            url: d.url.clone(),
                        },
                        *l,
                    )
                })
            })
            .collect();
        let ctx = HealthPage {
            base: self.base("health.html", "Org health".into(), None, "health"),
            today: health.today.map(|d| d.to_string()).unwrap_or_default(),
            rules,
            total: health.findings.len(),
            velocity: health.velocity.overall,
            velocity_by_type: health.velocity.by_type.clone(),
            velocity_by_team,
            velocity_by_team_more,
            review_days: hb.config.teams.review_days,
            stalled_days: hb.config.decisions.stalled_days,
            max_size: hb.config.teams.max_size,
            insight: self.health_insight(health),
        };
        self.render("health.html", "health.html", &ctx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_split_has_near_equal_parts_within_the_bound() {
        for n in [
            1, 2, 199, 200, 201, 202, 399, 400, 401, 451, 1531, 10_000, 10_001,
        ] {
            let split = GroupSplit::new(n);
            assert_eq!(split.parts, n.div_ceil(GROUP_PART_NODES).max(1), "{n}");
            let ranges: Vec<_> = (0..split.parts).map(|p| split.range(p)).collect();
            // Contiguous, covering every charter, none over the bound, sizes within one.
            assert_eq!(ranges[0].start, 0, "{n}");
            assert_eq!(ranges.last().unwrap().end, n, "{n}");
            assert!(ranges.windows(2).all(|w| w[0].end == w[1].start), "{n}");
            let sizes: Vec<usize> = ranges.iter().map(|r| r.len()).collect();
            let (min, max) = (sizes.iter().min().unwrap(), sizes.iter().max().unwrap());
            assert!(*max <= GROUP_PART_NODES && max - min <= 1, "{n}: {sizes:?}");
            // `part_of` agrees with the ranges for every charter.
            for (p, r) in ranges.iter().enumerate() {
                assert!(r.clone().all(|i| split.part_of(i) == p), "{n}: part {p}");
            }
        }
        let sizes = |n| {
            let s = GroupSplit::new(n);
            (0..s.parts).map(|p| s.range(p).len()).collect::<Vec<_>>()
        };
        assert_eq!(sizes(201), [101, 100]);
        assert_eq!(sizes(451), [151, 150, 150]);
        assert_eq!(sizes(200), [200]);
    }
}
