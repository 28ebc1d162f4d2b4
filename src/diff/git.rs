//! Reading a handbook as it was at a git revision, through the `git` command (no git
//! library: every machine that has the repository has git, and plumbing commands are a
//! stable interface). Only object-reading commands are used — `rev-parse`, `ls-tree`,
//! `cat-file --batch` — so the work tree, the index and HEAD are never touched; the
//! handbook's `orgbook.toml` and Markdown files (and the repository's CODEOWNERS) are
//! written into a fresh temporary folder that is removed when the [`Checkout`] is dropped.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A handbook materialised from a revision into a temporary folder.
pub struct Checkout {
    /// The temporary folder: the repository's root, as far as the handbook needs it.
    pub dir: PathBuf,
    /// The handbook's folder inside it.
    pub root: PathBuf,
}

impl Drop for Checkout {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn git(cwd: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(cwd)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Materialises the handbook at `root` (a folder inside a git work tree) as it was at
/// revision `rev`: its `orgbook.toml`, Markdown and HTML files under `content/` (an HTML
/// file with front matter is a page), and the repository's CODEOWNERS files
/// (any file of that name, and the one `[codeowners] file` names), laid out as in the
/// repository so that the handbook finds them where it would in a work tree.
pub fn checkout(root: &Path, rev: &str) -> Result<Checkout, String> {
    let top = git(root, &["rev-parse", "--show-toplevel"])
        .map_err(|e| format!("{} is not in a git repository ({e})", root.display()))?;
    let top = PathBuf::from(top.trim());
    let top = std::fs::canonicalize(&top).unwrap_or(top);
    let root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let prefix = crate::diagnostic::display_path(&top, &root);
    let commit = git(
        &top,
        &[
            "rev-parse",
            "--verify",
            "--quiet",
            &format!("{rev}^{{commit}}"),
        ],
    )
    .map_err(|_| format!("`{rev}` is neither a folder nor a git revision of this repository"))?;
    let commit = commit.trim().to_string();
    let listing = git(&top, &["ls-tree", "-r", "-z", "--full-tree", &commit])?;
    let in_handbook = |path: &str| -> Option<String> {
        let rel = if prefix.is_empty() {
            path
        } else {
            path.strip_prefix(&prefix)?.strip_prefix('/')?
        };
        (rel == crate::config::CONFIG_FILE
            || (rel.starts_with("content/")
                && (crate::load::is_markdown(rel) || crate::load::is_html_page(rel))))
        .then(|| rel.to_string())
    };
    let config_path = if prefix.is_empty() {
        crate::config::CONFIG_FILE.to_string()
    } else {
        format!("{prefix}/{}", crate::config::CONFIG_FILE)
    };
    // Every blob by path (for the file the config names), and the ones to write now.
    let mut blobs: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for entry in listing.split('\0').filter(|e| !e.is_empty()) {
        let Some((meta, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut parts = meta.split(' ');
        let (_mode, kind, sha) = (parts.next(), parts.next(), parts.next());
        let (Some("blob"), Some(sha)) = (kind, sha) else {
            continue;
        };
        blobs.insert(path, sha);
        let code_owners = path.rsplit('/').next() == Some("CODEOWNERS");
        if in_handbook(path).is_some() || code_owners {
            files.push((sha.to_string(), path.to_string()));
        }
    }
    if !files.iter().any(|(_, path)| *path == config_path) {
        return Err(format!(
            "revision `{rev}` has no {} at {}",
            crate::config::CONFIG_FILE,
            if prefix.is_empty() {
                "the repository root"
            } else {
                &prefix
            }
        ));
    }
    let dir = std::env::temp_dir().join(format!(
        "orgbook-diff-{}-{}",
        std::process::id(),
        &commit[..commit.len().min(12)]
    ));
    let _ = std::fs::remove_dir_all(&dir);
    // A `.git` marks the repository's root, where CODEOWNERS is looked for.
    std::fs::create_dir_all(dir.join(".git"))
        .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let checkout = Checkout {
        root: dir.join(&prefix),
        dir,
    };
    write_blobs(&top, &checkout.dir, &files)?;
    // A CODEOWNERS file under another name, as `[codeowners] file` in that revision's
    // config names it (relative to the handbook).
    let (config, _) = crate::site::load_config(&checkout.root);
    if let Some(named) = config.codeowners.file.as_deref() {
        let path = normalize(&format!("{prefix}/{named}")).unwrap_or_default();
        let written = files.iter().any(|(_, p)| *p == path);
        if let (false, Some(sha)) = (written, blobs.get(path.as_str())) {
            write_blobs(&top, &checkout.dir, &[(sha.to_string(), path)])?;
        }
    }
    Ok(checkout)
}

/// `a/b/../c` → `a/c`, without leading `/`; `None` when it climbs above the repository.
fn normalize(path: &str) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                out.pop()?;
            }
            p => out.push(p),
        }
    }
    Some(out.join("/"))
}

/// Writes blobs `(sha, path)` of the repository at `top` below `dir`, through one `git
/// cat-file --batch` process: one fork, not one per file.
fn write_blobs(top: &Path, dir: &Path, files: &[(String, String)]) -> Result<(), String> {
    let mut child = Command::new("git")
        .arg("-C")
        .arg(top)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run git: {e}"))?;
    let mut stdin = child.stdin.take().ok_or("git cat-file has no stdin")?;
    let shas: String = files.iter().map(|(sha, _)| format!("{sha}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(shas.as_bytes()));
    let mut out = Vec::new();
    child
        .stdout
        .take()
        .ok_or("git cat-file has no stdout")?
        .read_to_end(&mut out)
        .map_err(|e| format!("reading git cat-file: {e}"))?;
    let _ = writer.join();
    let _ = child.wait();
    let mut at = 0;
    for (_, rel) in files {
        let header_end = out[at..]
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("truncated git cat-file output")?
            + at;
        let header = String::from_utf8_lossy(&out[at..header_end]).into_owned();
        let size: usize = header
            .rsplit(' ')
            .next()
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("unexpected git cat-file header `{header}`"))?;
        let body = out
            .get(header_end + 1..header_end + 1 + size)
            .ok_or("truncated git cat-file output")?;
        let dest = dir.join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        std::fs::write(&dest, body).map_err(|e| e.to_string())?;
        at = header_end + 1 + size + 1;
    }
    Ok(())
}
