//! The in-memory handbook: every document, typed, plus the indexes the later stages need
//! (team by slug, decision by number, document by source path, hierarchy, supersedes both
//! ways, ownership).
//!
//! Everything is keyed in `BTreeMap`s or sorted `Vec`s so that iteration order, and hence
//! the output, is deterministic.

use crate::config::Config;
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

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

/// Index of a document in [`Handbook::docs`].
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
    pub included: Option<Box<crate::load::include::Included>>,
}

impl Source {
    pub fn body(&self) -> &str {
        &self.text[self.body_start..]
    }
}

#[derive(Debug, Clone)]
pub struct Doc {
    pub source: Source,
    /// Output path relative to the site root, e.g. `teams/payments.html`.
    pub url: String,
    pub kind: DocKind,
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
    /// The other team's slug and where it is written.
    pub team: Spanned<String>,
    pub mode: InteractionMode,
    pub about: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Charter {
    pub slug: String,
    pub name: String,
    pub kind: TeamKind,
    pub parent: Option<Spanned<String>>,
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
    pub team: Spanned<String>,
    pub deciders: Vec<String>,
    pub supersedes: Vec<Spanned<u32>>,
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
    /// Old URLs (`aliases`, `redirect_from`) that get a redirect page, with their spans.
    pub aliases: Vec<Spanned<String>>,
    /// Other names of the page (Obsidian's `aliases`: `Start here`, not a path), which
    /// wikilinks may use ([`Handbook::wiki_names`]).
    pub other_names: Vec<String>,
    /// `slug`: replaces the file name in the output URL.
    pub slug: Option<Spanned<String>>,
    /// `permalink`: the page's output path from the site root.
    pub permalink: Option<Spanned<String>>,
    /// Front matter `[extra]`: free-form, handed to templates as `page.extra`.
    pub extra: Option<serde_json::Value>,
}

impl PageMeta {
    /// Where the page sorts in the navigation: its own `weight`, else its place in
    /// `SUMMARY.md`.
    pub fn nav_weight(&self) -> Option<i64> {
        self.weight.or(self.summary_weight)
    }
}

/// The whole handbook after loading and reference resolution.
#[derive(Debug, Clone)]
pub struct Handbook {
    pub config: Config,
    /// Sorted by source path.
    pub docs: Vec<Doc>,
    /// Attachments and images under content/, as paths relative to content/.
    pub assets: Vec<String>,
    pub by_path: HashMap<String, DocId>,
    /// Output path → document, for links written as published addresses (`/about/`).
    pub by_url: HashMap<String, DocId>,
    pub teams: BTreeMap<String, DocId>,
    pub decisions: BTreeMap<u32, DocId>,
    /// Parent slug → child slugs, sorted by name.
    pub children: BTreeMap<String, Vec<String>>,
    /// Decision number → numbers of the decisions that supersede it.
    pub superseded_by: BTreeMap<u32, Vec<u32>>,
    /// Team slug → its decisions (numbers, ascending).
    pub team_decisions: BTreeMap<String, Vec<u32>>,
    /// `owns` item → owning team slug, sorted case-insensitively by item.
    pub ownership: Vec<(String, String)>,
    /// The CODEOWNERS file's code paths, by team.
    pub code_owners: crate::code_owners::CodeOwnership,
    /// Source paths of Markdown files that failed to load (their errors are reported).
    pub unparsed: std::collections::BTreeSet<String>,
    /// Source paths of draft pages: not published, so links to them are broken.
    pub drafts: std::collections::BTreeSet<String>,
    /// Redirect file (output path, e.g. `old/setup/index.html`) → the page it sends to.
    pub redirects: BTreeMap<String, DocId>,
    /// Where broken-link hints look, built on the first broken link ([`Handbook::near`]):
    /// most builds have none, and an edit under `orgbook serve` re-links the whole
    /// handbook, so building it up front was a tenth of the link stage for nothing.
    pub near: std::sync::OnceLock<crate::link::NearIndex>,
    /// For each superseded decision, the decision in force at the end of its chain of
    /// successors and the chain's length ([`Handbook::in_force`]), worked out for all of
    /// them at once on first use.
    pub in_force: std::sync::OnceLock<HashMap<u32, (u32, u32)>>,
    /// Members under each team and group ([`Handbook::subtree_members`]), on first use.
    pub subtree_sizes: std::sync::OnceLock<HashMap<String, usize>>,
    /// Assets in dot-folders that no page links to: not published (set after Markdown).
    pub unpublished_assets: std::collections::BTreeSet<String>,
    /// Folder (`content/guide`, `content` for the root) → its index page.
    pub folder_index: BTreeMap<String, DocId>,
    /// Folder (`content/guide`) → its `_category_` file's title and place (Docusaurus).
    pub folder_settings: BTreeMap<String, crate::load::category::FolderSettings>,
    /// The pages `mkdocs.yml`'s `nav:` or the `.order` files list, in order (kept for
    /// `serve`'s re-links).
    pub nav_order: Vec<String>,
    /// The files of the handbook's `static/` folder, by their path in the site: a page's
    /// link to one (`/img/logo.png`, as Hugo and Docusaurus sites write) is a link to a file.
    pub static_files: BTreeSet<String>,
    /// MyST (Sphinx Markdown) labels, `(label)=` on the line before a heading: label →
    /// the page, the heading's id and its text. A `{ref}` role or a link `[text](label)`
    /// names one.
    pub myst_labels: HashMap<String, (DocId, String, String)>,
    /// The `# Heading` that opens each page without a front matter title: its title once
    /// rendered, known before (a toctree or a `{doc}` role elsewhere is titled by it).
    pub heading_titles: HashMap<DocId, String>,
    /// Pages (by file name without extension) and content files (by file name), under
    /// [`wiki_name`]: what a wikilink (`[[Page Name]]`, `![[diagram.png]]`) names, as
    /// GitHub wikis and Obsidian match them. Each name's paths under `content/`, sorted.
    pub wiki_names: HashMap<String, Vec<String>>,
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

/// The order of a group's children in [`Handbook::children`] (and so everywhere they are
/// listed): by display name, case-insensitively, then by slug.
pub fn child_order_key(doc: &Doc, slug: &str) -> (String, String) {
    (doc.title().to_lowercase(), slug.to_string())
}

impl Handbook {
    /// The folder (`content/a/b`) whose page document `id` is, if it is one: its
    /// `_index.md`, `index.md` or `README.md`, or a page beside a folder of its name that
    /// has no index page (`link::sibling_folder_pages`).
    pub fn folder_page_of(&self, id: DocId) -> Option<&str> {
        let path = &self.docs[id].source.path;
        let folder = match &self.docs[id].kind {
            DocKind::Page(p) if p.folder_index => crate::link::folder_of(path),
            DocKind::Page(_) => crate::load::MARKDOWN_EXTENSIONS
                .iter()
                .find_map(|ext| path.strip_suffix(ext))?,
            _ => return None,
        };
        (self.folder_index.get(folder) == Some(&id)).then_some(folder)
    }

