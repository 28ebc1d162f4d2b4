//! Typed template contexts: what each template can use, as `#[derive(Serialize)]` structs
//! (documented for theme authors in docs/theming.md). Every field is always present (absent
//! values are `null`), so templates never trip over undefined variables.
//!
//! All URLs in contexts are relative to the site root; templates prefix them with `root`
//! (e.g. `{{ root }}{{ team.url }}`), which makes every link relative and the site portable.

use super::deps::Drawn;
use crate::insight::latency::Latency;
use crate::insight::svg;
use serde::Serialize;
use std::collections::HashMap;

/// Shared by every page.
#[derive(Serialize)]
pub struct Base<'a> {
    pub site: SiteInfo<'a>,
    /// The theme's interface words in the page's language (`crate::ui_text`).
    pub t: &'a crate::ui_text::Words,
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
    /// "Edit this page" link for a page built from a file, when `[repository] url` is set.
    pub edit_url: Option<String>,
    /// When the page's source last changed (pages built from a file only).
    pub last_updated: Option<LastUpdated>,
    /// This page's absolute address when `base_url` is set (for `og:url` and canonical).
    pub canonical_url: Option<String>,
    /// Root-first links above this page ("Home › Teams › Payments"); empty on the home page.
    pub breadcrumbs: Vec<Link>,
    /// The BCP 47 tag of the page's language, for `<html lang>`: the page's own
    /// (`lang:` in its front matter, or its file name's, `about.fr.md`), else the handbook's.
    pub lang: String,
    /// Every language version of the page, this one included (`current`), the translated
    /// page first; empty for a page without translations.
    pub versions: Vec<LanguageVersion>,
}

/// One language version of a page, for `<link rel="alternate" hreflang>` and "Also in".
#[derive(Serialize, Clone)]
pub struct LanguageVersion {
    pub lang: String,
    /// The language's name in itself ("français").
    pub name: String,
    pub url: String,
    pub current: bool,
}

#[derive(Serialize, Clone)]
pub struct LastUpdated {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Where the date comes from: `git` (last commit touching the file), `reviewed` (a
    /// charter's review date), `decided` or `proposed` (a record's own dates).
    pub source: &'static str,
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
    /// The search box's placeholder, naming what this handbook holds, in the page's
    /// language.
    pub search_placeholder: String,
    /// The handbook reads a CODEOWNERS file: the search box answers a typed path with its
    /// code owners (`search/code.js`).
    pub has_code_owners: bool,
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
    /// The date lists show and sort by: `decided`, else `date` (proposed) while open.
    pub shown_date: String,
    pub tags: Vec<String>,
    pub team: Option<Link>,
}

#[derive(Serialize, Clone)]
pub struct ContactEntry {
    pub key: String,
    pub value: String,
    /// A usable link for e-mail addresses and URLs, `None` for plain text (chat channels).
    pub href: Option<String>,
}

#[derive(Serialize)]
pub struct Body<'a> {
    /// Trusted markup: the rendered body, headings carrying `a.h-anchor` links. Templates
    /// see the HTML; the context hash sees what it is made from.
    pub html: Drawn<super::BodyHtml<'a>>,
    /// The id of the body's leading `#` heading when it repeated the title and was removed
    /// from `html`: the template's title carries it, so links to it still land.
    pub title_id: Option<String>,
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
    /// The first pages that link here ([`super::BACKLINKS_SHOWN`]).
    pub backlinks: Vec<Link>,
    /// Pages that link here and are not in `backlinks`.
    pub backlinks_more: usize,
}

