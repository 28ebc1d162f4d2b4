//! URL-safe output paths for documents (issue 11): a file name that is not already a plain
//! name becomes a slug, so `content/javascript:alert(1).md` is published as
//! `javascript-alert-1.html` and no page, search result, feed or sitemap can carry an
//! `href` that a browser reads as a scheme. Plain names (letters in any script, digits,
//! `-`, `_`, `.`) are kept as written, so existing URLs do not move.

/// Maps every folder and file name of `url` (a `/`-separated output path ending in
/// `.html`) to a URL-safe name.
pub fn url_safe_path(url: &str) -> String {
    let (stem, ext) = match url.rsplit_once('.') {
        Some((s, e)) if !e.contains('/') => (s, Some(e)),
        _ => (url, None),
    };
    let mut out = String::with_capacity(url.len());
    for (i, seg) in stem.split('/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        out.push_str(&safe_segment(seg));
    }
    if let Some(e) = ext {
        out.push('.');
        out.push_str(e);
    }
    out
}

fn safe_segment(seg: &str) -> std::borrow::Cow<'_, str> {
    let plain = !seg.starts_with('.')
        && seg
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        return seg.into();
    }
    let slug = super::slug(seg);
    if slug.is_empty() {
        "page".into()
    } else {
        slug.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_names_become_slugs_and_plain_names_stay() {
        assert_eq!(
            url_safe_path("javascript:alert(1).html"),
            "javascript-alert-1.html"
        );
        assert_eq!(
            url_safe_path("guide/Getting Started.html"),
            "guide/getting-started.html"
        );
        assert_eq!(
            url_safe_path("teams/über-team.html"),
            "teams/über-team.html"
        );
        assert_eq!(url_safe_path("a/index.html"), "a/index.html");
        assert_eq!(url_safe_path("\"><script>.html"), "script.html");
        assert_eq!(url_safe_path("!!!.html"), "page.html");
        assert_eq!(
            url_safe_path("guide/v1.2-notes.html"),
            "guide/v1.2-notes.html"
        );
    }
}
