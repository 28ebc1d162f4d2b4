//! `orgbook check` for pipelines: exit codes, the three output formats (the JSON one is a
//! documented contract, docs/diagnostics.md), the same diagnostics as `build`, nothing
//! written; and reproducible builds for publishing.

use crate::harness::*;
use serde_json::Value;

/// The fixture with one warning (a missing anchor) and no errors.
fn with_warning() -> TestBook {
    let book = TestBook::fixture("basic");
    book.edit(
        "content/teams/eng/api.md",
        "0002-use-rust.md#consequences",
        "0002-use-rust.md#consequenses",
    );
    book
}

/// The fixture with two errors in two files.
fn with_errors() -> TestBook {
    let book = TestBook::fixture("basic");
    book.edit("content/teams/eng/api.md", "problem = ", "probelm = ");
    book.edit("content/teams/eng/web.md", "+++", "+++\nparent = \"engg\"");
    book
}

#[test]
fn a_clean_handbook_passes() {
    let book = TestBook::fixture("basic");
    book.run(&["check"])
        .success()
        .stderr_has("Check passed: 8 documents, 0 errors, 0 warnings");
    // check writes nothing.
    assert!(!book.out().exists());
    assert_eq!(files_under(book.root()), files_under(&fixture_dir("basic")));
}

#[test]
fn errors_fail_with_rustc_style_diagnostics() {
    let book = with_errors();
    let run = book.run(&["check"]);
    run.failure(1).stderr_has("Check failed");
    // Location, the offending line, a caret under the span, a help line.
    run.stderr_has("error[unknown-key]: unknown key `probelm` in team charter")
        .stderr_has("  --> content/teams/eng/api.md:4:1")
        .stderr_has("4 | probelm = \"Partners cannot integrate without talking to us.\"")
        .stderr_has("  | ^^^^^^^")
        .stderr_has("  = help: did you mean `problem`?");
    assert!(
        run.stdout.is_empty(),
        "human output goes to stderr: {}",
        run.stdout
    );
}

#[test]
fn warnings_pass_unless_strict() {
    let book = with_warning();
    book.run(&["check"])
        .success()
        .stderr_has("warning[missing-anchor]");
    book.run(&["check", "--strict"])
        .failure(1)
        .stderr_has("--strict: warnings fail the check");
    book.run(&["build", "--strict"]).failure(1);
    assert!(!book.out().exists(), "a failed strict build must not write");
}

#[test]
fn usage_errors_exit_2() {
    let book = TestBook::fixture("basic");
    book.run(&["check", "--format", "xml"]).failure(2);
    book.run(&["check", "--no-such-flag"]).failure(2);
    book.run(&["check", "--root", "does/not/exist"]).failure(2);
    let empty = tempfile::tempdir().unwrap();
    let root = empty.path().to_string_lossy().into_owned();
    book.run(&["check", "--root", &root])
        .failure(2)
        .stderr_has("no orgbook.toml");
}

#[test]
fn json_is_one_documented_object_per_line() {
    let book = with_errors();
    with_warning_in(&book);
    let run = book.run(&["check", "--format", "json"]);
    run.failure(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines.len() >= 3, "{}", run.stdout);
    let mut severities = Vec::new();
    for line in lines {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let obj = v.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(
            sorted,
            [
                "code", "column", "file", "help", "line", "message", "severity"
            ],
            "{line}"
        );
        // Health findings follow the diagnostics as "finding" (docs/health.md).
        assert!(
            ["error", "warning", "finding"].contains(&obj["severity"].as_str().unwrap()),
            "{line}"
        );
        assert!(
            obj["code"]
                .as_str()
                .unwrap()
                .chars()
                .all(|c| c.is_ascii_lowercase() || c == '-')
        );
        assert!(
            obj["file"].as_str().unwrap().starts_with("content/"),
            "{line}"
        );
        assert!(obj["line"].is_u64() && obj["column"].is_u64());
        assert!(obj["help"].is_string() || obj["help"].is_null());
        severities.push(obj["severity"].as_str().unwrap().to_string());
    }
    assert!(severities.contains(&"warning".to_string()));
    let typo: Value = serde_json::from_str(
        run.stdout
            .lines()
            .find(|l| l.contains("unknown-key"))
            .unwrap(),
    )
    .unwrap();
    assert_eq!(typo["file"], "content/teams/eng/api.md");
    assert_eq!(
        (typo["line"].as_u64(), typo["column"].as_u64()),
        (Some(4), Some(1))
    );
}