#[derive(Serialize)]
pub struct TeamDetail {
    #[serde(flatten)]
    pub summary: TeamSummary,
    /// For a group: what the charters below it add up to; `null` for a team.
    pub totals: Option<GroupTotals>,
    pub metrics: Vec<crate::model::Metric>,
    pub owns: Vec<String>,
    /// The code paths CODEOWNERS gives this team; `null` when it gives none.
    pub code: Option<TeamCode>,
    pub members: Vec<String>,
    pub contact: Vec<ContactEntry>,
    pub reviewed: Option<String>,
    pub parent: Option<Link>,
    /// Root-first chain of groups above this team, for breadcrumbs.
    pub ancestors: Vec<Link>,
    /// The group's first teams ([`super::TEAM_CHILDREN_SHOWN`]).
    pub children: Vec<TeamSummary>,
    /// The group's teams in all.
    pub children_total: usize,
    /// The team's newest decisions ([`super::TEAM_DECISIONS_SHOWN`]).
    pub decisions: Vec<DecisionSummary>,
    /// The team's decisions in all.
    pub decisions_total: usize,
    /// The decisions index filtered to this team, relative to the site root.
    pub decisions_url: String,
    /// The first pages in the team's folder (`teams/payments/runbook.md`), in path order
    /// ([`super::TEAM_PAGES_SHOWN`]).
    pub pages: Vec<Link>,
    /// The pages in the team's folder in all.
    pub pages_total: usize,
    pub source: String,
    /// Inline SVG of the team's neighbourhood (parent, siblings, children); trusted markup.
    /// Templates see the SVG; the context hash sees what it is drawn from.
    pub neighbourhood_svg: Option<Drawn<Neighbourhood>>,
    /// Where this team is drawn on the org map (`orgmap.html#om-<slug>`, or its group's
    /// map page when the map is split).
    pub orgmap_url: String,
    /// Where this team's row of the interactions view is (`interactions.html#ix-<slug>`,
    /// or the later part of the view that draws it).
    pub interactions_url: String,
    /// Person links, interactions, metric sparklines (see render/insight.rs).
    pub insight: TeamInsight,
}

/// What the handbook's CODEOWNERS file gives one team.
#[derive(Serialize)]
pub struct TeamCode {
    /// The file, as its path from the handbook root (`.github/CODEOWNERS`).
    pub file: String,
    /// The first paths, in the file's order ([`crate::code_owners::SHOWN_ON_TEAM_PAGE`]).
    pub paths: Vec<CodePath>,
    /// The team's paths in all.
    pub total: usize,
}

/// One CODEOWNERS rule that names a team.
#[derive(Serialize)]
pub struct CodePath {
    pub pattern: String,
    /// The folder or file in the repository (`[repository] tree_url`), for a pattern that
    /// names one path (anchored, no wildcard); else `null`.
    pub url: Option<String>,
    /// Its line in the file.
    pub line: u32,
    /// The GitLab section it is in.
    pub section: Option<String>,
    /// The other charters the rule names.
    pub shared_with: Vec<Link>,
    /// The rule's owners that are no charter (people, emails, unknown teams), as written.
    pub others: Vec<String>,
}

/// Totals over every charter below a group (any depth).
#[derive(Serialize, Default)]
pub struct GroupTotals {
    pub teams: usize,
    /// Distinct people (members and leads).
    pub people: usize,
    pub decisions: usize,
    pub owned: usize,
    pub metrics: usize,
}

#[derive(Serialize)]
pub struct DecisionPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub decision: DecisionDetail,
    pub body: Body<'a>,
    /// The first pages that link here ([`super::BACKLINKS_SHOWN`]).
    pub backlinks: Vec<Link>,
    /// Pages that link here and are not in `backlinks`.
    pub backlinks_more: usize,
}

#[derive(Serialize)]
pub struct DecisionDetail {
    #[serde(flatten)]
    pub summary: DecisionSummary,
    /// For a superseded decision, the way to the decision in force: each successor in
    /// turn, the last one current. Empty when nothing supersedes this decision. A long
    /// chain shows its first steps and then the decision in force.
    pub chain: Vec<DecisionSummary>,
    /// Steps of the chain left out between the last two entries of `chain` (0: none).
    pub chain_skipped: usize,
    pub type_label: &'static str,
    pub deciders: Vec<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub revisit: Option<String>,
    pub supersedes: Vec<DecisionSummary>,
    /// The decisions that replaced this one: accepted, or since replaced in turn.
    pub superseded_by: Vec<DecisionSummary>,
    /// Proposed (or rejected) decisions that list this one in their `supersedes`: they
    /// would replace it, once accepted.
    pub proposed_successors: Vec<DecisionSummary>,
    pub source: String,
    /// `deciders` as links to their person pages.
    pub decider_links: Vec<PersonLink>,
    /// `authors` as links to their person pages.
    pub author_links: Vec<PersonLink>,
}

