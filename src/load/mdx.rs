//! Docusaurus's `.mdx` files read as Markdown. MDX is Markdown plus JavaScript: a page
//! starts with `import` lines for the React components it uses (`<Tabs>`, `<TabItem>`),
//! may `export` values, and writes comments as `{/* … */}`. orgbook runs no JavaScript,
//! so those are removed — blanked to spaces of the same byte length, newlines kept, so
//! every offset, line and column in diagnostics stays true — and the rest is read as the
//! Markdown it mostly is. The components' tags are left to the raw-HTML policy like any
//! other HTML, so their Markdown content is shown. One warning per file names the
//! components whose behaviour (tabs, live code…) is lost, and one more those used without
//! an import (a site's own, which Gatsby or Docusaurus make global), since a component
//! with no content (`<SmallTeam slug="x"/>`) leaves nothing on the page.
//!
//! In every page, whatever its extension, the components that stand for a link or a word
//! are written in place as what they show (see [`link_components`]): Gatsby's `<Link>`,
//! `<PrivateLink>`, and `<Badge>`.
//!
//! A `.md` file is read the same way when it writes a top-level `import` or `export`
//! statement: Gatsby's MDX plugin reads `.md` as MDX, so such a site's pages are MDX
//! whatever their extension. (Indented code in it stays code: the render stage knows only
//! the extension, and a `.md` page's indented code is more likely meant.)
//!
//! A paragraph counts as an import or export only at the top level and only when its
//! first line has the statement's full shape (`import X from '…'`, `export const …`), so
//! prose that starts with the word "import" stays, and so does code in code blocks.

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::ops::Range;

