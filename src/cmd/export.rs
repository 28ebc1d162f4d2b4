//! `orgbook export backstage`: the team hierarchy as Backstage catalog entities, printed
//! or written as files Backstage can register (docs/backstage.md); `orgbook export
//! team-api`: each team as a Team API document, written into a folder (docs/import.md).

use super::new::shown;
use super::report::{self, EXIT_ERRORS, EXIT_OK};
use crate::cli::{ExportBackstageArgs, ExportCommand, ExportTeamApiArgs};
use orgbook::export::{backstage, team_api};
use orgbook::load::CONTENT_DIR;
use orgbook::text::counted;
use std::path::{Path, PathBuf};

pub fn execute(command: ExportCommand) -> u8 {
    match command {
        ExportCommand::Backstage(args) => backstage(args),
        ExportCommand::TeamApi(args) => team_api(args),
    }
}

fn backstage(args: ExportBackstageArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    // Loaded and linked, not rendered: an export needs the checked structure (teams,
    // parents, decisions), not pages. The stages (and the fallback config when
    // orgbook.toml is broken) are `build`'s.
    let linked = orgbook::site::linked(&root);
    let (handbook, diags) = (linked.handbook, linked.diags);
    // An export of a handbook that does not build would publish references that do not
    // resolve: refuse, as `build` does.
    if report::report(&diags, &args.report) {
        errln!("Export refused: fix the errors above first");
        return EXIT_ERRORS;
    }
    let catalog = backstage::catalog(&handbook);
    let Some(dir) = &args.output else {
        out!("{}", catalog.to_yaml());
        return EXIT_OK;
    };
    let files = [
        (
            backstage::LOCATION_FILE,
            backstage::yaml_stream(&[backstage::location(&handbook)]),
        ),
        (
            backstage::GROUPS_FILE,
            backstage::yaml_stream(&catalog.groups),
        ),
        (
            backstage::USERS_FILE,
            backstage::yaml_stream(&catalog.users),
        ),
        (
            backstage::COMPONENTS_FILE,
            backstage::yaml_stream(&catalog.components),
        ),
    ];
    for (name, yaml) in &files {
        match write_replacing(&dir.join(name), yaml) {
            Ok(()) => outln!("{}", shown(&dir.join(name))),
            Err(e) => {
                errln!("error: cannot write {}: {e}", dir.join(name).display());
                return EXIT_ERRORS;
            }
        }
    }
    errln!(
        "Exported {}, {} and {}; register {} in Backstage as a location",
        counted(catalog.groups.len(), "group", "groups"),
        counted(catalog.users.len(), "user", "users"),
        counted(catalog.components.len(), "component", "components"),
        shown(&dir.join(backstage::LOCATION_FILE))
    );
    EXIT_OK
}

fn team_api(args: ExportTeamApiArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let dir = &args.output;
    // Inside content/ the documents would become pages of the handbook they describe.
    let content = lenient_canonical(&root.join(CONTENT_DIR));
    if lenient_canonical(dir).starts_with(&content) {
        errln!(
            "error: {} is inside the handbook's content folder, where the documents would become pages",
            dir.display()
        );
        errln!("  = help: export into a folder outside content/, e.g. `--output team-apis`");
        return report::EXIT_USAGE;
    }
    let linked = orgbook::site::linked(&root);
    if report::report(&linked.diags, &args.report) {
        errln!("Export refused: fix the errors above first");
        return EXIT_ERRORS;
    }
    let documents = team_api::documents(&linked.handbook);
    let wanted: Vec<&str> = documents.iter().map(|d| d.file_name.as_str()).collect();
    // Everything is checked before anything is written: a file the export did not write
    // (a team's own Team API page, kept by hand) is never replaced, and the export is
    // all or nothing.
    let existing = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".md"))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) => {
            errln!("error: cannot read {}: {e}", dir.display());
            return EXIT_ERRORS;
        }
    };
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for name in existing {
        if is_exported(&dir.join(&name)) {
            ours.push(name);
        } else if wanted.contains(&name.as_str()) {
            theirs.push(name);
        }
    }
    if !theirs.is_empty() {
        theirs.sort();
        for name in &theirs {
            errln!(
                "error: {} exists and was not written by `orgbook export team-api`; not replaced",
                shown(&dir.join(name))
            );
        }
        errln!("  = help: move those files away, or export into another folder");
        return EXIT_ERRORS;
    }
    for d in &documents {
        if let Err(e) = write_replacing(&dir.join(&d.file_name), &d.text) {
            errln!(
                "error: cannot write {}: {e}",
                dir.join(&d.file_name).display()
            );
            return EXIT_ERRORS;
        }
        outln!("{}", shown(&dir.join(&d.file_name)));
    }
    // A team that left the handbook leaves the export too; only files it wrote go.
    ours.sort();
    let mut removed = 0;
    for name in ours.iter().filter(|n| !wanted.contains(&n.as_str())) {
        match std::fs::remove_file(dir.join(name)) {
            Ok(()) => removed += 1,
            Err(e) => errln!("warning: cannot remove {}: {e}", dir.join(name).display()),
        }
    }
    errln!(
        "Exported {} as Team API documents into {}{}",
        counted(documents.len(), "team", "teams"),
        shown(dir),
        if removed > 0 {
            format!("; removed {removed} of a team no longer in the handbook")
        } else {
            String::new()
        }
    );
    EXIT_OK
}

/// Whether a file is one this export wrote: its front matter opens with the marker.
fn is_exported(path: &Path) -> bool {
    std::fs::read_to_string(path).is_ok_and(|text| {
        let mut lines = text.lines();
        lines.next() == Some("---")
            && lines
                .next()
                .is_some_and(|l| l.starts_with(team_api::MARKER))
    })
}

/// The path with symlinks resolved as far as it exists: a folder still to be created is
/// compared by where it will be.
fn lenient_canonical(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(c) = existing.canonicalize() {
            return rest.iter().rev().fold(c, |p, part| p.join(part));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Export files are generated, so re-running the export replaces them; written beside the
/// target and renamed so that Backstage never reads half a file.
fn write_replacing(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let mut tmp_name = path.file_name().unwrap_or_default().to_owned();
    tmp_name.push(format!(".orgbook-{}", std::process::id()));
    let tmp = path.with_file_name(tmp_name);
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
