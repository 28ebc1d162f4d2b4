//! A GitBook handbook moved in keeps its old addresses. GitBook's `.gitbook.yaml` lists them
//! under `redirects:` (an old path, without extension, to the Markdown file it now leads to),
//! as Mattermost's handbook does (`gitbook-redirects`); orgbook writes a redirect page at each,
//! as for mdBook's `book.toml`.

use crate::company_team_pages_details::follow;
use crate::harness::{TestBook, check_all_links, texts};

/// Before, `.gitbook.yaml`'s `redirects:` were not read: every old address of the
/// handbook was a 404. Now each leads to the page its Markdown file became, whether the
/// file is written from GitBook's root (`/operations/…/README.md`) or relative to it
/// (`./operations/…`), with its anchor left off (`recruiting#working-….md`, as GitBook's
/// editor writes it). An anchor after the old path that names the page's own address is
/// no redirect and says nothing; the entries that cannot be written are warnings at their
/// line of `.gitbook.yaml`.
#[test]
fn gitbook_redirects_lead_to_their_pages() {
    let book = TestBook::fixture("gitbook-redirects");
    let run = book.build();
    run.success()
        .stderr_has("warning[ignored-alias]")
        .stderr_has(".gitbook.yaml:12:")
        .stderr_has("content/company/about-mattermost.md")
        .stderr_has("warning[redirect-collision]")
        .stderr_has(".gitbook.yaml:16:")
        .stderr_lacks(".gitbook.yaml:11:")
        .stderr_lacks("broken-link");
    check_all_links(&book.out(), &["404.html"]);

    let cases = [
        (
            "company/how-to-guides-for-staff/how-to-spend-company-money.html",
            "How to spend company money",
        ),
        (
            "operations/finance/spending-company-money/procurement/how-to-procure-a-vendor-contract.html",
            "How to procure a vendor contract",
        ),
        (
            "company/how-to-guides-for-staff/how-to-spend-company-money/how-to-use-expensify.html",
            "How to use Expensify",
        ),
        (
            "company/how-to-guides-for-staff/how-to-purchase.html",
            "How to spend company money",
        ),
        (
            "contributors/onboarding/staff-on-boarding-guide.html",
            "Onboarding",
        ),
        ("contributors/mattercon.html", "Recruiting"),
        ("help/expenses.html", "How to use Expensify"),
    ];
    for (from, title) in cases {
        let to = follow(&book, from);
        let page = book.html(&to);
        assert_eq!(texts(&page, "h1"), [title], "{from} → {to}");
    }
    // The page the colliding entry names stays the page.
    let mindsets = book.html("company/about-mattermost/mindsets.html");
    assert_eq!(texts(&mindsets, "h1"), ["Mindsets"]);
}
