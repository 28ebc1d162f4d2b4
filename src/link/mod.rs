//! Link stage: turn loaded documents into a [`Handbook`] whose every reference resolves.
//!
//! Checks what needs the whole handbook at once: unique team slugs and decision numbers,
//! `parent` / `team` / `supersedes` targets (with the nearest existing name as a hint),
//! cycles in `parent`, exclusive ownership, output paths that collide. What needs every
//! body rendered (anchors, backlinks) is `markdown::links`'s.

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Suggestions};
use crate::load::Loaded;
use crate::model::Spanned;
use crate::model::{DocId, DocKind, Status};
use std::cell::RefCell;
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

pub mod google_docs;
mod handbook;
pub mod summary;
pub mod team_refs;
pub use handbook::Handbook;
pub use team_refs::keep_resolved as keep_resolved_team_refs;

pub use crate::model::GENERATED_PATHS;

/// What orgbook writes at one of the [`GENERATED_PATHS`], for a message.
fn generated_page_name(url: &str) -> &'static str {
    match url {
        "index.html" => "the home page",
        "404.html" => "the page shown for a missing address",
        "search.html" => "the search page",
        "sitemap.xml" => "the sitemap",
        "handbook.html" => "the index of every page",
        "orgmap.html" => "the org map",
        "ownership.html" => "who owns what",
        "health.html" => "the org health findings",
        "interactions.html" => "how teams work together",
        "people.html" => "the list of people",
        "timeline.html" => "the decisions' timeline",
        "feed.xml" => "the feed of decisions",
        "revisits.ics" => "the calendar of decision revisits",
        _ => "a page of its own",
    }
}

fn point(d: Diagnostic, doc: &crate::model::Doc, span: &std::ops::Range<usize>) -> Diagnostic {
    d.at(&doc.source.text, span.clone())
}

pub fn resolve(config: Config, loaded: Loaded, diags: &mut Vec<Diagnostic>) -> Handbook {
    let Loaded {
        docs,
        assets,
        unparsed,
        mut drafts,
        mut folder_settings,
        nav_order,
        static_files,
        code_owners,
        root,
        redirect_files,
    } = loaded;
    let mut docs = docs;
    crate::lang::untranslate(&mut docs);
    // Drafts are left out here rather than only at load, so `serve`, which loads files one
    // by one, leaves them out too.
    let is_draft = |d: &crate::model::Doc| matches!(&d.kind, DocKind::Page(p) if p.draft);
    // Checked first: moving every document into a new vector costs a serve relink more
    // than the rest of this stage's first steps, and most handbooks have no drafts.
    let docs = if docs.iter().any(is_draft) {
        let (drafted, docs): (Vec<_>, Vec<_>) = docs.into_iter().partition(is_draft);
        drafts.extend(drafted.into_iter().map(|d| d.source.path));
        docs
    } else {
        docs
    };
    // Partials too (`load::partials`): who includes what is known only now.
    let mintlify = root
        .as_deref()
        .is_some_and(|r| crate::load::mintlify_nav::find(r).is_some());
    let (mut docs, mut partials) =
        crate::load::partials::set_apart(docs, &nav_order.pages, mintlify, diags);
    let summary_doc = summary::take(&mut docs);
    let summary = summary_doc.as_ref().map(|d| summary::read(d.source.body()));
    summary_order(&mut docs, summary.as_ref(), &nav_order, diags);
    uid_sections_named(&docs, &nav_order, &mut folder_settings);
    index_md_in_branch_bundles(&mut docs);
    homes_of_other_tools(&mut docs);
    let translations = crate::lang::translations(&mut docs);
    let unparsed: BTreeSet<String> = unparsed.into_iter().collect();
    team_pages_sharing_a_slug(&mut docs, diags);
    team_page_parents(&mut docs);
    team_page_purposes(&mut docs);
    let folder_index = folder_indexes(&docs, diags);
    let Index {
        by_path,
        by_url,
        teams,
        decisions,
    } = index(&docs, &folder_index, diags);
    let unparsed_teams: BTreeSet<&str> = unparsed
        .iter()
        .filter_map(|p| p.strip_prefix("content/"))
        .filter(|p| p.starts_with("teams/") && crate::load::is_markdown(p))
        .map(crate::load::charter_slug)
        .collect();
    let team_names = team_refs::resolve(&mut docs, &teams, &unparsed_teams);
    redirects_inside(&mut docs, (&by_url, &by_path), diags);
    let mut redirects = redirects(&docs, &by_url, &assets, diags);
    team_page_redirects(&docs, &by_url, &assets, &mut redirects);
    let mut redirects_elsewhere = BTreeMap::new();
    redirect_file_entries(
        &redirect_files,
        &docs,
        (&by_url, &by_path),
        &assets,
        (&mut redirects, &mut redirects_elsewhere),
        diags,
    );
    if let (Some(doc), Some(summary)) = (&summary_doc, &summary) {
        let files = summary::Files {
            by_path: &by_path,
            folder_index: &folder_index,
            drafts: &drafts,
            unparsed: &unparsed,
            assets: &assets,
        };
        summary::check(doc, summary, &files, config.links.broken_warn, diags);
    }
    let toc = summary.map(|s| s.toc);
    partials.extend(summary_doc);
    // The pages' bodies are scanned (in parallel) while the references are checked: the
    // two read the same documents and nothing of each other, and a front-matter edit under
    // `serve` waits for both.
    let (
        LabelScan {
            labels: myst_labels,
            heading_titles,
            twice,
        },
        checked,
    ) = rayon::join(
        || scan_pages(&docs),
        || {
            let known = Known {
                docs: &docs,
                teams: &teams,
                team_ids: teams.iter().map(|(s, &id)| (s.as_str(), id)).collect(),
                decisions: &decisions,
                unparsed_teams,
                team_names: &team_names,
                unparsed_decisions: unparsed
                    .iter()
                    .filter(|p| p.starts_with("content/decisions/"))
                    .filter_map(|p| crate::load::decision_number(p))
                    .collect(),
                team_slugs: RefCell::new(Suggestions::new(teams.keys().map(String::as_str))),
            };
            let (children, ownership) = known.check_charters(diags);
            let edges = ParentEdges::new(&docs, &teams);
            report_cycles(&docs, &edges, diags);
            report_deep_chains(&docs, &edges, diags);
            known.check_interactions(diags);
            let (team_decisions, superseded_by, named_in_status) = known.check_decisions(diags);
            diags.extend(crate::checks::supersedes_cycles(
                &docs,
                &decisions,
                &named_in_status,
            ));

            let (team_folders, team_pages) = team_pages(&docs, diags);
            loose_team_pages(&docs, &unparsed, &translations, diags);
            let unprefixed = unprefixed_paths(&docs);
            if code_owners.is_none() && config.codeowners.read {
                diags.extend(crate::code_owners::prow_owners_note(&assets));
            }
            let code_owners = crate::code_owners::resolve(code_owners, &docs, &teams, diags);
            Checked {
                children,
                ownership,
                team_decisions,
                superseded_by,
                named_in_status,
                team_folders,
                team_pages,
                unprefixed,
                code_owners,
            }
        },
    );
    diags.extend(duplicate_labels(&docs, &myst_labels, twice));
    let uids = uids(&docs, diags);
    let writerside = assets
        .iter()
        .any(|a| a == WRITERSIDE_CFG || a.ends_with(&format!("/{WRITERSIDE_CFG}")))
        || root
            .as_ref()
            .is_some_and(|r| r.join("Writerside").join(WRITERSIDE_CFG).is_file());
    let mut heading_titles = heading_titles;
    if writerside {
        writerside_titles(&mut docs, &nav_order.variables, &mut heading_titles);
        myst_titles(&mut docs, &nav_order.substitutions, &mut heading_titles);
    }
    let mut handbook = Handbook {
        config,
        docs,
        assets,
        by_path,
        by_url,
        teams,
        decisions,
        children: checked.children,
        superseded_by: checked.superseded_by,
        named_in_status: checked.named_in_status,
        in_force: Default::default(),
        subtree_sizes: Default::default(),
        team_decisions: checked.team_decisions,
        ownership: checked.ownership,
        code_owners: checked.code_owners,
        unparsed,
        drafts: drafts.into_iter().collect(),
        partials,
        folder_index,
        root,
        unprefixed: checked.unprefixed,
        team_folders: checked.team_folders,
        team_pages: checked.team_pages,
        folder_settings,
        nav_order,
        static_files,
        redirects,
        redirects_elsewhere,
        redirect_files,
        toc,
        unpublished_assets: BTreeSet::new(),
        inline_images: BTreeMap::new(),
        near: Default::default(),
        myst_labels,
        heading_titles,
        wiki_names: Default::default(),
        titles: Default::default(),
        uids,
        writerside,
        google_docs: HashMap::new(),
        translations,
    };
    handbook.google_docs = google_docs::resolve(&handbook, diags);
    handbook
}

/// A Writerside topic's `%product%` in its title (its `[//]: # (title: …)` line, or the
/// `# Heading` it opens with) is the variable's value, as in its body: the title is what
/// the sidebars, links and `<title>` show. Only titles with a `%` are looked at.
fn writerside_titles(
    docs: &mut [crate::model::Doc],
    projects: &[(String, std::collections::BTreeMap<String, String>)],
    heading_titles: &mut HashMap<DocId, String>,
) {
    for (id, doc) in docs.iter_mut().enumerate() {
        let DocKind::Page(p) = &doc.kind else {
            continue;
        };
        let own = p.title_from_front_matter && p.title.contains('%');
        let heading = heading_titles.get(&id).is_some_and(|h| h.contains('%'));
        if !own && !heading {
            continue;
        }
        let Some(vars) = crate::load::writerside::topic_variables(
            &doc.source.path,
            doc.source.body(),
            projects,
            true,
        )
        .map(std::borrow::Cow::into_owned) else {
            continue;
        };
        if let Some(h) = heading_titles.get_mut(&id)
            && let Some(shown) = crate::load::writerside::substituted(h, &vars)
        {
            *h = shown;
        }
        if let DocKind::Page(p) = &mut doc.kind
            && own
            && let Some(shown) = crate::load::writerside::substituted(&p.title, &vars)
        {
            p.title = shown;
        }
    }
}

/// A MyST substitution in a page's title (`# Release {{ version }}`, or its front matter's
/// `title`) shows its value's words, as Sphinx shows them: the title is what the sidebars,
/// links and `<title>` show. Only titles with a `{{` are looked at.
fn myst_titles(
    docs: &mut [crate::model::Doc],
    site: &std::collections::BTreeMap<String, String>,
    heading_titles: &mut HashMap<DocId, String>,
) {
    use crate::load::myst_substitutions::in_title;
    for (id, doc) in docs.iter_mut().enumerate() {
        let DocKind::Page(p) = &mut doc.kind else {
            continue;
        };
        if site.is_empty() && p.substitutions.is_none() {
            continue;
        }
        if let Some(h) = heading_titles.get_mut(&id)
            && let Some(shown) = in_title(h, p.substitutions(), site)
        {
            *h = shown;
        }
        if let Some(shown) = in_title(&p.title, p.substitutions(), site) {
            p.title = shown;
        }
    }
}

/// [`Handbook::uids`]: each page's DocFX `uid`. Of two pages with one uid, the first by
/// path keeps it (the documents are sorted) and the other is a `duplicate-uid` warning at
/// its `uid`, as DocFX warns and picks one too.
fn uids(docs: &[crate::model::Doc], diags: &mut Vec<Diagnostic>) -> HashMap<String, DocId> {
    let mut uids: HashMap<String, DocId> = HashMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let crate::model::DocKind::Page(p) = &doc.kind else {
            continue;
        };
        let Some(uid) = &p.uid else {
            continue;
        };
        let name = uid.value.trim();
        match uids.get(name) {
            Some(&first) => diags.push(
                Diagnostic::warning(
                    "duplicate-uid",
                    &doc.source.path,
                    format!(
                        "`uid: {name}` is also the uid of {}, which `xref:{name}` links reach",
                        docs[first].source.path
                    ),
                )
                .with_help("give each page a uid of its own: DocFX's uids name one page across the project")
                .at(&doc.source.text, uid.span.clone()),
            ),
            None => {
                uids.insert(name.to_string(), id);
            }
        }
    }
    uids
}

/// A team's page read as its charter (`load::team_page`) whose slug (its folder's name)
/// another charter has stays the page it was, with a warning: the handbook did not ask
/// for a charter, so one that built before must still build. A charter with front matter
/// keeps the slug; among team pages alone, the first by path does.
fn team_pages_sharing_a_slug(docs: &mut [crate::model::Doc], diags: &mut Vec<Diagnostic>) {
    let gave_way =
        |d: &crate::model::Doc| matches!(&d.kind, DocKind::Page(p) if p.team_page.is_some());
    if !docs
        .iter()
        .any(|d| gave_way(d) || d.as_team().is_some_and(|c| c.from_page))
    {
        return;
    }
    // Those that gave way at the last link (`serve` links its documents again) are teams
    // again, and give way again only if the slug is still another charter's.
    for d in docs.iter_mut().filter(|d| gave_way(d)) {
        if let DocKind::Page(p) = &mut d.kind
            && let Some(team) = p.team_page.take()
        {
            let (charter, url) = *team;
            d.kind = DocKind::Team(charter);
            d.url = url;
        }
    }
    // Slug → the document that keeps it: a written charter over a team page.
    let mut keeps: HashMap<&str, DocId> = HashMap::new();
    for (id, d) in docs.iter().enumerate() {
        let Some(c) = d.as_team() else { continue };
        match keeps.entry(c.slug.as_str()) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(id);
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                if docs[*e.get()].as_team().is_some_and(|k| k.from_page) && !c.from_page {
                    e.insert(id);
                }
            }
        }
    }
    let demoted: Vec<(DocId, DocId)> = docs
        .iter()
        .enumerate()
        .filter_map(|(id, d)| {
            let c = d.as_team().filter(|c| c.from_page)?;
            let keeper = keeps[c.slug.as_str()];
            (keeper != id).then_some((id, keeper))
        })
        .collect();
    for (id, keeper) in demoted {
        let Some(mut page) = crate::load::team_page_as_page(&docs[id]) else {
            continue;
        };
        if let (DocKind::Page(p), DocKind::Team(c)) = (&mut page.kind, &docs[id].kind) {
            p.team_page = Some(Box::new((c.clone(), docs[id].url.clone())));
        }
        // The folder of a charter beside it (`teams/sig-node/` of `teams/sig-node.md`,
        // as `orgbook import sigs` writes them) is that team's: its page is one of the
        // team's pages, as intended.
        if folder_of(&docs[id].source.path) == crate::load::markdown_stem(&docs[keeper].source.path)
        {
            docs[id] = page;
            continue;
        }
        let slug = docs[id]
            .as_team()
            .map(|c| c.slug.clone())
            .unwrap_or_default();
        diags.push(
            Diagnostic::warning(
                "duplicate-team",
                &docs[id].source.path,
                format!(
                    "team page not read as team `{slug}`: {} is that team, so this stays a plain page",
                    docs[keeper].source.path
                ),
            )
            .with_help("a team page's slug is its folder's name, and slugs are unique across the handbook: rename one of the two folders to make this page a team too")
            .at(&docs[id].source.text, 0..0),
        );
        docs[id] = page;
    }
}

