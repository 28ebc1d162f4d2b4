//! One home for the text rules that must agree wherever they are used: the slug of a title
//! (file names written by `orgbook new` and `orgbook import`), GitHub-compatible heading ids,
//! HTML and XML escaping, percent-encoding of URL paths and percent-decoding of link targets
//! and request paths, and (in [`walk`]) which files under a folder belong to the site.
//!
//! Each rule existed two or three times before, with small differences (`new` and `import`
//! named the same title differently); keeping them here means a fix reaches every caller.
//! They are hand-written because each is a few lines whose exact output is part of the
//! product (file names, anchors authors link to), which a general crate would not promise
//! to keep stable.

pub mod lang_tag;
pub mod legacy;
pub mod unique;
pub mod url_safe;
pub mod walk;

pub use unique::UniqueIds;
pub use url_safe::url_safe_path;

use std::collections::HashSet;

/// `n` and the noun in its number: `counted(1, "team", "teams")` is `1 team`, 0 or 2
/// give `teams`. Sentences shown to readers say `2 teams`, not `2 team(s)`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// Items as a sentence lists them: `a`, `a and b`, `a, b and c`.
pub fn and_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Lowercase ASCII words joined by `-`, for file names: `"Adopt Kafka für Zahlungen"` →
/// `adopt-kafka-fur-zahlungen`. Non-Latin text is transliterated rather than dropped, so a
/// title in any script still gives a readable, portable name.
pub fn slug(text: &str) -> String {
    let ascii = deunicode::deunicode(text);
    let mut slug = String::with_capacity(ascii.len());
    for word in ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    slug
}

/// A title made from a file or folder name (`first-week` → `First week`, `_posts` →
/// `Posts`): `-` and `_` become spaces, the ends are trimmed, the first letter is
/// capitalised. Used for pages without a title and folders without a label, so the
/// sidebar and the handbook index name a folder the same way. A Logseq namespace page
/// keeps its `/` (`Process___Review` → `Process/Review`, see [`namespaced_name`]).
pub fn title_from_name(name: &str) -> String {
    let name = without_notion_id(name);
    let spelled;
    let name = match namespaced_name(name) {
        Some(n) => {
            spelled = n;
            spelled.as_str()
        }
        None => name,
    };
    let mut words = name.replace(['-', '_'], " ");
    // An Azure DevOps wiki names `FAQ: Git-Flow` `FAQ%3A-Git%2DFlow`: its dashes are
    // spaces, its escapes the characters a file name may not hold (decoded after).
    if words.contains('%') {
        words = percent_decode_lenient(&words);
    }
    let words = words.trim();
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The page name a Logseq graph stored as a file name, when it is a namespace page
/// (`Process/Code review`): Logseq writes its `/` as `___` (its default since 2022,
/// `:file/name-format :triple-lowbar`), or, in older graphs, as `%2F`. `None` for other
/// names. Wikilinks name such a page by its name (`[[Process/Code review]]`).
pub fn namespaced_name(stem: &str) -> Option<String> {
    if stem.contains("___") {
        return Some(stem.replace("___", "/"));
    }
    let bytes = stem.as_bytes();
    memchr::memchr_iter(b'%', bytes)
        .any(|at| matches!(bytes.get(at + 1..at + 3), Some(b"2F" | b"2f")))
        .then(|| stem.replace("%2F", "/").replace("%2f", "/"))
}

/// A file or folder name without the page id a Notion export ends it with
/// (`Engineering Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6` → `Engineering Handbook`).
pub fn without_notion_id(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((rest, id))
            if !rest.trim().is_empty()
                && id.len() == 32
                && id
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)) =>
        {
            rest.trim_end()
        }
        _ => name,
    }
}

