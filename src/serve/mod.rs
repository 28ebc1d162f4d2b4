//! `orgbook serve`: build the handbook into memory, serve it over HTTP, and keep it current
//! while its files change — the browser reloads itself and shows build errors in an overlay.
//!
//! Three threads of work: the watcher ([`watch`], with a folder scanner that heals lost
//! events) turns file events into [`Changes`]; the rebuild loop here applies them to the
//! [`model::Model`] (which re-renders only what a change affects) and publishes the result
//! to the [`store::Store`]; the HTTP server ([`http`]) answers requests from the store and
//! streams its events. Nothing is written to
//! disk. A change that breaks the handbook never takes the site down: the last good site
//! stays up, the errors go to the terminal and to the browser, and the pages owed are
//! rendered when the errors are fixed.

pub mod http;
pub mod model;
pub mod store;
pub mod watch;

#[cfg(test)]
mod tests;

use crate::diagnostic::{self, Diagnostic, Format, Severity};
use crate::text::counted;
use model::{Model, Rebuild, Scope, Settings, Step};
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;
use store::Store;
use watch::Changes;
use watch::{Batch, Watcher};

/// What `orgbook serve` was asked to do.
#[derive(Debug, Clone)]
pub struct Options {
    /// The handbook root (with orgbook.toml).
    pub root: PathBuf,
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    /// Open the site in a browser once it is served.
    pub open: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Bind(#[from] http::BindError),
    #[error("cannot start the HTTP server: {0}")]
    Http(std::io::Error),
    #[error("cannot watch the handbook for changes: {0}")]
    Watch(notify::Error),
}

/// Many editors and `git checkout` produce several debounced batches in a row; they are
/// merged while they keep coming this close together. Every edit waits this long before
/// it is rebuilt, so it is kept short: the watcher delivers a burst's batches a few
/// milliseconds apart, and a burst split in two is still rebuilt right (the model reads
/// what is on disk), only twice.
const BURST_GAP: Duration = Duration::from_millis(5);
/// …but not forever: a steady stream of changes still gets rebuilt now and then.
const BURST_MAX: Duration = Duration::from_secs(2);
/// After a burst, its paths are looked at once more when things have been quiet this long:
/// an editor's temporary file created and deleted within milliseconds can lose its
/// deletion event, which left a false error and a stale page until the next edit. Reading
/// the same paths again costs nothing when nothing was lost (the model compares with disk).
const SETTLE: Duration = Duration::from_millis(500);
/// Warnings are listed in full at startup only when there are this few.
const WARNINGS_LISTED: usize = 20;

/// Runs the dev server until the process is stopped.
pub fn run(options: &Options) -> Result<(), ServeError> {
    let root = &options.root;
    let listener = http::bind(SocketAddr::new(options.bind, options.port))?;
    let addr = listener.local_addr().map_err(ServeError::Http)?;
    let url = format!("http://{addr}/");

    // Watch before building, so that nothing saved during the first build is missed.
    let (tx, rx) = std::sync::mpsc::channel();
    let mut watcher = Watcher::start(root, tx).map_err(ServeError::Watch)?;
    for problem in watcher.refresh().1 {
        errln!("warning: {problem}; changes there will not be picked up");
    }

    errln!("Building {}", root.display());
    let settings = Settings {
        render: crate::render::RenderOptions { live_reload: true },
        base_url: Some(url.clone()),
    };
    let (mut model, rebuild) = Model::new(root, settings);
    let store = Arc::new(Store::new());
    let mut warnings = 0;
    report(root, &rebuild, None, &mut warnings);
    store.publish(&rebuild.diagnostics, rebuild.delta.as_ref(), true);
    watcher.watch_also(model.include_folders());
    // Hugo's configuration folder names the handbook's language and language folders.
    watcher.watch_also(std::collections::BTreeSet::from([
        root.join(crate::lang::HUGO_CONFIG_FOLDER)
    ]));
    http::start(listener, store.clone(), root).map_err(ServeError::Http)?;
    errln!("Serving {} at {url} (Ctrl-C to stop)", root.display());
    if options.open {
        open_browser(&url);
    }
    rebuild_loop(&mut model, &store, &mut watcher, &rx, warnings);
    Ok(())
}

fn rebuild_loop(
    model: &mut Model,
    store: &Store,
    watcher: &mut Watcher,
    rx: &Receiver<Batch>,
    mut warnings: usize,
) {
    let root = model.root().to_path_buf();
    let mut pending: Option<Batch> = None;
    // Set when a rebuild panicked: the model may be half-updated, so the next change
    // re-reads everything.
    let mut broken = false;
    // The last burst's paths, to look at again once things settle.
    let mut recheck: Option<(std::time::Instant, Vec<std::path::PathBuf>)> = None;
    loop {
        // The pages about the whole handbook, then the derived files (the search index),
        // are brought up to date when no change is waiting.
        if pending.is_none() && !broken && model.deferred_owed() {
            match rx.try_recv() {
                Ok(batch) => pending = Some(batch),
                Err(_) => {
                    match guard(|| model.refresh_deferred()) {
                        Ok(Some(r)) => {
                            log_deferred(&r);
                            print_errors(&r.diagnostics);
                            let pages = r.step != Step::Derived;
                            store.publish(&r.diagnostics, r.delta.as_ref(), pages);
                        }
                        Ok(None) => {}
                        Err(why) => broken = crashed(&why),
                    }
                    continue;
                }
            }
        }
        let (first, mut is_recheck) = match pending.take() {
            Some(b) => {
                let scan = matches!(b, Batch::Scan(_));
                (b, scan)
            }
            None => {
                store.set_idle(true);
                let wait = recheck
                    .as_ref()
                    .map(|(at, _)| at.saturating_duration_since(std::time::Instant::now()));
                match wait.map_or_else(
                    || rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                    |w| rx.recv_timeout(w),
                ) {
                    Ok(b) => {
                        let scan = matches!(b, Batch::Scan(_));
                        (b, scan)
                    }
                    Err(RecvTimeoutError::Timeout) => match recheck.take() {
                        Some((_, paths)) => (Batch::Scan(paths), true),
                        None => continue,
                    },
                    // The watcher is gone: nothing more will change.
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
        };
        store.set_idle(false);
        let mut changes = Changes::default();
        let mut burst_paths: Vec<std::path::PathBuf> = Vec::new();
        // A burst is a silent recheck only if it is made of rechecks and scans alone.
        let mut note = |batch: &Batch| match batch {
            Batch::Paths(p) => {
                burst_paths.extend(p.iter().cloned());
                is_recheck = false;
            }
            Batch::Scan(_) => {}
            Batch::Rescan(_) => is_recheck = false,
        };
        note(&first);
        add_batch(&root, &mut changes, first);
        let started = std::time::Instant::now();
        while started.elapsed() < BURST_MAX {
            match rx.recv_timeout(BURST_GAP) {
                Ok(batch) => {
                    note(&batch);
                    add_batch(&root, &mut changes, batch)
                }
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return,
            }
        }
        if !is_recheck && !burst_paths.is_empty() {
            burst_paths.sort();
            burst_paths.dedup();
            recheck = Some((std::time::Instant::now() + SETTLE, burst_paths));
        }
        // Folders that appeared are watched from now on; what they already hold counts
        // as changed.
        let (added, problems) = watcher.refresh();
        for problem in problems {
            errln!("warning: {problem}");
        }
        changes.merge(watch::classify(&root, &added));
        model.add_includers(&mut changes);
        if changes.is_empty() {
            continue;
        }
        changes.rescan |= broken;
        let rebuild = match guard(|| model.update(&changes)) {
            Ok(rebuild) => rebuild,
            Err(why) => {
                broken = crashed(&why);
                // Try once more from scratch: the model may be half-updated.
                changes.rescan = true;
                match guard(|| model.update(&changes)) {
                    Ok(rebuild) => rebuild,
                    Err(_) => continue,
                }
            }
        };
        broken = false;
        // A recheck that found nothing lost stays silent.
        let status = store.status();
        let errors = || rebuild.diagnostics.iter().filter(|d| d.is_error());
        let nothing_lost = rebuild.docs_changed.is_empty()
            && rebuild
                .delta
                .as_ref()
                .is_none_or(|d| d.changed.is_empty() && d.removed.is_empty())
            && status.errors.iter().map(|o| &o.diagnostic).eq(errors())
            && status.warnings == rebuild.diagnostics.len() - errors().count();
        if is_recheck && nothing_lost {
            continue;
        }
        report(&root, &rebuild, Some(&changes), &mut warnings);
        store.publish(&rebuild.diagnostics, rebuild.delta.as_ref(), true);
        watcher.watch_also(model.include_folders());
    }
}

/// Runs one rebuild step, turning a panic (a bug, perhaps triggered by unusual content)
/// into an error message: the server must outlive any edit.
fn guard<T>(step: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).map_err(|panic| {
        panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into())
    })
}

fn crashed(why: &str) -> bool {
    errln!(
        "{} internal error while rebuilding ({why}): still serving the last good site; \
         the next change re-reads everything. Please report this with the file you changed.",
        clock()
    );
    true
}

/// Errors, in full, after a step that reports no change line of its own.
fn print_errors(diags: &[Diagnostic]) {
    let errors: Vec<&Diagnostic> = diags.iter().filter(|d| d.is_error()).collect();
    for d in &errors {
        err!("{}", diagnostic::render(d, Format::Human));
    }
    if !errors.is_empty() {
        errln!(
            "{} {}: still serving the last good site. Fix and save; the browser shows them too.",
            clock(),
            counted(errors.len(), "error", "errors")
        );
    }
}

fn add_batch(root: &Path, changes: &mut Changes, batch: Batch) {
    match batch {
        Batch::Paths(paths) | Batch::Scan(paths) => changes.merge(watch::classify(root, &paths)),
        Batch::Rescan(why) => {
            errln!("{} re-reading everything: {why}", clock());
            changes.rescan = true;
        }
    }
}

fn clock() -> String {
    jiff::ZonedDateTime::now()
        .strftime("[%H:%M:%S]")
        .to_string()
}

fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms < 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.0} ms")
    }
}

