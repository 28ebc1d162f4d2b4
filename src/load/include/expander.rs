//! The expansion itself: an [`Expander`] follows a document's includes, depth first, inside the
//! handbook folder only, within the limits of depth, size and count, and keeps the line map
//! that [`super::relocate`] uses to move diagnostics to the included file.

use super::*;

/// A file's whole text, for positioning diagnostics in it.
pub(super) struct FileText<'a> {
    pub(super) file: Arc<str>,
    pub(super) text: &'a str,
}

/// What is done to an included file's lines on their way in.
#[derive(Clone, Copy, Default)]
pub(super) struct Mode {
    /// `#`s added to each ATX heading (MyST `:heading-offset:`).
    pub(super) heading_offset: usize,
    /// Drop `--8<-- [start:name]` / `[end:name]` marker lines (a snippet's sections).
    pub(super) drop_section_markers: bool,
    /// Drop mdBook's `ANCHOR: name` / `ANCHOR_END: name` lines (an anchor's part of a file).
    pub(super) drop_anchor_markers: bool,
}

pub(super) struct Expander<'d> {
    pub(super) root: PathBuf,
    pub(super) doc_file: Arc<str>,
    pub(super) out: String,
    /// Lines written to `out` so far.
    pub(super) lines: u32,
    pub(super) origins: Vec<Origin>,
    pub(super) files: Vec<String>,
    pub(super) diags: &'d mut Vec<Diagnostic>,
    /// `out` reached [`MAX_TOTAL`] (reported once).
    pub(super) full: bool,
    /// Includes followed so far; past [`MAX_INCLUDES`] none is (reported once).
    pub(super) followed: usize,
    /// The page's Docusaurus partials: component name, path ([`partials`]).
    pub(super) partials: Vec<(String, String)>,
}

/// Why an include was not followed.
pub(super) enum Refused {
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
pub(super) fn line_from(text: &str, start: usize) -> (Range<usize>, usize) {
    let end = text[start..].find('\n').map_or(text.len(), |n| start + n);
    let content_end = if text[start..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    (start..content_end, (end + 1).min(text.len()))
}

/// The lines of `range` in `text`, as ranges without their line breaks.
pub(super) fn lines_of(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
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
    pub(super) fn emit(&mut self, line: &str, file: &Arc<str>, file_line: u32, indent: &str) {
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
    pub(super) fn scan(
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

    pub(super) fn report(&mut self, src: &FileText, at: Range<usize>, message: String, help: &str) {
        self.diags.push(
            Diagnostic::warning(Code::BrokenInclude, &src.file, message)
                .with_help(help)
                .at(src.text, at),
        );
    }

    /// Reads `rel` (a path relative to the root, `/`-separated, not yet normalised) if it
    /// is a file inside the handbook folder. Records it either way.
    pub(super) fn read(&mut self, rel: &str) -> Result<(String, String), Refused> {
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
        Ok((normal, crate::load::line_ends(text)))
    }

    /// Whether another `len` bytes may be added; reports the first refusal.
    pub(super) fn room_for(&mut self, src: &FileText, at: Range<usize>, len: usize) -> bool {
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
    pub(super) fn may_follow(&mut self, src: &FileText, at: Range<usize>) -> bool {
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
    pub(super) fn refused(
        &mut self,
        src: &FileText,
        at: Range<usize>,
        what: &str,
        name: &str,
        why: Refused,
    ) {
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
    pub(super) fn docsify_include_path(&self, page: &str, path: &str) -> String {
        if path.starts_with('.') || path.starts_with('/') {
            return path.to_string();
        }
        let dir = page.rsplit_once('/').map_or("", |(dir, _)| dir);
        let beside = self.root.join(dir).join(path);
        let from_root = self.root.join(crate::load::CONTENT_DIR).join(path);
        if !beside.is_file() && from_root.is_file() {
            format!("/{path}")
        } else {
            path.to_string()
        }
    }

    pub(super) fn hugo_include_path(&self, page: &str, path: &str) -> String {
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
            (
                format!("{}/{path}", crate::load::CONTENT_DIR),
                format!("/{path}"),
            ),
            (format!("assets/{path}"), format!("/../assets/{path}")),
        ];
        candidates
            .iter()
            .find(|(rel, _)| self.root.join(rel).is_file())
            .map_or_else(|| path.to_string(), |(_, arg)| arg.clone())
    }

    /// Follows a MyST `{include}` / `{literalinclude}`; false when it was not followed (its
    /// lines are then left blank by the caller).
    pub(super) fn myst(
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
            Some(from_source) => format!("{}/{from_source}", crate::load::CONTENT_DIR),
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
    pub(super) fn literal(
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
    pub(super) fn append(&mut self, name: &str, stack: &mut Vec<String>) {
        let Some((normal, text)) = [
            name.to_string(),
            format!("{}/{name}", crate::load::CONTENT_DIR),
        ]
        .iter()
        .find_map(|c| self.read(c).ok()) else {
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
    pub(super) fn snippet(
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
            format!("{}/{path}", crate::load::CONTENT_DIR),
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
    pub(super) fn mdbook(
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
