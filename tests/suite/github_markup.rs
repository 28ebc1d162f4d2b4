//! Markup written for GitHub's renderer, as handbooks kept on GitHub write it: hand-written
//! HTML with comments inside, GitHub's own anchors, upper-case extensions, figures embedded
//! with `<object>`, links whose target is a placeholder or a bare domain. Each test writes
//! pages shaped like a real handbook's into the `github` fixture and asserts on the built
//! HTML and the warnings.

use crate::harness::{TestBook, hrefs, sel, texts};

/// The `github` fixture with `pages` added: a handbook that builds clean without them.
fn book_with(pages: &[(&str, &str)]) -> TestBook {
    let book = TestBook::fixture("github");
    for (rel, text) in pages {
        book.write(rel, text);
    }
    book
}

/// A comment on its own line inside an indented HTML table keeps the table one HTML block,
/// as on GitHub: the rows after it are rows, not a code block of escaped source, the
/// comment reaches no reader, and an anchor written in the table resolves.
#[test]
fn a_comment_line_inside_an_html_block_keeps_the_block_whole() {
    let book = book_with(&[(
        "content/engineering/levels.md",
        "# Engineering levels\n\nJump to [the first level](#lvl1).\n\n\
         <table class=\"ladder\">\n\n  <thead>\n    <tr><th>Level</th><th>Scope</th></tr>\n  </thead>\n\n  <tbody>\n    \
         <!-- LVL1 -->\n    <tr>\n      <th id=\"lvl1\" scope=\"row\"><a href=\"#lvl1\"></a>Level one</th>\n      <td>Own tasks</td>\n    </tr>\n    \
         <!--\n      keep the rows below in step with the review form\n    -->\n    <tr>\n      <th id=\"lvl2\" scope=\"row\">Level two</th>\n      <td>Own projects</td>\n    </tr>\n  </tbody>\n</table>\n\n\
         Broken on purpose: [missing](#nowhere).\n",
    )]);
    let run = book.build();
    run.success()
        .stderr_lacks("`#lvl1`")
        .stderr_has("`#nowhere`")
        .stderr_has("content/engineering/levels.md:27:20");
    let page = book.html("engineering/levels.html");
    assert!(page.select(&sel("main pre")).next().is_none());
    assert_eq!(texts(&page, "main tbody th"), ["Level one", "Level two"]);
    assert_eq!(texts(&page, "main tbody td"), ["Own tasks", "Own projects"]);
    let html = book.output_file("engineering/levels.html");
    assert!(
        !html.contains("LVL1") && !html.contains("review form"),
        "{html}"
    );
    assert!(hrefs(&page, "main p a").contains(&"#lvl1".to_string()));
}

/// `#readme` (GitHub's link to a file's rendered text) and `#top` are the top of a page,
/// on another page or this one: no warning, and the link keeps its fragment.
#[test]
fn readme_and_top_fragments_open_the_page_at_its_top() {
    let book = book_with(&[(
        "content/people/index-of-guides.md",
        "# Guides\n\n| Guide | For |\n| --- | --- |\n| [Onboarding](/people/onboarding-checklist.md#readme) | new hires |\n| [Hiring](hiring.md#README) | managers |\n| [Security](/security#readme) | everyone |\n\n[Back to the top](#top) or [benefits, top](benefits.md#top).\n\n[Not a heading](hiring.md#readme-first)\n",
    )]);
    let run = book.build();
    run.success()
        .stderr_lacks("`#readme`")
        .stderr_lacks("`#README`")
        .stderr_lacks("`#top`")
        .stderr_has("`#readme-first`");
    let links = hrefs(&book.html("people/index-of-guides.html"), "main a");
    for want in [
        "onboarding-checklist.html#readme",
        "hiring.html#README",
        "#top",
        "benefits.html#top",
    ] {
        assert!(links.iter().any(|l| l.ends_with(want)), "{want}: {links:?}");
    }
}

