//! Safety (issue 11): the output folder can never eat the handbook, a folder orgbook did not
//! write is never replaced without `--force`, and dead builds leave nothing behind. Every
//! refusal is checked to leave the whole tree byte-identical.

use crate::harness::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every entry under `dir` (not following symlinks): files with their bytes, folders and
/// symlinks with their targets, so "nothing touched" can be asserted exactly.
fn snapshot(dir: &Path) -> BTreeMap<String, String> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            let ft = e.file_type();
            let what = if ft.is_symlink() {
                format!("link → {}", std::fs::read_link(e.path()).unwrap().display())
            } else if ft.is_dir() {
                "dir".to_string()
            } else {
                format!("{:?}", std::fs::read(e.path()).unwrap())
            };
            (rel, what)
        })
        .collect()
}

/// The safety fixture (config, README, content, templates/, static/, themes/) in a fresh
/// temporary folder, plus that folder's parent for paths outside the handbook.
struct Repo {
    book: TestBook,
    outside: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        Repo {
            book: TestBook::fixture("safety/repo"),
            outside: tempfile::tempdir().unwrap(),
        }
    }

    fn root(&self) -> &Path {
        self.book.root()
    }

    fn build_to(&self, root: &Path, output: &Path, extra: &[&str]) -> Run {
        let root = root.to_string_lossy().into_owned();
        let out = output.to_string_lossy().into_owned();
        let mut args = vec!["build", "--root", &root, "--output", &out];
        args.extend_from_slice(extra);
        self.book.run(&args)
    }

    /// Runs a build that must be refused, and checks that neither the handbook nor the
    /// folder beside it changed.
    #[track_caller]
    fn refused(&self, root: &Path, output: &Path, extra: &[&str], needles: &[&str]) -> Run {
        let before = (snapshot(self.root()), snapshot(self.outside.path()));
        let run = self.build_to(root, output, extra);
        run.failure(1).stderr_has("refusing");
        for n in needles {
            run.stderr_has(n);
        }
        run.stderr_has("= help:").stderr_lacks("Building");
        let after = (snapshot(self.root()), snapshot(self.outside.path()));
        assert_eq!(before, after, "a refused build changed files");
        run
    }
}

#[cfg(unix)]
fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

#[test]
#[cfg(unix)]
fn output_into_content_through_a_symlinked_root_is_refused() {
    let repo = Repo::new();
    let link = repo.outside.path().join("handbook-link");
    symlink(repo.root(), &link);
    repo.refused(
        &link,
        &link.join("content"),
        &[],
        &["is the handbook's content", "--output"],
    );
    repo.refused(
        &link,
        &link.join("content/guide"),
        &[],
        &["lies inside the handbook's content"],
    );
    // --force never allows it.
    repo.refused(&link, &link.join("content"), &["--force"], &["content"]);
}

#[test]
fn output_that_is_or_holds_a_source_folder_is_refused() {
    let repo = Repo::new();
    let root = repo.root().to_path_buf();
    for (output, needle) in [
        (root.join("templates"), "is the handbook's templates"),
        (root.join("static"), "is the handbook's static"),
        (root.join("static/img"), "lies inside the handbook's static"),
        (root.join("themes"), "is the handbook's themes"),
        (
            root.join("themes/house/static"),
            "lies inside the handbook's themes",
        ),
        (root.join("orgbook.toml"), "is the handbook's orgbook.toml"),
        (root.clone(), "is the handbook"),
        (root.join("content/../."), "is the handbook"),
        (
            root.parent().unwrap().to_path_buf(),
            "contains the handbook",
        ),
    ] {
        let run = repo.refused(&root, &output, &["--force"], &[needle]);
        // The help names a safe place.
        run.stderr_has(&format!(
            "--output {}",
            std::fs::canonicalize(&root)
                .unwrap()
                .join("public")
                .display()
        ));
    }
}

#[test]
#[cfg(unix)]
fn output_reached_through_a_symlink_into_the_sources_is_refused() {
    let repo = Repo::new();
    // public/ is a symlink to content/ (a "clever" setup that once deleted every source).
    symlink(&repo.root().join("content"), &repo.root().join("public"));
    repo.refused(
        repo.root(),
        &repo.root().join("public"),
        &["--force"],
        &["content"],
    );
    // A content/ that is itself a symlink elsewhere: its target is protected too.
    let repo = Repo::new();
    let real_content = repo.outside.path().join("real-content");
    std::fs::rename(repo.root().join("content"), &real_content).unwrap();
    symlink(&real_content, &repo.root().join("content"));
    repo.refused(repo.root(), &real_content, &[], &["content"]);
    repo.refused(
        repo.root(),
        repo.outside.path(),
        &[],
        &["contains the handbook's content"],
    );
}

