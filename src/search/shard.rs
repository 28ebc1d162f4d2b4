//! Splits the term dictionary into files the client fetches on demand, and
//! builds the prefix summaries for short as-you-type prefixes.
//!
//! Term shards are contiguous ranges of the sorted dictionary, cut by size
//! rather than by a fixed prefix length. Fixed 2-character prefixes would
//! give a 60 KB "co" file and hundreds of tiny CJK files. Ranges keep every
//! file near the target size. The manifest lists the shortest separator
//! string between neighbouring shards. The client finds a term's shard with
//! a binary search over those separators.
//!
//! A short prefix such as "co" covers too many terms to download, so any
//! prefix that spans more than `span` shards gets a precomputed summary: the
//! top documents over all its completions.
//!
//! Strings are ordered by UTF-16 code units everywhere here, because that is
//! how JavaScript compares strings, and the client does the lookups.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::encode::encode_postings;

pub(crate) fn cmp_utf16(a: &str, b: &str) -> Ordering {
    a.encode_utf16().cmp(b.encode_utf16())
}

/// One dictionary entry as it will be written, plus the full postings that
/// summaries are built from.
pub(crate) struct Entry {
    pub(crate) term: String,
    pub(crate) full: Vec<(u32, u8)>,
    /// Encoded postings. These may be truncated to the strongest documents.
    pub(crate) enc: String,
    pub(crate) truncated: bool,
}

impl Entry {
    pub(crate) fn new(term: String, full: Vec<(u32, u8)>, max_chars: usize) -> Self {
        let enc = encode_postings(&full);
        if enc.len() <= max_chars {
            return Entry {
                term,
                full,
                enc,
                truncated: false,
            };
        }
        // A term in most documents hardly filters anything. Keep the
        // documents where it weighs most, and let the client treat the term
        // as optional. Gaps get wider as documents drop out, so search for
        // the largest prefix of the impact order that still fits.
        let mut by_impact = full.clone();
        by_impact.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let encode_top = |k: usize| {
            let mut top = by_impact[..k].to_vec();
            top.sort_unstable_by_key(|p| p.0);
            encode_postings(&top)
        };
        let (mut lo, mut hi) = (0, by_impact.len());
        while lo < hi {
            let mid = (lo + hi).div_ceil(2);
            if encode_top(mid).len() <= max_chars {
                lo = mid
            } else {
                hi = mid - 1
            }
        }
        Entry {
            term,
            enc: encode_top(lo),
            full,
            truncated: true,
        }
    }

    /// Roughly how many bytes the entry adds to its shard file.
    pub(crate) fn size(&self) -> usize {
        self.term.len() + self.enc.len() + if self.truncated { 16 } else { 6 }
    }
}

/// The shortest prefix of `next` that still sorts after `prev`. `prev` must
/// sort before `next`.
pub(crate) fn separator(prev: &str, next: &str) -> String {
    let common = prev
        .chars()
        .zip(next.chars())
        .take_while(|(a, b)| a == b)
        .count();
    next.chars().take(common + 1).collect()
}

/// Cuts sorted entries into shards of about `target` bytes. Returns the
/// separator and the range of entries for each shard. The first separator
/// is always "".
pub(crate) fn partition(entries: &[Entry], target: usize) -> Vec<(String, Range<usize>)> {
    let mut shards = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, e) in entries.iter().enumerate() {
        if size > 0 && size + e.size() > target {
            shards.push(start..i);
            start = i;
            size = 0;
        }
        size += e.size();
    }
    shards.push(start..entries.len());
    shards
        .into_iter()
        .map(|r| {
            let sep = if r.start == 0 {
                String::new()
            } else {
                separator(&entries[r.start - 1].term, &entries[r.start].term)
            };
            (sep, r)
        })
        .collect()
}

