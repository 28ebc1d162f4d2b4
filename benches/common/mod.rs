//! What the in-process benchmarks (`relink`, `sweep`) share: their command line, a
//! handbook folder made by `benches/gen_handbook.py` and a number of runs.

use std::path::PathBuf;

/// `--dir` (default: the teams-shape 10,000-page handbook) and `--runs`.
pub struct Args {
    pub dir: PathBuf,
    pub runs: usize,
}

/// Reads `--dir FOLDER` and `--runs N` (default `default_runs`) and checks that the folder
/// holds a handbook; other arguments (`cargo bench` passes `--bench` and perhaps a filter)
/// are ignored.
pub fn args(default_runs: usize) -> Args {
    let mut dir = PathBuf::from("/dev/shm/orgbook-bench/hb-teams-10000");
    let mut runs = default_runs;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--dir" => dir = PathBuf::from(it.next().expect("--dir needs a folder")),
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--runs needs a number")
            }
            _ => {}
        }
    }
    assert!(
        dir.join("orgbook.toml").is_file(),
        "no handbook at {}: make one with benches/gen_handbook.py",
        dir.display()
    );
    Args { dir, runs }
}
