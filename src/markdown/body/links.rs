//! Links as the body writer rewrites them (part of step 5, [`BodyWriter::link_start`]): a
//! Markdown link resolved to its page, Confluence's and DocFX's link forms, wikilinks
//! (Obsidian, Foam, Dendron, GitHub wikis, MediaWiki) and labelled page references.

use super::*;

/// Whether one side of a wikilink is an address rather than text: Dendron's
/// `dendron://vault/note`, or a path (`guides/setup`, without spaces).
pub(super) fn names_a_path(side: &str) -> bool {
    let side = side.trim();
    side.starts_with("dendron://") || (side.contains('/') && !side.contains(char::is_whitespace))
}

/// The title of the page a link to `target` (written in `from_dir`) reaches, or empty. A
/// page's title from its first heading is set once it is rendered: until then, the heading
/// read from its text, else the title its file name gives.
pub(super) fn linked_title(
    handbook: &Handbook,
    from_dir: &str,
    target: &str,
    deps: &mut Vec<DocId>,
) -> String {
    let to = match resolve_target(handbook, from_dir, target.split('#').next().unwrap_or("")) {
        Resolved::Doc(to, _) => to,
        Resolved::Generated("handbook.html") => return "Index".to_string(),
        Resolved::Generated("search.html") => return "Search".to_string(),
        _ => return String::new(),
    };
    deps.push(to);
    handbook.link_title(to)
}

/// A link the Markdown stage makes itself (a wikilink, an `xref:`, a reference it
/// resolved): its start, its text and its end, as pulldown-cmark writes an inline link.
pub(super) fn inline_link<'a>(href: CowStr<'a>, shown: String) -> [Event<'a>; 3] {
    [
        Event::Start(Tag::Link {
            link_type: LinkType::Inline,
            dest_url: href,
            title: "".into(),
            id: "".into(),
        }),
        Event::Text(shown.into()),
        Event::End(TagEnd::Link),
    ]
}