/// "a, b, c and 4 more"
fn list(items: &[&str], max: usize) -> String {
    let mut out = items
        .iter()
        .take(max)
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > max {
        out.push_str(&format!(" and {} more", items.len() - max));
    }
    out
}

/// What changed on disk, for the log line.
fn describe(root: &Path, changes: &Changes) -> String {
    if changes.rescan {
        return "events lost".into();
    }
    // An included file first: it is what was saved (its includers follow).
    let mut what: Vec<String> = changes
        .other
        .iter()
        .chain(&changes.content)
        .chain(&changes.static_files)
        .map(|p| diagnostic::display_path(root, p))
        .collect();
    if changes.config {
        what.insert(0, crate::config::CONFIG_FILE.into());
    }
    if changes.theme {
        what.push("templates".into());
    }
    let refs: Vec<&str> = what.iter().map(String::as_str).collect();
    list(&refs, 3)
}

/// Prints a rebuild: errors in full, warnings for the changed files (all of them at
/// startup when there are few), and one summary line.
/// `last_warnings` is the warning count last reported: the count is repeated only when it
/// changes.
fn report(root: &Path, rebuild: &Rebuild, changes: Option<&Changes>, last_warnings: &mut usize) {
    log_phases(rebuild);
    let diags: &[Diagnostic] = &rebuild.diagnostics;
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let list_all_warnings = changes.is_none() && warnings <= WARNINGS_LISTED;
    let mut hidden = 0;
    for d in diags {
        let shown =
            d.is_error() || list_all_warnings || rebuild.docs_changed.iter().any(|p| p == &d.file);
        if shown {
            err!("{}", diagnostic::render(d, Format::Human));
        } else if d.severity == Severity::Warning {
            hidden += 1;
        }
    }
    let hidden_note = if hidden > 0 {
        format!(" ({hidden} not shown: `orgbook check` lists them)")
    } else {
        String::new()
    };
    let time = clock();
    match changes {
        None => {
            if let Some(delta) = &rebuild.delta {
                let pages = delta
                    .changed
                    .iter()
                    .filter(|(p, _)| p.ends_with(".html"))
                    .count();
                errln!(
                    "{time} Built {} ({}) in {} with {}{hidden_note}",
                    counted(pages, "page", "pages"),
                    counted(delta.changed.len(), "file", "files"),
                    ms(rebuild.elapsed),
                    counted(warnings, "warning", "warnings")
                );
            }
        }
        Some(changes) => {
            if rebuild.scope == Scope::Nothing && errors == 0 {
                return;
            }
            let work = match rebuild.scope {
                Scope::Nothing => "nothing to do".to_string(),
                Scope::Full => format!("everything, {} files rendered", rebuild.pages_rendered),
                Scope::Edit | Scope::Structure => format!(
                    "Markdown of {}, {} rendered",
                    counted(rebuild.markdown_rendered, "document", "documents"),
                    counted(rebuild.pages_rendered, "file", "files")
                ),
            };
            let outcome = match &rebuild.delta {
                Some(d) if d.changed.is_empty() && d.removed.is_empty() => {
                    "; the site is unchanged".to_string()
                }
                Some(d) => {
                    let mut paths: Vec<&str> = d.changed.iter().map(|(p, _)| p.as_str()).collect();
                    paths.extend(d.removed.iter().map(String::as_str));
                    format!(
                        "; {} changed: {}",
                        counted(paths.len(), "file", "files"),
                        list(&paths, 4)
                    )
                }
                None => String::new(),
            };
            errln!(
                "{time} {} changed: rebuilt in {} ({work}){outcome}",
                describe(root, changes),
                ms(rebuild.elapsed)
            );
            if warnings != *last_warnings {
                errln!(
                    "{time} {}{hidden_note}",
                    counted(warnings, "warning", "warnings")
                );
            }
        }
    }
    *last_warnings = warnings;
    if errors > 0 {
        errln!(
            "{time} {}: still serving the last good site. Fix and save; the browser shows them too.",
            counted(errors, "error", "errors")
        );
    }
}

