use super::*;
use crate::dialects::options;

#[test]
fn paths_join_and_relativise() {
    assert_eq!(
        join_path("content/teams", "../decisions/0001-a.md").unwrap(),
        "content/decisions/0001-a.md"
    );
    assert_eq!(join_path("content", "../../x.md"), None);
    assert_eq!(
        relative_path("content/teams/p", "content/decisions/1.md"),
        "../../decisions/1.md"
    );
    assert_eq!(root_prefix("teams/a.html"), "../");
    assert_eq!(root_prefix("index.html"), "");
}

#[test]
fn schemes_are_external() {
    assert!(has_scheme("https://x"));
    assert!(has_scheme("mailto:a@b"));
    assert!(!has_scheme("../a.md"));
    assert!(!has_scheme("a.md#x:y"));
}

/// A linked handbook from `(path under content/, text)` pairs, which link without a
/// diagnostic.
fn book(files: &[(&str, &str)], drafts: &[&str], warn: bool) -> Handbook {
    let (hb, diags) = book_and_diagnostics(files, drafts, warn);
    assert!(diags.is_empty(), "{diags:?}");
    hb
}

/// [`book`], and what loading and linking it reported.
fn book_and_diagnostics(
    files: &[(&str, &str)],
    drafts: &[&str],
    warn: bool,
) -> (Handbook, Vec<crate::diagnostic::Diagnostic>) {
    let mut diags = Vec::new();
    let mut docs: Vec<_> = files
        .iter()
        .filter_map(|(rel, text)| {
            crate::load::parse_doc(format!("content/{rel}"), rel, text.to_string(), &mut diags)
        })
        .collect();
    docs.sort_by(|a, b| a.source.path.cmp(&b.source.path));
    let mut config = crate::config::Config::default();
    config.links.broken_warn = warn;
    let loaded = crate::load::Loaded {
        docs,
        assets: vec![".gitbook/assets/a.png".into()],
        unparsed: Vec::new(),
        drafts: drafts.iter().map(|d| format!("content/{d}")).collect(),
        folder_settings: Default::default(),
        nav_order: Default::default(),
        static_files: ["img/logo.png".to_string()].into(),
        code_owners: None,
        root: None,
        redirect_files: Vec::new(),
    };
    let hb = crate::link::resolve(config, loaded, &mut diags);
    (hb, diags)
}

/// `<command>` in prose is a placeholder (adr-tools' own records: "the script is called
/// `_adr_help_<command>_<subcommand>`"): no HTML element has that name, and the sanitizer
/// would drop it and leave "_adr_help__". Shown as written; real tags are still HTML.
#[test]
fn placeholders_in_angle_brackets_are_text_and_real_tags_html() {
    let hb = book(
        &[(
            "a.md",
            "# Help\n\nRun adr help <command> <subcommand> with <file>.\n\nPress <kbd>Ctrl</kbd>, see <my-card>x</my-card> and <Tabs>y</Tabs>.\n\n<details>\n\nKept.\n\n</details>\n",
        )],
        &[],
        false,
    );
    let (page, _) = render_path(&hb, "content/a.md");
    assert!(
        page.html
            .contains("Run adr help &lt;command&gt; &lt;subcommand&gt; with &lt;file&gt;."),
        "{}",
        page.html
    );
    assert!(page.html.contains("<kbd>Ctrl</kbd>"), "{}", page.html);
    assert!(page.html.contains("<details>"), "{}", page.html);
    assert!(
        !page.html.contains("&lt;kbd") && !page.html.contains("&lt;my-card"),
        "{}",
        page.html
    );
}

/// Hugo and Docusaurus keep site-wide images in static/ and link them from the top
/// (`/images/x.png`): the help names both places such a file can go.
#[test]
fn a_missing_file_linked_from_the_top_is_told_about_static() {
    let hb = book(
        &[(
            "a.md",
            "# A\n\n![Map](/images/map.png) and ![Plan](plan.png)\n",
        )],
        &[],
        false,
    );
    let (_, diags) = render_path(&hb, "content/a.md");
    let helps: Vec<&str> = diags.iter().filter_map(|d| d.help.as_deref()).collect();
    assert_eq!(helps.len(), 2, "{diags:?}");
    assert!(
        helps[0].starts_with("put the file at content/images/map.png or static/images/map.png (static/ is copied to the site's root"),
        "{helps:?}"
    );
    assert!(
        helps[1].starts_with("put the file at that path"),
        "{helps:?}"
    );
}

/// MkDocs (`use_directory_urls`) and Hugo serve `a/page.md` at `a/page/`, and their
/// authors write links relative to that address: one `../` more than from the file.
/// Seen in a real MkDocs handbook (`../../projects/setup/#readme`).
#[test]
fn links_written_relative_to_a_directory_address_reach_their_page() {
    let hb = book(
        &[
            (
                "a/page.md",
                "# A\n\n[B](../../b/page/) [Top](../../b/page/#top) [Sibling](../other/) [File](../b/page.md) [Here](./)\n",
            ),
            ("a/other.md", "# Other\n"),
            ("a/index.md", "# Folder\n\n[B](../b/page/)\n"),
            ("b/page.md", "# B\n\n## Top\n"),
        ],
        &[],
        false,
    );
    let (page, diags) = render_path(&hb, "content/a/page.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        hrefs(&page.html),
        [
            "../b/page.html",
            "../b/page.html#top",
            "../a/other.html",
            "../b/page.html",
            "../a/index.html"
        ]
    );
    // A folder's own page is served at its folder: its links are read from there as ever.
    let (index, diags) = render_path(&hb, "content/a/index.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(hrefs(&index.html), ["../b/page.html"]);
    // One that names nothing either way is reported where it was meant to go, not as a
    // path above content/.
    let hb = book(&[("a/page.md", "# A\n\n[Gone](../../gone/)\n")], &[], false);
    let (_, diags) = render_path(&hb, "content/a/page.md");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(
        diags[0].message,
        "link to `../../gone/`: no such file (content/gone, from this page's address)"
    );
}

/// A page linking the sub-pages of a folder named like itself (`languages/css.html` from
/// `languages.md`, the folder not moved in) was offered itself as the page meant.
#[test]
fn a_broken_link_is_never_offered_its_own_page() {
    let hb = book(
        &[(
            "manuals/languages.md",
            "# Languages\n\n[CSS](languages/css.html) and [Go](languages/go.html)\n",
        )],
        &[],
        false,
    );
    let (_, diags) = render_path(&hb, "content/manuals/languages.md");
    assert_eq!(diags.len(), 2, "{diags:?}");
    for d in &diags {
        let help = d.help.as_deref().unwrap_or("");
        assert!(!help.contains("languages.md"), "{help}");
    }
}

#[test]
fn raw_html_in_a_heading_after_other_blocks_keeps_the_heading_id() {
    let hb = book(
        &[(
            "a.md",
            "# Title\n\nIntro.\n\n## Build <kbd>Ctrl</kbd> <span onclick=x()>now</span>\n\nText.\n",
        )],
        &[],
        false,
    );
    let (page, _) = render_path(&hb, "content/a.md");
    assert!(
        page.html
            .contains("<h2 id=\"build-ctrl-now\">Build <kbd>Ctrl</kbd>"),
        "{}",
        page.html
    );
    assert!(!page.html.contains("onclick"), "{}", page.html);
    assert_eq!(page.headings[1].id, "build-ctrl-now");
}

#[test]
fn only_the_span_with_raw_html_is_sanitized_and_it_stays_whole() {
    let before = "# Title\n\nSome *text* with a [link](b.md) & <b>bold</b>.\n\n";
    let raw = "<details>\n<summary>More</summary>\n\nInside **details** <script>alert(1)</script>\n\n</details>\n\n<img src=x onerror=alert(2)>\n\n";
    let after = "Closing paragraph, `code` and a [link](b.md).\n";
    let hb = book(
        &[
            ("a.md", &format!("{before}{raw}{after}")),
            ("b.md", "# B\n"),
            ("plain.md", &format!("{before}{after}")),
        ],
        &[],
        false,
    );
    let (page, _) = render_path(&hb, "content/a.md");
    let (plain, _) = render_path(&hb, "content/plain.md");
    let html = &page.html;
    assert!(
        !html.contains("<script") && !html.contains("onerror"),
        "{html}"
    );
    assert!(!html.contains("alert(1)"), "{html}");
    // The details element holds the Markdown between its tags.
    let details = &html[html.find("<details>").unwrap()..html.find("</details>").unwrap()];
    assert!(details.contains("<strong>details</strong>"), "{html}");
    // Markdown's own HTML around the span is what a page without raw HTML gets; the
    // inline <b> before the first raw block is raw HTML too, so the span starts there.
    let tail = &plain.html[plain.html.find("<p>Closing").unwrap()..];
    assert!(html.ends_with(tail), "{html}");
    assert!(html.starts_with("<h1 id=\"title\">Title</h1>"), "{html}");
}

#[test]
fn balanced_runs_of_raw_html_are_sanitized_apart() {
    // A changelog's shape: an anchor before each version, Markdown between them.
    let text = "<a id=\"v2\"></a>\n\n## V2\n\nText\u{a0}here.\n\n---\n\n\
            <div class=\"note\">\n\nInside the *note*.\n\n</div>\n\n---\n\n\
            <a id=\"v1\"></a>\n\n## V1\n\n<img src=x onerror=alert(2)>\n";
    let hb = book(&[("a.md", text)], &[], false);
    let (page, _) = render_path(&hb, "content/a.md");
    let html = &page.html;
    assert!(!html.contains("onerror"), "{html}");
    // The Markdown between the runs is the renderer's own (the sanitizer would write
    // `<hr>` and `&nbsp;`).
    assert_eq!(html.matches("<hr />").count(), 2, "{html}");
    assert!(html.contains("Text\u{a0}here."), "{html}");
    // A run that opens an element runs on to its end tag, so the Markdown inside stays in.
    let note = &html[html.find("<div class=\"note\">").unwrap()..html.find("</div>").unwrap()];
    assert!(note.contains("<em>note</em>"), "{html}");
    assert!(html.contains("<a id=\"v1\"></a>"), "{html}");
}

#[test]
fn mermaid_blocks_are_drawn_and_their_errors_located_in_the_file() {
    let text = "# Flows\n\n```mermaid\nflowchart LR\n  a --> b\n```\n\n> Quoted:\n>\n> ```Mermaid\n> flowchart TD\n>   x --> y\n>   y --> z[[oops\n> ```\n\n```{mermaid}\n:caption: Options are not part of it\nsequenceDiagram\n  A->>B: hi\n```\n\n```mermaid\nnot a diagram\n```\n\n```text\nflowchart LR\n  a --> b\n```\n";
    let hb = book(&[("a.md", text)], &[], false);
    let (page, diags) = render_path(&hb, "content/a.md");
    let sources: Vec<&str> = page.diagrams.iter().map(|d| d.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "flowchart LR\n  a --> b\n",
            "sequenceDiagram\n  A->>B: hi\n"
        ]
    );
    assert!(page.diagrams[1].svg.contains("orgbook-diagram-2"));
    // Diagram source is not search text; code (the `text` fence) is.
    assert_eq!(page.text.matches("flowchart").count(), 1, "{}", page.text);
    assert!(!page.text.contains("sequenceDiagram"), "{}", page.text);
    assert!(page.text.contains("Quoted:"));
    // Still code in the Markdown's HTML: pages put the drawings in (`diagram::place`).
    assert!(
        page.html
            .contains("<code class=\"language-mermaid\">flowchart LR")
    );
    let found: Vec<(u32, u32)> = diags
        .iter()
        .filter(|d| d.code == "bad-diagram")
        .map(|d| (d.line, d.column))
        .collect();
    // In the quote, at `[[` of its fourth line (after the `> ` the quote strips); the
    // block with no diagram type at its fence.
    assert_eq!(found, [(13, 12), (22, 1)], "{diags:?}");
    let line13 = text.lines().nth(12).unwrap();
    assert_eq!(&line13[11..13], "[[");
}