#[derive(Serialize)]
pub struct PagePage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub page: PageDetail,
    pub nav: PageNav,
    pub body: Body<'a>,
    /// The first pages that link here ([`super::BACKLINKS_SHOWN`]).
    pub backlinks: Vec<Link>,
    /// Pages that link here and are not in `backlinks`.
    pub backlinks_more: usize,
}

/// Where a handbook page sits in the handbook.
#[derive(Serialize)]
pub struct PageNav {
    /// The section sidebar: nested `<ul>` of the folders down to this page, each bounded to
    /// a window around the way to this page (trusted markup; content escaped).
    pub sidebar_html: Option<String>,
    /// Previous and next page in reading order (folder, `weight`, title).
    pub prev: Option<Link>,
    pub next: Option<Link>,
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
    /// The first top-level groups and teams of the organisation.
    pub groups: Vec<TeamSummary>,
    /// Top-level groups and teams not in `groups` (the template links to the org map).
    pub groups_more: usize,
    /// The first entries of the handbook's top level (pages and sections).
    pub pages: Vec<Link>,
    /// `pages` under the part titles of `SUMMARY.md` that head them (see
    /// `HandbookIndex::parts`); empty without part titles.
    pub page_parts: Vec<PagePart>,
    /// Top-level entries not in `pages` (the template links to the handbook index).
    pub pages_more: usize,
    /// Handbook pages in all.
    pub pages_total: usize,
}

/// The first top-level entries of the handbook that a part title of `SUMMARY.md` heads.
#[derive(Serialize)]
pub struct PagePart {
    pub title: String,
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
    /// This part of the charters in hierarchy order (depth-first, children by name).
    pub teams: Vec<TeamSummary>,
    /// Charters in all (every part).
    pub total: usize,
    pub pager: Pager,
}

#[derive(Serialize)]
pub struct DecisionsIndex<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// This part of the list: newest first by `shown_date`, then by number.
    pub decisions: Vec<DecisionSummary>,
    /// `(status, count)` over all decisions.
    pub counts: Vec<(&'static str, usize)>,
    /// Decisions in all (every part).
    pub total: usize,
    /// Teams with decisions, by name, and every tag used: the filter choices (empty
    /// when there are too many to list: see `team_box`).
    pub teams: Vec<Link>,
    pub tags: Vec<String>,
    /// More teams (tags) than a drop-down lists: filtered with a text box instead.
    pub team_box: bool,
    pub tag_box: bool,
    pub statuses: Vec<&'static str>,
    /// Files of the filters' data: `decisions/index.json`, `index-2.json`…
    pub row_files: usize,
    pub pager: Pager,
}

#[derive(Serialize)]
pub struct HandbookIndex<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// Pages directly in `content/` (not in a section folder).
    pub pages: Vec<PageEntry>,
    /// One entry per top-level folder.
    pub sections: Vec<HandbookSection>,
    /// With mdBook's or GitBook's part titles (`SUMMARY.md`): the top level's pages and
    /// sections in the summary's order, under the part that heads them in the sidebar;
    /// empty without part titles.
    pub parts: Vec<HandbookPart>,
    /// Handbook pages in all.
    pub total: usize,
}

/// The top-level entries a part title of `SUMMARY.md` heads (no title before the first,
/// and after mdBook's `---`).
#[derive(Serialize)]
pub struct HandbookPart {
    pub title: String,
    pub entries: Vec<HandbookEntry>,
}

