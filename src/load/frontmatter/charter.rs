//! Team and group charters: every key of a charter's front matter read into a typed
//! [`Charter`] and checked (docs/format.md, "Team and group charters"), with the rosters,
//! metrics and interactions written the ways other tools write them; and the test whether
//! a file that is no charter names charter keys (so it is told why it is not one).

use super::block::{Front, Syntax, parse_front};
use super::foreign::{foreign_charter, is_team_api};
use super::keys::{CHARTER_KEYS, NAVIGATION_KEYS};
use super::values::one_of;
use crate::diagnostic::Diagnostic;
use crate::fields::Fields;
use crate::model::{Charter, Interaction, InteractionMode, Metric, Spanned, TeamKind, Topology};
use toml::de::DeValue;

/// Page keys a team's page written for another generator carries, accepted in a charter
/// without effect (with [`NAVIGATION_KEYS`]). Not `draft` or `slug`: a charter that set
/// them would expect them to work.
const MOVED_PAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "weight",
    "nav_order",
    "sidebar_position",
    "keywords",
    "tags",
];

/// Whether a file's front matter holds one of a charter's keys at its top level (a line
/// starting `name =`, `problem:`, `[contact]`, `[[metrics]]`…), or its body is a Team API
/// document (which gets its own error). Read line by line, not parsed: it decides only
/// whether a file in a team's folder is read as a charter (and then fully parsed, with
/// every error reported) or as a page ([`crate::load::in_team_folder`]).
pub fn names_charter_keys(text: &str, front: Option<&Front>) -> bool {
    let Some(front) = front else {
        return is_team_api(text, None);
    };
    let Some(front_text) = text.get(front.range.clone()) else {
        return false;
    };
    // In TOML, keys after a table header (`[author]`) belong to that table.
    let mut in_other_table = false;
    front_text.lines().any(|line| {
        let nested_yaml = front.syntax == Syntax::Yaml && line.starts_with([' ', '\t']);
        let line = line.trim_start();
        let header = front.syntax == Syntax::Toml && line.starts_with('[');
        let line = line.trim_start_matches('[').trim_start_matches('"');
        let key_end = line
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(line.len());
        let key = &line[..key_end];
        let rest = line[key_end..].trim_start_matches('"').trim_start();
        let charter_key = CHARTER_KEYS.contains(&key);
        if header {
            in_other_table = !charter_key;
            return charter_key;
        }
        charter_key && !nested_yaml && !in_other_table && rest.starts_with(['=', ':'])
    }) || is_team_api(text, None)
}

/// The error for a file directly in content/teams/ without a charter's keys (without front
/// matter at all, or `has_front` without those keys) in a handbook that has charters: in
/// that handbook, the folder holds charters. Handbooks moved in keep a folder of pages per
/// team (`teams/delivery/processes.md`): the likelier fix is to move the page, not to make
/// it a charter.
pub fn not_a_charter(file: &str, text: &str, has_front: bool) -> Diagnostic {
    const HELP: &str = "a file directly in content/teams/ is a team's charter: one file a team, starting with `+++` lines around its `name`, `problem` and `metrics` (docs/format.md). A page about a team (its processes, its on-call guide) goes in the team's folder: `content/teams/<team>/`, beside the charter written as that folder's `index.md`, where it is published as a page and listed on the team's page";
    let d = if has_front {
        Diagnostic::error(
            "missing-key",
            file,
            "team charter has none of a charter's keys (`name`, `problem`, `metrics`…) in its front matter",
        )
    } else {
        Diagnostic::error(
            "missing-front-matter",
            file,
            "team charter has no front matter",
        )
    };
    d.with_help(HELP).at(text, 0..0)
}

