//! HTML tags whose attributes are JSX expressions, as Docusaurus pages write them
//! (`<img src={require('./assets/diagram.png').default} style={{float: 'left'}} />`,
//! `<a href={useBaseUrl('/files/guide.pdf')}>`), read as the HTML they stand for. Such a
//! tag is no HTML to the Markdown parser (a brace value with quotes in it is no attribute
//! value), so without this it shows on the page as escaped text. Each expression is
//! written in place — blanked to spaces of the same byte length, newlines kept, so every
//! offset, line and column in diagnostics stays true, as [`super::mdx::link_components`]
//! does — as the value it names: the path a `require`, a `useBaseUrl` or an `import` of the
//! same page gives (`@site/static/…` stays, for the link resolver to read as the site's
//! root: `dialects::docusaurus`), a string or a number as itself. An imported file's name
//! (`src={mosms}`) is shorter than its path, so it stays, its braces made quotes, and the
//! path goes to a side table by where the value starts, which the raw-HTML stage writes in
//! its place (`model::Source::attribute_values`). The raw-HTML stage then
//! resolves, checks and sanitizes the tag like any other. An attribute whose expression
//! cannot be read is left out (styles, handlers: nothing orgbook keeps); an image (or
//! another tag) whose address is such an expression is left out, and a link keeps only its
//! text, with a `template-leftover` warning, since what it showed is missing. Only tags with a lowercase name (HTML's) are read: a
//! component's attributes are the component's business. A page without `={` pays one
//! substring search.

use crate::diagnostic::Diagnostic;
use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag};
use std::borrow::Cow;
use std::ops::Range;

/// How far a tag may run, in bytes: a JSX tag with a style object spans a few lines.
const TAG_BYTES: usize = 2000;

/// One attribute of a tag, as byte ranges of the tag.
#[derive(Debug, PartialEq, Eq)]
struct Attribute {
    /// The whole of it, `name={…}` (or a spread, `{...props}`).
    whole: Range<usize>,
    /// Its name (empty for a spread).
    name: Range<usize>,
    /// Its expression, inside the braces; `None` for a quoted, bare or missing value.
    expression: Option<Range<usize>>,
}

/// A tag scanned by [`scan_tag`]: where it ends (after its `>`) and its attributes.
#[derive(Debug, PartialEq, Eq)]
struct Scanned {
    name: Range<usize>,
    end: usize,
    attributes: Vec<Attribute>,
}

/// A default import of a file by the page: `import Logo from './logo.png';`.
struct Import<'a> {
    name: &'a str,
    path: &'a str,
    /// Its line in the body, without the line end.
    line: Range<usize>,
}