impl<'a> BodyWriter<'a> {
    /// A link or image opens: a wikilink made a path, a MyST label's embed made a link,
    /// the destination checked and resolved (see [`RepeatedLinks::rewrite`]). `None` for a
    /// wikilink that names nothing: it is shown as its text.
    pub(super) fn link_start(&mut self, mut tag: Tag<'a>, range: &Range<usize>) -> Option<Tag<'a>> {
        let span = self.span(range);
        let image = matches!(tag, Tag::Image { .. });
        let handbook = self.handbook;
        if !self.wikilink(&mut tag, range)
            || !self.xref(&mut tag, range)
            || !self.confluence_link(&mut tag, range)
        {
            return None;
        }
        // docsify's link options in the title's place (`':include'`, `':target=_blank'`)
        // are no title: the link stays a link.
        if let Tag::Link { title, .. } | Tag::Image { title, .. } = &mut tag
            && !title.is_empty()
            && title
                .split_whitespace()
                .all(|option| option.starts_with(':'))
        {
            *title = CowStr::Borrowed("");
        }
        // MyST: `![](#label)` embeds the block a label names; here, a link to it.
        if let Tag::Image {
            dest_url,
            title,
            id: image_id,
            ..
        } = &tag
            && handbook
                .myst_labels
                .contains_key(dest_url.strip_prefix('#').unwrap_or(dest_url))
        {
            tag = Tag::Link {
                link_type: LinkType::Inline,
                dest_url: dest_url.clone(),
                title: title.clone(),
                id: image_id.clone(),
            };
            self.embedded_notes += 1;
        }
        // MyST: a link without text to a label (`[](#label)`, `[](label)`) shows the
        // heading the label names.
        if let Tag::Link { dest_url, .. } = &tag {
            let label = match dest_url.split_once('#') {
                Some(("", fragment)) => Some(fragment),
                Some(_) => None,
                None => Some(&**dest_url),
            };
            self.empty_link_title = label
                .and_then(|l| handbook.myst_labels.get(l))
                .filter(|(_, _, heading)| !heading.is_empty())
                .map(|(_, _, heading)| (self.events.len(), heading.clone()));
            // A link without text (`[](../setup.md)`, as MyST writes one) shows the title
            // of the page it names, else its destination: never nothing.
            if self.empty_link_title.is_none()
                && !dest_url.is_empty()
                && self
                    .body
                    .get(range.start..)
                    .is_some_and(|b| b.starts_with("[]("))
            {
                let title = linked_title(handbook, self.from_dir, dest_url, &mut self.title_deps);
                let shown = if title.is_empty() {
                    dest_url.to_string()
                } else {
                    title
                };
                self.empty_link_title = Some((self.events.len(), shown));
            }
        }
        // Retype's link components (`[!ref Setup](setup.md)`, `[!button text="Board"](…)`)
        // show their text, or the linked page's title when they give none.
        if let Tag::Link { dest_url, .. } = &tag
            && self.body.as_bytes().get(range.start + 1) == Some(&b'!')
            && let Some(shown) = self
                .body
                .get(range.start..)
                .and_then(crate::dialects::retype::component_link_text)
        {
            let shown = match shown.is_empty() {
                false => shown,
                true => match linked_title(handbook, self.from_dir, dest_url, &mut self.title_deps)
                {
                    title if title.is_empty() => dest_url.to_string(),
                    title => title,
                },
            };
            self.wiki_text = Some((self.events.len(), shown));
        }
        // MyST: a link to a URL scheme the site's `conf.py` defines (`myst_url_schemes`:
        // `<gh-pr:734>`, `[the fix](gh-pr:734)`) leads to the scheme's URL; without text
        // of its own (an autolink, `[](gh-pr:734)`) it shows the scheme's title. One to a
        // scheme it defines neither there nor among those browsers open leads nowhere.
        let conf = &handbook.nav_order.conf_links;
        if let Tag::Link {
            link_type,
            dest_url,
            ..
        } = &mut tag
            && !conf.url_schemes.is_empty()
            && let Some((url, title)) =
                crate::dialects::myst::UrlScheme::link(&conf.url_schemes, dest_url)
        {
            let textless = *link_type == LinkType::Autolink
                || self
                    .body
                    .get(range.start..)
                    .is_some_and(|b| b.starts_with("[]("));
            if textless && let Some(title) = title {
                self.empty_link_title = None;
                self.wiki_text = Some((self.events.len(), title));
            }
            *dest_url = CowStr::from(url);
        } else if let Tag::Link { dest_url, .. } = &tag
            && !conf.url_scheme_names.is_empty()
            && let Some(scheme) =
                crate::dialects::myst::undefined_scheme(dest_url, &conf.url_scheme_names)
        {
            self.diags.push(undefined_scheme_warning(
                &self.doc.source.path,
                &self.doc.source.text,
                span.clone(),
                scheme,
                conf,
            ));
        }
        // A link Google Docs' web export sent through Google's redirect leads to its target.
        if let Tag::Link { dest_url, .. } = &mut tag
            && let Some(target) = crate::dialects::gdocs::redirect_target(dest_url)
        {
            *dest_url = CowStr::from(target);
        }
        // A picture the page carries as a `data:` URL (Google Docs' export puts each one at
        // the end as `[image1]: <data:image/png;base64,…>`) is shown from a file of its own.
        if let Tag::Image { dest_url, .. } = &mut tag
            && dest_url.len() > super::inline_images::INLINE_UP_TO
            && let Some(found) = super::inline_images::extract(dest_url)
        {
            *dest_url = CowStr::from(format!("{}{}", self.root, found.path));
            self.rendered.inline_images.push(found);
            return Some(tag);
        }
        if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
            && let Some(scheme) = crate::html_policy::unsafe_scheme(dest_url, image)
        {
            let what = if image { "an image" } else { "a link" };
            self.diags.push(crate::html_policy::unsafe_url_warning(
                &self.doc.source.path,
                &self.doc.source.text,
                span,
                &scheme,
                what,
            ));
            *dest_url = CowStr::from("#");
        } else if let Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. } = &mut tag
            && let Some(rewritten) = self.repeated.rewrite(
                handbook,
                self.id,
                (self.from_dir, &self.root),
                dest_url,
                span,
                &mut self.rendered,
                self.diags,
            )
        {
            *dest_url = rewritten;
        }
        Some(tag)
    }

