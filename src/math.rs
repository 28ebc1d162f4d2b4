//! TeX math drawn at build time as MathML, which every current browser lays out itself: no
//! JavaScript, no web font to fetch, and the page works from `file://`. The forms are the
//! ones GitHub and GitLab render: `$…$` and `` $`…`$ `` inline, `$$…$$` and ```` ```math ````
//! fences as blocks; MyST's ```` ```{math} ```` directive and `` {math}`…` `` role arrive
//! here as the same events (`markdown::render`).
//!
//! The conversion is pulldown-latex's (a LaTeX-to-MathML-Core pull parser; docs/design.md,
//! "Math" says why it and not KaTeX or MathJax). Its MathML comes from its own writer, which
//! escapes every piece of text and writes no link, script or event handler whatever the TeX
//! says (unit tests below). A formula that does not parse is shown as the TeX its author
//! wrote, with a warning, never as a half-drawn formula. As with diagrams, the Markdown stage
//! converts each formula once, in parallel with the other pages, and keeps it beside the
//! body ([`Formula`]); pages put it in place of pulldown-cmark's `<span class="math …">`
//! ([`place`]) after the raw-HTML sanitizer has run, which knows no MathML.

use std::borrow::Cow;

/// One formula of a body, drawn: its TeX as the body holds it, and its MathML.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Formula {
    pub source: String,
    pub display: bool,
    pub mathml: String,
}

/// Whether a fenced code block's info string is a math block's (```` ```math ````, as GitHub
/// and GitLab write a display formula).
pub fn is_math(info: &str) -> bool {
    info.split_whitespace()
        .next()
        .is_some_and(|lang| lang.eq_ignore_ascii_case("math"))
}

/// Whether `body[span]`, which Markdown reads as an inline formula (`$…$`), is one. Dollar
/// signs in prose that is not about math read as formulas too, and these are not:
/// - a closing `$` right before a digit (pandoc's rule, for prices: `$5-$10`);
/// - an opening `$` right after a letter, digit or `_` (`US$5`, S3's `logs_$folder$`);
/// - a version-control keyword (`$Id$`, `$Revision: 1.4 $`) of files kept in CVS or SVN.
pub fn is_inline_formula(body: &str, span: std::ops::Range<usize>) -> bool {
    let bytes = body.as_bytes();
    let after_digit = bytes.get(span.end).is_some_and(u8::is_ascii_digit);
    let in_word = span.start > 0
        && bytes
            .get(span.start - 1)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'_');
    let inner = body
        .get(span.start + 1..span.end.saturating_sub(1))
        .unwrap_or("");
    let keyword = inner.split(':').next().unwrap_or("");
    let vcs = matches!(
        keyword.trim_end(),
        "Id" | "Revision"
            | "Date"
            | "Author"
            | "Header"
            | "Source"
            | "RCSfile"
            | "Log"
            | "Rev"
            | "LastChangedDate"
            | "LastChangedRevision"
            | "HeadURL"
    ) && !inner.contains('\\');
    !(after_digit || in_word || vcs)
}

/// The TeX of a paragraph that is one bare amsmath environment (`\\begin{align}` …
/// `\\end{align}`, which MyST's amsmath extension reads as a display formula), at the start
/// of its line, outside quotes and lists.
pub fn bare_environment(body: &str, paragraph: std::ops::Range<usize>) -> Option<&str> {
    const ENVIRONMENTS: &[&str] = &[
        "equation",
        "equation*",
        "align",
        "align*",
        "alignat",
        "alignat*",
        "gather",
        "gather*",
        "multline",
        "multline*",
    ];
    let source = body.get(paragraph.clone())?;
    let at_line_start = paragraph.start == 0 || body.as_bytes()[paragraph.start - 1] == b'\n';
    let name = source.strip_prefix("\\begin{")?.split('}').next()?;
    let tex = source.trim_end();
    (at_line_start
        && ENVIRONMENTS.contains(&name)
        && tex.ends_with(&format!("\\end{{{name}}}"))
        && !tex.lines().any(|l| l.trim_start().starts_with('>')))
    .then_some(tex)
}