#[test]
fn formulas_are_drawn_prices_stay_text_and_errors_are_located() {
    let text = "# Budget of $O(n)$\n\n\
            Availability $A = \\frac{g}{t}$, GitHub's $`\\sqrt{2}`$, and it costs $5-$10 or \\$20.\n\n\
            $$\nE = mc^2\n$$\n\n\
            ```math\na = b \\\\\nc = d\n```\n\n\
            > Quoted: $\\nosuch{x}$ here.\n\n\
            :::{math}\n:label: eq-colon\n\nx = y\n:::\n\n\
            ```{math}\n:label: eq-fence\nz = 1\n```\n\n\
            The role {math}`\\alpha` and {eq}`eq-fence`.\n\n\
            ```text\n$x$ in code\n```\n";
    let hb = book(&[("a.md", text)], &[], false);
    let (page, diags) = render_path(&hb, "content/a.md");
    let formulas: Vec<(&str, bool)> = page
        .formulas
        .iter()
        .map(|f| (f.source.as_str(), f.display))
        .collect();
    assert_eq!(
        formulas,
        [
            ("O(n)", false),
            ("A = \\frac{g}{t}", false),
            ("\\sqrt{2}", false),
            ("\nE = mc^2\n", true),
            ("a = b \\\\\nc = d\n", true),
            ("\nx = y\n", true),
            ("z = 1\n", true),
            ("\\alpha", false),
        ],
        "{diags:?}"
    );
    assert!(page.formulas.iter().all(|f| f.mathml.starts_with("<math")));
    // Prices: the closing `$` before a digit closes nothing; `\$` is a dollar.
    assert!(page.html.contains("costs $5-$10 or $20."), "{}", page.html);
    assert!(
        page.html
            .contains("<code class=\"language-text\">$x$ in code"),
        "{}",
        page.html
    );
    // The heading's id holds the formula's TeX; search, its words (a ```` ```math ````
    // block's too).
    assert_eq!(page.headings[0].id, "budget-of-on");
    assert!(page.text.contains(" A g t "), "{}", page.text);
    assert!(!page.text.contains("frac"), "{}", page.text);
    assert!(page.text.contains(" a b c d "), "{}", page.text);
    assert!(!page.text.contains("\\\\"), "{}", page.text);
    // MyST's labels stay anchors, and `{eq}` links to one.
    assert!(
        page.html.contains("<span id=\"eq-colon\"></span>"),
        "{}",
        page.html
    );
    assert!(
        page.html.contains("<a href=\"#eq-fence\">"),
        "{}",
        page.html
    );
    let bad: Vec<(u32, u32, &str)> = diags
        .iter()
        .filter(|d| d.code == "bad-math")
        .map(|d| (d.line, d.column, d.message.as_str()))
        .collect();
    assert_eq!(bad.len(), 1, "{diags:?}");
    assert_eq!((bad[0].0, bad[0].1), (14, 11), "{diags:?}");
    assert!(bad[0].2.contains("`\\nosuch{x}`"), "{diags:?}");
    assert_eq!(diags.len(), 1, "{diags:?}");
    // Drawn into the page in place of their TeX (the bad one stays TeX).
    let placed = crate::math::place(&page.html, &page.formulas);
    assert_eq!(placed.matches("<math").count(), 8, "{placed}");
    assert!(placed.contains("<span class=\"math math-inline\">\\nosuch{x}</span>"));
}

#[test]
fn myst_amsmath_paragraphs_and_dollar_labels_are_formulas() {
    let text = "# Math\n\n\
            \\begin{align}\na_{11} &= b_{11} \\\\\na_{21} &= b_{21}\n\\end{align}\n\n\
            > \\begin{align}\n> x\n> \\end{align}\n\n\
            Text \\begin{align} x \\end{align} inline.\n\n\
            $$\nw = (1 + r) s\n$$ (eq-wealth)\n\n\
            $$x$$ (1)\n\n\
            See {eq}`eq-wealth` and [](#eq-wealth).\n";
    let hb = book(&[("a.md", text)], &[], false);
    let (page, diags) = render_path(&hb, "content/a.md");
    assert!(diags.is_empty(), "{diags:?}");
    let sources: Vec<&str> = page.formulas.iter().map(|f| f.source.as_str()).collect();
    assert_eq!(
        sources,
        [
            "\\begin{align}\na_{11} &= b_{11} \\\\\na_{21} &= b_{21}\n\\end{align}",
            "\nw = (1 + r) s\n",
            "x"
        ]
    );
    let html = crate::math::place(&page.html, &page.formulas);
    // The quoted and the inline environment are text; the labelled formula has its
    // anchor and no `(eq-wealth)`; a number is no label (MyST's start with a letter).
    assert!(html.contains("<blockquote>\n<p>\\begin{align}"), "{html}");
    assert!(
        html.contains("Text \\begin{align} x \\end{align} inline."),
        "{html}"
    );
    assert!(
        html.contains("<span id=\"eq-wealth\"></span>\n<p><math"),
        "{html}"
    );
    assert!(!html.contains("(eq-wealth)"), "{html}");
    assert!(html.contains("</math> (1)</p>"), "{html}");
    assert_eq!(
        html.matches("<a href=\"#eq-wealth\">Equation</a>").count(),
        2,
        "{html}"
    );
}

#[test]
fn empty_links_show_their_page_or_destination_and_attr_anchors_are_anchors() {
    let text = "# A\n\nSee [](b.md), [](other.rst), [](xref:guide/intro) and [text](b.md).\n\n\
            [](){#install}\nInstall it.\n\n[](){ #setup } Set it up. [Jump](#install).\n";
    let hb = book(&[("a.md", text), ("b.md", "# Bee page\n")], &[], false);
    let (page, _) = render_path(&hb, "content/a.md");
    let html = &page.html;
    assert!(html.contains("<a href=\"b.html\">Bee page</a>"), "{html}");
    // Broken: its destination as its text, marked, not a link.
    assert!(
        html.contains("<span class=\"broken-link\" title=\"This link leads nowhere yet: other.rst\">other.rst</span>"),
        "{html}"
    );
    // A DocFX uid no page has: its uid, as text.
    assert!(html.contains(", guide/intro and"), "{html}");
    assert!(html.contains("<a href=\"b.html\">text</a>"), "{html}");
    assert!(
        html.contains("<p><span id=\"install\"></span>\nInstall it.</p>"),
        "{html}"
    );
    assert!(
        html.contains("<p><span id=\"setup\"></span> Set it up."),
        "{html}"
    );
    assert!(!html.contains("{#"), "{html}");
    assert!(!html.contains("<a href=\"\">"), "{html}");
    assert!(page.anchors.contains(&"install".to_string()));
    assert!(page.anchors.contains(&"setup".to_string()));
}

#[test]
fn template_syntax_and_unmatched_wikilinks_past_twenty_are_counted_not_listed() {
    let text = format!(
        "# Many\n\n{}\n\n{}\n",
        "{{ site.title }} ".repeat(25),
        "[[No such page]] ".repeat(23)
    );
    let hb = book(&[("a.md", &text)], &[], false);
    let (_, diags) = render_path(&hb, "content/a.md");
    let templates: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| d.code == "template-leftover")
        .collect();
    assert_eq!(templates.len(), TEMPLATES_SHOWN + 1, "{templates:?}");
    assert!(
        templates.iter().any(|d| d.message.starts_with(
            "5 more pieces of template syntax in this file are not listed (25 in all)"
        ))
    );
    let wikilinks: Vec<&Diagnostic> = diags.iter().filter(|d| d.code == "broken-link").collect();
    assert_eq!(wikilinks.len(), BROKEN_LINKS_SHOWN + 1, "{wikilinks:?}");
    assert!(wikilinks.iter().any(|d| {
        d.message
            .starts_with("3 more wikilinks or `xref:` links in this file name no page")
    }));
}

fn render_path(hb: &Handbook, path: &str) -> (Rendered, Vec<Diagnostic>) {
    let mut d = Vec::new();
    let r = render(hb, hb.by_path[path], &mut d);
    (r, d)
}

