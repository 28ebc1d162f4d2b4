//! Value checks for `orgbook.toml` beyond types: a `base_url` a browser can use safely, a
//! `theme` that names a folder under the handbook's `themes/` (never a path elsewhere), and
//! numbers inside the range that makes sense. Each failure is a message and a hint; the
//! caller places it at the value's line and column.

use crate::fields::Fields;
use std::ops::RangeInclusive;

/// `base_url` is where the site is published: an http(s) URL or a path (`/handbook/`).
/// Anything else (`javascript:…`, `file:…`) would end up in every page's links and feeds.
pub fn base_url(url: &str) -> Result<(), (String, String)> {
    let lower = url.trim().to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
        || (url.starts_with('/') && !url.starts_with("//"));
    if ok && !url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        Ok(())
    } else {
        Err((
            format!("base_url \"{}\" is not an http(s) URL or a path", clip(url)),
            "write where the site is published, e.g. base_url = \"https://handbook.example.com/\" or \"/handbook/\"".into(),
        ))
    }
}

/// `theme` names a folder under `themes/` beside `orgbook.toml`.
pub fn theme_name(name: &str) -> Result<(), (String, String)> {
    let ok = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.starts_with('.')
        && !name
            .chars()
            .any(|c| c == '/' || c == '\\' || c == ':' || c.is_control());
    if ok {
        Ok(())
    } else {
        Err((
            format!("theme \"{}\" is not a folder name", clip(name)),
            "a theme is a folder under themes/ beside orgbook.toml: write its name, e.g. theme = \"acme\" for themes/acme/".into(),
        ))
    }
}

/// An integer key that must lie in `range`; out of range is an `invalid-value` error that
/// says the range.
pub fn ranged(f: &mut Fields, key: &str, range: RangeInclusive<i64>) -> Option<i64> {
    let (n, span) = f.opt_spanned_int(key)?;
    if range.contains(&n) {
        return Some(n);
    }
    f.error_at(
        "invalid-value",
        span,
        format!(
            "{key} = {n} is out of range: it must be from {} to {}",
            range.start(),
            range.end()
        ),
        format!(
            "write a whole number from {} to {}",
            range.start(),
            range.end()
        ),
    );
    None
}

/// User text quoted in a message: at most 80 characters, so a huge value cannot flood the
/// terminal (control characters are escaped when the diagnostic is printed).
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(80).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls() {
        for ok in [
            "https://h.example.com/",
            "http://localhost:8080",
            "/handbook/",
            "/",
        ] {
            assert!(base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "file:///x",
            "//evil.com",
            "h.example.com",
            "https://",
            "https://a b",
            "",
        ] {
            assert!(base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn theme_names() {
        assert!(theme_name("acme").is_ok());
        for bad in ["../x", "/etc", "a/b", "..", ".hidden", "", "C:x"] {
            assert!(theme_name(bad).is_err(), "{bad}");
        }
    }
}
