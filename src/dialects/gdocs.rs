//! What Google Docs' exports leave in links that a reader of the handbook should not
//! follow: the redirect every link of a document goes through when it is exported as a
//! web page and converted to Markdown
//! (`https://www.google.com/url?q=https://example.org/x&sa=D&source=editors&ust=…&usg=…`).
//! Followed, such a link passes through Google, which shows an "are you sure" page for
//! links it did not sign recently, and tells Google who clicked; [`redirect_target`] gives
//! the address the author linked.

/// The address a Google redirect (`https://www.google.com/url?…q=<address>&…`) leads to,
/// when it leads to a web page or a mail address; `None` for any other link.
pub fn redirect_target(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let query = rest
        .strip_prefix("www.google.com/url?")
        .or_else(|| rest.strip_prefix("google.com/url?"))?;
    let q = query.split('&').find_map(|p| p.strip_prefix("q="))?;
    // The target is percent-encoded once (`q=http%3A%2F%2F…`), or written as it is with
    // its own `%` encoded as `%25` (`WikiArt%2520Dataset`): one decoding gives it either way.
    let target = crate::text::percent_decode_lenient(q);
    let lower = target.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    (web || lower.starts_with("mailto:")).then_some(target)
}

#[cfg(test)]
mod tests {
    use super::redirect_target;

    #[test]
    fn google_redirects_lead_to_their_target() {
        assert_eq!(
            redirect_target("https://www.google.com/url?q=https://github.com/a/b&sa=D&source=editors&ust=1&usg=AOv").as_deref(),
            Some("https://github.com/a/b")
        );
        assert_eq!(
            redirect_target(
                "https://www.google.com/url?q=http%3A%2F%2Fdocs.scipy.org%2Fdoc%2Fufuncs.html"
            )
            .as_deref(),
            Some("http://docs.scipy.org/doc/ufuncs.html")
        );
        assert_eq!(
            redirect_target("https://www.google.com/url?sa=D&q=https://x.org/WikiArt%2520Dataset/README.md&ust=1").as_deref(),
            Some("https://x.org/WikiArt%20Dataset/README.md")
        );
        assert_eq!(
            redirect_target("https://www.google.com/url?q=javascript:alert(1)"),
            None
        );
        assert_eq!(
            redirect_target("https://www.google.com/search?q=https://x.org"),
            None
        );
        assert_eq!(
            redirect_target("https://example.org/url?q=https://x.org"),
            None
        );
    }
}
