//! Ranking: BM25F scores worked out at build time and stored as one
//! quantised "impact" per (term, document).
//!
//! Every score is known when the index is built. So the client only adds up
//! small integers, and a posting costs one character for its score. A field
//! bonus on top of BM25F makes sure that a hit in a title or an `owns` item
//! always beats a hit that is only in body text. BM25's saturation alone
//! does not guarantee that: a page that repeats a word forty times can come
//! close.

use std::borrow::Cow;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Field;
use super::analysis::{Lexicon, phrase_term};
use super::encode::cmp_utf16;

/// Per-field BM25F parameters, indexed by `Field as usize`.
struct FieldParams {
    /// How much one occurrence counts towards the combined term frequency.
    weight: f64,
    /// Length normalisation. Short fields like titles barely need it: a
    /// three-word title is not "less about" its words than a two-word one.
    b: f64,
    /// Added to the saturated score (as a multiple of idf) when the term
    /// occurs in this field at all. The saturated part is always below 1.0,
    /// so a bonus of 1.0 puts every title or `owns` hit above any hit that
    /// is only in the body.
    bonus: f64,
    /// Titles, `owns` items and typed fields keep stop words: people search
    /// for "The Who".
    keep_stop_words: bool,
}

const PARAMS: [FieldParams; 5] = [
    // Title
    FieldParams {
        weight: 5.0,
        b: 0.3,
        bonus: 1.0,
        keep_stop_words: true,
    },
    // Owns
    FieldParams {
        weight: 4.0,
        b: 0.3,
        bonus: 1.0,
        keep_stop_words: true,
    },
    // Heading
    FieldParams {
        weight: 2.0,
        b: 0.5,
        bonus: 0.25,
        keep_stop_words: false,
    },
    // Typed
    FieldParams {
        weight: 2.5,
        b: 0.3,
        bonus: 0.5,
        keep_stop_words: true,
    },
    // Body
    FieldParams {
        weight: 1.0,
        b: 0.75,
        bonus: 0.0,
        keep_stop_words: false,
    },
];

const K1: f64 = 1.2;

/// Teams and groups are what people search for most, and there are few of
/// them. The client multiplies their scores by this, so that "pay" puts the
/// Payments team above a page that mentions payroll. It is a static prior,
/// like a popularity score.
pub(crate) const TEAM_PRIOR: f64 = 1.5;

/// Number of impact levels. One alphabet character holds 6 bits.
pub(crate) const LEVELS: u8 = 64;

/// Quantisation is logarithmic over at most this dynamic range. Anything
/// weaker than `max / RANGE` is clamped to level 0. Such a posting only
/// breaks ties anyway.
const RANGE: f64 = 1000.0;

/// Documents analysed by one task. Tasks take small runs of documents, so
/// that the work spreads evenly over the threads.
const BLOCK_DOCS: usize = 32;

/// One document as the ranking sees it.
#[derive(Clone, Copy)]
pub(crate) struct DocText<'a> {
    pub(crate) fields: &'a [(Field, Cow<'a, str>)],
    /// Also index the phrase term of the title. This is for teams and
    /// groups, whose names people type in full. `owns` items always get one.
    pub(crate) name_phrases: bool,
}

/// A posting `(doc, level)` in 4 bytes: the document in the high 26 bits, the level
/// (under [`LEVELS`], 6 bits) in the low ones. As `(u32, u8)` it takes 8 with padding, and
/// every term's postings are held at once while the index files are made: at 100,000 pages
/// 21 million of them, at the build's memory peak (docs/performance.md, "Peak memory at
/// 100,000 pages").
pub(crate) type Posting = u32;

/// Documents a [`Posting`] can number.
pub(crate) const MAX_DOCS: usize = 1 << 26;

pub(crate) fn pack(doc: u32, level: u8) -> Posting {
    doc << 6 | u32::from(level & 63)
}

pub(crate) fn unpack(p: Posting) -> (u32, u8) {
    (p >> 6, (p & 63) as u8)
}

/// The quantised index: every term in UTF-16 order, each with its postings
/// sorted by doc id, plus the factor the client uses to turn levels back into
/// scores: `score ∝ exp(level * step)`.
pub(crate) struct Impacts {
    pub(crate) terms: Vec<Box<str>>,
    /// Term `t`'s postings are `postings[offsets[t]..offsets[t + 1]]`.
    offsets: Vec<usize>,
    postings: Vec<Posting>,
    pub(crate) step: f64,
}

