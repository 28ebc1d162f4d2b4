//! The languages a handbook is written in. A handbook has one language (`language` in
//! `orgbook.toml`, else the one the generator it moved in from names: MkDocs's
//! `theme.language`, mdBook's `book.language`, Hugo's `defaultContentLanguage`,
//! Docusaurus's `i18n.defaultLocale`; English when none does), a page may say
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
//!
//! Hugo's other layout, a content folder per language (`[languages.fr] contentDir =
//! "content/fr"` in the Hugo configuration beside `content/`), makes the same pairs: the
//! same path in the default language's folder and in another language's is one page in
//! two languages. Another language's page keeps its folder's address (`fr/about.html`);
//! the default language's folder (`content/en`) is read at the top of `content/`
//! (`load::hugo_default`), as Hugo publishes it at the top of the site, so that the
//! navigation, folder pages and team folders start there. A folder no Hugo configuration
//! declares is an ordinary folder.
//!
//! Docusaurus keeps its translations outside `content/`, in
//! `i18n/<locale>/docusaurus-plugin-content-docs/current/` ([`docusaurus_folders`], for
//! the locales its configuration lists; `load::i18n` reads them): the same pairs again,
//! each translation published at its page's address under its language's folder, as
//! translations by file name are, since its own folder is no part of the site's shape.

use crate::config::LanguageFolders;
use crate::model::{Doc, DocId, DocKind};
use crate::text::lang_tag;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The language named by the configuration of the generator a handbook moved in from,
/// when `orgbook.toml` names none: MkDocs's `theme: language:` in `mkdocs.yml`, then
/// mdBook's `[book] language` in `book.toml`, then Hugo's ([`hugo_language`]), then
/// Docusaurus's `i18n.defaultLocale` (all read beside `content/`, and watched by `serve`
/// as configuration). A value that is not a tag is passed over (Material for
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
    let hugo = || hugo_language(&hugo_config(root));
    let docusaurus = || {
        DOCUSAURUS_CONFIGS
            .iter()
            .find_map(|name| read(name))
            .and_then(|text| crate::existing_site::value_of(&text, "defaultLocale"))
    };
    mkdocs
        .or_else(mdbook)
        .or_else(hugo)
        .or_else(docusaurus)
        .map(|t| t.trim().replace('_', "-"))
        .filter(|t| lang_tag::is_tag(t))
}

/// The files of a Docusaurus site's configuration, whose `i18n.defaultLocale` names its
/// language (read as text: the configuration is a program).
pub const DOCUSAURUS_CONFIGS: [&str; 3] = [
    "docusaurus.config.js",
    "docusaurus.config.ts",
    "docusaurus.config.mjs",
];

/// Hugo's configuration folder, read after the configuration file beside `content/`.
pub const HUGO_CONFIG_FOLDER: &str = "config/_default";

/// The files of a Hugo site's configuration, beside `content/` (the first found of the
/// site's own, as Hugo takes the first), then those of its configuration folder; a
/// `languages` file there holds the `[languages]` table alone.
const HUGO_CONFIGS: [&str; 8] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.yml",
    "config.json",
];

/// The Hugo configuration beside `content/`, each file read as a value (keys as written:
/// Hugo's are case-insensitive, [`hugo_key`] reads them so). Empty for a handbook that
/// moved in from elsewhere; a `config.toml` of Zola's has none of the keys read here.
pub fn hugo_config(root: &Path) -> Vec<serde_json::Value> {
    let parse = |path: &Path| -> Option<serde_json::Value> {
        let (text, _) = crate::text::legacy::read_text(path).ok()?;
        match path.extension()?.to_str()? {
            "toml" => serde_json::to_value(toml::from_str::<toml::Table>(&text).ok()?).ok(),
            "json" => serde_json::from_str(&text).ok(),
            _ => yaml_serde::from_str(&text).ok(),
        }
    };
    let mut found: Vec<serde_json::Value> = HUGO_CONFIGS
        .iter()
        .find_map(|name| parse(&root.join(name)))
        .into_iter()
        .collect();
    let folder = root.join(HUGO_CONFIG_FOLDER);
    for name in HUGO_CONFIGS {
        if let Some(value) = parse(&folder.join(name)) {
            found.push(value);
        }
    }
    for ext in ["toml", "yaml", "yml", "json"] {
        if let Some(value) = parse(&folder.join(format!("languages.{ext}"))) {
            found.push(serde_json::json!({ "languages": value }));
        }
    }
    found
}