fn hrefs(html: &str) -> Vec<&str> {
    html.split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

const LINKS: &str = "[a](guide/) [b](guide) [c](./guide/README.md) [d](/guide/setup) [e](guide/setup.html) [f](/) [g](.gitbook/assets/a.png) [h](guide/setup#Install-It) [i](/guide/setup/) [j]({{site.baseurl}}/guide/setup/)\n";

#[test]
fn myst_directive_fences_are_drawn_or_reported_at_the_fence() {
    let body = "# T\n\n```{note}\nA note.\n```\n\n- item\n\n  ```{code-block} python\n  :linenos:\n  x = 1\n  ```\n\n```{include} x.md\n```\n\n```python\ny = 2\n```\n\n    ```{indented}\n\n````\n```{in-body}\n````\n";
    let hb = book(&[("README.md", "# Home\n"), ("myst.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/myst.md");
    let at: Vec<(&str, u32, u32, u32)> = d
        .iter()
        .map(|d| (d.code, d.line, d.column, d.span_len))
        .collect();
    // Only the directive orgbook does not draw is reported, at its fence.
    assert_eq!(at, [("template-leftover", 14, 1, 12)], "{d:?}");
    assert!(d[0].message.contains("`{include}`"), "{d:?}");
    // A note is a callout; a code directive is its language's code block, options out.
    assert!(
        r.html
            .contains("<blockquote class=\"markdown-alert-note\">\n<p>Note</p>\n<p>A note.</p>"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<code class=\"language-python\">x = 1"),
        "{}",
        r.html
    );
    assert!(
        r.html.contains("<code class=\"language-{include}\">"),
        "{}",
        r.html
    );
}

/// A toctree and a `{doc}` name pages by path without extension; a label names a
/// heading on another page. A page kept as reStructuredText is named as such.
#[test]
fn myst_toctree_doc_and_ref_resolve_and_an_rst_page_is_named() {
    let guide = "(install-label)=\n## Install it\n\nText.\n";
    let index = "# Home\n\n```{toctree}\n:caption: Start\nguide\nOld <legacy>\n```\n\nSee {doc}`guide` and {ref}`install-label`, or [this](install-label); {ref}`Nowhere <no-label>`.\n";
    let mut hb = book(
        &[
            ("start.md", index),
            ("guide.md", guide),
            ("README.md", "# Home\n"),
        ],
        &[],
        true,
    );
    hb.assets.push("legacy.rst".into());
    hb.assets.sort();
    let (r, d) = render_path(&hb, "content/start.md");
    assert!(
        r.html
            .contains("<ul>\n<li><a href=\"guide.html\">Guide</a></li>"),
        "{}",
        r.html
    );
    for link in [
        "<a href=\"guide.html\">Guide</a> and <a href=\"guide.html#install-it\">Install it</a>",
        "<a href=\"guide.html#install-it\">this</a>; Nowhere.",
    ] {
        assert!(r.html.contains(link), "{link} in {}", r.html);
    }
    let guide_id = hb.by_path["content/guide.md"];
    assert_eq!(r.title_deps, [guide_id]);
    // Figures, rubrics, hidden doctest set-up and local contents are drawn as Sphinx
    // draws them; a diagram stays its language's code.
    let more = "# More\n\n```{contents}\n:local:\n```\n\n```{testsetup}\nimport x\n```\n\n```{rubric} Footnotes\n```\n\n```{figure} diagram.png\n:alt: The flow\n:width: 80%\n\nHow a request flows.\n```\n\n```{mermaid}\ngraph LR; a-->b\n```\n\n```{button-link} https://example.com/start\n:color: primary\nGet started\n```\n\n{octicon}`heart;1em` {bdg-primary}`beta` release.\n";
    let hb = book(&[("more.md", more), ("README.md", "# Home\n")], &[], true);
    let (m, more_diags) = render_path(&hb, "content/more.md");
    assert!(
        !m.html.contains("local") && !m.html.contains("import x"),
        "{}",
        m.html
    );
    for drawn in [
        "<p><strong>Footnotes</strong></p>",
        "<p><img src=\"diagram.png\" alt=\"The flow\" /></p>\n<p><em>How a request flows.</em></p>",
        "<code class=\"language-mermaid\">graph LR; a--&gt;b",
        "<p><a href=\"https://example.com/start\">Get started</a></p>",
        "<p> beta release.</p>",
    ] {
        assert!(m.html.contains(drawn), "{drawn} in {}", m.html);
    }
    // The image is a link to a file like any other: missing here, so reported.
    assert_eq!(more_diags.len(), 1, "{more_diags:?}");
    assert!(
        more_diags[0].message.contains("diagram.png"),
        "{more_diags:?}"
    );
    assert_eq!(d.len(), 1, "{d:?}");
    assert!(
        d[0].message
            .contains("content/legacy.rst is reStructuredText"),
        "{d:?}"
    );
    assert_eq!((d[0].line, d[0].column), (6, 1));
}

/// What MyST constructs put in the page is escaped and checked as any link: no
/// `javascript:` through a toctree entry, a `{doc}` role or a figure, no markup through
/// an `{abbr}` or `{sup}`.
#[test]
fn myst_destinations_and_texts_are_checked_and_escaped() {
    let body = "# T\n\n```{toctree}\nEvil <javascript:alert(1)>\n```\n\n{doc}`Click <javascript:alert(2)>` {abbr}`X (\"><script>y</script>)` {sup}`<b>`\n\n```{figure} javascript:alert(3)\n:alt: <i>\n```\n";
    let hb = book(&[("m.md", body), ("README.md", "# Home\n")], &[], true);
    let (r, d) = render_path(&hb, "content/m.md");
    assert!(!r.html.contains("javascript:"), "{}", r.html);
    assert!(
        !r.html.contains("<script>") && !r.html.contains("<b>") && !r.html.contains("<i>"),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<abbr title=\"&quot;&gt;&lt;script&gt;y&lt;/script&gt;\">X</abbr>"),
        "{}",
        r.html
    );
    let unsafe_ones = d
        .iter()
        .filter(|d| d.message.contains("javascript"))
        .count();
    assert_eq!(unsafe_ones, 3, "{d:?}");
}

#[test]
fn callouts_of_other_generators_open_and_close_between_top_level_blocks() {
    let body = "# T\n\n:::note\n{: .warning }\nInner.\n\nOuter.\n:::\n\n---\n\n:::tip[Mind]\nTip.\n:::\n\n- one\n  {: .note }\n  two\n\n{: .important }\nLast.\n\n> [!CAUTION]\n> Quoted.\n";
    let hb = book(&[("README.md", "# Home\n"), ("c.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/c.md");
    assert!(d.is_empty(), "{d:?}");
    let tags: Vec<&str> = r
        .html
        .split('<')
        .filter_map(|t| t.split(['>', ' ']).next())
        .filter(|t| matches!(*t, "blockquote" | "/blockquote" | "hr" | "ul" | "/ul"))
        .collect();
    // The `{: .warning }` inside the admonition is drawn inside it (around "Inner."
    // alone), the `{: .note }` inside the list is not; everything else is, in order,
    // balanced.
    assert_eq!(
        tags,
        [
            "blockquote",
            "blockquote",
            "/blockquote",
            "/blockquote",
            "hr",
            "blockquote",
            "/blockquote",
            "ul",
            "/ul",
            "blockquote",
            "/blockquote",
            "blockquote",
            "/blockquote"
        ],
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<p>Inner.</p>\n</blockquote>\n<p>Outer.</p>\n</blockquote>"),
        "{}",
        r.html
    );
    for (class, title) in [
        ("note", "Note"),
        ("warning", "Warning"),
        ("tip", "Mind"),
        ("important", "Important"),
        ("caution", "Caution"),
    ] {
        let open = format!("<blockquote class=\"markdown-alert-{class}\">\n<p>{title}</p>");
        assert!(r.html.contains(&open), "{open} in {}", r.html);
    }
    assert!(
        !r.html.contains(":::") && !r.html.contains("{:"),
        "{}",
        r.html
    );
}

/// Docusaurus admonitions nest (the outer one opened with more colons), VitePress
/// writes them with a space and has `::: details`; a custom container pairs with its
/// own closing line and is left as written.
#[test]
fn nested_admonitions_and_details_are_drawn_and_balanced() {
    let body = "::::info Outer\n\nOuter text.\n\n:::tip Inner\n\nInner text.\n\n:::\n\nMore outer.\n\n::::\n\n::: details <b>Why</b> & how\nBody.\n:::\n\n::: warning\n:::custom\nx\n:::\nStill warned.\n:::\n\nAfter.\n";
    let hb = book(&[("README.md", "# Home\n"), ("n.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/n.md");
    assert!(d.is_empty(), "{d:?}");
    let html = r.html.replace('\n', "");
    assert!(
            html.contains("<blockquote class=\"markdown-alert-note\"><p>Outer</p><p>Outer text.</p><blockquote class=\"markdown-alert-tip\"><p>Inner</p><p>Inner text.</p></blockquote><p>More outer.</p></blockquote>"),
            "{html}"
        );
    assert!(
            html.contains("<details class=\"markdown-alert markdown-alert-note\"><summary>&lt;b&gt;Why&lt;/b&gt; &amp; how</summary><p>Body.</p></details>"),
            "{html}"
        );
    assert!(
            html.contains("<blockquote class=\"markdown-alert-warning\"><p>Warning</p><p>:::customx:::Still warned.</p></blockquote><p>After.</p>"),
            "{html}"
        );
}

/// An admonition that shows the syntax in a code block: the quoted `:::` lines stay in
/// the code and do not close it.
#[test]
fn quoted_admonition_lines_in_code_do_not_close_the_admonition() {
    let body = ":::tip Writing one\n\nType this:\n\n```md\n:::note\nText.\n:::\n```\n\n~~~\n:::\n~~~\n\nDone.\n\n:::\n\nAfter.\n";
    let hb = book(&[("README.md", "# Home\n"), ("q.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/q.md");
    assert!(d.is_empty(), "{d:?}");
    let html = r.html.replace('\n', "");
    assert!(
        html.starts_with(
            "<blockquote class=\"markdown-alert-tip\"><p>Writing one</p><p>Type this:</p><pre"
        ),
        "{html}"
    );
    assert!(html.contains(":::note"), "{html}");
    assert!(
        html.ends_with("<p>Done.</p></blockquote><p>After.</p>"),
        "{html}"
    );
}

#[test]
fn links_as_people_write_them() {
    let hb = book(
        &[
            ("README.md", "# Home\n"),
            ("links.md", LINKS),
            (
                "guide/README.md",
                "# Guide\n[up](/README.md) [sib](setup)\n",
            ),
            ("guide/setup.md", "# Setup\n## Install it\n"),
        ],
        &[],
        false,
    );
    let (r, d) = render_path(&hb, "content/links.md");
    // Jekyll's `{{site.baseurl}}` is the site's root, nothing once the pages moved in: read
    // (`leftovers::liquid_link`), not reported; the link works.
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        hrefs(&r.html),
        [
            "guide/index.html",
            "guide/index.html",
            "guide/index.html",
            "guide/setup.html",
            "guide/setup.html",
            "index.html",
            ".gitbook/assets/a.png",
            "guide/setup.html#Install-It",
            "guide/setup.html",
            "guide/setup.html"
        ]
    );
    assert_eq!(r.links[6].asset.as_deref(), Some(".gitbook/assets/a.png"));
    let (g, d) = render_path(&hb, "content/guide/README.md");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(hrefs(&g.html), ["../index.html", "../guide/setup.html"]);
}

#[test]
fn email_addresses_are_never_files() {
    let hb = book(
        &[(
            "a.md",
            "<hr@acme.example> [mail](ops@acme.example) [m](mailto:x@acme.example)\n",
        )],
        &[],
        false,
    );
    let (r, d) = render_path(&hb, "content/a.md");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        hrefs(&r.html),
        [
            "mailto:hr@acme.example",
            "mailto:ops@acme.example",
            "mailto:x@acme.example"
        ]
    );
}

#[test]
fn ambiguous_draft_and_missing_links_are_broken() {
    let text = "[x](x)\n[d](soon.md)\n[m](nope.md)\n";
    let files = [
        ("a.md", text),
        ("x.md", "# X\n"),
        ("x/README.md", "# X folder\n"),
    ];
    let hb = book(&files, &["soon.md"], false);
    let (_, d) = render_path(&hb, "content/a.md");
    let msgs: Vec<(&str, u32, &str)> = d
        .iter()
        .map(|d| (d.code, d.line, d.message.as_str()))
        .collect();
    assert_eq!(msgs.len(), 3, "{msgs:?}");
    assert!(
        msgs[0]
            .2
            .contains("could mean content/x.md or content/x/README.md")
    );
    assert!(msgs[1].2.contains("content/soon.md is a draft"));
    assert_eq!((msgs[2].0, msgs[2].1), ("broken-link", 3));
    assert!(d.iter().all(|d| d.is_error()));
    // `[links] broken = "warn"`: the same, as warnings.
    let hb = book(&files, &["soon.md"], true);
    let (_, d) = render_path(&hb, "content/a.md");
    assert_eq!(d.len(), 3);
    assert!(d.iter().all(|d| !d.is_error()));
}

#[test]
fn title_heading_may_follow_badges_and_comments() {
    let hb = book(
        &[
            (
                "a.md",
                "[![ci](https://ci.example/b.svg)](https://ci.example) ![x](https://x.example/y.svg)\n<!-- note -->\n\n# The title\n\n# Second\n",
            ),
            ("b.md", "Intro text.\n\n# Not a title\n"),
            ("c.md", "## Sub first\n\n# Not a title either\n"),
        ],
        &[],
        false,
    );
    assert_eq!(
        render_path(&hb, "content/a.md").0.leading_h1.as_deref(),
        Some("The title")
    );
    assert_eq!(render_path(&hb, "content/b.md").0.leading_h1, None);
    assert_eq!(render_path(&hb, "content/c.md").0.leading_h1, None);
    assert!(!render_path(&hb, "content/a.md").0.html.contains("note"));
}

#[test]
fn github_emoji_codes_are_emoji_outside_code_and_headings_keep_their_ids() {
    assert_eq!(
        with_emoji("Shipped :tada: :+1: at 10:30:00, a:b:c, :nosuch: and :tada:!").as_deref(),
        Some("Shipped 🎉 👍 at 10:30:00, a:b:c, :nosuch: and 🎉!")
    );
    assert_eq!(with_emoji("x::tada:: y").as_deref(), Some("x:🎉: y"));
    assert_eq!(with_emoji("no codes: here"), None);
    assert_eq!(with_emoji("word:tada:word"), None);
    let hb = book(
        &[(
            "a.md",
            "# Notes\n\n## :rocket: Launch\n\nDone :white_check_mark: and `:tada:`.\n\n```\n:tada:\n```\n",
        )],
        &[],
        false,
    );
    let r = render_path(&hb, "content/a.md").0;
    assert!(
        r.html.contains("<h2 id=\"rocket-launch\">🚀 Launch</h2>")
            && r.html.contains("Done ✅ and <code>:tada:</code>.")
            && r.html.contains("<code>:tada:\n</code>"),
        "{}",
        r.html
    );
    assert_eq!(r.headings[1].text, "🚀 Launch");
    assert!(r.text.contains("Done ✅"), "{}", r.text);
}

#[test]
fn definition_lists_are_read_and_leave_directive_options_and_callouts_alone() {
    let hb = book(
        &[
            (
                "a.md",
                "# A\n\nDRI\n: The one person who owns an outcome.\n\n:::{figure} p.png\n:label: fig:p\n:width: 50%\n:::\n\n:::note\nA note.\n:::\n\nTime: 10:00\nPlace: room 4\n",
            ),
            (
                "b.md",
                "Thanks everyone\n:tada: We shipped.\n\n:::custom\nx\n:::\n",
            ),
        ],
        &[],
        false,
    );
    let html = render_path(&hb, "content/a.md").0.html;
    assert_eq!(html.matches("<dt>").count(), 1, "{html}");
    assert!(
        html.contains("<dt>DRI</dt>\n<dd>The one person who owns an outcome.</dd>"),
        "{html}"
    );
    assert!(
        html.contains("<span id=\"fig:p\"></span>\n<p><img src=\"p.png\"")
            && html.contains("markdown-alert-note")
            && html.contains("<p>Time: 10:00\nPlace: room 4</p>"),
        "{html}"
    );
    // A page with no `: ` line has no definition lists: an emoji code or a colon
    // fence at the start of a line stays text.
    let html = render_path(&hb, "content/b.md").0.html;
    assert!(
        !html.contains("<dl>") && html.contains("<p>Thanks everyone\n🎉 We shipped.</p>"),
        "{html}"
    );
}

#[test]
fn labelled_figures_equations_and_paragraphs_get_an_anchor_that_links_reach() {
    // Jupyter Book's pages: a figure and an equation labelled by their options, a
    // quote by a target line; linked from their page, from another, and embedded.
    let (hb, diags) = book_and_diagnostics(
        &[
            (
                "a.md",
                "# A\n\nSee [](#fig:pic) and [](#eq:book).\n\n:::{figure} pic.png\n:label: fig:pic\n\nThe view.\n:::\n\n```{math}\n:label: eq:book\nx = y\n```\n\n(actions)=\n\n> Whenever you do something.\n",
            ),
            (
                "b.md",
                "# B\n\n[](#fig:pic), [the equation](a.md#eq:book).\n\n![](#actions)\n",
            ),
            (
                "c.md",
                "# C\n\n:::{math}\n:label: eq:book\n\nz\n:::\n\nHere: [](#eq:book).\n",
            ),
        ],
        &[],
        false,
    );
    let a = render_path(&hb, "content/a.md").0;
    for want in [
        "<a href=\"#fig:pic\">The view.</a> and <a href=\"#eq:book\">Equation</a>",
        "<span id=\"fig:pic\"></span>\n<p><img",
        "<span id=\"eq:book\"></span>\n<pre>",
        "<span id=\"actions\"></span>\n<blockquote>",
    ] {
        assert!(a.html.contains(want), "{want} in {}", a.html);
    }
    assert_eq!(a.anchors, ["fig:pic", "eq:book", "actions"]);
    let b = render_path(&hb, "content/b.md").0;
    assert!(
        b.html.contains(
            "<a href=\"a.html#fig:pic\">The view.</a>, <a href=\"a.html#eq:book\">the equation</a>"
        ) && b
            .html
            .contains("<a href=\"a.html#actions\">Whenever you do something.</a>")
            && !b.html.contains("<img"),
        "{}",
        b.html
    );
    // c.md labels its own equation `eq:book` too: a warning at the second label, naming
    // the first; its link stays on the page.
    assert_eq!(
        diags
            .iter()
            .map(|d| (d.code, d.file.as_str(), d.line))
            .collect::<Vec<_>>(),
        [("duplicate-label", "content/c.md", 4)],
        "{diags:?}"
    );
    assert!(diags[0].message.contains("content/a.md:12"), "{diags:?}");
    let c = render_path(&hb, "content/c.md").0;
    assert!(c.html.contains("<a href=\"#eq:book\">"), "{}", c.html);
    let mut d = Vec::new();
    let rendered: Vec<_> = (0..hb.docs.len())
        .map(|id| render(&hb, id, &mut d))
        .collect();
    let before = d.len();
    crate::markdown::links::check_anchors(&hb, &rendered, &mut d);
    assert_eq!(d.len(), before, "{:?}", &d[before..]);
    assert!(!d.iter().any(|x| x.message.contains("#")), "{d:?}");
}

#[test]
fn fragment_links_to_myst_labels_reach_their_heading_on_any_page_and_get_its_title() {
    let hb = book(
        &[
            (
                "a.md",
                "# A\n\n(setup)=\n## Set it up\n\nSee [](#setup), [the limits](#limits) and [](#nowhere).\n",
            ),
            ("b.md", "# B\n\n(limits)=\n### Known limits\n"),
        ],
        &[],
        false,
    );
    let r = render_path(&hb, "content/a.md").0;
    assert!(
            r.html
                .contains("<a href=\"#set-it-up\">Set it up</a>, <a href=\"b.html#known-limits\">the limits</a> and <a href=\"#nowhere\">#nowhere</a>"),
            "{}",
            r.html
        );
    let targets: Vec<_> = r
        .links
        .iter()
        .map(|l| (l.target, l.anchor.as_deref()))
        .collect();
    let (a, b) = (hb.by_path["content/a.md"], hb.by_path["content/b.md"]);
    assert_eq!(
        targets,
        [
            (Some(a), Some("set-it-up")),
            (Some(b), Some("known-limits")),
            (Some(a), Some("nowhere"))
        ]
    );
    // Written with the page (`b.md#limits`): pointed at the heading when anchors are
    // checked, with no diagnostic (it is MyST's rule, not a slug of another generator).
    let hb = book(
        &[
            ("a.md", "[x](b.md#limits)\n"),
            ("b.md", "# B\n\n(limits)=\n### Known limits\n"),
        ],
        &[],
        false,
    );
    let mut rendered = render_all(&hb);
    let mut d = Vec::new();
    crate::markdown::links::retarget_anchors(&hb, &mut rendered, &mut d);
    assert_eq!(hrefs(&rendered[0].html), ["b.html#known-limits"]);
    assert!(d.is_empty(), "{d:?}");
    crate::markdown::links::check_anchors(&hb, &rendered, &mut d);
    assert!(d.is_empty(), "{d:?}");
}

#[test]
fn wikilinks_name_pages_and_files_as_github_wikis_and_obsidian_do() {
    let hb = book(
        &[
            (
                "wiki/Home.md",
                "See [[Release Process]], [[Onboarding|new joiners]], [[Read the runbook|Release-Process]], [[Release Process#How to roll back]], [[#Local]] and [[Nowhere]].\n\n![[a.png]]\n\n## Local\n",
            ),
            (
                "wiki/Release-Process.md",
                "# Release\n\n## How to roll back\n",
            ),
            ("guide/onboarding.md", "# Onboarding\n"),
        ],
        &[],
        false,
    );
    let mut diags = Vec::new();
    let r = render(&hb, hb.by_path["content/wiki/Home.md"], &mut diags);
    assert_eq!(
        hrefs(&r.html),
        [
            "../wiki/Release-Process.html",
            "../guide/onboarding.html",
            "../wiki/Release-Process.html",
            "../wiki/Release-Process.html#how-to-roll-back",
            "#local"
        ]
    );
    assert!(
        r.html.contains(">new joiners</a>")
            && r.html.contains(">Read the runbook</a>")
            && r.html
                .contains(">Release Process &gt; How to roll back</a>")
            && r.html.contains(">Local</a>"),
        "{}",
        r.html
    );
    assert!(!r.html.contains(">Release-Process</a>"), "{}", r.html);
    // Nothing is called that: its text, and a warning (not an error) at it.
    assert!(r.html.contains(" and Nowhere."), "{}", r.html);
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0].code, "broken-link");
    assert!(!diags[0].is_error());
    assert_eq!(
        (diags[0].column, diags[0].span_len),
        (145, 11),
        "{:?}",
        diags[0]
    );
    // An embed is the file, found by name in any folder.
    assert!(
        r.html.contains("src=\"../.gitbook/assets/a.png\""),
        "{}",
        r.html
    );
}

#[test]
fn abbreviations_are_defined_on_their_own_lines_and_wrap_whole_words_outside_code() {
    let hb = book(
        &[(
            "a.md",
            "The SLO holds; SLOs and XSLO do not. `SLO` in code.\n\n```\nSLO\n*[CI]: not a definition\n```\n\n*[SLO]: Service <level> objective\n*[CI]: Continuous integration\n",
        )],
        &[],
        false,
    );
    let html = render(&hb, 0, &mut Vec::new()).html;
    assert_eq!(
        html.matches("<abbr title=\"Service &lt;level&gt; objective\">SLO</abbr>")
            .count(),
        1,
        "{html}"
    );
    assert!(html.contains("SLOs and XSLO"), "{html}");
    assert!(html.contains("<code>SLO</code>"), "{html}");
    assert!(html.contains("*[CI]: not a definition"), "{html}");
    assert!(
        !html.contains("*[SLO]") && !html.contains("Continuous"),
        "{html}"
    );
}

#[test]
fn abbreviations_take_the_longest_at_a_place_and_their_first_definition() {
    let hb = book(
        &[(
            "a.md",
            "Our API SLA, the API and the ÉAPI; (API) holds.\n\n*[API]: Application programming interface\n*[API SLA]: Agreement\n*[API]: Second definition\n",
        )],
        &[],
        false,
    );
    let html = render(&hb, 0, &mut Vec::new()).html;
    assert!(
        html.contains("Our <abbr title=\"Agreement\">API SLA</abbr>, the "),
        "{html}"
    );
    assert_eq!(
        html.matches("<abbr title=\"Application programming interface\">API</abbr>")
            .count(),
        2,
        "`the API` and `(API)`, not the one inside `ÉAPI`: {html}"
    );
    assert!(!html.contains("Second definition"), "{html}");
}

#[test]
fn anchors_under_other_slug_rules_are_pointed_at_the_heading() {
    let hb = book(
        &[
            (
                "a.md",
                "[1](b.md#Install-It) [2](b.md#c++-&-rust) [3](b.md#zurich-office) [4](b.md#nowhere) [5](b.md#0460-2024-06-16) [6](b.md#templates_1) [7](b.md#templates_2) [8](b.md#B-Old-SetupOnLinux(x86)) [9](b.md#B-Nowhere)\n",
            ),
            (
                "b.md",
                "# B\n## Install it\n## C++ & Rust\n## Zürich office\n## [0.46.0](https://example.com/0.46.0) - 2024-06-16\n### Templates\n## Templates\n## Setup on Linux (x86)\n",
            ),
        ],
        &[],
        false,
    );
    let mut rendered = render_all(&hb);
    let mut d = Vec::new();
    crate::markdown::links::retarget_anchors(&hb, &mut rendered, &mut d);
    assert_eq!(
        hrefs(&rendered[0].html),
        [
            "b.html#install-it",
            "b.html#c--rust",
            "b.html#z%C3%BCrich-office",
            "b.html#nowhere",
            // MkDocs (Python-Markdown) drops the dots and joins ` - ` into one hyphen.
            "b.html#0460---2024-06-16",
            // MkDocs numbers a repeated slug `_1`: the second "Templates".
            "b.html#templates-1",
            "b.html#templates_2",
            // Confluence: the page title and the heading's text without spaces.
            "b.html#setup-on-linux-x86",
            "b.html#B-Nowhere",
        ]
    );
    assert_eq!(d.len(), 6);
    assert!(
        d.iter()
            .all(|d| d.code == "anchor-other-rule" && d.strict_only())
    );
    let mut missing = Vec::new();
    crate::markdown::links::check_anchors(&hb, &rendered, &mut missing);
    assert_eq!(
        missing.len(),
        3,
        "only the anchors no rule explains: {missing:?}"
    );
}

/// The block-level tags of `html`, in order, among those named.
fn tags<'h>(html: &'h str, names: &[&str]) -> Vec<&'h str> {
    html.split('<')
        .filter_map(|t| t.split(['>', ' ', '\n']).next())
        .filter(|t| names.contains(&t.trim_start_matches('/')))
        .collect()
}

const BLOCKS: &[&str] = &[
    "blockquote",
    "details",
    "summary",
    "section",
    "ul",
    "li",
    "p",
    "pre",
];

#[test]
fn mkdocs_admonitions_of_several_blocks_are_drawn_around_them() {
    let body = "# T\n\n!!! warning \"Deploy <script>alert(1)</script>\"\n    First paragraph.\n\n    Second, with [a link](nope.md).\n\n    - one\n    - two\n\n    ```sh\n    make deploy\n    ```\n\n        indented code\n\n    ## Inside\n\nAfter.\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], true);
    let (r, d) = render_path(&hb, "content/a.md");
    // The broken link in the body is reported at its own line and column.
    let at: Vec<(&str, u32, u32)> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(at, [("broken-link", 6, 18)], "{d:?}");
    assert_eq!(
        tags(&r.html, BLOCKS),
        [
            "blockquote",
            "p",
            "/p",
            "p",
            "/p",
            "p",
            "/p",
            "ul",
            "li",
            "/li",
            "li",
            "/li",
            "/ul",
            "pre",
            "/pre",
            "pre",
            "/pre",
            "/blockquote",
            "p",
            "/p"
        ],
        "{}",
        r.html
    );
    for part in [
        "<blockquote class=\"markdown-alert-warning\">\n<p>Deploy &lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>First paragraph.</p>",
        "<code class=\"language-sh\">make deploy\n</code>",
        "<pre><code>indented code\n</code></pre>",
        "<h2 id=\"inside\">Inside</h2>\n</blockquote>",
    ] {
        assert!(r.html.contains(part), "{part} in {}", r.html);
    }
    assert!(!r.html.contains("<script"), "{}", r.html);
    // Neither the invisible line nor list markup reaches the page, the text or the
    // headings.
    for out in [&r.html, &r.text] {
        assert!(
            !out.contains(['\u{200B}', '\u{200C}', '\u{200D}']),
            "{out:?}"
        );
        assert!(!out.contains("&#") && !out.contains("&zw"), "{out:?}");
    }
    assert!(!r.html.contains("<ul>\n<li>\n"), "{}", r.html);
    // The block's title is the author's text (searchable, escaped where it is shown).
    assert!(
        r.text
            .starts_with("T\nDeploy <script>alert(1)</script>\nFirst paragraph.\n"),
        "{:?}",
        r.text
    );
    let ids: Vec<&str> = r.headings.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["t", "inside"]);
}

#[test]
fn mkdocs_admonitions_stay_apart_from_the_lists_around_them() {
    let body = "- a\n- b\n\n!!! note\n    After a dash list.\n\n+ c\n+ d\n\n!!! tip\n    After a plus list.\n!!! danger\n    Right after the tip.\n\n!!! note \"\"\n    Untitled.\n\n+ e\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/a.md");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        tags(&r.html, &["blockquote", "ul", "li"]),
        [
            "ul",
            "li",
            "/li",
            "li",
            "/li",
            "/ul",
            "blockquote",
            "/blockquote",
            "ul",
            "li",
            "/li",
            "li",
            "/li",
            "/ul",
            "blockquote",
            "/blockquote",
            "blockquote",
            "/blockquote",
            "blockquote",
            "/blockquote",
            "ul",
            "li",
            "/li",
            "/ul"
        ],
        "{}",
        r.html
    );
    // The authors' lists stay tight.
    assert!(
        r.html.contains("<li>c</li>") && r.html.contains("<li>e</li>"),
        "{}",
        r.html
    );
    for part in [
        "<blockquote class=\"markdown-alert-note\">\n<p>Note</p>\n<p>After a dash list.</p>",
        "<blockquote class=\"markdown-alert-caution\">\n<p>Danger</p>\n<p>Right after the tip.</p>",
        // No title at all: the body's first paragraph is not styled as one.
        "<blockquote class=\"markdown-alert-note markdown-alert-untitled\">\n<p>Untitled.</p>",
    ] {
        assert!(r.html.contains(part), "{part} in {}", r.html);
    }
}

