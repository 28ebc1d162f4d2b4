//! Which page is a folder's own (index.md, README.md, `_index.md`, another tool's home page)
//! and the paths pages are found by with and without their folder's prefix.

use super::*;

/// The folder of a source path: `content/a/b.md` → `content/a`.
pub fn folder_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Pages by their path without number prefixes, as Docusaurus names them: each folder
/// and file name loses a leading `1_`, `01-` or `2.` (`content/1_start/2_setup.mdx` →
/// `content/start/setup`). A name two pages share is left out (it names neither), and so
/// is a path a page has as it is. Decision records keep their numbers: they are not
/// Docusaurus pages.
pub(super) fn unprefixed_paths(docs: &[crate::model::Doc]) -> HashMap<String, DocId> {
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
    pub(super) fn strip(segment: &str) -> &str {
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

/// Hugo reads a folder with an `_index.md` as a branch bundle, a section whose page that
/// file is; an `index.md` beside it is then one of the section's pages, published at
/// `index/` (Hugo's `/section/index/`), not a second page of the folder. Set afresh on
/// every link, both ways: `serve` links the same documents again after `_index.md` comes
/// or goes. A `url`, `slug` or `permalink` of the page's own stays.
pub(super) fn index_md_in_branch_bundles(docs: &mut [crate::model::Doc]) {
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
pub(super) fn homes_of_other_tools(docs: &mut [crate::model::Doc]) {
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
pub(super) fn folder_indexes(
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
pub(super) fn sibling_folder_pages(
    docs: &[crate::model::Doc],
    indexes: &mut BTreeMap<String, DocId>,
) {
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
