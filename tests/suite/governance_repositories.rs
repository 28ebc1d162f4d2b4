//! Governance and team repositories moved in as a newcomer would. The
//! CNCF TOC's `tags.yaml` (its Technical Advisory Groups kept as Kubernetes keeps its
//! SIGs, `tags` instead of `sigs`) given to `orgbook import sigs`; and a team repository
//! laid out like the U.S. VA's va.gov-team (`teams/<portfolio>/<team>/README.md` filled in
//! from one template: "About This Team", a "Team Roster" of one form per person, "Products
//! We Own"), moved into `content/` as `orgbook init` advised and built.

use crate::harness::{TestBook, hrefs, team, teams, texts};
use crate::import::{builds_clean, charter_table, fresh, path_str};

/// `orgbook import sigs` on a cncf/toc checkout finds its `tags.yaml` and makes a charter
/// of every TAG: chairs and tech leads the members (never their e-mail), the TOC liaisons
/// and the subprojects' leads in the body, `tag_subprojects` owned, the charter beside the
/// TAG's folder moved in linked, the meetings' calendar and notes and the initiatives'
/// search linked. Before, the file had "no groups".
#[test]
fn a_toc_tags_yaml_is_imported_as_its_tags() {
    let source = TestBook::fixture("cncf-toc-tags");
    let book = fresh(true);
    // The TAGs' folders moved in, as `orgbook init` advised (`git mv README.md tags content/`).
    for tag in ["tag-infrastructure", "tag-operational-resilience"] {
        for file in ["README.md", "charter.md"] {
            let rel = format!("tags/{tag}/{file}");
            book.write(&format!("content/{rel}"), &source.read(&rel));
        }
    }
    book.run(&["import", "sigs", &path_str(source.root())])
        .success()
        .stderr_has("Imported 4 charters (3 teams, 1 group) with 8 members, 1 owned subproject")
        .stderr_has("tags.yaml:2: the charter_link of TAG Developer Experience, tag-developer-experience/charter.md, is not in the handbook");

    let (infra, body) = charter_table(&book, "content/teams/community/tag-infrastructure.md");
    assert_eq!(infra["name"].as_str(), Some("TAG Infrastructure"));
    assert_eq!(infra["lead"].as_str(), Some("Dylan Pagett"));
    assert_eq!(
        infra["members"].as_array().unwrap(),
        &["Dylan Pagett", "Antonia Ojeda", "Zhonghu Xue"].map(toml::Value::from)
    );
    assert!(
        body.contains("- TOC liaisons: Rui Rocha, Karin Angell"),
        "{body}"
    );
    assert!(
        body.contains("The [charter](../../tags/tag-infrastructure/charter.md) sets out"),
        "{body}"
    );
    assert!(
        body.contains("- TAG Infrastructure Meetings: [join](https://zoom.example/meetings/tag-infrastructure?view=list), [recordings](https://video.example/@TAGInfrastructure)"),
        "{body}"
    );
    let (resilience, body) = charter_table(
        &book,
        "content/teams/community/tag-operational-resilience.md",
    );
    assert_eq!(
        resilience["owns"].as_array().unwrap(),
        &[toml::Value::from("Green Reviews")]
    );
    assert!(
        body.contains("- **Green Reviews**: The purpose of the Green Reviews Subproject is to help projects review their sustainability footprint. Leads: Nika Manol"),
        "{body}"
    );
    assert!(body.contains("[The group's initiatives](https://github.com/tidewater/toc/issues?q=state%3Aopen%20label%3Atag%2Foperational-resilience)"), "{body}");
    for tag in [
        "tag-developer-experience",
        "tag-infrastructure",
        "tag-operational-resilience",
    ] {
        let text = book.read(&format!("content/teams/community/{tag}.md"));
        assert!(
            !text.contains("mail.example"),
            "an address was copied: {text}"
        );
    }

    builds_clean(&book);
    let page = book.html("teams/tag-operational-resilience.html");
    assert_eq!(texts(&page, ".members li"), ["Mario Fahl", "Matt Younger"]);
    assert_eq!(texts(&page, "#owns-title + ul li"), ["Green Reviews"]);
    assert!(
        hrefs(&page, ".prose a")
            .contains(&"../tags/tag-operational-resilience/charter.html".to_owned()),
        "{:?}",
        hrefs(&page, ".prose a")
    );
}

/// The team READMEs of a repository kept the va.gov-team way are the teams' charters:
/// "About This Team" says what the team is for, the roster's forms give each person's
/// name and role (never the e-mail or handle beside it; an unfilled `[Full Name]` is no
/// one), the one whose role says lead leads, "Products We Own" is what it owns. The pages
/// about the teams directly in `teams/` (its README, the README template, the crews) stay
/// pages, not charters missing their keys, since no charter was written there.
#[test]
fn team_readmes_of_a_team_repository_are_the_teams_charters() {
    let book = TestBook::fixture("va-teams");
    book.build()
        .success()
        .stderr_lacks("error[")
        .stderr_lacks("is not a charter")
        .stderr_lacks("content/teams/benefits/")
        // The team-less folder's warning names its index page where it is.
        .stderr_has("2 pages in content/teams/digital-experience/ published as plain pages")
        .stderr_has("give content/teams/digital-experience/ADE/readme.md front matter");
    let all = teams(&book);
    let slugs: Vec<&str> = all.iter().map(|t| t["slug"].as_str().unwrap()).collect();
    assert_eq!(
        slugs,
        [
            "claims-status",
            "iterate-innovate-and-run",
            "platform-support"
        ]
    );
    let claims = team(&all, "claims-status");
    assert_eq!(claims["name"], "Claims Status");
    assert_eq!(
        claims["problem"],
        "The Claims Status team lets residents follow a claim from the day it is filed to the day it is decided, without a phone call."
    );
    assert_eq!(
        claims["members"],
        serde_json::json!(["Ruth Okafor", "Sven Lindqvist", "Aiko Brandt"])
    );
    assert_eq!(claims["lead"], "Sven Lindqvist");
    assert_eq!(
        claims["owns"],
        serde_json::json!(["Claim Status Tool", "Decision letters"])
    );
    let support = team(&all, "platform-support");
    assert_eq!(
        support["members"],
        serde_json::json!(["Odile Marchetti", "Baptiste Nwosu"])
    );
    assert_eq!(support["lead"], "Odile Marchetti");
    assert_eq!(
        support["owns"],
        serde_json::json!(["Support desk", "Platform documentation"])
    );
    // First names only, unfilled handles and addresses: the people are the names. The
    // template's example product, its address unfilled, is not owned.
    let iterate = team(&all, "iterate-innovate-and-run");
    assert_eq!(
        iterate["members"],
        serde_json::json!(["Dara Quill", "Megan", "Pete"])
    );
    assert_eq!(iterate["owns"], serde_json::json!([]));
    let page = book.html("teams/claims-status.html");
    assert_eq!(
        texts(&page, ".members li"),
        ["Ruth Okafor", "Sven Lindqvist", "Aiko Brandt"]
    );
    assert_eq!(
        hrefs(&page, "ul.team-pages a"),
        ["../teams/benefits/claims-status/team-charter.html"]
    );
    // The pages about all teams are pages still.
    assert!(book.out().join("teams/crews-and-pods.html").is_file());
    assert!(book.out().join("teams/team-readme-template.html").is_file());
}