/// What of a formula search indexes: its words and numbers, without TeX's commands
/// (`\\text{budget} = (1 - \\text{SLO})` is "budget 1 SLO"), which would make every page
/// with a fraction a result for "frac".
pub fn searchable(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len() + 2);
    out.push(' ');
    let mut chars = tex.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            // A command's name (`\\frac`), or an escaped character (`\\%`, `\\\\`).
            if chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                while chars.peek().is_some_and(|c| c.is_ascii_alphabetic()) {
                    chars.next();
                }
            } else {
                chars.next();
            }
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if c.is_alphanumeric() || c == '.' {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// `tex` as MathML (`<math>…</math>`, `display="block"` for a display formula), or why not:
/// the parser's first complaint, as "unknown primitive command found, at `\foo{x}`".
pub fn draw(tex: &str, display: bool) -> Result<String, String> {
    match mathml(tex, display) {
        // KaTeX and MathJax break a display formula's lines at `\\` outside any
        // environment, and formulas written for them do; LaTeX itself needs an
        // environment for it: `gathered` is the one that centres each line, as they do.
        Err(message) if display && message.contains("new line command not allowed") => mathml(
            &format!("\\begin{{gathered}}{tex}\\end{{gathered}}"),
            display,
        )
        .map_err(|_| message),
        other => other,
    }
}

/// Formulas past these are not formulas a person wrote, and pulldown-latex's parse time
/// grows with length times nesting: 20,000 nested `\\sqrt{` took 4 s.
const MAX_LEN: usize = 64 * 1024;
const MAX_DEPTH: usize = 100;

/// How deeply `tex` nests groups (`{`, `\\left`), in one pass.
fn nesting(tex: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let bytes = tex.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            // An escaped character (`\\{` is a brace to draw) or a command.
            b'\\' if tex[i + 1..].starts_with("left") => {
                depth += 1;
                i += 5;
            }
            b'\\' if tex[i + 1..].starts_with("right") => {
                depth = depth.saturating_sub(1);
                i += 6;
            }
            b'\\' => i += 2,
            b'{' => {
                depth += 1;
                i += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                i += 1;
            }
            _ => i += 1,
        }
        deepest = deepest.max(depth);
    }
    deepest
}

fn mathml(tex: &str, display: bool) -> Result<String, String> {
    use pulldown_latex::config::DisplayMode;
    if tex.len() > MAX_LEN {
        return Err(format!(
            "the formula is {} KiB long (at most {} KiB are drawn)",
            tex.len() / 1024,
            MAX_LEN / 1024
        ));
    }
    let depth = nesting(tex);
    if depth > MAX_DEPTH {
        return Err(format!(
            "its groups nest {depth} levels deep (at most {MAX_DEPTH} are drawn)"
        ));
    }
    use pulldown_latex::{Parser, RenderConfig, Storage, push_mathml};
    let tex = text_escapes(tex);
    let tex = tex.as_ref();
    // A bug in the converter must not stop the build: the formula stays its TeX.
    std::panic::catch_unwind(|| {
        let storage = Storage::new();
        let events: Vec<_> = Parser::new(tex, &storage).collect();
        if let Some(error) = events.iter().find_map(|e| e.as_ref().err()) {
            return Err(message(&error.to_string()));
        }
        let config = RenderConfig {
            display_mode: if display {
                DisplayMode::Block
            } else {
                DisplayMode::Inline
            },
            ..RenderConfig::default()
        };
        let mut out = String::with_capacity(tex.len() * 8);
        push_mathml(&mut out, events.into_iter(), config)
            .map(|()| out)
            .map_err(|e| message(&e.to_string()))
    })
    .unwrap_or_else(|_| Err("the formula could not be drawn".to_string()))
}

