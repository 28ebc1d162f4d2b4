//! A destination rewritten for the page it is on: resolved once ([`rewrite`]), recorded as a
//! [`LinkRef`] for the later anchor and backlink passes, and written as the target's output
//! address relative to the page; raw HTML's `href`/`src` go the same way.

use super::*;

/// Links a page has resolved, by destination, once it has many: a page with thousands of
/// links names the same few targets again and again, and resolving one (path joins,
/// lookups, percent-encoding) costs far more than a map lookup. Pages with few links never
/// fill the map, so they pay nothing.
#[derive(Default)]
pub(super) struct RepeatedLinks {
    pub(super) resolved: rustc_hash::FxHashMap<Box<str>, (LinkRef, Box<str>)>,
}

impl RepeatedLinks {
    /// Links seen on a page before destinations are remembered.
    const AFTER: usize = 64;

    /// [`rewrite`], reusing an earlier resolution of the same destination. Only clean
    /// resolutions are reused: one link recorded, nothing reported, nothing counted.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn rewrite<'a>(
        &mut self,
        handbook: &Handbook,
        self_id: DocId,
        (from_dir, root): (&str, &str),
        dest: &str,
        span: Range<usize>,
        rendered: &mut Rendered,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<CowStr<'a>> {
        if let Some((link, href)) = self.resolved.get(dest) {
            rendered.links.push(LinkRef {
                span,
                ..link.clone()
            });
            return Some(CowStr::from(href.to_string()));
        }
        let (links, reported, broken) = (rendered.links.len(), diags.len(), rendered.broken_links);
        let out = rewrite(
            handbook, self_id, from_dir, root, dest, span, rendered, diags,
        );
        if links >= Self::AFTER
            && rendered.links.len() == links + 1
            && diags.len() == reported
            && rendered.broken_links == broken
            && let Some(href) = &out
        {
            let link = rendered.links[links].clone();
            self.resolved
                .insert(dest.into(), (link, href.as_ref().into()));
        }
        out
    }
}

/// A link to this page (`#heading`, or nothing but a query). MyST: `#label` names the
/// heading after a `(label)=` line, on any page, unless this page gives a block that label.
pub(super) fn same_page_link<'a>(
    handbook: &Handbook,
    self_id: DocId,
    root: &str,
    dest: &str,
    anchor: Option<String>,
    span: Range<usize>,
    rendered: &mut Rendered,
) -> Option<CowStr<'a>> {
    if let Some(label) = &anchor
        && let Some((labelled, heading, _)) = handbook.myst_labels.get(label.as_str())
        && !heading.is_empty()
        // A label this page also gives a block of its own is that block.
        && (*labelled == self_id || !rendered.anchors.iter().any(|a| a == label))
    {
        let href = if *labelled == self_id {
            format!("#{heading}")
        } else {
            rendered.title_deps.push(*labelled);
            format!(
                "{root}{}#{heading}",
                encode_path(&handbook.docs[*labelled].url)
            )
        };
        return Some(rendered.record_link(
            span,
            href,
            Some(*labelled),
            Some(heading.clone()),
            None,
        ));
    }
    rendered.record_link(span, dest.to_string(), Some(self_id), anchor, None);
    None
}

/// Resolves one link destination written in document `self_id` — from a Markdown link or
/// image here, or from raw HTML (`href`, `src`) — exactly as the site will: records the
/// link in `rendered` (for anchors and backlinks) and reports it at `span` if it is broken
/// (an error, or a warning under `[links] broken = "warn"`). Returns the destination to
/// write, relative to the page, or `None` to keep it as written (external links, e-mail,
/// same-page anchors, links into files already reported as unreadable).
pub(super) fn resolve_link(
    handbook: &Handbook,
    self_id: DocId,
    dest: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    let doc = &handbook.docs[self_id];
    let from_dir = doc.source.path.rsplit_once('/').map_or("", |(d, _)| d);
    let root = root_prefix(&doc.url);
    rewrite(
        handbook, self_id, from_dir, &root, dest, span, rendered, diags,
    )
    .map(|c| c.to_string())
}

