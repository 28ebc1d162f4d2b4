//! A record's title and number: from its first heading or its file name, without heading
//! attributes, series prefixes or draft markers; templates told apart by what the title says.

use super::*;

/// What a record's file name says: the date (log4brains' `YYYYMMDD-slug.md`) or number
/// (`0007-slug.md`) it starts with, and the words after them.
pub(super) struct FileName<'n> {
    pub(super) date: Option<(Date, &'n str)>,
    pub(super) number: Option<(u32, &'n str)>,
    pub(super) words: &'n str,
}

impl<'n> FileName<'n> {
    pub(super) fn of(name: &'n str) -> Self {
        let stem = strip_md_extension(name).unwrap_or(name);
        let date = stem_date(stem);
        let number = if date.is_some() {
            None
        } else {
            stem_number(stem)
        };
        let words = date.map_or_else(|| number.map_or(stem, |(_, rest)| rest), |(_, rest)| rest);
        FileName {
            date,
            number,
            words,
        }
    }

    /// A title made of the words of the name (`use-postgres` → "Use postgres").
    pub(super) fn title(&self) -> String {
        crate::scaffold::title_from_slug(&slugify(self.words))
    }
}

/// The record's title as found: its text and its line (1-based), and the heading it was
/// when it was one.
pub(super) struct Title<'t> {
    pub(super) raw: String,
    pub(super) line: usize,
    pub(super) heading: Option<Heading<'t>>,
}

/// A heading's text without the attribute block that closes it (`Title {#adr_0018}`, as
/// Wikibase's records give each its Doxygen anchor; Pandoc's and kramdown's `{: #id
/// .class}`): the block names the heading's anchor and classes, which the build reads as
/// such, so it is no part of the title. Braces that are not attributes (`Use {x}`) stay.
pub(super) fn without_heading_attributes(title: &str) -> &str {
    let trimmed = title.trim_end();
    let Some(inner) = trimmed.strip_suffix('}') else {
        return title;
    };
    let Some(open) = inner.rfind('{') else {
        return title;
    };
    let before = &inner[..open];
    let attrs = inner[open + 1..].trim_start_matches(':').trim();
    let is_attribute = |t: &str| {
        (t.len() > 1 && t.starts_with(['#', '.']))
            || t.split_once('=').is_some_and(|(k, _)| !k.is_empty())
    };
    if before.ends_with(char::is_whitespace)
        && !attrs.is_empty()
        && attrs.split_whitespace().all(is_attribute)
    {
        before.trim_end()
    } else {
        title
    }
}

/// The text of one line of inline Markdown, as a reader sees it.
pub(super) fn inline_text(title: &str) -> String {
    use pulldown_cmark::{Event, Parser};
    // A heading's text starting like a block (`1.`, `- `, `#`, `>`) would parse as a list,
    // heading or quote; escaping its first character keeps it text. Only then: an escaped
    // backtick would break a code span at the start.
    let digits = title.len() - title.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let block_like = title.starts_with(['#', '>', '='])
        || ["- ", "+ ", "* "].iter().any(|p| title.starts_with(p))
        || (digits > 0 && title[digits..].starts_with(['.', ')']));
    let escaped = if block_like {
        format!("\\{title}")
    } else {
        title.to_owned()
    };
    let mut out = String::new();
    for event in Parser::new(&escaped) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Why a file is an unfilled template rather than a record: recognised by what it
/// says (a placeholder title or status), never by its name, because a record titled
/// "Use handlebars templates" is a record.
pub(super) fn template_reason(raw_title: &str, file_numbered: bool, meta: &Meta) -> Option<String> {
    let title = raw_title.trim();
    if is_placeholder(title) {
        return Some(format!("its title `{title}` is a placeholder"));
    }
    // A record whose author left the template's `n.` in its title still has a number
    // in its file name (`0010-django-templates.md`); a template's file has none either
    // (`NNNN-kep-template/`).
    let (number, words) = title_number(title);
    if number == TitleNumber::Placeholder && !file_numbered {
        return Some(format!(
            "its title `{title}` has a placeholder number, and its file name no number"
        ));
    }
    let upper_words = ["NUMBER", "TITLE", "NNNN"];
    if upper_words.iter().any(|w| {
        words
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| t == *w)
    }) {
        return Some(format!("its title `{title}` is a placeholder"));
    }
    if meta.placeholder_status {
        return Some("its status is a list of choices to pick from".to_owned());
    }
    // A real record whose author forgot the date still has a status.
    if meta.placeholder_date && meta.status.is_empty() && meta.date.is_none() {
        return Some("its date is an unfilled template value".to_owned());
    }
    // `# 0. Template`, `# ADR template`: a record would say what it decides.
    let plain = plain_text(&split_title_number(title).1).to_lowercase();
    let words: Vec<&str> = plain.split_whitespace().collect();
    if let Some((last, before)) = words.split_last()
        && *last == "template"
        && before.iter().all(|w| {
            matches!(
                *w,
                "a" | "an"
                    | "the"
                    | "adr"
                    | "madr"
                    | "rfc"
                    | "decision"
                    | "record"
                    | "architecture"
                    | "architectural"
            )
        })
    {
        return Some(format!("its title `{title}` names a template"));
    }
    None
}

