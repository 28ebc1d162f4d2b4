//! Links between Google Docs moved out of Drive (`docs.google.com/document/d/<id>/…`) lead to
//! the pages those documents became, when a page names its document (front matter `google_doc`,
//! `[links.google_docs]` in `orgbook.toml`, the id Docs to Markdown writes in its top comment)
//! or when the link's text is the title of exactly one page (`gdocs-links`).

use crate::harness::{TestBook, check_all_links, href_of, sel};

const ONBOARDING: &str = "16a69p9_V2xaFld7W5oHq8K5ZLv74MNfjAN1m7i75cw3";
const RUNBOOK: &str = "1Jjkqv3K7oz8i2tbXLfTGAHOhdJAizL7rPHNK29hCtf6";
const QUESTIONNAIRE: &str = "1omH7WPQVx4Qm50fUlO3U6UfLHJlCYevv8nle3frPFeJ";

/// Before, every link between the exported documents still led to Google Docs (to a
/// reader without access to the Drive folder, a sign-in page). Now a link to a document a
/// page names as its source leads to that page (the front matter's `google_doc`, the
/// settings' table, the old Docs to Markdown comment's `open?id=`), as does one whose text
/// is the title (or file name) of exactly one page; from then on every link to that
/// document does, whatever its text. `#heading=h.…` cannot be mapped and is dropped; a
/// heading id of the page is kept. An ambiguous title, a document no page is, Sheets and
/// Slides stay links to Google, and each unmapped document is one note.
#[test]
fn links_between_exported_google_docs_lead_to_their_pages() {
    let book = TestBook::fixture("gdocs-links");
    let run = book.build();
    run.success().stderr_lacks("warning[");
    check_all_links(&book.out(), &["404.html"]);

    let sync = book.html("meetings/platform-sync-2025.html");
    // Declared in the page's front matter.
    assert_eq!(
        href_of(&sync, "Access Review Process"),
        "../process/access-review.html"
    );
    // The link's text is the file's name (and the Docs to Markdown comment's title): the
    // opaque `#heading=h.…` is gone, the page's top it is.
    assert_eq!(
        href_of(&sync, "Onboarding Checklist"),
        "../guides/onboarding-checklist.html"
    );
    // The same document under another text (`?tab=t.0`) goes there too.
    assert_eq!(
        href_of(&sync, "onboarding checklist"),
        "../guides/onboarding-checklist.html"
    );
    // `[links.google_docs]` in orgbook.toml, for a page without front matter; `/view`.
    assert_eq!(
        href_of(&sync, "IR policy"),
        "../security/incident-response-policy.html"
    );
    // Two pages are titled "Runbook": which one is not guessed.
    assert_eq!(
        href_of(&sync, "Runbook"),
        format!("https://docs.google.com/document/d/{RUNBOOK}/edit")
    );
    // No page is that document (`u/1/`, `?tab=t.0`).
    assert_eq!(
        href_of(&sync, "Vendor security questionnaire"),
        format!("https://docs.google.com/document/u/1/d/{QUESTIONNAIRE}/edit?tab=t.0")
    );
    // Slides and Sheets are not Docs: untouched.
    let google: Vec<String> = sync
        .select(&sel(".prose a"))
        .filter_map(|a| a.value().attr("href"))
        .filter(|h| h.contains("/presentation/d/") || h.contains("/spreadsheets/d/"))
        .map(str::to_string)
        .collect();
    assert_eq!(
        google,
        [
            "https://docs.google.com/presentation/d/1v-1Aj3SyOtybfHN27xiZd5GJ5XOm9qYtgYBEmkSs9YV/edit?usp=sharing&ouid=109608300285541751140&rtpof=true&sd=true",
            "https://docs.google.com/spreadsheets/d/1elW-NVRJtphfUxoR-TG7nAevIXOcA-jd-DwxvXviyGn/edit#gid=0",
        ]
    );

    // In raw HTML too (Docs to Markdown writes tables as HTML tables); a Sheet stays.
    let onboarding = book.html("guides/onboarding-checklist.html");
    assert_eq!(
        href_of(&onboarding, "Access Review Process"),
        "../process/access-review.html"
    );
    assert!(
        href_of(&onboarding, "on-call rota").starts_with("https://docs.google.com/spreadsheets/d/")
    );

    let evidence = book.html("engineering/staging-evidence.html");
    // The id the old Docs to Markdown comment gives (`Source doc: …open?id=…`).
    assert_eq!(
        href_of(&evidence, "Database Migration Execution Plan v1.0"),
        "../engineering/database-migration-plan.html"
    );
    // A heading id of the declared page is kept.
    assert_eq!(
        href_of(&evidence, "Access Review Process, rollback"),
        "../process/access-review.html#rollback"
    );
    // A link whose text is its address: the document another page's link named.
    let pasted = format!("https://docs.google.com/document/d/{ONBOARDING}/edit?usp=sharing");
    assert_eq!(
        href_of(&evidence, &pasted),
        "../guides/onboarding-checklist.html"
    );
    assert_eq!(
        href_of(&evidence, "Runbook"),
        format!("https://docs.google.com/document/d/{RUNBOOK}/edit")
    );

    // One note per document left to Drive, naming the pages that link to it and the two
    // ways to map it; none for the documents mapped.
    assert_eq!(
        run.stderr.matches("note[unmapped-google-doc]").count(),
        2,
        "{}",
        run.stderr
    );
    run.stderr_has(&format!(
        "note[unmapped-google-doc]: the Google Doc {RUNBOOK} is linked from 2 pages (content/engineering/staging-evidence.md, content/meetings/platform-sync-2025.md)"
    ))
    .stderr_has("the text \"Runbook\" is the title or file name of 2 pages (content/payments/runbook.md, content/search/runbook.md)")
    .stderr_has(&format!(
        "note[unmapped-google-doc]: the Google Doc {QUESTIONNAIRE} is linked from 1 page (content/meetings/platform-sync-2025.md)"
    ))
    .stderr_has("`google_doc:")
    .stderr_has("[links.google_docs]");
}

