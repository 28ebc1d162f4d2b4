//! Shared by `build` and `check`: find the handbook, print diagnostics in the chosen format,
//! decide the exit code. Keeping this in one place is what makes the two commands report
//! the same thing.

use crate::cli::{FindingsArgs, ReportArgs, RootArg};
use orgbook::diagnostic::{self, Diagnostic, Format, Severity};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Exit codes: 0 clean, 1 content errors (or warnings with --strict), 2 usage errors.
pub const EXIT_OK: u8 = 0;
pub const EXIT_ERRORS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

/// Resolves `--root`, or explains how to start a handbook.
pub fn find_root(arg: &RootArg) -> Result<PathBuf, u8> {
    if !arg.root.exists() {
        errln!("error: folder {} does not exist", arg.root.display());
        return Err(EXIT_USAGE);
    }
    orgbook::site::find_root(&arg.root).map_err(|e| {
        errln!("error: {e}");
        errln!("  = help: run orgbook in a handbook folder, pass --root DIR, or start one with `orgbook init DIR`");
        EXIT_USAGE
    })
}

/// Prints the run's diagnostics, then its org health findings, in the chosen format, and
/// returns whether the run failed. `build` and `check` both end here.
pub fn diagnostics_and_findings(
    site: &orgbook::site::SiteBuild,
    root: &std::path::Path,
    args: &ReportArgs,
    shown: &FindingsArgs,
) -> bool {
    let diagnostics: std::borrow::Cow<[Diagnostic]> = match args.format.names_repository_paths() {
        true => paths_from_workspace(root, &site.diagnostics).into(),
        false => site.diagnostics.as_slice().into(),
    };
    if args.format == Format::Gitlab {
        // One JSON array, so diagnostics and every finding are printed together.
        let failed = failed(&diagnostics, args);
        let mut issues = diagnostics.into_owned();
        issues.extend(finding_notes(site, root, args.format).unwrap_or_default());
        outln!("{}", diagnostic::gitlab_report(&issues));
        return failed;
    }
    let failed = report(&diagnostics, args);
    findings(site, root, args, shown);
    failed
}

/// Prints every diagnostic (to stderr for humans, stdout for machine formats) and returns
/// whether the run failed.
pub fn report(diags: &[Diagnostic], args: &ReportArgs) -> bool {
    if args.format == Format::Gitlab {
        outln!("{}", diagnostic::gitlab_report(diags));
        return failed(diags, args);
    }
    for d in diags {
        let text = diagnostic::render(d, args.format);
        match args.format {
            Format::Human => errln!("{text}"),
            Format::Json | Format::Github | Format::Gitlab => outln!("{text}"),
        }
    }
    failed(diags, args)
}

/// Whether `diags` fail the run: any error, or with `--strict` any warning.
fn failed(diags: &[Diagnostic], args: &ReportArgs) -> bool {
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let warnings = diags
        .iter()
        .filter(|d| d.severity == Severity::Warning)
        .count();
    errors > 0 || (args.strict && warnings > 0)
}

/// When broken links are among the errors, the setting that publishes while they are
/// fixed: a handbook moved in from another tool starts with links to pages it never had,
/// and the build's own help names only the fix of each link.
pub fn broken_links_hint(diags: &[Diagnostic]) {
    let broken = || {
        diags
            .iter()
            .filter(|d| d.severity == Severity::Error && d.code == "broken-link")
    };
    let files: std::collections::BTreeSet<&str> = broken().map(|d| d.file.as_str()).collect();
    if !files.is_empty() {
        errln!(
            "  = help: broken links in {} fail the build; to publish while you fix them, set `broken = \"warn\"` under `[links]` in orgbook.toml (each one stays a warning)",
            orgbook::text::counted(files.len(), "file", "files")
        );
    }
    // Links from the top to pages the old site made from code (`/careers`), which no
    // Markdown file will ever answer.
    let to_a_page = |d: &Diagnostic| {
        let Some(link) = d
            .message
            .strip_prefix("link to `/")
            .and_then(|rest| rest.split('`').next())
        else {
            return false;
        };
        let path = link.split(['?', '#']).next().unwrap_or(link);
        let name = path.rsplit('/').next().unwrap_or(path);
        // A page's address (`/careers`, `/jobs/`, `/about.html`), not a file (`/img/a.png`).
        !name.contains('.') || name.ends_with(".html")
    };
    if broken().any(to_a_page) {
        errln!(
            "  = help: links from the top (`/…`) to pages another site makes can go to that site: set `site = \"https://…\"` under `[links]`"
        );
    }
}

