//! MyST's substitutions: a Sphinx site writes `{{ rtd }}` in its pages and defines it once,
//! `myst_substitutions = {"rtd": "[Read the Docs](https://readthedocs.org/)"}` in its
//! `conf.py`; Jupyter Book 1 under `parse: myst_substitutions:` in its `_config.yml`; a
//! page may add its own in front matter (`substitutions:`, or `myst: substitutions:`,
//! read with the page's other keys). This module reads the site's, from those two files
//! in `content/` or beside it, once at load; the Markdown stage writes a value (itself
//! Markdown) where its key is, and `{{ key }}` of a key nobody defines stays a
//! `template-leftover` warning.
//!
//! `conf.py` is Python, which orgbook does not run: only a dict literal of string keys and
//! string values assigned to `myst_substitutions` at the top level is read, with
//! `load::conf_py`'s scanner. An entry whose value is anything else (a name, a call, an
//! f-string) is left out, and its key stays a leftover where pages use it.

use super::conf_py::Scanner;
use std::collections::BTreeMap;
use std::path::Path;

/// The largest settings file read.
const MAX_BYTES: u64 = 1 << 22;

/// The site's substitutions, by key: `conf.py`'s, then `_config.yml`'s over them (a
/// Jupyter Book 1 generates its `conf.py` from its `_config.yml`). Empty when neither file
/// defines any.
pub fn read(root: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(text) = super::conf_py::read(root) {
        out.extend(from_conf_py(&text));
    }
    if let Some((_, path)) =
        super::find_beside_or_in_content(root, &[super::myst_nav::JB_CONFIG], MAX_BYTES)
        && let Ok(text) = std::fs::read_to_string(path)
        && let Ok(value) = yaml_serde::from_str::<yaml_serde::Value>(&text)
        && let Some(yaml_serde::Value::Mapping(map)) =
            value.get("parse").and_then(|p| p.get("myst_substitutions"))
    {
        for (key, value) in map {
            if let (Some(key), Some(value)) = (key.as_str(), scalar_text(value)) {
                out.insert(key.trim().to_string(), value);
            }
        }
    }
    out.retain(|key, _| is_key(key));
    out
}

