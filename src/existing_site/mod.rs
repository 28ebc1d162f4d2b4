//! The pages already in a folder `orgbook init` is run in. A repository that has a docs
//! site already (Hugo or Zola with `content/`, MkDocs or Docusaurus with `docs/`, mdBook
//! with `src/`, GitBook with `.gitbook.yaml`'s `root`, Sphinx with a `conf.py` in `docs/`,
//! `doc/` or one folder below them, MyST / Jupyter Book with `myst.yml`, Quarto with
//! `_quarto.yml` beside its pages, Nextra with `theme.config.*` (or `nextra` in `package.json`) and its `pages/`, Jekyll with
//! `docs/_config.yml` or at the repository's root, the GOV.UK tech docs template with
//! `config/tech-docs.yml` and its pages in `source/`, VitePress with `.vitepress/config.*`
//! and its `srcDir`, Astro Starlight with `src/content/docs/`, Gatsby with the folder its
//! `gatsby-source-filesystem` reads, docsify with an `index.html` holding
//! `window.$docsify`, VuePress with `docs/.vuepress/config.*`, DocFX with
//! `docfx.json`) should become a handbook of those pages,
//! not get a sample handbook written beside them. The site is found by its generator's
//! configuration file (which also names the pages' folder and the site's title; Hugo's
//! `config/_default/` directory too), else by Markdown files in `content/` or `docs/`.
//! Without a title in a configuration, the home page's title or first heading names it.
//!
//! Only what `init` needs is read, line by line: the configuration files are YAML, TOML,
//! JavaScript or HTML, and a key's first plain value is all that is wanted from them. A
//! JavaScript configuration is a program, but the few keys wanted are literals in every
//! real one; a tolerant text scan reads them without a JavaScript engine, and a value
//! that is an expression is passed over (the title then comes from the home page).
//!
//! Files: the generators and what each says of its site (`generators`), reading their
//! configurations as text (`config_text`), the title of a site without one configured
//! (`titles`), counting pages (`counts`), and the Markdown outside `content/` of a
//! repository without a generator (`outside`).

mod config_text;
mod counts;
mod generators;
mod outside;
#[cfg(test)]
mod tests;
mod titles;

use config_text::config_paths;
use counts::{markdown_files, nested_markdown_files, top_level_pages};
use generators::{GENERATORS, Generator, JUPYTER_BOOK, jekyll_collection, other_moves};
use std::path::Path;
use titles::home_title;

pub(crate) use config_text::value_of;
pub use counts::{plain_team_pages, top_level_page_names};
pub use generators::{RETYPE, VUEPRESS};
pub use outside::{Outside, left_behind_links, markdown_outside_content};

/// A site found in a folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingSite {
    /// Its generator with an article ("an MkDocs site"), `None` when no generator's
    /// configuration was found.
    pub what: Option<&'static str>,
    /// The folder its pages are in, relative to the folder searched (`content`, `docs`).
    pub folder: String,
    /// How many Markdown files that folder holds.
    pub pages: usize,
    /// The site's title, from its configuration.
    pub title: Option<String>,
    /// For a site whose pages are not in `content/`: how to keep its generator building
    /// once they are moved there.
    pub keep_building: Option<&'static str>,
    /// What else its files need once its pages are in content/ ([`other_moves`]), each its
    /// command and why in parentheses.
    pub other_moves: Vec<String>,
}

impl ExistingSite {
    /// "an MkDocs site with 25 Markdown files in docs/", "1 Markdown file in docs/".
    pub fn summary(&self) -> String {
        let files = match self.pages {
            1 => "1 Markdown file".to_string(),
            n => format!("{n} Markdown files"),
        };
        match self.what {
            Some(what) => format!("{what} with {files} in {}/", self.folder),
            None => format!("{files} in {}/", self.folder),
        }
    }
}

/// Whether a site of this kind at the repository's root is read from its README on
/// (its home page), folders of pages beside it: then they move in together.
pub fn readme_is_home(what: Option<&str>) -> bool {
    matches!(what, Some(VUEPRESS | RETYPE))
}

