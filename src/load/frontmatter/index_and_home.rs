//! Which page is what by its name: the file names that make a page its folder's index page
//! (and their precedence), another tool's home page at the top of `content/` (Wiki.js's
//! `home.md`, a Dendron vault's `root.md`), and the titles Writerside and Wiki.js 1.x
//! write on a page's first lines instead of front matter.

/// File names that make a page the index page of its folder, by precedence.
pub const INDEX_NAMES: &[&str] = &[
    "_index.md",
    "index.md",
    "README.md",
    "index.mdx",
    "index.markdown",
    "index.qmd",
    // Middleman's (the GOV.UK tech docs template's) folder pages.
    "index.html.md.erb",
    "index.html.md",
    // A Jekyll folder's page written in HTML, with front matter (`load::is_jekyll_html_page`):
    // only such a file is a document, so a plain `index.html` stays an asset.
    "index.html",
    "index.htm",
];

/// Whether the page at `rel` (relative to `content/`) is its folder's index page. Not in
/// `teams/` and `decisions/` themselves, whose index pages orgbook generates: a
/// `README.md` there (common in ADR repositories) is an ordinary page.
pub fn is_folder_index(rel: &str) -> bool {
    let (dir, name) = rel.rsplit_once('/').unwrap_or(("", rel));
    index_rank(name).is_some() && (name == "_index.md" || !matches!(dir, "teams" | "decisions"))
}

/// The precedence of a folder-index file name (0 highest), `None` for other pages.
pub fn index_rank(file_name: &str) -> Option<usize> {
    if file_name.eq_ignore_ascii_case("readme.md") {
        return Some(2);
    }
    INDEX_NAMES.iter().position(|n| *n == file_name)
}

/// The name (`home`, `root`) of a page at the top of `content/` that is another tool's home
/// page, by its path and text: Wiki.js's `home.md`, with the `editor` key Wiki.js writes in
/// its front matter (or Wiki.js 1.x's title comment on the first line), or a Dendron
/// vault's `root.md`, with the `id` and `created` keys Dendron writes in every note's.
pub fn home_of_a_tool(path: &str, text: &str) -> Option<&'static str> {
    let (name, keys): (&str, &[&str]) = match path {
        "content/home.md" => ("home", &["editor:"]),
        "content/root.md" => ("root", &["id:", "created:"]),
        _ => return None,
    };
    let written = match front_matter_keys(text, keys) {
        Some(all) => all,
        None => name == "home" && wiki_js_title(text.trim_start_matches('\u{feff}')).is_some(),
    };
    written.then_some(name)
}

/// Whether a page is a Dendron vault's root note: `root.md` at the top of `content/` or of
/// a folder (a vault of a workspace moved in), with the `id` and `created` keys Dendron
/// writes in every note's front matter. Its folder's notes are a Dendron hierarchy.
pub fn is_dendron_root(path: &str, text: &str) -> bool {
    (path == "content/root.md" || path.ends_with("/root.md"))
        && front_matter_keys(text, &["id:", "created:"]) == Some(true)
}

/// Whether the YAML front matter of `text` has every one of `keys` at the start of a line;
/// `None` without front matter.
fn front_matter_keys(text: &str, keys: &[&str]) -> Option<bool> {
    let text = text.trim_start_matches('\u{feff}');
    let front = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let front = &front[..front.find("\n---").unwrap_or(front.len())];
    Some(
        keys.iter()
            .all(|key| front.lines().any(|l| l.starts_with(key))),
    )
}

/// The title a Writerside Markdown topic gives itself on its first line, `[//]: # (title:
/// Scan for Go)`: a link reference definition, which shows nothing, so without it the page
/// was named by its file.
pub(super) fn writerside_title(text: &str) -> Option<String> {
    let line = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .lines()
        .next()?
        .trim();
    let title = line
        .strip_prefix("[//]: # (title:")?
        .strip_suffix(')')?
        .trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The title and subtitle Wiki.js 1.x writes as comments on a page's first lines, in
/// place of front matter (`<!-- TITLE: On-call rotation -->`, `<!-- SUBTITLE: … -->`).
pub(super) fn wiki_js_title(text: &str) -> Option<(String, Option<String>)> {
    let mut title = None;
    let mut subtitle = None;
    for line in text.trim_start().lines().take(2) {
        let Some(comment) = line
            .trim()
            .strip_prefix("<!--")
            .and_then(|l| l.strip_suffix("-->"))
        else {
            break;
        };
        let (key, value) = comment.split_once(':')?;
        let value = value.trim();
        match key.trim() {
            "TITLE" if !value.is_empty() => title = Some(value.to_string()),
            "SUBTITLE" if !value.is_empty() => subtitle = Some(value.to_string()),
            _ => break,
        }
    }
    Some((title?, subtitle))
}
