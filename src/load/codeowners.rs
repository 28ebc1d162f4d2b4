//! CODEOWNERS: the file GitHub, GitLab and Bitbucket read to ask a path's owners to
//! review a change. Most organisations have one long before they have a handbook, and it is
//! the most exact answer to "who owns X" they hold, so orgbook reads it beside the charters.
//!
//! This module finds the file (the handbook's own folder first, then the git repository
//! around it, in the places GitHub and GitLab look) and reads its rules with their
//! positions. Matching owners to charters is the link stage's (`link::code_owners`).
//!
//! Written by hand (docs/design.md, "Choices of crates"): the `codeowners` crate keeps no
//! positions, and `codeowners-rs` reads GitHub's syntax only (no GitLab `[Section]`
//! headers with default owners, `!` exclusions, `@@roles`) and brings a path matcher that
//! orgbook, which lists patterns and never matches paths, does not need.

use crate::diagnostic::Diagnostic;
use crate::model::Spanned;
use std::path::{Path, PathBuf};

/// Where GitHub (`.github/`, the root, `docs/`) and GitLab (the root, `docs/`, `.gitlab/`)
/// look for the file, in GitHub's order: the first one found is the one the forge uses.
pub const PLACES: [&str; 4] = [
    ".github/CODEOWNERS",
    "CODEOWNERS",
    "docs/CODEOWNERS",
    ".gitlab/CODEOWNERS",
];

/// The file is read whole; past this it is not a CODEOWNERS file (GitHub ignores files
/// over 3 MB).
const MAX_BYTES: u64 = 3 * 1024 * 1024;

/// Tokens that are no owner reported one by one before the rest are counted.
const SHOWN: usize = 20;

/// Owners read per rule (and per GitLab section): real rules name a few. The bound keeps
/// every later step linear in the file's size: without it, a section of N default owners
/// over M rules would be N × M owners to match.
pub const MAX_OWNERS: usize = 100;

/// A CODEOWNERS file, read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CodeOwnersFile {
    /// Where it is, for diagnostics: relative to the handbook root (`.github/CODEOWNERS`,
    /// `../.github/CODEOWNERS` when it is the repository's around the handbook).
    pub path: String,
    /// Where it is on disk (watched by `orgbook serve`).
    pub absolute: PathBuf,
    /// Its text, for diagnostics' source lines.
    pub text: String,
    pub rules: Vec<Rule>,
    /// What is wrong in it (tokens that are no owner…), reported by the link stage once it
    /// knows the handbook has charters for the file to name.
    pub problems: Vec<Diagnostic>,
}

/// One line that gives a path pattern to owners.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// The pattern as the forge reads it (`\ ` unescaped), e.g. `/services/payments/`.
    pub pattern: Spanned<String>,
    /// `@org/team`, `@user`, `@@role` or `email@example.com`, in the order written. Empty:
    /// the path has no owner (a rule that removes the owners an earlier one gave, or a
    /// GitLab exclusion, `!pom.xml`).
    pub owners: Vec<Spanned<String>>,
    /// The GitLab section the rule is in (`[Documentation]`), if any.
    pub section: Option<String>,
    /// 1-based line number.
    pub line: u32,
}

/// Finds the CODEOWNERS file for the handbook at `root`: `configured` (relative to `root`)
/// when set, else the first of [`PLACES`] in `root`, else in the git repository that
/// holds `root` (the nearest folder above it with a `.git`).
pub fn find(root: &Path, configured: Option<&str>) -> Option<PathBuf> {
    if let Some(rel) = configured {
        return Some(root.join(rel));
    }
    let in_folder = |dir: &Path| PLACES.iter().map(|p| dir.join(p)).find(|p| p.is_file());
    if let Some(found) = in_folder(root) {
        return Some(found);
    }
    if root.join(".git").exists() {
        return None;
    }
    let absolute = std::path::absolute(root).ok()?;
    let repo = absolute
        .ancestors()
        .skip(1)
        .find(|d| d.join(".git").exists())?;
    in_folder(repo)
}

