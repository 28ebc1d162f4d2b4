//! Old addresses that lead to pages: front matter's `redirect_from` and `aliases`, and other
//! tools' redirect files, each checked to lead somewhere and to take no page's address.

use super::*;

/// The redirect files pages ask for with `aliases` / `redirect_from`. A path that another
/// page, a generated file, an asset or another redirect already takes is an error naming
/// both; a value that is not a path inside the site is a warning.
pub(super) fn redirects(
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

/// What already takes the output file a redirect to page `id` would be written to, for
/// its `redirect-collision` message: another page, one of orgbook's own files, an asset or
/// an earlier redirect. `None` when it is free, or when it is `id`'s own page.
pub(super) fn redirect_taken_by(
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
pub(super) fn redirect_file_entries(
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
pub(super) fn redirects_inside(
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
pub(super) fn join_url(folder: &str, rel: &str) -> Option<String> {
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