/// A handbook without a single charter has an empty org map, people and ownership pages,
/// and nothing says why: a handbook moved in from another tool keeps its team pages where
/// they were (`departments/engineering/teams/delivery/index.md`), as plain pages. Says
/// where charters go, and names a folder called `teams` elsewhere if there is one, and
/// team definitions kept as data that orgbook does not read ([`orgbook::team_data`]).
pub fn no_charters_hint(site: &orgbook::site::SiteBuild) {
    let Some(hb) = site.handbook.as_ref() else {
        return;
    };
    if !hb.teams.is_empty() || hb.docs.is_empty() {
        return;
    }
    let elsewhere: std::collections::BTreeMap<&str, usize> = hb
        .docs
        .iter()
        .filter_map(|d| {
            let path = d.source.path.as_str();
            let at = path.find("/teams/")?;
            (at > "content".len()).then(|| &path[..at + "/teams/".len()])
        })
        .fold(Default::default(), |mut m, folder| {
            *m.entry(folder).or_default() += 1;
            m
        });
    let mut hint = "note: no team charters: the org map, people and ownership pages are empty. A charter is a Markdown file in content/teams/ whose front matter has `name`, `problem` and `metrics` (docs/format.md); `orgbook new team SLUG` starts one".to_string();
    if let Some((folder, pages)) = elsewhere.iter().max_by_key(|(_, n)| **n) {
        hint.push_str(&format!(
            ". {folder} holds {}: pages elsewhere are not charters, so write each team's charter in content/teams/ and link its pages from it",
            orgbook::text::counted(*pages, "page", "pages")
        ));
    }
    if let Some((example, pages)) = team_pages_outside_teams(hb) {
        let folder = example.rsplit('/').nth(1).unwrap_or("the-team");
        hint.push_str(&format!(
            ". {} like a team's page (a heading on what the team is for and one on who is in it) outside a `teams` folder, e.g. {example}: such a page is a team's charter in a folder directly inside a folder named `teams` (move its folder to …/teams/{folder}/), or anywhere with `template: team` in its front matter",
            orgbook::text::counted(pages, "page reads", "pages read")
        ));
    }
    errln!("{hint}");
    // An organisation kept as data (a governance repository's `sigs.yaml`, `teams/*.toml`).
    for data in hb
        .root
        .as_deref()
        .map(orgbook::team_data::find)
        .unwrap_or_default()
    {
        errln!("note: {}", data.note(data.path()));
    }
}

/// Folders' index pages written as a team's page (`load::is_team_page`: a heading on what
/// the team is for and one on who is in it) where orgbook does not look for teams: the
/// first by path, and how many. Asked only when the handbook has no charter; the pages
/// are read again from disk, since `build` has dropped their bodies by now.
fn team_pages_outside_teams(hb: &orgbook::link::Handbook) -> Option<(String, usize)> {
    use orgbook::model::DocKind;
    let mut found = hb.docs.iter().filter(|d| {
        let path = d.source.path.as_str();
        let rel = path.strip_prefix("content/").unwrap_or(path);
        matches!(&d.kind, DocKind::Page(p) if p.folder_index && !p.is_home)
            && !rel.starts_with("teams/")
            && orgbook::load::team_folder_elsewhere(rel).is_none()
            && match &hb.root {
                Some(root) => std::fs::read_to_string(root.join(path))
                    .is_ok_and(|text| orgbook::load::is_team_page(path, &text)),
                None => orgbook::load::is_team_page(path, &d.source.text),
            }
    });
    let first = found.next()?;
    Some((first.source.path.clone(), 1 + found.count()))
}

/// The site's health findings as notes (docs/health.md), in the same format as the
/// diagnostics and after them. They never change the exit code.
fn findings(
    site: &orgbook::site::SiteBuild,
    root: &std::path::Path,
    args: &ReportArgs,
    shown: &FindingsArgs,
) {
    let Some(notes) = finding_notes(site, root, args.format) else {
        return;
    };
    // A large handbook has thousands of findings (9,436 at 10,000 pages): printed in full
    // they bury the diagnostics and flood CI logs. People get a sample of each rule and a
    // count; tools (json) and --all-findings get everything.
    if shown.all_findings || args.format == Format::Json {
        report(&notes, args);
        return;
    }
    let (shown, hidden) = sample_per_rule(notes, FINDINGS_SHOWN_PER_RULE);
    report(&shown, args);
    if let Some(line) = hidden_summary(&hidden) {
        match args.format {
            Format::Human => errln!("note: {line}"),
            // One notice without a file: GitHub shows it in the run's summary.
            Format::Github => outln!("::notice::{line}"),
            Format::Json | Format::Gitlab => unreachable!("tools get every finding"),
        }
    }
}

/// Every health finding as a note, with paths as `format` names them; `None` while the
/// handbook has errors: findings computed from it are noise then (a typo'd reference
/// shows up as a one-way collaboration), so the errors come first. Denied findings are
/// errors of their own and do not hide the other findings.
fn finding_notes(
    site: &orgbook::site::SiteBuild,
    root: &std::path::Path,
    format: Format,
) -> Option<Vec<Diagnostic>> {
    let broken = site.diagnostics.iter().any(|d| {
        d.is_error()
            && !orgbook::health_rules::RULES
                .iter()
                .any(|(r, _)| *r == d.code)
    });
    let hb = site.handbook.as_ref().filter(|_| !broken)?;
    let notes = orgbook::health::notes(hb, &site.health);
    Some(match format.names_repository_paths() {
        true => paths_from_workspace(root, &notes),
        false => notes,
    })
}

