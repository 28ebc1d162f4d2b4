//! Team references written as a team's display name. A charter's `parent`, an interaction's
//! `team` and a decision's `team` name a team by its id (the charter's file name), but
//! people writing charters by hand and the tools handbooks come from (Backstage's
//! `profile.displayName`, Just the Docs' `parent: <title>`) write its name:
//! `parent: Payments Platform`. A reference that is no team's id but is exactly one team's
//! display name (case and runs of spaces aside), or the slug of exactly one team's name,
//! becomes that team's id here, once, before anything else reads it; a name two teams
//! share stays unresolved and the checks report it with both ids (`ambiguous-team`).
//!
//! The CLI takes a team the same way (`orgbook new decision --team`, the importers'
//! `--parent`), through [`TeamNames::resolve`] over the handbook's survey, so that a name a
//! page shows works on the command line too and the file written holds the id.
//!
//! The names are indexed once per link (two hash maps), so resolving is a lookup per
//! reference. What was written is kept in [`TeamRef::written`] and put back at the start
//! of every link: `serve` links the same documents again after an edit, and a renamed
//! charter (or a second team taking the name) changes what the written name resolves to.

use crate::model::{DocId, DocKind, TeamRef};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What a written reference names, by display name.
#[derive(Debug, PartialEq, Eq)]
pub enum Named<'a> {
    None,
    One(&'a str),
    /// Two or more teams share the name: their ids, sorted.
    Many(&'a [String]),
}

/// Every team's display name and its slug, each mapped to the ids of the teams so named.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TeamNames {
    by_name: HashMap<String, Vec<String>>,
    by_slug: HashMap<String, Vec<String>>,
}

/// A display name as references compare it: lowercase, runs of whitespace one space.
fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl TeamNames {
    pub(super) fn new(docs: &[crate::model::Doc], teams: &BTreeMap<String, DocId>) -> TeamNames {
        TeamNames::of(
            teams
                .iter()
                .filter_map(|(slug, &id)| Some((slug.as_str(), docs[id].as_team()?.name.as_str()))),
        )
    }

    /// The names of teams given as (id, display name), in id order (so that each list of
    /// ids is sorted).
    pub fn of<'n>(teams: impl IntoIterator<Item = (&'n str, &'n str)>) -> TeamNames {
        let mut names = TeamNames::default();
        for (id, name) in teams {
            let key = name_key(name);
            if key.is_empty() {
                continue;
            }
            names.by_name.entry(key).or_default().push(id.to_string());
            let slug_key = crate::text::slug(name);
            if !slug_key.is_empty() {
                names
                    .by_slug
                    .entry(slug_key)
                    .or_default()
                    .push(id.to_string());
            }
        }
        names
    }

    /// What a team reference names: itself when `is_id` says it is a team's id (an id
    /// wins over any name), else [`TeamNames::named`].
    pub fn resolve<'w>(&'w self, written: &'w str, is_id: impl FnOnce(&str) -> bool) -> Named<'w> {
        if is_id(written) {
            Named::One(written)
        } else {
            self.named(written)
        }
    }

    /// The team(s) whose display name is `written`, else whose name's slug is its slug.
    pub fn named(&self, written: &str) -> Named<'_> {
        let found = self
            .by_name
            .get(&name_key(written))
            .or_else(|| {
                let slug = crate::text::slug(written);
                (!slug.is_empty())
                    .then(|| self.by_slug.get(&slug))
                    .flatten()
            })
            .map(Vec::as_slice);
        match found {
            None | Some([]) => Named::None,
            Some([one]) => Named::One(one),
            Some(many) => Named::Many(many),
        }
    }
}

/// Every team reference of `doc`, to be resolved in place.
fn refs_of(doc: &mut crate::model::Doc) -> Vec<&mut TeamRef> {
    match &mut doc.kind {
        DocKind::Team(c) => c
            .parent
            .iter_mut()
            .chain(c.interactions.iter_mut().map(|i| &mut i.team))
            .collect(),
        DocKind::Decision(d) => vec![&mut d.team],
        DocKind::Page(_) => Vec::new(),
    }
}

/// Puts back what each reference says (a previous link may have resolved it), then
/// replaces each one that is no team's id (nor a broken charter's) but one team's display
/// name with that team's id. Returns the names, for the checks' messages.
pub(super) fn resolve(
    docs: &mut [crate::model::Doc],
    teams: &BTreeMap<String, DocId>,
    unparsed_teams: &BTreeSet<&str>,
) -> TeamNames {
    let names = TeamNames::new(docs, teams);
    for doc in docs.iter_mut() {
        for r in refs_of(doc) {
            if let Some(written) = r.written.take() {
                r.value = written.into();
            }
            let is_id = |v: &str| teams.contains_key(v) || unparsed_teams.contains(v);
            let id = match names.resolve(&r.value, is_id) {
                Named::One(id) if id != r.value => id.to_string(),
                _ => continue,
            };
            let written = std::mem::replace(&mut r.value, id);
            r.written = Some(written.into_boxed_str());
        }
    }
    names
}

/// After a body edit `serve` does not link again: the new copy of a document takes the
/// resolved references of the old one, whose front matter (and so what it wrote) is the
/// same.
pub fn keep_resolved(new: &mut crate::model::Doc, old: &crate::model::Doc) {
    let old: Vec<&TeamRef> = match &old.kind {
        DocKind::Team(c) => c
            .parent
            .iter()
            .chain(c.interactions.iter().map(|i| &i.team))
            .collect(),
        DocKind::Decision(d) => vec![&d.team],
        DocKind::Page(_) => Vec::new(),
    };
    for (n, o) in refs_of(new).into_iter().zip(old) {
        if n.value == o.as_written() {
            n.clone_from(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(teams: &[(&str, &str)]) -> TeamNames {
        TeamNames::of(teams.iter().copied())
    }

    fn one<'a>(n: &'a TeamNames, written: &str) -> Option<&'a str> {
        match n.named(written) {
            Named::One(id) => Some(id),
            _ => None,
        }
    }

    #[test]
    fn a_name_matches_in_any_case_with_runs_of_spaces_or_by_its_slug() {
        let n = names(&[("pp", "Payments Platform"), ("eng", "Engineering")]);
        for written in [
            "Payments Platform",
            "payments platform",
            " PAYMENTS \t Platform ",
            "payments-platform",
            "Payments/Platform",
        ] {
            assert_eq!(one(&n, written), Some("pp"), "{written:?}");
        }
        assert_eq!(one(&n, "Payments"), None);
        // Nothing to slug: never a match, even with a team whose name has no letters.
        let n = names(&[("q", "???")]);
        assert!(matches!(n.named("!!!"), Named::None));
    }

    #[test]
    fn a_shared_name_is_ambiguous_and_lists_both() {
        let n = names(&[("core-a", "Core"), ("core-b", "core")]);
        match n.named("CORE") {
            Named::Many(ids) => assert_eq!(ids, ["core-a", "core-b"]),
            _ => panic!("not ambiguous"),
        }
    }
}
