//! Scaffolding for `orgbook init` and `orgbook new`: the text of a starter handbook, of a
//! new team charter and of a new decision record, plus the [`Survey`] of an existing
//! handbook they are checked against (which team slugs and decision numbers are taken).
//!
//! File texts are pure functions of their inputs, with today's date passed in, so they are
//! unit-tested and deterministic. Writing is kept apart in [`write_new`], which never
//! replaces an existing file: a scaffold that clobbered someone's charter would be worse
//! than no scaffold.

use crate::config::CONFIG_FILE;
use crate::diagnostic::nearest;
use crate::link::team_refs::{Named, TeamNames};
use crate::load::{self, CONTENT_DIR, FileClass};
use crate::model::TeamKind;
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Why a scaffold could not be written. Each variant names what is in the way, because the
/// user has to act on it.
#[derive(Debug, thiserror::Error)]
pub enum ScaffoldError {
    #[error("{} already exists; orgbook never overwrites a file", .0.display())]
    Exists(PathBuf),
    #[error("{} already holds a handbook ({CONFIG_FILE} exists)", .0.display())]
    AlreadyAHandbook(PathBuf),
    #[error(
        "{} holds {}, and orgbook reads its pages from content/",
        dir.display(), site.summary()
    )]
    PagesElsewhere {
        dir: PathBuf,
        site: Box<crate::existing_site::ExistingSite>,
    },
    #[error("cannot write {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("`{slug}` is not a valid team slug: use lowercase letters, digits and `-`")]
    InvalidSlug { slug: String, suggestion: String },
    #[error("team `{slug}` already exists: {path}")]
    TeamExists { slug: String, path: String },
    #[error("no team `{slug}` in this handbook")]
    UnknownTeam {
        slug: String,
        suggestion: Option<String>,
    },
    #[error("`{written}` is the name of {} teams: {}", ids.len(), crate::text::and_list(&ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>()))]
    AmbiguousTeam { written: String, ids: Vec<String> },
    #[error("decision number {number} is already used by {path}")]
    NumberTaken { number: u32, path: String },
    #[error("--supersedes {number}: no decision has that number in this handbook")]
    UnknownDecision { number: u32, highest: Option<u32> },
}

/// What keeps a site at the root of `dir` building once its pages are in content/, as
/// " and …": for Jekyll, `source: content` and the folders of its own that the site has
/// (they are looked up inside `source`).
fn keep_building_at_root(site: &crate::existing_site::ExistingSite, dir: &Path) -> String {
    if site.what != Some("a Jekyll site") {
        return site
            .keep_building
            .map(|k| format!(" and {k}"))
            .unwrap_or_default();
    }
    let own: Vec<String> = [
        "_layouts",
        "_includes",
        "_sass",
        "_data",
        "_plugins",
        "assets",
    ]
    .into_iter()
    .filter(|f| dir.join(f).is_dir())
    .map(|f| format!("`{f}/`"))
    .collect();
    if own.is_empty() {
        " and set `source: content` in _config.yml so Jekyll still builds".to_owned()
    } else {
        format!(
            " and set `source: content` in _config.yml and move Jekyll's own folders ({}) in with them, so Jekyll still builds",
            own.join(", ")
        )
    }
}

/// The site's other moves ([`crate::existing_site::ExistingSite::other_moves`]), as
/// "; then …" after the pages' own.
fn other_moves(site: &crate::existing_site::ExistingSite) -> String {
    site.other_moves
        .iter()
        .map(|m| format!("; then {m}"))
        .collect()
}

/// The command that moves the pages at the top of `dir` into content/: naming them when
/// they are few, so the repository's README stays where GitHub shows it; else by pattern,
/// then the README back.
fn pages_to_move(dir: &Path, site: &crate::existing_site::ExistingSite) -> String {
    const NAMED: usize = 8;
    if crate::existing_site::readme_is_home(site.what) {
        // The site's home page (README.md), its folders of pages and (VuePress's)
        // .vuepress/ itself, which `vuepress build content` looks for there.
        let mut tops = crate::existing_site::markdown_outside_content(dir).tops;
        if site.what == Some(crate::existing_site::VUEPRESS) && dir.join(".vuepress").is_dir() {
            tops.insert(0, ".vuepress".to_string());
        }
        let words: Vec<String> = tops.iter().map(|t| shell_quoted(t)).collect();
        return format!("mkdir content && git mv {} content/", words.join(" "));
    }
    let names = crate::existing_site::top_level_page_names(dir);
    // A Jekyll site's pages written in HTML (`index.html` with front matter, its home
    // page): orgbook reads them as pages, and Jekyll builds them from `source: content`
    // too, so they move with the rest.
    let html = jekyll_html_pages(dir);
    let html_too = match html.is_empty() {
        true => String::new(),
        false => format!(" && git mv {} content/", html.join(" ")),
    };
    if !names.is_empty() && names.len() <= NAMED {
        let names: Vec<String> = names.iter().map(|n| shell_quoted(n)).collect();
        return format!(
            "mkdir content && git mv {} content/{html_too}",
            names.join(" ")
        );
    }
    let readme = ["README.md", "readme.md", "Readme.md"]
        .into_iter()
        .find(|r| dir.join(r).is_file());
    match readme {
        Some(r) => {
            format!("mkdir content && git mv *.md content/ && git mv content/{r} .{html_too}")
        }
        None => format!("mkdir content && git mv *.md content/{html_too}"),
    }
}

/// The HTML files with front matter at the top of `dir` (Jekyll's pages in HTML), as
/// shell words, sorted.
fn jekyll_html_pages(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| crate::load::is_jekyll_html_page(&dir.join(name), name))
        .collect();
    names.sort();
    names.iter().map(|n| shell_quoted(n)).collect()
}

/// A file name as a shell word: in single quotes when it holds more than letters, digits,
/// `.`, `-` and `_`.
fn shell_quoted(name: &str) -> String {
    if name.contains(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '/'))) {
        format!("'{}'", name.replace('\'', "'\\''"))
    } else {
        name.to_string()
    }
}

