use super::*;

fn handbook(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let p = dir.path().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn run(dir: &Path, file: &str) -> (String, Included, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(dir.join(file)).unwrap();
    let mut diags = Vec::new();
    let (out, inc) =
        expand(dir, file, &text, 0, &[], &mut diags).unwrap_or((text, Included::default()));
    (out, inc, diags)
}

#[test]
fn myst_include_takes_the_part_between_markers_relative_to_the_file() {
    let dir = handbook(&[
        (
            "README.md",
            "# Project\n\n<!-- start -->\nShared *intro*.\n<!-- end -->\nTail.\n",
        ),
        (
            "content/index.md",
            "# Home\n\n```{include} ../README.md\n:start-after: <!-- start -->\n:end-before: <!-- end -->\n```\n\nAfter.\n",
        ),
    ]);
    let (out, inc, diags) = run(dir.path(), "content/index.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(out, "# Home\n\n\nShared *intro*.\n\nAfter.\n");
    assert_eq!(inc.files, ["README.md"]);
    // "Shared" is line 4 of README.md; "After." line 8 of index.md.
    let mut d = vec![
        Diagnostic::warning(Code::BrokenLink, "content/index.md", "x").at(
            &out,
            out.find("Shared").unwrap()..out.find("Shared").unwrap() + 1,
        ),
        Diagnostic::warning(Code::BrokenLink, "content/index.md", "y").at(
            &out,
            out.find("After").unwrap()..out.find("After").unwrap() + 1,
        ),
    ];
    let doc = crate::load::parse_doc(
        "content/index.md".into(),
        "index.md",
        out.clone(),
        &mut Vec::new(),
    )
    .unwrap();
    let mut doc = doc;
    doc.source.included = Some(Box::new(inc));
    relocate(&mut d, std::slice::from_ref(&doc));
    assert_eq!((d[0].file.as_str(), d[0].line), ("README.md", 4));
    assert_eq!((d[1].file.as_str(), d[1].line), ("content/index.md", 8));
}

#[test]
fn files_outside_the_handbook_are_never_read() {
    let outer = handbook(&[("secret.txt", "TOP SECRET\n")]);
    let root = outer.path().join("hb");
    std::fs::create_dir_all(root.join("content")).unwrap();
    std::fs::write(
        root.join("content/a.md"),
        "```{literalinclude} ../../secret.txt\n```\n\n--8<-- \"../secret.txt\"\n\n--8<-- \"/etc/passwd\"\n",
    )
    .unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        outer.path().join("secret.txt"),
        root.join("content/link.txt"),
    )
    .unwrap();
    #[cfg(unix)]
    std::fs::write(root.join("content/b.md"), "--8<-- \"content/link.txt\"\n").unwrap();
    let (out, _, diags) = run(&root, "content/a.md");
    assert!(!out.contains("SECRET"), "{out}");
    assert_eq!(diags.len(), 3, "{diags:?}");
    // Inside the folder, but hidden: not read either.
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::write(root.join(".git/config"), "token = SECRET\n").unwrap();
    std::fs::write(root.join(".env"), "KEY=SECRET\n").unwrap();
    std::fs::write(
        root.join("content/c.md"),
        "--8<-- \".git/config\"\n\n```{include} ../.env\n```\n",
    )
    .unwrap();
    let (out, _, hidden) = run(&root, "content/c.md");
    assert!(!out.contains("SECRET"), "{out}");
    assert_eq!(hidden.len(), 2, "{hidden:?}");
    assert!(
        hidden.iter().all(|d| d.message.contains("hidden")),
        "{hidden:?}"
    );
    // Other hidden folders hold what pages do include.
    std::fs::create_dir_all(root.join(".github")).unwrap();
    std::fs::write(root.join(".github/CONTRIBUTING.md"), "Fork, then PR.\n").unwrap();
    std::fs::write(
        root.join("content/d.md"),
        "--8<-- \".github/CONTRIBUTING.md\"\n",
    )
    .unwrap();
    let (out, _, none) = run(&root, "content/d.md");
    assert!(
        none.is_empty() && out.contains("Fork, then PR."),
        "{none:?} {out}"
    );
    assert!(diags.iter().all(|d| d.code == "broken-include"));
    assert!(
        diags[0].message.contains("outside the handbook folder"),
        "{}",
        diags[0].message
    );
    #[cfg(unix)]
    {
        let (out, _, diags) = run(&root, "content/b.md");
        assert!(!out.contains("SECRET"), "{out}");
        assert!(diags[0].message.contains("outside"), "{diags:?}");
    }
}

#[test]
fn snippets_with_sections_lines_indentation_and_escapes() {
    let dir = handbook(&[
        ("CHANGELOG.md", "# Changelog\n\n## 1.0\n\nFirst.\n"),
        (
            "snips/code.py",
            "import x\n# --8<-- [start:main]\ndef main():\n    pass\n# --8<-- [end:main]\n",
        ),
        (
            "content/a.md",
            "--8<-- \"CHANGELOG.md:3:5\"\n\n```python\n--8<-- \"snips/code.py:main\"\n```\n\n- item\n\n    --8<-- \"snips/code.py\"\n\n;--8<-- \"shown.md\"\n",
        ),
    ]);
    let (out, inc, diags) = run(dir.path(), "content/a.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        out,
        "## 1.0\n\nFirst.\n\n```python\ndef main():\n    pass\n```\n\n- item\n\n    import x\n    def main():\n        pass\n\n--8<-- \"shown.md\"\n"
    );
    assert_eq!(inc.files, ["CHANGELOG.md", "snips/code.py"]);
}

#[test]
fn literalinclude_lines_language_caption_and_dedent() {
    let dir = handbook(&[
        (
            "content/ex/app.py",
            "import os\n\nclass A:\n    def f(self):\n        return 1\n",
        ),
        (
            "content/a.md",
            "~~~{literalinclude} ex/app.py\n:lines: 4-5\n:dedent:\n:caption: The method\n~~~\n",
        ),
    ]);
    let (out, _, diags) = run(dir.path(), "content/a.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        out,
        "*The method*\n\n```python\ndef f(self):\n    return 1\n```\n"
    );
}

#[test]
fn nested_includes_that_multiply_stop_at_the_bound() {
    // Seven files that each include the next ten times (MyST), and the same with
    // snippets: within the depth and size limits, 10 million includes each.
    let mut files: Vec<(String, String)> = Vec::new();
    for k in 0..7 {
        let myst = format!("```{{include}} s{}.md\n```\n\n", k + 1).repeat(10);
        let snippet = format!("--8<-- \"content/n{}.md\"\n\n", k + 1).repeat(10);
        files.push((format!("content/s{k}.md"), myst));
        files.push((format!("content/n{k}.md"), snippet));
    }
    files.push(("content/s7.md".into(), "lol\n".into()));
    files.push(("content/n7.md".into(), "lol\n".into()));
    files.push((
        "content/a.md".into(),
        "# A\n\n```{include} s0.md\n```\n\n--8<-- \"content/n0.md\"\n\nEnd.\n".into(),
    ));
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(p, t)| (p.as_str(), t.as_str()))
        .collect();
    let dir = handbook(&refs);
    let (out, _, diags) = run(dir.path(), "content/a.md");
    let lols = out.matches("lol").count();
    assert!(lols > 0 && lols <= MAX_INCLUDES, "{lols}");
    assert_eq!(diags.len(), 1, "reported once: {diags:?}");
    assert!(
        diags[0].message.contains("more than 1000 includes"),
        "{}",
        diags[0].message
    );
    assert!(out.ends_with("End.\n"), "the page's own text stays");
}

