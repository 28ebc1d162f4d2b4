//! Sphinx's settings file, `conf.py`, read without running it. A Sphinx or MyST site moved
//! into `content/` keeps there (or beside it) the settings its pages depend on: the MyST
//! substitutions (`load::myst_substitutions`), the roles `sphinx.ext.extlinks` defines
//! ([`extlinks`]), the URL schemes MyST links may use ([`url_schemes`]) and the settings
//! of the sphinx-issues roles ([`issue_roles`]). `conf.py` is Python, which orgbook does
//! not run: only literal values assigned at the top level are read, by the small scanner
//! below (a Python parser crate would be far larger than these uses need): strings, and
//! strings joined with `+` to the names of strings assigned above (`_repo + "issues/%s"`),
//! or f-strings of such names (`f"{_repo}issues/%s"`). Anything else (a call, an f-string
//! of anything more, a value computed at run time) is left out, and what depends on it
//! stays a reported leftover where pages use it (an `extlinks` entry so left out is
//! remembered by its line, for the warning to name it).

use crate::dialects::myst::{ExtLink, UrlScheme, python_format};
use crate::dialects::sphinx_issues::{IssueRoles, SETTINGS};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Sphinx's settings file.
pub const CONF_PY: &str = "conf.py";

/// The largest settings file read.
const MAX_BYTES: u64 = 1 << 22;

/// The text of the handbook's `conf.py` (beside `content/`, or in it), if it has one.
pub(super) fn read(root: &Path) -> Option<String> {
    let (_, path) = super::find_beside_or_in_content(root, &[CONF_PY], MAX_BYTES)?;
    std::fs::read_to_string(path).ok()
}

/// What follows `name =` in the last assignment to `name` at the top level of `text` (a
/// line that starts with the name), spaces skipped; `None` when there is none.
pub(super) fn last_assignment<'t>(text: &'t str, name: &str) -> Option<&'t str> {
    let mut found = None;
    let mut at = 0;
    while let Some(i) = text[at..].find(name) {
        let start = at + i;
        at = start + name.len();
        // At the start of a line: one byte looked at, however many times the line says it.
        if start > 0 && text.as_bytes()[start - 1] != b'\n' {
            continue;
        }
        let rest = text[at..].trim_start_matches([' ', '\t']);
        let Some(rest) = rest.strip_prefix('=').filter(|r| !r.starts_with('=')) else {
            continue;
        };
        found = Some(rest.trim_start_matches([' ', '\t']));
    }
    found
}

/// The strings assigned to names at the top level (`_repo = "https://…/"`), in the order
/// written, each able to use the ones above it; the last assignment of a name wins.
fn string_names(text: &str) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for line in text.lines() {
        let name_len = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(line.len());
        let name = &line[..name_len];
        if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let rest = line[name_len..].trim_start_matches([' ', '\t']);
        let Some(rest) = rest.strip_prefix('=').filter(|r| !r.starts_with('=')) else {
            continue;
        };
        let rest = rest.trim_start_matches([' ', '\t']);
        let mut s = Scanner { text: rest, at: 0 };
        if let Some(value) = s.string_expr(&names) {
            s.skip_space();
            if s.at == rest.len() {
                names.insert(name.to_string(), value);
            }
        }
    }
    names
}

/// The roles `conf.py` defines for `sphinx.ext.extlinks`: the dict literal assigned to
/// `extlinks` at the top level, each entry a role's name and a pair (a tuple or a list) of
/// the URL pattern and the caption pattern (or `None`). Entries written otherwise are left
/// out.
pub fn extlinks(text: &str) -> BTreeMap<String, ExtLink> {
    extlinks_dict(text).read
}

/// [`extlinks`], with the line of each entry whose value is not read (an f-string, a
/// call: a URL computed when Sphinx runs).
fn extlinks_dict(text: &str) -> Dict<ExtLink> {
    let names = string_names(text);
    top_level_dict(text, "extlinks", |s| {
        let (url, caption) = s.pair(&names)?;
        Some(ExtLink { url, caption })
    })
}

/// The URL schemes `conf.py` gives MyST links (`myst_url_schemes`): each scheme's URL
/// template, a string or the `url` of a dict (with its `title`). A scheme mapped to `None`
/// (`"https": None`, a scheme kept as it is), the list form of older MyST versions and
/// entries written otherwise are left out.
pub fn url_schemes(text: &str) -> BTreeMap<String, UrlScheme> {
    url_schemes_dict(text).read
}

