//! Records and charters written for other tools, found where orgbook's own belong. A file
//! in `decisions/` that carries the marks of MADR, adr-tools, log4brains, a DACI or RFC
//! template, an RFD, or holds several numbered records, and a Team API document in
//! `teams/`, each get one error saying which tool wrote it and how to bring it in
//! (`orgbook import …`), rather than one error per orgbook key it lacks.

use crate::diagnostic::Diagnostic;
use std::ops::Range;

/// Which decision-record format a file in `decisions/` that lacks orgbook's keys was
/// written in, from its front matter keys (`keys`, when it has front matter) and the marks
/// each format's template leaves in the body; `None` if it shows none of them.
pub(super) fn adr_format(text: &str, keys: Option<&[&str]>) -> Option<&'static str> {
    // Not `deciders`, which orgbook's records have too, nor `## Context`, a heading of
    // orgbook's own template: a record of orgbook's that lacks keys must not look foreign.
    const MADR_KEYS: &[&str] = &["decision-makers", "consulted", "informed"];
    if keys.is_some_and(|keys| keys.iter().any(|k| MADR_KEYS.contains(k))) {
        return Some("MADR");
    }
    // Oxide's RFDs: `authors:` and `state: published`, nothing else of a decision's.
    if keys.is_some_and(|keys| keys.contains(&"state") && keys.contains(&"authors")) {
        return Some("an RFD template");
    }
    let (mut status_heading, mut bold_status) = (false, false);
    let (mut driver, mut owner, mut approver) = (false, false, false);
    // Google Docs' Markdown export: each heading bold (`# **ADR 7: …**`), its metadata
    // often a table whose first row, `| Status | Accepted |`, the export makes the header.
    let mut bold_title = false;
    let mut status_row = false;
    for line in text.lines().map(str::trim) {
        let lower = line.to_ascii_lowercase();
        bold_title |= lower.starts_with("# **");
        status_row |= lower.starts_with('|')
            && lower
                .split('|')
                .nth(1)
                .is_some_and(|cell| cell.trim().trim_matches(['*', '_']).trim() == "status");
        // Atlassian's DACI template opens with a table of its roles (`| **Driver** | @ana |`,
        // `| Approver | @ben |`); RFC templates with a header row naming the `Owner` and
        // the `Approvers`.
        if lower.starts_with('|') {
            for cell in lower
                .split('|')
                .map(|c| c.trim().trim_matches(['*', '_']).trim())
            {
                driver |= cell == "driver";
                owner |= cell == "owner";
                approver |= matches!(cell, "approver" | "approvers");
            }
            match (driver, owner, approver) {
                (true, _, true) => return Some("Atlassian's DACI template"),
                (_, true, true) => return Some("an RFC template"),
                _ => continue,
            }
        }
        let bullet = lower.trim_start_matches(['*', '-', ' ']);
        if lower.starts_with("## context and problem statement")
            || lower.starts_with("## decision outcome")
            || lower.starts_with("## considered options")
            || lower.starts_with("## decision drivers")
            || (bullet.len() < lower.len() && bullet.starts_with("status:"))
        {
            return Some("MADR");
        }
        status_heading |= lower == "## status";
        // Nygard's sections set out as bold paragraphs, as records written by hand have
        // them: `**Status**` alone on its line, the status in the paragraph below.
        bold_status |= matches!(lower.as_str(), "**status**" | "**status:**");
    }
    if status_row {
        return Some(match bold_title {
            true => "Google Docs (its Markdown export)",
            false => "a template with a status table",
        });
    }
    if status_heading {
        return Some("adr-tools");
    }
    bold_status.then_some("a Nygard-style template (its sections in bold)")
}

/// A page holding several records, each under a heading that numbers it with its series
/// (`### DR 5: Title`, `## ADR-001: Title`), two or more at one level, or under bare
/// numbered headings (`## 1. Title`) where `orgbook import adr` would split it (those carry
/// a status or date: numbered sections do not): (how many, the level). Fenced code is
/// skipped.
pub(super) fn several_records(text: &str) -> Option<(usize, usize)> {
    let mut per_level = [0usize; 7];
    for (_, line) in crate::load::unfenced_lines(text.lines()) {
        let t = line.trim_start();
        let level = t.len() - t.trim_start_matches('#').len();
        let heading = t[level..].strip_prefix(' ').map(str::trim_start);
        if let Some(heading) = heading
            && (1..=6).contains(&level)
            && line.len() - t.len() <= 3
            && series_numbered(heading)
        {
            per_level[level] += 1;
        }
    }
    if let Some(l) = (1..=6).find(|&l| per_level[l] >= 2) {
        return Some((per_level[l], l));
    }
    bare_numbered_records(text)
}

