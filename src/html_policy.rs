//! What content may put into a reader's browser: the raw-HTML policy of Markdown bodies
//! (`[markdown] raw_html = "sanitize" | "allow" | "escape"`), unsafe URL schemes in links,
//! images and raw-HTML attributes, and the URLs and anchors inside raw HTML.
//!
//! The sanitizer is ammonia (a maintained, html5ever-based allowlist sanitizer), configured
//! to keep what GitHub keeps (tables, `<details>`/`<summary>`, `<kbd>`, `<sup>`/`<sub>`,
//! images, anchors with `id`/`name`) and to drop scripts, styles, event handlers, frames and
//! forms. It runs only on pages whose Markdown contains raw HTML, over each balanced run of
//! blocks holding it: raw HTML arrives from the Markdown parser in pieces (`<details>` in one
//! block, its closing tag in another), so a run goes on until what it opened is closed
//! ([`open_elements`]; the runs are cut in `markdown::RawRegion`).
//!
//! Before that, [`scan_attributes`] finds the URL and id attributes of each raw-HTML piece,
//! so `<a href>`, `<img src>`, `<source src>` and `<video src/poster>` go through the same
//! resolver as Markdown links (rewritten to page URLs, broken ones reported) and `id`/`name`
//! count as anchors. The scanner is hand-written because it only needs attribute positions in
//! single tags the Markdown parser already isolated; safety never depends on it (the
//! sanitizer reparses everything), and a tag it misreads costs at most a link check.

use crate::diagnostic::Diagnostic;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// Every element name of HTML (and the SVG and MathML roots a page may embed), sorted:
/// a tag of any other lower-case name is no element.
const HTML_ELEMENTS: [&str; 130] = [
    "a",
    "abbr",
    "acronym",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

/// Whether a piece of raw HTML is only a tag whose name is no HTML element, written in
/// lower case without attributes (`<command>`, `</subcommand>`): a placeholder in prose
/// (`adr new <title>`), not markup. Custom elements have a hyphen (`<my-card>`) and
/// components a capital (`<Tabs>`), so neither is one.
pub fn is_placeholder_tag(piece: &str) -> bool {
    let tag = piece.trim();
    let Some(inner) = tag.strip_prefix('<').and_then(|t| t.strip_suffix('>')) else {
        return false;
    };
    let name = inner.strip_prefix('/').unwrap_or(inner);
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        && HTML_ELEMENTS.binary_search(&name).is_err()
}

/// `[markdown] raw_html` in `orgbook.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RawHtml {
    /// Keep what GitHub keeps, drop scripts and the like (the default).
    #[default]
    Sanitize,
    /// Trust the handbook's authors: raw HTML is copied as written (unsafe URL schemes are
    /// still neutralised).
    Allow,
    /// Show raw HTML as text.
    Escape,
}

impl RawHtml {
    pub const NAMES: &[&str] = &["sanitize", "allow", "escape"];

    pub fn parse(s: &str) -> Option<RawHtml> {
        match s {
            "sanitize" => Some(RawHtml::Sanitize),
            "allow" => Some(RawHtml::Allow),
            "escape" => Some(RawHtml::Escape),
            _ => None,
        }
    }
}

/// The scheme of `url` if following it would run code or read the reader's disk:
/// `javascript:`, `vbscript:`, `data:` (except raster images, for `image`), `file:` and the
/// like. Browsers ignore ASCII whitespace and control characters inside the scheme and
/// compare it case-insensitively, so this does too.
pub fn unsafe_scheme(url: &str, image: bool) -> Option<String> {
    // Every link passes here: answer the common cases (no scheme at all, plain http(s))
    // without building the cleaned copy below.
    if memchr::memchr(b':', url.as_bytes()).is_none()
        || url.starts_with("https:")
        || url.starts_with("http:")
    {
        return None;
    }
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(64)
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = cleaned[..colon].to_ascii_lowercase();
    if scheme.is_empty()
        || !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    {
        return None;
    }
    let unsafe_ = match scheme.as_str() {
        "javascript" | "vbscript" | "livescript" | "mocha" | "file" | "blob" | "filesystem" => true,
        "data" => {
            let rest = cleaned[colon + 1..].to_ascii_lowercase();
            !(image
                && [
                    "image/png",
                    "image/gif",
                    "image/jpeg",
                    "image/webp",
                    "image/avif",
                ]
                .iter()
                .any(|t| rest.starts_with(t)))
        }
        _ => false,
    };
    unsafe_.then_some(scheme)
}

