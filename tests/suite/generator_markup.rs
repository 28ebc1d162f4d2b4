//! Leftovers of the session note on HedgeDoc, Outline, awesome-pages, Writerside, DocFX,
//! Retype and MyST: what files organisations already have and a real user would still
//! stumble on. Each test starts from that generator's fixture (tests/fixtures/) and adds
//! the files it needs, in the shape those tools write them.

use crate::harness::{TestBook, hrefs, texts};

/// DocFX's `<xref>` written in capitals or mixed case is the same tag (HTML tag names are
/// case-blind): a link to the page with that uid, and no warning about an unknown
/// component.
#[test]
fn upper_case_xref_tags_are_links_without_a_leftover_warning() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/team/hiring.md",
        "---\nuid: hiring\n---\n\n# Hiring loop\n\n\
         Before a panel, read the <XREF href=\"incidents\">write-ups</XREF> and the \
         <Xref href=\"release-train\"/>.\n\n<XREF href=\"oncall-rota\"/>\n",
    );
    book.build()
        .success()
        .stderr_lacks("template-leftover")
        .stderr_lacks("<XREF>");
    let page = book.html("team/hiring.html");
    assert_eq!(
        hrefs(&page, "main p a"),
        [
            "../ops/incidents.html",
            "../ops/release-train.html",
            "../ops/oncall-rota.html"
        ]
    );
    assert_eq!(texts(&page, "main p a")[0], "write-ups");
}

/// A MyST label written twice, in another page or the same one, is a `duplicate-label`
/// warning at the second, naming where the first is; references reach the first, as in
/// Sphinx.
#[test]
fn a_myst_label_defined_twice_is_reported_at_the_second() {
    let book = TestBook::fixture("sphinx-myst");
    book.write(
        "content/topics/proxies.md",
        "# Proxies\n\nSome offices reach the index through a proxy.\n\n\
         (SSL Certificate Verification)=\n## Proxies that inspect TLS\n\n\
         Point pip at the proxy's certificate bundle.\n\n\
         (proxy-settings)=\n## Settings\n\nSet `HTTPS_PROXY`.\n\n\
         (proxy-settings)=\n## More settings\n\nSee {ref}`proxy-settings`.\n",
    );
    book.build()
        .success()
        .stderr_has(
            "warning[duplicate-label]: the label `SSL Certificate Verification` is defined \
             already, at content/topics/https-certificates.md:5",
        )
        .stderr_has("--> content/topics/proxies.md:5:1")
        .stderr_has("the label `proxy-settings` is defined already, at line 10 of this page")
        .stderr_has("--> content/topics/proxies.md:15:1");
    let page = book.html("getting-started.html");
    assert!(
        hrefs(&page, "main a")
            .iter()
            .any(|h| h == "topics/https-certificates.html#https-certificates"),
        "{:?}",
        hrefs(&page, "main a")
    );
}

