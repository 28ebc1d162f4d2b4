//! Docusaurus's names for a file of its site, read as the paths orgbook resolves. A
//! Docusaurus page names a file of the site's `static/` folder (published at the site's
//! root, as orgbook's `static/` is) as `@site/static/img/logo.png`, where `@site` is the
//! site's folder (the handbook's, once `orgbook init` ran there: `orgbook.toml` sits beside
//! `docusaurus.config.js`), and its own pages as `@site/docs/…` (its `docs/` is `content/`
//! once moved in). `pathname:///files/guide.pdf` is its escape hatch for "an address on the
//! site, not a file to bundle": the path after the scheme. Each is a prefix check on a
//! link's destination, so a link without one costs nothing more.

/// What a Docusaurus destination names: a path for the link resolver (from the site's root,
/// `/img/logo.png`, or as written after `pathname://`), or, for `@site/…` outside `static/`
/// and the docs, [`SitePath::Elsewhere`]. `None` for any other destination.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum SitePath<'a> {
    /// The path to resolve instead, without any Docusaurus prefix.
    Path(std::borrow::Cow<'a, str>),
    /// `@site/src/…`: a file of the Docusaurus site that is neither in its `static/` nor
    /// one of its docs, so no file of the handbook's site for certain.
    Elsewhere,
}

/// The path a Docusaurus destination stands for (see [`SitePath`]).
pub(crate) fn site_path(dest: &str) -> Option<SitePath<'_>> {
    if !dest.starts_with("pathname://") && !dest.starts_with("@site/") {
        return None;
    }
    // Docusaurus strips the scheme once; a repeated one is stripped here too, so that what
    // is returned never starts with it again.
    let mut rest = dest;
    while let Some(r) = rest.strip_prefix("pathname://") {
        rest = r;
    }
    let Some(in_site) = rest.strip_prefix("@site/") else {
        return Some(SitePath::Path(rest.into()));
    };
    // `static/` is published at the site's root; the docs folder (or `content/`, which a
    // site moved in may name, as `path: 'content'` makes it) is content/.
    ["static/", "docs/", "content/"]
        .iter()
        .find_map(|folder| in_site.strip_prefix(folder))
        .map_or(Some(SitePath::Elsewhere), |below| {
            Some(SitePath::Path(format!("/{below}").into()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(dest: &str) -> Option<String> {
        match site_path(dest) {
            Some(SitePath::Path(p)) => Some(p.into_owned()),
            _ => None,
        }
    }

    #[test]
    fn docusaurus_names_become_paths_from_the_root() {
        assert_eq!(
            path("pathname:///files/guide.pdf").as_deref(),
            Some("/files/guide.pdf")
        );
        assert_eq!(
            path("pathname:///img/a.png#x").as_deref(),
            Some("/img/a.png#x")
        );
        // Relative to the page's address, as Docusaurus writes it.
        assert_eq!(
            path("pathname://api/index.html").as_deref(),
            Some("api/index.html")
        );
        assert_eq!(
            path("@site/static/img/logo.png").as_deref(),
            Some("/img/logo.png")
        );
        assert_eq!(
            path("@site/docs/guides/setup.md").as_deref(),
            Some("/guides/setup.md")
        );
        assert_eq!(path("@site/content/a.md").as_deref(), Some("/a.md"));
        assert_eq!(
            path("pathname://@site/static/x.pdf").as_deref(),
            Some("/x.pdf")
        );
        assert_eq!(path("pathname://pathname:///x").as_deref(), Some("/x"));
        assert_eq!(site_path("@site/src/pages/a.md"), Some(SitePath::Elsewhere));
        assert_eq!(site_path("@site/"), Some(SitePath::Elsewhere));
        for other in [
            "/img/a.png",
            "img/a.png",
            "https://x.org/",
            "site/static/a",
            "@sites/a",
        ] {
            assert_eq!(site_path(other), None, "{other}");
        }
    }
}
