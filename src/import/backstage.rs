//! Reading a Backstage catalog into team charters (`orgbook import backstage`).
//!
//! This module owns the mapping from Backstage's entity model to orgbook's charters: one
//! charter per `Group` (a team or a group by `spec.type` and by whether groups sit under
//! it, `spec.parent` → `parent`; groups told apart by namespace), members from `User`
//! entities' `spec.memberOf` and groups' `spec.members` (one person per user name, whatever
//! namespaces it appears in), and `owns` from the `spec.owner` of `Component`, `System`,
//! `API`, `Resource` and `Domain` entities, references resolved as Backstage resolves them.
//! What it cannot map is a note with its `file:line`, never a charter it edits. Catalog
//! files may hold many YAML documents, and `Location` entities are followed to the files
//! they name. Backstage has no problem statement or metric, so teams get the scaffold's
//! placeholders ([`crate::scaffold::PLACEHOLDER_PROBLEM`]), which the health page lists.
//! It is the inverse of `orgbook export backstage` (src/export/backstage.rs): a round trip
//! gives back the same hierarchy, members and ownership.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::Deserialize;
use yaml_serde::Value;

use super::{CharterFrontMatter, MetricEntry, toml_date, unique_slug};
use crate::load::CONTENT_DIR;
use crate::scaffold::{self, Survey};

/// One entity as read, with the place it came from for notes.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Lowercase: Backstage compares kinds case-insensitively.
    pub kind: String,
    /// Lowercase; `default` when the entity names none, as Backstage has it.
    pub namespace: String,
    /// Lowercase, without namespace. Users are one person per name in every namespace;
    /// groups are told apart by namespace when two share a name.
    pub name: String,
    /// `metadata.kind` as written (`API`, `Component`), for notes and qualified items.
    pub kind_shown: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub spec: Value,
    /// `path:line` of the YAML document that holds the entity.
    pub file: String,
    /// `metadata.annotations["github.com/team-slug"]` (`org/team`), as Backstage's GitHub
    /// org provider writes it: the team's name in CODEOWNERS.
    pub github_team: Option<String>,
    /// `metadata.links` that have a `url`: (url, title when it has one), in catalog order.
    pub links: Vec<(String, Option<String>)>,
    /// `metadata.tags`: read only to say they are left out.
    pub tags: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Catalog {
    pub entities: Vec<Entity>,
    /// Things read but not used (URL targets, missing targets, documents that are not
    /// entities).
    pub notes: Vec<String>,
}

/// Reads every catalog file named (folders: their `.yaml`/`.yml` files), following
/// `Location` targets. A file named on the command line that cannot be read or parsed is
/// an error, located; a Location target that matches no file is a note (catalogs keep
/// stale targets, and Backstage itself only logs them).
pub fn read_catalog(paths: &[PathBuf]) -> Result<Catalog, Vec<String>> {
    let mut catalog = Catalog::default();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    let mut queue: Vec<PathBuf> = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut files: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_yaml(e.path()))
                .map(|e| e.into_path())
                .collect();
            files.sort();
            queue.extend(files);
        } else if p.is_file() {
            queue.push(p.clone());
        } else {
            errors.push(format!("{}: no such file or folder", p.display()));
        }
    }
    // Other tools' service files kept beside catalog-info.yaml in the same repositories
    // (an organisation moving between catalogs has both): not entities, but not to be
    // dropped in silence either, one note per file.
    let mut other_catalogs: std::collections::BTreeMap<super::services::Format, Vec<String>> =
        std::collections::BTreeMap::new();
    // A queue rather than recursion: Locations may point at each other.
    let mut i = 0;
    while i < queue.len() {
        let path = queue[i].clone();
        i += 1;
        let key = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
        if !seen.insert(key) {
            continue;
        }
        let shown = path.display().to_string();
        let format = path
            .file_name()
            .and_then(|n| super::services::Format::of_file_name(&n.to_string_lossy()));
        if let Some(format) = format {
            other_catalogs.entry(format).or_default().push(shown);
            continue;
        }
        // Bytes that are not UTF-8 (an old Windows editor) cost a note, not the file, as
        // in the other imports.
        let text = match crate::text::legacy::read_text(&path) {
            Ok((t, legacy)) => {
                if let Some(how) = legacy {
                    catalog.notes.push(format!("{shown}: {}", how.describe()));
                }
                t
            }
            Err(e) => {
                errors.push(format!("{shown}: cannot read: {e}"));
                continue;
            }
        };
        let starts = super::document_lines(&text);
        for (n, doc) in yaml_serde::Deserializer::from_str(&text).enumerate() {
            let value = match Value::deserialize(doc) {
                Ok(v) => v,
                Err(e) => {
                    errors.push(super::yaml_error(&shown, &e));
                    break;
                }
            };
            if value.is_null() {
                continue;
            }
            let at = format!("{shown}:{}", starts.get(n).copied().unwrap_or(1));
            let entity = match entity(&value, &at) {
                Ok(e) => e,
                Err(what) => {
                    catalog
                        .notes
                        .push(format!("{at}: {what}; not an entity, skipped"));
                    continue;
                }
            };
            if entity.kind == "location" {
                let base = path.parent().unwrap_or(Path::new("."));
                let start = starts.get(n).copied().unwrap_or(1);
                for target in location_targets(&entity.spec) {
                    // The target's own line, for a note about it.
                    let at = text
                        .lines()
                        .enumerate()
                        .skip(start - 1)
                        .find(|(_, l)| l.contains(target.as_str()))
                        .map_or_else(|| at.clone(), |(i, _)| format!("{shown}:{}", i + 1));
                    if target.contains("://") {
                        catalog.notes.push(format!(
                            "{at}: Location target {target} is a URL; orgbook reads files only, download it and pass it too"
                        ));
                        continue;
                    }
                    let found = expand(base, &target);
                    if found.is_empty() {
                        catalog.notes.push(format!(
                            "{at}: Location target {target} matches no file; skipped"
                        ));
                    }
                    queue.extend(found);
                }
            }
            catalog.entities.push(entity);
        }
    }
    if let Some(first) = other_catalogs.values().flatten().min() {
        let counts: Vec<String> = other_catalogs
            .iter()
            .map(|(f, files)| format!("{} {}", files.len(), f.name()))
            .collect();
        catalog.notes.push(format!(
            "{first}: {} ({}), not Backstage entities: `orgbook import services` reads {}",
            crate::text::counted(
                other_catalogs.values().map(Vec::len).sum::<usize>(),
                "file is another tool's service catalog",
                "files are other tools' service catalogs"
            ),
            counts.join(", "),
            if other_catalogs.values().map(Vec::len).sum::<usize>() == 1 {
                "it"
            } else {
                "them"
            }
        ));
    }
    if errors.is_empty() {
        Ok(catalog)
    } else {
        Err(errors)
    }
}

fn is_yaml(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

/// The entity a YAML document describes, or what it lacks to be one.
fn entity(v: &Value, at: &str) -> Result<Entity, &'static str> {
    let kind_shown = match v.get("kind") {
        None => return Err("it has no `kind`"),
        Some(k) => k.as_str().ok_or("its `kind` is not a string")?.trim(),
    };
    let meta = v
        .get("metadata")
        .ok_or("it has no `metadata` (with a `name`)")?;
    let name = match meta.get("name") {
        None => return Err("it has no `metadata.name`"),
        Some(n) => n.as_str().ok_or("its `metadata.name` is not a string")?,
    };
    let text = |k: &str| {
        meta.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Ok(Entity {
        kind: kind_shown.to_ascii_lowercase(),
        kind_shown: kind_shown.to_owned(),
        namespace: text("namespace")
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_else(|| DEFAULT_NAMESPACE.to_owned()),
        name: name.trim().to_ascii_lowercase(),
        title: text("title"),
        description: text("description"),
        spec: v.get("spec").cloned().unwrap_or(Value::Null),
        file: at.to_owned(),
        github_team: meta
            .get("annotations")
            .and_then(|a| a.get("github.com/team-slug"))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| s.contains('/') && !s.starts_with('/'))
            .map(str::to_owned),
        links: meta
            .get("links")
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
            .filter_map(|link| {
                let url = link.get("url")?.as_str()?.trim();
                let title = link
                    .get("title")
                    .and_then(Value::as_str)
                    .map(str::trim)
                    .filter(|t| !t.is_empty());
                (!url.is_empty()).then(|| (url.to_owned(), title.map(str::to_owned)))
            })
            .collect(),
        tags: meta
            .get("tags")
            .and_then(Value::as_sequence)
            .into_iter()
            .flatten()
            .filter_map(|t| Some(t.as_str()?.trim().to_owned()))
            .filter(|t| !t.is_empty())
            .collect(),
    })
}

