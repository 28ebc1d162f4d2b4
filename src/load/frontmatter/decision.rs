//! Decision records: every key of a record's front matter read into a typed [`Decision`]
//! and checked (docs/format.md, "Decision records"): its number from the file name, the
//! status with MADR's `superseded by ADR-0012` read as the relation it states, the type,
//! and the rules that tie them together (an accepted Type 1 decision names its deciders).

use super::block::{Front, Syntax, need_front_matter, parse_front};
use super::foreign::{adr_format, foreign_record, several_records};
use super::values::{one_of, words};
use crate::diagnostic::Diagnostic;
use crate::fields::Fields;
use crate::model::{Decision, DecisionType, Spanned, Status};
use toml::de::DeValue;

const DECISION_KEYS: &[&str] = &[
    "title",
    "status",
    "type",
    "date",
    "decided",
    "team",
    "deciders",
    "authors",
    "supersedes",
    "tags",
    "revisit",
];

pub fn decision_number(rel: &str) -> Option<u32> {
    let name = rel.rsplit('/').next()?;
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

pub fn decision(
    file: &str,
    rel: &str,
    text: &str,
    front: Option<Front>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Decision> {
    let number = decision_number(rel);
    let check_number = |diags: &mut Vec<Diagnostic>| {
        if number.is_none() {
            diags.push(
                Diagnostic::error("invalid-decision-file-name", file, "decision file name does not start with its number")
                    .with_help("name decision files NNNN-slug.md, e.g. `0007-adopt-postgres.md` (`orgbook new decision` picks the next number)")
                    .at(text, 0..0),
            );
        }
    };
    // A record written for another tool (MADR, adr-tools, log4brains, a Jekyll theme) gets
    // one error that says how to bring it in, not one per key it lacks or has extra.
    let Some(front) = front else {
        match adr_format(text, None).or_else(|| several_records(text).map(|_| "several")) {
            Some(format) => foreign_record(file, text, format, 0..0, diags),
            None => {
                check_number(diags);
                need_front_matter(file, text, "decision record", diags);
            }
        }
        return None;
    };
    let offset = front.range.start;
    let table = parse_front(file, text, &front, diags)?;
    let has = |key: &str| table.iter().any(|(k, _)| k.get_ref().as_ref() == key);
    if !has("type") && !has("team") {
        // Without orgbook's two own keys it is another tool's record when it carries that
        // tool's marks, or none of orgbook's keys at all; else an orgbook record that is
        // still missing keys, which get their own errors below.
        let keys: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
        let format = adr_format(text, Some(&keys))
            .or_else(|| several_records(text).map(|_| "several"))
            .or_else(|| {
                (!keys.iter().any(|k| DECISION_KEYS.contains(k))).then_some("another tool")
            });
        if let Some(format) = format {
            foreign_record(file, text, format, offset..offset, diags);
            return None;
        }
    }
    check_number(diags);
    let mut f = Fields::new(file, text, &table, "decision record", diags)
        .with_offset(offset)
        .yaml(front.syntax == Syntax::Yaml);
    let title = f.required_str("title");
    let (status, superseded_by) = decision_status(&mut f, offset);
    let decision_type = decision_type(&mut f, offset);
    let date = f.opt_date("date");
    if date.is_none() && f.key_span("date").is_none() {
        f.missing("date", "2026-03-14");
    }
    let decided = f.opt_date("decided").map(|(d, _)| d);
    let team = f.opt_spanned_str("team");
    if team.is_none() && f.key_span("team").is_none() {
        f.missing("team", "\"team-slug\"");
    }
    let deciders = f.names("deciders");
    // One author is often written as a string (`authors: Ana Lima`, as RFDs do).
    let authors = f.names("authors");
    let raw_supersedes = f.spanned_int_array("supersedes");
    let supersedes = crate::checks::supersedes_numbers(&mut f, raw_supersedes);
    // Jekyll's `tags: a, b` as pages read it; anything else but a list is an error here.
    let tags = match f.raw("tags").map(|v| v.get_ref()) {
        Some(DeValue::String(_)) => words(&mut f, "tags"),
        _ => f.str_array("tags"),
    };
    let revisit = f.opt_date("revisit").map(|(d, _)| d);

    check_decision(
        &mut f,
        status,
        decision_type,
        &deciders,
        date.as_ref().map(|(d, _)| *d),
        decided,
    );
    f.finish(DECISION_KEYS);
    Some(Decision {
        number: number?,
        title: title?,
        status: status?,
        decision_type: decision_type?,
        date: date?.0,
        decided,
        team: team?.into(),
        deciders,
        authors,
        supersedes: supersedes.into_iter().map(Spanned::from).collect(),
        superseded_by,
        tags,
        revisit,
    })
}

/// `status`: one of [`Status::ALL`]'s names; `None` (reported) when missing or unknown.
/// MADR's `superseded by ADR-0012` is `superseded`, with the number of each newer record
/// it names (`superseded by ADR-12, ADR-15`) at that reference's place in the value: the
/// link stage reads each as if that record listed this one in its `supersedes`.
fn decision_status(f: &mut Fields, offset: usize) -> (Option<Status>, Vec<Spanned<u32>>) {
    match f.opt_spanned_str("status") {
        None => {
            f.missing("status", "\"proposed\"");
            (None, Vec::new())
        }
        Some((value, span)) => {
            let trimmed = value.trim();
            let newer = trimmed
                .get(..SUPERSEDED_BY.len())
                .filter(|p| p.eq_ignore_ascii_case(SUPERSEDED_BY))
                .map(|_| &trimmed[SUPERSEDED_BY.len()..]);
            if let Some(rest) = newer {
                let numbers = superseded_by_numbers(rest);
                if numbers.is_empty() {
                    let help = format!(
                        "name the newer decision by its number, e.g. `{}`, or write `{}` and list this decision's number in the newer record's `supersedes`",
                        f.assign("status", "superseded by ADR-0012"),
                        f.assign("status", "superseded")
                    );
                    f.error(
                        "invalid-value",
                        span.start - offset..span.end - offset,
                        format!("status \"{value}\" names no decision number"),
                        help,
                    );
                }
                let written = f.source().get(span.clone()).unwrap_or_default();
                let spans = places_in(written, numbers.iter().map(|(_, at)| &rest[at.clone()]));
                let newer = numbers
                    .into_iter()
                    .zip(spans)
                    .map(|((n, _), at)| {
                        let at = at.map_or(span.clone(), |at| {
                            span.start + at.start..span.start + at.end
                        });
                        Spanned::new(n, at)
                    })
                    .collect();
                return (Some(Status::Superseded), newer);
            }
            let status = one_of(
                f,
                offset,
                (value, span),
                &Status::ALL,
                "decision status",
                "status",
            );
            (status, Vec::new())
        }
    }
}

/// Where each of `parts` (in order) is in `written`, the value as the file writes it
/// (quoted, perhaps escaped): each searched after the one before; `None` where it is not
/// there as it is (an escape inside it), for the caller to point at the whole value.
fn places_in<'p>(
    written: &str,
    parts: impl Iterator<Item = &'p str>,
) -> Vec<Option<std::ops::Range<usize>>> {
    let mut from = 0;
    parts
        .map(|part| {
            let at = from + written.get(from..)?.find(part)?;
            from = at + part.len();
            Some(at..from)
        })
        .collect()
}

const SUPERSEDED_BY: &str = "superseded by";

/// Each newer record named after MADR's `superseded by`, with its byte range in `rest`:
/// references separated by `,`, `;`, `&` or `and` outside a link's brackets
/// (`ADR-12, ADR-15`, `[ADR-0012](0012-x.md) and [ADR-0015](0015-y.md)`), each read by
/// [`superseded_by_number`]; parts that name no number (`, which moved to Postgres`) are
/// left out, and a number named twice counts once.
pub fn superseded_by_numbers(rest: &str) -> Vec<(u32, std::ops::Range<usize>)> {
    let mut out: Vec<(u32, std::ops::Range<usize>)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for part in reference_parts(rest) {
        let text = &rest[part.clone()];
        // From the trimmed start: a part of spaces alone (` ,ADR-12`) is empty, not reversed.
        let start = part.start + (text.len() - text.trim_start().len());
        let end = start + text.trim().len();
        if let Some(n) = superseded_by_number(&rest[start..end])
            && seen.insert(n)
        {
            out.push((n, start..end));
        }
    }
    out
}

/// The byte ranges of `rest` between the separators of a list of references: `,`, `;`,
/// `&` and the word `and`, outside brackets and parentheses. One pass over the bytes.
fn reference_parts(rest: &str) -> Vec<std::ops::Range<usize>> {
    let bytes = rest.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut start, mut i) = (0usize, 0, 0);
    while i < bytes.len() {
        let sep = match bytes[i] {
            b'[' | b'(' => {
                depth += 1;
                0
            }
            b']' | b')' => {
                depth = depth.saturating_sub(1);
                0
            }
            b',' | b';' | b'&' if depth == 0 => 1,
            b'a' | b'A'
                if depth == 0
                    && bytes
                        .get(i..i + 3)
                        .is_some_and(|w| w.eq_ignore_ascii_case(b"and"))
                    && (i == 0 || bytes[i - 1].is_ascii_whitespace())
                    && bytes.get(i + 3).is_none_or(u8::is_ascii_whitespace) =>
            {
                3
            }
            _ => 0,
        };
        if sep > 0 {
            parts.push(start..i);
            start = i + sep;
            i = start;
        } else {
            i += 1;
        }
    }
    parts.push(start..bytes.len());
    parts
}

