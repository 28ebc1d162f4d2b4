//! Markdown of other generators drawn as those generators draw it: Gatsby's MDX in `.md`
//! files and its link components, docsify's callouts and link options, VitePress's and
//! Starlight's extras, Hugo's callout shortcodes. Each test writes pages shaped like a real
//! site's into a small fixture and asserts on the built HTML and the warnings.

use crate::harness::{TestBook, hrefs, texts};

/// The `github` fixture with `pages` added: a handbook that builds clean without them.
fn book_with(pages: &[(&str, &str)]) -> TestBook {
    let book = TestBook::fixture("github");
    for (rel, text) in pages {
        book.write(rel, text);
    }
    book
}

/// The text of `main` on a page, whitespace collapsed.
fn main_text(book: &TestBook, page: &str) -> String {
    texts(&book.html(page), "main").concat()
}

/// A `.md` page of a Gatsby MDX site: its import goes and its components are reported,
/// as in an `.mdx` page; a `.md` page that only talks about importing is left as it is.
#[test]
fn a_md_page_with_imports_is_read_as_mdx() {
    let book = book_with(&[
        (
            "content/company/feedback.md",
            "---\ntitle: Feedback\n---\n\nimport { NoticeBox } from 'components/NoticeBox'\n\nPing a <TeamBadge slug=\"ops\" /> member first.\n\n<NoticeBox title=\"Before you comment\">\n\nRead the whole proposal.\n\n</NoticeBox>\n",
        ),
        (
            "content/company/imports.md",
            "---\ntitle: Imports\n---\n\nimport duties are paid by the buyer.\n\n```js\nimport x from 'y'\n```\n",
        ),
    ]);
    let run = book.build();
    run.success()
        .stderr_has("content/company/feedback.md:5:1")
        .stderr_has("MDX imports removed")
        .stderr_has("`<TeamBadge>`")
        .stderr_lacks("content/company/imports.md");
    let text = main_text(&book, "company/feedback.html");
    assert!(!text.contains("import"), "{text}");
    assert!(!text.contains("NoticeBox"), "{text}");
    let page = book.html("company/feedback.html");
    assert_eq!(texts(&page, "main strong"), ["Before you comment"]);
    let text = main_text(&book, "company/imports.html");
    assert!(text.contains("import duties are paid"), "{text}");
    assert!(text.contains("import x from 'y'"), "{text}");
}

/// Gatsby's `<Link to>` (with a `state={{ … }}` prop too) and `<PrivateLink url>` are links
/// to their target, resolved and checked like Markdown links; the braces of a prop are no
/// template leftover.
#[test]
fn gatsby_link_components_are_links() {
    let book = book_with(&[(
        "content/company/points.mdx",
        "---\ntitle: Points\n---\n\nSee the <Link to=\"/company/values\" state={{ openInNewTab: true }}>values page</Link> first.\n\nThen the <Link to=\"/company/mission\">mission</Link> and the <PrivateLink url=\"https://chat.example.com/rewards\">rewards channel</PrivateLink>.\n\nAnd the <Link to=\"/company/nowhere\">lost page</Link>.\n",
    )]);
    book.build()
        .failure(1)
        .stderr_has("error[broken-link]")
        .stderr_has("content/company/points.mdx:9:19")
        .stderr_lacks("openInNewTab")
        .stderr_lacks("`<Link>`");
    book.edit(
        "content/company/points.mdx",
        "/company/nowhere",
        "/company/history",
    );
    book.build().success().stderr_lacks("`<PrivateLink>`");
    let page = book.html("company/points.html");
    // After the page's own links (to its folder), the body's.
    let (links, shown) = (hrefs(&page, "main p a"), texts(&page, "main p a"));
    let first = shown.iter().position(|t| t == "values page").unwrap();
    assert_eq!(
        links[first..],
        [
            "../company/values.html",
            "../company/mission.html",
            "https://chat.example.com/rewards",
            "../company/history.html"
        ]
    );
    assert_eq!(
        shown[first..],
        ["values page", "mission", "rewards channel", "lost page"]
    );
    let text = main_text(&book, "company/points.html");
    assert!(!text.contains("Link") && !text.contains("{{"), "{text}");
}
