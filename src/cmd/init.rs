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
    // Pages already here in folders of their own (a plain-Markdown repository): they are
    // the handbook once the user moves them into content/, its README the home page.
    let outside = match existing {
        Some(_) => Default::default(),
        None => orgbook::existing_site::markdown_outside_content(&args.dir),
    };
    let title = args
        .title
        .clone()
        .or_else(|| existing.as_ref()?.title.clone())
        .or_else(|| outside.title.clone())
        .unwrap_or_else(|| default_title(&args.dir));
    let files = match scaffold::plan_init(
        &args.dir,
        &title,
        today,
        args.empty,
        existing.as_ref(),
        &outside.tops,
    ) {
        Ok(files) => files,
        Err(e) => {
            let code = fail(&e);
            team_data_notes(&args.dir);
            return code;
        }
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
        None if outside.count == 0 => {
            // `orgbook init .`: "in ..", and a `--root .` that changes nothing, read oddly.
            let (place, root) = match shown(&args.dir).as_str() {
                "." | "" => ("here".to_string(), String::new()),
                dir => (format!("in {dir}"), format!(" --root {dir}")),
            };
            errln!(
                "Created the handbook \"{title}\" {place}. Next: `orgbook serve{root}` to preview it, or `orgbook build{root}` and open public/index.html"
            );
        }
        None => {
            let home = outside.home();
            errln!(
                "Created the handbook \"{title}\" in {}: {}, since the Markdown files here are its pages{}",
                shown(&args.dir),
                if args.empty {
                    "what `--empty` writes"
                } else {
                    "its configuration only, no sample pages"
                },
                home.map(|h| format!(" and {h} its home page"))
                    .unwrap_or_default(),
            );
            let (count, them, they) = match outside.count {
                1 => ("1 Markdown file here is".to_string(), "it", "it is"),
                n => (format!("{n} Markdown files here are"), "them", "they are"),
            };
            errln!(
                "note: {count} outside content/ ({}{}), so the handbook leaves {them} out until {they} moved in; to move {them}, run:",
                outside.first.as_deref().unwrap_or_default(),
                if outside.count > 1 { ", …" } else { "" },
            );
            for line in move_command(&args.dir, &outside.tops) {
                errln!("    {line}");
            }
            let left = orgbook::existing_site::left_behind_links(&args.dir, &outside);
            if let (Some(home), false) = (home, left.is_empty()) {
                errln!(
                    "  {home} links to {}, which {} at the top where GitHub shows {}: once it is content/{home}, write those links with `../` ({}){}",
                    left.join(", "),
                    if left.len() == 1 { "stays" } else { "stay" },
                    if left.len() == 1 { "it" } else { "them" },
                    left.iter()
                        .map(|f| format!("`../{f}`"))
                        .collect::<Vec<_>>()
                        .join(", "),
                    if scaffold::git_repository(&args.dir).is_some() {
                        ", which go to the repository on its forge"
                    } else {
                        ", and set `url` under `[repository]` in orgbook.toml so they go to the repository on its forge"
                    },
                );
            }
            errln!(
                "  then `orgbook check --root {}` lists what to fix, and `orgbook serve --root {}` previews it",
                shown(&args.dir),
                shown(&args.dir)
            );
        }
    }
    team_data_notes(&args.dir);
    EXIT_OK
}

/// A note for each set of team definitions kept as data in `dir` ([`orgbook::team_data`]):
/// a governance repository's organisation, which `init` would otherwise pass over.
fn team_data_notes(dir: &Path) {
    for data in orgbook::team_data::find(dir) {
        errln!("note: {}", data.note(&shown(&dir.join(data.path()))));
    }
}

/// The shell command that moves `tops` (folders and files at the top of `dir`) into
/// content/, every one named so that it pastes and runs: `git mv` in a repository, `mv`
/// outside one; run in a subshell from another folder; wrapped with `\` past `WIDTH`
/// characters, one line of the result each.
fn move_command(dir: &Path, tops: &[String]) -> Vec<String> {
    const WIDTH: usize = 76;
    let abs = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mv = if abs.ancestors().any(|a| a.join(".git").exists()) {
        "git mv"
    } else {
        "mv"
    };
    let at = shown(dir);
    let (cd, end) = if at == "." {
        (String::new(), "")
    } else {
        (format!("(cd {} && ", shell_word(&at)), ")")
    };
    let words = tops
        .iter()
        .map(|t| shell_word(t))
        .chain(std::iter::once(format!("content/{end}")));
    let mut lines = vec![format!("{cd}mkdir -p content && {mv}")];
    for word in words {
        let last = lines.last_mut().expect("one line at least");
        if last.len() + 1 + word.len() > WIDTH {
            last.push_str(" \\");
            lines.push(format!("  {word}"));
        } else {
            last.push(' ');
            last.push_str(&word);
        }
    }
    lines
}

/// `name` as one word of a POSIX shell command, quoted when it has to be.
fn shell_word(name: &str) -> String {
    if !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))
    {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "'\\''"))
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
