//! Wikis and note tools a team's pages come from, built as they are: Wiki.js (its sized
//! images, callout classes and language-prefixed links), HackMD and HedgeDoc (spoilers),
//! Dendron (links into other vaults), and the bare addresses wiki pages hold. Each test
//! writes pages shaped like a real wiki's into a small fixture and asserts on the built
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

/// The text of a page's body, whitespace collapsed.
fn body_text(book: &TestBook, page: &str) -> String {
    texts(&book.html(page), "main .prose").join(" ")
}

/// A Wiki.js page as its git storage writes it: the image's size after its address goes,
/// a quote under `{.is-warning}` is a warning callout, the list's `{.links-list}` goes, and
/// links from the top with the language (`/en/…`) reach the pages stored at the root.
#[test]
fn wiki_js_pages_show_sized_images_callouts_and_language_links() {
    let book = book_with(&[
        (
            "content/workshop/tools.md",
            "---\ntitle: Tools\ndescription: What the workshop lends out\npublished: true\ndate: 2025-03-02T09:00:00.000Z\ntags: workshop\neditor: markdown\ndateCreated: 2024-11-20T08:00:00.000Z\n---\n\n![Workshop banner](/workshop/banner.png =320x)\n\n> Book the bandsaw a day ahead; a steward must be there.\n> Goggles stay on.\n{.is-warning}\n\n- [Safety rules](/en/workshop/safety)\n- [Start page](/en/)\n{.links-list}\n",
        ),
        (
            "content/workshop/safety.md",
            "---\ntitle: Safety rules\n---\n\nNo loose sleeves.\n",
        ),
        ("content/workshop/banner.png", "not really a png"),
    ]);
    book.build().success().stderr_lacks("broken-link");
    let page = book.html("workshop/tools.html");
    let images: Vec<_> = page
        .select(&sel("main .prose img"))
        .filter_map(|i| i.value().attr("src"))
        .collect();
    assert_eq!(images, ["../workshop/banner.png"]);
    assert_eq!(
        texts(&page, "main .prose blockquote.markdown-alert-warning p"),
        [
            "Warning",
            "Book the bandsaw a day ahead; a steward must be there. Goggles stay on."
        ]
    );
    assert_eq!(
        hrefs(&page, "main .prose li a"),
        ["../workshop/safety.html", "../index.html"]
    );
    let text = body_text(&book, "workshop/tools.html");
    for raw in ["=320x", "{.is-warning}", "{.links-list}", "!["] {
        assert!(!text.contains(raw), "{raw} in {text}");
    }
}

/// Wiki.js keeps its home page as `home.md` at the top: in a Wiki.js export it is the home
/// page (links to `/home` reach it), unless a `README.md` is; a `home.md` of another tool
/// is an ordinary page. `serve` agrees: its oracle test.
#[test]
fn wiki_js_home_md_is_the_home_page() {
    let book = book_with(&[
        (
            "content/home.md",
            "---\ntitle: Front desk\ndescription: Where to start\npublished: true\ndate: 2024-05-02T09:30:00.000Z\ntags: \neditor: markdown\ndateCreated: 2023-11-20T08:00:00.000Z\n---\n\nNew here? Read the [pager notes](/crew/pager).\n",
        ),
        (
            "content/crew/pager.md",
            "---\ntitle: Pager\npublished: true\neditor: markdown\n---\n\nBack to [the front desk](/home).\n",
        ),
    ]);
    book.remove("content/README.md");
    book.build().success();
    let home = book.output_file("index.html");
    assert!(home.contains("New here?"), "{home}");
    assert!(!book.out().join("home.html").exists());
    assert_eq!(
        hrefs(&book.html("crew/pager.html"), "main .prose a"),
        ["../index.html"]
    );

    // A README.md at the top is the home page, as before: home.md is a page of its own.
    book.write("content/README.md", "# Handbook\n\nThe README.\n");
    book.build().success();
    assert!(book.output_file("index.html").contains("The README."));
    assert!(book.output_file("home.html").contains("New here?"));

    // Without Wiki.js's front matter, home.md is a page like any other.
    book.remove("content/README.md");
    book.write("content/home.md", "# Home\n\nA plain page named home.\n");
    book.build().success();
    assert!(
        book.output_file("home.html")
            .contains("A plain page named home.")
    );
}

