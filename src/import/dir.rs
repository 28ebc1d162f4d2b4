//! A whole folder of decision records, made into one consistent set for the handbook.
//!
//! This module owns what only the collection as a whole can decide: which `.md` files are
//! records and which are indexes or templates (by what they say, never by their names),
//! the layouts records come in (`NNNN-slug.md`, `adr-NNN.md`, log4brains' date-named
//! `YYYYMMDD-slug.md`, folder-per-record `name/index.md` (a KEP's `README.md` with its
//! `kep.yaml`), nested folders), the numbers the
//! records get in a handbook that already uses some, relations and links followed to the
//! new numbers, attachments found and links to the rest of the source repository made
//! absolute, and dates of undated records taken from one `git log` pass.
//! [`parse_record_beside`] reads each file; the result is a [`Collection`] the command writes all at once.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use jiff::civil::Date;

use super::adr::{heading_ids, link_stem, parse_record_beside};
use super::{
    Dated, ImportError, ImportOptions, ImportedDecision, push_note_once, reconcile_relations,
    rewrite_links_with, strip_md_extension,
};

/// Extensions of files a record links to that travel with it into `content/`. Anything
/// else (source code, Terraform, specs in Markdown) stays in the source repository.
const ATTACHMENT_EXTENSIONS: &[&str] = &[
    "png",
    "jpg",
    "jpeg",
    "gif",
    "svg",
    "webp",
    "bmp",
    "ico",
    "pdf",
    "drawio",
    "excalidraw",
    "vsdx",
    "pptx",
    "docx",
    "xlsx",
    "odt",
    "ods",
    "odp",
    "csv",
    "mp4",
    "webm",
];

/// Where attachments go, relative to `content/decisions/`.
pub const ATTACHMENTS_DIR: &str = "attachments";

/// One file to copy into the handbook.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub from: PathBuf,
    /// Relative to `content/decisions/`, `/`-separated.
    pub to: String,
}

/// Everything an import of one folder found, ready to be written and reported.
#[derive(Debug, Default)]
pub struct Collection {
    /// With their handbook numbers, sorted by number.
    pub decisions: Vec<ImportedDecision>,
    /// `.md` files that are not records: (path in the folder, why).
    pub skipped: Vec<(String, String)>,
    /// Records that could not be read at all, or clash under `--keep-numbers`.
    pub errors: Vec<String>,
    /// Records whose number is not their source number plus the offset:
    /// (path in the folder, the source number or date, the new number).
    pub renumbered: Vec<(String, String, u32)>,
    /// Records that got their source number plus a non-zero `--offset`.
    pub offset: usize,
    pub attachments: Vec<Attachment>,
    /// Links to repository files made absolute with `--source-url`.
    pub absolute_links: usize,
    /// Links to repository files left as they are, each with its fix.
    pub repository_links: Vec<String>,
    /// Records dated by the commit that added them.
    pub git_dated: usize,
    /// Records dated 1 January of the year their folder names (no date in the record
    /// or in git).
    pub year_dated: usize,
    /// Records dated today (no date anywhere), by path.
    pub today_dated: Vec<String>,
}

/// A record's place in the source folder.
struct Found {
    rel: String,
    path: PathBuf,
    /// `name/index.md`: the folder stands for the record.
    folder: Option<PathBuf>,
    kind: Kind,
    /// A row's or a part's 1-based line in its page; 0 for a file.
    line: usize,
}

/// What of a file a record is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The whole file.
    File,
    /// A row of a decision log: `rel` names the page and the row's line, `path` the page,
    /// which no link to the page stands for.
    Row,
    /// One of the records of a page that holds several under numbered headings
    /// ([`super::adr::split_page`]): named as a row is, but numbered by its heading, so a
    /// bare number in another record names it.
    Part,
}

impl Found {
    /// The file's path in the folder, without a row's or a part's line.
    fn page(&self) -> &str {
        match self.rel.rsplit_once(':') {
            Some((page, _)) if self.kind != Kind::File => page,
            _ => &self.rel,
        }
    }
}

