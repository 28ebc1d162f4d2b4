//! The incremental build's contract: after any sequence of changes, the served site and the
//! diagnostics are exactly what a fresh `site::build` of the same folder gives.

use super::model::{Body, Model, Rebuild, Scope, Settings};
use super::watch::Changes;
use crate::render::{FileContents, RenderOptions};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const OPTIONS: RenderOptions = RenderOptions { live_reload: true };

fn settings() -> Settings {
    Settings {
        render: OPTIONS,
        base_url: None,
    }
}

fn copy_dir(from: &Path, to: &Path) {
    crate::text::walk::copy_tree(from, to).unwrap();
}

/// A copy of the bundled example handbook in a temporary folder.
struct Book {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Book {
    fn bundled() -> Book {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("orgbook.toml"), root.join("orgbook.toml")).unwrap();
        copy_dir(&repo.join("content"), &root.join("content"));
        copy_dir(
            &repo.join("examples/kettleby"),
            &root.join("examples/kettleby"),
        );
        Book { _dir: dir, root }
    }

    /// A copy of `tests/fixtures/<name>`: a handbook the tests may name things in.
    fn fixture(name: &str) -> Book {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("tests/fixtures").join(name), &root);
        Book { _dir: dir, root }
    }

    /// A handbook of just `files` (path → text), beside a minimal orgbook.toml.
    fn with(files: &[(&str, &str)]) -> Book {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let book = Book { _dir: dir, root };
        book.write("orgbook.toml", "title = \"Fixture\"\n");
        for (rel, text) in files {
            book.write(rel, text);
        }
        book
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    fn write(&self, rel: &str, text: &str) -> Changes {
        let p = self.path(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        content_change(p)
    }

    #[track_caller]
    fn edit(&self, rel: &str, from: &str, to: &str) -> Changes {
        let text = self.read(rel);
        assert!(text.contains(from), "{rel} lacks {from:?}");
        self.write(rel, &text.replacen(from, to, 1))
    }

    fn remove(&self, rel: &str) -> Changes {
        let p = self.path(rel);
        if p.is_dir() {
            std::fs::remove_dir_all(&p).unwrap();
        } else {
            std::fs::remove_file(&p).unwrap();
        }
        content_change(p)
    }

    /// Markdown files under content/, relative to the root.
    fn docs(&self) -> Vec<String> {
        walkdir::WalkDir::new(self.path("content"))
            .sort_by_file_name()
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "md"))
            .map(|e| crate::diagnostic::display_path(&self.root, e.path()))
            .collect()
    }
}

fn content_change(p: PathBuf) -> Changes {
    Changes {
        content: BTreeSet::from([p]),
        ..Changes::default()
    }
}

fn bytes_of_body(b: &Body) -> Vec<u8> {
    match b {
        Body::Bytes(b) => b.to_vec(),
        Body::Static(b) => b.to_vec(),
        Body::File(p) => format!("file:{}", p.display()).into_bytes(),
    }
}

fn bytes_of_contents(c: &FileContents) -> Vec<u8> {
    match c {
        FileContents::Bytes(b) => b.clone(),
        FileContents::Static(b) => b.to_vec(),
        FileContents::Copy(p) => format!("file:{}", p.display()).into_bytes(),
        FileContents::Unchanged => panic!("a build never skips a page"),
    }
}

/// The paths a rebuild published.
fn changed_paths(rebuild: &Rebuild) -> Vec<&str> {
    let delta = rebuild.delta.as_ref().expect("a site was published");
    delta.changed.iter().map(|(p, _)| p.as_str()).collect()
}

/// What the server does after each change: publish the pages that show the changed
/// documents, then the pages about the whole handbook, then the derived files.
fn update(model: &mut Model, change: &Changes) -> Rebuild {
    let mut rebuild = model.update(change);
    derive(model, &mut rebuild);
    rebuild
}

/// Runs the deferred steps as the server does when idle, adding what they rendered and
/// published to `rebuild`.
fn derive(model: &mut Model, rebuild: &mut Rebuild) {
    while let Some(d) = model.refresh_deferred() {
        rebuild.diagnostics = d.diagnostics;
        rebuild.pages_rendered += d.pages_rendered;
        match (&mut rebuild.delta, d.delta) {
            (Some(all), Some(step)) => {
                all.changed.extend(step.changed);
                all.removed.extend(step.removed);
            }
            (_, None) => rebuild.delta = None,
            (None, Some(_)) => {}
        }
    }
}

/// The server's model of `book` once its startup work is done, and what it published.
fn served(book: &Book) -> (Model, Rebuild) {
    let (mut model, mut rebuild) = Model::new(&book.root, settings());
    derive(&mut model, &mut rebuild);
    (model, rebuild)
}

/// Compares the model (after `rebuild`) with a fresh full build of the same folder.
#[track_caller]
fn assert_matches_full_build(model: &Model, rebuild: &Rebuild, step: &str) {
    let full = crate::site::build(model.root(), OPTIONS);
    let show = |d: &[crate::diagnostic::Diagnostic]| {
        d.iter()
            .map(|d| crate::diagnostic::render(d, crate::diagnostic::Format::Json))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        show(&rebuild.diagnostics),
        show(&full.diagnostics),
        "{step}: diagnostics differ from a full build"
    );
    if full.has_errors() {
        assert!(
            rebuild.delta.is_none(),
            "{step}: published a site with errors"
        );
        return;
    }
    assert!(rebuild.delta.is_some(), "{step}: no site published");
    let want: BTreeMap<&str, Vec<u8>> = full
        .files
        .iter()
        .map(|f| (f.path.as_str(), bytes_of_contents(&f.contents)))
        .collect();
    let got: BTreeMap<&str, Vec<u8>> = model
        .site()
        .iter()
        .map(|(p, b)| (p.as_str(), bytes_of_body(b)))
        .collect();
    let missing: Vec<_> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{step}: missing {missing:?}, extra {extra:?}"
    );
    let stale: Vec<_> = want
        .iter()
        .filter(|(k, v)| got[*k] != **v)
        .map(|(k, _)| *k)
        .collect();
    assert!(stale.is_empty(), "{step}: stale pages {stale:?}");
}

/// As [`assert_matches_full_build`], for a change that leaves the handbook valid.
#[track_caller]
fn assert_good(model: &Model, rebuild: &Rebuild, step: &str) {
    let errors: Vec<_> = rebuild
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{step}: unexpected errors {errors:?}");
    assert_matches_full_build(model, rebuild, step);
}

#[test]
fn cold_build_matches_site_build() {
    let book = Book::bundled();
    let (model, rebuild) = served(&book);
    assert_eq!(rebuild.scope, Scope::Full);
    assert_good(&model, &rebuild, "cold");
}

#[test]
fn editing_a_charter_rerenders_its_neighbourhood_only() {
    let book = Book::fixture("serve");
    let (mut model, _) = served(&book);
    let total = model.site().len();
    let change = book.edit(
        "content/teams/shipping/booking.md",
        "Booking completion rate",
        "Booking conversion rate",
    );
    let rebuild = update(&mut model, &change);
    assert_eq!(rebuild.scope, Scope::Edit);
    assert_eq!(rebuild.markdown_rendered, 1);
    assert!(
        rebuild.pages_rendered < total / 2,
        "{} of {total} pages rendered",
        rebuild.pages_rendered
    );
    let changed = changed_paths(&rebuild);
    assert!(changed.contains(&"teams/booking.html"), "{changed:?}");
    // The parent lists its children with their primary metric.
    assert!(changed.contains(&"teams/shipping.html"), "{changed:?}");
    assert!(!changed.contains(&"teams/identity.html"), "{changed:?}");
    assert_good(&model, &rebuild, "edit");
}

fn charter(name: &str, kind: &str, parent: Option<&str>, members: &[&str]) -> String {
    let parent = parent.map_or(String::new(), |p| format!("parent = \"{p}\"\n"));
    let members: Vec<String> = members.iter().map(|m| format!("\"{m}\"")).collect();
    format!(
        "+++\nname = \"{name}\"\nkind = \"{kind}\"\n{parent}problem = \"p\"\nmembers = [{}]\n\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\n",
        members.join(", ")
    )
}

/// The graph of pages kept by hand before (`serve/deps.rs`) missed this one: a team's
/// neighbourhood map shows its sibling group's head count, which a member added to a team
/// two levels down changes. A page's context says what it shows, so the page follows.
#[test]
fn a_member_added_below_a_sibling_group_reaches_the_neighbourhood_map() {
    let book = Book::with(&[
        ("content/teams/org.md", &charter("Org", "group", None, &[])),
        (
            "content/teams/g.md",
            &charter("G", "group", Some("org"), &[]),
        ),
        (
            "content/teams/x.md",
            &charter("X", "team", Some("org"), &["Ann"]),
        ),
        (
            "content/teams/t.md",
            &charter("T", "team", Some("g"), &["Bo"]),
        ),
    ]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let rebuild = update(
        &mut model,
        &book.write(
            "content/teams/t.md",
            &charter("T", "team", Some("g"), &["Bo", "Cy"]),
        ),
    );
    let changed = changed_paths(&rebuild);
    assert!(changed.contains(&"teams/x.html"), "{changed:?}");
    assert_good(&model, &rebuild, "member two levels down");
}

/// Teams named by display name (`parent = "Core Platform"`, a decision's `team = "Web"`)
/// follow the names: renaming the team named, giving a second team its name, and taking
/// either back each re-resolve every reference as a fresh build does, and a body edit
/// (which does not link again) keeps what the references resolved to.
#[test]
fn references_by_display_name_follow_renames() {
    let decision = |team: &str| {
        format!(
            "+++\ntitle = \"Ship it\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-01-01\nteam = \"{team}\"\n+++\nBody.\n"
        )
    };
    let book = Book::with(&[
        (
            "content/teams/core.md",
            &charter("Core Platform", "group", None, &[]),
        ),
        (
            "content/teams/web.md",
            &charter("Web", "team", Some("Core Platform"), &["Ann"]),
        ),
        (
            "content/teams/api.md",
            &(charter("API", "team", Some("core  platform"), &["Bo"])
                .trim_end_matches("+++\n")
                .to_string()
                + "[[interactions]]\nteam = \"Web\"\nmode = \"x-as-a-service\"\n+++\n"),
        ),
        ("content/decisions/0001-ship-it.md", &decision("Web")),
    ]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let api = model.handbook().team("api").map(|(_, c)| c.parent.clone());
    assert_eq!(api.flatten().map(|p| p.value).as_deref(), Some("core"));
    let steps: &[(&str, &str, &str, &str)] = &[
        // The group renamed: its teams' `parent = "Core Platform"` names nothing.
        (
            "content/teams/core.md",
            "Core Platform",
            "Platform",
            "rename the group",
        ),
        (
            "content/teams/core.md",
            "\"Platform",
            "\"Core Platform",
            "and back",
        ),
        // Web's body: no link again, and the parent it named by name stays resolved.
        (
            "content/teams/web.md",
            "\n+++\n",
            "\n+++\nWe build the site.\n",
            "web's body",
        ),
        (
            "content/decisions/0001-ship-it.md",
            "Body.",
            "A longer body.",
            "decision's body",
        ),
        // The decision's team and the interaction follow a rename of Web.
        (
            "content/teams/web.md",
            "\"Web\"",
            "\"Frontend\"",
            "rename web",
        ),
        (
            "content/decisions/0001-ship-it.md",
            "\"Web\"",
            "\"frontend\"",
            "team by the new name",
        ),
        (
            "content/teams/web.md",
            "\"Frontend\"",
            "\"Web\"",
            "web's old name again",
        ),
        (
            "content/decisions/0001-ship-it.md",
            "\"frontend\"",
            "\"WEB\"",
            "team by name again",
        ),
    ];
    for &(rel, from, to, step) in steps {
        let rebuild = update(&mut model, &book.edit(rel, from, to));
        assert_matches_full_build(&model, &rebuild, step);
    }
    // A second team takes the group's name: both references are ambiguous, then resolve
    // again once it is renamed, and once it goes.
    let rebuild = update(
        &mut model,
        &book.write(
            "content/teams/ops.md",
            &charter("Core platform", "group", None, &[]),
        ),
    );
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.code == "ambiguous-team"),
        "{:?}",
        rebuild.diagnostics
    );
    assert_matches_full_build(&model, &rebuild, "a second Core Platform");
    edit_and_compare(
        &mut model,
        &book,
        (
            "content/teams/ops.md",
            "Core platform",
            "Ops",
            "the second renamed",
        ),
    );
    let rebuild = update(
        &mut model,
        &book.edit("content/teams/ops.md", "\"Ops", "\"Core Platform"),
    );
    assert_matches_full_build(&model, &rebuild, "the second named so again");
    let rebuild = update(&mut model, &book.remove("content/teams/ops.md"));
    assert_good(&model, &rebuild, "the second removed");
    let web = model.handbook().team("web").map(|(_, c)| c.parent.clone());
    assert_eq!(web.flatten().map(|p| p.value).as_deref(), Some("core"));
}

