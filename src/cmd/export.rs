//! `orgbook export backstage`: the team hierarchy as Backstage catalog entities, printed
//! or written as files Backstage can register (docs/backstage.md).

use super::new::shown;
use super::report::{self, EXIT_ERRORS, EXIT_OK};
use crate::cli::{ExportBackstageArgs, ExportCommand};
use orgbook::export::backstage;
use std::path::Path;

pub fn execute(command: ExportCommand) -> u8 {
    match command {
        ExportCommand::Backstage(args) => backstage(args),
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
        "Exported {} group(s), {} user(s) and {} component(s); register {} in Backstage as a location",
        catalog.groups.len(),
        catalog.users.len(),
        catalog.components.len(),
        shown(&dir.join(backstage::LOCATION_FILE))
    );
    EXIT_OK
}

/// Export files are generated, so re-running the export replaces them; written beside the
/// target and renamed so that Backstage never reads half a file.
fn write_replacing(path: &Path, text: &str) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = path.with_extension(format!("yaml.orgbook-{}", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