/// [`url_schemes`], with the line of each scheme not read (`None`, a value computed).
fn url_schemes_dict(text: &str) -> Dict<UrlScheme> {
    let names = string_names(text);
    top_level_dict(text, "myst_url_schemes", |s| {
        if let Some(url) = s.string_expr(&names) {
            return Some(UrlScheme { url, title: None });
        }
        if !s.eat('{') {
            return None;
        }
        let (fields, _) = s.dict_body(|s| s.string_expr(&names));
        let field = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.clone())
        };
        Some(UrlScheme {
            url: field("url")?,
            title: field("title").filter(|t| !t.is_empty()),
        })
    })
}

/// A dict literal of `conf.py`: the entries read, by key (the last of a key wins, as in
/// Python), and the 1-based line of each other entry whose key is a string.
struct Dict<T> {
    read: BTreeMap<String, T>,
    unread: BTreeMap<String, usize>,
}

/// The dict literal assigned to `name` at the top level of `text`, its values read by
/// `value`.
fn top_level_dict<T>(
    text: &str,
    name: &str,
    value: impl FnMut(&mut Scanner) -> Option<T>,
) -> Dict<T> {
    let Some(dict) = last_assignment(text, name).and_then(|r| r.strip_prefix('{')) else {
        return Dict {
            read: BTreeMap::new(),
            unread: BTreeMap::new(),
        };
    };
    let (read, unread) = Scanner { text: dict, at: 0 }.dict_body(value);
    // `dict` ends where `text` ends; the entries come in order, so lines are counted once.
    let start = text.len() - dict.len();
    let (mut counted, mut line) = (0, 1);
    let unread = unread
        .into_iter()
        .map(|(key, at)| {
            line += text[counted..start + at].matches('\n').count();
            counted = start + at;
            (key, line)
        })
        .collect();
    Dict {
        read: read.into_iter().collect(),
        unread,
    }
}

/// What `conf.py` says of links: [`extlinks`] and the line of each entry computed,
/// [`url_schemes`] and the name of every scheme `myst_url_schemes` gives (kept as it is,
/// `None`, included), and the sphinx-issues roles ([`issue_roles`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConfLinks {
    /// The file, from the handbook's root (`content/conf.py`); empty without one.
    pub path: String,
    pub extlinks: BTreeMap<String, ExtLink>,
    pub computed_extlinks: BTreeMap<String, usize>,
    pub url_schemes: BTreeMap<String, UrlScheme>,
    pub url_scheme_names: BTreeSet<String>,
    pub issue_roles: Option<IssueRoles>,
}

/// [`ConfLinks`] of the handbook's `conf.py`; empty without one.
pub(super) fn read_links(root: &Path) -> ConfLinks {
    let Some((path, file)) = super::find_beside_or_in_content(root, &[CONF_PY], MAX_BYTES) else {
        return ConfLinks::default();
    };
    let Ok(text) = std::fs::read_to_string(file) else {
        return ConfLinks::default();
    };
    let extlinks = extlinks_dict(&text);
    let schemes = url_schemes_dict(&text);
    let url_scheme_names = schemes
        .read
        .keys()
        .chain(schemes.unread.keys())
        .cloned()
        .collect();
    ConfLinks {
        path,
        extlinks: extlinks.read,
        computed_extlinks: extlinks.unread,
        url_schemes: schemes.read,
        url_scheme_names,
        issue_roles: issue_roles(&text),
    }
}

/// The sphinx-issues settings of a `conf.py` that enables the extension (names it as a
/// string outside a comment: in `extensions`, or appended to it); `None` when it does not.
pub fn issue_roles(text: &str) -> Option<IssueRoles> {
    let named = text.lines().any(|line| {
        let code = line.split('#').next().unwrap_or("");
        code.contains("\"sphinx_issues\"") || code.contains("'sphinx_issues'")
    });
    if !named {
        return None;
    }
    let names = string_names(text);
    let settings = SETTINGS
        .iter()
        .filter_map(|setting| {
            let rest = last_assignment(text, setting)?;
            let mut s = Scanner { text: rest, at: 0 };
            let value = s.string_expr(&names)?;
            // The whole value, not the start of a call (`"{}/{}".format(user, repo)`).
            let after = rest[s.at..].trim_start_matches([' ', '\t']);
            let ends = after.is_empty() || after.starts_with(['\n', '\r', '#', ';']);
            ends.then(|| (setting.to_string(), value))
        })
        .collect();
    Some(IssueRoles { settings })
}

/// A position in Python source being read.
pub(super) struct Scanner<'t> {
    pub(super) text: &'t str,
    pub(super) at: usize,
}

