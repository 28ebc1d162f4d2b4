//! Org health: where the organisation is slow or unclear, computed from the content alone —
//! stale charters, teams without metric targets, oversized teams, empty groups, stalled
//! proposals, supersedes not reflected in status, overdue revisits — and decision velocity
//! (days from proposal to decision, per team and per type).
//!
//! Findings are not build warnings: a healthy build can have them, and the health page shows
//! them. `[policy] deny = [...]` in orgbook.toml turns chosen rules into build errors for CI.
//! Rule ids are stable and documented in docs/health.md.

use crate::diagnostic::Diagnostic;
use crate::model::{DocId, Handbook, Status, TeamKind};
use jiff::civil::Date;
use std::collections::BTreeMap;

/// Every rule: (stable id, one-line description for the health page).
pub const RULES: &[(&str, &str)] = &[
    (
        "stale-charter",
        "Charters not reviewed within the review period (or never)",
    ),
    ("no-metric-target", "Teams whose metrics have no target"),
    ("oversized-team", "Teams larger than the maximum team size"),
    ("empty-group", "Groups without any team"),
    (
        "stalled-proposal",
        "Proposals open longer than the stall threshold",
    ),
    (
        "unmarked-superseded",
        "Decisions superseded by an accepted decision but not marked superseded",
    ),
    (
        "revisit-overdue",
        "Type 2 decisions past their revisit date",
    ),
    (
        "placeholder-text",
        "Charters and decisions that still hold the scaffold's placeholder text",
    ),
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// One of [`RULES`].
    pub rule: &'static str,
    pub doc: DocId,
    pub message: String,
}

/// Days from `date` to `decided`, summarised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Latency {
    pub count: usize,
    pub median_days: i64,
    pub p90_days: i64,
}

#[derive(Debug, Clone, Default)]
pub struct Velocity {
    pub overall: Option<Latency>,
    /// Type 1 and type 2.
    pub by_type: Vec<(u8, Latency)>,
    /// Team slug → latency, slowest (highest median) first.
    pub by_team: Vec<(String, Latency)>,
}

#[derive(Debug, Clone, Default)]
pub struct Health {
    pub today: Option<Date>,
    /// Sorted by rule order, then document.
    pub findings: Vec<Finding>,
    pub velocity: Velocity,
    /// Decisions proposed in the current calendar quarter.
    pub decisions_this_quarter: usize,
}

fn days(from: Date, to: Date) -> i64 {
    (to - from).get_days() as i64
}

/// Median and 90th percentile by the nearest-rank method (no interpolation: a reader can
/// point at the decision that took that long).
pub fn latency(mut values: Vec<i64>) -> Option<Latency> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let rank = |p: f64| -> i64 {
        let r = ((p * values.len() as f64).ceil() as usize).clamp(1, values.len());
        values[r - 1]
    };
    Some(Latency {
        count: values.len(),
        median_days: rank(0.5),
        p90_days: rank(0.9),
    })
}

fn quarter(d: Date) -> (i16, i8) {
    (d.year(), (d.month() - 1) / 3)
}

pub fn compute(hb: &Handbook, today: Date) -> Health {
    let cfg = &hb.config;
    let mut findings = Vec::new();
    let mut push = |rule: &'static str, doc: DocId, message: String| {
        findings.push(Finding { rule, doc, message })
    };

    for &id in hb.teams.values() {
        let Some(c) = hb.docs[id].as_team() else {
            continue;
        };
        match c.reviewed {
            None => push(
                "stale-charter",
                id,
                format!("{} has never been reviewed (no `reviewed` date)", c.name),
            ),
            Some(r) if days(r, today) > cfg.teams.review_days => push(
                "stale-charter",
                id,
                format!(
                    "{} was last reviewed on {r}, {} days ago",
                    c.name,
                    days(r, today)
                ),
            ),
            _ => {}
        }
        match c.kind {
            TeamKind::Team => {
                let untargeted: Vec<&str> = c
                    .metrics
                    .iter()
                    .filter(|m| m.target.is_none())
                    .map(|m| m.name.as_str())
                    .collect();
                if !untargeted.is_empty() {
                    push(
                        "no-metric-target",
                        id,
                        format!("{}: no target for {}", c.name, untargeted.join(", ")),
                    );
                }
                if c.members.len() > cfg.teams.max_size {
                    push(
                        "oversized-team",
                        id,
                        format!(
                            "{} has {} members (maximum {})",
                            c.name,
                            c.members.len(),
                            cfg.teams.max_size
                        ),
                    );
                }
            }
            TeamKind::Group => {
                if hb.children.get(&c.slug).is_none_or(Vec::is_empty) {
                    push(
                        "empty-group",
                        id,
                        format!("{} is a group without any team", c.name),
                    );
                }
            }
        }
    }

    let mut all = Vec::new();
    let mut by_type: BTreeMap<u8, Vec<i64>> = BTreeMap::new();
    let mut by_team: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut decisions_this_quarter = 0;
    for (&number, &id) in &hb.decisions {
        let Some(d) = hb.docs[id].as_decision() else {
            continue;
        };
        if quarter(d.date) == quarter(today) && d.date <= today {
            decisions_this_quarter += 1;
        }
        if d.status == Status::Proposed && days(d.date, today) > cfg.decisions.stalled_days {
            push(
                "stalled-proposal",
                id,
                format!(
                    "ADR {number} “{}” has been proposed for {} days",
                    d.title,
                    days(d.date, today)
                ),
            );
        }
        if d.decision_type == crate::model::DecisionType::Reversible
            && d.status == Status::Accepted
            && let Some(r) = d.revisit
            && r < today
        {
            push(
                "revisit-overdue",
                id,
                format!("ADR {number} “{}” was due for a revisit on {r}", d.title),
            );
        }
        if let Some(decided) = d.decided
            && d.status != Status::Proposed
        {
            let n = days(d.date, decided);
            all.push(n);
            by_type.entry(d.decision_type.number()).or_default().push(n);
            by_team.entry(d.team.0.as_str()).or_default().push(n);
        }
    }
    for (old, new) in crate::link::unmarked_superseded(hb) {
        if let Some(&id) = hb.decisions.get(&old) {
            push(
                "unmarked-superseded",
                id,
                format!(
                    "ADR {old} is superseded by accepted ADR {new} but its status is not \"superseded\""
                ),
            );
        }
    }
    findings.extend(placeholder_text(hb));
    let order = |rule: &str| {
        RULES
            .iter()
            .position(|(r, _)| *r == rule)
            .unwrap_or(usize::MAX)
    };
    findings.sort_by(|a, b| {
        (order(a.rule), &hb.docs[a.doc].source.path)
            .cmp(&(order(b.rule), &hb.docs[b.doc].source.path))
    });

    let mut teams: Vec<(String, Latency)> = by_team
        .into_iter()
        .filter_map(|(t, v)| Some((t.to_string(), latency(v)?)))
        .collect();
    teams.sort_by(|a, b| {
        (b.1.median_days, b.1.p90_days, &a.0).cmp(&(a.1.median_days, a.1.p90_days, &b.0))
    });
    Health {
        today: Some(today),
        findings,
        velocity: Velocity {
            overall: latency(all),
            by_type: by_type
                .into_iter()
                .filter_map(|(t, v)| Some((t, latency(v)?)))
                .collect(),
            by_team: teams,
        },
        decisions_this_quarter,
    }
}

