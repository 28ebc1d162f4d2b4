//! The dev server's build: the stages of [`crate::site::build`], keeping every intermediate
//! result (the linked handbook, each document's rendered Markdown, each stage's
//! diagnostics, the last good site) so that a change re-runs only what it affects.
//!
//! A content edit re-reads only the changed files, re-links the handbook in memory (cheap:
//! no disk, no Markdown), re-renders the Markdown of the changed documents, and re-renders
//! the pages [`super::deps`] says show them plus the pages about the whole handbook. Adding,
//! removing or breaking a file re-renders all Markdown (links may now resolve differently)
//! but still only the pages whose inputs changed. Config and template changes rebuild
//! everything. While the handbook has errors nothing is rendered: the last good site stays
//! up, and the pages owed are remembered until the errors are fixed.
//!
//! `tests.rs` holds this to the promise that matters: after any sequence of changes, the
//! site and diagnostics equal what a fresh `site::build` gives.

use super::deps;
use crate::config::{self, Config};
use crate::diagnostic::{self, Diagnostic, display_path};
use crate::health::{self, Health};
use crate::link;
use crate::load::{self, CONTENT_DIR, FileClass, Loaded};
use crate::markdown::{self, Rendered};
use crate::model::{DocId, DocKind, Handbook};
use crate::render::{self, FileContents, OutputFile, RenderOptions, Renderer, theme};
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

impl From<FileContents> for Body {
    fn from(c: FileContents) -> Body {
        match c {
            FileContents::Bytes(b) => Body::Bytes(b.into()),
            FileContents::Static(b) => Body::Static(b),
            FileContents::Copy(p) => Body::File(p),
        }
    }
}

/// What changed on disk since the last update, as sorted out by the watcher.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// `orgbook.toml`.
    pub config: bool,
    /// Anything under `templates/` or `themes/`.
    pub theme: bool,
    /// Paths under `static/`.
    pub static_files: BTreeSet<PathBuf>,
    /// Paths under `content/`: files or folders, changed, created or gone.
    pub content: BTreeSet<PathBuf>,
    /// Events were lost (or too many to sort out): re-read everything.
    pub rescan: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.config
            && !self.theme
            && !self.rescan
            && self.static_files.is_empty()
            && self.content.is_empty()
    }

    pub fn merge(&mut self, other: Changes) {
        self.config |= other.config;
        self.theme |= other.theme;
        self.rescan |= other.rescan;
        self.static_files.extend(other.static_files);
        self.content.extend(other.content);
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
}

/// How far a change reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Nothing that affects the site (e.g. a file saved unchanged).
    Nothing,
    /// Edits to existing documents: only their Markdown and the pages that show them.
    Edit,
    /// Files added, removed or unreadable: all Markdown re-checked, changed pages rendered.
    Structure,
    /// Config, templates or lost events: everything from disk.
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
    /// Source paths of documents whose pages must be rendered.
    docs: BTreeSet<String>,
    static_files: bool,
    /// Files on disk that changed in place: their output must be re-sent.
    touched: BTreeSet<PathBuf>,
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
    options: RenderOptions,
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
    rendered: Vec<Rendered>,
    /// Markdown diagnostics (broken links) per document.
    md_diags: Vec<Vec<Diagnostic>>,
    anchor_diags: Vec<Diagnostic>,
    backlinks: Vec<Vec<DocId>>,
    render_diags: Vec<Diagnostic>,
    /// The last good site, as served.
    site: HashMap<String, Body>,
    static_paths: Vec<String>,
    owed: Owed,
}

fn read_inputs(root: &Path) -> Inputs {
    let (config, config_diags) = match config::load(root) {
        Ok((c, _)) => (c, Vec::new()),
        // As `build`: without a valid config the rest is still checked, with defaults.
        Err(d) => (
            Config {
                title: "Handbook".into(),
                ..Config::default()
            },
            d,
        ),
    };
    let ((theme, tera, theme_diags), (loaded, diags)) = rayon::join(
        || {
            let mut d = Vec::new();
            let theme = theme::load(root, &config.theme, &mut d);
            let tera = theme::compile(&theme, &mut d);
            (theme, tera, d)
        },
        || {
            let mut d = Vec::new();
            let loaded = load::load(root, &mut d);
            (loaded, d)
        },
    );
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

/// Orders `/`-separated paths as `load` lists them (a depth-first walk sorted by file
/// name): segment by segment. Plain string order differs (`a-b.md` < `a/b.md`).
fn walk_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.split('/').cmp(b.split('/'))
}