/// Bare addresses are links, as GitHub shows them; not in code, in links, in raw HTML
/// or with a scheme other than http(s).
#[test]
fn bare_web_and_mail_addresses_are_links() {
    let body = "# Home\n\nSee https://status.example.com/x?a=1&b=2. Mail help@example.com. Visit www.example.org, not example.org/x.\n\n[a link https://inside.example](https://y.example), `https://code.example`, <a href=\"https://raw.example\">https://raw.example</a>, javascript://x.\n\n```\nhttps://block.example\n```\n";
    let hb = book(&[("README.md", body)], &[], true);
    let (r, _) = render_path(&hb, "content/README.md");
    for want in [
        "<a href=\"https://status.example.com/x?a=1&amp;b=2\">https://status.example.com/x?a=1&amp;b=2</a>.",
        "<a href=\"mailto:help@example.com\">help@example.com</a>.",
        "<a href=\"http://www.example.org\">www.example.org</a>, not example.org/x.",
        "<a href=\"https://y.example\">a link https://inside.example</a>",
        "<code>https://code.example</code>",
        "https://raw.example</a>, javascript://x.",
        "<pre><code>https://block.example",
    ] {
        assert!(r.html.contains(want), "{want} in {}", r.html);
    }
    assert_eq!(r.html.matches("<a ").count(), 5, "{}", r.html);
    // The page's text for search keeps the addresses once.
    assert_eq!(
        r.text.matches("status.example.com").count(),
        1,
        "{}",
        r.text
    );
}