    /// The index of where to look for "did you mean" when a link is broken.
    pub fn near(&self) -> &crate::link::NearIndex {
        self.near.get_or_init(|| {
            let docs: Vec<String> = self.docs.iter().map(|d| d.source.path.clone()).collect();
            let assets: Vec<String> = self.assets.iter().map(|a| format!("content/{a}")).collect();
            crate::link::NearIndex::new(&docs, &assets)
        })
    }

    pub fn team(&self, slug: &str) -> Option<(&Doc, &Charter)> {
        let doc = &self.docs[*self.teams.get(slug)?];
        Some((doc, doc.as_team()?))
    }

    pub fn decision(&self, number: u32) -> Option<(&Doc, &Decision)> {
        let doc = &self.docs[*self.decisions.get(&number)?];
        Some((doc, doc.as_decision()?))
    }

    /// The next step towards the decision in force after `number`: of the decisions that
    /// supersede it, an accepted one first, else the newest.
    pub fn successor(&self, number: u32) -> Option<u32> {
        self.superseded_by
            .get(&number)?
            .iter()
            .copied()
            .max_by_key(|&n| {
                let accepted = self
                    .decision(n)
                    .is_some_and(|(_, x)| x.status == crate::model::Status::Accepted);
                (accepted, n)
            })
    }

