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

use std::path::Path;

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

/// A generator: its configuration files, what it is called, where its pages are by
/// default, the configuration key that moves them and the one that titles the site, and
/// the setting that keeps it building from `content/`.
struct Generator {
    /// Paths relative to the folder searched; a `*` stands for any one folder.
    configs: &'static [&'static str],
    /// The pages are in the folder of the configuration file that was found (Sphinx: the
    /// "separate source and build" layout of `sphinx-quickstart` keeps `conf.py` and the
    /// pages in `docs/source/`), not in `folder`.
    beside_config: bool,
    /// Text the configuration holds when it is this generator's (Starlight's `starlight(`
    /// in an Astro configuration, docsify's `window.$docsify` in an `index.html`); the
    /// title is read after it.
    marker: Option<&'static str>,
    /// Where the pages are when no plain key names their folder (Gatsby's filesystem
    /// sources), from the folder searched and the configuration's text.
    folder_of: Option<fn(&Path, &str) -> Option<String>>,
    what: &'static str,
    folder: &'static str,
    folder_key: Option<&'static str>,
    title_key: &'static str,
    keep_building: Option<&'static str>,
}

impl Generator {
    /// The site's title in the configuration's `text`: the first plain value of the title
    /// key, after the marker when there is one (`starlight({ title: 'Acme' })`, whose
    /// `{` may open the line the key is on).
    fn title(&self, text: &str) -> Option<String> {
        let after = match self.marker {
            Some(marker) => {
                let rest = &text[text.find(marker)? + marker.len()..];
                rest.trim_start_matches(|c: char| c == '{' || c == '=' || c.is_whitespace())
            }
            None => text,
        };
        value_of(after, self.title_key)
    }
}

/// The folder of Markdown a Gatsby site reads: of the `path`s its `gatsby-source-filesystem`
/// entries name (`${__dirname}/contents`, `path.join(__dirname, 'contents')`,
/// `./src/pages`), the one holding the most Markdown files. A text scan, not JavaScript:
/// the configuration is a program, and these few literal paths are all `init` needs.
fn gatsby_source_folder(dir: &Path, text: &str) -> Option<String> {
    text.lines()
        .filter_map(|line| {
            let rest = line.trim_start().strip_prefix("path")?.trim_start();
            let rest = rest.strip_prefix(':')?.trim();
            // The last literal on the line: the folder after `__dirname`.
            let literal = rest
                .rsplit(['`', '\'', '"'])
                .find(|part| !part.trim().is_empty() && !matches!(part.trim(), "," | ")" | "),"))?;
            let folder = literal
                .trim()
                .trim_start_matches("${__dirname}")
                .trim_start_matches('/')
                .trim_start_matches("./")
                .trim_end_matches('/');
            let plain = !folder.is_empty()
                && !folder.contains(['$', '{', '}', ' ', ','])
                && !folder
                    .split('/')
                    .any(|part| part == ".." || part.is_empty());
            plain.then(|| folder.to_string())
        })
        .map(|folder| (markdown_files(&dir.join(&folder)), folder))
        .filter(|(pages, _)| *pages > 0)
        .max_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, folder)| folder)
}

/// What else a site's files need once its pages are in content/, each its command and
/// why: VitePress keeps the files its pages link from the site's root
/// (`/img/logo.png`) in `public/` beside them, orgbook in `static/`; Starlight's pages
/// link images in `src/assets/` relatively, a path that climbs out of content/ once the
/// pages are moved there; and Astro's `public/` is where orgbook writes its site.
fn other_moves(dir: &Path, what: Option<&str>, folder: &str) -> Vec<String> {
    let mut moves = Vec::new();
    match what {
        Some("a VitePress site") => {
            let (public, moved) = if folder == "." {
                ("public".to_string(), "public")
            } else {
                (format!("{folder}/public"), "content/public")
            };
            if dir.join(&public).is_dir() {
                moves.push(format!(
                    "`git mv {moved} static` (VitePress's public/ holds the files pages link from the site's root, `/img/logo.png`; orgbook copies static/ there)"
                ));
            }
        }
        Some("an Astro Starlight site") => {
            if dir.join("src/assets").is_dir() {
                moves.push(
                    "`git mv src/assets content/assets` (images pages link from src/content/docs/ as `../../assets/x.png` are outside content/ once the pages are moved: move them in too and shorten those links, `orgbook check` names each)".to_string(),
                );
            }
            // Before `init`, no orgbook build has written a public/ here: it is Astro's.
            if dir.join("public").is_dir() {
                moves.push(
                    "`git mv public static` and set `publicDir: './static'` in astro.config (Astro's public/ holds the files pages link from the site's root, as orgbook's static/ does, and orgbook writes its site to public/)".to_string(),
                );
            }
        }
        // DocFX reads its root table of contents beside the pages; orgbook reads it beside
        // content/ or in it.
        Some("a DocFX project") if folder == "." && dir.join("toc.yml").is_file() => {
            moves.push(
                "`git mv toc.yml content/` (DocFX's table of contents, whose paths are the pages', from their folder)".to_string(),
            );
        }
        // Jupyter Book reads both beside the pages.
        Some(JUPYTER_BOOK) if folder == "." => {
            let files: Vec<&str> = ["_config.yml", "_toc.yml"]
                .into_iter()
                .filter(|f| dir.join(f).is_file())
                .collect();
            moves.push(format!(
                "`git mv {} content/` (Jupyter Book's settings and table of contents, whose paths are the pages', from their folder)",
                files.join(" ")
            ));
        }
        // Before `init`, no orgbook build has written a public/ here: it is Next.js's.
        Some("a Nextra site") if dir.join("public").is_dir() => {
            moves.push(
                "`git mv public static` (Next.js's public/ holds the files pages link from the site's root, `/images/map.png`, as orgbook's static/ does, and orgbook writes its site to public/; Next.js reads only public/, so keep a copy there while it still builds the site)".to_string(),
            );
        }
        _ => {}
    }
    moves
}