/// A page or a section at the top of the handbook index: one of the two is set.
#[derive(Serialize)]
pub struct HandbookEntry {
    pub page: Option<PageEntry>,
    pub section: Option<HandbookSection>,
}

#[derive(Serialize, Clone)]
pub struct HandbookSection {
    /// The section's (first) handbook-index page.
    pub link: Link,
    /// The section's own `_index.md` page, if any.
    pub index: Option<Link>,
    pub pages: usize,
    /// The section's handbook-index pages (more than one for very large sections).
    pub parts: Vec<Link>,
}

/// One page of one section of the handbook index (`handbook-index/<section>.html`).
#[derive(Serialize)]
pub struct HandbookSectionPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub section: Link,
    /// Folder by folder, in reading order.
    pub groups: Vec<HandbookGroup>,
    pub pager: Pager,
}

#[derive(Serialize)]
pub struct HandbookGroup {
    /// Anchor id of the folder's heading.
    pub id: String,
    pub title: String,
    /// Folder path below `content/`.
    pub path: String,
    /// Folder depth below the section (0 = the section itself).
    pub depth: usize,
    pub pages: Vec<PageEntry>,
}

/// Position in a list split over several pages.
#[derive(Serialize, Clone)]
pub struct Pager {
    /// 1-based page number and number of pages.
    pub part: usize,
    pub parts: usize,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    /// The pages of the list to link to, in order (titles like "Part 2" or a date range):
    /// the first, the last and those near this one, so that the pager does not grow with
    /// the list (every part stays reachable through them and prev/next).
    pub all: Vec<PagerLink>,
}

impl Pager {
    /// The page title of this part: `title` on a list of one part, else `title (part 2 of
    /// 5)`, so browser tabs, history and bookmarks tell the parts apart (as the handbook's
    /// section pages and a group's map do).
    pub fn titled(&self, title: &str) -> String {
        if self.parts > 1 {
            format!("{title} (part {} of {})", self.part, self.parts)
        } else {
            title.to_string()
        }
    }
}

/// One entry of a [`Pager`].
#[derive(Serialize, Clone)]
pub struct PagerLink {
    pub title: String,
    pub url: String,
    /// 1-based part number.
    pub part: usize,
    /// Whether parts are left out between the previous entry and this one.
    pub gap: bool,
}

#[derive(Serialize, Clone)]
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

/// `sitemap.xml` when the addresses need more than one sitemap (`sitemap_index.xml`).
#[derive(Serialize)]
pub struct SitemapIndex {
    /// The address of each part, `sitemap-1.xml` first.
    pub parts: Vec<String>,
    pub redirects: Vec<SitemapRedirect>,
}

#[derive(Serialize)]
pub struct SitemapRedirect {
    /// Both URL-encoded, with no `--` (they go inside an XML comment).
    pub from: String,
    pub to: String,
}

#[derive(Serialize, Clone)]
pub struct SitemapEntry {
    pub loc: String,
    pub lastmod: Option<String>,
}

#[derive(Serialize)]
pub struct OwnershipPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    /// This part's items grouped by initial letter, A–Z, then `#` for the rest.
    pub letters: Vec<OwnershipLetter>,
    /// Every letter of every part, linking to its place (for the "jump to" bar).
    pub jump: Vec<Link>,
    pub total: usize,
    /// The CODEOWNERS file the code paths come from, if any.
    pub code_file: Option<String>,
    pub pager: Pager,
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
    /// A CODEOWNERS path pattern, not a charter's `owns` item: its line in the file.
    pub code_line: Option<u32>,
    /// For such a pattern, its place in the repository, as [`CodePath::url`].
    pub code_url: Option<String>,
    pub team: Link,
    /// The owning team's group (top-level ancestor), if any.
    pub group: Option<Link>,
    /// The owning team's first `[contact]` entry.
    pub contact: Option<ContactEntry>,
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
    /// A lone top-level charter that contains every group (the company), if any.
    pub top: Option<Link>,
    pub top_slug: Option<String>,
    /// One card per group, in hierarchy order; each group has its own colour.
    pub cards: Vec<OrgGroupCard>,
    /// Top-level teams outside any group listed on this part, and their map (absent when
    /// there are very many: then they are split over the parts, 200 a part).
    pub loose: Vec<OrgLooseTeam>,
    pub loose_svg: Option<String>,
    /// Teams outside any group in all, and the 1-based position of this part's first.
    pub loose_total: usize,
    pub loose_from: usize,
    /// True when the organisation is too large to draw on one page: cards link to
    /// per-group map pages (`orgmap/<group>.html`) instead of embedding their maps.
    pub split: bool,
    /// Parts of the overview (`orgmap.html`, `orgmap-2.html`, …) when a split map has more
    /// than 60 groups; one part otherwise.
    pub pager: Pager,
}

