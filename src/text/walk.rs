//! Which files under a folder belong to the site: one walk with one ignore rule (hidden
//! files and folders, editor swap and backup files), shared by the content loader, the theme
//! and `static/` readers and the dev server's rescans, so that `build` and `serve` always see
//! the same files. Also the plain recursive copy that tests use to set up handbooks.

use crate::diagnostic::display_path;
use std::path::{Path, PathBuf};

/// Hidden files, editor swap and backup files never belong to the site.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.starts_with('#')
}

/// True when any component of the `/`-separated relative path is ignored.
pub fn is_ignored_path(rel: &str) -> bool {
    rel.split('/').any(is_ignored)
}

/// Every file below `dir` that is not ignored (nor inside an ignored folder), as
/// `(path relative to dir with / separators, absolute path)`, sorted by path. A missing
/// folder has no files.
pub fn files_under(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.exists() {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()))
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| (display_path(dir, e.path()), e.into_path()))
        .collect()
}

/// Copies the tree at `from` into `to` (created as needed), every file included.
pub fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(std::io::Error::other)?;
        let dest = to.join(
            entry
                .path()
                .strip_prefix(from)
                .map_err(std::io::Error::other)?,
        );
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest)?;
        } else {
            std::fs::copy(entry.path(), &dest)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_and_editor_files_are_ignored_at_any_depth() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for f in [
            "a.md",
            "b/c.md",
            ".git/config",
            "b/.hidden.md",
            "b/c.md~",
            "b/.c.md.swp",
            "b/#c.md#",
            ".well/known.txt",
            "d/e.tmp",
        ] {
            let p = root.join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let rels: Vec<String> = files_under(root).into_iter().map(|(r, _)| r).collect();
        assert_eq!(rels, ["a.md", "b/c.md"]);
        assert!(is_ignored_path("b/.git/x"));
        assert!(!is_ignored_path("b/c.md"));
        let copy = tempfile::tempdir().unwrap();
        copy_tree(root, copy.path()).unwrap();
        assert!(copy.path().join(".git/config").is_file());
        assert!(copy.path().join("b/c.md").is_file());
    }

    #[test]
    fn a_missing_folder_has_no_files() {
        assert!(files_under(Path::new("/nonexistent/orgbook/dir")).is_empty());
    }
}
