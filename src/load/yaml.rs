//! YAML front matter (`---` … `---`), read into the same spanned table the TOML reader
//! produces, so charters, decisions and pages written in YAML go through the one typed reader
//! in `crate::fields` and get the same located diagnostics (file:line:col, hint, nearest key).
//!
//! Built on `saphyr-parser`'s event stream because every event carries its position; a
//! serde-based YAML reader (`yaml_serde`, used by the ADR importer) gives positions only for
//! syntax errors, not for the key a typo sits on. Scalars are typed by the YAML 1.2 core
//! schema, plus plain `YYYY-MM-DD` as a date (as TOML has dates and front matter is full of
//! them). Aliases are expanded with a node budget so a "billion laughs" file cannot exhaust
//! memory.

use crate::diagnostic::Diagnostic;
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// More nodes than any front matter needs; reached only by alias bombs.
const NODE_BUDGET: usize = 20_000;
/// Deeper than any front matter needs. The parser bounds nesting in `[…]` and `{…}` but
/// not in indented blocks, and later steps (`page.extra` for templates) walk values
/// recursively: 3,000 indented levels overflowed the stack.
const MAX_NESTING: usize = 64;

const SYNTAX_HELP: &str = "YAML front matter is `key: value` lines; lists are `- item` lines or [a, b]; quote a value that contains `: ` or starts with {, [, *, &, !, %, @ or `";

const TAB_HELP: &str = "YAML indents with spaces only: replace the tab with spaces (two per level, as the lines around it)";

/// The byte of the first tab at or after the start of the line holding byte `at`.
fn first_tab_from_line_of(text: &str, at: usize) -> Option<usize> {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..].find('\t').map(|i| line_start + i)
}

/// Parses the YAML in byte range `yaml` of `source`. Spans in the returned table are relative
/// to `yaml.start`, as [`crate::fields::parse_toml`]'s are to the TOML text.
pub fn parse_yaml<'a>(
    file: &str,
    source: &'a str,
    yaml: Range<usize>,
    diags: &mut Vec<Diagnostic>,
) -> Option<DeTable<'a>> {
    let offset = yaml.start;
    let text = &source[yaml];
    let mut b = Builder {
        text,
        bytes: char_offsets(text),
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        nodes: 0,
        problems: Vec::new(),
    };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((ev, span)) => {
                if !b.event(ev, span) {
                    break;
                }
            }
            Err(e) => {
                let at = b.byte(e.marker().index());
                let msg = e.info().to_string();
                // The parser reports a tab where the value it was reading began, often the
                // line above; point at the tab itself, the thing to change.
                let tab = msg
                    .contains("tab")
                    .then(|| first_tab_from_line_of(text, at))
                    .flatten();
                let problem = match tab {
                    Some(tab) => (
                        tab..tab + 1,
                        "invalid YAML: a tab where YAML needs spaces".to_string(),
                        TAB_HELP.to_string(),
                    ),
                    None => (at..at, format!("invalid YAML: {msg}"), SYNTAX_HELP.into()),
                };
                b.problems.push(problem);
                break;
            }
        }
    }
    let failed = !b.problems.is_empty();
    for (span, msg, help) in b.problems {
        diags.push(
            Diagnostic::error("yaml-syntax", file, msg)
                .with_help(help)
                .at(source, span.start + offset..span.end + offset),
        );
    }
    if failed {
        return None;
    }
    Some(b.root.unwrap_or_default())
}

/// Byte offset of every char index (saphyr counts positions in chars), plus the end.
fn char_offsets(text: &str) -> Vec<usize> {
    if text.is_ascii() {
        return Vec::new();
    }
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

enum Frame<'a> {
    Map {
        table: DeTable<'a>,
        start: usize,
        anchor: usize,
        key: Option<Spanned<Cow<'a, str>>>,
    },
    Seq {
        items: DeArray<'a>,
        start: usize,
        anchor: usize,
    },
}

