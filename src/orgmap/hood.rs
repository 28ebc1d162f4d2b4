//! The small neighbourhood map on a team page: parent, the team among its
//! nearest siblings, and its children, in three centred rows. It is capped at
//! [`CAP`] boxes per row so it stays readable in a content column; what does
//! not fit is summarised by a dashed "+N more" chip on the side it was cut
//! from (the sibling chips link to the parent, whose page lists them all).

use std::fmt::Write;

use super::OrgNode;
use super::layout::{MARGIN, NODE_H};
use super::render;
use super::text::{Font, clean, escape, truncate};
use crate::insight::metrics::{meets, parse_target, parse_value};

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
    let (sibs, my_pos) = sibling_row(siblings, me);
    let shown = window(sibs.len(), my_pos);
    render_window(
        parent,
        &sibs[shown.clone()],
        my_pos - shown.start,
        (shown.start, sibs.len() - shown.end),
        children,
        children.len(),
    )
}

/// The part of a sibling row of `count` entries, the team at `pos`, that the map draws:
/// at most [`CAP`] entries around the team. A team page builds only these siblings, so a
/// group of thousands of teams costs each of their pages the same as a small one.
pub(super) fn window(count: usize, pos: usize) -> std::ops::Range<usize> {
    let start = if count <= CAP {
        0
    } else {
        pos.saturating_sub((CAP - 1) / 2).min(count - CAP)
    };
    start..(start + CAP).min(count)
}