/// The newer record named after MADR's `superseded by`: `ADR-0012`, `12`, `#12`, or a
/// link `[ADR-0012](0012-use-postgres.md)` whose text gives the number, else its target's
/// file name (`[Use Postgres](0012-use-postgres.md)`). Only the first reference is read.
pub fn superseded_by_number(rest: &str) -> Option<u32> {
    let rest = rest.trim_start();
    let Some(link) = rest.strip_prefix('[') else {
        return reference_number(rest);
    };
    let (text, after) = link.split_once("](")?;
    let target = after.split(')').next().unwrap_or(after);
    let target = target.split(['#', '?']).next().unwrap_or(target);
    let file = target.rsplit(['/', '\\']).next().unwrap_or(target);
    reference_number(text).or_else(|| reference_number(file))
}

/// `ADR-0012`, `ADR 12`, `#12`, `12`, `0012-use-postgres.md`: the number a reference to a
/// decision starts with, after a word such as `ADR` and one separator. The digits must
/// end the word (`ADR-0012 (Postgres)` is 12, `12factor` is none).
fn reference_number(text: &str) -> Option<u32> {
    let text = text.trim_start().trim_start_matches('#');
    let word = text
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(text.len());
    let mut rest = &text[word..];
    if word > 0 {
        rest = rest.strip_prefix(['-', '_', ' ', '#', ':']).unwrap_or(rest);
    }
    let digits = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let after = &rest[digits..];
    if digits == 0 || after.starts_with(char::is_alphanumeric) {
        return None;
    }
    rest[..digits].parse().ok()
}

