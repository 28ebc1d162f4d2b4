//! JetBrains Writerside's Markdown: a quote followed by an attribute line
//! (`{style="note"}`, `"tip"`, `"warning"`) is one of its admonitions. The attribute line
//! goes, and when the quote opens with a bold line (`> **Before you start**`, as
//! Writerside's templates write it) that line becomes the GitHub alert marker of the kind
//! (`>[!WARNING]`, padded to the line's length), titled by the bold text; a quote that
//! opens otherwise stays a quote, since no marker fits in its place.

use pulldown_cmark::BlockQuoteKind;
use std::ops::Range;

/// One admonition: its attribute line, and, when its quote opens with a bold line, that
/// line's range, the marker it is rewritten to and the title.
pub(crate) struct Admonition {
    pub attributes: Range<usize>,
    pub marker: Option<(Range<usize>, String, String)>,
}

/// The kind an attribute line's `style` names, if the line is one (`{style="note"}`, other
/// attributes allowed: `{style="warning" title="…"}`).
fn style(line: &str) -> Option<BlockQuoteKind> {
    let inner = line.trim().strip_prefix('{')?.strip_suffix('}')?;
    let value = &inner[inner.find("style=\"")? + 7..];
    Some(match &value[..value.find('"')?] {
        "tip" => BlockQuoteKind::Tip,
        "warning" => BlockQuoteKind::Warning,
        _ => BlockQuoteKind::Note,
    })
}

/// The admonitions of `body`: found only where it writes `{style="`, one memmem search on
/// a page without.
pub(crate) fn admonitions(body: &str) -> Vec<Admonition> {
    let mut out = Vec::new();
    for at in crate::finder!(b"{style=\"").find_iter(body.as_bytes()) {
        let start = body[..at].rfind('\n').map_or(0, |n| n + 1);
        if !body[start..at].trim().is_empty() {
            continue;
        }
        let end = body[at..].find('\n').map_or(body.len(), |n| at + n);
        let Some(kind) = style(&body[start..end]) else {
            continue;
        };
        // The quote: the lines above, up to a blank one; it starts at the first `>` line
        // (the ones after are quoted or continue its paragraph).
        let mut first = None;
        let mut line_end = start.saturating_sub(1);
        while line_end > 0 {
            let line_start = body[..line_end].rfind('\n').map_or(0, |n| n + 1);
            let line = body[line_start..line_end].trim_end_matches('\r');
            if line.trim().is_empty() {
                break;
            }
            if line.trim_start().starts_with('>') {
                first = Some(line_start..line_end);
            }
            if line_start == 0 {
                break;
            }
            line_end = line_start - 1;
        }
        let Some(first) = first else {
            continue;
        };
        let marker = marker(&body[first.clone()], kind).map(|(m, t)| (first, m, t));
        out.push(Admonition {
            attributes: start..end,
            marker,
        });
    }
    out
}

/// The marker a quote's first line is rewritten to, and the title, when the line is a bold
/// text alone long enough to hold the marker.
fn marker(line: &str, kind: BlockQuoteKind) -> Option<(String, String)> {
    let indent = line.len() - line.trim_start().len();
    let rest = line[indent..].strip_prefix('>')?.trim();
    let title = rest.strip_prefix("**")?.strip_suffix("**")?.trim();
    if title.is_empty() || title.contains("**") {
        return None;
    }
    let marker = format!(
        "{}>[!{}]",
        &line[..indent],
        super::alert_title(kind).to_ascii_uppercase()
    );
    (marker.len() <= line.len()).then(|| (marker, title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bold_first_line_becomes_the_title_and_lazy_lines_stay_in_the_quote() {
        let body = "Intro.\n\n> **Mind the gap**\n>\n> Text\nlazy line.\n>\n{style=\"warning\"}\n";
        let found = admonitions(body);
        assert_eq!(found.len(), 1);
        let (range, marker, title) = found[0].marker.clone().unwrap();
        assert_eq!(&body[range], "> **Mind the gap**");
        assert_eq!(
            (marker.as_str(), title.as_str()),
            (">[!WARNING]", "Mind the gap")
        );
        assert_eq!(&body[found[0].attributes.clone()], "{style=\"warning\"}");
    }

    #[test]
    fn a_plain_first_line_keeps_the_quote_and_loses_only_the_attributes() {
        let found = admonitions("> Just text.\n{style=\"note\"}\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].marker.is_none());
        assert!(admonitions("Text {style=\"note\"}\n").is_empty());
    }
}
