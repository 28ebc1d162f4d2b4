//! How MyST (Sphinx's Markdown) is drawn: what Sphinx shows for a project's directives
//! and roles, so a Sphinx site moved into `content/` reads as it did. Sphinx projects
//! write ```` ```{note} ```` … ```` ``` ```` (or `:::{note}` … `:::`) where GitHub writes
//! `> [!NOTE]`; to CommonMark the backtick form is a code block. [`admonitions`] finds the
//! admonitions at the top level of a body (outside code, nested ones too), blanks their
//! fence and option lines (`:class: tip`), keeping every other byte where it was, and
//! reports each as a [`Kind::Callout`] and its [`Kind::CalloutEnd`]: the same pair a
//! Docusaurus admonition gives, which the Markdown renderer draws. The body between is
//! Markdown again.
//!
//! The renderer draws the other directives it knows from their fenced code block: a
//! `{toctree}` ([`toctree`]), images, buttons, rubrics and directives that show nothing
//! ([`drawn_directive`]); code directives (`{code-block} python`) are code in their
//! language, their option lines ([`is_option`]) left out. Roles (``{pep}`8` ``) are drawn
//! by [`role_events`]; the links they make are resolved by the renderer, like any link.
//! The rest (`{include}`, a project's own) it reports at their fence.
//!
//! mdBook's admonish preprocessor writes the same callouts as code blocks of its own,
//! ```` ```admonish warning ```` … ```` ``` ```` ([`admonish`]): they are read as the
//! admonition of that kind.

use super::found::{Kind, Leftover};
use pulldown_cmark::BlockQuoteKind as K;
use pulldown_cmark::{CodeBlockKind, Event, LinkType, Parser, Tag, TagEnd};
use std::ops::Range;

/// How a directive is drawn: its callout kind, default title and whether it is a
/// `<details>`; `None` for a directive that is not an admonition.
///
/// sphinx-design's and sphinx-inline-tabs' tabs and cards (`{tab-item} macOS`,
/// `{tab} Unix`, `{card} Title`) are callouts titled by their label, as Docusaurus tabs
/// are sections under theirs: every tab is shown, one after the other.
fn admonition(name: &str, arg: &str) -> Option<(K, String, bool)> {
    let titled = |default: &str| {
        if arg.is_empty() {
            String::new()
        } else if default.is_empty() {
            arg.to_string()
        } else {
            format!("{default} {arg}")
        }
    };
    Some(match name {
        "note" | "admonition" => (K::Note, titled(""), false),
        "seealso" => (K::Note, "See also".to_string(), false),
        "tip" | "hint" => (K::Tip, titled(""), false),
        "important" | "attention" => (K::Important, titled(""), false),
        "warning" | "caution" => (K::Warning, titled(""), false),
        "danger" | "error" => (K::Caution, titled(""), false),
        "dropdown" => (K::Note, titled(""), true),
        "tab" | "tab-item" | "card" => (K::Note, titled(""), false),
        // Drawn beside the text by Sphinx's themes and Jupyter Book; here, in line.
        "margin" | "sidebar" | "aside" => (K::Note, titled(""), false),
        // Sphinx prints these as "Added in version 1.3." before their text.
        "versionadded" => (K::Note, titled("Added in version"), false),
        "versionchanged" => (K::Note, titled("Changed in version"), false),
        "deprecated" => (K::Warning, titled("Deprecated since version"), false),
        _ => return None,
    })
}

/// The fence a line opens or closes: its character and length, and the rest of the line.
pub(crate) fn fence(line: &str) -> Option<(u8, usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let text = &line[indent..];
    let c = *text.as_bytes().first()?;
    if !matches!(c, b'`' | b'~' | b':') {
        return None;
    }
    let n = text.bytes().take_while(|&b| b == c).count();
    let rest = &text[n..];
    (n >= 3 && !(c == b'`' && rest.contains('`'))).then_some((c, n, rest.trim()))
}

/// The line of `body` that holds `at`, without its line break.
/// Where the line holding `at` starts, if only spaces and tabs come before `at` on it.
/// Callers test each occurrence of a marker with this before taking its line: the look
/// back ends at the first other character, so a long line of markers is read once, not
/// once per marker.
pub fn line_start_before(body: &str, at: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    let mut i = at;
    while i > 0 {
        match bytes[i - 1] {
            b'\n' => return Some(i),
            b' ' | b'\t' => i -= 1,
            _ => return None,
        }
    }
    Some(0)
}

/// Whether only spaces, tabs and a carriage return follow `at` up to the end of its line.
pub fn ends_line(body: &str, at: usize) -> bool {
    body.as_bytes()[at.min(body.len())..]
        .iter()
        .find(|&&b| !matches!(b, b' ' | b'\t' | b'\r'))
        .is_none_or(|&b| b == b'\n')
}

fn line_at(body: &str, at: usize) -> Range<usize> {
    let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
    let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
    start..end
}

/// Whether the line is a directive option, `:name:` or `:name: value`.
pub fn is_option(line: &str) -> bool {
    let Some(rest) = line.trim().strip_prefix(':') else {
        return false;
    };
    let name_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_".contains(b))
        .count();
    name_len > 0 && rest[name_len..].starts_with(':')
}

/// The most lines a directive's YAML options block is looked for in: one never closed must
/// not make each directive read the rest of the page.
const MAX_OPTION_LINES: usize = 64;

/// The option lines of the directive whose opening line ends at `line_end`: `:name: value`
/// lines, or a YAML block between two `---` lines. Each as its line's range and its
/// `(name, value)`.
pub(crate) fn options(body: &str, line_end: usize) -> Vec<(Range<usize>, (String, String))> {
    let mut out = Vec::new();
    let mut at = line_end + 1;
    let mut yaml = false;
    while at < body.len() && out.len() < MAX_OPTION_LINES {
        let line = line_at(body, at);
        let text = body[line.clone()].trim();
        at = line.end + 1;
        if fence(text).is_some() {
            // The directive's (or another's) fence: no option is past it.
            break;
        }
        if text == "---" {
            out.push((line, (String::new(), String::new())));
            yaml = !yaml;
            if yaml {
                continue;
            }
            break;
        }
        let pair = if yaml {
            text.split_once(':')
        } else if is_option(text) {
            text[1..].split_once(':')
        } else {
            None
        };
        match pair {
            Some((name, value)) => {
                out.push((line, (name.trim().to_string(), value.trim().to_string())))
            }
            // A YAML block's other lines (a list, a blank line) are still options.
            None if yaml => out.push((line, (String::new(), String::new()))),
            None => break,
        }
    }
    if yaml {
        // Never closed (by the fence, or within the bound): not an options block.
        out.clear();
    }
    out
}

/// Containers that only arrange what they hold (sphinx-design's `{tab-set}`, `{grid}`,
/// `{grid-item}`, docutils' `{container}`): their fences and options are removed and
/// their body is drawn as if they were not there.
fn is_container(name: &str) -> bool {
    matches!(
        name,
        "tab-set"
            | "grid"
            | "grid-item"
            | "grid-item-card"
            | "container"
            | "div"
            | "card-carousel"
            | "glossary"
    )
}

/// One admonition found: its opening line, the lines of its options, its closing line.
struct Found {
    open: Leftover,
    options: Vec<Range<usize>>,
    close: Range<usize>,
    /// A callout; a container's lines are only removed.
    drawn: bool,
    /// Markdown written over its opening line instead (no longer than the line).
    replace: Option<String>,
    /// And over its closing line.
    replace_close: Option<String>,
    /// A `{glossary}`: its definitions become a definition list ([`glossary`]).
    glossary: bool,
}

