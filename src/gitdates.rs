//! When each source file last changed, from git history: the "Last updated" date of every
//! page. One `git log` over the whole history (newest first) gives every file its date in a
//! single pass; a process per file would cost thousands of processes on a large handbook.
//!
//! A handbook outside git, a machine without git, a failing `git` or a shallow clone (whose
//! history is cut, so its dates would be wrong) yields no dates, never an error: pages then
//! fall back to their `reviewed`/`date` fields or show nothing.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

/// Last commit date (`YYYY-MM-DD`, committer date) by path relative to the handbook root.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LastChanged(HashMap<String, String>);

impl LastChanged {
    pub fn get(&self, path: &str) -> Option<&str> {
        self.0.get(path).map(String::as_str)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn git(root: &Path, args: &[&str]) -> Option<Vec<u8>> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout)
}

/// [`read`] on its own thread, so that `git log` overlaps with loading the handbook. The
/// thread is joined when the result is taken and, failing that, when this is dropped: a
/// build that stops early (errors before rendering) must not return while `git` still runs
/// (the `handbook` fuzz target found such a thread outliving the build).
pub struct Reading(Option<std::thread::JoinHandle<LastChanged>>);

impl Reading {
    pub fn start(root: &Path) -> Reading {
        let root = root.to_path_buf();
        Reading(Some(std::thread::spawn(move || read(&root))))
    }

    /// The dates, once `git` has answered (none if it failed).
    pub fn finish(mut self) -> LastChanged {
        self.0
            .take()
            .and_then(|thread| thread.join().ok())
            .unwrap_or_default()
    }
}

impl Drop for Reading {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

/// Reads the history of the repository holding `root` (if any).
pub fn read(root: &Path) -> LastChanged {
    // `--is-shallow-repository` also fails outside a repository: one cheap check for both.
    match git(root, &["rev-parse", "--is-shallow-repository"]) {
        Some(out) if out.trim_ascii() == b"false" => {}
        _ => return LastChanged::default(),
    }
    // Newest commit first; `--relative` keeps only files under `root` and names them
    // relative to it. `%x00` marks a commit line so file names need no escaping rules.
    let Some(out) = git(
        root,
        &[
            "-c",
            "core.quotepath=off",
            "log",
            "--relative",
            "--no-renames",
            "--format=%x00%cs",
            "--name-only",
            "--",
            ".",
        ],
    ) else {
        return LastChanged::default();
    };
    parse(&String::from_utf8_lossy(&out))
}

/// When one file last changed (`YYYY-MM-DD`, committer date), from the repository that
/// holds it; `None` outside git, in a shallow clone, or for a file git does not track.
/// One process per file: for the few files an importer reads, not a handbook's pages.
pub fn file_last_changed(file: &Path) -> Option<String> {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = file.file_name()?;
    match git(dir, &["rev-parse", "--is-shallow-repository"]) {
        Some(out) if out.trim_ascii() == b"false" => {}
        _ => return None,
    }
    let out = git(
        dir,
        &["log", "-1", "--format=%cs", "--", &name.to_string_lossy()],
    )?;
    let date = String::from_utf8_lossy(&out).trim().to_owned();
    (!date.is_empty()).then_some(date)
}

/// Parses `git log --format=%x00%cs --name-only` output: the first date seen for a file is
/// its newest.
fn parse(log: &str) -> LastChanged {
    let mut map = HashMap::new();
    let mut date = "";
    for line in log.lines() {
        if let Some(d) = line.strip_prefix('\0') {
            date = d.trim();
        } else if !line.is_empty() && !date.is_empty() {
            map.entry(line.to_string())
                .or_insert_with(|| date.to_string());
        }
    }
    LastChanged(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_commit_wins() {
        let log = "\x002026-03-01\n\ncontent/a.md\ncontent/b.md\n\x002025-01-02\n\ncontent/a.md\ncontent/c.md\n";
        let d = parse(log);
        assert_eq!(d.get("content/a.md"), Some("2026-03-01"));
        assert_eq!(d.get("content/c.md"), Some("2025-01-02"));
        assert_eq!(d.get("content/z.md"), None);
    }

    #[test]
    fn outside_git_there_are_no_dates() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path()).is_empty());
    }
}
