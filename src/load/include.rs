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

use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Doc, Included, Origin};
use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

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
/// How a Hugo include shortcode is named in messages.
const HUGO_INCLUDE: &str = "a Hugo include shortcode";
/// How far past a directive's opening line its closing fence (or a snippet block's end
/// marker) is looked for: an unclosed one must not make every later line a search.
const MAX_DIRECTIVE_LINES: usize = 256;

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

/// A Docusaurus partial's import, `import Steps from './_steps.mdx';`: the component's
/// name and the file (a path from the page, or `@site/…` from the site's root, where
/// `docs/` is `content/` once moved in).
pub fn partial_import(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix("import ")?;
    let (name, from) = rest.split_once(" from ")?;
    let name = name.trim();
    let from = unquote(from.trim().trim_end_matches(';'));
    let identifier = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (identifier && crate::load::is_markdown(from)).then_some((name, from))
}

/// The partials a body imports, by component name, each as a path for [`Expander::myst`]
/// (relative to the page, or `/x` from content/).
fn partials(body: &str) -> Vec<(String, String)> {
    body.lines()
        .filter_map(partial_import)
        .map(|(name, from)| {
            let path = match from.strip_prefix("@site/") {
                Some(rest) => match rest.strip_prefix("docs/") {
                    Some(in_docs) => format!("/{in_docs}"),
                    None => format!("/../{rest}"),
                },
                None => from.to_string(),
            };
            (name.to_string(), path)
        })
        .collect()
}

/// The component a line uses alone, `<Steps />` (props are not read): its name.
fn component_use(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix('<')?.strip_suffix("/>")?.trim();
    inner.split_whitespace().next()
}

/// The Markdown file a Liquid include line names: GitBook's `{% include "../.gitbook/
/// includes/steps.md" %}` and Jekyll's `{% include_relative part.md %}`, both relative to
/// the page. Jekyll's `{% include footer.html %}` (a template from `_includes/`) is not.
fn liquid_include(line: &str) -> Option<&str> {
    let inner = line
        .trim()
        .strip_prefix("{%")?
        .strip_suffix("%}")?
        .trim_matches('-')
        .trim();
    let path = inner
        .strip_prefix("include_relative ")
        .or_else(|| inner.strip_prefix("include "))?
        .trim();
    let path = unquote(path);
    (crate::load::is_markdown(path) && !path.contains(char::is_whitespace)).then_some(path)
}

/// The Markdown file a VitePress include line names, `<!--@include: ./parts/intro.md-->`,
/// as a path for [`Expander::myst`]: relative to the page, or to `content/` (VitePress's
/// source folder) when it starts `@/`. Not one that asks for a region or lines of the file
/// (`#region`, `{3,}`), which is left as the comment it is.
fn vitepress_include(line: &str) -> Option<String> {
    let path = line
        .trim()
        .strip_prefix("<!--@include:")?
        .strip_suffix("-->")?
        .trim();
    vitepress_path(path).filter(|p| crate::load::is_markdown(p))
}

/// The file a VitePress snippet line imports as code, `<<< @/snippets/deploy.sh`
/// (a highlight, `{2}`, and a tab label, `[deploy.sh]`, after it are ignored), as a path
/// for [`Expander::myst`]; not one that asks for a region (`#region`).
fn vitepress_snippet(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("<<< ")?.trim();
    let path = rest.split_whitespace().next()?;
    let path = path.split_once('{').map_or(path, |(p, _)| p);
    vitepress_path(path)
}

/// A VitePress path: `@/x` from the source folder (`/x` here), else as written; none
/// with a region or spaces.
fn vitepress_path(path: &str) -> Option<String> {
    if path.is_empty() || path.contains(['#', '{', ' ', '<', '>', '"']) {
        return None;
    }
    Some(path.strip_prefix('@').unwrap_or(path).to_string())
}

/// The Markdown file a Hugo include shortcode line names: `{{% include "path" %}}` (or
/// `{{< … >}}`), the shortcode GitLab's handbook and many sites define, and Docsy's
/// `{{% readfile file="path" %}}` (not with `code="true"`, which shows the file as code).
/// Hugo has no built-in include, so where the path is relative to is each site's choice:
/// see [`Expander::hugo_include_path`].
fn hugo_include(line: &str) -> Option<&str> {
    let t = line.trim();
    let inner = t
        .strip_prefix("{{%")
        .and_then(|r| r.strip_suffix("%}}"))
        .or_else(|| t.strip_prefix("{{<").and_then(|r| r.strip_suffix(">}}")))?
        .trim();
    let path = if let Some(rest) = inner.strip_prefix("include ") {
        unquote(rest.trim())
    } else {
        let rest = inner.strip_prefix("readfile ")?.trim();
        let mut file = None;
        for param in rest.split_whitespace() {
            match param.split_once('=') {
                Some(("file", v)) => file = Some(unquote(v)),
                Some(("code", v)) if unquote(v) == "true" => return None,
                None if file.is_none() => file = Some(unquote(param)),
                _ => {}
            }
        }
        file?
    };
    (crate::load::is_markdown(path) && !path.contains(char::is_whitespace)).then_some(path)
}

/// The file a docsify include names, a link alone on its line whose title asks for it:
/// `[terms](shared/terms.md ':include')` (or `":include"`), as a path for
/// [`Expander::myst`] (relative to the page, `/x` from content/, docsify's base), and
/// whether it is shown as code: asked for with `:type=code`, or any file but Markdown.
/// Not one from the web, nor one naming a part of the file (`#id`): they stay links.
fn docsify_include(line: &str) -> Option<(&str, bool)> {
    let inner = line.trim().strip_prefix('[')?.strip_suffix(')')?;
    let (_, target) = inner.split_once("](")?;
    let (path, title) = target.trim().split_once(char::is_whitespace)?;
    let title = title.trim();
    let options = title
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .or_else(|| title.strip_prefix('"').and_then(|t| t.strip_suffix('"')))?;
    let mut options = options.split_whitespace();
    if options.next() != Some(":include") {
        return None;
    }
    let code = options.any(|o| o == ":type=code");
    let path = path.trim_start_matches('<').trim_end_matches('>');
    if path.is_empty() || path.contains("://") || path.contains(['#', '?', '"', '\'']) {
        return None;
    }
    Some((path, code || !crate::load::is_markdown(path)))
}

/// The Markdown file a DocFX include line names, `[!INCLUDE [title](../includes/x.md)]`
/// (`INCLUDE` in any case, the title often empty), as a path for [`Expander::myst`]:
/// relative to the page, or from DocFX's project root (`content/` once moved in) when it
/// starts `~/`. DocFX's inline form, within a line of text, is not read.
fn docfx_include(line: &str) -> Option<String> {
    let t = line.trim();
    let inner = t
        .get(..9)
        .filter(|s| s.eq_ignore_ascii_case("[!include"))
        .map(|_| &t[9..])?
        .strip_suffix(']')?
        .trim_start();
    let target = inner
        .strip_prefix('[')?
        .split_once("](")?
        .1
        .strip_suffix(')')?;
    let path = target.trim().trim_start_matches('<').trim_end_matches('>');
    let path = path
        .split_once(char::is_whitespace)
        .map_or(path, |(p, _)| p);
    if path.is_empty() || path.contains("://") || path.contains(['#', '?', '"']) {
        return None;
    }
    let path = match path.strip_prefix("~/") {
        Some(rest) => format!("/{rest}"),
        None => path.to_string(),
    };
    crate::load::is_markdown(&path).then_some(path)
}