/// Bare numbered headings (`## 1. Title`), two or more at one level of which at least two
/// head a section that says a status or a date as a record does (`Status: …`, `## Status`,
/// `**Date**`), and no status before the first: the pages `orgbook import adr` splits
/// (`split_page`), where a record's numbered sections (`## 1. Options`) carry none.
fn bare_numbered_records(text: &str) -> Option<(usize, usize)> {
    // (line, level, numbered) of each ATX heading outside code.
    let mut headings = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut says = vec![false; lines.len()];
    for (i, line) in crate::load::unfenced_lines(lines.iter().copied()) {
        let t = line.trim_start();
        says[i] = says_status_or_date(t);
        let level = t.len() - t.trim_start_matches('#').len();
        if let Some(heading) = t[level..].strip_prefix(' ').map(str::trim_start)
            && (1..=6).contains(&level)
            && line.len() - t.len() <= 3
        {
            headings.push((i, level, bare_numbered(heading)));
        }
    }
    (1..=6).find_map(|level| {
        let first = headings.iter().find(|h| h.1 == level && h.2)?.0;
        if says[..first].iter().any(|&s| s) {
            return None;
        }
        let mut records = 0;
        let mut stated = 0;
        for (k, &(line, l, numbered)) in headings.iter().enumerate() {
            if l != level || !numbered {
                continue;
            }
            records += 1;
            let end = headings[k + 1..]
                .iter()
                .find(|h| h.1 <= level)
                .map_or(lines.len(), |h| h.0);
            if says[line + 1..end].iter().any(|&s| s) {
                stated += 1;
            }
        }
        (records >= 2 && stated >= 2).then_some((records, level))
    })
}

/// `1. Title`, `12) Title`, `3: Title`: a number and a title, no series letters.
fn bare_numbered(heading: &str) -> bool {
    let digits = heading.len()
        - heading
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    let after = &heading[digits..];
    digits > 0
        && after.starts_with(['.', ')', ':'])
        && after[1..].starts_with(' ')
        && !after[1..].trim().is_empty()
}

/// A line that gives a record's status or date: `Status: Accepted`, `* **Date:** …`,
/// `## Status`, `**Status**`.
fn says_status_or_date(line: &str) -> bool {
    let t = line
        .trim()
        .trim_start_matches(['#', '*', '-', '_', ' '])
        .to_ascii_lowercase();
    ["status", "date"].iter().any(|w| {
        t.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start_matches(['*', '_']).trim_start();
            rest.is_empty() || rest.starts_with(':')
        })
    })
}

/// `ADR-001: Title`, `DR 5: Title`, `RFC 12. Title`: a series' letters, its number, and a
/// title after `:`, `.`, `)` or ` - `.
fn series_numbered(heading: &str) -> bool {
    let letters = heading.len()
        - heading
            .trim_start_matches(|c: char| c.is_ascii_alphabetic())
            .len();
    if !(1..=5).contains(&letters) || !heading[..letters].chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let rest = heading[letters..].trim_start_matches(['-', '_', ' ']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after = &rest[digits..];
    digits > 0
        && (after.starts_with([':', '.', ')'])
            || after.starts_with(" - ")
            || after.starts_with(" – "))
        && !after
            .trim_start_matches([':', '.', ')', ' ', '-', '–'])
            .trim()
            .is_empty()
}

/// The one error for a decision record written for another tool (see [`adr_format`]).
pub(super) fn foreign_record(
    file: &str,
    text: &str,
    format: &str,
    at: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    const MOVE: &str = "move such records out of content/decisions/ and convert them with `orgbook import adr DIR` (docs/import.md), e.g. `git mv content/decisions adr && orgbook import adr adr`";
    let (message, help) = match several_records(text) {
        Some((n, level)) => (
            format!(
                "this page holds {n} decision records, one under each numbered `{}` heading, not one record for orgbook: it has no `type` or `team`",
                "#".repeat(level)
            ),
            format!("{MOVE}, which writes each heading's record to a file of its own"),
        ),
        None => (
            format!(
                "this is a decision record written for {format}, not for orgbook: it has no `type` or `team`"
            ),
            format!("{MOVE}; or give this one orgbook's keys: title, status, type, date, team"),
        ),
    };
    diags.push(
        Diagnostic::error("foreign-decision-record", file, message)
            .with_help(help)
            .at(text, at),
    );
}

/// Whether a file in `teams/` without orgbook's charter keys is a Team API document (Team
/// Topologies' template): the later templates' `team_type`/`team_id` keys, or two of the
/// template's field labels in its text.
pub(super) fn is_team_api(text: &str, keys: Option<&[&str]>) -> bool {
    if keys.is_some_and(|keys| keys.iter().any(|k| matches!(*k, "team_type" | "team_id"))) {
        return true;
    }
    const LABELS: &[&str] = &[
        "team name and focus",
        "team type",
        "part of a platform",
        "software owned and evolved by this team",
        "chat tool channels",
        "teams we currently interact with",
    ];
    let mut seen = 0;
    for line in text.lines() {
        let lower = line
            .trim()
            .trim_start_matches(['#', '*', '-', '_', ' '])
            .to_ascii_lowercase();
        if LABELS.iter().any(|l| lower.starts_with(l)) {
            seen += 1;
            if seen == 2 {
                return true;
            }
        }
    }
    false
}

/// The one error for a Team API document in `teams/` (see [`is_team_api`]).
pub(super) fn foreign_charter(
    file: &str,
    text: &str,
    at: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) {
    diags.push(
        Diagnostic::error(
            "foreign-charter",
            file,
            "this is a Team API document (Team Topologies' template), not an orgbook charter: it has no `problem` or `metrics`",
        )
        .with_help("move such documents out of content/teams/ and convert them with `orgbook import team-api PATH` (docs/import.md), e.g. `mkdir team-apis && git mv content/teams/payments.md team-apis/ && orgbook import team-api team-apis`; or give this one orgbook's keys: name, problem, metrics")
        .at(text, at),
    );
}
