//! Retype's block and inline components, as a Retype site's pages write them: alerts
//! (`!!!` … `!!!`, `!!!danger Title`), tabs (`+++ Windows` … `+++`), panels (`=== Title`
//! … `===`, folded `==- Title`) and badges (`[!badge PRO]`). Each block's lines are found
//! here as the callout leftovers the Markdown stage already draws for Docusaurus
//! admonitions (a [`Kind::Callout`] opening line, a [`Kind::CalloutEnd`] closing one),
//! so the Markdown between them is parsed as it is; a badge is the text it shows. Links
//! written as components (`[!ref Setup](setup.md)`, `[!button text="Board"](…)`) stay
//! links: the renderer shows their text ([`component_link_text`]).
//!
//! Retype's blocks close with a line of their marker alone, which is what tells them
//! from MkDocs's (`!!! note "Title"` over an indented body, no closing line) and from
//! a setext heading's `===` underline: a line is read as Retype's only inside a block
//! whose opening line was.

use super::found::{Kind, Leftover};
use pulldown_cmark::BlockQuoteKind;
use std::ops::Range;

/// Whether `body` may hold a Retype block: a line starting with one of the markers. Three
/// SIMD searches on a page without one.
pub(crate) fn may_have_blocks(body: &str) -> bool {
    let bytes = body.as_bytes();
    let starts = |marker: &[u8]| bytes.starts_with(marker);
    starts(b"!!!")
        || starts(b"+++ ")
        || starts(b"==")
        || crate::finder!(b"\n!!!").find(bytes).is_some()
        || crate::finder!(b"\n+++").find(bytes).is_some()
        || crate::finder!(b"\n=== ").find(bytes).is_some()
        || crate::finder!(b"\n==- ").find(bytes).is_some()
}

/// The callout kind of an alert's variant (`!!!danger`), `None` for a word that is no
/// variant (then it starts the title).
fn variant(word: &str) -> Option<BlockQuoteKind> {
    use BlockQuoteKind as K;
    Some(match word {
        "primary" | "secondary" | "info" | "light" | "dark" | "contrast" | "ghost" | "base" => {
            K::Note
        }
        "success" | "tip" => K::Tip,
        "warning" => K::Warning,
        "danger" | "error" => K::Caution,
        "important" => K::Important,
        _ => return None,
    })
}

/// A tab's or panel's title without Retype's attribute block (`Tab 1 {#start .wide}`).
fn title_of(text: &str) -> &str {
    let text = text.trim();
    match text.rfind(" {") {
        Some(at) if text.ends_with('}') => text[..at].trim_end(),
        _ => text,
    }
}

fn open(range: Range<usize>, title: &str, kind: BlockQuoteKind, details: bool) -> Leftover {
    Leftover {
        range,
        construct: title.to_string(),
        kind: Kind::Callout {
            kind,
            next_block_only: false,
            details,
        },
    }
}

fn close(range: Range<usize>) -> Leftover {
    Leftover {
        range,
        construct: String::new(),
        kind: Kind::CalloutEnd,
    }
}

/// The blocks' lines, each opening line followed by its closing one (a tab's line that
/// starts the next tab closes the one before with its first byte). Only closed blocks
/// are returned; lines inside fenced code (`in_fence`, asked in body order) are not read.
pub(crate) fn blocks(body: &str, mut in_fence: impl FnMut(usize) -> bool) -> Vec<Leftover> {
    let mut out = Vec::new();
    let mut alert: Option<Leftover> = None;
    let mut panel: Option<Leftover> = None;
    let mut tab: Option<Leftover> = None;
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let at = start;
        start += line.len();
        let text = line.trim_end();
        let first = text.as_bytes().first().copied();
        if !matches!(first, Some(b'!' | b'+' | b'=')) || in_fence(at) {
            continue;
        }
        let end = at + text.len();
        if let Some(rest) = text.strip_prefix("!!!") {
            if rest.is_empty() {
                match alert.take() {
                    Some(o) => out.extend([o, close(at..end)]),
                    None => alert = Some(open(at..end, "", BlockQuoteKind::Note, false)),
                }
                continue;
            }
            if rest.starts_with('!') {
                continue;
            }
            let word_len = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
            let (kind, title) = match variant(&rest[..word_len]) {
                Some(kind) if rest[word_len..].is_empty() || rest[word_len..].starts_with(' ') => {
                    (kind, rest[word_len..].trim())
                }
                _ if rest.starts_with(' ') => (BlockQuoteKind::Note, rest.trim()),
                _ => continue,
            };
            // An MkDocs admonition (`!!! note "Title"`) is Retype's only when a closing
            // line follows; one opened while another is open replaces it, unclosed.
            alert = Some(open(at..end, title, kind, false));
        } else if let Some(rest) = text.strip_prefix("+++") {
            if rest.is_empty() {
                if let Some(o) = tab.take() {
                    out.extend([o, close(at..end)]);
                }
            } else if let Some(title) = rest.strip_prefix(' ').map(title_of)
                && !title.is_empty()
            {
                let from = match tab.take() {
                    Some(o) => {
                        out.extend([o, close(at..at + 1)]);
                        at + 1
                    }
                    None => at,
                };
                tab = Some(open(from..end, title, BlockQuoteKind::Note, false));
            }
        } else if text == "===" {
            if let Some(o) = panel.take() {
                out.extend([o, close(at..end)]);
            }
        } else if let Some((rest, folded)) = text
            .strip_prefix("=== ")
            .map(|r| (r, false))
            .or_else(|| text.strip_prefix("==- ").map(|r| (r, true)))
        {
            // Material's content tab (`=== "macOS"`) is MkDocs's.
            let title = title_of(rest);
            if !title.is_empty() && !title.starts_with('"') {
                panel = Some(open(at..end, title, BlockQuoteKind::Note, folded));
            }
        }
    }
    out.sort_by_key(|l| l.range.start);
    out
}