const GENERATORS: &[Generator] = &[
    Generator {
        // Retype: `retype.yml`, its pages in its `input` folder (`.`, `docs`), titled by
        // `branding.title`.
        // First: a site moved to Retype keeps its old generator's files (an mkdocs.yml,
        // GitBook's SUMMARY.md) that Retype ignores. The file stays beside content/:
        // orgbook reads a page's `order` as Retype's only in its presence.
        configs: &["retype.yml", "retype.yaml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: RETYPE,
        folder: ".",
        folder_key: Some("input"),
        title_key: "title",
        keep_building: Some(
            "set `input: content` in retype.yml and keep it beside content/, so Retype still builds (orgbook reads the pages' `order` as Retype's while it is there)",
        ),
    },
    Generator {
        // JetBrains Writerside: `Writerside/writerside.cfg` beside its `topics/` and
        // `images/` folders, moved in whole (a topic names its images by file name).
        configs: &["Writerside/writerside.cfg", "writerside.cfg"],
        beside_config: true,
        marker: None,
        folder_of: None,
        what: "a Writerside project",
        folder: "Writerside",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "open content/Writerside as the Writerside project from then on (writerside.cfg, its .tree files and images/ move with the topics)",
        ),
    },
    Generator {
        // Rspress: `rspress.config.*` at the top, its pages in docs/ (`root`), titled by
        // its `title`.
        configs: &[
            "rspress.config.ts",
            "rspress.config.js",
            "rspress.config.mjs",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "an Rspress site",
        folder: "docs",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "set `root` in rspress.config to the content folder (`path.join(__dirname, 'content')`), so Rspress still builds",
        ),
    },
    Generator {
        configs: &["mkdocs.yml", "mkdocs.yaml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "an MkDocs site",
        folder: "docs",
        folder_key: Some("docs_dir"),
        title_key: "site_name",
        keep_building: Some("set `docs_dir: content` in mkdocs.yml so MkDocs still builds"),
    },
    Generator {
        configs: &["zensical.toml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Zensical site",
        folder: "docs",
        folder_key: Some("docs_dir"),
        title_key: "site_name",
        keep_building: Some(
            "set `docs_dir = \"content\"` under [project] in zensical.toml so Zensical still builds",
        ),
    },
    Generator {
        configs: &[
            "docusaurus.config.js",
            "docusaurus.config.ts",
            "docusaurus.config.mjs",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Docusaurus site",
        folder: "docs",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "set `path: 'content'` in the docs options of docusaurus.config.js so Docusaurus still builds",
        ),
    },
    Generator {
        // VitePress at the repository's root: `srcDir` (relative to the root) names the
        // pages' folder, the root itself without it.
        configs: &[
            ".vitepress/config.mts",
            ".vitepress/config.ts",
            ".vitepress/config.mjs",
            ".vitepress/config.js",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a VitePress site",
        folder: ".",
        folder_key: Some("srcDir"),
        title_key: "title",
        keep_building: Some(
            "set `srcDir: './content'` in .vitepress/config so VitePress still builds",
        ),
    },
    Generator {
        // VitePress run on docs/ (`vitepress build docs`): .vitepress/ is in docs/ and
        // moves with the pages.
        configs: &[
            "docs/.vitepress/config.mts",
            "docs/.vitepress/config.ts",
            "docs/.vitepress/config.mjs",
            "docs/.vitepress/config.js",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a VitePress site",
        folder: "docs",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "run `vitepress build content` (and `vitepress dev content`) where package.json's scripts name docs, so VitePress still builds: .vitepress/ moves with the pages",
        ),
    },
    Generator {
        // Astro Starlight: the pages are the `docs` content collection.
        configs: &[
            "astro.config.mjs",
            "astro.config.ts",
            "astro.config.mts",
            "astro.config.js",
            "astro.config.cjs",
        ],
        beside_config: false,
        marker: Some("starlight("),
        folder_of: None,
        what: "an Astro Starlight site",
        folder: "src/content/docs",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "load the docs collection with `glob({ base: './content', pattern: '**/*.{md,mdx}' })` (from 'astro/loaders') instead of `docsLoader()` in src/content.config.ts, so Starlight still builds",
        ),
    },
    Generator {
        // Gatsby: the folder `gatsby-source-filesystem` reads (PostHog's `contents/`).
        configs: &["gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"],
        beside_config: false,
        marker: None,
        folder_of: Some(gatsby_source_folder),
        what: "a Gatsby site",
        folder: "contents",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "point gatsby-source-filesystem's `path` at `${__dirname}/content` in gatsby-config.js, so Gatsby still builds",
        ),
    },
    Generator {
        // docsify: no build, an index.html that loads the pages beside it in the browser.
        configs: &["content/index.html", "docs/index.html"],
        beside_config: true,
        marker: Some("window.$docsify"),
        folder_of: None,
        what: "a docsify site",
        folder: "docs",
        folder_key: None,
        title_key: "name",
        keep_building: Some(
            "serve content/ instead of docs/ so docsify still works (its index.html moves with the pages it reads; or keep index.html in docs/ and set `basePath` in window.$docsify to content/'s address)",
        ),
    },
    Generator {
        configs: &["index.html"],
        beside_config: false,
        marker: Some("window.$docsify"),
        folder_of: None,
        what: "a docsify site",
        folder: ".",
        folder_key: None,
        title_key: "name",
        keep_building: Some(
            "move index.html in with them (docsify reads the pages beside it) and serve content/, or set `basePath: 'content/'` in window.$docsify, so docsify still works",
        ),
    },
    Generator {
        configs: &["book.toml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "an mdBook book",
        folder: "src",
        folder_key: Some("src"),
        title_key: "title",
        keep_building: Some(
            "set `src = \"content\"` under [book] in book.toml so mdBook still builds",
        ),
    },
    Generator {
        // The GOV.UK tech docs template (Middleman and the `govuk_tech_docs` gem): its
        // settings in config/tech-docs.yml, its pages (`x.html.md.erb`) in source/.
        configs: &["config/tech-docs.yml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a GOV.UK tech docs site",
        folder: "source",
        folder_key: None,
        title_key: "service_name",
        keep_building: Some(
            "add `set :source, \"content\"` to config.rb so Middleman still builds",
        ),
    },
    Generator {
        // Hugo's configuration directory (`config/_default/`) is how larger sites (Docsy's,
        // GitLab's handbook) split their configuration.
        configs: &[
            "hugo.toml",
            "hugo.yaml",
            "hugo.json",
            "config/_default/hugo.toml",
            "config/_default/hugo.yaml",
            "config/_default/hugo.json",
            "config/_default/config.toml",
            "config/_default/config.yaml",
            "config/_default/config.json",
            "config.yaml",
            "config.yml",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Hugo site",
        folder: "content",
        folder_key: Some("contentDir"),
        title_key: "title",
        keep_building: Some("set `contentDir = \"content\"` in the Hugo configuration"),
    },
    Generator {
        configs: &["config.toml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Hugo or Zola site",
        folder: "content",
        folder_key: None,
        title_key: "title",
        keep_building: None,
    },
    Generator {
        configs: &[".gitbook.yaml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a GitBook space",
        folder: ".",
        folder_key: Some("root"),
        title_key: "title",
        keep_building: Some("set `root: ./content/` in .gitbook.yaml so GitBook still syncs"),
    },
    Generator {
        // The GitBook of before 2018 (the `gitbook` command line): `book.json` beside
        // `SUMMARY.md`, its `root` naming the pages' folder.
        configs: &["book.json"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a GitBook book",
        folder: ".",
        folder_key: Some("root"),
        title_key: "title",
        keep_building: Some("set `\"root\": \"./content\"` in book.json so GitBook still builds"),
    },
    Generator {
        configs: &[
            "content/conf.py",
            "docs/conf.py",
            "doc/conf.py",
            "docs/*/conf.py",
            "doc/*/conf.py",
        ],
        beside_config: true,
        marker: None,
        folder_of: None,
        what: "a Sphinx site",
        folder: "docs",
        folder_key: None,
        title_key: "project",
        keep_building: Some("run sphinx-build on content/ (conf.py moves with it)"),
    },
    Generator {
        configs: &[
            "content/myst.yml",
            "docs/myst.yml",
            "doc/myst.yml",
            "myst.yml",
        ],
        beside_config: true,
        marker: None,
        folder_of: None,
        what: "a MyST (Jupyter Book) site",
        folder: ".",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "run `myst build` (or `jupyter book build`) in content/ from then on (myst.yml moves with it), so the MyST site still builds",
        ),
    },
    Generator {
        // Nextra 2 and 3: Next.js's `pages/` is the site's root, so its links are written
        // from there (`/handbook/how-we-work`) and the folder itself must become content/
        // (moved into it, every such link would miss). Nextra 4 keeps them in content/.
        configs: &[
            "theme.config.tsx",
            "theme.config.jsx",
            "theme.config.ts",
            "theme.config.js",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Nextra site",
        folder: "pages",
        folder_key: None,
        title_key: "title",
        keep_building: None,
    },
    Generator {
        // The same, known by its dependency when it has no `theme.config.*` (the theme set
        // up in `next.config.js`): a `pages/` folder is needed (without one, it is Nextra
        // 4, whose pages are in content/ already).
        configs: &["package.json"],
        beside_config: false,
        marker: Some("\"nextra\""),
        folder_of: None,
        what: "a Nextra site",
        folder: "pages",
        folder_key: None,
        title_key: "title",
        keep_building: None,
    },
    Generator {
        // VuePress run on docs/ (`vuepress build docs`, its default): .vuepress/ is in
        // docs/ and moves with the pages.
        configs: &[
            "docs/.vuepress/config.js",
            "docs/.vuepress/config.ts",
            "docs/.vuepress/config.mjs",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: VUEPRESS,
        folder: "docs",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "run `vuepress build content` (and `vuepress dev content`) where package.json's scripts name docs, so VuePress still builds: .vuepress/ moves with the pages",
        ),
    },
    Generator {
        // VuePress run on the repository's root (`vuepress build .`): .vuepress/ at the
        // top, README.md the site's home page (not the repository's README), its pages in
        // folders beside it; they move into content/ with .vuepress/ (where its config
        // is found again once they are moved, to title the handbook).
        configs: &[
            ".vuepress/config.js",
            ".vuepress/config.ts",
            ".vuepress/config.mjs",
            "content/.vuepress/config.js",
            "content/.vuepress/config.ts",
            "content/.vuepress/config.mjs",
        ],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: VUEPRESS,
        folder: ".",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "run `vuepress build content` (and `vuepress dev content`) where package.json's scripts run it on the repository's root, so VuePress still builds",
        ),
    },
    Generator {
        // DocFX: docfx.json beside its pages and its root toc.yml (`docfx` run there).
        configs: &["docfx.json", "docs/docfx.json"],
        beside_config: true,
        marker: None,
        folder_of: None,
        what: "a DocFX project",
        folder: ".",
        folder_key: None,
        title_key: "_appTitle",
        keep_building: Some(
            "set the `src` of docfx.json's `build.content` entries to `content` (or move docfx.json in with the pages), so DocFX still builds",
        ),
    },
    Generator {
        // Quarto: `_quarto.yml` beside the pages (`.qmd` and `.md`), the site's or the
        // book's title under `website:` or `book:`, the first `title:` in the file.
        configs: &[
            "_quarto.yml",
            "_quarto.yaml",
            "docs/_quarto.yml",
            "docs/_quarto.yaml",
        ],
        beside_config: true,
        marker: None,
        folder_of: None,
        what: "a Quarto site",
        folder: ".",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "run `quarto render` in content/ from then on (_quarto.yml moves with it), so the Quarto site still builds",
        ),
    },
    Generator {
        // Jupyter Book 1: known by its table of contents (its `_config.yml` would pass for
        // Jekyll's), at the top of the book's folder, titled by `_config.yml` beside it.
        configs: &["content/_toc.yml", "_toc.yml", "*/_toc.yml"],
        beside_config: true,
        marker: None,
        folder_of: None,
        what: JUPYTER_BOOK,
        folder: ".",
        folder_key: None,
        title_key: "title",
        keep_building: Some(
            "run `jupyter-book build content/` from then on (_config.yml and _toc.yml move with the pages), so the book still builds",
        ),
    },
    Generator {
        // Jekyll at the repository's root (GitHub Pages' default): the pages are there.
        configs: &["_config.yml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Jekyll site",
        folder: ".",
        folder_key: Some("source"),
        title_key: "title",
        keep_building: Some(
            "set `source: content` in _config.yml and move Jekyll's own folders (`_layouts/`, `_includes/`, `_sass/`, `assets/`) in with them, so Jekyll still builds",
        ),
    },
    Generator {
        configs: &["docs/_config.yml"],
        beside_config: false,
        marker: None,
        folder_of: None,
        what: "a Jekyll site",
        folder: "docs",
        folder_key: None,
        title_key: "title",
        keep_building: None,
    },
];

/// The site in `dir`, if there is one with at least one Markdown page.
/// What a VuePress site is called (the generator that reads its README as its home page).
pub const VUEPRESS: &str = "a VuePress site";

/// What a Retype project is called: on the repository's root too, its README is the
/// site's home page.
pub const RETYPE: &str = "a Retype project";

/// What a Jupyter Book 1 is called: its settings and table of contents move with its pages.
const JUPYTER_BOOK: &str = "a Jupyter Book";

/// Whether a site of this kind at the repository's root is read from its README on
/// (its home page), folders of pages beside it: then they move in together.
pub fn readme_is_home(what: Option<&str>) -> bool {
    matches!(what, Some(VUEPRESS | RETYPE))
}

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

/// The title of the site's home page (`_index.md`, `index.md` or `README.md` at the top of
/// `folder`): its front matter's `title`, else its first `# Heading`. A site without a
/// configuration still says its name there ("# Acme handbook"), better than a title made
/// from the folder's name.
fn home_title(folder: &Path) -> Option<String> {
    let text = [
        "_index.md",
        "index.md",
        "index.mdx",
        "index.qmd",
        "README.md",
        "readme.md",
    ]
    .iter()
    .find_map(|name| crate::text::legacy::read_text(&folder.join(name)).ok())?
    .0;
    page_title(&text)
}

/// A page's title: its front matter's `title`, else its first level-1 heading, `# Heading`
/// or underlined with `===` (older READMEs: `Guides` / `======`).
fn page_title(text: &str) -> Option<String> {
    let mut lines = text.lines().peekable();
    let fence = lines
        .peek()
        .map(|l| l.trim_end())
        .filter(|l| *l == "---" || *l == "+++");
    if let Some(fence) = fence {
        lines.next();
        let front: Vec<&str> = lines
            .by_ref()
            .take_while(|l| l.trim_end() != fence)
            .collect();
        // Wiki.js names a page saved without a title "Untitled Page": no name for a site.
        if let Some(title) = value_of(&front.join("\n"), "title")
            .filter(|t| !(t == "Untitled Page" && front.iter().any(|l| l.starts_with("editor:"))))
        {
            return Some(title);
        }
    }
    let mut previous = "";
    lines.find_map(|l| {
        let underlined = !previous.trim().is_empty()
            && !l.is_empty()
            && l.trim_end().chars().all(|c| c == '=')
            && !previous.starts_with([' ', '\t', '#', '-', '*', '>', '|', '<', '[', '!']);
        let heading = if underlined {
            previous.trim()
        } else {
            l.strip_prefix("# ")
                .map_or("", |h| h.trim().trim_end_matches('#').trim())
        };
        previous = l;
        (!heading.is_empty()).then(|| heading.to_string())
    })
}

/// The paths a configuration pattern stands for in `dir`, `*` expanded to each folder in
/// name order (so the same checkout always finds the same file).
fn config_paths(dir: &Path, pattern: &str) -> Vec<String> {
    let Some((before, after)) = pattern
        .strip_prefix("*/")
        .map(|after| ("", after))
        .or_else(|| pattern.split_once("/*/"))
    else {
        return vec![pattern.to_string()];
    };
    let Ok(entries) = std::fs::read_dir(dir.join(before)) else {
        return Vec::new();
    };
    let mut folders: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !crate::text::walk::is_ignored(name))
        .collect();
    folders.sort();
    folders
        .into_iter()
        .map(|f| match before {
            "" => format!("{f}/{after}"),
            _ => format!("{before}/{f}/{after}"),
        })
        .collect()
}

/// The first plain value of `key` in a YAML, TOML or JavaScript configuration: a line
/// `key: value`, `key = "value"` or `key: 'value',`, without the comment that may follow it
/// (`title: Acme # the name of your site`), or YAML's folded block (`title: >-` and the
/// indented lines under it). Values that are expressions (`!ENV …`, `process.env…`,
/// `${…}`, `"a" + b`) are not plain.
pub(crate) fn value_of(text: &str, key: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    lines.iter().enumerate().find_map(|(i, line)| {
        let depth = line.len() - line.trim_start().len();
        let line = line.trim_start();
        // `title: x`, `title = "x"`, and JSON's `"title": "x"` (book.json).
        let rest = line
            .strip_prefix(key)
            .or_else(|| line.strip_prefix('"')?.strip_prefix(key)?.strip_prefix('"'))?
            .trim_start();
        let rest = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('='))?
            .trim();
        let value = if let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) {
            let (value, after) = quoted(&rest[1..], quote)?;
            let after = after.trim_start();
            let ends =
                after.is_empty() || after.starts_with(['#', ',', ';']) || after.starts_with("//");
            ends.then_some(value)?
        } else if matches!(rest, ">" | ">-" | ">+" | "|" | "|-" | "|+") {
            // A block scalar: the lines indented under the key, joined as YAML folds them.
            let block: Vec<&str> = lines[i + 1..]
                .iter()
                .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() > depth)
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .collect();
            block.join(" ")
        } else {
            // YAML and TOML comments start at a `#` after a space; JavaScript ends with `,`.
            let value = rest
                .find(" #")
                .or_else(|| rest.find("\t#"))
                .map_or(rest, |at| &rest[..at])
                .trim_end();
            value.strip_suffix(',').unwrap_or(value).trim().to_owned()
        };
        let plain = !value.is_empty()
            && !value.starts_with(['!', '[', '{', '&', '*'])
            && !value.contains("${")
            && !value.contains("process.env");
        plain.then_some(value)
    })
}

/// The text of a quoted value whose opening `quote` came just before `rest`, with its
/// escapes read (`\"` in double quotes, `''` in YAML's single quotes), and what follows
/// the closing quote; `None` when it does not close on the line.
fn quoted(rest: &str, quote: char) -> Option<(String, &str)> {
    let mut value = String::new();
    let mut chars = rest.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if quote == '"' => value.push(chars.next()?.1),
            c if c == quote => {
                if quote == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                    value.push('\'');
                } else {
                    return Some((value, &rest[at + 1..]));
                }
            }
            c => value.push(c),
        }
    }
    None
}

