//! A typed reader over a spanned TOML table, used for front matter and `orgbook.toml`. YAML
//! front matter is converted to the same table first (`yaml.rs`), so both read alike.
//!
//! Written by hand on top of `toml::de::DeTable` rather than `#[derive(Deserialize)]`
//! because serde stops at the first problem and loses positions for unknown keys; authors
//! need every problem of a file at once, each at its exact line and column, with the
//! nearest known key suggested for a typo.

use crate::diagnostic::{Diagnostic, nearest};
use jiff::civil::Date;
use std::collections::BTreeSet;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Parses the TOML in byte range `toml` of the file text `source`. Syntax errors become
/// diagnostics pointing into the file.
pub fn parse_toml<'a>(
    file: &str,
    source: &'a str,
    toml: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'a>> {
    let offset = toml.start;
    let (table, errors) = DeTable::parse_recoverable(&source[toml]);
    if errors.is_empty() {
        return Some(table.into_inner());
    }
    for e in errors {
        let span = e.span().unwrap_or(0..0);
        let msg = e.message().trim().replace('\n', " ");
        let at = span.start + offset..span.end + offset;
        // The TOML reader rejects impossible dates itself; say so with the documented code.
        if let Some(d) = crate::diag_fix::impossible_date(source.get(at.clone()).unwrap_or("")) {
            diags.push(
                Diagnostic::error(
                    "invalid-date",
                    file,
                    format!("{d} is not a date in the calendar"),
                )
                .with_help("use a real date, e.g. 2026-03-14")
                .at(source, at),
            );
            continue;
        }
        diags.push(
            Diagnostic::error("toml-syntax", file, format!("invalid TOML: {msg}"))
                .with_help("TOML strings need double quotes, dates look like 2026-03-14, arrays look like [\"a\", \"b\"]")
                .at(source, span.start + offset..span.end + offset),
        );
    }
    None
}

/// Reads known keys from one TOML table, type-checking each and remembering which keys were
/// read so [`Fields::finish`] can report the rest as unknown.
pub struct Fields<'t, 'a, 'd> {
    file: &'t str,
    source: &'t str,
    offset: usize,
    table: &'t DeTable<'a>,
    /// Where the table lives for messages, e.g. "team charter" or "[[metrics]]".
    context: &'t str,
    diags: &'d mut Vec<Diagnostic>,
    seen: BTreeSet<String>,
    /// The table came from YAML front matter: hints show YAML (`key: value`).
    yaml: bool,
    /// The table's span when it is one entry of a list (`[[metrics]]`, `- name: …`): a key
    /// it lacks is reported there rather than at the front matter's start.
    entry: Option<Range<usize>>,
}

impl<'t, 'a, 'd> Fields<'t, 'a, 'd> {
    /// `source` is the whole file; spans in `table` are relative to the TOML text, which
    /// begins at byte 0 of `source` (config) — use [`Fields::with_offset`] for front matter.
    pub fn new(
        file: &'t str,
        source: &'t str,
        table: &'t DeTable<'a>,
        context: &'t str,
        diags: &'d mut Vec<Diagnostic>,
    ) -> Self {
        Fields {
            file,
            source,
            offset: 0,
            table,
            context,
            diags,
            seen: BTreeSet::new(),
            yaml: false,
            entry: None,
        }
    }

    /// Hints for a table read from YAML front matter show YAML syntax.
    pub fn yaml(mut self, yaml: bool) -> Self {
        self.yaml = yaml;
        self
    }

    /// Whether the table came from YAML front matter (hints show YAML).
    pub fn is_yaml(&self) -> bool {
        self.yaml
    }

    /// `key = example` (TOML) or `key: example` (YAML), for hints.
    pub fn assign(&self, key: &str, example: &str) -> String {
        if self.yaml {
            format!("{key}: {example}")
        } else {
            format!("{key} = {example}")
        }
    }

    pub fn with_offset(mut self, offset: usize) -> Self {
        self.offset = offset;
        self
    }

    /// A reader for a nested table that reports into the same diagnostics.
    pub fn child<'c>(&'c mut self, table: &'c DeTable<'a>, context: &'c str) -> Fields<'c, 'a, 'c> {
        Fields {
            file: self.file,
            source: self.source,
            offset: self.offset,
            table,
            context,
            diags: self.diags,
            seen: BTreeSet::new(),
            yaml: self.yaml,
            entry: None,
        }
    }