/// Content indented twice in an `.mdx` page (a step's text inside a stepper, as a real
/// Docusaurus handbook nests them, with tabs) is Markdown too, located in its source;
/// nesting no page has stays code rather than costing a parser per level.
#[test]
fn twice_indented_text_in_an_mdx_page_is_markdown() {
    let body = "# Steps\n\n<Tabs>\n\t<TabItem label=\"One\">\n\n\t\tOpen the [guide](b.md) and pick *one*.\n\n\t\tThen [save](nope.md).\n\n\t</TabItem>\n</Tabs>\n";
    let hb = book(
        &[
            ("README.md", "# Home\n"),
            ("b.md", "# B\n"),
            ("a.mdx", body),
        ],
        &[],
        true,
    );
    let (r, d) = render_path(&hb, "content/a.mdx");
    assert!(r.html.contains("href=\"b.html\""), "{}", r.html);
    assert!(
        r.html.contains("<em>one</em>") && !r.html.contains("<pre"),
        "{}",
        r.html
    );
    let broken: Vec<(u32, u32)> = d
        .iter()
        .filter(|d| d.code == "broken-link")
        .map(|d| (d.line, d.column))
        .collect();
    assert_eq!(broken, [(8, 8)], "{d:?}");
    // 200 levels of indentation: read to a bounded depth, the rest shown as code.
    let deep: String = (0..200)
        .map(|i| format!("{}level {i}\n\n", "    ".repeat(i)))
        .collect();
    let hb = book(&[("README.md", "# Home\n"), ("deep.mdx", &deep)], &[], true);
    let (r, _) = render_path(&hb, "content/deep.mdx");
    assert!(
        r.html.contains("<p>level 5</p>") && r.html.contains("<pre><code>"),
        "{}",
        &r.html[..400.min(r.html.len())]
    );
}

