//! Reading a Backstage catalog into team charters (`orgbook import backstage`).
//!
//! This module owns the mapping from Backstage's entity model to orgbook's charters: one
//! charter per `Group` (`spec.type` `team` → a team, any other type → a group, `spec.parent`
//! → `parent`), members from `User` entities' `spec.memberOf` and groups' `spec.members`
//! (one person per user name, whatever namespaces it appears in), and `owns` from the
//! `spec.owner` of `Component`, `System`, `API`, `Resource` and `Domain` entities. Catalog
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

use super::{CharterFrontMatter, MetricEntry, toml_date};
use crate::load::CONTENT_DIR;
use crate::scaffold::{self, Survey};

/// One entity as read, with the file it came from for notes.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Lowercase: Backstage compares kinds case-insensitively.
    pub kind: String,
    /// Lowercase, without namespace: one person is one user in every namespace.
    pub name: String,
    pub title: Option<String>,
    pub description: Option<String>,
    pub spec: Value,
    pub file: String,
    /// `metadata.annotations["github.com/team-slug"]` (`org/team`), as Backstage's GitHub
    /// org provider writes it: the team's name in CODEOWNERS.
    pub github_team: Option<String>,
}

#[derive(Debug, Default)]
pub struct Catalog {
    pub entities: Vec<Entity>,
    /// Things read but not used (URL targets, documents that are not entities).
    pub notes: Vec<String>,
}

/// Reads every catalog file named (folders: their `.yaml`/`.yml` files), following
/// `Location` targets. Any file that cannot be read or parsed is an error, located.
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
        for (n, doc) in yaml_serde::Deserializer::from_str(&text).enumerate() {
            let value = match Value::deserialize(doc) {
                Ok(v) => v,
                Err(e) => {
                    let at = e
                        .location()
                        .map_or(String::new(), |l| format!(":{}:{}", l.line(), l.column()));
                    errors.push(format!(
                        "{shown}{at}: not valid YAML: {}",
                        e.to_string().lines().next().unwrap_or_default()
                    ));
                    break;
                }
            };
            if value.is_null() {
                continue;
            }
            let Some(entity) = entity(&value, &shown) else {
                catalog.notes.push(format!(
                    "{shown}: document {} has no `kind` and `metadata.name`; not an entity, skipped",
                    n + 1
                ));
                continue;
            };
            if entity.kind == "location" {
                let base = path.parent().unwrap_or(Path::new("."));
                for target in location_targets(&entity.spec) {
                    if target.contains("://") {
                        catalog.notes.push(format!(
                            "{shown}: Location target {target} is a URL; orgbook reads files only, download it and pass it too"
                        ));
                        continue;
                    }
                    let found = expand(base, &target);
                    if found.is_empty() {
                        errors.push(format!("{shown}: Location target {target} matches no file"));
                    }
                    queue.extend(found);
                }
            }
            catalog.entities.push(entity);
        }
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

fn entity(v: &Value, file: &str) -> Option<Entity> {
    let kind = v.get("kind")?.as_str()?.to_ascii_lowercase();
    let meta = v.get("metadata")?;
    let name = meta.get("name")?.as_str()?.to_ascii_lowercase();
    let text = |k: &str| {
        meta.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    Some(Entity {
        kind,
        name,
        title: text("title"),
        description: text("description"),
        spec: v.get("spec").cloned().unwrap_or(Value::Null),
        file: file.to_owned(),
        github_team: meta
            .get("annotations")
            .and_then(|a| a.get("github.com/team-slug"))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| s.contains('/') && !s.starts_with('/'))
            .map(str::to_owned),
    })
}

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

/// A target relative to the Location's folder; a `*` in its file name matches any run
/// of characters (Backstage's file locations allow globs).
fn expand(base: &Path, target: &str) -> Vec<PathBuf> {
    let path = base.join(target.trim_start_matches("./"));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !name.contains('*') {
        return if path.is_file() { vec![path] } else { vec![] };
    }
    let dir = path.parent().unwrap_or(base);
    let Ok(read) = std::fs::read_dir(dir) else {
        return vec![];
    };
    let mut out: Vec<PathBuf> = read
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.file_name()
                    .is_some_and(|n| glob_match(&name, &n.to_string_lossy()))
        })
        .collect();
    out.sort();
    out
}

