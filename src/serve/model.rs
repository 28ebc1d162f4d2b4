//! The dev server's build: the stages of [`crate::site::build`], keeping every intermediate
//! result (the linked handbook, each document's rendered Markdown, each stage's
//! diagnostics, the last good site) so that a change re-runs only what it affects.
//!
//! A content edit re-reads only the changed files, re-links the handbook in memory if their
//! front matter changed (no disk, no Markdown: ~40 ms at 10,000 pages, `cargo bench
//! --bench relink`), re-renders the Markdown of the changed documents and publishes their
//! own pages at once. Every other
//! page follows in [`Model::refresh_deferred`], which the server calls when no other change
//! is waiting: each page's context is built again and hashed, and only the pages whose
//! context differs from the one they were served from go through Tera and are published
//! ([`crate::render::deps`]: a page's dependencies are its context, declared where it is
//! rendered, so there is no separate graph to drift from the templates). Then the derived
//! files (the search index). Adding, removing or breaking a file re-renders all Markdown
//! (links may now resolve differently). A template change recompiles the theme and
//! re-renders every page without re-reading content; a config change re-reads everything.
//! While the handbook has errors nothing is rendered: the last good site stays up, and the
//! pages owed are remembered until the errors are fixed.
//!
//! `tests.rs` holds this to the promise that matters: after any sequence of changes, the
//! site and diagnostics equal what a fresh `site::build` gives.

use super::watch::Changes;
use crate::config::Config;
use crate::diagnostic::{self, Diagnostic, display_path};
use crate::health::Health;
use crate::link;
use crate::link::Handbook;
use crate::load::machinery;
use crate::load::{self, CONTENT_DIR, FileClass, Loaded};
use crate::markdown::Rendered;
use crate::model::{Doc, DocId, DocKind};
use crate::render::deps::Fingerprints;
use crate::render::{self, FileContents, OutputFile, RenderOptions, Renderer, theme};
use crate::site;
use crate::text::walk::{files_under, is_ignored_path};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// One file of the served site: cheap to clone and to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    Bytes(Arc<[u8]>),
    Static(&'static [u8]),
    /// Assets and static files are read from disk when requested.
    File(PathBuf),
}

impl Body {
    /// `None` for a page left as served ([`FileContents::Unchanged`]).
    fn new(c: FileContents) -> Option<Body> {
        Some(match c {
            FileContents::Bytes(b) => Body::Bytes(b.into()),
            FileContents::Static(b) => Body::Static(b),
            FileContents::Copy(p) => Body::File(p),
            FileContents::Unchanged => return None,
        })
    }
}

/// The outcome of one (re)build, for the server and the log.
#[derive(Debug)]
pub struct Rebuild {
    /// Every diagnostic of the handbook as it is now, sorted as `build` sorts them.
    pub diagnostics: Arc<Vec<Diagnostic>>,
    /// The site changes to publish; `None` while there are errors (keep the last good site).
    pub delta: Option<Delta>,
    /// How much work was done, for the log.
    pub scope: Scope,
    pub markdown_rendered: usize,
    pub pages_rendered: usize,
    /// Documents whose source changed (added, edited, removed).
    pub docs_changed: Vec<String>,
    pub elapsed: Duration,
    /// Time per stage, for profiling.
    pub phases: Vec<(&'static str, Duration)>,
    pub step: Step,
}

/// Which part of the work a [`Rebuild`] reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The changed files, and the pages that show them.
    Update,
    /// Some of the documents' pages checked against their context, left for later by an
    /// update.
    Sweep,
    /// The pages about the whole handbook, checked against their context after the sweep;
    /// its phases include the sweep's total time (`"sweep"`).
    SitePages,
    /// The derived files (search index…).
    Derived,
}

/// How far a change reached (in increasing order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scope {
    /// Nothing that affects the site (e.g. a file saved unchanged).
    Nothing,
    /// Edits to existing documents: only their Markdown, their pages at once, then the
    /// pages whose context changed.
    Edit,
    /// Files added, removed or unreadable: all Markdown re-checked, changed pages rendered.
    Structure,
    /// Config, templates or lost events: every page rendered (content re-read unless only
    /// templates changed).
    Full,
}

/// Files to add or replace and paths to drop, relative to the site root.
#[derive(Debug, Default)]
pub struct Delta {
    pub changed: Vec<(String, Body)>,
    pub removed: Vec<String>,
}

/// Pages owed to the site: accumulated while the handbook has errors.
#[derive(Debug, Default)]
struct Owed {
    all: bool,
    /// Source paths of the documents whose own pages are published with the update.
    docs: BTreeSet<String>,
    static_files: bool,
    /// Documents were added or removed: some pages may be gone.
    structure: bool,
    /// The documents' pages still to be checked against their context: from this position
    /// of [`Model::sweep_order`] on.
    sweep: Option<usize>,
    /// The pages about the whole handbook, checked against their context after the sweep.
    site_pages: bool,
    /// The derived files ([`crate::site::derived_files`]: the search index…).
    derived: bool,
    /// Files on disk that changed in place: their output must be re-sent.
    touched: BTreeSet<PathBuf>,
}

/// Which documents' pages a render covers.
enum Docs {
    /// Those owed to the update (every one when everything is owed).
    Owed,
    /// A slice of the sweep.
    Ids(Vec<DocId>),
    None,
}

/// Documents' pages checked against their context per step of the sweep…
const SWEEP_CHUNK: usize = 512;
/// …and steps taken in one call of [`Model::refresh_deferred`] until this much time has
/// passed: an edit that arrives meanwhile waits about this long at most.
const SWEEP_BUDGET: Duration = Duration::from_millis(40);

/// How the dev server's build differs from `orgbook build`.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub render: RenderOptions,
    /// Replaces `base_url` from orgbook.toml, so that pages with absolute links (the 404
    /// page, feeds) point at the dev server rather than the published site.
    pub base_url: Option<String>,
}

/// Everything read from disk by a full build.
struct Inputs {
    config_diags: Vec<Diagnostic>,
    config: Config,
    theme: theme::Theme,
    tera: Option<tera::Tera>,
    theme_diags: Vec<Diagnostic>,
    loaded: Loaded,
    load_diags: HashMap<String, Vec<Diagnostic>>,
}

pub struct Model {
    root: PathBuf,
    settings: Settings,
    config_diags: Vec<Diagnostic>,
    theme: theme::Theme,
    tera: Option<tera::Tera>,
    theme_diags: Vec<Diagnostic>,
    /// Load diagnostics by source path (`content/…`): every one names its file.
    load_diags: HashMap<String, Vec<Diagnostic>>,
    handbook: Handbook,
    /// Link-stage and health policy diagnostics (recomputed on every change: cheap).
    link_diags: Vec<Diagnostic>,
    health: Health,
    /// The health's findings, velocity and people are from before the last edit (only
    /// `depended_on_by` is current): recomputed before any deferred work, whose pages
    /// (health, people, home) show them.
    health_stale: bool,
    /// The navigation is from before the last edit (see `update_content`): built anew
    /// before any deferred work.
    nav_stale: bool,
    rendered: Vec<Rendered>,
    /// Markdown diagnostics (broken links) per document.
    md_diags: Vec<Vec<Diagnostic>>,
    anchor_diags: Vec<Diagnostic>,
    backlinks: Vec<Vec<DocId>>,
    render_diags: Vec<Diagnostic>,
    /// The last good site, as served.
    site: HashMap<String, Body>,
    static_paths: Vec<String>,
    derived_paths: Vec<String>,
    site_page_paths: HashSet<String>,
    derived_diags: Vec<Diagnostic>,
    owed: Owed,
    /// Per served page, the hash of the context it was rendered from.
    fingerprints: Fingerprints,
    /// Time spent on the current sweep so far, for the log.
    sweep_elapsed: Duration,
    /// Every document, in the order the sweep checks their pages ([`sweep_order`]).
    sweep_order: Vec<DocId>,
    /// The handbook pages' reading order and folder tree, kept from one render to the
    /// next (the sweep renders in many small steps) until a document changes.
    nav: render::NavCell,
    /// Whether the handbook has errors before the derived files (as of the last update).
    has_errors: bool,
    laps: Laps,
}

