//! Load stage: walk `content/`, classify each file (charter, decision, page, asset), read it,
//! split off its TOML front matter and parse that into a typed document.
//!
//! Files are read and parsed in parallel; the result is sorted by path so that everything
//! downstream is deterministic. Problems become diagnostics; a file with errors is left out
//! of the returned documents but the others still load, so one build reports everything.

pub mod awesome_pages;
pub mod book_toml;
pub mod category;
pub mod codeowners;
pub mod conf_py;
mod confluence;
pub mod docfx_toc;
pub mod docsify_sidebar;
mod frontmatter;
pub mod gitbook_yaml;
mod hugo_default;
pub mod i18n;
pub mod include;
mod jsx_attributes;
pub(crate) mod logseq;
pub mod machinery;
pub(crate) mod mdx;
pub mod mintlify_nav;
pub mod mkdocs_nav;
pub mod myst_nav;
pub mod myst_substitutions;
pub mod nextra_meta;
pub mod partials;
pub mod quarto_nav;
pub mod redirect_files;
pub mod retype;
mod team_page;
pub mod wiki_order;
pub mod writerside;
mod yaml;

pub use frontmatter::{
    INDEX_NAMES, Syntax, decision_number, home_of_a_tool, index_rank, is_dendron_root,
    is_folder_index, is_valid_slug,
};

use crate::diagnostic::Diagnostic;
use crate::model::Spanned;
use crate::model::{Doc, DocKind, Source};
pub use crate::text::walk::is_ignored;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
pub use team_page::{
    CHARTER_PAGES, PURPOSE_PAGES, metrics_beside, problem_beside, template_problem,
};

pub const CONTENT_DIR: &str = "content";

/// Whether `text` is written as a team's page of another handbook (front matter
/// `template: team`, or a heading about what the team is for and one about who is in it),
/// which the load stage reads as the team's charter at a charter's place
/// ([`team_page::read`]). For the importers, to say so of a file they skip.
pub fn is_team_page(file: &str, text: &str) -> bool {
    frontmatter::split(file, text).is_ok_and(|split| {
        team_page::read("team", text, split.front.as_ref(), split.body_start, None).is_some()
    })
}

/// What a file under `content/` is, decided by its path alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileClass {
    Charter,
    Decision,
    Page,
    Asset,
    /// A folder's `_category_.json` or `_category_.yml` ([`category`]): read, not published.
    FolderSettings,
}

/// The extensions of Markdown source: `.md`; Docusaurus's `.mdx`, read as Markdown once
/// its imports and comments are removed ([`mdx`]); `.markdown`, which `jekyll new` writes;
/// Middleman's `.html.md.erb` and `.html.md` (the GOV.UK tech docs template's pages: the
/// Markdown of a page published as `x.html`, run through ERB first, whose tags are
/// reported as template leftovers); Quarto's `.qmd`, pandoc's Markdown with YAML front
/// matter like a `.md` page (its code cells are shown as code, not run). The two-part ones
/// come first, so that stripping the first extension that matches (`x.html.md` → `x`, not
/// `x.html`) gives the page's name. In the order a link without an extension tries them.
pub const MARKDOWN_EXTENSIONS: &[&str] = &[
    ".html.md.erb",
    ".html.md",
    ".md",
    ".mdx",
    ".markdown",
    ".qmd",
];

/// Whether a file is Markdown source ([`MARKDOWN_EXTENSIONS`]).
pub fn is_markdown(path: &str) -> bool {
    strip_markdown_extension(path).is_some()
}

/// A Markdown file name or path without its extension (`setup.md`, `setup.mdx`,
/// `setup.html.md.erb` → `setup`).
pub fn markdown_stem(path: &str) -> &str {
    strip_markdown_extension(path).unwrap_or(path)
}

/// `path` without its Markdown extension, `None` for any other file. The extension's case
/// does not matter, as on GitHub, which renders `README.MD` and `notes.Markdown` (files
/// saved on Windows or macOS) as it renders `README.md`.
pub fn strip_markdown_extension(path: &str) -> Option<&str> {
    MARKDOWN_EXTENSIONS
        .iter()
        .find_map(|e| strip_suffix_ignoring_case(path, e))
}

/// The extensions of a page written in HTML: an `.html` or `.htm` file that starts with
/// front matter is a page ([`is_jekyll_html_page`]), as Jekyll reads it; without front
/// matter it is an asset, copied as it is.
pub const HTML_PAGE_EXTENSIONS: &[&str] = &[".html", ".htm"];

/// `path` without its HTML extension (`about.html` → `about`), `None` for any other file.
/// Only a document's path names a page in HTML: an asset `.html` is no page.
pub fn strip_html_extension(path: &str) -> Option<&str> {
    HTML_PAGE_EXTENSIONS
        .iter()
        .find_map(|e| strip_suffix_ignoring_case(path, e))
}

/// Whether a document's source `path` is a page written in HTML (only such pages, with
/// front matter, become documents): its body is HTML, not Markdown.
pub fn is_html_page(path: &str) -> bool {
    strip_html_extension(path).is_some()
}

/// A document's path without its extension, Markdown's or HTML's (`about.md`,
/// `about.html` → `about`); `None` for any other file.
pub fn strip_page_extension(path: &str) -> Option<&str> {
    strip_markdown_extension(path).or_else(|| strip_html_extension(path))
}

/// A page's file name or path without its extension, Markdown's or HTML's (`about.md`,
/// `about.html` → `about`): where the page is published.
pub fn page_stem(path: &str) -> &str {
    strip_page_extension(path).unwrap_or(path)
}

/// Whether `path` is an MDX file (`.mdx`, in any case).
pub fn is_mdx(path: &str) -> bool {
    strip_suffix_ignoring_case(path, ".mdx").is_some()
}

fn strip_suffix_ignoring_case<'p>(path: &'p str, suffix: &str) -> Option<&'p str> {
    let cut = path.len().checked_sub(suffix.len())?;
    path.get(cut..)
        .filter(|end| end.eq_ignore_ascii_case(suffix))
        .map(|_| &path[..cut])
}

/// Classifies a path relative to `content/` (with `/` separators).
pub fn classify(rel: &str) -> FileClass {
    if category::is_settings_file(rel) {
        return FileClass::FolderSettings;
    }
    if !is_markdown(rel) {
        return FileClass::Asset;
    }
    let file_name = rel.rsplit('/').next().unwrap_or(rel);
    let is_index = index_rank(file_name).is_some();
    // A team's own folder (`teams/payments/index.md`) has its charter as its index page;
    // `teams/`'s own index page is generated, so a README there is a plain page.
    // A charter's slug has no dot, so `teams/payments.fr.md` can only be a translation
    // (`crate::lang`), published as a page.
    let translated = strip_markdown_extension(rel)
        .and_then(crate::text::lang_tag::stem_language)
        .is_some();
    if rel.starts_with("teams/") && (!is_index || in_team_folder(rel)) && !translated {
        FileClass::Charter
    } else if rel.starts_with("decisions/") && !is_index {
        FileClass::Decision
    } else {
        FileClass::Page
    }
}

/// [`classify`], with the file's first bytes when its path says asset: an HTML file that
/// starts with front matter is a page ([`is_jekyll_html_page`]). Only `.html` and `.htm`
/// files are opened.
pub fn classify_file(path: &Path, rel: &str) -> FileClass {
    match classify(rel) {
        FileClass::Asset if is_jekyll_html_page(path, rel) => FileClass::Page,
        class => class,
    }
}

/// Whether `rel` (relative to `content/`) sits in a folder below `teams/`
/// (`teams/payments/runbook.md`), not directly in it. Such a file is a charter when its
/// front matter says so ([`frontmatter::names_charter_keys`]), and otherwise a page of
/// the team whose folder it is in: handbooks moved in from other generators keep a folder
/// per team (`teams/payments/index.md` and its runbook beside it).
pub fn in_team_folder(rel: &str) -> bool {
    rel.strip_prefix("teams/").is_some_and(|r| r.contains('/'))
}

/// The team's slug when `rel` (relative to `content/`) is the index page of a folder
/// directly inside a folder named `teams` elsewhere than at the top of `content/`
/// (`departments/engineering/teams/delivery/index.md` → `delivery`): where handbooks
/// moved in keep their team pages, which are the teams' charters when written as team
/// pages ([`team_page`]).
pub fn team_folder_elsewhere(rel: &str) -> Option<&str> {
    let (dir, name) = rel.rsplit_once('/')?;
    index_rank(name)?;
    let (above, slug) = dir.rsplit_once('/')?;
    (above.ends_with("/teams") && !above.starts_with("teams/")).then_some(slug)
}

/// Whether Markdown `text` is written as a team charter: its front matter names a
/// charter's key, or it is a Team API document. A file directly in content/teams/ that is
/// not is a page while the handbook has no charter (the link stage and `init` judge it).
pub fn is_written_as_charter(text: &str) -> bool {
    let front = frontmatter::split("", text).ok().and_then(|s| s.front);
    frontmatter::names_charter_keys(text, front.as_ref())
}

/// The error for a page directly in content/teams/ (`file`, its `text`) in a handbook
/// that has charters: there, it is a charter without its keys.
pub fn not_a_charter(file: &str, text: &str) -> Diagnostic {
    let has_front = frontmatter::split(file, text)
        .ok()
        .and_then(|s| s.front)
        .is_some();
    frontmatter::not_a_charter(file, text, has_front)
}

