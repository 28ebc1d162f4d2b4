//! An Azure DevOps wiki's page order. Each folder of the wiki's repository holds a `.order`
//! file listing its pages by file name without `.md` (`Getting-Started`), one a line, in
//! the order the wiki shows them; a page with sub-pages keeps them in the folder of its
//! name (`Getting-Started/`, with its own `.order`, see `link::sibling_folder_pages`). Read
//! depth first into one list of content paths, the reading order a GitBook `SUMMARY.md` or
//! MkDocs's `nav:` gives (`link::summary_order`), so the handbook reads in the wiki's order.
//!
//! Only `.order` files the tree names are read, never through a symbolic link: orgbook
//! reads nothing outside the handbook folder.

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The file's name in every folder.
pub const FILE: &str = ".order";

/// How deep folders are followed: deeper than any wiki, short of a runaway.
const MAX_DEPTH: usize = 32;

/// The largest `.order` file read (a list of names; anything larger is not one).
const MAX_BYTES: u64 = 1 << 20;

/// The content paths (`content/Getting-Started/Dev-Setup.md`) the `.order` files under
/// `root/content` list, depth first: a page, then its sub-pages, then the next page. Empty
/// without a `.order` at the top of `content/`.
pub fn read(root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let mut out = Order::default();
    visit(&root.join(crate::load::CONTENT_DIR), "", 0, &mut out, diags);
    out.paths
}

/// The paths listed so far, and the set of them: a name listed twice counts once, and
/// its folder is read once, so the work is the length of the files, whatever they say.
#[derive(Default)]
struct Order {
    paths: Vec<String>,
    seen: std::collections::HashSet<String>,
}

fn visit(content: &Path, dir: &str, depth: usize, out: &mut Order, diags: &mut Vec<Diagnostic>) {
    let folder = content.join(dir);
    let file = folder.join(FILE);
    let regular = |p: &Path| std::fs::symlink_metadata(p).ok();
    let Some(meta) = regular(&file) else { return };
    if !meta.file_type().is_file() || meta.len() > MAX_BYTES {
        return;
    }
    let shown = match dir {
        "" => format!("{}/{FILE}", crate::load::CONTENT_DIR),
        dir => format!("{}/{dir}/{FILE}", crate::load::CONTENT_DIR),
    };
    let Ok(text) = crate::text::legacy::read_beside(&file, &shown, diags) else {
        return;
    };
    for name in text.lines().map(str::trim) {
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            continue;
        }
        let page = if dir.is_empty() {
            name.to_string()
        } else {
            format!("{dir}/{name}")
        };
        let path = format!("{}/{page}.md", crate::load::CONTENT_DIR);
        if !out.seen.insert(path.clone()) {
            continue;
        }
        out.paths.push(path);
        if depth < MAX_DEPTH
            && regular(&content.join(&page)).is_some_and(|m| m.file_type().is_dir())
        {
            visit(content, &page, depth + 1, out, diags);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_then_their_sub_pages_in_the_order_files_order() {
        let root = tempfile::tempdir().unwrap();
        let content = root.path().join("content");
        std::fs::create_dir_all(content.join("Getting-Started/Deep")).unwrap();
        std::fs::write(
            content.join(".order"),
            "Home\nGetting-Started\r\n\nFAQ\n../escape\n.hidden\n",
        )
        .unwrap();
        std::fs::write(content.join("Getting-Started/.order"), "Setup\nDeep\n").unwrap();
        std::fs::write(content.join("Getting-Started/Deep/.order"), "Leaf\n").unwrap();
        assert_eq!(
            read(root.path(), &mut Vec::new()),
            [
                "content/Home.md",
                "content/Getting-Started.md",
                "content/Getting-Started/Setup.md",
                "content/Getting-Started/Deep.md",
                "content/Getting-Started/Deep/Leaf.md",
                "content/FAQ.md",
            ]
        );
        assert!(read(&root.path().join("nowhere"), &mut Vec::new()).is_empty());
        // Listed twice, a page (and its folder) counts once.
        std::fs::write(
            content.join(".order"),
            "FAQ\nGetting-Started\nFAQ\nGetting-Started\n",
        )
        .unwrap();
        assert_eq!(read(root.path(), &mut Vec::new()).len(), 5);
    }

    #[test]
    fn an_order_file_in_an_old_encoding_is_read_in_it_with_a_warning() {
        let root = tempfile::tempdir().unwrap();
        let content = root.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join(".order"), b"Home\nCaf\xe9-Rules\n").unwrap();
        let mut diags = Vec::new();
        assert_eq!(
            read(root.path(), &mut diags),
            ["content/Home.md", "content/Café-Rules.md"]
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].file, "content/.order");
        assert_eq!((diags[0].line, diags[0].column), (2, 4));
        assert!(
            diags[0].message.contains("read as windows-1252"),
            "{diags:?}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_not_followed() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join(".order"), "Secret\n").unwrap();
        let content = root.path().join("content");
        std::fs::create_dir_all(&content).unwrap();
        std::fs::write(content.join(".order"), "Linked\n").unwrap();
        std::os::unix::fs::symlink(outside.path(), content.join("Linked")).unwrap();
        assert_eq!(read(root.path(), &mut Vec::new()), ["content/Linked.md"]);
        // A `.order` that is itself a link is not read.
        std::fs::remove_file(content.join(".order")).unwrap();
        std::os::unix::fs::symlink(outside.path().join(".order"), content.join(".order")).unwrap();
        assert!(read(root.path(), &mut Vec::new()).is_empty());
    }
}
