//! Embeds the default theme (themes/default) into the binary so `orgbook` works anywhere,
//! without a theme folder beside the handbook. Generates a table of (path, bytes) with
//! `include_bytes!`, so adding a file to the theme needs no code change.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/search/jsmin.rs"]
mod jsmin;

fn main() {
    let theme = Path::new("themes/default");
    println!("cargo:rerun-if-changed=themes/default");
    let mut files = Vec::new();
    collect(theme, theme, &mut files);
    files.sort();
    let mut out = String::from("pub static DEFAULT_THEME: &[(&str, &[u8])] = &[\n");
    println!("cargo:rerun-if-changed=src/search/jsmin.rs");
    let out_dir = std::path::PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for rel in &files {
        let mut abs = std::fs::canonicalize(theme.join(rel)).expect("theme file");
        println!("cargo:rerun-if-changed={}", abs.display());
        // The search client ships without its comments (see src/search/jsmin.rs).
        if rel == "static/orgbook/search.js" {
            let src = std::fs::read_to_string(&abs).expect("search.js is UTF-8");
            abs = out_dir.join("search.js");
            std::fs::write(&abs, jsmin::strip(&src)).expect("write search.js");
        }
        let _ = writeln!(
            out,
            "    ({rel:?}, include_bytes!({:?})),",
            abs.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("default_theme.rs");
    std::fs::write(dest, out).expect("write theme table");
}

fn collect(base: &Path, dir: &Path, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(base, &path, out);
        } else if let Ok(rel) = path.strip_prefix(base) {
            let rel = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push(rel);
        }
    }
}
