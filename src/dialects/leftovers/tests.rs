use super::*;

#[test]
fn comments_are_blanked_keeping_offsets() {
    let body = "a <!-- hidden\nstill --> b\n{% comment %}secret\n{% endcomment %}c\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(!out.contains("hidden") && !out.contains("secret"));
    assert_eq!(out.lines().count(), body.lines().count());
    assert!(out.starts_with("a ") && out.contains(" b\n") && out.ends_with("c\n"));
    assert!(found.is_empty());
}

#[test]
fn comments_below_an_html_blocks_first_line_stay_for_the_renderer() {
    let body = "<div>\n  <!-- kept -->\n    <p>x</p>\n  <!-- also\n  kept -->\n</div>\n\n\
                <div> <!-- first line -->\n\n<!-- own block -->\n\n<div>\n<!-- a\n\nblank line -->\n</div>\n";
    let (out, _) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(out.contains("<!-- kept -->") && out.contains("<!-- also\n  kept -->"));
    for gone in ["first line", "own block", "blank line"] {
        assert!(!out.contains(gone), "{gone}: {out}");
    }
    let blanked = blank_comments(&out);
    assert_eq!(blanked.len(), body.len());
    assert!(!blanked.contains("<!--") && !blanked.contains("kept"));
    assert_eq!(blanked.lines().count(), body.lines().count());
    assert_eq!(blank_comments("<p>x</p><!-- open"), "<p>x</p>         ");
    assert!(matches!(blank_comments("<p>x</p>"), Cow::Borrowed(_)));
}

#[test]
fn template_constructs_are_found_outside_code() {
    let body = "Intro {% include footer.html %}\n\n{{< ref \"x\" >}} and {{ site.title }}\n\n`{{ in code }}`\n\n```\n{% raw %}\n```\n";
    let (out, found) = clean(body);
    assert_eq!(out, body, "nothing blanked");
    let names: Vec<&str> = found.iter().map(|f| f.construct.as_str()).collect();
    assert_eq!(
        names,
        [
            "{% include footer.html %}",
            "{{< ref \"x\" >}}",
            "{{ site.title }}"
        ]
    );
    assert_eq!(&body[found[0].range.clone()], "{% include footer.html %}");
}

/// Middleman's ERB (GOV.UK tech docs pages): tags and whole blocks are blanked and
/// reported once each, the title heading and comments blanked silently, code kept.
#[test]
fn erb_tags_and_blocks_are_left_out_and_reported_outside_code() {
    let body = "<% content_for :sidebar do %>\n<ul>\n  <% if x %><li>a</li><% end %>\n</ul>\n<% end %>\n\n\
        # <%= current_page.data.title %>\n\n\
        Text <%= partial 'partials/banner' %> and <%# a note %>.\n\n\
        <a href=\"<%= config[:tech_docs][:host] %>/x.html\">x</a>\n\n\
        ```\n# <%%= current_page.data.title %>\n<%= in_code %>\n```\n\n\
        `<% inline code %>` 5 <%5 of 10%>\n\n\
        <% items.each do |i| %>\n<%= i %>\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    assert_eq!(out.lines().count(), body.lines().count());
    let shown: Vec<(&str, Kind)> = found
        .iter()
        .map(|f| (f.construct.as_str(), f.kind))
        .collect();
    let erb = |lines, in_attribute, before_path| Kind::Erb {
        lines,
        in_attribute,
        before_path,
    };
    assert_eq!(
        shown,
        [
            (
                "<% content_for :sidebar do %> … <% end %>",
                erb(5, false, false)
            ),
            ("<%= partial 'partials/banner' %>", erb(0, false, false)),
            ("<%= config[:tech_docs][:host] %>", erb(0, true, true)),
            // Unclosed: the tag alone, then what is in it.
            ("<% items.each do |i| %>", erb(0, false, false)),
            ("<%= i %>", erb(0, false, false)),
        ]
    );
    assert_eq!(
        &body[found[0].range.clone()].lines().last(),
        &Some("<% end %>")
    );
    assert!(!out.contains("content_for") && !out.contains("<li>"));
    assert!(!out.contains("current_page.data.title %>\n\nText"));
    assert!(out.contains("\n \n") || out.contains("\n\n"));
    assert!(!out.contains("partial") && !out.contains("a note"));
    assert!(out.contains("href=\"") && out.contains("/x.html\""));
    // In code as written, ERB's escape included; a lone `<%` is text.
    assert!(out.contains("```\n# <%%= current_page.data.title %>\n<%= in_code %>\n```"));
    assert!(out.contains("`<% inline code %>` 5 <%5 of 10%>"));
    // The title heading's line is blank: no heading left.
    let title_line = out.lines().nth(6).unwrap();
    assert!(title_line.trim().is_empty(), "{title_line:?}");
}

