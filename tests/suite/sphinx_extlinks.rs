//! A Sphinx site's own roles, defined once in its `conf.py` with `sphinx.ext.extlinks`
//! (``{gh}`12` `` for an issue, ``{user}`name` `` for a profile): links, captioned as
//! Sphinx captions them, where each was a `template-leftover` warning and the role's
//! name shown as text (`sphinx-extlinks`, from pganssle/pytz-deprecation-shim's
//! `docs/conf.py`).

use crate::harness::{TestBook, files_under, sel, texts};
use serde_json::Value;

/// Every link of the page's prose: its destination and its text.
fn prose_links(page: &scraper::Html) -> Vec<(String, String)> {
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
    book.run(&["check", "--format", "json"])
        .stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
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
