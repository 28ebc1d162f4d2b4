//! `orgbook diff`: what a change does to the organisation, computed from two handbooks
//! (folders, or git revisions read by [`git`]) — teams added, removed, renamed and moved,
//! members joining and leaving, ownership transferred, metrics and targets changed,
//! decisions proposed and decided, health findings introduced and resolved.
//!
//! Both sides go through the same load → link → health stages as a build (no Markdown,
//! no pages), with the same "today". Renames are detected by slug and content: a team
//! keeps its identity while its file name (slug) stays; a team removed under one slug and
//! added under another is a rename when both have the same name or share at least half of
//! their members and owned items (Jaccard ≥ 0.5). File history is not consulted, so a
//! rename is recognised the same way between folders and between revisions.

pub mod git;

use crate::health::Health;
use crate::link::Handbook;
use crate::model::Spanned;
use crate::model::{Charter, Status};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::Path;

/// One side of the comparison.
pub struct Snapshot {
    pub handbook: Handbook,
    pub health: Health,
}

/// Loads a handbook folder into the model, ignoring diagnostics: a diff describes what
/// the files say, and `check` is the place to report what is wrong with them.
pub fn snapshot(root: &Path, today: jiff::civil::Date) -> Snapshot {
    let linked = crate::site::linked_as_of(root, today);
    Snapshot {
        handbook: linked.handbook,
        health: linked.health,
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TeamRef {
    pub slug: String,
    pub name: String,
    pub parent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rename {
    pub from_slug: String,
    pub to_slug: String,
    pub from_name: String,
    pub to_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Move {
    pub team: String,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub team: String,
    pub person: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Transfer {
    pub item: String,
    pub from: String,
    pub to: String,
}

/// A CODEOWNERS path whose teams changed: given (from none), taken away (to none) or moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeOwnerChange {
    pub pattern: String,
    /// Team names before and after, in the order the rule names them.
    pub from: Vec<String>,
    pub to: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricChange {
    pub team: String,
    pub metric: String,
    /// `added`, `removed`, `target` or `current`.
    pub change: &'static str,
    pub from: Option<String>,
    pub to: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DecisionChange {
    pub number: u32,
    pub title: String,
    /// Status before (`null` for a new record) and after (`null` for a removed one).
    pub from: Option<&'static str>,
    pub to: Option<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct FindingRef {
    pub rule: &'static str,
    pub file: String,
    pub message: String,
}

/// Everything that changed, each list in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OrgDiff {
    pub teams_added: Vec<TeamRef>,
    pub teams_removed: Vec<TeamRef>,
    pub teams_renamed: Vec<Rename>,
    pub teams_moved: Vec<Move>,
    pub members_joined: Vec<Membership>,
    pub members_left: Vec<Membership>,
    pub ownership_transferred: Vec<Transfer>,
    pub code_owners_changed: Vec<CodeOwnerChange>,
    pub metrics_changed: Vec<MetricChange>,
    pub decisions: Vec<DecisionChange>,
    pub findings_introduced: Vec<FindingRef>,
    pub findings_resolved: Vec<FindingRef>,
}

impl OrgDiff {
    pub fn is_empty(&self) -> bool {
        *self == OrgDiff::default()
    }
}

fn charters(hb: &Handbook) -> BTreeMap<&str, &Charter> {
    hb.teams
        .keys()
        .filter_map(|s| hb.team(s).map(|(_, c)| (s.as_str(), c)))
        .collect()
}

fn team_ref(c: &Charter) -> TeamRef {
    TeamRef {
        slug: c.slug.clone(),
        name: c.name.clone(),
        parent: c
            .parent
            .as_ref()
            .map(|crate::model::TeamRef { value: p, .. }| p.clone()),
    }
}

/// What identifies a team's content for rename detection: its people and owned items.
fn fingerprint(c: &Charter) -> BTreeSet<String> {
    c.members
        .iter()
        .chain(&c.lead)
        .map(|m| format!("p:{}", m.to_lowercase()))
        .chain(
            c.owns
                .iter()
                .map(|Spanned { value: o, .. }| format!("o:{}", o.to_lowercase())),
        )
        .collect()
}

fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// Above this many removed × added pairs, only same-name renames are looked for: the
/// similarity pass is quadratic in the number of teams a single change adds and removes.
const MAX_SIMILARITY_PAIRS: usize = 10_000;

/// What changed in the organisation from `base` to `head`: teams added, removed, renamed
/// (matched by [`Teams::matched`]) and moved, people, metrics, ownership, code owners,
/// decisions' statuses and health findings.
pub fn diff(base: &Snapshot, head: &Snapshot) -> OrgDiff {
    let (teams, removed, added) = Teams::matched(&base.handbook, &head.handbook);
    let mut out = OrgDiff {
        teams_added: added.iter().map(|a| team_ref(teams.head[a])).collect(),
        teams_removed: removed.iter().map(|r| team_ref(teams.base[r])).collect(),
        ..OrgDiff::default()
    };
    for (&from, &to) in &teams.map {
        teams.changes(from, to, &mut out);
    }
    teams.ownership_changes(&base.handbook, &head.handbook, &mut out);
    teams.code_owner_changes(&base.handbook, &head.handbook, &mut out);
    out.decisions = decision_changes(&base.handbook, &head.handbook);
    (out.findings_introduced, out.findings_resolved) = finding_changes(base, head);
    out
}

/// Both sides' charters by slug, and which head team each surviving base team became:
/// every section of the diff follows a team through a rename.
struct Teams<'a> {
    base: BTreeMap<&'a str, &'a Charter>,
    head: BTreeMap<&'a str, &'a Charter>,
    /// Base slug → head slug, for every team that survives (possibly renamed).
    map: BTreeMap<&'a str, &'a str>,
}

impl<'a> Teams<'a> {
    /// Matches the teams of `base` and `head`: by slug, then a removed team to an added
    /// one of the same name, then by the people and items they share (Jaccard ≥ 0.5, most
    /// similar first). Also the base slugs left removed and the head slugs left added.
    fn matched(base: &'a Handbook, head: &'a Handbook) -> (Self, Vec<&'a str>, Vec<&'a str>) {
        let (b, h) = (charters(base), charters(head));
        let mut map: BTreeMap<&str, &str> = BTreeMap::new();
        for slug in b.keys() {
            if h.contains_key(slug) {
                map.insert(slug, slug);
            }
        }
        let mut removed: Vec<&str> = b.keys().filter(|s| !h.contains_key(*s)).copied().collect();
        let mut added: Vec<&str> = h.keys().filter(|s| !b.contains_key(*s)).copied().collect();
        // Same name under a new slug.
        let by_name: HashMap<&str, &str> = added.iter().map(|s| (h[s].name.as_str(), *s)).collect();
        // The head slugs matched so far (the map's values), looked up once per team.
        let mut taken: HashSet<&str> = map.values().copied().collect();
        removed.retain(|r| match by_name.get(b[r].name.as_str()) {
            Some(a) if taken.insert(a) => {
                map.insert(r, a);
                false
            }
            _ => true,
        });
        added.retain(|a| !taken.contains(a));
        if removed.len() * added.len() <= MAX_SIMILARITY_PAIRS {
            let mut pairs: Vec<(u64, &str, &str)> = Vec::new();
            let prints: HashMap<&str, BTreeSet<String>> =
                added.iter().map(|a| (*a, fingerprint(h[a]))).collect();
            for r in &removed {
                let fr = fingerprint(b[r]);
                for a in &added {
                    let s = jaccard(&fr, &prints[a]);
                    if s >= 0.5 {
                        // Highest similarity first; integer key keeps the order total.
                        pairs.push(((s * 1e6) as u64, r, a));
                    }
                }
            }
            pairs.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(y.1)).then(x.2.cmp(y.2)));
            let mut used: BTreeSet<&str> = BTreeSet::new();
            for (_, r, a) in pairs {
                if !map.contains_key(r) && !used.contains(a) {
                    map.insert(r, a);
                    used.insert(a);
                }
            }
            removed.retain(|r| !map.contains_key(r));
            added.retain(|a| !used.contains(a));
        }
        let teams = Teams {
            base: b,
            head: h,
            map,
        };
        (teams, removed, added)
    }

    /// The name of head team `slug`, else the slug as written.
    fn head_name(&self, slug: &str) -> String {
        self.head
            .get(slug)
            .map_or(slug.to_string(), |c| c.name.clone())
    }

    /// The name of base team `slug`, else the slug as written.
    fn base_name(&self, slug: &str) -> String {
        self.base
            .get(slug)
            .map_or(slug.to_string(), |c| c.name.clone())
    }

    /// Base slug `slug` followed through a rename: its head slug.
    fn followed<'s>(&self, slug: &'s str) -> &'s str
    where
        'a: 's,
    {
        self.map.get(slug).copied().unwrap_or(slug)
    }

    /// What changed in one surviving team (base `from`, head `to`): its name or slug, its
    /// parent, its people, its metrics.
    fn changes(&self, from: &str, to: &str, out: &mut OrgDiff) {
        let (old, new) = (self.base[from], self.head[to]);
        if from != to || old.name != new.name {
            out.teams_renamed.push(Rename {
                from_slug: from.into(),
                to_slug: to.into(),
                from_name: old.name.clone(),
                to_name: new.name.clone(),
            });
        }
        let old_parent = old
            .parent
            .as_ref()
            .map(|crate::model::TeamRef { value: p, .. }| self.followed(p.as_str()));
        let new_parent = new
            .parent
            .as_ref()
            .map(|crate::model::TeamRef { value: p, .. }| p.as_str());
        if old_parent != new_parent {
            out.teams_moved.push(Move {
                team: new.name.clone(),
                from: old
                    .parent
                    .as_ref()
                    .map(|crate::model::TeamRef { value: p, .. }| self.base_name(p)),
                to: new_parent.map(|p| self.head_name(p)),
            });
        }
        member_changes(old, new, out);
        metric_changes(old, new, out);
    }

    /// `owns` items whose owner (followed through renames) changed.
    fn ownership_changes(&self, base: &Handbook, head: &Handbook, out: &mut OrgDiff) {
        let owners = |hb: &Handbook| -> BTreeMap<String, (String, String)> {
            hb.ownership
                .iter()
                .map(|(item, slug)| (item.to_lowercase(), (item.clone(), slug.clone())))
                .collect()
        };
        let (bo, ho) = (owners(base), owners(head));
        for (key, (item, new_owner)) in &ho {
            if let Some((_, old_owner)) = bo.get(key)
                && self.followed(old_owner) != new_owner
            {
                out.ownership_transferred.push(Transfer {
                    item: item.clone(),
                    from: self.base_name(old_owner),
                    to: self.head_name(new_owner),
                });
            }
        }
    }

    /// CODEOWNERS paths whose teams (followed through renames) changed. The last rule for
    /// a pattern is the one the forge applies.
    fn code_owner_changes(&self, base: &Handbook, head: &Handbook, out: &mut OrgDiff) {
        let code = |hb: &Handbook| -> BTreeMap<String, (String, Vec<String>)> {
            let owners = &hb.code_owners;
            let Some(file) = &owners.file else {
                return BTreeMap::new();
            };
            file.rules
                .iter()
                .zip(&owners.rule_teams)
                .map(|(r, teams)| {
                    let key = r.pattern.value.trim_end_matches('/').to_lowercase();
                    (key, (r.pattern.value.clone(), teams.clone()))
                })
                .collect()
        };
        let (bc, hc) = (code(base), code(head));
        let keys: BTreeSet<&String> = bc.keys().chain(hc.keys()).collect();
        for key in keys {
            let old = bc.get(key).map(|(_, t)| t.as_slice()).unwrap_or_default();
            let (pattern, new) = match (hc.get(key), bc.get(key)) {
                (Some((p, t)), _) => (p, t.as_slice()),
                (None, Some((p, _))) => (p, &[][..]),
                (None, None) => continue,
            };
            let followed: Vec<&str> = old.iter().map(|s| self.followed(s)).collect();
            if followed != new.iter().map(String::as_str).collect::<Vec<_>>() {
                out.code_owners_changed.push(CodeOwnerChange {
                    pattern: pattern.clone(),
                    from: old.iter().map(|s| self.base_name(s)).collect(),
                    to: new.iter().map(|s| self.head_name(s)).collect(),
                });
            }
        }
    }
}

/// People (members and lead) who joined or left a surviving team.
fn member_changes(old: &Charter, new: &Charter, out: &mut OrgDiff) {
    let people =
        |c: &Charter| -> BTreeSet<String> { c.members.iter().chain(&c.lead).cloned().collect() };
    let (op, np) = (people(old), people(new));
    for p in np.difference(&op) {
        out.members_joined.push(Membership {
            team: new.name.clone(),
            person: p.clone(),
        });
    }
    for p in op.difference(&np) {
        out.members_left.push(Membership {
            team: new.name.clone(),
            person: p.clone(),
        });
    }
}

/// Metrics of a surviving team added, removed, or with a new target or current value.
fn metric_changes(old: &Charter, new: &Charter, out: &mut OrgDiff) {
    let metrics = |c: &Charter| -> BTreeMap<String, (Option<String>, Option<String>)> {
        c.metrics
            .iter()
            .map(|m| (m.name.clone(), (m.target.clone(), m.current.clone())))
            .collect()
    };
    let (om, nm) = (metrics(old), metrics(new));
    for (name, (t, c)) in &nm {
        let change = |change, from: Option<&String>, to: Option<&String>| MetricChange {
            team: new.name.clone(),
            metric: name.clone(),
            change,
            from: from.cloned(),
            to: to.cloned(),
        };
        match om.get(name) {
            None => out
                .metrics_changed
                .push(change("added", None, t.as_ref().or(c.as_ref()))),
            Some((ot, oc)) => {
                if ot != t {
                    out.metrics_changed
                        .push(change("target", ot.as_ref(), t.as_ref()));
                }
                if oc != c {
                    out.metrics_changed
                        .push(change("current", oc.as_ref(), c.as_ref()));
                }
            }
        }
    }
    for (name, (t, _)) in &om {
        if !nm.contains_key(name) {
            out.metrics_changed.push(MetricChange {
                team: new.name.clone(),
                metric: name.clone(),
                change: "removed",
                from: t.clone(),
                to: None,
            });
        }
    }
}

/// Decisions, by number, whose status changed (or that appeared or went).
fn decision_changes(base: &Handbook, head: &Handbook) -> Vec<DecisionChange> {
    let decisions = |hb: &Handbook| -> BTreeMap<u32, (String, Status)> {
        hb.decisions
            .keys()
            .filter_map(|&n| {
                hb.decision(n)
                    .map(|(_, d)| (n, (d.title.clone(), d.status)))
            })
            .collect()
    };
    let (bd, hd) = (decisions(base), decisions(head));
    let numbers: BTreeSet<u32> = bd.keys().chain(hd.keys()).copied().collect();
    let mut out = Vec::new();
    for n in numbers {
        let (before, after) = (bd.get(&n), hd.get(&n));
        if before.map(|x| x.1) != after.map(|x| x.1) {
            out.push(DecisionChange {
                number: n,
                title: after.or(before).map(|x| x.0.clone()).unwrap_or_default(),
                from: before.map(|x| x.1.as_str()),
                to: after.map(|x| x.1.as_str()),
            });
        }
    }
    out
}

/// Health findings only the head has (introduced) and only the base has (resolved). Keyed
/// by rule and message, not file: a finding that follows its charter to a new file name is
/// neither new nor resolved.
fn finding_changes(base: &Snapshot, head: &Snapshot) -> (Vec<FindingRef>, Vec<FindingRef>) {
    let findings = |s: &Snapshot| -> BTreeMap<(&'static str, String), String> {
        s.health
            .findings
            .iter()
            .map(|f| {
                (
                    (f.rule, f.message.clone()),
                    s.handbook.docs[f.doc].source.path.clone(),
                )
            })
            .collect()
    };
    let (bf, hf) = (findings(base), findings(head));
    let only = |a: &BTreeMap<(&'static str, String), String>,
                b: &BTreeMap<(&'static str, String), String>| {
        let mut v: Vec<FindingRef> = a
            .iter()
            .filter(|(k, _)| !b.contains_key(*k))
            .map(|((rule, message), file)| FindingRef {
                rule,
                file: file.clone(),
                message: message.clone(),
            })
            .collect();
        v.sort();
        v
    };
    (only(&hf, &bf), only(&bf, &hf))
}

/// Markdown for a pull-request comment.
pub fn markdown(d: &OrgDiff) -> String {
    let mut out = String::from("## Org changes\n\n");
    if d.is_empty() {
        out.push_str(
            "No change to teams, people, ownership, metrics, decisions or health findings.\n",
        );
        return out;
    }
    let mut section = |title: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            out.push_str(&format!("### {title}\n\n"));
            for l in lines {
                out.push_str(&format!("- {l}\n"));
            }
            out.push('\n');
        }
    };
    let parent = |p: &Option<String>| {
        p.as_deref()
            .map_or("top level".to_string(), |p| format!("`{p}`"))
    };
    let mut teams = Vec::new();
    teams.extend(d.teams_added.iter().map(|t| {
        format!(
            "Added **{}** (`{}`) under {}",
            md(&t.name),
            t.slug,
            parent(&t.parent)
        )
    }));
    teams.extend(
        d.teams_removed
            .iter()
            .map(|t| format!("Removed **{}** (`{}`)", md(&t.name), t.slug)),
    );
    teams.extend(d.teams_renamed.iter().map(|r| {
        format!(
            "Renamed **{}** (`{}`) → **{}** (`{}`)",
            md(&r.from_name),
            r.from_slug,
            md(&r.to_name),
            r.to_slug
        )
    }));
    teams.extend(d.teams_moved.iter().map(|m| {
        let name = |p: &Option<String>| p.as_deref().map_or("top level".to_string(), md);
        format!(
            "Moved **{}**: {} → {}",
            md(&m.team),
            name(&m.from),
            name(&m.to)
        )
    }));
    section("Teams", teams);
    let mut people = Vec::new();
    people.extend(
        d.members_joined
            .iter()
            .map(|m| format!("{} joined **{}**", md(&m.person), md(&m.team))),
    );
    people.extend(
        d.members_left
            .iter()
            .map(|m| format!("{} left **{}**", md(&m.person), md(&m.team))),
    );
    section("People", people);
    section(
        "Ownership",
        d.ownership_transferred
            .iter()
            .map(|t| format!("{}: {} → {}", md(&t.item), md(&t.from), md(&t.to)))
            .collect(),
    );
    let teams = |names: &[String]| match names {
        [] => "no team".to_string(),
        names => names.iter().map(|n| md(n)).collect::<Vec<_>>().join(", "),
    };
    section(
        "Code owners",
        d.code_owners_changed
            .iter()
            .map(|c| {
                format!(
                    "`{}`: {} → {}",
                    c.pattern.replace('`', "'"),
                    teams(&c.from),
                    teams(&c.to)
                )
            })
            .collect(),
    );
    let opt = |v: &Option<String>| v.as_deref().map_or("—".to_string(), md);
    section(
        "Metrics",
        d.metrics_changed
            .iter()
            .map(|m| match m.change {
                "added" => format!("**{}** · {}: added", md(&m.team), md(&m.metric)),
                "removed" => format!("**{}** · {}: removed", md(&m.team), md(&m.metric)),
                kind => format!(
                    "**{}** · {}: {kind} {} → {}",
                    md(&m.team),
                    md(&m.metric),
                    opt(&m.from),
                    opt(&m.to)
                ),
            })
            .collect(),
    );
    section(
        "Decisions",
        d.decisions
            .iter()
            .map(|c| {
                let what = match (c.from, c.to) {
                    (None, Some("proposed")) => "proposed".to_string(),
                    (None, Some(s)) => format!("added as {s}"),
                    (Some(_), None) => "removed".to_string(),
                    (Some(a), Some(b)) => format!("{a} → {b}"),
                    (None, None) => String::new(),
                };
                format!("ADR {} “{}”: {what}", c.number, md(&c.title))
            })
            .collect(),
    );
    let finding = |change: &str, f: &FindingRef| {
        format!(
            "{change} `{}`: {} (`{}`)",
            f.rule,
            md_with_code(&f.message),
            f.file
        )
    };
    let findings = (d.findings_introduced.iter().map(|f| finding("New", f)))
        .chain(d.findings_resolved.iter().map(|f| finding("Resolved", f)))
        .collect();
    section("Health findings", findings);
    out.trim_end().to_string() + "\n"
}

/// Content in a pull-request comment must not open links, images or HTML of its own.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!'
        ) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out
}

