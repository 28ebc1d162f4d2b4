//! Reading per-repository service catalogs other than Backstage into team charters
//! (`orgbook import services`).
//!
//! This module owns the four formats organisations keep one file per repository in, and
//! the one mapping they share: every file names a service and the team that owns it, so
//! each owning team becomes a charter whose `owns` lists its services. The formats are
//! OpsLevel's `opslevel.yml` (`service:` or `repository:`, version 1), Cortex's
//! `cortex.yaml` (OpenAPI `info` with `x-cortex-tag` and `x-cortex-owners`), Atlassian
//! Compass's `compass.yml` (`name`, `ownerId`, `typeId`) and Datadog's
//! `service.datadog.yaml` (`dd-service` with `team` or v2's `dd-team`, and v3's
//! `kind: service` documents, several per file). Owners are spelled differently from
//! file to file (`Payments`, `team-payments`, `payments-team@…`, `#payments`), so they are
//! compared by one key ([`team_key`]) and one team is one charter. What cannot be mapped
//! (a person's address, a Compass team ARI, a service without owner, a scaffolding
//! template) is a note with its `file:line`, never a charter the import guesses; and an
//! item is given to one charter only, so the import never makes a `contested-ownership`
//! error. Charters are written with [`super::CharterFrontMatter`] as the other importers
//! write them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use yaml_serde::Value;

use super::{CharterFrontMatter, MetricEntry, toml_date};
use crate::scaffold::{self, Survey};

/// The four formats, told apart by file name or keys: with the other team data orgbook
/// looks for (`init` names such files), one layer down.
pub use crate::team_data::ServiceCatalog as Format;

/// The files an import reads, and the Backstage catalogs found beside them (read by
/// `orgbook import backstage`, said in a note).
#[derive(Debug, Default)]
pub struct Found {
    /// Each file, its format, and its path below the folder walked (`ticket-api/opslevel.yml`,
    /// the repository and the file), as a charter names where its services were read
    /// rather than by the importing machine's path.
    pub files: Vec<(PathBuf, Format, String)>,
    pub backstage: Vec<PathBuf>,
}

/// Every catalog file under `paths`: a folder is walked in name order (hidden folders and
/// `node_modules` skipped) for the file names the tools use; a file named on the command
/// line is read whatever its name, its format told by its text.
pub fn find_files(paths: &[PathBuf]) -> Result<Found, String> {
    let mut found = Found::default();
    for p in paths {
        if p.is_dir() {
            let walk = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| {
                    e.depth() == 0 || {
                        let name = e.file_name().to_string_lossy();
                        !(name.starts_with('.') || name == "node_modules")
                    }
                });
            for e in walk.filter_map(Result::ok) {
                if !e.file_type().is_file() {
                    continue;
                }
                let name = e.file_name().to_string_lossy();
                if let Some(format) = Format::of_file_name(&name) {
                    let rel = e
                        .path()
                        .strip_prefix(p)
                        .unwrap_or(e.path())
                        .to_string_lossy()
                        .replace('\\', "/");
                    found.files.push((e.into_path(), format, rel));
                } else if name == "catalog-info.yaml" || name == "catalog-info.yml" {
                    found.backstage.push(e.into_path());
                }
            }
        } else if p.is_file() {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            let format = name.as_deref().and_then(Format::of_file_name).or_else(|| {
                std::fs::read_to_string(p)
                    .ok()
                    .and_then(|t| Format::of_text(&t))
            });
            match format {
                Some(f) => {
                    let rel = format!("{}/{}", repo_name(p), name.unwrap_or_default());
                    found.files.push((p.clone(), f, rel));
                }
                None => {
                    return Err(format!(
                        "{}: not an OpsLevel, Cortex, Compass or Datadog service file (no `service:`, `x-cortex-…`, `typeId:` or `dd-service:`)",
                        p.display()
                    ));
                }
            }
        } else {
            return Err(format!("{}: no such file or folder", p.display()));
        }
    }
    Ok(found)
}

