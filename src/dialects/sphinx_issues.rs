//! The roles of the sphinx-issues extension, which many Python projects' changelogs use:
//! ``{issue}`125` ``, ``{pr}`128` ``, ``{commit}`6bb9124…` ``, ``{user}`name` ``,
//! ``{cve}`CVE-2018-17175` `` and ``{cwe}`CWE-787` ``, drawn as links captioned as the
//! extension captions them (`#125`, `org/repo#12` for another repository's, `@6bb9124`,
//! `@name`). A site enables it in `conf.py` (`"sphinx_issues"` in `extensions`) and names
//! its repository there (`issues_github_path`, or `issues_default_group_project`) or the
//! URL templates of another tracker (`issues_uri = "https://…/{group}/{project}/-/issues/{issue}"`);
//! `load::conf_py` reads those settings, and [`IssueRoles`] applies them as sphinx-issues
//! 3 and later do (`src/sphinx_issues/__init__.py` of sloria/sphinx-issues), but for a
//! user's link, which goes to the profile (the extension's default until newer versions
//! moved it to the sponsors page, which leads to the same profile).

use super::myst::{DrawnRole, link_tag, python_format, role_parts};
use pulldown_cmark::{Event, TagEnd};
use std::collections::BTreeMap;

/// The settings of `conf.py` that [`IssueRoles`] reads, each a string.
pub const SETTINGS: &[&str] = &[
    "issues_uri",
    "issues_prefix",
    "issues_pr_uri",
    "issues_pr_prefix",
    "issues_commit_uri",
    "issues_commit_prefix",
    "issues_user_uri",
    "issues_user_prefix",
    "issues_github_path",
    "issues_default_group_project",
];

/// The separators sphinx-issues puts before a number (`#12`, `!12` for a GitLab merge
/// request, `@abc` for a commit), and strips from one written with it.
const SEPARATORS: &[char] = &['#', '@', '!'];

/// One of the roles that link to a tracker: the setting of its URL template, the
/// template's own placeholder, the default template, the setting of its caption's prefix
/// and the default prefix.
struct Tracker {
    uri: &'static str,
    placeholder: &'static str,
    default_uri: &'static str,
    prefix: &'static str,
    default_prefix: &'static str,
}

fn tracker(role: &str) -> Option<Tracker> {
    let (uri, placeholder, default_uri, prefix, default_prefix) = match role {
        "issue" => (
            "issues_uri",
            "issue",
            "https://github.com/{group}/{project}/issues/{issue}",
            "issues_prefix",
            "#",
        ),
        "pr" => (
            "issues_pr_uri",
            "pr",
            "https://github.com/{group}/{project}/pull/{pr}",
            "issues_pr_prefix",
            "#",
        ),
        "commit" => (
            "issues_commit_uri",
            "commit",
            "https://github.com/{group}/{project}/commit/{commit}",
            "issues_commit_prefix",
            "@",
        ),
        "user" => (
            "issues_user_uri",
            "user",
            "https://github.com/{user}",
            "issues_user_prefix",
            "@",
        ),
        _ => return None,
    };
    Some(Tracker {
        uri,
        placeholder,
        default_uri,
        prefix,
        default_prefix,
    })
}

/// The sphinx-issues settings of a site whose `conf.py` enables the extension: each of
/// [`SETTINGS`] it assigns a string, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IssueRoles {
    pub settings: BTreeMap<String, String>,
}

impl IssueRoles {
    fn setting(&self, name: &str) -> Option<&str> {
        self.settings.get(name).map(String::as_str)
    }

    /// Whether the site can draw role `name`: a CVE, a CWE, and a tracker's role whose
    /// template needs no repository or has one (Sphinx fails on one that has none).
    pub fn defines(&self, name: &str) -> bool {
        match name {
            "cve" | "cwe" => true,
            _ => tracker(name).is_some_and(|t| self.url(&t, "1", None).is_some()),
        }
    }