/// The documents by path, URL, team slug and decision number.
struct Index {
    by_path: HashMap<String, DocId>,
    by_url: HashMap<String, DocId>,
    teams: BTreeMap<String, DocId>,
    decisions: BTreeMap<u32, DocId>,
}

/// Indexes the documents, reporting what must be unique and is not: team slugs, decision
/// numbers, output URLs (and pages on a path orgbook generates itself).
fn index(
    docs: &[crate::model::Doc],
    folder_index: &BTreeMap<String, DocId>,
    diags: &mut Vec<Diagnostic>,
) -> Index {
    let mut by_path = HashMap::with_capacity(docs.len());
    let mut teams: BTreeMap<String, DocId> = BTreeMap::new();
    let mut decisions: BTreeMap<u32, DocId> = BTreeMap::new();
    let mut by_url: HashMap<String, DocId> = HashMap::with_capacity(docs.len());
    for (id, doc) in docs.iter().enumerate() {
        by_path.insert(doc.source.path.clone(), id);
        if let DocKind::Page(p) = &doc.kind
            && p.folder_index
            && folder_index.get(folder_of(&doc.source.path)) != Some(&id)
        {
            // A second index page in the same folder: already reported by folder_indexes.
            continue;
        }
        match &doc.kind {
            DocKind::Team(c) => match teams.entry(c.slug.clone()) {
                Entry::Occupied(e) => {
                    let other = *e.get();
                    diags.push(
                        Diagnostic::error(
                            "duplicate-team",
                            &doc.source.path,
                            format!("team slug `{}` is also used by {}", c.slug, docs[other].source.path),
                        )
                        .with_help("team slugs (file names) must be unique across the handbook: rename one of the files")
                        .at(&doc.source.text, 0..0),
                    );
                }
                Entry::Vacant(e) => {
                    e.insert(id);
                }
            },
            DocKind::Decision(d) => match decisions.entry(d.number) {
                Entry::Occupied(e) => {
                    let other = *e.get();
                    diags.push(
                        Diagnostic::error(
                            "duplicate-decision",
                            &doc.source.path,
                            format!("decision number {} is also used by {}", d.number, docs[other].source.path),
                        )
                        .with_help("give this decision the next free number (`orgbook new decision` picks it)")
                        .at(&doc.source.text, 0..0),
                    );
                }
                Entry::Vacant(e) => {
                    e.insert(id);
                }
            },
            DocKind::Page(p) => {
                if !p.is_home && GENERATED_PATHS.contains(&doc.url.as_str()) {
                    diags.push(
                        Diagnostic::error(
                            "reserved-path",
                            &doc.source.path,
                            format!(
                                "this page would be written to {}, which orgbook generates itself",
                                doc.url
                            ),
                        )
                        .with_help(match doc.url.as_str() {
                            // A docs site's `decisions/index.md` (Jekyll, MADR) or `teams/index.md`:
                            // orgbook lists that folder itself.
                            "decisions/index.html" | "teams/index.html" => format!(
                                "orgbook writes {} itself (the list of that folder); rename this page to README.md to publish it beside the list, or delete it",
                                doc.url
                            ),
                            url => {
                                let path = &doc.source.path;
                                let (stem, ext) = path.rsplit_once('.').unwrap_or((path, "md"));
                                format!(
                                    "orgbook writes {url} itself ({}); rename the page, e.g. `git mv {path} {stem}-page.{ext}`, and the links to it",
                                    generated_page_name(url)
                                )
                            }
                        })
                        .at(&doc.source.text, 0..0),
                    );
                }
            }
        }
        if let Some(&other) = by_url.get(doc.url.as_str()) {
            diags.push(
                Diagnostic::error(
                    "output-collision",
                    &doc.source.path,
                    format!(
                        "this file and {} would both be written to {}",
                        docs[other].source.path, doc.url
                    ),
                )
                .with_help("rename one of the files")
                .at(&doc.source.text, 0..0),
            );
        } else {
            by_url.insert(doc.url.clone(), id);
        }
    }
    Index {
        by_path,
        by_url,
        teams,
        decisions,
    }
}

/// [`Known::check_decisions`]: the decisions by team, [`Handbook::superseded_by`] and
/// [`Handbook::named_in_status`].
type DecisionRelations = (
    BTreeMap<String, Vec<u32>>,
    BTreeMap<u32, Vec<u32>>,
    BTreeMap<u32, Vec<u32>>,
);

/// Each team's sub-teams, by slug ([`Handbook::children`]).
type Children = BTreeMap<String, Vec<String>>;

/// What [`resolve`]'s reference checks give the handbook (the fields of [`Handbook`] of
/// the same names).
struct Checked {
    children: Children,
    ownership: Vec<(String, String)>,
    team_decisions: BTreeMap<String, Vec<u32>>,
    superseded_by: BTreeMap<u32, Vec<u32>>,
    named_in_status: BTreeMap<u32, Vec<u32>>,
    team_folders: BTreeMap<String, DocId>,
    team_pages: BTreeMap<String, Vec<DocId>>,
    unprefixed: HashMap<String, DocId>,
    code_owners: crate::code_owners::CodeOwnership,
}

/// What a reference (`parent`, `team`, `supersedes`) can name: the indexed documents, and
/// the files that did not parse (a reference to one is not reported again: its file's own
/// error is the one to fix).
struct Known<'a> {
    docs: &'a [crate::model::Doc],
    teams: &'a BTreeMap<String, DocId>,
    /// [`Self::teams`] for lookups: a `serve` re-link checks every reference again after
    /// each front-matter edit, and a hash lookup is a fraction of an ordered one.
    team_ids: HashMap<&'a str, DocId>,
    decisions: &'a BTreeMap<u32, DocId>,
    /// The slugs of the charter files that did not parse.
    unparsed_teams: BTreeSet<&'a str>,
    /// The teams by display name: a reference two teams' name fits is reported with both.
    team_names: &'a team_refs::TeamNames,
    /// The numbers of the decision files that did not parse.
    unparsed_decisions: BTreeSet<u32>,
    /// The charters' slugs, for the hints of references that name none (thousands of them
    /// after a mass rename).
    team_slugs: RefCell<Suggestions<'a>>,
}

impl Known<'_> {
    /// A charter of this slug is in the handbook.
    fn has_team(&self, slug: &str) -> bool {
        self.team_ids.contains_key(slug)
    }

    /// A charter file of this slug exists but did not parse.
    fn unparsed_team(&self, slug: &str) -> bool {
        self.unparsed_teams.contains(slug)
    }

    /// The existing decision number closest to `target`, the lower of two as close.
    fn nearest_number(&self, target: u32) -> Option<u32> {
        let below = self.decisions.range(..=target).next_back().map(|(&n, _)| n);
        let above = self.decisions.range(target..).next().map(|(&n, _)| n);
        match (below, above) {
            (Some(b), Some(a)) => Some(if target - b <= a - target { b } else { a }),
            (b, a) => b.or(a),
        }
    }

    /// The help for a `key` naming no charter: the nearest slug, else `otherwise`.
    fn team_hint(&self, slug: &str, key: &str, otherwise: &str) -> String {
        match self.team_slugs.borrow_mut().nearest(slug) {
            Some(s) => {
                format!("did you mean \"{s}\"? `{key}` is the file name (without .md) of a charter")
            }
            None => otherwise.into(),
        }
    }

    /// The error for a reference (`key = written`) that is no team's id: `ambiguous-team`
    /// where it is the display name of two teams or more, else `unknown-team` (`unknown`)
    /// with the nearest slug as a hint (else `otherwise`).
    fn unresolved_team(
        &self,
        path: &str,
        (key, written): (&str, &str),
        unknown: String,
        otherwise: &str,
    ) -> Diagnostic {
        match self.team_names.named(written) {
            team_refs::Named::Many(ids) => {
                let ids: Vec<String> = ids.iter().map(|id| format!("`{id}`")).collect();
                Diagnostic::error(
                    "ambiguous-team",
                    path,
                    format!(
                        "{key} `{written}` is the name of {} teams: {}",
                        ids.len(),
                        crate::text::and_list(&ids)
                    ),
                )
                .with_help(format!(
                    "a team named in `{key}` must be the only team of that name: write the id (the charter's file name) of the one you mean, or rename one of them"
                ))
            }
            _ => Diagnostic::error("unknown-team", path, unknown)
                .with_help(self.team_hint(written, key, otherwise)),
        }
    }

    /// Each charter's `parent` and `owns`: the hierarchy (children sorted by display name,
    /// so every listing of a team's sub-teams agrees) and the ownership index (by item,
    /// then slug). Ownership is exclusive: an item two charters own is an error.
    fn check_charters(&self, diags: &mut Vec<Diagnostic>) -> (Children, Vec<(String, String)>) {
        let docs = self.docs;
        let mut children = Children::new();
        let mut owners: BTreeMap<String, (String, DocId)> = BTreeMap::new();
        for (&id, doc) in self.teams.values().map(|id| (id, &docs[*id])) {
            let Some(c) = doc.as_team() else { continue };
            if let Some(crate::model::TeamRef {
                value: parent,
                span,
                ..
            }) = &c.parent
            {
                if self.has_team(parent) {
                    if parent == &c.slug {
                        diags.push(point(
                            Diagnostic::error(
                                "parent-cycle",
                                &doc.source.path,
                                "a team cannot be its own parent",
                            )
                            .with_help(
                                "set `parent` to the group this team belongs to, or remove it",
                            ),
                            doc,
                            span,
                        ));
                    } else {
                        children
                            .entry(parent.clone())
                            .or_default()
                            .push(c.slug.clone());
                    }
                } else if !self.unparsed_team(parent) {
                    diags.push(point(
                        self.unresolved_team(
                            &doc.source.path,
                            ("parent", parent),
                            format!("parent `{parent}` is not a charter in this handbook"),
                            "`parent` is the file name (without .md) of a group or team charter, or its `name`",
                        ),
                        doc,
                        span,
                    ));
                }
            }
            for Spanned { value: item, span } in &c.owns {
                let key = crate::model::ownership_key(item);
                match owners.entry(key) {
                    // Read from a team's page (`load::team_page`), an item is a reading of
                    // its list, not a claim: a warning, and a charter that wrote the item
                    // keeps it.
                    Entry::Occupied(mut e)
                        if e.get().1 != id
                            && (c.from_page
                                || docs[e.get().1].as_team().is_some_and(|o| o.from_page)) =>
                    {
                        let other = e.get().1;
                        let (keeper, page, at, at_span) = if c.from_page {
                            (other, id, doc, span)
                        } else {
                            e.insert((item.clone(), id));
                            let other_doc = &docs[other];
                            let at_span = other_doc
                                .as_team()
                                .and_then(|o| {
                                    o.owns.iter().find(|s| {
                                        crate::model::ownership_key(&s.value)
                                            == crate::model::ownership_key(item)
                                    })
                                })
                                .map_or(&(0..0), |s| &s.span);
                            (id, other, other_doc, at_span)
                        };
                        diags.push(point(
                            Diagnostic::warning(
                                "contested-ownership",
                                &at.source.path,
                                format!(
                                    "`{item}` is owned by both {} and {} (this team page lists it); the ownership index gives it to {}",
                                    docs[keeper].source.path,
                                    docs[page].source.path,
                                    docs[keeper].as_team().map_or("", |k| k.name.as_str())
                                ),
                            )
                            .with_help("ownership is exclusive: remove the item from one of the pages, or write the owner's `owns` in its front matter"),
                            at,
                            at_span,
                        ));
                    }
                    Entry::Occupied(e) if e.get().1 != id => {
                        let other_doc = &docs[e.get().1];
                        diags.push(point(
                            Diagnostic::error(
                                "contested-ownership",
                                &doc.source.path,
                                format!("`{item}` is owned by both {} and {}", other_doc.source.path, doc.source.path),
                            )
                            .with_help("ownership is exclusive: agree on one owner and remove the item from the other charter"),
                            doc,
                            span,
                        ));
                    }
                    Entry::Occupied(mut e) => {
                        e.insert((item.clone(), id));
                    }
                    Entry::Vacant(e) => {
                        e.insert((item.clone(), id));
                    }
                }
            }
        }
        for kids in children.values_mut() {
            kids.sort_by_cached_key(|s| {
                crate::model::child_order_key(&docs[self.team_ids[s.as_str()]], s)
            });
        }
        let mut ownership: Vec<(String, String)> = owners
            .into_values()
            .filter_map(|(item, id)| Some((item, docs[id].as_team()?.slug.clone())))
            .collect();
        // `owners` is in the order of the items' trimmed lowercase text, which is this
        // order unless an item has spaces around it: then (only) it is sorted again.
        if ownership
            .iter()
            .any(|(item, _)| item.trim().len() != item.len())
        {
            ownership.sort_by_cached_key(|(item, slug)| (item.to_lowercase(), slug.clone()));
        }
        (children, ownership)
    }

    /// `[[interactions]] team` is a reference like `parent`: same error, same hint.
    fn check_interactions(&self, diags: &mut Vec<Diagnostic>) {
        for doc in self.teams.values().map(|id| &self.docs[*id]) {
            let Some(c) = doc.as_team() else { continue };
            for i in &c.interactions {
                let crate::model::TeamRef {
                    value: other, span, ..
                } = &i.team;
                let problem = if other == &c.slug {
                    Some(
                        Diagnostic::error(
                            "unknown-team",
                            &doc.source.path,
                            "a team cannot interact with itself",
                        )
                        .with_help("list the other teams this team works with"),
                    )
                } else if !self.has_team(other) && !self.unparsed_team(other) {
                    Some(self.unresolved_team(
                        &doc.source.path,
                        ("team", other),
                        format!(
                            "interaction with `{other}`, which is not a charter in this handbook"
                        ),
                        "`team` is the file name (without .md) of a team charter, or its `name`",
                    ))
                } else {
                    None
                };
                if let Some(diag) = problem {
                    diags.push(point(diag, doc, span));
                }
            }
        }
    }

    /// Each decision's `team`, `supersedes` and `superseded by` status: the decisions by
    /// team, the decisions that supersede each one, and [`Handbook::named_in_status`].
    fn check_decisions(&self, diags: &mut Vec<Diagnostic>) -> DecisionRelations {
        let mut team_decisions: BTreeMap<String, Vec<u32>> = BTreeMap::new();
        let mut superseded_by: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        for (&number, &id) in self.decisions {
            let doc = &self.docs[id];
            let Some(d) = doc.as_decision() else { continue };
            let crate::model::TeamRef {
                value: team, span, ..
            } = &d.team;
            if self.has_team(team) {
                team_decisions.entry(team.clone()).or_default().push(number);
            } else if !self.unparsed_team(team) {
                diags.push(point(
                    self.unresolved_team(
                        &doc.source.path,
                        ("team", team),
                        format!("team `{team}` is not a charter in this handbook"),
                        "`team` is the file name (without .md) of the owning team's charter, or its `name`",
                    ),
                    doc,
                    span,
                ));
            }
            for Spanned {
                value: target,
                span,
            } in &d.supersedes
            {
                if *target == number {
                    diags.push(point(
                        Diagnostic::error(
                            "unknown-decision",
                            &doc.source.path,
                            "a decision cannot supersede itself",
                        )
                        .with_help("list the numbers of the earlier decisions this one replaces"),
                        doc,
                        span,
                    ));
                } else if self.decisions.contains_key(target) {
                    superseded_by.entry(*target).or_default().push(number);
                } else {
                    diags.extend(self.unknown_decision(
                        doc,
                        span,
                        *target,
                        format!("supersedes decision {target}, which does not exist"),
                        "`supersedes` lists decision numbers (the leading digits of their file names)",
                    ));
                }
            }
        }
        let named_in_status = self.check_status_references(&mut superseded_by, diags);
        (team_decisions, superseded_by, named_in_status)
    }

    /// MADR's `status: superseded by ADR-0012` in the older record: the same relation as
    /// 12 listing it in `supersedes`, added to `superseded_by` (once, when 12 lists it
    /// too), for each newer record the status names. Returns the newer decisions'
    /// relations that their own `supersedes` lacks ([`Handbook::named_in_status`]); a
    /// number that names no decision is reported at its place in the status, as one in
    /// `supersedes` is.
    fn check_status_references(
        &self,
        superseded_by: &mut BTreeMap<u32, Vec<u32>>,
        diags: &mut Vec<Diagnostic>,
    ) -> BTreeMap<u32, Vec<u32>> {
        let mut named_in_status: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
        // The lists a status added to, sorted once at the end: a status may name many.
        let mut touched: Vec<u32> = Vec::new();
        for (&number, &id) in self.decisions {
            let doc = &self.docs[id];
            let Some(d) = doc.as_decision() else {
                continue;
            };
            for Spanned { value: newer, span } in &d.superseded_by {
                let newer = *newer;
                if newer == number {
                    diags.push(point(
                        Diagnostic::error(
                            "unknown-decision",
                            &doc.source.path,
                            "a decision cannot be superseded by itself",
                        )
                        .with_help(
                            "`superseded by` names the newer decision that replaces this one",
                        ),
                        doc,
                        span,
                    ));
                } else if let Some(newer_doc) = self.decisions.get(&newer).map(|&i| &self.docs[i]) {
                    let listed = newer_doc
                        .as_decision()
                        .is_some_and(|d| d.supersedes.iter().any(|s| s.value == number));
                    if !listed {
                        named_in_status.entry(newer).or_default().push(number);
                        superseded_by.entry(number).or_default().push(newer);
                        touched.push(number);
                    }
                } else {
                    diags.extend(self.unknown_decision(
                        doc,
                        span,
                        newer,
                        format!("status says superseded by decision {newer}, which does not exist"),
                        "`superseded by` names the newer decision by its number (the leading digits of its file name)",
                    ));
                }
            }
        }
        touched.dedup();
        for number in touched {
            if let Some(by) = superseded_by.get_mut(&number) {
                by.sort_unstable();
                by.dedup();
            }
        }
        named_in_status
    }

    /// The error for a reference at `span` of `doc` to decision `number`, which is not in
    /// the handbook: `None` when its file did not parse (its own error is the one to fix).
    fn unknown_decision(
        &self,
        doc: &crate::model::Doc,
        span: &std::ops::Range<usize>,
        number: u32,
        message: String,
        rule: &str,
    ) -> Option<Diagnostic> {
        if self.unparsed_decisions.contains(&number) {
            return None;
        }
        let near = self
            .nearest_number(number)
            .map(|n| format!(" the nearest existing number is {n}."))
            .unwrap_or_default();
        Some(point(
            Diagnostic::error("unknown-decision", &doc.source.path, message)
                .with_help(format!("{rule};{near}")),
            doc,
            span,
        ))
    }
}

