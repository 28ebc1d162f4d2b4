//! Backstage catalog entities for the team hierarchy, so an organisation that runs
//! Backstage can import its teams from the handbook instead of keeping them twice.
//!
//! Every charter becomes a `Group` (`spec.type` is the charter's kind, `team` or `group`;
//! `spec.parent` and `spec.children` mirror `parent`; `spec.members` are its members and
//! lead), and every person named as a member or lead becomes a `User` whose
//! `spec.memberOf` lists their groups. Entity names must follow Backstage's default rules
//! (1–63 characters, runs of `[a-zA-Z0-9]` joined by one of `-_.`), which team slugs and
//! people's names need not: [`entity_name`] maps them, and [`Names`] keeps the mapping
//! unique, so references between entities always agree. Descriptor format:
//! docs/backstage.md.

use crate::link::Handbook;
use crate::model::Spanned;
use crate::model::{Charter, TeamKind};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

pub const API_VERSION: &str = "backstage.io/v1alpha1";
/// The title of the link from a group back to its charter page; an import of the export
/// leaves it out, since the charter is that page.
pub const CHARTER_LINK_TITLE: &str = "Charter in the handbook";

/// Backstage's default limit on `metadata.name`.
const MAX_NAME: usize = 63;

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Entity<S> {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: Metadata,
    pub spec: S,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Metadata {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<Link>,
    /// `github.com/team-slug` (`org/team`) for a charter that names its GitHub team in
    /// `codeowners`: what Backstage's GitHub org provider writes on the same Group.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub annotations: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub display_name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct GroupSpec {
    #[serde(rename = "type")]
    pub group_type: &'static str,
    pub profile: Profile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Required by Backstage even when empty.
    pub children: Vec<String>,
    pub members: Vec<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UserSpec {
    pub profile: Profile,
    /// Required by Backstage even when empty.
    pub member_of: Vec<String>,
}

/// What a charter `owns`, as a `Component` the group owns: Backstage keeps ownership on
/// the owned entity, not on the group. orgbook does not know what kind of thing it is,
/// so `type` is `other`; `orgbook import backstage` reads it back into `owns`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ComponentSpec {
    #[serde(rename = "type")]
    pub component_type: &'static str,
    pub lifecycle: &'static str,
    pub owner: String,
}

/// The whole export: groups by entity name, then users by entity name, then what the
/// groups own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub groups: Vec<Entity<GroupSpec>>,
    pub users: Vec<Entity<UserSpec>>,
    pub components: Vec<Entity<ComponentSpec>>,
}

/// Maps `text` to a valid Backstage entity name: transliterated to ASCII, runs of anything
/// else than letters and digits become one `-`, lowercase (Backstage compares names
/// case-insensitively anyway), at most 63 characters cut at a `-`. Empty input gives
/// `fallback`.
pub fn entity_name(text: &str, fallback: &str) -> String {
    let ascii = deunicode::deunicode(text).to_ascii_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut name = String::new();
    for word in words {
        let extra = usize::from(!name.is_empty()) + word.len();
        if name.len() + extra > MAX_NAME {
            if name.is_empty() {
                name.push_str(&word[..MAX_NAME]);
            }
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(word);
    }
    if name.is_empty() {
        fallback.to_string()
    } else {
        name
    }
}

/// `@org/team` → `org/team`, the form of Backstage's `github.com/team-slug`; `None` for a
/// person or a GitLab subgroup path.
fn github_team_slug(handle: &str) -> Option<String> {
    let slug = handle.trim().strip_prefix('@')?;
    let (org, team) = slug.split_once('/')?;
    let ok = |s: &str| !s.is_empty() && !s.contains(['/', '@', ' ']);
    (ok(org) && ok(team)).then(|| slug.to_string())
}

/// True when `name` follows Backstage's default naming rules for `metadata.name`.
pub fn is_valid_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    !name.is_empty()
        && name.len() <= MAX_NAME
        && bytes.first().is_some_and(u8::is_ascii_alphanumeric)
        && bytes.last().is_some_and(u8::is_ascii_alphanumeric)
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(b))
        && !bytes
            .windows(2)
            .any(|w| !w[0].is_ascii_alphanumeric() && !w[1].is_ascii_alphanumeric())
}

/// A one-to-one mapping from source keys (slugs, people's names) to entity names. Two
/// keys that map to the same name get `-2`, `-3`, … in key order, so the result is
/// deterministic and no two entities of a kind collide.
#[derive(Debug, Default)]
pub struct Names {
    by_key: BTreeMap<String, String>,
}