    /// A wikilink, page reference or `xref:` that names no page: counted, and reported as a
    /// `broken-link` warning at `span` for the first [`BROKEN_LINKS_SHOWN`] of the page
    /// (the rest are summed up when the page is done). `what` gives the message and help,
    /// made only for those reported.
    pub(super) fn names_nothing<H: Into<String>>(
        &mut self,
        span: Range<usize>,
        what: impl FnOnce() -> (String, H),
    ) {
        self.unmatched_wikilinks += 1;
        if self.unmatched_wikilinks <= BROKEN_LINKS_SHOWN {
            let (message, help) = what();
            self.diags.push(
                Diagnostic::warning("broken-link", &self.doc.source.path, message)
                    .with_help(help)
                    .at(&self.doc.source.text, span),
            );
        }
    }

    /// A link to a Confluence page by its title, as `dialects::confluence` writes one
    /// (`[text](<ri:page:Release train#Rollback>)`, or `[Release train](<ri:page:>)` when the
    /// text is the title): a link to the page with that title (case aside; of several, the
    /// one in this page's folder, else the first by path), else to the page whose file is
    /// named so (as a wikilink finds it), its destination made that page's path. A link or
    /// image of an attachment (`<ri:attachment:rota.csv>`) is the file of that name, found
    /// as a wikilink's. False when nothing has the title or name: reported, and shown as its
    /// text.
    pub(super) fn confluence_link(&mut self, tag: &mut Tag<'a>, range: &Range<usize>) -> bool {
        let image = matches!(tag, Tag::Image { .. });
        let (Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = tag else {
            return true;
        };
        if !dest_url.starts_with("ri:") {
            return true;
        }
        let attachment = dest_url.strip_prefix("ri:attachment:").map(str::to_string);
        let handbook = self.handbook;
        if let Some(file) = attachment {
            if let Some(dest) = wiki_target(handbook, self.from_dir, &file) {
                *dest_url = CowStr::from(dest);
                return true;
            }
            let span = self.span(range);
            self.names_nothing(span, || confluence_attachment_missing(&file, image));
            self.unlinked_depth += 1;
            return false;
        }
        if image {
            return true;
        }
        let Some(named) = dest_url.strip_prefix("ri:page:") else {
            return true;
        };
        self.rendered.by_title = true;
        let (title, anchor) = named.split_once('#').unwrap_or((named, ""));
        let title = if title.is_empty() {
            // The link's text, as written: `[Release \& paging](<ri:page:>)`.
            let written = self.body.get(range.start..range.end).unwrap_or("");
            let text = written
                .strip_prefix('[')
                .and_then(|w| w.rsplit_once("](").map(|(t, _)| t))
                .unwrap_or("");
            crate::text::unescape_markdown(text).into_owned()
        } else {
            title.to_string()
        };
        if let Some(dest) = confluence_page(handbook, self.from_dir, &title, anchor) {
            *dest_url = CowStr::from(dest);
            return true;
        }
        let span = self.span(range);
        self.names_nothing(span, || confluence_page_missing(&title));
        self.unlinked_depth += 1;
        false
    }

    /// DocFX's cross reference, `[Setup](xref:setup)`: a link to the page whose front matter
    /// has `uid: setup`, its destination made that page's path from `content/` (to be
    /// resolved like any link's; `#fragment` kept, DocFX's `?displayProperty=…` dropped).
    /// mystmd's `xref:guide/page` to another MyST site `myst.yml` names is a link there
    /// (`load::myst_nav::reference_url`). False when no page has the uid (an API's, which
    /// DocFX resolves from its own metadata): reported, and shown as its text (the uid,
    /// when it has none).
    pub(super) fn xref(&mut self, tag: &mut Tag<'a>, range: &Range<usize>) -> bool {
        let span = self.span(range);
        let Tag::Link {
            dest_url,
            link_type,
            ..
        } = tag
        else {
            return true;
        };
        // `<xref:uid>` shows the page's title, as DocFX draws it, not its address.
        let autolink = matches!(link_type, LinkType::Autolink);
        let Some(rest) = dest_url
            .get(..5)
            .filter(|s| s.eq_ignore_ascii_case("xref:"))
            .map(|_| &dest_url[5..])
        else {
            return true;
        };
        let (uid, fragment) = rest.split_once('#').unwrap_or((rest, ""));
        let uid = uid.split('?').next().unwrap_or(uid);
        let uid = crate::text::percent_decode_lenient(uid);
        if let Some(&id) = self.handbook.uids.get(uid.trim()) {
            let path = &self.handbook.docs[id].source.path;
            let under = path.strip_prefix("content/").unwrap_or(path);
            let anchor = if fragment.is_empty() {
                String::new()
            } else {
                format!("#{fragment}")
            };
            *dest_url = CowStr::from(format!("/{under}{anchor}"));
            if autolink {
                let title =
                    linked_title(self.handbook, self.from_dir, dest_url, &mut self.title_deps);
                if !title.is_empty() {
                    self.wiki_text = Some((self.events.len(), title));
                }
            }
            return true;
        }
        // mystmd's link to another MyST site that `myst.yml` names (`xref:guide/toc`).
        if let Some(url) =
            crate::load::myst_nav::reference_url(&self.handbook.nav_order.references, rest)
        {
            let empty = self
                .body
                .get(range.start..)
                .is_some_and(|b| b.starts_with("[]("));
            if autolink || empty {
                // What the other site would title it is not known here: its address shows.
                let shown = url.split_once("://").map_or(url.as_str(), |(_, a)| a);
                self.wiki_text = Some((self.events.len(), shown.to_string()));
            }
            *dest_url = CowStr::from(url);
            return true;
        }
        let references = &self.handbook.nav_order.references;
        if references.is_empty() {
            self.names_nothing(span, || {
                (
                    format!("`xref:{uid}` names no page: none has `uid: {uid}` in its front matter"),
                    "give the page it means that `uid`, or link to its file; it is shown as text meanwhile (an API's uid is resolved only by DocFX)",
                )
            });
        } else {
            // A MyST project: the first part names another site.
            let key = uid.split(['/', '#']).next().unwrap_or_default().to_string();
            let known: Vec<&str> = references.keys().map(String::as_str).collect();
            let known = known.join("`, `");
            self.names_nothing(span, || {
                (
                    format!("`xref:{uid}` names no page, and `{key}` is no project myst.yml lists under `references:` (`{known}`)"),
                    format!("add `{key}: <its address>` under `project: references:` in myst.yml, or link to the page's address; it is shown as text meanwhile"),
                )
            });
        }
        if autolink
            || self
                .body
                .get(range.start..)
                .is_some_and(|b| b.starts_with("[]("))
        {
            self.unlinked_text = Some(uid);
        }
        self.unlinked_depth += 1;
        false
    }

    /// A wikilink (`[[Page]]`, `[[Page|text]]`, `![[file.png]]`) names a file by name: its
    /// destination is made a path, to be resolved like any link's. False when it names
    /// nothing: it is reported, and shown as its text.
    pub(super) fn wikilink(&mut self, tag: &mut Tag<'a>, range: &Range<usize>) -> bool {
        let image = matches!(tag, Tag::Image { .. });
        let handbook = self.handbook;
        let span = self.span(range);
        if let Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            title,
            ..
        } = tag
            && &**title == "wikilink"
        {
            *title = CowStr::Borrowed("");
            return self.mediawiki_link(dest_url, span);
        }
        if !image {
            let written = self.body.get(range.start..range.end).unwrap_or("");
            let inner = written.trim_start_matches("[[").trim_end_matches("]]");
            let (target, text) = inner.split_once('|').unwrap_or((inner, ""));
            if let Some(linked) = self.mediawiki_namespace(tag, target, text) {
                return linked;
            }
        }
        let (Tag::Link {
            link_type: LinkType::WikiLink { has_pothole },
            dest_url,
            ..
        }
        | Tag::Image {
            link_type: LinkType::WikiLink { has_pothole },
            dest_url,
            ..
        }) = tag
        else {
            return self.labelled_page_reference(tag, span);
        };
        let written = self.body.get(range.start..range.end).unwrap_or("");
        let inner = written
            .trim_start_matches('!')
            .trim_start_matches("[[")
            .trim_end_matches("]]");
        let (first, second) = inner.split_once('|').unwrap_or((inner, ""));
        // Dendron writes the text first too, and its target is an address
        // (`[[Product|dendron://private/area.product]]`) or a note's path; a path on the
        // right names the page even when the text on the left is also a page's name.
        let target_second = *has_pothole && names_a_path(second) && !names_a_path(first);
        let found = if target_second {
            wiki_target(handbook, self.from_dir, second).inspect(|_| {
                self.wiki_text = Some((self.events.len(), first.to_string()));
            })
        } else {
            self.wiki_target_text_first(first, second, *has_pothole)
        };
        let pothole = *has_pothole;
        let page = found
            .as_deref()
            .is_some_and(|d| crate::load::is_markdown(d.split('#').next().unwrap_or(d)));
        match found {
            // Obsidian's `![[Note]]` embeds a note: here, a link to it.
            Some(dest) if image && page => {
                let Tag::Image {
                    title,
                    id: image_id,
                    ..
                } = &*tag
                else {
                    unreachable!("an image wikilink")
                };
                // Named by the note's title, not by its file's name (Dendron's
                // `![[area.crew.roster]]`).
                let shown = linked_title(handbook, self.from_dir, &dest, &mut self.title_deps);
                if !pothole && !shown.is_empty() {
                    self.wiki_text = Some((self.events.len(), shown));
                }
                *tag = Tag::Link {
                    link_type: LinkType::WikiLink { has_pothole: false },
                    dest_url: CowStr::from(dest),
                    title: title.clone(),
                    id: image_id.clone(),
                };
                self.embedded_notes += 1;
            }
            Some(dest) => *dest_url = CowStr::from(dest),
            // Logseq makes a page of every `[[name]]` written in its graph, whether or not
            // anyone writes in it (as of every tag): such a reference is its text, with no
            // warning that would list most of a graph's references.
            None if !image
                && !target_second
                && crate::load::logseq::in_graph(&self.doc.source.path) =>
            {
                self.unlinked_depth += 1;
                return false;
            }
            None => {
                self.names_nothing(span.clone(), || {
                    let target = if target_second { second } else { first };
                    let name = target.split('#').next().unwrap_or(target).trim();
                    match name
                        .strip_prefix("dendron://")
                        .and_then(|address| address.split_once('/'))
                    {
                        Some((vault, note)) => (
                            format!(
                                "`{written}` names the Dendron note `{note}` of the vault `{vault}`, which is not in the handbook (no `{note}.md`)"
                            ),
                            "move the note into content/, or link to where that vault is published; it is shown as its text meanwhile",
                        ),
                        None => (
                            format!(
                                "`{written}` names no page or file: wikilinks are matched by file name (`{}.md`, in any folder)",
                                name.replace(' ', "-")
                            ),
                            "create the page, or correct the name; it is shown as text meanwhile",
                        ),
                    }
                });
                if target_second {
                    self.unlinked_text = Some(first.to_string());
                }
                self.unlinked_depth += 1;
                return false;
            }
        }
        true
    }