/// The slug of the charter at `rel`: its file name, or its folder's name when it is the
/// index page of a team's folder (`teams/payments/index.md` → `payments`).
pub fn charter_slug(rel: &str) -> &str {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    if in_team_folder(rel) && index_rank(name).is_some() {
        return dir.rsplit('/').next().unwrap_or(dir);
    }
    markdown_stem(name)
}

/// Everything the load stage found.
pub struct Loaded {
    pub docs: Vec<Doc>,
    /// Asset paths relative to `content/`, sorted.
    pub assets: Vec<String>,
    /// Markdown files too broken to load (already reported). References to them are not
    /// reported again, so one mistake gives one error, not a cascade.
    pub unparsed: Vec<String>,
    /// Source paths of pages marked `draft` (not published; a link to one is broken).
    pub drafts: Vec<String>,
    /// Folder (`content/guide`) → what its `_category_` file sets.
    pub folder_settings: BTreeMap<String, category::FolderSettings>,
    /// The pages another generator's navigation lists (MkDocs's `nav:`, an Azure DevOps
    /// wiki's `.order` files, Nextra's `_meta` files…), in that order ([`nav_order`]).
    pub nav_order: NavOrder,
    /// The files of `static/`, by their path in the site ([`static_files`]).
    pub static_files: BTreeSet<String>,
    /// The CODEOWNERS file, read by [`code_owners`] (it depends on the config).
    pub code_owners: Option<codeowners::CodeOwnersFile>,
    /// The handbook's folder, where links to files outside `content/` are looked for
    /// (`None` for handbooks made in memory, in tests).
    pub root: Option<PathBuf>,
    /// The old addresses mdBook's `book.toml` and GitBook's `.gitbook.yaml` keep
    /// ([`redirect_files`]).
    pub redirect_files: Vec<redirect_files::RedirectFile>,
}

/// The handbook's CODEOWNERS file as `[codeowners]` in the config asks.
pub fn code_owners(
    root: &Path,
    config: &crate::config::Config,
    diags: &mut Vec<Diagnostic>,
) -> Option<codeowners::CodeOwnersFile> {
    if !config.codeowners.read {
        return None;
    }
    codeowners::read(root, config.codeowners.file.as_deref(), diags)
}

/// The files of the handbook's `static/` folder, by their path in the site (the folder is
/// copied to the site's root).
pub fn static_files(root: &Path) -> BTreeSet<String> {
    crate::text::walk::files_under(&root.join("static"))
        .into_iter()
        .map(|(rel, _)| rel)
        .collect()
}

/// Lists the files under `content/` as `(absolute path, path relative to content/)`, sorted,
/// skipping hidden files and editor droppings ([`crate::text::walk`]). Files inside
/// dot-folders (`.gitbook/assets/…`) are added when they are not Markdown: they become
/// assets that are published only if a page links to them ([`in_dot_folder`]).
pub fn list_content(root: &Path) -> Vec<(PathBuf, String)> {
    walk_content(root).0
}

/// [`list_content`] and the notes on skipped files ([`skipped_note`]) from one walk of
/// `content/`: a handbook's folders are read once, not once per question asked of them
/// (the walk is the serial start of every build).
fn walk_content(root: &Path) -> (Vec<(PathBuf, String)>, Vec<Diagnostic>) {
    let content = root.join(CONTENT_DIR);
    walk_tree(&content, &content)
}

/// [`walk_content`] for the part of `content` at or below `from` (a folder or a file): its
/// files and its notes, with paths relative to `content`. The dev server walks a changed
/// folder with it, so its notes are the build's.
pub fn walk_tree(content: &Path, from: &Path) -> (Vec<(PathBuf, String)>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut dot_files = Vec::new();
    let mut skipped = Vec::new();
    // Hidden Markdown files by the hidden folder they sit in: a copied `.cargo` or
    // `.changeset` folder holds hundreds, and one note says it for all of them.
    let mut hidden: BTreeMap<String, Vec<Diagnostic>> = BTreeMap::new();
    // Markdown files in another generator's `_` folders, by the outermost such folder.
    let mut underscore: BTreeMap<String, machinery::Skipped> = BTreeMap::new();
    // Pages in another markup (`.rst`), counted by folder and markup.
    let mut markup: BTreeMap<(String, &'static str), usize> = BTreeMap::new();
    // A part of content/ that is a symbolic link is not entered (as when the whole of
    // content/ is walked): the dev server never reads a folder outside the handbook.
    let mut walk = walk_with_dot_folders(from, from == content);
    while let Some(entry) = walk.next() {
        let Ok(entry) = entry else { continue };
        if entry.path() == content {
            continue;
        }
        let rel = crate::diagnostic::display_path(content, entry.path());
        // Another generator's machinery ([`machinery`]): installed packages skipped
        // whole, Markdown that is not a page noted once per `_` folder. Hidden paths keep
        // their own rule below.
        let is_dir = entry.file_type().is_dir();
        if !crate::text::walk::is_ignored_path(&rel) {
            if machinery::packages(&rel, is_dir) {
                if is_dir {
                    walk.skip_current_dir();
                }
                let file = format!("{CONTENT_DIR}/{rel}");
                skipped.push(machinery::note(&file, machinery::Skipped::Packages));
                continue;
            }
            if entry.file_type().is_file()
                && is_markdown(&rel)
                && let Some((at, why)) = machinery::skipped_markdown(&rel)
            {
                if why == machinery::Skipped::Partial {
                    skipped.push(machinery::note(&format!("{CONTENT_DIR}/{rel}"), why));
                } else {
                    underscore.entry(at.to_string()).or_insert(why);
                }
                continue;
            }
        }
        if let Some(note) = skipped_note(&entry, &rel) {
            match hidden_folder(&rel).filter(|_| entry.file_type().is_file()) {
                Some(folder) => hidden.entry(folder.to_string()).or_default().push(note),
                None => skipped.push(note),
            }
        }
        // The same rule as `text::walk::files_under`: no part of the path is ignored.
        if !entry.file_type().is_file() {
            continue;
        }
        if !crate::text::walk::is_ignored_path(&rel) {
            if machinery::is_docsify_loader(&rel, entry.path()) {
                let file = format!("{CONTENT_DIR}/{rel}");
                skipped.push(machinery::note(&file, machinery::Skipped::DocsifyLoader));
                continue;
            }
            if let Some(kind) = machinery::other_markup(&rel) {
                let folder = rel.rsplit_once('/').map_or("", |(d, _)| d);
                *markup.entry((folder.to_string(), kind)).or_default() += 1;
            }
            files.push((entry.into_path(), rel));
        } else if !is_ignored(&entry.file_name().to_string_lossy())
            && in_dot_folder(&rel)
            && !is_markdown(&rel)
        {
            dot_files.push((entry.into_path(), rel));
        }
    }
    for (folder, why) in underscore {
        skipped.push(machinery::note(&format!("{CONTENT_DIR}/{folder}"), why));
    }
    for ((folder, kind), count) in markup {
        let at = if folder.is_empty() {
            CONTENT_DIR.to_string()
        } else {
            format!("{CONTENT_DIR}/{folder}")
        };
        skipped.push(machinery::markup_note(&at, kind, count));
    }
    files.append(&mut dot_files);
    // What a Logseq graph's settings hide is not published, nor linked to: one note for
    // each hidden path that holds something.
    let logseq = logseq::Hidden::of(content, from, &files);
    if !logseq.is_empty() {
        let mut noted = BTreeSet::new();
        files.retain(|(_, rel)| match logseq.covering(rel) {
            Some(at) => {
                noted.insert(at.to_string());
                false
            }
            None => true,
        });
        for at in noted {
            skipped.push(
                Diagnostic::note(
                    "skipped-file",
                    &format!("{CONTENT_DIR}/{at}"),
                    "skipped: the Logseq graph's settings hide this (`:hidden` in its `logseq/config.edn`), so it is not published".to_string(),
                )
                .with_help("remove it from `:hidden` to publish it"),
            );
        }
    }
    for (folder, mut notes) in hidden {
        if notes.len() == 1 {
            skipped.append(&mut notes);
            continue;
        }
        skipped.push(
            Diagnostic::note(
                "skipped-file",
                &format!("{CONTENT_DIR}/{folder}"),
                format!(
                    "skipped: the {} Markdown files in this folder are hidden (its name starts with `.`) and never become pages",
                    notes.len()
                ),
            )
            .with_help("rename the folder without the leading `.` to publish them"),
        );
    }
    (files, skipped)
}

/// The outermost hidden folder of a path relative to `content/` (`a/.b/c/x.md` → `a/.b`).
fn hidden_folder(rel: &str) -> Option<&str> {
    let (dir, _) = rel.rsplit_once('/')?;
    let mut end = 0;
    for part in dir.split('/') {
        end += part.len();
        if part.starts_with('.') {
            return Some(&rel[..end]);
        }
        end += 1;
    }
    None
}

/// Everything under `content`, sorted by name, entering dot-folders that may hold linked
/// files ([`is_dot_folder`]) but not ignored folders (version control, tools).
fn walk_with_dot_folders(
    content: &Path,
    follow_root: bool,
) -> walkdir::FilterEntry<walkdir::IntoIter, impl FnMut(&walkdir::DirEntry) -> bool> {
    walkdir::WalkDir::new(content)
        .follow_root_links(follow_root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            e.depth() == 0 || !e.file_type().is_dir() || !is_ignored(&name) || is_dot_folder(&name)
        })
}

