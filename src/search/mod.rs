//! Builds the client-side search index: a handful of small script files
//! that the browser loads on demand.
//!
//! The handbook is a static site that must also work when opened straight
//! from disk, so there is no server to query. All the ranking work happens
//! here, at build time. The client (`themes/default/static/orgbook/search.js`)
//! only adds up precomputed impacts. It downloads only the few files a query
//! needs, so a query on a 10,000-page handbook stays under about 100 KB. A
//! small handbook is written as one file. The file format and the ranking
//! are documented in `docs/search.md`.
//!
//! Submodules: `analysis` (folding, tokenising, stemming; mirrored by the
//! client), `rank` (BM25F impacts), `shard` (term shards and prefix
//! summaries), `encode` (posting encoding, JSON strings and the JS file
//! wrapper), `text` (Markdown to plain text).
//!
//! The index is built beside the pages, so it must cost little: on 10,000
//! pages it reads about 46 MB of text. Documents are analysed in parallel,
//! and most words take a byte loop and one hash lookup (see
//! `analysis::Lexicon`). Terms are interned and scored as integers, and
//! sorted once at the end (see `rank::index`). Files are written as JSON
//! text directly, in parallel. None of this changes the output: it depends
//! only on the set of documents, not on their order or the number of
//! threads. `benches/search_index.rs` measures it.

mod analysis;
mod encode;

/// A JSON value as a file the search client loads (`orgbookSearchLoad("key",value);`),
/// escaped so it stays inert wherever it ends up.
pub(crate) use encode::js_file as script_file;
#[cfg(test)]
mod jsmin;
mod rank;
mod shard;

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde_json::{Value, json};

use encode::{js_file, js_file_raw, push_digit, push_json_str, push_varint};

/// What a search result is. The client shows it as a badge and offers it as
/// a facet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DocKind {
    Team = 0,
    Group = 1,
    Decision = 2,
    Page = 3,
}

/// Which part of a document some text comes from. This decides how much a
/// match in it weighs (see `rank.rs`). The discriminants index the ranking
/// table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Team name, decision title ("ADR 7: Adopt Postgres") or page title.
    Title = 0,
    /// A charter's `owns` items: one entry per item.
    Owns = 1,
    /// Section headings.
    Heading = 2,
    /// A charter's problem, metric names, lead, members and contact; a
    /// decision's number aliases (see [`decision_number_text`]), status,
    /// type, team, deciders and tags.
    Typed = 3,
    /// Rendered body text (`markdown::Rendered::text`), not Markdown source.
    Body = 4,
}

/// One searchable document. Its text can be borrowed from the rendered
/// handbook: the index only reads it, and copying every page's body text
/// costs more than indexing it.
#[derive(Clone, Debug)]
pub struct SearchDoc<'a> {
    /// Relative to the site root, e.g. "teams/payments.html".
    pub url: Cow<'a, str>,
    pub kind: DocKind,
    pub title: Cow<'a, str>,
    /// The owning team's display name. `None` for teams, groups and pages.
    pub team: Option<Cow<'a, str>>,
    /// A decision's status.
    pub status: Option<Cow<'a, str>>,
    /// A decision's type: 1 or 2.
    pub decision_type: Option<u8>,
    pub fields: Vec<(Field, Cow<'a, str>)>,
    /// The text the result snippet is cut from: a charter's problem, a
    /// page's description. `None` uses the start of the body text (or of the
    /// typed fields when there is no body).
    pub excerpt: Option<Cow<'a, str>>,
}

/// Text to index as a [`Field::Typed`] entry of decision `number`, so that
/// "ADR 7", "ADR-7", "adr7", "0007", "#7" and "7" all find it.
pub fn decision_number_text(number: u32) -> String {
    format!("ADR {number} ADR{number} {number:04}")
}

/// Sizes that decide how the index is split. The defaults keep one query
/// on a 10,000-document handbook under 100 KB, script included (measured
/// figures are in `docs/search.md`).
#[derive(Clone, Debug)]
pub(crate) struct Limits {
    /// Target size of one term shard file.
    pub shard_bytes: usize,
    /// The longest a single term's encoded postings may get before it is
    /// cut down to its strongest documents.
    pub max_posting_chars: usize,
    /// Target size of one document-metadata file.
    pub meta_bytes: usize,
    /// Below this total the whole index is written inline in the manifest.
    pub single_file_bytes: usize,
    /// A prefix that spans more term shards than this gets a summary.
    pub summary_span: usize,
    /// Documents kept per prefix summary.
    pub summary_docs: usize,
    /// Bytes of heads (top documents' rows) per term file or prefix summary.
    pub head_bytes: usize,
    /// Characters of excerpt stored per document.
    pub excerpt_chars: usize,
    /// Characters of snippet stored per section.
    pub section_chars: usize,
    /// Sections with a snippet per document; later ones have none.
    pub max_sections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            shard_bytes: 6_000,
            max_posting_chars: 7_000,
            meta_bytes: 1_600,
            single_file_bytes: 40_000,
            summary_span: 2,
            summary_docs: 48,
            head_bytes: 3_000,
            excerpt_chars: 180,
            section_chars: 100,
            max_sections: 12,
        }
    }
}

