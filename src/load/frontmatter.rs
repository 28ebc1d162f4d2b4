//! Front matter: split the `+++` TOML block from the Markdown body and turn it into a typed
//! charter, decision or page, checking every key the format defines (docs/format.md).

use super::fields::{Fields, parse_toml};
use crate::diagnostic::Diagnostic;
use crate::model::{
    Charter, Decision, DecisionType, Interaction, InteractionMode, Metric, PageMeta, Status,
    TeamKind, Topology,
};
use std::ops::Range;

#[derive(Debug)]
pub struct Split {
    /// Byte range of the TOML text (empty when the file has no front matter).
    pub toml: Option<Range<usize>>,
    pub body_start: usize,
}

/// Finds the `+++` block at the top of a file.
pub fn split(file: &str, text: &str) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line = rest.lines().next().unwrap_or("");
    if first_line.trim_end() == "---" {
        return Err(Diagnostic::error(
            "yaml-front-matter",
            file,
            "front matter must be TOML between `+++` lines, not YAML between `---`",
        )
        .with_help(
            "replace both `---` lines with `+++` and write the keys as TOML (key = \"value\")",
        )
        .at(text, start..start + 3));
    }
    if first_line.trim_end() != "+++" {
        return Ok(Split {
            toml: None,
            body_start: start,
        });
    }
    let toml_start = start + first_line.len() + 1;
    let mut pos = toml_start.min(text.len());
    for line in text[pos..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Ok(Split {
                toml: Some(toml_start.min(pos)..pos),
                body_start: pos + line.len(),
            });
        }
        pos += line.len();
    }
    Err(Diagnostic::error(
        "unclosed-front-matter",
        file,
        "front matter is never closed",
    )
    .with_help("add a line containing only `+++` after the last front matter key")
    .at(text, start..start + 3))
}

fn need_front_matter(file: &str, text: &str, what: &str, diags: &mut Vec<Diagnostic>) {
    diags.push(
        Diagnostic::error("missing-front-matter", file, format!("{what} has no front matter"))
            .with_help("start the file with a `+++` line, the TOML keys, and another `+++` line (see docs/format.md)")
            .at(text, 0..0),
    );
}

const CHARTER_KEYS: &[&str] = &[
    "name",
    "kind",
    "parent",
    "problem",
    "metrics",
    "owns",
    "lead",
    "members",
    "contact",
    "reviewed",
    "topology",
    "interactions",
];