struct Builder<'a> {
    text: &'a str,
    bytes: Vec<usize>,
    stack: Vec<Frame<'a>>,
    anchors: HashMap<usize, Spanned<DeValue<'a>>>,
    root: Option<DeTable<'a>>,
    nodes: usize,
    problems: Vec<(Range<usize>, String, String)>,
}

/// A finished node: `None` for null, which front matter treats as "key not given".
type Node<'a> = Option<Spanned<DeValue<'a>>>;

impl<'a> Builder<'a> {
    fn byte(&self, char_index: usize) -> usize {
        if self.bytes.is_empty() {
            char_index.min(self.text.len())
        } else {
            self.bytes
                .get(char_index)
                .copied()
                .unwrap_or(self.text.len())
        }
    }

    fn span(&self, span: Span) -> Range<usize> {
        self.byte(span.start.index())..self.byte(span.end.index())
    }

    /// Handles one event; `false` stops the parse.
    fn event(&mut self, ev: Event<'a>, span: Span) -> bool {
        let range = self.span(span);
        match ev {
            Event::Scalar(value, style, anchor, tag) => {
                let explicit_str = tag.as_ref().is_some_and(|t| t.suffix == "str");
                let node = self.scalar(value, style, explicit_str, range);
                if anchor != 0
                    && let Some(n) = &node
                {
                    self.anchors.insert(anchor, n.clone());
                }
                self.emit(node)
            }
            Event::MappingStart(..) | Event::SequenceStart(..)
                if self.stack.len() >= MAX_NESTING =>
            {
                self.problems.push((
                    range,
                    format!("values nested more than {MAX_NESTING} levels deep"),
                    "front matter holds a few levels of keys and lists; move deep data to a file of its own".into(),
                ));
                false
            }
            Event::MappingStart(anchor, _) => {
                self.stack.push(Frame::Map {
                    table: DeTable::new(),
                    start: range.start,
                    anchor,
                    key: None,
                });
                true
            }
            Event::SequenceStart(anchor, _) => {
                self.stack.push(Frame::Seq {
                    items: DeArray::new(),
                    start: range.start,
                    anchor,
                });
                true
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let (value, start, anchor) = match self.stack.pop() {
                    Some(Frame::Map {
                        table,
                        start,
                        anchor,
                        ..
                    }) => (DeValue::Table(table), start, anchor),
                    Some(Frame::Seq {
                        items,
                        start,
                        anchor,
                    }) => (DeValue::Array(items), start, anchor),
                    None => return true,
                };
                let end = range.end.max(start);
                let node = Spanned::new(start..end, value);
                if anchor != 0 {
                    self.anchors.insert(anchor, node.clone());
                }
                self.emit(Some(node))
            }
            Event::Alias(id) => {
                let Some(target) = self.anchors.get(&id) else {
                    self.problems.push((
                        range,
                        "alias to an anchor that is not defined above it".into(),
                        "define `&name` before using `*name`, or write the value out".into(),
                    ));
                    return false;
                };
                self.nodes += count_nodes(target.get_ref());
                if self.nodes > NODE_BUDGET {
                    self.problems.push((
                        range,
                        "aliases expand to too many values for front matter".into(),
                        "write the values out instead of nesting aliases".into(),
                    ));
                    return false;
                }
                let node = Spanned::new(range, target.get_ref().clone());
                self.emit(Some(node))
            }
            _ => true,
        }
    }