/// `README.MD` and `notes.Markdown`, as files saved on Windows name them, are Markdown as
/// on GitHub: the folder's page and a page, linked by their names as written.
#[test]
fn markdown_extensions_in_upper_case_are_pages() {
    let book = book_with(&[
        (
            "content/launchpad/README.MD",
            "# Launchpad stack\n\nWhat new services start from.\n",
        ),
        (
            "content/launchpad/Runbook.Markdown",
            "# Launchpad runbook\n\nRestart it.\n",
        ),
        (
            "content/engineering/tooling-links.md",
            "# Tooling links\n\n[The stack](../launchpad/README.MD), [its folder](../launchpad/) and [its runbook](../launchpad/Runbook.Markdown).\n",
        ),
    ]);
    book.build().success().stderr_lacks("launchpad");
    assert_eq!(
        texts(&book.html("launchpad/index.html"), "main h1"),
        ["Launchpad stack"]
    );
    let links = hrefs(&book.html("engineering/tooling-links.html"), "main p a");
    assert!(
        links.ends_with(&[
            "../launchpad/index.html".to_string(),
            "../launchpad/index.html".to_string(),
            "../launchpad/Runbook.html".to_string(),
        ]),
        "{links:?}"
    );
    assert!(!book.out().join("launchpad/README.MD").exists());
}