/// Reads the CODEOWNERS file of the handbook at `root` (see [`find`]). `None` when there is
/// none, or when it cannot be read (reported as an error if it was configured, since the
/// author asked for it; as a warning otherwise).
pub fn read(
    root: &Path,
    configured: Option<&str>,
    diags: &mut Vec<Diagnostic>,
) -> Option<CodeOwnersFile> {
    let absolute = find(root, configured)?;
    let path = shown_path(root, &absolute);
    let problem = |message: String| {
        let d = if configured.is_some() {
            Diagnostic::error("bad-codeowners", crate::config::CONFIG_FILE, message)
        } else {
            Diagnostic::warning("bad-codeowners", &path, message)
        };
        d.with_help("`[codeowners] file` in orgbook.toml names the file, relative to the handbook's folder; `read = false` turns it off")
    };
    // Only a file of the repository that holds the handbook (of the handbook's folder,
    // outside one), symlinks followed, and none in a folder of credentials: the file's
    // text is published (api/ownership.json), so a config or a symlink must not be able
    // to publish `~/.ssh/id_rsa`.
    if let Ok(real) = absolute.canonicalize() {
        let inside = boundary(root);
        let private = real.strip_prefix(&inside).ok().is_some_and(|rel| {
            rel.components().any(|c| {
                super::include::PRIVATE_FOLDERS.contains(&c.as_os_str().to_string_lossy().as_ref())
            })
        });
        if !real.starts_with(&inside) || private {
            diags.push(problem(format!(
                "{path} is outside the repository that holds the handbook, or in a folder of credentials; it is not read"
            )));
            return None;
        }
    }
    match std::fs::metadata(&absolute) {
        Ok(meta) if meta.is_file() && meta.len() <= MAX_BYTES => {}
        Ok(meta) if meta.is_file() => {
            diags.push(problem(format!(
                "{path} is {} MB; a CODEOWNERS file is at most 3 MB (GitHub ignores larger ones)",
                meta.len() / (1024 * 1024)
            )));
            return None;
        }
        Ok(_) => {
            diags.push(problem(format!("{path} is not a file")));
            return None;
        }
        Err(e) => {
            diags.push(problem(format!("cannot read {path}: {e}")));
            return None;
        }
    }
    let text = match crate::text::legacy::read_beside(&absolute, &path, diags) {
        Ok(text) => text,
        Err(e) => {
            diags.push(problem(format!("cannot read {path}: {e}")));
            return None;
        }
    };
    let mut problems = Vec::new();
    let rules = parse(&path, &text, &mut problems);
    Some(CodeOwnersFile {
        path,
        absolute,
        text,
        rules,
        problems,
    })
}

/// The folder a CODEOWNERS file must be in: the git repository that holds the handbook at
/// `root` (its nearest folder with a `.git`), else the handbook's folder; canonical.
fn boundary(root: &Path) -> PathBuf {
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    root.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&root)
        .to_path_buf()
}

/// `absolute` relative to `root`, `/`-separated, with `..` when it is above it.
fn shown_path(root: &Path, absolute: &Path) -> String {
    let root = std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf());
    let file = std::path::absolute(absolute).unwrap_or_else(|_| absolute.to_path_buf());
    for (up, base) in root.ancestors().enumerate() {
        if let Ok(rest) = file.strip_prefix(base) {
            let rest = rest.to_string_lossy().replace('\\', "/");
            return format!("{}{rest}", "../".repeat(up));
        }
    }
    file.display().to_string()
}