/// The Markdown file a Mintlify snippet line names, `<Snippet file="profile/ash.mdx" />`:
/// a path in the site's `snippets/` folder (`content/snippets/` once moved in).
fn mintlify_snippet(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix("<Snippet ")?.strip_suffix("/>")?;
    let path = inner
        .split_once("file=\"")?
        .1
        .split_once('"')?
        .0
        .trim()
        .trim_start_matches('/');
    let plain = !path.is_empty() && !path.contains(char::is_whitespace) && !path.contains("..");
    (plain && crate::load::is_markdown(path)).then_some(path)
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
pub fn relocate(diags: &mut [Diagnostic], docs: &[Doc]) {
    let maps: HashMap<&str, &Included> = docs
        .iter()
        .filter_map(|d| Some((d.source.path.as_str(), d.source.included.as_deref()?)))
        .collect();
    if maps.is_empty() {
        return;
    }
    for d in diags.iter_mut().filter(|d| d.line > 0) {
        if let Some(included) = maps.get(d.file.as_str()) {
            relocate_one(d, included);
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

/// A file's whole text, for positioning diagnostics in it.
struct FileText<'a> {
    file: Arc<str>,
    text: &'a str,
}

/// What is done to an included file's lines on their way in.
#[derive(Clone, Copy, Default)]
struct Mode {
    /// `#`s added to each ATX heading (MyST `:heading-offset:`).
    heading_offset: usize,
    /// Drop `--8<-- [start:name]` / `[end:name]` marker lines (a snippet's sections).
    drop_section_markers: bool,
    /// Drop mdBook's `ANCHOR: name` / `ANCHOR_END: name` lines (an anchor's part of a file).
    drop_anchor_markers: bool,
}

struct Expander<'d> {
    root: PathBuf,
    doc_file: Arc<str>,
    out: String,
    /// Lines written to `out` so far.
    lines: u32,
    origins: Vec<Origin>,
    files: Vec<String>,
    diags: &'d mut Vec<Diagnostic>,
    /// `out` reached [`MAX_TOTAL`] (reported once).
    full: bool,
    /// Includes followed so far; past [`MAX_INCLUDES`] none is (reported once).
    followed: usize,
    /// The page's Docusaurus partials: component name, path ([`partials`]).
    partials: Vec<(String, String)>,
}

/// Why an include was not followed.
enum Refused {
    Missing,
    /// A hidden file (`.env`, `.npmrc`) or one in a folder of version control or
    /// credentials (`.git/`, `.ssh/`): where secrets live. Other hidden folders are read
    /// (`.github/CONTRIBUTING.md`, MkDocs's `.snippets/` are common include targets).
    Hidden,
    Outside,
    Folder,
    TooLarge,
}

/// One line of `text` from `start`: its range without the line break, and where the next
/// line starts.
fn line_from(text: &str, start: usize) -> (Range<usize>, usize) {
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let content_end = if text[start..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    (start..content_end, (end + 1).min(text.len()))
}

/// The lines of `range` in `text`, as ranges without their line breaks.
fn lines_of(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = range.start;
    while at < range.end {
        let (line, next) = line_from(text, at);
        out.push(line.start..line.end.min(range.end));
        if next <= at {
            break;
        }
        at = next;
    }
    out
}

impl Expander<'_> {
    /// Appends one line, coming from `file`'s line `file_line`, with `indent` before it.
    fn emit(&mut self, line: &str, file: &Arc<str>, file_line: u32, indent: &str) {
        let at = self.lines + 1;
        let (last_file, last_line, last_indent) = match self.origins.last() {
            Some(o) => (&o.file, o.file_line + (at - o.line), o.indent),
            None => (&self.doc_file, at, 0),
        };
        let indent_len = indent.chars().count() as u32;
        if last_file != file || last_line != file_line || last_indent != indent_len {
            self.origins.push(Origin {
                line: at,
                file: file.clone(),
                file_line,
                indent: indent_len,
            });
        }
        self.out.push_str(indent);
        self.out.push_str(line);
        self.out.push('\n');
        self.lines += 1;
    }

    /// Writes the lines of `range` of `src` (starting at its line `first_line`), expanding
    /// the includes among them.
    fn scan(
        &mut self,
        src: &FileText,
        range: Range<usize>,
        first_line: u32,
        indent: &str,
        mode: Mode,
        stack: &mut Vec<String>,
    ) {
        let text = src.text;
        let lines = lines_of(text, range);
        // Fences open around the current line: MyST directives whose body is Markdown
        // (`{note}`), and at most one code block, whose lines are never directives.
        let mut containers: Vec<(u8, usize)> = Vec::new();
        let mut code: Option<(u8, usize)> = None;
        let mut i = 0;
        while i < lines.len() {
            let line = &text[lines[i].clone()];
            let number = first_line + i as u32;
            // pymdownx.snippets runs before Markdown is parsed: in code blocks too.
            if let Some(snippet) = snippet_line(line) {
                match snippet {
                    Snippet::Escaped(unescaped) => {
                        self.emit(&unescaped, &src.file, number, indent);
                        i += 1;
                    }
                    Snippet::One { space, name } => {
                        let deeper = format!("{indent}{space}");
                        self.snippet(src, lines[i].clone(), number, name, &deeper, stack);
                        i += 1;
                    }
                    Snippet::BlockMarker { space } => {
                        let end =
                            (i + 1..lines.len().min(i + 1 + MAX_DIRECTIVE_LINES)).find(|&j| {
                                matches!(
                                    snippet_line(&text[lines[j].clone()]),
                                    Some(Snippet::BlockMarker { .. })
                                )
                            });
                        let Some(end) = end else {
                            self.emit(line, &src.file, number, indent);
                            i += 1;
                            continue;
                        };
                        let deeper = format!("{indent}{space}");
                        for j in i + 1..end {
                            let name = text[lines[j].clone()].trim();
                            if !name.is_empty() && !name.starts_with(';') {
                                let name = name.trim_matches(['"', '\'']);
                                let n = first_line + j as u32;
                                self.snippet(src, lines[j].clone(), n, name, &deeper, stack);
                            }
                        }
                        i = end + 1;
                    }
                }
                continue;
            }
            // mdBook expands its helpers before Markdown is parsed: in code blocks too.
            if let Some(helper) = mdbook_include(line) {
                let deeper = format!("{indent}{}", helper.lead);
                if !self.mdbook(src, lines[i].clone(), number, &helper, &deeper, stack) {
                    self.emit(helper.lead, &src.file, number, indent);
                }
                i += 1;
                continue;
            }
            if mode.drop_anchor_markers && anchor_marker(line).is_some() {
                i += 1;
                continue;
            }
            if mode.drop_section_markers && section_marker(line).is_some() {
                i += 1;
                continue;
            }
            if let Some((c, n)) = code {
                if let Some((fc, fn_, rest)) = crate::dialects::myst::fence(line)
                    && fc == c
                    && fn_ >= n
                    && rest.is_empty()
                {
                    code = None;
                }
                self.emit(line, &src.file, number, indent);
                i += 1;
                continue;
            }
            // A partial's import (`import Steps from './_steps.mdx'`) in a `.md` page of an
            // MDX site is machinery, as in an `.mdx` page (where the MDX stage removes it):
            // its line is left blank, and its use draws the partial.
            if !crate::load::is_mdx(&src.file) && partial_import(line).is_some() {
                self.emit("", &src.file, number, "");
                i += 1;
                continue;
            }
            // A whole-line include of another file's Markdown: a Docusaurus partial's use
            // (`<Steps />`), a GitBook or Jekyll Liquid include.
            let one_line = component_use(line)
                .and_then(|name| self.partials.iter().find(|(n, _)| n == name))
                .map(|(_, path)| (path.clone(), "a Docusaurus partial"))
                .or_else(|| liquid_include(line).map(|p| (p.to_string(), "`{% include %}`")))
                .or_else(|| {
                    hugo_include(line).map(|p| (self.hugo_include_path(&src.file, p), HUGO_INCLUDE))
                })
                .or_else(|| {
                    mintlify_snippet(line)
                        .map(|p| (format!("/snippets/{p}"), "a Mintlify `<Snippet>`"))
                })
                .or_else(|| docfx_include(line).map(|p| (p, "a DocFX `[!INCLUDE]`")))
                .map(|(path, shown)| (path, shown, "include"))
                .or_else(|| {
                    vitepress_include(line)
                        .map(|p| (p, "a VitePress `<!--@include: -->`", "include"))
                })
                .or_else(|| {
                    docsify_include(line).map(|(p, code)| {
                        let name = if code { "literalinclude" } else { "include" };
                        let path = self.docsify_include_path(&src.file, p);
                        (path, "a docsify `':include'` link", name)
                    })
                })
                .or_else(|| {
                    vitepress_snippet(line)
                        .map(|p| (p, "a VitePress snippet (`<<<`)", "literalinclude"))
                });
            if let Some((path, shown, name)) = one_line {
                let lead = &line[..line.len() - line.trim_start().len()];
                let deeper = format!("{indent}{lead}");
                let directive = Directive {
                    name,
                    shown,
                    arg: &path,
                    at: lines[i].clone(),
                    options: Vec::new(),
                };
                if !self.myst(src, &directive, &deeper, mode, stack) {
                    self.emit("", &src.file, number, "");
                }
                i += 1;
                continue;
            }
            if let Some((c, n, rest)) = crate::dialects::myst::fence(line) {
                let directive = crate::dialects::myst::myst_directive(rest);
                if let Some((name @ ("include" | "literalinclude"), arg)) = directive {
                    let close = (i + 1..lines.len().min(i + 1 + MAX_DIRECTIVE_LINES)).find(|&j| {
                        crate::dialects::myst::fence(&text[lines[j].clone()])
                            .is_some_and(|(fc, fn_, r)| fc == c && fn_ >= n && r.is_empty())
                    });
                    if let Some(close) = close {
                        let block = lines[i].start..lines[close].end;
                        let lead = &line[..line.len() - line.trim_start().len()];
                        let deeper = format!("{indent}{lead}");
                        // The opening line's break (a CRLF file's `\r` is before it).
                        let line_break = text[lines[i].end..]
                            .find('\n')
                            .map_or(text.len(), |n| lines[i].end + n);
                        let directive = Directive {
                            name,
                            shown: if name == "include" {
                                "`{include}`"
                            } else {
                                "`{literalinclude}`"
                            },
                            arg,
                            at: lines[i].clone(),
                            options: directive_options(text, line_break, block.end),
                        };
                        // The directive's own lines, blank: the line count before the
                        // included text stays the file's.
                        let kept = self.myst(src, &directive, &deeper, mode, stack);
                        if !kept {
                            for j in i..=close {
                                self.emit("", &src.file, first_line + j as u32, "");
                            }
                        }
                        i = close + 1;
                        continue;
                    }
                } else if directive.is_some() {
                    containers.push((c, n));
                } else if rest.is_empty()
                    && containers
                        .last()
                        .is_some_and(|&(tc, tn)| tc == c && n >= tn)
                {
                    containers.pop();
                } else if c != b':' {
                    code = Some((c, n));
                }
                self.emit(line, &src.file, number, indent);
                i += 1;
                continue;
            }
            if mode.heading_offset > 0 && atx_heading(line) {
                let lead = line.len() - line.trim_start().len();
                let deeper = format!(
                    "{}{}{}",
                    &line[..lead],
                    "#".repeat(mode.heading_offset),
                    &line[lead..]
                );
                self.emit(&deeper, &src.file, number, indent);
            } else {
                self.emit(line, &src.file, number, indent);
            }
            i += 1;
        }
    }

    fn report(&mut self, src: &FileText, at: Range<usize>, message: String, help: &str) {
        self.diags.push(
            Diagnostic::warning(Code::BrokenInclude, &src.file, message)
                .with_help(help)
                .at(src.text, at),
        );
    }

    /// Reads `rel` (a path relative to the root, `/`-separated, not yet normalised) if it
    /// is a file inside the handbook folder. Records it either way.
    fn read(&mut self, rel: &str) -> Result<(String, String), Refused> {
        let Some(normal) = normalise(rel) else {
            return Err(Refused::Outside);
        };
        self.files.push(normal.clone());
        let file_name = normal.rsplit('/').next().unwrap_or(&normal);
        if file_name.starts_with('.')
            || normal
                .split('/')
                .any(|part| PRIVATE_FOLDERS.contains(&part))
        {
            return Err(Refused::Hidden);
        }
        let path = self.root.join(&normal);
        let real = match path.canonicalize() {
            Ok(p) => p,
            Err(_) => return Err(Refused::Missing),
        };
        if !real.starts_with(&self.root) {
            return Err(Refused::Outside);
        }
        let meta = std::fs::metadata(&real).map_err(|_| Refused::Missing)?;
        if meta.is_dir() {
            return Err(Refused::Folder);
        }
        if meta.len() > MAX_FILE {
            return Err(Refused::TooLarge);
        }
        let bytes = std::fs::read(&real).map_err(|_| Refused::Missing)?;
        let text = crate::text::legacy::beside_text(bytes, &normal, self.diags);
        Ok((normal, super::line_ends(text)))
    }

    /// Whether another `len` bytes may be added; reports the first refusal.
    fn room_for(&mut self, src: &FileText, at: Range<usize>, len: usize) -> bool {
        if self.out.len() + len <= MAX_TOTAL {
            return true;
        }
        if !std::mem::replace(&mut self.full, true) {
            self.report(
                src,
                at,
                format!(
                    "this include would make the page larger than {} MiB; it is left out",
                    MAX_TOTAL >> 20
                ),
                "include a smaller part of the file (`:lines:`, `:start-after:`), or link to it",
            );
        }
        false
    }

    /// Whether another include may be followed ([`MAX_INCLUDES`]); reports the first
    /// refusal.
    fn may_follow(&mut self, src: &FileText, at: Range<usize>) -> bool {
        self.followed += 1;
        if self.followed <= MAX_INCLUDES {
            return true;
        }
        if self.followed == MAX_INCLUDES + 1 {
            self.report(
                src,
                at,
                format!(
                    "this page follows more than {MAX_INCLUDES} includes (counting those inside included files); the rest are left out"
                ),
                "include each file once, or fewer files that each include many (nested includes multiply)",
            );
        }
        false
    }

    /// Explains a refused file at the directive that named it.
    fn refused(&mut self, src: &FileText, at: Range<usize>, what: &str, name: &str, why: Refused) {
        let (message, help) = match why {
            Refused::Missing if what == HUGO_INCLUDE => (
                format!("{what} names `{name}`, which does not exist"),
                "fix the path (it is looked for beside this file, then in content/, then in the repository's assets/), or remove the include",
            ),
            Refused::Missing if what.starts_with("`{{#") => (
                format!("{what} names `{name}`, which does not exist"),
                "fix the path (mdBook reads it relative to this file), or remove the include",
            ),
            Refused::Missing => (
                format!("{what} names `{name}`, which does not exist"),
                "fix the path (a MyST include is relative to this file; a snippet to the handbook folder, or content/), or remove the include",
            ),
            Refused::Outside => (
                format!(
                    "{what} names `{name}`, which is outside the handbook folder; orgbook only reads files inside it"
                ),
                "move the file into the handbook folder (beside orgbook.toml), or paste its text here",
            ),
            Refused::Hidden => (
                format!(
                    "{what} names `{name}`, a hidden file or one in a folder of version control or credentials; orgbook does not read those, where secrets live"
                ),
                "copy the part to show into a file that is not hidden, and include that",
            ),
            Refused::Folder => (
                format!("{what} names `{name}`, which is a folder"),
                "name a file in it",
            ),
            Refused::TooLarge => (
                format!(
                    "{what} names `{name}`, which is larger than {} MiB",
                    MAX_FILE >> 20
                ),
                "include a smaller file, or link to this one",
            ),
        };
        self.report(src, at, message, help);
    }

    /// Where a Hugo include shortcode's file is, as a path for [`Expander::myst`]: beside
    /// the page, else from content/, else from the repository's `assets/` (GitLab's
    /// handbook keeps its shared text in `assets/includes/`). A path found nowhere stays
    /// relative to the page, where it is reported missing.
    /// Where a docsify include's `path` is: beside the page, else from content/ (docsify
    /// reads links from the site's root unless told otherwise); `./` and `../` paths are
    /// the page's.
    fn docsify_include_path(&self, page: &str, path: &str) -> String {
        if path.starts_with('.') || path.starts_with('/') {
            return path.to_string();
        }
        let dir = page.rsplit_once('/').map_or("", |(dir, _)| dir);
        let beside = self.root.join(dir).join(path);
        let from_root = self.root.join(super::CONTENT_DIR).join(path);
        if !beside.is_file() && from_root.is_file() {
            format!("/{path}")
        } else {
            path.to_string()
        }
    }

    fn hugo_include_path(&self, page: &str, path: &str) -> String {
        if path.starts_with('/') {
            return path.to_string();
        }
        let dir = page.rsplit_once('/').map_or("", |(dir, _)| dir);
        let beside = if dir.is_empty() {
            path.to_string()
        } else {
            format!("{dir}/{path}")
        };
        let candidates = [
            (beside, path.to_string()),
            (format!("{}/{path}", super::CONTENT_DIR), format!("/{path}")),
            (format!("assets/{path}"), format!("/../assets/{path}")),
        ];
        candidates
            .iter()
            .find(|(rel, _)| self.root.join(rel).is_file())
            .map_or_else(|| path.to_string(), |(_, arg)| arg.clone())
    }

    /// Follows a MyST `{include}` / `{literalinclude}`; false when it was not followed (its
    /// lines are then left blank by the caller).
    fn myst(
        &mut self,
        src: &FileText,
        d: &Directive,
        indent: &str,
        mode: Mode,
        stack: &mut Vec<String>,
    ) -> bool {
        let what = d.shown.to_string();
        if d.arg.is_empty() {
            self.report(
                src,
                d.at.clone(),
                format!("{what} names no file"),
                "write the path after the directive: ```{include} ../README.md",
            );
            return false;
        }
        // `/x` is relative to the Sphinx source folder, which is content/ once moved in.
        let rel = match d.arg.strip_prefix('/') {
            Some(from_source) => format!("{}/{from_source}", super::CONTENT_DIR),
            None => {
                let dir = src.file.rsplit_once('/').map_or("", |(dir, _)| dir);
                if dir.is_empty() {
                    d.arg.to_string()
                } else {
                    format!("{dir}/{}", d.arg)
                }
            }
        };
        let literal = d.name == "literalinclude" || d.option("literal").is_some();
        if !literal && (d.arg.ends_with(".rst") || d.arg.ends_with(".rest")) {
            self.report(
                src,
                d.at.clone(),
                format!(
                    "{what} names `{}`, which is reStructuredText; orgbook reads Markdown",
                    d.arg
                ),
                &format!(
                    "convert it (`pandoc -f rst -t gfm {} -o {}`) and include the .md file",
                    d.arg,
                    d.arg
                        .trim_end_matches(".rest")
                        .trim_end_matches(".rst")
                        .to_string()
                        + ".md"
                ),
            );
            return false;
        }
        if !self.may_follow(src, d.at.clone()) {
            return false;
        }
        let (normal, text) = match self.read(&rel) {
            Ok(found) => found,
            Err(why) => {
                self.refused(src, d.at.clone(), &what, d.arg, why);
                return false;
            }
        };
        if stack.contains(&normal) {
            self.report(
                src,
                d.at.clone(),
                format!(
                    "{what} names `{}`, which includes this file again: {} → {normal}",
                    d.arg,
                    stack.join(" → ")
                ),
                "remove one of the includes; an include cannot contain itself",
            );
            return false;
        }
        if stack.len() > MAX_DEPTH {
            self.report(
                src,
                d.at.clone(),
                format!("{what} nests includes more than {MAX_DEPTH} deep"),
                "include the innermost file directly",
            );
            return false;
        }
        let file: Arc<str> = Arc::from(normal.as_str());
        let included = FileText { file, text: &text };
        if literal {
            let lang = d
                .option("language")
                .or(d.option("code"))
                .filter(|l| !l.is_empty())
                .map(str::to_string)
                .unwrap_or_else(|| language_of(&normal).to_string());
            let Some(lines) = literal_lines(&text, d) else {
                self.report(
                    src,
                    d.at.clone(),
                    format!("{what}: the lines asked for (`:lines:`, `:start-after:`, `:end-before:`) are not in `{}`", d.arg),
                    "check the option against the file",
                );
                return false;
            };
            let len: usize = lines.iter().map(|(_, l)| l.len() + 1).sum();
            if !self.room_for(src, d.at.clone(), len) {
                return false;
            }
            let dedent = d.option("dedent").map(|n| n.parse::<usize>().ok());
            self.literal(src, d, &included, &lines, &lang, dedent, indent);
            return true;
        }
        let Some((range, first_line)) = markdown_range(&normal, &text, d) else {
            self.report(
                src,
                d.at.clone(),
                format!("{what}: the text asked for (`:start-line:`, `:start-after:`, `:end-before:`) is not in `{}`", d.arg),
                "check the option against the file",
            );
            return false;
        };
        if !self.room_for(src, d.at.clone(), range.len()) {
            return false;
        }
        let offset = d
            .option("heading-offset")
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or(0)
            .min(5);
        stack.push(normal);
        let mode = Mode {
            heading_offset: mode.heading_offset + offset,
            drop_section_markers: false,
            drop_anchor_markers: false,
        };
        self.scan(&included, range, first_line, indent, mode, stack);
        stack.pop();
        true
    }

    /// A fenced code block of `lines` (number in the file, text).
    #[allow(clippy::too_many_arguments)]
    fn literal(
        &mut self,
        src: &FileText,
        d: &Directive,
        included: &FileText,
        lines: &[(u32, &str)],
        lang: &str,
        dedent: Option<Option<usize>>,
        indent: &str,
    ) {
        let at_line = src.text[..d.at.start]
            .bytes()
            .filter(|&b| b == b'\n')
            .count() as u32
            + 1;
        let longest_run = lines
            .iter()
            .map(|(_, l)| l.trim_start().bytes().take_while(|&b| b == b'`').count())
            .max()
            .unwrap_or(0);
        let fence = "`".repeat((longest_run + 1).max(3));
        let common = match dedent {
            Some(Some(n)) => n,
            // `:dedent:` alone: the indentation every non-blank line shares.
            Some(None) => lines
                .iter()
                .filter(|(_, l)| !l.trim().is_empty())
                .map(|(_, l)| l.len() - l.trim_start_matches([' ', '\t']).len())
                .min()
                .unwrap_or(0),
            None => 0,
        };
        if let Some(caption) = d.option("caption").filter(|c| !c.is_empty()) {
            self.emit(&format!("*{caption}*"), &src.file, at_line, indent);
            self.emit("", &src.file, at_line, indent);
        }
        self.emit(&format!("{fence}{lang}"), &src.file, at_line, indent);
        for (n, line) in lines {
            let cut = line
                .char_indices()
                .take(common)
                .take_while(|(_, c)| *c == ' ' || *c == '\t')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            self.emit(&line[cut..], &included.file, *n, indent);
        }
        self.emit(&fence, &src.file, at_line, indent);
    }

    /// A snippet pymdownx appends to every page (`auto_append`), after a blank line. One
    /// that cannot be read is left out here: the load stage reports it once, at
    /// `mkdocs.yml`, not once per page.
    fn append(&mut self, name: &str, stack: &mut Vec<String>) {
        let Some((normal, text)) = [name.to_string(), format!("{}/{name}", super::CONTENT_DIR)]
            .iter()
            .find_map(|c| self.read(c).ok())
        else {
            return;
        };
        if stack.contains(&normal) || !self.out.len().saturating_add(text.len()).le(&MAX_TOTAL) {
            return;
        }
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
            self.lines += 1;
        }
        let file = Arc::clone(&self.doc_file);
        self.emit("", &file, self.lines + 1, "");
        let included = FileText {
            file: Arc::from(normal.as_str()),
            text: &text,
        };
        stack.push(normal);
        let mode = Mode {
            heading_offset: 0,
            drop_section_markers: true,
            drop_anchor_markers: false,
        };
        self.scan(&included, 0..text.len(), 1, "", mode, stack);
        stack.pop();
    }

    /// Follows a pymdownx snippet, `name` as written (with `:3:7` lines or a `:section`).
    fn snippet(
        &mut self,
        src: &FileText,
        at: Range<usize>,
        line: u32,
        name: &str,
        indent: &str,
        stack: &mut Vec<String>,
    ) {
        let what = format!("`--8<-- \"{name}\"`");
        if name.starts_with("http://") || name.starts_with("https://") {
            self.report(
                src,
                at,
                format!(
                    "{what} is a snippet from the web; orgbook does not download while building"
                ),
                "save the file in the handbook folder and include it from there",
            );
            self.emit("", &src.file, line, "");
            return;
        }
        if !self.may_follow(src, at.clone()) {
            self.emit("", &src.file, line, "");
            return;
        }
        let (path, part) = snippet_part(name);
        let dir = src.file.rsplit_once('/').map_or("", |(dir, _)| dir);
        // pymdownx resolves against `base_path` (the folder mkdocs runs in: the handbook
        // root once moved in), then orgbook tries content/ and the including file's folder.
        let candidates = [
            path.to_string(),
            format!("{}/{path}", super::CONTENT_DIR),
            if dir.is_empty() {
                path.to_string()
            } else {
                format!("{dir}/{path}")
            },
        ];
        // Every place looked is recorded (`Included::files`): a file appearing in an
        // earlier one would be the one included.
        let mut first_refusal = None;
        let mut found = None;
        for c in candidates {
            match self.read(&c) {
                Ok(f) => {
                    found = Some(f);
                    break;
                }
                Err(why) => {
                    first_refusal.get_or_insert(why);
                }
            }
        }
        let Some((normal, text)) = found else {
            let why = first_refusal.unwrap_or(Refused::Missing);
            self.refused(src, at, &what, path, why);
            self.emit("", &src.file, line, "");
            return;
        };
        if stack.contains(&normal) || stack.len() > MAX_DEPTH {
            self.report(
                src,
                at,
                format!("{what} includes this file again, or nests more than {MAX_DEPTH} deep: {} → {normal}", stack.join(" → ")),
                "remove one of the includes",
            );
            self.emit("", &src.file, line, "");
            return;
        }
        let Some(range) = snippet_range(&text, &part) else {
            self.report(
                src,
                at,
                format!("{what}: `{normal}` has no such lines or section"),
                "check the line numbers, or the `--8<-- [start:name]` markers in that file",
            );
            self.emit("", &src.file, line, "");
            return;
        };
        if !self.room_for(src, at, range.len()) {
            self.emit("", &src.file, line, "");
            return;
        }
        let first_line = text[..range.start].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
        let included = FileText {
            file: Arc::from(normal.as_str()),
            text: &text,
        };
        stack.push(normal);
        let mode = Mode {
            heading_offset: 0,
            drop_section_markers: true,
            drop_anchor_markers: false,
        };
        self.scan(&included, range, first_line, indent, mode, stack);
        stack.pop();
    }

    /// Follows an mdBook helper; `false` when it could not be (reported), the line then
    /// being left with only what came before the helper.
    fn mdbook(
        &mut self,
        src: &FileText,
        at: Range<usize>,
        line: u32,
        helper: &MdbookInclude,
        indent: &str,
        stack: &mut Vec<String>,
    ) -> bool {
        let what = format!("`{}`", src.text[at.clone()].trim_start_matches(helper.lead));
        if !self.may_follow(src, at.clone()) {
            return false;
        }
        let dir = src.file.rsplit_once('/').map_or("", |(dir, _)| dir);
        let rel = if dir.is_empty() || helper.path.starts_with('/') {
            helper.path.clone()
        } else {
            format!("{dir}/{}", helper.path)
        };
        let (normal, text) = match self.read(&rel) {
            Ok(found) => found,
            Err(why) => {
                self.refused(src, at, &what, &helper.path, why);
                return false;
            }
        };
        if stack.contains(&normal) || stack.len() > MAX_DEPTH {
            self.report(
                src,
                at,
                format!("{what} includes this file again, or nests more than {MAX_DEPTH} deep: {} → {normal}", stack.join(" → ")),
                "remove one of the includes",
            );
            return false;
        }
        let Some(range) = snippet_range(&text, &helper.part) else {
            let help = match helper.part {
                Part::Anchor(_) => {
                    "check the name against the `ANCHOR: name` and `ANCHOR_END: name` comments in that file"
                }
                _ => "check the line numbers against the file",
            };
            self.report(
                src,
                at,
                format!("{what}: `{normal}` has no such lines or anchor"),
                help,
            );
            return false;
        };
        if !self.room_for(src, at, range.len()) {
            return false;
        }
        let first_line = text[..range.start].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
        let included = FileText {
            file: Arc::from(normal.as_str()),
            text: &text,
        };
        if let Some(attributes) = &helper.playground {
            let fence = if attributes.is_empty() {
                "```rust".to_string()
            } else {
                format!("```rust,{}", attributes.join(","))
            };
            self.emit(&fence, &src.file, line, indent);
            for (n, l) in lines_of(&text, range).into_iter().enumerate() {
                self.emit(&text[l], &included.file, first_line + n as u32, indent);
            }
            self.emit("```", &src.file, line, indent);
            return true;
        }
        stack.push(normal);
        let mode = Mode {
            heading_offset: 0,
            drop_section_markers: false,
            drop_anchor_markers: matches!(helper.part, Part::Anchor(_)),
        };
        self.scan(&included, range, first_line, indent, mode, stack);
        stack.pop();
        true
    }
}

/// A MyST include directive, as read from its fence.
struct Directive<'a> {
    name: &'a str,
    /// How messages name it: `{include}`, `{% include %}`.
    shown: &'static str,
    arg: &'a str,
    /// Its opening line, where problems are reported.
    at: Range<usize>,
    options: Vec<(String, String)>,
}