/// Rewrites the tags of the body of `text` (from `body_start`) that have JSX expressions
/// for attribute values, as the module says; reports those whose link or image cannot be
/// read.
pub(crate) fn rewrite(
    file: &str,
    text: String,
    body_start: usize,
    diags: &mut Vec<Diagnostic>,
) -> (String, Vec<(usize, String)>) {
    let body = &text[body_start..];
    let bytes = body.as_bytes();
    if crate::finder!(b"={").find(bytes).is_none() {
        return (text, Vec::new());
    }
    // MDX has no indented code (`mdx::IndentedAsMarkdown`): a tag indented inside a
    // component is HTML there.
    let mdx = crate::load::is_mdx(file);
    let mut code: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::dialects::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) if mdx => {}
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => code.push(range),
            _ => {}
        }
    }
    let imports = imports(body);
    let mut writes: Vec<(usize, Vec<u8>)> = Vec::new();
    // The values named rather than written, by where they start in `text`.
    let mut values: Vec<(usize, String)> = Vec::new();
    // Imports whose name an expression read: left out after, unless named elsewhere.
    let mut used: Vec<&str> = Vec::new();
    // Tags left out: (the attribute as written, where it starts, the tag's name, the path
    // it names when that path does not fit in its place).
    let mut lost: Vec<(&str, usize, &str, Option<String>)> = Vec::new();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[from..]) {
        let at = from + found;
        from = at + 1;
        if !bytes.get(at + 1).is_some_and(u8::is_ascii_lowercase) || super::mdx::in_code(&code, at)
        {
            continue;
        }
        let tag = &body[at..];
        let scanned = match scan_tag(tag) {
            Ok(s) => s,
            // Past what was read: no tag starts inside one that runs on unclosed, which
            // also keeps a page of unclosed tags linear.
            Err(stop) => {
                from = at + stop.max(1);
                continue;
            }
        };
        from = at + scanned.end;
        if scanned.attributes.iter().all(|a| a.expression.is_none()) {
            continue;
        }
        let name = &tag[scanned.name.clone()];
        let mut out: Vec<u8> = tag.as_bytes()[..scanned.end].to_vec();
        let mut unreadable = None;
        let mut named = None;
        for attribute in &scanned.attributes {
            let Some(expression) = &attribute.expression else {
                continue;
            };
            let attr_name = &tag[attribute.name.clone()];
            let url = crate::html_policy::is_url_attribute(name, attr_name);
            let read = read_expression(&tag[expression.clone()], &imports);
            let written = read.as_ref().and_then(|(value, _)| {
                let quote = match (value.contains('"'), value.contains('\'')) {
                    (false, _) => '"',
                    (true, false) => '\'',
                    (true, true) => return None,
                };
                let w = format!("{attr_name}={quote}{value}{quote}");
                // On the attribute's first line, as its line breaks stay where they are,
                // and over the spaces after it but one, which parts it from the next.
                let room = &tag[attribute.whole.start..scanned.end];
                let line = room.find(['\n', '\r']).unwrap_or(room.len());
                let spaces = room[attribute.whole.len().min(line)..line]
                    .bytes()
                    .take_while(|&b| b == b' ' || b == b'\t')
                    .count();
                let room = attribute.whole.len().min(line) + spaces.saturating_sub(1);
                (w.len() <= room).then_some(w)
            });
            // An imported file's name (`src={mosms}`), which its path never fits in: the
            // braces become quotes around the name, and the path goes to the side table.
            let named_file = written.is_none()
                && url
                && read
                    .as_ref()
                    .is_some_and(|(_, import)| import.is_some_and(|i| i != "useBaseUrl"))
                && !tag[expression.clone()].contains(['"', '\n', '\r']);
            blank(&mut out[attribute.whole.clone()]);
            match written {
                Some(w) => {
                    out[attribute.whole.start..attribute.whole.start + w.len()]
                        .copy_from_slice(w.as_bytes());
                    used.extend(read.and_then(|(_, import)| import));
                }
                None if named_file => {
                    out[attribute.whole.clone()]
                        .copy_from_slice(&tag.as_bytes()[attribute.whole.clone()]);
                    out[expression.start - 1] = b'"';
                    out[expression.end] = b'"';
                    if let Some((value, import)) = read {
                        values.push((body_start + at + expression.start, value.into_owned()));
                        used.extend(import);
                    }
                }
                None if url => {
                    unreadable = Some(&tag[attribute.whole.clone()]);
                    named = read.map(|(value, _)| value.into_owned());
                    // A link without its address is its text; another tag goes whole.
                    if name != "a" {
                        break;
                    }
                }
                // A style, a class from a CSS module, a handler: nothing the page keeps.
                None => {}
            }
        }
        if let Some(attribute) = unreadable {
            lost.push((attribute, at, name, named));
            if name != "a" {
                // An empty `<span>` in its place: spaces alone would leave a blank line, or
                // a run of spaces that makes the rest of the line code.
                blank(&mut out);
                out[..5].copy_from_slice(b"<span");
                let last = out.len() - 1;
                out[last] = b'>';
            }
        }
        keep_lines(&mut out);
        writes.push((at, out));
    }
    if let Some((attribute, at, name, named)) = lost.first() {
        let (attribute, at, name) = (*attribute, *at, *name);
        let more = match lost.len() {
            1 => String::new(),
            n => format!(" (and {} more on this page)", n - 1),
        };
        let what = match name {
            "a" => "the link is left out, its text stays",
            "img" => "the image is left out",
            _ => "the tag is left out",
        };
        let attribute = attribute.split(['\n', '\r']).next().unwrap_or(attribute);
        let (message, help) = match named {
            // An imported file's path, longer than the name it was imported as.
            Some(path) => (
                format!("`<{name} {attribute}>`: the file imported there, {path}, cannot be written in its place, so {what}{more}"),
                format!("write its path in the tag (`require('{path}').default`, or `\"{path}\"`), or a Markdown image or link"),
            ),
            None => (
                format!("`<{name} {attribute}>`: a JavaScript expression orgbook cannot read, so {what}{more}"),
                "write the file's path in quotes (`src=\"/img/logo.png\"` for a file of static/, `src=\"./assets/logo.png\"` beside the page), or `require('./assets/logo.png').default`, or a Markdown image or link (`![Logo](./assets/logo.png)`)".to_string(),
            ),
        };
        diags.push(
            Diagnostic::warning("template-leftover", file, message)
                .with_help(help)
                .at(&text, body_start + at..body_start + at + name.len() + 1),
        );
    }
    // An import that only gave a path read here (`useBaseUrl`, an image) is no component
    // whose loss `mdx::clean` should report.
    used.sort_unstable();
    used.dedup();
    for import in imports.iter().filter(|i| used.contains(&i.name)) {
        let named_elsewhere = memchr::memmem::find_iter(bytes, import.name.as_bytes())
            .filter(|&n| !import.line.contains(&n))
            .any(|n| {
                let word = |b: Option<&u8>| {
                    b.is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'$'))
                };
                // In JSX (`<L />`, `{L}`, `f(L)`): the name in prose (`SMS` on a page
                // about SMS) is a word, not a use.
                let before = bytes[..n]
                    .iter()
                    .rev()
                    .find(|b| **b != b' ' && **b != b'\t');
                matches!(before, Some(b'<' | b'{' | b'(' | b','))
                    && !word(bytes.get(n + import.name.len()))
                    && !writes
                        .iter()
                        .any(|(w, out)| (*w..*w + out.len()).contains(&n))
            });
        if !named_elsewhere {
            writes.push((import.line.start, vec![b' '; import.line.len()]));
        }
    }
    if writes.is_empty() {
        return (text, values);
    }
    let mut out = text.into_bytes();
    for (at, written) in writes {
        out[body_start + at..body_start + at + written.len()].copy_from_slice(&written);
    }
    // Whole tags and lines were replaced, and only ASCII written (a value read from the
    // page is written whole).
    let out = String::from_utf8(out)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    (out, values)
}

