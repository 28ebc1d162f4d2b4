//! What to say about a destination that leads nowhere: the file it probably meant, or the kind
//! of placeholder it is (a template's `url`, a bare domain, a Python object, an e-mail address,
//! a Confluence page or attachment not exported), so the diagnostic names the fix.

use super::*;

/// The `broken-link` message and help for a Confluence link to a page no page is.
pub(super) fn confluence_page_missing(title: &str) -> (String, &'static str) {
    (
        format!(
            "the Confluence link names the page \"{title}\", and no page of the handbook has that title"
        ),
        "move that page in from Confluence too (or give the page it means that title); the link is shown as text meanwhile",
    )
}

/// The `broken-link` message and help for a Confluence attachment no file is.
pub(super) fn confluence_attachment_missing(file: &str, image: bool) -> (String, &'static str) {
    (
        format!(
            "the Confluence {} names the attachment `{file}`, and no file of that name is in content/",
            if image { "image" } else { "link" }
        ),
        "copy the page's attachments from the export into content/ (any folder); the link is shown as text meanwhile",
    )
}

/// `name@example.com` written as a link destination: an e-mail address, never a file.
pub(super) fn looks_like_email(dest: &str) -> bool {
    match dest.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && !dest.contains(['/', ' ', '#', '?'])
                && host.contains('.')
                && !host.ends_with(".md")
        }
        None => false,
    }
}

/// Whether a link's target is a placeholder for one to come (`[Recordings](TBD)`).
pub(super) fn is_placeholder_target(path: &str) -> bool {
    let p = path.trim();
    [
        "tbd", "tba", "todo", "fixme", "xxx", "()", "...", "…", "?", "link", "url",
    ]
    .iter()
    .any(|w| p.eq_ignore_ascii_case(w))
}

/// The host of a link written as a web address without its scheme
/// (`status.example.com`, `kubernetes.io/docs/`): a first segment of dot-separated names
/// whose last is a common top-level domain. File names end in an extension that is no
/// such domain, so `notes.txt` or `setup.md` is never one.
pub(super) fn bare_domain(path: &str) -> Option<&str> {
    const DOMAINS: &[&str] = &[
        "com", "org", "net", "io", "dev", "app", "co", "edu", "gov", "info", "biz", "cloud",
        "tech", "site", "page", "us", "uk", "eu", "de", "fr", "nl", "ca", "au", "jp", "ch", "se",
        "no", "es", "it", "be", "at", "tv", "fm", "ly", "gg", "to",
    ];
    let host = path.split(['/', '?', '#']).next()?;
    let labels: Vec<&str> = host.split('.').collect();
    let tld = *labels.last()?;
    (labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && DOMAINS.iter().any(|d| tld.eq_ignore_ascii_case(d)))
    .then_some(host)
}

/// A dotted Python name a MyST page of a Sphinx site links to (`[frozen](attrs.frozen)`,
/// `structlog.processors.TimeStamper`), which Sphinx resolves to the object's entry in the
/// API reference: two or more identifiers joined by dots, the last no file extension.
pub(super) fn python_object(path: &str) -> Option<&str> {
    let name = path.split('#').next()?;
    let parts: Vec<&str> = name.split('.').collect();
    let identifier = |p: &&str| {
        p.bytes()
            .next()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
            && p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    };
    let last = parts.last()?;
    let extension = crate::load::is_markdown(name)
        || matches!(
            last.to_ascii_lowercase().as_str(),
            "html"
                | "htm"
                | "rst"
                | "txt"
                | "png"
                | "jpg"
                | "jpeg"
                | "gif"
                | "svg"
                | "pdf"
                | "py"
                | "toml"
                | "yml"
                | "yaml"
                | "json"
                | "ipynb"
        );
    (parts.len() >= 2 && parts.iter().all(identifier) && !extension).then_some(name)
}