/// Builds the search index files: (path relative to the site root, bytes).
/// The paths are `search/index.js` (the manifest, which the client loads
/// first) and, unless the index fits inline, `search/t*.js` (terms),
/// `search/m*.js` (document metadata), `search/p*.js` (prefix summaries) and
/// `search/f*.js` and `search/n*.js` (facets). The output depends only on the set of documents,
/// not on their order.
pub fn build_index(docs: &[SearchDoc<'_>]) -> Vec<(String, Vec<u8>)> {
    build_with(docs, &Limits::default())
}

/// Facet order, so that documents sharing facet values get neighbouring
/// ids. The client can then store facets as runs (see `facets`), and the
/// metadata of a team's documents mostly lands in the same file.
fn doc_order(a: &SearchDoc<'_>, b: &SearchDoc<'_>) -> Ordering {
    (
        a.kind,
        &a.team,
        &a.status,
        a.decision_type,
        &a.url,
        &a.title,
    )
        .cmp(&(
            b.kind,
            &b.team,
            &b.status,
            b.decision_type,
            &b.url,
            &b.title,
        ))
}

fn is_team(d: &SearchDoc<'_>) -> bool {
    matches!(d.kind, DocKind::Team | DocKind::Group)
}

fn doc_text<'a>(d: &'a SearchDoc<'_>) -> rank::DocText<'a> {
    rank::DocText {
        fields: &d.fields,
        name_phrases: is_team(d),
    }
}

pub(crate) fn build_with(input: &[SearchDoc], limits: &Limits) -> Vec<(String, Vec<u8>)> {
    let mut docs: Vec<&SearchDoc> = input.iter().collect();
    docs.par_sort_by(|a, b| doc_order(a, b));

    let texts: Vec<rank::DocText> = docs.iter().map(|d| doc_text(d)).collect();
    let (impacts, meta) = rayon::join(
        || rank::index(&texts),
        || {
            docs.par_iter()
                .map(|d| meta_record(d, limits))
                .collect::<Vec<_>>()
        },
    );
    let facets = facets(&docs);
    collected(|put| write_index(&docs, impacts, Records::Held(meta), facets, limits, put))
}

/// A file of the index as it is made: (path relative to the site root, bytes).
pub type Put<'a> = dyn Fn(String, Vec<u8>) + Sync + 'a;

/// The files `make` hands over, in path order: what [`build_index`] returns.
fn collected(make: impl FnOnce(&Put<'_>)) -> Vec<(String, Vec<u8>)> {
    let files = std::sync::Mutex::new(Vec::new());
    make(&|path, bytes| {
        files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path, bytes))
    });
    let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
    files.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    files
}

/// The search index built from a stream of documents: each is analysed when it is
/// [added](Self::add), on the caller's thread, so its text can be dropped at once; the
/// files are made by [`Self::finish`]. A build thereby never holds every document's plain
/// text. The files are those [`build_index`] makes of the same documents, in whatever order
/// they came.
#[derive(Default)]
pub struct StreamingIndex {
    analyser: rank::Analyser,
    /// Per document: what ordering, facets, title keys and results need (no body text),
    /// its metadata record and its analysis.
    docs: std::sync::Mutex<Vec<(SearchDoc<'static>, Meta, rank::Analysed)>>,
    /// Whether each metadata record is held compressed until its file is written
    /// ([`Self::packing_records`]).
    pack_records: bool,
}

impl StreamingIndex {
    /// An index with room for `n` documents, so that the list of those added is not
    /// reallocated as it grows.
    pub fn with_capacity(n: usize) -> Self {
        StreamingIndex {
            analyser: Default::default(),
            docs: std::sync::Mutex::new(Vec::with_capacity(n)),
            pack_records: false,
        }
    }

    /// Holds each metadata record compressed until its file is written: for a large
    /// handbook, whose records are held through the whole Markdown stage (at 100,000 pages
    /// 88 MB of JSON, the largest part of the index at the build's memory peak). The
    /// files are the same.
    pub fn packing_records(mut self) -> Self {
        self.pack_records = true;
        self
    }

