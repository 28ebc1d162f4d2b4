//! Links written as BookStack addresses (`/books/…/page/…`, relative `../page/…`), led to the
//! pages a BookStack export became, and the ids BookStack gives headings.

use super::*;

/// What a BookStack address names (its routes: `/books/{book}`,
/// `/books/{book}/page/{page}`, `/books/{book}/chapter/{chapter}`, and the permalink
/// `/link/{id}`), each by the slug BookStack makes of its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BookStack<'a> {
    Book(&'a str),
    Page(&'a str, &'a str),
    Chapter(&'a str, &'a str),
    /// A permalink, by the page's id, which only BookStack knows.
    Link(&'a str),
}

/// The BookStack address `path` is (from the site's root, as BookStack writes them), if it
/// is one. A page's own sub-routes (`/books/b/page/p/edit`, `/revisions`) are the page.
pub(super) fn bookstack_address(path: &str) -> Option<BookStack<'_>> {
    let slug = bookstack_slug;
    if let Some(id) = path.strip_prefix("/link/") {
        let id = id.trim_end_matches('/');
        return (!id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
            .then_some(BookStack::Link(id));
    }
    let mut parts = path
        .strip_prefix("/books/")?
        .trim_end_matches('/')
        .split('/');
    let book = parts.next().filter(|b| slug(b))?;
    let found = match (parts.next(), parts.next()) {
        (None, _) => BookStack::Book(book),
        (Some("page"), Some(page)) if slug(page) => BookStack::Page(book, page),
        (Some("chapter"), Some(chapter)) if slug(chapter) => BookStack::Chapter(book, chapter),
        _ => return None,
    };
    // A chapter's sub-routes are not pages of the handbook; a page's are the page.
    match (found, parts.next()) {
        (_, None) | (BookStack::Page(..), Some(_)) => Some(found),
        _ => None,
    }
}

/// Whether `s` is a name as BookStack makes it a slug (letters, digits, `-`, `_`): never a
/// file name with its extension (`setup.md`), nor a path.
pub(super) fn bookstack_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b >= 0x80)
}

/// The page's slug of BookStack's address of a page relative to another page's of its
/// book, as BookStack writes a link within a book (`../page/pre-docker-and-plugin-setup`,
/// from `/books/unraid/page/unraid-install-and-setup`). Only that exact shape: it is also
/// an ordinary relative path, so it is asked only when that path names nothing.
pub(super) fn bookstack_relative(path: &str) -> Option<&str> {
    path.strip_prefix("../page/").filter(|p| bookstack_slug(p))
}

/// The page a relative BookStack address (`bookstack_relative`) names: the one of that
/// slug in the linking page's book, as a path from the site's root. BookStack's address of
/// a page leaves its chapter out, and the exporters make a book a folder and each of its
/// chapters a folder in it; so the book of a page in a folder two or more levels down
/// (`docker-stacks/jelly/`) is that folder's parent, and of one in a top folder
/// (`unraid/`), which is no chapter, that folder. The page in the linking page's own
/// folder comes first; else the one page of that slug at the book's top, in one of its
/// chapters, or in a folder of the linking page's folder. `Err` holds the pages when
/// there is none or several: BookStack gives each page of a book a slug of its own
/// (numbering a repeated name), so two files of one name are two slugs, and the export
/// does not say which one the address names.
pub(super) fn bookstack_relative_target(
    handbook: &Handbook,
    from_dir: &str,
    page: &str,
) -> Result<String, Vec<String>> {
    use crate::link::folder_of;
    let from = from_dir.strip_prefix("content").unwrap_or(from_dir);
    let from = from.strip_prefix('/').unwrap_or(from);
    let book = match from.matches('/').count() {
        0 => from,
        _ => folder_of(from),
    };
    let mut pages = bookstack_pages(handbook, page);
    pages.sort();
    if let Some(own) = pages.iter().find(|p| folder_of(p) == from) {
        return Ok(format!("/{own}"));
    }
    let in_book: Vec<String> = pages
        .into_iter()
        .filter(|p| {
            let dir = folder_of(p);
            dir == book || (!dir.is_empty() && [book, from].contains(&folder_of(dir)))
        })
        .cloned()
        .collect();
    match in_book.as_slice() {
        [one] => Ok(format!("/{one}")),
        _ => Err(in_book),
    }
}

