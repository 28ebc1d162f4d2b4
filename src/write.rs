//! Write stage: put the rendered site on disk without ever leaving a half-written site, and
//! without ever touching a file orgbook did not write.
//!
//! Before anything is built, [`check_output`] resolves the output folder to its canonical path
//! (symlinks resolved, so `--root LINK --output LINK/content` is seen for what it is) and
//! refuses any folder that is, contains or lies inside the handbook's own sources, and any
//! non-empty folder without orgbook's marker file unless `--force`, which moves what is in it
//! aside to a folder beside it rather than delete it. The site is then written
//! into a temporary folder beside the output and swapped in only after every file is written;
//! a build that fails (bad content, full disk) leaves the previous output untouched, and the
//! temporary folders of builds that were killed are removed by the next build.

use crate::render::{FileContents, OutputFile};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// The file that marks a folder as written by orgbook. Its presence is what allows a build to
/// replace the folder; its lock tells a live build's temporary folder from a dead one's.
pub const MARKER: &str = ".orgbook-site";

const MARKER_TEXT: &[u8] =
    b"This folder was written by orgbook build and is replaced by every build.\n\
Do not keep your own files here: they would be deleted.\n";

/// What a handbook is made of, relative to its root: an output folder that is, contains or
/// lies inside one of these would delete or shadow the sources when swapped in.
pub const PROTECTED: &[&str] = &[
    "content",
    "templates",
    "static",
    "themes",
    crate::config::CONFIG_FILE,
    ".git",
];

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(
        "refusing to write the site to {output}: it {relation} {what}, which the build would replace"
    )]
    UnsafeOutput {
        output: PathBuf,
        relation: &'static str,
        what: String,
        root: PathBuf,
    },
    #[error("refusing to write the site to {0}: it is a file, not a folder")]
    NotAFolder(PathBuf),
    #[error(
        "refusing to replace {0}: it is not empty and orgbook did not write it (no {MARKER} file in it)"
    )]
    NotOurs(PathBuf),
    #[error("two files would be written to {0}; refusing to write either")]
    Collision(String),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

impl WriteError {
    /// How to fix it, for the `= help:` line.
    pub fn help(&self) -> Option<String> {
        match self {
            WriteError::UnsafeOutput { root, .. } => Some(format!(
                "choose an output folder outside the handbook's sources, e.g. --output {}",
                root.join("public").display()
            )),
            WriteError::NotAFolder(_) => Some("choose a folder for --output".into()),
            WriteError::NotOurs(_) => Some(
                "choose an empty or new folder for --output, or pass --force to move what is in it aside (to a folder beside it, named `….before-orgbook`) and write the site there"
                    .into(),
            ),
            WriteError::Io { .. } | WriteError::Collision(_) => None,
        }
    }
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// An output folder that [`check_output`] found safe to replace: canonical, outside the
/// sources, and empty, missing or ours, or (with `--force`) someone else's to move aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SafeOutput {
    path: PathBuf,
    /// Not empty and not written by orgbook: the commit keeps what is in it, moved aside,
    /// instead of deleting it.
    foreign: bool,
}

