//! Render stage: the linked [`Handbook`] and its rendered Markdown → every output file, in
//! memory. Pages are independent of each other and rendered in parallel against one
//! compiled template set; nothing in a page's context grows with the size of the handbook
//! except the index pages whose job is to list.

pub mod bodies;
mod context;
pub mod deps;
mod feeds;
pub mod find;
mod insight;
mod nav;
mod org;
mod paginate;
mod search_docs;
pub mod theme;

pub use crate::config::code_link;
pub use org::escape_html;
pub use search_docs::{search_doc, search_docs, search_files};

use crate::diagnostic::Diagnostic;
use crate::link;
use crate::link::Handbook;
use crate::markdown::{Rendered, root_prefix};
use crate::model::Spanned;
use crate::model::{Charter, Decision, Doc, DocId, DocKind, Status, TeamKind};
use crate::ui_text::{UiText, UiTexts};
use context::*;
use rayon::prelude::*;
use std::borrow::Cow;
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
    /// `orgbook serve` only: the page's context hashed the same as the one the served page
    /// was rendered from ([`deps::Fingerprints`]), so Tera was not run.
    Unchanged,
}

/// Options that change what is rendered (not where it goes).
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Inject the live-reload script (dev server only; never in `build` output).
    pub live_reload: bool,
}

/// The reading order and folder tree of the handbook pages, built on first use; `serve`
/// keeps it between renders until a document changes.
pub type NavCell = std::sync::OnceLock<nav::Nav>;

pub struct Renderer<'a> {
    pub handbook: &'a Handbook,
    pub rendered: &'a [Rendered],
    pub backlinks: &'a [Vec<DocId>],
    pub tera: &'a tera::Tera,
    pub health: &'a crate::health::Health,
    pub options: RenderOptions,
    /// Reading order and folder tree of the handbook pages, built on first use.
    pub nav: NavCell,
    /// Last commit date of each source file (empty outside git; see [`crate::gitdates`]).
    pub last_changed: crate::gitdates::LastChanged,
    /// `orgbook serve` only: skip pages whose context is the one already served.
    pub fingerprints: Option<&'a deps::Fingerprints>,
    /// Bodies held compressed (a large handbook's build), read in place of their empty
    /// [`Rendered::html`].
    pub bodies: Option<&'a bodies::Bodies>,
    /// The theme's interface words in each language (`crate::ui_text`).
    pub ui_text: &'a UiTexts,
}

/// `html` with `<h1>`…`<h5>` (and their end tags) one level lower; `<h6>` stays.
fn headings_one_level_down(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    for at in memchr::memchr_iter(b'<', html.as_bytes()) {
        let b = html.as_bytes();
        let digit_at = if b.get(at + 1) == Some(&b'/') {
            at + 3
        } else {
            at + 2
        };
        let is_heading = b
            .get(digit_at - 1)
            .is_some_and(|c| c.eq_ignore_ascii_case(&b'h'))
            && b.get(digit_at).is_some_and(|d| (b'1'..=b'5').contains(d))
            && b.get(digit_at + 1)
                .is_some_and(|c| *c == b'>' || c.is_ascii_whitespace());
        if is_heading {
            out.push_str(&html[copied..digit_at]);
            out.push((b[digit_at] + 1) as char);
            copied = digit_at + 1;
        }
    }
    out.push_str(&html[copied..]);
    out
}

/// Where a folder link goes when the handbook index does not list its folder.
const NO_LISTING: &str = "handbook.html";

/// `listing` (`handbook-index/x.html#anchor`, from the site root) as a link from a page
/// whose way to the root is `root`.
fn folder_href(root: &str, listing: &str) -> String {
    let (page, anchor) = listing.split_once('#').unwrap_or((listing, ""));
    let mut href = format!("{root}{}", crate::markdown::encode_path(page));
    if !anchor.is_empty() {
        href.push('#');
        href.push_str(anchor);
    }
    href
}

/// `html` with its links to folders without an index page ([`crate::markdown::FOLDER_LINK`]
/// and the link's number) pointed at `hrefs[number]`, or at the last of `hrefs` (the
/// handbook index) for a number past the others ([`Renderer::folder_hrefs`]).
fn place_folder_links<'h>(
    html: std::borrow::Cow<'h, str>,
    hrefs: &[String],
) -> std::borrow::Cow<'h, str> {
    use crate::markdown::FOLDER_LINK;
    if hrefs.is_empty() || !html.contains(FOLDER_LINK) {
        return html;
    }
    let mut out = String::with_capacity(html.len());
    let mut rest: &str = &html;
    while let Some(at) = rest.find(FOLDER_LINK) {
        out.push_str(&rest[..at]);
        let after = &rest[at + FOLDER_LINK.len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let last = hrefs.len() - 1;
        let n = after[..digits]
            .parse::<usize>()
            .map_or(last, |n| n.min(last));
        out.push_str(&hrefs[n]);
        rest = &after[digits..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// What a page's body HTML is made from: the rendered Markdown (less a leading `#`
/// heading that repeats the title) and what is put in place in it. A page's context holds
/// it in a [`deps::Drawn`], so the sweep after an edit hashes the HTML as the Markdown
/// stage left it instead of highlighting every page's code to hash the result.
#[derive(serde::Serialize)]
pub(crate) struct BodyHtml<'h> {
    html: Cow<'h, str>,
    formulas: &'h [crate::math::Formula],
    diagrams: &'h [crate::diagram::Drawn],
    /// [`Renderer::folder_hrefs`].
    folder_hrefs: Vec<String>,
    headings: &'h [crate::markdown::Heading],
    /// The home page keeps its `#` headings where they are.
    is_home: bool,
}

impl BodyHtml<'_> {
    /// The body as the page shows it; reads nothing but `self`.
    fn draw(&self) -> String {
        let html: &str = &self.html;
        let html = match crate::math::place(html, self.formulas) {
            Cow::Borrowed(html) => crate::diagram::place(html, self.diagrams),
            Cow::Owned(html) => {
                Cow::Owned(crate::diagram::place(&html, self.diagrams).into_owned())
            }
        };
        let html = finished(place_folder_links(html, &self.folder_hrefs), self.headings);
        // `# Sections` below the title (a page moved in from elsewhere, its title from its
        // file name): every heading one level down, so the page has one `<h1>`, its
        // title, and its sections keep their order of rank.
        if self.is_home || !html.contains("<h1") {
            html.into_owned()
        } else {
            headings_one_level_down(&html)
        }
    }
}

/// A body as pages show it: Mermaid blocks drawn (already, in `html`), code highlighted,
/// headings given their anchors; borrowed until a step changes it.
fn finished<'h>(
    html: std::borrow::Cow<'h, str>,
    headings: &[crate::markdown::Heading],
) -> std::borrow::Cow<'h, str> {
    use std::borrow::Cow;
    match html {
        Cow::Borrowed(h) => match crate::highlight::code_blocks(h) {
            Cow::Borrowed(h) => with_heading_anchors(h, headings),
            Cow::Owned(h) => Cow::Owned(with_heading_anchors(&h, headings).into_owned()),
        },
        Cow::Owned(h) => {
            let h = crate::highlight::code_blocks(&h);
            Cow::Owned(with_heading_anchors(&h, headings).into_owned())
        }
    }
}