/// [`Handbook::wiki_names`]: every page by its file name without extension (and a Logseq
/// namespace page by its name with `/`), every content file by its file name.
pub(super) fn wiki_names(
    docs: &[crate::model::Doc],
    assets: &[String],
) -> HashMap<String, Vec<String>> {
    let mut names: HashMap<String, Vec<String>> = HashMap::new();
    fn under_content(d: &crate::model::Doc) -> &str {
        d.source
            .path
            .strip_prefix("content/")
            .unwrap_or(&d.source.path)
    }
    let pages = docs.iter().map(|d| {
        let rel = under_content(d);
        let name = rel.rsplit('/').next().unwrap_or(rel);
        (crate::load::page_stem(name), rel)
    });
    // A Logseq namespace page (`Process___Review.md`) is also named `Process/Review`.
    let namespaced: Vec<(String, &str)> = pages
        .clone()
        .filter_map(|(stem, rel)| Some((crate::text::namespaced_name(stem)?, rel)))
        .collect();
    let files = assets
        .iter()
        .map(|a| (a.rsplit('/').next().unwrap_or(a), a.as_str()));
    // Obsidian's `aliases: [Start here]` name a page too.
    let other_names = docs.iter().flat_map(|d| {
        let rel = under_content(d);
        let names = match &d.kind {
            crate::model::DocKind::Page(p) => p.other_names.as_slice(),
            _ => &[],
        };
        names.iter().map(move |n| (n.as_str(), rel))
    });
    let namespaced = namespaced.iter().map(|(n, rel)| (n.as_str(), *rel));
    for (name, rel) in pages.chain(files).chain(other_names).chain(namespaced) {
        let paths = names.entry(crate::model::wiki_name(name)).or_default();
        if !paths.iter().any(|p| p == rel) {
            paths.push(rel.to_string());
        }
    }
    // A page whose file name keeps punctuation (`Q&A: on-call.md`, as Outline's export
    // names it after its title) is also found by the letters and digits of its name, as
    // Outline's slug of the title keeps them (`/doc/qa-on-call-…`).
    for doc in docs {
        let rel = under_content(doc);
        let stem = crate::load::markdown_stem(rel.rsplit('/').next().unwrap_or(rel));
        if stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        {
            continue;
        }
        for key in [outline_key(stem), outline_key(&stem.replace('&', "and"))] {
            let paths = names.entry(key).or_default();
            if !paths.iter().any(|p| p == rel) {
                paths.push(rel.to_string());
            }
        }
    }
    for paths in names.values_mut() {
        paths.sort();
    }
    names
}

/// The key under which [`wiki_names`] also lists a page by the letters and digits of its
/// name, lower-cased (`Q&A: on-call` and Outline's `qa-on-call` are `qaoncall`); it
/// starts with a character no wikilink's name has, so the two never meet.
pub fn outline_key(name: &str) -> String {
    std::iter::once('\0')
        .chain(
            name.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase),
        )
        .collect()
}

/// A Writerside project's settings file ([`Handbook::writerside`]).
const WRITERSIDE_CFG: &str = "writerside.cfg";

/// MyST labels by name: a page, a heading id and its text.
type Labels = HashMap<String, (DocId, String, String)>;

/// What [`scan_pages`] finds in the pages' bodies.
struct LabelScan {
    /// The MyST labels of every page (see [`Handbook::myst_labels`]; the first page in
    /// path order to define a label keeps it).
    labels: Labels,
    /// The leading `# Heading` of each page without a title in its front matter
    /// ([`Handbook::heading_titles`]).
    heading_titles: HashMap<DocId, String>,
    /// Labels defined again, for [`duplicate_labels`].
    twice: Vec<LabelAgain>,
}

/// A page that defines labels defined before (on an earlier page or above on its own):
/// the first [`LABELS_AGAIN_SHOWN`] as (label, which of this page's definitions of it),
/// and how many more there are.
struct LabelAgain {
    page: DocId,
    shown: Vec<(String, usize)>,
    more: usize,
}

/// How many labels defined again are listed one by one per page; the rest are counted,
/// so that a page repeating one label thousands of times costs one line and a scan
/// per listed label. Twenty, as for broken links (the Markdown stage's
/// `BROKEN_LINKS_SHOWN`, not named here: the link stage comes before it).
const LABELS_AGAIN_SHOWN: usize = 20;

/// The labels, the pages' leading headings and the labels defined twice, in one pass over
/// the bodies ([`LabelScan`]).
fn scan_pages(docs: &[crate::model::Doc]) -> LabelScan {
    use rayon::prelude::*;
    type Found = (Vec<(String, String, String)>, Option<String>);
    let found: Vec<(DocId, Found)> = docs
        .par_iter()
        .enumerate()
        .filter_map(|(id, doc)| {
            let body = doc.source.body();
            let labels = crate::dialects::leftovers::myst_labels(body);
            let heading = match &doc.kind {
                DocKind::Page(p) if !p.title_from_front_matter => leading_heading(body),
                _ => None,
            };
            (!labels.is_empty() || heading.is_some()).then_some((id, (labels, heading)))
        })
        .collect();
    let mut labels: Labels = HashMap::new();
    let mut headings = HashMap::new();
    let mut twice = Vec::new();
    for (id, (found, heading)) in found {
        let mut in_page: HashMap<&str, usize> = HashMap::new();
        let mut again = LabelAgain {
            page: id,
            shown: Vec::new(),
            more: 0,
        };
        for (label, _, _) in &found {
            let nth = in_page.entry(label).or_default();
            if labels.contains_key(label.as_str()) || *nth > 0 {
                if again.shown.len() < LABELS_AGAIN_SHOWN {
                    again.shown.push((label.clone(), *nth));
                } else {
                    again.more += 1;
                }
            }
            *nth += 1;
        }
        if !again.shown.is_empty() {
            twice.push(again);
        }
        for (label, anchor, text) in found {
            labels.entry(label).or_insert((id, anchor, text));
        }
        if let Some(h) = heading {
            headings.insert(id, h);
        }
    }
    LabelScan {
        labels,
        heading_titles: headings,
        twice,
    }
}

/// A MyST label defined twice is a `duplicate-label` warning at the second definition,
/// naming the page (and line) of the first, which links to it reach — Sphinx warns the
/// same and keeps one. Only labels defined again are looked up in their text, so a
/// handbook without them pays nothing here; past [`LABELS_AGAIN_SHOWN`] a page's are
/// counted in one more warning.
fn duplicate_labels(
    docs: &[crate::model::Doc],
    labels: &Labels,
    twice: Vec<LabelAgain>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for again in twice {
        let id = again.page;
        let doc = &docs[id];
        for (label, nth) in again.shown {
            out.extend(duplicate_label(docs, labels, id, &label, nth));
        }
        if again.more > 0 {
            out.push(
                Diagnostic::warning(
                    "duplicate-label",
                    &doc.source.path,
                    format!(
                        "{} more labels in this file are defined already and are not listed",
                        again.more
                    ),
                )
                .with_help(format!("the first {LABELS_AGAIN_SHOWN} are listed above; give each place a label of its own")),
            );
        }
    }
    out
}

/// The warning for the `nth` definition on page `id` of `label`, which is defined already.
fn duplicate_label(
    docs: &[crate::model::Doc],
    labels: &Labels,
    id: DocId,
    label: &str,
    nth: usize,
) -> Option<Diagnostic> {
    let &(first, _, _) = labels.get(label)?;
    let doc = &docs[id];
    let body = doc.source.body();
    let at = label_definition(body, label, nth)?;
    let first_doc = &docs[first];
    let line = label_definition(first_doc.source.body(), label, 0).map(|r| {
        let before = &first_doc.source.text[..first_doc.source.body_start + r.start];
        before.bytes().filter(|&b| b == b'\n').count() + 1
    });
    let place = match (first == id, line) {
        (true, Some(line)) => format!("line {line} of this page"),
        (true, None) => "this page".to_string(),
        (false, Some(line)) => format!("{}:{line}", first_doc.source.path),
        (false, None) => first_doc.source.path.clone(),
    };
    let start = doc.source.body_start + at.start;
    Some(
        Diagnostic::warning(
            "duplicate-label",
            &doc.source.path,
            format!(
                "the label `{label}` is defined already, at {place}, which links and references to `{label}` reach"
            ),
        )
        .with_help("give this one a label of its own (a label names one place in the whole handbook, as in Sphinx) and point the links meant for it at the new name")
        .at(&doc.source.text, start..doc.source.body_start + at.end),
    )
}

/// Where the `nth` definition of `label` is written in `body`: a target line
/// (`(label)=`), a directive's `:label:` or `:name:`, or a Quarto `{#label}`; the first
/// written form found decides. `None` when none is there (a glossary's term, say).
fn label_definition(body: &str, label: &str, nth: usize) -> Option<std::ops::Range<usize>> {
    let written = [
        format!("({label})="),
        format!(":label: {label}"),
        format!(":name: {label}"),
        format!("{{#{label}"),
    ];
    written.iter().find_map(|w| {
        let mut found = body.match_indices(w.as_str()).map(|(at, _)| at);
        let first = found.next()?;
        let at = if nth == 0 {
            first
        } else {
            found.nth(nth - 1).unwrap_or(first)
        };
        Some(at..at + w.len())
    })
}