/// A figure embedded as `<object data="x.svg">` (by a handbook made for its own renderer)
/// is shown as an image, its path checked like an `<img src>`; the `<style>` and
/// `<script>` the sanitizer drops are named in one warning, with what keeps them.
#[test]
fn image_objects_become_images_and_dropped_styles_are_told() {
    let book = book_with(&[
        (
            "content/company/brand.md",
            "# Brand colours\n\n<style>\n  .swatch { width: 4rem; }\n</style>\n\n<figure>\n  <object role=\"img\" aria-label=\"Contrast that fails\" data=\"brand/contrast-fail.svg\"></object>\n  <figcaption>Too little contrast.</figcaption>\n</figure>\n\n<figure>\n  <object type=\"image/svg+xml\" data=\"brand/gone.svg\">Your browser cannot show this.</object>\n</figure>\n\n<style>.swatch-row { display: flex; }</style>\n\n<script src=\"palette.js\"></script>\n",
        ),
        (
            "content/company/brand/contrast-fail.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ),
        (
            "orgbook.toml",
            "title = \"Acme Handbook\"\n\n[links]\nbroken = \"warn\"\n",
        ),
    ]);
    let run = book.build();
    run.success()
        .stderr_has(
            "warning[removed-embed]: raw HTML on this page loses 2 `<style>` and 1 `<script>`",
        )
        .stderr_has("content/company/brand.md:3:1")
        .stderr_has("raw_html = \"allow\"")
        .stderr_has("link to `brand/gone.svg`: no such file")
        .stderr_lacks("contrast-fail.svg`");
    assert_eq!(
        run.stderr.matches("removed-embed").count(),
        1,
        "{}",
        run.stderr
    );
    let page = book.html("company/brand.html");
    let images: Vec<(String, String)> = page
        .select(&sel("main figure img"))
        .map(|i| {
            let attr = |n| i.value().attr(n).unwrap_or_default().to_string();
            (attr("src"), attr("alt"))
        })
        .collect();
    assert_eq!(images[0].0, "../company/brand/contrast-fail.svg");
    assert_eq!(images[0].1, "Contrast that fails");
    assert!(book.out().join("company/brand/contrast-fail.svg").is_file());
    assert_eq!(images.len(), 2, "{images:?}");
    assert!(!texts(&page, "main").concat().contains("cannot show"));
}

/// A link to a bare domain is told to add `https://`; a placeholder target is called one,
/// with no "did you mean" to an unrelated file; an empty target is reported, not written
/// as a silent `href=""`.
#[test]
fn bare_domains_placeholders_and_empty_links_get_hints_that_fit() {
    let book = book_with(&[
        (
            "content/engineering/on-call-links.md",
            "# On-call links\n\n- [Status](status.example.com)\n- [Docs](docs.example.io/guides/setup/)\n- [Recordings](TBD)\n- [Runbook](TODO)\n- [Dashboard]()\n- [Notes](on-call-notes.txt)\n",
        ),
        (
            "orgbook.toml",
            "title = \"Acme Handbook\"\n\n[links]\nbroken = \"warn\"\n",
        ),
    ]);
    let run = book.build();
    run.success()
        .stderr_has("did you mean `https://status.example.com`?")
        .stderr_has("did you mean `https://docs.example.io/guides/setup/`?")
        .stderr_has("link to `TBD`: a placeholder, not a page or file")
        .stderr_has("link to `TODO`: a placeholder, not a page or file")
        .stderr_has("a link with no target (`[text]()`)")
        .stderr_has("content/engineering/on-call-links.md:7:3")
        .stderr_lacks("https://on-call-notes.txt");
    // The link with no target is shown as its text, marked like a broken link: not an
    // `<a href="">` that reloads the page.
    let page = book.html("engineering/on-call-links.html");
    assert!(
        !hrefs(&page, "main a").iter().any(|h| h.is_empty()),
        "{:?}",
        hrefs(&page, "main a")
    );
    assert!(
        texts(&page, "main span.broken-link").contains(&"Dashboard".to_string()),
        "{:?}",
        texts(&page, "main span.broken-link")
    );
    let placeholder_hints = run
        .stderr
        .split("warning[")
        .filter(|w| w.contains("a placeholder"))
        .filter(|w| w.contains("did you mean"))
        .count();
    assert_eq!(placeholder_hints, 0, "{}", run.stderr);
}

/// A comment on its own lines after a list ends the list, as on GitHub: pandoc and
/// Confluence exports write `<!-- -->` between two lists (and between a list and the
/// indented code after it) to keep them apart. The comment reaches no reader.
#[test]
fn a_comment_after_a_list_keeps_the_next_list_and_code_apart() {
    let book = book_with(&[(
        "content/engineering/checklists.md",
        "# Checklists\n\nBefore a release:\n\n- tag the build\n- tell support\n\n<!-- -->\n\n- write the notes\n  that go out\n\n<!--THE END-->\n\n    make release\n\n1. one\n<!-- split -->\n2. two\n",
    )]);
    book.build().success();
    let page = book.html("engineering/checklists.html");
    assert_eq!(page.select(&sel("main .prose > ul")).count(), 2);
    assert_eq!(
        texts(&page, "main .prose > ul > li"),
        [
            "tag the build",
            "tell support",
            "write the notes that go out"
        ]
    );
    assert_eq!(texts(&page, "main .prose > pre code"), ["make release"]);
    assert_eq!(page.select(&sel("main .prose > ol")).count(), 2);
    let html = book.output_file("engineering/checklists.html");
    for gone in ["<!--", "THE END", "split"] {
        assert!(!html.contains(gone), "{gone}");
    }
}

/// A file the pages link that stayed beside content/ when they moved in (the README's
/// `CONTRIBUTING.md`, the `media/` folder pandoc wrote beside a converted page): each says
/// where it is and how to mend it. The link names a file the repository has, so it is a
/// warning (the link shown as its text, or on the forge with `[repository] url`); the
/// image would be missing from the page, so it stays an error.
#[test]
fn a_link_to_a_file_left_beside_content_names_where_it_is() {
    let book = book_with(&[(
        "content/engineering/setup.md",
        "# Setup\n\nRead [how to contribute](/CONTRIBUTING.md).\n\n![Desk](../media/image1.png)\n",
    )]);
    book.write("CONTRIBUTING.md", "# Contributing\n");
    book.write("media/image1.png", "png");
    book.run(&["check"])
        .failure(1)
        .stderr_has("warning[link-outside-site]: link to `/CONTRIBUTING.md`: no such file in content/ (content/CONTRIBUTING.md); CONTRIBUTING.md is beside content/, not in it")
        .stderr_has("or move it in with the pages (`git mv CONTRIBUTING.md content/`)")
        .stderr_has("error[broken-link]: link to `../media/image1.png`: no such file (content/media/image1.png); media/image1.png is beside content/, not in it")
        .stderr_has("`git mv media content/`");
}

/// A folder the pages link that is beside content/ (kubernetes/org's README links its
/// `config/` of team files): the same, said of a folder, not "no such file"; a warning,
/// since the folder is the repository's.
#[test]
fn a_link_to_a_folder_left_beside_content_names_where_it_is() {
    let book = book_with(&[(
        "content/engineering/setup.md",
        "# Setup\n\nThe team files are in [the configuration](/config/).\n",
    )]);
    book.write("config/harbor/org.yaml", "teams: {}\n");
    book.run(&["check"])
        .success()
        .stderr_has("warning[link-outside-site]: link to `/config/`: no such folder in content/ (content/config); config is beside content/, not in it")
        .stderr_has("`git mv config content/`");
}
