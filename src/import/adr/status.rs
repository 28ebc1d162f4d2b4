//! Status words and the relations written beside them (`Superseded by [9. …](0009-….md)`,
//! MADR's `superseded by ADR-0012`), in English and in MADR's translations, and the prose a
//! status paragraph goes on with.

use super::*;

/// Where the author's prose starts in a status paragraph that opens with its status
/// (`Proposed 2026-09-24, prototype. Behind a flag until …`, `**Proposed.** The founder
/// decided …`): the byte of the first clause or sentence that is not a status word (with
/// only a date or a release after it), a relation or a relation's continuation, when one
/// such came first. `None` when nothing comes first or nothing follows: the paragraph is
/// read as a whole, as [`Meta::status_text`] reads it.
pub(super) fn status_prose_start(text: &str) -> Option<usize> {
    let mut read = false;
    let mut after_relation = false;
    for sentence in sentences(text) {
        for clause in split_top_level(sentence) {
            let at = clause.as_ptr() as usize - text.as_ptr() as usize;
            if clause.trim().is_empty() {
                continue;
            }
            match status_clause(clause, after_relation) {
                Some(relation) => {
                    read = true;
                    after_relation = relation;
                }
                None => {
                    return read.then(|| at + (clause.len() - clause.trim_start().len()));
                }
            }
        }
    }
    None
}

/// Whether every clause of every sentence of `text` says the status as [`status_clause`]
/// reads it: a history (`Accepted 2026-08-05. Proposed 2026-06-23.`), read a sentence a step.
pub(super) fn all_status_clauses(text: &str) -> bool {
    let mut after_relation = false;
    for sentence in sentences(text) {
        for clause in split_top_level(sentence) {
            if clause.trim().is_empty() {
                continue;
            }
            match status_clause(clause, after_relation) {
                Some(relation) => after_relation = relation,
                None => return false,
            }
        }
    }
    true
}

/// The sentences of `text`: each ends at `.`, `!` or `?` (and the emphasis closing over
/// it, `**Proposed.**`) before a space, outside brackets, parentheses and code.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let (mut out, mut start, mut depth, mut code) = (Vec::new(), 0, 0i32, false);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => code = !code,
            b'[' | b'(' if !code => depth += 1,
            b']' | b')' if !code => depth -= 1,
            b'.' | b'!' | b'?' if !code && depth <= 0 => {
                let mut j = i + 1;
                while j < bytes.len() && matches!(bytes[j], b'*' | b'_') {
                    j += 1;
                }
                if j == bytes.len() || bytes[j].is_ascii_whitespace() {
                    out.push(&text[start..j]);
                    start = j;
                    i = j;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// Whether one clause of a status paragraph says the status as [`Meta::status_text`]
/// reads it cleanly: `Some(true)` for a relation (or its list going on), `Some(false)`
/// for a status word with nothing after it but a date or a release, or a status in bold
/// before its evidence; `None` for anything else.
pub(super) fn status_clause(written: &str, after_relation: bool) -> Option<bool> {
    let written = written
        .trim()
        .trim_start_matches(|c: char| !c.is_ascii() && !c.is_alphanumeric())
        .trim();
    let part = match bold_lead(written) {
        Some((_, rest)) if rest.starts_with(['(', '[']) => return Some(false),
        _ => strip_emphasis(written),
    };
    let part = part.trim_end_matches('.').trim();
    if other_relation(part).is_some() || relation_prefix(part).is_some() {
        return Some(true);
    }
    if after_relation && is_continuation(part) {
        return Some(true);
    }
    let lower = part.to_ascii_lowercase();
    let (_, len) = status_word(&lower)?;
    let rest = after_status_word(&part[len..]);
    (rest.is_empty() || parse_date(rest).is_some() || is_release_qualifier(rest)).then_some(false)
}

/// What follows a status word (`Accepted: on 2026-03-01`): its separators and a leading
/// `on`, `since` or `in` left out, so a date or qualifier stands alone.
pub(super) fn after_status_word(rest: &str) -> &str {
    let rest = rest.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ':' | '-' | '–' | '—' | '(' | ')' | ',')
    });
    ["on ", "since ", "in "]
        .iter()
        .find_map(|p| strip_prefix_ci(rest, p))
        .unwrap_or(rest)
}

/// `**Implemented** (links)` → ("Implemented", "(links)"): a status in bold with more
/// after it.
pub(super) fn bold_lead(s: &str) -> Option<(&str, &str)> {
    let mark = ["**", "__"].into_iter().find(|m| s.starts_with(m))?;
    let inner = &s[2..];
    let end = inner.find(mark)?;
    Some((inner[..end].trim(), inner[end + 2..].trim()))
}