    /// The default `(group, project)`: the setting naming it, else the GitHub repository
    /// the role's own template names.
    fn default_repository<'a>(&'a self, template: &'a str) -> Option<(&'a str, &'a str)> {
        let named = self
            .setting("issues_default_group_project")
            .or_else(|| self.setting("issues_github_path"));
        if let Some(named) = named {
            return named.split_once('/');
        }
        let (group, rest) = template
            .strip_prefix("https://github.com/")?
            .split_once('/')?;
        let (project, _) = rest.split_once('/')?;
        let plain = |s: &str| !s.is_empty() && !s.contains(['{', '}']);
        (plain(group) && plain(project)).then_some((group, project))
    }

    /// The URL of `number` on the tracker, in `repository` (named in the role) or the
    /// site's own; `None` when the template needs a repository and there is none.
    fn url(
        &self,
        tracker: &Tracker,
        number: &str,
        repository: Option<(&str, &str)>,
    ) -> Option<String> {
        let configured = self.setting(tracker.uri).unwrap_or(tracker.default_uri);
        let mut template = configured.replace(&format!("{{{}}}", tracker.placeholder), "{n}");
        let default = self.default_repository(configured);
        let (group, project) = match (repository, default) {
            (Some(named), Some((group, project))) => {
                // A template naming the site's repository outright (written before
                // `{group}` existed) names the role's repository instead.
                template = template.replace(&format!("{group}/{project}"), "{group}/{project}");
                named
            }
            (Some(named), None) => named,
            (None, Some(default)) => default,
            (None, None) => ("", ""),
        };
        // A field without a value (no repository) makes no URL, as Sphinx makes none.
        let values = [("n", number), ("group", group), ("project", project)];
        let value = |name: &str| {
            let found = values.iter().find(|(n, _)| *n == name);
            found.map(|(_, v)| *v).filter(|v| !v.is_empty())
        };
        python_format(&template, value)
    }

    /// Role `name` drawn around its content, `None` when the site does not define it.
    /// `checked` gives the destination to write for a URL.
    pub fn draw(
        &self,
        name: &str,
        code: &str,
        checked: &mut dyn FnMut(&str) -> String,
    ) -> Option<DrawnRole> {
        let mut drawn = DrawnRole {
            events: Vec::new(),
            text: String::new(),
        };
        let mut link = |drawn: &mut DrawnRole, url: String, shown: String| {
            drawn.events.extend([
                Event::Start(link_tag(checked(&url))),
                Event::Text(shown.clone().into()),
                Event::End(TagEnd::Link),
            ]);
            drawn.text.push_str(&shown);
        };
        if name == "cve" || name == "cwe" {
            let (title, target) = role_parts(code);
            let url = match name {
                "cve" => format!("https://cve.mitre.org/cgi-bin/cvename.cgi?name={target}"),
                _ => format!(
                    "https://cwe.mitre.org/data/definitions/{}.html",
                    target.get(4..).unwrap_or("")
                ),
            };
            link(&mut drawn, url, title.unwrap_or(target).to_string());
            return Some(drawn);
        }
        let tracker = tracker(name).filter(|_| self.defines(name))?;
        // `{issue}`12, 13`` is two links, a comma between them.
        for (i, part) in code.split(',').map(str::trim).enumerate() {
            if i > 0 {
                drawn.events.push(Event::Text(", ".into()));
                drawn.text.push_str(", ");
            }
            // `-` and `0` stand for no issue: nothing is drawn.
            if part == "-" || part == "0" {
                continue;
            }
            let (title, target) = role_parts(part);
            let prefix = self
                .setting(tracker.prefix)
                .unwrap_or(tracker.default_prefix);
            let caption = |number: &str| {
                let number = number.trim_start_matches(SEPARATORS);
                let number = match name {
                    "commit" => number.get(..7).unwrap_or(number),
                    _ => number,
                };
                format!("{prefix}{number}")
            };
            let (url, shown) = match other_repository(target) {
                Some((group, project, number)) => (
                    self.url(&tracker, number, Some((group, project))),
                    format!("{group}/{project}{}", caption(number)),
                ),
                None => (self.url(&tracker, target, None), caption(target)),
            };
            let shown = title.map_or(shown, str::to_string);
            match url {
                Some(url) => link(&mut drawn, url, shown),
                // A part that makes no URL (the empty last one of `12,`): its text.
                None => {
                    drawn.events.push(Event::Text(shown.clone().into()));
                    drawn.text.push_str(&shown);
                }
            }
        }
        Some(drawn)
    }
}

