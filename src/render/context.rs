//! Typed template contexts: what each template can use, as `#[derive(Serialize)]` structs
//! (documented for theme authors in docs/theming.md). Every field is always present (absent
//! values are `null`), so templates never trip over undefined variables.
//!
//! All URLs in contexts are relative to the site root; templates prefix them with `root`
//! (e.g. `{{ root }}{{ team.url }}`), which makes every link relative and the site portable.

use serde::Serialize;

/// Shared by every page.
#[derive(Serialize)]
pub struct Base<'a> {
    pub site: SiteInfo<'a>,
    /// The way back to the site root from this page, e.g. `../`.
    pub root: String,
    /// This page's path relative to the site root.
    pub url: String,
    /// `<title>` text.
    pub title: String,
    pub description: Option<String>,
    /// Which top-level section is current, for the navigation.
    pub section: &'static str,
    /// True only under `orgbook serve`: templates include the live-reload script.
    pub live_reload: bool,
}

#[derive(Serialize, Clone)]
pub struct SiteInfo<'a> {
    pub title: &'a str,
    pub base_url: Option<&'a str>,
    pub generator: &'static str,
    /// The handbook has charters / decision records: without them the navigation leaves
    /// out the org pages, which would be empty.
    pub has_teams: bool,
    pub has_decisions: bool,
    /// The search box's placeholder, naming what this handbook holds.
    pub search_placeholder: &'static str,
}

#[derive(Serialize, Clone)]
pub struct Link {
    pub title: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct TeamSummary {
    pub slug: String,
    pub name: String,
    pub kind: &'static str,
    pub url: String,
    pub problem: Option<String>,
    pub lead: Option<String>,
    pub size: usize,
    pub primary_metric: Option<String>,
    /// Depth in the hierarchy (0 = top level), for indented listings.
    pub depth: usize,
}

#[derive(Serialize, Clone)]
pub struct DecisionSummary {
    pub number: u32,
    /// Zero-padded, e.g. `0007`.
    pub id: String,
    pub title: String,
    pub url: String,
    pub status: &'static str,
    #[serde(rename = "type")]
    pub decision_type: crate::model::DecisionType,
    pub date: String,
    pub decided: Option<String>,
    pub team: Option<Link>,
}

#[derive(Serialize)]
pub struct ContactEntry {
    pub key: String,
    pub value: String,
    /// A usable link for e-mail addresses and URLs, `None` for plain text (chat channels).
    pub href: Option<String>,
}

#[derive(Serialize)]
pub struct Body<'a> {
    pub html: &'a str,
    /// The body opens with its own `#` heading: the template should not add another `<h1>`.
    pub has_h1: bool,
    pub headings: Vec<crate::markdown::Heading>,
}

#[derive(Serialize)]
pub struct TeamPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub team: TeamDetail,
    pub body: Body<'a>,
    pub backlinks: Vec<Link>,
}

#[derive(Serialize)]
pub struct TeamDetail {
    #[serde(flatten)]
    pub summary: TeamSummary,
    pub metrics: Vec<crate::model::Metric>,
    pub owns: Vec<String>,
    pub members: Vec<String>,
    pub contact: Vec<ContactEntry>,
    pub reviewed: Option<String>,
    pub parent: Option<Link>,
    /// Root-first chain of groups above this team, for breadcrumbs.
    pub ancestors: Vec<Link>,
    pub children: Vec<TeamSummary>,
    pub decisions: Vec<DecisionSummary>,
    pub source: String,
    /// Inline SVG of the team's neighbourhood (parent, siblings, children); trusted markup.
    pub neighbourhood_svg: Option<String>,
    /// Person links, interactions, metric sparklines (see render/insight.rs).
    pub insight: super::insight::TeamInsight,
}

#[derive(Serialize)]
pub struct DecisionPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub decision: DecisionDetail,
    pub body: Body<'a>,
    pub backlinks: Vec<Link>,
}

#[derive(Serialize)]
pub struct DecisionDetail {
    #[serde(flatten)]
    pub summary: DecisionSummary,
    pub type_label: &'static str,
    pub deciders: Vec<String>,
    pub tags: Vec<String>,
    pub revisit: Option<String>,
    pub supersedes: Vec<DecisionSummary>,
    pub superseded_by: Vec<DecisionSummary>,
    pub source: String,
    /// `deciders` as links to their person pages.
    pub decider_links: Vec<super::insight::PersonLink>,
}

#[derive(Serialize)]
pub struct PagePage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub page: PageDetail,
    pub body: Body<'a>,
    pub backlinks: Vec<Link>,
}

