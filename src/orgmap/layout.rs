//! Layout of the full org map: assigns every node a box and every parent→child
//! link an orthogonal edge, in integer pixels so output is byte-for-byte
//! deterministic.
//!
//! It is a tidy tree built from subtree bounding boxes rather than contours:
//! each subtree is laid out once (children before parents) into a rectangle,
//! and a parent places its children's rectangles side by side, so two boxes
//! can never overlap by construction. Contour packing would only tuck shallow
//! subtrees under deeper neighbours; once wide levels wrap, subtrees are
//! near-rectangular anyway, and the bounding-box invariant is what keeps 300
//! (or 10,000) nodes free of overlaps without a quadratic check.
//!
//! Wide levels wrap. When a parent's children do not fit in one row of
//! [`ROW_LIMIT`] pixels (a little less per depth, see [`row_limit`]), or it
//! has more than [`LEAF_ROW_MAX`] children that are all leaves (those become
//! a grid of about 16:9), they are placed in several rows under the parent,
//! org-chart style: the parent sits at the left, a vertical spine drops just
//! inside its left edge to the left of the indented rows, and each row gets
//! its own horizontal bus in the gap above it. Edges therefore only run
//! through the empty gaps and the spine's own column, never across a box.
//! Rows are balanced (the narrowest width that keeps the same row count) so
//! the last row is not a lonely straggler.
//!
//! Everything is O(n log W): one pre-order flattening, one bottom-up sizing
//! pass, one top-down positioning pass; only row balancing adds a binary
//! search over the width. All passes are iterative, so depth is not limited
//! by the call stack.

use super::OrgNode;

pub(super) const NODE_W: i32 = 220;
pub(super) const NODE_H: i32 = 64;
pub(super) const MARGIN: i32 = 16;
/// Between sibling subtrees in a row.
const H_GAP: i32 = 20;
/// Parent bottom to the first row of children; the bus runs at half of it.
const V_GAP: i32 = 40;
/// Between wrapped rows; the row's bus runs at half of it.
const ROW_GAP: i32 = 32;
/// Left indent of wrapped rows, leaving a column for the spine.
const INDENT: i32 = 32;
/// Spine position from the parent's left edge, inside the indent column.
const SPINE_X: i32 = 16;
/// Between unrelated top-level trees, wider so separate trees read as such.
const ROOT_GAP: i32 = 48;
const ROOT_ROW_GAP: i32 = 56;
/// Widest a row of children may grow before wrapping. Keeps a 300-team map
/// around 3,000 px wide whatever the shape of the hierarchy.
pub(super) const ROW_LIMIT: i32 = 3000;
/// Floor for the per-depth row limit (see [`row_limit`]).
const MIN_ROW_LIMIT: i32 = 3 * (NODE_W + H_GAP);
/// A parent with more leaf children than this puts them in a grid.
pub(super) const LEAF_ROW_MAX: usize = 6;

/// An orthogonal link: down from (`fx`, `fy`) to the bus at `by`, across to
/// `tx`, down to the child's top at `ty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Edge {
    pub fx: i32,
    pub fy: i32,
    pub by: i32,
    pub tx: i32,
    pub ty: i32,
}

pub(super) struct Placed<'a> {
    pub node: &'a OrgNode,
    pub parent: Option<usize>,
    /// Palette index of the top-level group; `None` for a lone root that
    /// contains everything (it would otherwise paint the whole map one colour).
    pub colour: Option<usize>,
    /// Number of non-group nodes below this one.
    pub teams: usize,
    /// Whether the box carries its `om-<slug>` id: not when it is drawn only as the
    /// context of one part of a map split over several pages (see
    /// [`super::render_group_map_part`]), whose own part has that id.
    pub anchor: bool,
    pub x: i32,
    pub y: i32,
    pub edge: Option<Edge>,
}

pub(super) struct Drawing<'a> {
    pub nodes: Vec<Placed<'a>>,
    pub width: i32,
    pub height: i32,
    pub groups: usize,
}

