//! Bad input: every rule of the format gives an error with file:line:col, what is wrong and
//! how to fix it; the build exits non-zero and leaves the previous output untouched.

use crate::harness::*;

/// Builds the fixture once (good), breaks it with `change`, builds again and returns the
/// failed run after checking the previous site survived byte for byte.
fn build_broken(change: impl FnOnce(&TestBook)) -> (TestBook, Run) {
    let book = TestBook::fixture("basic");
    book.build().success();
    let before = std::fs::read(book.out().join("teams/api.html")).unwrap();
    let files_before = files_under(&book.out());
    change(&book);
    let run = book.build();
    run.failure(1).stderr_has("Build failed");
    assert_eq!(
        std::fs::read(book.out().join("teams/api.html")).unwrap(),
        before,
        "previous output changed"
    );
    assert_eq!(
        files_under(&book.out()),
        files_before,
        "previous output changed"
    );
    // No temporary folders left beside the output.
    let leftovers: Vec<_> = std::fs::read_dir(book.root())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".orgbook-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    (book, run)
}

#[test]
fn unknown_key_names_file_line_column_and_suggests_the_key() {
    let (_, run) = build_broken(|b| {
        b.edit("content/teams/eng/api.md", "problem = ", "probelm = ");
    });
    run.stderr_has("error[unknown-key]: unknown key `probelm` in team charter")
        .stderr_has("--> content/teams/eng/api.md:4:1")
        .stderr_has("did you mean `problem`?")
        .stderr_has("4 | probelm = ")
        .stderr_has("  | ^^^^^^^");
}

#[test]
fn missing_required_keys_are_reported() {
    let (_, run) = build_broken(|b| {
        b.edit("content/decisions/0002-use-rust.md", "team = \"api\"\n", "");
    });
    run.stderr_has("error[missing-key]: decision record is missing the required key `team`")
        .stderr_has("--> content/decisions/0002-use-rust.md:2:1")
        .stderr_has("help: add `team = ");
}

#[test]
fn a_date_that_is_not_a_date_is_an_error_with_the_fix() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/teams/eng/api.md",
            "reviewed = 2026-10-01",
            "reviewed = \"last autumn\"",
        );
    });
    run.stderr_has("error[invalid-type]: `reviewed` in team charter must be a date, found string")
        .stderr_has("content/teams/eng/api.md:8:12")
        .stderr_has("help: write it like: reviewed = 2026-03-14");
}

#[test]
fn toml_syntax_error_points_into_the_file() {
    let (_, run) = build_broken(|b| {
        b.edit("content/teams/eng/web.md", "name = \"Web\"", "name = Web");
    });
    run.stderr_has("error[toml-syntax]")
        .stderr_has("--> content/teams/eng/web.md:2:8");
}

#[test]
fn broken_link_names_the_link_and_the_nearest_target() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/guide/onboarding.md",
            "../teams/eng/api.md",
            "../teams/eng/apii.md",
        );
    });
    run.stderr_has("error[broken-link]: link to `../teams/eng/apii.md`: no such file")
        .stderr_has("--> content/guide/onboarding.md:3:10")
        .stderr_has("did you mean `../teams/eng/api.md`?");
}

#[test]
fn missing_anchor_is_a_warning_not_an_error() {
    let book = TestBook::fixture("basic");
    book.edit("content/teams/eng/api.md", "#consequences", "#consequence");
    book.build()
        .success()
        .stderr_has("warning[missing-anchor]: `#consequence` does not match any heading in content/decisions/0002-use-rust.md")
        .stderr_has("--> content/teams/eng/api.md:21:11")
        .stderr_has("did you mean `#consequences`?")
        .stderr_has("1 warning");
    // --strict turns it into a failure.
    let root = book.root().to_string_lossy().into_owned();
    book.run(&["build", "--root", &root, "--strict"]).failure(1);
}

#[test]
fn unknown_parent_and_team_suggest_the_nearest_charter() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/teams/eng/web.md",
            "parent = \"eng\"",
            "parent = \"engg\"",
        );
        b.edit(
            "content/decisions/0001-use-go.md",
            "team = \"api\"",
            "team = \"apy\"",
        );
    });
    run.stderr_has("error[unknown-team]: parent `engg` is not a charter in this handbook")
        .stderr_has("--> content/teams/eng/web.md:3:10")
        .stderr_has("did you mean \"eng\"?")
        .stderr_has("error[unknown-team]: team `apy` is not a charter")
        .stderr_has("--> content/decisions/0001-use-go.md:7:8")
        .stderr_has("did you mean \"api\"?")
        .stderr_has("2 errors");
}