/// The Jekyll collection (`collections:` in `_config.yml`) with the most Markdown files in
/// its folder (`_pages/` for `pages`), and how many; `None` when no collection has any.
/// The keys are read as `collections: [a, b]` or as the keys indented one level below
/// `collections:`.
fn jekyll_collection(dir: &Path, config: &str) -> Option<(String, usize)> {
    let mut names: Vec<String> = Vec::new();
    let mut lines = config
        .lines()
        .skip_while(|l| !l.starts_with("collections:"));
    let first = lines.next()?;
    let inline = first["collections:".len()..].trim();
    if let Some(list) = inline.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        names.extend(
            list.split(',')
                .map(|n| n.trim().trim_matches(['"', '\'']).to_string()),
        );
    } else {
        let mut indent = None;
        for line in lines {
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let depth = line.len() - line.trim_start().len();
            if depth == 0 {
                break;
            }
            if *indent.get_or_insert(depth) == depth
                && let Some((key, _)) = line.trim().split_once(':')
            {
                names.push(key.trim().trim_matches(['"', '\'']).to_string());
            }
        }
    }
    names
        .into_iter()
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\', '.']) && n != "posts")
        .map(|n| {
            let folder = format!("_{n}");
            let pages = markdown_files(&dir.join(&folder));
            (folder, pages)
        })
        .filter(|(_, pages)| *pages > 0)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
}