/// Per-node scratch state of the sizing pass, positions relative to the
/// node's own subtree rectangle.
#[derive(Default, Clone, Copy)]
struct Sized {
    w: i32,
    h: i32,
    /// The node's box left edge inside its subtree rectangle (box top is 0).
    box_dx: i32,
    /// This subtree's origin relative to the parent's subtree origin.
    off_x: i32,
    off_y: i32,
    /// Edge start and bus relative to the parent's subtree origin.
    from_x: i32,
    from_y: i32,
    bus_y: i32,
}

pub(super) fn compute(roots: &[OrgNode]) -> Drawing<'_> {
    let (mut nodes, children, depth) = flatten(roots);
    let n = nodes.len();
    let mut s = vec![Sized::default(); n];

    // Pre-order puts every child after its parent, so reverse order sizes
    // children first.
    for i in (0..n).rev() {
        let kids = &children[i];
        nodes[i].teams = kids
            .iter()
            .map(|&c| nodes[c].teams + usize::from(!nodes[c].node.is_group))
            .sum();
        if kids.is_empty() {
            s[i].w = NODE_W;
            s[i].h = NODE_H;
            continue;
        }
        let widths: Vec<i32> = kids.iter().map(|&c| s[c].w).collect();
        let all_leaves = kids.iter().all(|&c| children[c].is_empty());
        let limit = row_limit(depth[i]);
        let rows = if all_leaves && kids.len() > LEAF_ROW_MAX {
            leaf_grid(kids.len(), limit)
        } else {
            balanced_rows(&widths, H_GAP, limit)
        };
        if rows.len() == 1 {
            size_single_row(i, kids, &mut s);
        } else {
            size_wrapped(i, kids, &rows, &mut s);
        }
    }

    let root_ids: Vec<usize> = (0..n).filter(|&i| nodes[i].parent.is_none()).collect();
    let widths: Vec<i32> = root_ids.iter().map(|&r| s[r].w).collect();
    let rows = balanced_rows(&widths, ROOT_GAP, ROW_LIMIT);
    let mut origin = vec![(0i32, 0i32); n];
    let (mut total_w, mut y) = (0, MARGIN);
    for (start, end) in rows {
        let (mut x, mut row_h) = (MARGIN, 0);
        for &r in &root_ids[start..end] {
            origin[r] = (x, y);
            x += s[r].w + ROOT_GAP;
            row_h = row_h.max(s[r].h);
        }
        total_w = total_w.max(x - ROOT_GAP);
        y += row_h + ROOT_ROW_GAP;
    }
    let total_h = if root_ids.is_empty() {
        MARGIN
    } else {
        y - ROOT_ROW_GAP
    };

    for i in 0..n {
        if let Some(p) = nodes[i].parent {
            let (px, py) = origin[p];
            origin[i] = (px + s[i].off_x, py + s[i].off_y);
        }
        let (ox, oy) = origin[i];
        nodes[i].x = ox + s[i].box_dx;
        nodes[i].y = oy;
        if let Some(p) = nodes[i].parent {
            let (px, py) = origin[p];
            nodes[i].edge = Some(Edge {
                fx: px + s[i].from_x,
                fy: py + s[i].from_y,
                by: py + s[i].bus_y,
                tx: nodes[i].x + NODE_W / 2,
                ty: nodes[i].y,
            });
        }
    }

    let groups = nodes.iter().filter(|p| p.node.is_group).count();
    Drawing {
        nodes,
        width: total_w.max(MARGIN) + MARGIN,
        height: total_h + MARGIN,
        groups,
    }
}

/// Row limit for the children of a node at `depth`. A wrapped parent is one
/// [`INDENT`] wider than its widest row, so shrinking the limit by that much
/// per level keeps every subtree within `ROW_LIMIT + INDENT`, however the
/// wrapping nests (down to the floor, about 70 levels deep).
fn row_limit(depth: usize) -> i32 {
    let shrink = i32::try_from(depth)
        .unwrap_or(i32::MAX)
        .saturating_mul(INDENT);
    ROW_LIMIT.saturating_sub(shrink).max(MIN_ROW_LIMIT)
}