/// A team outside any group on the org map overview: a [`Link`] plus the slug its entry
/// is found by (`#om-<slug>`, where its team page's org map link points).
#[derive(Serialize, Clone)]
pub struct OrgLooseTeam {
    pub title: String,
    pub url: String,
    pub slug: String,
}

#[derive(Serialize)]
pub struct OrgGroupCard {
    pub slug: String,
    pub name: String,
    /// The group's charter page.
    pub url: String,
    /// The group's colour (CSS colour, light mode), also used by the legend.
    pub colour: &'static str,
    /// Charters below the group, and people in them.
    pub teams: usize,
    pub people: usize,
    /// The group's map (trusted markup), unless the map is split.
    pub svg: Option<String>,
    /// The map is wide: the card should take a whole row.
    pub wide: bool,
    /// The group's own map page, when the map is split.
    pub map_url: Option<String>,
    /// The first direct teams of the group, and how many more there are.
    pub children: Vec<Link>,
    pub more: usize,
}

/// `orgmap/<group>.html`: one group's map when the organisation map is split.
#[derive(Serialize)]
pub struct OrgGroupPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub group: Link,
    pub colour: &'static str,
    pub svg: Drawn<GroupMap>,
    pub tree_html: String,
    pub teams: usize,
    /// Parts of the group's map (`orgmap/<group>.html`, `orgmap/<group>.2.html`, …) when
    /// its charters do not fit one page; one part otherwise.
    pub pager: Pager,
}

#[derive(Serialize)]
pub struct HealthPage<'a> {
    #[serde(flatten)]
    pub base: Base<'a>,
    pub today: String,
    pub rules: Vec<HealthRule>,
    pub total: usize,
    pub velocity: Option<Latency>,
    pub velocity_by_type: Vec<(u8, Latency)>,
    pub velocity_by_team: Vec<(Link, Latency)>,
    /// Teams left out of `velocity_by_team` (slowest [`HEALTH_ROWS`] shown).
    pub velocity_by_team_more: usize,
    pub review_days: i64,
    pub stalled_days: i64,
    pub max_size: usize,
    /// Summary, where decisions wait, velocity per quarter (see render/insight.rs).
    pub insight: HealthInsight,
}

#[derive(Serialize)]
pub struct HealthRule {
    pub id: &'static str,
    pub title: &'static str,
    /// Whether `[policy] deny` makes this rule fail the build.
    pub denied: bool,
    /// The first [`HEALTH_ROWS`] findings: the page stays bounded at any handbook size.
    pub findings: Vec<HealthFinding>,
    /// How many findings the rule has in all, and how many the page leaves out.
    pub total: usize,
    pub more: usize,
    /// Why the rule cannot find anything here (no CODEOWNERS file, no metric history), or
    /// `None` when it was checked.
    pub not_checked: Option<&'static str>,
}

/// Rows a list on the health page shows at most; the rest are counted (and every finding is
/// printed by `orgbook check`), so the page does not grow with the handbook.
pub const HEALTH_ROWS: usize = 50;

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

// Org insight's parts of the team, decision and health pages, and the people pages'
// links (filled in by `insight.rs`).

#[derive(Serialize, Clone)]
pub struct PersonLink {
    pub name: String,
    pub url: String,
}