/// Spaces over `bytes`, their line breaks kept.
fn blank(bytes: &mut [u8]) {
    for b in bytes {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// A line of a rewritten tag that only held a blanked expression would be a blank line,
/// which ends an HTML block or a paragraph in the middle of the tag: an attribute named
/// `_` (which the sanitizer drops) holds it.
fn keep_lines(tag: &mut [u8]) {
    let mut start = 0;
    let ends: Vec<usize> = memchr::memchr_iter(b'\n', tag).collect();
    for end in ends {
        let line = &mut tag[start..end];
        if line.iter().all(u8::is_ascii_whitespace) && !line.is_empty() {
            line[0] = b'_';
        }
        start = end + 1;
    }
}

/// The page's default imports of a file (`import Logo from './logo.png';`), one a line.
fn imports(body: &str) -> Vec<Import<'_>> {
    let mut found = Vec::new();
    let starts = crate::finder!(b"\nimport ")
        .find_iter(body.as_bytes())
        .map(|n| n + 1)
        .chain(body.starts_with("import ").then_some(0));
    for start in starts {
        let end = body[start..].find('\n').map_or(body.len(), |n| start + n);
        let line = body[start..end].trim_end();
        let Some((name, from)) = line
            .strip_prefix("import ")
            .and_then(|rest| rest.split_once(" from "))
        else {
            continue;
        };
        let name = name.trim();
        let from = from.trim().trim_end_matches(';').trim();
        let path = from
            .strip_prefix('\'')
            .and_then(|f| f.strip_suffix('\''))
            .or_else(|| from.strip_prefix('"').and_then(|f| f.strip_suffix('"')));
        if let Some(path) = path
            && is_identifier(name)
            && !path.contains(['\'', '"'])
        {
            found.push(Import {
                name,
                path,
                line: start..start + line.len(),
            });
        }
    }
    found
}

fn is_identifier(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_' || c == '$')
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$')
}

/// The value an attribute's expression stands for, and the import whose name it used:
/// `require('./a.png').default` → `./a.png` (a webpack loader's `!file-loader!` prefix
/// left out), `useBaseUrl('img/a.png')` → `/img/a.png` (from the site's root, as
/// Docusaurus reads it, with or without its `/`), a string or a number as itself, an
/// imported file's name (`Logo`) its path. `None` for any other expression.
fn read_expression<'a>(
    expression: &'a str,
    imports: &[Import<'a>],
) -> Option<(Cow<'a, str>, Option<&'a str>)> {
    let e = expression.trim();
    if let Some(s) = string(e) {
        return Some((s.into(), None));
    }
    if !e.is_empty() && e.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return Some((e.into(), None));
    }
    if let Some(call) = e.strip_prefix("require(") {
        let call = call.strip_suffix(".default").unwrap_or(call);
        let path = string(call.strip_suffix(')')?.trim())?;
        let path = path.rsplit('!').next().unwrap_or(path);
        return Some((path.into(), None));
    }
    if let Some(call) = e.strip_prefix("useBaseUrl(") {
        let args = call.strip_suffix(')')?;
        // `useBaseUrl('/x', {absolute: true})`: the options change nothing on the page.
        let first = args.split_once(',').map_or(args, |(a, _)| a);
        let path = string(first.trim())?;
        let path: Cow<str> = match path.starts_with('/') || path.contains("://") {
            true => path.into(),
            false => format!("/{path}").into(),
        };
        return Some((path, Some("useBaseUrl")));
    }
    if is_identifier(e) {
        let import = imports.iter().find(|i| i.name == e)?;
        let path = import.path;
        let file = path.rsplit('/').next().unwrap_or(path);
        let script = file.rsplit_once('.').is_none_or(|(_, ext)| {
            matches!(
                ext,
                "js" | "jsx" | "ts" | "tsx" | "mjs" | "cjs" | "md" | "mdx" | "css" | "json"
            )
        });
        return (["./", "../", "@site/"].iter().any(|p| path.starts_with(p)) && !script)
            .then(|| (path.into(), Some(import.name)));
    }
    None
}