/// A group too large for one map page is drawn over parts, and every team page links to
/// the part that owns its box: a team added, renamed or moved shifts the parts after it,
/// and the team pages whose box moved follow.
#[test]
fn a_group_map_split_over_parts_follows_edits() {
    let mut files: Vec<(String, String)> = vec![
        (
            "content/teams/big.md".into(),
            charter("Big", "group", None, &[]),
        ),
        (
            "content/teams/sub.md".into(),
            charter("Sub", "group", Some("big"), &[]),
        ),
        // A second top-level group, so that "Big" is a group rather than the company.
        (
            "content/teams/other.md".into(),
            charter("Other", "group", None, &[]),
        ),
        (
            "content/teams/o.md".into(),
            charter("O", "team", Some("other"), &["Cy"]),
        ),
    ];
    for i in 0..240 {
        let parent = if i % 3 == 0 { "sub" } else { "big" };
        files.push((
            format!("content/teams/t{i:03}.md"),
            charter(&format!("T{i:03}"), "team", Some(parent), &["Ann"]),
        ));
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let book = Book::with(&refs);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    assert!(model.site().contains_key("orgmap/big.2.html"), "split");
    let rebuild = update(
        &mut model,
        &book.write(
            "content/teams/a00.md",
            &charter("A00", "team", Some("big"), &["Bo"]),
        ),
    );
    assert_good(&model, &rebuild, "a team added first");
    edit_and_compare(
        &mut model,
        &book,
        (
            "content/teams/t150.md",
            "T150",
            "A01",
            "a team renamed to the front",
        ),
    );
    edit_and_compare(
        &mut model,
        &book,
        (
            "content/teams/t200.md",
            "parent = \"big\"",
            "parent = \"sub\"",
            "a team moved into the subgroup",
        ),
    );
    let rebuild = update(&mut model, &book.remove("content/teams/a00.md"));
    assert_good(&model, &rebuild, "a team removed");
}

#[test]
fn saving_unchanged_text_does_nothing() {
    let book = Book::fixture("serve");
    let (mut model, _) = served(&book);
    let text = book.read("content/glossary.md");
    let rebuild = update(&mut model, &book.write("content/glossary.md", &text));
    assert_eq!(rebuild.scope, Scope::Nothing);
    assert!(rebuild.delta.unwrap().changed.is_empty());
}

/// Edits `rel` (the first `from` becomes `to`), lets the server catch up, and compares
/// with a fresh build.
#[track_caller]
fn edit_and_compare(
    model: &mut Model,
    book: &Book,
    (rel, from, to, step): (&str, &str, &str, &str),
) {
    let rebuild = update(model, &book.edit(rel, from, to));
    assert_good(model, &rebuild, step);
}

#[test]
fn renaming_a_team_reaches_every_page_that_names_it() {
    let book = Book::fixture("serve");
    let (mut model, _) = served(&book);
    for edit in [
        (
            "content/teams/platform.md",
            "name = \"",
            "name = \"Core ",
            "rename group",
        ),
        (
            "content/teams/platform/identity.md",
            "parent = \"platform\"",
            "parent = \"shipping\"",
            "reparent",
        ),
        // Three levels: every page below a renamed group shows it in its breadcrumbs.
        (
            "content/teams/shipping/rates.md",
            "parent = \"shipping\"",
            "parent = \"booking\"",
            "deeper",
        ),
    ] {
        edit_and_compare(&mut model, &book, edit);
    }
    book.write("content/teams/deep-a.md", "+++\nname = \"Deep A\"\nparent = \"booking\"\nproblem = \"p\"\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\n");
    book.write("content/teams/deep-b.md", "+++\nname = \"Deep B\"\nparent = \"deep-a\"\nproblem = \"p\"\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\n");
    book.write("content/decisions/0950-deep.md", "+++\ntitle = \"Deep\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-01-01\nteam = \"deep-a\"\n+++\n");
    let mut change = content_change(book.path("content/teams"));
    change
        .content
        .insert(book.path("content/decisions/0950-deep.md"));
    let rebuild = update(&mut model, &change);
    assert_good(&model, &rebuild, "add a chain");
    for edit in [
        // Nothing links to these: only the pages' contexts say which pages name them.
        (
            "content/teams/deep-a.md",
            "Deep A",
            "Deeper A",
            "rename a team with a decision",
        ),
        (
            "content/teams/shipping.md",
            "name = \"",
            "name = \"Ocean ",
            "rename top group",
        ),
    ] {
        edit_and_compare(&mut model, &book, edit);
    }
    // A decision's summary names its team, and other teams' decisions show that summary.
    book.write("content/decisions/0002-book-by-api.md", "+++\ntitle = \"Book by API\"\nstatus = \"proposed\"\ntype = 2\ndate = 2025-01-01\nteam = \"booking\"\n+++\n");
    let rebuild = update(
        &mut model,
        &content_change(book.path("content/decisions/0002-book-by-api.md")),
    );
    assert_good(&model, &rebuild, "another team's decision");
    for edit in [
        (
            "content/decisions/0001-quote-in-shipper-currency.md",
            "team = \"rates\"",
            "team = \"rates\"\nsupersedes = [2]",
            "cross-team supersedes",
        ),
        (
            "content/teams/shipping/rates.md",
            "name = \"",
            "name = \"Pricing ",
            "rename team with superseding decision",
        ),
    ] {
        edit_and_compare(&mut model, &book, edit);
    }
}

#[test]
fn a_broken_file_keeps_the_site_until_fixed() {
    let book = Book::fixture("serve");
    let (mut model, _) = served(&book);
    let good = book.read("content/teams/shipping/booking.md");
    let rebuild = update(
        &mut model,
        &book.edit(
            "content/teams/shipping/booking.md",
            "kind = \"team\"",
            "kind = team\"",
        ),
    );
    assert!(rebuild.delta.is_none());
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.file == "content/teams/shipping/booking.md")
    );
    assert_matches_full_build(&model, &rebuild, "broken");
    // Other edits while broken are owed, not lost.
    let rebuild = update(
        &mut model,
        &book.edit(
            "content/teams/shipping/rates.md",
            "name = \"",
            "name = \"Freight ",
        ),
    );
    assert!(rebuild.delta.is_none());
    let rebuild = update(
        &mut model,
        &book.write("content/teams/shipping/booking.md", &good),
    );
    assert!(rebuild.diagnostics.iter().all(|d| !d.is_error()));
    assert_good(&model, &rebuild, "fixed");
}

#[test]
fn files_and_folders_come_and_go() {
    let book = Book::fixture("serve");
    let (mut model, _) = served(&book);
    let r = update(
        &mut model,
        &book.write(
            "content/guides/_index.md",
            "+++\ntitle = \"Guides\"\n+++\nSee [booking](../teams/shipping/booking.md).\n",
        ),
    );
    assert_eq!(r.scope, Scope::Structure);
    assert_good(&model, &r, "add folder");
    book.write(
        "content/guides/deploy.md",
        "# Deploying\n\nAsk [platform](../teams/platform.md).\n",
    );
    book.write("content/guides/img/a.txt", "x");
    let r = update(&mut model, &content_change(book.path("content/guides")));
    assert_good(&model, &r, "add files in folder");
    // A link to a file that does not exist yet is an error until the file appears.
    let r = update(
        &mut model,
        &book.write(
            "content/glossary.md",
            &(book.read("content/glossary.md") + "\n[later](later.md)\n"),
        ),
    );
    assert!(r.delta.is_none());
    let r = update(&mut model, &book.write("content/later.md", "# Later\n"));
    assert_good(&model, &r, "link target appears");
    let r = update(&mut model, &book.remove("content/guides"));
    assert_good(&model, &r, "remove folder");
    // Editors that save by writing a new file and renaming it over the old one.
    let tmp = book.path("content/.glossary.md.swp");
    std::fs::write(&tmp, book.read("content/glossary.md") + "\nMore.\n").unwrap();
    std::fs::rename(&tmp, book.path("content/glossary.md")).unwrap();
    let mut change = content_change(tmp);
    change.content.insert(book.path("content/glossary.md"));
    let r = update(&mut model, &change);
    assert_eq!(r.scope, Scope::Edit);
    assert_good(&model, &r, "save by rename");
}

/// A team's page read as its team (`load::team_page`) gives way while a charter has its
/// slug, and is the team again once that charter goes, as a fresh build would have it.
#[test]
fn a_team_page_gives_way_to_a_charter_and_comes_back() {
    let book = Book::fixture("handbook-dept-teams");
    let (mut model, _) = served(&book);
    let r = update(
        &mut model,
        &book.write(
            "content/teams/shipping.md",
            "+++\nname = \"Shipping\"\nproblem = \"Releases.\"\n\n[[metrics]]\nname = \"Lead time\"\n+++\n",
        ),
    );
    assert_good(&model, &r, "charter takes the slug");
    let r = update(
        &mut model,
        &book.edit(
            "content/departments/engineering/teams/buildkit/index.md",
            "CI under ten minutes",
            "CI under eight minutes",
        ),
    );
    assert_good(&model, &r, "edit elsewhere while the page gave way");
    let r = update(&mut model, &book.remove("content/teams/shipping.md"));
    assert_good(&model, &r, "charter goes, the page is the team again");
}

/// A translation's address and language come from the link stage (`crate::lang`): a
/// body edit keeps them without re-linking, and the translated page coming and going, or
/// the translation's language changing, reach every language version as a fresh build has them.
#[test]
fn translations_follow_edits() {
    let book = Book::fixture("hugo-translations");
    let (mut model, _) = served(&book);
    let r = update(
        &mut model,
        &book.edit("content/credits.fr.md", "Contributeurs", "Contributrices"),
    );
    assert_eq!(r.scope, Scope::Edit);
    assert_good(&model, &r, "body of a translation");
    assert!(
        model.site().contains_key("fr/credits.html"),
        "the translation keeps its address"
    );
    edit_and_compare(
        &mut model,
        &book,
        (
            "content/credits.fr.md",
            "title: Crédits",
            "title: Crédits\nlang: fr-CA",
            "its own language",
        ),
    );
    edit_and_compare(
        &mut model,
        &book,
        (
            "content/teams/identity.fr.md",
            "L'équipe",
            "Cette équipe",
            "a charter's translation",
        ),
    );
    // `notes.old.md` is a page of its own until a `notes.md` makes it one's translation.
    let r = update(
        &mut model,
        &book.write(
            "content/notes.md",
            "---\ntitle: Notes\n---\nCurrent notes.\n",
        ),
    );
    assert_good(&model, &r, "the page a file name names arrives");
    let r = update(&mut model, &book.remove("content/notes.md"));
    assert_good(&model, &r, "and goes");
    let r = update(
        &mut model,
        &book.write(
            "content/credits.de.md",
            "---\ntitle: Danksagung\n---\nDanke.\n",
        ),
    );
    assert_good(&model, &r, "a third language");
    let r = update(&mut model, &book.remove("content/credits.de.md"));
    assert_good(&model, &r, "a translation goes");
}