/// A team slug becomes a file name and a URL: keep it to what is safe in both.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub fn charter(
    file: &str,
    rel: &str,
    text: &str,
    toml: Option<Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Charter> {
    let Some(toml) = toml else {
        need_front_matter(file, text, "team charter", diags);
        return None;
    };
    let slug = rel.rsplit('/').next()?.trim_end_matches(".md").to_string();
    if !is_valid_slug(&slug) {
        diags.push(
            Diagnostic::error("invalid-slug", file, format!("team file name `{slug}` is not a valid slug"))
                .with_help("rename the file using lowercase letters, digits and `-`, e.g. `payments-platform.md`; the name becomes the page URL")
                .at(text, 0..0),
        );
    }
    let offset = toml.start;
    let table = parse_toml(file, text, toml, diags)?;
    let mut f = Fields::new(file, text, &table, "team charter", diags).with_offset(0);
    // Spans from the table are relative to the TOML text; `Fields` adds the offset.
    f = f.with_offset(offset);
    let name = f.required_str("name");
    let kind = match f.opt_spanned_str("kind") {
        None => TeamKind::Team,
        Some((k, _)) if k == "team" => TeamKind::Team,
        Some((k, _)) if k == "group" => TeamKind::Group,
        Some((k, span)) => {
            f.error(
                "invalid-value",
                span.start - offset..span.end - offset,
                format!("`kind` must be \"team\" or \"group\", found \"{k}\""),
                "use kind = \"group\" for a team of teams, or leave `kind` out for a team".into(),
            );
            TeamKind::Team
        }
    };
    let parent = f.opt_spanned_str("parent");
    let problem = f.opt_str("problem").filter(|p| !p.trim().is_empty());
    let mut metrics = Vec::new();
    let metric_tables = f.table_array("metrics");
    for t in metric_tables {
        let mut m = f.child(t, "[[metrics]]");
        let name = m.required_str("name");
        let target = m.opt_str("target");
        let current = m.opt_str("current");
        let mut history: Vec<(jiff::civil::Date, f64)> = m
            .date_number_pairs("history")
            .into_iter()
            .map(|(d, v, _)| (d, v))
            .collect();
        // Authors append at the end, but nothing downstream should depend on that.
        history.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        m.finish(&["name", "target", "current", "history"]);
        if let Some(name) = name {
            metrics.push(Metric {
                name,
                target,
                current,
                history,
            });
        }
    }
    let owns = f.spanned_str_array("owns");
    let lead = f.opt_str("lead");
    let members = f.str_array("members");
    let contact = match f.opt_table("contact") {
        Some(t) => f.child(t, "[contact]").string_map(),
        None => Vec::new(),
    };
    let reviewed = f.opt_date("reviewed").map(|(d, _)| d);
    let topology = f.opt_spanned_str("topology").and_then(|(t, span)| {
        let found = Topology::ALL.iter().find(|(n, _)| *n == t).map(|(_, v)| *v);
        if found.is_none() {
            let names: Vec<&str> = Topology::ALL.iter().map(|(n, _)| *n).collect();
            let hint = crate::diagnostic::nearest(&t, names.iter().copied())
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            f.error(
                "invalid-value",
                span.start - offset..span.end - offset,
                format!("unknown team topology \"{t}\""),
                format!("{hint}topology is one of: {}", names.join(", ")),
            );
        }
        found
    });
    let mut interactions = Vec::new();
    for t in f.table_array("interactions") {
        let mut i = f.child(t, "[[interactions]]");
        let team = i.opt_spanned_str("team");
        if team.is_none() && i.key_span("team").is_none() {
            i.missing("team", "\"team-slug\"");
        }
        let mode = match i.opt_spanned_str("mode") {
            None => {
                if i.key_span("mode").is_none() {
                    i.missing("mode", "\"collaboration\"");
                }
                None
            }
            Some((m, span)) => {
                let found = InteractionMode::ALL
                    .iter()
                    .find(|(n, _)| *n == m)
                    .map(|(_, v)| *v);
                if found.is_none() {
                    let names: Vec<&str> = InteractionMode::ALL.iter().map(|(n, _)| *n).collect();
                    let hint = crate::diagnostic::nearest(&m, names.iter().copied())
                        .map(|n| format!("did you mean \"{n}\"? "))
                        .unwrap_or_default();
                    i.error(
                        "invalid-value",
                        span.start - offset..span.end - offset,
                        format!("unknown interaction mode \"{m}\""),
                        format!("{hint}mode is one of: {}", names.join(", ")),
                    );
                }
                found
            }
        };
        let about = i.opt_str("about").filter(|a| !a.trim().is_empty());
        i.finish(&["team", "mode", "about"]);
        if let (Some(team), Some(mode)) = (team, mode) {
            interactions.push(Interaction { team, mode, about });
        }
    }
    if kind == TeamKind::Team {
        if problem.is_none() && f.key_span("problem").is_none() {
            f.missing(
                "problem",
                "\"One or two sentences: the problem this team owns.\"",
            );
        }
        if metrics.is_empty() && f.key_span("metrics").is_none() {
            f.missing(
                "metrics",
                "[{ name = \"…\", target = \"…\" }] (or a [[metrics]] section)",
            );
        }
    }
    f.finish(CHARTER_KEYS);
    Some(Charter {
        slug,
        name: name?,
        kind,
        parent,
        problem,
        metrics,
        owns,
        lead,
        members,
        contact,
        reviewed,
        topology,
        interactions,
    })
}

const DECISION_KEYS: &[&str] = &[
    "title",
    "status",
    "type",
    "date",
    "decided",
    "team",
    "deciders",
    "supersedes",
    "tags",
    "revisit",
];

