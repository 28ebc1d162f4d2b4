//! The [`Handbook`]: every document once the link stage has resolved what refers to what
//! (teams, decisions, folders, owners, addresses), and the questions later stages ask of it
//! (a team's ancestors, the decision in force, a folder's page).
//!
//! Everything is keyed in `BTreeMap`s or sorted `Vec`s so that iteration order, and hence
//! the output, is deterministic.

use crate::config::Config;
use crate::model::{Charter, Decision, Doc, DocId, DocKind, TeamRef};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    /// Decision number → the older decisions whose `status: superseded by …` names it
    /// and that its own `supersedes` does not list: with those, what it supersedes
    /// ([`Handbook::supersedes`]).
    pub named_in_status: BTreeMap<u32, Vec<u32>>,
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
    /// Files only included by other documents (`load::partials`), and mdBook's or
    /// GitBook's `SUMMARY.md` ([`super::summary`]): not pages, kept whole for `serve`'s
    /// re-links, which decide again whether each is one.
    pub partials: Vec<Doc>,
    /// What `SUMMARY.md` says beyond the pages' order (its part titles); `None` without
    /// one. A link to it goes to the home page.
    pub toc: Option<super::summary::TableOfContents>,
    /// Redirect file (output path, e.g. `old/setup/index.html`) → the page it sends to.
    pub redirects: BTreeMap<String, DocId>,
    /// Redirect file → the http(s) address on another site it sends to (mdBook's
    /// `book.toml` entries whose new address is elsewhere).
    pub redirects_elsewhere: BTreeMap<String, String>,
    /// The old addresses `book.toml` and `.gitbook.yaml` keep (kept for `serve`'s re-links).
    pub redirect_files: Vec<crate::load::redirect_files::RedirectFile>,
    /// Where broken-link hints look, built on the first broken link ([`Handbook::near`]):
    /// most builds have none, and an edit under `orgbook serve` re-links the whole
    /// handbook, so building it up front was a tenth of the link stage for nothing.
    pub near: std::sync::OnceLock<super::NearIndex>,
    /// For each superseded decision, the decision in force at the end of its chain of
    /// successors and the chain's length ([`Handbook::in_force`]), worked out for all of
    /// them at once on first use.
    pub in_force: std::sync::OnceLock<HashMap<u32, (u32, u32)>>,
    /// Members under each team and group ([`Handbook::subtree_members`]), on first use.
    pub subtree_sizes: std::sync::OnceLock<HashMap<String, usize>>,
    /// Assets in dot-folders that no page links to: not published (set after Markdown).
    pub unpublished_assets: std::collections::BTreeSet<String>,
    /// The `data:` images pages showed, taken out into files (set after Markdown,
    /// `markdown::inline_images`): output path → bytes.
    pub inline_images: BTreeMap<String, std::sync::Arc<Vec<u8>>>,
    /// Folder (`content/guide`, `content` for the root) → its index page.
    pub folder_index: BTreeMap<String, DocId>,
    /// The handbook's folder (`None` in tests that make a handbook in memory).
    pub root: Option<std::path::PathBuf>,
    /// Pages whose path has number prefixes (`content/1_start/2_setup.mdx`), by the path
    /// Docusaurus names them with (`content/start/setup`): empty for handbooks without
    /// such files ([`super::unprefixed_paths`]).
    pub unprefixed: HashMap<String, DocId>,
    /// A team's folder (`content/teams/payments`) → its charter: a link to the folder is
    /// a link to the team ([`super::team_pages`]).
    pub team_folders: BTreeMap<String, DocId>,
    /// Team slug → the pages in the team's folder (`teams/payments/runbook.md`), in path
    /// order ([`super::team_pages`]).
    pub team_pages: BTreeMap<String, Vec<DocId>>,
    /// Folder (`content/guide`) → its `_category_` file's title and place (Docusaurus).
    pub folder_settings: BTreeMap<String, crate::load::category::FolderSettings>,
    /// The pages another generator's navigation lists, in order, with the labels it gives
    /// them (kept for `serve`'s re-links).
    pub nav_order: crate::load::NavOrder,
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
    /// [`wiki_name`](crate::model::wiki_name): what a wikilink (`[[Page Name]]`, `![[diagram.png]]`) names, as
    /// GitHub wikis and Obsidian match them. Each name's paths under `content/`, sorted.
    /// Made on first use ([`Handbook::wiki_names`]): most handbooks have no wikilinks, and
    /// `serve` re-links after every front-matter edit.
    pub wiki_names: std::sync::OnceLock<HashMap<String, Vec<String>>>,
    /// Pages by their title as a link shows it ([`Handbook::link_title`]), lower-cased:
    /// what a Confluence link (`<ri:page ri:content-title="Release train"/>`) names. Each
    /// title's pages in path order. Made on first use ([`Handbook::pages_titled`]): only
    /// pages moved in from Confluence link by title.
    pub titles: std::sync::OnceLock<HashMap<String, Vec<DocId>>>,
    /// DocFX's page names: a page's front matter `uid` → the page, what an `xref:` link
    /// (`[Setup](xref:setup)`) names. Empty in handbooks without DocFX pages.
    pub uids: HashMap<String, DocId>,
    /// The handbook holds a JetBrains Writerside project (its `writerside.cfg` in
    /// `content/`, or beside it in `Writerside/`): an image named by its file name alone
    /// (`![](map.png)`) is found in the project's images folder, as Writerside finds it.
    pub writerside: bool,
    /// Google Doc id → the page that document became (`super::google_docs`): a link to
    /// `docs.google.com/document/d/<id>/…` leads there. Empty in handbooks without links
    /// to Google Docs or pages naming one.
    pub google_docs: HashMap<String, DocId>,
    /// Translations by file name (`about.fr.md` beside `about.md`) → the page each
    /// translates and its language ([`crate::lang::translations`]).
    pub translations: crate::lang::Translations,
}