/// What follows a status word to say in which release or review period, not a sentence
/// of the author's: a few words with a number (`Swift 5.1`, `Kotlin 1.1`, `2.2`,
/// `May 15...May 29, 2024`).
pub(super) fn is_release_qualifier(rest: &str) -> bool {
    rest.contains(|c: char| c.is_ascii_digit()) && rest.split_whitespace().count() <= 4
}

/// A status that offers its choices rather than making one: `proposed | accepted`,
/// `[proposed, accepted, rejected]`, as templates write it.
pub(super) fn is_choice_list(s: &str) -> bool {
    let s = s.trim();
    if s.contains('|') {
        return true;
    }
    let inside = match (s.chars().next(), s.chars().last()) {
        (Some('['), Some(']')) | (Some('{'), Some('}')) if s.len() >= 2 => &s[1..s.len() - 1],
        _ => return false,
    };
    let lower = inside.to_lowercase();
    lower
        .split([',', '/'])
        .flat_map(|part| part.split(" or "))
        .filter(|part| {
            let part = part.trim();
            status_word(part).is_some_and(|(_, len)| len == part.len())
        })
        .count()
        >= 2
}

pub(super) fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// "Supersedes …" / "Superseded by …", in the spellings adr-tools and people
/// have used ("Superceded" was adr-tools' own for years).
pub(super) fn relation_prefix(s: &str) -> Option<(Relation, &str)> {
    const BY: [&str; 8] = [
        "superseded by",
        "superceded by",
        "superseeded by",
        "replaced by",
        "remplacé par",
        "ersetzt durch",
        "reemplazado por",
        "substituído por",
    ];
    const OF: [&str; 4] = ["supersedes", "supercedes", "superseeds", "replaces"];
    for p in BY {
        if let Some(rest) = strip_prefix_ci(s, p) {
            return Some((Relation::SupersededBy, rest.trim_start_matches(':')));
        }
    }
    for p in OF {
        if let Some(rest) = strip_prefix_ci(s, p)
            && rest.starts_with([' ', ':', '['])
        {
            return Some((Relation::Supersedes, rest.trim_start_matches(':')));
        }
    }
    None
}

pub(super) fn is_continuation(s: &str) -> bool {
    s.starts_with(['[', '#'])
        || s.starts_with(|c: char| c.is_ascii_digit())
        || strip_prefix_ci(s, "and ").is_some()
        || strip_prefix_ci(s, "adr").is_some()
}

/// Maps a status phrase at the start of `lower` to orgbook's word; returns
/// the phrase's length too. Synonyms seen in real records map to the nearest
/// orgbook status, and the caller reports that it did so.
pub(super) fn status_word(lower: &str) -> Option<(&'static str, usize)> {
    STATUS_WORDS
        .iter()
        .chain(TRANSLATED_STATUS_WORDS)
        .chain(PROCESS_STATUS_WORDS)
        .filter(|(phrase, _)| {
            lower.starts_with(phrase)
                && !lower[phrase.len()..].starts_with(|c: char| c.is_alphanumeric())
        })
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|&(phrase, status)| (status, phrase.len()))
}

/// Status words and their synonyms in the formats' and tools' English → orgbook's status.
pub(super) const STATUS_WORDS: &[(&str, &str)] = &[
    ("proposed", "proposed"),
    ("accepted", "accepted"),
    ("rejected", "rejected"),
    ("deprecated", "deprecated"),
    ("superseded", "superseded"),
    ("superceded", "superseded"),
    ("superseeded", "superseded"),
    ("draft", "proposed"),
    ("pending", "proposed"),
    ("in review", "proposed"),
    ("under review", "proposed"),
    ("in progress", "proposed"),
    ("open", "proposed"),
    ("rfc", "proposed"),
    ("wip", "proposed"),
    // Ember's RFC stages.
    ("exploring", "proposed"),
    ("ready-for-release", "accepted"),
    ("released", "accepted"),
    ("recommended", "accepted"),
    ("discontinued", "deprecated"),
    // Kubernetes' KEP statuses.
    ("provisional", "proposed"),
    ("implementable", "accepted"),
    ("deferred", "proposed"),
    ("replaced", "deprecated"),
    ("approved", "accepted"),
    ("agreed", "accepted"),
    ("adopted", "accepted"),
    ("decided", "accepted"),
    ("implemented", "accepted"),
    ("done", "accepted"),
    ("declined", "rejected"),
    ("refused", "rejected"),
    ("withdrawn", "rejected"),
    ("abandoned", "rejected"),
    ("obsolete", "deprecated"),
    ("retired", "deprecated"),
    // A decision log's row for a decision taken and then undone: no longer in force.
    ("reverted", "deprecated"),
    ("rolled back", "deprecated"),
    ("deprecated by", "deprecated"),
];