/// Reads every `.md` file under `dir` (hidden folders aside) and makes the records among
/// them into a [`Collection`] numbered to fit beside `opts.taken`.
pub fn import_dir(dir: &Path, opts: &ImportOptions) -> std::io::Result<Collection> {
    let dir = std::fs::canonicalize(dir)?;
    let mut out = Collection::default();
    let mut found = Vec::new();
    let mut records = Vec::new();
    // Decision logs, split into records once every file is read (see `add_log_rows`).
    let mut logs: Vec<PendingLog> = Vec::new();
    // Index pages' lists, read for the statuses they give records once every record is.
    let mut lists: Vec<(String, PathBuf, Vec<super::log::Listed>)> = Vec::new();
    // What an index says of a record: (index file:line, its status, the record).
    let mut claims: Vec<IndexClaim> = Vec::new();
    // Pages of several records, split once every file is read (see `add_page_parts`).
    let mut pages: Vec<(String, PathBuf, super::adr::SplitPage)> = Vec::new();

    let walk = walkdir::WalkDir::new(&dir).sort_by_file_name().into_iter();
    for entry in walk {
        let entry = entry.map_err(std::io::Error::other)?;
        if !entry.file_type().is_file() {
            continue;
        }
        let path = entry.path().to_path_buf();
        let base = entry.file_name().to_string_lossy().into_owned();
        if strip_md_extension(&base).is_none() {
            continue;
        }
        let rel = rel_string(path.strip_prefix(&dir).unwrap_or(&path));
        // Tool state (`.log4brains/`, `.github/`) is not records, but is still listed.
        if rel.split('/').any(|part| part.starts_with('.')) {
            out.skipped
                .push((rel, "in a hidden folder or a hidden file".to_owned()));
            continue;
        }
        let lower = base.to_ascii_lowercase();
        let in_subfolder = rel.contains('/');
        let folder_record = in_subfolder && matches!(lower.as_str(), "index.md" | "readme.md");
        let name = if folder_record {
            let folder = path
                .parent()
                .and_then(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            format!("{folder}.md")
        } else {
            base.clone()
        };
        // Bytes that are not UTF-8 (an old Windows editor) cost a note, not the record.
        let (text, legacy) = match crate::text::legacy::read_text(&path) {
            Ok(read) => read,
            Err(source) => {
                out.errors.push(
                    ImportError::Read {
                        file: rel.clone(),
                        source,
                    }
                    .to_string(),
                );
                continue;
            }
        };
        let text = match hugo_ref_links(&text) {
            std::borrow::Cow::Owned(linked) => linked,
            std::borrow::Cow::Borrowed(_) => text,
        };
        // A KEP keeps its metadata in `kep.yaml` beside its README.md.
        let kep = folder_record
            .then(|| path.with_file_name("kep.yaml"))
            .filter(|p| p.is_file())
            // In the encoding it looks like when it is not UTF-8, as the README is.
            .and_then(|p| {
                crate::text::legacy::read_text(&p)
                    .ok()
                    .map(|(yaml, _)| yaml)
            })
            .map(|yaml| {
                (
                    rel_string(Path::new(&rel).with_file_name("kep.yaml").as_path()),
                    yaml,
                )
            });
        let beside = kep
            .as_ref()
            .map(|(file, yaml)| (file.as_str(), yaml.as_str()));
        if beside.is_none()
            && let Some(mut split) = super::adr::split_page(&rel, &text, opts)
        {
            if let Some(how) = &legacy {
                for part in &mut split.parts {
                    let d = &mut part.decision;
                    d.unmapped.push(format!("{}: {}", d.source, how.describe()));
                }
            }
            pages.push((rel, path, split));
            continue;
        }
        let d = match parse_record_beside(&rel, &name, &text, beside, opts) {
            Ok(mut d) => {
                if let Some(how) = legacy {
                    d.unmapped.push(format!("{rel}: {}", how.describe()));
                }
                d
            }
            Err(ImportError::NoTitle { .. }) => {
                out.skipped
                    .push((rel, "no title and no name to make one from".to_owned()));
                continue;
            }
            Err(e) => {
                out.errors.push(e.to_string());
                continue;
            }
        };
        if let Some(reason) = &d.template {
            out.skipped.push((rel, format!("a template: {reason}")));
            continue;
        }
        // Hugo's `_index.md` is its folder's section page (a title and a date for the
        // list of records), never a record, whatever its front matter holds.
        if lower == "_index.md" || lower == "_index.markdown" {
            out.skipped.push((
                rel,
                "the folder's index page (Hugo's `_index.md`), not a record".to_owned(),
            ));
            continue;
        }
        let numbered = d.source_number.is_some() || d.file_date.is_some();
        // Numbered to sort first in the folder (hyades's `000-index.md`), an index page
        // is still named as one.
        let named_index = matches!(
            lower
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .trim_start_matches(['-', '_', '.']),
            "index.md" | "readme.md"
        );
        let page = !numbered || named_index;
        // A page with a date or status of its own (a Notion export's `Last updated:`) is
        // still a log when it says it is one.
        let says_log = {
            let t = d.title.to_lowercase();
            t.contains("log") || t.contains("register") || t.contains("decisions")
        };
        if page
            && (!d.has_metadata || says_log)
            && let Some(log) = super::log::read_log(&rel, &text, opts)
        {
            logs.push(PendingLog {
                rel,
                path,
                log,
                md_links: d.md_links,
            });
            continue;
        }
        if !d.has_metadata && page {
            let listed = super::log::listed_statuses(&text);
            if !listed.is_empty() {
                lists.push((rel.clone(), path.clone(), listed));
            }
            let reason = if d.md_links >= 2 {
                index_reason(d.md_links)
            } else if named_index && numbered {
                "the folder's index page, not a record: no status or date".to_owned()
            } else {
                "not a record: no number, status or date".to_owned()
            };
            out.skipped.push((rel, reason));
            continue;
        }
        found.push(Found {
            rel,
            folder: folder_record
                .then(|| path.parent().map(Path::to_path_buf))
                .flatten(),
            path,
            kind: Kind::File,
            line: 0,
        });
        records.push(d);
    }
    if !pages.is_empty() {
        let own = OwnFiles::of(&records, &found);
        for (rel, path, split) in pages {
            let page = (rel.as_str(), path.as_path());
            add_page_parts(
                page,
                split,
                &own,
                (&mut records, &mut found),
                &mut out,
                &mut claims,
            );
        }
    }
    if !logs.is_empty() || !lists.is_empty() {
        let own = OwnFiles::of(&records, &found);
        for log in logs {
            add_log_rows(log, &own, &mut records, &mut found, &mut out, &mut claims);
        }
        for (rel, path, listed) in lists {
            list_claims(&rel, &path, listed, &own, &records, &mut claims);
        }
    }

    number(&mut records, &found, opts, &mut out);
    if !out.errors.is_empty() {
        return Ok(out);
    }
    follow_relations(&mut records, &found, &opts.taken);

    // Records imported before are not written again: what the report counts and lists
    // (dates guessed, links to fix) is of the records written.
    let new = |d: &ImportedDecision| d.imported_as.is_none();
    let repo = git_toplevel(&dir);
    if opts.git_dates
        && let Some(top) = &repo
        && records.iter().any(|d| d.dated == Dated::Today && new(d))
    {
        let added = git_added_dates(top, &dir);
        for (d, f) in records.iter_mut().zip(&found) {
            if d.dated == Dated::Today
                && new(d)
                && let Some(&date) = added.get(&f.path)
            {
                d.dated = Dated::Git;
                d.date = date;
                if d.decided.is_some() {
                    d.decided = Some(date);
                }
                out.git_dated += 1;
                if let Some(written) = &d.unread_date {
                    d.unmapped.push(format!(
                        "{}: the record's date `{written}` could not be read; dated {date}, when the file was committed (the date as written stays in the body)",
                        f.rel
                    ));
                }
            }
        }
    }
    // .NET's designs name their year in a folder (`accepted/2021/`): nearer the truth
    // than today, and said in the summary, since it is only the year.
    for d in records.iter_mut() {
        if d.dated == Dated::Today
            && new(d)
            && let Some(date) = d
                .folder_year
                .and_then(|y| jiff::civil::Date::new(y, 1, 1).ok())
        {
            d.dated = Dated::Folder;
            d.date = date;
            if d.decided.is_some() {
                d.decided = Some(date);
            }
            out.year_dated += 1;
        }
    }
    for (d, f) in records.iter_mut().zip(&found) {
        if d.dated == Dated::Today && new(d) {
            let history = if repo.is_some() {
                " and the file is not committed"
            } else {
                " and no git history"
            };
            d.unmapped.push(match &d.unread_date {
                Some(written) => format!(
                    "{}: the record's date `{written}` could not be read{history}; dated today ({}) instead (the date as written stays in the body)",
                    f.rel, opts.today
                ),
                None => format!(
                    "{}: no date in the record{history}; dated today ({})",
                    f.rel, opts.today
                ),
            });
            out.today_dated.push(f.rel.clone());
        }
    }

    let links = Links::new(&dir, &records, &found, opts);
    let mut attachments = Planned::default();
    for i in 0..records.len() {
        if !new(&records[i]) {
            continue;
        }
        let from_dir = found[i].path.parent().unwrap_or(&dir).to_path_buf();
        let mut notes = Vec::new();
        let body = std::mem::take(&mut records[i].body);
        let body = with_related(body, &records[i].related);
        records[i].body = rewrite_links_with(&body, |dest| {
            links.rewrite(dest, &from_dir, &mut attachments, &mut notes, &mut out)
        });
        let rel = found[i].rel.clone();
        // Each link once, at the first line that has it, as other notes name their line.
        // A log's row is named by its line already.
        let source = if found[i].kind != Kind::File {
            String::new()
        } else {
            std::fs::read(&found[i].path)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .unwrap_or_default()
        };
        let mut seen = BTreeSet::new();
        for note in notes {
            if !seen.insert(note.dest.clone()) {
                continue;
            }
            let line = source
                .lines()
                .position(|l| l.contains(&format!("({}", note.dest)) || l.contains(&note.dest))
                .map_or(String::new(), |i| format!(":{}", i + 1));
            let text = format!("{rel}{line}: {}", note.text);
            if note.rescued {
                records[i].unmapped.push(text);
            } else {
                out.repository_links.push(text);
            }
        }
    }
    out.attachments = attachments
        .by_source
        .into_iter()
        .map(|(from, to)| Attachment { from, to })
        .collect();
    out.attachments.sort_by(|a, b| a.to.cmp(&b.to));

    reconcile_relations(&mut records);
    index_disagreements(&claims, &mut records, &found);
    no_successor_before_predecessor(&mut records);
    drop_missing_anchors(&mut records);
    records.sort_by_key(|d| d.number);
    out.decisions = records;
    Ok(out)
}

fn index_reason(links: usize) -> String {
    format!("an index: it links to {links} records and has no status or date")
}

/// A decision log read, waiting for the folder's other records to be known.
struct PendingLog {
    rel: String,
    path: PathBuf,
    log: super::log::Log,
    md_links: usize,
}

/// Each row of a decision log that is a decision of its own becomes a record. A row that
/// links to a record the import reads from its own file, or has that record's title, is
/// that record: left out, so it is not imported twice, and when half the rows or more are
/// such rows the page is an index that has a status column, as an RFD folder's README is.
/// Rows keep their order in the page among themselves (`number` orders rows by date, as
/// it orders date-named records, then by where they are).
fn add_log_rows(
    pending: PendingLog,
    own: &OwnFiles,
    records: &mut Vec<ImportedDecision>,
    found: &mut Vec<Found>,
    out: &mut Collection,
    claims: &mut Vec<IndexClaim>,
) {
    let PendingLog {
        rel,
        path,
        log,
        md_links,
    } = pending;
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let (files, titles) = (&own.files, &own.titles);
    let mut rows = Vec::new();
    let mut known = Vec::new();
    for row in log.rows {
        let by_link = row.local_links.iter().find_map(|dest| {
            let file = dest.split(['#', '?']).next().unwrap_or(dest);
            files.get(&lexical_join(&base, file)).copied()
        });
        let by_title = || titles.get(&row.decision.title.to_lowercase()).copied();
        match by_link.or_else(by_title) {
            Some(i) => {
                if let Some(says) = row
                    .status_cell
                    .as_deref()
                    .and_then(|c| super::adr::index_status(c, true))
                {
                    claims.push(IndexClaim {
                        at: format!("{rel}:{}", row.line),
                        says: says.to_owned(),
                        record: i,
                    });
                }
                known.push((row.line, found[i].rel.clone()));
            }
            None => rows.push(row),
        }
    }
    if md_links >= 2 && known.len() * 2 >= log.total {
        out.skipped.push((rel, index_reason(md_links)));
        return;
    }
    // One list in page order: rows that are no decision, and rows that are records of
    // their own.
    let mut left: Vec<(usize, String)> = log
        .skipped
        .iter()
        .map(|(line, why)| {
            (
                *line,
                format!("a row of a decision log, not imported: {why}"),
            )
        })
        .chain(known.iter().map(|(line, record)| {
            (
                *line,
                format!(
                    "a row of a decision log for {record}, which is imported from its own file"
                ),
            )
        }))
        .collect();
    left.sort_by_key(|(line, _)| *line);
    for (line, why) in left {
        out.skipped.push((format!("{rel}:{line}"), why));
    }
    if rows.is_empty() {
        out.skipped.push((
            rel,
            format!(
                "a decision log (`{}`) with no row to import ({} rows)",
                log.header, log.total
            ),
        ));
        return;
    }
    for row in rows {
        found.push(Found {
            rel: format!("{rel}:{}", row.line),
            path: path.clone(),
            folder: None,
            kind: Kind::Row,
            line: row.line,
        });
        records.push(row.decision);
    }
}

/// The records of a page of several (see [`super::adr::split_page`]), each a record of
/// its own, but for a section that stands for a record the import reads from its own
/// file (it links to that file, or has that record's title): an index that sets out its
/// records under numbered headings. Such a section is listed as skipped (its status, when
/// it gives one, compared with the record's, as an index's is), and a page of nothing
/// else is skipped as an index.
fn add_page_parts(
    (rel, path): (&str, &Path),
    split: super::adr::SplitPage,
    own: &OwnFiles,
    (records, found): (&mut Vec<ImportedDecision>, &mut Vec<Found>),
    out: &mut Collection,
    claims: &mut Vec<IndexClaim>,
) {
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let total = split.parts.len();
    let mut known = Vec::new();
    let mut parts = Vec::new();
    for part in split.parts {
        let d = &part.decision;
        let mut by_link = None;
        super::rewrite_links(&d.body, |dest| {
            let file = dest.split(['#', '?']).next().unwrap_or(dest);
            if by_link.is_none() && !file.is_empty() && !file.contains("://") {
                by_link = own.files.get(&lexical_join(&base, file)).copied();
            }
            None
        });
        match by_link.or_else(|| own.titles.get(&d.title.to_lowercase()).copied()) {
            Some(i) => {
                if d.status_stated {
                    claims.push(IndexClaim {
                        at: d.source.clone(),
                        says: d.status.clone(),
                        record: i,
                    });
                }
                known.push((part.line, found[i].rel.clone()));
            }
            None => parts.push(part),
        }
    }
    if parts.is_empty() {
        out.skipped.push((
            rel.to_owned(),
            format!("an index: each of its {total} numbered sections is a record imported from its own file"),
        ));
        return;
    }
    for (line, record) in known {
        out.skipped.push((
            format!("{rel}:{line}"),
            format!("a section for {record}, which is imported from its own file"),
        ));
    }
    let mut note = Some(split.note);
    for part in parts {
        let mut d = part.decision;
        if let Some(note) = note.take() {
            d.unmapped.insert(0, note);
        }
        found.push(Found {
            rel: d.source.clone(),
            path: path.to_path_buf(),
            folder: None,
            kind: Kind::Part,
            line: part.line,
        });
        records.push(d);
    }
}

/// What an index page says a record's status is, to be compared with the record's own.
struct IndexClaim {
    /// The index's file and line (`README.md:7`).
    at: String,
    says: String,
    /// The record, by its place in the folder's records.
    record: usize,
}

/// The claims of an index page's list items (`* @subpage adr_0018 (rejected)`): each
/// names its record by a link to its file or by the number its Doxygen name ends with.
fn list_claims(
    rel: &str,
    path: &Path,
    listed: Vec<super::log::Listed>,
    own: &OwnFiles,
    records: &[ImportedDecision],
    claims: &mut Vec<IndexClaim>,
) {
    let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
    for item in listed {
        let record = match &item.target {
            super::log::ListedTarget::Link(dest) => {
                own.files.get(&lexical_join(&base, dest)).copied()
            }
            super::log::ListedTarget::Number(n) => own.numbers.get(n).copied(),
        };
        if let Some(record) = record.filter(|&i| i < records.len()) {
            claims.push(IndexClaim {
                at: format!("{rel}:{}", item.line),
                says: item.status.to_owned(),
                record,
            });
        }
    }
}

/// The file wins over an index that gives its record another status; each such record is
/// noted, naming both, so the one that is wrong can be corrected. Compared once the
/// relations are reconciled: an index that says superseded for a record another one
/// supersedes agrees with it.
fn index_disagreements(claims: &[IndexClaim], records: &mut [ImportedDecision], found: &[Found]) {
    let mut from_index = HashSet::new();
    for claim in claims {
        let d = &mut records[claim.record];
        if d.imported_as.is_some() {
            continue;
        }
        // A record that states no status (MADR 3 makes it optional) has the one its
        // folder's index gives, the only word on it the folder has; `--status` is a
        // guess for the whole folder. A status its relations gave it stands.
        if !d.status_stated && d.status != "superseded" && from_index.insert(claim.record) {
            d.status.clone_from(&claim.says);
            d.decided = (d.status != "proposed").then_some(d.decided.unwrap_or(d.date));
            let unstated = format!("{}: no status found;", d.source);
            d.unmapped.retain(|n| !n.starts_with(&unstated));
            d.unmapped.push(format!(
                "{}: the record states no status; imported as {}, as the index says at {}",
                d.source, claim.says, claim.at
            ));
            continue;
        }
        if d.status == claim.says {
            continue;
        }
        let says = if d.status_stated {
            format!("says {}", d.status)
        } else {
            format!("states none (imported as {})", d.status)
        };
        d.unmapped.push(format!(
            "{}: the index says {} for {}, whose record {says}; imported as the record says (correct the one that is wrong)",
            claim.at, claim.says, found[claim.record].rel
        ));
    }
}

/// The records read from files of their own, by path (and folder) and by lowercase title,
/// made once for all of a folder's logs: per log, it would be a scan of every record for
/// each log page.
struct OwnFiles {
    files: HashMap<PathBuf, usize>,
    titles: HashMap<String, usize>,
    /// By source number, the first of each.
    numbers: HashMap<u32, usize>,
}

impl OwnFiles {
    fn of(records: &[ImportedDecision], found: &[Found]) -> OwnFiles {
        let files = found
            .iter()
            .enumerate()
            .filter(|(_, f)| f.kind == Kind::File)
            .flat_map(|(i, f)| {
                std::iter::once((f.path.clone(), i)).chain(f.folder.clone().map(|d| (d, i)))
            })
            .collect();
        let titles = records
            .iter()
            .enumerate()
            .map(|(i, d)| (d.title.to_lowercase(), i))
            .collect();
        let mut numbers = HashMap::new();
        for (i, d) in records.iter().enumerate() {
            if let Some(n) = d.source_number {
                numbers.entry(n).or_insert(i);
            }
        }
        OwnFiles {
            files,
            titles,
            numbers,
        }
    }
}

/// `base` joined with the relative `file` (`../rfcs/rfc-530.md`), `..` folded away, as the
/// walk's paths are.
fn lexical_join(base: &Path, file: &str) -> PathBuf {
    let mut out = base.to_path_buf();
    for part in Path::new(file).components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            Component::Normal(p) => out.push(p),
            Component::RootDir | Component::Prefix(_) => {}
        }
    }
    out
}