/// Nodes in pre-order, each node's child indices, each node's depth.
type Flat<'a> = (Vec<Placed<'a>>, Vec<Vec<usize>>, Vec<usize>);

/// Pre-order flattening with an explicit stack; children keep their given
/// order.
fn flatten(roots: &[OrgNode]) -> Flat<'_> {
    let lone_root = roots.len() == 1 && !roots[0].children.is_empty();
    let mut nodes: Vec<Placed<'_>> = Vec::new();
    let mut children: Vec<Vec<usize>> = Vec::new();
    let mut depth: Vec<usize> = Vec::new();
    let mut stack: Vec<(&OrgNode, Option<usize>, Option<usize>)> = roots
        .iter()
        .enumerate()
        .rev()
        .map(|(i, r)| (r, None, (!lone_root).then_some(i)))
        .collect();
    while let Some((node, parent, colour)) = stack.pop() {
        let idx = nodes.len();
        nodes.push(Placed {
            node,
            parent,
            colour,
            teams: 0,
            anchor: true,
            x: 0,
            y: 0,
            edge: None,
        });
        children.push(Vec::new());
        depth.push(parent.map_or(0, |p| depth[p] + 1));
        if let Some(p) = parent {
            children[p].push(idx);
        }
        for (ci, child) in node.children.iter().enumerate().rev() {
            let c = if lone_root && parent.is_none() {
                Some(ci)
            } else {
                colour
            };
            stack.push((child, Some(idx), c));
        }
    }
    (nodes, children, depth)
}

/// Children in one row, the parent centred over the first and last child
/// boxes (the classic tidy-tree look), edges from the parent's bottom centre.
fn size_single_row(i: usize, kids: &[usize], s: &mut [Sized]) {
    let top = NODE_H + V_GAP;
    let mut x = 0;
    let mut h = 0;
    for &c in kids {
        s[c].off_x = x;
        s[c].off_y = top;
        x += s[c].w + H_GAP;
        h = h.max(s[c].h);
    }
    let block_w = x - H_GAP;
    let (first, last) = (kids[0], kids[kids.len() - 1]);
    let centre = |c: usize| s[c].off_x + s[c].box_dx + NODE_W / 2;
    let mid = (centre(first) + centre(last)) / 2;
    let mut left = mid - NODE_W / 2;
    let shift = (-left).max(0);
    left += shift;
    for &c in kids {
        s[c].off_x += shift;
        s[c].from_x = left + NODE_W / 2;
        s[c].from_y = NODE_H;
        s[c].bus_y = NODE_H + V_GAP / 2;
    }
    s[i].box_dx = left;
    s[i].w = (block_w + shift).max(left + NODE_W);
    s[i].h = top + h;
}

/// Children in several indented rows hanging off a spine at the parent's left.
fn size_wrapped(i: usize, kids: &[usize], rows: &[(usize, usize)], s: &mut [Sized]) {
    let mut y = NODE_H + V_GAP;
    let mut w = NODE_W;
    for (ri, &(start, end)) in rows.iter().enumerate() {
        let bus = if ri == 0 {
            NODE_H + V_GAP / 2
        } else {
            y - ROW_GAP / 2
        };
        let (mut x, mut row_h) = (INDENT, 0);
        for &c in &kids[start..end] {
            s[c].off_x = x;
            s[c].off_y = y;
            s[c].from_x = SPINE_X;
            s[c].from_y = NODE_H;
            s[c].bus_y = bus;
            x += s[c].w + H_GAP;
            row_h = row_h.max(s[c].h);
        }
        w = w.max(x - H_GAP);
        y += row_h + ROW_GAP;
    }
    s[i].box_dx = 0;
    s[i].w = w;
    s[i].h = y - ROW_GAP;
}

