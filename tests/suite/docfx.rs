//! Sites moved in from DocFX (a .NET organisation's docs: `uid` front matter, `xref:`
//! links, `toc.yml` navigation, `[!INCLUDE]`), Foam knowledge bases and VuePress sites.
//! Each fixture is shaped like such a repository once its pages are in `content/`.

use crate::harness::{TestBook, hrefs, reading_order, sidebar, texts};

/// DocFX names pages by the `uid` in their front matter, and links to them as
/// `xref:uid`: such a link reaches the page (a `#fragment` kept, DocFX's
/// `?displayProperty=` dropped; without text, or as `<xref:uid>`, it shows the page's
/// title), `uid` is no unknown key,
/// and a uid no page has (an API's) is reported at its line and shown as text.
#[test]
fn docfx_xref_links_reach_the_page_with_that_uid() {
    let book = TestBook::fixture("docfx");
    book.build()
        .success()
        .stderr_lacks("unknown key `uid`")
        .stderr_has("`xref:Ferrybridge.Billing.Invoice` names no page")
        .stderr_has("content/index.md:12:3");
    let home = book.html("index.html");
    let links = hrefs(&home, ".prose a");
    assert!(
        links.contains(&"ops/release-train.html".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"ops/oncall-rota.html#escalation".to_string()),
        "{links:?}"
    );
    assert!(!links.iter().any(|l| l.contains("xref")), "{links:?}");
    let shown = texts(&home, ".prose li");
    assert!(
        shown.iter().any(|t| t.starts_with("On-call rota")),
        "{shown:?}"
    );
    assert!(shown.iter().any(|t| t == "The Invoice type"), "{shown:?}");
    let train = book.html("ops/release-train.html");
    assert_eq!(
        hrefs(&train, ".prose a"),
        ["../ops/oncall-rota.html", "../ops/incidents.html"]
    );
    // `<xref:uid>` is titled by its page.
    assert_eq!(texts(&train, ".prose a"), ["rota", "Incident reviews"]);
}

/// Two pages with one `uid` (a page copied to start another, its uid kept): `xref:` links
/// reach the first by path, as DocFX picks one, and the other is a warning at its `uid`
/// line naming both files.
#[test]
fn a_uid_two_pages_share_is_reported_at_the_second() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/team/rota-copy.md",
        "---\ntitle: On-call rota (draft)\nuid: oncall-rota\n---\n\nA copy to start the new rota from.\n",
    );
    book.build()
        .success()
        .stderr_has("warning[duplicate-uid]: `uid: oncall-rota` is also the uid of content/ops/oncall-rota.md")
        .stderr_has("content/team/rota-copy.md:3:6");
    let links = hrefs(&book.html("index.html"), ".prose a");
    assert!(
        links.contains(&"ops/oncall-rota.html#escalation".to_string()),
        "{links:?}"
    );
    assert!(!links.iter().any(|l| l.contains("rota-copy")), "{links:?}");
}

/// DocFX's `toc.yml` is the site's navigation, as mdBook's `SUMMARY.md` is: the root one
/// (left beside `content/` when the pages were moved in) and the folders' own, which it
/// links (`ops/`, a folder, means `ops/toc.yml`), give the reading order, the names the
/// sidebar shows (`name`) and the folders' titles; a path in another case (written on
/// Windows) finds its page, links to the web are skipped, an entry whose page is not there
/// is a warning at its line, and no `toc.yml` is published.
#[test]
fn docfx_toc_files_order_and_name_the_pages() {
    let book = TestBook::fixture("docfx");
    book.build()
        .success()
        .stderr_has("DocFX's table of contents lists `Runbook_Old.md`, and there is no such page")
        .stderr_has("content/ops/toc.yml:8:9");
    assert_eq!(
        reading_order(&book, "ops/release-train.html"),
        [
            "ops/release-train.html",
            "ops/incidents.html",
            "ops/oncall-rota.html",
            "team/hiring.html",
        ]
    );
    assert_eq!(
        sidebar(&book, "ops/incidents.html"),
        [
            "Operations",
            "How releases work",
            "Incidents",
            "On call",
            "People",
        ]
    );
    let rota = book.html("ops/oncall-rota.html");
    assert_eq!(texts(&rota, "main h1"), ["On-call rota"]);
    assert_eq!(
        texts(
            &book.html("team/hiring.html"),
            ".sidebar a[aria-current=page]"
        ),
        ["Hiring loop"]
    );
    assert!(!book.out().join("toc.yml").exists());
    assert!(!book.out().join("ops/toc.yml").exists());
}