/// `[ui_text.<lang>]` edits in orgbook.toml reach every page, as a fresh build has them:
/// the words the interface shows are in each page's context.
#[test]
fn interface_words_follow_orgbook_toml_edits() {
    let book = Book::fixture("hugo-translations");
    let (mut model, _) = served(&book);
    let words_of = |model: &Model, page: &str| {
        String::from_utf8_lossy(&bytes_of_body(&model.site()[page])).into_owned()
    };
    assert!(words_of(&model, "fr/credits.html").contains(">Manuel</a>"));
    book.write(
        "orgbook.toml",
        "title = \"Hermes\"\n\n[ui_text.fr]\nhandbook = \"Documentation\"\n",
    );
    let r = update(
        &mut model,
        &Changes {
            config: true,
            ..Changes::default()
        },
    );
    assert_good(&model, &r, "a word changed");
    let fr = words_of(&model, "fr/credits.html");
    assert!(fr.contains(">Documentation</a>") && !fr.contains(">Manuel</a>"));
    assert!(words_of(&model, "credits.html").contains(">Handbook</a>"));
}

/// What the link stage reads around a team's page (`link::team_page_parents`,
/// `team_page_purposes`, the redirect from its old address) follows edits of the pages
/// and charters it is read from, as a fresh build would have it.
#[test]
fn a_team_pages_mission_parent_and_old_address_follow_edits() {
    let book = Book::fixture("company-team-pages");
    let (mut model, _) = served(&book);
    let r = update(
        &mut model,
        &book.edit(
            "content/teams/replay/mission.mdx",
            "Show every team",
            "Show every product team",
        ),
    );
    assert_good(&model, &r, "mission page edited");
    let r = update(&mut model, &book.remove("content/teams/replay/mission.mdx"));
    assert_good(&model, &r, "mission page gone");
    let r = update(
        &mut model,
        &book.edit(
            "content/departments/engineering/teams/dev-tooling/index.md",
            "  - Build cache",
            "  - Build cache\n  - Remote execution",
        ),
    );
    assert_good(&model, &r, "a team page lists one more thing it owns");
    let r = update(&mut model, &book.remove("content/teams/engineering.md"));
    assert_good(&model, &r, "group gone");
    let r = update(
        &mut model,
        &book.write(
            "content/teams/dev-tooling.md",
            "+++\nname = \"Dev Tooling\"\nproblem = \"Fast loops.\"\n\n[[metrics]]\nname = \"Build time\"\n+++\n",
        ),
    );
    assert_good(&model, &r, "charter takes a team page's slug");
}

#[test]
fn config_and_template_changes_rebuild_everything() {
    let book = Book::fixture("serve");
    let (mut model, _) = served(&book);
    book.edit("orgbook.toml", "title = \"", "title = \"New ");
    let r = update(
        &mut model,
        &Changes {
            config: true,
            ..Changes::default()
        },
    );
    assert_eq!(r.scope, Scope::Full);
    assert_good(&model, &r, "config");
    book.write(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block main %}gone{% endblock main %}",
    );
    let r = update(
        &mut model,
        &Changes {
            theme: true,
            ..Changes::default()
        },
    );
    assert_good(&model, &r, "template");
    assert_eq!(r.markdown_rendered, 0, "a template edit re-read content");
    assert_eq!(r.scope, Scope::Full);
    assert!(
        r.delta
            .unwrap()
            .changed
            .iter()
            .any(|(p, _)| p == "404.html")
    );
}

/// A small deterministic random number generator (xorshift), so the sequence is stable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

fn relative(from: &str, to: &str) -> String {
    let from_dir = from.rsplit_once('/').map_or("", |(d, _)| d);
    crate::markdown::relative_path(from_dir, to)
}