/// Whether `name`, the first component of a path under the handbook's root, is (or
/// holds) a configuration [`from_generator`] or [`hugo_config`] reads besides MkDocs's and
/// mdBook's: `serve` reads the configuration again when it changes.
pub fn is_generator_config(name: &str) -> bool {
    name == "config" || HUGO_CONFIGS.contains(&name) || DOCUSAURUS_CONFIGS.contains(&name)
}

/// The value of Hugo's `key` in a table, whatever its case (`DefaultContentLanguage`).
fn hugo_key<'v>(table: &'v serde_json::Value, key: &str) -> Option<&'v serde_json::Value> {
    table
        .as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(key))
        .map(|(_, v)| v)
}

/// The first of the configuration's files that sets `key`.
fn hugo_setting<'v>(config: &'v [serde_json::Value], key: &str) -> Option<&'v serde_json::Value> {
    config.iter().find_map(|table| hugo_key(table, key))
}

/// A Hugo site's language: its `defaultContentLanguage` (the key its languages go by,
/// which its translations' folders and file names use too), else its `languageCode`.
fn hugo_language(config: &[serde_json::Value]) -> Option<String> {
    hugo_setting(config, "defaultContentLanguage")
        .or_else(|| hugo_setting(config, "languageCode"))
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The language folders a Hugo configuration declares (`contentDir` under
/// `[languages.<lang>]`), when at least one language other than the default has one
/// inside `content/`. The default language's folder is its own `contentDir`, else the
/// site's, else `content/`. A language whose key is no language tag is passed over.
pub fn hugo_folders(config: &[serde_json::Value]) -> Option<LanguageFolders> {
    let languages = hugo_setting(config, "languages")?.as_object()?;
    let default = hugo_setting(config, "defaultContentLanguage")
        .and_then(|v| v.as_str())
        .unwrap_or(lang_tag::DEFAULT);
    let default_language = default;
    let folder_of = |table: &serde_json::Value| {
        hugo_key(table, "contentDir")
            .and_then(|v| v.as_str())
            .and_then(content_folder)
    };
    let mut default_folder = None;
    let mut others = Vec::new();
    for (key, table) in languages {
        if key.eq_ignore_ascii_case(default) {
            default_folder = folder_of(table);
            continue;
        }
        let tag = key.to_ascii_lowercase().replace('_', "-");
        if let Some(folder) = folder_of(table).filter(|_| lang_tag::is_tag(&tag)) {
            others.push((folder, tag));
        }
    }
    let default = default_folder
        .or_else(|| {
            hugo_setting(config, "contentDir")?
                .as_str()
                .and_then(content_folder)
        })
        .unwrap_or_else(|| crate::load::CONTENT_DIR.to_string());
    // A folder holding the default language's is no translations' folder.
    others.retain(|(folder, _)| !in_folder(&default, folder));
    others.sort();
    // Hugo publishes the default language's folder at the top of the site: it is read at
    // the top of content/ (`load::hugo_default`).
    let moved_default = (default != crate::load::CONTENT_DIR).then_some(default);
    let in_subdir = hugo_setting(config, "defaultContentLanguageInSubdir")
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false);
    let default_subdir = (in_subdir && moved_default.is_some())
        .then(|| default_language.to_ascii_lowercase().replace('_', "-"))
        .filter(|tag| lang_tag::is_tag(tag));
    (!others.is_empty()).then(|| LanguageFolders {
        default: crate::load::CONTENT_DIR.to_string(),
        moved_default,
        default_subdir,
        others,
        outside_content: false,
    })
}

/// `content` or a folder in it, as a `contentDir` names it (`./content/fr/`).
fn content_folder(dir: &str) -> Option<String> {
    let dir = dir.trim().trim_start_matches("./").trim_end_matches('/');
    let inside = |rest: &str| rest.split('/').all(|p| !matches!(p, "" | "." | ".."));
    let ok = dir == crate::load::CONTENT_DIR || dir.strip_prefix("content/").is_some_and(inside);
    ok.then(|| dir.to_string())
}

/// Whether `path` is `folder` or inside it.
fn in_folder(path: &str, folder: &str) -> bool {
    path.strip_prefix(folder)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// The language and the path inside its folder of a document in a language folder other
/// than the default's (`content/fr/about.md` → `("fr", "about.md")`).
fn other_language<'p>(folders: &'p LanguageFolders, path: &'p str) -> Option<(&'p str, &'p str)> {
    folders.others.iter().find_map(|(folder, lang)| {
        let rest = path.strip_prefix(folder.as_str())?.strip_prefix('/')?;
        Some((lang.as_str(), rest))
    })
}

/// Where a Docusaurus site keeps a locale's translations of the docs, in `i18n/<locale>/`.
const DOCUSAURUS_DOCS: &str = "docusaurus-plugin-content-docs";

/// The folder of a locale's translations of the current docs.
fn docusaurus_current(locale: &str) -> String {
    format!("i18n/{locale}/{DOCUSAURUS_DOCS}/current")
}

/// The locales of a Docusaurus configuration's `i18n: { locales: [...] }` (read as text:
/// the configuration is a program), with its `defaultLocale`; `None` without a list of
/// plain strings.
fn docusaurus_locales(text: &str) -> Option<(Vec<String>, Option<String>)> {
    let i18n = text.find("i18n")?;
    let rest = &text[i18n..];
    let at = rest.find("locales")?;
    let list = rest[at + "locales".len()..]
        .trim_start()
        .strip_prefix(':')?;
    let list = list.trim_start().strip_prefix('[')?;
    let list = &list[..list.find(']')?];
    let locales = list
        .split(',')
        .map(|l| l.trim().trim_matches(['\'', '"', '`']).to_string())
        .filter(|l| !l.is_empty())
        .collect();
    let default = crate::existing_site::value_of(rest, "defaultLocale");
    Some((locales, default))
}

/// The translations' folders of a Docusaurus site beside `content/`: those of the locales
/// its configuration lists in `i18n.locales` other than its `defaultLocale`
/// (`i18n/fr/docusaurus-plugin-content-docs/current`), when one is there. A locale that
/// is no language tag is passed over.
pub fn docusaurus_folders(root: &Path) -> Option<LanguageFolders> {
    let text = DOCUSAURUS_CONFIGS
        .iter()
        .find_map(|name| crate::text::legacy::read_text(&root.join(name)).ok())?
        .0;
    let (locales, default) = docusaurus_locales(&text)?;
    let default = default.unwrap_or_else(|| lang_tag::DEFAULT.to_string());
    let mut others: Vec<(String, String)> = locales
        .into_iter()
        .filter(|l| *l != default && lang_tag::is_tag(l))
        .map(|l| (docusaurus_current(&l), l))
        .filter(|(folder, _)| real_folder(root, folder))
        .collect();
    others.sort();
    (!others.is_empty()).then(|| LanguageFolders {
        default: crate::load::CONTENT_DIR.to_string(),
        moved_default: None,
        default_subdir: None,
        others,
        outside_content: true,
    })
}

/// Whether `folder` (a path from `root`) is a folder none of whose parts below `root` is a
/// symbolic link: a build never reads outside the handbook.
fn real_folder(root: &Path, folder: &str) -> bool {
    let mut path = root.to_path_buf();
    folder.split('/').all(|part| {
        path.push(part);
        std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir())
    })
}

