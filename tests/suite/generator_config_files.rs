//! Leftovers of the sessions that moved sites in from Writerside, Retype, Rspress, MkDocs's
//! awesome-pages and DocFX: what a real project of each writes and was still read wrong.
//! Each test starts from the fixture of that generator (tests/fixtures/) and adds the files
//! it needs, in the shape those tools write them.

use crate::harness::{TestBook, reading_order, sidebar, texts};

/// The Writerside fixture with two more topics and a table of contents that nests,
/// renames and hides them, and names a topic that is gone.
fn writerside_with_tree() -> TestBook {
    let book = TestBook::fixture("writerside");
    book.write(
        "content/Writerside/topics/Arrivals.md",
        "# Arrivals\n\nThe morning post comes at nine.\n",
    );
    book.write(
        "content/Writerside/topics/Keys.md",
        "# Keys\n\nThe key cabinet code changes monthly.\n",
    );
    book.write(
        "content/Writerside/fd.tree",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE instance-profile
        SYSTEM "https://resources.jetbrains.com/writerside/1.0/product-profile.dtd">

<instance-profile id="fd" name="Front Desk Handbook" start-page="Visitors.md">
    <toc-element topic="Visitors.md" toc-title="Guests &amp; visitors">
        <toc-element topic="Badge-Printer.md"/>
        <toc-element topic="Lanyards.md"/>
    </toc-element>
    <toc-element toc-title="Back office">
        <toc-element topic="Arrivals.md"/>
    </toc-element>
    <toc-element topic="Keys.md" hidden="true"/>
</instance-profile>
"#,
    );
    book
}

/// A Writerside project's `.tree` file is its table of contents: it orders the topics
/// depth first (a nested topic after its parent, a section's topics in place), a
/// `toc-title` names a topic in the navigation (its heading stays its title), a hidden
/// element leaves its topic out of the navigation (still published), and a topic that is
/// not there is a `broken-link` warning at its element. The file is still not published.
#[test]
fn writerside_tree_orders_names_and_hides_topics() {
    let book = writerside_with_tree();
    book.build()
        .success()
        .stderr_has("lists the topic `Lanyards.md`")
        .stderr_has("content/Writerside/fd.tree:8:29");
    assert_eq!(
        reading_order(&book, "Writerside/topics/Visitors.html"),
        [
            "Writerside/topics/Visitors.html",
            "Writerside/topics/Badge-Printer.html",
            "Writerside/topics/Arrivals.html",
        ]
    );
    let shown = sidebar(&book, "Writerside/topics/Arrivals.html");
    assert!(
        shown.ends_with(&[
            "Guests & visitors".to_string(),
            "Badge printer".to_string(),
            "Arrivals".to_string()
        ]),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|t| t == "Keys"), "{shown:?}");
    assert_eq!(
        texts(&book.html("Writerside/topics/Visitors.html"), "main h1"),
        ["Visitors"]
    );
    assert!(book.out().join("Writerside/topics/Keys.html").is_file());
    assert!(!book.out().join("Writerside/fd.tree").exists());
}

/// A `.tree` file that is not valid XML is a warning at its error, and the topics keep
/// orgbook's own order.
#[test]
fn writerside_tree_that_is_no_xml_is_a_warning() {
    let book = writerside_with_tree();
    book.write(
        "content/Writerside/fd.tree",
        "<instance-profile id=\"fd\">\n    <toc-element topic=\"Visitors.md\">\n</instance-profile>\n",
    );
    book.build()
        .success()
        .stderr_has("warning[folder-settings]")
        .stderr_has("content/Writerside/fd.tree:3:");
    assert_eq!(
        reading_order(&book, "Writerside/topics/Arrivals.html")[..2],
        [
            "Writerside/topics/Arrivals.html",
            "Writerside/topics/Badge-Printer.html"
        ]
    );
}

