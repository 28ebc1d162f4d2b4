//! The Markdown a handbook made in a repository would leave out, being outside its
//! `content/`: how many files, the folders and files at the top that a `git mv … content/`
//! moves (with the folders of images and files their pages link), the home page among them
//! and its title, and the files that stay at the top that the home page links to.

use super::counts::top_level_page_names;
use super::titles::page_title;
use std::path::Path;

/// The Markdown files a handbook would leave out, being outside its content/.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// How many.
    pub count: usize,
    /// The first by path.
    pub first: Option<String>,
    /// The folders and files at the top of the repository that hold them, sorted: what a
    /// `git mv … content/` moves.
    pub tops: Vec<String>,
    /// The name the handbook's home page gives it (its front matter's `title`, else its
    /// first `# Heading`), when one of `tops` becomes content/'s index page.
    pub title: Option<String>,
    /// Another tool's home page among `tops` (Wiki.js's `home.md`, a Dendron vault's
    /// `root.md`), which the handbook's home page is once moved, when no index page is.
    pub tool_home: Option<String>,
}

impl Outside {
    /// The file among [`Outside::tops`] that becomes content/'s index page once moved
    /// (`README.md`, `index.md`).
    pub fn home(&self) -> Option<&str> {
        self.tops
            .iter()
            .map(String::as_str)
            .find(|top| crate::load::index_rank(top).is_some())
            .or(self.tool_home.as_deref())
    }
}

/// The Markdown files in `dir` that a handbook made there would leave out, being outside
/// its content/ (and its output, public/). The repository's own files at the top
/// (CHANGELOG, CONTRIBUTING…) are not counted. Its README is, when other pages are outside
/// too: in a repository of Markdown folders it is the front page GitHub shows, and so the
/// handbook's home page; alone beside code it is the project's, and stays.
pub fn markdown_outside_content(dir: &Path) -> Outside {
    use crate::load::machinery;
    let rel = |e: &walkdir::DirEntry| crate::diagnostic::display_path(dir, e.path());
    let top = top_level_page_names(dir);
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let skipped = crate::text::walk::is_ignored(&name)
                || (e.depth() == 1
                    && e.file_type().is_dir()
                    && matches!(&*name, "content" | "public"))
                || (e.file_type().is_dir() && machinery::packages(&rel(e), true));
            e.depth() == 0 || !skipped
        })
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| rel(&e))
        .filter(|rel| {
            crate::load::is_markdown(rel)
                && !machinery::is_skipped_file(rel)
                && (rel.contains('/') || top.contains(rel))
        })
        .collect();
    let has_home = top
        .iter()
        .any(|name| crate::load::index_rank(name).is_some());
    // Wiki.js's git storage keeps the wiki's home page as `home.md` at the top (a Dendron
    // vault as `root.md`): that is the home page, and a README beside it is about the
    // repository, as it is beside code.
    let tool_home = ["home.md", "root.md"].into_iter().find(|name| {
        top.iter().any(|t| t == name)
            && crate::text::legacy::read_text(&dir.join(name)).is_ok_and(|(text, _)| {
                crate::load::home_of_a_tool(&format!("content/{name}"), &text).is_some()
            })
    });
    if !found.is_empty() && !has_home && tool_home.is_none() {
        let readme = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|name| name.eq_ignore_ascii_case("readme.md"))
                .min()
        });
        found.extend(readme);
    }
    found.sort_unstable();
    let mut tops: std::collections::BTreeSet<String> = found
        .iter()
        .map(|rel| rel.split('/').next().unwrap_or(rel).to_string())
        .collect();
    if !found.is_empty() {
        let linked = linked_folders(dir, &found, &tops);
        tops.extend(linked);
    }
    let mut outside = Outside {
        count: found.len(),
        tops: tops.into_iter().collect(),
        first: found.into_iter().next(),
        title: None,
        tool_home: tool_home.filter(|_| !has_home).map(str::to_string),
    };
    if let Some(home) = outside.home() {
        outside.title = crate::text::legacy::read_text(&dir.join(home))
            .ok()
            .and_then(|(text, _)| page_title(&text));
    }
    outside
}

/// The folders at the top of `dir` that hold no Markdown but files the pages show or link
/// (`media/` beside a page converted from Word by pandoc, a Jekyll site's `assets/`): they
/// move in with the pages, or every image breaks. Pages past the first few thousand, and
/// text past a page's first MiB, are not read: a hint, not an inventory.
fn linked_folders(
    dir: &Path,
    pages: &[String],
    tops: &std::collections::BTreeSet<String>,
) -> std::collections::BTreeSet<String> {
    const PAGES_READ: usize = 5000;
    const READ_AT_MOST: usize = 1 << 20;
    let mut linked = std::collections::BTreeSet::new();
    for page in pages.iter().take(PAGES_READ) {
        let Ok((text, _)) = crate::text::legacy::read_text(&dir.join(page)) else {
            continue;
        };
        let mut end = text.len().min(READ_AT_MOST);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let from = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        for dest in link_destinations(&text[..end]) {
            let Some(path) = folder_path(from, dest) else {
                continue;
            };
            let Some((top, _)) = path.split_once('/') else {
                continue;
            };
            if tops.contains(top)
                || linked.contains(top)
                || matches!(top, "content" | "public" | "static")
                || crate::text::walk::is_ignored(top)
            {
                continue;
            }
            if dir.join(&path).is_file() {
                linked.insert(top.to_string());
            }
        }
    }
    linked
}

/// The destinations written in Markdown links and images (`](dest)`) and in `src="…"` /
/// `href="…"` attributes of `text`, as written.
fn link_destinations(text: &str) -> impl Iterator<Item = &str> {
    let markdown = text.match_indices("](").map(|(at, _)| {
        let rest = text[at + 2..].trim_start_matches('<');
        let end = rest
            .find(|c: char| c == ')' || c == '>' || c.is_whitespace())
            .unwrap_or(rest.len());
        &rest[..end]
    });
    let html = ["src=\"", "href=\""].into_iter().flat_map(move |attr| {
        text.match_indices(attr).map(move |(at, _)| {
            let rest = &text[at + attr.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
    });
    markdown.chain(html)
}

/// `dest` (a link written in a page in folder `from`) as a path from the repository's top,
/// when it names a file there: not an address, not an anchor, not above the top.
fn folder_path(from: &str, dest: &str) -> Option<String> {
    if dest.is_empty() || dest.contains("://") || dest.starts_with(['#', '?']) || dest.contains(':')
    {
        return None;
    }
    let dest = dest.split(['#', '?']).next().unwrap_or(dest);
    let dest = crate::text::percent_decode(dest).unwrap_or_else(|| dest.to_string());
    crate::text::join_path(from, &dest)
}

/// The files at the top of `dir` that stay there (not among `outside`'s tops) and that
/// the home page moving in links to (`[guidelines](CONTRIBUTING.md)`, `/LICENSE`): from
/// content/README.md those links need a `../`. Sorted.
pub fn left_behind_links(dir: &Path, outside: &Outside) -> Vec<String> {
    let Some(home) = outside.home() else {
        return Vec::new();
    };
    let Ok((text, _)) = crate::text::legacy::read_text(&dir.join(home)) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut linked: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && !outside.tops.contains(name))
        .filter(|name| {
            ["](", "]: ", "href=\""].iter().any(|before| {
                ["", "/", "./"]
                    .iter()
                    .any(|prefix| text.contains(&format!("{before}{prefix}{name}")))
            })
        })
        .collect();
    linked.sort_unstable();
    linked
}