impl Directive<'_> {
    fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The options of the directive whose opening line ends at `line_end`, up to `block_end`.
fn directive_options(text: &str, line_end: usize, block_end: usize) -> Vec<(String, String)> {
    if line_end >= text.len() {
        return Vec::new();
    }
    crate::dialects::myst::options(&text[..block_end], line_end)
        .into_iter()
        .map(|(_, pair)| pair)
        .filter(|(n, _)| !n.is_empty())
        .map(|(n, v)| (n, unquote(&v).to_string()))
        .collect()
}

/// A value without the quotes YAML or Sphinx authors put around it.
fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// `rel` with `.` and `..` resolved, `None` if it climbs above the root or is absolute.
fn normalise(rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for c in Path::new(rel).components() {
        match c {
            Component::Normal(p) => parts.push(p.to_str()?),
            Component::CurDir => {}
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// The part of a Markdown file a MyST `{include}` takes: its body (front matter is not
/// shown), cut by `:start-line:`/`:end-line:` (0-based, as Python slices) and then
/// `:start-after:`/`:end-before:` (text). With the first line's number in the file.
fn markdown_range(file: &str, text: &str, d: &Directive) -> Option<(Range<usize>, u32)> {
    let body_start = super::frontmatter::split(file, text).map_or(0, |s| s.body_start);
    let mut range = body_start..text.len();
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i <= text.len())
        .collect();
    let line_at = |n: usize| starts.get(n).copied().unwrap_or(text.len());
    if let Some(n) = d.option("start-line").and_then(|n| n.parse::<usize>().ok()) {
        range.start = range.start.max(line_at(n));
    }
    if let Some(n) = d.option("end-line").and_then(|n| n.parse::<usize>().ok()) {
        range.end = range.end.min(line_at(n));
    }
    if range.start > range.end {
        return None;
    }
    if let Some(after) = d.option("start-after").filter(|s| !s.is_empty()) {
        let at = text[range.clone()].find(after)?;
        range.start += at + after.len();
    }
    if let Some(before) = d.option("end-before").filter(|s| !s.is_empty()) {
        let at = text[range.clone()].find(before)?;
        range.end = range.start + at;
    }
    // Text after a start marker on its own line: the rest of that line is dropped, as an
    // HTML comment marker's `-->` would be.
    let first_line = text[..range.start].bytes().filter(|&b| b == b'\n').count() as u32 + 1;
    Some((range, first_line))
}

/// The lines a `{literalinclude}` shows, with their numbers in the file: `:lines:` (`1,3,
/// 5-10, 20-`), then `:start-at:`/`:start-after:` and `:end-at:`/`:end-before:` (text
/// matched within a line, as Sphinx does). `None` when a marker is not found.
fn literal_lines<'t>(text: &'t str, d: &Directive) -> Option<Vec<(u32, &'t str)>> {
    let mut lines: Vec<(u32, &str)> = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i as u32 + 1, l.trim_end_matches('\r')))
        .collect();
    if let Some(spec) = d.option("lines").filter(|s| !s.is_empty()) {
        let total = lines.len() as u32;
        let wanted = line_spec(spec, total)?;
        lines.retain(|(n, _)| wanted.iter().any(|r| r.contains(n)));
    }
    if let Some(m) = d.option("start-at").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.drain(..at);
    } else if let Some(m) = d.option("start-after").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.drain(..=at);
    }
    if let Some(m) = d.option("end-at").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.truncate(at + 1);
    } else if let Some(m) = d.option("end-before").filter(|s| !s.is_empty()) {
        let at = lines.iter().position(|(_, l)| l.contains(m))?;
        lines.truncate(at);
    }
    Some(lines)
}

