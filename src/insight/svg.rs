//! Small charts drawn at build time as inline SVG (no JavaScript): a metric's sparkline
//! with its target as a dashed line, and decision velocity per quarter by type. Output is
//! a pure function of the numbers — coordinates are rounded to one decimal — so two builds
//! give the same bytes.

use super::metrics::Target;
use crate::text::escape_xml as esc;
use jiff::civil::Date;
use std::fmt::Write as _;

const SPARK_W: f64 = 160.0;
const SPARK_H: f64 = 36.0;
const PAD: f64 = 3.0;

fn scale(v: f64, lo: f64, hi: f64, out_lo: f64, out_hi: f64) -> f64 {
    if hi - lo <= f64::EPSILON {
        (out_lo + out_hi) / 2.0
    } else {
        out_lo + (v - lo) / (hi - lo) * (out_hi - out_lo)
    }
}

/// A sparkline of `history` (dates spaced by time, not by index); the target, when it is a
/// number, as a dashed horizontal line. `label` names the chart for screen readers.
pub fn sparkline(history: &[(Date, f64)], target: Option<&Target>, label: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sparkline\" width=\"{SPARK_W}\" height=\"{SPARK_H}\" viewBox=\"0 0 {SPARK_W} {SPARK_H}\" role=\"img\" aria-label=\"{}\"><title>{}</title>",
        esc(label),
        esc(label)
    );
    let (Some(first), Some(last)) = (history.first(), history.last()) else {
        out.push_str("</svg>");
        return out;
    };
    let mut lo = history.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let mut hi = history
        .iter()
        .map(|p| p.1)
        .fold(f64::NEG_INFINITY, f64::max);
    if let Some(t) = target {
        lo = lo.min(t.value);
        hi = hi.max(t.value);
    }
    let span_days = (last.0 - first.0).get_days() as f64;
    let x = |d: Date| {
        scale(
            (d - first.0).get_days() as f64,
            0.0,
            span_days,
            PAD,
            SPARK_W - PAD,
        )
    };
    // SVG's y grows downwards: the highest value is at the top.
    let y = |v: f64| scale(v, lo, hi, SPARK_H - PAD, PAD);
    if let Some(t) = target {
        let ty = y(t.value);
        let _ = write!(
            out,
            "<line class=\"target\" x1=\"{PAD}\" y1=\"{ty:.1}\" x2=\"{:.1}\" y2=\"{ty:.1}\" stroke=\"currentColor\" stroke-opacity=\"0.5\" stroke-dasharray=\"3 2\"/>",
            SPARK_W - PAD
        );
    }
    let points: Vec<String> = history
        .iter()
        .map(|&(d, v)| format!("{:.1},{:.1}", x(d), y(v)))
        .collect();
    let _ = write!(
        out,
        "<polyline class=\"history\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"1.5\" points=\"{}\"/>",
        points.join(" ")
    );
    let _ = write!(
        out,
        "<circle class=\"last\" cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"currentColor\"/></svg>",
        x(last.0),
        y(last.1)
    );
    out
}

/// One quarter of decision velocity: median days from `date` to `decided` per type.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct QuarterPoint {
    /// e.g. `2026 Q1`.
    pub label: String,
    pub type1: Option<i64>,
    pub type2: Option<i64>,
}

const VEL_W: f64 = 480.0;
const VEL_H: f64 = 180.0;
const LEFT: f64 = 36.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 20.0;
const RIGHT: f64 = 12.0;