impl Found {
    /// Opened at `line` (the directive `name` with `arg`), when it is an admonition: the
    /// option lines that follow it are taken (`:class: dropdown` makes it a `<details>`).
    fn new(body: &str, line: Range<usize>, (name, arg): (&str, &str)) -> Option<Found> {
        let drawn = !is_container(name);
        let (kind, title, mut details) = match admonition(name, arg) {
            Some(a) => a,
            None if !drawn => (K::Note, String::new(), false),
            None => return None,
        };
        let mut lines = Vec::new();
        for (option, (name, value)) in options(body, line.end) {
            details |= name == "class" && value.split_whitespace().any(|c| c == "dropdown");
            lines.push(option);
        }
        let options = lines;
        Some(Found {
            open: Leftover {
                range: line,
                construct: title,
                kind: Kind::Callout {
                    kind,
                    next_block_only: false,
                    details,
                },
            },
            options,
            close: 0..0,
            drawn,
            replace: None,
            replace_close: None,
            glossary: name == "glossary",
        })
    }
}

impl Found {
    /// A directive drawn by rewriting its lines (not reported: `drawn` is false): `open`
    /// written over its opening line, `close` over its closing one, its options removed.
    fn rewritten(body: &str, line: Range<usize>, open: String, close: Option<String>) -> Found {
        let options = options(body, line.end)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        Found {
            // Only its range is used.
            open: Leftover {
                range: line,
                construct: String::new(),
                kind: Kind::CalloutEnd,
            },
            options,
            close: 0..0,
            drawn: false,
            replace: Some(open),
            replace_close: close,
            glossary: false,
        }
    }
}

/// A colon-fenced figure or image (`:::{figure} path`, as Jupyter Book writes them): its
/// opening line becomes the image in Markdown, `![](path)`, its options go, and its body
/// (a figure's caption) stays as the paragraph below. A fenced one is drawn by the
/// renderer (`drawn_directive`); a colon fence is paragraphs to CommonMark, so it is
/// rewritten here. `None` when the path would not fit the line or needs escaping.
fn colon_image(body: &str, line: Range<usize>, (name, arg): (&str, &str)) -> Option<Found> {
    if !matches!(name, "figure" | "image")
        || arg.is_empty()
        || arg.contains(|c: char| c.is_whitespace() || "()<>".contains(c))
    {
        return None;
    }
    let image = format!("![]({arg})");
    if image.len() > line.len() {
        return None;
    }
    Some(Found::rewritten(body, line, image, None))
}

/// Whether a title can be written in bold (`**title**`) without meaning more.
fn plain_title(title: &str) -> bool {
    !title.contains(['*', '_', '`', '[', ']', '<', '>', '\\', '&', '{', '}'])
}

/// An admonition fenced inside a list item (```` ```{important} ````, indented under the
/// item): its opening line becomes its title in bold (`**Important**`, at the fence's
/// indentation, always shorter than the line), its options and closing line go, and its
/// text is the item's paragraphs. `None` for another directive, or a title that would not
/// fit the line or needs escaping.
fn nested_admonition(body: &str, line: Range<usize>, (name, arg): (&str, &str)) -> Option<Found> {
    let (kind, title, _) = admonition(name, arg)?;
    if matches!(name, "tab" | "tab-item" | "card") && title.is_empty() {
        return None;
    }
    let title = if title.is_empty() {
        crate::dialects::alert_title(kind).to_string()
    } else {
        title
    };
    let text = &body[line.clone()];
    let indent = &text[..text.len() - text.trim_start().len()];
    let bold = format!("{indent}**{title}**");
    if bold.len() > line.len() || !plain_title(&title) {
        return None;
    }
    Some(Found::rewritten(body, line, bold, None))
}

/// A colon-fenced code directive (`:::{code} yaml`, as Jupyter Book writes them; also
/// `{code-block}` and `{sourcecode}`): its opening line becomes a tilde fence in its
/// language (`~~~yaml`), its options go, its closing line closes the fence. To CommonMark
/// a colon fence is paragraphs, so it is rewritten here (a backtick one is drawn by the
/// renderer). `None` for another directive, or a language that would not fit the line.
fn colon_code(body: &str, line: Range<usize>, (name, arg): (&str, &str)) -> Option<Found> {
    if !matches!(name, "code" | "code-block" | "sourcecode") {
        return None;
    }
    let lang = arg.split_whitespace().next().unwrap_or("");
    if !lang
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"+-_.#".contains(&b))
    {
        return None;
    }
    let fence = format!("~~~{lang}");
    if fence.len() > line.len() {
        return None;
    }
    Some(Found::rewritten(body, line, fence, Some("~~~".to_string())))
}

/// The admonitions at the top level of `body` (not inside another block): backtick and
/// tilde fences, as CommonMark parses them, and colon fences outside code, paired by
/// their length.
fn top_level(body: &str) -> Vec<Found> {
    let mut found = Vec::new();
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(body, crate::dialects::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                code.push(range.clone());
                if let CodeBlockKind::Fenced(info) = kind {
                    let admonish = admonish(&info);
                    let directive = myst_directive(&info).or_else(|| {
                        admonish
                            .as_ref()
                            .map(|(name, title)| (*name, title.as_str()))
                    });
                    let open = line_at(body, range.start);
                    // Unclosed, a fence runs to the end of the body: not drawn.
                    let last = line_at(body, range.end.saturating_sub(1).max(open.end));
                    let closed = last.start > open.start
                        && fence(&body[open.clone()])
                            .zip(fence(&body[last.clone()]))
                            .is_some_and(|((c, n, _), (d, m, rest))| {
                                c == d && m >= n && rest.is_empty()
                            });
                    // Nested (in a list item), an admonition is its title in bold above its
                    // text: callouts are drawn at the top level only.
                    let nested = depth > 0;
                    let in_list = |line: &Range<usize>| {
                        let text = &body[line.clone()];
                        text.trim_start().starts_with(['`', '~'])
                    };
                    if nested
                        && closed
                        && in_list(&open)
                        && in_list(&last)
                        && let Some(f) =
                            directive.and_then(|d| nested_admonition(body, open.clone(), d))
                    {
                        found.push(Found { close: last, ..f });
                    } else if !nested
                        && closed
                        && let Some(mut f) =
                            directive.and_then(|d| Found::new(body, open.clone(), d))
                    {
                        // A callout around nothing is not drawn: an empty admonition is
                        // left to the renderer (`drawn_directive`), which says what it says.
                        let after = f.options.last().map_or(open.end, |o| o.end);
                        if !body[after..last.start].trim().is_empty() || !f.drawn {
                            f.close = last;
                            found.push(f);
                        }
                    }
                }
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    // Colon fences: CommonMark sees paragraphs, so their lines are paired here.
    let mut open: Vec<(usize, Option<Found>)> = Vec::new();
    let mut in_code = code.iter().peekable();
    for at in crate::finder!(b":::").find_iter(body.as_bytes()) {
        let line = line_at(body, at);
        while in_code.next_if(|c| c.end <= line.start).is_some() {}
        if in_code.peek().is_some_and(|c| c.start <= line.start) {
            continue;
        }
        let Some((b':', n, rest)) = fence(&body[line.clone()]) else {
            continue;
        };
        if at != line.start + (line.len() - body[line.clone()].trim_start_matches(' ').len()) {
            continue; // not the line's first colon
        }
        // Inside a colon-fenced code directive, only its closing fence counts; inside a
        // glossary too (a directive in a definition is drawn by [`glossary`]).
        let in_code_directive = open.last().is_some_and(|(_, f)| {
            f.as_ref()
                .is_some_and(|f| f.replace_close.is_some() || f.glossary)
        });
        if rest.is_empty() {
            if open.last().is_some_and(|o| n >= o.0)
                && let Some((_, f)) = open.pop()
                && let Some(mut f) = f
            {
                f.close = line;
                found.push(f);
            }
        } else if rest.starts_with('{') && !in_code_directive {
            let f = myst_directive(rest).and_then(|d| {
                Found::new(body, line.clone(), d)
                    .or_else(|| colon_image(body, line.clone(), d))
                    .or_else(|| colon_code(body, line, d))
            });
            open.push((n, f));
        }
    }
    found
}

/// Whether `body` may hold a MyST directive: a fence (backticks, tildes or colons) right
/// before a `{`.
pub fn has_directive(body: &str) -> bool {
    body.contains("```{") || body.contains(":::{") || body.contains("~~~{")
}

/// Whether `body` may hold an mdbook-admonish block.
pub fn has_admonish(body: &str) -> bool {
    crate::finder!(b"admonish").find(body.as_bytes()).is_some()
}

/// An mdbook-admonish block's info string (`admonish`, `admonish tip`, `admonish warning
/// "Title"`, `admonish info title="Title" collapsible=true`) as the admonition it draws:
/// its name for [`admonition`] and its title. Without a title, a type the admonitions
/// have no kind of (`example`, `bug`) is named in the title, as mdbook-admonish shows it.
fn admonish(info: &str) -> Option<(&'static str, String)> {
    let rest = info.trim().strip_prefix("admonish")?;
    if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
        return None;
    }
    let rest = rest.trim_start();
    let first = rest.split_whitespace().next().unwrap_or("");
    let (kind, rest) = if first.is_empty() || first.starts_with('"') || first.contains('=') {
        ("note", rest)
    } else {
        (first, rest[first.len()..].trim_start())
    };
    let name = match kind.to_ascii_lowercase().as_str() {
        "tip" | "hint" | "success" | "check" | "done" => "tip",
        "important" => "important",
        "warning" | "caution" | "attention" => "warning",
        "danger" | "error" | "failure" | "fail" | "missing" | "bug" => "danger",
        _ => "note",
    };
    let quoted = |s: &str| {
        s.strip_prefix('"')
            .and_then(|q| q.split_once('"'))
            .map(|(t, _)| t.to_string())
    };
    let title = quoted(rest).or_else(|| {
        let at = rest.find("title=")?;
        quoted(&rest[at + "title=".len()..])
    });
    let title = title.unwrap_or_else(|| {
        let default = [
            "note",
            "tip",
            "important",
            "warning",
            "caution",
            "danger",
            "error",
        ];
        if default.contains(&kind) {
            String::new()
        } else {
            let mut c = kind.chars();
            c.next()
                .map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
        }
    });
    Some((name, title))
}