/// Whether browsers open links to `scheme` (lowercase): one of those the sanitizer keeps
/// in raw HTML (`https`, `mailto`, `tel`, `irc` …).
pub fn opened_scheme(scheme: &str) -> bool {
    static OPENED: LazyLock<std::collections::HashSet<&'static str>> =
        LazyLock::new(|| SANITIZER.clone_url_schemes());
    OPENED.contains(scheme)
}

/// The warning for a neutralised URL at `span` of `doc`'s text.
pub fn unsafe_url_warning(
    file: &str,
    text: &str,
    span: Range<usize>,
    scheme: &str,
    what: &str,
) -> Diagnostic {
    Diagnostic::warning(
        "unsafe-url",
        file,
        format!(
            "{what} with a `{scheme}:` URL was neutralised: it could run code in a reader's browser"
        ),
    )
    .with_help("link to a page, a file or an http(s) address instead")
    .at(text, span)
}

/// One attribute of a start tag in a raw-HTML piece. `value` is the byte range of the value
/// (without quotes) in the piece; empty for an attribute without a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribute {
    pub tag: String,
    pub name: String,
    /// Where the attribute's name starts in the piece.
    pub name_at: usize,
    pub value: Range<usize>,
}

/// Start-tag attributes of `html`, in order. Comments are skipped; end tags have none.
pub fn scan_attributes(html: &str) -> Vec<Attribute> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &b[i..]) {
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            i = html[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        if i >= b.len() || !b[i].is_ascii_alphabetic() {
            continue;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
            i += 1;
        }
        let tag = html[name_start..i].to_ascii_lowercase();
        loop {
            while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
                i += 1;
            }
            if i >= b.len() || b[i] == b'>' {
                break;
            }
            let an = i;
            while i < b.len() && !b[i].is_ascii_whitespace() && !b"=>/".contains(&b[i]) {
                i += 1;
            }
            if i == an {
                // A stray `=`: step over it so the loop always advances.
                i += 1;
                continue;
            }
            let name = html[an..i].to_ascii_lowercase();
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let mut value = i..i;
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && b[i].is_ascii_whitespace() {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    let end = memchr(q, &b[i + 1..]).map_or(b.len(), |e| i + 1 + e);
                    value = i + 1..end;
                    i = (end + 1).min(b.len());
                } else {
                    let vs = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    value = vs..i;
                }
            }
            out.push(Attribute {
                tag: tag.clone(),
                name,
                name_at: an,
                value,
            });
        }
    }
    out
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

/// Whether attribute `name` of `tag` holds a URL a browser may follow or load.
pub fn is_url_attribute(tag: &str, name: &str) -> bool {
    matches!(
        name,
        "href"
            | "src"
            | "poster"
            | "action"
            | "formaction"
            | "xlink:href"
            | "background"
            | "cite"
            | "data"
            | "srcset"
            | "longdesc"
            | "ping"
    ) || (tag == "meta" && name == "content")
}

/// Whether the URL in attribute `name` of `tag` is resolved like a Markdown link.
pub fn is_resolved_attribute(tag: &str, name: &str) -> bool {
    matches!(
        (tag, name),
        ("a", "href") | ("img", "src") | ("source", "src") | ("video", "src") | ("video", "poster")
    )
}

/// The minimal decoding of attribute values authors write (`&amp;` in query strings).
pub fn decode_attribute(v: &str) -> Cow<'_, str> {
    crate::text::unescape_html(v)
}

/// Escapes a URL for a double-quoted attribute value.
pub fn encode_attribute(v: &str) -> String {
    v.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What [`process_raw`] needs from the page being rendered.
pub struct RawContext<'a> {
    pub file: &'a str,
    /// The whole file text and where this piece starts in it, for diagnostics.
    pub text: &'a str,
    pub offset: usize,
    /// The values the page names rather than writes, by where each starts in `text`
    /// (`model::Source::attribute_values`).
    pub values: &'a [(usize, String)],
}

/// What the link resolver makes of a URL in raw HTML.
pub enum RawUrl {
    /// Kept as written (external addresses, e-mail, same-page anchors).
    Keep,
    /// Written as this instead.
    To(String),
    /// Leads nowhere (reported; under `[links] broken = "warn"` the page is published):
    /// an `<a>` loses its `href` and is marked as a broken Markdown link is, so no reader
    /// is sent to a missing page; other elements keep the URL as written.
    Broken,
}

