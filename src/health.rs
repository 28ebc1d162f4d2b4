//! Org health: where the organisation is slow or unclear, computed from the content alone —
//! stale charters, teams without metric targets, oversized teams, empty groups, stalled
//! proposals, supersedes not reflected in status, overdue revisits — and decision velocity
//! (days from proposal to decision, per team and per type).
//!
//! Findings are not build warnings: a healthy build can have them, and the health page shows
//! them. `[policy] deny = [...]` in orgbook.toml turns chosen rules into build errors for CI.
//! Rule ids are stable and documented in docs/health.md.

use crate::diagnostic::Diagnostic;
use crate::insight::latency::{Latency, latency};
use crate::insight::metrics::{self, Trend};
use crate::insight::people::{self, People};
use crate::insight::svg::QuarterPoint;
use crate::link::Handbook;
use crate::model::TeamRef;
use crate::model::{DecisionType, DocId, InteractionMode, Status, TeamKind, Topology};
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

use crate::health_rules::RULES;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// One of [`RULES`].
    pub rule: &'static str,
    pub doc: DocId,
    pub message: String,
    /// Byte range in the document's source the finding is about (a key of its front
    /// matter), so check/build can print file:line and annotate a pull request.
    pub span: Range<usize>,
    /// The person the finding is about (a person slug), for a link to their page.
    pub person: Option<String>,
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
    /// Everyone the handbook names, with the decisions that wait on them.
    pub people: People,
    /// Median days to decide per quarter of `decided`, oldest first, gaps filled.
    pub quarters: Vec<QuarterPoint>,
    /// Team slug → slugs of the teams that list it in `[[interactions]]`, sorted.
    pub depended_on_by: BTreeMap<String, Vec<String>>,
}

fn days(from: Date, to: Date) -> i64 {
    (to - from).get_days() as i64
}

fn quarter(d: Date) -> (i16, i8) {
    (d.year(), (d.month() - 1) / 3)
}

/// A finding about document `doc`, located at the front-matter key its rule is about.
fn finding_at_key(hb: &Handbook, rule: &'static str, doc: DocId, message: String) -> Finding {
    Finding {
        rule,
        doc,
        message,
        span: key_span(hb, doc, key_for(rule)),
        person: None,
    }
}

pub fn compute(hb: &Handbook, today: Date) -> Health {
    // The two rules that read every document do so side by side: the link stage is
    // otherwise serial, and the build's other core would wait.
    let (people, placeholders) = rayon::join(|| people::compute(hb), || placeholder_text(hb));
    let mut findings = Vec::new();
    charter_rules(hb, today, &mut findings);
    let timing = decision_timing(hb, today, &mut findings);
    decision_rules(hb, today, &people, &mut findings);
    let depended_on_by = interaction_rules(hb, &mut findings);
    metric_rules(hb, today, &mut findings);
    shared_code(hb, &mut findings);
    unmarked_superseded(hb, &mut findings);
    findings.extend(placeholders);
    sort_findings(hb, &mut findings);
    Health {
        today: Some(today),
        findings,
        velocity: timing.velocity,
        decisions_this_quarter: timing.this_quarter,
        quarters: quarters(hb),
        people,
        depended_on_by,
    }
}