impl Impacts {
    pub(crate) fn postings(&self, term: usize) -> &[Posting] {
        &self.postings[self.offsets[term]..self.offsets[term + 1]]
    }
}

/// Scores every (term, document) pair.
///
/// The documents are analysed in parallel, in blocks, each by one of a few
/// workers with a lexicon of its own (see [`analyse`]). The lexicons are
/// merged into one sorted dictionary. Once document frequencies and field
/// lengths are known, the (term, document) pairs are scored twice: once for
/// the highest score, which fixes the quantisation, then again to be
/// quantised and put in place by term, in parallel over runs of blocks.
/// Floating-point sums are never split between threads, so the result does
/// not depend on how the work was shared out.
pub(crate) fn index(docs: &[DocText<'_>]) -> Impacts {
    let (blocks, workers) = analyse(docs);
    score(blocks, workers, docs.len())
}

/// Documents analysed one at a time as they come, in any order and on any thread, for an
/// index built from a stream of documents (whose text need not outlive its analysis).
/// [`Analyser::finish`] then scores them as [`index`] does: the same documents give the
/// same impacts, whatever order they came in.
#[derive(Default)]
pub(crate) struct Analyser {
    pool: Mutex<Vec<(usize, Worker)>>,
    created: AtomicUsize,
}

/// One document, analysed by an [`Analyser`].
pub(crate) struct Analysed(Block);

impl Analyser {
    pub(crate) fn add(&self, doc: DocText<'_>) -> Analysed {
        let taken = self.pool.lock().expect("no panics while held").pop();
        let (id, mut worker) =
            taken.unwrap_or_else(|| (self.created.fetch_add(1, Relaxed), Worker::default()));
        // Reserved as `analyse` does, then trimmed: the analysis is held until scoring.
        let bytes: usize = doc.fields.iter().map(|(_, t)| t.len()).sum();
        let mut block = Block {
            worker: id,
            first: 0,
            docs: Vec::with_capacity(1),
            pairs: Vec::with_capacity(bytes / 4 + 64),
        };
        worker.add(doc, &mut block);
        block.pairs.shrink_to_fit();
        self.pool
            .lock()
            .expect("no panics while held")
            .push((id, worker));
        Analysed(block)
    }

    /// Scores the documents, numbered in the order of `docs`.
    pub(crate) fn finish(self, docs: Vec<Analysed>) -> Impacts {
        let n = docs.len();
        let blocks = docs
            .into_iter()
            .enumerate()
            .map(|(i, Analysed(mut b))| {
                b.first = i as u32;
                b
            })
            .collect();
        let mut workers = self.pool.into_inner().expect("no panics while held");
        workers.sort_unstable_by_key(|w| w.0);
        score(blocks, workers.into_iter().map(|w| w.1).collect(), n)
    }
}

/// Scores analysed blocks (in document order) of `n` documents.
fn score(blocks: Vec<Block>, workers: Vec<Worker>, n: usize) -> Impacts {
    // 67 million documents: far beyond what a build holds in memory anyway.
    assert!(
        n <= MAX_DOCS,
        "a search index of at most {MAX_DOCS} documents"
    );
    let dict = Dictionary::merge(&workers);
    drop(workers);

    let n = n as f64;
    let mut len_sum = [0u64; 5];
    let mut len_docs = [0u64; 5];
    for (len, _) in blocks.iter().flat_map(|b| &b.docs) {
        for f in 0..5 {
            if len[f] > 0 {
                len_sum[f] += u64::from(len[f]);
                len_docs[f] += 1;
            }
        }
    }
    // Averaged only over documents that have the field. Only charters have
    // `owns`, and pages would otherwise drag its average towards zero.
    let avg: [f64; 5] = std::array::from_fn(|f| {
        if len_docs[f] > 0 {
            len_sum[f] as f64 / len_docs[f] as f64
        } else {
            1.0
        }
    });
    let idf: Vec<f64> = dict
        .df
        .iter()
        .map(|&df| (1.0 + (n - f64::from(df) + 0.5) / (f64::from(df) + 0.5)).ln())
        .collect();
    let scorer = Scorer { avg, idf };

    let max = blocks
        .par_iter()
        .map(|b| {
            let mut max = 0f64;
            b.for_each_pair(&scorer, |_, norm, t, tf| {
                max = max.max(scorer.score(dict.remap[b.worker][t as usize], tf, norm));
            });
            max
        })
        .reduce(|| 0f64, f64::max);
    let quantiser = Quantiser::new(max);

    // Each of a few runs of blocks fills its part of every term's postings,
    // in parallel: term by term, the runs' parts follow each other in doc
    // order, and doc ids ascend within each run, so every posting list comes
    // out sorted. First count each run's postings per term, then carve the
    // postings into those parts.
    let terms = dict.terms.len();
    let per_run = blocks
        .len()
        .div_ceil(rayon::current_num_threads() * 2)
        .max(1);
    let runs: Vec<&[Block]> = blocks.chunks(per_run).collect();
    let counts: Vec<Vec<u32>> = runs
        .par_iter()
        .map(|run| {
            let mut count = vec![0u32; terms];
            for b in *run {
                for (t, _) in b.pairs() {
                    count[dict.remap[b.worker][t as usize] as usize] += 1;
                }
            }
            count
        })
        .collect();
    let mut offsets = Vec::with_capacity(terms + 1);
    offsets.push(0usize);
    for &df in &dict.df {
        offsets.push(offsets[offsets.len() - 1] + df as usize);
    }
    let mut postings: Vec<Posting> = vec![0; offsets[terms]];
    let mut parts: Vec<Vec<&mut [Posting]>> =
        runs.iter().map(|_| Vec::with_capacity(terms)).collect();
    let mut rest = postings.as_mut_slice();
    for t in 0..terms {
        for (part, count) in parts.iter_mut().zip(&counts) {
            let (here, tail) = rest.split_at_mut(count[t] as usize);
            part.push(here);
            rest = tail;
        }
    }
    drop(runs);
    // Each block's analysis is freed once its postings are in place: the postings are
    // allocated whole but take memory only as they are written, so the two are not held
    // whole at once (at 100,000 pages, 80 and 92 MB, at the build's memory peak).
    let mut blocks = blocks;
    parts
        .into_par_iter()
        .zip(blocks.par_chunks_mut(per_run))
        .for_each(|(mut part, run)| {
            let mut next = vec![0u32; terms];
            for b in run {
                let remap = &dict.remap[b.worker];
                b.for_each_pair(&scorer, |doc, norm, t, tf| {
                    let term = remap[t as usize] as usize;
                    let level = quantiser.level(scorer.score(term as u32, tf, norm));
                    part[term][next[term] as usize] = pack(doc, level);
                    next[term] += 1;
                });
                b.pairs = Vec::new();
                b.docs = Vec::new();
            }
        });
    drop(blocks);

    Impacts {
        terms: dict.terms,
        offsets,
        postings,
        step: quantiser.step(),
    }
}

/// What one thread needs to analyse documents: a lexicon, and per term id
/// of that lexicon its document frequency and where it was last seen.
#[derive(Default)]
struct Worker {
    lexicon: Lexicon,
    df: Vec<u32>,
    /// Per term id: the number of the last document that had it, and where
    /// its frequencies are in that document's block.
    seen: Vec<(u32, u32)>,
    /// Documents analysed so far.
    docs: u32,
    /// Scratch: the term ids of one field.
    ids: Vec<u32>,
    /// Scratch: (term id, frequency per field) of the document at hand, packed into its
    /// block once the document is analysed.
    pairs: Vec<(u32, [u32; 5])>,
}

/// A run of consecutive documents, analysed by one worker.
struct Block {
    worker: usize,
    /// Doc id of the first document.
    first: u32,
    /// Per document, its field lengths and the end of its pairs in `pairs`.
    docs: Vec<([u32; 5], usize)>,
    /// (worker's term id, frequency per field), document after document, packed by
    /// [`pack_pair`]. Blocks are held from analysis until scoring (for the whole Markdown
    /// stage of a build), and packing takes the usual pair (one field, a count under 128)
    /// from the 16 bytes of a `(u32, [u16; 5])` to 3 or 4.
    pairs: Vec<u8>,
}

impl Block {
    /// Calls `f(doc, norms, term, frequencies)` for each pair of the block,
    /// where `norms` are the document's length normalisations.
    fn for_each_pair(&self, scorer: &Scorer, mut f: impl FnMut(u32, &[f64; 5], u32, &[u32; 5])) {
        let mut from = 0;
        for (i, (len, end)) in self.docs.iter().enumerate() {
            let norm = scorer.norms(len);
            for (t, tf) in Pairs(&self.pairs[from..*end]) {
                f(self.first + i as u32, &norm, t, &tf);
            }
            from = *end;
        }
    }

    /// Every (term, frequencies) pair of the block, documents in order.
    fn pairs(&self) -> Pairs<'_> {
        Pairs(&self.pairs)
    }
}

