//! Reading the GitHub teams Prow's peribolos manages into team charters (`orgbook import
//! peribolos`).
//!
//! Organisations that run Prow (Kubernetes, etcd and many CNCF projects) keep their GitHub
//! teams as data: peribolos's `org.yaml` (`orgs: <org>: {admins, members, teams}`, or, as
//! kubernetes/org keeps it, one organisation's body per `config/<org>/org.yaml`) and
//! per-SIG `teams.yaml` files holding only `teams:`, which are merged into their
//! organisation. This module owns the mapping of a team onto a charter: its name → `name`
//! and slug, a `description` that is a sentence → `problem`, `maintainers` → `lead` (the
//! first) and `members` (with the `members`), `repos` → `owns` as `org/repo` and nested
//! `teams` → `parent`. Each organisation becomes a group charter, so the org map has one
//! tree per organisation. A repository several teams can reach is owned by the team with
//! the strongest permission (admin, maintain, write, triage, read; the first on a tie),
//! since ownership is exclusive; every team's permissions are listed in its body, the only
//! place a permission is written. `previously` names have no charter key and are said in
//! the body. As in the other importers, what cannot be mapped is a note with its
//! `file:line`, and a charter the handbook already has is kept as it is.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use yaml_serde::Value;

use super::{CharterFrontMatter, MetricEntry, slugify, toml_date, unique_slug};
use crate::load::CONTENT_DIR;
use crate::scaffold::{self, Survey};

/// The file names a folder given as PATH is walked for.
pub const FILE_NAMES: [&str; 2] = ["org.yaml", "teams.yaml"];

/// A description shorter than this is a label ("Admins", "Bot accounts"), not the
/// problem a team exists to solve.
const PROBLEM_MIN_WORDS: usize = 4;

/// One team of a `teams:` mapping, its children read too.
#[derive(Debug, Clone, Default)]
pub struct Team {
    pub name: String,
    /// The 1-based line of its name, for notes.
    pub line: usize,
    pub description: Option<String>,
    pub maintainers: Vec<String>,
    pub members: Vec<String>,
    pub privacy: Option<String>,
    /// (repository, permission) in the file's order.
    pub repos: Vec<(String, String)>,
    pub previously: Vec<String>,
    pub children: Vec<Team>,
}

/// An organisation's part of one file: its own settings (from an `org.yaml`) or only
/// teams (a `teams.yaml`).
#[derive(Debug, Clone, Default)]
pub struct Org {
    /// Its login (`kubernetes`), which names its repositories and teams on GitHub; `None`
    /// for a `teams.yaml` no `org.yaml` above it names.
    pub name: Option<String>,
    /// The name it calls itself by (`name: Kubernetes`), for its group charter.
    pub display: Option<String>,
    /// The 1-based line that names it, for notes: its key under `orgs:`, else the file's
    /// own `name:`, else the `teams:` of a file of teams alone (1 when it has none).
    pub line: usize,
    pub description: Option<String>,
    pub admins: Vec<String>,
    pub members: usize,
    /// Whether this part is the organisation's own settings (dates its group charter).
    pub settings: bool,
    pub teams: Vec<Team>,
}

/// One file, read.
#[derive(Debug, Clone, Default)]
pub struct Source {
    /// The path shown in notes.
    pub file: String,
    pub orgs: Vec<Org>,
}

/// The files PATH names: the file itself, or every `org.yaml` and `teams.yaml` under the
/// folder (hidden folders skipped), the `org.yaml` files first, each kind in path order.
pub fn find_files(path: &Path) -> Result<Vec<PathBuf>, String> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !path.is_dir() {
        return Err(format!("{}: no such file or folder", path.display()));
    }
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(path)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| FILE_NAMES.iter().any(|n| e.file_name() == *n))
        .map(|e| e.into_path())
        .collect();
    // Every org.yaml first: a teams.yaml joins the organisation an org.yaml above it
    // names, whatever the names of the folders between sort like.
    files.sort_by_key(|f| (!f.ends_with("org.yaml"), f.clone()));
    if files.is_empty() {
        return Err(format!(
            "{}: no org.yaml or teams.yaml in this folder or below it",
            path.display()
        ));
    }
    Ok(files)
}