/// A Writerside project's variables (`v.list`) are their values where a topic writes
/// `%name%`, in text, headings and link text, escaped like any text; an unknown `%x%`,
/// a `%` of a percentage and code stay as written; a page outside the project is not
/// touched.
#[test]
fn writerside_variables_are_their_values() {
    let book = writerside_with_tree();
    book.write(
        "content/Writerside/v.list",
        r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE vars SYSTEM "https://resources.jetbrains.com/writerside/1.0/vars.dtd">
<vars>
    <var name="product" value="Kiosk &lt;b&gt;Pro&lt;/b&gt;"/>
    <var name="desk-phone" value="ext. 4410"/>
</vars>
"#,
    );
    book.write(
        "content/Writerside/topics/Keys.md",
        "# Keys for %product%\n\nCall %desk-phone% or see [the %product% guide](Arrivals.md); 100% of keys, %unknown% stays.\n\n`%product%` in code stays.\n",
    );
    book.write(
        "content/elsewhere.md",
        "# Elsewhere\n\nHere %product% is only text.\n",
    );
    book.build().success();
    let keys = book.html("Writerside/topics/Keys.html");
    assert_eq!(texts(&keys, "main h1"), ["Keys for Kiosk <b>Pro</b>"]);
    assert_eq!(
        texts(&keys, "main .prose p"),
        [
            "Call ext. 4410 or see the Kiosk <b>Pro</b> guide; 100% of keys, %unknown% stays.",
            "%product% in code stays."
        ]
    );
    assert!(
        book.read("public/Writerside/topics/Keys.html")
            .contains("Kiosk &lt;b&gt;Pro&lt;/b&gt;"),
        "the value is escaped"
    );
    assert_eq!(
        texts(&book.html("elsewhere.html"), "main .prose p"),
        ["Here %product% is only text."]
    );
}

/// In a Retype project, a folder's `index.yml` with `visibility: hidden` leaves the whole
/// folder out of the navigation (its pages still published), and `visibility` is no
/// unknown key there.
#[test]
fn retype_hidden_folder_is_in_no_navigation() {
    let book = TestBook::fixture("retype");
    book.write(
        "content/rituals/index.yml",
        "icon: people\norder: -5\nvisibility: hidden\n",
    );
    book.build()
        .success()
        .stderr_lacks("unknown key")
        .stderr_lacks("warning[");
    let shown = sidebar(&book, "glossary.html");
    assert!(!shown.iter().any(|t| t == "Rituals"), "{shown:?}");
    assert_eq!(
        reading_order(&book, "glossary.html"),
        ["glossary.html", "archive.html"]
    );
    assert!(book.out().join("rituals/retro.html").is_file());
}

/// Retype's `route:` publishes the page at that address, a folder as Retype publishes
/// it (`/team/on-call` is `team/on-call/index.html`), and links to the page's file or to
/// the route (with or without its last `/`) reach it; `redirect:` to an http(s) address makes the page a redirect there, the address
/// escaped; a `redirect:` inside the site makes it a redirect to that page (see
/// `generator_markup::retype_redirect_inside_the_site`).
#[test]
fn retype_route_and_redirect() {
    let book = TestBook::fixture("retype");
    book.edit(
        "content/escalation.md",
        "---\n",
        "---\nroute: /team/when-to-escalate\n",
    );
    book.write(
        "content/status.md",
        "---\nredirect: https://status.lantern.example/?a=1&b=\"2\"\n---\n# Status\n",
    );
    book.write(
        "content/moved.md",
        "---\nredirect: ../oncall/\n---\n# Moved\n\nSee the rota.\n",
    );
    book.write(
        "content/links.md",
        "# Links\n\n[Escalation](escalation.md) and [status](status.md), [as Retype links it](/team/when-to-escalate/) [or without the slash](/team/when-to-escalate).\n",
    );
    book.build()
        .success()
        .stderr_lacks("unknown key")
        .stderr_lacks("../oncall/");
    assert!(!book.out().join("escalation.html").exists());
    let moved = book.html("team/when-to-escalate/index.html");
    assert_eq!(texts(&moved, "main h1"), ["Escalation"]);
    assert_eq!(
        crate::harness::hrefs(&book.html("links.html"), "main .prose a"),
        [
            "team/when-to-escalate/index.html",
            "status.html",
            "team/when-to-escalate/index.html",
            "team/when-to-escalate/index.html"
        ]
    );
    let status = book.read("public/status.html");
    assert!(
        status.contains("url=https://status.lantern.example/?a=1&amp;b=&quot;2&quot;"),
        "{status}"
    );
    let moved = book.read("public/moved.html");
    assert!(moved.contains("url=oncall.html"), "{moved}");
}

