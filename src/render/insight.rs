//! Pages and page parts of org insight: a page per person (`people/<slug>.html`) and the
//! people index, the interactions view of the org map (`interactions.html`), and what team,
//! decision and health pages add — person links, who a team depends on and who depends on
//! it, metric sparklines with their trend, the health page's summary, "where decisions
//! wait" and the velocity chart. The numbers come from [`crate::health::Health`]; this
//! module only shapes them for templates.

use super::context::*;
use super::{OutputFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::health::Health;
use crate::insight::latency::Latency;
use crate::insight::metrics::{self, Direction};
use crate::insight::people::{self, Person};
use crate::insight::svg;
use crate::model::{Charter, InteractionMode};
use crate::orgmap::interactions::{self, Edge, Row};
use crate::text::counted;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Serialize)]
struct PersonPage<'a> {
    #[serde(flatten)]
    base: Base<'a>,
    person: PersonDetail,
}

#[derive(Serialize)]
struct PersonDetail {
    name: String,
    slug: String,
    /// The first [`PERSON_TEAMS`] of each; the totals count them all.
    lead_of: Vec<Link>,
    member_of: Vec<Link>,
    lead_of_total: usize,
    member_of_total: usize,
    roles: Vec<&'static str>,
    /// The newest [`PERSON_LIST`] of each; the totals count them all.
    waiting: Vec<DecisionSummary>,
    decided: Vec<DecisionSummary>,
    waiting_total: usize,
    decided_total: usize,
    /// The newest [`PERSON_LIST`] decisions they wrote (`authors`), and how many in all.
    authored: Vec<DecisionSummary>,
    authored_total: usize,
    latency: Option<Latency>,
    type1: usize,
    type1_share: Option<u32>,
    /// Their teams' rows in the interactions map (of their first [`PERSON_INTERACTIONS`]
    /// teams in it).
    interactions: Vec<Link>,
}

#[derive(Serialize)]
struct PeopleIndex<'a> {
    #[serde(flatten)]
    base: Base<'a>,
    /// This part's people, and everyone's count.
    people: Vec<PersonRow>,
    total: usize,
    pager: Pager,
}

/// Rows on one page of the people index (about 140 bytes each).
const PEOPLE_PER_PAGE: usize = 1000;

#[derive(Serialize)]
struct InteractionsPage<'a> {
    #[serde(flatten)]
    base: Base<'a>,
    svg: String,
    teams: Vec<InteractionsTeam>,
    /// Interactions in the whole view, and those drawn on this part (between its teams).
    interactions: usize,
    drawn: usize,
    /// Charters in the whole view (this part lists `teams`).
    charters: usize,
    pager: Pager,
}

#[derive(Serialize)]
struct InteractionsTeam {
    #[serde(flatten)]
    summary: TeamSummary,
    lead_link: Option<PersonLink>,
    topology: Option<&'static str>,
    depends_on: Vec<InteractionEntry>,
    depended_on_by: Vec<InteractionEntry>,
    depended_on_by_more: usize,
    interactions: InteractionGroups,
}

/// A team's interactions as [`Renderer::interaction_lists`] gives them.
struct InteractionLists {
    depends_on: Vec<InteractionEntry>,
    depended_on_by: Vec<InteractionEntry>,
    depended_on_by_more: usize,
    groups: InteractionGroups,
}

/// Teams listed as depending on a team, on its page and in the interactions view, before
/// the list counts the rest: a platform every team uses would otherwise list them all.
pub const DEPENDED_ON_BY_SHOWN: usize = 100;

/// How many decisions a person page lists in each of its two tables.
const PERSON_LIST: usize = 50;

/// Teams a person page lists under "Leads" and under "Member of".
const PERSON_TEAMS: usize = 100;

/// Links to the interactions map's rows of a person's teams on their page.
const PERSON_INTERACTIONS: usize = 20;

pub fn person_link(name: &str) -> PersonLink {
    PersonLink {
        name: name.to_string(),
        url: people::url(name),
    }
}

fn latency_row(health: &Health, p: &Person) -> PersonRow {
    PersonRow {
        name: p.name.clone(),
        url: format!("people/{}.html", p.slug),
        waiting: p.waiting.len(),
        decided: p.decisions.len() - p.waiting.len(),
        latency: p.latency,
        type1_share: health.people.type1_share(p),
    }
}