#[test]
fn erb_openers_and_closers() {
    for code in [
        "content_for :sidebar do",
        "sitemap.resources.each do |resource|",
        "items.select { |r| r.ok }.each do |page|",
        "if resource.options[:layout].eql? \"withdrawn\"",
        "unless x",
    ] {
        assert!(erb_opens(code), "{code}");
    }
    for code in ["x = 1 if y", "partial 'x'", "redo", "end", "done"] {
        assert!(!erb_opens(code), "{code}");
    }
    assert!(erb_closes("end") && erb_closes("end.join") && !erb_closes("endpoint"));
    // Many unclosed blocks: each looks a bounded way ahead.
    let body = "<% if x %>\n".repeat(50_000);
    let ((_, found), took) = crate::cpu_time::cpu_time_of(|| clean(&body));
    assert_eq!(found.len(), 50_000);
    assert!(took.as_secs() < 20);
}

#[test]
fn multibyte_text_in_comments_stays_valid() {
    let (out, _) = clean("<!-- Zürich -->ä");
    assert_eq!(out, format!("{}ä", " ".repeat("<!-- Zürich -->".len())));
}

#[test]
fn unclosed_tags_stay_linear() {
    let body = format!("{}\n{}", "{% ".repeat(200_000), "{{ ".repeat(200_000));
    let ((_, found), took) = crate::cpu_time::cpu_time_of(|| clean(&body));
    assert!(found.is_empty());
    // Linear: milliseconds even unoptimised; quadratic took minutes.
    assert!(took < std::time::Duration::from_secs(10));
}

#[test]
fn code_is_found_from_the_text_before_the_last_construct_alone() {
    // Each body: its constructs' positions must be judged as a parse of the whole body
    // judges them, though only a prefix is parsed.
    let bodies = [
        "<!--lint disable-->\n\n# Title\n\n```\ncode\n```\n\nText `x`.\n",
        "Para `span\n{{ inside }}\nstill` end.\n\nAfter.\n",
        "```\nfenced\n\n{{ in fence }}\n\nmore\n```\n\n{{ out }}\n",
        "    indented\n\n    {{ in indented }}\n\nText.\n",
        "- item\n\n  ```\n  {% in list code %}\n  ```\n\n{% out %}\n",
        "> quote `a\n> {{ q }}` b\n>\n> more\n",
        "~~~\nunclosed fence {{ x }}\n\n{% y %}\n",
        "Title\n{{ setext }}\n===\n\nBody.\n",
    ];
    for body in bodies {
        let (_, found) = clean(body);
        let whole = parse(body, false).code;
        let expected: Vec<_> = found
            .iter()
            .map(|f| {
                whole
                    .iter()
                    .any(|r| r.start <= f.range.start && f.range.start < r.end)
            })
            .collect();
        assert!(
            expected.iter().all(|in_code| !in_code),
            "{body:?}: {found:?}"
        );
        // And nothing outside code was missed: every `{{`/`{%` outside the whole
        // parse's code ranges that closes on its line is reported.
        for (at, _) in body.match_indices("{{").chain(body.match_indices("{%")) {
            let in_code = whole.iter().any(|r| r.start <= at && at < r.end);
            let reported = found.iter().any(|f| f.range.start == at);
            assert_eq!(!in_code, reported, "{body:?} at {at}: {found:?}");
        }
    }
}

#[test]
fn gitbook_blocks_are_drawn_and_their_lines_removed() {
    let body = "{% hint style=\"success\" %}\nDone.\n{% endhint %}\n\n{% tabs %}\n{% tab title=\"macOS\" %}\nbrew\n{% endtab %}\n{% endtabs %}\n\n{% embed url=\"https://example.com/v\" %}\n{% endembed %}\n{% code title=\"app.py\" %}\n```python\nx = 1\n```\n{% endcode %}\n{% unknown %}\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    let kinds: Vec<String> = found
        .iter()
        .map(|f| format!("{:?}:{}", f.kind, f.construct))
        .collect();
    assert_eq!(
        kinds,
        [
            "Callout { kind: Tip, next_block_only: false, details: false }:",
            "CalloutEnd:",
            "Template:{% unknown %}"
        ]
    );
    for gone in [
        "{% tabs", "{% tab ", "endtab", "endembed", "{% code", "endcode",
    ] {
        assert!(!out.contains(gone), "{gone} in {out:?}");
    }
    assert!(out.contains("**macOS**") && out.contains("<https://example.com/v>"));
    assert!(
        out.contains("*app.py*  ") && out.contains("\n```python\n"),
        "{out:?}"
    );
}

#[test]
fn obsidian_callout_lines_become_github_alert_lines_in_place() {
    let c = |l: &str| obsidian_callout(l, false).map(|c| (c.marker, c.title));
    let pair = |m: &str, t: &str| Some((m.to_string(), t.to_string()));
    assert_eq!(
        c("> [!info] Who keeps this"),
        pair(">[!NOTE]", "Who keeps this")
    );
    assert_eq!(c("> [!faq]-"), pair(">[!NOTE]", "Faq"));
    assert_eq!(
        c("  > [!warning]+ Careful"),
        pair("  >[!WARNING]", "Careful")
    );
    assert_eq!(c("> [!danger]"), pair(">[!CAUTION]", "Danger"));
    assert_eq!(c(">[!tip] Short"), pair(">[!TIP]", "Short"));
    // GitHub's own lines are CommonMark's; too short a type, text after, code: no.
    assert_eq!(c("> [!NOTE]"), None);
    assert_eq!(c("> [!a]"), None);
    assert_eq!(c("> [!info]x"), None);
    assert_eq!(c("    > [!info] Title"), None);
    let body = "> [!info] Title\n> Body.\n\n```\n> [!info] In code\n```\n";
    let (out, found) = clean(body);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].kind, Kind::AlertTitle);
    assert_eq!(found[0].construct, "Title");
    assert_eq!(out.len(), body.len());
    assert!(out.starts_with(">[!NOTE]       \n> Body."), "{out:?}");
    assert!(out.contains("> [!info] In code"), "{out:?}");
}

