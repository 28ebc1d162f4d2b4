//! Benchmark of the link stage as `orgbook serve` re-runs it after a front-matter edit.
//!
//! ```sh
//! cargo bench --bench relink -- --dir /dev/shm/orgbook-bench/hb-teams-10000 --runs 21
//! ```
//!
//! The handbook at `--dir` (made by `benches/gen_handbook.py`) is loaded once. Each run
//! then hands a copy of the loaded documents to [`orgbook::link::resolve`] and computes
//! who depends on each team, which is what the server does before it serves the edited
//! page (`serve::model`'s `relink`; the health findings wait for the sweep), and prints
//! the median, min and max wall time of that. The copy is made outside the timed region.
//! A front-matter edit's time to the served page is mostly this stage, so this is where
//! to look when `benches/rebuild.sh`'s front-matter figure moves.

mod common;

use std::time::{Duration, Instant};

use orgbook::load::Loaded;

fn main() {
    let common::Args { dir, runs } = common::args(21);
    let (config, _) = orgbook::site::load_config(&dir);
    let sources = orgbook::site::load_sources(&dir, &config);
    let loaded = sources.loaded;
    println!(
        "relink of {} ({} documents), {runs} runs",
        dir.display(),
        loaded.docs.len()
    );
    let mut times: Vec<Duration> = Vec::with_capacity(runs);
    let mut teams = 0;
    for _ in 0..runs.max(1) {
        let copy = Loaded {
            docs: loaded.docs.clone(),
            assets: loaded.assets.clone(),
            unparsed: loaded.unparsed.clone(),
            drafts: loaded.drafts.clone(),
            folder_settings: loaded.folder_settings.clone(),
            nav_order: loaded.nav_order.clone(),
            static_files: loaded.static_files.clone(),
            code_owners: loaded.code_owners.clone(),
            root: loaded.root.clone(),
            redirect_files: loaded.redirect_files.clone(),
        };
        let config = config.clone();
        let start = Instant::now();
        let mut diags = Vec::new();
        let handbook = orgbook::link::resolve(config, copy, &mut diags);
        let depended_on_by = orgbook::health::depended_on_by(&handbook);
        times.push(start.elapsed());
        teams = handbook.teams.len();
        // Dropped outside the timed region.
        drop((handbook, depended_on_by));
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "link::resolve + depended_on_by ({teams} teams)   median {:.1} ms   min {:.1} ms   max {:.1} ms",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    );
}
