//! `orgbook.toml` → validated [`Config`].
//!
//! The raw file is read through the same spanned TOML reader as front matter, so a typo in
//! the config gets the same file:line:col diagnostic with a suggestion as a typo in a charter.

use crate::diagnostic::Diagnostic;
use crate::fields::{self, Fields};
use std::path::Path;

pub const CONFIG_FILE: &str = "orgbook.toml";

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub title: String,
    pub base_url: Option<String>,
    pub theme: String,
    pub teams: TeamsConfig,
    pub decisions: DecisionsConfig,
    pub policy: PolicyConfig,
    pub links: LinksConfig,
    pub content: ContentConfig,
    pub markdown: MarkdownConfig,
    /// Link for chat contacts (`#channel`, `@handle`): `{channel}` is replaced by the name.
    pub chat_url: Option<String>,
    pub repository: RepositoryConfig,
    pub codeowners: CodeOwnersConfig,
    /// `language`: the BCP 47 tag of the language the handbook is written in, else the
    /// one its former generator's configuration names (`site::load_config`); see
    /// [`Config::language`].
    pub language: Option<String>,
    /// The language folders of the Hugo or Docusaurus site the handbook moved in from
    /// (`crate::lang::hugo_folders`, `crate::lang::docusaurus_folders`), read beside
    /// `orgbook.toml` as `language` is.
    pub language_folders: Option<LanguageFolders>,
    /// `[ui_text.<lang>]`: the theme's interface words changed or added per language
    /// (`crate::ui_text`).
    pub ui_text: Vec<crate::ui_text::UiTextOverride>,
}

/// Hugo's content folder per language (`[languages.fr] contentDir = "content/fr"`): the
/// default language's folder, whose pages are the pages, and every other language's,
/// whose pages are their translations. Paths are relative to the handbook's root.
/// Docusaurus's translations make the same pairs from outside `content/`
/// (`i18n/fr/docusaurus-plugin-content-docs/current`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LanguageFolders {
    /// `content` itself or a folder in it: where the default language's pages are read
    /// (`content`, also for Hugo's `content/en`, read at the top: `moved_default`).
    pub default: String,
    /// Hugo's default language's own folder (`content/en`), whose files are read at the
    /// top of `content/` (`load::hugo_default`), as Hugo publishes them at the top of the
    /// site.
    pub moved_default: Option<String>,
    /// With Hugo's `defaultContentLanguageInSubdir = true`, the folder the moved folder's
    /// pages are published under, the default language's key (`en`): read at the top of
    /// content/, published at `en/docs/setup.html`, as Hugo publishes them.
    pub default_subdir: Option<String>,
    /// `(folder, language)`: `("content/fr", "fr")`.
    pub others: Vec<(String, String)>,
    /// Docusaurus's: the other languages' folders are outside `content/`, so a page of
    /// one is published at the address of the page it translates under its language's
    /// folder (`fr/<address>`, as Docusaurus publishes `/fr/<route>`), and only a page
    /// that translates one is read (Docusaurus builds no other).
    pub outside_content: bool,
}

impl Config {
    /// The handbook's language, `en` unless set.
    pub fn language(&self) -> &str {
        self.language
            .as_deref()
            .unwrap_or(crate::text::lang_tag::DEFAULT)
    }
}

/// `[codeowners]`: which CODEOWNERS file gives code paths to teams.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeOwnersConfig {
    /// `false` when `read = false`: the handbook's ownership is its charters' alone.
    pub read: bool,
    /// The file, relative to the handbook root; found in the usual places when unset.
    pub file: Option<String>,
}

/// `[repository]`: where the handbook's sources live, for "Edit this page" links.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RepositoryConfig {
    /// e.g. `https://github.com/acme/handbook`.
    pub url: Option<String>,
    /// Branch edits go to; `main` when unset.
    pub branch: Option<String>,
    /// Edit link template with `{url}`, `{branch}` and `{path}` (the source file's path
    /// relative to the handbook root); GitHub's pattern when unset.
    pub edit_url: Option<String>,
    /// Link to a folder or file of the repository, with `{url}`, `{branch}` and `{path}`
    /// (relative to the repository's root), for CODEOWNERS paths; GitHub's when unset.
    pub tree_url: Option<String>,
}