/// Reads one file; an error only when it is not YAML. `org_above` is the organisation an
/// `org.yaml` in a folder above names, for a file of teams alone. A file without teams
/// gives no organisation (the caller says so).
pub fn read_source(
    file: &str,
    text: &str,
    org_above: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<Source, String> {
    let root: Value = yaml_serde::from_str(text).map_err(|e| {
        format!(
            "{}; fix the file or leave it out of PATH",
            super::yaml_error(file, &e)
        )
    })?;
    let lines = Lines::of(text);
    let mut source = Source {
        file: file.to_owned(),
        orgs: Vec::new(),
    };
    if let Some(orgs) = root.get("orgs").and_then(Value::as_mapping) {
        for (name, body) in orgs {
            let name = scalar(name);
            let from = name
                .as_deref()
                .map_or(0, |n| lines.find(n, lines.find("orgs", 0)));
            let mut org = org_settings(body, name);
            org.line = from.max(1);
            org.teams = teams(file, body.get("teams"), &lines, from, notes);
            source.orgs.push(org);
        }
    } else if root.get("teams").is_some() {
        let settings = ["admins", "members", "name", "billing_email", "description"]
            .iter()
            .any(|k| root.get(k).is_some());
        let mut org = if settings {
            Org {
                line: lines.find_top("name").unwrap_or(1),
                ..org_settings(&root, login_from_path(file))
            }
        } else {
            Org {
                name: org_above.map(str::to_owned),
                line: lines.find_top("teams").unwrap_or(1),
                ..Org::default()
            }
        };
        org.teams = teams(file, root.get("teams"), &lines, 0, notes);
        source.orgs.push(org);
    }
    Ok(source)
}

/// An organisation's own keys (`name` inside kubernetes/org's files; the `orgs:` key in
/// peribolos's single file).
fn org_settings(body: &Value, key: Option<String>) -> Org {
    let display = body.get("name").and_then(scalar);
    Org {
        name: key.or_else(|| display.clone()),
        display,
        line: 1,
        description: body.get("description").and_then(scalar),
        admins: logins(body.get("admins")).unwrap_or_default(),
        members: logins(body.get("members")).map_or(0, |m| m.len()),
        settings: true,
        teams: Vec::new(),
    }
}

/// A registry file as a charter names it: from its `config/` folder on (kubernetes/org's
/// layout), else by its name; never by its path on the machine that imported it, which
/// differs between clones.
fn shown(file: &str) -> &str {
    let at_config = file
        .match_indices("config/")
        .map(|(i, _)| i)
        .filter(|&i| i == 0 || file.as_bytes()[i - 1] == b'/')
        .last();
    match at_config {
        Some(i) => &file[i..],
        None => file.rsplit('/').next().unwrap_or(file),
    }
}

/// kubernetes/org keeps each organisation's settings in `config/<login>/org.yaml`: the
/// folder is the organisation's login, by which GitHub names its repositories and teams;
/// the file's `name:` is how the organisation calls itself.
fn login_from_path(file: &str) -> Option<String> {
    let path = Path::new(file);
    if path.file_name()? != "org.yaml" {
        return None;
    }
    let dir = path.parent()?;
    if dir.parent()?.file_name()? != "config" {
        return None;
    }
    dir.file_name()?.to_str().map(str::to_owned)
}

/// Where keys are: the parser gives no positions, and a note is only useful with a line.
struct Lines<'a>(Vec<&'a str>);