/// A YAML value written as text: a string, or a number or boolean as written.
fn scalar_text(value: &yaml_serde::Value) -> Option<String> {
    match value {
        yaml_serde::Value::String(s) => Some(s.clone()),
        yaml_serde::Value::Number(n) => Some(n.to_string()),
        yaml_serde::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Whether `key` can be written as `{{ key }}`: a Jinja name (letters, digits, `_`).
pub fn is_key(key: &str) -> bool {
    !key.is_empty()
        && !key.starts_with(|c: char| c.is_ascii_digit())
        && key.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// The key of `{{ key }}` (spaces inside the braces optional), if the construct is one.
pub fn key_of(construct: &str) -> Option<&str> {
    let inner = construct.strip_prefix("{{")?.strip_suffix("}}")?.trim();
    is_key(inner).then_some(inner)
}

/// The value of `key`: the page's own (`page`, the later of two) first, then the site's.
pub fn value_of<'v>(
    key: &str,
    page: &'v [(String, String)],
    site: &'v BTreeMap<String, String>,
) -> Option<&'v str> {
    page.iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .or_else(|| site.get(key).map(String::as_str))
}

/// A title `text` with each `{{ key }}` that `page` or `site` defines replaced by its
/// value's words (a title shows no Markdown: `**0.16**` is `0.16`); `None` when it holds
/// none.
pub fn in_title(
    text: &str,
    page: &[(String, String)],
    site: &BTreeMap<String, String>,
) -> Option<String> {
    let mut out = String::new();
    let mut written = 0;
    for (range, key) in keys_in(text) {
        let Some(value) = value_of(key, page, site) else {
            continue;
        };
        out.push_str(&text[written..range.start]);
        for event in pulldown_cmark::Parser::new(value) {
            match event {
                pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => out.push_str(&t),
                pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => {
                    out.push(' ')
                }
                _ => {}
            }
        }
        written = range.end;
    }
    if written == 0 {
        return None;
    }
    out.push_str(&text[written..]);
    Some(out)
}

/// The longest `{{ key }}` looked at, in bytes: a name, never long.
const MAX_KEY: usize = 200;

/// Each `{{ key }}` of `text` whose key is a name ([`key_of`]), with its byte range, in
/// order. Linear in the text: the `}}` after a run of `{{` is found once for all of them,
/// and a candidate longer than [`MAX_KEY`] is not read.
pub fn keys_in(text: &str) -> impl Iterator<Item = (std::ops::Range<usize>, &str)> {
    let mut at = 0;
    let mut close: Option<usize> = None;
    std::iter::from_fn(move || {
        loop {
            let open = at + text[at..].find("{{")?;
            let c = match close {
                Some(c) if c >= open + 2 => c,
                _ => {
                    let c = open + 2 + text[open + 2..].find("}}")?;
                    close = Some(c);
                    c
                }
            };
            let end = c + 2;
            if end - open <= MAX_KEY
                && let Some(key) = key_of(&text[open..end])
            {
                at = end;
                return Some((open..end, key));
            }
            at = open + 2;
        }
    })
}

/// The string entries of the dict literal `conf.py` assigns to `myst_substitutions` at the
/// top level (the last assignment wins, as in Python).
fn from_conf_py(text: &str) -> Vec<(String, String)> {
    super::conf_py::last_assignment(text, "myst_substitutions")
        .and_then(|rest| rest.strip_prefix('{'))
        .map(dict_entries)
        .unwrap_or_default()
}

/// The entries of a dict literal's body (after its `{`) whose key and value are both
/// string literals, up to its closing `}`.
fn dict_entries(body: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut s = Scanner { text: body, at: 0 };
    loop {
        s.skip_space();
        if s.eat('}') || s.at >= s.text.len() {
            return out;
        }
        let key = s.strings();
        s.skip_space();
        let colon = s.eat(':');
        s.skip_space();
        let value = s.strings();
        s.skip_space();
        let end = s.peek();
        if let (Some(key), true, Some(value), Some(',' | '}')) = (key, colon, value, end) {
            out.push((key, value));
        } else if !s.skip_to_entry_end() {
            return out;
        }
        s.eat(',');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conf_py_dict_literals_are_read_and_the_rest_left_out() {
        let conf = r#"
import os
myst_enable_extensions = ["colon_fence", "substitution"]
# myst_substitutions = {"old": "x"}
myst_substitutions = {
    "rtd": "[Read the Docs](https://readthedocs.org/)",  # the service
    'version': os.environ.get("VERSION", "dev"),
    "joined": "one " 'two',
    "multi": """A **bold**
claim""",
    "path": r"C:\docs",
    "nested": {"a": ("b", "}")},
    "after": 'still read',
}
html_theme = "furo"
"#;
        let got = from_conf_py(conf);
        assert_eq!(
            got,
            [
                (
                    "rtd".to_string(),
                    "[Read the Docs](https://readthedocs.org/)".to_string()
                ),
                ("joined".to_string(), "one two".to_string()),
                ("multi".to_string(), "A **bold**\nclaim".to_string()),
                ("path".to_string(), "C:\\docs".to_string()),
                ("after".to_string(), "still read".to_string()),
            ]
        );
        // Not an assignment at the top level, or not a dict: nothing.
        assert!(from_conf_py("if x:\n    myst_substitutions = {'a': 'b'}\n").is_empty());
        assert!(from_conf_py("myst_substitutions == {'a': 'b'}\n").is_empty());
        assert!(from_conf_py("myst_substitutions = dict(a='b')\n").is_empty());
        // Cut short anywhere: what was read so far, and no panic.
        for end in 0..conf.len() {
            if conf.is_char_boundary(end) {
                let _ = from_conf_py(&conf[..end]);
            }
        }
    }

    #[test]
    fn titles_show_the_values_words() {
        let site: BTreeMap<String, String> = [(
            "rtd".to_string(),
            "[Read the Docs](https://readthedocs.org/)".to_string(),
        )]
        .into();
        let page = [("version".to_string(), "**0.16**".to_string())];
        assert_eq!(
            in_title("Release {{version}} on {{ rtd }}", &page, &site).as_deref(),
            Some("Release 0.16 on Read the Docs")
        );
        assert_eq!(in_title("Release {{ other }}", &page, &site), None);
        assert_eq!(in_title("{{ broken", &page, &site), None);
    }

    #[test]
    fn keys_are_found_in_one_pass() {
        let found: Vec<_> = keys_in("a {{ b }} {{ not a key }} {{c}} {{ d").collect();
        assert_eq!(found, [(2..9, "b"), (26..31, "c")]);
        // Many openings before one far closing: each is looked at once.
        let text = format!("{}{{{{ e }}}}", "{{ x ".repeat(100_000));
        let found: Vec<_> = keys_in(&text).collect();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "e");
    }

    #[test]
    fn keys_are_jinja_names() {
        assert_eq!(key_of("{{ rtd }}"), Some("rtd"));
        assert_eq!(key_of("{{version_2}}"), Some("version_2"));
        assert_eq!(key_of("{{ env.docname }}"), None);
        assert_eq!(key_of("{{ rtd | upper }}"), None);
        assert_eq!(key_of("{{ 2 }}"), None);
        assert_eq!(key_of("{{< ref x >}}"), None);
    }
}
