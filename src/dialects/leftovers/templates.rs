//! Template tags other generators leave in a page: Liquid and Nunjucks tags and links (`{% link
//! %}`, `{{ site.baseurl }}`), Hugo shortcodes (`{{< ref >}}`, tabs, built-ins), GitBook's and
//! Hugo's highlight blocks, and the mentions some wikis write as tags: what each is and, where
//! it names a page, the path it names.

use super::*;

/// The inside of a Hugo shortcode, `{{< name args >}}` or `{{% name args %}}` → `name
/// args`, trimmed; `None` for other text.
/// The inside of a Liquid tag that is the whole line (`{% hint style="info" %}` →
/// `hint style="info"`), `{%-` and `-%}` included.
pub(super) fn liquid_tag(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("{%")?.strip_suffix("%}")?;
    Some(inner.trim_start_matches('-').trim_end_matches('-').trim())
}

/// Whether `range` of `body` is a whole line (a shortcode or tag alone on its line).
pub(super) fn alone_on_line(body: &str, range: &Range<usize>) -> bool {
    let line_start = range.start == 0 || body.as_bytes()[range.start - 1] == b'\n';
    let line_end = body[range.end..].starts_with(['\n', '\r']) || range.end == body.len();
    line_start && line_end
}

/// The value of `key="…"` in a shortcode's or tag's arguments.
pub(super) fn quoted_attr<'a>(args: &'a str, key: &str) -> Option<&'a str> {
    args.split_once(&format!("{key}=\""))
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(v, _)| v.trim())
}

/// Whether a label can be written back as Markdown (`**label**`) without meaning more.
pub(super) fn plain_label(t: &str) -> bool {
    !t.is_empty() && !t.contains(['*', '_', '`', '[', ']', '<', '>', '\\', '&', '{', '}'])
}

/// GitBook's block tags that only arrange what is between them, alone on their line: what
/// to write in the line's place (always shorter than it). Tabs (`{% tabs %}`, `{% tab
/// title="macOS" %}`) become each tab's label in bold above its content, as Docusaurus
/// and Hugo tabs are drawn; `{% content-ref %}` (around a link already in the page),
/// `{% code title="…" %}` (around a code block, its title in italics above it) and
/// `{% stepper %}`/`{% step %}` go; `{% embed url="…" %}` is a link to its address.
pub(super) fn gitbook_line(body: &str, range: Range<usize>) -> Option<String> {
    if !alone_on_line(body, &range) {
        return None;
    }
    let inner = liquid_tag(&body[range])?;
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let attr = |key: &str| quoted_attr(args, key);
    match name {
        "tabs" | "endtabs" | "endtab" | "content-ref" | "endcontent-ref" | "endembed"
        | "endcode" | "stepper" | "endstepper" | "step" | "endstep" => Some(String::new()),
        "tab" => attr("title")
            .filter(|t| plain_label(t))
            .map(|t| format!("**{t}**")),
        "code" => Some(
            attr("title")
                .filter(|t| plain_label(t))
                .map(|t| format!("*{t}*"))
                .unwrap_or_default(),
        ),
        "embed" => attr("url")
            .filter(|u| u.starts_with("https://") && !u.contains(['<', '>', ' ']))
            .map(|u| format!("<{u}>")),
        _ => None,
    }
}

pub(super) fn shortcode(text: &str) -> Option<&str> {
    let inner = text
        .strip_prefix("{{<")
        .and_then(|t| t.strip_suffix(">}}"))
        .or_else(|| text.strip_prefix("{{%").and_then(|t| t.strip_suffix("%}}")))?;
    Some(inner.trim())
}

/// A Hugo cross-reference as a link's destination, `[x]({{< ref "setup.md" >}})` (or
/// `relref`, or `{{% … %}}`), as the destination to write in its place: `<setup.md>`,
/// which orgbook resolves like any link (the shortcode's own range is at least as long,
/// so offsets hold). Anywhere else a shortcode stays a reported leftover.
pub(super) fn hugo_ref(body: &str, range: Range<usize>) -> Option<String> {
    if !body[..range.start].ends_with("](") || !body[range.end..].starts_with(')') {
        return None;
    }
    hugo_ref_target(&body[range]).map(|path| format!("<{path}>"))
}

