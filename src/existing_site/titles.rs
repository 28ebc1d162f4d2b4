//! A site's title when its configuration gives none: its home page's front matter
//! `title`, else its first level-1 heading.

use super::config_text::value_of;
use std::path::Path;

/// The title of the site's home page (`_index.md`, `index.md` or `README.md` at the top of
/// `folder`): its front matter's `title`, else its first `# Heading`. A site without a
/// configuration still says its name there ("# Acme handbook"), better than a title made
/// from the folder's name.
pub(super) fn home_title(folder: &Path) -> Option<String> {
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
pub(super) fn page_title(text: &str) -> Option<String> {
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