impl<'a> Lines<'a> {
    fn of(text: &'a str) -> Lines<'a> {
        Lines(text.lines().collect())
    }

    /// The 1-based line of the first `key:` at or after line `from` (1-based; 0 = the
    /// start), else `from`.
    fn find(&self, key: &str, from: usize) -> usize {
        let forms = [
            format!("{key}:"),
            format!("\"{key}\":"),
            format!("'{key}':"),
        ];
        self.0
            .iter()
            .enumerate()
            .skip(from.saturating_sub(1))
            .find(|(_, l)| forms.iter().any(|f| l.trim_start().starts_with(f.as_str())))
            .map_or(from.max(1), |(i, _)| i + 1)
    }

    /// The 1-based line of `key:` at the top level of the file (not indented), which the
    /// same key of a team below cannot be.
    fn find_top(&self, key: &str) -> Option<usize> {
        self.0
            .iter()
            .position(|l| {
                l.strip_prefix(key)
                    .is_some_and(|rest| rest.starts_with(':'))
            })
            .map(|i| i + 1)
    }
}

fn scalar(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// A list of logins; `None` when the value is there but not a list. A login YAML reads as
/// a number (`"249043822"` written bare) is still a login.
fn logins(v: Option<&Value>) -> Option<Vec<String>> {
    match v {
        None | Some(Value::Null) => Some(Vec::new()),
        Some(Value::Sequence(items)) => Some(items.iter().filter_map(scalar).collect()),
        Some(_) => None,
    }
}

/// The teams of a `teams:` mapping, each from line `from` on.
fn teams(
    file: &str,
    v: Option<&Value>,
    lines: &Lines,
    from: usize,
    notes: &mut Vec<String>,
) -> Vec<Team> {
    let Some(v) = v.filter(|v| !v.is_null()) else {
        return Vec::new();
    };
    let Some(map) = v.as_mapping() else {
        notes.push(format!(
            "{file}:{}: `teams` is not a mapping of team names to teams; left out",
            lines.find("teams", from)
        ));
        return Vec::new();
    };
    // From the `teams:` key on: a team called `members` is not the organisation's list.
    let from = lines.find("teams", from);
    let mut out = Vec::new();
    for (name, body) in map {
        let Some(name) = scalar(name) else { continue };
        let line = lines.find(&name, from);
        let at = format!("{file}:{line}");
        let mut team = Team {
            name: name.clone(),
            line,
            ..Team::default()
        };
        if !body.is_null() && body.as_mapping().is_none() {
            notes.push(format!(
                "{at}: team {name} is not a mapping of `description`, `maintainers`, `members`…; imported with its name alone"
            ));
        }
        team.description = body.get("description").and_then(scalar);
        team.privacy = body.get("privacy").and_then(scalar);
        for (key, list) in [
            ("maintainers", &mut team.maintainers),
            ("members", &mut team.members),
            ("previously", &mut team.previously),
        ] {
            match logins(body.get(key)) {
                Some(l) => *list = l,
                None => notes.push(format!(
                    "{at}: `{key}` of team {name} is not a list; left out (write it as `- login` lines)"
                )),
            }
        }
        match body.get("repos") {
            None | Some(Value::Null) => {}
            Some(Value::Mapping(repos)) => {
                team.repos = repos
                    .iter()
                    .filter_map(|(r, p)| Some((scalar(r)?, scalar(p).unwrap_or_default())))
                    .collect();
            }
            Some(_) => notes.push(format!(
                "{at}: `repos` of team {name} is not a mapping of repository to permission; left out"
            )),
        }
        team.children = teams(file, body.get("teams"), lines, line + 1, notes);
        out.push(team);
    }
    out
}

/// What the import will write.
#[derive(Debug, Default)]
pub struct Plan {
    /// (path relative to the handbook root, text), each parent before its children.
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
    /// `existing` counts organisations as well as teams; `owned` counts repositories;
    /// `without_problem`, teams without a description of [`PROBLEM_MIN_WORDS`] words.
    pub count: super::ImportCounts,
    /// Teams GitHub keeps secret, whose charters make them visible on the handbook's pages.
    pub secret: usize,
}

/// An organisation gathered from every file that has its teams.
struct OrgAcc<'a> {
    name: Option<&'a str>,
    display: Option<&'a str>,
    description: Option<&'a str>,
    admins: &'a [String],
    members: usize,
    /// The file of its settings, else the first with its teams.
    file: &'a str,
    line: usize,
    teams: Vec<(&'a str, &'a Team)>,
}

/// One team placed: its charter's slug and path, or the handbook's charter of that slug.
struct Placed<'a> {
    team: &'a Team,
    file: &'a str,
    org: usize,
    parent: Option<usize>,
    slug: String,
    path: String,
    existing: bool,
}

