//! Moving in: existing Markdown handbooks written for GitHub, Jekyll/Eleventy, GitBook and
//! Docusaurus build as they are (issue 10). Each fixture is shaped like a real repository,
//! quirks included; each test builds it with the real binary, asserts the exact warnings
//! planted in it, and crawls the site for broken links.

use crate::harness::{
    TestBook, check_all_links, href_of, hrefs, reading_order, sel, sidebar, texts,
};
use serde_json::Value;

/// (severity, code, file, line) of every diagnostic `check --format json` prints.
fn diagnostics(book: &TestBook, extra: &[&str]) -> Vec<(String, String, String, u64)> {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let run = book.run(&args);
    run.stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            (
                v["severity"].as_str().unwrap().to_string(),
                v["code"].as_str().unwrap().to_string(),
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// Each link `selector` selects in `html`: its `href` and its text.
pub(crate) fn links_with_text(html: &scraper::Html, selector: &str) -> Vec<(String, String)> {
    html.select(&sel(selector))
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_string(),
                a.text().collect(),
            )
        })
        .collect()
}

fn warning(code: &str, file: &str, line: u64) -> (String, String, String, u64) {
    ("warning".into(), code.into(), file.into(), line)
}

/// Builds, asserts the diagnostics are exactly `expected` (the same from build and check),
/// crawls the output and returns the book.
#[track_caller]
fn builds_with(name: &str, expected: &[(String, String, String, u64)]) -> TestBook {
    let book = TestBook::fixture(name);
    assert_eq!(diagnostics(&book, &[]), expected);
    let root = book.root().to_string_lossy().into_owned();
    let out = book.out().to_string_lossy().into_owned();
    let build = book.run(&[
        "build", "--root", &root, "--output", &out, "--format", "json",
    ]);
    build.success();
    let check = book.run(&["check", "--format", "json"]);
    assert_eq!(
        build.stdout, check.stdout,
        "build and check report the same"
    );
    let links = check_all_links(&book.out(), &["404.html"]);
    assert!(links > 100, "only {links} links followed");
    book
}

#[test]
fn github_style_handbook_with_readme_folders() {
    let book = builds_with(
        "github",
        &[
            warning(
                "bad-diagram",
                "content/engineering/architecture/data-flow.md",
                37,
            ),
            warning("bad-math", "content/engineering/on-call.md", 34),
            warning("template-leftover", "content/engineering/testing.md", 10),
        ],
    );
    // TeX formulas are MathML, as GitHub shows them: `$…$`, `` $`…`$ ``, `$$…$$` and a
    // ```` ```math ```` block, one inside raw `<details>` (which the sanitizer must not
    // strip); the one that does not parse stays its TeX.
    let on_call = book.html("engineering/on-call.html");
    let math = |selector: &str| on_call.select(&sel(selector)).count();
    assert_eq!(math("main .prose math"), 6);
    assert_eq!(math("main .prose math[display=block]"), 3);
    assert_eq!(math("main .prose p > math[display=inline]"), 3);
    assert_eq!(math("main details math[display=block] mfrac"), 1);
    assert_eq!(math("main .prose math mtable"), 1, "the aligned block");
    assert_eq!(math("main .prose math script, main .prose math [href]"), 0);
    let shown = texts(&on_call, "main .prose .math-inline");
    assert_eq!(shown, ["\\thresh{fast}"]);
    let formulas = texts(&on_call, "main .prose math").concat();
    for piece in ["budget", "14.4", "observed", "fast burn"] {
        assert!(formulas.contains(piece), "{piece} in {formulas}");
    }
    // Prices are not formulas.
    let expenses = book.html("people/expenses.html");
    assert_eq!(expenses.select(&sel("main math")).count(), 0);
    let limits = texts(&expenses, "main .prose p").concat();
    assert!(
        limits.contains("hotels $150-$250 a night depending on the city (US$300 in"),
        "{limits}"
    );
    // Mermaid blocks are drawn as SVG at build time, one inside raw `<details>` too (the
    // sanitizer of raw HTML must not strip it); the one that does not parse stays code.
    let flow = book.html("engineering/architecture/data-flow.html");
    let svgs: Vec<_> = flow.select(&sel("main figure.diagram > svg")).collect();
    assert_eq!(
        svgs.len(),
        2,
        "{}",
        book.output_file("engineering/architecture/data-flow.html")
    );
    assert_eq!(
        flow.select(&sel("main details figure.diagram svg")).count(),
        1
    );
    let ids: Vec<&str> = svgs.iter().filter_map(|s| s.value().attr("id")).collect();
    assert_eq!(ids, ["orgbook-diagram-1", "orgbook-diagram-2"]);
    for svg in &svgs {
        assert!(
            svg.value().attr("aria-label").is_some()
                || svg.value().attr("aria-labelledby").is_some(),
            "a drawn diagram has an accessible name"
        );
    }
    let drawn = texts(&flow, "main figure.diagram").concat();
    for label in [
        "Mobile app",
        "API gateway",
        "Warehouse",
        "POST /events",
        "202 Accepted",
    ] {
        assert!(drawn.contains(label), "{label} in {drawn}");
    }
    assert_eq!(flow.select(&sel("main figure.diagram script")).count(), 0);
    let code = texts(&flow, "main pre code.language-mermaid");
    assert_eq!(code.len(), 1, "{code:?}");
    assert!(code[0].contains("parquet[Parquet files"), "{code:?}");
    // README.md is each folder's page; links to `dir/`, `dir`, `./dir/README.md` reach it.
    let home = book.html("index.html");
    assert!(texts(&home, "main h1").contains(&"Acme Handbook".to_string()));
    let links = hrefs(&home, "main a");
    for want in [
        "engineering/index.html",
        "people/index.html",
        "security/index.html",
        "company/index.html",
    ] {
        assert!(links.contains(&want.to_string()), "{want} in {links:?}");
    }
    assert!(
        links.contains(&"mailto:handbook@acme.example".to_string()),
        "{links:?}"
    );
    // The HTML comment above the heading never reaches readers.
    assert!(!book.output_file("index.html").contains("handbook guild"));
    // GitHub's emoji codes are emoji; the headings keep GitHub's anchors (which a link on
    // the page uses, and the crawl follows).
    let values = book.html("company/values.html");
    assert_eq!(
        texts(&values, "main .prose h2"),
        ["🤝 Assume good intent", "🚀 Ship small"]
    );
    let ids: Vec<&str> = values
        .select(&sel("main .prose h2"))
        .filter_map(|h| h.value().attr("id"))
        .collect();
    assert_eq!(ids, ["handshake-assume-good-intent", "rocket-ship-small"]);
    let prose = texts(&values, "main .prose p").concat();
    assert!(
        prose.contains("commit together 👍") && prose.contains("with a 🎉, not the plan"),
        "{prose}"
    );
    // Folder README pages are the breadcrumbs of the pages below them.
    let overview = book.html("engineering/architecture/overview.html");
    assert_eq!(
        texts(&overview, "nav.breadcrumbs a"),
        ["Home", "Handbook", "Engineering", "Architecture"]
    );
    assert_eq!(
        hrefs(&overview, "nav.breadcrumbs a")[2..],
        [
            "../../engineering/index.html",
            "../../engineering/architecture/index.html"
        ]
    );
    // A page without a heading is named after its file, made readable.
    let checklist = book.html("people/onboarding-checklist.html");
    assert_eq!(
        texts(&checklist, "title")[0]
            .split(" ·")
            .next()
            .unwrap()
            .split(" —")
            .next()
            .unwrap()
            .trim(),
        "Onboarding checklist"
    );
    // README pages are named by their heading, never "README".
    assert!(!book.output_file("handbook.html").contains(">README<"));
    // A mixed-case anchor written for another slug rule points at the real heading id.
    let usage = hrefs(&book.html("handbook-usage.html"), "main a");
    assert!(
        usage.contains(&"engineering/code-review.html#review-checklist".to_string()),
        "{usage:?}"
    );
    // Without teams or decisions, the navigation offers no empty org pages and the search
    // box says what it can find.
    let nav = hrefs(&home, "nav.site-nav a");
    assert_eq!(nav, ["handbook.html"]);
    let placeholder = home.select(&sel("#search-input")).next().unwrap();
    assert_eq!(
        placeholder.value().attr("placeholder"),
        Some("Search the handbook…  /")
    );
    // ... and is mentioned only under --strict.
    let strict = diagnostics(&book, &["--strict"]);
    assert!(
        strict.contains(&warning(
            "anchor-other-rule",
            "content/handbook-usage.md",
            8
        )),
        "{strict:?}"
    );
    assert_eq!(strict.len(), 5, "{strict:?}");
}

#[test]
fn jekyll_style_handbook_with_yaml_permalinks_and_redirects() {
    // The folder came from a Jekyll repository whole: its gem list and the Markdown of its
    // drafts, includes and last built `_site` are noted once a folder; none of its
    // machinery (configuration, layouts, data, the built site) is published.
    let skipped = |file: &str| ("finding".into(), "skipped-file".into(), file.into(), 0);
    let book = builds_with(
        "jekyll",
        &[
            skipped("content/Gemfile"),
            skipped("content/_drafts"),
            skipped("content/_includes"),
            skipped("content/_site"),
            warning("template-leftover", "content/guides/setup.md", 17),
            warning("unknown-key", "content/index.md", 2),
        ],
    );
    let published = crate::harness::files_under(&book.out());
    for machinery in [
        "Gemfile",
        "_config",
        "_data",
        "_drafts",
        "offsite",
        "_includes",
        "footer",
        "_layouts",
        "default.html",
        "_site",
        "checklist",
        "main.css",
    ] {
        assert!(
            !published.iter().any(|f| f.contains(machinery)),
            "{machinery} published: {published:?}"
        );
    }
    // Jekyll publishes `_posts`, and so does orgbook, at Jekyll's dated addresses, titled
    // by their slug when they have no title; `{% post_url %}` links to one; `.markdown`
    // files (what `jekyll new` writes) are pages.
    let post = book.html("2024/03/04/new-office.html");
    assert_eq!(texts(&post, "main h1"), ["The Lisbon office opens"]);
    let welcome = book.html("2023/11/20/welcome-to-the-handbook.html");
    assert_eq!(texts(&welcome, "main h1"), ["Welcome to the handbook"]);
    assert!(
        hrefs(&book.html("about/locations.html"), "main .prose a")
            .contains(&"../2024/03/04/new-office.html".to_string())
    );
    assert_eq!(texts(&book.html("faq/index.html"), "main h1"), ["FAQ"]);
    let index = book.html("handbook.html");
    assert!(
        texts(&index, "main a[href^='handbook-index/']").contains(&"Posts".to_string()),
        "{:?}",
        texts(&index, "main a[href^='handbook-index/']")
    );
    // `{% highlight shell %}` … `{% endhighlight %}` is a code block in its language, the
    // Liquid in it code too (not reported); `{% raw %}` text is shown as written.
    let security = book.html("policies/security/index.html");
    let code = texts(&security, "main pre code.language-shell");
    assert_eq!(code.len(), 1, "{code:?}");
    assert!(
        code[0].starts_with("bundle exec rake keys:rotate curl")
            && code[0].contains("grep \"{{ site.key_id }}\""),
        "{code:?}"
    );
    // jekyll-mermaid's `{% mermaid %}` … `{% endmermaid %}` is a diagram.
    let drawn = texts(&security, "main figure.diagram").concat();
    assert!(drawn.contains("rotate within the hour"), "{drawn}");
    let prose = texts(&security, "main .prose p").concat();
    assert!(
        prose.contains("Key: {{ site.key_id }}") && !prose.contains("raw"),
        "{prose}"
    );
    assert_eq!(
        texts(&security, "main .prose p code"),
        ["{{ site.key_id }}"]
    );
    // `permalink` decides the output path; links to the source file follow it.
    assert!(
        book.out()
            .join("guides/getting-started/index.html")
            .is_file()
    );
    assert!(!book.out().join("guides/getting-started.html").exists());
    // Every `redirect_from` entry is a small page that sends readers on.
    for (old, target) in [
        (
            "onboarding/index.html",
            "../guides/getting-started/index.html",
        ),
        ("start.html", "guides/getting-started/index.html"),
        ("setup-guide/index.html", "../guides/setup.html"),
    ] {
        let page = book.html(old);
        let refresh = page
            .select(&sel("meta[http-equiv=refresh]"))
            .next()
            .unwrap();
        assert_eq!(
            refresh.value().attr("content"),
            Some(format!("0; url={target}").as_str())
        );
        let canonical = page.select(&sel("link[rel=canonical]")).next().unwrap();
        assert_eq!(canonical.value().attr("href"), Some(target));
    }
    // The sitemap lists them as redirects, not as pages.
    let sitemap = book.output_file("sitemap.xml");
    assert!(
        sitemap.contains("<!-- redirect: start.html → guides/getting-started/index.html -->"),
        "{sitemap}"
    );
    assert!(!sitemap.contains("<loc>start.html</loc>"));
    assert!(sitemap.contains("<loc>guides/getting-started/index.html</loc>"));
    // Drafts are not published; {% comment %} blocks are not shown.
    assert!(
        !book
            .out()
            .join("drafts-area/upcoming-benefits.html")
            .exists()
    );
    let home = book.output_file("index.html");
    assert!(!home.contains("welcome video"));
    assert!(home.contains("href=\"mailto:people-ops@northwind.example\""));
    // YAML front matter fills the page: title and description.
    let setup = book.html("guides/setup.html");
    assert_eq!(texts(&setup, "main h1")[0], "Setup");
    // The leftover is shown as text (reported, never silently dropped).
    assert!(
        book.output_file("guides/setup.html")
            .contains("{% include toc.html %}")
    );
}

#[test]
fn gitbook_style_handbook_with_summary_and_assets() {
    // GitBook's blocks (hints, tabs, embeds, content refs, reusable content from
    // `.gitbook/includes/`) are drawn: no leftovers, and no note on the included file.
    let book = builds_with("gitbook", &[]);
    let home = book.html("index.html");
    assert_eq!(
        texts(&home, "main blockquote.markdown-alert-note > p"),
        ["Note", "This handbook is public."]
    );
    let on_call = book.html("engineering/on-call.html");
    let prose = texts(&on_call, "main .prose p").concat();
    assert!(
        prose.contains("Page the secondary after 15 minutes")
            && !prose.contains("{%")
            && !prose.contains("title: Escalation"),
        "{prose}"
    );
    assert_eq!(
        texts(&on_call, "main blockquote.markdown-alert-caution > p"),
        [
            "Caution",
            "Never silence a page without opening an incident."
        ]
    );
    assert_eq!(
        texts(&on_call, "main .prose p > strong"),
        ["15 minutes", "iOS", "Android"]
    );
    let links = hrefs(&on_call, "main .prose a");
    for want in [
        "https://www.youtube.com/watch?v=on-call-101",
        "../engineering/incidents.html",
    ] {
        assert!(links.contains(&want.to_string()), "{want} in {links:?}");
    }
    assert!(!book.out().join(".gitbook/includes").exists());
    // Linked files in .gitbook/assets are published; the unlinked one is not.
    assert!(book.out().join(".gitbook/assets/org-chart.png").is_file());
    assert!(
        book.out()
            .join(".gitbook/assets/release-flow (1).png")
            .is_file()
    );
    assert!(!book.out().join(".gitbook/assets/unused-image.png").exists());
    // SUMMARY.md decides the order: it lists culture pages as feedback, rituals, values.
    // The handbook index lists each section's pages on the section's own index page.
    let nav: Vec<String> = hrefs(
        &book.html("handbook-index/culture.html"),
        "main .page-tree a",
    )
    .into_iter()
    .map(|h| h.trim_start_matches("../").to_string())
    .collect();
    let pos = |h: &str| {
        nav.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {nav:?}"))
    };
    assert!(pos("culture/feedback.html") < pos("culture/rituals.html"));
    assert!(pos("culture/rituals.html") < pos("culture/values.html"));
    assert!(pos("culture/index.html") < pos("culture/feedback.html"));
}