fn with_warning_in(book: &TestBook) {
    book.edit(
        "content/guide/onboarding.md",
        "",
        "[see](../teams/eng.md#nowhere)\n\n",
    );
}

#[test]
fn github_format_prints_workflow_annotations() {
    let book = with_errors();
    with_warning_in(&book);
    let run = book.run(&["check", "--format", "github"]);
    run.failure(1);
    assert!(
        run.stdout.lines().any(|l| l.starts_with(
            "::error file=content/teams/eng/api.md,line=4,col=1::[unknown-key] unknown key `probelm`"
        )),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("::warning file=content/guide/onboarding.md,line=")),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .all(|l| l.starts_with("::error ") || l.starts_with("::warning "))
    );
}

#[test]
fn github_paths_are_relative_to_the_workspace() {
    // A handbook in a subfolder of the repository: annotations must name repository paths.
    let repo = tempfile::tempdir().unwrap();
    let book = with_errors();
    let sub = repo.path().join("docs/handbook");
    std::fs::create_dir_all(sub.parent().unwrap()).unwrap();
    copy(book.root(), &sub);
    let out = std::process::Command::new(BIN)
        .args(["check", "--format", "github", "--root", "docs/handbook"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("::error file=docs/handbook/content/teams/eng/api.md,line=4,col=1::"),
        "{stdout}"
    );
}

fn copy(from: &std::path::Path, to: &std::path::Path) {
    orgbook::text::walk::copy_tree(from, to).unwrap();
}

#[test]
fn build_and_check_report_the_same_diagnostics() {
    let book = with_errors();
    with_warning_in(&book);
    let check = book.run(&["check", "--format", "json"]);
    let root = book.root().to_string_lossy().into_owned();
    let build = book.run(&["build", "--root", &root, "--format", "json"]);
    assert_eq!(check.code, build.code);
    assert_eq!(check.stdout, build.stdout);
    assert!(!check.stdout.is_empty());
    let human_check = book.run(&["check"]).stderr;
    let human_build = book.run(&["build"]).stderr;
    for line in human_check
        .lines()
        .filter(|l| l.starts_with("error[") || l.starts_with("warning["))
    {
        assert!(human_build.contains(line), "build lacks {line}");
    }
}

/// Two builds of the same input in different folders, written in a different order, are
/// byte-identical: nothing about the machine, the path or the file order leaks in.
#[test]
fn builds_are_reproducible_across_folders() {
    let a = TestBook::bundled();
    let b_dir = tempfile::tempdir().unwrap();
    let b = b_dir.path().join("elsewhere/handbook");
    // Copy in reverse order, so the folders list their entries differently on disk.
    let mut entries: Vec<_> = walkdir::WalkDir::new(a.root())
        .into_iter()
        .flatten()
        .collect();
    entries.reverse();
    for e in entries.iter().filter(|e| e.file_type().is_file()) {
        let dest = b.join(e.path().strip_prefix(a.root()).unwrap());
        std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
        std::fs::copy(e.path(), dest).unwrap();
    }
    a.build().success();
    let b_root = b.to_string_lossy().into_owned();
    let b_out = b_dir.path().join("out").to_string_lossy().into_owned();
    a.run(&["build", "--root", &b_root, "--output", &b_out])
        .success();
    let files_a = files_under(&a.out());
    let files_b = files_under(std::path::Path::new(&b_out));
    assert_eq!(files_a, files_b);
    for f in &files_a {
        let x = std::fs::read(a.out().join(f)).unwrap();
        let y = std::fs::read(std::path::Path::new(&b_out).join(f)).unwrap();
        assert!(x == y, "{f} differs between the two builds");
    }
}

/// `orgbook build` drops each Markdown body once it is rendered and checks anchors later
/// from where each link was noted (`markdown::Spot`), reading a file again to quote the
/// line of a link to a missing anchor: the anchor diagnostics must still name the same
/// line, column, source line and caret as `check`, which keeps the bodies.
/// Non-ASCII text before the link, CRLF line ends and two links on one line test the
/// column and the line text.
#[test]
fn build_locates_anchor_diagnostics_like_check() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/target.md",
        "# Target\n\n## C++ & Rust\n\nText.\n\n## Deploys\n",
    );
    book.write(
        "content/guide/anchors.md",
        "# Anchors\r\n\r\nIntro.\r\n\r\n- Zürich → [ok](target.md#deploys) and [typo](target.md#deplois)\r\n\r\nMore text.\r\n\r\nSee [the other rule](target.md#c-rust).\r\n",
    );
    let check = book.run(&["check", "--strict"]);
    check.failure(1);
    let root = book.root().to_string_lossy().into_owned();
    let build = book.run(&["build", "--strict", "--root", &root]);
    build.failure(1);
    for run in [&check, &build] {
        run.stderr_has("warning[missing-anchor]: `#deplois` does not match any heading in content/guide/target.md")
            .stderr_has("  --> content/guide/anchors.md:5:40")
            .stderr_has("5 | - Zürich → [ok](target.md#deploys) and [typo](target.md#deplois)\n")
            .stderr_has("warning[anchor-other-rule]")
            .stderr_has("  --> content/guide/anchors.md:9:5")
            .stderr_has("9 | See [the other rule](target.md#c-rust).\n");
    }
    // The whole diagnostic blocks agree, carets included.
    let blocks = |s: &str| -> Vec<String> {
        s.split("\n\n")
            .filter_map(|b| b.find("warning[").map(|at| b[at..].to_string()))
            .filter(|b| b.contains("anchor"))
            .collect()
    };
    assert_eq!(blocks(&check.stderr), blocks(&build.stderr));
    assert_eq!(blocks(&build.stderr).len(), 2, "{}", build.stderr);
}