/// The text of a JavaScript string literal without escapes or substitutions: `'a'`, `"a"`,
/// `` `a` ``.
fn string(s: &str) -> Option<&str> {
    let quote = s.chars().next().filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let inner = s.strip_prefix(quote)?.strip_suffix(quote)?;
    (!inner.contains([quote, '\\', '\n']) && !inner.contains("${")).then_some(inner)
}

/// Reads the tag at the start of `tag` (`<img src={…} alt="x" />`): its name, where it
/// ends and its attributes. `Err(where reading stopped)` for no tag of that shape: one
/// that runs past [`TAG_BYTES`] or a blank line, or meets a `<` outside a value.
fn scan_tag(tag: &str) -> Result<Scanned, usize> {
    let bytes = tag.as_bytes();
    let limit = bytes.len().min(TAG_BYTES);
    let name_len = bytes[1..]
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
        .count();
    let name = 1..1 + name_len;
    let mut i = name.end;
    let mut attributes = Vec::new();
    loop {
        // Whitespace, but no blank line.
        let mut newline = false;
        while i < limit && bytes[i].is_ascii_whitespace() {
            if bytes[i] == b'\n' {
                if newline {
                    return Err(i);
                }
                newline = true;
            }
            i += 1;
        }
        if i >= limit {
            return Err(i);
        }
        match bytes[i] {
            b'>' => {
                return Ok(Scanned {
                    name,
                    end: i + 1,
                    attributes,
                });
            }
            b'/' if bytes.get(i + 1) == Some(&b'>') => {
                return Ok(Scanned {
                    name,
                    end: i + 2,
                    attributes,
                });
            }
            // `{...props}`.
            b'{' => {
                let end = expression_end(bytes, i, limit)?;
                attributes.push(Attribute {
                    whole: i..end,
                    name: i..i,
                    expression: Some(i + 1..end - 1),
                });
                i = end;
                continue;
            }
            _ => {}
        }
        let start = i;
        while i < limit
            && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'_' | b':' | b'.' | b'-'))
        {
            i += 1;
        }
        if i == start {
            return Err(i);
        }
        let attr_name = start..i;
        if bytes.get(i) != Some(&b'=') {
            attributes.push(Attribute {
                whole: start..i,
                name: attr_name,
                expression: None,
            });
            continue;
        }
        i += 1;
        match bytes[..limit].get(i) {
            Some(b'{') => {
                let end = expression_end(bytes, i, limit)?;
                attributes.push(Attribute {
                    whole: start..end,
                    name: attr_name,
                    expression: Some(i + 1..end - 1),
                });
                i = end;
            }
            Some(&q @ (b'"' | b'\'')) => {
                let len = bytes[i + 1..limit]
                    .iter()
                    .position(|&b| b == q)
                    .ok_or(limit)?;
                let value = &tag[i + 1..i + 1 + len];
                if value.contains("\n\n") || value.contains('\u{0}') {
                    return Err(i);
                }
                i += len + 2;
                attributes.push(Attribute {
                    whole: start..i,
                    name: attr_name,
                    expression: None,
                });
            }
            _ => {
                while i < limit
                    && !bytes[i].is_ascii_whitespace()
                    && !matches!(bytes[i], b'>' | b'<' | b'"' | b'\'' | b'`' | b'=')
                {
                    i += 1;
                }
                attributes.push(Attribute {
                    whole: start..i,
                    name: attr_name,
                    expression: None,
                });
            }
        }
    }
}

