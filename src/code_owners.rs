//! Link step for CODEOWNERS: which charter each `@org/team` owner is, which code paths each
//! team owns, and where the file and the charters disagree.
//!
//! An owner is a team when a charter names it in `codeowners = ["@org/team"]`, else when
//! its team part is a charter's slug (`@acme/payments` → `teams/payments.md`). Anything
//! else that looks like a team is reported once, at its first line, with the charter it
//! most likely means. People, roles and emails stay as written. A charter whose `owns`
//! item is a path the file gives to another team gets a warning at that item: the two
//! places an organisation writes down ownership should not contradict each other. A
//! handbook without charters (a docs site) leaves the file aside.

use crate::diagnostic::{Diagnostic, nearest};
use crate::load::codeowners::{CodeOwnersFile, team_name};
use crate::model::{Doc, DocId, Spanned};
use std::collections::{BTreeMap, HashMap};

/// The code paths a team's page lists before "and N more" (a platform team may own
/// thousands; the ownership index has them all).
pub const SHOWN_ON_TEAM_PAGE: usize = 50;

/// Unknown team owners reported by name before the rest are counted.
const UNKNOWN_SHOWN: usize = 20;

/// The handbook's CODEOWNERS file, with its owners matched to charters.
#[derive(Debug, Clone, Default)]
pub struct CodeOwnership {
    pub file: Option<CodeOwnersFile>,
    /// Per rule of `file` (same index): the slugs of the charters among its owners, in the
    /// order written.
    pub rule_teams: Vec<Vec<String>>,
    /// Per rule: its owners that are no charter (people, emails, unknown teams), as written.
    pub rule_others: Vec<Vec<String>>,
    /// Team slug → indices of the rules that name it, in file order.
    pub by_team: BTreeMap<String, Vec<usize>>,
}

impl CodeOwnership {
    /// The rules naming team `slug`, in file order.
    pub fn rules_of<'a>(
        &'a self,
        slug: &str,
    ) -> impl Iterator<Item = (usize, &'a crate::load::codeowners::Rule)> + 'a {
        let rules = self
            .file
            .as_ref()
            .map(|f| f.rules.as_slice())
            .unwrap_or(&[]);
        self.by_team
            .get(slug)
            .into_iter()
            .flatten()
            .filter_map(move |&i| Some((i, rules.get(i)?)))
    }

    /// How many (pattern, team) pairs there are: rows of the ownership index.
    pub fn pairs(&self) -> usize {
        self.by_team.values().map(Vec::len).sum()
    }
}

/// A pattern or an `owns` item as a path, for comparing the two: no leading `/` or
/// trailing `/`, `/**` or `/*`, lower case. `None` for what is not written as a path
/// (`*.go`, `Billing`, `infra`: an `owns` item without `/` is a name, not a folder).
pub fn path_key(s: &str) -> Option<String> {
    let written = s.trim();
    let s = written
        .strip_suffix("/**")
        .or_else(|| written.strip_suffix("/*"))
        .unwrap_or(written)
        .trim_matches('/');
    let is_path = !s.is_empty() && written.contains('/') && !s.contains(['*', '?', '[', ' ']);
    is_path.then(|| s.to_lowercase())
}

/// The note for a handbook without a CODEOWNERS file whose content/ holds Prow's `OWNERS`
/// or `OWNERS_ALIASES` files (`assets`, paths under content/): Kubernetes-style projects
/// keep ownership there, and without a word the ownership pages stay empty while those
/// files are published as downloads. One note, at the first, counting the others.
pub fn prow_owners_note(assets: &[String]) -> Option<Diagnostic> {
    let mut owners = assets.iter().filter(|rel| {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        name == "OWNERS" || name == "OWNERS_ALIASES"
    });
    let first = owners.next()?;
    let others = owners.count();
    Some(
        Diagnostic::note(
            "skipped-file",
            &format!("{}/{first}", crate::load::CONTENT_DIR),
            format!(
                "not read as ownership: {} Prow's, and orgbook reads who owns which code from a CODEOWNERS file only; {} published as {}",
                match others {
                    0 => "this OWNERS file is".to_string(),
                    n => format!(
                        "this and {} are",
                        crate::text::counted(n, "other OWNERS file", "other OWNERS files")
                    ),
                },
                if others == 0 { "it is" } else { "they are" },
                if others == 0 { "a plain file" } else { "plain files" },
            ),
        )
        .with_help("to fill the ownership pages, write a CODEOWNERS file (`.github/CODEOWNERS`, `/path/ @org/team` per line) and name each team's `@org/team` in its charter's `codeowners`"),
    )
}

