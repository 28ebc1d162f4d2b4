//! Text analysis shared by every indexed field: folding, tokenising and
//! stemming. It turns text into index terms.
//!
//! The browser client (`themes/default/static/orgbook/search.js`) runs the
//! same steps on the query. Change a rule here and you must change it there
//! too, or queries will stop matching the index. `docs/search.md` lists the
//! rules that both sides follow.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;
use unicode_segmentation::UnicodeSegmentation;

/// Words longer than this are nearly always hashes, URLs or base64 blobs.
/// Nobody types them into a search box, and they would bloat the dictionary.
pub(crate) const MAX_TERM_CHARS: usize = 40;

/// English words so common that they rank nothing and only grow the index.
/// They are dropped from body text and headings. They stay in titles and
/// typed fields, because a team called "The Who" must still be findable.
/// The client drops the same words from a query, unless the query has no
/// other words.
pub(crate) const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "has", "have",
    "he", "her", "his", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "our", "she",
    "so", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to",
    "was", "we", "were", "will", "with", "you", "your",
];

pub(crate) fn is_stop_word(w: &str) -> bool {
    STOP_WORDS.binary_search(&w).is_ok()
}

/// Folds case and diacritics so that "Zürich", "ZURICH" and "zurich" become
/// one form.
///
/// We only strip marks from the Latin/Greek/Cyrillic combining blocks. A
/// blanket "remove every combining mark" would merge different Japanese kana
/// (the voicing marks) and break Indic scripts. NFC at the end puts back
/// together whatever NFKD split apart but we kept, such as kana and Hangul.
pub(crate) fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.nfkd() {
        if is_foldable_mark(c) {
            continue;
        }
        match c {
            // These letters have no decomposition, so NFKD leaves them alone.
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'þ' => out.push_str("th"),
            'ø' => out.push('o'),
            'đ' | 'ð' => out.push('d'),
            'ł' => out.push('l'),
            'ħ' => out.push('h'),
            'ı' => out.push('i'),
            'ς' => out.push('σ'),
            _ => out.push(c),
        }
    }
    out.nfc().collect()
}

fn is_foldable_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Scripts written without spaces between words. Neither UAX #29 nor a
/// stemmer gives useful words for them, so they are indexed as overlapping
/// character bigrams instead.
pub(crate) fn is_nospace(c: char) -> bool {
    matches!(c as u32,
        0x0E00..=0x0EFF          // Thai, Lao
        | 0x1000..=0x109F        // Myanmar
        | 0x1780..=0x17FF        // Khmer
        | 0x2E80..=0x2FDF        // CJK radicals, Kangxi
        | 0x3005..=0x3007        // 々 〆 〇
        | 0x3021..=0x3029
        | 0x3031..=0x3035
        | 0x3040..=0x30FF        // Hiragana, Katakana
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF        // CJK Extension A
        | 0x4E00..=0x9FFF        // CJK Unified Ideographs
        | 0xF900..=0xFAFF        // CJK Compatibility Ideographs
        | 0xFF66..=0xFF9F        // half-width Katakana
        | 0x20000..=0x3FFFF) // CJK Extensions B onwards
}

fn english() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Reduces a word that is already folded to its term form. Numbers lose
/// their leading zeros, so "0007" and "7" give the same term. Plain a–z words
/// are stemmed with Snowball English. Other words (such as "k8s", or
/// non-Latin scripts) are kept as they are.
pub(crate) fn normalise_word(word: &str) -> String {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        let trimmed = word.trim_start_matches('0');
        return if trimmed.is_empty() {
            "0".into()
        } else {
            trimmed.into()
        };
    }
    if word.bytes().all(|b| b.is_ascii_lowercase()) {
        // The same few thousand words make up most of a handbook. Caching
        // their stems halves the time to build the index.
        thread_local!(static STEMS: RefCell<HashMap<String, String>> = RefCell::new(HashMap::new()));
        return STEMS.with_borrow_mut(|cache| {
            if let Some(s) = cache.get(word) {
                return s.clone();
            }
            if cache.len() > 500_000 {
                cache.clear();
            }
            let s = english().stem(word).into_owned();
            cache.insert(word.to_string(), s.clone());
            s
        });
    }
    word.to_string()
}

/// One unit of folded text: either a word (for scripts that use spaces) or a
/// run of characters from a script without spaces.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Word(&'a str),
    Run(Vec<char>),
}

