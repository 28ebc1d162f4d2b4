//! Team pages other handbooks write (a folder per team with its README or index) read as
//! charters: their parents, purposes and old addresses, and two pages that would be one team.

use super::*;

/// A team's page read as its charter (`load::team_page`) whose slug (its folder's name)
/// another charter has stays the page it was, with a warning: the handbook did not ask
/// for a charter, so one that built before must still build. A charter with front matter
/// keeps the slug; among team pages alone, the first by path does.
pub(super) fn team_pages_sharing_a_slug(
    docs: &mut [crate::model::Doc],
    diags: &mut Vec<Diagnostic>,
) {
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

/// A team read from its page (`load::team_page`) sits under the group its folders name:
/// the nearest folder above the team's own, other than a `teams` folder, that is named
/// like a group's charter (`departments/engineering/teams/delivery/` under the group
/// `engineering`, `teams/growth/retention/` under `growth`), as `teams/platform/` is the
/// folder of `teams/platform.md`. Only a group (`kind = "group"`): a folder named like a
/// team is that team's folder of pages, not a parent. Set afresh on every link, since
/// `serve` links the same documents again after a group comes or goes; a handbook
/// without team pages pays one pass over its documents.
pub(super) fn team_page_parents(docs: &mut [crate::model::Doc]) {
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
pub(super) fn team_page_purposes(docs: &mut [crate::model::Doc]) {
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
pub(super) fn team_page_redirects(
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

/// The pages in each team's folder, by team slug, in path order. A team's folder is the
/// folder its charter is the index page of (`teams/payments/index.md`), or the folder
/// named like its charter beside it (`teams/platform/` for `teams/platform.md`); a page
/// belongs to the nearest such folder above it. Pages under `teams/` in no team's folder
/// get one warning per folder below `teams/`: they were likely meant as charters, or are
/// a team's pages whose index page lacks the charter's keys.
pub(super) fn team_pages(
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
pub(super) fn loose_team_pages(
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