/// The admonitions of `body` drawn as callouts: the body with their fence and option lines
/// blanked (spaces of the same length, line breaks kept) and their reports, in order of
/// position; `None` when it has none. An admonition whose fence is never closed is left
/// as it is (the renderer reports it).
pub fn admonitions(body: &str) -> Option<(String, Vec<Leftover>)> {
    // Cheap test first: most pages have no directive at all.
    if !has_directive(body) && !has_admonish(body) {
        return None;
    }
    let mut out = body.to_string();
    let mut reports = Vec::new();
    // An admonition inside another is code until the outer one's fences are blanked: a
    // round per level of nesting.
    for _ in 0..8 {
        let found = top_level(&out);
        if found.is_empty() {
            break;
        }
        // Glossaries' definitions, read before any line is changed.
        let glossary_edits: Vec<(usize, String)> = found
            .iter()
            .filter(|f| f.glossary)
            .flat_map(|f| {
                let after_options = f.options.last().map_or(f.open.range.end, |o| o.end);
                let lines = after_options..f.close.start.max(after_options);
                glossary(&out, lines).1
            })
            .collect();
        let mut bytes = std::mem::take(&mut out).into_bytes();
        for (at, written) in glossary_edits {
            bytes[at..at + written.len()].copy_from_slice(written.as_bytes());
        }
        for f in found {
            for r in std::iter::once(&f.open.range)
                .chain(&f.options)
                .chain(std::iter::once(&f.close))
            {
                // Every byte of these lines is replaced, so a multi-byte character
                // becomes as many spaces: the text stays UTF-8.
                bytes[r.clone()].fill(b' ');
            }
            if let Some(text) = &f.replace {
                // A code directive's fence goes on its last option line when it fits, so
                // the blanked options are not blank lines of its code.
                let at = match f.options.last() {
                    Some(o) if f.replace_close.is_some() && text.len() <= o.len() => o.start,
                    _ => f.open.range.start,
                };
                bytes[at..at + text.len()].copy_from_slice(text.as_bytes());
            }
            if let Some(text) = f
                .replace_close
                .as_ref()
                .filter(|t| t.len() <= f.close.len())
            {
                let at = f.close.start;
                bytes[at..at + text.len()].copy_from_slice(text.as_bytes());
            }
            if !f.drawn {
                continue;
            }
            reports.push(f.open);
            reports.push(Leftover {
                range: f.close,
                construct: String::new(),
                kind: Kind::CalloutEnd,
            });
        }
        out = String::from_utf8(bytes).expect("whole lines replaced by spaces");
    }
    // Containers and colon-fenced images change the text without a report.
    if reports.is_empty() && out == body {
        return None;
    }
    reports.sort_by_key(|f| f.range.start);
    Some((out, reports))
}

/// A `{toctree}` directive's contents: Sphinx draws it as the list of the pages it names.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Toctree {
    /// `:hidden:`: it only builds Sphinx's sidebar, and shows nothing on the page.
    pub hidden: bool,
    /// `:caption: Guides`.
    pub caption: Option<String>,
    /// Each entry: its title when written (`Title <path>`), its target (a page's path
    /// without extension, or an address), and its byte range in the body.
    pub entries: Vec<(Option<String>, String, Range<usize>)>,
}

/// Reads the toctree fenced at `block` (the whole fence, opening and closing lines included)
/// of `body`. Glob patterns (`:glob:` with `*`) and `self` are left out: they name pages
/// by Sphinx's own document list.
pub fn toctree(body: &str, block: Range<usize>) -> Toctree {
    let mut tree = Toctree::default();
    let first = line_at(body, block.start);
    let mut at = first.end + 1;
    for (line, (name, value)) in options(body, first.end) {
        at = line.end + 1;
        match name.as_str() {
            "hidden" => tree.hidden = true,
            "caption" if !value.is_empty() => tree.caption = Some(value),
            _ => {}
        }
    }
    while at < block.end {
        let line = line_at(body, at);
        at = line.end + 1;
        let text = body[line.clone()].trim();
        if text.is_empty() || fence(text).is_some() {
            continue;
        }
        let (title, target) = match text.strip_suffix('>').and_then(|t| t.rsplit_once('<')) {
            Some((title, target)) if !title.trim().is_empty() => {
                (Some(title.trim().to_string()), target.trim())
            }
            _ => (None, text),
        };
        if target == "self" || target.contains('*') || target.is_empty() {
            continue;
        }
        tree.entries.push((title, target.to_string(), line));
    }
    tree
}

/// A MyST label that names a block, not a heading: a directive's `:label:` or `:name:`
/// option (a figure, an equation, a code block: what Jupyter Book's `[](#fig:x)` and
/// Sphinx's `{numref}` point at), or a `(label)=` target line before a paragraph, quote or
/// list. The renderer marks the block with an empty element of id `id`, so links to the
/// label land on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlockLabel {
    /// Where the directive's opening line (or the target line) starts in the body.
    pub at: usize,
    pub label: String,
    pub id: String,
    /// What a link without text shows: the caption, else what the block is ("Figure").
    pub text: String,
}

/// The label of MyST's `$$ … $$ (label)`, from the text after the formula: ` (label)`,
/// a label starting with a letter (as MyST's must), nothing else.
pub fn equation_label(text: &str) -> Option<&str> {
    let label = text.trim().strip_prefix('(')?.strip_suffix(')')?;
    (label.starts_with(|c: char| c.is_ascii_alphabetic())
        && label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b)))
    .then_some(label)
}

/// The id a block label's anchor gets: the label itself, so that `#fig:x` written by hand
/// finds it too, unless it holds characters an id in a URL fragment should not.
pub fn label_id(label: &str) -> String {
    if label
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(&b))
    {
        label.to_string()
    } else {
        crate::text::heading_id(label)
    }
}

