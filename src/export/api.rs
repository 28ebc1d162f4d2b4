//! The JSON API published with every build: `api/teams.json`, `api/decisions.json` and
//! `api/ownership.json`, for scripts and dashboards that want the handbook as data rather
//! than as pages.
//!
//! Each file is one typed struct serialised with serde_json, so the shape lives in one
//! place and docs/api.schema.json can describe it exactly (an integration test validates
//! every file against that schema). Lists are sorted (teams by slug, decisions by number,
//! ownership by item) and object keys come in declaration order, so the same handbook
//! always gives byte-identical files. URLs are relative to the site root, like every link
//! the site itself contains; `site.base_url` makes them absolute when it is configured.

use crate::link::Handbook;
use crate::model::Spanned;
use crate::model::{Metric, Status, TeamKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// Bumped when a field is removed or changes meaning; adding a field does not bump it.
pub const VERSION: u32 = 1;

/// Where the files go in the built site.
pub const TEAMS_PATH: &str = "api/teams.json";
pub const DECISIONS_PATH: &str = "api/decisions.json";
pub const OWNERSHIP_PATH: &str = "api/ownership.json";

#[derive(Serialize)]
struct Site<'a> {
    title: &'a str,
    base_url: Option<&'a str>,
}

fn site(hb: &Handbook) -> Site<'_> {
    Site {
        title: &hb.config.title,
        base_url: hb.config.base_url.as_deref(),
    }
}

#[derive(Serialize)]
struct TeamsFile<'a> {
    version: u32,
    site: Site<'a>,
    teams: Vec<Team<'a>>,
}

#[derive(Serialize)]
struct Team<'a> {
    slug: &'a str,
    name: &'a str,
    kind: TeamKind,
    parent: Option<&'a str>,
    /// Slugs of the teams whose `parent` is this one, by name.
    children: Vec<&'a str>,
    problem: Option<&'a str>,
    lead: Option<&'a str>,
    members: &'a [String],
    owns: Vec<&'a str>,
    contact: BTreeMap<&'a str, &'a str>,
    metrics: &'a [Metric],
    reviewed: Option<String>,
    /// Numbers of the decisions this team owns, ascending.
    decisions: &'a [u32],
    url: &'a str,
}

#[derive(Serialize)]
struct DecisionsFile<'a> {
    version: u32,
    site: Site<'a>,
    decisions: Vec<Decision<'a>>,
}

#[derive(Serialize)]
struct Decision<'a> {
    number: u32,
    title: &'a str,
    status: Status,
    #[serde(rename = "type")]
    decision_type: crate::model::DecisionType,
    date: String,
    decided: Option<String>,
    team: &'a str,
    deciders: &'a [String],
    authors: &'a [String],
    supersedes: Vec<u32>,
    superseded_by: &'a [u32],
    tags: &'a [String],
    revisit: Option<String>,
    url: &'a str,
}

#[derive(Serialize)]
struct OwnershipFile<'a> {
    version: u32,
    site: Site<'a>,
    ownership: Vec<Ownership<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<CodeOwnersJson<'a>>,
}

#[derive(Serialize)]
struct CodeOwnersJson<'a> {
    file: &'a str,
    rules: Vec<CodeRuleJson<'a>>,
}

#[derive(Serialize)]
struct CodeRuleJson<'a> {
    pattern: &'a str,
    line: u32,
    section: Option<&'a str>,
    teams: &'a [String],
    others: &'a [String],
}

#[derive(Serialize)]
struct Ownership<'a> {
    item: &'a str,
    team: &'a str,
    url: &'a str,
}

/// Pretty-printed, newline-terminated: the files are small next to the pages, and
/// readable output makes a diff of two builds useful.
pub fn to_json<T: Serialize>(value: &T) -> String {
    // Structs of strings, numbers and sequences always serialise.
    let mut text = serde_json::to_string_pretty(value).expect("API records serialise to JSON");
    text.push('\n');
    text
}