/// The text of a `# Heading` that opens a body (after blank lines, comments and MyST target
/// lines): the title the page will take once rendered, in plain text.
pub fn leading_heading(body: &str) -> Option<String> {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.ends_with(")=") && !l.starts_with("<!--"))?;
    let text = line.strip_prefix("# ")?.trim().trim_end_matches('#').trim();
    let plain = text.replace(['`', '*'], "");
    (!plain.is_empty()).then_some(plain)
}

/// Where to look for "did you mean" when a link is broken: files in the same folder (or
/// its parent) and files with the same name anywhere. Scanning every file for every broken
/// link would be quadratic on a large imported handbook with `[links] broken = "warn"`.
#[derive(Debug, Clone, Default)]
pub struct NearIndex {
    by_folder: HashMap<String, Vec<String>>,
    by_stem: HashMap<String, Vec<String>>,
    /// The keys of `by_folder`, sorted: the folders below one are a range of it.
    folders: Vec<String>,
    /// Every folder (those holding only folders too) by the [`outline_key`] of its name:
    /// what a BookStack address names a book or a chapter by (`/books/on-call-support`).
    by_name: HashMap<String, Vec<String>>,
}

impl NearIndex {
    /// `paths` are root-relative (`content/a/b.md`).
    pub fn new(docs: &[String], assets: &[String]) -> Self {
        let mut index = NearIndex::default();
        for p in docs.iter().chain(assets) {
            index
                .by_folder
                .entry(folder_of(p).to_string())
                .or_default()
                .push(p.clone());
            index
                .by_stem
                .entry(stem(p).to_string())
                .or_default()
                .push(p.clone());
        }
        index.folders = index.by_folder.keys().cloned().collect();
        index.folders.sort_unstable();
        let mut seen = std::collections::HashSet::new();
        for folder in &index.folders {
            let mut f = folder.as_str();
            while f.contains('/') && seen.insert(f) {
                let name = f.rsplit('/').next().unwrap_or(f);
                index
                    .by_name
                    .entry(outline_key(name))
                    .or_default()
                    .push(f.to_string());
                f = folder_of(f);
            }
        }
        for folders in index.by_name.values_mut() {
            folders.sort_unstable();
        }
        index
    }

    /// The folders (root-relative, in path order) whose name is `name` by its letters and
    /// digits, case aside.
    pub fn folders_named(&self, name: &str) -> &[String] {
        self.by_name
            .get(&outline_key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// The files directly in `folder` (`content/guides`), the first in path order: a link
    /// to a folder without an index page is told to give it one.
    /// The Markdown files directly in `folder` (root-relative), in path order.
    pub fn pages_in_folder(&self, folder: &str) -> Vec<&str> {
        let mut pages: Vec<&str> = self
            .by_folder
            .get(folder)
            .map(|v| {
                v.iter()
                    .map(String::as_str)
                    .filter(|p| crate::load::is_markdown(p))
                    .collect()
            })
            .unwrap_or_default();
        pages.sort_unstable();
        pages
    }

    /// The Markdown files in the sub-folders of `folder`, folder by folder in path order.
    pub fn pages_below<'a>(&'a self, folder: &str) -> impl Iterator<Item = &'a str> + 'a {
        let prefix = format!("{}/", folder.trim_end_matches('/'));
        let start = self
            .folders
            .partition_point(|f| f.as_str() < prefix.as_str());
        self.folders[start..]
            .iter()
            .take_while(move |f| f.starts_with(&prefix))
            .flat_map(|f| self.pages_in_folder(f))
    }

    pub fn first_in_folder(&self, folder: &str) -> Option<&str> {
        self.by_folder.get(folder)?.iter().min().map(String::as_str)
    }

    /// Candidate files for a hint about the missing path `joined`.
    pub fn candidates(&self, joined: &str) -> Vec<&str> {
        let joined = joined.trim_end_matches('/');
        let folder = folder_of(joined);
        let mut out: Vec<&str> = Vec::new();
        for key in [folder, folder_of(folder), joined] {
            if let Some(v) = self.by_folder.get(key) {
                out.extend(v.iter().map(String::as_str));
            }
        }
        if let Some(v) = self.by_stem.get(stem(joined)) {
            out.extend(v.iter().map(String::as_str));
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

impl NearIndex {
    /// The nearest file to the missing path `joined` (root-relative), when it is plausibly
    /// a typo of it. Paths are compared on what follows their shared folders: a whole-path
    /// similarity is dominated by a long shared prefix, and would offer `SECURITY.md` for
    /// a link to `docs/` beside it.
    pub fn nearest(&self, joined: &str) -> Option<&str> {
        let joined = joined.trim_end_matches('/');
        let tail = |p: &'_ str| -> usize {
            let shared = joined
                .split('/')
                .zip(p.split('/'))
                .take_while(|(a, b)| a == b)
                .map(|(a, _)| a.len() + 1)
                .sum::<usize>();
            shared.min(p.len()).min(joined.len())
        };
        let mut best: Option<(&str, &str)> = None;
        let joined_folder = folder_of(joined);
        let is_index = |p: &str| {
            p.rsplit('/')
                .next()
                .is_some_and(|n| crate::load::index_rank(n).is_some())
        };
        // Every folder's index has the same name: a link to one (`tooling/index.md`) may
        // mean another folder's index whose folder's name is near, never a page that only
        // shares the name (`team/index.md` for `nope/index.md`).
        let to_index = is_index(joined);
        for c in self.candidates(joined) {
            // An index page of a folder above the link's (the home page's README.md for a
            // link to `guides/README.md`) is not what a link to another folder's meant.
            let folder = folder_of(c);
            let index = is_index(c);
            if index && folder != joined_folder && joined_folder.starts_with(folder) {
                continue;
            }
            if to_index && !index {
                continue;
            }
            let at = tail(c);
            let (mine, theirs) = if to_index {
                let at = at.min(joined_folder.len()).min(folder.len());
                (&joined_folder[at..], &folder[at..])
            } else {
                (&joined[at..], &c[at..])
            };
            if crate::diagnostic::nearest(mine, [theirs]).is_some()
                && best.is_none_or(|(m, t)| {
                    strsim::jaro_winkler(mine, theirs) > strsim::jaro_winkler(m, t)
                })
            {
                best = Some((mine, c));
            }
        }
        best.map(|(_, c)| c)
    }

    /// The one page anywhere in the handbook with the missing path's file name (`/org-chart`
    /// for `content/about-us/org-chart.md`): a link written for a site that served pages
    /// by their name, or to a page since moved. Only when exactly one page has that name,
    /// and not for index pages (every folder has one).
    pub fn same_name(&self, joined: &str) -> Option<&str> {
        let joined = joined.trim_end_matches('/');
        let name = stem(joined);
        if name.len() < 3 || crate::load::index_rank(&format!("{name}.md")).is_some() {
            return None;
        }
        let mut found = self
            .by_stem
            .get(name)?
            .iter()
            .filter(|p| crate::load::is_markdown(p));
        let one = found.next()?;
        found.next().is_none().then_some(one.as_str())
    }

    /// The file in the missing path's folder whose name starts with the same number: a
    /// decision record renamed after its title changed, or imported under its title's slug
    /// (`0044-use-picocli-for-jabkit.md` is now `0044-use-picocli-instead-of….md`). Only
    /// when exactly one file has that number.
    pub fn same_number(&self, joined: &str) -> Option<&str> {
        let number = |p: &'_ str| -> Option<String> {
            let name = p.rsplit('/').next()?;
            let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
            let rest = &name[digits.len()..];
            (!digits.is_empty() && (rest.starts_with('-') || rest.starts_with('.')))
                .then(|| digits.trim_start_matches('0').to_string())
        };
        let wanted = number(joined)?;
        let mut found = self
            .by_folder
            .get(folder_of(joined))?
            .iter()
            .filter(|p| crate::load::is_markdown(p) && number(p).as_ref() == Some(&wanted));
        let one = found.next()?;
        found.next().is_none().then_some(one.as_str())
    }

    /// The file a link most likely meant when it was written for a folder that now sits
    /// deeper in the handbook: `/commands/npm-team` in docs imported into
    /// `content/tools/npm/` means `content/tools/npm/commands/npm-team.md`. A file whose
    /// path ends with the link's (at least two segments, `.md`/`.html` or none), the one
    /// sharing the most folders with the linking file when there are several.
    pub fn moved(&self, link: &str, from_dir: &str) -> Option<&str> {
        let mut tail = link.trim_start_matches('/');
        while let Some(rest) = tail.strip_prefix("./").or_else(|| tail.strip_prefix("../")) {
            tail = rest;
        }
        let tail = tail.trim_end_matches('/');
        let tail = crate::load::strip_markdown_extension(tail)
            .or_else(|| {
                [".html", ".htm"]
                    .iter()
                    .find_map(|ext| tail.strip_suffix(ext))
            })
            .unwrap_or(tail);
        if !tail.contains('/') || tail.split('/').any(|s| s.is_empty() || s == "..") {
            return None;
        }
        let shared = |p: &str| {
            p.split('/')
                .zip(from_dir.split('/'))
                .take_while(|(a, b)| a == b)
                .count()
        };
        // The link's extension is stripped already unless it names an asset (`x.png`).
        let name = tail.rsplit('/').next().unwrap_or(tail);
        let candidates = self
            .by_stem
            .get(name)
            .or_else(|| self.by_stem.get(stem(name)))?;
        let deeper = candidates
            .iter()
            .map(String::as_str)
            .filter(|c| {
                let bare = crate::load::markdown_stem(c);
                bare.strip_suffix(tail)
                    .is_some_and(|head| head.ends_with('/'))
            })
            // Most shared folders first, then the first path, so the hint is deterministic.
            .min_by(|a, b| shared(b).cmp(&shared(a)).then(a.cmp(b)));
        // The other way round: a link written for a site that served the pages under a
        // prefix (`/handbook/company/teams` for `content/company/teams.md`, once PostHog's
        // `contents/handbook/` is content/): the file whose path the link ends with, the
        // longest such path first.
        deeper.or_else(|| {
            candidates
                .iter()
                .map(String::as_str)
                .filter(|c| {
                    let rel = crate::load::markdown_stem(c);
                    let rel = rel.strip_prefix("content/").unwrap_or(rel);
                    // The home page's `index.md` ends every `…/index.md` link: a folder's
                    // index is not what a link to another folder's index meant.
                    let home_index = !rel.contains('/')
                        && c.rsplit('/')
                            .next()
                            .is_some_and(|n| crate::load::index_rank(n).is_some());
                    !home_index
                        && tail
                            .strip_suffix(rel)
                            .is_some_and(|head| head.ends_with('/'))
                })
                .min_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)))
        })
    }
}

/// A file name without its extension: `content/a/setup.md` → `setup`.
fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}