#[test]
fn parent_cycle_lists_the_cycle() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/teams/eng.md",
            "kind = \"group\"",
            "kind = \"group\"\nparent = \"web\"",
        );
    });
    run.stderr_has("error[parent-cycle]: `parent` forms a cycle: eng → web → eng");
}

#[test]
fn contested_ownership_names_both_files() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/teams/eng/web.md",
            "owns = [\"website\"]",
            "owns = [\"website\", \"API-gateway\"]",
        );
    });
    run.stderr_has("error[contested-ownership]: `API-gateway` is owned by both content/teams/eng/api.md and content/teams/eng/web.md")
        .stderr_has("--> content/teams/eng/web.md:5:20");
}

#[test]
fn unknown_superseded_decision_and_duplicate_numbers() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/decisions/0002-use-rust.md",
            "supersedes = [1]",
            "supersedes = [1, 9]",
        );
        b.write(
            "content/decisions/0001-again.md",
            &b.read("content/decisions/0001-use-go.md"),
        );
    });
    run.stderr_has("error[unknown-decision]: supersedes decision 9, which does not exist")
        .stderr_has("--> content/decisions/0002-use-rust.md:9:18")
        .stderr_has("error[duplicate-decision]: decision number 1 is also used by");
}

#[test]
fn decision_rules_on_status_type_and_deciders() {
    let (_, run) = build_broken(|b| {
        b.edit(
            "content/decisions/0002-use-rust.md",
            "deciders = [\"Grace Hopper\", \"Ada Lovelace\"]\n",
            "",
        );
        b.edit(
            "content/decisions/0001-use-go.md",
            "status = \"superseded\"",
            "status = \"superseeded\"",
        );
        b.edit("content/decisions/0001-use-go.md", "type = 2", "type = 3");
    });
    run.stderr_has("error[missing-deciders]: an accepted Type 1 decision must name its deciders")
        .stderr_has("error[invalid-value]: unknown decision status \"superseeded\"")
        .stderr_has("did you mean \"superseded\"?")
        .stderr_has("error[invalid-value]: decision `type` must be 1 or 2, found 3")
        .stderr_has("--> content/decisions/0001-use-go.md:4:8");
}

#[test]
fn team_without_problem_or_metric_is_an_error_but_a_group_is_not() {
    let (_, run) = build_broken(|b| {
        b.write("content/teams/lonely.md", "+++\nname = \"Lonely\"\n+++\n");
    });
    run.stderr_has("team charter is missing the required key `problem`")
        .stderr_has("team charter is missing the required key `metrics`")
        .stderr_has("--> content/teams/lonely.md:2:1");
}

#[test]
fn all_errors_of_all_files_are_reported_together() {
    let (_, run) = build_broken(|b| {
        b.edit("content/teams/eng/api.md", "problem = ", "probelm = ");
        b.edit(
            "content/guide/onboarding.md",
            "../teams/eng/api.md",
            "../teams/nope.md",
        );
        b.write("content/decisions/0003-yaml.md", "---\ntitle: x\n---\n");
    });
    run.stderr_has("content/teams/eng/api.md:4:1")
        .stderr_has("content/guide/onboarding.md:3:10")
        // YAML front matter is read like TOML: its missing keys are reported, located.
        .stderr_has("decision record is missing the required key `status`")
        .stderr_has("--> content/decisions/0003-yaml.md:2:1");
}

#[test]
fn config_errors_are_located() {
    let (_, run) = build_broken(|b| {
        b.write("orgbook.toml", "title = \"T\"\n[teams]\nmax_sise = 5\n");
    });
    run.stderr_has("error[unknown-key]: unknown key `max_sise` in [teams]")
        .stderr_has("--> orgbook.toml:3:1")
        .stderr_has("did you mean `max_size`?");
}

#[test]
fn broken_template_is_reported_with_its_file() {
    let (_, run) = build_broken(|b| {
        b.write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block main %}{{ page.title {% endblock main %}",
        );
    });
    run.stderr_has("error[template]")
        .stderr_has("templates/page.html");
}