    pub fn add(&self, d: &SearchDoc<'_>) {
        let mut meta = meta_record(d, &Limits::default());
        if self.pack_records {
            meta.pack();
        } else {
            // Held until the index is made: the record grew as it was written, and its
            // spare room was a quarter of all records (33 of 129 MB at 100,000 pages).
            meta.json.shrink_to_fit();
        }
        let analysed = self.analyser.add(doc_text(d));
        let owned = |c: &Cow<'_, str>| Cow::Owned(c.to_string());
        let light = SearchDoc {
            url: owned(&d.url),
            kind: d.kind,
            title: owned(&d.title),
            team: d.team.as_ref().map(owned),
            status: d.status.as_ref().map(owned),
            decision_type: d.decision_type,
            // Owned items are title keys (see `title_keys`).
            fields: d
                .fields
                .iter()
                .filter(|(f, _)| *f == Field::Owns)
                .map(|(f, t)| (*f, owned(t)))
                .collect(),
            excerpt: None,
        };
        self.docs
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((light, meta, analysed));
    }

    /// The index's files, in path order.
    pub fn finish(self) -> Vec<(String, Vec<u8>)> {
        collected(|put| self.finish_into(put))
    }

    /// The index's files, each handed to `put` as soon as it is made (from any thread, in
    /// no set order), so that they are never all held at once: at 100,000 pages they are
    /// 116 MB, most of it 100,000 metadata files. The same files as [`Self::finish`].
    pub fn finish_into(self, put: &Put<'_>) {
        let mut docs = self.docs.into_inner().unwrap_or_else(|e| e.into_inner());
        docs.par_sort_by(|a, b| doc_order(&a.0, &b.0));
        let mut light = Vec::with_capacity(docs.len());
        let mut meta = Vec::with_capacity(docs.len());
        let mut analysed = Vec::with_capacity(docs.len());
        for (l, m, a) in docs {
            light.push(l);
            meta.push(m);
            analysed.push(a);
        }
        let limits = Limits::default();
        let refs: Vec<&SearchDoc> = light.iter().collect();
        let facets = facets(&refs);
        // The metadata files do not depend on the impacts: when the index is too large to
        // go inline whatever its terms, they are written (and the records freed) before the
        // documents are scored, so that the records and the postings are never held at once.
        let records = Records::Held(meta);
        let facet_bytes: usize = facets.iter().map(|f| f.1.to_string().len()).sum();
        let records = if records.plain_bytes() + facet_bytes > limits.single_file_bytes {
            records.write(refs.len(), &limits, put)
        } else {
            records
        };
        let impacts = self.analyser.finish(analysed);
        write_index(&refs, impacts, records, facets, &limits, put)
    }
}

/// The documents' metadata records, in index order.
enum Records {
    Held(Vec<Meta>),
    /// Written already: their files do not depend on the rest of the index. How many
    /// bytes of plain JSON they took.
    Written {
        plain_bytes: usize,
    },
}

impl Records {
    /// Their size as plain JSON, a comma each included: this decides whether the index
    /// goes inline and how many records go in a file.
    fn plain_bytes(&self) -> usize {
        match self {
            Records::Held(meta) => meta.iter().map(|m| m.plain_len + 1).sum(),
            Records::Written { plain_bytes } => *plain_bytes,
        }
    }

    /// Records per metadata file, for `n` documents.
    fn per_file(&self, n: usize, limits: &Limits) -> usize {
        let avg_meta = self.plain_bytes() / n.max(1);
        (limits.meta_bytes / avg_meta.max(1)).clamp(1, 64)
    }

