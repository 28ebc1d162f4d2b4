//! Handbook navigation: the reading order of handbook pages (folder by folder, by `weight`
//! then title), the folder tree behind the section sidebar, previous/next links and the
//! per-section pages of the handbook index; in a Dendron vault the sidebar nests the notes by
//! their dotted names ([`Vault`]). Built once per render from the loaded pages and
//! shared by every page, so a page's sidebar costs O(depth × window), never O(handbook).
//!
//! "No page grows with the handbook": a folder may hold thousands of pages, so a sidebar
//! level lists at most [`WINDOW`] entries around the current page and links the rest to the
//! folder's part of the handbook index. Only the folders on the way to the current page are
//! open; the others are single links.

use super::context::Link;
use super::org::escape_html;
use crate::link::Handbook;
use crate::model::DocId;
use std::collections::HashMap;
use std::fmt::Write as _;

/// Entries listed around the current one in each sidebar level.
pub const WINDOW: usize = 25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Page(DocId),
    Folder(usize),
}

#[derive(Debug)]
pub struct Folder {
    /// Source folder relative to `content/` (`""` for the root).
    pub path: String,
    pub title: String,
    /// The folder's `_index.md`, when it has one.
    pub index: Option<DocId>,
    pub parent: Option<usize>,
    pub entries: Vec<Entry>,
    /// Handbook pages in this folder and below.
    pub pages: usize,
}

/// A Dendron vault's folder (`load::is_dendron_root`): its notes, flat on disk (`eng.md`,
/// `eng.oncall.md`, `eng.oncall.runbook.md`), nest in the sidebar by their dotted names, as
/// Dendron shows them. Only the sidebar: their addresses, breadcrumbs, reading order and
/// handbook index stay the folder's. Indices are into the folder's `entries`.
struct Vault {
    /// The entries below no other note, in order.
    top: Vec<usize>,
    /// Each entry's note above it: the nearest of its dotted name's ancestors that is a
    /// note of the folder (`eng` for `eng.oncall.runbook` without `eng.oncall`).
    parent: Vec<Option<usize>>,
    /// Each entry's notes right below it, in order.
    children: Vec<Vec<usize>>,
    /// Each entry and the notes below it, counted.
    count: Vec<usize>,
}

impl Vault {
    fn of(hb: &Handbook, folder: &Folder) -> Vault {
        let n = folder.entries.len();
        let stems: Vec<Option<&str>> = folder
            .entries
            .iter()
            .map(|e| match *e {
                Entry::Page(id) => {
                    let path = hb.docs[id].source.path.as_str();
                    let file = path.rsplit_once('/').map_or(path, |(_, f)| f);
                    file.rsplit_once('.').map(|(stem, _)| stem)
                }
                Entry::Folder(_) => None,
            })
            .collect();
        let by_stem: HashMap<&str, usize> = stems
            .iter()
            .enumerate()
            .filter_map(|(i, s)| Some(((*s)?, i)))
            .collect();
        let parent: Vec<Option<usize>> = stems
            .iter()
            .map(|stem| {
                let mut name = (*stem)?;
                loop {
                    name = name.rsplit_once('.')?.0;
                    if let Some(&p) = by_stem.get(name) {
                        return Some(p);
                    }
                }
            })
            .collect();
        let mut top = Vec::new();
        let mut children = vec![Vec::new(); n];
        let mut count = vec![1; n];
        for (i, p) in parent.iter().enumerate() {
            match *p {
                Some(p) => children[p].push(i),
                None => top.push(i),
            }
            // Each note counts once in each note above it (as many as its name has dots).
            let mut up = *p;
            while let Some(u) = up {
                count[u] += 1;
                up = parent[u];
            }
        }
        Vault {
            top,
            parent,
            children,
            count,
        }
    }
}

/// The notes of a Dendron vault listed at one level of the sidebar: `list` (the top of the
/// hierarchy, or one note's children), the notes from the top to the focus (`path`), and
/// how far down `path` this level is.
#[derive(Clone, Copy)]
struct Notes<'v> {
    vault: &'v Vault,
    list: &'v [usize],
    path: &'v [usize],
    level: usize,
}

