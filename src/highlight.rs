//! Build-time syntax highlighting of fenced code blocks: ```` ```rust ```` becomes spans
//! with `hl-*` classes (one per scope atom, e.g. `hl-keyword hl-control`), coloured by the
//! theme's stylesheet, so light and dark mode both work and pages need no JavaScript.
//! Blocks without a language, or in a language syntect does not know, stay plain.
//!
//! syntect (Sublime Text grammars, the highlighter of Zola and mdBook's build tools) is
//! used with its pure-Rust regex engine; its syntax set takes tens of milliseconds to load,
//! so it is loaded once, on the first block that has a known language (a handbook without
//! code never pays). The cost at 10,000 pages is in docs/performance.md.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();

fn syntaxes() -> &'static SyntaxSet {
    SYNTAXES.get_or_init(SyntaxSet::load_defaults_newlines)
}

const OPEN: &str = "<pre><code class=\"language-";
const CLOSE: &str = "</code></pre>";

/// The first word of an info string (`rust,ignore` → `rust`).
fn language(info: &str) -> &str {
    let end = info
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '#' | '-' | '.')))
        .unwrap_or(info.len());
    &info[..end]
}

/// Undoes the escaping pulldown-cmark applied to code text (the highlighter escapes again).
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// Blocks already highlighted, by language and code: `orgbook serve` builds every page's
/// context again after an edit (to see which pages changed, `render::deps`), and without
/// this memo highlighting would be most of that cost. Off unless [`remember_highlights`]
/// turned it on: `build` highlights each block once and keeps no copy.
type Memo = Mutex<HashMap<String, Option<Arc<str>>>>;
static MEMO: OnceLock<Memo> = OnceLock::new();
/// Past this many blocks the memo starts afresh, so a long session does not grow forever.
const MEMO_MAX: usize = 50_000;

/// Keeps every highlighted block for the rest of the process (see [`MEMO`]).
pub fn remember_highlights() {
    MEMO.get_or_init(Memo::default);
}

fn highlight(lang: &str, code: &str) -> Option<String> {
    let Some(memo) = MEMO.get() else {
        return highlight_now(lang, code);
    };
    let key = format!("{lang}\n{code}");
    let lock = || memo.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(hit) = lock().get(&key) {
        return hit.as_deref().map(str::to_string);
    }
    let out = highlight_now(lang, code);
    let mut memo = lock();
    if memo.len() >= MEMO_MAX {
        memo.clear();
    }
    memo.insert(key, out.as_deref().map(Arc::from));
    out
}

fn highlight_now(lang: &str, code: &str) -> Option<String> {
    // Cheap refusal before loading anything for blocks with no usable language.
    if lang.is_empty() || matches!(lang, "text" | "txt" | "plain" | "plaintext" | "mermaid") {
        return None;
    }
    let ss = syntaxes();
    let syntax = ss.find_syntax_by_token(lang)?;
    let mut generator = ClassedHTMLGenerator::new_with_class_style(
        syntax,
        ss,
        ClassStyle::SpacedPrefixed { prefix: "hl-" },
    );
    for line in LinesWithEndings::from(code) {
        generator
            .parse_html_for_line_which_includes_newline(line)
            .ok()?;
    }
    Some(generator.finalize())
}

/// Highlights every fenced code block of rendered HTML whose language is known.
pub fn code_blocks(html: &str) -> Cow<'_, str> {
    if !html.contains(OPEN) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while let Some(start) = rest.find(OPEN) {
        let after_open = &rest[start + OPEN.len()..];
        let Some(quote) = after_open.find("\">") else {
            break;
        };
        let info = &after_open[..quote];
        let body = &after_open[quote + 2..];
        let Some(end) = body.find(CLOSE) else {
            break;
        };
        let lang = language(info);
        match highlight(lang, &unescape(&body[..end])) {
            Some(spans) => {
                out.push_str(&rest[..start]);
                out.push_str(&format!(
                    "<pre class=\"hl\"><code class=\"language-{info}\">"
                ));
                out.push_str(&spans);
                out.push_str(CLOSE);
            }
            None => out.push_str(&rest[..start + OPEN.len() + quote + 2 + end + CLOSE.len()]),
        }
        rest = &body[end + CLOSE.len()..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_what_highlighting_gives() {
        let code = "fn memo_test() -> u32 { 41 + 1 }\n";
        let fresh = highlight_now("rust", code);
        remember_highlights();
        assert_eq!(highlight("rust", code), fresh, "first time, highlighted");
        assert_eq!(highlight("rust", code), fresh, "second time, remembered");
        assert!(
            MEMO.get()
                .unwrap()
                .lock()
                .unwrap()
                .contains_key(&format!("rust\n{code}"))
        );
        assert_eq!(highlight("nosuchlang", code), None);
    }

    #[test]
    fn known_languages_get_classes_unknown_stay_plain() {
        let html = "<p>x</p><pre><code class=\"language-rust\">fn main() { let s = &quot;&lt;b&gt;&quot;; }\n</code></pre><pre><code class=\"language-nosuchlang\">a &lt; b\n</code></pre>";
        let out = code_blocks(html);
        assert!(
            out.contains("<pre class=\"hl\"><code class=\"language-rust\">"),
            "{out}"
        );
        assert!(out.contains("hl-keyword"), "{out}");
        // Content stays escaped once.
        assert!(out.contains("&lt;b&gt;") && !out.contains("<b>"), "{out}");
        assert!(out.contains("<pre><code class=\"language-nosuchlang\">a &lt; b\n</code></pre>"));
        assert_eq!(code_blocks("<p>no code</p>"), "<p>no code</p>");
    }
}