/// [`render`] from the drawn part of the sibling row: `row` (the team itself at
/// `my_index`), with `hidden.0` siblings left out before it and `hidden.1` after; and the
/// first [`CAP`] (or more) of the team's `children_total` children.
pub(super) fn render_window(
    parent: Option<&OrgNode>,
    row_nodes: &[&OrgNode],
    my_index: usize,
    hidden: (usize, usize),
    children: &[OrgNode],
    children_total: usize,
) -> String {
    let me = row_nodes[my_index];
    let parent_link = parent.map(|p| p.url.as_str());
    let mut rows: Vec<Vec<Item<'_>>> = Vec::new();
    if let Some(p) = parent {
        rows.push(vec![Item::Node { node: p, me: false }]);
    }

    let mut row = Vec::new();
    if hidden.0 > 0 {
        row.push(Item::More {
            hidden: hidden.0,
            link: parent_link,
        });
    }
    for (i, &n) in row_nodes.iter().enumerate() {
        row.push(Item::Node {
            node: n,
            me: i == my_index,
        });
    }
    if hidden.1 > 0 {
        row.push(Item::More {
            hidden: hidden.1,
            link: parent_link,
        });
    }
    let my_row = rows.len();
    rows.push(row);

    if children_total > 0 {
        let mut row: Vec<Item<'_>> = children
            .iter()
            .take(CAP)
            .map(|node| Item::Node { node, me: false })
            .collect();
        if children_total > CAP {
            // The team page lists every sub-team under "Place in the org" (`#place-title`
            // in the default theme), so the chip leads there.
            row.push(Item::More {
                hidden: children_total - CAP,
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
        let others = row_nodes.len() + hidden.0 + hidden.1 - 1;
        let mut l = match parent {
            Some(p) => format!("Where {name} sits: part of {}", clean(&p.name)),
            None => format!("Where {name} sits: top level"),
        };
        let _ = write!(
            l,
            ", {others} sibling {}, {} {}",
            if others == 1 { "team" } else { "teams" },
            children_total,
            if children_total == 1 {
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
                Item::Node { node, me } => hood_node(&mut out, node, x, y, me),
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

// The full map's boxes (`render::node`) give the name one line and the metric
// a line of its own; in this narrower box that cut most names and every
// metric, so the neighbourhood draws its own box: the name on up to two lines
// and an on/off-target mark in place of the metric text.
use super::render::{BAND_W, META_FONT, NAME_FONT, RADIUS, TEXT_RIGHT_PAD, TEXT_X};

fn fits(s: &str, font: Font, budget: u64) -> bool {
    truncate(s, font, budget) == s
}

/// The name as one line, or two split at the space nearest the middle (by
/// characters) among the splits where both halves fit; when no split lets both
/// fit, the first line is kept whole and only the second is ellipsised.
/// Names are a few words, so trying each space is cheap.
pub(super) fn name_lines(name: &str, budget: u64) -> Vec<String> {
    if fits(name, NAME_FONT, budget) {
        return vec![name.to_string()];
    }
    let total = name.chars().count();
    let splits: Vec<(usize, usize)> = name
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(i, _)| (i, name[..i].chars().count()))
        .collect();
    let nearest = |cands: &mut dyn Iterator<Item = &(usize, usize)>| {
        cands
            .min_by_key(|&&(_, chars)| (chars * 2).abs_diff(total))
            .map(|&(i, _)| i)
    };
    let both = nearest(&mut splits.iter().filter(|&&(i, _)| {
        fits(&name[..i], NAME_FONT, budget) && fits(&name[i + 1..], NAME_FONT, budget)
    }));
    let first_fits = || {
        nearest(
            &mut splits
                .iter()
                .filter(|&&(i, _)| fits(&name[..i], NAME_FONT, budget)),
        )
    };
    match both.or_else(first_fits) {
        Some(i) => vec![
            name[..i].to_string(),
            truncate(&name[i + 1..], NAME_FONT, budget),
        ],
        None => vec![truncate(name, NAME_FONT, budget)],
    }
}

/// A primary metric judged against its target.
#[derive(Debug, PartialEq)]
pub(super) struct Mark {
    pub on_target: bool,
    /// "Checkout conversion: 3.1%, target ≥ 3.5%" for the tooltip.
    pub title: String,
}

/// Judges the map's metric label, "Name: current → target" with an optional
/// trend arrow (built by `render::org`), with the insight module's target
/// rules. Unknown — no mark — when either side does not parse, the units
/// differ, or the target has no better side ("= 3").
pub(super) fn metric_mark(label: &str) -> Option<Mark> {
    let (name, rest) = label.rsplit_once(": ")?;
    let (current, target) = rest.split_once(" → ")?;
    let target = target
        .trim_end_matches(|c: char| ('\u{2190}'..='\u{21ff}').contains(&c))
        .trim();
    let current = current.trim();
    let t = parse_target(target)?;
    let (value, unit) = parse_value(current)?;
    if !unit.eq_ignore_ascii_case(&t.unit) {
        return None;
    }
    let on_target = meets(&t, value)?;
    Some(Mark {
        on_target,
        title: format!(
            "{name}: {current}, target {target} — {}",
            if on_target { "on target" } else { "off target" }
        ),
    })
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

/// One box as a focusable link; the full name, metric and its judgement are
/// in the link's `<title>` (its accessible name), the mark has its own
/// `<title>` for hover.
fn hood_node(out: &mut String, node: &OrgNode, x: i32, y: i32, me: bool) {
    let name = clean(&node.name);
    let metric = node.metric.as_deref().map(clean).filter(|m| !m.is_empty());
    let mark = metric.as_deref().and_then(metric_mark);
    // Groups say what they hold and how many people; teams just the people.
    let mut meta = vec![people(node.size)];
    if node.is_group {
        meta.insert(
            0,
            group_summary(node).unwrap_or_else(|| "Group".to_string()),
        );
    }
    let budget = (HOOD_W - TEXT_X - TEXT_RIGHT_PAD) as u64;
    let class = if me { "om-g0 om-me" } else { "om-n" };
    let group = if node.is_group { " om-group" } else { "" };
    let _ = write!(
        out,
        "<a class=\"om-node {class}{group}\" href=\"{}\"",
        escape(&node.url)
    );
    if me {
        out.push_str(" aria-current=\"page\"");
    }
    let metric_title = match (&mark, &metric) {
        (Some(m), _) => m.title.clone(),
        (None, Some(m)) => m.clone(),
        (None, None) => "No primary metric".to_string(),
    };
    let _ = write!(
        out,
        "><title>{} — {} — {}</title>",
        escape(&name),
        escape(&metric_title),
        escape(&meta.join(" · "))
    );
    let h = NODE_H;
    let _ = write!(
        out,
        "<rect class=\"om-box\" x=\"{x}\" y=\"{y}\" width=\"{HOOD_W}\" height=\"{h}\" rx=\"{RADIUS}\"/>\
         <path class=\"om-band\" d=\"M{bx} {y}V{yb}H{bx}a{r} {r} 0 0 1-{r}-{r}V{yt}a{r} {r} 0 0 1 {r}-{r}Z\"/>\
         <rect class=\"om-ring\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
        x - 4,
        y - 4,
        HOOD_W + 8,
        h + 8,
        RADIUS + 3,
        bx = x + BAND_W,
        yb = y + h,
        yt = y + RADIUS,
        r = RADIUS
    );
    let tx = x + TEXT_X;
    let lines = name_lines(&name, budget);
    // Two name lines leave room for one meta line only: a group's summary
    // and people count share it.
    let (first_y, meta_y) = if lines.len() == 2 {
        if meta.len() > 1 {
            meta = vec![meta.join(" · ")];
        }
        (y + 20, vec![y + 54])
    } else if meta.len() == 1 {
        (y + 27, vec![y + 48])
    } else {
        (y + 22, vec![y + 40, y + 55])
    };
    let _ = write!(out, "<text class=\"om-name\" x=\"{tx}\" y=\"{first_y}\">");
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            "<tspan x=\"{tx}\" y=\"{}\">{}</tspan>",
            first_y + 15 * i as i32,
            escape(line)
        );
    }
    out.push_str("</text>");
    // The mark leads the last meta line (the people count), next to the team
    // it judges.
    let last = meta.len() - 1;
    for (i, (line, &ly)) in meta.iter().zip(&meta_y).enumerate() {
        let mut lx = tx;
        if let (true, Some(m)) = (i == last, &mark) {
            let (class, glyph) = if m.on_target {
                ("om-mark om-on", "✓")
            } else {
                ("om-mark om-off", "✗")
            };
            let _ = write!(
                out,
                "<g class=\"{class}\"><title>{}</title><text class=\"om-meta\" x=\"{tx}\" y=\"{ly}\">{glyph}</text></g>",
                escape(&m.title)
            );
            lx += 14;
        }
        let room = budget.saturating_sub((lx - tx) as u64);
        let _ = write!(
            out,
            "<text class=\"om-meta\" x=\"{lx}\" y=\"{ly}\">{}</text>",
            escape(&truncate(line, META_FONT, room))
        );
    }
    out.push_str("</a>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn team(name: &str, metric: Option<&str>) -> OrgNode {
        OrgNode {
            slug: "t".into(),
            name: name.into(),
            url: "t.html".into(),
            metric: metric.map(str::to_string),
            size: 3,
            is_group: false,
            children: Vec::new(),
        }
    }

    fn lone(node: &OrgNode) -> String {
        let svg = render(None, &[], node, &[]);
        roxmltree::Document::parse(&svg).expect("hood SVG parses");
        svg
    }

    fn tspans(svg: &str) -> Vec<String> {
        let doc = roxmltree::Document::parse(svg).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("tspan"))
            .map(|n| n.text().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn long_name_wraps_to_two_tspans_without_ellipsis() {
        // The example, cut to "Business Syste…" before.
        let svg = lone(&team("Business Systems", None));
        let lines = tspans(&svg);
        assert_eq!(lines, ["Business", "Systems"], "{svg}");
        assert!(!svg.contains('…'), "{svg}");
    }

    #[test]
    fn short_name_stays_on_one_line() {
        assert_eq!(tspans(&lone(&team("Payments", None))), ["Payments"]);
    }

    #[test]
    fn wrap_breaks_at_the_space_nearest_the_middle() {
        let budget = (HOOD_W - TEXT_X - TEXT_RIGHT_PAD) as u64;
        assert_eq!(
            name_lines("Web Mobile Apps Team", budget),
            ["Web Mobile", "Apps Team"]
        );
    }

    #[test]
    fn only_a_second_line_too_long_is_ellipsised() {
        let name = "Customer Identity and Access Management Platform Engineering";
        let lines = tspans(&lone(&team(name, None)));
        assert_eq!(lines.len(), 2);
        assert!(!lines[0].ends_with('…'), "{lines:?}");
        assert!(lines[1].ends_with('…'), "{lines:?}");
        assert!(name.starts_with(&format!("{} ", lines[0])));
    }

    #[test]
    fn mark_on_off_and_absent() {
        let on = lone(&team("Checkout", Some("Latency: 182 ms → p95 ≤ 200 ms ↓")));
        assert!(on.contains(">✓</text>") && !on.contains('✗'), "{on}");
        assert!(on.contains("<title>Latency: 182 ms, target p95 ≤ 200 ms — on target</title>"));

        // A flat trend arrow is also "→": it must not be read as the target.
        let flat = lone(&team("Checkout", Some("Latency: 182 ms → ≤ 200 ms →")));
        assert!(flat.contains(">✓</text>"), "{flat}");

        let off = lone(&team("Checkout", Some("Conversion: 3.1% → ≥ 3.5%")));
        assert!(off.contains(">✗</text>") && !off.contains('✓'), "{off}");
        assert!(off.contains("target ≥ 3.5% — off target"), "{off}");

        for unknown in [
            Some("Conversion: → ≥ 3.5%"),
            Some("Conversion: 3.1%"),
            Some("Latency: 0.2 s → ≤ 200 ms"),
            Some("Headcount: 3 → = 3"),
            None,
        ] {
            let svg = lone(&team("Checkout", unknown));
            assert!(
                !svg.contains('✓') && !svg.contains('✗') && !svg.contains("om-mark"),
                "{unknown:?}: {svg}"
            );
        }
        // The metric name is not drawn as (cut) text any more, only in titles.
        assert!(!off.contains("\">Conversion"), "{off}");
    }

    #[test]
    fn content_is_escaped_in_names_and_mark_titles() {
        let svg = lone(&team(
            "<b>R&D</b> Tools & Things",
            Some("<i>x</i>: 1 ms → ≤ 2 ms"),
        ));
        assert!(!svg.contains("<b>") && !svg.contains("<i>"), "{svg}");
        assert!(svg.contains("R&amp;D"));
        assert!(svg.contains("&lt;i&gt;x&lt;/i&gt;: 1 ms, target ≤ 2 ms"));
    }

    #[test]
    fn output_is_deterministic() {
        let t = team(
            "Business Systems Integration",
            Some("Uptime: 99.9% → ≥ 99.5%"),
        );
        assert_eq!(lone(&t), lone(&t));
    }
}