impl Handbook {
    /// The folder (`content/a/b`) whose page document `id` is, if it is one: its
    /// `_index.md`, `index.md` or `README.md`, or a page beside a folder of its name that
    /// has no index page (`link::sibling_folder_pages`).
    pub fn folder_page_of(&self, id: DocId) -> Option<&str> {
        let path = &self.docs[id].source.path;
        let folder = match &self.docs[id].kind {
            DocKind::Page(p) if p.folder_index => super::folder_of(path),
            DocKind::Page(_) => crate::load::strip_page_extension(path)?,
            _ => return None,
        };
        (self.folder_index.get(folder) == Some(&id)).then_some(folder)
    }

    /// The index of where to look for "did you mean" when a link is broken.
    pub fn near(&self) -> &super::NearIndex {
        self.near.get_or_init(|| {
            let docs: Vec<String> = self.docs.iter().map(|d| d.source.path.clone()).collect();
            let assets: Vec<String> = self.assets.iter().map(|a| format!("content/{a}")).collect();
            super::NearIndex::new(&docs, &assets)
        })
    }

    /// The title a link to page `id` shows, known before any body is rendered: its front
    /// matter's, else the `# Heading` it opens with, else its file name made readable.
    /// (Not the title filled in after an earlier rendering under `serve`: a fresh build
    /// renders before any title is filled in, and both must agree.)
    pub fn link_title(&self, id: DocId) -> String {
        let doc = &self.docs[id];
        match &doc.kind {
            DocKind::Page(p) if !p.title_from_front_matter => match self.heading_titles.get(&id) {
                Some(h) => h.clone(),
                None => {
                    let rel = doc
                        .source
                        .path
                        .strip_prefix("content/")
                        .unwrap_or(&doc.source.path);
                    crate::load::title_from_path(
                        &doc.source.path,
                        crate::load::is_folder_index(rel),
                    )
                }
            },
            _ => doc.title().to_string(),
        }
    }

    /// The pages whose [`Handbook::link_title`] is `title`, case aside, in path order.
    pub fn pages_titled(&self, title: &str) -> &[DocId] {
        let titles = self.titles.get_or_init(|| {
            let mut titles: HashMap<String, Vec<DocId>> = HashMap::new();
            for (id, doc) in self.docs.iter().enumerate() {
                if matches!(doc.kind, DocKind::Page(_)) {
                    titles
                        .entry(self.link_title(id).trim().to_lowercase())
                        .or_default()
                        .push(id);
                }
            }
            titles
        });
        titles
            .get(&title.trim().to_lowercase())
            .map_or(&[], Vec::as_slice)
    }

    /// [`Handbook::wiki_names`](field@Handbook::wiki_names), made on first use.
    pub fn wiki_names(&self) -> &HashMap<String, Vec<String>> {
        self.wiki_names
            .get_or_init(|| super::wiki_names(&self.docs, &self.assets))
    }

    pub fn team(&self, slug: &str) -> Option<(&Doc, &Charter)> {
        let doc = &self.docs[*self.teams.get(slug)?];
        Some((doc, doc.as_team()?))
    }

    pub fn decision(&self, number: u32) -> Option<(&Doc, &Decision)> {
        let doc = &self.docs[*self.decisions.get(&number)?];
        Some((doc, doc.as_decision()?))
    }

    /// The decisions `d` supersedes: its `supersedes`, then the older decisions whose
    /// status says `superseded by` it, as if it listed them.
    pub fn supersedes<'d>(&'d self, d: &'d Decision) -> impl Iterator<Item = u32> + 'd {
        d.supersedes.iter().map(|s| s.value).chain(
            self.named_in_status
                .get(&d.number)
                .into_iter()
                .flatten()
                .copied(),
        )
    }

    /// Whether decision `number` replaces the decisions in its `supersedes`: it was
    /// accepted (and may since have been superseded or deprecated itself). A proposal
    /// only would replace them, once accepted; a rejected one never does.
    pub fn replaces(&self, number: u32) -> bool {
        use crate::model::Status;
        self.decision(number)
            .is_some_and(|(_, d)| !matches!(d.status, Status::Proposed | Status::Rejected))
    }

    /// The next step towards the decision in force after `number`: of the decisions that
    /// replace it ([`Handbook::replaces`]), an accepted one first, else the newest.
    pub fn successor(&self, number: u32) -> Option<u32> {
        self.superseded_by
            .get(&number)?
            .iter()
            .copied()
            .filter(|&n| self.replaces(n))
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
            let Some(TeamRef { value: p, .. }) = &c.parent else {
                break;
            };
            // Deeper chains are an error (`org-too-deep`); stopping past the limit keeps
            // the rules that walk every team's chain linear on such a handbook too.
            if chain.len() > super::MAX_ORG_DEPTH {
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
