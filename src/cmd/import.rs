//! `orgbook import adr DIR`, `orgbook import backstage PATH...`, `orgbook import team-api
//! PATH...` and `orgbook import sigs PATH`: bring decision records written for adr-tools,
//! MADR or log4brains, team structure kept in a Backstage catalog or a Kubernetes-style
//! `sigs.yaml`, and teams' own Team API pages into the handbook with one command.
//!
//! Reading and mapping live in the pure-ish [`orgbook::import`] module; this command
//! decides the owning team and the numbers already taken, writes everything or nothing
//! (never replacing a file), and prints a short report: what was skipped and why, the
//! old → new number table, guessed dates, links to fix, and the counts.

use super::new::{shown, today};
use super::report::{self, EXIT_ERRORS, EXIT_OK, EXIT_USAGE};
use crate::cli::{
    ImportAdrArgs, ImportBackstageArgs, ImportCommand, ImportPeribolosArgs, ImportRustTeamArgs,
    ImportSigsArgs, ImportTeamApiArgs,
};
use orgbook::import::{self, ATTACHMENTS_DIR, ImportOptions, ImportedDecision};
use orgbook::load::CONTENT_DIR;
use orgbook::scaffold::{self, Survey};

pub fn execute(command: ImportCommand) -> u8 {
    match command {
        ImportCommand::Adr(args) => adr(args),
        ImportCommand::Backstage(args) => backstage(args),
        ImportCommand::TeamApi(args) => team_api(args),
        ImportCommand::Sigs(args) => sigs(args),
        ImportCommand::Peribolos(args) => peribolos(args),
        ImportCommand::RustTeam(args) => rust_team(args),
    }
}

fn adr(args: ImportAdrArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    if !args.dir.is_dir() {
        errln!("error: {} is not a folder", args.dir.display());
        return EXIT_USAGE;
    }
    // Importing the handbook's own decisions folder would write each record beside its
    // source (and renumber it, its own number being taken): the sources must move out first.
    let own = root.join(CONTENT_DIR).join("decisions");
    if let (Ok(dir), Ok(own)) = (args.dir.canonicalize(), own.canonicalize())
        && dir.starts_with(&own)
    {
        errln!(
            "error: {} is inside the handbook's own decisions folder, where the import writes",
            args.dir.display()
        );
        errln!(
            "  = help: move the records out first, e.g. `git mv {CONTENT_DIR}/decisions adr && \
             orgbook import adr adr`"
        );
        return EXIT_USAGE;
    }
    if let Some(url) = &args.source_url
        && !url.contains("://")
    {
        errln!("error: --source-url `{url}` is not a web address");
        errln!(
            "  = help: give the address of the imported folder in its repository, e.g. \
             https://github.com/org/repo/tree/main/doc/adr"
        );
        return EXIT_USAGE;
    }
    let Some(today) = today() else {
        return EXIT_ERRORS;
    };
    let survey = Survey::of(&root);
    let team = match owning_team(&survey, args.team.as_deref()) {
        Ok(t) => t,
        Err(code) => return code,
    };
    let decisions_dir = root.join(CONTENT_DIR).join("decisions");
    let opts = ImportOptions {
        taken: survey.decisions.keys().copied().collect(),
        offset: args.offset,
        keep_numbers: args.keep_numbers,
        unstated_status: args.status.as_str(),
        source_url: args.source_url.clone(),
        into: Some(decisions_dir.clone()),
        existing: existing_decisions(&root, &survey),
        ..ImportOptions::new(&team, args.decision_type, today)
    };
    let coll = match import::import_dir(&args.dir, &opts) {
        Ok(c) => c,
        Err(e) => {
            errln!("error: cannot read {}: {e}", args.dir.display());
            return EXIT_ERRORS;
        }
    };
    for (file, why) in &coll.skipped {
        errln!("skipped: {file}: {why}");
    }
    let mut coll = coll;
    // Imported before (a second run, to pick up the records written since): left alone.
    let before = coll.decisions.len();
    coll.decisions.retain(|d| match &d.imported_as {
        Some(path) => {
            errln!("skipped: {}: imported before, as {path}", d.source);
            false
        }
        None => true,
    });
    let imported_before = before - coll.decisions.len();
    if !coll.errors.is_empty() {
        for p in &coll.errors {
            errln!("error: {p}");
        }
        errln!("Nothing imported: {} problem(s) above", coll.errors.len());
        return EXIT_ERRORS;
    }
    if coll.decisions.is_empty() && imported_before > 0 {
        errln!(
            "Nothing new to import: the {imported_before} record(s) of {} are in the handbook already",
            args.dir.display()
        );
        return EXIT_OK;
    }
    if coll.decisions.is_empty() {
        errln!(
            "error: no decision records (.md files with a status, date or number) in {}",
            args.dir.display()
        );
        return EXIT_ERRORS;
    }
    if let Some(clash) = coll
        .decisions
        .iter()
        .map(|d| root.join(target(d)))
        .find(|p| p.exists())
    {
        errln!(
            "error: {} already exists; orgbook never overwrites a file",
            shown(&clash)
        );
        return EXIT_ERRORS;
    }

    let mut copied = 0;
    for d in &coll.decisions {
        let rel = target(d);
        let text = import::to_orgbook_file(d, &opts);
        if args.dry_run {
            outln!("{rel}");
            continue;
        }
        if let Err(e) = scaffold::write_new(&root, &rel, &text) {
            // Only a file created since the check above gets here.
            errln!("error: {e}");
            return EXIT_ERRORS;
        }
    }
    for a in &coll.attachments {
        let to = decisions_dir.join(&a.to);
        if args.dry_run {
            outln!("{CONTENT_DIR}/decisions/{}", a.to);
            continue;
        }
        if to.exists() {
            // import_dir only reuses a name whose file has the same bytes.
            continue;
        }
        let result = std::fs::create_dir_all(to.parent().unwrap_or(&decisions_dir))
            .and_then(|()| std::fs::copy(&a.from, &to));
        if let Err(e) = result {
            errln!(
                "error: cannot copy {} to {}: {e}",
                a.from.display(),
                shown(&to)
            );
            return EXIT_ERRORS;
        }
        copied += 1;
    }
    if args.dry_run {
        copied = coll.attachments.len();
    }

    print_report(&coll, &opts, (copied, imported_before), args.dry_run);
    EXIT_OK
}