/// Rules about each charter on its own: never or long ago reviewed, metrics without a
/// target, more members than the maximum, a group without teams.
fn charter_rules(hb: &Handbook, today: Date, findings: &mut Vec<Finding>) {
    let cfg = &hb.config;
    let mut push = |rule: &'static str, doc: DocId, message: String| {
        findings.push(finding_at_key(hb, rule, doc, message))
    };
    for &id in hb.teams.values() {
        let Some(c) = hb.docs[id].as_team() else {
            continue;
        };
        match c.reviewed {
            // A team read from its page (`load::team_page`) never had a review date to
            // keep: the finding would be one per team, and its fix (a `reviewed` key)
            // makes the page a charter that must then hold every key.
            None if c.from_page => {}
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
}

/// How fast decisions are made, and how many were proposed this quarter.
struct DecisionTiming {
    velocity: Velocity,
    this_quarter: usize,
}

/// One pass over the decisions: their time to decide (overall, per type, per team), the
/// count proposed this quarter, and the two rules about a decision's own dates (a
/// proposal left open, a revisit that is overdue).
fn decision_timing(hb: &Handbook, today: Date, findings: &mut Vec<Finding>) -> DecisionTiming {
    let cfg = &hb.config;
    let mut push = |rule: &'static str, doc: DocId, message: String| {
        findings.push(finding_at_key(hb, rule, doc, message))
    };
    let mut all = Vec::new();
    let mut by_type: BTreeMap<u8, Vec<i64>> = BTreeMap::new();
    let mut by_team: BTreeMap<&str, Vec<i64>> = BTreeMap::new();
    let mut this_quarter = 0;
    for (&number, &id) in &hb.decisions {
        let Some(d) = hb.docs[id].as_decision() else {
            continue;
        };
        if quarter(d.date) == quarter(today) && d.date <= today {
            this_quarter += 1;
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
        if d.decision_type == DecisionType::Reversible
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
            by_team.entry(d.team.value.as_str()).or_default().push(n);
        }
    }
    let mut teams: Vec<(String, Latency)> = by_team
        .into_iter()
        .filter_map(|(t, v)| Some((t.to_string(), latency(v)?)))
        .collect();
    teams.sort_by(|a, b| {
        (b.1.median_days, b.1.p90_days, &a.0).cmp(&(a.1.median_days, a.1.p90_days, &b.0))
    });
    DecisionTiming {
        velocity: Velocity {
            overall: latency(all),
            by_type: by_type
                .into_iter()
                .filter_map(|(t, v)| Some((t, latency(v)?)))
                .collect(),
            by_team: teams,
        },
        this_quarter,
    }
}

/// A decision superseded by an accepted one whose own status does not say so.
fn unmarked_superseded(hb: &Handbook, findings: &mut Vec<Finding>) {
    for (old, new) in crate::link::unmarked_superseded(hb) {
        if let Some(&id) = hb.decisions.get(&old) {
            findings.push(finding_at_key(
                hb,
                "unmarked-superseded",
                id,
                format!(
                    "ADR {old} is superseded by accepted ADR {new} but its status is not \"superseded\""
                ),
            ));
        }
    }
}

/// Rule order (as [`RULES`] lists them), then file, then place in the file.
fn sort_findings(hb: &Handbook, findings: &mut [Finding]) {
    let order = |rule: &str| {
        RULES
            .iter()
            .position(|(r, _)| *r == rule)
            .unwrap_or(usize::MAX)
    };
    findings.sort_by(|a, b| {
        (
            order(a.rule),
            &hb.docs[a.doc].source.path,
            a.span.start,
            &a.message,
        )
            .cmp(&(
                order(b.rule),
                &hb.docs[b.doc].source.path,
                b.span.start,
                &b.message,
            ))
    });
}

