//! Translations kept outside `content/`: a Docusaurus site's
//! `i18n/<locale>/docusaurus-plugin-content-docs/current/<path>`, the `<locale>` version of
//! the doc at `content/<path>` once its docs are moved in. Which folders hold them is the
//! configuration's to say ([`LanguageFolders`], `crate::lang::docusaurus_folders`); this
//! reads their files as documents, each named by its own path (so diagnostics, edit links
//! and relative links start from where it is) and read as a page at `<locale>/<path>`
//! (never a charter or a record: a translated charter is the team's page in another
//! language, `crate::lang::translations`). Docusaurus builds a translation only of a doc
//! the site has, and never a file or folder whose name starts with `_` (a partial): the
//! others are named in one note each, not published.

use super::{CONTENT_DIR, Loaded, is_markdown, load_file_named};
use crate::config::LanguageFolders;
use crate::diagnostic::Diagnostic;
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::Path;

/// Adds to `loaded` the documents of `folders`' language folders outside `content/`
/// (none for Hugo's, which are inside it and loaded with it).
pub fn load_outside(
    root: &Path,
    folders: &LanguageFolders,
    loaded: &mut Loaded,
    diags: &mut Vec<Diagnostic>,
) {
    if !folders.outside_content {
        return;
    }
    let known: HashSet<&str> = loaded
        .docs
        .iter()
        .map(|d| d.source.path.as_str())
        .chain(loaded.drafts.iter().map(String::as_str))
        .collect();
    let mut files = Vec::new();
    for (folder, lang) in &folders.others {
        for (rel, path) in crate::text::walk::files_under(&root.join(folder)) {
            if !is_markdown(&rel) || rel.split('/').any(|part| part.starts_with('_')) {
                continue;
            }
            let file = format!("{folder}/{rel}");
            let original = format!("{CONTENT_DIR}/{rel}");
            if known.contains(original.as_str()) {
                files.push((path, file, format!("{lang}/{rel}")));
            } else {
                diags.push(
                    Diagnostic::note(
                        "skipped-file",
                        &file,
                        format!("skipped: a translation of `{original}`, which is not in the handbook (Docusaurus publishes a translation only of a doc the site has)"),
                    )
                    .with_help("move the English page to content/ at the same path, or delete the translation"),
                );
            }
        }
    }
    let results: Vec<_> = files
        .par_iter()
        .map(|(path, file, rel)| {
            let mut d = Vec::new();
            let doc = load_file_named(path, file.clone(), rel, &[], &mut d);
            (doc, d)
        })
        .collect();
    for ((doc, d), (_, file, _)) in results.into_iter().zip(&files) {
        match doc {
            Some(doc) => loaded.docs.push(doc),
            None => loaded.unparsed.push(file.clone()),
        }
        diags.extend(d);
    }
}