#[test]
fn docusaurus_style_handbook_with_positions_and_absolute_links() {
    let book = builds_with(
        "docusaurus",
        &[
            // `custom_edit_url` (line 4 of tutorial/install.md) is Docusaurus's own: no warning.
            // The partial `_install-steps.mdx` is included where `<InstallSteps />` stands,
            // so it is neither a page nor a skipped file.
            warning("template-leftover", "content/reference/cli.mdx", 6),
        ],
    );
    // `slug` renames the page; `/reference/glossary` still finds it by its file.
    assert!(book.out().join("reference/terms.html").is_file());
    let deploy = hrefs(&book.html("tutorial/deploy.html"), "main a");
    assert!(
        deploy.contains(&"../reference/terms.html".to_string()),
        "{deploy:?}"
    );
    assert!(
        deploy.contains(&"../index.html".to_string()),
        "`/` is the home page: {deploy:?}"
    );
    // sidebar_position orders pages: troubleshoot (1) … install (4).
    let nav: Vec<String> = hrefs(
        &book.html("handbook-index/tutorial.html"),
        "main .page-tree a",
    )
    .into_iter()
    .map(|h| h.trim_start_matches("../").to_string())
    .collect();
    let pos = |h: &str| {
        nav.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h} in {nav:?}"))
    };
    assert!(pos("tutorial/troubleshoot.html") < pos("tutorial/deploy.html"));
    assert!(pos("tutorial/configure.html") < pos("tutorial/install.html"));
    // A `:::note` admonition is drawn as a note callout, its lines gone.
    let install = book.html("tutorial/install.html");
    assert_eq!(
        texts(
            &install,
            "main blockquote.markdown-alert-note > p:first-child"
        ),
        ["Note"]
    );
    assert_eq!(
        hrefs(&install, "main blockquote.markdown-alert-note a"),
        ["../index.html", "../tutorial/index.html"]
    );
    assert!(!texts(&install, "main").concat().contains(":::"));
    // Each folder's `_category_` file names it and places it: "Start here" (a folder with
    // no page of its own, position 1) comes first; a label wins over the folder page's
    // title ("Reference material", not "Reference"). The files are not published.
    let home_index = book.html("handbook.html");
    assert_eq!(
        texts(&home_index, "main a[href^='handbook-index/']"),
        [
            "Start here",
            "Tutorial",
            "Handbook",
            "Reference material",
            "Processes"
        ]
    );
    let first_day = book.html("getting-started/first-day.html");
    assert_eq!(
        texts(&first_day, ".sidebar .sb-folder > details[open] > summary"),
        ["Start here"]
    );
    assert_eq!(
        hrefs(&first_day, ".prev-next a[rel=next]"),
        ["../getting-started/accounts.html"]
    );
    // `sidebar_label` names the page in sidebars and previous/next links; its title
    // stays its heading.
    assert_eq!(texts(&first_day, "main h1"), ["Your first day"]);
    assert_eq!(
        texts(&first_day, ".sidebar a[aria-current=page]"),
        ["Day one"]
    );
    let accounts = book.html("getting-started/accounts.html");
    assert_eq!(
        texts(&accounts, ".prev-next a[rel=prev]"),
        ["Previous Day one"]
    );
    let install = book.html("tutorial/install.html");
    assert_eq!(texts(&install, "main h1"), ["Install"]);
    assert_eq!(
        texts(&install, ".sidebar a[aria-current=page]"),
        ["Install it"]
    );
    let published = crate::harness::files_under(&book.out());
    assert!(
        !published.iter().any(|f| f.contains("_category_")),
        "{published:?}"
    );
    check_all_links(&book.out(), &["404.html"]);
    // `.mdx` pages are pages: found by extensionless links, their imports, exports and
    // comments gone, each tab shown under its label, the source not published.
    let cli = book.html("reference/cli.html");
    assert_eq!(texts(&cli, "h1"), ["Command-line tools"]);
    assert_eq!(
        texts(&cli, "main .prose strong"),
        ["macOS", "Linux", "macOS", "Linux"]
    );
    assert_eq!(cli.select(&sel("main pre code.language-bash")).count(), 2);
    // Indented tab text after a blank line is prose in MDX, not a code block; its link
    // resolves.
    assert_eq!(cli.select(&sel("main pre")).count(), 2);
    assert_eq!(
        texts(&cli, "main .prose p > code"),
        ["acme", "brew upgrade acme"]
    );
    assert!(
        hrefs(&cli, "main .prose p a").contains(&"../reference/faq.html".to_string()),
        "{:?}",
        hrefs(&cli, "main .prose p a")
    );
    let prose = texts(&cli, "main .prose").concat();
    for gone in [
        "import",
        "@theme",
        "Keep the install",
        "TabItem",
        "{/*",
        "InstallSteps",
    ] {
        assert!(!prose.contains(gone), "{gone} in {prose}");
    }
    assert!(
        prose.contains("Download the installer from the portal."),
        "{prose}"
    );
    let run = book.run(&["check", "--format", "json"]);
    assert!(
        run.stdout.contains("(`TabItem`, `Tabs`)") && !run.stdout.contains("`InstallSteps`"),
        "{}",
        run.stdout
    );
    let benefits = book.html("handbook/benefits.html");
    // A card and a button whose attributes a formatter put one to a line are their
    // links, not a block quote and the attributes' text.
    assert_eq!(
        hrefs(&benefits, "main .prose a"),
        [
            "../handbook/leave.html",
            "../reference/cli.html",
            "../handbook/leave.html",
            "https://benefits.example.com"
        ]
    );
    assert_eq!(texts(&benefits, "main .prose strong a"), ["Enrol"]);
    let shown = texts(&benefits, "main").concat();
    assert!(
        !shown.contains("export const") && !shown.contains("href=") && !shown.contains("<Button"),
        "{shown}"
    );
    assert_eq!(benefits.select(&sel("main blockquote")).count(), 0);
    assert!(shown.contains("Enrol in your first 30 days."), "{shown}");
    assert!(
        !published.iter().any(|f| f.ends_with(".mdx")),
        "{published:?}"
    );
    // The partial it imports is not a page of its own.
    assert!(
        !published.iter().any(|f| f.contains("install-steps")),
        "{published:?}"
    );
}

/// A `_category_` file orgbook cannot read costs the folder its title and place, nothing
/// else: a warning at the line, and the build goes on.
#[test]
fn a_broken_category_file_is_a_located_warning() {
    let book = TestBook::fixture("docusaurus");
    book.write(
        "content/reference/_category_.json",
        "{\n  \"label\": \"Reference material\",\n  \"position\": 4,\n}\n",
    );
    book.write(
        "content/getting-started/_category_.yml",
        "label: 'Start here'\nposition: first\n",
    );
    book.build()
        .success()
        .stderr_has("warning[folder-settings]")
        .stderr_has("content/reference/_category_.json:4:1")
        .stderr_has("not valid JSON")
        .stderr_has("content/getting-started/_category_.yml:2:11")
        .stderr_has("`position` should be a number");
    let sections = texts(
        &book.html("handbook.html"),
        "main a[href^='handbook-index/']",
    );
    // The label still counts; without a position the folder goes after the placed ones.
    assert_eq!(sections[0], "Tutorial", "{sections:?}");
    assert!(sections.contains(&"Reference".to_string()), "{sections:?}");
    assert_eq!(sections.last().unwrap(), "Start here", "{sections:?}");
}

/// GitHub alerts (`> [!WARNING]`) are drawn as callouts titled by their kind, as GitHub
/// draws them, not as a quote starting "[!WARNING]".
#[test]
fn github_alerts_are_callouts() {
    let book = TestBook::fixture("github");
    book.build().success();
    let page = book.html("engineering/deployments.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        [
            "Warning",
            "Never deploy on a Friday afternoon without a second person on the deploys channel."
        ]
    );
    assert!(!texts(&page, "main").concat().contains("[!WARNING]"));
}

/// A Confluence space exported as HTML and converted to Markdown: each page opens with the
/// space's breadcrumbs and `# Space : Title`, lists its attachments behind icon images and
/// ends with "Document generated by Confluence". The page is titled by its own title (not
/// its file name, page id included), shows one `<h1>`, none of that furniture, and the
/// anchors of Confluence's table of contents reach their headings.
#[test]
fn a_confluence_export_is_titled_by_its_pages_and_keeps_none_of_its_furniture() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/ops/Incident-handling_40021.md",
        "1. [Operations](index.html)\n2. [Operations Home](Operations-Home_40001.html)\n\n# Operations : Incident handling\n\nCreated by Sam Ortiz, last modified on Mar 02, 2024\n\n- [Paging](#Incidenthandling-Paging)\n- [After the incident](#Incidenthandling-Aftertheincident)\n\n## Paging\n\nPage the on-call engineer.\n\n## After the incident\n\nWrite the review within a week.\n\n## Attachments:\n\n![](images/icons/bullet_blue.gif) [rota.csv](attachments/40021/40022.csv) (text/csv)\n\nDocument generated by Confluence on Apr 01, 2024 09:12\n\n[Atlassian](http://www.atlassian.com/)\n",
    );
    book.write("content/ops/attachments/40021/40022.csv", "week,engineer\n");
    book.run(&["check", "--strict"])
        .failure(1)
        .stderr_has("anchor-other-rule")
        .stderr_lacks("broken-link");
    book.build().success();
    let page = book.html("ops/Incident-handling_40021.html");
    assert_eq!(texts(&page, "h1"), ["Incident handling"]);
    assert_eq!(texts(&page, "title"), ["Incident handling · Test Org"]);
    assert_eq!(
        hrefs(&page, ".prose ul a"),
        ["#paging", "#after-the-incident"]
    );
    let main = texts(&page, "main").concat();
    for gone in [
        "Operations :",
        "Document generated",
        "Atlassian",
        "Operations Home",
    ] {
        assert!(!main.contains(gone), "{gone} in {main}");
    }
    assert_eq!(page.select(&sel("main img")).count(), 0);
    assert!(hrefs(&page, ".prose a").contains(&"../ops/attachments/40021/40022.csv".to_string()));
}

