//! How each generator writes an include: the line or directive that asks for another file
//! (MyST's `{include}`, pymdownx's `--8<--`, Liquid's `{% include %}`, Hugo's shortcodes,
//! Docusaurus's partial imports, VitePress, docsify, DocFX, Mintlify and mdBook), read into the
//! path and the part of the file it names.

use super::*;

/// How a Hugo include shortcode is named in messages.
pub(super) const HUGO_INCLUDE: &str = "a Hugo include shortcode";

/// How far past a directive's opening line its closing fence (or a snippet block's end
/// marker) is looked for: an unclosed one must not make every later line a search.
pub(super) const MAX_DIRECTIVE_LINES: usize = 256;

/// A Docusaurus partial's import, `import Steps from './_steps.mdx';`: the component's
/// name and the file (a path from the page, or `@site/…` from the site's root, where
/// `docs/` is `content/` once moved in).
pub fn partial_import(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix("import ")?;
    let (name, from) = rest.split_once(" from ")?;
    let name = name.trim();
    let from = unquote(from.trim().trim_end_matches(';'));
    let identifier = name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    (identifier && crate::load::is_markdown(from)).then_some((name, from))
}

/// The partials a body imports, by component name, each as a path for [`Expander::myst`]
/// (relative to the page, or `/x` from content/).
pub(super) fn partials(body: &str) -> Vec<(String, String)> {
    body.lines()
        .filter_map(partial_import)
        .map(|(name, from)| {
            let path = match from.strip_prefix("@site/") {
                Some(rest) => match rest.strip_prefix("docs/") {
                    Some(in_docs) => format!("/{in_docs}"),
                    None => format!("/../{rest}"),
                },
                None => from.to_string(),
            };
            (name.to_string(), path)
        })
        .collect()
}

/// The component a line uses alone, `<Steps />` (props are not read): its name.
pub(super) fn component_use(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix('<')?.strip_suffix("/>")?.trim();
    inner.split_whitespace().next()
}

/// The Markdown file a Liquid include line names: GitBook's `{% include "../.gitbook/
/// includes/steps.md" %}` and Jekyll's `{% include_relative part.md %}`, both relative to
/// the page. Jekyll's `{% include footer.html %}` (a template from `_includes/`) is not.
pub(super) fn liquid_include(line: &str) -> Option<&str> {
    let inner = line
        .trim()
        .strip_prefix("{%")?
        .strip_suffix("%}")?
        .trim_matches('-')
        .trim();
    let path = inner
        .strip_prefix("include_relative ")
        .or_else(|| inner.strip_prefix("include "))?
        .trim();
    let path = unquote(path);
    (crate::load::is_markdown(path) && !path.contains(char::is_whitespace)).then_some(path)
}

/// The Markdown file a VitePress include line names, `<!--@include: ./parts/intro.md-->`,
/// as a path for [`Expander::myst`]: relative to the page, or to `content/` (VitePress's
/// source folder) when it starts `@/`. Not one that asks for a region or lines of the file
/// (`#region`, `{3,}`), which is left as the comment it is.
pub(super) fn vitepress_include(line: &str) -> Option<String> {
    let path = line
        .trim()
        .strip_prefix("<!--@include:")?
        .strip_suffix("-->")?
        .trim();
    vitepress_path(path).filter(|p| crate::load::is_markdown(p))
}

/// The file a VitePress snippet line imports as code, `<<< @/snippets/deploy.sh`
/// (a highlight, `{2}`, and a tab label, `[deploy.sh]`, after it are ignored), as a path
/// for [`Expander::myst`]; not one that asks for a region (`#region`).
pub(super) fn vitepress_snippet(line: &str) -> Option<String> {
    let rest = line.trim().strip_prefix("<<< ")?.trim();
    let path = rest.split_whitespace().next()?;
    let path = path.split_once('{').map_or(path, |(p, _)| p);
    vitepress_path(path)
}

/// A VitePress path: `@/x` from the source folder (`/x` here), else as written; none
/// with a region or spaces.
pub(super) fn vitepress_path(path: &str) -> Option<String> {
    if path.is_empty() || path.contains(['#', '{', ' ', '<', '>', '"']) {
        return None;
    }
    Some(path.strip_prefix('@').unwrap_or(path).to_string())
}

/// The Markdown file a Hugo include shortcode line names: `{{% include "path" %}}` (or
/// `{{< … >}}`), the shortcode GitLab's handbook and many sites define, and Docsy's
/// `{{% readfile file="path" %}}` (not with `code="true"`, which shows the file as code).
/// Hugo has no built-in include, so where the path is relative to is each site's choice:
/// see [`Expander::hugo_include_path`].
pub(super) fn hugo_include(line: &str) -> Option<&str> {
    let t = line.trim();
    let inner = t
        .strip_prefix("{{%")
        .and_then(|r| r.strip_suffix("%}}"))
        .or_else(|| t.strip_prefix("{{<").and_then(|r| r.strip_suffix(">}}")))?
        .trim();
    let path = if let Some(rest) = inner.strip_prefix("include ") {
        unquote(rest.trim())
    } else {
        let rest = inner.strip_prefix("readfile ")?.trim();
        let mut file = None;
        for param in rest.split_whitespace() {
            match param.split_once('=') {
                Some(("file", v)) => file = Some(unquote(v)),
                Some(("code", v)) if unquote(v) == "true" => return None,
                None if file.is_none() => file = Some(unquote(param)),
                _ => {}
            }
        }
        file?
    };
    (crate::load::is_markdown(path) && !path.contains(char::is_whitespace)).then_some(path)
}

