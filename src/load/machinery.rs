//! What other generators keep in a docs folder beside its pages. A Jekyll, Docusaurus or
//! Sphinx folder moved into `content/` whole brings its layouts, includes, data, partials,
//! configuration, installed gems or packages, and often the site Jekyll last built
//! (`_site/`, which holds copies of the pages themselves): read as content, they became
//! pages that duplicated the real ones, broken links and colliding redirects.
//!
//! Those generators' own rule is the one used here: a Markdown file whose name, or one of
//! whose folders' names, starts with `_` is not a page (Jekyll, Docusaurus). Other files
//! there stay assets published only when a page links to them, like files in dot-folders:
//! Sphinx keeps the images its pages show in `_static/`, Docusaurus pages import images from
//! `_`-folders, while a Jekyll layout or `_config.yml` is linked by nothing. The exceptions
//! are the `_` names orgbook reads: Hugo's `_index.md`, Docusaurus's `_category_` files and
//! Jekyll's `_posts/`. Installed packages (`node_modules/`, Bundler's `vendor/bundle/`) and
//! Bundler's `Gemfile` are skipped whole.
//!
//! One rule for every walk of `content/`: the build's (`load::walk_content`, which notes
//! what it skips) and the dev server's rescans, so `serve` never publishes what `build`
//! skips.

use crate::diagnostic::Diagnostic;

/// Why an entry of `content/` is skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skipped {
    /// Markdown files in a folder whose name starts with `_`: Jekyll's `_layouts`,
    /// `_includes`, `_drafts`; Docusaurus's partial folders. Noted once for the outermost
    /// such folder.
    UnderscoreFolder,
    /// Markdown files in `_site`: the site Jekyll built from the folder.
    BuiltSite,
    /// A Markdown file whose name starts with `_`: a partial included by other pages
    /// (Docusaurus, Jekyll) or a navigation file (docsify's `_sidebar.md`).
    Partial,
    /// Installed packages (`node_modules`, `vendor/bundle`) or Bundler's gem list,
    /// skipped whole.
    Packages,
    /// docsify's loader page: an `index.html` that holds `window.$docsify`
    /// ([`is_docsify_loader`]).
    DocsifyLoader,
}

/// Whether the file at `path` (`rel` from content/) is docsify's loader page: the
/// `index.html` beside a docsify site's README.md that draws its pages in the browser
/// (`window.$docsify = {…}`). Published, it would be the folder's page in place of the
/// README the handbook makes it from, and it shows nothing without docsify's script. Its
/// text is read, since a hand-written `index.html` is a real file to publish.
pub fn is_docsify_loader(rel: &str, path: &std::path::Path) -> bool {
    const MARK: &[u8] = b"window.$docsify";
    rel.rsplit('/').next() == Some("index.html")
        && std::fs::read(path).is_ok_and(|bytes| bytes.windows(MARK.len()).any(|w| w == MARK))
}