/// Backstage's namespace for entities that name none.
const DEFAULT_NAMESPACE: &str = "default";

fn location_targets(spec: &Value) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(t) = spec.get("target").and_then(Value::as_str) {
        out.push(t.to_owned());
    }
    if let Some(list) = spec.get("targets").and_then(Value::as_sequence) {
        out.extend(list.iter().filter_map(Value::as_str).map(str::to_owned));
    }
    out
}

/// A target relative to the Location's folder. Globs are Backstage's: `*` within a name,
/// `**` across folders (`./teams/**/catalog-info.yaml`); the walk starts at the deepest
/// folder without a glob character, so a glob never reads more of the disk than it names.
fn expand(base: &Path, target: &str) -> Vec<PathBuf> {
    let target = target.trim_start_matches("./");
    if !target.contains(['*', '?', '[', '{']) {
        let path = base.join(target);
        return if path.is_file() { vec![path] } else { vec![] };
    }
    let Ok(glob) = globset::GlobBuilder::new(target)
        .literal_separator(true)
        .build()
    else {
        return vec![];
    };
    let matcher = glob.compile_matcher();
    let literal: Vec<&str> = target
        .split('/')
        .take_while(|part| !part.contains(['*', '?', '[', '{']))
        .collect();
    let root = base.join(literal.join("/"));
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .strip_prefix(base)
                .is_ok_and(|rel| matcher.is_match(rel))
        })
        .map(|e| e.into_path())
        .collect();
    out.sort();
    out
}

/// An entity reference as written, `[kind:][namespace/]name`, lowercase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntityRef {
    pub kind: String,
    pub namespace: Option<String>,
    pub name: String,
}

/// `group:default/team-a`, `default/team-a`, `team-a` → its parts, lowercase, with
/// `default_kind` when the reference names no kind.
pub fn parse_ref(r: &str, default_kind: &str) -> EntityRef {
    let r = r.trim();
    let (kind, rest) = match r.split_once(':') {
        Some((k, rest)) if !k.contains('/') => (k.to_ascii_lowercase(), rest),
        _ => (default_kind.to_owned(), r),
    };
    let (namespace, name) = match rest.rsplit_once('/') {
        Some((ns, name)) => (Some(ns.to_ascii_lowercase()), name),
        None => (None, rest),
    };
    EntityRef {
        kind,
        namespace,
        name: name.to_ascii_lowercase(),
    }
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_sequence)
        .map(|s| {
            s.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn spec_str<'v>(spec: &'v Value, path: &[&str]) -> Option<&'v str> {
    let mut v = spec;
    for k in path {
        v = v.get(*k)?;
    }
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// What the import will write.
#[derive(Debug, Default)]
pub struct Plan {
    /// (path relative to the handbook root, text), parents before children.
    pub files: Vec<(String, String)>,
    pub notes: Vec<String>,
    pub errors: Vec<String>,
    /// `owned` counts catalog entities; `undated`, charters whose catalog file has no git
    /// history.
    pub count: super::ImportCounts,
}

/// A group's identity in the catalog: (namespace, name).
type GroupKey = (String, String);

struct Group<'a> {
    entity: &'a Entity,
    slug: String,
    /// The parent as written, resolved once every group is known.
    parent: Option<EntityRef>,
    /// The parent's key when the catalog has it, else the reference's name.
    parent_key: Option<GroupKey>,
    /// Another group of the catalog has the same name in another namespace: its charter's
    /// name says the namespace.
    name_shared: bool,
    is_team: bool,
    members: BTreeSet<String>,
    owns: BTreeSet<String>,
}

/// The catalog's groups, found by reference the way Backstage resolves them: in the
/// namespace the reference names, else in the referring entity's; and, since catalogs
/// assembled from many repositories are often loose about namespaces, by name alone when
/// only one namespace has a group of that name.
struct Groups<'a> {
    by_key: BTreeMap<GroupKey, Group<'a>>,
    by_name: BTreeMap<String, Vec<GroupKey>>,
}

impl<'a> Groups<'a> {
    fn find(&self, r: &EntityRef, from_namespace: &str) -> Option<GroupKey> {
        let ns = r.namespace.as_deref().unwrap_or(from_namespace);
        let key = (ns.to_owned(), r.name.clone());
        if self.by_key.contains_key(&key) {
            return Some(key);
        }
        match self.by_name.get(&r.name).map(Vec::as_slice) {
            Some([only]) => Some(only.clone()),
            _ => None,
        }
    }
}

/// Backstage leaves `spec.type` free. These words name a team; [`GROUP_TYPES`] name a
/// team of teams; any other type is a team unless other groups sit under it.
const TEAM_TYPES: &[&str] = &[
    "team",
    "squad",
    "pod",
    "crew",
    "feature-team",
    "scrum-team",
    "product-team",
    "stream-aligned",
];
const GROUP_TYPES: &[&str] = &[
    "organization",
    "organisation",
    "org",
    "company",
    "business-unit",
    "department",
    "sub-department",
    "division",
    "tribe",
    "area",
    "domain",
    "unit",
    "group",
    "value-stream",
    "program",
    "portfolio",
];

/// Maps the catalog onto charters beside the handbook's existing ones. A group whose
/// slug is already a charter is not written again; its children still name it, and a note
/// says what the catalog gives it that the charter does not have. The groups without a
/// parent in the catalog (its organisation, or a lone team's group) go under `parent`, a
/// charter of the handbook (`--parent`, checked by the caller), when there is one.
pub fn plan(
    catalog: &Catalog,
    survey: &Survey,
    parent: Option<&str>,
    mut last_changed: impl FnMut(&str) -> Option<Date>,
) -> Plan {
    let mut plan = Plan {
        notes: catalog.notes.clone(),
        ..Plan::default()
    };
    let mut groups = groups(catalog, survey, &mut plan.notes);
    add_members(catalog, &mut groups, &mut plan.notes);
    add_owned(catalog, survey, &mut groups, &mut plan.notes);
    unmapped_kinds(catalog, &mut plan.notes);
    dropped_tags(catalog, &mut plan.notes);
    let parent_slug = parent_slugs(&groups, survey, parent, &mut plan.notes);

    // Paths: beside the parent, as `orgbook new team --parent` puts them; parents first.
    let mut paths: BTreeMap<String, String> = survey
        .teams
        .iter()
        .map(|(s, t)| (s.clone(), t.path.clone()))
        .collect();
    let depths = depths(&parent_slug);
    let mut order: Vec<&Group> = groups.by_key.values().collect();
    order.sort_by_key(|g| (depths.get(&g.slug).copied().unwrap_or(0), g.slug.clone()));
    let mut people = BTreeSet::new();
    let mut unchanged: Vec<&str> = Vec::new();
    for g in order {
        if let Some(existing) = survey.teams.get(&g.slug) {
            plan.count.existing += 1;
            match already_there(g, existing) {
                Some(note) => plan.notes.push(note),
                None => unchanged.push(existing.path.as_str()),
            }
            continue;
        }
        let parent = parent_slug.get(&g.slug).cloned().flatten();
        let path = match parent.as_ref().and_then(|p| paths.get(p)) {
            Some(pp) => format!("{}/{}.md", pp.trim_end_matches(".md"), g.slug),
            None => format!("{CONTENT_DIR}/teams/{}.md", g.slug),
        };
        paths.insert(g.slug.clone(), path.clone());
        if g.is_team {
            plan.count.teams += 1;
        } else {
            plan.count.groups += 1;
        }
        people.extend(g.members.iter().cloned());
        plan.count.owned += g.owns.len();
        let reviewed = last_changed(entity_path(&g.entity.file));
        if reviewed.is_none() {
            plan.count.undated += 1;
        }
        let (text, described) = charter(g, parent.as_deref(), reviewed);
        if g.is_team && !described {
            plan.count.without_problem += 1;
        }
        plan.files.push((path, text));
    }
    if !unchanged.is_empty() {
        plan.notes.push(super::kept_as_they_are(
            unchanged.len(),
            ("group is", "groups are"),
            "the catalog gives",
            &listed(&unchanged),
        ));
    }
    plan.count.members = people.len();
    plan
}