#[test]
fn includes_in_code_blocks_are_examples_and_cycles_stop() {
    let dir = handbook(&[
        (
            "content/a.md",
            "````markdown\n```{include} b.md\n```\n````\n\n:::{include} b.md\n:::\n",
        ),
        ("content/b.md", "B says hi.\n\n```{include} a.md\n```\n"),
    ]);
    let (out, inc, diags) = run(dir.path(), "content/a.md");
    assert!(
        out.starts_with("````markdown\n```{include} b.md\n```\n````\n"),
        "{out}"
    );
    assert!(out.contains("B says hi."), "{out}");
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].message.contains("includes this file again"),
        "{}",
        diags[0].message
    );
    assert_eq!(diags[0].file, "content/b.md");
    assert_eq!(inc.files, ["content/a.md", "content/b.md"]);
}

#[test]
fn missing_and_rst_includes_are_reported_and_leave_blank_lines() {
    let dir = handbook(&[(
        "content/a.md",
        "Top.\n\n```{include} nope.md\n```\n\n```{include} ../NEWS.rst\n```\n\nEnd.\n",
    )]);
    let (out, inc, diags) = run(dir.path(), "content/a.md");
    assert_eq!(out.lines().count(), 9);
    assert_eq!(out.lines().nth(8), Some("End."));
    assert_eq!(diags.len(), 2);
    assert_eq!((diags[0].line, diags[1].line), (3, 6));
    assert!(diags[1].message.contains("reStructuredText"));
    assert!(inc.origins.is_empty());
    assert_eq!(inc.files, ["content/nope.md"]);
}

