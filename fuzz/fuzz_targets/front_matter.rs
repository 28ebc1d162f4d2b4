//! Any bytes as a charter, decision, page, orgbook.toml or a folder's `_category_` file:
//! parsing must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = orgbook::config::parse(text);
    for rel in ["teams/x.md", "decisions/0001-x.md", "page.md", "_index.md", "page.mdx"] {
        let mut diags = Vec::new();
        let _ = orgbook::load::parse_doc(format!("content/{rel}"), rel, text.to_string(), &mut diags);
    }
    for file in ["content/g/_category_.json", "content/g/_category_.yml"] {
        let mut diags = Vec::new();
        let _ = orgbook::load::category::parse(file, text, &mut diags);
        for d in &diags {
            let _ = orgbook::diagnostic::render(d, orgbook::diagnostic::Format::Human);
        }
    }
});
