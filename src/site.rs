//! The pipeline: its stages as typed values and the functions between them, and the one
//! place they are sequenced.
//!
//! sources ([`load_config`], [`load_sources`]) → [`Linked`] ([`link`]) → [`Marked`]
//! ([`markdown_stage`]: rendered Markdown, anchors, backlinks) → pages and site files
//! ([`site_files`]). [`build`] runs them all for `build` and `check`; `export` stops after
//! [`linked`]; `serve` calls the same stage functions and keeps each one's output, re-running
//! from the earliest stage a change affects. The rule "errors stop before rendering" is
//! [`may_render`], and template diagnostics are de-duplicated in [`render::collect_pages`]. Nothing
//! here writes: `build` writes the result to disk, `check` only reports, `serve` keeps it in
//! memory. `build` runs the stages in their streaming form ([`build_into`]:
//! [`markdown_stage_dropping_bodies`], [`site_files_into`]), which holds neither every
//! Markdown body, nor every body's plain text, nor every page, and gives the same files.

use crate::config::{self, Config};
use crate::diagnostic::{self, Diagnostic};
use crate::link;
use crate::link::Handbook;
use crate::load;
use crate::markdown::{self, Rendered};
use crate::model::DocKind;
use crate::render::{self, OutputFile, RenderOptions, Renderer, theme};
use rayon::prelude::*;
use std::path::Path;
use std::time::Instant;