/// The file of a link to a missing anchor, read again by `build` to quote the line, may
/// have changed or gone since it was loaded: then the diagnostic keeps the link's line,
/// column and span from when it was rendered and quotes no line (never a line of the new
/// text). Unchanged, or changed only after the link's line, it quotes the line.
#[test]
fn build_quotes_no_line_from_a_file_changed_since_it_was_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write_under(root, "orgbook.toml", "title = \"Org\"\n");
    write_under(root, "content/_index.md", "# Home\n\nWelcome.\n");
    write_under(root, "content/target.md", "# Target\n\n## Deploys\n");
    let original = "# Links\n\nIntro.\n\nSee [typo](target.md#deplois) here.\n";
    let edits: [(&str, Option<&str>); 5] = [
        ("unchanged", Some(original)),
        (
            "changed after the line",
            Some("# Links\n\nIntro.\n\nSee [typo](target.md#deplois) here.\nMore.\n"),
        ),
        (
            "line edited",
            Some("# Links\n\nIntro.\n\nSee [typo](target.md#deplois) there.\n"),
        ),
        (
            "line moved",
            Some("# Links\n\nIntro.\nSee [typo](target.md#deplois) here.\n"),
        ),
        ("removed", None),
    ];
    for (what, now) in edits {
        write_under(root, "content/links.md", original);
        let (config, _) = orgbook::site::load_config(root);
        let mut diags = Vec::new();
        let loaded = orgbook::load::load(root, &mut diags);
        let linked = orgbook::site::link(config, loaded);
        let mut handbook = linked.handbook;
        match now {
            Some(text) => write_under(root, "content/links.md", text),
            None => std::fs::remove_file(root.join("content/links.md")).unwrap(),
        }
        let (marked, _) = orgbook::site::markdown_stage_dropping_bodies(
            root,
            &mut handbook,
            &linked.health,
            usize::MAX,
        );
        let d = marked
            .anchor_diags
            .iter()
            .find(|d| d.code == "missing-anchor")
            .unwrap_or_else(|| panic!("{what}: {:#?}", marked.anchor_diags));
        assert_eq!(
            (d.file.as_str(), d.line, d.column, d.span_len),
            ("content/links.md", 5, 5, 25),
            "{what}"
        );
        let quoted = matches!(what, "unchanged" | "changed after the line");
        assert_eq!(
            d.source_line.as_deref(),
            quoted.then_some("See [typo](target.md#deplois) here."),
            "{what}"
        );
        assert_eq!(
            handbook
                .docs
                .iter()
                .find(|d| d.source.path == "content/links.md")
                .unwrap()
                .source
                .body(),
            "",
            "{what}: the text read again is dropped again"
        );
    }
}

