//! Any text as an architecture decision record (adr-tools / Nygard, MADR) and as a page
//! of several of them, as a Team API document and as each service catalog's file
//! (OpsLevel, Cortex, Compass, Datadog): the importers must never panic, whatever the
//! file name's number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgbook::import::services::{self, Format};
use orgbook::import::team_api::{Reading, plan, read_team_api};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 25);
    let mut opts = orgbook::import::ImportOptions::new("platform", 2, today);
    opts.git_dates = false;
    for name in ["0007-use-kafka.md", "adr-12.md", "x.md", "records/0010-a/index.md"] {
        let _ = orgbook::import::parse_adr(name, text, &opts);
    }
    // As a page of several records (`## ADR-001: …` headings), each part read as a file.
    let _ = orgbook::import::split_page("decisions.md", text, &opts);
    // Twice, so that the plan also sees two documents naming each other.
    let docs: Vec<_> = ["teams/payments/README.md", "TEMPLATE.md"]
        .iter()
        .filter_map(|f| match read_team_api(f, text, Some("payments")) {
            Reading::Team(t) => Some(*t),
            Reading::Skipped(_) => None,
        })
        .collect();
    let _ = plan(docs, &Default::default(), None, today);
    let mut services = Vec::new();
    let mut notes = Vec::new();
    for format in [Format::OpsLevel, Format::Cortex, Format::Compass, Format::Datadog] {
        if let Ok(source) = services::read_file(
            ("repos/checkout/x.yml", "checkout/x.yml"),
            format,
            text,
            "checkout",
            &mut notes,
        ) {
            services.extend(source.services);
        }
    }
    let _ = services::plan(
        &services,
        &Default::default(),
        &Default::default(),
        Some("platform"),
        |_| Some(today),
    );
});