impl Names {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>, fallback: &str) -> Names {
        let keys: BTreeSet<&str> = keys.into_iter().collect();
        let mut taken = BTreeSet::new();
        let mut by_key = BTreeMap::new();
        for key in keys {
            let base = entity_name(key, fallback);
            let mut name = base.clone();
            let mut n = 2;
            while !taken.insert(name.to_ascii_lowercase()) {
                let suffix = format!("-{n}");
                let keep = base.len().min(MAX_NAME - suffix.len());
                name = format!("{}{suffix}", base[..keep].trim_end_matches('-'));
                n += 1;
            }
            by_key.insert(key.to_string(), name);
        }
        Names { by_key }
    }

    pub fn get(&self, key: &str) -> String {
        self.by_key
            .get(key)
            .cloned()
            .unwrap_or_else(|| entity_name(key, "unknown"))
    }
}

/// The people of a charter: its members, then its lead if not already a member (a lead
/// belongs to the team they lead, and Backstage has no separate leader field for groups).
fn people(c: &Charter) -> Vec<&str> {
    let mut people: Vec<&str> = c.members.iter().map(String::as_str).collect();
    if let Some(lead) = c.lead.as_deref()
        && !people.contains(&lead)
    {
        people.push(lead);
    }
    people
}

/// An e-mail address from the charter's `[contact]`: the `email` key if it looks like one.
fn email(c: &Charter) -> Option<String> {
    c.contact
        .iter()
        .find(|(k, v)| k.eq_ignore_ascii_case("email") && v.contains('@') && !v.contains(' '))
        .map(|(_, v)| v.clone())
}