/// A VuePress home page writes its hero at the top level of its front matter (`home:
/// true`, `heroText`, `tagline`, `actionText` with `actionLink`): it is drawn, its button a
/// link of the page, and none of the keys is unknown.
#[test]
fn vuepress_home_page_draws_its_hero_and_button() {
    let book = TestBook::fixture("vuepress");
    book.build().success().stderr_lacks("unknown key");
    let home = book.html("index.html");
    assert_eq!(texts(&home, ".hero-name"), ["Harbourline"]);
    assert_eq!(
        texts(&home, ".hero-tagline"),
        ["How the cargo-tracking teams work"]
    );
    assert_eq!(hrefs(&home, ".hero-action"), ["guide/index.html"]);
    assert_eq!(texts(&home, ".features strong").len(), 2);
}

/// VuePress pages open with `# {{ $frontmatter.title }}`, a heading that is only the
/// title their front matter gives: the page is headed by that title once, and the
/// template syntax is neither shown nor reported.
#[test]
fn vuepress_title_heading_is_the_page_title() {
    let book = TestBook::fixture("vuepress");
    book.build().success().stderr_lacks("template-leftover");
    let guide = book.html("guide/index.html");
    assert_eq!(texts(&guide, "main h1"), ["Working at Harbourline"]);
    let page = book.output_file("guide/index.html");
    assert!(!page.contains("frontmatter"), "{page}");
}

/// A Foam note carries what its tools wrote into it: the link references Foam appends for
/// other Markdown readers (`[//begin]: # "Autogenerated…"` … `[//end]: …`) and a
/// `:::backlinks` block (a "Referred in" heading and a list of the notes linking here).
/// Neither is shown: the page's own "Linked from" list says who links to it, and the
/// stale copy's links do not count as links.
#[test]
fn foam_generated_blocks_are_not_shown() {
    let book = TestBook::fixture("foam");
    book.build().success().stderr_lacks("warning[");
    let swaps = book.html("rota-swaps.html");
    let prose = texts(&swaps, ".prose").join(" ");
    assert!(!prose.contains(":::"), "{prose}");
    assert!(!prose.contains("Referred in"), "{prose}");
    assert!(!prose.contains("Autogenerated"), "{prose}");
    assert_eq!(texts(&swaps, ".prose h2"), Vec::<String>::new());
    assert_eq!(texts(&swaps, ".backlinks li"), ["Crew notes", "Handover"]);
    let handover = book.html("handover.html");
    assert_eq!(
        texts(&handover, ".backlinks li"),
        ["2024-03-02", "Crew notes"]
    );
}

/// DocFX's include, `[!INCLUDE [title](../includes/x.md)]` alone on its line (written in
/// either case, `~/` from the project's root), puts the file's text in the page; the
/// included file is no page of its own.
#[test]
fn docfx_includes_bring_in_their_file() {
    let book = TestBook::fixture("docfx");
    book.build()
        .success()
        .stderr_lacks("INCLUDE")
        .stderr_lacks("include[");
    for page in ["ops/oncall-rota.html", "ops/incidents.html"] {
        let prose = texts(&book.html(page), ".prose p").join(" ");
        assert!(
            prose.contains("Acknowledge a page within five minutes"),
            "{page}: {prose}"
        );
        assert!(
            !prose.to_lowercase().contains("[!include"),
            "{page}: {prose}"
        );
    }
    assert!(!book.out().join("includes/pager-etiquette.html").exists());
}

/// DocFX reads `~/` at the start of a link as the project's root (`content/` once the
/// pages moved in), in Markdown links and in raw HTML alike, as its `[!INCLUDE]` does:
/// such a link reaches its page from any folder, and a missing one is reported as broken.
#[test]
fn docfx_tilde_links_start_at_the_project_root() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/team/onboarding.md",
        "# First week\n\nRead [how we hire](~/team/hiring.md) and the [release train](~/ops/release-train.md#top).\nThen the <a href=\"~/ops/incidents.md\">incident reviews</a>.\n",
    );
    book.build()
        .success()
        .stderr_lacks("broken-link]: link to `~/");
    let page = book.html("team/onboarding.html");
    assert_eq!(
        hrefs(&page, ".prose a"),
        [
            "../team/hiring.html",
            "../ops/release-train.html#top",
            "../ops/incidents.html"
        ]
    );
    book.write(
        "content/team/onboarding.md",
        "# First week\n\nRead [the old guide](~/team/old-guide.md).\n",
    );
    book.run(&["build", "--force"])
        .failure(1)
        .stderr_has("no such file (content/team/old-guide.md)")
        .stderr_has("content/team/onboarding.md:3:6");
}

