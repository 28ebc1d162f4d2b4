//! Links a Sphinx site defines once in its `conf.py`: roles of `sphinx.ext.extlinks`
//! (``{gh}`12` `` for an issue, ``{user}`name` `` for a profile), links where each was a
//! `template-leftover` warning and the role's name shown as text (`sphinx-extlinks`, from
//! pganssle/pytz-deprecation-shim's `docs/conf.py`); and MyST's URL schemes
//! (`myst_url_schemes`: `<gh-pr:734>`), links to the scheme's URL where each led to
//! `gh-pr:734`, which no browser opens (`myst-url-schemes`, from
//! executablebooks/MyST-Parser's `docs/conf.py`).

use crate::harness::{TestBook, files_under, sel, texts};

/// Every link of the page's prose: its destination and its text.
pub(crate) fn prose_links(page: &scraper::Html) -> Vec<(String, String)> {
    page.select(&sel(".prose a"))
        .filter(|a| a.value().attr("class").is_none())
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_string(),
                a.text().collect::<String>(),
            )
        })
        .collect()
}

/// `orgbook check --format json`'s diagnostics: code and line.
fn diagnostics(book: &TestBook) -> Vec<(String, u64)> {
    crate::harness::json_diagnostics(book)
        .into_iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Each role `conf.py`'s `extlinks` defines is a link to its URL with the target in place
/// of `%s`, captioned as Sphinx captions it: a caption with `%s` (`"@%s"`), a caption
/// without one read as the prefix Sphinx before 4.0 put before the target (`"GH-"`), the
/// whole URL for `None`, the role's own title when it gives one (`the report <205>`).
/// A URL built from a name assigned above (`_repo + "issues/%s"`) is read; an entry
/// computed when Sphinx runs (an f-string) is not, and its role stays a warning. In a code
/// span a role stays as written, and no pattern lets a page write a `javascript:` link.
#[test]
fn roles_conf_py_defines_with_extlinks_are_links() {
    let book = TestBook::fixture("sphinx-extlinks");
    book.build().success();
    let page = book.html("changelog.html");
    let repo = "https://github.com/pganssle/pytz-deprecation-shim";
    let want: Vec<(String, String)> = [
        (format!("{repo}/pull/17"), "GH-17"),
        (format!("{repo}/issues/12"), "GH-12"),
        ("https://bugs.python.org/issue40536".into(), "bpo-40536"),
        (
            "https://github.com/python/cpython/pull/19477".into(),
            "CPython PR #19477",
        ),
        (
            "https://github.com/tox-dev/py-filelock/issues/205".into(),
            "the report",
        ),
        ("https://github.com/pganssle".into(), "@pganssle"),
        (
            format!("{repo}/commit/4c9b2e1"),
            "https://github.com/pganssle/pytz-deprecation-shim/commit/4c9b2e1",
        ),
        ("#".into(), "javascript:alert(1)"),
    ]
    .into_iter()
    .map(|(h, t)| (h, t.to_string()))
    .collect();
    assert_eq!(prose_links(&page), want);
    let items = texts(&page, ".prose li").join("\n");
    assert!(!items.contains("{gh"), "{items}");
    assert!(items.contains("{docs}migration"), "{items}");
    assert_eq!(
        texts(&page, ".prose code"),
        [
            "pytz_deprecation_shim.helpers.is_pytz_zone",
            "migration",
            "{gh}`12`"
        ]
    );
    assert_eq!(
        diagnostics(&book),
        [
            ("template-leftover".to_string(), 9),
            ("unsafe-url".to_string(), 13)
        ]
    );
    // Search shows what the reader sees.
    let search: String = files_under(&book.out().join("search"))
        .iter()
        .map(|f| book.output_file(&format!("search/{f}")))
        .collect();
    assert!(search.contains("GH-17"), "no GH-17 in the search records");
    assert!(!search.contains("{gh-pr}"));
}

/// Without `conf.py` (or with an `extlinks` that is no dict literal) the roles are what
/// they were: the name shown, a warning each.
#[test]
fn without_extlinks_the_roles_stay_warnings() {
    let book = TestBook::fixture("sphinx-extlinks");
    book.edit("content/conf.py", "extlinks = {", "extlinks = dict(**{");
    let found = diagnostics(&book);
    let leftovers = found.iter().filter(|d| d.0 == "template-leftover").count();
    assert_eq!(leftovers, 9, "{found:?}");
    book.remove("content/conf.py");
    book.build().success();
    let page = book.html("changelog.html");
    assert!(prose_links(&page).is_empty());
    assert!(texts(&page, ".prose li").concat().contains("{gh-pr}"));
}

/// A link to a URL scheme `conf.py`'s `myst_url_schemes` defines leads to the scheme's
/// URL, the link's path and fragment in place (an empty fragment leaves no `#`); an
/// autolink or a link without text shows the scheme's title (the URL itself when the
/// scheme gives none), a link with text keeps it. A scheme the site does not define stays
/// as written (with a warning: tests/suite/sphinx_roles.rs), and a template that would make a `javascript:` link is neutralised.
#[test]
fn links_to_url_schemes_conf_py_defines_lead_to_their_urls() {
    let book = TestBook::fixture("myst-url-schemes");
    book.build().success();
    let page = book.html("changelog.html");
    let repo = "https://github.com/executablebooks/MyST-Parser";
    let want: Vec<(String, String)> = [
        (format!("{repo}/pull/734"), "PR #734"),
        (format!("{repo}/pull/717#preview"), "the preview"),
        ("https://github.com/chrisjsewell".into(), "@chrisjsewell"),
        (format!("{repo}/issue/689"), "Issue #689"),
        (
            "https://en.wikipedia.org/wiki/Markdown#History".into(),
            "wiki:Markdown#History",
        ),
        ("https://doi.org/10.1000/182".into(), "doi:10.1000/182"),
        ("https://commonmark.org/".into(), "https://commonmark.org/"),
        ("gh-discussion:12".into(), "gh-discussion:12"),
        ("#".into(), "bad:alert(1)"),
    ]
    .into_iter()
    .map(|(h, t)| (h, t.to_string()))
    .collect();
    assert_eq!(prose_links(&page), want);
    assert_eq!(
        diagnostics(&book),
        [
            ("unknown-url-scheme".to_string(), 15),
            ("unsafe-url".to_string(), 16)
        ]
    );
}