    /// Writes the metadata files `m0.js`, `m1.js`… (the index must not go inline), each
    /// record freed once copied and each file once handed to `put`, in parallel.
    fn write(self, n: usize, limits: &Limits, put: &Put<'_>) -> Records {
        let plain_bytes = self.plain_bytes();
        let per_file = self.per_file(n, limits);
        if let Records::Held(mut meta) = self {
            meta.par_chunks_mut(per_file)
                .enumerate()
                .for_each(|(j, chunk)| {
                    let key = format!("m{j}");
                    let mut json = String::from("[");
                    for (i, m) in chunk.iter_mut().enumerate() {
                        if i > 0 {
                            json.push(',');
                        }
                        json.push_str(&m.take_json());
                    }
                    json.push(']');
                    put(format!("search/{key}.js"), js_file_raw(&key, &json));
                });
        }
        Records::Written { plain_bytes }
    }
}

/// The index files, from the documents in index order, their impacts and their metadata
/// records, each handed to `put` as soon as it is made, in no set order.
fn write_index(
    docs: &[&SearchDoc<'_>],
    impacts: rank::Impacts,
    records: Records,
    facets: Vec<(String, Value)>,
    limits: &Limits,
    put: &Put<'_>,
) {
    let keys = title_keys(docs);
    let mut entries: Vec<shard::Entry> = (0..impacts.terms.len())
        .into_par_iter()
        .map(|t| {
            shard::Entry::new(
                &impacts.terms[t],
                impacts.postings(t),
                limits.max_posting_chars,
            )
        })
        .collect();
    entries = merge_entries(
        entries,
        keys.iter()
            .map(|(k, docs)| shard::Entry::new(k, docs, limits.max_posting_chars))
            .collect(),
    );

    // Rounded so the manifest does not print 17 digits. Ranking only needs
    // a few.
    let step = (impacts.step * 1e6).round() / 1e6;

    // Documents are sorted by kind, so four counts tell the client every
    // document's kind without downloading anything else.
    let kinds: Vec<usize> = [
        DocKind::Team,
        DocKind::Group,
        DocKind::Decision,
        DocKind::Page,
    ]
    .iter()
    .map(|k| docs.iter().filter(|d| d.kind == *k).count())
    .collect();
    let teams_end = (kinds[0] + kinds[1]) as u32;
    let prior_levels = rank::TEAM_PRIOR.ln() / impacts.step.max(f64::MIN_POSITIVE);
    let boost = |doc: u32| if doc < teams_end { prior_levels } else { 0.0 };

    let mut manifest = json!({
        "v": 1,
        "n": docs.len(),
        "kinds": kinds,
        "fd": FACET_DOCS,
        "nd": TEAM_NAMES,
        "nt": docs.iter().filter_map(|d| d.team.as_deref()).collect::<BTreeSet<_>>().len(),
        "prior": rank::TEAM_PRIOR,
        "step": step,
        "span": limits.summary_span,
    });

    let term_bytes: usize = entries.iter().map(shard::Entry::size).sum();
    let meta_bytes = records.plain_bytes();
    let facet_bytes: usize = facets.iter().map(|f| f.1.to_string().len()).sum();

    if term_bytes + meta_bytes + facet_bytes <= limits.single_file_bytes {
        // Small enough to go inline. The JSON written for separate files
        // is read back, so both ways give the same values.
        let parse = |json: &str| -> Value { serde_json::from_str(json).expect("valid JSON") };
        let Records::Held(meta) = &records else {
            unreachable!("records are written ahead only when they cannot go inline")
        };
        let records: Vec<String> = meta.iter().map(Meta::json).collect();
        manifest["seps"] = json!(shard::front_code(&[String::new()]));
        manifest["md"] = json!(docs.len().max(1));
        manifest["sums"] = json!([]);
        let mut inline = json!({
            "t0": parse(&term_shard(&entries)),
            "m0": parse(&format!("[{}]", records.join(","))),
        });
        for (key, f) in facets {
            inline[key] = f;
        }
        manifest["inline"] = inline;
    } else {
        let shards = shard::partition(&entries, limits.shard_bytes);
        let seps: Vec<String> = shards.iter().map(|(s, _)| s.clone()).collect();
        let per_file = records.per_file(docs.len(), limits);
        let prefixes = shard::summary_prefixes(&seps, limits.summary_span);

        let ((), ((), summaries)) = rayon::join(
            || {
                shards.par_iter().enumerate().for_each(|(i, (_, range))| {
                    let key = format!("t{i}");
                    let part = &entries[range.clone()];
                    let mut json = term_shard(part);
                    let candidates = part.iter().filter_map(|e| {
                        let (rank, doc) =
                            strongest_doc(e.full.iter().map(|&p| rank::unpack(p)), boost)?;
                        let key = e.term.ends_with(analysis::TITLE_KEY_END);
                        Some(Head {
                            key,
                            df: e.full.len(),
                            rank,
                            doc,
                        })
                    });
                    push_heads(&mut json, docs, candidates, limits.head_bytes);
                    put(format!("search/{key}.js"), js_file_raw(&key, &json));
                })
            },
            || {
                rayon::join(
                    || {
                        records.write(docs.len(), limits, put);
                    },
                    || {
                        prefixes
                            .par_iter()
                            .map_init(
                                || vec![0u8; docs.len()],
                                |best, p| {
                                    let (total, top) = shard::summarise(
                                        &entries,
                                        p,
                                        limits.summary_docs,
                                        boost,
                                        best,
                                    );
                                    let head = strongest_doc(top.iter().copied(), boost).map(
                                        |(rank, doc)| Head {
                                            key: false,
                                            df: total,
                                            rank,
                                            doc,
                                        },
                                    );
                                    (total, encode::encode_postings(&top), head)
                                },
                            )
                            .collect::<Vec<_>>()
                    },
                )
            },
        );
        // The postings are read no further.
        drop(entries);
        drop((impacts, keys));

        // The client names a summary file after the first code point of the
        // prefix it is typing. Grouping by that keeps the files few.
        let mut groups: Vec<(u32, String)> = Vec::new();
        // The strongest document of each summary entry, as heads (see `push_heads`).
        let mut group_heads: Vec<Vec<Head>> = Vec::new();
        for (p, (total, top, head)) in prefixes.iter().zip(summaries) {
            let first = p.chars().next().map_or(0, u32::from);
            if groups.last().is_none_or(|g| g.0 != first) {
                groups.push((first, String::from("[")));
                group_heads.push(Vec::new());
            }
            group_heads.last_mut().expect("pushed above").extend(head);
            let json = &mut groups.last_mut().expect("pushed above").1;
            if json.len() > 1 {
                json.push(',');
            }
            push_json_str(json, p);
            json.push(',');
            json.push_str(&total.to_string());
            json.push(',');
            push_json_str(json, &top);
        }
        let mut groups: Vec<((u32, String), Vec<Head>)> =
            groups.into_iter().zip(group_heads).collect();
        groups.sort_by_key(|g| g.0.0);
        let mut sums = Vec::new();
        for ((first, mut json), heads) in groups {
            json.push(']');
            push_heads(&mut json, docs, heads.into_iter(), limits.head_bytes);
            let key = format!("p{first:x}");
            sums.push(format!("{first:x}"));
            put(format!("search/{key}.js"), js_file_raw(&key, &json));
        }

        for (key, f) in &facets {
            put(format!("search/{key}.js"), js_file(key, f));
        }
        manifest["seps"] = json!(shard::front_code(&seps));
        manifest["md"] = json!(per_file);
        manifest["sums"] = json!(sums);
    }
    put("search/index.js".into(), js_file("index", &manifest));
}

/// The title keys (see `analysis::title_key`) with the documents that have
/// each, sorted like terms. A document's names are its title and its `owns`
/// items: typing an owned item's whole name is asking for its owner as much
/// as typing a title is. Every posting has the top impact: the key only
/// says "this is the name", the ranking is the client's.
fn title_keys(docs: &[&SearchDoc<'_>]) -> Vec<(String, Vec<rank::Posting>)> {
    let mut pairs: Vec<(String, u32)> = docs
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, d)| {
            let owns = d.fields.iter().filter(|(f, _)| *f == Field::Owns);
            std::iter::once(&*d.title)
                .chain(owns.map(|(_, t)| &**t))
                .filter_map(move |name| analysis::title_key(name).map(|k| (k, i as u32)))
        })
        .collect();
    pairs.par_sort_unstable_by(|a, b| encode::cmp_utf16(&a.0, &b.0).then(a.1.cmp(&b.1)));
    pairs.dedup();
    let mut out: Vec<(String, Vec<rank::Posting>)> = Vec::new();
    let top = |doc| rank::pack(doc, rank::LEVELS - 1);
    for (key, doc) in pairs {
        match out.last_mut() {
            Some((k, docs)) if *k == key => docs.push(top(doc)),
            _ => out.push((key, vec![top(doc)])),
        }
    }
    out
}

/// Merges two lists of entries sorted by term (no term in both) into one.
fn merge_entries<'a>(a: Vec<shard::Entry<'a>>, b: Vec<shard::Entry<'a>>) -> Vec<shard::Entry<'a>> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let mut b = b.into_iter().peekable();
    for e in a {
        while let Some(k) = b.next_if(|k| encode::cmp_utf16(k.term, e.term) == Ordering::Less) {
            out.push(k);
        }
        out.push(e);
    }
    out.extend(b);
    out
}