impl Renderer<'_> {
    fn team_link(&self, slug: &str) -> Option<Link> {
        self.handbook.team(slug).map(|(d, c)| Link {
            title: c.name.clone(),
            url: d.url.clone(),
        })
    }

    /// What `c` lists in `[[interactions]]`, the first teams that list `c` and how many
    /// more do, and the same grouped by mode and direction.
    fn interaction_lists(&self, c: &Charter) -> InteractionLists {
        let mut groups = InteractionGroups::default();
        let depends_on: Vec<InteractionEntry> = c
            .interactions
            .iter()
            .filter_map(|i| {
                Some(InteractionEntry {
                    team: self.team_link(&i.team.value)?,
                    mode: i.mode.as_str(),
                    about: i.about.clone(),
                })
            })
            .collect();
        // A charter lists few interactions: a linear search of the collaborations found so
        // far is cheaper than a set, and keeps the declared order.
        let mut collaborators: Vec<&str> = Vec::new();
        for (i, entry) in c
            .interactions
            .iter()
            .filter(|i| self.handbook.team(&i.team.value).is_some())
            .zip(&depends_on)
        {
            let group = match i.mode {
                InteractionMode::Collaboration => {
                    if collaborators.contains(&i.team.value.as_str()) {
                        continue;
                    }
                    collaborators.push(&i.team.value);
                    &mut groups.collaborates_with
                }
                InteractionMode::XAsAService => &mut groups.uses,
                InteractionMode::Facilitating => &mut groups.facilitates,
            };
            group.push(entry.clone());
        }
        let users = self
            .health
            .depended_on_by
            .get(&c.slug)
            .map_or(&[][..], Vec::as_slice);
        let mut depended_on_by = Vec::new();
        for other in users.iter().take(DEPENDED_ON_BY_SHOWN) {
            let Some((doc, o)) = self.handbook.team(other) else {
                continue;
            };
            let Some(i) = o.interactions.iter().find(|i| i.team.value == c.slug) else {
                continue;
            };
            let entry = InteractionEntry {
                team: Link {
                    title: o.name.clone(),
                    url: doc.url.clone(),
                },
                mode: i.mode.as_str(),
                about: i.about.clone(),
            };
            match i.mode {
                InteractionMode::Collaboration => {
                    // Listed by both charters: shown once, with this team's `about` unless
                    // it wrote none.
                    match collaborators.iter().position(|t| *t == other.as_str()) {
                        Some(at) => {
                            let ours = &mut groups.collaborates_with[at];
                            if ours.about.is_none() {
                                ours.about.clone_from(&entry.about);
                            }
                        }
                        None => groups.collaborates_with.push(entry.clone()),
                    }
                }
                InteractionMode::XAsAService => groups.used_by.push(entry.clone()),
                InteractionMode::Facilitating => groups.facilitated_by.push(entry.clone()),
            }
            depended_on_by.push(entry);
        }
        let more = users.len().saturating_sub(DEPENDED_ON_BY_SHOWN);
        groups.listed_by_more = more;
        groups.any = more > 0
            || !(groups.collaborates_with.is_empty()
                && groups.uses.is_empty()
                && groups.facilitates.is_empty()
                && groups.used_by.is_empty()
                && groups.facilitated_by.is_empty());
        InteractionLists {
            depends_on,
            depended_on_by,
            depended_on_by_more: more,
            groups,
        }
    }

    pub(super) fn team_insight(&self, c: &Charter) -> TeamInsight {
        let InteractionLists {
            depends_on,
            depended_on_by,
            depended_on_by_more,
            groups,
        } = self.interaction_lists(c);
        let metrics = c
            .metrics
            .iter()
            .map(|m| {
                let target = m.target.as_deref().and_then(metrics::parse_target);
                let trend = metrics::trend(&m.history);
                MetricView {
                    name: m.name.clone(),
                    target: m.target.clone(),
                    current: m.current.clone(),
                    direction: target.as_ref().and_then(|t| match t.direction {
                        Direction::AtMost => Some("lower is better"),
                        Direction::AtLeast => Some("higher is better"),
                        Direction::Exactly => None,
                    }),
                    target_unparsed: m.target.is_some() && target.is_none(),
                    sparkline: (!m.history.is_empty()).then(|| {
                        svg::sparkline(&m.history, target.as_ref(), &format!("{}: history", m.name))
                    }),
                    trend: trend.map(|t| match t {
                        metrics::Trend::Up => "up",
                        metrics::Trend::Down => "down",
                        metrics::Trend::Flat => "flat",
                    }),
                    trend_arrow: trend.map(metrics::Trend::arrow),
                    last: m.history.last().map(|p| crate::health::fmt_number(p.1)),
                    last_date: m.history.last().map(|p| p.0.to_string()),
                    points: m.history.len(),
                }
            })
            .collect();
        TeamInsight {
            lead: c.lead.as_deref().map(person_link),
            members: c.members.iter().map(|m| person_link(m)).collect(),
            topology: c.topology.map(|t| t.as_str()),
            depends_on,
            depended_on_by,
            depended_on_by_more,
            interactions: groups,
            metrics,
        }
    }

    /// The trend arrow of a team's primary metric, for its org map node.
    pub(super) fn primary_trend(&self, c: &Charter) -> Option<&'static str> {
        c.metrics
            .first()
            .and_then(|m| metrics::trend(&m.history))
            .map(metrics::Trend::arrow)
    }

    pub(super) fn health_insight(&self, health: &Health) -> HealthInsight {
        let hb = self.handbook;
        let cfg = &hb.config;
        let mut waiting: Vec<&Person> = health
            .people
            .people
            .values()
            .filter(|p| !p.decisions.is_empty())
            .collect();
        waiting.sort_by(|a, b| {
            let median = |p: &Person| p.latency.map_or(-1, |l| l.median_days);
            (b.waiting.len(), median(b), &a.name).cmp(&(a.waiting.len(), median(a), &b.name))
        });
        let count = |rule: &str| health.findings.iter().filter(|f| f.rule == rule).count();
        let open_proposals: usize = hb
            .decisions
            .keys()
            .filter_map(|&n| hb.decision(n))
            .filter(|(_, d)| d.status == crate::model::Status::Proposed)
            .count();
        let waited_on = waiting.iter().filter(|p| !p.waiting.is_empty()).count();
        let most = waiting.first().filter(|p| !p.waiting.is_empty());
        let top = most
            .map(|p| format!("; most on {} ({})", p.name, p.waiting.len()))
            .unwrap_or_default();
        let top_name = most.map(|p| p.name.clone());
        let top_waiting = most.map_or(0, |p| p.waiting.len());
        let t2 = health.velocity.by_type.iter().find(|(t, _)| *t == 2);
        let metrics_with_history: usize = hb
            .teams
            .keys()
            .filter_map(|s| hb.team(s))
            .map(|(_, c)| c.metrics.iter().filter(|m| !m.history.is_empty()).count())
            .sum();
        let metrics_total: usize = hb
            .teams
            .keys()
            .filter_map(|s| hb.team(s))
            .map(|(_, c)| c.metrics.len())
            .sum();
        let summary = vec![
            SummaryLine {
                question: "Where do decisions wait?",
                key: "decisions_wait",
                figures: figures(&[
                    ("open", open_proposals as i64),
                    ("people", waited_on as i64),
                    ("overloaded", count("decider-overload") as i64),
                    ("slow", count("slow-decider") as i64),
                    ("top_waiting", top_waiting as i64),
                ]),
                top: top_name.clone(),
                answer: format!(
                    "{} {} on {}{top}; {} overloaded, {} slow",
                    counted(open_proposals, "open proposal", "open proposals"),
                    if open_proposals == 1 { "waits" } else { "wait" },
                    counted(waited_on, "person", "people"),
                    count("decider-overload"),
                    count("slow-decider")
                ),
                anchor: "where-decisions-wait".into(),
                count: count("decider-overload") + count("slow-decider"),
            },
            SummaryLine {
                question: "Do reversible decisions move fast?",
                key: "reversible_fast",
                figures: figures(&[
                    ("median", t2.map_or(-1, |(_, l)| l.median_days)),
                    ("threshold", cfg.decisions.type2_days),
                    ("slow", count("type2-slow") as i64),
                    ("escalated", count("type2-escalated") as i64),
                    ("alone", count("type1-unescalated") as i64),
                ]),
                top: None,
                answer: format!(
                    "Type 2 median {} days (threshold {}); {} slow, {} escalated; {} taken by the team alone",
                    t2.map_or("–".to_string(), |(_, l)| l.median_days.to_string()),
                    cfg.decisions.type2_days,
                    count("type2-slow"),
                    count("type2-escalated"),
                    counted(
                        count("type1-unescalated"),
                        "Type 1 decision",
                        "Type 1 decisions"
                    )
                ),
                anchor: "rule-type2-slow".into(),
                count: count("type2-slow") + count("type2-escalated") + count("type1-unescalated"),
            },
            SummaryLine {
                question: "Which teams cannot ship alone?",
                key: "ship_alone",
                figures: figures(&[
                    ("dependent", count("too-many-dependencies") as i64),
                    ("one_way", count("one-way-collaboration") as i64),
                    ("unused", count("platform-without-consumers") as i64),
                ]),
                top: None,
                answer: format!(
                    "{} with too many collaborations, {}, {} without consumers",
                    counted(count("too-many-dependencies"), "team", "teams"),
                    counted(
                        count("one-way-collaboration"),
                        "one-way collaboration",
                        "one-way collaborations"
                    ),
                    counted(count("platform-without-consumers"), "platform", "platforms")
                ),
                anchor: "rule-too-many-dependencies".into(),
                count: count("too-many-dependencies")
                    + count("one-way-collaboration")
                    + count("platform-without-consumers"),
            },
            SummaryLine {
                question: "Which metrics are not moving or not measured?",
                key: "metrics",
                figures: figures(&[
                    ("with_history", metrics_with_history as i64),
                    ("metrics", metrics_total as i64),
                    ("stale", count("metric-stale") as i64),
                    ("off_target", count("metric-off-target") as i64),
                    ("no_target", count("no-metric-target") as i64),
                ]),
                top: None,
                answer: format!(
                    "{metrics_with_history} of {} {} a history; {} stale, {} moving away from target, {} with a metric without target",
                    counted(metrics_total, "metric", "metrics"),
                    if metrics_with_history == 1 {
                        "has"
                    } else {
                        "have"
                    },
                    count("metric-stale"),
                    count("metric-off-target"),
                    counted(count("no-metric-target"), "team", "teams")
                ),
                anchor: "rule-metric-stale".into(),
                count: count("metric-stale")
                    + count("metric-off-target")
                    + count("no-metric-target"),
            },
            SummaryLine {
                question: "Which charters are stale or oversized?",
                key: "charters",
                figures: figures(&[
                    ("stale", count("stale-charter") as i64),
                    ("oversized", count("oversized-team") as i64),
                    ("empty", count("empty-group") as i64),
                ]),
                top: None,
                answer: format!(
                    "{}, {}, {}",
                    counted(count("stale-charter"), "stale charter", "stale charters"),
                    counted(count("oversized-team"), "oversized team", "oversized teams"),
                    counted(count("empty-group"), "empty group", "empty groups")
                ),
                anchor: "rule-stale-charter".into(),
                count: count("stale-charter") + count("oversized-team") + count("empty-group"),
            },
        ];
        // The limits as numbers, for the template to word (`threshold_<rule>`), and as
        // English sentences for themes that show `thresholds`.
        let limits: HashMap<&'static str, i64> = [
            (
                "decider-overload",
                cfg.decisions.max_open_per_decider as i64,
            ),
            ("slow-decider", cfg.decisions.decider_days),
            ("type2-escalated", cfg.decisions.type2_max_deciders as i64),
            ("type2-slow", cfg.decisions.type2_days),
            ("too-many-dependencies", cfg.teams.max_collaborations as i64),
            ("metric-stale", cfg.teams.metric_days),
        ]
        .into_iter()
        .collect();
        let english = crate::ui_text::UiText::english();
        let thresholds = limits
            .iter()
            .map(|(rule, n)| {
                let key = format!("threshold_{}", rule.replace('-', "_"));
                let word = english.word(&key).unwrap_or_default();
                (*rule, word.replace("{n}", &n.to_string()))
            })
            .collect();
        HealthInsight {
            summary,
            limits,
            waiting_more: waiting.len().saturating_sub(super::context::HEALTH_ROWS),
            waiting: waiting
                .into_iter()
                .take(super::context::HEALTH_ROWS)
                .map(|p| latency_row(health, p))
                .collect(),
            velocity_svg: (!health.quarters.is_empty())
                .then(|| svg::velocity_chart(&health.quarters)),
            quarters: health.quarters.clone(),
            decider_days: cfg.decisions.decider_days,
            max_open_per_decider: cfg.decisions.max_open_per_decider,
            thresholds,
        }
    }

    /// `people/<slug>.html` for everyone, and `people.html`.
    pub(super) fn people_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let health = self.health;
        // In parallel: at 10,000 pages there are over a thousand people, and as one job
        // they would be the last thing the render stage waits for.
        let people: Vec<&Person> = health.people.people.values().collect();
        let mut out: Vec<Result<OutputFile, Diagnostic>> =
            people.par_iter().map(|p| self.person_page(p)).collect();
        let mut rows: Vec<PersonRow> = health
            .people
            .people
            .values()
            .map(|p| latency_row(health, p))
            .collect();
        rows.sort_by(|a, b| (a.name.to_lowercase(), &a.url).cmp(&(b.name.to_lowercase(), &b.url)));
        // Split by name so that the index does not grow with the organisation.
        let total = rows.len();
        let chunks = super::paginate::chunks(rows, PEOPLE_PER_PAGE);
        let many = chunks.len() > 1;
        let parts = super::paginate::part_links(&chunks, "people.html", |a, b| {
            many.then(|| format!("{} – {}", a.name, b.name))
        });
        let pagers = super::paginate::pagers(&parts);
        for (people, pager) in chunks.into_iter().zip(pagers) {
            let url = parts[pager.part - 1].url.clone();
            let ctx = PeopleIndex {
                base: self.base(&url, pager.titled("People"), None, "people"),
                people,
                total,
                pager,
            };
            out.push(self.render("people.html", &url, &ctx));
        }
        out
    }

    fn person_page(&self, p: &Person) -> Result<OutputFile, Diagnostic> {
        let url = format!("people/{}.html", p.slug);
        // At most PERSON_TEAMS each: someone listed in every charter of a large org (a bot,
        // an executive) must not get a page that grows with the handbook.
        let links = |slugs: &[String]| {
            slugs
                .iter()
                .take(PERSON_TEAMS)
                .filter_map(|s| self.team_link(s))
                .collect()
        };
        let mut roles = Vec::new();
        if !p.lead_of.is_empty() {
            roles.push("lead");
        }
        if !p.member_of.is_empty() {
            roles.push("member");
        }
        if !p.decisions.is_empty() {
            roles.push("decider");
        }
        if !p.authored.is_empty() {
            roles.push("author");
        }
        let summaries = |nums: &mut dyn Iterator<Item = &u32>| -> Vec<DecisionSummary> {
            nums.filter_map(|&n| self.decision_summary_of(n)).collect()
        };
        // Newest first, at most PERSON_LIST each: a page must not grow with the handbook.
        let waiting = summaries(&mut p.waiting.iter().rev().take(PERSON_LIST));
        // A set: a busy decider can have hundreds of decisions and tens of open ones.
        let open: std::collections::BTreeSet<u32> = p.waiting.iter().copied().collect();
        let decided = summaries(
            &mut p
                .decisions
                .iter()
                .rev()
                .filter(|n| !open.contains(n))
                .take(PERSON_LIST),
        );
        let ctx = PersonPage {
            base: self.base(&url, p.name.clone(), None, "people"),
            person: PersonDetail {
                name: p.name.clone(),
                slug: p.slug.clone(),
                lead_of: links(&p.lead_of),
                member_of: links(&p.member_of),
                lead_of_total: p.lead_of.len(),
                member_of_total: p.member_of.len(),
                roles,
                waiting,
                decided,
                waiting_total: p.waiting.len(),
                decided_total: p.decisions.len() - p.waiting.len(),
                authored: summaries(&mut p.authored.iter().rev().take(PERSON_LIST)),
                authored_total: p.authored.len(),
                latency: p.latency,
                type1: p.type1,
                type1_share: self.health.people.type1_share(p),
                interactions: p
                    .lead_of
                    .iter()
                    .chain(&p.member_of)
                    .filter(|s| in_map(self.handbook, s))
                    .take(PERSON_INTERACTIONS)
                    .filter_map(|s| self.team_link(s).map(|l| (s, l)))
                    .map(|(s, l)| Link {
                        title: format!("{} in the interactions map", l.title),
                        url: self.interactions_url(s),
                    })
                    .collect(),
            },
        };
        self.render("person.html", &url, &ctx)
    }

    /// Where a team's row of the interactions view is: `interactions.html#ix-<slug>`, or
    /// the later part that draws it.
    pub(super) fn interactions_url(&self, slug: &str) -> String {
        let part = self.nav().ix_part.get(slug).copied().unwrap_or(0);
        format!(
            "{}#ix-{slug}",
            super::paginate::part_url("interactions.html", part)
        )
    }

    /// The interactions view, split into parts of [`IX_PER_PAGE`] charters in hierarchy
    /// order so that no part grows with the handbook. Each part draws the arcs between
    /// its own teams; its list names every interaction of its teams, those with teams on
    /// other parts included, so nothing declared is out of reach.
    pub(super) fn interactions_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let all = self.hierarchy();
        let total = all.len();
        let part_of = ix_parts(self.handbook);
        let mut chunks: Vec<Vec<TeamSummary>> = vec![Vec::new()];
        for (t, part) in all.into_iter().zip(part_of) {
            while chunks.len() <= part {
                chunks.push(Vec::new());
            }
            chunks[part].push(t);
        }
        let many = chunks.len() > 1;
        let parts = super::paginate::part_links(&chunks, "interactions.html", |a, b| {
            many.then(|| format!("{} – {}", a.name, b.name))
        });
        let pagers = super::paginate::pagers(&parts);
        // Each top-level group's place, for the colour bands: looked up per team, so a
        // map, not a scan of the roots (thousands of them in a flat organisation).
        let root_index: HashMap<&str, usize> = self
            .handbook
            .roots()
            .into_iter()
            .enumerate()
            .map(|(i, r)| (r, i))
            .collect();
        chunks
            .into_iter()
            .zip(pagers)
            .map(|(order, pager)| self.interactions_page(order, pager, total, &root_index))
            .collect()
    }

    fn interactions_page(
        &self,
        order: Vec<TeamSummary>,
        pager: super::context::Pager,
        total: usize,
        root_index: &HashMap<&str, usize>,
    ) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let url = super::paginate::part_url("interactions.html", pager.part - 1);
        // Top-level group of each team, for the colour band.
        let group_of = |slug: &str| {
            let top = hb.ancestors(slug).first().copied().unwrap_or(slug);
            root_index.get(top).copied().unwrap_or(0)
        };
        // Every team has a row (groups are the colour bands), so any team page can link
        // to its place in the map, and a team nobody works with shows as exactly that.
        let involved = |slug: &str| in_map(hb, slug);
        let rows: Vec<Row> = order
            .iter()
            .filter(|t| involved(&t.slug))
            .filter_map(|t| hb.team(&t.slug))
            .map(|(doc, c)| Row {
                slug: c.slug.clone(),
                name: c.name.clone(),
                url: doc.url.clone(),
                topology: c.topology.map(|t| t.as_str()),
                group: group_of(&c.slug),
            })
            .collect();
        let index: HashMap<&str, usize> = rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.slug.as_str(), i))
            .collect();
        let mut edges = Vec::new();
        for (from, r) in rows.iter().enumerate() {
            let Some((_, c)) = hb.team(&r.slug) else {
                continue;
            };
            for i in &c.interactions {
                if let Some(&to) = index.get(i.team.value.as_str())
                    && to != from
                {
                    edges.push(Edge {
                        from,
                        to,
                        mode: i.mode.as_str(),
                    });
                }
            }
        }
        edges.sort();
        edges.dedup();
        let teams = order
            .into_iter()
            .filter_map(|t| {
                let (_, c) = hb.team(&t.slug)?;
                let InteractionLists {
                    depends_on,
                    depended_on_by,
                    depended_on_by_more,
                    groups,
                } = self.interaction_lists(c);
                Some(InteractionsTeam {
                    lead_link: c.lead.as_deref().map(person_link),
                    topology: c.topology.map(|t| t.as_str()),
                    depends_on,
                    depended_on_by,
                    depended_on_by_more,
                    interactions: groups,
                    summary: t,
                })
            })
            .collect();
        let declared = if pager.parts > 1 {
            self.nav().ix_interactions
        } else {
            edges.len()
        };
        let ctx = InteractionsPage {
            base: self.base(&url, pager.titled("Team interactions"), None, "orgmap"),
            svg: interactions::render(&rows, &edges),
            interactions: declared,
            drawn: edges.len(),
            charters: total,
            teams,
            pager,
        };
        self.render("interactions.html", &url, &ctx)
    }
}