/// Applies URL neutralisation and the link resolver to one raw-HTML piece; collects its
/// `id`/`name` anchors. `resolve(url, span)` says what to write for each URL.
pub fn process_raw(
    piece: &str,
    ctx: &RawContext,
    anchors: &mut Vec<String>,
    resolve: &mut dyn FnMut(&str, Range<usize>) -> RawUrl,
    diags: &mut Vec<Diagnostic>,
) -> String {
    let mut out = String::with_capacity(piece.len());
    let mut copied = 0;
    for attr in scan_attributes(piece) {
        let raw = &piece[attr.value.clone()];
        if (attr.name == "id" || (attr.name == "name" && attr.tag == "a")) && !raw.is_empty() {
            anchors.push(decode_attribute(raw).into_owned());
            continue;
        }
        if !is_url_attribute(&attr.tag, &attr.name) {
            continue;
        }
        let span = ctx.offset + attr.value.start..ctx.offset + attr.value.end;
        let named = ctx
            .values
            .binary_search_by_key(&span.start, |(at, _)| *at)
            .ok()
            .map(|n| ctx.values[n].1.as_str());
        let value = named.map_or_else(|| decode_attribute(raw), Cow::Borrowed);
        // An `<object>` showing an image becomes an `<img>` (`objects_as_images`): its
        // path is checked like one.
        let image_object = attr.tag == "object" && attr.name == "data" && is_image_path(&value);
        let image =
            image_object || matches!(attr.tag.as_str(), "img" | "source" | "video" | "picture");
        let replacement = if let Some(scheme) = unsafe_scheme(&value, image) {
            diags.push(unsafe_url_warning(
                ctx.file,
                ctx.text,
                span,
                &scheme,
                &format!("`<{} {}>`", attr.tag, attr.name),
            ));
            RawUrl::To("#".to_string())
        } else if image_object || is_resolved_attribute(&attr.tag, &attr.name) {
            resolve(&value, span)
        } else {
            RawUrl::Keep
        };
        // What the page named is written as the value it stands for, whatever the resolver
        // made of it.
        let replacement = match (replacement, named) {
            (RawUrl::Keep, Some(named)) => RawUrl::To(named.to_string()),
            (RawUrl::Broken, Some(named)) if attr.tag != "a" => RawUrl::To(named.to_string()),
            (replacement, _) => replacement,
        };
        match replacement {
            RawUrl::Keep => {}
            RawUrl::To(new) => {
                out.push_str(&piece[copied..attr.value.start]);
                out.push_str(&encode_attribute(&new));
                copied = attr.value.end;
            }
            RawUrl::Broken if attr.tag == "a" && attr.name == "href" => {
                // The whole `href="…"`, its closing quote included.
                let quoted = attr.value.start > attr.name_at
                    && matches!(piece.as_bytes()[attr.value.start - 1], b'"' | b'\'')
                    && piece.as_bytes().get(attr.value.end)
                        == Some(&piece.as_bytes()[attr.value.start - 1]);
                out.push_str(&piece[copied..attr.name_at]);
                out.push_str(&format!(
                    "class=\"broken-link\" title=\"This link leads nowhere yet: {}\"",
                    encode_attribute(&value)
                ));
                copied = attr.value.end + usize::from(quoted);
            }
            RawUrl::Broken => {}
        }
    }
    out.push_str(&piece[copied..]);
    match objects_as_images(&out) {
        Cow::Owned(images) => images,
        Cow::Borrowed(_) => out,
    }
}