pub struct Nav {
    /// Handbook pages (not the home page) in reading order.
    pub order: Vec<DocId>,
    /// Position of a document in `order`, by id.
    pos: Vec<Option<usize>>,
    /// Folder 0 is `content/` itself.
    pub folders: Vec<Folder>,
    /// The folder a page is listed in (an `_index.md` stands for its own folder).
    folder_of: HashMap<DocId, usize>,
    /// The pages of the handbook index below `handbook.html`, one or more per section.
    pub index_pages: Vec<IndexPage>,
    /// The handbook-index page listing each folder (`handbook.html` for the root).
    folder_index: Vec<String>,
    /// The part titles of `SUMMARY.md` (`link::summary`), each with the top-level entry
    /// it stands above (an index into `folders[0].entries`), in order.
    part_titles: Vec<(usize, String)>,
    /// The folders that are Dendron vaults, whose notes nest in the sidebar.
    vaults: HashMap<usize, Vault>,
    /// Slug of the lone top-level charter that contains every group, if there is one:
    /// computed here once because every team page's org-map link depends on it.
    pub lone_root: Option<String>,
    /// Part of the interactions view (`interactions.html`, `interactions-2.html`…) that
    /// draws each charter, by slug: every team page links to its row.
    pub ix_part: HashMap<String, usize>,
    /// Interactions in the whole view, for the lede of each of its parts.
    pub ix_interactions: usize,
    /// Part of the org map overview (0-based) listing each team outside any group, by
    /// slug: every such team page links to its entry.
    pub loose_part: HashMap<String, usize>,
    /// Part of its group's map page (0-based) that owns each charter's box, by slug, for
    /// those of groups split over several parts and not on the first (`org::group_parts`):
    /// every team page links to its box.
    pub group_part: HashMap<String, usize>,
}

/// Most pages listed on one page of the handbook index (about 150 bytes each).
pub const INDEX_PAGE_ROWS: usize = 1000;

/// One page of the handbook index: part of one top-level section.
pub struct IndexPage {
    pub url: String,
    pub section: usize,
    /// 1-based part of the section, and how many parts it has.
    pub part: usize,
    pub parts: usize,
    /// Runs of pages, each from one folder, in reading order.
    pub groups: Vec<(usize, Vec<DocId>)>,
}

