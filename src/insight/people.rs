//! People as the handbook names them: every `lead`, `members` entry, decider and author
//! becomes a person with a page (`people/<slug>.html`), the teams they lead or belong to,
//! the decisions they took or that wait on them, and the ones they wrote.
//!
//! A person is identified by the slug of their name, so "Ana Petrović" and "Ana Petrovic"
//! are one person (the spelling used most often is shown) and a person's URL depends on
//! their name alone — never on who else is in the handbook. Everything here is one pass
//! over charters and decisions (no per-person scan of the handbook).
//!
//! Who decides: a decision's `deciders`; a Type 2 decision without `deciders` is the
//! owning team's to take, so its team's `lead` is its decider (docs/health.md).

use crate::insight::latency::{Latency, latency};
use crate::link::Handbook;
use crate::model::{DecisionType, Status};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The URL slug of a person's name (the handbook's one slugifier), never empty.
pub fn slug(name: &str) -> String {
    let s = crate::text::slug(name);
    if s.is_empty() { "person".into() } else { s }
}

pub fn url(name: &str) -> String {
    format!("people/{}.html", slug(name))
}

#[derive(Debug, Clone, Default)]
pub struct Person {
    pub slug: String,
    /// The spelling used most often (ties: the first in sort order).
    pub name: String,
    /// Team slugs, sorted.
    pub lead_of: Vec<String>,
    pub member_of: Vec<String>,
    /// Decisions this person is a decider of, ascending numbers.
    pub decisions: Vec<u32>,
    /// Of those, the ones still `proposed`: waiting on them.
    pub waiting: Vec<u32>,
    /// Days from `date` to `decided` over their decided decisions.
    pub latency: Option<Latency>,
    /// Decided Type 1 decisions they are a decider of.
    pub type1: usize,
    /// Decisions they wrote or drove (`authors`), ascending numbers: no decider's load.
    pub authored: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct People {
    /// By slug.
    pub people: BTreeMap<String, Person>,
    /// Decided (not proposed) Type 1 decisions in the handbook, for shares.
    pub type1_total: usize,
    /// Every name as written → its slug: names repeat across charters and decisions, and
    /// transliterating each occurrence again was most of this stage's time.
    pub slugs: HashMap<String, String>,
}

impl People {
    pub fn get(&self, name: &str) -> Option<&Person> {
        match self.slugs.get(name) {
            Some(s) => self.people.get(s),
            None => self.people.get(&slug(name)),
        }
    }

    /// The slug of a name the handbook uses (computed once), or computed now.
    pub fn slug_of(&self, name: &str) -> String {
        self.slugs.get(name).cloned().unwrap_or_else(|| slug(name))
    }

    /// A person's share of all decided Type 1 decisions, in percent.
    pub fn type1_share(&self, p: &Person) -> Option<u32> {
        (self.type1_total > 0)
            .then(|| ((p.type1 as f64 * 100.0) / self.type1_total as f64).round() as u32)
    }
}

/// The people who decide decision `d`: its `deciders`, or for a Type 2 decision without
/// any, the owning team's lead.
pub fn deciders<'a>(hb: &'a Handbook, d: &'a crate::model::Decision) -> Vec<&'a str> {
    if !d.deciders.is_empty() {
        return d.deciders.iter().map(String::as_str).collect();
    }
    if d.decision_type == DecisionType::Reversible
        && let Some((_, c)) = hb.team(&d.team.value)
        && let Some(lead) = &c.lead
    {
        return vec![lead.as_str()];
    }
    Vec::new()
}

pub fn compute(hb: &Handbook) -> People {
    let mut people: BTreeMap<String, Person> = BTreeMap::new();
    let mut spellings: HashMap<String, BTreeMap<&str, usize>> = HashMap::new();
    let mut samples: HashMap<String, Vec<i64>> = HashMap::new();
    let mut slugs: HashMap<String, String> = HashMap::new();
    fn entry<'n>(
        people: &mut BTreeMap<String, Person>,
        spellings: &mut HashMap<String, BTreeMap<&'n str, usize>>,
        slugs: &mut HashMap<String, String>,
        name: &'n str,
    ) -> String {
        let s = match slugs.get(name) {
            Some(s) => s.clone(),
            None => {
                let s = slug(name);
                slugs.insert(name.to_string(), s.clone());
                if !people.contains_key(&s) {
                    people.insert(
                        s.clone(),
                        Person {
                            slug: s.clone(),
                            ..Person::default()
                        },
                    );
                }
                s
            }
        };
        *spellings
            .entry(s.clone())
            .or_default()
            .entry(name)
            .or_default() += 1;
        s
    }
    for (_, c) in hb.teams.keys().filter_map(|s| hb.team(s)) {
        let mut seen = BTreeSet::new();
        for (name, lead) in c
            .lead
            .iter()
            .map(|l| (l, true))
            .chain(c.members.iter().map(|m| (m, false)))
        {
            let s = entry(&mut people, &mut spellings, &mut slugs, name);
            if !seen.insert((s.clone(), lead)) {
                continue;
            }
            let p = people.get_mut(&s).expect("inserted");
            if lead {
                p.lead_of.push(c.slug.clone());
            } else {
                p.member_of.push(c.slug.clone());
            }
        }
    }
    let mut type1_total = 0;
    for (_, d) in hb.decisions.keys().filter_map(|&n| hb.decision(n)) {
        let decided = d.status != Status::Proposed && d.decided.is_some();
        if decided && d.decision_type == DecisionType::Irreversible {
            type1_total += 1;
        }
        let mut seen = BTreeSet::new();
        for name in &d.authors {
            let s = entry(&mut people, &mut spellings, &mut slugs, name);
            if seen.insert(s.clone()) {
                people
                    .get_mut(&s)
                    .expect("inserted")
                    .authored
                    .push(d.number);
            }
        }
        let mut seen = BTreeSet::new();
        for name in deciders(hb, d) {
            let s = entry(&mut people, &mut spellings, &mut slugs, name);
            if !seen.insert(s.clone()) {
                continue;
            }
            let p = people.get_mut(&s).expect("inserted");
            p.decisions.push(d.number);
            if d.status == Status::Proposed {
                p.waiting.push(d.number);
            }
            if let Some(when) = d.decided.filter(|_| decided) {
                samples
                    .entry(s)
                    .or_default()
                    .push((when - d.date).get_days() as i64);
                if d.decision_type == DecisionType::Irreversible {
                    p.type1 += 1;
                }
            }
        }
    }
    for (s, p) in people.iter_mut() {
        p.name = spellings
            .get(s)
            .and_then(|m| {
                m.iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(n, _)| n.to_string())
            })
            .unwrap_or_default();
        p.lead_of.sort();
        p.member_of.sort();
        p.latency = samples.remove(s).and_then(latency);
    }
    People {
        people,
        type1_total,
        slugs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_merge_spellings_and_are_never_empty() {
        assert_eq!(slug("Ana Petrović"), "ana-petrovic");
        assert_eq!(slug("Ana Petrovic"), slug("Ana Petrović"));
        assert_eq!(slug("!!!"), "person");
        assert_eq!(url("Mei-Ling Chen"), "people/mei-ling-chen.html");
    }
}
