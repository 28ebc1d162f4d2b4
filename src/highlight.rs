//! Build-time syntax highlighting of fenced code blocks: ```` ```rust ```` becomes spans
//! with one `hl-*` class each (`hl-keyword`, `hl-string`, …, the list is [`CLASSES`]),
//! coloured by the theme's stylesheet, so light and dark mode both work and pages need no
//! JavaScript. Blocks without a language, or in a language not in [`Lang`], stay plain.
//!
//! tree-sitter (`tree-sitter-highlight` and one grammar crate per language, most of them
//! kept by the tree-sitter organisation) parses each block and the grammars' highlight
//! queries name the tokens. It replaced syntect, whose regex-driven grammars cost about ten
//! times as much per block and were a third of a 10,000-page build's CPU
//! (docs/performance.md, "Highlighting with tree-sitter"). Each language's query is
//! compiled once, on its first block (a handbook without code never pays), and each thread
//! keeps one parser and one output buffer.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use tree_sitter_highlight::{Highlight, HighlightConfiguration, Highlighter, HtmlRenderer};

/// The capture names of the grammars' queries that get a class, and the class. A capture
/// is matched to the longest entry whose dot-separated parts it all has (`function.method`
/// → `function`); captures matching none (punctuation, operators, variables) stay plain,
/// which keeps the output small. The theme colours exactly these classes.
pub const CLASSES: &[(&str, &str)] = &[
    ("comment", "hl-comment"),
    ("keyword", "hl-keyword"),
    ("string", "hl-string"),
    ("escape", "hl-string"),
    ("character", "hl-string"),
    ("number", "hl-constant"),
    ("float", "hl-constant"),
    ("boolean", "hl-constant"),
    ("constant", "hl-constant"),
    ("function", "hl-function"),
    ("constructor", "hl-type"),
    ("type", "hl-type"),
    ("tag", "hl-tag"),
    ("property", "hl-property"),
    ("attribute", "hl-property"),
];

/// The languages highlighted: the ones handbooks show most (configuration, shells, SQL,
/// the common programming languages). Each is a grammar crate compiled from C at build
/// time, so the list is kept to what pays for itself (docs/design.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Bash,
    C,
    Css,
    Diff,
    Go,
    Hcl,
    Html,
    Java,
    JavaScript,
    Json,
    Python,
    Rust,
    Sql,
    Toml,
    Tsx,
    TypeScript,
    Yaml,
}

impl Lang {
    pub const ALL: [Lang; 17] = [
        Lang::Bash,
        Lang::C,
        Lang::Css,
        Lang::Diff,
        Lang::Go,
        Lang::Hcl,
        Lang::Html,
        Lang::Java,
        Lang::JavaScript,
        Lang::Json,
        Lang::Python,
        Lang::Rust,
        Lang::Sql,
        Lang::Toml,
        Lang::Tsx,
        Lang::TypeScript,
        Lang::Yaml,
    ];

    /// The language a fence's first word names (case-insensitive), also used for the
    /// languages the queries inject (`<script>` in HTML is `javascript`).
    pub fn from_token(token: &str) -> Option<Lang> {
        let token = token.to_ascii_lowercase();
        Some(match token.as_str() {
            "bash" | "sh" | "shell" | "zsh" | "ksh" => Lang::Bash,
            "c" | "h" => Lang::C,
            "css" => Lang::Css,
            "diff" | "patch" => Lang::Diff,
            "go" | "golang" => Lang::Go,
            "hcl" | "terraform" | "tf" | "tfvars" => Lang::Hcl,
            "html" | "htm" | "xhtml" => Lang::Html,
            "java" => Lang::Java,
            "javascript" | "js" | "jsx" | "mjs" | "cjs" | "node" => Lang::JavaScript,
            "json" | "jsonc" | "json5" | "geojson" => Lang::Json,
            "python" | "py" | "python3" => Lang::Python,
            "rust" | "rs" => Lang::Rust,
            "sql" | "mysql" | "postgresql" | "postgres" | "psql" | "pgsql" | "sqlite" => Lang::Sql,
            "toml" => Lang::Toml,
            "tsx" => Lang::Tsx,
            "typescript" | "ts" | "mts" | "cts" => Lang::TypeScript,
            "yaml" | "yml" => Lang::Yaml,
            _ => return None,
        })
    }