/// Adds a "link to this section" anchor at the end of every `##`–`####` heading: a
/// real link (keyboard-reachable, works without JavaScript; `page.js` adds copying), shown
/// faintly until the heading is hovered or the anchor focused. One forward scan over the
/// HTML, since the headings come in document order.
fn with_heading_anchors<'h>(
    html: &'h str,
    headings: &[crate::markdown::Heading],
) -> std::borrow::Cow<'h, str> {
    let wanted: Vec<&crate::markdown::Heading> = headings
        .iter()
        .filter(|h| (2..=4).contains(&h.level))
        .collect();
    if wanted.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + wanted.len() * 120);
    let mut at = 0;
    for h in wanted {
        // Searchers built once per level, not per heading (one was 0.4 % of a build).
        let (open, close) = match h.level {
            2 => (crate::finder!(b"<h2 id=\""), crate::finder!(b"</h2>")),
            3 => (crate::finder!(b"<h3 id=\""), crate::finder!(b"</h3>")),
            _ => (crate::finder!(b"<h4 id=\""), crate::finder!(b"</h4>")),
        };
        let id = escape_html(&h.id);
        let Some(start) = open
            .find_iter(&html.as_bytes()[at..])
            .map(|i| at + i)
            .find(|&start| {
                html.as_bytes()[start + open.needle().len()..]
                    .strip_prefix(id.as_bytes())
                    .is_some_and(|rest| rest.first() == Some(&b'"'))
            })
        else {
            continue;
        };
        let Some(end) = close.find(&html.as_bytes()[start..]).map(|i| start + i) else {
            continue;
        };
        out.push_str(&html[at..end]);
        out.push_str(&format!(
            // The "#" is drawn by CSS, so the heading's text stays the heading's own.
            "<a class=\"h-anchor\" href=\"#{}\" aria-label=\"Link to this section: {}\"></a>",
            escape_html(&crate::markdown::encode_path(&h.id)),
            escape_html(&h.text)
        ));
        at = end;
    }
    out.push_str(&html[at..]);
    std::borrow::Cow::Owned(out)
}

/// Rows on one page of the teams index (about 280 bytes each).
const TEAMS_PER_PAGE: usize = 500;

/// Most choices in a filter drop-down of the decisions index (teams, tags); past it the
/// filter is a text box matching part of the name.
const FILTER_CHOICES_MAX: usize = 150;

/// Rows on one page of the decisions index (about 1.2 KB each with their filter data, so a
/// part stays under 300 KB).
const DECISIONS_PER_PAGE: usize = 200;

/// The decisions as compact JSON rows for the index's filters: number, title, url, status,
/// type, team name and url, shown date, whether that date is the decision date, tags.
/// Rows of the decisions filters' data in one file: about 200 bytes each, so a file stays
/// near 200 KB (30 KB compressed) however many decisions the handbook has.
const FILTER_ROWS_PER_FILE: usize = 1000;

/// The decisions filters' data: `decisions/index.json`, then `decisions/index-2.json`… of
/// [`FILTER_ROWS_PER_FILE`] rows each, in the index's order. `page.js` fetches them one
/// after the other and stops once a screenful matches, so a filter never downloads the
/// whole handbook's decisions before showing the first matches.
fn decisions_json_files(all: &[DecisionSummary]) -> Vec<OutputFile> {
    let mut files: Vec<OutputFile> = all
        .chunks(FILTER_ROWS_PER_FILE)
        .enumerate()
        .map(|(i, rows)| OutputFile {
            path: match i {
                0 => "decisions/index.json".to_string(),
                _ => format!("decisions/index-{}.json", i + 1),
            },
            contents: FileContents::Bytes(decisions_json(rows).into_bytes()),
        })
        .collect();
    if files.is_empty() {
        files.push(OutputFile {
            path: "decisions/index.json".into(),
            contents: FileContents::Bytes(b"[]".to_vec()),
        });
    }
    files
}

fn decisions_json(all: &[DecisionSummary]) -> String {
    let rows: Vec<serde_json::Value> = all
        .iter()
        .map(|d| {
            serde_json::json!([
                d.number,
                d.title,
                d.url,
                d.status,
                d.decision_type,
                d.team.as_ref().map(|t| t.title.as_str()),
                d.team.as_ref().map(|t| t.url.as_str()),
                d.shown_date,
                d.decided.is_some(),
                d.tags,
            ])
        })
        .collect();
    serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
}

/// Addresses in one sitemap: the limit of the sitemaps.org format (its other limit, 50 MB
/// uncompressed, is far off at this count with addresses of the length orgbook makes).
const SITEMAP_MAX_URLS: usize = 50_000;

/// Entries of the home page's "Handbook" list before it links to the index.
const HOME_PAGES: usize = 12;

/// A group's teams listed on its page before it links to the org map for the rest.
const TEAM_CHILDREN_SHOWN: usize = 100;

/// A team's decisions listed on its page, newest first, before it links to the decisions
/// index filtered to the team.
const TEAM_DECISIONS_SHOWN: usize = 50;

/// Pages of a team's folder listed on its page (the rest are counted; the search and the
/// pages' own folder list them all).
const TEAM_PAGES_SHOWN: usize = 100;

/// Pages listed under "Linked from" before the list says how many more link to the page.
const BACKLINKS_SHOWN: usize = 100;

/// Steps of a superseded decision's way to the decision in force shown before it skips
/// to that decision (`chain_skipped` says how many steps it skipped).
const CHAIN_SHOWN: usize = 10;

