//! The calendar of decision revisits, `revisits.ics`, published with every build: one
//! all-day event on each accepted decision's `revisit` date, so the people who own a
//! reversible decision can subscribe to the days it is due to be looked at again, in the
//! calendar they already read, instead of finding it overdue on the health page.
//!
//! The file is iCalendar (RFC 5545), written here rather than with a calendar crate: it
//! publishes one shape of event, and the format's traps are few and each is tested here
//! (lines end in CRLF, lines longer than 75 octets fold without splitting a character,
//! `\`, `;`, `,` and line breaks in text are escaped). Everything in it comes from the
//! handbook, the timestamps included (a decision's dates at midnight UTC), so the same
//! handbook always gives byte-identical files. The test suite reads it back with an
//! independent parser.

use crate::link::Handbook;
use crate::model::{Decision, Status};
use jiff::civil::Date;

/// Where the file goes in the built site.
pub const PATH: &str = "revisits.ics";

/// The file carries the latest revisits only: a calendar client downloads all of it at
/// every refresh, and a bulk import can date thousands of records. About 300 bytes each.
pub const MAX_EVENTS: usize = 1000;

/// The calendar: the accepted decisions with a `revisit` date, the latest
/// [`MAX_EVENTS`], in date order (ties by number).
pub fn calendar(hb: &Handbook) -> String {
    let mut due: Vec<(&str, &Decision, Date)> = hb
        .decisions
        .keys()
        .filter_map(|&n| hb.decision(n))
        .filter(|(_, d)| d.status == Status::Accepted)
        .filter_map(|(doc, d)| d.revisit.map(|r| (doc.url.as_str(), d, r)))
        .collect();
    due.sort_by_key(|&(_, d, r)| (r, d.number));
    let skip = due.len().saturating_sub(MAX_EVENTS);

    let base = hb
        .config
        .base_url
        .as_deref()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .map(|u| u.trim_end_matches('/'));
    // A UID must be unique across every calendar a client holds: the site's host names
    // this handbook when it has one.
    let domain = base
        .and_then(|b| b.split("://").nth(1))
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .map_or_else(
            || format!("{}.orgbook", crate::text::slug(&hb.config.title)),
            str::to_owned,
        );

    let mut out = Ical::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line("PRODID:-//orgbook//Decision revisits//EN");
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.text(
        "X-WR-CALNAME",
        &format!("{}: decision revisits", hb.config.title),
    );
    for &(url, d, revisit) in &due[skip..] {
        let team = hb
            .team(&d.team.value)
            .map_or(d.team.value.as_str(), |(_, c)| c.name.as_str());
        out.line("BEGIN:VEVENT");
        out.line(&format!("UID:decision-{}-revisit@{domain}", d.number));
        // When the event was made: when the decision was, not when the site was built.
        out.line(&format!(
            "DTSTAMP:{}T000000Z",
            compact(d.decided.unwrap_or(d.date))
        ));
        out.line(&format!("DTSTART;VALUE=DATE:{}", compact(revisit)));
        if let Ok(next) = revisit.tomorrow() {
            out.line(&format!("DTEND;VALUE=DATE:{}", compact(next)));
        }
        out.text(
            "SUMMARY",
            &format!("Revisit decision {}: {}", d.number, d.title),
        );
        let decided = d
            .decided
            .map(|on| format!(", decided {on}"))
            .unwrap_or_default();
        out.text(
            "DESCRIPTION",
            &format!(
                "{team} made this Type {} ({}) decision{decided}. Is it still right?",
                d.decision_type,
                d.decision_type.reversibility()
            ),
        );
        out.text("CATEGORIES", team);
        if let Some(base) = base {
            out.line(&format!("URL:{base}/{}", crate::text::encode_path(url)));
        }
        out.line("TRANSP:TRANSPARENT");
        out.line("END:VEVENT");
    }
    out.line("END:VCALENDAR");
    out.0
}

/// `20270401`, iCalendar's form of a date.
fn compact(d: Date) -> String {
    d.strftime("%Y%m%d").to_string()
}

/// The file being written: content lines, folded and ended as RFC 5545 asks.
#[derive(Default)]
struct Ical(String);

impl Ical {
    /// A text property: its value escaped.
    fn text(&mut self, name: &str, value: &str) {
        self.line(&format!("{name}:{}", escape_text(value)));
    }

    /// One content line, folded at 75 octets: a fold is CRLF and a space, and never
    /// splits a character.
    fn line(&mut self, line: &str) {
        let mut budget = 75;
        let mut used = 0;
        for c in line.chars() {
            if used + c.len_utf8() > budget {
                self.0.push_str("\r\n ");
                // The continuation's leading space counts towards its 75 octets.
                budget = 74;
                used = 0;
            }
            self.0.push(c);
            used += c.len_utf8();
        }
        self.0.push_str("\r\n");
    }
}

/// A TEXT value: backslash, semicolon and comma escaped, a line break as `\n`, other
/// control characters (which no TEXT may hold) left out.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_lines_fold_at_75_octets_between_characters() {
        assert_eq!(escape_text("a\\b; c, d\r\ne\tf"), "a\\\\b\\; c\\, d\\nef");
        let mut ical = Ical::default();
        let long = format!("SUMMARY:{}", "é".repeat(60));
        ical.line(&long);
        let lines: Vec<&str> = ical.0.split("\r\n").collect();
        assert_eq!(lines.last(), Some(&""), "ends in CRLF");
        for l in &lines {
            assert!(l.len() <= 75, "{} octets: {l:?}", l.len());
        }
        assert!(lines[1].starts_with(' '));
        let unfolded: String = ical.0.replace("\r\n ", "").trim_end().to_owned();
        assert_eq!(unfolded, long);
        assert_eq!(compact(jiff::civil::date(2027, 4, 1)), "20270401");
    }
}
