//! The org map: owns turning the team hierarchy (groups → teams, any depth)
//! into inline SVG at build time — the full map for `orgmap.html` and the
//! small parent/siblings/children map on each team page. It is pure: it takes
//! already-resolved [`OrgNode`] trees (URLs made relative by the caller) and
//! returns SVG strings, so it knows nothing about files, templates or charters.
//! The drawing needs no JavaScript; `orgbook/orgmap.js` only adds pan/zoom. Its
//! stylesheet is one file ([`STYLESHEET_PATH`]) that each page with a map links, so a
//! team page does not carry its own 2 KB copy.

mod hood;
pub mod interactions;
mod layout;
mod render;
mod style;
mod text;

#[cfg(test)]
mod tests;

/// One charter in the hierarchy, as the caller resolved it. Serialisable so that a page's
/// context hash can stand for a map by the nodes it is drawn from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrgNode {
    pub slug: String,
    pub name: String,
    /// href used in the SVG as-is (already relative to the page embedding the SVG).
    pub url: String,
    /// Primary metric label, e.g. "Checkout conversion: 3.1% → 3.5%".
    pub metric: Option<String>,
    /// Number of members.
    pub size: usize,
    pub is_group: bool,
    /// Already sorted; roots are the charters without a parent.
    pub children: Vec<OrgNode>,
}

/// Where the maps' stylesheet ([`stylesheet`]) is written in the site.
pub const STYLESHEET_PATH: &str = "orgbook/orgmap.css";

/// The maps' CSS: boxes, edges, the palette by top-level group, dark mode.
pub fn stylesheet() -> &'static str {
    style::css()
}

/// The `<link>` a page puts before its maps (`root` is the page's way to the site root,
/// `../` from `teams/`). In the body rather than the template's `<head>`, so that every
/// theme's pages get it; a browser fetches it once however many maps a page has.
pub fn stylesheet_link(root: &str) -> String {
    format!("<link rel=\"stylesheet\" href=\"{root}{STYLESHEET_PATH}\">")
}

/// A positioned node box in SVG user units (pixels at scale 1), top-left origin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeBox {
    pub slug: String,
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

/// The full org map as one `<svg>` element string.
///
/// Every node is an `<a href>` in tree pre-order, so tab order follows the
/// hierarchy; `width`/`height` are the natural size (the embedding page should
/// put it in a scrollable container) and `viewBox` matches them.
pub fn render_org_map(roots: &[OrgNode]) -> String {
    render::org_map(&layout::compute(roots))
}

/// The map of one group's subtree, every box in the group's palette colour
/// (`colour` indexes the palette, wrapping), and its natural width in pixels.
/// The org map page lays groups out as a grid of these.
pub fn render_group_map(root: &OrgNode, colour: usize) -> (String, i32) {
    let mut d = layout::compute(std::slice::from_ref(root));
    for p in &mut d.nodes {
        p.colour = Some(colour);
    }
    (render::org_map(&d), d.width)
}

/// The natural width in pixels of [`render_group_map`]'s map, without drawing it.
pub fn group_map_width(root: &OrgNode) -> i32 {
    layout::compute(std::slice::from_ref(root)).width
}

/// One part of a group's map that is split over several pages: `root` is the group pruned
/// to the part's own charters and their ancestors. Only boxes for which `owned` holds carry
/// their `om-<slug>` id (an ancestor drawn for context has its id on its own part), and a
/// group's "N teams" is `teams_below(slug)` when given, so it counts the whole subtree
/// rather than the part. Returns the SVG and its natural width, like [`render_group_map`].
pub fn render_group_map_part(
    root: &OrgNode,
    colour: usize,
    owned: &dyn Fn(&str) -> bool,
    teams_below: &dyn Fn(&str) -> Option<usize>,
) -> (String, i32) {
    let mut d = layout::compute(std::slice::from_ref(root));
    for p in &mut d.nodes {
        p.colour = Some(colour);
        p.anchor = owned(&p.node.slug);
        if let Some(t) = teams_below(&p.node.slug) {
            p.teams = t;
        }
    }
    (render::org_map(&d), d.width)
}

/// The light-mode border colour of palette entry `colour` (wrapping), for legends.
pub fn palette_colour(colour: usize) -> &'static str {
    style::PALETTE[colour % style::PALETTE.len()].0
}

/// A small SVG of a team's neighbourhood for its own page: parent above, the
/// team among its siblings, its children below. Only the passed nodes' own
/// fields are used (their `children` are ignored). `siblings` may or may not
/// include `me`; long sibling or child lists show the nearest few plus a
/// "+N more" chip.
pub fn render_neighbourhood(
    parent: Option<&OrgNode>,
    siblings: &[OrgNode],
    me: &OrgNode,
    children: &[OrgNode],
) -> String {
    hood::render(parent, siblings, me, children)
}

/// Which of a sibling row of `count` entries (the team at `pos`) a neighbourhood map
/// draws ([`render_neighbourhood_window`]).
pub fn neighbourhood_window(count: usize, pos: usize) -> std::ops::Range<usize> {
    hood::window(count, pos)
}

/// [`render_neighbourhood`] from only what it draws: the siblings in
/// [`neighbourhood_window`] (`row`, with the team itself at `my_index`), how many were left
/// out on each side (`hidden`), and the first children of `children_total`.
pub fn render_neighbourhood_window(
    parent: Option<&OrgNode>,
    row: &[&OrgNode],
    my_index: usize,
    hidden: (usize, usize),
    children: &[OrgNode],
    children_total: usize,
) -> String {
    hood::render_window(parent, row, my_index, hidden, children, children_total)
}

/// Positioned boxes for every node of the full map, in tree pre-order.
pub fn layout(roots: &[OrgNode]) -> Vec<NodeBox> {
    layout::compute(roots)
        .nodes
        .iter()
        .map(|p| NodeBox {
            slug: p.node.slug.clone(),
            x: p.x,
            y: p.y,
            w: layout::NODE_W,
            h: layout::NODE_H,
        })
        .collect()
}