/// The notes for what of Docusaurus's `i18n/` beside `content/` is not published, so
/// that a site moved in as docs/import.md says loses nothing unseen: a locale's
/// translations of the docs when `i18n.locales` does not list it (`folders`, from
/// [`docusaurus_folders`]), its translations of versioned docs (`version-1.0/` beside
/// `current/`), and its blog's.
pub fn docusaurus_notes(
    root: &Path,
    folders: Option<&LanguageFolders>,
) -> Vec<crate::diagnostic::Diagnostic> {
    use crate::diagnostic::Diagnostic;
    const HELP: &str = "docs/format.md, \"Translations in i18n/ (Docusaurus)\"";
    let Ok(entries) = std::fs::read_dir(root.join("i18n")) else {
        return Vec::new();
    };
    let mut locales: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    locales.sort();
    let published = |folder: &str| {
        folders.is_some_and(|f| f.outside_content && f.others.iter().any(|(d, _)| d == folder))
    };
    let mut notes = Vec::new();
    for locale in &locales {
        let docs = root.join("i18n").join(locale).join(DOCUSAURUS_DOCS);
        let current = docusaurus_current(locale);
        if root.join(&current).is_dir() && !real_folder(root, &current) {
            notes.push(
                Diagnostic::note(
                    "skipped-file",
                    &current,
                    "skipped: this folder is (or is inside) a symbolic link, and orgbook never follows links so a build cannot read files outside the handbook",
                )
                .with_help("copy or move the translations into i18n/ instead of linking to them"),
            );
        } else if root.join(&current).is_dir() && !published(&current) {
            notes.push(
                Diagnostic::note(
                    "skipped-file",
                    &current,
                    format!(
                        "skipped: Docusaurus's translations into `{locale}` are not published: `{locale}` is not among the locales `i18n.locales` lists in docusaurus.config.js (or is its `defaultLocale`)"
                    ),
                )
                .with_help(HELP),
            );
        }
        let mut versions: Vec<String> = std::fs::read_dir(&docs)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("version-") && docs.join(n).is_dir())
            .collect();
        versions.sort();
        for version in versions {
            notes.push(
                Diagnostic::note(
                    "skipped-file",
                    &format!("i18n/{locale}/{DOCUSAURUS_DOCS}/{version}"),
                    format!(
                        "skipped: translations of versioned docs (`{version}`) are not published: orgbook publishes the current docs and their translations (`current/`)"
                    ),
                )
                .with_help(HELP),
            );
        }
        let blog = format!("i18n/{locale}/docusaurus-plugin-content-blog");
        if root.join(&blog).is_dir() {
            notes.push(
                Diagnostic::note(
                    "skipped-file",
                    &blog,
                    "skipped: translations of Docusaurus's blog are not published: orgbook reads no blog/ beside content/",
                )
                .with_help(HELP),
            );
        }
    }
    notes
}

