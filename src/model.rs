//! The documents as the load stage reads them: every Markdown file typed as a charter, a
//! decision record or a page, with the span of each value it was read from. The link stage
//! gathers them into a `link::Handbook` with the indexes later stages
//! need; this module knows nothing of those stages.

use jiff::civil::Date;
use std::ops::Range;
use std::sync::Arc;

/// A value read from a document and where it was written (a byte range of the source
/// file), so that a later stage can point a diagnostic at it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

impl<T> Spanned<T> {
    pub fn new(value: T, span: Range<usize>) -> Spanned<T> {
        Spanned { value, span }
    }
}

impl<T> From<(T, Range<usize>)> for Spanned<T> {
    fn from((value, span): (T, Range<usize>)) -> Spanned<T> {
        Spanned { value, span }
    }
}

/// A reference to a team (a charter's `parent`, an interaction's `team`, a decision's
/// `team`) and where it is written. `value` is the team's id (its charter's slug) once the
/// link stage has read it: authors and importers often write a team's display name
/// (`parent: Payments Platform`), which the link stage replaces with the id it names
/// (`link::team_refs`), keeping what was written in `written`. Kept because `serve` links
/// the same documents again, and after a charter's `name` changes the written name may
/// name another team, or none.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TeamRef {
    pub value: String,
    pub span: Range<usize>,
    /// What the file says, when it is not `value` (a display name the link stage resolved).
    pub written: Option<Box<str>>,
}

impl TeamRef {
    pub fn new(value: String, span: Range<usize>) -> TeamRef {
        TeamRef {
            value,
            span,
            written: None,
        }
    }

    /// What the file says: the display name it was resolved from, else the id.
    pub fn as_written(&self) -> &str {
        self.written.as_deref().unwrap_or(&self.value)
    }
}

impl From<Spanned<String>> for TeamRef {
    fn from(Spanned { value, span }: Spanned<String>) -> TeamRef {
        TeamRef::new(value, span)
    }
}

impl From<(String, Range<usize>)> for TeamRef {
    fn from((value, span): (String, Range<usize>)) -> TeamRef {
        TeamRef::new(value, span)
    }
}

/// Index of a document in `link::Handbook::docs`.
pub type DocId = usize;

/// One Markdown source file.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the handbook root, `/`-separated, e.g. `content/teams/payments.md`.
    pub path: String,
    pub text: String,
    /// Byte offset where the Markdown body starts (after the front matter).
    pub body_start: usize,
    /// What the body's includes put into `text` (`load::include`); `None` without any.
    pub included: Option<Box<Included>>,
    /// Attribute values the page names rather than writes (the path of a file it imported,
    /// for `<img src={logo} />`), by where the value starts in `text`, in order. `text`
    /// keeps the page's own bytes there, so diagnostics point at what was written; the
    /// value is used when the HTML is written (`html_policy::process_raw`).
    pub attribute_values: Vec<(usize, String)>,
    /// The file the document was read from when it is read at another place (`path`): a
    /// page of a Hugo site's default language folder (`content/en/docs/setup.md`) read at
    /// the top of content/ (`content/docs/setup.md`, `load::hugo_default`). Diagnostics,
    /// edit links and dates name this file.
    pub read_from: Option<Box<str>>,
}

impl Source {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }

    /// The file the document was read from, relative to the handbook root.
    pub fn file(&self) -> &str {
        self.read_from.as_deref().unwrap_or(&self.path)
    }
}

#[derive(Debug, Clone)]
pub struct Doc {
    pub source: Source,
    /// Output path relative to the site root, e.g. `teams/payments.html`.
    pub url: String,
    pub kind: DocKind,
}

/// Where a run of a document's lines came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The run's first line (1-based) in the document's expanded text.
    pub line: u32,
    /// The file it came from, relative to the handbook root.
    pub file: Arc<str>,
    /// That line's number in `file`.
    pub file_line: u32,
    /// Characters put before each of its lines (an indented snippet's indentation).
    pub indent: u32,
}