/// The note for a group the handbook has already, when the catalog gives it members or
/// items its charter does not list (an import never edits a charter); `None` when it
/// gives nothing new.
fn already_there(g: &Group, existing: &scaffold::TeamEntry) -> Option<String> {
    let mut note = format!(
        "group {}/{} is already in the handbook as {}; kept as it is",
        g.entity.namespace, g.entity.name, existing.path
    );
    let (new_people, new_items) = super::not_in_charter(
        existing,
        g.members.iter().map(String::as_str),
        g.owns.iter().map(String::as_str),
    );
    if !new_people.is_empty() {
        note.push_str(&format!(
            "; the catalog also lists as members: {} (add them to `members` if they are)",
            listed(&new_people)
        ));
    }
    if !new_items.is_empty() {
        note.push_str(&format!(
            "; the catalog also gives it: {} (add them to `owns` if they are its)",
            listed(&new_items)
        ));
    }
    (!new_people.is_empty() || !new_items.is_empty()).then_some(note)
}

/// Up to ten names, then a count of the rest.
fn listed(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    capped(&quoted)
}

/// Up to ten items as written, then a count of the rest.
fn capped(items: &[String]) -> String {
    const SHOWN: usize = 10;
    let mut out = items
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if items.len() > SHOWN {
        out.push_str(&format!(" and {} more", items.len() - SHOWN));
    }
    out
}

/// The catalog's groups, each with a slug of its own and its parent, from `spec.parent`
/// or else from a group that lists it in `spec.children`. A name that two namespaces
/// use keeps its plain slug in `default` and takes the namespace in front elsewhere
/// (`retail-payments`).
fn groups<'c>(catalog: &'c Catalog, survey: &Survey, notes: &mut Vec<String>) -> Groups<'c> {
    let mut entities: Vec<&Entity> = Vec::new();
    // Where each group is first defined, for the note on a second definition.
    let mut first_at: BTreeMap<GroupKey, &str> = BTreeMap::new();
    for e in catalog.entities.iter().filter(|e| e.kind == "group") {
        match first_at.entry((e.namespace.clone(), e.name.clone())) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                slot.insert(&e.file);
                entities.push(e);
            }
            std::collections::btree_map::Entry::Occupied(first) => notes.push(format!(
                "{}: group {}/{} is defined twice; the first, at {}, is used",
                e.file,
                e.namespace,
                e.name,
                first.get()
            )),
        }
    }
    let mut namespaces: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &entities {
        *namespaces.entry(e.name.as_str()).or_default() += 1;
    }
    let mut by_key: BTreeMap<GroupKey, Group> = BTreeMap::new();
    let mut by_name: BTreeMap<String, Vec<GroupKey>> = BTreeMap::new();
    let mut slugs: BTreeSet<String> = BTreeSet::new();
    for e in entities {
        let name_shared = namespaces[e.name.as_str()] > 1;
        let written = if name_shared && e.namespace != DEFAULT_NAMESPACE {
            format!("{}-{}", e.namespace, e.name)
        } else {
            e.name.clone()
        };
        let mut base = scaffold::slugify(&written);
        if base.is_empty() {
            base = "group".to_owned();
        }
        let slug = unique_slug(&base, &mut slugs);
        let key = (e.namespace.clone(), e.name.clone());
        by_name.entry(e.name.clone()).or_default().push(key.clone());
        by_key.insert(
            key,
            Group {
                entity: e,
                slug,
                parent: spec_str(&e.spec, &["parent"]).map(|p| parse_ref(p, "group")),
                parent_key: None,
                name_shared,
                is_team: true,
                members: BTreeSet::new(),
                owns: BTreeSet::new(),
            },
        );
    }
    let mut groups = Groups { by_key, by_name };
    // Some catalogs say the hierarchy only from above (`spec.children`).
    let keys: Vec<GroupKey> = groups.by_key.keys().cloned().collect();
    let mut from_above: Vec<(GroupKey, GroupKey)> = Vec::new();
    let mut missing_children: Vec<(&GroupKey, Vec<String>)> = Vec::new();
    for key in &keys {
        let g = &groups.by_key[key];
        let mut missing = Vec::new();
        for child in strings(g.entity.spec.get("children")) {
            match groups.find(&parse_ref(&child, "group"), &key.0) {
                Some(c) if c != *key => from_above.push((c, key.clone())),
                Some(_) => {}
                None => missing.push(child.trim().to_owned()),
            }
        }
        if !missing.is_empty() {
            missing_children.push((key, missing));
        }
    }
    children_not_found(&groups, &missing_children, survey, notes);
    for key in &keys {
        let g = &groups.by_key[key];
        let found = g
            .parent
            .as_ref()
            .and_then(|p| groups.find(p, &g.entity.namespace));
        groups
            .by_key
            .get_mut(key)
            .expect("a key of the map")
            .parent_key = found;
    }
    for (child, parent) in from_above {
        let c = groups.by_key.get_mut(&child).expect("a key of the map");
        if c.parent.is_none() && c.parent_key.is_none() {
            c.parent_key = Some(parent);
        }
    }
    let has_children: BTreeSet<GroupKey> = groups
        .by_key
        .values()
        .filter_map(|g| g.parent_key.clone())
        .collect();
    for (key, g) in groups.by_key.iter_mut() {
        let ty = spec_str(&g.entity.spec, &["type"])
            .unwrap_or_default()
            .to_ascii_lowercase();
        g.is_team = if TEAM_TYPES.contains(&ty.as_str()) {
            true
        } else if GROUP_TYPES.contains(&ty.as_str()) {
            false
        } else {
            !has_children.contains(key)
        };
    }
    groups
}

/// One note per group whose `spec.children` names groups the catalog does not have: a
/// child that is a charter of the handbook needs its `parent` set by hand (an import never
/// edits a charter); any other is named with the nearest group, since a typo there
/// silently leaves a team at the top of the hierarchy.
fn children_not_found(
    groups: &Groups,
    missing: &[(&GroupKey, Vec<String>)],
    survey: &Survey,
    notes: &mut Vec<String>,
) {
    // Bounded: a catalog whose `children` name users by mistake may miss thousands.
    let mut nearest = crate::diagnostic::Suggestions::new(
        groups
            .by_name
            .keys()
            .map(String::as_str)
            .chain(survey.teams.keys().map(String::as_str)),
    );
    for (key, children) in missing {
        let g = &groups.by_key[*key];
        let mut in_handbook: Vec<&str> = Vec::new();
        let mut nowhere: Vec<String> = Vec::new();
        for child in children {
            let name = parse_ref(child, "group").name;
            if let Some(entry) = survey.teams.get(&scaffold::slugify(&name)) {
                in_handbook.push(entry.path.as_str());
            } else {
                let hint = nearest
                    .nearest(&name)
                    .map(|n| format!(" (did you mean {n}?)"))
                    .unwrap_or_default();
                nowhere.push(format!("\"{child}\"{hint}"));
            }
        }
        if !nowhere.is_empty() {
            notes.push(format!(
                "{}: group {} lists children that are in neither the catalog nor the handbook: {}; left out",
                g.entity.file,
                g.entity.name,
                capped(&nowhere)
            ));
        }
        if !in_handbook.is_empty() {
            notes.push(format!(
                "{}: group {} lists as children charters of the handbook: {}; the import does not edit a charter: set their `parent` to \"{}\"",
                g.entity.file,
                g.entity.name,
                listed(&in_handbook),
                g.slug
            ));
        }
    }
}