/// Sphinx's `:lines:` spec (`1,3,5-10,20-`, 1-based, inclusive) as ranges of line numbers.
fn line_spec(spec: &str, total: u32) -> Option<Vec<std::ops::RangeInclusive<u32>>> {
    spec.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('-') {
            Some((a, b)) => {
                let a = if a.trim().is_empty() {
                    1
                } else {
                    a.trim().parse().ok()?
                };
                let b = if b.trim().is_empty() {
                    total
                } else {
                    b.trim().parse().ok()?
                };
                Some(a..=b)
            }
            None => p.parse().ok().map(|n| n..=n),
        })
        .collect()
}

/// A language for a code file's fence, from its extension.
fn language_of(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "py" | "pyi" => "python",
        "rs" => "rust",
        "js" | "mjs" | "cjs" => "javascript",
        "ts" | "tsx" => "typescript",
        "sh" | "bash" => "bash",
        "toml" => "toml",
        "yaml" | "yml" => "yaml",
        "json" => "json",
        "sql" => "sql",
        "html" | "htm" => "html",
        "css" => "css",
        "go" => "go",
        "java" => "java",
        "c" | "h" => "c",
        "cpp" | "cc" | "hpp" => "cpp",
        "rb" => "ruby",
        "md" | "markdown" => "markdown",
        "ini" | "cfg" => "ini",
        _ => "",
    }
}

