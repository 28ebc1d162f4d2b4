//! Decision logs: one page that holds many decisions as the rows of a table
//! (`| Date | Decision | Owner | Status | Link |`), as teams keep them in GitHub wikis and
//! as Notion and Confluence export them.
//!
//! This module owns reading such a page ([`read_log`]): which tables are logs (their
//! header names a decision and a status or a date), what each column is, and each row
//! made into an [`ImportedDecision`]. A row is read as a record with one `Key: value`
//! line per mapped cell, through [`parse_record`], so a log's statuses, dates and people
//! are mapped (and noted) by the same rules as any record's; the cells orgbook has no key
//! for become the body. Which rows are records the folder has in a file of their own (an
//! index's rows) is for `dir.rs` to say, which knows every file the import reads.

use super::adr::{
    code_mask, index_status, is_placeholder, label_number, parse_record, strip_bullet,
    strip_emphasis,
};
use super::{ImportOptions, ImportedDecision, rewrite_links};

/// What a decision log's tables hold.
pub(super) struct Log {
    /// The first log table's header row, as written.
    pub header: String,
    /// Data rows in all its log tables.
    pub total: usize,
    pub rows: Vec<Row>,
    /// Rows that are no decision: (1-based line, why).
    pub skipped: Vec<(usize, String)>,
}

/// One row, read as a record.
pub(super) struct Row {
    /// 1-based line of the row in the page.
    pub line: usize,
    pub decision: ImportedDecision,
    /// Destinations of the row's links to local files (`../rfcs/rfc-530.md`), in any of
    /// its cells (an index links its records from their number), to tell a row that
    /// stands for a record read from its own file.
    pub local_links: Vec<String>,
    /// The row's status cell as written, for an index's row to be compared with its record.
    pub status_cell: Option<String>,
}

/// What one column of a log holds.
#[derive(Clone, Copy, PartialEq)]
enum Column<'h> {
    Title,
    /// A cell that goes into the row's record as `Key: value` (the key orgbook maps).
    Meta(&'static str),
    /// Where the decision was made or written down: kept in the body as "Source".
    Link,
    /// Anything else (Rationale, Impact, Notes): kept in the body under its header.
    Other(&'h str),
}

fn column(header: &str) -> Column<'_> {
    let lower = header.to_lowercase();
    match lower.as_str() {
        "decision" | "decisions" | "title" | "summary" | "decision title" | "what" => Column::Title,
        "link" | "links" | "source" | "details" | "detailed doc" | "reference" | "references"
        | "ref" | "record" | "doc" | "document" => Column::Link,
        "when" | "date decided" | "decision date" | "decided on" => Column::Meta("Date"),
        "made by" | "decided by" => Column::Meta("Deciders"),
        _ => match super::adr::log_key(&lower) {
            Some(key) => Column::Meta(key),
            None => Column::Other(header),
        },
    }
}

/// The cells of a table row. A pipe escaped (`\|`) or inside inline code is the cell's.
fn cells(line: &str) -> Vec<String> {
    let row = line.trim();
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut code = false;
    let mut chars = row.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '`' => {
                code = !code;
                cell.push(c);
            }
            '|' if !code => out.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        out.push(cell);
    }
    out.into_iter().map(|c| clean_cell(&c)).collect()
}