/// [`md`] for text that holds code spans of its own (a finding's message: "`problem`
/// is a placeholder"): each whole span is kept as written, since nothing inside one
/// opens a link or HTML, and escaping its backticks would show them as `\``. A backtick
/// run that closes no span is escaped like any other character.
fn md_with_code(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('`') {
        let run = rest[open..].len() - rest[open..].trim_start_matches('`').len();
        let after = &rest[open + run..];
        // The span closes at the next run of exactly as many backticks.
        let mut close = None;
        let mut at = 0;
        while let Some(i) = after[at..].find('`') {
            let start = at + i;
            let len = after[start..].len() - after[start..].trim_start_matches('`').len();
            if len == run {
                close = Some(start);
                break;
            }
            at = start + len;
        }
        out.push_str(&md(&rest[..open]));
        match close {
            Some(c) => {
                let span = &rest[open..open + run + c + run];
                out.push_str(&span.replace(['\n', '\r'], " "));
                rest = &after[c + run..];
            }
            None => {
                out.push_str(&md(&rest[open..open + run]));
                rest = after;
            }
        }
    }
    out.push_str(&md(rest));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_in_messages_stay_code() {
        assert_eq!(
            md_with_code("`problem` is a placeholder, see [x](y)"),
            "`problem` is a placeholder, see \\[x\\](y)"
        );
        assert_eq!(md_with_code("a ``b ` c`` d"), "a ``b ` c`` d");
        // An unclosed backtick opens nothing, and <b> stays text outside a span.
        assert_eq!(md_with_code("`open <b>"), "\\`open \\<b\\>");
        assert_eq!(md_with_code("`<img src=x>`"), "`<img src=x>`");
    }

    #[test]
    fn markdown_escapes_content() {
        assert_eq!(md("a *b* [x](y) <img>"), "a \\*b\\* \\[x\\](y) \\<img\\>");
    }

    #[test]
    fn jaccard_of_sets() {
        let a: BTreeSet<String> = ["p:a", "p:b"].iter().map(|s| s.to_string()).collect();
        let b: BTreeSet<String> = ["p:a", "p:c"].iter().map(|s| s.to_string()).collect();
        assert!((jaccard(&a, &b) - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(jaccard(&BTreeSet::new(), &BTreeSet::new()), 0.0);
    }
}