/// Whether a `.md` body may use a component (`<SmallTeam slug="x" />`): a tag whose name
/// starts with a capital letter, which no HTML element has, not right after a word or an
/// `@` (a type's parameters, `Vec<T>`, and a mention, `@<Jane Doe>`, are no tag). A cheap look, so that most pages are not
/// parsed for it; [`clean`] reads the tags outside code.
pub(crate) fn may_use_components(body: &str) -> bool {
    let bytes = body.as_bytes();
    memchr::memchr_iter(b'<', bytes).any(|at| {
        let after_word = at > 0
            && (bytes[at - 1].is_ascii_alphanumeric() || matches!(bytes[at - 1], b'_' | b'@'));
        let name = bytes[at + 1..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        !after_word
            && bytes.get(at + 1).is_some_and(u8::is_ascii_uppercase)
            && matches!(
                bytes.get(at + 1 + name),
                Some(b' ' | b'\t' | b'\n' | b'/' | b'>')
            )
    })
}

/// Whether a `.md` body is MDX: Gatsby's MDX plugin (and any MDX 2 site configured so)
/// reads `.md` files as MDX, and such a page shows it with a top-level `import` or
/// `export` statement. A cheap look for a line starting with either word comes first, so
/// most pages are not parsed for it; [`clean`] then decides by the statement's full shape.
pub(crate) fn may_write_esm(body: &str) -> bool {
    body.starts_with("import")
        || body.starts_with("export ")
        || crate::finder!(b"\nimport").find(body.as_bytes()).is_some()
        || crate::finder!(b"\nexport ").find(body.as_bytes()).is_some()
}

/// Removes the MDX-only syntax from the body of `text` (which starts at `body_start`), and
/// reports the imports. A `.md` file is read so only when it has a top-level `import` or
/// `export` statement (see [`may_write_esm`]); without one it is returned as it is, and
/// nothing is reported, so a Markdown page whose prose starts a line with "import" or
/// shows a component in code is untouched.
pub fn clean(file: &str, text: String, body_start: usize, diags: &mut Vec<Diagnostic>) -> String {
    let body = &text[body_start..];
    let md_unless_esm = !crate::load::is_mdx(file);
    let mut blank: Vec<Range<usize>> = Vec::new();
    let mut imported: Vec<&str> = Vec::new();
    let mut first_import = None;
    let mut depth = 0usize;
    let mut code: Vec<Range<usize>> = Vec::new();
    // Components used without an import (the site's own, which a Gatsby or Docusaurus site
    // makes global): name and where, each time.
    let mut used: Vec<(&str, usize)> = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::dialects::options()).into_offset_iter() {
        if let Event::Html(_) | Event::InlineHtml(_) = &event {
            for (name, at) in component_tags(&body[range.clone()]) {
                used.push((name, range.start + at));
            }
        }
        match event {
            Event::Start(Tag::Paragraph) if depth == 0 => {
                let paragraph = &body[range.clone()];
                let first = paragraph.lines().next().unwrap_or("");
                if import_names(first).is_some() {
                    // Every statement of the paragraph: imports come in runs. A partial
                    // (`import Steps from './_steps.mdx'`) is included where it is used
                    // (`load::include`): nothing of it is lost, so it is not reported.
                    for line in paragraph.lines() {
                        if crate::load::include::partial_import(line).is_none() {
                            first_import.get_or_insert(range.start);
                            imported.extend(import_names(line).unwrap_or_default());
                        }
                    }
                    blank.push(range.clone());
                } else if is_export(first) {
                    blank.push(range.clone());
                }
                depth += 1;
            }
            Event::Start(Tag::CodeBlock(_)) => {
                code.push(range);
                depth += 1;
            }
            Event::Code(_) => code.push(range),
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if md_unless_esm && blank.is_empty() {
        // A `.md` page without imports is Markdown, and stays as written; but a component
        // it uses (`<SmallTeam slug="support" />`, global on a Gatsby MDX site) is raw
        // HTML no browser knows, which the sanitizer drops: say so, once a page.
        let components: Vec<(&str, usize)> = used
            .iter()
            .copied()
            .filter(|&(name, at)| {
                // `Vec<T>` is a type; `@<Jane Doe>` an Azure DevOps mention.
                let after_word = at > 0
                    && (body.as_bytes()[at - 1].is_ascii_alphanumeric()
                        || body.as_bytes()[at - 1] == b'@');
                !after_word
                    && !in_code(&code, at)
                    // Drawn, or (VuePress's external-link icon, its wrapper around
                    // Markdown) nothing is lost without them.
                    && !matches!(
                        name,
                        "Tabs" | "TabItem" | "Badge" | "OutboundLink" | "ClientOnly"
                    )
                    && !callout_line(body, at)
            })
            .collect();
        if let Some(&(_, at)) = components.first() {
            let mut names: Vec<&str> = components.iter().map(|&(n, _)| n).collect();
            names.sort_unstable();
            names.dedup();
            let shown: Vec<String> = names.iter().take(10).map(|n| format!("`<{n}>`")).collect();
            let more = names.len().saturating_sub(10);
            diags.push(
                Diagnostic::warning(
                    "template-leftover",
                    file,
                    format!(
                        "components no browser knows are not drawn: {}{}; what they show is missing from the page",
                        shown.join(", "),
                        if more > 0 { format!(" and {more} more") } else { String::new() }
                    ),
                )
                .with_help("these are another site's components (a VuePress or VitePress site's Vue components, or those of a Gatsby or Docusaurus site that reads .md as MDX): write what the component showed as Markdown (a list, a table, a link), or keep it for the other site and accept the gap here")
                .at(&text, body_start + at..body_start + at + 1),
            );
        }
        // Docusaurus v3 reads `.md` as MDX too (its `markdown.format` is `mdx` unless set),
        // so a comment there is no text; only one on lines of its own is taken for one, as
        // a Markdown page showing the syntax on purpose writes it in a sentence or in code.
        let own_lines: Vec<Range<usize>> = match says_commonmark(&text[..body_start]) {
            true => Vec::new(),
            false => comments(body, &code)
                .into_iter()
                .filter(|c| on_lines_of_its_own(body, c))
                .collect(),
        };
        return blanked(text, body_start, &own_lines);
    }
    blank.extend(comments(body, &code));
    let mut drawn = Vec::new();
    let mut one_line_callouts = Vec::new();
    let labels = tabs(
        body,
        &code,
        !md_unless_esm,
        &mut blank,
        &mut drawn,
        (&mut used, &mut one_line_callouts),
    );
    // A callout written on one line and indented, `  <Note>Text</Note>`: its text is
    // shown, as a plain paragraph; at the start of its line it is drawn (see `tabs`).
    if let Some(&(name, at)) = one_line_callouts.first() {
        let more = match one_line_callouts.len() {
            1 => String::new(),
            n => format!(" (and {} more on this page)", n - 1),
        };
        diags.push(
            Diagnostic::warning(
                "template-leftover",
                file,
                format!("`<{name}>` on one line is shown as a plain paragraph, not as a callout{more}"),
            )
            .with_help(format!(
                "put `<{name}>` and `</{name}>` on lines of their own around the text, or write a GitHub alert (`> [!NOTE]`)"
            ))
            .at(&text, body_start + at..body_start + at + name.len() + 2),
        );
    }
    // The first time each is used, of those whose content or picture is not drawn here.
    used.retain(|&(_, at)| !in_code(&drawn, at));
    used.sort_by_key(|&(_, at)| at);
    let mut seen = std::collections::HashSet::new();
    used.retain(|&(name, _)| seen.insert(name));
    if let Some(at) = first_import {
        imported.sort_unstable();
        imported.dedup();
        let names = if imported.is_empty() {
            String::new()
        } else {
            format!(
                " ({})",
                imported
                    .iter()
                    .map(|n| format!("`{n}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        diags.push(
            Diagnostic::warning(
                "template-leftover",
                file,
                format!("MDX imports removed: orgbook reads MDX as Markdown and does not run the components it imports{names}"),
            )
            .with_help(if md_unless_esm {
                "this .md file is MDX (its site reads .md as MDX, as Gatsby's MDX plugin can); the components' Markdown content is shown as it is; for the same page everywhere, write Markdown instead (a GitHub alert such as `> [!NOTE]` for an admonition, headings for tabs) and drop the import"
            } else {
                "the components' Markdown content is shown as it is; for the same page everywhere, write Markdown instead (a GitHub alert such as `> [!NOTE]` for an admonition, headings for tabs) and rename the file to .md"
            })
            .at(&text, body_start + at..body_start + at + 6),
        );
    }
    // Imported ones, partials included, and tabs (drawn: their labels become headings).
    let known: std::collections::HashSet<&str> = imported
        .iter()
        .copied()
        .chain(
            body.lines()
                .filter_map(crate::load::include::partial_import)
                .map(|(name, _)| name),
        )
        .chain(["Tabs", "TabItem"])
        .collect();
    let global: Vec<&(&str, usize)> = used.iter().filter(|(n, _)| !known.contains(n)).collect();
    if let Some(&&(_, at)) = global.first() {
        const NAMED: usize = 10;
        let mut names: Vec<String> = global
            .iter()
            .take(NAMED)
            .map(|(n, _)| format!("`<{n}>`"))
            .collect();
        if global.len() > NAMED {
            names.push(format!("and {} more", global.len() - NAMED));
        }
        diags.push(
            Diagnostic::warning(
                "template-leftover",
                file,
                format!(
                    "MDX components the site provides are not drawn: {}; what they show is missing from the page",
                    names.join(", ")
                ),
            )
            .with_help("orgbook runs no JavaScript: write what the component showed as Markdown (a list, a table, a link), or keep it for the other site and accept the gap here")
            .at(&text, body_start + at..body_start + at + 1),
        );
    }
    if labels.is_empty() {
        return blanked(text, body_start, &blank);
    }
    let mut bytes = blanked(text, body_start, &blank).into_bytes();
    for (at, label) in labels {
        bytes[body_start + at..body_start + at + label.len()].copy_from_slice(label.as_bytes());
    }
    // Each label is a whole string, written over a tag the blanking left as spaces.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `text` with the body's `ranges` (from `body_start`) blanked to spaces, line breaks kept.
fn blanked(text: String, body_start: usize, ranges: &[Range<usize>]) -> String {
    if ranges.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for range in ranges {
        for b in &mut bytes[body_start + range.start..body_start + range.end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    // Whole UTF-8 sequences were replaced (a range starts and ends at characters, and
    // every byte of a multi-byte character inside it became a space).
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Whether a `.md` body may hold an MDX comment, `{/* … */}`: a substring search, so that
/// most pages are not parsed for it.
pub(crate) fn may_comment(body: &str) -> bool {
    crate::finder!(b"{/*").find(body.as_bytes()).is_some()
}

/// Whether the comment at `range` of `body` has nothing but spaces before it on its first
/// line and after it on its last.
fn on_lines_of_its_own(body: &str, range: &Range<usize>) -> bool {
    // Only the spaces next to it are read, so a line of many comments stays linear.
    let blank = |b: &u8| *b == b' ' || *b == b'\t';
    let bytes = body.as_bytes();
    let before = bytes[..range.start].iter().rev().find(|b| !blank(b));
    let after = bytes[range.end..].iter().find(|b| !blank(b));
    before.is_none_or(|&b| b == b'\n') && after.is_none_or(|&b| b == b'\n' || b == b'\r')
}

/// Whether a page's front matter says it is CommonMark rather than MDX, as Docusaurus
/// reads it: `format: md` (or under `mdx:`, as Docusaurus 3.0 wrote it).
fn says_commonmark(front: &str) -> bool {
    front.lines().any(|line| {
        line.trim()
            .strip_prefix("format:")
            .is_some_and(|v| matches!(v.trim(), "md" | "'md'" | "\"md\""))
    })
}

/// Whether the tag at `at` is a callout component's alone at the start of its line, which
/// the dialects stage draws (`leftovers::callout_tag`).
fn callout_line(body: &str, at: usize) -> bool {
    (at == 0 || body.as_bytes()[at - 1] == b'\n')
        && crate::dialects::leftovers::callout_tag(body[at..].split('\n').next().unwrap_or(""))
            .is_some()
}

/// Gatsby's link components, `<Link to="/x">text</Link>` (with any other attributes, such
/// as `state={{ newWindow: true }}`) and PostHog's `<PrivateLink url="…">text</PrivateLink>`,
/// rewritten in place to `<a href="/x">text</a>`, so the raw-HTML stage resolves and checks
/// the target as it does any `<a href>` and the text stays a link. The target keeps its
/// byte in the file (the rest of the tag becomes spaces, its line breaks kept), so a broken
/// one is reported where it is written. Tags in code, self-closing ones and those with a
/// target in braces (`to={url}`) are left as written.
///
/// VitePress's and Starlight's `<Badge type="tip" text="v2" />` is its text, in its place
/// (in a heading too, where a badge usually sits).
pub(crate) fn link_components(text: String, body_start: usize) -> String {
    const NAMES: [&str; 2] = ["Link", "PrivateLink"];
    let body = &text[body_start..];
    let has = |f: &memchr::memmem::Finder<'_>| f.find(body.as_bytes()).is_some();
    // `<PrivateLink` holds no `<Link`: each name is looked for.
    if !has(crate::finder!(b"<Link"))
        && !has(crate::finder!(b"<PrivateLink"))
        && !has(crate::finder!(b"<Badge"))
    {
        return text;
    }
    let mut code: Vec<Range<usize>> = Vec::new();
    let mut headings: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::dialects::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => code.push(range),
            Event::Start(Tag::Heading { .. }) => headings.push(range),
            _ => {}
        }
    }
    // (where, the bytes written there)
    let mut writes: Vec<(usize, Vec<u8>)> = Vec::new();
    for name in NAMES {
        let open = format!("<{name}");
        let close = format!("</{name}>");
        for at in memchr::memmem::find_iter(body.as_bytes(), open.as_bytes()) {
            if in_code(&code, at) || !body[at + open.len()..].starts_with([' ', '\t', '\n', '\r']) {
                continue;
            }
            let Some((end, target)) = link_tag(&body[at..]) else {
                continue;
            };
            let (tag_end, value) = (at + end, at + target.start..at + target.end);
            // The closing tag, in the same paragraph.
            let rest = &body[tag_end..];
            let paragraph = rest.find("\n\n").unwrap_or(rest.len()).min(LINK_TEXT);
            let Some(closing) = rest[..paragraph.min(rest.len())].find(&close) else {
                continue;
            };
            // `<a href="` fits before the target, on its line.
            if value.start - at < 9
                || body.as_bytes()[value.start - 6..value.start].contains(&b'\n')
            {
                continue;
            }
            let quote = body.as_bytes()[value.start - 1];
            let mut tag: Vec<u8> = body.as_bytes()[at..tag_end]
                .iter()
                .map(|&b| if b == b'\n' || b == b'\r' { b } else { b' ' })
                .collect();
            tag[..2].copy_from_slice(b"<a");
            let value_at = value.start - at;
            tag[value_at - 6..value_at - 1].copy_from_slice(b"href=");
            tag[value_at - 1] = quote;
            tag[value_at..value.end - at].copy_from_slice(body[value.clone()].as_bytes());
            tag[value.end - at] = quote;
            let last = tag.len() - 1;
            tag[last] = b'>';
            writes.push((at, tag));
            // `</a   >`: the spaces inside the tag, where a closing tag may have them, so
            // none shows before the punctuation that follows.
            let mut end_tag = b"</a".to_vec();
            end_tag.resize(close.len() - 1, b' ');
            end_tag.push(b'>');
            writes.push((tag_end + closing, end_tag));
        }
    }
    for at in crate::finder!(b"<Badge").find_iter(body.as_bytes()) {
        if in_code(&code, at) || !body[at + 6..].starts_with([' ', '\t', '\n']) {
            continue;
        }
        let Some(end) = badge_end(&body[at..]) else {
            continue;
        };
        let tag = &body[at..at + end];
        // A badge among other text on its line is raw HTML of a paragraph or a heading,
        // which the Markdown stage draws as a badge (`markdown::body`): left as written.
        let line_start = body[..at].rfind('\n').map_or(0, |n| n + 1);
        let line_end = body[at + end..]
            .find('\n')
            .map_or(body.len(), |n| at + end + n);
        let alone =
            body[line_start..at].trim().is_empty() && body[at + end..line_end].trim().is_empty();
        if !tag.contains(['\n', '\r']) && !alone {
            continue;
        }
        let Some((value_at, value)) = tag
            .find(" text=\"")
            .map(|n| n + 7)
            .and_then(|v| tag[v..].find('"').map(|len| (v, &tag[v..v + len])))
        else {
            continue;
        };
        // In a heading, the badge is left out: its text would join the heading's anchor
        // (`#setup` as VitePress makes it would become `#setup-beta`). Elsewhere its text
        // stands where the tag was, the rest of the tag a comment, so no run of spaces
        // shows before what follows.
        let in_heading = in_code(&headings, at);
        let shown = if in_heading { "" } else { value };
        let written: Vec<u8> = if tag.len() >= shown.len() + 7 && !tag.contains(['\n', '\r']) {
            let mut w = shown.as_bytes().to_vec();
            w.extend_from_slice(b"<!--");
            w.resize(tag.len() - 3, b' ');
            w.extend_from_slice(b"-->");
            w
        } else {
            let mut w: Vec<u8> = tag
                .bytes()
                .map(|b| if b == b'\n' || b == b'\r' { b } else { b' ' })
                .collect();
            if !in_heading {
                w[value_at..value_at + value.len()].copy_from_slice(value.as_bytes());
            }
            w
        };
        writes.push((at, written));
    }
    if writes.is_empty() {
        return text;
    }
    let mut bytes = text.into_bytes();
    for (at, written) in writes {
        bytes[body_start + at..body_start + at + written.len()].copy_from_slice(&written);
    }
    // Only ASCII was written, over whole tags.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Where a self-closing `<Badge … />` at the start of `tag` ends (after its `/>`), within a
/// line or two; `None` for one with content (`<Badge>text</Badge>`) or none of that shape.
fn badge_end(tag: &str) -> Option<usize> {
    const TAG_BYTES: usize = 300;
    let close = tag.find('>')?;
    (close < TAG_BYTES && tag[..close].ends_with('/') && !tag[..close].contains("\n\n"))
        .then_some(close + 1)
}

/// How far the text of a link component may run to its closing tag, in bytes.
const LINK_TEXT: usize = 2000;

/// The opening tag at the start of `tag` (`<Link to="/x" state={{ a: 1 }}>`): where it
/// ends (after its `>`) and the range of its target's value (`to`, `href` or `url`, in
/// quotes), or `None` when it is self-closing, runs on past a blank line or a few hundred
/// bytes, or has no quoted target. A `>` inside quotes or braces does not end it.
fn link_tag(tag: &str) -> Option<(usize, Range<usize>)> {
    const TAG_BYTES: usize = 600;
    let bytes = tag.as_bytes();
    let (mut depth, mut quote, mut target) = (0usize, None::<u8>, None);
    for (i, &b) in bytes.iter().enumerate().take(TAG_BYTES).skip(1) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if depth == 0 => {
                let named = ["to=", "href=", "url="].into_iter().find(|name| {
                    tag[..i].ends_with(name)
                        && tag[..i - name.len()].ends_with([' ', '\t', '\n', '\r'])
                });
                if named.is_some() && target.is_none() {
                    let len = tag[i + 1..].find(b as char)?;
                    let value = i + 1..i + 1 + len;
                    let address = &tag[value.clone()];
                    if address.is_empty() || address.contains([' ', '<', '>', '\n']) {
                        return None;
                    }
                    target = Some(value);
                }
                quote = Some(b);
            }
            (None, b'"' | b'\'' | b'`') => quote = Some(b),
            (None, b'{') => depth += 1,
            (None, b'}') => depth = depth.saturating_sub(1),
            (None, b'>') if depth == 0 => {
                if bytes[i - 1] == b'/' {
                    return None;
                }
                return target.map(|t| (i + 1, t));
            }
            (None, b'\n') if bytes.get(i + 1) == Some(&b'\n') => return None,
            _ => {}
        }
    }
    None
}

/// The component tags (`<SmallTeam slug="x"/>`, `<Tabs>`: a name starting in upper case)
/// that open in a piece of raw HTML, by name and where their `<` is; closing tags are not
/// counted.
fn component_tags(html: &str) -> Vec<(&str, usize)> {
    let mut names = Vec::new();
    let mut from = 0;
    while let Some(at) = html[from..].find('<') {
        let tag = from + at;
        from = tag + 1;
        let rest = &html[from..];
        if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
            continue;
        }
        let end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
            .unwrap_or(rest.len());
        // DocFX's `<xref>` in any case (tag names are case-blind): the Markdown stage
        // draws it as a link, so nothing it shows is lost.
        if !rest[..end].eq_ignore_ascii_case("xref") {
            names.push((&rest[..end], tag));
        }
        from += end;
    }
    names
}

/// The names an `import` statement line brings in (`import Tabs from '@theme/Tabs';` →
/// `Tabs`; `import {A, B as C} from 'x'` → `A`, `C`; a bare `import './x.css'` → none), or
/// `None` when the line is not one.
fn import_names(line: &str) -> Option<Vec<&str>> {
    let rest = line.trim_end().strip_prefix("import")?;
    if !rest.starts_with([' ', '{', '\'', '"']) {
        return None;
    }
    let rest = rest.trim_end_matches(';').trim();
    let quoted = |s: &str| {
        s.len() >= 2
            && ((s.starts_with('\'') && s.ends_with('\''))
                || (s.starts_with('"') && s.ends_with('"')))
            && !s[1..s.len() - 1].contains(['\'', '"'])
    };
    if quoted(rest) {
        return Some(Vec::new());
    }
    let (what, from) = rest.rsplit_once(" from ")?;
    if !quoted(from.trim()) {
        return None;
    }
    let names = what
        .split([',', '{', '}'])
        .map(|part| {
            let part = part.trim();
            part.rsplit_once(" as ")
                .map_or(part, |(_, alias)| alias.trim())
        })
        .filter(|name| {
            !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$' || c == '*')
        })
        .collect();
    Some(names)
}

/// Whether a line starts an `export` statement.
fn is_export(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("export ") else {
        return false;
    };
    [
        "const ",
        "let ",
        "var ",
        "function ",
        "default ",
        "{",
        "async function ",
    ]
    .iter()
    .any(|k| rest.trim_start().starts_with(k))
}

/// A component's name and where its tag starts in the body.
type Named<'b> = (&'b str, usize);

/// Component tags alone on their line, outside code: Docusaurus tabs (`<Tabs>` …
/// `<TabItem value="mac" label="macOS">` … `</TabItem>` … `</Tabs>`) and any other
/// wrapper (`<Stepper>`, `<Step title="Configure">`, `</Step>`). The tags' lines are
/// blanked (their blank line also ends the HTML block, so the Markdown inside is read as
/// Markdown rather than swallowed into it) and a tag's `label` (else `title`, else a tab's
/// `value`) is written in its place as a bold line, `**macOS**`, so the reader still sees
/// which block is which; with an `href` it is a bold link. A self-closing one with an
/// image (`<ZoomableImage src="/img/map.png" alt="Map" />`) is that image,
/// `![Map](/img/map.png)`, and one with a link and a label (`<Button href="/start"
/// label="Start" />`) is that link. A tag whose attributes run over several lines
/// (`<Button` … `/>`) is read as one: CommonMark reads its lone `>` line as a block quote
/// and the rest as text. Its replacement takes the tag's first line and the line endings
/// follow it as blank lines, so the text after the tag keeps its offsets. The spans of
/// the tags drawn so (wrappers, whose content is shown, and replaced ones) go to `drawn`;
/// a tag over several lines with nothing to show goes to `dropped` by name and place, to
/// be reported; a callout written on one line at the start of its line
/// (`<Note>Text</Note>`) stays as written, for `leftovers::one_line_callouts` to draw, and
/// an indented one goes to the second list, for its own warning.
fn tabs<'b>(
    body: &'b str,
    code: &[Range<usize>],
    mdx: bool,
    blank: &mut Vec<Range<usize>>,
    drawn: &mut Vec<Range<usize>>,
    (dropped, one_line_callouts): (&mut Vec<Named<'b>>, &mut Vec<Named<'b>>),
) -> Vec<(usize, String)> {
    let mut labels = Vec::new();
    if !body.contains("\n<") && !body.contains(" <") && !body.starts_with('<') {
        return labels;
    }
    let mut lines = Vec::new();
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        lines.push((start, line));
        start += line.len();
    }
    let mut i = 0;
    while i < lines.len() {
        let (at, line) = lines[i];
        i += 1;
        let first = line.trim();
        if !first.starts_with('<') || in_code(code, at) {
            continue;
        }
        // Mintlify's and Nextra's callouts (`<Warning>` … `</Warning>`), each tag alone at
        // the start of its line: the dialects stage draws them as callouts, so they stay.
        if line.starts_with('<') && crate::dialects::leftovers::callout_tag(line).is_some() {
            drawn.push(at..at + line.trim_end().len());
            continue;
        }
        // The tag's text, and where it ends in the body.
        let (tag, end) = if first.ends_with('>') {
            (
                std::borrow::Cow::Borrowed(first),
                at + line.trim_end().len(),
            )
        } else {
            let Some(last) = tag_continues(&lines[i..], first) else {
                continue;
            };
            let (last_at, last_line) = lines[i + last];
            let joined: Vec<&str> = lines[i - 1..=i + last]
                .iter()
                .map(|(_, l)| l.trim())
                .collect();
            i += last + 1;
            (
                std::borrow::Cow::Owned(joined.join(" ")),
                last_at + last_line.trim_end().len(),
            )
        };
        let tag: &str = &tag;
        let Some(name) = component_name(tag) else {
            continue;
        };
        let closing = tag.starts_with("</");
        let self_closing = tag.ends_with("/>");
        let attr = |name: &str| {
            tag.split_once(&format!(" {name}=\""))
                .and_then(|(_, rest)| rest.split_once('"'))
                .map(|(value, _)| value.trim())
        };
        let plain = |l: &&str| {
            !l.is_empty() && !l.contains(['*', '_', '`', '[', ']', '<', '>', '\\', '&', '(', ')'])
        };
        // Starlight's tab written on one line, `<TabItem label="macOS">Use brew.</TabItem>`:
        // a list item, `- **macOS**: Use brew.`, so each tab's text stays apart, labelled.
        if name == "TabItem"
            && !closing
            && let Some(open_end) = tag.find('>').map(|n| n + 1)
            && tag.ends_with("</TabItem>")
            && open_end < tag.len() - "</TabItem>".len()
            && let Some(label) = attr("label").or_else(|| attr("value")).filter(plain)
            && !multi_line_tag(end, at, line)
        {
            let item = format!("- **{label}**: ");
            if item.len() <= open_end {
                let close_at = at + indent_of(line) + tag.len() - "</TabItem>".len();
                blank.push(at..at + indent_of(line) + open_end);
                blank.push(close_at..close_at + "</TabItem>".len());
                drawn.push(at..end);
                labels.push((at + indent_of(line), item));
            }
            continue;
        }
        // A callout on one line, `<Aside type="tip">Text.</Aside>`: left as written, for
        // the Markdown stage to draw (`leftovers::one_line_callouts`).
        if mdx
            && line.starts_with('<')
            && !multi_line_tag(end, at, line)
            && crate::dialects::leftovers::one_line_callout(line.trim_end()).is_some()
        {
            drawn.push(at..end);
            continue;
        }
        // A component around its text on one line, `<Frame>![Map](/map.png)</Frame>`: the
        // text is Markdown, which CommonMark would read as part of an HTML block and show
        // as written, so the tags go and the text stays in its place (indented, which an
        // `.mdx` page never reads as code).
        let close = format!("</{name}>");
        // At the start of its line it is left as written, for the dialects stage, which
        // keeps it apart from a list above it (`leftovers::one_line_wrapper`).
        if mdx
            && line.starts_with('<')
            && !multi_line_tag(end, at, line)
            && crate::dialects::leftovers::one_line_wrapper(line.trim_end()).is_some()
        {
            drawn.push(at..end);
            continue;
        }
        if mdx
            && !closing
            && !self_closing
            && attr("title").or_else(|| attr("label")).is_none()
            && let Some(open_end) = tag.find('>').map(|n| n + 1)
            && tag.ends_with(&close)
            && open_end < tag.len() - close.len()
            && !tag[open_end..tag.len() - close.len()].contains('<')
            && !multi_line_tag(end, at, line)
        {
            let start = at + indent_of(line);
            let close_at = start + tag.len() - close.len();
            blank.push(start..start + open_end);
            blank.push(close_at..close_at + close.len());
            drawn.push(at..end);
            if crate::dialects::leftovers::callout_tag(&tag[..open_end]).is_some() {
                // The name as the body holds it (the tag may be a joined copy).
                one_line_callouts.push((&body[start + 1..start + 1 + name.len()], start));
            }
            continue;
        }
        // One tag on the line: `<Step title="a > b">` is one, `<A>x</A>` is not.
        if tag[1..].contains('<') {
            continue;
        }
        let address = |s: &&str| !s.is_empty() && !s.contains([' ', '(', ')', '<', '>', '"', '\\']);
        let href = || attr("href").or_else(|| attr("to")).filter(address);
        let label = || {
            attr("label")
                .or_else(|| attr("title"))
                .filter(|l| !l.is_empty())
                .map(markdown_text)
        };
        let multi_line = end > at + line.trim_end().len();
        let indent = line.len() - line.trim_start().len();
        // Starlight's `<Aside type="caution" title="…">` … `</Aside>`, each tag alone on its
        // line: a Docusaurus admonition's lines, which the Markdown stage draws as a callout.
        let aside = name == "Aside" && !self_closing;
        let replacement = if aside && closing {
            Some(":::".to_string())
        } else if aside {
            let kind = match attr("type") {
                Some("tip") => "tip",
                Some("caution") => "caution",
                Some("danger") => "danger",
                _ => "note",
            };
            Some(match attr("title").filter(|t| !t.contains([']', '\n'])) {
                Some(title) if !title.is_empty() => format!(":::{kind}[{title}]"),
                _ => format!(":::{kind}"),
            })
        } else if closing {
            None
        } else if self_closing {
            if let Some(src) = attr("src").filter(address) {
                let alt = attr("alt").filter(plain).unwrap_or("");
                Some(format!("![{alt}]({src})"))
            } else if let (Some(href), Some(label)) = (href(), label()) {
                Some(format!("[{label}]({href})"))
            } else if multi_line {
                // Nothing to show, and left be it would show as its attributes' text.
                // The name as the body has it (the tag's text may be a joined copy).
                dropped.push((&first[1..1 + name.len()], at + indent));
                None
            } else {
                // On one line it is raw HTML, to the raw-HTML policy and reported there.
                continue;
            }
        } else {
            // Docusaurus shows the value when a tab has no label.
            let value = if name == "TabItem" {
                attr("value").filter(plain)
            } else {
                None
            };
            match (label().or(value.map(str::to_string)), href()) {
                (Some(label), Some(href)) => Some(format!("**[{label}]({href})**")),
                (Some(label), None) => Some(format!("**{label}**")),
                (None, _) => None,
            }
        };
        blank.push(at..end);
        if !(self_closing && replacement.is_none()) {
            drawn.push(at..end);
        }
        let Some(text) = replacement else {
            continue;
        };
        if !multi_line {
            if text.len() <= tag.len() {
                labels.push((at + indent, text));
            }
            continue;
        }
        // The whole span of the tag is rewritten: the replacement, spaces, then the tag's
        // line endings, so what follows starts on the line and at the byte it did.
        let span = &body[at + indent..end];
        let endings: String = span.chars().filter(|c| matches!(c, '\n' | '\r')).collect();
        if text.len() + endings.len() <= span.len() {
            let pad = span.len() - text.len() - endings.len();
            labels.push((at + indent, format!("{text}{}{endings}", " ".repeat(pad))));
        }
    }
    labels
}

/// A component's label as Markdown that shows it as written: a card titled
/// `Sales & Support (EMEA)` keeps its words, its `*`, `_` or brackets escaped rather than
/// read as emphasis or a link.
fn markdown_text(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    for c in label.chars() {
        if matches!(
            c,
            '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\' | '(' | ')' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether the tag that starts on `line` (at `at`) and ends at `end` runs over lines.
fn multi_line_tag(end: usize, at: usize, line: &str) -> bool {
    end > at + line.trim_end().len()
}

/// How many bytes of indentation `line` has.
fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// Lines a tag left open on `first` (`<Button`, `<Card title="x"`) goes on over: how many
/// of `rest` after the first it takes to reach the line that ends it with `>`, or `None`
/// when it is not a component tag or does not end within a few lines, before a blank line
/// or another tag.
fn tag_continues(rest: &[(usize, &str)], first: &str) -> Option<usize> {
    /// Attributes one to a line, as formatters write them: more is not a tag.
    const TAG_LINES: usize = 24;
    let name_end = first[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .map_or(first.len(), |n| n + 1);
    if !first[1..].starts_with(|c: char| c.is_ascii_uppercase())
        || !(first[name_end..].is_empty() || first[name_end..].starts_with([' ', '\t']))
        || first.contains('>')
    {
        return None;
    }
    for (n, (_, line)) in rest.iter().take(TAG_LINES).enumerate() {
        let line = line.trim();
        if line.is_empty() || line.contains('<') {
            return None;
        }
        if line.ends_with('>') {
            return Some(n);
        }
    }
    None
}

/// The name of the component a tag opens or closes (`<Step title="x">`, `</Step>`,
/// `<ZoomableImage … />`): a name that starts in upper case, as MDX's components do
/// (lower-case tags are HTML, left to the raw-HTML policy).
fn component_name(tag: &str) -> Option<&str> {
    let rest = tag.strip_prefix("</").or_else(|| tag.strip_prefix('<'))?;
    if !rest.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '_'))
        .unwrap_or(rest.len());
    let after = &rest[end..];
    (after.starts_with([' ', '>', '/', '\t'])).then_some(&rest[..end])
}

/// Whether `at` is inside one of `code`, the parser's code spans and blocks in document
/// order (so sorted and disjoint): searched by halves, as a page may hold thousands of
/// both tags and code spans.
pub(super) fn in_code(code: &[Range<usize>], at: usize) -> bool {
    let after = code.partition_point(|c| c.start <= at);
    after > 0 && at < code[after - 1].end
}

/// `{/* … */}` comments outside code, as byte ranges of the body.
fn comments(body: &str, code: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = crate::finder!(b"{/*").find(&body.as_bytes()[from..]) {
        let start = from + i;
        let Some(j) = crate::finder!(b"*/}").find(&body.as_bytes()[start + 3..]) else {
            break;
        };
        let end = start + 3 + j + 3;
        if !in_code(code, start) {
            out.push(start..end);
        }
        from = end;
    }
    out
}

/// MDX has no indented code blocks (MDX 2 dropped them), so content indented inside a
/// component (`<TabItem>` … a blank line … `    Use Ctrl + C.`) is prose there, which
/// CommonMark reads as code. For an `.mdx` page this adapter reads each indented code
/// block's text as Markdown instead, in its place, with every event's range mapped back
/// to the source (the block's lines lost their indentation, so the map is per line), so
/// links, headings and diagnostics inside it are located as anywhere else. Content
/// indented twice (a step inside a stepper, each indented) is read again the same way, up
/// to [`INDENT_LEVELS`] deep. Fenced code is untouched. Other pages pass through unchanged.
pub(crate) struct IndentedAsMarkdown<'a, I> {
    inner: I,
    mdx: bool,
    /// How many indented blocks this one is inside.
    level: usize,
    out: std::collections::VecDeque<(Event<'a>, Range<usize>)>,
}

/// Indented blocks inside indented blocks read as Markdown, at most: deeper nesting is
/// no page's but a pathological file's (each level is a parser of its own).
const INDENT_LEVELS: usize = 6;

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> IndentedAsMarkdown<'a, I> {
    pub(crate) fn new(inner: I, mdx: bool) -> Self {
        IndentedAsMarkdown {
            inner,
            mdx,
            level: 0,
            out: Default::default(),
        }
    }

    /// Reads the block whose start was just taken: its lines as (text, source start),
    /// parsed as Markdown into `out`.
    fn reparse(&mut self, start: Range<usize>) {
        let mut pieces = Vec::new();
        for (event, range) in self.inner.by_ref() {
            match event {
                Event::Text(t) => pieces.push((t, range)),
                Event::End(TagEnd::CodeBlock) => break,
                _ => {}
            }
        }
        // The indentation every line of the block still has goes at once, rather than a
        // level at a time: a tag blanked before its text on the same line
        // (`leftovers::one_line_callouts`) leaves as many spaces as it had characters.
        let spaces = |t: &str| t.len() - t.trim_start_matches(' ').len();
        let starts_line = |i: usize| i == 0 || pieces[i - 1].0.ends_with('\n');
        let common = (0..pieces.len())
            .filter(|&i| starts_line(i) && !pieces[i].0.trim().is_empty())
            .map(|i| spaces(&pieces[i].0))
            .min()
            .unwrap_or(0);
        let mut text = String::new();
        // Each line: its start in `text`, and where it starts and ends in the source (a
        // tab in the indentation can leave spaces in the text that the source lacks, so
        // a mapped offset is kept inside its line).
        let mut lines: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, (t, range)) in pieces.iter().enumerate() {
            let cut = if starts_line(i) {
                common.min(spaces(t))
            } else {
                0
            };
            lines.push((text.len(), (range.start + cut).min(range.end)..range.end));
            text.push_str(&t[cut..]);
        }
        let map = |o: usize, is_end: bool| {
            // An end offset at a line boundary belongs to the line before it.
            let probe = if is_end { o.saturating_sub(1) } else { o };
            let i = lines
                .partition_point(|&(at, _)| at <= probe)
                .saturating_sub(1);
            lines.get(i).map_or(start.start, |(at, src)| {
                (src.start + o.saturating_sub(*at)).min(src.end)
            })
        };
        let parser = Parser::new_ext(&text, crate::dialects::options()).into_offset_iter();
        let mut nested = IndentedAsMarkdown::new(parser, self.level + 1 < INDENT_LEVELS);
        nested.level = self.level + 1;
        for (event, range) in nested {
            let from = map(range.start, false);
            self.out
                .push_back((event.into_static(), from..map(range.end, true).max(from)));
        }
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Iterator for IndentedAsMarkdown<'a, I> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.out.pop_front() {
            return Some(e);
        }
        let (event, range) = self.inner.next()?;
        match event {
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Indented)) if self.mdx => {
                self.reparse(range);
                self.next()
            }
            other => Some((other, range)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned_md(text: &str) -> String {
        let out = clean("content/a.md", text.to_string(), 0, &mut Vec::new());
        assert_eq!(out.len(), text.len(), "{out}");
        assert_eq!(out.matches('\n').count(), text.matches('\n').count());
        out
    }

    #[test]
    fn a_md_comment_on_lines_of_its_own_goes_and_one_in_prose_or_code_stays() {
        let text = "A.\n\n{/* gone */}\n\n  {/* two\n  lines */}  \nB.\n{/* under B */}\n";
        let out = cleaned_md(text);
        assert!(!out.contains("{/*") && !out.contains("gone") && !out.contains("lines"));
        assert!(out.starts_with("A.\n\n") && out.contains("\nB.\n"), "{out}");
        for kept in [
            "In a {/* sentence */}.\n",
            "`{/* code */}`\n",
            "```jsx\n{/* fenced */}\n```\n",
            "    {/* indented code */}\n",
            "{/* a */} and text\n",
            "{/* unclosed\n",
            "---\nformat: md\n---\n{/* CommonMark */}\n",
        ] {
            let body_start = kept.find("---\n{").map_or(0, |n| n + 4);
            let out = clean(
                "content/a.md",
                kept.to_string(),
                body_start,
                &mut Vec::new(),
            );
            assert_eq!(out, kept);
        }
    }

    #[test]
    fn many_comments_on_one_line_stay_linear() {
        let time = |n: usize| {
            let body = "x {/* c */} ".repeat(n) + "\n" + &"{/* c */}\n".repeat(n);
            let (out, took) = crate::cpu_time::cpu_time_of(|| {
                clean("content/a.md", body.clone(), 0, &mut Vec::new())
            });
            assert_eq!(out.len(), body.len());
            took
        };
        crate::cpu_time::assert_grows_linearly("md comments", 20_000, time);
    }

    #[test]
    fn link_components_keep_their_target_in_place_and_never_panic() {
        let text = "Ask é <Link to=\"/a\" state={{ x: \"a>b\" }}>here</Link> now.\n";
        let out = link_components(text.to_string(), 0);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.find("/a"), text.find("/a"));
        assert!(
            out.contains("<a") && out.contains("href=\"/a\"") && out.contains("here</a   > now."),
            "{out}"
        );
        assert!(!out.contains("Link") && !out.contains("{{"), "{out}");
        // Left as written: in code, self-closing, a target in braces, no closing tag.
        for kept in [
            "`<Link to=\"/a\">x</Link>`\n",
            "<Link to=\"/a\" />\n",
            "<Link to={url}>x</Link>\n",
            "<Link to=\"/a\">x\n\nno end",
            "<Link\u{e9} to=\"é\"",
            "<Link to=\"",
            "<Badge text=\"é",
        ] {
            assert_eq!(link_components(kept.to_string(), 0), kept);
        }
        // A badge among other text on its line (running text, a heading) is left for the
        // Markdown stage, which draws it; alone on its line it is its text, the rest of the
        // tag a comment of its length.
        for inline in [
            "Setup <Badge type=\"tip\" text=\"nouveauté\" />, then go.\n",
            "## Setup <Badge type=\"tip\" text=\"nouveauté\" />\n",
        ] {
            assert_eq!(link_components(inline.to_string(), 0), inline);
        }
        let alone = "<Badge type=\"tip\" text=\"nouveauté\" />\nThen go.\n";
        let out = link_components(alone.to_string(), 0);
        assert_eq!(out.len(), alone.len());
        assert!(
            out.starts_with("nouveauté<!--") && out.ends_with(" -->\nThen go.\n"),
            "{out}"
        );
    }

    #[test]
    fn only_a_statement_at_a_line_start_makes_a_md_page_mdx() {
        assert!(may_write_esm("import X from 'x'\n"));
        assert!(may_write_esm("Text.\n\nexport const a = 1;\n"));
        assert!(!may_write_esm("We export data and import it again.\n"));
        // The full shape decides: prose that starts with the word is left as it is.
        let text = "import duties are paid by the buyer.\n";
        let mut diags = Vec::new();
        assert_eq!(clean("content/a.md", text.to_string(), 0, &mut diags), text);
        assert!(diags.is_empty());
    }

    fn cleaned(text: &str) -> (String, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let out = clean("content/a.mdx", text.to_string(), 0, &mut diags);
        (out, diags)
    }

    #[test]
    fn imports_exports_and_comments_go_and_offsets_stay() {
        let text = "import Tabs from '@theme/Tabs';\nimport TabItem from \"@theme/TabItem\";\nimport './styles.css';\n\nexport const year = 2024;\n\n# Title {/* not shown */}\n\n<Tabs>\n<TabItem value=\"a\" label=\"A\">\n\nText é.\n\n</TabItem>\n</Tabs>\n\n```js\nimport x from 'y';\n{/* kept in code */}\n```\n";
        let (out, diags) = cleaned(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.lines().count(), text.lines().count());
        assert!(
            !out.contains("import Tabs") && !out.contains("@theme"),
            "{out}"
        );
        assert!(
            !out.contains("export") && !out.contains("not shown"),
            "{out}"
        );
        assert!(out.contains("# Title"), "{out}");
        assert!(!out.contains("<Tab") && !out.contains("</Tab"), "{out}");
        assert!(out.contains("\n**A**"), "{out}");
        assert!(out.contains("Text é."), "{out}");
        assert!(
            out.contains("import x from 'y';\n{/* kept in code */}"),
            "{out}"
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].line, 1);
        assert!(
            diags[0].message.contains("(`TabItem`, `Tabs`)"),
            "{}",
            diags[0].message
        );
    }

    /// A Gatsby or Docusaurus site makes its own components global: used without an
    /// import, they would vanish from the page without a word.
    #[test]
    fn components_used_without_an_import_are_named() {
        let text = "# Team\n\nThe <SmallTeam slug=\"builder\"/> team owns this.\n\n<TeamMember name=\"Ann\" />\n\n<SmallTeam slug=\"other\"/>\n\n`<NotThis/>`\n";
        let (_, diags) = cleaned(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0]
                .message
                .contains("not drawn: `<SmallTeam>`, `<TeamMember>`;"),
            "{}",
            diags[0].message
        );
        assert_eq!((diags[0].line, diags[0].column), (3, 5));
        // A page of many: ten named, the rest counted.
        let many: String = (0..15).map(|i| format!("<Part{i} />\n\n")).collect();
        let (_, diags) = cleaned(&many);
        assert!(
            diags[0].message.contains("`<Part9>`, and 5 more;"),
            "{}",
            diags[0].message
        );
        // Imported ones are named by the imports warning, not again.
        let (_, diags) = cleaned("import Tabs from '@theme/Tabs';\n\n<Tabs>\n\nx\n\n</Tabs>\n");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].message.contains("MDX imports removed"),
            "{diags:?}"
        );
    }

    /// The cleaned text as CommonMark draws it.
    fn to_html(cleaned: &str) -> String {
        let mut html = String::new();
        pulldown_cmark::html::push_html(
            &mut html,
            Parser::new_ext(cleaned, crate::dialects::options()),
        );
        html
    }

    #[test]
    fn tabs_become_their_labels_and_their_content_stays_markdown() {
        let text = "<Tabs>\n  <TabItem value=\"apple\" label=\"Apple\" default>\n    This is an *apple*.\n  </TabItem>\n  <TabItem value=\"orange\">\n    An orange.\n  </TabItem>\n</Tabs>\n";
        let (out, _) = cleaned(text);
        assert_eq!(out.len(), text.len());
        let html = to_html(&out);
        assert!(html.contains("<strong>Apple</strong>"), "{html}");
        assert!(html.contains("<em>apple</em>"), "{html}");
        assert!(html.contains("<strong>orange</strong>"), "{html}");
        assert!(!html.contains("<pre") && !html.contains("Tab"), "{html}");
    }

    /// A docs site's own wrappers (a stepper, its steps with titles) and an image
    /// component, as a real Docusaurus handbook writes them: the Markdown inside is read
    /// as Markdown, the steps keep their titles, the image is shown.
    #[test]
    fn wrapper_components_become_their_titles_and_images_their_pictures() {
        let text = "<Stepper>\n  <Step title=\"Configure\">\n  Open the [console](https://example.com) and pick *one*.\n\n  Then save.\n  </Step>\n  <Step title=\"a [b]\">\n  Done.\n  </Step>\n</Stepper>\n\n<ZoomableImage src=\"/img/cheat-sheet.png\" alt=\"Cheat sheet\" width=\"600\" />\n\n```jsx\n<Step title=\"kept\">\n```\n";
        let (out, diags) = cleaned(text);
        // All of it is drawn: nothing to report as missing.
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(out.len(), text.len());
        let html = to_html(&out);
        assert!(html.contains("<strong>Configure</strong>"), "{html}");
        assert!(
            html.contains("<a href=\"https://example.com\">console</a>")
                && html.contains("<em>one</em>"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/img/cheat-sheet.png\" alt=\"Cheat sheet\" />"),
            "{html}"
        );
        // A title with Markdown's characters is shown as written, not read as a link;
        // code is untouched.
        assert!(html.contains("<strong>a [b]</strong>"), "{html}");
        assert!(!html.contains("Stepper"), "{html}");
        assert!(html.contains("&lt;Step title=\"kept\"&gt;"), "{html}");
    }

    /// Formatters put a component's attributes one to a line and its `>` alone on the
    /// last: CommonMark reads that line as a block quote and the attributes as text.
    #[test]
    fn tags_over_several_lines_are_read_as_one() {
        let text = "Intro.\n\n<Button\n  href=\"/docs/start\"\n  label=\"Get started\"\n/>\n\n<Card\n  title=\"Runbooks\"\n  href=\"/runbooks\"\n>\n  Read the *on-call* runbooks.\n</Card>\n\n<ZoomableImage\n  src=\"/img/map.png\"\n  alt=\"Map\"\n/>\n\n<Analytics\n  id=\"x\"\n/>\n\nAfter [the end](./end.md).\n\n```jsx\n<Button\n  label=\"kept\"\n>\n```\n";
        let (out, diags) = cleaned(text);
        assert_eq!(out.len(), text.len());
        assert_eq!(out.lines().count(), text.lines().count());
        // What follows the tags is where it was, so diagnostics keep their lines.
        assert_eq!(out.find("After [the end]"), text.find("After [the end]"));
        let html = to_html(&out);
        assert!(
            html.contains("<a href=\"/docs/start\">Get started</a>"),
            "{html}"
        );
        assert!(
            html.contains("<strong><a href=\"/runbooks\">Runbooks</a></strong>")
                && html.contains("<em>on-call</em>"),
            "{html}"
        );
        assert!(
            html.contains("<img src=\"/img/map.png\" alt=\"Map\" />"),
            "{html}"
        );
        assert!(
            !html.contains("<blockquote") && !html.contains("href=&quot;") && !html.contains("id="),
            "{html}"
        );
        assert!(
            html.contains("&lt;Button\n  label=\"kept\"\n&gt;"),
            "{html}"
        );
        // The one with nothing to show is named, where it starts.
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message.contains("`<Analytics>`"), "{diags:?}");
        assert_eq!(diags[0].line, 20, "{diags:?}");
        // An unclosed `<Name` stays text, as does one running into a blank line.
        let (out, _) = cleaned("<Open\n  a=\"b\"\n\nText >\n");
        assert_eq!(out, "<Open\n  a=\"b\"\n\nText >\n");
    }

    #[test]
    fn prose_that_starts_with_import_or_export_stays() {
        let text = "import the data from the old system first.\n\nexport your calendar before you leave.\n\n- import X from 'y'\n";
        let (out, diags) = cleaned(text);
        assert_eq!(out, text);
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn import_shapes() {
        assert_eq!(
            import_names("import Tabs from '@theme/Tabs';"),
            Some(vec!["Tabs"])
        );
        assert_eq!(
            import_names("import {A, B as C} from \"x\""),
            Some(vec!["A", "C"])
        );
        assert_eq!(
            import_names("import Def, {X} from 'm';"),
            Some(vec!["Def", "X"])
        );
        assert_eq!(import_names("import './x.css';"), Some(vec![]));
        assert_eq!(import_names("import the thing from there"), None);
        assert_eq!(import_names("imports are fine"), None);
        assert!(is_export("export default function Page() {"));
        assert!(!is_export("export your data"));
    }
}
