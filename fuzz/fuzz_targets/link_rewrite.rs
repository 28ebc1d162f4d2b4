//! Any Markdown body (links, images, raw HTML, headings), as a `.md` and an `.mdx` page, in
//! a small linked handbook: link rewriting, the raw-HTML policy and anchor checks must
//! never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use orgbook::load::{Loaded, parse_doc};

const TEAM: &str = "+++\nname = \"Platform\"\nproblem = \"p\"\nlead = \"L\"\nmembers = [\"L\"]\n[[metrics]]\nname = \"m\"\ntarget = \"t\"\n+++\n# Platform\n\n## How we work\n";
const SETUP: &str = "# Setup\n\n## Access {#access}\n\n<a id=\"legacy\"></a>\n";

fuzz_target!(|data: &[u8]| {
    let Ok(body) = std::str::from_utf8(data) else { return };
    let mut diags = Vec::new();
    let mut docs = Vec::new();
    for (rel, text) in [
        ("guide/fuzz.md", body.to_string()),
        // The same body as MDX: indented code is read as Markdown there.
        ("guide/tabs.mdx", body.to_string()),
        ("guide/setup.md", SETUP.to_string()),
        ("teams/platform.md", TEAM.to_string()),
    ] {
        if let Some(doc) = parse_doc(format!("content/{rel}"), rel, text, &mut diags) {
            docs.push(doc);
        }
    }
    docs.sort_by(|a, b| a.source.path.cmp(&b.source.path));
    let loaded = Loaded {
        docs,
        assets: vec![
            "guide/onboarding.pdf".into(),
            "guide/onboarding/x.png".into(),
            "img/logo.png".into(),
        ],
        unparsed: Vec::new(),
        drafts: Vec::new(),
        folder_settings: Default::default(),
        nav_order: Default::default(),
        static_files: ["static/logo.svg".to_string()].into(),
        code_owners: None,
        root: None,
        redirect_files: Default::default(),
    };
    let config = orgbook::config::parse("title = \"Fuzz\"\n").expect("valid config");
    let mut linked = orgbook::site::link(config, loaded);
    let marked = orgbook::site::markdown_stage(&mut linked.handbook);
    for d in marked.diags() {
        let _ = orgbook::diagnostic::render(d, orgbook::diagnostic::Format::Human);
    }
});
