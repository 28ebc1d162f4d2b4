use super::config_text::value_of;
use super::generators::{VUEPRESS, gatsby_source_folder, jekyll_collection};
use super::outside::{Outside, left_behind_links, markdown_outside_content};
use super::titles::page_title;
use super::*;
use std::path::Path;

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