#[test]
fn heading_offset_and_front_matter() {
    let dir = handbook(&[
        (
            "content/part.md",
            "---\ntitle: Part\n---\n# Part\n\n```\n# not a heading\n```\n",
        ),
        (
            "content/a.md",
            "```{include} part.md\n:heading-offset: 1\n```\n",
        ),
    ]);
    let (out, _, _) = run(dir.path(), "content/a.md");
    assert_eq!(out, "## Part\n\n```\n# not a heading\n```\n");
}

#[test]
fn docfx_include_lines_name_their_file() {
    assert_eq!(
        docfx_include("[!INCLUDE [Pager rules](../includes/pager.md)]").as_deref(),
        Some("../includes/pager.md")
    );
    assert_eq!(
        docfx_include("  [!include[](~/includes/pager.md)]").as_deref(),
        Some("/includes/pager.md")
    );
    assert_eq!(
        docfx_include("[!INCLUDE [x](https://example.com/x.md)]"),
        None
    );
    assert_eq!(docfx_include("[!NOTE]"), None);
    assert_eq!(docfx_include("See [!INCLUDE [x](x.md)] here"), None);
}

#[test]
fn docsify_include_links_name_their_file_and_whether_it_is_code() {
    assert_eq!(
        docsify_include("[terms](../shared/terms.md ':include')"),
        Some(("../shared/terms.md", false))
    );
    assert_eq!(
        docsify_include("  [](/parts/head.md \":include\")"),
        Some(("/parts/head.md", false))
    );
    assert_eq!(
        docsify_include("[deploy](deploy.md ':include :type=code')"),
        Some(("deploy.md", true))
    );
    assert_eq!(
        docsify_include("[app](src/app.py ':include')"),
        Some(("src/app.py", true))
    );
    assert_eq!(docsify_include("[terms](terms.md)"), None);
    assert_eq!(docsify_include("[terms](terms.md 'Terms')"), None);
    assert_eq!(docsify_include("See [terms](terms.md ':include')"), None);
    assert_eq!(
        docsify_include("[x](https://a.example/x.md ':include')"),
        None
    );
    assert_eq!(docsify_include("[x](x.md#part ':include')"), None);
}

#[test]
fn mintlify_snippets_name_their_file_in_snippets() {
    assert_eq!(
        mintlify_snippet("<Snippet file=\"profile/ash.mdx\" />"),
        Some("profile/ash.mdx")
    );
    assert_eq!(
        mintlify_snippet("  <Snippet file=\"/intro.md\"/>"),
        Some("intro.md")
    );
    assert_eq!(mintlify_snippet("<Snippet file=\"../secret.md\" />"), None);
    assert_eq!(mintlify_snippet("<Snippet file=\"chart.jsx\" />"), None);
    assert_eq!(mintlify_snippet("See <Snippet file=\"a.mdx\" />"), None);
}

#[test]
fn hugo_include_shortcodes_name_their_file() {
    assert_eq!(
        hugo_include("{{% include \"includes/x.md\" %}}"),
        Some("includes/x.md")
    );
    assert_eq!(hugo_include("  {{< include \"y.md\" >}}"), Some("y.md"));
    assert_eq!(
        hugo_include("{{% readfile file=\"/docs/z.md\" %}}"),
        Some("/docs/z.md")
    );
    assert_eq!(
        hugo_include("{{% readfile file=\"main.go\" code=\"true\" %}}"),
        None
    );
    assert_eq!(
        hugo_include("{{% readfile \"a.md\" code=\"true\" %}}"),
        None
    );
    assert_eq!(hugo_include("{{% include \"partial.html\" %}}"), None);
    assert_eq!(hugo_include("text {{% include \"x.md\" %}}"), None);
}

#[test]
fn hugo_includes_are_found_beside_the_page_in_content_or_in_assets() {
    let dir = handbook(&[
        ("assets/includes/engineering/career.md", "Career text.\n"),
        ("content/shared/steps.md", "Steps.\n"),
        ("content/team/local.md", "Local.\n"),
        (
            "content/team/a.md",
            "{{% include \"includes/engineering/career.md\" %}}\n{{< include \"shared/steps.md\" >}}\n{{% readfile file=\"local.md\" %}}\n{{% include \"includes/gone.md\" %}}\n",
        ),
    ]);
    let (out, inc, diags) = run(dir.path(), "content/team/a.md");
    assert_eq!(out, "Career text.\nSteps.\nLocal.\n\n");
    assert_eq!(
        inc.files,
        [
            "assets/includes/engineering/career.md",
            "content/shared/steps.md",
            // Watched where it is looked for, so `serve` sees it arrive.
            "content/team/includes/gone.md",
            "content/team/local.md"
        ]
    );
    // Found nowhere: reported where the page is, like any include.
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!((diags[0].code, diags[0].line), ("broken-include", 4));
    assert!(
        diags[0]
            .help
            .as_deref()
            .is_some_and(|h| h.contains("assets/")),
        "{diags:?}"
    );
}

