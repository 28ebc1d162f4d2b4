//! Text analysis shared by every indexed field: folding, tokenising and
//! stemming. It turns text into index terms.
//!
//! The browser client (`themes/default/static/orgbook/search.js`) runs the
//! same steps on the query. Change a rule here and you must change it there
//! too, or queries will stop matching the index. `docs/search.md` lists the
//! rules that both sides follow.
//!
//! [`Lexicon`] is the fast way in: it turns text straight into term ids and
//! gives the same terms as `index_terms`, the plain statement of the rules
//! that its tests check it against. Most text is plain ASCII words, and the
//! same few thousand words make up most of a handbook, so it remembers what
//! every word and every non-ASCII chunk of text gave.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
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

/// Appends the term id of a [`Lexicon`] item, unless it is a stop word that
/// is not to be kept. Without a branch: stop words are common, and where
/// they come is hard to predict.
#[inline]
fn push_unless_stop(out: &mut Vec<u32>, item: u32, keep_stop_words: bool) {
    let len = out.len();
    out.push(item & !STOP);
    out.truncate(len + usize::from(keep_stop_words || item & STOP == 0));
}

/// Size of [`Lexicon::recent`], a power of two.
const RECENT: usize = 4096;

/// Words of up to this many bytes are looked up as a number (see [`pack`]).
const PACKED: usize = 16;

/// `KEEP_BYTES[n]` keeps the lowest `n` bytes of a number.
static KEEP_BYTES: [u128; PACKED + 1] = {
    let mut masks = [0u128; PACKED + 1];
    let mut n = 1;
    while n <= PACKED {
        masks[n] = u128::MAX >> (128 - 8 * n);
        n += 1;
    }
    masks
};

/// Up to 16 bytes as a number, the first byte lowest. Words never hold a
/// zero byte, so this tells apart all words of up to 16 bytes.
fn pack(word: &[u8]) -> u128 {
    let mut raw = [0u8; 16];
    let len = word.len().min(16);
    raw[..len].copy_from_slice(&word[..len]);
    u128::from_le_bytes(raw)
}

/// Whether the ASCII letters and digits before `at` and after it form one
/// word: an apostrophe between two letters ("don't").
fn joins_words(text: &[u8], at: usize) -> bool {
    at > 0
        && text.get(at) == Some(&b'\'')
        && text[at - 1].is_ascii_alphabetic()
        && text.get(at + 1).is_some_and(u8::is_ascii_alphabetic)
}

/// One bit per byte of `text`, in words of 64: bit `i % 64` of word
/// `i / 64` is about byte `i`.
#[derive(Default)]
struct ByteMasks {
    /// Set for ASCII letters and digits.
    alnum: Vec<u64>,
    /// Set for bytes that are not ASCII.
    other: Vec<u64>,
}