fn glob_match(pattern: &str, name: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let mut rest = name;
    for (i, part) in parts.iter().enumerate() {
        if i == 0 {
            let Some(r) = rest.strip_prefix(part) else {
                return false;
            };
            rest = r;
        } else if i == parts.len() - 1 {
            return rest.ends_with(part);
        } else {
            let Some(at) = rest.find(part) else {
                return false;
            };
            rest = &rest[at + part.len()..];
        }
    }
    rest.is_empty()
}

/// `group:default/team-a`, `default/team-a`, `team-a` → (kind, name), lowercase; the
/// namespace is dropped (see [`Entity::name`]).
pub fn parse_ref(r: &str, default_kind: &str) -> (String, String) {
    let r = r.trim();
    let (kind, rest) = match r.split_once(':') {
        Some((k, rest)) if !k.contains('/') => (k.to_ascii_lowercase(), rest),
        _ => (default_kind.to_owned(), r),
    };
    let name = rest.rsplit('/').next().unwrap_or(rest);
    (kind, name.to_ascii_lowercase())
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
    pub teams: usize,
    pub groups: usize,
    pub members: usize,
    pub owned: usize,
}

struct Group<'a> {
    entity: &'a Entity,
    slug: String,
    parent: Option<String>,
    is_team: bool,
    members: BTreeSet<String>,
    owns: BTreeSet<String>,
}

/// Maps the catalog onto charters beside the handbook's existing ones. A group whose
/// slug is already a charter is not written again; its children still name it.
pub fn plan(catalog: &Catalog, survey: &Survey, today: Date) -> Plan {
    let mut plan = Plan {
        notes: catalog.notes.clone(),
        ..Plan::default()
    };
    let mut groups = groups(catalog, &mut plan.notes);
    plan.members = add_members(catalog, &mut groups, &mut plan.notes);
    plan.owned = add_owned(catalog, survey, &mut groups, &mut plan.notes);
    let parent_slug = parent_slugs(&groups, survey, &mut plan.notes);

    // Paths: beside the parent, as `orgbook new team --parent` puts them; parents first.
    let mut paths: BTreeMap<String, String> = survey
        .teams
        .iter()
        .map(|(s, t)| (s.clone(), t.path.clone()))
        .collect();
    let depths = depths(&parent_slug);
    let mut order: Vec<&Group> = groups.values().collect();
    order.sort_by_key(|g| (depths.get(&g.slug).copied().unwrap_or(0), g.slug.clone()));
    for g in order {
        if let Some(existing) = survey.teams.get(&g.slug) {
            plan.notes.push(format!(
                "group {} is already in the handbook as {}; kept as it is",
                g.entity.name, existing.path
            ));
            continue;
        }
        let parent = parent_slug.get(&g.slug).cloned().flatten();
        let path = match parent.as_ref().and_then(|p| paths.get(p)) {
            Some(pp) => format!("{}/{}.md", pp.trim_end_matches(".md"), g.slug),
            None => format!("{CONTENT_DIR}/teams/{}.md", g.slug),
        };
        paths.insert(g.slug.clone(), path.clone());
        if g.is_team {
            plan.teams += 1;
        } else {
            plan.groups += 1;
        }
        plan.files
            .push((path, charter(g, parent.as_deref(), today)));
    }
    plan
}