    /// The grammar and its queries. TypeScript's queries extend JavaScript's, as the
    /// grammar's own `tree-sitter.json` combines them; TOML and HCL use queries of ours.
    fn build(self) -> Result<HighlightConfiguration, tree_sitter::QueryError> {
        use tree_sitter_javascript as js;
        use tree_sitter_typescript as ts;
        let (language, highlights, injections): (tree_sitter::Language, Cow<str>, &str) = match self
        {
            Lang::Bash => (
                tree_sitter_bash::LANGUAGE.into(),
                tree_sitter_bash::HIGHLIGHT_QUERY.into(),
                "",
            ),
            Lang::C => (
                tree_sitter_c::LANGUAGE.into(),
                tree_sitter_c::HIGHLIGHT_QUERY.into(),
                "",
            ),
            Lang::Css => (
                tree_sitter_css::LANGUAGE.into(),
                tree_sitter_css::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::Diff => (
                tree_sitter_diff::LANGUAGE.into(),
                tree_sitter_diff::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::Go => (
                tree_sitter_go::LANGUAGE.into(),
                tree_sitter_go::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::Hcl => (
                tree_sitter_hcl::LANGUAGE.into(),
                include_str!("highlight/hcl.scm").into(),
                "",
            ),
            Lang::Html => (
                tree_sitter_html::LANGUAGE.into(),
                tree_sitter_html::HIGHLIGHTS_QUERY.into(),
                tree_sitter_html::INJECTIONS_QUERY,
            ),
            Lang::Java => (
                tree_sitter_java::LANGUAGE.into(),
                tree_sitter_java::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::JavaScript => (
                js::LANGUAGE.into(),
                format!("{}\n{}", js::HIGHLIGHT_QUERY, js::JSX_HIGHLIGHT_QUERY).into(),
                js::INJECTIONS_QUERY,
            ),
            Lang::Json => (
                tree_sitter_json::LANGUAGE.into(),
                tree_sitter_json::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::Python => (
                tree_sitter_python::LANGUAGE.into(),
                tree_sitter_python::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::Rust => (
                tree_sitter_rust::LANGUAGE.into(),
                tree_sitter_rust::HIGHLIGHTS_QUERY.into(),
                tree_sitter_rust::INJECTIONS_QUERY,
            ),
            Lang::Sql => (
                tree_sitter_sequel::LANGUAGE.into(),
                tree_sitter_sequel::HIGHLIGHTS_QUERY.into(),
                "",
            ),
            Lang::Toml => (
                tree_sitter_toml_ng::LANGUAGE.into(),
                include_str!("highlight/toml.scm").into(),
                "",
            ),
            Lang::Tsx => (
                ts::LANGUAGE_TSX.into(),
                format!(
                    "{}\n{}\n{}",
                    js::HIGHLIGHT_QUERY,
                    js::JSX_HIGHLIGHT_QUERY,
                    ts::HIGHLIGHTS_QUERY
                )
                .into(),
                "",
            ),
            Lang::TypeScript => (
                ts::LANGUAGE_TYPESCRIPT.into(),
                format!("{}\n{}", js::HIGHLIGHT_QUERY, ts::HIGHLIGHTS_QUERY).into(),
                "",
            ),
            Lang::Yaml => (
                tree_sitter_yaml::LANGUAGE.into(),
                tree_sitter_yaml::HIGHLIGHTS_QUERY.into(),
                "",
            ),
        };
        let name = format!("{self:?}").to_ascii_lowercase();
        let mut config = HighlightConfiguration::new(language, name, &highlights, injections, "")?;
        let names: Vec<&str> = CLASSES.iter().map(|(name, _)| *name).collect();
        config.configure(&names);
        Ok(config)
    }

    /// The compiled configuration, built on first use; `None` if its query does not
    /// compile against the grammar (a version mismatch: `every_language_compiles` fails).
    fn config(self) -> Option<&'static HighlightConfiguration> {
        static CONFIGS: [OnceLock<Option<HighlightConfiguration>>; Lang::ALL.len()] =
            [const { OnceLock::new() }; Lang::ALL.len()];
        CONFIGS[self as usize]
            .get_or_init(|| self.build().ok())
            .as_ref()
    }
}

thread_local! {
    /// A parser with its query cursors, and an output buffer, reused by every block the
    /// thread highlights (making them per block was a measurable part of the cost).
    static STATE: RefCell<(Highlighter, HtmlRenderer)> =
        RefCell::new((Highlighter::new(), HtmlRenderer::new()));
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

/// Blocks already highlighted, by language and code: `orgbook serve` builds every page's
/// context again after an edit (to see which pages changed, `render::deps`), and without
/// this memo highlighting would be a large part of that cost. Off unless
/// [`remember_highlights`] turned it on: `build` highlights each block once and keeps no copy.
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

/// The block's HTML: its text escaped (by the renderer: `& < > " '`) inside `<span
/// class="hl-…">` elements, or `None` for a language we do not highlight.
fn highlight_now(lang: &str, code: &str) -> Option<String> {
    install_allocator();
    let config = Lang::from_token(lang)?.config()?;
    let class = |h: Highlight, out: &mut Vec<u8>| {
        out.extend_from_slice(b"class=\"");
        out.extend_from_slice(CLASSES[h.0].1.as_bytes());
        out.push(b'"');
    };
    STATE.with_borrow_mut(|(highlighter, html)| {
        let events = highlighter
            .highlight(config, code.as_bytes(), None, None, |name| {
                Lang::from_token(name).and_then(Lang::config)
            })
            .ok()?;
        html.reset();
        html.render(events, code.as_bytes(), &class).ok()?;
        let mut out = String::from_utf8_lossy(&html.html).into_owned();
        // The renderer ends the last line; keep the block's text as it was.
        if !code.ends_with('\n') && out.ends_with('\n') {
            out.pop();
        }
        Some(out)
    })
}

/// tree-sitter's `calloc` as `malloc` followed by writing zeros. A query's compilation
/// callocs a map of several MB per language and reads it before writing it: from the C
/// library's `calloc` those pages are fresh, so each read maps the shared zero page and
/// the first write after it copies it and makes the kernel flush the other cores' TLBs —
/// two thirds of the compilation's time in the profiles (docs/performance.md). Written
/// first, each page takes one fault and no flush.
fn install_allocator() {
    unsafe extern "C" {
        fn malloc(size: usize) -> *mut std::ffi::c_void;
        fn realloc(ptr: *mut std::ffi::c_void, size: usize) -> *mut std::ffi::c_void;
        fn free(ptr: *mut std::ffi::c_void);
    }
    unsafe extern "C" fn zeroed(count: usize, size: usize) -> *mut std::ffi::c_void {
        let Some(bytes) = count.checked_mul(size) else {
            return std::ptr::null_mut();
        };
        // SAFETY: malloc's block is `bytes` long when it is not null.
        unsafe {
            let ptr = malloc(bytes.max(1));
            if !ptr.is_null() {
                std::ptr::write_bytes(ptr.cast::<u8>(), 0, bytes);
            }
            ptr
        }
    }
    static ONCE: std::sync::Once = std::sync::Once::new();
    // SAFETY: the C library's own malloc, realloc and free, with a calloc made of its
    // malloc; installed once, before the first tree-sitter call (every call goes through
    // `highlight_now`), and never changed.
    ONCE.call_once(|| unsafe {
        tree_sitter::set_allocator(Some(tree_sitter::Allocator {
            malloc,
            calloc: zeroed,
            realloc,
            free,
        }));
    });
}

/// Highlights every fenced code block of rendered HTML whose language is known.
pub fn code_blocks(html: &str) -> Cow<'_, str> {
    // memmem, not `str::find`: the two-way search of every page was ~1 % of a build.
    static OPEN_AT: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    static CLOSE_AT: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let open_at = OPEN_AT.get_or_init(|| memchr::memmem::Finder::new(OPEN));
    let close_at = CLOSE_AT.get_or_init(|| memchr::memmem::Finder::new(CLOSE));
    if open_at.find(html.as_bytes()).is_none() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    while let Some(start) = open_at.find(rest.as_bytes()) {
        let after_open = &rest[start + OPEN.len()..];
        let Some(quote) = after_open.find("\">") else {
            break;
        };
        let info = &after_open[..quote];
        let body = &after_open[quote + 2..];
        let Some(end) = close_at.find(body.as_bytes()) else {
            break;
        };
        let lang = language(info);
        // pulldown-cmark escaped the code; the highlighter escapes it again.
        match highlight(lang, &crate::text::unescape_html(&body[..end])) {
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

    /// The text of every `<span class="CLASS">` of `html` (spans are not nested here).
    fn spans<'a>(html: &'a str, class: &str) -> Vec<&'a str> {
        let open = format!("<span class=\"{class}\">");
        html.match_indices(&open)
            .map(|(at, _)| {
                let rest = &html[at + open.len()..];
                &rest[..rest.find("</span>").unwrap()]
            })
            .collect()
    }

    #[test]
    fn every_language_compiles_and_highlights() {
        // A query that no longer matches its grammar (after a version bump) would leave
        // that language plain without a word; this names it.
        for lang in Lang::ALL {
            assert!(lang.build().is_ok(), "{lang:?}: {:?}", lang.build().err());
        }
        let samples = [
            (
                "bash",
                "git push -u origin HEAD # ship\n",
                "hl-comment",
                "# ship",
            ),
            ("c", "int main(void) { return 0; }\n", "hl-type", "int"),
            ("css", "a { color: red; }\n", "hl-property", "color"),
            ("diff", "-old\n+new\n", "hl-string", "+new"),
            ("go", "func main() {}\n", "hl-keyword", "func"),
            (
                "terraform",
                "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n",
                "hl-property",
                "bucket",
            ),
            ("html", "<p class=\"x\">hi</p>\n", "hl-tag", "p"),
            ("java", "class A { void f() {} }\n", "hl-keyword", "class"),
            ("js", "const x = \"s\";\n", "hl-string", "&quot;s&quot;"),
            ("json", "{\"a\": 1}\n", "hl-constant", "1"),
            ("python", "def f():\n    return None\n", "hl-keyword", "def"),
            ("rust", "fn main() {}\n", "hl-function", "main"),
            ("sql", "SELECT id FROM t;\n", "hl-keyword", "SELECT"),
            (
                "toml",
                "[service]\nname = \"alpha\"\n",
                "hl-property",
                "name",
            ),
            ("tsx", "const a = <div/>;\n", "hl-keyword", "const"),
            ("ts", "let n: number = 1;\n", "hl-type", "number"),
            ("yaml", "alert: high\n", "hl-property", "alert"),
        ];
        for (lang, code, class, text) in samples {
            let out = highlight_now(lang, code).unwrap_or_else(|| panic!("{lang}: plain"));
            assert!(
                spans(&out, class).contains(&text),
                "{lang}: no {class} {text:?} in {out}"
            );
        }
    }

    #[test]
    fn toml_keys_are_keys_and_values_are_values() {
        // The grammar crate's own query colours a whole `key = value` pair as the key.
        let out = highlight_now(
            "toml",
            "[service]\nname = \"alpha\"\nreplicas = 3\n[a.b]\nc.d = true\n",
        )
        .unwrap();
        assert_eq!(spans(&out, "hl-type"), ["service", "a", "b"], "{out}");
        assert_eq!(
            spans(&out, "hl-property"),
            ["name", "replicas", "c", "d"],
            "{out}"
        );
        assert_eq!(spans(&out, "hl-string"), ["&quot;alpha&quot;"], "{out}");
        assert_eq!(spans(&out, "hl-constant"), ["3", "true"], "{out}");
    }

    #[test]
    fn injected_languages_are_highlighted_inside_html() {
        let out = highlight_now("html", "<script>let x = 1;</script>\n").unwrap();
        assert!(spans(&out, "hl-keyword").contains(&"let"), "{out}");
    }

    #[test]
    fn text_is_escaped_once_and_kept_whole() {
        let code = "echo \"<b>&amp;</b>\" 'x' # a < b\n";
        let out = highlight_now("bash", code).unwrap();
        assert!(out.contains("&lt;b&gt;&amp;amp;&lt;/b&gt;"), "{out}");
        assert!(!out.contains("<b>"), "{out}");
        // Dropping the tags and undoing the escaping gives the code back.
        let mut text = String::new();
        let mut in_tag = false;
        for c in out.chars() {
            match c {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        assert_eq!(crate::text::unescape_html(&text), code);
        // A block without a final newline keeps its text as it was.
        assert_eq!(
            highlight_now("json", "1").unwrap(),
            "<span class=\"hl-constant\">1</span>"
        );
        assert_eq!(highlight_now("json", "").unwrap(), "");
    }

    #[test]
    fn languages_are_matched_case_insensitively_and_unknown_ones_refused() {
        assert_eq!(Lang::from_token("YAML"), Some(Lang::Yaml));
        assert_eq!(Lang::from_token("Terraform"), Some(Lang::Hcl));
        for lang in ["", "text", "mermaid", "console", "nosuchlang"] {
            assert_eq!(highlight_now(lang, "a < b\n"), None, "{lang}");
        }
    }

    #[test]
    fn output_is_the_same_every_time_and_on_every_thread() {
        let code = "fn f(x: u32) -> u32 { x + 1 } // one\n";
        let here = highlight_now("rust", code);
        let there = std::thread::spawn(move || highlight_now("rust", code))
            .join()
            .unwrap();
        assert_eq!(here, there);
        assert_eq!(here, highlight_now("rust", code));
        // Broken code is still highlighted as far as it parses, never refused.
        assert!(highlight_now("rust", "fn (((\n").is_some());
    }

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
