//! How the rendered Markdown bodies are held between the Markdown stage and the pages that
//! show them, when a handbook is large. A build renders every body before any page (the
//! pages need every document's headings, anchors and backlinks), and at 100,000 pages the
//! bodies' HTML (~500 MB) is the largest thing it holds. [`Bodies`] keeps them compressed
//! with zstd (level 1) in runs of [`RUN_DOCS`] consecutive documents, and gives a page its
//! body back as it is rendered. Runs, not single bodies: neighbouring bodies share their
//! markup and much of their vocabulary. At 100,000 pages (teams shape of
//! `benches/build.sh`) the 523 MB of HTML are held in 162 MB; LZ4 in runs of 16, which
//! this replaced, held the default shape's 501 MiB in 231 MiB (zstd's window also reaches
//! across a longer run: on a sample of those pages, runs of 16, 32 and 64 compressed 4.3×,
//! 4.8× and 5.0×). Each thread keeps the last run it decompressed: pages are rendered in
//! document order, each thread taking consecutive documents, so a run is decompressed
//! about once. Whether to compress at all is the caller's choice (`site.rs`): below a few
//! hundred MB of Markdown the saving is not worth the CPU.

use crate::markdown::Rendered;
use crate::model::DocId;
use rayon::prelude::*;
use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

/// Consecutive documents compressed together.
pub const RUN_DOCS: usize = 64;

/// zstd's fastest standard level.
const LEVEL: i32 = 1;

/// Marks a document whose body is not held here (it is in [`Rendered::html`]).
const PLAIN: u32 = u32::MAX;

/// Rendered bodies held compressed; every other body stays in its [`Rendered::html`].
#[derive(Default)]
pub struct Bodies {
    /// Tells stores apart in each thread's cache of the last run (two builds may share a
    /// process and its threads, as tests do). 0 until the first body is held.
    store: u64,
    /// Per document, the run holding its body, or [`PLAIN`].
    run_of: Vec<u32>,
    runs: Vec<Run>,
}

struct Run {
    first: DocId,
    /// Where each document's body ends in the decompressed run.
    ends: Box<[u32]>,
    packed: Box<[u8]>,
}

static STORES: AtomicU64 = AtomicU64::new(1);

thread_local! {
    /// The last run this thread decompressed: (store, run, its bytes).
    static LAST: RefCell<(u64, usize, Vec<u8>)> = const { RefCell::new((0, 0, Vec::new())) };
}

impl Bodies {
    /// Takes the bodies of `rendered` (documents `first`, `first + 1`, …) into the store,
    /// compressed, leaving each [`Rendered::html`] empty.
    pub fn hold(&mut self, first: DocId, rendered: &mut [Rendered]) {
        if self.store == 0 {
            self.store = STORES.fetch_add(1, Ordering::Relaxed);
        }
        let runs: Vec<Run> = rendered
            .par_chunks_mut(RUN_DOCS)
            .enumerate()
            .map(|(i, docs)| {
                let mut raw = Vec::with_capacity(docs.iter().map(|r| r.html.len()).sum());
                let mut ends = Vec::with_capacity(docs.len());
                for r in docs {
                    raw.extend_from_slice(std::mem::take(&mut r.html).as_bytes());
                    ends.push(u32::try_from(raw.len()).expect("a run of bodies under 4 GB"));
                }
                Run {
                    first: first + i * RUN_DOCS,
                    ends: ends.into(),
                    packed: zstd::bulk::compress(&raw, LEVEL)
                        .expect("zstd compresses a run held in memory")
                        .into(),
                }
            })
            .collect();
        let end = first + rendered.len();
        if self.run_of.len() < end {
            self.run_of.resize(end, PLAIN);
        }
        for run in runs {
            let index = u32::try_from(self.runs.len()).expect("under 4 billion runs");
            self.run_of[run.first..run.first + run.ends.len()].fill(index);
            self.runs.push(run);
        }
    }

    /// Document `id`'s body, when it is held here; otherwise it is in its
    /// [`Rendered::html`].
    pub fn get(&self, id: DocId) -> Option<String> {
        let index = *self.run_of.get(id).filter(|&&r| r != PLAIN)? as usize;
        let run = &self.runs[index];
        let at = id - run.first;
        let start = if at == 0 {
            0
        } else {
            run.ends[at - 1] as usize
        };
        let end = run.ends[at] as usize;
        LAST.with_borrow_mut(|(store, last, bytes)| {
            if (*store, *last) != (self.store, index) {
                bytes.clear();
                bytes.reserve(*run.ends.last().expect("a run has documents") as usize);
                zstd::bulk::Decompressor::new()
                    .and_then(|mut d| d.decompress_to_buffer(&run.packed, bytes))
                    .expect("a run decompresses: this build compressed it");
                (*store, *last) = (self.store, index);
            }
            Some(
                String::from_utf8(bytes[start..end].to_vec())
                    .expect("a body is the UTF-8 this build compressed"),
            )
        })
    }

    /// Puts document `id`'s body back into `r.html`, for a step that rewrites it.
    pub fn restore(&mut self, id: DocId, r: &mut Rendered) {
        if let Some(html) = self.get(id) {
            r.html = html;
            self.run_of[id] = PLAIN;
        }
    }
}
