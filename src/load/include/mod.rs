//! Includes: another file's text put into a document where the document asks for it, as
//! Sphinx/MyST (```` ```{include} ````, ```` ```{literalinclude} ````), MkDocs's
//! pymdownx.snippets (`--8<-- "README.md"`), GitBook's and Jekyll's Liquid includes, Hugo
//! sites' include shortcodes, Docusaurus partials, VitePress (`<!--@include: -->`,
//! `<<< @/snippets/x.js`), docsify (`[x](part.md ':include')`), DocFX
//! (`[!INCLUDE [x](includes/x.md)]`) and mdBook
//! (`{{#include file.rs:anchor}}`, which, like pymdownx, works inside code blocks) do. Docs folders use them for the text kept
//! once at the top of a repository (README, CHANGELOG, CONTRIBUTING) and for example code.
//! They are expanded when a file is loaded, so every later stage (links, Markdown, search,
//! `serve`) sees one text, as those generators' own readers do.
//!
//! Only files inside the handbook folder are read, checked after symlinks are resolved: a
//! page must not be able to publish `~/.ssh/id_rsa`. An include that cannot be followed is
//! reported (`broken-include`, at the directive) and its lines are left blank.
//!
//! A document with includes carries a line map ([`Included::origins`]); [`relocate`] moves
//! each diagnostic found in included text to the included file's own line, so the message
//! names the file to edit.
//!
//! This file holds the entry points ([`expand`], [`relocate`]) and the limits; `syntax` reads
//! each generator's include line, `expander` follows them, and `parts` cuts the part of a
//! file a directive names.

mod expander;
mod parts;
mod syntax;
#[cfg(test)]
mod tests;

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Doc, Included, Origin};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use expander::*;
use parts::*;
pub use syntax::partial_import;
use syntax::*;

/// Folders of version control and credentials: where secrets live. Nothing in them is
/// ever read into a page (`CODEOWNERS` applies the same rule).
pub const PRIVATE_FOLDERS: &[&str] = &[
    ".git", ".hg", ".svn", ".ssh", ".aws", ".gnupg", ".docker", ".kube",
];

/// How deep includes may nest (an include in an included file is one level).
const MAX_DEPTH: usize = 8;
/// The largest file read for an include, and the most an expanded document may hold: a
/// page that includes a log file must not take the build's memory with it.
const MAX_FILE: u64 = 4 << 20;
const MAX_TOTAL: usize = 16 << 20;
/// The most includes one document follows. Depth and size alone do not bound the work:
/// nine files that each include the next ten times ask for 100 million includes within
/// both limits (depth 6 took 14 s and 320 MB). Real pages follow a handful.
const MAX_INCLUDES: usize = 1_000;
/// Whether `body` may ask for an include: the test every document pays, so with memchr's
/// SIMD search (`str::contains` was a visible part of loading 10,000 documents).
pub fn may_include(body: &str) -> bool {
    use std::sync::OnceLock;
    static SNIPPET: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static DIRECTIVE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static LIQUID: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let bytes = body.as_bytes();
    SNIPPET
        .get_or_init(|| memchr::memmem::Finder::new("8<-"))
        .find(bytes)
        .is_some()
        || DIRECTIVE
            .get_or_init(|| memchr::memmem::Finder::new("include}"))
            .find(bytes)
            .is_some()
        || LIQUID
            .get_or_init(|| memchr::memmem::Finder::new("% include"))
            .find(bytes)
            .is_some()
        // Hugo's include shortcodes (see `hugo_include`).
        || crate::finder!(b"< include").find(bytes).is_some()
        || crate::finder!(b"readfile").find(bytes).is_some()
        // DocFX's (`docfx_include`), in any case: one scan for `[!`, which only GitHub
        // alerts also start.
        || crate::finder!(b"[!").find_iter(bytes).any(|at| {
            bytes
                .get(at + 2..at + 9)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"include"))
        })
        // Mintlify's (`mintlify_snippet`).
        || crate::finder!(b"<Snippet ").find(bytes).is_some()
        // docsify's (`docsify_include`).
        || crate::finder!(b":include").find(bytes).is_some()
        // VitePress's (`vitepress_include`, `vitepress_snippet`).
        || crate::finder!(b"@include:").find(bytes).is_some()
        || crate::finder!(b"<<< ").find(bytes).is_some()
        // mdBook's (`mdbook_include`).
        || crate::finder!(b"{{#").find(bytes).is_some()
        || (bytes.starts_with(b"import ") || crate::finder!(b"\nimport ").find(bytes).is_some())
            && crate::finder!(b"/>").find(bytes).is_some()
}