fn rel_string(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Source numbers that are free are kept (plus `--offset`); clashing or duplicated ones,
/// and date-named records (in date order), get the next free numbers after the highest
/// in use. Under `--keep-numbers` a clash is an error instead.
fn number(
    records: &mut [ImportedDecision],
    found: &[Found],
    opts: &ImportOptions,
    out: &mut Collection,
) {
    let mut used: BTreeSet<u32> = opts.taken.clone();
    let mut assigned = vec![None; records.len()];
    let mut order: Vec<usize> = (0..records.len()).collect();
    order.sort_by(|&a, &b| {
        // A decision log's rows: dated ones by date, undated ones after them, each day's
        // in page order (by line, not by `page:line` as text, where 10 sorts before 9).
        let key = |i: usize| {
            let d = &records[i];
            let f = &found[i];
            (
                d.source_number.is_none(),
                d.source_number,
                f.kind == Kind::Row && d.file_date.is_none(),
                d.file_date,
                f.page(),
                f.line,
            )
        };
        key(a).cmp(&key(b))
    });
    // Records imported before keep the number their decision has.
    for (i, (number, path)) in imported_before(records, &order, opts) {
        records[i].imported_as = Some(path);
        assigned[i] = Some(number);
    }
    for &i in &order {
        if assigned[i].is_some() {
            continue;
        }
        let Some(n) = records[i].source_number else {
            continue;
        };
        let Some(wanted) = n.checked_add(opts.offset) else {
            continue;
        };
        if used.insert(wanted) {
            assigned[i] = Some(wanted);
        } else if opts.keep_numbers {
            out.errors.push(format!(
                "{}: decision number {wanted} is already taken (--keep-numbers refuses to renumber); \
                 leave out --keep-numbers, or pass --offset N to move the whole collection",
                found[i].rel
            ));
        }
    }
    let mut next = used
        .last()
        .copied()
        .unwrap_or(0)
        .max(opts.offset)
        .saturating_add(1);
    for &i in &order {
        let new = match assigned[i] {
            Some(n) => n,
            None => {
                while used.contains(&next) {
                    next += 1;
                }
                used.insert(next);
                next
            }
        };
        let d = &mut records[i];
        d.number = new;
        if d.imported_as.is_some() {
            continue;
        }
        match d.source_number {
            Some(n) if n.checked_add(opts.offset) == Some(new) => {
                if opts.offset > 0 {
                    out.offset += 1;
                }
            }
            Some(n) => out
                .renumbered
                .push((found[i].rel.clone(), n.to_string(), new)),
            None => {
                let old = d
                    .file_date
                    .map_or_else(|| "no number".to_owned(), |date| format!("dated {date}"));
                out.renumbered.push((found[i].rel.clone(), old, new));
            }
        }
    }
    out.renumbered.sort_by_key(|r| r.2);
}

/// The records that were imported before, each with the number and file of the
/// handbook's decision it is. A decision is a record's when their titles match, and their
/// dates too when the record has a date of its own (a record dated by nothing in it, git
/// or today, matches on its title alone). Among several such decisions (a title two
/// records share by a copy-paste slip), the one with the record's number (plus
/// `--offset`) is the record's; the rest pair up in order, source order with the
/// handbook's numbers, as the first import numbered them, and only when as many records
/// as decisions are left, since otherwise which is which is a guess. No decision is
/// claimed twice. `order` is the records in source order.
fn imported_before(
    records: &[ImportedDecision],
    order: &[usize],
    opts: &ImportOptions,
) -> Vec<(usize, (u32, String))> {
    type Entry = (jiff::civil::Date, u32, String);
    let own_date = |d: &ImportedDecision| matches!(d.dated, Dated::Record | Dated::FileName);
    let candidates = |d: &ImportedDecision| -> Vec<&Entry> {
        let Some(found) = opts.existing.get(&d.title) else {
            return Vec::new();
        };
        let mut found: Vec<&Entry> = found
            .iter()
            .filter(|e| !own_date(d) || e.0 == d.date)
            .collect();
        found.sort_by_key(|e| e.1);
        found
    };
    let mut claimed: BTreeSet<u32> = BTreeSet::new();
    let mut out = Vec::new();
    let mut left = Vec::new();
    for &i in order {
        let d = &records[i];
        let wanted = d.source_number.and_then(|n| n.checked_add(opts.offset));
        let by_number = candidates(d)
            .into_iter()
            .find(|e| Some(e.1) == wanted && !claimed.contains(&e.1));
        match by_number {
            Some(e) => {
                claimed.insert(e.1);
                out.push((i, (e.1, e.2.clone())));
            }
            None => left.push(i),
        }
    }
    // The rest, grouped as they are matched: by title, and date when it is the record's.
    let mut groups: BTreeMap<(&str, Option<jiff::civil::Date>), Vec<usize>> = BTreeMap::new();
    for &i in &left {
        let d = &records[i];
        groups
            .entry((d.title.as_str(), own_date(d).then_some(d.date)))
            .or_default()
            .push(i);
    }
    for group in groups.values() {
        let free: Vec<&Entry> = candidates(&records[group[0]])
            .into_iter()
            .filter(|e| !claimed.contains(&e.1))
            .collect();
        if free.len() != group.len() {
            continue;
        }
        for (&i, e) in group.iter().zip(free) {
            claimed.insert(e.1);
            out.push((i, (e.1, e.2.clone())));
        }
    }
    out
}

/// Supersedes both ways, in new numbers: a link names its target's file, which survives
/// renumbering; a bare number names the first record that had it.
fn follow_relations(records: &mut [ImportedDecision], found: &[Found], taken: &BTreeSet<u32>) {
    let mut by_stem: HashMap<String, usize> = HashMap::new();
    let mut by_number: HashMap<u32, usize> = HashMap::new();
    for (i, (d, f)) in records.iter().zip(found).enumerate() {
        if f.kind == Kind::Row {
            continue;
        }
        if let Some(n) = d.source_number {
            by_number.entry(n).or_insert(i);
        }
        // A link to the page is to no one of its parts.
        if f.kind == Kind::Part {
            continue;
        }
        let stem = match &f.folder {
            Some(folder) => folder.file_name().map(|n| n.to_string_lossy().into_owned()),
            None => f
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .map(|n| strip_md_extension(&n).unwrap_or(&n).to_owned()),
        };
        if let Some(stem) = stem {
            by_stem.entry(stem).or_insert(i);
        }
    }
    let resolve = |numbers: &[u32], files: &[String]| -> Vec<u32> {
        let mut targets: Vec<usize> = files
            .iter()
            .filter_map(|f| by_stem.get(f).copied())
            .collect();
        let mut dangling = Vec::new();
        for n in numbers {
            if targets
                .iter()
                .any(|&t| records[t].source_number == Some(*n))
            {
                continue;
            }
            match by_number.get(n) {
                Some(&t) => targets.push(t),
                // Not among the imported records: it may be a decision already in the
                // handbook; reconcile says so.
                None => dangling.push(*n),
            }
        }
        let mut out: Vec<u32> = targets.iter().map(|&t| records[t].number).collect();
        out.extend(dangling);
        out.sort_unstable();
        out.dedup();
        out
    };
    let numbers: BTreeSet<u32> = records.iter().map(|d| d.number).collect();
    let new: Vec<(Vec<u32>, Vec<u32>)> = records
        .iter()
        .map(|d| {
            (
                resolve(&d.supersedes, &d.supersedes_files),
                resolve(&d.superseded_by, &d.superseded_by_files),
            )
        })
        .collect();
    for (d, (mut sup, by)) in records.iter_mut().zip(new) {
        // `supersedes` naming a decision that exists nowhere would fail the build: the
        // relation stays as words in the body instead.
        sup.retain(|n| {
            let known = taken.contains(n) || numbers.contains(n);
            if !known {
                d.related.push(format!("Supersedes decision {n}, which is not in this handbook"));
                d.unmapped.push(format!(
                    "{}: supersedes {n}, which is neither imported nor in the handbook; kept as text under Related decisions",
                    d.source
                ));
            }
            known
        });
        d.supersedes = sup;
        d.superseded_by = by;
        d.supersedes_files.clear();
        d.superseded_by_files.clear();
        // A link to a file no imported record has (a date-named record not in the
        // folder) resolves to nothing: what the author wrote stays, and the note says where.
        for fr in std::mem::take(&mut d.file_relations) {
            if by_stem.contains_key(&fr.stem) {
                continue;
            }
            let kept = match fr.kept_as {
                Some(item) => {
                    if !d.related.contains(&item) {
                        d.related.push(item);
                    }
                    "kept under “Related decisions”"
                }
                None => "the line stays in the body as written",
            };
            d.unmapped.push(format!(
                "{}:{}: {} `{}`, which is not among the imported records; {kept}",
                d.source, fr.line, fr.relation, fr.target
            ));
        }
    }
}

/// Relations orgbook has no key for stay in the body, as a section of links.
fn with_related(body: String, related: &[String]) -> String {
    if related.is_empty() {
        return body;
    }
    let mut body = body;
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    if !body.is_empty() {
        body.push('\n');
    }
    body.push_str("## Related decisions\n\n");
    for r in related {
        body.push_str("- ");
        body.push_str(r);
        body.push('\n');
    }
    body
}

/// A link into a record at a heading the import removed (`#status`) would be a build
/// warning: the link keeps its target and loses the anchor, and a note says so.
fn drop_missing_anchors(records: &mut [ImportedDecision]) {
    let ids: HashMap<String, (std::collections::HashSet<String>, usize)> = records
        .iter()
        .enumerate()
        .map(|(i, d)| (d.file_name(), (heading_ids(&d.body), i)))
        .collect();
    let bodies: Vec<String> = records.iter().map(|d| d.body.clone()).collect();
    for d in records.iter_mut() {
        let own = d.file_name();
        let mut dropped = Vec::new();
        d.body = rewrite_links_with(&d.body, |dest| {
            let (file, fragment) = dest.split_once('#')?;
            let (known, i) = ids.get(if file.is_empty() { own.as_str() } else { file })?;
            // Raw HTML anchors count too, as they do in the build (searched for only when
            // no heading has the id).
            let in_html = || {
                bodies[*i].contains(&format!("id=\"{fragment}\""))
                    || bodies[*i].contains(&format!("name=\"{fragment}\""))
            };
            if fragment.is_empty() || known.contains(fragment) || in_html() {
                return None;
            }
            dropped.push(dest.to_owned());
            Some(if file.is_empty() {
                Rewrite::Unlink
            } else {
                Rewrite::To(file.to_owned())
            })
        });
        for dest in dropped {
            // Within the record a link without its anchor would lead nowhere, so its text
            // is all that is left (a table of contents' `- [Status](#status)`).
            let instead = if dest.starts_with('#') {
                "its text is kept without the link"
            } else {
                "it links to the record instead"
            };
            push_note_once(
                &mut d.unmapped,
                format!(
                    "{}: the link to `{dest}` names a heading the imported record does not have; {instead}",
                    d.source
                ),
            );
        }
    }
}

/// A record dated by guesswork (git or today) is never decided after the record that
/// supersedes it: it takes its successor's date.
fn no_successor_before_predecessor(records: &mut [ImportedDecision]) {
    let index: HashMap<u32, usize> = records
        .iter()
        .enumerate()
        .map(|(i, d)| (d.number, i))
        .collect();
    for i in 0..records.len() {
        let (new_date, new_number) = (records[i].date, records[i].number);
        for old in records[i].supersedes.clone() {
            let Some(&j) = index.get(&old) else { continue };
            let d = &mut records[j];
            if matches!(d.dated, Dated::Git | Dated::Folder | Dated::Today) && d.date > new_date {
                d.unmapped.push(format!(
                    "{}: dated {} by guess, after decision {} that supersedes it; dated {new_date} instead",
                    d.source, d.date, new_number
                ));
                d.date = new_date;
                d.decided = Some(new_date);
            }
        }
    }
}

/// The top of the git work tree holding `dir`, if any.
fn git_toplevel(dir: &Path) -> Option<PathBuf> {
    let out = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--show-toplevel"])
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let top = String::from_utf8(out.stdout).ok()?;
    std::fs::canonicalize(top.trim()).ok()
}

/// The date of the commit that added each file under `dir`, from one `git log` over the
/// whole folder (one process, however many records). Log order is newest first, so the
/// last date seen for a path is its oldest addition.
fn git_added_dates(top: &Path, dir: &Path) -> HashMap<PathBuf, Date> {
    let mut dates = HashMap::new();
    let Ok(out) = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "-c",
            "core.quotepath=false",
            "log",
            "--diff-filter=A",
            "--no-renames",
            "--format=%x00%as",
            "--name-only",
            "--",
            ".",
        ])
        .stderr(std::process::Stdio::null())
        .output()
    else {
        return dates;
    };
    if !out.status.success() {
        return dates;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let mut current = None;
    for line in text.lines() {
        if let Some(date) = line.strip_prefix('\0') {
            current = date.trim().parse::<Date>().ok();
        } else if !line.trim().is_empty()
            && let Some(date) = current
        {
            dates.insert(top.join(line), date);
        }
    }
    dates
}