/// Where CODEOWNERS pattern `pattern` is in the repository, when `[repository] url` is set
/// and the pattern names one path: anchored (a leading or inner `/`, as in `.gitignore`),
/// without wildcards or `!`. The link follows `tree_url`; unset, the form of `edit_url`'s
/// forge (GitLab's `/-/edit/` gives `/-/tree/`, Gitea's `/_edit/` gives `/src/branch/`),
/// else GitHub's.
pub fn code_link(repo: &crate::config::RepositoryConfig, pattern: &str) -> Option<String> {
    let url = repo.url.as_deref()?;
    let path = pattern.trim_end_matches('/');
    let anchored = path.starts_with('/') || path.trim_start_matches('/').contains('/');
    if !anchored || pattern.starts_with('!') || path.contains(['*', '?', '[', '\\']) {
        return None;
    }
    let path = path.trim_start_matches('/');
    if path.is_empty()
        || path
            .split('/')
            .any(|s| s.is_empty() || s == "." || s == "..")
    {
        return None;
    }
    let edit = repo.edit_url.as_deref().unwrap_or("");
    let template = match repo.tree_url.as_deref() {
        Some(t) => t,
        None if edit.contains("/-/edit/") => "{url}/-/tree/{branch}/{path}",
        None if edit.contains("/_edit/") => "{url}/src/branch/{branch}/{path}",
        None => "{url}/tree/{branch}/{path}",
    };
    Some(
        template
            .replace("{url}", url.trim_end_matches('/'))
            .replace("{branch}", repo.branch.as_deref().unwrap_or("main"))
            .replace("{path}", &crate::text::encode_path(path)),
    )
}

/// `[links]`: how hard a broken internal link fails (Zola's `internal_level`).
#[derive(Debug, Clone, PartialEq)]
pub struct LinksConfig {
    /// `true` for `broken = "warn"`: publish anyway, report each broken link as a warning.
    pub broken_warn: bool,
    /// `site = "https://example.com"`: the wider site the handbook was part of. A link
    /// from the top (`/careers`) that no file of the handbook answers goes there: pages a
    /// site made from code, not Markdown, which the handbook never had.
    pub site: Option<String>,
    /// `[links.google_docs]`: Google Docs moved out of Drive, by id, and the page each
    /// became, for pages without front matter to name it in (`link::google_docs`).
    pub google_docs: Vec<GoogleDocPage>,
}

/// One entry of `[links.google_docs]`: `"<id or address>" = "path/under/content.md"`.
#[derive(Debug, Clone, PartialEq)]
pub struct GoogleDocPage {
    pub id: String,
    /// The page's path from the handbook's root (`content/…`).
    pub path: String,
    /// An `invalid-value` error placed at the entry's value, for the link stage to fill in
    /// when the page is not there (the settings' text is not kept).
    pub at: Diagnostic,
}

/// `[content]`: what `orgbook new` / `init` write.
#[derive(Debug, Clone, PartialEq)]
pub struct ContentConfig {
    /// `front_matter = "yaml"`: scaffolded files use `---` YAML instead of `+++` TOML.
    pub yaml_front_matter: bool,
    /// `ignored_keys`: page front matter keys other tools read (a translation tool's
    /// `upstream_sha`, a theme's `prev_link`), which pages carry and orgbook does not
    /// report.
    pub ignored_keys: Vec<String>,
}