/// Everything a build produced. `files` is empty when there are errors.
pub struct SiteBuild {
    pub files: Vec<OutputFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub handbook: Option<Handbook>,
    pub health: crate::health::Health,
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

impl SiteBuild {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn count(&self, severity: diagnostic::Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Number of HTML pages among the files.
    pub fn pages(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.path.ends_with(".html"))
            .count()
    }
}

/// Why a folder is not a handbook: the caller prints it with how to start one.
#[derive(Debug, thiserror::Error)]
#[error("no orgbook.toml in {0} (or any parent folder)")]
pub struct NotAHandbook(pub std::path::PathBuf);

/// Finds the handbook root: `start` or the nearest parent holding `orgbook.toml`.
pub fn find_root(start: &Path) -> Result<std::path::PathBuf, NotAHandbook> {
    let abs = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    abs.ancestors()
        // `exists`, not `is_file`: an `orgbook.toml` folder marks the root too, so the
        // config loader can say it must be a file instead of "no orgbook.toml".
        .find(|d| d.join(config::CONFIG_FILE).exists())
        .map(Path::to_path_buf)
        .ok_or(NotAHandbook(abs))
}

/// `orgbook.toml`, or the defaults when it is broken: the rest of the handbook is still
/// checked, so one run reports everything.
pub fn load_config(root: &Path) -> (Config, Vec<Diagnostic>) {
    match config::load(root) {
        Ok((mut c, _)) => {
            if c.language.is_none() {
                c.language = crate::lang::from_generator(root);
            }
            c.language_folders = crate::lang::hugo_folders(&crate::lang::hugo_config(root))
                .or_else(|| crate::lang::docusaurus_folders(root));
            (c, Vec::new())
        }
        Err(d) => (
            Config {
                title: "Handbook".into(),
                ..Config::default()
            },
            d,
        ),
    }
}

/// Everything read from disk besides the config: the theme (compiled) and the content.
pub struct Sources {
    pub theme: theme::Theme,
    pub tera: Option<tera::Tera>,
    pub theme_diags: Vec<Diagnostic>,
    pub loaded: load::Loaded,
    pub load_diags: Vec<Diagnostic>,
}

/// The theme, compiled: the templates' layers (built-in < `themes/<name>/` < `templates/`)
/// and their static files. `serve` calls this alone when only templates changed.
pub fn load_theme(
    root: &Path,
    config: &Config,
) -> (theme::Theme, Option<tera::Tera>, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let theme = theme::load(root, &config.theme, &mut d);
    let tera = theme::compile(&theme, &mut d);
    (theme, tera, d)
}

/// The content: `content/`, the code owners, and the translations a moved-in site keeps
/// outside `content/` (Docusaurus's `i18n/`, with notes on what of it is not published).
fn load_content(root: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> load::Loaded {
    let mut loaded = load::load_with(root, config.language_folders.as_ref(), diags);
    loaded.code_owners = load::code_owners(root, config, diags);
    if let Some(folders) = config.language_folders.as_ref() {
        load::i18n::load_outside(root, folders, &mut loaded, diags);
    }
    diags.extend(crate::lang::docusaurus_notes(
        root,
        config.language_folders.as_ref(),
    ));
    loaded
}

/// Loads the theme and the content in parallel: they are independent.
pub fn load_sources(root: &Path, config: &Config) -> Sources {
    let ((theme, tera, theme_diags), (loaded, load_diags)) = rayon::join(
        || load_theme(root, config),
        || {
            let mut d = Vec::new();
            let loaded = load_content(root, config, &mut d);
            (loaded, d)
        },
    );
    Sources {
        theme,
        tera,
        theme_diags,
        loaded,
        load_diags,
    }
}

/// The link stage's output: the resolved handbook, its health, and the diagnostics of both
/// (health `[policy] deny` errors included).
pub struct Linked {
    pub handbook: Handbook,
    pub health: crate::health::Health,
    pub diags: Vec<Diagnostic>,
}

/// Stage: resolve every reference into a [`Handbook`] and compute its health. Reads only
/// paths and front matter, never Markdown bodies.
pub fn link(config: Config, loaded: load::Loaded) -> Linked {
    link_as_of(config, loaded, crate::clock::today())
}

/// [`link`], with health findings as of `today` (`orgbook diff` compares two revisions
/// on one date).
pub fn link_as_of(config: Config, loaded: load::Loaded, today: jiff::civil::Date) -> Linked {
    let mut diags = Vec::new();
    let handbook = link::resolve(config, loaded, &mut diags);
    let health = crate::health::compute(&handbook, today);
    diags.extend(crate::health::policy_errors(&handbook, &health));
    Linked {
        handbook,
        health,
        diags,
    }
}

/// The Markdown stage's output: every document's body rendered, and what can only be
/// known once every body is (anchors checked, backlinks).
pub struct Marked {
    pub rendered: Vec<Rendered>,
    /// Per document, its Markdown diagnostics (broken links…), in document order.
    pub md_diags: Vec<Vec<Diagnostic>>,
    pub anchor_diags: Vec<Diagnostic>,
    pub backlinks: Vec<Vec<crate::model::DocId>>,
    /// The bodies a large handbook's build holds compressed; their `rendered` HTML is empty.
    pub bodies: render::bodies::Bodies,
}

impl Marked {
    pub fn diags(&self) -> impl Iterator<Item = &Diagnostic> {
        self.md_diags.iter().flatten().chain(&self.anchor_diags)
    }
}

/// Stage: render every body (in parallel), give untitled pages their first heading as a
/// title, then check anchors and collect backlinks.
pub fn markdown_stage(handbook: &mut Handbook) -> Marked {
    let (rendered, md_diags) = markdown_all(handbook);
    after_markdown(handbook, rendered, md_diags)
}

/// Every document's Markdown, in parallel; results and diagnostics in document order.
pub fn markdown_all(handbook: &Handbook) -> (Vec<Rendered>, Vec<Vec<Diagnostic>>) {
    (0..handbook.docs.len())
        .into_par_iter()
        .map(|id| markdown_one(handbook, id))
        .unzip()
}

/// One document's Markdown and its diagnostics.
pub fn markdown_one(handbook: &Handbook, id: crate::model::DocId) -> (Rendered, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let r = markdown::render(handbook, id, &mut d);
    (r, d)
}

/// The steps after every body is rendered: titles, anchors, backlinks.
pub fn after_markdown(
    handbook: &mut Handbook,
    mut rendered: Vec<Rendered>,
    md_diags: Vec<Vec<Diagnostic>>,
) -> Marked {
    fill_page_titles(handbook, &rendered);
    markdown::links::keep_linked_dot_assets(handbook, &rendered);
    markdown::inline_images::collect(handbook, &rendered);
    let anchor_diags = anchors(handbook, &mut rendered);
    let backlinks = markdown::links::backlinks(handbook, &rendered);
    Marked {
        rendered,
        md_diags,
        anchor_diags,
        backlinks,
        bodies: Default::default(),
    }
}

/// Anchors, once every heading id is known: links written against another generator's
/// heading ids are retargeted, then every anchor is checked. `serve` re-runs exactly this
/// when links or headings moved, so the two steps are sequenced here only.
pub fn anchors(handbook: &Handbook, rendered: &mut [Rendered]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    markdown::links::retarget_anchors(handbook, rendered, &mut diags);
    markdown::links::check_anchors(handbook, rendered, &mut diags);
    diags
}

/// The rule every command follows: a handbook with errors is not rendered (the previous
/// site stays as it is), so an error never produces half a site.
pub fn may_render<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> bool {
    !diags.into_iter().any(Diagnostic::is_error)
}

/// Stage: every page and file of the site, from a linked, rendered handbook with no
/// errors. The search index (which depends only on the rendered Markdown) is built beside
/// the pages.
pub fn site_files(
    root: &Path,
    theme: &theme::Theme,
    renderer: &Renderer<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    let ((mut files, page_diags), (derived, derived_diags)) = rayon::join(
        || {
            let mut d = Vec::new();
            (renderer.render_all(&mut d), d)
        },
        || {
            let mut d = Vec::new();
            (
                derived_files(renderer.handbook, renderer.rendered, &mut d),
                d,
            )
        },
    );
    diags.extend(page_diags);
    diags.extend(derived_diags);
    files.extend(render::static_files(root, renderer.handbook, theme));
    files.extend(derived);
    // Every output path claimed once: a collision names both sources.
    diags.extend(crate::claims::check(root, renderer.handbook, &files));
    files
}

/// Stage, streaming: [`site_files`] written into `staging` as they are rendered instead
/// of returned, so a build never holds the whole site in memory. The derived files
/// ([`derived_files`]) come first: the search index's from `index`, analysed by the
/// caller as the bodies were rendered ([`markdown_stage_dropping_bodies`]), each written
/// as soon as it is made; then the redirects. The pages about the whole handbook are
/// written as each group of them is rendered. Of every file written, only what the
/// output-path claims need (path and kind) is kept, in the order [`site_files`] lists
/// them, and every path is claimed before any per-document page is rendered (their paths
/// are known beforehand). Once an error is known (a diagnostic, or a write that failed)
/// nothing more is written; the caller drops `staging` on errors, which leaves the
/// previous output untouched. Returns the first write error, if any.
pub fn site_files_into(
    root: &Path,
    theme: &theme::Theme,
    renderer: &Renderer<'_>,
    diags: &mut Vec<Diagnostic>,
    staging: &crate::write::Staging,
    index: crate::search::StreamingIndex,
) -> Result<(), crate::write::WriteError> {
    use render::FileContents;
    let failed = std::sync::Mutex::new(None);
    let ok = || failed.lock().unwrap_or_else(|e| e.into_inner()).is_none();
    let record = |r: Result<(), crate::write::WriteError>| {
        if let Err(e) = r {
            failed
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get_or_insert(e);
        }
    };
    // Claims only tell generated bytes from copied files.
    let kind = |contents| match contents {
        FileContents::Bytes(_) => FileContents::Bytes(Vec::new()),
        other => other,
    };
    // The derived files are written first and only their claims kept, so they are not
    // held while the pages about the whole handbook are rendered; the search index's
    // (about one file per document) are not even held all at once while they are made.
    // Their claims still come last, in the order of `site_files` (search files by path).
    let derived_written = may_render(diags.iter());
    let search_paths = std::sync::Mutex::new(Vec::new());
    index.finish_into(&|path, bytes| {
        let file = OutputFile {
            path,
            contents: FileContents::Bytes(bytes),
        };
        if derived_written && ok() {
            record(staging.put(&file));
        }
        search_paths
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(file.path);
    });
    let mut search_paths = search_paths.into_inner().unwrap_or_else(|e| e.into_inner());
    search_paths.par_sort_unstable();
    let redirects = crate::redirect::files(renderer.handbook);
    if derived_written && ok() {
        record(staging.put_all(&redirects));
    }
    let derived: Vec<(String, FileContents)> = search_paths
        .into_iter()
        .map(|path| (path, FileContents::Bytes(Vec::new())))
        .chain(redirects.into_iter().map(|f| (f.path, kind(f.contents))))
        .collect();
    type Claim = Result<(String, FileContents), Diagnostic>;
    let site_groups: std::sync::Mutex<Vec<(usize, Vec<Claim>)>> = Default::default();
    renderer.site_pages_into(|group, files| {
        let claims = files
            .into_iter()
            .map(|f| {
                let f = f?;
                if ok() {
                    record(staging.put(&f));
                }
                Ok((f.path, kind(f.contents)))
            })
            .collect();
        site_groups
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((group, claims));
    });
    let mut site_groups = site_groups.into_inner().unwrap_or_else(|e| e.into_inner());
    site_groups.sort_unstable_by_key(|g| g.0);
    let site_pages: Vec<Claim> = site_groups.into_iter().flat_map(|g| g.1).collect();
    let statics = render::static_files(root, renderer.handbook, theme);
    let docs = 0..renderer.handbook.docs.len();
    // Claimed in the order `site_files` lists them, so a collision is reported alike.
    let claims = crate::claims::check_paths(
        root,
        renderer.handbook,
        docs.clone()
            .filter_map(|id| renderer.doc_page_path(id))
            .map(|p| (p, &crate::claims::PAGE))
            .chain(
                site_pages
                    .iter()
                    .filter_map(|f| f.as_ref().ok())
                    .map(|(path, kind)| (path.as_str(), kind)),
            )
            .chain(statics.iter().map(|f| (f.path.as_str(), &f.contents)))
            .chain(derived.iter().map(|(path, kind)| (path.as_str(), kind))),
    );
    let site_page_errors = site_pages.iter().any(Result::is_err);
    let mut write = may_render(diags.iter().chain(&claims)) && !site_page_errors && ok();
    if write {
        record(staging.put_all(&statics));
        write = derived_written && ok();
    }
    drop((statics, derived));
    let doc_errors: Vec<Diagnostic> = docs
        .into_par_iter()
        .filter_map(|id| match renderer.doc_page(id)? {
            Ok(file) => {
                if write {
                    record(staging.put(&file));
                }
                None
            }
            Err(d) => Some(d),
        })
        .collect();
    // One diagnostic per message over the pages, per-document pages first, as
    // `render_all` gathers them.
    let mut none = Vec::new();
    render::collect_pages(
        doc_errors
            .into_iter()
            .map(Err)
            .chain(site_pages.into_iter().filter_map(Result::err).map(Err)),
        &mut none,
        diags,
    );
    diags.extend(claims);
    match failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Stages up to linking, for commands that need the checked structure but no pages
/// (`orgbook export`): the same config fallback and the same diagnostics as `build`.
pub fn linked(root: &Path) -> Linked {
    linked_as_of(root, crate::clock::today())
}

/// [`linked`], with health findings as of `today`.
pub fn linked_as_of(root: &Path, today: jiff::civil::Date) -> Linked {
    let (config, mut diags) = load_config(root);
    let loaded = load_content(root, &config, &mut diags);
    let mut linked = link_as_of(config, loaded, today);
    load::include::relocate(&mut linked.diags, &linked.handbook.docs);
    diags.append(&mut linked.diags);
    diagnostic::sort(&mut diags);
    diags.dedup();
    load::include::merge_repeats(&mut diags);
    linked.diags = diags;
    linked
}

/// Runs every stage on the handbook at `root`: read → link → Markdown → pages and files.
pub fn build(root: &Path, options: RenderOptions) -> SiteBuild {
    run(root, options, None).0
}

/// [`build`], writing the site into `staging` page by page instead of returning it
/// (`files` stays empty; [`crate::write::Staging::counts`] says what was written). The
/// caller commits `staging` only when the build has no errors. The second value is the
/// first write error, if any.
pub fn build_into(
    root: &Path,
    options: RenderOptions,
    staging: &crate::write::Staging,
) -> (SiteBuild, Result<(), crate::write::WriteError>) {
    run(root, options, Some((staging, COMPRESS_BODIES_OVER)))
}

/// [`build_into`], holding the rendered bodies compressed when the handbook's Markdown
/// exceeds `compress_over` bytes instead of [`COMPRESS_BODIES_OVER`]: tests compare both
/// ways on one handbook.
#[doc(hidden)]
pub fn build_into_compressing_over(
    root: &Path,
    options: RenderOptions,
    staging: &crate::write::Staging,
    compress_over: usize,
) -> (SiteBuild, Result<(), crate::write::WriteError>) {
    run(root, options, Some((staging, compress_over)))
}

/// Bytes of Markdown (all sources together) above which `build` holds the rendered bodies
/// compressed between the Markdown stage and the pages ([`render::bodies`]). At 100,000
/// pages (~500 MB of Markdown) the bodies are ~500 MB of HTML, the largest part of the
/// build's peak memory (held with zstd, 162 MB on the teams shape); at 10,000 pages (50-70 MB) the peak is under 200 MiB without it, so such
/// handbooks pay nothing (docs/performance.md, "Peak memory at 100,000 pages").
pub const COMPRESS_BODIES_OVER: usize = 128 << 20;

/// Documents per step of [`markdown_stage_dropping_bodies`]: enough to keep every core
/// busy, few enough that the bodies freed by one step are soon reused by the next one's
/// HTML.
const BODIES_PER_STEP: usize = 256;

/// [`markdown_stage`] for a build that writes its pages and keeps no sources: each
/// document's Markdown body is dropped as soon as its step of documents is rendered, so a
/// handbook's source text, HTML and plain text are never all held at once, and the memory
/// a body held is reused by later bodies' HTML. Kept: the front matter, which diagnostics
/// and health notes quote, and the whole text of any document a health finding points into
/// the body of. Anchors are checked once every body is rendered, from each link's
/// [`markdown::Spot`], so they need no body; a document with a link to a missing anchor
/// has its file read again from `root`, so that the diagnostic quotes the line as `check`
/// does (only if the file is unchanged there). Each document also goes into the search
/// index as soon as it is rendered, and its plain text (read by nothing else) is dropped
/// there and then; the index's files are made by [`site_files_into`].
///
/// When the sources exceed `compress_over` bytes, each step's rendered bodies are also
/// held compressed ([`render::bodies`]), so the HTML of every body is not held plain
/// either.
pub fn markdown_stage_dropping_bodies(
    root: &Path,
    handbook: &mut Handbook,
    health: &crate::health::Health,
    compress_over: usize,
) -> (Marked, crate::search::StreamingIndex) {
    let keep: std::collections::HashSet<crate::model::DocId> = health
        .findings
        .iter()
        .filter(|f| f.span.end > handbook.docs[f.doc].source.body_start)
        .map(|f| f.doc)
        .collect();
    let n = handbook.docs.len();
    let compress = handbook
        .docs
        .iter()
        .map(|d| d.source.text.len())
        .sum::<usize>()
        > compress_over;
    let index = crate::search::StreamingIndex::with_capacity(n);
    let index = if compress {
        index.packing_records()
    } else {
        index
    };
    let mut bodies = render::bodies::Bodies::default();
    let mut rendered = Vec::with_capacity(n);
    let mut md_diags = Vec::with_capacity(n);
    for start in (0..n).step_by(BODIES_PER_STEP) {
        let end = (start + BODIES_PER_STEP).min(n);
        let hb: &Handbook = handbook;
        let (r, d): (Vec<_>, Vec<_>) = (start..end)
            .into_par_iter()
            .map(|id| {
                let (mut r, d) = markdown_one(hb, id);
                let doc = &hb.docs[id];
                let title = page_title(doc, &r);
                index.add(&render::search_doc(hb, doc, &r, title.as_deref()));
                r.text = String::new();
                // Until the anchor checks, the build reads a link's target (backlinks),
                // asset (published dot-folder files) and, for a link to an anchor, its
                // href and spot: a link to the web or a plain link's href is dropped here
                // (at 100,000 pages, ~30 MiB of the memory peak). `serve` keeps them all.
                r.links.retain_mut(|l| {
                    if l.anchor.is_none() {
                        l.href = String::new();
                    }
                    l.target.is_some() || l.asset.is_some()
                });
                // Held until the pages (links until the anchor checks): at 100,000 pages
                // their spare capacity was 30 % of 750,000 headings and 500,000 links.
                r.headings.shrink_to_fit();
                r.links.shrink_to_fit();
                r.anchors.shrink_to_fit();
                (r, d)
            })
            .unzip();
        rendered.extend(r);
        md_diags.extend(d);
        if compress {
            bodies.hold(start, &mut rendered[start..end]);
        }
        for (id, d) in (start..end).zip(&mut handbook.docs[start..end]) {
            if !keep.contains(&id) {
                d.source.text.truncate(d.source.body_start);
                d.source.text.shrink_to_fit();
            }
        }
    }
    // The anchor pass rewrites the HTML of a document that links to an anchor its target
    // lacks (`markdown::links::retarget_anchors`): those bodies are put back first. Few documents. The
    // test `held_bodies` fails if the pass ever rewrites another one.
    // The sets are dropped here, before the pages' memory peak.
    let missing: Vec<usize> = {
        let mut anchors = markdown::links::AnchorSets::default();
        (0..n)
            .filter(|&id| {
                rendered[id]
                    .links
                    .iter()
                    .any(|l| match (l.target, &l.anchor) {
                        // A BookStack address's id may mean another heading than the
                        // one of that id here.
                        (Some(t), Some(a)) => l.bookstack_id || !anchors.has(&rendered, t, a),
                        _ => false,
                    })
            })
            .collect()
    };
    // The pages a BookStack id (`bkmrk-…`) links into: the anchor pass counts their blocks
    // as BookStack numbered them, from their text. Few documents, as above.
    let counted: Vec<usize> = {
        let mut targets: Vec<usize> = rendered
            .iter()
            .flat_map(|r| &r.links)
            .filter(|l| {
                l.bookstack_id || l.anchor.as_deref().is_some_and(|a| a.starts_with("bkmrk-"))
            })
            .filter_map(|l| l.target)
            .filter(|t| !keep.contains(t) && missing.binary_search(t).is_err())
            .collect();
        targets.sort_unstable();
        targets.dedup();
        targets
    };
    for &id in &missing {
        if compress {
            bodies.restore(id, &mut rendered[id]);
        }
        if !keep.contains(&id) {
            reread_text(root, &mut handbook.docs[id], &rendered[id].links);
        }
    }
    for &id in &counted {
        reread_text(root, &mut handbook.docs[id], &rendered[id].links);
    }
    let mut marked = after_markdown(handbook, rendered, md_diags);
    marked.bodies = bodies;
    for id in missing.into_iter().chain(counted) {
        let source = &mut handbook.docs[id].source;
        if !keep.contains(&id) && source.text.len() > source.body_start {
            source.text.truncate(source.body_start);
            source.text.shrink_to_fit();
        }
    }
    // Links are read by the checks and the backlinks above, and by no page: dropped here,
    // before the search index is scored (the build's memory peak).
    for r in &mut marked.rendered {
        r.links = Vec::new();
    }
    (marked, index)
}

/// Puts back the text of `doc`, whose body was dropped, read again from its file, so that
/// the diagnostics of its links to missing anchors quote their line: only when the file
/// still starts with the front matter that was loaded and holds each of those links at its
/// [`markdown::Spot`] (same line, column and line text). Otherwise (the file was edited or
/// removed meanwhile) the text stays dropped, and the diagnostics give the line and column
/// without quoting the line.
fn reread_text(root: &Path, doc: &mut crate::model::Doc, links: &[markdown::LinkRef]) {
    let Ok(bytes) = std::fs::read(root.join(doc.source.file())) else {
        return;
    };
    let Ok(text) = String::from_utf8(bytes) else {
        return;
    };
    let mut text = load::line_ends(text);
    if doc.source.included.is_some()
        && let Some((expanded, _)) = load::include::expand(
            root,
            &doc.source.path,
            &text,
            doc.source.body_start,
            &load::mkdocs_nav::auto_append(root),
            &mut Vec::new(),
        )
    {
        text = expanded;
    }
    if text.starts_with(doc.source.text.as_str()) && markdown::LinkRef::same_spots(&text, links) {
        doc.source.text = text;
    }
}

fn run(
    root: &Path,
    options: RenderOptions,
    staging: Option<(&crate::write::Staging, usize)>,
) -> (SiteBuild, Result<(), crate::write::WriteError>) {
    // One `git log` for every page's last-updated date, overlapped with loading.
    let git_dates = crate::gitdates::Reading::start(root);
    let mut timings = Vec::new();
    let mut diags = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, timings: &mut Vec<_>| {
        timings.push((name, clock.elapsed()));
        clock = Instant::now();
    };

    let (config, config_diags) = load_config(root);
    diags.extend(config_diags);
    let Sources {
        theme,
        tera,
        theme_diags,
        loaded,
        load_diags,
    } = load_sources(root, &config);
    diags.extend(theme_diags);
    diags.extend(load_diags);
    // Later stages see included text as the including document's: moved to its own file
    // (`load::include::relocate`) before sorting.
    let after_load = diags.len();
    lap("load", &mut timings);

    let Linked {
        mut handbook,
        health,
        diags: link_diags,
    } = link(config, loaded);
    diags.extend(link_diags);
    lap("link", &mut timings);

    let (marked, index) = match staging {
        Some((_, compress_over)) => {
            let (marked, index) =
                markdown_stage_dropping_bodies(root, &mut handbook, &health, compress_over);
            (marked, Some(index))
        }
        None => (markdown_stage(&mut handbook), None),
    };
    diags.extend(marked.diags().cloned());
    lap("markdown", &mut timings);

    let mut files = Vec::new();
    let mut written = Ok(());
    if let Some(tera) = &tera
        && may_render(&diags)
    {
        let ui_text = crate::ui_text::UiTexts::new(&handbook.config.ui_text);
        let renderer = Renderer {
            handbook: &handbook,
            rendered: &marked.rendered,
            backlinks: &marked.backlinks,
            tera,
            health: &health,
            options,
            nav: Default::default(),
            last_changed: git_dates.finish(),
            fingerprints: None,
            bodies: Some(&marked.bodies),
            ui_text: &ui_text,
        };
        match (staging, index) {
            (Some((staging, _)), Some(index)) => {
                written = site_files_into(root, &theme, &renderer, &mut diags, staging, index);
                lap("render+write", &mut timings);
            }
            _ => {
                files = site_files(root, &theme, &renderer, &mut diags);
                lap("render", &mut timings);
            }
        }
    }
    load::include::relocate(&mut diags[after_load..], &handbook.docs);
    diagnostic::sort(&mut diags);
    diags.dedup();
    load::include::merge_repeats(&mut diags);
    diagnostic::fold_unknown_keys(&mut diags, &handbook.config.content.ignored_keys);
    if !may_render(&diags) {
        files.clear();
    }
    let site = SiteBuild {
        files,
        diagnostics: diags,
        handbook: Some(handbook),
        health,
        timings,
    };
    (site, written)
}

/// Files derived from the whole linked, rendered handbook that are not template pages (a
/// search index, say). `build` adds them after the pages; `orgbook serve` calls this again
/// after every change, so an artefact added here stays live without serve-specific code.
pub fn derived_files(
    handbook: &Handbook,
    rendered: &[Rendered],
    diags: &mut Vec<Diagnostic>,
) -> Vec<OutputFile> {
    let _ = diags;
    let mut files = render::search_files(handbook, rendered);
    files.extend(crate::redirect::files(handbook));
    files
}

/// Pages without a front matter title take their first `#` heading, else their file name.
pub fn fill_page_titles(handbook: &mut Handbook, rendered: &[Rendered]) {
    for (doc, r) in handbook.docs.iter_mut().zip(rendered) {
        if let Some(title) = page_title(doc, r)
            && let DocKind::Page(p) = &mut doc.kind
        {
            p.title = title;
        }
    }
}

/// The title [`fill_page_titles`] gives `doc`, when it is a page whose title comes from
/// its body.
pub fn page_title(doc: &crate::model::Doc, r: &Rendered) -> Option<String> {
    match &doc.kind {
        DocKind::Page(p) if !p.title_from_front_matter => Some(match &r.leading_h1 {
            Some(h) => h.clone(),
            None if p.is_home => String::new(),
            None => load::title_from_path(&doc.source.path, p.folder_index),
        }),
        _ => None,
    }
}
