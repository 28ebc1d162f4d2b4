//! Any text as an architecture decision record (adr-tools / Nygard, MADR): the importer
//! must never panic, whatever the file name's number.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 25);
    let mut opts = orgbook::import::ImportOptions::new("platform", 2, today);
    opts.git_dates = false;
    for name in ["0007-use-kafka.md", "adr-12.md", "x.md", "records/0010-a/index.md"] {
        let _ = orgbook::import::parse_adr(name, text, &opts);
    }
});