/// Rows for `k` leaf children: about 16:9 overall on screen (boxes are wider
/// than tall, hence the 3/4 factor), at least 4 columns, never wider than
/// `limit`, and with columns evened out so rows are equally full.
fn leaf_grid(k: usize, limit: i32) -> Vec<(usize, usize)> {
    let max_cols = ((limit + H_GAP) / (NODE_W + H_GAP)).max(1) as usize;
    let mut cols = isqrt_ceil(k * 3 / 4).max(4).min(max_cols);
    let rows = k.div_ceil(cols);
    cols = k.div_ceil(rows);
    (0..rows)
        .map(|r| (r * cols, ((r + 1) * cols).min(k)))
        .collect()
}

fn isqrt_ceil(v: usize) -> usize {
    let mut r = (v as f64).sqrt() as usize;
    while r * r < v {
        r += 1;
    }
    while r > 0 && (r - 1) * (r - 1) >= v {
        r -= 1;
    }
    r
}

/// Greedy line breaking: an item goes on the current row if it still fits
/// in `limit`; an item wider than `limit` gets a row of its own.
fn greedy_rows(widths: &[i32], gap: i32, limit: i32) -> Vec<(usize, usize)> {
    let mut rows = Vec::new();
    let mut start = 0;
    let mut row_w = 0;
    for (i, &w) in widths.iter().enumerate() {
        if i > start && row_w + gap + w > limit {
            rows.push((start, i));
            start = i;
            row_w = w;
        } else if i == start {
            row_w = w;
        } else {
            row_w += gap + w;
        }
    }
    if start < widths.len() {
        rows.push((start, widths.len()));
    }
    rows
}

/// The greedy rows for the narrowest limit that needs no more rows than
/// `limit` itself does. Greedy row count never grows with the limit, so a
/// binary search finds it.
fn balanced_rows(widths: &[i32], gap: i32, limit: i32) -> Vec<(usize, usize)> {
    let rows = greedy_rows(widths, gap, limit);
    if rows.len() <= 1 {
        return rows;
    }
    let target = rows.len();
    let widest = widths.iter().copied().max().unwrap_or(0);
    let total: i32 = widths.iter().sum::<i32>() + gap * (widths.len() as i32 - 1);
    let mut lo = widest.max(total / target as i32);
    let mut hi = limit.max(widest);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if greedy_rows(widths, gap, mid).len() <= target {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    greedy_rows(widths, gap, hi)
}

#[cfg(test)]
mod unit {
    use super::*;

    #[test]
    fn greedy_rows_wraps_and_isolates_oversized_items() {
        assert_eq!(greedy_rows(&[10, 10, 10], 5, 25), vec![(0, 2), (2, 3)]);
        assert_eq!(greedy_rows(&[50, 10], 5, 25), vec![(0, 1), (1, 2)]);
        assert_eq!(greedy_rows(&[], 5, 25), vec![]);
    }

    #[test]
    fn balanced_rows_evens_out_the_last_row() {
        // Greedy at 100 gives 4+1; balanced gives 3+2.
        let rows = balanced_rows(&[20; 5], 0, 80);
        assert_eq!(rows, vec![(0, 3), (3, 5)]);
    }

    #[test]
    fn leaf_grid_is_even_and_bounded() {
        assert_eq!(leaf_grid(9, ROW_LIMIT), vec![(0, 3), (3, 6), (6, 9)]);
        let g = leaf_grid(100, ROW_LIMIT);
        assert!(g.iter().all(|&(a, b)| b - a <= 9));
        assert_eq!(g.last().unwrap().1, 100);
        let g = leaf_grid(10_000, ROW_LIMIT);
        let max_cols = ((ROW_LIMIT + H_GAP) / (NODE_W + H_GAP)) as usize;
        assert!(g.iter().all(|&(a, b)| b - a <= max_cols));
    }

    #[test]
    fn isqrt_ceil_is_exact() {
        for v in 0..2000 {
            let r = isqrt_ceil(v);
            assert!(r * r >= v && (r == 0 || (r - 1) * (r - 1) < v), "{v}");
        }
    }
}