/// The pages whose file is named after the BookStack page slug `page` (`Restart the
/// agent.md`, `restart-the-agent.md`), as paths from `content/`.
pub(super) fn bookstack_pages<'h>(handbook: &'h Handbook, page: &str) -> Vec<&'h String> {
    let names = handbook.wiki_names();
    names
        .get(&crate::model::wiki_name(page))
        .into_iter()
        .chain(names.get(&crate::link::outline_key(page)))
        .flatten()
        .filter(|p| crate::load::strip_markdown_extension(p).is_some())
        .collect()
}

/// The page or folder a BookStack address names (as a path from `content/`): the page
/// whose file name is the page's slug (`/books/runbooks/page/restart-the-agent` →
/// `Restart the agent.md`, `restart-the-agent.md`) or the folder whose name is the
/// chapter's or book's, as the exporters name them; of several, the one in a folder named
/// after the book, else the one in the linking page's folder, else the shortest path.
pub(super) fn bookstack_target(
    handbook: &Handbook,
    from_dir: &str,
    address: BookStack,
) -> Option<String> {
    let key = |s: &str| crate::link::outline_key(s);
    let near = handbook.near();
    // Whether `path` (root-relative or from `content/`) is in a folder named after `book`.
    let in_book = |book: &str, path: &str| {
        let book = key(book);
        path.split('/')
            .rev()
            .skip(1)
            .any(|folder| key(folder) == book)
    };
    let folder = |p: &str| crate::link::folder_of(p).to_string();
    let from = from_dir.strip_prefix("content").unwrap_or(from_dir);
    let from = from.strip_prefix('/').unwrap_or(from);
    let (book, name) = match address {
        BookStack::Page(book, page) => {
            let mut pages = bookstack_pages(handbook, page);
            pages.sort_by_key(|p| {
                (
                    !in_book(book, p),
                    folder(p) != from,
                    p.matches('/').count(),
                    p.as_str(),
                )
            });
            return pages.first().map(|p| format!("/{p}"));
        }
        BookStack::Chapter(book, chapter) => (Some(book), chapter),
        BookStack::Book(book) => (None, book),
        BookStack::Link(_) => return None,
    };
    // A chapter in a folder named after its book first.
    let found = near.folders_named(name).iter().min_by_key(|f| {
        (
            !book.is_some_and(|b| in_book(b, f)),
            f.matches('/').count(),
            f.as_str(),
        )
    })?;
    Some(format!("/{}/", found.strip_prefix("content/")?))
}

/// The message and help of a `broken-link` to a BookStack address (`bookstack_target`)
/// that names nothing here, or a permalink; `None` when `path` is no BookStack address.
pub(super) fn bookstack_missing(path: &str) -> Option<(String, String)> {
    match bookstack_address(path) {
        Some(BookStack::Link(id)) => {
            Some((
                format!("link to `{path}`: a BookStack permalink, by page id {id}, which only BookStack resolves"),
                "open it on the old BookStack to see which page it is, then link that page's file here (or its `/books/<book>/page/<page>` address, which orgbook finds by the page's name)".into(),
            ))
        }
        Some(BookStack::Page(book, page)) => {
            Some((
                format!("link to `{path}`: a BookStack page that no page here is named after (`{page}`, in the book `{book}`)"),
                "export that page too (its file named after the page), or link the page's path here".into(),
            ))
        }
        Some(BookStack::Chapter(book, chapter)) => Some((
            format!("link to `{path}`: a BookStack chapter that no folder here is named after (`{chapter}`, in the book `{book}`)"),
            "export that chapter too (a folder named after it), or link a folder or page here".into(),
        )),
        Some(BookStack::Book(book)) => Some((
            format!("link to `{path}`: a BookStack book that no folder here is named after (`{book}`)"),
            "export that book too (a folder named after it), or link a folder or page here".into(),
        )),
        None => None,
    }
}

/// A fragment of a BookStack address as a heading's id here: BookStack's ids are
/// `bkmrk-` and the heading's text as a slug (`bkmrk-rollback`), its page title's
/// `bkmrk-page-title`, which is the page's top (empty).
pub(super) fn bookstack_fragment(fragment: &str) -> &str {
    match fragment.strip_prefix("bkmrk-") {
        Some("page-title") => "",
        Some(id) => id,
        None => fragment,
    }
}

/// Marks the link recorded since `rendered` held `before` links, if its anchor came from
/// the BookStack id `fragment` (`bkmrk-…`): the anchor check reads it by BookStack's rule.
pub(super) fn mark_bookstack_id(rendered: &mut Rendered, before: usize, fragment: Option<&str>) {
    if rendered.links.len() == before + 1
        && fragment.is_some_and(|f| f.starts_with("bkmrk-"))
        && let Some(link) = rendered.links.last_mut()
        && link.anchor.is_some()
    {
        link.bookstack_id = true;
    }
}
