//! Reading a team registry kept the rust-lang/team way into team charters (`orgbook import
//! rust-team`).
//!
//! The Rust project (and organisations that copied its layout) keeps one TOML file per team
//! in `teams/` (`name`, `subteam-of`, `kind`, `[people]` `leads` / `members` / `alumni`,
//! `[website]`) and one per person in `people/` (`name`, `github`, `email`…). This module
//! owns the mapping of a team file onto a charter: the file name → slug, `[website] name`
//! (else `name`) → `name`, a `[website] description` that is a sentence → `problem`, the
//! first lead → `lead`, leads and members → `members` by the names their `people/` files
//! give, `subteam-of` → `parent`, a GitHub `[website] repo` → `owns` and the Zulip stream →
//! `[contact]`. Only a person's `name` is read from `people/`: e-mail addresses and chat ids
//! stay where they are. A team with no people of its own, or a marker team, has no charter
//! unless it has subteams, when it is their group, so the org map keeps its tree. As in the
//! other importers, what cannot be mapped is a note with its `file:line`, and a charter the
//! handbook already has is kept as it is.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::{CharterFrontMatter, MetricEntry, slugify, toml_date, unique_slug};
use crate::scaffold::{self, Survey};

/// A description shorter than this is a label ("Compiler"), not the problem a team exists
/// to solve: the same bar as the other importers'.
const PROBLEM_MIN_WORDS: usize = 4;

/// The files PATH names: the team files, and the `people/` folder their people are in, when
/// there is one.
#[derive(Debug, Clone)]
pub struct Files {
    pub teams: Vec<PathBuf>,
    pub people: Option<PathBuf>,
    /// Team files in `teams/archive/`: rust-lang/team keeps teams that no longer exist
    /// there, so they are counted for a note, not read.
    pub archived: usize,
}

/// PATH is the repository (with `teams/` and `people/`), its `teams/` folder, or one team
/// file; `people/` is looked for beside `teams/`.
pub fn find_files(path: &Path) -> Result<Files, String> {
    let (teams_dir, teams) = if path.is_file() {
        (
            path.parent().map(Path::to_path_buf).unwrap_or_default(),
            vec![path.to_path_buf()],
        )
    } else if path.is_dir() {
        let dir = if path.join("teams").is_dir() {
            path.join("teams")
        } else {
            path.to_path_buf()
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(format!(
                "{}: no team files (teams/<name>.toml) in this folder",
                path.display()
            ));
        }
        (dir, files)
    } else {
        return Err(format!("{}: no such file or folder", path.display()));
    };
    let people = teams_dir
        .parent()
        .map(|p| p.join("people"))
        .filter(|p| p.is_dir());
    let archived = std::fs::read_dir(teams_dir.join("archive"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "toml"))
                .count()
        })
        .unwrap_or(0);
    Ok(Files {
        teams,
        people,
        archived,
    })
}

/// One team file, read.
#[derive(Debug, Clone, Default)]
pub struct Team {
    /// The path shown in notes (and given to git for the date).
    pub file: String,
    /// The file name without `.toml`: the slug comes from it.
    pub stem: String,
    pub name: String,
    /// The 1-based lines of `name`, `kind` and `[people]`, for the notes on the team as a
    /// whole and on why it has no charter; each 1 when the file does not set it.
    pub name_line: usize,
    pub kind_line: usize,
    pub people_line: usize,
    pub subteam_of: Option<(String, usize)>,
    pub kind: Option<String>,
    pub leads: Vec<String>,
    pub members: Vec<String>,
    pub alumni: usize,
    pub website_name: Option<String>,
    pub description: Option<String>,
    /// `[website] repo` and its line.
    pub repo: Option<(String, usize)>,
    pub zulip: Option<String>,
}

impl Team {
    fn is_marker(&self) -> bool {
        self.kind.as_deref() == Some("marker-team")
    }