/// The pages at the top of a repository, by name, sorted: its Markdown files there, less
/// the ones every repository has (README, CHANGELOG, CONTRIBUTING, LICENSE,
/// CODE_OF_CONDUCT, SECURITY), which stay where GitHub shows them.
pub fn top_level_page_names(dir: &Path) -> Vec<String> {
    const REPOSITORY_FILES: &[&str] = &[
        "readme",
        "changelog",
        "contributing",
        "license",
        "code_of_conduct",
        "security",
    ];
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| crate::load::is_markdown(name) && !name.starts_with(['_', '.']))
        .filter(|name| {
            let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
            !REPOSITORY_FILES.contains(&stem.to_ascii_lowercase().as_str())
        })
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect()
}

fn top_level_pages(dir: &Path) -> usize {
    top_level_page_names(dir).len()
}

/// Markdown files in the folders below `dir` (not at its top), as the build would read
/// them: a site at a repository's root keeps its pages in folders as well.
fn nested_markdown_files(dir: &Path) -> usize {
    let top = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter(|e| crate::load::is_markdown(&e.file_name().to_string_lossy()))
                .filter(|e| !crate::text::walk::is_ignored(&e.file_name().to_string_lossy()))
                .count()
        })
        .unwrap_or(0);
    markdown_files(dir).saturating_sub(top)
}

/// How many pages are directly in `folder/teams/` when none of the Markdown files under
/// it is written as a charter ([`crate::load::is_written_as_charter`]): a site's plain
/// `teams/` folder of pages about its teams, which orgbook publishes as pages only while
/// the handbook has no charter. 0 when there is none, or a charter.
pub fn plain_team_pages(folder: &Path) -> usize {
    let teams = folder.join("teams");
    let mut loose = 0;
    for (rel, path) in crate::text::walk::files_under(&teams) {
        if !crate::load::is_markdown(&rel) || crate::load::machinery::is_skipped_file(&rel) {
            continue;
        }
        let Ok((text, _)) = crate::text::legacy::read_text(&path) else {
            continue;
        };
        if crate::load::is_written_as_charter(&text) {
            return 0;
        }
        if !rel.contains('/') && crate::load::index_rank(&rel).is_none() {
            loose += 1;
        }
    }
    loose
}

/// The Markdown files a handbook would leave out, being outside its content/.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Outside {
    /// How many.
    pub count: usize,
    /// The first by path.
    pub first: Option<String>,
    /// The folders and files at the top of the repository that hold them, sorted: what a
    /// `git mv … content/` moves.
    pub tops: Vec<String>,
    /// The name the handbook's home page gives it (its front matter's `title`, else its
    /// first `# Heading`), when one of `tops` becomes content/'s index page.
    pub title: Option<String>,
    /// Another tool's home page among `tops` (Wiki.js's `home.md`, a Dendron vault's
    /// `root.md`), which the handbook's home page is once moved, when no index page is.
    pub tool_home: Option<String>,
}

impl Outside {
    /// The file among [`Outside::tops`] that becomes content/'s index page once moved
    /// (`README.md`, `index.md`).
    pub fn home(&self) -> Option<&str> {
        self.tops
            .iter()
            .map(String::as_str)
            .find(|top| crate::load::index_rank(top).is_some())
            .or(self.tool_home.as_deref())
    }
}

/// The Markdown files in `dir` that a handbook made there would leave out, being outside
/// its content/ (and its output, public/). The repository's own files at the top
/// (CHANGELOG, CONTRIBUTING…) are not counted. Its README is, when other pages are outside
/// too: in a repository of Markdown folders it is the front page GitHub shows, and so the
/// handbook's home page; alone beside code it is the project's, and stays.
pub fn markdown_outside_content(dir: &Path) -> Outside {
    use crate::load::machinery;
    let rel = |e: &walkdir::DirEntry| crate::diagnostic::display_path(dir, e.path());
    let top = top_level_page_names(dir);
    let mut found: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|e| {
            let name = e.file_name().to_string_lossy();
            let skipped = crate::text::walk::is_ignored(&name)
                || (e.depth() == 1
                    && e.file_type().is_dir()
                    && matches!(&*name, "content" | "public"))
                || (e.file_type().is_dir() && machinery::packages(&rel(e), true));
            e.depth() == 0 || !skipped
        })
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| rel(&e))
        .filter(|rel| {
            crate::load::is_markdown(rel)
                && !machinery::is_skipped_file(rel)
                && (rel.contains('/') || top.contains(rel))
        })
        .collect();
    let has_home = top
        .iter()
        .any(|name| crate::load::index_rank(name).is_some());
    // Wiki.js's git storage keeps the wiki's home page as `home.md` at the top (a Dendron
    // vault as `root.md`): that is the home page, and a README beside it is about the
    // repository, as it is beside code.
    let tool_home = ["home.md", "root.md"].into_iter().find(|name| {
        top.iter().any(|t| t == name)
            && crate::text::legacy::read_text(&dir.join(name)).is_ok_and(|(text, _)| {
                crate::load::home_of_a_tool(&format!("content/{name}"), &text).is_some()
            })
    });
    if !found.is_empty() && !has_home && tool_home.is_none() {
        let readme = std::fs::read_dir(dir).ok().and_then(|entries| {
            entries
                .flatten()
                .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|name| name.eq_ignore_ascii_case("readme.md"))
                .min()
        });
        found.extend(readme);
    }
    found.sort_unstable();
    let mut tops: std::collections::BTreeSet<String> = found
        .iter()
        .map(|rel| rel.split('/').next().unwrap_or(rel).to_string())
        .collect();
    if !found.is_empty() {
        let linked = linked_folders(dir, &found, &tops);
        tops.extend(linked);
    }
    let mut outside = Outside {
        count: found.len(),
        tops: tops.into_iter().collect(),
        first: found.into_iter().next(),
        title: None,
        tool_home: tool_home.filter(|_| !has_home).map(str::to_string),
    };
    if let Some(home) = outside.home() {
        outside.title = crate::text::legacy::read_text(&dir.join(home))
            .ok()
            .and_then(|(text, _)| page_title(&text));
    }
    outside
}

/// The folders at the top of `dir` that hold no Markdown but files the pages show or link
/// (`media/` beside a page converted from Word by pandoc, a Jekyll site's `assets/`): they
/// move in with the pages, or every image breaks. Pages past the first few thousand, and
/// text past a page's first MiB, are not read: a hint, not an inventory.
fn linked_folders(
    dir: &Path,
    pages: &[String],
    tops: &std::collections::BTreeSet<String>,
) -> std::collections::BTreeSet<String> {
    const PAGES_READ: usize = 5000;
    const READ_AT_MOST: usize = 1 << 20;
    let mut linked = std::collections::BTreeSet::new();
    for page in pages.iter().take(PAGES_READ) {
        let Ok((text, _)) = crate::text::legacy::read_text(&dir.join(page)) else {
            continue;
        };
        let mut end = text.len().min(READ_AT_MOST);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let from = page.rsplit_once('/').map_or("", |(folder, _)| folder);
        for dest in link_destinations(&text[..end]) {
            let Some(path) = folder_path(from, dest) else {
                continue;
            };
            let Some((top, _)) = path.split_once('/') else {
                continue;
            };
            if tops.contains(top)
                || linked.contains(top)
                || matches!(top, "content" | "public" | "static")
                || crate::text::walk::is_ignored(top)
            {
                continue;
            }
            if dir.join(&path).is_file() {
                linked.insert(top.to_string());
            }
        }
    }
    linked
}