/// Matches the owners of `file` to the charters in `teams` and checks the charters'
/// `owns` items against it.
pub fn resolve(
    file: Option<CodeOwnersFile>,
    docs: &[Doc],
    teams: &BTreeMap<String, DocId>,
    diags: &mut Vec<Diagnostic>,
) -> CodeOwnership {
    // A handbook without charters (a docs site built with orgbook) has no team for the
    // file to name: reading it would only report every team in it as unknown.
    let Some(file) = file.filter(|_| !teams.is_empty()) else {
        return CodeOwnership::default();
    };
    // Cloned, not taken: `serve` links the same file again after each edit.
    diags.extend(file.problems.iter().cloned());
    // Handles charters claim, the first claim (in slug order) winning; a second is reported,
    // as is a handle that is no team (CODEOWNERS never names a team otherwise).
    let mut claimed: HashMap<String, (String, DocId)> = HashMap::new();
    for (slug, &id) in teams {
        let Some(c) = docs[id].as_team() else {
            continue;
        };
        for Spanned {
            value: handle,
            span,
        } in &c.codeowners
        {
            let key = handle.trim().to_lowercase();
            if team_name(&key).is_none() {
                diags.push(
                    Diagnostic::warning(
                        "bad-codeowners",
                        &docs[id].source.path,
                        format!("`{handle}` is not a CODEOWNERS team, so no rule can name it"),
                    )
                    .with_help("write the team as the CODEOWNERS file does: `@org/team`")
                    .at(&docs[id].source.text, span.clone()),
                );
                continue;
            }
            match claimed.get(&key) {
                Some((other, other_id)) if other != slug => diags.push(
                    Diagnostic::warning(
                        "bad-codeowners",
                        &docs[id].source.path,
                        format!(
                            "`{handle}` is already claimed by {}, so this charter's claim is ignored",
                            docs[*other_id].source.path
                        ),
                    )
                    .with_help("a CODEOWNERS team is one charter: remove it from one of the two")
                    .at(&docs[id].source.text, span.clone()),
                ),
                Some(_) => {}
                None => {
                    claimed.insert(key, (slug.clone(), id));
                }
            }
        }
    }
    let team_of = |owner: &str| -> Option<&str> {
        if let Some((slug, _)) = claimed.get(&owner.to_lowercase()) {
            return Some(slug);
        }
        let name = team_name(owner)?;
        teams.get_key_value(name.as_str()).map(|(k, _)| k.as_str())
    };
    let mut rule_teams = Vec::with_capacity(file.rules.len());
    let mut rule_others = Vec::with_capacity(file.rules.len());
    let mut by_team: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    // Unknown team owner → (first span, further lines), in first-seen order.
    let mut unknown: Vec<(String, std::ops::Range<usize>, usize)> = Vec::new();
    let mut unknown_at: HashMap<String, usize> = HashMap::new();
    for (i, rule) in file.rules.iter().enumerate() {
        // At most `MAX_OWNERS` owners a rule, so the look-ups below stay short.
        let mut slugs: Vec<String> = Vec::new();
        let mut others: Vec<String> = Vec::new();
        for owner in &rule.owners {
            let slug = team_of(&owner.value);
            if slug.is_none() {
                others.push(owner.value.clone());
            }
            match slug {
                Some(slug) if !slugs.iter().any(|s| s == slug) => slugs.push(slug.to_string()),
                Some(_) => {}
                None if team_name(&owner.value).is_some() => {
                    let key = owner.value.to_lowercase();
                    match unknown_at.get(&key) {
                        Some(&at) => unknown[at].2 += 1,
                        None => {
                            unknown_at.insert(key, unknown.len());
                            unknown.push((owner.value.clone(), owner.span.clone(), 0));
                        }
                    }
                }
                None => {}
            }
        }
        for s in &slugs {
            by_team.entry(s.clone()).or_default().push(i);
        }
        rule_teams.push(slugs);
        rule_others.push(others);
    }
    for (owner, span, more) in unknown.iter().take(UNKNOWN_SHOWN) {
        let also = match more {
            0 => String::new(),
            1 => " (and on 1 more line)".into(),
            n => format!(" (and on {n} more lines)"),
        };
        let name = team_name(owner).unwrap_or_default();
        let likely = within(&name, teams.keys().map(String::as_str))
            .or_else(|| nearest(&name, teams.keys().map(String::as_str)));
        let help = match likely {
            Some(slug) => {
                let doc = &docs[teams[slug]];
                let team = doc.as_team().map_or(slug, |c| c.name.as_str());
                format!(
                    "if it is {team}, add `codeowners = [\"{owner}\"]` to {}; otherwise write the team's charter (`orgbook new team {name}`)",
                    doc.source.path
                )
            }
            None => format!(
                "write the team's charter (`orgbook new team {name}`), or add `codeowners = [\"{owner}\"]` to the charter of the team it is"
            ),
        };
        diags.push(
            Diagnostic::warning(
                "unknown-code-owner",
                &file.path,
                format!("`{owner}` owns code here{also}, but no charter is that team"),
            )
            .with_help(help)
            .at(&file.text, span.clone()),
        );
    }
    if unknown.len() > UNKNOWN_SHOWN {
        diags.push(
            Diagnostic::warning(
                "unknown-code-owner",
                &file.path,
                format!(
                    "{} more team owners are no charter",
                    unknown.len() - UNKNOWN_SHOWN
                ),
            )
            .with_help(
                "write their charters, or name them in `codeowners` in the charters they are",
            ),
        );
    }
    check_owns(&file, &rule_teams, docs, teams, diags);
    CodeOwnership {
        file: Some(file),
        rule_teams,
        rule_others,
        by_team,
    }
}