/// Entries skipped whole, judged by the last component of `rel` (relative to `content/`,
/// `/`-separated): a walk prunes such a folder.
pub fn packages(rel: &str, is_dir: bool) -> bool {
    let (parent, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    if is_dir {
        name == "node_modules"
            || (matches!(name, "bundle" | "cache" | "gems" | "ruby")
                && parent.rsplit('/').next() == Some("vendor"))
            || logseq_copies(rel)
    } else {
        matches!(name, "Gemfile" | "Gemfile.lock")
    }
}

/// Whether the folder at `rel` is one where Logseq keeps copies of a graph's pages: its
/// backups (`logseq/bak/pages/Ideas/2024-03-01T10_00_00.000Z.Desktop.md`, made whenever a
/// file changed on disk under it) and the versions it fetched from its sync
/// (`logseq/version-files/`). A graph moved in whole brings its `logseq/` folder beside
/// `pages/` and `journals/`: read as content, every copy became a page that repeated a
/// real one, old text and all. Skipped whole, as installed packages are.
pub fn logseq_copies(rel: &str) -> bool {
    let (parent, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    matches!(name, "bak" | "version-files") && parent.rsplit('/').next() == Some("logseq")
}

/// The outermost folder of the file at `rel` whose name starts with `_` (Jekyll's
/// `_posts` excepted), as a path relative to `content/`.
pub fn underscore_folder(rel: &str) -> Option<&str> {
    let (dir, _) = rel.rsplit_once('/')?;
    let mut end = 0;
    for part in dir.split('/') {
        end += part.len();
        if part.starts_with('_') && part != "_posts" {
            return Some(&rel[..end]);
        }
        end += 1;
    }
    None
}

/// Why the Markdown file at `rel` is not a page, and the path its note is about (the file,
/// or the outermost `_` folder for every file in it); `None` for a page.
pub fn skipped_markdown(rel: &str) -> Option<(&str, Skipped)> {
    if let Some(folder) = underscore_folder(rel) {
        let why = if folder.rsplit('/').next() == Some("_site") {
            Skipped::BuiltSite
        } else {
            Skipped::UnderscoreFolder
        };
        return Some((folder, why));
    }
    let name = rel.rsplit('/').next().unwrap_or(rel);
    // Hugo's `_index.fr.md` is its folder's page in French (`crate::lang`), no partial.
    let translated_index = super::strip_markdown_extension(name)
        .and_then(crate::text::lang_tag::stem_language)
        .is_some_and(|(b, _)| b == "_index");
    (name.starts_with('_') && name != "_index.md" && !translated_index)
        .then_some((rel, Skipped::Partial))
}

/// A non-Markdown file published only when a page links to it: inside a `_` folder, or
/// named `_…` (Docusaurus's `_category_` files are settings, read elsewhere); pages in
/// another markup ([`other_markup`]) and the build files a docs folder moved in brings
/// beside its pages: Sphinx's (`conf.py`, `Makefile`, `make.bat`, `requirements.txt`),
/// and the site settings of mystmd, MkDocs, Zensical, mdBook and Docusaurus.
pub fn linked_only(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    underscore_folder(rel).is_some()
        || name.starts_with('_')
        || other_markup(rel).is_some()
        || data_file(name)
        || matches!(
            name,
            "conf.py"
                | "Makefile"
                | "make.bat"
                | "requirements.txt"
                | "myst.yml"
                | "mkdocs.yml"
                | "mkdocs.yaml"
                | "zensical.toml"
                | "book.toml"
                | "docusaurus.config.js"
                | "docusaurus.config.ts"
                | "sidebars.js"
                | "sidebars.ts"
        )
}

/// A data or settings file, by its name: `.toml`, `.yaml`, `.json`, `.csv` and their kin,
/// and the ownership files (`CODEOWNERS`, Prow's `OWNERS`). A repository of teams moved in
/// whole brings them beside its pages: rust-lang/team's `people/*.toml` hold each person's
/// e-mail address, a Backstage `catalog-info.yaml` its owners and systems, a Logseq graph's
/// `logseq/config.edn` its settings (the folders hidden from the graph). Nobody reads
/// them on the published site unless a page offers them (an OpenAPI file, a spreadsheet),
/// so, like build files, they are published only where a page links to them.
fn data_file(name: &str) -> bool {
    if matches!(name, "CODEOWNERS" | "OWNERS" | "OWNERS_ALIASES") {
        return true;
    }
    let Some((_, ext)) = name.rsplit_once('.') else {
        return false;
    };
    [
        "toml", "yaml", "yml", "json", "jsonc", "json5", "csv", "tsv", "ini", "cfg", "conf", "env",
        "lock", "xml", "tree", "edn",
    ]
    .iter()
    .any(|e| ext.eq_ignore_ascii_case(e))
}

/// The markup of a page orgbook does not read (Sphinx's reStructuredText, Antora's
/// AsciiDoc), by its file's extension; and Middleman's ERB templates (`layouts/core.erb`,
/// `partials/_nav.html.erb`), which a tech docs site moved in brings beside its pages:
/// a layout is what orgbook's theme replaces, so it must not be published as a download.
/// Middleman's Markdown pages (`x.html.md.erb`) are pages, not templates.
pub fn other_markup(rel: &str) -> Option<&'static str> {
    let (_, ext) = rel.rsplit('/').next().unwrap_or(rel).rsplit_once('.')?;
    match ext {
        "rst" => Some("reStructuredText"),
        "adoc" | "asciidoc" => Some("AsciiDoc"),
        "topic" => Some(WRITERSIDE_TOPIC),
        "erb" if !super::is_markdown(rel) => Some(ERB),
        _ => None,
    }
}

/// [`other_markup`]'s name for Writerside's XML topics (`Overview.topic`).
const WRITERSIDE_TOPIC: &str = "Writerside XML topic";

/// [`other_markup`]'s name for ERB templates.
const ERB: &str = "ERB template";

/// The note for the `count` pages in `markup` in one folder (`folder`: its path from the
/// handbook root, `content` or `content/…`).
pub fn markup_note(folder: &str, markup: &str, count: usize) -> Diagnostic {
    let help = if markup == "AsciiDoc" {
        "convert them to Markdown, e.g. `asciidoctor -b docbook x.adoc -o - | pandoc -f docbook -t gfm -o x.md`"
    } else if markup == WRITERSIDE_TOPIC {
        "Writerside's semantic XML (a section starting page's cards, procedures) is not read: write what it says as a Markdown topic of the same name (`.md`)"
    } else if markup == ERB {
        "these are Middleman's layouts and partials: orgbook's theme lays out every page, so a layout can go; write a partial's text as Markdown into the pages that use it"
    } else {
        "convert them to Markdown, e.g. `pandoc -f rst -t gfm x.rst -o x.md` (or to MyST Markdown with `rst2myst`)"
    };
    let files = if count == 1 { "file" } else { "files" };
    Diagnostic::note(
        "skipped-file",
        folder,
        format!("skipped: {count} {markup} {files} in this folder: orgbook reads Markdown (.md, .mdx) pages, so these are not pages, and are published only where a page links to them"),
    )
    .with_help(help)
}

/// Whether the file at `rel`, or a folder above it, is skipped: packages, or Markdown that
/// is not a page. The dev server's rescans use it to agree with the build's walk.
pub fn is_skipped_file(rel: &str) -> bool {
    outermost_packages(rel, false).is_some()
        || (super::is_markdown(rel) && skipped_markdown(rel).is_some())
}

/// The outermost entry of `rel` (itself or a folder above it) skipped whole as packages.
pub fn outermost_packages(rel: &str, is_dir: bool) -> Option<&str> {
    let mut end = 0;
    for part in rel.split('/') {
        end += part.len();
        let last = end == rel.len();
        if packages(&rel[..end], !last || is_dir) {
            return Some(&rel[..end]);
        }
        end += 1;
    }
    None
}

/// The `skipped-file` note for `file` (its path from the handbook root, `content/…`).
pub fn note(file: &str, why: Skipped) -> Diagnostic {
    let name = file.rsplit('/').next().unwrap_or(file);
    let (message, help) = match why {
        Skipped::UnderscoreFolder => (
            "skipped: Markdown files in folders whose name starts with `_` are not pages, as in Jekyll and Docusaurus (which keep layouts, includes, drafts and partials in them); other files there are published only when a page links to them".to_string(),
            "rename the folder without the leading `_` to publish its pages".to_string(),
        ),
        Skipped::BuiltSite => (
            "skipped: `_site` is the site Jekyll built from this folder (copies of its pages), not content".to_string(),
            "delete it (Jekyll builds it again) and list it in .gitignore".to_string(),
        ),
        Skipped::Partial => (
            "skipped: a Markdown file whose name starts with `_` is a partial, included by other pages (Docusaurus, Jekyll), or a navigation file (docsify's `_sidebar.md`, a GitHub wiki's `_Sidebar.md` and `_Footer.md`), not a page of its own; orgbook does not include it".to_string(),
            "to publish its text, rename it without the leading `_`, or paste it into the pages that include it".to_string(),
        ),
        Skipped::Packages if name.starts_with("Gemfile") => (
            format!("skipped: `{name}` lists the Ruby gems a Jekyll site is built with, not content"),
            "nothing to do; delete it from content/ if the handbook does not need it".to_string(),
        ),
        Skipped::DocsifyLoader => (
            "skipped: this index.html is docsify's loader page (it holds `window.$docsify`), which draws the pages in the browser; orgbook makes the folder's page from its README.md, so the loader is not published".to_string(),
            "nothing to do: keep it while docsify still serves the pages, delete it once it does not".to_string(),
        ),
        Skipped::Packages
            if logseq_copies(file.strip_prefix("content/").unwrap_or(file)) =>
        {
            (
                format!(
                    "skipped: `logseq/{name}` holds Logseq's copies of the graph's pages (backups and synced versions), not pages of their own"
                ),
                "nothing to do: the pages themselves are in `pages/` and `journals/`".to_string(),
            )
        }
        Skipped::Packages => (
            format!("skipped: `{}` holds installed packages, not content", shown_folder(file)),
            "nothing to do; delete it from content/ if the handbook does not need it".to_string(),
        ),
    };
    Diagnostic::note("skipped-file", file, message).with_help(help)
}

/// A skipped folder's name as the reader knows it: `vendor/bundle`, not `bundle`.
fn shown_folder(file: &str) -> &str {
    let mut parts = file.rsplitn(3, '/');
    let name = parts.next().unwrap_or(file);
    match parts.next() {
        Some("vendor") => &file[file.len() - name.len() - "vendor/".len()..],
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_generators_machinery_is_skipped_and_orgbooks_underscores_are_not() {
        use Skipped::*;
        for (rel, want) in [
            ("_layouts/page.md", Some(("_layouts", UnderscoreFolder))),
            (
                "guides/_includes/a/b.md",
                Some(("guides/_includes", UnderscoreFolder)),
            ),
            ("_site/guides/_x.md", Some(("_site", BuiltSite))),
            ("_posts/2024-01-02-offsite.md", None),
            ("_index.md", None),
            ("how-we-work/_index.md", None),
            (
                "reference/_install.mdx",
                Some(("reference/_install.mdx", Partial)),
            ),
            ("_sidebar.md", Some(("_sidebar.md", Partial))),
            ("guides/setup.md", None),
            ("a_b/c_.md", None),
        ] {
            assert_eq!(skipped_markdown(rel), want, "{rel}");
        }
        for (rel, dir, want) in [
            ("node_modules", true, true),
            ("vendor/bundle", true, true),
            ("docs/vendor/cache", true, true),
            ("vendor", true, false),
            ("bundle", true, false),
            ("policies/vendor-management", true, false),
            ("Gemfile.lock", false, true),
            ("notes/node_modules", false, false),
        ] {
            assert_eq!(packages(rel, dir), want, "{rel}");
        }
        assert!(is_skipped_file("docs/node_modules/x/README.md"));
        assert!(is_skipped_file("docs/node_modules/x/logo.png"));
        assert!(is_skipped_file("vendor/bundle/ruby/3.2.0/gems/k/README.md"));
        assert!(is_skipped_file("_drafts/next.md"));
        assert!(!is_skipped_file("_static/diagram.png"));
        assert!(!is_skipped_file("_posts/2024-01-02-offsite.md"));
        assert!(linked_only("_static/diagram.png"));
        assert!(linked_only("_config.yml"));
        assert!(!linked_only("_posts/team.png"));
        assert!(!linked_only("guides/diagram.png"));
        assert!(linked_only("docs/conf.py") && linked_only("install.rst"));
        assert!(linked_only("myst.yml") && linked_only("guide/mkdocs.yml"));
        assert!(linked_only("requirements.txt") && !linked_only("requirements.md.txt"));
        assert_eq!(other_markup("a/install.rst"), Some("reStructuredText"));
        assert_eq!(other_markup("guide.adoc"), Some("AsciiDoc"));
        assert_eq!(other_markup("rst/readme.md"), None);
        assert_eq!(other_markup("Makefile"), None);
        // Middleman's templates are not pages; its Markdown pages are.
        assert_eq!(other_markup("layouts/core.erb"), Some("ERB template"));
        assert_eq!(other_markup("partials/_nav.html.erb"), Some("ERB template"));
        assert_eq!(other_markup("standards/alerts.html.md.erb"), None);
        assert!(linked_only("layouts/core.erb"));
        // Data and settings files: only where a page offers them.
        assert!(linked_only("people/jane.toml") && linked_only("catalog-info.YAML"));
        assert!(linked_only("teams/OWNERS") && linked_only("CODEOWNERS"));
        assert!(linked_only("data/headcount.csv") && linked_only("api/openapi.json"));
        assert!(!linked_only("people/jane.png") && !linked_only("README") && !linked_only("a.pdf"));
        assert_eq!(
            outermost_packages("a/node_modules/b/node_modules/c.md", false),
            Some("a/node_modules")
        );
    }
}