/// How much one part of the interactions view holds: a charter counts 1 (its row and
/// list entry, about 400 bytes) plus 1 per interaction it declares or receives (an arc and
/// a list line, about 300 bytes), so a part stays under about 250 KB however many
/// interactions the teams declare.
pub const IX_PART_WEIGHT: usize = 600;

/// The part of the interactions view each charter is on, in hierarchy order
/// ([`hierarchy_slugs`]): consecutive charters fill a part up to [`IX_PART_WEIGHT`].
pub fn ix_parts(hb: &crate::link::Handbook) -> Vec<usize> {
    let order = hierarchy_slugs(hb);
    let mut received: HashMap<&str, usize> = HashMap::new();
    for slug in &order {
        if let Some((_, c)) = hb.team(slug) {
            for i in &c.interactions {
                *received.entry(i.team.value.as_str()).or_default() += 1;
            }
        }
    }
    let mut part = 0;
    let mut filled = 0;
    order
        .iter()
        .map(|slug| {
            let declared = hb.team(slug).map_or(0, |(_, c)| c.interactions.len());
            // The view lists at most DEPENDED_ON_BY_SHOWN of the teams using one team.
            let used_by = received.get(slug).copied().unwrap_or(0);
            let weight = 1 + declared + used_by.min(DEPENDED_ON_BY_SHOWN);
            if filled > 0 && filled + weight > IX_PART_WEIGHT {
                part += 1;
                filled = 0;
            }
            filled += weight;
            part
        })
        .collect()
}