/// A line that is a pymdownx.snippets construct.
#[derive(Debug, PartialEq, Eq)]
enum Snippet<'a> {
    /// `--8<-- "file.md"`, after `space` (its indentation).
    One { space: &'a str, name: &'a str },
    /// `--8<--` alone: a block of file names until the next one.
    BlockMarker { space: &'a str },
    /// `;--8<-- …`: written to show the syntax; one `;` is removed.
    Escaped(String),
}

/// The snippet construct on `line`, by pymdownx's rule: dashes, `8<`, dashes, then
/// nothing, or one quoted name and nothing after it.
fn snippet_line(line: &str) -> Option<Snippet<'_>> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let space = &line[..line.len() - trimmed.len()];
    let escapes = trimmed.bytes().take_while(|&b| b == b';').count();
    let marker = &trimmed[escapes..];
    let dashes = marker.bytes().take_while(|&b| b == b'-').count();
    let rest = marker[dashes..].strip_prefix("8<")?;
    let after = rest.bytes().take_while(|&b| b == b'-').count();
    if dashes == 0 || after == 0 {
        return None;
    }
    let rest = &rest[after..];
    let body = rest.trim_end();
    let one = if body.is_empty() {
        Some(Snippet::BlockMarker { space })
    } else {
        let name = body.trim_start_matches([' ', '\t']);
        let quote = name.chars().next()?;
        let inner = if (quote == '"' || quote == '\'') && name.len() >= 2 && name.ends_with(quote) {
            &name[1..name.len() - 1]
        } else {
            return None;
        };
        (body.len() > name.len() && !inner.is_empty() && !inner.contains(quote))
            .then_some(Snippet::One { space, name: inner })
    }?;
    if escapes > 0 {
        let mut unescaped = line.to_string();
        unescaped.remove(space.len());
        return Some(Snippet::Escaped(unescaped));
    }
    Some(one)
}

/// `--8<-- [start:name]` or `[end:name]` anywhere on a line (after a comment sign, say):
/// `(start, name)`.
fn section_marker(line: &str) -> Option<(bool, &str)> {
    let at = line.find("8<-")?;
    let rest = line[at + 2..].trim_start_matches('-').trim_start();
    let inner = rest.strip_prefix('[')?;
    let inner = &inner[..inner.find(']')?];
    let (kind, name) = inner.split_once(':')?;
    let start = match kind.trim() {
        "start" => true,
        "end" => false,
        _ => return None,
    };
    Some((start, name.trim()))
}

/// What part of a snippet's file is wanted.
#[derive(Debug, PartialEq, Eq)]
enum Part<'a> {
    All,
    /// 1-based inclusive line ranges (`file.md:3:7`, `file.md:3`, `file.md::7`, comma-separated).
    Lines(Vec<(Option<u32>, Option<u32>)>),
    /// The lines between `--8<-- [start:name]` and `[end:name]`.
    Section(&'a str),
    /// The lines between mdBook's `ANCHOR: name` and `ANCHOR_END: name` (or the file's end).
    Anchor(&'a str),
}

/// A snippet name split into its path and the part of the file it wants.
fn snippet_part(name: &str) -> (&str, Part<'_>) {
    let Some(colon) = name.find(':') else {
        return (name, Part::All);
    };
    let (path, spec) = (&name[..colon], &name[colon + 1..]);
    let is_section = spec.chars().next().is_some_and(|c| c.is_ascii_lowercase())
        && spec
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
    if is_section {
        return (path, Part::Section(spec));
    }
    let mut ranges = Vec::new();
    for piece in spec.split(',') {
        let mut ends = piece.splitn(2, ':');
        let num = |s: Option<&str>| -> Result<Option<u32>, ()> {
            match s.map(str::trim) {
                None | Some("") => Ok(None),
                Some(n) => n.parse::<u32>().map(Some).map_err(|_| ()),
            }
        };
        match (num(ends.next()), num(ends.next())) {
            (Ok(a), Ok(b)) => ranges.push((a, b)),
            _ => return (name, Part::All),
        }
    }
    (path, Part::Lines(ranges))
}

/// The byte range of `text` a snippet part covers; `None` if the section is not there.
/// Several line ranges are joined by their outer ends (the lines between are kept: one run
/// keeps the line map simple, and pymdownx users write one range almost always).
fn snippet_range(text: &str, part: &Part) -> Option<Range<usize>> {
    let starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < text.len())
        .collect();
    let total = starts.len() as u32;
    let line_start = |n: u32| -> usize {
        starts
            .get(n.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(text.len())
    };
    match part {
        Part::All => Some(0..text.len()),
        Part::Lines(ranges) => {
            let first = ranges.iter().map(|r| r.0.unwrap_or(1)).min()?.max(1);
            let last = ranges
                .iter()
                .map(|r| r.1.unwrap_or(total))
                .max()?
                .min(total);
            (first <= last).then(|| line_start(first)..line_start(last + 1))
        }
        Part::Section(name) => marked_region(text, &starts, name, section_marker, Markers::Snippet),
        Part::Anchor(name) => marked_region(text, &starts, name, anchor_marker, Markers::Mdbook),
    }
}

/// How the two kinds of named region read their markers where they disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markers {
    /// pymdownx's `--8<-- [start:name]` … `[end:name]`: an end met before its start ends
    /// the search (no such section), and so does a start never ended.
    Snippet,
    /// mdBook's `ANCHOR: name` … `ANCHOR_END: name`: an end before its start is passed
    /// over, and a start never ended runs to the file's end.
    Mdbook,
}