/// What a document's includes (`--8<--`, `{include}`, MDX imports; `load::include`)
/// added to it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Included {
    /// From the first line that is not the document's own line for line; each run lasts
    /// until the next one starts.
    pub origins: Vec<Origin>,
    /// Every file an include named, read or not, relative to the handbook root: when one
    /// changes (or appears), `orgbook serve` loads the document again.
    pub files: Vec<String>,
}

#[derive(Debug, Clone)]
pub enum DocKind {
    Team(Charter),
    Decision(Decision),
    Page(PageMeta),
}

impl Doc {
    /// The name shown for the document in lists and titles (front matter title, team name,
    /// or the page's first heading, filled in after Markdown rendering).
    pub fn title(&self) -> &str {
        match &self.kind {
            DocKind::Team(c) => &c.name,
            DocKind::Decision(d) => &d.title,
            DocKind::Page(p) => &p.title,
        }
    }

    /// The name the navigation gives the document: a page's `nav_label`, else its title.
    pub fn nav_title(&self) -> &str {
        match &self.kind {
            DocKind::Page(PageMeta {
                nav_label: Some(label),
                ..
            }) => label,
            _ => self.title(),
        }
    }

    pub fn as_team(&self) -> Option<&Charter> {
        match &self.kind {
            DocKind::Team(c) => Some(c),
            _ => None,
        }
    }

