//! Ranking: BM25F scores worked out at build time and stored as one
//! quantised "impact" per (term, document).
//!
//! Every score is known when the index is built. So the client only adds up
//! small integers, and a posting costs one character for its score. A field
//! bonus on top of BM25F makes sure that a hit in a title or an `owns` item
//! always beats a hit that is only in body text. BM25's saturation alone
//! does not guarantee that: a page that repeats a word forty times can come
//! close.

use std::collections::HashMap;

use super::Field;
use super::analysis::{index_terms, phrase_term};

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

/// Term frequencies of one document, per field, plus the field lengths.
/// Terms are ids into the `Corpus` dictionary.
struct DocStats {
    tf: HashMap<u32, [u32; 5]>,
    len: [u32; 5],
}

/// Every document's term statistics, with terms interned so that scoring
/// works on integers, not strings.
#[derive(Default)]
pub(crate) struct Corpus {
    terms: Vec<String>,
    ids: HashMap<String, u32>,
    docs: Vec<DocStats>,
}

impl Corpus {
    /// Adds the next document; its doc id is the number added before it.
    /// `name_phrases`: also index the phrase term of the title (for teams
    /// and groups, whose titles are names people type in full). `owns` items
    /// always get one.
    pub(crate) fn add(&mut self, fields: &[(Field, String)], name_phrases: bool) {
        let mut stats = DocStats {
            tf: HashMap::new(),
            len: [0; 5],
        };
        let mut terms = Vec::new();
        for (field, text) in fields {
            let f = *field as usize;
            terms.clear();
            index_terms(text, PARAMS[f].keep_stop_words, &mut terms);
            stats.len[f] += terms.len() as u32;
            let phrase = *field == Field::Owns || (name_phrases && *field == Field::Title);
            // The phrase is not counted in the field length: it repeats the
            // words, and counting it would penalise multi-word names.
            terms.extend(phrase.then(|| phrase_term(text)).flatten());
            for t in terms.drain(..) {
                let id = match self.ids.get(&t) {
                    Some(&id) => id,
                    None => {
                        let id = self.terms.len() as u32;
                        self.terms.push(t.clone());
                        self.ids.insert(t, id);
                        id
                    }
                };
                stats.tf.entry(id).or_default()[f] += 1;
            }
        }
        self.docs.push(stats);
    }
}

/// The quantised index: for each term, its postings sorted by doc id, plus
/// the factor the client uses to turn levels back into scores:
/// `score ∝ exp(level * step)`.
pub(crate) struct Impacts {
    pub(crate) postings: Vec<(String, Vec<(u32, u8)>)>,
    pub(crate) step: f64,
}

/// Scores every (term, document) pair.
pub(crate) fn score(corpus: Corpus) -> Impacts {
    let Corpus { terms, docs, .. } = corpus;
    let n = docs.len() as f64;
    let mut df = vec![0u32; terms.len()];
    let mut len_sum = [0f64; 5];
    let mut len_docs = [0f64; 5];
    for d in &docs {
        for &t in d.tf.keys() {
            df[t as usize] += 1;
        }
        for f in 0..5 {
            if d.len[f] > 0 {
                len_sum[f] += f64::from(d.len[f]);
                len_docs[f] += 1.0;
            }
        }
    }
    // Averaged only over documents that have the field. Only charters have
    // `owns`, and pages would otherwise drag its average towards zero.
    let avg: Vec<f64> = (0..5)
        .map(|f| {
            if len_docs[f] > 0.0 {
                len_sum[f] / len_docs[f]
            } else {
                1.0
            }
        })
        .collect();
    let idf: Vec<f64> = df
        .iter()
        .map(|&df| (1.0 + (n - f64::from(df) + 0.5) / (f64::from(df) + 0.5)).ln())
        .collect();

    let mut raw: Vec<Vec<(u32, f64)>> = df
        .iter()
        .map(|&df| Vec::with_capacity(df as usize))
        .collect();
    let mut max = 0f64;
    // Doc ids ascend in this loop, so every posting list comes out sorted.
    for (id, d) in docs.iter().enumerate() {
        for (&term, tf) in &d.tf {
            let mut pseudo_tf = 0.0;
            let mut bonus = 0f64;
            for f in 0..5 {
                if tf[f] == 0 {
                    continue;
                }
                let p = &PARAMS[f];
                let norm = 1.0 - p.b + p.b * f64::from(d.len[f]) / avg[f];
                pseudo_tf += p.weight * f64::from(tf[f]) / norm;
                bonus = bonus.max(p.bonus);
            }
            let s = idf[term as usize] * (pseudo_tf / (K1 + pseudo_tf) + bonus);
            max = max.max(s);
            raw[term as usize].push((id as u32, s));
        }
    }

    let lo = max / RANGE;
    let span = (max / lo).ln();
    let top = f64::from(LEVELS - 1);
    let postings = terms
        .into_iter()
        .zip(raw)
        .map(|(term, list)| {
            let q = list
                .into_iter()
                .map(|(id, s)| {
                    let level = if s <= lo {
                        0.0
                    } else {
                        (top * (s / lo).ln() / span).round()
                    };
                    (id, level.clamp(0.0, top) as u8)
                })
                .collect();
            (term, q)
        })
        .collect();
    Impacts {
        postings,
        step: span / top,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Doc = Vec<(Field, String)>;

    fn doc(fields: &[(Field, &str)]) -> Doc {
        fields.iter().map(|(f, s)| (*f, s.to_string())).collect()
    }

    fn score(docs: &[Doc]) -> Impacts {
        let mut corpus = Corpus::default();
        for d in docs {
            corpus.add(d, true);
        }
        super::score(corpus)
    }

    fn postings<'a>(idx: &'a Impacts, term: &str) -> &'a [(u32, u8)] {
        &idx.postings.iter().find(|p| p.0 == term).unwrap().1
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
    fn impacts_use_the_full_range() {
        let mut docs = vec![doc(&[(Field::Title, "Unique")])];
        docs.extend((0..10).map(|i| doc(&[(Field::Body, &filler(i))])));
        let idx = score(&docs);
        assert_eq!(impact(&idx, "uniqu", 0), LEVELS - 1);
        assert!(idx.step > 0.0);
    }
}