/// The redirect files pages ask for with `aliases` / `redirect_from`. A path that another
/// page, a generated file, an asset or another redirect already takes is an error naming
/// both; a value that is not a path inside the site is a warning.
fn redirects(
    docs: &[crate::model::Doc],
    by_url: &HashMap<String, DocId>,
    assets: &[String],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, DocId> {
    let mut out: BTreeMap<String, DocId> = BTreeMap::new();
    for (id, doc) in docs.iter().enumerate() {
        let DocKind::Page(p) = &doc.kind else {
            continue;
        };
        for Spanned { value: alias, span } in &p.aliases {
            let Some(file) = crate::load::url_path_to_file(alias) else {
                diags.push(
                    Diagnostic::warning(
                        "ignored-alias",
                        &doc.source.path,
                        format!("old address \"{alias}\" is not a path inside the site; no redirect is written"),
                    )
                    .with_help("write the old path from the site root, e.g. /guides/setup/ or /setup.html")
                    .at(&doc.source.text, span.clone()),
                );
                continue;
            };
            let other = redirect_taken_by(&file, id, (by_url, assets, &out), docs);
            if by_url.get(&file) == Some(&id) {
                continue;
            }
            match other {
                Some(other) => diags.push(
                    Diagnostic::error(
                        "redirect-collision",
                        &doc.source.path,
                        format!("redirect from \"{alias}\" would be written to {file}, which {other} already takes"),
                    )
                    .with_help("remove the old address from `aliases` / `redirect_from`, or move the other file")
                    .at(&doc.source.text, span.clone()),
                ),
                None => {
                    out.insert(file, id);
                }
            }
        }
    }
    out
}

/// A team read from its page (`load::team_page`) sits under the group its folders name:
/// the nearest folder above the team's own, other than a `teams` folder, that is named
/// like a group's charter (`departments/engineering/teams/delivery/` under the group
/// `engineering`, `teams/growth/retention/` under `growth`), as `teams/platform/` is the
/// folder of `teams/platform.md`. Only a group (`kind = "group"`): a folder named like a
/// team is that team's folder of pages, not a parent. Set afresh on every link, since
/// `serve` links the same documents again after a group comes or goes; a handbook
/// without team pages pays one pass over its documents.
fn team_page_parents(docs: &mut [crate::model::Doc]) {
    if !docs
        .iter()
        .any(|d| d.as_team().is_some_and(|c| c.from_page))
    {
        return;
    }
    let groups: HashSet<String> = docs
        .iter()
        .filter_map(|d| d.as_team())
        .filter(|c| c.kind == crate::model::TeamKind::Group)
        .map(|c| c.slug.clone())
        .collect();
    for doc in docs.iter_mut() {
        let DocKind::Team(c) = &mut doc.kind else {
            continue;
        };
        if !c.from_page {
            continue;
        }
        let own = folder_of(&doc.source.path);
        let group = std::iter::successors(Some(folder_of(own)), |f| Some(folder_of(f)))
            .take_while(|f| f.len() > crate::load::CONTENT_DIR.len())
            .map(|f| f.rsplit('/').next().unwrap_or(f))
            .filter(|name| *name != "teams")
            .find(|name| groups.contains(*name) && *name != c.slug);
        c.parent = group.map(|g| crate::model::TeamRef::new(g.to_string(), 0..0));
    }
}

/// A team read from its page (`load::team_page`) whose page does not say what the team
/// is for takes it from a page beside it named for that (`mission.mdx`, else
/// `objectives.md`, `goals.md`, a charter page: `load::PURPOSE_PAGES`), as PostHog keeps
/// its teams' missions; one whose page lists no metric takes those of its charter page
/// beside it (`team-charter.md`: `load::CHARTER_PAGES`), as va.gov-team keeps its teams'
/// OKRs. What its page says it is for is no purpose when it is the sentence of the
/// handbook's team-page template (a page whose file name says `template`) left as written,
/// as an unfilled `[Full Name]` is no one. Those pages stay pages. Read again on every link
/// (`serve` links again after such a page changes); a handbook without team pages pays
/// one pass over its documents.
fn team_page_purposes(docs: &mut [crate::model::Doc]) {
    if !docs
        .iter()
        .any(|d| d.as_team().is_some_and(|c| c.from_page))
    {
        return;
    }
    let stem = |d: &crate::model::Doc| {
        crate::load::markdown_stem(d.source.path.rsplit('/').next().unwrap_or("")).to_string()
    };
    // Folder → (rank in PURPOSE_PAGES, the page's id): the most telling page of each; and
    // folder → the charter page's id.
    let mut beside: HashMap<&str, (usize, DocId)> = HashMap::new();
    let mut charters: HashMap<&str, (usize, DocId)> = HashMap::new();
    let mut templates: HashSet<String> = HashSet::new();
    for (id, d) in docs.iter().enumerate() {
        if !matches!(d.kind, DocKind::Page(_)) {
            continue;
        }
        let name = stem(d);
        let folder = folder_of(&d.source.path);
        if name.to_ascii_lowercase().contains("template") {
            templates.extend(crate::load::template_problem(
                &d.source.text,
                d.source.body_start,
            ));
        }
        if let Some(rank) = crate::load::PURPOSE_PAGES
            .iter()
            .position(|p| name.eq_ignore_ascii_case(p))
            && beside.get(folder).is_none_or(|(r, _)| rank < *r)
        {
            beside.insert(folder, (rank, id));
        }
        if let Some(rank) = crate::load::CHARTER_PAGES
            .iter()
            .position(|p| name.eq_ignore_ascii_case(p))
            && charters.get(folder).is_none_or(|(r, _)| rank < *r)
        {
            charters.insert(folder, (rank, id));
        }
    }
    type Found = (
        DocId,
        Option<String>,
        bool,
        Option<Vec<crate::model::Metric>>,
    );
    let found: Vec<Found> = docs
        .iter()
        .enumerate()
        .filter_map(|(id, d)| {
            let c = d.as_team().filter(|c| c.from_page)?;
            let folder = folder_of(&d.source.path);
            let own = c.page_problem.clone().filter(|p| !templates.contains(p));
            let (problem, from_beside) = match own {
                Some(p) => (Some(p), false),
                None => {
                    let read = beside.get(folder).and_then(|&(_, page)| {
                        let page = &docs[page];
                        crate::load::problem_beside(&page.source.text, page.source.body_start)
                    });
                    let from_beside = read.is_some();
                    (read, from_beside)
                }
            };
            let metrics = (c.metrics.is_empty() || c.metrics_beside).then(|| {
                charters.get(folder).map_or_else(Vec::new, |&(_, page)| {
                    let page = &docs[page];
                    crate::load::metrics_beside(&page.source.text, page.source.body_start)
                })
            });
            Some((id, problem, from_beside, metrics))
        })
        .collect();
    for (id, problem, from_beside, metrics) in found {
        if let DocKind::Team(c) = &mut docs[id].kind {
            c.problem_beside = from_beside;
            c.problem = problem;
            if let Some(metrics) = metrics {
                c.metrics_beside = !metrics.is_empty();
                c.metrics = metrics;
            }
        }
    }
}

/// A team's page read as its charter (`load::team_page`) is published at the team's
/// address (`teams/<slug>.html`), no longer at the page's own (`teams/billing/index.html`,
/// `departments/engineering/teams/delivery/index.html`): the old address gets a redirect
/// to the team, as a page's `aliases` do, so bookmarks and links from outside still land.
/// Nobody asked for the move, so an old address something else takes (a page, an asset,
/// a redirect the handbook wrote) keeps that, without a diagnostic.
fn team_page_redirects(
    docs: &[crate::model::Doc],
    by_url: &HashMap<String, DocId>,
    assets: &[String],
    out: &mut BTreeMap<String, DocId>,
) {
    for (id, doc) in docs.iter().enumerate() {
        if !doc.as_team().is_some_and(|c| c.from_page) {
            continue;
        }
        let Some(rel) = doc.source.path.strip_prefix("content/") else {
            continue;
        };
        // A team's page is always its folder's index page: the page was `<folder>/index.html`.
        let old = crate::text::url_safe_path(&format!("{}/index.html", folder_of(rel)));
        if old != doc.url && redirect_taken_by(&old, id, (by_url, assets, out), docs).is_none() {
            out.insert(old, id);
        }
    }
}

/// What already takes the output file a redirect to page `id` would be written to, for
/// its `redirect-collision` message: another page, one of orgbook's own files, an asset or
/// an earlier redirect. `None` when it is free, or when it is `id`'s own page.
fn redirect_taken_by(
    file: &str,
    id: DocId,
    (by_url, assets, out): (&HashMap<String, DocId>, &[String], &BTreeMap<String, DocId>),
    docs: &[crate::model::Doc],
) -> Option<String> {
    if let Some(&o) = by_url.get(file) {
        (o != id).then(|| docs[o].source.path.clone())
    } else if GENERATED_PATHS.contains(&file) {
        Some(format!("orgbook's own {file}"))
    } else if assets.binary_search_by(|a| a.as_str().cmp(file)).is_ok() {
        Some(format!("content/{file}"))
    } else {
        out.get(file)
            .map(|&o| format!("the redirect in {}", docs[o].source.path))
    }
}

/// The redirects mdBook's `book.toml` and GitBook's `.gitbook.yaml` ask for
/// (`load::redirect_files`), added to the pages' own (`out`), or to `elsewhere` when the
/// new address is an http(s) one on another site. mdBook reads a new address relative to
/// the old one's folder, or from the site's root when it starts with `/`; GitBook names
/// the page's Markdown file from its root, `content/`. An anchor after an old address
/// that is the page's own address is no redirect (GitBook writes one when a heading
/// moves). Each that cannot be written is a warning at its line of its file: an address
/// elsewhere that is not http(s), one with no page, one another file already takes.
fn redirect_file_entries(
    files: &[crate::load::redirect_files::RedirectFile],
    docs: &[crate::model::Doc],
    (by_url, by_path): (&HashMap<String, DocId>, &HashMap<String, DocId>),
    assets: &[String],
    (out, elsewhere): (&mut BTreeMap<String, DocId>, &mut BTreeMap<String, String>),
    diags: &mut Vec<Diagnostic>,
) {
    use crate::load::redirect_files::Format;
    for (book, r) in files
        .iter()
        .flat_map(|f| f.entries.iter().map(move |r| (f, r)))
    {
        let table = book.format.table();
        let warn = |code: &'static str, message: String, help: String| {
            Diagnostic::warning(code, &book.path, message)
                .with_help(help)
                .at(&book.text, r.span.clone())
        };
        let not_a_path = || {
            let from = r.from.trim();
            let why = if from.contains("://") || from.starts_with("//") {
                "it is an address on another site"
            } else if from.contains('#') {
                "an anchor cannot be redirected without a script"
            } else if from.split('/').any(|s| s == ".." || s == ".") {
                "`..` and `.` name no page of the site"
            } else {
                "`:`, `?`, `{`, `}` and `\\` cannot be in a page's path"
            };
            warn(
                "ignored-alias",
                format!(
                    "redirect from \"{}\": not a path inside the site ({why}); no redirect is written",
                    r.from
                ),
                format!(
                    "write the old page's path from the site root, e.g. {}",
                    book.format.example_from()
                ),
            )
        };
        let anchored = r.from.contains('#') && !r.from.contains("://");
        let Some(file) = r
            .from
            .split('#')
            .next()
            .and_then(crate::load::url_path_to_file)
        else {
            diags.push(not_a_path());
            continue;
        };
        // The first file an earlier entry (of either kind) or another file takes.
        let taken = |id: DocId, out: &BTreeMap<String, DocId>| {
            redirect_taken_by(&file, id, (by_url, assets, out), docs).or_else(|| {
                elsewhere
                    .get(&file)
                    .map(|to| format!("the redirect to {to} in {}", book.path))
            })
        };
        let collision = |other: String| {
            warn(
                "redirect-collision",
                format!(
                    "redirect from \"{}\" would be written to {file}, which {other} already takes; it is not written",
                    r.from
                ),
                format!("remove the entry from {table}, or move the other file"),
            )
        };
        let to = r.to.split('#').next().unwrap_or("");
        if to.contains("://") || to.starts_with("//") {
            let whole = r.to.trim();
            let lower = whole.to_ascii_lowercase();
            if anchored {
                diags.push(not_a_path());
            } else if (lower.starts_with("https://") || lower.starts_with("http://"))
                && !whole.contains(char::is_whitespace)
            {
                // No page of the handbook is its target: `usize::MAX` is no document's id.
                match taken(usize::MAX, out) {
                    Some(other) => diags.push(collision(other)),
                    None => {
                        elsewhere.insert(file, whole.to_string());
                    }
                }
            } else {
                diags.push(warn(
                    "ignored-alias",
                    format!("redirect from \"{}\" to {}: a redirect to another site must be an http(s) address; no redirect is written", r.from, r.to),
                    format!("write the full address, e.g. \"https://docs.example.com/new.html\", or remove it from {table}"),
                ));
            }
            continue;
        }
        let (page, missing) = match book.format {
            Format::MdBook => {
                let folder = file.rsplit_once('/').map_or("", |(dir, _)| dir);
                let target = if to.starts_with('/') {
                    Some(to.trim_start_matches('/').to_string())
                } else {
                    join_url(folder, to)
                };
                // The page at that address, else the one mdBook published there: it names
                // a page by its file (`README.html` for `README.md`), where orgbook may not.
                let page = target
                    .as_deref()
                    .and_then(|t| crate::load::url_path_to_file(&format!("/{t}")))
                    .and_then(|t| {
                        by_url.get(&t).copied().or_else(|| {
                            let stem = t.strip_suffix(".html")?;
                            by_path.get(&format!("content/{stem}.md")).copied()
                        })
                    });
                (page, format!("/{}", target.as_deref().unwrap_or(to)))
            }
            Format::GitBook => {
                // GitBook's editor writes an anchor inside the file's name
                // (`recruiting#working-….md`): the file is the part before it.
                let source = join_url("", to.trim().trim_start_matches('/'));
                let page = source.as_deref().and_then(|s| {
                    by_path
                        .get(&format!("content/{s}"))
                        .or_else(|| by_path.get(&format!("content/{s}.md")))
                        .copied()
                });
                (page, format!("content/{}", source.as_deref().unwrap_or(to)))
            }
        };
        let Some(id) = page else {
            diags.push(warn(
                "ignored-alias",
                format!(
                    "redirect from \"{}\" to \"{}\": the handbook has no page at {missing}; no redirect is written",
                    r.from, r.to,
                ),
                format!("point it at {}, or remove it from {table}", book.format.how_to()),
            ));
            continue;
        };
        if by_url.get(&file) == Some(&id) {
            continue;
        }
        if anchored {
            diags.push(not_a_path());
            continue;
        }
        match taken(id, out) {
            Some(other) => diags.push(collision(other)),
            None => {
                out.insert(file, id);
            }
        }
    }
}

/// Each page that redirects inside the site (Retype's `redirect: /team/on-call`,
/// [`crate::model::PageMeta::redirect_inside`]) becomes a redirect to the page that
/// address names, by its address from this page; one that names no page is a
/// `broken-link` warning at its value, and the page stays a page. An address from the
/// root (`/team/on-call`, with or without its last `/`) is read from the site's root; any
/// other from the page's own address, a folder as Retype publishes it (`../oncall/` from
/// `moved.md`, at `/moved/`), else from the page's folder (`oncall.md`).
fn redirects_inside(
    docs: &mut [crate::model::Doc],
    (by_url, by_path): (&HashMap<String, DocId>, &HashMap<String, DocId>),
    diags: &mut Vec<Diagnostic>,
) {
    let page_at = |p: &str| -> Option<DocId> {
        let p = p.trim_start_matches('/');
        let file = crate::load::url_path_to_file(&format!("/{p}"))?;
        let stem = file.strip_suffix(".html").unwrap_or(&file);
        by_url
            .get(&file)
            .or_else(|| by_url.get(&format!("{stem}/index.html")))
            .or_else(|| by_url.get(&format!("{}.html", p.trim_end_matches('/'))))
            .or_else(|| by_path.get(&format!("content/{p}")))
            .or_else(|| by_path.get(&format!("content/{stem}.md")))
            .copied()
    };
    for id in 0..docs.len() {
        let DocKind::Page(meta) = &docs[id].kind else {
            continue;
        };
        let Some(written) = meta.redirect_inside.as_deref() else {
            continue;
        };
        let path = &docs[id].source.path;
        let rel = path.strip_prefix("content/").unwrap_or(path);
        let (to, fragment) = match written.value.split_once('#') {
            Some((to, f)) => (to, Some(f)),
            None => (written.value.as_str(), None),
        };
        let to = to.split('?').next().unwrap_or(to);
        let found = if to.starts_with('/') {
            page_at(to)
        } else {
            let stem = crate::load::markdown_stem(rel);
            let folder = folder_of(rel);
            let lower = stem.rsplit('/').next().unwrap_or(stem).to_ascii_lowercase();
            // Retype publishes `a/moved.md` at `/a/moved/`, a folder's index at `/a/`.
            let address = if matches!(lower.as_str(), "index" | "readme") {
                folder.to_string()
            } else {
                stem.to_string()
            };
            join_url(&address, to)
                .and_then(|p| page_at(&p))
                .or_else(|| join_url(folder, to).and_then(|p| page_at(&p)))
        };
        let href = found.filter(|&to| to != id).map(|to| {
            let mut href = format!(
                "{}{}",
                "../".repeat(docs[id].url.matches('/').count()),
                crate::text::encode_path(&docs[to].url)
            );
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                href.push('#');
                href.push_str(f);
            }
            href
        });
        if href.is_none() {
            diags.push(
                Diagnostic::warning(
                    "broken-link",
                    path,
                    format!(
                        "the redirect to `{}` names no page of the handbook; the page is published as a page",
                        written.value
                    ),
                )
                .with_help("point it at the page's address (`/team/on-call`, from the site's root) or its file, or remove it")
                .at(&docs[id].source.text, written.span.clone()),
            );
        }
        if let DocKind::Page(meta) = &mut docs[id].kind {
            meta.redirect_to = href;
        }
    }
}