/// The decision number: the leading digits of the file name.
pub fn decision_number(rel: &str) -> Option<u32> {
    let name = rel.rsplit('/').next()?;
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

pub fn decision(
    file: &str,
    rel: &str,
    text: &str,
    toml: Option<Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Decision> {
    let number = decision_number(rel);
    if number.is_none() {
        diags.push(
            Diagnostic::error("invalid-decision-file-name", file, "decision file name does not start with its number")
                .with_help("name decision files NNNN-slug.md, e.g. `0007-adopt-postgres.md` (`orgbook new decision` picks the next number)")
                .at(text, 0..0),
        );
    }
    let Some(toml) = toml else {
        need_front_matter(file, text, "decision record", diags);
        return None;
    };
    let offset = toml.start;
    let table = parse_toml(file, text, toml, diags)?;
    let mut f = Fields::new(file, text, &table, "decision record", diags).with_offset(offset);
    let title = f.required_str("title");
    let status = match f.opt_spanned_str("status") {
        None => {
            f.missing("status", "\"proposed\"");
            None
        }
        Some((s, span)) => match Status::ALL.iter().find(|(n, _)| *n == s) {
            Some((_, st)) => Some(*st),
            None => {
                let names: Vec<&str> = Status::ALL.iter().map(|(n, _)| *n).collect();
                let hint = crate::diagnostic::nearest(&s, names.iter().copied())
                    .map(|n| format!("did you mean \"{n}\"? "))
                    .unwrap_or_default();
                f.error(
                    "invalid-value",
                    span.start - offset..span.end - offset,
                    format!("unknown decision status \"{s}\""),
                    format!("{hint}status is one of: {}", names.join(", ")),
                );
                None
            }
        },
    };
    let decision_type = match f.opt_spanned_int("type") {
        None => {
            if f.key_span("type").is_none() {
                f.missing("type", "2");
            }
            None
        }
        Some((n @ (1 | 2), _)) => DecisionType::from_number(n),
        Some((n, span)) => {
            f.error(
                "invalid-value",
                span.start - offset..span.end - offset,
                format!("decision `type` must be 1 or 2, found {n}"),
                "type = 1 for irreversible decisions that are escalated, type = 2 for reversible ones".into(),
            );
            None
        }
    };
    let date = f.opt_date("date");
    if date.is_none() && f.key_span("date").is_none() {
        f.missing("date", "2026-03-14");
    }
    let decided = f.opt_date("decided").map(|(d, _)| d);
    let team = f.opt_spanned_str("team");
    if team.is_none() && f.key_span("team").is_none() {
        f.missing("team", "\"team-slug\"");
    }
    let deciders = f.str_array("deciders");
    let supersedes: Vec<(u32, Range<usize>)> = f
        .spanned_int_array("supersedes")
        .into_iter()
        .filter_map(|(n, s)| u32::try_from(n).ok().map(|n| (n, s)))
        .collect();
    let tags = f.str_array("tags");
    let revisit = f.opt_date("revisit").map(|(d, _)| d);

    if let Some(status) = status {
        if matches!(status, Status::Accepted | Status::Rejected)
            && decided.is_none()
            && f.key_span("decided").is_none()
        {
            let span = f.key_span("status").unwrap_or(0..0);
            f.error(
                "missing-key",
                span,
                format!(
                    "a decision with status \"{}\" needs `decided`",
                    status.as_str()
                ),
                "add `decided = YYYY-MM-DD`: the day it was decided".into(),
            );
        }
        if status == Status::Accepted
            && decision_type == Some(DecisionType::Irreversible)
            && deciders.is_empty()
        {
            let span = f
                .key_span("deciders")
                .or_else(|| f.key_span("type"))
                .unwrap_or(0..0);
            f.error(
                "missing-deciders",
                span,
                "an accepted Type 1 decision must name its deciders".into(),
                "add `deciders = [\"Name\", …]`: who took this irreversible decision".into(),
            );
        }
    }
    if let (Some((d, _)), Some(dec)) = (&date, decided)
        && dec < *d
    {
        let span = f.key_span("decided").unwrap_or(0..0);
        f.error(
            "invalid-value",
            span,
            format!("`decided` ({dec}) is before `date` ({d})"),
            "`date` is when the decision was proposed; `decided` cannot be earlier".into(),
        );
    }
    f.finish(DECISION_KEYS);
    Some(Decision {
        number: number?,
        title: title?,
        status: status?,
        decision_type: decision_type?,
        date: date?.0,
        decided,
        team: team?,
        deciders,
        supersedes,
        tags,
        revisit,
    })
}

const PAGE_KEYS: &[&str] = &["title", "description", "weight"];

pub fn page(
    file: &str,
    rel: &str,
    text: &str,
    toml: Option<Range<usize>>,
    diags: &mut Vec<Diagnostic>,
) -> Option<PageMeta> {
    let mut meta = PageMeta {
        is_home: rel == "_index.md",
        ..PageMeta::default()
    };
    if let Some(toml) = toml {
        let offset = toml.start;
        let table = parse_toml(file, text, toml, diags)?;
        let mut f = Fields::new(file, text, &table, "page front matter", diags).with_offset(offset);
        if let Some(t) = f.opt_str("title") {
            meta.title = t;
            meta.title_from_front_matter = true;
        }
        meta.description = f.opt_str("description");
        meta.weight = f.opt_int("weight");
        f.finish(PAGE_KEYS);
    }
    Some(meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn charter_diags(text: &str) -> (Option<Charter>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let s = split("c.md", text).unwrap();
        let c = charter("c.md", "teams/pay.md", text, s.toml, &mut diags);
        (c, diags)
    }

    #[test]
    fn split_finds_toml_and_body() {
        let text = "+++\na = 1\n+++\n# Body\n";
        let s = split("f", text).unwrap();
        assert_eq!(&text[s.toml.unwrap()], "a = 1\n");
        assert_eq!(&text[s.body_start..], "# Body\n");
    }

    #[test]
    fn split_rejects_yaml_and_unclosed() {
        assert_eq!(
            split("f", "---\na: 1\n---\n").unwrap_err().code,
            "yaml-front-matter"
        );
        assert_eq!(
            split("f", "+++\na = 1\n").unwrap_err().code,
            "unclosed-front-matter"
        );
    }

    #[test]
    fn charter_typo_is_located_with_suggestion() {
        let text = "+++\nname = \"Pay\"\nprobelm = \"x\"\n[[metrics]]\nname = \"m\"\n+++\n";
        let (_, d) = charter_diags(text);
        let typo = d
            .iter()
            .find(|d| d.code == "unknown-key")
            .expect("typo reported");
        assert_eq!((typo.line, typo.column), (3, 1));
        assert_eq!(typo.help.as_deref(), Some("did you mean `problem`?"));
        // `problem` itself is still missing: both are reported.
        assert!(
            d.iter()
                .any(|d| d.code == "missing-key" && d.message.contains("problem"))
        );
    }

    #[test]
    fn group_needs_no_problem_or_metric() {
        let (c, d) = charter_diags("+++\nname = \"Platform\"\nkind = \"group\"\n+++\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(c.unwrap().kind, TeamKind::Group);
    }

    #[test]
    fn quoted_date_is_explained() {
        let text = "+++\nname = \"P\"\nproblem = \"p\"\nmetrics = [{ name = \"m\" }]\nreviewed = \"2026-01-02\"\n+++\n";
        let (_, d) = charter_diags(text);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 5);
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .contains("reviewed = 2026-01-02")
        );
    }

    #[test]
    fn decision_rules() {
        let text = "+++\ntitle = \"T\"\nstatus = \"acepted\"\ntype = 3\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        let d = decision("d.md", "decisions/0007-t.md", text, s.toml, &mut diags);
        assert!(d.is_none());
        let status = diags.iter().find(|d| d.message.contains("status")).unwrap();
        assert!(status.help.as_deref().unwrap().contains("\"accepted\""));
        assert!(
            diags
                .iter()
                .any(|d| d.message.contains("must be 1 or 2") && d.line == 4)
        );
    }

    #[test]
    fn accepted_type1_needs_deciders_and_decided() {
        let text = "+++\ntitle = \"T\"\nstatus = \"accepted\"\ntype = 1\ndate = 2026-01-01\nteam = \"pay\"\n+++\n";
        let mut diags = Vec::new();
        let s = split("d.md", text).unwrap();
        decision("d.md", "decisions/0007-t.md", text, s.toml, &mut diags);
        let codes: Vec<_> = diags.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"missing-deciders"), "{codes:?}");
        assert!(diags.iter().any(|d| d.message.contains("needs `decided`")));
    }

    #[test]
    fn decision_number_from_file_name() {
        assert_eq!(decision_number("a/0007-x.md"), Some(7));
        assert_eq!(decision_number("x.md"), None);
    }
}
