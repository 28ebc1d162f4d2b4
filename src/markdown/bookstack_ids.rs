//! The ids BookStack gives the blocks of a page, read back from the page's Markdown export,
//! so that a link to one (`#bkmrk-transcoding-1`) reaches the heading it names.
//! BookStack (`PageContent::setUniqueId`) gives every top-level element of a page, and
//! every heading deeper down, an id made from the first 20 characters of its text
//! (`bookstack_id`); an id already taken gets `-1`, `-2`, … (`-0`, `-1`, … before BookStack
//! counted from 1), the first number not taken. So paragraphs, lists, tables and code
//! count too: a list starting "Hardware Acceleration: …" above the heading "Hardware
//! acceleration" takes `bkmrk-hardware-acceleratio`, and the heading is `…-1`. Headings
//! are the only ids orgbook gives, so an id of any other block means the heading above
//! that block (the page's top above the first heading): the section the reader looks for,
//! with the block in it. Made only for a page that a BookStack id links into, once a page.

use super::Heading;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Each BookStack id of a page (without its `bkmrk-`, ASCII-lowercased, as BookStack's
/// `urlencode` decoded) → the heading it reaches: its own, or the one above its block
/// (`None`: the page's top).
pub(super) struct BookStackIds {
    /// As BookStack numbers repeated ids now, from 1.
    current: HashMap<String, Option<usize>>,
    /// As it numbered them before, from 0: read for an id the current rule never gives.
    older: HashMap<String, Option<usize>>,
}

/// The bytes of a block's text kept: the id needs its first 20 characters, after runs
/// of whitespace are one.
const TEXT_KEPT: usize = 256;

/// A block's text as BookStack's DOM gives it (`textContent`), cut at [`TEXT_KEPT`].
#[derive(Default)]
struct Text(String);

impl Text {
    fn push(&mut self, s: &str) {
        if self.0.len() < TEXT_KEPT {
            let room = TEXT_KEPT - self.0.len();
            let mut end = s.len().min(room);
            while !s.is_char_boundary(end) {
                end -= 1;
            }
            self.0.push_str(&s[..end]);
        }
    }
}

/// One side of the numbering: the ids taken, and where each base's count goes on (a base
/// never asks again for a number it found taken, so a page of a thousand "Setup" headings
/// is counted once, not a thousand times over).
struct Numbering {
    first: usize,
    taken: HashSet<String>,
    next: HashMap<String, usize>,
    ids: HashMap<String, Option<usize>>,
}

impl Numbering {
    fn new(first: usize) -> Self {
        Numbering {
            first,
            taken: HashSet::new(),
            next: HashMap::new(),
            ids: HashMap::new(),
        }
    }

    /// Gives the block whose id is made from `base` the first free id, reaching `heading`.
    fn give(&mut self, base: &str, heading: Option<usize>) {
        let id = if self.taken.contains(base) {
            let n = self.next.entry(base.to_string()).or_insert(self.first);
            loop {
                let id = format!("{base}-{n}");
                *n += 1;
                if !self.taken.contains(&id) {
                    break id;
                }
            }
        } else {
            base.to_string()
        };
        self.taken.insert(id.clone());
        self.ids.insert(id, heading);
    }
}

impl BookStackIds {
    /// The ids of the blocks of `body` (a page titled `title` whose headings, as rendered,
    /// are `heads`). A first `#` heading that is the page's title is the line BookStack's
    /// export writes above the page (whose own id is `bkmrk-page-title`): it takes no id
    /// from the page's blocks, and reaches its heading only by an id no block has.
    pub(super) fn of(body: &str, title: &str, heads: &[Heading]) -> Self {
        let mut current = Numbering::new(1);
        let mut older = Numbering::new(0);
        let mut heading_at = 0usize;
        let mut above: Option<usize> = None;
        // The heading of `heads` that a heading of cut id `base` is: the next one, or the
        // one after it (a heading orgbook reads where this reading sees none).
        let mut find_heading = |base: &str| {
            let k = (heading_at..heads.len().min(heading_at + 2))
                .find(|&k| bookstack_id(&heads[k].text).to_ascii_lowercase() == base)?;
            heading_at = k + 1;
            Some(k)
        };
        let mut title_line: Option<(String, Option<usize>)> = None;
        let mut blocks = 0usize;
        let mut depth = 0usize;
        let mut in_image = 0usize;
        // The top-level block being read: its text, whether a heading, whether an `#`
        // one, whether an HTML comment; and the headings inside it.
        let mut block = Text::default();
        let mut block_heading: Option<bool> = None;
        let mut inner: Vec<Text> = Vec::new();
        let mut in_inner = false;
        let mut comment = false;
        let separator = "\n";
        let parser = Parser::new_ext(body, crate::dialects::options_for(body));
        for event in parser {
            let mut ended = false;
            match event {
                Event::Start(tag) => {
                    let heading = matches!(tag, Tag::Heading { .. });
                    if depth == 0 {
                        block = Text::default();
                        inner.clear();
                        block_heading = match tag {
                            Tag::Heading { level, .. } => {
                                Some(level == pulldown_cmark::HeadingLevel::H1)
                            }
                            _ => None,
                        };
                        comment = matches!(tag, Tag::HtmlBlock);
                    } else if heading {
                        inner.push(Text::default());
                        in_inner = true;
                    }
                    if matches!(tag, Tag::Image { .. }) {
                        in_image += 1;
                    }
                    depth += 1;
                }
                Event::End(end) => {
                    depth = depth.saturating_sub(1);
                    match end {
                        TagEnd::Image => in_image = in_image.saturating_sub(1),
                        TagEnd::Heading(_) if depth > 0 => in_inner = false,
                        _ => {}
                    }
                    // Between the elements of a block BookStack's HTML has a line break.
                    if matches!(
                        end,
                        TagEnd::Paragraph
                            | TagEnd::Heading(_)
                            | TagEnd::Item
                            | TagEnd::TableCell
                            | TagEnd::TableRow
                            | TagEnd::TableHead
                            | TagEnd::CodeBlock
                            | TagEnd::BlockQuote(_)
                            | TagEnd::List(_)
                    ) {
                        block.push(separator);
                    }
                    ended = depth == 0;
                }
                Event::Rule if depth == 0 => {
                    block = Text::default();
                    inner.clear();
                    block_heading = None;
                    comment = false;
                    ended = true;
                }
                Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t)
                    if in_image == 0 =>
                {
                    comment = false;
                    block.push(&t);
                    if in_inner && let Some(h) = inner.last_mut() {
                        h.push(&t);
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    block.push(separator);
                    if in_inner && let Some(h) = inner.last_mut() {
                        h.push(separator);
                    }
                }
                Event::Html(t) | Event::InlineHtml(t) => {
                    // A comment alone is no element: BookStack gives it no id.
                    comment &= t.trim_start().starts_with("<!--") || t.trim().is_empty();
                    block.push(&crate::dialects::confluence::strip_tags(&t));
                }
                _ => {}
            }
            if !ended || comment {
                continue;
            }
            blocks += 1;
            let base = bookstack_id(&block.0).to_ascii_lowercase();
            if let Some(h1) = block_heading {
                let found = find_heading(&base);
                above = found.or(above);
                if blocks == 1 && h1 && block.0.trim() == title.trim() {
                    title_line = Some((base, found));
                    continue;
                }
            }
            current.give(&base, above);
            older.give(&base, above);
            for h in &inner {
                let base = bookstack_id(&h.0).to_ascii_lowercase();
                above = find_heading(&base).or(above);
                current.give(&base, above);
                older.give(&base, above);
            }
        }
        if let Some((base, heading)) = title_line {
            current.ids.entry(base.clone()).or_insert(heading);
            older.ids.entry(base).or_insert(heading);
        }
        BookStackIds {
            current: current.ids,
            older: older.ids,
        }
    }

    /// The heading the BookStack id `id` (without its `bkmrk-`) reaches, `Some(None)` for
    /// the page's top; `None` when no block of the page has it.
    pub(super) fn get(&self, id: &str) -> Option<Option<usize>> {
        let id = id.to_ascii_lowercase();
        self.current
            .get(&id)
            .or_else(|| self.older.get(&id))
            .copied()
    }
}

/// The id BookStack gives a block of text `text`, without its `bkmrk-` prefix and before
/// it is percent-encoded (BookStack's `PageContent::setUniqueId`): the text trimmed, each
/// run of whitespace one `-`, ASCII letters lowercased, cut to its first 20 characters.
/// (A second block of the same id gets `-1`, `-2`: [`BookStackIds::of`] counts them.)
pub(super) fn bookstack_id(text: &str) -> String {
    // PHP's `\s` without the `u` flag, and what its `trim` takes off.
    let space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c');
    let trimmed =
        text.trim_matches(|c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\0' | '\x0b'));
    let mut id = String::new();
    let mut chars = 0;
    let mut in_space = false;
    for c in trimmed.chars() {
        if space(c) {
            if !in_space {
                id.push('-');
                chars += 1;
            }
            in_space = true;
        } else {
            id.push(c.to_ascii_lowercase());
            chars += 1;
            in_space = false;
        }
        if chars == 20 {
            break;
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bookstack_ids_follow_bookstacks_rule() {
        // BookStack's `PageContent::setUniqueId`: `mb_substr(strtolower(preg_replace('/\s+/',
        // '-', trim($text))), 0, 20)`, before `urlencode`.
        for (text, id) in [
            ("Setup Docker Compose on Unraid", "setup-docker-compose"),
            ("Setting up Docker network", "setting-up-docker-ne"),
            ("Rollback", "rollback"),
            ("  What's \t new? ", "what's-new?"),
            (
                "Définir l'architecture de l'application (optionnel)",
                "définir-l'architectu",
            ),
            ("ÜBER ALLES und mehr davon", "Über-alles-und-mehr-"),
        ] {
            assert_eq!(bookstack_id(text), id, "{text:?}");
        }
    }

    fn heading(text: &str, id: &str) -> Heading {
        Heading {
            level: 2,
            id: id.into(),
            text: text.into(),
            quoted: false,
        }
    }

    #[test]
    fn repeated_ids_are_numbered_over_every_block() {
        let body = "Intro text here.\n\n## Setup\n\nSetup\n\n## Setup\n\n## Setup 1\n\n## Setup\n\n---\n\n***\n";
        let heads = [
            heading("Setup", "setup"),
            heading("Setup", "setup-1"),
            heading("Setup 1", "setup-1-1"),
            heading("Setup", "setup-2"),
        ];
        let ids = BookStackIds::of(body, "Guide", &heads);
        assert_eq!(ids.get("intro-text-here."), Some(None));
        assert_eq!(ids.get("setup"), Some(Some(0)));
        // The paragraph "Setup" took `-1`: it reaches the heading above it.
        assert_eq!(ids.get("setup-1"), Some(Some(0)));
        assert_eq!(ids.get("SETUP-2"), Some(Some(1)));
        // "Setup 1" is `setup-1`, taken: BookStack goes on counting from its own base.
        assert_eq!(ids.get("setup-1-1"), Some(Some(2)));
        // The last "Setup": 1 and 2 taken, so 3.
        assert_eq!(ids.get("setup-3"), Some(Some(3)));
        // Two rules, no text: `bkmrk-` and `bkmrk--1`.
        assert_eq!(ids.get(""), Some(Some(3)));
        assert_eq!(ids.get("-1"), Some(Some(3)));
        assert_eq!(ids.get("setup-4"), None);
        // Before BookStack counted from 1: the second "Setup" was `-0`.
        assert_eq!(ids.get("setup-0"), Some(Some(0)));
    }

    #[test]
    fn the_exports_title_line_takes_no_id() {
        let body = "# Setup\n\n## Setup\n\n## Setup\n";
        let heads = [
            heading("Setup", "setup"),
            heading("Setup", "setup-1"),
            heading("Setup", "setup-2"),
        ];
        let ids = BookStackIds::of(body, "Setup", &heads);
        assert_eq!(ids.get("setup"), Some(Some(1)));
        assert_eq!(ids.get("setup-1"), Some(Some(2)));
    }

    #[test]
    fn lists_tables_code_and_nested_headings_have_ids() {
        let body = "- Hardware Acceleration: Intel\n- QSV\n\n> ## Quoted\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode here\n```\n\n<!-- a comment -->\n\n![alt text](x.png)\n\n## Hardware acceleration\n";
        let heads = [
            heading("Quoted", "quoted"),
            heading("Hardware acceleration", "hardware-acceleration"),
        ];
        let ids = BookStackIds::of(body, "Page", &heads);
        assert_eq!(ids.get("hardware-acceleratio"), Some(None));
        assert_eq!(ids.get("hardware-acceleratio-1"), Some(Some(1)));
        // The quote's own id (above any heading: the page's top), then the heading in it.
        assert_eq!(ids.get("quoted"), Some(None));
        assert_eq!(ids.get("quoted-1"), Some(Some(0)));
        assert_eq!(ids.get("a-b-1-2"), Some(Some(0)));
        assert_eq!(ids.get("code-here"), Some(Some(0)));
        // The image's paragraph has no text; the comment no id.
        assert_eq!(ids.get(""), Some(Some(0)));
        assert_eq!(ids.get("a-comment"), None);
    }
}