/// The folder a relative link of a page in another language's folder (`from_dir`) is
/// read from when it names nothing there: the same place in the default language's
/// folder, as Docusaurus finds a doc a translation does not have among the site's own
/// (`i18n/fr/…/current/guide` → `content/guide`).
pub fn default_language_dir(folders: Option<&LanguageFolders>, from_dir: &str) -> Option<String> {
    let folders = folders?;
    folders.others.iter().find_map(|(folder, _)| {
        let rest = from_dir.strip_prefix(folder.as_str())?;
        (rest.is_empty() || rest.starts_with('/')).then(|| format!("{}{rest}", folders.default))
    })
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
    /// A page of a language's folder that the default language's has not
    /// ([`LanguageFolders`]) → its language: Hugo publishes it in its language alone.
    pub alone: BTreeMap<DocId, String>,
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

    /// The language document `id` is in by its file's name or folder, if either says one.
    pub fn language(&self, id: DocId) -> Option<&str> {
        self.of
            .get(&id)
            .map(|t| t.lang.as_str())
            .or_else(|| self.alone.get(&id).map(String::as_str))
    }
}

/// Finds the translations among `docs` (sorted by path, as the link stage holds them),
/// by file name and, with `folders`, by language folder, and makes each one a page out of
/// the navigation, published under its language's folder: a translated charter or
/// decision record is read as a page, so that the team or record is one. A page of a
/// language's folder without its default-language page is out of the navigation too.
pub fn translations(docs: &mut [Doc], folders: Option<&LanguageFolders>) -> Translations {
    let by_stem: HashMap<&str, DocId> = docs
        .iter()
        .enumerate()
        .filter_map(|(id, d)| Some((crate::load::strip_markdown_extension(&d.source.path)?, id)))
        .collect();
    // The page `base` (a path without its extension) stands for: `_index.fr.md`
    // translates its folder's page, whichever name that has.
    let page_of = |base: &str| {
        let (dir, name) = base.rsplit_once('/').unwrap_or(("", base));
        if crate::load::index_rank(&format!("{name}.md")).is_some() {
            ["_index", "index", "README", "readme"]
                .iter()
                .find_map(|n| by_stem.get(format!("{dir}/{n}").as_str()).copied())
        } else {
            by_stem.get(base).copied()
        }
    };
    let in_other_folder = |path: &str| folders.is_some_and(|f| other_language(f, path).is_some());
    let mut found = BTreeMap::new();
    let mut alone = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        if let Some(f) = folders
            && let Some((lang, rest)) = other_language(f, &doc.source.path)
        {
            let of = crate::load::strip_markdown_extension(rest)
                .and_then(|stem| page_of(&format!("{}/{stem}", f.default)))
                .filter(|&of| !in_other_folder(&docs[of].source.path));
            match of {
                Some(of) => {
                    let lang = lang.to_string();
                    found.insert(id, Translation { of, lang });
                }
                None => {
                    alone.insert(id, lang.to_string());
                }
            }
            continue;
        }
        let Some((base, lang)) = file_name_language(&doc.source.path) else {
            continue;
        };
        if let Some(of) = page_of(base)
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
    let moved: Vec<(DocId, Option<String>)> = found
        .iter()
        .map(|(&id, t)| {
            // A language folder's page is at its folder's address already, unless the
            // folder is outside content/ (Docusaurus's).
            let by_name = !in_other_folder(&docs[id].source.path)
                || folders.is_some_and(|f| f.outside_content);
            (
                id,
                by_name.then(|| format!("{}/{}", t.lang, docs[t.of].url)),
            )
        })
        .chain(alone.keys().map(|&id| (id, None)))
        .collect();
    for (id, url) in moved {
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
        if let Some(url) = url {
            doc.url = url;
        }
    }
    let mut versions: BTreeMap<DocId, Vec<DocId>> = BTreeMap::new();
    for (&id, t) in &found {
        versions.entry(t.of).or_default().push(id);
    }
    Translations {
        of: found,
        versions,
        alone,
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

/// The language of document `id`: its front matter's, else its file name's or folder's
/// ([`Translations::language`]), else the handbook's.
pub fn of_doc<'a>(doc: &'a Doc, by_path: Option<&'a str>, site: &'a str) -> &'a str {
    match &doc.kind {
        DocKind::Page(p) if let Some(l) = p.lang() => l,
        _ => by_path.unwrap_or(site),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toml(text: &str) -> Vec<serde_json::Value> {
        vec![serde_json::to_value(toml::from_str::<toml::Table>(text).unwrap()).unwrap()]
    }

    #[test]
    fn hugo_language_folders() {
        // kubernetes/website: the site's `contentDir` is the default language's folder.
        let folders = hugo_folders(&toml(
            "defaultContentLanguage = \"en\"\ncontentDir = \"content/en\"\n[languages.en]\nweight = 1\n[languages.fr]\ncontentDir = \"content/fr\"\n[languages.pt_BR]\ncontentDir = \"./content/pt-br/\"\n[languages.xx1]\ncontentDir = \"content/xx1\"\n[languages.it]\ncontentDir = \"../it\"\n",
        ))
        .unwrap();
        // Its pages are read at the top of content/, as Hugo publishes them.
        assert_eq!(folders.default, "content");
        assert_eq!(folders.moved_default.as_deref(), Some("content/en"));
        assert_eq!(
            folders.others,
            [
                ("content/fr".to_string(), "fr".to_string()),
                ("content/pt-br".to_string(), "pt-br".to_string())
            ]
        );
        assert_eq!(
            other_language(&folders, "content/fr/docs/a.md"),
            Some(("fr", "docs/a.md"))
        );
        assert_eq!(other_language(&folders, "content/french/a.md"), None);
        // Without a folder of its own, the default language's pages are content/'s.
        let folders = hugo_folders(&toml("[Languages.de]\nContentDir = \"content/de\"\n")).unwrap();
        assert_eq!(folders.default, "content");
        assert_eq!(folders.moved_default, None);
        // Languages translated by file name only, as Zola's are: no folders.
        assert_eq!(
            hugo_folders(&toml("[languages.fr]\ntitle = \"Mon site\"\n")),
            None
        );
    }

    #[test]
    fn docusaurus_locales_as_written() {
        // docusaurus.config.js as AdguardTeam/KnowledgeBaseDNS writes it, and a list
        // across lines with double quotes, as a TypeScript configuration may.
        let (locales, default) = docusaurus_locales(
            "  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', 'ru', 'zh-CN'],\n  },\n",
        )
        .unwrap();
        assert_eq!(locales, ["en", "ru", "zh-CN"]);
        assert_eq!(default.as_deref(), Some("en"));
        let (locales, default) = docusaurus_locales(
            "i18n: {\n  locales: [\n    \"fr\",\n    \"ko\",\n  ],\n  defaultLocale: \"fr\",\n}",
        )
        .unwrap();
        assert_eq!(locales, ["fr", "ko"]);
        assert_eq!(default.as_deref(), Some("fr"));
        assert_eq!(docusaurus_locales("title: 'No i18n'"), None);
        assert_eq!(
            docusaurus_locales("i18n: { locales: process.env.LOCALES }"),
            None
        );
    }

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