impl Nav {
    /// `order` must be the handbook pages in reading order (see `Renderer::page_entries`).
    pub fn build(hb: &Handbook, order: Vec<DocId>) -> Nav {
        // Pages marked `nav_exclude` are listed nowhere; their own sidebar is their
        // folder's (or the nearest listed folder above it), placed once the tree is built.
        let (order, hidden): (Vec<DocId>, Vec<DocId>) =
            order.into_iter().partition(|&id| !nav_hidden(hb, id));
        let mut pos = vec![None; hb.docs.len()];
        for (i, &id) in order.iter().enumerate() {
            pos[id] = Some(i);
        }
        let mut folders = vec![Folder {
            path: String::new(),
            title: "Handbook".into(),
            index: None,
            parent: None,
            entries: Vec::new(),
            pages: 0,
        }];
        let mut by_path: HashMap<String, usize> = HashMap::new();
        by_path.insert(String::new(), 0);
        let mut folder_of = HashMap::with_capacity(order.len());
        // The table of contents' place of the page that opened each top-level entry.
        let mut top_places: Vec<Option<i64>> = Vec::new();
        for &id in &order {
            let top_entries = folders[0].entries.len();
            let doc = &hb.docs[id];
            let rel = doc
                .source
                .path
                .strip_prefix("content/")
                .unwrap_or(&doc.source.path);
            let (mut dir, file) = rel.rsplit_once('/').unwrap_or(("", rel));
            // A page beside the folder it stands for is listed as that folder's page.
            if let Some(folder) = hb.folder_page_of(id)
                && !matches!(&doc.kind, crate::model::DocKind::Page(p) if p.folder_index)
            {
                dir = folder.strip_prefix("content/").unwrap_or(folder);
            }
            // Make sure every folder on the way exists, in the order pages first reach it
            // (which is the reading order, since folders sort by their own key).
            let mut parent = 0;
            let mut prefix = String::new();
            if !dir.is_empty() {
                for part in dir.split('/') {
                    if !prefix.is_empty() {
                        prefix.push('/');
                    }
                    prefix.push_str(part);
                    parent = match by_path.get(&prefix) {
                        Some(&f) => f,
                        None => {
                            let f = folders.len();
                            let settings = hb.folder_settings.get(&format!("content/{prefix}"));
                            folders.push(Folder {
                                path: prefix.clone(),
                                title: settings
                                    .and_then(|s| s.label.clone())
                                    .unwrap_or_else(|| crate::text::title_from_name(part)),
                                index: None,
                                parent: Some(parent),
                                entries: Vec::new(),
                                pages: 0,
                            });
                            folders[parent].entries.push(Entry::Folder(f));
                            by_path.insert(prefix.clone(), f);
                            f
                        }
                    };
                }
            }
            let is_index = hb.folder_index.get(&format!("content/{dir}")) == Some(&id);
            if is_index && parent != 0 && !file.is_empty() {
                folders[parent].index = Some(id);
                // A `_category_` label names the folder even when it has its own page
                // (as in Docusaurus); otherwise the page's title does.
                let labelled = hb
                    .folder_settings
                    .get(&format!("content/{dir}"))
                    .is_some_and(|s| s.label.is_some());
                if !labelled {
                    folders[parent].title = doc.nav_title().to_string();
                }
            } else {
                folders[parent].entries.push(Entry::Page(id));
            }
            if folders[0].entries.len() > top_entries {
                top_places.push(summary_place(hb, id));
            }
            folder_of.insert(id, parent);
            let mut f = Some(parent);
            while let Some(i) = f {
                folders[i].pages += 1;
                f = folders[i].parent;
            }
        }
        for id in hidden {
            let rel = hb.docs[id].source.path.strip_prefix("content/");
            let mut dir = rel.unwrap_or(&hb.docs[id].source.path);
            let folder = loop {
                dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
                if let Some(&f) = by_path.get(dir) {
                    break f;
                }
            };
            folder_of.insert(id, folder);
        }
        // A page only another language's folder has stands in the default language's
        // folder at its place (the nearest one there is), as its translations would.
        let languages = hb.config.language_folders.as_ref();
        for &id in hb.translations.alone.keys() {
            let path = hb.docs[id].source.path.as_str();
            let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
            let Some(default_dir) = crate::lang::default_language_dir(languages, dir) else {
                continue;
            };
            let mut dir = (default_dir.strip_prefix(crate::load::CONTENT_DIR))
                .map_or("", |d| d.trim_start_matches('/'));
            let folder = loop {
                if let Some(&f) = by_path.get(dir) {
                    break f;
                }
                dir = dir.rsplit_once('/').map_or("", |(d, _)| d);
            };
            folder_of.insert(id, folder);
        }
        let vaults = vaults(hb, &folders, &by_path);
        let mut nav = Nav {
            vaults,
            order,
            pos,
            folders,
            folder_of,
            index_pages: Vec::new(),
            folder_index: Vec::new(),
            part_titles: part_titles(hb, &top_places),
            lone_root: crate::render::org::lone_root(hb).map(str::to_string),
            ix_part: crate::render::insight::hierarchy_slugs(hb)
                .into_iter()
                .map(str::to_string)
                .zip(crate::render::insight::ix_parts(hb))
                .collect(),
            ix_interactions: crate::render::insight::count_interactions(hb),
            loose_part: crate::render::org::loose_parts(hb),
            group_part: crate::render::org::group_parts(hb),
        };
        nav.paginate_index();
        nav
    }