impl ScaffoldError {
    /// What to do about it, when there is something specific to say.
    pub fn help(&self) -> Option<String> {
        match self {
            ScaffoldError::Exists(_) => Some("choose another name, or remove the file first".into()),
            ScaffoldError::AlreadyAHandbook(_) => Some("run `orgbook init` in a new or empty folder".into()),
            ScaffoldError::PagesElsewhere { site, dir } if site.folder == "." => Some(format!(
                "move the pages into content/ (`{}`, with the folders of pages and images they link to){}, then run `orgbook init` again: it keeps them and writes only {CONFIG_FILE}; for a separate handbook instead, run `orgbook init NEW-FOLDER`",
                pages_to_move(dir, site),
                keep_building_at_root(site, dir) + &other_moves(site)
            )),
            ScaffoldError::PagesElsewhere { site, .. } => Some(format!(
                "move them with `git mv {} content`{}{}, then run `orgbook init` again: it keeps them and writes only {CONFIG_FILE}; for a separate handbook instead, run `orgbook init NEW-FOLDER`",
                site.folder,
                site.keep_building.map(|k| format!(" and {k}")).unwrap_or_default(),
                other_moves(site)
            )),
            ScaffoldError::InvalidSlug { suggestion, .. } if !suggestion.is_empty() => {
                Some(format!("the slug becomes the file name and page URL; try `{suggestion}`"))
            }
            ScaffoldError::InvalidSlug { .. } => Some(
                "give the team's name or slug with letters or digits in it: `orgbook new team \"Search Relevance\"` writes content/teams/search-relevance.md".into(),
            ),
            ScaffoldError::TeamExists { .. } => Some("team slugs are unique across the handbook: pick another one".into()),
            ScaffoldError::UnknownTeam { suggestion: Some(s), .. } => Some(format!("did you mean `{s}`?")),
            ScaffoldError::UnknownTeam { .. } => {
                Some("pass the slug of an existing charter (its file name without .md) or its name; `orgbook new team SLUG` starts one".into())
            }
            ScaffoldError::AmbiguousTeam { ids, .. } => Some(format!(
                "pass the id of the one you mean (its charter's file name without .md), e.g. `{}`",
                ids.first().map_or("", String::as_str)
            )),
            ScaffoldError::NumberTaken { .. } => Some("leave out --number to take the next free one".into()),
            ScaffoldError::UnknownDecision { highest: Some(h), .. } => Some(format!(
                "pass the number of an existing record, the one in its file name (`0007-…` is 7); this handbook's go up to {h}"
            )),
            ScaffoldError::UnknownDecision { highest: None, .. } => {
                Some("this handbook has no decision records yet: leave out --supersedes".into())
            }
            _ => None,
        }
    }
}

/// A charter found under `content/teams/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamEntry {
    /// Path relative to the handbook root, `/`-separated.
    pub path: String,
    /// `None` when the charter does not parse (the build will say why).
    pub kind: Option<TeamKind>,
    /// The charter's `name`, when it parses: imports find a team by the name people use.
    pub name: Option<String>,
    /// What the charter owns (`owns`), when it parses: an import does not give an item
    /// to a second owner.
    pub owns: Vec<String>,
    /// Its `lead` and `members`, when it parses: an import says who a source adds.
    pub people: Vec<String>,
    /// Its `codeowners` (`@org/team`), when it parses: a decision record's `owner:` may
    /// name the team by its GitHub handle.
    pub codeowners: Vec<String>,
}

/// What an existing handbook already uses, read from `content/` without requiring it to
/// build: a handbook with a broken link must still be able to get a new decision.
#[derive(Debug, Clone, Default)]
pub struct Survey {
    /// Team slug → its charter.
    pub teams: BTreeMap<String, TeamEntry>,
    /// Decision number → the file with that number (relative to the root). Numbers come
    /// from file names alone, so a record that does not parse still holds its number.
    pub decisions: BTreeMap<u32, String>,
}

impl Survey {
    /// The charter that owns each item, by the key the build's `contested-ownership`
    /// check compares (trimmed, lowercase).
    pub fn owners(&self) -> std::collections::HashMap<String, &str> {
        let mut owners = std::collections::HashMap::new();
        for entry in self.teams.values() {
            for item in &entry.owns {
                owners
                    .entry(crate::model::ownership_key(item))
                    .or_insert(entry.path.as_str());
            }
        }
        owners
    }

    /// Reads the charters and decision file names of the handbook at `root`.
    pub fn of(root: &Path) -> Survey {
        let mut survey = Survey::default();
        for (path, rel) in load::list_content(root) {
            let file = format!("{CONTENT_DIR}/{rel}");
            match load::classify(&rel) {
                FileClass::Charter => {
                    let slug = load::charter_slug(&rel);
                    // Diagnostics are the build's business; here only kind and name matter.
                    // A team's page read as its charter from its headings is not one: it
                    // gives way to the charter an import or `new` writes beside it.
                    let charter = load::load_file(&path, &rel, &mut Vec::new()).and_then(|doc| {
                        doc.as_team().filter(|c| !c.from_page).map(|c| {
                            let owns = c.owns.iter().map(|o| o.value.clone()).collect();
                            let people = c.lead.iter().chain(&c.members).cloned().collect();
                            let codeowners = c.codeowners.iter().map(|o| o.value.clone()).collect();
                            (Some(c.kind), Some(c.name.clone()), owns, people, codeowners)
                        })
                    });
                    let (kind, name, owns, people, codeowners) = charter.unwrap_or_default();
                    let entry = TeamEntry {
                        path: file,
                        kind,
                        name,
                        owns,
                        people,
                        codeowners,
                    };
                    // A team's folder README without a charter's keys is a page of the
                    // team whose charter is beside the folder: that charter is the team.
                    match survey.teams.entry(slug.to_string()) {
                        std::collections::btree_map::Entry::Vacant(slot) => {
                            slot.insert(entry);
                        }
                        std::collections::btree_map::Entry::Occupied(mut slot) => {
                            if slot.get().kind.is_none() && entry.kind.is_some() {
                                slot.insert(entry);
                            }
                        }
                    }
                }
                FileClass::Decision => {
                    if let Some(n) = load::decision_number(&rel) {
                        survey.decisions.entry(n).or_insert(file);
                    }
                }
                FileClass::Page | FileClass::Asset | FileClass::FolderSettings => {}
            }
        }
        survey
    }

    /// One more than the highest number in use: gaps left by removed or renumbered records
    /// are never reused, so a number always means one decision (after 1, 2, 5 comes 6).
    pub fn next_decision_number(&self) -> u32 {
        self.decisions
            .keys()
            .next_back()
            .map_or(1, |n| n.saturating_add(1))
    }