/// Retype's badges written without a link (`[!badge PRO]`, `[!badge variant="info"
/// text="Beta"]`), outside code as the caller judges: each one's range and the text it
/// shows. A badge that is a link's text (`[!badge PRO](pro.md)`) is left to the link.
pub(crate) fn badges(body: &str) -> Vec<(Range<usize>, String)> {
    let bytes = body.as_bytes();
    crate::finder!(b"[!badge")
        .find_iter(bytes)
        .filter_map(|at| {
            let close = at + body[at..].find(']')?;
            if bytes.get(close + 1) == Some(&b'(') || body[at..close].contains('\n') {
                return None;
            }
            let shown = component_text(&body[at + 1..close])?;
            Some((at..close + 1, shown))
        })
        .collect()
}

/// The text a component written as a link's text shows (`!ref Setup`, `!button
/// text="Open the board"`, `!badge PRO`, `!file`), without its name: the `text`
/// attribute, else the words that are no attribute; `Some("")` when it gives none
/// (the caller shows the linked page's title). `None` when `text` is no Retype
/// component.
pub(crate) fn component_text(text: &str) -> Option<String> {
    let rest = ["!ref", "!button", "!badge", "!file"]
        .iter()
        .find_map(|name| text.strip_prefix(name))
        .filter(|rest| rest.is_empty() || rest.starts_with(' '))?;
    if let Some(at) = rest.find("text=\"") {
        let value = &rest[at + 6..];
        return Some(
            value[..value.find('"').unwrap_or(value.len())]
                .trim()
                .to_string(),
        );
    }
    // Words up to the first attribute (`icon="rocket"`) are the text.
    let words: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| !w.contains("=\""))
        .collect();
    Some(words.join(" "))
}

/// [`component_text`] for a link whose source starts at `source` (`[!ref Setup](…)`), when
/// its text is a Retype component.
pub(crate) fn component_link_text(source: &str) -> Option<String> {
    let inner = source.strip_prefix("[!")?;
    let close = inner.find("](")?;
    component_text(&source[1..close + 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &str) -> Vec<(String, String)> {
        blocks(body, |_| false)
            .into_iter()
            .map(|l| (body[l.range].to_string(), l.construct))
            .collect()
    }

    #[test]
    fn alerts_pair_with_their_closing_line() {
        let body = "!!!\nA.\n!!!\n\n!!!danger Careful\nB.\n!!!\n";
        assert_eq!(
            kinds(body),
            [
                ("!!!".into(), "".into()),
                ("!!!".into(), "".into()),
                ("!!!danger Careful".into(), "Careful".into()),
                ("!!!".into(), "".into()),
            ]
        );
    }

    #[test]
    fn an_mkdocs_admonition_without_a_closing_line_is_not_retypes() {
        assert!(kinds("!!! note \"Title\"\n    Body.\n\nText.\n").is_empty());
    }

    #[test]
    fn tabs_close_each_other_and_a_setext_underline_is_no_panel() {
        let body = "+++ Windows {#win}\nA.\n+++ macOS\nB.\n+++\n\nTitle\n===\n";
        let found = kinds(body);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(found[0].1, "Windows");
        assert_eq!(found[1].0, "+");
        assert_eq!(found[2].1, "macOS");
    }

    #[test]
    fn component_text_reads_names_and_attributes() {
        assert_eq!(
            component_text("!ref Setup guide").as_deref(),
            Some("Setup guide")
        );
        assert_eq!(component_text("!ref").as_deref(), Some(""));
        assert_eq!(
            component_text("!button variant=\"info\" text=\"Open\"").as_deref(),
            Some("Open")
        );
        assert_eq!(component_text("!reference x"), None);
        assert_eq!(
            badges("Tier: [!badge PRO] and [!badge x](y)."),
            [(6..18, "PRO".to_string())]
        );
    }
}