/// `counts`: attachments copied, and records left alone as imported before.
fn print_report(
    coll: &import::Collection,
    opts: &ImportOptions,
    (copied, imported_before): (usize, usize),
    dry_run: bool,
) {
    if !coll.renumbered.is_empty() {
        errln!("Renumbered (old -> new):");
        for (file, old, new) in &coll.renumbered {
            errln!("  {old} -> {new:04}  {file}");
        }
    }
    for link in &coll.repository_links {
        errln!("link: {link}");
    }
    // The report says what needs a person: lines not understood or read with an
    // assumption. What reconcile did to make both sides of a supersedes agree follows from
    // the source and is left out (it is in the written files).
    let notes: Vec<&String> = coll
        .decisions
        .iter()
        .flat_map(|d| &d.unmapped)
        .filter(|n| {
            !(n.contains(": status changed from ") || n.contains(" to supersedes, because "))
        })
        .collect();
    let notes = fold_dropped_keys(&notes);
    for note in &notes {
        errln!("note: {note}");
    }
    let mut counts = vec![format!(
        "{} {} decision(s) into content/decisions/ for team `{}` (type {})",
        imported(dry_run),
        coll.decisions.len(),
        opts.team,
        opts.decision_type
    )];
    let mut add = |n: usize, what: &str| {
        if n > 0 {
            counts.push(format!("{n} {what}"));
        }
    };
    add(imported_before, "imported before and left alone");
    add(coll.renumbered.len(), "renumbered");
    add(coll.offset, "moved by --offset");
    add(coll.git_dated, "dated from git");
    add(coll.today_dated.len(), "dated today");
    add(coll.skipped.len(), "files skipped");
    add(copied, &format!("attachments copied to {ATTACHMENTS_DIR}/"));
    add(coll.absolute_links, "links made absolute");
    add(coll.repository_links.len(), "links to fix");
    add(notes.len(), "notes to check");
    errln!("{}", counts.join(", "));
}

