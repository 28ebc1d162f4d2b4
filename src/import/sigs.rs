//! Reading a Kubernetes-style `sigs.yaml` into team charters (`orgbook import sigs`).
//!
//! Governance repositories in the Kubernetes mould (kubernetes/community and the CNCF
//! projects that copied it) keep every group as data in one file: special interest groups
//! under `sigs`, working groups under `workinggroups`, user groups under `usergroups` and
//! committees under `committees`, each with a `dir`, a `name`, a `mission_statement`,
//! `leadership`, `contact`, `meetings` and `subprojects`; the groups' READMEs are generated
//! from it. The CNCF's Technical Oversight Committee keeps its Technical Advisory Groups
//! the same way in `tags.yaml` (`tags`, with `tag_subprojects`, a list of `toc_liaison`s,
//! `tag_initiatives`), its READMEs in `tags/<dir>/`. This module owns the mapping of one such entry onto a charter: `dir` → slug,
//! the first sentence of the mission → `problem` (the rest stays in the body), chairs and
//! technical leads → `lead` and `members`, Slack and mailing lists → `[contact]`,
//! subprojects → `owns` (their OWNERS files listed in the body), a working group's
//! `stakeholder_sigs` → `[[interactions]]` on both sides, and meetings and the charter
//! link → the body.
//!
//! Every group is a team, committees included: a committee has a mission and members but
//! no teams beneath it, which is what orgbook's groups are for. All of them sit under one
//! parent, `--parent` or a `community` group the import writes, so the org map shows the
//! registry as one tree. The file has no metrics, so each team gets the scaffold's
//! placeholder, which the health page lists. As in the other importers, what cannot be
//! mapped is a note with a count or a `file:line`, and a charter the handbook already has
//! is never edited.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use yaml_serde::Value;

use super::{
    CharterFrontMatter, InteractionEntry, MetricEntry, Rewrite, markdown_link, rewrite_links_with,
    slugify, toml_date, unique_slug,
};
use crate::gitdates::LastChanged;
use crate::load::CONTENT_DIR;
use crate::scaffold::{self, Survey};
use crate::text::counted;

/// The registry's file names, in the order a folder given as PATH is looked in for them:
/// Kubernetes' and the CNCF TOC's.
pub const FILE_NAMES: [&str; 2] = ["sigs.yaml", "tags.yaml"];

/// The group `orgbook import sigs` writes as every charter's parent when `--parent` names
/// none; a second run finds it and uses it again.
pub const DEFAULT_PARENT: &str = "community";

/// Which list of the file a group comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GroupKind {
    Sig,
    WorkingGroup,
    UserGroup,
    Committee,
    /// A Technical Advisory Group of the CNCF TOC's `tags.yaml`.
    Tag,
}

impl GroupKind {
    const ALL: [(&'static str, GroupKind); 5] = [
        ("sigs", GroupKind::Sig),
        ("workinggroups", GroupKind::WorkingGroup),
        ("usergroups", GroupKind::UserGroup),
        ("committees", GroupKind::Committee),
        ("tags", GroupKind::Tag),
    ];

    /// The top-level key the group is listed under, which is also where the CNCF TOC
    /// keeps the groups' folders (`tags/tag-runtime/`).
    fn list_key(self) -> &'static str {
        GroupKind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(key, _)| key)
    }

    /// The name a group is known by, as the community writes it: "SIG Apps", "WG LTS",
    /// "Steering Committee". The file's `name` alone ("Apps", "Policy") does not say
    /// which kind of group it is, and the org map shows all kinds side by side.
    fn display_name(self, name: &str) -> String {
        let has = |word: &str| {
            name.split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case(word))
        };
        match self {
            GroupKind::Sig if !has("sig") => format!("SIG {name}"),
            GroupKind::WorkingGroup if !has("wg") => format!("WG {name}"),
            GroupKind::UserGroup if !has("ug") => format!("UG {name}"),
            GroupKind::Committee if !has("committee") => format!("{name} Committee"),
            GroupKind::Tag if !has("tag") => format!("TAG {name}"),
            _ => name.to_owned(),
        }
    }

    /// The slug prefix of a group without a `dir`, as kubernetes/community names folders.
    fn dir_prefix(self) -> &'static str {
        match self {
            GroupKind::Sig => "sig",
            GroupKind::WorkingGroup => "wg",
            GroupKind::UserGroup => "ug",
            GroupKind::Committee => "committee",
            GroupKind::Tag => "tag",
        }
    }

    /// Who the group's liaison speaks for: Kubernetes' Steering Committee, the CNCF's
    /// Technical Oversight Committee.
    fn liaison_of(self) -> &'static str {
        match self {
            GroupKind::Tag => "TOC liaison",
            _ => "Steering Committee liaison",
        }
    }
}

/// A person of `leadership`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: Option<String>,
    pub github: Option<String>,
}

impl Person {
    /// The name a charter lists: the person's name, else the GitHub handle.
    fn shown(&self) -> Option<&str> {
        self.name.as_deref().or(self.github.as_deref())
    }
}

#[derive(Debug, Clone, Default)]
pub struct Meeting {
    pub description: Option<String>,
    pub day: Option<String>,
    pub time: Option<String>,
    pub tz: Option<String>,
    pub frequency: Option<String>,
    pub url: Option<String>,
    pub archive_url: Option<String>,
    pub recordings_url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Subproject {
    pub name: String,
    pub description: Option<String>,
    pub owners: Vec<String>,
    /// A TAG subproject's `leadership.subproject_leads`.
    pub leads: Vec<Person>,
    /// It has a `contact` or `meetings` of its own, which the charter has no place for.
    pub own_contact: bool,
}

/// One entry of `sigs`, `workinggroups`, `usergroups` or `committees`.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: GroupKind,
    /// The 1-based line the entry starts on, for notes.
    pub line: usize,
    pub dir: Option<String>,
    pub name: String,
    pub mission: Option<String>,
    pub charter_link: Option<String>,
    /// The mission the group's charter file states ([`read_charter_missions`]), which
    /// says what the group is for better than a TAG's `mission_statement`, a list of
    /// topics in cncf/toc.
    pub charter_mission: Option<String>,
    pub chairs: Vec<Person>,
    pub tech_leads: Vec<Person>,
    pub emeritus: usize,
    pub meetings: Vec<Meeting>,
    pub slack: Option<String>,
    pub mailing_list: Option<String>,
    pub private_list: Option<String>,
    /// Kubernetes' one `contact.liaison`, or the CNCF's list of `contact.toc_liaison`.
    pub liaisons: Vec<Person>,
    pub github_teams: usize,
    pub subprojects: Vec<Subproject>,
    pub stakeholders: Vec<String>,
    pub label: Option<String>,
    /// A TAG's `tag_initiatives`: the address of its list of initiatives.
    pub initiatives: Option<String>,
    /// Keys of the entry this module does not read.
    pub other_keys: Vec<String>,
}

/// The file, read.
#[derive(Debug, Default)]
pub struct Registry {
    /// The path shown in notes.
    pub file: String,
    pub groups: Vec<Group>,
    pub notes: Vec<String>,
}

/// The registry PATH names: the file itself, or the `sigs.yaml` (else `tags.yaml`) in the
/// folder.
pub fn find_file(path: &Path) -> Result<PathBuf, String> {
    if path.is_file() {
        return Ok(path.to_path_buf());
    }
    if path.is_dir() {
        return FILE_NAMES
            .iter()
            .map(|name| path.join(name))
            .find(|inside| inside.is_file())
            .ok_or_else(|| {
                format!(
                    "{}: no {} in this folder",
                    path.display(),
                    FILE_NAMES.join(" or ")
                )
            });
    }
    Err(format!("{}: no such file or folder", path.display()))
}