    /// Splits each top-level section into handbook-index pages of at most
    /// [`INDEX_PAGE_ROWS`] pages and records where each folder is listed.
    fn paginate_index(&mut self) {
        let mut folder_index = vec![String::from("handbook.html"); self.folders.len()];
        let sections: Vec<usize> = self.folders[0]
            .entries
            .iter()
            .filter_map(|e| match e {
                Entry::Folder(f) => Some(*f),
                Entry::Page(_) => None,
            })
            .collect();
        let mut used_slugs = std::collections::HashSet::new();
        for s in sections {
            let slug = crate::markdown::unique_id(
                crate::markdown::heading_id(&self.folders[s].path),
                &mut used_slugs,
            );
            // Folder runs in reading order: a folder's own pages, then its sub-folders.
            let mut runs: Vec<(usize, Vec<DocId>)> = Vec::new();
            let mut stack = vec![s];
            while let Some(f) = stack.pop() {
                let mut pages = Vec::new();
                if let Some(i) = self.folders[f].index {
                    pages.push(i);
                }
                let mut subs = Vec::new();
                for e in &self.folders[f].entries {
                    match *e {
                        Entry::Page(p) => pages.push(p),
                        Entry::Folder(c) => subs.push(c),
                    }
                }
                runs.push((f, pages));
                stack.extend(subs.into_iter().rev());
            }
            let first = self.index_pages.len();
            let mut current: Vec<(usize, Vec<DocId>)> = Vec::new();
            let mut rows = 0;
            let flush = |current: &mut Vec<(usize, Vec<DocId>)>, pages: &mut Vec<IndexPage>| {
                let part = pages.len() - first + 1;
                pages.push(IndexPage {
                    url: if part == 1 {
                        format!("handbook-index/{slug}.html")
                    } else {
                        format!("handbook-index/{slug}/{part}.html")
                    },
                    section: s,
                    part,
                    parts: 0,
                    groups: std::mem::take(current),
                });
            };
            for (f, pages) in runs {
                let mut rest = pages.as_slice();
                loop {
                    let room = INDEX_PAGE_ROWS - rows;
                    let take = rest.len().min(room);
                    if take > 0 || rest.is_empty() {
                        current.push((f, rest[..take].to_vec()));
                    }
                    rows += take.max(1);
                    rest = &rest[take..];
                    if rows >= INDEX_PAGE_ROWS {
                        flush(&mut current, &mut self.index_pages);
                        rows = 0;
                    }
                    if rest.is_empty() {
                        break;
                    }
                }
            }
            if !current.is_empty() || first == self.index_pages.len() {
                flush(&mut current, &mut self.index_pages);
            }
            let parts = self.index_pages.len() - first;
            for page in &mut self.index_pages[first..] {
                page.parts = parts;
                for (f, _) in &page.groups {
                    if folder_index[*f] == "handbook.html" {
                        folder_index[*f] = page.url.clone();
                    }
                }
            }
        }
        self.folder_index = folder_index;
    }

    fn link(hb: &Handbook, id: DocId) -> Link {
        let doc = &hb.docs[id];
        Link {
            title: doc.nav_title().to_string(),
            url: doc.url.clone(),
        }
    }

    pub fn prev(&self, hb: &Handbook, id: DocId) -> Option<Link> {
        let p = self.pos.get(id).copied().flatten()?;
        p.checked_sub(1).map(|q| Self::link(hb, self.order[q]))
    }

    pub fn next(&self, hb: &Handbook, id: DocId) -> Option<Link> {
        let p = self.pos.get(id).copied().flatten()?;
        self.order.get(p + 1).map(|&q| Self::link(hb, q))
    }

    /// Top-level section (folder below `content/`) a folder belongs to; `0` for the root.
    pub fn section_of(&self, mut f: usize) -> usize {
        while let Some(p) = self.folders[f].parent {
            if p == 0 {
                return f;
            }
            f = p;
        }
        f
    }

    /// Where a folder is listed in the handbook index (its page, at the folder's anchor).
    pub fn index_url(&self, f: usize) -> String {
        let page = &self.folder_index[f];
        if f == 0 {
            page.clone()
        } else {
            format!("{page}#{}", Self::folder_anchor(&self.folders[f].path))
        }
    }

    /// Where the folder of page `id` is listed in the handbook index; `None` for a page
    /// the navigation leaves out.
    pub fn listing_of(&self, id: DocId) -> Option<String> {
        self.folder_of.get(&id).map(|&f| self.index_url(f))
    }