/// The block labels of `body` (see [`BlockLabel`]), in order; none inside code (a
/// page that shows directive syntax in a code block labels nothing). `targets` are the
/// `(label)=` lines that name a block, as `(line start, label)`.
pub fn block_labels(body: &str, targets: Vec<(usize, String)>) -> Vec<BlockLabel> {
    let mut found: Vec<BlockLabel> = targets
        .into_iter()
        .map(|(at, label)| BlockLabel {
            at,
            id: label_id(&label),
            text: first_words(body, at).unwrap_or_else(|| label.clone()),
            label,
        })
        .collect();
    let mut openings: Vec<usize> = crate::finder!(b":label:")
        .find_iter(body.as_bytes())
        .chain(crate::finder!(b":name:").find_iter(body.as_bytes()))
        .filter_map(|at| directive_of_option(body, at))
        .collect();
    openings.sort_unstable();
    openings.dedup();
    for open in openings {
        let line = line_at(body, open);
        let Some((_, _, rest)) = fence(&body[line.clone()]) else {
            continue;
        };
        let Some((name, _)) = myst_directive(rest) else {
            continue;
        };
        let opts = options(body, line.end);
        let value = |key: &str| {
            opts.iter()
                .find(|(_, (k, v))| k == key && !v.is_empty())
                .map(|(_, (_, v))| v.clone())
        };
        let Some(label) = value("label").or_else(|| value("name")) else {
            continue;
        };
        let caption = value("caption").or_else(|| {
            (name == "figure").then(|| {
                let after = opts.last().map_or(line.end, |(r, _)| r.end);
                let after = after + (body[after..].len() - body[after..].trim_start().len());
                let close = body[after..].find("\n\n").map_or(body.len(), |n| after + n);
                unmarked(&body_text(body, after, close))
            })
        });
        let text = match caption.filter(|c| !c.is_empty()) {
            Some(c) => c,
            None => match name {
                "figure" | "image" => "Figure",
                "math" => "Equation",
                "table" | "list-table" | "csv-table" => "Table",
                "code" | "code-block" | "code-cell" | "literalinclude" => "Code",
                _ => label.as_str(),
            }
            .to_string(),
        };
        found.push(BlockLabel {
            at: line.start,
            id: label_id(&label),
            label,
            text,
        });
    }
    // `$$ … $$ (label)`: the label names the formula's paragraph, from its opening `$$`.
    for at in crate::finder!(b"$$ (").find_iter(body.as_bytes()) {
        // ` (label)` ends the line: found without reading the line when it does not.
        let close = at
            + 4
            + body[at + 4..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
                .count();
        if !body[close..].starts_with(')') || !ends_line(body, close + 1) {
            continue;
        }
        let line = line_at(body, at);
        let Some(label) = equation_label(&body[at + 2..line.end]) else {
            continue;
        };
        let open = body[..at].rfind("$$").unwrap_or(at);
        found.push(BlockLabel {
            at: line_at(body, open).start,
            id: label_id(label),
            label: label.to_string(),
            text: "Equation".to_string(),
        });
    }
    for at in crate::finder!(b"{glossary}").find_iter(body.as_bytes()) {
        // Right after a fence (```` ```{glossary} ````, `:::{glossary}`) at its line's start.
        let fence_start = at
            - body[..at]
                .bytes()
                .rev()
                .take_while(|b| b"`:".contains(b))
                .count();
        if fence_start == at || line_start_before(body, fence_start).is_none() {
            continue;
        }
        found.extend(glossary_terms(body, at));
    }
    if found.is_empty() {
        return found;
    }
    // Code blocks that are code (not a directive's fence) hold examples, not labels.
    let mut code = Vec::new();
    for (event, range) in
        Parser::new_ext(body, crate::dialects::options_for(body)).into_offset_iter()
    {
        if let Event::Start(Tag::CodeBlock(kind)) = event {
            // A code directive's body (```` ```{code} markdown ````, as Jupyter Book shows
            // examples of its syntax) is code too; its own `:label:` is on its first line.
            let directive = matches!(&kind, CodeBlockKind::Fenced(info)
            if myst_directive(info).is_some_and(|(name, _)| !matches!(
                name,
                "code" | "code-block" | "sourcecode" | "code-cell"
            )));
            if !directive {
                code.push(range);
            }
        }
    }
    // In document order, and not nested: the last block starting before a label is the
    // only one that can hold it.
    found.retain(|l| {
        let before = code.partition_point(|c| c.start < l.at);
        before == 0 || l.at >= code[before - 1].end
    });
    found.sort_by_key(|l| l.at);
    found
}

/// The text of the first line after the target line at `at` (its quote or list marker and
/// emphasis left out), cut to about 60 characters: what a link to a labelled paragraph
/// shows.
fn first_words(body: &str, at: usize) -> Option<String> {
    let after = body[at..].find('\n').map_or(body.len(), |n| at + n);
    let line = body[after..]
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.ends_with(")="))?;
    let text = unmarked(line.trim_start_matches(['>', '-', '*', '+', ' ']));
    let text = text.trim();
    if text.is_empty() || fence(text).is_some() {
        return None;
    }
    Some(if text.chars().count() > 60 {
        let cut: String = text.chars().take(60).collect();
        let cut = cut
            .rsplit_once(' ')
            .map_or(cut.as_str(), |(words, _)| words);
        format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
    } else {
        text.to_string()
    })
}

/// `text` without the emphasis and code marks a caption is written with (`_` only at a
/// word's edge: `snake_case` keeps its own).
fn unmarked(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let word = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_alphanumeric())
    };
    chars
        .iter()
        .enumerate()
        .filter(|&(i, c)| match c {
            '*' | '`' => false,
            '_' => word(i.checked_sub(1)) && word(Some(i + 1)),
            _ => true,
        })
        .map(|(_, c)| c)
        .collect()
}

/// The terms of the `{glossary}` whose opening fence holds `at`, as labels: `term:` and
/// the term in lower case (what ``{term}`Error budget` `` names, in any case), anchored
/// at `term-` and its heading id, as Sphinx does.
fn glossary_terms(body: &str, at: usize) -> Vec<BlockLabel> {
    let open = line_at(body, at);
    let Some((c, n, rest)) = fence(&body[open.clone()]) else {
        return Vec::new();
    };
    if myst_directive(rest).is_none_or(|(name, _)| name != "glossary") {
        return Vec::new();
    }
    let start = options(body, open.end)
        .last()
        .map_or(open.end, |(r, _)| r.end);
    let mut end = start;
    let close = loop {
        if end >= body.len() {
            return Vec::new();
        }
        let line = line_at(body, end + 1);
        if fence(&body[line.clone()])
            .is_some_and(|(d, m, rest)| d == c && m >= n && rest.is_empty())
        {
            break line.start;
        }
        end = line.end;
    };
    let (terms, _) = glossary(body, start..close);
    terms
        .into_iter()
        .map(|t| {
            let term = body[t.clone()].trim().to_string();
            BlockLabel {
                at: line_at(body, t.start).start,
                label: format!("term:{}", term.to_lowercase()),
                id: format!("term-{}", crate::text::heading_id(&term)),
                text: term,
            }
        })
        .collect()
}

/// The terms and definitions of a `{glossary}` whose lines (between its options and its
/// closing fence) are `lines`: a term is a line at the glossary's own indentation, its
/// definition the lines indented below it. Returns each term's line, and what to write
/// over lines of the definitions so CommonMark reads a definition list: `: ` over the
/// first two spaces of each definition's first line; over a colon-fenced admonition in a
/// definition (`:::{seealso}`), its title in bold, and spaces over its closing fence and
/// any other colon fence or option line there (a line starting with `:` would be read
/// as another definition).
fn glossary(body: &str, lines: Range<usize>) -> (Vec<Range<usize>>, Vec<(usize, String)>) {
    let mut terms = Vec::new();
    let mut edits = Vec::new();
    let mut base: Option<usize> = None;
    let mut after_term = false;
    let mut at = lines.start;
    while at < lines.end {
        let end = body[at..lines.end].find('\n').map_or(lines.end, |n| at + n);
        let line = &body[at..end];
        let indent = line.len() - line.trim_start_matches(' ').len();
        let text = line.trim();
        if text.is_empty() || line.starts_with('\t') {
            // Blank lines (between a definition's paragraphs) change nothing.
        } else if base.is_none_or(|b| indent <= b) {
            base.get_or_insert(indent);
            terms.push(at + indent..end);
            after_term = true;
        } else {
            let b = base.unwrap_or(0);
            if after_term && indent >= b + 2 {
                edits.push((at + b, ": ".to_string()));
            } else if text.starts_with(':') {
                let title = fence(text)
                    .and_then(|(_, _, rest)| myst_directive(rest))
                    .and_then(|(name, arg)| admonition(name, arg))
                    .map(|(kind, title, _)| {
                        if title.is_empty() {
                            crate::dialects::alert_title(kind).to_string()
                        } else {
                            title
                        }
                    })
                    .filter(|t| t.len() + 4 <= text.len() && plain_title(t));
                let written = match title {
                    Some(t) => format!("**{t}**"),
                    None => String::new(),
                };
                edits.push((
                    at + indent,
                    format!("{written:<width$}", width = text.len()),
                ));
            }
            after_term = false;
        }
        at = end + 1;
    }
    (terms, edits)
}