/// Appends a pair to `out`: the term id as a LEB128 varint, a byte whose bits say which
/// of the five fields have the term, then each of those fields' counts as a varint.
fn pack_pair(out: &mut Vec<u8>, term: u32, tf: &[u32; 5]) {
    push_varint(out, term);
    let mask = (0..5).filter(|&f| tf[f] > 0).fold(0u8, |m, f| m | 1 << f);
    out.push(mask);
    for &count in tf.iter().filter(|&&c| c > 0) {
        push_varint(out, count);
    }
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push(v as u8 | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads back what [`pack_pair`] wrote.
struct Pairs<'a>(&'a [u8]);

impl Pairs<'_> {
    fn varint(&mut self) -> u32 {
        let mut v = 0u32;
        let mut shift = 0;
        while let Some((&b, rest)) = self.0.split_first() {
            self.0 = rest;
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                break;
            }
            shift += 7;
        }
        v
    }
}

impl Iterator for Pairs<'_> {
    type Item = (u32, [u32; 5]);

    fn next(&mut self) -> Option<Self::Item> {
        if self.0.is_empty() {
            return None;
        }
        let term = self.varint();
        let (&mask, rest) = self.0.split_first()?;
        self.0 = rest;
        let mut tf = [0u32; 5];
        for (f, count) in tf.iter_mut().enumerate() {
            if mask & 1 << f != 0 {
                *count = self.varint();
            }
        }
        Some((term, tf))
    }
}