/// Every charter's slug in hierarchy order (roots by name, each followed by its subtree),
/// as [`Renderer::hierarchy`] lists them.
pub fn hierarchy_slugs(hb: &crate::link::Handbook) -> Vec<&str> {
    let mut out = Vec::with_capacity(hb.teams.len());
    let mut stack: Vec<&str> = hb.roots().into_iter().rev().collect();
    while let Some(slug) = stack.pop() {
        if hb.team(slug).is_none() {
            continue;
        }
        out.push(slug);
        if let Some(kids) = hb.children.get(slug) {
            stack.extend(kids.iter().rev().map(String::as_str));
        }
    }
    out
}

/// Distinct interactions between teams of the map, as the whole view would draw them.
pub fn count_interactions(hb: &crate::link::Handbook) -> usize {
    let mut edges: Vec<(&str, &str, &str)> = Vec::new();
    for slug in hierarchy_slugs(hb) {
        if !in_map(hb, slug) {
            continue;
        }
        let Some((_, c)) = hb.team(slug) else {
            continue;
        };
        for i in &c.interactions {
            let to = i.team.value.as_str();
            if to != slug && in_map(hb, to) {
                edges.push((slug, to, i.mode.as_str()));
            }
        }
    }
    edges.sort_unstable();
    edges.dedup();
    edges.len()
}

/// Whether a charter has a row in the interactions map: teams do, groups do not.
fn in_map(hb: &crate::link::Handbook, slug: &str) -> bool {
    hb.team(slug)
        .is_some_and(|(_, c)| c.kind == crate::model::TeamKind::Team)
}

/// A summary line's numbers by name, for the template to word in the page's language.
fn figures(named: &[(&'static str, i64)]) -> std::collections::BTreeMap<&'static str, i64> {
    named.iter().copied().collect()
}