/// Text-mode escapes inside `\text{…}` (and `\mbox`, `\textrm`…) as the characters they
/// stand for: pulldown-latex draws `\text{max\_size}` as `max\_size`, where TeX shows
/// `max_size` (seen in a real decision record). Only `\_ \% \& \# \$`: an escaped brace
/// must stay one, or the group would end early.
fn text_escapes(tex: &str) -> std::borrow::Cow<'_, str> {
    const TEXT_COMMANDS: &[&str] = &[
        "\\text{",
        "\\textrm{",
        "\\textit{",
        "\\textbf{",
        "\\textsf{",
        "\\texttt{",
        "\\mbox{",
    ];
    if !(tex.contains("\\text") || tex.contains("\\mbox")) {
        return std::borrow::Cow::Borrowed(tex);
    }
    let mut out = String::with_capacity(tex.len());
    let mut rest = tex;
    while let Some(at) = TEXT_COMMANDS
        .iter()
        .filter_map(|c| rest.find(c).map(|i| i + c.len()))
        .min()
    {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let mut depth = 1usize;
        let mut chars = rest.char_indices().peekable();
        let mut end = rest.len();
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => match chars.peek() {
                    Some(&(_, e @ ('_' | '%' | '&' | '#' | '$'))) => {
                        out.push(e);
                        chars.next();
                    }
                    Some(&(_, e)) => {
                        out.push('\\');
                        out.push(e);
                        chars.next();
                    }
                    None => out.push('\\'),
                },
                '{' => {
                    depth += 1;
                    out.push(c);
                }
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = i;
                        break;
                    }
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// pulldown-latex's "parsing error: unbalanced group found…\n╭─► context:\n│\n│ \frac{a\n│
/// ^^^" as "unbalanced group found…, at `\frac{a`".
fn message(error: &str) -> String {
    let mut lines = error.lines();
    let what = lines
        .next()
        .unwrap_or("")
        .trim_start_matches("parsing error: ")
        .replace("unkown", "unknown");
    // The context line, when it starts where the formula does (a longer one is cut to a
    // window starting with `…`, which would name half a command).
    let context = lines
        .filter_map(|l| l.strip_prefix("│ "))
        .map(|l| l.trim().trim_end_matches('…'))
        .find(|l| !l.is_empty() && !l.starts_with('^'));
    match context {
        Some(at) => format!("{what}, at `{at}`"),
        None => what,
    }
}

/// The openings pulldown-cmark writes for a formula (`$…$`, `$$…$$`) and for a
/// ```` ```math ```` block, and whether each is a display formula.
const OPENINGS: [(&str, &str, bool); 3] = [
    ("<span class=\"math math-inline\">", "</span>", false),
    ("<span class=\"math math-display\">", "</span>", true),
    ("<pre><code class=\"language-math\">", "</code></pre>", true),
];