/// Where the JSX expression whose `{` is at `open` ends (after its `}`): braces nest,
/// strings and template literals are skipped. `Err` past `limit` or a blank line.
fn expression_end(bytes: &[u8], open: usize, limit: usize) -> Result<usize, usize> {
    let (mut depth, mut quote, mut i) = (0usize, None::<u8>, open);
    while i < limit {
        let b = bytes[i];
        match (quote, b) {
            (_, b'\n') if bytes.get(i + 1) == Some(&b'\n') => return Err(i),
            (Some(_), b'\\') => i += 1,
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'' | b'`') => quote = Some(b),
            (None, b'{') => depth += 1,
            (None, b'}') => {
                depth -= 1;
                if depth == 0 {
                    return Ok(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    Err(limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(text: &str) -> (String, Vec<Diagnostic>) {
        let (out, diags, _) = rewritten_with_values(text);
        (out, diags)
    }

    fn rewritten_with_values(text: &str) -> (String, Vec<Diagnostic>, Vec<(usize, String)>) {
        let mut diags = Vec::new();
        let (out, values) = rewrite("content/a.mdx", text.to_string(), 0, &mut diags);
        assert_eq!(out.len(), text.len(), "{out}");
        assert_eq!(
            out.matches('\n').count(),
            text.matches('\n').count(),
            "{out}"
        );
        (out, diags, values)
    }

    #[test]
    fn expressions_become_the_values_they_name_in_place() {
        let (out, diags) =
            rewritten("<img src={require('@site/static/img/logo.png').default} alt=\"Logo\" />\n");
        assert!(diags.is_empty());
        assert!(
            out.starts_with("<img src=\"@site/static/img/logo.png\""),
            "{out}"
        );
        assert!(out.trim_end().ends_with("alt=\"Logo\" />"), "{out}");
        let (out, _) = rewritten("<a href={useBaseUrl(\"files/guide.pdf\")}>guide</a>\n");
        assert!(out.starts_with("<a href=\"/files/guide.pdf\""), "{out}");
        assert!(out.trim_end().ends_with(">guide</a>"), "{out}");
        let (out, _) = rewritten(
            "<a target=\"_blank\" href={require('!file-loader!./assets/x.xyz').default}>x</a>\n",
        );
        assert!(out.contains(" href=\"./assets/x.xyz\""), "{out}");
        // Numbers and strings as themselves; a style object left out.
        let (out, _) = rewritten("<img src={'/a.png'} width={300} style={{border: '1px'}} />\n");
        assert!(
            out.starts_with("<img src=\"/a.png\"   width=\"300\"")
                && !out.contains("style")
                && out.trim_end().ends_with("/>"),
            "{out}"
        );
        // Over several lines: the line breaks stay, and no line of the tag is blank.
        let text = "<img src={require('@site/static/img/m.png').default}\nalt=\"Menu\"\nstyle={{\n  float: 'left',\n}} />\n";
        let (out, _) = rewritten(text);
        assert!(
            out.starts_with("<img src=\"@site/static/img/m.png\""),
            "{out}"
        );
        assert!(out.lines().all(|l| !l.trim().is_empty()), "{out}");
    }

    #[test]
    fn an_imported_file_is_its_path_and_the_import_goes() {
        let text = "import L from './l.png';\nimport useBaseUrl from '@docusaurus/useBaseUrl';\nimport Tabs from '@theme/Tabs';\n\n<img src={L}        alt=\"x\" /> <img src={useBaseUrl('/x.png')} />\n";
        let (out, diags) = rewritten(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(out.contains("<img src=\"./l.png\"  alt=\"x\""), "{out}");
        assert!(out.contains("<img src=\"/x.png\""), "{out}");
        assert!(
            !out.contains("import L ")
                && !out.contains("import useBaseUrl")
                && out.contains("import Tabs"),
            "{out}"
        );
        // Still named elsewhere: the import stays, for `mdx::clean` to report.
        let text = "import L from './l.png';\n\n<img src={L}        />\n\n<L />\n";
        let (out, _) = rewritten(text);
        assert!(out.contains("import L "), "{out}");
    }

    #[test]
    fn an_unreadable_link_or_image_is_left_out_and_reported() {
        let text = "Text <img src={logo} alt=\"x\" /> and <a href={props.url}>there</a>.\n";
        let (out, diags) = rewritten(text);
        assert_eq!(diags.len(), 1);
        assert!(
            diags[0].message.contains("`<img src={logo}>`"),
            "{}",
            diags[0].message
        );
        assert!(diags[0].message.contains("1 more"), "{}", diags[0].message);
        assert!(
            out.starts_with("Text <span ") && out.contains(" > and <a "),
            "{out}"
        );
        assert!(out.contains("  >there</a>."), "{out}");
    }

    #[test]
    fn an_imported_file_longer_than_its_name_is_named_in_the_side_table() {
        let text = "import Banner from './assets/a-very-long-banner-name.png';\n\n<img src={ Banner } alt=\"b\" />\n";
        let (out, diags, values) = rewritten_with_values(text);
        assert!(diags.is_empty(), "{diags:?}");
        assert!(out.contains("<img src=\" Banner \" alt=\"b\" />"), "{out}");
        assert!(!out.contains("import Banner"), "{out}");
        let at = text.find(" Banner }").unwrap();
        assert_eq!(
            values,
            [(at, "./assets/a-very-long-banner-name.png".to_string())]
        );
        // From the start of the file's text, past its front matter.
        let front = "---\ntitle: A\n---\n";
        let mut diags = Vec::new();
        let (_, values) = rewrite("a.mdx", format!("{front}{text}"), front.len(), &mut diags);
        assert_eq!(values[0].0, front.len() + at);
    }

    #[test]
    fn tags_in_code_components_and_plain_html_stay() {
        for kept in [
            "`<img src={require('./a.png').default} />`\n",
            "```jsx\n<img src={require('./a.png').default} />\n```\n",
            "<Figure src={require('./a.png').default} />\n",
            "<img src=\"/a.png\" />\n",
            "a={b} and x <= y\n",
            "<img src={require('./a.png').default}\n\n/>\n",
        ] {
            let (out, diags) = rewritten(kept);
            assert_eq!(out, kept);
            assert!(diags.is_empty());
        }
    }

    #[test]
    fn indented_in_a_component_it_is_html_in_mdx_and_code_in_markdown() {
        let text =
            "<TabItem value=\"a\">\n\n    <img src={require('./a.png').default} />\n\n</TabItem>\n";
        let (out, _) = rewritten(text);
        assert!(out.contains("<img src=\"./a.png\""), "{out}");
        let (out, _) = rewrite("content/a.md", text.to_string(), 0, &mut Vec::new());
        assert_eq!(out, text);
    }

    #[test]
    fn every_prefix_is_read_without_panic() {
        let text = "<a x={y}>\nimport \nimport A from './é.png';\n<img src={require('./é.png').default} alt=\"é\" style={{a: '}'}} />\n<a href={A}>é</a> <img {...p} src={`x${y}`} />\n";
        for end in (0..=text.len()).filter(|&n| text.is_char_boundary(n)) {
            let mut diags = Vec::new();
            let (out, _) = rewrite("a.mdx", text[..end].to_string(), 0, &mut diags);
            assert_eq!(out.len(), end);
        }
    }

    #[test]
    fn a_tag_that_reaches_the_limit_is_read_without_panic() {
        for n in TAG_BYTES - 8..TAG_BYTES + 4 {
            for value in ["\"x\"", "{x}", "x"] {
                let text = format!("<a {}={value} c={{d}}>\n", "b".repeat(n));
                let mut diags = Vec::new();
                let (out, _) = rewrite("a.mdx", text.clone(), 0, &mut diags);
                assert_eq!(out.len(), text.len());
            }
        }
    }

    #[test]
    fn many_unclosed_tags_stay_linear() {
        let time = |n: usize| {
            let body = "<a {<img src={x".repeat(n) + "={";
            let ((out, _), took) =
                crate::cpu_time::cpu_time_of(|| rewrite("a.md", body.clone(), 0, &mut Vec::new()));
            assert_eq!(out.len(), body.len());
            took
        };
        crate::cpu_time::assert_grows_linearly("tags", 20_000, time);
    }
}
