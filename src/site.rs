//! The pipeline: its stages as typed values and the functions between them, and the one
//! place they are sequenced.
//!
//! sources ([`load_config`], [`load_sources`]) → [`Linked`] ([`link`]) → [`Marked`]
//! ([`markdown_stage`]: rendered Markdown, anchors, backlinks) → pages and site files
//! ([`site_files`]). [`build`] runs them all for `build` and `check`; `export` stops after
//! [`linked`]; `serve` calls the same stage functions and keeps each one's output, re-running
//! from the earliest stage a change affects. The rule "errors stop before rendering" is
//! [`may_render`], and template diagnostics are de-duplicated in [`collect_pages`]. Nothing
//! here writes: `build` writes the result to disk, `check` only reports, `serve` keeps it in
//! memory.

use crate::config::{self, Config};
use crate::diagnostic::{self, Diagnostic};
use crate::link;
use crate::load;
use crate::markdown::{self, Rendered};
use crate::model::{DocKind, Handbook};
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
        Ok((c, _)) => (c, Vec::new()),
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

/// Loads the theme and the content in parallel: they are independent.
pub fn load_sources(root: &Path, config: &Config) -> Sources {
    let ((theme, tera, theme_diags), (loaded, load_diags)) = rayon::join(
        || load_theme(root, config),
        || {
            let mut d = Vec::new();
            let loaded = load::load(root, &mut d);
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
    link::keep_linked_dot_assets(handbook, &rendered);
    let anchor_diags = anchors(handbook, &mut rendered);
    let backlinks = link::backlinks(handbook, &rendered);
    Marked {
        rendered,
        md_diags,
        anchor_diags,
        backlinks,
    }
}

/// Anchors, once every heading id is known: links written against another generator's
/// heading ids are retargeted, then every anchor is checked. `serve` re-runs exactly this
/// when links or headings moved, so the two steps are sequenced here only.
pub fn anchors(handbook: &Handbook, rendered: &mut [Rendered]) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    link::retarget_anchors(handbook, rendered, &mut diags);
    link::check_anchors(handbook, rendered, &mut diags);
    diags
}

/// The rule every command follows: a handbook with errors is not rendered (the previous
/// site stays as it is), so an error never produces half a site.
pub fn may_render<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> bool {
    !diags.into_iter().any(Diagnostic::is_error)
}

/// Collects rendered pages, keeping one diagnostic per distinct message: one broken
/// template would otherwise be reported once per page. The only place pages' results are
/// gathered, so `build` and `serve` report a template error the same way.
pub fn collect_pages(
    results: impl IntoIterator<Item = Result<OutputFile, Diagnostic>>,
    files: &mut Vec<OutputFile>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::BTreeSet::new();
    for result in results {
        match result {
            Ok(f) => files.push(f),
            Err(d) => {
                if seen.insert(d.message.clone()) {
                    diags.push(d);
                }
            }
        }
    }
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
/// of returned, so a build never holds the whole site in memory. Every path is still
/// claimed before anything is written: the per-document pages' paths are known before
/// they are rendered, and everything else (pages about the whole handbook, the search
/// index, static files) is rendered first and held, being a small part of the site.
/// Nothing is written once an error is known; the caller drops `staging` on errors, which
/// leaves the previous output untouched. Returns the files and pages written.
pub fn site_files_into(
    root: &Path,
    theme: &theme::Theme,
    renderer: &Renderer<'_>,
    diags: &mut Vec<Diagnostic>,
    staging: &crate::write::Staging,
) -> Result<(), crate::write::WriteError> {
    let (site_pages, (derived, derived_diags)) = rayon::join(
        || renderer.site_pages(),
        || {
            let mut d = Vec::new();
            (
                derived_files(renderer.handbook, renderer.rendered, &mut d),
                d,
            )
        },
    );
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
                    .chain(&statics)
                    .chain(&derived)
                    .map(|f| (f.path.as_str(), &f.contents)),
            ),
    );
    let site_page_errors = site_pages.iter().any(Result::is_err);
    let write = may_render(diags.iter().chain(&derived_diags).chain(&claims)) && !site_page_errors;
    let mut held: Vec<OutputFile> = Vec::new();
    let mut site_page_diags = Vec::new();
    collect_pages(site_pages, &mut held, &mut site_page_diags);
    held.extend(statics);
    held.extend(derived);
    let mut result = Ok(());
    if write {
        result = staging.put_all(&held);
    }
    drop(held);
    let failed = std::sync::Mutex::new(None);
    let write = write && result.is_ok();
    let doc_errors: Vec<Diagnostic> = docs
        .into_par_iter()
        .filter_map(|id| match renderer.doc_page(id)? {
            Ok(file) => {
                if write && let Err(e) = staging.put(&file) {
                    failed
                        .lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .get_or_insert(e);
                }
                None
            }
            Err(d) => Some(d),
        })
        .collect();
    // One diagnostic per message over the pages, per-document pages first, as
    // `render_all` gathers them.
    let mut none = Vec::new();
    collect_pages(
        doc_errors
            .into_iter()
            .map(Err)
            .chain(site_page_diags.into_iter().map(Err)),
        &mut none,
        diags,
    );
    diags.extend(derived_diags);
    diags.extend(claims);
    if let Some(e) = failed.into_inner().unwrap_or_else(|e| e.into_inner()) {
        result = Err(e);
    }
    result
}