/// `rel` (an address, `../new/page.html`) from the site folder `folder` (`old`), with
/// `.` and `..` worked out; `None` when it climbs above the site's root.
fn join_url(folder: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut joined = parts.join("/");
    if rel.ends_with('/') {
        joined.push('/');
    }
    Some(joined)
}

/// The folder of a source path: `content/a/b.md` → `content/a`.
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// The pages in each team's folder, by team slug, in path order. A team's folder is the
/// folder its charter is the index page of (`teams/payments/index.md`), or the folder
/// named like its charter beside it (`teams/platform/` for `teams/platform.md`); a page
/// belongs to the nearest such folder above it. Pages under `teams/` in no team's folder
/// get one warning per folder below `teams/`: they were likely meant as charters, or are
/// a team's pages whose index page lacks the charter's keys.
fn team_pages(
    docs: &[crate::model::Doc],
    diags: &mut Vec<Diagnostic>,
) -> (BTreeMap<String, DocId>, BTreeMap<String, Vec<DocId>>) {
    let folders: BTreeMap<String, DocId> = docs
        .iter()
        .enumerate()
        .filter_map(|(id, d)| {
            let c = d.as_team()?;
            let path = d.source.path.as_str();
            let rel = path.strip_prefix("content/").unwrap_or(path);
            let is_index = rel
                .rsplit('/')
                .next()
                .is_some_and(|n| crate::load::index_rank(n).is_some());
            // A team's page elsewhere (`departments/engineering/teams/delivery/index.md`)
            // is its folder's, as a charter in a team's folder under teams/ is.
            let folder = if is_index
                && ((crate::load::in_team_folder(rel) && crate::load::charter_slug(rel) == c.slug)
                    || !rel.starts_with("teams/"))
            {
                folder_of(path).to_string()
            } else {
                crate::load::markdown_stem(path).to_string()
            };
            Some((folder, id))
        })
        .collect();
    let mut pages: BTreeMap<String, Vec<DocId>> = BTreeMap::new();
    // Folder below teams/ (`content/teams/payments`) → its pages in no team's folder.
    let mut orphans: BTreeMap<&str, Vec<DocId>> = BTreeMap::new();
    // Teams whose folder is elsewhere than under teams/: only then is a page elsewhere
    // looked up, so a handbook without them pays nothing.
    let elsewhere = folders.keys().any(|f| !f.starts_with("content/teams/"));
    for (id, d) in docs.iter().enumerate() {
        let path = d.source.path.as_str();
        let rel = path.strip_prefix("content/").unwrap_or(path);
        if !matches!(d.kind, DocKind::Page(_)) {
            continue;
        }
        if !crate::load::in_team_folder(rel) {
            if elsewhere
                && let Some(c) = team_folder_above(&folders, path).and_then(|c| docs[c].as_team())
            {
                pages.entry(c.slug.clone()).or_default().push(id);
            }
            continue;
        }
        let owner = team_folder_above(&folders, path).and_then(|c| docs[c].as_team());
        match owner {
            Some(c) => pages.entry(c.slug.clone()).or_default().push(id),
            None => {
                let top = "content/teams/".len() + rel["teams/".len()..].find('/').unwrap_or(0);
                orphans.entry(&path[..top]).or_default().push(id);
            }
        }
    }
    for (folder, ids) in orphans {
        // At the folder's index page when it has one (the would-be charter), else its
        // first page.
        let at = ids
            .iter()
            .copied()
            .find(|&id| matches!(&docs[id].kind, DocKind::Page(p) if p.folder_index))
            .unwrap_or(ids[0]);
        let doc = &docs[at];
        let pages = match ids.len() {
            1 => "1 page".to_string(),
            n => format!("{n} pages"),
        };
        let slug = folder.rsplit('/').next().unwrap_or(folder);
        // The would-be charter: the index page found, by its path from the folder (a
        // sub-folder's `ADE/readme.md` in a portfolio's folder of teams), else the one to
        // write.
        let index = match &doc.kind {
            DocKind::Page(p) if p.folder_index => doc
                .source
                .path
                .strip_prefix(folder)
                .map_or(doc.source.path.as_str(), |rest| {
                    rest.trim_start_matches('/')
                })
                .to_string(),
            _ => "index.md (or README.md)".to_string(),
        };
        diags.push(
            Diagnostic::warning(
                "team-folder-without-charter",
                &doc.source.path,
                format!("{pages} in {folder}/ published as plain pages: no charter claims the folder, so no team lists them"),
            )
            .with_help(format!("if the folder is a team's, make its index page the charter: give {folder}/{index} front matter with `name`, `problem` and `metrics` (docs/format.md), and these pages are listed on the team's page; if a file here is itself a charter, add those keys to it; or, for a group's folder, write the group's charter as content/teams/{slug}.md"))
            .at(&doc.source.text, 0..0),
        );
    }
    (folders, pages)
}

/// Pages directly in content/teams/ (not its own index page), which the load stage made
/// pages for want of a charter's keys. A handbook with charters keeps its charters there,
/// so each is a charter missing its keys: an error, as a new charter without its front
/// matter should get. A handbook without any is one moved in with a plain `teams/` folder
/// of pages about its teams: they stay pages, with one warning. Teams read from team pages
/// (`from_page`) are not charters anyone wrote here: a handbook moved in with a folder per
/// team keeps its `teams/README.md` and the team page's template beside them (the U.S.
/// VA's `teams/team-readme-template.md`), which are pages, not charters missing keys.
fn loose_team_pages(
    docs: &[crate::model::Doc],
    unparsed: &BTreeSet<String>,
    translations: &crate::lang::Translations,
    diags: &mut Vec<Diagnostic>,
) {
    let loose: Vec<&crate::model::Doc> = docs
        .iter()
        .enumerate()
        // A charter's translation (`teams/payments.fr.md`) is the team's page in French.
        .filter(|(id, d)| matches!(d.kind, DocKind::Page(_)) && !translations.of.contains_key(id))
        .map(|(_, d)| d)
        .filter(|d| {
            d.source
                .path
                .strip_prefix("content/teams/")
                .is_some_and(|name| !name.contains('/') && crate::load::index_rank(name).is_none())
        })
        // A page written in HTML is a page wherever it is: charters are Markdown.
        .filter(|d| !crate::load::is_html_page(&d.source.path))
        .collect();
    let Some(first) = loose.first() else {
        return;
    };
    let has_charters = docs
        .iter()
        .any(|d| d.as_team().is_some_and(|c| !c.from_page))
        || unparsed
            .iter()
            .any(|p| p.starts_with("content/teams/") && crate::load::is_markdown(p));
    if has_charters {
        diags.extend(
            loose
                .iter()
                .map(|d| crate::load::not_a_charter(&d.source.path, &d.source.text)),
        );
        return;
    }
    let pages = match loose.len() {
        1 => "1 page".to_string(),
        n => format!("{n} pages"),
    };
    diags.push(
        Diagnostic::warning(
            "team-folder-without-charter",
            &first.source.path,
            format!("{pages} in content/teams/ published as plain pages: the handbook has no team charter written with front matter, and content/teams/ is where charters go"),
        )
        .with_help("a file here becomes a team's charter with front matter holding `name`, `problem` and `metrics` (docs/format.md); once the handbook has a charter, the files here without those keys are errors, so to keep these as pages move them to a folder of their own (`git mv content/teams content/our-teams`)")
        .at(&first.source.text, 0..0),
    );
}

/// Pages by their path without number prefixes, as Docusaurus names them: each folder
/// and file name loses a leading `1_`, `01-` or `2.` (`content/1_start/2_setup.mdx` →
/// `content/start/setup`). A name two pages share is left out (it names neither), and so
/// is a path a page has as it is. Decision records keep their numbers: they are not
/// Docusaurus pages.
fn unprefixed_paths(docs: &[crate::model::Doc]) -> HashMap<String, DocId> {
    // Most handbooks have no such page: this costs one scan of the paths, no allocation.
    let candidates: Vec<(String, DocId)> = docs
        .iter()
        .enumerate()
        .filter(|(_, d)| matches!(d.kind, DocKind::Page(_)))
        .filter_map(|(id, d)| {
            let stem = crate::load::markdown_stem(&d.source.path);
            if !stem.bytes().any(|b| b.is_ascii_digit()) {
                return None;
            }
            let key = unprefixed(stem);
            (key != stem).then_some((key, id))
        })
        .collect();
    if candidates.is_empty() {
        return HashMap::new();
    }
    let exact: std::collections::HashSet<&str> = docs
        .iter()
        .map(|d| crate::load::markdown_stem(&d.source.path))
        .collect();
    let mut out: HashMap<String, DocId> = HashMap::new();
    let mut shared: Vec<String> = Vec::new();
    for (key, id) in candidates {
        if exact.contains(key.as_str()) {
            continue;
        }
        if out.insert(key.clone(), id).is_some() {
            shared.push(key);
        }
    }
    for key in shared {
        out.remove(&key);
    }
    out
}

/// `path` with every folder's and file's number prefix left out, as Docusaurus names
/// pages (`content/1_start/02-setup` → `content/start/setup`).
pub fn unprefixed(path: &str) -> String {
    fn strip(segment: &str) -> &str {
        let digits = segment.len()
            - segment
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .len();
        match segment[digits..].strip_prefix(['_', '-', '.']) {
            Some(name) if digits > 0 && !name.is_empty() => name.trim_start(),
            _ => segment,
        }
    }
    path.split('/').map(strip).collect::<Vec<_>>().join("/")
}

/// The charter whose team folder (see [`team_pages`]) holds the file at `path`
/// (`content/teams/…`), the nearest first. A path is a handful of folders deep, so this
/// is a handful of lookups.
pub fn team_folder_above(team_folders: &BTreeMap<String, DocId>, path: &str) -> Option<DocId> {
    std::iter::successors(Some(folder_of(path)), |f| {
        Some(folder_of(f)).filter(|up| up.len() > "content/teams".len())
    })
    .take_while(|f| f.len() > "content/teams".len())
    .find_map(|f| team_folders.get(f).copied())
}

/// Hugo reads a folder with an `_index.md` as a branch bundle, a section whose page that
/// file is; an `index.md` beside it is then one of the section's pages, published at
/// `index/` (Hugo's `/section/index/`), not a second page of the folder. Set afresh on
/// every link, both ways: `serve` links the same documents again after `_index.md` comes
/// or goes. A `url`, `slug` or `permalink` of the page's own stays.
fn index_md_in_branch_bundles(docs: &mut [crate::model::Doc]) {
    let is = |doc: &crate::model::Doc, name: &str| {
        matches!(doc.kind, DocKind::Page(_)) && doc.source.path.rsplit('/').next() == Some(name)
    };
    let branches: std::collections::HashSet<String> = docs
        .iter()
        .filter(|d| is(d, "_index.md"))
        .map(|d| folder_of(&d.source.path).to_string())
        .collect();
    for doc in docs.iter_mut().filter(|d| is(d, "index.md")) {
        let Some(rel) = doc.source.path.strip_prefix("content/") else {
            continue;
        };
        let in_branch = branches.contains(folder_of(&doc.source.path));
        let dir = &rel[..rel.len() - "index.md".len()];
        let folder_url = crate::text::url_safe_path(&format!("{dir}index.html"));
        let page_url = crate::text::url_safe_path(&format!("{dir}index/index.html"));
        let DocKind::Page(p) = &mut doc.kind else {
            continue;
        };
        if in_branch && p.folder_index {
            p.folder_index = false;
            p.is_home = false;
            if doc.url == folder_url {
                doc.url = page_url;
            }
        } else if !in_branch && !p.folder_index && crate::load::is_folder_index(rel) {
            p.folder_index = true;
            p.is_home = !rel.contains('/');
            if doc.url == page_url {
                doc.url = folder_url;
            }
        }
    }
}

/// The home pages other tools name otherwise: Wiki.js keeps its home page as `home.md` at
/// the top of the wiki, a Dendron vault as `root.md`. Written so (their front matter or
/// title comments say so, `load::home_of_a_tool`), that page is the home page when no
/// `README.md`, `index.md` or `_index.md` is. Set afresh on every link, both ways, as
/// [`index_md_in_branch_bundles`] is.
fn homes_of_other_tools(docs: &mut [crate::model::Doc]) {
    let other_home = docs.iter().any(|d| {
        matches!(&d.kind, DocKind::Page(p) if p.is_home)
            && crate::load::home_of_a_tool(&d.source.path, &d.source.text).is_none()
    });
    // The first one only: a handbook has one home page.
    let mut taken = other_home;
    for doc in docs.iter_mut() {
        let Some(stem) = crate::load::home_of_a_tool(&doc.source.path, &doc.source.text) else {
            continue;
        };
        let DocKind::Page(p) = &mut doc.kind else {
            continue;
        };
        let home = !taken;
        taken = true;
        if p.is_home != home {
            p.is_home = home;
            p.folder_index = home;
            let own = format!("{stem}.html");
            if home && doc.url == own {
                doc.url = "index.html".to_string();
            } else if !home && doc.url == "index.html" {
                doc.url = own;
            }
        }
    }
}