/// The start of the directive's opening line that the option line holding `at` belongs
/// to: above it, only option lines, then a fence opening a `{directive}`.
fn directive_of_option(body: &str, at: usize) -> Option<usize> {
    line_start_before(body, at)?; // not the line's first text
    let mut line = line_at(body, at);
    let first = &body[line.clone()];
    if line.start + (first.len() - first.trim_start().len()) != at {
        return None; // not the line's first text
    }
    for _ in 0..MAX_OPTION_LINES {
        if line.start == 0 {
            return None;
        }
        line = line_at(body, line.start - 1);
        let text = &body[line.clone()];
        if let Some((_, _, rest)) = fence(text) {
            return myst_directive(rest).map(|_| line.start);
        }
        if !is_option(text) {
            return None;
        }
    }
    None
}

/// How a MyST directive other than an admonition or a toctree is drawn, as Sphinx draws it.
#[derive(Debug, PartialEq, Eq)]
pub enum Drawn {
    /// `{contents}` and `{toc}` (orgbook draws the page's own contents), `{testsetup}` and
    /// `{testcleanup}` (code the doctest runner hides).
    Nothing,
    /// `{rubric} Text`: a heading outside the contents, drawn in bold.
    Rubric(String),
    /// sphinx-design's `{button-link} URL` (and `{button-ref} label`): a link, its body the
    /// text.
    Button { href: String, text: String },
    /// An admonition with nothing in it: its title alone, in italics, when it says
    /// something (`{versionadded} 1.3` is "Added in version 1.3."), else nothing.
    Line(String),
    /// `{image} path` (`:alt:`), `{figure} path` with its caption, the body's text.
    Image {
        src: String,
        alt: String,
        caption: String,
    },
}

/// The text of a directive's body from `after` (its options' end) to the end of its
/// block, lines joined, its closing fence left out.
fn body_text(body: &str, after: usize, end: usize) -> String {
    if after >= end {
        return String::new();
    }
    let lines: Vec<&str> = body[after..end]
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && fence(l).is_none())
        .collect();
    lines.join(" ")
}

/// How the directive `name` (`arg`) fenced at `block` of `body` is drawn; `None` for one
/// orgbook does not draw (reported at its fence).
pub fn drawn_directive(body: &str, block: Range<usize>, name: &str, arg: &str) -> Option<Drawn> {
    Some(match name {
        "contents" | "toc" | "tableofcontents" | "testsetup" | "testcleanup" => Drawn::Nothing,
        "rubric" if !arg.is_empty() => Drawn::Rubric(arg.to_string()),
        "button-link" | "button-ref" if !arg.is_empty() => {
            let first = line_at(body, block.start);
            let after = options(body, first.end)
                .last()
                .map_or(first.end, |(r, _)| r.end);
            Drawn::Button {
                href: arg.to_string(),
                text: body_text(body, after, block.end),
            }
        }
        _ if admonition(name, arg).is_some() => {
            let (_, title, _) = admonition(name, arg)?;
            match name {
                "versionadded" | "versionchanged" | "deprecated" if !title.is_empty() => {
                    Drawn::Line(format!("{title}."))
                }
                _ => Drawn::Nothing,
            }
        }
        "image" | "figure" if !arg.is_empty() => {
            let first = line_at(body, block.start);
            let opts = options(body, first.end);
            let alt = opts
                .iter()
                .find(|(_, (k, _))| k == "alt")
                .map(|(_, (_, v))| v.clone())
                .unwrap_or_default();
            let after = opts.last().map_or(first.end, |(r, _)| r.end);
            let caption = if name == "figure" {
                body_text(body, after, block.end)
            } else {
                String::new()
            };
            Drawn::Image {
                src: arg.to_string(),
                alt,
                caption,
            }
        }
        _ => return None,
    })
}

/// An inline link to `dest`, as the renderer draws one it makes itself.
pub fn link_tag(dest: String) -> Tag<'static> {
    Tag::Link {
        link_type: LinkType::Inline,
        dest_url: dest.into(),
        title: "".into(),
        id: "".into(),
    }
}

/// `text` inside `inner` inside `outer` (a link in a list item, bold text in a paragraph).
pub fn wrapped(outer: Tag<'static>, inner: Tag<'static>, text: String) -> [Event<'static>; 5] {
    let (inner_end, outer_end) = (inner.to_end(), outer.to_end());
    [
        Event::Start(outer),
        Event::Start(inner),
        Event::Text(text.into()),
        Event::End(inner_end),
        Event::End(outer_end),
    ]
}

/// A MyST role drawn: its events and the text a reader sees.
pub struct DrawnRole {
    pub events: Vec<Event<'static>>,
    pub text: String,
}

/// A role a Sphinx site defines with `sphinx.ext.extlinks` (`extlinks` in its `conf.py`,
/// read by `load::conf_py`): ``{issue}`123` `` links to `url` with the target in place of
/// `%s`, shown as `caption` with the target in place of its `%s`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtLink {
    pub url: String,
    /// `None` shows the whole URL, as Sphinx does. A caption without `%s` is the prefix
    /// of Sphinx before 4.0 (`"issue "`), shown before the target.
    pub caption: Option<String>,
}

impl ExtLink {
    /// The role drawn around its content: ``{issue}`123` ``, or with a title of its own,
    /// ``{issue}`the crash <123>` ``. `checked` gives the destination to write for the
    /// URL (the page's author chooses the target, so it may make any URL of a bare `%s`).
    pub fn draw(&self, code: &str, checked: impl FnOnce(&str) -> String) -> DrawnRole {
        let (text, target) = role_parts(code);
        let url = percent_format(&self.url, target);
        let shown = match (text, &self.caption) {
            (Some(text), _) => text.to_string(),
            (None, None) => url.clone(),
            (None, Some(caption)) => percent_format(caption, target),
        };
        DrawnRole {
            events: vec![
                Event::Start(link_tag(checked(&url))),
                Event::Text(shown.clone().into()),
                Event::End(TagEnd::Link),
            ],
            text: shown,
        }
    }
}

/// A URL scheme a MyST site gives links in its `conf.py` (`myst_url_schemes`, read by
/// `load::conf_py`): `<gh-pr:734>` or `[the fix](gh-pr:734)` leads to `url` with the
/// link's parts in place of `{{path}}`, `{{fragment}}` and the like; a link without text
/// of its own shows `title` so made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlScheme {
    pub url: String,
    pub title: Option<String>,
}

impl UrlScheme {
    /// The destination and the title (when the scheme gives one) of a link to `dest`, if
    /// its scheme is one of `schemes`.
    pub fn link(
        schemes: &std::collections::BTreeMap<String, UrlScheme>,
        dest: &str,
    ) -> Option<(String, Option<String>)> {
        let (scheme, rest) = dest.split_once(':')?;
        let found = schemes.get(scheme)?;
        // Python's `urlparse`, as MyST reads the link: `//netloc/path?query#fragment`.
        let (rest, fragment) = rest.split_once('#').unwrap_or((rest, ""));
        let (rest, query) = rest.split_once('?').unwrap_or((rest, ""));
        let (netloc, path) = match rest.strip_prefix("//") {
            Some(r) => r.split_at(r.find('/').unwrap_or(r.len())),
            None => ("", rest),
        };
        let fill = |template: &str| {
            let mut out = template.to_string();
            for (name, value) in [
                ("scheme", scheme),
                ("netloc", netloc),
                ("path", path),
                ("params", ""),
                ("query", query),
                ("fragment", fragment),
            ] {
                out = out.replace(&format!("{{{{{name}}}}}"), value);
            }
            out
        };
        let mut url = fill(&found.url);
        // An empty fragment or query leaves nothing after its mark.
        while url.ends_with(['#', '?']) {
            url.pop();
        }
        Some((url, found.title.as_deref().map(fill)))
    }
}