/// A dot-folder that may hold linked files (`.gitbook`, `.assets`), as opposed to version
/// control and tool folders, which are never walked.
fn is_dot_folder(name: &str) -> bool {
    name.starts_with('.')
        && name.len() > 1
        && !matches!(
            name,
            ".git" | ".hg" | ".svn" | ".github" | ".vscode" | ".idea" | ".obsidian" | ".cache"
        )
}

/// Whether the asset at a path relative to `content/` is published only when a page links
/// to it: inside a dot-folder (`.gitbook/assets/`), or another generator's `_` file or
/// folder ([`machinery::linked_only`]: Sphinx's `_static/`, Jekyll's `_config.yml`).
pub fn published_when_linked(rel: &str) -> bool {
    in_dot_folder(rel) || machinery::linked_only(rel)
}

/// Whether a path relative to `content/` lies inside a dot-folder: such files are published
/// only when a page links to them.
pub fn in_dot_folder(rel: &str) -> bool {
    rel.rsplit_once('/')
        .is_some_and(|(dir, _)| dir.split('/').any(|p| p.starts_with('.')))
}

/// The note one entry of the walk gets when it looks like content but is skipped, so a
/// missing page is explained: symlinks (never followed, so a build cannot read outside the
/// handbook) and Markdown files that are hidden (`.draft.md`) or inside a dot-folder. Other
/// hidden files (`.DS_Store`, `.gitkeep`) and version-control folders are skipped silently;
/// non-Markdown files in dot-folders are not skipped but published when linked
/// ([`in_dot_folder`]). `rel` is the entry's path relative to `content/`.
fn skipped_note(entry: &walkdir::DirEntry, rel: &str) -> Option<Diagnostic> {
    let file = format!("{CONTENT_DIR}/{rel}");
    // A symlink with a hidden or editor name is an editor lock file (Emacs `.#x.md`).
    if entry.path_is_symlink() && !is_ignored(&entry.file_name().to_string_lossy()) {
        Some(
            Diagnostic::note(
                "skipped-file",
                &file,
                "skipped: this is a symbolic link, and orgbook never follows links so a build cannot read files outside the handbook",
            )
            .with_help("copy or move the file into content/ instead of linking to it"),
        )
    } else if entry.file_type().is_file()
        && is_markdown(rel)
        && !is_ignored_path_except_hidden(rel)
        && crate::text::walk::is_ignored_path(rel)
    {
        Some(
            Diagnostic::note(
                "skipped-file",
                &file,
                "skipped: Markdown files whose name or folder starts with `.` are hidden and never become pages",
            )
            .with_help("rename it (and its folder) without the leading `.` to publish it"),
        )
    } else {
        None
    }
}

/// Whether a path is ignored for a reason other than a leading `.` (editor swap and
/// backup files are expected droppings, not worth a note).
fn is_ignored_path_except_hidden(rel: &str) -> bool {
    rel.split('/')
        .any(|part| is_ignored(part) && !part.starts_with('.'))
}

pub fn load(root: &Path, diags: &mut Vec<Diagnostic>) -> Loaded {
    load_with(root, None, diags)
}

/// [`load`] for a handbook with language folders: a Hugo site's default language's folder
/// is read at the top of content/ ([`hugo_default`]).
pub fn load_with(
    root: &Path,
    folders: Option<&crate::config::LanguageFolders>,
    diags: &mut Vec<Diagnostic>,
) -> Loaded {
    let (files, mut skipped) = walk_content(root);
    let (files, moved) = hugo_default::read_at_top(
        files,
        folders,
        |path, rel| classify_file(path, rel) != FileClass::Asset,
        diags,
    );
    let subdir = folders.and_then(|f| f.default_subdir.as_deref());
    let (settings, files): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(_, rel)| classify(rel) == FileClass::FolderSettings);
    // An HTML file that starts with front matter is a page (a Jekyll page).
    let (md, assets): (Vec<_>, Vec<_>) = files
        .into_iter()
        .partition(|(path, rel)| classify_file(path, rel) != FileClass::Asset);
    let appends = mkdocs_nav::auto_append(root);
    for name in &appends {
        let found = [name.clone(), format!("{CONTENT_DIR}/{name}")]
            .iter()
            .any(|c| root.join(c).is_file());
        if !found {
            diags.push(Diagnostic::warning(
                "broken-include",
                mkdocs_nav::FILE,
                format!("`auto_append` names `{name}`, which is not there (looked for it in the handbook folder and in content/); nothing is appended to the pages"),
            ).with_help("fix the path in mkdocs.yml, or remove it from `auto_append`"));
        }
    }
    let results: Vec<(Option<Doc>, Vec<Diagnostic>)> = md
        .par_iter()
        .map(|(path, rel)| {
            let mut file_diags = Vec::new();
            let doc = match moved.get(rel) {
                // Named by its own file while it is read (includes start from there).
                Some(real) => {
                    let file = format!("{CONTENT_DIR}/{real}");
                    load_file_named(path, file, rel, &appends, &mut file_diags).map(|mut doc| {
                        let file =
                            std::mem::replace(&mut doc.source.path, format!("{CONTENT_DIR}/{rel}"));
                        doc.source.read_from = Some(file.into_boxed_str());
                        hugo_default::publish_under(&mut doc, subdir);
                        doc
                    })
                }
                None => load_file_with(path, rel, &appends, &mut file_diags),
            };
            (doc, file_diags)
        })
        .collect();
    let mut docs = Vec::with_capacity(results.len());
    let mut unparsed = Vec::new();
    let mut drafts = Vec::new();
    for ((doc, d), (_, rel)) in results.into_iter().zip(&md) {
        match doc {
            Some(doc) if matches!(&doc.kind, DocKind::Page(p) if p.draft) => {
                drafts.push(doc.source.path)
            }
            Some(doc) => docs.push(doc),
            None => unparsed.push(format!("{CONTENT_DIR}/{rel}")),
        }
        diags.extend(d);
    }
    keep_notes_of_unincluded(&mut skipped, &docs);
    diags.extend(skipped);
    let mut nav_order = nav_order(root, &md, &assets, diags);
    if !nav_order.toc_files.is_empty() {
        docs.retain(|d| !nav_order.toc_files.contains(&d.source.path));
    }
    let mut folder_settings = with_section_titles(root, read_folder_settings(&settings, diags));
    nav_order.retype = retype::is_project(root);
    nav_order.variables = writerside::variables(root, &assets, diags);
    nav_order.references = myst_nav::references(root);
    nav_order.substitutions = myst_substitutions::read(root);
    nav_order.conf_links = conf_py::read_links(root);
    let assets = match nav_order.retype {
        true => with_retype_folders(assets, &mut folder_settings, &mut nav_order.hidden, diags),
        false => assets,
    };
    with_nav_folders(&mut folder_settings, &mut nav_order);
    let mut assets: Vec<String> = assets.into_iter().map(|(_, rel)| rel).collect();
    // Walk order is per folder level ("a/b" before "a-c"); every lookup (link resolution,
    // serve's incremental updates) binary-searches by string, so sort by string.
    assets.sort();
    Loaded {
        docs,
        assets,
        unparsed,
        drafts,
        folder_settings,
        nav_order,
        static_files: static_files(root),
        code_owners: None,
        root: Some(root.to_path_buf()),
        redirect_files: redirect_files_of(root, diags),
    }
}

/// The redirects of the handbook's `book.toml` and `.gitbook.yaml`, those with any
/// ([`redirect_files`]).
fn redirect_files_of(
    root: &Path,
    diags: &mut Vec<Diagnostic>,
) -> Vec<redirect_files::RedirectFile> {
    [
        book_toml::read(root, diags),
        gitbook_yaml::read(root, diags),
    ]
    .into_iter()
    .flatten()
    .filter(|f| !f.entries.is_empty())
    .collect()
}

