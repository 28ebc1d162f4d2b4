//! Render stage: the linked [`Handbook`] and its rendered Markdown → every output file, in
//! memory. Pages are independent of each other and rendered in parallel against one
//! compiled template set; nothing in a page's context grows with the size of the handbook
//! except the index pages whose job is to list.

mod context;
mod feeds;
mod insight;
mod org;
mod search_docs;
pub mod theme;

pub use org::escape_html;
pub use search_docs::{search_docs, search_files};

use crate::diagnostic::Diagnostic;
use crate::link;
use crate::markdown::{Rendered, root_prefix};
use crate::model::{Charter, Decision, Doc, DocId, DocKind, Handbook, Status, TeamKind};
use context::*;
use rayon::prelude::*;
use std::collections::BTreeMap;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output root, `/`-separated.
    pub path: String,
    pub contents: FileContents,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileContents {
    Bytes(Vec<u8>),
    /// Copied from disk as-is (assets, static files).
    Copy(std::path::PathBuf),
    Static(&'static [u8]),
}

/// Options that change what is rendered (not where it goes).
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Inject the live-reload script (dev server only; never in `build` output).
    pub live_reload: bool,
}

pub struct Renderer<'a> {
    pub handbook: &'a Handbook,
    pub rendered: &'a [Rendered],
    pub backlinks: &'a [Vec<DocId>],
    pub tera: &'a tera::Tera,
    pub health: &'a crate::health::Health,
    pub options: RenderOptions,
}

fn date(d: jiff::civil::Date) -> String {
    d.to_string()
}