/// `group/project#12` (or `!12`, `@abc`): another repository's issue, as sphinx-issues
/// reads it (`^(\w+)/(.+)([#@!])(\w+)$`), but for a group with a hyphen or a dot
/// (`python-scim/scim2-client#12`), which its `\w+` misses, making a URL of the whole
/// target that leads to no issue; GitHub's and GitLab's names have them.
fn other_repository(target: &str) -> Option<(&str, &str, &str)> {
    let word = |s: &str, more: &[char]| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || more.contains(&c))
    };
    let at = target.rfind(SEPARATORS)?;
    let (repository, number) = (&target[..at], &target[at + 1..]);
    let (group, project) = repository.split_once('/')?;
    (word(group, &['-', '.']) && !project.is_empty() && word(number, &[]))
        .then_some((group, project, number))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(settings: &[(&str, &str)]) -> IssueRoles {
        IssueRoles {
            settings: settings
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    /// The links drawn: destination and text.
    fn drawn(
        roles: &IssueRoles,
        name: &str,
        code: &str,
    ) -> Option<(Vec<(String, String)>, String)> {
        let drawn = roles.draw(name, code, &mut |url| url.to_string())?;
        let mut links = Vec::new();
        let mut events = drawn.events.into_iter();
        while let Some(event) = events.next() {
            if let Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event
                && let Some(Event::Text(text)) = events.next()
            {
                links.push((dest_url.to_string(), text.to_string()));
            }
        }
        Some((links, drawn.text))
    }

    fn one(url: &str, text: &str) -> Vec<(String, String)> {
        vec![(url.to_string(), text.to_string())]
    }

    #[test]
    fn templates_are_filled_as_sphinx_issues_fills_them() {
        // Before `{group}` existed: a template naming the repository outright, which
        // another repository's issue replaces.
        let old = roles(&[(
            "issues_uri",
            "https://github.com/sloria/marshmallow/issues/{issue}",
        )]);
        assert_eq!(
            drawn(&old, "issue", "42").unwrap().0,
            one("https://github.com/sloria/marshmallow/issues/42", "#42")
        );
        assert_eq!(
            drawn(&old, "issue", "sloria/konch#45").unwrap().0,
            one(
                "https://github.com/sloria/konch/issues/45",
                "sloria/konch#45"
            )
        );
        // No repository: only what needs none.
        let none = roles(&[]);
        assert!(!none.defines("issue") && !none.defines("pr") && !none.defines("commit"));
        assert!(none.defines("user") && none.defines("cve") && none.defines("cwe"));
        assert!(!none.defines("pypi") && !none.defines("gh"));
        assert_eq!(drawn(&none, "issue", "12"), None);
        // Braces doubled are braces; an unknown name makes no URL.
        let odd = roles(&[
            ("issues_uri", "https://t/{{x}}/{issue}"),
            ("issues_pr_uri", "https://t/{nope}/{pr}"),
        ]);
        assert_eq!(
            drawn(&odd, "issue", "3").unwrap().0,
            one("https://t/{x}/3", "#3")
        );
        assert!(!odd.defines("pr"));
        // No issue (`0`, `-`) draws nothing, its comma kept; a commit is cut to 7.
        let site = roles(&[("issues_github_path", "o/r")]);
        assert_eq!(drawn(&site, "issue", "0, 7").unwrap().1, ", #7");
        assert_eq!(drawn(&site, "issue", "7,").unwrap().1, "#7, #");
        assert_eq!(
            drawn(&site, "commit", "o/x@0123456789").unwrap().0,
            one("https://github.com/o/x/commit/0123456789", "o/x@0123456")
        );
        assert_eq!(
            drawn(&site, "issue", "123, (Duplicate) <199>").unwrap().0,
            vec![
                (
                    "https://github.com/o/r/issues/123".to_string(),
                    "#123".to_string()
                ),
                (
                    "https://github.com/o/r/issues/199".to_string(),
                    "(Duplicate)".to_string()
                )
            ]
        );
    }

    #[test]
    fn odd_content_draws_without_panicking() {
        let site = roles(&[("issues_github_path", "o/r"), ("issues_user_uri", "{user")]);
        for code in [
            "", ",", " , ,", "a/#", "/b#1", "é/ü#ñ", "<>", "x <", "{", "}", "#", "cwe", "CWE-é",
        ] {
            for name in ["issue", "pr", "commit", "user", "cve", "cwe"] {
                let _ = drawn(&site, name, code);
            }
        }
    }
}