/// Splits text that is already folded into words and no-space runs. Word
/// boundaries come from UAX #29. Inside a word, an apostrophe between two
/// letters is dropped ("don't" → "dont"). Any other character that is not a
/// letter, digit or mark splits the word. So "example.com" gives two words,
/// and "foo_bar" does too. The client's simple regular expression gives the
/// same words as a result.
pub(crate) fn pieces(folded: &str, mut emit: impl FnMut(Piece<'_>)) {
    let mut run: Vec<char> = Vec::new();
    let mut rest_start = 0;
    let flush_text = |text: &str, emit: &mut dyn FnMut(Piece<'_>)| {
        for word in text.unicode_words() {
            let mut buf = String::new();
            let chars: Vec<char> = word.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                if c.is_alphanumeric() || is_combining_mark(c) {
                    buf.push(c);
                } else if is_apostrophe(c)
                    && i > 0
                    && (chars[i - 1].is_alphabetic() || is_combining_mark(chars[i - 1]))
                    && chars.get(i + 1).is_some_and(|n| n.is_alphabetic())
                {
                    // Dropped: "don't" is one word, matching the client.
                } else if !buf.is_empty() {
                    emit(Piece::Word(&buf));
                    buf.clear();
                }
            }
            if !buf.is_empty() {
                emit(Piece::Word(&buf));
            }
        }
    };
    let mut emit_dyn = |p: Piece<'_>| emit(p);
    for (i, c) in folded.char_indices() {
        if is_nospace(c) {
            if run.is_empty() {
                flush_text(&folded[rest_start..i], &mut emit_dyn);
            }
            run.push(c);
            rest_start = i + c.len_utf8();
        } else if !run.is_empty() {
            emit_dyn(Piece::Run(std::mem::take(&mut run)));
        }
    }
    if !run.is_empty() {
        emit_dyn(Piece::Run(run));
    } else {
        flush_text(&folded[rest_start..], &mut emit_dyn);
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Appends the index terms of `text` to `out`.
///
/// A no-space run gives its overlapping bigrams, plus the single last
/// character. That way every character begins at least one term, and a
/// one-character query finds it by prefix. `keep_stop_words` is true for
/// titles and typed fields.
pub(crate) fn index_terms(text: &str, keep_stop_words: bool, out: &mut Vec<String>) {
    let folded = fold(text);
    pieces(&folded, |piece| match piece {
        Piece::Word(w) => {
            if w.chars().count() > MAX_TERM_CHARS || (!keep_stop_words && is_stop_word(w)) {
                return;
            }
            out.push(normalise_word(w));
        }
        Piece::Run(run) => {
            for pair in run.windows(2) {
                out.push(pair.iter().collect());
            }
            if let Some(last) = run.last() {
                out.push(last.to_string());
            }
        }
    });
}

/// The "phrase term" of a short name: its 2 to 4 word terms joined by
/// spaces. For example "Billing API" gives "bill api". It is indexed for
/// `owns` items and team names, so that typing a whole name ranks its owner
/// above pages that merely contain the words. Text with no-space runs, or
/// with too few or too many words, has none.
pub(crate) fn phrase_term(text: &str) -> Option<String> {
    let mut words = Vec::new();
    let mut ok = true;
    pieces(&fold(text), |p| match p {
        Piece::Word(w) if w.chars().count() <= MAX_TERM_CHARS => words.push(normalise_word(w)),
        _ => ok = false,
    });
    (ok && (2..=4).contains(&words.len())).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        index_terms(text, false, &mut out);
        out
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("Zürich"), "zurich");
        assert_eq!(fold("ZÜRICH"), "zurich");
        assert_eq!(
            fold("Łódź São Paulo Ærøskøbing"),
            "lodz sao paulo aeroskobing"
        );
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("İstanbul"), "istanbul");
        assert_eq!(fold("ﬁle Ｐａｙ"), "file pay");
        assert_eq!(fold("ΟΔΟΣ"), "οδοσ");
    }

    #[test]
    fn folding_keeps_kana_voicing_and_hangul() {
        assert_eq!(fold("ガギ"), "ガギ");
        assert_eq!(fold("한국어"), "한국어");
    }

    #[test]
    fn tokenises_on_word_boundaries() {
        assert_eq!(
            terms("Payments: owns the billing-API (v2.1), see example.com"),
            [
                "payment", "own", "bill", "api", "v2", "1", "see", "exampl", "com"
            ]
        );
        assert_eq!(
            terms("Don't stop; O’Brien's team"),
            ["dont", "stop", "obrien", "team"]
        );
        assert_eq!(terms("snake_case"), ["snake", "case"]);
    }

    #[test]
    fn stems_english() {
        assert_eq!(terms("running runs ran"), ["run", "run", "ran"]);
        assert_eq!(terms("policies policy"), ["polici", "polici"]);
        assert_eq!(
            terms("deployments deploying deployed"),
            ["deploy", "deploy", "deploy"]
        );
        assert_eq!(normalise_word("k8s"), "k8s");
    }

    #[test]
    fn numbers_lose_leading_zeros() {
        assert_eq!(terms("ADR 0007 and 7 and 000"), ["adr", "7", "7", "0"]);
    }

    #[test]
    fn stop_words_only_dropped_when_asked() {
        assert_eq!(terms("The Who"), ["who"]);
        let mut kept = Vec::new();
        index_terms("The Who", true, &mut kept);
        assert_eq!(kept, ["the", "who"]);
    }

    #[test]
    fn cjk_runs_become_bigrams() {
        assert_eq!(terms("支付系统"), ["支付", "付系", "系统", "统"]);
        assert_eq!(
            terms("Postgres数据库v2"),
            ["postgr", "数据", "据库", "库", "v2"]
        );
        assert_eq!(terms("東 京"), ["東", "京"]);
        assert_eq!(
            terms("データベース"),
            ["デー", "ータ", "タベ", "ベー", "ース", "ス"]
        );
    }

    #[test]
    fn long_tokens_are_dropped() {
        let hash = "a".repeat(MAX_TERM_CHARS + 1);
        assert_eq!(terms(&format!("x {hash} y")), ["x", "y"]);
    }

    #[test]
    fn phrase_terms_for_short_names() {
        assert_eq!(phrase_term("Billing-API").as_deref(), Some("bill api"));
        assert_eq!(
            phrase_term("The Payments Team").as_deref(),
            Some("the payment team")
        );
        assert_eq!(phrase_term("Payments"), None);
        assert_eq!(phrase_term("one two three four five"), None);
        assert_eq!(phrase_term("支付 team"), None);
    }

    #[test]
    fn other_scripts_kept_whole() {
        assert_eq!(terms("Привет мир"), ["привет", "мир"]);
        assert_eq!(terms("한국어 팀"), ["한국어", "팀"]);
    }
}