/// A term shard: a flat `[term, postings, term, postings, …]` array. An
/// array and not an object, so that a term like `__proto__` can never
/// become an object key. A truncated term's postings are `[encoded, df]`.
fn term_shard(entries: &[shard::Entry<'_>]) -> String {
    let mut out = String::with_capacity(entries.iter().map(shard::Entry::size).sum::<usize>() + 2);
    out.push('[');
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json_str(&mut out, e.term);
        out.push(',');
        if e.truncated {
            out.push('[');
            push_json_str(&mut out, &e.enc);
            out.push(',');
            out.push_str(&e.full.len().to_string());
            out.push(']');
        } else {
            push_json_str(&mut out, &e.enc);
        }
    }
    out.push(']');
    out
}

/// The document the client ranks first for a posting list on its own: the highest
/// impact, lifted by `boost` for teams and groups; on a tie, the lower doc id. With the
/// lifted impact it ranks by.
fn strongest_doc(
    postings: impl Iterator<Item = (u32, u8)>,
    boost: impl Fn(u32) -> f64,
) -> Option<(f64, u32)> {
    postings
        .map(|(doc, q)| (f64::from(q) + boost(doc), doc))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
}

/// A candidate head: the strongest document of one entry of a term file or summary.
struct Head {
    /// The entry is a title key.
    key: bool,
    /// The entry's document count.
    df: usize,
    /// The document's lifted impact.
    rank: f64,
    doc: u32,
}