    /// The charter `written` names, as content names a team (the link stage's rule,
    /// [`TeamNames::resolve`]): its id (slug), else the one charter whose display name or
    /// name's slug it is. Returns the id with the charter, so that a file written names
    /// the team canonically. A name two charters share is [`ScaffoldError::AmbiguousTeam`];
    /// no match suggests the nearest id or name.
    pub fn team(&self, written: &str) -> Result<(&str, &TeamEntry), ScaffoldError> {
        let named = || {
            self.teams
                .iter()
                .filter_map(|(id, t)| Some((id.as_str(), t.name.as_deref()?)))
        };
        let names = TeamNames::of(named());
        match names.resolve(written, |w| self.teams.contains_key(w)) {
            Named::One(id) => self
                .teams
                .get_key_value(id)
                .map(|(id, entry)| (id.as_str(), entry))
                // Every id a name gives is a charter's: never taken.
                .ok_or_else(|| ScaffoldError::UnknownTeam {
                    slug: written.to_string(),
                    suggestion: None,
                }),
            Named::Many(ids) => Err(ScaffoldError::AmbiguousTeam {
                written: written.to_string(),
                ids: ids.to_vec(),
            }),
            Named::None => Err(ScaffoldError::UnknownTeam {
                slug: written.to_string(),
                suggestion: nearest(
                    written,
                    self.teams
                        .keys()
                        .map(String::as_str)
                        .chain(named().map(|(_, name)| name)),
                )
                .map(str::to_string),
            }),
        }
    }

    /// Slugs of charters with `kind = "team"` (not groups).
    pub fn team_slugs(&self) -> Vec<&str> {
        self.teams
            .iter()
            .filter(|(_, t)| t.kind == Some(TeamKind::Team))
            .map(|(s, _)| s.as_str())
            .collect()
    }
}

pub use crate::text::slug as slugify;

/// A decision file name's slug: [`slugify`], cut at a word boundary so that long titles do
/// not make unwieldy file names.
pub fn decision_slug(title: &str) -> String {
    const MAX: usize = 48;
    let full = slugify(title);
    if full.len() <= MAX {
        return if full.is_empty() {
            "decision".into()
        } else {
            full
        };
    }
    let cut = full[..=MAX].rfind('-').unwrap_or(MAX);
    // A name cut short ends on a word that carries meaning, not `…-in-the` or `…-for`.
    const TRAILING: &[&str] = &[
        "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the",
        "to", "via", "with",
    ];
    let mut name = &full[..cut];
    while let Some((head, last)) = name.rsplit_once('-')
        && TRAILING.contains(&last)
    {
        name = head;
    }
    name.to_string()
}

/// `"rates-and-pricing"` → `"Rates And Pricing"`: a starting point for a team's `name`.
pub fn title_from_slug(slug: &str) -> String {
    slug.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A TOML basic string, quoted and escaped (titles may contain quotes and backslashes).
fn toml_str(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The `problem` a new charter starts with. The health rule `placeholder-text` looks for
/// these texts, so a scaffolded or imported charter shows what is left to write.
pub const PLACEHOLDER_PROBLEM: &str =
    "The problem this team exists to solve, in one or two sentences.";
/// The first metric's `name` in a new team charter.
pub const PLACEHOLDER_METRIC: &str = "What the team measures to know it is making progress";
/// The sections of a new team charter, with the questions to answer.
pub const PLACEHOLDER_SECTIONS: &str = "## Problem\n\n\
     Who has this problem, and what happens to them while it stays unsolved? The\n\
     one-sentence version goes in `problem` above.\n\n\
     ## Metric\n\n\
     What each metric measures, why it was chosen, and where its numbers come from.\n\n\
     ## How we work\n\n\
     How to reach the team and what to expect from it: how work comes in, rituals,\n\
     on-call, and the decisions it has recorded.\n";
/// Sentences of a new decision record's sections, found verbatim by `placeholder-text`.
pub const PLACEHOLDER_DECISION: [&str; 3] = [
    "What is the situation, and why does it need a decision now?",
    "What we will do, stated plainly",
    "What becomes easier, what becomes harder, and what we will watch",
];

/// How the placeholders of other tools' decision templates open, in lower case: MADR's
/// (`{argument a}`, `{title of option 1}`; MADR 2 wrote them in square brackets), left
/// behind in a record written from the template (`* Bad, because {argument d}`).
const TEMPLATE_PLACEHOLDERS: [&str; 19] = [
    "argument ",
    "title of option",
    "option 1",
    "option 2",
    "option 3",
    "driver 1",
    "driver 2",
    "decision driver",
    "positive consequence",
    "negative consequence",
    "describe the context",
    "describe how",
    "justification",
    "example | description",
    "you might want to provide",
    "short title of solved problem",
    "list everyone",
    "yyyy-mm-dd",
    "e.g., ",
];

/// The first placeholder of another tool's decision template (see
/// [`TEMPLATE_PLACEHOLDERS`]) in one line outside inline code: its byte range in the
/// line, brackets included. A link's text (`[option 1](x)`) is not one.
pub fn template_placeholder(line: &str) -> Option<std::ops::Range<usize>> {
    let bytes = line.as_bytes();
    let mut ticks = 0;
    for at in memchr::memchr3_iter(b'`', b'{', b'[', bytes) {
        let close = match bytes[at] {
            b'`' => {
                ticks += 1;
                continue;
            }
            b'{' => b'}',
            b'[' => b']',
            _ => continue,
        };
        if ticks % 2 == 1 {
            continue;
        }
        let inside = &line[at + 1..];
        let known = TEMPLATE_PLACEHOLDERS.iter().any(|p| {
            inside
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
        });
        if !known {
            continue;
        }
        let Some(len) = inside.bytes().position(|c| c == close) else {
            continue;
        };
        let end = at + 1 + len + 1;
        if close == b']' && matches!(bytes.get(end), Some(b'(' | b'[' | b':')) {
            continue;
        }
        return Some(at..end);
    }
    None
}

/// The first placeholder of another tool's decision template in a Markdown body, outside
/// fenced code: its byte range in `body`.
pub fn template_placeholder_in(body: &str) -> Option<std::ops::Range<usize>> {
    // Cheap for the records that have none: the body is read line by line only when a
    // bracket anywhere opens a known placeholder (every record has links, so a bracket
    // alone says nothing).
    let bytes = body.as_bytes();
    let opens_placeholder = memchr::memchr2_iter(b'{', b'[', bytes).any(|at| {
        TEMPLATE_PLACEHOLDERS.iter().any(|p| {
            bytes
                .get(at + 1..at + 1 + p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
        })
    });
    if !opens_placeholder {
        return None;
    }
    let mut fence: Option<&str> = None;
    let mut start = 0;
    for line in body.split_inclusive('\n') {
        let at = start;
        start += line.len();
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m => fence = None,
            (None, None) => {
                if let Some(range) = template_placeholder(line) {
                    return Some(at + range.start..at + range.end);
                }
            }
            _ => {}
        }
    }
    None
}

/// What `orgbook new team` is asked for.
#[derive(Debug, Clone)]
pub struct NewTeam<'a> {
    pub slug: &'a str,
    /// Defaults to the slug in title case.
    pub name: Option<&'a str>,
    pub parent: Option<&'a str>,
    pub kind: TeamKind,
}

/// What `orgbook new team ARG` calls the team: a slug as it is; a name as people say it
/// (`"Search Relevance"`) made a slug (`search-relevance`) and kept as the team's name,
/// unless `--name` gives one, as `orgbook new decision` takes a title. An argument with
/// nothing to make a slug of stays as it is, for [`team_path`] to refuse.
pub fn team_slug_and_name<'a>(arg: &'a str, name: Option<&'a str>) -> (String, Option<&'a str>) {
    if load::is_valid_slug(arg) {
        return (arg.to_string(), name);
    }
    let slug = slugify(arg);
    if load::is_valid_slug(&slug) {
        (slug, name.or(Some(arg.trim())))
    } else {
        (arg.to_string(), name)
    }
}