/// A Retype project's folder files (`guides/index.yml`), read as the settings of their
/// folders where no `_category_` file gives any, and taken out of `assets`: they are
/// settings, not attachments. A folder one hides (`visibility: hidden`) joins `hidden`.
fn with_retype_folders(
    assets: Vec<(PathBuf, String)>,
    settings: &mut BTreeMap<String, category::FolderSettings>,
    hidden: &mut BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(PathBuf, String)> {
    let (folders, assets): (Vec<_>, Vec<_>) = assets
        .into_iter()
        .partition(|(_, rel)| retype::is_folder_file(rel));
    for (path, rel) in folders {
        let folder = category::folder_of(&rel);
        if settings.contains_key(&folder) {
            continue;
        }
        let file = format!("{CONTENT_DIR}/{rel}");
        if let Ok(text) = crate::text::legacy::read_beside(&path, &file, diags) {
            let (folder_settings, hides) = retype::folder_settings(&file, &text, diags);
            if hides && folder != CONTENT_DIR {
                hidden.insert(folder.clone());
            }
            settings.insert(folder, folder_settings);
        }
    }
    assets
}

/// The warning for an HTML page ([`is_jekyll_html_page`]) published where orgbook
/// generates a page other than the home page (Jekyll's `404.html`, a `teams/index.html`):
/// orgbook's own page is kept and this one is left out, rather than fail the build on the
/// collision as a Markdown page there does (`reserved-path`).
fn html_page_gives_way(file: &str, url: &str) -> Diagnostic {
    Diagnostic::warning(
        "template-leftover",
        file,
        format!(
            "an HTML page with front matter, a Jekyll page, at {url}, which orgbook generates itself: not published"
        ),
    )
    .with_help("orgbook's own page is kept; move what this one says into a page of its own (another name), or delete it")
}

/// Whether content file `rel` (at `path`) is an HTML file that starts with front matter,
/// a Jekyll page, other than a layout or an include (`_layouts/`, `_footer.html`) or a
/// file in a dot-folder, published only when linked. Such a file is read as a page. Only
/// an `.html` or `.htm` file is opened (its first five bytes read).
pub fn is_jekyll_html_page(path: &Path, rel: &str) -> bool {
    use std::io::Read;
    if !is_html_page(rel) {
        return false;
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    // Also not a file of a dot-folder (`.gitbook/assets/`): those are published only
    // where a page links to them, as they are.
    if machinery::underscore_folder(rel).is_some() || name.starts_with('_') || in_dot_folder(rel) {
        return false;
    }
    // Room for a byte-order mark before the `---`, as Windows editors write one.
    let mut start = Vec::with_capacity(8);
    let Ok(_) = std::fs::File::open(path).and_then(|f| f.take(8).read_to_end(&mut start)) else {
        return false;
    };
    let start = start.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&start);
    start.starts_with(b"---\n") || start.starts_with(b"---\r\n")
}

/// `settings` with the titles MkDocs's `nav:` gives its sections as the labels of their
/// folders, where a `_category_` file gives none.
fn with_section_titles(
    root: &Path,
    mut settings: BTreeMap<String, category::FolderSettings>,
) -> BTreeMap<String, category::FolderSettings> {
    for (folder, title) in mkdocs_nav::section_titles(root) {
        let entry = settings.entry(folder).or_default();
        if entry.label.is_none() {
            entry.label = Some(title);
        }
    }
    settings
}

/// The reading order another generator's files give: MkDocs's `nav:`, else an Azure
/// DevOps wiki's `.order` files, else docsify's `_sidebar.md`, else the `.pages` files of
/// MkDocs's awesome-pages plugin, else Nextra's `_meta` files,
/// Mintlify's `docs.json`, Quarto's `_quarto.yml`, MyST's `myst.yml` or Jupyter Book's
/// `_toc.yml`, DocFX's `toc.yml`. `md` and `assets` are the walk's files
/// (absolute path, path under `content/`): the later readers ask which pages exist, and
/// look for nothing when their files are not there.
pub fn nav_order(
    root: &Path,
    md: &[(PathBuf, String)],
    assets: &[(PathBuf, String)],
    diags: &mut Vec<Diagnostic>,
) -> NavOrder {
    let nav = mkdocs_nav::read(root, diags);
    if !nav.is_empty() {
        return NavOrder::from(nav);
    }
    let wiki = wiki_order::read(root, diags);
    if !wiki.is_empty() {
        return NavOrder::from(wiki);
    }
    let sidebar = docsify_sidebar::read(root, diags);
    if !sidebar.is_empty() {
        return NavOrder::from(sidebar);
    }
    let md_paths: Vec<&str> = md.iter().map(|(_, rel)| rel.as_str()).collect();
    let pages = awesome_pages::read(root, &md_paths, diags);
    if !pages.pages.is_empty() {
        return pages;
    }
    let source = || NavSource::new(md.iter().map(|(_, rel)| rel.as_str()));
    let metas: Vec<&(PathBuf, String)> = assets
        .iter()
        .filter(|(_, rel)| nextra_meta::is_meta_file(rel))
        .collect();
    if !metas.is_empty() {
        let texts: Vec<(String, String)> = metas
            .iter()
            .filter_map(|(path, rel)| {
                let shown = format!("{CONTENT_DIR}/{rel}");
                let text = crate::text::legacy::read_beside(path, &shown, diags).ok()?;
                Some((rel.clone(), text))
            })
            .collect();
        let order = nextra_meta::order(&texts, &source(), diags);
        if !order.pages.is_empty() {
            return order.finished();
        }
    }
    for find in [mintlify_nav::find, quarto_nav::find, myst_nav::find] {
        let Some((shown, path)) = find(root) else {
            continue;
        };
        let Ok(text) = crate::text::legacy::read_beside(&path, &shown, diags) else {
            continue;
        };
        let order = if myst_nav::FILE_NAMES.iter().any(|n| shown.ends_with(n)) {
            let source = source();
            let mut order = myst_nav::order(&shown, &text, &source, diags);
            if shown.ends_with(myst_nav::JB_TOC)
                && !order.pages.is_empty()
                && myst_nav::only_listed_pages(root, &shown)
            {
                myst_nav::hide_unlisted(&mut order, &shown, &source, diags);
            }
            order
        } else if shown.ends_with(quarto_nav::FILE) || shown.ends_with(".yaml") {
            quarto_nav::order(&shown, &text, &source(), diags)
        } else {
            mintlify_nav::order(&shown, &text, &source(), diags)
        };
        if !order.pages.is_empty() {
            return order.finished();
        }
    }
    if let Some((shown, path)) = docfx_toc::find(root)
        && let Ok(text) = crate::text::legacy::read_beside(&path, &shown, diags)
    {
        let order = docfx_toc::order(root, &shown, &text, &source(), diags);
        if !order.pages.is_empty() {
            return order.finished();
        }
    }
    let order = writerside::order(root, &md_paths, assets, diags);
    if !order.pages.is_empty() || !order.hidden.is_empty() {
        return order.finished();
    }
    NavOrder::default()
}

/// Whether a file of this name beside `content/` or at its top is a navigation file
/// [`nav_order`] reads (Mintlify's, Quarto's, MyST's, Jupyter Book's `_toc.yml` and the
/// `_config.yml` beside it, DocFX's root `toc.yml`), Sphinx's `conf.py` (its MyST
/// substitutions and `extlinks` roles), or a Retype
/// project's `retype.yml`, which decides how pages' `order` counts: an edit of one
/// reorders the site.
pub fn is_nav_file(name: &str) -> bool {
    mintlify_nav::FILE_NAMES.contains(&name)
        || quarto_nav::FILE_NAMES.contains(&name)
        || myst_nav::FILE_NAMES.contains(&name)
        || name == myst_nav::JB_CONFIG
        || name == conf_py::CONF_PY
        || name == docfx_toc::FILE
        || name == docfx_toc::MD_FILE
        || retype::FILE_NAMES.contains(&name)
}

/// The lines of `lines` outside fenced code (```` ``` ```` or `~~~`, closed by a line
/// starting with the same three characters), with their index; fence lines are left out.
/// The quick rule the load stage's line scans share (headings, records' sections), ahead
/// of the Markdown parse.
pub(crate) fn unfenced_lines<'t>(
    lines: impl IntoIterator<Item = &'t str>,
) -> impl Iterator<Item = (usize, &'t str)> {
    let mut fence: Option<&str> = None;
    lines.into_iter().enumerate().filter(move |(_, line)| {
        let t = line.trim_start();
        if let Some(open) = fence {
            if t.starts_with(open) {
                fence = None;
            }
            return false;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            return false;
        }
        true
    })
}

/// The order another generator's navigation gives the pages, and what it says of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NavOrder {
    /// Content paths (`content/guide/setup.md`), in reading order, each once.
    pub pages: Vec<String>,
    /// A page's name in the navigation (Nextra's title, Quarto's `text:`), used when its
    /// front matter gives none.
    pub labels: BTreeMap<String, String>,
    /// Pages and folders (`content/guide`) the navigation hides (Nextra's
    /// `display: "hidden"`): published, but left out of the sidebars and the reading order.
    pub hidden: BTreeSet<String>,
    /// Folders the navigation names (a Nextra folder's title, a Mintlify group, a Quarto
    /// section), as `(content/guide, title)`; moved into the folder settings by [`load`].
    pub folder_labels: Vec<(String, String)>,
    /// Folders placed among their siblings where their first listed page is
    /// ([`NavOrder::finished`]), as `(content/guide, position)`; moved into the
    /// folder settings by [`load`].
    pub folder_places: Vec<(String, i64)>,
    /// The handbook is a Retype project ([`retype::is_project`]): pages' `order` places them.
    pub retype: bool,
    /// DocFX's entries that name a page by its `uid` (`uid: intro-page`): each stands in
    /// `pages` as `xref:intro-page` ([`docfx_toc::UID_ENTRY`]) until the link stage, which
    /// knows the pages' uids, puts the page there (`link::summary_order`). With each, the
    /// warning for when no page has that uid, at the entry's line.
    pub uid_entries: Vec<(String, Diagnostic)>,
    /// DocFX's sections whose entries all name their pages by uid (a folder's `toc.yml`
    /// of `uid:` lines), with the name the parent gives them: which folder that names is
    /// known only once the link stage knows the uids (`link::uid_sections_named`).
    pub uid_sections: Vec<(Vec<String>, String)>,
    /// DocFX's Markdown tables of contents read (`content/ops/toc.md`): navigation, not
    /// pages ([`load`] leaves them out).
    pub toc_files: Vec<String>,
    /// Each Writerside project's folder (`content/Writerside`) and its variables
    /// (`v.list`), by name: not navigation, but read with it from the project's files,
    /// and re-read with it when one changes ([`writerside::variables`]).
    pub variables: Vec<(String, BTreeMap<String, String>)>,
    /// The other MyST sites `myst.yml` names (`project: references:`), by key: not
    /// navigation either, but read from its file ([`myst_nav::references`]).
    pub references: BTreeMap<String, String>,
    /// MyST's substitutions the site defines (`conf.py`'s `myst_substitutions`, Jupyter
    /// Book's `parse: myst_substitutions:`), by key: read with the other settings of those
    /// tools' files ([`myst_substitutions::read`]).
    pub substitutions: BTreeMap<String, String>,
    /// What `conf.py` says of links: the roles Sphinx's `extlinks` defines
    /// (``{issue}`123` ``), the URL schemes `myst_url_schemes` gives links (`<gh-pr:734>`),
    /// the roles of sphinx-issues ([`conf_py::read_links`]).
    pub conf_links: conf_py::ConfLinks,
    /// The order depends on which pages there are beyond those it names (a `pattern:` or
    /// `glob:` entry, Jupyter Book's unlisted pages hidden): `orgbook serve` reads it
    /// again when a page comes or goes.
    pub follows_files: bool,
}