/// Findings whose rule `[policy] deny` lists, as build errors.
pub fn policy_errors(hb: &Handbook, health: &Health) -> Vec<Diagnostic> {
    health
        .findings
        .iter()
        .filter(|f| hb.config.policy.deny.iter().any(|d| d == f.rule))
        .map(|f| {
            let doc = &hb.docs[f.doc];
            Diagnostic::error(
                f.rule,
                &doc.source.path,
                format!("{} (denied by [policy] in orgbook.toml)", f.message),
            )
            .with_help(help_for(f.rule))
            .at(&doc.source.text, 0..3)
        })
        .collect()
}

/// `placeholder-text`: a charter whose `problem` or metric is still the text `orgbook new`
/// and `orgbook import backstage` write, or a decision whose body still holds the
/// template's questions. Kept apart from [`compute`] so the rule reads as one unit.
pub fn placeholder_text(hb: &Handbook) -> Vec<Finding> {
    use crate::scaffold::{PLACEHOLDER_DECISION, PLACEHOLDER_METRIC, PLACEHOLDER_PROBLEM};
    let mut out = Vec::new();
    for (id, doc) in hb.docs.iter().enumerate() {
        let mut what = Vec::new();
        if let Some(c) = doc.as_team() {
            if c.problem.as_deref().map(str::trim) == Some(PLACEHOLDER_PROBLEM) {
                what.push("`problem`");
            }
            if c.metrics
                .iter()
                .any(|m| m.name.trim() == PLACEHOLDER_METRIC)
            {
                what.push("a metric");
            }
        } else if doc.as_decision().is_some() {
            let body = doc.source.body();
            if PLACEHOLDER_DECISION.iter().any(|p| body.contains(p)) {
                what.push("its sections");
            }
        }
        if !what.is_empty() {
            out.push(Finding {
                rule: "placeholder-text",
                doc: id,
                message: format!(
                    "{} still holds placeholder text in {}",
                    doc.title(),
                    what.join(" and ")
                ),
            });
        }
    }
    out
}

fn help_for(rule: &str) -> &'static str {
    match rule {
        "stale-charter" => "review the charter with the team and set `reviewed` to today's date",
        "no-metric-target" => {
            "add a `target` to each metric: what number would mean the problem is solved?"
        }
        "oversized-team" => {
            "split the team, or raise [teams] max_size in orgbook.toml if this size is deliberate"
        }
        "empty-group" => "add teams with `parent` set to this group, or remove the group",
        "stalled-proposal" => "decide it (accepted or rejected, with `decided`), or withdraw it",
        "unmarked-superseded" => "set `status = \"superseded\"` on the older decision",
        "revisit-overdue" => "revisit the decision and set a new `revisit` date, or supersede it",
        "placeholder-text" => {
            "replace the template's text with what is true for this team or decision"
        }
        _ => "see docs/health.md",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let l = latency(vec![10, 1, 2, 3, 4, 5, 6, 7, 8, 9]).unwrap();
        assert_eq!((l.count, l.median_days, l.p90_days), (10, 5, 9));
        let one = latency(vec![7]).unwrap();
        assert_eq!((one.median_days, one.p90_days), (7, 7));
        assert!(latency(vec![]).is_none());
    }

    #[test]
    fn quarters() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(quarter(d("2026-11-25")), quarter(d("2026-10-01")));
        assert_ne!(quarter(d("2026-09-30")), quarter(d("2026-10-01")));
    }
}
