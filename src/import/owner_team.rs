//! The handbook's teams as a decision record's `owner:` names them. Records written
//! outside orgbook (MADR-ish and log4brains-ish templates, company ADR folders) often say
//! which team owns the decision in `owner: platform-team`, `owners: [Team Identity]` or
//! `owner: "@org/payments"`: a team, not the person who wrote it. [`OwnerTeams`] answers
//! whether such a value is one of the handbook's teams by the rules the build uses
//! elsewhere: a team's id, else its display name or the name's slug (the link stage's
//! [`TeamNames`]), else a GitHub team handle a charter lists in `codeowners`, or whose
//! team part is a charter's id (as a CODEOWNERS line reaches a charter). Built once per
//! import, so each value is a lookup, whatever the number of teams and records.

use std::collections::{BTreeSet, HashMap};

use crate::link::team_refs::{Named, TeamNames};
use crate::scaffold::Survey;

/// The handbook's team ids, names and GitHub handles, for [`OwnerTeams::team`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnerTeams {
    ids: BTreeSet<String>,
    names: TeamNames,
    /// A handle in lowercase (`@org/team`) → the charters listing it in `codeowners`.
    handles: HashMap<String, Vec<String>>,
}

impl OwnerTeams {
    /// The charters of `survey` that parse (a broken one's name is unknown).
    pub fn of(survey: &Survey) -> OwnerTeams {
        let mut handles: HashMap<String, Vec<String>> = HashMap::new();
        for (id, entry) in &survey.teams {
            for handle in &entry.codeowners {
                handles
                    .entry(handle.to_lowercase())
                    .or_default()
                    .push(id.clone());
            }
        }
        OwnerTeams {
            ids: survey.teams.keys().cloned().collect(),
            names: TeamNames::of(
                survey
                    .teams
                    .iter()
                    .filter_map(|(id, t)| Some((id.as_str(), t.name.as_deref()?))),
            ),
            handles,
        }
    }

    /// The id of the one team `written` names; `None` for a person, a name two teams
    /// share, or anything else.
    pub fn team(&self, written: &str) -> Option<&str> {
        let written = written.trim();
        if written.starts_with('@') {
            return match self.handles.get(&written.to_lowercase()).map(Vec::as_slice) {
                Some([one]) => Some(one),
                Some(_) => None,
                None => {
                    let team = crate::load::codeowners::team_name(written)?;
                    self.ids.get(&team).map(String::as_str)
                }
            };
        }
        match self.names.resolve(written, |w| self.ids.contains(w)) {
            Named::One(id) => self.ids.get(id).map(String::as_str),
            Named::None | Named::Many(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaffold::TeamEntry;

    fn entry(name: &str, codeowners: &[&str]) -> TeamEntry {
        TeamEntry {
            path: String::new(),
            kind: Some(crate::model::TeamKind::Team),
            name: Some(name.to_owned()),
            owns: Vec::new(),
            people: Vec::new(),
            codeowners: codeowners.iter().map(|c| c.to_string()).collect(),
        }
    }

    #[test]
    fn an_owner_is_a_team_by_id_name_slug_or_handle_and_a_person_is_none() {
        let survey = Survey {
            teams: [
                ("platform-team".to_owned(), entry("Platform Team", &[])),
                (
                    "delivery".to_owned(),
                    entry("Delivery Insights", &["@gp/delivery-eng"]),
                ),
                ("identity".to_owned(), entry("Team Identity", &[])),
            ]
            .into(),
            decisions: Default::default(),
        };
        let teams = OwnerTeams::of(&survey);
        for (written, id) in [
            ("platform-team", Some("platform-team")),
            ("Platform Team", Some("platform-team")),
            (" team identity ", Some("identity")),
            ("delivery-insights", Some("delivery")),
            ("@GP/Delivery-Eng", Some("delivery")),
            ("@acme/identity", Some("identity")),
            ("@acme/payments", None),
            ("Mikey Beezy", None),
            ("@mikey", None),
            ("", None),
        ] {
            assert_eq!(teams.team(written), id, "{written:?}");
        }
    }
}