/// A README's badges or logo above its `# Title` stay on the page, below the title; a
/// README home whose one `# Heading` follows a tagline shows that heading once, where it
/// stands, with no second `<h1>` above it.
#[test]
fn what_a_readme_puts_above_its_title_stays_and_its_heading_is_the_one_h1() {
    let book = TestBook::fixture("github");
    book.build().success();
    let home = book.html("index.html");
    assert_eq!(texts(&home, "main h1"), ["Acme Handbook"]);
    let badges: Vec<_> = home
        .select(&sel("main .prose img"))
        .filter_map(|i| i.value().attr("alt"))
        .collect();
    assert_eq!(badges, ["CI", "License: CC BY"]);
    let page = book.output_file("index.html");
    assert!(page.find("Acme Handbook</h1>") < page.find("alt=\"CI\""));
    assert!(!page.contains("do not remove the badges"));

    book.write(
        "content/README.md",
        "<p align=\"center\"><img src=\"security/lock.svg\" alt=\"Acme\"></p>\n\nHow we work, in one place.\n\n# Acme Handbook\n\nStart with [how to use this handbook](handbook-usage.md).\n\n## Sections\n\nSee [Security](security).\n",
    );
    book.write(
        "content/security/lock.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    book.build().success();
    let home = book.html("index.html");
    assert_eq!(texts(&home, "main h1"), ["Acme Handbook"]);
    let page = book.output_file("index.html");
    assert!(page.find("alt=\"Acme\"") < page.find("How we work, in one place."));
    assert!(page.find("How we work, in one place.") < page.find("Acme Handbook</h1>"));
}

#[test]
fn two_index_pages_in_one_folder_is_an_error_naming_both() {
    let book = TestBook::fixture("github");
    book.write("content/people/index.md", "# People, again\n");
    let run = book.run(&["check"]);
    run.failure(1)
        .stderr_has("error[duplicate-folder-index]")
        .stderr_has("content/people/index.md and content/people/README.md are both the index page of content/people/");
}

/// Hugo reads a folder with `_index.md` as a section (a branch bundle) whatever else is in
/// it: an `index.md` beside it is one of its pages, at `index/`, not a second index page.
/// Without `_index.md` it is the folder's page again (`serve` agrees: its oracle test).
#[test]
fn hugo_index_md_beside_a_section_index_is_a_page_of_the_section() {
    let book = TestBook::fixture("hugo");
    book.write(
        "content/docs/operations/index.md",
        "---\ntitle: Operations at a glance\n---\nThe one-page summary, linked from [the runbook list](runbooks.md).\n",
    );
    book.write(
        "content/docs/operations/runbooks.md",
        "---\ntitle: Runbooks\n---\nStart from [the summary](index.md) or [the section](_index.md).\n",
    );
    book.build()
        .success()
        .stderr_lacks("duplicate-folder-index");
    let runbooks = book.html("docs/operations/runbooks.html");
    assert_eq!(
        hrefs(&runbooks, "main .prose a"),
        [
            "../../docs/operations/index/index.html",
            "../../docs/operations/index.html"
        ]
    );
    let summary = book.html("docs/operations/index/index.html");
    assert_eq!(texts(&summary, "main h1"), ["Operations at a glance"]);
    let section = book.output_file("docs/operations/index.html");
    assert!(!section.contains("The one-page summary"), "{section}");

    book.remove("content/docs/operations/_index.md");
    book.build().success();
    let page = book.output_file("docs/operations/index.html");
    assert!(page.contains("The one-page summary"), "{page}");
}

#[test]
fn redirect_onto_an_existing_page_is_an_error() {
    let book = TestBook::fixture("jekyll");
    book.edit(
        "content/guides/setup.md",
        "redirect_from: /setup-guide/",
        "redirect_from: /guides/tools.html",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("error[redirect-collision]")
        .stderr_has("content/guides/tools.md already takes");
}

#[test]
fn broken_links_can_be_warnings_and_still_publish() {
    let book = TestBook::fixture("docusaurus");
    book.edit(
        "content/tutorial/deploy.md",
        "/reference/glossary.md",
        "/reference/glosary.md",
    );
    // The failure names the setting that publishes while the links are fixed.
    book.build()
        .failure(1)
        .stderr_has("error[broken-link]")
        .stderr_has("help: broken links in 1 file fail the build; to publish while you fix them, set `broken = \"warn\"` under `[links]`");
    book.edit(
        "orgbook.toml",
        "title = \"Initech Docs\"",
        "title = \"Initech Docs\"\n[links]\nbroken = \"warn\"",
    );
    let run = book.build();
    run.success()
        .stderr_has("warning[broken-link]")
        .stderr_has("content/tutorial/deploy.md:13:")
        .stderr_lacks("help: broken links in");
    // The published page shows the link's text, marked, and sends nobody to a 404.
    let page = book.html("tutorial/deploy.html");
    let marked = scraper::Selector::parse("span.broken-link").unwrap();
    let spans: Vec<_> = page.select(&marked).collect();
    assert_eq!(spans.len(), 1, "{}", page.html());
    assert!(
        spans[0]
            .value()
            .attr("title")
            .is_some_and(|t| t.ends_with("/reference/glosary.md")),
        "{}",
        spans[0].html()
    );
    let hrefs = hrefs(&page, "a");
    assert!(!hrefs.iter().any(|h| h.contains("glosary")), "{hrefs:?}");
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
    // A file with more broken links than are listed (an imported changelog): the summary
    // of the rest is a warning too, so the build still publishes.
    let many: String = (0..25)
        .map(|i| format!("- [v{i}](doc/changelogs/CHANGELOG_V{i}.md)\n"))
        .collect();
    book.write(
        "content/reference/changelog.md",
        &format!("# Changelog\n\n{many}"),
    );
    book.build()
        .success()
        .stderr_has(
            "warning[broken-link]: 5 more broken links in this file are not listed (25 in all)",
        )
        .stderr_lacks("error[");
}

#[test]
fn yaml_front_matter_errors_are_located() {
    let book = TestBook::fixture("jekyll");
    book.write(
        "content/teams/payments.md",
        "---\nname: Payments\nproblem: Getting paid\nmetrics:\n  - name: Time to pay\n    taget: 2 days\nreviewd: 2026-01-01\n---\n",
    );
    book.write("content/about/broken.md", "---\ntitle: [unclosed\n---\n");
    let run = book.run(&["check"]);
    run.failure(1)
        .stderr_has("content/teams/payments.md:6:5")
        .stderr_has("unknown key `taget` in [[metrics]]")
        .stderr_has("did you mean `target`?")
        .stderr_has("content/teams/payments.md:7:1")
        .stderr_has("did you mean `reviewed`?")
        .stderr_has("error[yaml-syntax]")
        .stderr_has("content/about/broken.md:");
}

#[test]
fn new_writes_yaml_front_matter_when_configured_and_it_builds() {
    let book = TestBook::fixture("jekyll");
    book.edit(
        "orgbook.toml",
        "title = \"Northwind Handbook\"",
        "title = \"Northwind Handbook\"\n[content]\nfront_matter = \"yaml\"",
    );
    book.run(&["new", "team", "payments"]).success();
    book.run(&["new", "decision", "Pay out daily", "--team", "payments"])
        .success();
    let charter = book.read("content/teams/payments.md");
    assert!(charter.starts_with("---\nname: "), "{charter}");
    assert!(charter.contains("\nmetrics:\n  - name: "), "{charter}");
    let decision = book.read("content/decisions/0001-pay-out-daily.md");
    assert!(
        decision.starts_with("---\ntitle: \"Pay out daily\"\n"),
        "{decision}"
    );
    book.build().success();
    let team = book.html("teams/payments.html");
    assert_eq!(texts(&team, "main h1")[0], "Payments");
    // The team and the decision now exist: the org pages are back in the navigation.
    let nav = hrefs(&team, "nav.site-nav a");
    assert!(nav.contains(&"../teams/index.html".to_string()), "{nav:?}");
    assert!(
        nav.contains(&"../decisions/index.html".to_string()),
        "{nav:?}"
    );
}

#[test]
fn links_from_docs_moved_under_a_folder_reach_their_pages_or_suggest_where_they_went() {
    // Docusaurus docs dropped into the handbook under tools/: their absolute links were
    // written from the old docs root, so `/reference/api/terms` now lives one folder down,
    // in a folder above the linking page: read from there (docs/format.md, "From a moved
    // site's top"). A file only elsewhere (an archive's copy) is not guessed: the hint
    // names it.
    let book = TestBook::fixture("docusaurus");
    book.write(
        "content/tools/reference/glossary.md",
        "---\ntitle: Tool glossary\n---\n\nTerms.\n",
    );
    book.write(
        "content/tools/tutorial/start.md",
        "---\ntitle: Start\n---\n\nSee the [terms](/reference/api/terms), [glossary](/reference/glossary) and [retired](/reference/api/retired).\n",
    );
    book.write(
        "content/tools/reference/api/terms.md",
        "---\ntitle: Terms\n---\n\nTerms of the API.\n",
    );
    // Another copy elsewhere, first in path order: the linking page's own tree wins.
    book.write(
        "content/archive/reference/api/terms.md",
        "---\ntitle: Old terms\n---\n\nOld.\n",
    );
    book.write(
        "content/archive/reference/api/retired.md",
        "---\ntitle: Retired\n---\n\nGone.\n",
    );
    let run = book.run(&["check"]);
    // `/reference/glossary` resolves to the site's own glossary, `/reference/api/terms` to
    // the moved docs' page; only the link to a page outside them breaks, and the hint names
    // the file, relative to the linking one.
    run.failure(1)
        .stderr_has("link to `/reference/api/retired`: no such file")
        .stderr_has("--> content/tools/tutorial/start.md:5:")
        .stderr_has("did you mean `../../archive/reference/api/retired.md`?")
        .stderr_lacks("/reference/api/terms`")
        .stderr_lacks("/reference/glossary`: no such file");
    book.edit(
        "content/tools/tutorial/start.md",
        " and [retired](/reference/api/retired)",
        "",
    );
    book.build().success().stderr_lacks("broken-link");
    let start = book.html("tools/tutorial/start.html");
    assert_eq!(
        href_of(&start, "terms"),
        "../../tools/reference/api/terms.html"
    );
    // The fixture's glossary, published at its `slug`.
    assert_eq!(href_of(&start, "glossary"), "../../reference/terms.html");
}

#[test]
fn sphinx_myst_pages_keep_their_title_and_name_their_roles() {
    // pip's documentation, as Debian ships it: a MyST target above the title, a role in
    // the text, a directive fence.
    let book = TestBook::fixture("docusaurus");
    book.write(
        "content/reference/https-certificates.md",
        "(SSL Certificate Verification)=\n\n# HTTPS Certificates\n\n```{versionadded} 1.3\n\n```\n\nUses a bundled CA store from {pypi}`certifi`.\n",
    );
    let run = book.build();
    run.success()
        .stderr_has(
            "warning[template-leftover]: `{pypi}` is template syntax from another generator",
        )
        .stderr_has("--> content/reference/https-certificates.md:9:30");
    let page = book.html("reference/https-certificates.html");
    assert_eq!(texts(&page, "main h1"), ["HTTPS Certificates"]);
    let html = page.root_element().html();
    assert!(!html.contains("SSL Certificate Verification"), "{html}");
}

/// A Sphinx project's MyST pages, shaped like pip's documentation: admonitions (a fence,
/// ```` ```{note} ````, or a colon fence, `:::{note}`) are drawn as callouts and the
/// common roles (`{ref}`, `{pep}`, `{file}`) as links and code; every other MyST directive
/// is one warning at its fence naming it, a project's own role one warning; a plain
/// ```` ```python ```` fence and directives quoted in code are neither.
#[test]
fn sphinx_myst_admonitions_and_roles_are_drawn_and_other_directives_named() {
    let book = TestBook::fixture("sphinx-myst");
    let run = book.run(&["check", "--format", "json"]);
    run.success();
    // The project's reStructuredText pages are one note for their folder; conf.py and the
    // Makefile are build files, published nowhere (below).
    let (notes, leftovers): (Vec<&str>, Vec<&str>) = run
        .stdout
        .lines()
        .partition(|l| l.contains("\"skipped-file\""));
    assert_eq!(notes.len(), 1, "{notes:?}");
    let note: Value = serde_json::from_str(notes[0]).unwrap();
    assert_eq!(note["file"], "content/topics");
    assert!(
        note["message"]
            .as_str()
            .unwrap()
            .starts_with("skipped: 2 reStructuredText files in this folder"),
        "{note}"
    );
    let found: Vec<(String, u64, u64, String)> = leftovers
        .into_iter()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            (
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
                v["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = |file: &str, line, column, message: &str| {
        (format!("content/{file}"), line, column, message.to_string())
    };
    let role = "is template syntax from another generator, which orgbook does not run";
    // What is wrong in the part of the repository's CONTRIBUTING.md that a page includes
    // is reported in that file, at its line.
    assert_eq!(
        found,
        [
            (
                "CONTRIBUTING.md".to_string(),
                5,
                16,
                format!("`{{pypi}}` {role}")
            ),
            want(
                "topics/https-certificates.md",
                14,
                64,
                &format!("`{{pypi}}` {role}")
            ),
        ]
    );
    book.build().success();
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
    let page = book.html("topics/https-certificates.html");
    assert_eq!(texts(&page, "main h1"), ["HTTPS Certificates"]);
    // `{code-block} python` is highlighted as Python, like the plain fence of another page.
    let keywords = texts(&page, "pre.hl code.language-python .hl-keyword");
    assert!(keywords.contains(&"import".to_string()), "{keywords:?}");
    // Its options are not code.
    let python = texts(&page, "pre.hl code.language-python");
    assert!(python[0].starts_with("import ssl"), "{python:?}");
    let start = book.html("getting-started.html");
    let keywords = texts(&start, "pre.hl code.language-python .hl-keyword");
    assert!(keywords.contains(&"import".to_string()), "{keywords:?}");
    // The include shows the text between its markers, the literal include the lines from
    // `def main` on, as Python.
    let prose = texts(&start, "main p").concat();
    assert!(
        prose.contains("Pull requests are welcome.") && !prose.contains("Maintainers"),
        "{prose}"
    );
    let python = texts(&start, "pre.hl code.language-python");
    assert!(
        python
            .iter()
            .any(|c| c.starts_with("def main(): context = ssl") && !c.contains("import")),
        "{python:?}"
    );
    // Sphinx keeps the images its pages show in `_static/`: a linked one is published,
    // the theme's stylesheet and `_templates/` (linked by no page) are not.
    let images: Vec<&str> = start
        .select(&sel("main img"))
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert_eq!(images, ["_static/resolver.svg"]);
    let published = crate::harness::files_under(&book.out());
    assert!(published.contains("_static/resolver.svg"), "{published:?}");
    assert!(
        !published.iter().any(|f| f.contains("custom.css")
            || f.contains("_templates")
            || f.ends_with(".rst")
            || f.contains("conf.py")
            || f.contains("Makefile")),
        "{published:?}"
    );
    // A `{glossary}` is a definition list whose terms are anchors, reached by `{term}`
    // in any case; a term no glossary defines stays text.
    let glossary = book.html("glossary.html");
    assert_eq!(
        texts(&glossary, "main .prose dl > dt"),
        ["Requirement specifier", "Wheel Built distribution"]
    );
    let ids: Vec<&str> = glossary
        .select(&sel("main .prose dl > dt > span[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "term-requirement-specifier",
            "term-wheel",
            "term-built-distribution"
        ]
    );
    let definitions = texts(&glossary, "main .prose dl > dd");
    assert_eq!(definitions.len(), 2, "{definitions:?}");
    assert!(
        definitions[1].starts_with("A ready-to-install archive")
            && definitions[1].contains("See also How pip picks one"),
        "{definitions:?}"
    );
    assert_eq!(
        links_with_text(&glossary, "main .prose dd a")
            .into_iter()
            .filter(|(h, _)| h.contains("term-"))
            .collect::<Vec<_>>(),
        [(
            "#term-requirement-specifier".to_string(),
            "requirement specifier".to_string()
        )]
    );
    assert_eq!(
        links_with_text(&start, "main .prose a")
            .into_iter()
            .filter(|(h, _)| h.contains("term-"))
            .collect::<Vec<_>>(),
        [
            ("glossary.html#term-wheel".to_string(), "wheel".to_string()),
            (
                "glossary.html#term-requirement-specifier".to_string(),
                "specifiers".to_string()
            )
        ]
    );
    // An admonition inside a list item is its title in bold above its text; a margin
    // note is a note in line.
    let steps = texts(&start, "main .prose ol li p");
    assert!(
        steps.contains(
            &"Warning On a system Python, upgrade inside a virtual environment instead."
                .to_string()
        ),
        "{steps:?}"
    );
    assert_eq!(texts(&start, "main .prose ol li p strong"), ["Warning"]);
    assert_eq!(
        texts(&start, "blockquote.markdown-alert-note > p"),
        [
            "Why a margin note?",
            "Sphinx themes draw it beside the text; here it is a note in line."
        ]
    );
    // Admonitions, as a fence or a colon fence, are callouts whose body is Markdown.
    let index = book.html("index.html");
    assert_eq!(
        texts(&index, "blockquote.markdown-alert-note > p"),
        ["Note", "This documentation is built with Sphinx and MyST."]
    );
    // An empty `{versionadded} 1.3` says what Sphinx says, as a line of its own.
    assert_eq!(
        texts(&page, "main .doc-body p em"),
        ["Added in version 1.3."]
    );
    let note = texts(&page, "blockquote.markdown-alert-note > p");
    assert_eq!(
        note,
        ["Note", "The --cert option takes a path to a PEM bundle."]
    );
    assert_eq!(
        texts(&page, "blockquote.markdown-alert-note code"),
        ["--cert"]
    );
    // Roles: `{ref}` links to the heading its label names (on another page), `{pep}` to
    // the proposal; `{option}` and `{file}` are code; none leaves its `{name}` behind.
    let links: Vec<(String, String)> = start
        .select(&sel("main p a"))
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_string(),
                a.text().collect(),
            )
        })
        .collect();
    for want in [
        (
            "topics/https-certificates.html#https-certificates",
            "HTTPS Certificates",
        ),
        ("https://peps.python.org/pep-0668/", "PEP 668"),
    ] {
        assert!(
            links.contains(&(want.0.to_string(), want.1.to_string())),
            "{want:?} in {links:?}"
        );
    }
    let codes = texts(&start, "main p code");
    assert!(
        codes.contains(&"--break-system-packages".to_string()),
        "{codes:?}"
    );
    assert!(codes.contains(&"pip.conf".to_string()), "{codes:?}");
    let text: String = start.select(&sel("main")).flat_map(|m| m.text()).collect();
    for gone in ["{ref}", "{pep}", "{option}", "{file}", "```"] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    // A toctree is the list of its pages under its caption (a hidden one is nothing),
    // titled as written or by the page; its options are not entries.
    assert_eq!(texts(&index, "main p strong"), ["Topics", "Reference"]);
    let entries: Vec<(String, String)> = index
        .select(&sel("main .prose > ul a"))
        .map(|a| {
            (
                a.value().attr("href").unwrap_or("").to_string(),
                a.text().collect(),
            )
        })
        .collect();
    assert_eq!(
        entries,
        [
            (
                "topics/https-certificates.html".to_string(),
                "Certificates".to_string()
            ),
            (
                "getting-started.html".to_string(),
                "Getting Started".to_string()
            ),
            // Sphinx's generated pages: orgbook's index of every page, and its search.
            ("handbook.html".to_string(), "Index".to_string()),
            ("search.html".to_string(), "Search".to_string()),
        ]
    );
    assert_eq!(
        links_with_text(&index, "main .prose > p a")
            .into_iter()
            .filter(|(_, text)| text == "Full Index")
            .collect::<Vec<_>>(),
        [("handbook.html".to_string(), "Full Index".to_string())]
    );
    // The directives quoted in code stay as written.
    let code = texts(&page, "pre code");
    assert!(
        code.iter().any(|c| c.starts_with("```{note} Indented")),
        "{code:?}"
    );
    assert!(
        code.iter().any(|c| c.starts_with("```{toctree} Inside")),
        "{code:?}"
    );
}

fn error(code: &str, file: &str, line: u64) -> (String, String, String, u64) {
    ("error".into(), code.into(), file.into(), line)
}