/// Checks a new team against the handbook and returns where its charter goes (relative to
/// the root): beside its parent, in a folder named after the parent
/// (`content/teams/business/payments.md` for a team in `content/teams/business.md`), or at
/// the top of `content/teams/` without a parent.
pub fn team_path(survey: &Survey, team: &NewTeam) -> Result<String, ScaffoldError> {
    if !load::is_valid_slug(team.slug) {
        return Err(ScaffoldError::InvalidSlug {
            slug: team.slug.to_string(),
            suggestion: slugify(team.slug),
        });
    }
    if let Some(existing) = survey.teams.get(team.slug) {
        return Err(ScaffoldError::TeamExists {
            slug: team.slug.to_string(),
            path: existing.path.clone(),
        });
    }
    Ok(match team.parent {
        Some(parent) => {
            let parent_path = &survey.team(parent)?.1.path;
            format!("{}/{}.md", parent_path.trim_end_matches(".md"), team.slug)
        }
        None => format!("{CONTENT_DIR}/teams/{}.md", team.slug),
    })
}

/// The text of a new charter: every required key, today as `reviewed`, commented hints for
/// the optional keys, and the recommended Problem / Metric / How we work sections.
pub fn team_file(team: &NewTeam, today: Date) -> String {
    let name = team
        .name
        .map_or_else(|| title_from_slug(team.slug), str::to_string);
    let mut fm = format!("name = {}\n", toml_str(&name));
    match team.kind {
        TeamKind::Team => fm.push_str("kind = \"team\"\n"),
        TeamKind::Group => fm.push_str("kind = \"group\"\n"),
    }
    if let Some(parent) = team.parent {
        fm.push_str(&format!("parent = {}\n", toml_str(parent)));
    }
    fm.push_str(&format!("problem = {}\n", toml_str(PLACEHOLDER_PROBLEM)));
    fm.push_str(
        "# lead = \"Name of the lead\"\n\
         # members = [\"Name\", \"Name\"]\n\
         # owns = [\"A system, service or domain the team is accountable for\"]\n",
    );
    fm.push_str(&format!("reviewed = {today}\n"));
    fm.push_str(&format!("\n# [contact]\n# chat = \"#{}\"\n", team.slug));
    if team.kind == TeamKind::Team {
        fm.push_str(&format!(
            "\n[[metrics]]\n\
             name = {}\n\
             target = \"The value it is aiming for\"\n",
            toml_str(PLACEHOLDER_METRIC)
        ));
    }
    format!("+++\n{fm}+++\n\n{PLACEHOLDER_SECTIONS}")
}

/// What `orgbook new decision` is asked for.
#[derive(Debug, Clone)]
pub struct NewDecision<'a> {
    pub title: &'a str,
    pub team: &'a str,
    /// 1 = irreversible (escalated), 2 = reversible.
    pub decision_type: u8,
    /// A specific number; the next free one when `None`.
    pub number: Option<u32>,
    /// The decisions it would replace, each checked to exist.
    pub supersedes: &'a [u32],
}

/// Checks a new decision against the handbook and returns its number and path (relative to
/// the root), `content/decisions/NNNN-slug.md`.
pub fn decision_path(
    survey: &Survey,
    decision: &NewDecision,
) -> Result<(u32, String), ScaffoldError> {
    survey.team(decision.team)?;
    if let Some(&unknown) = decision
        .supersedes
        .iter()
        .find(|n| !survey.decisions.contains_key(n))
    {
        return Err(ScaffoldError::UnknownDecision {
            number: unknown,
            highest: survey.decisions.keys().next_back().copied(),
        });
    }
    let number = match decision.number {
        Some(n) => {
            if let Some(path) = survey.decisions.get(&n) {
                return Err(ScaffoldError::NumberTaken {
                    number: n,
                    path: path.clone(),
                });
            }
            n
        }
        None => survey.next_decision_number(),
    };
    let path = format!(
        "{CONTENT_DIR}/decisions/{number:04}-{}.md",
        decision_slug(decision.title)
    );
    Ok((number, path))
}

/// The text of a new decision record: proposed today, every required key, commented hints
/// for the optional ones, and the Context / Decision / Consequences sections.
pub fn decision_file(decision: &NewDecision, today: Date) -> String {
    let deciders_hint = if decision.decision_type == 1 {
        "# deciders = [\"Name\", \"Name\"]  # Type 1: required before it can be accepted\n"
    } else {
        "# deciders = [\"Name\"]\n"
    };
    let supersedes = if decision.supersedes.is_empty() {
        "# supersedes = [7]\n".to_owned()
    } else {
        let mut numbers = decision.supersedes.to_vec();
        numbers.sort_unstable();
        numbers.dedup();
        let list: Vec<String> = numbers.iter().map(u32::to_string).collect();
        format!("supersedes = [{}]\n", list.join(", "))
    };
    format!(
        "+++\n\
         title = {title}\n\
         status = \"proposed\"\n\
         type = {ty}\n\
         date = {today}\n\
         team = {team}\n\
         {deciders_hint}\
         {supersedes}\
         # tags = [\"tag\"]\n\
         +++\n\n\
         ## Context\n\n\
         What is the situation, and why does it need a decision now? Link the teams and\n\
         earlier decisions involved.\n\n\
         ## Decision\n\n\
         What we will do, stated plainly: \"We will …\".\n\n\
         ## Consequences\n\n\
         What becomes easier, what becomes harder, and what we will watch to know whether\n\
         this was right.\n",
        title = toml_str(decision.title),
        ty = decision.decision_type,
        team = toml_str(decision.team),
    )
}