impl From<Vec<String>> for NavOrder {
    fn from(pages: Vec<String>) -> Self {
        NavOrder {
            pages,
            ..NavOrder::default()
        }
    }
}

impl NavOrder {
    /// This order with each page once, in its first place, and each folder placed where
    /// its first listed page is: a folder without a page of its own then sits among its
    /// siblings where the navigation puts it, not after them all. In the pages' numbering
    /// (`link::summary_order`).
    pub(crate) fn finished(mut self) -> Self {
        let mut once = HashSet::new();
        self.pages.retain(|p| once.insert(p.clone()));
        let mut seen: HashSet<&str> = HashSet::new();
        for (position, page) in (1..).zip(&self.pages) {
            // A uid's page is known only to the link stage: its folder is not placed.
            if page.starts_with(docfx_toc::UID_ENTRY) {
                continue;
            }
            let mut dir = page.as_str();
            while let Some((parent, _)) = dir.rsplit_once('/') {
                if parent == CONTENT_DIR || !seen.insert(parent) {
                    break;
                }
                self.folder_places.push((parent.to_string(), position));
                dir = parent;
            }
        }
        self
    }

    /// Adds a page to the order (a page listed twice keeps its first place: see
    /// [`NavOrder::finished`]).
    fn push(&mut self, page: String) {
        self.pages.push(page);
    }

    /// Names the folder the pages from `start` on share (a group or section titled
    /// `title`), when they share one below `content/`. Sections are named after the ones
    /// they hold, so of two names for one folder the later, the outer one, wins
    /// ([`with_nav_folders`]).
    fn name_section(&mut self, start: usize, title: &str) {
        let title = title.trim();
        let pages = &self.pages[start..];
        let files: Vec<String>;
        let pages = if self.uid_entries.is_empty() {
            pages
        } else {
            files = pages
                .iter()
                .filter(|p| !p.starts_with(docfx_toc::UID_ENTRY))
                .cloned()
                .collect();
            &files
        };
        if pages.is_empty() && !self.pages[start..].is_empty() && !title.is_empty() {
            self.uid_sections
                .push((self.pages[start..].to_vec(), title.to_string()));
            return;
        }
        let Some(folder) = mkdocs_nav::common_folder(pages) else {
            return;
        };
        if !title.is_empty() && folder != CONTENT_DIR {
            self.folder_labels
                .push((folder.to_string(), title.to_string()));
        }
    }
}

/// The Markdown files of `content/`, as the later navigation readers name them: by their
/// path under `content/`, with or without extension.
pub struct NavSource<'a> {
    files: HashSet<&'a str>,
    by_stem: HashMap<&'a str, &'a str>,
    folders: HashSet<&'a str>,
}

impl<'a> NavSource<'a> {
    pub fn new(md: impl Iterator<Item = &'a str>) -> Self {
        let mut source = NavSource {
            files: HashSet::new(),
            by_stem: HashMap::new(),
            folders: HashSet::new(),
        };
        for rel in md {
            source.files.insert(rel);
            source.by_stem.entry(markdown_stem(rel)).or_insert(rel);
            let mut dir = rel;
            while let Some((parent, _)) = dir.rsplit_once('/') {
                if !source.folders.insert(parent) {
                    break;
                }
                dir = parent;
            }
        }
        source
    }

    /// The content path of the page `path` (under `content/`, with or without its
    /// extension) names, if there is one.
    pub fn page(&self, path: &str) -> Option<String> {
        let rel = self.files.get(path).or_else(|| self.by_stem.get(path))?;
        Some(format!("{CONTENT_DIR}/{rel}"))
    }

    /// Whether `path` (under `content/`) is a folder holding Markdown files.
    pub fn is_folder(&self, path: &str) -> bool {
        self.folders.contains(path)
    }

    /// The Markdown files, by path under `content/`, in no particular order.
    pub fn files(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.files.iter().copied()
    }
}

/// A generator's settings file (`mkdocs.yml`, `_quarto.yml`) read as YAML; `None`, with a
/// `yaml-syntax` warning at the error's place, when it is not YAML. `what` says what is read
/// from it ("MkDocs's navigation"), `help` how to mend it.
pub(crate) fn settings_yaml(
    file: &str,
    text: &str,
    what: &str,
    help: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<yaml_serde::Value> {
    match yaml_serde::from_str(text) {
        Ok(v) => Some(v),
        Err(e) => {
            let at = e.location().map_or(0, |l| l.index().min(text.len()));
            let at = (0..=at)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            diags.push(
                Diagnostic::warning(
                    "yaml-syntax",
                    file,
                    format!("cannot read {what} from it: {e}"),
                )
                .with_help(help)
                .at(text, at..at),
            );
            None
        }
    }
}

/// The first of `names` that is a file beside `content/`, else at its top, no larger than
/// `max_bytes` and not a symbolic link: `(its path as shown, its path)`.
pub(crate) fn find_beside_or_in_content(
    root: &Path,
    names: &[&str],
    max_bytes: u64,
) -> Option<(String, PathBuf)> {
    let places = names.iter().map(|n| (n.to_string(), root.join(n))).chain(
        names
            .iter()
            .map(|n| (format!("{CONTENT_DIR}/{n}"), root.join(CONTENT_DIR).join(n))),
    );
    places.into_iter().find(|(_, path)| {
        std::fs::symlink_metadata(path)
            .is_ok_and(|m| m.file_type().is_file() && m.len() <= max_bytes)
    })
}

/// The folders the navigation names and places: a folder takes the label and the place
/// among its siblings it gives where a `_category_` file (or MkDocs) gives none. Empties
/// `nav.folder_labels` and `nav.folder_places`.
fn with_nav_folders(settings: &mut BTreeMap<String, category::FolderSettings>, nav: &mut NavOrder) {
    // The last name given a folder is the one it keeps.
    let labels: BTreeMap<String, String> =
        std::mem::take(&mut nav.folder_labels).into_iter().collect();
    for (folder, title) in labels {
        let entry = settings.entry(folder).or_default();
        if entry.label.is_none() {
            entry.label = Some(title);
        }
    }
    for (folder, position) in std::mem::take(&mut nav.folder_places) {
        settings
            .entry(folder)
            .or_default()
            .position
            .get_or_insert(position);
    }
}

/// Drops the notes on skipped files that a page includes (`include`): a GitBook
/// `.gitbook/includes/steps.md` is not a page, and it is not skipped either.
pub fn keep_notes_of_unincluded(notes: &mut Vec<Diagnostic>, docs: &[Doc]) {
    let included: BTreeSet<&str> = docs
        .iter()
        .filter_map(|d| d.source.included.as_deref())
        .flat_map(|i| i.files.iter().map(String::as_str))
        .collect();
    if !included.is_empty() {
        notes.retain(|n| !(n.code == "skipped-file" && included.contains(n.file.as_str())));
    }
}

/// The folders' `_category_` files, `(absolute path, path under content/)`: one a folder,
/// the first of [`category::FILE_NAMES`] when it has several.
pub fn read_folder_settings(
    files: &[(PathBuf, String)],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, category::FolderSettings> {
    let rank = |rel: &str| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        category::FILE_NAMES.iter().position(|n| *n == name)
    };
    let mut files: Vec<&(PathBuf, String)> = files.iter().collect();
    files.sort_by_key(|(_, rel)| (category::folder_of(rel), rank(rel)));
    let mut out = BTreeMap::new();
    for (path, rel) in files {
        let folder = category::folder_of(rel);
        if out.contains_key(&folder) {
            continue;
        }
        if let Some(settings) = category::read(path, rel, diags) {
            out.insert(folder, settings);
        }
    }
    out
}

/// Loads one Markdown file; `rel` is its path relative to `content/`.
pub fn load_file(path: &Path, rel: &str, diags: &mut Vec<Diagnostic>) -> Option<Doc> {
    load_file_with(path, rel, &[], diags)
}

/// [`load_file`], with the snippets MkDocs appends to every page
/// ([`mkdocs_nav::auto_append`]).
pub fn load_file_with(
    path: &Path,
    rel: &str,
    appends: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    load_file_named(path, format!("{CONTENT_DIR}/{rel}"), rel, appends, diags)
}

/// [`load_file_with`] for a file known as `file` (its path from the handbook's root),
/// read as if at `rel` in `content/`: a translation outside `content/` ([`i18n`]).
pub(crate) fn load_file_named(
    path: &Path,
    file: String,
    rel: &str,
    appends: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let first_bad = e.utf8_error().valid_up_to();
                diags.push(crate::text::legacy::not_utf8(
                    &file,
                    e.as_bytes(),
                    first_bad,
                ));
                return None;
            }
        },
        Err(e) => {
            diags.push(Diagnostic::error(
                "io",
                &file,
                format!("cannot read file: {e}"),
            ));
            return None;
        }
    };
    // Includes are expanded before the front matter is read and the body cleaned (an MDX
    // page's imports name its partials), so what the document holds is one text. `path`
    // is `<root>/<file>`: includes are read relative to the root.
    let text = line_ends(text);
    let mut included = None;
    let text = match path.ancestors().nth(file.split('/').count()) {
        Some(root) if !appends.is_empty() || include::may_include(&text) => {
            match frontmatter::split(&file, &text) {
                Ok(split) => {
                    match include::expand(root, &file, &text, split.body_start, appends, diags) {
                        Some((expanded, inc)) => {
                            included = Some(inc);
                            expanded
                        }
                        None => text,
                    }
                }
                // Its front matter is reported by `parse_doc`; nothing is included.
                Err(_) => text,
            }
        }
        _ => text,
    };
    let before = diags.len();
    let doc = parse_doc(file.clone(), rel, text, diags);
    if let Some(inc) = &included {
        include::relocate_in(&mut diags[before..], &file, inc);
    }
    let mut doc = doc?;
    doc.source.included = included.map(Box::new);
    Some(doc)
}