/// The site in `dir`, if there is one with at least one Markdown page.
pub fn find(dir: &Path) -> Option<ExistingSite> {
    // The first generator configured here, whose pages may have moved to content/ already.
    let mut configured: Option<(&Generator, String)> = None;
    let mut root_site: Option<ExistingSite> = None;
    for g in GENERATORS {
        let Some((config, text)) = g.configs.iter().find_map(|c| {
            config_paths(dir, c)
                .into_iter()
                // A configuration that is not UTF-8 still names its generator.
                .find_map(|rel| {
                    let (text, _) = crate::text::legacy::read_text(&dir.join(&rel)).ok()?;
                    g.marker.is_none_or(|m| text.contains(m)).then_some(())?;
                    Some((rel.clone(), text))
                })
        }) else {
            continue;
        };
        let text = match g.what {
            JUPYTER_BOOK => {
                let settings = match config.rsplit_once('/') {
                    Some((folder, _)) => format!("{folder}/_config.yml"),
                    None => "_config.yml".to_string(),
                };
                crate::text::legacy::read_text(&dir.join(settings))
                    .map_or_else(|_| String::new(), |(t, _)| t)
            }
            _ => text,
        };
        let folder = g
            .folder_key
            .and_then(|k| value_of(&text, k))
            .map(|f| f.trim_start_matches("./").trim_end_matches('/').to_string())
            .filter(|f| !f.is_empty() && !f.contains(".."))
            .or_else(|| g.folder_of.and_then(|of| of(dir, &text)))
            .or_else(|| {
                g.beside_config
                    .then(|| config.rsplit_once('/').map(|(d, _)| d.to_string()))
                    .flatten()
            })
            .unwrap_or_else(|| g.folder.to_string());
        if folder == "." {
            // Pages at the repository's root (Jekyll's and GitBook's default): they move
            // into content/, file by file. Pages in content/ already win.
            let pages = top_level_pages(dir);
            if markdown_files(&dir.join("content")) > 0 {
                // Moved in already: the configuration still names the site.
                configured.get_or_insert((g, text));
                continue;
            }
            if readme_is_home(Some(g.what)) {
                // Its README is the site's home page: with the folders of pages beside
                // it, the pages to move (which the repository's README is not).
                let outside = markdown_outside_content(dir);
                if outside.count > 0 && root_site.is_none() {
                    root_site = Some(ExistingSite {
                        what: Some(g.what),
                        folder: ".".to_string(),
                        pages: outside.count,
                        title: g.title(&text).or(outside.title),
                        keep_building: g.keep_building,
                        other_moves: Vec::new(),
                    });
                }
                continue;
            }
            if pages > 0 && root_site.is_none() {
                root_site = Some(ExistingSite {
                    what: Some(g.what),
                    folder: ".".to_string(),
                    // The pages to move: those at the top and in the folders below.
                    pages: pages + nested_markdown_files(dir),
                    title: g.title(&text).or_else(|| home_title(dir)),
                    keep_building: g.keep_building,
                    other_moves: other_moves(dir, Some(g.what), "."),
                });
            } else if root_site.is_none()
                && let Some((folder, pages)) = jekyll_collection(dir, &text)
            {
                // A Jekyll site whose pages are a collection (`_pages/`, as `collections:
                // pages: output: true` asks): that folder is the one to move.
                root_site = Some(ExistingSite {
                    what: Some(g.what),
                    folder,
                    pages,
                    title: g.title(&text),
                    keep_building: None,
                    other_moves: Vec::new(),
                });
            }
            continue;
        }
        let pages = markdown_files(&dir.join(&folder));
        if pages == 0 {
            configured.get_or_insert((g, text));
        } else {
            let title = g.title(&text).or_else(|| home_title(&dir.join(&folder)));
            return Some(ExistingSite {
                what: Some(g.what),
                keep_building: if folder == "content" {
                    None
                } else {
                    g.keep_building
                },
                other_moves: other_moves(dir, Some(g.what), &folder),
                folder,
                pages,
                title,
            });
        }
    }
    if root_site.is_some() {
        return root_site;
    }
    ["content", "docs"].into_iter().find_map(|folder| {
        let pages = markdown_files(&dir.join(folder));
        (pages > 0).then(|| ExistingSite {
            what: configured.as_ref().map(|(g, _)| g.what),
            other_moves: other_moves(dir, configured.as_ref().map(|(g, _)| g.what), folder),
            folder: folder.to_string(),
            pages,
            title: configured
                .as_ref()
                .and_then(|(g, text)| g.title(text))
                .or_else(|| home_title(&dir.join(folder))),
            keep_building: None,
        })
    })
}