/// Top-level groups on the home page before it links to the org map: an organisation
/// with thousands of top-level teams would otherwise make the home page grow with it.
const HOME_GROUPS: usize = 24;

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
        let t = self.ui_text.for_lang(config.language());
        Base {
            t,
            site: SiteInfo {
                title: &config.title,
                base_url: config.base_url.as_deref(),
                generator: concat!("orgbook ", env!("CARGO_PKG_VERSION")),
                has_teams: !self.handbook.teams.is_empty(),
                has_decisions: !self.handbook.decisions.is_empty(),
                search_placeholder: t.search_placeholder(
                    !self.handbook.teams.is_empty(),
                    !self.handbook.decisions.is_empty(),
                ),
                has_code_owners: self.handbook.code_owners.file.is_some(),
            },
            root: root_prefix(url),
            url: url.to_string(),
            title,
            description,
            section,
            live_reload: self.options.live_reload,
            breadcrumbs: Vec::new(),
            edit_url: None,
            last_updated: None,
            lang: config.language().to_string(),
            versions: Vec::new(),
            canonical_url: config.base_url.as_deref().map(|b| {
                format!(
                    "{}/{}",
                    b.trim_end_matches('/'),
                    crate::markdown::encode_path(url)
                )
            }),
        }
    }

    /// "Edit this page" and "Last updated" for the page built from `doc`: the edit link
    /// from `[repository]`, the date from git, else the record's own `reviewed`/decision
    /// date, else nothing.
    fn doc_base(&self, base: &mut Base<'a>, doc: &Doc) {
        if let Some(&id) = self.handbook.by_path.get(&doc.source.path) {
            self.languages(base, id);
        }
        let repo = &self.handbook.config.repository;
        if let Some(url) = &repo.url {
            let template = repo
                .edit_url
                .as_deref()
                .unwrap_or("{url}/edit/{branch}/{path}");
            base.edit_url = Some(
                template
                    .replace("{url}", url.trim_end_matches('/'))
                    .replace("{branch}", repo.branch.as_deref().unwrap_or("main"))
                    .replace("{path}", &crate::markdown::encode_path(doc.source.file())),
            );
        }
        base.last_updated = match self.last_changed.get(doc.source.file()) {
            Some(d) => Some(LastUpdated {
                date: d.to_string(),
                source: "git",
            }),
            None => match &doc.kind {
                DocKind::Team(c) => c.reviewed.map(|d| LastUpdated {
                    date: date(d),
                    source: "reviewed",
                }),
                DocKind::Decision(d) => Some(LastUpdated {
                    date: date(d.decided.unwrap_or(d.date)),
                    source: if d.decided.is_some() {
                        "decided"
                    } else {
                        "proposed"
                    },
                }),
                DocKind::Page(_) => None,
            },
        };
    }

    /// The language of the page built from document `id`, and its other language versions.
    fn languages(&self, base: &mut Base<'a>, id: DocId) {
        let hb = self.handbook;
        let site_lang = hb.config.language();
        let lang_of =
            |id: DocId| crate::lang::of_doc(&hb.docs[id], hb.translations.language(id), site_lang);
        base.lang = lang_of(id).to_string();
        base.t = self.ui_text.for_lang(&base.lang);
        base.site.search_placeholder = base.t.search_placeholder(
            !self.handbook.teams.is_empty(),
            !self.handbook.decisions.is_empty(),
        );
        base.versions = hb
            .translations
            .versions_of(id)
            .into_iter()
            .map(|v| {
                let lang = lang_of(v).to_string();
                LanguageVersion {
                    name: crate::text::lang_tag::name(&lang),
                    lang,
                    url: hb.docs[v].url.clone(),
                    current: v == id,
                }
            })
            .collect();
    }

    /// A breadcrumb step in language `lang`: the translation of its page when there is
    /// one, else the step as it is (a folder's page nobody translated).
    fn step_in_language(&self, step: Link, lang: &str) -> Link {
        let hb = self.handbook;
        let translated = hb.by_url.get(&step.url).and_then(|&page| {
            hb.translations
                .versions_of(page)
                .into_iter()
                .find(|&v| hb.translations.language(v) == Some(lang))
        });
        match translated {
            Some(v) => Link {
                title: hb.docs[v].nav_title().to_string(),
                url: hb.docs[v].url.clone(),
            },
            None => step,
        }
    }

    pub(super) fn nav(&self) -> &nav::Nav {
        self.nav
            .get_or_init(|| nav::Nav::build(self.handbook, self.reading_order()))
    }

    /// "Home" and the section's index, the start of every page's breadcrumbs, in the
    /// page's language.
    pub(super) fn crumbs_from(t: &UiText, section: (&str, &str)) -> Vec<Link> {
        let mut crumbs = Self::home_crumb(t);
        crumbs.push(Link {
            title: section.0.into(),
            url: section.1.into(),
        });
        crumbs
    }

    /// The breadcrumbs of a section's own index: "Home" alone.
    pub(super) fn home_crumb(t: &UiText) -> Vec<Link> {
        vec![Link {
            title: t.home.to_string(),
            url: "index.html".into(),
        }]
    }

    /// Bytes reserved for a rendered page before Tera writes it: most pages are 10–30 KB,
    /// and growing from nothing copies the page a dozen times.
    const PAGE_CAPACITY: usize = 16 * 1024;

    fn render<T: serde::Serialize>(
        &self,
        template: &str,
        path: &str,
        ctx: &T,
    ) -> Result<OutputFile, Diagnostic> {
        // The page's dependencies are its context: see `deps`.
        if let Some(fp) = self.fingerprints
            && fp.unchanged(template, path, ctx)
        {
            return Ok(OutputFile {
                path: path.to_string(),
                contents: FileContents::Unchanged,
            });
        }
        let context =
            tera::Context::from_serialize(ctx).map_err(|e| template_error(template, path, &e))?;
        // Into bytes, not a String: the page is written as bytes, and `Tera::render` would
        // check the whole page for UTF-8 first (about 1 % of a build). Templates and
        // values are `str`, so the bytes are UTF-8 anyway.
        let mut html = Vec::with_capacity(Self::PAGE_CAPACITY);
        self.tera
            .render_to(template, &context, &mut html)
            .map_err(|e| template_error(template, path, &e))?;
        Ok(OutputFile {
            path: path.to_string(),
            contents: FileContents::Bytes(html),
        })
    }

    /// Links to the groups above team `slug`, the top first (its breadcrumbs).
    fn ancestor_links(&self, slug: &str) -> Vec<Link> {
        let hb = self.handbook;
        hb.ancestors(slug)
            .into_iter()
            .filter_map(|s| {
                hb.team(s).map(|(d, c)| Link {
                    title: c.name.clone(),
                    url: d.url.clone(),
                })
            })
            .collect()
    }

    fn link_to(&self, id: DocId) -> Link {
        let doc = &self.handbook.docs[id];
        // A home page without a title of its own (a VitePress hero, a README that opens
        // with a paragraph) is titled by the handbook, as the home page itself shows.
        let title = match doc.title() {
            "" => self.handbook.config.title.as_str(),
            title => title,
        };
        Link {
            title: title.to_string(),
            url: doc.url.clone(),
        }
    }

    /// The first [`BACKLINKS_SHOWN`] pages that link to `id`, and how many more do: a page
    /// every decision record links to (a process page, say) must not list them all.
    fn backlinks(&self, id: DocId) -> (Vec<Link>, usize) {
        let all = &self.backlinks[id];
        let shown = all
            .iter()
            .take(BACKLINKS_SHOWN)
            .map(|&b| self.link_to(b))
            .collect();
        (shown, all.len().saturating_sub(BACKLINKS_SHOWN))
    }

    fn body(&self, id: DocId) -> Body<'a> {
        match self.bodies.and_then(|b| b.get(id)) {
            Some(html) => self.body_of(id, Cow::Owned(html)),
            None => self.body_of(id, Cow::Borrowed(&self.rendered[id].html)),
        }
    }

    /// `html` of document `id` with its links to folders without an index page
    /// ([`crate::markdown::FOLDER_LINK`]) pointed at where the handbook index lists each
    /// folder: known only now, once every page's title, and so the index's order, is.
    pub(super) fn place_folder_links<'h>(
        &self,
        id: DocId,
        html: std::borrow::Cow<'h, str>,
    ) -> std::borrow::Cow<'h, str> {
        place_folder_links(html, &self.folder_hrefs(id))
    }

    /// Per folder link of document `id`'s Markdown, in order, the address (from its page)
    /// of where the handbook index lists that folder; then the handbook index's own, for a
    /// link number that is not one of them. Empty when the document has no folder links.
    fn folder_hrefs(&self, id: DocId) -> Vec<String> {
        let links = &self.rendered[id].folder_links;
        if links.is_empty() {
            return Vec::new();
        }
        let root = crate::markdown::root_prefix(&self.handbook.docs[id].url);
        links
            .iter()
            .map(|link| {
                let listing = self
                    .nav()
                    .listing_of_folder(link.page, &link.folder)
                    .unwrap_or_else(|| NO_LISTING.to_owned());
                folder_href(&root, &listing)
            })
            .chain([folder_href(&root, NO_LISTING)])
            .collect()
    }

    /// Document `id`'s [`Body`], from its rendered HTML `html`.
    fn body_of<'h>(&self, id: DocId, html: Cow<'h, str>) -> Body<'h>
    where
        'a: 'h,
    {
        let r: &'h Rendered = &self.rendered[id];
        let title = self.handbook.docs[id].title();
        // A leading `# heading` that repeats the title is the title: the template prints
        // it once, above the description, so the head reads title → description → page.
        let mut title_id = None;
        // A charter's page is titled by its `name`: a leading heading that names the team
        // ("Delivery team", as the page moved in from another generator said) is that
        // title, not a second `<h1>`.
        let is_team = matches!(self.handbook.docs[id].kind, DocKind::Team(_));
        let repeats_title = |h1: &str| {
            h1.trim() == title.trim()
                || (is_team && h1.to_lowercase().contains(&title.trim().to_lowercase()))
        };
        let is_home = matches!(&self.handbook.docs[id].kind, DocKind::Page(p) if p.is_home);
        let (html, has_h1) = match &r.leading_h1 {
            Some(h1) if repeats_title(h1) => match (html.find("<h1"), html.find("</h1>")) {
                (Some(start), Some(end)) if start < end => {
                    // Links to the heading's anchor must keep working: the template's
                    // title takes its id.
                    title_id = r
                        .headings
                        .first()
                        .filter(|h| h.level == 1)
                        .map(|h| h.id.clone());
                    let after_at = end + 5 + html[end + 5..].len()
                        - html[end + 5..].trim_start_matches('\n').len();
                    // What came before the heading (a README's logo, its badges) stays,
                    // below the title: nothing the author wrote is dropped.
                    let before = html[..start].trim();
                    if before.is_empty() {
                        let after = match html {
                            Cow::Borrowed(h) => Cow::Borrowed(&h[after_at..]),
                            Cow::Owned(mut h) => {
                                h.drain(..after_at);
                                Cow::Owned(h)
                            }
                        };
                        (after, false)
                    } else {
                        (
                            Cow::Owned(format!("{before}\n{}", &html[after_at..])),
                            false,
                        )
                    }
                }
                _ => (html, true),
            },
            // The home page shows such a heading in place of its title.
            Some(_) if is_home => (html, true),
            // A heading that is not the title (a charter named `SIG Docs` whose generated
            // text opens `# Docs Special Interest Group`, a page titled in front matter):
            // a section under the template's title (every heading goes one level down,
            // below), so the page has one `<h1>`.
            Some(_) => (html, false),
            // A README that opens with a line of text and then its one `# Heading` (the
            // name under a tagline): on the home page that heading is the page's `<h1>`,
            // where it stands, and the template adds no second one above it.
            None => (
                html,
                r.headings
                    .iter()
                    .filter(|h| h.level == 1 && !h.quoted)
                    .count()
                    == 1,
            ),
        };
        let html = deps::Drawn {
            inputs: BodyHtml {
                html,
                formulas: &r.formulas,
                diagrams: &r.diagrams,
                folder_hrefs: self.folder_hrefs(id),
                headings: &r.headings,
                is_home,
            },
            draw: BodyHtml::draw,
        };
        Body {
            title_id,
            html,
            has_h1,
            // Sections: level 2 and 3, and a level 1 that is not the page's opening
            // heading (pages moved in from elsewhere write `# Misc links` as a section).
            headings: r
                .headings
                .iter()
                .enumerate()
                .filter(|(i, h)| {
                    !h.quoted
                        && (h.level == 2
                            || h.level == 3
                            || (h.level == 1 && !(*i == 0 && r.leading_h1.is_some())))
                })
                .map(|(_, h)| h.clone())
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
            shown_date: date(d.decided.unwrap_or(d.date)),
            tags: d.tags.clone(),
            team: self.handbook.team(&d.team.value).map(|(doc, c)| Link {
                title: c.name.clone(),
                url: doc.url.clone(),
            }),
        }
    }

    /// What a group adds up to: every charter below it (any depth).
    fn group_totals(&self, slug: &str) -> GroupTotals {
        let hb = self.handbook;
        let mut t = GroupTotals::default();
        let mut people = std::collections::BTreeSet::new();
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<&str> = hb
            .children
            .get(slug)
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        // `parent` cycles are errors, but the walk must still end.
        while let Some(s) = stack.pop() {
            if !seen.insert(s) {
                continue;
            }
            if let Some((_, c)) = hb.team(s) {
                t.teams += 1;
                people.extend(c.members.iter().map(String::as_str));
                people.extend(c.lead.as_deref());
                t.owned += c.owns.len();
                t.metrics += c.metrics.len();
                t.decisions += hb.team_decisions.get(s).map_or(0, Vec::len);
            }
            stack.extend(hb.children.get(s).into_iter().flatten().map(String::as_str));
        }
        t.people = people.len();
        t
    }

    /// Where CODEOWNERS pattern `pattern` is in the repository ([`code_link`]).
    pub(crate) fn code_url(&self, pattern: &str) -> Option<String> {
        code_link(&self.handbook.config.repository, pattern)
    }

    /// The code paths CODEOWNERS gives team `slug`, the first of them listed.
    fn team_code(&self, slug: &str) -> Option<TeamCode> {
        let owners = &self.handbook.code_owners;
        let file = owners.file.as_ref()?;
        let total = owners.by_team.get(slug).map_or(0, Vec::len);
        if total == 0 {
            return None;
        }
        let paths = owners
            .rules_of(slug)
            .take(crate::code_owners::SHOWN_ON_TEAM_PAGE)
            .map(|(i, rule)| {
                let teams = &owners.rule_teams[i];
                CodePath {
                    pattern: rule.pattern.value.clone(),
                    url: self.code_url(&rule.pattern.value),
                    line: rule.line,
                    section: rule.section.clone(),
                    shared_with: teams
                        .iter()
                        .filter(|s| *s != slug)
                        .filter_map(|s| self.handbook.team(s))
                        .map(|(doc, c)| Link {
                            title: c.name.clone(),
                            url: doc.url.clone(),
                        })
                        .collect(),
                    others: owners.rule_others[i].clone(),
                }
            })
            .collect();
        Some(TeamCode {
            file: file.path.clone(),
            paths,
            total,
        })
    }

    /// A `[contact]` entry with a link when it has one: e-mail addresses, URLs, and chat
    /// channels (`#name`) or handles (`@name`) when `chat_url` says where chat lives.
    pub(crate) fn contact_entry(&self, key: &str, v: &str) -> ContactEntry {
        let chat = self.handbook.config.chat_url.as_deref();
        let href = if v.contains('@') && !v.contains(' ') && !v.starts_with('@') {
            Some(format!("mailto:{v}"))
        } else if v.starts_with("https://") || v.starts_with("http://") {
            Some(v.to_string())
        } else if let Some(template) = chat
            && (v.starts_with('#') || v.starts_with('@'))
            && v.len() > 1
            && !v.contains(char::is_whitespace)
        {
            let name = &v[1..];
            Some(template.replace("{channel}", &crate::markdown::encode_path(name)))
        } else {
            None
        };
        ContactEntry {
            key: key.to_string(),
            value: v.to_string(),
            href,
        }
    }

    fn decision_summary_of(&self, number: u32) -> Option<DecisionSummary> {
        let (doc, d) = self.handbook.decision(number)?;
        Some(self.decision_summary(d, doc))
    }

    fn team_page(&self, id: DocId, c: &Charter) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let doc = &hb.docs[id];
        let ancestors = self.ancestor_links(&c.slug);
        // A group's own teams and a team's newest decisions, bounded: the org map and the
        // decisions index list the rest.
        let children_total = hb.children.get(&c.slug).map_or(0, Vec::len);
        let children = hb
            .children
            .get(&c.slug)
            .map(|kids| {
                kids.iter()
                    .take(TEAM_CHILDREN_SHOWN)
                    .filter_map(|s| hb.team(s))
                    .map(|(_, k)| self.team_summary(k, 0))
                    .collect()
            })
            .unwrap_or_default();
        // Newest first by the date the list shows, like the decisions index.
        let mut decisions: Vec<DecisionSummary> = hb
            .team_decisions
            .get(&c.slug)
            .map(|nums| {
                nums.iter()
                    .filter_map(|&n| self.decision_summary_of(n))
                    .collect()
            })
            .unwrap_or_default();
        decisions.sort_by(|a, b| (&b.shown_date, b.number).cmp(&(&a.shown_date, a.number)));
        let decisions_total = decisions.len();
        decisions.truncate(TEAM_DECISIONS_SHOWN);
        // The decisions index filtered to this team: its filter matches the team's name.
        let decisions_url = format!(
            "decisions/index.html?team={}",
            percent_encoding::utf8_percent_encode(&c.name, percent_encoding::NON_ALPHANUMERIC)
        );
        let folder_pages = hb.team_pages.get(&c.slug).map_or(&[][..], Vec::as_slice);
        let pages = folder_pages
            .iter()
            .take(TEAM_PAGES_SHOWN)
            .map(|&p| self.link_to(p))
            .collect();
        let contact = c
            .contact
            .iter()
            .map(|(k, v)| self.contact_entry(k, v))
            .collect();
        let totals = (c.kind == TeamKind::Group).then(|| self.group_totals(&c.slug));
        let team = TeamDetail {
            totals,
            summary: self.team_summary(c, ancestors.len()),
            metrics: c.metrics.clone(),
            owns: c
                .owns
                .iter()
                .map(|Spanned { value: o, .. }| o.clone())
                .collect(),
            code: self.team_code(&c.slug),
            members: c.members.clone(),
            contact,
            reviewed: c.reviewed.map(date),
            parent: ancestors.last().cloned(),
            ancestors,
            children,
            children_total,
            decisions,
            decisions_total,
            decisions_url,
            pages,
            pages_total: folder_pages.len(),
            source: doc.source.file().to_string(),
            neighbourhood_svg: Some(deps::Drawn {
                inputs: self.neighbourhood(c, root_prefix(&doc.url)),
                draw: Neighbourhood::draw,
            }),
            orgmap_url: self.orgmap_url(&c.slug),
            interactions_url: self.interactions_url(&c.slug),
            insight: self.team_insight(c),
        };
        let mut base = self.base(&doc.url, c.name.clone(), c.problem.clone(), "teams");
        self.doc_base(&mut base, doc);
        base.breadcrumbs = Self::crumbs_from(base.t, (&base.t.teams, "teams/index.html"));
        base.breadcrumbs.extend(team.ancestors.iter().cloned());
        let (backlinks, backlinks_more) = self.backlinks(id);
        let ctx = TeamPage {
            base,
            team,
            body: self.body(id),
            backlinks,
            backlinks_more,
        };
        self.render("team.html", &doc.url, &ctx)
    }

    fn decision_page(&self, id: DocId, d: &Decision) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let doc = &hb.docs[id];
        let supersedes = hb
            .supersedes(d)
            .filter_map(|n| self.decision_summary_of(n))
            .collect();
        // A proposal that names this decision does not replace it until it is accepted.
        let (superseded_by, proposed_successors): (Vec<u32>, Vec<u32>) = hb
            .superseded_by
            .get(&d.number)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .partition(|&&n| hb.replaces(n));
        let summaries = |numbers: Vec<u32>| -> Vec<DecisionSummary> {
            numbers
                .into_iter()
                .filter_map(|n| self.decision_summary_of(n))
                .collect()
        };
        let superseded_by = summaries(superseded_by);
        let proposed_successors = summaries(proposed_successors);
        // The way to the decision in force: its first steps, then the decision in force
        // itself ([`Handbook::in_force`]), so a chain through thousands of records gives
        // each of them a page of the same size.
        let mut chain = Vec::new();
        let mut chain_skipped = 0;
        if let Some((last, steps)) = hb.in_force(d.number) {
            let shown = if steps as usize > CHAIN_SHOWN + 1 {
                chain_skipped = steps as usize - CHAIN_SHOWN - 1;
                CHAIN_SHOWN
            } else {
                steps as usize
            };
            let mut at = d.number;
            for _ in 0..shown {
                let Some(next) = hb.successor(at) else { break };
                chain.extend(self.decision_summary_of(next));
                at = next;
            }
            if chain_skipped > 0 {
                chain.extend(self.decision_summary_of(last));
            }
        }
        let detail = DecisionDetail {
            summary: self.decision_summary(d, doc),
            chain,
            chain_skipped,
            type_label: d.decision_type.label(),
            deciders: d.deciders.clone(),
            authors: d.authors.clone(),
            tags: d.tags.clone(),
            revisit: d.revisit.map(date),
            supersedes,
            superseded_by,
            proposed_successors,
            source: doc.source.file().to_string(),
            decider_links: d.deciders.iter().map(|n| insight::person_link(n)).collect(),
            author_links: d.authors.iter().map(|n| insight::person_link(n)).collect(),
        };
        let title = format!("ADR {}: {}", d.number, d.title);
        let mut base = self.base(&doc.url, title, None, "decisions");
        self.doc_base(&mut base, doc);
        base.breadcrumbs = Self::crumbs_from(base.t, (&base.t.decisions, "decisions/index.html"));
        let (backlinks, backlinks_more) = self.backlinks(id);
        let ctx = DecisionPage {
            base,
            decision: detail,
            body: self.body(id),
            backlinks,
            backlinks_more,
        };
        self.render("decision.html", &doc.url, &ctx)
    }

    fn page_page(&self, id: DocId) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        let doc = &hb.docs[id];
        let DocKind::Page(meta) = &doc.kind else {
            unreachable!("page_page on a page")
        };
        if let Some(to) = &meta.redirect_to {
            // Jekyll's `redirect_to`: the page is a signpost to an address elsewhere.
            let to = escape_html(to);
            let html = crate::text::redirect_page(&escape_html(&meta.title), &to, &to);
            return Ok(OutputFile {
                path: doc.url.clone(),
                contents: FileContents::Bytes(html.into_bytes()),
            });
        }
        let nav = self.nav();
        // A translation is out of the navigation: its way down is its original's, each
        // step in the translation's language where that step has one. So is a page only
        // another language's folder has, down the default language's folders there.
        let in_language = (hb.translations.of.get(&id).map(|t| (t.of, t.lang.as_str())))
            .or_else(|| hb.translations.alone.get(&id).map(|l| (id, l.as_str())));
        let crumbs = match in_language {
            Some((of, lang)) => nav
                .crumbs(hb, of)
                .into_iter()
                .map(|step| self.step_in_language(step, lang))
                .collect(),
            None => nav.crumbs(hb, id),
        };
        let crumbs_of_folders = &crumbs;
        // mdBook's `{{#title …}}` names the browser's tab; the heading stays the page's.
        let head_title = self.rendered[id].head_title.as_ref().unwrap_or(&meta.title);
        let mut base = self.base(
            &doc.url,
            head_title.clone(),
            meta.description.clone(),
            "handbook",
        );
        // First: the breadcrumbs below are in the page's language, which this sets.
        self.doc_base(&mut base, doc);
        base.breadcrumbs = match crate::link::team_folder_above(&hb.team_folders, &doc.source.path)
        {
            // A page of a team's folder sits under its team: Teams › Platform › Checkout.
            Some(team) => {
                let mut crumbs = Self::crumbs_from(base.t, (&base.t.teams, "teams/index.html"));
                if let Some(c) = hb.docs[team].as_team() {
                    crumbs.extend(self.ancestor_links(&c.slug));
                    crumbs.push(self.link_to(team));
                }
                crumbs
            }
            None => {
                let mut crumbs = Self::crumbs_from(base.t, (&base.t.handbook, "handbook.html"));
                // A site moved in with its pages under `handbook/` names that folder
                // "Handbook" too: one step of that name, the folder's own, is enough.
                if crumbs_of_folders
                    .first()
                    .is_some_and(|c| c.title.trim().eq_ignore_ascii_case(&base.t.handbook))
                {
                    crumbs.pop();
                }
                crumbs.extend(crumbs_of_folders.iter().cloned());
                crumbs
            }
        };
        let (backlinks, backlinks_more) = self.backlinks(id);
        let ctx = PagePage {
            page: PageDetail {
                title: meta.title.clone(),
                description: meta.description.clone(),
                breadcrumbs: crumbs,
                source: doc.source.file().to_string(),
                extra: meta.extra.clone(),
            },
            nav: PageNav {
                sidebar_html: nav.sidebar_html(hb, id, &base.root),
                prev: nav.prev(hb, id),
                next: nav.next(hb, id),
            },
            base,
            body: self.body(id),
            backlinks,
            backlinks_more,
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

    /// Handbook pages (not the home page) in reading order: by folder, then weight, then
    /// title; a folder's index page (`_index.md`, `index.md`, `README.md`) comes first.
    fn reading_order(&self) -> Vec<DocId> {
        let hb = self.handbook;
        // Per folder level: (weight, name, url); compared lexicographically.
        type NavKey = Vec<(i64, String, String)>;
        // A folder without a page of its own sits where SUMMARY.md first lists a page in
        // it: what `NavOrder::finished` does for the navigation files read when loading,
        // for the one read when linking (so `serve` follows its edits).
        let mut first_listed: std::collections::HashMap<&str, i64> = Default::default();
        for d in &hb.docs {
            if let DocKind::Page(p) = &d.kind
                && let Some(w) = p.summary_weight
            {
                let mut folder = d.source.path.as_str();
                while let Some((parent, _)) = folder.rsplit_once('/') {
                    let slot = first_listed.entry(parent).or_insert(w);
                    *slot = (*slot).min(w);
                    folder = parent;
                }
            }
        }
        let mut pages: Vec<(NavKey, DocId)> = hb
            .docs
            .iter()
            .enumerate()
            .filter_map(|(id, d)| match &d.kind {
                DocKind::Page(p) if !p.is_home => Some((id, d, p)),
                _ => None,
            })
            .map(|(id, d, p)| {
                // Sort key: each folder contributes (weight of its _index, its name); the page
                // itself comes first in its folder when it is the folder's _index.
                // A folder's page is keyed as the first entry of its folder, wherever it is.
                let folder_page = hb.folder_page_of(id);
                let rel = match folder_page {
                    Some(folder) => format!("{}/", folder.trim_start_matches("content/")),
                    None => d.source.path.trim_start_matches("content/").to_string(),
                };
                let parts: Vec<&str> = rel.split('/').collect();
                let mut key = Vec::new();
                let mut prefix = String::from("content");
                for part in &parts[..parts.len() - 1] {
                    prefix.push('/');
                    prefix.push_str(part);
                    // The folder's own page's weight, else its `_category_` position.
                    let w = hb
                        .folder_index
                        .get(&prefix)
                        .and_then(|&id| match &hb.docs[id].kind {
                            DocKind::Page(m) => m.nav_weight(),
                            _ => None,
                        })
                        .or_else(|| hb.folder_settings.get(&prefix)?.position)
                        .or_else(|| first_listed.get(prefix.as_str()).copied())
                        .unwrap_or(i64::MAX / 2);
                    key.push((w, part.to_lowercase(), String::new()));
                }
                if folder_page.is_some() || p.folder_index {
                    key.push((i64::MIN, String::new(), String::new()));
                } else {
                    key.push((
                        p.nav_weight().unwrap_or(i64::MAX / 2),
                        p.title.to_lowercase(),
                        d.url.clone(),
                    ));
                }
                (key, id)
            })
            .collect();
        pages.sort_by(|a, b| a.0.cmp(&b.0));
        pages.into_iter().map(|(_, id)| id).collect()
    }

    fn page_entry(&self, id: DocId) -> PageEntry {
        let d = &self.handbook.docs[id];
        let rel = d.source.path.trim_start_matches("content/");
        let mut depth = rel.matches('/').count();
        if matches!(&d.kind, DocKind::Page(p) if p.folder_index) {
            depth = depth.saturating_sub(1);
        }
        let (title, description) = match &d.kind {
            DocKind::Page(p) => (p.title.clone(), p.description.clone()),
            _ => (d.title().to_string(), None),
        };
        PageEntry {
            title,
            url: d.url.clone(),
            description,
            depth,
        }
    }

    fn home(&self) -> Result<OutputFile, Diagnostic> {
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
        // A page and its translations are one page in other words.
        stats.pages = hb
            .docs
            .iter()
            .enumerate()
            .filter(|(id, d)| {
                matches!(&d.kind, DocKind::Page(p) if !p.is_home)
                    && !hb.translations.of.contains_key(id)
            })
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
        let roots = hb.roots();
        let groups_more = roots.len().saturating_sub(HOME_GROUPS);
        let groups = roots
            .into_iter()
            .take(HOME_GROUPS)
            .filter_map(|s| hb.team(s))
            .map(|(_, c)| self.team_summary(c, 0))
            .collect();
        // The first entries of the handbook's top level (pages and sections); the template
        // links to the index for the rest, so the list never stops silently.
        let nav = self.nav();
        let top: Vec<Link> = nav.folders[0]
            .entries
            .iter()
            .map(|e| match *e {
                nav::Entry::Page(id) => self.link_to(id),
                nav::Entry::Folder(f) => Link {
                    title: nav.folders[f].title.clone(),
                    url: match nav.folders[f].index {
                        Some(id) => self.handbook.docs[id].url.clone(),
                        None => nav.index_url(f),
                    },
                },
            })
            .collect();
        let pages_more = top.len().saturating_sub(HOME_PAGES);
        let pages: Vec<Link> = top.into_iter().take(HOME_PAGES).collect();
        let page_parts = Self::under_part_titles(nav, pages.len(), |r| PagePart {
            title: r.0.to_string(),
            pages: pages[r.1].to_vec(),
        });
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
            base: {
                let mut base = self.base("index.html", title, description, "home");
                if let Some(id) = home_id {
                    self.languages(&mut base, id);
                }
                base
            },
            health,
            body: home_id.map(|id| self.body(id)),
            stats,
            recent_decisions,
            groups,
            groups_more,
            pages,
            page_parts,
            pages_more,
            pages_total: nav.order.len(),
        };
        self.render("home.html", "index.html", &ctx)
    }

    /// The teams index in hierarchy order, split into parts of [`TEAMS_PER_PAGE`] rows.
    fn teams_index(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let all = self.hierarchy();
        let total = all.len();
        let chunks = paginate::chunks(all, TEAMS_PER_PAGE);
        let many = chunks.len() > 1;
        let parts = paginate::part_links(&chunks, "teams/index.html", |a, b| {
            many.then(|| format!("{} – {}", a.name, b.name))
        });
        let pagers = paginate::pagers(&parts);
        chunks
            .into_iter()
            .zip(pagers)
            .map(|(teams, pager)| {
                let url = parts[pager.part - 1].url.clone();
                let mut base = self.base(&url, pager.titled("Teams"), None, "teams");
                base.breadcrumbs = Self::home_crumb(base.t);
                let ctx = TeamsIndex {
                    base,
                    teams,
                    total,
                    pager,
                };
                self.render("teams.html", &url, &ctx)
            })
            .collect()
    }

    /// The decisions index, newest first by the date each row shows (decided, else
    /// proposed; number breaks ties), split into parts of [`DECISIONS_PER_PAGE`]; plus
    /// `decisions/index.json`, which the page's filters (status, type, team, tag in the
    /// query string) search when JavaScript runs.
    fn decisions_index(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let hb = self.handbook;
        let all: Vec<DecisionSummary> = self
            .by_news_date()
            .into_iter()
            .map(|(doc, d)| self.decision_summary(d, doc))
            .collect();
        let counts: Vec<(&'static str, usize)> = Status::ALL
            .iter()
            .map(|(name, s)| {
                let n = hb
                    .decisions
                    .keys()
                    .filter_map(|&k| hb.decision(k))
                    .filter(|(_, d)| d.status == *s)
                    .count();
                (*name, n)
            })
            .collect();
        let mut teams: Vec<Link> = hb
            .team_decisions
            .iter()
            .filter(|(_, nums)| !nums.is_empty())
            .filter_map(|(slug, _)| hb.team(slug))
            .map(|(doc, c)| Link {
                title: c.name.clone(),
                url: doc.url.clone(),
            })
            .collect();
        teams.sort_by_key(|t| t.title.to_lowercase());
        // Past a few hundred choices a drop-down is unusable and would make every part of
        // the list grow with the handbook: the filter becomes a text box.
        let team_box = teams.len() > FILTER_CHOICES_MAX;
        if team_box {
            teams.clear();
        }
        let mut tags: Vec<String> = hb
            .decisions
            .keys()
            .filter_map(|&k| hb.decision(k))
            .flat_map(|(_, d)| d.tags.iter().cloned())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let tag_box = tags.len() > FILTER_CHOICES_MAX;
        if tag_box {
            tags.clear();
        }
        let json = decisions_json_files(&all);
        let row_files = json.len();
        let total = all.len();
        let chunks = paginate::chunks(all, DECISIONS_PER_PAGE);
        let parts = paginate::part_links(&chunks, "decisions/index.html", |a, b| {
            Some(format!("{} – {}", a.shown_date, b.shown_date))
        });
        let pagers = paginate::pagers(&parts);
        let mut out: Vec<Result<OutputFile, Diagnostic>> = chunks
            .into_iter()
            .zip(pagers)
            .map(|(decisions, pager)| {
                let url = parts[pager.part - 1].url.clone();
                let mut base = self.base(&url, pager.titled("Decisions"), None, "decisions");
                base.breadcrumbs = Self::home_crumb(base.t);
                let ctx = DecisionsIndex {
                    base,
                    decisions,
                    counts: counts.clone(),
                    total,
                    teams: teams.clone(),
                    tags: tags.clone(),
                    team_box,
                    tag_box,
                    statuses: Status::ALL.iter().map(|(n, _)| *n).collect(),
                    row_files,
                    pager,
                };
                self.render("decisions.html", &url, &ctx)
            })
            .collect();
        out.extend(json.into_iter().map(Ok));
        out
    }

    /// `handbook.html` (top-level pages and one entry per section) and the section pages
    /// below it (`handbook-index/…`), each bounded by [`nav::INDEX_PAGE_ROWS`].
    fn handbook_index(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let nav = self.nav();
        let folder_link = |f: usize| Link {
            title: nav.folders[f].title.clone(),
            url: nav.index_url(f),
        };
        let mut top_pages = Vec::new();
        let mut sections = Vec::new();
        let mut entries = Vec::new();
        for e in &nav.folders[0].entries {
            match *e {
                nav::Entry::Page(id) => {
                    top_pages.push(self.page_entry(id));
                    entries.push((top_pages.len() - 1, true));
                }
                nav::Entry::Folder(f) => sections.push(HandbookSection {
                    link: folder_link(f),
                    index: nav.folders[f].index.map(|id| self.link_to(id)),
                    pages: nav.folders[f].pages,
                    parts: nav
                        .index_pages
                        .iter()
                        .filter(|p| p.section == f)
                        .map(|p| Link {
                            title: format!("Part {}", p.part),
                            url: p.url.clone(),
                        })
                        .collect(),
                }),
            }
            if let nav::Entry::Folder(_) = e {
                entries.push((sections.len() - 1, false));
            }
        }
        let parts = Self::under_part_titles(nav, entries.len(), |(title, range)| HandbookPart {
            title: title.to_string(),
            entries: entries[range]
                .iter()
                .map(|&(i, page)| HandbookEntry {
                    page: page.then(|| top_pages[i].clone()),
                    section: (!page).then(|| sections[i].clone()),
                })
                .collect(),
        });
        let mut out = vec![self.render(
            "handbook.html",
            "handbook.html",
            &HandbookIndex {
                base: {
                    let mut b = self.base("handbook.html", "Handbook".into(), None, "handbook");
                    b.breadcrumbs = Self::home_crumb(b.t);
                    b
                },
                pages: top_pages,
                sections,
                parts,
                total: nav.order.len(),
            },
        )];
        let parts: Vec<_> = nav
            .index_pages
            .par_iter()
            .map(|p| {
                let section = &nav.folders[p.section];
                let title = if p.parts > 1 {
                    format!("{} (part {} of {})", section.title, p.part, p.parts)
                } else {
                    section.title.clone()
                };
                let groups = p
                    .groups
                    .iter()
                    .map(|(f, ids)| {
                        let folder = &nav.folders[*f];
                        HandbookGroup {
                            id: nav::Nav::folder_anchor(&folder.path),
                            title: folder.title.clone(),
                            path: folder.path.clone(),
                            depth: folder.path.matches('/').count(),
                            pages: ids.iter().map(|&id| self.page_entry(id)).collect(),
                        }
                    })
                    .collect();
                let siblings: Vec<&nav::IndexPage> = nav
                    .index_pages
                    .iter()
                    .filter(|q| q.section == p.section)
                    .collect();
                let link = |q: &nav::IndexPage| Link {
                    title: format!("Part {}", q.part),
                    url: q.url.clone(),
                };
                let mut base = self.base(&p.url, title, None, "handbook");
                base.breadcrumbs = Self::crumbs_from(base.t, (&base.t.handbook, "handbook.html"));
                let ctx = HandbookSectionPage {
                    base,
                    section: Link {
                        title: section.title.clone(),
                        url: p.url.clone(),
                    },
                    groups,
                    pager: Pager {
                        part: p.part,
                        parts: p.parts,
                        prev: p.part.checked_sub(2).map(|i| link(siblings[i])),
                        next: siblings.get(p.part).map(|q| link(q)),
                        all: paginate::window(
                            &siblings.iter().map(|q| link(q)).collect::<Vec<_>>(),
                            p.part,
                        ),
                    },
                };
                self.render("handbook_section.html", &p.url, &ctx)
            })
            .collect();
        out.extend(parts);
        out
    }

    /// The first `listed` top-level entries of the handbook in runs under the part titles
    /// of `SUMMARY.md` (`nav::Nav::top_level_parts`), each made by `part`; none without
    /// part titles, where the templates list the entries as they are.
    fn under_part_titles<T>(
        nav: &nav::Nav,
        listed: usize,
        part: impl FnMut((&str, std::ops::Range<usize>)) -> T,
    ) -> Vec<T> {
        let runs = nav.top_level_parts();
        if runs.iter().all(|(title, _)| title.is_empty()) {
            return Vec::new();
        }
        runs.into_iter()
            .filter(|(_, r)| r.start < listed)
            .map(|(title, r)| (title, r.start..r.end.min(listed)))
            .map(part)
            .collect()
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
        #[derive(serde::Serialize)]
        struct NotFound<'b> {
            #[serde(flatten)]
            base: Base<'b>,
            inline_css: &'static str,
        }
        let ctx = NotFound {
            base,
            inline_css: theme::default_stylesheet(),
        };
        self.render("404.html", "404.html", &ctx)
    }

    /// `generated`: the pages about the whole handbook that were rendered (all parts of the
    /// split indexes included). One `sitemap.xml` up to [`SITEMAP_MAX_URLS`] addresses;
    /// past that, `sitemap.xml` is a sitemap index of `sitemap-1.xml`, `sitemap-2.xml`, …
    fn sitemaps(&self, generated: &[&str]) -> Vec<Result<OutputFile, Diagnostic>> {
        let prefix = self
            .handbook
            .config
            .base_url
            .as_deref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
            .unwrap_or_default();
        // Every generated page a reader would land on (not the 404 page or the search page).
        let mut entries: Vec<SitemapEntry> = generated
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
        // Pages listed both as generated and by another rule appear once.
        let mut seen = std::collections::HashSet::new();
        entries.retain(|e| seen.insert(e.loc.clone()));
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
            .chain(
                self.handbook
                    .redirects_elsewhere
                    .iter()
                    .map(|(from, to)| SitemapRedirect {
                        from: comment_safe(from),
                        to: to.replace("--", "-%2D"),
                    }),
            )
            .collect();
        if entries.len() <= SITEMAP_MAX_URLS {
            return vec![self.render(
                "sitemap.xml",
                "sitemap.xml",
                &Sitemap { entries, redirects },
            )];
        }
        let mut files = Vec::new();
        let mut parts = Vec::new();
        for (i, chunk) in entries.chunks(SITEMAP_MAX_URLS).enumerate() {
            let path = format!("sitemap-{}.xml", i + 1);
            parts.push(format!("{prefix}{path}"));
            let part = Sitemap {
                entries: chunk.to_vec(),
                redirects: Vec::new(),
            };
            files.push(self.render("sitemap.xml", &path, &part));
        }
        files.push(self.render(
            "sitemap_index.xml",
            "sitemap.xml",
            &SitemapIndex { parts, redirects },
        ));
        files
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

    /// Where [`Self::doc_page`] puts document `id`'s page, known before it is rendered, so
    /// that a streaming build can claim every path before writing any.
    pub fn doc_page_path(&self, id: DocId) -> Option<&'a str> {
        let doc = &self.handbook.docs[id];
        match &doc.kind {
            DocKind::Page(p) if p.is_home => None,
            _ => Some(doc.url.as_str()),
        }
    }

    /// Pages about the handbook as a whole (home, indexes, org-level pages, 404, sitemap).
    /// `orgbook serve` re-renders all of them after every change, so a page added here
    /// stays live without serve-specific code.
    pub fn site_pages(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let parts = std::sync::Mutex::new(Vec::new());
        self.site_pages_into(|job, files| {
            parts
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((job, files))
        });
        let mut parts = parts.into_inner().unwrap_or_else(|e| e.into_inner());
        parts.sort_unstable_by_key(|p| p.0);
        parts.into_iter().flat_map(|p| p.1).collect()
    }

    /// [`Self::site_pages`], handed to `sink` a group at a time as each is rendered (with
    /// the group's place in `site_pages`' order), so that a build can write them without
    /// holding them all; the sitemap, which lists the others, comes last.
    pub fn site_pages_into(
        &self,
        sink: impl Fn(usize, Vec<Result<OutputFile, Diagnostic>>) + Sync,
    ) {
        // The index pages are the biggest pages of a large handbook; rendered one after the
        // other they would leave the other cores idle at the end of a build.
        type Job<'r> = Box<dyn Fn() -> Vec<Result<OutputFile, Diagnostic>> + Sync + Send + 'r>;
        let jobs: Vec<Job<'_>> = vec![
            Box::new(|| vec![self.home()]),
            Box::new(|| self.teams_index()),
            Box::new(|| self.decisions_index()),
            Box::new(|| self.handbook_index()),
            Box::new(|| self.orgmap_pages()),
            Box::new(|| self.ownership_page()),
            Box::new(|| vec![self.health_page(self.health)]),
            Box::new(|| self.interactions_pages()),
            Box::new(|| self.people_pages()),
            Box::new(|| {
                vec![
                    self.simple("search.html", "search.html", "Search", "search"),
                    self.not_found(),
                ]
            }),
            Box::new(|| self.feeds()),
        ];
        let generated = std::sync::Mutex::new(Vec::new());
        jobs.par_iter().enumerate().for_each(|(i, job)| {
            let files = job();
            generated.lock().unwrap_or_else(|e| e.into_inner()).extend(
                files
                    .iter()
                    .filter_map(|f| f.as_ref().ok())
                    .map(|f| f.path.clone()),
            );
            sink(i, files);
        });
        let mut generated = generated.into_inner().unwrap_or_else(|e| e.into_inner());
        generated.sort_unstable();
        let generated: Vec<&str> = generated.iter().map(String::as_str).collect();
        sink(jobs.len(), self.sitemaps(&generated));
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
        collect_pages(
            per_doc.into_iter().flatten().chain(site_pages),
            &mut files,
            diags,
        );
        files
    }
}