    pub fn as_decision(&self) -> Option<&Decision> {
        match &self.kind {
            DocKind::Decision(d) => Some(d),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TeamKind {
    Team,
    Group,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Metric {
    pub name: String,
    pub target: Option<String>,
    pub current: Option<String>,
    /// Dated measurements (`history = [[2026-01-05, 182], …]`), sorted by date.
    #[serde(skip)]
    pub history: Vec<(Date, f64)>,
}

/// Team Topologies' four team types (charter key `topology`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topology {
    StreamAligned,
    Platform,
    Enabling,
    ComplicatedSubsystem,
}

impl Topology {
    pub const ALL: [(&'static str, Topology); 4] = [
        ("stream-aligned", Topology::StreamAligned),
        ("platform", Topology::Platform),
        ("enabling", Topology::Enabling),
        ("complicated-subsystem", Topology::ComplicatedSubsystem),
    ];

    pub fn as_str(self) -> &'static str {
        Topology::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }
}

/// Team Topologies' three interaction modes (`[[interactions]] mode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum InteractionMode {
    Collaboration,
    XAsAService,
    Facilitating,
}

impl InteractionMode {
    pub const ALL: [(&'static str, InteractionMode); 3] = [
        ("collaboration", InteractionMode::Collaboration),
        ("x-as-a-service", InteractionMode::XAsAService),
        ("facilitating", InteractionMode::Facilitating),
    ];

    pub fn as_str(self) -> &'static str {
        InteractionMode::ALL
            .iter()
            .find(|(_, t)| *t == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }
}

/// One `[[interactions]]` entry: this team works with `team` in `mode`.
#[derive(Debug, Clone)]
pub struct Interaction {
    /// The other team, and where it is written.
    pub team: TeamRef,
    pub mode: InteractionMode,
    pub about: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Charter {
    pub slug: String,
    pub name: String,
    pub kind: TeamKind,
    pub parent: Option<TeamRef>,
    pub problem: Option<String>,
    pub metrics: Vec<Metric>,
    pub owns: Vec<Spanned<String>>,
    pub lead: Option<String>,
    pub members: Vec<String>,
    pub contact: Vec<(String, String)>,
    pub reviewed: Option<Date>,
    pub topology: Option<Topology>,
    pub interactions: Vec<Interaction>,
    /// The CODEOWNERS owners that are this team (`@org/team`), where the file names it
    /// otherwise than by the charter's slug.
    pub codeowners: Vec<Spanned<String>>,
    /// Read from the headings of a team's page written for another handbook
    /// (`load::team_page`), not from a charter's keys: nobody asked for a charter, so it
    /// gives way (stays a page) where its slug is another charter's.
    pub from_page: bool,
    /// `problem` was read from a page beside the team's page (PostHog's `mission.mdx`) by
    /// the link stage, which reads it again on every link (`serve` links again after an
    /// edit of that page).
    pub problem_beside: bool,
    /// What the team's own page says it is for (`load::team_page`; `None` for a charter
    /// written with front matter): the link stage sets it aside when it is a sentence of
    /// the handbook's team-page template, left as the template wrote it, and starts from
    /// it again on every link.
    pub page_problem: Option<String>,
    /// `metrics` were read from the team's charter page beside its page (a va.gov-style
    /// `team-charter.md`) by the link stage, which reads them again on every link.
    pub metrics_beside: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Proposed,
    Accepted,
    Rejected,
    Deprecated,
    Superseded,
}

impl Status {
    pub const ALL: [(&'static str, Status); 5] = [
        ("proposed", Status::Proposed),
        ("accepted", Status::Accepted),
        ("rejected", Status::Rejected),
        ("deprecated", Status::Deprecated),
        ("superseded", Status::Superseded),
    ];

    pub fn as_str(self) -> &'static str {
        Status::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map(|(n, _)| *n)
            .unwrap_or("")
    }
}

/// A decision's `type`: how hard it is to undo, which decides who must sign it off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DecisionType {
    /// Type 1: irreversible, escalated to named deciders.
    Irreversible,
    /// Type 2: reversible, decided by the team.
    Reversible,
}

impl DecisionType {
    /// `type = 1` or `type = 2` in front matter; anything else is not a decision type.
    pub fn from_number(n: i64) -> Option<DecisionType> {
        match n {
            1 => Some(DecisionType::Irreversible),
            2 => Some(DecisionType::Reversible),
            _ => None,
        }
    }

    /// The number authors write (and JSON, feeds and templates show): 1 or 2.
    pub fn number(self) -> u8 {
        match self {
            DecisionType::Irreversible => 1,
            DecisionType::Reversible => 2,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            DecisionType::Irreversible => "Type 1 · irreversible",
            DecisionType::Reversible => "Type 2 · reversible",
        }
    }

    pub fn reversibility(self) -> &'static str {
        match self {
            DecisionType::Irreversible => "irreversible",
            DecisionType::Reversible => "reversible",
        }
    }
}

impl std::fmt::Display for DecisionType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// Serialised as its number, the form of the front matter.
impl serde::Serialize for DecisionType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.number())
    }
}

#[derive(Debug, Clone)]
pub struct Decision {
    pub number: u32,
    pub title: String,
    pub status: Status,
    pub decision_type: DecisionType,
    pub date: Date,
    pub decided: Option<Date>,
    pub team: TeamRef,
    pub deciders: Vec<String>,
    /// Who wrote or drove the decision (an RFC's owner, a DACI's driver): shown beside the
    /// deciders, but no decider, so a Type 1 decision still needs `deciders`.
    pub authors: Vec<String>,
    pub supersedes: Vec<Spanned<u32>>,
    /// The newer decisions MADR's `status: superseded by ADR-0012` names (one or more,
    /// `superseded by ADR-12, ADR-15`), each at its place in the status value: read by the
    /// link stage as if each listed this one in `supersedes`.
    pub superseded_by: Vec<Spanned<u32>>,
    pub tags: Vec<String>,
    pub revisit: Option<Date>,
}