/// The paths CODEOWNERS gives a team together with other teams (any one of them may
/// approve a change, none is accountable for it): one finding a team, at its `codeowners`
/// key, else its `owns`, else its `name`.
fn shared_code(hb: &Handbook, findings: &mut Vec<Finding>) {
    /// Paths named in a finding before "and N more".
    const NAMED: usize = 3;
    let owners = &hb.code_owners;
    let Some(file) = &owners.file else { return };
    for (slug, rules) in &owners.by_team {
        let Some(&id) = hb.teams.get(slug) else {
            continue;
        };
        let Some(c) = hb.docs[id].as_team() else {
            continue;
        };
        let shared: Vec<usize> = rules
            .iter()
            .copied()
            .filter(|&i| owners.rule_teams[i].len() > 1)
            .collect();
        if shared.is_empty() {
            continue;
        }
        let named: Vec<String> = shared
            .iter()
            .take(NAMED)
            .map(|&i| {
                let others: Vec<&str> = owners.rule_teams[i]
                    .iter()
                    .filter(|s| *s != slug)
                    .map(|s| hb.team(s).map_or(s.as_str(), |(_, t)| t.name.as_str()))
                    .collect();
                format!(
                    "`{}` (with {})",
                    file.rules[i].pattern.value,
                    others.join(", ")
                )
            })
            .collect();
        let more = match shared.len().saturating_sub(NAMED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        let paths = if shared.len() == 1 { "path" } else { "paths" };
        let source = &hb.docs[id].source;
        let front = &source.text[..source.body_start];
        let span = ["codeowners", "owns", "name"]
            .iter()
            .find_map(|k| find_key(front, k))
            .unwrap_or(0..0);
        findings.push(Finding {
            rule: "shared-code",
            doc: id,
            message: format!(
                "{} shares {} code {paths} with other teams in {}: {}{more}",
                c.name,
                shared.len(),
                file.path,
                named.join(", ")
            ),
            span,
            person: None,
        });
    }
}

/// The front matter key a rule's finding points at.
fn key_for(rule: &str) -> &'static str {
    match rule {
        "stale-charter" => "reviewed",
        "no-metric-target" | "metric-stale" | "metric-off-target" => "metrics",
        "oversized-team" => "members",
        "empty-group" => "kind",
        "stalled-proposal" | "unmarked-superseded" => "status",
        "revisit-overdue" => "revisit",
        "decider-overload" | "slow-decider" | "type2-escalated" | "type1-unescalated" => "deciders",
        "type2-slow" => "decided",
        "too-many-dependencies" | "one-way-collaboration" => "interactions",
        "platform-without-consumers" => "topology",
        _ => "",
    }
}

/// Where `key` is written in a document's front matter (TOML `key =`, YAML `key:`, or a
/// `[[key]]` / `[key]` header), else the start of the file. A line scan rather than spans
/// kept from parsing: findings are rare and only need a line.
/// Why `rule` cannot find anything in this handbook, when it cannot: the health page says
/// "not checked" rather than "None", which would read as a clean bill.
pub fn not_checked(hb: &Handbook, rule: &str) -> Option<&'static str> {
    match rule {
        "shared-code" if hb.code_owners.file.is_none() => {
            Some("Not checked: the handbook reads no CODEOWNERS file.")
        }
        "metric-stale" | "metric-off-target"
            if !hb.teams.values().any(|&id| {
                hb.docs[id]
                    .as_team()
                    .is_some_and(|c| c.metrics.iter().any(|m| !m.history.is_empty()))
            }) =>
        {
            Some("Not checked: no charter's metric has a `history` of measurements.")
        }
        _ => None,
    }
}

pub fn key_span(hb: &Handbook, doc: DocId, key: &str) -> Range<usize> {
    let source = &hb.docs[doc].source;
    find_key(&source.text[..source.body_start], key).unwrap_or(0..0)
}

fn find_key(front: &str, key: &str) -> Option<Range<usize>> {
    if key.is_empty() {
        return None;
    }
    let mut at = 0;
    for line in front.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let rest = trimmed.trim_start_matches('[');
        let brackets = trimmed.len() - rest.len();
        if let Some(after) = rest.strip_prefix(key) {
            let after = after.trim_start();
            let ok = if brackets > 0 {
                after.starts_with(']')
            } else {
                after.starts_with('=') || after.starts_with(':')
            };
            if ok {
                let start = at + indent + brackets;
                return Some(start..start + key.len());
            }
        }
        at += line.len();
    }
    None
}

/// Where a metric is named in a charter's front matter, else its `metrics` key.
fn metric_span(hb: &Handbook, doc: DocId, name: &str) -> Range<usize> {
    let source = &hb.docs[doc].source;
    let front = &source.text[..source.body_start];
    match front.find(name) {
        Some(at) => at..at + name.len(),
        None => key_span(hb, doc, "metrics"),
    }
}