/// Each folder's index page (`_index.md`, then `index.md`, then `README.md`). Two in one
/// folder is an error naming both: they would be the same page.
fn folder_indexes(
    docs: &[crate::model::Doc],
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, DocId> {
    let mut best: BTreeMap<String, (usize, DocId)> = BTreeMap::new();
    let mut clashes: Vec<(DocId, DocId)> = Vec::new();
    for (id, doc) in docs.iter().enumerate() {
        let DocKind::Page(p) = &doc.kind else {
            continue;
        };
        if !p.folder_index {
            continue;
        }
        let name = doc.source.path.rsplit('/').next().unwrap_or("");
        let rank = crate::load::index_rank(name).unwrap_or(usize::MAX);
        let folder = folder_of(&doc.source.path).to_string();
        match best.get(&folder) {
            Some(&(r, other)) if r <= rank => clashes.push((other, id)),
            Some(&(_, other)) => {
                clashes.push((id, other));
                best.insert(folder, (rank, id));
            }
            None => {
                best.insert(folder, (rank, id));
            }
        }
    }
    for (kept, dropped) in clashes {
        let doc = &docs[dropped];
        diags.push(
            Diagnostic::error(
                "duplicate-folder-index",
                &doc.source.path,
                format!(
                    "{} and {} are both the index page of {}/",
                    docs[kept].source.path,
                    doc.source.path,
                    folder_of(&doc.source.path)
                ),
            )
            .with_help(format!(
                "a folder has one index page (_index.md, index.md, README.md, Middleman's index.html.md.erb, or a Jekyll index.html with front matter): merge the two files, or give {} a name of its own, e.g. `git mv {} {}/overview.{}`",
                doc.source.path,
                doc.source.path,
                folder_of(&doc.source.path),
                match crate::load::is_html_page(&doc.source.path) {
                    true => "html",
                    false => "md",
                }
            ))
            .at(&doc.source.text, 0..0),
        );
    }
    let mut indexes: BTreeMap<String, DocId> =
        best.into_iter().map(|(k, (_, id))| (k, id)).collect();
    sibling_folder_pages(docs, &mut indexes);
    indexes
}

/// A page beside a folder of its own name (`Setup.md` beside `Setup/`) is that folder's
/// page when the folder has no index page: an Azure DevOps wiki keeps every page with
/// sub-pages so, and Obsidian's folder notes may. The page keeps its address; it stands for
/// the folder in the navigation, the breadcrumbs and links to the folder.
fn sibling_folder_pages(docs: &[crate::model::Doc], indexes: &mut BTreeMap<String, DocId>) {
    // Every folder that holds a document, at any depth.
    let mut folders: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for doc in docs {
        let mut dir = folder_of(&doc.source.path);
        while dir.len() > "content".len() && folders.insert(dir) {
            dir = folder_of(dir);
        }
    }
    for (id, doc) in docs.iter().enumerate() {
        let DocKind::Page(p) = &doc.kind else {
            continue;
        };
        if p.folder_index {
            continue;
        }
        let path = &doc.source.path;
        let Some(stem) = crate::load::strip_page_extension(path) else {
            continue;
        };
        if folders.contains(stem) && !indexes.contains_key(stem) {
            indexes.insert(stem.to_string(), id);
        }
    }
}

/// The org chart's `parent` edges by position: the charters in slug order (the order of
/// [`Handbook::teams`]) and, for each, the position of the charter its `parent` names (none
/// when it names no other charter). The walks over the chart follow these instead of
/// looking each slug up: a `serve` re-link walks every chain after each front-matter edit.
struct ParentEdges<'a> {
    slugs: Vec<&'a str>,
    ids: Vec<DocId>,
    parent: Vec<Option<usize>>,
}

impl<'a> ParentEdges<'a> {
    fn new(docs: &'a [crate::model::Doc], teams: &'a BTreeMap<String, DocId>) -> Self {
        let slugs: Vec<&str> = teams.keys().map(String::as_str).collect();
        let ids: Vec<DocId> = teams.values().copied().collect();
        let at: HashMap<&str, usize> = slugs.iter().enumerate().map(|(i, s)| (*s, i)).collect();
        let parent = slugs
            .iter()
            .zip(&ids)
            .enumerate()
            .map(|(i, (slug, &id))| {
                let crate::model::TeamRef { value: p, .. } = docs[id].as_team()?.parent.as_ref()?;
                let &j = at.get(p.as_str())?;
                (p != slug && j != i).then_some(j)
            })
            .collect();
        ParentEdges { slugs, ids, parent }
    }
}

/// Finds cycles in `parent` with a colouring walk: O(teams), each cycle reported once,
/// listing its members in order.
fn report_cycles(docs: &[crate::model::Doc], edges: &ParentEdges, diags: &mut Vec<Diagnostic>) {
    const NEW: usize = usize::MAX;
    const DONE: usize = usize::MAX - 1;
    // Per charter: NEW, DONE, or its place on the path being walked.
    let mut state = vec![NEW; edges.slugs.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..edges.slugs.len() {
        path.clear();
        let mut cur = Some(start);
        while let Some(i) = cur {
            if state[i] == DONE {
                break;
            }
            if state[i] != NEW {
                let cycle = &path[state[i]..];
                // Charters are in slug order: the smallest position is the first slug.
                let first = cycle.iter().copied().min().unwrap_or(i);
                let doc = &docs[edges.ids[first]];
                let rot = cycle.iter().position(|&j| j == first).unwrap_or(0);
                let mut names: Vec<&str> = cycle[rot..]
                    .iter()
                    .chain(&cycle[..rot])
                    .map(|&j| edges.slugs[j])
                    .collect();
                names.push(edges.slugs[first]);
                let mut d = Diagnostic::error(
                    "parent-cycle",
                    &doc.source.path,
                    format!("`parent` forms a cycle: {}", names.join(" → ")),
                )
                .with_help("a team's parent chain must end at a team or group without `parent`: remove or change one `parent` in the cycle");
                if let Some(crate::model::TeamRef { span, .. }) =
                    doc.as_team().and_then(|c| c.parent.as_ref())
                {
                    d = point(d, doc, span);
                }
                diags.push(d);
                break;
            }
            state[i] = path.len();
            path.push(i);
            cur = edges.parent[i];
        }
        for &i in &path {
            state[i] = DONE;
        }
    }
}

/// Levels of the org chart below its top that a team may sit at (`org-too-deep`). Real
/// organisations are a handful of levels deep; a chain of thousands (a generated `parent`
/// gone wrong) would make every page that draws the chain (breadcrumbs, the org map) and
/// every rule that walks it cost as much as the chain, and the org map's recursive drawing
/// would run out of stack.
pub const MAX_ORG_DEPTH: usize = 32;

/// Reports each team that `parent` puts more than [`MAX_ORG_DEPTH`] levels deep (the first
/// level past it, so a long chain gives one error, not one per team below). O(teams): each
/// team's depth is worked out once, from its parent's. Teams on or under a cycle are left to
/// [`report_cycles`].
fn report_deep_chains(
    docs: &[crate::model::Doc],
    edges: &ParentEdges,
    diags: &mut Vec<Diagnostic>,
) {
    // Depth from the top (a team without a parent is 1); `ON_PATH` while being worked out,
    // and left so for a team on or under a cycle; `UNKNOWN` before.
    const ON_PATH: usize = usize::MAX;
    const UNKNOWN: usize = usize::MAX - 1;
    let mut depth = vec![UNKNOWN; edges.slugs.len()];
    let mut path: Vec<usize> = Vec::new();
    for start in 0..edges.slugs.len() {
        path.clear();
        let mut cur = Some(start);
        let above = loop {
            let Some(i) = cur else { break 0 };
            if depth[i] != UNKNOWN {
                break depth[i];
            }
            depth[i] = ON_PATH;
            path.push(i);
            cur = edges.parent[i];
        };
        if above == ON_PATH {
            continue;
        }
        for (k, &i) in path.iter().rev().enumerate() {
            let d = above + k + 1;
            depth[i] = d;
            if d != MAX_ORG_DEPTH + 1 {
                continue;
            }
            let doc = &docs[edges.ids[i]];
            let mut diag = Diagnostic::error(
                "org-too-deep",
                &doc.source.path,
                format!(
                    "`parent` puts \"{}\" {d} levels below the top of the org; orgbook draws at most {MAX_ORG_DEPTH}",
                    doc.title()
                ),
            )
            .with_help("a chain this long is usually a `parent` that names the wrong charter: check the parents above this team, or flatten the hierarchy");
            if let Some(crate::model::TeamRef { span, .. }) =
                doc.as_team().and_then(|c| c.parent.as_ref())
            {
                diag = point(diag, doc, span);
            }
            diags.push(diag);
        }
    }
}

/// Decisions that are superseded by an accepted decision but not marked `superseded`:
/// used by the health page; kept here because it reads the supersedes graph.
pub fn unmarked_superseded(handbook: &Handbook) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    for (&old, newer) in &handbook.superseded_by {
        let Some((_, d)) = handbook.decision(old) else {
            continue;
        };
        if d.status == Status::Superseded {
            continue;
        }
        for &n in newer {
            if handbook
                .decision(n)
                .is_some_and(|(_, nd)| nd.status == Status::Accepted)
            {
                out.push((old, n));
            }
        }
    }
    out
}

/// mdBook's or GitBook's `SUMMARY.md` (at the top of `content/`, [`summary`]) is the
/// table of contents: pages it links to get their position in it as `summary_weight`,
/// which orders them unless they set a `weight`. Without one, another generator's
/// navigation (MkDocs's `nav:`, Azure DevOps `.order` files, Nextra's `_meta` files…:
/// `nav_order`, `load::nav_order`) does the same, and names and hides the pages it says to
/// where their front matter does not. Every page's place is set afresh (`serve` links the
/// same documents again after an edit of `SUMMARY.md`).
fn summary_order(
    docs: &mut [crate::model::Doc],
    summary: Option<&summary::Summary>,
    nav_order: &crate::load::NavOrder,
    diags: &mut Vec<Diagnostic>,
) {
    for doc in docs.iter_mut() {
        if let DocKind::Page(p) = &mut doc.kind {
            // A Retype project's `order` places its page before any navigation file does.
            p.summary_weight = match nav_order.retype {
                true => p.retype_order.map(crate::load::retype::weight),
                false => None,
            };
        }
    }
    let with_uids;
    let nav_order = if nav_order.uid_entries.is_empty() {
        nav_order
    } else {
        with_uids = uid_entries_resolved(docs, nav_order, diags);
        &with_uids
    };
    let order: Vec<&String> = match summary {
        Some(summary) => summary.targets.iter().map(|(t, _)| t).collect(),
        None => nav_order.pages.iter().collect(),
    };
    // (A Retype project hides folders with no navigation file to order them.)
    if summary.is_none() {
        named_and_hidden(docs, nav_order);
    }
    if order.is_empty() {
        return;
    }
    let by_path: HashMap<String, DocId> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.source.path.clone(), i))
        .collect();
    for (position, target) in (1..).zip(order) {
        if let Some(&id) = by_path.get(target)
            && let DocKind::Page(p) = &mut docs[id].kind
            && p.summary_weight.is_none()
        {
            p.summary_weight = Some(position);
        }
    }
}

/// `nav` with its DocFX entries by uid (`load::docfx_toc::UID_ENTRY`) made the paths of
/// the pages with those uids (the first by path, as `xref:` links find them); an entry
/// whose uid no page has is left out, and its warning given. Done here, not where the
/// `toc.yml` is read, because uids are front matter, and `serve` links again when that
/// changes.
fn uid_entries_resolved(
    docs: &[crate::model::Doc],
    nav: &crate::load::NavOrder,
    diags: &mut Vec<Diagnostic>,
) -> crate::load::NavOrder {
    let mut paths: HashMap<String, &str> = HashMap::new();
    for doc in docs {
        if let DocKind::Page(p) = &doc.kind
            && let Some(uid) = &p.uid
        {
            paths
                .entry(format!(
                    "{}{}",
                    crate::load::docfx_toc::UID_ENTRY,
                    uid.value.trim()
                ))
                .or_insert(&doc.source.path);
        }
    }
    for (entry, warning) in &nav.uid_entries {
        if !paths.contains_key(entry) {
            diags.push(warning.clone());
        }
    }
    let mut out = nav.clone();
    out.uid_entries.clear();
    out.pages = nav
        .pages
        .iter()
        .filter_map(|page| {
            if page.starts_with(crate::load::docfx_toc::UID_ENTRY) {
                paths.get(page).map(|p| p.to_string())
            } else {
                Some(page.clone())
            }
        })
        .collect();
    out.labels = nav
        .labels
        .iter()
        .filter_map(|(page, label)| {
            let page = if page.starts_with(crate::load::docfx_toc::UID_ENTRY) {
                paths.get(page)?.to_string()
            } else {
                page.clone()
            };
            Some((page, label.clone()))
        })
        .collect();
    out
}

/// DocFX's sections whose `toc.yml` names its pages only by uid
/// (`load::NavOrder::uid_sections`): the folder that holds their pages takes the name the
/// parent table of contents gives the section, where nothing else names it.
fn uid_sections_named(
    docs: &[crate::model::Doc],
    nav: &crate::load::NavOrder,
    settings: &mut BTreeMap<String, crate::load::category::FolderSettings>,
) {
    if nav.uid_sections.is_empty() {
        return;
    }
    let mut paths: HashMap<&str, &str> = HashMap::new();
    for doc in docs {
        if let DocKind::Page(p) = &doc.kind
            && let Some(uid) = &p.uid
        {
            paths.entry(uid.value.trim()).or_insert(&doc.source.path);
        }
    }
    for (entries, title) in &nav.uid_sections {
        let pages: Vec<String> = entries
            .iter()
            .filter_map(|e| {
                let uid = e.strip_prefix(crate::load::docfx_toc::UID_ENTRY)?;
                paths.get(uid).map(|p| p.to_string())
            })
            .collect();
        let Some(folder) = crate::load::mkdocs_nav::common_folder(&pages) else {
            continue;
        };
        if folder != crate::load::CONTENT_DIR {
            let entry = settings.entry(folder.to_string()).or_default();
            entry.label.get_or_insert_with(|| title.clone());
        }
    }
}