/// The path a Hugo cross-reference names: `{{< ref "setup.md" >}}` (or `relref`, or
/// `{{% … %}}`) → `setup.md`; `None` for any other text.
pub fn hugo_ref_target(shortcode_text: &str) -> Option<&str> {
    let inner = shortcode(shortcode_text)?;
    let path = inner
        .strip_prefix("relref")
        .or_else(|| inner.strip_prefix("ref"))?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')?;
    (!path.is_empty() && !path.contains(['"', '<', '>', '\\', '\n'])).then_some(path)
}

/// A link's address written with Liquid, as a link's destination (`[x](…)`, `![x](…)`) or
/// an HTML attribute's value (`href="…"`, `src="…"`): Jekyll's `{% link guide/setup.md %}`
/// and `{% post_url 2024-03-04-new-office %}` (the post, `/_posts/2024-03-04-new-office`),
/// an Eleventy site's `{% page "/tools/slack/" %}` shortcode (18F's handbook), and the URL
/// filters `{{ "/guide/setup/" | relative_url }}` (`absolute_url`, Eleventy's `url`,
/// `prepend: site.baseurl`). Each names a path from the site's root, which is `content/`
/// once the pages are moved in, so the destination to write in the syntax's place is that
/// path from the top, which resolves and is checked like any link (never longer than the
/// syntax, so offsets hold). A site-root variable before a path (`{{ site.baseurl }}/x`,
/// `{{ site.baseurl }}{% link x.md %}`) is nothing once moved: `Some("")`, to blank. `None`
/// anywhere else, or for a path built from variables, which stays a reported leftover.
pub(super) fn liquid_link(body: &str, range: Range<usize>) -> Option<String> {
    let (start, end) = (range.start, range.end);
    let syntax = &body[range];
    let after = &body[end..];
    let quote = link_destination_quote(body, start)?;
    let closes = |after: &str| match quote {
        Some(q) => after.starts_with(q),
        None => after.starts_with([')', '#', '?']) || after.starts_with(" \""),
    };
    if site_root_variable(syntax) {
        // Followed by the rest of the path: a `/`, or the tag or filter that writes it.
        let rest = after.starts_with('/') || after.starts_with("{%") || after.starts_with("{{");
        return rest.then(String::new);
    }
    let path = liquid_path(syntax)?;
    if !closes(after) || path.contains(['<', '>', '"', '\'', '\\', '{', '}', '\n']) {
        return None;
    }
    let path = if path.contains("://") || path.starts_with('#') {
        path.to_string()
    } else {
        format!("/{}", path.trim_start_matches('/'))
    };
    let spaced = path.contains(char::is_whitespace) || path.contains(['(', ')']);
    let text = match (spaced, quote) {
        (false, _) | (true, Some(_)) => path,
        // CommonMark's `<…>` holds spaces and parentheses, if it is the whole destination.
        (true, None) if after.starts_with(')') => format!("<{path}>"),
        (true, None) => return None,
    };
    if text.len() > syntax.len() {
        return None;
    }
    // The rest of the address (`#setup`) follows at once: the spaces that keep the
    // offsets go before the path, where CommonMark allows them.
    Some(match quote {
        None if !after.starts_with([')', ' ']) => " ".repeat(syntax.len() - text.len()) + &text,
        _ => text,
    })
}

/// Whether `at` starts a link's destination: after `](`, or after a site-root variable
/// there (`{{ site.url }}{{ site.baseurl }}{% link x.md %}`); `Some(None)`. In an HTML
/// attribute's value, `href="…"` or `src='…'`: `Some(Some(quote))`.
pub(super) fn link_destination_quote(body: &str, at: usize) -> Option<Option<char>> {
    let mut before = &body[..at];
    // At most two variables before the path: no walk back over a line of expressions.
    for _ in 0..3 {
        if before.ends_with("](") {
            return Some(None);
        }
        for (attr, q) in [
            ("href=\"", '"'),
            ("src=\"", '"'),
            ("href='", '\''),
            ("src='", '\''),
        ] {
            if before.ends_with(attr) {
                return Some(Some(q));
            }
        }
        let open = before
            .strip_suffix("}}")
            .and_then(|b| b.get(b.len().saturating_sub(40)..))
            .and_then(|tail| tail.rfind("{{").map(|k| before.len() - 2 - tail.len() + k))?;
        if !site_root_variable(&before[open..]) {
            return None;
        }
        before = &before[..open];
    }
    None
}

/// Whether an expression is the site's root address, Jekyll's `{{ site.baseurl }}` or
/// `{{ site.url }}` (without a filter), which is empty once the pages are moved in.
pub(super) fn site_root_variable(expression: &str) -> bool {
    let Some(inner) = expression
        .strip_prefix("{{")
        .and_then(|e| e.strip_suffix("}}"))
    else {
        return false;
    };
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    matches!(inner, "site.baseurl" | "site.url")
}