impl ByteMasks {
    fn fill(&mut self, text: &[u8]) {
        /// Each byte of `x` (all below 0x80) whose value is above `c`, as its
        /// high bit. Adding `0x7f - c` carries into the high bit exactly
        /// then, and never out of the byte.
        fn above(x: u64, c: u8) -> u64 {
            (x + u64::from_le_bytes([0x7f - c; 8])) & 0x8080_8080_8080_8080
        }
        /// The high bit of each byte of `x`, gathered into one byte.
        fn gather(x: u64) -> u64 {
            ((x >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
        }
        /// (letters and digits, not ASCII) of 8 bytes.
        fn bits(x: u64) -> (u64, u64) {
            let high = x & 0x8080_8080_8080_8080;
            let ascii = x & 0x7f7f_7f7f_7f7f_7f7f;
            let digit = above(ascii, b'0' - 1) & !above(ascii, b'9');
            let lower = ascii | 0x2020_2020_2020_2020;
            let letter = above(lower, b'a' - 1) & !above(lower, b'z');
            (gather((digit | letter) & !high), gather(high))
        }
        self.alnum.clear();
        self.other.clear();
        for block in text.chunks(64) {
            let (mut alnum, mut other) = (0u64, 0u64);
            let mut words = block.chunks_exact(8);
            for (k, word) in words.by_ref().enumerate() {
                let (a, o) = bits(u64::from_le_bytes(word.try_into().expect("8 bytes")));
                alnum |= a << (8 * k);
                other |= o << (8 * k);
            }
            if !words.remainder().is_empty() {
                let (a, o) = bits(pack(words.remainder()) as u64);
                alnum |= a << (8 * (block.len() / 8));
                other |= o << (8 * (block.len() / 8));
            }
            self.alnum.push(alnum);
            self.other.push(other);
        }
    }

    /// The first byte from `from` on that is not ASCII.
    fn next_other(&self, from: usize) -> Option<usize> {
        let mut w = from / 64;
        let mut bits = *self.other.get(w)? & (u64::MAX << (from % 64));
        while bits == 0 {
            w += 1;
            bits = *self.other.get(w)?;
        }
        Some(w * 64 + bits.trailing_zeros() as usize)
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Appends the index terms of `text` to `out`. This is the plain statement
/// of the rules; the index is built with [`Lexicon::index_terms`], which
/// gives the same terms faster, and is tested against it.
///
/// A no-space run gives its overlapping bigrams, plus the single last
/// character. That way every character begins at least one term, and a
/// one-character query finds it by prefix. `keep_stop_words` is true for
/// titles and typed fields.
#[cfg(test)]
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

/// Ends every title key, so that a key is never an ordinary or phrase term.
/// A tab sorts below every character a term can hold, so the key of a title
/// sorts right after the term or phrase term of the same words and nearly
/// always lands in the same shard: the client loads that shard anyway.
pub(crate) const TITLE_KEY_END: char = '\t';

/// The "title key" of a title of 1 to 4 words: its word terms, stop words
/// included, joined by spaces and ended with [`TITLE_KEY_END`]. "On-call"
/// gives "on call\t". A query whose words give the same key is the exact
/// title, and the client ranks that document first. Text with no-space runs,
/// or with too few or too many words, has none.
pub(crate) fn title_key(text: &str) -> Option<String> {
    let mut words = Vec::new();
    let mut ok = true;
    pieces(&fold(text), |p| match p {
        Piece::Word(w) if w.chars().count() <= MAX_TERM_CHARS => words.push(normalise_word(w)),
        _ => ok = false,
    });
    (ok && (1..=4).contains(&words.len())).then(|| {
        let mut key = words.join(" ");
        key.push(TITLE_KEY_END);
        key
    })
}

/// Marks a [`Lexicon`] word that is a stop word.
const STOP: u32 = 1 << 31;

/// Interns index terms and turns text into term ids. It gives exactly the
/// terms of `index_terms`, in the same order, but most words cost one hash
/// lookup and no allocation.
///
/// Text is cut at ASCII whitespace into chunks. Word boundaries (UAX #29)
/// always fall on both sides of ASCII whitespace, and no folding rule looks
/// across it, so each chunk gives the terms it would give in place:
///
/// - chunks of ASCII only (nearly all of them) are folded and split by
///   [`Lexicon::ascii_words`], a loop that gives what [`fold`] and
///   [`pieces`] give for ASCII. Each word is looked up in a cache of folded
///   words;
/// - any other chunk, together with the whitespace character before it, goes
///   through [`fold`] and [`pieces`]. Its terms are cached by its text.
///
/// A lexicon belongs to one thread at a time. Ids are local to it: the index
/// builder merges the lexicons of its workers by term.
#[derive(Default)]
pub(crate) struct Lexicon {
    /// Term of each id.
    terms: Vec<Box<str>>,
    ids: FxHashMap<Box<str>, u32>,
    /// Folded ASCII word of up to [`PACKED`] bytes, as a number (see
    /// [`pack`]) → term id, plus [`STOP`] for stop words.
    short_words: FxHashMap<u128, u32>,
    /// A direct-mapped cache of `short_words`: (packed word, item).
    recent: Vec<([u64; 2], u32)>,
    /// Longer words → the same.
    long_words: FxHashMap<Box<[u8]>, u32>,
    /// Non-ASCII chunk → its range in `items`.
    chunks: FxHashMap<Box<str>, (u32, u32)>,
    /// The terms of cached chunks: term id, plus [`STOP`] for stop words.
    items: Vec<u32>,
    /// Scratch: the masks of the text at hand.
    masks: ByteMasks,
}

impl Lexicon {
    /// The terms, indexed by id.
    pub(crate) fn terms(&self) -> &[Box<str>] {
        &self.terms
    }

    /// The id of `term`, which must already be a term (normalised).
    pub(crate) fn intern(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.terms.len() as u32;
        let term: Box<str> = term.into();
        self.terms.push(term.clone());
        self.ids.insert(term, id);
        id
    }

    /// Appends the id of each index term of `text` to `out`: the terms
    /// `index_terms` gives, in the same order.
    pub(crate) fn index_terms(&mut self, text: &str, keep_stop_words: bool, out: &mut Vec<u32>) {
        let bytes = text.as_bytes();
        let mut masks = std::mem::take(&mut self.masks);
        masks.fill(bytes);
        let mut i = 0;
        while let Some(other) = masks.next_other(i) {
            // The chunk around the first non-ASCII byte. Everything before
            // it is ASCII chunks: whitespace splits words just like any other
            // punctuation does, so they can go through in one piece.
            let start = bytes[i..other]
                .iter()
                .rposition(u8::is_ascii_whitespace)
                .map_or(i, |at| i + at + 1);
            let end = bytes[other..]
                .iter()
                .position(u8::is_ascii_whitespace)
                .map_or(bytes.len(), |at| other + at);
            self.ascii_words(bytes, &masks.alnum, i..start, keep_stop_words, out);
            // The whitespace before the chunk goes with it: a combining mark
            // right after whitespace belongs to the whitespace.
            self.other_chunk(&text[start.saturating_sub(1)..end], keep_stop_words, out);
            i = end;
        }
        self.ascii_words(bytes, &masks.alnum, i..bytes.len(), keep_stop_words, out);
        self.masks = masks;
    }

    /// [`fold`] and [`pieces`] for `text[range]`, which is ASCII and starts
    /// and ends at whitespace or at an end of `text`. Folding is
    /// lowercasing. Letters and digits make words; an apostrophe between two
    /// letters is dropped; anything else ends a word. That is what UAX #29
    /// plus the splitting in [`pieces`] give for ASCII. `alnum` marks the
    /// letters and digits (see [`ByteMasks`]).
    fn ascii_words(
        &mut self,
        text: &[u8],
        alnum: &[u64],
        range: Range<usize>,
        keep_stop_words: bool,
        out: &mut Vec<u32>,
    ) {
        if range.is_empty() {
            return;
        }
        // Runs of letters and digits start and end where a bit differs from
        // the one before it: walk those places. The bytes just outside the
        // range are not letters, so no run crosses its ends.
        let mut inside = false;
        let (mut start, mut joined) = (0, None);
        let mut before = 0u64;
        let (first, last) = (range.start / 64, (range.end - 1) / 64);
        for (w, &mask) in alnum.iter().enumerate().take(last + 1).skip(first) {
            let mut mask = mask;
            if w == first {
                mask &= u64::MAX << (range.start % 64);
            }
            if w == last {
                mask &= u64::MAX >> (63 - (range.end - 1) % 64);
            }
            let mut changes = mask ^ (mask << 1 | before);
            before = mask >> 63;
            while changes != 0 {
                let at = w * 64 + changes.trailing_zeros() as usize;
                changes &= changes - 1;
                if inside {
                    joined = self.ascii_run(text, joined, start, at, keep_stop_words, out);
                } else {
                    start = at;
                }
                inside = !inside;
            }
        }
        if inside {
            self.ascii_run(text, joined, start, range.end, keep_stop_words, out);
        }
    }

    /// The run of letters and digits `text[start..end]`. `joined` is where
    /// the word began if it began before an apostrophe that joins it to this
    /// run ("don't"). Returns where the word begins if it goes on after
    /// this run.
    #[inline]
    fn ascii_run(
        &mut self,
        text: &[u8],
        joined: Option<usize>,
        start: usize,
        end: usize,
        keep_stop_words: bool,
        out: &mut Vec<u32>,
    ) -> Option<usize> {
        if joins_words(text, end) {
            return Some(joined.unwrap_or(start));
        }
        if let Some(first) = joined {
            // Rare: gather the word without its apostrophes. They are the
            // only bytes in it that are not letters.
            let mut buf = [0u8; MAX_TERM_CHARS + 1];
            let mut len = 0;
            for &b in text[first..end].iter().filter(|&&b| b != b'\'') {
                buf[len.min(MAX_TERM_CHARS)] = b | 0x20;
                len += 1;
            }
            let word = &buf[..len.min(MAX_TERM_CHARS + 1)];
            self.ascii_word(word, pack(word), keep_stop_words, out);
        } else if end - start <= PACKED {
            // Letters and digits fold by setting bit 5.
            let raw = match text.get(start..start + 16) {
                Some(bytes) => u128::from_le_bytes(bytes.try_into().expect("16 bytes")),
                None => pack(&text[start..]),
            };
            let fold = u128::from_le_bytes([0x20; 16]);
            self.short_word((raw | fold) & KEEP_BYTES[end - start], keep_stop_words, out);
        } else if end - start <= MAX_TERM_CHARS {
            let mut buf = [0u8; MAX_TERM_CHARS];
            for (to, &b) in buf.iter_mut().zip(&text[start..end]) {
                *to = b | 0x20;
            }
            self.ascii_word(&buf[..end - start], 0, keep_stop_words, out);
        }
        None
    }

    /// A word of up to [`PACKED`] folded ASCII bytes, packed by [`pack`]. A
    /// small direct-mapped cache in front of the hash map catches most of
    /// them.
    #[inline]
    fn short_word(&mut self, packed: u128, keep_stop_words: bool, out: &mut Vec<u32>) {
        if self.recent.is_empty() {
            self.recent = vec![([0; 2], 0); RECENT];
        }
        let hash = (packed as u64 ^ (packed >> 64) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let slot = (hash >> (64 - RECENT.trailing_zeros())) as usize;
        let key = [packed as u64, (packed >> 64) as u64];
        let item = match self.recent[slot] {
            (k, item) if k == key => item,
            _ => {
                let item = match self.short_words.get(&packed) {
                    Some(&item) => item,
                    None => {
                        let len = 16 - packed.leading_zeros() as usize / 8;
                        self.new_ascii_word(&packed.to_le_bytes()[..len], packed)
                    }
                };
                self.recent[slot] = (key, item);
                item
            }
        };
        push_unless_stop(out, item, keep_stop_words);
    }

    /// A folded ASCII word; `packed` is [`pack`] of it when it is short.
    fn ascii_word(&mut self, word: &[u8], packed: u128, keep_stop_words: bool, out: &mut Vec<u32>) {
        if word.len() > MAX_TERM_CHARS {
            return;
        }
        if word.len() <= PACKED {
            return self.short_word(packed, keep_stop_words, out);
        }
        let item = match self.long_words.get(word) {
            Some(&item) => item,
            None => self.new_ascii_word(word, packed),
        };
        push_unless_stop(out, item, keep_stop_words);
    }

    #[cold]
    fn new_ascii_word(&mut self, word: &[u8], packed: u128) -> u32 {
        let w = std::str::from_utf8(word).expect("ASCII");
        let stop = if is_stop_word(w) { STOP } else { 0 };
        let item = self.intern(&normalise_word(w)) | stop;
        if word.len() <= PACKED {
            self.short_words.insert(packed, item);
        } else {
            self.long_words.insert(word.into(), item);
        }
        item
    }

    /// Any chunk that is not all ASCII: the full rules, cached by the text.
    fn other_chunk(&mut self, chunk: &str, keep_stop_words: bool, out: &mut Vec<u32>) {
        let (start, end) = match self.chunks.get(chunk) {
            Some(&range) => range,
            None => {
                let start = self.items.len() as u32;
                let mut items = std::mem::take(&mut self.items);
                pieces(&fold(chunk), |piece| match piece {
                    Piece::Word(w) => {
                        if w.chars().count() <= MAX_TERM_CHARS {
                            let stop = if is_stop_word(w) { STOP } else { 0 };
                            items.push(self.intern(&normalise_word(w)) | stop);
                        }
                    }
                    Piece::Run(run) => {
                        let mut buf = [0u8; 8];
                        for pair in run.windows(2) {
                            let n = pair[0].encode_utf8(&mut buf).len();
                            let m = pair[1].encode_utf8(&mut buf[n..]).len();
                            let term = std::str::from_utf8(&buf[..n + m]).expect("chars");
                            items.push(self.intern(term));
                        }
                        if let Some(last) = run.last() {
                            items.push(self.intern(last.encode_utf8(&mut buf)));
                        }
                    }
                });
                self.items = items;
                let range = (start, self.items.len() as u32);
                self.chunks.insert(chunk.into(), range);
                range
            }
        };
        for &item in &self.items[start as usize..end as usize] {
            push_unless_stop(out, item, keep_stop_words);
        }
    }
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
    fn title_keys_for_short_titles() {
        assert_eq!(title_key("On-call").as_deref(), Some("on call\t"));
        assert_eq!(title_key("Slack").as_deref(), Some("slack\t"));
        assert_eq!(title_key("The Payments").as_deref(), Some("the payment\t"));
        assert_eq!(title_key("one two three four five"), None);
        assert_eq!(title_key("支付"), None);
        assert_eq!(title_key("  "), None);
    }

    /// The terms of a [`Lexicon`], as strings.
    fn lexicon_terms(lex: &mut Lexicon, text: &str, keep_stop_words: bool) -> Vec<String> {
        let mut ids = Vec::new();
        lex.index_terms(text, keep_stop_words, &mut ids);
        ids.iter()
            .map(|&id| lex.terms()[id as usize].to_string())
            .collect()
    }

    #[test]
    fn lexicon_matches_index_terms() {
        // Characters that exercise every rule: ASCII punctuation and
        // whitespace, apostrophes, combining and format marks after
        // whitespace, compatibility forms, no-space scripts, Hebrew (which
        // has its own apostrophe rule), long words and stop words.
        const PALETTE: &[&str] = &[
            "a", "B", "z", "Q", "e", "s", "0", "7", "0", "don", "The", "and", "ing", "ies", "x",
            " ", " ", " ", "  ", "\t", "\n", "\r\n", "\u{b}", "\u{c}", "'", "'", "\u{2019}", ".",
            ",", ":", ";", "_", "-", "/", "(", ")", "\"", "#", "@", "\u{7f}", "\u{0}", "\u{301}",
            "\u{903}", "\u{200d}", "\u{200b}", "\u{ad}", "\u{fe0f}", "\u{a0}", "\u{a8}",
            "\u{2028}", "\u{3000}", "ﬁ", "Ｐ", "ü", "Ü", "ß", "İ", "ı", "Σ", "ς", "ø", "é", "支",
            "付", "ガ", "ｶ", "ﾞ", "한", "ק", "א", "٣", "😀", "🇩", "🇪", "ー", "々", "ก", "\u{e000}",
            "Æ", "Ð", "Þ", "ÿ", "×", "÷", "ª", "µ", "·", "²", "À", "ñ",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut lex = Lexicon::default();
        for case in 0..40_000 {
            let len = next(if case % 4 == 0 { 80 } else { 20 });
            let text: String = (0..len)
                .map(|_| match next(PALETTE.len() + 1) {
                    // Words around the length limit.
                    0 => "Ab".repeat(19 + next(3)),
                    i => PALETTE[i - 1].to_string(),
                })
                .collect();
            let keep = case % 2 == 0;
            let mut want = Vec::new();
            index_terms(&text, keep, &mut want);
            assert_eq!(lexicon_terms(&mut lex, &text, keep), want, "{text:?}");
        }
    }

    #[test]
    fn masks_mark_letters_and_other_bytes() {
        let mut masks = ByteMasks::default();
        for text in ["", "abc", "a-Z_9 ü", "abcdefghü x", &"é.A".repeat(40)] {
            masks.fill(text.as_bytes());
            for (i, b) in text.bytes().enumerate() {
                let bit = |m: &[u64]| m[i / 64] >> (i % 64) & 1 == 1;
                assert_eq!(bit(&masks.alnum), b.is_ascii_alphanumeric(), "{text} {i}");
                assert_eq!(bit(&masks.other), !b.is_ascii(), "{text} {i}");
            }
            for from in 0..=text.len() {
                assert_eq!(
                    masks.next_other(from),
                    text.bytes()
                        .skip(from)
                        .position(|b| !b.is_ascii())
                        .map(|p| from + p),
                );
            }
        }
    }

    #[test]
    fn lexicon_interns_and_caches() {
        let mut lex = Lexicon::default();
        assert_eq!(
            lexicon_terms(&mut lex, "Running in Zürich, don't run", false),
            ["run", "zurich", "dont", "run"]
        );
        assert_eq!(
            lexicon_terms(&mut lex, "The Zürich run", true),
            ["the", "zurich", "run"]
        );
        // Stop words are interned too, even where they are dropped.
        assert_eq!(lex.terms().len(), 5);
        assert_eq!(lex.intern("run"), 0);
    }

    #[test]
    fn other_scripts_kept_whole() {
        assert_eq!(terms("Привет мир"), ["привет", "мир"]);
        assert_eq!(terms("한국어 팀"), ["한국어", "팀"]);
    }
}