/// Who a file says owns a service, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A team's name: OpsLevel's `owner`, a Cortex group, Datadog's `team`.
    Team(String),
    /// An address: Cortex's `type: email` owner, or an OpsLevel owner written as one.
    Email(String),
    /// A chat channel, without its `#`.
    Channel(String),
    /// An Atlassian team ARI (Compass's `ownerId`): an id, which no file names.
    Atlassian(String),
}

impl Owner {
    /// The owner as written, for notes and for `--owner`.
    pub fn written(&self) -> String {
        match self {
            Owner::Team(s) | Owner::Email(s) | Owner::Atlassian(s) => s.clone(),
            Owner::Channel(c) => format!("#{c}"),
        }
    }

    fn from_text(s: &str) -> Owner {
        let s = s.trim();
        if let Some(c) = s.strip_prefix('#') {
            Owner::Channel(c.trim().to_owned())
        } else if s.starts_with("ari:") {
            Owner::Atlassian(s.to_owned())
        } else if s.contains('@') && !s.starts_with('@') {
            Owner::Email(s.to_owned())
        } else {
            Owner::Team(s.trim_start_matches('@').to_owned())
        }
    }
}

/// One service as a catalog file describes it.
#[derive(Debug, Clone)]
pub struct Service {
    pub name: String,
    pub format: Format,
    /// The file, as notes name it.
    pub file: String,
    /// The file below the folder walked, as the charter's body names it.
    pub source: String,
    /// `file:line` of the service's name.
    pub at: String,
    /// The owner and the line it is written on.
    pub owner: Option<(Owner, usize)>,
    /// Further owners the file names (a second Cortex group, Datadog v3's
    /// `additionalOwners`): a charter owns an item alone, so they are noted.
    pub also: Vec<String>,
    /// Compass's `typeId` (`LIBRARY`, `SERVICE`), said of a service without owner.
    pub type_id: Option<String>,
    /// How to reach the owner: (`chat` | `email`, value), in the file's order.
    pub contacts: Vec<(&'static str, String)>,
    /// `@org/team` when the owner is a GitHub team (Cortex's `provider: GITHUB`).
    pub codeowners: Option<String>,
}

/// What one file holds.
#[derive(Debug, Default)]
pub struct Source {
    pub services: Vec<Service>,
    /// Why the file was skipped as a whole (a scaffolding template), when it was.
    pub skipped: Option<String>,
}

/// Markers of a value a scaffolding tool fills in: Go templates and Jinja/cookiecutter
/// (`{{ .Name }}`, `{{cookiecutter.team}}`, `{% … %}`) and shell-style `${TEAM}`.
const TEMPLATE_MARKERS: &[&str] = &["{{", "{%", "${"];

fn templated(s: &str) -> bool {
    TEMPLATE_MARKERS.iter().any(|m| s.contains(m))
}

/// Reads one catalog file. YAML that does not parse is an error naming its line and
/// column, unless the file is a scaffolding template (whose `{{ … }}` often is not YAML),
/// which is skipped with the reason; `repo` is the folder holding the file, the service's
/// name when OpsLevel's `repository:` form names none.
pub fn read_file(
    (file, source_name): (&str, &str),
    format: Format,
    text: &str,
    repo: &str,
    notes: &mut Vec<String>,
) -> Result<Source, String> {
    let lines: Vec<&str> = text.lines().collect();
    let starts = super::document_lines(text);
    let mut source = Source::default();
    // A template's placeholders on the lines that name the service or its owner.
    let template_line = lines.iter().position(|l| {
        let t = l.trim_start();
        let key = t
            .split(':')
            .next()
            .unwrap_or_default()
            .trim_start_matches("- ");
        matches!(
            key,
            "name"
                | "owner"
                | "team"
                | "dd-team"
                | "dd-service"
                | "x-cortex-tag"
                | "title"
                | "email"
                | "ownerId"
        ) && templated(t)
    });
    if let Some(i) = template_line {
        source.skipped = Some(format!(
            "a scaffolding template (`{}` at line {}), not a service",
            lines[i].trim(),
            i + 1
        ));
        return Ok(source);
    }
    for (n, doc) in yaml_serde::Deserializer::from_str(text).enumerate() {
        let value = match Value::deserialize(doc) {
            Ok(v) => v,
            Err(e) => {
                return Err(super::yaml_error(file, &e));
            }
        };
        if value.is_null() {
            continue;
        }
        let start = starts.get(n).copied().unwrap_or(1);
        let doc = Doc {
            file,
            source: source_name,
            lines: &lines,
            start,
        };
        let service = match format {
            Format::OpsLevel => opslevel(&value, &doc, repo, notes),
            Format::Cortex => cortex(&value, &doc, notes),
            Format::Compass => compass(&value, &doc),
            Format::Datadog => datadog(&value, &doc, notes),
        };
        if let Some(s) = service {
            source.services.push(s);
        }
    }
    Ok(source)
}

/// One YAML document of a file, to find the line a key is written on (the parser gives
/// no positions, and a note is only useful with a line).
struct Doc<'a> {
    file: &'a str,
    source: &'a str,
    lines: &'a [&'a str],
    start: usize,
}