/// Stages up to linking, for commands that need the checked structure but no pages
/// (`orgbook export`): the same config fallback and the same diagnostics as `build`.
pub fn linked(root: &Path) -> Linked {
    linked_as_of(root, crate::clock::today())
}

/// [`linked`], with health findings as of `today`.
pub fn linked_as_of(root: &Path, today: jiff::civil::Date) -> Linked {
    let (config, mut diags) = load_config(root);
    let loaded = load::load(root, &mut diags);
    let mut linked = link_as_of(config, loaded, today);
    diags.append(&mut linked.diags);
    diagnostic::sort(&mut diags);
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
    run(root, options, Some(staging))
}

/// Drops the Markdown bodies of the source texts once every body is rendered (a third of
/// a large handbook's memory), keeping the front matter, which diagnostics and health
/// notes quote, and the whole text of any document a health finding points into the body
/// of.
fn drop_bodies(handbook: &mut Handbook, health: &crate::health::Health) {
    let keep: std::collections::HashSet<crate::model::DocId> = health
        .findings
        .iter()
        .filter(|f| f.span.end > handbook.docs[f.doc].source.body_start)
        .map(|f| f.doc)
        .collect();
    handbook
        .docs
        .par_iter_mut()
        .enumerate()
        .for_each(|(id, d)| {
            if !keep.contains(&id) {
                d.source.text.truncate(d.source.body_start);
                d.source.text.shrink_to_fit();
            }
        });
}

fn run(
    root: &Path,
    options: RenderOptions,
    staging: Option<&crate::write::Staging>,
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
    lap("load", &mut timings);

    let Linked {
        mut handbook,
        health,
        diags: link_diags,
    } = link(config, loaded);
    diags.extend(link_diags);
    lap("link", &mut timings);

    let marked = markdown_stage(&mut handbook);
    diags.extend(marked.diags().cloned());
    lap("markdown", &mut timings);

    let mut files = Vec::new();
    let mut written = Ok(());
    if let Some(tera) = &tera
        && may_render(&diags)
    {
        if staging.is_some() {
            drop_bodies(&mut handbook, &health);
        }
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
        };
        match staging {
            Some(staging) => {
                written = site_files_into(root, &theme, &renderer, &mut diags, staging);
                lap("render+write", &mut timings);
            }
            None => {
                files = site_files(root, &theme, &renderer, &mut diags);
                lap("render", &mut timings);
            }
        }
    }
    diagnostic::sort(&mut diags);
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
        if let DocKind::Page(p) = &mut doc.kind
            && !p.title_from_front_matter
        {
            p.title = match &r.leading_h1 {
                Some(h) => h.clone(),
                None if p.is_home => String::new(),
                None => load::title_from_path(&doc.source.path, p.folder_index),
            };
        }
    }
}