impl<'a> Renderer<'a> {
    fn base(
        &self,
        url: &str,
        title: String,
        description: Option<String>,
        section: &'static str,
    ) -> Base<'a> {
        let config = &self.handbook.config;
        Base {
            site: SiteInfo {
                title: &config.title,
                base_url: config.base_url.as_deref(),
                generator: concat!("orgbook ", env!("CARGO_PKG_VERSION")),
                has_teams: !self.handbook.teams.is_empty(),
                has_decisions: !self.handbook.decisions.is_empty(),
                search_placeholder: search_placeholder(
                    !self.handbook.teams.is_empty(),
                    !self.handbook.decisions.is_empty(),
                ),
            },
            root: root_prefix(url),
            url: url.to_string(),
            title,
            description,
            section,
            live_reload: self.options.live_reload,
        }
    }

    fn render<T: serde::Serialize>(
        &self,
        template: &str,
        path: &str,
        ctx: &T,
    ) -> Result<OutputFile, Diagnostic> {
        let context =
            tera::Context::from_serialize(ctx).map_err(|e| template_error(template, path, &e))?;
        let html = self
            .tera
            .render(template, &context)
            .map_err(|e| template_error(template, path, &e))?;
        Ok(OutputFile {
            path: path.to_string(),
            contents: FileContents::Bytes(html.into_bytes()),
        })
    }

    fn link_to(&self, id: DocId) -> Link {
        let doc = &self.handbook.docs[id];
        Link {
            title: doc.title().to_string(),
            url: doc.url.clone(),
        }
    }

    fn backlinks(&self, id: DocId) -> Vec<Link> {
        self.backlinks[id]
            .iter()
            .map(|&b| self.link_to(b))
            .collect()
    }

    fn body(&self, id: DocId) -> Body<'a> {
        let r = &self.rendered[id];
        Body {
            html: &r.html,
            has_h1: r.leading_h1.is_some(),
            headings: r
                .headings
                .iter()
                .filter(|h| h.level == 2 || h.level == 3)
                .cloned()
                .collect(),
        }
    }

    pub fn team_summary(&self, c: &Charter, depth: usize) -> TeamSummary {
        let primary_metric = c.metrics.first().map(|m| match (&m.current, &m.target) {
            (Some(cur), Some(t)) => format!("{}: {cur} → {t}", m.name),
            (None, Some(t)) => format!("{}: → {t}", m.name),
            (Some(cur), None) => format!("{}: {cur}", m.name),
            (None, None) => m.name.clone(),
        });
        TeamSummary {
            slug: c.slug.clone(),
            name: c.name.clone(),
            kind: match c.kind {
                TeamKind::Team => "team",
                TeamKind::Group => "group",
            },
            url: format!("teams/{}.html", c.slug),
            problem: c.problem.clone(),
            lead: c.lead.clone(),
            size: c.members.len(),
            primary_metric,
            depth,
        }
    }

    pub fn decision_summary(&self, d: &Decision, doc: &Doc) -> DecisionSummary {
        DecisionSummary {
            number: d.number,
            id: format!("{:04}", d.number),
            title: d.title.clone(),
            url: doc.url.clone(),
            status: d.status.as_str(),
            decision_type: d.decision_type,
            date: date(d.date),
            decided: d.decided.map(date),
            team: self.handbook.team(&d.team.0).map(|(doc, c)| Link {
                title: c.name.clone(),
                url: doc.url.clone(),
            }),
        }
    }

    fn decision_summary_of(&self, number: u32) -> Option<DecisionSummary> {
        let (doc, d) = self.handbook.decision(number)?;
        Some(self.decision_summary(d, doc))
    }

    fn team_page(&self, id: DocId, c: &Charter) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let doc = &hb.docs[id];
        let ancestors: Vec<Link> = hb
            .ancestors(&c.slug)
            .into_iter()
            .filter_map(|s| {
                hb.team(s).map(|(d, c)| Link {
                    title: c.name.clone(),
                    url: d.url.clone(),
                })
            })
            .collect();
        let children = hb
            .children
            .get(&c.slug)
            .map(|kids| {
                kids.iter()
                    .filter_map(|s| hb.team(s))
                    .map(|(_, k)| self.team_summary(k, 0))
                    .collect()
            })
            .unwrap_or_default();
        let decisions = hb
            .team_decisions
            .get(&c.slug)
            .map(|nums| {
                nums.iter()
                    .rev()
                    .filter_map(|&n| self.decision_summary_of(n))
                    .collect()
            })
            .unwrap_or_default();
        let contact = c
            .contact
            .iter()
            .map(|(k, v)| ContactEntry {
                key: k.clone(),
                value: v.clone(),
                href: if v.contains('@') && !v.contains(' ') && !v.starts_with('@') {
                    Some(format!("mailto:{v}"))
                } else if v.starts_with("https://") || v.starts_with("http://") {
                    Some(v.clone())
                } else {
                    None
                },
            })
            .collect();
        let team = TeamDetail {
            summary: self.team_summary(c, ancestors.len()),
            metrics: c.metrics.clone(),
            owns: c.owns.iter().map(|(o, _)| o.clone()).collect(),
            members: c.members.clone(),
            contact,
            reviewed: c.reviewed.map(date),
            parent: ancestors.last().cloned(),
            ancestors,
            children,
            decisions,
            source: doc.source.path.clone(),
            neighbourhood_svg: Some(self.neighbourhood(c)),
            insight: self.team_insight(c),
        };
        let ctx = TeamPage {
            base: self.base(&doc.url, c.name.clone(), c.problem.clone(), "teams"),
            team,
            body: self.body(id),
            backlinks: self.backlinks(id),
        };
        self.render("team.html", &doc.url, &ctx)
    }

    fn decision_page(&self, id: DocId, d: &Decision) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let doc = &hb.docs[id];
        let supersedes = d
            .supersedes
            .iter()
            .filter_map(|(n, _)| self.decision_summary_of(*n))
            .collect();
        let superseded_by = hb
            .superseded_by
            .get(&d.number)
            .map(|v| {
                v.iter()
                    .filter_map(|&n| self.decision_summary_of(n))
                    .collect()
            })
            .unwrap_or_default();
        let detail = DecisionDetail {
            summary: self.decision_summary(d, doc),
            type_label: d.decision_type.label(),
            deciders: d.deciders.clone(),
            tags: d.tags.clone(),
            revisit: d.revisit.map(date),
            supersedes,
            superseded_by,
            source: doc.source.path.clone(),
            decider_links: d.deciders.iter().map(|n| insight::person_link(n)).collect(),
        };
        let title = format!("ADR {}: {}", d.number, d.title);
        let ctx = DecisionPage {
            base: self.base(&doc.url, title, None, "decisions"),
            decision: detail,
            body: self.body(id),
            backlinks: self.backlinks(id),
        };
        self.render("decision.html", &doc.url, &ctx)
    }

    /// Folder `_index.md` pages above this page, for breadcrumbs.
    fn breadcrumbs(&self, doc: &Doc) -> Vec<Link> {
        let hb = self.handbook;
        let mut crumbs = Vec::new();
        let path = doc.source.path.trim_start_matches("content/");
        let mut prefix = String::from("content");
        let parts: Vec<&str> = path.split('/').collect();
        for part in &parts[..parts.len().saturating_sub(1)] {
            prefix.push('/');
            prefix.push_str(part);
            if let Some(&id) = hb.folder_index.get(&prefix)
                && hb.docs[id].url != doc.url
            {
                crumbs.push(self.link_to(id));
            }
        }
        crumbs
    }

    fn page_page(&self, id: DocId) -> Result<OutputFile, Diagnostic> {
        let doc = &self.handbook.docs[id];
        let DocKind::Page(meta) = &doc.kind else {
            unreachable!("page_page on a page")
        };
        let ctx = PagePage {
            base: self.base(
                &doc.url,
                meta.title.clone(),
                meta.description.clone(),
                "handbook",
            ),
            page: PageDetail {
                title: meta.title.clone(),
                description: meta.description.clone(),
                breadcrumbs: self.breadcrumbs(doc),
                source: doc.source.path.clone(),
                extra: meta.extra.clone(),
            },
            body: self.body(id),
            backlinks: self.backlinks(id),
        };
        self.render("page.html", &doc.url, &ctx)
    }

    /// All charters in hierarchy order: roots by name, each followed by its subtree.
    pub fn hierarchy(&self) -> Vec<TeamSummary> {
        let hb = self.handbook;
        let mut out = Vec::with_capacity(hb.teams.len());
        let mut stack: Vec<(&str, usize)> = hb.roots().into_iter().rev().map(|s| (s, 0)).collect();
        while let Some((slug, depth)) = stack.pop() {
            let Some((_, c)) = hb.team(slug) else {
                continue;
            };
            out.push(self.team_summary(c, depth));
            if let Some(kids) = hb.children.get(slug) {
                stack.extend(kids.iter().rev().map(|k| (k.as_str(), depth + 1)));
            }
        }
        out
    }

    fn all_decisions_newest_first(&self) -> Vec<DecisionSummary> {
        self.handbook
            .decisions
            .keys()
            .rev()
            .filter_map(|&n| self.decision_summary_of(n))
            .collect()
    }

    /// Handbook pages (not the home page) in navigation order: by folder, then weight,
    /// then title.
    fn page_entries(&self) -> Vec<PageEntry> {
        let hb = self.handbook;
        // Per folder level: (weight, name, url); compared lexicographically.
        type NavKey = Vec<(i64, String, String)>;
        let mut pages: Vec<(NavKey, &Doc)> = hb
            .docs
            .iter()
            .filter_map(|d| match &d.kind {
                DocKind::Page(p) if !p.is_home => Some((d, p)),
                _ => None,
            })
            .map(|(d, p)| {
                // Sort key: each folder contributes (weight of its _index, its name); the page
                // itself comes first in its folder when it is the folder's _index.
                let rel = d.source.path.trim_start_matches("content/");
                let parts: Vec<&str> = rel.split('/').collect();
                let mut key = Vec::new();
                let mut prefix = String::from("content");
                for part in &parts[..parts.len() - 1] {
                    prefix.push('/');
                    prefix.push_str(part);
                    let w = hb
                        .folder_index
                        .get(&prefix)
                        .and_then(|&id| match &hb.docs[id].kind {
                            DocKind::Page(m) => m.weight,
                            _ => None,
                        })
                        .unwrap_or(i64::MAX / 2);
                    key.push((w, part.to_lowercase(), String::new()));
                }
                if p.folder_index {
                    key.push((i64::MIN, String::new(), String::new()));
                } else {
                    key.push((
                        p.weight.unwrap_or(i64::MAX / 2),
                        p.title.to_lowercase(),
                        d.url.clone(),
                    ));
                }
                (key, d)
            })
            .collect();
        pages.sort_by(|a, b| a.0.cmp(&b.0));
        pages
            .into_iter()
            .map(|(_, d)| {
                let rel = d.source.path.trim_start_matches("content/");
                let mut depth = rel.matches('/').count();
                let DocKind::Page(p) = &d.kind else {
                    unreachable!()
                };
                if p.folder_index {
                    depth = depth.saturating_sub(1);
                }
                PageEntry {
                    title: p.title.clone(),
                    url: d.url.clone(),
                    description: p.description.clone(),
                    depth,
                }
            })
            .collect()
    }

    fn home(&self, page_entries: &[PageEntry]) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let home_id = hb
            .docs
            .iter()
            .position(|d| matches!(&d.kind, DocKind::Page(p) if p.is_home));
        let mut stats = Stats::default();
        let mut people = std::collections::BTreeSet::new();
        for (_, c) in hb.teams.keys().filter_map(|s| hb.team(s)) {
            match c.kind {
                TeamKind::Group => stats.groups += 1,
                TeamKind::Team => stats.teams += 1,
            }
            people.extend(c.members.iter().map(String::as_str));
            people.extend(c.lead.as_deref());
        }
        stats.people = people.len();
        for (_, d) in hb.decisions.keys().filter_map(|&n| hb.decision(n)) {
            stats.decisions += 1;
            match d.status {
                Status::Proposed => stats.proposed += 1,
                Status::Accepted => stats.accepted += 1,
                _ => {}
            }
        }
        stats.pages = hb
            .docs
            .iter()
            .filter(|d| matches!(&d.kind, DocKind::Page(p) if !p.is_home))
            .count();
        let mut recent: Vec<(&Doc, &Decision)> = hb
            .decisions
            .keys()
            .filter_map(|&n| hb.decision(n))
            .collect();
        recent.sort_by(|a, b| {
            (b.1.decided.unwrap_or(b.1.date), b.1.number)
                .cmp(&(a.1.decided.unwrap_or(a.1.date), a.1.number))
        });
        let recent_decisions = recent
            .into_iter()
            .take(8)
            .map(|(doc, d)| self.decision_summary(d, doc))
            .collect();
        let groups = hb
            .roots()
            .into_iter()
            .filter_map(|s| hb.team(s))
            .map(|(_, c)| self.team_summary(c, 0))
            .collect();
        let pages = page_entries
            .iter()
            .filter(|p| p.depth == 0)
            .take(12)
            .map(|p| Link {
                title: p.title.clone(),
                url: p.url.clone(),
            })
            .collect();
        let title = home_id
            .and_then(|id| match &hb.docs[id].kind {
                DocKind::Page(p) if p.title_from_front_matter || !p.title.is_empty() => {
                    Some(p.title.clone())
                }
                _ => None,
            })
            .unwrap_or_else(|| hb.config.title.clone());
        let description = home_id.and_then(|id| match &hb.docs[id].kind {
            DocKind::Page(p) => p.description.clone(),
            _ => None,
        });
        let health = HealthSummary {
            findings: self.health.findings.len(),
            median_latency_days: self.health.velocity.overall.map(|l| l.median_days),
            decisions_this_quarter: self.health.decisions_this_quarter,
        };
        let ctx = HomePage {
            base: self.base("index.html", title, description, "home"),
            health,
            body: home_id.map(|id| self.body(id)),
            stats,
            recent_decisions,
            groups,
            pages,
        };
        self.render("home.html", "index.html", &ctx)
    }

    fn teams_index(&self) -> Result<OutputFile, Diagnostic> {
        let ctx = TeamsIndex {
            base: self.base("teams/index.html", "Teams".into(), None, "teams"),
            teams: self.hierarchy(),
        };
        self.render("teams.html", "teams/index.html", &ctx)
    }

    fn decisions_index(&self) -> Result<OutputFile, Diagnostic> {
        let decisions = self.all_decisions_newest_first();
        let counts = Status::ALL
            .iter()
            .map(|(name, s)| {
                let n = self
                    .handbook
                    .decisions
                    .keys()
                    .filter_map(|&k| self.handbook.decision(k))
                    .filter(|(_, d)| d.status == *s)
                    .count();
                (*name, n)
            })
            .collect();
        let ctx = DecisionsIndex {
            base: self.base(
                "decisions/index.html",
                "Decisions".into(),
                None,
                "decisions",
            ),
            decisions,
            counts,
        };
        self.render("decisions.html", "decisions/index.html", &ctx)
    }

    fn handbook_index(&self, page_entries: &[PageEntry]) -> Result<OutputFile, Diagnostic> {
        let ctx = HandbookIndex {
            base: self.base("handbook.html", "Handbook".into(), None, "handbook"),
            pages: page_entries,
        };
        self.render("handbook.html", "handbook.html", &ctx)
    }

    fn simple(
        &self,
        template: &str,
        path: &str,
        title: &str,
        section: &'static str,
    ) -> Result<OutputFile, Diagnostic> {
        let ctx = SimplePage {
            base: self.base(path, title.into(), None, section),
        };
        self.render(template, path, &ctx)
    }

    /// 404 pages are served at any depth, so relative links can't work: use `base_url`
    /// when known, else the server root.
    fn not_found(&self) -> Result<OutputFile, Diagnostic> {
        let mut base = self.base("404.html", "Page not found".into(), None, "");
        base.root = match &self.handbook.config.base_url {
            Some(u) => format!("{}/", u.trim_end_matches('/')),
            None => "/".into(),
        };
        self.render("404.html", "404.html", &SimplePage { base })
    }

    fn sitemap(&self) -> Result<OutputFile, Diagnostic> {
        let prefix = self
            .handbook
            .config
            .base_url
            .as_deref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
            .unwrap_or_default();
        // Every generated page a reader would land on (not the 404 page or the search page).
        let mut entries: Vec<SitemapEntry> = GENERATED_PATHS
            .iter()
            .filter(|u| u.ends_with(".html") && !matches!(**u, "404.html" | "search.html"))
            .map(|u| SitemapEntry {
                loc: format!("{prefix}{u}"),
                lastmod: None,
            })
            .collect();
        for doc in &self.handbook.docs {
            if matches!(&doc.kind, DocKind::Page(p) if p.is_home) {
                continue;
            }
            let lastmod = match &doc.kind {
                DocKind::Team(c) => c.reviewed.map(date),
                DocKind::Decision(d) => Some(date(d.decided.unwrap_or(d.date))),
                DocKind::Page(_) => None,
            };
            entries.push(SitemapEntry {
                loc: format!("{prefix}{}", crate::markdown::encode_path(&doc.url)),
                lastmod,
            });
        }
        // Person pages (render/insight.rs): one per person the handbook names.
        for slug in self.health.people.people.keys() {
            entries.push(SitemapEntry {
                loc: format!("{prefix}people/{slug}.html"),
                lastmod: None,
            });
        }
        let comment_safe =
            |u: &str| format!("{prefix}{}", crate::markdown::encode_path(u)).replace("--", "-%2D");
        let redirects = self
            .handbook
            .redirects
            .iter()
            .map(|(from, &id)| SitemapRedirect {
                from: comment_safe(from),
                to: comment_safe(&self.handbook.docs[id].url),
            })
            .collect();
        self.render(
            "sitemap.xml",
            "sitemap.xml",
            &Sitemap { entries, redirects },
        )
    }

    /// The page of document `id`; `None` for the home page, which [`Self::site_pages`]
    /// renders. `orgbook serve` calls this for just the pages an edit affects.
    pub fn doc_page(&self, id: DocId) -> Option<Result<OutputFile, Diagnostic>> {
        match &self.handbook.docs[id].kind {
            DocKind::Team(c) => Some(self.team_page(id, c)),
            DocKind::Decision(d) => Some(self.decision_page(id, d)),
            DocKind::Page(p) if p.is_home => None,
            DocKind::Page(_) => Some(self.page_page(id)),
        }
    }

    /// Pages about the handbook as a whole (home, indexes, org-level pages, 404, sitemap).
    /// `orgbook serve` re-renders all of them after every change, so a page added here
    /// stays live without serve-specific code.
    pub fn site_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        // The index pages are the biggest pages of a large handbook; rendered one after the
        // other they would leave the other cores idle at the end of a build.
        type Job<'r> = Box<dyn Fn() -> Vec<Result<OutputFile, Diagnostic>> + Sync + Send + 'r>;
        let page_entries = self.page_entries();
        let jobs: Vec<Job<'_>> = vec![
            Box::new(|| vec![self.home(&page_entries)]),
            Box::new(|| vec![self.teams_index()]),
            Box::new(|| vec![self.decisions_index()]),
            Box::new(|| vec![self.handbook_index(&page_entries)]),
            Box::new(|| vec![self.orgmap_page()]),
            Box::new(|| vec![self.ownership_page()]),
            Box::new(|| vec![self.health_page(self.health)]),
            Box::new(|| vec![self.interactions_page()]),
            Box::new(|| self.people_pages()),
            Box::new(|| {
                vec![
                    self.simple("search.html", "search.html", "Search", "search"),
                    self.not_found(),
                    self.sitemap(),
                ]
            }),
            Box::new(|| self.feeds()),
        ];
        jobs.par_iter().flat_map_iter(|job| job()).collect()
    }

    /// Renders every page. Template errors are collected, not fatal one by one.
    pub fn render_all(&self, diags: &mut Vec<Diagnostic>) -> Vec<OutputFile> {
        let hb = self.handbook;
        let (per_doc, site_pages) = rayon::join(
            || -> Vec<Option<Result<OutputFile, Diagnostic>>> {
                hb.docs
                    .par_iter()
                    .enumerate()
                    .map(|(id, _)| self.doc_page(id))
                    .collect()
            },
            || self.site_pages(),
        );
        let mut files = Vec::with_capacity(per_doc.len() + site_pages.len());
        crate::site::collect_pages(
            per_doc.into_iter().flatten().chain(site_pages),
            &mut files,
            diags,
        );
        files
    }
}