/// A Jekyll "Just the Docs" site with its MADR decisions in `docs/decisions/`, shaped like
/// JabRef's developer documentation, copied in as `content/`: the records are MADR's, so
/// each is one error that says how to convert it (not one per missing and extra key), the
/// theme's navigation keys (`parent`, `grand_parent`, `has_children`, `layout`,
/// `nav_exclude`) are accepted without warnings, and the conversion the error names works:
/// after it, the one link whose record was renamed gets a hint naming the record by its number.
#[test]
fn a_jekyll_site_with_madr_records_in_its_decisions_folder_moves_in_as_the_errors_say() {
    let book = TestBook::fixture("jekyll-madr");
    let leftover = |line| {
        warning(
            "template-leftover",
            "content/getting-into-the-code/guidelines-for-setting-up-a-local-workspace/intellij-12-build.md",
            line,
        )
    };
    assert_eq!(
        diagnostics(&book, &[]),
        [
            error(
                "foreign-decision-record",
                "content/decisions/0000-use-markdown-architectural-decision-records.md",
                2
            ),
            error(
                "foreign-decision-record",
                "content/decisions/0007-human-readable-changelog.md",
                1
            ),
            error(
                "foreign-decision-record",
                "content/decisions/0023-localized-preferences.md",
                2
            ),
            error(
                "foreign-decision-record",
                "content/decisions/0044-use-picocli-for-jabkit.md",
                2
            ),
            error(
                "foreign-decision-record",
                "content/decisions/adr-template.md",
                2
            ),
            error("reserved-path", "content/decisions/index.md", 1),
            leftover(16),
            leftover(18),
        ]
    );
    let run = book.build();
    run.failure(1)
        .stderr_has("this is a decision record written for MADR, not for orgbook")
        .stderr_has("this is a decision record written for adr-tools, not for orgbook")
        .stderr_has("`git mv content/decisions adr && orgbook import adr adr`")
        .stderr_has("rename this page to README.md");

    // Converting in place would write each record beside its source: refused, saying how.
    book.run(&["new", "team", "jabref-core"]).success();
    book.run(&["import", "adr", "content/decisions"])
        .failure(2)
        .stderr_has("is inside the handbook's own decisions folder")
        .stderr_has("git mv content/decisions adr && orgbook import adr adr");
    // Convert as the error says: the folder out of content/, then import.
    std::fs::rename(
        book.root().join("content/decisions"),
        book.root().join("adr"),
    )
    .unwrap();
    book.run(&["import", "adr", "adr"]).success();
    // The import names records after their titles: the two links to records whose file
    // name said something else are broken, each with a hint naming the record by number.
    // (`decisions/index.md`, gone with the folder, is the decisions list orgbook writes.)
    let hint = book.build();
    hint.failure(1)
        .stderr_has("Build failed: 2 errors")
        .stderr_has("link to `../../decisions/0044-use-picocli-for-jabkit.md`: no such file")
        .stderr_has(
            "did you mean `../../decisions/0044-use-picocli-instead-of-apache-commons-cli.md`?",
        )
        .stderr_has("did you mean `../../decisions/0007-provide-a-human-readable-changelog.md`?");
    let page = "content/getting-into-the-code/guidelines-for-setting-up-a-local-workspace/intellij-12-build.md";
    book.edit(
        page,
        "0044-use-picocli-for-jabkit.md",
        "0044-use-picocli-instead-of-apache-commons-cli.md",
    )
    .edit(
        page,
        "0007-human-readable-changelog.md",
        "0007-provide-a-human-readable-changelog.md",
    );
    book.build().success();
    let home = hrefs(&book.html("index.html"), "main a");
    assert!(
        home.contains(&"decisions/index.html".to_string()),
        "{home:?}"
    );
    let links = check_all_links(&book.out(), &["404.html"]);
    assert!(links > 50, "only {links} links followed");
    let howto = hrefs(&book.html("code-howtos/index.html"), "main a");
    assert!(
        howto.contains(&"../decisions/0023-localized-preferences.html".to_string()),
        "{howto:?}"
    );
    // kramdown attribute lists (a callout's `{: .note }`, `* TOC` + `{:toc}`) show nothing,
    // as in Jekyll; the paragraphs they styled stay.
    let build = book.html(
        "getting-into-the-code/guidelines-for-setting-up-a-local-workspace/intellij-12-build.html",
    );
    let main = texts(&build, "main").join(" ");
    assert!(!main.contains("{:"), "{main}");
    assert!(
        texts(&build, "main li").iter().all(|t| t != "TOC"),
        "{main}"
    );
    assert!(
        main.contains("Ensuring JabRef builds with Gradle"),
        "{main}"
    );
    // Just the Docs callouts (`{: .note }`, `{: .important }`) style the block after them.
    assert_eq!(
        texts(&build, "main blockquote.markdown-alert-note > p"),
        [
            "Note",
            "Ensuring JabRef builds with Gradle should always the first step because, e.g. it generates additional sources that are required for compiling the code."
        ]
    );
    let workspace =
        book.html("getting-into-the-code/guidelines-for-setting-up-a-local-workspace/index.html");
    assert_eq!(
        texts(
            &workspace,
            "main blockquote.markdown-alert-important > p:first-child"
        ),
        ["Important"]
    );
    assert_eq!(texts(&workspace, "main blockquote").len(), 1);
    let adr = book.html("decisions/0007-provide-a-human-readable-changelog.html");
    assert_eq!(
        texts(&adr, "main h1"),
        ["Provide a human-readable changelog"]
    );
}

/// Hugo and Docusaurus sites keep images in `static/` and link them from the site's root
/// (`/img/logo.png`); orgbook copies `static/` to the site's root too, so such a link (or a
/// relative one to the same place) is a link to that file, not a broken one.
#[test]
fn links_to_files_in_static_reach_them() {
    let book = TestBook::fixture("docusaurus");
    book.write(
        "static/img/architecture.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    book.write(
        "content/tutorial/overview.md",
        "# Overview\n\n![Architecture](/img/architecture.svg)\n\nThe [same diagram](../img/architecture.svg#top) and [a missing one](/img/missing.svg).\n",
    );
    book.build()
        .failure(1)
        .stderr_has("link to `/img/missing.svg`: no such file")
        .stderr_lacks("architecture.svg`: no such file");
    book.edit(
        "content/tutorial/overview.md",
        " and [a missing one](/img/missing.svg)",
        "",
    );
    book.build().success();
    let page = book.html("tutorial/overview.html");
    let images: Vec<&str> = page
        .select(&sel("main img"))
        .filter_map(|e| e.value().attr("src"))
        .collect();
    assert_eq!(images, ["../img/architecture.svg"]);
    assert!(
        hrefs(&page, "main a").contains(&"../img/architecture.svg#top".to_string()),
        "{:?}",
        hrefs(&page, "main a")
    );
    assert!(book.out().join("img/architecture.svg").is_file());
    check_all_links(&book.out(), &["404.html"]);
}

/// A repository of teams moved in whole brings its data files: people's records with their
/// e-mail addresses, ownership files, a catalog. They are published only where a page
/// offers them; a linked one is published and its link works.
#[test]
fn data_files_are_published_only_where_a_page_links_them() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/people/jane-doe.toml",
        "name = \"Jane Doe\"\nemail = \"jane@example.org\"\n",
    );
    book.write("content/teams/OWNERS", "approvers:\n  - jdoe\n");
    book.write(
        "content/catalog-info.yaml",
        "apiVersion: backstage.io/v1alpha1\nkind: Group\n",
    );
    book.write("content/api/openapi.json", "{\"openapi\": \"3.1.0\"}\n");
    book.write("content/api/rate-card.CSV", "tier,price\nfree,0\n");
    book.write(
        "content/api/reference.md",
        "# API reference\n\nThe [OpenAPI description](openapi.json) and the <a href=\"rate-card.CSV\">rate card</a>.\n",
    );
    book.build().success();
    let published = crate::harness::files_under(&book.out());
    assert!(published.contains("api/openapi.json"), "{published:?}");
    assert!(published.contains("api/rate-card.CSV"), "{published:?}");
    assert!(
        !published
            .iter()
            .any(|f| f.contains("jane-doe") || f.ends_with("OWNERS") || f.contains("catalog-info")),
        "{published:?}"
    );
    let page = book.html("api/reference.html");
    let links = hrefs(&page, "main a");
    assert!(
        links.iter().any(|l| l.ends_with("api/openapi.json"))
            && links.iter().any(|l| l.ends_with("api/rate-card.CSV")),
        "{links:?}"
    );
    check_all_links(&book.out(), &["404.html"]);
}

/// A missing image is not a missing page: the hint says to add the file, not to link a
/// Markdown source.
#[test]
fn a_missing_image_gets_a_hint_about_the_file_not_about_markdown_sources() {
    let book = TestBook::fixture("jekyll");
    book.write(
        "content/guides/screens.md",
        "# Screens\n\n![The settings dialog](settings-dialog.png)\n\nSee [setup](setup.md).\n",
    );
    book.build()
        .failure(1)
        .stderr_has("link to `settings-dialog.png`: no such file")
        .stderr_has("help: put the file at that path (images and attachments under content/ are published as they are)")
        .stderr_lacks("link to the Markdown source file");
}

/// A Hugo docs site (the "Book" theme's keys, `_index.md` sections): cross-references
/// written as `{{< ref "…" >}}` / `{{< relref "…" >}}` / `{{% ref %}}` link destinations
/// resolve like any link (relative, absolute, to a folder, with an anchor); other
/// shortcodes are reported leftovers; a shortcode quoted in code is left alone.
#[test]
fn hugo_cross_references_resolve_and_other_shortcodes_are_reported() {
    // Callout shortcodes (Book's `hint`, Docsy's `alert`, `details`) are drawn; another
    // shortcode is one warning at its line.
    let book = builds_with(
        "hugo",
        &[warning(
            "template-leftover",
            "content/docs/operations/on-call.md",
            33,
        )],
    );
    let start = book.html("docs/getting-started/index.html");
    assert_eq!(
        texts(&start, "main blockquote.markdown-alert-note > p"),
        ["Note", "New here? Ask in #eng-onboarding."]
    );
    // Hugo's built-in `figure` is the image with its caption; `highlight` a code block.
    let images: Vec<(&str, &str)> = start
        .select(&sel("main .prose p > img"))
        .map(|i| {
            (
                i.value().attr("src").unwrap(),
                i.value().attr("alt").unwrap(),
            )
        })
        .collect();
    assert_eq!(
        images,
        [(
            "../../docs/getting-started/laptop-setup.png",
            "The setup screen"
        )]
    );
    assert_eq!(
        texts(&start, "main .prose p > img + em"),
        ["What you should see after the first login"]
    );
    assert_eq!(
        texts(&start, "main pre code.language-bash"),
        ["which git gh gh auth status"]
    );
    // The hugo-book theme's `{{< mermaid >}}` shortcode is a diagram, its `{{CI checks}}`
    // hexagon no template syntax.
    assert_eq!(
        start.select(&sel("main figure.diagram > svg")).count(),
        1,
        "{}",
        book.output_file("docs/getting-started/index.html")
    );
    let drawn = texts(&start, "main figure.diagram").concat();
    assert!(
        drawn.contains("CI checks") && drawn.contains("Production"),
        "{drawn}"
    );
    let call = book.html("docs/operations/on-call.html");
    assert_eq!(
        texts(&call, "main blockquote.markdown-alert-warning > p"),
        [
            "Before you page",
            "Check the getting started guide first.",
            "Then page the secondary."
        ]
    );
    assert_eq!(
        hrefs(&call, "main blockquote a"),
        ["../../docs/getting-started/index.html"]
    );
    assert_eq!(
        texts(&call, "main details.markdown-alert > summary"),
        ["Escalation ladder"]
    );
    assert_eq!(
        texts(&call, "main .prose details.markdown-alert li").len(),
        2
    );
    assert!(
        texts(&call, "main pre code")
            .concat()
            .contains("{{< hint danger >}}")
    );
    // Tabs: each tab's content under its label in bold, the shortcodes gone.
    assert_eq!(texts(&call, "main .prose p > strong"), ["macOS", "Linux"]);
    // Hugo's Markdown (Goldmark) reads definition lists: `Term` then `: Definition`.
    assert_eq!(texts(&call, "main .prose dl dt"), ["Primary", "Secondary"]);
    assert_eq!(
        texts(&call, "main .prose dl dd"),
        [
            "The engineer paged first, for one week at a time.",
            "The engineer paged when the primary does not acknowledge in 10 minutes.",
            "Also the reviewer of the week's incidents."
        ]
    );
    let prose = texts(&call, "main .prose").concat();
    assert!(prose.contains("brew install pager") && prose.contains("apt install pager"));
    assert!(!prose.contains("tab "), "{prose}");
    let home = hrefs(&book.html("index.html"), "main .prose a");
    assert_eq!(
        home,
        [
            "docs/getting-started/index.html",
            "docs/operations/on-call.html"
        ]
    );
    let ops = hrefs(&book.html("docs/operations/index.html"), "main .prose a");
    assert_eq!(ops, ["../../docs/operations/on-call.html#paging"]);
    let docs = hrefs(&book.html("docs/index.html"), "main .prose a");
    assert_eq!(docs, ["../docs/operations/index.html"]);
    let on_call = book.html("docs/operations/on-call.html");
    assert_eq!(
        hrefs(&on_call, "main .prose a"),
        // The headings' own anchors and the cross-references, in order.
        [
            "#paging",
            "../../docs/getting-started/index.html",
            "../../docs/getting-started/index.html",
            "#installing-the-pager",
            "#terms"
        ]
    );
    assert!(
        texts(&on_call, "main pre code")
            .concat()
            .contains("{{< ref \"kept-in-code.md\" >}}")
    );
}