/// The byte range between the line that starts the region `name` and the line that ends
/// it, as `marker` reads each line (`Some((true, name))` a start, `Some((false, name))` an
/// end); `starts` are the offsets of `text`'s lines.
fn marked_region(
    text: &str,
    starts: &[usize],
    name: &str,
    marker: fn(&str) -> Option<(bool, &str)>,
    rule: Markers,
) -> Option<Range<usize>> {
    let mut start = None;
    for (i, &at) in starts.iter().enumerate() {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        match marker(&text[at..end]) {
            Some((true, n)) if n == name && start.is_none() => {
                start = Some(starts.get(i + 1).copied().unwrap_or(text.len()));
            }
            Some((false, n)) if n == name && (start.is_some() || rule == Markers::Snippet) => {
                return start.map(|s| s..at);
            }
            _ => {}
        }
    }
    match rule {
        Markers::Snippet => None,
        Markers::Mdbook => start.map(|s| s..text.len()),
    }
}

/// An mdBook helper that includes a file, ending its line: `{{#include path}}`,
/// `{{#rustdoc_include path}}` (its hidden lines are not shown, so it shows what `include`
/// does) or `{{#playground path attributes}}` (the file as a Rust code block).
#[derive(Debug, PartialEq, Eq)]
struct MdbookInclude<'a> {
    /// The text before the helper, which mdBook repeats before every included line (the
    /// indentation of a list item, a quote's `> `).
    lead: &'a str,
    path: String,
    part: Part<'a>,
    /// A playground's code block attributes (`editable`, `no_run`).
    playground: Option<Vec<&'a str>>,
}

/// The include helper ending `line`, by mdBook's rule: `{{`, the helper's name after `#`,
/// its argument up to `}}`. A path may be quoted (`"a file.md"`, with `\"` inside); a
/// `:` after it asks for lines (`:3` one line, `:3:7`, `:3:`, `::7`) or an anchor's part
/// (`:setup`). `\{{#include …}}` is written to show the syntax: not a helper.
fn mdbook_include(line: &str) -> Option<MdbookInclude<'_>> {
    let open = line.find("{{")?;
    let lead = &line[..open];
    if lead.ends_with('\\') {
        return None;
    }
    let inner = line[open + 2..].trim_start().strip_prefix('#')?;
    let close = inner.find("}}")?;
    if !line[open..].trim_end().ends_with("}}") || inner[..close].contains('}') {
        return None;
    }
    let after = &inner[close + 2..];
    if !after.trim().is_empty() {
        return None;
    }
    let inner = &inner[..close];
    let name_len = inner
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let (name, rest) = inner.split_at(name_len);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    let (path, after_path) = if let Some(quoted) = rest.strip_prefix('"') {
        let mut path = String::new();
        let mut chars = quoted.char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => path.extend(chars.next().map(|(_, c)| c)),
                '"' => {
                    end = Some(i + 1);
                    break;
                }
                c => path.push(c),
            }
        }
        (path, &quoted[end?..])
    } else {
        let word = rest.split_whitespace().next()?;
        let cut = if name == "playground" || name == "playpen" {
            word.len()
        } else {
            word.find(':').unwrap_or(word.len())
        };
        (word[..cut].to_string(), &rest[cut..])
    };
    if path.is_empty() {
        return None;
    }
    let (part, playground) = match name {
        "include" | "rustdoc_include" => {
            let spec = after_path.trim_start().strip_prefix(':');
            let spec = spec.map(|s| s.split_whitespace().next().unwrap_or(""));
            (mdbook_part(spec.unwrap_or("")), None)
        }
        "playground" | "playpen" => (Part::All, Some(after_path.split_whitespace().collect())),
        _ => return None,
    };
    Some(MdbookInclude {
        lead,
        path,
        part,
        playground,
    })
}

/// The part of a file an mdBook include's `:…` asks for, as mdBook reads it: a number
/// alone is that one line; a first part that is not a number names an anchor.
fn mdbook_part(spec: &str) -> Part<'_> {
    let mut pieces = spec.splitn(3, ':');
    let first = pieces.next().unwrap_or("");
    let start = match first.parse::<u32>() {
        Ok(n) => Some(n.max(1)),
        Err(_) if first.is_empty() => None,
        Err(_) => return Part::Anchor(first),
    };
    let end = pieces.next().map(|e| e.parse::<u32>().ok());
    match (start, end) {
        (Some(s), None) => Part::Lines(vec![(Some(s), Some(s))]),
        (Some(s), Some(e)) => Part::Lines(vec![(Some(s), e)]),
        (None, Some(Some(e))) => Part::Lines(vec![(None, Some(e))]),
        (None, _) => Part::All,
    }
}

/// mdBook's anchor comment on `line`, `ANCHOR: name` or `ANCHOR_END: name` (after any
/// comment sign): `(start, name)`.
fn anchor_marker(line: &str) -> Option<(bool, &str)> {
    let (start, rest) = match line.find("ANCHOR_END:") {
        Some(at) => (false, &line[at + "ANCHOR_END:".len()..]),
        None => {
            let at = line.find("ANCHOR:")?;
            (true, &line[at + "ANCHOR:".len()..])
        }
    };
    let rest = rest.trim_start();
    let len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    (len > 0).then(|| (start, &rest[..len]))
}

