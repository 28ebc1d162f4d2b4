//! mdBook's `book.toml` beside `content/`: the old addresses its `[output.html.redirect]`
//! table keeps (`"/old/page.html" = "../new/page.html"`). They are read at every build,
//! not copied into the pages' `aliases` by `orgbook init`, so a book moved in keeps its
//! old links working without an edit to its files, and an entry added later (mdBook's
//! users add one whenever a chapter moves) is honoured too. Which page each leads to, and
//! collisions with pages and other redirects, are decided in the link stage
//! (`link::redirects`), with the pages' own old addresses.

use crate::diagnostic::Diagnostic;
use std::ops::Range;
use std::path::Path;

/// The file's name, beside `content/`.
pub const FILE: &str = "book.toml";

/// The largest `book.toml` read (a settings file; anything larger is not one).
const MAX_BYTES: u64 = 1 << 20;

/// The redirects of `book.toml`, with its text for the messages about them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookRedirects {
    pub text: String,
    pub entries: Vec<BookRedirect>,
}

/// One entry of `[output.html.redirect]`: an old address (from the site's root, with or
/// without the leading `/`) and where it now leads (relative to the old address, from the
/// root when it starts with `/`, or an address elsewhere).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookRedirect {
    pub from: String,
    pub to: String,
    /// Where the entry's key is in the file.
    pub span: Range<usize>,
}

/// The redirects of the handbook's `book.toml`; none without one. A file that is not TOML
/// is a warning (mdBook would refuse it too).
pub fn read(root: &Path, diags: &mut Vec<Diagnostic>) -> BookRedirects {
    let path = root.join(FILE);
    let is_file = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_BYTES);
    if !is_file {
        return BookRedirects::default();
    }
    let Ok(text) = crate::text::legacy::read_beside(&path, FILE, diags) else {
        return BookRedirects::default();
    };
    parse(text, diags)
}

fn parse(text: String, diags: &mut Vec<Diagnostic>) -> BookRedirects {
    // Most books have no redirects: their book.toml is not parsed at all.
    if !text.contains("redirect") {
        return BookRedirects::default();
    }
    let table: toml::Table = match toml::from_str(&text) {
        Ok(t) => t,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            diags.push(
                Diagnostic::warning(
                    "toml-syntax",
                    FILE,
                    format!("cannot read mdBook's redirects from it: {}", e.message()),
                )
                .with_help("fix the TOML syntax; mdBook cannot read it either")
                .at(&text, span),
            );
            return BookRedirects::default();
        }
    };
    let redirects = table
        .get("output")
        .and_then(|o| o.get("html"))
        .and_then(|h| h.get("redirect"))
        .and_then(toml::Value::as_table);
    let mut entries = Vec::new();
    for (from, to) in redirects.into_iter().flatten() {
        let Some(to) = to.as_str() else {
            continue;
        };
        entries.push(BookRedirect {
            from: from.clone(),
            to: to.to_string(),
            span: key_span(&text, from),
        });
    }
    BookRedirects { text, entries }
}

/// Where the key `from` is written in `text` (quoted, as mdBook's documentation writes
/// it, or bare); the file's start when it cannot be found.
fn key_span(text: &str, from: &str) -> Range<usize> {
    let quoted = [format!("\"{from}\""), format!("'{from}'")];
    quoted
        .iter()
        .find_map(|q| text.find(q.as_str()).map(|at| at..at + q.len()))
        .or_else(|| text.find(from).map(|at| at..at + from.len()))
        .unwrap_or(0..0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_redirect_table_with_each_key_placed() {
        let text = "[book]\ntitle = \"x\"\n\n[output.html.redirect]\n\"/old/a.html\" = \"../new/a.html\"\n\"b.html\" = \"/c.html\"\n";
        let r = parse(text.to_string(), &mut Vec::new());
        let got: Vec<(&str, &str, &str)> = r
            .entries
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str(), &text[e.span.clone()]))
            .collect();
        assert_eq!(
            got,
            [
                ("/old/a.html", "../new/a.html", "\"/old/a.html\""),
                ("b.html", "/c.html", "\"b.html\"")
            ]
        );
    }

    #[test]
    fn a_book_without_redirects_gives_none() {
        let mut diags = Vec::new();
        let r = parse("[book]\ntitle = \"x\"\n".into(), &mut diags);
        assert!(r.entries.is_empty() && diags.is_empty());
        let r = parse("[output.html.redirect\n\"a\" = 1\n".into(), &mut diags);
        assert!(r.entries.is_empty());
        assert_eq!(diags.len(), 1);
    }
}
