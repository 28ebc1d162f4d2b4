//! Leftovers of trial round 20 (proposal repositories): a proposal folder moved into
//! `content/` builds (a template's placeholder links, EIPs' `[CC0](../LICENSE.md)` to the
//! repository's licence), the same link in every imported EIP is one line of the report,
//! .NET's designs take their status and year from their folders, Go's design documents
//! are dated by their `Last updated:` line, and a Final EIP is decided when its last call
//! ended. Each fixture is shaped like a slice of such a repository, in our own words.

use std::path::Path;

use crate::harness::{TestBook, hrefs, texts};
use crate::import::{builds_clean, by_title, fresh, import, path_str, records};

/// The repository's pages moved into `content/` as `orgbook init` advises (`git mv
/// README.md EIPS eip-template.md content/`), the licence left beside it.
fn moved_in(fixture: &str, pages: &[&str], title: &str) -> TestBook {
    let book = TestBook::fixture(fixture);
    let root = book.root();
    std::fs::create_dir(root.join("content")).unwrap();
    for page in pages {
        std::fs::rename(root.join(page), root.join("content").join(page)).unwrap();
    }
    book.write("orgbook.toml", &format!("title = \"{title}\"\n"));
    book
}

fn build_strict(book: &TestBook) -> crate::harness::Run {
    let root = path_str(book.root());
    book.run(&["build", "--root", &root, "--strict"])
}

/// Built without git (no `[repository] url`), every EIP's `[CC0](../LICENSE.md)`, which
/// now points at `content/LICENSE.md` while the licence stayed beside content/, and the
/// template's link out of content/, failed the build: one error a record. The licence is
/// a file of the repository, as `orgbook import adr` finds it: the link keeps its text
/// with a warning, and with `url` it reaches the file on the forge.
#[test]
fn a_moved_in_eip_folder_builds_with_its_licence_links() {
    let book = moved_in(
        "eips-moved-in",
        &["README.md", "EIPS", "eip-template.md"],
        "Ledger Improvement Proposals",
    );
    let root = path_str(book.root());
    book.run(&["build", "--root", &root])
        .success()
        .stderr_lacks("error")
        .stderr_has("warning[link-outside-site]: link to `../LICENSE.md`: no such file in content/ (content/LICENSE.md); LICENSE.md is beside content/, not in it")
        .stderr_has("--> content/EIPS/eip-3.md:")
        .stderr_has("link to `../LICENSE.md`: LICENSE.md is outside content/")
        .stderr_has("with 4 warnings");
    let page = book.html("EIPS/eip-3.html");
    assert_eq!(texts(&page, ".doc-body .broken-link"), ["CC0"]);
    assert!(
        !hrefs(&page, ".doc-body a")
            .iter()
            .any(|h| h.contains("LICENSE")),
        "{:?}",
        hrefs(&page, ".doc-body a")
    );

    book.write(
        "orgbook.toml",
        "title = \"Ledger Improvement Proposals\"\n\n[repository]\nurl = \"https://github.com/example/eips\"\n",
    );
    build_strict(&book).success().stderr_has("with 0 warnings");
    for page in ["EIPS/eip-3.html", "eip-template.html"] {
        assert!(
            hrefs(&book.html(page), ".doc-body a")
                .iter()
                .any(|h| h == "https://github.com/example/eips/tree/main/LICENSE.md"),
            "{page}: {:?}",
            hrefs(&book.html(page), ".doc-body a")
        );
    }
}