/// The longest slug that is a whole `-`-separated part of `name`: GitHub teams are often
/// a team's name with a suffix or prefix (`search-relevance`, `team-payments`).
fn within<'a>(name: &str, slugs: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let padded = format!("-{name}-");
    slugs
        .filter(|s| s.len() < name.len() && padded.contains(&format!("-{s}-")))
        .max_by_key(|s| (s.len(), std::cmp::Reverse(*s)))
}

/// A charter's `owns` item that is a path the file gives to other owners: reported at the
/// item, naming the line. The last rule for a path is the one the forge applies.
fn check_owns(
    file: &CodeOwnersFile,
    rule_teams: &[Vec<String>],
    docs: &[Doc],
    teams: &BTreeMap<String, DocId>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut last_rule: HashMap<String, usize> = HashMap::new();
    for (i, rule) in file.rules.iter().enumerate() {
        if let Some(key) = path_key(&rule.pattern.value) {
            last_rule.insert(key, i);
        }
    }
    if last_rule.is_empty() {
        return;
    }
    for (slug, &id) in teams {
        let Some(c) = docs[id].as_team() else {
            continue;
        };
        for Spanned { value: item, span } in &c.owns {
            let Some(&i) = path_key(item).and_then(|k| last_rule.get(&k)) else {
                continue;
            };
            let rule = &file.rules[i];
            if rule.owners.is_empty() || rule_teams[i].iter().any(|s| s == slug) {
                continue;
            }
            let owners: Vec<&str> = rule.owners.iter().map(|o| o.value.as_str()).collect();
            diags.push(
                Diagnostic::warning(
                    "codeowners-disagree",
                    &docs[id].source.path,
                    format!(
                        "this charter owns `{item}`, but {} line {} gives `{}` to {}",
                        file.path,
                        rule.line,
                        rule.pattern.value,
                        owners.join(" ")
                    ),
                )
                .with_help(format!(
                    "agree on one owner: change that line of {}, or remove `{item}` from this charter; if {} is this team, add `codeowners = [\"{}\"]` here",
                    file.path, owners[0], owners[0]
                ))
                .at(&docs[id].source.text, span.clone()),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_keys_compare_patterns_and_items() {
        assert_eq!(
            path_key("/services/payments/").as_deref(),
            Some("services/payments")
        );
        assert_eq!(
            path_key("services/Payments/**").as_deref(),
            Some("services/payments")
        );
        assert_eq!(path_key("/infra/").as_deref(), Some("infra"));
        assert_eq!(path_key("infra"), None, "a word in `owns` is a name");
        assert_eq!(path_key("*.go"), None);
        assert_eq!(path_key("Billing API"), None);
        assert_eq!(path_key("README.md"), None);
    }

    #[test]
    fn a_team_name_with_a_suffix_suggests_its_charter() {
        let slugs = ["search", "payments", "web", "search-ui"];
        assert_eq!(
            within("search-relevance", slugs.into_iter()),
            Some("search")
        );
        assert_eq!(within("team-payments", slugs.into_iter()), Some("payments"));
        assert_eq!(
            within("search-ui-eng", slugs.into_iter()),
            Some("search-ui")
        );
        assert_eq!(within("websearch", slugs.into_iter()), None);
    }
}