/// Parses a document from its text: the pure part of [`load_file`], used by tests and by
/// the dev server when it already has the text.
pub fn parse_doc(
    file: String,
    rel: &str,
    text: String,
    diags: &mut Vec<Diagnostic>,
) -> Option<Doc> {
    parse_doc_reading(file, rel, text, diags, true)
}

/// The page a team's page was before it was read as the team's charter
/// ([`team_page`]), for the link stage when its slug is another charter's; `None` for
/// any other document.
pub fn team_page_as_page(doc: &Doc) -> Option<Doc> {
    if !doc.as_team().is_some_and(|c| c.from_page) {
        return None;
    }
    let rel = doc.source.path.strip_prefix("content/")?;
    let mut page = parse_doc_reading(
        doc.source.path.clone(),
        rel,
        doc.source.text.clone(),
        &mut Vec::new(),
        false,
    )?;
    page.source.included.clone_from(&doc.source.included);
    page.source.read_from.clone_from(&doc.source.read_from);
    Some(page)
}

/// A translated decision record (`decisions/0007-use-go.fr.md`) read as the page it is
/// published as (`crate::lang::translations`): its keys are the record's, whose own file
/// says them, so they are not reported again; its title is the record's. (A charter's
/// translation is read as a page from the start: [`classify`].)
pub fn read_as_page(doc: &Doc) -> Option<Doc> {
    let rel = doc.source.path.strip_prefix("content/")?;
    let split = frontmatter::split(&doc.source.path, &doc.source.text).ok()?;
    let mut meta = frontmatter::page(
        &doc.source.path,
        rel,
        &doc.source.text,
        split.front,
        &mut Vec::new(),
    )?;
    if !meta.title_from_front_matter {
        meta.title = doc.title().to_string();
        meta.title_from_front_matter = true;
    }
    Some(Doc {
        source: doc.source.clone(),
        url: doc.url.clone(),
        kind: DocKind::Page(meta),
    })
}

/// [`parse_doc`], reading a team's page as its charter when `team_pages`.
fn parse_doc_reading(
    file: String,
    rel: &str,
    text: String,
    diags: &mut Vec<Diagnostic>,
    team_pages: bool,
) -> Option<Doc> {
    let text = line_ends(text);
    let class = classify(rel);
    let split = match frontmatter::split(&file, &text) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    // A page written in HTML (a Jekyll page) is HTML as it is: none of the Markdown
    // dialects' clean-ups apply, and it is never a team's page read as its charter.
    let html = is_html_page(rel);
    let team_pages = team_pages && !html;
    let (text, attribute_values) = match html {
        true => (text, Vec::new()),
        false => {
            let text = mdx::link_components(text, split.body_start);
            let (text, values) = jsx_attributes::rewrite(&file, text, split.body_start, diags);
            let text = confluence::clean(text, split.body_start);
            let body = &text[split.body_start..];
            if is_mdx(rel)
                || mdx::may_write_esm(body)
                || mdx::may_use_components(body)
                || mdx::may_comment(body)
            {
                (mdx::clean(&file, text, split.body_start, diags), values)
            } else {
                (text, values)
            }
        }
    };
    // In a team's folder, a file without a charter's keys is one of the team's pages.
    // Directly in teams/, it is a page while the handbook has no charter, and a charter
    // that lacks its keys once it has one: the link stage, which sees every file, says
    // which.
    let (class, written_as_page) = match class {
        FileClass::Charter if !frontmatter::names_charter_keys(&text, split.front.as_ref()) => {
            (FileClass::Page, true)
        }
        class => (class, false),
    };
    let kind = match class {
        FileClass::Charter => {
            frontmatter::charter(&file, rel, &text, split.front.clone(), diags).map(DocKind::Team)
        }
        FileClass::Decision => frontmatter::decision(&file, rel, &text, split.front.clone(), diags)
            .map(DocKind::Decision),
        FileClass::Page | FileClass::Asset | FileClass::FolderSettings => {
            frontmatter::page(&file, rel, &text, split.front.clone(), diags).map(DocKind::Page)
        }
    };
    // A document with errors is still returned when its front matter yielded the essentials
    // (e.g. a charter with a typo'd key still has its name): the build fails anyway, but
    // links and references to it resolve, so its one mistake is reported once.
    let kind = kind?;
    // A team's page written for another handbook, at the charter's place: the team's
    // charter when its headings say so (`team_page`).
    let kind = match kind {
        DocKind::Page(p)
            if team_pages && written_as_page && in_team_folder(rel) && p.folder_index =>
        {
            let title = p.title_from_front_matter.then_some(p.title.as_str());
            match team_page::read(
                charter_slug(rel),
                &text,
                split.front.as_ref(),
                split.body_start,
                title,
            ) {
                Some(charter) => DocKind::Team(charter),
                None => DocKind::Page(p),
            }
        }
        DocKind::Page(p)
            if team_pages
                && p.folder_index
                && let Some(slug) = team_folder_elsewhere(rel) =>
        {
            let title = p.title_from_front_matter.then_some(p.title.as_str());
            match team_page::read(slug, &text, split.front.as_ref(), split.body_start, title) {
                Some(charter) => DocKind::Team(charter),
                None => DocKind::Page(p),
            }
        }
        // Anywhere else, only front matter that says so (`template: team`) makes a
        // folder's index page a team (GitLab's team pages are Hugo sections all over the
        // tree, whose folders cannot move without moving their addresses); headings alone
        // would be a guess over every section of the handbook.
        DocKind::Page(p)
            if team_pages
                && p.folder_index
                && !p.is_home
                && !rel.starts_with("teams/")
                && split.front.is_some()
                && team_page::says_team_template(&text, split.front.as_ref())
                && let Some(slug) = rel.rsplit('/').nth(1) =>
        {
            let title = p.title_from_front_matter.then_some(p.title.as_str());
            match team_page::read(slug, &text, split.front.as_ref(), split.body_start, title) {
                Some(charter) => DocKind::Team(charter),
                None => DocKind::Page(p),
            }
        }
        kind => kind,
    };
    let text = match &kind {
        DocKind::Page(_) => {
            logseq::clean(&file, text, split.body_start, split.front.is_some(), diags)
        }
        _ => text,
    };
    let kind = match kind {
        DocKind::Page(mut p) if !p.title_from_front_matter => {
            if let Some(title) = logseq::page_name_title(rel, &text[split.body_start..]) {
                p.title = title;
                p.title_from_front_matter = true;
            }
            DocKind::Page(p)
        }
        kind => kind,
    };
    // HedgeDoc's `###### tags: `a` `b`` line adds to the front matter's tags.
    let kind = match kind {
        DocKind::Page(mut p) => {
            for tag in crate::dialects::hackmd::tags_in(&text[split.body_start..]) {
                if !p.tags.contains(&tag) {
                    p.tags.push(tag);
                }
            }
            DocKind::Page(p)
        }
        kind => kind,
    };
    let url = crate::text::url_safe_path(&output_url(rel, &kind));
    let url = match &kind {
        DocKind::Page(p) => custom_url(&file, &text, p, &url, diags)
            .map(|u| crate::text::url_safe_path(&u))
            .unwrap_or(url),
        _ => url,
    };
    if html
        && crate::model::GENERATED_PATHS.contains(&url.as_str())
        && !matches!(&kind, DocKind::Page(p) if p.is_home)
    {
        diags.push(html_page_gives_way(&file, &url));
        return None;
    }
    Some(Doc {
        source: Source {
            path: file,
            body_start: split.body_start,
            text,
            included: None,
            attribute_values,
            read_from: None,
        },
        url,
        kind,
    })
}

