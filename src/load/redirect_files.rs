//! The files beside the pages that keep a moved book's old addresses: mdBook's `book.toml`
//! (`[output.html.redirect]`, read by `load::book_toml`) and GitBook's `.gitbook.yaml`
//! (`redirects:`, read by `load::gitbook_yaml`). They are read at every build, not copied into
//! the pages' `aliases` by `orgbook init`, so a book moved in keeps its old links working
//! without an edit to its files, and an entry added later is honoured too. The two differ
//! only in how an entry names its page (an address relative to the old one; a Markdown
//! file from GitBook's root, `content/`), so one type holds both, and one step of the link
//! stage (`link::redirect_file_entries`) decides which page each leads to and reports collisions with
//! pages and other redirects, at the entry's line of its file.

use std::ops::Range;

/// The largest settings file read (anything larger is not one).
pub(crate) const MAX_BYTES: u64 = 1 << 20;

/// Which tool wrote the file, which decides how an entry names its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// mdBook: the new address is relative to the old one, from the root with a leading
    /// `/`, or an address elsewhere.
    MdBook,
    /// GitBook: the new address is the page's Markdown file, from GitBook's root (with or
    /// without a leading `/` or `./`), which after the move is `content/`.
    GitBook,
}

impl Format {
    /// Where the entries are in the file, as its users write it.
    pub fn table(self) -> &'static str {
        match self {
            Format::MdBook => "[output.html.redirect]",
            Format::GitBook => "`redirects:`",
        }
    }

    /// An old address as the file writes one.
    pub fn example_from(self) -> &'static str {
        match self {
            Format::MdBook => "\"/old/page.html\"",
            Format::GitBook => "old/page",
        }
    }

    /// How an entry names the page it leads to.
    pub fn how_to(self) -> &'static str {
        match self {
            Format::MdBook => {
                "the page's new address (relative to the old one, or from the root with a leading /)"
            }
            Format::GitBook => "the page's Markdown file, from content/ (e.g. `team/new-page.md`)",
        }
    }
}

/// One file's redirects, with its text for the messages about them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RedirectFile {
    /// The file's path as shown (`book.toml`, `content/.gitbook.yaml`).
    pub path: String,
    pub format: Format,
    pub text: String,
    pub entries: Vec<Redirect>,
}

#[cfg(test)]
impl RedirectFile {
    /// Each entry as (old address, new address, its key as written), for tests.
    pub(crate) fn placed(&self) -> Vec<(&str, &str, &str)> {
        self.entries
            .iter()
            .map(|e| (e.from.as_str(), e.to.as_str(), &self.text[e.span.clone()]))
            .collect()
    }
}

/// One entry: an old address (from the site's root, with or without the leading `/`) and
/// where it now leads, as the file's [`Format`] writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    pub from: String,
    pub to: String,
    /// Where the entry's key is in the file.
    pub span: Range<usize>,
}

/// Where each key is written in a file's text, found in one pass: the key at the start of
/// each line (after its indent), quoted or bare, before its `:` (YAML) or `=` (TOML), as
/// both files write their entries. A file of many entries is read in time linear in its
/// size, where a search of the whole text per entry was not.
pub(crate) struct KeySpans(std::collections::HashMap<String, Range<usize>>);

impl KeySpans {
    pub(crate) fn new(text: &str) -> KeySpans {
        let mut spans = std::collections::HashMap::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let indent = line.len() - line.trim_start().len();
            let rest = &line[indent..];
            let (key, written) = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => match rest[1..].find(q) {
                    Some(end) => (&rest[1..1 + end], end + 2),
                    None => ("", 0),
                },
                _ => {
                    let end = rest.find([':', '=']).unwrap_or(0);
                    let key = rest[..end].trim_end();
                    (key, key.len())
                }
            };
            if !key.is_empty() {
                let start = at + indent;
                spans
                    .entry(key.to_string())
                    .or_insert(start..start + written);
            }
            at += line.len();
        }
        KeySpans(spans)
    }

    /// Where `from` is written; the file's start when it is not at a line's start.
    pub(crate) fn of(&self, from: &str) -> Range<usize> {
        self.0.get(from).cloned().unwrap_or(0..0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_found_at_its_line_not_inside_another() {
        let text = "a:\n  old/page-2: x.md\n  old/page: y.md\n";
        let spans = KeySpans::new(text);
        assert_eq!(&text[spans.of("old/page")], "old/page");
        assert_eq!(
            spans.of("old/page").start,
            text.find("  old/page:").unwrap() + 2
        );
        let toml = "[output.html.redirect]\n\"/a.html\" = \"b.html\"\n'b' = 'c'\n";
        let spans = KeySpans::new(toml);
        assert_eq!(&toml[spans.of("/a.html")], "\"/a.html\"");
        assert_eq!(&toml[spans.of("b")], "'b'");
        assert_eq!(spans.of("missing"), 0..0);
    }

    #[test]
    fn many_entries_are_placed_in_linear_time() {
        let text: String = (0..40_000)
            .map(|i| format!("   old/page-{i}: new/page-{i}.md\n"))
            .collect();
        let (found, took) = crate::cpu_time::cpu_time_of(|| {
            let spans = KeySpans::new(&text);
            (0..40_000)
                .map(|i| spans.of(&format!("old/page-{i}")).start)
                .sum::<usize>()
        });
        assert!(found > 0);
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    }
}