/// `api/teams.json`: every charter, by slug.
fn teams_file(hb: &Handbook) -> TeamsFile<'_> {
    let teams = hb
        .teams
        .iter()
        .filter_map(|(slug, &id)| Some((slug, &hb.docs[id], hb.docs[id].as_team()?)))
        .map(|(slug, doc, c)| Team {
            slug,
            name: &c.name,
            kind: c.kind,
            parent: c
                .parent
                .as_ref()
                .map(|crate::model::TeamRef { value: p, .. }| p.as_str()),
            children: hb
                .children
                .get(slug)
                .map(|k| k.iter().map(String::as_str).collect())
                .unwrap_or_default(),
            problem: c.problem.as_deref(),
            lead: c.lead.as_deref(),
            members: &c.members,
            owns: c
                .owns
                .iter()
                .map(|Spanned { value: o, .. }| o.as_str())
                .collect(),
            contact: c
                .contact
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect(),
            metrics: &c.metrics,
            reviewed: c.reviewed.map(|d| d.to_string()),
            decisions: hb
                .team_decisions
                .get(slug)
                .map(Vec::as_slice)
                .unwrap_or_default(),
            url: &doc.url,
        })
        .collect();
    TeamsFile {
        version: VERSION,
        site: site(hb),
        teams,
    }
}

/// `api/decisions.json`: every decision record, by number.
fn decisions_file(hb: &Handbook) -> DecisionsFile<'_> {
    let decisions = hb
        .decisions
        .keys()
        .filter_map(|&n| hb.decision(n))
        .map(|(doc, d)| Decision {
            number: d.number,
            title: &d.title,
            status: d.status,
            decision_type: d.decision_type,
            date: d.date.to_string(),
            decided: d.decided.map(|x| x.to_string()),
            team: &d.team.value,
            deciders: &d.deciders,
            authors: &d.authors,
            supersedes: hb.supersedes(d).collect(),
            superseded_by: hb
                .superseded_by
                .get(&d.number)
                .map(Vec::as_slice)
                .unwrap_or_default(),
            tags: &d.tags,
            revisit: d.revisit.map(|x| x.to_string()),
            url: &doc.url,
        })
        .collect();
    DecisionsFile {
        version: VERSION,
        site: site(hb),
        decisions,
    }
}

/// `api/ownership.json`: every `owns` item with its team, by item (case-insensitively), and
/// the CODEOWNERS file's rules when the handbook has one.
fn ownership_file(hb: &Handbook) -> OwnershipFile<'_> {
    let ownership = hb
        .ownership
        .iter()
        .filter_map(|(item, slug)| {
            let (doc, _) = hb.team(slug)?;
            Some(Ownership {
                item,
                team: slug,
                url: &doc.url,
            })
        })
        .collect();
    let owners = &hb.code_owners;
    let code = owners.file.as_ref().map(|f| CodeOwnersJson {
        file: &f.path,
        rules: f
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| CodeRuleJson {
                pattern: &r.pattern.value,
                line: r.line,
                section: r.section.as_deref(),
                teams: &owners.rule_teams[i],
                others: &owners.rule_others[i],
            })
            .collect(),
    });
    OwnershipFile {
        version: VERSION,
        site: site(hb),
        ownership,
        code,
    }
}

/// Takes each file of the API as the value its JSON is made from ([`to_json`]), so that
/// `serve` can hash the value and skip writing JSON that did not change, as it does for
/// pages (`render::deps`).
pub trait Emit {
    fn file<T: Serialize>(&mut self, path: &'static str, value: &T);
}

/// Hands every file of the API to `emit`.
pub fn emit_files(hb: &Handbook, emit: &mut impl Emit) {
    emit.file(TEAMS_PATH, &teams_file(hb));
    emit.file(DECISIONS_PATH, &decisions_file(hb));
    emit.file(OWNERSHIP_PATH, &ownership_file(hb));
}

/// All three files as (output path, contents).
pub fn files(hb: &Handbook) -> Vec<(&'static str, String)> {
    struct Collect(Vec<(&'static str, String)>);
    impl Emit for Collect {
        fn file<T: Serialize>(&mut self, path: &'static str, value: &T) {
            self.0.push((path, to_json(value)));
        }
    }
    let mut out = Collect(Vec::new());
    emit_files(hb, &mut out);
    out.0
}
