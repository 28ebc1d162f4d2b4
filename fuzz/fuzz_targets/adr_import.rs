//! Any text as an architecture decision record (adr-tools / Nygard, MADR) and as a Team
//! API document: the importers must never panic, whatever the file name's number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgbook::import::team_api::{Reading, plan, read_team_api};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 25);
    let mut opts = orgbook::import::ImportOptions::new("platform", 2, today);
    opts.git_dates = false;
    for name in ["0007-use-kafka.md", "adr-12.md", "x.md", "records/0010-a/index.md"] {
        let _ = orgbook::import::parse_adr(name, text, &opts);
    }
    // Twice, so that the plan also sees two documents naming each other.
    let docs: Vec<_> = ["teams/payments/README.md", "TEMPLATE.md"]
        .iter()
        .filter_map(|f| match read_team_api(f, text, Some("payments")) {
            Reading::Team(t) => Some(*t),
            Reading::Skipped(_) => None,
        })
        .collect();
    let _ = plan(docs, &Default::default(), None, today);
});