/// The shard that holds `term`: the last one whose separator is `<= term`.
pub(crate) fn shard_of(seps: &[String], term: &str) -> usize {
    seps.partition_point(|s| cmp_utf16(s, term) != Ordering::Greater)
        .saturating_sub(1)
}

/// Separators front-coded as one string: for each separator, one alphabet
/// digit giving how many UTF-16 units it shares with the previous one, then
/// the rest of it, joined with ",". Terms never contain ",". This halves the
/// manifest, which every query downloads.
pub(crate) fn front_code(seps: &[String]) -> String {
    let mut out = String::new();
    let mut prev = "";
    for (i, s) in seps.iter().enumerate() {
        let shared: usize = prev
            .chars()
            .zip(s.chars())
            .take_while(|(a, b)| a == b)
            .map(|(a, _)| a.len_utf16())
            .sum();
        let shared = shared.min(63);
        let mut units = 0;
        let cut = s.char_indices().find(|(_, c)| {
            units += c.len_utf16();
            units > shared
        });
        if i > 0 {
            out.push(',');
        }
        super::encode::push_digit(&mut out, shared as u8);
        out.push_str(cut.map_or("", |(at, _)| &s[at..]));
        prev = s;
    }
    out
}

/// The inclusive range of shards that may hold terms starting with
/// `prefix`. The client runs the same code.
pub(crate) fn shard_span(seps: &[String], prefix: &str) -> (usize, usize) {
    let first = shard_of(seps, prefix);
    let mut last = first;
    while last + 1 < seps.len() && seps[last + 1].starts_with(prefix) {
        last += 1;
    }
    (first, last)
}

/// Every prefix that spans more than `span` shards, in UTF-16 order. Only a
/// prefix of some separator can span more than one shard, so those are the
/// only candidates.
pub(crate) fn summary_prefixes(seps: &[String], span: usize) -> Vec<String> {
    let mut found = BTreeSet::new();
    for sep in seps.iter().skip(1) {
        let mut prefix = String::new();
        for c in sep.chars() {
            prefix.push(c);
            let (a, b) = shard_span(seps, &prefix);
            if b - a + 1 > span {
                found.insert(prefix.clone());
            }
        }
    }
    let mut out: Vec<String> = found.into_iter().collect();
    out.sort_by(|a, b| cmp_utf16(a, b));
    out
}