impl SafeOutput {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Decides whether the site may be written to `output`; touches nothing.
///
/// A non-empty folder without [`MARKER`] is refused unless `force`, except the output of an
/// orgbook version that predates the marker: a folder whose `search/index.js` is orgbook's
/// search manifest is accepted once, and gets the marker with this build.
pub fn check_output(root: &Path, output: &Path, force: bool) -> Result<SafeOutput, WriteError> {
    let root = std::fs::canonicalize(root).map_err(io_err(root))?;
    let out = canonical(output).map_err(io_err(output))?;
    if root.starts_with(&out) {
        let relation = if root == out { "is" } else { "contains" };
        return Err(WriteError::UnsafeOutput {
            output: out,
            relation,
            what: format!("the handbook {}", root.display()),
            root,
        });
    }
    for name in PROTECTED {
        let plain = root.join(name);
        // `content` may itself be a symlink to elsewhere: protect both where it is reached
        // from and what it points at.
        let resolved = std::fs::canonicalize(&plain).unwrap_or_else(|_| plain.clone());
        for p in [&plain, &resolved] {
            let relation = if out == *p {
                "is"
            } else if out.starts_with(p) {
                "lies inside"
            } else if p.starts_with(&out) {
                "contains"
            } else {
                continue;
            };
            return Err(WriteError::UnsafeOutput {
                output: out,
                relation,
                what: format!("the handbook's {name}"),
                root,
            });
        }
    }
    match std::fs::metadata(&out) {
        Ok(m) if !m.is_dir() => return Err(WriteError::NotAFolder(out)),
        Ok(_) => {
            if !is_ours(&out) && !is_empty_dir(&out).map_err(io_err(&out))? {
                if !force {
                    return Err(WriteError::NotOurs(out));
                }
                return Ok(SafeOutput {
                    path: out,
                    foreign: true,
                });
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_err(&out)(e)),
    }
    Ok(SafeOutput {
        path: out,
        foreign: false,
    })
}

fn is_empty_dir(dir: &Path) -> io::Result<bool> {
    Ok(std::fs::read_dir(dir)?.next().is_none())
}

fn is_ours(dir: &Path) -> bool {
    if dir.join(MARKER).is_file() {
        return true;
    }
    // Written by an orgbook without the marker: its search manifest is unmistakable.
    let mut head = [0u8; 32];
    let prefix = b"orgbookSearchLoad(\"index\",";
    File::open(dir.join("search/index.js"))
        .and_then(|mut f| io::Read::read(&mut f, &mut head))
        .is_ok_and(|n| n >= prefix.len() && head.starts_with(prefix))
}

/// The canonical form of a path that may not exist yet: the longest existing ancestor is
/// canonicalised (resolving symlinks), the rest appended with `.` and `..` applied lexically
/// (a component that does not exist cannot be a symlink).
fn canonical(p: &Path) -> io::Result<PathBuf> {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()?.join(p)
    };
    let parts: Vec<std::path::Component> = abs.components().collect();
    let (base, rest) = (1..=parts.len())
        .rev()
        .find_map(|i| {
            let prefix: PathBuf = parts[..i].iter().collect();
            std::fs::canonicalize(prefix).ok().map(|c| (c, &parts[i..]))
        })
        .unwrap_or_else(|| (PathBuf::new(), &parts[..]));
    let mut out = base;
    for c in rest {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Writes `files` into `dir` (which must exist and be empty), in parallel. Each path must
/// appear once (the render stage's claims guarantee it): two writers to one file would
/// interleave.
pub fn write_into(dir: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let sink = Sink::new(dir.to_path_buf());
    sink.put_all(files)
}

/// Puts files into a folder one at a time, from any number of threads: the pipeline hands
/// each page over as soon as it is rendered, so a build never holds the whole site in
/// memory. Refuses a second file at a path already written (belt and braces behind
/// [`crate::claims`]: a second writer would tear the file).
struct Sink {
    dir: PathBuf,
    /// Paths written so far, and folders known to exist: each folder is created once.
    seen: std::sync::Mutex<(std::collections::HashSet<String>, BTreeSet<PathBuf>)>,
    files: std::sync::atomic::AtomicUsize,
    pages: std::sync::atomic::AtomicUsize,
}

impl Sink {
    fn new(dir: PathBuf) -> Self {
        Sink {
            dir,
            seen: Default::default(),
            files: Default::default(),
            pages: Default::default(),
        }
    }

    fn put(&self, f: &OutputFile) -> Result<(), WriteError> {
        let dest = self.dir.join(&f.path);
        let parent = dest.parent().map(Path::to_path_buf);
        {
            let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
            if !seen.0.insert(f.path.clone()) {
                return Err(WriteError::Collision(f.path.clone()));
            }
            if let Some(p) = parent
                && !seen.1.contains(&p)
            {
                std::fs::create_dir_all(&p).map_err(io_err(&p))?;
                seen.1.insert(p);
            }
        }
        match &f.contents {
            FileContents::Bytes(b) => std::fs::write(&dest, b).map_err(io_err(&dest))?,
            FileContents::Static(b) => std::fs::write(&dest, b).map_err(io_err(&dest))?,
            FileContents::Copy(src) => {
                std::fs::copy(src, &dest).map_err(io_err(src))?;
            }
            FileContents::Unchanged => unreachable!("only `serve` renders against fingerprints"),
        }
        use std::sync::atomic::Ordering::Relaxed;
        self.files.fetch_add(1, Relaxed);
        if f.path.ends_with(".html") {
            self.pages.fetch_add(1, Relaxed);
        }
        Ok(())
    }

    fn put_all(&self, files: &[OutputFile]) -> Result<(), WriteError> {
        files.par_iter().try_for_each(|f| self.put(f))
    }
}

/// A site being written: a temporary folder beside the output, locked by its marker while
/// it lives, that [`Staging::commit`] swaps in for the output. Dropped without a commit (a
/// failed build, an error while writing), it removes itself, so the previous output stays
/// as it was.
pub struct Staging {
    output: PathBuf,
    /// The output holds files orgbook did not write (`--force`): keep them, moved aside.
    foreign: bool,
    tmp: PathBuf,
    old: PathBuf,
    /// Holds the lock that tells later builds this folder is alive.
    marker: Option<File>,
    sink: Sink,
    committed: bool,
}

impl Staging {
    /// Creates the temporary folder for `output` and its locked marker, and removes the
    /// temporary folders of dead builds.
    pub fn create(output: &SafeOutput) -> Result<Staging, WriteError> {
        let output_is_foreign = output.foreign;
        let output = output.path().to_path_buf();
        let parent = output
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        std::fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let pid = std::process::id();
        let tmp = parent.join(format!(".{name}.orgbook-new-{pid}"));
        let old = parent.join(format!(".{name}.orgbook-old-{pid}"));
        for own in [&tmp, &old] {
            // Same pid as ours: a dead build's (pids are reused).
            if own.exists() {
                remove_dir_parallel(own).map_err(io_err(own))?;
            }
        }
        std::fs::create_dir(&tmp).map_err(io_err(&tmp))?;
        let mut staging = Staging {
            output,
            foreign: output_is_foreign,
            sink: Sink::new(tmp.clone()),
            tmp,
            old,
            marker: None,
            committed: false,
        };
        let marker_path = staging.tmp.join(MARKER);
        let mut marker = File::create(&marker_path).map_err(io_err(&marker_path))?;
        marker.lock().map_err(io_err(&marker_path))?;
        marker
            .write_all(MARKER_TEXT)
            .map_err(io_err(&marker_path))?;
        staging.marker = Some(marker);
        remove_abandoned(&parent, &name, &[&staging.tmp, &staging.old]);
        Ok(staging)
    }

    /// Writes one file. Safe to call from many threads; each path at most once.
    pub fn put(&self, file: &OutputFile) -> Result<(), WriteError> {
        self.sink.put(file)
    }

    /// Writes `files` in parallel.
    pub fn put_all(&self, files: &[OutputFile]) -> Result<(), WriteError> {
        self.sink.put_all(files)
    }

    /// Files and HTML pages written so far.
    pub fn counts(&self) -> (usize, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.sink.files.load(Relaxed), self.sink.pages.load(Relaxed))
    }

    /// Swaps the written site in for the output (as atomically as the file system allows:
    /// the old site is moved aside, the new one moved in, then the old one removed).
    ///
    /// An output orgbook did not write (`--force`) is moved aside and kept, never removed:
    /// returns where it now is.
    pub fn commit(mut self) -> Result<Option<PathBuf>, WriteError> {
        // The lock is released before the swap: Windows cannot rename a folder holding an
        // open file.
        self.marker = None;
        self.committed = true;
        let (output, tmp, old) = (&self.output, &self.tmp, &self.old);
        if self.foreign && output.exists() {
            let kept = kept_name(output);
            std::fs::rename(output, &kept).map_err(io_err(output))?;
            if let Err(e) = std::fs::rename(tmp, output) {
                let _ = std::fs::rename(&kept, output);
                self.committed = false;
                return Err(io_err(output)(e));
            }
            return Ok(Some(kept));
        }
        if output.exists() {
            std::fs::rename(output, old).map_err(io_err(output))?;
            if let Err(e) = std::fs::rename(tmp, output) {
                // Put the previous site back rather than leave nothing.
                let _ = std::fs::rename(old, output);
                self.committed = false;
                return Err(io_err(output)(e));
            }
            remove_dir_parallel(old).map_err(io_err(old))?;
        } else if let Err(e) = std::fs::rename(tmp, output) {
            self.committed = false;
            return Err(io_err(output)(e));
        }
        Ok(None)
    }
}

/// A free name beside `output` for what was in it: `public.before-orgbook`, then
/// `public.before-orgbook-2`… (an earlier one is never overwritten).
fn kept_name(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into());
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            output.with_file_name(format!("{name}.before-orgbook{suffix}"))
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .expect("some numbered name is free")
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            self.marker = None;
            let _ = remove_dir_parallel(&self.tmp);
        }
    }
}

