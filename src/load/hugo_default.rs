//! A Hugo site's default language folder read as the top of `content/`. With a content
//! folder per language (`contentDir = "content/en"`, `[languages.fr] contentDir =
//! "content/fr"`), Hugo publishes the default language's pages at the top of the site
//! (`content/en/docs/setup.md` at `/docs/setup/`), so that folder is no step of the
//! site's shape: each of its files is read as if it were at the same place at the top of
//! `content/` (its documents keep the file they were read from, `Source::read_from`, for
//! diagnostics, edit links and dates), and the navigation, folder pages, breadcrumbs, team
//! and decision folders start there. A file whose place at the top is taken (a file of
//! `content/` itself, or another language's folder: `content/en/fr.md` beside
//! `content/fr/`) stays where it is and is reported, as nothing is overwritten. Assets keep
//! their folder (`en/docs/diagram.svg`); a relative link to one is found from the file's
//! own folder (`markdown::rewrite`). With `defaultContentLanguageInSubdir = true` the
//! pages are published under the language's folder as Hugo publishes them
//! ([`publish_under`]), the navigation still starting inside it.

use super::CONTENT_DIR;
use crate::config::LanguageFolders;
use crate::diagnostic::Diagnostic;
use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

/// The files of `content/` as [`super::walk_content`] gives them (`(path, rel)`), with each
/// Markdown file of the default language's moved folder read at the top, and the moved
/// ones' real `rel` by their new one. `is_page` tells a page's file from an asset's (assets
/// are not moved).
pub fn read_at_top(
    files: Vec<(PathBuf, String)>,
    folders: Option<&LanguageFolders>,
    is_page: impl Fn(&PathBuf, &str) -> bool,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<(PathBuf, String)>, HashMap<String, String>) {
    let Some(prefix) = folders.and_then(moved_prefix) else {
        return (files, HashMap::new());
    };
    // The other languages' folders' first parts (`content/fr` → `fr`): a page at the top
    // by that name would stand where that language's pages are published.
    let languages: HashSet<&str> = folders
        .into_iter()
        .flat_map(|f| &f.others)
        .filter_map(|(folder, _)| folder.strip_prefix("content/")?.split('/').next())
        .collect();
    let taken: HashSet<&str> = files
        .iter()
        .map(|(_, rel)| rel.as_str())
        .filter(|rel| !rel.starts_with(&prefix))
        .collect();
    let mut moved = HashMap::new();
    let mut clashes = Vec::new();
    for (path, rel) in &files {
        let Some(rest) = rel.strip_prefix(&prefix).filter(|_| is_page(path, rel)) else {
            continue;
        };
        let first = rest.split('/').next().unwrap_or(rest);
        // `fr/…`, `fr.md`, `fr.de.md`: all published at `fr/` or `fr.html`.
        let name = first.split('.').next().unwrap_or(first);
        if taken.contains(rest) || languages.contains(name) {
            clashes.push((rel.clone(), rest.to_string()));
        } else {
            moved.insert(rest.to_string(), rel.clone());
        }
    }
    for (rel, rest) in clashes {
        diags.push(
            Diagnostic::warning(
                "language-folder-clash",
                &format!("{CONTENT_DIR}/{rel}"),
                format!(
                    "kept at its folder's address: the default language's pages are read at the top of the handbook, as Hugo publishes them, but `{CONTENT_DIR}/{rest}` is {}",
                    if taken.contains(rest.as_str()) {
                        "there already"
                    } else {
                        "where another language's pages are published"
                    }
                ),
            )
            .with_help("rename the file (or its folder), so that its place at the top is its own"),
        );
    }
    let files = files
        .into_iter()
        .map(|(path, rel)| match rel.strip_prefix(&prefix) {
            Some(rest) if moved.contains_key(rest) => (path, rest.to_string()),
            _ => (path, rel),
        })
        .collect();
    (files, moved)
}

/// A moved page published under the default language's folder (`en/docs/setup.html`),
/// as Hugo publishes it with `defaultContentLanguageInSubdir = true`: pages only, and not
/// the home page, whose address is the site's; a team's and a decision record's addresses
/// are orgbook's own.
pub fn publish_under(doc: &mut crate::model::Doc, subdir: Option<&str>) {
    let Some(subdir) = subdir else {
        return;
    };
    if matches!(&doc.kind, crate::model::DocKind::Page(p) if !p.is_home) {
        doc.url = format!("{subdir}/{}", doc.url);
    }
}

/// `en/` for a default language's folder `content/en` read at the top.
fn moved_prefix(folders: &LanguageFolders) -> Option<String> {
    let folder = folders.moved_default.as_deref()?;
    Some(format!("{}/", folder.strip_prefix("content/")?))
}