fn backstage(args: ImportBackstageArgs) -> u8 {
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let survey = Survey::of(&root);
    let catalog = match import::backstage::read_catalog(&args.paths) {
        Ok(c) => c,
        Err(errors) => {
            for e in &errors {
                errln!("error: {e}");
            }
            errln!("Nothing imported: {} problem(s) above", errors.len());
            return EXIT_ERRORS;
        }
    };
    // Each group's `reviewed`: when its catalog file last changed in git.
    let mut dates: std::collections::HashMap<String, Option<jiff::civil::Date>> =
        Default::default();
    let plan = import::backstage::plan(&catalog, &survey, |file| {
        *dates.entry(file.to_owned()).or_insert_with(|| {
            orgbook::gitdates::file_last_changed(std::path::Path::new(file))
                .and_then(|d| d.parse().ok())
        })
    });
    for note in &plan.notes {
        errln!("note: {note}");
    }
    if !plan.errors.is_empty() {
        for e in &plan.errors {
            errln!("error: {e}");
        }
        errln!("Nothing imported: {} problem(s) above", plan.errors.len());
        return EXIT_ERRORS;
    }
    if plan.files.is_empty() {
        // A re-run on a catalog the handbook has already, or a service's own
        // catalog-info.yaml whose owner is a charter, is not a failure: the notes say what
        // the catalog has that the charters do not. A catalog without a group or anything
        // a group could own is, most likely, the wrong file.
        let useful = catalog
            .entities
            .iter()
            .any(|e| e.kind == "group" || import::backstage::is_owned_kind(&e.kind));
        if catalog.entities.is_empty() {
            errln!(
                "error: no Backstage entities: no YAML document of {} has a `kind` and a `metadata.name` (is it a Backstage catalog?)",
                args.paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            return EXIT_ERRORS;
        }
        if !useful {
            errln!(
                "error: no Group entities in the catalog (nor anything a group owns) among {} entit(ies)",
                catalog.entities.len()
            );
            return EXIT_ERRORS;
        }
        if plan.count.existing > 0 {
            errln!(
                "Nothing new to import: {} group(s) of the catalog are charters of the handbook already; {} note(s) above",
                plan.count.existing,
                plan.notes.len()
            );
        } else {
            errln!(
                "Nothing imported: the catalog has no Group entities; the {} note(s) above say where what it holds belongs",
                plan.notes.len()
            );
        }
        return EXIT_OK;
    }
    if let Err(code) = write_charters(&root, &plan.files, args.dry_run) {
        return code;
    }
    if !plan.files.is_empty()
        && let Some(note) = starter_group_left(&survey)
    {
        errln!("note: {note}");
    }
    let kept = if plan.count.existing > 0 {
        format!(
            "; {} group(s) were charters already and are kept as they are",
            plan.count.existing
        )
    } else {
        String::new()
    };
    let undated = match plan.count.undated {
        0 => String::new(),
        n => format!(
            "; {n} charter(s) have no `reviewed` date (their catalog file has no git history), so the health page lists them as never reviewed until a review sets one"
        ),
    };
    let placeholders = match plan.count.without_problem {
        0 => "each team's metric is a placeholder".to_owned(),
        n if n == plan.count.teams => "each team's problem and metric are placeholders".to_owned(),
        n => format!(
            "each team's metric, and the problem of {n} team(s) without a description, are placeholders"
        ),
    };
    errln!(
        "{} {} charter(s) ({} team(s), {} group(s)) with {} member(s) and {} owned entit(ies) from {} entit(ies){kept}; \
         {placeholders} to fill in (the health page lists them){undated}",
        imported(args.dry_run),
        plan.files.len(),
        plan.count.teams,
        plan.count.groups,
        plan.count.members,
        plan.count.owned,
        catalog.entities.len(),
    );
    EXIT_OK
}

/// The notes to print, a key that several records carry without an orgbook equivalent
/// (a site generator's `parent`, `nav_order`) folded into one note: one line per record
/// would bury the notes that need a person.
fn fold_dropped_keys(notes: &[&String]) -> Vec<String> {
    const FOLD_FROM: usize = 3;
    const DROPPED: &str = "` has no orgbook key; dropped";
    // "file:line: `key: value` has no orgbook key; dropped" → key.
    let key_of = |n: &str| -> Option<String> {
        let start = n.find(": `")? + 3;
        n.ends_with(DROPPED).then_some(())?;
        let key = n[start..].split(':').next()?;
        Some(key.to_owned())
    };
    let mut count: std::collections::BTreeMap<String, usize> = Default::default();
    for n in notes {
        if let Some(k) = key_of(n) {
            *count.entry(k).or_default() += 1;
        }
    }
    let mut out = Vec::new();
    let mut folded = std::collections::BTreeSet::new();
    for n in notes {
        match key_of(n) {
            Some(k) if count[&k] >= FOLD_FROM => {
                if folded.insert(k.clone()) {
                    let first = n.split(": `").next().unwrap_or_default();
                    out.push(format!(
                        "`{k}` has no orgbook key; dropped in {} records (the first: {first})",
                        count[&k]
                    ));
                }
            }
            _ => out.push((*n).clone()),
        }
    }
    out
}

/// How the report starts: what was done, or with `--dry-run` what would be.
fn imported(dry_run: bool) -> &'static str {
    if dry_run { "Would import" } else { "Imported" }
}