/// One raw-HTML piece under the `[markdown] raw_html` policy: its URLs neutralised or
/// resolved like Markdown links, its ids recorded as anchors. `None` means "show as text".
pub(super) fn raw_html(
    (handbook, id, from_dir, root, start): (&Handbook, DocId, &str, &str, usize),
    piece: &str,
    policy: crate::html_policy::RawHtml,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<String> {
    if policy == crate::html_policy::RawHtml::Escape {
        return None;
    }
    let doc = &handbook.docs[id];
    let ctx = crate::html_policy::RawContext {
        file: &doc.source.path,
        text: &doc.source.text,
        offset: start,
        values: &doc.source.attribute_values,
    };
    let mut links = Rendered {
        broken_links: rendered.broken_links,
        text_only_links: rendered.text_only_links,
        ..Rendered::default()
    };
    let mut link_diags = Vec::new();
    let mut by_title = false;
    let html = crate::html_policy::process_raw(
        piece,
        &ctx,
        &mut rendered.anchors,
        &mut |url, span| {
            // A picture the HTML carries as a `data:` URL (`<img src="data:image/png;base64,…">`,
            // as converters and pasted READMEs write it) is shown from a file of its own, as
            // a Markdown one is (`inline_images`). Only an image's URL gets here with a
            // `data:` scheme: `process_raw` neutralised any other.
            if url.len() > inline_images::INLINE_UP_TO
                && let Some(found) = inline_images::extract(url)
            {
                let to = format!("{root}{}", found.path);
                links.inline_images.push(found);
                return crate::html_policy::RawUrl::To(to);
            }
            let broken = links.broken_links;
            // Confluence's links in a block of HTML (`dialects::confluence::links_in_html`).
            let found;
            let url = match url.starts_with("ri:") {
                true => match confluence_raw(handbook, from_dir, url, &mut by_title) {
                    Ok(dest) => {
                        found = dest;
                        found.as_str()
                    }
                    Err((message, help)) => {
                        link_diags.push(
                            Diagnostic::warning("broken-link", &doc.source.path, message)
                                .with_help(help)
                                .at(&doc.source.text, span),
                        );
                        return crate::html_policy::RawUrl::Broken;
                    }
                },
                false => url,
            };
            match rewrite(
                handbook,
                id,
                from_dir,
                root,
                url,
                span,
                &mut links,
                &mut link_diags,
            ) {
                Some(to) => crate::html_policy::RawUrl::To(to.into_string()),
                None if links.broken_links > broken => crate::html_policy::RawUrl::Broken,
                None => crate::html_policy::RawUrl::Keep,
            }
        },
        diags,
    );
    rendered.links.extend(links.links);
    rendered.inline_images.extend(links.inline_images);
    rendered.by_title |= by_title || links.by_title;
    rendered.broken_links = links.broken_links;
    rendered.text_only_links = links.text_only_links;
    diags.extend(link_diags);
    if policy == crate::html_policy::RawHtml::Sanitize
        && crate::html_policy::frames(piece, &ctx, diags) > 0
    {
        return Some(crate::html_policy::frames_as_links(&html));
    }
    Some(html)
}

/// The path in the repository (`x/y.md#anchor`) of a link to a file of the handbook's own
/// repository on its forge: `{url}/blob/{branch}/…` (GitHub, Gitea), `{url}/-/blob/…`
/// (GitLab), `{url}/src/branch/{branch}/…` (Gitea, Forgejo), with `[repository] url`
/// set. Any branch is taken: old links name the branch of their day (`master`).
pub(super) fn own_repository_path(handbook: &Handbook, dest: &str) -> Option<String> {
    let url = handbook
        .config
        .repository
        .url
        .as_deref()?
        .trim_end_matches('/');
    if url.is_empty() {
        return None;
    }
    let rest = dest.strip_prefix(url)?.strip_prefix('/')?;
    let rest = rest.strip_prefix("-/").unwrap_or(rest);
    let after_branch = if let Some(r) = rest.strip_prefix("src/branch/") {
        r.split_once('/')?.1
    } else {
        let r = rest
            .strip_prefix("blob/")
            .or_else(|| rest.strip_prefix("tree/"))?;
        r.split_once('/')?.1
    };
    (!after_branch.is_empty()).then(|| after_branch.to_string())
}

/// [`rewrite`] of a path in the handbook's own repository: the page or file it names, as a
/// link from content/ (the path relative to the handbook's root, or below `content/` as
/// it was before the pages moved in); `None` when the handbook has no such page or file.
pub(super) fn rewrite_own<'a>(
    handbook: &Handbook,
    self_id: DocId,
    dirs: (&str, &str),
    in_repository: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    let from_content = in_repository
        .strip_prefix("content/")
        .unwrap_or(in_repository);
    let address = format!("/{from_content}");
    rewrite_if_here(
        handbook, self_id, dirs, &address, false, span, rendered, diags,
    )
}