/// A cell as text: HTML an export wraps it in (Notion's `<span style=…>IN PROGRESS</span>`,
/// Confluence's `<br/>`) left out, a line break a space; autolinks (`<https://…>`) stay.
fn clean_cell(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut rest = cell;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .trim_start_matches('/')
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(after.len());
        let slash = after.len() - after.trim_start_matches('/').len();
        let next = after[slash..].chars().nth(name_len);
        let is_tag = name_len > 0
            && after[slash..].starts_with(|c: char| c.is_ascii_alphabetic())
            && matches!(next, Some(' ' | '>' | '/'));
        match is_tag.then(|| after.find('>')) {
            Some(Some(close)) => {
                out.push(' ');
                rest = &after[close + 1..];
            }
            // No `>` anywhere after: no tag closes further on either (and looking again
            // from each later `<` would scan the rest once per `<`).
            Some(None) => {
                out.push('<');
                rest = after;
                break;
            }
            None => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_delimiter(cells: &[String]) -> bool {
    !cells.is_empty()
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// An empty cell, or one a log leaves as a dash.
fn is_blank(cell: &str) -> bool {
    matches!(cell.trim(), "" | "-" | "–" | "—" | "n/a" | "N/A")
}

/// A decision cell a template left unfilled: `[Decision]`, `#{d1_text}`, `{{title}}`.
fn is_template_cell(cell: &str) -> bool {
    let c = cell.trim();
    (is_placeholder(c) && !c.contains("]("))
        || c.contains("#{")
        || c.contains("{{")
        || (c.starts_with('<') && c.ends_with('>'))
}

/// Whether the header row `cells` makes a table a decision log: a column for the decision
/// and one for its status or date.
fn is_log_header(cells: &[String]) -> bool {
    let kinds: Vec<Column> = cells.iter().map(|c| column(strip_emphasis(c))).collect();
    kinds.contains(&Column::Title)
        && kinds
            .iter()
            .any(|k| matches!(k, Column::Meta("Status" | "Date")))
}

/// The decision log tables of `text`, each row a record, or `None` when the page has no
/// table whose header names a decision and a status or a date with two rows or more.
/// `file` is the page's path in the source folder, which notes and each record's `source`
/// name with the row's line.
pub(super) fn read_log(file: &str, text: &str, opts: &ImportOptions) -> Option<Log> {
    let text = super::adr::normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let in_code = code_mask(&lines);
    let mut log: Option<Log> = None;
    let mut i = 0;
    while i < lines.len() {
        if in_code[i] || !lines[i].trim_start().starts_with('|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !in_code[i] && lines[i].trim_start().starts_with('|') {
            i += 1;
        }
        let header: Vec<String> = cells(lines[start]);
        // A row of empty cells (an export's last, left for the next decision) is no row.
        let data: Vec<usize> = (start + 1..i)
            .filter(|&j| {
                let row = cells(lines[j]);
                !is_delimiter(&row) && row.iter().any(|c| !is_blank(c))
            })
            .collect();
        if !is_log_header(&header) || data.len() < 2 {
            continue;
        }
        let log = log.get_or_insert_with(|| Log {
            header: lines[start].trim().to_owned(),
            total: 0,
            rows: Vec::new(),
            skipped: Vec::new(),
        });
        let columns: Vec<Column> = header.iter().map(|c| column(strip_emphasis(c))).collect();
        for j in data {
            log.total += 1;
            match read_row(file, j + 1, &columns, &cells(lines[j]), opts) {
                Ok(row) => log.rows.push(row),
                Err(why) => log.skipped.push((j + 1, why)),
            }
        }
    }
    log
}

/// What one list item of an index page says of a record: Doxygen's `* @subpage adr_0018
/// (rejected)` (as Wikibase lists its records), `- [ADR-0004](0004-x.md) Use X - Accepted`.
pub(super) struct Listed {
    /// 1-based line of the item in the page.
    pub line: usize,
    pub target: ListedTarget,
    pub status: &'static str,
}

/// Which record a list item names.
pub(super) enum ListedTarget {
    /// A link to a local file, as written (without its anchor).
    Link(String),
    /// The number a Doxygen page name ends with (`adr_0018`).
    Number(u32),
}

/// The list items of an index page that name a record and give it a status. One pass
/// over the lines.
pub(super) fn listed_statuses(text: &str) -> Vec<Listed> {
    let text = super::adr::normalize_newlines(text);
    let lines: Vec<&str> = text.split('\n').collect();
    let in_code = code_mask(&lines);
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        let item = strip_bullet(t);
        if in_code[i] || item.len() == t.len() {
            continue;
        }
        let local = |dest: &str| {
            !dest.contains("://") && !dest.starts_with(['#', '@']) && !dest.starts_with("mailto:")
        };
        let linked = item.find("](").and_then(|at| {
            let rest = &item[at + 2..];
            let close = rest.find(')')?;
            let dest = rest[..close].split('#').next().unwrap_or_default().trim();
            local(dest).then(|| (ListedTarget::Link(dest.to_owned()), &rest[close + 1..]))
        });
        let doxygen = || {
            let name = ["@subpage ", "@ref ", "\\subpage "]
                .iter()
                .find_map(|p| item.strip_prefix(p))?
                .trim_start();
            let end = name.find(char::is_whitespace).unwrap_or(name.len());
            let n = label_number(
                name[..end]
                    .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                    .trim_start_matches(['_', '-']),
            )?;
            Some((ListedTarget::Number(n), &name[end..]))
        };
        let Some((target, rest)) = linked.or_else(doxygen) else {
            continue;
        };
        // The status right after the record, or closing the item (`(rejected)`, after the
        // last dash) when the record's title comes first.
        let tail_dash = [" - ", " – ", " — "]
            .iter()
            .filter_map(|d| rest.rfind(d).map(|at| &rest[at + d.len()..]))
            .min_by_key(|s| s.len());
        let tail_paren = rest.trim_end().rfind('(').map(|at| &rest.trim_end()[at..]);
        let status = [Some(rest), tail_dash, tail_paren]
            .into_iter()
            .flatten()
            .find_map(|c| index_status(c, false));
        if let Some(status) = status {
            out.push(Listed {
                line: i + 1,
                target,
                status,
            });
        }
    }
    out
}

/// One row of a log table as a record.
fn read_row(
    file: &str,
    line: usize,
    columns: &[Column],
    cells: &[String],
    opts: &ImportOptions,
) -> Result<Row, String> {
    let cell = |k: usize| cells.get(k).map(String::as_str).unwrap_or("").trim();
    let Some(title_at) = columns.iter().position(|c| *c == Column::Title) else {
        return Err("no decision column".into());
    };
    let title = cell(title_at);
    if is_blank(title) {
        return Err("no decision in the row".into());
    }
    if is_template_cell(title) {
        return Err(format!("`{title}` is an unfilled template row"));
    }
    // A decision written as a Y-statement ("In the context of …, we decided for …"): the
    // record is titled by what was decided, and the sentence, whole, opens its body, its
    // parts in sections below it.
    let y_statement = super::ystatement::parse(title);
    let mut record = match &y_statement {
        Some(y) => format!("# {}\n\n", y.title()),
        None => format!("# {title}\n\n"),
    };
    let mut body = Vec::new();
    let mut local_links = Vec::new();
    let mut status_cell = None;
    let mut collect_links = |s: &str| {
        rewrite_links(s, |dest| {
            if !dest.contains("://") && !dest.starts_with('#') && !dest.starts_with("mailto:") {
                local_links.push(dest.to_owned());
            }
            None
        });
    };
    collect_links(title);
    for (k, kind) in columns.iter().enumerate() {
        let value = cell(k);
        if is_blank(value) {
            continue;
        }
        match kind {
            Column::Title => {}
            Column::Meta(key) => {
                if *key == "Status" {
                    status_cell = Some(value.to_owned());
                }
                collect_links(value);
                record.push_str(&format!("* {key}: {value}\n"));
            }
            Column::Link => {
                collect_links(value);
                body.push(format!("- Source: {value}"));
            }
            Column::Other(name) => {
                collect_links(value);
                body.push(format!("- {}: {value}", strip_emphasis(name.trim())));
            }
        }
    }
    let label = format!("{file}:{line}");
    let mut d = parse_record(&label, "log.md", &record, opts).map_err(|e| e.to_string())?;
    // The notes name the row, not the lines of the record made of it.
    for note in &mut d.unmapped {
        if let Some(rest) = note.strip_prefix(&label) {
            let rest = rest
                .trim_start_matches(':')
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(':')
                .trim_start();
            *note = format!("{label}: {rest}");
        }
    }
    // A number in the decision's words (`2. Use X`) is no record's number, and a row's
    // date orders it among the rows, as a date-named record's file name does.
    d.source_number = None;
    d.number = 0;
    d.file_date = (d.dated == super::Dated::Record).then_some(d.date);
    d.has_metadata = true;
    if let Some(y) = &y_statement {
        let sections = super::ystatement::sections(y, super::ystatement::Has::default(), 2);
        let kept = if body.is_empty() {
            String::new()
        } else {
            body.join("\n") + "\n\n"
        };
        let read = if d.body.trim().is_empty() {
            String::new()
        } else {
            format!("{}\n\n", d.body.trim_end())
        };
        d.body = format!("{title}\n\n{read}{kept}{sections}");
        d.unmapped.push(format!(
            "{label}: the decision is a Y-statement; the record is titled `{}`, and the statement opens its body, its parts in sections below it",
            d.title
        ));
    } else if !body.is_empty() {
        let kept = body.join("\n") + "\n";
        d.body = if d.body.trim().is_empty() {
            kept
        } else {
            format!("{}\n{kept}", d.body.trim_end())
        };
    }
    Ok(Row {
        line,
        decision: d,
        local_links,
        status_cell,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_keep_escaped_pipes_and_drop_export_html() {
        assert_eq!(
            cells(r"| a \| b | `x|y` | <span style='c'>IN PROGRESS</span> | <https://e.org> |"),
            ["a | b", "`x|y`", "IN PROGRESS", "<https://e.org>"]
        );
        assert_eq!(cells("| a<br/>b |"), ["a b"]);
        // Tags that never close stay as written; a cell of 200,000 of them is read in one
        // pass (looking for a `>` after each `<` took seconds).
        assert_eq!(clean_cell("x <b and <i"), "x <b and <i");
        let many = "<a ".repeat(200_000);
        let (cleaned, took) = crate::cpu_time::cpu_time_of(|| clean_cell(&many));
        assert_eq!(cleaned.len(), many.trim_end().len());
        assert!(took < std::time::Duration::from_secs(2));
    }

    #[test]
    fn a_decision_log_is_told_by_its_table() {
        let opts = ImportOptions::new("platform", 2, jiff::civil::date(2026, 11, 25));
        let log = "# Log\n\n| Date | Decision | Owner | Status |\n| --- | --- | --- | --- |\n| 2024-05-02 | Use Renovate | @ola | Decided |\n| 2024-04-18 | One bucket | @ana | Decided |\n";
        let read = read_log("log.md", log, &opts).unwrap();
        assert_eq!(read.header, "| Date | Decision | Owner | Status |");
        assert_eq!(read.total, 2);
        let rows: Vec<(usize, &str, &str, &[String])> = read
            .rows
            .iter()
            .map(|r| {
                let d = &r.decision;
                (
                    r.line,
                    d.title.as_str(),
                    d.status.as_str(),
                    d.authors.as_slice(),
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                (5, "Use Renovate", "accepted", &["@ola".to_owned()][..]),
                (6, "One bucket", "accepted", &["@ana".to_owned()][..]),
            ]
        );
        assert_eq!(read.rows[0].decision.source, "log.md:5");
        // A table of people, or one row, is no log.
        let people = "| Name | Role |\n|---|---|\n| Ann | Lead |\n| Bo | Dev |\n";
        assert!(read_log("p.md", people, &opts).is_none());
        let one = "| Decision | Status |\n|---|---|\n| A | Done |\n";
        assert!(read_log("o.md", one, &opts).is_none());
    }

    #[test]
    fn a_log_header_names_a_decision_and_a_status_or_date() {
        let h = |s: &str| cells(s);
        assert!(is_log_header(&h("| Date | Decision | Owner |")));
        assert!(is_log_header(&h("| **Decision** | **Status** |")));
        assert!(!is_log_header(&h("| Decision | Owner |")));
        assert!(!is_log_header(&h("| Option | Cost |")));
    }
}
