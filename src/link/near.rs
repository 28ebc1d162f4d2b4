//! The nearest existing page to a path that names none (`did you mean …`), found without
//! comparing the path with every page.

use super::*;

/// Where to look for "did you mean" when a link is broken: files in the same folder (or
/// its parent) and files with the same name anywhere. Scanning every file for every broken
/// link would be quadratic on a large imported handbook with `[links] broken = "warn"`.
#[derive(Debug, Clone, Default)]
pub struct NearIndex {
    pub(super) by_folder: HashMap<String, Vec<String>>,
    pub(super) by_stem: HashMap<String, Vec<String>>,
    /// The keys of `by_folder`, sorted: the folders below one are a range of it.
    pub(super) folders: Vec<String>,
    /// Every folder (those holding only folders too) by the [`outline_key`] of its name:
    /// what a BookStack address names a book or a chapter by (`/books/on-call-support`).
    pub(super) by_name: HashMap<String, Vec<String>>,
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
pub(super) fn stem(path: &str) -> &str {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.').map_or(name, |(s, _)| s)
}