/// Reads the registry; an error only when the file is not YAML or not a mapping.
pub fn read_registry(file: &str, text: &str) -> Result<Registry, String> {
    let root: Value = yaml_serde::from_str(text).map_err(|e| super::yaml_error(file, &e))?;
    let Some(map) = root.as_mapping() else {
        return Err(format!(
            "{file}: not a mapping of `sigs`, `workinggroups`, `usergroups`, `committees` or `tags`"
        ));
    };
    let mut reg = Registry {
        file: file.to_owned(),
        ..Registry::default()
    };
    let lines = EntryLines::of(text);
    for (key, value) in map {
        let key = key.as_str().unwrap_or_default();
        let Some(&(_, kind)) = GroupKind::ALL.iter().find(|(k, _)| *k == key) else {
            reg.notes.push(format!(
                "{file}: top-level `{key}` is not a list of groups; left out"
            ));
            continue;
        };
        for entry in value.as_sequence().into_iter().flatten() {
            match group(kind, entry, &lines) {
                Some(g) => reg.groups.push(g),
                None => reg.notes.push(format!(
                    "{file}: an entry of `{key}` has no `name`; skipped"
                )),
            }
        }
    }
    Ok(reg)
}

/// Where entries start: the line of each `dir:` and `name:` value. The parser gives no
/// positions, and a note is only useful with a line.
struct EntryLines {
    by_dir: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
}

impl EntryLines {
    fn of(text: &str) -> EntryLines {
        let mut lines = EntryLines {
            by_dir: HashMap::new(),
            by_name: HashMap::new(),
        };
        for (i, line) in text.lines().enumerate() {
            let t = line.trim_start();
            let t = t.strip_prefix("- ").unwrap_or(t).trim_start();
            // `dir: tag-runtime # TAG Runtime`: cncf/toc comments its entries.
            let unquote = |v: &str| {
                let v = v.split(" #").next().unwrap_or(v);
                v.trim().trim_matches(['"', '\'']).to_owned()
            };
            if let Some(v) = t.strip_prefix("dir:") {
                lines.by_dir.entry(unquote(v)).or_insert(i + 1);
            } else if let Some(v) = t.strip_prefix("name:") {
                lines.by_name.entry(unquote(v)).or_insert(i + 1);
            }
        }
        lines
    }
}

fn text(v: &Value, key: &str) -> Option<String> {
    let v = v.get(key)?;
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

/// The people of a list, or of a single mapping (Kubernetes' `liaison`). Only `name` and
/// `github` are read: `email`, `company`, `lfx_id` and `term` never reach a charter.
fn people(v: Option<&Value>) -> Vec<Person> {
    let one = v.filter(|v| v.is_mapping()).into_iter();
    v.and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .chain(one)
        .map(|p| Person {
            name: text(p, "name"),
            github: text(p, "github"),
        })
        .filter(|p| p.name.is_some() || p.github.is_some())
        .collect()
}

const READ_KEYS: &[&str] = &[
    "dir",
    "name",
    "mission_statement",
    "charter_link",
    "leadership",
    "meetings",
    "contact",
    "subprojects",
    "tag_subprojects",
    "stakeholder_sigs",
    "label",
    "tag_initiatives",
];

fn group(kind: GroupKind, v: &Value, lines: &EntryLines) -> Option<Group> {
    let name = text(v, "name")?;
    let dir = text(v, "dir");
    let line = dir
        .as_ref()
        .and_then(|d| lines.by_dir.get(d))
        .or_else(|| lines.by_name.get(&name))
        .copied()
        .unwrap_or(1);
    let leadership = v.get("leadership");
    let contact = v.get("contact");
    let meetings = v
        .get("meetings")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .map(|m| Meeting {
            description: text(m, "description"),
            day: text(m, "day"),
            time: text(m, "time"),
            tz: text(m, "tz"),
            frequency: text(m, "frequency"),
            // The CNCF TOC's: a calendar to join from, and the notes' document.
            url: text(m, "url").or_else(|| text(m, "tag_calendar")),
            archive_url: text(m, "archive_url").or_else(|| text(m, "meeting_notes_url")),
            recordings_url: text(m, "recordings_url"),
        })
        .collect();
    let subprojects = ["subprojects", "tag_subprojects"]
        .iter()
        .filter_map(|key| v.get(*key)?.as_sequence())
        .flatten()
        .filter_map(|s| {
            Some(Subproject {
                name: text(s, "name")?,
                // A TAG subproject states a mission, as its TAG does; its first sentence
                // is the list item's description.
                description: text(s, "description")
                    .or_else(|| text(s, "mission_statement").map(|m| split_mission(&m).0)),
                owners: strings(s.get("owners")),
                leads: people(s.get("leadership").and_then(|l| l.get("subproject_leads"))),
                own_contact: s.get("contact").is_some() || s.get("meetings").is_some(),
            })
        })
        .collect();
    let other_keys = v
        .as_mapping()
        .into_iter()
        .flatten()
        .filter_map(|(k, _)| k.as_str())
        .filter(|k| !READ_KEYS.contains(k))
        .map(str::to_owned)
        .collect();
    Some(Group {
        kind,
        line,
        dir,
        name,
        mission: text(v, "mission_statement"),
        charter_link: text(v, "charter_link"),
        charter_mission: None,
        chairs: people(leadership.and_then(|l| l.get("chairs"))),
        tech_leads: people(leadership.and_then(|l| l.get("tech_leads"))),
        emeritus: people(leadership.and_then(|l| l.get("emeritus_leads"))).len(),
        meetings,
        slack: contact.and_then(|c| text(c, "slack")),
        mailing_list: contact.and_then(|c| text(c, "mailing_list")),
        private_list: contact.and_then(|c| text(c, "private_mailing_list")),
        liaisons: people(contact.and_then(|c| c.get("liaison").or_else(|| c.get("toc_liaison")))),
        github_teams: contact
            .and_then(|c| c.get("teams"))
            .and_then(Value::as_sequence)
            .map_or(0, Vec::len),
        subprojects,
        stakeholders: strings(v.get("stakeholder_sigs")),
        label: text(v, "label"),
        initiatives: text(v, "tag_initiatives"),
        other_keys,
    })
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_sequence)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The handbook's files and folders under `content/`, root-relative: where a group's
/// folder already is, and whether its charter file was moved in too.
#[derive(Debug, Default)]
pub struct HandbookFiles {
    /// A folder's name → the folders of that name, shallowest first.
    pub folders: BTreeMap<String, Vec<String>>,
    pub files: HashSet<String>,
}

impl HandbookFiles {
    /// One walk of `content/` (hidden folders skipped).
    pub fn of(root: &Path) -> HandbookFiles {
        let mut out = HandbookFiles::default();
        let content = root.join(CONTENT_DIR);
        let walk = walkdir::WalkDir::new(&content)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        let mut folders: Vec<(usize, String, String)> = Vec::new();
        for entry in walk.filter_map(Result::ok).filter(|e| e.depth() > 0) {
            let Ok(rel) = entry.path().strip_prefix(root) else {
                continue;
            };
            let rel = rel.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                let name = entry.file_name().to_string_lossy().into_owned();
                folders.push((entry.depth(), name, rel));
            } else {
                out.files.insert(rel);
            }
        }
        folders.sort();
        for (_, name, rel) in folders {
            out.folders.entry(name).or_default().push(rel);
        }
        out
    }

    /// The group's folder under `content/teams/`, where its charter goes beside it.
    fn team_folder(&self, dir: &str) -> Option<&str> {
        self.folders
            .get(dir)?
            .iter()
            .find(|f| f.starts_with(&format!("{CONTENT_DIR}/teams/")))
            .map(String::as_str)
    }
}

