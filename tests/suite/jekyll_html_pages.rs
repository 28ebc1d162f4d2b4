//! A Jekyll (GitHub Pages) handbook keeps some pages as HTML files with front matter
//! (`index.html`, `about.html`, `team/index.html`). Each is a page of the handbook, published
//! where the same file as `.md` would be (or at its `permalink`), in the theme's layout, the
//! navigation, search and the sitemap; its Liquid links work and its other Liquid is reported,
//! as in Markdown. An HTML file without front matter stays a file copied as it is
//! (`jekyll-html-pages`).

use crate::harness::{TestBook, check_all_links, hrefs, sel, sidebar, texts};

/// Before, the HTML pages were copied as they are (their `---` front matter and Liquid
/// shown, no theme), and `index.html` gave way to orgbook's home page, its text lost.
/// Now each is a page: the home page shows `index.html`'s text, blank lines and indented
/// lines and all as HTML (no code block); `about.html` is at its `permalink`, titled by
/// its front matter; `team/index.html` is its folder's page, titled by its `<h1>`. Links
/// to them as Jekyll sites write them (the file, `/about/`, `{% link %}`,
/// `{{ site.baseurl }}`) lead to them, and the plain HTML file is copied byte for byte.
#[test]
fn html_pages_with_front_matter_are_pages_of_the_handbook() {
    let book = TestBook::fixture("jekyll-html-pages");
    let run = book.build();
    run.success()
        .stderr_has("warning[template-leftover]")
        .stderr_has("content/about.html:21:1")
        .stderr_has("{% include footer.html %}")
        .stderr_lacks("broken-link")
        .stderr_lacks("content/index.html");
    check_all_links(&book.out(), &["404.html"]);

    // The home page: index.html's text, as HTML, under orgbook's home layout.
    let home = book.html("index.html");
    assert_eq!(texts(&home, "h1"), ["Box Products Employee Handbook"]);
    let prose = texts(&home, ".home .prose").concat();
    assert!(prose.contains("Throughout my career"), "{prose}");
    assert!(prose.contains("question things."), "{prose}");
    assert!(
        !prose.contains("layout:") && !prose.contains("{%"),
        "{prose}"
    );
    assert!(
        home.select(&sel(".home .prose pre, .home .prose code"))
            .next()
            .is_none(),
        "indented HTML shown as code"
    );
    assert_eq!(texts(&home, ".home .prose h2"), ["Appendices"]);
    assert_eq!(
        hrefs(
            &home,
            ".home .prose #chapters ~ div a, .home .prose #chapters a"
        ),
        [
            "box-products-is-you.html",
            "getting-started.html",
            "team/index.html",
            "about/index.html"
        ]
    );

    // about.html: at its permalink, in the page layout, its front matter not shown.
    let about = book.html("about/index.html");
    assert_eq!(
        texts(&about, "title"),
        ["About this handbook · Box Products"]
    );
    assert_eq!(texts(&about, ".doc-head h1"), ["About this handbook"]);
    assert_eq!(
        texts(&about, ".doc-head .lede"),
        ["Who writes the Box Products handbook, and how to change it."]
    );
    let raw = book.output_file("about/index.html");
    assert!(
        !raw.contains("permalink:") && !raw.contains("layout: page"),
        "{raw}"
    );
    assert_eq!(texts(&about, ".prose h2#changing-it"), ["Changing it"]);
    assert_eq!(
        hrefs(&about, ".prose a"),
        [
            "https://github.com/box-products/handbook/pulls",
            "../getting-started.html"
        ]
    );
    // Its `<pre>` keeps its lines as written.
    let pre = about
        .select(&sel(".prose pre"))
        .next()
        .expect("the pre")
        .text()
        .collect::<String>();
    assert!(pre.contains("\n    Server address"), "{pre:?}");
    assert!(!book.out().join("about.html").exists());

    // team/index.html: its folder's page, titled by its first `<h1>`.
    let team = book.html("team/index.html");
    assert_eq!(texts(&team, "title"), ["Who Does What · Box Products"]);
    assert_eq!(texts(&team, "h1"), ["Who Does What"]);
    assert_eq!(
        texts(&team, ".prose td"),
        ["Support", "Blake", "Status page", "Jonathan"]
    );
    assert_eq!(hrefs(&team, ".prose a"), ["../box-products-is-you.html"]);

    // Markdown pages link to them the ways Jekyll sites do.
    let start = book.html("getting-started.html");
    assert_eq!(
        hrefs(&start, ".prose a"),
        [
            "box-products-is-you.html",
            "about/index.html",
            "about/index.html#changing-it",
            "team/index.html",
            "index.html",
            "about/index.html"
        ]
    );
    let you = book.html("box-products-is-you.html");
    assert_eq!(
        hrefs(&you, ".prose a"),
        ["team/index.html", "assets/status-widget.html"]
    );

    // In the navigation, the search index and the sitemap like any page.
    let nav = sidebar(&book, "getting-started.html");
    for title in ["About this handbook", "Who Does What"] {
        assert!(nav.iter().any(|t| t == title), "{title} not in {nav:?}");
    }
    let search: String = crate::harness::files_under(&book.out().join("search"))
        .iter()
        .map(|f| book.output_file(&format!("search/{f}")))
        .collect();
    // Titles, the snippets of pages without a description, and (as a term) a word only
    // about.html's body has.
    for text in [
        "About this handbook",
        "Who Does What",
        "wears more than one hat",
        "Throughout my career",
        "\"written\"",
    ] {
        assert!(search.contains(text), "{text} is not in the search index");
    }
    assert!(!search.contains("layout: page") && !search.contains("<p>"));
    let sitemap = book.output_file("sitemap.xml");
    for url in ["about/index.html", "team/index.html"] {
        assert!(sitemap.contains(url), "{url} not in the sitemap");
    }

    // The HTML file without front matter is copied as it is.
    assert_eq!(
        std::fs::read(book.out().join("assets/status-widget.html")).unwrap(),
        std::fs::read(book.root().join("content/assets/status-widget.html")).unwrap()
    );
}

