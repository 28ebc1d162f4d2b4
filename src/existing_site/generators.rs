//! The generators a docs site may be built with, each known by its configuration file:
//! what it is called, where its pages are and which key moves them, the key that titles
//! the site, and the setting that keeps it building once its pages are in `content/`
//! ([`GENERATORS`], first match wins); with the few that need more than a key to find
//! their pages (Gatsby's filesystem sources, Jekyll's collections) and the other files a
//! site's pages need moved with them.

use super::config_text::value_of;
use super::counts::markdown_files;
use std::path::Path;

/// A generator: its configuration files, what it is called, where its pages are by
/// default, the configuration key that moves them and the one that titles the site, and
/// the setting that keeps it building from `content/`.
pub(super) struct Generator {
    /// Paths relative to the folder searched; a `*` stands for any one folder.
    pub(super) configs: &'static [&'static str],
    /// The pages are in the folder of the configuration file that was found (Sphinx: the
    /// "separate source and build" layout of `sphinx-quickstart` keeps `conf.py` and the
    /// pages in `docs/source/`), not in `folder`.
    pub(super) beside_config: bool,
    /// Text the configuration holds when it is this generator's (Starlight's `starlight(`
    /// in an Astro configuration, docsify's `window.$docsify` in an `index.html`); the
    /// title is read after it.
    pub(super) marker: Option<&'static str>,
    /// Where the pages are when no plain key names their folder (Gatsby's filesystem
    /// sources), from the folder searched and the configuration's text.
    pub(super) folder_of: Option<fn(&Path, &str) -> Option<String>>,
    pub(super) what: &'static str,
    pub(super) folder: &'static str,
    pub(super) folder_key: Option<&'static str>,
    pub(super) title_key: &'static str,
    pub(super) keep_building: Option<&'static str>,
}

impl Generator {
    /// The site's title in the configuration's `text`: the first plain value of the title
    /// key, after the marker when there is one (`starlight({ title: 'Acme' })`, whose
    /// `{` may open the line the key is on).
    pub(super) fn title(&self, text: &str) -> Option<String> {
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
pub(super) fn gatsby_source_folder(dir: &Path, text: &str) -> Option<String> {
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
pub(super) fn other_moves(dir: &Path, what: Option<&str>, folder: &str) -> Vec<String> {
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

pub(super) const GENERATORS: &[Generator] = &[
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

/// What a VuePress site is called (the generator that reads its README as its home page).
pub const VUEPRESS: &str = "a VuePress site";

/// What a Retype project is called: on the repository's root too, its README is the
/// site's home page.
pub const RETYPE: &str = "a Retype project";

/// What a Jupyter Book 1 is called: its settings and table of contents move with its pages.
pub(super) const JUPYTER_BOOK: &str = "a Jupyter Book";

/// The Jekyll collection (`collections:` in `_config.yml`) with the most Markdown files in
/// its folder (`_pages/` for `pages`), and how many; `None` when no collection has any.
/// The keys are read as `collections: [a, b]` or as the keys indented one level below
/// `collections:`.
pub(super) fn jekyll_collection(dir: &Path, config: &str) -> Option<(String, usize)> {
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