/// Reads the rules of a CODEOWNERS text; lines that are not rules (a token that is no
/// owner) are reported and the rest of the line is still read.
pub fn parse(path: &str, text: &str, diags: &mut Vec<Diagnostic>) -> Vec<Rule> {
    let mut rules = Vec::new();
    let mut section: Option<String> = None;
    let mut section_owners: Vec<Spanned<String>> = Vec::new();
    let mut reported = 0usize;
    let mut start = 0usize;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let line_start = start;
        start += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let tokens = tokens(line, line_start);
        let Some(first) = tokens.first() else {
            continue;
        };
        if let Some((name, mut rest)) = section_header(&tokens) {
            too_many_owners(path, text, &mut rest, &mut reported, diags);
            section = Some(name);
            section_owners = rest;
            continue;
        }
        let mut owners = Vec::new();
        for t in &tokens[1..] {
            if is_owner(&t.value) {
                owners.push(t.clone());
            } else {
                reported += 1;
                if reported <= SHOWN {
                    diags.push(
                        Diagnostic::warning(
                            "bad-codeowners",
                            path,
                            format!("`{}` is not an owner, so it is left out of this rule", t.value),
                        )
                        .with_help("an owner is `@user`, `@org/team` or an email address; a pattern with spaces writes them as `\\ `")
                        .at(text, t.span.clone()),
                    );
                }
            }
        }
        too_many_owners(path, text, &mut owners, &mut reported, diags);
        // GitLab: a rule without owners in a section takes the section's, except an
        // exclusion (`!pom.xml`), which leaves its paths unowned.
        if owners.is_empty() && tokens.len() == 1 && !first.value.starts_with('!') {
            owners = section_owners.clone();
        }
        rules.push(Rule {
            pattern: first.clone(),
            owners,
            section: section.clone(),
            line: i as u32 + 1,
        });
    }
    if reported > SHOWN {
        diags.push(
            Diagnostic::warning(
                "bad-codeowners",
                path,
                format!("{} more tokens are not owners", reported - SHOWN),
            )
            .with_help("an owner is `@user`, `@org/team` or an email address"),
        );
    }
    rules
}

/// Keeps the first [`MAX_OWNERS`] of `owners`, reporting the cut at the first owner left out.
fn too_many_owners(
    path: &str,
    text: &str,
    owners: &mut Vec<Spanned<String>>,
    reported: &mut usize,
    diags: &mut Vec<Diagnostic>,
) {
    let Some(first_cut) = owners.get(MAX_OWNERS) else {
        return;
    };
    *reported += 1;
    if *reported <= SHOWN {
        diags.push(
            Diagnostic::warning(
                "bad-codeowners",
                path,
                format!(
                    "this rule has {} owners; only the first {MAX_OWNERS} are read",
                    owners.len()
                ),
            )
            .with_help("give the path to a team that has these people in it")
            .at(text, first_cut.span.clone()),
        );
    }
    owners.truncate(MAX_OWNERS);
}

/// The line's tokens with their byte ranges in the file, up to a comment. `\ ` is a space
/// inside a token and `\#` a `#` (GitLab's escapes); a token that starts with `#` starts a
/// comment.
fn tokens(line: &str, offset: usize) -> Vec<Spanned<String>> {
    let mut out = Vec::new();
    let mut current: Option<(String, usize)> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '\\' if matches!(chars.peek(), Some((_, ' ' | '#' | '\\'))) => {
                let (_, next) = chars.next().unwrap_or((at, c));
                current
                    .get_or_insert_with(|| (String::new(), at))
                    .0
                    .push(next);
            }
            c if c.is_whitespace() => {
                if let Some((token, from)) = current.take() {
                    out.push(Spanned::new(token, offset + from..offset + at));
                }
            }
            '#' if current.is_none() => break,
            c => current.get_or_insert_with(|| (String::new(), at)).0.push(c),
        }
    }
    if let Some((token, from)) = current.take() {
        out.push(Spanned::new(token, offset + from..offset + line.len()));
    }
    out
}