/// Maps the files onto charters beside the handbook's existing ones. `dates` gives a
/// file's last change in git, which is its charters' `reviewed`.
pub fn plan(
    sources: &[Source],
    survey: &Survey,
    parent: Option<&str>,
    mut dates: impl FnMut(&str) -> Option<Date>,
) -> Plan {
    let mut plan = Plan::default();
    let orgs = gather(sources);
    let top = super::top_folder(survey, parent);
    // Teams of no known organisation go where the organisations' groups go.
    let top_charter = parent.map(|_| format!("{top}.md"));
    let mut taken: BTreeSet<String> = survey.teams.keys().cloned().collect();
    // Each organisation's group: its slug and path, and whether the handbook has it.
    let mut org_slots: Vec<Option<(String, String, bool)>> = Vec::new();
    for org in &orgs {
        let Some(name) = org.name else {
            org_slots.push(None);
            continue;
        };
        let slug = match slugify(name) {
            s if s.is_empty() => "org".to_owned(),
            s => s,
        };
        if let Some(t) = survey.teams.get(&slug) {
            plan.count.existing += 1;
            plan.notes.push(format!(
                "{}:{}: organisation {name} is already in the handbook as {}; kept as it is",
                org.file, org.line, t.path
            ));
            org_slots.push(Some((slug, t.path.clone(), true)));
            continue;
        }
        let slug = unique_slug(&slug, &mut taken);
        org_slots.push(Some((slug.clone(), format!("{top}/{slug}.md"), false)));
    }
    let mut placed: Vec<Placed> = Vec::new();
    for (o, org) in orgs.iter().enumerate() {
        let mut seen: HashMap<String, (&str, usize)> = HashMap::new();
        let org_slot = org_slots[o].as_ref();
        for &(file, team) in &org.teams {
            place(
                &mut PlaceCtx {
                    survey,
                    taken: &mut taken,
                    seen: &mut seen,
                    plan: &mut plan,
                    placed: &mut placed,
                    org: o,
                    org_slug: org_slot.map(|s| s.0.as_str()),
                    org_login: org.name,
                },
                file,
                team,
                None,
                org_slot.map(|s| s.1.as_str()).or(top_charter.as_deref()),
            );
        }
    }
    let owners = owners(&orgs, &placed, survey, &mut plan.notes);
    let mut people: BTreeSet<String> = BTreeSet::new();
    // An organisation's group holds the new charters of its top-level teams: without any,
    // it would be a group without any team (the `empty-group` finding) made by the import.
    let mut holds_a_team = vec![false; orgs.len()];
    for p in placed.iter().filter(|p| !p.existing && p.parent.is_none()) {
        holds_a_team[p.org] = true;
    }
    for (o, org) in orgs.iter().enumerate() {
        let Some((slug, path, false)) = &org_slots[o] else {
            continue;
        };
        let name = org.display.or(org.name).unwrap_or(slug);
        if !holds_a_team[o] {
            let why = match org.teams.is_empty() {
                true => "has no teams in the files read",
                false => {
                    "has only teams that are charters of the handbook already, under their own parents"
                }
            };
            plan.notes.push(format!(
                "{}:{}: organisation {name} {why}; no group charter for it, which would be a group without any team",
                org.file, org.line
            ));
            continue;
        }
        let reviewed = dates(org.file);
        if reviewed.is_none() {
            plan.count.undated += 1;
        }
        people.extend(org.admins.iter().cloned());
        let fm = CharterFrontMatter {
            name,
            kind: "group",
            parent,
            problem: org.description,
            members: org.admins.iter().map(String::as_str).collect(),
            reviewed: reviewed.map(toml_date),
            ..CharterFrontMatter::default()
        };
        let mut text = fm.to_front_matter();
        text.push_str(&format!(
            "The teams of the GitHub organisation `{}`, imported from {}.",
            org.name.unwrap_or(slug),
            shown(org.file)
        ));
        if !org.admins.is_empty() {
            text.push_str(" Its members here are the organisation's admins.");
        }
        text.push('\n');
        if org.members > 0 {
            plan.notes.push(format!(
                "{}:{}: the {} of organisation {name} {} not written (a charter lists a team's people; its teams' members are on theirs)",
                org.file,
                org.line,
                crate::text::counted(org.members, "member", "members"),
                if org.members == 1 { "is" } else { "are" }
            ));
        }
        plan.count.groups += 1;
        plan.files.push((path.clone(), text));
    }
    for (i, p) in placed.iter().enumerate() {
        if p.existing {
            continue;
        }
        let t = p.team;
        let at = format!("{}:{}", p.file, t.line);
        let org_name = orgs[p.org].name;
        let parent = match p.parent {
            Some(j) => Some(placed[j].slug.as_str()),
            None => org_slots[p.org].as_ref().map(|s| s.0.as_str()).or(parent),
        };
        let sentence = t
            .description
            .as_deref()
            .filter(|d| d.split_whitespace().count() >= PROBLEM_MIN_WORDS);
        let problem = match sentence {
            Some(d) => d.to_owned(),
            None => {
                plan.count.without_problem += 1;
                scaffold::PLACEHOLDER_PROBLEM.to_owned()
            }
        };
        let mut members: Vec<&str> = Vec::new();
        for login in t.maintainers.iter().chain(&t.members) {
            if !members.iter().any(|m| m.eq_ignore_ascii_case(login)) {
                members.push(login);
            }
        }
        people.extend(members.iter().map(|m| m.to_string()));
        let repo_key = |r: &str| qualified(org_name, r);
        let owns: Vec<String> = t
            .repos
            .iter()
            .map(|(r, _)| repo_key(r))
            .filter(|r| owners.get(&r.to_lowercase()) == Some(&i))
            .collect();
        // GitHub's team slug is its name made a slug; a charter of another slug says which
        // CODEOWNERS team it is.
        let codeowners = match org_name {
            Some(org) if p.slug != slugify(&t.name) => vec![format!("@{org}/{}", slugify(&t.name))],
            _ => Vec::new(),
        };
        let reviewed = dates(p.file);
        let fm = CharterFrontMatter {
            name: &t.name,
            kind: "team",
            parent,
            problem: Some(&problem),
            lead: t.maintainers.first().map(String::as_str),
            members,
            owns: owns.iter().map(String::as_str).collect(),
            codeowners,
            reviewed: reviewed.map(toml_date),
            metrics: vec![MetricEntry::placeholder()],
            ..CharterFrontMatter::default()
        };
        let mut body: Vec<String> = Vec::new();
        if let Some(d) = &t.description
            && sentence.is_none()
        {
            body.push(format!("GitHub describes the team as: {d}"));
        }
        if !t.previously.is_empty() {
            body.push(format!("Previously named {}.", t.previously.join(", ")));
        }
        if t.maintainers.len() > 1 {
            body.push(format!("Maintainers: {}.", t.maintainers.join(", ")));
        }
        if !t.repos.is_empty() {
            let mut list = String::from("## Repositories\n");
            for (r, perm) in &t.repos {
                let key = repo_key(r);
                let perm = if perm.is_empty() { "access" } else { perm };
                list.push_str(&format!("\n- `{key}`: {perm}"));
                match owners.get(&key.to_lowercase()) {
                    Some(&j) if j != i => {
                        list.push_str(&format!(" (owned by {})", placed[j].slug));
                    }
                    None => list.push_str(" (owned by a charter of the handbook)"),
                    _ => {}
                }
            }
            body.push(list);
        }
        let github = match org_name {
            Some(org) => format!("`{org}/{}`", t.name),
            None => format!("`{}`", t.name),
        };
        let privacy = match t.privacy.as_deref() {
            Some("secret") => {
                plan.secret += 1;
                " (secret on GitHub: only its members and the organisation's owners see it there)"
            }
            _ => "",
        };
        body.push(format!(
            "Imported from {}, the GitHub team {github}{privacy}.",
            shown(p.file)
        ));
        if org_name.is_none() {
            plan.notes.push(format!(
                "{at}: no org.yaml above {} names its organisation; team {} is a top-level charter (give PATH the folder with the org.yaml to put it under its organisation)",
                p.file, t.name
            ));
        }
        let mut text = fm.to_front_matter();
        text.push_str(&body.join("\n\n"));
        text.push('\n');
        if reviewed.is_none() {
            plan.count.undated += 1;
        }
        plan.count.teams += 1;
        plan.count.owned += owns.len();
        plan.files.push((p.path.clone(), text));
    }
    plan.count.members = people.len();
    plan
}