/// The catalog's groups by entity name, each with a slug of its own and its parent's
/// name, from `spec.parent` or else from a group that lists it in `spec.children`.
fn groups<'c>(catalog: &'c Catalog, notes: &mut Vec<String>) -> BTreeMap<String, Group<'c>> {
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    let mut slugs: BTreeSet<String> = BTreeSet::new();
    for e in catalog.entities.iter().filter(|e| e.kind == "group") {
        if groups.contains_key(&e.name) {
            notes.push(format!(
                "{}: group {} is defined twice (another namespace?); the first is used",
                e.file, e.name
            ));
            continue;
        }
        let mut slug = scaffold::slugify(&e.name);
        if slug.is_empty() {
            slug = "group".to_owned();
        }
        let base = slug.clone();
        let mut n = 1;
        while slugs.contains(&slug) {
            n += 1;
            slug = format!("{base}-{n}");
        }
        slugs.insert(slug.clone());
        let group_type = spec_str(&e.spec, &["type"])
            .unwrap_or("team")
            .to_ascii_lowercase();
        groups.insert(
            e.name.clone(),
            Group {
                entity: e,
                slug,
                parent: spec_str(&e.spec, &["parent"]).map(|p| parse_ref(p, "group").1),
                is_team: group_type == "team",
                members: BTreeSet::new(),
                owns: BTreeSet::new(),
            },
        );
    }
    // Some catalogs say the hierarchy only from above (`spec.children`).
    let names: Vec<String> = groups.keys().cloned().collect();
    for g in &names {
        for child in strings(groups[g].entity.spec.get("children")) {
            let (_, c) = parse_ref(&child, "group");
            if let Some(cg) = groups.get_mut(&c)
                && cg.parent.is_none()
                && c != *g
            {
                cg.parent = Some(g.clone());
            }
        }
    }
    groups
}

/// Adds each user to the groups it is a member of, whichever side says so (the user's
/// `spec.memberOf` or the group's `spec.members`), by display name; returns how many
/// people are members of some group.
fn add_members(
    catalog: &Catalog,
    groups: &mut BTreeMap<String, Group>,
    notes: &mut Vec<String>,
) -> usize {
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
    let mut people = BTreeSet::new();
    for u in users.values() {
        for r in strings(u.spec.get("memberOf")) {
            let (_, g) = parse_ref(&r, "group");
            match groups.get_mut(&g) {
                Some(group) => {
                    group.members.insert(display(&u.name));
                    people.insert(u.name.clone());
                }
                None => notes.push(format!(
                    "{}: user {} is a member of {g}, which is not in the catalog; left out",
                    u.file, u.name
                )),
            }
        }
    }
    for group in groups.values_mut() {
        for r in strings(group.entity.spec.get("members")) {
            let (_, u) = parse_ref(&r, "user");
            group.members.insert(display(&u));
            people.insert(u);
        }
    }
    people.len()
}

/// Gives each component, system, API, resource and domain to the group that owns it,
/// unless a charter of the handbook owns it already (ownership is exclusive); returns
/// how many were given.
fn add_owned(
    catalog: &Catalog,
    survey: &Survey,
    groups: &mut BTreeMap<String, Group>,
    notes: &mut Vec<String>,
) -> usize {
    let mut owned = 0;
    let owned_in_handbook = survey.owners();
    for e in catalog.entities.iter().filter(|e| {
        matches!(
            e.kind.as_str(),
            "component" | "system" | "api" | "resource" | "domain"
        )
    }) {
        let Some(owner) = spec_str(&e.spec, &["owner"]) else {
            continue;
        };
        let (kind, name) = parse_ref(owner, "group");
        let item = e.title.clone().unwrap_or_else(|| e.name.clone());
        let owner_in_handbook = owned_in_handbook
            .get(&crate::model::ownership_key(&item))
            .copied();
        match (groups.get_mut(&name), owner_in_handbook) {
            (Some(_), Some(path)) if kind == "group" => {
                notes.push(format!(
                    "{}: {} {} is already owned by {path}; left out (ownership is exclusive)",
                    e.file, e.kind, e.name
                ));
            }
            (Some(g), None) if kind == "group" => {
                g.owns.insert(item);
                owned += 1;
            }
            _ => notes.push(format!(
                "{}: {} {} is owned by {owner}, which is not a group in the catalog; not mapped",
                e.file, e.kind, e.name
            )),
        }
    }
    owned
}