/// A problem in a snippet that several pages include is one problem to fix: it is told
/// once, at the snippet's line, with the number of pages that include it (GitLab's
/// handbook includes one file on many pages; each used to repeat the same error).
#[test]
fn a_problem_in_included_text_is_told_once_for_every_page_that_includes_it() {
    let book = TestBook::fixture("basic");
    book.write(
        "snippets/escalation.md",
        "Page the [on-call lead](/nobody-here/).\n",
    );
    for page in ["content/alpha.md", "content/beta.md", "content/gamma.md"] {
        book.write(page, "# A page\n\n--8<-- \"snippets/escalation.md\"\n");
    }
    let run = book.run(&["check", "--format", "json"]);
    run.failure(1);
    let about_snippet: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .filter(|v| v["file"] == "snippets/escalation.md")
        .collect();
    assert_eq!(about_snippet.len(), 1, "{}", run.stdout);
    let help = about_snippet[0]["help"].as_str().unwrap();
    assert!(
        help.contains("(this text is included by content/alpha.md and 2 other pages, and read as part of each)"),
        "{help}"
    );
    assert_eq!(about_snippet[0]["line"], 1);
}

/// The GitLab report's issues, parsed: the whole of standard output is one JSON array.
fn gitlab_issues(run: &Run) -> Vec<Value> {
    let parsed: Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", run.stdout));
    let issues = parsed.as_array().expect("a JSON array").clone();
    for issue in &issues {
        let mut keys: Vec<&str> = issue
            .as_object()
            .unwrap()
            .keys()
            .map(|k| k.as_str())
            .collect();
        keys.sort();
        assert_eq!(
            keys,
            [
                "check_name",
                "description",
                "fingerprint",
                "location",
                "severity"
            ],
            "{issue}"
        );
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert!(
            fingerprint.len() == 32 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()),
            "{issue}"
        );
        assert!(
            ["major", "minor", "info"].contains(&issue["severity"].as_str().unwrap()),
            "{issue}"
        );
        assert!(
            issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1,
            "{issue}"
        );
        let code = issue["check_name"].as_str().unwrap();
        assert!(
            issue["description"]
                .as_str()
                .unwrap()
                .starts_with(&format!("[{code}] ")),
            "{issue}"
        );
    }
    issues
}

fn issue_of<'a>(issues: &'a [Value], code: &str, path: &str) -> &'a Value {
    issues
        .iter()
        .find(|i| i["check_name"] == code && i["location"]["path"] == path)
        .unwrap_or_else(|| panic!("no {code} issue in {path}: {issues:#?}"))
}

#[test]
fn gitlab_format_prints_one_code_quality_report() {
    let book = with_errors();
    with_warning_in(&book);
    let run = book.run(&["check", "--format", "gitlab"]);
    run.failure(1).stderr_has("Check failed");
    let issues = gitlab_issues(&run);
    let typo = issue_of(&issues, "unknown-key", "content/teams/eng/api.md");
    assert_eq!(typo["severity"], "major");
    assert_eq!(typo["location"]["lines"]["begin"], 4);
    assert!(
        typo["description"]
            .as_str()
            .unwrap()
            .contains("unknown key `probelm` in team charter (help: did you mean `problem`?)"),
        "{typo}"
    );
    let warning = issue_of(&issues, "missing-anchor", "content/guide/onboarding.md");
    assert_eq!(warning["severity"], "minor");
    // The same problems as the JSON lines, in the same order.
    let json = book.run(&["check", "--format", "json"]);
    let lines: Vec<Value> = json
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let pairs = |v: &[Value], code: &str, file: &str| -> Vec<(String, String)> {
        v.iter()
            .map(|d| (d[code].to_string(), d[file].to_string()))
            .collect()
    };
    assert_eq!(
        issues
            .iter()
            .map(|i| (
                i["check_name"].to_string(),
                i["location"]["path"].to_string()
            ))
            .collect::<Vec<_>>(),
        pairs(&lines, "code", "file")
    );
    // Without errors the run passes; the report still lists the findings.
    let clean = TestBook::fixture("basic").run(&["check", "--format", "gitlab"]);
    clean.success();
    let findings = gitlab_issues(&clean);
    assert!(!findings.is_empty() && findings.iter().all(|i| i["severity"] == "info"));
}