/// A file's text as documents hold it. Old Mac files end lines with a lone `\r`;
/// CommonMark reads those as line breaks, so front matter and line numbers must too.
/// Swapping byte for byte keeps every offset.
pub fn line_ends(text: String) -> String {
    if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    }
}

/// The output path of a document, relative to the site root.
pub fn output_url(rel: &str, kind: &DocKind) -> String {
    match kind {
        DocKind::Team(c) => format!("teams/{}.html", c.slug),
        DocKind::Decision(_) => {
            let stem = markdown_stem(rel.rsplit('/').next().unwrap_or(rel));
            format!("decisions/{stem}.html")
        }
        DocKind::Page(_) if let Some(url) = jekyll_post_url(rel) => url,
        DocKind::Page(_) => {
            let (dir, name) = match rel.rsplit_once('/') {
                Some((d, n)) => (format!("{d}/"), n),
                None => (String::new(), rel),
            };
            if is_folder_index(rel) {
                format!("{dir}index.html")
            } else {
                format!("{dir}{}.html", page_stem(name))
            }
        }
    }
}

/// A Jekyll post's date and name, from its file name in a `_posts` folder
/// (`_posts/2024-03-04-new-office.md` → `("2024", "03", "04", "new-office")`), with the
/// folders before `_posts` (its categories).
fn jekyll_post(rel: &str) -> Option<(&str, [&str; 3], &str)> {
    let (dir, name) = rel.rsplit_once('/')?;
    let at = dir.match_indices("_posts").map(|(i, _)| i).find(|&i| {
        (i == 0 || dir.as_bytes()[i - 1] == b'/') && dir[i..].split('/').next() == Some("_posts")
    })?;
    let categories = dir[..at].trim_end_matches('/');
    let stem = markdown_stem(name);
    let b = stem.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let dated = b.len() > 11
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && b[10] == b'-';
    dated.then(|| {
        (
            categories,
            [&stem[0..4], &stem[5..7], &stem[8..10]],
            &stem[11..],
        )
    })
}

/// A Jekyll post's address as Jekyll gives it by default (`permalink: date`):
/// `_posts/2024-03-04-new-office.md` → `2024/03/04/new-office.html`, under the folders that
/// hold its `_posts` folder (`news/_posts/…` → `news/2024/…`). A `permalink` still wins.
fn jekyll_post_url(rel: &str) -> Option<String> {
    let (categories, [y, m, d], slug) = jekyll_post(rel)?;
    let prefix = if categories.is_empty() {
        String::new()
    } else {
        format!("{categories}/")
    };
    Some(format!("{prefix}{y}/{m}/{d}/{slug}.html"))
}

/// A page title from its file name, for pages without `title` or a leading `#` heading:
/// `onboarding-checklist.md` → "Onboarding checklist"; a folder's `README.md` (or
/// `index.md`) takes the folder's name.
pub fn title_from_path(path: &str, folder_index: bool) -> String {
    let mut parts = path.rsplit('/');
    let file = parts.next().unwrap_or("");
    let stem = if folder_index || index_rank(file).is_some() {
        parts.next().filter(|d| *d != CONTENT_DIR).unwrap_or("")
    } else if let Some((_, _, slug)) = jekyll_post(path) {
        // A post is titled by its name without its date, as Jekyll does.
        slug
    } else {
        page_stem(file)
    };
    crate::text::title_from_name(stem)
}

/// A URL path from front matter (`permalink`, a `/`-rooted `slug`, an alias) as an output
/// file: `/a/b/` → `a/b/index.html`, `/a/b.html` as it is, `/a/b` → `a/b.html`. `None` when
/// it cannot be a path inside the site (a full URL, `..`, Jekyll `:placeholders`).
pub fn url_path_to_file(path: &str) -> Option<String> {
    let p = path.trim();
    if p.contains("://") || p.starts_with("//") || p.contains([':', '{', '}', '?', '#', '\\']) {
        return None;
    }
    let p = p.trim_start_matches('/');
    if p.split('/').any(|s| s == ".." || s == ".") {
        return None;
    }
    if p.is_empty() || p.ends_with('/') {
        return Some(format!("{p}index.html"));
    }
    if p.ends_with(".html") || p.ends_with(".htm") {
        return Some(p.to_string());
    }
    Some(format!("{p}.html"))
}

