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
use std::collections::BTreeSet;
use std::ops::Range;

use super::encode::{cmp_utf16, encode_postings, varint_len};
use super::rank::{Posting, unpack};

/// One dictionary entry as it will be written, plus the full postings that
/// summaries are built from.
pub(crate) struct Entry<'a> {
    pub(crate) term: &'a str,
    pub(crate) full: &'a [Posting],
    /// Encoded postings. These may be truncated to the strongest documents.
    pub(crate) enc: String,
    pub(crate) truncated: bool,
}

impl<'a> Entry<'a> {
    pub(crate) fn new(term: &'a str, full: &'a [Posting], max_chars: usize) -> Self {
        let pairs: Vec<(u32, u8)> = full.iter().map(|&p| unpack(p)).collect();
        // Every posting takes at least two characters.
        if full.len() * 2 <= max_chars && encoded_len(&pairs) <= max_chars {
            return Entry {
                term,
                full,
                enc: encode_postings(&pairs),
                truncated: false,
            };
        }
        // A term in most documents hardly filters anything. Keep the
        // documents where it weighs most, and let the client treat the term
        // as optional.
        Entry {
            term,
            enc: encode_postings(&strongest(&pairs, max_chars)),
            full,
            truncated: true,
        }
    }

    /// Roughly how many bytes the entry adds to its shard file.
    pub(crate) fn size(&self) -> usize {
        self.term.len() + self.enc.len() + if self.truncated { 16 } else { 6 }
    }
}

/// The postings to keep so that their encoding fits in `max_chars`: the
/// most of them, taken in order of impact (ties: lower doc id first).
///
/// Dropping a posting never makes the encoding longer, so this is the same
/// as looking for the largest such prefix of the impact order. Each posting
/// takes at least two characters, so only the first `max_chars / 2` of that
/// order can be in it. From those, the postings are dropped weakest first
/// from a linked list, where each drop changes the length by an amount that
/// depends only on the neighbours.
fn strongest(full: &[(u32, u8)], max_chars: usize) -> Vec<(u32, u8)> {
    // How many postings each impact has, and so where the first
    // `max_chars / 2` of the impact order end: all postings above impact
    // `cut`, and the first `extra` of impact `cut`.
    let mut count = [0usize; 64];
    for p in full {
        count[usize::from(p.1 & 63)] += 1;
    }
    let (mut cut, mut extra) = (0u8, max_chars / 2);
    for q in (0..64u8).rev() {
        if count[usize::from(q)] >= extra {
            cut = q;
            break;
        }
        extra -= count[usize::from(q)];
    }
    let mut taken = 0;
    let top: Vec<(u32, u8)> = full
        .iter()
        .filter(|p| {
            p.1 > cut
                || (p.1 == cut && {
                    taken += 1;
                    taken <= extra
                })
        })
        .copied()
        .collect();

    let n = top.len();
    // Posting `i` is node `i + 1`; node 0 is the start and node `n + 1` the
    // end. `prev` and `next` link the nodes still kept.
    let mut prev: Vec<u32> = (0..n as u32 + 2).map(|k| k.saturating_sub(1)).collect();
    let mut next: Vec<u32> = (1..n as u32 + 3).collect();
    // The doc id a node's successor's gap counts from.
    let after = |k: u32| if k == 0 { 0 } else { top[k as usize - 1].0 + 1 };
    let cost = |from: u32, doc: u32| varint_len(doc - from) + 1;
    let mut len = encoded_len(&top);
    // Weakest first: by impact, then by doc id from the highest. A counting
    // sort, as impacts are small numbers.
    let mut start = [0usize; 65];
    for p in &top {
        start[usize::from(p.1 & 63) + 1] += 1;
    }
    for q in 1..start.len() {
        start[q] += start[q - 1];
    }
    let mut order = vec![0u32; n];
    for i in (0..n).rev() {
        let slot = &mut start[usize::from(top[i].1 & 63)];
        order[*slot] = i as u32;
        *slot += 1;
    }
    for i in order {
        if len <= max_chars {
            break;
        }
        let k = i + 1;
        let (p, q) = (prev[k as usize], next[k as usize]);
        let doc = top[i as usize].0;
        len -= cost(after(p), doc);
        if (q as usize) <= n {
            let then = top[q as usize - 1].0;
            len = len - cost(doc + 1, then) + cost(after(p), then);
        }
        prev[q as usize] = p;
        next[p as usize] = q;
    }
    let mut kept = Vec::with_capacity(n);
    let mut k = next[0] as usize;
    while k <= n {
        kept.push(top[k - 1]);
        k = next[k] as usize;
    }
    kept
}