impl Doc<'_> {
    /// The 1-based line of the first `key:` at or after the document's start (within
    /// the document), else the document's first line.
    fn line_of(&self, key: &str) -> usize {
        let prefix = format!("{key}:");
        self.lines
            .iter()
            .enumerate()
            .skip(self.start.saturating_sub(1))
            .take_while(|(i, l)| *i + 1 == self.start || !(l.starts_with("---")))
            .find(|(_, l)| {
                let t = l.trim_start().trim_start_matches("- ");
                t.starts_with(&prefix)
            })
            .map_or(self.start, |(i, _)| i + 1)
    }

    fn at(&self, line: usize) -> String {
        format!("{}:{line}", self.file)
    }

    fn service(&self, name: String, format: Format, name_key: &str) -> Service {
        Service {
            at: self.at(self.line_of(name_key)),
            name,
            format,
            file: self.file.to_owned(),
            source: self.source.to_owned(),
            owner: None,
            also: Vec::new(),
            type_id: None,
            contacts: Vec::new(),
            codeowners: None,
        }
    }
}

fn text_of(v: Option<&Value>) -> Option<String> {
    let v = v?;
    let s = match v {
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => n.to_string(),
        _ => return None,
    };
    // Cortex's exporter writes `description: None` for an empty one.
    (!s.is_empty() && s != "None" && s != "null").then_some(s)
}

/// OpsLevel: `service:` (name, owner), or `repository:` (owner only: the repository is
/// the service, named by its folder). YAML merge keys (`<<: *DEFAULTS`) are followed.
fn opslevel(v: &Value, doc: &Doc, repo: &str, notes: &mut Vec<String>) -> Option<Service> {
    if let Some(version) = v.get("version")
        && text_of(Some(version)).as_deref() != Some("1")
    {
        notes.push(format!(
            "{}: OpsLevel config version {} (orgbook reads version 1); read as version 1",
            doc.at(doc.line_of("version")),
            text_of(Some(version)).unwrap_or_default()
        ));
    }
    let (block, name) = if let Some(s) = v.get("service") {
        (s, text_of(merged(s, "name")))
    } else if let Some(r) = v.get("repository") {
        (r, None)
    } else {
        notes.push(format!(
            "{}: no `service:` nor `repository:`; not an OpsLevel service, skipped",
            doc.at(doc.start)
        ));
        return None;
    };
    let name_key = if name.is_some() { "name" } else { "owner" };
    let mut s = doc.service(
        name.unwrap_or_else(|| repo.to_owned()),
        Format::OpsLevel,
        name_key,
    );
    s.owner = text_of(merged(block, "owner")).map(|o| (Owner::from_text(&o), doc.line_of("owner")));
    Some(s)
}

/// A key of a mapping, or of the mapping its `<<` merge key names.
fn merged<'v>(m: &'v Value, key: &str) -> Option<&'v Value> {
    m.get(key)
        .or_else(|| m.get("<<").and_then(|base| base.get(key)))
}