/// The document's text with its includes expanded, and what they added; `None` when it
/// has none. `file` is the document's path relative to `root`, `body_start` where its
/// Markdown starts (front matter is never searched).
pub fn expand(
    root: &Path,
    file: &str,
    text: &str,
    body_start: usize,
    appends: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Option<(String, Included)> {
    if appends.is_empty() && !may_include(&text[body_start..]) {
        return None;
    }
    let canonical_root = root.canonicalize().ok()?;
    let doc_file: Arc<str> = Arc::from(file);
    let mut x = Expander {
        root: canonical_root,
        doc_file: doc_file.clone(),
        out: String::with_capacity(text.len() * 2),
        lines: 0,
        origins: Vec::new(),
        files: Vec::new(),
        diags,
        full: false,
        followed: 0,
        partials: Vec::new(),
    };
    x.out.push_str(&text[..body_start]);
    x.lines = text[..body_start].bytes().filter(|&b| b == b'\n').count() as u32;
    let first_line = x.lines + 1;
    let source = FileText {
        file: doc_file,
        text,
    };
    let mut stack = vec![file.to_string()];
    x.partials = partials(&text[body_start..]);
    x.scan(
        &source,
        body_start..text.len(),
        first_line,
        "",
        Mode::default(),
        &mut stack,
    );
    for name in appends {
        x.append(name, &mut stack);
    }
    if x.origins.is_empty() && x.files.is_empty() && x.out == text {
        return None;
    }
    x.files.sort();
    x.files.dedup();
    Some((
        x.out,
        Included {
            origins: x.origins,
            files: x.files,
        },
    ))
}

/// Moves each diagnostic that points into included text of a document to the included
/// file's line. Exact duplicates (the same mistake in a file three pages include) are then
/// one diagnostic, once sorted.
/// Then each diagnostic of a document read at another place than its file
/// (`Source::read_from`) names the file.
pub fn relocate(diags: &mut [Diagnostic], docs: &[Doc]) {
    let maps: HashMap<&str, &Included> = docs
        .iter()
        .filter_map(|d| Some((d.source.path.as_str(), d.source.included.as_deref()?)))
        .collect();
    let files: HashMap<&str, &str> = docs
        .iter()
        .filter_map(|d| Some((d.source.path.as_str(), d.source.read_from.as_deref()?)))
        .collect();
    if maps.is_empty() && files.is_empty() {
        return;
    }
    for d in diags.iter_mut() {
        if d.line > 0
            && let Some(included) = maps.get(d.file.as_str())
        {
            relocate_one(d, included);
        }
        if let Some(file) = files.get(d.file.as_str()) {
            d.file = file.to_string();
        }
    }
}

/// How the help of a problem found in included text names the page that includes it.
const INCLUDED_BY: &str = "(this text is included by ";
const READ_AS_PART: &str = ", and read as part of it";

/// One diagnostic for a problem of included text that several pages include (a snippet
/// on forty pages is one broken link to fix, not forty): the same file, place, code and
/// message, whose help differs only in the page that includes it, is told once with the
/// number of pages. Runs on sorted diagnostics, after [`relocate`].
pub fn merge_repeats(diags: &mut Vec<Diagnostic>) {
    fn split(help: Option<&str>) -> Option<(&str, &str)> {
        let help = help?;
        let at = help.rfind(INCLUDED_BY)?;
        let page = help[at + INCLUDED_BY.len()..].strip_suffix(")")?;
        Some((&help[..at], page.strip_suffix(READ_AS_PART)?))
    }
    let same_place = |a: &Diagnostic, b: &Diagnostic| {
        (a.severity, a.code, &a.file, a.line, a.column, &a.message)
            == (b.severity, b.code, &b.file, b.line, b.column, &b.message)
    };
    // The run's first diagnostic keeps its help as written until the run ends.
    fn told_once(d: &mut Diagnostic, others: usize) {
        if others == 0 {
            return;
        }
        if let Some((base, first)) = split(d.help.as_deref()) {
            let help = format!(
                "{base}{INCLUDED_BY}{first} and {}, and read as part of each)",
                crate::text::counted(others, "other page", "other pages")
            );
            d.help = Some(help.into_boxed_str());
        }
    }
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diags.len());
    let mut others = 0usize;
    for d in diags.drain(..) {
        if let Some(last) = out.last()
            && same_place(last, &d)
            && let (Some((base, _)), Some((other_base, _))) =
                (split(last.help.as_deref()), split(d.help.as_deref()))
            && base == other_base
        {
            others += 1;
            continue;
        }
        if let Some(last) = out.last_mut() {
            told_once(last, others);
        }
        others = 0;
        out.push(d);
    }
    if let Some(last) = out.last_mut() {
        told_once(last, others);
    }
    *diags = out;
}

/// [`relocate`] for the diagnostics of one file, `file`, whose includes are `included`.
pub fn relocate_in(diags: &mut [Diagnostic], file: &str, included: &Included) {
    for d in diags.iter_mut().filter(|d| d.line > 0 && d.file == file) {
        relocate_one(d, included);
    }
}

fn relocate_one(d: &mut Diagnostic, included: &Included) {
    {
        let at = included.origins.partition_point(|o| o.line <= d.line);
        let Some(o) = at.checked_sub(1).map(|i| &included.origins[i]) else {
            return;
        };
        d.line = o.file_line + (d.line - o.line);
        if &*o.file != d.file.as_str() {
            // Links in included text are read from the page that includes it.
            let help = format!(
                "{}{}{INCLUDED_BY}{}{READ_AS_PART})",
                d.help.as_deref().unwrap_or(""),
                if d.help.is_some() { " " } else { "" },
                d.file
            );
            d.help = Some(help.into_boxed_str());
            d.file = o.file.to_string();
        }
        if o.indent > 0 {
            d.column = d.column.saturating_sub(o.indent).max(1);
            if let Some(line) = &d.source_line {
                let cut = line
                    .char_indices()
                    .nth(o.indent as usize)
                    .map_or(line.len(), |(i, _)| i);
                d.source_line = Some(line[cut..].into());
            }
        }
    }
}
