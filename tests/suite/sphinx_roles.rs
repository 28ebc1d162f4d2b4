//! Roles and links a Sphinx site's `conf.py` defines, beyond `extlinks` and
//! `myst_url_schemes` themselves (tests/suite/sphinx_conf_links.rs): the roles of the
//! sphinx-issues extension (``{issue}`125` ``, ``{pr}`128` ``, ``{user}`azmeuk` ``,
//! ``{commit}`…` ``, ``{cve}`…` ``, ``{cwe}`…` ``), links where each was a
//! `template-leftover` warning (`sphinx-issues`, from python-scim/scim2-models'
//! `doc/conf.py` and changelog); a link to a URL scheme the site does not define, which led
//! nowhere without a word (`myst-url-schemes`); and an `extlinks` role whose URL `conf.py`
//! computes, which got the generic warning of template syntax (`sphinx-extlinks`).

use crate::harness::{TestBook, texts};
use crate::sphinx_conf_links::prose_links;

/// The links that lead to an issue tracker, a profile or a vulnerability database.
fn tracker_links(page: &scraper::Html) -> Vec<(String, String)> {
    prose_links(page)
        .into_iter()
        .filter(|(href, _)| href.contains("github.com") || href.contains("mitre.org"))
        .collect()
}

/// `orgbook check --format json`'s diagnostics: code, line, column and message.
fn diagnostics(book: &TestBook) -> Vec<(String, u64, u64, String)> {
    crate::harness::json_diagnostics(book)
        .into_iter()
        .map(|v| {
            (
                v["code"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
                format!("{} {}", v["message"], v["help"]),
            )
        })
        .collect()
}

fn pairs(want: &[(&str, &str)]) -> Vec<(String, String)> {
    want.iter()
        .map(|(h, t)| (h.to_string(), t.to_string()))
        .collect()
}

const REPO: &str = "https://github.com/python-scim/scim2-models";

/// With `"sphinx_issues"` in `extensions` and `issues_github_path`, each role is a link
/// captioned as sphinx-issues captions it: `#125` for an issue or a pull request, a comma
/// list one link each, `org/repo#12` for another repository's, `@name` for a user, `@`
/// and the first 7 characters of a commit, a CVE or CWE as written, and a title of the
/// role's own (`the client's fix <org/repo#14>`) kept. No warning; in code, as written.
#[test]
fn sphinx_issues_roles_are_links() {
    let book = TestBook::fixture("sphinx-issues");
    book.build().success();
    let page = book.html("changelog.html");
    let commit = format!("{REPO}/commit/6bb9124d5e9dbb2f7b52864c3d8af7feb1b69403");
    let want = pairs(&[
        (&format!("{REPO}/issues/125"), "#125"),
        (&format!("{REPO}/issues/123"), "#123"),
        (&format!("{REPO}/pull/128"), "#128"),
        (&format!("{REPO}/issues/72"), "#72"),
        (&format!("{REPO}/issues/73"), "#73"),
        (
            "https://github.com/python-scim/scim2-client/issues/12",
            "python-scim/scim2-client#12",
        ),
        (
            "https://github.com/python-scim/scim2-client/pull/14",
            "the client's fix",
        ),
        ("https://github.com/azmeuk", "@azmeuk"),
        ("https://github.com/azmeuk", "Éloi Rivard"),
        (&commit, "@6bb9124"),
        (
            "https://cve.mitre.org/cgi-bin/cvename.cgi?name=CVE-2018-17175",
            "CVE-2018-17175",
        ),
        ("https://cwe.mitre.org/data/definitions/787.html", "CWE-787"),
    ]);
    assert_eq!(tracker_links(&page), want);
    let items = texts(&page, ".prose li").join("\n");
    assert!(items.contains("by default. #72, #73"), "{items}");
    assert!(
        !items.contains("{issue}") && !items.contains("{user}"),
        "{items}"
    );
    assert!(texts(&page, ".prose code").contains(&"{issue}`125`".to_string()));
    assert_eq!(diagnostics(&book), []);
}

/// Without the extension in `extensions`, the roles are what they were: a warning each.
/// With it but no repository (`issues_github_path`), the roles that need one (issue, pull
/// request, commit) stay warnings, as Sphinx fails on them, while users, CVEs and CWEs,
/// which need none, are links.
#[test]
fn without_the_extension_or_its_repository_the_roles_stay_warnings() {
    let book = TestBook::fixture("sphinx-issues");
    book.edit("content/conf.py", "    \"sphinx_issues\",\n", "");
    let lines = |book: &TestBook| -> Vec<u64> {
        diagnostics(book)
            .into_iter()
            .filter(|d| d.0 == "template-leftover")
            .map(|d| d.1)
            .collect()
    };
    assert_eq!(
        lines(&book),
        [7, 8, 8, 14, 15, 15, 16, 16, 16, 20, 20],
        "{:?}",
        diagnostics(&book)
    );
    book.build().success();
    assert!(tracker_links(&book.html("changelog.html")).is_empty());

    let book = TestBook::fixture("sphinx-issues");
    book.edit(
        "content/conf.py",
        "issues_github_path = \"python-scim/scim2-models\"",
        "",
    );
    assert_eq!(lines(&book), [7, 8, 8, 14, 15, 15, 16]);
    book.build().success();
    let links = tracker_links(&book.html("changelog.html"));
    let hosts: Vec<&str> = links.iter().map(|(h, _)| &h[..20]).collect();
    assert_eq!(
        hosts,
        [
            "https://github.com/a",
            "https://github.com/a",
            "https://cve.mitre.or",
            "https://cwe.mitre.or"
        ]
    );
}

/// sphinx-issues for another tracker, as its README configures a GitLab: the templates'
/// `{group}`, `{project}` and `{issue}` (`{pr}`, `{commit}`, `{user}`) filled in, the
/// default group and project from `issues_default_group_project` (or another
/// repository's, named in the role), the captions' prefixes from `issues_pr_prefix` and
/// the like.
#[test]
fn sphinx_issues_templates_and_prefixes_are_followed() {
    let book = TestBook::fixture("sphinx-issues");
    book.edit(
        "content/conf.py",
        "issues_github_path = \"python-scim/scim2-models\"",
        r##"_gitlab = "https://gitlab.company.com/"
issues_default_group_project = "myteam/super_great_project"
issues_uri = _gitlab + "{group}/{project}/-/issues/{issue}"
issues_prefix = "#"
issues_pr_uri = "https://gitlab.company.com/{group}/{project}/-/merge_requests/{pr}"
issues_pr_prefix = "!"
issues_commit_uri = "https://gitlab.company.com/{group}/{project}/-/commit/{commit}"
issues_user_uri = "https://gitlab.company.com/{user}""##,
    );
    book.build().success();
    let page = book.html("changelog.html");
    let gitlab = "https://gitlab.company.com";
    let ours = format!("{gitlab}/myteam/super_great_project");
    let links: Vec<(String, String)> = prose_links(&page)
        .into_iter()
        .filter(|(h, _)| h.starts_with(gitlab))
        .collect();
    let want = pairs(&[
        (&format!("{ours}/-/issues/125"), "#125"),
        (&format!("{ours}/-/issues/123"), "#123"),
        (&format!("{ours}/-/merge_requests/128"), "!128"),
        (&format!("{ours}/-/issues/72"), "#72"),
        (&format!("{ours}/-/issues/73"), "#73"),
        (
            &format!("{gitlab}/python-scim/scim2-client/-/issues/12"),
            "python-scim/scim2-client#12",
        ),
        (
            &format!("{gitlab}/python-scim/scim2-client/-/merge_requests/14"),
            "the client's fix",
        ),
        (&format!("{gitlab}/azmeuk"), "@azmeuk"),
        (&format!("{gitlab}/azmeuk"), "Éloi Rivard"),
        (
            &format!("{ours}/-/commit/6bb9124d5e9dbb2f7b52864c3d8af7feb1b69403"),
            "@6bb9124",
        ),
    ]);
    assert_eq!(links, want);
    assert_eq!(diagnostics(&book), []);
}

/// On a site whose `conf.py` defines `myst_url_schemes`, a link to a scheme it defines
/// neither there nor among those browsers open is a warning where it is written, naming
/// the scheme and the schemes `conf.py` defines (MyST reads such a link as a reference to
/// a target, and Sphinx warns that it finds none). `mailto:`, `tel:`, `irc:` and the
/// schemes `conf.py` keeps (`"ftp": None`) are no warning, and without `myst_url_schemes`
/// nothing is said.
#[test]
fn links_to_a_scheme_the_site_does_not_define_are_warnings() {
    let book = TestBook::fixture("myst-url-schemes");
    book.write(
        "content/contact.md",
        "# Contact\n\nWrite to <mailto:team@example.org>, call [us](tel:+15550100), join \
         <irc://irc.libera.chat/myst>, fetch <ftp://ftp.example.org/x>.\n",
    );
    let found: Vec<_> = diagnostics(&book)
        .into_iter()
        .filter(|d| d.0 != "unsafe-url")
        .collect();
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, line, column, message) = &found[0];
    assert_eq!(
        (code.as_str(), *line, *column),
        ("unknown-url-scheme", 15, 29)
    );
    for part in [
        "`gh-discussion:`",
        "gh-pr",
        "gh-issue",
        "gh-user",
        "wiki",
        "doi",
    ] {
        assert!(message.contains(part), "{part}: {message}");
    }
    book.build().success();
    book.remove("content/conf.py");
    let found = diagnostics(&book);
    assert!(
        found.iter().all(|d| d.0 != "unknown-url-scheme"),
        "{found:?}"
    );
}

