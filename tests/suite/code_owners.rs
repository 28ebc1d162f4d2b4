//! CODEOWNERS beside the charters: a monorepo whose handbook lives in a sub-folder and
//! whose `.github/CODEOWNERS` (comments, a catch-all, shared paths, people and emails, a
//! forgotten `@`, teams without a charter, a GitHub team named otherwise than its charter)
//! gives code to teams; GitLab's sections; and turning it off.

use crate::export::{assert_valid, validator};
use crate::harness::{TestBook, row_cells, texts};
use serde_json::Value;

/// The monorepo fixture in a temporary folder made a git repository (a `.git` folder is
/// what tells the repository's root), built from its `handbook/` folder.
fn monorepo() -> (TestBook, crate::harness::Run) {
    let book = TestBook::fixture("codeowners-monorepo");
    std::fs::create_dir(book.root().join(".git")).unwrap();
    let root = book.root().join("handbook").to_string_lossy().into_owned();
    let out = book.out().to_string_lossy().into_owned();
    let run = book.run(&["build", "--root", &root, "--output", &out]);
    (book, run)
}

#[test]
fn a_monorepos_codeowners_gives_code_to_the_teams_of_the_handbook() {
    let (book, run) = monorepo();
    run.success();
    // Each problem of the file is a warning at its line and column, with a fix.
    run.stderr_has("warning[unknown-code-owner]: `@acme/security-reviewers` owns code here")
        .stderr_has("--> ../.github/CODEOWNERS:10:57")
        .stderr_has("warning[bad-codeowners]: `platform-eng` is not an owner")
        .stderr_has("--> ../.github/CODEOWNERS:13:38")
        // A GitHub team named with a suffix points at the charter it likely is.
        .stderr_has("if it is Search, add `codeowners = [\"@acme/search-relevance\"]` to content/teams/engineering/search.md")
        // A charter that claims a path the file gives another team.
        .stderr_has("warning[codeowners-disagree]: this charter owns `services/ledger`, but ../.github/CODEOWNERS line 18 gives `/services/ledger/` to @acme/ledger")
        .stderr_has("--> content/teams/engineering/payments.md:7:5")
        // A path given to two teams is an org health finding for each, at the charter.
        .stderr_has("note[shared-code]: Payments shares 1 code path with other teams in ../.github/CODEOWNERS: `/services/payments/fraud/` (with Risk)")
        .stderr_has("note[shared-code]: Risk shares 1 code path")
        // Teams that have a charter are no warning, whatever the case of the handle.
        .stderr_lacks("`@acme/payments`")
        .stderr_lacks("`@acme/Risk`")
        .stderr_lacks("`@acme/checkout-eng`");

    let health = book.html("health.html");
    let shared: Vec<String> = texts(&health, "li")
        .into_iter()
        .filter(|t| t.contains("shares 1 code path"))
        .collect();
    assert_eq!(shared.len(), 2, "{shared:?}");

    // A team's page lists its paths, in the file's order, with the other owners.
    let payments = book.html("teams/payments.html");
    assert_eq!(
        texts(&payments, ".code-paths li code"),
        [
            "/services/payments/",
            "/services/payments/fraud/",
            "/handbook/content/teams/payments.md"
        ]
    );
    let shared = texts(&payments, ".code-paths li");
    assert!(shared[1].contains("with Risk"), "{shared:?}");
    let risk_link = crate::harness::hrefs(&payments, ".code-paths li .muted a");
    assert_eq!(risk_link, ["../teams/risk.html"]);
    // `codeowners` in the charter names the GitHub team; `\ ` is a space in a path.
    let checkout = book.html("teams/checkout.html");
    assert_eq!(
        texts(&checkout, ".code-paths li code"),
        ["/services/checkout/", "/web/checkout flow/"]
    );
    // With `[repository] url`, a pattern that names one folder or file links to it.
    assert_eq!(
        crate::harness::hrefs(&checkout, ".code-paths li > a"),
        [
            "https://github.com/acme/monorepo/tree/main/services/checkout",
            "https://github.com/acme/monorepo/tree/main/web/checkout%20flow"
        ]
    );
    // The catch-all and a rule shared with a team without charter.
    let platform = book.html("teams/platform-eng.html");
    let rows = texts(&platform, ".code-paths li");
    assert_eq!(rows[0], "*");
    assert!(
        rows[1].starts_with("/.github/") && rows[1].contains("@acme/security-reviewers"),
        "{rows:?}"
    );
    // `*` matches everything: no one place to link to.
    assert_eq!(
        crate::harness::hrefs(&platform, ".code-paths li > a"),
        [
            "https://github.com/acme/monorepo/tree/main/.github",
            "https://github.com/acme/monorepo/tree/main/tools"
        ]
    );
    // A team the file does not name has no code section.
    assert!(texts(&book.html("teams/engineering.html"), ".code-paths li").is_empty());

    // The ownership index has the paths beside the charters' items, each with its line.
    let index = book.html("ownership.html");
    let rows = row_cells(&index, "table.ownership tbody tr:not(.letter-row)");
    let row = |item: &str| {
        rows.iter()
            .filter(|r| r[0].starts_with(item))
            .map(|r| (r[0].as_str(), r[1].as_str()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        row("/services/ledger/"),
        [("/services/ledger/ (line 18)", "Ledger")]
    );
    assert_eq!(row("services/ledger"), [("services/ledger", "Payments")]);
    assert_eq!(
        row("/services/payments/fraud/"),
        [
            ("/services/payments/fraud/ (line 17)", "Payments"),
            ("/services/payments/fraud/ (line 17)", "Risk")
        ]
    );
    assert!(
        row("/docs/").is_empty(),
        "a path no charter's team owns is not listed"
    );
    crate::harness::check_all_links(&book.out(), &["404.html"]);

    // The index's "Who owns a file or folder?" box (and the header search): its form, and
    // the rules they match a path against, in the file's order, with team names and pages.
    assert_eq!(
        crate::harness::texts(&index, "form#owner-of label"),
        ["Who owns a file or folder?"]
    );
    // search/code.js: a search file (loaded from a <script>, so also from file://).
    let script = book.output_file("search/code.js");
    let json = script
        .strip_prefix("orgbookSearchLoad(\"code\",")
        .and_then(|s| s.strip_suffix(");\n"))
        .unwrap_or_else(|| panic!("not a search file: {script}"));
    let code: Value = serde_json::from_str(json).unwrap();
    assert_eq!(code["file"], "../.github/CODEOWNERS");
    let fraud = code["rules"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r[0] == "/services/payments/fraud/")
        .unwrap();
    assert_eq!(
        fraud,
        &serde_json::json!([
            "/services/payments/fraud/",
            17,
            [
                ["Payments", "teams/payments.html"],
                ["Risk", "teams/risk.html"]
            ],
            []
        ])
    );
    crate::search_js::run_js("owner_of.js", &[]);

    // api/ownership.json carries every rule, with the matched teams and the rest.
    let api: Value = serde_json::from_str(&book.output_file("api/ownership.json")).unwrap();
    assert_valid(&validator("ownershipFile"), &api, "api/ownership.json");
    assert_eq!(api["code"]["file"], "../.github/CODEOWNERS");
    let rules = api["code"]["rules"].as_array().unwrap();
    let tf = rules.iter().find(|r| r["pattern"] == "*.tf").unwrap();
    assert_eq!(tf["teams"], serde_json::json!([]));
    assert_eq!(
        tf["others"],
        serde_json::json!(["@acme/infra", "alice@acme.example"])
    );
    let fraud = rules
        .iter()
        .find(|r| r["pattern"] == "/services/payments/fraud/")
        .unwrap();
    assert_eq!(fraud["teams"], serde_json::json!(["payments", "risk"]));
    assert_eq!(fraud["line"], 17);

    // "Who owns services/ledger": search finds the team the file gives it to.
    if let Some(urls) = crate::search_js::query_site(&book.out(), "services/ledger") {
        assert_eq!(
            urls.first().map(String::as_str),
            Some("teams/ledger.html"),
            "{urls:?}"
        );
    }
}

#[test]
fn check_reports_codeowners_problems_as_json_with_their_place() {
    let book = TestBook::fixture("codeowners-monorepo");
    std::fs::create_dir(book.root().join(".git")).unwrap();
    let root = book.root().join("handbook").to_string_lossy().into_owned();
    let run = book.run(&["check", "--root", &root, "--format", "json"]);
    run.success();
    let found: Vec<Value> = run
        .stdout
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .filter(|d: &Value| d["file"] == "../.github/CODEOWNERS")
        .collect();
    let places: Vec<(String, u64, u64)> = found
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert!(
        places.contains(&("bad-codeowners".into(), 13, 38)),
        "{places:?}"
    );
    assert!(
        places.contains(&("unknown-code-owner".into(), 22, 38)),
        "{places:?}"
    );
    assert_eq!(
        found
            .iter()
            .filter(|d| d["code"] == "unknown-code-owner")
            .count(),
        5,
        "one warning per team without charter: {places:?}"
    );
}

/// On GitHub, annotations name files from the repository's root: the repository's own
/// CODEOWNERS is `.github/CODEOWNERS`, not `handbook/../.github/CODEOWNERS`.
#[test]
fn github_annotations_name_the_file_from_the_repository_root() {
    let book = TestBook::fixture("codeowners-monorepo");
    std::fs::create_dir(book.root().join(".git")).unwrap();
    let run = book.run(&["check", "--root", "handbook", "--format", "github"]);
    run.success();
    assert!(
        run.stdout
            .contains("::warning file=.github/CODEOWNERS,line=13,col=38::[bad-codeowners]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("::warning file=handbook/content/teams/engineering/payments.md,line=7,col=5::[codeowners-disagree]"),
        "{}",
        run.stdout
    );
}

#[test]
fn gitlab_sections_give_their_default_owners() {
    let book = TestBook::fixture("basic");
    book.write(
        ".gitlab/CODEOWNERS",
        "# GitLab\n[API] @acme/api\n/api/\n/api/docs/ @acme/web\n\n^[Web pages][2] @acme/web\n/site/\n*.css @acme/web @acme/api\n",
    );
    book.build()
        .success()
        .stderr_lacks("bad-codeowners")
        .stderr_lacks("unknown-code-owner")
        // `*.css` is the two teams'.
        .stderr_has("note[shared-code]: API shares 1 code path with other teams in .gitlab/CODEOWNERS: `*.css` (with Web)");
    let api = book.html("teams/api.html");
    assert_eq!(texts(&api, ".code-paths li code"), ["/api/", "*.css"]);
    let web = book.html("teams/web.html");
    assert_eq!(
        texts(&web, ".code-paths li code"),
        ["/api/docs/", "/site/", "*.css"]
    );
    let json: Value = serde_json::from_str(&book.output_file("api/ownership.json")).unwrap();
    let site = &json["code"]["rules"][2];
    assert_eq!(
        (&site["pattern"], &site["section"]),
        (&"/site/".into(), &"Web pages".into())
    );
}

#[test]
fn codeowners_can_be_named_or_turned_off() {
    let book = TestBook::fixture("basic");
    book.write("CODEOWNERS", "/api/ @acme/api\n");
    book.write("ops/OWNERS", "/site/ @acme/web\n");
    // Named: that file, not the one found in the usual place.
    book.write(
        "orgbook.toml",
        "title = \"Test Org\"\n\n[codeowners]\nfile = \"ops/OWNERS\"\n",
    );
    book.build().success();
    assert_eq!(
        texts(&book.html("teams/web.html"), ".code-paths li code"),
        ["/site/"]
    );
    assert!(texts(&book.html("teams/api.html"), ".code-paths li code").is_empty());
    // The header search of every page answers a typed path from the rules.
    let answers_paths = |page: &str| {
        let html = book.html(page);
        let forms = texts(&html, "form.search");
        assert_eq!(forms.len(), 1, "{page}: one search form");
        !texts(&html, "form.search[data-code-owners]").is_empty()
    };
    assert!(answers_paths("index.html") && answers_paths("teams/web.html"));
    assert!(book.out().join("search/code.js").is_file());
    // Turned off: charters alone.
    book.edit("orgbook.toml", "file = \"ops/OWNERS\"", "read = false");
    book.build().success();
    assert!(texts(&book.html("teams/web.html"), ".code-paths li").is_empty());
    assert!(!answers_paths("index.html") && !answers_paths("teams/web.html"));
    assert!(!book.out().join("search/code.js").exists());
    let json: Value = serde_json::from_str(&book.output_file("api/ownership.json")).unwrap();
    assert!(json.get("code").is_none(), "{json}");
    // A handbook without charters (a docs site) leaves the file aside: no warnings.
    let docs_site = TestBook::fixture("docusaurus");
    docs_site.write(
        ".github/CODEOWNERS",
        "* @acme/docs-team\n/tools/ tools-team\n",
    );
    docs_site
        .build()
        .success()
        .stderr_lacks("codeowners")
        .stderr_lacks("code-owner");
    let json: Value = serde_json::from_str(&docs_site.output_file("api/ownership.json")).unwrap();
    assert!(json.get("code").is_none(), "{json}");
    // A charter's `codeowners` entry that is no team, and a team two charters claim.
    book.write("CODEOWNERS", "/api/ @acme/api\n");
    book.edit("orgbook.toml", "read = false", "read = true");
    book.edit(
        "content/teams/eng/web.md",
        "+++\nname",
        "+++\ncodeowners = [\"web-eng\", \"@acme/api\"]\nname",
    );
    book.edit(
        "content/teams/eng/api.md",
        "+++\nname",
        "+++\ncodeowners = \"@acme/API\"\nname",
    );
    book.build()
        .success()
        .stderr_has("warning[bad-codeowners]: `web-eng` is not a CODEOWNERS team, so no rule can name it")
        .stderr_has("--> content/teams/eng/web.md:2:15")
        .stderr_has("warning[bad-codeowners]: `@acme/api` is already claimed by content/teams/eng/api.md, so this charter's claim is ignored");
    assert_eq!(
        texts(&book.html("teams/api.html"), ".code-paths li code"),
        ["/api/"]
    );
    assert!(texts(&book.html("teams/web.html"), ".code-paths li").is_empty());
    book.edit("orgbook.toml", "read = true", "read = false");
    // A named file that is not there is an error in orgbook.toml, and nothing is written.
    let before = book.output_file("teams/web.html");
    book.edit(
        "orgbook.toml",
        "read = false",
        "file = \".github/CODEOWNERS\"",
    );
    book.build()
        .failure(1)
        .stderr_has("error[bad-codeowners]: cannot read .github/CODEOWNERS");
    assert_eq!(
        book.output_file("teams/web.html"),
        before,
        "the last site was kept"
    );
}

/// `orgbook diff` between revisions reads each revision's CODEOWNERS, wherever it is in
/// the repository (also under a name `[codeowners] file` gives), and lists the paths whose
/// teams changed.
#[test]
fn diff_between_revisions_lists_code_that_changed_teams() {
    use crate::insight::git;
    let book = TestBook::fixture("codeowners-monorepo");
    let repo = book.root();
    git(repo, &["init", "-q", "-b", "main"]);
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "monorepo"]);
    book.edit(
        ".github/CODEOWNERS",
        "/services/ledger/                    @acme/ledger",
        "/services/ledger/                    @acme/payments",
    )
    .edit(
        ".github/CODEOWNERS",
        "/web/checkout\\ flow/",
        "/web/checkout/",
    );
    git(repo, &["commit", "-q", "-am", "ledger back to payments"]);
    let handbook = repo.join("handbook");
    let diff = |args: &[&str]| {
        let run = crate::harness::run_in(&handbook, args);
        run.success();
        run.stdout
    };
    let md = diff(&["diff", "HEAD~1", "HEAD"]);
    assert!(
        md.contains("`/services/ledger/`: Ledger → Payments"),
        "{md}"
    );
    assert!(
        md.contains("`/web/checkout flow/`: Checkout → no team"),
        "{md}"
    );
    assert!(md.contains("`/web/checkout/`: no team → Checkout"), "{md}");
    assert!(
        !md.contains("/services/payments/`"),
        "unchanged paths are not listed: {md}"
    );
    let json: Value = serde_json::from_str(&diff(&["diff", "HEAD~1", "--format", "json"])).unwrap();
    let changed = json["code_owners_changed"].as_array().unwrap();
    assert_eq!(changed.len(), 3, "{changed:?}");

    // The same rules moved to a file of another name that the config names: nothing
    // changed, so that file was read at that revision too.
    let text = book.read(".github/CODEOWNERS");
    std::fs::create_dir_all(repo.join("ops")).unwrap();
    std::fs::write(repo.join("ops/owners.txt"), text).unwrap();
    git(repo, &["rm", "-q", ".github/CODEOWNERS"]);
    let config = book.read("handbook/orgbook.toml");
    book.write(
        "handbook/orgbook.toml",
        &format!("{config}\n[codeowners]\nfile = \"../ops/owners.txt\"\n"),
    );
    git(repo, &["add", "-A"]);
    git(repo, &["commit", "-q", "-m", "owners file renamed"]);
    let md = diff(&["diff", "HEAD~1", "HEAD"]);
    assert!(!md.contains("Code owners"), "{md}");
}

/// A CODEOWNERS file an old editor saved in Windows-1252 (a comment with accents) is read
/// in that encoding with a warning, not with its accents replaced: its rules still give
/// the teams their paths.
#[test]
fn a_codeowners_file_in_windows_1252_is_read_with_a_warning() {
    let book = TestBook::fixture("codeowners-monorepo");
    std::fs::create_dir(book.root().join(".git")).unwrap();
    let path = book.root().join(".github/CODEOWNERS");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = format!("# Propriétaires du code\n{text}");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    std::fs::write(&path, bytes).unwrap();
    let root = book.root().join("handbook").to_string_lossy().into_owned();
    let out = book.out().to_string_lossy().into_owned();
    book.run(&["build", "--root", &root, "--output", &out])
        .success()
        .stderr_has("warning[invalid-utf8]: file is not UTF-8; read as windows-1252")
        .stderr_has("--> ../.github/CODEOWNERS:1:9")
        // One line further down than in the file as committed: the rules were read.
        .stderr_has("--> ../.github/CODEOWNERS:11:57");
    assert_eq!(
        texts(&book.html("teams/payments.html"), ".code-paths li code"),
        [
            "/services/payments/",
            "/services/payments/fraud/",
            "/handbook/content/teams/payments.md"
        ]
    );
}

/// A Prow-style project keeps ownership in `OWNERS` and `OWNERS_ALIASES` files, which
/// orgbook does not read: without a CODEOWNERS file, one note says so, at the first.
#[test]
fn prow_owners_files_without_codeowners_get_one_note() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/teams/eng/OWNERS",
        "# reviewers and approvers of this folder\napprovers:\n  - eng-leads\nlabels:\n  - area/eng\n",
    );
    book.write(
        "content/OWNERS_ALIASES",
        "aliases:\n  eng-leads:\n    - ana\n",
    );
    book.build()
        .success()
        .stderr_has(
            "note[skipped-file]: not read as ownership: this and 1 other OWNERS file are Prow's",
        )
        .stderr_has("they are published as plain files")
        .stderr_has("--> content/OWNERS_ALIASES");
    // Beside a CODEOWNERS file, which is read, they are nothing to remark on.
    book.write(".github/CODEOWNERS", "/services/ledger/ @acme/eng\n");
    book.build().success().stderr_lacks("Prow");
}