/// The navigation the fixture's tables of contents give the Operations folder, whether
/// its pages are named by uid in `toc.yml` or listed in `toc.md`: the section's page,
/// then its entries in order, then the next section.
fn assert_operations_navigation(book: &TestBook) {
    assert_eq!(
        reading_order(book, "ops/release-train.html"),
        [
            "ops/release-train.html",
            "ops/oncall-rota.html",
            "ops/incidents.html",
            "team/hiring.html",
        ]
    );
    assert_eq!(
        sidebar(book, "ops/incidents.html"),
        [
            "Operations",
            "How releases work",
            "On call",
            "Incidents",
            "People"
        ]
    );
}

/// A `toc.yml` entry may name its page by `uid` instead of `href` (as DocFX projects do
/// for pages that move): it reaches the page whose front matter has that uid, named by the
/// entry's `name`, in the entry's place, as an `xref:` link would; a uid no page has is a
/// `broken-link` warning at the entry's line, like a missing file, and is left out.
#[test]
fn docfx_toc_entries_by_uid_reach_their_page() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/ops/toc.yml",
        "- name: On call\n  uid: oncall-rota\n- name: How releases work\n  href: release-train.md\n- name: Postmortems\n  uid: incident-reviews\n- name: Incidents\n  uid: incidents\n",
    );
    book.build()
        .success()
        .stderr_has(
            "DocFX's table of contents lists `uid: incident-reviews`, and no page has that uid",
        )
        .stderr_has("content/ops/toc.yml:6:8")
        .stderr_lacks("`uid: oncall-rota`, and no page")
        .stderr_lacks("`uid: incidents`, and no page");
    assert_operations_navigation(&book);
}

/// DocFX's other ways to name a page by uid: the `<xref href="uid"/>` tag (showing its
/// `text`, else the page's title; a uid no page has is reported at its place and shown as
/// text) and, in a DocFX project only, the `@uid` shorthand (`@"uid"` quoted), a link
/// showing the page's title. An `@` right after a word (an e-mail), a mention no uid
/// matches, a package scope and code stay as written, and the tag's text is escaped.
#[test]
fn docfx_xref_tags_and_at_shorthand_reach_the_page() {
    let book = TestBook::fixture("docfx");
    let page = "# Who does what\n\n\
        The train is described in @release-train, and the pager in @\"oncall-rota\".\n\n\
        Reviews: <xref href=\"incidents\"/>; escalate as <xref href=\"oncall-rota#escalation\" text=\"the rota says\"/>.\n\n\
        Old notes: <xref href=\"incidents\" text=\"<script>alert(1)</script>\"/>.\n\n\
        The type: <xref href=\"Ferrybridge.Billing.Invoice\" text=\"Invoice\"/>.\n\n\
        Mail ops@release-train.example or ask @alice; install @release-train/cli, not `@release-train`.\n\n\
        A stray <?éé?> and <xref> stay as they are.\n";
    book.write("content/team/roles.md", page);
    book.build()
        .success()
        .stderr_has("`<xref href=\"Ferrybridge.Billing.Invoice\">` names no page")
        .stderr_has("content/team/roles.md:9:11")
        .stderr_lacks("alice")
        .stderr_lacks("<xref href=\"incidents\">` names no page");
    let html = book.html("team/roles.html");
    assert_eq!(
        hrefs(&html, ".prose a"),
        [
            "../ops/release-train.html",
            "../ops/oncall-rota.html",
            "../ops/incidents.html",
            "../ops/oncall-rota.html#escalation",
            "../ops/incidents.html",
            "mailto:ops@release-train.example",
        ]
    );
    assert_eq!(
        texts(&html, ".prose a"),
        [
            "Release train",
            "On-call rota",
            "Incident reviews",
            "the rota says",
            "<script>alert(1)</script>",
            "ops@release-train.example",
        ]
    );
    let prose = texts(&html, ".prose p").join("\n");
    assert!(prose.contains("The type: Invoice."), "{prose}");
    assert!(
        prose.contains("ask @alice; install @release-train/cli, not @release-train."),
        "{prose}"
    );
    let written = book.output_file("team/roles.html");
    assert!(!written.contains("<script>alert"), "{written}");

    // Without DocFX's files the handbook is no DocFX project: `@name` is a mention.
    book.remove("docfx.json").remove("toc.yml");
    book.run(&["build", "--force"]).success();
    let html = book.html("team/roles.html");
    let prose = texts(&html, ".prose p").join("\n");
    assert!(
        prose.contains("described in @release-train, and the pager in @\"oncall-rota\"."),
        "{prose}"
    );
}