/// The files of a starter handbook, as (path relative to the handbook root, text): a
/// config, a home page, one group with one team, one accepted decision and one page, so
/// that the first build shows every kind of page. The sample files name each other in
/// text, not in links: deleting any one of them must not leave a broken link behind. The
/// sample decision belongs to the group, so the sample team can go on its own too.
/// `empty` keeps only the config, the home page and the group (`orgbook init --empty`,
/// for a handbook that an import will fill).
pub fn init_files(title: &str, today: Date, empty: bool) -> Vec<(String, String)> {
    let mut files = sample_files(title, today);
    if empty {
        files.retain(|(rel, _)| {
            !rel.starts_with(&format!("{CONTENT_DIR}/decisions/"))
                && !rel.starts_with(&format!("{CONTENT_DIR}/teams/engineering/"))
                && *rel != format!("{CONTENT_DIR}/how-we-work.md")
        });
        for (rel, text) in &mut files {
            if *rel == format!("{CONTENT_DIR}/_index.md") {
                *text = EMPTY_HOME.to_string();
            }
            // No sample person: an imported record without deciders would fall to the
            // group's lead, and a made-up lead would show as a decider on every one.
            if *rel == format!("{CONTENT_DIR}/teams/engineering.md") {
                *text = text.replace("lead = \"Alex Example\"\n", "");
            }
        }
    }
    files
}

const EMPTY_HOME: &str = "This handbook says how the organisation is arranged, who owns what, and\n\
     which decisions shaped it. Every page is a Markdown file under `content/`.\n\n\
     - `orgbook import adr DIR` brings in an existing folder of decision records.\n\
     - `orgbook import backstage PATH` brings in teams from a Backstage catalog.\n\
     - `orgbook new team SLUG --parent engineering` and `orgbook new decision TITLE --team SLUG`\n  \
       start new ones.\n";

fn sample_files(title: &str, today: Date) -> Vec<(String, String)> {
    let title_toml = toml_str(title);
    vec![
        (
            CONFIG_FILE.to_string(),
            format!(
                "# Site configuration. Every key is described in orgbook's docs/format.md.\n\
                 title = {title_toml}\n\
                 # The address the site will be published at (used for the feed and sitemap).\n\
                 # base_url = \"https://handbook.example.com/\"\n\n\
                 [teams]\n\
                 # A team with more members than this is flagged on the health page.\n\
                 max_size = 9\n\
                 # A charter not reviewed within this many days is flagged as stale.\n\
                 review_days = 180\n\n\
                 [decisions]\n\
                 # A proposal still open after this many days is flagged as stalled.\n\
                 stalled_days = 30\n"
            ),
        ),
        (".gitignore".to_string(), "# The built site: `orgbook build` writes it.\n/public/\n".to_string()),
        (
            format!("{CONTENT_DIR}/_index.md"),
            "This handbook says how the organisation is arranged, who owns what, and\n\
                 which decisions shaped it. Every page is a Markdown file under `content/`.\n\n\
                 - Teams and groups are under Teams: Engineering is a group of teams, and Platform\n  \
                   is one of them.\n\
                 - Decisions lists the decision records, starting with \"Record decisions in the\n  \
                   handbook\".\n\
                 - \"How we work\" explains how to add teams and decisions.\n"
                .to_string(),
        ),
        (
            format!("{CONTENT_DIR}/how-we-work.md"),
            "+++\n\
             title = \"How we work\"\n\
             description = \"How to keep this handbook up to date.\"\n\
             weight = 1\n\
             +++\n\n\
             # How we work\n\n\
             ## Teams\n\n\
             Every team has a charter in `content/teams/`: the problem it exists to solve,\n\
             how it measures progress and what it owns. Start a new one with\n\n\
             ```sh\n\
             orgbook new team payments --parent engineering\n\
             ```\n\n\
             ## Decisions\n\n\
             Decisions that matter beyond one conversation get a decision record in\n\
             `content/decisions/`, like the first one, `0001-record-decisions-in-the-handbook.md`.\n\
             Start a new one, numbered automatically, with\n\n\
             ```sh\n\
             orgbook new decision \"Adopt a managed database\" --team platform\n\
             ```\n\n\
             ## Publishing\n\n\
             `orgbook build` checks every file and link and writes the site to `public/`.\n"
                .to_string(),
        ),
        (
            format!("{CONTENT_DIR}/teams/engineering.md"),
            format!(
                "+++\n\
                 name = \"Engineering\"\n\
                 kind = \"group\"\n\
                 problem = \"The organisation needs reliable software, built by teams that each own a clear part of it.\"\n\
                 lead = \"Alex Example\"\n\
                 reviewed = {today}\n\n\
                 [contact]\n\
                 chat = \"#engineering\"\n\
                 +++\n\n\
                 ## What this group is for\n\n\
                 Engineering is a group: a team of teams. Its teams name it as their `parent`.\n\n\
                 ## Teams\n\n\
                 Each team in the group has its charter in `content/teams/engineering/`.\n"
            ),
        ),
        (
            format!("{CONTENT_DIR}/teams/engineering/platform.md"),
            format!(
                "+++\n\
                 name = \"Platform\"\n\
                 kind = \"team\"\n\
                 parent = \"engineering\"\n\
                 problem = \"Product teams lose time to infrastructure they should not have to build themselves.\"\n\
                 owns = [\"Deployment pipeline\", \"This handbook\"]\n\
                 lead = \"Alex Example\"\n\
                 members = [\"Alex Example\", \"Sam Example\"]\n\
                 reviewed = {today}\n\n\
                 [contact]\n\
                 chat = \"#platform\"\n\n\
                 [[metrics]]\n\
                 name = \"Time from merge to production\"\n\
                 target = \"< 30 min\"\n\
                 +++\n\n\
                 ## Problem\n\n\
                 Every product team needs to build, deploy and observe its services. Doing that\n\
                 separately in each team is slow and inconsistent.\n\n\
                 ## Metric\n\n\
                 Time from merge to production is measured by the deployment pipeline.\n\n\
                 ## How we work\n\n\
                 Ask in `#platform`. We keep our decisions in the handbook, starting with\n\
                 recording them there at all (decision 1).\n"
            ),
        ),
        (
            format!("{CONTENT_DIR}/decisions/0001-record-decisions-in-the-handbook.md"),
            format!(
                "+++\n\
                 title = \"Record decisions in the handbook\"\n\
                 status = \"accepted\"\n\
                 type = 2\n\
                 date = {today}\n\
                 decided = {today}\n\
                 team = \"engineering\"\n\
                 deciders = [\"Alex Example\"]\n\
                 tags = [\"process\"]\n\
                 +++\n\n\
                 ## Context\n\n\
                 Decisions are made in meetings and chat threads, and the reasons are lost\n\
                 once the people who made them move on.\n\n\
                 ## Decision\n\n\
                 We record decisions that matter beyond one conversation as decision records in\n\
                 this handbook, as described in \"How we work\".\n\n\
                 ## Consequences\n\n\
                 Writing a record takes time; in return, anyone can find out why things are the\n\
                 way they are.\n"
            ),
        ),
    ]
}