/// Builds the catalog for `hb`. With a `base_url`, each group links to its charter page.
pub fn catalog(hb: &Handbook) -> Catalog {
    let charters: Vec<&Charter> = hb
        .teams
        .keys()
        .filter_map(|s| hb.team(s).map(|(_, c)| c))
        .collect();
    let groups_names = Names::new(charters.iter().map(|c| c.slug.as_str()), "group");
    let user_names = Names::new(charters.iter().flat_map(|c| people(c)), "user");
    let base = hb
        .config
        .base_url
        .as_deref()
        .map(|u| u.trim_end_matches('/'));

    let mut member_of: BTreeMap<String, (String, BTreeSet<String>)> = BTreeMap::new();
    let mut groups: Vec<Entity<GroupSpec>> = charters
        .iter()
        .map(|c| {
            let name = groups_names.get(&c.slug);
            for person in people(c) {
                member_of
                    .entry(user_names.get(person))
                    .or_insert_with(|| (person.to_string(), BTreeSet::new()))
                    .1
                    .insert(name.clone());
            }
            let doc_url = hb
                .team(&c.slug)
                .map(|(d, _)| d.url.as_str())
                .unwrap_or_default();
            Entity {
                api_version: API_VERSION,
                kind: "Group",
                metadata: Metadata {
                    name,
                    title: Some(c.name.clone()),
                    description: c.problem.clone(),
                    links: base
                        .map(|b| Link {
                            url: format!("{b}/{doc_url}"),
                            title: CHARTER_LINK_TITLE.into(),
                        })
                        .into_iter()
                        .collect(),
                    annotations: c
                        .codeowners
                        .iter()
                        .find_map(|h| github_team_slug(&h.value))
                        .map(|slug| ("github.com/team-slug".to_string(), slug))
                        .into_iter()
                        .collect(),
                },
                spec: GroupSpec {
                    group_type: match c.kind {
                        TeamKind::Team => "team",
                        TeamKind::Group => "group",
                    },
                    profile: Profile {
                        display_name: c.name.clone(),
                        email: email(c),
                    },
                    parent: c
                        .parent
                        .as_ref()
                        .map(|crate::model::TeamRef { value: p, .. }| groups_names.get(p)),
                    children: hb
                        .children
                        .get(&c.slug)
                        .map(|kids| kids.iter().map(|k| groups_names.get(k)).collect())
                        .unwrap_or_default(),
                    members: people(c).into_iter().map(|p| user_names.get(p)).collect(),
                },
            }
        })
        .collect();
    groups.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
    let users = member_of
        .into_iter()
        .map(|(name, (person, groups))| Entity {
            api_version: API_VERSION,
            kind: "User",
            metadata: Metadata {
                name,
                title: Some(person.clone()),
                description: None,
                links: Vec::new(),
                annotations: BTreeMap::new(),
            },
            spec: UserSpec {
                profile: Profile {
                    display_name: person,
                    email: None,
                },
                member_of: groups.into_iter().collect(),
            },
        })
        .collect();
    // One component per owned thing; the same words owned by two charters name two
    // components, told apart by the owner's name.
    let mut owners: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &charters {
        for Spanned { value: o, .. } in &c.owns {
            *owners.entry(o.as_str()).or_default() += 1;
        }
    }
    let owned: Vec<(String, &str, &Charter)> = charters
        .iter()
        .flat_map(|c| {
            c.owns.iter().map(|Spanned { value: o, .. }| {
                let key = if owners[o.as_str()] > 1 {
                    format!("{} {}", c.slug, o)
                } else {
                    o.clone()
                };
                (key, o.as_str(), *c)
            })
        })
        .collect();
    let component_names = Names::new(owned.iter().map(|(k, _, _)| k.as_str()), "component");
    let mut components: Vec<Entity<ComponentSpec>> = owned
        .iter()
        .map(|(key, text, c)| Entity {
            api_version: API_VERSION,
            kind: "Component",
            metadata: Metadata {
                name: component_names.get(key),
                title: Some((*text).to_owned()),
                description: None,
                links: Vec::new(),
                annotations: BTreeMap::new(),
            },
            spec: ComponentSpec {
                component_type: "other",
                lifecycle: "production",
                owner: groups_names.get(&c.slug),
            },
        })
        .collect();
    components.sort_by(|a, b| a.metadata.name.cmp(&b.metadata.name));
    components.dedup_by(|a, b| a.metadata.name == b.metadata.name);
    Catalog {
        groups,
        users,
        components,
    }
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct LocationSpec {
    /// Relative to the Location's own file; no `type`, so the targets are read the same
    /// way as the Location itself (from disk or from a repository).
    pub targets: Vec<String>,
}

/// File names of `orgbook export backstage --output DIR`.
pub const LOCATION_FILE: &str = "catalog-info.yaml";
pub const GROUPS_FILE: &str = "groups.yaml";
pub const USERS_FILE: &str = "users.yaml";
pub const COMPONENTS_FILE: &str = "components.yaml";

/// The `Location` entity to register in Backstage: it points at the groups and users
/// files beside it, so one registration imports the whole hierarchy.
pub fn location(hb: &Handbook) -> Entity<LocationSpec> {
    Entity {
        api_version: API_VERSION,
        kind: "Location",
        metadata: Metadata {
            name: entity_name(&format!("orgbook {}", hb.config.title), "orgbook"),
            title: None,
            description: Some(format!(
                "Teams and people exported from {} by orgbook",
                hb.config.title
            )),
            links: Vec::new(),
            annotations: BTreeMap::new(),
        },
        spec: LocationSpec {
            targets: vec![
                format!("./{GROUPS_FILE}"),
                format!("./{USERS_FILE}"),
                format!("./{COMPONENTS_FILE}"),
            ],
        },
    }
}

/// Entities as one multi-document YAML stream (`---` between documents), the form
/// Backstage reads from a catalog file.
pub fn yaml_stream<T: Serialize>(entities: &[T]) -> String {
    let mut out = Vec::new();
    {
        let mut ser = yaml_serde::Serializer::new(&mut out);
        for entity in entities {
            // Strings, sequences and maps with string keys always have a YAML form.
            entity
                .serialize(&mut ser)
                .expect("entities serialise to YAML");
        }
    }
    String::from_utf8(out).expect("YAML output is UTF-8")
}

/// Either kind, so groups and users can go through one serializer as one stream.
#[derive(Serialize)]
#[serde(untagged)]
enum AnyEntity<'a> {
    Group(&'a Entity<GroupSpec>),
    User(&'a Entity<UserSpec>),
    Component(&'a Entity<ComponentSpec>),
}

impl Catalog {
    /// Every group, then every user, then every component, as one YAML stream.
    pub fn to_yaml(&self) -> String {
        let all: Vec<AnyEntity> = self
            .groups
            .iter()
            .map(AnyEntity::Group)
            .chain(self.users.iter().map(AnyEntity::User))
            .chain(self.components.iter().map(AnyEntity::Component))
            .collect();
        yaml_stream(&all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_backstage_rules() {
        assert_eq!(entity_name("Ana Petrović", "user"), "ana-petrovic");
        assert_eq!(entity_name("Erin \"EJ\" O'Neil", "user"), "erin-ej-o-neil");
        assert_eq!(entity_name("data__platform-", "group"), "data-platform");
        assert_eq!(entity_name("  ", "user"), "user");
        let long = entity_name(&"word ".repeat(30), "x");
        assert!(long.len() <= 63 && is_valid_name(&long), "{long}");
        for ok in [
            "a",
            "visits-tracking-service",
            "CircleciBuildsDumpV2_avro_gcs",
            "a.b",
        ] {
            assert!(is_valid_name(ok), "{ok}");
        }
        for bad in ["", "-a", "a-", "a--b", "a b", "ä", &"a".repeat(64)] {
            assert!(!is_valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn colliding_names_get_numbered_deterministically() {
        let names = Names::new(["José Díaz", "Jose Diaz", "Jose  Diaz"], "user");
        let mut got = vec![
            names.get("José Díaz"),
            names.get("Jose Diaz"),
            names.get("Jose  Diaz"),
        ];
        got.sort();
        assert_eq!(got, ["jose-diaz", "jose-diaz-2", "jose-diaz-3"]);
        // Key order, not insertion order, decides who gets the plain name.
        let names = Names::new(["José Díaz", "Jose Diaz"], "user");
        assert_eq!(
            (names.get("Jose Diaz"), names.get("José Díaz")),
            ("jose-diaz".into(), "jose-diaz-2".into())
        );
    }
}
