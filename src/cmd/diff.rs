//! `orgbook diff BASE [HEAD]`: resolve each side to a handbook folder (as given, or a git
//! revision materialised by `orgbook::diff::git`), compare, print markdown or JSON.

use super::report::{self, EXIT_OK, EXIT_USAGE};
use crate::cli::{DiffArgs, DiffFormat};
use orgbook::diff::{self, Snapshot, git::Checkout};
use std::path::{Path, PathBuf};

/// A side of the diff: a folder on disk, or a revision checked out into a temporary folder
/// (kept alive until the snapshot is loaded).
fn side(arg: &str, root: &Path) -> Result<(PathBuf, Option<Checkout>), String> {
    let path = Path::new(arg);
    if path.is_dir() {
        let found = orgbook::site::find_root(path).map_err(|e| e.to_string())?;
        return Ok((found, None));
    }
    let checkout = diff::git::checkout(root, arg)?;
    Ok((checkout.root.clone(), Some(checkout)))
}

fn load(arg: Option<&str>, root: &Path, today: jiff::civil::Date) -> Result<Snapshot, String> {
    match arg {
        None => Ok(diff::snapshot(root, today)),
        Some(a) => {
            let (dir, _keep) = side(a, root)?;
            Ok(diff::snapshot(&dir, today))
        }
    }
}

pub fn execute(args: DiffArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let today = orgbook::clock::today();
    let (base, head) = match (
        load(Some(&args.base), &root, today),
        load(args.head.as_deref(), &root, today),
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
