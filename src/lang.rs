//! The languages a handbook is written in. A handbook has one language (`language` in
//! `orgbook.toml`, else the one the generator it moved in from names: MkDocs's
//! `theme.language`, mdBook's `book.language`; English when none does), a page may say
//! its own (`lang:` or `language:` in its front matter, as Hugo and Jekyll pages do), and a
//! page may have translations beside it named as Hugo names them ("translation by file
//! name": `about.fr.md` beside `about.md`, `_index.fr.md` beside `_index.md`). Tags are
//! checked for BCP 47's shape only, not against the registry: a reader's browser and a
//! screen reader need a well-formed tag, and a handbook may well use a rare language.
//!
//! A translation is published at the address of the page it translates under a folder
//! named by its language (`fr/about.html`), as Hugo publishes it (`/fr/about/`), so every
//! language version of a handbook has the same shape; links to its file (`about.fr.md`)
//! lead there as any link to a file does. It is no separate entry in the navigation (its
//! page lists it under "Also in") and a translated charter or decision record is a page,
//! not a second team or record.

use crate::model::{Doc, DocId, DocKind};
use crate::text::lang_tag;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The language named by the configuration of the generator a handbook moved in from,
/// when `orgbook.toml` names none: MkDocs's `theme: language:` in `mkdocs.yml`, then
/// mdBook's `[book] language` in `book.toml` (both read beside `content/`, and watched by
/// `serve` as configuration). A value that is not a tag is passed over (Material for
/// MkDocs accepts only tags, so none is expected).
pub fn from_generator(root: &Path) -> Option<String> {
    let read = |name: &str| {
        crate::text::legacy::read_text(&root.join(name))
            .ok()
            .map(|(t, _)| t)
    };
    let mkdocs = read(crate::load::mkdocs_nav::FILE).and_then(|text| {
        let value: yaml_serde::Value = yaml_serde::from_str(&text).ok()?;
        value
            .get("theme")?
            .get("language")?
            .as_str()
            .map(str::to_string)
    });
    let mdbook = || {
        read(crate::load::book_toml::FILE).and_then(|text| {
            let table: toml::Table = toml::from_str(&text).ok()?;
            table
                .get("book")?
                .get("language")?
                .as_str()
                .map(str::to_string)
        })
    };
    mkdocs
        .or_else(mdbook)
        .map(|t| t.trim().replace('_', "-"))
        .filter(|t| lang_tag::is_tag(t))
}

/// The language of a translation's file name, Hugo's `NAME.LANG.md`
/// ([`lang_tag::stem_language`] after the Markdown extension), and the path without it
/// (`content/about.fr.md` → `("content/about", "fr")`).
pub fn file_name_language(path: &str) -> Option<(&str, &str)> {
    crate::load::strip_markdown_extension(path).and_then(lang_tag::stem_language)
}

/// A translation: the document it translates, and its language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    pub of: DocId,
    pub lang: String,
}

/// The translations of a handbook, both ways.
#[derive(Debug, Clone, Default)]
pub struct Translations {
    /// Translation → what it translates and its language.
    pub of: BTreeMap<DocId, Translation>,
    /// Translated document → its translations, in path order.
    pub versions: BTreeMap<DocId, Vec<DocId>>,
}

impl Translations {
    /// Every language version of document `id` (itself included), the translated one
    /// first; empty for a document without translations.
    pub fn versions_of(&self, id: DocId) -> Vec<DocId> {
        let first = self.of.get(&id).map_or(id, |t| t.of);
        match self.versions.get(&first) {
            Some(v) => std::iter::once(first).chain(v.iter().copied()).collect(),
            None => Vec::new(),
        }
    }
}