/// `[markdown]`: how Markdown bodies are turned into HTML.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MarkdownConfig {
    pub raw_html: crate::html_policy::RawHtml,
    /// `--` and `---` as dashes, `...` as an ellipsis, straight quotes as curly ones, as
    /// Jekyll's kramdown and Hugo's Goldmark draw them by default (off, as on GitHub).
    pub smart_punctuation: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TeamsConfig {
    pub max_size: usize,
    pub review_days: i64,
    /// `too-many-dependencies`: collaboration-mode interactions a stream-aligned team may have.
    pub max_collaborations: usize,
    /// `metric-stale`: a metric's newest data point must be at most this old.
    pub metric_days: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DecisionsConfig {
    pub stalled_days: i64,
    /// `decider-overload`: open proposals one person may be waited on for.
    pub max_open_per_decider: usize,
    /// `slow-decider`: the median days to decide a person's decisions may take.
    pub decider_days: i64,
    /// `type2-escalated`: deciders a reversible decision may have.
    pub type2_max_deciders: usize,
    /// `type2-slow`: days a reversible decision may take from `date` to `decided`.
    pub type2_days: i64,
}

/// Health findings that CI wants to fail the build on (issue: org health).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PolicyConfig {
    pub deny: Vec<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            title: String::new(),
            base_url: None,
            theme: "default".into(),
            teams: TeamsConfig {
                max_size: 9,
                review_days: 180,
                max_collaborations: 3,
                metric_days: 90,
            },
            decisions: DecisionsConfig {
                stalled_days: 30,
                max_open_per_decider: 5,
                decider_days: 21,
                type2_max_deciders: 2,
                type2_days: 7,
            },
            policy: PolicyConfig::default(),
            links: LinksConfig {
                broken_warn: false,
                site: None,
                google_docs: Vec::new(),
            },
            content: ContentConfig {
                yaml_front_matter: false,
                ignored_keys: Vec::new(),
            },
            markdown: MarkdownConfig::default(),
            chat_url: None,
            repository: RepositoryConfig::default(),
            codeowners: CodeOwnersConfig {
                read: true,
                file: None,
            },
            language: None,
            language_folders: None,
            ui_text: Vec::new(),
        }
    }
}

/// Reads and validates `orgbook.toml` in `root`. Errors are diagnostics, so they are
/// reported together with the content's.
pub fn load(root: &Path) -> Result<(Config, String), Vec<Diagnostic>> {
    let path = root.join(CONFIG_FILE);
    if path.is_dir() {
        return Err(vec![
            Diagnostic::error(
                "io",
                CONFIG_FILE,
                format!("{CONFIG_FILE} is a folder, but it must be a file"),
            )
            .with_help(format!(
                "move the folder away and write the site settings in a file named {CONFIG_FILE} (see docs/format.md)"
            )),
        ]);
    }
    let bytes = std::fs::read(&path).map_err(|e| {
        vec![Diagnostic::error(
            "io",
            CONFIG_FILE,
            format!("cannot read {CONFIG_FILE}: {e}"),
        )]
    })?;
    // Not UTF-8: an error, as for a page (the settings read in a guessed encoding could
    // publish a wrong title), with the encoding it looks like and the command to convert it.
    let text = String::from_utf8(bytes).map_err(|e| {
        let first_bad = e.utf8_error().valid_up_to();
        vec![crate::text::legacy::not_utf8(
            CONFIG_FILE,
            e.as_bytes(),
            first_bad,
        )]
    })?;
    // Old Mac (CR-only) line endings, read as content files are (load::parse_doc).
    let text = if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    };
    let config = parse(&text)?;
    Ok((config, text))
}

pub fn parse(text: &str) -> Result<Config, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let Some(table) = fields::parse_toml(CONFIG_FILE, text, 0..text.len(), &mut diags) else {
        return Err(diags);
    };
    let mut config = Config::default();
    let mut f = Fields::new(CONFIG_FILE, text, &table, "orgbook.toml", &mut diags);
    config.title = f.required_str("title").unwrap_or_default();
    if let Some((url, span)) = f.opt_spanned_str("base_url") {
        match crate::config_check::base_url(&url) {
            Ok(()) => config.base_url = Some(url),
            Err((msg, help)) => f.error_at("invalid-value", span, msg, help),
        }
    }
    if let Some((theme, span)) = f.opt_spanned_str("theme") {
        match crate::config_check::theme_name(&theme) {
            Ok(()) => config.theme = theme,
            Err((msg, help)) => f.error_at("invalid-value", span, msg, help),
        }
    }
    section(&mut f, "teams", |t| config.teams.read(t));
    section(&mut f, "decisions", |t| config.decisions.read(t));
    section(&mut f, "markdown", |t| config.markdown.read(t));
    section(&mut f, "policy", |t| config.policy.read(t));
    section(&mut f, "links", |t| config.links.read(t));
    section(&mut f, "content", |t| config.content.read(t));
    config.chat_url = f.opt_str("chat_url");
    section(&mut f, "repository", |t| config.repository.read(t));
    section(&mut f, "codeowners", |t| config.codeowners.read(t));
    if let Some((tag, span)) = f.opt_spanned_str("language") {
        if crate::text::lang_tag::is_tag(tag.trim()) {
            config.language = Some(tag.trim().to_string());
        } else {
            let (message, help) = crate::text::lang_tag::not_a_tag(&tag);
            f.error_at("invalid-value", span, format!("language = {message}"), help);
        }
    }
    if let Some(table) = f.opt_table("ui_text") {
        let mut t = f.child(table, "[ui_text]");
        config.ui_text = read_ui_text(&mut t, table);
        t.finish(&[]);
    }
    f.finish(&[
        "ui_text",
        "title",
        "base_url",
        "theme",
        "teams",
        "decisions",
        "policy",
        "links",
        "content",
        "markdown",
        "chat_url",
        "repository",
        "codeowners",
        "language",
    ]);
    if diags.iter().any(Diagnostic::is_error) {
        Err(diags)
    } else {
        Ok(config)
    }
}