/// Median days to decide per quarter (by the quarter of `decided`), one line per type.
pub fn velocity_chart(quarters: &[QuarterPoint]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"velocity-chart\" width=\"{VEL_W}\" height=\"{VEL_H}\" viewBox=\"0 0 {VEL_W} {VEL_H}\" role=\"img\" aria-labelledby=\"velocity-chart-title\"><title id=\"velocity-chart-title\">Median days to decide per quarter, by decision type</title>"
    );
    let max = quarters
        .iter()
        .flat_map(|q| [q.type1, q.type2])
        .flatten()
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let n = quarters.len();
    let x = |i: usize| {
        if n <= 1 {
            (LEFT + VEL_W - RIGHT) / 2.0
        } else {
            LEFT + i as f64 * (VEL_W - LEFT - RIGHT) / (n - 1) as f64
        }
    };
    let y = |v: f64| scale(v, 0.0, max, VEL_H - BOTTOM, TOP);
    let _ = write!(
        out,
        "<g class=\"axes\" stroke=\"currentColor\" stroke-opacity=\"0.4\"><line x1=\"{LEFT}\" y1=\"{TOP}\" x2=\"{LEFT}\" y2=\"{b}\"/><line x1=\"{LEFT}\" y1=\"{b}\" x2=\"{r}\" y2=\"{b}\"/></g>",
        b = VEL_H - BOTTOM,
        r = VEL_W - RIGHT
    );
    let _ = write!(
        out,
        "<g class=\"labels\" font-size=\"10\" fill=\"currentColor\"><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{max}</text><text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">0</text>",
        LEFT - 4.0,
        TOP + 4.0,
        LEFT - 4.0,
        VEL_H - BOTTOM + 4.0
    );
    // At most about eight quarter labels, so they never overlap.
    let every = n.div_ceil(8).max(1);
    for (i, q) in quarters.iter().enumerate() {
        if i % every == 0 || i + 1 == n {
            let _ = write!(
                out,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{}</text>",
                x(i),
                VEL_H - BOTTOM + 16.0,
                esc(&q.label)
            );
        }
    }
    out.push_str("</g>");
    for (class, dash, pick) in [
        (
            "type1",
            "",
            (|q: &QuarterPoint| q.type1) as fn(&QuarterPoint) -> Option<i64>,
        ),
        ("type2", " stroke-dasharray=\"5 3\"", |q: &QuarterPoint| {
            q.type2
        }),
    ] {
        let points: Vec<(f64, f64)> = quarters
            .iter()
            .enumerate()
            .filter_map(|(i, q)| pick(q).map(|v| (x(i), y(v as f64))))
            .collect();
        if points.is_empty() {
            continue;
        }
        let _ = write!(out, "<g class=\"{class}\">");
        let list: Vec<String> = points
            .iter()
            .map(|(a, b)| format!("{a:.1},{b:.1}"))
            .collect();
        let _ = write!(
            out,
            "<polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\"{dash} points=\"{}\"/>",
            list.join(" ")
        );
        for (i, q) in quarters.iter().enumerate() {
            if let Some(v) = pick(q) {
                let _ = write!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"currentColor\"><title>{} · {}: median {v} days</title></circle>",
                    x(i),
                    y(v as f64),
                    esc(&q.label),
                    if class == "type1" { "Type 1" } else { "Type 2" }
                );
            }
        }
        out.push_str("</g>");
    }
    let _ = write!(
        out,
        "<g class=\"legend\" font-size=\"10\" fill=\"currentColor\"><text x=\"{LEFT}\" y=\"12\">── Type 1 (irreversible)</text><text x=\"{:.1}\" y=\"12\">- - Type 2 (reversible)</text></g></svg>",
        LEFT + 160.0
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn sparkline_places_points_by_date_and_draws_the_target() {
        let h = [
            (d("2026-01-01"), 10.0),
            (d("2026-01-11"), 20.0),
            (d("2026-01-31"), 15.0),
        ];
        let t = super::super::metrics::parse_target("≤ 12 ms").unwrap();
        let svg = sparkline(&h, Some(&t), "Latency <p95>");
        assert!(
            svg.contains("points=\"3.0,33.0 54.3,3.0 157.0,18.0\""),
            "{svg}"
        );
        assert!(svg.contains("class=\"target\""), "{svg}");
        assert!(svg.contains("Latency &lt;p95&gt;"), "{svg}");
        assert_eq!(svg, sparkline(&h, Some(&t), "Latency <p95>"));
    }

    #[test]
    fn one_point_and_no_points_still_draw() {
        assert!(sparkline(&[], None, "x").ends_with("</svg>"));
        let one = sparkline(&[(d("2026-01-01"), 5.0)], None, "x");
        assert!(one.contains("points=\"80.0,18.0\""), "{one}");
    }

    #[test]
    fn velocity_chart_labels_quarters() {
        let q = [
            QuarterPoint {
                label: "2026 Q1".into(),
                type1: Some(20),
                type2: Some(4),
            },
            QuarterPoint {
                label: "2026 Q2".into(),
                type1: None,
                type2: Some(2),
            },
        ];
        let svg = velocity_chart(&q);
        assert!(svg.contains(">2026 Q2</text>"), "{svg}");
        assert!(svg.contains("Type 1: median 20 days"), "{svg}");
    }
}