/// The destinations written in Markdown links and images (`](dest)`) and in `src="…"` /
/// `href="…"` attributes of `text`, as written.
fn link_destinations(text: &str) -> impl Iterator<Item = &str> {
    let markdown = text.match_indices("](").map(|(at, _)| {
        let rest = text[at + 2..].trim_start_matches('<');
        let end = rest
            .find(|c: char| c == ')' || c == '>' || c.is_whitespace())
            .unwrap_or(rest.len());
        &rest[..end]
    });
    let html = ["src=\"", "href=\""].into_iter().flat_map(move |attr| {
        text.match_indices(attr).map(move |(at, _)| {
            let rest = &text[at + attr.len()..];
            &rest[..rest.find('"').unwrap_or(rest.len())]
        })
    });
    markdown.chain(html)
}

/// `dest` (a link written in a page in folder `from`) as a path from the repository's top,
/// when it names a file there: not an address, not an anchor, not above the top.
fn folder_path(from: &str, dest: &str) -> Option<String> {
    if dest.is_empty() || dest.contains("://") || dest.starts_with(['#', '?']) || dest.contains(':')
    {
        return None;
    }
    let dest = dest.split(['#', '?']).next().unwrap_or(dest);
    let dest = crate::text::percent_decode(dest).unwrap_or_else(|| dest.to_string());
    crate::text::join_path(from, &dest)
}

/// The files at the top of `dir` that stay there (not among `outside`'s tops) and that
/// the home page moving in links to (`[guidelines](CONTRIBUTING.md)`, `/LICENSE`): from
/// content/README.md those links need a `../`. Sorted.
pub fn left_behind_links(dir: &Path, outside: &Outside) -> Vec<String> {
    let Some(home) = outside.home() else {
        return Vec::new();
    };
    let Ok((text, _)) = crate::text::legacy::read_text(&dir.join(home)) else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut linked: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| !name.starts_with('.') && !outside.tops.contains(name))
        .filter(|name| {
            ["](", "]: ", "href=\""].iter().any(|before| {
                ["", "/", "./"]
                    .iter()
                    .any(|prefix| text.contains(&format!("{before}{prefix}{name}")))
            })
        })
        .collect();
    linked.sort_unstable();
    linked
}