/// With `ORGBOOK_SERVE_TIMINGS=1`, one line per rebuild with the time of each stage: for
/// profiling an edit that feels slow.
fn log_phases(r: &Rebuild) {
    if std::env::var_os("ORGBOOK_SERVE_TIMINGS").is_none_or(|v| v != "1") || r.phases.is_empty() {
        return;
    }
    let phases: Vec<String> = r
        .phases
        .iter()
        .map(|(name, d)| format!("{name} {:.1} ms", d.as_secs_f64() * 1000.0))
        .collect();
    errln!("{} timings ({:?}): {}", clock(), r.step, phases.join(", "));
}

fn log_deferred(r: &Rebuild) {
    log_phases(r);
    let Some(delta) = &r.delta else { return };
    let what = match r.step {
        Step::Sweep => "other pages",
        Step::SitePages => "pages about the whole handbook",
        _ => "search index and other derived files",
    };
    let mut paths: Vec<&str> = delta.changed.iter().map(|(p, _)| p.as_str()).collect();
    paths.extend(delta.removed.iter().map(String::as_str));
    if paths.is_empty() && r.step == Step::Sweep {
        // Most steps of the sweep find every page as it was: one line per edit is enough.
        return;
    }
    let outcome = if paths.is_empty() {
        "unchanged".to_string()
    } else if r.step != Step::Derived {
        let changed = crate::text::counted(paths.len(), "file", "files");
        format!("{changed} changed: {}", list(&paths, 4))
    } else {
        format!(
            "{} changed",
            crate::text::counted(paths.len(), "file", "files")
        )
    };
    let sweep = match r.phases.iter().find(|(name, _)| *name == "sweep") {
        Some((_, d)) => format!(" (every other page checked in {})", ms(*d)),
        None => String::new(),
    };
    errln!(
        "{} {what}: rebuilt in {}, {outcome}{sweep}",
        clock(),
        ms(r.elapsed)
    );
}

/// Opens `url` in the default browser; failing that only costs a line in the log.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Err(e) = command.spawn() {
        errln!("warning: could not open a browser ({e}); open {url} yourself");
    }
}

#[cfg(test)]
mod loop_tests {
    use super::*;

    #[test]
    fn a_panicking_step_becomes_an_error() {
        assert_eq!(guard(|| 7), Ok(7));
        assert_eq!(guard(|| -> u8 { panic!("boom") }), Err("boom".to_string()));
        let n = 3;
        assert_eq!(
            guard(|| -> u8 { panic!("index {n} out of range") }),
            Err("index 3 out of range".to_string())
        );
    }

    #[test]
    fn log_lines_name_what_changed() {
        let root = Path::new("/hb");
        let changes = Changes {
            config: true,
            content: ["a", "b", "c", "d"]
                .iter()
                .map(|f| root.join("content").join(format!("{f}.md")))
                .collect(),
            ..Changes::default()
        };
        assert_eq!(
            describe(root, &changes),
            "orgbook.toml, content/a.md, content/b.md and 2 more"
        );
        assert_eq!(ms(Duration::from_micros(3456)), "3.5 ms");
        assert_eq!(ms(Duration::from_millis(71)), "71 ms");
    }
}