/// The scheme of `dest` when it is a URL scheme (two characters at least, so not a
/// Windows drive) that none of `defined` names (a site's `myst_url_schemes`), browsers do
/// not open, MyST does not read itself (`project:`, `path:`, `inv:`) and is not one
/// orgbook neutralises as unsafe (reported so already).
pub fn undefined_scheme<'d>(
    dest: &'d str,
    defined: &std::collections::BTreeSet<String>,
) -> Option<&'d str> {
    let (scheme, _) = dest.split_once(':')?;
    let well_formed = scheme.len() >= 2
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c));
    if !well_formed {
        return None;
    }
    let lower = scheme.to_ascii_lowercase();
    let known = defined.contains(scheme)
        || defined.contains(&lower)
        || matches!(lower.as_str(), "project" | "path" | "inv")
        || crate::html_policy::opened_scheme(&lower)
        || crate::html_policy::unsafe_scheme(dest, false).is_some();
    (!known).then_some(scheme)
}

/// Python's `template.format(...)` (and an f-string's text) for fields that are names
/// alone, `value` giving each one's text: `{{` and `}}` are braces; `None` for a field
/// `value` does not know or one with more than a name (`{x!r}`, `{x:>3}`), on which
/// Python fails or which it computes.
pub(crate) fn python_format<'v>(
    template: &str,
    value: impl Fn(&str) -> Option<&'v str>,
) -> Option<String> {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let (mark, after) = (&rest[i..i + 1], &rest[i + 1..]);
        if let Some(after) = after.strip_prefix(mark) {
            out.push_str(mark);
            rest = after;
            continue;
        }
        if mark == "}" {
            return None;
        }
        let end = after.find('}')?;
        out.push_str(value(&after[..end])?);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// Python's `pattern % target` for a pattern of one `%s` (and `%%` for `%`), as extlinks
/// applies it; a pattern without `%s` gets the target after it (Sphinx before 4.0).
fn percent_format(pattern: &str, target: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + target.len());
    let mut placed = false;
    let mut rest = pattern;
    while let Some(i) = rest.find('%') {
        out.push_str(&rest[..i]);
        match rest[i + 1..].chars().next() {
            Some('s') if !placed => {
                out.push_str(target);
                placed = true;
                rest = &rest[i + 2..];
            }
            Some('%') => {
                out.push('%');
                rest = &rest[i + 2..];
            }
            _ => {
                out.push('%');
                rest = &rest[i + 1..];
            }
        }
    }
    out.push_str(rest);
    if !placed {
        out.push_str(target);
    }
    out
}

/// Sphinx's `text <target>` form of a role's content: `(Some(text), target)`.
pub(crate) fn role_parts(code: &str) -> (Option<&str>, &str) {
    match code
        .trim()
        .strip_suffix('>')
        .and_then(|c| c.rsplit_once('<'))
    {
        Some((text, target)) if !text.trim().is_empty() => (Some(text.trim()), target.trim()),
        _ => (None, code.trim()),
    }
}

/// How a MyST role's code span is drawn. `link(target, label)` resolves a `{doc}` target
/// (`label` false) as the build resolves links (recording it, reporting it when broken),
/// or a `{ref}` label, and gives the destination to write and the title to show (empty
/// for a label no page defines).
pub fn role_events(
    role: super::found::Role,
    code: &str,
    link: &mut dyn FnMut(&str, bool) -> (String, String),
) -> DrawnRole {
    use super::found::Role;
    let (text, target) = role_parts(code);
    let anchor = |dest: String, shown: String| DrawnRole {
        events: vec![
            Event::Start(link_tag(dest)),
            Event::Text(shown.clone().into()),
            Event::End(TagEnd::Link),
        ],
        text: shown,
    };
    let number = |t: &str| {
        let n = t.split(['#', ' ']).next().unwrap_or("");
        n.parse::<u32>().ok()
    };
    match role {
        Role::Doc => {
            let (dest, title) = link(target, false);
            let shown = text.map(str::to_string).unwrap_or(if title.is_empty() {
                target.to_string()
            } else {
                title
            });
            anchor(dest, shown)
        }
        Role::Pep | Role::Rfc => match number(target) {
            Some(n) => {
                let (url, name) = if role == Role::Pep {
                    (
                        format!("https://peps.python.org/pep-{n:04}/"),
                        format!("PEP {n}"),
                    )
                } else {
                    (
                        format!("https://datatracker.ietf.org/doc/html/rfc{n}"),
                        format!("RFC {n}"),
                    )
                };
                anchor(url, text.map_or(name, str::to_string))
            }
            None => DrawnRole {
                events: vec![Event::Text(code.to_string().into())],
                text: code.to_string(),
            },
        },
        Role::Sup | Role::Sub => {
            let tag = if role == Role::Sup { "sup" } else { "sub" };
            DrawnRole {
                events: vec![Event::InlineHtml(
                    format!("<{tag}>{}</{tag}>", crate::text::escape_html(code)).into(),
                )],
                text: code.to_string(),
            }
        }
        Role::Ref => {
            let (dest, title) = link(target, true);
            if dest == target && title.is_empty() {
                // No page defines the label: its text, unlinked.
                let shown = text.unwrap_or(target).to_string();
                return DrawnRole {
                    events: vec![Event::Text(shown.clone().into())],
                    text: shown,
                };
            }
            anchor(dest, text.map(str::to_string).unwrap_or(title))
        }
        Role::Abbr => {
            let (short, long) = match code
                .trim()
                .strip_suffix(')')
                .and_then(|c| c.split_once(" ("))
            {
                Some((short, long)) => (short.trim(), long.trim()),
                None => (code.trim(), ""),
            };
            DrawnRole {
                events: vec![Event::InlineHtml(
                    format!(
                        "<abbr title=\"{}\">{}</abbr>",
                        crate::text::escape_html(long),
                        crate::text::escape_html(short)
                    )
                    .into(),
                )],
                text: short.to_string(),
            }
        }
        Role::Math => DrawnRole {
            events: vec![Event::InlineMath(code.to_string().into())],
            text: crate::math::searchable(code),
        },
        Role::Nothing => DrawnRole {
            events: Vec::new(),
            text: String::new(),
        },
        Role::Term => {
            let key = format!("term:{}", target.trim().to_lowercase());
            let (dest, _) = link(&key, true);
            let shown = text.unwrap_or(target).to_string();
            if dest == key {
                // No glossary defines it: its text, unlinked.
                return DrawnRole {
                    events: vec![Event::Text(shown.clone().into())],
                    text: shown,
                };
            }
            anchor(dest, shown)
        }
        // An extlinks role is drawn by its `ExtLink`; without one, as text.
        Role::Text | Role::External => {
            let shown = text.unwrap_or(target).to_string();
            DrawnRole {
                events: vec![Event::Text(shown.clone().into())],
                text: shown,
            }
        }
        Role::Code => {
            // `~pkg.mod.func` shows `func`, as Sphinx does.
            let shown = match text {
                Some(t) => t.to_string(),
                None => match target.strip_prefix('~') {
                    Some(t) => t.rsplit('.').next().unwrap_or(t).to_string(),
                    None => target.to_string(),
                },
            };
            DrawnRole {
                events: vec![Event::Code(shown.clone().into())],
                text: shown,
            }
        }
    }
}