/// What the import will write.
#[derive(Debug, Default)]
pub struct Plan {
    /// (path relative to the handbook root, text), the parent group first.
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
    /// `owned` counts subprojects; `without_problem`, teams the file gives no mission;
    /// `undated`, teams whose folder has no git history beside the file.
    pub count: super::ImportCounts,
    /// Teams whose problem is their charter file's mission ([`read_charter_missions`]).
    pub from_charter: usize,
}

/// A group's charter: new, with its slug and file, or one the handbook has.
#[derive(Debug, Clone)]
enum Slot {
    New { slug: String, path: String },
    Existing(String),
}

impl Slot {
    fn slug(&self) -> &str {
        match self {
            Slot::New { slug, .. } | Slot::Existing(slug) => slug,
        }
    }
}

/// Maps the registry onto charters beside the handbook's existing ones, every one under
/// `parent` (a charter of the handbook, checked by the caller), or under a
/// [`DEFAULT_PARENT`] group written with them when `parent` is `None`.
pub fn plan(
    reg: &Registry,
    survey: &Survey,
    handbook: &HandbookFiles,
    parent: Option<&str>,
    history: &LastChanged,
    today: Date,
) -> Plan {
    let mut plan = Plan {
        notes: reg.notes.clone(),
        ..Plan::default()
    };
    let parent = match parent {
        Some(p) => p.to_owned(),
        None => default_parent(reg, survey, &mut plan, today),
    };
    let parent_path = survey
        .teams
        .get(&parent)
        .map(|t| t.path.clone())
        .unwrap_or_else(|| format!("{CONTENT_DIR}/teams/{parent}.md"));
    let slots = slots(reg, survey, handbook, &parent_path, &mut plan.notes);
    let interactions = interactions(reg, &slots, survey, &mut plan.notes);
    let owned_in_handbook = survey.owners();
    let charters: HashMap<String, String> = reg
        .groups
        .iter()
        .zip(&slots)
        .filter_map(|(g, slot)| {
            let path = match slot {
                Slot::New { path, .. } => path.clone(),
                Slot::Existing(slug) => survey.teams[slug].path.clone(),
            };
            Some((g.dir.clone()?, path))
        })
        .collect();
    let mut claimed: HashMap<String, &str> = HashMap::new();
    let mut people: BTreeSet<String> = BTreeSet::new();
    for (i, (g, slot)) in reg.groups.iter().zip(&slots).enumerate() {
        let at = format!("{}:{}", reg.file, g.line);
        let shown = g.kind.display_name(&g.name);
        let (slug, path) = match slot {
            Slot::Existing(slug) => {
                plan.count.existing += 1;
                plan.notes
                    .push(already_there(&at, &shown, &survey.teams[slug], g));
                continue;
            }
            Slot::New { slug, path } => (slug, path),
        };
        let mut owns: Vec<&str> = Vec::new();
        for s in &g.subprojects {
            let key = crate::model::ownership_key(&s.name);
            if let Some(owner) = owned_in_handbook.get(&key) {
                plan.notes.push(format!(
                    "{at}: subproject {} of {shown} is already owned by {owner}; left out (ownership is exclusive)",
                    s.name
                ));
            } else if let Some(first) = claimed.get(&key) {
                plan.notes.push(format!(
                    "{at}: subproject {} of {shown} is also {first}'s; it stays there (ownership is exclusive)",
                    s.name
                ));
            } else {
                claimed.insert(key, slug);
                owns.push(&s.name);
            }
        }
        let charter_dir = path.rsplit_once('/').map_or("", |(d, _)| d);
        let links = LinkBase {
            folder: g
                .dir
                .as_deref()
                .and_then(|d| handbook.folders.get(d))
                .and_then(|f| f.first())
                .map(String::as_str),
            charter_dir,
            files: &handbook.files,
            charters: &charters,
        };
        let mut lost_links: Vec<String> = Vec::new();
        let (problem, rest) = match (&g.charter_mission, &g.mission) {
            // The charter's mission is the problem; the rest of its paragraph and the
            // file's own statement (TAGs' topics) stay in the body.
            (Some(stated), listed) => {
                let (problem, rest) = split_mission(stated);
                let rest = [rest, listed.clone().unwrap_or_default()]
                    .into_iter()
                    .map(|r| r.trim().to_owned())
                    .filter(|r| !r.is_empty())
                    .collect::<Vec<_>>()
                    .join("\n\n");
                plan.from_charter += 1;
                (problem, rest)
            }
            (None, Some(m)) => split_mission(m),
            (None, None) => {
                plan.count.without_problem += 1;
                (scaffold::PLACEHOLDER_PROBLEM.to_owned(), String::new())
            }
        };
        let mut body = links.rewrite(&rest, &mut lost_links);
        let members = members(g, &at, &shown, &mut plan.notes);
        people.extend(members.iter().cloned());
        add_charter_link(g, &links, &at, &shown, &mut body, &mut plan.notes);
        add_leadership(g, &mut body);
        add_meetings(g, &mut body);
        add_subprojects(g, &links, &mut body, &mut lost_links);
        if let Some(url) = &g.initiatives {
            body.push_str(&format!(
                "\n\n{} are tracked as issues.",
                markdown_link(url, Some("The group's initiatives"))
            ));
        }
        if !lost_links.is_empty() {
            lost_links.sort();
            lost_links.dedup();
            plan.notes.push(format!(
                "{at}: {shown} links to {}, which the handbook does not have; kept as text",
                lost_links.join(", ")
            ));
        }
        let mut contact = BTreeMap::new();
        if let Some(s) = &g.slack {
            contact.insert("chat", format!("#{}", s.trim_start_matches('#')));
        }
        if let Some(list) = &g.mailing_list {
            contact.insert(list_key(list, "email", "mailing list"), list.clone());
        }
        if let Some(list) = &g.private_list {
            contact.insert(
                list_key(list, "private email", "private list"),
                list.clone(),
            );
        }
        let their_interactions = &interactions[i];
        let fm = CharterFrontMatter {
            name: &shown,
            kind: "team",
            parent: Some(&parent),
            problem: Some(&problem),
            lead: g.chairs.first().and_then(Person::shown),
            members: members.iter().map(String::as_str).collect(),
            owns: owns.clone(),
            reviewed: last_changed(g, history).map(toml_date),
            contact,
            metrics: vec![MetricEntry::placeholder()],
            interactions: their_interactions
                .iter()
                .map(|(team, about)| InteractionEntry {
                    team,
                    mode: "collaboration",
                    about: Some(about),
                })
                .collect(),
            ..CharterFrontMatter::default()
        };
        let mut text = fm.to_front_matter();
        let body = body.trim();
        if body.is_empty() {
            text.push_str(&format!("Imported from {}.\n", file_name(&reg.file)));
        } else {
            text.push_str(body);
            text.push('\n');
        }
        if fm.reviewed.is_none() {
            plan.count.undated += 1;
        }
        plan.count.teams += 1;
        plan.count.owned += owns.len();
        plan.count.interactions += their_interactions.len();
        plan.files.push((path.clone(), text));
    }
    plan.count.members = people.len();
    left_out(reg, &mut plan.notes);
    plan
}