/// The navigation's labels and hidden pages and folders, on the pages whose front matter
/// says nothing of them.
fn named_and_hidden(docs: &mut [crate::model::Doc], nav: &crate::load::NavOrder) {
    if nav.labels.is_empty() && nav.hidden.is_empty() {
        return;
    }
    for doc in docs.iter_mut() {
        let DocKind::Page(p) = &mut doc.kind else {
            continue;
        };
        let path = &doc.source.path;
        if p.nav_label.is_none()
            && let Some(label) = nav.labels.get(path)
        {
            p.nav_label = Some(label.clone());
        }
        if !nav.hidden.is_empty() {
            let mut at = path.as_str();
            loop {
                if nav.hidden.contains(at) {
                    p.nav_hidden = true;
                    break;
                }
                match at.rsplit_once('/') {
                    Some((parent, _)) => at = parent,
                    None => break,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Loaded, parse_doc};

    fn loaded(files: &[(&str, &str)]) -> Loaded {
        let mut d = Vec::new();
        let docs = files
            .iter()
            .filter_map(|(rel, t)| parse_doc(format!("content/{rel}"), rel, t.to_string(), &mut d))
            .collect();
        assert!(d.is_empty(), "{d:?}");
        Loaded {
            docs,
            assets: vec!["old/page.html".into()],
            unparsed: Vec::new(),
            drafts: Vec::new(),
            folder_settings: Default::default(),
            nav_order: Default::default(),
            static_files: Default::default(),
            code_owners: None,
            root: None,
            redirect_files: Vec::new(),
        }
    }

    /// A group charter `teams/{slug}.md` with the given front matter lines.
    fn group(slug: &str, extra: &str) -> (String, String) {
        (
            format!("teams/{slug}.md"),
            format!("+++\nname = \"{slug}\"\nkind = \"group\"\n{extra}\n+++\nA group.\n"),
        )
    }

    fn resolve_teams(files: &[(String, String)]) -> (Handbook, Vec<Diagnostic>) {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(p, t)| (p.as_str(), t.as_str()))
            .collect();
        let mut diags = Vec::new();
        let hb = resolve(Config::default(), loaded(&files), &mut diags);
        (hb, diags)
    }

    /// A decision `decisions/000{n}-d.md` of team `pay`, with the given front matter lines.
    fn decision(n: u32, extra: &str) -> (String, String) {
        (
            format!("decisions/{n:04}-d.md"),
            format!(
                "+++\ntitle = \"D{n}\"\ntype = 2\ndate = 2026-01-01\nteam = \"pay\"\n{extra}\n+++\n"
            ),
        )
    }

    #[test]
    fn a_superseded_by_status_is_the_newer_decisions_supersedes_once() {
        let (hb, diags) = resolve_teams(&[
            group("pay", ""),
            decision(1, "status = \"superseded by ADR-0003\""),
            decision(2, "status = \"Superseded by 3\""),
            decision(
                3,
                "status = \"accepted\"\ndecided = 2026-01-02\nsupersedes = [2]",
            ),
            decision(4, "status = \"superseded by ADR-0009\""),
        ]);
        assert_eq!(hb.superseded_by[&1], [3]);
        assert_eq!(hb.superseded_by[&2], [3]);
        let (_, three) = hb.decision(3).unwrap();
        assert_eq!(hb.supersedes(three).collect::<Vec<_>>(), [2, 1]);
        let missing: Vec<_> = diags
            .iter()
            .map(|d| (d.code, d.file.as_str(), d.line, d.column))
            .collect();
        assert_eq!(
            missing,
            // At the reference, inside the quoted status.
            [("unknown-decision", "content/decisions/0004-d.md", 6, 25)]
        );
    }

    #[test]
    fn a_status_naming_two_newer_decisions_is_superseded_by_both() {
        let (hb, diags) = resolve_teams(&[
            group("pay", ""),
            decision(
                1,
                "status = \"superseded by ADR-0003, ADR-0002 and ADR-0009\"",
            ),
            decision(2, "status = \"accepted\"\ndecided = 2026-01-02"),
            decision(
                3,
                "status = \"accepted\"\ndecided = 2026-01-02\nsupersedes = [1]",
            ),
        ]);
        // Sorted, and 3 (which lists 1 too) once.
        assert_eq!(hb.superseded_by[&1], [2, 3]);
        let (_, two) = hb.decision(2).unwrap();
        assert_eq!(hb.supersedes(two).collect::<Vec<_>>(), [1]);
        let missing: Vec<_> = diags.iter().map(|d| (d.code, d.line, d.column)).collect();
        assert_eq!(missing, [("unknown-decision", 6, 48)]);
    }

    #[test]
    fn a_cycle_through_statuses_is_reported_at_a_status() {
        let (_, diags) = resolve_teams(&[
            group("pay", ""),
            decision(1, "status = \"superseded by ADR-0002\""),
            decision(2, "status = \"superseded by ADR-0001\""),
        ]);
        let cycles: Vec<_> = diags
            .iter()
            .filter(|d| d.code == "supersedes-cycle")
            .map(|d| (d.file.as_str(), d.line, d.message.as_str()))
            .collect();
        assert_eq!(
            cycles,
            [(
                "content/decisions/0002-d.md",
                6,
                "decisions supersede each other in a cycle: 1 → 2 → 1"
            )]
        );
    }

    #[test]
    fn each_parent_cycle_is_reported_once_from_its_first_slug() {
        // eng → ops → web → eng, entered from `api` below it; and a two-team cycle apart.
        let (_, diags) = resolve_teams(&[
            group("api", "parent = \"ops\""),
            group("web", "parent = \"eng\""),
            group("ops", "parent = \"web\""),
            group("eng", "parent = \"ops\""),
            group("zed", "parent = \"yak\""),
            group("yak", "parent = \"zed\""),
            group("top", ""),
            group("mid", "parent = \"top\""),
        ]);
        let cycles: Vec<(&str, &str)> = diags
            .iter()
            .filter(|d| d.code == "parent-cycle")
            .map(|d| (d.file.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            cycles,
            [
                (
                    "content/teams/eng.md",
                    "`parent` forms a cycle: eng → ops → web → eng"
                ),
                (
                    "content/teams/yak.md",
                    "`parent` forms a cycle: yak → zed → yak"
                ),
            ]
        );
        assert!(!diags.iter().any(|d| d.code == "org-too-deep"), "{diags:?}");
    }

    #[test]
    fn a_chain_deeper_than_the_limit_is_reported_once_at_its_first_level_past_it() {
        let n = MAX_ORG_DEPTH + 3;
        // Slugs whose order is not the chain's, so the walk starts in the middle of it.
        let files: Vec<(String, String)> = (0..n)
            .map(|i| {
                let parent = if i == 0 {
                    String::new()
                } else {
                    format!("parent = \"t{:03}\"", (i - 1) * 7 % 101)
                };
                group(&format!("t{:03}", i * 7 % 101), &parent)
            })
            .collect();
        let (_, diags) = resolve_teams(&files);
        let deep: Vec<&str> = diags
            .iter()
            .filter(|d| d.code == "org-too-deep")
            .map(|d| d.file.as_str())
            .collect();
        // The first charter past the limit: the chain's top is at depth 1.
        let level = MAX_ORG_DEPTH;
        assert_eq!(deep, [format!("content/teams/t{:03}.md", level * 7 % 101)]);
        assert!(!diags.iter().any(|d| d.code == "parent-cycle"), "{diags:?}");
    }

    #[test]
    fn ownership_is_listed_by_item_case_blind_even_with_spaces_around_an_item() {
        let (hb, diags) = resolve_teams(&[
            group("a", "owns = [\"beta\", \"Gamma\"]"),
            group("b", "owns = [\"Alpha\"]"),
        ]);
        assert!(diags.iter().all(|d| !d.is_error()), "{diags:?}");
        let items: Vec<&str> = hb.ownership.iter().map(|(i, _)| i.as_str()).collect();
        assert_eq!(items, ["Alpha", "beta", "Gamma"]);
        // A leading space sorts first, as it does in the item's own text.
        let (hb, _) = resolve_teams(&[
            group("a", "owns = [\"beta\", \" zeta\"]"),
            group("b", "owns = [\"Alpha\"]"),
        ]);
        let listed: Vec<(&str, &str)> = hb
            .ownership
            .iter()
            .map(|(i, s)| (i.as_str(), s.as_str()))
            .collect();
        assert_eq!(listed, [(" zeta", "a"), ("Alpha", "b"), ("beta", "a")]);
    }

    #[test]
    fn drafts_are_left_out_whoever_loaded_them() {
        let hb = resolve(
            Config::default(),
            loaded(&[("a.md", "# A\n"), ("b.md", "---\ndraft: true\n---\n# B\n")]),
            &mut Vec::new(),
        );
        assert_eq!(hb.docs.len(), 1);
        assert!(hb.drafts.contains("content/b.md"));
    }

    #[test]
    fn redirects_and_their_collisions() {
        let mut diags = Vec::new();
        let hb = resolve(
            Config::default(),
            loaded(&[
                (
                    "a.md",
                    "---\naliases: [/old/a/, /b.html, /search.html, /old/page.html, \"https://x.example/y\"]\n---\n",
                ),
                ("b.md", "---\nredirect_from: /old/a/\n---\n"),
            ]),
            &mut diags,
        );
        assert_eq!(
            hb.redirects.keys().collect::<Vec<_>>(),
            ["old/a/index.html"]
        );
        let got: Vec<(&str, String)> = diags.iter().map(|d| (d.code, d.message.clone())).collect();
        assert_eq!(got.len(), 5, "{got:?}");
        assert!(
            got.iter().any(|(c, m)| *c == "redirect-collision"
                && m.contains("which content/b.md already takes"))
        );
        assert!(got.iter().any(|(c, m)| *c == "redirect-collision" && m.contains("orgbook's own search.html")));
        assert!(
            got.iter()
                .any(|(c, m)| *c == "redirect-collision" && m.contains("content/old/page.html"))
        );
        assert!(
            got.iter()
                .any(|(c, m)| *c == "redirect-collision"
                    && m.contains("the redirect in content/a.md"))
        );
        assert!(got.iter().any(|(c, _)| *c == "ignored-alias"));
    }

    #[test]
    fn summary_md_orders_pages_it_lists() {
        let hb = resolve(
            Config::default(),
            loaded(&[
                (
                    "SUMMARY.md",
                    "* [Z](z.md)\n* [A](./a.md)\n* [Guide](guide/)\n* [Q](q%20a.md)\n",
                ),
                ("a.md", "# A\n"),
                ("q a.md", "# Q\n"),
                ("guide/README.md", "# G\n"),
                ("z.md", "+++\n+++\n# Z\n"),
            ]),
            &mut Vec::new(),
        );
        let weight = |p: &str| match &hb.docs[hb.by_path[p]].kind {
            DocKind::Page(m) => m.nav_weight(),
            _ => None,
        };
        assert_eq!(weight("content/z.md"), Some(1));
        assert_eq!(weight("content/a.md"), Some(2));
        assert_eq!(weight("content/guide/README.md"), Some(3));
        assert_eq!(weight("content/q a.md"), Some(4));
    }

    #[test]
    fn page_tags_and_keywords_are_searchable() {
        let hb = resolve(
            Config::default(),
            loaded(&[(
                "a.md",
                "---\ntags: onboarding\nkeywords: [laptop, vpn]\n---\n# A\n",
            )]),
            &mut Vec::new(),
        );
        let rendered: Vec<_> = (0..hb.docs.len())
            .map(|id| crate::markdown::render(&hb, id, &mut Vec::new()))
            .collect();
        let docs = crate::render::search_docs(&hb, &rendered);
        let typed: Vec<&str> = docs[0]
            .fields
            .iter()
            .filter(|(f, _)| *f == crate::search::Field::Typed)
            .map(|(_, t)| t.as_ref())
            .collect();
        assert_eq!(typed, ["onboarding\nlaptop\nvpn"]);
    }

    #[test]
    fn broken_link_hints_look_nearby_and_by_name() {
        let docs: Vec<String> = [
            "content/a/setup.md",
            "content/a/other.md",
            "content/b/setup.md",
            "content/c/x.md",
        ]
        .map(String::from)
        .to_vec();
        let near = NearIndex::new(&docs, &["content/a/img.png".into()]);
        // Same folder, and files named `setup` anywhere; not the unrelated folder.
        assert_eq!(
            near.candidates("content/a/setpu.md"),
            [
                "content/a/img.png",
                "content/a/other.md",
                "content/a/setup.md"
            ]
        );
        assert_eq!(
            near.candidates("content/zz/setup"),
            ["content/a/setup.md", "content/b/setup.md"]
        );
        assert_eq!(
            near.nearest("content/a/setpu.md"),
            Some("content/a/setup.md")
        );
        // A long shared folder is not a likeness: `docs/` is not `SECURITY.md`'s typo.
        let deep = NearIndex::new(
            &["content/vendor/node_modules/node-gyp/SECURITY.md".to_string()],
            &[],
        );
        assert_eq!(
            deep.nearest("content/vendor/node_modules/node-gyp/docs/"),
            None
        );
        assert_eq!(
            deep.nearest("content/vendor/node_modules/node-gyp/SECURTY.md"),
            Some("content/vendor/node_modules/node-gyp/SECURITY.md")
        );
    }

    /// Hints found in a real Jekyll and a real GitBook handbook: a page named once in the
    /// handbook is offered for a link by its name alone, and the home page's README is not
    /// offered for another folder's README.
    #[test]
    fn broken_link_hints_by_unique_name_and_not_the_home_page() {
        let docs: Vec<String> = [
            "content/README.md",
            "content/about-us/org-chart.md",
            "content/company/values.md",
            "content/company/how-to-guides/README.md",
            "content/offices/setup.md",
            "content/people/setup.md",
        ]
        .map(String::from)
        .to_vec();
        let near = NearIndex::new(&docs, &[]);
        assert_eq!(
            near.same_name("content/org-chart"),
            Some("content/about-us/org-chart.md")
        );
        assert_eq!(near.same_name("content/setup/"), None, "two pages named so");
        assert_eq!(near.same_name("content/guides/README.md"), None);
        assert_ne!(
            near.nearest("content/company/guides/README.md"),
            Some("content/README.md")
        );
    }

    /// Seen in a real handbook of `index.md` folders: a link to a folder's missing index
    /// was offered the home page (every `…/index.md` ends with its name) or a sibling
    /// folder's index; only a folder whose name is near is offered.
    #[test]
    fn a_missing_index_is_offered_only_a_near_folders_index() {
        let docs: Vec<String> = [
            "content/index.md",
            "content/sec/team/index.md",
            "content/sec/tools/index.md",
            "content/sec/tools/scanner.md",
        ]
        .map(String::from)
        .to_vec();
        let near = NearIndex::new(&docs, &[]);
        for missing in [
            "content/sec/team/tooling/index.md",
            "content/sec/nope/index.md",
        ] {
            assert_eq!(near.nearest(missing), None, "{missing}");
            assert_eq!(near.moved(missing, "content/sec/team"), None, "{missing}");
        }
        assert_eq!(
            near.nearest("content/sec/tool/index.md"),
            Some("content/sec/tools/index.md")
        );
    }
}
