//! Y-statements: a decision written as one sentence, "In the context of <use case>, facing
//! <concern>, we decided for <option> and neglected <other options>, to achieve <quality>,
//! accepting <downside>, because <rationale>." (Zdun et al.'s template, which records and
//! decision logs use in place of sections or beside them).
//!
//! This module owns reading such a sentence into its parts ([`parse`]) and writing the
//! sections a reader of the imported record looks for ([`sections`]); `adr.rs` and
//! `log.rs` decide where a record has one. The sentence itself always stays as written.
//!
//! Written by hand, the template bends: its parts in bold or italics
//! (`In the context of **the mobile app**`), wrapped over lines, `;` for `,`, "we decided
//! to use X" for "we decided for X", "I decided", "we chose", "neglecting", "to make sure
//! that" for "to achieve", "I accept that" for "accepting", and any part but the decision
//! left out.

/// The parts of a Y-statement, as written but for emphasis markers and spacing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct YStatement {
    pub context: String,
    pub concern: Option<String>,
    /// What was decided: the option ("Supabase") or the action ("use viewBinding").
    pub decision: String,
    /// Whether the decision is an action ("we decided to …") rather than an option.
    pub action: bool,
    pub neglected: Vec<String>,
    pub quality: Option<String>,
    pub downside: Option<String>,
    pub rationale: Option<String>,
}

impl YStatement {
    /// A title for a record that has no other: the decision, as a statement of it
    /// ("Use viewBinding"; "Choose Supabase" for a decision for an option).
    pub fn title(&self) -> String {
        let decision = self.decision.trim_end_matches(['.', ',', ';', ':']);
        if self.action {
            let mut c = decision.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        } else {
            format!("Choose {decision}")
        }
    }
}

/// The Y-statement `text` (a paragraph, its lines joined) is, if it is one: it opens with
/// "In the context of" (after emphasis, a quote's `>` or a short label such as `TL;DR:`)
/// and says what was decided. One pass over the text: each marker is looked for after the
/// one before.
pub(crate) fn parse(text: &str) -> Option<YStatement> {
    let plain = plain(text);
    let lower = plain.to_lowercase();
    // `to_lowercase` may change a character's length (`İ`): offsets of one are not the
    // other's then, and such a text is left as prose.
    if lower.len() != plain.len() {
        return None;
    }
    let start = lower.find("in the context of ")?;
    // A short label before it (`TL;DR:`, `Y-statement:`), nothing more.
    if start > 24 || (start > 0 && !lower[..start].trim_end().ends_with(':')) {
        return None;
    }
    let mut at = start + "in the context of ".len();
    // Each marker after the previous part, the first of its spellings found (the longest
    // of those starting there: "to make sure that" over "to make sure").
    let next = |spellings: &[&str], from: usize| -> Option<(usize, usize)> {
        spellings
            .iter()
            .filter_map(|s| {
                lower[from..]
                    .find(s)
                    .map(|k| (from + k, from + k + s.len()))
            })
            .min_by_key(|&(start, end)| (start, std::cmp::Reverse(end)))
    };
    let facing = next(&[" facing ", ",facing ", ";facing "], at);
    let decided = next(
        &[
            " we decided for ",
            " we decided on ",
            " we decided to ",
            " we have decided for ",
            " we have decided to ",
            " we've decided to ",
            " we chose ",
            " we choose ",
            " we opted for ",
            " i decided for ",
            " i decided to ",
            " decided for ",
            " decided to ",
        ],
        facing.map_or(at, |f| f.1),
    )?;
    let context_end = facing.map_or(decided.0, |f| f.0);
    let context = part(&plain[at..context_end]);
    let concern = facing.map(|f| {
        let c = part(&plain[f.1..decided.0]);
        strip_ci(&c, "the concern of ")
            .or_else(|| strip_ci(&c, "the concern that "))
            .or_else(|| strip_ci(&c, "the concern "))
            .map(str::to_owned)
            .unwrap_or(c)
    });
    let action = lower[decided.0..decided.1].ends_with(" to ");
    at = decided.1;
    let neglected_at = next(
        &[
            " and neglected ",
            ", neglecting ",
            " neglecting ",
            " and not ",
        ],
        at,
    );
    let quality_at = next(
        &[
            " in order to achieve ",
            " to achieve ",
            " to make sure that ",
            " to make sure ",
            " to ensure ",
        ],
        neglected_at.map_or(at, |n| n.1),
    );
    let after_quality = quality_at.or(neglected_at).map_or(at, |q| q.1);
    let downside_at = next(
        &[
            " accepting that ",
            " accepting ",
            " i accept that ",
            " we accept that ",
        ],
        after_quality,
    );
    let rationale_at = next(
        &[" because of ", " because "],
        downside_at.map_or(after_quality, |d| d.1),
    );
    // Each part runs to the next marker found.
    let ends = |from: usize| {
        [neglected_at, quality_at, downside_at, rationale_at]
            .into_iter()
            .flatten()
            .map(|m| m.0)
            .filter(|&m| m >= from)
            .min()
            .unwrap_or(plain.len())
    };
    let decision = part(&plain[decided.1..ends(decided.1)]);
    if context.is_empty() || decision.is_empty() {
        return None;
    }
    let text_of = |m: Option<(usize, usize)>| {
        m.map(|(_, from)| part(&plain[from..ends(from)]))
            .filter(|p| !p.is_empty())
    };
    let neglected = text_of(neglected_at)
        .map(|n| options(&n))
        .unwrap_or_default();
    Some(YStatement {
        context,
        concern: concern.filter(|c| !c.is_empty()),
        decision,
        action,
        neglected,
        quality: text_of(quality_at),
        downside: text_of(downside_at),
        rationale: text_of(rationale_at),
    })
}