/// Whether a URL names an image file by its extension (`color/misuse.svg`, `a.PNG?v=2`).
fn is_image_path(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    ["svg", "png", "jpg", "jpeg", "gif", "webp", "avif"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

/// Where each start tag named `name` (lower case) opens in `html`, in any case.
fn start_tags<'h>(html: &'h str, name: &'static str) -> impl Iterator<Item = usize> + 'h {
    let b = html.as_bytes();
    memchr::memchr_iter(b'<', b).filter(move |&at| {
        let rest = &b[at + 1..];
        rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name.as_bytes())
            && matches!(rest[name.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    })
}

/// The end (after its `>`) of the tag that opens at `at`, quoted values skipped.
fn tag_end(html: &str, at: usize) -> usize {
    let b = html.as_bytes();
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(at + 1) {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// `html` with each `<object>` that shows an image (`<object role="img"
/// data="brand/colors.svg">`, as handbooks made for their own renderer embed figures)
/// written as an `<img>` of it: the sanitizer removes objects, as GitHub does, which
/// would leave the figure a silent gap. Its `aria-label` (else `title`) is the image's
/// text; its fallback content goes, as the image is shown.
pub fn objects_as_images(html: &str) -> Cow<'_, str> {
    let mut starts = start_tags(html, "object").peekable();
    if starts.peek().is_none() {
        return Cow::Borrowed(html);
    }
    let closes: Vec<usize> = crate::finder!(b"</")
        .find_iter(html.as_bytes())
        .filter(|&at| {
            html.as_bytes()
                .get(at + 2..at + 8)
                .is_some_and(|n| n.eq_ignore_ascii_case(b"object"))
        })
        .collect();
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    // Past the last tag read: a tag inside another's unclosed quote is none.
    let mut read_to = 0;
    for at in starts {
        if at < copied.max(read_to) {
            continue;
        }
        let end = tag_end(html, at);
        read_to = end;
        let tag = &html[at..end];
        let attrs = scan_attributes(tag);
        let value = |name: &str| {
            attrs
                .iter()
                .find(|a| a.name == name)
                .map(|a| decode_attribute(&tag[a.value.clone()]))
        };
        let Some(data) = value("data").filter(|d| is_image_path(d)) else {
            continue;
        };
        let alt = value("aria-label").or_else(|| value("title"));
        out.push_str(&html[copied..at]);
        out.push_str(&format!(
            "<img src=\"{}\" alt=\"{}\"",
            encode_attribute(&data),
            encode_attribute(alt.as_deref().unwrap_or(""))
        ));
        for size in ["width", "height"] {
            if let Some(v) = value(size) {
                out.push_str(&format!(" {size}=\"{}\"", encode_attribute(&v)));
            }
        }
        out.push('>');
        copied = match closes.get(closes.partition_point(|&c| c < end)) {
            Some(&close) => tag_end(html, close),
            None => end,
        };
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// The elements of a raw-HTML piece that the sanitizer removes without a trace on the
/// page: `<style>` and `<script>` (whose styles and behaviour the page then lacks) and
/// `<object>`s that show no image. Each is (where it opens, its name).
pub fn removed_elements(piece: &str) -> Vec<(usize, &'static str)> {
    let mut out: Vec<(usize, &'static str)> = Vec::new();
    if memchr::memchr(b'<', piece.as_bytes()).is_none() {
        return out;
    }
    for name in ["style", "script"] {
        out.extend(start_tags(piece, name).map(|at| (at, name)));
    }
    let mut read_to = 0;
    for at in start_tags(piece, "object") {
        if at < read_to {
            continue;
        }
        read_to = tag_end(piece, at);
        let tag = &piece[at..read_to];
        let shows_image = scan_attributes(tag)
            .iter()
            .any(|a| a.name == "data" && is_image_path(&decode_attribute(&tag[a.value.clone()])));
        if !shows_image {
            out.push((at, "object"));
        }
    }
    out.sort_unstable();
    out
}

/// Reports each frame of a web address (`<iframe src="https://…">`) in a raw-HTML piece,
/// at its address, and returns how many there are. The sanitizer removes frames (they run
/// another site's code in the page), which would leave an embedded video or dashboard a
/// silent gap: [`frames_as_links`] puts a link to each in its place.
pub fn frames(piece: &str, ctx: &RawContext, diags: &mut Vec<Diagnostic>) -> usize {
    let mut found = 0;
    for attr in scan_attributes(piece) {
        if attr.tag != "iframe" || attr.name != "src" {
            continue;
        }
        let url = decode_attribute(&piece[attr.value.clone()]);
        if !is_web_address(&url) {
            continue;
        }
        found += 1;
        diags.push(
            Diagnostic::warning(
                "removed-embed",
                ctx.file,
                format!("an embedded frame (`<iframe>` of {url}) is removed from the page: frames run another site's code in it"),
            )
            .with_help("a link to it stands in its place; if the handbook's authors are trusted, `raw_html = \"allow\"` under `[markdown]` in orgbook.toml keeps frames")
            .at(ctx.text, ctx.offset + attr.value.start..ctx.offset + attr.value.end),
        );
    }
    found
}

/// `html` with a link before each frame to the address it shows (see [`frames`]); the
/// sanitizer then removes the frame and keeps the link.
pub fn frames_as_links(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut copied = 0;
    for attr in scan_attributes(html) {
        if attr.tag != "iframe" || attr.name != "src" {
            continue;
        }
        let url = decode_attribute(&html[attr.value.clone()]).into_owned();
        let Some(tag_start) = html[copied..attr.value.start]
            .rfind('<')
            .map(|i| copied + i)
        else {
            continue;
        };
        if !is_web_address(&url) {
            continue;
        }
        out.push_str(&html[copied..tag_start]);
        out.push_str(&format!(
            "<a href=\"{}\">{}</a>",
            encode_attribute(&url),
            crate::text::escape_html(&url)
        ));
        copied = tag_start;
    }
    out.push_str(&html[copied..]);
    out
}

/// An absolute `http(s)` address, or a scheme-relative one (`//player.example/…`).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("//")
}

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags([
        "input",
        "picture",
        "source",
        "video",
        "audio",
        "track",
        "section",
        "figure",
        "figcaption",
    ])
    // Headings, footnotes and anchors authors link to need their ids; classes carry code
    // languages and footnote roles; `dir` keeps Arabic, Hebrew and Persian text right to
    // left, as GitHub does.
    .add_generic_attributes(["id", "class", "align", "dir"])
    .add_tag_attributes("a", ["name"])
    .add_tag_attributes("input", ["type", "checked", "disabled"])
    .add_tag_attributes("source", ["src", "type", "media", "srcset"])
    .add_tag_attributes("img", ["loading", "srcset"])
    .add_tag_attributes(
        "video",
        [
            "src", "poster", "controls", "width", "height", "loop", "muted",
        ],
    )
    .add_tag_attributes("audio", ["src", "controls"])
    .add_tag_attributes("track", ["src", "kind", "srclang", "label"])
    .add_tag_attributes("th", ["style"])
    .add_tag_attributes("td", ["style"])
    .add_tag_attributes("ol", ["start"])
    // A collapsible MkDocs admonition drawn open (`???+ note`), and GitHub keeps it too.
    .add_tag_attributes("details", ["open"])
    // Unsafe schemes were already neutralised (with a warning); data: images survive.
    .add_url_schemes(["data"])
    // Same links as on a page without raw HTML.
    .link_rel(None)
    .url_relative(ammonia::UrlRelative::PassThrough)
    .attribute_filter(|element, attribute, value| {
        match (element, attribute) {
            // Tables' alignment is the only style the Markdown renderer writes.
            ("th" | "td", "style") => {
                let v = value.trim();
                [
                    "text-align: left",
                    "text-align: center",
                    "text-align: right",
                ]
                .contains(&v)
                .then(|| value.into())
            }
            ("input", "type") => (value == "checkbox").then(|| value.into()),
            (_, "href" | "src" | "poster" | "srcset")
                if unsafe_scheme(value, element != "a").is_some() =>
            {
                None
            }
            _ => Some(value.into()),
        }
    });
    b
});

/// Elements that never hold content: their start tag opens nothing.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen",
];

/// Elements whose text is not markup: the lexer skips to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// One tag of raw HTML: where it is, its lower-cased name, and whether it is an end tag.
struct RawTag {
    at: Range<usize>,
    name: String,
    closing: bool,
}

/// The tags of `piece` in order: comments skipped, and the text of raw-text elements
/// (`<script>`, `<style>`…) not read as tags (an element left open takes the rest). A name
/// runs to a space, `/` or `>`, as the HTML tokenizer reads it, so `<ri:page>` is one
/// unknown element. Hand-written for the reason [`scan_attributes`] is: only tag boundaries
/// are needed, and safety never depends on them (the sanitizer reparses everything).
/// Every step moves forwards, so a piece is read in one pass whatever it holds.
fn raw_tags(piece: &str) -> impl Iterator<Item = RawTag> + '_ {
    let bytes = piece.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(lt) = memchr(b'<', &bytes[at..]).map(|i| at + i) {
            let rest = &piece[lt..];
            if rest.starts_with("<!--") {
                at = rest.find("-->").map_or(piece.len(), |e| lt + e + 3);
                continue;
            }
            let closing = rest.starts_with("</");
            let name_at = lt + 1 + usize::from(closing);
            if !bytes.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
                at = lt + 1;
                continue;
            }
            let name_len = bytes[name_at..]
                .iter()
                .take_while(|b| !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>')))
                .count();
            let name = piece[name_at..name_at + name_len].to_ascii_lowercase();
            // The tag's end: the first `>` outside a quoted attribute value.
            let mut quote = None;
            let mut end = piece.len();
            for (i, b) in bytes[name_at + name_len..].iter().enumerate() {
                match (quote, b) {
                    (None, b'"' | b'\'') => quote = Some(*b),
                    (Some(q), _) if q == *b => quote = None,
                    (None, b'>') => {
                        end = name_at + name_len + i + 1;
                        break;
                    }
                    _ => {}
                }
            }
            at = end;
            if !closing && RAW_TEXT.contains(&name.as_str()) {
                // Its text is not markup: go on from its end tag, or end here.
                at = raw_text_end(piece, at, &name);
            }
            return Some(RawTag {
                at: lt..end,
                name,
                closing,
            });
        }
        at = piece.len();
        None
    })
}