/// Two pages naming one document: an error naming both, at the second's key (in path
/// order, which keeps the first).
#[test]
fn two_pages_naming_one_google_doc_is_an_error_naming_both() {
    let book = TestBook::fixture("gdocs-links");
    book.edit(
        "content/payments/runbook.md",
        "# Runbook\n",
        "---\ngoogle_doc: 1fpzYSLsHnH0PInPNczjzo6Xjm1cm2Y4Mu0DnAXyrr_n\n---\n# Runbook\n",
    );
    book.build()
        .failure(1)
        .stderr_has("error[duplicate-google-doc]: content/payments/runbook.md and content/process/access-review.md both name the Google Doc 1fpzYSLsHnH0PInPNczjzo6Xjm1cm2Y4Mu0DnAXyrr_n")
        .stderr_has("--> content/process/access-review.md:3:13");
}

/// The settings' table naming a file that is not there: an error at its line.
#[test]
fn a_google_doc_mapped_to_a_missing_page_is_a_settings_error() {
    let book = TestBook::fixture("gdocs-links");
    book.edit(
        "orgbook.toml",
        "\"security/incident-response-policy.md\"",
        "\"security/incident-response.md\"",
    );
    book.build()
        .failure(1)
        .stderr_has("error[invalid-value]: [links.google_docs] maps the Google Doc 1rDt6x9lJZ4iaEkIF-uYH72crmw2cI-QFNxjMdpjgl6i to content/security/incident-response.md, which is not a page of the handbook")
        .stderr_has("--> orgbook.toml:6:")
        .stderr_has("did you mean \"security/incident-response-policy.md\"?")
        .stderr_lacks("note[unmapped-google-doc]: the Google Doc 1rDt6x9");
}

/// A handbook without links to Google Docs hears nothing of them.
#[test]
fn a_handbook_without_google_docs_links_gets_no_note() {
    let book = TestBook::fixture("basic");
    book.build().success().stderr_lacks("google-doc");
}