/// Collects rendered pages, keeping one diagnostic per distinct message: one broken
/// template would otherwise be reported once per page. The only place pages' results are
/// gathered, so `build` and `serve` report a template error the same way.
pub fn collect_pages(
    results: impl IntoIterator<Item = Result<OutputFile, Diagnostic>>,
    files: &mut Vec<OutputFile>,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen = std::collections::BTreeSet::new();
    for result in results {
        match result {
            Ok(f) => files.push(f),
            Err(d) => {
                if seen.insert(d.message.clone()) {
                    diags.push(d);
                }
            }
        }
    }
}

/// The message leaves the page out so that [`collect_pages`], which keeps one
/// diagnostic per message, reports a template broken for every page once; the page that
/// showed it goes in the help.
fn template_error(template: &str, path: &str, e: &dyn std::error::Error) -> Diagnostic {
    let chain = theme::error_chain(e);
    let mut d = Diagnostic::error(
        "template",
        &format!("templates/{template}"),
        format!("template error: {chain}"),
    )
    .with_help(format!(
        "check the variables this template uses against docs/theming.md (first seen rendering {path})"
    ));
    if let Some((line, column)) = tera_location(&chain) {
        d.line = line;
        d.column = column;
    }
    d
}

/// Tera prints where a render error is as `--> name:line:col` inside its message; lifting
/// it out locates the diagnostic instead of leaving it at line 0.
fn tera_location(msg: &str) -> Option<(u32, u32)> {
    let at = msg.find("--> ")? + 4;
    let loc = msg[at..].split_whitespace().next()?;
    let mut parts = loc.rsplitn(3, ':');
    let column = parts.next()?.parse().ok()?;
    let line = parts.next()?.parse().ok()?;
    (line > 0).then_some((line, column))
}