/// The address from the site's root (`/operations/finance#budget`) of a link to the
/// handbook's own site: `base_url` when it is a web address, or the wider site of
/// `[links] site`, over `http` or `https`. `None` for any other address.
pub(super) fn own_site_path(handbook: &Handbook, dest: &str) -> Option<String> {
    let config = &handbook.config;
    let rest = dest
        .strip_prefix("https://")
        .or_else(|| dest.strip_prefix("http://"))?;
    [config.base_url.as_deref(), config.links.site.as_deref()]
        .into_iter()
        .flatten()
        .filter_map(|site| {
            let site = site
                .strip_prefix("https://")
                .or_else(|| site.strip_prefix("http://"))?;
            let site = site.trim_end_matches('/');
            let after = rest.get(..site.len())?;
            let tail = &rest[site.len()..];
            (!site.is_empty()
                && after.eq_ignore_ascii_case(site)
                && (tail.is_empty() || tail.starts_with(['/', '#', '?'])))
            .then(|| format!("/{}", tail.trim_start_matches('/')))
        })
        .next()
}

/// [`rewrite`] of `address`, a path from the top with its query and fragment
/// (`/guide/setup?x=1#install`; `""` or `/` the home page), when the handbook has a page or
/// file there (or a page it generates, with `generated`): the query dropped, the fragment
/// kept. `None` when it has none, for the caller to keep the link as written.
#[allow(clippy::too_many_arguments)]
pub(super) fn rewrite_if_here<'a>(
    handbook: &Handbook,
    self_id: DocId,
    (from_dir, root): (&str, &str),
    address: &str,
    generated: bool,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    let (path, fragment) = match address.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (address, None),
    };
    let path = path.split_once('?').map_or(path, |(p, _)| p);
    let path = if path.is_empty() { "/" } else { path };
    match resolve_target(handbook, from_dir, path) {
        Resolved::Doc(..) | Resolved::Asset(_) => {}
        Resolved::Generated(_) if generated => {}
        _ => return None,
    }
    let dest = match fragment {
        Some(f) => format!("{path}#{f}"),
        None => path.to_string(),
    };
    rewrite(
        handbook, self_id, from_dir, root, &dest, span, rendered, diags,
    )
    .map(|c| CowStr::from(c.into_string()))
}

/// Where a link to a Google Doc leads (`link::google_docs`), in Markdown and in raw HTML
/// alike: the page that document became, as a path from `content/`, to its top (Docs'
/// `#heading=h.…` names no heading here) or to a heading id of its own, which the anchor
/// check then checks. `None` for a document no page is, and any other address. Which page
/// a document is depends on other pages (their titles, what they name): `by_title` is set
/// for any link to a Google Doc, and `serve` renders the body again after any edit, as
/// for Confluence's links by title.
pub(super) fn google_doc_page(
    handbook: &Handbook,
    dest: &str,
    rendered: &mut Rendered,
) -> Option<String> {
    let (doc, fragment) = crate::dialects::gdocs::document_id(dest)?;
    rendered.by_title = true;
    let page = handbook.google_docs.get(doc)?;
    let path = &handbook.docs[*page].source.path;
    let under = path.strip_prefix("content/").unwrap_or(path);
    Some(match fragment {
        f if f.is_empty() || f.contains('=') => format!("/{under}"),
        f => format!("/{under}#{f}"),
    })
}

