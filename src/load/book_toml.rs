//! mdBook's `book.toml` beside `content/`: the old addresses its `[output.html.redirect]`
//! table keeps (`"/old/page.html" = "../new/page.html"`), read as one of the handbook's
//! redirect files ([`super::redirect_files`]; mdBook's users add an entry whenever a
//! chapter moves).

use super::redirect_files::{Format, KeySpans, MAX_BYTES, Redirect, RedirectFile};
use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The file's name, beside `content/`.
pub const FILE: &str = "book.toml";

/// The redirects of the handbook's `book.toml`; none without one. A file that is not TOML
/// is a warning (mdBook would refuse it too).
pub fn read(root: &Path, diags: &mut Vec<Diagnostic>) -> Option<RedirectFile> {
    let path = root.join(FILE);
    let is_file = std::fs::symlink_metadata(&path)
        .is_ok_and(|m| m.file_type().is_file() && m.len() <= MAX_BYTES);
    if !is_file {
        return None;
    }
    let text = crate::text::legacy::read_beside(&path, FILE, diags).ok()?;
    parse(text, diags)
}

fn parse(text: String, diags: &mut Vec<Diagnostic>) -> Option<RedirectFile> {
    // Most books have no redirects: their book.toml is not parsed at all.
    if !text.contains("redirect") {
        return None;
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
            return None;
        }
    };
    let redirects = table
        .get("output")
        .and_then(|o| o.get("html"))
        .and_then(|h| h.get("redirect"))
        .and_then(toml::Value::as_table);
    let spans = KeySpans::new(&text);
    let mut entries = Vec::new();
    for (from, to) in redirects.into_iter().flatten() {
        let Some(to) = to.as_str() else {
            continue;
        };
        entries.push(Redirect {
            from: from.clone(),
            to: to.to_string(),
            span: spans.of(from),
        });
    }
    Some(RedirectFile {
        path: FILE.to_string(),
        format: Format::MdBook,
        text,
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_redirect_table_with_each_key_placed() {
        let text = "[book]\ntitle = \"x\"\n\n[output.html.redirect]\n\"/old/a.html\" = \"../new/a.html\"\n\"b.html\" = \"/c.html\"\n";
        let r = parse(text.to_string(), &mut Vec::new()).unwrap();
        assert_eq!(
            r.placed(),
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
        assert!(r.is_none() && diags.is_empty());
        let r = parse("[output.html.redirect\n\"a\" = 1\n".into(), &mut diags);
        assert!(r.is_none());
        assert_eq!(diags.len(), 1);
    }
}