    /// A reader for one entry (at `span`) of a list of tables, as [`Fields::child`].
    pub fn entry<'c>(
        &'c mut self,
        table: &'c DeTable<'a>,
        context: &'c str,
        span: Range<usize>,
    ) -> Fields<'c, 'a, 'c> {
        let mut entry = self.child(table, context);
        entry.entry = Some(span);
        entry
    }

    /// The whole file the table was read from, which spans index.
    pub fn source(&self) -> &'t str {
        self.source
    }

    pub fn span(&self, span: Range<usize>) -> Range<usize> {
        span.start + self.offset..span.end + self.offset
    }

    pub fn error(&mut self, code: &'static str, span: Range<usize>, msg: String, help: String) {
        let span = self.span(span);
        self.diags.push(
            Diagnostic::error(code, self.file, msg)
                .with_help(help)
                .at(self.source, span),
        );
    }

    /// A warning at `span` of the whole file (a span the `opt_`/`spanned_` readers returned).
    pub fn warning_at(
        &mut self,
        code: &'static str,
        span: Range<usize>,
        msg: String,
        help: String,
    ) {
        self.diags.push(
            Diagnostic::warning(code, self.file, msg)
                .with_help(help)
                .at(self.source, span),
        );
    }

    /// An error at `span` of the whole file (a span the `opt_`/`spanned_` readers returned).
    pub fn error_at(&mut self, code: &'static str, span: Range<usize>, msg: String, help: String) {
        self.diags.push(
            Diagnostic::error(code, self.file, msg)
                .with_help(help)
                .at(self.source, span),
        );
    }

    /// An error with code `code` at `span` of the whole file and no message yet: for a
    /// value checked later, against what the file itself does not hold.
    pub fn placed(&self, code: &'static str, span: Range<usize>) -> Diagnostic {
        Diagnostic::error(code, self.file, String::new()).at(self.source, span)
    }

    fn get(&mut self, key: &str) -> Option<&'t Spanned<DeValue<'a>>> {
        self.seen.insert(key.to_string());
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(_, v)| v)
    }

    /// Accepts `keys` without reading them: they mean something to another generator and
    /// nothing here, so they get no `unknown-key` warning.
    pub fn ignore(&mut self, keys: &[&str]) {
        self.seen.extend(keys.iter().map(|k| k.to_string()));
    }

    /// The span of the key `key`, for errors about the key as a whole.
    pub fn key_span(&self, key: &str) -> Option<Range<usize>> {
        self.table
            .iter()
            .find(|(k, _)| k.get_ref().as_ref() == key)
            .map(|(k, _)| k.span())
    }

    fn type_error(
        &mut self,
        key: &str,
        value: &Spanned<DeValue<'a>>,
        expected: &str,
        example: &str,
    ) {
        let msg = match value.get_ref() {
            // An integer that does not fit: say the range, not "must be an integer, found
            // integer". An integer that fits was given where something else belongs
            // (`supersedes: 1` for `[1]`) and gets the plain message below.
            DeValue::Integer(i) if int_value(value.get_ref()).is_none() => format!(
                "`{key}` in {} is out of range: {} does not fit in a whole number from {} to {}",
                self.context,
                i.as_str(),
                i64::MIN,
                i64::MAX
            ),
            other => format!(
                "`{key}` in {} must be {expected}, found {}",
                self.context,
                other.type_str()
            ),
        };
        self.error(
            "invalid-type",
            value.span(),
            msg,
            format!("write it like: {}", self.assign(key, example)),
        );
    }

    pub fn required_str(&mut self, key: &str) -> Option<String> {
        let v = self.opt_str(key);
        if v.is_none() && self.get(key).is_none() {
            self.missing(key, "\"…\"");
        }
        v
    }

    pub fn missing(&mut self, key: &str, example: &str) {
        let msg = format!("{} is missing the required key `{key}`", self.context);
        let line = self.assign(key, example);
        // Front matter sits after its opening fence; a configuration file starts at 0.
        let help = if self.entry.is_some() {
            format!("add `{line}` to this entry")
        } else if self.offset > 0 {
            format!("add `{line}` to the front matter")
        } else if self.context.starts_with('[') {
            format!("add `{line}` under `{}` in {}", self.context, self.file)
        } else {
            format!("add `{line}` to {}", self.file)
        };
        // Point at the entry, else at the start of the table: there is no better place
        // for something absent.
        let at = match &self.entry {
            Some(span) => self.span(span.start..span.start),
            None => self.offset..self.offset,
        };
        self.diags.push(
            Diagnostic::error("missing-key", self.file, msg)
                .with_help(help)
                .at(self.source, at),
        );
    }

    pub fn opt_str(&mut self, key: &str) -> Option<String> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            _ => {
                self.type_error(key, v, "a string", "\"…\"");
                None
            }
        }
    }

    /// A string value together with its span, for values that are references and may need
    /// an error later (e.g. `parent`, `team`).
    pub fn opt_spanned_str(&mut self, key: &str) -> Option<(String, Range<usize>)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::String(s) => Some((s.to_string(), self.span(v.span()))),
            _ => {
                self.type_error(key, v, "a string", "\"…\"");
                None
            }
        }
    }

    pub fn opt_bool(&mut self, key: &str) -> Option<bool> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.type_error(key, v, "true or false", "false");
                None
            }
        }
    }

    pub fn opt_int(&mut self, key: &str) -> Option<i64> {
        self.opt_spanned_int(key).map(|(n, _)| n)
    }

    pub fn opt_spanned_int(&mut self, key: &str) -> Option<(i64, Range<usize>)> {
        let v = self.get(key)?;
        match int_value(v.get_ref()) {
            Some(n) => Some((n, self.span(v.span()))),
            None => {
                self.type_error(key, v, "an integer", "1");
                None
            }
        }
    }

    pub fn opt_date(&mut self, key: &str) -> Option<(Date, Range<usize>)> {
        let v = self.get(key)?;
        let span = self.span(v.span());
        match date_of(v.get_ref()) {
            DateRead::Date(date) => Some((date, span)),
            DateRead::Impossible(written) => {
                self.error(
                    "invalid-date",
                    v.span(),
                    format!("`{key}`: {written} is not a date in the calendar"),
                    "use a real date, e.g. 2026-03-14".into(),
                );
                None
            }
            DateRead::NotADate => {
                self.type_error(key, v, "a date", "2026-03-14");
                None
            }
        }
    }

    pub fn str_array(&mut self, key: &str) -> Vec<String> {
        self.spanned_str_array(key)
            .into_iter()
            .map(|(s, _)| s)
            .collect()
    }

    pub fn spanned_str_array(&mut self, key: &str) -> Vec<(String, Range<usize>)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(key, v, "an array of strings", "[\"…\", \"…\"]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push((s.to_string(), self.span(item.span()))),
                _ => self.type_error(key, item, "an array of strings", "[\"…\", \"…\"]"),
            }
        }
        out
    }

    /// People: a list of names, or one string of names separated by commas, as MADR's
    /// template writes `deciders: {list everyone involved in the decision}` and hands write
    /// `members: Ana Lima, Bo Chen` ([`Fields::spanned_list`]).
    pub fn names(&mut self, key: &str) -> Vec<String> {
        self.spanned_list(key).into_iter().map(|(s, _)| s).collect()
    }

    /// A list of strings, or one string standing for it: its items separated by commas
    /// (`owns: Search API`, `members: Ana Lima, Bo Chen`), blank ones dropped. The rule
    /// is the same for every list key that takes one string, so a string never means a
    /// list of one here and of several there. Each item with its span: within the string
    /// where it is written as read (no escapes), else the whole string's. Anything else
    /// than a string or a list of strings is the type error.
    pub fn spanned_list(&mut self, key: &str) -> Vec<(String, Range<usize>)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::String(s) = v.get_ref() else {
            return self.spanned_str_array(key);
        };
        let whole = self.span(v.span());
        let written = self.source.get(whole.clone()).unwrap_or("");
        // Each search starts after the last item found, and none runs after one fails
        // (an escaped item), so locating every item reads the value once.
        let mut from = Some(0);
        s.split(',')
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .map(|item| {
                let found = from.and_then(|at| Some(at + written.get(at..)?.find(item)?));
                from = found.map(|start| start + item.len());
                let span = found.map_or(whole.clone(), |start| {
                    whole.start + start..whole.start + start + item.len()
                });
                (item.to_string(), span)
            })
            .collect()
    }

    pub fn spanned_int_array(&mut self, key: &str) -> Vec<(i64, Range<usize>)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(key, v, "an array of numbers", "[3, 7]");
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match int_value(item.get_ref()) {
                Some(n) => out.push((n, self.span(item.span()))),
                None => self.type_error(key, item, "an array of numbers", "[3, 7]"),
            }
        }
        out
    }

    /// `key = [[2026-01-05, 182], [2026-02-02, 171.5]]`: dated numbers (a metric's
    /// history), each with its span. Every malformed pair is reported at its position.
    pub fn date_number_pairs(&mut self, key: &str) -> Vec<(Date, f64, Range<usize>)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let example = "[[2026-01-05, 182], [2026-02-02, 171.5]]";
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(key, v, "an array of [date, number] pairs", example);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            let pair = match item.get_ref() {
                DeValue::Array(p) if p.len() == 2 => {
                    let date = match date_of(p[0].get_ref()) {
                        DateRead::Date(d) => Some(d),
                        DateRead::Impossible(_) | DateRead::NotADate => None,
                    };
                    let value = match p[1].get_ref() {
                        DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
                        other => int_value(other).map(|n| n as f64),
                    };
                    date.zip(value.filter(|v| v.is_finite()))
                }
                _ => None,
            };
            match pair {
                Some((d, n)) => out.push((d, n, self.span(item.span()))),
                None => self.type_error(key, item, "an array of [date, number] pairs", example),
            }
        }
        out
    }

    pub fn opt_table(&mut self, key: &str) -> Option<&'t DeTable<'a>> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                let example = if self.yaml {
                    "followed by indented `name: value` lines".to_string()
                } else {
                    // A table inside `[ui_text]` is written `[ui_text.fr]`.
                    let section = match self
                        .context
                        .strip_prefix('[')
                        .and_then(|c| c.strip_suffix(']'))
                    {
                        Some(parent) if !parent.starts_with('[') => format!("[{parent}.{key}]"),
                        _ => format!("[{key}]"),
                    };
                    format!("{{ … }} or a {section} section")
                };
                self.type_error(key, v, "a table", &example);
                None
            }
        }
    }

    /// `[[key]]` arrays of tables.
    /// Each entry with its span (for [`Fields::entry`]).
    pub fn table_array(&mut self, key: &str) -> Vec<(&'t DeTable<'a>, Range<usize>)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        // "write it like: metrics = a [[metrics]] section" read oddly, and YAML has no
        // sections: say how each entry is written in the file's own syntax.
        let help = if self.yaml {
            format!(
                "write each entry of `{key}` as indented `key: value` lines, the first after `- `"
            )
        } else {
            format!("write each entry of `{key}` as a [[{key}]] section")
        };
        let DeValue::Array(items) = v.get_ref() else {
            let msg = format!(
                "`{key}` in {} must be a list of tables, found {}",
                self.context,
                v.get_ref().type_str()
            );
            self.error("invalid-type", v.span(), msg, help);
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, item.span())),
                other => {
                    let msg = format!(
                        "each entry of `{key}` in {} must be a table, found {}",
                        self.context,
                        other.type_str()
                    );
                    self.error("invalid-type", item.span(), msg, help.clone());
                }
            }
        }
        out
    }

    /// All entries of a table whose values must be strings (e.g. `[contact]`).
    pub fn string_map(&mut self) -> Vec<(String, String)> {
        self.spanned_string_map()
            .into_iter()
            .map(|(k, v, _)| (k, v))
            .collect()
    }

    /// [`Fields::string_map`], each value with its span in the whole file.
    pub fn spanned_string_map(&mut self) -> Vec<(String, String, Range<usize>)> {
        let mut out = Vec::new();
        for (k, v) in self.table.iter() {
            self.seen.insert(k.get_ref().to_string());
            match v.get_ref() {
                DeValue::String(s) => {
                    out.push((k.get_ref().to_string(), s.to_string(), self.span(v.span())))
                }
                _ => self.type_error(k.get_ref(), v, "a string", "\"…\""),
            }
        }
        out
    }

    /// The raw value of `key`, marked as read: for lenient readers (page keys written for
    /// other generators) that accept more than one shape.
    pub fn raw(&mut self, key: &str) -> Option<&'t Spanned<DeValue<'a>>> {
        self.get(key)
    }

    /// Reports every key that was not read as unknown, suggesting the nearest known key.
    pub fn finish(self, known: &[&str]) {
        self.finish_as(known, crate::diagnostic::Severity::Error);
    }

    /// Like [`Fields::finish`], but an unknown key that is no likely typo of a known one (no
    /// "did you mean") is a warning and ignored: a charter moved in from another
    /// generator's team page keeps that generator's keys (`bannerColor`, `heroImage`), which
    /// should not fail the build, while `membrs` still does.
    pub fn finish_typos_fail(self, known: &[&str]) {
        self.finish_with(known, None);
    }

    /// Like [`Fields::finish`], at the given severity: pages warn, charters fail.
    pub fn finish_as(self, known: &[&str], severity: crate::diagnostic::Severity) {
        self.finish_with(known, Some(severity));
    }

    /// Reports unknown keys at `severity`; `None`: an error when a known key is near, else
    /// a warning.
    fn finish_with(self, known: &[&str], severity: Option<crate::diagnostic::Severity>) {
        for (k, _) in self.table.iter() {
            let key = k.get_ref().as_ref();
            if self.seen.contains(key) {
                continue;
            }
            let near = nearest(key, known.iter().copied());
            let severity = severity.unwrap_or(match near {
                Some(_) => crate::diagnostic::Severity::Error,
                None => crate::diagnostic::Severity::Warning,
            });
            let help = match near {
                Some(s) => format!("did you mean `{s}`?"),
                None if self.context == "team charter" => format!(
                    "it is ignored; a charter's keys are: {} (other generators' page keys such as `title` and `sidebar_position` are accepted)",
                    known.join(", ")
                ),
                None => format!("known keys are: {}", known.join(", ")),
            };
            let span = k.span().start + self.offset..k.span().end + self.offset;
            let msg = format!("unknown key `{key}` in {}", self.context);
            let d = match severity {
                crate::diagnostic::Severity::Error => {
                    Diagnostic::error("unknown-key", self.file, msg)
                }
                _ => Diagnostic::warning("unknown-key", self.file, msg),
            };
            self.diags.push(d.with_help(help).at(self.source, span));
        }
    }
}

