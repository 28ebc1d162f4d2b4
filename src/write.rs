//! Write stage: put the rendered site on disk without ever leaving a half-written site.
//!
//! The site is written into a temporary folder beside the output and swapped in only after
//! every file is written; a build that fails (bad content, full disk) leaves the previous
//! output untouched.

use crate::render::{FileContents, OutputFile};
use rayon::prelude::*;
use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("refusing to write the site to {0}: it contains the handbook's own files")]
    UnsafeOutput(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io { path: PathBuf, source: io::Error },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `files` into `dir` (which must exist and be empty), in parallel.
pub fn write_into(dir: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let dirs: BTreeSet<PathBuf> = files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(|p| dir.join(p)))
        .collect();
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(io_err(d))?;
    }
    files.par_iter().try_for_each(|f| {
        let dest = dir.join(&f.path);
        match &f.contents {
            FileContents::Bytes(b) => std::fs::write(&dest, b).map_err(io_err(&dest)),
            FileContents::Static(b) => std::fs::write(&dest, b).map_err(io_err(&dest)),
            FileContents::Copy(src) => std::fs::copy(src, &dest).map(|_| ()).map_err(io_err(src)),
        }
    })
}

/// Writes the whole site to `output` atomically (as far as the file system allows: the old
/// site is moved aside, the new one moved in, then the old one removed).
pub fn write_site(root: &Path, output: &Path, files: &[OutputFile]) -> Result<(), WriteError> {
    let output = absolute(output);
    let root = absolute(root);
    if root.starts_with(&output) || output.starts_with(root.join(crate::load::CONTENT_DIR)) {
        return Err(WriteError::UnsafeOutput(output));
    }
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
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(io_err(&tmp))?;
    }
    std::fs::create_dir(&tmp).map_err(io_err(&tmp))?;
    if let Err(e) = write_into(&tmp, files) {
        let _ = std::fs::remove_dir_all(&tmp);
        return Err(e);
    }
    if output.exists() {
        std::fs::rename(&output, &old).map_err(io_err(&output))?;
        if let Err(e) = std::fs::rename(&tmp, &output) {
            // Put the previous site back rather than leave nothing.
            let _ = std::fs::rename(&old, &output);
            return Err(io_err(&output)(e));
        }
        remove_dir_parallel(&old).map_err(io_err(&old))?;
    } else {
        std::fs::rename(&tmp, &output).map_err(io_err(&output))?;
    }
    Ok(())
}

fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    // Normalise `.` and `..` lexically: the output may not exist yet, so no canonicalize.
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            c => out.push(c),
        }
    }
    out
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
