//! The interactions view of the org map: which teams work with which, and how (Team
//! Topologies' collaboration, x-as-a-service, facilitating), drawn at build time as an arc
//! diagram. Teams are rows in hierarchy order, so a group's teams sit together and most
//! arcs stay short; each arc leaves the declaring team and ends in an arrow at the team it
//! depends on, its dash pattern giving the mode. Rows are a fixed height, so the drawing
//! grows linearly and stays legible at 300 teams (about 6,000 px tall, scrolled like the
//! main map). Pure: callers pass resolved rows and edges, URLs already relative.

use super::text::{Font, escape, truncate};
use std::fmt::Write as _;

/// One team row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub slug: String,
    pub name: String,
    pub url: String,
    /// Short topology label, e.g. "platform".
    pub topology: Option<&'static str>,
    /// Index into the caller's group list, for the colour band (0..8 wraps).
    pub group: usize,
}

/// `from` declares an interaction with `to` (indices into the rows).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    /// `collaboration`, `x-as-a-service` or `facilitating`.
    pub mode: &'static str,
}

const ROW: i64 = 22;
const TOP: i64 = 34;
const LABEL_W: i64 = 280;
const MAX_ARC: i64 = 320;
const AXIS_MIN: i64 = 40;

fn dash(mode: &str) -> &'static str {
    match mode {
        "x-as-a-service" => " stroke-dasharray=\"6 3\"",
        "facilitating" => " stroke-dasharray=\"2 3\"",
        _ => "",
    }
}

/// The arc diagram as one `<svg>` element. Each team is an `<a>` with id `ix-<slug>`, so
/// team pages can link to their row.
pub fn render(rows: &[Row], edges: &[Edge]) -> String {
    let font = Font {
        px: 13,
        bold: false,
    };
    // The widest arc decides how far left the axis sits.
    let widest = edges
        .iter()
        .map(|e| arc_width(e.from, e.to))
        .max()
        .unwrap_or(0);
    let axis = AXIS_MIN + widest;
    let width = axis + 12 + LABEL_W;
    let height = TOP + rows.len() as i64 * ROW + 8;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ix-map\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"ix-title\"><title id=\"ix-title\">Team interactions: {} teams, {} interactions</title>",
        rows.len(),
        edges.len()
    );
    out.push_str("<defs><marker id=\"ix-arrow\" viewBox=\"0 0 8 8\" refX=\"7\" refY=\"4\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L8,4 L0,8 z\" fill=\"#5e6470\"/></marker></defs>");
    let _ = write!(
        out,
        "<g class=\"ix-legend\" font-size=\"11\" fill=\"currentColor\"><text x=\"4\" y=\"14\">── collaboration</text><text x=\"120\" y=\"14\">– – x-as-a-service</text><text x=\"240\" y=\"14\">· · facilitating</text></g>"
    );
    out.push_str("<g class=\"ix-edges\" fill=\"none\" stroke=\"#5e6470\" stroke-width=\"1.5\">");
    for e in edges {
        let (y1, y2) = (row_y(e.from), row_y(e.to));
        let w = arc_width(e.from, e.to);
        let _ = write!(
            out,
            "<path class=\"ix-{}\" d=\"M{axis},{y1} C{c},{y1} {c},{y2} {axis},{y2}\"{} marker-end=\"url(#ix-arrow)\"><title>{} → {}: {}</title></path>",
            e.mode,
            dash(e.mode),
            escape(&rows[e.from].name),
            escape(&rows[e.to].name),
            e.mode,
            c = axis - w,
        );
    }
    out.push_str("</g><g class=\"ix-rows\" font-size=\"13\" fill=\"currentColor\">");
    for (i, r) in rows.iter().enumerate() {
        let y = row_y(i);
        let label = match r.topology {
            Some(t) => format!("{} · {t}", r.name),
            None => r.name.clone(),
        };
        let _ = write!(
            out,
            "<a id=\"ix-{}\" href=\"{}\"><rect class=\"om-g{}\" x=\"{}\" y=\"{}\" width=\"4\" height=\"{}\" fill=\"#878d96\"/><circle cx=\"{axis}\" cy=\"{y}\" r=\"3\"/><text x=\"{}\" y=\"{}\">{}</text></a>",
            escape(&r.slug),
            escape(&r.url),
            r.group % 8,
            axis + 6,
            y - ROW / 2 + 3,
            ROW - 6,
            axis + 14,
            y + 4,
            escape(&truncate(&label, font, (LABEL_W - 10) as u64))
        );
    }
    out.push_str("</g></svg>");
    out
}

fn row_y(i: usize) -> i64 {
    TOP + i as i64 * ROW + ROW / 2
}

fn arc_width(a: usize, b: usize) -> i64 {
    ((a.abs_diff(b) as i64) * ROW / 2).clamp(12, MAX_ARC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(slug: &str) -> Row {
        Row {
            slug: slug.into(),
            name: slug.to_uppercase(),
            url: format!("teams/{slug}.html"),
            topology: Some("platform"),
            group: 0,
        }
    }

    #[test]
    fn rows_link_and_arcs_carry_the_mode() {
        let svg = render(
            &[row("a"), row("b")],
            &[Edge {
                from: 0,
                to: 1,
                mode: "x-as-a-service",
            }],
        );
        assert!(
            svg.contains("<a id=\"ix-a\" href=\"teams/a.html\">"),
            "{svg}"
        );
        assert!(svg.contains("class=\"ix-x-as-a-service\""), "{svg}");
        assert!(svg.contains("A → B: x-as-a-service"), "{svg}");
        assert!(roxmltree::Document::parse(&svg).is_ok());
    }

    #[test]
    fn height_grows_linearly() {
        let rows: Vec<Row> = (0..300).map(|i| row(&format!("t{i}"))).collect();
        let svg = render(&rows, &[]);
        assert!(
            svg.contains(&format!("height=\"{}\"", TOP + 300 * ROW + 8)),
            "{svg}"
        );
    }
}