/// Decision bottlenecks by person and escalation by type (docs/health.md).
fn decision_rules<'h>(
    hb: &'h Handbook,
    today: Date,
    people: &'h People,
    findings: &mut Vec<Finding>,
) {
    let cfg = &hb.config.decisions;
    // Person slug → the teams they are in, with every group above those teams, built on
    // first need: only deciders are asked about, a few of the people of a large handbook,
    // and each of them about many decisions. Each team's chain of groups is walked once.
    let mut chains: HashMap<&'h str, Vec<&'h str>> = HashMap::new();
    let mut inside: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut note_inside = |inside: &mut HashMap<&'h str, HashSet<&'h str>>, s: &str| {
        let Some((slug, p)) = people.people.get_key_value(s) else {
            return;
        };
        inside.entry(slug.as_str()).or_insert_with(|| {
            let mut all = HashSet::new();
            for t in p.lead_of.iter().chain(&p.member_of) {
                all.insert(t.as_str());
                all.extend(
                    chains
                        .entry(t.as_str())
                        .or_insert_with(|| hb.ancestors(t))
                        .iter()
                        .copied(),
                );
            }
            all
        });
    };
    let teams_of = |s: &str| {
        people
            .people
            .get(s)
            .into_iter()
            .flat_map(|p| p.lead_of.iter().chain(&p.member_of))
            .map(String::as_str)
    };
    for (&number, &id) in &hb.decisions {
        let Some(d) = hb.docs[id].as_decision() else {
            continue;
        };
        let deciders: Vec<String> = d.deciders.iter().map(|n| people.slug_of(n)).collect();
        let span = || key_span(hb, id, "deciders");
        if d.decision_type == DecisionType::Reversible
            && matches!(d.status, Status::Proposed | Status::Accepted)
        {
            // The owning team's group: its parent, or the team itself at the top level.
            // A group nobody is in yet (the one `init --empty` writes, before its
            // charters list people) has no outside to escalate to: every decider would be
            // an outsider, on every imported record.
            let group = hb
                .team(&d.team.value)
                .map(|(_, c)| {
                    c.parent
                        .as_ref()
                        .map_or(c.slug.as_str(), |TeamRef { value: p, .. }| p.as_str())
                })
                .filter(|g| hb.subtree_members(g) > 0);
            if group.is_some() {
                for s in &deciders {
                    note_inside(&mut inside, s);
                }
            }
            let outsiders: Vec<&str> = d
                .deciders
                .iter()
                .zip(&deciders)
                .filter(|(_, s)| {
                    group.is_some_and(|g| !inside.get(s.as_str()).is_some_and(|t| t.contains(g)))
                })
                .map(|(n, _)| n.as_str())
                .collect();
            let too_many = d.deciders.len() > cfg.type2_max_deciders;
            if too_many || !outsiders.is_empty() {
                let mut why = Vec::new();
                if too_many {
                    why.push(format!(
                        "{} deciders (maximum {})",
                        d.deciders.len(),
                        cfg.type2_max_deciders
                    ));
                }
                if !outsiders.is_empty() {
                    why.push(format!(
                        "{} from outside the team's group",
                        outsiders.join(", ")
                    ));
                }
                findings.push(Finding {
                    rule: "type2-escalated",
                    doc: id,
                    message: format!(
                        "ADR {number} “{}” is reversible (Type 2) but has {}",
                        d.title,
                        why.join(" and ")
                    ),
                    span: span(),
                    person: None,
                });
            }
        }
        if d.decision_type == DecisionType::Reversible
            && d.status != Status::Proposed
            && let Some(decided) = d.decided
            && days(d.date, decided) > cfg.type2_days
        {
            findings.push(Finding {
                rule: "type2-slow",
                doc: id,
                message: format!(
                    "ADR {number} “{}” is reversible (Type 2) but took {} days to decide (threshold {})",
                    d.title,
                    days(d.date, decided),
                    cfg.type2_days
                ),
                span: key_span(hb, id, "decided"),
                person: None,
            });
        }
        if d.decision_type == DecisionType::Irreversible
            && d.status == Status::Accepted
            && !deciders.is_empty()
            && deciders
                .iter()
                .all(|s| teams_of(s).any(|t| t == d.team.value))
        {
            findings.push(Finding {
                rule: "type1-unescalated",
                doc: id,
                message: format!(
                    "ADR {number} “{}” is irreversible (Type 1) but was decided by its own team alone ({})",
                    d.title,
                    d.deciders.join(", ")
                ),
                span: span(),
                person: None,
            });
        }
    }
    let _ = today;
    for p in people.people.values() {
        // Point at the newest decision involved: on a pull request, that is the record
        // whose change tipped the balance.
        if p.waiting.len() > cfg.max_open_per_decider
            && let Some(&newest) = p.waiting.last()
            && let Some(&id) = hb.decisions.get(&newest)
        {
            findings.push(Finding {
                rule: "decider-overload",
                doc: id,
                message: format!(
                    "{} is a decider on {} open proposals (maximum {})",
                    p.name,
                    p.waiting.len(),
                    cfg.max_open_per_decider
                ),
                span: key_span(hb, id, "deciders"),
                person: Some(p.slug.clone()),
            });
        }
        if let Some(l) = p.latency
            && l.median_days > cfg.decider_days
            // `waiting` is sorted: a binary search keeps this linear in the decisions.
            && let Some(&newest) = p
                .decisions
                .iter()
                .rev()
                .find(|n| p.waiting.binary_search(n).is_err())
            && let Some(&id) = hb.decisions.get(&newest)
        {
            findings.push(Finding {
                rule: "slow-decider",
                doc: id,
                message: format!(
                    "decisions by {} take a median of {} days (threshold {}, over {})",
                    p.name,
                    l.median_days,
                    cfg.decider_days,
                    crate::text::counted(l.count, "decision", "decisions")
                ),
                span: key_span(hb, id, "deciders"),
                person: Some(p.slug.clone()),
            });
        }
    }
}