fn link_stage(config: Config, loaded: Loaded) -> (Handbook, Health, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let handbook = link::resolve(config, loaded, &mut diags);
    let health = health::compute(&handbook, crate::clock::today());
    diags.extend(health::policy_errors(&handbook, &health));
    (handbook, health, diags)
}

fn markdown_one(hb: &Handbook, id: DocId) -> (Rendered, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let r = markdown::render(hb, id, &mut d);
    (r, d)
}

fn markdown_all(hb: &Handbook) -> (Vec<Rendered>, Vec<Vec<Diagnostic>>) {
    (0..hb.docs.len())
        .into_par_iter()
        .map(|id| markdown_one(hb, id))
        .unzip()
}

impl Model {
    /// Builds everything from disk, like `orgbook build`, keeping what later updates reuse.
    pub fn new(root: &Path, options: RenderOptions) -> (Model, Rebuild) {
        let started = Instant::now();
        let mut model = Model::read(root, options);
        let markdown_rendered = model.rendered.len();
        let rebuild = model.finish(Scope::Full, markdown_rendered, Vec::new(), started);
        (model, rebuild)
    }

    /// Runs every stage up to rendering, from disk; every page is owed.
    fn read(root: &Path, options: RenderOptions) -> Model {
        let inputs = read_inputs(root);
        let (handbook, health, link_diags) = link_stage(inputs.config, inputs.loaded);
        let (rendered, md_diags) = markdown_all(&handbook);
        let mut model = Model {
            root: root.to_path_buf(),
            options,
            config_diags: inputs.config_diags,
            theme: inputs.theme,
            tera: inputs.tera,
            theme_diags: inputs.theme_diags,
            load_diags: inputs.load_diags,
            handbook,
            link_diags,
            health,
            rendered,
            md_diags,
            anchor_diags: Vec::new(),
            backlinks: Vec::new(),
            render_diags: Vec::new(),
            site: HashMap::new(),
            static_paths: Vec::new(),
            owed: Owed {
                all: true,
                static_files: true,
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
    pub fn update(&mut self, changes: &Changes) -> Rebuild {
        let started = Instant::now();
        if changes.config || changes.theme || changes.rescan {
            return self.reload(started);
        }
        let mut scope = Scope::Nothing;
        let mut markdown_rendered = 0;
        let mut docs_changed = Vec::new();
        if !changes.content.is_empty() {
            (scope, markdown_rendered, docs_changed) = self.update_content(&changes.content);
        }
        if !changes.static_files.is_empty() {
            self.owed.static_files = true;
            self.owed.touched.extend(changes.static_files.iter().cloned());
            scope = scope.max_with(Scope::Edit);
        }
        self.finish(scope, markdown_rendered, docs_changed, started)
    }

    /// Re-reads everything (config or templates changed, or events were lost) but keeps
    /// the last good site, so what is published is still only what changed.
    fn reload(&mut self, started: Instant) -> Rebuild {
        let mut fresh = Model::read(&self.root, self.options);
        fresh.site = std::mem::take(&mut self.site);
        fresh.static_paths = std::mem::take(&mut self.static_paths);
        *self = fresh;
        let docs = self.rendered.len();
        self.finish(Scope::Full, docs, Vec::new(), started)
    }

    /// Paths under content/ (relative to it) the model knows: documents, unparsed files,
    /// assets.
    fn known_content(&self) -> Vec<String> {
        let strip = |p: &String| p.strip_prefix("content/").map(str::to_string);
        self.handbook
            .docs
            .iter()
            .filter_map(|d| strip(&d.source.path))
            .chain(self.handbook.unparsed.iter().filter_map(strip))
            .chain(self.handbook.assets.iter().cloned())
            .collect()
    }

    /// Re-reads the changed paths under content/ and brings the handbook up to date.
    /// Returns the scope, how many documents' Markdown was rendered, and the changed
    /// documents.
    fn update_content(&mut self, paths: &BTreeSet<PathBuf>) -> (Scope, usize, Vec<String>) {
        let content_dir = self.root.join(CONTENT_DIR);
        let now = current_files(&content_dir, paths, &self.known_content());

        // Read and parse what is there now (in parallel: a checkout touches many files).
        let parsed: Vec<(String, Option<PathBuf>, Option<crate::model::Doc>, Vec<Diagnostic>)> =
            now.into_par_iter()
                .map(|(rel, abs)| {
                    let mut d = Vec::new();
                    let doc = match &abs {
                        Some(p) if load::classify(&rel) != FileClass::Asset => {
                            load::load_file(p, &rel, &mut d)
                        }
                        _ => None,
                    };
                    (rel, abs, doc, d)
                })
                .collect();

        let hb = &self.handbook;
        let mut structural = false;
        let mut replaced: Vec<crate::model::Doc> = Vec::new();
        let mut added: Vec<crate::model::Doc> = Vec::new();
        let mut removed: HashSet<String> = HashSet::new();
        let mut unparsed = hb.unparsed.clone();
        let mut assets = hb.assets.clone();
        let mut changed: Vec<String> = Vec::new();
        for (rel, abs, doc, diags) in parsed {
            let path = format!("{CONTENT_DIR}/{rel}");
            if load::classify(&rel) == FileClass::Asset {
                let pos = assets.binary_search_by(|a| walk_order(a, &rel));
                match (abs, pos) {
                    (Some(_), Ok(_)) => {
                        // Same asset, new bytes: only its URL needs re-sending.
                        self.owed.touched.insert(content_dir.join(&rel));
                    }
                    (Some(_), Err(i)) => {
                        assets.insert(i, rel);
                        structural = true;
                    }
                    (None, Ok(i)) => {
                        assets.remove(i);
                        structural = true;
                    }
                    (None, Err(_)) => {}
                }
                continue;
            }
            if diags.is_empty() {
                self.load_diags.remove(&path);
            } else {
                self.load_diags.insert(path.clone(), diags);
            }
            let old = hb.by_path.get(&path).map(|&id| &hb.docs[id]);
            let was_unparsed = unparsed.contains(&path);
            match (doc, old) {
                (Some(doc), Some(old)) => {
                    if doc.source.text != old.source.text {
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
                    if abs.is_some() {
                        // Present but unreadable: references to it are not reported again.
                        structural |= unparsed.insert(path);
                    } else if was_unparsed {
                        unparsed.remove(&path);
                        structural = true;
                    }
                }
            }
        }
        if changed.is_empty() && !structural {
            return (Scope::Nothing, 0, changed);
        }

        // What the pages show of the changed documents, before the change.
        let mut owed = BTreeSet::new();
        let mut old_faces = HashMap::new();
        for path in &changed {
            if let Some(&id) = hb.by_path.get(path) {
                deps::dependents(hb, &self.rendered, &self.backlinks, id, false, &mut owed);
                // The teams below it matter only if its name or parent changes.
                let mut deep = BTreeSet::new();
                deps::dependents(hb, &self.rendered, &self.backlinks, id, true, &mut deep);
                old_faces.insert(path.clone(), (deps::face(hb, id), deep));
            }
        }
        // Structural changes re-render all Markdown; keep the old results to compare.
        let old_paths: Vec<String> = if structural {
            hb.docs.iter().map(|d| d.source.path.clone()).collect()
        } else {
            Vec::new()
        };

        // Apply the changes to the documents, keeping load order.
        let mut docs = std::mem::take(&mut self.handbook.docs);
        for doc in replaced {
            let id = self.handbook.by_path[&doc.source.path];
            docs[id] = doc;
        }
        let old_rendered = std::mem::take(&mut self.rendered);
        let old_md_diags = std::mem::take(&mut self.md_diags);
        if structural {
            docs.retain(|d| !removed.contains(&d.source.path));
            for doc in added {
                let i = docs
                    .binary_search_by(|d| walk_order(&d.source.path, &doc.source.path))
                    .unwrap_or_else(|i| i);
                docs.insert(i, doc);
            }
        }
        let loaded = Loaded {
            docs,
            assets,
            unparsed: unparsed.into_iter().collect(),
        };
        let config = std::mem::take(&mut self.handbook.config);
        let old_backlinks = std::mem::take(&mut self.backlinks);
        let (handbook, health, link_diags) = link_stage(config, loaded);
        self.handbook = handbook;
        self.health = health;
        self.link_diags = link_diags;
        let hb = &self.handbook;

        let markdown_rendered;
        let mut ids_to_check: Vec<DocId> = Vec::new();
        if structural {
            (self.rendered, self.md_diags) = markdown_all(hb);
            markdown_rendered = self.rendered.len();
            // A document whose text did not change can still render differently: a link
            // to an added file resolves, one to a removed file breaks.
            let old: HashMap<&str, &Rendered> = old_paths
                .iter()
                .map(String::as_str)
                .zip(old_rendered.iter())
                .collect();
            for (id, r) in self.rendered.iter().enumerate() {
                let path = hb.docs[id].source.path.as_str();
                match old.get(path) {
                    Some(o) if o.html == r.html && o.leading_h1 == r.leading_h1 => {}
                    Some(o) => {
                        ids_to_check.push(id);
                        // Its old link targets lose it from their backlinks.
                        for t in o.links.iter().filter_map(|l| l.target) {
                            if let Some(p) = old_paths.get(t) {
                                owed.insert(p.clone());
                            }
                        }
                    }
                    None => ids_to_check.push(id),
                }
            }
        } else {
            self.rendered = old_rendered;
            self.md_diags = old_md_diags;
            let ids: Vec<DocId> = changed.iter().filter_map(|p| hb.by_path.get(p).copied()).collect();
            let results: Vec<(Rendered, Vec<Diagnostic>)> =
                ids.par_iter().map(|&id| markdown_one(hb, id)).collect();
            markdown_rendered = ids.len();
            for (&id, (r, d)) in ids.iter().zip(results) {
                self.rendered[id] = r;
                self.md_diags[id] = d;
            }
            ids_to_check = ids;
        }
        drop(old_backlinks);
        self.after_markdown();

        // What the pages show of them now.
        let hb = &self.handbook;
        for path in &changed {
            let old = old_faces.remove(path);
            let now = hb.by_path.get(path).map(|&id| (id, deps::face(hb, id)));
            let deep = old.as_ref().map(|(f, _)| f) != now.as_ref().map(|(_, f)| f);
            if let Some((id, _)) = now {
                deps::dependents(hb, &self.rendered, &self.backlinks, id, deep, &mut owed);
            }
            if deep && let Some((_, below)) = old {
                owed.extend(below);
            }
        }
        for id in ids_to_check {
            if !changed.contains(&hb.docs[id].source.path) {
                deps::dependents(hb, &self.rendered, &self.backlinks, id, false, &mut owed);
            }
        }
        self.owed.docs.extend(owed);
        if structural {
            // Assets and the set of pages changed: recompute the copied files too.
            self.owed.static_files = true;
        }
        let scope = if structural {
            Scope::Structure
        } else {
            Scope::Edit
        };
        (scope, markdown_rendered, changed)
    }

    /// The stages after Markdown: page titles, anchors, backlinks.
    fn after_markdown(&mut self) {
        crate::site::fill_page_titles(&mut self.handbook, &self.rendered);
        self.anchor_diags.clear();
        link::check_anchors(&self.handbook, &self.rendered, &mut self.anchor_diags);
        self.backlinks = link::backlinks(&self.handbook, &self.rendered);
    }

    /// Every diagnostic, sorted as `build` sorts them.
    fn diagnostics(&self) -> Vec<Diagnostic> {
        let mut all: Vec<Diagnostic> = self
            .config_diags
            .iter()
            .chain(&self.theme_diags)
            .chain(self.load_diags.values().flatten())
            .chain(&self.link_diags)
            .chain(self.md_diags.iter().flatten())
            .chain(&self.anchor_diags)
            .chain(&self.render_diags)
            .cloned()
            .collect();
        diagnostic::sort(&mut all);
        all
    }

    /// Renders what is owed, if the handbook has no errors, and works out what changed.
    fn finish(
        &mut self,
        scope: Scope,
        markdown_rendered: usize,
        docs_changed: Vec<String>,
        started: Instant,
    ) -> Rebuild {
        self.render_diags.clear();
        let mut diagnostics = self.diagnostics();
        let mut pages_rendered = 0;
        let mut delta = None;
        let nothing_owed = scope == Scope::Nothing && !self.owed.all && self.owed.docs.is_empty();
        if !diagnostics.iter().any(Diagnostic::is_error) && !nothing_owed {
            match self.render() {
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
        Rebuild {
            diagnostics: Arc::new(diagnostics),
            delta,
            scope,
            markdown_rendered,
            pages_rendered,
            docs_changed,
            elapsed: started.elapsed(),
        }
    }

    /// Renders the owed pages, the pages about the whole handbook and the derived files,
    /// and diffs them against the last good site. On a template error, renders every page
    /// (as `build` does, so the same errors are reported) and returns `Err`.
    fn render(&mut self) -> Result<(Delta, usize), usize> {
        let Some(tera) = &self.tera else {
            return Err(0);
        };
        let hb = &self.handbook;
        let renderer = Renderer {
            handbook: hb,
            rendered: &self.rendered,
            backlinks: &self.backlinks,
            tera,
            health: &self.health,
            options: self.options,
        };
        let ids: Vec<DocId> = if self.owed.all {
            (0..hb.docs.len()).collect()
        } else {
            self.owed
                .docs
                .iter()
                .filter_map(|p| hb.by_path.get(p).copied())
                .collect()
        };
        let (pages, site_pages) = rayon::join(
            || {
                ids.par_iter()
                    .filter_map(|&id| renderer.doc_page(id))
                    .collect::<Vec<_>>()
            },
            || renderer.site_pages(),
        );
        let mut diags = Vec::new();
        let mut files: Vec<OutputFile> = Vec::with_capacity(pages.len() + site_pages.len());
        let mut seen = BTreeSet::new();
        for result in pages.into_iter().chain(site_pages) {
            match result {
                Ok(f) => files.push(f),
                Err(d) => {
                    if seen.insert(d.message.clone()) {
                        diags.push(d);
                    }
                }
            }
        }
        let rendered_count = files.len() + diags.len();
        if self.owed.static_files || self.owed.all {
            let statics = render::static_files(&self.root, hb, &self.theme);
            self.static_paths = statics.iter().map(|f| f.path.clone()).collect();
            files.extend(statics);
        }
        files.extend(crate::site::derived_files(hb, &self.rendered, &mut diags));
        if diags.iter().any(Diagnostic::is_error) {
            if !self.owed.all {
                self.owed.all = true;
                return self.render();
            }
            self.render_diags = diags;
            return Err(rendered_count);
        }
        self.render_diags = diags;

        // Everything the site has now, to find what disappeared.
        let mut expected: HashSet<&str> = hb
            .docs
            .iter()
            .filter(|d| !matches!(&d.kind, DocKind::Page(p) if p.is_home))
            .map(|d| d.url.as_str())
            .collect();
        expected.extend(self.static_paths.iter().map(String::as_str));
        expected.extend(files.iter().map(|f| f.path.as_str()));
        let removed: Vec<String> = self
            .site
            .keys()
            .filter(|k| !expected.contains(k.as_str()))
            .cloned()
            .collect();

        let mut delta = Delta::default();
        for f in files {
            let body = Body::from(f.contents);
            let touched = matches!(&body, Body::File(p) if self.owed.touched.contains(p));
            if touched || self.site.get(&f.path) != Some(&body) {
                self.site.insert(f.path.clone(), body.clone());
                delta.changed.push((f.path, body));
            }
        }
        for r in &removed {
            self.site.remove(r);
        }
        delta.removed = removed;
        delta.changed.sort_by(|a, b| a.0.cmp(&b.0));
        delta.removed.sort();
        self.owed = Owed::default();
        Ok((delta, rendered_count))
    }
}

impl Scope {
    fn max_with(self, other: Scope) -> Scope {
        let rank = |s: Scope| match s {
            Scope::Nothing => 0,
            Scope::Edit => 1,
            Scope::Structure => 2,
            Scope::Full => 3,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

/// For each changed path under `content_dir`, the files there now (relative path →
/// `Some(absolute path)`) and the known files that are gone (→ `None`). A folder stands
/// for everything below it: editors and `git checkout` create and delete whole trees.
/// Uses the same filters as `load::list_content` (hidden files, editor droppings, and
/// symlinks, which the walk does not follow).
fn current_files(
    content_dir: &Path,
    paths: &BTreeSet<PathBuf>,
    known: &[String],
) -> BTreeMap<String, Option<PathBuf>> {
    let mut now = BTreeMap::new();
    for p in paths {
        let Ok(rel_path) = p.strip_prefix(content_dir) else {
            continue;
        };
        let rel = display_path(Path::new(""), rel_path);
        if !rel.is_empty() && rel.split('/').any(load::is_ignored) {
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
                for entry in walkdir::WalkDir::new(p)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_entry(|e| {
                        e.depth() == 0 || !load::is_ignored(&e.file_name().to_string_lossy())
                    })
                    .flatten()
                {
                    if entry.file_type().is_file() {
                        let r = display_path(content_dir, entry.path());
                        now.insert(r, Some(entry.into_path()));
                    }
                }
                gone_below(&mut now);
            }
            Ok(m) if m.is_file() && !rel.is_empty() => {
                now.insert(rel, Some(p.clone()));
            }
            _ => {
                if !rel.is_empty() {
                    now.insert(rel, None);
                }
                gone_below(&mut now);
            }
        }
    }
    now
}