/// MDX has no indented code: a tab's indented paragraphs after a blank line are prose,
/// with their links resolved and reported at their own line and column; fenced code,
/// and indented code in a `.md` page, stay code.
#[test]
fn indented_text_in_an_mdx_page_is_markdown_located_in_its_source() {
    let body = "# Install\n\n<Tabs>\n  <TabItem value=\"win\" label=\"Windows\">\n\n    Press **Ctrl** and see [setup](b.md).\n\n    ## Shortcuts\n\n    A second paragraph with [a broken link](nope.md).\n\n  </TabItem>\n</Tabs>\n\n```\n    fenced stays code\n```\n";
    let hb = book(
        &[
            ("README.md", "# Home\n"),
            ("b.md", "# B\n"),
            ("a.mdx", body),
            ("c.md", &body.replace("<Tabs>", "Tabs")),
        ],
        &[],
        true,
    );
    let (r, d) = render_path(&hb, "content/a.mdx");
    assert!(r.html.contains("<strong>Ctrl</strong>"), "{}", r.html);
    assert!(r.html.contains("href=\"b.html\""), "{}", r.html);
    assert!(!r.html.contains("<pre><code>Press"), "{}", r.html);
    assert!(r.html.contains("    fenced stays code"), "{}", r.html);
    assert_eq!(
        r.headings.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
        ["install", "shortcuts"]
    );
    let broken: Vec<(u32, u32)> = d
        .iter()
        .filter(|d| d.code == "broken-link")
        .map(|d| (d.line, d.column))
        .collect();
    let line = body.lines().position(|l| l.contains("nope.md")).unwrap() as u32 + 1;
    let column = body
        .lines()
        .nth(line as usize - 1)
        .unwrap()
        .find('[')
        .unwrap() as u32
        + 1;
    assert_eq!(broken, [(line, column)]);
    // Tabs in the indentation, and a block at the very end: nothing is out of bounds.
    for tail in ["\t\t[x](nope.md)\n\n \t  y", "\n\n    [z](b.md)"] {
        let hb = book(
            &[
                ("README.md", "# Home\n"),
                ("b.md", "# B\n"),
                ("t.mdx", &format!("# T\n\nText.\n{tail}")),
            ],
            &[],
            true,
        );
        let (r, _) = render_path(&hb, "content/t.mdx");
        assert!(!r.html.contains("<pre"), "{}", r.html);
    }
    // The same lines in a `.md` page are code, as CommonMark says.
    let (md, _) = render_path(&hb, "content/c.md");
    assert!(md.html.contains("<pre><code>Press **Ctrl**"), "{}", md.html);
}

#[test]
fn callout_titles_of_the_authors_are_search_text_where_they_stand() {
    let body = "# Deploys\n\nIntro.\n\n:::danger[Never on Fridays]\nWe mean it.\n:::\n\n:::note\nPlain.\n:::\n\n## Rollback\n\n!!! warning \"Check the canary\"\n    Before anything.\n\n=== \"Linux\"\n    `apt install x`\n\n!!! tip\n    Untitled.\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/a.md");
    assert!(d.is_empty(), "{d:?}");
    let at = |needle: &str| {
        r.text
            .find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in {:?}", r.text))
    };
    // In reading order, each before its own body text.
    assert!(at("Intro.") < at("Never on Fridays"));
    assert!(at("Never on Fridays") < at("We mean it."));
    assert!(at("Rollback") < at("Check the canary"));
    assert!(at("Check the canary") < at("Before anything."));
    assert!(at("Linux") < at("apt install x"));
    // Default titles are not the author's words.
    assert!(
        !r.text.contains("Note") && !r.text.contains("Tip"),
        "{:?}",
        r.text
    );
    assert_eq!(r.text.matches("Never on Fridays").count(), 1);
}

#[test]
fn collapsible_mkdocs_admonitions_are_details_and_tabs_sections() {
    let body = "??? question \"Why <b>?\"\n    Because.\n\n    - a\n\n???+ note\n\tOpen, tab-indented.\r\n\r\n=== \"Linux\"\n    `apt install x`\n\n=== \"macOS\"\n    `brew install x`\n\n!!! tip \"Last\"\n    No newline at the end.";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/a.md");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        tags(&r.html, BLOCKS),
        [
            "details",
            "summary",
            "/summary",
            "p",
            "/p",
            "ul",
            "li",
            "/li",
            "/ul",
            "/details",
            "details",
            "summary",
            "/summary",
            "p",
            "/p",
            "/details",
            "section",
            "p",
            "/p",
            "p",
            "/p",
            "/section",
            "section",
            "p",
            "/p",
            "p",
            "/p",
            "/section",
            "blockquote",
            "p",
            "/p",
            "p",
            "/p",
            "/blockquote"
        ],
        "{}",
        r.html
    );
    for part in [
        "<details class=\"markdown-alert markdown-alert-note\">\n<summary>Why &lt;b&gt;?</summary>\n<p>Because.</p>",
        "<details class=\"markdown-alert markdown-alert-note\" open>\n<summary>Note</summary>\n<p>Open, tab-indented.</p>",
        "<section class=\"content-tab\">\n<p class=\"content-tab-title\"><strong>Linux</strong></p>\n<p><code>apt install x</code></p>",
        "<p>Last</p>\n<p>No newline at the end.</p>\n</blockquote>",
    ] {
        assert!(r.html.contains(part), "{part} in {}", r.html);
    }
    // A page the sanitizer reads whole (raw HTML and footnotes) keeps them as drawn.
    let body = "???+ tip \"T\"\n    Open[^1] <kbd>x</kbd>.\n\n[^1]: Note.\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], false);
    let (r, _) = render_path(&hb, "content/a.md");
    assert!(
        r.html
            .contains("<details class=\"markdown-alert markdown-alert-tip\" open"),
        "{}",
        r.html
    );
}

#[test]
fn an_mkdocs_item_joined_to_an_authors_list_is_drawn_on_its_own() {
    use crate::dialects::mkdocs::{Block, Blocks};
    // What `clean` steers clear of, written by hand: the item at 4 shares the list.
    let body = "- a\n-\t&zwnj;\n    Body.\n- b\n";
    let pending = [Block {
        at: 4,
        kind: pulldown_cmark::BlockQuoteKind::Tip,
        drawn: crate::dialects::found::Drawn::Callout,
        title: "T".into(),
    }];
    let events = Blocks::new(
        Parser::new_ext(body, options()).into_offset_iter(),
        pending.into_iter().collect(),
    )
    .map(|(e, _, _)| e);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    assert_eq!(
        html,
        "<ul>\n<li>a</li>\n</ul>\n<blockquote class=\"markdown-alert-tip\">\n<p>T</p>\n<p>Body.</p>\n</blockquote>\n<ul>\n<li>b</li>\n</ul>\n"
    );
}

/// Bodies made of MkDocs blocks and what sits around them, in many orders: the drawn
/// blocks' tags are balanced, and their invisible lines never reach the page or the
/// text.
#[test]
fn mkdocs_blocks_in_any_company_stay_balanced_and_invisible() {
    const PARTS: &[&str] = &[
        "!!! note \"T\"\n    p1\n",
        "\n",
        "    - a\n",
        "    ```sh\n    x\n    ```\n",
        "        code\n",
        "    !!! tip\n",
        "- l\n",
        "+ l\n",
        "* l\n",
        "1. o\n",
        "??? tip\n    y\n",
        "???+ tip\n\ty\n",
        "=== \"Tab\"\n    z\n",
        "Text\n",
        "> q\n",
        "<div>\n",
        "</div>\n",
        "!!! ab\n",
        "!!! warning\r\n",
        "[^1]: f\n",
        "| a |\n|---|\n",
        "---\n",
        "# H\n",
        "    text [l](a.md)\n",
        "    !!! tip \"N\"\n        nested\n",
        "    + l\n",
        "        ??? bug\n",
        "    === \"T2\"\n        t\n",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let bodies: Vec<String> = (0..1500)
        .map(|_| {
            let len = 1 + next(9);
            // A title first: a body opening with `---` would be front matter.
            let parts: String = (0..len).map(|_| PARTS[next(PARTS.len())]).collect();
            format!("# T\n\n{parts}")
        })
        .collect();
    let mut files: Vec<(String, &str)> = vec![("README.md".into(), "# Home\n")];
    files.extend(
        bodies
            .iter()
            .enumerate()
            .map(|(i, b)| (format!("b{i}.md"), b.as_str())),
    );
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, b)| (p.as_str(), *b)).collect();
    let hb = book(&refs, &[], true);
    for (i, body) in bodies.iter().enumerate() {
        let (r, _) = render_path(&hb, &format!("content/b{i}.md"));
        let count = |t: &str| r.html.matches(t).count();
        for (open, close) in [
            ("<blockquote", "</blockquote>"),
            ("<details", "</details>"),
            ("<section", "</section>"),
            ("<ul>", "</ul>"),
            ("<li>", "</li>"),
        ] {
            assert_eq!(count(open), count(close), "{open} in {body:?}:\n{}", r.html);
        }
        for out in [&r.html, &r.text] {
            assert!(
                !out.contains(['\u{200B}', '\u{200C}', '\u{200D}'])
                    && !out.contains("&zw")
                    && !out.contains("&#8203;")
                    && !out.contains("&#0"),
                "{body:?}:\n{out}"
            );
        }
    }
}

