//! Leftovers of trial round 21 (team pages of company handbooks): what a user of
//! Sourcegraph's, PostHog's and the Kubernetes SIGs' team pages still hit once those pages
//! were read as charters. The fixture `left5-team-pages` is shaped like slices of those
//! handbooks (generator placeholders, nested responsibility lists, an `<img>` before the
//! opening paragraph, MDX front matter, a SIG README's generated Subprojects), in our own
//! words.

use crate::harness::{TestBook, sel, texts};

/// Where the page at `from` (a path from the site's root) sends its reader with
/// `<meta http-equiv="refresh">`, as a path from the site's root.
fn follow(book: &TestBook, from: &str) -> String {
    let html = book.html(from);
    let meta = html
        .select(&sel("meta[http-equiv=refresh]"))
        .next()
        .unwrap_or_else(|| panic!("{from} sends nobody anywhere"));
    let content = meta.value().attr("content").unwrap();
    let to = content.split_once("url=").unwrap().1;
    let mut at: Vec<&str> = from.split('/').collect();
    at.pop();
    for part in to.split('/') {
        match part {
            ".." => {
                at.pop();
            }
            "." => {}
            p => at.push(p),
        }
    }
    at.join("/")
}

/// A page read as a team is published at the team's address (`teams/<slug>.html`); its
/// old address (`departments/engineering/teams/dev-tooling/index.html`, PostHog's
/// `teams/replay/index.html`) is what people bookmarked and other sites link to. Each
/// old address now sends the reader to the team's page, as a page's `aliases` do.
#[test]
fn a_team_pages_old_address_leads_to_the_team() {
    let book = TestBook::fixture("left5-team-pages");
    book.build().success().stderr_lacks("error[");
    for (old, team) in [
        (
            "departments/engineering/teams/dev-tooling/index.html",
            "teams/dev-tooling.html",
        ),
        (
            "departments/sales/teams/deal-desk/index.html",
            "teams/deal-desk.html",
        ),
        ("teams/replay/index.html", "teams/replay.html"),
        ("teams/growth/retention/index.html", "teams/retention.html"),
        ("teams/sig-berths/index.html", "teams/sig-berths.html"),
    ] {
        assert_eq!(follow(&book, old), team, "from {old}");
        let landed = book.html(team);
        assert_eq!(
            texts(&landed, ".doc-body.charter").len(),
            1,
            "{team} is not a team page"
        );
    }
    // The team's other pages stay where they were.
    assert!(
        book.html("teams/replay/mission.html")
            .select(&sel("meta[http-equiv=refresh]"))
            .next()
            .is_none()
    );
}