/// The file a docsify include names, a link alone on its line whose title asks for it:
/// `[terms](shared/terms.md ':include')` (or `":include"`), as a path for
/// [`Expander::myst`] (relative to the page, `/x` from content/, docsify's base), and
/// whether it is shown as code: asked for with `:type=code`, or any file but Markdown.
/// Not one from the web, nor one naming a part of the file (`#id`): they stay links.
pub(super) fn docsify_include(line: &str) -> Option<(&str, bool)> {
    let inner = line.trim().strip_prefix('[')?.strip_suffix(')')?;
    let (_, target) = inner.split_once("](")?;
    let (path, title) = target.trim().split_once(char::is_whitespace)?;
    let title = title.trim();
    let options = title
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .or_else(|| title.strip_prefix('"').and_then(|t| t.strip_suffix('"')))?;
    let mut options = options.split_whitespace();
    if options.next() != Some(":include") {
        return None;
    }
    let code = options.any(|o| o == ":type=code");
    let path = path.trim_start_matches('<').trim_end_matches('>');
    if path.is_empty() || path.contains("://") || path.contains(['#', '?', '"', '\'']) {
        return None;
    }
    Some((path, code || !crate::load::is_markdown(path)))
}

/// The Markdown file a DocFX include line names, `[!INCLUDE [title](../includes/x.md)]`
/// (`INCLUDE` in any case, the title often empty), as a path for [`Expander::myst`]:
/// relative to the page, or from DocFX's project root (`content/` once moved in) when it
/// starts `~/`. DocFX's inline form, within a line of text, is not read.
pub(super) fn docfx_include(line: &str) -> Option<String> {
    let t = line.trim();
    let inner = t
        .get(..9)
        .filter(|s| s.eq_ignore_ascii_case("[!include"))
        .map(|_| &t[9..])?
        .strip_suffix(']')?
        .trim_start();
    let target = inner
        .strip_prefix('[')?
        .split_once("](")?
        .1
        .strip_suffix(')')?;
    let path = target.trim().trim_start_matches('<').trim_end_matches('>');
    let path = path
        .split_once(char::is_whitespace)
        .map_or(path, |(p, _)| p);
    if path.is_empty() || path.contains("://") || path.contains(['#', '?', '"']) {
        return None;
    }
    let path = match path.strip_prefix("~/") {
        Some(rest) => format!("/{rest}"),
        None => path.to_string(),
    };
    crate::load::is_markdown(&path).then_some(path)
}

/// The Markdown file a Mintlify snippet line names, `<Snippet file="profile/ash.mdx" />`:
/// a path in the site's `snippets/` folder (`content/snippets/` once moved in).
pub(super) fn mintlify_snippet(line: &str) -> Option<&str> {
    let inner = line.trim().strip_prefix("<Snippet ")?.strip_suffix("/>")?;
    let path = inner
        .split_once("file=\"")?
        .1
        .split_once('"')?
        .0
        .trim()
        .trim_start_matches('/');
    let plain = !path.is_empty() && !path.contains(char::is_whitespace) && !path.contains("..");
    (plain && crate::load::is_markdown(path)).then_some(path)
}

/// A MyST include directive, as read from its fence.
pub(super) struct Directive<'a> {
    pub(super) name: &'a str,
    /// How messages name it: `{include}`, `{% include %}`.
    pub(super) shown: &'static str,
    pub(super) arg: &'a str,
    /// Its opening line, where problems are reported.
    pub(super) at: Range<usize>,
    pub(super) options: Vec<(String, String)>,
}

impl Directive<'_> {
    pub(super) fn option(&self, name: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The options of the directive whose opening line ends at `line_end`, up to `block_end`.
pub(super) fn directive_options(
    text: &str,
    line_end: usize,
    block_end: usize,
) -> Vec<(String, String)> {
    if line_end >= text.len() {
        return Vec::new();
    }
    crate::dialects::myst::options(&text[..block_end], line_end)
        .into_iter()
        .map(|(_, pair)| pair)
        .filter(|(n, _)| !n.is_empty())
        .map(|(n, v)| (n, unquote(&v).to_string()))
        .collect()
}

/// A value without the quotes YAML or Sphinx authors put around it.
pub(super) fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if v.len() >= 2 && v.starts_with(q) && v.ends_with(q) {
            return &v[1..v.len() - 1];
        }
    }
    v
}