/// VuePress's own Markdown: a `<Badge text="beta" type="warning"/>` is drawn as a small
/// badge (in a heading too, whose anchor stays the heading's words), vuepress-plugin-tabs'
/// `:::: tabs` / `::: tab Title` and the default theme's `:::: code-group` /
/// `::: code-group-item Title` are drawn as tabs (each a section under its title, as
/// Material's content tabs are), everything from the page escaped; a Vue component orgbook
/// cannot draw is a warning naming it at its line, not a silent gap.
#[test]
fn vuepress_badges_tabs_and_components_are_drawn_or_reported() {
    let book = TestBook::fixture("vuepress");
    book.write(
        ".vuepress/config.js",
        "module.exports = { title: 'Harbourline' }\n",
    );
    book.write(
        "content/guide/deploys.md",
        "---\ntitle: Deploys\n---\n\n## Canary <Badge text=\"beta\" type=\"warning\"/>\n\n\
         The canary is <Badge text=\"<img src=x onerror=alert(1)>\" type=\"danger\"/> this quarter.\n\n\
         <BerthPlanner port=\"rotterdam\" />\n\n\
         See [the status page](https://status.harbourline.example)<OutboundLink/>.\n\n<ClientOnly>\n\nShown once the page has loaded.\n\n</ClientOnly>\n\n\
         :::: tabs\n::: tab macOS\nUse `brew install berth`.\n:::\n::: tab \"Linux <img src=x onerror=alert(2)>\"\nUse the package.\n:::\n::::\n\n\
         :::: code-group\n::: code-group-item npm:active\n```sh\nnpm run deploy\n```\n:::\n::: code-group-item yarn\n```sh\nyarn deploy\n```\n:::\n::::\n",
    );
    book.build()
        .success()
        .stderr_has("`<BerthPlanner>`")
        .stderr_has("content/guide/deploys.md:9:1")
        .stderr_lacks("`<Badge>`")
        // VuePress's own: an external-link icon, and a wrapper around Markdown.
        .stderr_lacks("`<OutboundLink>`")
        .stderr_lacks("`<ClientOnly>`")
        .stderr_lacks(":::");
    let page = book.html("guide/deploys.html");
    assert_eq!(texts(&page, "main .prose h2"), ["Canary beta"]);
    assert!(
        texts(&page, "main .prose p").contains(&"Shown once the page has loaded.".to_string()),
        "what <ClientOnly> wraps is shown"
    );
    assert_eq!(
        texts(&page, "main .prose h2 .badge.badge-warning"),
        ["beta"]
    );
    assert!(
        page.select(&crate::harness::sel("main .prose h2#canary"))
            .next()
            .is_some()
    );
    assert_eq!(
        texts(&page, "main .prose p .badge.badge-danger"),
        ["<img src=x onerror=alert(1)>"]
    );
    assert_eq!(
        texts(&page, "main .prose .content-tab > .content-tab-title"),
        ["macOS", "Linux <img src=x onerror=alert(2)>", "npm", "yarn"]
    );
    assert_eq!(
        texts(&page, "main .prose .content-tab pre code"),
        ["npm run deploy", "yarn deploy"]
    );
    let written = book.output_file("guide/deploys.html");
    assert!(!written.contains("<img src=x"), "{written}");
    assert!(!written.contains("::: tab"), "{written}");
    assert!(!written.contains("Badge"), "{written}");
}

/// A DocFX project without `toc.yml` may write its tables of contents in Markdown,
/// `toc.md`: a heading per entry (`# [Title](path.md)`, or `# Title` for a section), nested
/// by level, a folder (`ops/`) meaning its own `toc.md`. They order and name the pages as
/// `toc.yml` does, an entry whose page is missing is a warning at its line, and no `toc.md`
/// is published as a page.
#[test]
fn docfx_toc_md_orders_and_names_the_pages() {
    let book = TestBook::fixture("docfx");
    book.remove("toc.yml").remove("content/ops/toc.yml");
    book.write(
        "toc.md",
        "# [Welcome](index.md)\n# [Operations](ops/)\n# People\n## [Hiring loop](team/Hiring.md)\n",
    );
    book.write(
        "content/ops/toc.md",
        "# [How releases work](release-train.md)\n# [On call](oncall-rota.md)\n# [Incidents](incidents.md)\n# [Old runbook](Runbook_Old.md)\n",
    );
    book.build()
        .success()
        .stderr_has("DocFX's table of contents lists `Runbook_Old.md`, and there is no such page")
        .stderr_has("content/ops/toc.md:4:17");
    assert_operations_navigation(&book);
    assert!(!book.out().join("ops/toc.html").exists());
    assert!(!book.out().join("toc.html").exists());
}