/// The org maps' stylesheet, then the theme's static files, then the handbook's `static/`
/// (later wins), then assets. The stylesheet is generated, but it is a layer like the
/// theme's files: a theme (or `static/`) that ships its own `orgbook/orgmap.css` restyles
/// every map without fighting the built-in rules.
pub fn static_files(
    root: &std::path::Path,
    handbook: &Handbook,
    theme: &theme::Theme,
) -> Vec<OutputFile> {
    let mut files: BTreeMap<String, FileContents> = BTreeMap::new();
    files.insert(
        crate::orgmap::STYLESHEET_PATH.to_string(),
        FileContents::Static(crate::orgmap::stylesheet().as_bytes()),
    );
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
    // Assets are not a layer over `static/`: a clash is reported by claims.rs (`check`), not
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
        .chain(
            handbook
                .inline_images
                .iter()
                .map(|(path, bytes)| OutputFile {
                    path: path.clone(),
                    contents: FileContents::Bytes(bytes.to_vec()),
                }),
        )
        .collect()
}

/// Re-export for stages that only need to know whether a doc links elsewhere.
pub use link::GENERATED_PATHS;

#[cfg(test)]
mod template_error_tests {
    #[test]
    fn tera_locations_are_lifted_and_line_zero_is_not() {
        let msg = "error: Variable `x` is not defined\n     --> page.html:3:4\n      |";
        assert_eq!(super::tera_location(msg), Some((3, 4)));
        assert_eq!(super::tera_location("--> page.html:0:1"), None);
        assert_eq!(super::tera_location("no location"), None);
    }
}