/// Writes the planned charters, none if any of them is already there; with `dry_run`,
/// prints their paths instead.
fn write_charters(
    root: &std::path::Path,
    files: &[(String, String)],
    dry_run: bool,
) -> Result<(), u8> {
    if let Some((rel, _)) = files.iter().find(|(rel, _)| root.join(rel).exists()) {
        errln!("error: {rel} already exists; orgbook never overwrites a file");
        return Err(EXIT_ERRORS);
    }
    for (rel, text) in files {
        if dry_run {
            outln!("{rel}");
            continue;
        }
        if let Err(e) = scaffold::write_new(root, rel, text) {
            errln!("error: {e}");
            return Err(EXIT_ERRORS);
        }
    }
    Ok(())
}

fn team_api(args: ImportTeamApiArgs) -> u8 {
    use import::team_api::{self, Reading};
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(today) = today() else {
        return EXIT_ERRORS;
    };
    // Documents inside content/teams/ would stay there beside the charters made of them
    // (each a `foreign-charter` error): they must move out first.
    let own = root.join(CONTENT_DIR);
    if let Some(inside) = args.paths.iter().find(|p| {
        matches!((p.canonicalize(), own.canonicalize()), (Ok(p), Ok(own)) if p.starts_with(&own))
    }) {
        errln!(
            "error: {} is inside the handbook's content folder, where the import writes",
            inside.display()
        );
        errln!(
            "  = help: move the documents out first, e.g. `mkdir team-apis && git mv {CONTENT_DIR}/teams/payments.md team-apis/ && orgbook import team-api team-apis`"
        );
        return EXIT_USAGE;
    }
    let files = match team_api::markdown_files(&args.paths) {
        Ok(f) => f,
        Err(e) => {
            errln!("error: {e}");
            errln!("Nothing imported");
            return EXIT_ERRORS;
        }
    };
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for path in &files {
        let file = path.display().to_string();
        // Bytes that are not UTF-8 (an old Windows editor) cost a note, not the document,
        // as in `import adr`.
        let (text, legacy) = match orgbook::text::legacy::read_text(path) {
            Ok(read) => read,
            Err(e) => {
                errors.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        match team_api::read_team_api(&file, &text, team_api::folder_name(path).as_deref()) {
            Reading::Team(mut t) => {
                if let Some(how) = legacy {
                    errln!("note: {file}: {}", how.describe());
                }
                // Undated in its text: when the document last changed in git.
                if t.reviewed.is_none() {
                    t.reviewed =
                        orgbook::gitdates::file_last_changed(path).and_then(|d| d.parse().ok());
                }
                docs.push(*t)
            }
            Reading::Skipped(why) => errln!("skipped: {file}: {why}"),
        }
    }
    if !errors.is_empty() {
        for e in &errors {
            errln!("error: {e}");
        }
        errln!("Nothing imported: {} problem(s) above", errors.len());
        return EXIT_ERRORS;
    }
    if docs.is_empty() {
        errln!(
            "error: no Team API document among {} Markdown file(s); a Team API has the template's fields (`* Team name and focus: …`, `* Team type: …`)",
            files.len()
        );
        return EXIT_ERRORS;
    }
    let survey = Survey::of(&root);
    let plan = team_api::plan(docs, &survey, today);
    for note in &plan.notes {
        errln!("note: {note}");
    }
    if let Err(code) = write_charters(&root, &plan.files, args.dry_run) {
        return code;
    }
    if !plan.files.is_empty()
        && let Some(note) = starter_group_left(&survey)
    {
        errln!("note: {note}");
    }
    let mut summary = format!(
        "{} {} charter(s) ({} team(s), {} group(s)) with {} interaction(s) and {} owned item(s)",
        imported(args.dry_run),
        plan.files.len(),
        plan.count.teams,
        plan.count.groups,
        plan.count.interactions,
        plan.count.owned,
    );
    if plan.count.undated > 0 {
        summary.push_str(&format!(
            "; {} team(s) had no date (in the document or its git history), so no `reviewed`: the health page lists them as never reviewed until a review sets one",
            plan.count.undated
        ));
    }
    if plan.count.without_problem > 0 {
        summary.push_str(&format!(
            "; {} team(s) stated no focus, so their problem is a placeholder to fill in (the health page lists it)",
            plan.count.without_problem
        ));
    }
    errln!("{summary}");
    EXIT_OK
}

fn sigs(args: ImportSigsArgs) -> u8 {
    use import::sigs;
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let Some(today) = today() else {
        return EXIT_ERRORS;
    };
    let survey = Survey::of(&root);
    if let Some(parent) = &args.parent
        && let Err(e) = survey.team(parent)
    {
        return super::new::fail(&e);
    }
    let read = sigs::find_file(&args.path).and_then(|path| {
        let file = path.display().to_string();
        let (text, legacy) = orgbook::text::legacy::read_text(&path)
            .map_err(|e| format!("{file}: cannot read: {e}"))?;
        if let Some(how) = legacy {
            errln!("note: {file}: {}", how.describe());
        }
        sigs::read_registry(&file, &text)
    });
    let registry = match read {
        Ok(r) => r,
        Err(e) => {
            errln!("error: {e}");
            errln!("Nothing imported");
            return EXIT_ERRORS;
        }
    };
    if registry.groups.is_empty() {
        // The other file a Kubernetes-style governance repository keeps its teams in.
        let peribolos = std::fs::read_to_string(&registry.file)
            .ok()
            .and_then(|text| orgbook::team_data::peribolos_teams(&text));
        match peribolos {
            Some(teams) => errln!(
                "error: {}: this is Prow's peribolos configuration ({teams} GitHub team(s) under `teams:`), not a sigs.yaml: `orgbook import peribolos {}` writes a charter per team",
                registry.file,
                registry.file
            ),
            None => errln!(
                "error: {}: no groups: expected entries with a `name` under `sigs`, `workinggroups`, `usergroups` or `committees` (is it a Kubernetes-style sigs.yaml?)",
                registry.file
            ),
        }
        errln!("Nothing imported");
        return EXIT_ERRORS;
    }
    let handbook = sigs::HandbookFiles::of(&root);
    // The groups' folders beside the file date their charters (`reviewed`).
    let history = std::path::Path::new(&registry.file)
        .parent()
        .map(|dir| match dir.as_os_str().is_empty() {
            true => orgbook::gitdates::read(std::path::Path::new(".")),
            false => orgbook::gitdates::read(dir),
        })
        .unwrap_or_default();
    let plan = sigs::plan(
        &registry,
        &survey,
        &handbook,
        args.parent.as_deref(),
        &history,
        today,
    );
    for note in &plan.notes {
        errln!("note: {note}");
    }
    if plan.count.teams == 0 {
        // A re-run: every group is a charter already, and the notes say what the file
        // gives them that their charters do not list.
        errln!(
            "Nothing new to import: {} group(s) of {} are charters of the handbook already",
            plan.count.existing,
            registry.file
        );
        return EXIT_OK;
    }
    if let Err(code) = write_charters(&root, &plan.files, args.dry_run) {
        return code;
    }
    let starter_is_parent = args.parent.as_deref() == Some("engineering");
    if !starter_is_parent && let Some(note) = starter_group_left(&survey) {
        errln!("note: {note}");
    }
    let mut summary = format!(
        "{} {} charter(s) ({} team(s), {} group(s)) with {} member(s), {} owned subproject(s) and {} interaction(s) from {} group(s) of {}",
        imported(args.dry_run),
        plan.files.len(),
        plan.count.teams,
        plan.count.groups,
        plan.count.members,
        plan.count.owned,
        plan.count.interactions,
        registry.groups.len(),
        registry.file,
    );
    if plan.count.existing > 0 {
        summary.push_str(&format!(
            "; {} group(s) were charters already and are kept as they are",
            plan.count.existing
        ));
    }
    if plan.count.without_problem > 0 {
        summary.push_str(&format!(
            "; {} team(s) have no mission_statement, so their problem is a placeholder",
            plan.count.without_problem
        ));
    }
    summary
        .push_str("; each team's metric is a placeholder to fill in (the health page lists them)");
    if plan.count.undated > 0 {
        summary.push_str(&format!(
            "; {} team(s) have no `reviewed` date (no git history for their folder's charter.md or README.md beside {}), so the health page lists them as never reviewed until a review sets one",
            plan.count.undated, registry.file
        ));
    }
    errln!("{summary}");
    EXIT_OK
}

fn peribolos(args: ImportPeribolosArgs) -> u8 {
    use import::peribolos;
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let files = match peribolos::find_files(&args.path) {
        Ok(f) => f,
        Err(e) => {
            errln!("error: {e}");
            errln!("Nothing imported");
            return EXIT_ERRORS;
        }
    };
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut sources = Vec::new();
    // The organisation each folder's org.yaml names: a teams.yaml below it is its teams.
    let mut org_of: Vec<(std::path::PathBuf, String)> = Vec::new();
    for path in &files {
        let file = path.display().to_string();
        let (text, legacy) = match orgbook::text::legacy::read_text(path) {
            Ok(read) => read,
            Err(e) => {
                errors.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        if let Some(how) = legacy {
            notes.push(format!("{file}: {}", how.describe()));
        }
        let above = org_of
            .iter()
            .filter(|(dir, _)| path.starts_with(dir))
            .max_by_key(|(dir, _)| dir.components().count())
            .map(|(_, org)| org.as_str());
        match peribolos::read_source(&file, &text, above, &mut notes) {
            Ok(source) if source.orgs.is_empty() => {
                errln!("skipped: {file}: no `teams:` nor `orgs:` (not a peribolos file)")
            }
            Ok(source) => {
                if let [org] = &source.orgs[..]
                    && org.settings
                    && let Some(name) = &org.name
                    && let Some(dir) = path.parent()
                {
                    org_of.push((dir.to_path_buf(), name.clone()));
                }
                sources.push(source);
            }
            Err(e) => errors.push(e),
        }
    }
    for note in &notes {
        errln!("note: {note}");
    }
    if !errors.is_empty() {
        for e in &errors {
            errln!("error: {e}");
        }
        errln!("Nothing imported: {} problem(s) above", errors.len());
        return EXIT_ERRORS;
    }
    if sources
        .iter()
        .all(|s| s.orgs.iter().all(|o| o.teams.is_empty()))
    {
        errln!(
            "error: no teams in {}: a peribolos file maps team names to teams under `teams:` (in an org.yaml, under `orgs: <org>:` too)",
            args.path.display()
        );
        return EXIT_ERRORS;
    }
    let survey = Survey::of(&root);
    let mut dates: std::collections::HashMap<String, Option<jiff::civil::Date>> =
        Default::default();
    let plan = peribolos::plan(&sources, &survey, |file| {
        *dates.entry(file.to_owned()).or_insert_with(|| {
            orgbook::gitdates::file_last_changed(std::path::Path::new(file))
                .and_then(|d| d.parse().ok())
        })
    });
    for note in &plan.notes {
        errln!("note: {note}");
    }
    if plan.files.is_empty() {
        errln!(
            "Nothing new to import: {} team(s) and organisation(s) of {} are charters of the handbook already",
            plan.count.existing,
            args.path.display()
        );
        return EXIT_OK;
    }
    if let Err(code) = write_charters(&root, &plan.files, args.dry_run) {
        return code;
    }
    if let Some(note) = starter_group_left(&survey) {
        errln!("note: {note}");
    }
    let mut summary = format!(
        "{} {} charter(s) ({} team(s), {} organisation group(s)) with {} member(s) and {} owned repo(s) from {} file(s)",
        imported(args.dry_run),
        plan.files.len(),
        plan.count.teams,
        plan.count.groups,
        plan.count.members,
        plan.count.owned,
        sources.len(),
    );
    if plan.count.existing > 0 {
        summary.push_str(&format!(
            "; {} were charters already and are kept as they are",
            plan.count.existing
        ));
    }
    if plan.secret > 0 {
        summary.push_str(&format!(
            "; {} team(s) are secret on GitHub and are now on the handbook's pages: delete their charters if the handbook is more public than the file",
            plan.secret
        ));
    }
    if plan.count.without_problem > 0 {
        summary.push_str(&format!(
            "; {} team(s) have no description of four words or more, so their problem is a placeholder",
            plan.count.without_problem
        ));
    }
    summary
        .push_str("; each team's metric is a placeholder to fill in (the health page lists them)");
    if plan.count.undated > 0 {
        summary.push_str(&format!(
            "; {} charter(s) have no `reviewed` date (their file has no git history), so the health page lists them as never reviewed until a review sets one",
            plan.count.undated
        ));
    }
    errln!("{summary}");
    EXIT_OK
}

fn rust_team(args: ImportRustTeamArgs) -> u8 {
    use import::rust_team;
    let root = match report::find_root(&args.root) {
        Ok(r) => r,
        Err(code) => return code,
    };
    let files = match rust_team::find_files(&args.path) {
        Ok(f) => f,
        Err(e) => {
            errln!("error: {e}");
            errln!("Nothing imported");
            return EXIT_ERRORS;
        }
    };
    let mut notes = Vec::new();
    let mut errors = Vec::new();
    let mut teams = Vec::new();
    for path in &files.teams {
        let file = path.display().to_string();
        let (text, legacy) = match orgbook::text::legacy::read_text(path) {
            Ok(read) => read,
            Err(e) => {
                errors.push(format!("{file}: cannot read: {e}"));
                continue;
            }
        };
        if let Some(how) = legacy {
            notes.push(format!("{file}: {}", how.describe()));
        }
        match rust_team::read_team(&file, &text, &mut notes) {
            Ok(team) => teams.push(team),
            Err(e) => errors.push(e),
        }
    }
    for note in &notes {
        errln!("note: {note}");
    }
    if !errors.is_empty() {
        for e in &errors {
            errln!("error: {e}");
        }
        errln!("Nothing imported: {} problem(s) above", errors.len());
        return EXIT_ERRORS;
    }
    if files.archived > 0 && files.teams.len() > 1 {
        errln!(
            "note: the {} team file(s) in teams/archive/ are not read: the registry keeps teams that no longer exist there",
            files.archived
        );
    }
    if files.people.is_none() {
        errln!(
            "note: no people/ folder beside {}: members are written by their GitHub logins",
            args.path.display()
        );
    }
    let survey = Survey::of(&root);
    // People files are named by login, whose case GitHub ignores.
    let people: std::collections::HashMap<String, std::path::PathBuf> = files
        .people
        .as_deref()
        .and_then(|dir| std::fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .filter_map(|p| Some((p.file_stem()?.to_str()?.to_lowercase(), p.clone())))
        .collect();
    let plan = rust_team::plan(
        &teams,
        &survey,
        |login| {
            let text = std::fs::read_to_string(people.get(&login.to_lowercase())?).ok()?;
            rust_team::person_name(&text)
        },
        |file| {
            orgbook::gitdates::file_last_changed(std::path::Path::new(file))
                .and_then(|d| d.parse().ok())
        },
    );
    for note in &plan.notes {
        errln!("note: {note}");
    }
    if plan.files.is_empty() {
        errln!(
            "Nothing new to import: {} team(s) of {} are charters of the handbook already, {} have no charter",
            plan.count.existing,
            args.path.display(),
            plan.skipped
        );
        return EXIT_OK;
    }
    if let Err(code) = write_charters(&root, &plan.files, args.dry_run) {
        return code;
    }
    if let Some(note) = starter_group_left(&survey) {
        errln!("note: {note}");
    }
    let mut summary = format!(
        "{} {} charter(s) ({} team(s), {} group(s)) with {} member(s) and {} owned repo(s) from {} team file(s)",
        imported(args.dry_run),
        plan.files.len(),
        plan.count.teams,
        plan.count.groups,
        plan.count.members,
        plan.count.owned,
        teams.len(),
    );
    if plan.count.existing > 0 {
        summary.push_str(&format!(
            "; {} were charters already and are kept as they are",
            plan.count.existing
        ));
    }
    if plan.skipped > 0 {
        summary.push_str(&format!(
            "; {} marker team(s) or team(s) without people have no charter",
            plan.skipped
        ));
    }
    if plan.count.without_problem > 0 {
        summary.push_str(&format!(
            "; {} team(s) have no description of four words or more, so their problem is a placeholder",
            plan.count.without_problem
        ));
    }
    summary
        .push_str("; each team's metric is a placeholder to fill in (the health page lists them)");
    if plan.count.undated > 0 {
        summary.push_str(&format!(
            "; {} charter(s) have no `reviewed` date (their file has no git history), so the health page lists them as never reviewed until a review sets one",
            plan.count.undated
        ));
    }
    errln!("{summary}");
    EXIT_OK
}

/// When the handbook was only the group `orgbook init --empty` starts it with, and an
/// import brought charters of its own: that group is left with no teams (an `empty-group`
/// finding) beside them, which the user should know is theirs to remove or reuse.
fn starter_group_left(survey: &Survey) -> Option<String> {
    let [(slug, entry)] = survey.teams.iter().collect::<Vec<_>>()[..] else {
        return None;
    };
    let starter = slug == "engineering"
        && entry.path == format!("{}/teams/engineering.md", orgbook::load::CONTENT_DIR)
        && entry.kind == Some(orgbook::model::TeamKind::Group)
        && entry.people.is_empty();
    starter.then(|| {
        format!(
            "{}, the group `orgbook init --empty` started the handbook with, has no teams: delete it, or set it as the `parent` of the imported top-level charters if it is their organisation",
            entry.path
        )
    })
}

/// `--team`, checked; without it, the handbook's only team. Groups don't count: they
/// rarely own decisions, and a new handbook has one group with one team in it (unless the
/// handbook's only charter is a group, as after `orgbook init --empty`).
fn owning_team(survey: &Survey, team: Option<&str>) -> Result<String, u8> {
    if let Some(team) = team {
        return match survey.team(team) {
            Ok(_) => Ok(team.to_string()),
            Err(e) => Err(super::new::fail(&e)),
        };
    }
    match survey.team_slugs().as_slice() {
        [only] => Ok(only.to_string()),
        // `orgbook init --empty` leaves one group and no team: it can own them.
        [] if survey.teams.len() == 1 => {
            Ok(survey.teams.keys().next().cloned().unwrap_or_default())
        }
        [] => {
            errln!("error: this handbook has no team to own the imported decisions");
            errln!("  = help: create one first with `orgbook new team SLUG`");
            Err(EXIT_USAGE)
        }
        many => {
            errln!(
                "error: --team is required: this handbook has {} teams",
                many.len()
            );
            // A group may own them too (an architecture group's records): named after.
            let groups: Vec<&str> = survey
                .teams
                .iter()
                .filter(|(_, e)| e.kind == Some(orgbook::model::TeamKind::Group))
                .map(|(slug, _)| slug.as_str())
                .collect();
            let groups = if groups.is_empty() {
                String::new()
            } else {
                format!(", or one of its groups: {}", groups.join(", "))
            };
            errln!(
                "  = help: pass --team with one of: {}{groups}",
                many.join(", ")
            );
            Err(EXIT_USAGE)
        }
    }
}

/// The handbook's decisions by title, for [`ImportOptions::existing`]: a second import
/// of the same folder must not add every record again under new numbers.
fn existing_decisions(
    root: &std::path::Path,
    survey: &Survey,
) -> std::collections::HashMap<String, Vec<(jiff::civil::Date, u32, String)>> {
    let mut existing: std::collections::HashMap<_, Vec<_>> = std::collections::HashMap::new();
    for (&number, path) in &survey.decisions {
        let rel = path
            .strip_prefix(&format!("{CONTENT_DIR}/"))
            .unwrap_or(path);
        let doc = orgbook::load::load_file(&root.join(path), rel, &mut Vec::new());
        if let Some(d) = doc.as_ref().and_then(|d| d.as_decision()) {
            existing
                .entry(d.title.clone())
                .or_default()
                .push((d.date, number, path.clone()));
        }
    }
    existing
}

fn target(d: &ImportedDecision) -> String {
    format!("{CONTENT_DIR}/decisions/{}", d.file_name())
}
