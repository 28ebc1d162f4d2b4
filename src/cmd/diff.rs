//! `orgbook diff BASE [HEAD]`: resolve each side to a handbook folder (as given, or a git
//! revision materialised by `orgbook::diff::git`), compare, print markdown or JSON.

use super::report::{self, EXIT_OK, EXIT_USAGE};
use crate::cli::{DiffArgs, DiffFormat};
use orgbook::diff::{self, Snapshot, git::Checkout};
use std::path::{Path, PathBuf};

/// A side of the diff: a folder on disk, or a revision checked out into a temporary folder
/// (kept alive until the snapshot is loaded).
/// `root` is `None` when both sides are folders, which need no handbook to be read from.
fn side(arg: &str, root: Option<&Path>) -> Result<(PathBuf, Option<Checkout>), String> {
    let path = Path::new(arg);
    if path.is_dir() {
        let found = orgbook::site::find_root(path).map_err(|e| e.to_string())?;
        return Ok((found, None));
    }
    let root = root.ok_or_else(|| format!("{arg} is not a folder"))?;
    let checkout = diff::git::checkout(root, arg)?;
    Ok((checkout.root.clone(), Some(checkout)))
}

fn load(
    arg: Option<&str>,
    root: Option<&Path>,
    today: jiff::civil::Date,
) -> Result<Snapshot, String> {
    match (arg, root) {
        (None, Some(root)) => Ok(diff::snapshot(root, today)),
        (None, None) => Err("no handbook to compare with".to_owned()),
        (Some(a), _) => {
            let (dir, _keep) = side(a, root)?;
            Ok(diff::snapshot(&dir, today))
        }
    }
}

pub fn execute(args: DiffArgs) -> u8 {
    // Two folders are two handbooks, compared as they are: the current folder need not
    // be a third (a CI job that checks both sides out side by side runs from neither).
    let two_folders = Path::new(&args.base).is_dir()
        && args.head.as_deref().is_some_and(|h| Path::new(h).is_dir());
    let root = if two_folders {
        None
    } else {
        match report::find_root(&args.root) {
            Ok(r) => Some(r),
            Err(code) => return code,
        }
    };
    let root = root.as_deref();
    let today = orgbook::clock::today();
    let (base, head) = match (
        load(Some(&args.base), root, today),
        load(args.head.as_deref(), root, today),
    ) {
        (Ok(b), Ok(h)) => (b, h),
        (Err(e), _) | (_, Err(e)) => {
            errln!("error: {e}");
            errln!(
                "  = help: BASE and HEAD are handbook folders or git revisions (a branch, a tag, HEAD~1, a commit)"
            );
            return EXIT_USAGE;
        }
    };
    let d = diff::diff(&base, &head);
    match args.format {
        DiffFormat::Markdown => out!("{}", diff::markdown(&d)),
        DiffFormat::Json => outln!(
            "{}",
            serde_json::to_string_pretty(&d).expect("diff serialises")
        ),
    }
    EXIT_OK
}