#[derive(Serialize, Clone)]
pub struct InteractionEntry {
    pub team: Link,
    pub mode: &'static str,
    pub about: Option<String>,
}

#[derive(Serialize)]
pub struct MetricView {
    pub name: String,
    pub target: Option<String>,
    pub current: Option<String>,
    /// "lower is better" / "higher is better" when the target has a comparator.
    pub direction: Option<&'static str>,
    /// The target was written but is not a number orgbook can read: shown as text only.
    pub target_unparsed: bool,
    /// Inline SVG (trusted markup), when the metric has a history.
    pub sparkline: Option<String>,
    pub trend: Option<&'static str>,
    pub trend_arrow: Option<&'static str>,
    pub last: Option<String>,
    pub last_date: Option<String>,
    pub points: usize,
}

/// What a team page adds for org insight (`team.insight` in team.html).
#[derive(Serialize)]
pub struct TeamInsight {
    pub lead: Option<PersonLink>,
    pub members: Vec<PersonLink>,
    pub topology: Option<&'static str>,
    /// Teams this team lists in `[[interactions]]`.
    pub depends_on: Vec<InteractionEntry>,
    /// The first teams listing this team ([`DEPENDED_ON_BY_SHOWN`]).
    pub depended_on_by: Vec<InteractionEntry>,
    /// Teams listing this team that are not in `depended_on_by`.
    pub depended_on_by_more: usize,
    /// The same interactions by mode and direction, as the page shows them.
    pub interactions: InteractionGroups,
    pub metrics: Vec<MetricView>,
}

/// A team's interactions grouped the way Team Topologies reads them: a collaboration is
/// mutual (both charters list it, and it is shown once), using a service and facilitating
/// have a direction. `depends_on` / `depended_on_by` keep the lists as declared for themes
/// written against them; the default theme shows these groups instead, where a mutual
/// collaboration showed as both "we depend on" and "depend on us".
#[derive(Serialize, Default)]
pub struct InteractionGroups {
    /// Each team this team collaborates with, once, whichever charter lists it (this
    /// team's `about` first).
    pub collaborates_with: Vec<InteractionEntry>,
    /// Teams whose service this team uses (`x-as-a-service` in its own charter).
    pub uses: Vec<InteractionEntry>,
    /// Teams this team helps (`facilitating` in its own charter).
    pub facilitates: Vec<InteractionEntry>,
    /// Teams listing this one as `x-as-a-service`, of the first
    /// [`super::insight::DEPENDED_ON_BY_SHOWN`] listing it.
    pub used_by: Vec<InteractionEntry>,
    /// Teams listing this one as `facilitating`, of those same first ones.
    pub facilitated_by: Vec<InteractionEntry>,
    /// Teams listing this one beyond those looked at (`depended_on_by_more`).
    pub listed_by_more: usize,
    /// Whether any group above is non-empty.
    pub any: bool,
}

#[derive(Serialize)]
pub struct PersonRow {
    pub name: String,
    pub url: String,
    pub waiting: usize,
    pub decided: usize,
    pub latency: Option<Latency>,
    /// Share of all decided Type 1 decisions, in percent.
    pub type1_share: Option<u32>,
}

#[derive(Serialize)]
pub struct SummaryLine {
    /// `question_<key>` among the interface's words (`crate::ui_text`).
    pub key: &'static str,
    pub question: &'static str,
    /// The answer in English, as `orgbook` words it; the default theme words `figures`
    /// in the page's language instead.
    pub answer: String,
    /// The answer's numbers by name (a median with no decisions yet is -1).
    pub figures: std::collections::BTreeMap<&'static str, i64>,
    /// The person most proposals wait on, for the first line.
    pub top: Option<String>,
    /// Anchor on the health page with the details.
    pub anchor: String,
    pub count: usize,
}