/// `[ui_text.<lang>]` tables: each key a language tag, each table's keys words of
/// [`crate::ui_text::KEYS`] (a misspelt one fails with "did you mean").
fn read_ui_text(
    f: &mut Fields<'_, '_, '_>,
    table: &toml::de::DeTable<'_>,
) -> Vec<crate::ui_text::UiTextOverride> {
    let mut out = Vec::new();
    for (lang, _) in table.iter() {
        let lang = lang.get_ref().to_string();
        let key_span = f.key_span(&lang);
        let Some(words) = f.opt_table(&lang) else {
            continue;
        };
        if !crate::text::lang_tag::is_tag(&lang) {
            let (message, help) = crate::text::lang_tag::not_a_tag(&lang);
            if let Some(span) = key_span {
                f.error_at(
                    "invalid-value",
                    span,
                    format!("[ui_text.{lang}]: {message}"),
                    help,
                );
            }
            continue;
        }
        let context = format!("[ui_text.{lang}]");
        let mut w = f.child(words, &context);
        let mut words = Vec::new();
        for key in crate::ui_text::KEYS {
            let forms = crate::ui_text::COUNT_KEYS.contains(key)
                && matches!(
                    w.raw(key).map(|v| v.get_ref()),
                    Some(toml::de::DeValue::Table(_))
                );
            if !forms {
                words.extend(w.opt_str(key).map(|word| (key.to_string(), word)));
                continue;
            }
            // A word that goes with a number: `{ one = "…", other = "…" }`, a form per
            // plural category of the language.
            let Some(table) = w.opt_table(key) else {
                continue;
            };
            let context = format!("[ui_text.{lang}.{key}]");
            let mut c = w.child(table, &context);
            for category in crate::ui_text::CATEGORIES {
                if let Some(form) = c.opt_str(category) {
                    words.push((format!("{key}.{category}"), form));
                }
            }
            c.finish(crate::ui_text::CATEGORIES);
        }
        w.finish(crate::ui_text::KEYS);
        out.push(crate::ui_text::UiTextOverride { lang, words });
    }
    out
}

/// Reads the table `[name]` when the file has one: `read` takes the keys it knows and
/// returns them, and every other key in the table is reported as unknown.
fn section(
    f: &mut Fields<'_, '_, '_>,
    name: &str,
    read: impl FnOnce(&mut Fields) -> &'static [&'static str],
) {
    if let Some(table) = f.opt_table(name) {
        let context = format!("[{name}]");
        let mut t = f.child(table, &context);
        let known = read(&mut t);
        t.finish(known);
    }
}

impl TeamsConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        if let Some(n) = crate::config_check::ranged(t, "max_size", 1..=1000) {
            self.max_size = n as usize;
        }
        if let Some(n) = crate::config_check::ranged(t, "review_days", 1..=3650) {
            self.review_days = n;
        }
        if let Some(n) = crate::config_check::ranged(t, "max_collaborations", 0..=1000) {
            self.max_collaborations = n as usize;
        }
        if let Some(n) = crate::config_check::ranged(t, "metric_days", 1..=3650) {
            self.metric_days = n;
        }
        &[
            "max_size",
            "review_days",
            "max_collaborations",
            "metric_days",
        ]
    }
}

