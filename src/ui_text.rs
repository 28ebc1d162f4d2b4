//! The words of the theme's own interface (the navigation, "On this page", "Edit this
//! page", "Also in", the pager, the 404 page), in each page's language. A handbook written
//! in French, or a French translation of an English page, gets a French interface around
//! its text instead of English chrome.
//!
//! English is the base; orgbook ships tables for the languages listed in [`BUNDLED`], and
//! `[ui_text.<lang>]` in orgbook.toml changes any word for any language (docs/theming.md),
//! including English ("Org chart" for "Org map") and languages orgbook has no table for. A
//! key a table lacks falls back to English, so a partial table is never a broken page.
//! Templates read them as `t.<key>` (every page's context carries the page language's
//! [`UiText`]); the tables are small and resolved once a build, so a page pays one
//! reference, not a lookup per word.

use icu_plurals::{PluralCategory, PluralRules};
use serde::Serialize;
use std::borrow::Cow;
use std::sync::RwLock;

macro_rules! ui_text {
    (
        words { $($(#[doc = $doc:literal])* $key:ident: $english:literal,)* }
        counts { $($(#[doc = $cdoc:literal])* $ckey:ident: $one:literal / $other:literal,)* }
    ) => {
        /// Every word of the interface for one language, each key as `t.<key>` in templates.
        #[derive(Serialize, Clone, Debug, PartialEq)]
        pub struct UiText {
            $($(#[doc = $doc])* pub $key: Cow<'static, str>,)*
            $($(#[doc = $cdoc])* pub $ckey: Plural,)*
            /// The words the theme's scripts show (the keys in [`SCRIPT_KEYS`]) as a JSON
            /// object for the search form's `data-words`, a counted word as its forms;
            /// empty when they are English's, so an English page carries nothing more.
            pub script_words: String,
        }

        /// The keys of [`UiText`], as `[ui_text.<lang>]` and templates name them.
        pub const KEYS: &[&str] = &[$(stringify!($key),)* $(stringify!($ckey),)*];

        /// The keys whose words depend on a number (a [`Plural`]); templates show them
        /// with the `count` filter.
        pub const COUNT_KEYS: &[&str] = &[$(stringify!($ckey),)*];

        impl UiText {
            pub fn english() -> Self {
                UiText {
                    $($key: Cow::Borrowed($english),)*
                    $($ckey: Plural::english($one, $other),)*
                    script_words: String::new(),
                }
            }

            fn word_mut(&mut self, key: &str) -> Option<&mut Cow<'static, str>> {
                match key {
                    $(stringify!($key) => Some(&mut self.$key),)*
                    _ => None,
                }
            }

            fn count_mut(&mut self, key: &str) -> Option<&mut Plural> {
                match key {
                    $(stringify!($ckey) => Some(&mut self.$ckey),)*
                    _ => None,
                }
            }

            /// The word `key` names, when it is not a counted word.
            pub fn word(&self, key: &str) -> Option<&str> {
                self.get(key)
            }

            fn get(&self, key: &str) -> Option<&str> {
                match key {
                    $(stringify!($key) => Some(&self.$key),)*
                    _ => None,
                }
            }

            fn count(&self, key: &str) -> Option<&Plural> {
                match key {
                    $(stringify!($ckey) => Some(&self.$ckey),)*
                    _ => None,
                }
            }
        }
    };
}

ui_text! {
    words {
    skip_to_content: "Skip to content",
    /// The search box's label for screen readers.
    search_label: "Search the handbook",
    search_needs_js: "Search needs JavaScript",
    /// The search box's placeholder in a handbook with charters and decision records.
    search_placeholder_all: "Search teams, owners, decisions…",
    /// … with charters only.
    search_placeholder_teams: "Search teams, owners, pages…",
    /// … with decision records only.
    search_placeholder_decisions: "Search decisions and pages…",
    /// … with neither.
    search_placeholder_pages: "Search the handbook…",
    /// The main navigation's label for screen readers.
    main_nav_label: "Main",
    teams: "Teams",
    org_map: "Org map",
    decisions: "Decisions",
    timeline: "Timeline",
    ownership: "Who owns what",
    org_health: "Org health",
    handbook: "Handbook",
    /// The first breadcrumb.
    home: "Home",
    breadcrumb_label: "Breadcrumb",
    languages_label: "Languages",
    /// Before the links to a page's other language versions.
    also_in: "Also in:",
    /// The footer's "… · built with orgbook".
    built_with: "built with",
    sitemap: "sitemap",
    decisions_feed: "decisions feed",
    /// The sidebar of a handbook page.
    in_this_section: "In this section",
    section_nav_label: "Section",
    on_this_page: "On this page",
    previous: "Previous",
    next: "Next",
    prev_next_label: "Previous and next page",
    /// The pager of a list split over several pages.
    pager_label: "Pages of this list",
    /// Before the path of the file a page was built from.
    source: "Source:",
    /// Before a date: when git last saw the file change.
    last_updated: "Last updated",
    /// Before a date: a charter's `reviewed`.
    charter_reviewed: "Charter reviewed",
    /// Before a date: a decision record's decision.
    decided: "Decided",
    /// Before a date: a decision record still proposed.
    proposed: "Proposed",
    edit_this_page: "Edit this page",
    /// Above the pages that link to this one.
    linked_from: "Linked from",
    /// After the first pages linking here, when one more does.
    more_pages_one: "and 1 more page",
    /// … when `{n}` more do.
    more_pages: "and {n} more pages",
    not_found_title: "Page not found",
    not_found_text: "This page does not exist, or it moved. Try one of these pages, or search above.",
    /// The search dropdown (`search.js`), `{q}` the query typed: nothing found.
    search_no_results: "No results for “{q}”",
    search_unavailable: "Search is unavailable: the index could not be loaded.",
    /// The dropdown's link to the search page, when the index only estimates the count.
    search_about_results: "About {n} results for “{q}”",
    search_all_results: "All {n} results for “{q}”",
    search_one_result: "All 1 result for “{q}”",
    /// Said to screen readers when the dropdown opens.
    search_live: "{n} results",
    search_live_owner: "Code owner found, {n} results",
    /// What each result row is.
    kind_team: "Team",
    kind_group: "Group",
    kind_decision: "Decision",
    kind_page: "Page",
    kind_owner: "Code owner",
    /// A charter's metrics table.
    metrics: "Metrics",
    metric: "Metric",
    current: "Current",
    target: "Target",
    /// What a team owns.
    owns: "Owns",
    /// The CODEOWNERS paths of a team.
    code: "Code",
    people: "People",
    lead: "Lead",
    members: "Members",
    place_in_org: "Place in the org",
    in_this_group: "In this group",
    part_of: "Part of",
    /// A team under no group.
    top_level: "top level",
    topology: "Topology",
    interactions: "Interactions",
    collaborates_with: "We collaborate with",
    uses: "We use",
    facilitates: "We facilitate",
    used_by: "Used by",
    facilitated_by: "Facilitated by",
    /// `{team}` the team's name.
    pages_of: "Pages of {team}",
    all_decisions_of: "All {n} decisions of {team}",
    see_in_interactions_map: "See {team} in the interactions map",
    /// A decision record's.
    authors: "Authors",
    deciders: "Deciders",
    revisit: "Revisit",
    tags: "Tags",
    supersedes: "Supersedes",
    superseded_by: "Superseded by",
    /// A proposed record's.
    would_supersede: "Would supersede",
    /// A rejected record's.
    proposed_to_supersede: "Proposed to supersede",
    proposed_successors: "Proposed successors",
    /// The decision tables' columns.
    title_column: "Title",
    status_column: "Status",
    type_column: "Type",
    decided_column: "Decided",
    or_proposed: "(or proposed)",
    /// After the date of a record still proposed.
    proposed_marker: "proposed",
    // The index pages.
    /// Before links to related pages.
    see_also: "See also:",
    /// After a sentence the template ends ("12 pages in 3 sections.").
    sentence_end: ".",
    /// The teams table's columns.
    name_column: "Name",
    size_column: "Size",
    primary_metric_column: "Primary metric",
    /// The mark after a group's name in lists.
    group_badge: "group",
    decision_types: "Type 1 decisions are irreversible and escalated; Type 2 are reversible and decided fast.",
    revisit_calendar: "Calendar of revisit dates",
    /// The decisions index's filters.
    filter_any: "any",
    type1_option: "Type 1 · irreversible",
    type2_option: "Type 2 · reversible",
    tag: "Tag",
    part_of_a_name: "part of a name",
    part_of_a_tag: "part of a tag",
    filter_button: "Filter",
    /// The home page.
    at_a_glance: "At a glance",
    where_they_wait: "where they wait",
    median_days_to_decide: "median days to decide",
    the_organisation: "The organisation",
    recent_decisions: "Recent decisions",
    all_decisions: "All decisions",
    /// The people index's columns.
    waiting_on_them: "Waiting on them",
    /// A column and a heading: the decisions someone took.
    decided_heading: "Decided",
    median_days: "Median days",
    /// The handbook index.
    open_a_section: "Open a section to see its pages, folder by folder.",
    overview: "overview",
    decision_timeline: "Decision timeline",
    feed: "Feed",
    no_decisions_yet: "No decisions yet.",
    months_label: "Months",
    /// The twelve months' names, `|` between them, for the timeline's headings.
    month_names: "January|February|March|April|May|June|July|August|September|October|November|December",
    /// A timeline heading: `{month}` a name of `month_names`, `{year}` the year.
    month_year: "{month} {year}",
    /// After a month's heading when its records go on from the page before.
    continued: "(continued)",
    /// A timeline entry's event (a record still open is `proposed_marker`).
    event_decided: "decided",
    /// A timeline entry: `{n}` the record's number, `{title}` its title.
    adr_title: "ADR {n}: {title}",
    timeline_supersedes: "supersedes",
    type1_title: "Type 1: irreversible, escalated",
    type2_title: "Type 2: reversible",
    search_title: "Search",
    browse_instead: "Search needs JavaScript. Browse these instead:",
    /// The org map.
    orgmap_explained: "Each box shows a team, its primary metric (with its trend arrow when the metric has a history) and its size; select one to open its charter.",
    /// Before the link to the interactions view.
    who_works_with_whom: "Who works with whom:",
    interactions_view: "the interactions view",
    /// `{team}` a group's name.
    all_part_of: "all part of {team}",
    charter_of: "{team} charter",
    open_map_of: "Open the map of {team}",
    /// A link to the rest of a list cut short.
    more_n: "+{n} more",
    teams_outside_groups: "Teams outside any group",
    on_this_page_range: "{from}–{to} on this page",
    skip_to_org_list: "Skip to the org as a list",
    skip_to_group_list: "Skip to the group as a list",
    as_a_list: "As a list",
    map_and_list: "map and list",
    find_a_team: "Find a team",
    team_name_placeholder: "Team name",
    groups_label: "Groups",
    /// A group's own map split over pages.
    part_of_parts: "(part {n} of {m})",
    group_charter: "The group's charter",
    whole_organisation: "The whole organisation",
    group_drawn_over: "The group is drawn over {m} pages; this is page {n}, with the groups above its first charter drawn again for context.",
    /// The interactions view.
    team_interactions: "Team interactions",
    arrows_explained: "Arrows point at the team depended on.",
    ix_collaborates_with: "collaborates with",
    ix_uses: "uses",
    ix_facilitates: "facilitates",
    ix_used_by: "used by",
    ix_facilitated_by: "facilitated by",
    lead_of_team: "lead",
    /// The ownership index.
    who_owns_a_path: "Who owns a file or folder?",
    jump_to_letter: "Jump to letter",
    owners_label: "Owners",
    item_column: "Item",
    owner_column: "Owner",
    group_column: "Group",
    contact_column: "Contact",
    line_n: "line {n}",
    nothing_owned: "No charter lists anything under `owns` yet.",
    /// `{file}` the CODEOWNERS file's path.
    nothing_owned_code: "No charter lists anything under `owns` yet, and `{file}` names no team that has a charter.",
    /// A person's page.
    leads: "Leads",
    member_of: "Member of",
    and_n_more: "and {n} more",
    not_in_any_charter: "Not listed in any charter.",
    deciding: "Deciding",
    open_proposals_waiting: "Open proposals waiting",
    decisions_taken: "Decisions taken",
    days_to_decide: "Days to decide",
    median: "median",
    p90: "90th percentile",
    type1_share: "Share of Type 1 decisions",
    /// `{name}` the person's name.
    waiting_on: "Waiting on {name}",
    /// `{n}` shown of `{m}`.
    most_recent_of: "The {n} most recent of {m}.",
    wrote: "Wrote",
    where_decisions_wait: "Where decisions wait",
    // The health page.
    /// The health page. `{date}` the day it was computed.
    health_lede: "Where the organisation is slow or unclear, computed from the charters and decisions on {date}.",
    summary_heading: "Summary",
    /// `{max}` open proposals, `{days}` days.
    deciders_explained: "Deciders of every decision (`deciders`; for a Type 2 decision without deciders, the owning team's lead), most open proposals first, then slowest. Flagged above {max} open proposals or a median above {days} days.",
    person_column: "Person",
    p90_days: "90th pct days",
    type1_share_column: "Share of Type 1",
    no_deciders_yet: "No decision names a decider yet.",
    decision_velocity: "Decision velocity",
    velocity_intro: "Days from proposal (`date`) to decision (`decided`):",
    by_type_column: "By type",
    decisions_column: "Decisions",
    team_slowest_column: "Team (slowest first)",
    velocity_caption: "Median days to decide per quarter (by the quarter of `decided`): solid Type 1, dashed Type 2.",
    no_decided_yet: "No decided records yet.",
    /// Before a health rule's id.
    rule_word: "Rule",
    fails_the_build: "fails the build",
    review_period_days: "review period {n} days",
    threshold_days: "threshold {n} days",
    max_members: "maximum {n} members",
    /// `{n}` findings not listed.
    more_findings: "{n} more; `orgbook check` prints every finding with its file and line.",
    none_found: "None.",
    person_page: "person page",
    /// The health rules' limits, `threshold_` and the rule's id with `_` for `-`.
    threshold_decider_overload: "maximum {n} open proposals per decider",
    threshold_slow_decider: "threshold {n} days (median)",
    threshold_type2_escalated: "maximum {n} deciders, all from the team's group",
    threshold_type2_slow: "threshold {n} days",
    threshold_too_many_dependencies: "maximum {n} collaborations",
    threshold_metric_stale: "period {n} days",
    /// The health summary's answers: `{name}` the person most open proposals wait on, `{n}` how many.
    summary_most_on: "; most on {name} ({n})",
    summary_overloaded_slow: "; {overloaded} overloaded, {slow} slow",
    /// `{median}` days (– before any), `{threshold}` days.
    summary_type2: "Type 2 median {median} days (threshold {threshold}); {slow} slow, {escalated} escalated;",
    summary_metric_health: "; {stale} stale, {off_target} moving away from target,",
    /// The health summary's questions.
    question_decisions_wait: "Where do decisions wait?",
    question_reversible_fast: "Do reversible decisions move fast?",
    question_ship_alone: "Which teams cannot ship alone?",
    question_metrics: "Which metrics are not moving or not measured?",
    question_charters: "Which charters are stale or oversized?",
    /// The health rules' titles, `rule_` and the rule's id with `_` for `-`.
    rule_stale_charter: "Charters not reviewed within the review period (or never)",
    rule_no_metric_target: "Teams whose metrics have no target",
    rule_oversized_team: "Teams larger than the maximum team size",
    rule_empty_group: "Groups without any team",
    rule_stalled_proposal: "Proposals open longer than the stall threshold",
    rule_unmarked_superseded: "Decisions superseded by an accepted decision but not marked superseded",
    rule_revisit_overdue: "Type 2 decisions past their revisit date",
    rule_decider_overload: "People more open proposals wait on than the maximum",
    rule_slow_decider: "People whose decisions take longer than the threshold (median)",
    rule_type2_escalated: "Reversible decisions escalated: too many deciders, or deciders from outside the team's group",
    rule_type2_slow: "Reversible decisions that took longer than the threshold",
    rule_type1_unescalated: "Irreversible decisions taken by the owning team alone",
    rule_too_many_dependencies: "Stream-aligned teams with more collaborations than the maximum: they cannot ship alone",
    rule_platform_without_consumers: "Platform teams no other team says it uses",
    rule_one_way_collaboration: "Collaborations only one of the two teams mentions",
    rule_shared_code: "Teams CODEOWNERS gives code paths shared with other teams: no one team is accountable for them",
    rule_metric_stale: "Metrics without a data point within the period",
    rule_metric_off_target: "Metrics missing their target and moving away from it",
    rule_placeholder_text: "Charters and decisions that still hold the scaffold's placeholder text",
    /// A decision record's status, as shown (its CSS class and filter value stay English).
    status_proposed: "proposed",
    status_accepted: "accepted",
    status_rejected: "rejected",
    status_deprecated: "deprecated",
    status_superseded: "superseded",
    /// A superseded record's notice: the chain of records to the one in force.
    in_force_now: "In force now:",
    /// After the record in force.
    current_marker: "current",
    n_more: "{n} more",
    /// A record a proposal would supersede.
    proposes_to_supersede: "proposes to supersede this decision",
    stays_in_force: "which stays in force until that proposal is accepted",
    /// `{status}` the proposal's status.
    proposed_to_supersede_and_is: "proposed to supersede this decision and is {status}",
    // The scripts' words (SCRIPT_KEYS): the decisions filter (`page.js`).
    filter_show_all: "Show all",
    filter_show_more: "Show more",
    filter_looking: "Looking further…",
    filter_unavailable: "Could not load the decisions to filter; showing the full list.",
    /// The org map's zoom buttons and "find a team" box (`orgmap.js`).
    zoom_out: "Zoom out",
    zoom_in: "Zoom in",
    zoom_fit: "Fit",
    zoom_fit_label: "Fit map to width",
    zoom_actual: "Actual size (100%)",
    /// `{q}` what was typed.
    no_team_matches: "No team matches “{q}”",
    /// The ownership index's "Who owns a file or folder?" (`owner.js`), after the path.
    owner_no_rule: ": no rule in {file} matches it, so it has no code owner.",
    owner_no_owner: ": no code owner; the last rule that matches it names none",
    owner_owned_by: " is owned by ",
    /// `{file}` the CODEOWNERS file, `{n}` the rule's line.
    owner_rule_at: "{file} line {n}",
    owner_unavailable: "The CODEOWNERS rules could not be loaded.",
    /// A path's owner among search results (`search.js`).
    owner_search_no_rule: "No rule in {file} matches it",
    owner_search_none: "No code owner",
    owner_search_also: "also",
    /// The search page's facets and summary (`search.js`).
    facet_kind: "Kind",
    type_n: "Type {n}",
    filter_results: "Filter results",
    /// `{n}` shown of about `{m}`, `{q}` the query.
    search_summary_best: "The best {n} of about {m} results for “{q}”. Type more to narrow them down.",
    search_partial: "No page has all the words; these have some of them.",
    search_show_more: "Show more results",
    search_show_all: "Show all {n}",
    search_nothing: "No results. Try fewer or shorter words, or clear the filters.",
    }
    counts {
    // Words that go with a number (`{n}`), one form per CLDR plural category.
    teams_and_groups_lede: "{n} team or group, in the shape of the organisation." / "{n} teams and groups, in the shape of the organisation.",
    decisions_lede: "{n} decision record, newest first by the date shown: when each was decided, or proposed while it is still open." / "{n} decision records, newest first by the date shown: when each was decided, or proposed while it is still open.",
    timeline_lede: "{n} decision by month, newest first (the date shown): each is placed at the date it was decided, or proposed while it is still open." / "{n} decisions by month, newest first (the date shown): each is placed at the date it was decided, or proposed while it is still open.",
    people_lede: "Everyone the charters and decision records name: {n} person." / "Everyone the charters and decision records name: {n} people.",
    /// The home page's figures: the words after the number.
    stat_teams: "team" / "teams",
    stat_groups: "group" / "groups",
    stat_decisions: "decision" / "decisions",
    stat_open_proposals: "open proposal" / "open proposals",
    stat_decisions_quarter: "decision this quarter" / "decisions this quarter",
    stat_findings: "open health finding" / "open health findings",
    stat_people: "person" / "people",
    more_groups: "{n} more top-level group or team: the whole org map" / "{n} more top-level groups and teams: the whole org map",
    more_sections: "{n} more section or page:" / "{n} more sections and pages:",
    all_handbook_pages: "all {n} handbook page" / "all {n} handbook pages",
    n_pages: "{n} page" / "{n} pages",
    in_n_sections: "in {n} section" / "in {n} sections",
    n_teams: "{n} team" / "{n} teams",
    in_n_groups: "in {n} group" / "in {n} groups",
    n_people: "{n} person" / "{n} people",
    charters_in_group: "{n} charter in this group." / "{n} charters in this group.",
    interactions_lede: "Which teams work with which, and how: {n} interaction declared in the charters' `[[interactions]]`." / "Which teams work with which, and how: {n} interactions declared in the charters' `[[interactions]]`.",
    /// `{teams}` teams and groups over `{m}` pages, `{n}` interactions drawn here.
    interactions_split: "The {teams} teams and groups are split over {m} pages in hierarchy order; this page draws the {n} interaction between its own teams, and its list below names every interaction of its teams, with teams on other pages too." / "The {teams} teams and groups are split over {m} pages in hierarchy order; this page draws the {n} interactions between its own teams, and its list below names every interaction of its teams, with teams on other pages too.",
    listed_by_more: "listed by {n} more team" / "listed by {n} more teams",
    ownership_lede: "{n} system, service or domain, owned by exactly one team." / "{n} systems, services and domains, each owned by exactly one team.",
    /// `{file}` the CODEOWNERS file's path.
    ownership_lede_code: "{n} system, service, domain or code path: what the charters own, owned by exactly one team, and the paths `{file}` gives to teams." / "{n} systems, services, domains and code paths: what the charters own, each owned by exactly one team, and the paths `{file}` gives to teams.",
    /// The decisions filter's status (`page.js`): `{n}` found among `{m}`.
    filter_matched: "{n} of {m} decision matches." / "{n} of {m} decisions match.",
    /// … among the newest `{m}` of `{total}`.
    filter_matched_newest: "{n} of the newest {m} decision matches ({total} in all)." / "{n} of the newest {m} decisions match ({total} in all).",
    filter_partly_unavailable: "Could not load the rest of the decisions to filter; {n} of the newest {m} matches." / "Could not load the rest of the decisions to filter; {n} of the newest {m} match.",
    teams_found: "{n} team found" / "{n} teams found",
    open_findings: "{n} open finding." / "{n} open findings.",
    more_people_decide: "{n} more person decides." / "{n} more people decide.",
    over_n_decided: "over {n} decided record." / "over {n} decided records.",
    faster_teams_not_shown: "{n} faster team not shown." / "{n} faster teams not shown.",
    summary_wait: "{n} open proposal waits on" / "{n} open proposals wait on",
    summary_type1_alone: "{n} Type 1 decision taken by the team alone" / "{n} Type 1 decisions taken by the team alone",
    summary_dependent: "{n} team with too many collaborations" / "{n} teams with too many collaborations",
    summary_one_way: "{n} one-way collaboration" / "{n} one-way collaborations",
    summary_unused: "{n} platform without consumers" / "{n} platforms without consumers",
    /// `{n}` of `{m}` metrics.
    summary_with_history: "{n} of {m} metrics has a history" / "{n} of {m} metrics have a history",
    summary_no_target: "{n} team with a metric without target" / "{n} teams with a metric without target",
    summary_stale_charters: "{n} stale charter" / "{n} stale charters",
    summary_oversized: "{n} oversized team" / "{n} oversized teams",
    summary_empty: "{n} empty group" / "{n} empty groups",
    /// The search page's summary: `{n}` results for `{q}`.
    search_summary: "{n} result for “{q}”" / "{n} results for “{q}”",
    }
}

/// A word that depends on a number: one form per CLDR plural category the language has
/// ("1 team", "2 teams"; Polish's "2 zespoły", "5 zespołów"), `other` for any the table
/// leaves out. Templates show it with `{{ t.key | count(n=…) }}`, which picks the form by
/// the page language's plural rules ([`CountFilter`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Plural {
    /// Indexed as [`CATEGORIES`]; `other` is always there.
    forms: [Option<Cow<'static, str>>; 6],
}

/// The CLDR plural categories, as `[ui_text.<lang>]` names a [`Plural`]'s forms.
pub const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];
const OTHER: usize = 5;

impl Plural {
    fn english(one: &'static str, other: &'static str) -> Plural {
        let mut forms: [Option<Cow<'static, str>>; 6] = Default::default();
        forms[1] = Some(Cow::Borrowed(one));
        forms[OTHER] = Some(Cow::Borrowed(other));
        Plural { forms }
    }

    /// The form for `category` (a CLDR name), else `other`.
    pub fn form(&self, category: &str) -> &str {
        CATEGORIES
            .iter()
            .position(|c| *c == category)
            .and_then(|i| self.forms[i].as_deref())
            .or(self.forms[OTHER].as_deref())
            .unwrap_or_default()
    }

    fn forms(&self) -> impl Iterator<Item = (&'static str, &str)> {
        CATEGORIES
            .iter()
            .zip(&self.forms)
            .filter_map(|(c, f)| Some((*c, f.as_deref()?)))
    }
}

impl Serialize for Plural {
    /// As a map from category to form, the value the `count` filter reads.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        for (category, form) in self.forms() {
            map.serialize_entry(category, form)?;
        }
        map.end()
    }
}

impl UiText {
    /// Sets `key` (a word, a counted word for every number, or one form `key.category`
    /// of a counted word); false for a key the interface does not have.
    fn set(&mut self, key: &str, value: Cow<'static, str>) -> bool {
        if let Some(word) = self.word_mut(key) {
            *word = value;
            return true;
        }
        let (key, category) = key.split_once('.').unwrap_or((key, "other"));
        let Some(i) = CATEGORIES.iter().position(|c| *c == category) else {
            return false;
        };
        match self.count_mut(key) {
            Some(plural) => {
                plural.forms[i] = Some(value);
                true
            }
            None => false,
        }
    }

    /// Forgets every form of the counted words `keys` names but `other`, before a table
    /// gives its own: English's "1 team" must not stand in for a form the table's
    /// language has and the table leaves out.
    fn clear_counts<'k>(&mut self, keys: impl Iterator<Item = &'k str>) {
        for key in keys {
            let key = key.split_once('.').map_or(key, |(k, _)| k);
            if let Some(plural) = self.count_mut(key) {
                for (i, form) in plural.forms.iter_mut().enumerate() {
                    if i != OTHER {
                        *form = None;
                    }
                }
            }
        }
    }
}

/// The keys the theme's scripts (`search.js`, `page.js`, `orgmap.js`, `owner.js`) read
/// from the search form's `data-words`.
pub const SCRIPT_KEYS: &[&str] = &[
    "search_no_results",
    "search_unavailable",
    "search_about_results",
    "search_all_results",
    "search_one_result",
    "search_live",
    "search_live_owner",
    "kind_team",
    "kind_group",
    "kind_decision",
    "kind_page",
    "kind_owner",
    "type1_title",
    "type2_title",
    "proposed_marker",
    "filter_show_all",
    "filter_show_more",
    "filter_looking",
    "filter_unavailable",
    "filter_matched",
    "filter_matched_newest",
    "filter_partly_unavailable",
    "zoom_out",
    "zoom_in",
    "zoom_fit",
    "zoom_fit_label",
    "zoom_actual",
    "teams_found",
    "no_team_matches",
    "owner_no_rule",
    "owner_no_owner",
    "owner_owned_by",
    "owner_rule_at",
    "owner_unavailable",
    "owner_search_no_rule",
    "owner_search_none",
    "owner_search_also",
    "facet_kind",
    "status_column",
    "type_column",
    "type_n",
    "filter_results",
    "search_summary",
    "search_summary_best",
    "search_partial",
    "search_show_more",
    "search_show_all",
    "search_nothing",
    "sentence_end",
    "status_proposed",
    "status_accepted",
    "status_rejected",
    "status_deprecated",
    "status_superseded",
];

/// The languages orgbook has a table for, by primary language subtag; `zh` is Simplified
/// Chinese. Each table names every key (a unit test checks it).
pub const BUNDLED: &[(&str, &[(&str, &str)])] = &[
    ("de", DE),
    ("es", ES),
    ("fr", FR),
    ("it", IT),
    ("ja", JA),
    ("ko", KO),
    ("nl", NL),
    ("pt", PT),
    ("zh", ZH),
];

/// One `[ui_text.<lang>]` table of orgbook.toml: the language as written and its words.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UiTextOverride {
    pub lang: String,
    pub words: Vec<(String, String)>,
}

/// The interface's words for every language the build may need, resolved once.
#[derive(Debug, Clone)]
pub struct UiTexts {
    /// `(lowercased tag, words)`: each bundled language and each language orgbook.toml names.
    by_lang: Vec<(String, Words)>,
    english: Words,
}

/// One language's words, with their template value built once. Tera 2 copies a
/// `tera::Value` met inside a context by its reference count, so each page's `t` costs
/// one count; serialised field by field it cost 2–3 % of a 10,000-page build's CPU
/// (`benches/pair.py`, docs/performance.md).
#[derive(Debug, Clone)]
pub struct Words {
    text: UiText,
    value: tera::Value,
}

impl Words {
    fn new(text: UiText) -> Words {
        let value = tera::Value::from_serializable(&text);
        Words { text, value }
    }
}

impl std::ops::Deref for Words {
    type Target = UiText;
    fn deref(&self) -> &UiText {
        &self.text
    }
}

impl Serialize for Words {
    /// Templates get the shared value; `serve`'s context hash (not human-readable, as for
    /// `render::deps::Drawn`) gets the words in field order, since the value's map is a
    /// hash map whose order differs between two builds of the same words.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            self.value.serialize(serializer)
        } else {
            self.text.serialize(serializer)
        }
    }
}

impl UiTexts {
    pub fn new(overrides: &[UiTextOverride]) -> Self {
        let mut tags: Vec<String> = BUNDLED.iter().map(|(tag, _)| tag.to_string()).collect();
        tags.extend(overrides.iter().map(|o| o.lang.to_ascii_lowercase()));
        tags.push("en".into());
        tags.sort();
        tags.dedup();
        let by_lang = tags
            .into_iter()
            .map(|tag| {
                let words = Words::new(resolve(&tag, overrides));
                (tag, words)
            })
            .collect();
        UiTexts {
            by_lang,
            english: Words::new(UiText::english()),
        }
    }

    /// The words for a page in language `tag` (`pt-BR` takes `pt`'s when there is no
    /// `pt-BR` table); English for a language nothing names.
    pub fn for_lang(&self, tag: &str) -> &Words {
        let find = |t: &str| {
            self.by_lang
                .iter()
                .find(|(lang, _)| lang.eq_ignore_ascii_case(t))
                .map(|(_, words)| words)
        };
        find(tag)
            .or_else(|| find(primary(tag)))
            .unwrap_or(&self.english)
    }
}

impl Default for UiTexts {
    fn default() -> Self {
        UiTexts::new(&[])
    }
}

impl UiText {
    /// The search box's placeholder for a handbook with (or without) charters and
    /// decision records; the `/` after it is the key that focuses the box.
    pub fn search_placeholder(&self, teams: bool, decisions: bool) -> String {
        let words = match (teams, decisions) {
            (true, true) => &self.search_placeholder_all,
            (true, false) => &self.search_placeholder_teams,
            (false, true) => &self.search_placeholder_decisions,
            (false, false) => &self.search_placeholder_pages,
        };
        format!("{words}  /")
    }
}

/// The `count` filter: `{{ t.people_lede | count(n=total) }}` takes the form of a
/// [`Plural`] that the plural rules of the page's language (the context's `lang`) give
/// `n`, and fills `{n}` and every other `{name}` from the filter's arguments
/// (`count(n=shown, m=total)`). A plain word is filled the same way, so a theme can fill
/// `{team}` in any word with it. The rules come from CLDR (`icu_plurals`), built once per
/// language a build meets; a language CLDR does not know counts as English.
#[derive(Default)]
pub struct CountFilter {
    rules: RwLock<Vec<(String, Option<PluralRules>)>>,
    /// The `marked` filter: the same, returning HTML with each `…` span of the word as
    /// code (`{{ t.velocity_intro | marked }}`: "(<code>date</code>)").
    marked: bool,
}

impl CountFilter {
    /// The `marked` filter (above).
    pub fn marked() -> Self {
        CountFilter {
            marked: true,
            ..CountFilter::default()
        }
    }

    fn category(&self, lang: &str, n: u64) -> &'static str {
        let pick = |rules: &[(String, Option<PluralRules>)]| {
            rules
                .iter()
                .find(|(l, _)| l == lang)
                .map(|(_, r)| r.as_ref().map(|r| cldr_name(r.category_for(n))))
        };
        if let Some(found) = pick(&self.rules.read().unwrap_or_else(|e| e.into_inner())) {
            return found.unwrap_or(if n == 1 { "one" } else { "other" });
        }
        let built = icu_locale_core::Locale::try_from_str(lang)
            .ok()
            .and_then(|locale| PluralRules::try_new_cardinal((&locale).into()).ok());
        let mut rules = self.rules.write().unwrap_or_else(|e| e.into_inner());
        rules.push((lang.to_string(), built));
        pick(&rules)
            .flatten()
            .unwrap_or(if n == 1 { "one" } else { "other" })
    }
}

fn cldr_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

impl tera::Filter<tera::Value, tera::TeraResult<String>> for CountFilter {
    fn call(
        &self,
        word: tera::Value,
        kwargs: tera::Kwargs,
        state: &tera::State,
    ) -> tera::TeraResult<String> {
        let n = kwargs.get::<tera::Value>("n")?;
        let form = match (word.as_map(), &n) {
            (Some(_), Some(n)) => {
                let count = n
                    .as_u64()
                    .or_else(|| n.as_f64().map(|f| f.max(0.0) as u64))
                    .ok_or_else(|| tera::Error::message(format!("count: n={n} is not a number")))?;
                let lang: String = state.get("lang")?.unwrap_or_else(|| "en".to_string());
                let category = self.category(&lang, count);
                word.get_from_path(category)
                    .or_else(|| word.get_from_path("other"))
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            }
            (Some(_), None) => {
                return Err(tera::Error::message(
                    "count: a word that depends on a number needs n=, as in `count(n=total)`",
                ));
            }
            (None, _) => word.as_str().unwrap_or_default().to_string(),
        };
        if !self.marked {
            return Ok(fill(&form, &kwargs));
        }
        // `marked`: escaped here, since the result is safe, and each `…` span is code. A
        // word with an odd number of backticks is shown as written.
        let pieces: Vec<&str> = form.split('`').collect();
        let mark = pieces.len() % 2 == 1;
        let mut html = Vec::with_capacity(form.len() + 16);
        for (i, piece) in pieces.iter().enumerate() {
            let code = mark && i % 2 == 1;
            if !mark && i > 0 {
                html.push(b'`');
            }
            if code {
                html.extend_from_slice(b"<code>");
            }
            tera::escape_html(&fill(piece, &kwargs), &mut html)
                .map_err(|e| tera::Error::message(e.to_string()))?;
            if code {
                html.extend_from_slice(b"</code>");
            }
        }
        String::from_utf8(html).map_err(|e| tera::Error::message(e.to_string()))
    }

    fn is_safe(&self) -> bool {
        self.marked
    }
}

/// `form` with each `{name}` the filter's arguments name replaced by its value, in one
/// pass: a value holding `{m}` stays as it is.
fn fill(form: &str, kwargs: &tera::Kwargs) -> String {
    let mut out = String::with_capacity(form.len() + 16);
    let mut rest = form;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]);
        let value = name
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
            .and_then(|n| kwargs.get::<tera::Value>(n).ok().flatten().map(|v| (n, v)));
        match value {
            Some((name, value)) => {
                match value.as_str() {
                    Some(text) => out.push_str(text),
                    None => out.push_str(&value.to_string()),
                }
                rest = &after[name.len() + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `pt` of `pt-BR`.
fn primary(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// English, then the bundled table of `tag`'s language, then orgbook.toml's words for the
/// language and for the exact tag, each over the one before.
fn resolve(tag: &str, overrides: &[UiTextOverride]) -> UiText {
    let mut words = UiText::english();
    let base = primary(tag);
    if let Some((_, table)) = BUNDLED.iter().find(|(t, _)| *t == base) {
        words.clear_counts(table.iter().map(|(key, _)| *key));
        for (key, value) in table.iter() {
            words.set(key, Cow::Borrowed(value));
        }
    }
    let general = overrides
        .iter()
        .filter(|o| o.lang.eq_ignore_ascii_case(base) && !base.eq_ignore_ascii_case(tag));
    let exact = overrides
        .iter()
        .filter(|o| o.lang.eq_ignore_ascii_case(tag));
    for o in general.chain(exact) {
        words.clear_counts(o.words.iter().map(|(key, _)| key.as_str()));
        for (key, value) in &o.words {
            words.set(key, Cow::Owned(value.clone()));
        }
    }
    let english = UiText::english();
    let differs = SCRIPT_KEYS.iter().any(|k| match words.count(k) {
        Some(plural) => english.count(k) != Some(plural),
        None => words.get(k) != english.get(k),
    });
    if differs {
        let map: serde_json::Map<String, serde_json::Value> = SCRIPT_KEYS
            .iter()
            .filter_map(|k| {
                let value = match words.count(k) {
                    Some(plural) => serde_json::to_value(plural).ok()?,
                    None => words.get(k)?.into(),
                };
                Some((k.to_string(), value))
            })
            .collect();
        words.script_words = serde_json::Value::Object(map).to_string();
    }
    words
}

const DE: &[(&str, &str)] = &[
    ("skip_to_content", "Zum Inhalt springen"),
    ("search_label", "Im Handbuch suchen"),
    ("search_needs_js", "Die Suche benötigt JavaScript"),
    (
        "search_placeholder_all",
        "Teams, Zuständige, Entscheidungen suchen…",
    ),
    (
        "search_placeholder_teams",
        "Teams, Zuständige, Seiten suchen…",
    ),
    (
        "search_placeholder_decisions",
        "Entscheidungen und Seiten suchen…",
    ),
    ("search_placeholder_pages", "Im Handbuch suchen…"),
    ("main_nav_label", "Hauptnavigation"),
    ("teams", "Teams"),
    ("org_map", "Organigramm"),
    ("decisions", "Entscheidungen"),
    ("timeline", "Zeitleiste"),
    ("ownership", "Wer ist wofür zuständig"),
    ("org_health", "Zustand der Organisation"),
    ("handbook", "Handbuch"),
    ("home", "Startseite"),
    ("breadcrumb_label", "Brotkrümelnavigation"),
    ("languages_label", "Sprachen"),
    ("also_in", "Auch auf:"),
    ("built_with", "erstellt mit"),
    ("sitemap", "Sitemap"),
    ("decisions_feed", "Feed der Entscheidungen"),
    ("in_this_section", "In diesem Abschnitt"),
    ("section_nav_label", "Abschnitt"),
    ("on_this_page", "Auf dieser Seite"),
    ("previous", "Zurück"),
    ("next", "Weiter"),
    ("prev_next_label", "Vorherige und nächste Seite"),
    ("pager_label", "Seiten dieser Liste"),
    ("source", "Quelle:"),
    ("last_updated", "Zuletzt aktualisiert"),
    ("charter_reviewed", "Charta geprüft am"),
    ("decided", "Entschieden am"),
    ("proposed", "Vorgeschlagen am"),
    ("edit_this_page", "Diese Seite bearbeiten"),
    ("linked_from", "Verlinkt von"),
    ("more_pages_one", "und 1 weitere Seite"),
    ("more_pages", "und {n} weitere Seiten"),
    ("not_found_title", "Seite nicht gefunden"),
    (
        "not_found_text",
        "Diese Seite gibt es nicht, oder sie wurde verschoben. Versuchen Sie eine dieser Seiten, oder suchen Sie oben.",
    ),
    ("search_no_results", "Keine Ergebnisse für „{q}“"),
    (
        "search_unavailable",
        "Die Suche ist nicht verfügbar: Der Index konnte nicht geladen werden.",
    ),
    ("search_about_results", "Etwa {n} Ergebnisse für „{q}“"),
    ("search_all_results", "Alle {n} Ergebnisse für „{q}“"),
    ("search_one_result", "1 Ergebnis für „{q}“"),
    ("search_live", "{n} Ergebnisse"),
    ("search_live_owner", "Code-Owner gefunden, {n} Ergebnisse"),
    ("kind_team", "Team"),
    ("kind_group", "Gruppe"),
    ("kind_decision", "Entscheidung"),
    ("kind_page", "Seite"),
    ("kind_owner", "Code-Owner"),
    ("metrics", "Kennzahlen"),
    ("metric", "Kennzahl"),
    ("current", "Aktuell"),
    ("target", "Ziel"),
    ("owns", "Verantwortet"),
    ("code", "Code"),
    ("people", "Personen"),
    ("lead", "Leitung"),
    ("members", "Mitglieder"),
    ("place_in_org", "Platz in der Organisation"),
    ("in_this_group", "In dieser Gruppe"),
    ("part_of", "Teil von"),
    ("top_level", "oberste Ebene"),
    ("topology", "Topologie"),
    ("interactions", "Zusammenarbeit"),
    ("collaborates_with", "Wir arbeiten zusammen mit"),
    ("uses", "Wir nutzen"),
    ("facilitates", "Wir unterstützen"),
    ("used_by", "Genutzt von"),
    ("facilitated_by", "Unterstützt von"),
    ("pages_of", "Seiten von {team}"),
    ("all_decisions_of", "Alle {n} Entscheidungen von {team}"),
    (
        "see_in_interactions_map",
        "{team} in der Karte der Zusammenarbeit ansehen",
    ),
    ("authors", "Autoren"),
    ("deciders", "Entscheidende"),
    ("revisit", "Überprüfen am"),
    ("tags", "Schlagwörter"),
    ("supersedes", "Ersetzt"),
    ("superseded_by", "Ersetzt durch"),
    ("would_supersede", "Würde ersetzen"),
    ("proposed_to_supersede", "Sollte ersetzen"),
    ("proposed_successors", "Vorgeschlagene Nachfolger"),
    ("title_column", "Titel"),
    ("status_column", "Status"),
    ("type_column", "Typ"),
    ("decided_column", "Entschieden"),
    ("or_proposed", "(oder vorgeschlagen)"),
    ("proposed_marker", "vorgeschlagen"),
    ("see_also", "Siehe auch:"),
    ("name_column", "Name"),
    ("size_column", "Größe"),
    ("primary_metric_column", "Hauptkennzahl"),
    ("group_badge", "Gruppe"),
    (
        "decision_types",
        "Typ-1-Entscheidungen sind unumkehrbar und werden eskaliert; Typ-2-Entscheidungen sind umkehrbar und fallen schnell.",
    ),
    ("revisit_calendar", "Kalender der Überprüfungstermine"),
    ("filter_any", "alle"),
    ("type1_option", "Typ 1 · unumkehrbar"),
    ("type2_option", "Typ 2 · umkehrbar"),
    ("tag", "Schlagwort"),
    ("part_of_a_name", "Teil eines Namens"),
    ("part_of_a_tag", "Teil eines Schlagworts"),
    ("filter_button", "Filtern"),
    ("at_a_glance", "Auf einen Blick"),
    ("where_they_wait", "wo sie warten"),
    (
        "median_days_to_decide",
        "Tage bis zur Entscheidung (Median)",
    ),
    ("the_organisation", "Die Organisation"),
    ("recent_decisions", "Neueste Entscheidungen"),
    ("all_decisions", "Alle Entscheidungen"),
    ("waiting_on_them", "Warten auf sie"),
    ("median_days", "Tage (Median)"),
    (
        "open_a_section",
        "Öffnen Sie einen Bereich, um seine Seiten Ordner für Ordner zu sehen.",
    ),
    ("overview", "Übersicht"),
    ("decision_timeline", "Zeitleiste der Entscheidungen"),
    ("feed", "Feed"),
    ("no_decisions_yet", "Noch keine Entscheidungen."),
    ("months_label", "Monate"),
    (
        "month_names",
        "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember",
    ),
    ("month_year", "{month} {year}"),
    ("continued", "(Fortsetzung)"),
    ("event_decided", "entschieden"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "ersetzt"),
    ("type1_title", "Typ 1: unumkehrbar, eskaliert"),
    ("type2_title", "Typ 2: umkehrbar"),
    ("search_title", "Suche"),
    (
        "browse_instead",
        "Die Suche braucht JavaScript. Stöbern Sie stattdessen hier:",
    ),
    (
        "orgmap_explained",
        "Jedes Kästchen zeigt ein Team, seine Hauptkennzahl (mit Trendpfeil, wenn die Kennzahl eine Historie hat) und seine Größe; wählen Sie eines, um seine Charta zu öffnen.",
    ),
    ("who_works_with_whom", "Wer mit wem arbeitet:"),
    ("interactions_view", "die Ansicht der Zusammenarbeit"),
    ("all_part_of", "alle Teil von {team}"),
    ("charter_of", "Charta von {team}"),
    ("open_map_of", "Die Karte von {team} öffnen"),
    ("more_n", "+{n} weitere"),
    ("teams_outside_groups", "Teams außerhalb jeder Gruppe"),
    ("on_this_page_range", "{from}–{to} auf dieser Seite"),
    ("skip_to_org_list", "Zur Organisation als Liste springen"),
    ("skip_to_group_list", "Zur Gruppe als Liste springen"),
    ("as_a_list", "Als Liste"),
    ("map_and_list", "Karte und Liste"),
    ("find_a_team", "Ein Team finden"),
    ("team_name_placeholder", "Teamname"),
    ("groups_label", "Gruppen"),
    ("part_of_parts", "(Teil {n} von {m})"),
    ("group_charter", "Die Charta der Gruppe"),
    ("whole_organisation", "Die ganze Organisation"),
    (
        "group_drawn_over",
        "Die Gruppe ist auf {m} Seiten gezeichnet; dies ist Seite {n}, mit den Gruppen über ihrer ersten Charta zur Orientierung erneut gezeichnet.",
    ),
    ("team_interactions", "Zusammenarbeit der Teams"),
    (
        "arrows_explained",
        "Pfeile zeigen auf das Team, von dem abgehangen wird.",
    ),
    ("ix_collaborates_with", "arbeitet zusammen mit"),
    ("ix_uses", "nutzt"),
    ("ix_facilitates", "unterstützt"),
    ("ix_used_by", "genutzt von"),
    ("ix_facilitated_by", "unterstützt von"),
    ("lead_of_team", "Leitung"),
    ("who_owns_a_path", "Wem gehört eine Datei oder ein Ordner?"),
    ("jump_to_letter", "Zum Buchstaben springen"),
    ("owners_label", "Verantwortliche"),
    ("item_column", "Eintrag"),
    ("owner_column", "Verantwortlich"),
    ("group_column", "Gruppe"),
    ("contact_column", "Kontakt"),
    ("line_n", "Zeile {n}"),
    (
        "nothing_owned",
        "Noch keine Charta führt etwas unter `owns` auf.",
    ),
    (
        "nothing_owned_code",
        "Noch keine Charta führt etwas unter `owns` auf, und `{file}` nennt kein Team mit Charta.",
    ),
    ("leads", "Leitet"),
    ("member_of", "Mitglied von"),
    ("and_n_more", "und {n} weitere"),
    ("not_in_any_charter", "In keiner Charta aufgeführt."),
    ("deciding", "Entscheiden"),
    ("open_proposals_waiting", "Wartende offene Vorschläge"),
    ("decisions_taken", "Getroffene Entscheidungen"),
    ("days_to_decide", "Tage bis zur Entscheidung"),
    ("median", "Median"),
    ("p90", "90. Perzentil"),
    ("type1_share", "Anteil der Typ-1-Entscheidungen"),
    ("waiting_on", "Wartet auf {name}"),
    ("most_recent_of", "Die {n} neuesten von {m}."),
    ("wrote", "Verfasst"),
    ("where_decisions_wait", "Wo Entscheidungen warten"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.one",
        "{n} Team oder Gruppe, in der Gestalt der Organisation.",
    ),
    (
        "teams_and_groups_lede.other",
        "{n} Teams und Gruppen, in der Gestalt der Organisation.",
    ),
    (
        "decisions_lede.one",
        "{n} Entscheidungsprotokoll, das neueste zuerst nach dem angezeigten Datum: wann es entschieden wurde, oder vorgeschlagen, solange es offen ist.",
    ),
    (
        "decisions_lede.other",
        "{n} Entscheidungsprotokolle, die neuesten zuerst nach dem angezeigten Datum: wann jedes entschieden wurde, oder vorgeschlagen, solange es offen ist.",
    ),
    (
        "timeline_lede.one",
        "{n} Entscheidung nach Monat, die neueste zuerst (das angezeigte Datum): sie steht beim Datum ihrer Entscheidung, oder ihres Vorschlags, solange sie offen ist.",
    ),
    (
        "timeline_lede.other",
        "{n} Entscheidungen nach Monat, die neuesten zuerst (das angezeigte Datum): jede steht beim Datum ihrer Entscheidung, oder ihres Vorschlags, solange sie offen ist.",
    ),
    (
        "people_lede.one",
        "Alle, die die Chartas und Entscheidungsprotokolle nennen: {n} Person.",
    ),
    (
        "people_lede.other",
        "Alle, die die Chartas und Entscheidungsprotokolle nennen: {n} Personen.",
    ),
    ("stat_teams.one", "Team"),
    ("stat_teams.other", "Teams"),
    ("stat_groups.one", "Gruppe"),
    ("stat_groups.other", "Gruppen"),
    ("stat_decisions.one", "Entscheidung"),
    ("stat_decisions.other", "Entscheidungen"),
    ("stat_open_proposals.one", "offener Vorschlag"),
    ("stat_open_proposals.other", "offene Vorschläge"),
    (
        "stat_decisions_quarter.one",
        "Entscheidung in diesem Quartal",
    ),
    (
        "stat_decisions_quarter.other",
        "Entscheidungen in diesem Quartal",
    ),
    ("stat_findings.one", "offener Befund zur Gesundheit"),
    ("stat_findings.other", "offene Befunde zur Gesundheit"),
    ("stat_people.one", "Person"),
    ("stat_people.other", "Personen"),
    (
        "more_groups.one",
        "{n} weitere Gruppe oder weiteres Team der obersten Ebene: das ganze Organigramm",
    ),
    (
        "more_groups.other",
        "{n} weitere Gruppen und Teams der obersten Ebene: das ganze Organigramm",
    ),
    (
        "more_sections.one",
        "{n} weiterer Bereich oder weitere Seite:",
    ),
    ("more_sections.other", "{n} weitere Bereiche und Seiten:"),
    ("all_handbook_pages.one", "die {n} Seite des Handbuchs"),
    ("all_handbook_pages.other", "alle {n} Seiten des Handbuchs"),
    ("n_pages.one", "{n} Seite"),
    ("n_pages.other", "{n} Seiten"),
    ("in_n_sections.one", "in {n} Bereich"),
    ("in_n_sections.other", "in {n} Bereichen"),
    ("n_teams.one", "{n} Team"),
    ("n_teams.other", "{n} Teams"),
    ("in_n_groups.one", "in {n} Gruppe"),
    ("in_n_groups.other", "in {n} Gruppen"),
    ("n_people.one", "{n} Person"),
    ("n_people.other", "{n} Personen"),
    ("charters_in_group.one", "{n} Charta in dieser Gruppe."),
    ("charters_in_group.other", "{n} Chartas in dieser Gruppe."),
    (
        "interactions_lede.one",
        "Welche Teams mit welchen arbeiten, und wie: {n} Zusammenarbeit, in den `[[interactions]]` der Chartas angegeben.",
    ),
    (
        "interactions_lede.other",
        "Welche Teams mit welchen arbeiten, und wie: {n} Formen der Zusammenarbeit, in den `[[interactions]]` der Chartas angegeben.",
    ),
    (
        "interactions_split.one",
        "Die {teams} Teams und Gruppen sind in der Reihenfolge der Hierarchie auf {m} Seiten verteilt; diese Seite zeichnet die {n} Zusammenarbeit zwischen ihren eigenen Teams, und ihre Liste unten nennt jede Zusammenarbeit ihrer Teams, auch mit Teams auf anderen Seiten.",
    ),
    (
        "interactions_split.other",
        "Die {teams} Teams und Gruppen sind in der Reihenfolge der Hierarchie auf {m} Seiten verteilt; diese Seite zeichnet die {n} Formen der Zusammenarbeit zwischen ihren eigenen Teams, und ihre Liste unten nennt jede Zusammenarbeit ihrer Teams, auch mit Teams auf anderen Seiten.",
    ),
    ("listed_by_more.one", "genannt von {n} weiteren Team"),
    ("listed_by_more.other", "genannt von {n} weiteren Teams"),
    (
        "ownership_lede.one",
        "{n} System, Dienst oder Bereich, der genau einem Team gehört.",
    ),
    (
        "ownership_lede.other",
        "{n} Systeme, Dienste und Bereiche, jedes genau einem Team zugeordnet.",
    ),
    (
        "ownership_lede_code.one",
        "{n} System, Dienst, Bereich oder Codepfad: was die Chartas besitzen, genau einem Team zugeordnet, und die Pfade, die `{file}` Teams gibt.",
    ),
    (
        "ownership_lede_code.other",
        "{n} Systeme, Dienste, Bereiche und Codepfade: was die Chartas besitzen, jedes genau einem Team zugeordnet, und die Pfade, die `{file}` Teams gibt.",
    ),
    ("decided_heading", "Entschieden"),
    ("filter_show_all", "Alle zeigen"),
    ("filter_show_more", "Mehr zeigen"),
    ("filter_looking", "Suche weiter…"),
    (
        "filter_unavailable",
        "Die Entscheidungen zum Filtern konnten nicht geladen werden; die ganze Liste wird gezeigt.",
    ),
    ("zoom_out", "Verkleinern"),
    ("zoom_in", "Vergrößern"),
    ("zoom_fit", "Anpassen"),
    ("zoom_fit_label", "Karte an die Breite anpassen"),
    ("zoom_actual", "Originalgröße (100 %)"),
    ("no_team_matches", "Kein Team passt zu „{q}“"),
    (
        "owner_no_rule",
        ": keine Regel in {file} passt, daher hat es keinen Code-Verantwortlichen.",
    ),
    (
        "owner_no_owner",
        ": kein Code-Verantwortlicher; die letzte passende Regel nennt keinen",
    ),
    ("owner_owned_by", " gehört "),
    ("owner_rule_at", "{file} Zeile {n}"),
    (
        "owner_unavailable",
        "Die CODEOWNERS-Regeln konnten nicht geladen werden.",
    ),
    ("owner_search_no_rule", "Keine Regel in {file} passt"),
    ("owner_search_none", "Kein Code-Verantwortlicher"),
    ("owner_search_also", "auch"),
    ("facet_kind", "Art"),
    ("type_n", "Typ {n}"),
    ("filter_results", "Ergebnisse filtern"),
    (
        "search_summary_best",
        "Die besten {n} von etwa {m} Ergebnissen für „{q}“. Tippen Sie mehr, um sie einzugrenzen.",
    ),
    (
        "search_partial",
        "Keine Seite enthält alle Wörter; diese enthalten einige davon.",
    ),
    ("search_show_more", "Weitere Ergebnisse zeigen"),
    ("search_show_all", "Alle {n} zeigen"),
    (
        "search_nothing",
        "Keine Ergebnisse. Versuchen Sie weniger oder kürzere Wörter, oder heben Sie die Filter auf.",
    ),
    ("filter_matched.one", "{n} von {m} Entscheidung passt."),
    ("filter_matched.other", "{n} von {m} Entscheidungen passen."),
    (
        "filter_matched_newest.one",
        "{n} der neuesten {m} Entscheidung passt ({total} insgesamt).",
    ),
    (
        "filter_matched_newest.other",
        "{n} der neuesten {m} Entscheidungen passen ({total} insgesamt).",
    ),
    (
        "filter_partly_unavailable.one",
        "Der Rest der Entscheidungen konnte nicht geladen werden; {n} der neuesten {m} passt.",
    ),
    (
        "filter_partly_unavailable.other",
        "Der Rest der Entscheidungen konnte nicht geladen werden; {n} der neuesten {m} passen.",
    ),
    ("teams_found.one", "{n} Team gefunden"),
    ("teams_found.other", "{n} Teams gefunden"),
    ("search_summary.one", "{n} Ergebnis für „{q}“"),
    ("search_summary.other", "{n} Ergebnisse für „{q}“"),
    ("status_proposed", "vorgeschlagen"),
    ("status_accepted", "angenommen"),
    ("status_rejected", "abgelehnt"),
    ("status_deprecated", "veraltet"),
    ("status_superseded", "ersetzt"),
    ("in_force_now", "Jetzt gültig:"),
    ("current_marker", "gültig"),
    ("n_more", "{n} weitere"),
    (
        "proposes_to_supersede",
        "schlägt vor, diese Entscheidung zu ersetzen",
    ),
    (
        "stays_in_force",
        "die gültig bleibt, bis dieser Vorschlag angenommen ist",
    ),
    (
        "proposed_to_supersede_and_is",
        "schlug vor, diese Entscheidung zu ersetzen, und ist {status}",
    ),
    (
        "health_lede",
        "Wo die Organisation langsam oder unklar ist, berechnet aus den Chartas und Entscheidungen am {date}.",
    ),
    ("summary_heading", "Zusammenfassung"),
    (
        "deciders_explained",
        "Die Entscheidenden jeder Entscheidung (`deciders`; bei einer Typ-2-Entscheidung ohne sie die Leitung des zuständigen Teams), die mit den meisten offenen Vorschlägen zuerst, dann die langsamsten. Markiert ab mehr als {max} offenen Vorschlägen oder einem Median über {days} Tagen.",
    ),
    ("person_column", "Person"),
    ("p90_days", "Tage (90. Perzentil)"),
    ("type1_share_column", "Anteil Typ 1"),
    (
        "no_deciders_yet",
        "Noch keine Entscheidung nennt Entscheidende.",
    ),
    ("decision_velocity", "Entscheidungstempo"),
    (
        "velocity_intro",
        "Tage vom Vorschlag (`date`) bis zur Entscheidung (`decided`):",
    ),
    ("by_type_column", "Nach Typ"),
    ("decisions_column", "Entscheidungen"),
    ("team_slowest_column", "Team (langsamste zuerst)"),
    (
        "velocity_caption",
        "Median der Tage bis zur Entscheidung je Quartal (nach dem Quartal von `decided`): durchgezogen Typ 1, gestrichelt Typ 2.",
    ),
    ("no_decided_yet", "Noch keine entschiedenen Protokolle."),
    ("rule_word", "Regel"),
    ("fails_the_build", "lässt den Build scheitern"),
    ("review_period_days", "Prüfzeitraum {n} Tage"),
    ("threshold_days", "Schwelle {n} Tage"),
    ("max_members", "höchstens {n} Mitglieder"),
    (
        "more_findings",
        "{n} weitere; `orgbook check` gibt jeden Befund mit Datei und Zeile aus.",
    ),
    ("none_found", "Keine."),
    ("person_page", "Personenseite"),
    ("question_decisions_wait", "Wo warten Entscheidungen?"),
    (
        "question_reversible_fast",
        "Gehen umkehrbare Entscheidungen schnell?",
    ),
    (
        "question_ship_alone",
        "Welche Teams können nicht allein liefern?",
    ),
    (
        "question_metrics",
        "Welche Kennzahlen bewegen sich nicht oder werden nicht gemessen?",
    ),
    (
        "question_charters",
        "Welche Chartas sind veraltet oder zu groß?",
    ),
    (
        "rule_stale_charter",
        "Chartas, die im Prüfzeitraum (oder nie) nicht geprüft wurden",
    ),
    (
        "rule_no_metric_target",
        "Teams, deren Kennzahlen kein Ziel haben",
    ),
    (
        "rule_oversized_team",
        "Teams, die größer als die Höchstgröße sind",
    ),
    ("rule_empty_group", "Gruppen ohne Team"),
    (
        "rule_stalled_proposal",
        "Vorschläge, die länger als die Stillstandsschwelle offen sind",
    ),
    (
        "rule_unmarked_superseded",
        "Entscheidungen, die durch eine angenommene ersetzt, aber nicht als ersetzt markiert sind",
    ),
    (
        "rule_revisit_overdue",
        "Typ-2-Entscheidungen nach ihrem Überprüfungstermin",
    ),
    (
        "rule_decider_overload",
        "Personen, auf die mehr offene Vorschläge warten als erlaubt",
    ),
    (
        "rule_slow_decider",
        "Personen, deren Entscheidungen länger als die Schwelle dauern (Median)",
    ),
    (
        "rule_type2_escalated",
        "Eskalierte umkehrbare Entscheidungen: zu viele Entscheidende oder Entscheidende außerhalb der Gruppe des Teams",
    ),
    (
        "rule_type2_slow",
        "Umkehrbare Entscheidungen, die länger als die Schwelle dauerten",
    ),
    (
        "rule_type1_unescalated",
        "Unumkehrbare Entscheidungen, die das zuständige Team allein traf",
    ),
    (
        "rule_too_many_dependencies",
        "Stream-aligned Teams mit mehr Zusammenarbeit als erlaubt: sie können nicht allein liefern",
    ),
    (
        "rule_platform_without_consumers",
        "Plattformteams, die kein anderes Team als genutzt angibt",
    ),
    (
        "rule_one_way_collaboration",
        "Zusammenarbeit, die nur eines der beiden Teams nennt",
    ),
    (
        "rule_shared_code",
        "Teams, denen CODEOWNERS Codepfade gemeinsam mit anderen Teams gibt: kein einzelnes Team ist verantwortlich",
    ),
    (
        "rule_metric_stale",
        "Kennzahlen ohne Datenpunkt im Zeitraum",
    ),
    (
        "rule_metric_off_target",
        "Kennzahlen, die ihr Ziel verfehlen und sich davon entfernen",
    ),
    (
        "rule_placeholder_text",
        "Chartas und Entscheidungen, die noch den Platzhaltertext der Vorlage enthalten",
    ),
    ("open_findings.one", "{n} offener Befund."),
    ("open_findings.other", "{n} offene Befunde."),
    ("more_people_decide.one", "{n} weitere Person entscheidet."),
    (
        "more_people_decide.other",
        "{n} weitere Personen entscheiden.",
    ),
    ("over_n_decided.one", "über {n} entschiedenes Protokoll."),
    ("over_n_decided.other", "über {n} entschiedene Protokolle."),
    (
        "faster_teams_not_shown.one",
        "{n} schnelleres Team nicht gezeigt.",
    ),
    (
        "faster_teams_not_shown.other",
        "{n} schnellere Teams nicht gezeigt.",
    ),
    ("summary_most_on", "; die meisten auf {name} ({n})"),
    (
        "summary_overloaded_slow",
        "; {overloaded} überlastet, {slow} langsam",
    ),
    (
        "summary_type2",
        "Typ 2 Median {median} Tage (Schwelle {threshold}); {slow} langsam, {escalated} eskaliert;",
    ),
    (
        "summary_metric_health",
        "; {stale} veraltet, {off_target} entfernen sich vom Ziel,",
    ),
    ("summary_wait.one", "{n} offener Vorschlag wartet auf"),
    ("summary_wait.other", "{n} offene Vorschläge warten auf"),
    (
        "summary_type1_alone.one",
        "{n} Typ-1-Entscheidung vom Team allein getroffen",
    ),
    (
        "summary_type1_alone.other",
        "{n} Typ-1-Entscheidungen vom Team allein getroffen",
    ),
    (
        "summary_dependent.one",
        "{n} Team mit zu viel Zusammenarbeit",
    ),
    (
        "summary_dependent.other",
        "{n} Teams mit zu viel Zusammenarbeit",
    ),
    ("summary_one_way.one", "{n} einseitige Zusammenarbeit"),
    (
        "summary_one_way.other",
        "{n} einseitige Formen der Zusammenarbeit",
    ),
    ("summary_unused.one", "{n} Plattform ohne Nutzer"),
    ("summary_unused.other", "{n} Plattformen ohne Nutzer"),
    (
        "summary_with_history.one",
        "{n} von {m} Kennzahlen hat eine Historie",
    ),
    (
        "summary_with_history.other",
        "{n} von {m} Kennzahlen haben eine Historie",
    ),
    (
        "summary_no_target.one",
        "{n} Team mit einer Kennzahl ohne Ziel",
    ),
    (
        "summary_no_target.other",
        "{n} Teams mit einer Kennzahl ohne Ziel",
    ),
    ("summary_stale_charters.one", "{n} veraltete Charta"),
    ("summary_stale_charters.other", "{n} veraltete Chartas"),
    ("summary_oversized.one", "{n} zu großes Team"),
    ("summary_oversized.other", "{n} zu große Teams"),
    ("summary_empty.one", "{n} leere Gruppe"),
    ("summary_empty.other", "{n} leere Gruppen"),
    (
        "threshold_decider_overload",
        "höchstens {n} offene Vorschläge je Entscheidende Person",
    ),
    ("threshold_slow_decider", "Schwelle {n} Tage (Median)"),
    (
        "threshold_type2_escalated",
        "höchstens {n} Entscheidende, alle aus der Gruppe des Teams",
    ),
    ("threshold_type2_slow", "Schwelle {n} Tage"),
    (
        "threshold_too_many_dependencies",
        "höchstens {n} Formen der Zusammenarbeit",
    ),
    ("threshold_metric_stale", "Zeitraum {n} Tage"),
];

const ES: &[(&str, &str)] = &[
    ("skip_to_content", "Saltar al contenido"),
    ("search_label", "Buscar en el manual"),
    ("search_needs_js", "La búsqueda necesita JavaScript"),
    (
        "search_placeholder_all",
        "Buscar equipos, responsables, decisiones…",
    ),
    (
        "search_placeholder_teams",
        "Buscar equipos, responsables, páginas…",
    ),
    (
        "search_placeholder_decisions",
        "Buscar decisiones y páginas…",
    ),
    ("search_placeholder_pages", "Buscar en el manual…"),
    ("main_nav_label", "Principal"),
    ("teams", "Equipos"),
    ("org_map", "Organigrama"),
    ("decisions", "Decisiones"),
    ("timeline", "Cronología"),
    ("ownership", "Quién es responsable de qué"),
    ("org_health", "Salud de la organización"),
    ("handbook", "Manual"),
    ("home", "Inicio"),
    ("breadcrumb_label", "Ruta de navegación"),
    ("languages_label", "Idiomas"),
    ("also_in", "También en:"),
    ("built_with", "creado con"),
    ("sitemap", "mapa del sitio"),
    ("decisions_feed", "feed de decisiones"),
    ("in_this_section", "En esta sección"),
    ("section_nav_label", "Sección"),
    ("on_this_page", "En esta página"),
    ("previous", "Anterior"),
    ("next", "Siguiente"),
    ("prev_next_label", "Página anterior y siguiente"),
    ("pager_label", "Páginas de esta lista"),
    ("source", "Fuente:"),
    ("last_updated", "Última actualización"),
    ("charter_reviewed", "Carta revisada el"),
    ("decided", "Decidido el"),
    ("proposed", "Propuesto el"),
    ("edit_this_page", "Editar esta página"),
    ("linked_from", "Enlazado desde"),
    ("more_pages_one", "y 1 página más"),
    ("more_pages", "y {n} páginas más"),
    ("not_found_title", "Página no encontrada"),
    (
        "not_found_text",
        "Esta página no existe o se ha movido. Pruebe una de estas páginas, o busque arriba.",
    ),
    ("search_no_results", "No hay resultados para «{q}»"),
    (
        "search_unavailable",
        "La búsqueda no está disponible: no se pudo cargar el índice.",
    ),
    ("search_about_results", "Unos {n} resultados para «{q}»"),
    ("search_all_results", "Los {n} resultados para «{q}»"),
    ("search_one_result", "1 resultado para «{q}»"),
    ("search_live", "{n} resultados"),
    (
        "search_live_owner",
        "Responsable del código encontrado, {n} resultados",
    ),
    ("kind_team", "Equipo"),
    ("kind_group", "Grupo"),
    ("kind_decision", "Decisión"),
    ("kind_page", "Página"),
    ("kind_owner", "Responsable del código"),
    ("metrics", "Métricas"),
    ("metric", "Métrica"),
    ("current", "Actual"),
    ("target", "Objetivo"),
    ("owns", "Es responsable de"),
    ("code", "Código"),
    ("people", "Personas"),
    ("lead", "Responsable"),
    ("members", "Miembros"),
    ("place_in_org", "Lugar en la organización"),
    ("in_this_group", "En este grupo"),
    ("part_of", "Parte de"),
    ("top_level", "nivel superior"),
    ("topology", "Topología"),
    ("interactions", "Interacciones"),
    ("collaborates_with", "Colaboramos con"),
    ("uses", "Usamos"),
    ("facilitates", "Facilitamos"),
    ("used_by", "Usado por"),
    ("facilitated_by", "Facilitado por"),
    ("pages_of", "Páginas de {team}"),
    ("all_decisions_of", "Las {n} decisiones de {team}"),
    (
        "see_in_interactions_map",
        "Ver {team} en el mapa de interacciones",
    ),
    ("authors", "Autores"),
    ("deciders", "Decisores"),
    ("revisit", "Revisar el"),
    ("tags", "Etiquetas"),
    ("supersedes", "Reemplaza a"),
    ("superseded_by", "Reemplazada por"),
    ("would_supersede", "Reemplazaría a"),
    ("proposed_to_supersede", "Propuso reemplazar a"),
    ("proposed_successors", "Sucesoras propuestas"),
    ("title_column", "Título"),
    ("status_column", "Estado"),
    ("type_column", "Tipo"),
    ("decided_column", "Decidida"),
    ("or_proposed", "(o propuesta)"),
    ("proposed_marker", "propuesta"),
    ("see_also", "Véase también:"),
    ("name_column", "Nombre"),
    ("size_column", "Tamaño"),
    ("primary_metric_column", "Métrica principal"),
    ("group_badge", "grupo"),
    (
        "decision_types",
        "Las decisiones de tipo 1 son irreversibles y se escalan; las de tipo 2 son reversibles y se toman rápido.",
    ),
    ("revisit_calendar", "Calendario de fechas de revisión"),
    ("filter_any", "cualquiera"),
    ("type1_option", "Tipo 1 · irreversible"),
    ("type2_option", "Tipo 2 · reversible"),
    ("tag", "Etiqueta"),
    ("part_of_a_name", "parte de un nombre"),
    ("part_of_a_tag", "parte de una etiqueta"),
    ("filter_button", "Filtrar"),
    ("at_a_glance", "De un vistazo"),
    ("where_they_wait", "dónde esperan"),
    ("median_days_to_decide", "días medianos para decidir"),
    ("the_organisation", "La organización"),
    ("recent_decisions", "Decisiones recientes"),
    ("all_decisions", "Todas las decisiones"),
    ("waiting_on_them", "Esperando por ellos"),
    ("median_days", "Días (mediana)"),
    (
        "open_a_section",
        "Abra una sección para ver sus páginas, carpeta por carpeta.",
    ),
    ("overview", "resumen"),
    ("decision_timeline", "Cronología de decisiones"),
    ("feed", "Feed"),
    ("no_decisions_yet", "Todavía no hay decisiones."),
    ("months_label", "Meses"),
    (
        "month_names",
        "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre",
    ),
    ("month_year", "{month} de {year}"),
    ("continued", "(continuación)"),
    ("event_decided", "decidida"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "sustituye a"),
    ("type1_title", "Tipo 1: irreversible, escalada"),
    ("type2_title", "Tipo 2: reversible"),
    ("search_title", "Búsqueda"),
    (
        "browse_instead",
        "La búsqueda necesita JavaScript. Explore en su lugar:",
    ),
    (
        "orgmap_explained",
        "Cada recuadro muestra un equipo, su métrica principal (con su flecha de tendencia cuando la métrica tiene historial) y su tamaño; seleccione uno para abrir su carta.",
    ),
    ("who_works_with_whom", "Quién trabaja con quién:"),
    ("interactions_view", "la vista de interacciones"),
    ("all_part_of", "todos parte de {team}"),
    ("charter_of", "Carta de {team}"),
    ("open_map_of", "Abrir el mapa de {team}"),
    ("more_n", "+{n} más"),
    ("teams_outside_groups", "Equipos fuera de cualquier grupo"),
    ("on_this_page_range", "{from}–{to} en esta página"),
    ("skip_to_org_list", "Ir a la organización como lista"),
    ("skip_to_group_list", "Ir al grupo como lista"),
    ("as_a_list", "Como lista"),
    ("map_and_list", "mapa y lista"),
    ("find_a_team", "Buscar un equipo"),
    ("team_name_placeholder", "Nombre del equipo"),
    ("groups_label", "Grupos"),
    ("part_of_parts", "(parte {n} de {m})"),
    ("group_charter", "La carta del grupo"),
    ("whole_organisation", "Toda la organización"),
    (
        "group_drawn_over",
        "El grupo se dibuja en {m} páginas; esta es la página {n}, con los grupos por encima de su primera carta dibujados de nuevo como contexto.",
    ),
    ("team_interactions", "Interacciones entre equipos"),
    (
        "arrows_explained",
        "Las flechas apuntan al equipo del que se depende.",
    ),
    ("ix_collaborates_with", "colabora con"),
    ("ix_uses", "usa"),
    ("ix_facilitates", "facilita"),
    ("ix_used_by", "usado por"),
    ("ix_facilitated_by", "facilitado por"),
    ("lead_of_team", "responsable"),
    ("who_owns_a_path", "¿De quién es un archivo o una carpeta?"),
    ("jump_to_letter", "Ir a la letra"),
    ("owners_label", "Responsables"),
    ("item_column", "Elemento"),
    ("owner_column", "Responsable"),
    ("group_column", "Grupo"),
    ("contact_column", "Contacto"),
    ("line_n", "línea {n}"),
    (
        "nothing_owned",
        "Ninguna carta incluye todavía nada en `owns`.",
    ),
    (
        "nothing_owned_code",
        "Ninguna carta incluye todavía nada en `owns`, y `{file}` no nombra ningún equipo con carta.",
    ),
    ("leads", "Dirige"),
    ("member_of", "Miembro de"),
    ("and_n_more", "y {n} más"),
    ("not_in_any_charter", "No figura en ninguna carta."),
    ("deciding", "Decidir"),
    ("open_proposals_waiting", "Propuestas abiertas en espera"),
    ("decisions_taken", "Decisiones tomadas"),
    ("days_to_decide", "Días para decidir"),
    ("median", "mediana"),
    ("p90", "percentil 90"),
    ("type1_share", "Proporción de decisiones de tipo 1"),
    ("waiting_on", "Esperando a {name}"),
    ("most_recent_of", "Las {n} más recientes de {m}."),
    ("wrote", "Escribió"),
    ("where_decisions_wait", "Dónde esperan las decisiones"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.one",
        "{n} equipo o grupo, con la forma de la organización.",
    ),
    (
        "teams_and_groups_lede.other",
        "{n} equipos y grupos, con la forma de la organización.",
    ),
    (
        "decisions_lede.one",
        "{n} registro de decisión, del más reciente al más antiguo según la fecha mostrada: cuándo se decidió, o se propuso mientras sigue abierto.",
    ),
    (
        "decisions_lede.other",
        "{n} registros de decisión, del más reciente al más antiguo según la fecha mostrada: cuándo se decidió cada uno, o se propuso mientras sigue abierto.",
    ),
    (
        "timeline_lede.one",
        "{n} decisión por mes, la más reciente primero (la fecha mostrada): se sitúa en la fecha en que se decidió, o se propuso mientras sigue abierta.",
    ),
    (
        "timeline_lede.other",
        "{n} decisiones por mes, las más recientes primero (la fecha mostrada): cada una se sitúa en la fecha en que se decidió, o se propuso mientras sigue abierta.",
    ),
    (
        "people_lede.one",
        "Todas las personas que nombran las cartas y los registros de decisión: {n} persona.",
    ),
    (
        "people_lede.other",
        "Todas las personas que nombran las cartas y los registros de decisión: {n} personas.",
    ),
    ("stat_teams.one", "equipo"),
    ("stat_teams.other", "equipos"),
    ("stat_groups.one", "grupo"),
    ("stat_groups.other", "grupos"),
    ("stat_decisions.one", "decisión"),
    ("stat_decisions.other", "decisiones"),
    ("stat_open_proposals.one", "propuesta abierta"),
    ("stat_open_proposals.other", "propuestas abiertas"),
    ("stat_decisions_quarter.one", "decisión este trimestre"),
    ("stat_decisions_quarter.other", "decisiones este trimestre"),
    ("stat_findings.one", "hallazgo de salud abierto"),
    ("stat_findings.other", "hallazgos de salud abiertos"),
    ("stat_people.one", "persona"),
    ("stat_people.other", "personas"),
    (
        "more_groups.one",
        "{n} grupo o equipo más de primer nivel: todo el organigrama",
    ),
    (
        "more_groups.other",
        "{n} grupos y equipos más de primer nivel: todo el organigrama",
    ),
    ("more_sections.one", "{n} sección o página más:"),
    ("more_sections.other", "{n} secciones y páginas más:"),
    ("all_handbook_pages.one", "la {n} página del manual"),
    ("all_handbook_pages.other", "las {n} páginas del manual"),
    ("n_pages.one", "{n} página"),
    ("n_pages.other", "{n} páginas"),
    ("in_n_sections.one", "en {n} sección"),
    ("in_n_sections.other", "en {n} secciones"),
    ("n_teams.one", "{n} equipo"),
    ("n_teams.other", "{n} equipos"),
    ("in_n_groups.one", "en {n} grupo"),
    ("in_n_groups.other", "en {n} grupos"),
    ("n_people.one", "{n} persona"),
    ("n_people.other", "{n} personas"),
    ("charters_in_group.one", "{n} carta en este grupo."),
    ("charters_in_group.other", "{n} cartas en este grupo."),
    (
        "interactions_lede.one",
        "Qué equipos trabajan con cuáles, y cómo: {n} interacción declarada en las `[[interactions]]` de las cartas.",
    ),
    (
        "interactions_lede.other",
        "Qué equipos trabajan con cuáles, y cómo: {n} interacciones declaradas en las `[[interactions]]` de las cartas.",
    ),
    (
        "interactions_split.one",
        "Los {teams} equipos y grupos se reparten en {m} páginas en el orden de la jerarquía; esta página dibuja {n} interacción entre sus propios equipos, y su lista de abajo nombra cada interacción de sus equipos, también con equipos de otras páginas.",
    ),
    (
        "interactions_split.other",
        "Los {teams} equipos y grupos se reparten en {m} páginas en el orden de la jerarquía; esta página dibuja las {n} interacciones entre sus propios equipos, y su lista de abajo nombra cada interacción de sus equipos, también con equipos de otras páginas.",
    ),
    ("listed_by_more.one", "citado por {n} equipo más"),
    ("listed_by_more.other", "citado por {n} equipos más"),
    (
        "ownership_lede.one",
        "{n} sistema, servicio o dominio, propiedad de un solo equipo.",
    ),
    (
        "ownership_lede.other",
        "{n} sistemas, servicios y dominios, cada uno propiedad de un solo equipo.",
    ),
    (
        "ownership_lede_code.one",
        "{n} sistema, servicio, dominio o ruta de código: lo que poseen las cartas, propiedad de un solo equipo, y las rutas que `{file}` asigna a equipos.",
    ),
    (
        "ownership_lede_code.other",
        "{n} sistemas, servicios, dominios y rutas de código: lo que poseen las cartas, cada uno propiedad de un solo equipo, y las rutas que `{file}` asigna a equipos.",
    ),
    ("decided_heading", "Decididas"),
    ("filter_show_all", "Mostrar todo"),
    ("filter_show_more", "Mostrar más"),
    ("filter_looking", "Buscando más…"),
    (
        "filter_unavailable",
        "No se pudieron cargar las decisiones para filtrar; se muestra la lista completa.",
    ),
    ("zoom_out", "Alejar"),
    ("zoom_in", "Acercar"),
    ("zoom_fit", "Ajustar"),
    ("zoom_fit_label", "Ajustar el mapa al ancho"),
    ("zoom_actual", "Tamaño real (100 %)"),
    ("no_team_matches", "Ningún equipo coincide con «{q}»"),
    (
        "owner_no_rule",
        ": ninguna regla de {file} coincide, así que no tiene responsable de código.",
    ),
    (
        "owner_no_owner",
        ": sin responsable de código; la última regla que coincide no nombra ninguno",
    ),
    ("owner_owned_by", " pertenece a "),
    ("owner_rule_at", "{file}, línea {n}"),
    (
        "owner_unavailable",
        "No se pudieron cargar las reglas de CODEOWNERS.",
    ),
    ("owner_search_no_rule", "Ninguna regla de {file} coincide"),
    ("owner_search_none", "Sin responsable de código"),
    ("owner_search_also", "también"),
    ("facet_kind", "Clase"),
    ("type_n", "Tipo {n}"),
    ("filter_results", "Filtrar resultados"),
    (
        "search_summary_best",
        "Los {n} mejores de unos {m} resultados para «{q}». Escriba más para acotarlos.",
    ),
    (
        "search_partial",
        "Ninguna página tiene todas las palabras; estas tienen algunas.",
    ),
    ("search_show_more", "Mostrar más resultados"),
    ("search_show_all", "Mostrar los {n}"),
    (
        "search_nothing",
        "No hay resultados. Pruebe con menos palabras o más cortas, o quite los filtros.",
    ),
    ("filter_matched.one", "{n} de {m} decisión coincide."),
    ("filter_matched.other", "{n} de {m} decisiones coinciden."),
    (
        "filter_matched_newest.one",
        "{n} de la {m} decisión más reciente coincide ({total} en total).",
    ),
    (
        "filter_matched_newest.other",
        "{n} de las {m} decisiones más recientes coinciden ({total} en total).",
    ),
    (
        "filter_partly_unavailable.one",
        "No se pudo cargar el resto de las decisiones; {n} de las {m} más recientes coincide.",
    ),
    (
        "filter_partly_unavailable.other",
        "No se pudo cargar el resto de las decisiones; {n} de las {m} más recientes coinciden.",
    ),
    ("teams_found.one", "{n} equipo encontrado"),
    ("teams_found.other", "{n} equipos encontrados"),
    ("search_summary.one", "{n} resultado para «{q}»"),
    ("search_summary.other", "{n} resultados para «{q}»"),
    ("status_proposed", "propuesta"),
    ("status_accepted", "aceptada"),
    ("status_rejected", "rechazada"),
    ("status_deprecated", "obsoleta"),
    ("status_superseded", "sustituida"),
    ("in_force_now", "En vigor ahora:"),
    ("current_marker", "vigente"),
    ("n_more", "{n} más"),
    ("proposes_to_supersede", "propone sustituir esta decisión"),
    (
        "stays_in_force",
        "que sigue en vigor hasta que se acepte esa propuesta",
    ),
    (
        "proposed_to_supersede_and_is",
        "propuso sustituir esta decisión y está {status}",
    ),
    (
        "health_lede",
        "Dónde la organización es lenta o poco clara, calculado a partir de las cartas y decisiones el {date}.",
    ),
    ("summary_heading", "Resumen"),
    (
        "deciders_explained",
        "Los decisores de cada decisión (`deciders`; en una decisión de tipo 2 sin ellos, el responsable del equipo propietario), primero los de más propuestas abiertas, luego los más lentos. Se señalan por encima de {max} propuestas abiertas o una mediana de más de {days} días.",
    ),
    ("person_column", "Persona"),
    ("p90_days", "Días (percentil 90)"),
    ("type1_share_column", "Proporción de tipo 1"),
    (
        "no_deciders_yet",
        "Ninguna decisión nombra todavía a un decisor.",
    ),
    ("decision_velocity", "Velocidad de decisión"),
    (
        "velocity_intro",
        "Días desde la propuesta (`date`) hasta la decisión (`decided`):",
    ),
    ("by_type_column", "Por tipo"),
    ("decisions_column", "Decisiones"),
    ("team_slowest_column", "Equipo (los más lentos primero)"),
    (
        "velocity_caption",
        "Mediana de días para decidir por trimestre (según el trimestre de `decided`): continua tipo 1, discontinua tipo 2.",
    ),
    ("no_decided_yet", "Todavía no hay registros decididos."),
    ("rule_word", "Regla"),
    ("fails_the_build", "hace fallar la compilación"),
    ("review_period_days", "periodo de revisión {n} días"),
    ("threshold_days", "umbral {n} días"),
    ("max_members", "máximo {n} miembros"),
    (
        "more_findings",
        "{n} más; `orgbook check` muestra cada hallazgo con su archivo y línea.",
    ),
    ("none_found", "Ninguno."),
    ("person_page", "página de la persona"),
    ("question_decisions_wait", "¿Dónde esperan las decisiones?"),
    (
        "question_reversible_fast",
        "¿Avanzan rápido las decisiones reversibles?",
    ),
    (
        "question_ship_alone",
        "¿Qué equipos no pueden entregar solos?",
    ),
    (
        "question_metrics",
        "¿Qué métricas no se mueven o no se miden?",
    ),
    (
        "question_charters",
        "¿Qué cartas están desactualizadas o son demasiado grandes?",
    ),
    (
        "rule_stale_charter",
        "Cartas no revisadas dentro del periodo de revisión (o nunca)",
    ),
    (
        "rule_no_metric_target",
        "Equipos cuyas métricas no tienen objetivo",
    ),
    (
        "rule_oversized_team",
        "Equipos más grandes que el tamaño máximo",
    ),
    ("rule_empty_group", "Grupos sin ningún equipo"),
    (
        "rule_stalled_proposal",
        "Propuestas abiertas más tiempo que el umbral de estancamiento",
    ),
    (
        "rule_unmarked_superseded",
        "Decisiones sustituidas por una aceptada pero no marcadas como sustituidas",
    ),
    (
        "rule_revisit_overdue",
        "Decisiones de tipo 2 pasada su fecha de revisión",
    ),
    (
        "rule_decider_overload",
        "Personas a las que esperan más propuestas abiertas que el máximo",
    ),
    (
        "rule_slow_decider",
        "Personas cuyas decisiones tardan más que el umbral (mediana)",
    ),
    (
        "rule_type2_escalated",
        "Decisiones reversibles escaladas: demasiados decisores, o decisores de fuera del grupo del equipo",
    ),
    (
        "rule_type2_slow",
        "Decisiones reversibles que tardaron más que el umbral",
    ),
    (
        "rule_type1_unescalated",
        "Decisiones irreversibles tomadas solo por el equipo propietario",
    ),
    (
        "rule_too_many_dependencies",
        "Equipos alineados al flujo con más colaboraciones que el máximo: no pueden entregar solos",
    ),
    (
        "rule_platform_without_consumers",
        "Equipos de plataforma que ningún otro equipo dice usar",
    ),
    (
        "rule_one_way_collaboration",
        "Colaboraciones que solo uno de los dos equipos menciona",
    ),
    (
        "rule_shared_code",
        "Equipos a los que CODEOWNERS da rutas de código compartidas con otros equipos: ningún equipo responde por ellas",
    ),
    (
        "rule_metric_stale",
        "Métricas sin un dato dentro del periodo",
    ),
    (
        "rule_metric_off_target",
        "Métricas que no alcanzan su objetivo y se alejan de él",
    ),
    (
        "rule_placeholder_text",
        "Cartas y decisiones que aún contienen el texto de ejemplo de la plantilla",
    ),
    ("open_findings.one", "{n} hallazgo abierto."),
    ("open_findings.other", "{n} hallazgos abiertos."),
    ("more_people_decide.one", "{n} persona más decide."),
    ("more_people_decide.other", "{n} personas más deciden."),
    ("over_n_decided.one", "sobre {n} registro decidido."),
    ("over_n_decided.other", "sobre {n} registros decididos."),
    (
        "faster_teams_not_shown.one",
        "{n} equipo más rápido no mostrado.",
    ),
    (
        "faster_teams_not_shown.other",
        "{n} equipos más rápidos no mostrados.",
    ),
    ("summary_most_on", "; la mayoría a {name} ({n})"),
    (
        "summary_overloaded_slow",
        "; con sobrecarga: {overloaded}, lentos: {slow}",
    ),
    (
        "summary_type2",
        "Tipo 2: mediana {median} días (umbral {threshold}); lentas: {slow}, escaladas: {escalated};",
    ),
    (
        "summary_metric_health",
        "; desactualizadas: {stale}, alejándose del objetivo: {off_target},",
    ),
    ("summary_wait.one", "{n} propuesta abierta espera a"),
    ("summary_wait.other", "{n} propuestas abiertas esperan a"),
    (
        "summary_type1_alone.one",
        "{n} decisión de tipo 1 tomada solo por el equipo",
    ),
    (
        "summary_type1_alone.other",
        "{n} decisiones de tipo 1 tomadas solo por el equipo",
    ),
    (
        "summary_dependent.one",
        "{n} equipo con demasiadas colaboraciones",
    ),
    (
        "summary_dependent.other",
        "{n} equipos con demasiadas colaboraciones",
    ),
    ("summary_one_way.one", "{n} colaboración unilateral"),
    ("summary_one_way.other", "{n} colaboraciones unilaterales"),
    ("summary_unused.one", "{n} plataforma sin consumidores"),
    ("summary_unused.other", "{n} plataformas sin consumidores"),
    (
        "summary_with_history.one",
        "{n} de {m} métricas tiene historial",
    ),
    (
        "summary_with_history.other",
        "{n} de {m} métricas tienen historial",
    ),
    (
        "summary_no_target.one",
        "{n} equipo con una métrica sin objetivo",
    ),
    (
        "summary_no_target.other",
        "{n} equipos con una métrica sin objetivo",
    ),
    ("summary_stale_charters.one", "{n} carta desactualizada"),
    ("summary_stale_charters.other", "{n} cartas desactualizadas"),
    ("summary_oversized.one", "{n} equipo demasiado grande"),
    ("summary_oversized.other", "{n} equipos demasiado grandes"),
    ("summary_empty.one", "{n} grupo vacío"),
    ("summary_empty.other", "{n} grupos vacíos"),
    (
        "threshold_decider_overload",
        "máximo {n} propuestas abiertas por decisor",
    ),
    ("threshold_slow_decider", "umbral {n} días (mediana)"),
    (
        "threshold_type2_escalated",
        "máximo {n} decisores, todos del grupo del equipo",
    ),
    ("threshold_type2_slow", "umbral {n} días"),
    (
        "threshold_too_many_dependencies",
        "máximo {n} colaboraciones",
    ),
    ("threshold_metric_stale", "periodo de {n} días"),
];

const FR: &[(&str, &str)] = &[
    ("skip_to_content", "Aller au contenu"),
    ("search_label", "Rechercher dans le manuel"),
    ("search_needs_js", "La recherche nécessite JavaScript"),
    (
        "search_placeholder_all",
        "Rechercher équipes, responsables, décisions…",
    ),
    (
        "search_placeholder_teams",
        "Rechercher équipes, responsables, pages…",
    ),
    (
        "search_placeholder_decisions",
        "Rechercher décisions et pages…",
    ),
    ("search_placeholder_pages", "Rechercher dans le manuel…"),
    ("main_nav_label", "Principale"),
    ("teams", "Équipes"),
    ("org_map", "Organigramme"),
    ("decisions", "Décisions"),
    ("timeline", "Chronologie"),
    ("ownership", "Qui est responsable de quoi"),
    ("org_health", "Santé de l’organisation"),
    ("handbook", "Manuel"),
    ("home", "Accueil"),
    ("breadcrumb_label", "Fil d’Ariane"),
    ("languages_label", "Langues"),
    ("also_in", "Aussi en :"),
    ("built_with", "réalisé avec"),
    ("sitemap", "plan du site"),
    ("decisions_feed", "flux des décisions"),
    ("in_this_section", "Dans cette section"),
    ("section_nav_label", "Section"),
    ("on_this_page", "Sur cette page"),
    ("previous", "Précédent"),
    ("next", "Suivant"),
    ("prev_next_label", "Page précédente et suivante"),
    ("pager_label", "Pages de cette liste"),
    ("source", "Source :"),
    ("last_updated", "Dernière mise à jour"),
    ("charter_reviewed", "Charte revue le"),
    ("decided", "Décidé le"),
    ("proposed", "Proposé le"),
    ("edit_this_page", "Modifier cette page"),
    ("linked_from", "Pages qui renvoient ici"),
    ("more_pages_one", "et 1 autre page"),
    ("more_pages", "et {n} autres pages"),
    ("not_found_title", "Page introuvable"),
    (
        "not_found_text",
        "Cette page n’existe pas, ou elle a été déplacée. Essayez l’une de ces pages, ou cherchez ci-dessus.",
    ),
    ("search_no_results", "Aucun résultat pour « {q} »"),
    (
        "search_unavailable",
        "La recherche est indisponible : l’index n’a pas pu être chargé.",
    ),
    ("search_about_results", "Environ {n} résultats pour « {q} »"),
    ("search_all_results", "Les {n} résultats pour « {q} »"),
    ("search_one_result", "1 résultat pour « {q} »"),
    ("search_live", "{n} résultats"),
    (
        "search_live_owner",
        "Responsable du code trouvé, {n} résultats",
    ),
    ("kind_team", "Équipe"),
    ("kind_group", "Groupe"),
    ("kind_decision", "Décision"),
    ("kind_page", "Page"),
    ("kind_owner", "Responsable du code"),
    ("metrics", "Indicateurs"),
    ("metric", "Indicateur"),
    ("current", "Actuel"),
    ("target", "Cible"),
    ("owns", "Responsable de"),
    ("code", "Code"),
    ("people", "Personnes"),
    ("lead", "Responsable"),
    ("members", "Membres"),
    ("place_in_org", "Place dans l’organisation"),
    ("in_this_group", "Dans ce groupe"),
    ("part_of", "Fait partie de"),
    ("top_level", "niveau supérieur"),
    ("topology", "Topologie"),
    ("interactions", "Interactions"),
    ("collaborates_with", "Nous collaborons avec"),
    ("uses", "Nous utilisons"),
    ("facilitates", "Nous facilitons"),
    ("used_by", "Utilisé par"),
    ("facilitated_by", "Facilité par"),
    ("pages_of", "Pages de {team}"),
    ("all_decisions_of", "Les {n} décisions de {team}"),
    (
        "see_in_interactions_map",
        "Voir {team} sur la carte des interactions",
    ),
    ("authors", "Auteurs"),
    ("deciders", "Décideurs"),
    ("revisit", "À revoir le"),
    ("tags", "Étiquettes"),
    ("supersedes", "Remplace"),
    ("superseded_by", "Remplacée par"),
    ("would_supersede", "Remplacerait"),
    ("proposed_to_supersede", "Proposait de remplacer"),
    ("proposed_successors", "Successeurs proposés"),
    ("title_column", "Titre"),
    ("status_column", "Statut"),
    ("type_column", "Type"),
    ("decided_column", "Décidée"),
    ("or_proposed", "(ou proposée)"),
    ("proposed_marker", "proposée"),
    ("see_also", "Voir aussi :"),
    ("name_column", "Nom"),
    ("size_column", "Taille"),
    ("primary_metric_column", "Indicateur principal"),
    ("group_badge", "groupe"),
    (
        "decision_types",
        "Les décisions de type 1 sont irréversibles et remontées ; celles de type 2 sont réversibles et prises vite.",
    ),
    ("revisit_calendar", "Calendrier des dates de réexamen"),
    ("filter_any", "tous"),
    ("type1_option", "Type 1 · irréversible"),
    ("type2_option", "Type 2 · réversible"),
    ("tag", "Étiquette"),
    ("part_of_a_name", "partie d’un nom"),
    ("part_of_a_tag", "partie d’une étiquette"),
    ("filter_button", "Filtrer"),
    ("at_a_glance", "En un coup d’œil"),
    ("where_they_wait", "où elles attendent"),
    ("median_days_to_decide", "jours médians pour décider"),
    ("the_organisation", "L’organisation"),
    ("recent_decisions", "Décisions récentes"),
    ("all_decisions", "Toutes les décisions"),
    ("waiting_on_them", "En attente de leur part"),
    ("median_days", "Jours médians"),
    (
        "open_a_section",
        "Ouvrez une section pour voir ses pages, dossier par dossier.",
    ),
    ("overview", "vue d’ensemble"),
    ("decision_timeline", "Chronologie des décisions"),
    ("feed", "Flux"),
    ("no_decisions_yet", "Aucune décision pour l’instant."),
    ("months_label", "Mois"),
    (
        "month_names",
        "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre",
    ),
    ("month_year", "{month} {year}"),
    ("continued", "(suite)"),
    ("event_decided", "décidée"),
    ("adr_title", "ADR {n} : {title}"),
    ("timeline_supersedes", "remplace"),
    ("type1_title", "Type 1 : irréversible, remontée"),
    ("type2_title", "Type 2 : réversible"),
    ("search_title", "Recherche"),
    (
        "browse_instead",
        "La recherche nécessite JavaScript. Parcourez plutôt :",
    ),
    (
        "orgmap_explained",
        "Chaque case montre une équipe, son indicateur principal (avec sa flèche de tendance quand l’indicateur a un historique) et sa taille ; choisissez-en une pour ouvrir sa charte.",
    ),
    ("who_works_with_whom", "Qui travaille avec qui :"),
    ("interactions_view", "la vue des interactions"),
    ("all_part_of", "toutes rattachées à {team}"),
    ("charter_of", "Charte de {team}"),
    ("open_map_of", "Ouvrir la carte de {team}"),
    ("more_n", "+{n} de plus"),
    ("teams_outside_groups", "Équipes hors de tout groupe"),
    ("on_this_page_range", "{from}–{to} sur cette page"),
    (
        "skip_to_org_list",
        "Aller à l’organisation sous forme de liste",
    ),
    ("skip_to_group_list", "Aller au groupe sous forme de liste"),
    ("as_a_list", "Sous forme de liste"),
    ("map_and_list", "carte et liste"),
    ("find_a_team", "Trouver une équipe"),
    ("team_name_placeholder", "Nom d’équipe"),
    ("groups_label", "Groupes"),
    ("part_of_parts", "(partie {n} sur {m})"),
    ("group_charter", "La charte du groupe"),
    ("whole_organisation", "Toute l’organisation"),
    (
        "group_drawn_over",
        "Le groupe est dessiné sur {m} pages ; voici la page {n}, avec les groupes au-dessus de sa première charte redessinés pour le contexte.",
    ),
    ("team_interactions", "Interactions des équipes"),
    (
        "arrows_explained",
        "Les flèches pointent vers l’équipe dont on dépend.",
    ),
    ("ix_collaborates_with", "collabore avec"),
    ("ix_uses", "utilise"),
    ("ix_facilitates", "facilite"),
    ("ix_used_by", "utilisée par"),
    ("ix_facilitated_by", "facilitée par"),
    ("lead_of_team", "responsable"),
    (
        "who_owns_a_path",
        "À qui appartient un fichier ou un dossier ?",
    ),
    ("jump_to_letter", "Aller à la lettre"),
    ("owners_label", "Propriétaires"),
    ("item_column", "Élément"),
    ("owner_column", "Propriétaire"),
    ("group_column", "Groupe"),
    ("contact_column", "Contact"),
    ("line_n", "ligne {n}"),
    (
        "nothing_owned",
        "Aucune charte ne liste encore rien sous `owns`.",
    ),
    (
        "nothing_owned_code",
        "Aucune charte ne liste encore rien sous `owns`, et `{file}` ne nomme aucune équipe qui a une charte.",
    ),
    ("leads", "Dirige"),
    ("member_of", "Membre de"),
    ("and_n_more", "et {n} de plus"),
    ("not_in_any_charter", "Cité dans aucune charte."),
    ("deciding", "Décider"),
    ("open_proposals_waiting", "Propositions ouvertes en attente"),
    ("decisions_taken", "Décisions prises"),
    ("days_to_decide", "Jours pour décider"),
    ("median", "médiane"),
    ("p90", "90e centile"),
    ("type1_share", "Part des décisions de type 1"),
    ("waiting_on", "En attente de {name}"),
    ("most_recent_of", "Les {n} plus récentes sur {m}."),
    ("wrote", "A rédigé"),
    ("where_decisions_wait", "Où les décisions attendent"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.one",
        "{n} équipe ou groupe, à l’image de l’organisation.",
    ),
    (
        "teams_and_groups_lede.other",
        "{n} équipes et groupes, à l’image de l’organisation.",
    ),
    (
        "decisions_lede.one",
        "{n} compte rendu de décision, du plus récent au plus ancien selon la date affichée : celle de la décision, ou de la proposition tant qu’elle est ouverte.",
    ),
    (
        "decisions_lede.other",
        "{n} comptes rendus de décision, du plus récent au plus ancien selon la date affichée : celle de chaque décision, ou de la proposition tant qu’elle est ouverte.",
    ),
    (
        "timeline_lede.one",
        "{n} décision par mois, la plus récente d’abord (la date affichée) : placée à la date où elle a été prise, ou proposée tant qu’elle est ouverte.",
    ),
    (
        "timeline_lede.other",
        "{n} décisions par mois, les plus récentes d’abord (la date affichée) : chacune placée à la date où elle a été prise, ou proposée tant qu’elle est ouverte.",
    ),
    (
        "people_lede.one",
        "Toutes les personnes que nomment les chartes et les comptes rendus de décision : {n} personne.",
    ),
    (
        "people_lede.other",
        "Toutes les personnes que nomment les chartes et les comptes rendus de décision : {n} personnes.",
    ),
    ("stat_teams.one", "équipe"),
    ("stat_teams.other", "équipes"),
    ("stat_groups.one", "groupe"),
    ("stat_groups.other", "groupes"),
    ("stat_decisions.one", "décision"),
    ("stat_decisions.other", "décisions"),
    ("stat_open_proposals.one", "proposition ouverte"),
    ("stat_open_proposals.other", "propositions ouvertes"),
    ("stat_decisions_quarter.one", "décision ce trimestre"),
    ("stat_decisions_quarter.other", "décisions ce trimestre"),
    ("stat_findings.one", "constat de santé ouvert"),
    ("stat_findings.other", "constats de santé ouverts"),
    ("stat_people.one", "personne"),
    ("stat_people.other", "personnes"),
    (
        "more_groups.one",
        "{n} autre groupe ou équipe de premier niveau : tout l’organigramme",
    ),
    (
        "more_groups.other",
        "{n} autres groupes et équipes de premier niveau : tout l’organigramme",
    ),
    ("more_sections.one", "{n} autre section ou page :"),
    ("more_sections.other", "{n} autres sections et pages :"),
    ("all_handbook_pages.one", "la {n} page du manuel"),
    ("all_handbook_pages.other", "les {n} pages du manuel"),
    ("n_pages.one", "{n} page"),
    ("n_pages.other", "{n} pages"),
    ("in_n_sections.one", "en {n} section"),
    ("in_n_sections.other", "en {n} sections"),
    ("n_teams.one", "{n} équipe"),
    ("n_teams.other", "{n} équipes"),
    ("in_n_groups.one", "dans {n} groupe"),
    ("in_n_groups.other", "dans {n} groupes"),
    ("n_people.one", "{n} personne"),
    ("n_people.other", "{n} personnes"),
    ("charters_in_group.one", "{n} charte dans ce groupe."),
    ("charters_in_group.other", "{n} chartes dans ce groupe."),
    (
        "interactions_lede.one",
        "Quelles équipes travaillent avec lesquelles, et comment : {n} interaction déclarée dans les `[[interactions]]` des chartes.",
    ),
    (
        "interactions_lede.other",
        "Quelles équipes travaillent avec lesquelles, et comment : {n} interactions déclarées dans les `[[interactions]]` des chartes.",
    ),
    (
        "interactions_split.one",
        "Les {teams} équipes et groupes sont répartis sur {m} pages dans l’ordre de la hiérarchie ; cette page dessine {n} interaction entre ses propres équipes, et sa liste ci-dessous nomme toutes les interactions de ses équipes, y compris avec des équipes d’autres pages.",
    ),
    (
        "interactions_split.other",
        "Les {teams} équipes et groupes sont répartis sur {m} pages dans l’ordre de la hiérarchie ; cette page dessine les {n} interactions entre ses propres équipes, et sa liste ci-dessous nomme toutes les interactions de ses équipes, y compris avec des équipes d’autres pages.",
    ),
    ("listed_by_more.one", "citée par {n} autre équipe"),
    ("listed_by_more.other", "citée par {n} autres équipes"),
    (
        "ownership_lede.one",
        "{n} système, service ou domaine, détenu par une seule équipe.",
    ),
    (
        "ownership_lede.other",
        "{n} systèmes, services et domaines, chacun détenu par une seule équipe.",
    ),
    (
        "ownership_lede_code.one",
        "{n} système, service, domaine ou chemin de code : ce que possèdent les chartes, détenu par une seule équipe, et les chemins que `{file}` attribue aux équipes.",
    ),
    (
        "ownership_lede_code.other",
        "{n} systèmes, services, domaines et chemins de code : ce que possèdent les chartes, chacun détenu par une seule équipe, et les chemins que `{file}` attribue aux équipes.",
    ),
    ("decided_heading", "Décidées"),
    ("filter_show_all", "Tout afficher"),
    ("filter_show_more", "Afficher plus"),
    ("filter_looking", "Recherche plus loin…"),
    (
        "filter_unavailable",
        "Impossible de charger les décisions à filtrer ; la liste complète est affichée.",
    ),
    ("zoom_out", "Zoom arrière"),
    ("zoom_in", "Zoom avant"),
    ("zoom_fit", "Ajuster"),
    ("zoom_fit_label", "Ajuster la carte à la largeur"),
    ("zoom_actual", "Taille réelle (100 %)"),
    ("no_team_matches", "Aucune équipe ne correspond à « {q} »"),
    (
        "owner_no_rule",
        ": aucune règle de {file} ne correspond, il n’a donc pas de propriétaire de code.",
    ),
    (
        "owner_no_owner",
        ": pas de propriétaire de code ; la dernière règle qui correspond n’en nomme aucun",
    ),
    ("owner_owned_by", " appartient à "),
    ("owner_rule_at", "{file} ligne {n}"),
    (
        "owner_unavailable",
        "Impossible de charger les règles de CODEOWNERS.",
    ),
    (
        "owner_search_no_rule",
        "Aucune règle de {file} ne correspond",
    ),
    ("owner_search_none", "Pas de propriétaire de code"),
    ("owner_search_also", "aussi"),
    ("facet_kind", "Genre"),
    ("type_n", "Type {n}"),
    ("filter_results", "Filtrer les résultats"),
    (
        "search_summary_best",
        "Les {n} meilleurs sur environ {m} résultats pour « {q} ». Tapez davantage pour les affiner.",
    ),
    (
        "search_partial",
        "Aucune page n’a tous les mots ; celles-ci en ont une partie.",
    ),
    ("search_show_more", "Afficher plus de résultats"),
    ("search_show_all", "Afficher les {n}"),
    (
        "search_nothing",
        "Aucun résultat. Essayez moins de mots ou des mots plus courts, ou retirez les filtres.",
    ),
    ("filter_matched.one", "{n} décision sur {m} correspond."),
    (
        "filter_matched.other",
        "{n} décisions sur {m} correspondent.",
    ),
    (
        "filter_matched_newest.one",
        "{n} sur la {m} décision la plus récente correspond ({total} en tout).",
    ),
    (
        "filter_matched_newest.other",
        "{n} sur les {m} décisions les plus récentes correspondent ({total} en tout).",
    ),
    (
        "filter_partly_unavailable.one",
        "Impossible de charger le reste des décisions ; {n} des {m} plus récentes correspond.",
    ),
    (
        "filter_partly_unavailable.other",
        "Impossible de charger le reste des décisions ; {n} des {m} plus récentes correspondent.",
    ),
    ("teams_found.one", "{n} équipe trouvée"),
    ("teams_found.other", "{n} équipes trouvées"),
    ("search_summary.one", "{n} résultat pour « {q} »"),
    ("search_summary.other", "{n} résultats pour « {q} »"),
    ("status_proposed", "proposée"),
    ("status_accepted", "acceptée"),
    ("status_rejected", "rejetée"),
    ("status_deprecated", "obsolète"),
    ("status_superseded", "remplacée"),
    ("in_force_now", "En vigueur :"),
    ("current_marker", "en vigueur"),
    ("n_more", "{n} de plus"),
    (
        "proposes_to_supersede",
        "propose de remplacer cette décision",
    ),
    (
        "stays_in_force",
        "qui reste en vigueur jusqu’à ce que cette proposition soit acceptée",
    ),
    (
        "proposed_to_supersede_and_is",
        "proposait de remplacer cette décision et est {status}",
    ),
    (
        "health_lede",
        "Là où l’organisation est lente ou floue, calculé à partir des chartes et des décisions le {date}.",
    ),
    ("summary_heading", "Résumé"),
    (
        "deciders_explained",
        "Les décideurs de chaque décision (`deciders` ; pour une décision de type 2 sans décideurs, le responsable de l’équipe propriétaire), ceux qui ont le plus de propositions ouvertes d’abord, puis les plus lents. Signalés au-delà de {max} propositions ouvertes ou d’une médiane de plus de {days} jours.",
    ),
    ("person_column", "Personne"),
    ("p90_days", "Jours (90e centile)"),
    ("type1_share_column", "Part de type 1"),
    (
        "no_deciders_yet",
        "Aucune décision ne nomme encore de décideur.",
    ),
    ("decision_velocity", "Vitesse de décision"),
    (
        "velocity_intro",
        "Jours de la proposition (`date`) à la décision (`decided`) :",
    ),
    ("by_type_column", "Par type"),
    ("decisions_column", "Décisions"),
    ("team_slowest_column", "Équipe (les plus lentes d’abord)"),
    (
        "velocity_caption",
        "Jours médians pour décider par trimestre (selon le trimestre de `decided`) : trait plein type 1, pointillé type 2.",
    ),
    (
        "no_decided_yet",
        "Aucun compte rendu décidé pour l’instant.",
    ),
    ("rule_word", "Règle"),
    ("fails_the_build", "fait échouer la construction"),
    ("review_period_days", "période de revue {n} jours"),
    ("threshold_days", "seuil {n} jours"),
    ("max_members", "au plus {n} membres"),
    (
        "more_findings",
        "{n} de plus ; `orgbook check` affiche chaque constat avec son fichier et sa ligne.",
    ),
    ("none_found", "Aucun."),
    ("person_page", "page de la personne"),
    (
        "question_decisions_wait",
        "Où les décisions attendent-elles ?",
    ),
    (
        "question_reversible_fast",
        "Les décisions réversibles vont-elles vite ?",
    ),
    (
        "question_ship_alone",
        "Quelles équipes ne peuvent pas livrer seules ?",
    ),
    (
        "question_metrics",
        "Quels indicateurs ne bougent pas ou ne sont pas mesurés ?",
    ),
    (
        "question_charters",
        "Quelles chartes sont périmées ou trop grandes ?",
    ),
    (
        "rule_stale_charter",
        "Chartes non revues dans la période de revue (ou jamais)",
    ),
    (
        "rule_no_metric_target",
        "Équipes dont les indicateurs n’ont pas de cible",
    ),
    (
        "rule_oversized_team",
        "Équipes plus grandes que la taille maximale",
    ),
    ("rule_empty_group", "Groupes sans aucune équipe"),
    (
        "rule_stalled_proposal",
        "Propositions ouvertes plus longtemps que le seuil de blocage",
    ),
    (
        "rule_unmarked_superseded",
        "Décisions remplacées par une décision acceptée mais non marquées comme remplacées",
    ),
    (
        "rule_revisit_overdue",
        "Décisions de type 2 dont la date de réexamen est passée",
    ),
    (
        "rule_decider_overload",
        "Personnes qu’attendent plus de propositions ouvertes que le maximum",
    ),
    (
        "rule_slow_decider",
        "Personnes dont les décisions prennent plus longtemps que le seuil (médiane)",
    ),
    (
        "rule_type2_escalated",
        "Décisions réversibles remontées : trop de décideurs, ou des décideurs hors du groupe de l’équipe",
    ),
    (
        "rule_type2_slow",
        "Décisions réversibles qui ont pris plus longtemps que le seuil",
    ),
    (
        "rule_type1_unescalated",
        "Décisions irréversibles prises par la seule équipe propriétaire",
    ),
    (
        "rule_too_many_dependencies",
        "Équipes alignées sur un flux avec plus de collaborations que le maximum : elles ne peuvent pas livrer seules",
    ),
    (
        "rule_platform_without_consumers",
        "Équipes plateforme qu’aucune autre équipe ne dit utiliser",
    ),
    (
        "rule_one_way_collaboration",
        "Collaborations qu’une seule des deux équipes mentionne",
    ),
    (
        "rule_shared_code",
        "Équipes à qui CODEOWNERS donne des chemins de code partagés avec d’autres équipes : aucune équipe n’en répond seule",
    ),
    (
        "rule_metric_stale",
        "Indicateurs sans point de mesure dans la période",
    ),
    (
        "rule_metric_off_target",
        "Indicateurs qui manquent leur cible et s’en éloignent",
    ),
    (
        "rule_placeholder_text",
        "Chartes et décisions qui contiennent encore le texte d’exemple du modèle",
    ),
    ("open_findings.one", "{n} constat ouvert."),
    ("open_findings.other", "{n} constats ouverts."),
    ("more_people_decide.one", "{n} autre personne décide."),
    ("more_people_decide.other", "{n} autres personnes décident."),
    ("over_n_decided.one", "sur {n} compte rendu décidé."),
    ("over_n_decided.other", "sur {n} comptes rendus décidés."),
    (
        "faster_teams_not_shown.one",
        "{n} équipe plus rapide non affichée.",
    ),
    (
        "faster_teams_not_shown.other",
        "{n} équipes plus rapides non affichées.",
    ),
    ("summary_most_on", " ; surtout {name} ({n})"),
    (
        "summary_overloaded_slow",
        " ; en surcharge : {overloaded}, lents : {slow}",
    ),
    (
        "summary_type2",
        "Type 2 : médiane {median} jours (seuil {threshold}) ; lentes : {slow}, remontées : {escalated} ;",
    ),
    (
        "summary_metric_health",
        " ; périmés : {stale}, s’éloignant de leur cible : {off_target},",
    ),
    ("summary_wait.one", "{n} proposition ouverte attend"),
    ("summary_wait.other", "{n} propositions ouvertes attendent"),
    (
        "summary_type1_alone.one",
        "{n} décision de type 1 prise par l’équipe seule",
    ),
    (
        "summary_type1_alone.other",
        "{n} décisions de type 1 prises par l’équipe seule",
    ),
    (
        "summary_dependent.one",
        "{n} équipe avec trop de collaborations",
    ),
    (
        "summary_dependent.other",
        "{n} équipes avec trop de collaborations",
    ),
    ("summary_one_way.one", "{n} collaboration à sens unique"),
    ("summary_one_way.other", "{n} collaborations à sens unique"),
    ("summary_unused.one", "{n} plateforme sans utilisateurs"),
    ("summary_unused.other", "{n} plateformes sans utilisateurs"),
    (
        "summary_with_history.one",
        "{n} indicateur sur {m} a un historique",
    ),
    (
        "summary_with_history.other",
        "{n} indicateurs sur {m} ont un historique",
    ),
    (
        "summary_no_target.one",
        "{n} équipe avec un indicateur sans cible",
    ),
    (
        "summary_no_target.other",
        "{n} équipes avec un indicateur sans cible",
    ),
    ("summary_stale_charters.one", "{n} charte périmée"),
    ("summary_stale_charters.other", "{n} chartes périmées"),
    ("summary_oversized.one", "{n} équipe trop grande"),
    ("summary_oversized.other", "{n} équipes trop grandes"),
    ("summary_empty.one", "{n} groupe vide"),
    ("summary_empty.other", "{n} groupes vides"),
    (
        "threshold_decider_overload",
        "au plus {n} propositions ouvertes par décideur",
    ),
    ("threshold_slow_decider", "seuil {n} jours (médiane)"),
    (
        "threshold_type2_escalated",
        "au plus {n} décideurs, tous du groupe de l’équipe",
    ),
    ("threshold_type2_slow", "seuil {n} jours"),
    (
        "threshold_too_many_dependencies",
        "au plus {n} collaborations",
    ),
    ("threshold_metric_stale", "période de {n} jours"),
];

const IT: &[(&str, &str)] = &[
    ("skip_to_content", "Vai al contenuto"),
    ("search_label", "Cerca nel manuale"),
    ("search_needs_js", "La ricerca richiede JavaScript"),
    (
        "search_placeholder_all",
        "Cerca team, responsabili, decisioni…",
    ),
    (
        "search_placeholder_teams",
        "Cerca team, responsabili, pagine…",
    ),
    ("search_placeholder_decisions", "Cerca decisioni e pagine…"),
    ("search_placeholder_pages", "Cerca nel manuale…"),
    ("main_nav_label", "Principale"),
    ("teams", "Team"),
    ("org_map", "Organigramma"),
    ("decisions", "Decisioni"),
    ("timeline", "Cronologia"),
    ("ownership", "Chi è responsabile di cosa"),
    ("org_health", "Salute dell’organizzazione"),
    ("handbook", "Manuale"),
    ("home", "Home"),
    ("breadcrumb_label", "Percorso di navigazione"),
    ("languages_label", "Lingue"),
    ("also_in", "Anche in:"),
    ("built_with", "realizzato con"),
    ("sitemap", "mappa del sito"),
    ("decisions_feed", "feed delle decisioni"),
    ("in_this_section", "In questa sezione"),
    ("section_nav_label", "Sezione"),
    ("on_this_page", "In questa pagina"),
    ("previous", "Precedente"),
    ("next", "Successivo"),
    ("prev_next_label", "Pagina precedente e successiva"),
    ("pager_label", "Pagine di questo elenco"),
    ("source", "Sorgente:"),
    ("last_updated", "Ultimo aggiornamento"),
    ("charter_reviewed", "Charter rivisto il"),
    ("decided", "Deciso il"),
    ("proposed", "Proposto il"),
    ("edit_this_page", "Modifica questa pagina"),
    ("linked_from", "Pagine che rimandano qui"),
    ("more_pages_one", "e 1 altra pagina"),
    ("more_pages", "e altre {n} pagine"),
    ("not_found_title", "Pagina non trovata"),
    (
        "not_found_text",
        "Questa pagina non esiste o è stata spostata. Prova una di queste pagine, oppure cerca qui sopra.",
    ),
    ("search_no_results", "Nessun risultato per «{q}»"),
    (
        "search_unavailable",
        "La ricerca non è disponibile: impossibile caricare l’indice.",
    ),
    ("search_about_results", "Circa {n} risultati per «{q}»"),
    ("search_all_results", "Tutti i {n} risultati per «{q}»"),
    ("search_one_result", "1 risultato per «{q}»"),
    ("search_live", "{n} risultati"),
    (
        "search_live_owner",
        "Responsabile del codice trovato, {n} risultati",
    ),
    ("kind_team", "Team"),
    ("kind_group", "Gruppo"),
    ("kind_decision", "Decisione"),
    ("kind_page", "Pagina"),
    ("kind_owner", "Responsabile del codice"),
    ("metrics", "Metriche"),
    ("metric", "Metrica"),
    ("current", "Attuale"),
    ("target", "Obiettivo"),
    ("owns", "È responsabile di"),
    ("code", "Codice"),
    ("people", "Persone"),
    ("lead", "Responsabile"),
    ("members", "Membri"),
    ("place_in_org", "Posizione nell’organizzazione"),
    ("in_this_group", "In questo gruppo"),
    ("part_of", "Parte di"),
    ("top_level", "livello superiore"),
    ("topology", "Topologia"),
    ("interactions", "Interazioni"),
    ("collaborates_with", "Collaboriamo con"),
    ("uses", "Usiamo"),
    ("facilitates", "Facilitiamo"),
    ("used_by", "Usato da"),
    ("facilitated_by", "Facilitato da"),
    ("pages_of", "Pagine di {team}"),
    ("all_decisions_of", "Tutte le {n} decisioni di {team}"),
    (
        "see_in_interactions_map",
        "Vedi {team} nella mappa delle interazioni",
    ),
    ("authors", "Autori"),
    ("deciders", "Decisori"),
    ("revisit", "Da rivedere il"),
    ("tags", "Tag"),
    ("supersedes", "Sostituisce"),
    ("superseded_by", "Sostituita da"),
    ("would_supersede", "Sostituirebbe"),
    ("proposed_to_supersede", "Proponeva di sostituire"),
    ("proposed_successors", "Successori proposti"),
    ("title_column", "Titolo"),
    ("status_column", "Stato"),
    ("type_column", "Tipo"),
    ("decided_column", "Decisa"),
    ("or_proposed", "(o proposta)"),
    ("proposed_marker", "proposta"),
    ("see_also", "Vedi anche:"),
    ("name_column", "Nome"),
    ("size_column", "Dimensione"),
    ("primary_metric_column", "Metrica principale"),
    ("group_badge", "gruppo"),
    (
        "decision_types",
        "Le decisioni di tipo 1 sono irreversibili e vengono escalate; quelle di tipo 2 sono reversibili e si prendono in fretta.",
    ),
    ("revisit_calendar", "Calendario delle date di revisione"),
    ("filter_any", "qualsiasi"),
    ("type1_option", "Tipo 1 · irreversibile"),
    ("type2_option", "Tipo 2 · reversibile"),
    ("tag", "Etichetta"),
    ("part_of_a_name", "parte di un nome"),
    ("part_of_a_tag", "parte di un’etichetta"),
    ("filter_button", "Filtra"),
    ("at_a_glance", "In sintesi"),
    ("where_they_wait", "dove attendono"),
    ("median_days_to_decide", "giorni mediani per decidere"),
    ("the_organisation", "L’organizzazione"),
    ("recent_decisions", "Decisioni recenti"),
    ("all_decisions", "Tutte le decisioni"),
    ("waiting_on_them", "In attesa di loro"),
    ("median_days", "Giorni (mediana)"),
    (
        "open_a_section",
        "Apri una sezione per vederne le pagine, cartella per cartella.",
    ),
    ("overview", "panoramica"),
    ("decision_timeline", "Cronologia delle decisioni"),
    ("feed", "Feed"),
    ("no_decisions_yet", "Ancora nessuna decisione."),
    ("months_label", "Mesi"),
    (
        "month_names",
        "gennaio|febbraio|marzo|aprile|maggio|giugno|luglio|agosto|settembre|ottobre|novembre|dicembre",
    ),
    ("month_year", "{month} {year}"),
    ("continued", "(continua)"),
    ("event_decided", "decisa"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "sostituisce"),
    ("type1_title", "Tipo 1: irreversibile, escalata"),
    ("type2_title", "Tipo 2: reversibile"),
    ("search_title", "Ricerca"),
    (
        "browse_instead",
        "La ricerca richiede JavaScript. Sfoglia invece:",
    ),
    (
        "orgmap_explained",
        "Ogni riquadro mostra un team, la sua metrica principale (con la freccia di tendenza quando la metrica ha uno storico) e la sua dimensione; selezionane uno per aprirne il charter.",
    ),
    ("who_works_with_whom", "Chi lavora con chi:"),
    ("interactions_view", "la vista delle interazioni"),
    ("all_part_of", "tutti parte di {team}"),
    ("charter_of", "Charter di {team}"),
    ("open_map_of", "Apri la mappa di {team}"),
    ("more_n", "+{n} altri"),
    ("teams_outside_groups", "Team fuori da ogni gruppo"),
    ("on_this_page_range", "{from}–{to} in questa pagina"),
    ("skip_to_org_list", "Vai all’organizzazione come elenco"),
    ("skip_to_group_list", "Vai al gruppo come elenco"),
    ("as_a_list", "Come elenco"),
    ("map_and_list", "mappa ed elenco"),
    ("find_a_team", "Trova un team"),
    ("team_name_placeholder", "Nome del team"),
    ("groups_label", "Gruppi"),
    ("part_of_parts", "(parte {n} di {m})"),
    ("group_charter", "Il charter del gruppo"),
    ("whole_organisation", "L’intera organizzazione"),
    (
        "group_drawn_over",
        "Il gruppo è disegnato su {m} pagine; questa è la pagina {n}, con i gruppi sopra il suo primo charter ridisegnati come contesto.",
    ),
    ("team_interactions", "Interazioni tra team"),
    (
        "arrows_explained",
        "Le frecce puntano al team da cui si dipende.",
    ),
    ("ix_collaborates_with", "collabora con"),
    ("ix_uses", "usa"),
    ("ix_facilitates", "facilita"),
    ("ix_used_by", "usato da"),
    ("ix_facilitated_by", "facilitato da"),
    ("lead_of_team", "responsabile"),
    ("who_owns_a_path", "Di chi è un file o una cartella?"),
    ("jump_to_letter", "Vai alla lettera"),
    ("owners_label", "Proprietari"),
    ("item_column", "Elemento"),
    ("owner_column", "Proprietario"),
    ("group_column", "Gruppo"),
    ("contact_column", "Contatto"),
    ("line_n", "riga {n}"),
    (
        "nothing_owned",
        "Nessun charter elenca ancora qualcosa in `owns`.",
    ),
    (
        "nothing_owned_code",
        "Nessun charter elenca ancora qualcosa in `owns`, e `{file}` non nomina alcun team con un charter.",
    ),
    ("leads", "Guida"),
    ("member_of", "Membro di"),
    ("and_n_more", "e altri {n}"),
    ("not_in_any_charter", "Non elencato in alcun charter."),
    ("deciding", "Decidere"),
    ("open_proposals_waiting", "Proposte aperte in attesa"),
    ("decisions_taken", "Decisioni prese"),
    ("days_to_decide", "Giorni per decidere"),
    ("median", "mediana"),
    ("p90", "90° percentile"),
    ("type1_share", "Quota di decisioni di tipo 1"),
    ("waiting_on", "In attesa di {name}"),
    ("most_recent_of", "Le {n} più recenti di {m}."),
    ("wrote", "Ha scritto"),
    ("where_decisions_wait", "Dove attendono le decisioni"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.one",
        "{n} team o gruppo, nella forma dell’organizzazione.",
    ),
    (
        "teams_and_groups_lede.other",
        "{n} team e gruppi, nella forma dell’organizzazione.",
    ),
    (
        "decisions_lede.one",
        "{n} registro di decisione, dal più recente secondo la data mostrata: quando è stata decisa, o proposta finché è aperta.",
    ),
    (
        "decisions_lede.other",
        "{n} registri di decisione, dai più recenti secondo la data mostrata: quando ciascuna è stata decisa, o proposta finché è aperta.",
    ),
    (
        "timeline_lede.one",
        "{n} decisione per mese, la più recente prima (la data mostrata): è collocata alla data in cui è stata decisa, o proposta finché è aperta.",
    ),
    (
        "timeline_lede.other",
        "{n} decisioni per mese, le più recenti prima (la data mostrata): ciascuna è collocata alla data in cui è stata decisa, o proposta finché è aperta.",
    ),
    (
        "people_lede.one",
        "Tutte le persone nominate da charter e registri di decisione: {n} persona.",
    ),
    (
        "people_lede.other",
        "Tutte le persone nominate da charter e registri di decisione: {n} persone.",
    ),
    ("stat_teams.one", "team"),
    ("stat_teams.other", "team"),
    ("stat_groups.one", "gruppo"),
    ("stat_groups.other", "gruppi"),
    ("stat_decisions.one", "decisione"),
    ("stat_decisions.other", "decisioni"),
    ("stat_open_proposals.one", "proposta aperta"),
    ("stat_open_proposals.other", "proposte aperte"),
    (
        "stat_decisions_quarter.one",
        "decisione in questo trimestre",
    ),
    (
        "stat_decisions_quarter.other",
        "decisioni in questo trimestre",
    ),
    ("stat_findings.one", "rilievo di salute aperto"),
    ("stat_findings.other", "rilievi di salute aperti"),
    ("stat_people.one", "persona"),
    ("stat_people.other", "persone"),
    (
        "more_groups.one",
        "{n} altro gruppo o team di primo livello: l’intero organigramma",
    ),
    (
        "more_groups.other",
        "altri {n} gruppi e team di primo livello: l’intero organigramma",
    ),
    ("more_sections.one", "{n} altra sezione o pagina:"),
    ("more_sections.other", "altre {n} sezioni e pagine:"),
    ("all_handbook_pages.one", "la {n} pagina del manuale"),
    (
        "all_handbook_pages.other",
        "tutte le {n} pagine del manuale",
    ),
    ("n_pages.one", "{n} pagina"),
    ("n_pages.other", "{n} pagine"),
    ("in_n_sections.one", "in {n} sezione"),
    ("in_n_sections.other", "in {n} sezioni"),
    ("n_teams.one", "{n} team"),
    ("n_teams.other", "{n} team"),
    ("in_n_groups.one", "in {n} gruppo"),
    ("in_n_groups.other", "in {n} gruppi"),
    ("n_people.one", "{n} persona"),
    ("n_people.other", "{n} persone"),
    ("charters_in_group.one", "{n} charter in questo gruppo."),
    ("charters_in_group.other", "{n} charter in questo gruppo."),
    (
        "interactions_lede.one",
        "Quali team lavorano con quali, e come: {n} interazione dichiarata nelle `[[interactions]]` dei charter.",
    ),
    (
        "interactions_lede.other",
        "Quali team lavorano con quali, e come: {n} interazioni dichiarate nelle `[[interactions]]` dei charter.",
    ),
    (
        "interactions_split.one",
        "I {teams} team e gruppi sono divisi su {m} pagine in ordine di gerarchia; questa pagina disegna {n} interazione tra i suoi team, e l’elenco sotto nomina ogni interazione dei suoi team, anche con team di altre pagine.",
    ),
    (
        "interactions_split.other",
        "I {teams} team e gruppi sono divisi su {m} pagine in ordine di gerarchia; questa pagina disegna le {n} interazioni tra i suoi team, e l’elenco sotto nomina ogni interazione dei suoi team, anche con team di altre pagine.",
    ),
    ("listed_by_more.one", "citato da {n} altro team"),
    ("listed_by_more.other", "citato da altri {n} team"),
    (
        "ownership_lede.one",
        "{n} sistema, servizio o dominio, di proprietà di un solo team.",
    ),
    (
        "ownership_lede.other",
        "{n} sistemi, servizi e domini, ciascuno di proprietà di un solo team.",
    ),
    (
        "ownership_lede_code.one",
        "{n} sistema, servizio, dominio o percorso di codice: ciò che possiedono i charter, di proprietà di un solo team, e i percorsi che `{file}` assegna ai team.",
    ),
    (
        "ownership_lede_code.other",
        "{n} sistemi, servizi, domini e percorsi di codice: ciò che possiedono i charter, ciascuno di proprietà di un solo team, e i percorsi che `{file}` assegna ai team.",
    ),
    ("decided_heading", "Decise"),
    ("filter_show_all", "Mostra tutto"),
    ("filter_show_more", "Mostra altro"),
    ("filter_looking", "Cerco ancora…"),
    (
        "filter_unavailable",
        "Impossibile caricare le decisioni da filtrare; è mostrato l’elenco completo.",
    ),
    ("zoom_out", "Riduci"),
    ("zoom_in", "Ingrandisci"),
    ("zoom_fit", "Adatta"),
    ("zoom_fit_label", "Adatta la mappa alla larghezza"),
    ("zoom_actual", "Dimensione reale (100%)"),
    ("no_team_matches", "Nessun team corrisponde a «{q}»"),
    (
        "owner_no_rule",
        ": nessuna regola in {file} corrisponde, quindi non ha un proprietario del codice.",
    ),
    (
        "owner_no_owner",
        ": nessun proprietario del codice; l’ultima regola che corrisponde non ne nomina",
    ),
    ("owner_owned_by", " appartiene a "),
    ("owner_rule_at", "{file} riga {n}"),
    (
        "owner_unavailable",
        "Impossibile caricare le regole di CODEOWNERS.",
    ),
    (
        "owner_search_no_rule",
        "Nessuna regola in {file} corrisponde",
    ),
    ("owner_search_none", "Nessun proprietario del codice"),
    ("owner_search_also", "anche"),
    ("facet_kind", "Tipo"),
    ("type_n", "Tipo {n}"),
    ("filter_results", "Filtra i risultati"),
    (
        "search_summary_best",
        "I {n} migliori di circa {m} risultati per «{q}». Scrivi di più per restringerli.",
    ),
    (
        "search_partial",
        "Nessuna pagina ha tutte le parole; queste ne hanno alcune.",
    ),
    ("search_show_more", "Mostra altri risultati"),
    ("search_show_all", "Mostra tutti i {n}"),
    (
        "search_nothing",
        "Nessun risultato. Prova con meno parole o più brevi, o togli i filtri.",
    ),
    ("filter_matched.one", "{n} di {m} decisione corrisponde."),
    (
        "filter_matched.other",
        "{n} di {m} decisioni corrispondono.",
    ),
    (
        "filter_matched_newest.one",
        "{n} dell’ultima {m} decisione corrisponde ({total} in tutto).",
    ),
    (
        "filter_matched_newest.other",
        "{n} delle ultime {m} decisioni corrispondono ({total} in tutto).",
    ),
    (
        "filter_partly_unavailable.one",
        "Impossibile caricare il resto delle decisioni; {n} delle ultime {m} corrisponde.",
    ),
    (
        "filter_partly_unavailable.other",
        "Impossibile caricare il resto delle decisioni; {n} delle ultime {m} corrispondono.",
    ),
    ("teams_found.one", "{n} team trovato"),
    ("teams_found.other", "{n} team trovati"),
    ("search_summary.one", "{n} risultato per «{q}»"),
    ("search_summary.other", "{n} risultati per «{q}»"),
    ("status_proposed", "proposta"),
    ("status_accepted", "accettata"),
    ("status_rejected", "respinta"),
    ("status_deprecated", "deprecata"),
    ("status_superseded", "sostituita"),
    ("in_force_now", "In vigore ora:"),
    ("current_marker", "in vigore"),
    ("n_more", "altri {n}"),
    (
        "proposes_to_supersede",
        "propone di sostituire questa decisione",
    ),
    (
        "stays_in_force",
        "che resta in vigore finché quella proposta non è accettata",
    ),
    (
        "proposed_to_supersede_and_is",
        "proponeva di sostituire questa decisione ed è {status}",
    ),
    (
        "health_lede",
        "Dove l’organizzazione è lenta o poco chiara, calcolato dai charter e dalle decisioni il {date}.",
    ),
    ("summary_heading", "Riepilogo"),
    (
        "deciders_explained",
        "I decisori di ogni decisione (`deciders`; per una decisione di tipo 2 senza decisori, il responsabile del team proprietario), prima chi ha più proposte aperte, poi i più lenti. Segnalati oltre {max} proposte aperte o una mediana oltre {days} giorni.",
    ),
    ("person_column", "Persona"),
    ("p90_days", "Giorni (90° percentile)"),
    ("type1_share_column", "Quota di tipo 1"),
    (
        "no_deciders_yet",
        "Nessuna decisione nomina ancora un decisore.",
    ),
    ("decision_velocity", "Velocità delle decisioni"),
    (
        "velocity_intro",
        "Giorni dalla proposta (`date`) alla decisione (`decided`):",
    ),
    ("by_type_column", "Per tipo"),
    ("decisions_column", "Decisioni"),
    ("team_slowest_column", "Team (i più lenti prima)"),
    (
        "velocity_caption",
        "Giorni mediani per decidere per trimestre (secondo il trimestre di `decided`): continua tipo 1, tratteggiata tipo 2.",
    ),
    ("no_decided_yet", "Ancora nessun registro deciso."),
    ("rule_word", "Regola"),
    ("fails_the_build", "fa fallire la build"),
    ("review_period_days", "periodo di revisione {n} giorni"),
    ("threshold_days", "soglia {n} giorni"),
    ("max_members", "massimo {n} membri"),
    (
        "more_findings",
        "altri {n}; `orgbook check` mostra ogni rilievo con il suo file e la sua riga.",
    ),
    ("none_found", "Nessuno."),
    ("person_page", "pagina della persona"),
    ("question_decisions_wait", "Dove attendono le decisioni?"),
    (
        "question_reversible_fast",
        "Le decisioni reversibili sono rapide?",
    ),
    (
        "question_ship_alone",
        "Quali team non possono rilasciare da soli?",
    ),
    (
        "question_metrics",
        "Quali metriche non si muovono o non sono misurate?",
    ),
    (
        "question_charters",
        "Quali charter sono datati o troppo grandi?",
    ),
    (
        "rule_stale_charter",
        "Charter non rivisti nel periodo di revisione (o mai)",
    ),
    (
        "rule_no_metric_target",
        "Team le cui metriche non hanno obiettivo",
    ),
    (
        "rule_oversized_team",
        "Team più grandi della dimensione massima",
    ),
    ("rule_empty_group", "Gruppi senza alcun team"),
    (
        "rule_stalled_proposal",
        "Proposte aperte più a lungo della soglia di stallo",
    ),
    (
        "rule_unmarked_superseded",
        "Decisioni sostituite da una accettata ma non segnate come sostituite",
    ),
    (
        "rule_revisit_overdue",
        "Decisioni di tipo 2 oltre la data di revisione",
    ),
    (
        "rule_decider_overload",
        "Persone su cui attendono più proposte aperte del massimo",
    ),
    (
        "rule_slow_decider",
        "Persone le cui decisioni richiedono più della soglia (mediana)",
    ),
    (
        "rule_type2_escalated",
        "Decisioni reversibili escalate: troppi decisori, o decisori esterni al gruppo del team",
    ),
    (
        "rule_type2_slow",
        "Decisioni reversibili che hanno richiesto più della soglia",
    ),
    (
        "rule_type1_unescalated",
        "Decisioni irreversibili prese dal solo team proprietario",
    ),
    (
        "rule_too_many_dependencies",
        "Team stream-aligned con più collaborazioni del massimo: non possono rilasciare da soli",
    ),
    (
        "rule_platform_without_consumers",
        "Team di piattaforma che nessun altro team dice di usare",
    ),
    (
        "rule_one_way_collaboration",
        "Collaborazioni che solo uno dei due team menziona",
    ),
    (
        "rule_shared_code",
        "Team a cui CODEOWNERS assegna percorsi di codice condivisi con altri team: nessun team ne risponde da solo",
    ),
    ("rule_metric_stale", "Metriche senza un dato nel periodo"),
    (
        "rule_metric_off_target",
        "Metriche che mancano l’obiettivo e se ne allontanano",
    ),
    (
        "rule_placeholder_text",
        "Charter e decisioni che contengono ancora il testo segnaposto del modello",
    ),
    ("open_findings.one", "{n} rilievo aperto."),
    ("open_findings.other", "{n} rilievi aperti."),
    ("more_people_decide.one", "{n} altra persona decide."),
    ("more_people_decide.other", "altre {n} persone decidono."),
    ("over_n_decided.one", "su {n} registro deciso."),
    ("over_n_decided.other", "su {n} registri decisi."),
    (
        "faster_teams_not_shown.one",
        "{n} team più veloce non mostrato.",
    ),
    (
        "faster_teams_not_shown.other",
        "{n} team più veloci non mostrati.",
    ),
    ("summary_most_on", "; soprattutto {name} ({n})"),
    (
        "summary_overloaded_slow",
        "; sovraccarichi: {overloaded}, lenti: {slow}",
    ),
    (
        "summary_type2",
        "Tipo 2: mediana {median} giorni (soglia {threshold}); lente: {slow}, escalate: {escalated};",
    ),
    (
        "summary_metric_health",
        "; datate: {stale}, in allontanamento dall’obiettivo: {off_target},",
    ),
    ("summary_wait.one", "{n} proposta aperta attende"),
    ("summary_wait.other", "{n} proposte aperte attendono"),
    (
        "summary_type1_alone.one",
        "{n} decisione di tipo 1 presa dal solo team",
    ),
    (
        "summary_type1_alone.other",
        "{n} decisioni di tipo 1 prese dal solo team",
    ),
    (
        "summary_dependent.one",
        "{n} team con troppe collaborazioni",
    ),
    (
        "summary_dependent.other",
        "{n} team con troppe collaborazioni",
    ),
    ("summary_one_way.one", "{n} collaborazione unilaterale"),
    ("summary_one_way.other", "{n} collaborazioni unilaterali"),
    ("summary_unused.one", "{n} piattaforma senza utilizzatori"),
    ("summary_unused.other", "{n} piattaforme senza utilizzatori"),
    (
        "summary_with_history.one",
        "{n} di {m} metriche ha uno storico",
    ),
    (
        "summary_with_history.other",
        "{n} di {m} metriche hanno uno storico",
    ),
    (
        "summary_no_target.one",
        "{n} team con una metrica senza obiettivo",
    ),
    (
        "summary_no_target.other",
        "{n} team con una metrica senza obiettivo",
    ),
    ("summary_stale_charters.one", "{n} charter datato"),
    ("summary_stale_charters.other", "{n} charter datati"),
    ("summary_oversized.one", "{n} team troppo grande"),
    ("summary_oversized.other", "{n} team troppo grandi"),
    ("summary_empty.one", "{n} gruppo vuoto"),
    ("summary_empty.other", "{n} gruppi vuoti"),
    (
        "threshold_decider_overload",
        "massimo {n} proposte aperte per decisore",
    ),
    ("threshold_slow_decider", "soglia {n} giorni (mediana)"),
    (
        "threshold_type2_escalated",
        "massimo {n} decisori, tutti dal gruppo del team",
    ),
    ("threshold_type2_slow", "soglia {n} giorni"),
    (
        "threshold_too_many_dependencies",
        "massimo {n} collaborazioni",
    ),
    ("threshold_metric_stale", "periodo di {n} giorni"),
];

const JA: &[(&str, &str)] = &[
    ("skip_to_content", "本文へスキップ"),
    ("search_label", "ハンドブックを検索"),
    ("search_needs_js", "検索には JavaScript が必要です"),
    ("search_placeholder_all", "チーム、担当、意思決定を検索…"),
    ("search_placeholder_teams", "チーム、担当、ページを検索…"),
    ("search_placeholder_decisions", "意思決定とページを検索…"),
    ("search_placeholder_pages", "ハンドブックを検索…"),
    ("main_nav_label", "メイン"),
    ("teams", "チーム"),
    ("org_map", "組織図"),
    ("decisions", "意思決定"),
    ("timeline", "タイムライン"),
    ("ownership", "担当一覧"),
    ("org_health", "組織の健全性"),
    ("handbook", "ハンドブック"),
    ("home", "ホーム"),
    ("breadcrumb_label", "パンくずリスト"),
    ("languages_label", "言語"),
    ("also_in", "他の言語:"),
    ("built_with", "作成ツール:"),
    ("sitemap", "サイトマップ"),
    ("decisions_feed", "意思決定のフィード"),
    ("in_this_section", "このセクション"),
    ("section_nav_label", "セクション"),
    ("on_this_page", "このページの内容"),
    ("previous", "前へ"),
    ("next", "次へ"),
    ("prev_next_label", "前後のページ"),
    ("pager_label", "この一覧のページ"),
    ("source", "ソース:"),
    ("last_updated", "最終更新"),
    ("charter_reviewed", "チャーター見直し日"),
    ("decided", "決定日"),
    ("proposed", "提案日"),
    ("edit_this_page", "このページを編集"),
    ("linked_from", "このページへのリンク元"),
    ("more_pages_one", "他 1 ページ"),
    ("more_pages", "他 {n} ページ"),
    ("not_found_title", "ページが見つかりません"),
    (
        "not_found_text",
        "このページは存在しないか、移動しました。以下のページを開くか、上の検索をお使いください。",
    ),
    ("search_no_results", "「{q}」に一致する結果はありません"),
    (
        "search_unavailable",
        "検索を利用できません: インデックスを読み込めませんでした。",
    ),
    ("search_about_results", "「{q}」の結果 約 {n} 件"),
    ("search_all_results", "「{q}」の結果 全 {n} 件"),
    ("search_one_result", "「{q}」の結果 1 件"),
    ("search_live", "{n} 件の結果"),
    (
        "search_live_owner",
        "コードオーナーが見つかりました。{n} 件の結果",
    ),
    ("kind_team", "チーム"),
    ("kind_group", "グループ"),
    ("kind_decision", "意思決定"),
    ("kind_page", "ページ"),
    ("kind_owner", "コードオーナー"),
    ("metrics", "指標"),
    ("metric", "指標"),
    ("current", "現在"),
    ("target", "目標"),
    ("owns", "担当範囲"),
    ("code", "コード"),
    ("people", "メンバー構成"),
    ("lead", "リード"),
    ("members", "メンバー"),
    ("place_in_org", "組織内の位置"),
    ("in_this_group", "このグループ"),
    ("part_of", "所属"),
    ("top_level", "最上位"),
    ("topology", "トポロジー"),
    ("interactions", "連携"),
    ("collaborates_with", "協働先"),
    ("uses", "利用先"),
    ("facilitates", "支援先"),
    ("used_by", "利用元"),
    ("facilitated_by", "支援元"),
    ("pages_of", "{team} のページ"),
    ("all_decisions_of", "{team} の意思決定 全 {n} 件"),
    ("see_in_interactions_map", "連携マップで {team} を見る"),
    ("authors", "作成者"),
    ("deciders", "決定者"),
    ("revisit", "見直し日"),
    ("tags", "タグ"),
    ("supersedes", "置き換え対象"),
    ("superseded_by", "置き換え先"),
    ("would_supersede", "置き換え予定"),
    ("proposed_to_supersede", "置き換えを提案"),
    ("proposed_successors", "提案中の後継"),
    ("title_column", "タイトル"),
    ("status_column", "ステータス"),
    ("type_column", "種別"),
    ("decided_column", "決定日"),
    ("or_proposed", "(または提案日)"),
    ("proposed_marker", "提案"),
    ("see_also", "関連:"),
    ("name_column", "名前"),
    ("size_column", "人数"),
    ("primary_metric_column", "主要指標"),
    ("group_badge", "グループ"),
    (
        "decision_types",
        "タイプ1の意思決定は取り消せず、上位に委ねられます。タイプ2は取り消し可能で、素早く決まります。",
    ),
    ("revisit_calendar", "見直し日のカレンダー"),
    ("filter_any", "すべて"),
    ("type1_option", "タイプ1 · 取り消し不可"),
    ("type2_option", "タイプ2 · 取り消し可能"),
    ("tag", "タグ"),
    ("part_of_a_name", "名前の一部"),
    ("part_of_a_tag", "タグの一部"),
    ("filter_button", "絞り込む"),
    ("at_a_glance", "概要"),
    ("where_they_wait", "滞留箇所"),
    ("median_days_to_decide", "決定までの日数(中央値)"),
    ("the_organisation", "組織"),
    ("recent_decisions", "最近の意思決定"),
    ("all_decisions", "すべての意思決定"),
    ("waiting_on_them", "本人待ち"),
    ("median_days", "日数(中央値)"),
    (
        "open_a_section",
        "セクションを開くと、フォルダごとにページが表示されます。",
    ),
    ("overview", "概要"),
    ("decision_timeline", "意思決定のタイムライン"),
    ("feed", "フィード"),
    ("no_decisions_yet", "意思決定はまだありません。"),
    ("months_label", "月"),
    (
        "month_names",
        "1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月",
    ),
    ("month_year", "{year}年{month}"),
    ("continued", "(続き)"),
    ("event_decided", "決定"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "置き換え対象"),
    ("type1_title", "タイプ1: 取り消し不可、上位に委ねる"),
    ("type2_title", "タイプ2: 取り消し可能"),
    ("search_title", "検索"),
    (
        "browse_instead",
        "検索には JavaScript が必要です。代わりにこちらをご覧ください:",
    ),
    (
        "orgmap_explained",
        "各ボックスはチーム、その主要指標(指標に履歴がある場合は傾向の矢印付き)と人数を示します。選ぶとチャーターが開きます。",
    ),
    ("who_works_with_whom", "誰が誰と協働しているか:"),
    ("interactions_view", "連携ビュー"),
    ("all_part_of", "すべて {team} の一部"),
    ("charter_of", "{team} のチャーター"),
    ("open_map_of", "{team} のマップを開く"),
    ("more_n", "他 {n} 件"),
    ("teams_outside_groups", "どのグループにも属さないチーム"),
    ("on_this_page_range", "このページは {from}–{to}"),
    ("skip_to_org_list", "組織の一覧へ移動"),
    ("skip_to_group_list", "グループの一覧へ移動"),
    ("as_a_list", "一覧"),
    ("map_and_list", "マップと一覧"),
    ("find_a_team", "チームを探す"),
    ("team_name_placeholder", "チーム名"),
    ("groups_label", "グループ"),
    ("part_of_parts", "({m} 中 {n})"),
    ("group_charter", "グループのチャーター"),
    ("whole_organisation", "組織全体"),
    (
        "group_drawn_over",
        "このグループは {m} ページにわたって描かれています。これは {n} ページ目で、最初のチャーターより上のグループも文脈として再掲しています。",
    ),
    ("team_interactions", "チーム間の連携"),
    ("arrows_explained", "矢印は依存先のチームを指します。"),
    ("ix_collaborates_with", "協働:"),
    ("ix_uses", "利用:"),
    ("ix_facilitates", "支援:"),
    ("ix_used_by", "利用元:"),
    ("ix_facilitated_by", "支援元:"),
    ("lead_of_team", "リード"),
    ("who_owns_a_path", "このファイルやフォルダの担当は?"),
    ("jump_to_letter", "文字へ移動"),
    ("owners_label", "担当"),
    ("item_column", "項目"),
    ("owner_column", "担当チーム"),
    ("group_column", "グループ"),
    ("contact_column", "連絡先"),
    ("line_n", "{n} 行目"),
    (
        "nothing_owned",
        "`owns` に項目を挙げたチャーターはまだありません。",
    ),
    (
        "nothing_owned_code",
        "`owns` に項目を挙げたチャーターはまだなく、`{file}` もチャーターのあるチームを指していません。",
    ),
    ("leads", "リード"),
    ("member_of", "所属"),
    ("and_n_more", "他 {n} 件"),
    ("not_in_any_charter", "どのチャーターにも載っていません。"),
    ("deciding", "意思決定"),
    ("open_proposals_waiting", "待機中の未決提案"),
    ("decisions_taken", "下した意思決定"),
    ("days_to_decide", "決定までの日数"),
    ("median", "中央値"),
    ("p90", "90パーセンタイル"),
    ("type1_share", "タイプ1の割合"),
    ("waiting_on", "{name} 待ち"),
    ("most_recent_of", "{m} 件中、最新の {n} 件。"),
    ("wrote", "執筆"),
    ("where_decisions_wait", "意思決定の滞留箇所"),
    ("sentence_end", "。"),
    (
        "teams_and_groups_lede.other",
        "{n} のチームとグループ。組織の形に沿って並べています。",
    ),
    (
        "decisions_lede.other",
        "{n} 件の意思決定記録。表示日の新しい順です。決定済みは決定日、未決は提案日です。",
    ),
    (
        "timeline_lede.other",
        "月ごとの {n} 件の意思決定。新しい順(表示日)で、決定日、未決のものは提案日に置いています。",
    ),
    (
        "people_lede.other",
        "チャーターと意思決定記録に登場する全員: {n} 人。",
    ),
    ("stat_teams.other", "チーム"),
    ("stat_groups.other", "グループ"),
    ("stat_decisions.other", "件の意思決定"),
    ("stat_open_proposals.other", "件の未決提案"),
    ("stat_decisions_quarter.other", "件の今四半期の意思決定"),
    ("stat_findings.other", "件の未解決の健全性指摘"),
    ("stat_people.other", "人"),
    (
        "more_groups.other",
        "他 {n} の最上位グループとチーム: 組織図全体",
    ),
    ("more_sections.other", "他 {n} のセクションとページ:"),
    ("all_handbook_pages.other", "ハンドブック全 {n} ページ"),
    ("n_pages.other", "{n} ページ"),
    ("in_n_sections.other", "({n} セクション)"),
    ("n_teams.other", "{n} チーム"),
    ("in_n_groups.other", "({n} グループ)"),
    ("n_people.other", "{n} 人"),
    (
        "charters_in_group.other",
        "このグループのチャーターは {n} 件。",
    ),
    (
        "interactions_lede.other",
        "どのチームがどのチームと、どう協働しているか: チャーターの `[[interactions]]` に記された {n} 件の連携。",
    ),
    (
        "interactions_split.other",
        "{teams} のチームとグループを階層順に {m} ページに分けています。このページには自チーム間の {n} 件の連携を描き、下の一覧には他ページのチームとのものも含めて全連携を載せています。",
    ),
    ("listed_by_more.other", "他 {n} チームが記載"),
    (
        "ownership_lede.other",
        "{n} のシステム、サービス、ドメイン。それぞれ担当チームは一つだけです。",
    ),
    (
        "ownership_lede_code.other",
        "{n} のシステム、サービス、ドメイン、コードパス: チャーターが担当するものと、`{file}` がチームに割り当てるパス。それぞれ担当チームは一つだけです。",
    ),
    ("decided_heading", "決定済み"),
    ("filter_show_all", "すべて表示"),
    ("filter_show_more", "さらに表示"),
    ("filter_looking", "さらに検索中…"),
    (
        "filter_unavailable",
        "絞り込む意思決定を読み込めませんでした。一覧をすべて表示しています。",
    ),
    ("zoom_out", "縮小"),
    ("zoom_in", "拡大"),
    ("zoom_fit", "全体"),
    ("zoom_fit_label", "マップを幅に合わせる"),
    ("zoom_actual", "実寸 (100%)"),
    ("no_team_matches", "「{q}」に一致するチームはありません"),
    (
        "owner_no_rule",
        ": {file} のどのルールにも一致しないため、コード担当者はいません。",
    ),
    (
        "owner_no_owner",
        ": コード担当者なし。最後に一致したルールが誰も指定していません",
    ),
    ("owner_owned_by", " の担当: "),
    ("owner_rule_at", "{file} {n} 行目"),
    (
        "owner_unavailable",
        "CODEOWNERS のルールを読み込めませんでした。",
    ),
    (
        "owner_search_no_rule",
        "{file} のどのルールにも一致しません",
    ),
    ("owner_search_none", "コード担当者なし"),
    ("owner_search_also", "ほか"),
    ("facet_kind", "種類"),
    ("type_n", "タイプ{n}"),
    ("filter_results", "結果を絞り込む"),
    (
        "search_summary_best",
        "「{q}」の約 {m} 件中、上位 {n} 件。さらに入力すると絞り込めます。",
    ),
    (
        "search_partial",
        "すべての語を含むページはありません。一部を含むページです。",
    ),
    ("search_show_more", "さらに結果を表示"),
    ("search_show_all", "{n} 件すべて表示"),
    (
        "search_nothing",
        "結果はありません。語を減らすか短くするか、絞り込みを解除してください。",
    ),
    ("filter_matched.other", "{m} 件中 {n} 件の意思決定が一致。"),
    (
        "filter_matched_newest.other",
        "最新 {m} 件中 {n} 件が一致(全 {total} 件)。",
    ),
    (
        "filter_partly_unavailable.other",
        "残りの意思決定を読み込めませんでした。最新 {m} 件中 {n} 件が一致。",
    ),
    ("teams_found.other", "{n} チームが見つかりました"),
    ("search_summary.other", "「{q}」の結果 {n} 件"),
    ("status_proposed", "提案中"),
    ("status_accepted", "承認済み"),
    ("status_rejected", "却下"),
    ("status_deprecated", "廃止"),
    ("status_superseded", "置き換え済み"),
    ("in_force_now", "現在有効:"),
    ("current_marker", "現行"),
    ("n_more", "他 {n} 件"),
    (
        "proposes_to_supersede",
        "がこの意思決定の置き換えを提案しています",
    ),
    (
        "stays_in_force",
        "この提案が承認されるまで、この意思決定が有効です",
    ),
    (
        "proposed_to_supersede_and_is",
        "がこの意思決定の置き換えを提案し、現在は{status}です",
    ),
    (
        "health_lede",
        "組織が遅い、または不明確な箇所。{date} 時点のチャーターと意思決定から算出。",
    ),
    ("summary_heading", "要約"),
    (
        "deciders_explained",
        "各意思決定の決定者(`deciders`。決定者のいないタイプ2は担当チームのリード)。未決提案の多い順、次に遅い順。未決提案が {max} 件を超えるか、中央値が {days} 日を超えると指摘します。",
    ),
    ("person_column", "人"),
    ("p90_days", "日数(90パーセンタイル)"),
    ("type1_share_column", "タイプ1の割合"),
    (
        "no_deciders_yet",
        "決定者を記した意思決定はまだありません。",
    ),
    ("decision_velocity", "意思決定の速度"),
    (
        "velocity_intro",
        "提案(`date`)から決定(`decided`)までの日数:",
    ),
    ("by_type_column", "種類別"),
    ("decisions_column", "意思決定"),
    ("team_slowest_column", "チーム(遅い順)"),
    (
        "velocity_caption",
        "四半期ごとの決定日数の中央値(`decided` の四半期別)。実線はタイプ1、破線はタイプ2。",
    ),
    ("no_decided_yet", "決定済みの記録はまだありません。"),
    ("rule_word", "ルール"),
    ("fails_the_build", "ビルドを失敗させる"),
    ("review_period_days", "見直し期間 {n} 日"),
    ("threshold_days", "しきい値 {n} 日"),
    ("max_members", "最大 {n} 人"),
    (
        "more_findings",
        "他 {n} 件。`orgbook check` がすべての指摘をファイルと行付きで表示します。",
    ),
    ("none_found", "なし。"),
    ("person_page", "人物ページ"),
    ("question_decisions_wait", "意思決定はどこで滞留しているか?"),
    (
        "question_reversible_fast",
        "取り消し可能な意思決定は速いか?",
    ),
    ("question_ship_alone", "単独で出荷できないチームは?"),
    (
        "question_metrics",
        "動いていない、または測定されていない指標は?",
    ),
    ("question_charters", "古い、または大きすぎるチャーターは?"),
    (
        "rule_stale_charter",
        "見直し期間内に(または一度も)見直されていないチャーター",
    ),
    ("rule_no_metric_target", "指標に目標がないチーム"),
    ("rule_oversized_team", "最大人数を超えるチーム"),
    ("rule_empty_group", "チームのないグループ"),
    ("rule_stalled_proposal", "停滞しきい値より長く未決の提案"),
    (
        "rule_unmarked_superseded",
        "承認済みの意思決定に置き換えられたのに、置き換え済みと記されていない意思決定",
    ),
    ("rule_revisit_overdue", "見直し日を過ぎたタイプ2の意思決定"),
    (
        "rule_decider_overload",
        "最大数を超える未決提案に待たれている人",
    ),
    (
        "rule_slow_decider",
        "意思決定にしきい値より長くかかる人(中央値)",
    ),
    (
        "rule_type2_escalated",
        "上位に委ねられた取り消し可能な意思決定: 決定者が多すぎる、またはチームのグループ外の決定者",
    ),
    (
        "rule_type2_slow",
        "しきい値より長くかかった取り消し可能な意思決定",
    ),
    (
        "rule_type1_unescalated",
        "担当チームだけで下された取り消せない意思決定",
    ),
    (
        "rule_too_many_dependencies",
        "最大数を超える協働を持つストリームアラインドチーム: 単独で出荷できない",
    ),
    (
        "rule_platform_without_consumers",
        "他のどのチームも利用していると言わないプラットフォームチーム",
    ),
    (
        "rule_one_way_collaboration",
        "二つのチームの一方しか記していない協働",
    ),
    (
        "rule_shared_code",
        "CODEOWNERS が他チームと共有するコードパスを割り当てたチーム: 責任を持つチームが一つに決まらない",
    ),
    ("rule_metric_stale", "期間内にデータ点がない指標"),
    (
        "rule_metric_off_target",
        "目標に届かず、目標から離れていく指標",
    ),
    (
        "rule_placeholder_text",
        "ひな形のプレースホルダーがまだ残っているチャーターと意思決定",
    ),
    ("open_findings.other", "未解決の指摘 {n} 件。"),
    ("more_people_decide.other", "他に {n} 人が決定しています。"),
    ("over_n_decided.other", "(決定済み {n} 件)。"),
    (
        "faster_teams_not_shown.other",
        "より速い {n} チームは表示していません。",
    ),
    ("summary_most_on", "。最多は {name}({n} 件)"),
    (
        "summary_overloaded_slow",
        "。過負荷 {overloaded}、遅い {slow}",
    ),
    (
        "summary_type2",
        "タイプ2の中央値 {median} 日(しきい値 {threshold})。遅い {slow}、上位に委ねた {escalated}。",
    ),
    (
        "summary_metric_health",
        "。古い {stale}、目標から離れている {off_target}、",
    ),
    ("summary_wait.other", "{n} 件の未決提案が待っている相手:"),
    (
        "summary_type1_alone.other",
        "チームだけで下したタイプ1 {n} 件",
    ),
    ("summary_dependent.other", "協働が多すぎるチーム {n}"),
    ("summary_one_way.other", "一方向の協働 {n}"),
    ("summary_unused.other", "利用者のいないプラットフォーム {n}"),
    ("summary_with_history.other", "{m} 指標中 {n} に履歴あり"),
    ("summary_no_target.other", "目標のない指標を持つチーム {n}"),
    ("summary_stale_charters.other", "古いチャーター {n}"),
    ("summary_oversized.other", "大きすぎるチーム {n}"),
    ("summary_empty.other", "空のグループ {n}"),
    (
        "threshold_decider_overload",
        "決定者あたり最大 {n} 件の未決提案",
    ),
    ("threshold_slow_decider", "しきい値 {n} 日(中央値)"),
    (
        "threshold_type2_escalated",
        "決定者は最大 {n} 人、全員がチームのグループ内",
    ),
    ("threshold_type2_slow", "しきい値 {n} 日"),
    ("threshold_too_many_dependencies", "協働は最大 {n}"),
    ("threshold_metric_stale", "期間 {n} 日"),
];

const KO: &[(&str, &str)] = &[
    ("skip_to_content", "본문으로 건너뛰기"),
    ("search_label", "핸드북 검색"),
    ("search_needs_js", "검색하려면 JavaScript가 필요합니다"),
    ("search_placeholder_all", "팀, 담당자, 의사결정 검색…"),
    ("search_placeholder_teams", "팀, 담당자, 페이지 검색…"),
    ("search_placeholder_decisions", "의사결정 및 페이지 검색…"),
    ("search_placeholder_pages", "핸드북 검색…"),
    ("main_nav_label", "주 메뉴"),
    ("teams", "팀"),
    ("org_map", "조직도"),
    ("decisions", "의사결정"),
    ("timeline", "타임라인"),
    ("ownership", "담당 현황"),
    ("org_health", "조직 건강도"),
    ("handbook", "핸드북"),
    ("home", "홈"),
    ("breadcrumb_label", "이동 경로"),
    ("languages_label", "언어"),
    ("also_in", "다른 언어:"),
    ("built_with", "제작 도구:"),
    ("sitemap", "사이트맵"),
    ("decisions_feed", "의사결정 피드"),
    ("in_this_section", "이 섹션"),
    ("section_nav_label", "섹션"),
    ("on_this_page", "이 페이지의 내용"),
    ("previous", "이전"),
    ("next", "다음"),
    ("prev_next_label", "이전 및 다음 페이지"),
    ("pager_label", "이 목록의 페이지"),
    ("source", "원본:"),
    ("last_updated", "마지막 업데이트"),
    ("charter_reviewed", "차터 검토일"),
    ("decided", "결정일"),
    ("proposed", "제안일"),
    ("edit_this_page", "이 페이지 편집"),
    ("linked_from", "이 페이지를 링크한 문서"),
    ("more_pages_one", "외 1개 페이지"),
    ("more_pages", "외 {n}개 페이지"),
    ("not_found_title", "페이지를 찾을 수 없습니다"),
    (
        "not_found_text",
        "이 페이지는 없거나 이동했습니다. 아래 페이지로 가거나 위에서 검색하세요.",
    ),
    ("search_no_results", "“{q}”에 대한 결과가 없습니다"),
    (
        "search_unavailable",
        "검색을 사용할 수 없습니다: 색인을 불러오지 못했습니다.",
    ),
    ("search_about_results", "“{q}”에 대한 결과 약 {n}개"),
    ("search_all_results", "“{q}”에 대한 결과 {n}개 모두"),
    ("search_one_result", "“{q}”에 대한 결과 1개"),
    ("search_live", "결과 {n}개"),
    ("search_live_owner", "코드 담당자 찾음, 결과 {n}개"),
    ("kind_team", "팀"),
    ("kind_group", "그룹"),
    ("kind_decision", "의사결정"),
    ("kind_page", "페이지"),
    ("kind_owner", "코드 담당자"),
    ("metrics", "지표"),
    ("metric", "지표"),
    ("current", "현재"),
    ("target", "목표"),
    ("owns", "담당 영역"),
    ("code", "코드"),
    ("people", "사람"),
    ("lead", "리드"),
    ("members", "구성원"),
    ("place_in_org", "조직 내 위치"),
    ("in_this_group", "이 그룹"),
    ("part_of", "상위 조직"),
    ("top_level", "최상위"),
    ("topology", "토폴로지"),
    ("interactions", "상호작용"),
    ("collaborates_with", "협업 대상"),
    ("uses", "우리가 사용하는 팀"),
    ("facilitates", "우리가 지원하는 팀"),
    ("used_by", "사용하는 팀"),
    ("facilitated_by", "지원하는 팀"),
    ("pages_of", "{team}의 페이지"),
    ("all_decisions_of", "{team}의 의사결정 {n}개 모두"),
    ("see_in_interactions_map", "상호작용 지도에서 {team} 보기"),
    ("authors", "작성자"),
    ("deciders", "결정권자"),
    ("revisit", "재검토일"),
    ("tags", "태그"),
    ("supersedes", "대체 대상"),
    ("superseded_by", "대체한 결정"),
    ("would_supersede", "대체 예정"),
    ("proposed_to_supersede", "대체 제안"),
    ("proposed_successors", "제안된 후속 결정"),
    ("title_column", "제목"),
    ("status_column", "상태"),
    ("type_column", "유형"),
    ("decided_column", "결정일"),
    ("or_proposed", "(또는 제안일)"),
    ("proposed_marker", "제안"),
    ("see_also", "함께 보기:"),
    ("name_column", "이름"),
    ("size_column", "인원"),
    ("primary_metric_column", "핵심 지표"),
    ("group_badge", "그룹"),
    (
        "decision_types",
        "유형 1 의사결정은 되돌릴 수 없으며 상위로 올려 결정합니다. 유형 2는 되돌릴 수 있으며 빠르게 결정합니다.",
    ),
    ("revisit_calendar", "재검토 일정 달력"),
    ("filter_any", "전체"),
    ("type1_option", "유형 1 · 되돌릴 수 없음"),
    ("type2_option", "유형 2 · 되돌릴 수 있음"),
    ("tag", "태그"),
    ("part_of_a_name", "이름의 일부"),
    ("part_of_a_tag", "태그의 일부"),
    ("filter_button", "필터"),
    ("at_a_glance", "한눈에 보기"),
    ("where_they_wait", "대기 위치"),
    ("median_days_to_decide", "결정까지 걸린 일수(중앙값)"),
    ("the_organisation", "조직"),
    ("recent_decisions", "최근 의사결정"),
    ("all_decisions", "모든 의사결정"),
    ("waiting_on_them", "이 사람을 기다리는 건"),
    ("median_days", "일수(중앙값)"),
    (
        "open_a_section",
        "섹션을 열면 폴더별로 페이지를 볼 수 있습니다.",
    ),
    ("overview", "개요"),
    ("decision_timeline", "의사결정 타임라인"),
    ("feed", "피드"),
    ("no_decisions_yet", "아직 의사결정이 없습니다."),
    ("months_label", "월"),
    (
        "month_names",
        "1월|2월|3월|4월|5월|6월|7월|8월|9월|10월|11월|12월",
    ),
    ("month_year", "{year}년 {month}"),
    ("continued", "(계속)"),
    ("event_decided", "결정됨"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "대체:"),
    ("type1_title", "유형 1: 되돌릴 수 없음, 상위 결정"),
    ("type2_title", "유형 2: 되돌릴 수 있음"),
    ("search_title", "검색"),
    (
        "browse_instead",
        "검색에는 JavaScript가 필요합니다. 대신 다음을 둘러보세요:",
    ),
    (
        "orgmap_explained",
        "각 상자는 팀과 그 핵심 지표(지표에 기록이 있으면 추세 화살표 포함), 인원을 보여 줍니다. 하나를 선택하면 차터가 열립니다.",
    ),
    ("who_works_with_whom", "누가 누구와 일하는지:"),
    ("interactions_view", "협업 보기"),
    ("all_part_of", "모두 {team} 소속"),
    ("charter_of", "{team} 차터"),
    ("open_map_of", "{team} 지도 열기"),
    ("more_n", "+{n}개 더"),
    ("teams_outside_groups", "어느 그룹에도 속하지 않은 팀"),
    ("on_this_page_range", "이 페이지: {from}–{to}"),
    ("skip_to_org_list", "조직 목록으로 건너뛰기"),
    ("skip_to_group_list", "그룹 목록으로 건너뛰기"),
    ("as_a_list", "목록으로 보기"),
    ("map_and_list", "지도와 목록"),
    ("find_a_team", "팀 찾기"),
    ("team_name_placeholder", "팀 이름"),
    ("groups_label", "그룹"),
    ("part_of_parts", "({m}개 중 {n}번째)"),
    ("group_charter", "그룹 차터"),
    ("whole_organisation", "조직 전체"),
    (
        "group_drawn_over",
        "이 그룹은 {m}개 페이지에 걸쳐 그려집니다. 이 페이지는 {n}번째이며, 첫 차터 위의 그룹들을 맥락으로 다시 그렸습니다.",
    ),
    ("team_interactions", "팀 간 협업"),
    ("arrows_explained", "화살표는 의존하는 팀을 가리킵니다."),
    ("ix_collaborates_with", "협업:"),
    ("ix_uses", "사용:"),
    ("ix_facilitates", "지원:"),
    ("ix_used_by", "사용하는 팀:"),
    ("ix_facilitated_by", "지원하는 팀:"),
    ("lead_of_team", "리드"),
    ("who_owns_a_path", "이 파일이나 폴더는 누구 담당인가요?"),
    ("jump_to_letter", "글자로 이동"),
    ("owners_label", "담당"),
    ("item_column", "항목"),
    ("owner_column", "담당 팀"),
    ("group_column", "그룹"),
    ("contact_column", "연락처"),
    ("line_n", "{n}행"),
    (
        "nothing_owned",
        "아직 `owns`에 항목을 적은 차터가 없습니다.",
    ),
    (
        "nothing_owned_code",
        "아직 `owns`에 항목을 적은 차터가 없고, `{file}`도 차터가 있는 팀을 지정하지 않습니다.",
    ),
    ("leads", "리드"),
    ("member_of", "소속"),
    ("and_n_more", "외 {n}개"),
    ("not_in_any_charter", "어느 차터에도 없습니다."),
    ("deciding", "의사결정"),
    ("open_proposals_waiting", "대기 중인 미결 제안"),
    ("decisions_taken", "내린 의사결정"),
    ("days_to_decide", "결정까지 걸린 일수"),
    ("median", "중앙값"),
    ("p90", "90번째 백분위수"),
    ("type1_share", "유형 1 의사결정 비율"),
    ("waiting_on", "{name}님을 기다리는 항목"),
    ("most_recent_of", "{m}개 중 최근 {n}개."),
    ("wrote", "작성"),
    ("where_decisions_wait", "의사결정이 대기하는 곳"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.other",
        "조직 구조에 따른 팀과 그룹 {n}개.",
    ),
    (
        "decisions_lede.other",
        "의사결정 기록 {n}건, 표시된 날짜 기준 최신순: 결정된 날짜, 아직 열려 있으면 제안된 날짜입니다.",
    ),
    (
        "timeline_lede.other",
        "월별 의사결정 {n}건, 최신순(표시된 날짜): 각각 결정된 날짜, 아직 열려 있으면 제안된 날짜에 놓입니다.",
    ),
    (
        "people_lede.other",
        "차터와 의사결정 기록에 나오는 모든 사람: {n}명.",
    ),
    ("stat_teams.other", "팀"),
    ("stat_groups.other", "그룹"),
    ("stat_decisions.other", "의사결정"),
    ("stat_open_proposals.other", "미결 제안"),
    ("stat_decisions_quarter.other", "이번 분기 의사결정"),
    ("stat_findings.other", "미해결 건강 지적"),
    ("stat_people.other", "명"),
    (
        "more_groups.other",
        "최상위 그룹과 팀 {n}개 더: 조직도 전체",
    ),
    ("more_sections.other", "섹션과 페이지 {n}개 더:"),
    ("all_handbook_pages.other", "핸드북 전체 {n}페이지"),
    ("n_pages.other", "{n}페이지"),
    ("in_n_sections.other", "({n}개 섹션)"),
    ("n_teams.other", "팀 {n}개"),
    ("in_n_groups.other", "(그룹 {n}개)"),
    ("n_people.other", "{n}명"),
    ("charters_in_group.other", "이 그룹의 차터 {n}개."),
    (
        "interactions_lede.other",
        "어느 팀이 어느 팀과 어떻게 일하는지: 차터의 `[[interactions]]`에 적힌 협업 {n}건.",
    ),
    (
        "interactions_split.other",
        "팀과 그룹 {teams}개를 계층 순서로 {m}개 페이지에 나눴습니다. 이 페이지는 자기 팀들 사이의 협업 {n}건을 그리고, 아래 목록은 다른 페이지의 팀과의 협업까지 모두 보여 줍니다.",
    ),
    ("listed_by_more.other", "다른 팀 {n}개가 언급"),
    (
        "ownership_lede.other",
        "시스템, 서비스, 도메인 {n}개. 각각 정확히 한 팀이 담당합니다.",
    ),
    (
        "ownership_lede_code.other",
        "시스템, 서비스, 도메인, 코드 경로 {n}개: 차터가 담당하는 것과 `{file}`이(가) 팀에 맡기는 경로. 각각 정확히 한 팀이 담당합니다.",
    ),
    ("decided_heading", "결정함"),
    ("filter_show_all", "모두 보기"),
    ("filter_show_more", "더 보기"),
    ("filter_looking", "더 찾는 중…"),
    (
        "filter_unavailable",
        "필터링할 의사결정을 불러오지 못했습니다. 전체 목록을 표시합니다.",
    ),
    ("zoom_out", "축소"),
    ("zoom_in", "확대"),
    ("zoom_fit", "맞춤"),
    ("zoom_fit_label", "지도를 너비에 맞추기"),
    ("zoom_actual", "실제 크기 (100%)"),
    ("no_team_matches", "“{q}”와 일치하는 팀이 없습니다"),
    (
        "owner_no_rule",
        ": {file}의 어느 규칙에도 맞지 않아 코드 담당자가 없습니다.",
    ),
    (
        "owner_no_owner",
        ": 코드 담당자 없음. 마지막으로 맞는 규칙이 아무도 지정하지 않습니다",
    ),
    ("owner_owned_by", " 담당: "),
    ("owner_rule_at", "{file} {n}행"),
    (
        "owner_unavailable",
        "CODEOWNERS 규칙을 불러오지 못했습니다.",
    ),
    (
        "owner_search_no_rule",
        "{file}의 어느 규칙에도 맞지 않습니다",
    ),
    ("owner_search_none", "코드 담당자 없음"),
    ("owner_search_also", "또한"),
    ("facet_kind", "종류"),
    ("type_n", "유형 {n}"),
    ("filter_results", "결과 필터"),
    (
        "search_summary_best",
        "“{q}”에 대한 약 {m}개 중 상위 {n}개. 더 입력하면 좁혀집니다.",
    ),
    (
        "search_partial",
        "모든 단어가 들어 있는 페이지는 없습니다. 일부가 들어 있는 페이지입니다.",
    ),
    ("search_show_more", "결과 더 보기"),
    ("search_show_all", "{n}개 모두 보기"),
    (
        "search_nothing",
        "결과가 없습니다. 단어를 줄이거나 짧게 하거나 필터를 지워 보세요.",
    ),
    ("filter_matched.other", "의사결정 {m}건 중 {n}건 일치."),
    (
        "filter_matched_newest.other",
        "최근 의사결정 {m}건 중 {n}건 일치(전체 {total}건).",
    ),
    (
        "filter_partly_unavailable.other",
        "나머지 의사결정을 불러오지 못했습니다. 최근 {m}건 중 {n}건 일치.",
    ),
    ("teams_found.other", "팀 {n}개 찾음"),
    ("search_summary.other", "“{q}”에 대한 결과 {n}개"),
    ("status_proposed", "제안됨"),
    ("status_accepted", "승인됨"),
    ("status_rejected", "거절됨"),
    ("status_deprecated", "폐기됨"),
    ("status_superseded", "대체됨"),
    ("in_force_now", "현재 유효:"),
    ("current_marker", "현행"),
    ("n_more", "{n}개 더"),
    (
        "proposes_to_supersede",
        "이(가) 이 의사결정의 대체를 제안합니다",
    ),
    (
        "stays_in_force",
        "이 제안이 승인될 때까지 이 의사결정이 유효합니다",
    ),
    (
        "proposed_to_supersede_and_is",
        "이(가) 이 의사결정의 대체를 제안했으며 현재 {status} 상태입니다",
    ),
    (
        "health_lede",
        "조직이 느리거나 불분명한 곳. {date} 기준 차터와 의사결정에서 계산했습니다.",
    ),
    ("summary_heading", "요약"),
    (
        "deciders_explained",
        "각 의사결정의 결정권자(`deciders`. 결정권자가 없는 유형 2는 담당 팀의 리드). 미결 제안이 많은 순, 그다음 느린 순. 미결 제안이 {max}건을 넘거나 중앙값이 {days}일을 넘으면 표시합니다.",
    ),
    ("person_column", "사람"),
    ("p90_days", "일수(90번째 백분위수)"),
    ("type1_share_column", "유형 1 비율"),
    (
        "no_deciders_yet",
        "아직 결정권자를 적은 의사결정이 없습니다.",
    ),
    ("decision_velocity", "의사결정 속도"),
    (
        "velocity_intro",
        "제안(`date`)부터 결정(`decided`)까지 일수:",
    ),
    ("by_type_column", "유형별"),
    ("decisions_column", "의사결정"),
    ("team_slowest_column", "팀(느린 순)"),
    (
        "velocity_caption",
        "분기별 결정 일수 중앙값(`decided`의 분기 기준). 실선은 유형 1, 점선은 유형 2.",
    ),
    ("no_decided_yet", "아직 결정된 기록이 없습니다."),
    ("rule_word", "규칙"),
    ("fails_the_build", "빌드를 실패시킴"),
    ("review_period_days", "검토 주기 {n}일"),
    ("threshold_days", "기준 {n}일"),
    ("max_members", "최대 {n}명"),
    (
        "more_findings",
        "{n}개 더. `orgbook check`가 모든 지적을 파일과 행과 함께 보여 줍니다.",
    ),
    ("none_found", "없음."),
    ("person_page", "사람 페이지"),
    ("question_decisions_wait", "의사결정은 어디서 대기하나요?"),
    (
        "question_reversible_fast",
        "되돌릴 수 있는 의사결정은 빠른가요?",
    ),
    ("question_ship_alone", "혼자 출시할 수 없는 팀은?"),
    ("question_metrics", "움직이지 않거나 측정되지 않는 지표는?"),
    ("question_charters", "오래되었거나 너무 큰 차터는?"),
    (
        "rule_stale_charter",
        "검토 주기 안에 (또는 한 번도) 검토되지 않은 차터",
    ),
    ("rule_no_metric_target", "지표에 목표가 없는 팀"),
    ("rule_oversized_team", "최대 인원보다 큰 팀"),
    ("rule_empty_group", "팀이 없는 그룹"),
    ("rule_stalled_proposal", "정체 기준보다 오래 열려 있는 제안"),
    (
        "rule_unmarked_superseded",
        "승인된 의사결정으로 대체되었지만 대체됨으로 표시되지 않은 의사결정",
    ),
    ("rule_revisit_overdue", "재검토일이 지난 유형 2 의사결정"),
    (
        "rule_decider_overload",
        "최대보다 많은 미결 제안이 기다리는 사람",
    ),
    (
        "rule_slow_decider",
        "의사결정이 기준보다 오래 걸리는 사람(중앙값)",
    ),
    (
        "rule_type2_escalated",
        "상위로 올라간 되돌릴 수 있는 의사결정: 결정권자가 너무 많거나 팀 그룹 밖의 결정권자",
    ),
    (
        "rule_type2_slow",
        "기준보다 오래 걸린 되돌릴 수 있는 의사결정",
    ),
    (
        "rule_type1_unescalated",
        "담당 팀 혼자 내린 되돌릴 수 없는 의사결정",
    ),
    (
        "rule_too_many_dependencies",
        "최대보다 많은 협업을 가진 스트림 정렬 팀: 혼자 출시할 수 없음",
    ),
    (
        "rule_platform_without_consumers",
        "다른 어떤 팀도 사용한다고 하지 않는 플랫폼 팀",
    ),
    (
        "rule_one_way_collaboration",
        "두 팀 중 한 팀만 언급하는 협업",
    ),
    (
        "rule_shared_code",
        "CODEOWNERS가 다른 팀과 공유하는 코드 경로를 맡긴 팀: 책임지는 한 팀이 없음",
    ),
    ("rule_metric_stale", "기간 안에 데이터가 없는 지표"),
    ("rule_metric_off_target", "목표에 못 미치고 멀어지는 지표"),
    (
        "rule_placeholder_text",
        "템플릿의 자리표시자 텍스트가 아직 남아 있는 차터와 의사결정",
    ),
    ("open_findings.other", "미해결 지적 {n}건."),
    ("more_people_decide.other", "{n}명이 더 결정합니다."),
    ("over_n_decided.other", "(결정된 기록 {n}건)."),
    (
        "faster_teams_not_shown.other",
        "더 빠른 팀 {n}개는 표시하지 않았습니다.",
    ),
    ("summary_most_on", "; 가장 많은 사람은 {name}({n}건)"),
    (
        "summary_overloaded_slow",
        "; 과부하 {overloaded}, 느림 {slow}",
    ),
    (
        "summary_type2",
        "유형 2 중앙값 {median}일(기준 {threshold}); 느림 {slow}, 상위 결정 {escalated};",
    ),
    (
        "summary_metric_health",
        "; 오래됨 {stale}, 목표에서 멀어짐 {off_target},",
    ),
    ("summary_wait.other", "미결 제안 {n}건이 기다리는 사람:"),
    ("summary_type1_alone.other", "팀 혼자 내린 유형 1 {n}건"),
    ("summary_dependent.other", "협업이 너무 많은 팀 {n}개"),
    ("summary_one_way.other", "일방적 협업 {n}건"),
    ("summary_unused.other", "사용자가 없는 플랫폼 {n}개"),
    (
        "summary_with_history.other",
        "지표 {m}개 중 {n}개에 기록 있음",
    ),
    ("summary_no_target.other", "목표 없는 지표가 있는 팀 {n}개"),
    ("summary_stale_charters.other", "오래된 차터 {n}개"),
    ("summary_oversized.other", "너무 큰 팀 {n}개"),
    ("summary_empty.other", "빈 그룹 {n}개"),
    (
        "threshold_decider_overload",
        "결정권자당 최대 미결 제안 {n}건",
    ),
    ("threshold_slow_decider", "기준 {n}일(중앙값)"),
    (
        "threshold_type2_escalated",
        "결정권자 최대 {n}명, 모두 팀 그룹 소속",
    ),
    ("threshold_type2_slow", "기준 {n}일"),
    ("threshold_too_many_dependencies", "협업 최대 {n}건"),
    ("threshold_metric_stale", "기간 {n}일"),
];

const NL: &[(&str, &str)] = &[
    ("skip_to_content", "Naar de inhoud"),
    ("search_label", "Zoeken in het handboek"),
    ("search_needs_js", "Zoeken vereist JavaScript"),
    (
        "search_placeholder_all",
        "Zoek teams, eigenaren, besluiten…",
    ),
    (
        "search_placeholder_teams",
        "Zoek teams, eigenaren, pagina’s…",
    ),
    (
        "search_placeholder_decisions",
        "Zoek besluiten en pagina’s…",
    ),
    ("search_placeholder_pages", "Zoeken in het handboek…"),
    ("main_nav_label", "Hoofdmenu"),
    ("teams", "Teams"),
    ("org_map", "Organogram"),
    ("decisions", "Besluiten"),
    ("timeline", "Tijdlijn"),
    ("ownership", "Wie is eigenaar van wat"),
    ("org_health", "Gezondheid van de organisatie"),
    ("handbook", "Handboek"),
    ("home", "Home"),
    ("breadcrumb_label", "Kruimelpad"),
    ("languages_label", "Talen"),
    ("also_in", "Ook in:"),
    ("built_with", "gemaakt met"),
    ("sitemap", "sitemap"),
    ("decisions_feed", "feed met besluiten"),
    ("in_this_section", "In dit onderdeel"),
    ("section_nav_label", "Onderdeel"),
    ("on_this_page", "Op deze pagina"),
    ("previous", "Vorige"),
    ("next", "Volgende"),
    ("prev_next_label", "Vorige en volgende pagina"),
    ("pager_label", "Pagina’s van deze lijst"),
    ("source", "Bron:"),
    ("last_updated", "Laatst bijgewerkt"),
    ("charter_reviewed", "Charter herzien op"),
    ("decided", "Besloten op"),
    ("proposed", "Voorgesteld op"),
    ("edit_this_page", "Deze pagina bewerken"),
    ("linked_from", "Gelinkt vanaf"),
    ("more_pages_one", "en nog 1 pagina"),
    ("more_pages", "en nog {n} pagina’s"),
    ("not_found_title", "Pagina niet gevonden"),
    (
        "not_found_text",
        "Deze pagina bestaat niet of is verplaatst. Probeer een van deze pagina’s, of zoek hierboven.",
    ),
    ("search_no_results", "Geen resultaten voor ‘{q}’"),
    (
        "search_unavailable",
        "Zoeken is niet beschikbaar: de index kon niet worden geladen.",
    ),
    ("search_about_results", "Ongeveer {n} resultaten voor ‘{q}’"),
    ("search_all_results", "Alle {n} resultaten voor ‘{q}’"),
    ("search_one_result", "1 resultaat voor ‘{q}’"),
    ("search_live", "{n} resultaten"),
    (
        "search_live_owner",
        "Code-eigenaar gevonden, {n} resultaten",
    ),
    ("kind_team", "Team"),
    ("kind_group", "Groep"),
    ("kind_decision", "Besluit"),
    ("kind_page", "Pagina"),
    ("kind_owner", "Code-eigenaar"),
    ("metrics", "Metrieken"),
    ("metric", "Metriek"),
    ("current", "Huidig"),
    ("target", "Doel"),
    ("owns", "Eigenaar van"),
    ("code", "Code"),
    ("people", "Mensen"),
    ("lead", "Lead"),
    ("members", "Leden"),
    ("place_in_org", "Plaats in de organisatie"),
    ("in_this_group", "In deze groep"),
    ("part_of", "Onderdeel van"),
    ("top_level", "hoogste niveau"),
    ("topology", "Topologie"),
    ("interactions", "Interacties"),
    ("collaborates_with", "We werken samen met"),
    ("uses", "We gebruiken"),
    ("facilitates", "We faciliteren"),
    ("used_by", "Gebruikt door"),
    ("facilitated_by", "Gefaciliteerd door"),
    ("pages_of", "Pagina’s van {team}"),
    ("all_decisions_of", "Alle {n} besluiten van {team}"),
    (
        "see_in_interactions_map",
        "Bekijk {team} op de kaart met interacties",
    ),
    ("authors", "Auteurs"),
    ("deciders", "Beslissers"),
    ("revisit", "Herzien op"),
    ("tags", "Tags"),
    ("supersedes", "Vervangt"),
    ("superseded_by", "Vervangen door"),
    ("would_supersede", "Zou vervangen"),
    ("proposed_to_supersede", "Stelde voor te vervangen"),
    ("proposed_successors", "Voorgestelde opvolgers"),
    ("title_column", "Titel"),
    ("status_column", "Status"),
    ("type_column", "Type"),
    ("decided_column", "Besloten"),
    ("or_proposed", "(of voorgesteld)"),
    ("proposed_marker", "voorgesteld"),
    ("see_also", "Zie ook:"),
    ("name_column", "Naam"),
    ("size_column", "Grootte"),
    ("primary_metric_column", "Belangrijkste maatstaf"),
    ("group_badge", "groep"),
    (
        "decision_types",
        "Type 1-besluiten zijn onomkeerbaar en worden geëscaleerd; type 2-besluiten zijn omkeerbaar en worden snel genomen.",
    ),
    ("revisit_calendar", "Kalender van herzieningsdata"),
    ("filter_any", "alle"),
    ("type1_option", "Type 1 · onomkeerbaar"),
    ("type2_option", "Type 2 · omkeerbaar"),
    ("tag", "Label"),
    ("part_of_a_name", "deel van een naam"),
    ("part_of_a_tag", "deel van een label"),
    ("filter_button", "Filteren"),
    ("at_a_glance", "In één oogopslag"),
    ("where_they_wait", "waar ze wachten"),
    ("median_days_to_decide", "mediane dagen tot besluit"),
    ("the_organisation", "De organisatie"),
    ("recent_decisions", "Recente besluiten"),
    ("all_decisions", "Alle besluiten"),
    ("waiting_on_them", "Wacht op hen"),
    ("median_days", "Mediane dagen"),
    (
        "open_a_section",
        "Open een sectie om de pagina’s te zien, map voor map.",
    ),
    ("overview", "overzicht"),
    ("decision_timeline", "Tijdlijn van besluiten"),
    ("feed", "Feed"),
    ("no_decisions_yet", "Nog geen besluiten."),
    ("months_label", "Maanden"),
    (
        "month_names",
        "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
    ),
    ("month_year", "{month} {year}"),
    ("continued", "(vervolg)"),
    ("event_decided", "besloten"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "vervangt"),
    ("type1_title", "Type 1: onomkeerbaar, geëscaleerd"),
    ("type2_title", "Type 2: omkeerbaar"),
    ("search_title", "Zoeken"),
    (
        "browse_instead",
        "Zoeken heeft JavaScript nodig. Blader in plaats daarvan door:",
    ),
    (
        "orgmap_explained",
        "Elk vak toont een team, de belangrijkste maatstaf (met de trendpijl als de maatstaf een geschiedenis heeft) en de grootte; kies er een om het charter te openen.",
    ),
    ("who_works_with_whom", "Wie met wie werkt:"),
    ("interactions_view", "de weergave van de samenwerking"),
    ("all_part_of", "allemaal deel van {team}"),
    ("charter_of", "Charter van {team}"),
    ("open_map_of", "De kaart van {team} openen"),
    ("more_n", "+{n} meer"),
    ("teams_outside_groups", "Teams buiten een groep"),
    ("on_this_page_range", "{from}–{to} op deze pagina"),
    ("skip_to_org_list", "Naar de organisatie als lijst"),
    ("skip_to_group_list", "Naar de groep als lijst"),
    ("as_a_list", "Als lijst"),
    ("map_and_list", "kaart en lijst"),
    ("find_a_team", "Een team zoeken"),
    ("team_name_placeholder", "Teamnaam"),
    ("groups_label", "Groepen"),
    ("part_of_parts", "(deel {n} van {m})"),
    ("group_charter", "Het charter van de groep"),
    ("whole_organisation", "De hele organisatie"),
    (
        "group_drawn_over",
        "De groep is over {m} pagina’s getekend; dit is pagina {n}, met de groepen boven het eerste charter opnieuw getekend als context.",
    ),
    ("team_interactions", "Samenwerking tussen teams"),
    (
        "arrows_explained",
        "Pijlen wijzen naar het team waarvan wordt afgehangen.",
    ),
    ("ix_collaborates_with", "werkt samen met"),
    ("ix_uses", "gebruikt"),
    ("ix_facilitates", "faciliteert"),
    ("ix_used_by", "gebruikt door"),
    ("ix_facilitated_by", "gefaciliteerd door"),
    ("lead_of_team", "lead"),
    ("who_owns_a_path", "Van wie is een bestand of map?"),
    ("jump_to_letter", "Naar letter"),
    ("owners_label", "Eigenaren"),
    ("item_column", "Onderdeel"),
    ("owner_column", "Eigenaar"),
    ("group_column", "Groep"),
    ("contact_column", "Contact"),
    ("line_n", "regel {n}"),
    ("nothing_owned", "Nog geen charter noemt iets onder `owns`."),
    (
        "nothing_owned_code",
        "Nog geen charter noemt iets onder `owns`, en `{file}` noemt geen team met een charter.",
    ),
    ("leads", "Leidt"),
    ("member_of", "Lid van"),
    ("and_n_more", "en nog {n}"),
    ("not_in_any_charter", "In geen enkel charter genoemd."),
    ("deciding", "Besluiten"),
    ("open_proposals_waiting", "Wachtende open voorstellen"),
    ("decisions_taken", "Genomen besluiten"),
    ("days_to_decide", "Dagen tot besluit"),
    ("median", "mediaan"),
    ("p90", "90e percentiel"),
    ("type1_share", "Aandeel type 1-besluiten"),
    ("waiting_on", "Wacht op {name}"),
    ("most_recent_of", "De {n} meest recente van {m}."),
    ("wrote", "Schreef"),
    ("where_decisions_wait", "Waar besluiten wachten"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.one",
        "{n} team of groep, in de vorm van de organisatie.",
    ),
    (
        "teams_and_groups_lede.other",
        "{n} teams en groepen, in de vorm van de organisatie.",
    ),
    (
        "decisions_lede.one",
        "{n} besluitverslag, nieuwste eerst op de getoonde datum: wanneer het besloten werd, of voorgesteld zolang het openstaat.",
    ),
    (
        "decisions_lede.other",
        "{n} besluitverslagen, nieuwste eerst op de getoonde datum: wanneer elk besloten werd, of voorgesteld zolang het openstaat.",
    ),
    (
        "timeline_lede.one",
        "{n} besluit per maand, nieuwste eerst (de getoonde datum): het staat op de datum waarop het besloten werd, of voorgesteld zolang het openstaat.",
    ),
    (
        "timeline_lede.other",
        "{n} besluiten per maand, nieuwste eerst (de getoonde datum): elk staat op de datum waarop het besloten werd, of voorgesteld zolang het openstaat.",
    ),
    (
        "people_lede.one",
        "Iedereen die de charters en besluitverslagen noemen: {n} persoon.",
    ),
    (
        "people_lede.other",
        "Iedereen die de charters en besluitverslagen noemen: {n} mensen.",
    ),
    ("stat_teams.one", "team"),
    ("stat_teams.other", "teams"),
    ("stat_groups.one", "groep"),
    ("stat_groups.other", "groepen"),
    ("stat_decisions.one", "besluit"),
    ("stat_decisions.other", "besluiten"),
    ("stat_open_proposals.one", "open voorstel"),
    ("stat_open_proposals.other", "open voorstellen"),
    ("stat_decisions_quarter.one", "besluit dit kwartaal"),
    ("stat_decisions_quarter.other", "besluiten dit kwartaal"),
    ("stat_findings.one", "open gezondheidsbevinding"),
    ("stat_findings.other", "open gezondheidsbevindingen"),
    ("stat_people.one", "persoon"),
    ("stat_people.other", "mensen"),
    (
        "more_groups.one",
        "nog {n} groep of team op het hoogste niveau: het hele organogram",
    ),
    (
        "more_groups.other",
        "nog {n} groepen en teams op het hoogste niveau: het hele organogram",
    ),
    ("more_sections.one", "nog {n} sectie of pagina:"),
    ("more_sections.other", "nog {n} secties en pagina’s:"),
    ("all_handbook_pages.one", "de {n} pagina van het handboek"),
    (
        "all_handbook_pages.other",
        "alle {n} pagina’s van het handboek",
    ),
    ("n_pages.one", "{n} pagina"),
    ("n_pages.other", "{n} pagina’s"),
    ("in_n_sections.one", "in {n} sectie"),
    ("in_n_sections.other", "in {n} secties"),
    ("n_teams.one", "{n} team"),
    ("n_teams.other", "{n} teams"),
    ("in_n_groups.one", "in {n} groep"),
    ("in_n_groups.other", "in {n} groepen"),
    ("n_people.one", "{n} persoon"),
    ("n_people.other", "{n} mensen"),
    ("charters_in_group.one", "{n} charter in deze groep."),
    ("charters_in_group.other", "{n} charters in deze groep."),
    (
        "interactions_lede.one",
        "Welke teams met welke werken, en hoe: {n} samenwerking opgegeven in de `[[interactions]]` van de charters.",
    ),
    (
        "interactions_lede.other",
        "Welke teams met welke werken, en hoe: {n} samenwerkingen opgegeven in de `[[interactions]]` van de charters.",
    ),
    (
        "interactions_split.one",
        "De {teams} teams en groepen zijn in hiërarchische volgorde over {m} pagina’s verdeeld; deze pagina tekent {n} samenwerking tussen haar eigen teams, en de lijst hieronder noemt elke samenwerking van haar teams, ook met teams op andere pagina’s.",
    ),
    (
        "interactions_split.other",
        "De {teams} teams en groepen zijn in hiërarchische volgorde over {m} pagina’s verdeeld; deze pagina tekent de {n} samenwerkingen tussen haar eigen teams, en de lijst hieronder noemt elke samenwerking van haar teams, ook met teams op andere pagina’s.",
    ),
    ("listed_by_more.one", "genoemd door nog {n} team"),
    ("listed_by_more.other", "genoemd door nog {n} teams"),
    (
        "ownership_lede.one",
        "{n} systeem, dienst of domein, van precies één team.",
    ),
    (
        "ownership_lede.other",
        "{n} systemen, diensten en domeinen, elk van precies één team.",
    ),
    (
        "ownership_lede_code.one",
        "{n} systeem, dienst, domein of codepad: wat de charters bezitten, van precies één team, en de paden die `{file}` aan teams geeft.",
    ),
    (
        "ownership_lede_code.other",
        "{n} systemen, diensten, domeinen en codepaden: wat de charters bezitten, elk van precies één team, en de paden die `{file}` aan teams geeft.",
    ),
    ("decided_heading", "Besloten"),
    ("filter_show_all", "Alles tonen"),
    ("filter_show_more", "Meer tonen"),
    ("filter_looking", "Verder zoeken…"),
    (
        "filter_unavailable",
        "De besluiten om te filteren konden niet worden geladen; de volledige lijst wordt getoond.",
    ),
    ("zoom_out", "Uitzoomen"),
    ("zoom_in", "Inzoomen"),
    ("zoom_fit", "Passend"),
    ("zoom_fit_label", "Kaart aan de breedte aanpassen"),
    ("zoom_actual", "Werkelijke grootte (100%)"),
    ("no_team_matches", "Geen team past bij ‘{q}’"),
    (
        "owner_no_rule",
        ": geen regel in {file} past, dus het heeft geen code-eigenaar.",
    ),
    (
        "owner_no_owner",
        ": geen code-eigenaar; de laatste regel die past noemt er geen",
    ),
    ("owner_owned_by", " is van "),
    ("owner_rule_at", "{file} regel {n}"),
    (
        "owner_unavailable",
        "De CODEOWNERS-regels konden niet worden geladen.",
    ),
    ("owner_search_no_rule", "Geen regel in {file} past"),
    ("owner_search_none", "Geen code-eigenaar"),
    ("owner_search_also", "ook"),
    ("facet_kind", "Soort"),
    ("type_n", "Type {n}"),
    ("filter_results", "Resultaten filteren"),
    (
        "search_summary_best",
        "De beste {n} van ongeveer {m} resultaten voor ‘{q}’. Typ meer om ze te verfijnen.",
    ),
    (
        "search_partial",
        "Geen pagina bevat alle woorden; deze bevatten er enkele.",
    ),
    ("search_show_more", "Meer resultaten tonen"),
    ("search_show_all", "Alle {n} tonen"),
    (
        "search_nothing",
        "Geen resultaten. Probeer minder of kortere woorden, of wis de filters.",
    ),
    ("filter_matched.one", "{n} van {m} besluit past."),
    ("filter_matched.other", "{n} van {m} besluiten passen."),
    (
        "filter_matched_newest.one",
        "{n} van het nieuwste {m} besluit past ({total} in totaal).",
    ),
    (
        "filter_matched_newest.other",
        "{n} van de nieuwste {m} besluiten passen ({total} in totaal).",
    ),
    (
        "filter_partly_unavailable.one",
        "De rest van de besluiten kon niet worden geladen; {n} van de nieuwste {m} past.",
    ),
    (
        "filter_partly_unavailable.other",
        "De rest van de besluiten kon niet worden geladen; {n} van de nieuwste {m} passen.",
    ),
    ("teams_found.one", "{n} team gevonden"),
    ("teams_found.other", "{n} teams gevonden"),
    ("search_summary.one", "{n} resultaat voor ‘{q}’"),
    ("search_summary.other", "{n} resultaten voor ‘{q}’"),
    ("status_proposed", "voorgesteld"),
    ("status_accepted", "aangenomen"),
    ("status_rejected", "afgewezen"),
    ("status_deprecated", "verouderd"),
    ("status_superseded", "vervangen"),
    ("in_force_now", "Nu van kracht:"),
    ("current_marker", "van kracht"),
    ("n_more", "nog {n}"),
    (
        "proposes_to_supersede",
        "stelt voor dit besluit te vervangen",
    ),
    (
        "stays_in_force",
        "dat van kracht blijft tot dat voorstel is aangenomen",
    ),
    (
        "proposed_to_supersede_and_is",
        "stelde voor dit besluit te vervangen en is {status}",
    ),
    (
        "health_lede",
        "Waar de organisatie traag of onduidelijk is, berekend uit de charters en besluiten op {date}.",
    ),
    ("summary_heading", "Samenvatting"),
    (
        "deciders_explained",
        "De beslissers van elk besluit (`deciders`; bij een type 2-besluit zonder beslissers de lead van het eigenaarsteam), eerst wie de meeste open voorstellen heeft, dan de traagste. Gemarkeerd boven {max} open voorstellen of een mediaan boven {days} dagen.",
    ),
    ("person_column", "Persoon"),
    ("p90_days", "Dagen (90e percentiel)"),
    ("type1_share_column", "Aandeel type 1"),
    ("no_deciders_yet", "Nog geen besluit noemt een beslisser."),
    ("decision_velocity", "Besluitsnelheid"),
    (
        "velocity_intro",
        "Dagen van voorstel (`date`) tot besluit (`decided`):",
    ),
    ("by_type_column", "Per type"),
    ("decisions_column", "Besluiten"),
    ("team_slowest_column", "Team (traagste eerst)"),
    (
        "velocity_caption",
        "Mediane dagen tot besluit per kwartaal (naar het kwartaal van `decided`): doorgetrokken type 1, gestippeld type 2.",
    ),
    ("no_decided_yet", "Nog geen besloten verslagen."),
    ("rule_word", "Regel"),
    ("fails_the_build", "laat de build mislukken"),
    ("review_period_days", "beoordelingsperiode {n} dagen"),
    ("threshold_days", "drempel {n} dagen"),
    ("max_members", "maximaal {n} leden"),
    (
        "more_findings",
        "nog {n}; `orgbook check` toont elke bevinding met bestand en regel.",
    ),
    ("none_found", "Geen."),
    ("person_page", "persoonspagina"),
    ("question_decisions_wait", "Waar wachten besluiten?"),
    (
        "question_reversible_fast",
        "Gaan omkeerbare besluiten snel?",
    ),
    (
        "question_ship_alone",
        "Welke teams kunnen niet zelfstandig opleveren?",
    ),
    (
        "question_metrics",
        "Welke maatstaven bewegen niet of worden niet gemeten?",
    ),
    (
        "question_charters",
        "Welke charters zijn verouderd of te groot?",
    ),
    (
        "rule_stale_charter",
        "Charters die niet binnen de beoordelingsperiode (of nooit) zijn herzien",
    ),
    (
        "rule_no_metric_target",
        "Teams waarvan de maatstaven geen doel hebben",
    ),
    (
        "rule_oversized_team",
        "Teams groter dan de maximale teamgrootte",
    ),
    ("rule_empty_group", "Groepen zonder team"),
    (
        "rule_stalled_proposal",
        "Voorstellen die langer openstaan dan de stilstandsdrempel",
    ),
    (
        "rule_unmarked_superseded",
        "Besluiten vervangen door een aangenomen besluit maar niet als vervangen gemarkeerd",
    ),
    (
        "rule_revisit_overdue",
        "Type 2-besluiten voorbij hun herzieningsdatum",
    ),
    (
        "rule_decider_overload",
        "Mensen op wie meer open voorstellen wachten dan het maximum",
    ),
    (
        "rule_slow_decider",
        "Mensen wier besluiten langer duren dan de drempel (mediaan)",
    ),
    (
        "rule_type2_escalated",
        "Geëscaleerde omkeerbare besluiten: te veel beslissers, of beslissers van buiten de groep van het team",
    ),
    (
        "rule_type2_slow",
        "Omkeerbare besluiten die langer duurden dan de drempel",
    ),
    (
        "rule_type1_unescalated",
        "Onomkeerbare besluiten die het eigenaarsteam alleen nam",
    ),
    (
        "rule_too_many_dependencies",
        "Stream-aligned teams met meer samenwerkingen dan het maximum: ze kunnen niet zelfstandig opleveren",
    ),
    (
        "rule_platform_without_consumers",
        "Platformteams die geen ander team zegt te gebruiken",
    ),
    (
        "rule_one_way_collaboration",
        "Samenwerkingen die maar één van de twee teams noemt",
    ),
    (
        "rule_shared_code",
        "Teams die CODEOWNERS codepaden geeft die ze met andere teams delen: geen enkel team is er verantwoordelijk voor",
    ),
    (
        "rule_metric_stale",
        "Maatstaven zonder meetpunt binnen de periode",
    ),
    (
        "rule_metric_off_target",
        "Maatstaven die hun doel missen en ervan weg bewegen",
    ),
    (
        "rule_placeholder_text",
        "Charters en besluiten met nog de voorbeeldtekst van het sjabloon",
    ),
    ("open_findings.one", "{n} open bevinding."),
    ("open_findings.other", "{n} open bevindingen."),
    ("more_people_decide.one", "Nog {n} persoon beslist."),
    ("more_people_decide.other", "Nog {n} mensen beslissen."),
    ("over_n_decided.one", "over {n} besloten verslag."),
    ("over_n_decided.other", "over {n} besloten verslagen."),
    (
        "faster_teams_not_shown.one",
        "{n} sneller team niet getoond.",
    ),
    (
        "faster_teams_not_shown.other",
        "{n} snellere teams niet getoond.",
    ),
    ("summary_most_on", "; de meeste op {name} ({n})"),
    (
        "summary_overloaded_slow",
        "; {overloaded} overbelast, {slow} traag",
    ),
    (
        "summary_type2",
        "Type 2 mediaan {median} dagen (drempel {threshold}); {slow} traag, {escalated} geëscaleerd;",
    ),
    (
        "summary_metric_health",
        "; {stale} verouderd, {off_target} bewegen van het doel weg,",
    ),
    ("summary_wait.one", "{n} open voorstel wacht op"),
    ("summary_wait.other", "{n} open voorstellen wachten op"),
    (
        "summary_type1_alone.one",
        "{n} type 1-besluit door het team alleen genomen",
    ),
    (
        "summary_type1_alone.other",
        "{n} type 1-besluiten door het team alleen genomen",
    ),
    (
        "summary_dependent.one",
        "{n} team met te veel samenwerkingen",
    ),
    (
        "summary_dependent.other",
        "{n} teams met te veel samenwerkingen",
    ),
    ("summary_one_way.one", "{n} eenzijdige samenwerking"),
    ("summary_one_way.other", "{n} eenzijdige samenwerkingen"),
    ("summary_unused.one", "{n} platform zonder gebruikers"),
    ("summary_unused.other", "{n} platforms zonder gebruikers"),
    (
        "summary_with_history.one",
        "{n} van {m} maatstaven heeft een geschiedenis",
    ),
    (
        "summary_with_history.other",
        "{n} van {m} maatstaven hebben een geschiedenis",
    ),
    (
        "summary_no_target.one",
        "{n} team met een maatstaf zonder doel",
    ),
    (
        "summary_no_target.other",
        "{n} teams met een maatstaf zonder doel",
    ),
    ("summary_stale_charters.one", "{n} verouderd charter"),
    ("summary_stale_charters.other", "{n} verouderde charters"),
    ("summary_oversized.one", "{n} te groot team"),
    ("summary_oversized.other", "{n} te grote teams"),
    ("summary_empty.one", "{n} lege groep"),
    ("summary_empty.other", "{n} lege groepen"),
    (
        "threshold_decider_overload",
        "maximaal {n} open voorstellen per beslisser",
    ),
    ("threshold_slow_decider", "drempel {n} dagen (mediaan)"),
    (
        "threshold_type2_escalated",
        "maximaal {n} beslissers, allemaal uit de groep van het team",
    ),
    ("threshold_type2_slow", "drempel {n} dagen"),
    (
        "threshold_too_many_dependencies",
        "maximaal {n} samenwerkingen",
    ),
    ("threshold_metric_stale", "periode van {n} dagen"),
];

const PT: &[(&str, &str)] = &[
    ("skip_to_content", "Ir para o conteúdo"),
    ("search_label", "Pesquisar no manual"),
    ("search_needs_js", "A pesquisa precisa de JavaScript"),
    (
        "search_placeholder_all",
        "Pesquisar equipes, responsáveis, decisões…",
    ),
    (
        "search_placeholder_teams",
        "Pesquisar equipes, responsáveis, páginas…",
    ),
    (
        "search_placeholder_decisions",
        "Pesquisar decisões e páginas…",
    ),
    ("search_placeholder_pages", "Pesquisar no manual…"),
    ("main_nav_label", "Principal"),
    ("teams", "Equipes"),
    ("org_map", "Organograma"),
    ("decisions", "Decisões"),
    ("timeline", "Linha do tempo"),
    ("ownership", "Quem é responsável pelo quê"),
    ("org_health", "Saúde da organização"),
    ("handbook", "Manual"),
    ("home", "Início"),
    ("breadcrumb_label", "Trilha de navegação"),
    ("languages_label", "Idiomas"),
    ("also_in", "Também em:"),
    ("built_with", "feito com"),
    ("sitemap", "mapa do site"),
    ("decisions_feed", "feed de decisões"),
    ("in_this_section", "Nesta seção"),
    ("section_nav_label", "Seção"),
    ("on_this_page", "Nesta página"),
    ("previous", "Anterior"),
    ("next", "Próximo"),
    ("prev_next_label", "Página anterior e seguinte"),
    ("pager_label", "Páginas desta lista"),
    ("source", "Fonte:"),
    ("last_updated", "Última atualização"),
    ("charter_reviewed", "Carta revisada em"),
    ("decided", "Decidido em"),
    ("proposed", "Proposto em"),
    ("edit_this_page", "Editar esta página"),
    ("linked_from", "Páginas com links para esta"),
    ("more_pages_one", "e mais 1 página"),
    ("more_pages", "e mais {n} páginas"),
    ("not_found_title", "Página não encontrada"),
    (
        "not_found_text",
        "Esta página não existe ou foi movida. Tente uma destas páginas, ou pesquise acima.",
    ),
    ("search_no_results", "Nenhum resultado para “{q}”"),
    (
        "search_unavailable",
        "A pesquisa não está disponível: não foi possível carregar o índice.",
    ),
    ("search_about_results", "Cerca de {n} resultados para “{q}”"),
    ("search_all_results", "Todos os {n} resultados para “{q}”"),
    ("search_one_result", "1 resultado para “{q}”"),
    ("search_live", "{n} resultados"),
    (
        "search_live_owner",
        "Responsável pelo código encontrado, {n} resultados",
    ),
    ("kind_team", "Equipe"),
    ("kind_group", "Grupo"),
    ("kind_decision", "Decisão"),
    ("kind_page", "Página"),
    ("kind_owner", "Responsável pelo código"),
    ("metrics", "Métricas"),
    ("metric", "Métrica"),
    ("current", "Atual"),
    ("target", "Meta"),
    ("owns", "Responsável por"),
    ("code", "Código"),
    ("people", "Pessoas"),
    ("lead", "Líder"),
    ("members", "Membros"),
    ("place_in_org", "Lugar na organização"),
    ("in_this_group", "Neste grupo"),
    ("part_of", "Parte de"),
    ("top_level", "nível superior"),
    ("topology", "Topologia"),
    ("interactions", "Interações"),
    ("collaborates_with", "Colaboramos com"),
    ("uses", "Usamos"),
    ("facilitates", "Facilitamos"),
    ("used_by", "Usado por"),
    ("facilitated_by", "Facilitado por"),
    ("pages_of", "Páginas de {team}"),
    ("all_decisions_of", "Todas as {n} decisões de {team}"),
    (
        "see_in_interactions_map",
        "Ver {team} no mapa de interações",
    ),
    ("authors", "Autores"),
    ("deciders", "Decisores"),
    ("revisit", "Revisar em"),
    ("tags", "Etiquetas"),
    ("supersedes", "Substitui"),
    ("superseded_by", "Substituída por"),
    ("would_supersede", "Substituiria"),
    ("proposed_to_supersede", "Propôs substituir"),
    ("proposed_successors", "Sucessoras propostas"),
    ("title_column", "Título"),
    ("status_column", "Status"),
    ("type_column", "Tipo"),
    ("decided_column", "Decidida"),
    ("or_proposed", "(ou proposta)"),
    ("proposed_marker", "proposta"),
    ("see_also", "Veja também:"),
    ("name_column", "Nome"),
    ("size_column", "Tamanho"),
    ("primary_metric_column", "Métrica principal"),
    ("group_badge", "grupo"),
    (
        "decision_types",
        "Decisões do tipo 1 são irreversíveis e escaladas; as do tipo 2 são reversíveis e tomadas rapidamente.",
    ),
    ("revisit_calendar", "Calendário das datas de revisão"),
    ("filter_any", "qualquer"),
    ("type1_option", "Tipo 1 · irreversível"),
    ("type2_option", "Tipo 2 · reversível"),
    ("tag", "Etiqueta"),
    ("part_of_a_name", "parte de um nome"),
    ("part_of_a_tag", "parte de uma etiqueta"),
    ("filter_button", "Filtrar"),
    ("at_a_glance", "Em resumo"),
    ("where_they_wait", "onde esperam"),
    ("median_days_to_decide", "dias medianos para decidir"),
    ("the_organisation", "A organização"),
    ("recent_decisions", "Decisões recentes"),
    ("all_decisions", "Todas as decisões"),
    ("waiting_on_them", "Aguardando por eles"),
    ("median_days", "Dias (mediana)"),
    (
        "open_a_section",
        "Abra uma seção para ver as suas páginas, pasta por pasta.",
    ),
    ("overview", "visão geral"),
    ("decision_timeline", "Cronologia das decisões"),
    ("feed", "Feed"),
    ("no_decisions_yet", "Ainda não há decisões."),
    ("months_label", "Meses"),
    (
        "month_names",
        "janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro",
    ),
    ("month_year", "{month} de {year}"),
    ("continued", "(continuação)"),
    ("event_decided", "decidida"),
    ("adr_title", "ADR {n}: {title}"),
    ("timeline_supersedes", "substitui"),
    ("type1_title", "Tipo 1: irreversível, escalada"),
    ("type2_title", "Tipo 2: reversível"),
    ("search_title", "Pesquisa"),
    (
        "browse_instead",
        "A pesquisa precisa de JavaScript. Navegue antes por:",
    ),
    (
        "orgmap_explained",
        "Cada caixa mostra uma equipe, a sua métrica principal (com a seta de tendência quando a métrica tem histórico) e o seu tamanho; selecione uma para abrir a sua carta.",
    ),
    ("who_works_with_whom", "Quem trabalha com quem:"),
    ("interactions_view", "a vista das interações"),
    ("all_part_of", "todas parte de {team}"),
    ("charter_of", "Carta de {team}"),
    ("open_map_of", "Abrir o mapa de {team}"),
    ("more_n", "+{n} mais"),
    ("teams_outside_groups", "Equipes fora de qualquer grupo"),
    ("on_this_page_range", "{from}–{to} nesta página"),
    ("skip_to_org_list", "Ir para a organização em lista"),
    ("skip_to_group_list", "Ir para o grupo em lista"),
    ("as_a_list", "Em lista"),
    ("map_and_list", "mapa e lista"),
    ("find_a_team", "Encontrar uma equipe"),
    ("team_name_placeholder", "Nome da equipe"),
    ("groups_label", "Grupos"),
    ("part_of_parts", "(parte {n} de {m})"),
    ("group_charter", "A carta do grupo"),
    ("whole_organisation", "Toda a organização"),
    (
        "group_drawn_over",
        "O grupo é desenhado em {m} páginas; esta é a página {n}, com os grupos acima da sua primeira carta desenhados de novo como contexto.",
    ),
    ("team_interactions", "Interações entre equipes"),
    (
        "arrows_explained",
        "As setas apontam para a equipe de que se depende.",
    ),
    ("ix_collaborates_with", "colabora com"),
    ("ix_uses", "usa"),
    ("ix_facilitates", "facilita"),
    ("ix_used_by", "usada por"),
    ("ix_facilitated_by", "facilitada por"),
    ("lead_of_team", "líder"),
    ("who_owns_a_path", "De quem é um arquivo ou uma pasta?"),
    ("jump_to_letter", "Ir para a letra"),
    ("owners_label", "Responsáveis"),
    ("item_column", "Item"),
    ("owner_column", "Responsável"),
    ("group_column", "Grupo"),
    ("contact_column", "Contato"),
    ("line_n", "linha {n}"),
    ("nothing_owned", "Nenhuma carta lista ainda nada em `owns`."),
    (
        "nothing_owned_code",
        "Nenhuma carta lista ainda nada em `owns`, e `{file}` não nomeia nenhuma equipe com carta.",
    ),
    ("leads", "Lidera"),
    ("member_of", "Membro de"),
    ("and_n_more", "e mais {n}"),
    ("not_in_any_charter", "Não consta de nenhuma carta."),
    ("deciding", "Decidir"),
    ("open_proposals_waiting", "Propostas abertas aguardando"),
    ("decisions_taken", "Decisões tomadas"),
    ("days_to_decide", "Dias para decidir"),
    ("median", "mediana"),
    ("p90", "percentil 90"),
    ("type1_share", "Parcela de decisões do tipo 1"),
    ("waiting_on", "Aguardando {name}"),
    ("most_recent_of", "As {n} mais recentes de {m}."),
    ("wrote", "Escreveu"),
    ("where_decisions_wait", "Onde as decisões esperam"),
    ("sentence_end", "."),
    (
        "teams_and_groups_lede.one",
        "{n} equipe ou grupo, com a forma da organização.",
    ),
    (
        "teams_and_groups_lede.other",
        "{n} equipes e grupos, com a forma da organização.",
    ),
    (
        "decisions_lede.one",
        "{n} registro de decisão, do mais recente pela data mostrada: quando foi decidida, ou proposta enquanto está aberta.",
    ),
    (
        "decisions_lede.other",
        "{n} registros de decisão, dos mais recentes pela data mostrada: quando cada uma foi decidida, ou proposta enquanto está aberta.",
    ),
    (
        "timeline_lede.one",
        "{n} decisão por mês, a mais recente primeiro (a data mostrada): fica na data em que foi decidida, ou proposta enquanto está aberta.",
    ),
    (
        "timeline_lede.other",
        "{n} decisões por mês, as mais recentes primeiro (a data mostrada): cada uma fica na data em que foi decidida, ou proposta enquanto está aberta.",
    ),
    (
        "people_lede.one",
        "Todas as pessoas que as cartas e os registros de decisão nomeiam: {n} pessoa.",
    ),
    (
        "people_lede.other",
        "Todas as pessoas que as cartas e os registros de decisão nomeiam: {n} pessoas.",
    ),
    ("stat_teams.one", "equipe"),
    ("stat_teams.other", "equipes"),
    ("stat_groups.one", "grupo"),
    ("stat_groups.other", "grupos"),
    ("stat_decisions.one", "decisão"),
    ("stat_decisions.other", "decisões"),
    ("stat_open_proposals.one", "proposta aberta"),
    ("stat_open_proposals.other", "propostas abertas"),
    ("stat_decisions_quarter.one", "decisão neste trimestre"),
    ("stat_decisions_quarter.other", "decisões neste trimestre"),
    ("stat_findings.one", "constatação de saúde aberta"),
    ("stat_findings.other", "constatações de saúde abertas"),
    ("stat_people.one", "pessoa"),
    ("stat_people.other", "pessoas"),
    (
        "more_groups.one",
        "mais {n} grupo ou equipe de primeiro nível: todo o organograma",
    ),
    (
        "more_groups.other",
        "mais {n} grupos e equipes de primeiro nível: todo o organograma",
    ),
    ("more_sections.one", "mais {n} seção ou página:"),
    ("more_sections.other", "mais {n} seções e páginas:"),
    ("all_handbook_pages.one", "a {n} página do manual"),
    ("all_handbook_pages.other", "todas as {n} páginas do manual"),
    ("n_pages.one", "{n} página"),
    ("n_pages.other", "{n} páginas"),
    ("in_n_sections.one", "em {n} seção"),
    ("in_n_sections.other", "em {n} seções"),
    ("n_teams.one", "{n} equipe"),
    ("n_teams.other", "{n} equipes"),
    ("in_n_groups.one", "em {n} grupo"),
    ("in_n_groups.other", "em {n} grupos"),
    ("n_people.one", "{n} pessoa"),
    ("n_people.other", "{n} pessoas"),
    ("charters_in_group.one", "{n} carta neste grupo."),
    ("charters_in_group.other", "{n} cartas neste grupo."),
    (
        "interactions_lede.one",
        "Que equipes trabalham com quais, e como: {n} interação declarada nas `[[interactions]]` das cartas.",
    ),
    (
        "interactions_lede.other",
        "Que equipes trabalham com quais, e como: {n} interações declaradas nas `[[interactions]]` das cartas.",
    ),
    (
        "interactions_split.one",
        "As {teams} equipes e grupos estão repartidos em {m} páginas pela ordem da hierarquia; esta página desenha {n} interação entre as suas próprias equipes, e a lista abaixo nomeia cada interação das suas equipes, também com equipes de outras páginas.",
    ),
    (
        "interactions_split.other",
        "As {teams} equipes e grupos estão repartidos em {m} páginas pela ordem da hierarquia; esta página desenha as {n} interações entre as suas próprias equipes, e a lista abaixo nomeia cada interação das suas equipes, também com equipes de outras páginas.",
    ),
    ("listed_by_more.one", "citada por mais {n} equipe"),
    ("listed_by_more.other", "citada por mais {n} equipes"),
    (
        "ownership_lede.one",
        "{n} sistema, serviço ou domínio, de uma única equipe.",
    ),
    (
        "ownership_lede.other",
        "{n} sistemas, serviços e domínios, cada um de uma única equipe.",
    ),
    (
        "ownership_lede_code.one",
        "{n} sistema, serviço, domínio ou caminho de código: o que as cartas possuem, de uma única equipe, e os caminhos que `{file}` dá às equipes.",
    ),
    (
        "ownership_lede_code.other",
        "{n} sistemas, serviços, domínios e caminhos de código: o que as cartas possuem, cada um de uma única equipe, e os caminhos que `{file}` dá às equipes.",
    ),
    ("decided_heading", "Decididas"),
    ("filter_show_all", "Mostrar tudo"),
    ("filter_show_more", "Mostrar mais"),
    ("filter_looking", "Procurando mais…"),
    (
        "filter_unavailable",
        "Não foi possível carregar as decisões para filtrar; a lista completa é mostrada.",
    ),
    ("zoom_out", "Reduzir"),
    ("zoom_in", "Ampliar"),
    ("zoom_fit", "Ajustar"),
    ("zoom_fit_label", "Ajustar o mapa à largura"),
    ("zoom_actual", "Tamanho real (100%)"),
    ("no_team_matches", "Nenhuma equipe corresponde a “{q}”"),
    (
        "owner_no_rule",
        ": nenhuma regra de {file} corresponde, então não tem responsável pelo código.",
    ),
    (
        "owner_no_owner",
        ": sem responsável pelo código; a última regra que corresponde não nomeia nenhum",
    ),
    ("owner_owned_by", " pertence a "),
    ("owner_rule_at", "{file} linha {n}"),
    (
        "owner_unavailable",
        "Não foi possível carregar as regras de CODEOWNERS.",
    ),
    (
        "owner_search_no_rule",
        "Nenhuma regra de {file} corresponde",
    ),
    ("owner_search_none", "Sem responsável pelo código"),
    ("owner_search_also", "também"),
    ("facet_kind", "Tipo"),
    ("type_n", "Tipo {n}"),
    ("filter_results", "Filtrar resultados"),
    (
        "search_summary_best",
        "Os {n} melhores de cerca de {m} resultados para “{q}”. Digite mais para refiná-los.",
    ),
    (
        "search_partial",
        "Nenhuma página tem todas as palavras; estas têm algumas.",
    ),
    ("search_show_more", "Mostrar mais resultados"),
    ("search_show_all", "Mostrar todos os {n}"),
    (
        "search_nothing",
        "Nenhum resultado. Tente menos palavras ou mais curtas, ou limpe os filtros.",
    ),
    ("filter_matched.one", "{n} de {m} decisão corresponde."),
    ("filter_matched.other", "{n} de {m} decisões correspondem."),
    (
        "filter_matched_newest.one",
        "{n} da {m} decisão mais recente corresponde ({total} no total).",
    ),
    (
        "filter_matched_newest.other",
        "{n} das {m} decisões mais recentes correspondem ({total} no total).",
    ),
    (
        "filter_partly_unavailable.one",
        "Não foi possível carregar o resto das decisões; {n} das {m} mais recentes corresponde.",
    ),
    (
        "filter_partly_unavailable.other",
        "Não foi possível carregar o resto das decisões; {n} das {m} mais recentes correspondem.",
    ),
    ("teams_found.one", "{n} equipe encontrada"),
    ("teams_found.other", "{n} equipes encontradas"),
    ("search_summary.one", "{n} resultado para “{q}”"),
    ("search_summary.other", "{n} resultados para “{q}”"),
    ("status_proposed", "proposta"),
    ("status_accepted", "aceita"),
    ("status_rejected", "rejeitada"),
    ("status_deprecated", "obsoleta"),
    ("status_superseded", "substituída"),
    ("in_force_now", "Em vigor agora:"),
    ("current_marker", "vigente"),
    ("n_more", "mais {n}"),
    ("proposes_to_supersede", "propõe substituir esta decisão"),
    (
        "stays_in_force",
        "que continua em vigor até essa proposta ser aceita",
    ),
    (
        "proposed_to_supersede_and_is",
        "propôs substituir esta decisão e está {status}",
    ),
    (
        "health_lede",
        "Onde a organização é lenta ou pouco clara, calculado a partir das cartas e decisões em {date}.",
    ),
    ("summary_heading", "Resumo"),
    (
        "deciders_explained",
        "Os decisores de cada decisão (`deciders`; numa decisão do tipo 2 sem decisores, o líder da equipe responsável), primeiro os com mais propostas abertas, depois os mais lentos. Sinalizados acima de {max} propostas abertas ou mediana acima de {days} dias.",
    ),
    ("person_column", "Pessoa"),
    ("p90_days", "Dias (percentil 90)"),
    ("type1_share_column", "Parcela do tipo 1"),
    (
        "no_deciders_yet",
        "Nenhuma decisão nomeia ainda um decisor.",
    ),
    ("decision_velocity", "Velocidade de decisão"),
    (
        "velocity_intro",
        "Dias da proposta (`date`) à decisão (`decided`):",
    ),
    ("by_type_column", "Por tipo"),
    ("decisions_column", "Decisões"),
    ("team_slowest_column", "Equipe (mais lentas primeiro)"),
    (
        "velocity_caption",
        "Mediana de dias para decidir por trimestre (pelo trimestre de `decided`): contínua tipo 1, tracejada tipo 2.",
    ),
    ("no_decided_yet", "Ainda não há registros decididos."),
    ("rule_word", "Regra"),
    ("fails_the_build", "faz a compilação falhar"),
    ("review_period_days", "período de revisão {n} dias"),
    ("threshold_days", "limite {n} dias"),
    ("max_members", "máximo {n} membros"),
    (
        "more_findings",
        "mais {n}; `orgbook check` mostra cada constatação com arquivo e linha.",
    ),
    ("none_found", "Nenhum."),
    ("person_page", "página da pessoa"),
    ("question_decisions_wait", "Onde as decisões esperam?"),
    (
        "question_reversible_fast",
        "As decisões reversíveis andam depressa?",
    ),
    (
        "question_ship_alone",
        "Que equipes não conseguem entregar sozinhas?",
    ),
    (
        "question_metrics",
        "Que métricas não se movem ou não são medidas?",
    ),
    (
        "question_charters",
        "Que cartas estão desatualizadas ou grandes demais?",
    ),
    (
        "rule_stale_charter",
        "Cartas não revisadas dentro do período de revisão (ou nunca)",
    ),
    (
        "rule_no_metric_target",
        "Equipes cujas métricas não têm meta",
    ),
    (
        "rule_oversized_team",
        "Equipes maiores que o tamanho máximo",
    ),
    ("rule_empty_group", "Grupos sem nenhuma equipe"),
    (
        "rule_stalled_proposal",
        "Propostas abertas há mais tempo que o limite de estagnação",
    ),
    (
        "rule_unmarked_superseded",
        "Decisões substituídas por uma aceita mas não marcadas como substituídas",
    ),
    (
        "rule_revisit_overdue",
        "Decisões do tipo 2 após a data de revisão",
    ),
    (
        "rule_decider_overload",
        "Pessoas aguardadas por mais propostas abertas que o máximo",
    ),
    (
        "rule_slow_decider",
        "Pessoas cujas decisões demoram mais que o limite (mediana)",
    ),
    (
        "rule_type2_escalated",
        "Decisões reversíveis escaladas: decisores demais, ou decisores de fora do grupo da equipe",
    ),
    (
        "rule_type2_slow",
        "Decisões reversíveis que demoraram mais que o limite",
    ),
    (
        "rule_type1_unescalated",
        "Decisões irreversíveis tomadas só pela equipe responsável",
    ),
    (
        "rule_too_many_dependencies",
        "Equipes alinhadas ao fluxo com mais colaborações que o máximo: não conseguem entregar sozinhas",
    ),
    (
        "rule_platform_without_consumers",
        "Equipes de plataforma que nenhuma outra equipe diz usar",
    ),
    (
        "rule_one_way_collaboration",
        "Colaborações que só uma das duas equipes menciona",
    ),
    (
        "rule_shared_code",
        "Equipes a quem o CODEOWNERS dá caminhos de código partilhados com outras equipes: nenhuma equipe responde por eles",
    ),
    (
        "rule_metric_stale",
        "Métricas sem um dado dentro do período",
    ),
    (
        "rule_metric_off_target",
        "Métricas que falham a meta e se afastam dela",
    ),
    (
        "rule_placeholder_text",
        "Cartas e decisões que ainda têm o texto de exemplo do modelo",
    ),
    ("open_findings.one", "{n} constatação aberta."),
    ("open_findings.other", "{n} constatações abertas."),
    ("more_people_decide.one", "Mais {n} pessoa decide."),
    ("more_people_decide.other", "Mais {n} pessoas decidem."),
    ("over_n_decided.one", "sobre {n} registro decidido."),
    ("over_n_decided.other", "sobre {n} registros decididos."),
    (
        "faster_teams_not_shown.one",
        "{n} equipe mais rápida não mostrada.",
    ),
    (
        "faster_teams_not_shown.other",
        "{n} equipes mais rápidas não mostradas.",
    ),
    ("summary_most_on", "; a maioria a {name} ({n})"),
    (
        "summary_overloaded_slow",
        "; sobrecarregados: {overloaded}, lentos: {slow}",
    ),
    (
        "summary_type2",
        "Tipo 2: mediana {median} dias (limite {threshold}); lentas: {slow}, escaladas: {escalated};",
    ),
    (
        "summary_metric_health",
        "; desatualizadas: {stale}, afastando-se da meta: {off_target},",
    ),
    ("summary_wait.one", "{n} proposta aberta aguarda"),
    ("summary_wait.other", "{n} propostas abertas aguardam"),
    (
        "summary_type1_alone.one",
        "{n} decisão do tipo 1 tomada só pela equipe",
    ),
    (
        "summary_type1_alone.other",
        "{n} decisões do tipo 1 tomadas só pela equipe",
    ),
    (
        "summary_dependent.one",
        "{n} equipe com colaborações demais",
    ),
    (
        "summary_dependent.other",
        "{n} equipes com colaborações demais",
    ),
    ("summary_one_way.one", "{n} colaboração unilateral"),
    ("summary_one_way.other", "{n} colaborações unilaterais"),
    ("summary_unused.one", "{n} plataforma sem consumidores"),
    ("summary_unused.other", "{n} plataformas sem consumidores"),
    (
        "summary_with_history.one",
        "{n} de {m} métricas tem histórico",
    ),
    (
        "summary_with_history.other",
        "{n} de {m} métricas têm histórico",
    ),
    (
        "summary_no_target.one",
        "{n} equipe com uma métrica sem meta",
    ),
    (
        "summary_no_target.other",
        "{n} equipes com uma métrica sem meta",
    ),
    ("summary_stale_charters.one", "{n} carta desatualizada"),
    ("summary_stale_charters.other", "{n} cartas desatualizadas"),
    ("summary_oversized.one", "{n} equipe grande demais"),
    ("summary_oversized.other", "{n} equipes grandes demais"),
    ("summary_empty.one", "{n} grupo vazio"),
    ("summary_empty.other", "{n} grupos vazios"),
    (
        "threshold_decider_overload",
        "máximo {n} propostas abertas por decisor",
    ),
    ("threshold_slow_decider", "limite {n} dias (mediana)"),
    (
        "threshold_type2_escalated",
        "máximo {n} decisores, todos do grupo da equipe",
    ),
    ("threshold_type2_slow", "limite {n} dias"),
    ("threshold_too_many_dependencies", "máximo {n} colaborações"),
    ("threshold_metric_stale", "período de {n} dias"),
];

const ZH: &[(&str, &str)] = &[
    ("skip_to_content", "跳到正文"),
    ("search_label", "搜索手册"),
    ("search_needs_js", "搜索需要 JavaScript"),
    ("search_placeholder_all", "搜索团队、负责人、决策…"),
    ("search_placeholder_teams", "搜索团队、负责人、页面…"),
    ("search_placeholder_decisions", "搜索决策和页面…"),
    ("search_placeholder_pages", "搜索手册…"),
    ("main_nav_label", "主导航"),
    ("teams", "团队"),
    ("org_map", "组织架构图"),
    ("decisions", "决策"),
    ("timeline", "时间线"),
    ("ownership", "谁负责什么"),
    ("org_health", "组织健康度"),
    ("handbook", "手册"),
    ("home", "首页"),
    ("breadcrumb_label", "面包屑导航"),
    ("languages_label", "语言"),
    ("also_in", "其他语言："),
    ("built_with", "构建工具："),
    ("sitemap", "网站地图"),
    ("decisions_feed", "决策订阅"),
    ("in_this_section", "本节内容"),
    ("section_nav_label", "章节"),
    ("on_this_page", "本页内容"),
    ("previous", "上一页"),
    ("next", "下一页"),
    ("prev_next_label", "上一页和下一页"),
    ("pager_label", "此列表的页面"),
    ("source", "源文件："),
    ("last_updated", "最后更新"),
    ("charter_reviewed", "章程审阅于"),
    ("decided", "决定于"),
    ("proposed", "提议于"),
    ("edit_this_page", "编辑此页"),
    ("linked_from", "链接到此页的页面"),
    ("more_pages_one", "还有 1 个页面"),
    ("more_pages", "还有 {n} 个页面"),
    ("not_found_title", "找不到页面"),
    (
        "not_found_text",
        "此页面不存在或已移动。请试试以下页面，或在上方搜索。",
    ),
    ("search_no_results", "没有找到“{q}”的结果"),
    ("search_unavailable", "搜索不可用：无法加载索引。"),
    ("search_about_results", "“{q}”约有 {n} 个结果"),
    ("search_all_results", "“{q}”的全部 {n} 个结果"),
    ("search_one_result", "“{q}”的 1 个结果"),
    ("search_live", "{n} 个结果"),
    ("search_live_owner", "找到代码负责人，{n} 个结果"),
    ("kind_team", "团队"),
    ("kind_group", "群组"),
    ("kind_decision", "决策"),
    ("kind_page", "页面"),
    ("kind_owner", "代码负责人"),
    ("metrics", "指标"),
    ("metric", "指标"),
    ("current", "当前"),
    ("target", "目标"),
    ("owns", "负责范围"),
    ("code", "代码"),
    ("people", "人员"),
    ("lead", "负责人"),
    ("members", "成员"),
    ("place_in_org", "在组织中的位置"),
    ("in_this_group", "本组"),
    ("part_of", "隶属于"),
    ("top_level", "顶层"),
    ("topology", "拓扑"),
    ("interactions", "协作关系"),
    ("collaborates_with", "我们与之协作"),
    ("uses", "我们使用"),
    ("facilitates", "我们协助"),
    ("used_by", "被以下团队使用"),
    ("facilitated_by", "协助方"),
    ("pages_of", "{team} 的页面"),
    ("all_decisions_of", "{team} 的全部 {n} 项决策"),
    ("see_in_interactions_map", "在协作关系图中查看 {team}"),
    ("authors", "作者"),
    ("deciders", "决策者"),
    ("revisit", "复审日期"),
    ("tags", "标签"),
    ("supersedes", "取代"),
    ("superseded_by", "被取代于"),
    ("would_supersede", "将取代"),
    ("proposed_to_supersede", "曾提议取代"),
    ("proposed_successors", "提议的后继决策"),
    ("title_column", "标题"),
    ("status_column", "状态"),
    ("type_column", "类型"),
    ("decided_column", "决定日期"),
    ("or_proposed", "(或提议日期)"),
    ("proposed_marker", "提议"),
    ("see_also", "另见："),
    ("name_column", "名称"),
    ("size_column", "人数"),
    ("primary_metric_column", "主要指标"),
    ("group_badge", "组"),
    (
        "decision_types",
        "第一类决策不可逆，需上报决定；第二类决策可逆，快速作出。",
    ),
    ("revisit_calendar", "复审日期日历"),
    ("filter_any", "全部"),
    ("type1_option", "第一类 · 不可逆"),
    ("type2_option", "第二类 · 可逆"),
    ("tag", "标签"),
    ("part_of_a_name", "名称的一部分"),
    ("part_of_a_tag", "标签的一部分"),
    ("filter_button", "筛选"),
    ("at_a_glance", "概览"),
    ("where_they_wait", "卡在哪里"),
    ("median_days_to_decide", "决策天数中位数"),
    ("the_organisation", "组织"),
    ("recent_decisions", "近期决策"),
    ("all_decisions", "全部决策"),
    ("waiting_on_them", "等待其处理"),
    ("median_days", "天数中位数"),
    ("open_a_section", "打开一个部分，按文件夹查看其页面。"),
    ("overview", "概述"),
    ("decision_timeline", "决策时间线"),
    ("feed", "订阅源"),
    ("no_decisions_yet", "暂无决策。"),
    ("months_label", "月份"),
    (
        "month_names",
        "1月|2月|3月|4月|5月|6月|7月|8月|9月|10月|11月|12月",
    ),
    ("month_year", "{year}年{month}"),
    ("continued", "（续）"),
    ("event_decided", "已决定"),
    ("adr_title", "ADR {n}：{title}"),
    ("timeline_supersedes", "取代"),
    ("type1_title", "第一类：不可逆，需上报"),
    ("type2_title", "第二类：可逆"),
    ("search_title", "搜索"),
    ("browse_instead", "搜索需要 JavaScript。请改为浏览："),
    (
        "orgmap_explained",
        "每个方框显示一个团队、其主要指标（指标有历史时带趋势箭头）和人数；选择一个即可打开其章程。",
    ),
    ("who_works_with_whom", "谁与谁协作："),
    ("interactions_view", "协作视图"),
    ("all_part_of", "均隶属于 {team}"),
    ("charter_of", "{team} 章程"),
    ("open_map_of", "打开 {team} 的地图"),
    ("more_n", "另外 {n} 个"),
    ("teams_outside_groups", "不属于任何组的团队"),
    ("on_this_page_range", "本页 {from}–{to}"),
    ("skip_to_org_list", "跳到组织列表"),
    ("skip_to_group_list", "跳到该组列表"),
    ("as_a_list", "列表"),
    ("map_and_list", "地图和列表"),
    ("find_a_team", "查找团队"),
    ("team_name_placeholder", "团队名称"),
    ("groups_label", "组"),
    ("part_of_parts", "（第 {n} 部分，共 {m} 部分）"),
    ("group_charter", "该组的章程"),
    ("whole_organisation", "整个组织"),
    (
        "group_drawn_over",
        "该组分 {m} 页绘制；这是第 {n} 页，其第一份章程之上的组作为上下文再次绘出。",
    ),
    ("team_interactions", "团队协作"),
    ("arrows_explained", "箭头指向被依赖的团队。"),
    ("ix_collaborates_with", "协作："),
    ("ix_uses", "使用："),
    ("ix_facilitates", "支持："),
    ("ix_used_by", "被使用："),
    ("ix_facilitated_by", "受支持："),
    ("lead_of_team", "负责人"),
    ("who_owns_a_path", "某个文件或文件夹归谁负责?"),
    ("jump_to_letter", "跳到字母"),
    ("owners_label", "负责方"),
    ("item_column", "条目"),
    ("owner_column", "负责团队"),
    ("group_column", "组"),
    ("contact_column", "联系方式"),
    ("line_n", "第 {n} 行"),
    ("nothing_owned", "尚无章程在 `owns` 下列出任何内容。"),
    (
        "nothing_owned_code",
        "尚无章程在 `owns` 下列出任何内容，`{file}` 也未指向任何有章程的团队。",
    ),
    ("leads", "负责"),
    ("member_of", "所属"),
    ("and_n_more", "另外 {n} 个"),
    ("not_in_any_charter", "未列入任何章程。"),
    ("deciding", "决策"),
    ("open_proposals_waiting", "等待中的未决提案"),
    ("decisions_taken", "已作出的决策"),
    ("days_to_decide", "决策天数"),
    ("median", "中位数"),
    ("p90", "第 90 百分位"),
    ("type1_share", "第一类决策占比"),
    ("waiting_on", "等待 {name}"),
    ("most_recent_of", "{m} 项中最近的 {n} 项。"),
    ("wrote", "撰写"),
    ("where_decisions_wait", "决策卡在哪里"),
    ("sentence_end", "。"),
    (
        "teams_and_groups_lede.other",
        "{n} 个团队和组，按组织结构排列。",
    ),
    (
        "decisions_lede.other",
        "{n} 份决策记录，按显示日期从新到旧：已决定的为决定日期，仍未决定的为提议日期。",
    ),
    (
        "timeline_lede.other",
        "按月排列的 {n} 项决策，从新到旧（显示日期）：每项位于其决定日期，仍未决定的位于提议日期。",
    ),
    (
        "people_lede.other",
        "章程和决策记录中提到的所有人：{n} 人。",
    ),
    ("stat_teams.other", "个团队"),
    ("stat_groups.other", "个组"),
    ("stat_decisions.other", "项决策"),
    ("stat_open_proposals.other", "项未决提案"),
    ("stat_decisions_quarter.other", "项本季度决策"),
    ("stat_findings.other", "项未解决的健康问题"),
    ("stat_people.other", "人"),
    (
        "more_groups.other",
        "另外 {n} 个顶层组和团队：完整组织架构图",
    ),
    ("more_sections.other", "另外 {n} 个部分和页面："),
    ("all_handbook_pages.other", "手册全部 {n} 页"),
    ("n_pages.other", "{n} 页"),
    ("in_n_sections.other", "（{n} 个部分）"),
    ("n_teams.other", "{n} 个团队"),
    ("in_n_groups.other", "（{n} 个组）"),
    ("n_people.other", "{n} 人"),
    ("charters_in_group.other", "该组有 {n} 份章程。"),
    (
        "interactions_lede.other",
        "哪些团队与哪些团队协作、如何协作：章程的 `[[interactions]]` 中声明了 {n} 项协作。",
    ),
    (
        "interactions_split.other",
        "{teams} 个团队和组按层级顺序分布在 {m} 页中；本页绘出其自身团队之间的 {n} 项协作，下方列表列出其团队的每项协作，包括与其他页面团队的协作。",
    ),
    ("listed_by_more.other", "另有 {n} 个团队列出"),
    (
        "ownership_lede.other",
        "{n} 个系统、服务和领域，每个恰由一个团队负责。",
    ),
    (
        "ownership_lede_code.other",
        "{n} 个系统、服务、领域和代码路径：章程所负责的内容，以及 `{file}` 分配给团队的路径，每个恰由一个团队负责。",
    ),
    ("decided_heading", "已决定"),
    ("filter_show_all", "显示全部"),
    ("filter_show_more", "显示更多"),
    ("filter_looking", "继续查找…"),
    ("filter_unavailable", "无法加载要筛选的决策；显示完整列表。"),
    ("zoom_out", "缩小"),
    ("zoom_in", "放大"),
    ("zoom_fit", "适应"),
    ("zoom_fit_label", "地图适应宽度"),
    ("zoom_actual", "实际大小（100%）"),
    ("no_team_matches", "没有与“{q}”匹配的团队"),
    (
        "owner_no_rule",
        "：{file} 中没有匹配的规则，因此没有代码负责人。",
    ),
    (
        "owner_no_owner",
        "：没有代码负责人；最后匹配的规则未指定任何人",
    ),
    ("owner_owned_by", " 的负责人："),
    ("owner_rule_at", "{file} 第 {n} 行"),
    ("owner_unavailable", "无法加载 CODEOWNERS 规则。"),
    ("owner_search_no_rule", "{file} 中没有匹配的规则"),
    ("owner_search_none", "没有代码负责人"),
    ("owner_search_also", "另有"),
    ("facet_kind", "类别"),
    ("type_n", "第{n}类"),
    ("filter_results", "筛选结果"),
    (
        "search_summary_best",
        "“{q}”约 {m} 个结果中最佳的 {n} 个。继续输入以缩小范围。",
    ),
    (
        "search_partial",
        "没有页面包含所有词语；以下页面包含其中一部分。",
    ),
    ("search_show_more", "显示更多结果"),
    ("search_show_all", "显示全部 {n} 个"),
    (
        "search_nothing",
        "没有结果。请尝试更少或更短的词语，或清除筛选条件。",
    ),
    ("filter_matched.other", "{m} 项决策中有 {n} 项匹配。"),
    (
        "filter_matched_newest.other",
        "最新的 {m} 项决策中有 {n} 项匹配（共 {total} 项）。",
    ),
    (
        "filter_partly_unavailable.other",
        "无法加载其余决策；最新的 {m} 项中有 {n} 项匹配。",
    ),
    ("teams_found.other", "找到 {n} 个团队"),
    ("search_summary.other", "“{q}”的 {n} 个结果"),
    ("status_proposed", "提议中"),
    ("status_accepted", "已接受"),
    ("status_rejected", "已拒绝"),
    ("status_deprecated", "已弃用"),
    ("status_superseded", "已被取代"),
    ("in_force_now", "现行："),
    ("current_marker", "现行"),
    ("n_more", "另外 {n} 项"),
    ("proposes_to_supersede", "提议取代本决策"),
    ("stays_in_force", "在该提议被接受之前，本决策仍然有效"),
    (
        "proposed_to_supersede_and_is",
        "曾提议取代本决策，现为{status}",
    ),
    (
        "health_lede",
        "组织缓慢或不清晰之处，根据 {date} 的章程和决策计算。",
    ),
    ("summary_heading", "摘要"),
    (
        "deciders_explained",
        "每项决策的决策者（`deciders`；没有决策者的第二类决策为负责团队的负责人），未决提案最多者在前，其次是最慢者。未决提案超过 {max} 项或中位数超过 {days} 天时标记。",
    ),
    ("person_column", "人员"),
    ("p90_days", "天数（第 90 百分位）"),
    ("type1_share_column", "第一类占比"),
    ("no_deciders_yet", "尚无决策指明决策者。"),
    ("decision_velocity", "决策速度"),
    (
        "velocity_intro",
        "从提议（`date`）到决定（`decided`）的天数：",
    ),
    ("by_type_column", "按类型"),
    ("decisions_column", "决策"),
    ("team_slowest_column", "团队（最慢在前）"),
    (
        "velocity_caption",
        "每季度决策天数中位数（按 `decided` 所在季度）：实线为第一类，虚线为第二类。",
    ),
    ("no_decided_yet", "尚无已决定的记录。"),
    ("rule_word", "规则"),
    ("fails_the_build", "使构建失败"),
    ("review_period_days", "复审周期 {n} 天"),
    ("threshold_days", "阈值 {n} 天"),
    ("max_members", "最多 {n} 名成员"),
    (
        "more_findings",
        "另有 {n} 项；`orgbook check` 会列出每项问题及其文件和行。",
    ),
    ("none_found", "无。"),
    ("person_page", "人员页面"),
    ("question_decisions_wait", "决策卡在哪里？"),
    ("question_reversible_fast", "可逆决策是否迅速？"),
    ("question_ship_alone", "哪些团队无法独立交付？"),
    ("question_metrics", "哪些指标停滞或未被测量？"),
    ("question_charters", "哪些章程已过时或规模过大？"),
    ("rule_stale_charter", "未在复审周期内（或从未）复审的章程"),
    ("rule_no_metric_target", "指标没有目标的团队"),
    ("rule_oversized_team", "超过最大规模的团队"),
    ("rule_empty_group", "没有团队的组"),
    ("rule_stalled_proposal", "未决时间超过停滞阈值的提案"),
    (
        "rule_unmarked_superseded",
        "已被已接受决策取代但未标记为已取代的决策",
    ),
    ("rule_revisit_overdue", "已过复审日期的第二类决策"),
    (
        "rule_decider_overload",
        "等待其处理的未决提案超过上限的人员",
    ),
    ("rule_slow_decider", "决策耗时超过阈值的人员（中位数）"),
    (
        "rule_type2_escalated",
        "被上报的可逆决策：决策者过多，或决策者来自团队所在组之外",
    ),
    ("rule_type2_slow", "耗时超过阈值的可逆决策"),
    ("rule_type1_unescalated", "仅由负责团队作出的不可逆决策"),
    (
        "rule_too_many_dependencies",
        "协作数超过上限的流对齐团队：无法独立交付",
    ),
    (
        "rule_platform_without_consumers",
        "没有其他团队声明使用的平台团队",
    ),
    ("rule_one_way_collaboration", "只有一方团队提到的协作"),
    (
        "rule_shared_code",
        "CODEOWNERS 分配了与其他团队共享的代码路径的团队：没有单一团队对其负责",
    ),
    ("rule_metric_stale", "周期内没有数据点的指标"),
    ("rule_metric_off_target", "未达目标且正在偏离目标的指标"),
    ("rule_placeholder_text", "仍含有模板占位文字的章程和决策"),
    ("open_findings.other", "{n} 项未解决问题。"),
    ("more_people_decide.other", "另有 {n} 人作出决策。"),
    ("over_n_decided.other", "（共 {n} 份已决定记录）。"),
    ("faster_teams_not_shown.other", "未显示 {n} 个更快的团队。"),
    ("summary_most_on", "；最多的是 {name}（{n} 项）"),
    (
        "summary_overloaded_slow",
        "；过载 {overloaded}，缓慢 {slow}",
    ),
    (
        "summary_type2",
        "第二类中位数 {median} 天（阈值 {threshold}）；缓慢 {slow}，上报 {escalated}；",
    ),
    (
        "summary_metric_health",
        "；过时 {stale}，偏离目标 {off_target}，",
    ),
    ("summary_wait.other", "{n} 项未决提案在等待"),
    (
        "summary_type1_alone.other",
        "仅由团队作出的第一类决策 {n} 项",
    ),
    ("summary_dependent.other", "协作过多的团队 {n} 个"),
    ("summary_one_way.other", "单向协作 {n} 项"),
    ("summary_unused.other", "无人使用的平台 {n} 个"),
    (
        "summary_with_history.other",
        "{m} 个指标中有 {n} 个有历史数据",
    ),
    ("summary_no_target.other", "有指标无目标的团队 {n} 个"),
    ("summary_stale_charters.other", "过时章程 {n} 份"),
    ("summary_oversized.other", "规模过大的团队 {n} 个"),
    ("summary_empty.other", "空组 {n} 个"),
    (
        "threshold_decider_overload",
        "每位决策者最多 {n} 项未决提案",
    ),
    ("threshold_slow_decider", "阈值 {n} 天（中位数）"),
    (
        "threshold_type2_escalated",
        "最多 {n} 名决策者，且均来自团队所在组",
    ),
    ("threshold_type2_slow", "阈值 {n} 天"),
    ("threshold_too_many_dependencies", "最多 {n} 项协作"),
    ("threshold_metric_stale", "周期 {n} 天"),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The `{…}` holes of a word, sorted.
    fn holes(word: &str) -> Vec<&str> {
        let mut holes: Vec<&str> = word
            .match_indices('{')
            .filter_map(|(i, _)| Some(&word[i..i + word[i..].find('}')? + 1]))
            .collect();
        holes.sort();
        holes.dedup();
        holes
    }

    #[test]
    fn every_bundled_table_names_each_key_once_and_nothing_else() {
        let english = UiText::english();
        for (lang, table) in BUNDLED {
            let rules = PluralRules::try_new_cardinal(
                (&icu_locale_core::Locale::try_from_str(lang).unwrap()).into(),
            )
            .unwrap();
            let categories: Vec<&str> = rules.categories().map(cldr_name).collect();
            let mut keys: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
            keys.sort();
            let before = keys.len();
            keys.dedup();
            assert_eq!(before, keys.len(), "{lang} names a key twice");
            for key in &keys {
                let known = match key.split_once('.') {
                    None => KEYS.contains(key) && !COUNT_KEYS.contains(key),
                    Some((k, category)) => {
                        COUNT_KEYS.contains(&k) && categories.contains(&category)
                    }
                };
                assert!(known, "{lang}: unknown key or category {key}");
            }
            for key in KEYS {
                if !COUNT_KEYS.contains(key) {
                    assert!(keys.contains(key), "{lang} lacks {key}");
                    continue;
                }
                // Every form the language's numbers take but "many" (French's and
                // Spanish's "1 million de", never shown as digits here).
                for category in categories.iter().filter(|c| **c != "many") {
                    let form = format!("{key}.{category}");
                    assert!(keys.contains(&form.as_str()), "{lang} lacks {form}");
                }
            }
            for (key, value) in table.iter() {
                assert!(!value.trim().is_empty(), "{lang}.{key} is empty");
                let base = key.split_once('.').map_or(*key, |(k, _)| k);
                let english_word = match english.count(base) {
                    Some(plural) => plural.form("other"),
                    None => english.get(base).unwrap(),
                };
                // "1 team" may leave out the number a language spells in its word.
                let mut theirs = holes(value);
                let mut ours = holes(english_word);
                if key.ends_with(".one") {
                    theirs.retain(|h| *h != "{n}");
                    ours.retain(|h| *h != "{n}");
                }
                assert_eq!(theirs, ours, "{lang}.{key}: the holes English has");
                assert_eq!(
                    value.matches('`').count(),
                    english_word.matches('`').count(),
                    "{lang}.{key}: the code spans English has"
                );
            }
        }
    }

    #[test]
    fn every_health_rule_has_its_title_among_the_words() {
        let english = UiText::english();
        for (id, title) in crate::health_rules::RULES {
            let key = format!("rule_{}", id.replace('-', "_"));
            assert_eq!(english.get(&key), Some(*title), "{key}");
        }
    }

    #[test]
    fn every_limit_the_health_page_words_has_its_word() {
        let english = UiText::english();
        for rule in [
            "decider-overload",
            "slow-decider",
            "type2-escalated",
            "type2-slow",
            "too-many-dependencies",
            "metric-stale",
        ] {
            let key = format!("threshold_{}", rule.replace('-', "_"));
            assert!(
                english.get(&key).is_some_and(|w| w.contains("{n}")),
                "{key}"
            );
        }
    }

    #[test]
    fn theming_md_lists_every_key() {
        let doc = include_str!("../docs/theming.md");
        for key in KEYS {
            assert!(
                doc.contains(&format!("| `{key}` |")),
                "docs/theming.md lacks `{key}`"
            );
        }
    }

    /// Renders `template` with the `count` filter for a page in `lang`.
    fn render(lang: &str, texts: &UiTexts, template: &str) -> String {
        let mut tera = tera::Tera::new();
        tera.register_filter("count", CountFilter::default());
        tera.register_filter("marked", CountFilter::marked());
        tera.autoescape_on([".html"]);
        tera.add_raw_template("t.html", template).unwrap();
        let mut context = tera::Context::new();
        context.insert("lang", lang);
        context.insert("t", texts.for_lang(lang));
        tera.render("t.html", &context).unwrap()
    }

    #[test]
    fn a_counted_word_takes_the_form_its_language_gives_the_number() {
        let texts = UiTexts::default();
        let pages = "{% for n in [0, 1, 2, 5] %}{{ t.n_pages | count(n=n) }};{% endfor %}";
        assert_eq!(
            render("en", &texts, pages),
            "0 pages;1 page;2 pages;5 pages;"
        );
        // French counts 0 as singular, as CLDR says.
        assert_eq!(
            render("fr", &texts, pages),
            "0 page;1 page;2 pages;5 pages;"
        );
        assert_eq!(
            render("ja", &texts, pages),
            "0 ページ;1 ページ;2 ページ;5 ページ;"
        );
        // A language orgbook has no table for, given its forms in orgbook.toml.
        let polish = UiTexts::new(&[UiTextOverride {
            lang: "pl".into(),
            words: vec![
                ("n_pages.one".into(), "{n} strona".into()),
                ("n_pages.few".into(), "{n} strony".into()),
                ("n_pages.many".into(), "{n} stron".into()),
                ("n_pages.other".into(), "{n} strony".into()),
            ],
        }]);
        assert_eq!(
            render("pl", &polish, pages),
            "0 stron;1 strona;2 strony;5 stron;"
        );
        // One word for every number, and other holes filled from the arguments.
        let plain = UiTexts::new(&[UiTextOverride {
            lang: "en".into(),
            words: vec![("n_pages".into(), "pages: {n}".into())],
        }]);
        assert_eq!(
            render("en", &plain, pages),
            "pages: 0;pages: 1;pages: 2;pages: 5;"
        );
        assert_eq!(
            render("de", &texts, "{{ t.most_recent_of | count(n=3, m=40) }}"),
            "Die 3 neuesten von 40."
        );
        assert_eq!(
            render("en", &texts, "{{ t.charter_of | count(team='<Core>') }}"),
            "&lt;Core&gt; charter"
        );
        // `marked`: escaped, each `…` span code, holes filled once (a value's `{m}` stays).
        assert_eq!(
            render(
                "en",
                &texts,
                "{{ t.nothing_owned_code | marked(file='<C>{m}') }}"
            ),
            "No charter lists anything under <code>owns</code> yet, and <code>&lt;C&gt;{m}</code> names no team that has a charter."
        );
    }

    #[test]
    fn a_table_giving_some_forms_of_a_word_does_not_keep_englishs_others() {
        // Swedish from orgbook.toml, with only `other`: "1 page" must not stay English.
        let texts = UiTexts::new(&[UiTextOverride {
            lang: "sv".into(),
            words: vec![("n_pages.other".into(), "{n} sidor".into())],
        }]);
        let pages = "{% for n in [1, 2] %}{{ t.n_pages | count(n=n) }};{% endfor %}";
        assert_eq!(render("sv", &texts, pages), "1 sidor;2 sidor;");
    }

    #[test]
    fn a_region_takes_its_language_and_an_unknown_language_english() {
        let texts = UiTexts::default();
        assert_eq!(texts.for_lang("fr").on_this_page, "Sur cette page");
        assert_eq!(texts.for_lang("pt-BR").next, "Próximo");
        assert_eq!(texts.for_lang("FR-ca").home, "Accueil");
        assert_eq!(texts.for_lang("sv").home, "Home");
        assert_eq!(texts.for_lang("en").org_map, "Org map");
    }

    #[test]
    fn orgbook_toml_words_win_and_the_exact_tag_over_its_language() {
        let overrides = vec![
            UiTextOverride {
                lang: "en".into(),
                words: vec![("org_map".into(), "Org chart".into())],
            },
            UiTextOverride {
                lang: "pt".into(),
                words: vec![("teams".into(), "Times".into())],
            },
            UiTextOverride {
                lang: "pt-BR".into(),
                words: vec![("home".into(), "Página inicial".into())],
            },
            UiTextOverride {
                lang: "sv".into(),
                words: vec![("home".into(), "Hem".into())],
            },
        ];
        let texts = UiTexts::new(&overrides);
        assert_eq!(texts.for_lang("en").org_map, "Org chart");
        assert_eq!(texts.for_lang("en-GB").org_map, "Org chart");
        let br = texts.for_lang("pt-BR");
        assert_eq!((&*br.teams, &*br.home), ("Times", "Página inicial"));
        let pt = texts.for_lang("pt-PT");
        assert_eq!((&*pt.teams, &*pt.home), ("Times", "Início"));
        let sv = texts.for_lang("sv");
        assert_eq!((&*sv.home, &*sv.teams), ("Hem", "Teams"));
    }

    #[test]
    fn script_words_reach_the_page_only_where_they_are_not_english() {
        assert!(SCRIPT_KEYS.iter().all(|k| KEYS.contains(k)));
        let texts = UiTexts::default();
        assert_eq!(texts.for_lang("en").script_words, "");
        let fr: serde_json::Value =
            serde_json::from_str(&texts.for_lang("fr").script_words).unwrap();
        assert_eq!(fr["search_no_results"], "Aucun résultat pour « {q} »");
        assert_eq!(fr.as_object().unwrap().len(), SCRIPT_KEYS.len());
        // An English word changed in orgbook.toml reaches search.js too.
        let changed = UiTexts::new(&[UiTextOverride {
            lang: "en".into(),
            words: vec![("kind_team".into(), "Squad".into())],
        }]);
        let en: serde_json::Value =
            serde_json::from_str(&changed.for_lang("en").script_words).unwrap();
        assert_eq!(en["kind_team"], "Squad");
    }

    #[test]
    fn the_placeholder_names_what_the_handbook_holds() {
        let fr = UiTexts::default().for_lang("fr").text.clone();
        assert_eq!(
            fr.search_placeholder(false, true),
            "Rechercher décisions et pages…  /"
        );
        assert_eq!(
            UiText::english().search_placeholder(true, true),
            "Search teams, owners, decisions…  /"
        );
    }
}