/// A temporary folder older than this without a marker is a dead build's, even though the
/// marker is written right after the folder is created.
const UNMARKED_GRACE: Duration = Duration::from_secs(30);

/// Removes the temporary folders of builds of this output that died (killed, power loss):
/// a live build holds the lock on the marker in its folder while it writes.
fn remove_abandoned(parent: &Path, name: &str, own: &[&Path]) {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return;
    };
    let new_prefix = format!(".{name}.orgbook-new-");
    let old_prefix = format!(".{name}.orgbook-old-");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        let is_new = file_name.starts_with(&new_prefix);
        if !is_new && !file_name.starts_with(&old_prefix) {
            continue;
        }
        let path = entry.path();
        if own.contains(&path.as_path()) || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let abandoned = match File::open(path.join(MARKER)) {
            Ok(f) => f.try_lock().is_ok(),
            Err(_) => entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| SystemTime::now().duration_since(t).ok())
                .is_none_or(|age| age > UNMARKED_GRACE),
        };
        // `-old-` folders are the previous site being deleted after a swap: garbage even
        // while their build lives, and removing them twice is harmless.
        if abandoned || !is_new {
            let _ = remove_dir_parallel(&path);
        }
    }
}

/// [`check_output`] (without `--force`) then [`write_checked`].
pub fn write_site(root: &Path, output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    write_checked(&check_output(root, output, false)?, files)
}

/// Writes the whole site to `output` atomically (see [`Staging`]).
pub fn write_checked(output: &SafeOutput, files: &[OutputFile]) -> Result<(), WriteError> {
    let staging = Staging::create(output)?;
    staging.put_all(files)?;
    staging.commit().map(drop)
}

/// `remove_dir_all`, with the top-level entries removed in parallel: removing the previous
/// site (thousands of files) is a noticeable part of a rebuild on one thread.
fn remove_dir_parallel(dir: &Path) -> io::Result<()> {
    let entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<io::Result<_>>()?;
    entries.par_iter().try_for_each(|p| {
        if p.is_dir() && !p.is_symlink() {
            std::fs::remove_dir_all(p)
        } else {
            std::fs::remove_file(p)
        }
    })?;
    std::fs::remove_dir(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_resolves_existing_prefix_and_applies_dots_to_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let real = std::fs::canonicalize(dir.path()).unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        assert_eq!(
            canonical(&real.join("a/../a/x/./y/../z")).unwrap(),
            real.join("a/x/z")
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(real.join("a"), real.join("link")).unwrap();
            assert_eq!(
                canonical(&real.join("link/new")).unwrap(),
                real.join("a/new")
            );
        }
    }
}