/// The organisations of every file, in the order first met: a `teams.yaml` joins the
/// organisation it names (through an `org.yaml` above it), teams of no named
/// organisation stay together.
fn gather(sources: &[Source]) -> Vec<OrgAcc<'_>> {
    let mut orgs: Vec<OrgAcc> = Vec::new();
    for s in sources {
        for org in &s.orgs {
            let i = match orgs.iter().position(|o| {
                o.name.map(str::to_lowercase) == org.name.as_deref().map(str::to_lowercase)
            }) {
                Some(i) => i,
                None => {
                    orgs.push(OrgAcc {
                        name: org.name.as_deref(),
                        display: None,
                        description: None,
                        admins: &[],
                        members: 0,
                        file: &s.file,
                        line: org.line,
                        teams: Vec::new(),
                    });
                    orgs.len() - 1
                }
            };
            let acc = &mut orgs[i];
            if org.settings {
                acc.description = acc.description.or(org.description.as_deref());
                acc.display = acc.display.or(org.display.as_deref());
                if acc.admins.is_empty() {
                    acc.admins = &org.admins;
                }
                acc.members = acc.members.max(org.members);
                acc.file = &s.file;
                acc.line = org.line;
            }
            acc.teams
                .extend(org.teams.iter().map(|t| (s.file.as_str(), t)));
        }
    }
    orgs
}