/// GitLab's section header: `[Name]`, `^[Optional name]`, `[Name][2]`, then the section's
/// default owners. A glob such as `[Dd]ocs/` is a pattern, not a header: a header's `]`
/// ends its first token or is followed only by a `[N]` count.
fn section_header(tokens: &[Spanned<String>]) -> Option<(String, Vec<Spanned<String>>)> {
    let first = &tokens[0].value;
    let body = first.strip_prefix('^').unwrap_or(first).strip_prefix('[')?;
    // The name may hold spaces (`[Front end]`): join tokens up to the one closing it.
    let mut name = String::new();
    let mut close = None;
    for (i, t) in tokens.iter().enumerate() {
        let text = if i == 0 { body } else { t.value.as_str() };
        if !name.is_empty() {
            name.push(' ');
        }
        if let Some(end) = text.find(']') {
            let after = &text[end + 1..];
            let count = after
                .strip_prefix('[')
                .and_then(|a| a.strip_suffix(']'))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !(after.is_empty() || count) {
                return None;
            }
            name.push_str(&text[..end]);
            close = Some(i);
            break;
        }
        name.push_str(text);
    }
    let close = close?;
    let owners: Vec<_> = tokens[close + 1..].to_vec();
    if name.trim().is_empty() || !owners.iter().all(|t| is_owner(&t.value)) {
        return None;
    }
    Some((name.trim().to_string(), owners))
}

/// `@user`, `@org/team`, `@@role` (GitLab) or an email address.
pub fn is_owner(token: &str) -> bool {
    match token.strip_prefix('@') {
        Some(rest) => !rest.is_empty(),
        None => token.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.contains('.') && !host.starts_with('.')
        }),
    }
}