/// Lexical `..`/`.` removal: link targets may not exist, so no canonicalize.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// Hugo cross-references written as a link's destination, `[ADR-0001]({{< ref
/// "0001-x.md" >}})`, as the path they name (`[ADR-0001](0001-x.md)`), so the import
/// rewrites them as any link between records. One pass over the text.
fn hugo_ref_links(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains("]({{") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("]({{") {
        out.push_str(&rest[..at + 2]);
        rest = &rest[at + 2..];
        let line_end = rest.find('\n').unwrap_or(rest.len());
        let target = rest[..line_end].find("}})").and_then(|end| {
            Some((
                end,
                crate::dialects::leftovers::hugo_ref_target(&rest[..end + 2])?,
            ))
        });
        if let Some((end, path)) = target {
            out.push_str(path);
            rest = &rest[end + 2..];
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Whether `path` names a file the import copies as an attachment (by its extension).
fn is_attachment(path: &Path) -> bool {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    ATTACHMENT_EXTENSIONS.contains(&ext.as_str())
}

/// Attachments found so far: each source file once, and the names already given out.
#[derive(Default)]
struct Planned {
    by_source: BTreeMap<PathBuf, String>,
    names: BTreeSet<String>,
}

/// Link rewriting for one collection: what each relative link in a record points at.
struct Links<'a> {
    dir: &'a Path,
    /// Source path (and folder, for folder-per-record) → new file name.
    records: HashMap<PathBuf, String>,
    /// Ways a slightly-off link may still name one record (see [`Links::near_record`]),
    /// each → the new file names of the records it fits.
    near: HashMap<NearKey, Vec<String>>,
    source_url: Option<&'a str>,
    /// `content/decisions/` of the handbook, to avoid clobbering attachments there.
    into: Option<&'a Path>,
}

impl<'a> Links<'a> {
    fn new(
        dir: &'a Path,
        records: &[ImportedDecision],
        found: &[Found],
        opts: &'a ImportOptions,
    ) -> Links<'a> {
        let mut map = HashMap::new();
        let mut near: HashMap<NearKey, Vec<String>> = HashMap::new();
        for (d, f) in records
            .iter()
            .zip(found)
            .filter(|(_, f)| f.kind == Kind::File)
        {
            map.insert(f.path.clone(), d.file_name());
            let path = f.folder.as_ref().unwrap_or(&f.path);
            if let Some(folder) = &f.folder {
                map.insert(folder.clone(), d.file_name());
            }
            for key in NearKey::of(path, d.source_number) {
                let names = near.entry(key).or_default();
                if !names.contains(&d.file_name()) {
                    names.push(d.file_name());
                }
            }
        }
        Links {
            dir,
            records: map,
            near,
            source_url: opts.source_url.as_deref(),
            into: opts.into.as_deref(),
        }
    }

    fn rewrite(
        &self,
        dest: &str,
        from_dir: &Path,
        attachments: &mut Planned,
        notes: &mut Vec<LinkNote>,
        out: &mut Collection,
    ) -> Option<Rewrite> {
        let trimmed = dest.trim();
        if trimmed.is_empty()
            || trimmed.starts_with('#')
            || trimmed.starts_with('/')
            || has_scheme(trimmed)
        {
            return None;
        }
        let cut = trimmed.find(['#', '?']).unwrap_or(trimmed.len());
        let (path_part, rest) = trimmed.split_at(cut);
        let decoded = crate::text::percent_decode_lenient(path_part);
        let target = normalize(&from_dir.join(&decoded));
        let as_md = {
            let mut p = target.clone().into_os_string();
            p.push(".md");
            PathBuf::from(p)
        };
        // `012-One-cluster.html`: the record's page on the site the folder is published
        // to, as the Ministry of Justice's records link each other.
        let published = target
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html"))
            .then(|| target.with_extension("md"));
        for candidate in [Some(&target), Some(&as_md), published.as_ref()]
            .into_iter()
            .flatten()
        {
            if let Some(name) = self.records.get(candidate) {
                return Some(Rewrite::To(format!("{name}{rest}")));
            }
        }
        if target.is_file() && is_attachment(&target) {
            let to = match attachments.by_source.get(&target) {
                Some(to) => to.clone(),
                None => {
                    let to = self.attachment_name(&target, &attachments.names);
                    attachments.names.insert(to.clone());
                    attachments.by_source.insert(target.clone(), to.clone());
                    to
                }
            };
            return Some(Rewrite::To(format!("{to}{rest}")));
        }
        let exists = target.exists();
        // `[ADR-004](module-loading.md)` for `adr-004-module-loading.md`, or the name in
        // another case: when exactly one record fits, that is the one the author meant.
        if !exists && let Some(name) = self.near_record(&target) {
            notes.push(LinkNote {
                dest: path_part.to_owned(),
                text: format!(
                    "links to `{path_part}`, which does not exist in the source; linked to `{name}`, the one imported record it can mean (check it)"
                ),
                rescued: true,
            });
            return Some(Rewrite::To(format!("{name}{rest}")));
        }
        if let Some(base) = self.source_url {
            out.absolute_links += 1;
            let rel = relative_path(self.dir, &target);
            return Some(Rewrite::To(format!("{}{rest}", join_url(base, &rel))));
        }
        if exists {
            // Left as written it would break the build; its text stays, and the fix is named.
            notes.push(LinkNote::fix(
                path_part,
                format!(
                    "links to `{path_part}`, a file of the source repository that is not an \
                 attachment; the link text is kept without the link. To link it instead, import \
                 with --source-url URL (the web address of the imported folder; try --dry-run \
                 first), or link the file's web address by hand"
                ),
            ));
            Some(Rewrite::Unlink)
        } else if link_stem(path_part).is_some() {
            // A link to nothing the import can see: keep the words, drop the link, so
            // the build does not fail on what the source already had broken.
            notes.push(LinkNote::fix(path_part, format!(
                "links to `{path_part}`, which does not exist in the source; the link text is kept without the link"
            )));
            Some(Rewrite::Unlink)
        } else if is_attachment(&target) {
            // An image or file that is not there (a typo in the source): named with the
            // file the folder has under the nearest name, since only linked files are
            // copied and the build would name just the missing one.
            let near = target.parent().and_then(|dir| {
                let names: Vec<String> = std::fs::read_dir(dir)
                    .ok()?
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect();
                let wanted = target.file_name()?.to_string_lossy().into_owned();
                crate::diagnostic::nearest(&wanted, names.iter().map(String::as_str))
                    .map(str::to_owned)
            });
            let hint = near
                .map(|n| {
                    format!(
                        " (the folder has `{n}`: correct the link in the source and import again)"
                    )
                })
                .unwrap_or_default();
            notes.push(LinkNote::fix(path_part, format!(
                "links to `{path_part}`, which does not exist in the source{hint}; the link text is kept without the link"
            )));
            Some(Rewrite::Unlink)
        } else {
            None
        }
    }

    /// The new file name of the one record a link to the missing `target` can mean: the
    /// first of these that fits exactly one record of its folder: the same name in
    /// another case, the name without its number (`module-loading.md` for
    /// `adr-004-module-loading.md`), the number alone (`adr-4.md`).
    fn near_record(&self, target: &Path) -> Option<&str> {
        let is_md = target
            .extension()
            .is_none_or(|e| e.eq_ignore_ascii_case("md"));
        if !is_md {
            return None;
        }
        NearKey::of(target, None).into_iter().find_map(|key| {
            match self.near.get(&key).map(Vec::as_slice) {
                Some([only]) => Some(only.as_str()),
                _ => None,
            }
        })
    }

    /// `attachments/<path in the folder>` (or in the repository, for files outside the
    /// folder); a different file already there gets a numbered name.
    fn attachment_name(&self, target: &Path, taken: &BTreeSet<String>) -> String {
        // Outside the folder, the path from the nearest common folder: `../../diagrams/a.png`
        // → `diagrams/a.png` (a clash with another file gets a numbered name below).
        let rel = relative_path(self.dir, target)
            .split('/')
            .filter(|p| *p != "..")
            .collect::<Vec<_>>()
            .join("/");
        let base = format!("{ATTACHMENTS_DIR}/{rel}");
        let mut name = base.clone();
        let mut n = 1;
        loop {
            let planned = taken.contains(&name);
            let clash = self.into.is_some_and(|into| {
                let existing = into.join(&name);
                existing.exists() && std::fs::read(&existing).ok() != std::fs::read(target).ok()
            });
            if !planned && !clash {
                return name;
            }
            n += 1;
            name = match base.rsplit_once('.') {
                Some((stem, ext)) if !stem.ends_with('/') => format!("{stem}-{n}.{ext}"),
                _ => format!("{base}-{n}"),
            };
        }
    }
}

/// A note on one link of a record: the destination as written (to find its line), the
/// note, and whether the link was rescued (a note to check) rather than left to fix.
struct LinkNote {
    dest: String,
    text: String,
    rescued: bool,
}

impl LinkNote {
    fn fix(dest: &str, text: String) -> Self {
        LinkNote {
            dest: dest.to_owned(),
            text,
            rescued: false,
        }
    }
}

/// A key a record's source path is known by to a link that misses it slightly: in its
/// folder, the file name lowercased, the words after its number or date, its number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum NearKey {
    Lowercase(PathBuf, String),
    Words(PathBuf, String),
    Number(PathBuf, u32),
}