/// Adds the *heads* to a term file or prefix summary (JSON ending with its array's `]`):
/// one last element, an array of `[id, url, title, kind, team, status]`, the start of
/// those documents' metadata records, in id order, so that the client can show a top
/// result's row before its metadata file is in (docs/search.md, "Heads"). A file's heads
/// take at most `budget` bytes: title keys' documents first, then those of the entries
/// in the most documents, the strongest, the first in the file; a document already in,
/// or one that does not fit, is passed over.
fn push_heads(
    json: &mut String,
    docs: &[&SearchDoc<'_>],
    candidates: impl Iterator<Item = Head>,
    budget: usize,
) {
    let mut candidates: Vec<Head> = candidates.collect();
    // Stable: on a full tie, the earlier entry first.
    candidates.sort_by(|a, b| {
        b.key
            .cmp(&a.key)
            .then(b.df.cmp(&a.df))
            .then(b.rank.total_cmp(&a.rank))
    });
    let mut chosen: BTreeMap<u32, String> = BTreeMap::new();
    let mut size = 0;
    for h in candidates {
        if chosen.contains_key(&h.doc) {
            continue;
        }
        let d = docs[h.doc as usize];
        let mut rec = format!("[{},", h.doc);
        push_json_str(&mut rec, &d.url);
        rec.push(',');
        push_json_str(&mut rec, &d.title);
        rec.push_str(&format!(",{},", d.kind as u8));
        push_json_str(&mut rec, d.team.as_deref().unwrap_or(""));
        rec.push(',');
        push_json_str(&mut rec, d.status.as_deref().unwrap_or(""));
        rec.push(']');
        if size + rec.len() + 1 > budget {
            continue;
        }
        size += rec.len() + 1;
        chosen.insert(h.doc, rec);
    }
    debug_assert!(json.ends_with(']'));
    json.pop();
    json.push_str(if json.len() > 1 { ",[" } else { "[" });
    for (i, rec) in chosen.values().enumerate() {
        if i > 0 {
            json.push(',');
        }
        json.push_str(rec);
    }
    json.push_str("]]");
}

/// One document's metadata record as JSON, escaped for a script file.
struct Meta {
    /// Empty while the record is [packed](Self::pack).
    json: String,
    /// The record compressed with zstd, and its length: one record at a time, since the
    /// records are written in index order, known only once every document is in. A
    /// record (~900 bytes at 100,000 pages) compresses 1.6× alone.
    packed: Option<(Box<[u8]>, usize)>,
    /// Its length as plain JSON, without the script escapes.
    plain_len: usize,
}

thread_local! {
    // One context per thread, made once: making a decompression context for each record
    // cost 4 % of a 100,000-page build.
    static RECORD_PACKER: std::cell::RefCell<Option<zstd::bulk::Compressor<'static>>> =
        const { std::cell::RefCell::new(None) };
    static RECORD_UNPACKER: std::cell::RefCell<Option<zstd::bulk::Decompressor<'static>>> =
        const { std::cell::RefCell::new(None) };
}

impl Meta {
    fn pack(&mut self) {
        let packed = RECORD_PACKER.with_borrow_mut(|packer| {
            // zstd's fastest level: a record is packed once and unpacked once.
            let packer = match packer {
                Some(p) => p,
                None => packer.insert(zstd::bulk::Compressor::new(1).ok()?),
            };
            packer.compress(self.json.as_bytes()).ok()
        });
        // Kept plain if zstd could not start (out of memory): the same files either way.
        if let Some(packed) = packed {
            self.packed = Some((packed.into(), self.json.len()));
            self.json = String::new();
        }
    }

    /// The record's JSON, unpacked if need be.
    fn json(&self) -> String {
        match &self.packed {
            Some((packed, len)) => {
                let bytes = RECORD_UNPACKER
                    .with_borrow_mut(|unpacker| {
                        let unpacker = match unpacker {
                            Some(u) => u,
                            None => unpacker.insert(zstd::bulk::Decompressor::new()?),
                        };
                        unpacker.decompress(packed, *len)
                    })
                    .expect("a record decompresses: this build compressed it");
                String::from_utf8(bytes).expect("a record is the UTF-8 this build compressed")
            }
            None => self.json.clone(),
        }
    }

    /// The record's JSON, leaving it empty.
    fn take_json(&mut self) -> String {
        match self.packed.is_some() {
            true => {
                let json = self.json();
                self.packed = None;
                json
            }
            false => std::mem::take(&mut self.json),
        }
    }
}

/// `[url, title, kind, team, status, type, excerpt]`, plus
/// `[heading, snippet, heading, snippet, …]` for a document with sections.
/// Positional, to keep the per-result download small.
fn meta_record(d: &SearchDoc<'_>, limits: &Limits) -> Meta {
    let body = sections(d);
    let mut json = String::from("[");
    let mut extra = push_json_str(&mut json, &d.url);
    json.push(',');
    extra += push_json_str(&mut json, &d.title);
    json.push_str(&format!(",{},", d.kind as u8));
    extra += push_json_str(&mut json, d.team.as_deref().unwrap_or(""));
    json.push(',');
    extra += push_json_str(&mut json, d.status.as_deref().unwrap_or(""));
    json.push_str(&format!(",{},", d.decision_type.unwrap_or(0)));
    extra += push_json_str(&mut json, &excerpt(d, &body, limits.excerpt_chars));
    if !body.sections.is_empty() {
        json.push_str(",[");
        for (i, (heading, text)) in body.sections.iter().take(limits.max_sections).enumerate() {
            if i > 0 {
                json.push(',');
            }
            extra += push_json_str(&mut json, heading);
            json.push(',');
            extra += push_json_str(
                &mut json,
                &cut_at_word(text.split_whitespace(), limits.section_chars),
            );
        }
        json.push(']');
    }
    json.push(']');
    Meta {
        plain_len: json.len() - extra,
        json,
        packed: None,
    }
}

/// A document's body text cut at its headings: the lead (the text before
/// the first heading) and each heading with the text up to the next one.
/// Headings with no text of their own are left out.
#[derive(Debug, Default)]
struct Sections<'a> {
    lead: &'a str,
    sections: Vec<(&'a str, &'a str)>,
}