/// `text` without emphasis markers (`**`, `__`, a `*` or `_` at a word's edge), a quote's
/// `>`, and with one space for each run of spaces and line breaks.
fn plain(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let edge = |k: Option<&char>| k.is_none_or(|k| !k.is_alphanumeric());
        let marker = (c == '*' || c == '_')
            && (c == '*'
                || edge(i.checked_sub(1).and_then(|p| chars.get(p)))
                || edge(chars.get(i + 1)));
        if marker || (c == '>' && out.trim().is_empty()) {
            continue;
        }
        if c.is_whitespace() {
            if !out.ends_with(' ') && !out.is_empty() {
                out.push(' ');
            }
            continue;
        }
        out.push(c);
    }
    out.trim_end().to_owned()
}

/// A part as a reader reads it alone: no separating punctuation or spaces at its ends.
fn part(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.' | ':'))
        .to_owned()
}

fn strip_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    s.get(..prefix.len())
        .filter(|h| h.eq_ignore_ascii_case(prefix))
        .map(|_| &s[prefix.len()..])
}

/// The neglected options, one each: "Appwrite and Firebase", "A, B, or C".
fn options(s: &str) -> Vec<String> {
    s.split([',', ';'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" or "))
        .map(|p| part(p.trim_start_matches("and ").trim_start_matches("or ")))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Which sections a record already has (by their headings' names), so that a part goes
/// where the record has no section of its own for it.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Has {
    pub context: bool,
    pub decision: bool,
    pub options: bool,
    pub consequences: bool,
}

impl Has {
    /// What the headings of `body` (outside fenced code) name: ATX (`## Context`) and
    /// setext (`Context` over a line of `-` or `=`).
    pub fn of(body: &str) -> Self {
        let mut has = Has::default();
        let mut fence: Option<&str> = None;
        let mut previous = "";
        for line in body.lines() {
            let before = std::mem::replace(&mut previous, line);
            let underline = line.trim();
            if fence.is_none()
                && !underline.is_empty()
                && (underline.bytes().all(|b| b == b'-') || underline.bytes().all(|b| b == b'='))
                && !before.trim().is_empty()
            {
                has.name(before.trim());
                continue;
            }
            let t = line.trim_start();
            if let Some(f) = fence {
                if t.starts_with(f) {
                    fence = None;
                }
                continue;
            }
            if t.starts_with("```") {
                fence = Some("```");
                continue;
            }
            if t.starts_with("~~~") {
                fence = Some("~~~");
                continue;
            }
            let Some(name) = t
                .strip_prefix('#')
                .map(|h| h.trim_start_matches('#').trim())
            else {
                continue;
            };
            has.name(name);
        }
        has
    }

    /// A section named `name` is there.
    fn name(&mut self, name: &str) {
        let name = name.to_lowercase();
        self.context |= name.starts_with("context");
        self.decision |= name.starts_with("decision");
        self.options |= name.contains("option") || name.contains("alternative");
        self.consequences |= name.starts_with("consequence");
    }
}

/// The sections a record without its own gets from its Y-statement `y` (headed at
/// `level`), in the recommended order: Context (the use case and the concern), Decision
/// (the option, and why), Considered options (the chosen and the neglected ones),
/// Consequences (the quality achieved, the downside accepted). Empty when the record has
/// a section for every part.
pub(crate) fn sections(y: &YStatement, has: Has, level: usize) -> String {
    let h = "#".repeat(level);
    let mut out = Vec::new();
    if !has.context {
        let mut context = format!("In the context of {}", y.context);
        if let Some(c) = &y.concern {
            context.push_str(&format!(", facing {c}"));
        }
        out.push(format!("{h} Context\n\n{context}.\n"));
    }
    if !has.decision {
        let mut decision = if y.action {
            format!("We decided to {}", y.decision)
        } else {
            format!("We decided for {}", y.decision)
        };
        if let Some(r) = &y.rationale {
            decision.push_str(&format!(", because {r}"));
        }
        out.push(format!("{h} Decision\n\n{decision}.\n"));
    }
    if !has.options && !y.neglected.is_empty() {
        let mut list = format!("{h} Considered options\n\n- {} (chosen)\n", y.decision);
        for n in &y.neglected {
            list.push_str(&format!("- {n}\n"));
        }
        out.push(list);
    }
    if !has.consequences && (y.quality.is_some() || y.downside.is_some()) {
        let mut list = format!("{h} Consequences\n\n");
        if let Some(q) = &y.quality {
            list.push_str(&format!("- Good: {q}\n"));
        }
        if let Some(d) = &y.downside {
            list.push_str(&format!("- Bad, accepted: {d}\n"));
        }
        out.push(list);
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_as_written_is_read_part_by_part() {
        let y = parse("In the context of **R8 Definitions, Implementing Rules and Decision Tree must be updatable**, facing the concern that we need a backend we decided\nfor Supabase and neglected Appwrite, to make sure that the definitions can be updated without updating the app, accepting that they are paused\nafter 1 week of inactivity, because of a lack of documentation regarding Flutter and Appwrite.").unwrap();
        assert_eq!(
            y.context,
            "R8 Definitions, Implementing Rules and Decision Tree must be updatable"
        );
        assert_eq!(y.concern.as_deref(), Some("we need a backend"));
        assert_eq!(y.decision, "Supabase");
        assert!(!y.action);
        assert_eq!(y.neglected, ["Appwrite"]);
        assert_eq!(
            y.quality.as_deref(),
            Some("the definitions can be updated without updating the app")
        );
        assert_eq!(
            y.downside.as_deref(),
            Some("they are paused after 1 week of inactivity")
        );
        assert_eq!(
            y.rationale.as_deref(),
            Some("a lack of documentation regarding Flutter and Appwrite")
        );
        assert_eq!(y.title(), "Choose Supabase");
    }

    #[test]
    fn decided_to_semicolons_and_missing_parts() {
        let y = parse("In the context of view and state binding, facing the concern of increased build times; we decided to use viewBinding and neglected dataBinding to achieve shortened build times").unwrap();
        assert_eq!(y.context, "view and state binding");
        assert_eq!(y.concern.as_deref(), Some("increased build times"));
        assert_eq!(y.decision, "use viewBinding");
        assert!(y.action);
        assert_eq!(y.neglected, ["dataBinding"]);
        assert_eq!(y.quality.as_deref(), Some("shortened build times"));
        assert_eq!(y.downside, None);
        assert_eq!(y.title(), "Use viewBinding");
        // Only the context and the decision.
        let y = parse("_In the context of_ the nightly jobs, we decided for *cron*.").unwrap();
        assert_eq!(
            (y.context.as_str(), y.decision.as_str()),
            ("the nightly jobs", "cron")
        );
        assert_eq!(y.concern, None);
        assert!(y.neglected.is_empty());
    }

    #[test]
    fn prose_that_only_mentions_a_context_is_no_statement() {
        for text in [
            "We met in the context of the offsite and decided for nothing.",
            "In the context of the migration, facing a deadline, nothing was decided.",
            "In the context of , we decided for .",
        ] {
            assert_eq!(parse(text), None, "{text}");
        }
        assert!(parse("TL;DR: In the context of a, we decided for b").is_some());
    }

    #[test]
    fn sections_go_where_the_record_has_none() {
        let y = parse("In the context of the API, facing slow clients, we decided for gRPC and neglected REST and GraphQL, to achieve speed, accepting a harder debugging story.").unwrap();
        let all = sections(&y, Has::default(), 2);
        assert!(
            all.contains("## Context\n\nIn the context of the API, facing slow clients.\n"),
            "{all}"
        );
        assert!(
            all.contains("## Decision\n\nWe decided for gRPC.\n"),
            "{all}"
        );
        assert!(
            all.contains("## Considered options\n\n- gRPC (chosen)\n- REST\n- GraphQL\n"),
            "{all}"
        );
        assert!(
            all.contains(
                "## Consequences\n\n- Good: speed\n- Bad, accepted: a harder debugging story\n"
            ),
            "{all}"
        );
        let has = Has::of("## Context\n\nx\n\n```\n# Decision\n```\n## Decision Outcome\n");
        assert!(has.context && has.decision && !has.options && !has.consequences);
        let setext = Has::of("Text.\n\nConsequences\n------------\n\n- None.\n");
        assert!(setext.consequences && !setext.context);
        let some = sections(&y, has, 2);
        assert!(
            !some.contains("## Context") && !some.contains("## Decision"),
            "{some}"
        );
    }

    #[test]
    fn a_long_paragraph_of_markers_is_read_in_one_pass() {
        let text = format!(
            "In the context of x, facing y, we decided for z{}",
            " and neglected a, to achieve b".repeat(20_000)
        );
        let (parsed, took) = crate::cpu_time::cpu_time_of(|| parse(&text));
        assert!(parsed.is_some());
        assert!(took < std::time::Duration::from_secs(2));
    }
}