/// `orgbook init` on a Retype project at the repository's root (`input: .`): its README
/// is the site's home page, so the `git mv` it advises moves it with the other pages and
/// their folders, and counts it.
#[test]
fn init_on_a_root_retype_project_moves_its_readme() {
    let book = TestBook::fixture("retype");
    book.remove("orgbook.toml");
    for entry in std::fs::read_dir(book.root().join("content")).unwrap() {
        let entry = entry.unwrap();
        std::fs::rename(entry.path(), book.root().join(entry.file_name())).unwrap();
    }
    std::fs::remove_dir(book.root().join("content")).unwrap();
    book.edit("retype.yml", "input: content", "input: .");
    book.run(&["init", "."])
        .failure(1)
        .stderr_has("a Retype project with 9 Markdown files in ./")
        .stderr_has("`mkdir content && git mv README.md archive.md escalation.md glossary.md oncall.md rituals runbooks secret-santa.md content/`");
}

/// DocFX's `<xref href="uid">text</xref>` shows its text (the page's title when it is
/// empty), its Markdown as plain text and escaped, and the closing tag is not shown; the
/// tag alone on a line (an HTML block to the parser) is a paragraph holding the link, as
/// `<xref:uid>` alone on a line is.
#[test]
fn docfx_xref_tags_with_closing_tag_and_alone_on_a_line() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/team/roles.md",
        "# Who does what\n\n\
         See <xref href=\"oncall-rota\">*the* rota &lt;b&gt;</xref> and <xref href=\"release-train\" data-throw-if-not-resolved=\"false\"></xref>.\n\n\
         <xref href=\"incidents\"/>\n\n\
         <xref:release-train>\n",
    );
    book.build().success().stderr_lacks("roles.md");
    let html = book.html("team/roles.html");
    assert_eq!(
        texts(&html, ".prose p"),
        [
            "See the rota <b> and Release train.",
            "Incident reviews",
            "Release train"
        ]
    );
    assert_eq!(
        crate::harness::hrefs(&html, ".prose a"),
        [
            "../ops/oncall-rota.html",
            "../ops/release-train.html",
            "../ops/incidents.html",
            "../ops/release-train.html"
        ]
    );
    let written = book.output_file("team/roles.html");
    assert!(!written.contains("xref"), "{written}");
    assert!(!written.contains("<b>"), "{written}");
}

/// A `toc.yml` entry that names its page only by `uid:` places that page's folder among
/// its siblings, as an `href:` to the file does: the team folder, listed first by uid,
/// comes before Operations in the sidebar. (This already held: the sidebar places a
/// folder by its first listed page; the test keeps it so, and docs/format.md no longer
/// says otherwise.)
#[test]
fn docfx_toc_uid_entry_places_its_folder() {
    let book = TestBook::fixture("docfx");
    book.write(
        "content/team/hiring.md",
        "---\nuid: hiring-loop\n---\n# How we hire\n\nA take-home exercise, then a pairing session.\n",
    );
    book.write(
        "toc.yml",
        "- name: Welcome\n  href: index.md\n- name: People\n  items:\n  - name: Hiring loop\n    uid: hiring-loop\n- name: Operations\n  href: ops/\n  topicHref: ops/release-train.md\n",
    );
    book.build().success().stderr_lacks("hiring-loop");
    let shown = sidebar(&book, "team/hiring.html");
    // The folder takes the name the toc gives the entry that lists it ("People").
    let people = shown.iter().position(|t| t == "People");
    let operations = shown.iter().position(|t| t == "Operations");
    assert!(
        people.is_some() && operations.is_some() && people < operations,
        "{shown:?}"
    );
    assert_eq!(
        reading_order(&book, "team/hiring.html")[..2],
        ["team/hiring.html", "ops/release-train.html"]
    );
}