/// Each group's parent as a slug: a group of the catalog or a charter of the handbook.
/// A parent that exists in neither is dropped; a cycle is cut where a walk up from the
/// first of its groups (in slug order) comes back to a group it has passed, so one
/// parent a cycle is dropped and every other group keeps its own.
fn parent_slugs(
    groups: &BTreeMap<String, Group>,
    survey: &Survey,
    notes: &mut Vec<String>,
) -> BTreeMap<String, Option<String>> {
    let mut parent_slug: BTreeMap<String, Option<String>> = BTreeMap::new();
    for (name, g) in groups {
        let p = match &g.parent {
            None => None,
            Some(p) => match groups.get(p) {
                Some(pg) => Some(pg.slug.clone()),
                None if survey.teams.contains_key(&scaffold::slugify(p)) => {
                    Some(scaffold::slugify(p))
                }
                None => {
                    notes.push(format!(
                        "{}: group {name} names parent {p}, which is in neither the catalog nor the handbook; imported without a parent",
                        g.entity.file
                    ));
                    None
                }
            },
        };
        parent_slug.insert(g.slug.clone(), p);
    }
    let slug_names: BTreeMap<&str, &str> = groups
        .iter()
        .map(|(n, g)| (g.slug.as_str(), n.as_str()))
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

fn charter(g: &Group, parent: Option<&str>, today: Date) -> String {
    let e = g.entity;
    let name = spec_str(&e.spec, &["profile", "displayName"])
        .map(str::to_owned)
        .or_else(|| e.title.clone())
        .unwrap_or_else(|| e.name.clone());
    let email = spec_str(&e.spec, &["profile", "email"]);
    let fm = CharterFrontMatter {
        name: &name,
        kind: if g.is_team { "team" } else { "group" },
        parent,
        problem: g.is_team.then_some(scaffold::PLACEHOLDER_PROBLEM),
        members: g.members.iter().map(String::as_str).collect(),
        owns: g.owns.iter().map(String::as_str).collect(),
        codeowners: e.github_team.iter().map(|t| format!("@{t}")).collect(),
        reviewed: Some(toml_date(today)),
        contact: email.map(|m| ("email", m.to_owned())).into_iter().collect(),
        metrics: if g.is_team {
            vec![MetricEntry::placeholder()]
        } else {
            vec![]
        },
        ..CharterFrontMatter::default()
    };
    let mut out = fm.to_front_matter();
    if let Some(d) = &e.description {
        out.push_str(d.trim());
        out.push_str("\n\n");
    }
    if g.is_team {
        out.push_str(scaffold::PLACEHOLDER_SECTIONS);
    } else {
        out.push_str("Imported from the Backstage catalog.\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_drop_kind_and_namespace() {
        assert_eq!(
            parse_ref("group:default/Team-A", "user"),
            ("group".into(), "team-a".into())
        );
        assert_eq!(
            parse_ref("ops/team-b", "group"),
            ("group".into(), "team-b".into())
        );
        assert_eq!(parse_ref("jdoe", "user"), ("user".into(), "jdoe".into()));
        assert_eq!(
            parse_ref("user:guest", "group"),
            ("user".into(), "guest".into())
        );
    }

    #[test]
    fn globs() {
        assert!(glob_match("*.yaml", "org.yaml"));
        assert!(glob_match("team-*.yaml", "team-a.yaml"));
        assert!(!glob_match("team-*.yaml", "users.yaml"));
        assert!(glob_match("a*b*c", "axxbyyc"));
    }

    fn catalog(yaml: &str) -> Catalog {
        let entities = yaml_serde::Deserializer::from_str(yaml)
            .map(|d| Value::deserialize(d).unwrap())
            .filter_map(|v| entity(&v, "org.yaml"))
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
        let plan = plan(
            &catalog(&yaml),
            &Survey::default(),
            jiff::civil::date(2026, 1, 2),
        );
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
        let plan = plan(&catalog(&yaml), &survey, jiff::civil::date(2026, 1, 2));
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
        assert!(notes.contains("already in the handbook"), "{notes}");
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
                "component billing-db is already owned by content/teams/engineering.md; left out"
            ),
            "{notes}"
        );
        // Every written charter parses as a charter.
        for (path, text) in &plan.files {
            let rel = path.strip_prefix("content/").unwrap();
            let mut diags = Vec::new();
            crate::load::parse_doc(path.clone(), rel, text.clone(), &mut diags).unwrap();
            assert!(diags.is_empty(), "{path}: {diags:?}");
        }
    }
}