/// Where the end tag of the raw-text element `name` starts at or after `from`, or the
/// piece's end: each `</` is looked at once, without lower-casing the rest of the piece.
fn raw_text_end(piece: &str, from: usize, name: &str) -> usize {
    let bytes = piece.as_bytes();
    memchr::memmem::find_iter(&bytes[from..], b"</")
        .map(|i| from + i)
        .find(|&i| {
            bytes
                .get(i + 2..i + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        })
        .unwrap_or(piece.len())
}

/// How many elements a piece of raw HTML leaves open (start tags minus end tags), so the
/// Markdown renderer can tell where a run of raw HTML is balanced and can be sanitized on
/// its own instead of with the rest of the page (ammonia parses whatever it is given, and a
/// changelog with an `<a id>` at its top and bottom would otherwise be parsed whole).
///
/// It only decides how the page is cut, never what is safe: each cut is sanitized, and the
/// sanitizer's output is a balanced fragment whatever this count says. A miscount can only
/// change how unbalanced HTML nests. So it errs towards "still open": a self-closed
/// non-void tag (`<div/>`, which browsers read as open) counts as open, and the text of
/// `<script>`, `<style>` and the other raw-text elements is skipped to its end tag.
pub fn open_elements(piece: &str) -> i64 {
    raw_tags(piece)
        .filter(|tag| !VOID.contains(&tag.name.as_str()))
        .map(|tag| if tag.closing { -1 } else { 1 })
        .sum()
}

/// How deep raw HTML may nest before further start tags are shown as text. The HTML
/// parser under the sanitizer (html5ever) walks the whole stack of open elements for many
/// tags (is a `<p>` open, in which scope?), so a page of 20,000 unclosed elements costs
/// 20,000² steps (`safety::quadratic`): seconds per page. Browsers cap the depth too
/// (Chromium's parser at 512); no page written by hand comes near it.
const MAX_NESTING: usize = 512;

/// Elements the parser closes by itself when a sibling starts (`<li>` closes the `<li>`
/// before it, `<td>` the cell before it) or that are never nested (`<body>`): they never
/// deepen the stack by repeating, so they are not counted against [`MAX_NESTING`].
const SELF_ENDING: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "rb", "rp", "rt", "rtc", "tr", "td", "th",
    "thead", "tbody", "tfoot", "caption", "colgroup", "html", "head", "body",
];