/// A HedgeDoc note as its pad downloads it: the `###### tags:` line gives the page its
/// tags (found by search) and is not drawn as a heading; `^[a note]` is a footnote;
/// `++text++` is an insertion (not in code, nor `C++17 … C++20`); an embed among words is
/// a link and no leftover; a ```` ```javascript= ```` fence is JavaScript with line
/// numbers; a quote's `[name=…]` and `[time=…]` are small text and its `[color=…]` is
/// dropped. What the author wrote stays escaped.
#[test]
fn hedgedoc_tags_line_inline_notes_inserts_fences_and_quote_tags() {
    let book = TestBook::fixture("hedgedoc");
    book.write(
        "content/notes/standup.md",
        "# Depot standup\n\n\
         ###### tags: `standup` `trackwork` `<b>bold</b>`\n\n\
         The points fault^[logged by the *night* crew, see [the retro](sprint-retro.md)] \
         is back, and ^[unclosed stays as written.\n\n\
         From Monday ++the new rota++ applies; `++i` and C++17 or C++20 stay as written.\n\n\
         The walkthrough is at {%youtube dQw4w9WgXcQ %} if you missed it.\n\n\
         ```javascript=\nconst depot = \"north\";\n```\n\n\
         > The timetable import failed twice.\n\
         > [name=Priya & \"R\" <3] [time=Mon, Mar 3, 2025 9:12 AM] [color=#ff0000]\n\n\
         Outside a quote [name=Sam] stays.\n",
    );
    book.build()
        .success()
        .stderr_lacks("template-leftover")
        .stderr_lacks("standup.md");
    let page = book.html("notes/standup.html");
    let html = page.html();
    assert!(
        !texts(&page, "main h6").iter().any(|h| h.contains("tags")),
        "{:?}",
        texts(&page, "main h6")
    );
    assert_eq!(texts(&page, "main ins"), ["the new rota"]);
    assert!(html.contains("C++17 or C++20"), "{html}");
    // The note: a reference where it stood, its text (with its link) a footnote.
    assert_eq!(texts(&page, "main sup.footnote-reference"), ["1"]);
    let note = texts(&page, "main .footnote-definition").join(" ");
    assert!(
        note.contains("logged by the night crew, see the retro"),
        "{note}"
    );
    assert!(
        hrefs(&page, "main .footnote-definition a")
            .iter()
            .any(|h| h == "../notes/sprint-retro.html"),
        "{html}"
    );
    assert!(html.contains("^[unclosed stays as written."), "{html}");
    assert!(
        hrefs(&page, "main p a")
            .iter()
            .any(|h| h == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        "{html}"
    );
    assert!(html.contains("if you missed it."), "{html}");
    assert!(html.contains("class=\"language-javascript\""), "{html}");
    assert_eq!(
        texts(&page, "main blockquote small"),
        ["Priya & \"R\" <3", "Mon, Mar 3, 2025 9:12 AM"]
    );
    assert!(!html.contains("[color="), "{html}");
    assert!(
        html.contains("Priya &amp;") && html.contains("&lt;3"),
        "{html}"
    );
    assert!(html.contains("[name=Sam]"), "{html}");
    // The tags are the page's: search finds the page by one no text of it holds.
    if let Some(found) = crate::search_js::query_site(&book.out(), "trackwork") {
        assert_eq!(
            found.first().map(String::as_str),
            Some("notes/standup.html"),
            "{found:?}"
        );
    }
}

/// Retype's `redirect:` inside the site makes the page a redirect to the page it names:
/// from the root (a `route:` address too, with or without its last `/`), or from the
/// page's own address, a folder as Retype publishes it. One that names no page is a
/// `broken-link` warning at its value, and the page stays a page. The address is escaped.
#[test]
fn retype_redirect_inside_the_site() {
    let book = TestBook::fixture("retype");
    book.edit(
        "content/escalation.md",
        "---\n",
        "---\nroute: /team/when-to-escalate\n",
    );
    book.write(
        "content/paging.md",
        "---\nredirect: /team/when-to-escalate#who-to-page\"><script>x</script>\n---\n# Paging\n",
    );
    book.write(
        "content/runbooks/old-login.md",
        "---\nredirect: ../login/\n---\n# Old login runbook\n",
    );
    book.write(
        "content/gone.md",
        "---\nredirect: /runbooks/printer\n---\n# Gone\n\nThe printer runbook moved.\n",
    );
    book.build()
        .success()
        .stderr_has(
            "warning[broken-link]: the redirect to `/runbooks/printer` names no page of the handbook",
        )
        .stderr_has("--> content/gone.md:2:11")
        .stderr_lacks("invalid-value");
    let paging = book.read("public/paging.html");
    assert!(
        paging.contains(
            "url=team/when-to-escalate/index.html#who-to-page&quot;&gt;&lt;script&gt;x&lt;/script&gt;\""
        ),
        "{paging}"
    );
    assert!(!paging.contains("<script>x"), "{paging}");
    let old = book.read("public/runbooks/old-login.html");
    assert!(old.contains("url=../runbooks/login.html\""), "{old}");
    assert_eq!(
        texts(&book.html("gone.html"), "main .prose p"),
        ["The printer runbook moved."]
    );
}

/// A DocFX folder whose `toc.yml` names its pages only by `uid:` takes the name the
/// parent table of contents gives it, as one listing files does.
#[test]
fn docfx_folder_of_uid_entries_takes_its_name_from_the_parent_toc() {
    let book = TestBook::fixture("docfx");
    book.edit(
        "toc.yml",
        "- name: People\n",
        "- name: Customer support\n  href: help-desk/\n- name: People\n",
    );
    book.write(
        "content/help-desk/toc.yml",
        "- uid: refunds\n  name: Refunds\n- uid: complaints\n",
    );
    book.write(
        "content/help-desk/refund-requests.md",
        "---\nuid: refunds\n---\n# Refund requests\n\nRefunds over fifty pounds need a lead.\n",
    );
    book.write(
        "content/help-desk/complaint-handling.md",
        "---\nuid: complaints\n---\n# Complaint handling\n\nAnswer within a day.\n",
    );
    book.build().success();
    let shown = crate::harness::sidebar(&book, "help-desk/refund-requests.html");
    assert!(shown.iter().any(|t| t == "Customer support"), "{shown:?}");
    assert!(
        !shown.iter().any(|t| t == "help-desk" || t == "Help desk"),
        "{shown:?}"
    );
}

/// A Writerside section without a topic of its own (`<toc-element toc-title="…">` around
/// its topics) names the folder that holds its topics and no others; one whose topics
/// share the topics folder with the rest names no folder.
#[test]
fn writerside_section_title_names_its_folder() {
    let book = TestBook::fixture("writerside");
    book.write(
        "content/Writerside/topics/bo-2/Post-Room.md",
        "# Post room\n\nParcels wait on the left shelf.\n",
    );
    book.write(
        "content/Writerside/topics/bo-2/Key-Safe.md",
        "# Key safe\n\nThe code changes monthly.\n",
    );
    book.write(
        "content/Writerside/fd.tree",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE instance-profile
        SYSTEM "https://resources.jetbrains.com/writerside/1.0/product-profile.dtd">

<instance-profile id="fd" name="Front Desk Handbook" start-page="Visitors.md">
    <toc-element toc-title="Guests">
        <toc-element topic="Visitors.md"/>
    </toc-element>
    <toc-element topic="Badge-Printer.md"/>
    <toc-element toc-title="Back office &amp; post">
        <toc-element topic="Post-Room.md"/>
        <toc-element topic="Key-Safe.md"/>
    </toc-element>
</instance-profile>
"#,
    );
    book.build().success();
    let shown = crate::harness::sidebar(&book, "Writerside/topics/bo-2/Key-Safe.html");
    assert!(shown.iter().any(|t| t == "Back office & post"), "{shown:?}");
    assert!(!shown.iter().any(|t| t == "Guests"), "{shown:?}");
}

/// An Outline document whose title has punctuation keeps it in the export's file name
/// (`Q&A: on-call.md`) while Outline's links drop it (`/doc/qa-on-call-…`): the link still
/// reaches the page.
#[test]
fn outline_links_reach_titles_with_punctuation() {
    let book = TestBook::fixture("outline");
    book.write(
        "content/Field Support/Q&A: on-call.md",
        "# Q&A: on-call\n\nWho answers the phone at night? The primary.\n",
    );
    book.write(
        "content/Field Support/Scanner outage runbook.md",
        "# Scanner outage runbook\n\nQuestions first: [the Q&A](/doc/qa-on-call-Zp4Rt8Wq2M).\n",
    );
    book.build().success().stderr_lacks("qa-on-call");
    let page = book.html("field-support/scanner-outage-runbook.html");
    let links = hrefs(&page, "main .prose a");
    assert!(
        links.len() == 1 && links[0].ends_with("field-support/q-a-on-call.html"),
        "{links:?}"
    );
    assert!(book.out().join("field-support/q-a-on-call.html").is_file());
}