/// A title the template left as it was: `[short title of solved problem and solution]`
/// (MADR 2), `{short title …}` (MADR 3 and 4), `NUMBER. TITLE` (adr-tools), or the one
/// word a house template puts there (`# Subject`, `# Title`).
pub(super) fn is_placeholder_title(raw: &str) -> bool {
    let title = raw.trim();
    if is_placeholder(title) {
        return true;
    }
    let (number, words) = title_number(title);
    if number == TitleNumber::Placeholder && words.trim().is_empty() {
        return true;
    }
    if ["NUMBER", "TITLE", "NNNN"].iter().any(|w| {
        words
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|t| t == *w)
    }) {
        return true;
    }
    let plain = plain_text(&split_title_number(title).1).to_lowercase();
    matches!(
        plain.trim(),
        "title" | "subject" | "short title" | "decision title" | "adr title" | "record title"
    )
}

/// A heading that names a section of a record rather than the record: what an RFC or a
/// design document opens with when its title lives elsewhere.
pub(super) fn is_section_name(heading: &str) -> bool {
    let name = heading
        .trim_matches(|c: char| c == '*' || c == '_' || c == ':' || c.is_whitespace())
        .to_ascii_lowercase();
    matches!(
        name.as_str(),
        "summary"
            | "abstract"
            | "motivation"
            | "introduction"
            | "overview"
            | "background"
            | "context"
            | "context and problem statement"
            | "problem statement"
            | "tl;dr"
    )
}

/// `7. Use X` → (7, "Use X"); `ADR-007: Use X` → (7, "Use X"). Without an
/// `ADR` prefix the number needs `.`, `:`, `)` or ` - ` after it, so a title
/// like "2024 roadmap" keeps its number. A placeholder number (`n. Use X`,
/// `ADR-NNNN: Use X`) leaves the title as a real number does, without a number.
pub(super) fn split_title_number(title: &str) -> (Option<u32>, String) {
    match title_number(title) {
        (TitleNumber::Number(n), rest) => (Some(n), rest),
        (_, rest) => (None, rest),
    }
}

/// The title after a leading `n ` (the number `n` and a space), if it starts so.
pub(super) fn number_and_space(title: &str, n: u32) -> Option<&str> {
    let t = title.trim_start();
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number: u32 = t.get(..digits)?.parse().ok()?;
    let rest = t[digits..].strip_prefix(' ')?.trim_start();
    (number == n && !rest.is_empty()).then_some(rest)
}

/// What numbers a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TitleNumber {
    None,
    Number(u32),
    /// The template's `n.`, `NNNN.` or `XXXX.` that the author never replaced.
    Placeholder,
}