/// Random edits, additions, removals and breakages (each undone right after, so most
/// steps leave a valid handbook), each checked against a full build.
#[test]
fn random_changes_match_full_builds() {
    let book = Book::bundled();
    let originals: BTreeMap<String, String> = book
        .docs()
        .into_iter()
        .map(|d| (d.clone(), book.read(&d)))
        .collect();
    let (mut model, _) = served(&book);
    let mut rng = Rng(0x5eed_1234_abcd);
    let (mut steps, mut clean) = (0, 0);
    // Returns how many documents' Markdown the change re-rendered, and whether the site
    // was published (no errors).
    let mut check = |model: &mut Model, change: Changes, what: String| {
        let rebuild = update(model, &change);
        assert_matches_full_build(model, &rebuild, &format!("step {steps}: {what}"));
        steps += 1;
        clean += usize::from(rebuild.delta.is_some());
        (rebuild.markdown_rendered, rebuild.delta.is_some())
    };
    // Edits of front matter that can break the handbook (a cycle, say) are undone when
    // they do, so that later steps start from a valid one.
    fn edit_or_undo(
        check: &mut impl FnMut(&mut Model, Changes, String) -> (usize, bool),
        book: &Book,
        model: &mut Model,
        rel: &str,
        new: &str,
        what: String,
    ) {
        let old = book.read(rel);
        if !check(model, book.write(rel, new), what.clone()).1 {
            check(model, book.write(rel, &old), format!("undo {what}"));
        }
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let backlinks_template =
        std::fs::read_to_string(repo.join("themes/default/templates/_backlinks.html")).unwrap();
    for n in 0..48 {
        let docs = book.docs();
        let doc = rng.pick(&docs).clone();
        let other = rng.pick(&docs).clone();
        let text = book.read(&doc);
        let of_kind = |kind: &str| -> Vec<String> {
            docs.iter()
                .filter(|d| d.starts_with(kind) && !d.ends_with("/_index.md"))
                .cloned()
                .collect()
        };
        let (teams, decisions) = (of_kind("content/teams/"), of_kind("content/decisions/"));
        let stem = |p: &str| -> String {
            let name = p.rsplit('/').next().unwrap_or(p);
            name.trim_end_matches(".md").to_string()
        };
        // A decision's number, from its file name (`0007-…`, or `924-added-24` as the
        // added ones are named).
        let number_of = |p: &str| -> u32 {
            let name = stem(p);
            let digits = name.split('-').next().unwrap_or_default();
            digits.parse().unwrap_or_else(|e| panic!("{p}: {e}"))
        };
        // How a reference names the team of charter `p`: usually its id, sometimes its
        // display name as written, or in capitals (the link stage resolves either while
        // the name is that team's alone; a later rename or a namesake breaks it).
        let team_ref = |p: &str, roll: u64| -> String {
            let name = book.read(p).lines().find_map(|l| {
                l.strip_prefix("name = \"")?
                    .strip_suffix('"')
                    .map(str::to_string)
            });
            match (name, roll % 3) {
                (Some(n), 0) => n,
                (Some(n), 1) if n.is_ascii() => n.to_uppercase(),
                _ => stem(p),
            }
        };
        // A key added to (or replaced in) a document's TOML front matter.
        let set_key = |text: &str, key: &str, value: &str| -> String {
            let line_start = format!("\n{key} = ");
            if let Some(at) = text.find(&line_start) {
                let end = text[at + 1..].find('\n').map_or(text.len(), |i| at + 1 + i);
                format!("{}\n{key} = {value}{}", &text[..at], &text[end..])
            } else if let Some(rest) = text.strip_prefix("+++\n") {
                format!("+++\n{key} = {value}\n{rest}")
            } else {
                format!("+++\n{key} = {value}\n+++\n{text}")
            }
        };
        match rng.next() % 14 {
            0 => {
                // The first quoted value in front matter is the name or title.
                let new = match text.find("= \"") {
                    Some(i) => format!("{}= \"Z{}", &text[..i], &text[i + 3..]),
                    None => format!("# Zed {n}\n\n{text}"),
                };
                // A team renamed breaks the references to its old name: undone then.
                edit_or_undo(
                    &mut check,
                    &book,
                    &mut model,
                    &doc,
                    &new,
                    format!("retitle {doc}"),
                );
            }
            1 => {
                // To the page, or to one of its headings: as GitHub spells the id, in
                // another generator's spelling (retargeted, with a warning), or missing.
                let heading = book
                    .read(&other)
                    .lines()
                    .find_map(|l| l.strip_prefix("## ").map(str::to_string));
                let anchor = match (heading, rng.next() % 4) {
                    (Some(h), 0) => format!("#{}", crate::text::heading_id(&h)),
                    (Some(h), 1) => format!("#{}", crate::text::heading_id(&h).to_uppercase()),
                    (_, 2) => "#no-such-heading".to_string(),
                    _ => String::new(),
                };
                let link = format!(
                    "{text}\n\nSee [{other}]({}{anchor}).\n",
                    relative(&doc, &other)
                );
                check(
                    &mut model,
                    book.write(&doc, &link),
                    format!("link {doc} → {other}"),
                );
            }
            2 => {
                // Body-only edits, at the end and at the start (where excerpts come from).
                let new = if rng.next().is_multiple_of(2) {
                    format!("{text}\n\nStep {n}.\n")
                } else {
                    let at = match text.strip_prefix("+++\n").and_then(|t| t.find("+++\n")) {
                        Some(i) => i + 8,
                        None => 0,
                    };
                    format!("{}Lead {n}.\n\n{}", &text[..at], &text[at..])
                };
                check(&mut model, book.write(&doc, &new), format!("body {doc}"));
            }
            3 => {
                let dir = doc.rsplit_once('/').map_or("content", |(d, _)| d);
                let new = format!("{dir}/added-{n}.md");
                let body = format!("# Added {n}\n\nSee [x]({}).\n", relative(&new, &other));
                let body = if dir.starts_with("content/teams") {
                    format!(
                        "+++\nname = \"Added {n}\"\nproblem = \"p\"\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\n{body}"
                    )
                } else if dir.starts_with("content/decisions") {
                    format!(
                        "+++\ntitle = \"Added\"\nstatus = \"proposed\"\ntype = 2\ndate = 2026-01-01\nteam = \"{}\"\n+++\n{body}",
                        team_ref(rng.pick::<String>(&teams), rng.next())
                    )
                } else {
                    body
                };
                let new = new.replace("/added-", &format!("/{}-added-", 900 + n));
                check(&mut model, book.write(&new, &body), format!("add {new}"));
            }
            4 => {
                check(
                    &mut model,
                    book.write(&doc, &text.replacen("+++", "+++\n=", 1)),
                    format!("break {doc}"),
                );
                check(
                    &mut model,
                    book.write(&doc, &text),
                    format!("unbreak {doc}"),
                );
            }
            5 => {
                check(&mut model, book.remove(&doc), format!("remove {doc}"));
                check(
                    &mut model,
                    book.write(&doc, &text),
                    format!("recreate {doc}"),
                );
            }
            7 => {
                // A team moves under another (a cycle is an error until undone).
                let team = rng.pick(&teams).clone();
                let parent = team_ref(rng.pick::<String>(&teams), rng.next());
                let text = book.read(&team);
                let new = set_key(&text, "parent", &format!("\"{parent}\""));
                edit_or_undo(
                    &mut check,
                    &book,
                    &mut model,
                    &team,
                    &new,
                    format!("reparent {team} under {parent}"),
                );
            }
            8 => {
                // A decision supersedes another (of any team).
                let decision = rng.pick(&decisions).clone();
                let number = number_of(rng.pick::<String>(&decisions));
                let text = book.read(&decision);
                let new = set_key(&text, "supersedes", &format!("[{number}]"));
                edit_or_undo(
                    &mut check,
                    &book,
                    &mut model,
                    &decision,
                    &new,
                    format!("{decision} supersedes {number}"),
                );
            }
            12 => {
                // A decision superseded by another (of any team), as MADR writes it: in
                // the older record's status, not the newer one's `supersedes`.
                let older = rng.pick(&decisions).clone();
                let newer = format!("{:04}", number_of(rng.pick::<String>(&decisions)));
                let text = book.read(&older);
                let new = set_key(&text, "status", &format!("\"superseded by ADR-{newer}\""));
                edit_or_undo(
                    &mut check,
                    &book,
                    &mut model,
                    &older,
                    &new,
                    format!("{older} superseded by {newer} in its status"),
                );
            }
            9 => {
                // A team gains a member: its group's totals and its neighbours' sizes change.
                let team = rng.pick(&teams).clone();
                let text = book.read(&team);
                let new = match text.find("members = [") {
                    Some(i) => format!("{}members = [\"Zed {n}\", {}", &text[..i], &text[i + 11..]),
                    None => set_key(&text, "members", &format!("[\"Zed {n}\"]")),
                };
                edit_or_undo(
                    &mut check,
                    &book,
                    &mut model,
                    &team,
                    &new,
                    format!("member in {team}"),
                );
            }
            10 => {
                // An old address for a handbook page.
                let pages: Vec<&String> = docs
                    .iter()
                    .filter(|d| {
                        !d.starts_with("content/teams/") && !d.starts_with("content/decisions/")
                    })
                    .collect();
                let page = (*rng.pick(&pages)).clone();
                let text = book.read(&page);
                // Or, every other time, hidden from (or put back into) the navigation.
                let (new, what) = if n % 2 == 0 {
                    let alias = format!("[\"old/alias-{n}.html\"]");
                    (set_key(&text, "aliases", &alias), "alias for")
                } else {
                    let hide = (!text.contains("nav_exclude = true")).to_string();
                    (
                        set_key(&text, "nav_exclude", &hide),
                        "nav_exclude toggled on",
                    )
                };
                edit_or_undo(
                    &mut check,
                    &book,
                    &mut model,
                    &page,
                    &new,
                    format!("{what} {page}"),
                );
            }
            11 => {
                // A template that every page with backlinks includes, overridden or restored.
                let over = book.path("templates/_backlinks.html");
                if over.exists() && rng.next().is_multiple_of(2) {
                    std::fs::remove_file(&over).unwrap();
                } else {
                    std::fs::create_dir_all(over.parent().unwrap()).unwrap();
                    std::fs::write(&over, format!("<!-- v{n} -->{backlinks_template}")).unwrap();
                }
                let change = Changes {
                    theme: true,
                    ..Changes::default()
                };
                let (markdown, _) = check(&mut model, change, format!("template {n}"));
                assert_eq!(markdown, 0, "a template edit re-rendered Markdown");
            }
            13 => {
                // A team takes another's display name: references to that name are
                // ambiguous until it is undone.
                let (team, namesake) = (rng.pick(&teams).clone(), rng.pick(&teams).clone());
                let text = book.read(&team);
                let name = book
                    .read(&namesake)
                    .lines()
                    .find_map(|l| l.strip_prefix("name = ").map(str::to_string));
                let Some(name) = name else { continue };
                let new = set_key(&text, "name", &name);
                // Always undone, valid or not: two teams sharing a name is a state to check,
                // not one to go on from (a later reference by that name would be ambiguous
                // and, written by a step that is not undone, leave every later step broken).
                let what = format!("{team} named as {namesake}");
                check(&mut model, book.write(&team, &new), what.clone());
                check(&mut model, book.write(&team, &text), format!("undo {what}"));
            }
            _ => {
                // Rename: links to it break until it is renamed back.
                let renamed = doc.replace(".md", "-x.md");
                book.remove(&doc);
                let mut change = book.write(&renamed, &text);
                change.content.insert(book.path(&doc));
                check(&mut model, change, format!("rename {doc}"));
                book.remove(&renamed);
                let mut change = book.write(&doc, &text);
                change.content.insert(book.path(&renamed));
                check(&mut model, change, format!("rename back {doc}"));
            }
        }
    }
    assert!(
        clean * 2 >= steps,
        "only {clean} of {steps} steps left a valid handbook"
    );
    // Put everything back: the site must be the original one again.
    for d in book.docs() {
        if !originals.contains_key(&d) {
            update(&mut model, &book.remove(&d));
        }
    }
    for (d, t) in &originals {
        update(&mut model, &book.write(d, t));
    }
    let rebuild = update(&mut model, &Changes::default());
    assert_good(&model, &rebuild, "restored");
}

/// MADR's `status: superseded by …` is written in the older record, but it is the newer
/// one's page that lists what it supersedes: an edit of the status alone re-renders that
/// page (and the one it no longer names), as a fresh build has them.
#[test]
fn a_superseded_by_status_edit_reaches_the_newer_decisions_page() {
    let book = Book::fixture("madr-front-matter");
    let (mut model, _) = served(&book);
    let rel = "content/decisions/0003-item-timestamps-managed-internally.md";
    for (from, to, page, step) in [
        (
            "superseded by ADR-0013",
            "superseded by ADR-0018",
            "decisions/0018-restrict-direct-source-modification.html",
            "status names another decision",
        ),
        (
            "superseded by ADR-0018",
            "superseded by [Timeline exposed by Flows](0013-timeline-exposed-by-flows.md)",
            "decisions/0013-timeline-exposed-by-flows.html",
            "status names it by a link",
        ),
    ] {
        let rebuild = update(&mut model, &book.edit(rel, from, to));
        assert_good(&model, &rebuild, step);
        assert!(changed_paths(&rebuild).contains(&page), "{step}");
    }
}

#[test]
fn linking_a_dot_folder_asset_publishes_it_as_build_does() {
    let book = Book::fixture("serve");
    let img = book.root.join("content/.gitbook/assets/map.png");
    std::fs::create_dir_all(img.parent().unwrap()).unwrap();
    std::fs::write(&img, b"png").unwrap();
    let (mut model, _) = served(&book);
    assert!(!model.site().contains_key(".gitbook/assets/map.png"));
    // A body edit (no front matter, no new file) that links the asset.
    let mut rebuild = update(
        &mut model,
        &book.edit(
            "content/glossary.md",
            "# Glossary\n",
            "# Glossary\n\n![map](.gitbook/assets/map.png)\n",
        ),
    );
    derive(&mut model, &mut rebuild);
    assert!(model.site().contains_key(".gitbook/assets/map.png"));
    assert_matches_full_build(&model, &rebuild, "link a dot-folder asset");
}

/// After a front-matter edit the org health (findings, people, velocity: the slowest part
/// of linking a large handbook) is recomputed after the edited page is served, not before;
/// the health page still ends up as a fresh build has it.
#[test]
fn health_follows_a_front_matter_edit_once_the_deferred_work_is_done() {
    let today = crate::clock::today();
    let reviewed = |date: &str| {
        format!(
            "+++\nname = \"Ledger\"\nproblem = \"p\"\nmembers = [\"Ann\"]\nreviewed = {date}\n\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\n"
        )
    };
    let book = Book::with(&[("content/teams/ledger.md", &reviewed("2001-01-01"))]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let health = |model: &Model| match &model.site()["health.html"] {
        Body::Bytes(b) => String::from_utf8(b.to_vec()).unwrap(),
        other => panic!("health.html is {other:?}"),
    };
    assert!(health(&model).contains("last reviewed on 2001-01-01"));

    let change = book.write("content/teams/ledger.md", &reviewed(&today.to_string()));
    let mut rebuild = model.update(&change);
    assert!(changed_paths(&rebuild).contains(&"teams/ledger.html"));
    // The edit is served first; the health page follows with the deferred work.
    assert!(model.deferred_owed());
    assert!(health(&model).contains("last reviewed on 2001-01-01"));
    derive(&mut model, &mut rebuild);
    assert!(!health(&model).contains("last reviewed on 2001-01-01"));
    assert_good(&model, &rebuild, "reviewed today");
}

/// With `[policy] deny`, a finding is an error that must stop the edit itself from being
/// published, so the health cannot wait.
#[test]
fn a_denied_finding_stops_the_edit_that_causes_it() {
    let book = Book::with(&[(
        "content/teams/ledger.md",
        "+++\nname = \"Ledger\"\nproblem = \"p\"\nmembers = [\"Ann\"]\n\n[[metrics]]\nname = \"m\"\ntarget = \"1\"\n+++\n",
    )]);
    book.write(
        "orgbook.toml",
        "title = \"Fixture\"\n\n[policy]\ndeny = [\"no-metric-target\"]\n",
    );
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let change = book.edit("content/teams/ledger.md", "target = \"1\"\n", "");
    let rebuild = model.update(&change);
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.is_error() && d.code == "no-metric-target"),
        "{:?}",
        rebuild.diagnostics
    );
    assert!(rebuild.delta.is_none(), "published a site with errors");
    assert_matches_full_build(&model, &rebuild, "denied finding");
}