#[derive(Debug, Clone, Default)]
pub struct PageMeta {
    /// Front matter title, else the first `#` heading, else the file name.
    pub title: String,
    pub title_from_front_matter: bool,
    pub description: Option<String>,
    pub weight: Option<i64>,
    /// Retype's `order` (larger first, `0` none, negative after the pages without one),
    /// made the page's `weight` when the handbook is a Retype project
    /// (`load::retype_weight`); of no effect elsewhere, where tools read `order` the other way.
    pub retype_order: Option<i64>,
    /// The page's place in GitBook's `SUMMARY.md`, set by the link stage
    /// (`link::summary_order`); a `weight` of its own comes first ([`PageMeta::nav_weight`]).
    pub summary_weight: Option<i64>,
    /// `content/_index.md` (or `index.md`, `README.md`): its body is shown on the home page.
    pub is_home: bool,
    /// `_index.md`, `index.md` or `README.md`: the page of its folder.
    pub folder_index: bool,
    /// Front matter `tags`.
    pub tags: Vec<String>,
    /// Front matter `keywords` (Docusaurus, Hugo): extra search terms.
    pub keywords: Vec<String>,
    pub date: Option<Date>,
    /// `draft = true` (or Jekyll's `published = false`): not published at all.
    pub draft: bool,
    /// `nav_exclude = true` (Just the Docs; Hugo Book's `bookHidden`): published, linked
    /// and searchable, but left out of the sidebars, the previous/next links and the
    /// handbook index.
    pub nav_hidden: bool,
    /// The page's name in the sidebars, the previous/next links and the breadcrumbs, when
    /// its front matter gives a shorter one than its title (Docusaurus' `sidebar_label`,
    /// Hugo's `linkTitle`, Mintlify's `sidebarTitle`, Starlight's `sidebar.label`). Its
    /// title stays everywhere else: its own heading, search, links to it.
    pub nav_label: Option<String>,
    /// Old URLs (`aliases`, `redirect_from`) that get a redirect page, with their spans.
    pub aliases: Vec<Spanned<String>>,
    /// Other names of the page (Obsidian's `aliases`: `Start here`, not a path), which
    /// wikilinks may use (`link::Handbook::wiki_names`).
    pub other_names: Vec<String>,
    /// DocFX's `uid`: the name `xref:` links give the page (`[Setup](xref:setup)`).
    pub uid: Option<Spanned<String>>,
    /// `google_doc`: the id of the Google Doc the page was exported from, read from the
    /// document's address or given alone: links to that document lead here
    /// (`link::google_docs`).
    pub google_doc: Option<Spanned<String>>,
    /// MyST's substitutions of this page (`substitutions:`, or `myst: substitutions:`),
    /// by key, before the site's (`load::myst_substitutions`). Boxed: most pages have
    /// none, and every document's kind is as large as its largest variant.
    pub substitutions: Option<Box<Vec<(String, String)>>>,
    /// `slug`: replaces the file name in the output URL.
    pub slug: Option<Spanned<String>>,
    /// `permalink`: the page's output path from the site root.
    pub permalink: Option<Spanned<String>>,
    /// Retype's `route`: the page's address from the site root, a folder's as Retype
    /// publishes it (`/custom/path` is `custom/path/index.html`), when neither
    /// `permalink` nor `slug` gives one.
    /// (Boxed: rare, and a page's metadata is in every document.)
    pub route: Option<Box<Spanned<String>>>,
    /// Front matter `[extra]`: free-form, handed to templates as `page.extra`.
    pub extra: Option<serde_json::Value>,
    /// Jekyll's `redirect_to`: an http(s) address the page sends its readers to (a page
    /// that stands for a slide deck or a document elsewhere). The page is published as a
    /// redirect there, under its own address and title.
    pub redirect_to: Option<String>,
    /// A redirect inside the site (Retype's `redirect: /team/on-call`, or `redirect_to`
    /// written so), as written: the link stage makes it [`PageMeta::redirect_to`], the
    /// address of the page it names, or reports it. (Boxed: rare.)
    pub redirect_inside: Option<Box<Spanned<String>>>,
    /// A home page's `hero` and `features` written for VitePress or Astro Starlight,
    /// drawn above its body: on such a page they are often all there is.
    pub hero: Option<Box<Hero>>,
    /// The charter and URL of a team's page read as its team (`load::team_page`) that
    /// gave way to another charter with its slug (the link stage): kept so that the next
    /// link (`serve`'s, after that charter goes) reads it as the team again.
    pub team_page: Option<Box<(Charter, String)>>,
    /// The page's own language and what made it a translation (`crate::lang`). Boxed:
    /// rare, and a page's metadata is in every document.
    pub language: Option<Box<PageLanguage>>,
}