    /// A MediaWiki link written as a wikilink (as converters that keep MediaWiki's syntax
    /// leave it) into a namespace that is no page of the wiki: an interwiki link,
    /// `[[wikipedia:Tide|tides]]` (`w:` too), goes to the English Wikipedia; a category,
    /// `[[Category:Releases]]` (the page's category, which MediaWiki shows in a box of its
    /// own) or `[[:Category:Releases]]` (a link to the category's list), is its text, with
    /// no warning: no page of the handbook is a category's list. `None` for any other
    /// wikilink; else whether it stays a link.
    pub(super) fn mediawiki_namespace(
        &mut self,
        tag: &mut Tag<'a>,
        target: &str,
        text: &str,
    ) -> Option<bool> {
        let Tag::Link {
            link_type: LinkType::WikiLink { .. },
            dest_url,
            ..
        } = tag
        else {
            return None;
        };
        let (prefix, rest) = target.trim().trim_start_matches(':').split_once(':')?;
        match prefix.trim().to_ascii_lowercase().as_str() {
            "wikipedia" | "w" if !rest.trim().is_empty() => {
                let (page, fragment) = rest.trim().split_once('#').unwrap_or((rest.trim(), ""));
                let anchor = if fragment.is_empty() {
                    String::new()
                } else {
                    format!("#{}", fragment.replace(' ', "_"))
                };
                *dest_url = CowStr::from(format!(
                    "https://en.wikipedia.org/wiki/{}{anchor}",
                    crate::text::encode_path(&page.replace(' ', "_"))
                ));
                Some(true)
            }
            "category" => {
                if text.is_empty() {
                    self.unlinked_text = Some(target.trim().trim_start_matches(':').to_string());
                }
                self.unlinked_depth += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// A MediaWiki page's internal link as pandoc writes it, `[text](Page_name "wikilink")`
    /// (the title is pandoc's mark, not the author's): a wiki page name, found as a
    /// wikilink's (`Page_name.md` in any folder; a namespaced `Team:Page_name` by its whole
    /// name, else by the part after the namespace). A category link (`Category:On-call`,
    /// which MediaWiki shows as the page's categories, not in the text) is its text, an
    /// interwiki `wikipedia:` link goes to Wikipedia, and a path to a Markdown file is
    /// resolved as any link. One that names no page is a `broken-link` warning, shown as
    /// its text, as an unmatched wikilink is. False when it is shown as text.
    pub(super) fn mediawiki_link(&mut self, dest_url: &mut CowStr<'a>, span: Range<usize>) -> bool {
        let written = dest_url.to_string();
        let (path, fragment) = written.split_once('#').unwrap_or((&written, ""));
        let name = path.trim_start_matches('/');
        if name.is_empty()
            || crate::load::is_markdown(name)
            || (has_scheme(&written) && written.contains("//"))
        {
            return true;
        }
        let with_fragment = |name: &str| match fragment {
            "" => name.to_string(),
            f => format!("{name}#{}", f.replace('_', " ")),
        };
        if let Some((prefix, rest)) = name.split_once(':') {
            match prefix.to_ascii_lowercase().as_str() {
                "category" => {
                    self.unlinked_depth += 1;
                    return false;
                }
                "wikipedia" | "w" => {
                    let anchor = if fragment.is_empty() {
                        String::new()
                    } else {
                        format!("#{fragment}")
                    };
                    *dest_url = CowStr::from(format!(
                        "https://en.wikipedia.org/wiki/{}{anchor}",
                        crate::text::encode_path(rest)
                    ));
                    return true;
                }
                _ => {}
            }
        }
        let found = wiki_target(self.handbook, self.from_dir, &with_fragment(name)).or_else(|| {
            let (_, page) = name.rsplit_once(':')?;
            wiki_target(self.handbook, self.from_dir, &with_fragment(page))
        });
        match found {
            Some(dest) => {
                *dest_url = CowStr::from(dest);
                true
            }
            None => {
                self.names_nothing(span, || {
                    (
                        format!(
                            "`{written}` is a wiki page pandoc linked (its title \"wikilink\"), and the handbook has no page of that name (`{}.md`, in any folder)",
                            name.rsplit(':').next().unwrap_or(name)
                        ),
                        "move that page in from the wiki, or correct the name; it is shown as text meanwhile",
                    )
                });
                self.unlinked_depth += 1;
                false
            }
        }
    }

    /// Logseq's labelled page reference, `[the review]([[Process/Review]])`: a link whose
    /// destination is a wikilink, matched by page name as one (the load stage leaves a
    /// page's as `[the review](<[Process/Review]>)`). Written as a path, it was a
    /// broken link that failed the build. False when it names nothing: reported as a
    /// wikilink that names nothing is, and shown as its text.
    pub(super) fn labelled_page_reference(
        &mut self,
        tag: &mut Tag<'a>,
        span: Range<usize>,
    ) -> bool {
        let Tag::Link {
            link_type: LinkType::Inline,
            dest_url,
            ..
        } = tag
        else {
            return true;
        };
        // `[[Page]]` as written, or `[Page name]` as the load stage leaves a page's
        // (`load::logseq`), so that a name with spaces is read as one destination.
        let Some(name) = dest_url
            .strip_prefix("[[")
            .and_then(|d| d.strip_suffix("]]"))
            .or_else(|| dest_url.strip_prefix('[').and_then(|d| d.strip_suffix(']')))
            .filter(|n| !n.is_empty() && !n.contains(['[', ']']))
        else {
            return true;
        };
        if let Some(dest) = wiki_target(self.handbook, self.from_dir, name) {
            *dest_url = CowStr::from(dest);
            return true;
        }
        self.names_nothing(span, || {
            let name = name.split('#').next().unwrap_or(name).trim();
            (
                format!(
                    "`[[{name}]]` names no page or file: page references are matched by file name (`{}.md`, in any folder)",
                    name.replace(' ', "-")
                ),
                "create the page, or correct the name; it is shown as text meanwhile",
            )
        });
        self.unlinked_depth += 1;
        false
    }

    /// The target of a wikilink read Obsidian's way (`[[Page|text]]`, `[[Page#Heading]]`),
    /// else GitHub's (`[[Link text|Page-Name]]`), with the text it shows when that is not
    /// the parser's.
    pub(super) fn wiki_target_text_first(
        &mut self,
        first: &str,
        second: &str,
        has_pothole: bool,
    ) -> Option<String> {
        match wiki_target(self.handbook, self.from_dir, first) {
            Some(dest) => {
                // Obsidian shows `[[Page#Heading]]` as "Page > Heading".
                if !has_pothole && let Some((page, heading)) = first.split_once('#') {
                    let shown = match page.trim() {
                        "" => heading.trim().to_string(),
                        page => format!("{page} > {}", heading.trim()),
                    };
                    self.wiki_text = Some((self.events.len(), shown));
                }
                Some(dest)
            }
            None if has_pothole => {
                wiki_target(self.handbook, self.from_dir, second).inspect(|_| {
                    self.wiki_text = Some((self.events.len(), first.to_string()));
                })
            }
            None => None,
        }
    }
}

/// The `unknown-url-scheme` warning for a link at `span` to `scheme`, which the site's
/// `conf.py` (`conf`) gives no URL in `myst_url_schemes`.
fn undefined_scheme_warning(
    file: &str,
    text: &str,
    span: Range<usize>,
    scheme: &str,
    conf: &crate::load::conf_py::ConfLinks,
) -> Diagnostic {
    const NAMED: usize = 12;
    let mut defined: Vec<String> = conf
        .url_schemes
        .keys()
        .take(NAMED)
        .map(|s| format!("`{s}`"))
        .collect();
    if conf.url_schemes.len() > NAMED {
        defined.push(format!("and {} more", conf.url_schemes.len() - NAMED));
    }
    Diagnostic::warning(
        "unknown-url-scheme",
        file,
        format!(
            "a link to `{scheme}:`, a URL scheme that {}'s `myst_url_schemes` does not define (it defines {}) and browsers do not open: the link leads nowhere",
            conf.path,
            defined.join(", ")
        ),
    )
    .with_help(format!(
        "add `{scheme}` to `myst_url_schemes` in {} with its URL template, or write the link's full `https://` address",
        conf.path
    ))
    .at(text, span)
}