/// The navigation (reading order, previous/next links, sidebars) is rebuilt by the work
/// deferred after an edit, not before the edited page is served; once that work is done,
/// every page has the new order, as a fresh build does.
#[test]
fn the_reading_order_follows_a_weight_edit_once_the_deferred_work_is_done() {
    let page = |title: &str, weight: u32| {
        format!("+++\ntitle = \"{title}\"\nweight = {weight}\n+++\n\nAbout {title}.\n")
    };
    let book = Book::with(&[
        ("content/guides/alpha.md", &page("Alpha", 1)),
        ("content/guides/beta.md", &page("Beta", 2)),
        ("content/guides/gamma.md", &page("Gamma", 3)),
    ]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let html = |model: &Model, path: &str| match &model.site()[path] {
        Body::Bytes(b) => String::from_utf8(b.to_vec()).unwrap(),
        other => panic!("{path} is {other:?}"),
    };
    let next_of_alpha = |model: &Model| {
        let alpha = html(model, "guides/alpha.html");
        let at = alpha.find("rel=\"next\"").expect("Alpha has a next page");
        let link = &alpha[at..];
        link[..link.find("</a>").unwrap()].to_string()
    };
    assert!(
        next_of_alpha(&model).contains("Beta"),
        "{}",
        next_of_alpha(&model)
    );

    // Gamma moves between Alpha and Beta.
    let change = book.write("content/guides/gamma.md", &page("Gamma", 1));
    let mut rebuild = model.update(&change);
    derive(&mut model, &mut rebuild);
    assert_good(&model, &rebuild, "gamma moved up");
    assert!(
        next_of_alpha(&model).contains("Gamma"),
        "{}",
        next_of_alpha(&model)
    );
}

/// A folder's `_category_` file (Docusaurus) names and places the folder: adding, editing,
/// breaking and removing it under `serve` gives what a fresh build gives at each step.
#[test]
fn a_folders_category_file_follows_edits_as_a_fresh_build_does() {
    let page = |title: &str| format!("+++\ntitle = \"{title}\"\n+++\n\nAbout {title}.\n");
    let book = Book::with(&[
        ("content/alpha/one.md", &page("One")),
        ("content/beta/two.md", &page("Two")),
        ("content/gamma/three.md", &page("Three")),
    ]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let sections = |model: &Model| match &model.site()["handbook.html"] {
        Body::Bytes(b) => {
            let html = String::from_utf8(b.to_vec()).unwrap();
            ["Alpha", "Beta", "Gamma", "Start here"]
                .into_iter()
                .filter_map(|t| Some((html.find(&format!(">{t}</a>"))?, t)))
                .collect::<BTreeMap<_, _>>()
                .into_values()
                .collect::<Vec<_>>()
        }
        other => panic!("handbook.html is {other:?}"),
    };
    assert_eq!(sections(&model), ["Alpha", "Beta", "Gamma"]);
    let steps: &[(&str, Option<&str>, &[&str])] = &[
        (
            "gamma/_category_.json",
            Some("{\"label\": \"Start here\", \"position\": 1}"),
            &["Start here", "Alpha", "Beta"],
        ),
        (
            "beta/_category_.yml",
            Some("position: 5\n"),
            &["Start here", "Beta", "Alpha"],
        ),
        (
            "gamma/_category_.json",
            Some("{\"label\": \"Start here\", \"position\": 9}"),
            &["Beta", "Start here", "Alpha"],
        ),
        // Broken: a warning, and the folder falls back to its name and place.
        (
            "gamma/_category_.json",
            Some("{\"label\": \"Start here\",}"),
            &["Beta", "Alpha", "Gamma"],
        ),
        ("beta/_category_.yml", None, &["Alpha", "Beta", "Gamma"]),
    ];
    for (rel, text, want) in steps {
        let path = format!("content/{rel}");
        let change = match text {
            Some(text) => book.write(&path, text),
            None => book.remove(&path),
        };
        let r = update(&mut model, &change);
        let step = format!("{rel} = {text:?}");
        assert_good(&model, &r, &step);
        assert_eq!(sections(&model), *want, "{step}");
    }
}

/// GitBook's `SUMMARY.md` orders the pages it lists (`link::summary_order`): a body edit of
/// one of them, or of `SUMMARY.md` itself, keeps the site equal to a fresh build.
#[test]
fn summary_order_survives_body_edits() {
    let book = Book::fixture("gitbook");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let page = "content/culture/remote.md";
    let r = update(
        &mut model,
        &book.write(page, &(book.read(page) + "\nOne more line.\n")),
    );
    assert_good(&model, &r, "body edit of a listed page");
    let summary = book
        .read("content/SUMMARY.md")
        .replace("  * [Remote](culture/remote.md)\n", "")
        + "* [Remote](culture/remote.md)\n";
    let r = update(&mut model, &book.write("content/SUMMARY.md", &summary));
    assert_good(&model, &r, "SUMMARY.md reordered");
    let r = update(
        &mut model,
        &book.write(
            "content/SUMMARY.md",
            &(summary.clone() + "\nA year of steady growth.\n"),
        ),
    );
    assert_good(&model, &r, "SUMMARY.md given prose: a page");
    let r = update(&mut model, &book.write("content/SUMMARY.md", &summary));
    assert_good(&model, &r, "SUMMARY.md links only again: the navigation");
}

/// Jupyter Book 1's `_config.yml` is read with its `_toc.yml` (the watcher counts it as
/// configuration): setting `only_build_toc_files` hides the unlisted pages, and edits of
/// such a page, or a new one, give what a fresh build gives.
#[test]
fn jupyter_book_only_listed_pages_follow_edits() {
    let book = Book::fixture("jupyter-book-1");
    std::fs::rename(book.path("Governance"), book.path("content")).unwrap();
    book.write("orgbook.toml", "title = \"Climate Data Guidelines\"\n");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let config = book.read("content/_config.yml") + "\nonly_build_toc_files: true\n";
    book.write("content/_config.yml", &config);
    let changes = crate::serve::watch::classify(&book.root, &[book.path("content/_config.yml")]);
    assert!(changes.config, "_config.yml is not seen as configuration");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "only_build_toc_files set");
    let page = "content/drafts/notes.md";
    let r = update(
        &mut model,
        &book.write(page, &(book.read(page) + "\nMore.\n")),
    );
    assert_good(&model, &r, "body edit of an unlisted page");
    let r = update(
        &mut model,
        &book.write("content/drafts/later.md", "# Later\n\nSoon.\n"),
    );
    assert_good(&model, &r, "an unlisted page added");
}

/// MyST substitutions follow edits: a page's own value (in its title and body), and
/// `conf.py`'s, which the watcher counts as configuration.
#[test]
fn myst_substitutions_follow_edits() {
    let book = Book::fixture("myst-substitutions");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let r = update(
        &mut model,
        &book.edit("content/release.md", "\"**0.16**\"", "\"**0.17**\""),
    );
    assert_good(&model, &r, "a page's own value changed");
    book.edit("content/conf.py", "[Read the Docs]", "[RTD]");
    let changes = crate::serve::watch::classify(&book.root, &[book.path("content/conf.py")]);
    assert!(changes.config, "conf.py is not seen as configuration");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "the site's value changed");
}

/// Roles `conf.py` defines with `extlinks` follow its edits: a caption changed, a role
/// added that a page already uses (its warning gone), as a fresh build has them.
#[test]
fn extlinks_roles_follow_conf_py_edits() {
    let book = Book::fixture("sphinx-extlinks");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    book.edit(
        "content/conf.py",
        "\"GH-\"),\n    \"gh-pr\"",
        "\"issue %s\"),\n    \"gh-pr\"",
    );
    book.edit(
        "content/conf.py",
        "    \"raw\":",
        "    \"docs\": (\"https://docs.example.org/%s\", None),\n    \"raw\":",
    );
    let changes = crate::serve::watch::classify(&book.root, &[book.path("content/conf.py")]);
    assert!(changes.config, "conf.py is not seen as configuration");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "extlinks changed");
}

/// sphinx-issues' roles follow `conf.py`'s edits too: another repository named, the
/// extension taken out of `extensions` (its roles warnings again), as a fresh build has
/// them.
#[test]
fn sphinx_issues_roles_follow_conf_py_edits() {
    let book = Book::fixture("sphinx-issues");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    book.edit("content/conf.py", "python-scim/scim2-models", "yaal/scim2");
    let changes = crate::serve::watch::classify(&book.root, &[book.path("content/conf.py")]);
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "repository changed");
    book.edit("content/conf.py", "    \"sphinx_issues\",\n", "");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "extension taken out");
}

/// `SUMMARY.md`'s part titles head the sidebar's chapters, and mdBook's `book.toml`
/// redirects are read with the configuration (the watcher counts the file as such): an edit
/// of either gives what a fresh build gives.
#[test]
fn summary_parts_and_book_toml_redirects_follow_edits() {
    let book = Book::fixture("gitbook");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let r = update(
        &mut model,
        &book.edit("content/SUMMARY.md", "## Culture\n", "## Our culture\n"),
    );
    assert_good(&model, &r, "part title renamed");
    book.write(
        "book.toml",
        "[output.html.redirect]\n\"/old/remote.html\" = \"../culture/remote.html\"\n",
    );
    let changes = crate::serve::watch::classify(&book.root, &[book.path("book.toml")]);
    assert!(changes.config, "book.toml is not seen as configuration");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "book.toml redirect added");
}

/// GitBook's `.gitbook.yaml` redirects are read with the configuration, beside `content/`
/// or at its top: an entry added, one pointed at no page, and the file moved into `content/`
/// each give what a fresh build gives.
#[test]
fn gitbook_yaml_redirects_follow_edits() {
    let book = Book::fixture("gitbook-redirects");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    book.edit(
        ".gitbook.yaml",
        "redirects:  \n",
        "redirects:  \n   old/recruiting: contributors/join-us/recruiting.md\n",
    );
    let changes = crate::serve::watch::classify(&book.root, &[book.path(".gitbook.yaml")]);
    assert!(changes.config, ".gitbook.yaml is not seen as configuration");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, ".gitbook.yaml redirect added");
    assert!(model.site().contains_key("old/recruiting.html"));
    book.edit(
        ".gitbook.yaml",
        "join-us/recruiting.md\n",
        "join-us/gone.md\n",
    );
    let changes = crate::serve::watch::classify(&book.root, &[book.path(".gitbook.yaml")]);
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "the redirect's page renamed away");
    assert!(!model.site().contains_key("old/recruiting.html"));
    let text = book.read(".gitbook.yaml");
    std::fs::remove_file(book.path(".gitbook.yaml")).unwrap();
    book.write("content/.gitbook.yaml", &text);
    let changes = crate::serve::watch::classify(
        &book.root,
        &[
            book.path(".gitbook.yaml"),
            book.path("content/.gitbook.yaml"),
        ],
    );
    assert!(
        changes.config,
        "content/.gitbook.yaml is not seen as configuration"
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, ".gitbook.yaml moved into content/");
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.file == "content/.gitbook.yaml"),
        "{:?}",
        r.diagnostics
    );
}

/// A page written in HTML with front matter (a Jekyll page, `load::is_jekyll_html_page`)
/// follows edits as a Markdown page does: its text edited, one added, its front matter
/// taken away (an asset then, copied as it is) and given back, and one deleted each give
/// what a fresh build gives.
#[test]
fn html_pages_with_front_matter_follow_edits() {
    let book = Book::fixture("jekyll-html-pages");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let page = |model: &Model, url: &str| {
        let body = model.site().get(url).map(bytes_of_body).unwrap_or_default();
        String::from_utf8(body).unwrap()
    };
    let r = update(
        &mut model,
        &book.edit(
            "content/about.html",
            "written by everyone who works here",
            "written by all of us",
        ),
    );
    assert_eq!(r.scope, Scope::Edit);
    assert_good(&model, &r, "an HTML page's text edited");
    assert!(page(&model, "about/index.html").contains("written by all of us"));
    let values =
        "---\ntitle: What We Stand For\n---\n<p>We stand for calm.</p>\n\n    <p>Always.</p>\n";
    let r = update(&mut model, &book.write("content/values.html", values));
    assert_good(&model, &r, "an HTML page added");
    assert!(page(&model, "values.html").contains("<title>What We Stand For"));
    assert!(!page(&model, "values.html").contains("<pre>"));
    let r = update(
        &mut model,
        &book.write("content/values.html", "<p>We stand for calm.</p>\n"),
    );
    assert_good(&model, &r, "its front matter taken away");
    assert!(matches!(
        model.site().get("values.html"),
        Some(Body::File(_))
    ));
    let r = update(&mut model, &book.write("content/values.html", values));
    assert_good(&model, &r, "its front matter given back");
    assert!(page(&model, "values.html").contains("<title>What We Stand For"));
    let r = update(&mut model, &book.remove("content/values.html"));
    assert_good(&model, &r, "an HTML page deleted");
    assert!(!model.site().contains_key("values.html"));
}

/// Pages that are their folder's or the home page only beside others
/// (`link::index_md_in_branch_bundles`, `link::homes_of_other_tools`): a Hugo `index.md`
/// as a section's `_index.md` comes, is edited and goes, and a Wiki.js `home.md` as a
/// `README.md` comes and goes, keep the site equal to a fresh build.
#[test]
fn index_md_beside_a_section_and_wiki_js_home_follow_their_neighbours() {
    let book = Book::fixture("hugo");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let steps: [(&str, Option<&str>); 7] = [
        (
            "content/docs/operations/index.md",
            Some("---\ntitle: At a glance\n---\nSummary.\n"),
        ),
        (
            "content/docs/operations/index.md",
            Some("---\ntitle: At a glance\n---\nSummary, edited.\n"),
        ),
        ("content/docs/operations/_index.md", None),
        (
            "content/docs/operations/_index.md",
            Some("---\ntitle: Operations\n---\nThe section.\n"),
        ),
        (
            "content/home.md",
            Some("---\ntitle: Front desk\npublished: true\neditor: markdown\n---\nStart here.\n"),
        ),
        ("content/_index.md", None),
        (
            "content/home.md",
            Some(
                "---\ntitle: Front desk\npublished: true\neditor: markdown\n---\nStart here, edited.\n",
            ),
        ),
    ];
    for (path, text) in steps {
        let change = match text {
            Some(text) => book.write(path, text),
            None => book.remove(path),
        };
        let r = update(&mut model, &change);
        assert_good(&model, &r, path);
    }
}

