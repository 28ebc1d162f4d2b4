//! `orgbook import services PATH...`: the service catalog files kept in each repository
//! (OpsLevel, Cortex, Compass, Datadog, mixed) into one charter per owning team, its
//! services as `owns`; the files are read and mapped by [`orgbook::import::services`].

use std::collections::BTreeMap;

use super::{
    Exit, GROUPS, Summary, UNDATED_FILE, checked_parent, finish, last_changed, nothing_imported,
    nothing_new, print_notes, read_source, starter_note_due, stop_on,
};
use crate::cli::ImportServicesArgs;
use crate::cmd::report::{self, EXIT_ERRORS, EXIT_USAGE};
use orgbook::import::services::{self, Format};
use orgbook::scaffold::{ScaffoldError, Survey};
use orgbook::text::counted;

pub(super) fn run(args: ImportServicesArgs) -> Exit {
    let root = report::find_root(&args.root)?;
    let parent = checked_parent(&root, &args.parent)?;
    let parent = parent.as_deref();
    let survey = Survey::of(&root);
    let aliases = owner_aliases(&args.owners, &survey)?;
    let found = services::find_files(&args.paths).map_err(nothing_imported)?;
    let shown = || {
        args.paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if let Some(first) = found.backstage.first() {
        errln!(
            "note: {} (the first: {}) {} not read here: import them with `orgbook import backstage`",
            counted(
                found.backstage.len(),
                "Backstage catalog file",
                "Backstage catalog files"
            ),
            first.display(),
            if found.backstage.len() == 1 {
                "is"
            } else {
                "are"
            }
        );
    }
    if found.files.is_empty() {
        errln!(
            "error: no service catalog files in {}: orgbook looks for opslevel.yml, cortex.yaml, compass.yml and service.datadog.yaml",
            shown()
        );
        return Err(EXIT_ERRORS);
    }
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut all = Vec::new();
    let mut per_format: BTreeMap<Format, usize> = BTreeMap::new();
    for (path, format, rel) in &found.files {
        let Ok(read) = read_source(path).map_err(|e| errors.push(e)) else {
            continue;
        };
        notes.extend(read.legacy);
        let repo = services::repo_name(path);
        match services::read_file((&read.file, rel), *format, &read.text, &repo, &mut notes) {
            Ok(source) => {
                if let Some(why) = source.skipped {
                    errln!("skipped: {}: {why}", read.file);
                    continue;
                }
                *per_format.entry(*format).or_default() += 1;
                all.extend(source.services);
            }
            Err(e) => errors.push(e),
        }
    }
    print_notes(&notes);
    stop_on(&errors)?;
    if all.is_empty() {
        errln!(
            "error: no services in the {} of {}",
            counted(found.files.len(), "catalog file", "catalog files"),
            shown()
        );
        return Err(EXIT_ERRORS);
    }
    let plan = services::plan(&all, &survey, &aliases, parent, last_changed());
    print_notes(&plan.notes);
    let count = plan.count;
    let read: Vec<String> = per_format
        .iter()
        .map(|(f, n)| format!("{n} {}", f.name()))
        .collect();
    if plan.files.is_empty() {
        return nothing_new(format_args!(
            "the {} of {} ({}) belong to {} of the handbook already, or to no team; {} above",
            counted(plan.services, "service", "services"),
            counted(found.files.len(), "file", "files"),
            read.join(", "),
            counted(count.existing, "charter", "charters"),
            counted(plan.notes.len(), "note", "notes")
        ));
    }
    let with = format!(
        "{} from {} ({})",
        counted(count.owned, "owned service", "owned services"),
        counted(per_format.values().sum::<usize>(), "file", "files"),
        read.join(", ")
    );
    let mut summary = Summary::charters(args.dry_run, plan.files.len(), count, GROUPS, &with);
    summary.count(
        count.existing,
        (
            "team was a charter already and is kept as it is",
            "teams were charters already and are kept as they are",
        ),
    );
    summary.count(
        plan.unowned,
        (
            "service names no owner, and no charter owns it (notes above)",
            "services name no owner, and no charter owns them (notes above)",
        ),
    );
    summary.count(
        plan.unknown_owner,
        (
            "service is owned by an address, a channel or an id that is no team's (notes above; `--owner NAME=TEAM` names the team)",
            "services are owned by an address, a channel or an id that is no team's (notes above; `--owner NAME=TEAM` names the team)",
        ),
    );
    summary.always(
        "each team's problem and metric are placeholders to fill in (the health page lists them)",
    );
    summary.count(count.undated, UNDATED_FILE);
    finish(
        &root,
        &survey,
        &plan.files,
        args.dry_run,
        starter_note_due(parent),
        summary,
    )
}

/// `--owner NAME=TEAM` pairs, by the owner as written (lowercase, without a channel's
/// `#`), each to a team's id: a charter of the handbook named as content names one
/// ([`Survey::team`]), else the slug of a new charter. A name two charters share, or a
/// team that is neither, is refused before anything is read.
fn owner_aliases(pairs: &[String], survey: &Survey) -> Exit<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for pair in pairs {
        let Some((name, team)) = pair.rsplit_once('=') else {
            errln!(
                "error: --owner {pair}: expected NAME=TEAM, e.g. --owner 'ari:cloud:identity::team/…=crew'"
            );
            return Err(EXIT_ERRORS);
        };
        let team = team.trim();
        let id = match survey.team(team) {
            Ok((id, _)) => id.to_owned(),
            Err(e @ ScaffoldError::AmbiguousTeam { .. }) => {
                errln!("error: --owner {pair}: {e}");
                errln!("  = help: {}", e.help().unwrap_or_default());
                return Err(EXIT_USAGE);
            }
            Err(_) if !team.is_empty() && orgbook::scaffold::slugify(team) == team => {
                team.to_owned()
            }
            Err(e) => {
                let near = match e {
                    ScaffoldError::UnknownTeam {
                        suggestion: Some(s),
                        ..
                    } => format!("; did you mean `{s}`?"),
                    _ => String::new(),
                };
                errln!(
                    "error: --owner {pair}: `{team}` is no charter's slug or name, nor a slug for a new one (lowercase words joined by `-`, e.g. `{}`){near}",
                    orgbook::scaffold::slugify(team)
                );
                return Err(EXIT_ERRORS);
            }
        };
        out.insert(name.trim().trim_start_matches('#').to_lowercase(), id);
    }
    Ok(out)
}