#[test]
fn gitlab_fingerprints_do_not_move_with_the_line() {
    let book = with_errors();
    let before = gitlab_issues(&book.run(&["check", "--format", "gitlab"]));
    // Two lines above the typo: the issue moves down, GitLab must still see the same one.
    book.edit(
        "content/teams/eng/api.md",
        "parent = \"eng\"\n",
        "parent = \"eng\"\n# the API team\n\n",
    );
    let after = gitlab_issues(&book.run(&["check", "--format", "gitlab"]));
    let (a, b) = (
        issue_of(&before, "unknown-key", "content/teams/eng/api.md"),
        issue_of(&after, "unknown-key", "content/teams/eng/api.md"),
    );
    assert_eq!(
        (
            a["location"]["lines"]["begin"].as_u64(),
            b["location"]["lines"]["begin"].as_u64()
        ),
        (Some(4), Some(6))
    );
    assert_eq!(a["fingerprint"], b["fingerprint"]);
    // Each issue has its own fingerprint, the same problem twice in a file included.
    book.edit(
        "content/guide/onboarding.md",
        "",
        "[a](../teams/eng.md#nowhere)\n\n[b](../teams/eng.md#nowhere)\n\n",
    );
    let issues = gitlab_issues(&book.run(&["check", "--format", "gitlab"]));
    let twice: Vec<&Value> = issues
        .iter()
        .filter(|i| i["check_name"] == "missing-anchor")
        .collect();
    assert_eq!(twice.len(), 2, "{issues:#?}");
    let fingerprints: std::collections::BTreeSet<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    assert_eq!(fingerprints.len(), issues.len(), "{issues:#?}");
}

#[test]
fn gitlab_report_holds_every_finding_with_repository_paths() {
    // Five stale charters: the human and github formats print three and count the rest;
    // the report is a file for a tool, so it has all five.
    let repo = tempfile::tempdir().unwrap();
    let sub = repo.path().join("docs/handbook");
    std::fs::create_dir_all(sub.parent().unwrap()).unwrap();
    copy(&fixture_dir("basic"), &sub);
    let api = std::fs::read_to_string(sub.join("content/teams/eng/api.md")).unwrap();
    for i in 1..=5 {
        let charter = api
            .replace("name = \"API\"", &format!("name = \"Stale {i}\""))
            .replace("reviewed = 2026-10-01", "reviewed = 2024-01-01")
            .replace(
                "\"api-gateway\", \"Public API docs\"",
                &format!("\"stale thing {i}\""),
            );
        std::fs::write(sub.join(format!("content/teams/eng/stale-{i}.md")), charter).unwrap();
    }
    let guide = sub.join("content/guide/onboarding.md");
    let text = std::fs::read_to_string(&guide).unwrap();
    std::fs::write(&guide, format!("[see](../teams/eng.md#nowhere)\n\n{text}")).unwrap();
    let run = |format: &str| {
        let args = [
            "build",
            "--format",
            format,
            "--root",
            "docs/handbook",
            "--output",
            "site",
        ];
        run_in(repo.path(), &args)
    };
    let report = run("gitlab");
    report.success();
    let issues = gitlab_issues(&report);
    let stale: Vec<&str> = issues
        .iter()
        .filter(|i| i["check_name"] == "stale-charter")
        .map(|i| i["location"]["path"].as_str().unwrap())
        .filter(|path| path.contains("/stale-"))
        .collect();
    assert_eq!(
        stale,
        (1..=5)
            .map(|i| format!("docs/handbook/content/teams/eng/stale-{i}.md"))
            .collect::<Vec<_>>()
    );
    let warning = issue_of(
        &issues,
        "missing-anchor",
        "docs/handbook/content/guide/onboarding.md",
    );
    assert_eq!(warning["severity"], "minor");
    assert!(
        issues
            .iter()
            .all(|i| i["severity"] == "info" || i == warning),
        "{issues:#?}"
    );
    // `build --format github` names repository paths too, as `check` does (it named the
    // warnings' files from the handbook's folder).
    let github = run("github");
    github.success();
    assert!(
        github
            .stdout
            .contains("::warning file=docs/handbook/content/guide/onboarding.md,line=1,col="),
        "{}",
        github.stdout
    );
    assert!(
        github
            .stdout
            .contains("::notice file=docs/handbook/content/teams/eng/stale-1.md,line="),
        "{}",
        github.stdout
    );
}