/// An HTML page and a Markdown page at one address are the collision two Markdown pages
/// there are: `about.md` beside `about.html` (without its permalink) an
/// `output-collision`, `index.md` beside `index.html` a `duplicate-folder-index`, each
/// naming both files.
#[test]
fn an_html_page_and_a_markdown_page_at_one_address_collide() {
    let book = TestBook::fixture("jekyll-html-pages");
    book.edit("content/about.html", "permalink: /about/\n", "");
    book.write("content/about.md", "# About\n");
    book.write("content/team/index.md", "# The team\n");
    book.build()
        .failure(1)
        .stderr_has("error[output-collision]")
        .stderr_has("would both be written to about.html")
        .stderr_has("content/about.html")
        .stderr_has("content/about.md")
        .stderr_has("error[duplicate-folder-index]")
        .stderr_has("content/team/index.md and content/team/index.html are both the index page of content/team/");
}

/// An HTML page where orgbook generates a page of its own (Jekyll's `404.html`) gives way
/// to it with a warning, rather than fail the build as a Markdown page there does. One in
/// `content/teams/` of a handbook with charters is a page (charters are Markdown), not a
/// charter missing its keys.
#[test]
fn an_html_page_at_a_generated_address_gives_way_and_one_in_teams_is_a_page() {
    let book = TestBook::fixture("jekyll-html-pages");
    book.write(
        "content/404.html",
        "---\nlayout: default\npermalink: /404.html\n---\n<h1>Page not found</h1>\n<p>Start again from the <a href=\"{{ site.baseurl }}/\">home page</a>.</p>\n",
    );
    book.write(
        "content/teams/support.md",
        "---\nname: Support\nproblem: Customers wait for answers.\nmetrics:\n  - name: First reply\n    target: 1h\n---\n",
    );
    book.write(
        "content/teams/rota.html",
        "---\ntitle: Support rota\n---\n<p>Who is on support this week.</p>\n",
    );
    book.build()
        .success()
        .stderr_has("content/404.html")
        .stderr_has("which orgbook generates itself: not published")
        .stderr_lacks("not-a-charter")
        .stderr_lacks("content/teams/rota.html");
    assert!(!book.output_file("404.html").contains("permalink:"));
    assert_eq!(
        texts(&book.html("teams/rota.html"), ".doc-head h1"),
        ["Support rota"]
    );
    assert_eq!(
        texts(&book.html("teams/support.html"), ".doc-head h1"),
        ["Support"]
    );
}