/// When a group's own files last changed in the registry's repository: its folder's
/// `charter.md` (what the group wrote) or `README.md` (regenerated from the file when its
/// entry changes), the newer. That is the charter's `reviewed`: the day of the import would
/// hide, for a whole review period, every group whose charter nobody has touched in years.
fn last_changed(g: &Group, history: &LastChanged) -> Option<Date> {
    let dir = g.dir.as_deref()?.trim_end_matches('/');
    // Beside the file (kubernetes/community), or in the folder of its list (the CNCF
    // TOC's `tags/tag-runtime/`).
    let folders = [dir.to_owned(), format!("{}/{dir}", g.kind.list_key())];
    folders
        .iter()
        .flat_map(|folder| {
            ["charter.md", "README.md"]
                .iter()
                .filter_map(move |f| history.get(&format!("{folder}/{f}")))
        })
        .filter_map(|d| d.parse::<Date>().ok())
        .max()
}

/// Past this a charter file is not read: a real one is a few kilobytes.
const CHARTER_READ_AT_MOST: u64 = 1 << 20;

/// Each group's charter file (`charter_link`, relative to the group's folder), read for
/// the mission it states ([`charter_mission`]) into [`Group::charter_mission`]. Looked for
/// where the handbook has the group's folder (moved in), else beside the registry file
/// (`<dir>/`, kubernetes/community) or in its list's folder (`tags/<dir>/`, the CNCF
/// TOC's); a link to an address, or a file in none of them, leaves the group as it was.
pub fn read_charter_missions(
    reg: &mut Registry,
    registry_dir: &Path,
    root: &Path,
    handbook: &HandbookFiles,
) {
    use std::io::Read;
    for g in &mut reg.groups {
        let (Some(dir), Some(link)) = (g.dir.as_deref(), g.charter_link.as_deref()) else {
            continue;
        };
        let dir = dir.trim_end_matches('/');
        if link.contains("://") || link.trim().is_empty() {
            continue;
        }
        let link = link.split('#').next().unwrap_or(link);
        let moved_in = handbook
            .folders
            .get(dir)
            .into_iter()
            .flatten()
            .map(|folder| root.join(folder));
        let beside = [
            registry_dir.join(dir),
            registry_dir.join(g.kind.list_key()).join(dir),
        ];
        let text = moved_in.chain(beside).find_map(|folder| {
            let mut text = String::new();
            std::fs::File::open(folder.join(link))
                .ok()?
                .take(CHARTER_READ_AT_MOST)
                .read_to_string(&mut text)
                .ok()?;
            Some(text)
        });
        g.charter_mission = text.as_deref().and_then(charter_mission);
    }
}

/// The mission a group's charter states: the first paragraph under its `Mission` heading
/// (`## Mission`, `## Mission Statement`, `## Mission and Scope`), on one line. `None`
/// when it has no such heading, or the section opens with a list, a table or nothing.
pub fn charter_mission(text: &str) -> Option<String> {
    let mut lines = text.lines();
    let mut fence = false;
    let heading = |line: &str| {
        let t = line.trim_start();
        let level = t.bytes().take_while(|&b| b == b'#').count();
        ((1..=6).contains(&level) && t[level..].starts_with([' ', '\t']))
            .then(|| t[level..].trim().trim_end_matches('#').trim().to_owned())
    };
    for line in lines.by_ref() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = !fence;
        }
        if fence {
            continue;
        }
        if let Some(h) = heading(line)
            && h.trim_matches(['*', '_', ':', ' '])
                .to_lowercase()
                .starts_with("mission")
        {
            break;
        }
    }
    let paragraph: Vec<&str> = lines
        .map(str::trim)
        .skip_while(|l| l.is_empty() || l.starts_with("<!--"))
        .take_while(|l| !l.is_empty() && heading(l).is_none())
        .collect();
    let first = paragraph.first()?;
    if first.starts_with(['-', '*', '+', '|', '<', '>', '!']) || first.starts_with("```") {
        return None;
    }
    let joined = paragraph.join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// `--parent`'s default: the handbook's [`DEFAULT_PARENT`] (written by an earlier run),
/// else a new group of that slug, first among the files.
fn default_parent(reg: &Registry, survey: &Survey, plan: &mut Plan, today: Date) -> String {
    if survey.teams.contains_key(DEFAULT_PARENT) {
        return DEFAULT_PARENT.to_owned();
    }
    let fm = CharterFrontMatter {
        name: "Community",
        kind: "group",
        problem: None,
        reviewed: Some(toml_date(today)),
        ..CharterFrontMatter::default()
    };
    let path = format!("{CONTENT_DIR}/teams/{DEFAULT_PARENT}.md");
    plan.notes.push(format!(
        "every imported group's parent is the new group {path} (\"Community\"): rename it, or import with --parent SLUG to put them under a charter of your own"
    ));
    plan.files.push((
        path,
        match reg.groups.iter().all(|g| g.kind == GroupKind::Tag) {
            true => format!(
                "{}The Technical Advisory Groups of {}.\n",
                fm.to_front_matter(),
                file_name(&reg.file)
            ),
            false => format!(
                "{}The special interest groups, working groups, user groups and committees of {}.\n",
                fm.to_front_matter(),
                file_name(&reg.file)
            ),
        },
    ));
    plan.count.groups += 1;
    DEFAULT_PARENT.to_owned()
}

/// The registry's file name without its folders, as the charters mention it.
fn file_name(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}

/// Each group's charter: the handbook's of its slug, else a new file beside the group's
/// folder under `content/teams/` (its README and pages become the team's), else in the
/// parent's folder, as `orgbook new team --parent` puts it.
fn slots(
    reg: &Registry,
    survey: &Survey,
    handbook: &HandbookFiles,
    parent_path: &str,
    notes: &mut Vec<String>,
) -> Vec<Slot> {
    let mut taken: BTreeSet<String> = survey
        .teams
        .iter()
        .filter(|(slug, t)| is_charter(slug, t))
        .map(|(slug, _)| slug.clone())
        .collect();
    let mut out = Vec::new();
    for g in &reg.groups {
        let at = format!("{}:{}", reg.file, g.line);
        let written = g
            .dir
            .clone()
            .unwrap_or_else(|| format!("{}-{}", g.kind.dir_prefix(), g.name));
        let mut base = slugify(&written);
        if base.is_empty() {
            base = g.kind.dir_prefix().to_owned();
        }
        if g.dir.as_deref().is_some_and(|d| d != base) {
            notes.push(format!(
                "{at}: dir `{written}` is not a slug; the charter is {base}"
            ));
        }
        if survey
            .teams
            .get(&base)
            .is_some_and(|t| is_charter(&base, t))
        {
            out.push(Slot::Existing(base));
            continue;
        }
        let slug = unique_slug(&base, &mut taken);
        if slug != base {
            notes.push(format!(
                "{at}: another group is also {base}; this one is {slug}"
            ));
        }
        let path = match g.dir.as_deref().and_then(|d| handbook.team_folder(d)) {
            Some(folder) if slug == base => format!("{folder}.md"),
            _ => format!("{}/{slug}.md", parent_path.trim_end_matches(".md")),
        };
        out.push(Slot::New { slug, path });
    }
    out
}