impl PageMeta {
    /// Front matter `lang` (or `language`): the page's language when it is not the
    /// handbook's.
    pub fn lang(&self) -> Option<&str> {
        self.language.as_ref()?.lang.as_deref()
    }

    /// [`PageLanguage`], made when first set.
    pub fn language_mut(&mut self) -> &mut PageLanguage {
        self.language.get_or_insert_with(Box::default)
    }
}

/// A page's language, when it is not simply the handbook's.
#[derive(Debug, Clone, Default)]
pub struct PageLanguage {
    /// Front matter `lang` (or `language`).
    pub lang: Option<String>,
    /// A translation's address and kind before the link stage made it one
    /// (`crate::lang::translations`): the next link (`serve`'s, after the page it
    /// translates goes) starts again from them.
    pub untranslated: Option<(String, DocKind)>,
}

/// A page's hero (VitePress' `hero: { name, text, tagline, actions }`, Starlight's
/// `hero: { title, tagline, actions }`) and VitePress' feature cards (`features:`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hero {
    /// VitePress' `name`, Starlight's `title`.
    pub name: Option<String>,
    /// VitePress' `text`: a second headline under the name.
    pub text: Option<String>,
    pub tagline: Option<String>,
    /// Buttons: their text and destination, a link of the page like any other.
    pub actions: Vec<(String, Spanned<String>)>,
    pub features: Vec<Feature>,
}

/// One of VitePress' feature cards: a title, a sentence, perhaps a link.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Feature {
    pub title: String,
    pub details: Option<String>,
    pub link: Option<Spanned<String>>,
}

impl PageMeta {
    /// [`PageMeta::substitutions`], none when the page defines none.
    pub fn substitutions(&self) -> &[(String, String)] {
        self.substitutions.as_deref().map_or(&[], Vec::as_slice)
    }

    /// Where the page sorts in the navigation: its own `weight`, else its place in
    /// `SUMMARY.md`.
    pub fn nav_weight(&self) -> Option<i64> {
        self.weight.or(self.summary_weight)
    }
}

/// A file name as wikilinks match it: case and the spaces, `_` and `-` GitHub wikis turn
/// into each other do not matter (`[[Release Process]]` is `release-process.md`).
pub fn wiki_name(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            ' ' | '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The order of a group's children in `link::Handbook::children` (and so everywhere they are
/// listed): by display name, case-insensitively, then by slug.
pub fn child_order_key(doc: &Doc, slug: &str) -> (String, String) {
    (doc.title().to_lowercase(), slug.to_string())
}

/// Two `owns` items name the same thing when they are equal trimmed and in lowercase:
/// ownership is exclusive by this key (the link stage's `contested-ownership`, imports).
pub fn ownership_key(item: &str) -> String {
    item.trim().to_lowercase()
}

/// Output paths orgbook generates itself; a page may not take them.
pub const GENERATED_PATHS: &[&str] = &[
    "index.html",
    "404.html",
    "search.html",
    "sitemap.xml",
    "teams/index.html",
    "decisions/index.html",
    "handbook.html",
    "orgmap.html",
    "ownership.html",
    "health.html",
    "interactions.html",
    "people.html",
    "timeline.html",
    "feed.xml",
    "revisits.ics",
];