/// The stages of open projects' proposal processes, each documented by its process and
/// mapped as docs/import.md's table says, so they are not noted record by record as a
/// synonym is: a proposal still under discussion is proposed, one that shipped (even as
/// experimental) accepted, one given up rejected.
pub(super) const PROCESS_STATUS_WORDS: &[(&str, &str)] = &[
    // Ethereum's EIPs and ERCs (EIP-1). Stagnant is a draft nobody moved for six months:
    // still undecided, so the health page lists it as stalled. Living (EIP-1 itself) is
    // in force and kept up to date. Withdrawn is in STATUS_WORDS.
    ("final", "accepted"),
    ("living", "accepted"),
    ("last call", "proposed"),
    ("review", "proposed"),
    ("stagnant", "proposed"),
    // Swift Evolution's review states; Previewing is accepted and shipped in a preview
    // package. Its Implemented, Accepted, Rejected, Withdrawn and Deferred are in STATUS_WORDS.
    ("accepted with revisions", "accepted"),
    ("previewing", "accepted"),
    ("awaiting review", "proposed"),
    ("awaiting implementation", "proposed"),
    ("scheduled for review", "proposed"),
    ("active review", "proposed"),
    ("returned for revision", "proposed"),
    // Kotlin's KEEP: a feature is Experimental, then Beta, then Stable in a release.
    ("stable", "accepted"),
    ("experimental", "accepted"),
    ("beta", "accepted"),
    ("public discussion", "proposed"),
    ("submitted", "proposed"),
    ("prototype implemented", "proposed"),
    // Atlassian's DACI template: its status lozenge, NOT STARTED, IN PROGRESS or
    // COMPLETE (decided; its Outcome row says what was chosen). In progress is in
    // STATUS_WORDS.
    ("not started", "proposed"),
    ("complete", "accepted"),
    ("completed", "accepted"),
    // Oxide's RFD states: an idea and its discussion are proposed; published (the
    // discussion converged) and committed (implemented) are decided. Abandoned is in
    // STATUS_WORDS.
    ("prediscussion", "proposed"),
    ("ideation", "proposed"),
    ("discussion", "proposed"),
    ("published", "accepted"),
    ("committed", "accepted"),
];

/// Whether `phrase` (lowercase) is a stage of a proposal process, mapped without a note.
pub(super) fn is_process_word(phrase: &str) -> bool {
    PROCESS_STATUS_WORDS.iter().any(|(p, _)| *p == phrase)
}

/// The same in the languages MADR is translated into and organisations write records in.
pub(super) const TRANSLATED_STATUS_WORDS: &[(&str, &str)] = &[
    ("proposé", "proposed"),
    ("proposée", "proposed"),
    ("brouillon", "proposed"),
    ("en cours", "proposed"),
    ("accepté", "accepted"),
    ("acceptée", "accepted"),
    ("adopté", "accepted"),
    ("validé", "accepted"),
    ("rejeté", "rejected"),
    ("rejetée", "rejected"),
    ("refusé", "rejected"),
    ("déprécié", "deprecated"),
    ("obsolète", "deprecated"),
    ("remplacé", "superseded"),
    ("vorgeschlagen", "proposed"),
    ("entwurf", "proposed"),
    ("akzeptiert", "accepted"),
    ("angenommen", "accepted"),
    ("abgelehnt", "rejected"),
    ("veraltet", "deprecated"),
    ("ersetzt", "superseded"),
    ("abgelöst", "superseded"),
    ("propuesto", "proposed"),
    ("propuesta", "proposed"),
    ("borrador", "proposed"),
    ("aceptado", "accepted"),
    ("aceptada", "accepted"),
    ("aprobado", "accepted"),
    ("rechazado", "rejected"),
    ("rechazada", "rejected"),
    ("obsoleto", "deprecated"),
    ("reemplazado", "superseded"),
    ("proposto", "proposed"),
    ("aceito", "accepted"),
    ("aprovado", "accepted"),
    ("rejeitado", "rejected"),
    ("substituído", "superseded"),
];

/// Whether a status word is a translation: the word itself, not a synonym to check.
pub(super) fn is_translation(word: &str) -> bool {
    TRANSLATED_STATUS_WORDS.iter().any(|(w, _)| *w == word)
}