/// The summary of one prefix: how many documents contain any completion,
/// and the `keep` strongest of them with their best impact. "Strongest" is
/// the impact plus `boost(doc)` levels, the same prior the client applies.
pub(crate) fn summarise(
    entries: &[Entry],
    prefix: &str,
    keep: usize,
    boost: impl Fn(u32) -> f64,
) -> (usize, Vec<(u32, u8)>) {
    let start = entries.partition_point(|e| cmp_utf16(&e.term, prefix) == Ordering::Less);
    let mut best: HashMap<u32, u8> = HashMap::new();
    for e in entries[start..]
        .iter()
        .take_while(|e| e.term.starts_with(prefix))
    {
        for &(doc, q) in &e.full {
            let slot = best.entry(doc).or_default();
            *slot = (*slot).max(q);
        }
    }
    let total = best.len();
    let mut top: Vec<(u32, u8)> = best.into_iter().collect();
    let rank = |p: &(u32, u8)| f64::from(p.1) + boost(p.0);
    top.sort_by(|a, b| rank(b).total_cmp(&rank(a)).then(a.0.cmp(&b.0)));
    top.truncate(keep);
    top.sort_unstable_by_key(|p| p.0);
    (total, top)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::encode::decode_postings;

    fn seps(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn utf16_order_differs_from_byte_order() {
        // U+FF21 (fullwidth A) is a single UTF-16 unit above the surrogates
        // that encode U+1F600. In UTF-8 byte order it sorts first.
        assert_eq!(cmp_utf16("\u{FF21}", "\u{1F600}"), Ordering::Greater);
        assert_eq!("\u{FF21}".cmp("\u{1F600}"), Ordering::Less);
    }

    #[test]
    fn separators_front_coded() {
        assert_eq!(
            front_code(&seps(&["", "adr1213", "adr1753", "b", "支付", "支持"])),
            "A,Aadr1213,E753,Ab,A支付,B持"
        );
    }

    #[test]
    fn separators_are_shortest() {
        assert_eq!(separator("compani", "compar"), "compar");
        assert_eq!(separator("cat", "dog"), "d");
        assert_eq!(separator("run", "runway"), "runw");
        assert_eq!(separator("支付", "支持"), "支持");
    }

    #[test]
    fn shard_selection() {
        let s = seps(&["", "b", "co", "com", "con", "d"]);
        assert_eq!(shard_of(&s, "a"), 0);
        assert_eq!(shard_of(&s, "b"), 1);
        assert_eq!(shard_of(&s, "cat"), 1);
        assert_eq!(shard_of(&s, "co"), 2);
        assert_eq!(shard_of(&s, "compani"), 3);
        assert_eq!(shard_of(&s, "zebra"), 5);
        assert_eq!(shard_span(&s, "ca"), (1, 1));
        assert_eq!(shard_span(&s, "c"), (1, 4));
        assert_eq!(shard_span(&s, "co"), (2, 4));
        assert_eq!(shard_span(&s, "com"), (3, 3));
        assert_eq!(shard_span(&s, "conf"), (4, 4));
        assert_eq!(summary_prefixes(&s, 2), ["c", "co"]);
        assert_eq!(summary_prefixes(&s, 3), ["c"]);
    }

    fn entry(term: &str, docs: &[(u32, u8)]) -> Entry {
        Entry::new(term.into(), docs.to_vec(), 1000)
    }

    #[test]
    fn partition_respects_target_and_order() {
        let entries: Vec<Entry> = ["alpha", "beta", "betamax", "gamma", "zeta"]
            .iter()
            .map(|t| entry(t, &[(0, 1), (5, 2)]))
            .collect();
        let shards = partition(&entries, 30);
        assert!(shards.len() > 1);
        assert_eq!(shards[0].0, "");
        let s: Vec<String> = shards.iter().map(|x| x.0.clone()).collect();
        for (i, e) in entries.iter().enumerate() {
            let owner = shards.iter().position(|x| x.1.contains(&i)).unwrap();
            assert_eq!(shard_of(&s, &e.term), owner, "{}", e.term);
        }
    }

    #[test]
    fn truncation_keeps_strongest() {
        let full: Vec<(u32, u8)> = (0..500).map(|d| (d * 7, (d % 50) as u8)).collect();
        let e = Entry::new("team".into(), full, 100);
        assert!(e.truncated && e.enc.len() <= 100);
        let kept = decode_postings(&e.enc);
        assert!(!kept.is_empty());
        let weakest_kept = kept.iter().map(|p| p.1).min().unwrap();
        assert!(
            weakest_kept >= 45,
            "kept only strong postings, got {weakest_kept}"
        );
    }

    #[test]
    fn summaries_take_best_completion_per_doc() {
        let entries = vec![
            entry("cab", &[(1, 5)]),
            entry("coat", &[(1, 9), (2, 3)]),
            entry("code", &[(2, 8), (3, 1)]),
            entry("dog", &[(4, 60)]),
        ];
        assert_eq!(
            summarise(&entries, "co", 10, |_| 0.0),
            (3, vec![(1, 9), (2, 8), (3, 1)])
        );
        assert_eq!(
            summarise(&entries, "c", 2, |_| 0.0),
            (3, vec![(1, 9), (2, 8)])
        );
        // A prior of two levels lifts document 3 above document 2.
        assert_eq!(
            summarise(&entries, "c", 2, |d| if d == 3 { 8.0 } else { 0.0 }),
            (3, vec![(1, 9), (3, 1)])
        );
    }
}