/// The team part of a `@org/team` owner (`@org/sub/team` on GitLab: the last part),
/// lower-cased; `None` for people, roles and emails.
pub fn team_name(owner: &str) -> Option<String> {
    let rest = owner.strip_prefix('@')?;
    if rest.starts_with('@') {
        return None;
    }
    let (_, team) = rest.rsplit_once('/')?;
    (!team.is_empty()).then(|| team.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(text: &str) -> (Vec<Rule>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let rules = parse(".github/CODEOWNERS", text, &mut diags);
        (rules, diags)
    }

    fn owners(r: &Rule) -> Vec<&str> {
        r.owners.iter().map(|o| o.value.as_str()).collect()
    }

    #[test]
    fn github_rules_comments_and_positions() {
        let text = "# Owners\n*       @acme/platform\n\n/services/payments/ @acme/payments @jdoe # the API\ndocs/*  docs@acme.com\n/build/logs/\n";
        let (r, d) = rules(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.len(), 4);
        assert_eq!((r[0].pattern.value.as_str(), r[0].line), ("*", 2));
        assert_eq!(r[1].pattern.value, "/services/payments/");
        assert_eq!(owners(&r[1]), ["@acme/payments", "@jdoe"]);
        assert_eq!(r[1].line, 4);
        assert_eq!(&text[r[1].owners[0].span.clone()], "@acme/payments");
        assert_eq!(owners(&r[2]), ["docs@acme.com"]);
        assert!(r[3].owners.is_empty(), "a rule without owners unsets them");
    }

    #[test]
    fn escapes_and_crlf() {
        let (r, _) = rules("/my\\ docs/ @acme/docs\r\n\\#notes/ @acme/docs\r\n");
        assert_eq!(r[0].pattern.value, "/my docs/");
        assert_eq!(r[1].pattern.value, "#notes/");
        assert_eq!(owners(&r[1]), ["@acme/docs"]);
    }

    #[test]
    fn gitlab_sections_give_default_owners() {
        let text = "[Documentation] @acme/docs\ndocs/\nREADME.md @jdoe\n^[Front end][2] @acme/web\n*.css\n[Dd]ocs/ @acme/docs\n!pom.xml\n";
        let (r, d) = rules(text);
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.len(), 5);
        assert!(
            r[4].owners.is_empty(),
            "an exclusion takes no default owners"
        );
        assert_eq!(owners(&r[0]), ["@acme/docs"]);
        assert_eq!(r[0].section.as_deref(), Some("Documentation"));
        assert_eq!(
            owners(&r[1]),
            ["@jdoe"],
            "explicit owners replace the section's"
        );
        assert_eq!(
            (owners(&r[2]), r[2].section.as_deref()),
            (vec!["@acme/web"], Some("Front end"))
        );
        assert_eq!(
            r[3].pattern.value, "[Dd]ocs/",
            "a glob class is a pattern, not a header"
        );
    }

    #[test]
    fn a_token_that_is_no_owner_is_reported_where_it_is() {
        let text = "*.go @acme/go\n/infra/ platform-team @acme/infra\n";
        let (r, d) = rules(text);
        assert_eq!(owners(&r[1]), ["@acme/infra"]);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].column), (2, 9));
        assert!(
            d[0].message.contains("`platform-team` is not an owner"),
            "{}",
            d[0].message
        );
    }

    #[test]
    fn owners_past_the_bound_are_cut_with_a_warning() {
        let many: Vec<String> = (0..150).map(|i| format!("@u{i}")).collect();
        let text = format!("[S] {}\na/\nb/ {}\n", many.join(" "), many.join(" "));
        let (r, d) = rules(&text);
        assert_eq!(
            (r[0].owners.len(), r[1].owners.len()),
            (MAX_OWNERS, MAX_OWNERS)
        );
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((d[1].line, &text[r[1].owners[0].span.clone()]), (3, "@u0"));
        assert!(d[1].message.contains("150 owners"), "{}", d[1].message);
    }

    #[test]
    fn owner_kinds() {
        assert_eq!(team_name("@acme/Payments").as_deref(), Some("payments"));
        assert_eq!(team_name("@acme/eng/payments").as_deref(), Some("payments"));
        assert_eq!(team_name("@jdoe"), None);
        assert_eq!(team_name("@@maintainer"), None);
        assert!(is_owner("jane@acme.com") && is_owner("@x"));
        assert!(!is_owner("team") && !is_owner("@") && !is_owner("a@b"));
    }

    #[test]
    fn found_in_the_handbook_then_in_its_repository() {
        let dir = tempfile::tempdir().unwrap();
        let repo = dir.path();
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join(".github")).unwrap();
        std::fs::create_dir_all(repo.join("handbook/docs")).unwrap();
        std::fs::write(repo.join(".github/CODEOWNERS"), "* @acme/all\n").unwrap();
        let root = repo.join("handbook");
        let found = find(&root, None).unwrap();
        assert_eq!(shown_path(&root, &found), "../.github/CODEOWNERS");
        std::fs::write(root.join("docs/CODEOWNERS"), "* @acme/docs\n").unwrap();
        assert_eq!(
            shown_path(&root, &find(&root, None).unwrap()),
            "docs/CODEOWNERS"
        );
        let mut diags = Vec::new();
        assert!(read(&root, Some("nowhere/CODEOWNERS"), &mut diags).is_none());
        assert_eq!(
            (diags[0].code, diags[0].is_error()),
            ("bad-codeowners", true)
        );
        // Nothing outside the repository, nor in a folder of credentials, symlinks followed.
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret"), "key @acme/x\n").unwrap();
        let far = outside.path().join("secret").to_string_lossy().into_owned();
        std::fs::create_dir_all(repo.join(".ssh")).unwrap();
        std::fs::write(repo.join(".ssh/id_rsa"), "key @acme/x\n").unwrap();
        for named in [far.as_str(), "../.ssh/id_rsa"] {
            let mut diags = Vec::new();
            assert!(read(&root, Some(named), &mut diags).is_none(), "{named}");
            assert!(
                diags[0].message.contains("it is not read"),
                "{named}: {diags:?}"
            );
        }
        #[cfg(unix)]
        {
            std::fs::remove_file(root.join("docs/CODEOWNERS")).unwrap();
            std::os::unix::fs::symlink(outside.path().join("secret"), root.join("docs/CODEOWNERS"))
                .unwrap();
            let mut diags = Vec::new();
            assert!(read(&root, None, &mut diags).is_none());
            assert!(
                diags[0].message.contains("outside the repository"),
                "{diags:?}"
            );
        }
    }
}