/// GitHub-compatible heading id: lowercase, letters/digits/`-`/`_` kept, spaces to `-`,
/// everything else dropped. Not [`slug`]: the ids must match what GitHub generates for the
/// same Markdown (authors' `#anchor` links work in both places), which keeps non-ASCII
/// letters and does not collapse runs of separators.
pub fn heading_id(text: &str) -> String {
    let mut id = String::with_capacity(text.len());
    for c in text.trim().chars() {
        if c.is_alphanumeric() || c == '_' || c == '-' {
            id.extend(c.to_lowercase());
        } else if c.is_whitespace() {
            id.push('-');
        }
    }
    if id.is_empty() { "section".into() } else { id }
}

/// Makes `id` unique within a page by appending -1, -2, … (GitHub's scheme).
pub fn unique_id(id: String, used: &mut HashSet<String>) -> String {
    if used.insert(id.clone()) {
        return id;
    }
    let mut n = 1;
    loop {
        let candidate = format!("{id}-{n}");
        if used.insert(candidate.clone()) {
            return candidate;
        }
        n += 1;
    }
}

/// Escapes text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_escaped(&mut out, s, Markup::Html);
    out
}

/// Undoes [`escape_html`] and the few entities authors write in attributes (`&amp;`,
/// `&lt;`, `&gt;`, `&quot;`, `&#39;`). `&amp;` is decoded last, so `&amp;lt;` gives the text
/// `&lt;`, not `<`.
pub fn unescape_html(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

/// `text` with its Markdown backslash escapes undone (`Q\&A` → `Q&A`, `\\` → `\`): what a
/// reader sees of escaped text, for places that take it out of Markdown (a link's title in
/// HTML, a team page's names).
pub fn unescape_markdown(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\\') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&next) if c == '\\' && next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Escapes for XML text and attribute values alike, and drops characters that XML 1.0
/// forbids outright, so a stray control character in a charter cannot make a whole SVG or
/// feed ill-formed.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_escaped(&mut out, s, Markup::Xml);
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Markup {
    Html,
    Xml,
}

fn push_escaped(out: &mut String, s: &str, markup: Markup) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if markup == Markup::Html => out.push_str("&#39;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if markup == Markup::Xml
                && ((c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}') => {}
            c => out.push(c),
        }
    }
}

/// Percent-encodes what would otherwise end or corrupt a URL path in an `href`.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for c in path.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            '"' => out.push_str("%22"),
            // A `:` before the first `/` would make a relative URL read as a scheme.
            ':' => out.push_str("%3A"),
            _ => out.push(c),
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the result is not UTF-8.
/// The server uses this strict form: a request it cannot decode exactly is refused.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(hex_byte(bytes.get(i + 1..i + 3)?)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Decodes `%XX` escapes, keeping a `%` that starts no escape as it is (`100%`), and the
/// input unchanged if the result is not UTF-8. Authors' link targets use this forgiving
/// form: a stray `%` in a file name is a file name, not an error.
pub fn percent_decode_lenient(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = bytes.get(i + 1..i + 3).and_then(hex_byte)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_string())
}

fn hex_byte(hex: &[u8]) -> Option<u8> {
    let digit = |b: u8| (b as char).to_digit(16);
    Some((digit(hex[0])? * 16 + digit(hex[1])?) as u8)
}

/// A redirect page (an old address of a page, or a page that sends its readers elsewhere):
/// `title`, `target` and `canonical` already escaped for HTML.
pub fn redirect_page(title: &str, target: &str, canonical: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Moved: {title}</title>\n<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\" href=\"{canonical}\">\n<meta http-equiv=\"refresh\" content=\"0; url={target}\">\n</head>\n<body>\n<p>This page has moved to <a href=\"{target}\">{title}</a>.</p>\n</body>\n</html>\n"
    )
}

