//! docsify's page order. A docsify site lists its pages in `_sidebar.md` at the top of its
//! docs folder: a Markdown list of links, nested by section, in the order the site shows
//! them (`[Rubric](grading/rubric.md)`, `[Grading](grading/)`; docsify reads each from the
//! site's root, with or without `.md`). Read into one list of content paths, the reading
//! order a GitBook `SUMMARY.md` gives (`link::summary_order`), so the handbook reads in the
//! site's order. The file itself is not a page (`load::machinery`).

use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The file's name, at the top of `content/`.
pub const FILE: &str = "_sidebar.md";

/// The largest sidebar read (a list of links; anything larger is not one).
const MAX_BYTES: u64 = 1 << 20;

/// The content paths (`content/grading/rubric.md`, `content/grading/README.md`) that
/// `content/_sidebar.md` links, in order; empty without one.
pub fn read(root: &Path, diags: &mut Vec<Diagnostic>) -> Vec<String> {
    let file = root.join(crate::load::CONTENT_DIR).join(FILE);
    let Some(meta) = std::fs::symlink_metadata(&file).ok() else {
        return Vec::new();
    };
    if !meta.file_type().is_file() || meta.len() > MAX_BYTES {
        return Vec::new();
    }
    let shown = format!("{}/{FILE}", crate::load::CONTENT_DIR);
    let Ok(text) = crate::text::legacy::read_beside(&file, &shown, diags) else {
        return Vec::new();
    };
    targets(&text)
}

/// The content paths the links of a sidebar's text name, in order, each once.
fn targets(text: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for event in pulldown_cmark::Parser::new(text) {
        let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event else {
            continue;
        };
        let dest = dest_url.trim();
        // docsify's router links (`#/grading/rubric`) name the page after `#/`.
        let dest = dest.strip_prefix("#/").unwrap_or(dest);
        if dest.contains("://") || dest.starts_with(['#', '.']) && !dest.starts_with("./") {
            continue;
        }
        let path = dest.split(['#', '?']).next().unwrap_or("");
        let path = crate::text::percent_decode_lenient(path);
        let path = path.trim_start_matches("./").trim_start_matches('/');
        let page = if path.is_empty() || path.ends_with('/') {
            format!("{path}README.md")
        } else if crate::load::is_markdown(path) {
            path.to_string()
        } else {
            format!("{path}.md")
        };
        let target = format!("{}/{page}", crate::load::CONTENT_DIR);
        if seen.insert(target.clone()) {
            out.push(target);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_read_from_the_root_with_or_without_md() {
        let sidebar = "* [Home](/)\n* Grading\n  * [Rubric](grading/rubric.md)\n  * [Proposals](grading/proposals?id=deadlines)\n  * [All grading](grading/)\n* [Router](#/mentoring/training)\n* [Again](grading/rubric)\n* [Elsewhere](https://example.com/x)\n";
        assert_eq!(
            targets(sidebar),
            [
                "content/README.md",
                "content/grading/rubric.md",
                "content/grading/proposals.md",
                "content/grading/README.md",
                "content/mentoring/training.md",
            ]
        );
    }
}