/// Adds each user to the groups it is a member of, whichever side says so (the user's
/// `spec.memberOf` or the group's `spec.members`), by display name.
fn add_members(catalog: &Catalog, groups: &mut Groups, notes: &mut Vec<String>) {
    let mut users: BTreeMap<String, &Entity> = BTreeMap::new();
    for u in catalog.entities.iter().filter(|e| e.kind == "user") {
        users.entry(u.name.clone()).or_insert(u);
    }
    let display = |name: &str| -> String {
        users
            .get(name)
            .and_then(|u| {
                spec_str(&u.spec, &["profile", "displayName"])
                    .map(str::to_owned)
                    .or_else(|| u.title.clone())
            })
            .unwrap_or_else(|| name.to_owned())
    };
    let mut missing: BTreeMap<String, Vec<&str>> = BTreeMap::new();
    for u in users.values() {
        for r in strings(u.spec.get("memberOf")) {
            let r = parse_ref(&r, "group");
            match groups.find(&r, &u.namespace) {
                Some(key) => {
                    let shown = display(&u.name);
                    if let Some(g) = groups.by_key.get_mut(&key) {
                        g.members.insert(shown);
                    }
                }
                None => missing.entry(r.name).or_default().push(&u.file),
            }
        }
    }
    for (group, at) in missing {
        notes.push(format!(
            "{}: {} of {group}, which is not a group in the catalog; left out{}",
            at[0],
            crate::text::counted(at.len(), "user is a member", "users are members"),
            suggestion(&group, groups)
        ));
    }
    for group in groups.by_key.values_mut() {
        for r in strings(group.entity.spec.get("members")) {
            let r = parse_ref(&r, "user");
            group.members.insert(display(&r.name));
        }
    }
}

/// The groups of the catalog user `name` is a member of, by either side's say (the
/// user's `spec.memberOf`, a group's `spec.members`), by name, sorted.
fn user_groups(catalog: &Catalog, groups: &Groups, name: &str) -> Vec<String> {
    let mut found: BTreeSet<String> = BTreeSet::new();
    for u in catalog
        .entities
        .iter()
        .filter(|e| e.kind == "user" && e.name == name)
    {
        for r in strings(u.spec.get("memberOf")) {
            let r = parse_ref(&r, "group");
            if let Some(key) = groups.find(&r, &u.namespace) {
                found.insert(groups.by_key[&key].entity.name.clone());
            }
        }
    }
    for g in groups.by_key.values() {
        if strings(g.entity.spec.get("members"))
            .iter()
            .any(|m| parse_ref(m, "user").name == name)
        {
            found.insert(g.entity.name.clone());
        }
    }
    found.into_iter().collect()
}

/// ` (did you mean X?)` when a group of the catalog has a name close to `name`.
fn suggestion(name: &str, groups: &Groups) -> String {
    did_you_mean(name, groups.by_name.keys().map(String::as_str))
}

/// ` (did you mean X?)` for the candidate nearest `name`, or else the one candidate that
/// is `name` with one more word before or after it: an organisation's group is often
/// `acme-org` while its teams say `parent: acme`, four edits away.
fn did_you_mean<'a>(name: &str, candidates: impl Iterator<Item = &'a str> + Clone) -> String {
    crate::diagnostic::nearest(name, candidates.clone())
        .or_else(|| one_word_apart(name, candidates))
        .map(|n| format!(" (did you mean {n}?)"))
        .unwrap_or_default()
}

/// The only candidate that is `name` (three letters or more) joined by `-` or `_` to
/// one shorter word (`acme` → `acme-org`, `org-acme`); `None` when none or several are.
fn one_word_apart<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let name = name.to_lowercase();
    if name.chars().count() < 3 {
        return None;
    }
    // The word added is the lesser part (`-org`, `-team`): `org` is not `lumen-org`.
    let is_word =
        |w: &str| !w.is_empty() && w.len() < name.len() && w.chars().all(char::is_alphanumeric);
    let mut found = candidates.filter(|c| {
        let c = c.to_lowercase();
        let after = c
            .strip_prefix(name.as_str())
            .and_then(|rest| rest.strip_prefix(['-', '_']));
        let before = c
            .strip_suffix(name.as_str())
            .and_then(|rest| rest.strip_suffix(['-', '_']));
        after.is_some_and(is_word) || before.is_some_and(is_word)
    });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// Entity kinds an owner owns, as the ownership page lists them.
const OWNED_KINDS: &[&str] = &["component", "system", "api", "resource", "domain"];

/// Whether entities of `kind` (lowercase) become a group's `owns`.
pub fn is_owned_kind(kind: &str) -> bool {
    OWNED_KINDS.contains(&kind)
}

/// Gives each component, system, API, resource and domain to the group that owns it,
/// unless a charter of the handbook owns it already (ownership is exclusive). An item's
/// name is its title, else its name; when two entities would give the same name (a
/// service and its API are often both `petstore`), each is qualified by its kind and, if
/// that is not enough, its namespace (`petstore (API)`), so no import creates a
/// `contested-ownership` error.
fn add_owned(catalog: &Catalog, survey: &Survey, groups: &mut Groups, notes: &mut Vec<String>) {
    let owned: Vec<&Entity> = catalog
        .entities
        .iter()
        .filter(|e| OWNED_KINDS.contains(&e.kind.as_str()))
        .collect();
    let plain = |e: &Entity| e.title.clone().unwrap_or_else(|| e.name.clone());
    let mut uses: BTreeMap<String, BTreeSet<(&str, &str)>> = BTreeMap::new();
    for e in &owned {
        uses.entry(crate::model::ownership_key(&plain(e)))
            .or_default()
            .insert((e.kind.as_str(), e.namespace.as_str()));
    }
    let item_of = |e: &Entity| {
        let name = plain(e);
        let same = &uses[&crate::model::ownership_key(&name)];
        if same.len() == 1 {
            name
        } else if same.iter().filter(|(k, _)| *k == e.kind).count() == 1 {
            format!("{name} ({})", e.kind_shown)
        } else {
            format!("{name} ({}, {})", e.kind_shown, e.namespace)
        }
    };
    let owned_in_handbook = survey.owners();
    // Owners that are charters of the handbook, not groups of the catalog: the import
    // does not edit a charter, so it says what to add.
    let mut to_charters: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let mut unknown_owner: BTreeMap<String, Vec<&Entity>> = BTreeMap::new();
    for e in owned {
        let Some(owner) = spec_str(&e.spec, &["owner"]) else {
            continue;
        };
        let r = parse_ref(owner, "group");
        let item = item_of(e);
        let key = (r.kind == "group")
            .then(|| groups.find(&r, &e.namespace))
            .flatten();
        match key {
            Some(key) => {
                if let Some(path) = owned_in_handbook.get(&crate::model::ownership_key(&item)) {
                    // A re-run: the group's own charter has it already.
                    let own = survey.teams.get(&groups.by_key[&key].slug);
                    if own.is_some_and(|t| t.path == *path) {
                        continue;
                    }
                    notes.push(format!(
                        "{}: {} {} is already owned by {path}; left out (ownership is exclusive)",
                        e.file, e.kind_shown, e.name
                    ));
                } else if let Some(g) = groups.by_key.get_mut(&key) {
                    g.owns.insert(item);
                }
            }
            None => match survey.teams.get(&scaffold::slugify(&r.name)) {
                Some(entry) if r.kind == "group" => {
                    if !owned_in_handbook.contains_key(&crate::model::ownership_key(&item)) {
                        to_charters
                            .entry(entry.path.as_str())
                            .or_default()
                            .push(item);
                    }
                }
                _ => unknown_owner
                    .entry(format!("{}:{}", r.kind, r.name))
                    .or_default()
                    .push(e),
            },
        }
    }
    for (path, items) in to_charters {
        let items: Vec<&str> = items.iter().map(String::as_str).collect();
        notes.push(format!(
            "{path} owns {} in the catalog; the import does not edit a charter: add them to its `owns`",
            listed(&items)
        ));
    }
    for (owner, entities) in unknown_owner {
        let first = entities[0];
        let names: Vec<String> = entities
            .iter()
            .map(|e| format!("{} {}", e.kind_shown, e.name))
            .collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (kind, name) = owner.split_once(':').unwrap_or(("group", &owner));
        let why = if kind == "group" {
            "which is not a group in the catalog or a charter of the handbook"
        } else {
            "which is not a group (orgbook maps ownership to teams and groups)"
        };
        // A group of the catalog or a charter of the handbook with that name, or one close.
        let hint = if kind != "group" && groups.by_name.contains_key(name) {
            format!(" (a group of that name exists: `group:{name}`)")
        } else if kind == "user" {
            // Backstage lets a person own an entity; orgbook's owners are teams: the
            // person's own team is the likely one.
            match user_groups(catalog, groups, name).as_slice() {
                [] => String::new(),
                [one] => format!(
                    " ({name} is a member of {one}: `owner: group:{one}` gives it to that team)"
                ),
                many => format!(
                    " ({name} is a member of {}: name one of them as `owner`)",
                    many.join(", ")
                ),
            }
        } else if kind == "group" {
            let known = groups
                .by_name
                .keys()
                .map(String::as_str)
                .chain(survey.teams.keys().map(String::as_str));
            did_you_mean(name, known)
        } else {
            String::new()
        };
        notes.push(format!(
            "{}: owned by {owner}, {why}; not mapped: {}{hint}",
            first.file,
            listed(&names),
        ));
    }
}