    fn scalar(
        &mut self,
        value: Cow<'a, str>,
        style: ScalarStyle,
        explicit_str: bool,
        range: Range<usize>,
    ) -> Node<'a> {
        self.nodes += 1;
        let as_string = |v: Cow<'a, str>, r: Range<usize>| Spanned::new(r, DeValue::String(v));
        if style != ScalarStyle::Plain || explicit_str {
            return Some(as_string(value, range));
        }
        let v = value.as_ref();
        match v {
            "" | "~" | "null" | "Null" | "NULL" => return None,
            "true" | "True" | "TRUE" => return Some(Spanned::new(range, DeValue::Boolean(true))),
            "false" | "False" | "FALSE" => {
                return Some(Spanned::new(range, DeValue::Boolean(false)));
            }
            _ => {}
        }
        // Numbers are handed to the TOML value parser on the slice of the file they came
        // from, so the table borrows the file like a TOML table does.
        let raw = &self.text[range.clone()];
        if raw == v && looks_numeric(v) {
            let digits_from = leading_zeros(raw);
            if let Ok(parsed) = DeValue::parse(&raw[digits_from..])
                && matches!(parsed.get_ref(), DeValue::Integer(_) | DeValue::Float(_))
            {
                return Some(Spanned::new(range, parsed.into_inner()));
            }
        }
        if crate::diag_fix::looks_like_date(v)
            && let Ok(dt) = v.parse::<toml::value::Datetime>()
        {
            return Some(Spanned::new(range, DeValue::Datetime(dt)));
        }
        Some(as_string(value, range))
    }

    /// Attaches a finished node to its parent.
    fn emit(&mut self, node: Node<'a>) -> bool {
        let Some(frame) = self.stack.last_mut() else {
            return match node {
                Some(n) => match n.into_inner() {
                    DeValue::Table(t) => {
                        self.root = Some(t);
                        true
                    }
                    other => {
                        let range = 0..self.text.len().min(1);
                        self.problems.push((
                            range,
                            format!(
                                "front matter must be `key: value` pairs, found a {}",
                                other.type_str()
                            ),
                            SYNTAX_HELP.into(),
                        ));
                        false
                    }
                },
                None => true,
            };
        };
        match frame {
            Frame::Seq { items, .. } => {
                if let Some(n) = node {
                    items.push(n);
                }
                true
            }
            Frame::Map { table, key, .. } => match key.take() {
                None => {
                    let Some(k) = node else {
                        return true;
                    };
                    let span = k.span();
                    let name: Cow<'a, str> = match k.into_inner() {
                        DeValue::String(s) => s,
                        DeValue::Integer(i) => Cow::Owned(i.as_str().to_string()),
                        DeValue::Float(f) => Cow::Owned(f.as_str().to_string()),
                        DeValue::Boolean(b) => Cow::Owned(b.to_string()),
                        DeValue::Datetime(d) => Cow::Owned(d.to_string()),
                        _ => {
                            self.problems.push((
                                span,
                                "a key must be plain text, not a list or a table".into(),
                                SYNTAX_HELP.into(),
                            ));
                            return false;
                        }
                    };
                    *key = Some(Spanned::new(span, name));
                    true
                }
                Some(k) => {
                    let Some(v) = node else {
                        return true;
                    };
                    if table.contains_key(k.get_ref().as_ref()) {
                        let msg = format!("key `{}` is given twice", k.get_ref());
                        self.problems.push((
                            k.span(),
                            msg,
                            "remove one of the two lines: YAML keeps only one value per key".into(),
                        ));
                        return true;
                    }
                    table.insert(k, v);
                    true
                }
            },
        }
    }
}

fn count_nodes(v: &DeValue<'_>) -> usize {
    match v {
        DeValue::Array(a) => 1 + a.iter().map(|i| count_nodes(i.get_ref())).sum::<usize>(),
        DeValue::Table(t) => 1 + t.values().map(|i| count_nodes(i.get_ref())).sum::<usize>(),
        _ => 1,
    }
}

fn looks_numeric(v: &str) -> bool {
    let body = v.strip_prefix(['-', '+']).unwrap_or(v);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '-' | '+' | '_'))
}