/// GitHub's way (`> [!NOTE] Text` running on into the next line): the text is the
/// alert's first sentence, and stays Markdown where it was; Obsidian's lower case
/// keeps its title, and so does a line whose next starts a sentence (VitePress).
#[test]
fn text_after_an_upper_case_github_alert_is_its_body() {
    let body = "> [!NOTE] Mostly during a **freeze** or if\n> the build is red.\n";
    let (out, found) = clean(body);
    assert_eq!(
        out,
        ">[!NOTE]\n>Mostly during a **freeze** or if\n> the build is red.\n"
    );
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].kind, found[0].construct.as_str()),
        (Kind::AlertTitle, "")
    );
    assert_eq!(found[0].range, 0..10);
    let c = |l: &str, continued| {
        obsidian_callout(l, continued).map(|c| (c.marker, c.title, c.text_after))
    };
    assert_eq!(
        c("  > [!WARNING] Careful", true),
        Some(("  >[!WARNING]\n>".to_string(), String::new(), Some(15)))
    );
    assert_eq!(
        c("> [!note] A title", true),
        Some((">[!NOTE]".to_string(), "A title".to_string(), None))
    );
    // VitePress: text after the marker, then a sentence of its own, is a title.
    assert_eq!(
        c("> [!TIP] ON CALL", false),
        Some((">[!TIP]".to_string(), "ON CALL".to_string(), None))
    );
    let (out, found) = clean("> [!IMPORTANT] P1 ISSUES\n> Page the on-call engineer.\n");
    assert!(out.starts_with(">[!IMPORTANT]"), "{out:?}");
    assert_eq!(found[0].construct, "P1 ISSUES");
}

#[test]
fn myst_targets_are_blanked_and_roles_found() {
    let body = "(ssl-verify)=\n\n# HTTPS Certificates\n\nUses {pypi}`certifi`, see (a)= and `{pypi}` and\n\n```\n(in-code)=\n```\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(out.starts_with("             \n\n# HTTPS"), "{out:?}");
    // Only a whole line is a target; code is left alone.
    assert!(
        out.contains("see (a)= and") && out.contains("(in-code)="),
        "{out:?}"
    );
    let names: Vec<&str> = found.iter().map(|f| f.construct.as_str()).collect();
    assert_eq!(names, ["{pypi}"]);
    assert_eq!(&body[found[0].range.clone()], "{pypi}");
    // A target inside a comment is blanked once, with the comment.
    let (out, _) = clean("<!--\n(x)=\n-->\ntext\n");
    assert_eq!(out, "    \n    \n   \ntext\n");
}

#[test]
fn myst_comment_lines_are_blanked_only_in_myst_pages_and_outside_code() {
    let body = "Text\n% A figure of mountains\n:::{note}\nSee it.\n:::\n\n```\n% kept\n```\n";
    let (out, _) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(
        out.starts_with("Text\n                       \n"),
        "{out:?}"
    );
    assert!(out.contains("% kept"), "{out:?}");
    // A target line makes a page MyST too.
    let (out, _) = clean("(x)=\n% note to self\n# T\n");
    assert!(!out.contains('%'), "{out:?}");
    // Elsewhere a line may start with `%` as prose.
    let body = "Growth was 20\n% over the quarter.\n";
    assert_eq!(clean(body).0, body);
}

#[test]
fn kramdown_attribute_lists_are_blanked_outside_code() {
    let body = "# Setup\n{: .no_toc }\n\n* TOC\n{:toc}\n\n{: .note }\nGradle first.\n\nSee [the docs](https://x.org){:target=\"_blank\"} now.\n\n```\n{: .kept }\n```\n\nA set {: a} and {:b} stays, `{: .code }` too.\n";
    let (out, found) = clean(body);
    // `{: .note }` is a Just the Docs callout, reported for the renderer to draw.
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(&body[found[0].range.clone()], "{: .note }");
    assert_eq!(
        found[0].kind,
        Kind::Callout {
            kind: pulldown_cmark::BlockQuoteKind::Note,
            next_block_only: true,
            details: false,
        }
    );
    assert_eq!(out.len(), body.len());
    for gone in ["{: .no_toc }", "* TOC", "{:toc}", "{: .note }", "{:target"] {
        assert!(!out.contains(gone), "{gone} left in {out:?}");
    }
    for kept in [
        "# Setup\n",
        "Gradle first.",
        "[the docs](https://x.org)      ",
        "{: .kept }",
        "A set {: a} and {:b} stays, `{: .code }` too.",
    ] {
        assert!(out.contains(kept), "{kept} lost from {out:?}");
    }
    // Newlines stay where they were, so every later line number holds.
    assert_eq!(out.matches('\n').count(), body.matches('\n').count());
}