#[test]
fn liquid_includes_of_markdown_files_are_followed_relative_to_the_page() {
    let dir = handbook(&[
        (
            "content/.gitbook/includes/steps.md",
            "1. Clone.\n2. Build.\n",
        ),
        ("content/guide/part.md", "Part.\n"),
        (
            "content/guide/a.md",
            "{% include \"../.gitbook/includes/steps.md\" %}\n{%- include_relative part.md -%}\n{% include footer.html %}\n```\n{% include \"part.md\" %}\n```\n",
        ),
    ]);
    let (out, inc, diags) = run(dir.path(), "content/guide/a.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(
        out,
        "1. Clone.\n2. Build.\nPart.\n{% include footer.html %}\n```\n{% include \"part.md\" %}\n```\n"
    );
    assert_eq!(
        inc.files,
        [
            "content/.gitbook/includes/steps.md",
            "content/guide/part.md"
        ]
    );
    assert_eq!(liquid_include("{% include 'x.md' %}"), Some("x.md"));
    assert_eq!(liquid_include("{% include footer.html %}"), None);
    assert_eq!(liquid_include("text {% include x.md %}"), None);
}

#[test]
fn a_partial_imported_by_a_plain_markdown_page_leaves_no_import_line() {
    let dir = handbook(&[
        ("content/_snippets/soc2.mdx", "We are SOC 2 audited.\n"),
        (
            "content/security.md",
            "# Security\n\n## SOC 2\n\nimport SOC2 from './_snippets/soc2.mdx'\n\n<SOC2 />\n",
        ),
    ]);
    let (out, _, diags) = run(dir.path(), "content/security.md");
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(out, "# Security\n\n## SOC 2\n\n\n\nWe are SOC 2 audited.\n");
}

#[test]
fn docusaurus_partials_are_included_where_their_component_is_used() {
    let dir = handbook(&[
        (
            "content/guide/_steps.mdx",
            "1. Clone.\n2. Run {/* not shown */} the build.\n",
        ),
        ("content/_shared/note.md", "Shared note.\n"),
        (
            "content/guide/setup.mdx",
            "---\ntitle: Setup\n---\nimport Steps from './_steps.mdx';\nimport Note from '@site/docs/_shared/note.md';\nimport Tabs from '@theme/Tabs';\n\n# Setup\n\n<Steps />\n\n<Note/>\n\n<Tabs />\n\nSee [missing](nowhere.md).\n",
        ),
    ]);
    let mut diags = Vec::new();
    let doc = crate::load::load_file(
        &dir.path().join("content/guide/setup.mdx"),
        "guide/setup.mdx",
        &mut diags,
    )
    .unwrap();
    let body = doc.source.body();
    assert!(
        body.contains("1. Clone.") && body.contains("Shared note."),
        "{body}"
    );
    assert!(
        !body.contains("<Steps />") && !body.contains("not shown"),
        "{body}"
    );
    // The imports warning names the component whose behaviour is lost, not the partials.
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert!(
        diags[0].message.contains("`Tabs`") && !diags[0].message.contains("Steps"),
        "{}",
        diags[0].message
    );
    assert_eq!(diags[0].line, 4);
    assert_eq!(
        doc.source.included.as_ref().unwrap().files,
        ["content/_shared/note.md", "content/guide/_steps.mdx"]
    );
    assert_eq!(partial_import("import Tabs from '@theme/Tabs';"), None);
    assert_eq!(partial_import("import {x} from './x.md';"), None);
}