/// Markdown files below `folder`, as the build would read them (hidden files and other
/// generators' machinery left out).
fn markdown_files(folder: &Path) -> usize {
    use crate::load::machinery;
    let rel = |e: &walkdir::DirEntry| crate::diagnostic::display_path(folder, e.path());
    walkdir::WalkDir::new(folder)
        .into_iter()
        .filter_entry(|e| {
            let skipped = crate::text::walk::is_ignored(&e.file_name().to_string_lossy())
                || (e.file_type().is_dir() && machinery::packages(&rel(e), true));
            e.depth() == 0 || !skipped
        })
        .flatten()
        .filter(|e| {
            let rel = rel(e);
            e.file_type().is_file()
                && crate::load::is_markdown(&rel)
                && !machinery::is_skipped_file(&rel)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(root: &Path, files: &[(&str, &str)]) {
        for (rel, text) in files {
            let p = root.join(rel);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
    }

    /// Titles as real configurations write them: with the comment a theme's sample put
    /// after the value, quoted with escapes, or folded over lines.
    #[test]
    fn configured_titles_are_read_without_comments_or_quotes() {
        let title = |text: &str, key: &str| value_of(text, key);
        for (text, key, expected) in [
            (
                "title: \"Box Products\" # the name of your site, e.g. ACME Corp.\n",
                "title",
                "Box Products",
            ),
            (
                "title: Acme Handbook # the name of your site\n",
                "title",
                "Acme Handbook",
            ),
            (
                "title = \"Eng Handbook\" # the title\n",
                "title",
                "Eng Handbook",
            ),
            (
                "site_name: Platform Docs # name\n",
                "site_name",
                "Platform Docs",
            ),
            ("title: 'It''s ours'\n", "title", "It's ours"),
            (
                "title = \"The \\\"Ops\\\" book\"\n",
                "title",
                "The \"Ops\" book",
            ),
            ("title: C# at Acme\n", "title", "C# at Acme"),
            (
                "title: >-\n  Acme engineering\n  handbook\nbaseurl: /x\n",
                "title",
                "Acme engineering handbook",
            ),
            ("  title: 'Docs site',\n", "title", "Docs site"),
            ("project = 'pip'\n", "project", "pip"),
        ] {
            assert_eq!(title(text, key).as_deref(), Some(expected), "{text}");
        }
        for text in [
            "title: \"A\" + suffix,\n",
            "title: !ENV SITE\n",
            "title: \"unclosed\n",
        ] {
            assert_eq!(title(text, "title"), None, "{text}");
        }
    }

    #[test]
    fn sites_are_found_by_their_configuration_with_folder_and_title() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        assert_eq!(find(root), None);
        write(
            root,
            &[
                (
                    "mkdocs.yml",
                    "site_name: 'Platform docs'\nsite_url: https://x\ndocs_dir: pages/\n",
                ),
                ("pages/index.md", "# Home\n"),
                ("pages/a/b.md", "# B\n"),
                ("pages/.hidden.md", "# no\n"),
                ("pages/_snippets/note.md", "partial\n"),
                ("pages/_footer.md", "partial\n"),
                ("pages/vendor/bundle/gems/k/README.md", "# gem\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("an MkDocs site"));
        assert_eq!((site.folder.as_str(), site.pages), ("pages", 2));
        assert_eq!(site.title.as_deref(), Some("Platform docs"));
        assert!(site.keep_building.unwrap().contains("docs_dir: content"));
        // Its pages moved to content/ (`git mv pages content`): still that site.
        std::fs::rename(root.join("pages"), root.join("content")).unwrap();
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("an MkDocs site"));
        assert_eq!((site.folder.as_str(), site.pages), ("content", 2));
        assert_eq!(site.title.as_deref(), Some("Platform docs"));
        assert_eq!(site.keep_building, None);
    }

    /// A GOV.UK tech docs repository: its pages are `.html.md.erb` files in source/,
    /// beside Middleman's layouts and partials; its name is config/tech-docs.yml's
    /// `service_name`.
    #[test]
    fn a_tech_docs_site_is_found_in_source_and_adopted_once_moved() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "config/tech-docs.yml",
                    "host: https://x.example\nservice_name: The Platform Way\nenable_search: true\n",
                ),
                (
                    "config.rb",
                    "require 'govuk_tech_docs'\nGovukTechDocs.configure(self)\n",
                ),
                ("Gemfile", "gem 'govuk_tech_docs'\n"),
                (
                    "source/index.html.md.erb",
                    "---\ntitle: The Platform Way\n---\n# <%= current_page.data.title %>\n",
                ),
                (
                    "source/standards/alerts.html.md.erb",
                    "---\ntitle: Alerts\n---\n",
                ),
                ("source/manuals/go.html.md", "# Go\n"),
                ("source/layouts/core.erb", "<html><%= yield %></html>\n"),
                ("source/partials/_banner.html.md.erb", "Internal use only\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("a GOV.UK tech docs site"));
        assert_eq!((site.folder.as_str(), site.pages), ("source", 3));
        assert_eq!(site.title.as_deref(), Some("The Platform Way"));
        assert!(
            site.keep_building
                .unwrap()
                .contains("set :source, \"content\"")
        );
        // `orgbook init` refuses, saying how to move the pages in.
        let today = jiff::civil::date(2024, 1, 2);
        let refused = crate::scaffold::plan_init(root, "x", today, false, Some(&site), &[]);
        let help = refused.unwrap_err().help().unwrap();
        assert!(
            help.contains("git mv source content") && help.contains("config.rb"),
            "{help}"
        );
        // Moved (`git mv source content`): adopted, titled by `service_name`.
        std::fs::rename(root.join("source"), root.join("content")).unwrap();
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("a GOV.UK tech docs site"));
        assert_eq!((site.folder.as_str(), site.pages), ("content", 3));
        assert_eq!(site.title.as_deref(), Some("The Platform Way"));
        assert_eq!(site.keep_building, None);
        let files = crate::scaffold::plan_init(root, "x", today, false, Some(&site), &[]).unwrap();
        assert!(
            files.iter().all(|(rel, _)| !rel.starts_with("content/")),
            "{files:?}"
        );
    }

    #[test]
    fn a_configuration_without_pages_is_passed_over_and_content_is_adopted_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                ("book.toml", "[book]\ntitle = \"Ops\"\n"),
                ("hugo.toml", "baseURL = 'https://x/'\ntitle = 'Acme Docs'\n"),
                ("content/_index.md", "# Acme\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("a Hugo site"));
        assert_eq!(site.folder, "content");
        assert_eq!(site.title.as_deref(), Some("Acme Docs"));
        assert_eq!(site.keep_building, None);
    }

    #[test]
    fn a_sphinx_project_is_named_and_titled_by_its_conf_py() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "docs/conf.py",
                    "import os\nproject = \"pip\"\nextensions = [\"myst_parser\"]\n",
                ),
                ("docs/index.md", "# pip\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str()),
            (Some("a Sphinx site"), "docs")
        );
        assert_eq!(site.title.as_deref(), Some("pip"));
    }

    /// `sphinx-quickstart`'s "separate source and build" layout (`docs/source/conf.py`),
    /// pip's `docs/html/conf.py`, and `doc/` instead of `docs/`: the pages are beside
    /// `conf.py`, so that is the folder to move.
    #[test]
    fn a_sphinx_conf_py_one_folder_down_is_found_with_its_pages() {
        for (conf, pages) in [
            ("docs/source/conf.py", "docs/source"),
            ("docs/html/conf.py", "docs/html"),
            ("doc/conf.py", "doc"),
            ("doc/source/conf.py", "doc/source"),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            write(
                root,
                &[
                    ("docs/man/pip.rst", "pip\n===\n"),
                    ("docs/.venv/x/conf.py", "project = 'not this'\n"),
                    (conf, "project = 'Widget'\n"),
                    (&format!("{pages}/index.md"), "# Widget\n"),
                    (&format!("{pages}/guide/install.md"), "# Install\n"),
                ],
            );
            let site = find(root).unwrap();
            assert_eq!(
                (site.what, site.folder.as_str(), site.pages),
                (Some("a Sphinx site"), pages, 2),
                "{conf}"
            );
            assert_eq!(site.title.as_deref(), Some("Widget"));
            assert_eq!(
                site.summary(),
                format!("a Sphinx site with 2 Markdown files in {pages}/")
            );
        }
    }

    #[test]
    fn markdown_without_a_generator_is_summarised_without_one() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, &[("docs/a.md", "# A\n")]);
        let site = find(root).unwrap();
        assert_eq!(site.what, None);
        assert_eq!(site.summary(), "1 Markdown file in docs/");
    }

    /// Hugo's configuration directory, as Docsy sites and GitLab's handbook keep it.
    #[test]
    fn a_hugo_configuration_directory_names_and_titles_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "config/_default/config.yaml",
                    "baseURL: /\ntitle: The Harbour Handbook\ncontentDir: content\n",
                ),
                ("content/handbook/_index.md", "---\ntitle: Handbook\n---\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("a Hugo site"));
        assert_eq!(site.title.as_deref(), Some("The Harbour Handbook"));
    }

    /// Jekyll at the repository's root, as GitHub Pages sites are: the pages are there, and
    /// move into content/; a code repository's README and CHANGELOG are no site.
    #[test]
    fn a_jekyll_site_at_the_repository_root_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                ("README.md", "# Repo\n"),
                ("CHANGELOG.md", "# Changes\n"),
                ("_config.yml", "title: \"Harbour Handbook\"\n"),
            ],
        );
        assert_eq!(find(root), None);
        write(
            root,
            &[
                ("how-we-work.md", "# How we work\n"),
                ("benefits.md", "# Benefits\n"),
                ("_layouts/default.html", "<html></html>\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(site.what, Some("a Jekyll site"));
        assert_eq!((site.folder.as_str(), site.pages), (".", 2));
        assert_eq!(site.title.as_deref(), Some("Harbour Handbook"));
        assert!(site.keep_building.unwrap().contains("source: content"));
        // Moved in: content/ wins, and the site is adopted there.
        write(root, &[("content/how-we-work.md", "# How we work\n")]);
        assert_eq!(find(root).unwrap().folder, "content");
    }

    /// Without a configuration, the home page's own title names the site.
    /// A Jekyll site whose pages are a collection (`_pages/`), as the TTS handbook keeps
    /// them: found, with the folder to move; once moved, titled by `_config.yml` still.
    #[test]
    fn a_jekyll_collection_of_pages_is_found_and_keeps_its_title() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[
                (
                    "_config.yml",
                    "title: Acme Handbook\ncollections:\n  pages:\n    output: true\n    permalink: /:path/\n  people:\n    output: false\n",
                ),
                ("_pages/onboarding.md", "---\ntitle: Onboarding\n---\nHi\n"),
                ("_pages/about/us.md", "# Us\n"),
                ("_people/ana.md", "# Ana\n"),
            ],
        );
        let site = find(dir.path()).expect("a site");
        assert_eq!(site.folder, "_pages");
        assert_eq!(site.pages, 2);
        assert_eq!(site.what, Some("a Jekyll site"));
        assert_eq!(site.title.as_deref(), Some("Acme Handbook"));
        std::fs::rename(dir.path().join("_pages"), dir.path().join("content")).unwrap();
        let site = find(dir.path()).expect("a site");
        assert_eq!(site.folder, "content");
        assert_eq!(site.title.as_deref(), Some("Acme Handbook"));
        // The flow form names collections too.
        assert_eq!(
            jekyll_collection(dir.path(), "collections: [people]\n"),
            Some(("_people".to_string(), 1))
        );
    }

    #[test]
    fn a_site_without_configuration_is_titled_by_its_home_page() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "content/index.md",
                    "<!-- edit me -->\n# Sourcery handbook\n\nHi.\n",
                ),
                ("content/teams/a.md", "# A\n"),
            ],
        );
        assert_eq!(
            find(root).unwrap().title.as_deref(),
            Some("Sourcery handbook")
        );
        write(
            root,
            &[(
                "content/_index.md",
                "+++\ntitle = \"Front matter wins\"\n+++\n# Heading\n",
            )],
        );
        assert_eq!(
            find(root).unwrap().title.as_deref(),
            Some("Front matter wins")
        );
    }

    /// Zensical, Material for MkDocs' successor: `zensical.toml`, TOML, `[project]`.
    #[test]
    fn a_zensical_site_is_found_and_titled() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "zensical.toml",
                    "[project]\nsite_name = \"Griffe\"\nsite_url = \"https://x\"\n",
                ),
                ("docs/index.md", "# Griffe\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (Some("a Zensical site"), "docs", Some("Griffe"))
        );
        assert!(site.keep_building.unwrap().contains("zensical.toml"));
    }

    /// Jupyter Book 2 and mystmd: `myst.yml` beside the pages, its title under `project:`.
    #[test]
    fn a_myst_site_is_found_beside_its_myst_yml() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "docs/myst.yml",
                    "version: 1\nproject:\n  # title: old\n  title: Jupyter Book\n",
                ),
                ("docs/index.md", "# Jupyter Book\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (
                Some("a MyST (Jupyter Book) site"),
                "docs",
                Some("Jupyter Book")
            )
        );
    }

    /// Quarto: `_quarto.yml` beside its `.qmd` pages at the repository's root, the site
    /// titled under `website:` (a navbar's `title: false` after it is not the title).
    #[test]
    fn a_quarto_site_is_found_beside_its_quarto_yml() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "_quarto.yml",
                    "project:\n  type: website\n\nwebsite:\n  title: \"Field Lab\"\n  navbar:\n    title: false\n",
                ),
                ("index.qmd", "---\ntitle: Home\n---\n"),
                ("people/onboarding.qmd", "# Onboarding\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (
                site.what,
                site.folder.as_str(),
                site.pages,
                site.title.as_deref()
            ),
            (Some("a Quarto site"), ".", 2, Some("Field Lab"))
        );
    }

    /// Nextra 2 and 3: `pages/` is the folder to make content/ whole, and Next.js's
    /// `public/` (its pictures) has to become static/ before orgbook writes its site there.
    #[test]
    fn a_nextra_site_moves_its_pages_folder_and_its_public_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "theme.config.tsx",
                    "export default { logo: <b>Acme</b> };\n",
                ),
                ("pages/_meta.ts", "export default { index: 'Overview' };\n"),
                ("pages/handbook/index.mdx", "# Acme handbook\n"),
                ("pages/handbook/meetings.mdx", "# Meetings\n"),
                ("public/images/board.png", "png"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.pages),
            (Some("a Nextra site"), "pages", 2)
        );
        assert_eq!(site.other_moves.len(), 1, "{:?}", site.other_moves);
        assert!(site.other_moves[0].starts_with("`git mv public static`"));

        // Without a theme.config, by its dependency in package.json.
        std::fs::remove_file(root.join("theme.config.tsx")).unwrap();
        write(
            root,
            &[(
                "package.json",
                "{\n  \"name\": \"acme-docs\",\n  \"dependencies\": {\n    \"next\": \"^14.2.0\",\n    \"nextra\": \"^3.0.0\",\n    \"nextra-theme-docs\": \"^3.0.0\"\n  }\n}\n",
            )],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str()),
            (Some("a Nextra site"), "pages")
        );
    }

    #[test]
    fn a_gitbook_space_is_found_by_its_root() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    ".gitbook.yaml",
                    "root: ./docs/\n\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\n",
                ),
                ("docs/README.md", "# Handbook\n"),
                ("docs/SUMMARY.md", "* [Handbook](README.md)\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.pages),
            (Some("a GitBook space"), "docs", 2)
        );
        assert!(site.keep_building.unwrap().contains("root: ./content/"));
    }

    /// A GitBook book of the old command line (`book.json`, no `.gitbook.yaml`) with
    /// pages in folders: found, its pages counted (the README aside, as for any repository),
    /// titled by book.json.
    #[test]
    fn an_old_gitbook_book_is_found_by_its_book_json() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "book.json",
                    "{\n  \"title\": \"Relief Engineering\",\n  \"plugins\": []\n}\n",
                ),
                ("README.md", "# Engineering\n"),
                (
                    "SUMMARY.md",
                    "* [Engineering](README.md)\n* [Testing](a/testing.md)\n",
                ),
                ("a/testing.md", "# Testing\n"),
                ("a/b/deploys.md", "# Deploys\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.pages),
            (Some("a GitBook book"), ".", 3)
        );
        assert_eq!(site.title.as_deref(), Some("Relief Engineering"));
    }

    /// VitePress with `srcDir`, as a company handbook keeps it: the pages in their own
    /// folder, the site's `public/` files inside it; found, titled by the config, and the
    /// public/ folder is one more move.
    #[test]
    fn a_vitepress_site_is_found_by_its_src_dir_and_titled_by_its_config() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    ".vitepress/config.mjs",
                    "import { defineConfig } from \"vitepress\";\n\nexport default defineConfig({\n  title: \"Lumen Handbook\",\n  titleTemplate: \":title | Lumen\",\n  srcDir: \"./guide\",\n  themeConfig: { sidebar: [{ text: \"Team\", link: \"/team/rituals\" }] },\n});\n",
                ),
                ("guide/index.md", "# Lumen\n"),
                ("guide/team/rituals.md", "# Rituals\n"),
                ("guide/public/img/logo.png", "png"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.pages),
            (Some("a VitePress site"), "guide", 2)
        );
        assert_eq!(site.title.as_deref(), Some("Lumen Handbook"));
        assert!(site.keep_building.unwrap().contains("srcDir: './content'"));
        assert_eq!(site.other_moves.len(), 1);
        assert!(site.other_moves[0].starts_with("`git mv content/public static`"));
        // Moved, srcDir not yet changed: still that site, adopted in content/.
        std::fs::rename(root.join("guide"), root.join("content")).unwrap();
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (Some("a VitePress site"), "content", Some("Lumen Handbook"))
        );
        assert!(site.other_moves[0].starts_with("`git mv content/public static`"));
    }

    /// `vitepress build docs`: the config in docs/.vitepress/, the pages in docs/.
    #[test]
    fn a_vitepress_site_in_docs_moves_with_its_config() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "docs/.vitepress/config.ts",
                    "export default {\n  title: 'Relay Guide',\n  description: 'x'\n}\n",
                ),
                ("docs/index.md", "---\nlayout: home\n---\n"),
                ("docs/setup.md", "# Setup\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (Some("a VitePress site"), "docs", Some("Relay Guide"))
        );
        assert!(
            site.keep_building
                .unwrap()
                .contains("vitepress build content")
        );
        assert!(site.other_moves.is_empty());
    }

    /// DocFX: `docfx.json` at the repository's root beside the pages and the root toc.yml
    /// (titled by `_appTitle` in its global metadata), or in docs/ with them; VuePress:
    /// `.vuepress/config.js` in docs/ (its default).
    #[test]
    fn docfx_and_vuepress_sites_are_found_by_their_configs() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "docfx.json",
                    "{\n  \"build\": {\n    \"content\": [{ \"files\": [\"**/*.{md,yml}\"], \"exclude\": [\"_site/**\"] }],\n    \"globalMetadata\": {\n      \"_appTitle\": \"Ledger Platform Docs\",\n      \"_enableSearch\": true\n    }\n  }\n}\n",
                ),
                (
                    "toc.yml",
                    "- name: Home\n  href: index.md\n- name: Runbooks\n  href: runbooks/\n",
                ),
                ("index.md", "# Ledger\n"),
                (
                    "runbooks/toc.yml",
                    "- name: Failover\n  href: failover.md\n",
                ),
                (
                    "runbooks/failover.md",
                    "---\nuid: failover\n---\n# Failover\n",
                ),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (
                site.what,
                site.folder.as_str(),
                site.pages,
                site.title.as_deref()
            ),
            (
                Some("a DocFX project"),
                ".",
                2,
                Some("Ledger Platform Docs")
            )
        );
        assert!(site.keep_building.unwrap().contains("build.content"));
        assert_eq!(site.other_moves.len(), 1, "{:?}", site.other_moves);
        assert!(site.other_moves[0].starts_with("`git mv toc.yml content/`"));

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                ("docs/docfx.json", "{ \"build\": { \"content\": [] } }\n"),
                ("docs/index.md", "# Ops guide\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (Some("a DocFX project"), "docs", Some("Ops guide"))
        );
        assert!(site.other_moves.is_empty());

        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "docs/.vuepress/config.js",
                    "module.exports = {\n  title: 'Panel Docs',\n  themeConfig: { sidebar: 'auto' }\n}\n",
                ),
                ("docs/README.md", "---\nhome: true\nheroText: Panel\n---\n"),
                ("docs/guide/setup.md", "# Setup\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (
                site.what,
                site.folder.as_str(),
                site.pages,
                site.title.as_deref()
            ),
            (Some("a VuePress site"), "docs", 2, Some("Panel Docs"))
        );
        assert!(
            site.keep_building
                .unwrap()
                .contains("vuepress build content")
        );
    }

    /// VuePress run on the repository's root: `.vuepress/config.js` at the top, README.md
    /// its home page (one of the pages to move, unlike a repository's README), its pages
    /// in folders beside it; once moved, its config in content/.vuepress/ still titles it.
    #[test]
    fn a_vuepress_site_at_the_root_counts_its_readme_as_a_page() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    ".vuepress/config.js",
                    "module.exports = {\n  title: 'Dock Docs',\n}\n",
                ),
                ("README.md", "---\nhome: true\n---\n"),
                ("guide/setup.md", "# Setup\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (
                site.what,
                site.folder.as_str(),
                site.pages,
                site.title.as_deref()
            ),
            (Some(VUEPRESS), ".", 2, Some("Dock Docs"))
        );
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "content/.vuepress/config.js",
                    "module.exports = {\n  title: 'Dock Docs',\n}\n",
                ),
                ("content/README.md", "---\nhome: true\n---\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (Some(VUEPRESS), "content", Some("Dock Docs"))
        );
    }

    /// Astro Starlight: found only when the Astro config sets Starlight up, titled by
    /// `starlight({ title })` (the first `title` in the file may be another's), its
    /// images in src/assets/ one more move.
    #[test]
    fn a_starlight_site_is_found_and_titled_by_its_integration() {
        for config in [
            "import starlight from '@astrojs/starlight';\nexport default defineConfig({\n\tintegrations: [\n\t\tstarlight({\n\t\t\ttitle: 'Orchard Engineering',\n\t\t\tsidebar: [{ label: 'Guides' }],\n\t\t}),\n\t],\n});\n",
            "const title = 'not this';\nexport default defineConfig({ integrations: [starlight({ title: \"Orchard Engineering\", social: {} })] });\n",
        ] {
            let dir = tempfile::tempdir().unwrap();
            let root = dir.path();
            write(
                root,
                &[
                    ("astro.config.mjs", config),
                    ("src/content/docs/index.mdx", "---\ntitle: Welcome\n---\n"),
                    ("src/content/docs/guides/reviews.md", "# Reviews\n"),
                    ("src/assets/flow.png", "png"),
                ],
            );
            let site = find(root).unwrap();
            assert_eq!(
                (site.what, site.folder.as_str(), site.pages),
                (Some("an Astro Starlight site"), "src/content/docs", 2)
            );
            assert_eq!(site.title.as_deref(), Some("Orchard Engineering"));
            assert!(
                site.keep_building
                    .unwrap()
                    .contains("glob({ base: './content'")
            );
            assert!(
                site.other_moves[0].starts_with("`git mv src/assets content/assets`"),
                "{:?}",
                site.other_moves
            );
        }
        // An Astro site without Starlight is no docs site of its own.
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            &[
                ("astro.config.mjs", "export default defineConfig({});\n"),
                ("src/content/docs/a.md", "# A\n"),
            ],
        );
        assert_eq!(find(dir.path()), None);
    }

    /// Gatsby: the `gatsby-source-filesystem` folder with the most Markdown, however its
    /// path is written, titled by `siteMetadata.title`.
    #[test]
    fn a_gatsby_site_is_found_by_its_filesystem_source() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "gatsby-config.js",
                    "module.exports = {\n    siteMetadata: {\n        title: 'Kestrel',\n        titleTemplate: '%s',\n    },\n    plugins: [\n        { resolve: `gatsby-source-filesystem`, options: { name: `images`, path: `${__dirname}/src/images` } },\n        {\n            resolve: `gatsby-source-filesystem`,\n            options: {\n                name: `contents`,\n                path: `${__dirname}/contents`,\n            },\n        },\n        { resolve: 'gatsby-source-filesystem', options: { path: path.join(__dirname, 'snippets') } },\n    ],\n}\n",
                ),
                ("src/images/readme.md", "# Images\n"),
                ("snippets/a.md", "A\n"),
                ("contents/handbook/people.md", "---\ntitle: People\n---\n"),
                ("contents/handbook/values.md", "# Values\n"),
                ("contents/teams/billing.mdx", "# Billing\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.pages),
            (Some("a Gatsby site"), "contents", 3)
        );
        assert_eq!(site.title.as_deref(), Some("Kestrel"));
        assert!(site.keep_building.unwrap().contains("${__dirname}/content"));
        assert_eq!(
            gatsby_source_folder(root, "  path: path.join(__dirname, 'snippets'),\n"),
            Some("snippets".to_string())
        );
        assert_eq!(
            gatsby_source_folder(root, "  path: `${__dirname}/../x`,\n"),
            None
        );
    }

    /// docsify: an index.html that holds `window.$docsify`, named by its `name`; an
    /// index.html of another kind is no site, and the loader moved into content/ with the
    /// pages still names it.
    #[test]
    fn a_docsify_site_is_found_by_its_loader_page() {
        let loader = "<!DOCTYPE html>\n<html>\n<head><title>Guild</title></head>\n<body>\n  <div id=\"app\"></div>\n  <script>\n    window.$docsify = {\n      name: \"Guild Handbook\",\n      loadSidebar: true,\n    }\n  </script>\n</body>\n</html>\n";
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                ("docs/index.html", loader),
                ("docs/README.md", "# Welcome to the guild\n"),
                ("docs/_sidebar.md", "- [Home](/)\n"),
                ("docs/meetings/weekly.md", "# Weekly\n"),
            ],
        );
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.pages),
            (Some("a docsify site"), "docs", 2)
        );
        assert_eq!(site.title.as_deref(), Some("Guild Handbook"));
        assert!(site.keep_building.unwrap().contains("basePath"));
        std::fs::rename(root.join("docs"), root.join("content")).unwrap();
        let site = find(root).unwrap();
        assert_eq!(
            (site.what, site.folder.as_str(), site.title.as_deref()),
            (Some("a docsify site"), "content", Some("Guild Handbook"))
        );
        let other = tempfile::tempdir().unwrap();
        write(
            other.path(),
            &[
                (
                    "docs/index.html",
                    "<html><body>Built by hand</body></html>\n",
                ),
                ("docs/a.md", "# A\n"),
            ],
        );
        assert_eq!(find(other.path()).unwrap().what, None);
    }

    #[test]
    fn markdown_outside_content_names_the_folders_that_hold_it() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                ("README.md", "# Repo\n"),
                ("career/levels/one.md", "# One\n"),
                ("career/README.md", "# Career\n"),
                ("career-paths/a.md", "# A\n"),
                ("onboarding.md", "# Onboarding\n"),
                ("content/x.md", "# X\n"),
            ],
        );
        let outside = markdown_outside_content(root);
        assert_eq!(outside.count, 5);
        assert_eq!(
            outside.tops,
            ["README.md", "career", "career-paths", "onboarding.md"]
        );
        assert_eq!(outside.title.as_deref(), Some("Repo"));
    }

    #[test]
    fn folders_of_files_the_pages_show_move_in_with_them() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "onboarding.md",
                    "# Onboarding\n\n![Desk](media/image1.png){width=\"50%\"}\n<img src=\"diagrams/flow%20chart.svg\">\n",
                ),
                ("media/image1.png", "png"),
                ("diagrams/flow chart.svg", "<svg/>"),
                (
                    "guides/setup.md",
                    "# Setup\n\n![logo](/assets/logo.png) [spec](../src/main.rs) [gone](../nowhere/x.png) [site](https://example.com/a/b.png) [up](../../etc/passwd)\n",
                ),
                ("assets/logo.png", "png"),
                ("src/main.rs", "fn main() {}"),
                ("unlinked/photo.png", "png"),
            ],
        );
        let outside = markdown_outside_content(root);
        assert_eq!(outside.count, 2);
        // Linked source code moves too: a page links it as part of the handbook.
        assert_eq!(
            outside.tops,
            [
                "assets",
                "diagrams",
                "guides",
                "media",
                "onboarding.md",
                "src"
            ]
        );
    }

    #[test]
    fn a_readme_that_moves_in_titles_the_handbook() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            root,
            &[
                (
                    "README.md",
                    "Field Guides\n============\n\n[![ci](b.svg)](x)\n",
                ),
                ("style/README.md", "# Style\n"),
            ],
        );
        let outside = markdown_outside_content(root);
        assert_eq!(outside.tops, ["README.md", "style"]);
        assert_eq!(outside.home(), Some("README.md"));
        assert_eq!(outside.title.as_deref(), Some("Field Guides"));
        // Alone beside code, the README is the project's: nothing is outside.
        let code = tempfile::tempdir().unwrap();
        write(
            code.path(),
            &[("README.md", "# Tool\n"), ("src/main.rs", "")],
        );
        assert_eq!(markdown_outside_content(code.path()), Outside::default());
        assert!(left_behind_links(root, &outside).is_empty());
        write(
            root,
            &[
                (
                    "README.md",
                    "# Guides\n\nRead [how](CONTRIBUTING.md) and the [terms].\n\n[terms]: /LICENSE\n",
                ),
                ("CONTRIBUTING.md", "# How\n"),
                ("LICENSE", "terms\n"),
                ("Makefile", "all:\n"),
            ],
        );
        let outside = markdown_outside_content(root);
        assert_eq!(
            left_behind_links(root, &outside),
            ["CONTRIBUTING.md", "LICENSE"]
        );
        assert_eq!(page_title("intro\n\n# Real\n").as_deref(), Some("Real"));
        assert_eq!(page_title("- item\n===\n").as_deref(), None);
    }

    #[test]
    fn plain_values_only() {
        assert_eq!(
            value_of("  title: 'My Site',\n", "title").as_deref(),
            Some("My Site")
        );
        assert_eq!(value_of("title = \"T\"\n", "title").as_deref(), Some("T"));
        assert_eq!(value_of("site_name: !ENV [NAME, x]\n", "site_name"), None);
        assert_eq!(value_of("titles: x\n", "title"), None);
        assert_eq!(value_of("title: `${x}`\n", "title"), None);
    }
}