impl Worker {
    /// Analyses the next document into `block`.
    fn add(&mut self, doc: DocText<'_>, block: &mut Block) {
        // Numbered from 1: a zero in `seen` means never.
        self.docs += 1;
        let mut len = [0u32; 5];
        for (field, text) in doc.fields {
            let f = *field as usize;
            self.ids.clear();
            let lexicon = &mut self.lexicon;
            lexicon.index_terms(text, PARAMS[f].keep_stop_words, &mut self.ids);
            len[f] += self.ids.len() as u32;
            // The phrase is not counted in the field length: it repeats the
            // words, and counting it would penalise multi-word names.
            let phrase = *field == Field::Owns || (doc.name_phrases && *field == Field::Title);
            if let Some(p) = phrase.then(|| phrase_term(text)).flatten() {
                self.ids.push(lexicon.intern(&p));
            }
            let terms = lexicon.terms().len();
            if self.seen.len() < terms {
                self.seen.resize(terms, (0, 0));
                self.df.resize(terms, 0);
            }
            for &id in &self.ids {
                let seen = &mut self.seen[id as usize];
                if seen.0 != self.docs {
                    *seen = (self.docs, self.pairs.len() as u32);
                    self.pairs.push((id, [0; 5]));
                    self.df[id as usize] += 1;
                }
                self.pairs[seen.1 as usize].1[f] += 1;
            }
        }
        for (id, tf) in self.pairs.drain(..) {
            pack_pair(&mut block.pairs, id, &tf);
        }
        block.docs.push((len, block.pairs.len()));
    }
}