/// Splits the first `Body` field at the `Heading` fields. The rendered text
/// (`markdown::Rendered::text`) puts each heading on a line of its own, in
/// the order of the headings, so each heading is looked for as a whole line
/// after the previous one. A heading that is not found ends the search, so
/// the work stays linear in the text whatever the input.
fn sections<'a>(d: &'a SearchDoc<'_>) -> Sections<'a> {
    let Some(body) = d
        .fields
        .iter()
        .find(|(f, t)| *f == Field::Body && !t.trim().is_empty())
        .map(|(_, t)| &**t)
    else {
        return Sections::default();
    };
    // (heading, where its line starts, where its text starts)
    let mut cuts: Vec<(&str, usize, usize)> = Vec::new();
    let mut pos = 0;
    let headings = d.fields.iter().filter(|(f, _)| *f == Field::Heading);
    'headings: for (_, h) in headings {
        let h = h.trim();
        if h.is_empty() {
            continue;
        }
        let mut from = pos;
        let finder = memchr::memmem::Finder::new(h);
        while let Some(i) = finder.find(&body.as_bytes()[from..]) {
            let at = from + i;
            let end = at + h.len();
            let before = body[..at].trim_end_matches([' ', '\t']);
            let after = body[end..].trim_start_matches([' ', '\t']);
            if (before.is_empty() || before.ends_with('\n'))
                && (after.is_empty() || after.starts_with('\n'))
            {
                cuts.push((h, at, end));
                pos = end;
                continue 'headings;
            }
            from = end;
        }
        break;
    }
    let mut out = Sections {
        lead: cuts.first().map_or(body, |c| &body[..c.1]),
        sections: Vec::with_capacity(cuts.len()),
    };
    for (i, &(h, _, start)) in cuts.iter().enumerate() {
        let end = cuts.get(i + 1).map_or(body.len(), |c| c.1);
        let text = &body[start..end];
        // A leading "# Title" heading opens the lead, not a section.
        if i == 0 && out.lead.trim().is_empty() && h == d.title.trim() {
            out.lead = text;
        } else if !text.trim().is_empty() {
            out.sections.push((h, text));
        }
    }
    out
}