/// Resolves `rel` against the folder `base` (both `/`-separated, relative to the handbook
/// root; a `rel` starting with `/` from the root). `None` when the path climbs above the
/// root.
pub fn join_path(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = if rel.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn notion_export_ids_are_not_part_of_titles() {
        use super::title_from_name;
        assert_eq!(
            title_from_name("Engineering Handbook 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6"),
            "Engineering Handbook"
        );
        // Not an id: too short, upper case, or the whole name.
        assert_eq!(title_from_name("Release 2026"), "Release 2026");
        // Azure DevOps wiki names: dashes are spaces, escapes what they stand for.
        assert_eq!(title_from_name("FAQ%3A-Git%2DFlow"), "FAQ: Git-Flow");
        assert_eq!(title_from_name("100%-done"), "100% done");
        assert_eq!(
            title_from_name("Build 1A2B3C4D5E6F47A8B9C0D1E2F3A4B5C6"),
            "Build 1A2B3C4D5E6F47A8B9C0D1E2F3A4B5C6"
        );
        assert_eq!(
            title_from_name("1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6"),
            "1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6"
        );
    }

    #[test]
    fn unescaping_undoes_escaping_and_decodes_ampersands_last() {
        let text = "a < b && \"c\" > 'd' &lt;";
        assert_eq!(unescape_html(&escape_html(text)), text);
        assert_eq!(unescape_html("&amp;lt;"), "&lt;");
        assert!(matches!(
            unescape_html("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    use super::*;

    #[test]
    fn slugs_are_ascii_kebab_case() {
        assert_eq!(
            slug("Adopt Kafka für Zahlungen!"),
            "adopt-kafka-fur-zahlungen"
        );
        assert_eq!(
            slug("Use PostgreSQL (v11) for persistence!"),
            "use-postgresql-v11-for-persistence"
        );
        assert_eq!(slug("use_x__y"), "use-x-y");
        assert_eq!(slug("Über Café"), "uber-cafe");
        assert_eq!(slug("  --  "), "");
    }

    #[test]
    fn heading_ids_match_github() {
        assert_eq!(heading_id("Consequences"), "consequences");
        assert_eq!(
            heading_id("How we work: the short version"),
            "how-we-work-the-short-version"
        );
        assert_eq!(heading_id("Zürich office"), "zürich-office");
        assert_eq!(heading_id("C++ & Rust"), "c--rust");
        assert_eq!(heading_id("!!"), "section");
    }

    #[test]
    fn unique_ids_get_suffixes() {
        let mut used = HashSet::new();
        assert_eq!(unique_id("a".into(), &mut used), "a");
        assert_eq!(unique_id("a".into(), &mut used), "a-1");
        assert_eq!(unique_id("a".into(), &mut used), "a-2");
    }

    #[test]
    fn html_and_xml_escaping() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom's & co</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom&#39;s &amp; co&lt;/a&gt;"
        );
        assert_eq!(escape_xml("Tom's\u{1}\tx"), "Tom&apos;s\tx");
        assert_eq!(escape_html("a\u{1}b"), "a\u{1}b");
    }

    #[test]
    fn percent_encoding_round_trips() {
        let path = "teams/a b#c?d\"e%f.html";
        assert_eq!(encode_path(path), "teams/a%20b%23c%3Fd%22e%25f.html");
        assert_eq!(percent_decode(&encode_path(path)).as_deref(), Some(path));
        assert_eq!(percent_decode_lenient(&encode_path(path)), path);
    }

    #[test]
    fn strict_decoding_refuses_what_lenient_keeps() {
        assert_eq!(percent_decode("a%20b.md").as_deref(), Some("a b.md"));
        assert_eq!(percent_decode("100%"), None);
        assert_eq!(percent_decode("%zz"), None);
        assert_eq!(percent_decode("%ff"), None);
        assert_eq!(percent_decode_lenient("a%20b.md"), "a b.md");
        assert_eq!(percent_decode_lenient("100%"), "100%");
        assert_eq!(percent_decode_lenient("%é1"), "%é1");
        assert_eq!(percent_decode_lenient("%ff"), "%ff");
    }
}
