//! The small neighbourhood map on a team page: parent, the team among its
//! nearest siblings, and its children, in three centred rows. It is capped at
//! [`CAP`] boxes per row so it stays readable in a content column; what does
//! not fit is summarised by a dashed "+N more" chip on the side it was cut
//! from (the sibling chips link to the parent, whose page lists them all).

use std::fmt::Write;

use super::OrgNode;
use super::layout::{MARGIN, NODE_H};
use super::render::{self, NodeStyle};
use super::text::{clean, escape};

/// Narrower than the full map's boxes: four of these plus chips fit a
/// typical ~800 px content column without scaling the text down much.
pub(super) const HOOD_W: i32 = 160;
const GAP: i32 = 16;
const V_GAP: i32 = 40;
const CHIP_W: i32 = 72;
pub(super) const CAP: usize = 4;

enum Item<'a> {
    Node {
        node: &'a OrgNode,
        me: bool,
    },
    More {
        hidden: usize,
        link: Option<&'a str>,
    },
}

impl Item<'_> {
    fn width(&self) -> i32 {
        match self {
            Item::Node { .. } => HOOD_W,
            Item::More { .. } => CHIP_W,
        }
    }
}

/// Sibling row in order with `me` in it: at its own slot if `siblings`
/// already holds it, else where its name sorts (siblings arrive sorted).
fn sibling_row<'a>(siblings: &'a [OrgNode], me: &'a OrgNode) -> (Vec<&'a OrgNode>, usize) {
    if let Some(pos) = siblings.iter().position(|s| s.slug == me.slug) {
        let row = siblings
            .iter()
            .enumerate()
            .map(|(i, s)| if i == pos { me } else { s })
            .collect();
        return (row, pos);
    }
    let key = |n: &OrgNode| (n.name.to_lowercase(), n.slug.clone());
    let mine = key(me);
    let pos = siblings.partition_point(|s| key(s) < mine);
    let mut row: Vec<&OrgNode> = siblings.iter().collect();
    row.insert(pos, me);
    (row, pos)
}

/// A group's summary from its direct children, when the caller passed them.
/// Direct only: counting whole subtrees on every team page would make a
/// build quadratic in the size of a large flat group.
fn group_summary(node: &OrgNode) -> Option<String> {
    if !node.is_group || node.children.is_empty() {
        return None;
    }
    let groups = node.children.iter().filter(|c| c.is_group).count();
    let teams = render::teams_label(node.children.len() - groups);
    Some(match groups {
        0 => format!("Group · {teams}"),
        // No "Group ·" prefix: it would not fit the narrow box, and the
        // sub-group count already says what this is.
        1 => format!("1 group, {teams}"),
        g => format!("{g} groups, {teams}"),
    })
}