/// `html` with each formula that was drawn in place of its TeX. Formulas are matched by
/// their source and kind, in order, so a span that raw HTML wrote, or one whose TeX did
/// not parse (left as it is, its TeX shown), cannot shift which MathML goes where.
pub fn place<'h>(html: &'h str, formulas: &[Formula]) -> Cow<'h, str> {
    if formulas.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut used = vec![false; formulas.len()];
    // Formulas before this one are all placed: in the usual page, each span finds its
    // formula at once.
    let mut first_unused = 0;
    let mut out =
        String::with_capacity(html.len() + formulas.iter().map(|f| f.mathml.len()).sum::<usize>());
    // Where the next opening of each kind is (searched again only once passed), so the
    // page is scanned once per kind, not once per formula.
    let next = |kind: usize, from: usize| {
        memchr::memmem::find(&html.as_bytes()[from..], OPENINGS[kind].0.as_bytes())
            .map(|i| from + i)
    };
    let mut upcoming: Vec<Option<usize>> = (0..OPENINGS.len()).map(|k| next(k, 0)).collect();
    let mut at = 0;
    while let Some((kind, start)) = upcoming
        .iter()
        .enumerate()
        .filter_map(|(k, s)| s.map(|s| (k, s)))
        .min_by_key(|&(_, s)| s)
    {
        let (open, close, display) = OPENINGS[kind];
        let inner_start = start + open.len();
        let Some(len) = html[inner_start..].find(close) else {
            break;
        };
        let end = inner_start + len + close.len();
        let tex = crate::text::unescape_html(&html[inner_start..inner_start + len]);
        let found = (first_unused..formulas.len())
            .find(|&i| !used[i] && formulas[i].display == display && formulas[i].source == tex);
        out.push_str(&html[at..start]);
        match found {
            Some(i) => {
                used[i] = true;
                out.push_str(&formulas[i].mathml);
                while first_unused < used.len() && used[first_unused] {
                    first_unused += 1;
                }
            }
            None => out.push_str(&html[start..end]),
        }
        at = end;
        for (k, s) in upcoming.iter_mut().enumerate() {
            if s.is_some_and(|s| s < end) {
                *s = next(k, end);
            }
        }
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `\_` in a text group is an underscore, as TeX draws it; outside text it is left to
    /// the converter, and escaped braces stay braces.
    #[test]
    fn text_escapes_are_the_characters_they_stand_for() {
        assert_eq!(text_escapes("x_1"), "x_1");
        assert_eq!(
            text_escapes(r"\text{max\_size} + \mbox{50\%} \_ \text{a\{b\}}"),
            r"\text{max_size} + \mbox{50%} \_ \text{a\{b\}}"
        );
        let drawn = mathml(r"\text{REMAINING\_BUDGET}", false).unwrap();
        assert!(drawn.contains("REMAINING_BUDGET"), "{drawn}");
        assert!(!drawn.contains(r"\_"), "{drawn}");
    }

    #[test]
    fn formulas_become_mathml_inline_and_as_blocks() {
        let inline = draw(r"x^2 + \frac{a}{b}", false).unwrap();
        assert!(inline.starts_with("<math"), "{inline}");
        assert!(!inline.contains("display=\"block\""), "{inline}");
        assert!(inline.contains("<mfrac>"), "{inline}");
        assert!(inline.contains("<msup>"), "{inline}");
        let block = draw(r"\sum_{i=0}^{n} i", true).unwrap();
        assert!(block.starts_with("<math display=\"block\""), "{block}");
        assert!(block.contains("∑"), "{block}");
    }

    #[test]
    fn a_formula_that_does_not_parse_says_what_and_where() {
        let e = draw(r"\frac{a}{b", false).unwrap_err();
        assert!(e.starts_with("unbalanced group found"), "{e}");
        assert!(e.ends_with("at `\\frac{a}{b`"), "{e}");
        let e = draw(r"\nosuch{x} + 1", true).unwrap_err();
        assert!(e.contains("unknown primitive command"), "{e}");
        assert!(e.contains("at `\\nosuch{x}"), "{e}");
        // Far into a long formula, the parser's context is a window: not quoted.
        let e = draw(r"1 + 2 + 3 + \nosuchcommand{x}", true).unwrap_err();
        assert_eq!(e, "unknown primitive command found");
        assert!(!e.contains('│') && !e.contains('\n'), "{e}");
    }

    #[test]
    fn dollar_signs_in_prose_are_not_formulas() {
        let formula = |text: &str| {
            let start = text.find('$').unwrap();
            let end = text.rfind('$').unwrap() + 1;
            is_inline_formula(text, start..end)
        };
        assert!(formula("Euler: $e^{i\\pi} + 1 = 0$."));
        assert!(formula("($x$)"));
        assert!(!formula("from $5-$10 a seat"));
        assert!(!formula("US$5 or US$"));
        assert!(!formula("delete logs_$folder$ objects"));
        assert!(!formula("$Id$"));
        assert!(!formula("$Revision: 1.4 $"));
        assert!(formula("$Date_{x}$"));
    }

    #[test]
    fn search_sees_a_formulas_words_not_its_commands() {
        assert_eq!(
            searchable("\\text{budget} = (1 - \\text{SLO}) \\times 30\\%"),
            " budget 1 SLO 30 "
        );
        assert_eq!(searchable("\\frac{a_1}{\\sqrt{2}}"), " a 1 2 ");
    }

    #[test]
    fn formulas_nested_or_long_past_any_real_one_are_refused_at_once() {
        assert_eq!(nesting(r"\frac{a}{\sqrt{b}} \left( \{x\} \right)"), 2);
        // Refused before the parse, whose time grows with length times depth.
        let deep = format!("{}x{}", "\\sqrt{".repeat(2_000), "}".repeat(2_000));
        let e = draw(&deep, true).unwrap_err();
        assert!(e.contains("2000 levels deep"), "{e}");
        let left = format!("{}x{}", "\\left(".repeat(3_000), "\\right)".repeat(3_000));
        assert!(draw(&left, false).unwrap_err().contains("3000 levels"));
        let long = "x+".repeat(40_000);
        assert!(draw(&long, false).unwrap_err().contains("78 KiB long"));
        assert!(draw(&format!("{}x{}", "{".repeat(100), "}".repeat(100)), true).is_ok());
    }

    #[test]
    fn display_lines_break_at_double_backslashes_as_katex_does() {
        let m = draw(r"a = b \\ c = d", true).unwrap();
        assert!(m.contains("<mtable"), "{m}");
        assert_eq!(m.matches("<mtr").count(), 2, "{m}");
        // Inline, a line break is still an error.
        assert!(draw(r"a \\ b", false).is_err());
    }

    #[test]
    fn nothing_from_the_tex_becomes_markup_or_a_link() {
        for tex in [
            r"\text{<script>alert(1)</script>}",
            r#"\text{" onmouseover="alert(1)}"#,
            r#"\color{red" onmouseover="x}{a}"#,
            r"\href{javascript:alert(1)}{x}",
            r"\url{javascript:alert(1)}",
            r"\style{x}{y} \class{a}{b} \htmlId{x}{y} \htmlData{x}{y}",
            "a < b > c & d",
        ] {
            let Ok(m) = draw(tex, true) else { continue };
            // Text nodes may hold anything (their `<` and `&` escaped); the tags must be
            // MathML's own, without links, scripts or handlers.
            for tag in m.split('<').skip(1).map(|t| &t[..t.find('>').unwrap()]) {
                let lower = tag.to_lowercase();
                let name = lower
                    .trim_start_matches('/')
                    .split([' ', '/'])
                    .next()
                    .unwrap();
                assert!(
                    name.starts_with('m') || name == "semantics" || name == "annotation",
                    "{tex}: {m}"
                );
                for bad in ["script", "href", "javascript:", " on", "src="] {
                    assert!(!lower.contains(bad), "{tex}: {m}");
                }
            }
        }
        let m = draw(r"\text{a < b & c}", false).unwrap();
        assert!(m.contains("a &lt; b &amp; c"), "{m}");
    }

    #[test]
    fn place_matches_formulas_by_source_and_kind() {
        let drawn = |source: &str, display| Formula {
            source: source.to_string(),
            display,
            mathml: format!("<math>{source}/{display}</math>"),
        };
        let formulas = [drawn("a<b", false), drawn("x", true), drawn("y", true)];
        let html = "<p>Then <span class=\"math math-inline\">bad{</span> and \
                    <span class=\"math math-inline\">a&lt;b</span>.</p>\n\
                    <pre><code class=\"language-math\">x</code></pre>\n\
                    <p><span class=\"math math-display\">y</span></p>";
        let out = place(html, &formulas);
        assert_eq!(
            out,
            "<p>Then <span class=\"math math-inline\">bad{</span> and <math>a<b/false</math>.</p>\n\
             <math>x/true</math>\n<p><math>y/true</math></p>"
        );
        assert!(matches!(place(html, &[]), Cow::Borrowed(_)));
    }
}
