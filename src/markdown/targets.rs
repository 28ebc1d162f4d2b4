//! Where a link's destination, as written, leads: a page of the handbook (by its file, its
//! folder, another generator's address for it, a Confluence title, a wiki name or a tag), a
//! file beside the content or in the site's static folder, or nothing ([`Resolved`]).

use super::*;

/// Where a Confluence link to the page titled `title` goes (`dialects::confluence`): the
/// page with that title (case aside; of several, the one in the folder `from_dir`, else
/// the first by path), else the page whose file is named so (as a wikilink finds it), as
/// a path from `content/` with `anchor`'s heading id. `None` when nothing has the title.
pub(super) fn confluence_page(
    handbook: &Handbook,
    from_dir: &str,
    title: &str,
    anchor: &str,
) -> Option<String> {
    let pages = handbook.pages_titled(title);
    let in_dir = |&&id: &&DocId| {
        let path = &handbook.docs[id].source.path;
        path.rsplit_once('/').map_or("", |(d, _)| d) == from_dir
    };
    let fragment = if anchor.is_empty() {
        String::new()
    } else {
        format!("#{}", crate::text::heading_id(anchor))
    };
    pages
        .iter()
        .find(in_dir)
        .or_else(|| pages.first())
        .map(|&id| {
            let path = &handbook.docs[id].source.path;
            format!(
                "/{}{fragment}",
                path.strip_prefix("content/").unwrap_or(path)
            )
        })
        .or_else(|| wiki_target(handbook, from_dir, title).map(|d| format!("{d}{fragment}")))
}

/// A Confluence address in raw HTML (`ri:page:Title#anchor`, `ri:attachment:rota.csv`,
/// as `dialects::confluence::links_in_html` writes them) made a path from `content/` as
/// the Markdown form's is; `Err` with the `broken-link` message and help when it names
/// nothing. `by_title` is set for a page's: the page depends on other pages' titles.
pub(super) fn confluence_raw(
    handbook: &Handbook,
    from_dir: &str,
    url: &str,
    by_title: &mut bool,
) -> Result<String, (String, &'static str)> {
    if let Some(file) = url.strip_prefix("ri:attachment:") {
        return wiki_target(handbook, from_dir, file)
            .ok_or_else(|| confluence_attachment_missing(file, false));
    }
    let named = url.strip_prefix("ri:page:").unwrap_or(url);
    *by_title = true;
    let (title, anchor) = named.split_once('#').unwrap_or((named, ""));
    confluence_page(handbook, from_dir, title, anchor).ok_or_else(|| confluence_page_missing(title))
}

/// Where a wikilink goes, as a destination the link resolver reads (`/path/under/content.md`
/// or `#heading`): `target` as a path from the page or from `content/` (Obsidian's
/// `[[folder/Note]]`), else a Logseq namespace page of that name (`[[Process/Review]]` is
/// `Process___Review.md`), else a page or file of that name anywhere (GitHub wikis and Obsidian
/// match by file name: `[[Release Process]]` is `release-process.md`), the one in the
/// page's folder first, else the one with the shortest path. A `#Heading` is the heading
/// of that text. `None` when nothing has that name.
pub(super) fn wiki_target(handbook: &Handbook, from_dir: &str, target: &str) -> Option<String> {
    let (name, heading) = match target.split_once('#') {
        Some((n, h)) => (n.trim(), Some(h.trim())),
        None => (target.trim(), None),
    };
    // Obsidian's block references (`#^id`) name no heading.
    let fragment = heading
        .filter(|h| !h.is_empty() && !h.starts_with('^'))
        .map(|h| format!("#{}", crate::text::heading_id(h)))
        .unwrap_or_default();
    if name.is_empty() {
        return (!fragment.is_empty()).then_some(fragment);
    }
    let under_content = |p: &str| p.strip_prefix("content/").map(str::to_string);
    let known = |rel: &str| {
        let path = format!("content/{rel}");
        handbook.by_path.contains_key(&path)
            || handbook.assets.binary_search(&rel.to_string()).is_ok()
    };
    let dir = under_content(from_dir).unwrap_or_default();
    for base in [dir.as_str(), ""] {
        for ext in ["", ".md", ".mdx", ".markdown"] {
            let rel = if base.is_empty() {
                format!("{name}{ext}")
            } else {
                format!("{base}/{name}{ext}")
            };
            if known(&rel) {
                return Some(format!("/{rel}{fragment}"));
            }
        }
    }
    let file = name.rsplit('/').next().unwrap_or(name);
    // A Logseq namespace (`[[Process/Review]]`) is one name, not a path.
    let namespaced = || {
        name.contains('/')
            .then(|| handbook.wiki_names().get(&crate::model::wiki_name(name)))
            .flatten()
    };
    let paths = namespaced()
        .or_else(|| handbook.wiki_names().get(&crate::model::wiki_name(file)))
        .or_else(|| {
            handbook
                .wiki_names()
                .get(&crate::model::wiki_name(crate::load::markdown_stem(file)))
        })?;
    let in_dir = |p: &&String| p.rsplit_once('/').map_or("", |(d, _)| d) == dir;
    let best = paths.iter().find(in_dir).or_else(|| {
        paths
            .iter()
            .min_by_key(|p| (p.matches('/').count(), p.as_str()))
    })?;
    Some(format!("/{best}{fragment}"))
}