/// Swift Evolution's template names the file a proposal will have as `NNNN-filename.md`
/// (and `XXXX-filename.md` for the one it follows): a raw build of the folder failed on
/// them. The template is a template: its placeholders stay as text, unreported, while a
/// proposal's link to a file that is missing is still an error.
#[test]
fn a_templates_placeholder_links_are_no_build_error() {
    let book = moved_in(
        "swift-evolution-moved-in",
        &["proposals", "proposal-templates"],
        "Language Evolution",
    );
    build_strict(&book)
        .success()
        .stderr_lacks("NNNN")
        .stderr_has("with 0 warnings");
    let page = book.html("proposal-templates/0000-swift-template.html");
    assert_eq!(
        texts(&page, ".doc-body .broken-link"),
        ["SE-NNNN", "SE-XXXX"]
    );
    book.write(
        "content/proposals/0008-labelled-tuples.md",
        "# Labelled Tuples\n\n* Proposal: [SE-0008](0008-labelled-tuples.md)\n* Previous Proposal: [SE-0005](0005-tuple-shuffles.md)\n* Status: **Awaiting review**\n",
    );
    build_strict(&book)
        .failure(1)
        .stderr_has("error[broken-link]: link to `0005-tuple-shuffles.md`");
}

/// Every EIP ends with `[CC0](../LICENSE.md)`: imported without `--source-url`, that was
/// one "link to fix" line a record. The same link written the same way is one line with a
/// count, and the summary still counts every link.
#[test]
fn the_same_link_to_fix_in_many_records_is_one_line() {
    let source = TestBook::fixture("eips-moved-in");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("EIPS"))])
        .success()
        .stderr_has(
            "link: in 3 records (the first: eip-11.md:19): links to `../LICENSE.md`, a file of the source repository",
        )
        .stderr_lacks("link: eip-")
        .stderr_has("3 links to fix");
    builds_clean(&book);
}

/// .NET's designs (`accepted/2021/preview-features/preview-features.md`,
/// `proposed/x.md`) have no number, status or date in the file: all were skipped as "not
/// a record". The folder says the status, the year folder the date when git has none,
/// and they are numbered in the order of their paths.
#[test]
fn dotnet_designs_take_their_status_and_year_from_their_folders() {
    let source = TestBook::fixture("dotnet-designs");
    let book = fresh(true);
    import(&book, &[&path_str(source.root())])
        .success()
        .stderr_has("skipped: README.md: not a record")
        .stderr_has("skipped: meta/template.md: not a record")
        .stderr_lacks("skipped: accepted/")
        .stderr_lacks("skipped: proposed/")
        .stderr_has("Imported 5 decisions")
        .stderr_has("3 dated 1 January of the year their folder names, 2 dated today")
        .stderr_has("1 attachment copied");
    let rs = records(&book);
    let got: Vec<(u32, &str, &str, &str)> = rs
        .iter()
        .map(|(n, r)| (*n, r.title.as_str(), r.status.as_str(), r.date.as_str()))
        .collect();
    let today = rs[&4].date.as_str();
    assert_eq!(
        got,
        [
            (1, "Runtime Form Factors", "accepted", "2020-01-01"),
            (2, "Preview Features", "accepted", "2021-01-01"),
            (
                3,
                "Version Selection Improvements",
                "accepted",
                "2022-01-01"
            ),
            (4, "Platform-agnostic Packages", "proposed", today),
            (5, "Simpler Output Paths", "proposed", today),
        ]
    );
    builds_clean(&book);
}

/// A folder merely named like a status (a team's `proposed/` records in an ADR folder,
/// accepted since and never moved) does not override the status the file states; the
/// report names the disagreement.
#[test]
fn a_status_written_in_the_file_wins_over_its_folder() {
    let source = TestBook::fixture("adr-proposed");
    let book = fresh(true);
    import(&book, &[&path_str(source.root())])
        .success()
        .stderr_has("note: proposed/0002-split-billing-service.md: in a folder named `proposed`, but the record says it is accepted; imported as accepted")
        .stderr_lacks("0003-retire-the-cron-host.md: in a folder");
    let rs = records(&book);
    let got: Vec<(u32, &str)> = rs.iter().map(|(n, r)| (*n, r.status.as_str())).collect();
    assert_eq!(got, [(1, "accepted"), (2, "accepted"), (3, "proposed")]);
}