    /// Where the handbook index lists `folder` (relative to `content/`), the folder of page
    /// `id` or one above it; the page's own folder's listing when `folder` is not on its
    /// way up (a page the navigation moved).
    pub fn listing_of_folder(&self, id: DocId, folder: &str) -> Option<String> {
        let mut f = *self.folder_of.get(&id)?;
        while self.folders[f].path != folder {
            match self.folders[f].parent {
                Some(parent) if self.folders[f].path.len() > folder.len() => f = parent,
                _ => return self.listing_of(id),
            }
        }
        Some(self.index_url(f))
    }

    /// The id of a folder's heading in the handbook index.
    pub fn folder_anchor(path: &str) -> String {
        format!("f-{}", crate::markdown::heading_id(path))
    }

    fn folder_href(&self, hb: &Handbook, f: usize) -> String {
        match self.folders[f].index {
            Some(id) => hb.docs[id].url.clone(),
            None => self.index_url(f),
        }
    }

    /// The sidebar of page `id` as a nested list (trusted markup; content escaped).
    pub fn sidebar_html(&self, hb: &Handbook, id: DocId, root: &str) -> Option<String> {
        let &here = self.folder_of.get(&id)?;
        // Folders from the root down to the page's own.
        let mut chain = vec![here];
        while let Some(p) = self.folders[*chain.last().unwrap_or(&0)].parent {
            chain.push(p);
        }
        chain.reverse();
        let mut out = String::with_capacity(4096);
        self.level(hb, &chain, 0, id, root, &mut out);
        Some(out)
    }

    /// One level of the sidebar: the entries of folder `chain[depth]`, with the focus on
    /// the next folder of the chain, else on the current page; in a Dendron vault, the
    /// notes at the top of its hierarchy ([`Vault`]).
    fn level(
        &self,
        hb: &Handbook,
        chain: &[usize],
        depth: usize,
        current: DocId,
        root: &str,
        out: &mut String,
    ) {
        let f = chain[depth];
        let focus_entry = match chain.get(depth + 1) {
            Some(&child) => Entry::Folder(child),
            None => Entry::Page(current),
        };
        let focus = self.folders[f]
            .entries
            .iter()
            .position(|e| *e == focus_entry);
        let Some(vault) = self.vaults.get(&f) else {
            return self.list(hb, (chain, depth), current, root, out, (focus, None));
        };
        // The notes from the top of the hierarchy down to the focus.
        let mut path = Vec::new();
        let mut at = focus;
        while let Some(i) = at {
            path.push(i);
            at = vault.parent[i];
        }
        path.reverse();
        let notes = Notes {
            vault,
            list: &vault.top,
            path: &path,
            level: 0,
        };
        self.list(hb, (chain, depth), current, root, out, (None, Some(notes)));
    }