/// A team slug becomes a file name and a URL: keep it to what is safe in both.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub fn charter(
    file: &str,
    rel: &str,
    text: &str,
    front: Option<Front>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Charter> {
    // A Team API document gets one error that says how to bring it in, not one per key.
    let Some(front) = front else {
        if is_team_api(text, None) {
            foreign_charter(file, text, 0..0, diags);
        } else {
            diags.push(not_a_charter(file, text, false));
        }
        return None;
    };
    let slug = crate::load::charter_slug(rel).to_string();
    if !is_valid_slug(&slug) {
        diags.push(
            Diagnostic::error("invalid-slug", file, format!("team file name `{slug}` is not a valid slug"))
                .with_help("rename the file using lowercase letters, digits and `-`, e.g. `payments-platform.md`; the name becomes the page URL")
                .at(text, 0..0),
        );
    }
    let offset = front.range.start;
    let table = parse_front(file, text, &front, diags)?;
    let has = |key: &str| table.iter().any(|(k, _)| k.get_ref().as_ref() == key);
    if !has("problem") && !has("metrics") {
        let keys: Vec<&str> = table.iter().map(|(k, _)| k.get_ref().as_ref()).collect();
        if is_team_api(text, Some(&keys)) {
            foreign_charter(file, text, offset..offset, diags);
            return None;
        }
    }
    // A charter that was another generator's team page (`teams/payments/index.md`) keeps
    // that generator's keys (`title`, `sidebar_position`, `layout`): not typos of a
    // charter's keys, so not errors.
    let foreign: Vec<&str> = table
        .iter()
        .map(|(k, _)| k.get_ref().as_ref())
        .filter(|k| {
            !CHARTER_KEYS.contains(k)
                && (NAVIGATION_KEYS.contains(k) || MOVED_PAGE_KEYS.contains(k))
        })
        .collect();
    // Spans from the table are relative to the front matter text; `Fields` adds the offset.
    let mut f = Fields::new(file, text, &table, "team charter", diags)
        .with_offset(offset)
        .yaml(front.syntax == Syntax::Yaml);
    f.ignore(&foreign);
    let name = f.required_str("name");
    let kind = team_kind(&mut f, offset);
    let parent = f.opt_spanned_str("parent");
    let problem = f.opt_str("problem").filter(|p| !p.trim().is_empty());
    let metrics = metrics(&mut f);
    // `owns: Search API`: one string is a list, as `members` and `codeowners` are.
    let owns = f.spanned_list("owns");
    let codeowners = f.spanned_list("codeowners");
    let (members, lead_by_role) = members(&mut f);
    let lead = f.opt_str("lead").or(lead_by_role);
    let contact = match f.opt_table("contact") {
        Some(t) => f.child(t, "[contact]").string_map(),
        None => Vec::new(),
    };
    let reviewed = f.opt_date("reviewed").map(|(d, span)| {
        crate::checks::reviewed_date(&mut f, d, span, crate::clock::today());
        d
    });
    let topology = f.opt_spanned_str("topology").and_then(|found| {
        one_of(
            &mut f,
            offset,
            found,
            &Topology::ALL,
            "team topology",
            "topology",
        )
    });
    let interactions = interactions(&mut f, offset);
    if kind == TeamKind::Team {
        if problem.is_none() && f.key_span("problem").is_none() {
            f.missing(
                "problem",
                "\"One or two sentences: the problem this team owns.\"",
            );
        }
        if metrics.is_empty() && f.key_span("metrics").is_none() {
            let example = if f.is_yaml() {
                "[{ name: \"…\", target: \"…\" }] (or indented `- name: …` lines)"
            } else {
                "[{ name = \"…\", target = \"…\" }] (or a [[metrics]] section)"
            };
            f.missing("metrics", example);
        }
    }
    f.finish_typos_fail(CHARTER_KEYS);
    Some(Charter {
        slug,
        name: name?,
        kind,
        parent: parent.map(crate::model::TeamRef::from),
        problem,
        metrics,
        owns: owns.into_iter().map(Spanned::from).collect(),
        lead,
        members,
        contact,
        reviewed,
        topology,
        interactions,
        codeowners: codeowners.into_iter().map(Spanned::from).collect(),
        from_page: false,
        problem_beside: false,
        page_problem: None,
        metrics_beside: false,
    })
}