/// Whether the survey's entry is a charter: a group's README moved into
/// `content/teams/<dir>/` sits where a charter could, but without a charter's keys it is a
/// page of the team's folder, and the charter goes beside the folder.
fn is_charter(slug: &str, t: &scaffold::TeamEntry) -> bool {
    let folder_page = ["README.md", "index.md", "_index.md"]
        .iter()
        .any(|f| t.path.ends_with(&format!("/{slug}/{f}")));
    t.kind.is_some() || !folder_page
}

/// Each group's `[[interactions]]` as (team, about): a working group's stakeholder SIGs,
/// found among the imported groups by name or in the handbook, and the way back on the
/// SIG's new charter, so the collaboration is not one-sided.
fn interactions(
    reg: &Registry,
    slots: &[Slot],
    survey: &Survey,
    notes: &mut Vec<String>,
) -> Vec<Vec<(String, String)>> {
    let mut by_name: HashMap<String, usize> = HashMap::new();
    for (i, g) in reg.groups.iter().enumerate() {
        if g.kind == GroupKind::Sig {
            by_name.entry(g.name.to_lowercase()).or_insert(i);
            by_name
                .entry(GroupKind::Sig.display_name(&g.name).to_lowercase())
                .or_insert(i);
        }
    }
    let handbook_names: HashMap<String, &str> = survey
        .teams
        .iter()
        .filter(|(_, t)| t.kind.is_some())
        .filter_map(|(slug, t)| Some((t.name.as_ref()?.to_lowercase(), slug.as_str())))
        .collect();
    let mut out: Vec<Vec<(String, String)>> = vec![Vec::new(); reg.groups.len()];
    for (i, g) in reg.groups.iter().enumerate() {
        if g.stakeholders.is_empty() || matches!(slots[i], Slot::Existing(_)) {
            continue;
        }
        let at = format!("{}:{}", reg.file, g.line);
        let shown = g.kind.display_name(&g.name);
        let mut missing: Vec<&str> = Vec::new();
        let mut to_edit: Vec<&str> = Vec::new();
        for sig in &g.stakeholders {
            let key = sig.to_lowercase();
            if let Some(&j) = by_name.get(&key) {
                if j == i {
                    continue;
                }
                let theirs = slots[j].slug().to_owned();
                if !out[i].iter().any(|(t, _)| *t == theirs) {
                    out[i].push((theirs, "Stakeholder SIG".to_owned()));
                }
                match &slots[j] {
                    Slot::New { .. } => out[j].push((
                        slots[i].slug().to_owned(),
                        format!("A stakeholder of {shown}"),
                    )),
                    Slot::Existing(slug) => to_edit.push(&survey.teams[slug].path),
                }
                continue;
            }
            let slug_guess = format!("sig-{}", slugify(sig));
            let found = survey
                .teams
                .get_key_value(&slug_guess)
                .filter(|(_, t)| t.kind.is_some())
                .map(|(s, _)| s.as_str())
                .or_else(|| handbook_names.get(&key).copied())
                .or_else(|| {
                    handbook_names
                        .get(&GroupKind::Sig.display_name(sig).to_lowercase())
                        .copied()
                });
            match found {
                Some(slug) => {
                    out[i].push((slug.to_owned(), "Stakeholder SIG".to_owned()));
                    to_edit.push(&survey.teams[slug].path);
                }
                None => missing.push(sig),
            }
        }
        if !missing.is_empty() {
            notes.push(format!(
                "{at}: {} of {shown} that {} neither in the file nor in the handbook: {}; left out",
                if missing.len() == 1 {
                    "stakeholder SIG"
                } else {
                    "stakeholder SIGs"
                },
                if missing.len() == 1 { "is" } else { "are" },
                missing.join(", ")
            ));
        }
        if !to_edit.is_empty() {
            notes.push(format!(
                "{at}: {} are stakeholders of {shown}; the import does not edit a charter: add `[[interactions]]` with team = \"{}\", mode = \"collaboration\" to each",
                to_edit.join(", "),
                slots[i].slug()
            ));
        }
    }
    out
}

/// Chairs and technical leads, once each, by name (else GitHub handle); a chair or lead
/// known only by handle is noted, since the people page lists them by name.
fn members(g: &Group, at: &str, shown: &str, notes: &mut Vec<String>) -> Vec<String> {
    if g.chairs.is_empty() && g.tech_leads.is_empty() {
        notes.push(format!(
            "{at}: {shown} names no chairs or technical leads; no lead or members"
        ));
        return Vec::new();
    }
    let mut out: Vec<String> = Vec::new();
    let mut handles: Vec<&str> = Vec::new();
    for p in g.chairs.iter().chain(&g.tech_leads) {
        if p.name.is_none()
            && let Some(h) = p.github.as_deref()
        {
            handles.push(h);
        }
        if let Some(n) = p.shown()
            && !out.iter().any(|o| o.eq_ignore_ascii_case(n))
        {
            out.push(n.to_owned());
        }
    }
    if !handles.is_empty() {
        handles.dedup();
        notes.push(format!(
            "{at}: {} in the leadership of {shown} {} no name; listed by GitHub handle: {}",
            handles.len(),
            if handles.len() == 1 { "has" } else { "have" },
            handles.join(", ")
        ));
    }
    out
}

/// The mission's first sentence (the `problem`, which the page shows in one line), and
/// the rest of it for the body, paragraphs kept.
fn split_mission(mission: &str) -> (String, String) {
    let paragraphs = paragraphs(mission);
    let Some(first) = paragraphs.first() else {
        return (scaffold::PLACEHOLDER_PROBLEM.to_owned(), String::new());
    };
    let end = sentence_end(first).unwrap_or(first.len());
    let problem = first[..end].trim().to_owned();
    let mut rest: Vec<&str> = Vec::new();
    let tail = first[end..].trim();
    if !tail.is_empty() {
        rest.push(tail);
    }
    rest.extend(paragraphs[1..].iter().map(String::as_str));
    (problem, rest.join("\n\n"))
}

/// The mission's paragraphs, each on one line (list items each on their own). The parsed
/// value no longer says how it was written: a folded mission (`>`, the usual) has one
/// line per paragraph, a literal one (`|`) keeps its line breaks inside paragraphs. A line
/// that continues a sentence (the one before ends without a full stop, or it starts in
/// lower case) is the same paragraph; any other starts a new one.
fn paragraphs(text: &str) -> Vec<String> {
    let mut blocks: Vec<String> = Vec::new();
    let mut blank = true;
    let mut in_list = false;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        let list_item = line.starts_with("- ")
            || line.starts_with("* ")
            || line
                .split_once(". ")
                .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let continues = blocks.last().is_some_and(|prev| {
            !prev.ends_with(['.', '!', '?', ':'])
                || line.chars().next().is_some_and(char::is_lowercase)
        });
        match blocks.last_mut() {
            Some(prev) if list_item && in_list && !blank => {
                prev.push('\n');
                prev.push_str(line);
            }
            Some(prev) if !blank && !list_item && continues => {
                prev.push(' ');
                prev.push_str(line);
            }
            _ => {
                blocks.push(line.to_owned());
                in_list = list_item;
            }
        }
        blank = false;
    }
    blocks
}

/// The byte after the first sentence's closing mark, when more follows: a `.`, `?` or `!`
/// then a space and a capital letter, not after an abbreviation (`e.g. Foo`).
fn sentence_end(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'(' => depth += 1,
            b']' | b')' => depth -= 1,
            b'.' | b'?' | b'!' if depth <= 0 => {
                let next = text[i + 1..].strip_prefix(' ')?;
                let starts_sentence = next
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '[' || c == '*');
                let word = text[..i].rsplit(' ').next().unwrap_or_default();
                let abbreviation = word.contains('.') || word.len() == 1;
                if starts_sentence && !abbreviation {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
    }
    None
}