/// Where the digits start once YAML's allowed leading zeros (`0007`) are skipped: TOML
/// rejects them, YAML 1.2 reads `0007` as 7.
fn leading_zeros(raw: &str) -> usize {
    if raw.contains(['.', 'e', 'E']) || raw.starts_with(['-', '+']) {
        return 0;
    }
    let zeros = raw.bytes().take_while(|&b| b == b'0').count();
    zeros.min(raw.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(src: &str) -> (Option<DeTable<'_>>, Vec<Diagnostic>) {
        let mut d = Vec::new();
        let t = parse_yaml("f.md", src, 0..src.len(), &mut d);
        (t, d)
    }

    #[test]
    fn scalars_are_typed() {
        let src = "title: Hello\nweight: 0007\nratio: 1.5\ndraft: true\ndate: 2026-03-14\nquoted: \"2026-03-14\"\nempty:\ntags: [a, b]\n";
        let (t, d) = parse(src);
        assert!(d.is_empty(), "{d:?}");
        let t = t.unwrap();
        let get = |k: &str| t.get(k).map(|v| v.get_ref().clone());
        assert_eq!(get("title").unwrap().as_str(), Some("Hello"));
        assert_eq!(get("weight").unwrap().as_integer().unwrap().as_str(), "7");
        assert!(get("ratio").unwrap().is_float());
        assert_eq!(get("draft").unwrap().as_bool(), Some(true));
        assert!(get("date").unwrap().is_datetime());
        assert!(get("quoted").unwrap().is_str());
        assert!(get("empty").is_none(), "null is an absent key");
        assert_eq!(get("tags").unwrap().as_array().unwrap().len(), 2);
    }

    #[test]
    fn a_tab_in_the_indentation_is_located_at_the_tab() {
        // The parser blames the list item above, where the scalar it was reading began.
        let src = "owns:\n  - Search API\n\t- Indexer\nlead: Ana\n";
        let (t, d) = parse(src);
        assert!(t.is_none());
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].code, d[0].line, d[0].column), ("yaml-syntax", 3, 1));
        assert_eq!(d[0].message, "invalid YAML: a tab where YAML needs spaces");
        assert!(
            d[0].help
                .as_deref()
                .unwrap()
                .contains("replace the tab with spaces")
        );
        // A tab inside a quoted value is text, not an error.
        let (t, d) = parse("name: \"a\tb\"\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(
            t.unwrap().get("name").unwrap().get_ref().as_str(),
            Some("a\tb")
        );
    }

    #[test]
    fn spans_point_at_keys_and_values_in_bytes() {
        let src = "title: Zürich\nwieght: 3\n";
        let (t, _) = parse(src);
        let t = t.unwrap();
        let (k, v) = t.get_key_value("wieght").unwrap();
        assert_eq!(&src[k.span()], "wieght");
        assert_eq!(&src[v.span()], "3");
        let title = t.get("title").unwrap();
        assert_eq!(&src[title.span()], "Zürich");
    }

    #[test]
    fn syntax_error_is_located() {
        let src = "title: a\nbad: [unclosed\n";
        let (t, d) = parse(src);
        assert!(t.is_none());
        assert_eq!(d[0].code, "yaml-syntax");
        assert!(d[0].line >= 2, "{d:?}");
    }

    #[test]
    fn duplicate_key_and_non_mapping_are_errors() {
        let (_, d) = parse("a: 1\na: 2\n");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("given twice"));
        assert_eq!(d[0].line, 2);
        let (_, d) = parse("- a\n- b\n");
        assert!(d[0].message.contains("key: value"), "{d:?}");
    }

    #[test]
    fn deep_indented_nesting_is_refused_not_a_crash() {
        let mut src = String::from("extra:\n");
        for i in 0..5_000 {
            src.push_str(&" ".repeat(2 * (i + 1)));
            src.push_str(&format!("k{i}:\n"));
        }
        let (table, diags) = parse(&src);
        assert!(table.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].message.contains("nested more than 64 levels"),
            "{}",
            diags[0].message
        );
        assert_eq!(
            diags[0].line, 65,
            "at the 65th mapping, which starts on line 65"
        );
        let ok = (0..60).fold(String::from("a:\n"), |s, i| {
            format!("{s}{}k{i}:\n", " ".repeat(2 * (i + 1)))
        });
        assert!(parse(&ok).0.is_some(), "60 levels are read");
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut src = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        let mut prev = 'a';
        for c in 'b'..='j' {
            src.push_str(&format!(
                "{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
            ));
            prev = c;
        }
        let (t, d) = parse(&src);
        assert!(t.is_none());
        assert!(d[0].message.contains("too many"), "{d:?}");
    }
}