/// `members`: names, or entries with a `name` as team rosters in YAML write them
/// (`- name: Ana Lima` with `role:`, `github:`, `email:` under it), whose other keys are
/// left as the team pages' rosters leave them. The first member whose role says lead,
/// manager or chair, for a charter that names no `lead`.
fn members(f: &mut Fields) -> (Vec<String>, Option<String>) {
    let Some(v) = f.raw("members") else {
        return (Vec::new(), None);
    };
    let DeValue::Array(items) = v.get_ref() else {
        // `members: Ana Lima, Bo Chen`, or the type error with its hint.
        return (f.names("members"), None);
    };
    let mut names = Vec::new();
    let mut lead = None;
    for item in items.iter() {
        match item.get_ref() {
            DeValue::String(s) => names.push(s.to_string()),
            DeValue::Table(t) => {
                let name = f
                    .entry(t, "an entry of `members`", item.span())
                    .required_str("name");
                let Some(name) = name else {
                    continue;
                };
                let role = match t.get("role").map(|r| r.get_ref()) {
                    Some(DeValue::String(r)) => Some(r.as_ref()),
                    _ => None,
                };
                if lead.is_none() && role.is_some_and(role_leads) {
                    lead = Some(name.clone());
                }
                names.push(name);
            }
            _ => f.error(
                "invalid-type",
                item.span(),
                format!(
                    "each entry of `members` must be a name or a table with a `name`, found {}",
                    item.get_ref().type_str()
                ),
                format!(
                    "write it like: {}",
                    f.assign("members", "[\"Ana Lima\", \"Bo Chen\"]")
                ),
            ),
        }
    }
    (names, lead)
}

/// Whether a member's role makes them the team's lead when no lead is named: a lead, a
/// manager or a chair (`Tech Lead`, `Engineering Manager`, `Co-chair`).
pub fn role_leads(role: &str) -> bool {
    let r = role.to_lowercase();
    r.contains("lead") || r.contains("manager") || r.contains("chair")
}

/// `kind`: a team unless it says "group" (in any case, as `status` is read).
fn team_kind(f: &mut Fields, offset: usize) -> TeamKind {
    match f.opt_spanned_str("kind") {
        None => TeamKind::Team,
        Some((k, _)) if k.eq_ignore_ascii_case("team") => TeamKind::Team,
        Some((k, _)) if k.eq_ignore_ascii_case("group") => TeamKind::Group,
        Some((k, span)) => {
            let help = format!(
                "use `{}` for a team of teams, or leave `kind` out for a team",
                f.assign("kind", "\"group\"")
            );
            f.error(
                "invalid-value",
                span.start - offset..span.end - offset,
                format!("`kind` must be \"team\" or \"group\", found \"{k}\""),
                help,
            );
            TeamKind::Team
        }
    }
}

/// The `[[metrics]]` tables (or inline array) of a charter, each history sorted by date.
fn metrics(f: &mut Fields) -> Vec<Metric> {
    let mut metrics = Vec::new();
    for (t, span) in f.table_array("metrics") {
        let mut m = f.entry(t, "[[metrics]]", span);
        let name = m.required_str("name");
        let target = m.opt_str("target");
        let current = m.opt_str("current");
        let mut history: Vec<(jiff::civil::Date, f64)> = m
            .date_number_pairs("history")
            .into_iter()
            .map(|(d, v, _)| (d, v))
            .collect();
        // Authors append at the end, but nothing downstream should depend on that.
        history.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        m.finish(&["name", "target", "current", "history"]);
        if let Some(name) = name {
            metrics.push(Metric {
                name,
                target,
                current,
                history,
            });
        }
    }
    metrics
}

/// The `[[interactions]]` of a charter; one without a team or a known mode is reported
/// and left out.
fn interactions(f: &mut Fields, offset: usize) -> Vec<Interaction> {
    let mut interactions = Vec::new();
    for (t, span) in f.table_array("interactions") {
        let mut i = f.entry(t, "[[interactions]]", span);
        let team = i.opt_spanned_str("team");
        if team.is_none() && i.key_span("team").is_none() {
            i.missing("team", "\"team-slug\"");
        }
        let mode = match i.opt_spanned_str("mode") {
            None => {
                if i.key_span("mode").is_none() {
                    i.missing("mode", "\"collaboration\"");
                }
                None
            }
            Some(found) => one_of(
                &mut i,
                offset,
                found,
                &InteractionMode::ALL,
                "interaction mode",
                "mode",
            ),
        };
        let about = i.opt_str("about").filter(|a| !a.trim().is_empty());
        i.finish(&["team", "mode", "about"]);
        if let (Some(team), Some(mode)) = (team, mode) {
            interactions.push(Interaction {
                team: team.into(),
                mode,
                about,
            });
        }
    }
    interactions
}