/// An address is an e-mail (`mailto:` on the page), anything else a web page.
fn list_key(list: &str, email_key: &'static str, page_key: &'static str) -> &'static str {
    if list.contains('@') && !list.contains("://") {
        email_key
    } else {
        page_key
    }
}

/// Links of the file's text resolved for the charter: relative ones against the group's
/// folder in the handbook (when it was moved in), the page's own anchors and the rest
/// unlinked, since the generated README they pointed into is not the charter.
struct LinkBase<'a> {
    folder: Option<&'a str>,
    charter_dir: &'a str,
    files: &'a HashSet<String>,
    /// Each group's folder name (`dir`) → its charter: a link to the folder
    /// (`/sig-hulls`, `../sig-hulls`) is a link to the group.
    charters: &'a HashMap<String, String>,
}

impl LinkBase<'_> {
    /// The handbook's file `target` names, relative to the group's folder.
    fn resolve(&self, target: &str) -> Option<String> {
        let folder = self.folder?;
        let (file, fragment) = match target.split_once('#') {
            Some((f, frag)) => (f, Some(frag)),
            None => (target, None),
        };
        let mut parts: Vec<&str> = folder.split('/').collect();
        for part in file.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                p => parts.push(p),
            }
        }
        let joined = parts.join("/");
        let joined = if self.files.contains(&joined) {
            joined
        } else {
            let readme = format!("{joined}/README.md");
            self.files.contains(&readme).then_some(readme)?
        };
        let mut rel = crate::markdown::relative_path(self.charter_dir, &joined);
        if let Some(f) = fragment {
            rel.push('#');
            rel.push_str(f);
        }
        Some(rel)
    }

    fn rewrite(&self, md: &str, lost: &mut Vec<String>) -> String {
        rewrite_links_with(md, |dest| {
            let external = dest.contains("://") || dest.starts_with("mailto:");
            if external {
                return None;
            }
            if dest.starts_with('#') {
                return Some(Rewrite::Unlink);
            }
            let folder = dest
                .trim_start_matches('/')
                .trim_start_matches("./")
                .trim_start_matches("../")
                .trim_end_matches('/');
            if let Some(charter) = self.charters.get(folder) {
                return Some(Rewrite::To(crate::markdown::relative_path(
                    self.charter_dir,
                    charter,
                )));
            }
            // `/wg-batch`: from the community repository's root, which the handbook is not.
            let resolved = (!dest.starts_with('/'))
                .then(|| self.resolve(dest))
                .flatten();
            match resolved {
                Some(rel) => Some(Rewrite::To(rel)),
                None => {
                    lost.push(format!("`{dest}`"));
                    Some(Rewrite::Unlink)
                }
            }
        })
    }
}

fn add_charter_link(
    g: &Group,
    links: &LinkBase,
    at: &str,
    shown: &str,
    body: &mut String,
    notes: &mut Vec<String>,
) {
    let Some(link) = &g.charter_link else { return };
    let dest = if link.contains("://") {
        Some(link.clone())
    } else {
        links.resolve(link)
    };
    body.push_str("\n\n");
    match dest {
        Some(dest) => body.push_str(&format!(
            "The {} sets out the group's scope and governance.",
            markdown_link(&dest, Some("charter"))
        )),
        None => {
            let place = g.dir.as_deref().map_or(String::new(), |d| format!("{d}/"));
            body.push_str(&format!(
                "The charter (`{place}{link}` in the community repository) sets out the group's scope and governance."
            ));
            notes.push(format!(
                "{at}: the charter_link of {shown}, {place}{link}, is not in the handbook; named in the body without a link (move the group's folder under content/teams/ to link it)"
            ));
        }
    }
}