/// Where a Logseq tag goes: where the wikilink of its name goes, except that a namespaced
/// tag (`#infra/tools`) names that one page (`infra___tools.md`) and is text without it:
/// in Logseq the page `tools` is another page, not a fallback.
pub(super) fn tag_target(handbook: &Handbook, from_dir: &str, name: &str) -> Option<String> {
    if !name.contains('/') {
        return wiki_target(handbook, from_dir, name);
    }
    let paths = handbook.wiki_names().get(&crate::model::wiki_name(name))?;
    let best = paths
        .iter()
        .min_by_key(|p| (p.matches('/').count(), p.as_str()))?;
    Some(format!("/{best}"))
}

pub(super) enum Resolved {
    Doc(DocId, String),
    Asset(String),
    Generated(&'static str),
    /// An old address mdBook's `book.toml` redirects to another site: that site's address.
    Elsewhere(String),
    Missing(String),
    /// A page marked `draft`: it exists but is not published.
    Draft(String),
    /// An extensionless link that names both `x.md` and the folder `x/`, or a link from
    /// the top that two folders above its page have (their source paths).
    Ambiguous(String, String),
}

/// Where a link destination (without the fragment) points. `/x` is resolved from
/// `content/` (`/` is the home page); a link to a folder, or to its `_index.md`,
/// `index.md` or `README.md`, is the folder's index page; `x` or `x.html` finds `x.md`.
pub(super) fn resolve_target(handbook: &Handbook, from_dir: &str, path: &str) -> Resolved {
    match resolve_decoded(handbook, from_dir, path) {
        // An Azure DevOps wiki writes a page's `-` as `%2D` in its file name
        // (`Git%2DFlow.md`), and links to it as written: the name, not what it decodes to.
        Resolved::Missing(m) if path.contains('%') => {
            match resolve_decoded(handbook, from_dir, &path.replace('%', "%25")) {
                Resolved::Missing(_) => Resolved::Missing(m),
                found => found,
            }
        }
        resolved => resolved,
    }
}

/// [`resolve_target`] of `path` percent-decoded.
pub(super) fn resolve_decoded(handbook: &Handbook, from_dir: &str, path: &str) -> Resolved {
    let decoded = percent_decode(path);
    let absolute = decoded.starts_with('/');
    let (base, rel) = if absolute {
        ("content", decoded.trim_start_matches('/'))
    } else {
        (from_dir, decoded.as_str())
    };
    let Some(joined) = join_path(base, rel) else {
        return Resolved::Missing(decoded);
    };
    if let Some(&id) = handbook.by_path.get(&joined) {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    let trimmed = joined.trim_end_matches('/');
    let folder = handbook
        .folder_index
        .get(trimmed)
        .or_else(|| handbook.team_folders.get(trimmed))
        .copied();
    let last = trimmed.rsplit('/').next().unwrap_or("");
    let extensionless = !last.contains('.') && !decoded.ends_with('/');
    // A page written in HTML (`about.html`, a Jekyll page) is named the same ways.
    let as_md = |p: &str| {
        let doc = |ext: &str| handbook.by_path.get(&format!("{p}{ext}")).copied();
        crate::load::MARKDOWN_EXTENSIONS
            .iter()
            .chain(crate::load::HTML_PAGE_EXTENSIONS)
            .find_map(|ext| doc(ext))
    };
    if let Some(id) = folder {
        // (Not when that page is the folder's own, beside it: `link::sibling_folder_pages`.)
        // Nor when that page is the charter whose team folder this is (a generated
        // README inside, the charter beside it): both name the team, so the link goes to
        // its page.
        if extensionless
            && let Some(other) = as_md(trimmed)
            && other != id
        {
            if handbook.team_folders.get(trimmed) == Some(&other) {
                return Resolved::Doc(other, handbook.docs[other].url.clone());
            }
            return Resolved::Ambiguous(
                handbook.docs[other].source.path.clone(),
                handbook.docs[id].source.path.clone(),
            );
        }
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    // A folder orgbook lists itself, named by its folder or by an index file it does not
    // have (`decisions/index.md`, as a Jekyll or MADR site links its decisions folder).
    let generated_folder = match trimmed.rsplit_once('/') {
        Some((dir, name))
            if crate::load::INDEX_NAMES
                .iter()
                .any(|n| n.eq_ignore_ascii_case(name)) =>
        {
            dir
        }
        _ => trimmed,
    };
    // mdBook's or GitBook's table of contents is no page: the home page lists what it did.
    if handbook.toc.is_some() && joined == crate::link::summary::PATH {
        return Resolved::Generated("index.html");
    }
    match generated_folder {
        "content/teams" => return Resolved::Generated("teams/index.html"),
        "content/decisions" => return Resolved::Generated("decisions/index.html"),
        "content" => return Resolved::Generated("index.html"),
        _ => {}
    }
    if let Some(rest) = joined.strip_prefix("content/")
        && handbook
            .assets
            // Sorted as strings by the load stage (`a.pdf` before `a/x.png`), whatever
            // order the walk found them in: search in that order.
            .binary_search_by(|a| a.as_str().cmp(rest))
            .is_ok()
    {
        return Resolved::Asset(rest.to_string());
    }
    // `setup/` as a pretty URL (Jekyll, Docusaurus) of `setup.md`, when no folder `setup/`
    // has an index page.
    let pretty = decoded.ends_with('/') && !last.contains('.');
    let stem = if extensionless || pretty {
        Some(trimmed)
    } else {
        trimmed
            .strip_suffix(".html")
            .or_else(|| trimmed.strip_suffix(".htm"))
    };
    if let Some(id) = stem.and_then(as_md) {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    // A link may name a page by its published address (`permalink`) or an old one
    // (`redirect_from`, `old_paths`): from the top, or relative to this page's.
    let address = if absolute {
        Some(decoded.clone())
    } else {
        joined
            .strip_prefix("content/")
            .map(|rest| format!("/{rest}"))
    };
    // mdBook writes a link to `old.md` as `old.html`, which its redirects answer.
    let as_html = address
        .as_deref()
        .and_then(crate::load::strip_markdown_extension)
        .map(|stem| format!("{stem}.html"));
    // A page published as a folder (`permalink: /guides/setup/`, Retype's `route`) is
    // reached by its address without the last `/` too, as a web server answers it.
    let as_folder = address
        .as_deref()
        .filter(|a| !a.ends_with('/') && !a.rsplit('/').next().unwrap_or(a).contains('.'))
        .map(|a| format!("{a}/"));
    for file in [address.as_deref(), as_html.as_deref(), as_folder.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(crate::load::url_path_to_file)
    {
        if let Some(&id) = handbook
            .by_url
            .get(&file)
            .or_else(|| handbook.redirects.get(&file))
        {
            return Resolved::Doc(id, handbook.docs[id].url.clone());
        }
        if let Some(to) = handbook.redirects_elsewhere.get(&file) {
            return Resolved::Elsewhere(to.clone());
        }
    }
    let extensions = crate::load::MARKDOWN_EXTENSIONS;
    let draft = std::iter::once(joined.clone())
        .chain(extensions.iter().map(|e| format!("{trimmed}{e}")))
        .chain(
            stem.into_iter()
                .flat_map(|s| extensions.iter().map(move |e| format!("{s}{e}"))),
        )
        .find(|p| handbook.drafts.contains(p));
    if let Some(d) = draft {
        return Resolved::Draft(d);
    }
    // Docusaurus names a page without its files' number prefixes (`./auto-create-license`
    // for `2_auto-create-license.mdx`, `/getting-started/x` for `1_getting-started/x.md`).
    if let Some(s) = stem
        && !handbook.unprefixed.is_empty()
        && let Some(&id) = handbook.unprefixed.get(&crate::link::unprefixed(s))
    {
        return Resolved::Doc(id, handbook.docs[id].url.clone());
    }
    // Sphinx's generated pages, which its sites link to (`[Index](genindex)`, a toctree's
    // `search`): orgbook's own index of every page, and its search page.
    match stem.map(|s| s.rsplit('/').next().unwrap_or(s)) {
        Some("genindex") => Resolved::Generated("handbook.html"),
        Some("search") => Resolved::Generated("search.html"),
        _ => Resolved::Missing(joined),
    }
}

/// The content file a Writerside topic's image names by its file name (`map.png`): the one
/// file of that name in a folder called `images` (Writerside's default images folder),
/// else the only file of that name anywhere. `None` when none is, or several are.
pub(super) fn writerside_image(handbook: &Handbook, name: &str) -> Option<String> {
    let name = crate::text::percent_decode_lenient(name);
    let paths = handbook.wiki_names().get(&crate::model::wiki_name(&name))?;
    let files: Vec<&String> = paths
        .iter()
        .filter(|p| p.rsplit('/').next() == Some(name.as_str()))
        .filter(|p| handbook.assets.binary_search(p).is_ok())
        .collect();
    let in_images: Vec<&String> = files
        .iter()
        .copied()
        .filter(|p| p.starts_with("images/") || p.contains("/images/"))
        .collect();
    match (in_images.as_slice(), files.as_slice()) {
        ([one], _) | ([], [one]) => Some(one.to_string()),
        _ => None,
    }
}

/// `path` (`/en/team/oncall`, `/en-gb/x`) without its first folder when that is English,
/// Wiki.js's default language (`en`, and a region: `en-gb`), and no folder of `content/` is
/// named so: `/team/oncall`. `/en` and `/en/` are the home page, `/`. Only English: any
/// two letters would also be a team's folder (`/hr/`, `/qa/`, `/ux/`), and a link into
/// one that was renamed would then open an unrelated page instead of being reported.
pub(super) fn without_locale<'p>(handbook: &Handbook, path: &'p str) -> Option<&'p str> {
    let rest = path.strip_prefix('/')?;
    let (code, after) = match rest.find('/') {
        Some(k) => (&rest[..k], &rest[k..]),
        None => (rest, "/"),
    };
    // Hugo's default language's folder read at the top of content/ (`load::hugo_default`):
    // its pages' addresses under the language (`defaultContentLanguageInSubdir`) are theirs.
    let folders = handbook.config.language_folders.as_ref();
    let moved = folders.and_then(|f| f.moved_default.as_deref()?.strip_prefix("content/"));
    if moved == Some(code) || folders.and_then(|f| f.default_subdir.as_deref()) == Some(code) {
        return Some(after);
    }
    let (language, region) = code.split_once('-').unwrap_or((code, "xx"));
    let is_english = language == "en"
        && (2..=4).contains(&region.len())
        && region.bytes().all(|b| b.is_ascii_alphabetic());
    if !is_english {
        return None;
    }
    let folder = format!("content/{code}");
    let has_folder = handbook.folder_index.contains_key(&folder)
        || handbook.near().first_in_folder(&folder).is_some()
        || handbook.near().pages_below(&folder).next().is_some();
    (!has_folder).then_some(after)
}

/// The page an Outline address names (`/doc/on-call-guide-Xk2P9qLm3Z`, also with a
/// heading's `#fragment`, cut off before this): the page whose file name is the slug
/// before Outline's 10-character id (`On-call guide.md`, as its export names it), the
/// one in the linking page's folder first, else the one with the shortest path. As a
/// path from `content/`.
pub(super) fn outline_document(handbook: &Handbook, from_dir: &str, path: &str) -> Option<String> {
    let (slug, id) = path.strip_prefix("/doc/")?.rsplit_once('-')?;
    if slug.is_empty() || id.len() != 10 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let names = handbook.wiki_names();
    // A title with punctuation (`Q&A: on-call`) keeps it in the export's file name, not
    // in Outline's slug (`qa-on-call`): the page's letters and digits find it then.
    let pages = names
        .get(&crate::model::wiki_name(slug))
        .or_else(|| names.get(&crate::link::outline_key(slug)))?;
    let dir = from_dir.strip_prefix("content").unwrap_or(from_dir);
    let dir = dir.strip_prefix('/').unwrap_or(dir);
    let folder = |p: &String| p.rsplit_once('/').map_or("", |(d, _)| d).to_string();
    pages
        .iter()
        .filter(|p| crate::load::strip_markdown_extension(p).is_some())
        .min_by_key(|p| (folder(p) != dir, p.matches('/').count(), p.as_str()))
        .map(|p| format!("/{p}"))
}

/// What the link from the top `path` names when read from one of the folders between the
/// linking page's (`from_dir`) and `content/`, which has no such file: the page or file
/// it finds, or, when two of those folders have one, the two as [`Resolved::Ambiguous`],
/// so the author picks (a guess would send readers to the wrong team's page). `None` when
/// no folder has it. One look-up per folder above the page.
pub(super) fn from_enclosing_site(
    handbook: &Handbook,
    from_dir: &str,
    path: &str,
) -> Option<Resolved> {
    let rel = path.trim_start_matches('/');
    let source_of = |found: &Resolved| match found {
        Resolved::Doc(id, _) => handbook.docs[*id].source.path.clone(),
        Resolved::Asset(file) => format!("content/{file}"),
        _ => String::new(),
    };
    let mut found: Option<Resolved> = None;
    let mut dir = from_dir;
    while let Some((parent, _)) = dir.rsplit_once('/') {
        if let here @ (Resolved::Doc(..) | Resolved::Asset(_)) = resolve_target(handbook, dir, rel)
        {
            match &found {
                // Found again from a folder higher up: the same page (a folder's index
                // named by its folder) is no second meaning.
                Some(first) if source_of(first) == source_of(&here) => {}
                Some(first) => {
                    return Some(Resolved::Ambiguous(source_of(first), source_of(&here)));
                }
                None => found = Some(here),
            }
        }
        dir = parent;
    }
    found
}

/// The folder a site with directory addresses served document `self_id` as (`a/page.md`
/// at `a/page/`), for a relative link written as an address (`../../b/page/`, `../b`,
/// `x.html`), not as a file (`../b.md`, which is relative to the file wherever it is
/// served). `None` for a folder's own page, which such a site serves at its folder.
pub(super) fn address_folder(
    handbook: &Handbook,
    self_id: DocId,
    from_dir: &str,
    path: &str,
) -> Option<String> {
    if path.starts_with('/') {
        return None;
    }
    let name = handbook.docs[self_id].source.path.rsplit('/').next()?;
    if crate::load::index_rank(name).is_some() {
        return None;
    }
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    if crate::load::is_markdown(last) {
        return None;
    }
    let stem = crate::load::page_stem(name);
    Some(format!("{from_dir}/{stem}"))
}

/// A published page in the folder `joined` names, or below it, when it is a folder
/// without an index page of its own: the handbook index lists that folder's pages and
/// sub-folders. A page directly in it comes first.
pub(super) fn folder_page(handbook: &Handbook, joined: &str) -> Option<DocId> {
    let folder = joined.trim_end_matches('/');
    let near = handbook.near();
    near.pages_in_folder(folder)
        .into_iter()
        .chain(near.pages_below(folder))
        .filter_map(|p| handbook.by_path.get(p).copied())
        .find(|&id| matches!(handbook.docs[id].kind, crate::model::DocKind::Page(_)))
}

/// For a missing `content/…` target (`joined`), the same path beside content/ when the
/// handbook's folder has it: a file or folder left behind when the pages moved in. Read
/// from disk, only for links that are broken otherwise.
pub(super) fn beside_content<'j>(handbook: &Handbook, joined: &'j str) -> Option<&'j str> {
    let root = handbook.root.as_ref()?;
    let rel = joined.strip_prefix("content/")?.trim_end_matches('/');
    (!rel.is_empty()
        && rel
            .split('/')
            .all(|p| !p.is_empty() && p != ".." && p != "."))
    .then_some(rel)
    .filter(|rel| std::fs::symlink_metadata(root.join(rel)).is_ok())
}

/// For a link to `joined` (a path from the handbook's folder) that is not under content/
/// but is a file or folder of the handbook's repository: `Some(Some(address))` on the
/// forge when `[repository] url` is set, `Some(None)` when it is not; `None` when there is
/// no such file (a broken link as any other). Read from disk, once a link: such links are
/// few (a README, a source folder), and the path cannot leave the handbook's folder
/// (`join_path` refuses `..` above it).
pub(super) fn outside_content(handbook: &Handbook, joined: &str) -> Option<Option<String>> {
    let root = handbook.root.as_ref()?;
    if joined.starts_with("content/") || joined == "content" || joined.is_empty() {
        return None;
    }
    std::fs::symlink_metadata(root.join(joined)).ok()?;
    Some(crate::config::code_link(
        &handbook.config.repository,
        &format!("/{}", joined.trim_end_matches('/')),
    ))
}

/// The help for a relative link that climbs out of content/ because the pages moved there
/// from Starlight's `src/content/docs/` (two folders deeper), whose images are in
/// `src/assets/`: the file the link named from there, where it is now, and the link to it.
/// Read from disk, once a broken link, as [`outside_content`] is.
pub(super) fn starlight_asset(handbook: &Handbook, from_dir: &str, path: &str) -> Option<String> {
    let below = from_dir
        .strip_prefix(crate::load::CONTENT_DIR)
        .filter(|b| b.is_empty() || b.starts_with('/'))?;
    let named = join_path(&format!("src/content/docs{below}"), path)?;
    let rest = named.strip_prefix("src/assets/")?;
    let now = format!("content/assets/{rest}");
    let link = relative_path(from_dir, &now);
    if handbook
        .assets
        .binary_search_by(|a| a.as_str().cmp(&now["content/".len()..]))
        .is_ok()
    {
        return Some(format!(
            "written from Starlight's src/content/docs/, it named src/assets/{rest}, which is {now} now: link `{link}`"
        ));
    }
    let root = handbook.root.as_ref()?;
    root.join(&named).is_file().then(|| {
        format!(
            "written from Starlight's src/content/docs/, it names {named}: move the images in with the pages (`git mv src/assets content/assets`) and link `{link}`"
        )
    })
}

/// The path in the site of a link that names no file under content/ but a file of
/// `static/` (copied to the site's root): `content/img/logo.png` or `static/img/logo.png` →
/// `img/logo.png`.
pub(super) fn static_file<'a>(handbook: &Handbook, joined: &'a str) -> Option<&'a str> {
    // From the site's root (`/img/a.png`, joined under content/), or, as a Docusaurus page
    // reaches its site's folder and has the file bundled, by a relative path that climbs
    // out of the docs (`../../static/img/a.png`, joined at the handbook's root).
    joined
        .strip_prefix("content/")
        .or_else(|| joined.strip_prefix("static/"))
        .filter(|p| handbook.static_files.contains(*p))
}