/// The snippet text shown when no section matches: [`SearchDoc::excerpt`]
/// if set, else the lead of the body. A document with no body text at all
/// uses its typed fields. At most `max_chars` characters, cut at a word and
/// ended with "…" when cut. Empty when the body opens with a heading: the
/// client then shows the first section.
fn excerpt(d: &SearchDoc<'_>, body: &Sections<'_>, max_chars: usize) -> String {
    if let Some(e) = &d.excerpt {
        return cut_at_word(e.split_whitespace(), max_chars);
    }
    let has_body = d
        .fields
        .iter()
        .any(|(f, t)| *f == Field::Body && !t.trim().is_empty());
    if has_body {
        return cut_at_word(body.lead.split_whitespace(), max_chars);
    }
    // The typed fields' words joined with " · ", without joining them.
    let words = d
        .fields
        .iter()
        .filter(|(f, _)| *f == Field::Typed)
        .enumerate()
        .flat_map(|(i, (_, t))| {
            (i > 0)
                .then_some("·")
                .into_iter()
                .chain(t.split_whitespace())
        });
    cut_at_word(words, max_chars)
}

fn cut_at_word<'a>(words: impl Iterator<Item = &'a str>, max_chars: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    for w in words {
        let len = w.chars().count();
        if chars + len + usize::from(!out.is_empty()) > max_chars {
            if out.is_empty() {
                // One huge "word", such as a CJK paragraph: cut it.
                out = w.chars().take(max_chars).collect();
            }
            out.push('…');
            return out;
        }
        if !out.is_empty() {
            out.push(' ');
            chars += 1;
        }
        out.push_str(w);
        chars += len;
    }
    out
}

/// Facets as runs over doc ids. Documents are sorted by kind and team (see
/// `doc_order`), so one run per (kind, team) covers them: `varint(length)
/// digit(kind) varint(team)`. Then comes `digit(0)` if no document in the
/// run has a status or type, or `digit(1)` followed by one
/// `varint(status * 3 + type)` per document. A team is its number in the handbook's
/// list of team names and a status its number in `statuses`, both from 1 (0 means none).
/// A decision costs about one character.
///
/// The runs come in files of [`FACET_DOCS`] documents (`f0`, `f1`, …) and the team names
/// in files of [`TEAM_NAMES`] (`n0`, `n1`, …, sorted as the client compares strings): the
/// results page loads the runs its hits fall in and the names of the teams it shows. One
/// file of every document's facets grew with the handbook (110 KB at 10,000 pages, 1.16 MB
/// at 100,000, three quarters of it team names) and was downloaded whole with every query.
fn facets(docs: &[&SearchDoc<'_>]) -> Vec<(String, Value)> {
    let mut teams: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.team.as_deref())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    teams.sort_by(|a, b| encode::cmp_utf16(a, b));
    let numbers: BTreeMap<&str, u32> = teams.iter().zip(1..).map(|(t, i)| (*t, i)).collect();
    let statuses: Vec<&str> = docs
        .iter()
        .filter_map(|d| d.status.as_deref())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let runs = docs.chunks(FACET_DOCS).enumerate().map(|(k, chunk)| {
        let runs = facet_runs(chunk, &numbers, &statuses);
        (
            format!("f{k}"),
            json!({ "statuses": statuses, "runs": runs }),
        )
    });
    let names = teams
        .chunks(TEAM_NAMES)
        .enumerate()
        .map(|(j, names)| (format!("n{j}"), json!(names)));
    runs.chain(names).collect()
}

/// Documents per facets file: about 6 KB of runs.
pub(crate) const FACET_DOCS: usize = 2000;

/// Team names per names file: the results page shows eight teams, so a file of names
/// should be small (about 1.5 KB).
pub(crate) const TEAM_NAMES: usize = 64;

/// The runs of some documents, as [`facets`] describes.
fn facet_runs(docs: &[&SearchDoc<'_>], teams: &BTreeMap<&str, u32>, statuses: &[&str]) -> String {
    let team = |d: &SearchDoc<'_>| d.team.as_deref().and_then(|t| teams.get(t)).copied();
    let group = |d: &SearchDoc<'_>| (d.kind as u8, team(d).unwrap_or(0));
    let detail = |d: &SearchDoc<'_>| {
        let status = d.status.as_deref();
        let status = status.map_or(0, |v| statuses.binary_search(&v).map_or(0, |i| i + 1));
        status as u32 * 3 + u32::from(d.decision_type.unwrap_or(0).min(2))
    };
    let mut runs = String::new();
    let mut i = 0;
    while i < docs.len() {
        let g = group(docs[i]);
        let len = docs[i..].iter().take_while(|d| group(d) == g).count();
        let run = &docs[i..i + len];
        push_varint(&mut runs, len as u32);
        push_digit(&mut runs, g.0);
        push_varint(&mut runs, g.1);
        if run.iter().all(|d| detail(d) == 0) {
            push_digit(&mut runs, 0);
        } else {
            push_digit(&mut runs, 1);
            for d in run {
                push_varint(&mut runs, detail(d));
            }
        }
        i += len;
    }
    runs
}

#[cfg(test)]
mod tests;