/// MkDocs awesome-pages: `order_by: title` orders a folder by its pages' titles (not
/// their file names); a filtered `...` (`... | glob=b*.md`, `... | regex=…`) takes the
/// entries its filter matches wherever it stands, the plain `...` the others; a pattern
/// that does not compile is a warning at its place, and its `...` takes nothing.
#[test]
fn awesome_pages_order_by_title_and_filtered_rest() {
    let book = TestBook::fixture("mkdocs-awesome-pages");
    book.write(
        "content/runbooks/.pages",
        "title: Runbooks\norder_by: title\n",
    );
    book.write(
        "content/onboarding/.pages",
        "title: Getting Started\nnav:\n  - ...\n  - first-week.md\n  - ... | flat | glob=b*.md\n",
    );
    book.write(
        "content/engineering/.pages",
        "title: How We Build\nnav:\n    - practices\n    - code-review.md\n    - ... | regex=(drafts\n",
    );
    book.build()
        .success()
        .stderr_has("filters `...` with `regex=(drafts`, which is no regex pattern")
        .stderr_has("--> content/engineering/.pages:5:13");
    let order = reading_order(&book, "onboarding/index.html");
    assert_eq!(
        order[..4],
        [
            "onboarding/index.html",
            "onboarding/tools.html",
            "onboarding/first-week.html",
            "onboarding/buddy.html",
        ]
    );
    let at = order
        .iter()
        .position(|p| p == "runbooks/1-paging.html")
        .expect("runbooks in the order");
    assert_eq!(
        order[at..at + 3],
        [
            "runbooks/1-paging.html",
            "runbooks/10-data-restore.html",
            "runbooks/2-rollback.html",
        ]
    );
}

/// Rspress's `_meta.json` object entries for folders (`{"type": "dir", "name", "label"}`)
/// name and place the folder, also one without a `_meta.json` or index page of its own
/// (it went after its siblings, unplaced), and a `{text, link}` item (a link elsewhere)
/// names nothing and is no warning; labels are escaped.
#[test]
fn rspress_dir_objects_and_links_in_meta_lists() {
    let book = TestBook::fixture("rspress");
    book.write(
        "content/playbooks/db/restore.md",
        "# Restore\n\nFrom the nightly backup.\n",
    );
    book.write(
        "content/playbooks/_meta.json",
        r#"[
  { "type": "dir", "name": "db", "label": "Database <i>ops</i>" },
  "triage",
  { "type": "file", "name": "rollback", "label": "Roll back a deploy" },
  { "text": "Status page", "link": "https://status.example.com" },
  "disk-full"
]
"#,
    );
    book.build().success().stderr_lacks("warning[");
    let shown = sidebar(&book, "playbooks/triage.html");
    let at = |t: &str| shown.iter().position(|s| s == t);
    assert!(
        at("Database <i>ops</i>") < at("Triage")
            && at("Triage") < at("Roll back a deploy")
            && at("Roll back a deploy") < at("Disk full"),
        "{shown:?}"
    );
    assert!(!shown.iter().any(|s| s == "Status page"), "{shown:?}");
    assert!(
        !book
            .read("public/playbooks/triage.html")
            .contains("<i>ops</i>"),
        "the label is escaped"
    );
}