/// `type`: 1 (irreversible) or 2 (reversible); `None` (reported) when missing or another
/// number.
fn decision_type(f: &mut Fields, offset: usize) -> Option<DecisionType> {
    match f.opt_spanned_int("type") {
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
    }
}

/// What the keys of a decision must say together: `decided` for a decision taken, named
/// deciders for an accepted Type 1, and `decided` not before `date`.
fn check_decision(
    f: &mut Fields,
    status: Option<Status>,
    decision_type: Option<DecisionType>,
    deciders: &[String],
    date: Option<jiff::civil::Date>,
    decided: Option<jiff::civil::Date>,
) {
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
                format!(
                    "add `{}`: the day it was decided",
                    f.assign("decided", "YYYY-MM-DD")
                ),
            );
        }
        // `deciders` given in the wrong form (`deciders: 7`) has its own error already;
        // an empty list is the missing deciders.
        let wrong_form = f
            .raw("deciders")
            .is_some_and(|v| !matches!(v.get_ref(), DeValue::Array(_) | DeValue::String(_)));
        if status == Status::Accepted
            && decision_type == Some(DecisionType::Irreversible)
            && deciders.is_empty()
            && !wrong_form
        {
            let span = f
                .key_span("deciders")
                .or_else(|| f.key_span("type"))
                .unwrap_or(0..0);
            f.error(
                "missing-deciders",
                span,
                "an accepted Type 1 decision must name its deciders".into(),
                format!(
                    "add `{}`: who took this irreversible decision",
                    f.assign("deciders", "[\"Name\", …]")
                ),
            );
        }
    }
    if let (Some(d), Some(dec)) = (date, decided)
        && dec < d
    {
        let span = f.key_span("decided").unwrap_or(0..0);
        f.error(
            "invalid-value",
            span,
            format!("`decided` ({dec}) is before `date` ({d})"),
            "`date` is when the decision was proposed; `decided` cannot be earlier".into(),
        );
    }
}
