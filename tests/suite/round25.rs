//! Trial round 25: governance and team repositories moved in as a newcomer would. The
//! CNCF TOC's `tags.yaml` (its Technical Advisory Groups kept as Kubernetes keeps its
//! SIGs, `tags` instead of `sigs`) given to `orgbook import sigs`; and a team repository
//! laid out like the U.S. VA's va.gov-team (`teams/<portfolio>/<team>/README.md` filled in
//! from one template: "About This Team", a "Team Roster" of one form per person, "Products
//! We Own"), moved into `content/` as `orgbook init` advised and built.

use crate::harness::{TestBook, hrefs, texts};
use crate::import::{builds_clean, charter_table, fresh, path_str};

/// `orgbook import sigs` on a cncf/toc checkout finds its `tags.yaml` and makes a charter
/// of every TAG: chairs and tech leads the members (never their e-mail), the TOC liaisons
/// and the subprojects' leads in the body, `tag_subprojects` owned, the charter beside the
/// TAG's folder moved in linked, the meetings' calendar and notes and the initiatives'
/// search linked. Before, the file had "no groups".
#[test]
fn a_toc_tags_yaml_is_imported_as_its_tags() {
    let source = TestBook::fixture("round25-toc-tags");
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
        .stderr_has("Imported 4 charter(s) (3 team(s), 1 group(s)) with 8 member(s), 1 owned subproject(s)")
        .stderr_has("the charter_link of TAG Developer Experience, tag-developer-experience/charter.md, is not in the handbook");

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