/// A Wiki.js 1.x page names itself in comments on its first lines, in place of front
/// matter: its title and its subtitle (the page's description).
#[test]
fn a_wiki_js_1_page_takes_its_title_and_subtitle_from_its_comments() {
    let book = book_with(&[(
        "content/crew/pager.md",
        "<!-- TITLE: Pager duty -->\n<!-- SUBTITLE: Who carries the pager this week -->\n\n# Handover\n\nSwap on Mondays at ten.\n",
    )]);
    book.build().success();
    let page = book.html("crew/pager.html");
    assert_eq!(texts(&page, "main h1"), ["Pager duty"]);
    assert_eq!(
        texts(&page, "main .lede"),
        ["Who carries the pager this week"]
    );
    assert!(!body_text(&book, "crew/pager.html").contains("TITLE"));
}

/// The keys Dendron, Wiki.js and HackMD write in every page's front matter are theirs, not
/// mistakes: no warning; Dendron's `desc` is the page's description.
#[test]
fn wiki_and_note_tools_front_matter_keys_are_accepted() {
    let book = book_with(&[
        (
            "content/notes/area.crew.md",
            "---\nid: q8z3r1\ntitle: Crew\ndesc: Who sails and who stays ashore\nupdated: 1700000000000\ncreated: 1690000000000\nstub: false\nconfig:\n  global:\n    enableChildLinks: false\n---\n\nThe roster.\n",
        ),
        (
            "content/lab/kiln.md",
            "---\ntitle: Kiln\ndescription: Firing schedule\npublished: true\ndate: 2025-01-10T10:00:00.000Z\ntags: lab\neditor: markdown\ndateCreated: 2024-12-01T10:00:00.000Z\n---\n\nFire on Fridays.\n",
        ),
        (
            "content/meetings/retro.md",
            "---\ntitle: Retro\ntags: meetings\nGA: UA-000000-1\nrobots: noindex\nlang: en\nbreaks: false\n---\n\nWhat went well.\n",
        ),
    ]);
    book.build().success().stderr_lacks("unknown key");
    assert_eq!(
        texts(&book.html("notes/area.crew.html"), "main .lede"),
        ["Who sails and who stays ashore"]
    );
}

/// A language that has a folder of its own is not the default one: a page missing there is
/// a broken link, not the default language's page.
#[test]
fn a_link_into_a_language_folder_stays_broken_when_the_page_is_missing_there() {
    let book = book_with(&[
        (
            "content/rota.md",
            "---\ntitle: Rota\n---\n\nSee [the rota in German](/de/rota).\n",
        ),
        (
            "content/de/start.md",
            "---\ntitle: Start\n---\n\nWillkommen.\n",
        ),
    ]);
    book.build()
        .failure(1)
        .stderr_has("link to `/de/rota`: no such file");
}

/// Only English, Wiki.js's default language, is read away: a two-letter first folder is as
/// often a team's (`/hr/`, `/ux/`), and a link into one that is gone is reported, never
/// sent to another page of the same name.
#[test]
fn a_two_letter_team_folder_is_not_taken_for_a_language() {
    let book = book_with(&[
        (
            "content/research.md",
            "# Research
",
        ),
        (
            "content/start.md",
            "# Start

[Research](/ux/research), [the same](/en-gb/research).
",
        ),
    ]);
    book.build()
        .failure(1)
        .stderr_has("link to `/ux/research`: no such file")
        .stderr_lacks("link to `/en-gb/research`");
}

