//! The pipeline driver: load → link → Markdown → check → render, as one function from a
//! handbook folder to the files of its site plus every diagnostic.
//!
//! Stages are plain functions from one typed value to the next; this file only sequences
//! them and decides what a failure stops. It writes nothing: `build` writes the result to
//! disk, `check` only reports, `serve` keeps it in memory.

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
        .find(|d| d.join(config::CONFIG_FILE).is_file())
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

/// Loads the theme and the content in parallel: they are independent.
pub fn load_sources(root: &Path, config: &Config) -> Sources {
    let ((theme, tera, theme_diags), (loaded, load_diags)) = rayon::join(
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
    Sources {
        theme,
        tera,
        theme_diags,
        loaded,
        load_diags,
    }
}

/// Runs every stage on the handbook at `root`.
pub fn build(root: &Path, options: RenderOptions) -> SiteBuild {
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

    let mut handbook = link::resolve(config, loaded, &mut diags);
    let health = crate::health::compute(&handbook, crate::clock::today());
    diags.extend(crate::health::policy_errors(&handbook, &health));
    lap("link", &mut timings);

    let mut rendered = render_markdown(&handbook, &mut diags);
    link::retarget_anchors(&handbook, &mut rendered, &mut diags);
    fill_page_titles(&mut handbook, &rendered);
    link::keep_linked_dot_assets(&mut handbook, &rendered);
    link::check_anchors(&handbook, &rendered, &mut diags);
    let backlinks = link::backlinks(&handbook, &rendered);
    lap("markdown", &mut timings);

    let mut files = Vec::new();
    if let Some(tera) = &tera
        && !diags.iter().any(Diagnostic::is_error)
    {
        let renderer = Renderer {
            handbook: &handbook,
            rendered: &rendered,
            backlinks: &backlinks,
            tera,
            health: &health,
            options,
        };
        // The search index depends only on the rendered Markdown: build it beside the pages.
        let ((pages, page_diags), (derived, derived_diags)) = rayon::join(
            || {
                let mut d = Vec::new();
                (renderer.render_all(&mut d), d)
            },
            || {
                let mut d = Vec::new();
                (derived_files(&handbook, &rendered, &mut d), d)
            },
        );
        files = pages;
        diags.extend(page_diags);
        diags.extend(derived_diags);
        files.extend(render::static_files(root, &handbook, &theme));
        files.extend(derived);
        lap("render", &mut timings);
    }
    diagnostic::sort(&mut diags);
    if diags.iter().any(Diagnostic::is_error) {
        files.clear();
    }
    SiteBuild {
        files,
        diagnostics: diags,
        handbook: Some(handbook),
        health,
        timings,
    }
}

/// Renders every document's Markdown in parallel; diagnostics keep document order.
pub fn render_markdown(handbook: &Handbook, diags: &mut Vec<Diagnostic>) -> Vec<Rendered> {
    let results: Vec<(Rendered, Vec<Diagnostic>)> = (0..handbook.docs.len())
        .into_par_iter()
        .map(|id| {
            let mut d = Vec::new();
            let r = markdown::render(handbook, id, &mut d);
            (r, d)
        })
        .collect();
    results
        .into_iter()
        .map(|(r, d)| {
            diags.extend(d);
            r
        })
        .collect()
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
