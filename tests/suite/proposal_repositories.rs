//! The proposal repositories of large open projects, imported with
//! `orgbook import adr`: Ethereum's EIPs (front matter, `eip-20.md` files, `requires`),
//! Kotlin's KEEP (`KEEP-0004-….md`, a bold-key bullet header), Swift Evolution (a bullet
//! header whose status is bold, with links after it) and Go's design documents
//! (`# Proposal: Title`). Each fixture is shaped like a slice of such a repository.

use crate::harness::{TestBook, hrefs};
use crate::import::{
    builds_clean, by_title, decision_page, fresh, import, numbered, path_str, records,
};

/// EIPs keep their numbers (`eip-20.md`), their statuses map as docs/import.md says
/// (Final and Living accepted; Review, Last Call and Stagnant proposed; Withdrawn
/// rejected) without a note per record, `requires` links the required proposals, and
/// what the front matter says of the proposal stays at the top of the body.
#[test]
fn eips_keep_their_numbers_statuses_and_requirements() {
    let source = TestBook::fixture("import-eips");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("EIPS"))])
        .success()
        .stderr_lacks("Renumbered")
        .stderr_lacks("has no orgbook equivalent")
        .stderr_lacks("has no orgbook key")
        .stderr_lacks("imported as accepted")
        .stderr_has("Imported 6 decisions")
        .stderr_has("1 attachment copied");
    let rs = records(&book);
    let statuses: Vec<(u32, &str)> = rs.iter().map(|(n, r)| (*n, r.status.as_str())).collect();
    assert_eq!(
        statuses,
        [
            (1, "accepted"),
            (4, "accepted"),
            (6, "rejected"),
            (7, "proposed"),
            (12, "proposed"),
            (15, "proposed"),
        ]
    );
    let (_, withdrawn) = by_title(&rs, "Cheaper Balance Reads");
    assert!(
        withdrawn
            .body
            .contains("- withdrawal-reason: Folded into the snapshot work of EIP-4."),
        "{}",
        withdrawn.body
    );
    assert!(
        withdrawn.body.contains(
            "## Related decisions\n\n- Requires: [EIP-4](0004-ledger-snapshot-format.md), EIP-9"
        ),
        "{}",
        withdrawn.body
    );
    let (_, snapshot) = by_title(&rs, "Ledger Snapshot Format");
    // Its authors are the record's `authors`, without address or handle (round 24).
    let text = book.read(&format!("content/decisions/{}", snapshot.file));
    assert!(
        text.contains("authors = [\"Fab Vogel\", \"Vic Bard\"]"),
        "{text}"
    );
    assert!(!snapshot.body.contains("author"), "{}", snapshot.body);
    builds_clean(&book);
    let page = decision_page(&book, withdrawn);
    assert!(
        hrefs(&page, ".doc-body a")
            .iter()
            .any(|h| h == "../decisions/0004-ledger-snapshot-format.html"),
        "{:?}",
        hrefs(&page, ".doc-body a")
    );
}

/// KEEP's `KEEP-0104-inline-classes.md` is proposal 104, so a KEEP whose status names
/// a release (`Stable in Kotlin 1.5`) is imported rather than skipped as "not a
/// record"; the release stays at the top of the body without a note, and "Superseded
/// by [value classes](…)" makes the relation.
#[test]
fn keep_proposals_keep_their_numbers_and_release_statuses() {
    let source = TestBook::fixture("import-keep");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("proposals"))])
        .success()
        .stderr_lacks("not a record")
        .stderr_lacks("Renumbered")
        .stderr_lacks("only `")
        .stderr_lacks("has no orgbook equivalent")
        .stderr_has("Imported 5 decisions");
    let rs = records(&book);
    assert_eq!(
        numbered(&rs),
        [
            (4, "Type aliases", "accepted"),
            (95, "Opt-in requirements", "accepted"),
            (104, "Inline classes", "superseded"),
            (237, "Value classes", "accepted"),
            (416, "Collection literals", "proposed"),
        ]
    );
    assert_eq!(rs[&237].supersedes, [104]);
    assert!(
        rs[&237]
            .body
            .trim_start()
            .starts_with("- Status as written: Stable in Kotlin 1.5\n"),
        "{}",
        rs[&237].body
    );
    builds_clean(&book);
}

/// Swift Evolution's status is bold, and the oldest proposals put links after it
/// (`**Implemented in Swift 2.2** ([Bug](…), [Commit](…))`): read as accepted, not
/// dropped into "proposed"; the review stages map to proposed without a note each, and
/// `Implemented`, the status of most proposals, is one note for all of them.
#[test]
fn swift_evolution_statuses_are_read_with_their_evidence() {
    let source = TestBook::fixture("import-swift-evolution");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("proposals"))])
        .success()
        .stderr_lacks("has no orgbook equivalent")
        .stderr_lacks("only `")
        .stderr_lacks("no status found")
        .stderr_lacks("0002-remove-currying.md:5: status")
        .stderr_has(
            "status `Implemented` imported as accepted in 3 records (the first: \
             0001-keywords-as-argument-labels.md:5)",
        )
        .stderr_has("Imported 6 decisions");
    let rs = records(&book);
    let got: Vec<(u32, &str)> = rs.iter().map(|(n, r)| (*n, r.status.as_str())).collect();
    assert_eq!(
        got,
        [
            (1, "accepted"),
            (2, "accepted"),
            (30, "superseded"),
            (258, "accepted"),
            (259, "proposed"),
            (446, "proposed"),
        ]
    );
    assert!(
        rs[&1].body.trim_start().starts_with(
            "- Status as written: **Implemented in Swift 2.2** ([Bug](https://bugs.example.org/browse/SR-344), [Commit](https://github.com/example/swift/commit/c8dd8d0))\n"
        ),
        "{}",
        rs[&1].body
    );
    assert_eq!(rs[&258].supersedes, [30]);
    builds_clean(&book);
}

/// Go's design documents are titled `# Proposal: Type Aliases`: the record is "Type
/// Aliases", as `Decision:` and `ADR-7:` are left out of titles.
#[test]
fn go_design_documents_lose_the_proposal_prefix() {
    let source = TestBook::fixture("import-go-design");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("design"))]).success();
    let rs = records(&book);
    // Five-digit numbers: the file names say them whole.
    let titles: Vec<(&str, &str)> = rs
        .values()
        .map(|r| (r.title.as_str(), r.file.as_str()))
        .collect();
    assert_eq!(
        titles,
        [
            (
                "Alias declarations for Go",
                "16339-alias-declarations-for-go.md"
            ),
            ("Type Aliases", "18130-type-aliases.md"),
        ]
    );
    builds_clean(&book);
}

/// Built as they are (the EIPs folder moved into `content/`, as `orgbook init` advises),
/// EIPs are pages whose process keys draw no unknown-key warning each: a repository of
/// hundreds of proposals buried every other warning.
#[test]
fn eips_built_as_pages_draw_no_unknown_key_warnings() {
    let source = TestBook::fixture("import-eips");
    let book = fresh(true);
    for name in [
        "eip-1.md",
        "eip-4.md",
        "eip-6.md",
        "eip-7.md",
        "eip-12.md",
        "eip-15.md",
    ] {
        book.write(
            &format!("content/EIPS/{name}"),
            &source.read(&format!("EIPS/{name}")),
        );
    }
    book.write(
        "content/assets/eip-4/flow.png",
        &source.read("assets/eip-4/flow.png"),
    );
    let root = path_str(book.root());
    book.run(&["build", "--root", &root, "--strict"])
        .success()
        .stderr_lacks("unknown-key")
        .stderr_has("with 0 warnings");
}