/// The output path `permalink` or `slug` ask for, if any (docs/format.md, "slug and
/// permalink"). A value that cannot be honoured is a warning and the page keeps its
/// file-based URL.
fn custom_url(
    file: &str,
    text: &str,
    p: &crate::model::PageMeta,
    url: &str,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let (value, span, key) = match (&p.permalink, &p.slug, p.route.as_deref()) {
        (Some(Spanned { value: v, span: s }), _, _) => (v, s, "permalink"),
        (None, Some(Spanned { value: v, span: s }), _) => (v, s, "slug"),
        (None, None, Some(Spanned { value: v, span: s })) => (v, s, "route"),
        (None, None, None) => return None,
    };
    let wanted = if key == "route" {
        // Retype publishes a route as a folder (`/custom/path/`), from the site's root
        // whether or not it starts with `/`; a full URL or `..` is no route in the site.
        let route = value.trim().trim_end_matches('/');
        match route.contains("://") || route.trim_start_matches('/').is_empty() {
            true => None,
            false => url_path_to_file(&format!("/{}/", route.trim_start_matches('/'))),
        }
    } else if key == "slug" && !value.starts_with('/') {
        // A relative slug replaces the file name, in the same folder.
        let dir = url.rsplit_once('/').map_or("", |(d, _)| d);
        let s = value.trim_end_matches('/');
        if s.is_empty() || s.contains(['/', ':', '?', '#', '\\']) || s == ".." || s == "." {
            None
        } else if dir.is_empty() {
            Some(format!("{s}.html"))
        } else {
            Some(format!("{dir}/{s}.html"))
        }
    } else {
        url_path_to_file(value)
    };
    if wanted.is_none() {
        diags.push(
            Diagnostic::warning(
                "ignored-permalink",
                file,
                format!("`{key}` \"{value}\" cannot be used as a page address; the page keeps {url}"),
            )
            .with_help("use a path inside the site such as /guides/setup/ (placeholders like :title are not expanded), or remove the key")
            .at(text, span.clone()),
        );
    }
    wanted
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An HTML file is a page when it starts with front matter, after a byte-order mark
    /// too; without, or shorter than the marker, or in a layout folder, it is a file.
    #[test]
    fn html_files_with_front_matter_are_pages() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&str, &[u8], bool); 7] = [
            ("about.html", b"---\ntitle: About\n---\n<p>Hi</p>", true),
            ("crlf.htm", b"---\r\ntitle: A\r\n---\r\n", true),
            (
                "bom.html",
                b"\xEF\xBB\xBF---\ntitle: A\n---\n<p>x</p>",
                true,
            ),
            ("plain.html", b"<!doctype html><p>---</p>", false),
            ("short.html", b"--", false),
            ("empty.html", b"", false),
            ("_layouts/page.html", b"---\nlayout: default\n---\n", false),
        ];
        for (rel, bytes, page) in cases {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, bytes).unwrap();
            assert_eq!(is_jekyll_html_page(&path, rel), page, "{rel}");
            let class = classify_file(&path, rel);
            assert_eq!(class == FileClass::Page, page, "{rel}: {class:?}");
        }
    }

    #[test]
    fn classify_by_path() {
        assert_eq!(classify("teams/platform/payments.md"), FileClass::Charter);
        assert_eq!(classify("decisions/0007-x.md"), FileClass::Decision);
        assert_eq!(classify("how-we-work/_index.md"), FileClass::Page);
        assert_eq!(classify("teams/_index.md"), FileClass::Page);
        assert_eq!(classify("how-we-work/flow.svg"), FileClass::Asset);
        // A team's folder: its index page is the team's charter, named by the folder.
        assert_eq!(classify("teams/payments/index.md"), FileClass::Charter);
        assert_eq!(classify("teams/payments/README.md"), FileClass::Charter);
        assert_eq!(charter_slug("teams/payments/index.md"), "payments");
        assert_eq!(charter_slug("teams/shipping/rates/_index.md"), "rates");
        assert_eq!(charter_slug("teams/platform/identity.md"), "identity");
        assert_eq!(charter_slug("teams/README.md"), "README");
        assert_eq!(
            team_folder_elsewhere("departments/engineering/teams/delivery/index.md"),
            Some("delivery")
        );
        assert_eq!(team_folder_elsewhere("company/teams/README.md"), None);
        assert_eq!(
            team_folder_elsewhere("teams/platform/teams/x/index.md"),
            None
        );
        assert_eq!(team_folder_elsewhere("a/teams/delivery/processes.md"), None);
        assert!(in_team_folder("teams/payments/runbook.md"));
        assert!(!in_team_folder("teams/payments.md"));
    }

    /// In a team's folder, what is a charter is read from the front matter: a file
    /// without a charter's keys is a page, whose address keeps its folder.
    #[test]
    fn a_team_folder_holds_its_charter_and_its_pages() {
        let load = |rel: &str, text: &str| {
            let mut d = Vec::new();
            let doc = parse_doc(format!("content/{rel}"), rel, text.to_string(), &mut d);
            (doc, d)
        };
        let (doc, d) = load(
            "teams/payments/index.md",
            "+++\nname = \"Payments\"\nproblem = \"p\"\nmetrics = [{ name = \"m\" }]\n+++\n# Payments\n",
        );
        let doc = doc.unwrap();
        assert_eq!(doc.as_team().map(|c| c.slug.as_str()), Some("payments"));
        assert_eq!(doc.url, "teams/payments.html");
        assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
        for (rel, text, url) in [
            (
                "teams/payments/runbook.md",
                "# Runbook\n",
                "teams/payments/runbook.html",
            ),
            (
                "teams/payments/on-call.md",
                "---\ntitle: On-call\nauthor:\n  name: Ana\n---\nx\n",
                "teams/payments/on-call.html",
            ),
            (
                "teams/payments/notes.md",
                "+++\ntitle = \"Notes\"\n[author]\nname = \"Ana\"\n+++\nx\n",
                "teams/payments/notes.html",
            ),
            (
                "teams/search/index.md",
                "---\ntitle: Search\n---\n# Search\n",
                "teams/search/index.html",
            ),
        ] {
            let (doc, d) = load(rel, text);
            let doc = doc.unwrap();
            assert!(matches!(doc.kind, DocKind::Page(_)), "{rel}");
            assert_eq!(doc.url, url);
            assert!(d.is_empty(), "{rel}: {d:?}");
        }
        // A charter key in YAML makes a charter, whose errors are then all reported.
        let (doc, d) = load(
            "teams/payments/billing.md",
            "---\nname: Billing\nmembrs: [Ana]\n---\n",
        );
        assert!(doc.unwrap().as_team().is_some());
        assert!(
            d.iter().any(|d| d.code == "unknown-key" && d.is_error()),
            "{d:?}"
        );
        // Another generator's key that is no typo of a charter's: a warning, ignored.
        let (doc, d) = load(
            "teams/payments/billing.md",
            "---\nname: Billing\nproblem: p\nmetrics: [{name: m}]\nbannerColor: teal\n---\n",
        );
        assert!(doc.unwrap().as_team().is_some());
        assert!(
            d.len() == 1 && d[0].code == "unknown-key" && !d[0].is_error(),
            "{d:?}"
        );
        // A team page moved in keeps its generator's keys: no error for them.
        let (doc, d) = load(
            "teams/search/index.md",
            "---\ntitle: Search team\nsidebar_position: 3\nlayout: team\nname: Search\nproblem: p\nmetrics: [{name: m}]\n---\n",
        );
        assert_eq!(
            doc.unwrap().as_team().map(|c| c.name.as_str()),
            Some("Search")
        );
        assert!(d.is_empty(), "{d:?}");
        // Directly in teams/, a file without a charter's keys is loaded as a page: whether
        // it is a charter's error depends on the other files (the link stage).
        let (doc, d) = load("teams/billing.md", "# Billing\n");
        assert!(matches!(doc.unwrap().kind, DocKind::Page(_)));
        assert!(d.is_empty(), "{d:?}");
    }

    #[test]
    fn jekyll_posts_get_their_dated_address_and_their_slug_as_title() {
        let page = DocKind::Page(Default::default());
        assert_eq!(
            output_url("_posts/2024-03-04-new-office.md", &page),
            "2024/03/04/new-office.html"
        );
        assert_eq!(
            output_url("news/_posts/2023-11-20-hello.markdown", &page),
            "news/2023/11/20/hello.html"
        );
        // Not a post: no date, a folder merely named like it, or a file beside `_posts`.
        for rel in [
            "_posts/notes.md",
            "my_posts/2024-03-04-x.md",
            "2024-03-04-x.md",
        ] {
            assert!(!output_url(rel, &page).starts_with("2024/"), "{rel}");
        }
        assert_eq!(
            title_from_path("content/_posts/2024-03-04-new-office.md", false),
            "New office"
        );
    }

    #[test]
    fn titles_from_file_names() {
        assert_eq!(
            title_from_path("content/onboarding-checklist.md", false),
            "Onboarding checklist"
        );
        assert_eq!(title_from_path("content/t1.md", false), "T1");
        assert_eq!(
            title_from_path("content/how_we-work/README.md", true),
            "How we work"
        );
        assert_eq!(title_from_path("content/README.md", true), "");
        assert_eq!(
            title_from_path("content/decisions/README.md", false),
            "Decisions"
        );
    }

    #[test]
    fn url_paths_from_front_matter() {
        assert_eq!(
            url_path_to_file("/guides/setup/").as_deref(),
            Some("guides/setup/index.html")
        );
        assert_eq!(
            url_path_to_file("/setup.html").as_deref(),
            Some("setup.html")
        );
        assert_eq!(
            url_path_to_file("old/page").as_deref(),
            Some("old/page.html")
        );
        assert_eq!(url_path_to_file("/").as_deref(), Some("index.html"));
        assert_eq!(url_path_to_file("/:categories/:title/"), None);
        assert_eq!(url_path_to_file("https://x.org/a"), None);
        assert_eq!(url_path_to_file("/a/../../etc"), None);
    }

    #[test]
    fn dot_folders() {
        assert!(in_dot_folder(".gitbook/assets/x.png"));
        assert!(in_dot_folder("a/.assets/x.png"));
        assert!(!in_dot_folder("a/x.png"));
        assert!(is_dot_folder(".gitbook"));
        assert!(!is_dot_folder(".git"));
    }

    #[test]
    fn page_urls() {
        let page = DocKind::Page(Default::default());
        assert_eq!(output_url("_index.md", &page), "index.html");
        assert_eq!(output_url("a/_index.md", &page), "a/index.html");
        assert_eq!(output_url("a/b.md", &page), "a/b.html");
        assert_eq!(output_url("a/README.md", &page), "a/index.html");
        assert_eq!(output_url("a/index.md", &page), "a/index.html");
        assert_eq!(output_url("README.md", &page), "index.html");
        assert_eq!(classify("teams/README.md"), FileClass::Page);
        // teams/ and decisions/ have generated index pages: their README is a plain page.
        assert_eq!(
            output_url("decisions/README.md", &page),
            "decisions/README.html"
        );
        assert_eq!(output_url("teams/_index.md", &page), "teams/index.html");
    }

    /// Middleman's pages (the GOV.UK tech docs template) are Markdown published under
    /// the name before `.html`, as Middleman published them; its templates are not pages.
    #[test]
    fn middleman_pages_are_markdown_published_as_html() {
        let page = DocKind::Page(Default::default());
        for (rel, url) in [
            ("standards/alerts.html.md.erb", "standards/alerts.html"),
            ("standards/alerts.html.md", "standards/alerts.html"),
            ("index.html.md.erb", "index.html"),
            ("manuals/go/index.html.md.erb", "manuals/go/index.html"),
        ] {
            assert_eq!(classify(rel), FileClass::Page, "{rel}");
            assert_eq!(output_url(rel, &page), url, "{rel}");
        }
        assert!(is_folder_index("manuals/go/index.html.md.erb"));
        assert!(is_folder_index("ignite/README.MD"));
        assert_eq!(classify("notes/Ideas.Markdown"), FileClass::Page);
        assert_eq!(markdown_stem("x/NOTES.MD"), "x/NOTES");
        assert_eq!(strip_markdown_extension("Zürich.md"), Some("Zürich"));
        assert_eq!(strip_markdown_extension("ü"), None);
        assert_eq!(strip_markdown_extension("diagram.svg"), None);
        assert!(is_mdx("a/Intro.MDX") && !is_mdx("a/intro.md"));
        assert_eq!(
            markdown_stem("a/pair-programming.html.md"),
            "a/pair-programming"
        );
        assert_eq!(
            title_from_path("content/standards/pair-programming.html.md.erb", false),
            "Pair programming"
        );
        for rel in [
            "layouts/core.erb",
            "partials/_nav.html.erb",
            "page.html.erb",
        ] {
            assert_eq!(classify(rel), FileClass::Asset, "{rel}");
            assert!(published_when_linked(rel), "{rel}");
        }
    }

    /// The tech docs template's review keys, on every page of such a site, are accepted
    /// without a warning each.
    #[test]
    fn tech_docs_review_keys_are_accepted_on_pages() {
        let mut d = Vec::new();
        let doc = parse_doc(
            "content/standards/alerts.html.md.erb".to_string(),
            "standards/alerts.html.md.erb",
            "---\ntitle: Alerts\nlast_reviewed_on: 2024-02-12\nreview_in: 6 months\nowner_slack: '#platform'\n---\n# <%= current_page.data.title %>\n".to_string(),
            &mut d,
        );
        assert_eq!(doc.unwrap().url, "standards/alerts.html");
        assert!(d.is_empty(), "{d:?}");
    }
}