    /// The entries of one sidebar level (see [`Self::level`]): a folder's, the focus at
    /// `focus`; or a Dendron vault's notes (`notes`), the focus on its path. At most
    /// [`WINDOW`] around the focus.
    fn list(
        &self,
        hb: &Handbook,
        (chain, depth): (&[usize], usize),
        current: DocId,
        root: &str,
        out: &mut String,
        (focus, notes): (Option<usize>, Option<Notes>),
    ) {
        let f = chain[depth];
        let folder = &self.folders[f];
        // Index into the folder's entries of the level's `i`th entry.
        let entry_at = |i: usize| notes.map_or(i, |v| v.list[i]);
        let n = notes.map_or(folder.entries.len(), |v| v.list.len());
        let focus = match notes {
            Some(v) => v
                .path
                .get(v.level)
                .and_then(|p| v.list.iter().position(|i| i == p)),
            None => focus,
        }
        .unwrap_or(0);
        let (start, end) = if n <= WINDOW {
            (0, n)
        } else {
            let half = WINDOW / 2;
            let start = focus.saturating_sub(half).min(n - WINDOW);
            (start, start + WINDOW)
        };
        let more = href_of(&self.index_url(f));
        out.push_str("<ul>");
        if start > 0 {
            let _ = write!(
                out,
                "<li class=\"sb-more\"><a href=\"{root}{more}\">{start} more before…</a></li>"
            );
        }
        let mut parts = self.part_titles.iter().peekable();
        let top = notes.is_none_or(|v| v.level == 0);
        for k in (start..end).map(entry_at) {
            // mdBook draws a part title as a heading between its chapters, not a link, and
            // its `---` as a line.
            while f == 0
                && top
                && let Some((at, title)) = parts.next_if(|(at, _)| *at <= k)
            {
                if *at == k && title.is_empty() {
                    out.push_str("<li class=\"sb-rule\" role=\"separator\"></li>");
                } else if *at == k {
                    let _ = write!(
                        out,
                        "<li class=\"sb-part\"><h2>{}</h2></li>",
                        escape_html(title)
                    );
                }
            }
            match folder.entries[k] {
                Entry::Page(pid) => {
                    let doc = &hb.docs[pid];
                    let href = escape_html(&crate::markdown::encode_path(&doc.url));
                    let cur = if pid == current {
                        " aria-current=\"page\""
                    } else {
                        ""
                    };
                    match notes.filter(|v| !v.vault.children[k].is_empty()) {
                        // A note with notes below it, on the way to the current page: open,
                        // as a folder on the way is, the note itself first.
                        Some(v) if v.path.get(v.level) == Some(&k) => {
                            let _ = write!(
                                out,
                                "<li class=\"sb-folder\"><details open><summary>{}</summary><p class=\"sb-index\"><a href=\"{root}{href}\"{cur}>Overview</a></p>",
                                escape_html(doc.nav_title())
                            );
                            let below = Notes {
                                list: &v.vault.children[k],
                                level: v.level + 1,
                                ..v
                            };
                            self.list(hb, (chain, depth), current, root, out, (None, Some(below)));
                            out.push_str("</details></li>");
                        }
                        Some(v) => {
                            let _ = write!(
                                out,
                                "<li class=\"sb-folder sb-closed\"><a href=\"{root}{href}\">{}</a> <span class=\"sb-count\">{}</span></li>",
                                escape_html(doc.nav_title()),
                                v.vault.count[k]
                            );
                        }
                        None => {
                            let _ = write!(
                                out,
                                "<li><a href=\"{root}{href}\"{cur}>{}</a></li>",
                                escape_html(doc.nav_title())
                            );
                        }
                    }
                }
                Entry::Folder(child) => {
                    let c = &self.folders[child];
                    let href = href_of(&self.folder_href(hb, child));
                    let cur = if c.index == Some(current) {
                        " aria-current=\"page\""
                    } else {
                        ""
                    };
                    if Some(&child) == chain.get(depth + 1) {
                        // The summary only opens and closes (a link inside it would be a
                        // control inside a control); the folder's own page comes first.
                        let _ = write!(
                            out,
                            "<li class=\"sb-folder\"><details open><summary>{}</summary>",
                            escape_html(&c.title)
                        );
                        if c.index.is_some() {
                            let _ = write!(
                                out,
                                "<p class=\"sb-index\"><a href=\"{root}{href}\"{cur}>Overview</a></p>"
                            );
                        }
                        self.level(hb, chain, depth + 1, current, root, out);
                        out.push_str("</details></li>");
                    } else {
                        let _ = write!(
                            out,
                            "<li class=\"sb-folder sb-closed\"><a href=\"{root}{href}\">{}</a> <span class=\"sb-count\">{}</span></li>",
                            escape_html(&c.title),
                            c.pages
                        );
                    }
                }
            }
        }
        if end < n {
            let _ = write!(
                out,
                "<li class=\"sb-more\"><a href=\"{root}{more}\">{} more…</a></li>",
                n - end
            );
        }
        out.push_str("</ul>");
    }