    fn has_people(&self) -> bool {
        !self.leads.is_empty() || !self.members.is_empty()
    }
}

/// Reads one team file; an error (naming its `file:line:col`) only when it is not TOML.
pub fn read_team(file: &str, text: &str, notes: &mut Vec<String>) -> Result<Team, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(String::new(), |s| line_col(text, s.start));
        format!(
            "{file}{at}: not valid TOML: {}; fix the file or leave it out of PATH",
            e.message().lines().next().unwrap_or_default()
        )
    })?;
    let stem = Path::new(file)
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let line = |key: &str| key_line(text, key);
    let string = |t: &toml::Table, key: &str| {
        t.get(key)
            .and_then(toml::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let mut team = Team {
        file: file.to_owned(),
        name: string(&table, "name").unwrap_or_else(|| stem.clone()),
        stem,
        name_line: line("name"),
        kind_line: line("kind"),
        people_line: line("people"),
        subteam_of: string(&table, "subteam-of").map(|s| (s, line("subteam-of"))),
        kind: string(&table, "kind"),
        ..Team::default()
    };
    match table.get("people") {
        None => {}
        Some(toml::Value::Table(people)) => {
            for (key, list) in [("leads", &mut team.leads), ("members", &mut team.members)] {
                match people.get(key) {
                    None => {}
                    Some(toml::Value::Array(items)) => {
                        for item in items {
                            match login(item) {
                                Some(l) => list.push(l),
                                None => notes.push(format!(
                                    "{file}:{}: an item of `{key}` is neither a login nor a table with `github`; left out",
                                    line(key)
                                )),
                            }
                        }
                    }
                    Some(_) => notes.push(format!(
                        "{file}:{}: `{key}` is not a list of logins; left out (write it as `{key} = [\"login\"]`)",
                        line(key)
                    )),
                }
            }
            if let Some(toml::Value::Array(a)) = people.get("alumni") {
                team.alumni = a.len();
            }
        }
        Some(_) => notes.push(format!(
            "{file}:{}: `people` is not a table of `leads` and `members`; the team has no people",
            line("people")
        )),
    }
    if let Some(toml::Value::Table(web)) = table.get("website") {
        team.website_name = string(web, "name");
        team.description = string(web, "description");
        team.repo = string(web, "repo").map(|r| (r, line("repo")));
        team.zulip = string(web, "zulip-stream");
    }
    Ok(team)
}

/// A member as rust-lang/team writes one: a login, or `{ github = "login", roles = [..] }`.
fn login(v: &toml::Value) -> Option<String> {
    let s = match v {
        toml::Value::String(s) => s.as_str(),
        toml::Value::Table(t) => t.get("github")?.as_str()?,
        _ => return None,
    };
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// `:line:col` (1-based) of a byte offset.
fn line_col(text: &str, offset: usize) -> String {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!(":{line}:{col}")
}

/// The 1-based line where `key` is set or opened as a table, else 1: the parser keeps no
/// positions on a plain table, and a note is only useful with a line.
fn key_line(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix('[').unwrap_or(l);
            l.strip_prefix(key)
                .is_some_and(|rest| rest.trim_start().starts_with(['=', ']']))
        })
        .map_or(1, |i| i + 1)
}

