//! Theme loading and template layering: the built-in default theme, then
//! `themes/<name>/` on disk, then the handbook's own `templates/` — later layers win, file by
//! file, so a handbook overrides one template without copying the theme.
//!
//! Templates are compiled once per build into a single [`tera::Tera`], which the parallel
//! page renderers share read-only.

use crate::diagnostic::{Diagnostic, display_path};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// Templates (by name) and static files (by output path) of the effective theme.
pub struct Theme {
    pub templates: BTreeMap<String, TemplateSource>,
    pub static_files: BTreeMap<String, StaticFile>,
}

pub struct TemplateSource {
    pub text: String,
    /// Where the template came from, for error messages ("built-in" or a path).
    pub origin: String,
}

pub enum StaticFile {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

use crate::text::walk::files_under;

/// The default theme's stylesheet, inlined into `404.html`: a 404 page is served at any
/// path, where no relative link to `orgbook/style.css` can be trusted to resolve.
pub fn default_stylesheet() -> &'static str {
    default_file("static/orgbook/style.css")
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or("")
}

/// A file of the default theme as the binary ships it (`static/orgbook/search.js` without
/// its comments, see `build.rs`), by its path below `themes/default/`.
pub fn default_file(path: &str) -> Option<&'static [u8]> {
    embedded::DEFAULT_THEME
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, b)| *b)
}

pub fn load(root: &Path, theme_name: &str, diags: &mut Vec<Diagnostic>) -> Theme {
    let mut theme = Theme {
        templates: BTreeMap::new(),
        static_files: BTreeMap::new(),
    };
    if theme_name == "default" {
        for (path, bytes) in embedded::DEFAULT_THEME {
            if let Some(name) = path.strip_prefix("templates/") {
                theme.templates.insert(
                    name.to_string(),
                    TemplateSource {
                        text: String::from_utf8_lossy(bytes).into_owned(),
                        origin: format!("built-in theme ({path})"),
                    },
                );
            } else if let Some(name) = path.strip_prefix("static/") {
                theme
                    .static_files
                    .insert(name.to_string(), StaticFile::Embedded(bytes));
            }
        }
    }
    let theme_dir = root.join("themes").join(theme_name);
    if theme_name != "default" && !theme_dir.is_dir() {
        diags.push(
            Diagnostic::error(
                "unknown-theme",
                crate::config::CONFIG_FILE,
                format!("theme `{theme_name}` not found at themes/{theme_name}/"),
            )
            .with_help("remove `theme` to use the built-in default theme, or add the theme folder"),
        );
    }
    let mut read_templates = |dir: &Path, theme: &mut Theme| {
        for (name, path) in files_under(dir) {
            let shown = display_path(root, &path);
            match std::fs::read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => {
                    theme.templates.insert(
                        name,
                        TemplateSource {
                            text,
                            origin: shown,
                        },
                    );
                }
                // A template is the site's HTML: an error, as for a page, with the
                // encoding it looks like and the command that converts it.
                Ok(Err(e)) => diags.push(crate::text::legacy::not_utf8(
                    &shown,
                    e.as_bytes(),
                    e.utf8_error().valid_up_to(),
                )),
                Err(e) => diags.push(Diagnostic::error(
                    "io",
                    &shown,
                    format!("cannot read template: {e}"),
                )),
            }
        }
    };
    read_templates(&theme_dir.join("templates"), &mut theme);
    read_templates(&root.join("templates"), &mut theme);
    for (name, path) in files_under(&theme_dir.join("static")) {
        theme.static_files.insert(name, StaticFile::Disk(path));
    }
    theme
}

/// Compiles all templates. Errors name the template file.
pub fn compile(theme: &Theme, diags: &mut Vec<Diagnostic>) -> Option<tera::Tera> {
    let mut tera = tera::Tera::new();
    tera.autoescape_on([".html", ".xml"]);
    tera.register_filter("count", crate::ui_text::CountFilter::default());
    tera.register_filter("marked", crate::ui_text::CountFilter::marked());
    let all = theme
        .templates
        .iter()
        .map(|(name, t)| (name.as_str(), t.text.as_str()));
    if let Err(e) = tera.add_raw_templates(all) {
        // Tera's message carries ` --> name:line:col`; map the name back to its file.
        let msg = error_chain(&e);
        let location = msg.split("--> ").nth(1).and_then(|rest| {
            let mut parts = rest.split(|c: char| c == ':' || c.is_whitespace());
            let name = parts.next()?;
            let line: usize = parts.next()?.parse().ok()?;
            let col: usize = parts.next()?.parse().ok()?;
            Some((name.to_string(), line, col))
        });
        let summary = msg
            .lines()
            .next()
            .unwrap_or(&msg)
            .trim_start_matches("error: ")
            .to_string();
        let mut d = Diagnostic::error(
            "template",
            "templates",
            format!("template error: {summary}"),
        )
        .with_help("fix the template syntax (templates use Tera 2; see docs/theming.md)");
        if let Some((name, line, col)) = location
            && let Some(t) = theme.templates.get(&name)
        {
            d.file = t.origin.clone();
            let offset = t
                .text
                .split_inclusive('\n')
                .take(line.saturating_sub(1))
                .map(str::len)
                .sum::<usize>();
            let line_text = t.text[offset..].lines().next().unwrap_or("");
            let byte_col = line_text
                .char_indices()
                .nth(col.saturating_sub(1))
                .map_or(line_text.len(), |(i, _)| i);
            d = d.at(&t.text, offset + byte_col..offset + byte_col + 1);
        }
        diags.push(d);
        return None;
    }
    Some(tera)
}

/// Tera errors nest their cause; show the whole chain on one line.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut msg = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !msg.contains(&text) {
            msg.push_str(": ");
            msg.push_str(&text);
        }
        source = s.source();
    }
    msg
}