impl Scanner<'_> {
    pub(super) fn peek(&self) -> Option<char> {
        self.text[self.at..].chars().next()
    }

    pub(super) fn eat(&mut self, c: char) -> bool {
        let here = self.peek() == Some(c);
        if here {
            self.at += c.len_utf8();
        }
        here
    }

    /// Skips spaces, newlines and `#` comments.
    pub(super) fn skip_space(&mut self) {
        loop {
            let rest = &self.text[self.at..];
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with('#') {
                self.at += trimmed.find('\n').unwrap_or(trimmed.len());
            } else {
                return;
            }
        }
    }

    /// One string literal, or several side by side (`"a" "b"` is `"ab"` in Python);
    /// `None`, moving nowhere, when there is none here. An f-string is no literal.
    pub(super) fn strings(&mut self) -> Option<String> {
        let mut out: Option<String> = None;
        loop {
            let before = self.at;
            let Some(one) = self.string() else {
                self.at = before;
                return out;
            };
            out.get_or_insert_with(String::new).push_str(&one);
            let after = self.at;
            self.skip_space();
            if !matches!(self.peek(), Some('"' | '\'' | 'r' | 'R' | 'u' | 'U')) {
                self.at = after;
                return out;
            }
        }
    }

    /// One string literal (`'…'`, `"…"`, triple-quoted, with an `r` or `u` prefix).
    pub(super) fn string(&mut self) -> Option<String> {
        let rest = &self.text[self.at..];
        let (raw, rest) = match rest.chars().next()? {
            'r' | 'R' => (true, &rest[1..]),
            'u' | 'U' => (false, &rest[1..]),
            _ => (false, rest),
        };
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        let triple: String = std::iter::repeat_n(quote, 3).collect();
        let (close, body_start) = match rest.starts_with(&triple) {
            true => (triple.as_str(), 3),
            false => (&triple[..1], 1),
        };
        let body = &rest[body_start..];
        let mut value = String::new();
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if body[i..].starts_with(close) {
                let consumed =
                    self.text[self.at..].len() - rest.len() + body_start + i + close.len();
                self.at += consumed;
                return Some(value);
            }
            match c {
                '\n' if close.len() == 1 => return None,
                '\\' if !raw => match chars.next() {
                    Some((_, 'n')) => value.push('\n'),
                    Some((_, 't')) => value.push('\t'),
                    Some((_, '\n')) => {}
                    Some((_, other)) => value.push(other),
                    None => return None,
                },
                _ => value.push(c),
            }
        }
        None
    }

    /// Skips an entry not read (a value that is no string literal) to its `,` or the
    /// dict's `}`, over brackets and strings inside it. False at the end of the text.
    pub(super) fn skip_to_entry_end(&mut self) -> bool {
        let mut depth = 0usize;
        loop {
            self.skip_space();
            let Some(c) = self.peek() else {
                return false;
            };
            match c {
                '"' | '\'' => {
                    if self.string().is_none() {
                        self.at += 1;
                    }
                    continue;
                }
                '(' | '[' | '{' => depth += 1,
                ')' | ']' => depth = depth.saturating_sub(1),
                '}' if depth == 0 => return true,
                '}' => depth -= 1,
                ',' if depth == 0 => return true,
                _ => {}
            }
            self.at += c.len_utf8();
        }
    }
}