fn add_leadership(g: &Group, body: &mut String) {
    let names = |ps: &[Person]| {
        ps.iter()
            .filter_map(Person::shown)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut items: Vec<String> = Vec::new();
    if !g.chairs.is_empty() {
        items.push(format!("- Chairs: {}", names(&g.chairs)));
    }
    if !g.tech_leads.is_empty() {
        items.push(format!("- Technical leads: {}", names(&g.tech_leads)));
    }
    if !g.liaisons.is_empty() {
        let plural = if g.liaisons.len() > 1 { "s" } else { "" };
        items.push(format!(
            "- {}{plural}: {}",
            g.kind.liaison_of(),
            names(&g.liaisons)
        ));
    }
    // Chairs alone say no more than `lead` and `members` do.
    if items.len() > 1 {
        body.push_str("\n\n## Leadership\n\n");
        body.push_str(&items.join("\n"));
    }
}

fn add_meetings(g: &Group, body: &mut String) {
    if g.meetings.is_empty() {
        return;
    }
    body.push_str("\n\n## Meetings\n");
    for m in &g.meetings {
        let mut item = m
            .description
            .clone()
            .unwrap_or_else(|| "Meeting".to_owned());
        let day = m.day.as_deref().map(|d| {
            // "Mondays", as a recurring meeting is said.
            if d.to_lowercase().ends_with("day") {
                format!("{d}s")
            } else {
                d.to_owned()
            }
        });
        let time = match (&m.time, &m.tz) {
            (Some(t), Some(tz)) => Some(format!("at {t} {tz}")),
            (Some(t), None) => Some(format!("at {t}")),
            _ => None,
        };
        let when: Vec<&str> = [day.as_deref(), time.as_deref(), m.frequency.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !when.is_empty() {
            item.push_str(": ");
            item.push_str(&when.join(", ").replacen(", at", " at", 1));
        }
        let links: Vec<String> = [
            (&m.url, "join"),
            (&m.archive_url, "notes and agenda"),
            (&m.recordings_url, "recordings"),
        ]
        .into_iter()
        .filter_map(|(url, title)| Some(markdown_link(url.as_deref()?, Some(title))))
        .collect();
        if !links.is_empty() {
            item.push_str(&format!(": {}", links.join(", ")));
        }
        body.push_str(&format!("\n- {item}"));
    }
}

fn add_subprojects(g: &Group, links: &LinkBase, body: &mut String, lost: &mut Vec<String>) {
    if g.subprojects.is_empty() {
        return;
    }
    body.push_str("\n\n## Subprojects\n");
    for s in &g.subprojects {
        let mut item = format!("\n- **{}**", s.name);
        // `[Described below](#code-organization)`: below in the generated README, not here.
        let only_a_page_link = |d: &str| {
            d.starts_with('[')
                && d.ends_with(')')
                && d.matches("](").count() == 1
                && d.contains("](#")
        };
        if let Some(d) = s.description.as_deref().filter(|d| !only_a_page_link(d)) {
            let d = links.rewrite(d, lost);
            item.push_str(&format!(": {}", d.trim_end_matches('.')));
        }
        if !s.leads.is_empty() {
            let leads: Vec<&str> = s.leads.iter().filter_map(Person::shown).collect();
            item.push_str(&format!(". Leads: {}", leads.join(", ")));
        }
        if !s.owners.is_empty() {
            let owners: Vec<String> = s
                .owners
                .iter()
                .map(|o| {
                    let (url, text) = owners_page(o);
                    markdown_link(&url, Some(&text))
                })
                .collect();
            item.push_str(&format!(". Owners: {}", owners.join(", ")));
        }
        body.push_str(&item);
    }
}

/// An OWNERS file's page on GitHub, and a short name for it, as the community's READMEs
/// show them: `raw.githubusercontent.com/org/repo/branch/path/OWNERS` is the file's raw
/// text, `github.com/org/repo/blob/branch/path/OWNERS` its page, `org/repo/path` its name.
fn owners_page(url: &str) -> (String, String) {
    let Some(rest) = url.strip_prefix("https://raw.githubusercontent.com/") else {
        return (url.to_owned(), url.to_owned());
    };
    let parts: Vec<&str> = rest.splitn(4, '/').collect();
    let [org, repo, branch, path] = parts[..] else {
        return (url.to_owned(), url.to_owned());
    };
    let folder = path
        .strip_suffix("OWNERS")
        .unwrap_or(path)
        .trim_end_matches('/');
    let name = if folder.is_empty() {
        format!("{org}/{repo}")
    } else {
        format!("{org}/{repo}/{folder}")
    };
    (
        format!("https://github.com/{org}/{repo}/blob/{branch}/{path}"),
        name,
    )
}

/// The note for a group the handbook has a charter for: kept as it is, with the people
/// and subprojects the file gives it that the charter does not list.
fn already_there(at: &str, shown: &str, existing: &scaffold::TeamEntry, g: &Group) -> String {
    let mut note = format!(
        "{at}: {shown} is already in the handbook as {}; kept as it is",
        existing.path
    );
    let (new_people, new_items) = super::not_in_charter(
        existing,
        g.chairs
            .iter()
            .chain(&g.tech_leads)
            .filter_map(Person::shown),
        g.subprojects.iter().map(|s| s.name.as_str()),
    );
    let new_people: BTreeSet<&str> = new_people.into_iter().collect();
    if !new_people.is_empty() {
        note.push_str(&format!(
            "; the file also names as leads: {} (add them to `members` if they are)",
            new_people.into_iter().collect::<Vec<_>>().join(", ")
        ));
    }
    if !new_items.is_empty() {
        note.push_str(&format!(
            "; and as subprojects: {} (add them to `owns` if they are its)",
            new_items.join(", ")
        ));
    }
    note
}

/// One note per kind of thing the charters have no key for, with counts: what the file
/// says is left out, never in silence.
fn left_out(reg: &Registry, notes: &mut Vec<String>) {
    let file = &reg.file;
    let count = |f: &dyn Fn(&Group) -> usize| -> (usize, usize) {
        let per: Vec<usize> = reg.groups.iter().map(f).filter(|&n| n > 0).collect();
        (per.iter().sum(), per.len())
    };
    let (labels, _) = count(&|g| usize::from(g.label.is_some()));
    if labels > 0 {
        notes.push(format!(
            "{file}: {} a GitHub `label`; left out: a charter has no labels",
            counted(labels, "group has", "groups have")
        ));
    }
    let (emeritus, in_groups) = count(&|g| g.emeritus);
    if emeritus > 0 {
        notes.push(format!(
            "{file}: {} in {}; left out: {} no more",
            counted(emeritus, "emeritus lead", "emeritus leads"),
            counted(in_groups, "group", "groups"),
            if emeritus == 1 {
                "it leads"
            } else {
                "they lead"
            }
        ));
    }
    let (teams, in_groups) = count(&|g| g.github_teams);
    if teams > 0 {
        notes.push(format!(
            "{file}: {} under `contact.teams` in {}; left out: add the ones CODEOWNERS names to the charter's `codeowners` (`@org/team`)",
            counted(teams, "GitHub team", "GitHub teams"),
            counted(in_groups, "group", "groups")
        ));
    }
    let (own, in_groups) = count(&|g| g.subprojects.iter().filter(|s| s.own_contact).count());
    if own > 0 {
        notes.push(format!(
            "{file}: {} in {} {} a contact or meetings of {}; left out: a charter has one `[contact]`",
            counted(own, "subproject", "subprojects"),
            counted(in_groups, "group", "groups"),
            if own == 1 { "has" } else { "have" },
            if own == 1 { "its own" } else { "their own" }
        ));
    }
    let mut other: BTreeMap<&str, usize> = BTreeMap::new();
    for g in &reg.groups {
        for k in &g.other_keys {
            *other.entry(k.as_str()).or_default() += 1;
        }
    }
    for (key, n) in other {
        notes.push(format!(
            "{file}: `{key}` in {} has no charter key; left out",
            counted(n, "group", "groups")
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "\
sigs:
- dir: sig-boats
  name: Boats
  mission_statement: >
    Builds the hulls. Also paints them, e.g. Blue ones.

    A second paragraph.
  charter_link: charter.md
  label: boats
  leadership:
    chairs:
    - github: ann
      name: Ann Example
    - github: bo-only
    tech_leads:
    - github: ann
      name: Ann Example
    - github: cy
      name: Cy Sample
    emeritus_leads:
    - github: old
  subprojects:
  - name: hull
    description: '[Described below](#hull)'
    owners:
    - https://raw.githubusercontent.com/example/hull/main/OWNERS
- dir: sig-sails
  name: Sails
workinggroups:
- dir: wg-wind
  name: Wind
  stakeholder_sigs:
  - Boats
  - Oars
extras: 1
";

    fn reg() -> Registry {
        read_registry("sigs.yaml", YAML).unwrap()
    }

    #[test]
    fn entries_are_read_with_their_lines() {
        let r = reg();
        let lines: Vec<(usize, &str)> =
            r.groups.iter().map(|g| (g.line, g.name.as_str())).collect();
        assert_eq!(lines, [(2, "Boats"), (27, "Sails"), (30, "Wind")]);
        assert_eq!(r.groups[0].emeritus, 1);
        assert_eq!(
            r.notes,
            ["sigs.yaml: top-level `extras` is not a list of groups; left out"]
        );
    }

    #[test]
    fn the_first_sentence_is_the_problem() {
        let (p, rest) = split_mission(
            "Builds the hulls. Also paints them, e.g. Blue ones.\n\nA second\nparagraph.\n",
        );
        assert_eq!(p, "Builds the hulls.");
        assert_eq!(
            rest,
            "Also paints them, e.g. Blue ones.\n\nA second paragraph."
        );
        let (p, rest) = split_mission(
            "Answer the question: does it need [a form](https://x.example/a. B)? Yes.",
        );
        assert_eq!(
            p,
            "Answer the question: does it need [a form](https://x.example/a. B)?"
        );
        assert_eq!(rest, "Yes.");
        assert_eq!(split_mission("One only").0, "One only");
        // Literal style: lines broken inside sentences; folded: one line per paragraph.
        let (p, rest) = split_mission(
            "Work out whether we\nshould. If so,\nwrite it up.\nA new paragraph.\n- a list\n- of two\n",
        );
        assert_eq!(p, "Work out whether we should.");
        assert_eq!(
            rest,
            "If so, write it up.\n\nA new paragraph.\n\n- a list\n- of two"
        );
    }

    #[test]
    fn owners_files_link_to_their_pages() {
        assert_eq!(
            owners_page("https://raw.githubusercontent.com/example/hull/main/pkg/OWNERS"),
            (
                "https://github.com/example/hull/blob/main/pkg/OWNERS".to_owned(),
                "example/hull/pkg".to_owned()
            )
        );
        assert_eq!(
            owners_page("https://x.example/OWNERS").1,
            "https://x.example/OWNERS"
        );
    }

    #[test]
    fn groups_become_teams_under_one_parent() {
        let plan = plan(
            &reg(),
            &Survey::default(),
            &HandbookFiles::default(),
            None,
            &LastChanged::default(),
            jiff::civil::date(2026, 1, 2),
        );
        let paths: Vec<&str> = plan.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "content/teams/community.md",
                "content/teams/community/sig-boats.md",
                "content/teams/community/sig-sails.md",
                "content/teams/community/wg-wind.md",
            ]
        );
        let boats = &plan.files[1].1;
        assert!(boats.contains("name = \"SIG Boats\"\n"), "{boats}");
        assert!(
            boats.contains(
                "lead = \"Ann Example\"\nmembers = [\"Ann Example\", \"bo-only\", \"Cy Sample\"]"
            ),
            "{boats}"
        );
        assert!(boats.contains("owns = [\"hull\"]"), "{boats}");
        assert!(boats.contains("- **hull**. Owners: [example/hull](https://github.com/example/hull/blob/main/OWNERS)"), "{boats}");
        assert!(boats.contains("team = \"wg-wind\""), "{boats}");
        let notes = plan.notes.join("\n");
        assert!(notes.contains("sigs.yaml:30: stakeholder SIG of WG Wind that is neither in the file nor in the handbook: Oars; left out"), "{notes}");
        assert!(notes.contains("sigs.yaml:2: 1 in the leadership of SIG Boats has no name; listed by GitHub handle: bo-only"), "{notes}");
        assert!(
            notes.contains("sigs.yaml:27: SIG Sails names no chairs"),
            "{notes}"
        );
        assert!(notes.contains("1 emeritus lead in 1 group"), "{notes}");
        assert_eq!(
            (
                plan.count.teams,
                plan.count.groups,
                plan.count.members,
                plan.count.interactions
            ),
            (3, 1, 3, 2)
        );
        crate::import::assert_charters_parse(&plan.files);
    }

    /// The CNCF TOC's `tags.yaml`: TAGs, a list of TOC liaisons, subprojects under
    /// `tag_subprojects` with leads and a mission, calendars and notes for meetings.
    #[test]
    fn tags_of_a_toc_registry_are_teams() {
        let yaml = "\
tags: # Technical Advisory Groups
  - dir: tag-infrastructure # TAG Infrastructure
    name: TAG Infrastructure
    mission_statement: >
      Data, Storage, Network.
    leadership:
      chairs:
        - github: dpage
          name: Dylan Pagett
          email: dylan@x.example
          term:
            start: \"2025-07-01\"
    meetings:
      - description: TAG Infrastructure Meetings
        tag_calendar: https://cal.example/tag-infrastructure
        meeting_notes_url: https://docs.example/notes
    contact:
      slack: C08KBH3RA1K
      toc_liaison:
        - github: rrocha
          name: Rui Rocha
        - github: kangell
          name: Karin Angell
    tag_subprojects:
      - dir: green-reviews
        name: Green Reviews
        mission_statement: >
          Help projects review their footprint. More later.
        leadership:
          subproject_leads:
            - github: nmanol
              name: Nika Manol
              email: nika@x.example
    tag_initiatives: https://github.com/x/toc/issues?q=label%3Atag
";
        let reg = read_registry("tags.yaml", yaml).unwrap();
        assert!(reg.notes.is_empty(), "{:?}", reg.notes);
        let g = &reg.groups[0];
        assert_eq!(
            (g.kind, g.line, g.name.as_str()),
            (GroupKind::Tag, 2, "TAG Infrastructure")
        );
        assert_eq!(g.kind.display_name("Runtime"), "TAG Runtime");
        let plan = plan(
            &reg,
            &Survey::default(),
            &HandbookFiles::default(),
            None,
            &LastChanged::default(),
            jiff::civil::date(2026, 1, 2),
        );
        let text = &plan.files[1].1;
        assert!(text.contains("owns = [\"Green Reviews\"]"), "{text}");
        assert!(
            text.contains("- TOC liaisons: Rui Rocha, Karin Angell"),
            "{text}"
        );
        assert!(
            text.contains(
                "- **Green Reviews**: Help projects review their footprint. Leads: Nika Manol"
            ),
            "{text}"
        );
        assert!(text.contains("[join](https://cal.example/tag-infrastructure), [notes and agenda](https://docs.example/notes)"), "{text}");
        assert!(
            text.contains(
                "[The group's initiatives](https://github.com/x/toc/issues?q=label%3Atag)"
            ),
            "{text}"
        );
        assert!(!text.contains("x.example"), "no address is copied: {text}");
        assert!(
            plan.files[0]
                .1
                .contains("The Technical Advisory Groups of tags.yaml.")
        );
        crate::import::assert_charters_parse(&plan.files);
    }

    #[test]
    fn a_charter_files_mission_is_the_problem() {
        // cncf/toc's `tags/tag-operational-resilience/charter.md`: an introduction, then
        // the mission under `## Mission Statement`, its line ending in a space.
        let charter = "# TAG Operational Resilience Charter\n\nReview and contributions from: [Ann](https://github.com/ann)\n\n## Introduction\n\nIn today's landscape, resilience matters.\n\n## Mission Statement\n\nTo define and advance practices for building resilient systems. \nAnd to measure them.\n\n## Responsibilities & Deliverables\n\n- Observability\n";
        assert_eq!(
            charter_mission(charter).as_deref(),
            Some(
                "To define and advance practices for building resilient systems. And to measure them."
            )
        );
        assert_eq!(charter_mission("# X\n\n## Mission\n\n- a list\n"), None);
        assert_eq!(charter_mission("# X\n\n## Scope\n\nAll of it.\n"), None);
        assert_eq!(
            charter_mission("```md\n## Mission\n\nIn a fence.\n```\n"),
            None,
            "a heading in a fence is none"
        );
        let yaml = "tags:\n  - dir: tag-infrastructure\n    name: TAG Infrastructure\n    mission_statement: >\n      Data, Storage, Network.\n    charter_link: charter.md\n";
        let mut reg = read_registry("tags.yaml", yaml).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("tags/tag-infrastructure");
        std::fs::create_dir_all(&folder).unwrap();
        std::fs::write(
            folder.join("charter.md"),
            "# TAG Infrastructure\n\n## Mission\n\nTo advance the core infrastructure. Every part of it.\n",
        )
        .unwrap();
        read_charter_missions(&mut reg, dir.path(), dir.path(), &HandbookFiles::default());
        let plan = plan(
            &reg,
            &Survey::default(),
            &HandbookFiles::default(),
            None,
            &LastChanged::default(),
            jiff::civil::date(2026, 1, 2),
        );
        assert_eq!(plan.from_charter, 1);
        let text = &plan.files[1].1;
        assert!(
            text.contains("problem = \"To advance the core infrastructure.\""),
            "{text}"
        );
        assert!(
            text.contains("Every part of it.\n\nData, Storage, Network."),
            "the rest and the file's topics stay in the body: {text}"
        );
        crate::import::assert_charters_parse(&plan.files);
    }

    #[test]
    fn names_say_the_kind_of_group() {
        assert_eq!(GroupKind::Sig.display_name("Apps"), "SIG Apps");
        assert_eq!(
            GroupKind::Committee.display_name("Steering"),
            "Steering Committee"
        );
        assert_eq!(
            GroupKind::Committee.display_name("Steering Committee"),
            "Steering Committee"
        );
        assert_eq!(GroupKind::WorkingGroup.display_name("WG LTS"), "WG LTS");
    }
}