impl DecisionsConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        if let Some(n) = crate::config_check::ranged(t, "stalled_days", 1..=3650) {
            self.stalled_days = n;
        }
        if let Some(n) = crate::config_check::ranged(t, "max_open_per_decider", 0..=1000) {
            self.max_open_per_decider = n as usize;
        }
        if let Some(n) = crate::config_check::ranged(t, "decider_days", 1..=3650) {
            self.decider_days = n;
        }
        if let Some(n) = crate::config_check::ranged(t, "type2_max_deciders", 1..=1000) {
            self.type2_max_deciders = n as usize;
        }
        if let Some(n) = crate::config_check::ranged(t, "type2_days", 1..=3650) {
            self.type2_days = n;
        }
        &[
            "stalled_days",
            "max_open_per_decider",
            "decider_days",
            "type2_max_deciders",
            "type2_days",
        ]
    }
}

impl MarkdownConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        if let Some((v, span)) = t.opt_spanned_str("raw_html") {
            match crate::html_policy::RawHtml::parse(&v) {
                Some(p) => self.raw_html = p,
                None => t.error_at(
                    "invalid-value",
                    span,
                    format!(
                        "[markdown] raw_html = \"{}\" is not a policy",
                        crate::config_check::clip(&v)
                    ),
                    format!(
                        "use one of {} (docs/robustness.md)",
                        crate::html_policy::RawHtml::NAMES.join(", ")
                    ),
                ),
            }
        }
        if let Some(on) = t.opt_bool("smart_punctuation") {
            self.smart_punctuation = on;
        }
        &["raw_html", "smart_punctuation"]
    }
}

impl PolicyConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        for (rule, span) in t.spanned_str_array("deny") {
            if crate::health_rules::RULES.iter().any(|(r, _)| *r == rule) {
                self.deny.push(rule);
            } else {
                let ids: Vec<&str> = crate::health_rules::RULES.iter().map(|(r, _)| *r).collect();
                let help = match crate::diagnostic::nearest(&rule, ids.iter().copied()) {
                    Some(n) => {
                        format!("did you mean \"{n}\"? (rules are listed in docs/health.md)")
                    }
                    None => format!("known rules: {}", ids.join(", ")),
                };
                t.error(
                    "invalid-value",
                    span,
                    format!("unknown health rule \"{rule}\" in [policy] deny"),
                    help,
                );
            }
        }
        &["deny"]
    }
}

impl LinksConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        match t.opt_spanned_str("broken") {
            Some((v, _)) if v == "error" => self.broken_warn = false,
            Some((v, _)) if v == "warn" => self.broken_warn = true,
            Some((v, span)) => t.error(
                "invalid-value",
                span,
                format!("[links] broken must be \"error\" or \"warn\", found \"{v}\""),
                "broken = \"warn\" publishes the site and reports each broken link as a warning"
                    .into(),
            ),
            None => {}
        }
        match t.opt_spanned_str("site") {
            Some((v, _)) if v.starts_with("https://") || v.starts_with("http://") => {
                self.site = Some(v.trim_end_matches('/').to_string());
            }
            Some((v, span)) => t.error(
                "invalid-value",
                span,
                format!("[links] site must be an http(s) address, found \"{v}\""),
                "for example `site = \"https://example.com\"`: links from the top that no file of the handbook answers go there".into(),
            ),
            None => {}
        }
        if let Some(table) = t.opt_table("google_docs") {
            let mut docs = t.child(table, "[links.google_docs]");
            for (key, path, span) in docs.spanned_string_map() {
                let Some(id) = crate::dialects::gdocs::declared_id(&key) else {
                    docs.error_at(
                        "invalid-value",
                        span,
                        format!(
                            "[links.google_docs] \"{}\" is not a Google Doc's id or address",
                            crate::config_check::clip(&key)
                        ),
                        "write the id from the document's address (`docs.google.com/document/d/<id>/edit`), or the address, as the key".into(),
                    );
                    continue;
                };
                let rel = path.trim().trim_start_matches('/');
                let rel = rel.strip_prefix("content/").unwrap_or(rel);
                self.google_docs.push(GoogleDocPage {
                    id: id.to_string(),
                    path: format!("content/{rel}"),
                    at: docs.placed("invalid-value", span),
                });
            }
        }
        &["broken", "site", "google_docs"]
    }
}