#[test]
fn invalid_utf8_and_reserved_paths() {
    let (_, run) = build_broken(|b| {
        std::fs::write(b.root().join("content/guide/bad.md"), b"# Bad \xff\xfe\n").unwrap();
        b.write("content/search.md", "# Mine\n");
    });
    run.stderr_has("error[invalid-utf8]")
        .stderr_has("content/guide/bad.md:1:7")
        .stderr_has("error[reserved-path]")
        .stderr_has("orgbook writes search.html itself (the search page); rename the page, e.g. `git mv content/search.md content/search-page.md`, and the links to it");
}

/// A page an old Windows editor saved: the error shows its line readable, names the
/// encoding, and the command in its help converts the file (run here as a user would).
#[test]
fn a_page_in_windows_1252_names_its_encoding_and_the_command_that_fixes_it() {
    let (book, run) = build_broken(|b| {
        std::fs::write(
            b.root().join("content/guide/cafe.md"),
            b"+++\ntitle = \"Caf\xe9 rules\"\n+++\n\nWe meet at the caf\xe9 \x96 d\xe9j\xe0 vu, \xe9t\xe9 comme hiver.\n",
        )
        .unwrap();
    });
    run.stderr_has("error[invalid-utf8]")
        .stderr_has("content/guide/cafe.md:2:13")
        .stderr_has("2 | title = \"Café rules\"")
        .stderr_has("it looks like windows-1252");
    book.run_help_command(&run, "iconv ", "content/guide/cafe.md");
    book.build().success();
    assert!(
        book.output_file("guide/cafe.html")
            .contains("We meet at the café – déjà vu, été comme hiver."),
        "the converted page shows its accented letters"
    );
}

/// An `orgbook.toml` in Windows-1252 is an error, as a page is (settings read in a guessed
/// encoding could publish a wrong title), and the previous site stays; the command in the
/// help fixes it.
#[test]
fn a_config_in_windows_1252_names_its_encoding_and_the_command() {
    let (book, run) = build_broken(|b| {
        let config = std::fs::read_to_string(b.root().join("orgbook.toml")).unwrap();
        let config = format!("# Réglages du manuel\n{config}");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&config);
        std::fs::write(b.root().join("orgbook.toml"), bytes).unwrap();
    });
    run.stderr_has("error[invalid-utf8]")
        .stderr_has("orgbook.toml:1:4")
        .stderr_has("1 | # Réglages du manuel")
        .stderr_has("iconv -f windows-1252 -t UTF-8 orgbook.toml > orgbook.toml.utf8");
    book.run_help_command(&run, "iconv ", "orgbook.toml");
    book.build().success();
}

/// A template an old editor saved in Windows-1252 is an error at its first accented
/// letter, with the encoding and the command that converts it; after it, the build works.
#[test]
fn a_template_in_windows_1252_names_its_encoding_and_the_command() {
    let (book, run) = build_broken(|b| {
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(
            "{% extends \"base.html\" %}\n{% block main %}<p>Équipe</p>{{ page.body | safe }}{% endblock main %}\n",
        );
        std::fs::create_dir_all(b.root().join("templates")).unwrap();
        std::fs::write(b.root().join("templates/page.html"), bytes).unwrap();
    });
    run.stderr_has("error[invalid-utf8]")
        .stderr_has("templates/page.html:2:20")
        .stderr_has("it looks like windows-1252");
    book.run_help_command(&run, "iconv ", "templates/page.html");
    book.build().success();
}

/// UTF-8 with one broken character is not another encoding: the help says what broke.
#[test]
fn a_broken_character_in_a_utf8_page_is_shown_where_it_is() {
    let (_, run) = build_broken(|b| {
        std::fs::write(
            b.root().join("content/guide/stray.md"),
            "# Équipe café\n\nOne stray "
                .bytes()
                .chain(*b"\xff byte.\n")
                .collect::<Vec<u8>>(),
        )
        .unwrap();
    });
    run.stderr_has("content/guide/stray.md:3:11")
        .stderr_has("the character here is broken");
}

#[test]
fn no_handbook_here_says_how_to_start_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(BIN)
        .arg("build")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no orgbook.toml in"), "{err}");
    assert!(err.contains("orgbook init"), "{err}");
}