/// HackMD's and HedgeDoc's `:::spoiler Title` folds its content under its title.
#[test]
fn hackmd_spoilers_fold_their_content() {
    let book = book_with(&[(
        "content/meetings/weekly.md",
        "---\ntags: meetings\n---\n\n# Weekly sync\n\n:::spoiler Server logs from Tuesday\nThe queue backed up twice.\n\nRestarted the worker.\n:::\n\nNext: budget.\n",
    )]);
    book.build().success();
    let page = book.html("meetings/weekly.html");
    assert_eq!(
        texts(&page, "main .prose details summary"),
        ["Server logs from Tuesday"]
    );
    assert_eq!(
        texts(&page, "main .prose details p"),
        ["The queue backed up twice.", "Restarted the worker."]
    );
    assert!(!body_text(&book, "meetings/weekly.html").contains(":::"));
}

/// Dendron writes a link's text first and its target as an address into a vault
/// (`[[Text|dendron://vault/note]]`): a note in the handbook is linked under the text, one
/// in a vault the handbook lacks is shown as its text and reported with its vault; a path
/// on the right wins over a text that also names a page. An embed (`![[area.crew]]`) is a
/// link named by the note's title.
#[test]
fn dendron_links_show_their_text_and_name_the_missing_vault() {
    let book = book_with(&[
        (
            "content/notes/area.crew.md",
            "---\nid: k2v9\ntitle: Crew\n---\n\nWho is on board.\n",
        ),
        (
            "content/notes/setup.md",
            "---\ntitle: Setup\n---\n\nInstall the tools.\n",
        ),
        (
            "content/notes/area.md",
            "---\nid: a7q1\ntitle: Areas\n---\n\n- [[The crew|dendron://org.handbook/area.crew]]\n- [[Payroll|dendron://private/area.payroll]]\n- [[Setup|notes/area.crew]]\n\n## Crew\n\n![[area.crew]]\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("names the Dendron note `area.payroll` of the vault `private`, which is not in the handbook");
    let page = book.html("notes/area.html");
    assert_eq!(
        texts(&page, "main .prose li"),
        ["The crew", "Payroll", "Setup"]
    );
    assert_eq!(
        hrefs(&page, "main .prose li a"),
        ["../notes/area.crew.html", "../notes/area.crew.html"]
    );
    // An embedded note, drawn as a link, is named by its title.
    assert_eq!(texts(&page, "main .prose p a"), ["Crew"]);
}

/// A bare address through a `~` (someone's folder on a project's server, as wiki pages
/// link them) is one link, not a link to the server and the rest as text.
#[test]
fn a_bare_address_with_a_tilde_is_one_link() {
    let book = book_with(&[(
        "content/install.md",
        "## Install\n\nThe long guide is at https://example.org/~rosa/guide/intro.html for now.\n\nStrike ~~this~~ and keep ~that.\n",
    )]);
    book.build().success();
    let page = book.html("install.html");
    assert_eq!(
        hrefs(&page, "main .prose p a"),
        ["https://example.org/~rosa/guide/intro.html"]
    );
    assert_eq!(texts(&page, "main .prose del"), ["this"]);
    assert!(body_text(&book, "install.html").contains("and keep ~that."));
}

/// A Logseq graph stores the namespace page `Rituals/Standup` as `Rituals___Standup.md`
/// (its default name format; `Rituals%2FRetro.md` in older graphs): a wikilink names it by
/// its name with `/`, in any case, and the page is titled by that name.
#[test]
fn logseq_namespace_pages_are_found_by_their_name_and_titled_with_it() {
    let book = book_with(&[
        (
            "content/graph/pages/Rituals___Standup.md",
            "- We meet at ten and keep it to a quarter hour.\n",
        ),
        (
            "content/graph/pages/Rituals%2FRetro.md",
            "- Every second Friday.\n",
        ),
        (
            "content/graph/pages/Rituals.md",
            "- The daily one: [[Rituals/Standup]]\n- The fortnightly one: [[rituals/retro]]\n",
        ),
    ]);
    book.build().success().stderr_lacks("broken-link");
    let page = book.html("graph/pages/Rituals.html");
    assert_eq!(
        hrefs(&page, "main .prose a"),
        [
            "../../graph/pages/Rituals___Standup.html",
            "../../graph/pages/rituals-2fretro.html"
        ]
    );
    let standup = book.html("graph/pages/Rituals___Standup.html");
    assert_eq!(texts(&standup, "main h1"), ["Rituals/Standup"]);
}

/// Logseq titles a page by its name (its file's); a first block that is a heading
/// (`# Purpose` then the page's blocks) is not the title but the page's first section.
/// Elsewhere, and on a page in `pages/` written as plain Markdown, the heading titles.
#[test]
fn a_logseq_page_is_titled_by_its_name_not_by_its_first_block() {
    let book = book_with(&[
        (
            "content/graph/pages/Process___Docs.md",
            "# Purpose\n\t- Where we write things down.\n- # Tools\n\t- A wiki.\n",
        ),
        (
            "content/graph/journals/2024_03_07.md",
            "# Stand-up topics\n- Release train\n",
        ),
        (
            "content/graph/pages/faq.md",
            "# Frequent questions\n\nAsk in the channel.\n",
        ),
        ("content/guide/setup.md", "# Setting up\n- Clone it.\n"),
    ]);
    book.build().success();
    let docs = book.html("graph/pages/Process___Docs.html");
    assert_eq!(texts(&docs, "main h1"), ["Process/Docs"]);
    assert!(
        texts(&docs, "main .prose h2").contains(&"Purpose".to_string()),
        "{:?}",
        texts(&docs, "main .prose h2")
    );
    let journal = book.html("graph/journals/2024_03_07.html");
    assert_eq!(texts(&journal, "main h1"), ["2024-03-07"]);
    let faq = book.html("graph/pages/faq.html");
    assert_eq!(texts(&faq, "main h1"), ["Frequent questions"]);
    let setup = book.html("guide/setup.html");
    assert_eq!(texts(&setup, "main h1"), ["Setting up"]);
}

/// Logseq's tags, `#onboarding` and `#[[release train]]`, link the page of that name; one
/// that names no page (Logseq makes an empty one for every tag) is its text, with no
/// warning. A heading, a number after a space, code and an address's fragment are no tags.
#[test]
fn logseq_tags_link_the_page_they_name() {
    let book = book_with(&[
        ("content/graph/pages/onboarding.md", "- Day one.\n"),
        (
            "content/graph/pages/release train.md",
            "- Every other week.\n",
        ),
        (
            "content/graph/journals/2024_03_04.md",
            "# Monday\n\n- Paired on #onboarding, then #[[release train]].\n- Ideas: #someday and #[[maybe later]]; fixes #12.\n- `#not-a-tag` and https://example.org/guide#onboarding stay.\n- ```\n  #onboarding in code\n  ```\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_lacks("maybe later")
        .stderr_lacks("someday");
    let page = book.html("graph/journals/2024_03_04.html");
    assert_eq!(
        hrefs(&page, "main .prose li > a"),
        [
            "../../graph/pages/onboarding.html",
            "../../graph/pages/release-train.html",
            "https://example.org/guide#onboarding"
        ]
    );
    let text = texts(&page, "main .prose li").join(" | ");
    assert!(
        text.contains("Paired on #onboarding, then #release train.")
            && text.contains("Ideas: #someday and #maybe later; fixes #12.")
            && text.contains("#onboarding in code"),
        "{text}"
    );
    assert_eq!(
        texts(&page, "main .prose pre code"),
        ["#onboarding in code"]
    );
}

/// A namespaced Logseq tag, `#infra/tools`, names the page `infra/tools`
/// (`infra___tools.md`), never the page `tools` that happens to share its last part: with
/// no page of its own it is text.
#[test]
fn a_logseq_namespaced_tag_links_only_its_own_page() {
    let book = book_with(&[
        (
            "content/graph/pages/tools.md",
            "- Our editors and shells.\n",
        ),
        (
            "content/graph/pages/team___platform.md",
            "- Runs the clusters.\n",
        ),
        (
            "content/graph/journals/2024_05_06.md",
            "- Asked #team/platform about #infra/tools and #tools.\n",
        ),
    ]);
    book.build().success().stderr_lacks("infra/tools");
    let page = book.html("graph/journals/2024_05_06.html");
    assert_eq!(
        hrefs(&page, "main .prose li > a"),
        [
            "../../graph/pages/team___platform.html",
            "../../graph/pages/tools.html"
        ]
    );
    assert!(
        texts(&page, "main .prose li")
            .join(" ")
            .contains("about #infra/tools and")
    );
}

/// In a Logseq graph, `[[a page]]` nobody has written yet is its text, without a warning
/// (Logseq makes a page of every reference); outside a graph it stays a broken link.
#[test]
fn logseq_references_to_unwritten_pages_are_text_without_a_warning() {
    let book = book_with(&[
        (
            "content/graph/pages/pairing rota.md",
            "- Who pairs with whom.\n",
        ),
        (
            "content/graph/journals/2024_05_06.md",
            "- Talked about [[pairing rota]] and [[career ladder]].\n- Later: [[quarterly planning]].\n",
        ),
        (
            "content/guide/setup.md",
            "# Setup\n\nSee [[no such guide]].\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_lacks("career ladder")
        .stderr_lacks("quarterly planning")
        .stderr_has("no such guide");
    let page = book.html("graph/journals/2024_05_06.html");
    assert_eq!(
        hrefs(&page, "main .prose li a"),
        ["../../graph/pages/pairing-rota.html"]
    );
    let text = texts(&page, "main .prose li").join(" | ");
    assert!(
        text.contains("Talked about pairing rota and career ladder.")
            && text.contains("Later: quarterly planning."),
        "{text}"
    );
}

/// A MediaWiki export run through pandoc links the wiki's pages as `[text](Page_name
/// "wikilink")`: found by page name, categories shown as text, `wikipedia:` links to
/// Wikipedia, and a page the export lacks is a warning (not a build error), shown as text.
#[test]
fn pandoc_mediawiki_links_reach_the_pages_they_name() {
    let book = book_with(&[
        (
            "content/wiki/Release_checklist.md",
            "Release checklist\n=================\n\nRun the [smoke tests](Smoke_tests \"wikilink\") and read [Deploy windows](Ops:Deploy_windows#Freeze_weeks \"wikilink\").\nA [DAG](wikipedia:Directed_acyclic_graph \"wikilink\") of steps; see [the rota](Pager_rota \"wikilink\").\n\n[Category:Releases](/Category:Releases \"wikilink\")\n",
        ),
        (
            "content/wiki/Smoke_tests.md",
            "Smoke tests\n===========\n\nFive checks.\n",
        ),
        (
            "content/wiki/Deploy_windows.md",
            "Deploy windows\n==============\n\nFreeze weeks\n------------\n\nNone in August.\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("`Pager_rota` is a wiki page pandoc linked")
        .stderr_lacks("Category")
        .stderr_lacks("Smoke_tests`");
    let page = book.html("wiki/Release_checklist.html");
    assert_eq!(
        hrefs(&page, "main .prose a"),
        [
            "../wiki/Smoke_tests.html",
            "../wiki/Deploy_windows.html#freeze-weeks",
            "https://en.wikipedia.org/wiki/Directed_acyclic_graph"
        ]
    );
    assert_eq!(
        page.select(&sel("main .prose a[title]")).count(),
        0,
        "pandoc's mark is no title"
    );
    let text = texts(&page, "main .prose p").join(" | ");
    assert!(
        text.contains("see the rota.") && text.contains("Category:Releases"),
        "{text}"
    );
}

/// A Dendron vault's `root.md` is its home page; its notes' dotted names are wikilinks.
#[test]
fn dendron_root_md_is_the_home_page() {
    let book = book_with(&[
        (
            "content/root.md",
            "---\nid: q8x2m1\ntitle: Root\ndesc: ''\nupdated: 1700000000000\ncreated: 1690000000000\n---\n\nOur notes start at [[crew.rota]].\n",
        ),
        (
            "content/crew.rota.md",
            "---\nid: v7c3n4\ntitle: Rota\ndesc: Who is on duty\nupdated: 1700000000000\ncreated: 1690000000000\n---\n\nBack to [[root]].\n",
        ),
    ]);
    book.remove("content/README.md");
    book.build().success();
    let home = book.html("index.html");
    assert_eq!(hrefs(&home, "main .prose a"), ["crew.rota.html"]);
    assert!(!book.out().join("root.html").exists());
    assert_eq!(
        hrefs(&book.html("crew.rota.html"), "main .prose a"),
        ["index.html"]
    );
}

/// Logseq's labelled page reference, `[text]([[Page name]])`, links the page it names
/// (by name, spaces and namespaces included) and shows the text; one that names no page
/// is a warning and shows its text, not a broken link that fails the build.
#[test]
fn logseq_labelled_page_references_link_the_page_they_name() {
    let book = book_with(&[
        (
            "content/graph/pages/Rituals___Standup.md",
            "- We meet at ten.\n",
        ),
        ("content/graph/pages/Onboarding guide.md", "- Day one.\n"),
        (
            "content/graph/pages/Rituals.md",
            "- See [the daily one]([[Rituals/Standup]]) and [the guide]([[Onboarding guide]]).\n- Not yet: [the retro]([[Rituals/Retro]]).\n- In code it stays: `[x]([[Rituals/Standup]])`\n",
        ),
    ]);
    book.build()
        .success()
        .stderr_has("`[[Rituals/Retro]]` names no page or file");
    let page = book.html("graph/pages/Rituals.html");
    assert_eq!(
        hrefs(&page, "main .prose a"),
        [
            "../../graph/pages/Rituals___Standup.html",
            "../../graph/pages/onboarding-guide.html"
        ]
    );
    let text = texts(&page, "main .prose li").join(" | ");
    assert!(
        text.contains("See the daily one and the guide.")
            && text.contains("Not yet: the retro.")
            && text.contains("[x]([[Rituals/Standup]])")
            && !text.contains("<["),
        "{text}"
    );
}

/// A Logseq page keeps its metadata as `key:: value` lines: the page's own at its top
/// (its title, other names, tags) and, under a block, Logseq's bookkeeping (`id::` on a
/// referenced block, `collapsed::` on a folded one) and time-tracking drawers. The page's
/// are read as front matter, the bookkeeping is not shown, a property the author wrote is.
#[test]
fn logseq_properties_are_read_as_front_matter_and_bookkeeping_is_not_shown() {
    let book = book_with(&[
        (
            "content/graph/pages/Retro.md",
            "title:: Fortnightly retro\nalias:: retro, Look back\ntags:: [[rituals]], #team\n\n- We look back every second Friday.\n  id:: 6566aa00-1111-4222-8333-444455556666\n  collapsed:: true\n\t- LATER Book the room\n\t  :LOGBOOK:\n\t  CLOCK: [2024-01-18 Thu 10:09:15]\n\t  :END:\n\t- Facilitator rotates\n\t  owner:: Sam\n",
        ),
        (
            "content/graph/pages/Rituals.md",
            "- See [[retro]] and [[Look back]].\n",
        ),
    ]);
    book.build().success().stderr_lacks("broken-link");
    let retro = book.html("graph/pages/Retro.html");
    assert_eq!(texts(&retro, "main h1"), ["Fortnightly retro"]);
    let body = body_text(&book, "graph/pages/Retro.html");
    for hidden in [
        "title::",
        "alias::",
        "tags::",
        "6566aa00",
        "collapsed",
        "LOGBOOK",
        "CLOCK",
    ] {
        assert!(!body.contains(hidden), "{hidden} shown in {body}");
    }
    assert!(
        body.contains("Book the room") && body.contains("owner:: Sam"),
        "{body}"
    );
    let rituals = book.html("graph/pages/Rituals.html");
    assert_eq!(
        hrefs(&rituals, "main .prose a"),
        [
            "../../graph/pages/Retro.html",
            "../../graph/pages/Retro.html"
        ]
    );
}

/// Logseq saves a page's first block without its `- ` when it is a heading, its children
/// indented with a tab under it. They are the page's outline, not a code block, and their
/// links are links.
#[test]
fn logseq_children_of_a_first_heading_are_a_list_not_code() {
    let book = book_with(&[
        (
            "content/graph/pages/Onboarding.md",
            "# Purpose\n\t- Everything a newcomer needs, see [[Buddy]]\n\t\t- in their first week\n- # Checklist\n\t- Laptop\n",
        ),
        ("content/graph/pages/Buddy.md", "- Pairs with a newcomer.\n"),
    ]);
    book.build().success().stderr_lacks("broken-link");
    let page = book.html("graph/pages/Onboarding.html");
    assert!(texts(&page, "main .prose pre").is_empty());
    assert_eq!(
        texts(&page, "main .prose > ul > li > ul > li"),
        ["in their first week", "Laptop"]
    );
    assert_eq!(
        hrefs(&page, "main .prose a"),
        ["../../graph/pages/Buddy.html"]
    );
}

/// Logseq's admonitions show their text without their `#+BEGIN_…` / `#+END_…` lines; an
/// advanced query, which orgbook cannot run, is left out with a warning at its first line;
/// block references stay as written, with one warning for the page.
#[test]
fn logseq_admonitions_queries_and_block_references() {
    let book = book_with(&[(
        "content/graph/pages/Standup.md",
        "- Keep it short.\n\t- #+BEGIN_TIP\n\t  Cameras on, please.\n\t  #+END_TIP\n- Open questions\n\t- #+BEGIN_QUERY\n\t  {:title \"Open\" :query [:find (pull ?b [*]) :where [?b :block/marker \"TODO\"]]}\n\t  #+END_QUERY\n- As agreed in ((6566aa00-1111-4222-8333-444455556666))\n",
    )]);
    let run = book.build();
    run.success()
        .stderr_has("a Logseq advanced query (`#+BEGIN_QUERY`, 3 lines) is left out")
        .stderr_has("content/graph/pages/Standup.md:6:")
        .stderr_has("1 Logseq block reference shown as written");
    let body = body_text(&book, "graph/pages/Standup.html");
    assert!(body.contains("Cameras on, please."), "{body}");
    for hidden in ["#+BEGIN", "#+END", ":find", "Open\""] {
        assert!(!body.contains(hidden), "{hidden} shown in {body}");
    }
}

/// A Dendron note in its vault's front matter: `id`, `title`, the timestamps.
fn dendron_note(title: &str, body: &str) -> String {
    format!(
        "---\nid: {}\ntitle: {title}\ndesc: ''\nupdated: 1700000000000\ncreated: 1690000000000\n---\n\n{body}\n",
        title.len()
    )
}

/// A Dendron vault's notes, flat in one folder, nest in the sidebar by their dotted names
/// (a note whose parent note is missing under its nearest existing ancestor, or at the
/// top), in the vault at the top of `content/` and in a vault's own folder; their
/// addresses stay. Dotted names in a folder that is no vault stay side by side.
#[test]
fn dendron_notes_nest_in_the_sidebar_by_their_dotted_names() {
    let root = dendron_note("Root", "Start at [[eng]].");
    let eng = dendron_note("Eng", "How we build.");
    let oncall = dendron_note("On call", "Who answers.");
    let runbook = dendron_note("Runbook", "Steps when paged.");
    let hiring = dendron_note("Hiring", "Loops and panels.");
    let laptops = dendron_note("Laptops", "Order through the desk.");
    let kit = dendron_note("Kit", "What we lend.");
    let vault_root = dendron_note("Private root", "Our vault.");
    let pay = dendron_note("Pay", "Bands.");
    let pay_review = dendron_note("Pay review", "Each March.");
    let book = book_with(&[
        ("content/root.md", root.as_str()),
        ("content/eng.md", eng.as_str()),
        ("content/eng.oncall.md", oncall.as_str()),
        ("content/eng.oncall.runbook.md", runbook.as_str()),
        ("content/eng.hiring.md", hiring.as_str()),
        ("content/eng.tools.kit.md", kit.as_str()),
        ("content/ops.vendors.laptops.md", laptops.as_str()),
        ("content/private/root.md", vault_root.as_str()),
        ("content/private/pay.md", pay.as_str()),
        ("content/private/pay.review.md", pay_review.as_str()),
        ("content/plain/release.md", "# Release\n\nTag it.\n"),
        (
            "content/plain/release.notes.md",
            "# Release notes\n\nWrite them.\n",
        ),
    ]);
    book.build().success();
    // The addresses are the notes' own.
    for page in [
        "eng.oncall.runbook.html",
        "ops.vendors.laptops.html",
        "private/pay.review.html",
    ] {
        assert!(book.out().join(page).exists(), "{page}");
    }
    let runbook = book.html("eng.oncall.runbook.html");
    // Open on the way to the page: Eng, then On call, the page inside it.
    assert_eq!(
        texts(&runbook, ".sidebar li.sb-folder > details[open] > summary"),
        ["Eng", "On call"]
    );
    assert_eq!(
        texts(
            &runbook,
            ".sidebar li.sb-folder details[open] li.sb-folder details[open] > ul > li > a[aria-current=page]"
        ),
        ["Runbook"]
    );
    // Below Eng: Hiring, Kit (whose `eng.tools` is missing) and On call.
    let below_eng = ".sidebar-toggle > ul > li > details > ul > li";
    assert_eq!(
        texts(
            &runbook,
            &format!("{below_eng} > a, {below_eng} > details > summary")
        ),
        ["Hiring", "Kit", "On call"]
    );
    // Laptops has no note above it: at the top, beside Eng.
    let laptops = book.html("ops.vendors.laptops.html");
    let top = texts(&laptops, ".sidebar-toggle > ul > li > a");
    for title in ["Eng", "Laptops", "Root"] {
        assert!(top.contains(&title.to_string()), "{top:?}");
    }
    assert!(!top.contains(&"Runbook".to_string()), "{top:?}");
    // Closed elsewhere: Eng counts itself and its four notes.
    assert_eq!(
        texts(
            &laptops,
            ".sidebar li.sb-closed > a, .sidebar li.sb-closed > .sb-count"
        )
        .windows(2)
        .find(|w| w[0] == "Eng")
        .map(|w| w[1].clone()),
        Some("5".to_string())
    );
    // A vault in its own folder nests too.
    let review = book.html("private/pay.review.html");
    assert_eq!(
        texts(&review, ".sidebar li.sb-folder > details[open] > summary"),
        ["Private", "Pay"]
    );
    // No root.md of Dendron's: side by side.
    let notes = book.html("plain/release.notes.html");
    assert_eq!(
        texts(&notes, ".sidebar li.sb-folder > details[open] > summary"),
        ["Plain"]
    );
    assert_eq!(
        texts(
            &notes,
            ".sidebar li.sb-folder > details[open] > ul > li > a"
        ),
        ["Release", "Release notes"]
    );
}