/// The message and help of a `broken-link` to `path` (`joined`: from `content/`) that
/// names nothing: the nearest file it may mean (moved, renumbered, misspelt), or how to
/// link, or, for a page in another markup (Sphinx's `.rst`), the command that converts it.
pub(super) fn missing_target(
    handbook: &Handbook,
    self_path: &str,
    from_dir: &str,
    path: &str,
    joined: &str,
) -> (String, String) {
    // No file is near what a placeholder names: a "did you mean" would send the author
    // to an unrelated page.
    if is_placeholder_target(path) {
        return (
            format!("link to `{path}`: a placeholder, not a page or file"),
            "write the page's path or the address once it exists, or drop the link until then"
                .into(),
        );
    }
    // A Joplin note's link to another note or to a resource, by its id (`:/` and 32 hex
    // digits): Joplin's Markdown exports write the ones they export as paths.
    if let Some(id) = path.strip_prefix(":/")
        && id.len() == 32
        && id.bytes().all(|b| b.is_ascii_hexdigit())
    {
        return (
            format!("link to `{path}`: a Joplin note or resource by its id, which only Joplin resolves"),
            "export it with the notes that link to it (Joplin's Markdown export writes each note and resource it exports as a path, resources in `_resources/`), or link the exported file's path".into(),
        );
    }
    // A BookStack address (`bookstack_target`) naming nothing here, or a permalink.
    if let Some(said) = bookstack_missing(path) {
        return said;
    }
    if let Some(page) = bookstack_relative(path) {
        if let Err(several) = bookstack_relative_target(handbook, from_dir, page)
            && several.len() > 1
        {
            return (
                format!(
                    "link to `{path}`: BookStack's address of the page `{page}` of this page's book, which has {} pages of that name here ({}): BookStack gave each its own slug, numbering all but one, and the export does not say which one kept `{page}`",
                    several.len(),
                    several.join(", ")
                ),
                "link the page's path here instead".into(),
            );
        }
        return (
            format!("link to `{path}`: no such file ({joined}), nor a BookStack page that no page here is named after (`{page}`, in this page's book: BookStack's address of a page relative to another's)"),
            "export that page too (its file named after the page, in this page's book: its folder, or a chapter's), or link the page's path here".into(),
        );
    }
    // An Outline address (`outline_document`) whose document the export does not hold.
    if let Some(slug) = path
        .strip_prefix("/doc/")
        .and_then(|rest| rest.rsplit_once('-'))
        .filter(|(_, id)| id.len() == 10 && id.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(|(slug, _)| slug)
    {
        return (
            format!("link to `{path}`: an Outline document that no page here is named after (`{slug}`)"),
            "export the collection that holds it too, or link the page's path (the export names each file by the document's title)".into(),
        );
    }
    if handbook
        .assets
        .binary_search(&"conf.py".to_string())
        .is_ok()
        && let Some(name) = python_object(path)
    {
        return (
            format!("link to `{path}`: no such file ({joined}); in this Sphinx site `{name}` names an object of its API reference, which Sphinx makes from the code (autodoc) and orgbook does not"),
            "link to the API reference where it is published, or write the name as `code`; it is shown as text meanwhile".into(),
        );
    }
    if let Some(host) = bare_domain(path) {
        return (
            format!("link to `{path}`: no such file ({joined}); `{host}` looks like a web address"),
            format!(
                "did you mean `https://{path}`? Without `https://` a link is a path in the handbook"
            ),
        );
    }
    if joined.starts_with("../") || joined == ".." {
        // More `../` than there are folders above the page: written for the repository
        // the pages were part of before.
        let help = starlight_asset(handbook, from_dir, path).unwrap_or_else(|| "a link from content/ can reach the handbook's own files (and, with `[repository] url`, the files beside content/); write a page's path from content/ with a leading `/` (`/teams/payments.md`), or the full https:// address of a page elsewhere".into());
        return (
            format!("link to `{path}`: it climbs out of the handbook's folder"),
            help,
        );
    }
    // VitePress serves the files of `public/` beside its pages from the site's root
    // (`/img/logo.png`); moved in with the pages, that folder is content/public/.
    if path.starts_with('/')
        && let Some(rel) = joined.strip_prefix("content/")
    {
        let public = format!("public/{}", rel.trim_end_matches('/'));
        if handbook.assets.binary_search(&public).is_ok() {
            return (
                format!("link to `{path}`: no such file ({joined})"),
                format!(
                    "content/{public} is there, in the public/ folder a VitePress site serves from its root; orgbook serves static/ from its root: move the folder there (`git mv content/public static`)"
                ),
            );
        }
    }
    // A file beside content/ rather than in it: left behind when the pages moved in (a
    // README's `CONTRIBUTING.md`, pandoc's `media/`, a site's `assets/`).
    // A folder too (kubernetes/org's README links its `config/` of team files).
    if let (Some(root), Some(rel)) = (
        &handbook.root,
        joined
            .strip_prefix("content/")
            .map(|r| r.trim_end_matches('/')),
    ) && !rel.is_empty()
        && let Ok(meta) = root.join(rel).metadata()
    {
        let up = "../".repeat(from_dir.split('/').filter(|p| !p.is_empty()).count());
        let top = rel.split('/').next().unwrap_or(rel);
        let what = if meta.is_dir() { "folder" } else { "file" };
        return (
            format!(
                "link to `{path}`: no such {what} ({joined}); {rel} is beside content/, not in it"
            ),
            format!(
                "move it in with the pages (`git mv {top} content/`), or, if it stays where it is, link `{up}{rel}` (with `url` under `[repository]` in orgbook.toml such a link goes to the repository on its forge)"
            ),
        );
    }
    let near = handbook.near();
    let folder = joined.trim_end_matches('/');
    if let Some(first) = near.first_in_folder(folder) {
        return (
            format!("link to `{path}`: {folder}/ is a folder without an index page"),
            format!(
                "give the folder a page of its own: add {folder}/README.md (or `_index.md`) that introduces and links its pages; or link one of them, e.g. `{}`",
                relative_path(from_dir, first)
            ),
        );
    }
    let moved = near.moved(path, from_dir);
    // The linking page itself is never what a link to elsewhere meant
    // (`programming-languages/css.html` from `programming-languages.md`).
    let other = |n: &&str| *n != self_path;
    let near = moved
        .filter(other)
        .or_else(|| near.same_number(joined).filter(other))
        .or_else(|| near.nearest(joined).filter(other))
        .or_else(|| near.same_name(joined).filter(other))
        .map(|n| {
            let rel = relative_path(from_dir, n);
            format!("did you mean `{rel}`?")
        });
    let attachment = joined
        .rsplit('/')
        .next()
        .and_then(|name| name.rsplit_once('.'))
        .is_some_and(|(_, ext)| {
            !matches!(ext, "md" | "html" | "htm")
                && ext.len() <= 5
                && ext.bytes().all(|b| b.is_ascii_alphanumeric())
                && ext.bytes().any(|b| b.is_ascii_alphabetic())
        });
    let help = near.unwrap_or_else(|| {
        if attachment && path.starts_with('/') {
            // Hugo and Docusaurus keep such files in static/, which orgbook reads too.
            format!(
                "put the file at content{path} or static{path} (static/ is copied to the site's root; images and attachments under content/ are published as they are), or correct the path"
            )
        } else if attachment {
            "put the file at that path (images and attachments under content/ are published as they are), or correct the path".into()
        } else {
            "link to the Markdown source file with a path relative to this file, e.g. `../teams/payments.md`, or from content/ with a leading `/`".into()
        }
    });
    // Sphinx names a page by its path without extension, whatever its format:
    // the page is there, as reStructuredText (or AsciiDoc).
    let other_format = ["rst", "adoc"].into_iter().find_map(|ext| {
        let rel = format!("{}.{ext}", joined.strip_prefix("content/")?);
        handbook
            .assets
            .binary_search_by(|a| a.as_str().cmp(&rel))
            .is_ok()
            .then_some((rel, ext))
    });
    match other_format {
        Some((rel, ext)) => (
            format!(
                "link to `{path}`: content/{rel} is {}, which orgbook does not render",
                if ext == "rst" {
                    "reStructuredText"
                } else {
                    "AsciiDoc"
                }
            ),
            format!(
                "convert it to Markdown (`pandoc -f {} -t gfm content/{rel} -o content/{}.md`), or link to `{path}.{ext}` to publish the file as it is",
                if ext == "rst" { "rst" } else { "asciidoc" },
                rel.rsplit_once('.').map_or(rel.as_str(), |(stem, _)| stem)
            ),
        ),
        None if joined.starts_with("content/") => {
            (format!("link to `{path}`: no such file ({joined})"), help)
        }
        // Climbed out of content/ from the file's folder; read from the page's address (as
        // MkDocs and Hugo authors write), the link may still name a path inside it.
        None => {
            let from_address = self_path
                .rsplit_once('/')
                .filter(|(_, name)| crate::load::index_rank(name).is_none())
                .and_then(|(dir, name)| {
                    join_path(&format!("{dir}/{}", crate::load::markdown_stem(name)), path)
                })
                .filter(|p| p.starts_with("content/"));
            match from_address {
                Some(meant) => (
                    format!(
                        "link to `{path}`: no such file ({}, from this page's address)",
                        meant.trim_end_matches('/')
                    ),
                    help,
                ),
                None => (
                    format!("link to `{path}`: no such file ({joined}, outside content/)"),
                    help,
                ),
            }
        }
    }
}

/// A link whose file name is a template's placeholder for the number or name to come:
/// `NNNN-filename.md`, `XXXX-filename.md`, `eip-XXXX.md` (a word of three or more `N`s or
/// `X`s, in capitals, as templates write them).
pub(super) fn is_template_placeholder_target(path: &str) -> bool {
    let name = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let stem = name.split_once('.').map_or(name, |(stem, _)| stem);
    stem.split(['-', '_']).any(|word| {
        word.len() >= 3 && (word.bytes().all(|b| b == b'N') || word.bytes().all(|b| b == b'X'))
    })
}
