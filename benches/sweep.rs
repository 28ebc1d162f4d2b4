//! Benchmark of what `orgbook serve` does after an edit once the edited page is served:
//! the sweep that checks every other page against its context, then the pages about the
//! whole handbook (indexes, org map, feeds…), as [`orgbook::serve::model::Model`] runs
//! them.
//!
//! ```sh
//! cargo bench --bench sweep -- --dir /dev/shm/orgbook-bench/hb-teams-10000 --runs 9
//! ```
//!
//! The handbook at `--dir` (made by `benches/gen_handbook.py`) is copied to a scratch
//! folder beside it and loaded into a model once. Each run edits one charter with a parent
//! the way `benches/rebuild.sh` does, alternating a body edit (a line appended) and a
//! front-matter edit (its `problem` changed), hands the change to the model, and then
//! times the deferred work up to, not including, the search index: the figure
//! `rebuild.sh` reports as "all pages" less the edited page's own update. Prints the
//! median, min and max of each kind. The update itself is timed too, for reference.

mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use orgbook::serve::model::{Model, Settings, Step};
use orgbook::serve::watch::Changes;

fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("readable handbook");
        let rel = entry.path().strip_prefix(from).expect("below the handbook");
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("scratch folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A charter with a parent that is not a group itself, as rebuild.sh picks one.
fn pick_charter(root: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join("content/teams"))
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .filter(|p| p.file_name().is_some_and(|n| n != "_index.md"))
        .collect();
    files.sort();
    files
        .into_iter()
        .find(|p| {
            let text = std::fs::read_to_string(p).unwrap_or_default();
            text.contains("\nparent = ") && !text.contains("kind = \"group\"")
        })
        .expect("a charter with a parent")
}

fn stats(label: &str, times: &mut [Duration]) {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{label}: median {:.1} ms (min {:.1}, max {:.1}, {} runs)",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1]),
        times.len()
    );
}

fn main() {
    let common::Args { dir, runs } = common::args(9);
    let scratch = dir.with_file_name(format!(
        "{}-sweep-scratch",
        dir.file_name().unwrap().to_string_lossy()
    ));
    let _ = std::fs::remove_dir_all(&scratch);
    copy_tree(&dir, &scratch);
    let charter = pick_charter(&scratch);
    let original = std::fs::read_to_string(&charter).expect("charter");
    let (mut model, first) = Model::new(&scratch, Settings::default());
    assert!(
        first.delta.is_some(),
        "the handbook has errors: {:?}",
        first.diagnostics.iter().find(|d| d.is_error())
    );
    // The first derived files and health: not part of any edit.
    while model.refresh_deferred().is_some() {}
    println!(
        "sweep after an edit of {} in {} ({} documents), {runs} runs of each kind",
        charter.strip_prefix(&scratch).unwrap().display(),
        dir.display(),
        model.handbook().docs.len()
    );
    let mut text = original.clone();
    let mut times: [(Vec<Duration>, Vec<Duration>); 2] = Default::default();
    for i in 0..runs.max(1) {
        for (kind, (update_t, sweep_t)) in times.iter_mut().enumerate() {
            if kind == 0 {
                text.push_str(&format!("\nEdited {i}.\n"));
            } else {
                text = text.replacen("problem = \"", &format!("problem = \"{i} "), 1);
            }
            std::fs::write(&charter, &text).expect("write charter");
            let mut changes = Changes::default();
            changes.content.insert(charter.clone());
            let t = Instant::now();
            let rebuild = model.update(&changes);
            update_t.push(t.elapsed());
            assert!(rebuild.delta.is_some(), "the edit broke the handbook");
            let t = Instant::now();
            let mut swept = Duration::ZERO;
            while let Some(r) = model.refresh_deferred() {
                if r.step == Step::Derived {
                    break;
                }
                swept = t.elapsed();
            }
            sweep_t.push(swept);
        }
    }
    std::fs::write(&charter, &original).expect("restore charter");
    let _ = std::fs::remove_dir_all(&scratch);
    let [(bu, bs), (fu, fs)] = &mut times;
    stats("body edit, update (the edited page)", bu);
    stats("body edit, sweep + pages about the whole handbook", bs);
    stats("front-matter edit, update (the edited page)", fu);
    stats(
        "front-matter edit, sweep + pages about the whole handbook",
        fs,
    );
}
