//! Metric values and targets as numbers: "p95 ≤ 200 ms", "≥ 99.5 %", "< 1 hour", "3.1%".
//! A target is a comparator, a number and a unit; a value is a number and a unit. Anything
//! else stays text and is never guessed at — a bare target ("99.5%") has no direction, so
//! orgbook draws it but does not judge whether a metric moves towards or away from it.
//!
//! Hand-written rather than a units crate: the units are whatever authors write ("ms",
//! "hours", "%", "shipments/day"); orgbook only needs the number and the comparator, and
//! compares values only against a target written in the same charter.

use jiff::civil::Date;

/// Which way a target points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// `≤`, `<`: lower is better.
    AtMost,
    /// `≥`, `>`: higher is better.
    AtLeast,
    /// A bare number or `=`: the value to reach, without a better side.
    Exactly,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Target {
    /// Text before the comparator, e.g. `p95`.
    pub label: String,
    pub direction: Direction,
    pub value: f64,
    pub unit: String,
}

/// The direction of a metric's last move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Up,
    Down,
    Flat,
}

impl Trend {
    pub fn arrow(self) -> &'static str {
        match self {
            Trend::Up => "↑",
            Trend::Down => "↓",
            Trend::Flat => "→",
        }
    }
}

const COMPARATORS: &[(&str, Direction)] = &[
    ("<=", Direction::AtMost),
    (">=", Direction::AtLeast),
    ("≤", Direction::AtMost),
    ("≥", Direction::AtLeast),
    ("<", Direction::AtMost),
    (">", Direction::AtLeast),
    ("=", Direction::Exactly),
];

/// Parses a target such as `p95 ≤ 200 ms` or `99.5%`.
pub fn parse_target(text: &str) -> Option<Target> {
    let text = text.trim();
    let found = COMPARATORS
        .iter()
        .filter_map(|(c, d)| text.find(c).map(|at| (at, *c, *d)))
        .min_by_key(|(at, c, _)| (*at, usize::MAX - c.len()));
    let (label, direction, rest) = match found {
        Some((at, c, d)) => (text[..at].trim(), d, &text[at + c.len()..]),
        None => ("", Direction::Exactly, text),
    };
    // A label is one short word ("p95", "median"); a sentence is not a target.
    if label.split_whitespace().count() > 1 {
        return None;
    }
    let (value, unit) = parse_value(rest)?;
    Some(Target {
        label: label.to_string(),
        direction,
        value,
        unit,
    })
}

/// Parses a value such as `182 ms`, `98.1%`, `1,250 shipments`: a number, then a unit.
pub fn parse_value(text: &str) -> Option<(f64, String)> {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_digit() || *c == '.' || *c == ',' || (*i == 0 && *c == '-')))
        .map_or(text.len(), |(i, _)| i);
    let number: String = text[..end].chars().filter(|c| *c != ',').collect();
    if !number.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let value: f64 = number.parse().ok()?;
    let unit = text[end..].trim();
    // "3 hours, mostly waiting" is prose, not a unit.
    if unit.split_whitespace().count() > 2 || unit.contains(['<', '>', '≤', '≥', '=']) {
        return None;
    }
    Some((value, unit.to_string()))
}

/// The direction of the last move: the newest point against the one before it.
pub fn trend(history: &[(Date, f64)]) -> Option<Trend> {
    let [.., (_, before), (_, last)] = history else {
        return None;
    };
    Some(if last > before {
        Trend::Up
    } else if last < before {
        Trend::Down
    } else {
        Trend::Flat
    })
}

/// Whether `value` meets `target`; `None` when the target has no better side.
pub fn meets(target: &Target, value: f64) -> Option<bool> {
    match target.direction {
        Direction::AtMost => Some(value <= target.value),
        Direction::AtLeast => Some(value >= target.value),
        Direction::Exactly => None,
    }
}

/// The last value misses the target and the last move went further away from it.
pub fn off_target(target: &Target, history: &[(Date, f64)]) -> bool {
    let (Some(t), Some(&(_, last))) = (trend(history), history.last()) else {
        return false;
    };
    matches!(
        (meets(target, last), target.direction, t),
        (Some(false), Direction::AtMost, Trend::Up)
            | (Some(false), Direction::AtLeast, Trend::Down)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn targets_with_labels_units_and_directions() {
        let t = parse_target("p95 ≤ 200 ms").unwrap();
        assert_eq!(
            (t.label.as_str(), t.direction, t.value, t.unit.as_str()),
            ("p95", Direction::AtMost, 200.0, "ms")
        );
        let t = parse_target("≥ 99.5 %").unwrap();
        assert_eq!(
            (t.direction, t.value, t.unit.as_str()),
            (Direction::AtLeast, 99.5, "%")
        );
        let t = parse_target(">= 1,200 shipments").unwrap();
        assert_eq!((t.direction, t.value), (Direction::AtLeast, 1200.0));
        let t = parse_target("< 1 hour").unwrap();
        assert_eq!(
            (t.direction, t.value, t.unit.as_str()),
            (Direction::AtMost, 1.0, "hour")
        );
        let t = parse_target("99.95%").unwrap();
        assert_eq!((t.direction, t.value), (Direction::Exactly, 99.95));
    }

    #[test]
    fn prose_is_not_guessed() {
        for text in [
            "fewer than last quarter",
            "as low as possible",
            "half of what it is today",
            "three per week",
            "under 5 minutes for most people most of the time",
        ] {
            assert_eq!(parse_target(text), None, "{text}");
        }
        assert_eq!(parse_value("about ten"), None);
    }

    #[test]
    fn trend_and_off_target() {
        let h = [
            (d("2026-01-01"), 150.0),
            (d("2026-02-01"), 210.0),
            (d("2026-03-01"), 230.0),
        ];
        assert_eq!(trend(&h), Some(Trend::Up));
        let at_most = parse_target("p95 ≤ 200 ms").unwrap();
        assert!(off_target(&at_most, &h));
        // Missing the target but improving: not "moving away".
        let better = [(d("2026-01-01"), 260.0), (d("2026-02-01"), 230.0)];
        assert!(!off_target(&at_most, &better));
        // Exactly at the target: met.
        let met = [(d("2026-01-01"), 190.0), (d("2026-02-01"), 200.0)];
        assert!(!off_target(&at_most, &met));
        let at_least = parse_target("≥ 99.5 %").unwrap();
        let falling = [(d("2026-01-01"), 99.4), (d("2026-02-01"), 99.1)];
        assert!(off_target(&at_least, &falling));
        // A bare target has no better side.
        let bare = parse_target("200 ms").unwrap();
        assert!(!off_target(&bare, &h));
        assert_eq!(trend(&h[..1]), None);
    }
}