/// How long [`encode_postings`] of `postings` is.
fn encoded_len(postings: &[(u32, u8)]) -> usize {
    let mut next = 0;
    postings
        .iter()
        .map(|&(doc, _)| {
            let gap = doc - next;
            next = doc + 1;
            varint_len(gap) + 1
        })
        .sum()
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
pub(crate) fn partition(entries: &[Entry<'_>], target: usize) -> Vec<(String, Range<usize>)> {
    let mut shards = Vec::new();
    let (mut start, mut size) = (0, 0);
    for (i, e) in entries.iter().enumerate() {
        // A title key stays in the shard of the term of the same words right
        // before it: the client loads that shard for them anyway. (Any other
        // key may start a shard: its separator is then a prefix of the key
        // that also finds the words' own shard.)
        let words = e.term.strip_suffix(super::analysis::TITLE_KEY_END);
        let same_words = i > 0 && words == Some(entries[i - 1].term);
        if size > 0 && size + e.size() > target && !same_words {
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
                separator(entries[r.start - 1].term, entries[r.start].term)
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
/// `best` is scratch space: one zero per document, left all zero.
pub(crate) fn summarise(
    entries: &[Entry<'_>],
    prefix: &str,
    keep: usize,
    boost: impl Fn(u32) -> f64,
    best: &mut [u8],
) -> (usize, Vec<(u32, u8)>) {
    let start = entries.partition_point(|e| cmp_utf16(e.term, prefix) == Ordering::Less);
    // `best[doc]` is one more than the best impact so far; 0 means none.
    let mut top: Vec<(u32, u8)> = Vec::new();
    for e in entries[start..]
        .iter()
        .take_while(|e| e.term.starts_with(prefix))
        .filter(|e| !e.term.ends_with(super::analysis::TITLE_KEY_END))
    {
        for (doc, q) in e.full.iter().map(|&p| unpack(p)) {
            let slot = &mut best[doc as usize];
            if *slot == 0 {
                top.push((doc, 0));
            }
            *slot = (*slot).max(q + 1);
        }
    }
    for p in &mut top {
        p.1 = std::mem::take(&mut best[p.0 as usize]) - 1;
    }
    let total = top.len();
    let rank = |p: &(u32, u8)| f64::from(p.1) + boost(p.0);
    let order = |a: &(u32, u8), b: &(u32, u8)| rank(b).total_cmp(&rank(a)).then(a.0.cmp(&b.0));
    if top.len() > keep && keep > 0 {
        top.select_nth_unstable_by(keep - 1, order);
    }
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

    fn packed(docs: &[(u32, u8)]) -> Vec<Posting> {
        docs.iter()
            .map(|&(d, q)| crate::search::rank::pack(d, q))
            .collect()
    }

    /// Leaked: an entry borrows its postings, and each test makes a few.
    fn entry<'a>(term: &'a str, docs: &[(u32, u8)]) -> Entry<'a> {
        Entry::new(term, packed(docs).leak(), 1000)
    }

    #[test]
    fn a_title_key_stays_in_the_shard_of_its_words() {
        let big = [(0, 1), (5, 2), (9, 3)];
        let entries: Vec<Entry> = ["alpha", "pay", "pay\t", "zeta"]
            .iter()
            .map(|t| entry(t, &big))
            .collect();
        let shards = partition(&entries, 1);
        let s: Vec<String> = shards.iter().map(|x| x.0.clone()).collect();
        assert_eq!(s, ["", "p", "z"]);
        assert_eq!(shard_of(&s, "pay\t"), shard_of(&s, "pay"));
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
            assert_eq!(shard_of(&s, e.term), owner, "{}", e.term);
        }
    }

    #[test]
    fn truncation_keeps_strongest() {
        let full: Vec<(u32, u8)> = (0..500).map(|d| (d * 7, (d % 50) as u8)).collect();
        let full = packed(&full);
        let e = Entry::new("team", &full, 100);
        assert!(e.truncated && e.enc.len() <= 100);
        let kept = decode_postings(&e.enc);
        assert!(!kept.is_empty());
        let weakest_kept = kept.iter().map(|p| p.1).min().unwrap();
        assert!(
            weakest_kept >= 45,
            "kept only strong postings, got {weakest_kept}"
        );
    }

    /// The plain way to truncate: the largest prefix of the impact order
    /// whose encoding fits, found by binary search.
    fn truncated_reference(full: &[(u32, u8)], max_chars: usize) -> String {
        let mut by_impact = full.to_vec();
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
        encode_top(lo)
    }

    #[test]
    fn truncation_matches_reference() {
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        for case in 0..2_000 {
            let n = next(300) as usize;
            let spread = [2, 40, 2_000, 70_000][case % 4];
            let mut docs: Vec<u32> = (0..n).map(|_| next(spread * 300) as u32).collect();
            docs.sort_unstable();
            docs.dedup();
            let full: Vec<(u32, u8)> = docs.iter().map(|&d| (d, next(64) as u8)).collect();
            let max = next(700) as usize;
            let packed = packed(&full);
            let e = Entry::new("t", &packed, max);
            if e.truncated {
                assert_eq!(e.enc, truncated_reference(&full, max), "case {case}");
            } else {
                assert_eq!(e.enc, encode_postings(&full), "case {case}");
                assert!(e.enc.len() <= max, "case {case}");
            }
            assert_eq!(
                e.truncated,
                encode_postings(&full).len() > max,
                "case {case}"
            );
        }
    }

    #[test]
    fn summaries_take_best_completion_per_doc() {
        let entries = vec![
            entry("cab", &[(1, 5)]),
            entry("coat", &[(1, 9), (2, 3)]),
            entry("code", &[(2, 8), (3, 1)]),
            entry("dog", &[(4, 60)]),
        ];
        let best = &mut [0; 5];
        assert_eq!(
            summarise(&entries, "co", 10, |_| 0.0, best),
            (3, vec![(1, 9), (2, 8), (3, 1)])
        );
        assert_eq!(
            summarise(&entries, "c", 2, |_| 0.0, best),
            (3, vec![(1, 9), (2, 8)])
        );
        // A prior of two levels lifts document 3 above document 2.
        assert_eq!(
            summarise(&entries, "c", 2, |d| if d == 3 { 8.0 } else { 0.0 }, best),
            (3, vec![(1, 9), (3, 1)])
        );
        assert_eq!(best, &[0; 5]);
    }
}