/// Rewrites one link destination, recording the link and reporting it if broken. Returns
/// `None` to keep the destination as written (external links).
#[allow(clippy::too_many_arguments)]
pub(super) fn rewrite<'a>(
    handbook: &Handbook,
    self_id: DocId,
    from_dir: &str,
    root: &str,
    dest: &str,
    span: Range<usize>,
    rendered: &mut Rendered,
    diags: &mut Vec<Diagnostic>,
) -> Option<CowStr<'a>> {
    // Spaces around an HTML attribute's address are no part of it (browsers strip them),
    // and an ERB tag blanked at its start (`href="<%= host %>/x.html"`, `leftovers::clean`)
    // leaves the root-relative address after it.
    let dest = dest.trim_matches(|c: char| c.is_ascii_whitespace());
    // Docusaurus's `pathname:///files/a.pdf` and `@site/static/img/a.png` (Markdown links,
    // and raw HTML's, from JSX expressions too: `load::mdx::jsx_attributes`): the path from
    // the site's root they stand for, resolved as one.
    match crate::dialects::docusaurus::site_path(dest) {
        None => {}
        Some(SitePath::Path(path)) => {
            return rewrite(
                handbook, self_id, from_dir, root, &path, span, rendered, diags,
            )
            .map(|c| CowStr::from(c.into_string()));
        }
        Some(SitePath::Elsewhere) => {
            rendered.broken_links += 1;
            if rendered.broken_links <= BROKEN_LINKS_SHOWN {
                let doc = &handbook.docs[self_id];
                let message = format!(
                    "link to `{dest}`: `@site` is the Docusaurus site's folder (the handbook's, where orgbook.toml is); of it, only `static/` (published at the site's root) and the docs (content/ now) are part of the site"
                );
                let help = "link a file of static/ from the site's root (`@site/static/img/logo.png` or `/img/logo.png`), a page by its path (`@site/docs/guide.md` or `/guide.md`), or another file by its full address on the forge";
                let d = match handbook.config.links.broken_warn {
                    true => Diagnostic::warning("broken-link", &doc.source.path, message),
                    false => Diagnostic::error("broken-link", &doc.source.path, message),
                };
                diags.push(d.with_help(help).at(&doc.source.text, span));
            }
            return None;
        }
    }
    if let Some(page) = google_doc_page(handbook, dest, rendered) {
        return rewrite(
            handbook, self_id, from_dir, root, &page, span, rendered, diags,
        );
    }
    if let Some(in_repository) = own_repository_path(handbook, dest) {
        // A page's address in its own repository on the forge (`{url}/blob/main/x.md`), as
        // handbooks written on GitHub link each other: the page itself when the handbook
        // has it, else the forge's address as written (code, or a file outside content/).
        if let Some(found) = rewrite_own(
            handbook,
            self_id,
            (from_dir, root),
            &in_repository,
            span.clone(),
            rendered,
            diags,
        ) {
            return Some(found);
        }
        return None;
    }
    // A page's address on the site the handbook is published at (`base_url`) or is part of
    // (`[links] site`), as authors copy it from the browser
    // (`https://handbook.example.com/operations/finance`): the page itself when the
    // handbook has it, else the address as written.
    if let Some(on_site) = own_site_path(handbook, dest)
        && let Some(found) = rewrite_if_here(
            handbook,
            self_id,
            (from_dir, root),
            &on_site,
            true,
            span.clone(),
            rendered,
            diags,
        )
    {
        return Some(found);
    }
    // A page of the BookStack instance the wiki moved from, by its full address
    // (`https://wiki.example.org/books/runbooks/page/restart`): the page here, when its
    // book (a folder of its name) moved in. One of such a book that did not move is
    // still a link to the old instance, and a warning says so; another site's (a book
    // that is not here) is left as it is.
    let on_a_site = dest
        .strip_prefix("https://")
        .or_else(|| dest.strip_prefix("http://"))
        .and_then(|rest| rest.find('/').map(|k| &rest[k..]))
        .map(|local| {
            local
                .split_once('#')
                .map_or((local, None), |(p, f)| (p, Some(f)))
        });
    if let Some((path, fragment)) = on_a_site
        && let Some(address) = bookstack_address(path.split('?').next().unwrap_or(path))
        && let BookStack::Page(book, _) | BookStack::Chapter(book, _) | BookStack::Book(book) =
            address
        && !handbook.near().folders_named(book).is_empty()
    {
        if let Some(rel) = bookstack_target(handbook, from_dir, address) {
            let here = match fragment.map(bookstack_fragment) {
                Some(f) if !f.is_empty() => format!("{rel}#{f}"),
                _ => rel,
            };
            let links = rendered.links.len();
            let out = rewrite(
                handbook, self_id, from_dir, root, &here, span, rendered, diags,
            );
            mark_bookstack_id(rendered, links, fragment);
            return out.map(|c| CowStr::from(c.into_string()));
        }
        let doc = &handbook.docs[self_id];
        let (message, help) = bookstack_missing(path)?;
        diags.push(
            Diagnostic::warning(
                "broken-link",
                &doc.source.path,
                format!("{message}; the link still leads to the old BookStack, at `{dest}`"),
            )
            .with_help(help)
            .at(&doc.source.text, span),
        );
        return None;
    }
    if dest.is_empty() || has_scheme(dest) {
        return None;
    }
    if looks_like_email(dest) {
        return Some(format!("mailto:{dest}").into());
    }
    // `{{base.url}}/guide/`, a variable before a path from the top, is a root-relative link
    // once the variable is gone; the variable itself is reported as a template leftover
    // (Jekyll's own `{{ site.baseurl }}` is blanked before, by `leftovers::liquid_link`).
    if let Some(rest) = dest
        .strip_prefix("{{")
        .and_then(|d| d.split_once("}}"))
        .map(|(_, r)| r)
        && rest.starts_with('/')
    {
        return rewrite(
            handbook, self_id, from_dir, root, rest, span, rendered, diags,
        )
        .map(|c| CowStr::from(c.into_string()));
    }
    // DocFX's `~/docs/setup.md` names the file from the project's root, as its
    // `[!INCLUDE]` does: `content/` once the pages moved in, so a root-relative link.
    if let Some(rest) = dest.strip_prefix('~').filter(|d| d.starts_with('/')) {
        return rewrite(
            handbook, self_id, from_dir, root, rest, span, rendered, diags,
        )
        .map(|c| CowStr::from(c.into_string()));
    }
    // docsify's router links (`#/guide/setup`) name the page from the docs' root.
    if let Some(routed) = dest.strip_prefix('#').filter(|d| d.starts_with('/')) {
        return rewrite(
            handbook, self_id, from_dir, root, routed, span, rendered, diags,
        )
        .map(|c| CowStr::from(c.into_string()));
    }
    // BookStack's heading ids (`#bkmrk-rollback`) without its prefix; its page title's
    // (`#bkmrk-page-title`) is the page's top.
    if let Some((p, f)) = dest.split_once('#')
        && f.starts_with("bkmrk-")
        && bookstack_address(p.split('?').next().unwrap_or(p)).is_some()
    {
        let written = f;
        let f = bookstack_fragment(f);
        let here = if f.is_empty() {
            p.to_string()
        } else {
            format!("{p}#{f}")
        };
        let links = rendered.links.len();
        let out = rewrite(
            handbook, self_id, from_dir, root, &here, span, rendered, diags,
        );
        mark_bookstack_id(rendered, links, Some(written));
        return out.map(|c| CowStr::from(c.into_string()));
    }
    let (path, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    // docsify names a section by its query (`rubric?id=mentors`): the anchor. `id=main`
    // is docsify's own element around the page, so the page's top.
    let fragment = fragment.or_else(|| {
        query
            .split('&')
            .find_map(|pair| pair.strip_prefix("id="))
            .filter(|id| !id.is_empty() && *id != "main")
    });
    let anchor = fragment.filter(|f| !f.is_empty()).map(percent_decode);
    if path.is_empty() {
        return same_page_link(handbook, self_id, root, dest, anchor, span, rendered);
    }
    let suffix = fragment.map(|f| format!("#{f}")).unwrap_or_default();
    let doc = &handbook.docs[self_id];
    let outside_site = |message: String, help: String| {
        Diagnostic::warning("link-outside-site", &doc.source.path, message)
            .with_help(help)
            .at(&doc.source.text, span.clone())
    };
    let broken = |message: String, help: String| {
        let d = if handbook.config.links.broken_warn {
            Diagnostic::warning("broken-link", &doc.source.path, message)
        } else {
            Diagnostic::error("broken-link", &doc.source.path, message)
        };
        d.with_help(help).at(&doc.source.text, span.clone())
    };
    let resolved = match resolve_target(handbook, from_dir, path) {
        // Written for a site that served this page as a folder (MkDocs' and Hugo's
        // `page/`): relative to that address, one level below the file's folder.
        Resolved::Missing(missing) => match address_folder(handbook, self_id, from_dir, path) {
            Some(dir) => match resolve_target(handbook, &dir, path) {
                found @ Resolved::Doc(..) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // A page of Hugo's default language's folder read at the top of content/
    // (`load::hugo_default`) finds the assets it links from its file's own folder, where
    // they stay.
    let own_dir = || {
        let file = doc.source.read_from.as_deref()?;
        Some(file.rsplit_once('/').map_or("", |(d, _)| d).to_string())
    };
    // A translation in another language's folder (Docusaurus's `i18n/fr/…/current/`)
    // links a page it has no translation of as the page it translates would: from the
    // same place in the default language's folder, where that page is.
    let resolved = match resolved {
        Resolved::Missing(missing) if !path.starts_with('/') => {
            match crate::lang::default_language_dir(
                handbook.config.language_folders.as_ref(),
                from_dir,
            )
            .or_else(own_dir)
            {
                Some(dir) => match resolve_target(handbook, &dir, path) {
                    found @ (Resolved::Doc(..) | Resolved::Asset(_) | Resolved::Generated(_)) => {
                        found
                    }
                    _ => Resolved::Missing(missing),
                },
                None => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // Written for docsify, which reads every link from the site's root (`grading/rubric`
    // from any folder): when the page's folder has no such file, content/ may. A path
    // that starts with `.` says it is relative to the file, and stays broken.
    let resolved = match resolved {
        Resolved::Missing(missing) if !path.starts_with(['.', '/']) && from_dir != "content" => {
            match resolve_target(handbook, "content", path) {
                found @ (Resolved::Doc(..) | Resolved::Asset(_)) => found,
                _ => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // Wiki.js writes a link from the top with the reader's language (`/en/team/oncall`);
    // its git storage keeps the default language's pages at the root (`team/oncall.md`)
    // and each other one's in a folder of its code. A language without a folder here is
    // the default one.
    let resolved = match resolved {
        Resolved::Missing(missing) => match without_locale(handbook, path) {
            Some(rest) => match resolve_target(handbook, "content", rest) {
                found @ (Resolved::Doc(..) | Resolved::Asset(_) | Resolved::Generated(_)) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // Docusaurus serves its docs under `/docs/` (its default `routeBasePath`), and its
    // pages link each other by that address (`/docs/guides/setup`): the docs are content/
    // once moved in. Only tried when nothing is at that path, so a `content/docs/` wins.
    let resolved = match resolved {
        Resolved::Missing(missing) => match path.strip_prefix("/docs/").filter(|r| !r.is_empty()) {
            Some(rest) => match resolve_target(handbook, "content", rest) {
                found @ (Resolved::Doc(..) | Resolved::Asset(_)) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // Outline writes a link to another document as that document's address in Outline,
    // `/doc/<title as a slug>-<its id>`; its export names each file by the title.
    let resolved = match resolved {
        Resolved::Missing(missing) => match outline_document(handbook, from_dir, path) {
            Some(rel) => match resolve_target(handbook, "content", &rel) {
                found @ Resolved::Doc(..) => found,
                _ => Resolved::Missing(missing),
            },
            None => Resolved::Missing(missing),
        },
        resolved => resolved,
    };
    // BookStack writes a link to another page as its address there,
    // `/books/<book>/page/<page>` (or a chapter's, a book's): the page or folder of that
    // name, as its exporters name files and folders. Within a book it writes the page's
    // address relative to the linking page's (`../page/<page>`).
    let resolved = match resolved {
        Resolved::Missing(missing) => {
            match bookstack_address(path)
                .and_then(|a| bookstack_target(handbook, from_dir, a))
                .or_else(|| {
                    bookstack_relative(path)
                        .and_then(|page| bookstack_relative_target(handbook, from_dir, page).ok())
                }) {
                Some(rel) => match resolve_target(handbook, "content", &rel) {
                    found @ (Resolved::Doc(..) | Resolved::Generated(_)) => found,
                    // A folder without a page of its own: listed at its first page, below.
                    Resolved::Missing(folder) if rel.ends_with('/') => Resolved::Missing(folder),
                    _ => Resolved::Missing(missing),
                },
                None => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // Writerside names an image by its file name alone (`![](map.png)`) and finds it in the
    // project's images folder, wherever the topic is.
    let resolved = match resolved {
        Resolved::Missing(missing) if handbook.writerside && !path.contains('/') => {
            match writerside_image(handbook, path) {
                Some(rel) => Resolved::Asset(rel),
                None => Resolved::Missing(missing),
            }
        }
        resolved => resolved,
    };
    // A docs site moved into a folder of the handbook (a team's old site, now under
    // `content/teams/platform/docs/`) wrote its links from its own root
    // (`/runbooks/cache-flush.md`). One that names nothing from the top, nor in static/,
    // is read from the folders that hold the page, as the old site read it.
    let resolved = match resolved {
        Resolved::Missing(missing)
            if path.starts_with('/')
                && !path.starts_with("//")
                && from_dir != "content"
                && static_file(handbook, &missing).is_none() =>
        {
            from_enclosing_site(handbook, from_dir, path).unwrap_or(Resolved::Missing(missing))
        }
        resolved => resolved,
    };
    match resolved {
        Resolved::Doc(target, url) => {
            let href = format!("{root}{}{suffix}", encode_path(&url));
            Some(rendered.record_link(span, href, Some(target), anchor, None))
        }
        Resolved::Asset(rel) => {
            let href = format!("{root}{}{suffix}", encode_path(&rel));
            Some(rendered.record_link(span, href, None, None, Some(rel)))
        }
        Resolved::Generated(url) => Some(format!("{root}{url}{suffix}").into()),
        // The other site's address as the redirect gives it, its own fragment first.
        Resolved::Elsewhere(to) if to.contains('#') => Some(to.into()),
        Resolved::Elsewhere(to) => Some(format!("{to}{suffix}").into()),
        Resolved::Missing(joined) if handbook.unparsed.contains(&joined) => None,
        // MyST: `[text](label)` names a `(label)=` target, on this page or another.
        Resolved::Missing(_) if fragment.is_none() && handbook.myst_labels.contains_key(path) => {
            let (target, heading, _) = &handbook.myst_labels[path];
            // Its address is the labelled page's: `serve` renders this body again when
            // that page changes.
            rendered.title_deps.push(*target);
            let url = &handbook.docs[*target].url;
            let anchor = (!heading.is_empty()).then(|| heading.clone());
            let href = match &anchor {
                Some(a) => format!("{root}{}#{a}", encode_path(url)),
                None => format!("{root}{}", encode_path(url)),
            };
            Some(rendered.record_link(span, href, Some(*target), anchor, None))
        }
        // Not under content/ but in static/, which is copied to the site's root.
        Resolved::Missing(joined) if static_file(handbook, &joined).is_some() => {
            let site_path = static_file(handbook, &joined).unwrap_or_default();
            Some(format!("{root}{}{suffix}", encode_path(site_path)).into())
        }
        // A file of the repository outside content/ (`../../README.md`, `../src/`): on
        // the forge, when the handbook says where its repository is.
        Resolved::Missing(joined) if let Some(url) = outside_content(handbook, &joined) => {
            match url {
                Some(url) => Some(format!("{url}{suffix}").into()),
                None => {
                    rendered.broken_links += 1;
                    let image = is_image_at(&doc.source.text, &span);
                    rendered.text_only_links += usize::from(!image);
                    if rendered.broken_links > BROKEN_LINKS_SHOWN {
                        return None;
                    }
                    let message = format!(
                        "link to `{path}`: {joined} is outside content/, so it is not part of the site"
                    );
                    let help = "set `url` under `[repository]` in orgbook.toml (e.g. `url = \"https://github.com/acme/handbook\"`) to link files outside content/ to the repository on its forge, or move the file into content/";
                    // The file is there: nothing is broken but the site's reach, so a link
                    // keeps its text with a warning, as `orgbook import adr` keeps it
                    // without `--source-url`. An image would be missing from the page.
                    diags.push(if image {
                        broken(message, help.into())
                    } else {
                        outside_site(message, format!("shown as its text; {help}"))
                    });
                    None
                }
            }
        }
        // A folder of pages without a page of its own (`process/`): GitHub and Hugo list
        // its pages there, and so does the handbook index.
        Resolved::Missing(joined) if let Some(page) = folder_page(handbook, &joined) => {
            let folder = joined.trim_end_matches('/');
            let folder = folder.strip_prefix("content/").unwrap_or(folder).to_owned();
            rendered.folder_links.push(FolderLink { page, folder });
            Some(format!("{FOLDER_LINK}{}", rendered.folder_links.len() - 1).into())
        }
        // A page the wider site made from code (`/careers`), under `[links] site`.
        Resolved::Missing(_)
            if let Some(site) = &handbook.config.links.site
                && dest.starts_with('/')
                && !dest.starts_with("//") =>
        {
            Some(format!("{site}{dest}").into())
        }
        // Written for the repository before its pages moved into content/: the target is
        // not in content/ but beside it (EIPs' `[CC0](../LICENSE.md)` once `EIPS/` is
        // `content/EIPS/`). It names that file, so the rule above applies to it.
        Resolved::Missing(ref joined)
            if !is_image_at(&doc.source.text, &span)
                && let Some(rel) = beside_content(handbook, joined) =>
        {
            match crate::config::code_link(&handbook.config.repository, &format!("/{rel}")) {
                Some(url) => Some(format!("{url}{suffix}").into()),
                None => {
                    rendered.broken_links += 1;
                    rendered.text_only_links += 1;
                    if rendered.broken_links > BROKEN_LINKS_SHOWN {
                        return None;
                    }
                    let top = rel.split('/').next().unwrap_or(rel);
                    let what = match handbook.root.as_ref().is_some_and(|r| r.join(rel).is_dir()) {
                        true => "folder",
                        false => "file",
                    };
                    diags.push(outside_site(
                        format!("link to `{path}`: no such {what} in content/ ({joined}); {rel} is beside content/, not in it, so it is shown as its text"),
                        format!("set `url` under `[repository]` in orgbook.toml to link it on the repository's forge, or move it in with the pages (`git mv {top} content/`)"),
                    ));
                    None
                }
            }
        }
        // A template's placeholder (Swift Evolution's `[SE-NNNN](NNNN-filename.md)`)
        // names the file a proposal written from it will have: the template is a
        // template, and its placeholder stays as text on its page, unreported.
        Resolved::Missing(_) if is_template_placeholder_target(path) => {
            rendered.broken_links += 1;
            rendered.text_only_links += 1;
            None
        }
        // Past the first [`BROKEN_LINKS_SHOWN`] of a page, broken links are counted, not
        // listed. After the arms above, which find a target or a text-only link for what
        // is not in content/: those are not broken, whatever came before them.
        Resolved::Missing(_) | Resolved::Draft(_) | Resolved::Ambiguous(..)
            if rendered.broken_links >= BROKEN_LINKS_SHOWN =>
        {
            rendered.broken_links += 1;
            None
        }
        Resolved::Draft(draft) => {
            rendered.broken_links += 1;
            diags.push(broken(
                format!("link to `{path}`: {draft} is a draft, which is not published"),
                "publish the page (remove `draft`) or remove the link".into(),
            ));
            None
        }
        Resolved::Ambiguous(file, folder) => {
            rendered.broken_links += 1;
            diags.push(broken(
                format!("link to `{path}` could mean {file} or {folder}"),
                format!(
                    "write the file name: `{}` or `{}`",
                    relative_path(from_dir, &file),
                    relative_path(from_dir, &folder)
                ),
            ));
            None
        }
        Resolved::Missing(joined) => {
            rendered.broken_links += 1;
            let (message, help) =
                missing_target(handbook, &doc.source.path, from_dir, path, &joined);
            diags.push(broken(message, help));
            None
        }
    }
}

/// Whether the link or image at `span` of `text` is an image (`![alt](src)`): an image
/// outside the site would be missing from the page, which stays an error.
pub(super) fn is_image_at(text: &str, span: &Range<usize>) -> bool {
    text.get(span.clone()).is_some_and(|s| s.starts_with("!["))
}