#[test]
fn output_inside_content_is_refused() {
    let book = TestBook::fixture("basic");
    let root = book.root().to_string_lossy().into_owned();
    let out = book
        .root()
        .join("content/site")
        .to_string_lossy()
        .into_owned();
    book.run(&["build", "--root", &root, "--output", &out])
        .failure(1)
        .stderr_has("refusing to write the site");
    let out = root.clone();
    book.run(&["build", "--root", &root, "--output", &out])
        .failure(1)
        .stderr_has("refusing to write the site");
    assert!(book.root().join("content/teams/eng.md").is_file());
}

#[test]
fn hostile_content_never_panics() {
    let book = TestBook::fixture("basic");
    book.write("content/weird/a.md", "+++\ntitle = \"\u{0}\"\n+++\n[x](%zz) [y](../../../../etc/passwd) [z](#) ![](<>) [w](?q) # \u{202e}\n\n####### h7\n\n[a]: ..\n");
    book.write("content/weird/b.md", "+++\n");
    book.write("content/weird/c.md", "+++\n+++\n");
    book.write("content/decisions/x.md", "+++\ntitle = 1\n+++\n");
    book.write(
        "content/teams/Bad Name.md",
        "+++\nname = \"x\"\nkind = \"group\"\n+++\n",
    );
    let run = book.build();
    run.failure(1).stderr_lacks("panicked");
    run.stderr_has("error[unclosed-front-matter]")
        .stderr_has("error[invalid-decision-file-name]")
        .stderr_has("error[invalid-slug]");
}

/// Runs `orgbook args…` in `book` with stdout or stderr (`which`) read up to its first line
/// and then closed, as `| head -1` does, and returns the exit code and the other stream.
fn run_with_reader_gone(book: &TestBook, args: &[&str], which: &str) -> (i32, String) {
    use std::io::{BufRead, Read};
    use std::process::{Command, Stdio};
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(book.root())
        .env("ORGBOOK_TODAY", "2026-11-25")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (closed, mut other): (Box<dyn Read>, Box<dyn Read + Send>) = match which {
        "stdout" => (
            Box::new(child.stdout.take().unwrap()),
            Box::new(child.stderr.take().unwrap()),
        ),
        _ => (
            Box::new(child.stderr.take().unwrap()),
            Box::new(child.stdout.take().unwrap()),
        ),
    };
    let rest = std::thread::spawn(move || {
        let mut s = String::new();
        other.read_to_string(&mut s).unwrap();
        s
    });
    let mut first = String::new();
    std::io::BufReader::new(closed)
        .read_line(&mut first)
        .unwrap();
    assert!(!first.is_empty(), "the command printed nothing on {which}");
    // The reader goes away: the pipe is closed with output still to come.
    let code = child.wait().unwrap().code().unwrap_or(-1);
    (code, rest.join().unwrap())
}

#[test]
fn a_reader_that_stops_early_does_not_crash_the_command() {
    let book = TestBook::fixture("basic");
    // More diagnostics than a pipe holds (64 KiB), so the writer meets the closed pipe.
    const PAGES: usize = 400;
    for i in 0..PAGES {
        book.write(
            &format!("content/guide/p{i}.md"),
            &format!("# P{i}\n\n[a](missing-{i}.md) [b](#nowhere-{i}) [c](#nor-{i})\n"),
        );
    }
    let (code, stderr) = run_with_reader_gone(
        &book,
        &["check", "--format", "json", "--all-findings"],
        "stdout",
    );
    assert_eq!(code, 1, "the broken links are errors: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let out = book.out().to_string_lossy().into_owned();
    let (code, stdout) = run_with_reader_gone(&book, &["build", "--output", &out], "stderr");
    assert_eq!(code, 1, "{stdout}");
    book.remove("content/guide/p0.md");
    for i in 1..PAGES {
        book.edit(
            &format!("content/guide/p{i}.md"),
            &format!("missing-{i}.md"),
            "onboarding.md",
        );
    }
    let (code, stdout) = run_with_reader_gone(&book, &["build", "--output", &out], "stderr");
    assert_eq!(
        code, 0,
        "warnings only: the build finishes and writes the site: {stdout}"
    );
    assert!(
        book.out()
            .join(format!("guide/p{}.html", PAGES - 1))
            .exists()
    );
}
