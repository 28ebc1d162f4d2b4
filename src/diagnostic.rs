//! Diagnostics: every problem orgbook finds in a handbook, with a stable code, the file, a
//! 1-based line and column, what is wrong and how to fix it.
//!
//! Problems are collected, never thrown: a build reports all of them together and the
//! severities decide the exit code at the end (ripgrep's "non-fatal problems don't abort").
//! The same values are printed as rustc-style text, GitHub workflow commands, JSON lines or
//! a GitLab Code Quality report, so `build` and `check` can never disagree.

use serde::Serialize;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    /// An org-health finding (docs/health.md), printed after the diagnostics as a note:
    /// never fails a run (`[policy] deny` turns a rule into errors instead).
    #[serde(rename = "finding")]
    Note,
}

/// Declares [`Code`]: every diagnostic code orgbook emits, each with its stable spelling.
macro_rules! codes {
    ($($variant:ident = $text:literal,)*) => {
        /// Every diagnostic code, as a type. docs/diagnostics.md documents exactly these
        /// (`tests/suite/safety.rs` keeps the two in sync and runs a fixture emitting each).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }

            pub fn parse(s: &str) -> Option<Code> {
                match s {
                    $($text => Some(Code::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

codes! {
    Io = "io",
    InvalidUtf8 = "invalid-utf8",
    MissingFrontMatter = "missing-front-matter",
    UnclosedFrontMatter = "unclosed-front-matter",
    YamlSyntax = "yaml-syntax",
    TomlSyntax = "toml-syntax",
    UnknownKey = "unknown-key",
    MissingKey = "missing-key",
    InvalidType = "invalid-type",
    InvalidDate = "invalid-date",
    FutureDate = "future-date",
    InvalidValue = "invalid-value",
    MissingDeciders = "missing-deciders",
    InvalidSlug = "invalid-slug",
    InvalidDecisionFileName = "invalid-decision-file-name",
    ForeignDecisionRecord = "foreign-decision-record",
    ForeignCharter = "foreign-charter",
    UnknownTeam = "unknown-team",
    AmbiguousTeam = "ambiguous-team",
    UnknownDecision = "unknown-decision",
    SupersedesCycle = "supersedes-cycle",
    ParentCycle = "parent-cycle",
    OrgTooDeep = "org-too-deep",
    DuplicateTeam = "duplicate-team",
    DuplicateDecision = "duplicate-decision",
    ContestedOwnership = "contested-ownership",
    BadCodeowners = "bad-codeowners",
    UnknownCodeOwner = "unknown-code-owner",
    CodeownersDisagree = "codeowners-disagree",
    OutputCollision = "output-collision",
    ReservedPath = "reserved-path",
    BrokenLink = "broken-link",
    LinkOutsideSite = "link-outside-site",
    MissingAnchor = "missing-anchor",
    UnsafeUrl = "unsafe-url",
    UnknownUrlScheme = "unknown-url-scheme",
    RemovedEmbed = "removed-embed",
    AnchorOtherRule = "anchor-other-rule",
    DuplicateFolderIndex = "duplicate-folder-index",
    DuplicateUid = "duplicate-uid",
    DuplicateGoogleDoc = "duplicate-google-doc",
    UnmappedGoogleDoc = "unmapped-google-doc",
    DuplicateLabel = "duplicate-label",
    TeamFolderWithoutCharter = "team-folder-without-charter",
    RedirectCollision = "redirect-collision",
    IgnoredAlias = "ignored-alias",
    IgnoredPermalink = "ignored-permalink",
    TemplateLeftover = "template-leftover",
    BadDiagram = "bad-diagram",
    BadMath = "bad-math",
    BrokenInclude = "broken-include",
    UnknownTheme = "unknown-theme",
    Template = "template",
    // Health rules, as codes when `[policy] deny` lists them.
    StaleCharter = "stale-charter",
    NoMetricTarget = "no-metric-target",
    OversizedTeam = "oversized-team",
    EmptyGroup = "empty-group",
    StalledProposal = "stalled-proposal",
    UnmarkedSuperseded = "unmarked-superseded",
    RevisitOverdue = "revisit-overdue",
    PlaceholderText = "placeholder-text",
    DeciderOverload = "decider-overload",
    SlowDecider = "slow-decider",
    Type2Escalated = "type2-escalated",
    Type2Slow = "type2-slow",
    Type1Unescalated = "type1-unescalated",
    TooManyDependencies = "too-many-dependencies",
    PlatformWithoutConsumers = "platform-without-consumers",
    OneWayCollaboration = "one-way-collaboration",
    SharedCode = "shared-code",
    MetricStale = "metric-stale",
    MetricOffTarget = "metric-off-target",
    SkippedFile = "skipped-file",
    FolderSettings = "folder-settings",
    LanguageFolderClash = "language-folder-clash",
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a diagnostic constructor accepts as its code: a [`Code`], or its spelling (the form
/// most call sites predate the enum with). A spelling that is not a `Code` is a bug caught
/// by every test that emits it (debug builds panic, naming the fix).
pub trait IntoCode {
    fn into_code(self) -> &'static str;
}

impl IntoCode for Code {
    fn into_code(self) -> &'static str {
        self.as_str()
    }
}

impl IntoCode for &'static str {
    fn into_code(self) -> &'static str {
        debug_assert!(
            Code::parse(self).is_some(),
            "diagnostic code `{self}` is not in diagnostic::Code: add it there and to docs/diagnostics.md"
        );
        self
    }
}

/// One problem in one place. `line`/`column` are 1-based; 0 means "the whole file".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable, documented identifier (docs/diagnostics.md), e.g. `unknown-key`.
    pub code: &'static str,
    /// Path relative to the handbook root, with `/` separators.
    pub file: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    // Boxed strings keep `Diagnostic` small: it is the error type of every per-page result.
    pub help: Option<Box<str>>,
    /// The offending source line, for the caret display. Not part of the JSON contract.
    #[serde(skip)]
    pub source_line: Option<Box<str>>,
    /// Length of the span on `source_line`, in characters (at least 1).
    #[serde(skip)]
    pub span_len: u32,
}

impl Diagnostic {
    pub fn error(code: impl IntoCode, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code: code.into_code(),
            file: file.to_string(),
            line: 0,
            column: 0,
            message: message.into(),
            help: None,
            source_line: None,
            span_len: 1,
        }
    }

    /// Diagnostics reported only under `--strict`: things that work but are worth tidying
    /// (an anchor that matches only under another generator's slug rule).
    pub fn strict_only(&self) -> bool {
        self.code == Code::AnchorOtherRule.as_str()
    }

    pub fn note(code: impl IntoCode, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Note,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn warning(code: impl IntoCode, file: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    /// Points the diagnostic at byte range `span` of `source` (the whole file text).
    pub fn at(mut self, source: &str, span: std::ops::Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let end = floor_char_boundary(source, span.end.min(source.len())).max(start);
        let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = source[start..]
            .find('\n')
            .map_or(source.len(), |i| start + i);
        self.line = (source[..start].bytes().filter(|&b| b == b'\n').count() + 1) as u32;
        self.column = (source[line_start..start].chars().count() + 1) as u32;
        let line_text = source[line_start..line_end].trim_end_matches('\r');
        self.span_len = source[start..end.min(line_end)].chars().count().max(1) as u32;
        self.source_line = Some(line_text.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Converts an absolute or root-relative path into the `/`-separated form diagnostics use.
pub fn display_path(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).unwrap_or(path).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Sorts diagnostics into a stable order (file, position, code) so output is deterministic
/// whatever order the parallel stages produced them in.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.code, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.code, &b.message))
    });
}

/// Unknown keys listed up to this many times each, in file order; past that one warning
/// counts the rest (see [`fold_unknown_keys`]).
pub const UNKNOWN_KEY_SHOWN: usize = 3;

/// A key another generator puts on every page (PostHog's `showTitle`, a theme's
/// `sidebar`) is one warning a page: thousands, each with the list of known keys, which
/// bury everything else and a CI's annotations. Each unknown key (by its message, so per
/// table) is listed [`UNKNOWN_KEY_SHOWN`] times; then one warning, where the next one was,
/// counts the files left. Runs on sorted diagnostics; the order is kept.
pub fn fold_unknown_keys(diagnostics: &mut Vec<Diagnostic>, ignored: &[String]) {
    if !ignored.is_empty() {
        // Keys the handbook declares as other tools' (`[content] ignored_keys`).
        diagnostics.retain(|d| {
            let key = (d.code == "unknown-key" && d.severity == Severity::Warning)
                .then(|| d.message.split('`').nth(1))
                .flatten();
            key.is_none_or(|k| !ignored.iter().any(|i| i == k))
        });
    }
    let key_of = |d: &Diagnostic| -> Option<String> {
        (d.code == "unknown-key" && d.severity == Severity::Warning).then(|| d.message.clone())
    };
    let mut total: HashMap<String, usize> = HashMap::new();
    for d in diagnostics.iter() {
        if let Some(k) = key_of(d) {
            *total.entry(k).or_default() += 1;
        }
    }
    if total.values().all(|&n| n <= UNKNOWN_KEY_SHOWN + 1) {
        return;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    diagnostics.retain_mut(|d| {
        let Some(k) = key_of(d) else {
            return true;
        };
        let n = total[&k];
        let at = seen.entry(k).or_default();
        *at += 1;
        if n <= UNKNOWN_KEY_SHOWN + 1 || *at <= UNKNOWN_KEY_SHOWN {
            return true;
        }
        if *at > UNKNOWN_KEY_SHOWN + 1 {
            return false;
        }
        let more = n - UNKNOWN_KEY_SHOWN;
        // Not `text::counted`: `text` reads files and reports with this module's types.
        let places = if more == 2 { "place" } else { "places" };
        d.message = format!("{} (here and in {} more {places})", d.message, more - 1);
        d.help = Some(
            format!(
                "orgbook does not read it: it may mean something to the generator these pages came from; delete it, or leave it (the first {UNKNOWN_KEY_SHOWN} are listed above, the rest counted here)"
            )
            .into(),
        );
        true
    });
}

/// Output formats for diagnostics, chosen with `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// rustc-style: location, the offending line, a caret and a help line.
    #[default]
    Human,
    /// One JSON object per line (see docs/diagnostics.md).
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    Github,
    /// A GitLab Code Quality report: one JSON array of every diagnostic and finding, for
    /// `artifacts:reports:codequality` (docs/diagnostics.md).
    Gitlab,
}

impl Format {
    /// Formats read by a CI system, which resolves paths against the repository root
    /// rather than the handbook's folder.
    pub fn names_repository_paths(self) -> bool {
        matches!(self, Format::Github | Format::Gitlab)
    }
}

pub fn render(d: &Diagnostic, format: Format) -> String {
    // User text reaches the message, help, path and snippet: none of it may move the
    // cursor, recolour the terminal, reverse text or start a new (forged) CI annotation.
    let d = &Diagnostic {
        file: visible(&d.file).replace('\n', "\\u{a}"),
        message: visible(&d.message).into_owned(),
        help: d.help.as_deref().map(|h| visible(h).into()),
        ..d.clone()
    };
    match format {
        Format::Human => render_human(d),
        Format::Json => serde_json::to_string(d).expect("diagnostics serialise"),
        Format::Github => render_github(d),
        Format::Gitlab => gitlab_report(std::slice::from_ref(d)),
    }
}

/// A GitLab Code Quality report of `diagnostics`: a JSON array, one issue a line, in the
/// diagnostics' order (GitLab's merge request widget and the diff annotations read it).
///
/// The fingerprint is what GitLab compares between the merge request and its target to
/// say which issues are new or fixed, so it must not move when an edit above shifts a
/// line or a day passes: it hashes the code, file and message without its digits (and,
/// for the same three seen again in a file, their occurrence), never the line.
pub fn gitlab_report(diagnostics: &[Diagnostic]) -> String {
    #[derive(Serialize)]
    struct Issue<'a> {
        description: String,
        check_name: &'a str,
        fingerprint: String,
        severity: &'static str,
        location: Location<'a>,
    }
    #[derive(Serialize)]
    struct Location<'a> {
        path: &'a str,
        lines: Lines,
    }
    #[derive(Serialize)]
    struct Lines {
        begin: u32,
    }
    let shown: Vec<Diagnostic> = diagnostics
        .iter()
        .map(|d| Diagnostic {
            file: visible(&d.file).replace('\n', "\\u{a}"),
            message: visible(&d.message).into_owned(),
            help: d.help.as_deref().map(|h| visible(h).into()),
            ..d.clone()
        })
        .collect();
    let mut seen: HashMap<(&str, &str, String), u32> = HashMap::new();
    let mut out = String::from("[");
    for (i, d) in shown.iter().enumerate() {
        // Without its numbers: a finding's message counts days ("last reviewed 418 days
        // ago"), which would make it a new issue every day.
        let words: String = d.message.chars().filter(|c| !c.is_ascii_digit()).collect();
        let key = (d.code, d.file.as_str(), words);
        let nth = seen.entry(key.clone()).or_default();
        let key = format!("{}\0{}\0{}\0{}", key.0, key.1, key.2, nth);
        *nth += 1;
        let description = match &d.help {
            Some(help) => format!("[{}] {} (help: {help})", d.code, d.message),
            None => format!("[{}] {}", d.code, d.message),
        };
        let issue = Issue {
            description,
            check_name: d.code,
            fingerprint: format!("{:032x}", xxhash_rust::xxh3::xxh3_128(key.as_bytes())),
            // GitLab's scale is info, minor, major, critical, blocker: an error fails
            // the build, but it is one page's problem, not the product's.
            severity: match d.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Note => "info",
            },
            location: Location {
                path: &d.file,
                lines: Lines {
                    begin: d.line.max(1),
                },
            },
        };
        out.push_str(if i == 0 { "\n" } else { ",\n" });
        out.push_str(&serde_json::to_string(&issue).expect("issues serialise"));
    }
    out.push_str(if shown.is_empty() { "]" } else { "\n]" });
    out
}

/// Whether `c` would be interpreted by a terminal or reorder text rather than be shown.
fn is_invisible(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// `s` with control and bidi-override characters written as `\u{1b}`; line breaks stay
/// (each format escapes or indents them).
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_invisible(c)) {
        return s.into();
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_visible(&mut out, c);
    }
    out.into()
}

fn push_visible(out: &mut String, c: char) {
    if c == '\t' {
        // One column, like the caret counts it.
        out.push(' ');
    } else if c == '\n' {
        out.push('\n');
    } else if is_invisible(c) {
        let _ = write!(out, "\\u{{{:x}}}", c as u32);
    } else {
        out.push(c);
    }
}

/// Characters of a source line shown around the column: long lines (minified HTML, a
/// 100 MB single-line page) are cut to a window, marked with `…`.
const SNIPPET_WIDTH: usize = 100;

/// The snippet line, and the caret's offset and length in it (in characters).
fn snippet(line: &str, column: u32, span_len: u32) -> (String, usize, usize) {
    let chars: Vec<char> = line.chars().collect();
    let col = (column.saturating_sub(1) as usize).min(chars.len());
    let span_end = (col + span_len.max(1) as usize).min(chars.len()).max(col);
    let (start, end) = if chars.len() <= SNIPPET_WIDTH {
        (0, chars.len())
    } else {
        let start = col.saturating_sub(SNIPPET_WIDTH * 2 / 5);
        let end = (start + SNIPPET_WIDTH).min(chars.len());
        (end.saturating_sub(SNIPPET_WIDTH).min(start), end)
    };
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    for &c in &chars[start..col.max(start)] {
        push_visible(&mut out, c);
    }
    let caret_at = out.chars().count();
    for &c in &chars[col.max(start)..span_end.min(end).max(col.max(start))] {
        push_visible(&mut out, c);
    }
    let caret_len = (out.chars().count() - caret_at).max(1);
    for &c in &chars[span_end.min(end).max(col.max(start))..end] {
        push_visible(&mut out, c);
    }
    if end < chars.len() {
        out.push('…');
    }
    (out, caret_at, caret_len)
}

fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn render_human(d: &Diagnostic) -> String {
    let mut out = String::new();
    // Continuation lines are indented: no line of user text starts a line of output.
    let _ = writeln!(
        out,
        "{}[{}]: {}",
        severity_word(d.severity),
        d.code,
        d.message.replace('\n', "\n    ")
    );
    if d.line > 0 {
        let _ = writeln!(out, "  --> {}:{}:{}", d.file, d.line, d.column);
    } else {
        let _ = writeln!(out, "  --> {}", d.file);
    }
    if let Some(src) = &d.source_line {
        let num = d.line.to_string();
        let pad = " ".repeat(num.len());
        let (shown, caret_at, caret_len) = snippet(src, d.column, d.span_len);
        let _ = writeln!(out, "{pad} |");
        let _ = writeln!(out, "{num} | {shown}");
        let _ = writeln!(
            out,
            "{pad} | {}{}",
            " ".repeat(caret_at),
            "^".repeat(caret_len)
        );
    }
    if let Some(help) = &d.help {
        let _ = writeln!(out, "  = help: {}", help.replace('\n', "\n    "));
    }
    out
}

/// GitHub workflow commands need `%`, CR and LF escaped in the message, and also `,` and
/// `:` in properties, or the annotation is cut short.
fn render_github(d: &Diagnostic) -> String {
    fn data(s: &str) -> String {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    }
    fn prop(s: &str) -> String {
        data(s).replace(':', "%3A").replace(',', "%2C")
    }
    let mut msg = format!("[{}] {}", d.code, d.message);
    if let Some(h) = &d.help {
        msg.push_str("\nhelp: ");
        msg.push_str(h);
    }
    let kind = match d.severity {
        Severity::Note => "notice",
        s => severity_word(s),
    };
    if d.line > 0 {
        format!(
            "::{kind} file={},line={},col={}::{}",
            prop(&d.file),
            d.line,
            d.column,
            data(&msg)
        )
    } else {
        format!("::{kind} file={}::{}", prop(&d.file), data(&msg))
    }
}

/// Suggests the candidate closest to `input` when it is plausibly a typo.
///
/// Candidates are ranked by Jaro-Winkler similarity (which favours a shared start), but
/// the best one is only offered within a few edits (a third of the longer name, as
/// rustc's suggestions do): similarity alone pairs unrelated words that share letters,
/// such as another generator's `section` key with `description`.
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let input = input.to_lowercase();
    let lowered: Vec<(&str, String)> = candidates
        .into_iter()
        .map(|c| (c, c.to_lowercase()))
        .collect();
    nearest_lowered(&input, &lowered)
}

