//! Benchmark of the search index builder on a synthetic handbook.
//!
//! ```sh
//! cargo bench --bench search_index                       # 10,000 pages, 7 runs
//! cargo bench --bench search_index -- --pages 2000 --runs 15
//! cargo bench --bench search_index -- --dir /dev/shm/hb10k --no-site
//! ```
//!
//! The handbook is `--dir` (default `/dev/shm/orgbook-bench/hb-<pages>`),
//! generated there by `benches/gen_handbook.py` if it holds none yet.
//! It is loaded, linked and rendered once. Then each measurement runs `--runs`
//! times and prints median, min and max wall time:
//!
//! - `build_index`: `orgbook::search::build_index` on the prepared documents;
//! - `search_docs + build_index`: the same, plus making the documents from the
//!   rendered Markdown (what `orgbook build` does beside the pages);
//! - `site::build + write`: the whole build, as `orgbook build` runs it
//!   (skipped with `--no-site`).
//!
//! `--index-only` measures `build_index` alone.
//!
//! It also prints the median CPU time over all threads. On a busy machine
//! that varies much less than the wall time. Every run of `build_index` must
//! give byte-identical files; the benchmark fails otherwise.
//! `RAYON_NUM_THREADS=1` measures one core.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use orgbook::render::RenderOptions;

struct Args {
    pages: usize,
    runs: usize,
    seed: u64,
    dir: Option<PathBuf>,
    site: bool,
    docs: bool,
}

fn parse_args() -> Args {
    let mut args = Args {
        pages: 10_000,
        runs: 7,
        seed: 1,
        dir: None,
        site: true,
        docs: true,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().unwrap_or_else(|| panic!("{name} needs a value"));
        match a.as_str() {
            "--pages" => args.pages = value("--pages").parse().expect("--pages: a number"),
            "--runs" => args.runs = value("--runs").parse().expect("--runs: a number"),
            "--seed" => args.seed = value("--seed").parse().expect("--seed: a number"),
            "--dir" => args.dir = Some(PathBuf::from(value("--dir"))),
            "--no-site" => args.site = false,
            "--index-only" => (args.site, args.docs) = (false, false),
            // `cargo bench` passes `--bench`; a filter string may follow.
            _ => {}
        }
    }
    args.runs = args.runs.max(1);
    args
}

/// The handbook folder, generated first if it does not exist yet.
fn handbook(args: &Args) -> PathBuf {
    let dir = args
        .dir
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("/dev/shm/orgbook-bench/hb-{}", args.pages)));
    if !dir.join("orgbook.toml").is_file() {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/gen_handbook.py");
        eprintln!("generating {} pages into {}", args.pages, dir.display());
        let status = Command::new("python3")
            .arg(&script)
            .arg(&dir)
            .args(["--pages", &args.pages.to_string()])
            .args(["--seed", &args.seed.to_string(), "--force", "-q"])
            .status()
            .expect("python3 runs");
        assert!(status.success(), "gen_handbook.py failed");
    }
    dir
}

/// CPU time used so far by all threads of this process, from
/// `/proc/self/task/*/schedstat` (nanoseconds on a CPU). `None` where that
/// does not exist.
fn cpu_time() -> Option<Duration> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        let stat = std::fs::read_to_string(task.ok()?.path().join("schedstat")).ok()?;
        total += stat.split_whitespace().next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_nanos(total))
}

/// Wall and CPU times of the runs of one measurement.
struct Times {
    wall: Vec<Duration>,
    cpu: Vec<Duration>,
}

/// Runs `f` `runs` times; returns the times and the last result.
fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Times, T) {
    let mut times = Times {
        wall: Vec::with_capacity(runs),
        cpu: Vec::with_capacity(runs),
    };
    let mut last = None;
    for _ in 0..runs {
        let cpu = cpu_time();
        let start = Instant::now();
        let out = f();
        times.wall.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu, cpu_time()) {
            times.cpu.push(after.saturating_sub(before));
        }
        // Dropped outside the timed region.
        last = Some(out);
    }
    (times, last.expect("at least one run"))
}

/// Prints median, min and max wall time, and the median CPU time: on a
/// busy machine the wall time of a parallel build varies, its CPU time much
/// less.
fn report(name: &str, mut t: Times) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    t.wall.sort();
    t.cpu.sort();
    let n = t.wall.len();
    print!(
        "{name:<28} median {:>7.1} ms   min {:>7.1} ms   max {:>7.1} ms",
        ms(t.wall[n / 2]),
        ms(t.wall[0]),
        ms(t.wall[n - 1])
    );
    match t.cpu.get(t.cpu.len() / 2) {
        Some(&cpu) => println!("   cpu {:>7.1} ms", ms(cpu)),
        None => println!(),
    }
}

fn fingerprint(files: &[(String, Vec<u8>)]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    files.hash(&mut h);
    h.finish()
}

fn main() {
    let args = parse_args();
    let root = handbook(&args);

    let mut hb = orgbook::site::linked(&root).handbook;
    let rendered = orgbook::site::markdown_stage(&mut hb).rendered;
    let docs = orgbook::render::search_docs(&hb, &rendered);

    let first = orgbook::search::build_index(&docs);
    let bytes: usize = first.iter().map(|f| f.1.len()).sum();
    println!(
        "{}: {} documents -> {} index files, {:.1} MB; {} threads, load {}",
        root.display(),
        docs.len(),
        first.len(),
        bytes as f64 / 1e6,
        rayon::current_num_threads(),
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "?".into()),
    );

    let expect = fingerprint(&first);
    drop(first);
    let (t, _) = measure(args.runs, || {
        let files = orgbook::search::build_index(&docs);
        assert_eq!(fingerprint(&files), expect, "output differs between runs");
        files
    });
    report("build_index", t);

    if args.docs {
        let (t, _) = measure(args.runs, || {
            orgbook::search::build_index(&orgbook::render::search_docs(&hb, &rendered))
        });
        report("search_docs + build_index", t);
    }

    if args.site {
        // Beside the handbook: on /dev/shm, disk speed does not count.
        let out = root.with_file_name(format!("orgbook-bench-out-{}", std::process::id()));
        let (t, _) = measure(args.runs, || {
            let site = orgbook::site::build(&root, RenderOptions::default());
            assert!(!site.has_errors(), "the handbook has errors");
            orgbook::write::write_site(&root, &out, &site.files).expect("site written");
            site
        });
        report("site::build + write", t);
        let _ = std::fs::remove_dir_all(&out);
    }
}