impl Scanner<'_> {
    /// Strings and names of strings (`names`) joined with `+`: `_repo + "issues/%s"`.
    /// `None`, moving nowhere, when that is not what is here.
    pub(super) fn string_expr(&mut self, names: &BTreeMap<String, String>) -> Option<String> {
        let before = self.at;
        let mut out = String::new();
        loop {
            self.skip_space();
            if let Some(s) = self.strings() {
                out.push_str(&s);
            } else if let Some(s) = self.fstring(names) {
                out.push_str(&s);
            } else {
                let rest = &self.text[self.at..];
                let len = rest
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest.len());
                match names.get(&rest[..len]) {
                    Some(value) if len > 0 => {
                        out.push_str(value);
                        self.at += len;
                    }
                    _ => {
                        self.at = before;
                        return None;
                    }
                }
            }
            let after = self.at;
            self.skip_space();
            if !self.eat('+') {
                self.at = after;
                return Some(out);
            }
        }
    }

    /// An f-string whose fields are names of strings (`names`) and nothing more:
    /// `f"{github_user}/{github_repo}"`. `None`, moving nowhere, for any other (a field
    /// with an expression, a conversion or a format, a name of no string).
    fn fstring(&mut self, names: &BTreeMap<String, String>) -> Option<String> {
        let before = self.at;
        if !(self.eat('f') || self.eat('F')) {
            return None;
        }
        let Some(literal) = self.string() else {
            self.at = before;
            return None;
        };
        let filled = python_format(&literal, |name| names.get(name).map(String::as_str));
        if filled.is_none() {
            self.at = before;
        }
        filled
    }

    /// The entries of a dict literal's body (after its `{`, up to its `}`) whose key is a
    /// string and whose value `value` reads; others are skipped over, and those of them
    /// whose key is a string given with the position of the key.
    #[allow(clippy::type_complexity)]
    fn dict_body<T>(
        &mut self,
        mut value: impl FnMut(&mut Self) -> Option<T>,
    ) -> (Vec<(String, T)>, Vec<(String, usize)>) {
        let mut out = Vec::new();
        let mut unread = Vec::new();
        loop {
            self.skip_space();
            if self.eat('}') || self.at >= self.text.len() {
                return (out, unread);
            }
            let key_at = self.at;
            let key = self.strings();
            self.skip_space();
            let colon = self.eat(':');
            self.skip_space();
            let read = match (&key, colon) {
                (Some(key), true) => value(self).map(|v| (key.clone(), v)),
                _ => None,
            };
            self.skip_space();
            match (read, self.peek()) {
                (Some(entry), Some(',' | '}')) => out.push(entry),
                _ => {
                    if let (Some(key), true) = (key, colon) {
                        unread.push((key, key_at));
                    }
                    if !self.skip_to_entry_end() {
                        return (out, unread);
                    }
                }
            }
            self.eat(',');
        }
    }

    /// `(url, caption)` or `[url, caption]`, the caption a string or `None`.
    fn pair(&mut self, names: &BTreeMap<String, String>) -> Option<(String, Option<String>)> {
        let before = self.at;
        let close = match self.peek() {
            Some('(') => ')',
            Some('[') => ']',
            _ => return None,
        };
        self.at += 1;
        let read = (|| {
            let url = self.string_expr(names)?;
            self.skip_space();
            if !self.eat(',') {
                return None;
            }
            self.skip_space();
            let caption = if self.text[self.at..].starts_with("None") {
                self.at += 4;
                None
            } else {
                Some(self.string_expr(names)?)
            };
            self.skip_space();
            self.eat(',');
            self.skip_space();
            self.eat(close).then_some((url, caption))
        })();
        if read.is_none() {
            self.at = before;
        }
        read
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(url: &str, caption: Option<&str>) -> ExtLink {
        ExtLink {
            url: url.to_string(),
            caption: caption.map(str::to_string),
        }
    }

    #[test]
    fn extlinks_are_read_in_the_shapes_sites_write_them() {
        let conf = r#"
import os
_repo = "https://github.com/o/r/"
_issues = _repo + 'issues/'
VERSION = read_version()
# extlinks = {"old": ("x", None)}
extlinks = {
    "gh": (_issues + "%s", "GH-"),
    'pr': [_repo + "pull/%s", "PR #%s"],  # a list, as some write it
    "commit": (
        _repo + "commit/%s",
        None,
    ),
    "docs": (f"https://d/{VERSION}/%s", None),
    "bad": ("https://x/%s", "a", "b"),
    "computed": (os.environ["URL"], None),
    "after": ("https://after/%s", "%s"),
}
"#;
        let got = extlinks(conf);
        let want: BTreeMap<String, ExtLink> = [
            ("gh", link("https://github.com/o/r/issues/%s", Some("GH-"))),
            ("pr", link("https://github.com/o/r/pull/%s", Some("PR #%s"))),
            ("commit", link("https://github.com/o/r/commit/%s", None)),
            ("after", link("https://after/%s", Some("%s"))),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        assert_eq!(got, want);
        // Not at the top level, or not a dict literal: nothing.
        assert!(extlinks("if x:\n    extlinks = {'a': ('b%s', None)}\n").is_empty());
        assert!(extlinks("extlinks = dict(a=('b%s', None))\n").is_empty());
        // Cut short anywhere: what was read so far, and no panic.
        for end in 0..conf.len() {
            if conf.is_char_boundary(end) {
                let _ = extlinks(&conf[..end]);
            }
        }
    }

    #[test]
    fn url_schemes_are_read_as_myst_parser_documents_them() {
        let conf = r#"
_gh = "https://github.com/o/r"
myst_url_schemes = {
    "http": None,
    "wiki": "https://en.wikipedia.org/wiki/{{path}}#{{fragment}}",
    "gh-pr": {
        "url": _gh + "/pull/{{path}}#{{fragment}}",
        "title": "PR #{{path}}",
        "classes": ["github"],
    },
    "gh-user": {"url": "https://github.com/{{path}}", "title": ""},
    "no-url": {"title": "x"},
    "source": {"url": f"{_gh}/blob/{{{{path}}}}"},
}
"#;
        let scheme = |url: &str, title: Option<&str>| UrlScheme {
            url: url.to_string(),
            title: title.map(str::to_string),
        };
        let want: BTreeMap<String, UrlScheme> = [
            (
                "wiki",
                scheme("https://en.wikipedia.org/wiki/{{path}}#{{fragment}}", None),
            ),
            (
                "gh-pr",
                scheme(
                    "https://github.com/o/r/pull/{{path}}#{{fragment}}",
                    Some("PR #{{path}}"),
                ),
            ),
            ("gh-user", scheme("https://github.com/{{path}}", None)),
            // An f-string of a name assigned above, braces doubled: read.
            (
                "source",
                scheme("https://github.com/o/r/blob/{{path}}", None),
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        assert_eq!(url_schemes(conf), want);
        // MyST before 0.17 listed the schemes to keep: nothing to rewrite.
        assert!(url_schemes("myst_url_schemes = ['http', 'https', 'mailto']\n").is_empty());
        for end in 0..conf.len() {
            if conf.is_char_boundary(end) {
                let _ = url_schemes(&conf[..end]);
            }
        }
    }

    #[test]
    fn entries_not_read_are_kept_with_their_line() {
        let conf = "V = version()\nextlinks = {\n    'ok': ('https://x/%s', None),\n    'docs': (f'https://d/{V}/%s', None),\n    \"call\": make('x'),\n    **more,\n}\n";
        let dict = extlinks_dict(conf);
        assert_eq!(dict.read.keys().collect::<Vec<_>>(), ["ok"]);
        assert_eq!(
            dict.unread.into_iter().collect::<Vec<_>>(),
            [("call".to_string(), 5), ("docs".to_string(), 4)]
        );
    }

    #[test]
    fn sphinx_issues_is_read_when_the_extension_is_named() {
        let conf = "_gl = 'https://gitlab.example.com/'\nextensions = [\n    'myst_parser',\n    # \"sphinx_issues\",\n]\nissues_uri = _gl + '{group}/{project}/-/issues/{issue}'\nissues_github_path = f'{a}/{b}'\nissues_pr_uri = '{}/pull/{pr}'.format(x)\n";
        // Named only in a comment: not enabled.
        assert_eq!(issue_roles(conf), None);
        let conf = conf.replace("]\n", "]\nextensions.append(\"sphinx_issues\")\n");
        let roles = issue_roles(&conf).expect("enabled");
        assert_eq!(
            roles.settings.into_iter().collect::<Vec<_>>(),
            [(
                "issues_uri".to_string(),
                "https://gitlab.example.com/{group}/{project}/-/issues/{issue}".to_string()
            )]
        );
    }

    #[test]
    fn names_are_strings_assigned_above() {
        let names = string_names(
            "A = 'x'\nB = A + \"y\"\nC = B + D\nE == 'no'\n  F = 'indented'\nG = f'{A}'\nH = f'{A!r}'\nI = f'{A:>3}'\nJ = f'{D}'\n",
        );
        assert_eq!(
            names.into_iter().collect::<Vec<_>>(),
            [
                ("A".to_string(), "x".to_string()),
                ("B".to_string(), "xy".to_string()),
                ("G".to_string(), "x".to_string())
            ]
        );
    }

    #[test]
    fn finding_sphinx_issues_stays_linear() {
        let time = |n: usize| {
            let conf = format!(
                "x = 1  # {}\nextensions = ['a']\n",
                "'sphinx_issues' ".repeat(n)
            );
            let (found, t) = crate::cpu_time::cpu_time_of(|| issue_roles(&conf));
            assert_eq!(found, None);
            t
        };
        crate::cpu_time::assert_grows_linearly("sphinx_issues named in a comment", 50_000, time);
    }

    #[test]
    fn reading_stays_linear() {
        // Many entries, and a line that names `extlinks` many times.
        let time = |n: usize| {
            let entries: String = (0..n)
                .map(|i| {
                    format!("    \"r{i}\": (_repo + \"{i}/%s\", \"#%s\"),\n    \"c{i}\": (f\"{{x}}/%s\", None),\n")
                })
                .collect();
            let conf = format!(
                "_repo = \"https://x/\"\n{}\nextlinks = {{\n{entries}}}\n",
                "extlinks ".repeat(n)
            );
            let (found, t) = crate::cpu_time::cpu_time_of(|| extlinks_dict(&conf));
            assert_eq!((found.read.len(), found.unread.len()), (n, n));
            t
        };
        crate::cpu_time::assert_grows_linearly("extlinks entries", 20_000, time);
    }
}
