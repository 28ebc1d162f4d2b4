//! Files organisations already have. A Confluence space's links inside blocks of HTML (the
//! fixture `confluence-html-links`), the CNCF TOC's TAG charters read for their mission
//! (`cncf-toc-tags`), a va.gov-style team's `team-charter.md` beside its README (`va-teams`),
//! and the two small leftovers: `import adr`'s underlined title and BookStack's cut anchors.

use crate::harness::{TestBook, check_all_links, sel, team, teams, texts};
use crate::import::{
    builds_clean, by_title, charter_table, decision_page, fresh, import, path_str, records,
};

/// Before, a Confluence link inside a block of HTML (a `tip` macro's paragraph, a table
/// exported on one line, a `<div>` holding an image) showed its Markdown as text,
/// `[onboarding](<ri:page:Onboarding to Harrow Cloud>)`, or lost it to the sanitizer. Now
/// each is a link to the page with that title (its anchor the heading's id), an image of
/// the attachment shows it, and a link to a page that did not move in is a `broken-link`
/// warning at its place, shown as text, as the Markdown form's is.
#[test]
fn confluence_links_inside_html_blocks_are_links() {
    let book = TestBook::fixture("confluence-html-links");
    let run = book.build();
    run.success()
        .stderr_lacks("error[")
        .stderr_has("content/platform/Create-a-service_70001.md:15:18")
        .stderr_has(
            "the Confluence link names the page \"Area definition\", and no page of the handbook has that title",
        );
    assert_eq!(
        run.stderr.matches("warning[broken-link]").count(),
        1,
        "{}",
        run.stderr
    );
    let page = book.html("platform/Create-a-service_70001.html");
    let main = texts(&page, "main").concat();
    for gone in ["ri:page", "ri:attachment", "](<", "ac:"] {
        assert!(!main.contains(gone), "{gone} shown in {main}");
    }
    let links: Vec<(String, String)> = page
        .select(&sel(".prose a[href]"))
        .map(|a| {
            (
                a.text().collect::<String>(),
                a.value().attr("href").unwrap_or_default().to_string(),
            )
        })
        .filter(|(_, href)| !href.starts_with('#'))
        .collect();
    assert_eq!(
        links,
        [
            ("Deploy scripts", "../platform/Deploy-scripts_70003.html"),
            (
                "onboarding",
                "../platform/Onboarding-to-Harrow-Cloud_70005.html"
            ),
            (
                "Service template definition",
                "../platform/Service-definition_70002.html"
            ),
            (
                "rollback & <undo> script",
                "../platform/Deploy-scripts_70003.html#rollback"
            ),
            (
                "dialog definition",
                "../platform/Dialog-definition_70004.html"
            ),
            (
                "Service definition",
                "../platform/Service-definition_70002.html"
            ),
            ("services.csv", "../platform/attachments/services.csv"),
        ]
        .map(|(t, h)| (t.to_string(), h.to_string())),
        "{}",
        page.html()
    );
    // The cells around the links keep their code, and the image of the attachment shows.
    assert!(
        texts(&page, "td code").contains(&"services/checkout/deploy.sh".to_string()),
        "{}",
        page.html()
    );
    let images: Vec<String> = page
        .select(&sel(".prose img"))
        .filter_map(|i| i.value().attr("src").map(str::to_string))
        .collect();
    assert_eq!(images, ["../platform/attachments/service-tree.gif"]);
    // The page that did not move in: its name as text, marked as a broken link is.
    assert_eq!(
        texts(&page, ".prose .broken-link"),
        ["Area definition"],
        "{}",
        page.html()
    );
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
}

/// Before, a TAG's charter said its `problem` was its `mission_statement`, which in
/// cncf/toc is a list of topics ("Data, Storage, Network, …"). Now the problem is the
/// first sentence under `## Mission` (`## Mission Statement`) of the charter file the
/// entry's `charter_link` names, read where the TAG's folder moved into the handbook or
/// else beside the registry (`tags/<dir>/charter.md`); the topics stay in the body.
#[test]
fn a_tags_problem_is_its_charters_mission() {
    let source = TestBook::fixture("cncf-toc-tags");
    let book = fresh(true);
    // Two TAGs' folders moved in; TAG Developer Experience's charter is only in the
    // registry's repository.
    for tag in ["tag-infrastructure", "tag-operational-resilience"] {
        for file in ["README.md", "charter.md"] {
            let rel = format!("tags/{tag}/{file}");
            book.write(&format!("content/{rel}"), &source.read(&rel));
        }
    }
    book.run(&["import", "sigs", &path_str(source.root())])
        .success()
        .stderr_has("3 teams take their problem from the Mission section of their charter file");
    let problem = |tag: &str| {
        let (table, body) = charter_table(&book, &format!("content/teams/community/{tag}.md"));
        (table["problem"].as_str().unwrap().to_owned(), body)
    };
    let (infra, body) = problem("tag-infrastructure");
    assert_eq!(
        infra,
        "To define and advance practices, standards, and assessments for the core infrastructure areas that support scalable, resilient and secure systems."
    );
    assert!(
        body.contains("Data, Storage, Network, DNS, Compute"),
        "the topics stay in the body: {body}"
    );
    let (resilience, body) = problem("tag-operational-resilience");
    assert_eq!(
        resilience,
        "To help projects and adopters run cloud native systems reliably and efficiently, day after day."
    );
    assert!(
        body.trim_start()
            .starts_with("Its guides cover the time after a system is deployed."),
        "{body}"
    );
    let (devex, _) = problem("tag-developer-experience");
    assert_eq!(
        devex,
        "To make building, testing and shipping cloud native applications pleasant and quick for every developer, whatever their stack."
    );
    builds_clean(&book);
    let page = book.html("teams/tag-infrastructure.html");
    assert!(
        texts(&page, "main")
            .concat()
            .contains("To define and advance practices"),
        "{}",
        page.html()
    );
}