#[test]
fn mkdocs_admonitions_nest_in_admonitions_and_tabs() {
    let body = "=== \"Linux\"\n    Install:\n\n    !!! warning \"Needs root\"\n        Run it with `sudo`.\n\n        ??? note \"Why?\"\n            It writes to [/etc](nope.md).\n\n    + an author's list\n\n    !!! tip\n        After the list.\n\n=== \"macOS\"\n    Use brew.\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], true);
    let (r, d) = render_path(&hb, "content/a.md");
    let at: Vec<(&str, u32, u32)> = d.iter().map(|d| (d.code, d.line, d.column)).collect();
    assert_eq!(at, [("broken-link", 8, 26)], "{d:?}");
    assert_eq!(
        tags(&r.html, &["section", "blockquote", "details", "ul", "li"]),
        [
            "section",
            "blockquote",
            "details",
            "/details",
            "/blockquote",
            "ul",
            "li",
            "/li",
            "/ul",
            "blockquote",
            "/blockquote",
            "/section",
            "section",
            "/section"
        ],
        "{}",
        r.html
    );
    for part in [
        "<blockquote class=\"markdown-alert-warning\">\n<p>Needs root</p>\n<p>Run it with <code>sudo</code>.</p>",
        "<summary>Why?</summary>\n<p>It writes to <span class=\"broken-link\" title=\"This link leads nowhere yet: nope.md\">/etc</span>.</p>\n</details>",
        "<li>an author's list</li>",
        "<p>Tip</p>\n<p>After the list.</p>",
    ] {
        assert!(r.html.contains(part), "{part} in {}", r.html);
    }
}

/// A broken link written in raw HTML (a converted wiki's table) is marked too, under
/// `broken = "warn"`: the `<a>` loses its `href`, so no reader is sent to a missing page;
/// its working neighbours and a missing image's `src` stay as they are.
#[test]
fn a_broken_link_in_raw_html_loses_its_href_and_is_marked() {
    let body = "# A\n\n<table><tr><td><a class='x' href='nope.md'>Try &amp; buy</a></td><td><a href=\"README.md\">home</a> <a href=nope2.html>two</a> <img src=\"gone.png\" alt=\"g\"></td></tr></table>\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], true);
    let (r, d) = render_path(&hb, "content/a.md");
    assert_eq!(d.len(), 3, "{d:?}");
    assert!(d.iter().all(|d| !d.is_error()), "{d:?}");
    for part in [
        "<a class=\"x\" title=\"This link leads nowhere yet: nope.md\">Try &amp; buy</a>",
        "<a href=\"index.html\">home</a>",
        "<a class=\"broken-link\" title=\"This link leads nowhere yet: nope2.html\">two</a>",
        "src=\"gone.png\"",
    ] {
        assert!(r.html.contains(part), "{part} in {}", r.html);
    }
}

/// A broken link is the renderer's span, not the author's HTML: the author's raw HTML
/// around it is still sanitized, and the span is not.
#[test]
fn a_broken_link_is_a_marked_span_and_raw_html_beside_it_is_still_sanitized() {
    let body = "# A\n\nSee [the cloud](../cloud.md) <script>alert(1)</script> and [<b>x</b>](gone.md \"t\").\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], true);
    let (r, d) = render_path(&hb, "content/a.md");
    let codes: Vec<&str> = d.iter().map(|d| d.code).collect();
    // The script is removed, and said to be.
    assert_eq!(
        codes,
        ["broken-link", "broken-link", "removed-embed"],
        "{d:?}"
    );
    assert!(
        r.html.contains(
            "<span class=\"broken-link\" title=\"This link leads nowhere yet: ../cloud.md\">the cloud</span>"
        ),
        "{}",
        r.html
    );
    assert!(!r.html.contains("<script"), "{}", r.html);
    assert!(!r.html.contains("href=\"gone.md\""), "{}", r.html);
    assert_eq!(
        r.html.matches("<span").count(),
        r.html.matches("</span>").count()
    );
}

/// An embedded video or dashboard (`<iframe>`) is removed by the sanitizer: a link to it
/// stands in its place, with a warning at its address; under `raw_html = "allow"` it stays.
#[test]
fn an_embedded_frame_becomes_a_link_to_what_it_showed() {
    let body = "# A\n\n## Video walkthrough\n\n<div style=\"position: relative\"><iframe src=\"https://video.example/embed/abc?t=1&amp;x=2\" frameborder=\"0\" allowfullscreen></iframe></div>\n\nAfter.\n";
    let mut hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], false);
    let (r, d) = render_path(&hb, "content/a.md");
    assert!(!r.html.contains("<iframe"), "{}", r.html);
    assert!(
        r.html
            .contains("<a href=\"https://video.example/embed/abc?t=1&amp;x=2\">https://video.example/embed/abc?t=1&amp;x=2</a>"),
        "{}",
        r.html
    );
    let at: Vec<(&str, u32)> = d.iter().map(|d| (d.code, d.line)).collect();
    assert_eq!(at, [("removed-embed", 5)], "{d:?}");
    hb.config.markdown.raw_html = crate::html_policy::RawHtml::Allow;
    let (r, d) = render_path(&hb, "content/a.md");
    assert!(
        r.html
            .contains("<iframe src=\"https://video.example/embed/abc"),
        "{}",
        r.html
    );
    assert!(d.is_empty(), "{d:?}");
}

/// A paired shortcode block (a dashboard embed: opening, filter lines, closing) is one
/// warning at its opening line, saying what it spans; a lone one stays one of its own.
#[test]
fn a_paired_shortcode_block_is_one_warning() {
    let body = "# A\n\n{{< tableau src=\"https://dash.example/views/x\" >}}\n  {{< tableau/filters \"Stage\"=\"create\" >}}\n  {{< tableau/filters \"Group\"=\"code\" >}}\n{{< /tableau >}}\n\nText {{< sisense id=\"1\" >}} here.\n";
    let hb = book(&[("README.md", "# Home\n"), ("a.md", body)], &[], false);
    let (_, d) = render_path(&hb, "content/a.md");
    let at: Vec<(&str, u32, &str)> = d
        .iter()
        .map(|d| (d.code, d.line, d.message.as_str()))
        .collect();
    assert_eq!(at.len(), 2, "{at:?}");
    assert_eq!((at[0].0, at[0].1), ("template-leftover", 3));
    assert!(
        at[0]
            .2
            .contains("{{< /tableau >}}` (4 lines) is a shortcode block"),
        "{at:?}"
    );
    assert_eq!((at[1].1, at[1].2.contains("sisense")), (8, true), "{at:?}");
}

/// A link to a page's address in the handbook's own repository (`{url}/blob/master/x.md`,
/// as a handbook written on GitHub links itself) is a link to the page; a file the
/// handbook does not have (code) keeps the forge's address.
#[test]
fn links_to_the_handbooks_own_repository_are_links_to_its_pages() {
    let text = "# A\n\nSee [the org chart](https://github.com/acme/handbook/blob/master/orgchart.md#performance-plan), [moved in](https://github.com/acme/handbook/blob/main/content/b.md), [GitLab](https://github.com/acme/handbook/-/blob/main/b.md), [code](https://github.com/acme/handbook/blob/main/scripts/x.sh) and [elsewhere](https://github.com/other/repo/blob/main/b.md).\n";
    let mut hb = book(
        &[
            ("a.md", text),
            ("b.md", "# Bee\n"),
            ("orgchart.md", "# Org chart\n\n## Performance plan\n"),
        ],
        &[],
        false,
    );
    hb.config.repository.url = Some("https://github.com/acme/handbook".into());
    let (page, d) = render_path(&hb, "content/a.md");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(
        hrefs(&page.html),
        [
            "orgchart.html#performance-plan",
            "b.html",
            "b.html",
            "https://github.com/acme/handbook/blob/main/scripts/x.sh",
            "https://github.com/other/repo/blob/main/b.md"
        ],
        "{}",
        page.html
    );
    // Recorded as links to the pages, whose anchors the link stage checks.
    assert_eq!(page.links.len(), 3, "{:?}", page.links);
}

/// A link written for a site that served the pages under a prefix (`/handbook/…`, as
/// PostHog's handbook did) names the page it meant in its hint.
#[test]
fn a_link_with_the_old_sites_prefix_names_the_page_it_meant() {
    let text = "# A\n\nSee [small teams](/handbook/company/small-teams).\n";
    let hb = book(
        &[
            ("README.md", text),
            ("company/small-teams.md", "# Small teams\n"),
        ],
        &[],
        false,
    );
    let (_, d) = render_path(&hb, "content/README.md");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(
        d[0].help.as_deref(),
        Some("did you mean `company/small-teams.md`?"),
        "{d:?}"
    );
}

#[test]
fn bare_domains_are_told_from_file_names() {
    assert_eq!(
        bare_domain("status.example.com"),
        Some("status.example.com")
    );
    assert_eq!(bare_domain("kubernetes.io/docs/x/"), Some("kubernetes.io"));
    for not in [
        "setup.md",
        "notes.txt",
        "logo.png",
        "guides/a.com",
        "..",
        ".com",
        "a..com",
        "üb.com",
    ] {
        assert_eq!(bare_domain(not), None, "{not}");
    }
    assert!(is_placeholder_target("TBD") && is_placeholder_target(" todo "));
    assert!(!is_placeholder_target("todo.md"));
}

/// Google Docs' converter writes its alerts into the page: one warning, at the first one
/// a reader would see (not those in its opening comment), with their count.
#[test]
fn docs_to_markdown_alerts_are_one_warning_at_the_first_shown() {
    let body = "<!-----\nConversion notes: look for \">>>>>  gd2md-html alert:\" below.\n----->\n\n# Travel\n\n<p style=\"color: red\">>>>>>  gd2md-html alert:  ERRORs: 0; ALERTS: 2.</p>\n\nText.\n\n<p id=\"gdcalert1\" >>>>>>  gd2md-html alert: inline image link here (to images/image1.png).</p>\n";
    let hb = book(
        &[("README.md", "# Home\n"), ("travel.md", body)],
        &[],
        false,
    );
    let (_, d) = render_path(&hb, "content/travel.md");
    let alerts: Vec<_> = d.iter().filter(|d| d.code == "template-leftover").collect();
    assert_eq!(alerts.len(), 1, "{d:?}");
    assert!(
        alerts[0].message.starts_with("2 alerts of"),
        "{}",
        alerts[0].message
    );
    assert_eq!(alerts[0].line, 7);
    let (_, d) = render_path(&hb, "content/README.md");
    assert!(d.is_empty());
}

/// A bare address with a `~` in it (a home-directory page) is linked whole: pulldown-cmark
/// cuts text at a `~` that pairs with nothing, and the link used to stop there.
#[test]
fn a_bare_address_with_a_tilde_is_linked_whole() {
    let hb = book(
        &[(
            "links.md",
            "# Links\n\nRead https://example.org/~team/handbook.html now, ~~not this~~.\n",
        )],
        &[],
        false,
    );
    let (r, d) = render_path(&hb, "content/links.md");
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(hrefs(&r.html), ["https://example.org/~team/handbook.html"]);
    assert!(r.html.contains("<del>not this</del>"), "{}", r.html);
}