/// A person's display name from their `people/<login>.toml` (its `name`); `None` when the
/// file is missing, not TOML or has no name, and the login stands for them. Nothing else of
/// the file is read: it holds e-mail addresses and chat ids a charter must not carry.
pub fn person_name(text: &str) -> Option<String> {
    let t: toml::Table = toml::from_str(text).ok()?;
    let name = t.get("name")?.as_str()?.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

/// `owner/repo` of a GitHub repository's address; `None` for any other address.
fn github_repo(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.strip_prefix("github.com/")?;
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let owner = parts.next()?;
    let repo = parts.next()?.trim_end_matches(".git");
    (!repo.is_empty()).then(|| format!("{owner}/{repo}"))
}

/// What the import will write.
#[derive(Debug, Default)]
pub struct Plan {
    /// (path relative to the handbook root, text), each parent before its children.
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
    /// `owned` counts repositories.
    pub count: super::ImportCounts,
    /// Marker teams and teams without people (and without subteams): no charter.
    pub skipped: usize,
    pub alumni: usize,
}

/// One team placed: its slug and path, or the handbook's charter of that slug.
struct Placed {
    team: usize,
    parent: Option<usize>,
    slug: String,
    path: String,
    existing: bool,
    group: bool,
}

/// Maps the team files onto charters beside the handbook's existing ones. `names` gives a
/// login's display name (from `people/`), `dates` a file's last change in git, which is its
/// charter's `reviewed`.
pub fn plan(
    teams: &[Team],
    survey: &Survey,
    top_parent: Option<&str>,
    mut names: impl FnMut(&str) -> Option<String>,
    mut dates: impl FnMut(&str) -> Option<Date>,
) -> Plan {
    let mut plan = Plan::default();
    let top = super::top_folder(survey, top_parent);
    let by_name: HashMap<String, usize> = teams
        .iter()
        .enumerate()
        .flat_map(|(i, t)| [(t.name.to_lowercase(), i), (t.stem.to_lowercase(), i)])
        .collect();
    // Each team's parent among the files, when `subteam-of` names one and no loop forms.
    let mut parent: Vec<Option<usize>> = vec![None; teams.len()];
    for (i, t) in teams.iter().enumerate() {
        let Some((p, line)) = &t.subteam_of else {
            continue;
        };
        match by_name.get(&p.to_lowercase()) {
            Some(&j) if j != i => parent[i] = Some(j),
            _ => plan.notes.push(format!(
                "{}:{line}: `subteam-of` names {p}, which is no team of the files read; {} is a top-level charter",
                t.file, t.name
            )),
        }
    }
    // Each loop of `subteam-of` is cut once, at its first team in file order. One walk up
    // from each team, stopping at a team an earlier walk finished: linear in the teams,
    // however long the chains (a walk per team to the root would be quadratic on one chain).
    let mut walked: Vec<Option<usize>> = vec![None; teams.len()]; // the walk that reached it
    for start in 0..teams.len() {
        let mut at = Some(start);
        while let Some(j) = at {
            match walked[j] {
                Some(w) if w == start => {
                    // Back at a team of this walk: `j` is on a loop (`start` may only lead
                    // into it). Cut the loop at its first team.
                    let mut first = j;
                    let mut k = parent[j].unwrap_or(j);
                    while k != j {
                        first = first.min(k);
                        k = parent[k].unwrap_or(j);
                    }
                    let line = teams[first].subteam_of.as_ref().map_or(1, |s| s.1);
                    plan.notes.push(format!(
                        "{}:{line}: `subteam-of` goes round in a loop back to {}; {} is a top-level charter",
                        teams[first].file, teams[first].name, teams[first].name
                    ));
                    parent[first] = None;
                    break;
                }
                Some(_) => break,
                None => {
                    walked[j] = Some(start);
                    at = parent[j];
                }
            }
        }
    }
    let mut children_of: Vec<Vec<usize>> = vec![Vec::new(); teams.len()];
    for (c, p) in parent.iter().enumerate() {
        if let Some(p) = p {
            children_of[*p].push(c);
        }
    }
    let mut taken: BTreeSet<String> = survey.teams.keys().cloned().collect();
    let mut placed: Vec<Placed> = Vec::new();
    let mut slot: Vec<Option<usize>> = vec![None; teams.len()];
    // Parents before children: roots first, then each team's subteams under it.
    let mut queue: Vec<usize> = (0..teams.len()).filter(|&i| parent[i].is_none()).collect();
    let mut next = 0;
    while next < queue.len() {
        let i = queue[next];
        next += 1;
        let t = &teams[i];
        let children = &children_of[i];
        let group = t.is_marker() || !t.has_people();
        if group && children.is_empty() {
            plan.skipped += 1;
            let (line, why) = if t.is_marker() {
                (
                    t.kind_line,
                    "is a marker team (`kind = \"marker-team\"`, a label for permissions, not people who work together)",
                )
            } else {
                (t.people_line, "has no leads or members")
            };
            plan.notes.push(format!(
                "{}:{line}: team {} {why}; no charter",
                t.file, t.name
            ));
            continue;
        }
        let parent_slot = parent[i].and_then(|p| slot[p]);
        let base = match slugify(&t.stem) {
            s if s.is_empty() => "team".to_owned(),
            s => s,
        };
        let p = if let Some(e) = survey.teams.get(&base) {
            plan.count.existing += 1;
            let mut note = format!(
                "{}:{}: team {} is already in the handbook as {}; kept as it is",
                t.file, t.name_line, t.name, e.path
            );
            let shown: Vec<String> = t
                .leads
                .iter()
                .chain(&t.members)
                .map(|l| names(l).unwrap_or_else(|| l.clone()))
                .collect();
            let repo: Option<String> = t.repo.as_ref().and_then(|(url, _)| github_repo(url));
            let (new_people, new_repos) =
                super::not_in_charter(e, shown.iter().map(String::as_str), repo.as_deref());
            if !new_people.is_empty() {
                note.push_str(&format!(
                    "; the file also lists as its people: {} (add them to `members` if they are)",
                    new_people.join(", ")
                ));
            }
            if !new_repos.is_empty() {
                note.push_str(&format!(
                    "; and gives it: {} (add it to `owns` if it is its)",
                    new_repos.join(", ")
                ));
            }
            plan.notes.push(note);
            Placed {
                team: i,
                parent: parent_slot,
                slug: base,
                path: e.path.clone(),
                existing: true,
                group,
            }
        } else {
            let slug = unique_slug(&base, &mut taken);
            if slug != base {
                plan.notes.push(format!(
                    "{}:{}: another charter is {base}; team {} is {slug}",
                    t.file, t.name_line, t.name
                ));
            }
            let path = match parent_slot {
                Some(s) => format!("{}/{slug}.md", placed[s].path.trim_end_matches(".md")),
                None => format!("{top}/{slug}.md"),
            };
            Placed {
                team: i,
                parent: parent_slot,
                slug,
                path,
                existing: false,
                group,
            }
        };
        placed.push(p);
        slot[i] = Some(placed.len() - 1);
        queue.extend(children);
    }

    let in_handbook = survey.owners();
    let mut owned: HashMap<String, &str> = HashMap::new();
    let mut people: BTreeSet<String> = BTreeSet::new();
    let mut alumni_teams = 0;
    for p in placed.iter().filter(|p| !p.existing) {
        let t = &teams[p.team];
        let display = |login: &str, names: &mut dyn FnMut(&str) -> Option<String>| {
            names(login).unwrap_or_else(|| login.to_owned())
        };
        let mut logins: Vec<&str> = Vec::new();
        for l in t.leads.iter().chain(&t.members) {
            if !logins.iter().any(|m| m.eq_ignore_ascii_case(l)) {
                logins.push(l);
            }
        }
        let shown: Vec<(String, &str)> = logins
            .iter()
            .map(|l| (display(l, &mut names), *l))
            .collect();
        people.extend(logins.iter().map(|l| l.to_lowercase()));
        let lead = t.leads.first().map(|l| display(l, &mut names));
        let sentence = t
            .description
            .as_deref()
            .filter(|d| d.split_whitespace().count() >= PROBLEM_MIN_WORDS);
        let problem = match (sentence, p.group) {
            (Some(d), _) => Some(d.to_owned()),
            // A group needs no problem: a placeholder there would only be noise.
            (None, true) => None,
            (None, false) => {
                plan.count.without_problem += 1;
                Some(scaffold::PLACEHOLDER_PROBLEM.to_owned())
            }
        };
        let mut owns: Vec<String> = Vec::new();
        let mut body: Vec<String> = Vec::new();
        if let Some((url, line)) = &t.repo {
            match github_repo(url) {
                Some(repo) => {
                    if let Some(owner) = in_handbook.get(&crate::model::ownership_key(&repo)) {
                        plan.notes.push(format!(
                            "{}:{line}: repository {repo} is already owned by {owner}; left out of {}'s `owns` (ownership is exclusive)",
                            t.file, t.name
                        ));
                    } else if let Some(first) = owned.get(&repo.to_lowercase()) {
                        plan.notes.push(format!(
                            "{}:{line}: repository {repo} is owned by {first}, imported first; left out of {}'s `owns` (ownership is exclusive)",
                            t.file, t.name
                        ));
                    } else {
                        owned.insert(repo.to_lowercase(), &p.slug);
                        owns.push(repo);
                    }
                }
                None => body.push(format!("Its website: <{url}>.")),
            }
        }
        let mut contact = BTreeMap::new();
        if let Some(z) = &t.zulip {
            contact.insert("zulip", format!("#{}", z.trim_start_matches('#')));
        }
        let reviewed = dates(&t.file);
        if reviewed.is_none() {
            plan.count.undated += 1;
        }
        let name = t.website_name.as_deref().unwrap_or(&t.name);
        let fm = CharterFrontMatter {
            name,
            kind: if p.group { "group" } else { "team" },
            parent: p.parent.map(|s| placed[s].slug.as_str()).or(top_parent),
            problem: problem.as_deref(),
            lead: lead.as_deref(),
            members: shown.iter().map(|(n, _)| n.as_str()).collect(),
            owns: owns.iter().map(String::as_str).collect(),
            reviewed: reviewed.map(toml_date),
            contact,
            metrics: if p.group {
                Vec::new()
            } else {
                vec![MetricEntry::placeholder()]
            },
            ..CharterFrontMatter::default()
        };
        if let Some(d) = &t.description
            && sentence.is_none()
        {
            body.push(format!("The team registry describes it as: {d}"));
        }
        match t.kind.as_deref() {
            Some("working-group") => body.push("A working group.".to_owned()),
            Some("project-group") => body.push("A project group.".to_owned()),
            Some("marker-team") => body.push(
                "A marker team in the registry (a label, not people who work together): the group of its subteams here.".to_owned(),
            ),
            _ => {}
        }
        if p.group && !t.is_marker() && !t.has_people() {
            body.push("It has no people of its own: the group of its subteams.".to_owned());
        }
        if !shown.is_empty() {
            // The GitHub login is the handle people are found by; `members` holds names.
            let mut list = String::from("## People\n");
            for (n, l) in &shown {
                let lead = t.leads.iter().any(|x| x.eq_ignore_ascii_case(l));
                let about = match (n == l, lead) {
                    (true, false) => String::new(),
                    (true, true) => " (lead)".to_owned(),
                    (false, false) => format!(" (`{l}` on GitHub)"),
                    (false, true) => format!(" (`{l}` on GitHub, lead)"),
                };
                list.push_str(&format!("\n- {n}{about}"));
            }
            body.push(list);
        }
        if t.alumni > 0 {
            plan.alumni += t.alumni;
            alumni_teams += 1;
        }
        body.push(format!(
            "Imported from teams/{}.toml, the team `{}` of the team registry.",
            t.stem, t.name
        ));
        let mut text = fm.to_front_matter();
        text.push_str(&body.join("\n\n"));
        text.push('\n');
        if p.group {
            plan.count.groups += 1;
        } else {
            plan.count.teams += 1;
        }
        plan.count.owned += owns.len();
        plan.files.push((p.path.clone(), text));
    }
    if plan.alumni > 0 {
        plan.notes.push(format!(
            "the {} of {} {} left out: a charter lists the people in the team now",
            crate::text::counted(plan.alumni, "alumnus", "alumni"),
            crate::text::counted(alumni_teams, "team", "teams"),
            if plan.alumni == 1 { "is" } else { "are" }
        ));
    }
    plan.count.members = people.len();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEAM: &str = "\
name = \"kiln\"
subteam-of = \"forge\"

[people]
leads = [\"ana\"]
members = [\"ana\", { github = \"Bo\", roles = [\"r\"] }, 7]
alumni = [\"cy\"]

[website]
description = \"Short\"
repo = \"https://github.com/acme/kiln.git\"
";

    #[test]
    fn a_team_file_is_read_with_its_people_and_lines() {
        let mut notes = Vec::new();
        let t = read_team("teams/kiln.toml", TEAM, &mut notes).unwrap();
        assert_eq!(t.leads, ["ana"]);
        assert_eq!(t.members, ["ana", "Bo"]);
        assert_eq!(t.alumni, 1);
        assert_eq!(t.subteam_of, Some(("forge".to_owned(), 2)));
        assert_eq!(
            t.repo,
            Some(("https://github.com/acme/kiln.git".to_owned(), 11))
        );
        assert_eq!(
            notes,
            [
                "teams/kiln.toml:6: an item of `members` is neither a login nor a table with `github`; left out"
            ]
        );
    }

    /// The notes on a team as a whole point at its `name`, and those on why it has no
    /// charter at the key that says so, not at the file's first line (a comment, often).
    #[test]
    fn notes_on_whole_teams_point_at_the_line_of_their_key() {
        let mut notes = Vec::new();
        let read =
            |file: &str, text: &str, notes: &mut Vec<String>| read_team(file, text, notes).unwrap();
        let marker = read(
            "teams/all-reviewers.toml",
            "# Everyone who may review.\nname = \"all-reviewers\"\nkind = \"marker-team\"\n",
            &mut notes,
        );
        let empty = read(
            "teams/quiet.toml",
            "# Nobody yet.\nname = \"quiet\"\n\n[people]\nleads = []\n",
            &mut notes,
        );
        let kiln = read(
            "teams/kiln.toml",
            &format!("# The kiln.\n{TEAM}"),
            &mut notes,
        );
        let kiln_charter = scaffold::TeamEntry {
            path: "content/teams/kiln.md".to_owned(),
            kind: Some(crate::model::TeamKind::Team),
            name: Some("Kiln".to_owned()),
            owns: vec![],
            people: vec![],
            codeowners: Vec::new(),
        };
        let survey = Survey {
            teams: [("kiln".to_owned(), kiln_charter)].into(),
            decisions: Default::default(),
        };
        let plan = plan(&[marker, empty, kiln], &survey, None, |_| None, |_| None);
        let at = |start: &str| {
            let found = plan.notes.iter().find(|n| n.starts_with(start));
            assert!(found.is_some(), "{start}: {:?}", plan.notes);
        };
        at("teams/all-reviewers.toml:3: team all-reviewers is a marker team");
        at("teams/quiet.toml:4: team quiet has no leads or members");
        at("teams/kiln.toml:2: team kiln is already in the handbook");
    }

    #[test]
    fn a_file_that_is_not_toml_names_its_line_and_column() {
        let e =
            read_team("teams/x.toml", "name = \"x\"\nleads = [\n", &mut Vec::new()).unwrap_err();
        assert!(e.starts_with("teams/x.toml:"), "{e}");
        assert!(e.contains("not valid TOML"), "{e}");
    }

    #[test]
    fn only_github_addresses_are_owned() {
        assert_eq!(
            github_repo("http://github.com/acme/kiln").as_deref(),
            Some("acme/kiln")
        );
        assert_eq!(
            github_repo("https://www.github.com/acme/kiln.git/").as_deref(),
            Some("acme/kiln")
        );
        assert_eq!(github_repo("https://github.com/acme"), None);
        assert_eq!(github_repo("https://gitlab.com/acme/kiln"), None);
    }

    #[test]
    fn a_loop_of_subteams_is_broken_and_every_charter_parses() {
        let mut notes = Vec::new();
        let a = read_team(
            "teams/a.toml",
            "name = \"a\"\nsubteam-of = \"b\"\n[people]\nmembers = [\"x\"]\n",
            &mut notes,
        )
        .unwrap();
        let b = read_team(
            "teams/b.toml",
            "name = \"b\"\nsubteam-of = \"a\"\n[people]\nmembers = [\"y\"]\n",
            &mut notes,
        )
        .unwrap();
        let plan = plan(&[a, b], &Survey::default(), None, |_| None, |_| None);
        assert_eq!(plan.files.len(), 2, "{:?}", plan.notes);
        assert!(
            plan.notes
                .iter()
                .any(|n| n.contains("goes round in a loop"))
        );
        crate::import::assert_charters_parse(&plan.files);
    }

    #[test]
    fn a_loop_is_cut_at_its_first_team_and_a_team_leading_into_it_keeps_its_parent() {
        let team = |name: &str, parent: &str| {
            let text = format!(
                "name = \"{name}\"\nsubteam-of = \"{parent}\"\n[people]\nmembers = [\"{name}-lead\"]\n"
            );
            read_team(&format!("teams/{name}.toml"), &text, &mut Vec::new()).unwrap()
        };
        // tail → b → c → b: the loop is b and c, and tail only leads into it.
        let teams = [team("tail", "b"), team("b", "c"), team("c", "b")];
        let plan = plan(&teams, &Survey::default(), None, |_| None, |_| None);
        let loops: Vec<_> = plan.notes.iter().filter(|n| n.contains("loop")).collect();
        assert_eq!(loops.len(), 1, "{:?}", plan.notes);
        assert!(loops[0].starts_with("teams/b.toml:2:"), "{loops:?}");
        let text = |stem: &str| {
            let (_, text) = plan.files.iter().find(|(p, _)| p.contains(stem)).unwrap();
            text.clone()
        };
        assert!(text("tail").contains("parent = \"b\""), "{}", text("tail"));
        assert!(text("/c").contains("parent = \"b\""), "{}", text("/c"));
        assert!(!text("/b").contains("parent ="), "{}", text("/b"));
        crate::import::assert_charters_parse(&plan.files);
    }

    #[test]
    fn a_long_chain_of_subteams_is_placed_parents_first() {
        // 3,000 teams, each the subteam of the next: the walks stay linear.
        let n = 3000;
        let teams: Vec<_> = (0..n)
            .map(|i| {
                let parent = if i + 1 < n {
                    format!("subteam-of = \"t{}\"\n", i + 1)
                } else {
                    String::new()
                };
                let text = format!("name = \"t{i}\"\n{parent}[people]\nmembers = [\"p{i}\"]\n");
                read_team(&format!("teams/t{i}.toml"), &text, &mut Vec::new()).unwrap()
            })
            .collect();
        let plan = plan(&teams, &Survey::default(), None, |_| None, |_| None);
        assert_eq!(plan.files.len(), n);
        assert!(
            plan.notes.iter().all(|n| !n.contains("loop")),
            "{:?}",
            plan.notes
        );
        assert!(plan.files[0].0.contains("t2999"), "{}", plan.files[0].0);
    }

    #[test]
    fn a_person_is_their_name_alone() {
        assert_eq!(
            person_name("name = \"Ana Example\"\nemail = \"ana@x.example\"\n").as_deref(),
            Some("Ana Example")
        );
        assert_eq!(person_name("github = \"ana\"\n"), None);
        assert_eq!(person_name("not toml ["), None);
    }
}