/// MkDocs pages: admonitions are drawn as callouts around their whole indented body —
/// paragraphs, lists, code, nested admonitions — `???` ones as `<details>` and content
/// tabs as sections; a link inside one is reported
/// at its own line and column; snippet includes are reported at their line with what to
/// write instead; `[TOC]` goes (orgbook draws its own); quoted in code, nothing is
/// reported.
#[test]
fn mkdocs_admonitions_are_drawn_around_their_blocks_and_toc_markers_removed() {
    let book = TestBook::fixture("mkdocs");
    let run = book.run(&["check", "--format", "json"]);
    let found: Vec<(String, String, u64, u64)> = run
        .stdout
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            (
                v["code"].as_str().unwrap().to_string(),
                v["file"].as_str().unwrap().to_string(),
                v["line"].as_u64().unwrap(),
                v["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let at = |code: &str, line, column| {
        (
            code.to_string(),
            "content/runbooks/deploy.md".to_string(),
            line,
            column,
        )
    };
    // The broken link inside the admonition's body: its exact line and column.
    // An mkdocstrings block is reported at its line (and not shown: below).
    // The snippet on line 8 is included (the lines it adds do not move the positions
    // of what follows). The home page's two links to anchors the API blocks would make
    // are one warning, on the page with the blocks.
    assert_eq!(
        found,
        [
            at("missing-anchor", 0, 0),
            at("broken-link", 16, 15),
            at("template-leftover", 50, 1)
        ]
    );
    assert!(
        run.stdout.contains("2 links from 1 file point at anchors this page's mkdocstrings (or mkdocs-click) blocks would make"),
        "{}",
        run.stdout
    );
    book.write("content/runbooks/checklist.md", "# Release checklist\n");
    book.build()
        .success()
        // Two in the file: one warning, at the first, that counts them.
        .stderr_has("`::: acme.deploy.client` is the first of 2 mkdocstrings (or mkdocs-click) blocks in this file")
        .stderr_lacks("snippet")
        .stderr_lacks("is a MkDocs admonition");
    let home = book.html("index.html");
    assert_eq!(
        texts(&home, "main blockquote.markdown-alert-note > p"),
        ["Who owns this", "The platform team owns these pages."]
    );
    let prose = texts(&home, "main .prose").concat();
    assert!(
        !prose.contains("[TOC]") && !prose.contains("!!!"),
        "{prose}"
    );
    let deploy = book.html("runbooks/deploy.html");
    // The abbreviations mkdocs.yml appends to every page (`auto_append`) are not text;
    // their uses are `<abbr>`s, in the included support snippet too.
    let abbrs: Vec<(String, String)> = deploy
        .select(&sel("main abbr"))
        .map(|a| {
            (
                a.text().collect(),
                a.value().attr("title").unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        abbrs,
        [
            ("SLO".to_string(), "Service level objective".to_string()),
            ("SLO".to_string(), "Service level objective".to_string()),
            (
                "CI".to_string(),
                "Continuous integration, the pipeline that runs on every merge".to_string()
            )
        ]
    );
    // The link references appended from `docs/.snippets` (its `base_path`, the docs
    // folder now `content/`) make the page's `[deploy tool][]` a link.
    let links = links_with_text(&deploy, "main .prose p a");
    for (href, text) in [
        ("https://deploy.example.com/docs/", "deploy tool"),
        ("https://status.example.com", "status page"),
    ] {
        assert!(
            links.contains(&(href.to_string(), text.to_string())),
            "{links:?}"
        );
    }
    assert!(
        texts(&deploy, "main .prose p")
            .concat()
            .contains("Questions about deploying? Ask in #platform-support"),
        "{:?}",
        texts(&deploy, "main .prose p")
    );
    let shown = texts(&deploy, "main").concat();
    assert!(
        !shown.contains("*[SLO]") && !shown.contains("8<"),
        "{shown}"
    );
    assert!(
        shown.contains("documented from its code:")
            && !shown.contains("acme.deploy")
            && !shown.contains("rollback")
            && !shown.contains("show_source"),
        "{shown}"
    );
    assert_eq!(
        texts(&deploy, "main blockquote.markdown-alert-warning > p"),
        ["Warning", "Never deploy on Fridays."]
    );
    assert_eq!(
        texts(&deploy, "main blockquote.markdown-alert-tip > p"),
        [
            "Roll back first",
            "If in doubt, roll back.",
            "Then find the cause."
        ]
    );
    // A paragraph, a list and a shell block, all in the callout.
    let danger = "main blockquote.markdown-alert-caution";
    assert_eq!(
        texts(&deploy, &format!("{danger} > p:first-child")),
        ["Before you deploy"]
    );
    assert_eq!(
        texts(&deploy, &format!("{danger} > ul > li")),
        ["the build is green,", "the on-call engineer knows."]
    );
    assert_eq!(
        texts(&deploy, &format!("{danger} > pre > code.language-shell")),
        ["make deploy ENV=production"]
    );
    assert_eq!(
        hrefs(&deploy, &format!("{danger} a")),
        ["../runbooks/checklist.html"]
    );
    // The collapsed one: a <details> titled by its summary, closed.
    let details: Vec<_> = deploy.select(&sel("main details.markdown-alert")).collect();
    assert_eq!(details.len(), 1);
    assert_eq!(details[0].value().attr("open"), None);
    assert_eq!(
        texts(&deploy, "main details.markdown-alert-note > summary"),
        ["Why not on Fridays?"]
    );
    assert_eq!(
        texts(&deploy, "main details.markdown-alert-note > p").len(),
        2
    );
    // Content tabs: a section each, an admonition nested in one.
    assert_eq!(
        texts(&deploy, "main section.content-tab > p.content-tab-title"),
        ["Linux", "macOS"]
    );
    assert_eq!(
        texts(
            &deploy,
            "main section.content-tab > blockquote.markdown-alert-note > p"
        ),
        ["Note", "Install brew first."]
    );
    // No body reaches a code block, no list markup or invisible line reaches the page.
    let pre = texts(&deploy, "main pre").concat();
    for body in [
        "If in doubt",
        "release checklist",
        "build is green",
        "Fewer people",
    ] {
        assert!(!pre.contains(body), "{body} in {pre}");
    }
    assert_eq!(texts(&deploy, "main .prose > ul").len(), 0);
    for page in ["index.html", "runbooks/deploy.html"] {
        let html = book.output_file(page);
        assert!(
            !html.contains(['\u{200B}', '\u{200C}', '\u{200D}']) && !html.contains("&zw"),
            "{page}"
        );
    }
    // Quoted in code, it stays as written.
    assert!(pre.contains("!!! note \"in code\""), "{pre}");
    // mkdocs.yml's `nav:` orders the pages it lists (not by title: "Set up" before
    // "Access", "Incident" before "Deploy"); the page it does not list comes after them.
    // (The home page is not in the reading order; the first page is.)
    let mut order = vec!["getting-started/setup.html".to_string()];
    while order.len() < 10 {
        let page = book.html(order.last().unwrap());
        let Some(next) = hrefs(&page, ".prev-next a[rel=next]").pop() else {
            break;
        };
        let depth = order.last().unwrap().matches('/').count();
        let next = next.trim_start_matches(&"../".repeat(depth)).to_string();
        order.push(next);
    }
    assert_eq!(
        order,
        [
            "getting-started/setup.html",
            "getting-started/access.html",
            "runbooks/incident.html",
            "runbooks/deploy.html",
            "runbooks/rollback.html",
            "runbooks/checklist.html",
        ]
    );
}

/// An Azure DevOps wiki's repository cloned into `content/`: each folder's `.order` lists
/// its pages in the wiki's order; a page with sub-pages (`Getting-Started.md`) sits beside
/// the folder holding them; file names write spaces as `-` and escape the rest (`Git%2DFlow`,
/// `FAQ%3A-…`); links name pages from the wiki's root without `.md`; images live in
/// `.attachments/`; `[[_TOC_]]` / `[[_TOSP_]]` ask for contents, `::: mermaid` draws, and
/// `@<Name>` mentions someone. It builds as it is, in the wiki's order.
#[test]
fn an_azure_devops_wiki_builds_in_its_order_with_pages_over_their_folders() {
    let book = builds_with("azure-devops-wiki", &[]);
    let home = book.html("Home.html");
    let raw = book.output_file("Home.html");
    assert!(!raw.contains("_TOC_") && !raw.contains("_TOSP_"));
    assert_eq!(home.select(&sel("main figure.diagram > svg")).count(), 1);
    let prose = texts(&home, "main .prose p").concat();
    assert!(
        prose.contains("@Priya Raman") && prose.contains("@6A5B2C1D-0E9F-4A3B-8C7D-1E2F3A4B5C6D"),
        "mentions keep their names: {prose}"
    );
    // Links from the wiki's root, without `.md`; the attachment a page shows is published,
    // the one nothing links to is not.
    let links = hrefs(&home, "main .prose a");
    for want in ["Getting-Started.html", "Team-Handbooks.html"] {
        assert!(links.contains(&want.to_string()), "{want} in {links:?}");
    }
    assert_eq!(
        home.select(&sel("main .prose img"))
            .filter_map(|i| i.value().attr("src"))
            .collect::<Vec<_>>(),
        [".attachments/architecture-8c2e41f0.png"]
    );
    assert!(
        book.out()
            .join(".attachments/architecture-8c2e41f0.png")
            .is_file()
    );
    assert!(!book.out().join(".attachments/unused-3f1a.png").exists());
    let start = book.html("Getting-Started.html");
    assert!(
        hrefs(&start, "main .prose a").contains(&"Getting-Started/git-2dflow.html".to_string()),
        "{:?}",
        hrefs(&start, "main .prose a")
    );
    // Titles from the file names: dashes are spaces, escapes what they stand for.
    assert_eq!(
        texts(&book.html("Getting-Started/git-2dflow.html"), "main h1"),
        ["Git-Flow"]
    );
    assert_eq!(
        texts(&book.html("faq-3a-access-and-accounts.html"), "main h1"),
        ["FAQ: Access and Accounts"]
    );
    // A page stands for the folder beside it: its sub-pages' breadcrumbs pass through it.
    let runbooks = book.html("Team-Handbooks/Platform-Team/Runbooks.html");
    assert_eq!(
        texts(&runbooks, "nav.breadcrumbs a"),
        ["Home", "Handbook", "Team Handbooks", "Platform Team"]
    );
    assert_eq!(
        hrefs(&runbooks, "nav.breadcrumbs a")[2..],
        [
            "../../Team-Handbooks.html",
            "../../Team-Handbooks/Platform-Team.html"
        ]
    );
    // The `.order` files are the reading order, each page followed by its sub-pages.
    let mut order = vec!["Home.html".to_string()];
    while order.len() < 12 {
        let page = book.html(order.last().unwrap());
        let Some(next) = hrefs(&page, ".prev-next a[rel=next]").pop() else {
            break;
        };
        let depth = order.last().unwrap().matches('/').count();
        order.push(next.trim_start_matches(&"../".repeat(depth)).to_string());
    }
    assert_eq!(
        order,
        [
            "Home.html",
            "Getting-Started.html",
            "Getting-Started/Dev-Setup.html",
            "Getting-Started/git-2dflow.html",
            "Team-Handbooks.html",
            "Team-Handbooks/Platform-Team.html",
            "Team-Handbooks/Platform-Team/Runbooks.html",
            "faq-3a-access-and-accounts.html",
        ]
    );
}

/// A GitHub wiki cloned into `content/` (`git clone …/repo.wiki.git content`): pages named
/// `Release-Process.md`, linked as `[[Release Process]]`, `[[Text|Page-Name]]` (GitHub's
/// order) or `[[Page|text]]` (Obsidian's), with `#Heading`s and `![[image.png]]` embeds
/// found in any folder; `_Sidebar.md` and `_Footer.md` are navigation, not pages.
#[test]
fn a_github_wiki_links_its_pages_by_name() {
    let book = builds_with(
        "github-wiki",
        &[
            // A page not written yet: a warning, shown as its text.
            warning("broken-link", "content/Release-Process.md", 5),
            (
                "finding".into(),
                "skipped-file".into(),
                "content/_Footer.md".into(),
                0,
            ),
            (
                "finding".into(),
                "skipped-file".into(),
                "content/_Sidebar.md".into(),
                0,
            ),
        ],
    );
    let home = book.html("Home.html");
    let links = links_with_text(&home, "main .prose a");
    let want = |href: &str, text: &str| (href.to_string(), text.to_string());
    assert_eq!(
        links,
        [
            want("On-call.html", "On-call"),
            want("On-call-Rotations.html", "who is on call"),
            want("Release-Process.html", "Release Process"),
            want("Hiring-Process.html", "How we hire"),
        ]
    );
    let images: Vec<&str> = home
        .select(&sel("main img"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(images, ["images/org-chart.png"]);
    let on_call = book.html("On-call.html");
    assert_eq!(
        hrefs(&on_call, "main .prose a"),
        ["Release-Process.html#rolling-back"]
    );
    let release = book.html("Release-Process.html");
    let prose = texts(&release, "main .prose p").concat();
    assert!(prose.contains("Run the rollback runbook."), "{prose}");
}

/// An Obsidian vault as `content/`: notes named with spaces, linked by name
/// (`[[Team Rituals/Weekly Planning|planning]]`, `[[Note#Heading]]`, an alias from the
/// front matter), callouts of Obsidian's own types and titles (`> [!faq]- Why?`), a note
/// embed (`![[Note]]`, a link here) and an attachment found in its folder; `.obsidian/`
/// is the app's settings, never published.
#[test]
fn an_obsidian_vault_links_notes_by_name_and_draws_its_callouts() {
    let book = builds_with(
        "obsidian",
        &[warning("broken-link", "content/Welcome.md", 20)],
    );
    let welcome = book.html("Welcome.html");
    let links = links_with_text(&welcome, "main .prose a");
    let want = |href: &str, text: &str| (href.to_string(), text.to_string());
    assert_eq!(
        links,
        [
            want("team-rituals/weekly-planning.html", "planning"),
            want(
                "on-call-handbook.html#escalation",
                "On-call Handbook > Escalation"
            ),
            want("architecture-overview.html", "Architecture Overview"),
            // `aliases: [Start here]` is a name of the page, not an old address.
            want("Welcome.html", "this page"),
        ]
    );
    assert_eq!(
        texts(
            &welcome,
            "main blockquote.markdown-alert-note > p:first-child"
        ),
        ["Who keeps this vault", "Why Obsidian?"]
    );
    let images: Vec<&str> = welcome
        .select(&sel("main img"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(images, ["Attachments/Platform%20map.png"]);
    let overview = book.html("architecture-overview.html");
    assert_eq!(
        texts(&overview, "main blockquote.markdown-alert-note > p"),
        ["A request's path", "Edge → gateway → service → database."]
    );
    let published = crate::harness::files_under(&book.out());
    assert!(
        !published
            .iter()
            .any(|f| f.contains(".obsidian") || f.contains("Start here")),
        "{published:?}"
    );
}

/// A Jupyter Book 2 (mystmd) project as `content/`: a figure, an equation and a code
/// block labelled by their options (`:label: fig:mountains`, `:name: code:myst-yml`), a
/// quote by a target line (`(tutorial-actions)=`); links to them by fragment, by page and
/// fragment, by `{numref}`, and an embed (`![](#tutorial-actions)`). Each lands on its
/// block, and a link without text shows its caption; a label in a code example labels
/// nothing.
#[test]
fn a_jupyter_book_links_to_its_labelled_figures_equations_and_code() {
    let book = builds_with(
        "jupyter-book",
        &[warning(
            "broken-link",
            "content/get-started/cross-reference.md",
            13,
        )],
    );
    let content = book.html("get-started/create-content.html");
    let ids: Vec<&str> = content
        .select(&sel("main .prose span[id]"))
        .filter_map(|e| e.value().attr("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "fig:mountains",
            "eq:book",
            "eq:growth",
            "eq:cost",
            "code:myst-yml"
        ]
    );
    // Each anchor sits right before the block it names; equations are drawn (MathML),
    // from a code fence and a colon fence alike, their options gone.
    let html = content.root_element().html();
    for (id, block) in [
        ("fig:mountains", "<p><img"),
        ("eq:book", "<math display=\"block\""),
        ("eq:growth", "<math display=\"block\""),
        ("eq:cost", "<p><math display=\"block\""),
        ("code:myst-yml", "<pre"),
    ] {
        let span = format!("<span id=\"{id}\"></span>");
        let after = &html[html.find(&span).unwrap() + span.len()..];
        assert!(after.trim_start().starts_with(block), "{id}: {after:.200}");
    }
    let want = |href: &str, text: &str| (href.to_string(), text.to_string());
    assert_eq!(
        links_with_text(&content, "main .prose p a"),
        [
            want("#fig:mountains", "The Alps from the lab's window."),
            want("#eq:book", "Equation"),
            want("#eq:growth", "Equation"),
            want("#eq:cost", "Equation"),
            want("../get-started/publish.html", "Publish"),
            want("#code:myst-yml", "The project's myst.yml"),
        ]
    );
    // The bare `align` paragraph and the labelled `$$` block are formulas too.
    assert_eq!(content.select(&sel("main .prose math")).count(), 6);
    assert_eq!(content.select(&sel("main .prose math mtable")).count(), 1);
    assert!(!html.contains("(eq:cost)"), "{html}");
    assert_eq!(
        content
            .select(&sel("main .prose p > math[display=inline]"))
            .count(),
        2,
        "the `{{math}}` role and `$t+1$`"
    );
    let equations = texts(&content, "main .prose math[display=block]").concat();
    assert!(!equations.contains("label"), "{equations}");
    let publish = book.html("get-started/publish.html");
    assert_eq!(
        links_with_text(&publish, "main .prose a"),
        [
            want(
                "../index.html#tutorial-actions",
                "🛠 Throughout the guide, whenever you are supposed to do…"
            ),
            want(
                "../get-started/create-content.html#code:myst-yml",
                "the previous step"
            ),
            want(
                "../get-started/create-content.html#fig:mountains",
                "The Alps from the lab's window."
            ),
            want("../get-started/create-content.html#eq:book", "Equation"),
        ]
    );
    // The embed is a link, not an image of a page.
    assert!(publish.select(&sel("main img")).next().is_none());
    // A colon-fenced `{code}` is a code block in its language, its options gone.
    assert_eq!(
        texts(&publish, "main pre code.language-bash"),
        ["jupyter book build --html"]
    );
    let home = book.html("index.html");
    assert_eq!(
        home.select(&sel("main span#tutorial-actions + blockquote"))
            .count(),
        1
    );
    // `fig:cat` and `fig:dog` appear only inside code examples.
    assert!(!html.contains("id=\"fig:cat\""), "{html}");
    assert!(!html.contains("id=\"fig:dog\""), "{html}");
    // `myst.yml` is the project's settings, not an attachment: published nowhere.
    let published = crate::harness::files_under(&book.out());
    assert!(published.contains("images/mountains.png"), "{published:?}");
    assert!(
        !published.iter().any(|f| f.contains("myst.yml")),
        "{published:?}"
    );
}

/// A Notion workspace exported as Markdown: every file and folder name ends with the
/// page's id (`On-call 9f8e….md`), links are percent-encoded paths, a database is a CSV
/// beside a folder of its rows. It builds as it is; the ids stay in the addresses (they
/// keep same-named pages apart) and are not shown in titles.
#[test]
fn a_notion_export_builds_and_its_ids_are_not_titles() {
    let book = builds_with("notion", &[]);
    let handbook = book.html("handbook.html");
    // A page beside the folder of its sub-pages (as Notion exports it) is that folder's
    // page: its "overview" in the handbook index, and in its sub-pages' breadcrumbs.
    let home = "engineering-handbook-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6.html";
    let sections = texts(&handbook, "main .sections a");
    assert_eq!(sections, ["Engineering Handbook", "overview"]);
    assert_eq!(hrefs(&handbook, "main .sections a")[1], home);
    let page = book.html(home);
    assert_eq!(texts(&page, "main h1"), ["Engineering Handbook"]);
    let links = hrefs(&page, "main .prose a");
    let dir = "engineering-handbook-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6";
    for want in [
        // Files keep their names (percent-encoded), pages get URL-safe ones.
        "Engineering%20Handbook%201a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6/Projects%205d6e7f8091a24b3c8d9e0f1a2b3c4d5e.csv".to_string(),
        format!("{dir}/projects-5d6e7f8091a24b3c8d9e0f1a2b3c4d5e/billing-v2-0f1e2d3c4b5a49687f6e5d4c3b2a1908.html"),
        format!("{dir}/on-call-9f8e7d6c5b4a43219f8e7d6c5b4a4321.html"),
    ] {
        assert!(links.contains(&want), "{want} in {links:?}");
    }
    // The sidebar and breadcrumbs of a page in a folder name the folder without its id.
    let row = book.html(&format!(
        "{dir}/projects-5d6e7f8091a24b3c8d9e0f1a2b3c4d5e/billing-v2-0f1e2d3c4b5a49687f6e5d4c3b2a1908.html"
    ));
    let crumbs = texts(&row, "nav.breadcrumbs a").concat();
    assert!(
        !crumbs.contains("5d6e7f80") && !crumbs.contains("1a2b3c4d"),
        "{crumbs}"
    );
    // The database's folder has no page (its CSV is not one): its listing in the
    // handbook index stands for it.
    assert_eq!(
        texts(&row, "nav.breadcrumbs a"),
        ["Home", "Handbook", "Engineering Handbook", "Projects"],
    );
    assert_eq!(hrefs(&row, "nav.breadcrumbs a")[2], format!("../../{home}"));
    assert!(
        hrefs(&row, "nav.breadcrumbs a")[3].starts_with("../../handbook-index/"),
        "{:?}",
        hrefs(&row, "nav.breadcrumbs a")
    );
}

/// Saves `text` at `rel` as an old Windows editor would: in Windows-1252.
fn write_windows_1252(book: &TestBook, rel: &str, text: &str) {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
    assert!(!unmappable, "{text}");
    std::fs::write(book.root().join(rel), bytes).unwrap();
}

/// The files beside the pages that an old editor saved in Windows-1252 (`mkdocs.yml`, a
/// snippet, a `_category_` file): each is read in that encoding with a warning at its first
/// accented letter, naming the encoding and the command that converts it, and the build
/// goes on: the nav still orders the pages, the snippet's text and the folder's label keep
/// their accents. Running the command from the help ends the warning.
#[test]
fn files_beside_the_pages_in_an_old_encoding_are_read_with_a_warning() {
    let book = TestBook::fixture("mkdocs");
    let yml = std::fs::read_to_string(book.root().join("mkdocs.yml")).unwrap();
    write_windows_1252(
        &book,
        "mkdocs.yml",
        &format!("# Géré par l'équipe plateforme\n{yml}"),
    );
    let support = std::fs::read_to_string(book.root().join("includes/support.md")).unwrap();
    write_windows_1252(
        &book,
        "includes/support.md",
        &format!("{support}Équipe de garde : plateforme@example.com\n"),
    );
    // The page the fixture's broken link (tested elsewhere) asks for.
    book.write("content/runbooks/checklist.md", "# Release checklist\n");
    let run = book.build();
    run.success()
        .stderr_has("warning[invalid-utf8]: file is not UTF-8; read as windows-1252")
        .stderr_has("--> mkdocs.yml:1:4")
        .stderr_has("--> includes/support.md:2:1")
        .stderr_has("iconv -f windows-1252 -t UTF-8 mkdocs.yml > mkdocs.yml.utf8");
    let setup = book.html("getting-started/setup.html");
    assert_eq!(
        hrefs(&setup, ".prev-next a[rel=next]"),
        ["../getting-started/access.html"],
        "the nav of mkdocs.yml still orders the pages"
    );
    let deploy = texts(&book.html("runbooks/deploy.html"), "main .prose").concat();
    assert!(deploy.contains("Équipe de garde"), "{deploy}");
    book.run_help_command(&run, "iconv ", "mkdocs.yml");
    book.build()
        .success()
        .stderr_lacks("--> mkdocs.yml:")
        .stderr_has("--> includes/support.md:2:1");
    assert!(
        std::fs::read_to_string(book.root().join("mkdocs.yml"))
            .unwrap()
            .starts_with("# Géré par l'équipe")
    );

    let book = TestBook::fixture("docusaurus");
    write_windows_1252(
        &book,
        "content/reference/_category_.json",
        "{\n  \"label\": \"Référence\",\n  \"position\": 4\n}\n",
    );
    book.build()
        .success()
        .stderr_has("--> content/reference/_category_.json:2:14");
    let sections = texts(
        &book.html("handbook.html"),
        "main a[href^='handbook-index/']",
    );
    assert!(sections.contains(&"Référence".to_string()), "{sections:?}");
}

/// A handbook moved in with its team pages where they were: the build says why the org
/// map is empty, where charters go, and which folder looks like the teams'.
#[test]
fn a_handbook_without_charters_is_told_where_they_go() {
    let book = TestBook::fixture("docusaurus");
    book.write(
        "content/departments/engineering/teams/delivery/index.md",
        "# Delivery team\n\n## Members\n\n- Ana\n",
    );
    book.write(
        "content/departments/engineering/teams/delivery/processes.md",
        "# Processes\n",
    );
    book.build()
        .success()
        .stderr_has("note: no team charters: the org map, people and ownership pages are empty")
        .stderr_has("content/departments/engineering/teams/ holds 2 pages");
    book.run(&["check"])
        .success()
        .stderr_has("note: no team charters");
    // A handbook with charters hears nothing of it.
    TestBook::fixture("basic")
        .build()
        .success()
        .stderr_lacks("no team charters");
    // The team's pages moved under content/teams/ in a folder of their own: published,
    // with a warning that says which charter would claim them.
    book.write(
        "content/teams/delivery/processes.md",
        "# Processes\n\nHow we ship.\n",
    );
    book.run(&["check"])
        .success()
        .stderr_has("warning[team-folder-without-charter]: 1 page in content/teams/delivery/ published as plain pages")
        .stderr_lacks("missing-front-matter");
    // Directly in content/teams/, a file without front matter is a page while the
    // handbook has no charter; once it has one, the file is a charter slot: the error
    // says where a team's pages go instead.
    book.write(
        "content/teams/processes.md",
        "# Processes\n\nHow we ship.\n",
    );
    book.run(&["check"])
        .success()
        .stderr_has("warning[team-folder-without-charter]: 1 page in content/teams/ published as plain pages")
        .stderr_lacks("missing-front-matter");
    book.write(
        "content/teams/delivery.md",
        "+++\nname = \"Delivery\"\nproblem = \"Ship\"\nmetrics = [{ name = \"Lead time\" }]\n+++\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("error[missing-front-matter]: team charter has no front matter")
        .stderr_has("A page about a team (its processes, its on-call guide) goes in the team's folder: `content/teams/<team>/`");
}

/// A handbook moved in with a plain `teams/` folder of pages about its teams (a README and
/// a page per team, no front matter), as a university club's docsify handbook keeps it:
/// published as pages with one warning, where every file failed the build as a charter
/// without front matter. A page there with other front matter (`title`) is a page too;
/// once a real charter is written, each is a charter's error again.
#[test]
fn a_plain_teams_folder_of_pages_builds_while_the_handbook_has_no_charter() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write("orgbook.toml", "title = \"Guild\"\n");
    book.write(
        "content/README.md",
        "# Guild\n\nSee [our teams](teams/README.md).\n",
    );
    book.write(
        "content/teams/README.md",
        "# Our teams\n\n- [Outreach](outreach.md)\n- [Events](events.md)\n",
    );
    book.write(
        "content/teams/outreach.md",
        "# Outreach team\n\n## What we do\n\n- Find partner projects\n",
    );
    book.write(
        "content/teams/events.md",
        "---\ntitle: Events team\n---\n\nWe run the hack nights.\n",
    );
    let run = book.build();
    run.success()
        .stderr_has("warning[team-folder-without-charter]: 2 pages in content/teams/ published as plain pages")
        .stderr_lacks("missing-front-matter")
        .stderr_lacks("error[");
    assert_eq!(
        texts(&book.html("teams/outreach.html"), "main h1"),
        ["Outreach team"]
    );
    assert_eq!(
        texts(&book.html("teams/events.html"), "main h1"),
        ["Events team"]
    );
    book.write(
        "content/teams/mentors.md",
        "---\nname: Mentors\nproblem: New members get stuck\nmetrics:\n  - name: Weekly check-ins\n---\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("error[missing-front-matter]: team charter has no front matter")
        .stderr_has("--> content/teams/outreach.md")
        .stderr_has("error[missing-key]: team charter has none of a charter's keys")
        .stderr_has("--> content/teams/events.md")
        .stderr_lacks("content/teams/README.md:");
}

/// A team's folder beside its charter may hold a README of its own (a generated one that
/// cannot take front matter): a link written for GitHub to the folder (`../platform`) goes
/// to the team, not an error that it could mean two files.
#[test]
fn a_link_to_a_team_folder_with_its_own_readme_beside_the_charter_reaches_the_team() {
    let book = TestBook::fixture("team-folders");
    book.write(
        "content/teams/platform/README.md",
        "# Platform group\n\nThis file is generated from the group list; edit that instead.\n",
    );
    book.write(
        "content/teams/search/process.md",
        "# How search works\n\nShared tooling comes from [the platform group](../platform).\n",
    );
    book.build().success().stderr_lacks("could mean");
    let page = book.html("teams/search/process.html");
    assert!(
        hrefs(&page, ".prose a").contains(&"../../teams/platform.html".to_string()),
        "{:?}",
        hrefs(&page, ".prose a")
    );
}

/// A handbook moved in with a folder per team (`teams/checkout/index.md` and its runbook
/// beside it), as Docusaurus and Hugo handbooks keep them: the index page with a charter's
/// keys is the team's charter (named by the folder), its other files are pages listed on
/// the team's page and filed under it, links to the folder reach the team, and a folder
/// whose index page is not yet a charter is published with one warning.
#[test]
fn a_folder_per_team_is_a_charter_and_its_pages() {
    let book = TestBook::fixture("team-folders");
    let run = book.build();
    run.success();
    let found = diagnostics(&book, &[]);
    let warnings: Vec<_> = found.iter().filter(|d| d.0 == "warning").collect();
    assert_eq!(
        warnings,
        [&(
            "warning".to_string(),
            "team-folder-without-charter".to_string(),
            "content/teams/growth/index.md".to_string(),
            1
        )],
        "{found:?}"
    );
    assert!(found.iter().all(|d| d.0 != "error"), "{found:?}");
    run.stderr_has("2 pages in content/teams/growth/ published as plain pages");

    // The charter written as the folder's index page, keeping its docs site's keys.
    let team = book.html("teams/checkout.html");
    assert_eq!(
        texts(&team, "h1").first().map(String::as_str),
        Some("Checkout")
    );
    assert_eq!(
        links_with_text(&team, "ul.team-pages a"),
        [
            (
                "../teams/checkout/on-call.html".to_string(),
                "On-call".to_string()
            ),
            (
                "../teams/checkout/runbook.html".to_string(),
                "Checkout runbook".to_string()
            ),
        ]
    );
    let images: Vec<&str> = team
        .select(&sel(".prose img"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(images, ["../teams/checkout/img/flow.svg"]);
    // A README.md in TOML is a charter too; a group's folder beside its charter holds the
    // group's pages.
    let search = book.html("teams/search.html");
    assert_eq!(
        hrefs(&search, "ul.team-pages a"),
        ["../teams/search/process.html"]
    );
    let platform = book.html("teams/platform.html");
    assert_eq!(
        hrefs(&platform, "ul.team-pages a"),
        ["../teams/platform/guides/golden-path.html"]
    );
    // A team's page is filed under its team, and links back to it by folder or file.
    let runbook = book.html("teams/checkout/runbook.html");
    assert_eq!(
        texts(&runbook, "nav.breadcrumbs a"),
        ["Home", "Teams", "Platform", "Checkout"]
    );
    assert!(hrefs(&runbook, ".prose a").contains(&"../../teams/checkout.html".to_string()));
    let home = book.html("index.html");
    let home_links = hrefs(&home, ".prose a");
    for want in [
        "teams/checkout.html",
        "teams/search.html",
        "teams/checkout/runbook.html",
    ] {
        assert!(
            home_links.iter().any(|h| h == want),
            "{want} in {home_links:?}"
        );
    }
    // Not a charter yet: its pages are published where they were.
    assert!(book.out().join("teams/growth/index.html").is_file());
    assert!(book.out().join("teams/growth/experiments.html").is_file());
    // The org map has the three charters, not the growth folder.
    let teams = book.html("teams/index.html");
    let names = texts(&teams, "main a");
    for name in ["Checkout", "Search", "Platform"] {
        assert!(names.iter().any(|n| n == name), "{name} in {names:?}");
    }
    assert!(!names.iter().any(|n| n == "Growth"), "{names:?}");
    check_all_links(&book.out(), &["404.html"]);
}

/// A Jekyll page written in HTML (front matter, Liquid) is a page of the handbook: its
/// front matter read, not shown; its Liquid reported at its line, as in a Markdown page.
/// An HTML file without front matter stays a file copied as it is, and nothing is said of it.
#[test]
fn a_jekyll_html_page_is_a_page_and_plain_html_a_file() {
    let book = TestBook::fixture("jekyll");
    book.write(
        "content/chapters.html",
        "---\nlayout: default\ntitle: Chapters\n---\n{%- comment -%} list {%- endcomment -%}\n<ul>{% for p in site.pages %}<li>{{ p.title }}</li>{% endfor %}</ul>\n",
    );
    let plain = "<p>Plain HTML, no front matter.</p>\n";
    book.write("content/plain.html", plain);
    let run = book.build();
    run.success()
        .stderr_has("content/chapters.html:6:")
        .stderr_has("warning[template-leftover]");
    assert!(!run.stderr.contains("content/plain.html"), "{}", run.stderr);
    let page = book.html("chapters.html");
    assert_eq!(texts(&page, ".doc-head h1"), ["Chapters"]);
    let raw = book.output_file("chapters.html");
    assert!(
        !raw.contains("layout: default") && !raw.contains("list"),
        "{raw}"
    );
    assert_eq!(book.output_file("plain.html"), plain);
}

/// Quirks of pages that lived in a repository before (round 3 of the real-repository
/// trials: a Jekyll handbook, a GitBook export): headings that carry their own anchor, an
/// empty heading closing an exported page, a page that only sends readers elsewhere,
/// links to the repository's files outside content/ and to a folder without an index.
#[test]
fn repository_quirks_of_moved_pages_are_published_as_meant() {
    let book = TestBook::fixture("jekyll");
    book.write("README.md", "# The repository\n");
    book.write("scripts/check.sh", "#!/bin/sh\n");
    book.write(
        "content/design.md",
        "# Design\n\n## <a id=\"documentation\">Documentation</a>\n\nText.\n\n## Research\n\n## <a name=\"plans\"></a>Plans\n\nMore.\n\n# Appendix\n\n> ## Quoted example\n>\n> A heading in a quote.\n\nSee [the repository](../README.md), [its checks](../scripts/) and [the rituals](rituals/).\n\nAnd [strategy](../../../strategy/goals.md).\n\n### \n\n",
    );
    book.write("content/rituals/standup.md", "# Stand-up\n");
    book.write("content/rituals/retro.md", "# Retro\n");
    // A folder that has only folders of pages.
    book.write(
        "content/playbooks/onboarding/first-week.md",
        "# First week\n\nBack to [all guides](../).\n",
    );
    book.write("content/playbooks/oncall/paging.md", "# Paging\n");
    // A site whose pages live under `handbook/`, as many moved-in handbooks have them.
    book.write(
        "content/handbook/index.md",
        "# Handbook\n\nWhere things are.\n",
    );
    book.write("content/handbook/engineering/reviews.md", "# Reviews\n");
    book.write(
        "content/org-chart.md",
        "---\ntitle: Org chart\nredirect_to: https://slides.example.com/org?id=1&v=2\nredirect_from: [/tts-org-chart/]\n---\n",
    );
    book.write(
        "content/mission.md",
        "---\ntitle: Mission\nlayout: redirect\nurl: https://example.org/mission\n---\n",
    );
    // Without `[repository] url`, a link outside content/ says what to set.
    book.run(&["check"])
        .failure(1)
        .stderr_has(
            "link to `../README.md`: README.md is outside content/, so it is not part of the site",
        )
        .stderr_has("set `url` under `[repository]`")
        .stderr_lacks("link to `rituals/`")
        .stderr_lacks("link to `../`")
        .stderr_has("link to `../../../strategy/goals.md`: it climbs out of the handbook's folder")
        .stderr_lacks("unknown key `redirect_to`");
    let config = book.read("orgbook.toml");
    book.write(
        "orgbook.toml",
        &format!("{config}\n[links]\nbroken = \"warn\"\n\n[repository]\nurl = \"https://github.com/acme/handbook\"\n"),
    );
    let run = book.build();
    run.success()
        .stderr_lacks("README.md is outside content/")
        .stderr_lacks("rituals/");
    let page = book.html("design.html");
    let ids: Vec<String> = page
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap().to_string())
        .collect();
    let unique: std::collections::BTreeSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "an id twice: {ids:?}");
    for id in ["documentation", "plans", "research", "quoted-example"] {
        assert!(ids.iter().any(|i| i == id), "{id} in {ids:?}");
    }
    // The table of contents links to the anchors as written; the empty heading is not in
    // it, nor the page's opening `# Design`, nor a heading inside a quote.
    let toc = links_with_text(&page, "nav.toc a");
    assert_eq!(
        toc,
        [
            ("#documentation".to_string(), "Documentation".to_string()),
            ("#research".to_string(), "Research".to_string()),
            ("#plans".to_string(), "Plans".to_string()),
            // A second top-level heading is a section too.
            ("#appendix".to_string(), "Appendix".to_string()),
        ]
    );
    let links = hrefs(&page, ".prose a[href]");
    assert!(
        links.contains(&"https://github.com/acme/handbook/tree/main/README.md".to_string()),
        "{links:?}"
    );
    assert!(
        links.contains(&"https://github.com/acme/handbook/tree/main/scripts".to_string()),
        "{links:?}"
    );
    // A folder of pages without a page of its own is linked where the handbook index
    // lists its pages, as GitHub and Hugo show a folder's pages; the anchor is there.
    let rituals: Vec<&String> = links.iter().filter(|l| l.contains("rituals")).collect();
    assert_eq!(
        rituals,
        ["handbook-index/rituals.html#f-rituals"],
        "{links:?}"
    );
    let listing = book.html("handbook-index/rituals.html");
    assert_eq!(listing.select(&sel("#f-rituals")).count(), 1);
    assert_eq!(
        hrefs(
            &listing,
            "main a[href$='standup.html'], main a[href$='retro.html']"
        )
        .len(),
        2
    );
    // Its pages' breadcrumbs pass through it, to the same listing.
    let standup = book.html("rituals/standup.html");
    assert_eq!(
        texts(&standup, "nav.breadcrumbs a"),
        ["Home", "Handbook", "Rituals"]
    );
    assert_eq!(
        hrefs(&standup, "nav.breadcrumbs a")[2],
        "../handbook-index/rituals.html#f-rituals"
    );
    // So is a folder that has only folders of pages, at its own heading there.
    let first_week = book.html("playbooks/onboarding/first-week.html");
    let up = hrefs(&first_week, ".prose a");
    assert_eq!(up, ["../../handbook-index/playbooks.html#f-playbooks"]);
    let playbooks = book.html("handbook-index/playbooks.html");
    assert_eq!(playbooks.select(&sel("#f-playbooks")).count(), 1);
    // Its pages' breadcrumbs name "Handbook" once: the folder's own page.
    let reviews = book.html("handbook/engineering/reviews.html");
    assert_eq!(
        texts(&reviews, "nav.breadcrumbs a"),
        ["Home", "Handbook", "Engineering"]
    );
    assert_eq!(
        hrefs(&reviews, "nav.breadcrumbs a")[1],
        "../../handbook/index.html"
    );
    check_all_links(&book.out(), &["404.html"]);
    // A page that only sends readers elsewhere is a redirect there, and so is its old address.
    let chart = book.output_file("org-chart.html");
    assert!(
        chart.contains("<meta http-equiv=\"refresh\" content=\"0; url=https://slides.example.com/org?id=1&amp;v=2\">"),
        "{chart}"
    );
    assert!(
        book.output_file("tts-org-chart/index.html")
            .contains("org-chart.html")
    );
    // A site's own redirect layout says the same with `url`.
    assert!(
        book.output_file("mission.html").contains(
            "<meta http-equiv=\"refresh\" content=\"0; url=https://example.org/mission\">"
        )
    );
}

/// Docusaurus orders pages by number prefixes in their file and folder names and names
/// them without (`./auto-create-license` for `2_auto-create-license.mdx`), as a real
/// Docusaurus handbook links them: those links reach the pages.
#[test]
fn docusaurus_number_prefixes_are_left_out_of_links() {
    let book = TestBook::fixture("docusaurus");
    book.write(
        "content/tutorial/1_getting-started/1_register-a-license.mdx",
        "# Register a license\n\nOr let the console do it: [auto-create](./auto-create-license).\n",
    );
    book.write(
        "content/tutorial/1_getting-started/2_auto-create-license.mdx",
        "# Auto-create a license\n\nBack to [registering](/tutorial/getting-started/register-a-license).\n",
    );
    book.build().success().stderr_lacks("broken-link");
    let first = book.html("tutorial/1_getting-started/1_register-a-license.html");
    assert_eq!(
        hrefs(&first, ".prose a"),
        ["../../tutorial/1_getting-started/2_auto-create-license.html"]
    );
    let second = book.html("tutorial/1_getting-started/2_auto-create-license.html");
    assert_eq!(
        hrefs(&second, ".prose a"),
        ["../../tutorial/1_getting-started/1_register-a-license.html"]
    );
    // Two pages that would share a name: neither is guessed.
    book.write(
        "content/tutorial/1_getting-started/3_register-a-license.md",
        "# Again\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `/tutorial/getting-started/register-a-license`: no such file");
}

/// Pages translated or synced by another tool carry its keys on every page (a
/// translation's `upstream_sha`, a theme's `prev_link`): each is a warning, which fails
/// `check --strict`, until the handbook declares them in `[content] ignored_keys`. A key
/// that is another name, not a typo, is not offered a "did you mean".
#[test]
fn other_tools_page_keys_can_be_declared_and_are_not_mistaken_for_typos() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write("orgbook.toml", "title = \"Translated\"\n");
    for page in ["a", "b"] {
        book.write(
            &format!("content/{page}.md"),
            &format!(
                "---\ntitle: Page {page}\nupstream_sha: 3f2a9c1\nprev_link: \"Back\"\n---\nText.\n"
            ),
        );
    }
    let run = book.run(&["check", "--strict"]);
    run.failure(1)
        .stderr_has("warning[unknown-key]: unknown key `upstream_sha` in page")
        .stderr_has("unknown key `prev_link` in page")
        .stderr_lacks("did you mean `permalink`");
    book.write(
        "orgbook.toml",
        "title = \"Translated\"\n\n[content]\nignored_keys = [\"upstream_sha\", \"prev_link\"]\n",
    );
    book.run(&["check", "--strict"])
        .success()
        .stderr_lacks("unknown-key");
    // A typo of orgbook's own key is still reported, declared keys or not.
    book.write("content/c.md", "---\ntitle: C\ndarft: true\n---\nText.\n");
    book.run(&["check"])
        .success()
        .stderr_has("unknown key `darft` in page")
        .stderr_has("did you mean `draft`?");
}

/// A GOV.UK tech docs site (Middleman and the `govuk_tech_docs` gem) moved in: its pages
/// are `.html.md.erb` files, published at the `.html` addresses Middleman gave them, so
/// links written for the old site resolve. Its ERB is reported at its line and left out
/// of the pages; the heading every page opens with, `# <%= current_page.data.title %>`,
/// is the title; Middleman's layouts and partials are not published.
#[test]
fn tech_docs_pages_are_published_at_their_html_addresses_without_their_erb() {
    let book = TestBook::fixture("tech-docs");
    let skipped = |file: &str| ("finding".into(), "skipped-file".into(), file.into(), 0);
    assert_eq!(
        diagnostics(&book, &[]),
        [
            // The sidebar block, the banner partial, the loop listing the standards.
            warning("template-leftover", "content/index.html.md.erb", 5),
            warning("template-leftover", "content/index.html.md.erb", 14),
            warning("template-leftover", "content/index.html.md.erb", 42),
            skipped("content/layouts"),
            skipped("content/partials"),
            skipped("content/partials/_banner.html.md.erb"),
            // The host before a path in a link's address (the path is the link).
            warning(
                "template-leftover",
                "content/standards/alerts.html.md.erb",
                14
            ),
            warning(
                "template-leftover",
                "content/standards/pairing.html.md.erb",
                15
            ),
        ]
    );
    book.build().success();
    for (page, title) in [
        ("standards/alerts.html", "How we handle alerts"),
        ("standards/pairing.html", "Pair programming"),
        ("manuals/go/index.html", "Writing Go services"),
        ("manuals/python.html", "Writing Python services"),
    ] {
        let html = book.html(page);
        assert_eq!(texts(&html, "h1"), [title], "{page}");
        assert_eq!(
            texts(&html, "title")[0].split(" · ").next(),
            Some(title),
            "{page}"
        );
    }
    // Links written for the old site (`/standards/alerts.html`, `pairing.html`) resolve.
    let home = book.html("index.html");
    let links = hrefs(&home, "main .prose a");
    for href in [
        "standards/alerts.html",
        "standards/pairing.html#why-we-pair",
        "manuals/go/index.html",
    ] {
        assert!(links.contains(&href.to_string()), "{href}: {links:?}");
    }
    let alerts = links_with_text(&book.html("standards/alerts.html"), "main .prose a");
    for link in [
        ("../manuals/go/index.html#logging", "Writing Go services"),
        // `href="<%= config[:tech_docs][:host] %>/standards/pairing.html"`
        ("../standards/pairing.html", "pairing standard"),
        // An old address of a page (its `old_paths`), linked from beside it.
        ("../standards/pairing.html", "old pairing page"),
    ] {
        assert!(
            alerts.contains(&(link.0.to_string(), link.1.to_string())),
            "{alerts:?}"
        );
    }
    // A page's `old_paths` are redirects to it, as the template made them.
    assert!(
        book.output_file("standards/pair-programming.html")
            .contains("url=../standards/pairing.html\">"),
        "{}",
        book.output_file("standards/pair-programming.html")
    );
    check_all_links(&book.out(), &["404.html"]);
    // No ERB shown outside code; in code, as written.
    let published = crate::harness::files_under(&book.out());
    for page in published.iter().filter(|f| f.ends_with(".html")) {
        let html = book.output_file(page);
        let mut outside_code = String::new();
        let mut rest = html.as_str();
        while let Some(at) = rest.find("<pre") {
            outside_code.push_str(&rest[..at]);
            rest = rest[at..].split_once("</pre>").map_or("", |(_, r)| r);
        }
        outside_code.push_str(rest);
        assert!(
            !outside_code.contains("&lt;%") && !outside_code.contains("<%"),
            "{page} shows ERB"
        );
    }
    assert_eq!(
        texts(&home, "main pre code")
            .iter()
            .filter(|c| c.contains("<%%= current_page.data.title %>"))
            .count(),
        1
    );
    // Middleman's machinery is not published.
    for machinery in ["layouts", "partials", "banner", ".erb", "Gemfile", "config"] {
        assert!(
            !published.iter().any(|f| f.contains(machinery)),
            "{machinery} published: {published:?}"
        );
    }
}

/// `orgbook init` in a tech docs repository: the pages are in source/ and are moved, not
/// copied; once in content/ they are the handbook, named by `service_name`.
#[test]
fn init_makes_a_tech_docs_site_the_handbook() {
    let book = TestBook::fixture("tech-docs");
    book.remove("orgbook.toml");
    std::fs::rename(book.root().join("content"), book.root().join("source")).unwrap();
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("a GOV.UK tech docs site with 5 Markdown files in source/")
        .stderr_has("`git mv source content` and add `set :source, \"content\"` to config.rb");
    std::fs::rename(book.root().join("source"), book.root().join("content")).unwrap();
    book.run(&["init", "."]).success().stderr_has(
        "Made the 5 Markdown files in content/ (a GOV.UK tech docs site) the handbook \"The Platform Way\"",
    );
    book.build().success();
    assert_eq!(
        texts(&book.html("index.html"), ".brand"),
        ["The Platform Way"]
    );
}

/// MkDocs names a section by its `nav:` title (`On call: [runbooks/…]`), not by its
/// folder's name or its index page's heading: a real handbook's "Organisation" section
/// was listed under the heading of its index page, the organisation's own name.
#[test]
fn mkdocs_nav_section_titles_name_their_folders() {
    let book = TestBook::fixture("mkdocs");
    book.edit("mkdocs.yml", "  - Runbooks:", "  - On call:");
    // The page the fixture's broken link (tested elsewhere) wants.
    book.write("content/runbooks/checklist.md", "# Release checklist\n");
    book.build().success();
    let deploy = book.html("runbooks/deploy.html");
    assert_eq!(
        texts(&deploy, "nav.breadcrumbs a"),
        ["Home", "Handbook", "On call"]
    );
    let sections = texts(
        &book.html("handbook.html"),
        "main a[href^='handbook-index/']",
    );
    assert!(sections.contains(&"On call".to_string()), "{sections:?}");
    assert!(!sections.contains(&"Runbooks".to_string()), "{sections:?}");
}

/// docsify reads every link from the site's root, so its authors write `grading/rubric`
/// from any folder: such a link reaches the page when the page's own folder has no such
/// file, and a link that says it is relative to the file (`./…`) is still broken.
#[test]
fn links_written_from_the_root_for_docsify_reach_their_pages() {
    let book = TestBook::fixture("basic");
    book.write("content/grading/rubric.md", "# Rubric\n\n## Proposal\n");
    book.write("content/_media/logo.png", "png");
    book.write(
        "content/mentoring/training.md",
        "# Training\n\nRead the [rubric](grading/rubric) and [its proposal part](grading/rubric.md#proposal).\n\n![logo](_media/logo.png)\n\nAlso [a local page](notes.md) and [nothing](./grading/rubric).\n",
    );
    book.write("content/mentoring/notes.md", "# Notes\n");
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `./grading/rubric`")
        .stderr_lacks("link to `grading/rubric`")
        .stderr_lacks("link to `grading/rubric.md#proposal`")
        .stderr_lacks("_media/logo.png");
    book.write(
        "content/mentoring/training.md",
        &book
            .read("content/mentoring/training.md")
            .replace(" and [nothing](./grading/rubric)", ""),
    );
    book.build().success();
    let page = book.html("mentoring/training.html");
    assert_eq!(
        hrefs(&page, ".prose a"),
        [
            "../grading/rubric.html",
            "../grading/rubric.html#proposal",
            "../mentoring/notes.html"
        ]
    );
    check_all_links(&book.out(), &["404.html"]);
}

/// A handbook that was part of a bigger site links pages that site made from code
/// (`/careers`, `/questions`), which no Markdown file answers: the build says how to send
/// them to that site, and with `[links] site` they go there, while a link from the top
/// to a page the handbook has, and a relative broken link, are read as before.
#[test]
fn links_to_the_wider_sites_own_pages_go_there_under_links_site() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/company/hiring.md",
        "# Hiring\n\nSee [open roles](/careers?team=eng#open) and [how we work](/company/values).\n\nAlso [a typo](valeus.md).\n",
    );
    book.write("content/company/values.md", "# Values\n");
    // A missing file from the top is no page of another site: the setting is not named.
    book.write(
        "content/company/logo.md",
        "# Logo\n\n![logo](/img/logo.png)\n",
    );
    let hiring = book.read("content/company/hiring.md");
    book.write("content/company/hiring.md", "# Hiring\n");
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `/img/logo.png`")
        .stderr_lacks("set `site =");
    book.write("content/company/logo.md", "# Logo\n");
    book.write("content/company/hiring.md", &hiring);
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `/careers`")
        .stderr_has("set `site = \"https://…\"` under `[links]`");
    let config = book.read("orgbook.toml");
    book.write(
        "orgbook.toml",
        &format!("{config}\n[links]\nsite = \"https://www.example.com/\"\n"),
    );
    book.run(&["check"])
        .failure(1)
        .stderr_lacks("/careers")
        .stderr_has("link to `valeus.md`")
        .stderr_lacks("set `site =");
    book.write(
        "content/company/hiring.md",
        &book
            .read("content/company/hiring.md")
            .replace("\nAlso [a typo](valeus.md).\n", ""),
    );
    book.build().success();
    let page = book.html("company/hiring.html");
    assert_eq!(
        hrefs(&page, ".prose a"),
        [
            "https://www.example.com/careers?team=eng#open",
            "../company/values.html"
        ]
    );
}

/// Pages written for Astro Starlight place themselves with `sidebar: { order }` and hide
/// with `sidebar: { hidden: true }`; VitePress and Gatsby pages carry their templates' keys
/// (`hero`, `outline`, `showTitle`, PostHog's `sidebar: Handbook`…). The order and hiding
/// are kept, and none of those keys is a warning, so `check --strict` passes.
#[test]
fn starlight_vitepress_and_gatsby_page_keys_are_read_or_accepted() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/guide/alpha.md",
        "---\ntitle: Alpha\nsidebar:\n  order: 3\n  label: A\n---\nA.\n",
    );
    book.write(
        "content/guide/beta.md",
        "---\ntitle: Beta\nsidebar:\n  order: 1\ntableOfContents: false\n---\nB.\n",
    );
    book.write(
        "content/guide/gamma.md",
        "---\ntitle: Gamma\nsidebar:\n  hidden: true\n---\nG.\n",
    );
    book.write(
        "content/guide/delta.md",
        "---\ntitle: Delta\noutline: deep\nprev: false\nnext: false\nlastUpdated: true\neditLink: false\n---\nD.\n",
    );
    book.write(
        "content/guide/epsilon.md",
        "---\ntitle: Epsilon\nsidebar: Handbook\nshowTitle: true\nhideAnchor: true\nsidebarTitle: Overview\n---\nE.\n",
    );
    book.run(&["check", "--strict"])
        .success()
        .stderr_lacks("unknown-key");
    book.build().success();
    let page = book.html("guide/beta.html");
    let listed = texts(&page, ".sidebar a");
    let at = |t: &str| listed.iter().position(|l| l == t);
    // `sidebar.label` and `sidebarTitle` name the pages in the navigation.
    assert!(at("Beta") < at("A"), "{listed:?}");
    assert_eq!(at("Alpha"), None, "{listed:?}");
    assert!(at("Overview").is_some(), "{listed:?}");
    assert_eq!(at("Gamma"), None, "{listed:?}");
    assert_eq!(texts(&book.html("guide/alpha.html"), "main h1"), ["Alpha"]);
    assert!(book.out().join("guide/gamma.html").is_file());
}

/// A VitePress home page is often only its front matter: a `hero` (name, headline,
/// tagline, buttons) and `features` cards. They are drawn above its body, their links
/// reach the handbook's pages as the page's own links do (a broken one is reported), and a
/// button's `javascript:` address is dropped. Starlight's hero names itself `title`.
#[test]
fn a_vitepress_or_starlight_hero_and_features_are_drawn_with_working_links() {
    let book = TestBook::fixture("basic");
    book.write(
        "content/_index.md",
        "---\nlayout: home\nhero:\n  name: Acme\n  text: \"How we <work>\"\n  tagline: Everything about working here\n  actions:\n    - theme: brand\n      text: Start here\n      link: /guide/onboarding\n    - text: Trouble\n      link: \"javascript:alert(1)\"\nfeatures:\n  - title: Teams\n    details: Who does what.\n    link: /teams/\n  - title: Decisions\n    details: What we decided and why.\n---\n",
    );
    book.write(
        "content/guide/splash.mdx",
        "---\ntitle: Guides\ntemplate: splash\nhero:\n  title: Our guides\n  tagline: Start with one.\n  actions:\n    - text: Gone\n      link: /guide/nowhere/\n---\n\nBody text.\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `/guide/nowhere/`")
        .stderr_has("content/guide/splash.mdx:9:13");
    book.write(
        "content/guide/splash.mdx",
        &book
            .read("content/guide/splash.mdx")
            .replace("/guide/nowhere/", "/guide/onboarding.md"),
    );
    book.build().success().stderr_lacks("unknown-key");
    let home = book.html("index.html");
    assert_eq!(
        texts(&home, ".hero p"),
        [
            "Acme",
            "How we <work>",
            "Everything about working here",
            "Start here"
        ]
    );
    assert_eq!(hrefs(&home, ".hero a"), ["guide/onboarding.html"]);
    assert_eq!(hrefs(&home, ".features a"), ["teams/index.html"]);
    assert_eq!(texts(&home, ".features li strong"), ["Teams", "Decisions"]);
    assert_eq!(
        texts(&home, ".features li"),
        ["TeamsWho does what.", "DecisionsWhat we decided and why."]
    );
    // The home page, untitled but for its hero, is named by the handbook where it links.
    let onboarding = book.html("guide/onboarding.html");
    let from_home: Vec<String> = texts(&onboarding, "a[href='../index.html']");
    assert!(
        !from_home.is_empty() && from_home.iter().all(|t| !t.trim().is_empty()),
        "{from_home:?}"
    );
    let splash = book.html("guide/splash.html");
    assert_eq!(texts(&splash, ".hero .hero-name"), ["Our guides"]);
    assert_eq!(hrefs(&splash, ".hero a"), ["../guide/onboarding.html"]);
    check_all_links(&book.out(), &["404.html"]);
}

/// A docsify site's `_sidebar.md` lists its pages in the order the site shows them (links
/// from the root, with or without `.md`): the handbook reads in that order, and the file is
/// not a page of its own.
#[test]
fn a_docsify_sidebar_orders_the_pages() {
    let book = TestBook::fixture("basic");
    book.write("content/grading/zeta.md", "# Zeta\n");
    book.write("content/grading/alpha.md", "# Alpha\n");
    book.write("content/grading/mid.md", "# Mid\n");
    book.write(
        "content/_sidebar.md",
        "* Grading\n  * [Zeta](grading/zeta)\n  * [Mid](/grading/mid.md)\n  * [Alpha](#/grading/alpha)\n",
    );
    book.build().success();
    let page = book.html("grading/mid.html");
    let listed = texts(&page, ".sidebar a");
    let at = |t: &str| listed.iter().position(|l| l == t).unwrap_or(usize::MAX);
    assert!(
        at("Zeta") < at("Mid") && at("Mid") < at("Alpha"),
        "{listed:?}"
    );
    assert!(!book.out().join("_sidebar.html").exists());
}

/// A VitePress site moved in whole: its `public/` folder (files it served from the site's
/// root) came along as content/public/, so `/img/logo.png` names nothing; the error says
/// where the file is and the move that mends it, and once moved the link works.
#[test]
fn a_root_link_to_a_file_in_vitepress_public_folder_names_the_move() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write("orgbook.toml", "title = \"Beacon\"\n");
    book.write("content/public/img/logo.png", "png");
    book.write(
        "content/brand.md",
        "# Brand\n\n![Our logo](/img/logo.png)\n\nA [missing one](/img/banner.png).\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("content/public/img/logo.png is there, in the public/ folder a VitePress site serves from its root")
        .stderr_has("(`git mv content/public static`)")
        .stderr_has("put the file at content/img/banner.png or static/img/banner.png");
    std::fs::rename(
        book.root().join("content/public"),
        book.root().join("static"),
    )
    .unwrap();
    book.write(
        "content/brand.md",
        "# Brand\n\n![Our logo](/img/logo.png)\n",
    );
    book.build().success();
    assert_eq!(
        book.html("brand.html")
            .select(&sel("main img"))
            .map(|i| i.value().attr("src").unwrap().to_string())
            .collect::<Vec<_>>(),
        ["img/logo.png"]
    );
}

/// Starlight pages link images in src/assets/ relatively (`../../../assets/flow.png` from
/// src/content/docs/guides/); moved into content/, the link climbs out of it. The error
/// says what the link named before the move and the link to write once the images are
/// moved in too; after that move it names the new link.
#[test]
fn a_starlight_image_link_that_climbs_out_names_src_assets() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    book.write("orgbook.toml", "title = \"Quarry\"\n");
    book.write("src/assets/flow.png", "png");
    book.write(
        "content/guides/deploys.md",
        "# Deploys\n\n![The flow](../../../assets/flow.png)\n\n![Gone](../../../assets/gone.png)\n",
    );
    book.run(&["check"])
        .failure(1)
        .stderr_has("link to `../../../assets/flow.png`: it climbs out of the handbook's folder")
        .stderr_has("written from Starlight's src/content/docs/, it names src/assets/flow.png: move the images in with the pages (`git mv src/assets content/assets`) and link `../assets/flow.png`")
        .stderr_lacks("it names src/assets/gone.png");
    std::fs::create_dir_all(book.root().join("content/assets")).unwrap();
    std::fs::rename(
        book.root().join("src/assets/flow.png"),
        book.root().join("content/assets/flow.png"),
    )
    .unwrap();
    book.run(&["check"])
        .failure(1)
        .stderr_has("it named src/assets/flow.png, which is content/assets/flow.png now: link `../assets/flow.png`");
}

/// docsify's loader page (`index.html` with `window.$docsify`) beside the README.md that
/// is the folder's page, at the top and in a section: left out with one note each, not an
/// output collision that failed the build; a hand-written index.html is still published.
#[test]
fn a_docsify_loader_page_is_left_out_beside_its_readme() {
    let book = TestBook {
        dir: tempfile::tempdir().unwrap(),
    };
    let loader = "<!DOCTYPE html>\n<html>\n<body>\n  <div id=\"app\"></div>\n  <script>\n    window.$docsify = { name: 'Guild', loadSidebar: true }\n  </script>\n  <script src=\"//cdn.example/docsify.min.js\"></script>\n</body>\n</html>\n";
    book.write("orgbook.toml", "title = \"Guild\"\n");
    book.write("content/README.md", "# Welcome to the guild\n");
    book.write("content/index.html", loader);
    book.write("content/meetings/README.md", "# Meetings\n");
    book.write("content/meetings/index.html", loader);
    book.write(
        "content/forms/index.html",
        "<html><body>Sign-up form</body></html>\n",
    );
    book.write(
        "content/forms/signup.md",
        "# Sign up\n\nUse [the form](index.html).\n",
    );
    let run = book.build();
    run.success()
        .stderr_lacks("output-collision")
        .stderr_has("content/index.html")
        .stderr_has("content/meetings/index.html")
        .stderr_has("docsify's loader page");
    assert_eq!(
        texts(&book.html("index.html"), "main h1"),
        ["Welcome to the guild"]
    );
    assert!(
        book.read("public/forms/index.html")
            .contains("Sign-up form")
    );
    assert!(!book.read("public/meetings/index.html").contains("$docsify"));
}

/// An MkDocs handbook ordered by the awesome-pages plugin's `.pages` files (no `nav:` in
/// mkdocs.yml) reads in their order: a folder's `nav:` with `...` for the rest, labels,
/// section titles, `sort_type: natural`, `hide: true`, and pages a `nav:` without `...`
/// leaves out stay published but out of the navigation. A missing entry is a warning at
/// its line.
#[test]
fn awesome_pages_files_order_name_and_hide_an_mkdocs_handbook() {
    let book = TestBook::fixture("mkdocs-awesome-pages");
    book.build()
        .success()
        .stderr_has("the awesome-pages `nav:` lists `release-train.md`")
        .stderr_has("--> content/.pages:9:5");
    assert_eq!(
        reading_order(&book, "onboarding/index.html"),
        [
            "onboarding/index.html",
            "onboarding/first-week.html",
            "onboarding/tools.html",
            "onboarding/buddy.html",
            "engineering/practices/pairing.html",
            "engineering/practices/testing.html",
            "engineering/code-review.html",
            "contact.html",
            "runbooks/1-paging.html",
            "runbooks/2-rollback.html",
            "runbooks/10-data-restore.html",
            "glossary.html",
        ]
    );
    let side = sidebar(&book, "onboarding/first-week.html");
    let at = |t: &str| side.iter().position(|s| s.starts_with(t));
    assert!(
        at("Getting Started") < at("How We Build")
            && at("How We Build") < at("Contact")
            && at("Contact") < at("Runbooks")
            && at("Runbooks") < at("Glossary"),
        "{side:?}"
    );
    assert!(side.contains(&"Tools and access".to_string()), "{side:?}");
    for hidden in ["2019 offsite", "Old notes", "Archive"] {
        assert!(!side.iter().any(|s| s.contains(hidden)), "{side:?}");
    }
    // Out of the navigation, still published.
    assert!(book.out().join("engineering/drafts-2021.html").is_file());
    assert!(book.out().join("archive/2019-offsite.html").is_file());
    assert_eq!(
        sidebar(&book, "runbooks/2-rollback.html")
            .into_iter()
            .skip_while(|s| s != "Runbooks")
            .take(4)
            .collect::<Vec<_>>(),
        ["Runbooks", "Paging", "Rolling back", "Restoring data"]
    );
}

/// A Sphinx site's MyST substitutions (`conf.py`'s `myst_substitutions`, Jupyter Book's
/// `parse: myst_substitutions:`, a page's `myst: substitutions:` or `substitutions:`) are
/// written where `{{ key }}` is, as Markdown: in the text, the title and search; a code
/// span keeps it as written, and a key nobody defines stays a `template-leftover` warning.
#[test]
fn myst_substitutions_are_written_where_their_keys_are() {
    let book = TestBook::fixture("myst-substitutions");
    let found = diagnostics(&book, &[]);
    let leftovers: Vec<u64> = found
        .iter()
        .filter(|d| d.1 == "template-leftover")
        .map(|d| d.3)
        .collect();
    assert_eq!(leftovers, [14, 16], "{found:?}");
    book.build().success();
    for page in ["user_guide/readthedocs.html", "community/setup.html"] {
        let html = book.html(page);
        assert_eq!(
            links_with_text(&html, ".prose a[href^='https://readthedocs.org']"),
            [(
                "https://readthedocs.org/".to_string(),
                "Read the Docs".to_string()
            )],
            "{page}"
        );
        assert!(!texts(&html, ".prose").concat().contains("{{"), "{page}");
    }
    let release = book.html("release.html");
    assert_eq!(texts(&release, "title"), ["Release 0.16 · PyData Theme"]);
    assert_eq!(texts(&release, ".prose strong"), ["0.16"]);
    assert_eq!(texts(&release, ".prose code"), ["{{ version }}"]);
    let prose = texts(&release, ".prose p").join("\n");
    assert!(
        prose.contains("ships in 2024, published on our hosting."),
        "{prose}"
    );
    assert!(prose.contains("{{ codename }} is"), "{prose}");
    let search: String = crate::harness::files_under(&book.out().join("search"))
        .iter()
        .map(|f| book.output_file(&format!("search/{f}")))
        .collect();
    assert!(search.contains("This theme comes with support for Read the Docs, a popular"));
    assert!(!search.contains("{{ rtd }}"));

    // A Jupyter Book 1 defines them in `_config.yml` instead.
    book.remove("content/conf.py");
    book.write(
        "content/_config.yml",
        "title: PyData Theme\nparse:\n  myst_enable_extensions:\n    - substitution\n  myst_substitutions:\n    rtd: \"*RTD*\"\n",
    );
    book.build().success();
    let html = book.html("user_guide/readthedocs.html");
    assert_eq!(texts(&html, ".prose em"), ["RTD"]);
}

/// A Jekyll handbook whose home page is `index.html` with front matter (and a `404.html`
/// too): `orgbook init` moves them into `content/` with the Markdown pages, so Jekyll
/// still builds from `source: content`. `index.html` is then the handbook's home page,
/// its text shown where `content/index.md`'s would be and its chapters' links leading to
/// them; `404.html` gives way to orgbook's own (a warning says it is not published)
/// instead of failing the build on the collision.
#[test]
fn a_jekyll_home_page_in_html_is_the_handbooks_home_page() {
    let book = TestBook::fixture("jekyll-html-home");
    let root = book.root().to_string_lossy().into_owned();
    let init = book.run(&["init", &root]);
    init.failure(1).stderr_has(
        "git mv box-products-is-you.md getting-started.md content/ && git mv 404.html index.html content/",
    );
    std::fs::create_dir(book.root().join("content")).unwrap();
    for f in [
        "box-products-is-you.md",
        "getting-started.md",
        "404.html",
        "index.html",
    ] {
        std::fs::rename(book.root().join(f), book.root().join("content").join(f)).unwrap();
    }
    book.run(&["init", &root]).success();
    let found = diagnostics(&book, &[]);
    let leftovers: Vec<&str> = found
        .iter()
        .filter(|d| d.1 == "template-leftover")
        .map(|d| d.2.as_str())
        .collect();
    assert_eq!(leftovers, ["content/404.html"], "{found:?}");
    book.build()
        .success()
        .stderr_has("content/404.html")
        .stderr_has("at 404.html, which orgbook generates itself: not published")
        .stderr_lacks("content/index.html");
    let home = book.output_file("index.html");
    assert!(
        !home.contains("layout: home") && !home.contains("{%-"),
        "{home}"
    );
    let html = book.html("index.html");
    assert_eq!(
        texts(&html, "title"),
        ["Box Products Employee Handbook · Box Products"]
    );
    let prose = texts(&html, ".home .prose").concat();
    assert!(
        prose.contains("The definitive guide to working at Box Products."),
        "{prose}"
    );
    assert!(
        prose.contains("would join a company and were expected"),
        "{prose}"
    );
    assert_eq!(
        hrefs(&html, ".home .prose a.font-bold"),
        ["box-products-is-you.html", "getting-started.html"]
    );
    assert!(!book.output_file("404.html").contains("permalink:"));
    check_all_links(&book.out(), &["404.html"]);
}