/// Go's design documents state when they were last updated, in the forms the files use
/// (`2016-09-07`, `September 7, 2016`, `15 May 2017 (…)`, `February 2016`, `Last
/// Updated:`): that is the record's date when the file states no other, ahead of git's
/// (or today's), and the line stays in the body.
#[test]
fn go_design_documents_are_dated_by_their_last_updated_line() {
    let source = TestBook::fixture("go-design");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("design"))])
        .success()
        .stderr_lacks("no date in the record")
        .stderr_lacks("dated today");
    let rs = records(&book);
    let dates: Vec<(&str, &str)> = rs
        .values()
        .map(|r| (r.title.as_str(), r.date.as_str()))
        .collect();
    assert_eq!(
        dates,
        [
            ("Benchmark Data Format", "2016-02-01"),
            ("Type sets", "2016-09-07"),
            ("Support for profiler labels", "2017-05-15"),
            ("Vendor folders by default", "2016-09-07"),
            // Its own `Date:` comes first.
            ("Error wrapping", "2018-08-27"),
        ]
    );
    let (_, labels) = by_title(&rs, "Support for profiler labels");
    assert!(
        labels
            .body
            .contains("Last updated: 15 May 2017 (to reflect actual implementation)"),
        "{}",
        labels.body
    );
    builds_clean(&book);
}

/// A Final EIP has no decision date: its `decided` was its `created`. When it states the
/// end of its last call, that is the nearer date, and is used.
#[test]
fn a_final_eip_is_decided_when_its_last_call_ended() {
    let source = TestBook::fixture("eips-moved-in");
    let book = fresh(true);
    import(&book, &[&path_str(&source.root().join("EIPS"))]).success();
    let decided = |file: &str| -> String {
        let text = std::fs::read_to_string(Path::new(book.root()).join(file)).unwrap();
        text.lines()
            .find_map(|l| l.strip_prefix("decided = "))
            .unwrap_or("none")
            .to_owned()
    };
    assert_eq!(
        decided("content/decisions/0003-account-snapshot-reads.md"),
        "2018-06-30"
    );
    // Without a last call, its creation is all the file says.
    assert_eq!(
        decided("content/decisions/0011-fee-receipts.md"),
        "2020-09-14"
    );
}

/// A page past twenty links that the build cannot publish: a README of the repository
/// linking twenty-five of its files beside content/ (no `[repository] url`), then one
/// folder of pages and one page that do exist. The links outside the site are warnings,
/// so their count is a warning too and the build succeeds; the folder and the page, after
/// more than twenty such links, are still links (they were shown as broken once twenty
/// links before them were).
#[test]
fn links_outside_the_site_past_twenty_are_counted_as_warnings_and_later_links_work() {
    let book = moved_in(
        "eips-moved-in",
        &["README.md", "EIPS", "eip-template.md"],
        "Ledger Improvement Proposals",
    );
    let mut text = String::from("# Ledger Improvement Proposals\n\n");
    for i in 0..25 {
        book.write(&format!("assets/fig-{i}.txt"), "a figure's data\n");
        text.push_str(&format!("- [figure {i}](../assets/fig-{i}.txt)\n"));
    }
    text.push_str("\nThe proposals are in [the EIPS folder](EIPS/) and [EIP-3](EIPS/eip-3.md).\n");
    book.write("content/README.md", &text);
    let root = path_str(book.root());
    book.run(&["build", "--root", &root])
        .success()
        .stderr_lacks("error")
        .stderr_has("warning[link-outside-site]: 5 more links in this file are not listed (25 in all: 0 broken, 25 shown as their text");
    let home = book.html("index.html");
    let links = hrefs(&home, "main a");
    assert!(links.iter().any(|h| h == "EIPS/eip-3.html"), "{links:?}");
    assert!(links.iter().any(|h| h.ends_with("#f-eips")), "{links:?}");
    assert_eq!(texts(&home, "main .broken-link").len(), 25);

    // One broken link among them makes the count an error, as before.
    book.write(
        "content/README.md",
        &format!("{text}\nSee [the old index](missing-index.md).\n"),
    );
    book.run(&["build", "--root", &root])
        .failure(1)
        .stderr_has("error[broken-link]: 6 more links in this file are not listed (26 in all: 1 broken, 25 shown as their text");
}