    /// Folder `_index.md` pages above page `id`, root first, for breadcrumbs.
    pub fn crumbs(&self, hb: &Handbook, id: DocId) -> Vec<Link> {
        let Some(&here) = self.folder_of.get(&id) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        let mut f = Some(here);
        while let Some(i) = f {
            match self.folders[i].index {
                Some(index) if index != id => out.push(Self::link(hb, index)),
                Some(_) => {}
                // A folder without a page of its own is still a step on the way: its
                // listing in the handbook index stands for it, as in the sidebar.
                None if i != 0 => out.push(Link {
                    title: self.folders[i].title.clone(),
                    url: self.index_url(i),
                }),
                None => {}
            }
            f = self.folders[i].parent;
        }
        out.reverse();
        out
    }

    /// The top-level entries (indices into `folders[0].entries`) in runs, each under the
    /// part title of `SUMMARY.md` that heads it in the sidebar (empty before the first
    /// title and after mdBook's `---`), in order: one untitled run without part titles. A
    /// part that heads nothing has no run.
    pub fn top_level_parts(&self) -> Vec<(&str, std::ops::Range<usize>)> {
        let n = self.folders[0].entries.len();
        let mut out = Vec::new();
        let (mut start, mut title) = (0, "");
        for (at, t) in &self.part_titles {
            if *at > start {
                out.push((title, start..*at));
            }
            (start, title) = (*at, t.as_str());
        }
        if n > start || out.is_empty() {
            out.push((title, start..n));
        }
        out
    }

    /// Whether a document is a handbook page listed in the navigation.
    pub fn contains(&self, id: DocId) -> bool {
        self.pos.get(id).copied().flatten().is_some()
    }
}

/// The page's place in `SUMMARY.md`, when it lists the page.
fn summary_place(hb: &Handbook, id: DocId) -> Option<i64> {
    match &hb.docs[id].kind {
        crate::model::DocKind::Page(p) => p.summary_weight,
        _ => None,
    }
}

/// Where each part title of `SUMMARY.md` stands among the top-level entries, given the
/// place in it of the page that opened each entry: above the first entry listed at or
/// after the part's first page. A part with nothing listed after it heads nothing.
fn part_titles(hb: &Handbook, top_places: &[Option<i64>]) -> Vec<(usize, String)> {
    let Some(toc) = &hb.toc else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut entry = 0;
    for part in &toc.parts {
        while entry < top_places.len() && top_places[entry].is_none_or(|p| p < part.before) {
            entry += 1;
        }
        if entry < top_places.len() {
            out.push((entry, part.title.clone()));
        }
    }
    out
}

/// The folders holding a Dendron vault's `root.md` (`load::is_dendron_root`: at the top of
/// `content/`, where it is the home page, or of a vault's folder), each with its notes'
/// hierarchy. Without one, a look at each document's path's end.
fn vaults(
    hb: &Handbook,
    folders: &[Folder],
    by_path: &HashMap<String, usize>,
) -> HashMap<usize, Vault> {
    let mut out = HashMap::new();
    for doc in &hb.docs {
        let path = doc.source.path.as_str();
        if !path.ends_with("root.md") || !crate::load::is_dendron_root(path, &doc.source.text) {
            continue;
        }
        let rel = path.strip_prefix("content/").unwrap_or(path);
        let dir = rel.rsplit_once('/').map_or("", |(d, _)| d);
        if let Some(&f) = by_path.get(dir) {
            out.entry(f).or_insert_with(|| Vault::of(hb, &folders[f]));
        }
    }
    out
}

/// Whether a page asked to be left out of the navigation (`nav_exclude`). A folder's own
/// page cannot be: it stands for the folder, which its other pages keep listed.
fn nav_hidden(hb: &Handbook, id: DocId) -> bool {
    match &hb.docs[id].kind {
        crate::model::DocKind::Page(meta) => {
            meta.nav_hidden && !meta.folder_index && hb.folder_page_of(id).is_none()
        }
        _ => false,
    }
}

/// An `href` value for a site-relative URL that may carry a `#fragment`: the path is
/// percent-encoded, the fragment kept as it is (both HTML-escaped).
fn href_of(target: &str) -> String {
    let (path, frag) = target.split_once('#').unwrap_or((target, ""));
    let mut h = escape_html(&crate::markdown::encode_path(path));
    if !frag.is_empty() {
        h.push('#');
        h.push_str(&escape_html(frag));
    }
    h
}