struct PlaceCtx<'s, 'a> {
    survey: &'s Survey,
    taken: &'s mut BTreeSet<String>,
    /// The organisation's team names met (lowercase) → where.
    seen: &'s mut HashMap<String, (&'a str, usize)>,
    plan: &'s mut Plan,
    placed: &'s mut Vec<Placed<'a>>,
    org: usize,
    org_slug: Option<&'s str>,
    /// The organisation's login, which names its repositories (`org/repo`).
    org_login: Option<&'s str>,
}

/// Places a team and its children: a team named twice in an organisation (in two files)
/// is one charter, the first.
fn place<'a>(
    cx: &mut PlaceCtx<'_, 'a>,
    file: &'a str,
    team: &'a Team,
    parent: Option<usize>,
    parent_path: Option<&str>,
) {
    let at = format!("{file}:{}", team.line);
    if let Some((first, line)) = cx.seen.get(&team.name.to_lowercase()) {
        cx.plan.notes.push(format!(
            "{at}: team {} is also at {first}:{line}; one charter, from the first (add what this one adds to it by hand)",
            team.name
        ));
        return;
    }
    cx.seen.insert(team.name.to_lowercase(), (file, team.line));
    let base = match slugify(&team.name) {
        s if s.is_empty() => "team".to_owned(),
        s => s,
    };
    let placed = if let Some(t) = cx.survey.teams.get(&base) {
        cx.plan.count.existing += 1;
        let mut note = format!(
            "{at}: team {} is already in the handbook as {}; kept as it is",
            team.name, t.path
        );
        let repos: Vec<String> = team
            .repos
            .iter()
            .map(|(r, _)| qualified(cx.org_login, r))
            .collect();
        let (people, repos) = super::not_in_charter(
            t,
            team.maintainers
                .iter()
                .chain(&team.members)
                .map(String::as_str),
            repos.iter().map(String::as_str),
        );
        if !people.is_empty() {
            note.push_str(&format!(
                "; the file also lists as its people: {} (add them to `members` if they are)",
                people.join(", ")
            ));
        }
        if !repos.is_empty() {
            note.push_str(&format!(
                "; and gives it: {} (add them to `owns` if they are its)",
                repos.join(", ")
            ));
        }
        cx.plan.notes.push(note);
        Placed {
            team,
            file,
            org: cx.org,
            parent,
            slug: base,
            path: t.path.clone(),
            existing: true,
        }
    } else {
        // The same name in two organisations (`maintainers`): the organisation tells them
        // apart.
        let wanted = match cx.org_slug {
            Some(org) if cx.taken.contains(&base) => format!("{org}-{base}"),
            _ => base.clone(),
        };
        let slug = unique_slug(&wanted, cx.taken);
        if slug != base {
            cx.plan.notes.push(format!(
                "{at}: another charter is {base}; team {} is {slug}",
                team.name
            ));
        }
        let path = match parent_path {
            Some(p) => format!("{}/{slug}.md", p.trim_end_matches(".md")),
            None => format!("{CONTENT_DIR}/teams/{slug}.md"),
        };
        Placed {
            team,
            file,
            org: cx.org,
            parent,
            slug,
            path,
            existing: false,
        }
    };
    let path = placed.path.clone();
    cx.placed.push(placed);
    let me = cx.placed.len() - 1;
    for child in &team.children {
        place(cx, file, child, Some(me), Some(&path));
    }
}