/// Analyses the documents in parallel. Returns the blocks in document order
/// and the workers, indexed by `Block::worker`.
fn analyse(docs: &[DocText<'_>]) -> (Vec<Block>, Vec<Worker>) {
    // A worker is taken from the pool for one block and put back after, so
    // there are about as many workers as threads, and each one analyses,
    // stems and interns a word once however many blocks it handles.
    let pool: Mutex<Vec<(usize, Worker)>> = Mutex::new(Vec::new());
    let created = AtomicUsize::new(0);
    let blocks: Vec<Block> = docs
        .par_chunks(BLOCK_DOCS)
        .enumerate()
        .map(|(i, chunk)| {
            let taken = pool.lock().expect("no panics while held").pop();
            let (id, mut worker) =
                taken.unwrap_or_else(|| (created.fetch_add(1, Relaxed), Worker::default()));
            // About one distinct term per 20 bytes of text, packed in about 4 bytes:
            // reserve enough that the list rarely grows.
            let bytes: usize = chunk
                .iter()
                .flat_map(|d| d.fields)
                .map(|(_, t)| t.len())
                .sum();
            let mut block = Block {
                worker: id,
                first: (i * BLOCK_DOCS) as u32,
                docs: Vec::with_capacity(chunk.len()),
                pairs: Vec::with_capacity(bytes / 4 + 64 * chunk.len()),
            };
            for &doc in chunk {
                worker.add(doc, &mut block);
            }
            pool.lock()
                .expect("no panics while held")
                .push((id, worker));
            block
        })
        .collect();
    let mut workers = pool.into_inner().expect("no panics while held");
    workers.sort_unstable_by_key(|w| w.0);
    (blocks, workers.into_iter().map(|w| w.1).collect())
}

/// The workers' lexicons merged into one dictionary.
struct Dictionary {
    /// Every term, in UTF-16 order.
    terms: Vec<Box<str>>,
    /// Document frequency of each term.
    df: Vec<u32>,
    /// Per worker, its term ids mapped to indexes into `terms`.
    remap: Vec<Vec<u32>>,
}

impl Dictionary {
    fn merge(workers: &[Worker]) -> Dictionary {
        // Terms a worker interned but never counted (stop words it dropped)
        // are left out.
        let mut ids: FxHashMap<&str, u32> = FxHashMap::default();
        let mut terms: Vec<&str> = Vec::new();
        let mut remap: Vec<Vec<u32>> = workers
            .iter()
            .map(|w| {
                let lexicon = w.lexicon.terms().iter().zip(&w.df);
                lexicon
                    .map(|(t, &df)| {
                        if df == 0 {
                            return u32::MAX;
                        }
                        *ids.entry(t).or_insert_with(|| {
                            terms.push(t);
                            terms.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        let mut order: Vec<u32> = (0..terms.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| cmp_utf16(terms[a as usize], terms[b as usize]));
        let mut rank = vec![0u32; terms.len()];
        for (i, &t) in order.iter().enumerate() {
            rank[t as usize] = i as u32;
        }
        let mut df = vec![0u32; terms.len()];
        for (w, map) in workers.iter().zip(&mut remap) {
            for (g, &local_df) in map.iter_mut().zip(&w.df) {
                if *g != u32::MAX {
                    *g = rank[*g as usize];
                    df[*g as usize] += local_df;
                }
            }
        }
        Dictionary {
            terms: order.iter().map(|&t| terms[t as usize].into()).collect(),
            df,
            remap,
        }
    }
}

/// BM25F plus the field bonus; see `docs/search.md`.
struct Scorer {
    /// Average length of each field, over the documents that have it.
    avg: [f64; 5],
    idf: Vec<f64>,
}

impl Scorer {
    /// Length normalisation per field of a document with field lengths
    /// `len`.
    fn norms(&self, len: &[u32; 5]) -> [f64; 5] {
        std::array::from_fn(|f| {
            let p = &PARAMS[f];
            1.0 - p.b + p.b * f64::from(len[f]) / self.avg[f]
        })
    }

    /// The score of a term with frequencies `tf` in a document with length
    /// normalisations `norm`.
    #[inline]
    fn score(&self, term: u32, tf: &[u32; 5], norm: &[f64; 5]) -> f64 {
        let mut pseudo_tf = 0.0;
        let mut bonus = 0f64;
        for f in 0..5 {
            if tf[f] == 0 {
                continue;
            }
            let p = &PARAMS[f];
            pseudo_tf += p.weight * f64::from(tf[f]) / norm[f];
            bonus = bonus.max(p.bonus);
        }
        self.idf[term as usize] * (pseudo_tf / (K1 + pseudo_tf) + bonus)
    }
}

/// Turns scores into impact levels on a log scale: `round(top · ln(s / lo)
/// / span)`, where `lo` is the highest score over [`RANGE`], clamped to
/// `0..=top`.
///
/// Taking a logarithm of each of millions of scores is slow, so the level
/// is looked up among the 63 scores where it steps up. Right next to such a
/// score, where the rounding of the formula could tip either way, the
/// formula itself decides. So the levels are exactly the formula's.
struct Quantiser {
    lo: f64,
    span: f64,
    top: f64,
    /// `steps[q]`: the lowest score of level `q`, for `q` in `1..LEVELS`;
    /// `steps[0]` is negative infinity. Empty when every level is 0.
    steps: Vec<f64>,
}

impl Quantiser {
    fn new(max: f64) -> Quantiser {
        let lo = max / RANGE;
        let mut q = Quantiser {
            lo,
            span: (max / lo).ln(),
            top: f64::from(LEVELS - 1),
            steps: Vec::new(),
        };
        if !(lo > 0.0 && q.exact(max) == LEVELS - 1) {
            // No scores, or none to tell apart: the formula decides alone.
            return q;
        }
        let mut steps = vec![f64::NEG_INFINITY];
        for level in 1..LEVELS {
            // Positive floats order like their bits.
            let (mut below, mut at) = (lo.to_bits(), max.to_bits());
            while at - below > 1 {
                let mid = below + (at - below) / 2;
                if q.exact(f64::from_bits(mid)) >= level {
                    at = mid;
                } else {
                    below = mid;
                }
            }
            steps.push(f64::from_bits(at));
        }
        q.steps = steps;
        q
    }

    fn exact(&self, s: f64) -> u8 {
        let level = if s <= self.lo {
            0.0
        } else {
            (self.top * (s / self.lo).ln() / self.span).round()
        };
        level.clamp(0.0, self.top) as u8
    }

    #[inline]
    fn level(&self, s: f64) -> u8 {
        if self.steps.is_empty() {
            return self.exact(s);
        }
        let q = self.steps.partition_point(|&step| step <= s) - 1;
        let near = |step: Option<&f64>| step.is_some_and(|&t| (s - t).abs() <= t * 1e-9);
        if near(self.steps.get(q)) || near(self.steps.get(q + 1)) {
            return self.exact(s);
        }
        q as u8
    }

    /// The factor that turns a level back into a score: `exp(level * step)`.
    fn step(&self) -> f64 {
        self.span / self.top
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Doc = Vec<(Field, Cow<'static, str>)>;

    fn doc(fields: &[(Field, &str)]) -> Doc {
        fields
            .iter()
            .map(|(f, s)| (*f, s.to_string().into()))
            .collect()
    }

    fn score(docs: &[Doc]) -> Impacts {
        let texts: Vec<DocText> = docs
            .iter()
            .map(|d| DocText {
                fields: d,
                name_phrases: true,
            })
            .collect();
        index(&texts)
    }

    fn postings(idx: &Impacts, term: &str) -> Vec<(u32, u8)> {
        let t = idx.terms.iter().position(|t| &**t == term).unwrap();
        idx.postings(t).iter().map(|&p| unpack(p)).collect()
    }

    fn impact(idx: &Impacts, term: &str, id: u32) -> u8 {
        postings(idx, term)
            .iter()
            .find(|p| p.0 == id)
            .map(|p| p.1)
            .unwrap_or(0)
    }

    fn filler(i: usize) -> String {
        format!("ordinary words about process number{i} meeting notes agenda")
    }

    #[test]
    fn title_hit_outranks_heavy_body_hits() {
        let heavy = "ledger ".repeat(40);
        let mut docs = vec![
            doc(&[
                (Field::Title, "Ledger"),
                (Field::Body, "We keep the books."),
            ]),
            doc(&[(Field::Title, "Accounting handbook"), (Field::Body, &heavy)]),
        ];
        docs.extend((0..20).map(|i| doc(&[(Field::Title, "Other"), (Field::Body, &filler(i))])));
        let idx = score(&docs);
        assert!(impact(&idx, "ledger", 0) > impact(&idx, "ledger", 1));
    }

    #[test]
    fn owns_hit_outranks_body_hit() {
        let mut docs = vec![
            doc(&[
                (Field::Title, "Payments"),
                (Field::Owns, "kafka"),
                (Field::Body, "We move money."),
            ]),
            doc(&[
                (Field::Title, "Platform notes"),
                (Field::Body, "kafka kafka kafka upgrade notes for kafka"),
            ]),
        ];
        docs.extend((0..20).map(|i| doc(&[(Field::Title, "Other"), (Field::Body, &filler(i))])));
        let idx = score(&docs);
        assert!(impact(&idx, "kafka", 0) > impact(&idx, "kafka", 1));
    }

    #[test]
    fn rarer_terms_weigh_more() {
        let mut docs = vec![doc(&[(Field::Body, "common rare")])];
        docs.extend((0..30).map(|_| doc(&[(Field::Body, "common word")])));
        let idx = score(&docs);
        assert!(impact(&idx, "rare", 0) > impact(&idx, "common", 0));
    }

    #[test]
    fn shorter_body_ranks_higher_for_same_count() {
        let long = format!("postgres {}", "filler words again ".repeat(60));
        let mut docs = vec![
            doc(&[(Field::Body, "postgres tuning")]),
            doc(&[(Field::Body, &long)]),
        ];
        docs.extend((0..10).map(|i| doc(&[(Field::Body, &filler(i))])));
        let idx = score(&docs);
        assert!(impact(&idx, "postgr", 0) > impact(&idx, "postgr", 1));
    }

    #[test]
    fn whole_owned_name_gets_a_phrase_term() {
        let docs = vec![
            doc(&[(Field::Title, "Ledger team"), (Field::Owns, "billing api")]),
            doc(&[(Field::Title, "Billing notes"), (Field::Body, "the api")]),
        ];
        let idx = score(&docs);
        assert_eq!(postings(&idx, "bill api"), [(0, LEVELS - 1)]);
    }

    #[test]
    fn quantiser_gives_the_formulas_levels() {
        for max in [1e-3, 0.7, 12.345, 31.0, 1e6] {
            let q = Quantiser::new(max);
            assert_eq!(q.steps.len(), usize::from(LEVELS));
            // Every step and the floats right next to it, then a spread of
            // scores over the whole range.
            let mut scores: Vec<f64> = q.steps[1..]
                .iter()
                .flat_map(|s| {
                    let bits = s.to_bits();
                    [bits - 1, bits, bits + 1].map(f64::from_bits)
                })
                .collect();
            scores.extend((0..=100_000).map(|i| max * f64::from(i) / 100_000.0));
            for s in scores {
                assert_eq!(q.level(s), q.exact(s), "max {max}, score {s}");
            }
        }
        // No scores at all.
        assert_eq!(Quantiser::new(0.0).level(0.0), 0);
    }

    #[test]
    fn packed_pairs_read_back_as_written() {
        let pairs = [
            (0, [0, 0, 0, 0, 1]),
            (127, [1, 0, 0, 0, 0]),
            (128, [0, 300, 0, 70_000, 0]),
            (u32::MAX, [u32::MAX, 1, 2, 3, 127]),
            (16_384, [0; 5]),
        ];
        let mut bytes = Vec::new();
        for (t, tf) in &pairs {
            pack_pair(&mut bytes, *t, tf);
        }
        assert_eq!(Pairs(&bytes).collect::<Vec<_>>(), pairs);
        // The usual pair, one field and a small count, packs into three bytes.
        let mut one = Vec::new();
        pack_pair(&mut one, 5_000, &[0, 0, 0, 0, 3]);
        assert_eq!(one.len(), 4);
        one.clear();
        pack_pair(&mut one, 100, &[0, 0, 0, 0, 3]);
        assert_eq!(one.len(), 3);
    }

    #[test]
    fn huge_term_frequencies_are_counted_exactly() {
        let body = "word ".repeat(70_000) + "other";
        let docs = [doc(&[(Field::Body, &body)])];
        let texts = [DocText {
            fields: &docs[0],
            name_phrases: false,
        }];
        let (blocks, workers) = analyse(&texts);
        let scorer = Scorer {
            avg: [1.0; 5],
            idf: vec![1.0; 2],
        };
        let mut seen = Vec::new();
        blocks[0].for_each_pair(&scorer, |doc, _, t, tf| {
            seen.push((
                doc,
                workers[0].lexicon.terms()[t as usize].to_string(),
                tf[4],
            ));
        });
        assert_eq!(
            seen,
            [(0, "word".to_string(), 70_000), (0, "other".to_string(), 1)]
        );
    }

    #[test]
    fn impacts_use_the_full_range() {
        let mut docs = vec![doc(&[(Field::Title, "Unique")])];
        docs.extend((0..10).map(|i| doc(&[(Field::Body, &filler(i))])));
        let idx = score(&docs);
        assert_eq!(impact(&idx, "uniqu", 0), LEVELS - 1);
        assert!(idx.step > 0.0);
    }
}