/// [`split_title_number`], telling a placeholder number from no number: a template
/// names its number so, and a real record with a left-over `n.` is told apart by its
/// file name's number.
pub(super) fn title_number(title: &str) -> (TitleNumber, String) {
    let t = title.trim();
    // `ADR-7`, and the other series records are numbered in: Kubernetes' `KEP-3960:`,
    // `RFC 430:`, Swift Evolution's `SE-0001:`, `PEP 8:`, Oxide's `RFD 0005:`, a decision
    // record's `DR 5:` (VA.gov's teams number theirs so). Only `ADR`
    // and `RFD` may be followed by a bare space ("ADR 7 Use X", Oxide's "RFD 12 Host OS
    // update policy"): "RFC 2119 keywords" is a title, not RFC 2119.
    let (after_prefix, has_prefix, strict) = ["adr", "kep", "rfc", "rfd", "se", "pep", "dr"]
        .iter()
        .find_map(|p| {
            let r = strip_prefix_ci(t, p)?.trim_start_matches(['-', '_', ' ', '#']);
            (r.starts_with(|c: char| c.is_ascii_digit())
                || placeholder_number(r, *p == "adr").is_some())
            .then_some((r, true, !matches!(*p, "adr" | "rfd")))
        })
        .unwrap_or((t, false, false));
    let digits = after_prefix.len()
        - after_prefix
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .len();
    if digits == 0 {
        return match placeholder_number(after_prefix, has_prefix && !strict) {
            Some(rest) if !rest.is_empty() => (TitleNumber::Placeholder, rest.to_owned()),
            Some(_) => (TitleNumber::Placeholder, t.to_owned()),
            None => (TitleNumber::None, t.to_owned()),
        };
    }
    let rest = &after_prefix[digits..];
    // `RFC 531 WIP: Use X`: a draft marker between a series number and the title is the
    // record's state, not its title's first word.
    let rest = match draft_marker(rest) {
        Some(colon) if has_prefix => colon,
        _ => rest,
    };
    let separated = if strict {
        rest.is_empty()
            || rest.starts_with(['.', ':', ')'])
            || [" - ", " – ", " — "].iter().any(|s| rest.starts_with(s))
    } else if has_prefix {
        rest.is_empty() || rest.starts_with([' ', '.', ':', ')', '-', '–', '—'])
    } else {
        rest.starts_with(['.', ':', ')']) || rest.starts_with(" - ") || rest.starts_with(" – ")
    };
    let Ok(number) = after_prefix[..digits].parse() else {
        return (TitleNumber::None, t.to_owned());
    };
    if !separated {
        return (TitleNumber::None, t.to_owned());
    }
    let rest = trim_number_separator(rest);
    if rest.is_empty() {
        // "# ADR-007" alone: the number is all there is, keep it as the title.
        return (TitleNumber::Number(number), t.to_owned());
    }
    (TitleNumber::Number(number), rest.to_owned())
}

/// `rest` from its colon when it is ` WIP:` or ` Draft:` (any case) and a colon.
pub(super) fn draft_marker(rest: &str) -> Option<&str> {
    let word = rest.strip_prefix(' ')?;
    ["wip", "draft"].iter().find_map(|w| {
        let after = strip_prefix_ci(word, w)?;
        after.starts_with(':').then_some(after)
    })
}

pub(super) fn trim_number_separator(rest: &str) -> &str {
    rest.trim_start_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ':' | ')' | '-' | '–' | '—')
    })
}

/// The title after a placeholder number at its start (`n. Use X`, `NNNN: Use X`,
/// `XXXX - Use X`), or `None` when it starts otherwise. `after_adr` allows what may
/// follow `ADR-7` (a bare space); otherwise one letter needs `. ` after it ("X: the
/// platform" is a name), and more letters `.`, `:` or ` - `.
pub(super) fn placeholder_number(s: &str, after_adr: bool) -> Option<&str> {
    let first = s
        .chars()
        .next()
        .filter(|c| matches!(c, 'n' | 'N' | 'x' | 'X'))?;
    let len = s.len() - s.trim_start_matches(first).len();
    let rest = &s[len..];
    let separated = if after_adr {
        rest.is_empty() || rest.starts_with([' ', '.', ':', ')', '-', '–', '—'])
    } else if len == 1 {
        rest.starts_with(". ")
    } else {
        rest.starts_with(['.', ':']) || rest.starts_with(" - ") || rest.starts_with(" – ")
    };
    (len <= 8 && separated).then(|| trim_number_separator(rest))
}