/// `org/repo`: a repository's name alone is ambiguous across organisations.
fn qualified(org: Option<&str>, repo: &str) -> String {
    match org {
        Some(org) if !repo.contains('/') => format!("{org}/{repo}"),
        _ => repo.to_owned(),
    }
}

/// How strong a permission is: the strongest owns the repository.
fn rank(permission: &str) -> u8 {
    match permission.to_ascii_lowercase().as_str() {
        "admin" => 5,
        "maintain" => 4,
        "write" | "push" => 3,
        "triage" => 2,
        "read" | "pull" => 1,
        _ => 0,
    }
}

/// Each repository's owner among the new charters (lowercase `org/repo` → index in
/// `placed`): the team with the strongest permission, the first on a tie; none when a
/// charter of the handbook owns it already.
fn owners(
    orgs: &[OrgAcc],
    placed: &[Placed],
    survey: &Survey,
    notes: &mut Vec<String>,
) -> HashMap<String, usize> {
    let in_handbook = survey.owners();
    let mut best: HashMap<String, (u8, usize)> = HashMap::new();
    for (i, p) in placed.iter().enumerate().filter(|(_, p)| !p.existing) {
        for (repo, perm) in &p.team.repos {
            let key = qualified(orgs[p.org].name, repo);
            let lower = key.to_lowercase();
            if let Some(owner) = in_handbook.get(&crate::model::ownership_key(&key)) {
                if let std::collections::hash_map::Entry::Vacant(e) = best.entry(lower) {
                    notes.push(format!(
                        "{}:{}: repository {key} is already owned by {owner}; left out of the imported teams' `owns` (ownership is exclusive)",
                        p.file, p.team.line
                    ));
                    e.insert((u8::MAX, usize::MAX));
                }
                continue;
            }
            let r = rank(perm);
            match best.get(&lower) {
                Some(&(b, _)) if b >= r => {}
                _ => {
                    best.insert(lower, (r, i));
                }
            }
        }
    }
    best.into_iter()
        .filter(|(_, (_, i))| *i != usize::MAX)
        .map(|(k, (_, i))| (k, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORG: &str = "\
admins:
- root-admin
members:
- ann
- bo
name: lanterns
description: Lamps for everyone
teams:
  lamp-makers:
    description: Build and repair the lamps of the town.
    maintainers:
    - ann
    members:
    - bo
    - 1234
    privacy: closed
    previously:
    - wick-crew
    repos:
      lamps: admin
    teams:
      lamp-reviewers:
        description: Reviewers
        members:
        - bo
        repos:
          lamps: write
  hidden:
    privacy: secret
  broken:
    members: bo
";

    fn source() -> (Source, Vec<String>) {
        let mut notes = Vec::new();
        let s = read_source("config/lanterns/org.yaml", ORG, None, &mut notes).unwrap();
        (s, notes)
    }

    /// The notes on an organisation point at the line that names it, in either layout,
    /// and an organisation that would hold no new team gets no group charter.
    #[test]
    fn an_organisation_is_noted_at_its_line_and_has_a_group_only_with_a_team() {
        let mut notes = Vec::new();
        let single = "# Managed by peribolos.\norgs:\n  quayside:\n    admins: [mara]\n    teams:\n      net-menders:\n        members: [oskar]\n  driftwood:\n    admins: [lune]\n    teams: {}\n";
        let s = read_source("org.yaml", single, None, &mut notes).unwrap();
        let lines: Vec<usize> = s.orgs.iter().map(|o| o.line).collect();
        assert_eq!(lines, [3, 8]);
        let own = read_source("config/lanterns/org.yaml", ORG, None, &mut notes).unwrap();
        assert_eq!(own.orgs[0].line, 6, "its `name:`");
        let plan = plan(&[s], &Survey::default(), None, |_| None);
        let written: Vec<&str> = plan.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            written,
            [
                "content/teams/quayside.md",
                "content/teams/quayside/net-menders.md"
            ]
        );
        assert_eq!(plan.count.groups, 1);
        assert!(
            plan.notes.contains(&"org.yaml:8: organisation driftwood has no teams in the files read; no group charter for it, which would be a group without any team".to_owned()),
            "{:?}",
            plan.notes
        );
    }

    #[test]
    fn charters_name_the_registry_file_from_its_config_folder_and_the_org_by_its_login() {
        assert_eq!(
            shown("/home/me/src/org/config/kubernetes/org.yaml"),
            "config/kubernetes/org.yaml"
        );
        assert_eq!(
            shown("config/kubernetes/sig-x/teams.yaml"),
            "config/kubernetes/sig-x/teams.yaml"
        );
        assert_eq!(shown("/srv/myconfig/peribolos/org.yaml"), "org.yaml");
        assert_eq!(
            login_from_path("../org/config/etcd-io/org.yaml").as_deref(),
            Some("etcd-io")
        );
        assert_eq!(login_from_path("config/etcd-io/sig-etcd/teams.yaml"), None);
        assert_eq!(login_from_path("peribolos/org.yaml"), None);
    }

    #[test]
    fn teams_are_read_with_their_lines_and_children() {
        let (s, notes) = source();
        let org = &s.orgs[0];
        assert_eq!(org.name.as_deref(), Some("lanterns"));
        assert_eq!(org.members, 2);
        let lines: Vec<(usize, &str)> = org
            .teams
            .iter()
            .map(|t| (t.line, t.name.as_str()))
            .collect();
        assert_eq!(lines, [(9, "lamp-makers"), (28, "hidden"), (30, "broken")]);
        assert_eq!(org.teams[0].members, ["bo", "1234"]);
        assert_eq!(org.teams[0].children[0].line, 22);
        assert_eq!(
            notes,
            [
                "config/lanterns/org.yaml:30: `members` of team broken is not a list; left out (write it as `- login` lines)"
            ]
        );
    }

    #[test]
    fn the_strongest_permission_owns_the_repository() {
        let (s, _) = source();
        let plan = plan(&[s], &Survey::default(), None, |_| None);
        let paths: Vec<&str> = plan.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "content/teams/lanterns.md",
                "content/teams/lanterns/lamp-makers.md",
                "content/teams/lanterns/lamp-makers/lamp-reviewers.md",
                "content/teams/lanterns/hidden.md",
                "content/teams/lanterns/broken.md",
            ]
        );
        let makers = &plan.files[1].1;
        assert!(makers.contains("owns = [\"lanterns/lamps\"]"), "{makers}");
        assert!(makers.contains("Previously named wick-crew."), "{makers}");
        let reviewers = &plan.files[2].1;
        assert!(!reviewers.contains("owns ="), "{reviewers}");
        assert!(reviewers.contains("(owned by lamp-makers)"), "{reviewers}");
        assert!(
            reviewers.contains("parent = \"lamp-makers\""),
            "{reviewers}"
        );
        assert_eq!(
            (
                plan.count.teams,
                plan.count.groups,
                plan.count.without_problem
            ),
            (4, 1, 3)
        );
        assert_eq!((plan.count.undated, plan.secret), (5, 1));
        crate::import::assert_charters_parse(&plan.files);
    }

    #[test]
    fn a_team_named_twice_is_one_charter() {
        let (a, _) = source();
        let mut notes = Vec::new();
        let b = read_source(
            "config/lanterns/sig-x/teams.yaml",
            "teams:\n  hidden:\n    description: x\n",
            Some("lanterns"),
            &mut notes,
        )
        .unwrap();
        let plan = plan(&[a, b], &Survey::default(), None, |_| None);
        assert_eq!(plan.count.teams, 4);
        assert!(
            plan.notes.iter().any(|n| n.starts_with(
                "config/lanterns/sig-x/teams.yaml:2: team hidden is also at config/lanterns/org.yaml:28"
            )),
            "{:?}",
            plan.notes
        );
    }

    #[test]
    fn a_team_named_like_a_key_is_found_under_teams() {
        let text = "members:\n- ann\nteams:\n  members:\n    description: Everyone in the org\n";
        let s = read_source("org.yaml", text, None, &mut Vec::new()).unwrap();
        assert_eq!(s.orgs[0].teams[0].line, 4);
    }

    #[test]
    fn a_file_that_is_not_yaml_names_its_line() {
        let e = read_source("org.yaml", "teams:\n  a: [\n", None, &mut Vec::new()).unwrap_err();
        assert!(e.starts_with("org.yaml:"), "{e}");
    }
}