#[test]
fn jekyll_and_hugo_highlight_blocks_are_fences_and_raw_is_shown_as_written() {
    let body = "{% highlight ruby linenos %}\nputs \"{{ name }}\"\n{% endhighlight %}\n\n{{< highlight go \"linenos=table\" >}}\nfunc main() {}\n{{< /highlight >}}\n\n{% raw %}\nUse {{ page.title }}.\n{% endraw %}\n\n```\n{% highlight sh %}\nquoted\n{% endhighlight %}\n```\n\n{% highlight python %}\nnever closed\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    assert_eq!(
        lines[..12],
        [
            "```ruby",
            "puts \"{{ name }}\"",
            "```",
            "",
            "```go",
            "func main() {}",
            "```",
            "",
            "",
            "Use {{ page.title }}.",
            "",
            ""
        ]
    );
    // Quoted in code it stays; never closed, it is one leftover, as before.
    assert!(out.contains("{% highlight sh %}"), "{out}");
    let names: Vec<&str> = found.iter().map(|f| f.construct.as_str()).collect();
    assert_eq!(names, ["{% highlight python %}"]);
}

#[test]
fn azure_devops_mentions_keep_their_name() {
    let body = "Ask @<Jane Doe> or @<6A5B2C1D-0E9F-4A3B-8C7D-1E2F3A4B5C6D>.\n\nNot @<b>bold</b>, <Jane Doe> or `@<Jane Doe>`, nor @<https://x.example/a b>.\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(
        out.starts_with("Ask @Jane Doe   or @6A5B2C1D-0E9F-4A3B-8C7D-1E2F3A4B5C6D  ."),
        "{out}"
    );
    assert!(
        out.ends_with(
            "Not @<b>bold</b>, <Jane Doe> or `@<Jane Doe>`, nor @<https://x.example/a b>.\n"
        ),
        "{out}"
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn hugo_jekyll_and_azure_devops_diagrams_are_mermaid_fences() {
    let body = "{{< mermaid class=\"center\" >}}\ngraph LR\n  a --> b{{Hexagon}}\n{{< /mermaid >}}\n\n{% mermaid %}\ngraph TD\n  c --> d\n{% endmermaid %}\n\n::: mermaid\ngraph LR\n  e --> f{{Hex}}\n:::\n\n```md\n::: mermaid\nquoted\n:::\n```\n\n:::mermaid\nnever closed\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    assert_eq!(
        lines[..15],
        [
            "```mermaid",
            "graph LR",
            "  a --> b{{Hexagon}}",
            "```",
            "",
            "```mermaid",
            "graph TD",
            "  c --> d",
            "```",
            "",
            "```mermaid",
            "graph LR",
            "  e --> f{{Hex}}",
            "```",
            "",
        ]
    );
    // Quoted in code it stays; never closed, it is text.
    assert!(
        out.contains("```md\n::: mermaid\nquoted\n:::\n```"),
        "{out}"
    );
    assert!(out.contains(":::mermaid\nnever closed"), "{out}");
    // A hexagon node is not a Liquid expression.
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn unclosed_diagram_tags_do_not_hide_a_later_closed_one() {
    // Each unclosed `::: mermaid` is looked for once (see `never_closed`); a later
    // block of another kind still closes.
    let unclosed = "::: mermaid\ngraph LR\n".repeat(50);
    let body = format!("{unclosed}{{% mermaid %}}\ngraph TD\n{{% endmermaid %}}\n");
    let (out, found) = clean(&body);
    assert_eq!(out.len(), body.len());
    assert!(
        out.ends_with("```mermaid   \ngraph TD\n```             \n"),
        "{out}"
    );
    assert!(out.starts_with("::: mermaid\n"), "{out}");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_handbook_member_shortcode_is_the_name() {
    let body = "| PM | {{< member-by-name \"Nell Arden\" >}} |\n{{< member-by-name \"A *b*\" >}}\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(out.starts_with("| PM | Nell Arden"), "{out}");
    assert_eq!(found.len(), 1, "{found:?}");
}

#[test]
fn a_hugo_figure_is_its_image_and_caption() {
    let body = "{{< figure src=\"org.png\" alt=\"Org chart\" caption=\"The org in 2024\" >}}\n\n{{< figure src=\"/img/team.jpg\" title=\"Team\" >}}\n\n{{< figure src=\"x.png\" caption=\"*bold*\" >}}\n\nInline {{< figure src=\"y.png\" >}} stays.\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    assert_eq!(lines[0], "![Org chart](org.png) *The org in 2024*");
    assert_eq!(lines[2], "![Team](/img/team.jpg)");
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn hugo_tabs_become_their_labels_on_lines_of_their_own() {
    let body = "{{< tabs \"os\" >}}\n{{< tab \"macOS\" >}}\nbrew\n{{< /tab >}}\n{{% tab header=\"Linux\" %}}\napt\n{{% /tab %}}\n{{< /tabs >}}\nInline {{< tab \"x\" >}} stays.\n{{< tab \"*bold*\" >}}\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    let lines: Vec<&str> = out.lines().map(str::trim_end).collect();
    assert_eq!(
        lines[..8],
        ["", "**macOS**", "brew", "", "**Linux**", "apt", "", ""]
    );
    let reported: Vec<&str> = found.iter().map(|f| &body[f.range.clone()]).collect();
    assert_eq!(reported, ["{{< tab \"x\" >}}", "{{< tab \"*bold*\" >}}"]);
}

#[test]
fn hugo_callout_shortcodes_are_paired_and_others_stay_reported() {
    use pulldown_cmark::BlockQuoteKind as K;
    let body = "{{< hint warning >}}\nA {{< hint info >}} inline.\n\n{{% alert title=\"Careful\" color=\"danger\" %}}\nnested\n{{% /alert %}}\n{{< /hint >}}\n\n```\n{{< hint >}}\n```\n\n{{< details title=\"More\" open=true >}}\nx\n{{< /details >}}\n\n{{< hint bogus >}}\n{{< hint >}}\nnever closed\n";
    let (out, found) = clean(body);
    let callouts: Vec<(String, String, Kind)> = found
        .iter()
        .filter(|f| f.kind != Kind::Template)
        .map(|f| {
            (
                body[f.range.clone()].to_string(),
                f.construct.clone(),
                f.kind,
            )
        })
        .collect();
    let callout = |kind, details| Kind::Callout {
        kind,
        next_block_only: false,
        details,
    };
    assert_eq!(
        callouts,
        [
            (
                "{{< hint warning >}}".into(),
                "".into(),
                callout(K::Warning, false)
            ),
            (
                "{{% alert title=\"Careful\" color=\"danger\" %}}".into(),
                "Careful".into(),
                callout(K::Caution, false)
            ),
            ("{{% /alert %}}".into(), "".into(), Kind::CalloutEnd),
            ("{{< /hint >}}".into(), "".into(), Kind::CalloutEnd),
            (
                "{{< details title=\"More\" open=true >}}".into(),
                "More".into(),
                callout(K::Note, true)
            ),
            ("{{< /details >}}".into(), "".into(), Kind::CalloutEnd),
        ]
    );
    // The inline one, the unknown style and the unclosed one are reported; the one in
    // code is left alone.
    let reported: Vec<&str> = found
        .iter()
        .filter(|f| f.kind == Kind::Template)
        .map(|f| &body[f.range.clone()])
        .collect();
    assert_eq!(
        reported,
        ["{{< hint info >}}", "{{< hint bogus >}}", "{{< hint >}}"]
    );
    assert_eq!(out.len(), body.len());
    assert!(out.contains("```\n{{< hint >}}\n```"), "{out:?}");
    assert!(!out.contains("{{< /hint >}}"), "{out:?}");
}

#[test]
fn callout_components_are_read_from_their_tag_alone() {
    use pulldown_cmark::BlockQuoteKind as K;
    let open = |line| match callout_tag(line) {
        Some(CalloutTag::Open { kind, title, .. }) => Some((kind, title)),
        _ => None,
    };
    assert_eq!(open("<Warning>"), Some((K::Warning, "")));
    assert_eq!(open("<Check>\r"), Some((K::Tip, "")));
    assert_eq!(
        open("<Callout type=\"error\" title=\"Stop\">"),
        Some((K::Caution, "Stop"))
    );
    assert_eq!(open("<Callout emoji={<Bell />}>"), None);
    assert_eq!(open("<Callout type=\"custom\">"), None);
    assert_eq!(open("<Note />"), None);
    assert_eq!(open("<Note>Inline.</Note>"), None);
    assert_eq!(open("<Notebook>"), None);
    assert!(matches!(
        callout_tag("</Tip>"),
        Some(CalloutTag::Close("Tip"))
    ));
    // Paired innermost first; an unclosed one and those in code are not drawn.
    let found = component_callouts(
        "<Tip>\nA\n<Note>\nB\n</Tip>\n\n```\n<Warning>\n</Warning>\n```\n",
        false,
    );
    assert_eq!(
        found.iter().map(|f| f.range.clone()).collect::<Vec<_>>(),
        [0..5, 17..23]
    );
}

#[test]
fn quarto_callout_titles_come_from_their_first_heading() {
    assert_eq!(
        title_heading("::: {.callout-note}\n## Read first ##\nText\n", 19),
        Some((20..36, "Read first".to_string()))
    );
    assert_eq!(
        title_heading("::: {.callout-note}\n### In C# {#sec-c}\n", 19).map(|t| t.1),
        Some("In C#".to_string())
    );
    assert_eq!(title_heading("::: {.callout-note}\nText\n", 19), None);
    assert_eq!(title_heading("::: {.callout-note}\n#hashtag\n", 19), None);
    assert_eq!(title_heading("::: {.callout-note}", 19), None);
}

#[test]
fn docusaurus_admonitions_are_paired_innermost_first_and_kept_out_of_code() {
    use pulldown_cmark::BlockQuoteKind as K;
    let body = ":::tip[Remember]\nA.\n\n:::note\nnested\n:::\n\nB.\n:::\n\n```\n:::danger\nin code\n:::\n```\n\n:::unknown\nx\n:::\n\n:::{note}\nMyST\n:::\n\n:::warning Two words\nC.\n:::\n\n:::caution\nnever closed\n";
    let (out, found) = clean(body);
    let callouts: Vec<(String, String)> = found
        .iter()
        .filter(|f| f.kind != Kind::ColonDirective)
        .map(|f| (body[f.range.clone()].to_string(), f.construct.clone()))
        .collect();
    assert_eq!(
        callouts,
        [
            (":::tip[Remember]".into(), "Remember".into()),
            (":::note".into(), "".into()),
            (":::".into(), "".into()),
            (":::".into(), "".into()),
            (":::{note}".into(), "".into()),
            (":::".into(), "".into()),
            (":::warning Two words".into(), "Two words".into()),
            (":::".into(), "".into()),
        ]
    );
    assert!(matches!(
        found[0].kind,
        Kind::Callout {
            kind: K::Tip,
            next_block_only: false,
            details: false,
        }
    ));
    assert_eq!(found[2].kind, Kind::CalloutEnd);
    // Their lines are blanked; unknown, unclosed and quoted ones are not (a MyST one
    // is drawn by `myst`).
    assert_eq!(out.len(), body.len());
    assert!(
        out.starts_with("                \nA.\n\n       \nnested\n   \n\nB.\n   \n"),
        "{out:?}"
    );
    for kept in [":::danger\nin code", ":::unknown", ":::caution"] {
        assert!(out.contains(kept), "{kept} lost from {out:?}");
    }
}

#[test]
fn hugo_cross_references_in_link_destinations_become_the_path() {
    let body = "[a]({{< ref \"docs/x.md\" >}}) [b]({{% relref \"/y#z\" %}}) {{< ref \"alone.md\" >}} [c]({{< ref \"q\\\"x\" >}})\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    assert!(
        out.starts_with("[a](<docs/x.md>  ") && out.contains(") [b](</y#z>  "),
        "{out:?}"
    );
    // Outside a link destination, or not a plain path: a reported leftover.
    let left: Vec<&str> = found.iter().map(|f| &body[f.range.clone()]).collect();
    assert_eq!(left, ["{{< ref \"alone.md\" >}}", "{{< ref \"q\\\"x\" >}}"]);
}

#[test]
fn liquid_link_tags_and_url_filters_in_link_destinations_become_the_path() {
    let body = concat!(
        "[a]({% link guide/setup.md %}) [b]({{ \"/guide/\" | relative_url }})\n",
        "[c]({{ site.baseurl }}{% link guide/setup.md %}#install) ",
        "[d]({% page \"/tools/slack/\" %}) ![e]({{ '/img/a b.png' | url }})\n",
        "<a href=\"{{ '/guide/' | absolute_url }}\">f</a> [g]({{ site.baseurl }}/guide/)\n",
        "{% link guide/setup.md %} [h]({% link {{ page.next }} %}) [i]({{ x | relative_url }})\n",
        "[j]({% link équipe/réunions.md %}#ordre-du-jour)\n",
    );
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    for written in [
        "[a](/guide/setup.md ",
        "[b](/guide/ ",
        "[d](/tools/slack/ ",
        "![e](</img/a b.png> ",
        "href=\"/guide/ ",
        "[g](",
    ] {
        assert!(out.contains(written), "{written:?} in {out:?}");
    }
    // A fragment after the tag follows the path at once.
    assert!(out.contains(" /guide/setup.md#install)"), "{out:?}");
    assert!(
        out.contains(" /équipe/réunions.md#ordre-du-jour)"),
        "{out:?}"
    );
    assert!(out.contains("[g](                  /guide/)"), "{out:?}");
    // Outside a link destination, or a path built from variables: a reported leftover.
    let left: Vec<&str> = found.iter().map(|f| &body[f.range.clone()]).collect();
    assert_eq!(
        left,
        [
            "{% link guide/setup.md %}",
            "{% link {{ page.next }} %}",
            "{{ x | relative_url }}"
        ]
    );
}

#[test]
fn liquid_links_never_outgrow_their_syntax() {
    // Every mix of the pieces around a link's destination, multi-byte paths included:
    // the body keeps its length (each rewrite fits its syntax) and nothing panics.
    let pieces = [
        "](",
        ")",
        "#é",
        "{{ site.baseurl }}",
        "{{site.url}}",
        "{% link é/ü.md %}",
        "{% page \"/a b/\" %}",
        "{{ '/ö' | relative_url }}",
        "{% post_url x %}",
        "href=\"",
        "\"",
        " ",
    ];
    for a in pieces {
        for b in pieces {
            for c in pieces {
                for d in pieces {
                    let body = format!("[x{a}{b}{c}{d}\n");
                    assert_eq!(clean(&body).0.len(), body.len(), "{body:?}");
                }
            }
        }
    }
}

#[test]
fn mkdocs_admonition_lines_become_invisible_references_of_their_exact_length() {
    assert_eq!(zero_width_line(4), None);
    for len in 5..60 {
        let line = zero_width_line(len).unwrap();
        assert_eq!(line.len(), len, "{line}");
        assert!(!line.contains(' '), "{line}");
        let refs: Vec<&str> = line.split_inclusive(';').collect();
        assert!(
            refs.iter().all(|r| matches!(*r, "&zwj;" | "&zwnj;")
                || (r.starts_with("&#")
                    && r.trim_start_matches("&#").trim_start_matches('0') == "8203;")),
            "{line}"
        );
    }
}

/// The lines `clean` rewrites (rather than blanks), by line number (from 1), as written
/// in its output.
fn rewritten(body: &str) -> (String, Vec<(usize, String)>, Vec<Leftover>) {
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len(), "{out:?}");
    assert_eq!(out.matches('\n').count(), body.matches('\n').count());
    let lines = body
        .split('\n')
        .zip(out.split('\n'))
        .enumerate()
        .filter(|(_, (b, o))| b != o && !o.trim().is_empty())
        .map(|(n, (_, o))| (n + 1, o.to_string()))
        .collect();
    (out.into_owned(), lines, found)
}

#[test]
fn mkdocs_blocks_become_list_items_of_the_same_length() {
    use pulldown_cmark::BlockQuoteKind as K;
    let body = "!!! note \"Who\"\n    Owns it.\n\n    Second paragraph.\n\n    - a list\n\n    ```sh\n    make\n    ```\n\n??? danger \"\"\n\tTabbed.\n???+ tip extra-class \"Open <b>\"\n    Open.\n\n=== \"Linux\"\n    apt\n\n!!! note \"\"\n    Untitled.\n\n!!! warning";
    let (_, lines, found) = rewritten(body);
    let numbers: Vec<usize> = lines.iter().map(|l| l.0).collect();
    assert_eq!(numbers, [1, 12, 14, 17, 20, 23]);
    // Each: a bullet, a tab, then references alone.
    for (_, line) in &lines {
        assert!(line[1..].starts_with("\t&"), "{line:?}");
        assert!(line.ends_with(';') && !line.contains(' '), "{line:?}");
    }
    let drawn: Vec<(String, K, Drawn)> = found
        .iter()
        .map(|f| match f.kind {
            Kind::MkDocsBlock { kind, drawn } => (f.construct.clone(), kind, drawn),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        drawn,
        [
            ("Who".into(), K::Note, Drawn::Callout),
            // A <details> always has a summary.
            ("Danger".into(), K::Caution, Drawn::Details { open: false }),
            ("Open <b>".into(), K::Tip, Drawn::Details { open: true }),
            ("Linux".into(), K::Note, Drawn::Tab),
            ("".into(), K::Note, Drawn::Callout),
            ("Warning".into(), K::Warning, Drawn::Callout),
        ]
    );
    assert_eq!(&body[found[0].range.clone()], "!!! note \"Who\"");
}

#[test]
fn mkdocs_blocks_that_would_not_read_as_written_are_reported() {
    // Text right below the body (a lazy continuation in CommonMark, a paragraph after
    // it in Python-Markdown), a line too short for a marker and a reference, raw HTML
    // around it, code around it.
    let body = "!!! note\n    Body.\nLazy.\n\n!!! note\nLazy.\n\n!!! ab\n    x\n\n<div>\n!!! note\n\n</div>\n\n```\n!!! note\n    x\n```\n\n=== \"Tab\"\n    x\nlazy\n";
    let (_, lines, found) = rewritten(body);
    assert_eq!(lines, []);
    let reported: Vec<(&str, Kind)> = found
        .iter()
        .map(|f| (&body[f.range.clone()], f.kind))
        .collect();
    assert_eq!(
        reported,
        [
            ("!!! note", Kind::MkDocs),
            ("!!! note", Kind::MkDocs),
            ("!!! ab", Kind::MkDocs),
            ("!!! note", Kind::MkDocs),
        ]
    );
    // CRLF line ends: the `\r` stays, the line is drawn.
    let (out, lines, _) = rewritten("!!! note\r\n    Body.\r\n");
    assert_eq!(lines.len(), 1, "{out:?}");
    assert!(out.ends_with(";\r\n    Body.\r\n"), "{out:?}");
}

#[test]
fn admonitions_nested_in_a_drawn_one_are_drawn_in_it() {
    let body = "!!! note \"Outer\"\n    Text.\n\n    !!! tip\n        Inner.\n\n        ??? danger \"Deepest\"\n            x\n\n    ```markdown\n    !!! note \"quoted\"\n    ```\n\n    !!! bug\n        Body.\n    Lazy.\n\n```\n!!! note\n    !!! tip\n```\n\n    !!! note\n";
    let (out, lines, found) = rewritten(body);
    let at: Vec<(usize, &str)> = lines
        .iter()
        .map(|(n, l)| (*n, &l[..l.len().min(10)]))
        .collect();
    assert_eq!(
        at,
        [(1, "+\t&#8203;&"), (4, "    +\t&zwj"), (7, "        +\t")],
        "{out}"
    );
    let reported: Vec<(&str, Kind)> = found
        .iter()
        .filter(|f| f.kind == Kind::MkDocs)
        .map(|f| (&body[f.range.clone()], f.kind))
        .collect();
    // Only the one whose body runs into a line of its parent's text.
    assert_eq!(reported, [("!!! bug", Kind::MkDocs)]);
    let titles: Vec<&str> = found
        .iter()
        .filter(|f| f.kind != Kind::MkDocs)
        .map(|f| f.construct.as_str())
        .collect();
    assert_eq!(titles, ["Outer", "Tip", "Deepest"]);
}

#[test]
fn mkdocs_block_bullets_differ_from_the_lists_around_them() {
    let bullet = |body: &str| -> Vec<char> {
        rewritten(body)
            .1
            .iter()
            .map(|(_, l)| l.chars().next().unwrap())
            .collect()
    };
    // Alone, and after a `-` list: `+`.
    assert_eq!(bullet("!!! note\n    x\n"), ['+']);
    assert_eq!(bullet("- a\n- b\n\n!!! note\n    x\n"), ['+']);
    // After a `+` list, with or without a blank line (a lazy line of its last item).
    assert_eq!(bullet("+ a\n+ b\n\n!!! note\n    x\n"), ['*']);
    assert_eq!(bullet("+ a\n!!! note\n    x\n"), ['*']);
    // A comment on its own line after the list ends it, as on GitHub.
    assert_eq!(bullet("+ a\n\n<!-- c -->\n\n!!! note\n    x\n"), ['+']);
    // One inside the item (indented) does not.
    assert_eq!(bullet("+ a\n\n  <!-- c -->\n\n!!! note\n    x\n"), ['*']);
    // Before a `+` list, and between a `+` and a `*` list.
    assert_eq!(bullet("!!! note\n    x\n\n+ a\n"), ['*']);
    assert_eq!(bullet("+ a\n\n!!! note\n    x\n\n* b\n"), ['-']);
    // In a row they alternate; text between them separates them.
    assert_eq!(
        bullet("!!! note\n    x\n\n!!! tip\n    y\n!!! info\n    z\n\nText.\n\n!!! bug\n    w\n"),
        ['+', '*', '+', '+']
    );
}

#[test]
fn myst_directives_are_named_by_fence_and_colon_fence() {
    use crate::dialects::myst::myst_directive;
    assert_eq!(myst_directive("{note}"), Some(("note", "")));
    assert_eq!(
        myst_directive("{code-block} python"),
        Some(("code-block", "python"))
    );
    assert_eq!(
        myst_directive("{versionadded} 1.3"),
        Some(("versionadded", "1.3"))
    );
    for info in [
        "python", "", "{", "{}", "{1x}", "{note}x", "{note", "{{ x }}",
    ] {
        assert_eq!(myst_directive(info), None, "{info:?}");
    }
    // Admonitions are drawn (`myst`); other directives are reported at their
    // colon fence, left as written.
    let body = ":::{note}\nA note.\n:::\n\n  ::::{admonition} Title\nText.\n::::\n\n:::{include} x.md\n:::\n\n  ::::{eval-rst}\nterm\n::::\n\n:: {x}\n\n  a :::{y}\n\n```\n:::{in-code}\n```\n\n    :::{indented}\n\n:::{tip}x\n";
    let (out, found) = clean(body);
    assert_eq!(out.len(), body.len());
    let kept = &body[body.find(":::{include}").unwrap()..];
    assert!(out.ends_with(kept), "{out:?}");
    assert!(!out.contains("{note}") && !out.contains("{admonition}"));
    let names: Vec<(&str, &str, bool)> = found
        .iter()
        .map(|f| {
            let reported = f.kind == Kind::ColonDirective;
            (f.construct.as_str(), &body[f.range.clone()], reported)
        })
        .collect();
    assert_eq!(
        names,
        [
            ("", ":::{note}", false),
            ("", ":::", false),
            ("Title", "  ::::{admonition} Title", false),
            ("", "::::", false),
            ("{include}", ":::{include}", true),
            ("{eval-rst}", "::::{eval-rst}", true),
        ]
    );
}

#[test]
fn mkdocstrings_blocks_are_reported_and_hidden_vitepress_containers_are_not() {
    let body = "# API\n\n::: hatch.cli.main\n    options:\n      show_source: false\n\nAfter.\n\n::: mkdocs-click\n\n::: tip\nA tip.\n:::\n\n::: custom\n:::\n";
    let (out, found) = clean(body);
    let api: Vec<&str> = found
        .iter()
        .filter(|f| f.kind == Kind::MkDocs)
        .map(|f| f.construct.as_str())
        .collect();
    assert_eq!(api, ["::: hatch.cli.main", "::: mkdocs-click"]);
    assert_eq!(out.len(), body.len());
    for gone in ["hatch.cli", "options:", "show_source", "mkdocs-click"] {
        assert!(!out.contains(gone), "{gone} in {out:?}");
    }
    // A VitePress tip is still a callout; a custom container stays as written.
    assert!(out.contains("After.") && out.contains("A tip.") && out.contains("::: custom"));
    assert!(found.iter().any(|f| matches!(f.kind, Kind::Callout { .. })));
}

#[test]
fn plain_bodies_are_borrowed() {
    assert!(matches!(clean("# Title\n").0, Cow::Borrowed(_)));
}