/// [`nearest`] of a lowercased input among candidates lowercased beside them.
fn nearest_lowered<'a>(input: &str, candidates: &[(&'a str, String)]) -> Option<&'a str> {
    let mut best: Option<(f64, &'a str, &str)> = None;
    for (c, lower) in candidates {
        let score = strsim::jaro_winkler(input, lower);
        if best.is_none_or(|(s, _, _)| score > s) {
            best = Some((score, c, lower));
        }
    }
    let (score, c, lower) = best?;
    let longest = input.chars().count().max(lower.chars().count());
    let edits = strsim::osa_distance(input, lower);
    // Two words against one (`prev_link`, `permalink`) is another name more often than a
    // typo: such a pair must be nearer.
    let words = |s: &str| s.contains(['_', '-']);
    let allowed = if words(input) == words(lower) {
        longest / 3
    } else {
        longest / 4
    };
    (score >= 0.7 && edits <= allowed.max(1)).then_some(c)
}

/// [`nearest`] for many names against one list that may be long (a handbook's teams, the
/// headings of a generated reference page): thousands of unknown names against thousands
/// of candidates must not compare every pair (issue 14: no quadratic step on any input).
/// The list is lowercased once, a name asked again is answered from memory, and the
/// comparisons a list makes are bounded: [`Suggestions::PER_CANDIDATE`] times its length
/// plus [`Suggestions::FLAT`], so a long list still answers the first fifty names and a
/// short one thousands. Past the bound a name gets no suggestion, and the diagnostic keeps
/// its other help; which names get one depends only on the order they are asked in.
pub struct Suggestions<'a> {
    candidates: Vec<&'a str>,
    /// The candidates lowercased, made on the first question (most lists get none).
    lowered: Vec<(&'a str, String)>,
    asked: std::collections::HashMap<String, Option<&'a str>>,
    comparisons_left: usize,
}