/// Before, a handbook made from a cncf/toc checkout (its `tags.yaml` at the root, the
/// TAGs' folders moved into content/) had no team charters and the build's note said only
/// where charters go. Now it names the file and the importer that reads it.
#[test]
fn no_charters_note_names_import_sigs_for_a_tags_yaml() {
    let source = TestBook::fixture("cncf-toc-tags");
    let book = fresh(true);
    // `init` writes a group; without it, the handbook has no charter.
    book.remove("content/teams/engineering.md");
    book.write("tags.yaml", &source.read("tags.yaml"));
    for rel in [
        "tags/tag-infrastructure/README.md",
        "tags/tag-infrastructure/charter.md",
    ] {
        book.write(&format!("content/{rel}"), &source.read(rel));
    }
    book.build()
        .success()
        .stderr_has("note: no team charters")
        .stderr_has("note: tags.yaml defines ")
        .stderr_has("the CNCF TOC way (`tags:` with `name` and `leadership`)")
        .stderr_has("`orgbook import sigs tags.yaml` writes a charter for each");
}

/// Before, a va.gov-style team's `team-charter.md` beside its README was an unrelated
/// page: the team had no metric though its charter lists them, and a half-filled README
/// kept the template's "Brief description of your team's mission…" as what the team is
/// for. Now the charter page's metrics (a list under Success metrics, a `| Metric |
/// Target |` table under Metrics) are the team's when its README lists none, and a
/// sentence the template gives (the handbook's `team-readme-template.md`) is no purpose,
/// as an unfilled `[Full Name]` is no one.
#[test]
fn a_team_charter_beside_a_team_readme_gives_its_metrics() {
    let book = TestBook::fixture("va-teams");
    let run = book.build();
    run.success().stderr_lacks("error[");
    let all = teams(&book);
    let metrics = |slug: &str| -> Vec<(String, String)> {
        team(&all, slug)["metrics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["name"].as_str().unwrap_or_default().to_owned(),
                    m["target"].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect()
    };
    assert_eq!(
        metrics("claims-status"),
        [
            ("Calls about claim status", "down 30% by June"),
            ("Claim status tool satisfaction", "4.2 of 5"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    assert_eq!(
        metrics("platform-support"),
        [
            ("Requests answered within a working day", "90%"),
            ("Documentation pages reviewed this quarter", "100%"),
        ]
        .map(|(n, t)| (n.to_owned(), t.to_owned()))
    );
    // Its README's own sentence is still what the team is for, not the charter's.
    assert_eq!(
        team(&all, "claims-status")["problem"],
        "The Claims Status team lets residents follow a claim from the day it is filed to the day it is decided, without a phone call."
    );
    // The half-filled README: the template's sentence is no purpose.
    let iterate = team(&all, "iterate-innovate-and-run");
    assert!(
        !iterate["problem"]
            .as_str()
            .unwrap_or_default()
            .contains("Brief description"),
        "{iterate}"
    );
    // The team pages show a primary metric where they said "No primary metric", and the
    // half-filled team states no purpose (its README still shows the sentence as written).
    for slug in ["claims-status", "platform-support"] {
        let page = book.html(&format!("teams/{slug}.html"));
        let main = texts(&page, "main").concat();
        assert!(!main.contains("No primary metric"), "{main}");
    }
    let page = book.html("teams/platform-support.html");
    let main = texts(&page, "main").concat();
    assert!(
        main.contains("Requests answered within a working day"),
        "{main}"
    );
    let page = book.html("teams/iterate-innovate-and-run.html");
    assert_eq!(texts(&page, ".problem"), Vec::<String>::new());
}

/// Before, `import adr` read no underlined title (`Title` over `=====`): a record so
/// titled was titled by its file name's words, and the title stayed in its body as an
/// underlined line. Now the underlined first line is the title as `# Title` is (its
/// number before a colon read as one), and it leaves the body.
#[test]
fn import_adr_reads_an_underlined_title() {
    let source = TestBook::fixture("adr-setext-title");
    let book = fresh(false);
    import(&book, &[&path_str(&source.root().join("adr"))])
        .success()
        .stderr_has("Imported 2 decisions")
        .stderr_lacks("no `# Title` heading");
    let rs = records(&book);
    let (_, reorder) = by_title(&rs, "Add a drag-and-drop library to reorder fields");
    assert_eq!(reorder.date, "2021-04-05");
    assert!(!reorder.body.contains("====="), "{}", reorder.body);
    assert!(
        !reorder.body.contains("Add a drag-and-drop library"),
        "{}",
        reorder.body
    );
    let (_, schemas) = by_title(&rs, "Keep content schemas in JSON");
    assert_eq!(schemas.status, "accepted");
    builds_clean(&book);
    let page = decision_page(&book, schemas);
    assert_eq!(texts(&page, "h1"), ["Keep content schemas in JSON"]);
}