/// One note per entity kind the import does not map (`Template`, `AiResource`, …).
fn unmapped_kinds(catalog: &Catalog, notes: &mut Vec<String>) {
    let mut kinds: BTreeMap<&str, (usize, &str)> = BTreeMap::new();
    for e in &catalog.entities {
        let mapped = matches!(e.kind.as_str(), "group" | "user" | "location")
            || OWNED_KINDS.contains(&e.kind.as_str());
        if !mapped {
            let entry = kinds.entry(e.kind_shown.as_str()).or_insert((0, &e.file));
            entry.0 += 1;
        }
    }
    for (kind, (n, first)) in kinds {
        notes.push(format!(
            "{first}: {} not mapped: orgbook maps Group, User, Component, System, API, Resource and Domain",
            crate::text::counted(n, &format!("{kind} entity"), &format!("{kind} entities"))
        ));
    }
}

/// One note for every `metadata.tags` of the catalog: a charter has no tags, and the
/// items it owns are names, so they are left out, but not in silence.
fn dropped_tags(catalog: &Catalog, notes: &mut Vec<String>) {
    let tagged: Vec<&Entity> = catalog
        .entities
        .iter()
        .filter(|e| !e.tags.is_empty())
        .collect();
    let Some(first) = tagged.first() else {
        return;
    };
    let tags: Vec<String> = tagged
        .iter()
        .flat_map(|e| e.tags.iter().cloned())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    notes.push(format!(
        "{}: {} `metadata.tags` ({}); left out: a charter has no tags",
        first.file,
        crate::text::counted(tagged.len(), "entity carries", "entities carry"),
        capped(&tags)
    ));
}

/// Each group's parent as a slug: a group of the catalog or a charter of the handbook.
/// A parent that exists in neither is dropped; a cycle is cut where a walk up from the
/// first of its groups (in slug order) comes back to a group it has passed, so one
/// parent a cycle is dropped and every other group keeps its own. The groups left without
/// a parent then get `top` (`--parent`), unless they are that charter.
fn parent_slugs(
    groups: &Groups,
    survey: &Survey,
    top: Option<&str>,
    notes: &mut Vec<String>,
) -> BTreeMap<String, Option<String>> {
    let mut parent_slug: BTreeMap<String, Option<String>> = BTreeMap::new();
    for g in groups.by_key.values() {
        let p = match (&g.parent_key, &g.parent) {
            (Some(key), _) => Some(groups.by_key[key].slug.clone()),
            (None, None) => None,
            (None, Some(r)) if survey.teams.contains_key(&scaffold::slugify(&r.name)) => {
                Some(scaffold::slugify(&r.name))
            }
            (None, Some(r)) => {
                let placed = match top {
                    Some(top) => format!("imported under {top} (--parent)"),
                    None => "imported without a parent".to_owned(),
                };
                notes.push(format!(
                    "{}: group {} names parent {}, which is in neither the catalog nor the handbook; {placed}{}",
                    g.entity.file,
                    g.entity.name,
                    r.name,
                    suggestion(&r.name, groups)
                ));
                None
            }
        };
        parent_slug.insert(g.slug.clone(), p);
    }
    let slug_names: BTreeMap<&str, &str> = groups
        .by_key
        .values()
        .map(|g| (g.slug.as_str(), g.entity.name.as_str()))
        .collect();
    // Each group is walked through once: `done` holds the groups whose way up is known
    // to end, `path` the current walk.
    let mut done: BTreeSet<String> = BTreeSet::new();
    let starts: Vec<String> = parent_slug.keys().cloned().collect();
    for start in starts {
        let mut path: Vec<String> = Vec::new();
        let mut on_path: BTreeSet<String> = BTreeSet::new();
        let mut cur = start;
        loop {
            if done.contains(&cur) {
                break;
            }
            if !on_path.insert(cur.clone()) {
                notes.push(format!(
                    "group {} is its own ancestor; its parent is dropped",
                    slug_names.get(cur.as_str()).unwrap_or(&cur.as_str())
                ));
                parent_slug.insert(cur, None);
                break;
            }
            path.push(cur.clone());
            match parent_slug.get(&cur) {
                Some(Some(p)) => cur = p.clone(),
                _ => break,
            }
        }
        done.extend(path);
    }
    if let Some(top) = top {
        // `top` may be a group of the catalog too: the groups above it stay where they
        // are, or it would be its own ancestor.
        let mut above_top: BTreeSet<String> = BTreeSet::new();
        let mut cur = Some(top.to_owned());
        while let Some(slug) = cur.filter(|s| above_top.insert(s.clone())) {
            cur = parent_slug.get(&slug).cloned().flatten();
        }
        for (slug, parent) in parent_slug.iter_mut() {
            if parent.is_none() && !above_top.contains(slug) {
                *parent = Some(top.to_owned());
            }
        }
    }
    parent_slug
}

/// Each group's depth below its top-level ancestor, every group computed once (parents
/// are acyclic by now).
fn depths(parents: &BTreeMap<String, Option<String>>) -> BTreeMap<String, usize> {
    let mut depth: BTreeMap<String, usize> = BTreeMap::new();
    for start in parents.keys() {
        let mut path: Vec<&str> = Vec::new();
        let mut cur = start.as_str();
        let base = loop {
            if let Some(&d) = depth.get(cur) {
                break d;
            }
            path.push(cur);
            match parents.get(cur) {
                Some(Some(p)) if path.len() <= parents.len() => cur = p,
                _ => break 0,
            }
        };
        // `base` is the depth of the group above the walk (or 0 above a top-level one).
        let known = depth.contains_key(cur);
        for (i, g) in path.iter().rev().enumerate() {
            depth.insert(g.to_string(), base + i + usize::from(known));
        }
    }
    depth
}

/// The file of an entity's `path:line`.
fn entity_path(at: &str) -> &str {
    match at.rsplit_once(':') {
        Some((path, line)) if !line.is_empty() && line.bytes().all(|b| b.is_ascii_digit()) => path,
        _ => at,
    }
}

