//! Reading one value the way several readers need it: a name among a fixed list with the
//! nearest one suggested ([`one_of`]), and the lenient readers of the keys pages bring from
//! other generators (words written as Jekyll writes them, flags, positions, dates, any
//! value as text or JSON), which warn and leave a value out rather than fail a build.

use crate::fields::Fields;
use std::ops::Range;
use toml::de::DeValue;

/// The value of `key` among a fixed list of names (`all`); when it is none of them, an
/// error at the value naming the nearest one and the whole list.
pub(super) fn one_of<T: Copy>(
    f: &mut Fields,
    offset: usize,
    (value, span): (String, Range<usize>),
    all: &[(&str, T)],
    what: &str,
    key: &str,
) -> Option<T> {
    // `status: Accepted`, as adr-tools writes a record's status: the values are lowercase
    // words, so a capital letter cannot mean another one.
    let found = all
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(&value))
        .map(|(_, v)| *v);
    if found.is_none() {
        let names: Vec<&str> = all.iter().map(|(n, _)| *n).collect();
        let hint = crate::diagnostic::nearest(&value, names.iter().copied())
            .map(|n| format!("did you mean \"{n}\"? "))
            .unwrap_or_default();
        f.error(
            "invalid-value",
            span.start - offset..span.end - offset,
            format!("unknown {what} \"{value}\""),
            format!("{hint}{key} is one of: {}", names.join(", ")),
        );
    }
    found
}

fn warn_type(f: &mut Fields<'_, '_, '_>, span: Range<usize>, key: &str, expected: &str) {
    let span = f.span(span);
    let msg = format!("`{key}` in page front matter should be {expected}; it is ignored");
    f.warning_at(
        "invalid-type",
        span,
        msg,
        format!(
            "write it like: {}",
            f.assign(
                key,
                match expected {
                    "a number" => "3",
                    "true or false" => "true",
                    "a date" => "2026-03-14",
                    _ => "[\"a\", \"b\"]",
                }
            )
        ),
    );
}

/// `tags = ["a", "b"]`, or Jekyll's `tags: a b` / `tags: a, b`.
pub(super) fn words(f: &mut Fields<'_, '_, '_>, key: &str) -> Vec<String> {
    let Some(v) = f.raw(key) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::String(s) => {
            let sep: &[char] = if s.contains(',') {
                &[',']
            } else {
                &[' ', '\t']
            };
            s.split(sep)
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        }
        DeValue::Array(items) => items
            .iter()
            .filter_map(|i| scalar_text(i.get_ref()))
            .collect(),
        _ => {
            warn_type(f, v.span(), key, "a list of words");
            Vec::new()
        }
    }
}

/// One string or a list of strings, with spans (`aliases`, `redirect_from`).
pub(super) fn strings(f: &mut Fields<'_, '_, '_>, key: &str) -> Vec<(String, Range<usize>)> {
    let Some(v) = f.raw(key) else {
        return Vec::new();
    };
    match v.get_ref() {
        DeValue::String(s) => vec![(s.to_string(), f.span(v.span()))],
        DeValue::Array(items) => {
            let mut out = Vec::new();
            for i in items.iter() {
                match i.get_ref() {
                    DeValue::String(s) => out.push((s.to_string(), f.span(i.span()))),
                    _ => warn_type(f, i.span(), key, "a list of paths"),
                }
            }
            out
        }
        _ => {
            warn_type(f, v.span(), key, "a list of paths");
            Vec::new()
        }
    }
}

pub(super) fn flag(f: &mut Fields<'_, '_, '_>, key: &str) -> Option<bool> {
    let v = f.raw(key)?;
    match v.get_ref() {
        DeValue::Boolean(b) => Some(*b),
        _ => {
            warn_type(f, v.span(), key, "true or false");
            None
        }
    }
}

/// An ordering number: integers as they are, fractions (Docusaurus allows 1.5) rounded.
pub(super) fn position(f: &mut Fields<'_, '_, '_>, key: &str) -> Option<i64> {
    let v = f.raw(key)?;
    let n = match v.get_ref() {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
        DeValue::Float(x) => x
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .map(|x| x.round() as i64),
        _ => None,
    };
    if n.is_none() {
        warn_type(f, v.span(), key, "a number");
    }
    n
}

/// A date, or a date-time whose date part is used (`2024-05-01 10:00:00 +0200`).
pub(super) fn lenient_date(f: &mut Fields<'_, '_, '_>, key: &str) -> Option<jiff::civil::Date> {
    let v = f.raw(key)?;
    match crate::fields::date_of(v.get_ref()) {
        crate::fields::DateRead::Date(date) => Some(date),
        _ => {
            warn_type(f, v.span(), key, "a date");
            None
        }
    }
}

fn scalar_text(v: &DeValue<'_>) -> Option<String> {
    match v {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_string()),
        DeValue::Float(x) => Some(x.as_str().to_string()),
        DeValue::Boolean(b) => Some(b.to_string()),
        DeValue::Datetime(d) => Some(d.to_string()),
        _ => None,
    }
}

/// Front matter values as JSON, for templates (`page.extra`).
pub(super) fn to_json(v: &DeValue<'_>) -> serde_json::Value {
    use serde_json::Value;
    match v {
        DeValue::String(s) => Value::String(s.to_string()),
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .map(Value::from)
            .unwrap_or_else(|_| Value::String(i.as_str().to_string())),
        DeValue::Float(x) => x
            .as_str()
            .replace('_', "")
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or(Value::Null),
        DeValue::Boolean(b) => Value::Bool(*b),
        DeValue::Datetime(d) => Value::String(d.to_string()),
        DeValue::Array(a) => Value::Array(a.iter().map(|i| to_json(i.get_ref())).collect()),
        DeValue::Table(t) => Value::Object(
            t.iter()
                .map(|(k, v)| (k.get_ref().to_string(), to_json(v.get_ref())))
                .collect(),
        ),
    }
}
