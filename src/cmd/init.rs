//! `orgbook init DIR`: write a small starter handbook that builds cleanly, so a new
//! handbook starts from working examples of every kind of file.

use super::new::{fail, shown, today};
use super::report::{EXIT_ERRORS, EXIT_OK};
use crate::cli::InitArgs;
use orgbook::scaffold;
use std::path::Path;

pub fn execute(args: InitArgs) -> u8 {
    let Some(today) = today() else {
        return EXIT_ERRORS;
    };
    // A docs site already there becomes the handbook (see `existing_site`).
    let existing = orgbook::existing_site::find(&args.dir);
    let title = args
        .title
        .clone()
        .or_else(|| existing.as_ref()?.title.clone())
        .unwrap_or_else(|| default_title(&args.dir));
    let files = match scaffold::plan_init(&args.dir, &title, today, args.empty, existing.as_ref()) {
        Ok(files) => files,
        Err(e) => return fail(&e),
    };
    for (rel, text) in &files {
        match scaffold::write_new(&args.dir, rel, text) {
            Ok(path) => outln!("{}", shown(&path)),
            Err(e) => return fail(&e),
        }
    }
    match existing {
        Some(site) => {
            errln!(
                "Made the {} in {}/{} the handbook \"{title}\". Next: `orgbook check --root {}` lists what to fix, `orgbook serve --root {}` previews it",
                match site.pages {
                    1 => "Markdown file".to_string(),
                    n => format!("{n} Markdown files"),
                },
                shown(&args.dir.join(&site.folder)),
                site.what
                    .map(|what| format!(" ({what})"))
                    .unwrap_or_default(),
                shown(&args.dir),
                shown(&args.dir)
            );
            for other in &site.other_moves {
                errln!("note: {other}");
            }
            let plain = orgbook::existing_site::plain_team_pages(&args.dir.join(&site.folder));
            if plain > 0 {
                errln!(
                    "note: {}/teams/ holds {} without a charter's front matter: orgbook keeps team charters there, so {} published as plain pages only while the handbook has no charter; to keep {} pages for good, move the folder (`git mv {}/teams {}/our-teams`)",
                    site.folder,
                    if plain == 1 {
                        "1 page".to_string()
                    } else {
                        format!("{plain} pages")
                    },
                    if plain == 1 { "it is" } else { "they are" },
                    if plain == 1 { "it" } else { "them" },
                    site.folder,
                    site.folder,
                );
            }
        }
        None => {
            errln!(
                "Created the handbook \"{title}\" in {}. Next: `orgbook build --root {}`, then open public/index.html",
                shown(&args.dir),
                shown(&args.dir)
            );
            // Pages already here in folders of their own (a plain-Markdown repository):
            // the handbook does not read them until they are in content/.
            let outside = orgbook::existing_site::markdown_outside_content(&args.dir);
            if let (n @ 1.., Some(first)) = (outside.count, &outside.first) {
                let (count, them) = match n {
                    1 => ("1 Markdown file here is".to_string(), "it"),
                    n => (format!("{n} Markdown files here are"), "them"),
                };
                errln!(
                    "note: {count} outside content/ ({first}{}), so the handbook leaves {them} out; to publish {them}, move {them} into content/ ({}) and build again",
                    if n > 1 { ", …" } else { "" },
                    move_command(&outside.tops),
                );
            }
        }
    }
    EXIT_OK
}

/// The `git mv` that moves `tops` (folders and files at the top of the repository) into
/// content/, naming each when they are few enough to read; else how many, and the first.
fn move_command(tops: &[String]) -> String {
    const NAMED: usize = 8;
    let quoted: Vec<String> = tops
        .iter()
        .map(|t| {
            if t.contains(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))) {
                format!("'{}'", t.replace('\'', "'\\''"))
            } else {
                t.clone()
            }
        })
        .collect();
    if quoted.len() <= NAMED {
        format!("`git mv {} content/`", quoted.join(" "))
    } else {
        format!(
            "`git mv` each of the {} folders and files that hold them: {}, …",
            quoted.len(),
            quoted[..NAMED].join(", ")
        )
    }
}

/// "acme" → "Acme Handbook"; a folder already called "…handbook" is not doubled.
fn default_title(dir: &Path) -> String {
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let name = abs
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(n) => Some(n.to_string_lossy().into_owned()),
            _ => None,
        })
        .next_back()
        .unwrap_or_default();
    let words = scaffold::title_from_slug(&scaffold::slugify(&name));
    if words.is_empty() {
        "Handbook".into()
    } else if words.to_lowercase().contains("handbook") {
        words
    } else {
        format!("{words} Handbook")
    }
}