/// `html` with every start tag past [`MAX_NESTING`] open elements written as text
/// (`&lt;x>`), so that what the sanitizer parses stays linear in its length. Balanced HTML
/// of any length and any real page pass unchanged (borrowed). The count follows the
/// parser's rules loosely: an end tag closes its element and everything opened inside it;
/// an end tag of nothing open is ignored; raw-text elements are never cut (their text is
/// not markup, so they add one level at most).
pub fn cap_nesting(html: &str) -> Cow<'_, str> {
    // Fewer tags than the cap cannot reach it (the common case: no second pass).
    if memchr::memchr_iter(b'<', html.as_bytes())
        .nth(MAX_NESTING)
        .is_none()
    {
        return Cow::Borrowed(html);
    }
    let mut stack: Vec<String> = Vec::new();
    // How many of each name are on the stack, so an end tag of nothing open is ignored
    // without searching the stack (which would make this pass quadratic in turn).
    let mut open: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut out = String::new();
    let mut copied = 0;
    for tag in raw_tags(html) {
        let name = tag.name.as_str();
        if VOID.contains(&name) || SELF_ENDING.contains(&name) {
            continue;
        }
        if tag.closing {
            if open.get(name).is_some_and(|&n| n > 0) {
                while let Some(top) = stack.pop() {
                    let done = top == tag.name;
                    if let Some(n) = open.get_mut(&top) {
                        *n -= 1;
                    }
                    if done {
                        break;
                    }
                }
            }
        } else if stack.len() >= MAX_NESTING && !RAW_TEXT.contains(&name) {
            out.push_str(&html[copied..tag.at.start]);
            out.push_str("&lt;");
            copied = tag.at.start + 1;
        } else {
            *open.entry(tag.name.clone()).or_default() += 1;
            stack.push(tag.name);
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Sanitises a page body that contains raw HTML.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(&cap_nesting(html)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_capped_only_past_what_pages_reach() {
        // Real pages, however long, pass unchanged: balanced elements, lists and tables
        // whose items close themselves, raw text that looks like tags.
        let balanced = "<div><b>x</b></div>".repeat(2_000);
        let list = format!("<ul>{}</ul>", "<li>item".repeat(2_000));
        let table = format!("<table>{}</table>", "<tr><td>a<td>b".repeat(2_000));
        let script = format!("<script>{}</script>", "<x>".repeat(2_000));
        let inner = format!("<div>{}</div>", "<x>".repeat(100)).repeat(100);
        for html in [&balanced, &list, &table, &script, &inner] {
            assert!(
                matches!(cap_nesting(html), Cow::Borrowed(_)),
                "{}",
                &html[..40]
            );
        }
        // Past the cap, start tags are text; end tags and what was open stay.
        let deep = format!("{}</ri:page>", "<ri:page>a".repeat(2_000));
        let capped = cap_nesting(&deep);
        assert_eq!(capped.matches("&lt;ri:page>").count(), 2_000 - MAX_NESTING);
        assert_eq!(capped.matches("<ri:page>").count(), MAX_NESTING);
        assert!(capped.ends_with("a</ri:page>"));
        // An end tag closes what was opened inside its element, so the next ones fit again.
        let reopened = format!("<div>{}</div>", "<x>".repeat(MAX_NESTING)).repeat(3);
        assert_eq!(cap_nesting(&reopened).matches("&lt;").count(), 3);
    }

    #[test]
    fn open_elements_counts_what_a_piece_leaves_open() {
        assert_eq!(open_elements("<details><summary>Why</summary>"), 1);
        assert_eq!(open_elements("</details>"), -1);
        assert_eq!(open_elements("<a id=\"v1\"></a>"), 0);
        assert_eq!(open_elements("<br><img src=x><hr/>"), 0);
        assert_eq!(open_elements("<kbd>Ctrl</kbd>"), 0);
        // Browsers read `<div/>` as an open `<div>`.
        assert_eq!(open_elements("<div/>"), 1);
        assert_eq!(open_elements("<!-- <div> -->"), 0);
        assert_eq!(open_elements("<a title=\"x>y\" href=z>"), 1);
        assert_eq!(open_elements("<script>if (a<b) x = '</div>'</script>"), 0);
        assert_eq!(open_elements("<style>p<q{}"), 1);
        assert_eq!(open_elements("a < b and 1<2"), 0);
        assert_eq!(open_elements("<P>text"), 1);
    }

    #[test]
    fn unsafe_schemes_are_found_however_they_are_spelled() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "vbscript:msgbox",
            "data:text/html;base64,PHNjcmlwdD4=",
            "file:///etc/passwd",
        ] {
            assert!(unsafe_scheme(url, false).is_some(), "{url:?}");
        }
        for url in [
            "https://x",
            "mailto:a@b",
            "../a.md",
            "a.md#x:y",
            "#top",
            "tel:+1",
        ] {
            assert_eq!(unsafe_scheme(url, false), None, "{url:?}");
        }
        assert_eq!(unsafe_scheme("data:image/png;base64,AAAA", true), None);
        assert!(unsafe_scheme("data:image/svg+xml;base64,AAAA", true).is_some());
        assert!(unsafe_scheme("data:image/png;base64,AAAA", false).is_some());
    }

    #[test]
    fn attributes_are_scanned_with_their_positions() {
        let html = r#"<a href="x.md" id='top' data-x=1 hidden>t</a><!-- <img src="no"> --><IMG SRC=y.png/>"#;
        let attrs = scan_attributes(html);
        let got: Vec<(&str, &str, &str)> = attrs
            .iter()
            .map(|a| (a.tag.as_str(), a.name.as_str(), &html[a.value.clone()]))
            .collect();
        assert_eq!(
            got,
            vec![
                ("a", "href", "x.md"),
                ("a", "id", "top"),
                ("a", "data-x", "1"),
                ("a", "hidden", ""),
                ("img", "src", "y.png/"),
            ]
        );
    }

    #[test]
    fn the_scanner_never_loops_or_panics_on_garbage() {
        for s in [
            "<", "<a", "<a =", "<a b=\"", "<a b='x", "<!--", "<a/ / =>", "<é x=1>",
        ] {
            let _ = scan_attributes(s);
        }
    }

    #[test]
    fn image_objects_become_images_and_the_rest_are_counted_as_removed() {
        assert_eq!(
            objects_as_images(
                "<p><OBJECT title=\"A &amp; B\" data=\"x/a.SVG?v=1\" width=\"40\">fallback</Object> after</p>"
            ),
            "<p><img src=\"x/a.SVG?v=1\" alt=\"A &amp; B\" width=\"40\"> after</p>"
        );
        let other = "<object data=\"slides.pdf\"></object>";
        assert!(matches!(objects_as_images(other), Cow::Borrowed(_)));
        // Unclosed: the image is still shown, nothing after it lost.
        assert_eq!(
            objects_as_images("<object data=\"a.png\">x"),
            "<img src=\"a.png\" alt=\"\">x"
        );
        // A quote never closed: no panic, no tag read twice.
        let _ = objects_as_images(&"<object data=\"a.png ".repeat(50));
        assert_eq!(
            removed_elements(
                "<style>a{}</style><Script src=x></script>\n<object data=\"a.svg\"></object><object data=\"b.pdf\"></object><styles>"
            ),
            [(0, "style"), (18, "script"), (72, "object")]
        );
    }

    #[test]
    fn placeholder_tags_are_those_no_element_has() {
        for piece in ["<command>", "</subcommand>", "<file_name>", " <title2>\n"] {
            assert!(is_placeholder_tag(piece), "{piece}");
        }
        for piece in [
            "<kbd>",
            "</details>",
            "<br>",
            "<my-card>",
            "<Tabs>",
            "<b class=\"x\">",
            "<command x>",
            "<h1>",
            "<>",
            "</>",
            "<1x>",
        ] {
            assert!(!is_placeholder_tag(piece), "{piece}");
        }
    }

    #[test]
    fn sanitizer_keeps_what_github_keeps_and_drops_scripts() {
        let html = sanitize(
            r#"<details><summary>More</summary><p><kbd>Ctrl</kbd> x<sup>2</sup>H<sub>2</sub></p></details>
<table><tr><td style="text-align: center">a</td></tr></table>
<a name="legacy" id="x" href="page.html">l</a><img src="a.png" alt="A" onerror="alert(1)">
<script>alert(1)</script><style>body{}</style><iframe src="https://evil"></iframe>
<p onclick="alert(1)" style="position:fixed">p</p><p dir="rtl">متن فارسی</p>"#,
        );
        for kept in [
            "<details>",
            "<summary>More</summary>",
            "<kbd>Ctrl</kbd>",
            "<sup>2</sup>",
            "<sub>2</sub>",
            "style=\"text-align: center\"",
            "name=\"legacy\"",
            "id=\"x\"",
            "href=\"page.html\"",
            "<img src=\"a.png\" alt=\"A\">",
            "<p dir=\"rtl\">متن فارسی</p>",
        ] {
            assert!(html.contains(kept), "{kept} missing from {html}");
        }
        for gone in [
            "<script",
            "alert",
            "<style",
            "<iframe",
            "onclick",
            "position:fixed",
            "onerror",
        ] {
            assert!(!html.contains(gone), "{gone} kept in {html}");
        }
    }

    #[test]
    fn raw_urls_are_resolved_neutralised_and_ids_collected() {
        let piece = r#"<a href="guide.md#x" id="a1">g</a><img src="javascript:alert(1)"><a href="https://x">e</a>"#;
        let text = format!("body\n{piece}");
        let ctx = RawContext {
            file: "content/p.md",
            text: &text,
            offset: 5,
            values: &[],
        };
        let mut anchors = Vec::new();
        let mut diags = Vec::new();
        let mut seen = Vec::new();
        let out = process_raw(
            piece,
            &ctx,
            &mut anchors,
            &mut |url, span| {
                seen.push((url.to_string(), text[span].to_string()));
                // Like the Markdown resolver: external URLs are kept as written.
                if url.starts_with("https:") {
                    RawUrl::Keep
                } else {
                    RawUrl::To("guide.html#x".into())
                }
            },
            &mut diags,
        );
        assert_eq!(
            out,
            r##"<a href="guide.html#x" id="a1">g</a><img src="#"><a href="https://x">e</a>"##
        );
        assert_eq!(anchors, vec!["a1"]);
        assert_eq!(
            seen,
            vec![
                ("guide.md#x".to_string(), "guide.md#x".to_string()),
                ("https://x".to_string(), "https://x".to_string())
            ]
        );
        assert_eq!(diags.len(), 1);
        assert_eq!((diags[0].code, diags[0].line), ("unsafe-url", 2));
    }
}