/// The starter files for `dir`, checked: refused if `dir` already has an `orgbook.toml`
/// or any of the files, all checked before anything is written so that a refusal leaves
/// no half-made handbook behind. An existing `.gitignore` (the handbook may go into an
/// existing repository) is left alone rather than refused.
///
/// `moving_in` names the folders and files at the top of `dir` whose pages the user is
/// told to move into content/ (a repository of Markdown folders). Those pages are the
/// handbook, so no sample organisation is written beside them: only the configuration,
/// and with `empty` what `--empty` writes less any file that one of them would collide
/// with (the repository's README becomes content/'s index page, not a second one).
pub fn plan_init(
    dir: &Path,
    title: &str,
    today: Date,
    empty: bool,
    existing: Option<&crate::existing_site::ExistingSite>,
    moving_in: &[String],
) -> Result<Vec<(String, String)>, ScaffoldError> {
    if dir.join(CONFIG_FILE).exists() {
        return Err(ScaffoldError::AlreadyAHandbook(dir.to_path_buf()));
    }
    // Pages already in content/ are the handbook: only the configuration is written.
    // Pages elsewhere are moved first, by the user, so their generator can follow.
    let adopt = match existing {
        Some(site) if site.folder == CONTENT_DIR => true,
        Some(site) => {
            return Err(ScaffoldError::PagesElsewhere {
                dir: dir.to_path_buf(),
                site: Box::new(site.clone()),
            });
        }
        None => !moving_in.is_empty() && !empty,
    };
    let collides = |rel: &str| {
        let Some(rel) = rel.strip_prefix(&format!("{CONTENT_DIR}/")) else {
            return false;
        };
        moving_in.iter().any(|top| {
            rel == top
                || rel
                    .strip_prefix(top.as_str())
                    .is_some_and(|r| r.starts_with('/'))
                || (!rel.contains('/')
                    && load::index_rank(rel).is_some()
                    && load::index_rank(top).is_some())
        })
    };
    let repository = git_repository(dir);
    let files: Vec<(String, String)> = init_files(title, today, empty)
        .into_iter()
        .map(|(rel, text)| match &repository {
            // Edit links and links to files beside content/ work from the first build.
            Some((url, branch)) if rel == CONFIG_FILE => {
                let mut text = text;
                text.push_str(&format!(
                    "\n[repository]\n# Where the sources live: pages get \"Edit this page\" links, and links to\n# files outside content/ go to the forge.\nurl = {}\n",
                    toml_str(url)
                ));
                if let Some(branch) = branch {
                    text.push_str(&format!("branch = {}\n", toml_str(branch)));
                }
                (rel, text)
            }
            _ => (rel, text),
        })
        .map(|(rel, text)| match existing.and_then(|site| site.what) {
            // Their pages were written to be drawn with typographic dashes and quotes.
            Some(what @ ("a Jekyll site" | "a Hugo site")) if rel == CONFIG_FILE => {
                let generator = if what == "a Jekyll site" {
                    "Jekyll's kramdown"
                } else {
                    "Hugo"
                };
                let text = format!(
                    "{text}\n[markdown]\n# `--` and `---` as dashes and straight quotes as curly ones, as {generator} drew them.\nsmart_punctuation = true\n"
                );
                (rel, text)
            }
            _ => (rel, text),
        })
        .filter(|(rel, _)| !adopt || rel == CONFIG_FILE || rel == ".gitignore")
        .filter(|(rel, _)| !collides(rel))
        .filter(|(rel, _)| rel != ".gitignore" || !dir.join(rel).exists())
        .collect();
    match files
        .iter()
        .map(|(rel, _)| dir.join(rel))
        .find(|p| p.exists())
    {
        Some(p) => Err(ScaffoldError::Exists(p)),
        None => Ok(files),
    }
}

/// The web address of the git repository whose root is `dir` (its `origin` remote, else
/// its first), and its checked-out branch, from `.git/config` and `.git/HEAD`: what
/// `[repository]` needs. `None` when `dir` is not a repository's root (in a subfolder,
/// edit links would need the subfolder's path) or the remote is no forge address.
/// Read by hand: three lines of two small files, where a git crate would be a large
/// dependency for it.
pub fn git_repository(dir: &Path) -> Option<(String, Option<String>)> {
    let git = dir.join(".git");
    let config = std::fs::read_to_string(git.join("config")).ok()?;
    let mut remotes: Vec<(String, String)> = Vec::new();
    let mut section = String::new();
    for line in config.lines().map(str::trim) {
        if line.starts_with('[') {
            section = line.to_string();
        } else if let Some(url) = line
            .strip_prefix("url")
            .map(str::trim_start)
            .and_then(|l| l.strip_prefix('='))
            && section.starts_with("[remote ")
        {
            remotes.push((section.clone(), url.trim().to_string()));
        }
    }
    let (_, url) = remotes
        .iter()
        .find(|(s, _)| s == "[remote \"origin\"]")
        .or_else(|| remotes.first())?;
    let web = forge_address(url)?;
    let branch = std::fs::read_to_string(git.join("HEAD"))
        .ok()
        .and_then(|h| Some(h.trim().strip_prefix("ref: refs/heads/")?.to_string()))
        .filter(|b| !b.is_empty());
    Some((web, branch))
}

/// A remote's URL as the forge's web address: `git@github.com:acme/handbook.git`,
/// `ssh://git@gitlab.example.com:2222/acme/handbook.git` and
/// `https://user@github.com/acme/handbook.git` are all `https://host/acme/handbook`.
fn forge_address(url: &str) -> Option<String> {
    let url = url.trim().trim_end_matches('/');
    let url = url.strip_suffix(".git").unwrap_or(url);
    let (host, path) = if let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("ssh://"))
        .or_else(|| url.strip_prefix("git://"))
    {
        let (host, path) = rest.split_once('/')?;
        (host, path)
    } else {
        // scp-like: `git@github.com:acme/handbook`
        let (host, path) = url.split_once(':')?;
        (host, path)
    };
    let host = host.rsplit('@').next()?;
    let host = host.split(':').next()?;
    let path = path.trim_matches('/');
    let safe = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-._~/".contains(c))
    };
    (safe(host) && safe(path) && path.contains('/') && !path.contains(".."))
        .then(|| format!("https://{host}/{path}"))
}