/// Decision numbers referred to in `s`: from each link's target file name
/// (`0009-x.md`) or else its label (`[9. Title]`, `[ADR-0009]`); without
/// links, from `ADR-0009`, `#9` or a bare number.
pub(super) fn refs(s: &str) -> Vec<Ref> {
    let mut out = Vec::new();
    let links = links(s);
    if links.is_empty() {
        for token in s.split(|c: char| c.is_whitespace() || c == ',' || c == ';') {
            // `reemplazado por `0007``: the number in a code span is the number.
            if let Some(n) = label_number(token.trim_end_matches('.').trim_matches('`')) {
                push_unique(
                    &mut out,
                    Ref {
                        number: Some(n),
                        file: None,
                        link: None,
                    },
                );
            }
        }
    }
    for (label, dest) in links {
        let file = dest.and_then(link_stem);
        let from_dest = file
            .as_deref()
            .and_then(|f| stem_date(f).is_none().then(|| stem_number(f)).flatten())
            .map(|(n, _)| n);
        let number = from_dest.or_else(|| label_number(label));
        if number.is_some() || file.is_some() {
            let link = dest.map(|d| (label.to_owned(), d.to_owned()));
            push_unique(&mut out, Ref { number, file, link });
        }
    }
    out
}

/// A relation target: the number it names and, for a link, the target's file stem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Ref {
    pub(super) number: Option<u32>,
    pub(super) file: Option<String>,
    /// The link's text and destination, as written.
    pub(super) link: Option<(String, String)>,
}

/// A status word misspelt (`Depreciated`, `Acepted`): the canonical status within two
/// edits of the first word, with the word's length. Short words are not guessed.
pub(super) fn nearest_status(lower: &str) -> Option<(&'static str, usize)> {
    let word_len = lower
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(lower.len());
    let word = &lower[..word_len];
    if word.len() < 5 {
        return None;
    }
    [
        "proposed",
        "accepted",
        "rejected",
        "deprecated",
        "superseded",
    ]
    .into_iter()
    .map(|s| (strsim::levenshtein(word, s), s))
    .filter(|&(d, _)| d <= 2)
    .min()
    .map(|(_, s)| (s, word_len))
}

/// Relations orgbook has no key for, which are kept as text: adr-tools' `Amends`,
/// `Amended by`, `Clarifies`, `Clarified by`, and the like.
pub(super) fn other_relation(part: &str) -> Option<&str> {
    const PREFIXES: [&str; 18] = [
        // ADRFlow's link words (`mentions [6](6-….md)`, `generalized_by [7](…)`).
        "mentions",
        "mentioned by",
        "generalized_by",
        "generalized by",
        "amends",
        "amended by",
        "clarifies",
        "clarified by",
        "extends",
        "extended by",
        "relates to",
        "related to",
        "related",
        "see also",
        "see",
        "depends on",
        "refines",
        "refined by",
    ];
    PREFIXES
        .iter()
        .any(|p| {
            strip_prefix_ci(part, p)
                .is_some_and(|rest| rest.starts_with([' ', ':', '[']) && rest.contains('['))
        })
        .then_some(part)
}

/// `[label](dest)` and bare `[label]` in one line of text.
pub(super) fn links(s: &str) -> Vec<(&str, Option<&str>)> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let mut depth = 0;
        let Some(close) = rest[open..].char_indices().find_map(|(i, c)| {
            match c {
                '[' => depth += 1,
                ']' => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(open + i);
                    }
                }
                _ => {}
            }
            None
        }) else {
            break;
        };
        let label = &rest[open + 1..close];
        let after = &rest[close + 1..];
        if let Some(inner) = after.strip_prefix('(')
            && let Some(end) = inner.find(')')
        {
            out.push((label, Some(inner[..end].trim())));
            rest = &inner[end + 1..];
        } else {
            out.push((label, None));
            rest = after;
        }
    }
    out
}

/// `[x] Decided` → (true, "Decided"), `[ ] Deferred` → (false, "Deferred"): a task
/// list's item, ticked or not.
pub(super) fn task_item(s: &str) -> Option<(bool, &str)> {
    let rest = s.strip_prefix('[')?;
    let (ticked, rest) = match rest.as_bytes().first()? {
        b'x' | b'X' => (true, &rest[1..]),
        b' ' => (false, &rest[1..]),
        _ => return None,
    };
    let rest = rest.strip_prefix(']')?;
    rest.starts_with(char::is_whitespace)
        .then(|| (ticked, rest.trim()))
}

/// The first reference link `[text][label]` in `s`: (text, label).
pub(super) fn reference_link(s: &str) -> Option<(&str, &str)> {
    let open = s.find('[')?;
    let (text, after) = s[open + 1..].split_once("][")?;
    let (label, _) = after.split_once(']')?;
    (!text.contains(['[', ']']) && !label.contains('[')).then_some((text, label))
}