/// A paragraph of many DocFX `<xref href>` tags is searched for their closing tags once,
/// not once per tag to the paragraph's end (40,000 unclosed tags took 15 s, quadratic).
#[test]
fn many_xref_tags_in_one_paragraph_stay_linear_and_keep_their_texts() {
    let n = 20_000;
    let text = format!(
        "---\nuid: guide-intro\n---\n# Intro\n\n{}\n\n{} <xref href=\"guide-intro\">last words</xref>\n",
        "<xref href=\"guide-intro\"> open ".repeat(n),
        "<xref href=\"guide-intro\">shown *here*</xref> then ".repeat(n),
    );
    let hb = book(&[("intro.md", &text)], &[], false);
    let ((page, _), took) = crate::cpu_time::cpu_time_of(|| render_path(&hb, "content/intro.md"));
    // Linear: well under a second even unoptimised; quadratic took minutes unoptimised.
    assert!(took < std::time::Duration::from_secs(20));
    let html = &page.html;
    assert_eq!(
        html.matches(">shown here</a>").count(),
        n,
        "{}",
        &html[..2000]
    );
    assert_eq!(html.matches(">last words</a>").count(), 1);
    // An unclosed tag shows the page's title, and the words after it stay.
    assert_eq!(html.matches(">Intro</a> open").count(), n);
    assert!(!html.contains("&lt;/xref&gt;") && !html.contains("</xref>"));
}

/// Every body of `hb`, rendered.
fn render_all(hb: &Handbook) -> Vec<Rendered> {
    (0..hb.docs.len())
        .map(|id| render(hb, id, &mut Vec::new()))
        .collect()
}

/// The anchors of `hb`'s pages once every body is rendered and the anchor pass ran.
fn anchored(hb: &Handbook) -> (Vec<Rendered>, Vec<crate::diagnostic::Diagnostic>) {
    let mut rendered = render_all(hb);
    let mut d = Vec::new();
    crate::markdown::links::retarget_anchors(hb, &mut rendered, &mut d);
    crate::markdown::links::check_anchors(hb, &rendered, &mut d);
    (rendered, d)
}

#[test]
fn bookstack_ids_cut_to_twenty_characters_reach_the_first_heading_they_were_cut_from() {
    let hb = book(
        &[
            (
                "runbooks/deploys.md",
                "# Deploys\n\n## Rollback\n\n## How to roll back a deploy\n\n## How to roll back a deploy, again\n\n## What's   new?\n",
            ),
            (
                "onboarding.md",
                "[a](/books/runbooks/page/deploys#bkmrk-how-to-roll-back-a-d) [b](/books/runbooks/page/deploys#bkmrk-rollback) [c](/books/runbooks/page/deploys#bkmrk-how-to-scale-up-the-) [d](/books/runbooks/page/deploys#bkmrk-what%27s-new%3F)\n\n## Identifier les cas d'utilisation\n\n[e](#bkmrk-identifier-les-cas-d) [f](#how-to-roll-back-a-d)\n",
            ),
        ],
        &[],
        true,
    );
    let (rendered, d) = anchored(&hb);
    let onboarding = hb.by_path["content/onboarding.md"];
    assert_eq!(
        hrefs(&rendered[onboarding].html),
        [
            "runbooks/deploys.html#how-to-roll-back-a-deploy",
            "runbooks/deploys.html#rollback",
            "runbooks/deploys.html#how-to-scale-up-the-",
            "runbooks/deploys.html#whats---new",
            "#identifier-les-cas-dutilisation",
            "#how-to-roll-back-a-d",
        ]
    );
    // A cut id naming no heading, and one written without `bkmrk-` (no BookStack id),
    // are missing anchors as before. The punctuation BookStack's rule keeps is read by
    // that rule, first now (its ids are counted over the page's blocks), so the
    // address's id is BookStack's, not another generator's rule to report.
    let codes: Vec<(&str, &str)> = d.iter().map(|d| (d.code, d.message.as_str())).collect();
    assert_eq!(codes.len(), 2, "{codes:?}");
    assert!(codes[0].1.contains("`#how-to-scale-up-the-`"), "{codes:?}");
    assert!(codes[1].1.contains("`#how-to-roll-back-a-d`"), "{codes:?}");
}

#[test]
fn bookstack_numbered_ids_are_counted_once_a_page() {
    // One page of n headings "Setup" (BookStack's `bkmrk-setup`, `-1`, … `-(n-1)`), another
    // linking each: the page's blocks are counted once, and a repeated id finds its next
    // number where the last one stopped, not by trying 1, 2, … again.
    let time = |n: usize| {
        let heads: String = (0..n).map(|_| "## Setup\n\nSetup\n\n").collect();
        let links: String = (1..n)
            .map(|k| format!("[x](/books/runbooks/page/deploys#bkmrk-setup-{})\n", 2 * k))
            .collect();
        let hb = book(
            &[("runbooks/deploys.md", &heads), ("onboarding.md", &links)],
            &[],
            true,
        );
        let mut rendered = render_all(&hb);
        let mut d = Vec::new();
        let ((), took) = crate::cpu_time::cpu_time_of(|| {
            crate::markdown::links::retarget_anchors(&hb, &mut rendered, &mut d)
        });
        assert!(d.is_empty(), "{:?}", d.first());
        let onboarding = hb.by_path["content/onboarding.md"];
        // The (k+1)-th heading is BookStack's `setup-2k` (each paragraph took the odd
        // one), and orgbook's `setup-k`.
        let hrefs = hrefs(&rendered[onboarding].html);
        assert_eq!(hrefs.len(), n - 1);
        assert_eq!(hrefs[0], "runbooks/deploys.html#setup-1");
        assert_eq!(
            hrefs[n - 2],
            format!("runbooks/deploys.html#setup-{}", n - 1)
        );
        took
    };
    crate::cpu_time::assert_grows_linearly("headings", 2_000, time);
}

#[test]
fn bookstack_ids_are_found_by_one_index_a_page() {
    // One page of n long headings, another linking each by its cut id: each link is one
    // look-up in the target's index, not a scan of its headings.
    let time = |n: usize| {
        let heads: String = (0..n)
            .map(|k| format!("## {k:07} is a heading with a long tail\n\n"))
            .collect();
        let links: String = (0..n)
            .map(|k| format!("[x](/books/runbooks/page/deploys#bkmrk-{k:07}-is-a-heading)\n"))
            .collect();
        let hb = book(
            &[("runbooks/deploys.md", &heads), ("onboarding.md", &links)],
            &[],
            true,
        );
        let mut rendered = render_all(&hb);
        let mut d = Vec::new();
        let ((), took) = crate::cpu_time::cpu_time_of(|| {
            crate::markdown::links::retarget_anchors(&hb, &mut rendered, &mut d)
        });
        assert!(d.is_empty(), "{:?}", d.first());
        let onboarding = hb.by_path["content/onboarding.md"];
        let reached = hrefs(&rendered[onboarding].html)
            .iter()
            .filter(|h| h.ends_with("-is-a-heading-with-a-long-tail"))
            .count();
        assert_eq!(reached, n);
        took
    };
    crate::cpu_time::assert_grows_linearly("links", 2_000, time);
}

/// In a Sphinx site (its `conf.py` moved in with the pages), a MyST link to a dotted
/// Python name is to the API reference Sphinx generates: the warning says so. Elsewhere,
/// and for a file name, it is the usual "no such file".
#[test]
fn a_link_to_a_python_object_in_a_sphinx_site_says_what_it_names() {
    let page = "# Glossary\n\nSee [`attrs.frozen()`](attrs.frozen), [notes](notes.txt) and [the processor](structlog.processors.TimeStamper#usage).\n";
    let messages = |sphinx: bool| {
        let mut hb = book(
            &[("glossary.md", page), ("README.md", "# Home\n")],
            &[],
            true,
        );
        if sphinx {
            hb.assets.push("conf.py".into());
            hb.assets.sort();
        }
        let (_, d) = render_path(&hb, "content/glossary.md");
        d.into_iter()
            .map(|d| d.message.to_string())
            .collect::<Vec<_>>()
    };
    let sphinx = messages(true);
    assert_eq!(sphinx.len(), 3, "{sphinx:?}");
    assert!(sphinx[0].ends_with("in this Sphinx site `attrs.frozen` names an object of its API reference, which Sphinx makes from the code (autodoc) and orgbook does not"), "{sphinx:?}");
    assert_eq!(
        sphinx[1],
        "link to `notes.txt`: no such file (content/notes.txt)"
    );
    assert!(
        sphinx[2].contains("`structlog.processors.TimeStamper` names an object"),
        "{sphinx:?}"
    );
    let plain = messages(false);
    assert_eq!(
        plain[0],
        "link to `attrs.frozen`: no such file (content/attrs.frozen)"
    );
}

/// A page written in HTML (`load::is_html_page`) is one block of raw HTML however many
/// blank and indented lines it has (never a code block), its Liquid links are links, and
/// it is rendered in time linear in its size: no step looks at the page once per link,
/// per line or per Liquid tag.
#[test]
fn an_html_page_stays_html_and_renders_in_linear_time() {
    let page = |n: usize| {
        let block = "<div class=\"chapter\">\n\n    <a href=\"{{ site.baseurl }}/guide/setup/\">Setup</a>\n    <a href=\"{% link guide/setup.md %}\">again</a> {{ page.title }}\n\n</div>\n";
        format!(
            "---\nlayout: page\n---\n<h1>All <em>the</em> chapters</h1>\n{}",
            block.repeat(n)
        )
    };
    crate::cpu_time::assert_grows_linearly("blocks", 2_000, |n| {
        let text = page(n);
        let hb = book(
            &[("guide/setup.md", "# Setup\n"), ("chapters.html", &text)],
            &[],
            false,
        );
        let ((r, d), took) =
            crate::cpu_time::cpu_time_of(|| render_path(&hb, "content/chapters.html"));
        assert!(
            !r.html.contains("<pre") && !r.html.contains("&lt;a"),
            "{}",
            &r.html[..400]
        );
        assert_eq!(r.html.matches("href=\"guide/setup.html\"").count(), 2 * n);
        assert_eq!(r.leading_h1.as_deref(), Some("All the chapters"));
        assert!(
            r.text.starts_with("All the chapters Setup again"),
            "{}",
            &r.text[..80]
        );
        // `{{ page.title }}` is reported up to the cap, then counted.
        assert_eq!(
            d.len(),
            crate::markdown::TEMPLATES_SHOWN + 1,
            "{:?}",
            d.first()
        );
        took
    });
}