impl ContentConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        match t.opt_spanned_str("front_matter") {
            Some((v, _)) if v == "toml" => self.yaml_front_matter = false,
            Some((v, _)) if v == "yaml" => self.yaml_front_matter = true,
            Some((v, span)) => t.error(
                "invalid-value",
                span,
                format!("[content] front_matter must be \"toml\" or \"yaml\", found \"{v}\""),
                "it picks what `orgbook new` and `orgbook init` write; both are always read".into(),
            ),
            None => {}
        }
        self.ignored_keys = t.str_array("ignored_keys");
        &["front_matter", "ignored_keys"]
    }
}

impl RepositoryConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        self.url = t.opt_str("url");
        self.branch = t.opt_str("branch");
        self.edit_url = t.opt_str("edit_url");
        self.tree_url = t.opt_str("tree_url");
        &["url", "branch", "edit_url", "tree_url"]
    }
}

impl CodeOwnersConfig {
    fn read(&mut self, t: &mut Fields) -> &'static [&'static str] {
        if let Some(read) = t.opt_bool("read") {
            self.read = read;
        }
        self.file = t.opt_str("file");
        &["read", "file"]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply() {
        let c = parse("title = \"Acme\"\n").unwrap();
        assert_eq!(c.title, "Acme");
        assert_eq!(c.teams.max_size, 9);
        assert_eq!(c.teams.review_days, 180);
        assert_eq!(c.decisions.stalled_days, 30);
        assert_eq!(c.theme, "default");
        assert_eq!(c.language(), "en");
    }

    #[test]
    fn the_language_is_a_checked_tag() {
        let c = parse("title = \"A\"\nlanguage = \"de-CH\"\n").unwrap();
        assert_eq!(c.language(), "de-CH");
        let errs = parse("title = \"A\"\nlanguage = \"pt_BR\"\n").unwrap_err();
        assert_eq!((errs[0].code, errs[0].line), ("invalid-value", 2));
        assert!(errs[0].help.as_deref().unwrap().contains("\"pt-BR\""));
    }

    #[test]
    fn google_docs_are_mapped_by_id_or_address() {
        let c = parse("title = \"A\"\n[links.google_docs]\n\"https://docs.google.com/document/d/1rDt6x9lJZ4iaEkIF-uYH72crmw2cI-QFNxjMdpjgl6i/edit\" = \"/content/security/policy.md\"\n").unwrap();
        let entry = &c.links.google_docs[0];
        assert_eq!(entry.id, "1rDt6x9lJZ4iaEkIF-uYH72crmw2cI-QFNxjMdpjgl6i");
        assert_eq!(entry.path, "content/security/policy.md");
        assert_eq!((entry.at.line, entry.at.column), (3, 90));
        let errs =
            parse("title = \"A\"\n[links.google_docs]\n\"Onboarding\" = \"x.md\"\n").unwrap_err();
        assert!(
            errs[0].message.contains("is not a Google Doc's id"),
            "{errs:?}"
        );
    }

    #[test]
    fn links_and_content_tables() {
        let c = parse(
            "title = \"A\"\n[links]\nbroken = \"warn\"\n[content]\nfront_matter = \"yaml\"\n",
        )
        .unwrap();
        assert!(c.links.broken_warn);
        assert!(c.content.yaml_front_matter);
        let c = parse("title = \"A\"\n[links]\nsite = \"https://example.com/\"\n").unwrap();
        assert_eq!(c.links.site.as_deref(), Some("https://example.com"));
        let errs = parse("title = \"A\"\n[links]\nsite = \"example.com\"\n").unwrap_err();
        assert_eq!((errs[0].code, errs[0].line), ("invalid-value", 3));
        let errs = parse("title = \"A\"\n[links]\nbroken = \"ignore\"\n").unwrap_err();
        assert_eq!((errs[0].code, errs[0].line), ("invalid-value", 3));
    }

    #[test]
    fn missing_title_and_typo_are_reported_together() {
        let errs = parse("[teams]\nmax_sise = 4\n").unwrap_err();
        let codes: Vec<_> = errs.iter().map(|d| d.code).collect();
        assert!(codes.contains(&"missing-key"), "{errs:?}");
        let missing = errs.iter().find(|d| d.code == "missing-key").unwrap();
        assert_eq!(
            missing.help.as_deref(),
            Some("add `title = \"…\"` to orgbook.toml")
        );
        let typo = errs.iter().find(|d| d.code == "unknown-key").unwrap();
        assert_eq!((typo.line, typo.column), (2, 1));
        assert!(typo.help.as_deref().unwrap().contains("max_size"));
    }
}