/// Rewrites the `+++` TOML front matter of a scaffolded file as `---` YAML, keeping its
/// order and its commented hints. Handles the shapes the scaffold writes (plain keys,
/// `[table]`, `[[array of tables]]`, commented lines); TOML strings, arrays and dates are
/// already valid YAML flow values.
pub fn front_matter_as_yaml(text: &str) -> String {
    let Some(rest) = text.strip_prefix("+++\n") else {
        return text.to_string();
    };
    let Some((fm, body)) = rest.split_once("+++\n") else {
        return text.to_string();
    };
    let mut out = String::from("---\n");
    let mut indent = "";
    for line in fm.lines() {
        let (hash, l) = match line.strip_prefix("# ") {
            Some(c) => ("# ", c),
            None => ("", line),
        };
        if let Some(name) = l.strip_prefix("[[").and_then(|t| t.strip_suffix("]]")) {
            out.push_str(&format!("{hash}{name}:\n"));
            indent = "  - ";
        } else if let Some(name) = l.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            out.push_str(&format!("{hash}{name}:\n"));
            indent = "  ";
        } else if let Some((k, v)) = l.split_once(" = ") {
            out.push_str(&format!("{hash}{indent}{}: {v}\n", k.trim()));
            if indent == "  - " {
                indent = "    ";
            }
        } else if l.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str("---\n");
    out.push_str(body);
    out
}