fn template_error(template: &str, path: &str, e: &dyn std::error::Error) -> Diagnostic {
    Diagnostic::error(
        "template",
        &format!("templates/{template}"),
        format!("rendering {path} failed: {}", theme::error_chain(e)),
    )
    .with_help("check the variables this template uses against docs/theming.md")
}

/// Copies the theme's static files and the handbook's `static/` (later wins), then assets.
pub fn static_files(
    root: &std::path::Path,
    handbook: &Handbook,
    theme: &theme::Theme,
) -> Vec<OutputFile> {
    let mut files: BTreeMap<String, FileContents> = BTreeMap::new();
    for (path, f) in &theme.static_files {
        let contents = match f {
            theme::StaticFile::Embedded(b) => FileContents::Static(b),
            theme::StaticFile::Disk(p) => FileContents::Copy(p.clone()),
        };
        files.insert(path.clone(), contents);
    }
    for (rel, abs) in crate::text::walk::files_under(&root.join("static")) {
        files.insert(rel, FileContents::Copy(abs));
    }
    // Assets are not a layer over `static/`: a clash is reported by `claims::check`, not
    // resolved here by letting one of them win.
    let content = root.join(crate::load::CONTENT_DIR);
    files
        .into_iter()
        .map(|(path, contents)| OutputFile { path, contents })
        .chain(
            handbook
                .assets
                .iter()
                .filter(|a| !handbook.unpublished_assets.contains(*a))
                .map(|asset| OutputFile {
                    path: asset.clone(),
                    contents: FileContents::Copy(content.join(asset)),
                }),
        )
        .collect()
}

/// What the search box offers to find, by what the handbook holds.
fn search_placeholder(teams: bool, decisions: bool) -> &'static str {
    match (teams, decisions) {
        (true, true) => "Search teams, owners, decisions…  /",
        (true, false) => "Search teams, owners, pages…  /",
        (false, true) => "Search decisions and pages…  /",
        (false, false) => "Search the handbook…  /",
    }
}

/// Re-export for stages that only need to know whether a doc links elsewhere.
pub use link::GENERATED_PATHS;