#[test]
fn a_non_empty_folder_orgbook_did_not_write_needs_force() {
    let repo = Repo::new();
    let out = repo.outside.path().join("site");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("notes.txt"), "my own notes").unwrap();
    let run = repo.refused(repo.root(), &out, &[], &["did not write it", "--force"]);
    run.stderr_has(&std::fs::canonicalize(&out).unwrap().display().to_string());

    repo.build_to(repo.root(), &out, &["--force"]).success();
    assert!(!out.join("notes.txt").exists());
    assert!(out.join(".orgbook-site").is_file());
    assert!(out.join("index.html").is_file());
    // From now on the folder is ours: no --force needed.
    repo.build_to(repo.root(), &out, &[]).success();
}

#[test]
fn empty_or_missing_output_folders_are_fine() {
    let repo = Repo::new();
    let empty = repo.outside.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    repo.build_to(repo.root(), &empty, &[]).success();
    let missing = repo.outside.path().join("a/b/site");
    repo.build_to(repo.root(), &missing, &[]).success();
    assert!(missing.join("teams/platform.html").is_file());
    // The default output, public/ inside the handbook, is allowed.
    repo.book.build().success();
    assert!(repo.book.out().join(".orgbook-site").is_file());
}

#[test]
fn output_written_by_an_orgbook_without_the_marker_is_replaced() {
    let repo = Repo::new();
    repo.book.build().success();
    // What an earlier version left: the same site, no marker.
    std::fs::remove_file(repo.book.out().join(".orgbook-site")).unwrap();
    std::fs::write(repo.book.out().join("stale.html"), "old page").unwrap();
    repo.book.build().success();
    assert!(repo.book.out().join(".orgbook-site").is_file());
    assert!(!repo.book.out().join("stale.html").exists());
}

#[test]
fn an_output_that_is_a_file_is_refused() {
    let repo = Repo::new();
    let file = repo.outside.path().join("site.html");
    std::fs::write(&file, "<p>mine</p>").unwrap();
    repo.refused(
        repo.root(),
        &file,
        &["--force"],
        &["is a file, not a folder"],
    );
}

fn set_old(path: &Path) {
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::open(path)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
}

#[test]
fn temporary_folders_of_dead_builds_are_removed_by_the_next_build() {
    let repo = Repo::new();
    let parent = repo.root();
    let dead_new: PathBuf = parent.join(".public.orgbook-new-4194301");
    let dead_old: PathBuf = parent.join(".public.orgbook-old-4194302");
    let dead_unmarked: PathBuf = parent.join(".public.orgbook-new-4194303");
    let live: PathBuf = parent.join(".public.orgbook-new-4194304");
    for d in [&dead_new, &dead_old, &dead_unmarked, &live] {
        std::fs::create_dir_all(d.join("teams")).unwrap();
        std::fs::write(d.join("teams/half-written.html"), "<h1>Pla").unwrap();
    }
    for d in [&dead_new, &dead_old, &live] {
        std::fs::write(d.join(".orgbook-site"), "").unwrap();
    }
    set_old(&dead_unmarked);
    // A build still running holds the lock on its marker: its folder must survive.
    let lock = std::fs::File::open(live.join(".orgbook-site")).unwrap();
    lock.lock().unwrap();
    // Another tool's hidden folder with a similar name is none of our business.
    let other = parent.join(".public.orgbook-notes");
    std::fs::create_dir(&other).unwrap();

    repo.book.build().success();
    assert!(!dead_new.exists(), "dead temporary folder left behind");
    assert!(!dead_old.exists(), "dead previous-site folder left behind");
    assert!(
        !dead_unmarked.exists(),
        "dead unmarked temporary folder left behind"
    );
    assert!(
        live.join("teams/half-written.html").is_file(),
        "a live build's folder was removed"
    );
    assert!(other.is_dir());
    let leftovers: Vec<_> = std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("orgbook-new") || n.contains("orgbook-old"))
        .collect();
    assert_eq!(leftovers, vec![".public.orgbook-new-4194304".to_string()]);
    drop(lock);
}

#[test]
fn repeated_builds_are_byte_identical_and_carry_the_marker() {
    let repo = Repo::new();
    repo.book.build().success();
    let first = snapshot(&repo.book.out());
    assert!(first.contains_key(".orgbook-site"));
    repo.book.build().success();
    assert_eq!(first, snapshot(&repo.book.out()));
}
