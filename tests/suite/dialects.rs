//! Markdown of other generators drawn as those generators draw it: Gatsby's MDX in `.md`
//! files and its link components, docsify's callouts and link options, VitePress's and
//! Starlight's extras, Hugo's callout shortcodes. Each test writes pages shaped like a real
//! site's into a small fixture and asserts on the built HTML and the warnings.

use crate::harness::{TestBook, check_all_links, hrefs, row_cells, sel, texts};

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
    // No space is left where a closing tag was, before the punctuation after it.
    assert!(text.contains("rewards channel."), "{text}");
}

/// docsify: `?>` and `!>` paragraphs are callouts, `?id=` and `#/` links reach their
/// section and page, `:id=` names a heading, and link options are no tooltip.
#[test]
fn docsify_callouts_links_and_heading_ids() {
    let book = book_with(&[
        (
            "content/company/rota.md",
            "# Rota\n\n?> Keep the pager charged.\n\n!> Never silence an alert you have not read.\n\n## Who is on call :id=on-call\n\nSee [the list](#on-call), [principles](principles?id=honesty), [history](#/company/history), [mission](mission.md ':include') and [the top](principles?id=main).\n",
        ),
        (
            "content/company/principles.md",
            "# Principles\n\n## Honesty\n\nSay it.\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_lacks("content/company/rota.md");
    let page = book.html("company/rota.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-tip > p"),
        ["Tip", "Keep the pager charged."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        ["Warning", "Never silence an alert you have not read."]
    );
    assert_eq!(texts(&page, "main h2#on-call"), ["Who is on call"]);
    let links = hrefs(&page, "main p a");
    let see = links
        .iter()
        .position(|h| h == "#on-call")
        .expect("the in-page link");
    assert_eq!(
        links[see..],
        [
            "#on-call",
            "../company/principles.html#honesty",
            "../company/history.html",
            "../company/mission.html",
            // `id=main` is docsify's page element: the page's top.
            "../company/principles.html"
        ]
    );
    assert!(
        page.select(&crate::harness::sel("main a[title]"))
            .next()
            .is_none(),
        "a link option became a tooltip"
    );
    let text = main_text(&book, "company/rota.html");
    assert!(
        !text.contains("?>") && !text.contains("!>") && !text.contains(":id="),
        "{text}"
    );
}

/// VitePress: text after an alert's marker is its title, a code group shows its code
/// blocks with no `:::` left and no word of mkdocstrings, and `[[toc]]` is no wikilink.
#[test]
fn vitepress_alert_titles_code_groups_and_toc_markers() {
    let book = book_with(&[(
        "content/engineering/install.md",
        "# Install\n\n[[toc]]\n\n> [!IMPORTANT] SEV1 INCIDENTS\n> Page the on-call engineer at once.\n\n> [!NOTE] Mostly during a freeze or if\n> the build is red.\n\n## Tools\n\n::: code-group\n\n```sh [npm]\nnpm install handbook-cli\n```\n\n```sh [pnpm]\npnpm add handbook-cli\n```\n\n:::\n",
    )]);
    book.build()
        .success()
        .stderr_lacks("content/engineering/install.md");
    let page = book.html("engineering/install.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-important > p"),
        ["SEV1 INCIDENTS", "Page the on-call engineer at once."]
    );
    // Running on into the next line, it is the first sentence (GitHub's way).
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-note > p"),
        ["Note", "Mostly during a freeze or if the build is red."]
    );
    assert_eq!(
        texts(&page, "main pre code"),
        ["npm install handbook-cli", "pnpm add handbook-cli"]
    );
    // Each tab's label is its block's caption.
    assert_eq!(texts(&page, "main p > em"), ["npm", "pnpm"]);
    let text = main_text(&book, "engineering/install.html");
    assert!(!text.contains(":::") && !text.contains("toc"), "{text}");
}

/// Hugo: `{{% note %}}` and its kin are callouts like Docsy's `alert`, and a shortcode
/// left on the page keeps its straight quotes under smart punctuation.
#[test]
fn hugo_note_shortcodes_are_callouts_and_leftovers_keep_their_quotes() {
    let book = book_with(&[(
        "content/engineering/teams.md",
        "# Teams\n\n{{% note %}}\nAsk in the team channel first.\n{{% /note %}}\n\n{{% warning title=\"Heads up\" %}}\nRotas change on Mondays.\n{{% /warning %}}\n\n{{< team-list manager=\"sam\" >}}\n\nThe \"platform\" team owns it.\n",
    )]);
    book.edit(
        "orgbook.toml",
        "title = \"Acme Handbook\"",
        "title = \"Acme Handbook\"\n[markdown]\nsmart_punctuation = true",
    );
    book.build()
        .success()
        .stderr_has("`{{< team-list manager=\"sam\" >}}`")
        .stderr_lacks("note %}}");
    let page = book.html("engineering/teams.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-note > p"),
        ["Note", "Ask in the team channel first."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        ["Heads up", "Rotas change on Mondays."]
    );
    let text = main_text(&book, "engineering/teams.html");
    assert!(text.contains("{{< team-list manager=\"sam\" >}}"), "{text}");
    // Prose keeps its curled quotes.
    assert!(text.contains("\u{201c}platform\u{201d}"), "{text}");
}

/// VitePress: `<!--@include: -->` puts the file's text in the page, `<<<` its code as a
/// code block (a missing one is reported), and a `<Badge>` is drawn as a badge.
#[test]
fn vitepress_includes_snippets_and_badges() {
    let book = book_with(&[
        (
            "content/engineering/release.md",
            "# Release\n\n## Freeze <Badge type=\"warning\" text=\"since v3\" />\n\n<!--@include: ./parts/freeze-rules.md-->\n\n<<< @/engineering/snippets/tag.sh\n\n<<< @/engineering/snippets/gone.sh\n",
        ),
        (
            "content/engineering/parts/freeze-rules.md",
            "No merges to main after Thursday noon.\n",
        ),
        ("content/engineering/snippets/tag.sh", "git tag -s v3.1.0\n"),
    ]);
    book.build()
        .success()
        .stderr_has("warning[broken-include]")
        .stderr_has("content/engineering/release.md:9:1")
        .stderr_has("gone.sh");
    let page = book.html("engineering/release.html");
    // A badge in a heading is drawn as a badge, outside the heading's words, so the
    // heading keeps the anchor VitePress gives it and links to it still work.
    assert_eq!(texts(&page, "main h2"), ["Freeze since v3"]);
    assert_eq!(texts(&page, "main h2 .badge.badge-warning"), ["since v3"]);
    let ids: Vec<&str> = page
        .select(&sel("main h2"))
        .filter_map(|h| h.value().attr("id"))
        .collect();
    assert_eq!(ids, ["freeze"]);
    let text = main_text(&book, "engineering/release.html");
    assert!(
        text.contains("No merges to main after Thursday noon."),
        "{text}"
    );
    assert!(
        !text.contains("<<<") && !text.contains("@include"),
        "{text}"
    );
    assert_eq!(texts(&page, "main pre code"), ["git tag -s v3.1.0"]);
}

/// mdBook: `{{#include}}` puts a file's text where it stands, inside a code block too,
/// relative to the page (a listing kept beside `content/`), cut to lines (`:2:3`) or to an
/// anchor's part (its `ANCHOR` comments never shown); `{{#playground}}` shows the file as
/// a Rust block. A Markdown file only included is not a page, and a missing one is
/// reported at its line.
#[test]
fn mdbook_includes_put_files_and_their_parts_in_the_page() {
    let book = book_with(&[
        (
            "content/onboarding/tooling.md",
            "# Tooling\n\n{{#include ../shared/ask-first.md}}\n\n```rust\n{{#include ../../listings/rota.rs:2:3}}\n```\n\n```rust,no_run\n{{#include ../../listings/rota.rs:swap}}\n```\n\n{{#playground ../../listings/hello.rs editable}}\n\n```rust\n{{#include ../../listings/gone.rs}}\n```\n",
        ),
        (
            "content/shared/ask-first.md",
            "Ask in **#tooling** before installing anything.\n",
        ),
        (
            "listings/rota.rs",
            "// Rota helpers\nfn week() -> u8 { 1 }\nfn day() -> u8 { 2 }\n// ANCHOR: swap\nfn swap() {}\n// ANCHOR: inner\nfn inner() {}\n// ANCHOR_END: inner\n// ANCHOR_END: swap\n",
        ),
        ("listings/hello.rs", "fn main() {}\n"),
    ]);
    book.build()
        .success()
        .stderr_has("warning[broken-include]")
        .stderr_has("content/onboarding/tooling.md:16:1")
        .stderr_has("gone.rs")
        .stderr_lacks("ask-first.md");
    let page = book.html("onboarding/tooling.html");
    assert_eq!(texts(&page, "main strong"), ["#tooling"]);
    assert_eq!(
        texts(&page, "main pre code"),
        [
            "fn week() -> u8 { 1 } fn day() -> u8 { 2 }",
            "fn swap() {} fn inner() {}",
            "fn main() {}",
            "",
        ]
    );
    assert!(!main_text(&book, "onboarding/tooling.html").contains("{{#"));
    assert!(!book.out().join("shared/ask-first.html").exists());
}

/// A Rust code block (as mdBook writes it, with `ignore` or `no_run` after the language)
/// hides rustdoc's hidden lines, `# use …;` and a lone `#`, and shows `##` as `#`; an
/// attribute (`#[derive]`) is code, and other languages keep their `#` lines.
#[test]
fn rust_code_blocks_hide_rustdoc_hidden_lines() {
    let book = book_with(&[(
        "content/engineering/ownership-map.md",
        "# Ownership map\n\n```rust,ignore\n# use std::collections::BTreeMap;\n#\n# fn main() {\n#[derive(Debug)]\nstruct Owner;\nlet map = BTreeMap::from([(\"ledger\", Owner)]);\n    ## not hidden\n# }\n```\n\n```python\n# a Python comment stays\n```\n",
    )]);
    book.build().success();
    let page = book.html("engineering/ownership-map.html");
    assert_eq!(
        texts(&page, "main pre code"),
        [
            "#[derive(Debug)] struct Owner; let map = BTreeMap::from([(\"ledger\", Owner)]); # not hidden",
            "# a Python comment stays",
        ]
    );
}

/// mdbook-admonish: a ```` ```admonish ```` block is a callout of its kind (a note when
/// none is named), titled by its quoted or `title="…"` title, else by a type the callouts
/// have no colour of (`example`); its text is Markdown. The word in a code block is code.
#[test]
fn mdbook_admonish_blocks_are_callouts() {
    let book = book_with(&[(
        "content/engineering/deploys.md",
        "# Deploys\n\n```admonish warning\nNever deploy on a **Friday**.\n```\n\n```admonish tip title=\"Faster rollbacks\"\nKeep the previous build warm.\n```\n\n```admonish example\nA canary at 5%.\n```\n\n```admonish\nAsk in the channel.\n```\n\n```text\nadmonish is just a word here\n```\n",
    )]);
    book.build().success();
    let page = book.html("engineering/deploys.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        ["Warning", "Never deploy on a Friday."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-tip > p"),
        ["Faster rollbacks", "Keep the previous build warm."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-note > p"),
        ["Example", "A canary at 5%.", "Note", "Ask in the channel."]
    );
    assert_eq!(texts(&page, "main strong"), ["Friday"]);
    assert_eq!(
        texts(&page, "main pre code"),
        ["admonish is just a word here"]
    );
}

/// docsify: a link alone on its line with the title `':include'` puts the file there, as
/// code with `:type=code` or when it is not Markdown; the included Markdown file is not a
/// page, and a missing one is reported.
#[test]
fn docsify_include_links_embed_their_file() {
    let book = book_with(&[
        (
            "content/support/rota.md",
            "# Rota\n\n[shift rules](parts/shift-rules.md ':include')\n\n[](/support/parts/handover.md \":include :type=code\")\n\n[script](parts/swap.sh ':include')\n\n[gone](parts/gone.md ':include')\n\nAsk [the lead](lead.md) first.\n",
        ),
        (
            "content/support/parts/shift-rules.md",
            "Shifts start at **nine** sharp.\n",
        ),
        ("content/support/parts/handover.md", "# Handover\n"),
        (
            "content/support/parts/swap.sh",
            "swap --from ana --to ode\n",
        ),
        ("content/support/lead.md", "# Lead\n"),
    ]);
    book.build()
        .success()
        .stderr_has("warning[broken-include]")
        .stderr_has("content/support/rota.md:9:1");
    let page = book.html("support/rota.html");
    assert_eq!(texts(&page, "main strong"), ["nine"]);
    assert_eq!(
        texts(&page, "main pre code"),
        ["# Handover", "swap --from ana --to ode"]
    );
    assert_eq!(hrefs(&page, "main p a"), ["../support/lead.html"]);
    assert!(!book.out().join("support/parts/shift-rules.html").exists());
}

/// Quarto: `@sec-x` and `[@sec-x]` in a `.qmd` page link to the heading with that id, on
/// the page or another, showing its text; an unknown one is reported where it is. In a
/// `.md` page of a site that is not Quarto's, `@name` is a mention and stays text.
#[test]
fn quarto_section_references_link_to_their_heading() {
    let book = book_with(&[
        (
            "content/runbooks/deploy.qmd",
            "---\ntitle: Deploy\n---\n\n## Before you start {#sec-before}\n\nCheck the board.\n\n## Rollback\n\nAs in @sec-before, then see [@sec-freeze].\n\nAsk @sec-nowhere.\n\n```\n@sec-before in code\n```\n",
        ),
        (
            "content/runbooks/freeze.qmd",
            "---\ntitle: Freeze\n---\n\n## The freeze window {#sec-freeze}\n\nNo deploys on Friday.\n",
        ),
        (
            "content/runbooks/chat.md",
            "# Chat\n\nPing @sec-before in the channel.\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("warning[broken-link]: `@sec-nowhere` refers to no heading")
        .stderr_has("content/runbooks/deploy.qmd:13:5");
    let page = book.html("runbooks/deploy.html");
    assert_eq!(
        texts(&page, "main p a"),
        ["Before you start", "The freeze window"]
    );
    assert_eq!(
        hrefs(&page, "main p a"),
        ["#sec-before", "../runbooks/freeze.html#sec-freeze"]
    );
    let ids: Vec<&str> = page
        .select(&sel("main h2"))
        .filter_map(|h| h.value().attr("id"))
        .collect();
    assert!(ids.contains(&"sec-before"), "{ids:?}");
    let text = main_text(&book, "runbooks/deploy.html");
    assert!(
        text.contains("As in Before you start, then see The freeze window."),
        "{text}"
    );
    assert!(text.contains("@sec-before in code"), "{text}");
    assert!(main_text(&book, "runbooks/chat.html").contains("Ping @sec-before in the channel."));
}

/// Quarto: `{{< video … >}}` is a link to the video (titled by its `title`), not a
/// reported leftover.
#[test]
fn quarto_videos_are_links() {
    let book = book_with(&[
        (
            "content/training/welcome.qmd",
            "---\ntitle: Welcome\n---\n\n{{< video https://videos.example.org/embed/w3lc0me >}}\n\n{{< video https://videos.example.org/watch?v=tour title=\"Office tour\" >}}\n\n{{< video media/standup.mp4 title=\"How standup runs\" >}}\n\nAfter the videos.\n",
        ),
        ("content/training/media/standup.mp4", "not really a video\n"),
    ]);
    book.build().success().stderr_lacks("welcome.qmd");
    let page = book.html("training/welcome.html");
    assert_eq!(
        texts(&page, "main p a"),
        [
            "https://videos.example.org/embed/w3lc0me",
            "Office tour",
            "How standup runs"
        ]
    );
    let links = hrefs(&page, "main p a");
    assert_eq!(links[0], "https://videos.example.org/embed/w3lc0me");
    assert_eq!(links[1], "https://videos.example.org/watch?v=tour");
    assert!(links[2].ends_with("media/standup.mp4"), "{links:?}");
    assert!(main_text(&book, "training/welcome.html").contains("After the videos."));
}

/// A file a page includes and nothing links to is the includer's text, not a page of its
/// own (`load::partials`); one a page links to, or the navigation lists, stays a page.
#[test]
fn included_files_are_pages_only_when_linked_or_listed() {
    let book = book_with(&[
        (
            "content/ops/oncall.md",
            "# On call

<!--@include: ./shared/paging-rules.md-->

<!--@include: ./shared/escalation.md-->

Read the [escalation ladder](./shared/escalation.md) too.
",
        ),
        (
            "content/ops/shared/paging-rules.md",
            "Page the secondary after ten quiet minutes.
",
        ),
        (
            "content/ops/shared/escalation.md",
            "# Escalation

Incident lead, then the director on duty.
",
        ),
    ]);
    book.build().success().stderr_lacks("paging-rules");
    let text = main_text(&book, "ops/oncall.html");
    assert!(
        text.contains("Page the secondary after ten quiet minutes."),
        "{text}"
    );
    assert!(!book.out().join("ops/shared/paging-rules.html").exists());
    assert!(book.out().join("ops/shared/escalation.html").exists());
    let index = book.output_file("handbook-index/ops.html");
    assert!(!index.contains("paging-rules"), "{index}");
    assert!(index.contains("shared/escalation.html"), "{index}");
}

/// Starlight: an `<Aside>` is a callout titled by its `title`, and tabs written one to a
/// line (`<TabItem label="macOS">…</TabItem>`) keep their labels.
#[test]
fn starlight_asides_are_callouts_and_inline_tabs_keep_their_labels() {
    let book = book_with(&[(
        "content/engineering/laptop.mdx",
        "---\ntitle: Laptop\n---\n\nimport { Aside, Tabs, TabItem } from '@astrojs/starlight/components';\n\n<Aside type=\"caution\" title=\"Before you start\">\nBack up your disk.\n</Aside>\n\n<Tabs>\n  <TabItem label=\"macOS\">Install with brew.</TabItem>\n  <TabItem label=\"Windows\">Install with winget.</TabItem>\n</Tabs>\n",
    )]);
    book.build().success();
    let page = book.html("engineering/laptop.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        ["Before you start", "Back up your disk."]
    );
    // The body's list, after the navigation's.
    let items = texts(&page, "main li");
    assert_eq!(
        items[items.len() - 2..],
        ["macOS: Install with brew.", "Windows: Install with winget."]
    );
}

/// A `.md` page without imports stays Markdown, but a component it uses (global on a
/// Gatsby MDX site, `<SmallTeam slug="support" />`) is dropped by the sanitizer: that is
/// said once, naming it. A type's parameters (`Vec<T>`) and components in code are not
/// components used.
#[test]
fn a_component_in_a_md_page_without_imports_is_reported() {
    let book = book_with(&[
        (
            "content/company/incidents.md",
            "# Incidents\n\nThe on-call team <SmallTeam slug=\"support\" /> owns the pager.\n\n<CalloutBox title=\"Heads up\">\nPage early.\n</CalloutBox>\n",
        ),
        (
            "content/company/types.md",
            "# Types\n\nA Vec<T> holds items; `<Widget />` is written in code.\n\n```jsx\n<Widget size=\"big\" />\n```\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("content/company/incidents.md:3:")
        .stderr_has("components no browser knows are not drawn: `<CalloutBox>`, `<SmallTeam>`")
        .stderr_lacks("content/company/types.md");
    let text = main_text(&book, "company/incidents.html");
    assert!(text.contains("Page early."), "{text}");
}

/// A Word handbook converted by `pandoc -t markdown`: its tables are tables, its divs
/// callouts, its bookmarks anchors, and none of pandoc's syntax is left on the page.
#[test]
fn pandoc_markdown_from_word_is_drawn() {
    let book = TestBook::fixture("pandoc");
    book.build().success().stderr_lacks("warning[");
    let page = book.html("onboarding.html");
    let rows = row_cells(&page, "main table:nth-of-type(1) tr");
    assert_eq!(
        rows,
        [
            vec!["Item", "Provided by", "Day"],
            vec!["Laptop", "IT desk", "1"],
            vec!["Door fob", "Reception", "2"],
        ]
    );
    assert_eq!(
        texts(&page, "main caption"),
        ["Kit for new starters", "Where each team starts"]
    );
    let multiline = row_cells(&page, "main table:nth-of-type(2) tbody tr");
    assert_eq!(
        multiline[0],
        ["Monday", "Pick up the fob at the front desk and sign in."]
    );
    let grid = row_cells(&page, "main table:nth-of-type(3) tbody tr");
    assert_eq!(
        grid[0],
        ["Warehouse", "- Walk the floor- Meet the shift lead"]
    );
    assert_eq!(
        row_cells(&page, "main table:nth-of-type(4) tbody tr"),
        [vec!["Fob", "Blue"], vec!["Lanyard", "Red"]]
    );
    assert!(hrefs(&page, "main table a").contains(&"travel.html#_Toc50002".to_string()));
    // The multiline table's rows are no setext headings. (The page's `# Your first days`
    // is not its title, `Onboarding`: its headings sit one level down.)
    assert_eq!(texts(&page, "main .prose h2"), ["Your first days"]);
    assert_eq!(texts(&page, "main .prose h3"), ["Headings below"]);
    let main = page.select(&sel("main .prose")).next().unwrap().html();
    assert!(main.contains("Harbour Co.<br"), "line block: {main}");
    let travel = book.html("travel.html");
    assert_eq!(
        texts(&travel, "main .markdown-alert-warning p")[0],
        "Warning"
    );
    assert_eq!(texts(&travel, "main u"), ["thirty days"]);
    let travel_main = travel.select(&sel("main .prose")).next().unwrap().html();
    for leftover in ["{", ":::", "+---", "]{"] {
        assert!(!main.contains(leftover), "{leftover} in {main}");
        assert!(
            !travel_main.contains(leftover),
            "{leftover} in {travel_main}"
        );
    }
    assert!(check_all_links(&book.out(), &["404.html"]) > 0);
}

/// pandoc's subscript and superscript (`H~2~O`, `x^2^`) are drawn small in a page pandoc
/// wrote (its syntax shows it) and in a Quarto page; a run with a space, `~~strike~~`, code
/// and a bare address stay as pandoc leaves them; in a plain Markdown page `~x~` is still
/// GitHub's strikethrough.
#[test]
fn pandoc_subscript_and_superscript_are_drawn_small() {
    let line = "Keep CO~2~ under 10^3^ ppm; ~~old limit~~, ~not a run~, `H~2~O` and https://example.org/~lab/~shared/ stay; ~drop~ it.\n";
    let book = TestBook::fixture("pandoc");
    book.write(
        "content/lab.qmd",
        &format!("---\ntitle: Lab\n---\n\n{line}"),
    );
    book.write(
        "content/air.md",
        &format!("# Air\n\nSee [the limits]{{.underline}}.\n\n{line}"),
    );
    book.write("content/plain.md", "# Plain\n\nThe ~drop~ and H~2~O.\n");
    book.build().success();
    for page in ["lab.html", "air.html"] {
        let html = book.html(page);
        assert_eq!(texts(&html, "main .prose sub"), ["2", "drop"], "{page}");
        assert_eq!(texts(&html, "main .prose sup"), ["3"], "{page}");
        assert_eq!(texts(&html, "main .prose del"), ["old limit"], "{page}");
        let text = texts(&html, "main .prose p").concat();
        assert!(text.contains("~not a run~"), "{text}");
        assert_eq!(
            hrefs(&html, "main .prose a[href^=\"https\"]"),
            ["https://example.org/~lab/~shared/"]
        );
    }
    let plain = book.html("plain.html");
    assert!(texts(&plain, "main .prose sub").is_empty());
    assert_eq!(texts(&plain, "main .prose del"), ["drop"]);
}

/// pandoc's syntax orgbook cannot redraw is named at its line, never dropped in silence.
#[test]
fn pandoc_grid_table_with_merged_cells_is_reported() {
    let book = TestBook::fixture("pandoc");
    book.write(
        "content/merged.md",
        "# Merged\n\n+-----+-----+\n| a   | b   |\n+-----+-----+\n| both cells  |\n+-----------+\n",
    );
    book.build()
        .success()
        .stderr_has("template-leftover")
        .stderr_has("pandoc -t gfm")
        .stderr_has("content/merged.md:3");
}

/// Quarto: `.qmd` files are pages, linked by their file names, a folder's `index.qmd` its
/// page, and `{{< include _x.qmd >}}` brings in a partial's text; a callout div (`::: {.callout-important}`) is a callout titled by its first line's
/// heading or its `title`, and that heading is not one of the page's; Quarto's own front
/// matter keys are no unknown keys.
#[test]
fn quarto_pages_are_pages_and_their_callouts_are_callouts() {
    let book = book_with(&[
        ("content/lab/_form.qmd", "Ask your lead before the form.\n"),
        (
            "content/lab/index.qmd",
            "---\ntitle: \"The lab\"\npage-layout: full\n---\n\nStart with [leave](leave.qmd) and [how to ask](leave.qmd#sec-ask).\n",
        ),
        (
            "content/lab/leave.qmd",
            "---\ntitle: \"Leave\"\ndate-modified: last-modified\nformat:\n  html:\n    toc: true\n---\n\n## Planning\n\n::: {.callout-important}\n## Book it early\nTwo weeks ahead for a week away.\n:::\n\n## How to ask {#sec-ask}\n\n{{< include _form.qmd >}}\n\n::: {.callout-tip title=\"Shortcut\"}\nThe form is in the [lab's index](index.qmd).\n:::\n",
        ),
    ]);
    book.build().success().stderr_lacks("content/lab/");
    let page = book.html("lab/leave.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-important > p"),
        ["Book it early", "Two weeks ahead for a week away."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-tip > p"),
        ["Shortcut", "The form is in the lab's index."]
    );
    assert_eq!(texts(&page, "main .prose h2"), ["Planning", "How to ask"]);
    let text = main_text(&book, "lab/leave.html");
    assert!(text.contains("Ask your lead before the form."), "{text}");
    assert!(!text.contains("include"), "{text}");
    assert_eq!(hrefs(&page, "main blockquote a"), ["../lab/index.html"]);
    let index = book.html("lab/index.html");
    assert_eq!(texts(&index, "main h1"), ["The lab"]);
    assert_eq!(
        hrefs(&index, "main .prose a"),
        ["../lab/leave.html", "../lab/leave.html#sec-ask"]
    );
}

/// Mintlify's and Nextra's callout components (`<Warning>`, `<Callout type="info">`, also
/// in a `.md` page) are callouts; a card whose title has an `&` keeps its title and link;
/// a picture in a `<Frame>` on one line is the picture, not its Markdown as text.
#[test]
fn mintlify_callouts_cards_and_frames_are_drawn() {
    let book = book_with(&[
        (
            "content/support/rota.mdx",
            "---\ntitle: Rota\n---\n\n<Warning>\nSwap shifts in the tool, not in chat.\n</Warning>\n\n<Callout type=\"info\">\n  Pages go to the [first responder](/support/billing).\n</Callout>\n\n<CardGroup cols={2}>\n  <Card title=\"Billing & Refunds\" icon=\"receipt\" href=\"/support/billing\">\n    Who answers money questions.\n  </Card>\n</CardGroup>\n\n<Frame>![The rota board](/support/board.png)</Frame>\n",
        ),
        (
            "content/support/billing.md",
            "# Billing\n\n<Note>\nRefunds over a limit need a second pair of eyes.\n</Note>\n",
        ),
        ("content/support/board.png", "png"),
    ]);
    book.build().success().stderr_lacks("content/support/");
    let page = book.html("support/rota.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        ["Warning", "Swap shifts in the tool, not in chat."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-note > p"),
        ["Note", "Pages go to the first responder."]
    );
    assert_eq!(texts(&page, "main strong a"), ["Billing & Refunds"]);
    assert_eq!(hrefs(&page, "main strong a"), ["../support/billing.html"]);
    let pictures: Vec<_> = page
        .select(&sel("main img"))
        .filter_map(|img| img.value().attr("alt"))
        .collect();
    assert_eq!(pictures, ["The rota board"]);
    let text = main_text(&book, "support/rota.html");
    assert!(!text.contains("!["), "{text}");
    assert_eq!(
        texts(
            &book.html("support/billing.html"),
            "main blockquote.markdown-alert-note > p"
        ),
        ["Note", "Refunds over a limit need a second pair of eyes."]
    );
}

/// A callout written on one line, Mintlify's `<Tip>Text</Tip>` or Starlight's `<Aside
/// type="caution" title="…">Text</Aside>`, is drawn as the multi-line form is, however long
/// its tag; one quoted in a code block stays code.
#[test]
fn a_one_line_callout_is_drawn_as_a_callout() {
    let book = book_with(&[(
        "content/support/rota.mdx",
        "---\ntitle: Rota\n---\n\nimport { Aside } from '@astrojs/starlight/components';\n\n<Tip>Swap shifts in the tool.</Tip>\n\n<Aside type=\"caution\" title=\"Before the handover to the next region\">Ask the **lead** first.</Aside>\n\n<Aside>Rotas change on Mondays.</Aside>\nA paragraph after it.\n\n```mdx\n<Aside type=\"tip\">Quoted.</Aside>\n```\n",
    )]);
    book.build().success().stderr_lacks("on one line");
    let page = book.html("support/rota.html");
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-tip > p"),
        ["Tip", "Swap shifts in the tool."]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-warning > p"),
        [
            "Before the handover to the next region",
            "Ask the lead first."
        ]
    );
    assert_eq!(
        texts(&page, "main blockquote.markdown-alert-note > p"),
        ["Note", "Rotas change on Mondays."]
    );
    assert_eq!(texts(&page, "main .prose > p"), ["A paragraph after it."]);
    assert_eq!(
        texts(&page, "main pre code"),
        ["<Aside type=\"tip\">Quoted.</Aside>"]
    );
}

/// A one-line callout after a list (a blank line between) ends the list, as in MDX: it is
/// a callout after the list, not a paragraph of its last item; the list stays tight, and
/// a link in the callout is reported at its own column.
#[test]
fn a_one_line_callout_after_a_list_is_not_part_of_the_list() {
    let book = book_with(&[(
        "content/support/handover.mdx",
        "---\ntitle: Handover\n---\n\nBefore you leave:\n\n- Hand the pager on.\n- Write the shift notes.\n\n<Tip>Read the [notes](#nowhere) of the last shift first.</Tip>\n\n1. Open the queue.\n   - Sort it by age.\n\n<Warning title=\"Weekends\">Nobody answers on Sunday.</Warning>\nThe rota resets on Monday.\n",
    )]);
    book.build()
        .success()
        .stderr_has("content/support/handover.mdx:10:15")
        .stderr_has("#nowhere");
    let page = book.html("support/handover.html");
    assert_eq!(
        texts(&page, "main .prose li"),
        [
            "Hand the pager on.",
            "Write the shift notes.",
            "Open the queue. Sort it by age.",
            "Sort it by age."
        ]
    );
    assert!(texts(&page, "main .prose li > p").is_empty());
    assert_eq!(
        texts(&page, "main .prose > blockquote.markdown-alert-tip > p"),
        ["Tip", "Read the notes of the last shift first."]
    );
    assert_eq!(
        texts(&page, "main .prose > blockquote.markdown-alert-warning > p"),
        ["Weekends", "Nobody answers on Sunday."]
    );
    assert_eq!(
        texts(&page, "main .prose > p"),
        ["Before you leave:", "The rota resets on Monday."]
    );
    assert!(texts(&page, "main .prose h1, main .prose h2").is_empty());
}

/// Mintlify: `<Snippet file="…" />` brings in the text of that file in the site's
/// `snippets/` folder where the page uses it; a missing one is reported.
#[test]
fn mintlify_snippets_are_included() {
    let book = book_with(&[
        (
            "content/support/people.mdx",
            "---\ntitle: People\n---\n\n<CardGroup cols={3}>\n<Snippet file=\"profile/rin.mdx\" />\n</CardGroup>\n\n<Snippet file=\"profile/gone.mdx\" />\n",
        ),
        (
            "content/snippets/profile/rin.mdx",
            "<Card title=\"Rin\" icon=\"user\">\n  Runs the support rota.\n</Card>\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("warning[broken-include]")
        .stderr_has("content/support/people.mdx:9:")
        .stderr_has("profile/gone.mdx")
        .stderr_lacks("not drawn: `<Snippet>`");
    let text = main_text(&book, "support/people.html");
    assert!(
        text.contains("Rin") && text.contains("Runs the support rota."),
        "{text}"
    );
    // Snippets are never pages in a Mintlify site; one nothing includes gets a note.
    book.write(
        "docs.json",
        "{\"navigation\": {\"pages\": [\"support/people\"]}}\n",
    );
    book.write("content/snippets/profile/ode.mdx", "Ode keeps the rota.\n");
    book.write(
        "content/snippets/profile/rin-links.mdx",
        "See [Rin](./rin.mdx).\n",
    );
    book.build()
        .success()
        .stderr_has("no page includes this one (`<Snippet file=\"…\" />`)\n  --> content/snippets/profile/ode.mdx")
        .stderr_lacks("--> content/snippets/profile/rin.mdx");
    for snippet in ["rin", "ode", "rin-links"] {
        let page = book.out().join(format!("snippets/profile/{snippet}.html"));
        assert!(!page.exists(), "{}", page.display());
    }
    assert!(main_text(&book, "support/people.html").contains("Runs the support rota."));
}

/// mdBook's `{{#title …}}` names the page in the browser's tab (`<title>`), as mdBook
/// does; the line is gone from the page, its heading stays, and nothing is reported.
#[test]
fn mdbook_title_names_the_browser_tab() {
    let book = book_with(&[(
        "content/engineering/rotations.md",
        "# Rotations\n\n{{#title On-call rotations at Initech}}\n\nWho is on call, week by week.\n\n`{{#title kept}}` in code stays.\n",
    )]);
    book.build().success().stderr_lacks("#title");
    let page = book.html("engineering/rotations.html");
    assert_eq!(
        texts(&page, "title")[0],
        format!(
            "On-call rotations at Initech · {}",
            texts(&page, ".brand")[0]
        )
    );
    assert_eq!(texts(&page, "main h1"), ["Rotations"]);
    let text = main_text(&book, "engineering/rotations.html");
    assert!(!text.contains("On-call rotations at Initech"), "{text}");
    assert!(text.contains("{{#title kept}}"), "{text}");
}

/// mdBook's `[output.html.redirect]` in book.toml is read at every build: each old
/// address (from the root, with or without `/`) gets a redirect page to the page its new
/// address (relative to the old one, or from the root) names; one to no page is a
/// warning at its line of book.toml.
#[test]
fn book_toml_redirects_lead_old_addresses_to_the_new_pages() {
    let book = book_with(&[
        (
            "book.toml",
            "[book]\ntitle = \"Initech\"\nsrc = \"content\"\n\n[output.html.redirect]\n\"/oncall/rotations.html\" = \"../engineering/rotations.html\"\n\"rotation-faq.html\" = \"/engineering/rotations.html\"\n\"/moved/away.html\" = \"../engineering/no-such-page.html\"\n\"/partner.html\" = \"https://partner.example/handbook.html\"\n\"/../../escape.html\" = \"engineering/rotations.html\"\n\"/faq.html#rotas\" = \"engineering/rotations.html\"\n",
        ),
        (
            "content/engineering/rotations.md",
            "# Rotations\n\nWho is on call.\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("book.toml:8:1")
        .stderr_has("redirect from \"/moved/away.html\" to \"../engineering/no-such-page.html\": the handbook has no page at /engineering/no-such-page.html")
        .stderr_has("book.toml:10:1")
        .stderr_has("redirect from \"/../../escape.html\": not a path inside the site (`..` and `.` name no page of the site)")
        .stderr_has("book.toml:11:1")
        .stderr_has("redirect from \"/faq.html#rotas\": not a path inside the site (an anchor cannot be redirected without a script)");
    assert!(!book.root().join("escape.html").exists() && !book.out().join("escape.html").exists());
    for (old, to) in [
        ("oncall/rotations.html", "../engineering/rotations.html"),
        ("rotation-faq.html", "engineering/rotations.html"),
    ] {
        let page = book.output_file(old);
        assert!(
            page.contains(&format!(
                "<meta http-equiv=\"refresh\" content=\"0; url={to}\">"
            )),
            "{old}: {page}"
        );
    }
    assert!(!book.out().join("moved/away.html").exists());
    assert!(book.out().join("partner.html").exists());
}

/// An mdBook redirect to another site's http(s) address gets the same redirect page as
/// one to a page, the address escaped; any other address elsewhere is a warning at its
/// line of book.toml, and one whose old address a page takes is a collision.
/// A link to an old address that `book.toml` redirects (written `old.md`, as mdBook
/// authors write links, or `/old.html`) reaches where the redirect goes: the page that
/// moved, or the other site a page went to, with its address escaped.
#[test]
fn links_to_old_addresses_go_where_book_toml_redirects_them() {
    let book = book_with(&[
        (
            "book.toml",
            "[book]\ntitle = \"Initrode\"\n\n[output.html.redirect]\n\"/vendors/laptops.html\" = \"https://supplier.example/catalog?team=it&kind=laptop\"\n\"/old-desks.html\" = \"/engineering/desks.html\"\n\"/policy/travel.html\" = \"https://hr.example/travel#booking\"\n\"/odd.html\" = \"https://odd.example/\\\"><b>x</b>\"\n",
        ),
        (
            "content/engineering/desks.md",
            "# Desks\n\nHot desks only.\n",
        ),
        (
            "content/engineering/equipment.md",
            "# Equipment\n\nOrder [a laptop](../vendors/laptops.md#models) or [one from the top](/vendors/laptops.html), book [a desk](../old-desks.md), read [travel](../policy/travel.md#flights) and [odd](../odd.md).\n",
        ),
    ]);
    book.build().success().stderr_lacks("broken-link");
    let page = book.html("engineering/equipment.html");
    assert_eq!(
        hrefs(&page, ".prose a"),
        [
            "https://supplier.example/catalog?team=it&kind=laptop#models",
            "https://supplier.example/catalog?team=it&kind=laptop",
            "../engineering/desks.html",
            "https://hr.example/travel#booking",
            "https://odd.example/%22%3E%3Cb%3Ex%3C/b%3E",
        ]
    );
    let raw = book.output_file("engineering/equipment.html");
    assert!(!raw.contains("<b>x</b>"), "the address is escaped");
}

#[test]
fn book_toml_redirects_to_another_site_are_written() {
    let book = book_with(&[
        (
            "book.toml",
            "[book]\ntitle = \"Initrode\"\n\n[output.html.redirect]\n\"/vendors/laptops.html\" = \"https://supplier.example/catalog?team=it&kind=laptop\"\n\"benefits.html\" = \"http://hr.example/benefits#dental\"\n\"/odd.html\" = \"https://odd.example/\\\"><script>alert(1)</script>\"\n\"/files.html\" = \"ftp://files.example/shared\"\n\"/mirror.html\" = \"//mirror.example/handbook\"\n\"/engineering/desks.html\" = \"https://desks.example/\"\n",
        ),
        (
            "content/engineering/desks.md",
            "# Desks\n\nHot desks only.\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("book.toml:8:1")
        .stderr_has("redirect from \"/files.html\" to ftp://files.example/shared: a redirect to another site must be an http(s) address")
        .stderr_has("book.toml:9:1")
        .stderr_has("redirect from \"/mirror.html\" to //mirror.example/handbook")
        .stderr_has("book.toml:10:1")
        .stderr_has("warning[redirect-collision]");
    for (old, to) in [
        (
            "vendors/laptops.html",
            "https://supplier.example/catalog?team=it&amp;kind=laptop",
        ),
        ("benefits.html", "http://hr.example/benefits#dental"),
        (
            "odd.html",
            "https://odd.example/&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
        ),
    ] {
        let page = book.output_file(old);
        assert!(
            page.contains(&format!(
                "<meta http-equiv=\"refresh\" content=\"0; url={to}\">"
            )) && page.contains(&format!("<link rel=\"canonical\" href=\"{to}\">")),
            "{old}: {page}"
        );
        assert!(!page.contains("<script>"), "{page}");
    }
    assert!(!book.out().join("files.html").exists());
    assert!(!book.out().join("mirror.html").exists());
    assert!(
        book.output_file("engineering/desks.html")
            .contains("Hot desks only.")
    );
    assert!(
        book.output_file("sitemap.xml")
            .contains("benefits.html → http://hr.example/benefits#dental"),
    );
}

/// docsify's `?>` / `!>` paragraph after a list (a blank line between) is a callout below
/// the list, not a paragraph of its last item, as docsify draws it; the list stays tight,
/// a link in it is reported at its own column, and a callout of several lines still holds
/// them all.
#[test]
fn a_docsify_callout_after_a_list_is_not_part_of_the_list() {
    let book = book_with(&[(
        "content/support/handover.md",
        "# Handover\n\nBefore you leave:\n\n- Hand the pager on.\n- Write the shift notes.\n\n?> Read the [notes](#nowhere) of the last shift first.\n\n1. Open the queue.\n2. Sort it by age.\n\n!> Nobody answers on Sunday.\n\n?> The rota resets on Monday,\nand the queue with it.\n",
    )]);
    book.build()
        .success()
        .stderr_has("content/support/handover.md:8:13")
        .stderr_has("#nowhere");
    let page = book.html("support/handover.html");
    assert_eq!(
        texts(&page, "main .prose li"),
        [
            "Hand the pager on.",
            "Write the shift notes.",
            "Open the queue.",
            "Sort it by age."
        ]
    );
    assert!(texts(&page, "main .prose li > p").is_empty());
    assert_eq!(
        texts(&page, "main .prose > blockquote.markdown-alert-tip > p"),
        [
            "Tip",
            "Read the notes of the last shift first.",
            "Tip",
            "The rota resets on Monday, and the queue with it."
        ]
    );
    assert_eq!(
        texts(&page, "main .prose > blockquote.markdown-alert-warning > p"),
        ["Warning", "Nobody answers on Sunday."]
    );
    assert!(texts(&page, "main .prose h2, main .prose h3").is_empty());
}

/// An MDX component around Markdown on one line (Mintlify's `<Frame>![x](a.png)</Frame>`)
/// after a list, a blank line between, is a block below the list, as in MDX: the picture
/// is not part of the list's last item, the list stays tight, and a broken link in the
/// wrapped text is reported at its own column. Right after a paragraph line it joins the
/// paragraph, as before.
#[test]
fn a_one_line_wrapper_after_a_list_is_not_part_of_the_list() {
    let book = book_with(&[
        (
            "content/support/board.mdx",
            "---\ntitle: Board\n---\n\nThe board has two columns:\n\n- Waiting\n- In progress\n\n<Frame caption=\"The board\">![The rota board](/support/board.png)</Frame>\n\n1. Pick a card.\n\n<Frame>See [the old board](/support/old-board).</Frame>\n\nA paragraph\n<Frame>and its second line.</Frame>\n",
        ),
        ("content/support/board.png", "png"),
    ]);
    book.build()
        .failure(1)
        .stderr_has("content/support/board.mdx:14:12")
        .stderr_has("/support/old-board");
    let book2 = book_with(&[
        (
            "content/support/board.mdx",
            "---\ntitle: Board\n---\n\nThe board has two columns:\n\n- Waiting\n- In progress\n\n<Frame caption=\"The board\">![The rota board](/support/board.png)</Frame>\n\n1. Pick a card.\n\n<Frame>See [the board](/support/board.png).</Frame>\n\nA paragraph\n<Frame>and its second line.</Frame>\n",
        ),
        ("content/support/board.png", "png"),
    ]);
    book2
        .build()
        .success()
        .stderr_lacks("content/support/board.mdx");
    let page = book2.html("support/board.html");
    assert_eq!(
        texts(&page, "main .prose li"),
        ["Waiting", "In progress", "Pick a card."]
    );
    assert!(texts(&page, "main .prose li > p").is_empty());
    assert!(page.select(&sel("main .prose li img")).next().is_none());
    assert_eq!(page.select(&sel("main .prose > p > img")).count(), 1);
    assert_eq!(
        texts(&page, "main .prose > p"),
        [
            "The board has two columns:",
            "",
            "See the board.",
            "A paragraph and its second line."
        ]
    );
    assert!(texts(&page, "main .prose h1, main .prose h2").is_empty());
}
