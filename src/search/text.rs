//! Turns Markdown into the plain text the index wants: headings on their
//! own, and body text without any Markdown syntax.
//!
//! The index must hold what a reader sees, not `**`, link targets or raw
//! HTML tags. Otherwise "http" and "strong" would match every page. This is
//! only a helper: callers that already have rendered text can skip it.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// The visible text of a Markdown document: its headings, and everything
/// else as one string. Blocks are separated by newlines.
pub fn markdown_text(markdown: &str) -> (Vec<String>, String) {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut headings = Vec::new();
    let mut body = String::new();
    let mut heading: Option<String> = None;
    for event in Parser::new_ext(markdown, opts) {
        let sink = heading.as_mut().unwrap_or(&mut body);
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = heading.take() {
                    headings.push(h.trim().to_string());
                }
            }
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                sink.push_str(&t)
            }
            Event::SoftBreak | Event::HardBreak => sink.push(' '),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition,
            ) => sink.push('\n'),
            // Raw HTML, rules and the rest carry no readable words.
            _ => {}
        }
    }
    (headings, body.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_syntax_and_splits_headings() {
        let md = "# Payments\n\nWe **own** the [ledger](../teams/ledger.md) and `kafka`.\n\n\
                  ## Metrics\n\n- p99 < 200ms\n- <span>uptime</span>\n\n| a | b |\n|---|---|\n| x | y |\n";
        let (headings, body) = markdown_text(md);
        assert_eq!(headings, ["Payments", "Metrics"]);
        assert!(body.contains("We own the ledger and kafka."));
        assert!(body.contains("p99 < 200ms"));
        assert!(body.contains("uptime"));
        assert!(!body.contains("span") && !body.contains("**") && !body.contains(".md"));
        assert!(body.contains('x') && body.contains('y'));
    }
}