/// The length of a MyST name in braces (`{pypi}`, `{py:func}`, `{code-block}`) at the start
/// of `rest`: a letter, then up to 39 letters, digits or `-_:.`.
pub(crate) fn myst_name(rest: &[u8]) -> Option<usize> {
    let name = rest.get(1..)?;
    if rest.first() != Some(&b'{') || !name.first()?.is_ascii_alphabetic() {
        return None;
    }
    let len = name
        .iter()
        .take(40)
        .take_while(|b| b.is_ascii_alphanumeric() || b"-_:.".contains(b))
        .count();
    (name.get(len) == Some(&b'}')).then_some(len + 2)
}

/// The name and argument of a MyST directive written as a fenced code block, from the
/// fence's info string: `{versionadded} 1.3` → `("versionadded", "1.3")`. `None` for an
/// ordinary info string (`python`, `rust,ignore`).
pub fn myst_directive(info: &str) -> Option<(&str, &str)> {
    let len = myst_name(info.as_bytes())?;
    let rest = &info[len..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((&info[1..len - 1], rest.trim()))
}

#[cfg(test)]
mod tests {

    #[test]
    fn admonish_info_strings_name_their_kind_and_title() {
        let read = |info| admonish(info);
        assert_eq!(read("admonish"), Some(("note", String::new())));
        assert_eq!(read("admonish warning"), Some(("warning", String::new())));
        assert_eq!(
            read("admonish tip \"Before you merge\""),
            Some(("tip", "Before you merge".to_string()))
        );
        assert_eq!(
            read("admonish bug title=\"Known issue\" collapsible=true"),
            Some(("danger", "Known issue".to_string()))
        );
        assert_eq!(
            read("admonish title=\"Heads up\""),
            Some(("note", "Heads up".to_string()))
        );
        assert_eq!(
            read("admonish example"),
            Some(("note", "Example".to_string()))
        );
        assert_eq!(read("admonishment"), None);
        assert_eq!(read("rust"), None);
    }
    use super::*;

    #[test]
    fn url_schemes_fill_in_the_links_parts() {
        let schemes: std::collections::BTreeMap<String, UrlScheme> = [
            (
                "gh-pr".to_string(),
                UrlScheme {
                    url: "https://gh/pull/{{path}}#{{fragment}}".to_string(),
                    title: Some("PR #{{path}}".to_string()),
                },
            ),
            (
                "q".to_string(),
                UrlScheme {
                    url: "https://{{netloc}}/s{{path}}?{{query}}".to_string(),
                    title: None,
                },
            ),
        ]
        .into();
        let link = |dest: &str| UrlScheme::link(&schemes, dest);
        assert_eq!(
            link("gh-pr:734"),
            Some((
                "https://gh/pull/734".to_string(),
                Some("PR #734".to_string())
            ))
        );
        assert_eq!(
            link("gh-pr:717#preview").map(|l| l.0),
            Some("https://gh/pull/717#preview".to_string())
        );
        assert_eq!(
            link("q://host/x?a=1"),
            Some(("https://host/s/x?a=1".to_string(), None))
        );
        assert_eq!(
            link("q://host/x").map(|l| l.0),
            Some("https://host/s/x".to_string())
        );
        assert_eq!(link("https://example.org/"), None);
        assert_eq!(link("no-colon"), None);
    }

    #[test]
    fn extlinks_roles_are_captioned_as_sphinx_captions_them() {
        let drawn = |url: &str, caption: Option<&str>, code: &str| {
            let link = ExtLink {
                url: url.to_string(),
                caption: caption.map(str::to_string),
            };
            let d = link.draw(code, str::to_string);
            let Some(Event::Start(Tag::Link { dest_url, .. })) = d.events.first() else {
                panic!("no link: {:?}", d.events);
            };
            (dest_url.to_string(), d.text)
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            drawn("https://x/i/%s", Some("#%s"), "12"),
            pair("https://x/i/12", "#12")
        );
        // Sphinx before 4.0: the caption is a prefix; an empty one shows the target.
        assert_eq!(
            drawn("https://x/i/%s", Some("GH-"), "12"),
            pair("https://x/i/12", "GH-12")
        );
        assert_eq!(
            drawn("https://x/%s", Some(""), "pkg"),
            pair("https://x/pkg", "pkg")
        );
        assert_eq!(
            drawn("https://x/%s", None, "a"),
            pair("https://x/a", "https://x/a")
        );
        // A title of its own; `%%` is a percent sign; no `%s` puts the target after.
        assert_eq!(
            drawn("https://x/%s", Some("#%s"), " the bug <7> "),
            pair("https://x/7", "the bug")
        );
        assert_eq!(
            drawn("https://x/%%20%s", Some("100%% %s"), "y"),
            pair("https://x/%20y", "100% y")
        );
        assert_eq!(
            drawn("https://x/q=", Some("%d %s"), "z"),
            pair("https://x/q=z", "%d z")
        );
    }

    #[test]
    fn a_directive_in_a_glossary_definition_is_drawn_once() {
        let body = "::::{glossary}\nSLO\n  A target.\n\n  :::{note}\n  Agreed with the users.\n  :::\n::::\n";
        let (out, found) = admonitions(body).unwrap();
        assert!(found.is_empty(), "{found:?}");
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines,
            [
                "",
                "SLO",
                ": A target.",
                "",
                "  **Note**",
                "  Agreed with the users.",
                "",
                ""
            ]
        );
    }

    #[test]
    fn a_glossary_is_a_definition_list_with_its_terms_as_labels() {
        let body = ":::{glossary}\n:sorted:\n\nDRI\n  The one person who owns an outcome.\n\n  More on it.\n\nError budget\nBudget\n    What is left of the SLO's allowance.\n\n    :::{seealso}\n    The SLO page.\n    :::\n:::\n\n```markdown\n:::{glossary}\nExample\n  not a term\n:::\n```\n";
        let (out, found) = admonitions(body).unwrap();
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(out.len(), body.len());
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..15],
            [
                "",
                "",
                "",
                "DRI",
                ": The one person who owns an outcome.",
                "",
                "  More on it.",
                "",
                "Error budget",
                "Budget",
                ":   What is left of the SLO's allowance.",
                "",
                "    **See also**",
                "    The SLO page.",
                ""
            ]
        );
        let labels: Vec<(String, String, String)> = block_labels(body, Vec::new())
            .into_iter()
            .map(|l| (l.label, l.id, l.text))
            .collect();
        let want = |l: &str, i: &str, t: &str| (l.to_string(), i.to_string(), t.to_string());
        assert_eq!(
            labels,
            [
                want("term:dri", "term-dri", "DRI"),
                want("term:error budget", "term-error-budget", "Error budget"),
                want("term:budget", "term-budget", "Budget"),
            ]
        );
    }

    #[test]
    fn an_admonition_in_a_list_item_is_its_bold_title_above_its_text() {
        let body = "1. Open a PR.\n\n   ```{important}\n   :class: x\n   It **must** be rebase-merged.\n   ```\n\n- item\n  ```{admonition} Why *this*\n  text\n  ```\n\n> ```{note}\n> quoted\n> ```\n";
        let (out, found) = admonitions(body).unwrap();
        assert_eq!(out.len(), body.len());
        assert!(found.is_empty(), "{found:?}");
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        assert_eq!(
            lines[..6],
            [
                "1. Open a PR.",
                "",
                "   **Important**",
                "",
                "   It **must** be rebase-merged.",
                ""
            ]
        );
        // A title that needs escaping, and a fence inside a quote, are left as they were.
        assert!(out.contains("```{admonition} Why *this*") && out.contains("> ```{note}"));
    }

    #[test]
    fn a_colon_fenced_code_directive_is_a_code_block_in_its_language() {
        let body = "::::{code} markdown\n:name: intro-md\n:emphasize-lines: 3\n# Introduction\n\n:::{note}\nKept as text.\n:::\n::::\n\nAfter.\n";
        let (out, found) = admonitions(body).unwrap();
        assert_eq!(out.len(), body.len());
        assert!(found.is_empty(), "{found:?}");
        let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
        // The fence on the last option line: no blank line opens the code.
        assert_eq!(lines[..3], ["", "", "~~~markdown"]);
        assert_eq!(lines[8], "~~~");
        let html = {
            let mut h = String::new();
            pulldown_cmark::html::push_html(&mut h, Parser::new(&out));
            h
        };
        assert!(
            html.starts_with("<pre><code class=\"language-markdown\"># Introduction\n\n:::{note}\nKept as text.\n:::\n</code></pre>"),
            "{html}"
        );
    }

    #[test]
    fn labels_on_directives_and_blocks_are_found_outside_code() {
        let body = "Intro.\n\n```{code} shell\n:linenos:\n:name: code:start\n\n$ run\n```\n\n:::{figure} pic.png\n:label: fig:pic\n:width: 50%\n\nThe *first* view.\n:::\n\n:::{math}\n:label: eq:book\n\nx = y\n:::\n\n(tutorial-actions)=\n\n> Whenever you _do_ something, you see a mark_up.\n\n:name: not-an-option-of-anything\n\n````markdown\n:::{figure} x.png\n:label: fig:example\n:::\n````\n";
        let targets = vec![(
            body.find("(tutorial").unwrap(),
            "tutorial-actions".to_string(),
        )];
        let found: Vec<(usize, &str, &str, String)> = block_labels(body, targets)
            .iter()
            .map(|l| (l.at, "", "", format!("{} {} {}", l.label, l.id, l.text)))
            .collect();
        let at = |s: &str| body.find(s).unwrap();
        assert_eq!(
            found,
            [
                (at("```{code}"), "", "", "code:start code:start Code".to_string()),
                (at(":::{figure}"), "", "", "fig:pic fig:pic The first view.".to_string()),
                (at(":::{math}"), "", "", "eq:book eq:book Equation".to_string()),
                (
                    at("(tutorial"),
                    "",
                    "",
                    "tutorial-actions tutorial-actions Whenever you do something, you see a mark_up."
                        .to_string()
                ),
            ]
        );
        // A label with characters a fragment should not hold gets a heading-style id.
        assert_eq!(label_id("My Figure!"), "my-figure");
        assert_eq!(label_id("fig:a.b_c-d"), "fig:a.b_c-d");
    }

    fn drawn(body: &str) -> (String, Vec<(String, String)>) {
        let (out, found) = admonitions(body).unwrap_or((body.to_string(), Vec::new()));
        assert_eq!(out.len(), body.len(), "offsets kept");
        let found = found
            .into_iter()
            .map(|f| (body[f.range].to_string(), f.construct))
            .collect();
        (out, found)
    }

    #[test]
    fn fenced_and_colon_admonitions_nest_and_lose_their_fences_and_options() {
        let body = "````{admonition} Example\n:class: dropdown\nIf:\n\n```{tip}\nInner.\n```\n\n```\ncode\n```\n````\n\n:::{warning}\nCareful.\n:::\n";
        let (out, found) = drawn(body);
        assert_eq!(
            found,
            [
                ("````{admonition} Example".into(), "Example".into()),
                ("```{tip}".into(), "".into()),
                ("```".into(), "".into()),
                ("````".into(), "".into()),
                (":::{warning}".into(), "".into()),
                (":::".into(), "".into()),
            ]
        );
        let (_, reports) = admonitions(body).unwrap();
        assert!(matches!(
            reports[0].kind,
            Kind::Callout { details: true, .. }
        ));
        // The inner plain code block keeps its fences; everything drawn is blanked.
        assert!(out.contains("```\ncode\n```"), "{out:?}");
        assert!(!out.contains("{tip}") && !out.contains(":class:") && !out.contains(":::"));
        assert!(out.contains("Inner.") && out.contains("Careful."));
    }

    #[test]
    fn admonitions_in_code_lists_or_never_closed_are_left_alone() {
        for body in [
            // Quoted in a longer fence: an example of the syntax.
            "````markdown\n```{note}\nx\n```\n````\n",
            // Inside a list item: not at the top level.
            "- item\n\n  ```{note}\n  x\n  ```\n",
            // Never closed.
            "```{note}\nruns to the end\n",
            // Other directives are not admonitions.
            "```{toctree}\na\n```\n",
            // A list item's fences before it do not hide a top-level one after.
        ] {
            assert_eq!(drawn(body).1, Vec::new(), "{body:?}");
        }
        let body = "- ```\n  a\n  ```\n\n  b\n\n  ```\n  c\n  ```\n\n```{note}\nx\n```\n";
        assert_eq!(drawn(body).1.len(), 2, "{body:?}");
    }

    #[test]
    fn a_toctree_lists_its_entries_with_their_titles() {
        let body = "# Home\n\n```{toctree}\n:maxdepth: 2\n:caption: Guides\n\ninstall\nUsing pip <user/guide>\nself\nreference/*\nhttps://example.org\n```\n";
        let start = body.find("```{").unwrap();
        let tree = toctree(body, start..body.len());
        assert!(!tree.hidden);
        assert_eq!(tree.caption.as_deref(), Some("Guides"));
        let entries: Vec<(Option<&str>, &str, &str)> = tree
            .entries
            .iter()
            .map(|(t, target, r)| (t.as_deref(), target.as_str(), &body[r.clone()]))
            .collect();
        assert_eq!(
            entries,
            [
                (None, "install", "install"),
                (Some("Using pip"), "user/guide", "Using pip <user/guide>"),
                (None, "https://example.org", "https://example.org"),
            ]
        );
        let hidden = "```{toctree}\n:hidden:\n\na\n```\n";
        assert!(toctree(hidden, 0..hidden.len()).hidden);
        // Options as a YAML block (Black's documentation).
        let yaml =
            "```{toctree}\n---\nmaxdepth: 3\ncaption: User Guide\n---\n\ngetting_started\n```\n";
        let tree = toctree(yaml, 0..yaml.len());
        assert_eq!(tree.caption.as_deref(), Some("User Guide"));
        assert_eq!(tree.entries.len(), 1);
        assert_eq!(tree.entries[0].1, "getting_started");
    }

    #[test]
    fn tabs_are_titled_callouts_and_their_set_is_removed() {
        let body = "::::{tab-set}\n:sync-group: os\n\n:::{tab-item} macOS\nbrew\n:::\n\n:::{tab-item} Linux\napt\n:::\n::::\n";
        let (out, found) = drawn(body);
        assert_eq!(
            found,
            [
                (":::{tab-item} macOS".into(), "macOS".into()),
                (":::".into(), "".into()),
                (":::{tab-item} Linux".into(), "Linux".into()),
                (":::".into(), "".into()),
            ]
        );
        assert!(!out.contains("tab-set") && !out.contains("sync-group") && !out.contains("::::"));
    }

    #[test]
    fn a_colon_fenced_figure_becomes_its_image_and_caption() {
        let body = ":::{figure} img/banff.png\n:align: right\n:width: 40%\n\nThe picture.\n:::\n\n:::{figure} a (b).png\nx\n:::\n";
        let (out, found) = drawn(body);
        assert!(found.is_empty(), "no callout: {found:?}");
        assert!(out.starts_with("![](img/banff.png)"), "{out:?}");
        assert!(!out.contains("align") && !out.contains("width") && out.contains("The picture."));
        // A path that would need escaping is left alone (reported by the renderer).
        assert!(out.contains(":::{figure} a (b).png"), "{out:?}");
    }

    #[test]
    fn version_directives_are_titled_like_sphinx() {
        let (_, found) = drawn("```{versionchanged} 2.1\nNow faster.\n```\n");
        assert_eq!(found[0].1, "Changed in version 2.1");
        // Empty, it is no callout: the renderer draws its title as a line.
        let empty = "```{versionadded} 1.3\n\n```\n";
        assert_eq!(drawn(empty).1, Vec::new());
        assert_eq!(
            drawn_directive(empty, 0..empty.len(), "versionadded", "1.3"),
            Some(Drawn::Line("Added in version 1.3.".into()))
        );
        assert_eq!(
            drawn_directive("```{note}\n```\n", 0..14, "note", ""),
            Some(Drawn::Nothing)
        );
    }
}