/// Whether the line is an ATX heading (`# Title`), up to three spaces in.
fn atx_heading(line: &str) -> bool {
    let t = line.trim_start_matches(' ');
    if line.len() - t.len() > 3 {
        return false;
    }
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    (1..=6).contains(&hashes) && (t.len() == hashes || t[hashes..].starts_with([' ', '\t']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let p = dir.path().join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    fn run(dir: &Path, file: &str) -> (String, Included, Vec<Diagnostic>) {
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        let mut diags = Vec::new();
        let (out, inc) =
            expand(dir, file, &text, 0, &[], &mut diags).unwrap_or((text, Included::default()));
        (out, inc, diags)
    }

    #[test]
    fn myst_include_takes_the_part_between_markers_relative_to_the_file() {
        let dir = handbook(&[
            (
                "README.md",
                "# Project\n\n<!-- start -->\nShared *intro*.\n<!-- end -->\nTail.\n",
            ),
            (
                "content/index.md",
                "# Home\n\n```{include} ../README.md\n:start-after: <!-- start -->\n:end-before: <!-- end -->\n```\n\nAfter.\n",
            ),
        ]);
        let (out, inc, diags) = run(dir.path(), "content/index.md");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out, "# Home\n\n\nShared *intro*.\n\nAfter.\n");
        assert_eq!(inc.files, ["README.md"]);
        // "Shared" is line 4 of README.md; "After." line 8 of index.md.
        let mut d = vec![
            Diagnostic::warning(Code::BrokenLink, "content/index.md", "x").at(
                &out,
                out.find("Shared").unwrap()..out.find("Shared").unwrap() + 1,
            ),
            Diagnostic::warning(Code::BrokenLink, "content/index.md", "y").at(
                &out,
                out.find("After").unwrap()..out.find("After").unwrap() + 1,
            ),
        ];
        let doc = crate::load::parse_doc(
            "content/index.md".into(),
            "index.md",
            out.clone(),
            &mut Vec::new(),
        )
        .unwrap();
        let mut doc = doc;
        doc.source.included = Some(Box::new(inc));
        relocate(&mut d, std::slice::from_ref(&doc));
        assert_eq!((d[0].file.as_str(), d[0].line), ("README.md", 4));
        assert_eq!((d[1].file.as_str(), d[1].line), ("content/index.md", 8));
    }

    #[test]
    fn files_outside_the_handbook_are_never_read() {
        let outer = handbook(&[("secret.txt", "TOP SECRET\n")]);
        let root = outer.path().join("hb");
        std::fs::create_dir_all(root.join("content")).unwrap();
        std::fs::write(
            root.join("content/a.md"),
            "```{literalinclude} ../../secret.txt\n```\n\n--8<-- \"../secret.txt\"\n\n--8<-- \"/etc/passwd\"\n",
        )
        .unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            outer.path().join("secret.txt"),
            root.join("content/link.txt"),
        )
        .unwrap();
        #[cfg(unix)]
        std::fs::write(root.join("content/b.md"), "--8<-- \"content/link.txt\"\n").unwrap();
        let (out, _, diags) = run(&root, "content/a.md");
        assert!(!out.contains("SECRET"), "{out}");
        assert_eq!(diags.len(), 3, "{diags:?}");
        // Inside the folder, but hidden: not read either.
        std::fs::create_dir_all(root.join(".git")).unwrap();
        std::fs::write(root.join(".git/config"), "token = SECRET\n").unwrap();
        std::fs::write(root.join(".env"), "KEY=SECRET\n").unwrap();
        std::fs::write(
            root.join("content/c.md"),
            "--8<-- \".git/config\"\n\n```{include} ../.env\n```\n",
        )
        .unwrap();
        let (out, _, hidden) = run(&root, "content/c.md");
        assert!(!out.contains("SECRET"), "{out}");
        assert_eq!(hidden.len(), 2, "{hidden:?}");
        assert!(
            hidden.iter().all(|d| d.message.contains("hidden")),
            "{hidden:?}"
        );
        // Other hidden folders hold what pages do include.
        std::fs::create_dir_all(root.join(".github")).unwrap();
        std::fs::write(root.join(".github/CONTRIBUTING.md"), "Fork, then PR.\n").unwrap();
        std::fs::write(
            root.join("content/d.md"),
            "--8<-- \".github/CONTRIBUTING.md\"\n",
        )
        .unwrap();
        let (out, _, none) = run(&root, "content/d.md");
        assert!(
            none.is_empty() && out.contains("Fork, then PR."),
            "{none:?} {out}"
        );
        assert!(diags.iter().all(|d| d.code == "broken-include"));
        assert!(
            diags[0].message.contains("outside the handbook folder"),
            "{}",
            diags[0].message
        );
        #[cfg(unix)]
        {
            let (out, _, diags) = run(&root, "content/b.md");
            assert!(!out.contains("SECRET"), "{out}");
            assert!(diags[0].message.contains("outside"), "{diags:?}");
        }
    }

    #[test]
    fn snippets_with_sections_lines_indentation_and_escapes() {
        let dir = handbook(&[
            ("CHANGELOG.md", "# Changelog\n\n## 1.0\n\nFirst.\n"),
            (
                "snips/code.py",
                "import x\n# --8<-- [start:main]\ndef main():\n    pass\n# --8<-- [end:main]\n",
            ),
            (
                "content/a.md",
                "--8<-- \"CHANGELOG.md:3:5\"\n\n```python\n--8<-- \"snips/code.py:main\"\n```\n\n- item\n\n    --8<-- \"snips/code.py\"\n\n;--8<-- \"shown.md\"\n",
            ),
        ]);
        let (out, inc, diags) = run(dir.path(), "content/a.md");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out,
            "## 1.0\n\nFirst.\n\n```python\ndef main():\n    pass\n```\n\n- item\n\n    import x\n    def main():\n        pass\n\n--8<-- \"shown.md\"\n"
        );
        assert_eq!(inc.files, ["CHANGELOG.md", "snips/code.py"]);
    }

    #[test]
    fn literalinclude_lines_language_caption_and_dedent() {
        let dir = handbook(&[
            (
                "content/ex/app.py",
                "import os\n\nclass A:\n    def f(self):\n        return 1\n",
            ),
            (
                "content/a.md",
                "~~~{literalinclude} ex/app.py\n:lines: 4-5\n:dedent:\n:caption: The method\n~~~\n",
            ),
        ]);
        let (out, _, diags) = run(dir.path(), "content/a.md");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out,
            "*The method*\n\n```python\ndef f(self):\n    return 1\n```\n"
        );
    }

    #[test]
    fn nested_includes_that_multiply_stop_at_the_bound() {
        // Seven files that each include the next ten times (MyST), and the same with
        // snippets: within the depth and size limits, 10 million includes each.
        let mut files: Vec<(String, String)> = Vec::new();
        for k in 0..7 {
            let myst = format!("```{{include}} s{}.md\n```\n\n", k + 1).repeat(10);
            let snippet = format!("--8<-- \"content/n{}.md\"\n\n", k + 1).repeat(10);
            files.push((format!("content/s{k}.md"), myst));
            files.push((format!("content/n{k}.md"), snippet));
        }
        files.push(("content/s7.md".into(), "lol\n".into()));
        files.push(("content/n7.md".into(), "lol\n".into()));
        files.push((
            "content/a.md".into(),
            "# A\n\n```{include} s0.md\n```\n\n--8<-- \"content/n0.md\"\n\nEnd.\n".into(),
        ));
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let dir = handbook(&refs);
        let (out, _, diags) = run(dir.path(), "content/a.md");
        let lols = out.matches("lol").count();
        assert!(lols > 0 && lols <= MAX_INCLUDES, "{lols}");
        assert_eq!(diags.len(), 1, "reported once: {diags:?}");
        assert!(
            diags[0].message.contains("more than 1000 includes"),
            "{}",
            diags[0].message
        );
        assert!(out.ends_with("End.\n"), "the page's own text stays");
    }

    #[test]
    fn includes_in_code_blocks_are_examples_and_cycles_stop() {
        let dir = handbook(&[
            (
                "content/a.md",
                "````markdown\n```{include} b.md\n```\n````\n\n:::{include} b.md\n:::\n",
            ),
            ("content/b.md", "B says hi.\n\n```{include} a.md\n```\n"),
        ]);
        let (out, inc, diags) = run(dir.path(), "content/a.md");
        assert!(
            out.starts_with("````markdown\n```{include} b.md\n```\n````\n"),
            "{out}"
        );
        assert!(out.contains("B says hi."), "{out}");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].message.contains("includes this file again"),
            "{}",
            diags[0].message
        );
        assert_eq!(diags[0].file, "content/b.md");
        assert_eq!(inc.files, ["content/a.md", "content/b.md"]);
    }

    #[test]
    fn missing_and_rst_includes_are_reported_and_leave_blank_lines() {
        let dir = handbook(&[(
            "content/a.md",
            "Top.\n\n```{include} nope.md\n```\n\n```{include} ../NEWS.rst\n```\n\nEnd.\n",
        )]);
        let (out, inc, diags) = run(dir.path(), "content/a.md");
        assert_eq!(out.lines().count(), 9);
        assert_eq!(out.lines().nth(8), Some("End."));
        assert_eq!(diags.len(), 2);
        assert_eq!((diags[0].line, diags[1].line), (3, 6));
        assert!(diags[1].message.contains("reStructuredText"));
        assert!(inc.origins.is_empty());
        assert_eq!(inc.files, ["content/nope.md"]);
    }

    #[test]
    fn heading_offset_and_front_matter() {
        let dir = handbook(&[
            (
                "content/part.md",
                "---\ntitle: Part\n---\n# Part\n\n```\n# not a heading\n```\n",
            ),
            (
                "content/a.md",
                "```{include} part.md\n:heading-offset: 1\n```\n",
            ),
        ]);
        let (out, _, _) = run(dir.path(), "content/a.md");
        assert_eq!(out, "## Part\n\n```\n# not a heading\n```\n");
    }

    #[test]
    fn docfx_include_lines_name_their_file() {
        assert_eq!(
            docfx_include("[!INCLUDE [Pager rules](../includes/pager.md)]").as_deref(),
            Some("../includes/pager.md")
        );
        assert_eq!(
            docfx_include("  [!include[](~/includes/pager.md)]").as_deref(),
            Some("/includes/pager.md")
        );
        assert_eq!(
            docfx_include("[!INCLUDE [x](https://example.com/x.md)]"),
            None
        );
        assert_eq!(docfx_include("[!NOTE]"), None);
        assert_eq!(docfx_include("See [!INCLUDE [x](x.md)] here"), None);
    }

    #[test]
    fn docsify_include_links_name_their_file_and_whether_it_is_code() {
        assert_eq!(
            docsify_include("[terms](../shared/terms.md ':include')"),
            Some(("../shared/terms.md", false))
        );
        assert_eq!(
            docsify_include("  [](/parts/head.md \":include\")"),
            Some(("/parts/head.md", false))
        );
        assert_eq!(
            docsify_include("[deploy](deploy.md ':include :type=code')"),
            Some(("deploy.md", true))
        );
        assert_eq!(
            docsify_include("[app](src/app.py ':include')"),
            Some(("src/app.py", true))
        );
        assert_eq!(docsify_include("[terms](terms.md)"), None);
        assert_eq!(docsify_include("[terms](terms.md 'Terms')"), None);
        assert_eq!(docsify_include("See [terms](terms.md ':include')"), None);
        assert_eq!(
            docsify_include("[x](https://a.example/x.md ':include')"),
            None
        );
        assert_eq!(docsify_include("[x](x.md#part ':include')"), None);
    }

    #[test]
    fn mintlify_snippets_name_their_file_in_snippets() {
        assert_eq!(
            mintlify_snippet("<Snippet file=\"profile/ash.mdx\" />"),
            Some("profile/ash.mdx")
        );
        assert_eq!(
            mintlify_snippet("  <Snippet file=\"/intro.md\"/>"),
            Some("intro.md")
        );
        assert_eq!(mintlify_snippet("<Snippet file=\"../secret.md\" />"), None);
        assert_eq!(mintlify_snippet("<Snippet file=\"chart.jsx\" />"), None);
        assert_eq!(mintlify_snippet("See <Snippet file=\"a.mdx\" />"), None);
    }

    #[test]
    fn hugo_include_shortcodes_name_their_file() {
        assert_eq!(
            hugo_include("{{% include \"includes/x.md\" %}}"),
            Some("includes/x.md")
        );
        assert_eq!(hugo_include("  {{< include \"y.md\" >}}"), Some("y.md"));
        assert_eq!(
            hugo_include("{{% readfile file=\"/docs/z.md\" %}}"),
            Some("/docs/z.md")
        );
        assert_eq!(
            hugo_include("{{% readfile file=\"main.go\" code=\"true\" %}}"),
            None
        );
        assert_eq!(
            hugo_include("{{% readfile \"a.md\" code=\"true\" %}}"),
            None
        );
        assert_eq!(hugo_include("{{% include \"partial.html\" %}}"), None);
        assert_eq!(hugo_include("text {{% include \"x.md\" %}}"), None);
    }

    #[test]
    fn hugo_includes_are_found_beside_the_page_in_content_or_in_assets() {
        let dir = handbook(&[
            ("assets/includes/engineering/career.md", "Career text.\n"),
            ("content/shared/steps.md", "Steps.\n"),
            ("content/team/local.md", "Local.\n"),
            (
                "content/team/a.md",
                "{{% include \"includes/engineering/career.md\" %}}\n{{< include \"shared/steps.md\" >}}\n{{% readfile file=\"local.md\" %}}\n{{% include \"includes/gone.md\" %}}\n",
            ),
        ]);
        let (out, inc, diags) = run(dir.path(), "content/team/a.md");
        assert_eq!(out, "Career text.\nSteps.\nLocal.\n\n");
        assert_eq!(
            inc.files,
            [
                "assets/includes/engineering/career.md",
                "content/shared/steps.md",
                // Watched where it is looked for, so `serve` sees it arrive.
                "content/team/includes/gone.md",
                "content/team/local.md"
            ]
        );
        // Found nowhere: reported where the page is, like any include.
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!((diags[0].code, diags[0].line), ("broken-include", 4));
        assert!(
            diags[0]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("assets/")),
            "{diags:?}"
        );
    }

    #[test]
    fn liquid_includes_of_markdown_files_are_followed_relative_to_the_page() {
        let dir = handbook(&[
            (
                "content/.gitbook/includes/steps.md",
                "1. Clone.\n2. Build.\n",
            ),
            ("content/guide/part.md", "Part.\n"),
            (
                "content/guide/a.md",
                "{% include \"../.gitbook/includes/steps.md\" %}\n{%- include_relative part.md -%}\n{% include footer.html %}\n```\n{% include \"part.md\" %}\n```\n",
            ),
        ]);
        let (out, inc, diags) = run(dir.path(), "content/guide/a.md");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(
            out,
            "1. Clone.\n2. Build.\nPart.\n{% include footer.html %}\n```\n{% include \"part.md\" %}\n```\n"
        );
        assert_eq!(
            inc.files,
            [
                "content/.gitbook/includes/steps.md",
                "content/guide/part.md"
            ]
        );
        assert_eq!(liquid_include("{% include 'x.md' %}"), Some("x.md"));
        assert_eq!(liquid_include("{% include footer.html %}"), None);
        assert_eq!(liquid_include("text {% include x.md %}"), None);
    }

    #[test]
    fn a_partial_imported_by_a_plain_markdown_page_leaves_no_import_line() {
        let dir = handbook(&[
            ("content/_snippets/soc2.mdx", "We are SOC 2 audited.\n"),
            (
                "content/security.md",
                "# Security\n\n## SOC 2\n\nimport SOC2 from './_snippets/soc2.mdx'\n\n<SOC2 />\n",
            ),
        ]);
        let (out, _, diags) = run(dir.path(), "content/security.md");
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out, "# Security\n\n## SOC 2\n\n\n\nWe are SOC 2 audited.\n");
    }

    #[test]
    fn docusaurus_partials_are_included_where_their_component_is_used() {
        let dir = handbook(&[
            (
                "content/guide/_steps.mdx",
                "1. Clone.\n2. Run {/* not shown */} the build.\n",
            ),
            ("content/_shared/note.md", "Shared note.\n"),
            (
                "content/guide/setup.mdx",
                "---\ntitle: Setup\n---\nimport Steps from './_steps.mdx';\nimport Note from '@site/docs/_shared/note.md';\nimport Tabs from '@theme/Tabs';\n\n# Setup\n\n<Steps />\n\n<Note/>\n\n<Tabs />\n\nSee [missing](nowhere.md).\n",
            ),
        ]);
        let mut diags = Vec::new();
        let doc = crate::load::load_file(
            &dir.path().join("content/guide/setup.mdx"),
            "guide/setup.mdx",
            &mut diags,
        )
        .unwrap();
        let body = doc.source.body();
        assert!(
            body.contains("1. Clone.") && body.contains("Shared note."),
            "{body}"
        );
        assert!(
            !body.contains("<Steps />") && !body.contains("not shown"),
            "{body}"
        );
        // The imports warning names the component whose behaviour is lost, not the partials.
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].message.contains("`Tabs`") && !diags[0].message.contains("Steps"),
            "{}",
            diags[0].message
        );
        assert_eq!(diags[0].line, 4);
        assert_eq!(
            doc.source.included.as_ref().unwrap().files,
            ["content/_shared/note.md", "content/guide/_steps.mdx"]
        );
        assert_eq!(partial_import("import Tabs from '@theme/Tabs';"), None);
        assert_eq!(partial_import("import {x} from './x.md';"), None);
    }

    #[test]
    fn mkdocs_auto_append_adds_its_snippets_to_every_page_once_and_reports_a_missing_one_once() {
        let dir = handbook(&[
            ("orgbook.toml", "title = \"x\"\n"),
            (
                "mkdocs.yml",
                "markdown_extensions:\n  - pymdownx.snippets:\n      auto_append:\n        - includes/abbr.md\n        - includes/gone.md\n",
            ),
            (
                "content/includes/abbr.md",
                "*[SLO]: Service level objective\n",
            ),
            ("content/a.md", "# A\n\nThe SLO.\n"),
            ("content/b.md", "# B"),
        ]);
        let mut diags = Vec::new();
        let loaded = crate::load::load(dir.path(), &mut diags);
        let gone: Vec<_> = diags
            .iter()
            .filter(|d| d.code == "broken-include")
            .collect();
        assert_eq!(gone.len(), 1, "{diags:?}");
        assert_eq!(gone[0].file, "mkdocs.yml");
        let body = |path: &str| {
            loaded
                .docs
                .iter()
                .find(|d| d.source.path == path)
                .map(|d| d.source.body().to_string())
                .unwrap()
        };
        assert_eq!(
            body("content/a.md"),
            "# A\n\nThe SLO.\n\n*[SLO]: Service level objective\n"
        );
        // A file without a last line break gets one before the blank line.
        assert_eq!(
            body("content/b.md"),
            "# B\n\n*[SLO]: Service level objective\n"
        );
        // The snippet itself, a page under content/, is not appended to itself.
        assert_eq!(
            body("content/includes/abbr.md"),
            "*[SLO]: Service level objective\n"
        );
    }

    #[test]
    fn mdbook_helpers_are_read_as_mdbook_reads_them() {
        let read = |line| mdbook_include(line).map(|h| (h.lead, h.path, h.part));
        assert_eq!(
            read("{{#include file.rs:10:20}}"),
            Some((
                "",
                "file.rs".into(),
                Part::Lines(vec![(Some(10), Some(20))])
            ))
        );
        assert_eq!(
            read("    {{#include file.rs:10}}"),
            Some((
                "    ",
                "file.rs".into(),
                Part::Lines(vec![(Some(10), Some(10))])
            ))
        );
        assert_eq!(
            read("{{#include file.rs:10:}}").map(|r| r.2),
            Some(Part::Lines(vec![(Some(10), None)]))
        );
        assert_eq!(
            read("{{#include file.rs::20}}").map(|r| r.2),
            Some(Part::Lines(vec![(None, Some(20))]))
        );
        assert_eq!(
            read("{{ #include file.rs:: }}").map(|r| r.2),
            Some(Part::All)
        );
        assert_eq!(
            read("> {{#rustdoc_include ../listings/a.rs:setup}}"),
            Some(("> ", "../listings/a.rs".into(), Part::Anchor("setup")))
        );
        assert_eq!(
            read(r#"{{#include "a file \"x\".md":1:2}}"#).map(|r| r.1),
            Some("a file \"x\".md".to_string())
        );
        let playground = mdbook_include("{{#playground hello.rs editable no_run}}").unwrap();
        assert_eq!(playground.playground, Some(vec!["editable", "no_run"]));
        // Written to show the syntax, another helper, or text after it: not an include.
        assert_eq!(read(r"\{{#include file.rs}}"), None);
        assert_eq!(read("{{#title Welcome}}"), None);
        assert_eq!(read("{{#include a.md}} and more"), None);
        assert_eq!(read("{{#include}}"), None);
        assert_eq!(
            anchor_marker("    // ANCHOR_END: all-of-it"),
            Some((false, "all-of-it"))
        );
        assert_eq!(anchor_marker("# ANCHOR:setup"), Some((true, "setup")));
        let text = "a\n// ANCHOR: x\nb\n// ANCHOR: y\nc\n// ANCHOR_END: x\nd\n";
        assert_eq!(
            &text[snippet_range(text, &Part::Anchor("x")).unwrap()],
            "b\n// ANCHOR: y\nc\n"
        );
        assert_eq!(
            &text[snippet_range(text, &Part::Anchor("y")).unwrap()],
            "c\n// ANCHOR_END: x\nd\n"
        );
        assert_eq!(snippet_range(text, &Part::Anchor("z")), None);
    }

    #[test]
    fn snippet_lines_are_recognised_as_pymdownx_does() {
        assert_eq!(
            snippet_line("--8<-- \"a.md\""),
            Some(Snippet::One {
                space: "",
                name: "a.md"
            })
        );
        assert_eq!(
            snippet_line("  -8<- 'a.md'"),
            Some(Snippet::One {
                space: "  ",
                name: "a.md"
            })
        );
        assert_eq!(
            snippet_line("--8<--"),
            Some(Snippet::BlockMarker { space: "" })
        );
        assert_eq!(snippet_line("--8<-- \"a.md\" trailing"), None);
        assert_eq!(snippet_line("text --8<-- \"a.md\""), None);
        assert_eq!(snippet_line("--8<--\"a.md\""), None);
        assert_eq!(
            snippet_part("a.md:2:4"),
            ("a.md", Part::Lines(vec![(Some(2), Some(4))]))
        );
        assert_eq!(snippet_part("a.md:intro"), ("a.md", Part::Section("intro")));
        assert_eq!(
            section_marker("# --8<-- [start:intro]"),
            Some((true, "intro"))
        );
    }
}
