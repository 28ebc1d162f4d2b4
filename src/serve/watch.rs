//! Watching the handbook: notify, debounced, with events sorted into [`Changes`] before
//! anything is rebuilt (Zola's idea: classify first, then act).
//!
//! Event kinds are not trusted: editors save by writing in place, by writing a temporary
//! file and renaming it over the original, or by deleting and recreating; `git checkout`
//! touches hundreds of files and folders at once. So an event only says *where* to look;
//! the model then reads what is on disk there now (see `model::current_files`). Folders
//! that appear later (`static/`, `templates/`, a recreated `content/`) are picked up by
//! watching the root folder itself and adding watches when they show up.

use super::model::Changes;
use notify::{EventKind, RecursiveMode, event::AccessKind, event::AccessMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long a path must stay quiet before its events are delivered: long enough to see
/// an editor's write-rename-delete sequence as one change, short enough not to be felt.
const DEBOUNCE: Duration = Duration::from_millis(40);

/// The folders below the root that are watched recursively.
const WATCHED_DIRS: &[&str] = &["content", "templates", "static", "themes"];

/// What the watcher sends: paths that changed, or a reason to re-read everything.
#[derive(Debug)]
pub enum Batch {
    Paths(Vec<PathBuf>),
    /// Events were dropped (the kernel queue overflowed) or the watcher failed.
    Rescan(String),
}

pub struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watching: BTreeSet<PathBuf>,
}

/// Events that do not change anything: reading a file (the server reads assets, the
/// model reads content) must not trigger a rebuild.
fn matters(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl Watcher {
    /// Starts watching `root` itself; batches of changed paths go to `tx`. Call
    /// [`Self::refresh`] to watch the folders below it.
    pub fn start(root: &Path, tx: Sender<Batch>) -> Result<Watcher, notify::Error> {
        let handler = move |result: DebounceEventResult| {
            let batch = match result {
                Ok(events) => {
                    if events.iter().any(|e| e.need_rescan()) {
                        Batch::Rescan("the file system dropped events".into())
                    } else {
                        let paths: Vec<PathBuf> = events
                            .iter()
                            .filter(|e| matters(&e.kind))
                            .flat_map(|e| e.paths.iter().cloned())
                            .collect();
                        if paths.is_empty() {
                            return;
                        }
                        Batch::Paths(paths)
                    }
                }
                Err(errors) => Batch::Rescan(
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            // The receiver is gone only when the server is shutting down.
            let _ = tx.send(batch);
        };
        let debouncer = new_debouncer(DEBOUNCE, None, handler)
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        let mut watcher = Watcher {
            debouncer,
            root: root.to_path_buf(),
            watching: BTreeSet::new(),
        };
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    }

    /// Watches the folders that exist now and were not watched yet. Returns the folders
    /// newly watched (whatever they hold is new to the build) and problems to report
    /// (e.g. the system's limit on watches).
    pub fn refresh(&mut self) -> (Vec<PathBuf>, Vec<String>) {
        let mut added = Vec::new();
        let mut problems = Vec::new();
        for name in WATCHED_DIRS {
            let dir = self.root.join(name);
            let exists = dir.is_dir();
            if exists && !self.watching.contains(&dir) {
                match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watching.insert(dir.clone());
                        added.push(dir);
                    }
                    Err(e) => problems.push(format!("cannot watch {}: {e}", dir.display())),
                }
            } else if !exists && self.watching.remove(&dir) {
                // Gone (and its watches with it); watched again if it comes back.
                let _ = self.debouncer.unwatch(&dir);
            }
        }
        (added, problems)
    }
}

/// Sorts changed paths by what they affect.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Changes {
    let mut changes = Changes::default();
    for p in paths {
        let Ok(rel) = p.strip_prefix(root) else {
            continue;
        };
        let mut parts = rel.components();
        let first = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        match first.as_str() {
            crate::config::CONFIG_FILE => changes.config = true,
            "content" => {
                changes.content.insert(p.clone());
            }
            "templates" | "themes" => changes.theme = true,
            "static" => {
                changes.static_files.insert(p.clone());
            }
            // The output of `orgbook build`, version control, anything else: not ours.
            _ => {}
        }
    }
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sorted_by_what_they_affect() {
        let root = Path::new("/hb");
        let paths: Vec<PathBuf> = [
            "/hb/orgbook.toml",
            "/hb/content/teams/a.md",
            "/hb/content",
            "/hb/templates/team.html",
            "/hb/static/logo.svg",
            "/hb/public/index.html",
            "/hb/.git/index",
            "/elsewhere/x",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let c = classify(root, &paths);
        assert!(c.config && c.theme && !c.rescan);
        assert_eq!(c.content.len(), 2);
        assert_eq!(c.static_files.len(), 1);
        assert!(classify(root, &[PathBuf::from("/hb/public/x.html")]).is_empty());
    }

    #[test]
    fn reads_do_not_trigger_rebuilds() {
        assert!(!matters(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Any
        ))));
        assert!(matters(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(matters(&EventKind::Remove(notify::event::RemoveKind::File)));
    }
}