/// Findings of each rule printed in full by `build` and `check` (human and github formats)
/// unless `--all-findings` is given.
pub const FINDINGS_SHOWN_PER_RULE: usize = 3;

/// The first `per_rule` notes of each code, in their order, and how many of each code
/// were left out.
fn sample_per_rule(
    notes: Vec<Diagnostic>,
    per_rule: usize,
) -> (Vec<Diagnostic>, BTreeMap<&'static str, usize>) {
    let mut seen: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut shown = Vec::new();
    let mut hidden: BTreeMap<&'static str, usize> = BTreeMap::new();
    for d in notes {
        let n = seen.entry(d.code).or_default();
        *n += 1;
        if *n <= per_rule {
            shown.push(d);
        } else {
            *hidden.entry(d.code).or_default() += 1;
        }
    }
    (shown, hidden)
}

/// The line that stands for the findings not printed, or `None` when every one was:
/// per rule, most first (ties by rule id), so the line is the same on every run.
fn hidden_summary(hidden: &BTreeMap<&'static str, usize>) -> Option<String> {
    let total: usize = hidden.values().sum();
    if total == 0 {
        return None;
    }
    let mut rules: Vec<(&&str, &usize)> = hidden.iter().collect();
    rules.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
    let per_rule: Vec<String> = rules.iter().map(|(r, n)| format!("{r} {n}")).collect();
    let s = if total == 1 { "" } else { "s" };
    Some(format!(
        "{total} more org health finding{s} not shown ({}); health.html lists every finding; pass --all-findings to print them all",
        per_rule.join(", ")
    ))
}

/// GitHub resolves annotation paths against the repository root (the working directory of
/// a workflow step), while diagnostics name files relative to the handbook. When the
/// handbook is a subfolder of the working directory, prefix that folder.
pub fn paths_from_workspace(root: &std::path::Path, diags: &[Diagnostic]) -> Vec<Diagnostic> {
    let cwd = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .unwrap_or_default();
    let prefix = match root.strip_prefix(&cwd) {
        Ok(rel) if !rel.as_os_str().is_empty() => diagnostic::display_path(&cwd, root) + "/",
        _ => String::new(),
    };
    diags
        .iter()
        .map(|d| Diagnostic {
            file: under(&prefix, &d.file),
            ..d.clone()
        })
        .collect()
}

/// `file` (relative to the handbook) under `prefix` (the handbook's folder, ending in `/`),
/// with the `../` of a file above the handbook (the repository's CODEOWNERS) taken off
/// the prefix: GitHub matches annotation paths as written.
fn under(prefix: &str, file: &str) -> String {
    let mut folders: Vec<&str> = prefix.split('/').filter(|s| !s.is_empty()).collect();
    let mut rest = file;
    while let Some(up) = rest.strip_prefix("../") {
        if folders.pop().is_none() {
            return format!("{prefix}{file}");
        }
        rest = up;
    }
    folders.push(rest);
    folders.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_above_the_handbook_are_named_from_the_repository_root() {
        assert_eq!(under("handbook/", "content/a.md"), "handbook/content/a.md");
        assert_eq!(
            under("handbook/", "../.github/CODEOWNERS"),
            ".github/CODEOWNERS"
        );
        assert_eq!(under("docs/hb/", "../CODEOWNERS"), "docs/CODEOWNERS");
        assert_eq!(under("", "content/a.md"), "content/a.md");
        assert_eq!(under("", "../x"), "../x", "above the workspace: as it is");
    }

    #[test]
    fn the_summary_orders_rules_by_count_then_id() {
        let hidden = BTreeMap::from([("stale-charter", 2), ("type2-slow", 7), ("empty-group", 2)]);
        assert_eq!(
            hidden_summary(&hidden).unwrap(),
            "11 more org health findings not shown (type2-slow 7, empty-group 2, stale-charter 2); health.html lists every finding; pass --all-findings to print them all"
        );
        assert_eq!(hidden_summary(&BTreeMap::new()), None);
        assert!(
            hidden_summary(&BTreeMap::from([("empty-group", 1)]))
                .unwrap()
                .starts_with("1 more org health finding not shown (empty-group 1);")
        );
    }

    #[test]
    fn sampling_keeps_the_first_of_each_rule_in_order() {
        let note = |code: &'static str, file: &str| Diagnostic::note(code, file, "m");
        let notes = vec![
            note("stale-charter", "a"),
            note("empty-group", "b"),
            note("stale-charter", "c"),
            note("stale-charter", "d"),
            note("empty-group", "e"),
        ];
        let (shown, hidden) = sample_per_rule(notes, 2);
        let files: Vec<&str> = shown.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["a", "b", "c", "e"]);
        assert_eq!(hidden, BTreeMap::from([("stale-charter", 1)]));
    }
}
