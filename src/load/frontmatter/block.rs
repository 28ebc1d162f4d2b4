//! The front matter block: where the `+++` (TOML) or `---` (YAML) block at the top of a
//! file is and which syntax it is in ([`split`]), and parsing it into the spanned table
//! the typed readers walk. An unclosed block, or a TOML one closed early by a `+++` line
//! inside a multi-line string, is one error here, before any key is read.

use crate::diagnostic::Diagnostic;
use crate::fields::parse_toml;
use std::ops::Range;
use toml::de::DeTable;

/// The language a front matter block is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `+++` … `+++`
    Toml,
    /// `---` … `---` (Jekyll, Hugo, Eleventy, Docusaurus, GitBook)
    Yaml,
}

/// Where a file's front matter is and what it is written in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Front {
    /// Byte range of the front matter text, without the delimiter lines.
    pub range: Range<usize>,
    pub syntax: Syntax,
}

#[derive(Debug)]
pub struct Split {
    /// `None` when the file has no front matter.
    pub front: Option<Front>,
    pub body_start: usize,
}

/// Finds the `+++` (TOML) or `---` (YAML) block at the top of a file.
pub fn split(file: &str, text: &str) -> Result<Split, Diagnostic> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let first_line = rest.lines().next().unwrap_or("");
    let (syntax, fence) = match first_line.trim_end() {
        "+++" => (Syntax::Toml, "+++"),
        "---" => (Syntax::Yaml, "---"),
        _ => {
            return Ok(Split {
                front: None,
                body_start: start,
            });
        }
    };
    let front_start = (start + first_line.len() + 1).min(text.len());
    let mut pos = front_start;
    for line in text[pos..].split_inclusive('\n') {
        let l = line.trim_end();
        // YAML documents may also end with `...` (pandoc writes it).
        if l == fence || (syntax == Syntax::Yaml && l == "...") {
            if syntax == Syntax::Toml && inside_multiline_string(&text[front_start..pos]) {
                return Err(Diagnostic::error(
                    "toml-syntax",
                    file,
                    "front matter closes early here: this `+++` line is inside a multi-line `\"\"\"` or `'''` string",
                )
                .with_help("a line holding only `+++` always ends the front matter; indent that line of the string (` +++`) or reword it")
                .at(text, pos..pos + 3));
            }
            return Ok(Split {
                front: Some(Front {
                    range: front_start.min(pos)..pos,
                    syntax,
                }),
                body_start: pos + line.len(),
            });
        }
        pos += line.len();
    }
    Err(Diagnostic::error(
        "unclosed-front-matter",
        file,
        "front matter is never closed",
    )
    .with_help(format!(
        "add a line containing only `{fence}` after the last front matter key"
    ))
    .at(text, start..start + 3))
}

/// Whether TOML text ends inside an open multi-line string: an odd number of `"""` (or of
/// `'''`) delimiters. A heuristic (a delimiter inside a comment or the other kind of string
/// counts too), used only to explain a TOML error, never to accept or reject a file.
fn inside_multiline_string(toml: &str) -> bool {
    (toml.matches("\"\"\"").count() % 2 == 1 || toml.matches("'''").count() % 2 == 1)
        // Only text that does not parse: a `"""` in a comment must not fail a valid file.
        && DeTable::parse(toml).is_err()
}

/// Parses front matter in either syntax into the spanned table `Fields` reads.
pub(super) fn parse_front<'a>(
    file: &str,
    text: &'a str,
    front: &Front,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'a>> {
    match front.syntax {
        Syntax::Toml => parse_toml(file, text, front.range.clone(), diags),
        Syntax::Yaml => crate::load::yaml::parse_yaml(file, text, front.range.clone(), diags),
    }
}

pub(super) fn need_front_matter(file: &str, text: &str, what: &str, diags: &mut Vec<Diagnostic>) {
    diags.push(
        Diagnostic::error("missing-front-matter", file, format!("{what} has no front matter"))
            .with_help("start the file with a `+++` line, the TOML keys, and another `+++` line, or the same in YAML between `---` lines (see docs/format.md)")
            .at(text, 0..0),
    );
}