impl<'a> Suggestions<'a> {
    /// Comparisons allowed per candidate of the list.
    pub const PER_CANDIDATE: usize = 50;
    /// Comparisons allowed to any list, however short.
    pub const FLAT: usize = 100_000;

    pub fn new(candidates: impl IntoIterator<Item = &'a str>) -> Self {
        let candidates: Vec<&str> = candidates.into_iter().collect();
        let comparisons_left = Self::PER_CANDIDATE * candidates.len() + Self::FLAT;
        Suggestions {
            candidates,
            lowered: Vec::new(),
            asked: Default::default(),
            comparisons_left,
        }
    }

    /// The candidate closest to `input` when it is plausibly a typo, as [`nearest`]; `None`
    /// also once the list's comparisons are spent.
    pub fn nearest(&mut self, input: &str) -> Option<&'a str> {
        let input = input.to_lowercase();
        if let Some(&answer) = self.asked.get(&input) {
            return answer;
        }
        self.comparisons_left = self.comparisons_left.checked_sub(self.candidates.len())?;
        if self.lowered.len() < self.candidates.len() {
            self.lowered = self
                .candidates
                .iter()
                .map(|&c| (c, c.to_lowercase()))
                .collect();
        }
        let answer = nearest_lowered(&input, &self.lowered);
        self.asked.insert(input, answer);
        answer
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_key_on_every_page_is_listed_three_times_then_counted() {
        let warn = |file: &str, key: &str| {
            Diagnostic::warning("unknown-key", file, format!("unknown key `{key}` in page"))
                .with_help("known keys are: title")
        };
        let mut diags: Vec<Diagnostic> = (0..6)
            .map(|i| warn(&format!("content/p{i}.md"), "showTitle"))
            .chain([warn("content/a.md", "foo"), warn("content/b.md", "foo")])
            .chain([Diagnostic::error("broken-link", "content/p9.md", "x")])
            .collect();
        sort(&mut diags);
        fold_unknown_keys(&mut diags, &[]);
        let shown: Vec<(&str, &str)> = diags
            .iter()
            .map(|d| (d.file.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(
            shown,
            [
                ("content/a.md", "unknown key `foo` in page"),
                ("content/b.md", "unknown key `foo` in page"),
                ("content/p0.md", "unknown key `showTitle` in page"),
                ("content/p1.md", "unknown key `showTitle` in page"),
                ("content/p2.md", "unknown key `showTitle` in page"),
                (
                    "content/p3.md",
                    "unknown key `showTitle` in page (here and in 2 more places)"
                ),
                ("content/p9.md", "x"),
            ]
        );
    }

    #[test]
    fn at_computes_line_column_and_caret() {
        let src = "+++\nname = \"x\"\nprobelm = \"y\"\n+++\n";
        let start = src.find("probelm").unwrap();
        let d = Diagnostic::error("unknown-key", "a.md", "bad").at(src, start..start + 7);
        assert_eq!((d.line, d.column, d.span_len), (3, 1, 7));
        assert_eq!(d.source_line.as_deref(), Some("probelm = \"y\""));
        let text = render(&d, Format::Human);
        assert!(text.contains("--> a.md:3:1"), "{text}");
        assert!(text.contains("^^^^^^^"), "{text}");
    }

    #[test]
    fn column_counts_characters_not_bytes() {
        let src = "é = 1\nzürich = x";
        let at = src.find('x').unwrap();
        let d = Diagnostic::error(Code::Io, "f", "m").at(src, at..at + 1);
        assert_eq!((d.line, d.column), (2, 10));
    }

    #[test]
    fn github_format_escapes_properties_and_newlines() {
        let d = Diagnostic::error("broken-link", "a,b.md", "x\ny")
            .at("ab", 1..2)
            .with_help("h");
        assert_eq!(
            render(&d, Format::Github),
            "::error file=a%2Cb.md,line=1,col=2::[broken-link] x%0Ay%0Ahelp: h"
        );
    }

    #[test]
    fn gitlab_report_is_one_array_with_a_fingerprint_per_issue() {
        assert_eq!(gitlab_report(&[]), "[]");
        let d = Diagnostic::warning("broken-link", "a.md", "x\u{1b}").at("\n\nab", 3..4);
        let report = gitlab_report(&[d.clone(), d.clone(), Diagnostic { line: 9, ..d }]);
        let issues: Vec<serde_json::Value> = serde_json::from_str(&report).unwrap();
        assert_eq!(issues.len(), 3);
        assert_eq!(issues[0]["location"]["lines"]["begin"], 3);
        assert_eq!(issues[0]["description"], "[broken-link] x\\u{1b}");
        let prints: Vec<&str> = issues
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap())
            .collect();
        // The same problem twice in a file: two issues; the line is not part of it.
        assert_ne!(prints[0], prints[1]);
        assert_eq!(report.lines().count(), 5, "{report}");
        let moved = gitlab_report(&[Diagnostic {
            line: 40,
            ..Diagnostic::warning("broken-link", "a.md", "x\u{1b}")
        }]);
        let moved: Vec<serde_json::Value> = serde_json::from_str(&moved).unwrap();
        assert_eq!(moved[0]["fingerprint"], prints[0]);
        // A day later the same finding counts one more day: the same issue.
        let finding = |days: u32| {
            let d = Diagnostic::note("stale-charter", "t.md", format!("reviewed {days} days ago"));
            let report: Vec<serde_json::Value> =
                serde_json::from_str(&gitlab_report(&[d])).unwrap();
            report[0]["fingerprint"].clone()
        };
        assert_eq!(finding(418), finding(419));
        assert_ne!(finding(418), moved[0]["fingerprint"]);
    }

    #[test]
    fn control_characters_are_shown_not_obeyed() {
        let src = "+++\n\"\u{1b}[2J\u{202e}evil\" = 1\n+++\n";
        let at = src.find('"').unwrap();
        let d = Diagnostic::error(
            "unknown-key",
            "a\u{7}.md",
            "unknown key `\u{1b}[2J\u{202e}evil`\n::error::forged",
        )
        .at(src, at..at + 6)
        .with_help("\u{9b}31m");
        for format in [Format::Human, Format::Github, Format::Json] {
            let text = render(&d, format);
            assert!(
                !text.chars().any(|c| c != '\n' && is_invisible(c)),
                "{format:?}: {text:?}"
            );
            let shown = match format {
                Format::Json => {
                    serde_json::from_str::<serde_json::Value>(&text).unwrap()["message"]
                        .as_str()
                        .unwrap()
                        .to_string()
                }
                _ => text.clone(),
            };
            assert!(
                shown.contains("\\u{1b}[2J\\u{202e}evil"),
                "{format:?}: {text}"
            );
            let lines: Vec<&str> = text.lines().collect();
            assert!(!lines.iter().skip(1).any(|l| l.starts_with("::")), "{text}");
            assert!(
                !text.trim_end().contains('\n') || format == Format::Human,
                "{text}"
            );
        }
        let human = render(&d, Format::Human);
        // The caret stays under the (escaped) key.
        assert!(
            human.contains("2 | \"\\u{1b}[2J\\u{202e}evil\" = 1"),
            "{human}"
        );
    }

    #[test]
    fn long_lines_are_cut_around_the_column() {
        let line = format!("{}[bad](x.md){}", "a".repeat(5000), "b".repeat(5000));
        let at = line.find('[').unwrap();
        let d = Diagnostic::error("broken-link", "a.md", "m").at(&line, at..at + 11);
        let human = render(&d, Format::Human);
        let snippet_line = human.lines().find(|l| l.starts_with("1 | ")).unwrap();
        assert!(snippet_line.chars().count() < 120, "{snippet_line}");
        assert!(snippet_line.contains("…aaa") && snippet_line.contains("bbb…"));
        let caret_line = human.lines().find(|l| l.contains('^')).unwrap();
        let caret = caret_line.find('^').unwrap() - "  | ".len();
        let shown = &snippet_line["1 | ".len()..];
        let shown_chars: Vec<char> = shown.chars().collect();
        assert_eq!(shown_chars[caret], '[', "{shown}\n{caret_line}");
        assert_eq!(caret_line.matches('^').count(), 11);
    }

    #[test]
    fn nearest_suggests_typos_only() {
        let keys = ["name", "problem", "parent"];
        assert_eq!(nearest("probelm", keys), Some("problem"));
        assert_eq!(nearest("zzzzqq", keys), None);
        assert_eq!(nearest("onws", ["owns", "name"]), Some("owns"));
        // Shares letters and a similar shape, but is another word.
        assert_eq!(nearest("section", ["description", "tags"]), None);
    }

    #[test]
    fn suggestions_answer_as_nearest_until_their_comparisons_are_spent() {
        let names: Vec<String> = (0..3000).map(|i| format!("team-{i}")).collect();
        let mut list = Suggestions::new(names.iter().map(String::as_str));
        assert_eq!(
            list.nearest("taem-7"),
            nearest("taem-7", names.iter().map(String::as_str))
        );
        assert_eq!(
            list.nearest("TAEM-7"),
            Some("team-7"),
            "asked again, in capitals"
        );
        let budget = Suggestions::PER_CANDIDATE * names.len() + Suggestions::FLAT;
        let answered = (0..1000)
            .filter(|i| list.nearest(&format!("taem-{i}x")).is_some())
            .count();
        // The first question and the ones answered here each compared the whole list.
        assert_eq!(
            answered + 1,
            budget / names.len(),
            "then no more suggestions"
        );
        assert_eq!(
            list.nearest("taem-7"),
            Some("team-7"),
            "a remembered answer stays"
        );
    }
}