pub(super) fn render(
    parent: Option<&OrgNode>,
    siblings: &[OrgNode],
    me: &OrgNode,
    children: &[OrgNode],
) -> String {
    let parent_link = parent.map(|p| p.url.as_str());
    let mut rows: Vec<Vec<Item<'_>>> = Vec::new();
    if let Some(p) = parent {
        rows.push(vec![Item::Node { node: p, me: false }]);
    }

    let (sibs, my_pos) = sibling_row(siblings, me);
    let start = if sibs.len() <= CAP {
        0
    } else {
        my_pos.saturating_sub((CAP - 1) / 2).min(sibs.len() - CAP)
    };
    let end = (start + CAP).min(sibs.len());
    let mut row = Vec::new();
    if start > 0 {
        row.push(Item::More {
            hidden: start,
            link: parent_link,
        });
    }
    for (i, &n) in sibs.iter().enumerate().take(end).skip(start) {
        row.push(Item::Node {
            node: n,
            me: i == my_pos,
        });
    }
    if end < sibs.len() {
        row.push(Item::More {
            hidden: sibs.len() - end,
            link: parent_link,
        });
    }
    let my_row = rows.len();
    rows.push(row);

    if !children.is_empty() {
        let mut row: Vec<Item<'_>> = children
            .iter()
            .take(CAP)
            .map(|node| Item::Node { node, me: false })
            .collect();
        if children.len() > CAP {
            // The team page lists every sub-team under "Place in the org" (`#place-title`
            // in the default theme), so the chip leads there.
            row.push(Item::More {
                hidden: children.len() - CAP,
                link: Some("#place-title"),
            });
        }
        rows.push(row);
    }

    let row_w =
        |r: &[Item<'_>]| r.iter().map(Item::width).sum::<i32>() + GAP * (r.len() as i32 - 1);
    let inner_w = rows.iter().map(|r| row_w(r)).max().unwrap_or(HOOD_W);
    let width = inner_w + 2 * MARGIN;
    let height = rows.len() as i32 * (NODE_H + V_GAP) - V_GAP + 2 * MARGIN;

    // Box positions per row: (x, y) of each item, rows centred.
    let placed: Vec<Vec<(i32, i32)>> = rows
        .iter()
        .enumerate()
        .map(|(ri, r)| {
            let mut x = MARGIN + (inner_w - row_w(r)) / 2;
            let y = MARGIN + ri as i32 * (NODE_H + V_GAP);
            r.iter()
                .map(|it| {
                    let at = (x, y);
                    x += it.width() + GAP;
                    at
                })
                .collect()
        })
        .collect();

    let label = {
        let name = clean(&me.name);
        let others = sibs.len() - 1;
        let mut l = match parent {
            Some(p) => format!("Where {name} sits: part of {}", clean(&p.name)),
            None => format!("Where {name} sits: top level"),
        };
        let _ = write!(
            l,
            ", {others} sibling {}, {} {}",
            if others == 1 { "team" } else { "teams" },
            children.len(),
            if children.len() == 1 {
                "sub-team"
            } else {
                "sub-teams"
            }
        );
        l
    };

    let mut out = String::with_capacity(4096 + 800 * (rows.len() * (CAP + 2)));
    render::open_svg(&mut out, "om-map om-hood", width, height, &label);

    out.push_str("<g class=\"om-edges\" aria-hidden=\"true\">\n");
    // An edge from the box above (parent, or me for the children row) to
    // every node box of the row below, through a bus halfway between.
    let mut links = |from_row: usize, from_idx: usize, to_row: usize| {
        let (fx, fy) = placed[from_row][from_idx];
        let mut d = String::new();
        for (it, &(x, y)) in rows[to_row].iter().zip(&placed[to_row]) {
            if let Item::Node { .. } = it {
                let e = super::layout::Edge {
                    fx: fx + HOOD_W / 2,
                    fy: fy + NODE_H,
                    by: y - V_GAP / 2,
                    tx: x + HOOD_W / 2,
                    ty: y,
                };
                render::edge_data(&mut d, &e);
            }
        }
        let _ = writeln!(out, "<path class=\"om-edge\" d=\"{d}\"/>");
    };
    if parent.is_some() {
        links(0, 0, my_row);
    }
    if !children.is_empty() {
        let me_idx = rows[my_row]
            .iter()
            .position(|it| matches!(it, Item::Node { me: true, .. }))
            .unwrap_or(0);
        links(my_row, me_idx, my_row + 1);
    }
    out.push_str("</g>\n<g class=\"om-nodes\">\n");

    let parent_name = parent.map(|p| clean(&p.name));
    for (r, at) in rows.iter().zip(&placed) {
        for (it, &(x, y)) in r.iter().zip(at) {
            match *it {
                Item::Node { node, me } => {
                    let st = NodeStyle {
                        class: if me { "om-g0 om-me" } else { "om-n" },
                        id: None,
                        current: me,
                        group_summary: group_summary(node),
                    };
                    render::node(&mut out, node, x, y, HOOD_W, &st);
                }
                Item::More { hidden, link } => {
                    let what = if hidden == 1 { "team" } else { "teams" };
                    let title = match (&parent_name, link) {
                        (Some(p), Some(_)) => format!("{hidden} more {what} in {p}"),
                        _ => format!("{hidden} more {what}"),
                    };
                    match link {
                        Some(href) => {
                            let _ = write!(out, "<a class=\"om-more\" href=\"{}\">", escape(href));
                        }
                        None => out.push_str("<g class=\"om-more\">"),
                    }
                    let _ = write!(
                        out,
                        "<title>{}</title><rect class=\"om-chip\" x=\"{x}\" y=\"{y}\" width=\"{CHIP_W}\" height=\"{NODE_H}\" rx=\"6\"/><text x=\"{}\" y=\"{}\">+{hidden} more</text>",
                        escape(&title),
                        x + CHIP_W / 2,
                        y + NODE_H / 2 + 4
                    );
                    out.push_str(if link.is_some() { "</a>\n" } else { "</g>\n" });
                }
            }
        }
    }
    out.push_str("</g>\n</svg>\n");
    out
}