/// What a front-matter value says as a date.
#[derive(Debug, PartialEq)]
pub enum DateRead {
    Date(Date),
    /// Shaped like a date but not one in the calendar (`2026-02-30`), as written.
    Impossible(String),
    NotADate,
}

/// A value as a date. Files from other tools write dates quoted (`date: "2024-01-15"`,
/// Jekyll's and Hugo's front matter, Zola's `date = "…"`) and with a time
/// (`2024-01-15T10:00:00+01:00`, Jekyll's `2024-01-15 10:00:00 +0100`): each is read as
/// the day it names as written, without moving it to another time zone. Dates in words
/// (`Mar 14, 2026`) too, as pages moved in from other generators write them.
pub fn date_of(v: &DeValue<'_>) -> DateRead {
    match v {
        DeValue::Datetime(dt) => match dt.date {
            Some(d) => match Date::new(d.year as i16, d.month as i8, d.day as i8) {
                Ok(date) => DateRead::Date(date),
                Err(_) => DateRead::Impossible(d.to_string()),
            },
            None => DateRead::NotADate,
        },
        DeValue::String(s) => written_date(s.trim()),
        _ => DateRead::NotADate,
    }
}

/// A date written as text: `YYYY-MM-DD`, alone or followed by a time, or in words.
pub fn written_date(text: &str) -> DateRead {
    if let Some(day) = text
        .get(..10)
        .filter(|d| crate::diag_fix::looks_like_date(d))
    {
        let rest = &text[10..];
        // A time after the day (`T10:00`, ` 10:00:00 +0100`) or nothing; not `2026-03-14x`.
        let time_follows = rest.is_empty()
            || (rest.starts_with(['T', 't', ' '])
                && rest[1..].starts_with(|c: char| c.is_ascii_digit()));
        if !time_follows {
            return DateRead::NotADate;
        }
        return match day.parse::<Date>() {
            Ok(date) => DateRead::Date(date),
            Err(_) => DateRead::Impossible(day.to_string()),
        };
    }
    ["%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|format| Date::strptime(format, text).ok())
        .map_or(DateRead::NotADate, DateRead::Date)
}

fn int_value(v: &DeValue<'_>) -> Option<i64> {
    match v {
        DeValue::Integer(i) => {
            let digits = i.as_str().replace('_', "");
            let digits = digits
                .strip_prefix("0x")
                .or_else(|| digits.strip_prefix("0o"))
                .or_else(|| digits.strip_prefix("0b"))
                .unwrap_or(&digits);
            i64::from_str_radix(digits, i.radix()).ok()
        }
        _ => None,
    }
}