/// A line that is a pymdownx.snippets construct.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Snippet<'a> {
    /// `--8<-- "file.md"`, after `space` (its indentation).
    One { space: &'a str, name: &'a str },
    /// `--8<--` alone: a block of file names until the next one.
    BlockMarker { space: &'a str },
    /// `;--8<-- …`: written to show the syntax; one `;` is removed.
    Escaped(String),
}

/// The snippet construct on `line`, by pymdownx's rule: dashes, `8<`, dashes, then
/// nothing, or one quoted name and nothing after it.
pub(super) fn snippet_line(line: &str) -> Option<Snippet<'_>> {
    let trimmed = line.trim_start_matches([' ', '\t']);
    let space = &line[..line.len() - trimmed.len()];
    let escapes = trimmed.bytes().take_while(|&b| b == b';').count();
    let marker = &trimmed[escapes..];
    let dashes = marker.bytes().take_while(|&b| b == b'-').count();
    let rest = marker[dashes..].strip_prefix("8<")?;
    let after = rest.bytes().take_while(|&b| b == b'-').count();
    if dashes == 0 || after == 0 {
        return None;
    }
    let rest = &rest[after..];
    let body = rest.trim_end();
    let one = if body.is_empty() {
        Some(Snippet::BlockMarker { space })
    } else {
        let name = body.trim_start_matches([' ', '\t']);
        let quote = name.chars().next()?;
        let inner = if (quote == '"' || quote == '\'') && name.len() >= 2 && name.ends_with(quote) {
            &name[1..name.len() - 1]
        } else {
            return None;
        };
        (body.len() > name.len() && !inner.is_empty() && !inner.contains(quote))
            .then_some(Snippet::One { space, name: inner })
    }?;
    if escapes > 0 {
        let mut unescaped = line.to_string();
        unescaped.remove(space.len());
        return Some(Snippet::Escaped(unescaped));
    }
    Some(one)
}

/// An mdBook helper that includes a file, ending its line: `{{#include path}}`,
/// `{{#rustdoc_include path}}` (its hidden lines are not shown, so it shows what `include`
/// does) or `{{#playground path attributes}}` (the file as a Rust code block).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct MdbookInclude<'a> {
    /// The text before the helper, which mdBook repeats before every included line (the
    /// indentation of a list item, a quote's `> `).
    pub(super) lead: &'a str,
    pub(super) path: String,
    pub(super) part: Part<'a>,
    /// A playground's code block attributes (`editable`, `no_run`).
    pub(super) playground: Option<Vec<&'a str>>,
}

/// The include helper ending `line`, by mdBook's rule: `{{`, the helper's name after `#`,
/// its argument up to `}}`. A path may be quoted (`"a file.md"`, with `\"` inside); a
/// `:` after it asks for lines (`:3` one line, `:3:7`, `:3:`, `::7`) or an anchor's part
/// (`:setup`). `\{{#include …}}` is written to show the syntax: not a helper.
pub(super) fn mdbook_include(line: &str) -> Option<MdbookInclude<'_>> {
    let open = line.find("{{")?;
    let lead = &line[..open];
    if lead.ends_with('\\') {
        return None;
    }
    let inner = line[open + 2..].trim_start().strip_prefix('#')?;
    let close = inner.find("}}")?;
    if !line[open..].trim_end().ends_with("}}") || inner[..close].contains('}') {
        return None;
    }
    let after = &inner[close + 2..];
    if !after.trim().is_empty() {
        return None;
    }
    let inner = &inner[..close];
    let name_len = inner
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    let (name, rest) = inner.split_at(name_len);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim();
    let (path, after_path) = if let Some(quoted) = rest.strip_prefix('"') {
        let mut path = String::new();
        let mut chars = quoted.char_indices();
        let mut end = None;
        while let Some((i, c)) = chars.next() {
            match c {
                '\\' => path.extend(chars.next().map(|(_, c)| c)),
                '"' => {
                    end = Some(i + 1);
                    break;
                }
                c => path.push(c),
            }
        }
        (path, &quoted[end?..])
    } else {
        let word = rest.split_whitespace().next()?;
        let cut = if name == "playground" || name == "playpen" {
            word.len()
        } else {
            word.find(':').unwrap_or(word.len())
        };
        (word[..cut].to_string(), &rest[cut..])
    };
    if path.is_empty() {
        return None;
    }
    let (part, playground) = match name {
        "include" | "rustdoc_include" => {
            let spec = after_path.trim_start().strip_prefix(':');
            let spec = spec.map(|s| s.split_whitespace().next().unwrap_or(""));
            (mdbook_part(spec.unwrap_or("")), None)
        }
        "playground" | "playpen" => (Part::All, Some(after_path.split_whitespace().collect())),
        _ => return None,
    };
    Some(MdbookInclude {
        lead,
        path,
        part,
        playground,
    })
}