/// Team slug → the teams that list it in `[[interactions]]` (sorted, without itself). The
/// only part of [`Health`] that documents' own pages show, so `orgbook serve` computes it
/// alone right after an edit and the rest of the health later.
pub fn depended_on_by(hb: &Handbook) -> BTreeMap<String, Vec<String>> {
    let mut depended_on_by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (_, c) in hb.teams.keys().filter_map(|s| hb.team(s)) {
        for i in &c.interactions {
            if hb.teams.contains_key(&i.team.value) && i.team.value != c.slug {
                let list = depended_on_by.entry(i.team.value.clone()).or_default();
                if list.last() != Some(&c.slug) {
                    list.push(c.slug.clone());
                }
            }
        }
    }
    for list in depended_on_by.values_mut() {
        list.sort();
        list.dedup();
    }
    depended_on_by
}

/// Team dependencies; returns who depends on each team (the reverse of `[[interactions]]`).
fn interaction_rules(hb: &Handbook, findings: &mut Vec<Finding>) -> BTreeMap<String, Vec<String>> {
    let cfg = &hb.config.teams;
    let depended_on_by = depended_on_by(hb);
    let mentions: BTreeSet<(&str, &str)> = depended_on_by
        .iter()
        .flat_map(|(to, froms)| froms.iter().map(move |from| (from.as_str(), to.as_str())))
        .collect();
    for &id in hb.teams.values() {
        let Some(c) = hb.docs[id].as_team() else {
            continue;
        };
        let collaborations: BTreeSet<&str> = c
            .interactions
            .iter()
            .filter(|i| i.mode == InteractionMode::Collaboration)
            .map(|i| i.team.value.as_str())
            .collect();
        if c.topology == Some(Topology::StreamAligned)
            && collaborations.len() > cfg.max_collaborations
        {
            findings.push(Finding {
                rule: "too-many-dependencies",
                doc: id,
                message: format!(
                    "{} is stream-aligned but collaborates with {} teams (maximum {}): {}",
                    c.name,
                    collaborations.len(),
                    cfg.max_collaborations,
                    collaborations
                        .iter()
                        .copied()
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                span: key_span(hb, id, "interactions"),
                person: None,
            });
        }
        if c.topology == Some(Topology::Platform) && !depended_on_by.contains_key(&c.slug) {
            findings.push(Finding {
                rule: "platform-without-consumers",
                doc: id,
                message: format!(
                    "{} is a platform team but no team lists it in [[interactions]]",
                    c.name
                ),
                span: key_span(hb, id, "topology"),
                person: None,
            });
        }
        for i in &c.interactions {
            if i.mode == InteractionMode::Collaboration
                && hb.teams.contains_key(&i.team.value)
                && i.team.value != c.slug
                && !mentions.contains(&(i.team.value.as_str(), c.slug.as_str()))
            {
                let other = hb
                    .team(&i.team.value)
                    .map_or(i.team.value.as_str(), |(_, o)| o.name.as_str());
                findings.push(Finding {
                    rule: "one-way-collaboration",
                    doc: id,
                    message: format!(
                        "{} says it collaborates with {other}, but {other}'s charter does not mention {}",
                        c.name, c.name
                    ),
                    span: i.team.span.clone(),
                    person: None,
                });
            }
        }
    }
    depended_on_by
}

/// Metric trends: stale measurements and metrics drifting away from their target.
fn metric_rules(hb: &Handbook, today: Date, findings: &mut Vec<Finding>) {
    let cfg = &hb.config.teams;
    for &id in hb.teams.values() {
        let Some(c) = hb.docs[id].as_team() else {
            continue;
        };
        for m in &c.metrics {
            let Some(&(last_date, last)) = m.history.last() else {
                continue;
            };
            let age = days(last_date, today);
            if age > cfg.metric_days {
                findings.push(Finding {
                    rule: "metric-stale",
                    doc: id,
                    message: format!(
                        "{}: “{}” was last measured on {last_date}, {age} days ago",
                        c.name, m.name
                    ),
                    span: metric_span(hb, id, &m.name),
                    person: None,
                });
            }
            if let Some(target) = m.target.as_deref().and_then(metrics::parse_target)
                && metrics::off_target(&target, &m.history)
            {
                let arrow = metrics::trend(&m.history).map_or("", Trend::arrow);
                findings.push(Finding {
                    rule: "metric-off-target",
                    doc: id,
                    message: format!(
                        "{}: “{}” is at {} {arrow}, moving away from its target {}",
                        c.name,
                        m.name,
                        fmt_number(last),
                        m.target.as_deref().unwrap_or_default()
                    ),
                    span: metric_span(hb, id, &m.name),
                    person: None,
                });
            }
        }
    }
}

/// Numbers as authors write them: no trailing `.0`.
pub fn fmt_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Median days to decide per quarter of `decided`, for each type; every quarter between
/// the first and the last is present, so the chart's x axis is time.
fn quarters(hb: &Handbook) -> Vec<QuarterPoint> {
    let mut by_q: BTreeMap<(i16, i8), [Vec<i64>; 2]> = BTreeMap::new();
    for (_, d) in hb.decisions.keys().filter_map(|&n| hb.decision(n)) {
        if let Some(decided) = d.decided
            && d.status != Status::Proposed
        {
            let slot = usize::from(d.decision_type == DecisionType::Reversible);
            by_q.entry(quarter(decided)).or_default()[slot].push(days(d.date, decided));
        }
    }
    let (Some(&first), Some(&last)) = (by_q.keys().next(), by_q.keys().next_back()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut q = first;
    // Bounded: dates are civil dates, so at most a few tens of thousands of quarters.
    while q <= last {
        let [t1, t2] = by_q.remove(&q).unwrap_or_default();
        out.push(QuarterPoint {
            label: format!("{} Q{}", q.0, q.1 + 1),
            type1: latency(t1).map(|l| l.median_days),
            type2: latency(t2).map(|l| l.median_days),
        });
        q = if q.1 == 3 {
            (q.0 + 1, 0)
        } else {
            (q.0, q.1 + 1)
        };
    }
    out
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
            .at(&doc.source.text, f.span.clone())
        })
        .collect()
}

