//! The health rules' stable ids and one-line descriptions (docs/health.md): what
//! `[policy] deny` and `[health] ignore` in orgbook.toml may name, and the health page's
//! rows. A leaf below the configuration, which checks the names, and the health stage,
//! which applies the rules.

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
        "decider-overload",
        "People more open proposals wait on than the maximum",
    ),
    (
        "slow-decider",
        "People whose decisions take longer than the threshold (median)",
    ),
    (
        "type2-escalated",
        "Reversible decisions escalated: too many deciders, or deciders from outside the team's group",
    ),
    (
        "type2-slow",
        "Reversible decisions that took longer than the threshold",
    ),
    (
        "type1-unescalated",
        "Irreversible decisions taken by the owning team alone",
    ),
    (
        "too-many-dependencies",
        "Stream-aligned teams with more collaborations than the maximum: they cannot ship alone",
    ),
    (
        "platform-without-consumers",
        "Platform teams no other team says it uses",
    ),
    (
        "one-way-collaboration",
        "Collaborations only one of the two teams mentions",
    ),
    (
        "shared-code",
        "Teams CODEOWNERS gives code paths shared with other teams: no one team is accountable for them",
    ),
    (
        "metric-stale",
        "Metrics without a data point within the period",
    ),
    (
        "metric-off-target",
        "Metrics missing their target and moving away from it",
    ),
    (
        "placeholder-text",
        "Charters and decisions that still hold the scaffold's placeholder text",
    ),
];