/// Writes `text` to `root/rel`, creating folders as needed. Never replaces a file: the
/// check and the creation are one system call, so a file that appears in between is not
/// clobbered either.
pub fn write_new(root: &Path, rel: &str, text: &str) -> Result<PathBuf, ScaffoldError> {
    use std::io::Write as _;
    // `[content] front_matter = "yaml"`: Markdown files are written with YAML front matter.
    let yaml = rel.ends_with(".md")
        && crate::config::load(root).is_ok_and(|(c, _)| c.content.yaml_front_matter);
    let converted;
    let text = if yaml {
        converted = front_matter_as_yaml(text);
        converted.as_str()
    } else {
        text
    };
    let path = root.join(rel);
    let io = |source| ScaffoldError::Io {
        path: path.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(ScaffoldError::Exists(path));
        }
        Err(e) => return Err(io(e)),
    };
    file.write_all(text.as_bytes()).map_err(io)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn other_templates_placeholders_are_found_outside_code_and_links() {
        let found = |line: &str| template_placeholder(line).map(|r| line[r].to_owned());
        assert_eq!(
            found("* Bad, because {argument d}").as_deref(),
            Some("{argument d}")
        );
        assert_eq!(found("* [Option 1] is fine").as_deref(), Some("[Option 1]"));
        assert_eq!(
            found("Chosen option: \"{title of option 1}\", because {justification. e.g., x}")
                .as_deref(),
            Some("{title of option 1}")
        );
        for line in [
            "* [option 1](https://example.com/one)",
            "See `{argument a}` in the template.",
            "Use \\frac{a}{b} and {\"key\": 1}.",
            "* Bad, because {argument d",
            "[e.g.](x) and plain e.g., text",
        ] {
            assert_eq!(found(line), None, "{line}");
        }
        let body = "Intro.\n\n```\n{argument a}\n```\n\n* Good, because {Argument B}\n";
        let at = template_placeholder_in(body).unwrap();
        assert_eq!(&body[at], "{Argument B}");
        assert_eq!(template_placeholder_in("No brackets at all.\n"), None);
        // Brackets that open no placeholder (links, a note in braces) are passed over
        // without reading the body line by line; one in code is still not one.
        assert_eq!(
            template_placeholder_in("See [the guide](g.md) and {a note}.\n"),
            None
        );
        assert_eq!(
            template_placeholder_in("Intro [x](y).\n\n```\n[option 1]\n```\n"),
            None
        );
    }

    /// `init` in a repository's root fills `[repository]` from its remote and branch, so
    /// edit links and links to files beside content/ work from the first build.
    #[test]
    fn init_takes_the_repository_from_git() {
        for (remote, web) in [
            (
                "git@github.com:acme/handbook.git",
                Some("https://github.com/acme/handbook"),
            ),
            (
                "https://tok@github.com/acme/handbook.git/",
                Some("https://github.com/acme/handbook"),
            ),
            (
                "ssh://git@gitlab.example.com:2222/org/sub/hb.git",
                Some("https://gitlab.example.com/org/sub/hb"),
            ),
            ("/srv/git/handbook.git", None),
            ("../handbook", None),
            ("git@github.com:acme/\"x\".git", None),
        ] {
            assert_eq!(forge_address(remote).as_deref(), web, "{remote}");
        }
        let dir = tempfile::tempdir().unwrap();
        let git = dir.path().join(".git");
        std::fs::create_dir_all(&git).unwrap();
        std::fs::write(
            git.join("config"),
            "[core]\n\tbare = false\n[remote \"upstream\"]\n\turl = git@github.com:other/fork.git\n[remote \"origin\"]\n\turl = git@github.com:acme/handbook.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n",
        )
        .unwrap();
        std::fs::write(git.join("HEAD"), "ref: refs/heads/master\n").unwrap();
        let today = jiff::civil::date(2026, 3, 1);
        let files = plan_init(dir.path(), "Acme", today, true, None, &[]).unwrap();
        let config = &files.iter().find(|(rel, _)| rel == CONFIG_FILE).unwrap().1;
        assert!(
            config.contains("[repository]\n")
                && config
                    .contains("url = \"https://github.com/acme/handbook\"\nbranch = \"master\"\n"),
            "{config}"
        );
        let parsed = crate::config::parse(config);
        assert!(parsed.is_ok(), "{config}");
        // Not a repository's root: nothing is guessed.
        let sub = dir.path().join("handbook");
        std::fs::create_dir_all(&sub).unwrap();
        let files = plan_init(&sub, "Acme", today, true, None, &[]).unwrap();
        assert!(!files.iter().any(|(_, t)| t.contains("[repository]")));
    }

    fn survey(decisions: &[u32], teams: &[&str]) -> Survey {
        Survey {
            teams: teams
                .iter()
                .map(|s| {
                    let entry = TeamEntry {
                        path: format!("content/teams/{s}.md"),
                        kind: Some(TeamKind::Team),
                        name: None,
                        owns: Vec::new(),
                        people: Vec::new(),
                        codeowners: Vec::new(),
                    };
                    (s.to_string(), entry)
                })
                .collect(),
            decisions: decisions
                .iter()
                .map(|&n| (n, format!("content/decisions/{n:04}-x.md")))
                .collect(),
        }
    }

    #[test]
    fn next_number_follows_the_highest_and_skips_gaps() {
        assert_eq!(survey(&[], &[]).next_decision_number(), 1);
        assert_eq!(survey(&[1, 2, 5], &[]).next_decision_number(), 6);
    }

    #[test]
    fn slugs_are_ascii_kebab_case() {
        assert_eq!(
            slugify("Adopt Kafka für Zahlungen!"),
            "adopt-kafka-fur-zahlungen"
        );
        assert_eq!(slugify("  --  "), "");
        assert_eq!(decision_slug("?!"), "decision");
        let long = decision_slug(
            "Move every service to one shared, managed message bus run by the platform team",
        );
        assert!(long.len() <= 48 && !long.ends_with('-'), "{long}");
        // Cut short, a name does not end on a little word (real MADR titles did).
        assert_eq!(
            decision_slug("Display front cover for book citations in the preview tab"),
            "display-front-cover-for-book-citations"
        );
        assert_eq!(
            decision_slug("Use picocli instead of Apache Commons CLI for the jabkit tool"),
            "use-picocli-instead-of-apache-commons-cli"
        );
        assert_eq!(title_from_slug("rates-and-pricing"), "Rates And Pricing");
    }

    #[test]
    fn decision_path_uses_next_number_or_refuses_a_taken_one() {
        let s = survey(&[1, 2, 5], &["payments"]);
        let mut d = NewDecision {
            title: "Adopt \"managed\" Kafka",
            team: "payments",
            decision_type: 2,
            number: None,
            supersedes: &[],
        };
        assert_eq!(
            decision_path(&s, &d).unwrap(),
            (
                6,
                "content/decisions/0006-adopt-managed-kafka.md".to_string()
            )
        );
        d.number = Some(2);
        assert!(matches!(
            decision_path(&s, &d),
            Err(ScaffoldError::NumberTaken { number: 2, .. })
        ));
        d.number = Some(3);
        assert_eq!(decision_path(&s, &d).unwrap().0, 3);
        d.team = "paymnets";
        let err = decision_path(&s, &d).unwrap_err();
        assert_eq!(err.help().as_deref(), Some("did you mean `payments`?"));
    }

    #[test]
    fn team_goes_beside_its_parent_and_slugs_are_checked() {
        let s = survey(&[], &["business"]);
        let mut t = NewTeam {
            slug: "payments",
            name: None,
            parent: Some("business"),
            kind: TeamKind::Team,
        };
        assert_eq!(
            team_path(&s, &t).unwrap(),
            "content/teams/business/payments.md"
        );
        t.parent = None;
        assert_eq!(team_path(&s, &t).unwrap(), "content/teams/payments.md");
        t.slug = "business";
        assert!(matches!(
            team_path(&s, &t),
            Err(ScaffoldError::TeamExists { .. })
        ));
        t.slug = "Rates & Pricing";
        let err = team_path(&s, &t).unwrap_err();
        assert!(err.help().unwrap().contains("rates-pricing"), "{err:?}");
    }

    #[test]
    fn yaml_switch_writes_front_matter_that_loads_the_same() {
        let today = Date::new(2026, 3, 14).unwrap();
        let team = NewTeam {
            slug: "payments",
            name: Some("Pay \"ments\""),
            kind: TeamKind::Team,
            parent: Some("platform"),
        };
        let toml_text = team_file(&team, today);
        let yaml_text = front_matter_as_yaml(&toml_text);
        assert!(
            yaml_text.starts_with("---\nname: 'Pay \"ments\"'\n"),
            "{yaml_text}"
        );
        assert!(yaml_text.contains("metrics:\n  - name: "), "{yaml_text}");
        let load = |text: &str| {
            let mut d = Vec::new();
            let doc = crate::load::parse_doc(
                "content/teams/payments.md".into(),
                "teams/payments.md",
                text.into(),
                &mut d,
            );
            assert!(d.is_empty(), "{d:?}\n{text}");
            doc.unwrap()
        };
        let (a, b) = (load(&toml_text), load(&yaml_text));
        let (ca, cb) = (a.as_team().unwrap(), b.as_team().unwrap());
        assert_eq!(
            (ca.name.as_str(), ca.reviewed, ca.metrics.len()),
            (cb.name.as_str(), cb.reviewed, cb.metrics.len())
        );
        assert_eq!(ca.metrics[0].target, cb.metrics[0].target);
        let dec = decision_file(
            &NewDecision {
                title: "Use: YAML",
                team: "payments",
                decision_type: 1,
                number: None,
                supersedes: &[],
            },
            today,
        );
        let mut d = Vec::new();
        let doc = crate::load::parse_doc(
            "content/decisions/0001-x.md".into(),
            "decisions/0001-x.md",
            front_matter_as_yaml(&dec),
            &mut d,
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(doc.unwrap().as_decision().unwrap().title, "Use: YAML");
    }

    #[test]
    fn scaffolded_files_parse_as_what_they_claim_to_be() {
        let today = jiff::civil::date(2026, 11, 25);
        let team = team_file(
            &NewTeam {
                slug: "rates",
                name: Some("Rates \"&\" Pricing"),
                parent: Some("business"),
                kind: TeamKind::Team,
            },
            today,
        );
        let mut diags = Vec::new();
        let doc = load::parse_doc(
            "content/teams/rates.md".into(),
            "teams/rates.md",
            team,
            &mut diags,
        )
        .unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let c = doc.as_team().unwrap();
        assert_eq!(
            (c.name.as_str(), c.reviewed),
            ("Rates \"&\" Pricing", Some(today))
        );
        assert_eq!(c.metrics.len(), 1);

        let decision = decision_file(
            &NewDecision {
                title: "Use \\ and \"quotes\"",
                team: "rates",
                decision_type: 1,
                number: None,
                supersedes: &[],
            },
            today,
        );
        let doc = load::parse_doc(
            "content/decisions/0003-x.md".into(),
            "decisions/0003-x.md",
            decision,
            &mut diags,
        )
        .unwrap();
        assert!(diags.is_empty(), "{diags:?}");
        let d = doc.as_decision().unwrap();
        assert_eq!(
            (d.number, d.title.as_str(), d.decision_type.number(), d.date),
            (3, "Use \\ and \"quotes\"", 1, today)
        );
        let body = doc.source.body();
        for section in ["## Context", "## Decision", "## Consequences"] {
            assert!(body.contains(section), "{body}");
        }

        for (rel, text) in init_files("Acme \"Handbook\"", today, false)
            .into_iter()
            .chain(init_files("Empty", today, true))
        {
            let Some(rel) = rel.strip_prefix("content/") else {
                continue;
            };
            load::parse_doc(format!("content/{rel}"), rel, text, &mut diags).unwrap();
            assert!(diags.is_empty(), "{rel}: {diags:?}");
        }
        // The empty handbook names no made-up person: nothing for an import to fall to.
        for (rel, text) in init_files("Empty", today, true) {
            assert!(!text.contains("Example"), "{rel}: {text}");
        }
    }
}