/// The health page's additions (`insight` in health.html).
#[derive(Serialize)]
pub struct HealthInsight {
    pub summary: Vec<SummaryLine>,
    /// People decisions wait on, most loaded and slowest first.
    pub waiting: Vec<PersonRow>,
    /// People left out of `waiting` (the first `HEALTH_ROWS` are shown).
    pub waiting_more: usize,
    pub velocity_svg: Option<String>,
    pub quarters: Vec<svg::QuarterPoint>,
    pub decider_days: i64,
    pub max_open_per_decider: usize,
    /// Per rule id: the threshold sentence shown under the rule's heading, in English.
    pub thresholds: HashMap<&'static str, String>,
    /// Per rule id: the threshold's number, which the default theme words in the page's
    /// language (`threshold_<rule>` among the interface's words).
    pub limits: HashMap<&'static str, i64>,
}

/// A team's neighbourhood map, as the nodes it is drawn from: its parent, the row of its
/// siblings around it, its first children. A team page's context holds this in a
/// [`Drawn`](super::deps::Drawn), so that the sweep after an edit hashes a dozen nodes
/// instead of drawing every team's map to hash the SVG.
#[derive(Debug, serde::Serialize)]
pub struct Neighbourhood {
    /// The page's way to the site root, for the maps' stylesheet link.
    pub root: String,
    pub parent: Option<crate::orgmap::OrgNode>,
    pub row: Vec<crate::orgmap::OrgNode>,
    pub my_index: usize,
    pub hidden: (usize, usize),
    pub children: Vec<crate::orgmap::OrgNode>,
    pub children_total: usize,
}

impl Neighbourhood {
    /// The stylesheet link and the inline SVG; reads nothing but `self`.
    pub fn draw(&self) -> String {
        let row: Vec<&crate::orgmap::OrgNode> = self.row.iter().collect();
        format!(
            "{}{}",
            crate::orgmap::stylesheet_link(&self.root),
            crate::orgmap::render_neighbourhood_window(
                self.parent.as_ref(),
                &row,
                self.my_index,
                self.hidden,
                &self.children,
                self.children_total,
            )
        )
    }
}

/// A group's map on its own page (split org map), as what it is drawn from: the group, or
/// one part of it pruned to the part's charters and their ancestors. Held in a
/// [`Drawn`](super::deps::Drawn) for the same reason as [`Neighbourhood`]: a group map is
/// kilobytes of SVG drawn from its boxes, and the sweep after an edit would otherwise draw
/// every group's map only to hash it.
#[derive(Debug, serde::Serialize)]
pub struct GroupMap {
    /// The page's way to the site root, for the maps' stylesheet link.
    pub root: String,
    pub tree: crate::orgmap::OrgNode,
    /// The group's place in the palette.
    pub colour: usize,
    /// On one part of a group split over several pages: which boxes carry their ids.
    pub part: Option<GroupMapPart>,
}

/// What sets a part of a group's map apart from the whole: see
/// [`crate::orgmap::render_group_map_part`].
#[derive(Debug, serde::Serialize)]
pub struct GroupMapPart {
    /// The slugs of the part's own charters, sorted (an ancestor drawn for context is not
    /// one of them).
    pub owned: Vec<String>,
    /// For each group box the part draws, the teams below it in the whole group, sorted
    /// by slug.
    pub teams_below: Vec<(String, usize)>,
}

impl GroupMap {
    /// The stylesheet link and the inline SVG; reads nothing but `self`.
    pub fn draw(&self) -> String {
        let svg = match &self.part {
            None => crate::orgmap::render_group_map(&self.tree, self.colour).0,
            Some(part) => {
                let find = |slug: &str| {
                    part.teams_below
                        .binary_search_by(|(s, _)| s.as_str().cmp(slug))
                        .ok()
                        .map(|i| part.teams_below[i].1)
                };
                crate::orgmap::render_group_map_part(
                    &self.tree,
                    self.colour,
                    &|slug| {
                        part.owned
                            .binary_search_by(|s| s.as_str().cmp(slug))
                            .is_ok()
                    },
                    &find,
                )
                .0
            }
        };
        format!("{}{svg}", crate::orgmap::stylesheet_link(&self.root))
    }
}