impl NearKey {
    /// The keys of `path` (a record's, or a link's target); `number` is the record's
    /// source number, else the one its name starts with.
    fn of(path: &Path, number: Option<u32>) -> Vec<NearKey> {
        let (Some(parent), Some(name)) = (path.parent(), path.file_name()) else {
            return Vec::new();
        };
        let name = name.to_string_lossy().to_lowercase();
        let stem = strip_md_extension(&name).unwrap_or(&name).to_owned();
        let parent = parent.to_path_buf();
        let mut keys = vec![NearKey::Lowercase(parent.clone(), stem.clone())];
        let (found, words) = match super::adr::stem_date(&stem) {
            Some((_, rest)) => (None, rest),
            None => match super::stem_number(&stem) {
                Some((n, rest)) => (Some(n), rest),
                None => (None, stem.as_str()),
            },
        };
        if !words.is_empty() {
            keys.push(NearKey::Words(parent.clone(), words.to_owned()));
        }
        if let Some(n) = number.or(found) {
            keys.push(NearKey::Number(parent, n));
        }
        keys
    }
}

/// What becomes of one link destination.
pub enum Rewrite {
    To(String),
    /// Keep the link's text, drop the link.
    Unlink,
}

fn has_scheme(s: &str) -> bool {
    match s.find(':') {
        Some(i) => {
            let scheme = &s[..i];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// `target` relative to `base`, with `..` where it lies outside (`../../src/x.rs`).
fn relative_path(base: &Path, target: &Path) -> String {
    let b: Vec<_> = base.components().collect();
    let t: Vec<_> = target.components().collect();
    let common = b.iter().zip(&t).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); b.len() - common];
    parts.extend(
        t[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// `https://host/o/r/tree/main/doc/adr` + `../../src/x.rs` → `https://host/o/r/tree/main/src/x.rs`.
fn join_url(base: &str, rel: &str) -> String {
    let base = base.trim_end_matches('/');
    let (prefix, path) = match base.find("://") {
        Some(i) => {
            let after = &base[i + 3..];
            let host_end = after.find('/').map_or(base.len(), |j| i + 3 + j);
            (&base[..host_end], &base[host_end..])
        }
        None => ("", base),
    };
    let mut segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    for part in rel.split('/') {
        match part {
            ".." => {
                segments.pop();
            }
            "." | "" => {}
            p => segments.push(p),
        }
    }
    let encoded: Vec<String> = segments.iter().map(|s| s.replace(' ', "%20")).collect();
    format!("{prefix}/{}", encoded.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Hugo's `{{< ref >}}` as a link's destination (ownCloud's ADRs link each other so)
    /// becomes the path it names; other shortcodes and links are left as written.
    #[test]
    fn hugo_cross_references_become_paths() {
        let text = "* supersedes [ADR-0001]({{< ref \"0001-accounts.md\" >}})\n[b]({{% relref \"0002-b.md#ctx\" %}}) [c](plain.md) [d]({{< figure src=\"x\" >}}) {{< ref \"alone.md\" >}}\n";
        assert_eq!(
            hugo_ref_links(text),
            "* supersedes [ADR-0001](0001-accounts.md)\n[b](0002-b.md#ctx) [c](plain.md) [d]({{< figure src=\"x\" >}}) {{< ref \"alone.md\" >}}\n"
        );
        assert!(matches!(
            hugo_ref_links("[c](plain.md)"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn urls_and_paths() {
        assert_eq!(
            join_url(
                "https://git.example/o/r/tree/main/doc/adr/",
                "../../src/main.rs"
            ),
            "https://git.example/o/r/tree/main/src/main.rs"
        );
        assert_eq!(
            join_url("https://git.example/o/r/tree/main/doc/adr", "specs/a b.md"),
            "https://git.example/o/r/tree/main/doc/adr/specs/a%20b.md"
        );
        assert_eq!(
            relative_path(Path::new("/r/doc/adr"), Path::new("/r/src/x.rs")),
            "../../src/x.rs"
        );
        assert_eq!(
            normalize(Path::new("/r/doc/adr/../img/./a.png")),
            Path::new("/r/doc/img/a.png")
        );
        assert!(has_scheme("https://x") && has_scheme("mailto:a@b") && !has_scheme("a/b:c"));
    }
}