/// Every finding not already an error through `[policy] deny`, as a note at its file and
/// line: `check` and `build` print them after the diagnostics, so a pull request shows
/// them on its diff.
pub fn notes(hb: &Handbook, health: &Health) -> Vec<Diagnostic> {
    health
        .findings
        .iter()
        .filter(|f| !hb.config.policy.deny.iter().any(|d| d == f.rule))
        .map(|f| {
            let doc = &hb.docs[f.doc];
            Diagnostic::note(f.rule, &doc.source.path, f.message.clone())
                .with_help(help_for(f.rule))
                .at(&doc.source.text, f.span.clone())
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
        // Where the first placeholder is, for the note's file:line.
        let mut span = None;
        if let Some(c) = doc.as_team() {
            if c.problem.as_deref().map(str::trim) == Some(PLACEHOLDER_PROBLEM) {
                what.push("`problem`".to_owned());
                span = Some(key_span(hb, id, "problem"));
            }
            if c.metrics
                .iter()
                .any(|m| m.name.trim() == PLACEHOLDER_METRIC)
            {
                what.push("a metric".to_owned());
                span = span.or_else(|| Some(metric_span(hb, id, PLACEHOLDER_METRIC)));
            }
        } else if doc.as_decision().is_some() {
            let body = doc.source.body();
            // memmem rather than `str::find` (two-way, 1 % of a build for three looks).
            let placeholders = [
                crate::finder!(PLACEHOLDER_DECISION[0].as_bytes()),
                crate::finder!(PLACEHOLDER_DECISION[1].as_bytes()),
                crate::finder!(PLACEHOLDER_DECISION[2].as_bytes()),
            ];
            if let Some(at) = placeholders.iter().find_map(|f| f.find(body.as_bytes())) {
                what.push("its sections".to_owned());
                let start = doc.source.body_start + at;
                span = Some(start..start + 1);
            } else if let Some(at) = crate::scaffold::template_placeholder_in(body) {
                // Another tool's template (MADR's `{argument a}`), filled in but for this.
                what.push(format!("its sections (`{}`)", &body[at.clone()]));
                let start = doc.source.body_start + at.start;
                span = Some(start..doc.source.body_start + at.end);
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
                span: span.unwrap_or(0..0),
                person: None,
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
        "decider-overload" => {
            "decide some of the proposals, or spread them: who else could decide reversible ones?"
        }
        "slow-decider" => {
            "look at what these decisions wait for; delegate Type 2 decisions to the owning team"
        }
        "type2-escalated" => {
            "let the owning team decide (at most [decisions] type2_max_deciders deciders from its group), or mark the decision type = 1"
        }
        "type2-slow" => "reversible decisions should be fast: decide, and revisit later if needed",
        "type1-unescalated" => {
            "add deciders from outside the team (the group's lead, an architect…), or mark it type = 2 if it is reversible"
        }
        "too-many-dependencies" => {
            "move collaborations to x-as-a-service, or change team boundaries so the team can ship alone"
        }
        "platform-without-consumers" => {
            "ask consuming teams to add an [[interactions]] entry for this team, or reconsider its topology"
        }
        "one-way-collaboration" => {
            "agree with the other team and add the matching [[interactions]] entry to its charter"
        }
        "shared-code" => {
            "agree which team owns each path and give it to that team alone in CODEOWNERS (the other can still review)"
        }
        "metric-stale" => "add a recent [date, value] pair to the metric's `history`",
        "metric-off-target" => "look at what moved the metric away from its target",
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
    fn quarters() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(quarter(d("2026-11-25")), quarter(d("2026-10-01")));
        assert_ne!(quarter(d("2026-09-30")), quarter(d("2026-10-01")));
    }
}