#[test]
fn mkdocs_auto_append_adds_its_snippets_to_every_page_once_and_reports_a_missing_one_once() {
    let dir = handbook(&[
        ("orgbook.toml", "title = \"x\"\n"),
        (
            "mkdocs.yml",
            "markdown_extensions:\n  - pymdownx.snippets:\n      auto_append:\n        - includes/abbr.md\n        - includes/gone.md\n",
        ),
        (
            "content/includes/abbr.md",
            "*[SLO]: Service level objective\n",
        ),
        ("content/a.md", "# A\n\nThe SLO.\n"),
        ("content/b.md", "# B"),
    ]);
    let mut diags = Vec::new();
    let loaded = crate::load::load(dir.path(), &mut diags);
    let gone: Vec<_> = diags
        .iter()
        .filter(|d| d.code == "broken-include")
        .collect();
    assert_eq!(gone.len(), 1, "{diags:?}");
    assert_eq!(gone[0].file, "mkdocs.yml");
    let body = |path: &str| {
        loaded
            .docs
            .iter()
            .find(|d| d.source.path == path)
            .map(|d| d.source.body().to_string())
            .unwrap()
    };
    assert_eq!(
        body("content/a.md"),
        "# A\n\nThe SLO.\n\n*[SLO]: Service level objective\n"
    );
    // A file without a last line break gets one before the blank line.
    assert_eq!(
        body("content/b.md"),
        "# B\n\n*[SLO]: Service level objective\n"
    );
    // The snippet itself, a page under content/, is not appended to itself.
    assert_eq!(
        body("content/includes/abbr.md"),
        "*[SLO]: Service level objective\n"
    );
}

#[test]
fn mdbook_helpers_are_read_as_mdbook_reads_them() {
    let read = |line| mdbook_include(line).map(|h| (h.lead, h.path, h.part));
    assert_eq!(
        read("{{#include file.rs:10:20}}"),
        Some((
            "",
            "file.rs".into(),
            Part::Lines(vec![(Some(10), Some(20))])
        ))
    );
    assert_eq!(
        read("    {{#include file.rs:10}}"),
        Some((
            "    ",
            "file.rs".into(),
            Part::Lines(vec![(Some(10), Some(10))])
        ))
    );
    assert_eq!(
        read("{{#include file.rs:10:}}").map(|r| r.2),
        Some(Part::Lines(vec![(Some(10), None)]))
    );
    assert_eq!(
        read("{{#include file.rs::20}}").map(|r| r.2),
        Some(Part::Lines(vec![(None, Some(20))]))
    );
    assert_eq!(
        read("{{ #include file.rs:: }}").map(|r| r.2),
        Some(Part::All)
    );
    assert_eq!(
        read("> {{#rustdoc_include ../listings/a.rs:setup}}"),
        Some(("> ", "../listings/a.rs".into(), Part::Anchor("setup")))
    );
    assert_eq!(
        read(r#"{{#include "a file \"x\".md":1:2}}"#).map(|r| r.1),
        Some("a file \"x\".md".to_string())
    );
    let playground = mdbook_include("{{#playground hello.rs editable no_run}}").unwrap();
    assert_eq!(playground.playground, Some(vec!["editable", "no_run"]));
    // Written to show the syntax, another helper, or text after it: not an include.
    assert_eq!(read(r"\{{#include file.rs}}"), None);
    assert_eq!(read("{{#title Welcome}}"), None);
    assert_eq!(read("{{#include a.md}} and more"), None);
    assert_eq!(read("{{#include}}"), None);
    assert_eq!(
        anchor_marker("    // ANCHOR_END: all-of-it"),
        Some((false, "all-of-it"))
    );
    assert_eq!(anchor_marker("# ANCHOR:setup"), Some((true, "setup")));
    let text = "a\n// ANCHOR: x\nb\n// ANCHOR: y\nc\n// ANCHOR_END: x\nd\n";
    assert_eq!(
        &text[snippet_range(text, &Part::Anchor("x")).unwrap()],
        "b\n// ANCHOR: y\nc\n"
    );
    assert_eq!(
        &text[snippet_range(text, &Part::Anchor("y")).unwrap()],
        "c\n// ANCHOR_END: x\nd\n"
    );
    assert_eq!(snippet_range(text, &Part::Anchor("z")), None);
}

#[test]
fn snippet_lines_are_recognised_as_pymdownx_does() {
    assert_eq!(
        snippet_line("--8<-- \"a.md\""),
        Some(Snippet::One {
            space: "",
            name: "a.md"
        })
    );
    assert_eq!(
        snippet_line("  -8<- 'a.md'"),
        Some(Snippet::One {
            space: "  ",
            name: "a.md"
        })
    );
    assert_eq!(
        snippet_line("--8<--"),
        Some(Snippet::BlockMarker { space: "" })
    );
    assert_eq!(snippet_line("--8<-- \"a.md\" trailing"), None);
    assert_eq!(snippet_line("text --8<-- \"a.md\""), None);
    assert_eq!(snippet_line("--8<--\"a.md\""), None);
    assert_eq!(
        snippet_part("a.md:2:4"),
        ("a.md", Part::Lines(vec![(Some(2), Some(4))]))
    );
    assert_eq!(snippet_part("a.md:intro"), ("a.md", Part::Section("intro")));
    assert_eq!(
        section_marker("# --8<-- [start:intro]"),
        Some((true, "intro"))
    );
}