/// `reviewed` is when the catalog file that defines the group last changed in git (the
/// caller's `last_changed`), not the day of the import, which would hide for a whole review
/// period every group nobody has touched in years; `None` without such history.
/// The charter's text, and whether its problem is the group's description.
fn charter(g: &Group, parent: Option<&str>, reviewed: Option<Date>) -> (String, bool) {
    let e = g.entity;
    let mut name = spec_str(&e.spec, &["profile", "displayName"])
        .map(str::to_owned)
        .or_else(|| e.title.clone())
        .unwrap_or_else(|| e.name.clone());
    // Two groups of one name in two namespaces: the people browsing tell them apart.
    if g.name_shared && e.namespace != DEFAULT_NAMESPACE {
        name = format!("{name} ({})", e.namespace);
    }
    let email = spec_str(&e.spec, &["profile", "email"]);
    // A team's description, when it is one short paragraph, says what the team is for: its
    // problem (and what `orgbook export backstage` writes there, so a round trip keeps it).
    // A longer one stays in the body, and the problem is the placeholder to fill in.
    let description = e
        .description
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty());
    // One that only repeats the name ("Team B") or is a label of a word or two says
    // nothing a problem would.
    let problem_from_description = description
        .filter(|d| g.is_team && d.len() <= 300 && !d.contains("\n\n"))
        .filter(|d| d.split_whitespace().count() >= 4)
        .filter(|d| !d.eq_ignore_ascii_case(&name) && !d.eq_ignore_ascii_case(&e.name))
        .filter(|d| *d != scaffold::PLACEHOLDER_PROBLEM.trim())
        .map(|d| d.split_whitespace().collect::<Vec<_>>().join(" "));
    let fm = CharterFrontMatter {
        name: &name,
        kind: if g.is_team { "team" } else { "group" },
        parent,
        problem: match &problem_from_description {
            Some(p) => Some(p.as_str()),
            None => g.is_team.then_some(scaffold::PLACEHOLDER_PROBLEM),
        },
        members: g.members.iter().map(String::as_str).collect(),
        owns: g.owns.iter().map(String::as_str).collect(),
        codeowners: e.github_team.iter().map(|t| format!("@{t}")).collect(),
        reviewed: reviewed.map(toml_date),
        contact: email.map(|m| ("email", m.to_owned())).into_iter().collect(),
        metrics: if g.is_team {
            vec![MetricEntry::placeholder()]
        } else {
            vec![]
        },
        ..CharterFrontMatter::default()
    };
    let mut out = fm.to_front_matter();
    if let Some(d) = description
        && problem_from_description.is_none()
        && d != scaffold::PLACEHOLDER_PROBLEM.trim()
    {
        out.push_str(d);
        out.push_str("\n\n");
    }
    if g.is_team {
        out.push_str(scaffold::PLACEHOLDER_SECTIONS);
    } else {
        out.push_str("Imported from the Backstage catalog.\n");
    }
    // A charter has no key for links, and `[contact]` would show each address rather
    // than its title: the body keeps them as a list the page draws as links.
    let links: Vec<&(String, Option<String>)> = e
        .links
        .iter()
        .filter(|(_, title)| title.as_deref() != Some(crate::export::backstage::CHARTER_LINK_TITLE))
        .collect();
    if !links.is_empty() {
        out.push_str("\n## Links\n\n");
        for (url, title) in links {
            out.push_str(&link_item(url, title.as_deref()));
        }
    }
    (out, problem_from_description.is_some())
}