    /// The decision in force at the end of `number`'s chain of [`Handbook::successor`]s,
    /// and how many steps away it is; `None` when nothing supersedes `number`. Every
    /// chain is walked once for the whole handbook, so a page showing where its chain
    /// ends costs the same however long the chain is. A decision on a cycle (an error,
    /// `supersedes-cycle`) has no decision in force.
    pub fn in_force(&self, number: u32) -> Option<(u32, u32)> {
        let map = self.in_force.get_or_init(|| {
            // `None` while a chain is being walked, and left so on a cycle.
            let mut end: HashMap<u32, Option<(u32, u32)>> = HashMap::new();
            for &start in self.superseded_by.keys() {
                let mut path = Vec::new();
                let mut at = start;
                let last = loop {
                    match end.get(&at) {
                        Some(known) => break *known,
                        None => match self.successor(at) {
                            Some(next) => {
                                end.insert(at, None);
                                path.push(at);
                                at = next;
                            }
                            None => break Some((at, 0)),
                        },
                    }
                };
                let Some((last, mut steps)) = last else {
                    continue;
                };
                for n in path.into_iter().rev() {
                    steps += 1;
                    end.insert(n, Some((last, steps)));
                }
            }
            end.into_iter()
                .filter_map(|(n, e)| Some((n, e?)))
                .filter(|(n, (last, _))| n != last)
                .collect()
        });
        map.get(&number).copied()
    }

    /// Top-level ancestor chain of a team, from the root down to (excluding) the team.
    pub fn ancestors(&self, slug: &str) -> Vec<&str> {
        let mut chain = Vec::new();
        let mut cur = slug;
        while let Some((_, c)) = self.team(cur) {
            let Some(Spanned { value: p, .. }) = &c.parent else {
                break;
            };
            // Deeper chains are an error (`org-too-deep`); stopping past the limit keeps
            // the rules that walk every team's chain linear on such a handbook too.
            if chain.len() > crate::link::MAX_ORG_DEPTH {
                break;
            }
            chain.push(p.as_str());
            cur = p;
        }
        chain.reverse();
        chain
    }

    /// Members of all teams in the subtree under `slug` (a group's people), counted once
    /// per team membership. Worked out for every group at once on first use: each team's
    /// members are added to it and to each of its ancestors, so asking on every team page
    /// (the neighbourhood map's parent box) costs a lookup, not a walk of a subtree that
    /// may hold thousands of teams.
    pub fn subtree_members(&self, slug: &str) -> usize {
        let sizes = self.subtree_sizes.get_or_init(|| {
            let mut sizes: HashMap<&str, usize> = HashMap::with_capacity(self.teams.len());
            for (slug, &id) in &self.teams {
                let Some(c) = self.docs[id].as_team() else {
                    continue;
                };
                let n = c.members.len();
                *sizes.entry(slug).or_default() += n;
                for a in self.ancestors(slug) {
                    *sizes.entry(a).or_default() += n;
                }
            }
            sizes.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
        });
        sizes.get(slug).copied().unwrap_or(0)
    }

    /// Teams without a parent, sorted by name.
    pub fn roots(&self) -> Vec<&str> {
        let mut roots: Vec<(&str, &str)> = self
            .teams
            .keys()
            .filter_map(|s| self.team(s))
            .filter(|(_, c)| c.parent.is_none())
            .map(|(_, c)| (c.name.as_str(), c.slug.as_str()))
            .collect();
        roots.sort();
        roots.into_iter().map(|(_, s)| s).collect()
    }
}

/// Two `owns` items name the same thing when they are equal trimmed and in lowercase:
/// ownership is exclusive by this key (the link stage's `contested-ownership`, imports).
pub fn ownership_key(item: &str) -> String {
    item.trim().to_lowercase()
}
