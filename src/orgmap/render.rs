//! SVG serialisation of a laid-out org map, and the node box drawing shared
//! with the neighbourhood map. Strings from content only ever reach the output
//! through [`escape`]; coordinates are integers, so output is deterministic.

use std::fmt::Write;

use super::OrgNode;
use super::layout::{Drawing, Edge, NODE_H, NODE_W};
use super::style;
use super::text::{Font, clean, escape, truncate, truncate_metric};

// A box's fonts and geometry, shared with the neighbourhood diagram (hood.rs).
pub(super) const NAME_FONT: Font = Font { px: 13, bold: true };
pub(super) const META_FONT: Font = Font {
    px: 11,
    bold: false,
};
/// Text clears the coloured band on the left.
pub(super) const TEXT_X: i32 = 14;
pub(super) const TEXT_RIGHT_PAD: i32 = 8;
pub(super) const RADIUS: i32 = 6;
pub(super) const BAND_W: i32 = 6;

/// How one node box is to be drawn.
pub(super) struct NodeStyle<'a> {
    pub class: &'a str,
    pub id: Option<&'a str>,
    pub current: bool,
    /// What a group contains, e.g. "Group · 12 teams"; plain "Group" if unknown.
    pub group_summary: Option<String>,
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".to_string()
    } else {
        format!("{n} people")
    }
}

pub(super) fn teams_label(n: usize) -> String {
    if n == 1 {
        "1 team".to_string()
    } else {
        format!("{n} teams")
    }
}

/// The two lines under the name: the metric (or what stands in for it) and
/// the size.
fn meta_lines(node: &OrgNode, group_summary: Option<&str>) -> (String, String) {
    let metric = node.metric.as_deref().map(clean).filter(|m| !m.is_empty());
    let summary = group_summary.unwrap_or("Group");
    match (node.is_group, metric) {
        (false, Some(m)) => (m, people(node.size)),
        (false, None) => ("No primary metric".to_string(), people(node.size)),
        (true, Some(m)) => (m, format!("{summary} · {}", people(node.size))),
        (true, None) => (summary.to_string(), people(node.size)),
    }
}

/// Writes one node as a focusable link: full text in `<title>` (tooltip and
/// accessible name), visible lines truncated to the box width.
pub(super) fn node(out: &mut String, node: &OrgNode, x: i32, y: i32, w: i32, st: &NodeStyle<'_>) {
    let name = clean(&node.name);
    let (line2, line3) = meta_lines(node, st.group_summary.as_deref());
    let budget = (w - TEXT_X - TEXT_RIGHT_PAD).max(0) as u64;
    let group = if node.is_group { " om-group" } else { "" };
    let _ = write!(
        out,
        "<a class=\"om-node {}{group}\" href=\"{}\"",
        st.class,
        escape(&node.url)
    );
    if let Some(id) = st.id {
        let _ = write!(out, " id=\"om-{}\"", escape(id));
    }
    if st.current {
        out.push_str(" aria-current=\"page\"");
    }
    let _ = write!(
        out,
        "><title>{} — {} — {}</title>",
        escape(&name),
        escape(&line2),
        escape(&line3)
    );
    let h = NODE_H;
    let _ = write!(
        out,
        "<rect class=\"om-box\" x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" rx=\"{RADIUS}\"/>"
    );
    let _ = write!(
        out,
        "<path class=\"om-band\" d=\"M{bx} {y}V{yb}H{bx}a{r} {r} 0 0 1-{r}-{r}V{yt}a{r} {r} 0 0 1 {r}-{r}Z\"/>",
        bx = x + BAND_W,
        yb = y + h,
        yt = y + RADIUS,
        r = RADIUS
    );
    let _ = write!(
        out,
        "<rect class=\"om-ring\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\"/>",
        x - 4,
        y - 4,
        w + 8,
        h + 8,
        RADIUS + 3
    );
    let tx = x + TEXT_X;
    let _ = write!(
        out,
        "<text class=\"om-name\" x=\"{tx}\" y=\"{}\">{}</text>",
        y + 22,
        escape(&truncate(&name, NAME_FONT, budget))
    );
    let _ = write!(
        out,
        "<text class=\"om-meta\" x=\"{tx}\" y=\"{}\">{}</text>",
        y + 40,
        escape(&truncate_metric(&line2, META_FONT, budget))
    );
    let _ = write!(
        out,
        "<text class=\"om-meta\" x=\"{tx}\" y=\"{}\">{}</text>",
        y + 55,
        escape(&truncate(&line3, META_FONT, budget))
    );
    out.push_str("</a>\n");
}

/// Appends one edge to a path's `d` data.
pub(super) fn edge_data(d: &mut String, e: &Edge) {
    let _ = write!(d, "M{} {}V{}H{}V{}", e.fx, e.fy, e.by, e.tx, e.ty);
}

/// The opening `<svg …>` tag plus title. The stylesheet is a file of its own
/// ([`super::STYLESHEET_PATH`]) that the page links, not a copy in every map.
pub(super) fn open_svg(out: &mut String, class: &str, width: i32, height: i32, label: &str) {
    // Not role="img": that would hide the node links from assistive tech.
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"group\" aria-label=\"{label}\">\n<title>{label}</title>\n",
        label = escape(label),
    );
}

pub(super) fn org_map(d: &Drawing<'_>) -> String {
    let teams = d.nodes.iter().filter(|p| !p.node.is_group).count();
    let label = format!(
        "Organisation map: {} in {} {}",
        teams_label(teams),
        d.groups,
        if d.groups == 1 { "group" } else { "groups" }
    );
    let mut out = String::with_capacity(2048 + d.nodes.len() * 700);
    open_svg(&mut out, "om-map om-full", d.width, d.height, &label);
    if d.nodes.is_empty() {
        out.push_str("<text class=\"om-meta\" x=\"16\" y=\"28\">No teams yet</text>\n");
    }

    // Edges first so boxes paint over line ends; one path per parent keeps
    // the file small.
    out.push_str("<g class=\"om-edges\" aria-hidden=\"true\">\n");
    let mut paths: Vec<String> = vec![String::new(); d.nodes.len()];
    for p in &d.nodes {
        if let (Some(parent), Some(e)) = (p.parent, p.edge.as_ref()) {
            edge_data(&mut paths[parent], e);
        }
    }
    for path in paths.iter().filter(|s| !s.is_empty()) {
        let _ = writeln!(out, "<path class=\"om-edge\" d=\"{path}\"/>");
    }
    out.push_str("</g>\n<g class=\"om-nodes\">\n");
    for p in &d.nodes {
        let class = match p.colour {
            Some(c) => format!("om-g{}", c % style::PALETTE.len()),
            None => "om-n".to_string(),
        };
        let st = NodeStyle {
            class: &class,
            id: p.anchor.then_some(p.node.slug.as_str()),
            current: false,
            group_summary: p
                .node
                .is_group
                .then(|| format!("Group · {}", teams_label(p.teams))),
        };
        node(&mut out, p.node, p.x, p.y, NODE_W, &st);
    }
    out.push_str("</g>\n</svg>\n");
    out
}