/// The path a Liquid link tag or URL filter names, as written: `guide/setup.md` for
/// `{% link guide/setup.md %}`, `/tools/slack/` for `{% page "/tools/slack/" %}` or
/// `{{ "/tools/slack/" | relative_url }}`, `_posts/2024-03-04-x` for `{% post_url
/// 2024-03-04-x %}`. `None` for any other tag or expression.
pub(super) fn liquid_path(syntax: &str) -> Option<String> {
    let unquote = |s: &str| -> Option<String> {
        let s = s.trim();
        let inner = s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .or_else(|| s.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')));
        match inner {
            Some(inner) => Some(inner.to_string()),
            // Unquoted, as Jekyll's tags take it: one word, no variable.
            None => {
                (!s.is_empty() && !s.contains(char::is_whitespace) && !s.contains(['"', '\'', '|']))
                    .then(|| s.to_string())
            }
        }
    };
    if let Some(tag) = liquid_tag(syntax) {
        let (name, arg) = tag_name(tag);
        return match name {
            "link" | "page" => unquote(arg).filter(|p| !p.is_empty()),
            "post_url" => unquote(arg)
                .filter(|p| !p.is_empty() && !p.contains(char::is_whitespace))
                .map(|p| format!("_posts/{}", p.trim_start_matches('/'))),
            _ => None,
        };
    }
    let inner = syntax.strip_prefix("{{")?.strip_suffix("}}")?;
    let inner = inner.trim_start_matches('-').trim_end_matches('-').trim();
    let (value, filter) = inner.split_once('|')?;
    let filter = filter.trim();
    let known = matches!(filter, "relative_url" | "absolute_url" | "url")
        || filter
            .strip_prefix("prepend:")
            .is_some_and(|v| site_root_variable(&format!("{{{{{}}}}}", v.trim())));
    let value = value.trim();
    (known && (value.starts_with('"') || value.starts_with('\'')))
        .then(|| unquote(value))
        .flatten()
}

/// A Hugo tabs shortcode alone on its line (the Book theme's `{{< tabs "id" >}}`, `{{< tab
/// "macOS" >}}`, `{{< /tab >}}`, `{{< /tabs >}}`; Docsy's `{{< tabpane >}}` and `{{% tab
/// header="macOS" %}}`): what to write in its place, the tab's label in bold (`**macOS**`,
/// always shorter than the line) or nothing, so each tab's content is shown under its label
/// as Docusaurus tabs are (load/mdx.rs).
pub(super) fn hugo_tab(body: &str, range: Range<usize>) -> Option<String> {
    if !alone_on_line(body, &range) {
        return None;
    }
    let inner = shortcode(&body[range])?;
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    match name {
        "tabs" | "/tabs" | "/tab" | "tabpane" | "/tabpane" => Some(String::new()),
        "tab" => {
            let args = args.trim();
            let label = quoted_attr(args, "header")
                .or_else(|| args.strip_prefix('"')?.split_once('"').map(|(l, _)| l))?
                .trim();
            plain_label(label).then(|| format!("**{label}**"))
        }
        _ => None,
    }
}

/// A code block Jekyll or Hugo writes with a tag of its own, each tag alone on its line:
/// `{% highlight ruby linenos %}` … `{% endhighlight %}`, or
/// `{{< highlight go "linenos=table" >}}` … `{{< /highlight >}}`; and a Mermaid diagram
/// written as Hugo themes (`{{< mermaid >}}` … `{{< /mermaid >}}`), jekyll-mermaid
/// (`{% mermaid %}` … `{% endmermaid %}`) or an Azure DevOps wiki (`::: mermaid` … `:::`)
/// write it. Its opening line is written as a fence in its language (```` ```ruby ````,
/// ```` ```mermaid ````, never longer than the tag), its closing line as ```` ``` ````, and
/// the lines between are code: never scanned for template syntax (a Mermaid hexagon,
/// `{{Alerting}}`, is not a Liquid expression).
pub(super) struct HighlightBlock {
    pub(super) open: Range<usize>,
    pub(super) close: Range<usize>,
    pub(super) lang: String,
}

/// The highlight blocks of `body` (see [`HighlightBlock`]), in order; one never closed is
/// not one.
pub(super) fn highlight_blocks(body: &str) -> Vec<HighlightBlock> {
    let mut out: Vec<HighlightBlock> = Vec::new();
    let words = crate::finder!(b"highlight")
        .find_iter(body.as_bytes())
        .chain(crate::finder!(b"mermaid").find_iter(body.as_bytes()))
        .chain(crate::finder!(b"{math}").find_iter(body.as_bytes()));
    let mut words: Vec<usize> = words.collect();
    words.sort_unstable();
    // The start of each word's line, found scanning back only as far as the previous
    // word: a page that is one long line of them is read once, not once per word.
    let mut starts: Vec<usize> = Vec::new();
    let mut scanned = 0;
    let mut line_start = 0;
    for at in words {
        if let Some(n) = memchr::memrchr(b'\n', &body.as_bytes()[scanned..at]) {
            line_start = scanned + n + 1;
        }
        scanned = at;
        if starts.last() != Some(&line_start) {
            starts.push(line_start);
        }
    }
    // Closers looked for up to the end of the body and not found: none is after any later
    // opener either, so a page of unclosed tags is scanned once, not once per tag.
    let mut never_closed: Vec<&[&str]> = Vec::new();
    for start in starts {
        if out.last().is_some_and(|b| start < b.close.end) {
            continue;
        }
        let end = body[start..].find('\n').map_or(body.len(), |n| start + n);
        let line = body[start..end].trim_end_matches('\r');
        let open = start..start + line.len();
        let (lang, closer): (&str, &[&str]) = if let Some(inner) = liquid_tag(line) {
            match tag_name(inner) {
                ("highlight", args) => (args, &["endhighlight"]),
                ("mermaid", _) => ("mermaid", &["endmermaid"]),
                _ => continue,
            }
        } else if let Some(inner) = shortcode(line) {
            match tag_name(inner) {
                ("highlight", args) => (args, &["/highlight"]),
                ("mermaid", _) => ("mermaid", &["/mermaid"]),
                _ => continue,
            }
        } else if let Some(rest) = line.strip_prefix(":::") {
            // Azure DevOps's `::: mermaid`; MyST's colon fences of a diagram or a formula,
            // which its code fences write the same (```` ```{math} ````, options and all).
            match rest.trim() {
                "mermaid" => ("mermaid", &[":::"]),
                directive @ ("{mermaid}" | "{math}") => (directive, &[":::"]),
                _ => continue,
            }
        } else {
            continue;
        };
        if never_closed.contains(&closer) {
            continue;
        }
        let lang = lang
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches('"');
        let myst = lang.starts_with('{');
        if !myst
            && !lang
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-_.#".contains(&b))
        {
            continue;
        }
        let mut line_start = end + 1;
        while line_start < body.len() {
            let line_end = body[line_start..]
                .find('\n')
                .map_or(body.len(), |n| line_start + n);
            let text = body[line_start..line_end].trim_end_matches('\r');
            let tag = liquid_tag(text)
                .or_else(|| shortcode(text))
                .or_else(|| (text.trim_end() == ":::").then_some(":::"));
            if tag.is_some_and(|t| closer.contains(&t)) {
                out.push(HighlightBlock {
                    open: open.clone(),
                    close: line_start..line_start + text.len(),
                    lang: lang.to_string(),
                });
                break;
            }
            line_start = line_end + 1;
        }
        if line_start >= body.len() {
            never_closed.push(closer);
        }
    }
    out
}

/// A tag's name and what follows it: `highlight ruby linenos` → (`highlight`,
/// `ruby linenos`), `mermaid class="x"` → (`mermaid`, `class="x"`).
pub(super) fn tag_name(inner: &str) -> (&str, &str) {
    inner.split_once(char::is_whitespace).unwrap_or((inner, ""))
}

/// GitLab's handbook shortcode `{{< member-by-name "Nell Arden" >}}` (in a team page's
/// table of stable counterparts), which draws the person from the handbook's data files,
/// as the name it names: the person stays on the page where their profile cannot.
/// `None` for another shortcode, or a name that would mean more as Markdown.
pub(super) fn handbook_member(body: &str, range: Range<usize>) -> Option<String> {
    let inner = shortcode(&body[range])?;
    let name = inner
        .strip_prefix("member-by-name")?
        .trim()
        .strip_prefix('"')?
        .strip_suffix('"')?
        .trim();
    (plain_label(name) && !name.contains('"')).then(|| name.to_string())
}

/// Hugo's built-in `figure` shortcode alone on its line, `{{< figure src="org.png" alt="…"
/// caption="…" >}}`, as the Markdown to write in its place: the image and its caption in
/// italics beside it (`![alt](org.png) *caption*`, never longer than the shortcode).
/// Quarto's `{{< video https://… title="…" >}}` is a link to the video, titled by its
/// `title` (else the address itself), as a link fits where the shortcode was and
/// needs no player the page's HTML policy may refuse.
/// `None` for another shortcode, or a figure whose values would need escaping. (Hugo's
/// embeds, `{{< youtube id >}}` and the like, stay reported: their addresses are longer
/// than the shortcode, so no link fits in its place.)
pub(super) fn hugo_builtin(body: &str, range: Range<usize>) -> Option<String> {
    if !alone_on_line(body, &range) {
        return None;
    }
    let len = range.len();
    let inner = shortcode(&body[range])?;
    let (name, args) = inner.split_once(char::is_whitespace).unwrap_or((inner, ""));
    let text = match name {
        "figure" => {
            let src = quoted_attr(args, "src").filter(|s| {
                !s.is_empty() && !s.contains(|c: char| c.is_whitespace() || "()<>\\".contains(c))
            })?;
            let text = |key| quoted_attr(args, key).filter(|t| !t.is_empty());
            let alt = text("alt").or_else(|| text("title")).unwrap_or("");
            if !alt.is_empty() && !plain_label(alt) {
                return None;
            }
            let caption =
                text("caption").or_else(|| text("title").filter(|_| text("alt").is_some()));
            match caption {
                Some(c) if plain_label(c) => format!("![{alt}]({src}) *{c}*"),
                Some(_) => return None,
                None => format!("![{alt}]({src})"),
            }
        }
        "video" => {
            let first = args.split_whitespace().next()?;
            let src = match quoted_attr(args, "src") {
                Some(src) => src,
                // An address may hold `=` (`watch?v=…`); an argument is `key="…"`.
                None if !first.contains("=\"") => first.trim_matches(['"', '\'']),
                None => return None,
            };
            if src.is_empty()
                || src.contains(|c: char| c.is_whitespace() || "()<>\\\"'".contains(c))
            {
                return None;
            }
            let web = src.starts_with("https://") || src.starts_with("http://");
            match quoted_attr(args, "title").filter(|t| plain_label(t)) {
                Some(title) => format!("[{title}]({src})"),
                None if web => format!("<{src}>"),
                None => format!("[Video]({src})"),
            }
        }
        _ => return None,
    };
    (text.len() <= len).then_some(text)
}

/// Python-Markdown (MkDocs) lines at the start of a line: admonitions (`!!!`, `???`,
/// `???+` and a type), Material's content tabs (`=== "Title"`), snippet includes
/// (`--8<--`) and the `[TOC]` marker (which orgbook's own table of contents replaces), over
/// the line without its break (and its indent). An admonition or tab that can be drawn
/// ([`drawable_body`]) is a [`Kind::MkDocsBlock`]; other admonitions, snippets and `[TOC]`
/// are [`Kind::MkDocs`] (an undrawable tab is left as text, as before tabs were drawn).
/// Found only in bodies that hold one of the markers at all.
///
/// Lines are looked for at the start of a line and, nested, at the body's column (4 more)
/// of a drawable block, outside fenced code in that body: each comes with where its
/// parent's marker is, and counts only if the parent is drawn (else its line is code).
/// An Azure DevOps wiki's mention, `@<Jane Doe>` (or `@<` and a user's id `>`), the
/// `<…>` part starting at `at`: its end. To CommonMark the brackets are an HTML tag
/// (`<Jane Doe>`), which the sanitizer drops with the name; written as `@Jane Doe` it reads
/// as the wiki shows it. Only a name with a space, or an id, is one: `@<b>` stays a tag.
pub(super) fn azure_mention(body: &str, at: usize) -> Option<usize> {
    let bytes = body.as_bytes();
    if at == 0 || bytes[at - 1] != b'@' || bytes.get(at) != Some(&b'<') {
        return None;
    }
    let len = bytes[at + 1..].iter().take(101).position(|&b| b == b'>')?;
    let name = &body[at + 1..at + 1 + len];
    let plain = !name.is_empty()
        && !name.contains(['<', '\n', '"', '\'', '=', ':', '/'])
        && name.trim() == name;
    let person = name.contains(' ') && name.starts_with(|c: char| c.is_alphabetic());
    let id = name.len() == 36
        && name.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
        && name.bytes().filter(|&b| b == b'-').count() == 4;
    (plain && (person || id)).then_some(at + 2 + len)
}