/// Finds the translations among `docs` (sorted by path, as the link stage holds them)
/// and makes each one a page published under its language's folder, out of the
/// navigation: a translated charter or decision record is read as a page, so that the
/// team or record is one.
pub fn translations(docs: &mut [Doc]) -> Translations {
    let by_stem: HashMap<&str, DocId> = docs
        .iter()
        .enumerate()
        .filter_map(|(id, d)| Some((crate::load::strip_markdown_extension(&d.source.path)?, id)))
        .collect();
    let mut found = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let Some((base, lang)) = file_name_language(&doc.source.path) else {
            continue;
        };
        let (dir, name) = base.rsplit_once('/').unwrap_or(("", base));
        // `_index.fr.md` translates its folder's page, whichever name that has.
        let of = if crate::load::index_rank(&format!("{name}.md")).is_some() {
            ["_index", "index", "README", "readme"]
                .iter()
                .find_map(|n| by_stem.get(format!("{dir}/{n}").as_str()))
        } else {
            by_stem.get(base)
        };
        if let Some(&of) = of
            && of != id
            && file_name_language(&docs[of].source.path)
                .is_none_or(|(b, _)| !by_stem.contains_key(b))
        {
            found.insert(
                id,
                Translation {
                    of,
                    lang: lang.to_string(),
                },
            );
        }
    }
    for (&id, t) in &found {
        let url = format!("{}/{}", t.lang, docs[t.of].url);
        let doc = &mut docs[id];
        let before = (doc.url.clone(), doc.kind.clone());
        if !matches!(doc.kind, DocKind::Page(_))
            && let Some(page) = crate::load::read_as_page(doc)
        {
            *doc = page;
        }
        if let DocKind::Page(p) = &mut doc.kind {
            p.nav_hidden = true;
            p.folder_index = false;
            p.is_home = false;
            p.language_mut().untranslated = Some(before);
        }
        doc.url = url;
    }
    let mut versions: BTreeMap<DocId, Vec<DocId>> = BTreeMap::new();
    for (&id, t) in &found {
        versions.entry(t.of).or_default().push(id);
    }
    Translations {
        of: found,
        versions,
    }
}

/// Undoes what [`translations`] did to the documents of an earlier link (`serve` links
/// the documents it holds again), so that the link starts from the documents as loaded.
pub fn untranslate(docs: &mut [Doc]) {
    for doc in docs {
        if let DocKind::Page(p) = &mut doc.kind
            && let Some(before) = p.language.as_mut().and_then(|l| l.untranslated.take())
        {
            (doc.url, doc.kind) = before;
        }
    }
}

/// A translation `doc` (as loaded, its body edited, its front matter not) takes the place
/// of `old` without a new link (`serve`): it keeps `old`'s address and what the link
/// stage set before making it a translation.
pub fn keep_translation(doc: &mut Doc, old: &Doc) {
    let DocKind::Page(old_page) = &old.kind else {
        return;
    };
    let Some(before) = old_page
        .language
        .as_ref()
        .and_then(|l| l.untranslated.as_ref())
    else {
        return;
    };
    let mut kind = doc.kind.clone();
    if let (DocKind::Page(k), DocKind::Page(was)) = (&mut kind, &before.1) {
        k.summary_weight = was.summary_weight;
        k.nav_label.clone_from(&was.nav_label);
        k.nav_hidden = was.nav_hidden;
        k.folder_index = was.folder_index;
        k.is_home = was.is_home;
    }
    let before = (std::mem::replace(&mut doc.url, old.url.clone()), kind);
    if let DocKind::Page(p) = &mut doc.kind {
        p.language_mut().untranslated = Some(before);
    }
}

/// The language of document `id`: its front matter's, else its file name's when it is a
/// translation, else the handbook's.
pub fn of_doc<'a>(doc: &'a Doc, translation: Option<&'a Translation>, site: &'a str) -> &'a str {
    match &doc.kind {
        DocKind::Page(p) if let Some(l) = p.lang() => l,
        _ => translation.map_or(site, |t| t.lang.as_str()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_file_names() {
        assert_eq!(
            file_name_language("content/about.fr.md"),
            Some(("content/about", "fr"))
        );
        assert_eq!(
            file_name_language("content/g/_index.pt-br.md"),
            Some(("content/g/_index", "pt-br"))
        );
        for p in [
            "content/v1.2.md",
            "content/release.v2.md",
            "content/about.md",
            "content/.fr.md",
            "content/about.FR.md",
            "content/a.fr-x.md",
        ] {
            assert_eq!(file_name_language(p), None, "{p}");
        }
    }
}