/// Stage timings of the current update.
#[derive(Debug)]
struct Laps {
    last: Instant,
    laps: Vec<(&'static str, Duration)>,
}

impl Laps {
    fn new() -> Laps {
        Laps {
            last: Instant::now(),
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, name: &'static str) {
        let now = Instant::now();
        self.laps.push((name, now - self.last));
        self.last = now;
    }

    fn take(&mut self) -> Vec<(&'static str, Duration)> {
        self.last = Instant::now();
        std::mem::take(&mut self.laps)
    }
}

fn read_inputs(root: &Path, base_url: Option<&str>) -> Inputs {
    let (mut config, config_diags) = site::load_config(root);
    if let Some(url) = base_url {
        config.base_url = Some(url.to_string());
    }
    let site::Sources {
        theme,
        tera,
        theme_diags,
        loaded,
        load_diags: diags,
    } = site::load_sources(root, &config);
    let mut load_diags: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    for d in diags {
        load_diags.entry(d.file.clone()).or_default().push(d);
    }
    Inputs {
        config_diags,
        config,
        theme,
        tera,
        theme_diags,
        loaded,
        load_diags,
    }
}

/// The front matter of a document (everything before the body), as written.
fn front_matter(d: &Doc) -> &str {
    &d.source.text[..d.source.body_start]
}

/// The title a page gives itself (front matter, or a title line such as Writerside's), if
/// any; not one filled in from its rendered heading.
fn own_title(d: &Doc) -> Option<&str> {
    match &d.kind {
        crate::model::DocKind::Page(p) if p.title_from_front_matter => Some(&p.title),
        _ => None,
    }
}

/// The names of included files (`load::partials::name_key`) that `doc` links to.
fn partial_links(doc: &Doc, included: &HashSet<String>) -> BTreeSet<String> {
    if included.is_empty() {
        return BTreeSet::new();
    }
    load::partials::link_names(doc.source.body())
        .filter(|n| included.contains(n))
        .collect()
}

/// Orders `/`-separated paths as `load` lists documents (a depth-first walk sorted by file
/// name): segment by segment. Plain string order differs (`a-b.md` < `a/b.md`); assets
/// are sorted by string instead.
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

/// `docs` (in walk order) with `added` (new paths) put in their places, in one pass: a
/// branch switch that adds thousands of documents must not move the list once for each.
fn merged_in_walk_order<T>(docs: Vec<T>, mut added: Vec<T>, path: impl Fn(&T) -> &str) -> Vec<T> {
    if added.is_empty() {
        return docs;
    }
    added.sort_by(|a, b| walk_order(path(a), path(b)));
    let mut out = Vec::with_capacity(docs.len() + added.len());
    let mut added = added.into_iter().peekable();
    for doc in docs {
        while let Some(new) = added.next_if(|a| walk_order(path(a), path(&doc)).is_lt()) {
            out.push(new);
        }
        out.push(doc);
    }
    out.extend(added);
    out
}

/// What re-reading the changed files under content/ found ([`Model::reread`]).
struct ContentChange {
    /// Paths, the set of pages or what links resolve to changed: everything is linked and
    /// rendered again.
    structural: bool,
    /// Documents read again, and those new or gone.
    replaced: Vec<Doc>,
    added: Vec<Doc>,
    removed: HashSet<String>,
    /// What the link stage reads besides the documents, as it is now.
    unparsed: BTreeSet<String>,
    assets: Vec<String>,
    folder_settings: BTreeMap<String, load::category::FolderSettings>,
    /// The documents changed, added or removed, by path.
    changed: Vec<String>,
}

/// What the later stages compare with, taken before the link stage runs again.
struct Before {
    /// Each changed document's title: backlinks are sorted by title.
    titles: HashMap<String, String>,
    /// Where each changed document's body started: link spans are offsets into the whole
    /// file, so a longer front matter moves them without moving any link.
    body_starts: HashMap<String, usize>,
    /// Every document's path, in id order, when the change is structural (its Markdown is
    /// all rendered again and compared with the old results).
    paths: Vec<String>,
    /// The documents' ids ([`doc_ids_key`]).
    ids: u64,
}

impl Before {
    fn of(hb: &Handbook, change: &ContentChange) -> Before {
        let docs_of = |p: &String| Some((p.clone(), &hb.docs[*hb.by_path.get(p)?]));
        Before {
            titles: change
                .changed
                .iter()
                .filter_map(docs_of)
                .map(|(p, d)| (p, d.title().to_string()))
                .collect(),
            body_starts: change
                .changed
                .iter()
                .filter_map(docs_of)
                .map(|(p, d)| (p, d.source.body_start))
                .collect(),
            paths: if change.structural {
                hb.docs.iter().map(|d| d.source.path.clone()).collect()
            } else {
                Vec::new()
            },
            ids: doc_ids_key(hb),
        }
    }
}

/// Which of the stages after Markdown must run again.
#[derive(Default)]
struct Stale {
    anchors: bool,
    backlinks: bool,
}

fn link_stage(config: Config, loaded: Loaded) -> (Handbook, Health, Vec<Diagnostic>) {
    let site::Linked {
        handbook,
        health,
        diags,
    } = site::link(config, loaded);
    (handbook, health, diags)
}

use site::{markdown_all, markdown_one};

impl Model {
    /// Builds everything from disk, like `orgbook build`, keeping what later updates reuse.
    pub fn new(root: &Path, settings: Settings) -> (Model, Rebuild) {
        let started = Instant::now();
        // Pages are rendered again and again here: highlight each code block once.
        crate::highlight::remember_highlights();
        let mut model = Model::read(root, settings);
        let markdown_rendered = model.rendered.len();
        let rebuild = model.finish(Scope::Full, markdown_rendered, Vec::new(), started, false);
        (model, rebuild)
    }

