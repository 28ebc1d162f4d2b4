//! GitBook's `.gitbook.yaml`, beside `content/` (where a space synced from GitHub keeps it,
//! its `root:` now `./content/`) or at its top (a space whose root was the repository's
//! top, moved in whole): the old addresses its `redirects:` keep
//! (`company/old-page: company/new-page.md`), read as one of the handbook's redirect
//! files ([`super::redirect_files`]). GitBook writes an entry whenever a page moves in its
//! editor, so a handbook kept there for years has many. The rest of the file (`root:`,
//! `structure:`) names what orgbook finds by itself.

use super::redirect_files::{Format, KeySpans, MAX_BYTES, Redirect, RedirectFile};
use crate::diagnostic::Diagnostic;
use std::path::Path;

/// The file's name, beside `content/` or at its top.
pub const FILE: &str = ".gitbook.yaml";

/// The redirects of the handbook's `.gitbook.yaml`; none without one. A file that is not
/// YAML is a warning.
pub fn read(root: &Path, diags: &mut Vec<Diagnostic>) -> Option<RedirectFile> {
    let (shown, path) = super::find_beside_or_in_content(root, &[FILE], MAX_BYTES)?;
    let text = crate::text::legacy::read_beside(&path, &shown, diags).ok()?;
    parse(shown, text, diags)
}

fn parse(path: String, text: String, diags: &mut Vec<Diagnostic>) -> Option<RedirectFile> {
    // Most spaces have no redirects: their file is not parsed at all.
    if !text.contains("redirects") {
        return None;
    }
    let value = super::settings_yaml(
        &path,
        &text,
        "GitBook's redirects",
        "fix the YAML; GitBook cannot read it either, and until then no old address is redirected",
        diags,
    )?;
    let spans = KeySpans::new(&text);
    let entries = value
        .get("redirects")
        .and_then(yaml_serde::Value::as_mapping)
        .into_iter()
        .flatten()
        .filter_map(|(from, to)| {
            let (from, to) = (from.as_str()?, to.as_str()?);
            Some(Redirect {
                from: from.to_string(),
                to: to.to_string(),
                span: spans.of(from),
            })
        })
        .collect();
    Some(RedirectFile {
        path,
        format: Format::GitBook,
        text,
        entries,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_redirects_in_order_with_each_key_placed() {
        let text = "root: ./content/\n\nstructure:  \n   summary: SUMMARY.md\n    \nredirects:  \n   company/old-page: company/new-page.md\n   help/contact: ./support/contact.md\n";
        let r = parse(FILE.into(), text.to_string(), &mut Vec::new()).unwrap();
        assert_eq!(
            r.placed(),
            [
                (
                    "company/old-page",
                    "company/new-page.md",
                    "company/old-page"
                ),
                ("help/contact", "./support/contact.md", "help/contact")
            ]
        );
        assert_eq!(r.format, Format::GitBook);
    }

    #[test]
    fn a_space_without_redirects_gives_none() {
        let mut diags = Vec::new();
        assert!(parse(FILE.into(), "root: ./content/\n".into(), &mut diags).is_none());
        assert!(diags.is_empty());
        assert!(parse(FILE.into(), "redirects: [a: b\n".into(), &mut diags).is_none());
        assert_eq!(diags.len(), 1);
    }
}