#[derive(Serialize)]
pub struct PageDetail {
    pub title: String,
    pub description: Option<String>,
    pub breadcrumbs: Vec<Link>,
    pub source: String,
    /// Front matter `[extra]` / `extra:` as written, for site templates (`page.extra.x`).
    pub extra: Option<serde_json::Value>,
}

#[derive(Serialize)]
pub struct HomePage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub body: Option<Body<'a>>,
    pub health: HealthSummary,
    pub stats: Stats,
    pub recent_decisions: Vec<DecisionSummary>,
    pub groups: Vec<TeamSummary>,
    pub pages: Vec<Link>,
}

#[derive(Serialize, Default)]
pub struct Stats {
    pub groups: usize,
    pub teams: usize,
    pub people: usize,
    pub decisions: usize,
    pub proposed: usize,
    pub accepted: usize,
    pub pages: usize,
}

#[derive(Serialize)]
pub struct TeamsIndex<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// Every charter in hierarchy order (depth-first, children by name).
    pub teams: Vec<TeamSummary>,
}

#[derive(Serialize)]
pub struct DecisionsIndex<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// Newest number first.
    pub decisions: Vec<DecisionSummary>,
    pub counts: Vec<(&'static str, usize)>,
}

#[derive(Serialize)]
pub struct HandbookIndex<'a, 'p> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub pages: &'p [PageEntry],
}

#[derive(Serialize)]
pub struct PageEntry {
    pub title: String,
    pub url: String,
    pub description: Option<String>,
    pub depth: usize,
}

#[derive(Serialize)]
pub struct SimplePage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
}

#[derive(Serialize)]
pub struct Sitemap {
    pub entries: Vec<SitemapEntry>,
    /// Redirect pages (`aliases`, `redirect_from`): listed as redirects, in XML comments,
    /// not as `<url>` entries — search engines should index the page they lead to.
    pub redirects: Vec<SitemapRedirect>,
}

#[derive(Serialize)]
pub struct SitemapRedirect {
    /// Both URL-encoded, with no `--` (they go inside an XML comment).
    pub from: String,
    pub to: String,
}

#[derive(Serialize)]
pub struct SitemapEntry {
    pub loc: String,
    pub lastmod: Option<String>,
}

#[derive(Serialize)]
pub struct OwnershipPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// Items grouped by initial letter, A–Z, then `#` for the rest.
    pub letters: Vec<OwnershipLetter>,
    pub total: usize,
}

#[derive(Serialize)]
pub struct OwnershipLetter {
    pub letter: String,
    /// Anchor id for the letter's section.
    pub id: String,
    pub items: Vec<OwnershipItem>,
}

#[derive(Serialize)]
pub struct OwnershipItem {
    pub item: String,
    pub team: Link,
    /// The owning team's group (top-level ancestor), if any.
    pub group: Option<Link>,
}

#[derive(Serialize)]
pub struct OrgMapPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// Inline SVG drawn at build time (trusted markup; content escaped inside).
    pub svg: String,
    /// The same hierarchy as nested `<ul>` lists (trusted markup; content escaped).
    pub tree_html: String,
    pub teams: usize,
    pub groups: usize,
}

#[derive(Serialize)]
pub struct HealthPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub today: String,
    pub rules: Vec<HealthRule>,
    pub total: usize,
    pub velocity: Option<crate::health::Latency>,
    pub velocity_by_type: Vec<(u8, crate::health::Latency)>,
    pub velocity_by_team: Vec<(Link, crate::health::Latency)>,
    pub review_days: i64,
    pub stalled_days: i64,
    pub max_size: usize,
    /// Summary, where decisions wait, velocity per quarter (see render/insight.rs).
    pub insight: super::insight::HealthInsight,
}

#[derive(Serialize)]
pub struct HealthRule {
    pub id: &'static str,
    pub title: &'static str,
    /// Whether `[policy] deny` makes this rule fail the build.
    pub denied: bool,
    pub findings: Vec<HealthFinding>,
}

#[derive(Serialize)]
pub struct HealthFinding {
    pub message: String,
    pub link: Link,
    /// The person page, for findings about a person (decider-overload, slow-decider).
    pub person_url: Option<String>,
    /// 1-based line in the source the finding points at.
    pub line: usize,
}

/// Headline numbers for the home page.
#[derive(Serialize, Default)]
pub struct HealthSummary {
    pub findings: usize,
    pub median_latency_days: Option<i64>,
    pub decisions_this_quarter: usize,
}