/// A Dendron vault's notes nest in the sidebar by their dotted names (`render::nav`'s
/// `Vault`): a note added between two levels, a note removed, and `root.md` losing and
/// regaining the keys that make the folder a vault keep the site equal to a fresh build.
#[test]
fn dendron_notes_nest_as_notes_come_and_go() {
    let book = Book::fixture("github");
    let note = |title: &str, extra: &str| {
        format!(
            "---\nid: n{}\ntitle: {title}\nupdated: 1700000000000\n{extra}---\n\nText.\n",
            title.len()
        )
    };
    let created = "created: 1690000000000\n";
    book.write("content/root.md", &note("Root", created));
    book.write("content/eng.md", &note("Eng", created));
    book.write("content/eng.oncall.runbook.md", &note("Runbook", created));
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let steps: [(&str, Option<String>); 5] = [
        ("content/eng.oncall.md", Some(note("On call", created))),
        (
            "content/eng.oncall.md",
            Some(note("On call, edited", created)),
        ),
        ("content/root.md", Some(note("Root", ""))),
        ("content/root.md", Some(note("Root", created))),
        ("content/eng.md", None),
    ];
    for (path, text) in steps {
        let change = match text {
            Some(text) => book.write(path, &text),
            None => book.remove(path),
        };
        let r = update(&mut model, &change);
        assert_good(&model, &r, path);
    }
}

/// Nextra's `_meta` files name and hide pages (`link::summary_order`): a body edit of a
/// named page and of a hidden one keeps the site equal to a fresh build.
#[test]
fn nextra_meta_labels_survive_body_edits() {
    let book = Book::fixture("nextra");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    for page in [
        "content/handbook/mission.mdx",
        "content/handbook/pricing-draft.mdx",
    ] {
        let r = update(
            &mut model,
            &book.write(page, &(book.read(page) + "\nOne more line.\n")),
        );
        assert_good(&model, &r, page);
    }
}

/// A Jupyter Book's labels under `serve`: a changed figure caption is the text of the
/// links to it on another page, a removed label leaves those links as a fresh build does,
/// and a glossary term's rename reaches the `{term}` links to it.
#[test]
fn labels_and_glossary_terms_follow_edits_as_a_fresh_build_does() {
    let book = Book::fixture("jupyter-book");
    let (mut model, first) = served(&book);
    assert_matches_full_build(&model, &first, "cold");
    let page = "content/get-started/create-content.md";
    let text = book.read(page);
    let recaptioned = text.replace("The *Alps* from the lab's window.", "The Alps at dawn.");
    assert_ne!(recaptioned, text);
    let r = update(&mut model, &book.write(page, &recaptioned));
    assert_matches_full_build(&model, &r, "caption changed");
    let unlabelled = recaptioned.replace(":label: fig:mountains\n", "");
    let r = update(&mut model, &book.write(page, &unlabelled));
    assert_matches_full_build(&model, &r, "label removed");
    let r = update(&mut model, &book.write(page, &text));
    assert_matches_full_build(&model, &r, "label back");
    let glossary = "content/glossary.md";
    let r = update(
        &mut model,
        &book.write(
            glossary,
            ":::{glossary}\nLab\n  The people who keep this guide.\n:::\n",
        ),
    );
    assert_matches_full_build(&model, &r, "glossary added");
    let index = "content/index.md";
    let home = book.read(index);
    let r = update(
        &mut model,
        &book.write(index, &format!("{home}\nWritten by the {{term}}`lab`.\n")),
    );
    assert_matches_full_build(&model, &r, "term used");
    let r = update(
        &mut model,
        &book.write(
            glossary,
            ":::{glossary}\nLab team\n  The people who keep this guide.\n:::\n",
        ),
    );
    assert_matches_full_build(&model, &r, "term renamed");
}

/// Handbooks shaped like other generators' sites (the `moving_in` fixtures) under `serve`:
/// a body edit, a front-matter edit, a new page and its removal each give what a fresh
/// build gives, whatever those sites' files are (SUMMARY.md, `_category_` files, `.mdx`,
/// callouts, redirects, folder pages named README.md or index.md…).
#[test]
fn sites_from_other_generators_follow_edits_as_a_fresh_build_does() {
    for name in [
        "docusaurus",
        "mkdocs",
        "hugo",
        "jekyll",
        "jekyll-madr",
        "gitbook",
        "github",
        "sphinx-myst",
        "jupyter-book",
        "azure-devops-wiki",
        "notion",
        "basic",
        "insight",
        "browser",
    ] {
        let book = Book::fixture(name);
        let (mut model, first) = served(&book);
        assert_matches_full_build(&model, &first, &format!("{name}: cold"));
        let pages: Vec<String> = book
            .docs()
            .into_iter()
            .filter(|d| !d.starts_with("content/teams/") && !d.starts_with("content/decisions/"))
            .collect();
        // Charters and decision records: a body edit each (their front matter is orgbook's
        // own, which the randomised test edits).
        let records: Vec<String> = book
            .docs()
            .into_iter()
            .filter(|d| d.starts_with("content/teams/") || d.starts_with("content/decisions/"))
            .collect();
        for (n, record) in records.iter().enumerate().filter(|(n, _)| n % 4 == 0) {
            let text = book.read(record);
            let step = format!("{name}: body edit of {record}");
            let r = update(
                &mut model,
                &book.write(record, &format!("{text}\nNoted {n}.\n")),
            );
            assert_matches_full_build(&model, &r, &step);
        }
        for (n, page) in pages.iter().enumerate().filter(|(n, _)| n % 3 == 0) {
            let text = book.read(page);
            let step = format!("{name}: body edit of {page}");
            let r = update(
                &mut model,
                &book.write(page, &format!("{text}\nEdited {n}.\n")),
            );
            assert_matches_full_build(&model, &r, &step);
            // A title in front matter, in the syntax the file already uses.
            let retitled = if let Some(rest) = text.strip_prefix("---\n") {
                format!(
                    "---\ntitle: Retitled {n}\n{}",
                    rest.replacen("title:", "old_title:", 1)
                )
            } else if let Some(rest) = text.strip_prefix("+++\n") {
                format!(
                    "+++\ntitle = \"Retitled {n}\"\n{}",
                    rest.replacen("title =", "old_title =", 1)
                )
            } else {
                format!("---\ntitle: Retitled {n}\n---\n{text}")
            };
            let step = format!("{name}: front matter of {page}");
            let r = update(&mut model, &book.write(page, &retitled));
            assert_matches_full_build(&model, &r, &step);
            let r = update(&mut model, &book.write(page, &text));
            assert_matches_full_build(&model, &r, &format!("{step}, undone"));
        }
        let dir = pages[0].rsplit_once('/').map_or("content", |(d, _)| d);
        let new = format!("{dir}/added-by-test.md");
        let r = update(&mut model, &book.write(&new, "# Added\n\nSee [home](/).\n"));
        assert_matches_full_build(&model, &r, &format!("{name}: {new} added"));
        let r = update(&mut model, &book.remove(&new));
        assert_matches_full_build(&model, &r, &format!("{name}: {new} removed"));
    }
}

/// A folder per team (`teams/checkout/index.md` and its pages): a page retitled, added or
/// removed changes the team page's list, and an index page that gains a charter's keys
/// becomes a team, as in a fresh build.
#[test]
fn a_team_folder_follows_edits_as_a_fresh_build_does() {
    let book = Book::fixture("team-folders");
    let (mut model, first) = served(&book);
    assert_matches_full_build(&model, &first, "cold");
    let runbook = "content/teams/checkout/runbook.md";
    let text = book.read(runbook);
    let r = update(
        &mut model,
        &book.write(
            runbook,
            &text.replace("title: Checkout runbook", "title: Payments runbook"),
        ),
    );
    assert_matches_full_build(&model, &r, "a team's page retitled");
    let added = "content/teams/checkout/rituals.md";
    let r = update(&mut model, &book.write(added, "# Rituals\n"));
    assert_matches_full_build(&model, &r, "a team's page added");
    let growth = "content/teams/growth/index.md";
    let page = book.read(growth);
    let r = update(
        &mut model,
        &book.write(
            growth,
            &page.replace(
                "title: Growth\n",
                "title: Growth\nname: Growth\nproblem: Too few sign-ups.\nmetrics: [{name: Sign-ups}]\n",
            ),
        ),
    );
    assert_matches_full_build(&model, &r, "an index page becomes a charter");
    let r = update(&mut model, &book.write(growth, &page));
    assert_matches_full_build(&model, &r, "and a page again");
    let r = update(&mut model, &book.remove(added));
    assert_matches_full_build(&model, &r, "a team's page removed");
}