#[cfg(test)]
mod code_link_tests {
    #[test]
    fn code_paths_link_to_one_place_in_the_forge_of_edit_url() {
        let mut repo = crate::config::RepositoryConfig {
            url: Some("https://github.com/acme/mono/".into()),
            ..Default::default()
        };
        let link = |repo: &crate::config::RepositoryConfig, p: &str| super::code_link(repo, p);
        assert_eq!(
            link(&repo, "/services/my api/").as_deref(),
            Some("https://github.com/acme/mono/tree/main/services/my%20api")
        );
        assert_eq!(
            link(&repo, "docs/api/").as_deref(),
            Some("https://github.com/acme/mono/tree/main/docs/api")
        );
        for many in [
            "*",
            "docs/",
            "Makefile",
            "*.go",
            "/src/**/x",
            "!/gen/",
            "/a/../b/",
        ] {
            assert_eq!(link(&repo, many), None, "{many}");
        }
        repo.branch = Some("trunk".into());
        repo.edit_url = Some("{url}/-/edit/{branch}/{path}".into());
        assert_eq!(
            link(&repo, "/ci/").as_deref(),
            Some("https://github.com/acme/mono/-/tree/trunk/ci")
        );
        repo.edit_url = Some("{url}/_edit/{branch}/{path}".into());
        assert_eq!(
            link(&repo, "/ci/").as_deref(),
            Some("https://github.com/acme/mono/src/branch/trunk/ci")
        );
        repo.tree_url = Some("{url}/browse/{path}?at={branch}".into());
        assert_eq!(
            link(&repo, "/ci/").as_deref(),
            Some("https://github.com/acme/mono/browse/ci?at=trunk")
        );
        repo.url = None;
        assert_eq!(link(&repo, "/ci/"), None);
    }
}