/// A Markdown list item linking `url`, by its title when it has one.
fn link_item(url: &str, title: Option<&str>) -> String {
    format!("- {}\n", super::markdown_link(url, title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::document_lines;

    #[test]
    fn refs_split_kind_namespace_and_name() {
        let r = |kind: &str, ns: Option<&str>, name: &str| EntityRef {
            kind: kind.into(),
            namespace: ns.map(str::to_owned),
            name: name.into(),
        };
        assert_eq!(
            parse_ref("group:default/Team-A", "user"),
            r("group", Some("default"), "team-a")
        );
        assert_eq!(
            parse_ref("Ops/team-b", "group"),
            r("group", Some("ops"), "team-b")
        );
        assert_eq!(parse_ref("jdoe", "user"), r("user", None, "jdoe"));
        assert_eq!(parse_ref("user:guest", "group"), r("user", None, "guest"));
    }

    #[test]
    fn location_targets_glob_within_a_name_and_across_folders() {
        let dir = tempfile::tempdir().unwrap();
        for f in [
            "org.yaml",
            "teams/a/catalog-info.yaml",
            "teams/b/c/catalog-info.yaml",
            "teams/b/other.yaml",
            "team-x.yaml",
            "users.yaml",
        ] {
            let p = dir.path().join(f);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "").unwrap();
        }
        let rel = |v: Vec<PathBuf>| -> Vec<String> {
            v.iter()
                .map(|p| {
                    p.strip_prefix(dir.path())
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect()
        };
        assert_eq!(
            rel(expand(dir.path(), "./teams/**/catalog-info.yaml")),
            ["teams/a/catalog-info.yaml", "teams/b/c/catalog-info.yaml"]
        );
        assert_eq!(rel(expand(dir.path(), "team-*.yaml")), ["team-x.yaml"]);
        // `*` stays within one folder.
        assert_eq!(
            rel(expand(dir.path(), "teams/*/catalog-info.yaml")),
            ["teams/a/catalog-info.yaml"]
        );
        assert_eq!(rel(expand(dir.path(), "./users.yaml")), ["users.yaml"]);
        assert!(expand(dir.path(), "missing.yaml").is_empty());
    }

    #[test]
    fn documents_are_located_by_line() {
        assert_eq!(document_lines("kind: A\n---\nkind: B\n"), [1, 3]);
        assert_eq!(
            document_lines("# catalog\n---\nkind: A\n---\nkind: B\n"),
            [3, 5]
        );
        assert_eq!(document_lines("kind: A\n"), [1]);
    }

    fn catalog(yaml: &str) -> Catalog {
        let entities = yaml_serde::Deserializer::from_str(yaml)
            .map(|d| Value::deserialize(d).unwrap())
            .filter_map(|v| entity(&v, "org.yaml").ok())
            .collect();
        Catalog {
            entities,
            notes: vec![],
        }
    }

    fn group(name: &str, ty: &str, parent: Option<&str>) -> String {
        let parent = parent.map_or(String::new(), |p| format!("  parent: {p}\n"));
        format!("kind: Group\nmetadata:\n  name: {name}\nspec:\n  type: {ty}\n{parent}---\n")
    }

    fn owns_of<'p>(plan: &'p Plan, file: &str) -> &'p str {
        let text = &plan
            .files
            .iter()
            .find(|(p, _)| p.ends_with(file))
            .unwrap_or_else(|| panic!("no {file} in {:?}", plan.files))
            .1;
        text.lines()
            .find(|l| l.starts_with("owns = "))
            .unwrap_or_default()
    }

    #[test]
    fn a_service_and_its_api_of_one_name_stay_two_items() {
        let yaml = [
            group("sre", "team", None),
            group("web", "team", None),
            "kind: Component\nmetadata:\n  name: petstore\nspec:\n  owner: sre\n---\n".to_owned(),
            "kind: API\nmetadata:\n  name: petstore\nspec:\n  owner: web\n---\n".to_owned(),
            "kind: API\nmetadata:\n  name: ledger\nspec:\n  owner: web\n---\n".to_owned(),
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &Survey::default(), None, |_| None);
        assert_eq!(
            owns_of(&plan, "sre.md"),
            "owns = [\"petstore (Component)\"]"
        );
        assert_eq!(
            owns_of(&plan, "web.md"),
            "owns = [\"ledger\", \"petstore (API)\"]"
        );
        assert_eq!(plan.count.owned, 3);
    }

    #[test]
    fn groups_of_one_name_in_two_namespaces_stay_apart() {
        let yaml = [
            "kind: Group\nmetadata:\n  name: payments\n  namespace: finance\nspec:\n  type: team\n---\n",
            "kind: Group\nmetadata:\n  name: payments\n  namespace: retail\nspec:\n  type: team\n---\n",
            "kind: API\nmetadata:\n  name: till\n  namespace: retail\nspec:\n  owner: payments\n---\n",
            "kind: API\nmetadata:\n  name: ledger\nspec:\n  owner: group:finance/payments\n---\n",
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &Survey::default(), None, |_| None);
        // The owner's namespace defaults to the owned entity's, as in Backstage.
        assert_eq!(owns_of(&plan, "retail-payments.md"), "owns = [\"till\"]");
        assert_eq!(owns_of(&plan, "finance-payments.md"), "owns = [\"ledger\"]");
        let retail = &plan
            .files
            .iter()
            .find(|(p, _)| p.ends_with("retail-payments.md"))
            .unwrap()
            .1;
        assert!(retail.contains("name = \"payments (retail)\""), "{retail}");
        assert_eq!(plan.count.teams, 2);
    }

    #[test]
    fn group_types_and_what_the_handbook_has_already() {
        let survey = Survey {
            teams: [(
                "billing".to_owned(),
                scaffold::TeamEntry {
                    path: "content/teams/billing.md".to_owned(),
                    kind: Some(crate::model::TeamKind::Team),
                    name: Some("Billing".to_owned()),
                    owns: vec!["invoices".to_owned()],
                    people: vec!["Ann Lee".to_owned()],
                    codeowners: Vec::new(),
                },
            )]
            .into(),
            decisions: Default::default(),
        };
        let yaml = [
            group("tribe-x", "tribe", None),
            group("blue", "squad", Some("tribe-x")),
            group("hub", "guild", None),
            group("spoke", "guild", Some("hub")),
            group("billing", "team", None),
            "kind: User\nmetadata:\n  name: ann\nspec:\n  profile:\n    displayName: Ann Lee\n  memberOf: [billing]\n---\n".to_owned(),
            "kind: User\nmetadata:\n  name: bo\nspec:\n  profile:\n    displayName: Bo Ek\n  memberOf: [billing, bleu]\n---\n".to_owned(),
            "kind: Component\nmetadata:\n  name: invoices\nspec:\n  owner: billing\n---\n".to_owned(),
            "kind: Component\nmetadata:\n  name: refunds\n  tags: [java, payments]\nspec:\n  owner: billing\n---\n".to_owned(),
            "kind: Component\nmetadata:\n  name: ledger\n  tags: [payments, ' ']\nspec:\n  owner: billing\n---\n".to_owned(),
            "kind: Template\nmetadata:\n  name: new-service\nspec: {}\n---\n".to_owned(),
            "kind: Template\nmetadata:\n  name: new-site\nspec: {}\n---\n".to_owned(),
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &survey, None, |_| None);
        let kind_of = |file: &str| {
            let text = &plan
                .files
                .iter()
                .find(|(p, _)| p.ends_with(file))
                .unwrap()
                .1;
            text.lines()
                .find(|l| l.starts_with("kind = "))
                .unwrap()
                .to_owned()
        };
        assert_eq!(kind_of("tribe-x.md"), "kind = \"group\"");
        assert_eq!(kind_of("blue.md"), "kind = \"team\"");
        // A type no list knows: a group above other groups, a team otherwise.
        assert_eq!(kind_of("hub.md"), "kind = \"group\"");
        assert_eq!(kind_of("spoke.md"), "kind = \"team\"");
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains(
                "2 entities carry `metadata.tags` (java, payments); left out: a charter has no tags"
            ),
            "{notes}"
        );
        assert!(
            notes.contains(
                "group default/billing is already in the handbook as content/teams/billing.md; kept as it is; \
                 the catalog also lists as members: \"Bo Ek\" (add them to `members` if they are); \
                 the catalog also gives it: \"ledger\", \"refunds\" (add them to `owns` if they are its)"
            ),
            "{notes}"
        );
        assert!(
            notes.contains("1 user is a member of bleu, which is not a group in the catalog; left out (did you mean blue?)"),
            "{notes}"
        );
        assert!(notes.contains("2 Template entities not mapped"), "{notes}");
        // Only what is written is counted.
        assert_eq!(
            (plan.count.teams, plan.count.groups, plan.count.existing),
            (2, 2, 1)
        );
        assert_eq!(plan.count.members, 0);
    }

    /// A handbook with one team's charter, `content/teams/{slug}.md`.
    fn one_team_survey(slug: &str) -> Survey {
        Survey {
            teams: [(
                slug.to_owned(),
                scaffold::TeamEntry {
                    path: format!("content/teams/{slug}.md"),
                    kind: Some(crate::model::TeamKind::Team),
                    name: None,
                    owns: vec![],
                    people: vec![],
                    codeowners: Vec::new(),
                },
            )]
            .into(),
            decisions: Default::default(),
        }
    }

    #[test]
    fn children_the_catalog_does_not_have_are_named() {
        let survey = one_team_survey("billing");
        let yaml = [
            "kind: Group\nmetadata:\n  name: infra\nspec:\n  type: department\n  children: [platform, plaform, group:default/ghost-team, billing, infra]\n---\n".to_owned(),
            group("platform", "team", None),
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &survey, None, |_| None);
        assert_eq!(
            plan.notes,
            [
                "org.yaml: group infra lists children that are in neither the catalog nor the handbook: \"plaform\" (did you mean platform?), \"group:default/ghost-team\"; left out",
                "org.yaml: group infra lists as children charters of the handbook: \"content/teams/billing.md\"; the import does not edit a charter: set their `parent` to \"infra\"",
            ]
        );
        // The child that exists still finds its parent.
        assert!(
            plan.files
                .iter()
                .any(|(p, _)| p == "content/teams/infra/platform.md"),
            "{:?}",
            plan.files
        );
    }

    /// Backstage lets a person own a component; the note names the person's team, the
    /// owner orgbook can map (seen in Backstage's own example catalog).
    #[test]
    fn an_item_owned_by_a_person_is_pointed_at_the_persons_team() {
        let survey = one_team_survey("elsewhere");
        let yaml = [
            "kind: Group\nmetadata:\n  name: team-c\nspec:\n  type: team\n  children: []\n  members: [frank]\n---\n",
            "kind: Group\nmetadata:\n  name: team-d\nspec:\n  type: team\n  children: []\n---\n",
            "kind: User\nmetadata:\n  name: frank\nspec:\n  memberOf: []\n---\n",
            "kind: User\nmetadata:\n  name: guest\nspec:\n  memberOf: [team-c, team-d]\n---\n",
            "kind: Component\nmetadata:\n  name: wiki\nspec:\n  owner: user:frank\n---\n",
            "kind: Component\nmetadata:\n  name: demo\nspec:\n  owner: user:guest\n---\n",
            "kind: Component\nmetadata:\n  name: lost\nspec:\n  owner: user:nobody\n---\n",
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &survey, None, |_| None);
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains("owned by user:frank, which is not a group (orgbook maps ownership to teams and groups); not mapped: \"Component wiki\" (frank is a member of team-c: `owner: group:team-c` gives it to that team)"),
            "{notes}"
        );
        assert!(
            notes.contains("not mapped: \"Component demo\" (guest is a member of team-c, team-d: name one of them as `owner`)"),
            "{notes}"
        );
        assert!(notes.ends_with("not mapped: \"Component lost\""), "{notes}");
    }

    /// `--parent`: every group left without a parent goes under it, one whose parent is
    /// unknown too (the note says where it went), and when `--parent` is itself a group of
    /// the catalog (a charter already), the groups above it stay where they are rather
    /// than go round in a loop.
    #[test]
    fn groups_without_a_parent_go_under_the_parent_named() {
        let yaml = [
            group("acme", "organization", None),
            group("engineering", "department", Some("acme")),
            group("payments", "team", Some("engineering")),
            group("lighting", "team", Some("lumen")),
            group("misc", "team", None),
        ]
        .concat();
        let survey = Survey {
            teams: [(
                "engineering".to_owned(),
                scaffold::TeamEntry {
                    path: "content/teams/engineering.md".to_owned(),
                    kind: Some(crate::model::TeamKind::Group),
                    name: Some("Engineering".to_owned()),
                    owns: vec![],
                    people: vec![],
                    codeowners: Vec::new(),
                },
            )]
            .into(),
            decisions: Default::default(),
        };
        let plan = plan(&catalog(&yaml), &survey, Some("engineering"), |_| None);
        let parent_of = |file: &str| {
            let (_, text) = plan.files.iter().find(|(p, _)| p == file).unwrap();
            text.lines()
                .find_map(|l| l.strip_prefix("parent = "))
                .map(str::to_owned)
        };
        assert_eq!(
            parent_of("content/teams/acme.md"),
            None,
            "above engineering"
        );
        assert_eq!(
            parent_of("content/teams/engineering/payments.md").as_deref(),
            Some("\"engineering\"")
        );
        assert_eq!(
            parent_of("content/teams/engineering/lighting.md").as_deref(),
            Some("\"engineering\"")
        );
        assert_eq!(
            parent_of("content/teams/engineering/misc.md").as_deref(),
            Some("\"engineering\"")
        );
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains("group lighting names parent lumen, which is in neither the catalog nor the handbook; imported under engineering (--parent)"),
            "{notes}"
        );
    }

    #[test]
    fn a_name_one_word_short_of_a_group_is_suggested() {
        let yaml = [
            "kind: Group\nmetadata:\n  name: lumen-org\nspec:\n  type: organization\n  children: []\n---\n",
            "kind: Group\nmetadata:\n  name: lighting\nspec:\n  type: team\n  parent: lumen\n  children: []\n---\n",
            "kind: Domain\nmetadata:\n  name: studio\nspec:\n  owner: lumen\n---\n",
            "kind: Component\nmetadata:\n  name: rig\nspec:\n  owner: org\n---\n",
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &Survey::default(), None, |_| None);
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains("names parent lumen, which is in neither the catalog nor the handbook; imported without a parent (did you mean lumen-org?)"),
            "{notes}"
        );
        assert!(
            notes.contains("not mapped: \"Domain studio\" (did you mean lumen-org?)"),
            "{notes}"
        );
        // Too short a name to stand for a group.
        assert!(
            notes.contains("not mapped: \"Component rig\"\n")
                || notes.ends_with("not mapped: \"Component rig\""),
            "{notes}"
        );
        assert_eq!(
            one_word_apart("lumen", ["lumen-org", "lumen-labs"].into_iter()),
            None
        );
        assert_eq!(
            one_word_apart("lumen", ["org-lumen"].into_iter()),
            Some("org-lumen")
        );
        assert_eq!(one_word_apart("lumen", ["lumen-a-b"].into_iter()), None);
    }

    #[test]
    fn items_owned_by_a_charter_of_the_handbook_are_named_for_it() {
        let survey = one_team_survey("team-a");
        let yaml = [
            "kind: Component\nmetadata:\n  name: artist-lookup\nspec:\n  owner: team-a\n---\n",
            "kind: Component\nmetadata:\n  name: a\nspec:\n  owner: nobody\n---\n",
            "kind: Component\nmetadata:\n  name: b\nspec:\n  owner: nobody\n---\n",
            "kind: Component\nmetadata:\n  name: c\nspec:\n  owner: team-aa\n---\n",
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &survey, None, |_| None);
        assert!(plan.files.is_empty());
        let notes = plan.notes.join("\n");
        assert!(
            notes.contains("content/teams/team-a.md owns \"artist-lookup\" in the catalog; the import does not edit a charter: add them to its `owns`"),
            "{notes}"
        );
        // One note for an unknown owner, however many entities it owns.
        assert_eq!(notes.matches("owned by group:nobody").count(), 1, "{notes}");
        assert!(
            notes.contains("not mapped: \"Component a\", \"Component b\""),
            "{notes}"
        );
        // The nearest name among the catalog's groups and the handbook's charters.
        assert!(
            notes.contains("owned by group:team-aa, which is not a group in the catalog or a charter of the handbook; not mapped: \"Component c\" (did you mean team-a?)"),
            "{notes}"
        );
    }

    #[test]
    fn a_cycle_loses_one_parent_and_groups_below_it_keep_theirs() {
        // x → y → z → x, and w below x: one parent is dropped, w stays under x.
        let yaml = [
            group("x", "team", Some("z")),
            group("y", "department", Some("x")),
            group("z", "department", Some("y")),
            group("w", "team", Some("x")),
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &Survey::default(), None, |_| None);
        let notes: Vec<&String> = plan
            .notes
            .iter()
            .filter(|n| n.contains("own ancestor"))
            .collect();
        assert_eq!(
            notes,
            ["group x is its own ancestor; its parent is dropped"],
            "{:?}",
            plan.notes
        );
        let paths: Vec<&str> = plan.files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "content/teams/x.md",
                "content/teams/x/w.md",
                "content/teams/x/y.md",
                "content/teams/x/y/z.md",
            ]
        );
    }

    #[test]
    fn a_groups_links_stay_in_its_charter() {
        let yaml = [
            "kind: Group\nmetadata:\n  name: sre\n  links:\n    - url: https://wiki.example/sre\n      title: On-call [runbook]\n      icon: docs\n    - url: https://chat.example/c/sre_team\n    - title: no address\n    - url: https://wiki.example/a page (old)\n      title: Old page\n    - url: https://handbook.example/teams/sre.html\n      title: Charter in the handbook\nspec:\n  type: team\n---\n",
            "kind: Group\nmetadata:\n  name: infra\n  links: [{url: 'https://infra.example', title: Infra}]\nspec:\n  type: department\n  children: [sre]\n---\n",
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &Survey::default(), None, |_| None);
        let text = |file: &str| {
            &plan
                .files
                .iter()
                .find(|(p, _)| p.ends_with(file))
                .unwrap()
                .1
        };
        assert!(
            text("sre.md").ends_with(
                "\n\n## Links\n\n\
                 - [On-call \\[runbook\\]](https://wiki.example/sre)\n\
                 - [https://chat.example/c/sre\\_team](https://chat.example/c/sre_team)\n\
                 - [Old page](<https://wiki.example/a%20page%20(old)>)\n"
            ),
            "{}",
            text("sre.md")
        );
        assert!(
            text("infra.md").ends_with(
                "Imported from the Backstage catalog.\n\n## Links\n\n- [Infra](https://infra.example)\n"
            ),
            "{}",
            text("infra.md")
        );
        // A link is not worth a note: it is kept.
        assert!(plan.notes.is_empty(), "{:?}", plan.notes);
    }

    #[test]
    fn parents_cycles_and_existing_charters() {
        let survey = Survey {
            teams: [(
                "engineering".to_owned(),
                scaffold::TeamEntry {
                    path: "content/teams/engineering.md".to_owned(),
                    kind: Some(crate::model::TeamKind::Group),
                    name: None,
                    // Owned in the handbook already: an import leaves it there.
                    owns: vec!["Billing DB".to_owned()],
                    people: vec![],
                    codeowners: Vec::new(),
                },
            )]
            .into(),
            decisions: Default::default(),
        };
        let yaml = [
            group("engineering", "department", None),
            group("Team_A", "team", Some("group:default/engineering")),
            group("x", "team", Some("y")),
            group("y", "team", Some("x")),
            group("lost", "team", Some("nowhere")),
            "kind: Group\nmetadata:\n  name: platform\nspec:\n  type: department\n  parent: engineering\n  children: [group:default/infra]\n---\n".to_owned(),
            group("infra", "team", None),
            "kind: Component\nmetadata:\n  name: billing-db\n  title: billing db\nspec:\n  owner: group:Team_A\n---\n".to_owned(),
            "kind: Component\nmetadata:\n  name: ledger\nspec:\n  owner: group:Team_A\n---\n".to_owned(),
        ]
        .concat();
        let plan = plan(&catalog(&yaml), &survey, None, |_| None);
        let paths: Vec<&str> = plan.files.iter().map(|(p, _)| p.as_str()).collect();
        // The existing group is not written again, and its new child goes under it.
        assert!(
            paths.contains(&"content/teams/engineering/team-a.md"),
            "{paths:?}"
        );
        assert!(
            !paths.contains(&"content/teams/engineering.md"),
            "{paths:?}"
        );
        assert!(paths.contains(&"content/teams/lost.md"), "{paths:?}");
        // A parent known only from the other side's `spec.children`.
        assert!(
            paths.contains(&"content/teams/engineering/platform/infra.md"),
            "{paths:?}"
        );
        let notes = plan.notes.join("\n");
        assert!(notes.contains("1 group is a charter of the handbook already, and the catalog gives it nothing new: \"content/teams/engineering.md\""), "{notes}");
        assert!(notes.contains("names parent nowhere"), "{notes}");
        assert!(notes.contains("is its own ancestor"), "{notes}");
        let team_a = &plan
            .files
            .iter()
            .find(|(p, _)| p.ends_with("team-a.md"))
            .unwrap()
            .1;
        assert!(
            team_a.contains("kind = \"team\"\nparent = \"engineering\"\n"),
            "{team_a}"
        );
        assert!(team_a.contains(scaffold::PLACEHOLDER_PROBLEM), "{team_a}");
        // What the handbook's charters own stays theirs; the rest is Team A's.
        assert!(team_a.contains("owns = [\"ledger\"]"), "{team_a}");
        assert!(
            notes.contains(
                "Component billing-db is already owned by content/teams/engineering.md; left out"
            ),
            "{notes}"
        );
        crate::import::assert_charters_parse(&plan.files);
    }
}