/// Another generator's machinery (`load::machinery`: `_site/`, `_drafts/`,
/// `node_modules/`, partials) stays unpublished and noted under `serve` as in a fresh
/// build: there at the start, written while serving, or a folder renamed out of it and back.
#[test]
fn other_generators_machinery_stays_unpublished_as_in_a_fresh_build() {
    let book = Book::fixture("jekyll");
    let (mut model, first) = served(&book);
    assert_matches_full_build(&model, &first, "cold");
    let published = |model: &Model, path: &str| model.site().iter().any(|(p, _)| p == path);
    assert!(!published(&model, "_drafts/q3-offsite.html"));
    for (rel, text) in [
        ("content/_site/guides/extra.md", "# Extra\n"),
        ("content/_drafts/next.md", "# Next\n"),
        ("content/guides/node_modules/pkg/README.md", "# pkg\n"),
        ("content/vendor/bundle/ruby/gems/k/README.md", "# k\n"),
        ("content/guides/_partial.md", "Included.\n"),
        ("content/_posts/2024-05-01-all-hands.md", "# All hands\n"),
    ] {
        let r = update(&mut model, &book.write(rel, text));
        assert_matches_full_build(&model, &r, rel);
    }
    assert!(published(&model, "2024/05/01/all-hands.html"));
    let both = |a: &str, b: &str| Changes {
        content: BTreeSet::from([book.path(a), book.path(b)]),
        ..Changes::default()
    };
    std::fs::rename(book.path("content/_drafts"), book.path("content/drafts")).unwrap();
    let r = update(&mut model, &both("content/_drafts", "content/drafts"));
    assert_matches_full_build(&model, &r, "_drafts renamed drafts");
    assert!(published(&model, "drafts/next.html"));
    assert!(published(&model, "drafts/q3-offsite.html"));
    std::fs::rename(book.path("content/drafts"), book.path("content/_drafts")).unwrap();
    let r = update(&mut model, &both("content/drafts", "content/_drafts"));
    assert_matches_full_build(&model, &r, "drafts renamed back");
    assert!(!published(&model, "drafts/next.html"));
    let r = update(&mut model, &book.remove("content/guides/node_modules"));
    assert_matches_full_build(&model, &r, "node_modules removed");
    // An image in a `_` folder is published once a page links to it.
    let r = update(
        &mut model,
        &book.write(
            "content/_static/flow.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
    );
    assert_matches_full_build(&model, &r, "_static image added");
    assert!(!published(&model, "_static/flow.svg"));
    let r = update(
        &mut model,
        &book.write(
            "content/guides/flow.md",
            "# Flow\n\n![Flow](../_static/flow.svg)\n",
        ),
    );
    assert_matches_full_build(&model, &r, "a page links the image");
    assert!(published(&model, "_static/flow.svg"));
    // A folder holding a `_` folder, added and removed whole (a checkout).
    book.write("content/area/_includes/nav.md", "- [Home](/)\n");
    book.write("content/area/_config.yml", "title: Area\n");
    let r = update(&mut model, &book.write("content/area/index.md", "# Area\n"));
    let r2 = update(
        &mut model,
        &Changes {
            content: BTreeSet::from([book.path("content/area")]),
            ..Changes::default()
        },
    );
    assert_matches_full_build(&model, &r2, "a folder with a `_` folder added");
    assert!(
        r2.diagnostics
            .iter()
            .any(|d| d.file == "content/area/_includes"),
        "{:?} {:?}",
        r.diagnostics,
        r2.diagnostics
    );
    let r = update(&mut model, &book.remove("content/area"));
    assert_matches_full_build(&model, &r, "the folder removed");
    // Pages in another markup: one note a folder, counting them (the root's included).
    for (step, change) in [
        (
            "a .rst page",
            book.write("content/guides/vcs.rst", "VCS\n===\n"),
        ),
        (
            "a second",
            book.write("content/guides/pins.rst", "Pins\n====\n"),
        ),
        ("one removed", book.remove("content/guides/vcs.rst")),
        (
            "one at the root",
            book.write("content/notes.adoc", "= Notes\n"),
        ),
        ("the root's removed", book.remove("content/notes.adoc")),
    ] {
        let r = update(&mut model, &change);
        assert_matches_full_build(&model, &r, step);
    }
    assert!(!published(&model, "guides/pins.rst"));
    // A symbolic link to a folder outside the handbook, named like machinery: noted as a
    // link, and nothing under it is read, as in a build.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.md"), "# Secret\n").unwrap();
    std::os::unix::fs::symlink(outside.path(), book.path("content/_outside")).unwrap();
    let r = update(&mut model, &content_change(book.path("content/_outside")));
    assert_matches_full_build(&model, &r, "a symbolic link to a folder outside");
    assert!(
        !r.diagnostics.iter().any(|d| d.file.contains("secret")),
        "{:?}",
        r.diagnostics
    );
    let r = update(&mut model, &book.remove("content/Gemfile"));
    assert_matches_full_build(&model, &r, "Gemfile removed");
}

/// A file added to `static/` mends a link to it (`/img/x.svg`), and removing it breaks the
/// link again, as in a fresh build; an edit of a static file re-sends it only.
#[test]
fn a_static_file_added_or_removed_relinks_as_a_fresh_build_does() {
    let book = Book::fixture("docusaurus");
    book.write(
        "content/tutorial/overview.md",
        "# Overview\n\n![Diagram](/img/diagram.svg)\n",
    );
    let (mut model, first) = served(&book);
    assert_matches_full_build(&model, &first, "cold, the link broken");
    assert!(first.diagnostics.iter().any(|d| d.code == "broken-link"));
    let static_change = |rel: &str| Changes {
        static_files: BTreeSet::from([book.path(rel)]),
        ..Changes::default()
    };
    book.write("static/img/diagram.svg", "<svg/>");
    let r = update(&mut model, &static_change("static/img/diagram.svg"));
    assert_matches_full_build(&model, &r, "the image added");
    assert!(!r.diagnostics.iter().any(|d| d.code == "broken-link"));
    book.write("static/img/diagram.svg", "<svg></svg>");
    let r = update(&mut model, &static_change("static/img/diagram.svg"));
    assert_ne!(
        r.scope,
        Scope::Full,
        "an edit of a static file re-reads nothing"
    );
    book.remove("static/img/diagram.svg");
    let r = update(&mut model, &static_change("static/img/diagram.svg"));
    assert_matches_full_build(&model, &r, "the image removed");
    assert!(r.diagnostics.iter().any(|d| d.code == "broken-link"));
}

/// `mkdocs.yml`'s `nav:` orders pages: the watcher counts it as configuration, and an edit
/// of it (and a body edit of a listed page) gives what a fresh build gives.
#[test]
fn an_mkdocs_nav_edit_reorders_pages_as_a_fresh_build_does() {
    let book = Book::fixture("mkdocs");
    book.write("content/runbooks/checklist.md", "# Release checklist\n");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let changes = crate::serve::watch::classify(&book.root, &[book.path("mkdocs.yml")]);
    assert!(changes.config, "mkdocs.yml is not seen as configuration");
    book.edit(
        "mkdocs.yml",
        "      - runbooks/incident.md\n",
        "      - runbooks/rollback.md\n      - runbooks/incident.md\n",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "nav reordered");
    let page = "content/runbooks/incident.md";
    let r = update(
        &mut model,
        &book.write(page, &(book.read(page) + "\nMore.\n")),
    );
    assert_good(&model, &r, "body edit of a listed page");
}

/// An Azure DevOps wiki's `.order` files order pages: the watcher counts them as
/// configuration. Reordering, and a sub-page's removal (its page then stands for no
/// folder), each give what a fresh build gives.
#[test]
fn an_azure_devops_order_edit_and_a_folder_emptied_give_a_fresh_build() {
    let book = Book::fixture("azure-devops-wiki");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let order = book.path("content/.order");
    let changes = crate::serve::watch::classify(&book.root, &[order]);
    assert!(changes.config, ".order is not seen as configuration");
    book.edit(
        "content/.order",
        "Getting-Started\nTeam-Handbooks\n",
        "Team-Handbooks\nGetting-Started\n",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "root order changed");
    let r = update(
        &mut model,
        &book.remove("content/Team-Handbooks/Platform-Team/Runbooks.md"),
    );
    assert_good(&model, &r, "a page's only sub-page removed");
}

/// The `.pages` files of MkDocs's awesome-pages plugin order pages: the watcher counts
/// them as configuration, and reordering a folder, or hiding one, gives what a fresh
/// build gives.
#[test]
fn an_awesome_pages_edit_gives_a_fresh_build() {
    let book = Book::fixture("mkdocs-awesome-pages");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let pages = book.path("content/onboarding/.pages");
    let changes = crate::serve::watch::classify(&book.root, &[pages]);
    assert!(changes.config, ".pages is not seen as configuration");
    book.edit(
        "content/onboarding/.pages",
        "  - first-week.md\n",
        "  - buddy.md\n  - first-week.md\n",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "a folder reordered");
    book.write("content/runbooks/.pages", "title: Runbooks\nhide: true\n");
    let changes =
        crate::serve::watch::classify(&book.root, &[book.path("content/runbooks/.pages")]);
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "a folder hidden");
}

/// A Writerside project's `.tree` (its order) and `v.list` (its variables) are read again
/// when they change: reordering the topics, and giving a variable a value, each give
/// what a fresh build gives.
#[test]
fn a_writerside_tree_or_variables_edit_gives_a_fresh_build() {
    let book = Book::fixture("writerside");
    book.write(
        "content/Writerside/topics/Lobby.md",
        "# Lobby\n\nThe %product% kiosk stands by the door.\n",
    );
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let tree = book.path("content/Writerside/fd.tree");
    let changes = crate::serve::watch::classify(&book.root, &[tree]);
    assert!(changes.config, "a .tree file is not seen as configuration");
    book.edit(
        "content/Writerside/fd.tree",
        "    <toc-element topic=\"Visitors.md\"/>\n",
        "    <toc-element topic=\"Lobby.md\"/>\n    <toc-element topic=\"Visitors.md\"/>\n",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "the topics reordered");
    book.write(
        "content/Writerside/v.list",
        "<vars>\n    <var name=\"product\" value=\"Greeter\"/>\n</vars>\n",
    );
    let changes =
        crate::serve::watch::classify(&book.root, &[book.path("content/Writerside/v.list")]);
    assert!(changes.config, "v.list is not seen as configuration");
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "a variable given a value");
}

/// A Retype project's folder files (`index.yml`: a folder's label and place) and its
/// `retype.yml` are read again when they change: relabelling a folder, and removing the
/// project file (`order` then places nothing), each give what a fresh build gives.
#[test]
fn a_retype_folder_file_or_project_file_edit_gives_a_fresh_build() {
    let book = Book::fixture("retype");
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let folder_file = book.path("content/runbooks/index.yml");
    let changes = crate::serve::watch::classify(&book.root, &[folder_file]);
    assert!(changes.config, "index.yml is not seen as configuration");
    book.edit(
        "content/runbooks/index.yml",
        "label: Runbooks by system",
        "label: Playbooks",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "a folder relabelled");
    let project = book.path("retype.yml");
    let changes = crate::serve::watch::classify(&book.root, std::slice::from_ref(&project));
    assert!(changes.config, "retype.yml is not seen as configuration");
    std::fs::remove_file(&project).unwrap();
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "the project file removed");
}

/// docsify's `_sidebar.md` orders pages: the watcher counts it as configuration, and a
/// reordering gives what a fresh build gives.
#[test]
fn a_docsify_sidebar_edit_gives_a_fresh_build() {
    let book = Book::with(&[
        ("content/README.md", "# Home\n"),
        (
            "content/_sidebar.md",
            "* [Zeta](zeta.md)\n* [Alpha](alpha)\n",
        ),
        ("content/alpha.md", "# Alpha\n"),
        ("content/zeta.md", "# Zeta\n"),
    ]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let sidebar = book.path("content/_sidebar.md");
    let changes = crate::serve::watch::classify(&book.root, &[sidebar]);
    assert!(changes.config, "_sidebar.md is not seen as configuration");
    book.edit(
        "content/_sidebar.md",
        "* [Zeta](zeta.md)\n* [Alpha](alpha)\n",
        "* [Alpha](alpha)\n* [Zeta](zeta.md)\n",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "sidebar reordered");
}

/// Files a page includes (`load::include`), inside content/ or anywhere in the handbook
/// folder: an edit to one, a new one, a removed one and a broken nested one each give
/// what a fresh build gives.
#[test]
fn edits_to_included_files_reach_the_pages_that_include_them() {
    let book = Book::with(&[
        (
            "content/index.md",
            "# Home\n\n```{include} ../README.md\n:start-after: <!-- docs -->\n```\n\n--8<-- \"snips/part.md\"\n",
        ),
        ("README.md", "# Repo\n\n<!-- docs -->\nFirst words.\n"),
        ("snips/part.md", "Part one.\n"),
    ]);
    let (mut model, rebuild) = served(&book);
    assert_good(&model, &rebuild, "cold");
    let page =
        |model: &Model| String::from_utf8(bytes_of_body(&model.site()["index.html"])).unwrap();
    assert!(page(&model).contains("First words.") && page(&model).contains("Part one."));
    assert_eq!(
        model.include_folders(),
        BTreeSet::from([book.path("snips")])
    );
    // As the watcher sorts them: README.md and snips/ are neither content nor theme.
    let outside = |rel: &str| super::watch::classify(&book.root, &[book.path(rel)]);

    book.write("README.md", "# Repo\n\n<!-- docs -->\nNew words.\n");
    let rebuild = update(&mut model, &outside("README.md"));
    assert_eq!(rebuild.docs_changed, ["content/index.md"]);
    assert!(page(&model).contains("New words."));
    assert_good(&model, &rebuild, "README edited");

    // A role in the included part: warned about at the snippet's own line.
    book.write("snips/part.md", "Part one.\n\nSee {pypi}`nox`.\n");
    let rebuild = update(&mut model, &outside("snips/part.md"));
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.file == "snips/part.md" && d.line == 3),
        "{:?}",
        rebuild.diagnostics
    );
    assert_good(&model, &rebuild, "snippet edited");

    // A nested include of a file that is not there yet, then written.
    book.write("snips/part.md", "Part one.\n\n--8<-- \"snips/later.md\"\n");
    let rebuild = update(&mut model, &outside("snips/part.md"));
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.code == "broken-include" && d.file == "snips/part.md"),
        "{:?}",
        rebuild.diagnostics
    );
    assert_good(&model, &rebuild, "nested include missing");
    book.write("snips/later.md", "Later words.\n");
    let rebuild = update(&mut model, &outside("snips/later.md"));
    assert!(page(&model).contains("Later words."));
    assert!(rebuild.diagnostics.is_empty(), "{:?}", rebuild.diagnostics);
    assert_good(&model, &rebuild, "nested include written");

    // A file nothing includes changes nothing.
    book.write("NOTES.md", "scratch\n");
    let mut changes = outside("NOTES.md");
    model.add_includers(&mut changes);
    assert!(changes.is_empty());

    book.remove("README.md");
    let rebuild = update(&mut model, &outside("README.md"));
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.code == "broken-include" && d.file == "content/index.md" && d.line == 3),
        "{:?}",
        rebuild.diagnostics
    );
    assert_good(&model, &rebuild, "README removed");

    // Served from the start with a nested include broken (its warning is in README.md,
    // loaded as part of content/index.md), then mended: no stale warning is left.
    book.write("README.md", "<!-- docs -->\n--8<-- \"snips/gone.md\"\n");
    let (mut model, rebuild) = served(&book);
    assert!(
        rebuild
            .diagnostics
            .iter()
            .any(|d| d.code == "broken-include" && d.file == "README.md"),
        "{:?}",
        rebuild.diagnostics
    );
    book.write("snips/gone.md", "Back.\n");
    let rebuild = update(&mut model, &outside("snips/gone.md"));
    assert!(rebuild.diagnostics.is_empty(), "{:?}", rebuild.diagnostics);
    assert!(page(&model).contains("Back."));
    assert_good(&model, &rebuild, "nested include mended");
}

