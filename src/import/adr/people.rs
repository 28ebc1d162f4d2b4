//! Deciders and authors as records name them (lists, tables, GitHub links, e-mail addresses),
//! placeholders left out, and the month-and-year dates some templates write.

use super::*;

/// One name of a list of people as a record names them: `Ana Lima <ana@example.org>`,
/// `Jan Klop (@jklop)` and `Donny Peeters <@donnype>` are the person before the address or
/// handle. `None`, with a note, for what a template left unfilled (`<name>`, `@ approver`,
/// `Type /date`, `TBD`): no person, and no person page either.
pub(super) fn named_person(
    name: &str,
    role: &str,
    line: usize,
    notes: &mut Notes,
) -> Option<String> {
    let mut person = name.trim();
    if let Some(open) = person.rfind('<')
        && person.ends_with('>')
        && !person[..open].trim().is_empty()
    {
        person = person[..open].trim_end();
    }
    if let Some(open) = person.rfind('(')
        && person.ends_with(')')
        && person[open..].contains('@')
        && !person[..open].trim().is_empty()
    {
        person = person[..open].trim_end();
    }
    if is_person_placeholder(person) {
        notes.at(
            line,
            format!("{role} `{person}` looks like an unfilled template; left out"),
        );
        return None;
    }
    Some(person.to_owned())
}

/// A template's stand-in for a person: bracketed (`<name>`, `{owner}`, `[Name]`), an
/// empty mention (`@ approver`, as Confluence leaves an unfilled one), a slash command
/// (`Type /date`), or a word that names a role or nobody (`TBD`, `Owner`).
pub(super) fn is_person_placeholder(name: &str) -> bool {
    let name = name.trim();
    let wrapped = |open: char, close: char| name.starts_with(open) && name.ends_with(close);
    let lower = name.to_lowercase();
    name.is_empty()
        || wrapped('<', '>')
        || wrapped('{', '}')
        || wrapped('[', ']')
        || name == "@"
        || name.starts_with("@ ")
        || lower.starts_with("type /")
        || name.starts_with('/')
        || matches!(
            lower.as_str(),
            "tbd"
                | "tba"
                | "n/a"
                | "-"
                | "–"
                | "—"
                | "?"
                | "name"
                | "names"
                | "your name"
                | "author"
                | "authors"
                | "owner"
                | "approver"
                | "approvers"
                | "driver"
                | "decider"
                | "deciders"
        )
}

/// `Alice, Bob and Carol` → three names; a name written as a link is its text.
pub(super) fn split_people(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    for part in s.split([',', ';', '&']) {
        let mut rest = part;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (name, next) = match lower.find(" and ") {
                Some(i) => (&rest[..i], Some(&rest[i + 5..])),
                None => (rest, None),
            };
            let name = strip_emphasis(name.trim());
            // `[@ann](https://github.com/ann)`, `[Ann Lee](mailto:…)`: the person is the
            // link's text, as a bare `@ann` in the next record is.
            let name = if name.contains("](") {
                inline_text(name)
            } else {
                name.to_owned()
            };
            // `@Tomás Ferreira`: a mention by display name, as Confluence and Notion export
            // one, is the person a charter lists as `Tomás Ferreira`; `@ann`, a handle, is
            // kept as written.
            let name = match name.strip_prefix('@').map(str::trim) {
                Some(display) if display.contains(char::is_whitespace) => display.to_owned(),
                _ => name,
            };
            if !name.is_empty() {
                out.push(name);
            }
            match next {
                Some(n) => rest = n,
                None => break,
            }
        }
    }
    out
}

/// `March 2024`, `Mar 2024` → 2024-03-01.
pub(super) fn month_and_year(s: &str) -> Option<Date> {
    let mut words = s.split_whitespace();
    let (month, year) = (words.next()?, words.next()?);
    if words.next().is_some() || year.len() != 4 {
        return None;
    }
    let month = month.trim_end_matches([',', '.']).to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let m = MONTHS
        .iter()
        .position(|name| month.len() >= 3 && name.starts_with(&month))?;
    Date::new(year.parse().ok()?, i8::try_from(m + 1).ok()?, 1).ok()
}
