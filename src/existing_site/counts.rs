//! How many Markdown pages a folder holds, as the build would read them (hidden files and
//! other generators' machinery left out): in a folder, below its top, at the top of a
//! repository (less the files every repository has), and the plain pages of a `teams/`
//! folder that holds no charter.

use std::path::Path;

/// The pages at the top of a repository, by name, sorted: its Markdown files there, less
/// the ones every repository has (README, CHANGELOG, CONTRIBUTING, LICENSE,
/// CODE_OF_CONDUCT, SECURITY), which stay where GitHub shows them.
pub fn top_level_page_names(dir: &Path) -> Vec<String> {
    const REPOSITORY_FILES: &[&str] = &[
        "readme",
        "changelog",
        "contributing",
        "license",
        "code_of_conduct",
        "security",
    ];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| crate::load::is_markdown(name) && !name.starts_with(['_', '.']))
        .filter(|name| {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            !REPOSITORY_FILES.contains(&stem.to_ascii_lowercase().as_str())
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

pub(super) fn top_level_pages(dir: &Path) -> usize {
    top_level_page_names(dir).len()
}

/// Markdown files in the folders below `dir` (not at its top), as the build would read
/// them: a site at a repository's root keeps its pages in folders as well.
pub(super) fn nested_markdown_files(dir: &Path) -> usize {
    let top = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter(|e| crate::load::is_markdown(&e.file_name().to_string_lossy()))
                .filter(|e| !crate::text::walk::is_ignored(&e.file_name().to_string_lossy()))
                .count()
        })
        .unwrap_or(0);
    markdown_files(dir).saturating_sub(top)
}

/// How many pages are directly in `folder/teams/` when none of the Markdown files under
/// it is written as a charter ([`crate::load::is_written_as_charter`]): a site's plain
/// `teams/` folder of pages about its teams, which orgbook publishes as pages only while
/// the handbook has no charter. 0 when there is none, or a charter.
pub fn plain_team_pages(folder: &Path) -> usize {
    let teams = folder.join("teams");
    let mut loose = 0;
    for (rel, path) in crate::text::walk::files_under(&teams) {
        if !crate::load::is_markdown(&rel) || crate::load::machinery::is_skipped_file(&rel) {
            continue;
        }
        let Ok((text, _)) = crate::text::legacy::read_text(&path) else {
            continue;
        };
        if crate::load::is_written_as_charter(&text) {
            return 0;
        }
        if !rel.contains('/') && crate::load::index_rank(&rel).is_none() {
            loose += 1;
        }
    }
    loose
}

/// Markdown files below `folder`, as the build would read them (hidden files and other
/// generators' machinery left out).
pub(super) fn markdown_files(folder: &Path) -> usize {
    use crate::load::machinery;
    let rel = |e: &walkdir::DirEntry| crate::diagnostic::display_path(folder, e.path());
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| {
            let skipped = crate::text::walk::is_ignored(&e.file_name().to_string_lossy())
                || (e.file_type().is_dir() && machinery::packages(&rel(e), true));
            e.depth() == 0 || !skipped
        })
        .flatten()
        .filter(|e| {
            let rel = rel(e);
            e.file_type().is_file()
                && crate::load::is_markdown(&rel)
                && !machinery::is_skipped_file(&rel)
        })
        .count()
}