/// An `extlinks` role whose URL `conf.py` computes (an f-string of a version read when
/// Sphinx runs) is a warning that says so: where `conf.py` defines it, and to write the
/// URL as a string literal. A role `conf.py` does not define keeps the generic warning.
#[test]
fn an_extlinks_role_conf_py_computes_says_so() {
    let book = TestBook::fixture("sphinx-extlinks");
    book.edit(
        "content/changelog.md",
        "Documentation moved",
        "See {nowhere}`x`. Documentation moved",
    );
    let found: Vec<_> = diagnostics(&book)
        .into_iter()
        .filter(|d| d.0 == "template-leftover")
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    let computed = &found[1].3;
    assert_eq!(found[1].1, 9);
    for part in [
        "`{docs}`",
        "content/conf.py",
        "line 65",
        "computed when Sphinx runs",
        "string literal",
    ] {
        assert!(computed.contains(part), "{part}: {computed}");
    }
    assert!(!found[0].3.contains("conf.py"), "{:?}", found[0]);
}

/// The repository written as an f-string of names assigned above, as
/// marshmallow-code/webargs' `docs/conf.py` writes it, is read; written with a call
/// (`"{}/{}".format(…)`, the same file's older form), it is not, and the roles that need
/// it stay warnings.
#[test]
fn an_f_string_of_names_assigned_above_is_read() {
    let book = TestBook::fixture("sphinx-issues");
    let written = "issues_github_path = \"python-scim/scim2-models\"";
    book.edit(
        "content/conf.py",
        written,
        "github_user = \"python-scim\"\ngithub_repo = \"scim2-models\"\n\nissues_github_path = f\"{github_user}/{github_repo}\"",
    );
    book.build().success();
    let links = tracker_links(&book.html("changelog.html"));
    assert_eq!(
        links[0],
        (format!("{REPO}/issues/125"), "#125".to_string()),
        "{links:?}"
    );
    assert_eq!(diagnostics(&book), []);
    book.edit(
        "content/conf.py",
        "f\"{github_user}/{github_repo}\"",
        "\"{}/{}\".format(github_user, github_repo)",
    );
    let leftovers = diagnostics(&book)
        .into_iter()
        .filter(|d| d.0 == "template-leftover")
        .count();
    assert_eq!(leftovers, 7);
}