    /// Runs every stage up to rendering, from disk; every page is owed.
    fn read(root: &Path, settings: Settings) -> Model {
        let inputs = read_inputs(root, settings.base_url.as_deref());
        let (handbook, health, link_diags) = link_stage(inputs.config, inputs.loaded);
        let (rendered, md_diags) = markdown_all(&handbook);
        let mut model = Model {
            root: root.to_path_buf(),
            settings,
            config_diags: inputs.config_diags,
            theme: inputs.theme,
            tera: inputs.tera,
            theme_diags: inputs.theme_diags,
            load_diags: inputs.load_diags,
            handbook,
            link_diags,
            health,
            health_stale: false,
            nav_stale: false,
            rendered,
            md_diags,
            anchor_diags: Vec::new(),
            backlinks: Vec::new(),
            render_diags: Vec::new(),
            site: HashMap::new(),
            static_paths: Vec::new(),
            derived_paths: Vec::new(),
            site_page_paths: HashSet::new(),
            derived_diags: Vec::new(),
            laps: Laps::new(),
            fingerprints: Fingerprints::default(),
            sweep_elapsed: Duration::ZERO,
            sweep_order: Vec::new(),
            nav: Default::default(),
            has_errors: false,
            owed: Owed {
                all: true,
                static_files: true,
                site_pages: true,
                derived: true,
                ..Owed::default()
            },
        };
        model.after_markdown();
        model
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub fn handbook(&self) -> &Handbook {
        &self.handbook
    }

    /// The last good site.
    pub fn site(&self) -> &HashMap<String, Body> {
        &self.site
    }

    /// Applies changes read from disk and renders what they affect.
    /// Adds to `changes.content` every document that includes a changed path
    /// (`load::include`). Of the other paths outside content/, keeps those some document
    /// includes (the log names them) and drops the rest: a change to a file nothing
    /// includes changes nothing.
    pub fn add_includers(&self, changes: &mut Changes) {
        let rel = |p: &PathBuf| {
            p.strip_prefix(&self.root)
                .ok()
                .map(|p| crate::diagnostic::display_path(Path::new(""), p))
        };
        let changed: HashSet<String> = changes
            .other
            .iter()
            .chain(&changes.content)
            .filter_map(rel)
            .collect();
        let mut included: HashSet<&str> = HashSet::new();
        if !changed.is_empty() {
            for doc in &self.handbook.docs {
                let Some(files) = doc.source.included.as_ref().map(|i| &i.files) else {
                    continue;
                };
                let mut hits = files.iter().filter(|f| changed.contains(*f)).peekable();
                if hits.peek().is_some() {
                    included.extend(hits.map(String::as_str));
                    changes.content.insert(self.root.join(doc.source.file()));
                }
            }
        }
        changes
            .other
            .retain(|p| rel(p).is_some_and(|r| included.contains(r.as_str())));
    }

    /// Folders holding files the documents include, and the CODEOWNERS file's, outside the
    /// folders `serve` watches anyway: watched too, so that an edit there shows.
    pub fn include_folders(&self) -> BTreeSet<PathBuf> {
        let code_owners = self.handbook.code_owners.file.as_ref();
        let code_owners = code_owners.and_then(|f| f.absolute.parent().map(Path::to_path_buf));
        self.handbook
            .docs
            .iter()
            .filter_map(|d| d.source.included.as_deref())
            .flat_map(|i| &i.files)
            .filter_map(|f| f.rsplit_once('/').map(|(dir, _)| dir))
            .filter(|dir| {
                let top = dir.split('/').next().unwrap_or(dir);
                !super::watch::WATCHED_DIRS.contains(&top)
            })
            .map(|dir| self.root.join(dir))
            .chain(code_owners)
            .collect()
    }

    pub fn update(&mut self, changes: &Changes) -> Rebuild {
        let started = Instant::now();
        let mut with_includers = changes.clone();
        self.add_includers(&mut with_includers);
        let changes = &with_includers;
        self.laps.take();
        // A file added to or removed from static/ can mend or break links in any page
        // (`/img/logo.png`): re-read everything, as for a configuration change. An edit of
        // a file already there is only re-sent.
        if changes.config
            || changes.rescan
            || (!changes.static_files.is_empty()
                && load::static_files(&self.root) != self.handbook.static_files)
            || self.pages_come_or_go(&changes.content)
            || (!changes.content.is_empty() && self.default_language_moved())
        {
            return self.reload(started);
        }
        let mut scope = Scope::Nothing;
        if changes.theme {
            self.reload_theme();
            scope = Scope::Full;
        }
        let mut markdown_rendered = 0;
        let mut docs_changed = Vec::new();
        if !changes.content.is_empty() {
            let content_scope;
            (content_scope, markdown_rendered, docs_changed) =
                self.update_content(&changes.content);
            scope = scope.max(content_scope);
        }
        if !changes.static_files.is_empty() {
            self.owed.static_files = true;
            self.owed
                .touched
                .extend(changes.static_files.iter().cloned());
            scope = scope.max(Scope::Edit);
        }
        self.finish(scope, markdown_rendered, docs_changed, started, true)
    }

    /// Whether `content` (changed paths under `content/`) adds or removes a page where the
    /// navigation follows which pages there are, beyond those it names (a table of
    /// contents' `pattern:`, or Jupyter Book's unlisted pages hidden), or where a
    /// translation outside content/ is published only beside its page: the order (or the
    /// translations) are then re-read with everything, as for a change of its file. A folder that came or went
    /// counts, as it may hold pages.
    fn pages_come_or_go(&self, content: &BTreeSet<PathBuf>) -> bool {
        // Docusaurus's translations are read only where their page is (`load::i18n`).
        let translations_outside =
            (self.handbook.config.language_folders.as_ref()).is_some_and(|f| f.outside_content);
        if !self.handbook.nav_order.follows_files && !translations_outside {
            return false;
        }
        let content_dir = self.root.join(CONTENT_DIR);
        content.iter().any(|p| {
            let Ok(rel) = p.strip_prefix(&content_dir) else {
                return false;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if p.is_dir() {
                return true;
            }
            if matches!(
                load::classify_file(p, &rel),
                FileClass::Asset | FileClass::FolderSettings
            ) && !load::is_html_page(&rel)
            {
                return false;
            }
            let path = format!("{CONTENT_DIR}/{rel}");
            let known = self.handbook.by_path.contains_key(&path)
                || self.handbook.drafts.contains(&path)
                || self.handbook.partials.iter().any(|d| d.source.path == path);
            p.is_file() != known
        })
    }

    /// Whether a Hugo site's default language's folder is read at the top of content/
    /// (`load::hugo_default`): a change under content/ then re-reads everything, as the
    /// incremental steps know each document by its file's path.
    fn default_language_moved(&self) -> bool {
        (self.handbook.config.language_folders.as_ref()).is_some_and(|f| f.moved_default.is_some())
    }

    /// Re-reads everything (config or templates changed, or events were lost) but keeps
    /// the last good site, so what is published is still only what changed.
    fn reload(&mut self, started: Instant) -> Rebuild {
        let mut fresh = Model::read(&self.root, self.settings.clone());
        fresh.site = std::mem::take(&mut self.site);
        fresh.static_paths = std::mem::take(&mut self.static_paths);
        fresh.derived_paths = std::mem::take(&mut self.derived_paths);
        fresh.site_page_paths = std::mem::take(&mut self.site_page_paths);
        *self = fresh;
        let docs = self.rendered.len();
        self.finish(Scope::Full, docs, Vec::new(), started, false)
    }

    /// Templates or theme changed: recompile them and owe every page, keeping the content
    /// stages as they are (no file under content/ is read again).
    fn reload_theme(&mut self) {
        let (theme, tera, diags) = site::load_theme(&self.root, &self.handbook.config);
        self.theme = theme;
        self.tera = tera;
        self.theme_diags = diags;
        // The same context may now give another page.
        self.fingerprints.clear();
        self.owed.all = true;
        self.owed.static_files = true;
        self.owed.site_pages = true;
        self.laps.lap("theme");
    }

    /// Paths under content/ (relative to it) the model knows: documents, unparsed files,
    /// assets.
    fn known_content(&self) -> Vec<String> {
        let strip = |p: &String| p.strip_prefix("content/").map(str::to_string);
        self.handbook
            .docs
            .iter()
            .chain(&self.handbook.partials)
            .filter_map(|d| strip(&d.source.path))
            .chain(self.handbook.unparsed.iter().filter_map(strip))
            .chain(self.handbook.assets.iter().cloned())
            .chain(
                self.handbook
                    .folder_settings
                    .keys()
                    .flat_map(|folder| load::category::candidates(folder)),
            )
            .collect()
    }

    /// The `skipped-file` notes of each changed path as the build's walk gives them
    /// ([`load::walk_tree`]): the part of content/ whose notes may have changed (the
    /// outermost package or `_` folder above the path, else the path itself, a folder
    /// standing for all below it) loses its notes and is walked again.
    fn renote_skipped(&mut self, content_dir: &Path, paths: &BTreeSet<PathBuf>) {
        let mut scopes: HashSet<String> = HashSet::new();
        for p in paths {
            let Ok(rel_path) = p.strip_prefix(content_dir) else {
                continue;
            };
            let rel = display_path(Path::new(""), rel_path);
            if rel.is_empty() {
                continue;
            }
            // A Logseq graph's settings say what it hides: the whole graph is noted again.
            if let Some(root) = load::logseq::graph_root(&rel) {
                scopes.insert(root.to_string());
                continue;
            }
            // What such settings hide is noted at the hidden path, walked again whole.
            if let Some(at) = load::logseq::Hidden::of(content_dir, p, &[]).covering(&rel) {
                scopes.insert(at.to_string());
                continue;
            }
            if is_ignored_path(&rel) {
                // Hidden Markdown is noted per outermost hidden folder (or file), as the
                // load stage's walk notes it: that is walked again. Editor files never are.
                if let Some(i) = rel.split('/').position(|c| c.starts_with('.')) {
                    let hidden: Vec<&str> = rel.split('/').take(i + 1).collect();
                    scopes.insert(hidden.join("/"));
                }
                continue;
            }
            // Every component of the path taken as a folder: the path itself may be one.
            let probe = format!("{rel}/-");
            let scope = [
                machinery::outermost_packages(&probe, false),
                machinery::underscore_folder(&probe),
            ]
            .into_iter()
            .flatten()
            .min_by_key(|s| s.len())
            .unwrap_or(&rel);
            // Pages in another markup are noted by folder: their folder is walked again
            // (the root's is "").
            let scope = match machinery::other_markup(scope) {
                Some(_) => scope.rsplit_once('/').map_or("", |(d, _)| d),
                None => scope,
            };
            scopes.insert(scope.to_string());
        }
        // `rel` itself (unless `proper`) or a folder above it is in `set`: a lookup per
        // folder of the path, so a checkout of many files stays linear.
        let within = |rel: &str, set: &HashSet<String>, proper: bool| {
            (!proper && set.contains(rel))
                || (!rel.is_empty() && set.contains(""))
                || rel.match_indices('/').any(|(i, _)| set.contains(&rel[..i]))
        };
        let outer: HashSet<String> = scopes
            .iter()
            .filter(|s| !within(s, &scopes, true))
            .cloned()
            .collect();
        // A file's notes are under its own name; a folder (or what is gone, which may have
        // been one) has notes anywhere below it.
        let folders = outer
            .iter()
            .any(|s| std::fs::symlink_metadata(content_dir.join(s)).map_or(true, |m| m.is_dir()));
        if folders {
            self.load_diags.retain(|file, diags| {
                if let Some(rel) = file
                    .strip_prefix(CONTENT_DIR)
                    .map(|r| r.strip_prefix('/').unwrap_or(r))
                    && within(rel, &outer, false)
                {
                    diags.retain(|d| d.code != "skipped-file");
                }
                !diags.is_empty()
            });
        } else {
            for scope in &outer {
                let key = if scope.is_empty() {
                    CONTENT_DIR.to_string()
                } else {
                    format!("{CONTENT_DIR}/{scope}")
                };
                if let Some(diags) = self.load_diags.get_mut(&key) {
                    diags.retain(|d| d.code != "skipped-file");
                    if diags.is_empty() {
                        self.load_diags.remove(&key);
                    }
                }
            }
        }
        let mut outer: Vec<String> = outer.into_iter().collect();
        outer.sort_unstable();
        for scope in outer {
            let at = content_dir.join(&scope);
            if std::fs::symlink_metadata(&at).is_ok() {
                let mut notes = load::walk_tree(content_dir, &at).1;
                load::keep_notes_of_unincluded(&mut notes, &self.handbook.docs);
                for note in notes {
                    self.load_diags
                        .entry(note.file.clone())
                        .or_default()
                        .push(note);
                }
            }
        }
    }

    /// Re-reads the changed paths under content/ and brings the handbook up to date, stage by
    /// stage: read, link, Markdown, anchors and backlinks; then owes the pages to publish.
    /// Returns the scope, how many documents' Markdown was rendered, and the changed
    /// documents.
    fn update_content(&mut self, paths: &BTreeSet<PathBuf>) -> (Scope, usize, Vec<String>) {
        let change = self.reread(paths);
        self.laps.lap("read");
        if change.changed.is_empty() && !change.structural {
            return (Scope::Nothing, 0, change.changed);
        }
        let structural = change.structural;
        let changed = change.changed.clone();
        // Titles, weights or the set of pages may change, so the navigation (reading order,
        // interactions and org map parts: `render::nav`) must be built anew. While every
        // document keeps its id, the deferred work does that, not this update: at 10,000
        // pages it costs ~15 ms, and the edited page is served first. Its sweep then
        // re-renders every page whose context the new navigation changes, the edited page
        // included, as it does for the health.
        let nav_before = std::mem::take(&mut self.nav);
        let before = Before::of(&self.handbook, &change);
        let old_rendered = std::mem::take(&mut self.rendered);
        let old_md_diags = std::mem::take(&mut self.md_diags);
        self.relink(change);
        if !structural && doc_ids_key(&self.handbook) == before.ids {
            self.nav = nav_before;
            self.nav_stale = true;
        }
        self.laps.lap("link");
        let (ids_to_check, stale) = if structural {
            self.markdown_everything(&before, old_rendered)
        } else {
            self.rendered = old_rendered;
            self.md_diags = old_md_diags;
            self.markdown_edited(&changed, &before)
        };
        let markdown_rendered = if structural {
            self.rendered.len()
        } else {
            ids_to_check.len()
        };
        self.laps.lap("markdown");
        self.titles_anchors_backlinks(&changed, &before, stale);
        self.laps.lap("anchors+backlinks");
        self.owe_changed_pages(&changed, ids_to_check, structural);
        let scope = if structural {
            Scope::Structure
        } else {
            Scope::Edit
        };
        (scope, markdown_rendered, changed)
    }

    /// Stage 1 of [`Self::update_content`]: reads and parses the changed paths (in parallel:
    /// a checkout touches many files) and sorts them into what they change.
    fn reread(&mut self, paths: &BTreeSet<PathBuf>) -> ContentChange {
        let content_dir = self.root.join(CONTENT_DIR);
        self.renote_skipped(&content_dir, paths);
        let now = current_files(&content_dir, paths, &self.known_content());

        // Read and parse what is there now (in parallel: a checkout touches many files).
        // (path under content/, its absolute path if it exists, the document, diagnostics)
        type Reread = (
            String,
            Option<PathBuf>,
            FileClass,
            Option<Doc>,
            Vec<Diagnostic>,
        );
        // A change to mkdocs.yml reloads everything: read here, it is the one in force.
        let appends = load::mkdocs_nav::auto_append(&self.root);
        let parsed: Vec<Reread> = now
            .into_par_iter()
            .map(|(rel, abs)| {
                let mut d = Vec::new();
                // What the file is now: an HTML file is a page while it starts with front
                // matter (`load::classify_file`); one that is gone, by its path.
                let class = match &abs {
                    Some(p) => load::classify_file(p, &rel),
                    None => load::classify(&rel),
                };
                let doc = match &abs {
                    Some(p) if !matches!(class, FileClass::Asset | FileClass::FolderSettings) => {
                        load::load_file_with(p, &rel, &appends, &mut d)
                    }
                    _ => None,
                };
                (rel, abs, class, doc, d)
            })
            .collect();

        let hb = &self.handbook;
        let mut structural = false;
        let mut replaced: Vec<Doc> = Vec::new();
        let mut added: Vec<Doc> = Vec::new();
        let mut removed: HashSet<String> = HashSet::new();
        let mut unparsed = hb.unparsed.clone();
        let mut assets = hb.assets.clone();
        let mut folder_settings = hb.folder_settings.clone();
        let mut changed: Vec<String> = Vec::new();
        let included_names: HashSet<String> = load::partials::included_files(&hb.docs)
            .into_iter()
            .chain(load::partials::included_files(&hb.partials))
            .map(load::partials::name_key)
            .collect();
        for (rel, abs, class, doc, diags) in parsed {
            let path = format!("{CONTENT_DIR}/{rel}");
            if class == FileClass::FolderSettings {
                // The folder's settings as they are now, from whichever of its files
                // comes first (as the load stage reads them): a changed title or place
                // moves the folder in the navigation, so it is a structural change.
                let folder = load::category::folder_of(&rel);
                let mut d = Vec::new();
                let files: Vec<(PathBuf, String)> = load::category::candidates(&folder)
                    .map(|rel| (content_dir.join(&rel), rel))
                    .filter(|(p, _)| p.is_file())
                    .collect();
                let now = load::read_folder_settings(&files, &mut d).remove(&folder);
                for rel in load::category::candidates(&folder) {
                    self.load_diags.remove(&format!("{CONTENT_DIR}/{rel}"));
                }
                for diag in d {
                    self.load_diags
                        .entry(diag.file.clone())
                        .or_default()
                        .push(diag);
                }
                if folder_settings.get(&folder) != now.as_ref() {
                    match now {
                        Some(s) => folder_settings.insert(folder, s),
                        None => folder_settings.remove(&folder),
                    };
                    structural = true;
                }
                continue;
            }
            let pos = assets.binary_search(&rel);
            if class == FileClass::Asset {
                match (&abs, pos) {
                    (Some(_), Ok(_)) => {
                        // Same asset, new bytes: only its URL needs re-sending.
                        self.owed.touched.insert(content_dir.join(&rel));
                    }
                    (Some(_), Err(i)) => {
                        assets.insert(i, rel.clone());
                        structural = true;
                    }
                    (None, Ok(i)) => {
                        assets.remove(i);
                        structural = true;
                    }
                    (None, Err(_)) => {}
                }
                // An HTML page that lost its front matter, or is gone, was a document.
                let was_doc = hb.by_path.contains_key(&path)
                    || unparsed.contains(&path)
                    || hb.drafts.contains(&path);
                if !was_doc || !load::is_html_page(&rel) {
                    continue;
                }
            } else if let Ok(i) = pos {
                // An HTML file that gained front matter: a page now, no longer an asset.
                assets.remove(i);
                structural = true;
            }
            let page = hb.by_path.get(&path).map(|&id| &hb.docs[id]);
            let partial = hb.partials.iter().find(|d| d.source.path == path);
            let old = page.or(partial);
            // Problems in a file outside content/ that this document includes were
            // reported while loading it: they are this load's now (kept under its path),
            // whatever the first load filed them under.
            for d in [old, doc.as_ref()].into_iter().flatten() {
                for f in d.source.included.iter().flat_map(|i| &i.files) {
                    if !f.starts_with("content/") {
                        self.load_diags.remove(f);
                    }
                }
            }
            if diags.is_empty() {
                self.load_diags.remove(&path);
            } else {
                self.load_diags.insert(path.clone(), diags);
            }
            let was_unparsed = unparsed.contains(&path);
            if partial.is_some() {
                // A partial has no page to replace: the link stage decides again what
                // it is, from the handbook's documents and its partials.
                removed.insert(path.clone());
                structural = true;
                if doc.is_none() && abs.is_some() {
                    unparsed.insert(path.clone());
                }
                changed.push(path);
                added.extend(doc);
                continue;
            }
            match (doc, old) {
                (Some(doc), Some(old)) => {
                    if doc.source.text != old.source.text {
                        // A MyST label names a heading for links on any page: one added,
                        // removed or moved re-renders them all.
                        structural |= crate::dialects::leftovers::myst_labels(doc.source.body())
                            != crate::dialects::leftovers::myst_labels(old.source.body());
                        // A link to a Google Doc, or the document a page says it came
                        // from, may give a document to another page (`link::google_docs`).
                        structural |= !link::google_docs::same_documents(
                            doc.source.body(),
                            old.source.body(),
                        );
                        // Another name for wikilinks (Obsidian's `aliases`) moves them.
                        let names = |d: &Doc| match &d.kind {
                            crate::model::DocKind::Page(p) => p.other_names.clone(),
                            _ => Vec::new(),
                        };
                        structural |= names(&doc) != names(old);
                        // A `SUMMARY.md` page cut down to links becomes the table of
                        // contents, no page (`link::summary`).
                        structural |= path == link::summary::PATH
                            && link::summary::lists_only_links(doc.source.body());
                        // A page in a team's folder that gains a charter's keys becomes a
                        // team (and back): another kind, at another address.
                        // (A translation's address is the link stage's, `crate::lang`:
                        // the file alone does not give it.)
                        let translation = hb.by_path.get(&path).is_some_and(|id| {
                            hb.translations.of.contains_key(id)
                                && matches!(old.kind, crate::model::DocKind::Page(_))
                        });
                        structural |= std::mem::discriminant(&doc.kind)
                            != std::mem::discriminant(&old.kind)
                            || (doc.url != old.url && !translation);
                        // What it includes, or a link to an included file, may make
                        // a page of a partial or a partial of a page (`load::partials`).
                        let includes =
                            |d: &Doc| d.source.included.as_ref().map(|i| i.files.clone());
                        structural |= includes(&doc) != includes(old)
                            || partial_links(&doc, &included_names)
                                != partial_links(old, &included_names);
                        changed.push(path);
                        replaced.push(doc);
                    }
                }
                (Some(doc), None) => {
                    unparsed.remove(&path);
                    changed.push(path);
                    added.push(doc);
                    structural = true;
                }
                (None, old) => {
                    if old.is_some() {
                        removed.insert(path.clone());
                        changed.push(path.clone());
                        structural = true;
                    }
                    if abs.is_some() && class != FileClass::Asset {
                        // Present but unreadable: references to it are not reported again.
                        structural |= unparsed.insert(path);
                    } else if was_unparsed {
                        unparsed.remove(&path);
                        structural = true;
                    }
                }
            }
        }
        ContentChange {
            structural,
            replaced,
            added,
            removed,
            unparsed,
            assets,
            folder_settings,
            changed,
        }
    }

    /// Stage 2: the link stage, again only when what it reads changed. It reads only paths
    /// and front matter: when no front matter changed, the linked handbook is the same and
    /// the edited documents just take their slots. `SUMMARY.md`'s body orders the pages it
    /// lists (`link::summary_order`). The leading `# Heading` is read there too
    /// (`Handbook::heading_titles`).
    fn relink(&mut self, change: ContentChange) {
        let ContentChange {
            structural,
            replaced,
            added,
            removed,
            unparsed,
            assets,
            folder_settings,
            changed: _,
        } = change;
        let hb = &self.handbook;
        // A team's `mission.mdx` says what the team beside it is for, its
        // `team-charter.md` its metrics, and the team-page template which sentence is no
        // purpose (`link::team_page_purposes`): what they say is read at the link stage.
        let purpose = |d: &Doc| {
            let name = load::markdown_stem(d.source.path.rsplit('/').next().unwrap_or(""));
            let (text, start) = (&d.source.text, d.source.body_start);
            let problem = load::PURPOSE_PAGES
                .iter()
                .any(|p| name.eq_ignore_ascii_case(p))
                .then(|| load::problem_beside(text, start));
            let metrics = load::CHARTER_PAGES
                .iter()
                .any(|p| name.eq_ignore_ascii_case(p))
                .then(|| {
                    load::metrics_beside(text, start)
                        .into_iter()
                        .map(|m| (m.name, m.target))
                        .collect::<Vec<_>>()
                });
            let template = name
                .to_ascii_lowercase()
                .contains("template")
                .then(|| load::template_problem(text, start));
            (problem, metrics, template)
        };
        let relink = structural
            || replaced.iter().any(|doc| {
                let old = &hb.docs[hb.by_path[&doc.source.path]];
                front_matter(old) != front_matter(doc)
                    || purpose(old) != purpose(doc)
                    // A team read from its page (`load::team_page`) is its body: what it
                    // owns, its people, and (from the link stage) its group.
                    || [old, doc]
                        .iter()
                        .any(|d| d.as_team().is_some_and(|c| c.from_page))
                    || doc.source.path == "content/SUMMARY.md"
                    || link::leading_heading(old.source.body())
                        != link::leading_heading(doc.source.body())
                    // A Writerside topic's title takes its variables' values at the link
                    // stage (`link::writerside_titles`): its own title line, or the
                    // variables it declares, changed.
                    || (hb.writerside
                        && (own_title(old) != own_title(doc)
                            || load::writerside::local_variables(old.source.body())
                                != load::writerside::local_variables(doc.source.body())))
            });
        if relink {
            let mut docs = std::mem::take(&mut self.handbook.docs);
            for doc in replaced {
                let id = self.handbook.by_path[&doc.source.path];
                docs[id] = doc;
            }
            // Partials go back among the documents: the link stage sets them apart again.
            let mut added = added;
            added.extend(
                std::mem::take(&mut self.handbook.partials)
                    .into_iter()
                    .filter(|d| !removed.contains(&d.source.path)),
            );
            docs.retain(|d| !removed.contains(&d.source.path));
            docs = merged_in_walk_order(docs, added, |d| &d.source.path);
            let loaded = Loaded {
                docs,
                assets,
                unparsed: unparsed.into_iter().collect(),
                drafts: self.handbook.drafts.iter().cloned().collect(),
                folder_settings,
                nav_order: self.handbook.nav_order.clone(),
                static_files: self.handbook.static_files.clone(),
                code_owners: self.handbook.code_owners.file.take(),
                root: self.handbook.root.clone(),
                redirect_files: self.handbook.redirect_files.clone(),
            };
            let config = std::mem::take(&mut self.handbook.config);
            if config.policy.deny.is_empty() {
                // No finding can be an error, so nothing the health computes can stop this
                // update: its findings (most of the link stage's time on a large handbook)
                // wait for `refresh_deferred`, and the edited page is served sooner. Its
                // pages read only who depends on each team, which is cheap to redo now.
                let mut link_diags = Vec::new();
                self.handbook = link::resolve(config, loaded, &mut link_diags);
                self.health.depended_on_by = crate::health::depended_on_by(&self.handbook);
                self.health_stale = true;
                self.link_diags = link_diags;
            } else {
                let (handbook, health, link_diags) = link_stage(config, loaded);
                self.handbook = handbook;
                self.health = health;
                self.link_diags = link_diags;
                self.health_stale = false;
            }
        } else {
            for mut doc in replaced {
                let id = self.handbook.by_path[&doc.source.path];
                // And a translation's address (`crate::lang::translations`).
                if self.handbook.translations.language(id).is_some() {
                    crate::lang::keep_translation(&mut doc, &self.handbook.docs[id]);
                }
                // What the link stage set keeps: the front matter is the same.
                if let (DocKind::Page(new), DocKind::Page(old)) =
                    (&mut doc.kind, &self.handbook.docs[id].kind)
                {
                    new.summary_weight = old.summary_weight;
                    // And the label and hiding a navigation file gives (Nextra's `_meta`).
                    new.nav_label.clone_from(&old.nav_label);
                    new.nav_hidden = old.nav_hidden;
                    // And whether an `index.md` is its folder's page (`_index.md` beside it).
                    new.folder_index = old.folder_index;
                    new.is_home = old.is_home;
                }
                // And the teams its references name by display name resolved to.
                link::keep_resolved_team_refs(&mut doc, &self.handbook.docs[id]);
                self.handbook.docs[id] = doc;
            }
        }
    }

    /// Stage 3 after a structural change: every body rendered again. Returns the documents
    /// whose Markdown now renders differently (a link to an added file resolves, one to a
    /// removed file breaks), and that anchors and backlinks are stale.
    fn markdown_everything(
        &mut self,
        before: &Before,
        old_rendered: Vec<Rendered>,
    ) -> (Vec<DocId>, Stale) {
        let hb = &self.handbook;
        (self.rendered, self.md_diags) = markdown_all(hb);
        let mut ids_to_check = Vec::new();
        // A document whose text did not change can still render differently: a link
        // to an added file resolves, one to a removed file breaks.
        let old: HashMap<&str, &Rendered> = before
            .paths
            .iter()
            .map(String::as_str)
            .zip(old_rendered.iter())
            .collect();
        for (id, r) in self.rendered.iter().enumerate() {
            let path = hb.docs[id].source.path.as_str();
            match old.get(path) {
                Some(o) if o.html == r.html && o.leading_h1 == r.leading_h1 => {}
                Some(_) => ids_to_check.push(id),
                None => ids_to_check.push(id),
            }
        }
        (
            ids_to_check,
            Stale {
                anchors: true,
                backlinks: true,
            },
        )
    }

    /// Stage 3 after an edit: the edited bodies rendered again, and those that show an
    /// edited document's title. Returns them, and whether anchors or backlinks moved.
    fn markdown_edited(&mut self, changed: &[String], before: &Before) -> (Vec<DocId>, Stale) {
        let hb = &self.handbook;
        let mut stale = Stale::default();
        let mut ids: Vec<DocId> = changed
            .iter()
            .filter_map(|p| hb.by_path.get(p).copied())
            .collect();
        // Bodies that show a changed document's title as a link's text (a MyST
        // toctree, a `{doc}` role) or link to its label render again too, and those
        // that link to pages by title (Confluence's), which an edit may give another page.
        let edited: HashSet<DocId> = ids.iter().copied().collect();
        ids.extend(self.rendered.iter().enumerate().filter_map(|(id, r)| {
            (!edited.contains(&id)
                && (r.by_title || r.title_deps.iter().any(|d| edited.contains(d))))
            .then_some(id)
        }));
        let results: Vec<(Rendered, Vec<Diagnostic>)> =
            ids.par_iter().map(|&id| markdown_one(hb, id)).collect();
        for (&id, (r, d)) in ids.iter().zip(results) {
            let old = &self.rendered[id];
            let doc = &hb.docs[id];
            let targets = |r: &Rendered| r.links.iter().map(|l| l.target).collect::<Vec<_>>();
            // Links as the anchor check sees them, placed relative to the body. The
            // check retargets links in place (their anchor changes), so a document it
            // touched always differs from its fresh rendering and is checked again.
            let anchors = |r: &Rendered, body_start: usize| {
                r.links
                    .iter()
                    .map(|l| {
                        let at = l.span.start.wrapping_sub(body_start);
                        (l.target, l.anchor.clone(), at, l.span.len())
                    })
                    .collect::<Vec<_>>()
            };
            let old_start = before
                .body_starts
                .get(&doc.source.path)
                .copied()
                .unwrap_or(doc.source.body_start);
            // Its anchor diagnostics carry positions: a moved body moves them.
            let has_anchor_diags = self.anchor_diags.iter().any(|d| d.file == doc.source.path);
            stale.backlinks |= targets(old) != targets(&r);
            stale.anchors |= old.headings != r.headings
                || old.anchors != r.anchors
                || anchors(old, old_start) != anchors(&r, doc.source.body_start)
                || (has_anchor_diags && old_start != doc.source.body_start);
            self.rendered[id] = r;
            self.md_diags[id] = d;
        }
        (ids, stale)
    }

    /// Stage 4: page titles (a new title re-sorts backlinks), dot-folder assets, and the
    /// anchors and backlinks when they moved.
    fn titles_anchors_backlinks(&mut self, changed: &[String], before: &Before, mut stale: Stale) {
        crate::site::fill_page_titles(&mut self.handbook, &self.rendered);
        stale.backlinks |= changed.iter().any(|p| {
            let now = self
                .handbook
                .by_path
                .get(p)
                .map(|&id| self.handbook.docs[id].title());
            before.titles.get(p.as_str()).map(String::as_str) != now
        });
        // Dot-folder assets are published only while a page links to them (as in `build`'s
        // `after_markdown`): a changed link can publish or withdraw one.
        let unpublished = std::mem::take(&mut self.handbook.unpublished_assets);
        crate::markdown::links::keep_linked_dot_assets(&mut self.handbook, &self.rendered);
        let images = crate::markdown::inline_images::collect(&mut self.handbook, &self.rendered);
        if self.handbook.unpublished_assets != unpublished || images {
            self.owed.static_files = true;
            self.owed.structure = true;
        }
        if stale.anchors {
            self.anchor_diags = site::anchors(&self.handbook, &mut self.rendered);
        }
        if stale.backlinks {
            self.backlinks = crate::markdown::links::backlinks(&self.handbook, &self.rendered);
        }
    }

    /// The changed documents' own pages (and, after a structural change, those whose
    /// Markdown now renders differently) are published with the update; every other page is
    /// checked against its context by the sweep that follows.
    fn owe_changed_pages(
        &mut self,
        changed: &[String],
        ids_to_check: Vec<DocId>,
        structural: bool,
    ) {
        let hb = &self.handbook;
        self.owed.docs.extend(
            changed
                .iter()
                .filter(|p| hb.by_path.contains_key(*p))
                .cloned(),
        );
        self.owed.docs.extend(
            ids_to_check
                .into_iter()
                .map(|id| hb.docs[id].source.path.clone()),
        );
        let seeds: Vec<DocId> = self
            .owed
            .docs
            .iter()
            .filter_map(|p| hb.by_path.get(p).copied())
            .collect();
        self.sweep_order = sweep_order(hb, &self.rendered, &self.backlinks, &seeds);
        self.owed.sweep = Some(0);
        self.owed.site_pages = true;
        self.sweep_elapsed = Duration::ZERO;
        if structural {
            // Assets and the set of pages changed: recompute the copied files too, and look
            // for pages that are gone.
            self.owed.static_files = true;
            self.owed.structure = true;
        }
    }

    /// The stages after Markdown: page titles, anchors, backlinks.
    fn after_markdown(&mut self) {
        let rendered = std::mem::take(&mut self.rendered);
        let md_diags = std::mem::take(&mut self.md_diags);
        let marked = site::after_markdown(&mut self.handbook, rendered, md_diags);
        self.rendered = marked.rendered;
        self.md_diags = marked.md_diags;
        self.anchor_diags = marked.anchor_diags;
        self.backlinks = marked.backlinks;
    }

    /// The diagnostics of every stage before the derived files, in pipeline order.
    fn diags_before_derived(&self) -> impl Iterator<Item = &Diagnostic> {
        self.config_diags
            .iter()
            .chain(&self.theme_diags)
            .chain(self.load_diags.values().flatten())
            .chain(&self.link_diags)
            .chain(self.md_diags.iter().flatten())
            .chain(&self.anchor_diags)
            .chain(&self.render_diags)
    }

    /// Whether any stage before the derived files reported an error (these stop rendering).
    fn errors_before_derived(&self) -> bool {
        !site::may_render(self.diags_before_derived())
    }

    /// Every diagnostic, sorted as `build` sorts them.
    fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .config_diags
            .iter()
            .chain(&self.theme_diags)
            .chain(self.load_diags.values().flatten())
            .cloned()
            .collect();
        let after_load = all.len();
        all.extend(
            self.link_diags
                .iter()
                .chain(self.md_diags.iter().flatten())
                .chain(&self.anchor_diags)
                .chain(&self.render_diags)
                .chain(&self.derived_diags)
                .cloned(),
        );
        // As `build` does (`site::run`).
        load::include::relocate(&mut all[after_load..], &self.handbook.docs);
        diagnostic::sort(&mut all);
        all.dedup();
        load::include::merge_repeats(&mut all);
        all
    }

    /// Renders what is owed, if the handbook has no errors, and works out what changed.
    /// With `defer`, the pages about the whole handbook wait for [`Self::refresh_deferred`]
    /// (unless everything is owed anyway).
    fn finish(
        &mut self,
        scope: Scope,
        markdown_rendered: usize,
        docs_changed: Vec<String>,
        started: Instant,
        defer: bool,
    ) -> Rebuild {
        self.render_diags.clear();
        if scope != Scope::Nothing {
            self.owed.derived = true;
        }
        let blocked = self.errors_before_derived();
        if blocked {
            // `build` derives nothing from a handbook with errors.
            self.derived_diags.clear();
        }
        let mut diagnostics = self.diagnostics();
        let mut pages_rendered = 0;
        let mut delta = None;
        let nothing_owed = scope == Scope::Nothing && !self.owed.all && self.owed.docs.is_empty();
        if !blocked && !nothing_owed {
            let site = self.owed.all || (self.owed.site_pages && !defer);
            match self.render(Docs::Owed, site) {
                Ok((d, n)) => {
                    delta = Some(d);
                    pages_rendered = n;
                }
                Err(n) => {
                    pages_rendered = n;
                    diagnostics = self.diagnostics();
                }
            }
        } else if nothing_owed && !diagnostics.iter().any(Diagnostic::is_error) {
            delta = Some(Delta::default());
        }
        self.has_errors = self.errors_before_derived();
        Rebuild {
            diagnostics: Arc::new(diagnostics),
            delta,
            scope,
            markdown_rendered,
            pages_rendered,
            docs_changed,
            elapsed: started.elapsed(),
            phases: self.laps.take(),
            step: Step::Update,
        }
    }

    /// Renders `docs` — the owed documents' pages ([`Docs::Owed`]: every page when
    /// everything is owed, plus the static files when those or the set of pages changed),
    /// a slice of the sweep, or none — and, with `site`, the pages about the whole
    /// handbook, then diffs the result against the last good site. Pages whose context is
    /// the one they were served from are not rendered ([`Fingerprints`]). On a template
    /// error, renders every page (as `build` does, so that the same errors are reported)
    /// and returns `Err` with the number of pages rendered.
    fn render(&mut self, docs: Docs, site: bool) -> Result<(Delta, usize), usize> {
        let Some(tera) = &self.tera else {
            return Err(0);
        };
        let hb = &self.handbook;
        let owed_docs = matches!(docs, Docs::Owed);
        let ids: Vec<DocId> = match docs {
            Docs::Owed if self.owed.all => (0..hb.docs.len()).collect(),
            Docs::Owed => self
                .owed
                .docs
                .iter()
                .filter_map(|p| hb.by_path.get(p).copied())
                .collect(),
            Docs::Ids(ids) => ids,
            Docs::None => Vec::new(),
        };
        let ui_text = crate::ui_text::UiTexts::new(&hb.config.ui_text);
        let renderer = Renderer {
            handbook: hb,
            rendered: &self.rendered,
            backlinks: &self.backlinks,
            tera,
            health: &self.health,
            options: self.settings.render,
            nav: std::mem::take(&mut self.nav),
            last_changed: Default::default(),
            fingerprints: Some(&self.fingerprints),
            bodies: None,
            ui_text: &ui_text,
        };
        self.laps.lap("diagnostics");
        let (pages, site_pages) = rayon::join(
            || {
                ids.par_iter()
                    .filter_map(|&id| renderer.doc_page(id))
                    .collect::<Vec<_>>()
            },
            || {
                if site {
                    Some(renderer.site_pages())
                } else {
                    None
                }
            },
        );
        // Kept for the next render, until a document changes.
        self.nav = renderer.nav;
        let site_page_paths: Option<HashSet<String>> = site_pages.as_ref().map(|pages| {
            pages
                .iter()
                .filter_map(|r| r.as_ref().ok().map(|f| f.path.clone()))
                .collect()
        });
        let mut diags = Vec::new();
        let mut files: Vec<OutputFile> = Vec::with_capacity(pages.len());
        crate::render::collect_pages(
            pages.into_iter().chain(site_pages.into_iter().flatten()),
            &mut files,
            &mut diags,
        );
        let rendered_count = files
            .iter()
            .filter(|f| f.contents != FileContents::Unchanged)
            .count()
            + diags.len();
        self.laps.lap("render");
        let full = owed_docs && (self.owed.all || self.owed.structure || self.owed.static_files);
        if full {
            let statics = render::static_files(&self.root, hb, &self.theme);
            self.static_paths = statics.iter().map(|f| f.path.clone()).collect();
            files.extend(statics);
        }
        let fresh = self.fingerprints.take_fresh();
        if diags.iter().any(Diagnostic::is_error) {
            if !(self.owed.all && owed_docs && site) {
                self.owed.all = true;
                self.owed.site_pages = true;
                return self.render(Docs::Owed, true);
            }
            self.render_diags = diags;
            return Err(rendered_count);
        }
        self.render_diags = diags;

        let hb = &self.handbook;
        let old_site_pages = &self.site_page_paths;
        let removed: Vec<String> = if full {
            // Everything the site has now, to find what disappeared.
            let mut expected: HashSet<&str> = hb
                .docs
                .iter()
                .filter(|d| !matches!(&d.kind, DocKind::Page(p) if p.is_home))
                .map(|d| d.url.as_str())
                .collect();
            expected.extend(self.static_paths.iter().map(String::as_str));
            expected.extend(self.derived_paths.iter().map(String::as_str));
            expected.extend(files.iter().map(|f| f.path.as_str()));
            if site_page_paths.is_none() {
                // Not rendered this time: they stay until they are.
                expected.extend(old_site_pages.iter().map(String::as_str));
            }
            self.site
                .keys()
                .filter(|k| !expected.contains(k.as_str()))
                .cloned()
                .collect()
        } else if let Some(new) = &site_page_paths {
            // The same documents: only a page about the whole handbook can have gone.
            old_site_pages
                .iter()
                .filter(|p| !new.contains(*p))
                .cloned()
                .collect()
        } else {
            Vec::new()
        };
        if let Some(new) = site_page_paths {
            self.site_page_paths = new;
            self.owed.site_pages = false;
        }

        let delta = self.apply(files, removed);
        for (path, hash) in fresh {
            if self.site.contains_key(&path) {
                self.fingerprints.served(path, hash);
            }
        }
        self.laps.lap("diff");
        if owed_docs {
            let all = self.owed.all;
            self.owed = Owed {
                derived: self.owed.derived,
                site_pages: self.owed.site_pages,
                // Every page was just checked against its context.
                sweep: if all { None } else { self.owed.sweep },
                ..Owed::default()
            };
        }
        Ok((delta, rendered_count))
    }

    /// Puts new files into the site; returns those that differ, and the removed paths.
    fn apply(&mut self, files: Vec<OutputFile>, mut removed: Vec<String>) -> Delta {
        let mut delta = Delta::default();
        for f in files {
            let Some(body) = Body::new(f.contents) else {
                continue;
            };
            let touched = matches!(&body, Body::File(p) if self.owed.touched.contains(p));
            if touched || self.site.get(&f.path) != Some(&body) {
                // A file copied where a page was (an HTML page that lost its front
                // matter): the page rendered there before is no longer what is served.
                if matches!(body, Body::File(_)) {
                    self.fingerprints.forget(&f.path);
                }
                self.site.insert(f.path.clone(), body.clone());
                delta.changed.push((f.path, body));
            }
        }
        for r in &removed {
            self.site.remove(r);
            self.fingerprints.forget(r);
        }
        delta.changed.sort_by(|a, b| a.0.cmp(&b.0));
        removed.sort();
        delta.removed = removed;
        delta
    }

    /// Whether the derived files are out of date and can be rebuilt (see
    /// [`Self::refresh_derived`]): never while the handbook has errors.
    fn derived_owed(&self) -> bool {
        self.owed.derived && !self.has_errors
    }

    /// Whether [`Self::refresh_deferred`] has work to do.
    pub fn deferred_owed(&self) -> bool {
        (self.owed.sweep.is_some()
            || self.owed.site_pages
            || self.owed.derived
            || self.health_stale
            || self.nav_stale)
            && !self.has_errors
    }

    /// Brings the health up to date after an update that left it stale (see
    /// [`Model::health_stale`]).
    fn refresh_health(&mut self) {
        if self.health_stale {
            self.health = crate::health::compute(&self.handbook, crate::clock::today());
            self.health_stale = false;
            // An update that rendered everything rendered these with the old health.
            self.owed.site_pages = true;
            self.laps.lap("health");
        }
    }

    /// Does the next piece of work an update left for later, and returns its outcome:
    /// first every document's page checked against its context ([`SWEEP_CHUNK`] pages at a
    /// time, for about [`SWEEP_BUDGET`]), then the pages about the whole handbook (indexes,
    /// org map, health, feeds…), then the derived files. An update renders only the pages
    /// of the documents it touched, so that the page being edited is served at once; the
    /// server calls this while no other change is waiting, so a new edit waits for one
    /// step at most. `None` when nothing is left or the handbook has errors.
    pub fn refresh_deferred(&mut self) -> Option<Rebuild> {
        if self.has_errors {
            return None;
        }
        let started = Instant::now();
        self.laps.take();
        self.refresh_health();
        if self.nav_stale {
            self.nav = Default::default();
            self.nav_stale = false;
            // An update that rendered everything rendered these with the old navigation.
            self.owed.site_pages = true;
        }
        if self.owed.sweep.is_none() && !self.owed.site_pages {
            return self.refresh_derived();
        }
        let mut delta = Delta::default();
        let mut pages_rendered = 0;
        let mut outcome = Ok(());
        let step = if self.owed.sweep.is_some() {
            Step::Sweep
        } else {
            Step::SitePages
        };
        if step == Step::Sweep {
            while let Some(from) = self.owed.sweep {
                let to = (from + SWEEP_CHUNK).min(self.sweep_order.len());
                let ids = self.sweep_order[from..to].to_vec();
                match self.render(Docs::Ids(ids), false) {
                    Ok((d, n)) => {
                        delta.changed.extend(d.changed);
                        delta.removed.extend(d.removed);
                        pages_rendered += n;
                    }
                    Err(n) => {
                        pages_rendered += n;
                        outcome = Err(());
                        break;
                    }
                }
                self.owed.sweep = (to < self.sweep_order.len()).then_some(to);
                if started.elapsed() >= SWEEP_BUDGET {
                    break;
                }
            }
        } else {
            match self.render(Docs::None, true) {
                Ok((d, n)) => {
                    delta = d;
                    pages_rendered = n;
                }
                Err(n) => {
                    pages_rendered = n;
                    outcome = Err(());
                }
            }
        }
        self.has_errors = self.errors_before_derived();
        let mut phases = self.laps.take();
        if step == Step::Sweep {
            self.sweep_elapsed += started.elapsed();
        } else {
            phases.push(("sweep", std::mem::take(&mut self.sweep_elapsed)));
        }
        Some(Rebuild {
            diagnostics: Arc::new(self.diagnostics()),
            delta: outcome.ok().map(|()| delta),
            scope: Scope::Edit,
            markdown_rendered: 0,
            pages_rendered,
            docs_changed: Vec::new(),
            elapsed: started.elapsed(),
            phases,
            step,
        })
    }

    /// Rebuilds the derived files ([`crate::site::derived_files`]: the search index…).
    /// Separate from [`Self::update`] because they are built from the whole handbook, and
    /// slower than the few pages an edit affects: the server publishes the pages first
    /// and derives when no other change is waiting. `None` when nothing is owed or the
    /// handbook has errors.
    fn refresh_derived(&mut self) -> Option<Rebuild> {
        if !self.derived_owed() {
            return None;
        }
        let started = Instant::now();
        let mut diags = Vec::new();
        let files = crate::site::derived_files(&self.handbook, &self.rendered, &mut diags);
        self.owed.derived = false;
        self.derived_diags = diags;
        let diagnostics = self.diagnostics();
        let mut rebuild = Rebuild {
            diagnostics: Arc::new(diagnostics),
            delta: None,
            scope: Scope::Edit,
            markdown_rendered: 0,
            pages_rendered: 0,
            docs_changed: Vec::new(),
            elapsed: Duration::ZERO,
            phases: Vec::new(),
            step: Step::Derived,
        };
        if rebuild.diagnostics.iter().any(Diagnostic::is_error) {
            rebuild.elapsed = started.elapsed();
            return Some(rebuild);
        }
        let new_paths: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
        let keep: HashSet<&str> = new_paths.iter().map(String::as_str).collect();
        // A path no longer derived may be a document's page now (a team's page that gave
        // way to a charter is a page again where its redirect was): the page stays.
        let removed = self
            .derived_paths
            .iter()
            .filter(|p| !keep.contains(p.as_str()) && !self.handbook.by_url.contains_key(*p))
            .cloned()
            .collect();
        self.derived_paths = new_paths;
        rebuild.delta = Some(self.apply(files, removed));
        rebuild.elapsed = started.elapsed();
        Some(rebuild)
    }
}

/// The order in which the sweep checks documents' pages after a change to `changed`:
/// which pages show what is the pages' own business (their contexts), but the pages most
/// likely to have changed are checked first, so they are published soonest — those linked
/// to or from a changed document, then by how much of the folder path they share with one
/// (a team's charter `teams/shipping.md` is named like the folder of its teams), then the
/// rest. Any order gives the same site; this one only gives it sooner.
/// What a document's id depends on: the documents' paths in order. Equal keys mean every
/// id names the same document, so what was built from ids (the navigation) is not
/// misread.
fn doc_ids_key(hb: &Handbook) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    hb.docs.len().hash(&mut h);
    for d in &hb.docs {
        d.source.path.hash(&mut h);
    }
    h.finish()
}

fn sweep_order(
    hb: &Handbook,
    rendered: &[Rendered],
    backlinks: &[Vec<DocId>],
    changed: &[DocId],
) -> Vec<DocId> {
    let mut linked = HashSet::new();
    for &id in changed {
        if let Some(r) = rendered.get(id) {
            linked.extend(r.links.iter().filter_map(|l| l.target));
        }
        linked.extend(backlinks.get(id).into_iter().flatten().copied());
    }
    let segments = |path: &str| -> Vec<String> {
        let stem = load::page_stem(path);
        stem.split('/').map(str::to_string).collect()
    };
    let folders: Vec<Vec<String>> = changed
        .iter()
        .map(|&id| {
            let mut s = segments(&hb.docs[id].source.path);
            s.pop();
            s
        })
        .collect();
    let mut keyed: Vec<(bool, std::cmp::Reverse<usize>, DocId)> = (0..hb.docs.len())
        .map(|id| {
            let own = segments(&hb.docs[id].source.path);
            let shared = folders
                .iter()
                .map(|f| f.iter().zip(&own).take_while(|(a, b)| a == b).count())
                .max()
                .unwrap_or(0);
            (!linked.contains(&id), std::cmp::Reverse(shared), id)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, id)| id).collect()
}

/// For each changed path under `content_dir`, the files there now (relative path →
/// `Some(absolute path)`) and the known files that are gone (→ `None`). A folder stands
/// for everything below it: editors and `git checkout` create and delete whole trees.
/// Uses the same walk as `load::list_content` ([`crate::text::walk`]: hidden files, editor
/// droppings, and symlinks, which the walk does not follow) and the same rule for other
/// generators' machinery ([`crate::load::machinery`]).
fn current_files(
    content_dir: &Path,
    paths: &BTreeSet<PathBuf>,
    known: &[String],
) -> BTreeMap<String, Option<PathBuf>> {
    let mut now = BTreeMap::new();
    // What the Logseq graphs around the changed paths hide (`load::logseq::Hidden`).
    let mut hidden = load::logseq::Hidden::default();
    for p in paths {
        let Ok(rel_path) = p.strip_prefix(content_dir) else {
            continue;
        };
        let rel = display_path(Path::new(""), rel_path);
        // A graph's settings changed: what it hides may have, anywhere in it.
        let (p, rel) = match load::logseq::graph_root(&rel) {
            Some(root) => (content_dir.join(root), root.to_string()),
            None => (p.clone(), rel),
        };
        let p = &p;
        hidden.extend(load::logseq::Hidden::of(content_dir, p, &[]));
        if !rel.is_empty() && is_ignored_path(&rel) {
            continue;
        }
        let prefix = if rel.is_empty() {
            String::new()
        } else {
            format!("{rel}/")
        };
        let gone_below = |now: &mut BTreeMap<String, Option<PathBuf>>| {
            for k in known.iter().filter(|k| k.starts_with(&prefix)) {
                now.entry(k.clone()).or_insert(None);
            }
        };
        match std::fs::symlink_metadata(p) {
            Ok(m) if m.is_dir() => {
                for (r, abs) in files_under(p) {
                    let r = format!("{prefix}{r}");
                    if !machinery::is_skipped_file(&r) && !machinery::is_docsify_loader(&r, &abs) {
                        now.insert(r, Some(abs));
                    }
                }
                gone_below(&mut now);
            }
            Ok(m) if m.is_file() && !rel.is_empty() => {
                if machinery::is_docsify_loader(&rel, p) {
                    // An index.html edited into docsify's loader leaves the site.
                    now.insert(rel, None);
                } else if !machinery::is_skipped_file(&rel) {
                    now.insert(rel, Some(p.clone()));
                }
            }
            _ => {
                if !rel.is_empty() {
                    now.insert(rel, None);
                }
                gone_below(&mut now);
            }
        }
    }
    // The settings of a graph found below a changed folder count too; what they hide
    // leaves the site, as the build's walk leaves it out.
    let configs: Vec<(PathBuf, String)> = now
        .iter()
        .filter(|(r, _)| load::logseq::graph_root(r).is_some())
        .filter_map(|(r, a)| Some((a.clone()?, r.clone())))
        .collect();
    hidden.extend(load::logseq::Hidden::of(content_dir, content_dir, &configs));
    if !hidden.is_empty() {
        for (rel, abs) in now.iter_mut() {
            if hidden.covering(rel).is_some() {
                *abs = None;
            }
        }
    }
    now
}

#[cfg(test)]
mod merge_tests {
    use super::*;

    #[test]
    fn documents_added_at_once_land_where_inserting_each_would_put_them() {
        let existing = ["a/b.md", "a/d/x.md", "a/d.md", "a-c.md", "c.md", "z/y.md"];
        let mut docs: Vec<String> = existing.iter().map(|p| p.to_string()).collect();
        docs.sort_by(|a, b| walk_order(a, b));
        let added: Vec<String> = [
            "a/c.md",
            "0.md",
            "a/d/a.md",
            "zz.md",
            "a-b.md",
            "a/d/z/q.md",
        ]
        .iter()
        .map(|p| p.to_string())
        .collect();
        let mut one_by_one = docs.clone();
        for doc in added.clone() {
            let i = one_by_one
                .binary_search_by(|d| walk_order(d, &doc))
                .unwrap_or_else(|i| i);
            one_by_one.insert(i, doc);
        }
        assert_eq!(
            merged_in_walk_order(docs, added, |d| d.as_str()),
            one_by_one
        );
    }
}