/// A file in content/ that a page includes is a partial, not a page, until a page links
/// to it (`load::partials`): each edit that makes or unmakes one gives what a fresh build
/// gives.
#[test]
fn included_pages_become_partials_and_back_as_fresh_builds_decide() {
    let book = Book::with(&[
        (
            "content/guide.md",
            "# Guide\n\n<!--@include: ./parts/steps.md-->\n",
        ),
        ("content/parts/steps.md", "Step one, then two.\n"),
        ("content/other.md", "# Other\n\nNothing here.\n"),
    ]);
    let (mut model, rebuild) = served(&book);
    assert_good(&model, &rebuild, "cold");
    let pages = |model: &Model| model.site().contains_key("parts/steps.html");
    assert!(!pages(&model));
    let content = |rel: &str| super::watch::classify(&book.root, &[book.path(rel)]);

    book.write("content/parts/steps.md", "Step one, then three.\n");
    let mut changes = content("content/parts/steps.md");
    model.add_includers(&mut changes);
    let rebuild = update(&mut model, &changes);
    assert_good(&model, &rebuild, "partial edited");
    assert!(!pages(&model));

    book.write(
        "content/other.md",
        "# Other\n\nSee [the steps](parts/steps.md).\n",
    );
    let rebuild = update(&mut model, &content("content/other.md"));
    assert_good(&model, &rebuild, "partial linked");
    assert!(pages(&model));

    book.write("content/other.md", "# Other\n\nNothing here.\n");
    let rebuild = update(&mut model, &content("content/other.md"));
    assert_good(&model, &rebuild, "link removed");
    assert!(!pages(&model));

    book.write("content/guide.md", "# Guide\n\nNo steps.\n");
    let rebuild = update(&mut model, &content("content/guide.md"));
    assert_good(&model, &rebuild, "include removed");
    assert!(pages(&model));

    book.write(
        "content/guide.md",
        "# Guide\n\n<!--@include: ./parts/steps.md-->\n",
    );
    let rebuild = update(&mut model, &content("content/guide.md"));
    assert_good(&model, &rebuild, "include back");
    assert!(!pages(&model));

    book.remove("content/guide.md");
    let rebuild = update(&mut model, &content("content/guide.md"));
    assert_good(&model, &rebuild, "includer removed");
    assert!(pages(&model));
}

/// Wikilinks name pages by file name anywhere: a page added, renamed or given an alias
/// changes where they go, as a fresh build would have them.
#[test]
fn wikilinks_follow_pages_that_come_and_go() {
    let book = Book::with(&[
        (
            "content/Home.md",
            "See [[Release Process]] and [[Start here]].\n",
        ),
        ("content/guide/setup.md", "# Setup\n"),
    ]);
    let (mut model, rebuild) = served(&book);
    assert_good(&model, &rebuild, "cold");
    // The page's own text, without the navigation around it.
    let page = |model: &Model| {
        let html = String::from_utf8(bytes_of_body(&model.site()["Home.html"])).unwrap();
        let start = html.find("<div class=\"prose\">").expect("a prose block");
        let end = start + html[start..].find("</div>").expect("closed");
        html[start..end].to_string()
    };
    assert!(!page(&model).contains("<a "), "{}", page(&model));

    let rebuild = update(
        &mut model,
        &book.write("content/ops/Release-Process.md", "# Release\n"),
    );
    assert!(
        page(&model).contains("ops/Release-Process.html"),
        "{}",
        page(&model)
    );
    assert_good(&model, &rebuild, "page added");

    let rebuild = update(
        &mut model,
        &book.write(
            "content/guide/setup.md",
            "---\naliases: [Start here]\n---\n# Setup\n",
        ),
    );
    assert!(
        page(&model).contains("guide/setup.html"),
        "{}",
        page(&model)
    );
    assert_good(&model, &rebuild, "alias added");

    let rebuild = update(&mut model, &book.remove("content/ops/Release-Process.md"));
    assert!(
        !page(&model).contains("Release-Process.html"),
        "{}",
        page(&model)
    );
    assert_good(&model, &rebuild, "page removed");
}

/// CODEOWNERS is read with the configuration: an edit of it, wherever it is, rebuilds
/// everything; a charter that starts naming its CODEOWNERS team updates every page that
/// shows the team's code (its own, the ownership index) like a full build.
#[test]
fn codeowners_edits_reach_the_pages() {
    let book = Book::with(&[
        (
            "content/teams/web.md",
            &charter("Web", "team", None, &["Ann"]),
        ),
        (
            "content/teams/api.md",
            &charter("API", "team", None, &["Bob"]),
        ),
        (
            "CODEOWNERS",
            "/web/ @acme/web\n/api/ @acme/api-eng\n/ops/ ops-team\n",
        ),
    ]);
    let (mut model, _) = served(&book);
    let page =
        |model: &Model, path: &str| String::from_utf8(bytes_of_body(&model.site()[path])).unwrap();
    assert!(page(&model, "teams/web.html").contains("<code>/web/</code>"));
    assert!(!page(&model, "teams/api.html").contains("<code>/api/</code>"));
    assert!(
        model.include_folders().contains(&book.root),
        "the file's folder is watched"
    );

    let change = crate::serve::watch::classify(&book.root, &[book.path("CODEOWNERS")]);
    assert!(
        change.config,
        "CODEOWNERS is not read with the configuration"
    );
    book.write(
        "CODEOWNERS",
        "/web/ @acme/web\n/web/assets/ @acme/web\n/api/ @acme/api-eng\n/ops/ ops-team\n",
    );
    let r = update(&mut model, &change);
    assert_good(&model, &r, "CODEOWNERS edited");
    assert!(page(&model, "teams/web.html").contains("<code>/web/assets/</code>"));

    let r = update(
        &mut model,
        &book.edit(
            "content/teams/api.md",
            "+++\n",
            "+++\ncodeowners = [\"@acme/api-eng\"]\n",
        ),
    );
    assert_good(&model, &r, "charter names its team");
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "bad-codeowners" && d.line == 4),
        "the file's problems are reported after a charter edit too: {:?}",
        r.diagnostics
    );
    assert!(page(&model, "teams/api.html").contains("<code>/api/</code>"));
    assert!(page(&model, "ownership.html").contains("<code>/api/</code>"));

    // The repository's file, above the handbook, is seen as configuration too.
    let above = book.root.parent().unwrap().join(".github/CODEOWNERS");
    assert!(crate::serve::watch::classify(&book.root, &[above]).config);
}

/// A DocFX project's Markdown tables of contents (`toc.md`, without `toc.yml`) order pages
/// and are no pages: the watcher counts one as configuration, and a reordering, or a page
/// uid-free edit beside it, gives what a fresh build gives.
#[test]
fn a_docfx_toc_md_edit_gives_a_fresh_build() {
    let book = Book::with(&[
        ("docfx.json", "{ \"build\": { \"content\": [] } }\n"),
        ("content/index.md", "# Home\n"),
        ("content/toc.md", "# [Home](index.md)\n# [Ops](ops/)\n"),
        (
            "content/ops/toc.md",
            "# [Zeta](zeta.md)\n# [Alpha](alpha.md)\n",
        ),
        ("content/ops/alpha.md", "# Alpha\n"),
        ("content/ops/zeta.md", "# Zeta\n"),
    ]);
    let (mut model, first) = served(&book);
    assert_good(&model, &first, "cold");
    let toc = book.path("content/ops/toc.md");
    let changes = crate::serve::watch::classify(&book.root, &[toc]);
    assert!(changes.config, "toc.md is not seen as configuration");
    book.edit(
        "content/ops/toc.md",
        "# [Zeta](zeta.md)\n# [Alpha](alpha.md)\n",
        "# [Alpha](alpha.md)\n# [Zeta](zeta.md)\n",
    );
    let r = update(&mut model, &changes);
    assert_good(&model, &r, "toc.md reordered");
    let r = update(
        &mut model,
        &book.write("content/ops/zeta.md", "# Zeta\n\nMore.\n"),
    );
    assert_good(&model, &r, "a listed page edited");
}

/// Which page a Google Doc is (`link::google_docs`) follows edits as a fresh build does: a
/// page retitled with a link's text becomes that document for the links to it on another
/// page, which was not edited; a link's text naming another page, added on a third page,
/// makes the document ambiguous again.
#[test]
fn links_to_google_docs_follow_edits_as_a_fresh_build_does() {
    let book = Book::fixture("gdocs-links");
    let (mut model, first) = served(&book);
    assert_matches_full_build(&model, &first, "cold");
    let sync = |model: &Model| {
        let page = model
            .site()
            .get("meetings/platform-sync-2025.html")
            .unwrap();
        String::from_utf8(bytes_of_body(page)).unwrap()
    };
    let questionnaire = "1omH7WPQVx4Qm50fUlO3U6UfLHJlCYevv8nle3frPFeJ";
    assert!(sync(&model).contains(questionnaire));
    let r = update(
        &mut model,
        &book.edit(
            "content/payments/runbook.md",
            "# Runbook\n",
            "# Vendor security questionnaire\n",
        ),
    );
    assert_matches_full_build(&model, &r, "a page titled as a link's text");
    assert!(!sync(&model).contains(questionnaire));
    assert!(sync(&model).contains("href=\"../payments/runbook.html\""));
    let r = update(
        &mut model,
        &book.edit(
            "content/engineering/staging-evidence.md",
            "**Collaborative document:**",
            &format!("[Access Review Process](https://docs.google.com/document/u/1/d/{questionnaire}/edit)\n\n**Collaborative document:**"),
        ),
    );
    assert_matches_full_build(&model, &r, "a link's text naming another page");
    assert!(sync(&model).contains(questionnaire));
}