/// Cortex: `info.x-cortex-tag` (or at the top, as older files have it), titled by
/// `info.title`; the first group of `x-cortex-owners` owns it, else its first address or
/// Slack channel.
fn cortex(v: &Value, doc: &Doc, notes: &mut Vec<String>) -> Option<Service> {
    let info = v.get("info").unwrap_or(&Value::Null);
    let tag = text_of(info.get("x-cortex-tag")).or_else(|| text_of(v.get("x-cortex-tag")));
    let ty = text_of(info.get("x-cortex-type")).map(|t| t.to_ascii_lowercase());
    if let Some(ty) = ty.as_deref()
        && matches!(ty, "team" | "domain")
    {
        notes.push(format!(
            "{}: a Cortex {ty} entity, not a service; skipped",
            doc.at(doc.line_of("x-cortex-type"))
        ));
        return None;
    }
    let Some(name) = text_of(info.get("title")).or(tag) else {
        notes.push(format!(
            "{}: no `info.title` nor `x-cortex-tag`; not a Cortex service, skipped",
            doc.at(doc.start)
        ));
        return None;
    };
    let mut s = doc.service(name, Format::Cortex, "title");
    let owners = info
        .get("x-cortex-owners")
        .and_then(Value::as_sequence)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut named: Vec<(Owner, Option<String>)> = Vec::new();
    for o in owners {
        let ty = text_of(o.get("type"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ty.as_str() {
            "group" => {
                if let Some(n) = text_of(o.get("name")) {
                    let provider = text_of(o.get("provider")).unwrap_or_default();
                    // A GitHub team is `org/team`: CODEOWNERS names it so.
                    let github = (provider.eq_ignore_ascii_case("github") && n.contains('/'))
                        .then(|| format!("@{n}"));
                    named.push((Owner::Team(n), github));
                }
            }
            "email" => {
                if let Some(e) = text_of(o.get("email")) {
                    named.push((Owner::Email(e.clone()), None));
                    s.contacts.push(("email", e));
                }
            }
            "slack" => {
                if let Some(c) = text_of(o.get("channel")) {
                    let c = c.trim_start_matches('#').to_owned();
                    s.contacts.push(("chat", format!("#{c}")));
                    named.push((Owner::Channel(c), None));
                }
            }
            _ => {}
        }
    }
    // A group names the team; an address or a channel only when there is no group.
    let first = named
        .iter()
        .position(|(o, _)| matches!(o, Owner::Team(_)))
        .or((!named.is_empty()).then_some(0));
    if let Some(i) = first {
        let (owner, github) = named[i].clone();
        s.owner = Some((owner, doc.line_of("x-cortex-owners")));
        s.codeowners = github;
        s.also = named
            .iter()
            .enumerate()
            .filter(|(j, (o, _))| *j != i && matches!(o, Owner::Team(_)))
            .map(|(_, (o, _))| o.written())
            .collect();
    }
    Some(s)
}

/// Compass: `name`, owned by `ownerId`, an Atlassian team's ARI.
fn compass(v: &Value, doc: &Doc) -> Option<Service> {
    let name = text_of(v.get("name"))?;
    let mut s = doc.service(name, Format::Compass, "name");
    s.type_id = text_of(v.get("typeId"));
    s.owner = text_of(v.get("ownerId")).map(|o| (Owner::from_text(&o), doc.line_of("ownerId")));
    Some(s)
}

/// Datadog: v2, v2.1 and v2.2 (`dd-service`, `team`, or v2's `dd-team`; `contacts`), and
/// v3's `kind: service` documents (`metadata.name`, `metadata.owner`,
/// `metadata.additionalOwners`, `metadata.contacts`).
fn datadog(v: &Value, doc: &Doc, notes: &mut Vec<String>) -> Option<Service> {
    let v3 = v.get("apiVersion").is_some();
    let meta = if v3 { v.get("metadata")? } else { v };
    if v3 {
        let kind = text_of(v.get("kind")).unwrap_or_default();
        if !kind.eq_ignore_ascii_case("service") {
            notes.push(format!(
                "{}: a Datadog {kind} entity, not a service; skipped",
                doc.at(doc.line_of("kind"))
            ));
            return None;
        }
    }
    let (name, name_key) = if v3 {
        (text_of(meta.get("name")), "name")
    } else {
        (text_of(meta.get("dd-service")), "dd-service")
    };
    let Some(name) = name else {
        notes.push(format!(
            "{}: no `dd-service`; not a Datadog service definition, skipped",
            doc.at(doc.start)
        ));
        return None;
    };
    let mut s = doc.service(name, Format::Datadog, name_key);
    let owner_key = if v3 {
        "owner"
    } else if meta.get("team").is_some() {
        "team"
    } else {
        "dd-team"
    };
    s.owner = text_of(meta.get(owner_key)).map(|o| (Owner::from_text(&o), doc.line_of(owner_key)));
    if v3 {
        s.also = meta
            .get("additionalOwners")
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
            .filter_map(|o| text_of(o.get("name")))
            .collect();
    }
    for c in meta
        .get("contacts")
        .and_then(Value::as_sequence)
        .into_iter()
        .flatten()
    {
        let ty = text_of(c.get("type"))
            .unwrap_or_default()
            .to_ascii_lowercase();
        if let Some(contact) = text_of(c.get("contact")) {
            match ty.as_str() {
                "email" => s.contacts.push(("email", contact)),
                // A Slack link names a channel by its id: the address is what there is.
                "slack" => s.contacts.push(("chat", contact)),
                _ => {}
            }
        }
    }
    Some(s)
}

/// The key that tells one team from another however a file spells it: the slug of the
/// name, without a GitHub organisation (`tidewater/timetables`) and without the word
/// "team" or "squad" at either end (`team-payments`, `payments_team`, `Payments Squad`).
pub fn team_key(name: &str) -> String {
    let name = name.rsplit('/').next().unwrap_or(name);
    let slug = scaffold::slugify(name);
    let mut words: Vec<&str> = slug.split('-').filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && matches!(words[0], "team" | "squad") {
        words.remove(0);
    }
    while words.len() > 1 && matches!(words[words.len() - 1], "team" | "squad") {
        words.pop();
    }
    words.join("-")
}

/// What the import will write.
#[derive(Debug, Default)]
pub struct Plan {
    /// (path relative to the handbook root, text).
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
    /// `owned` counts services given to new charters.
    pub count: super::ImportCounts,
    /// Services no charter gets: no owner, or an owner that is no team.
    pub unowned: usize,
    pub unknown_owner: usize,
    /// Services of the files, each once.
    pub services: usize,
}

/// One owning team, gathered over every file that names it.
#[derive(Default)]
struct TeamAcc {
    /// The spellings of its name, in the files' order.
    spellings: Vec<String>,
    /// (item, where, its file below the folder walked, format), each service once.
    services: Vec<(String, String, String, Format)>,
    files: BTreeSet<String>,
    contact: BTreeMap<&'static str, String>,
    codeowners: BTreeSet<String>,
}

/// Maps the services onto charters beside the handbook's. `aliases` are `--owner`'s
/// pairs (an owner as written, lowercase → a slug), for owners no file names as a team
/// (a Compass ARI, an address). A team that is a charter of the handbook already (by slug,
/// or by its `name`'s key) is kept as it is, with a note naming what the files give it.
pub fn plan(
    services: &[Service],
    survey: &Survey,
    aliases: &BTreeMap<String, String>,
    parent: Option<&str>,
    mut last_changed: impl FnMut(&str) -> Option<Date>,
) -> Plan {
    let mut plan = Plan::default();
    // The handbook's charters by key: their slug, and their name's key.
    let mut charter_of: BTreeMap<String, String> = BTreeMap::new();
    for (slug, entry) in &survey.teams {
        charter_of.entry(slug.clone()).or_insert(slug.clone());
        if let Some(name) = &entry.name {
            charter_of.entry(team_key(name)).or_insert(slug.clone());
        }
    }
    let alias = |o: &Owner| -> Option<String> {
        let written = o.written().to_lowercase();
        aliases
            .get(&written)
            .or_else(|| aliases.get(written.trim_start_matches('#')))
            .cloned()
    };
    // Every team a file names, so an address or a channel can be read as one of them.
    let mut known: BTreeSet<String> = charter_of.keys().cloned().collect();
    known.extend(aliases.values().cloned());
    for s in services {
        if let Some((Owner::Team(t), _)) = &s.owner
            && let key = team_key(t)
            && !key.is_empty()
        {
            known.insert(key);
        }
    }
    let mut teams: BTreeMap<String, TeamAcc> = BTreeMap::new();
    // Each service once, by its slug: the first file that names it decides its owner.
    let mut seen: BTreeMap<String, (Option<String>, &Service)> = BTreeMap::new();
    let mut unknown: BTreeMap<String, Vec<&Service>> = BTreeMap::new();
    let owned_in_handbook = survey.owners();
    for s in services {
        let item_key = scaffold::slugify(&s.name);
        let key = match &s.owner {
            None => None,
            Some((o, _)) => alias(o).or_else(|| match o {
                // A placeholder left in the file (`???`) has no word to be a team's name.
                Owner::Team(t) => Some(team_key(t)).filter(|k| !k.is_empty()),
                // A list's or a channel's name is a team's when a team has that key
                // (`payments-team@…`, `#harbour-ops`).
                Owner::Email(e) => {
                    let local = e.split('@').next().unwrap_or_default();
                    let local = local.split('+').next().unwrap_or_default();
                    Some(team_key(local)).filter(|k| known.contains(k))
                }
                Owner::Channel(c) => Some(team_key(c)).filter(|k| known.contains(k)),
                Owner::Atlassian(_) => None,
            }),
        };
        if let Some((first_owner, first)) = seen.get(&item_key) {
            // The same service in a second tool's file, by another spelling of its team:
            // the charter says every spelling, so the next file's is recognised.
            if let (Some(k), Some((Owner::Team(t), _))) = (first_owner, &s.owner)
                && *first_owner == key
                && let Some(acc) = teams.get_mut(k)
                && !acc.spellings.contains(t)
            {
                acc.spellings.push(t.clone());
            }
            if *first_owner != key {
                let theirs = first_owner.as_deref().unwrap_or("no team");
                let mine = s
                    .owner
                    .as_ref()
                    .map_or("no owner".to_owned(), |(o, _)| o.written());
                plan.notes.push(format!(
                    "{}: service {} is also in {}, owned by {theirs} there; this file says {mine}: left with {theirs} (a service has one owner; correct the file that is wrong)",
                    s.at, s.name, first.at
                ));
            }
            continue;
        }
        seen.insert(item_key, (key.clone(), s));
        plan.services += 1;
        match (&s.owner, key) {
            (None, _) => {
                plan.unowned += 1;
                let what = match &s.type_id {
                    Some(t) => format!("{} {} ({t})", s.format.name(), s.name),
                    None => format!("{} service {}", s.format.name(), s.name),
                };
                plan.notes.push(format!(
                    "{}: {what} names no owner; no charter owns it: add it to the `owns` of its team",
                    s.at
                ));
            }
            (Some((o, _)), None) => {
                plan.unknown_owner += 1;
                unknown.entry(o.written()).or_default().push(s);
            }
            (Some(_), Some(key)) => {
                let acc = teams.entry(key).or_default();
                if let Some((Owner::Team(t), _)) = &s.owner
                    && !acc.spellings.contains(t)
                {
                    acc.spellings.push(t.clone());
                }
                for extra in &s.also {
                    plan.notes.push(format!(
                        "{}: {} also names {extra} as an owner of {}; a charter owns an item alone, so it stays with the first",
                        s.at,
                        s.format.name(),
                        s.name
                    ));
                }
                acc.services
                    .push((s.name.clone(), s.at.clone(), s.source.clone(), s.format));
                acc.files.insert(s.file.clone());
                for (k, v) in &s.contacts {
                    acc.contact.entry(k).or_insert_with(|| v.clone());
                }
                acc.codeowners.extend(s.codeowners.clone());
            }
        }
    }
    unknown_notes(&unknown, &known, &mut plan.notes);
    let folder = super::top_folder(survey, parent);
    let mut slugs: BTreeSet<String> = survey.teams.keys().cloned().collect();
    let mut unchanged: Vec<&str> = Vec::new();
    for (key, acc) in &teams {
        // Items a charter of the handbook owns stay there.
        let mut items: Vec<&str> = Vec::new();
        for (item, at, _, _) in &acc.services {
            match owned_in_handbook.get(&crate::model::ownership_key(item)) {
                Some(path) => {
                    let own = charter_of.get(key).and_then(|s| survey.teams.get(s));
                    if own.is_none_or(|t| t.path != *path) {
                        plan.notes.push(format!(
                            "{at}: service {item} is already owned by {path}; left there (ownership is exclusive)"
                        ));
                    }
                }
                None => items.push(item),
            }
        }
        if let Some(slug) = charter_of.get(key) {
            let entry = &survey.teams[slug];
            plan.count.existing += 1;
            let (_, new_items) = super::not_in_charter(entry, [], items.iter().copied());
            if new_items.is_empty() {
                unchanged.push(entry.path.as_str());
            } else {
                let first = &acc.services[0].1;
                plan.notes.push(format!(
                    "{first}: team {} is already in the handbook as {}; kept as it is; the files also give it: {} (add them to its `owns`)",
                    acc.spellings.first().map_or(key.as_str(), String::as_str),
                    entry.path,
                    quoted(&new_items)
                ));
            }
            continue;
        }
        let slug = super::unique_slug(key, &mut slugs);
        let reviewed = acc.files.iter().filter_map(|f| last_changed(f)).max();
        if reviewed.is_none() {
            plan.count.undated += 1;
        }
        plan.count.teams += 1;
        plan.count.without_problem += 1;
        plan.count.owned += items.len();
        let text = charter(key, acc, &items, parent, reviewed);
        plan.files.push((format!("{folder}/{slug}.md"), text));
    }
    if !unchanged.is_empty() {
        plan.notes.push(super::kept_as_they_are(
            unchanged.len(),
            ("team is", "teams are"),
            "the files give",
            &quoted(&unchanged),
        ));
    }
    plan
}

/// One note per owner that is no team: a person's address, a channel no team is named
/// after, a Compass ARI. Each lists the services it owns, and says how to name the team.
fn unknown_notes(
    unknown: &BTreeMap<String, Vec<&Service>>,
    known: &BTreeSet<String>,
    notes: &mut Vec<String>,
) {
    let mut nearest = crate::diagnostic::Suggestions::new(known.iter().map(String::as_str));
    for (owner, services) in unknown {
        let first = services[0];
        let names: Vec<&str> = services.iter().map(|s| s.name.as_str()).collect();
        let line = first.owner.as_ref().map_or(0, |(_, l)| *l);
        let what = match &first.owner {
            Some((Owner::Atlassian(_), _)) => {
                "an Atlassian team's id, which no file names".to_owned()
            }
            Some((Owner::Email(_), _)) => "an address that is no team's".to_owned(),
            Some((Owner::Channel(_), _)) => "a chat channel no team is named after".to_owned(),
            _ => "which names no team".to_owned(),
        };
        let key = team_key(owner.split('@').next().unwrap_or(owner));
        let hint = nearest
            .nearest(&key)
            .map(|n| format!("; did you mean {n}?"))
            .unwrap_or_default();
        notes.push(format!(
            "{}:{line}: owned by {owner}, {what}; not mapped: {}{hint} (name its team with `--owner '{owner}=SLUG'`)",
            first.file,
            quoted(&names)
        ));
    }
}

fn quoted(names: &[&str]) -> String {
    const SHOWN: usize = 10;
    let mut out = names
        .iter()
        .take(SHOWN)
        .map(|n| format!("\"{n}\""))
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        out.push_str(&format!(" and {} more", names.len() - SHOWN));
    }
    out
}

/// A new team's charter: its name as the files spell it best (a spelling with capitals or
/// spaces is a display name), its services as `owns`, the scaffold's placeholders for the
/// problem and the metric, and a body listing where each service was read.
fn charter(
    key: &str,
    acc: &TeamAcc,
    items: &[&str],
    parent: Option<&str>,
    reviewed: Option<Date>,
) -> String {
    let name = acc
        .spellings
        .iter()
        .find(|s| !s.contains('/') && s.chars().any(|c| c.is_uppercase() || c == ' '))
        .cloned()
        .unwrap_or_else(|| crate::text::title_from_name(key));
    let fm = CharterFrontMatter {
        name: &name,
        kind: "team",
        parent,
        problem: Some(scaffold::PLACEHOLDER_PROBLEM),
        owns: items.to_vec(),
        codeowners: acc.codeowners.iter().cloned().collect(),
        reviewed: reviewed.map(toml_date),
        contact: acc.contact.iter().map(|(k, v)| (*k, v.clone())).collect(),
        metrics: vec![MetricEntry::placeholder()],
        ..CharterFrontMatter::default()
    };
    let mut out = fm.to_front_matter();
    out.push_str(scaffold::PLACEHOLDER_SECTIONS);
    out.push_str("\n## Services\n\nImported from the service catalogs of their repositories:\n\n");
    for (item, _, source, format) in &acc.services {
        out.push_str(&format!("- {item}: {} (`{source}`)\n", format.name()));
    }
    if acc.spellings.len() > 1 {
        let spelled: Vec<String> = acc.spellings.iter().map(|s| format!("`{s}`")).collect();
        out.push_str(&format!(
            "\nThe files name the team {}.\n",
            spelled.join(", ")
        ));
    }
    out
}

/// The folder of a catalog file, which names the repository it describes.
pub fn repo_name(path: &Path) -> String {
    path.parent()
        .and_then(Path::file_name)
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "service".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn team_keys_agree_across_spellings() {
        for s in [
            "payments",
            "Payments",
            "team-payments",
            "payments_team",
            "tidewater/payments",
            "Payments Squad",
        ] {
            assert_eq!(team_key(s), "payments", "{s}");
        }
        assert_eq!(team_key("team"), "team");
        assert_eq!(team_key("Harbour Ops"), "harbour-ops");
    }

    #[test]
    fn every_planned_charter_parses_and_owns_each_service_once() {
        let mut notes = Vec::new();
        let mut services = Vec::new();
        for (file, format, text) in [
            (
                "quay/opslevel.yml",
                Format::OpsLevel,
                "version: 1\nservice:\n  name: quay \"north\"\n  owner: Dock Crew\n",
            ),
            (
                "quay/service.datadog.yaml",
                Format::Datadog,
                "schema-version: v2.2\ndd-service: quay \"north\"\nteam: team-dock-crew\n",
            ),
        ] {
            let source = read_file((file, file), format, text, "quay", &mut notes).unwrap();
            services.extend(source.services);
        }
        let plan = plan(
            &services,
            &Survey::default(),
            &BTreeMap::new(),
            None,
            |_| None,
        );
        assert_eq!(plan.files.len(), 1, "{:?}", plan.notes);
        assert!(plan.notes.is_empty(), "{:?}", plan.notes);
        assert_eq!(plan.files[0].0, "content/teams/dock-crew.md");
        assert!(
            plan.files[0].1.contains("owns = ['quay \"north\"']"),
            "{}",
            plan.files[0].1
        );
        super::super::assert_charters_parse(&plan.files);
    }

    #[test]
    fn formats_are_told_by_name_and_by_text() {
        assert_eq!(Format::of_file_name("opslevel.yml"), Some(Format::OpsLevel));
        assert_eq!(
            Format::of_file_name("service.datadog.yaml"),
            Some(Format::Datadog)
        );
        assert_eq!(Format::of_file_name("catalog-info.yaml"), None);
        assert_eq!(
            Format::of_text("openapi: 3.0.1\ninfo:\n  x-cortex-tag: a\n"),
            Some(Format::Cortex)
        );
        assert_eq!(Format::of_text("kind: Component\n"), None);
    }
}
