//! Handbook pages: the front matter of a page that is no charter or decision read into its
//! [`PageMeta`], accepting the keys of the generators pages come from (Jekyll, Hugo,
//! Docusaurus, MkDocs, VitePress, GitBook, …) and warning, never failing, on the rest; and
//! a page's title where its tool writes one without front matter (Wiki.js, Writerside,
//! Logseq).

use super::block::{Front, Syntax, parse_front};
use super::index_and_home::{is_folder_index, wiki_js_title, writerside_title};
use super::keys::{CHARTER_KEYS, NAVIGATION_KEYS};
use super::values::{flag, lenient_date, position, strings, to_json, words};
use crate::diagnostic::Diagnostic;
use crate::fields::Fields;
use crate::model::{Feature, Hero, PageMeta, Spanned};
use toml::de::{DeTable, DeValue};

/// Keys a page understands: orgbook's own plus the common ones of Jekyll, Hugo, Eleventy,
/// Docusaurus and GitBook (docs/format.md). Anything else is a warning, never a failed build:
/// pages arrive from other generators carrying keys that mean nothing here.
const PAGE_KEYS: &[&str] = &[
    "title",
    "description",
    "tags",
    "categories",
    "category",
    "keywords",
    "date",
    "draft",
    "published",
    "weight",
    "nav_order",
    "sidebar_position",
    "nav_exclude",
    "bookHidden",
    "toc_hide",
    "aliases",
    "redirect_from",
    "old_paths",
    "redirect_to",
    "slug",
    "permalink",
    "extra",
    // A shorter name for the navigation (`PageMeta::nav_label`).
    "sidebar_label",
    "linkTitle",
    "sidebarTitle",
    // DocFX: the name `xref:` links give the page (`PageMeta::uid`).
    "uid",
    // The Google Doc the page was exported from (`PageMeta::google_doc`).
    "google_doc",
    // Retype: its place (`PageMeta::retype_order`), its name in the navigation, and
    // `visibility: hidden`, which leaves it out of the navigation.
    "order",
    "label",
    "visibility",
    // Retype: the page's address (`PageMeta::route`), and `redirect`, an address the page
    // sends its readers to (`PageMeta::redirect_to`).
    "route",
    "redirect",
];

pub fn page(
    file: &str,
    rel: &str,
    text: &str,
    front: Option<Front>,
    diags: &mut Vec<Diagnostic>,
) -> Option<PageMeta> {
    let folder_index = is_folder_index(rel);
    let mut meta = PageMeta {
        is_home: folder_index && !rel.contains('/'),
        folder_index,
        ..PageMeta::default()
    };
    let Some(front) = front else {
        if let Some((title, subtitle)) = wiki_js_title(text) {
            meta.title = title;
            meta.title_from_front_matter = true;
            meta.description = subtitle;
        } else if let Some(title) = writerside_title(text) {
            meta.title = title;
            meta.title_from_front_matter = true;
        } else if let Some(props) =
            crate::load::logseq::page_properties(text.trim_start_matches('\u{feff}'))
        {
            if let Some(title) = props.title {
                meta.title = title;
                meta.title_from_front_matter = true;
            }
            meta.other_names = props.aliases;
            meta.tags = props.tags;
            meta.description = props.description;
        }
        return Some(meta);
    };
    let offset = front.range.start;
    let table = parse_front(file, text, &front, diags)?;
    let mut f = Fields::new(file, text, &table, "page front matter", diags)
        .with_offset(offset)
        .yaml(front.syntax == Syntax::Yaml);
    if let Some(t) = f.opt_str("title")
        // Wiki.js titles a page saved without one "Untitled Page": its heading names it.
        && !(t == "Untitled Page" && f.raw("editor").is_some())
    {
        meta.title = t;
        meta.title_from_front_matter = true;
    }
    meta.description = f.opt_str("description");
    // Dendron's name for it, empty in a note made without one.
    if let Some(desc) = f.opt_str("desc")
        && meta.description.is_none()
        && !desc.trim().is_empty()
    {
        meta.description = Some(desc);
    }
    meta.tags = words(&mut f, "tags");
    // Jekyll's categories are tags here: one way to group pages, and one page per tag.
    let mut seen: std::collections::HashSet<String> = meta.tags.iter().cloned().collect();
    for key in ["categories", "category"] {
        for w in words(&mut f, key) {
            if seen.insert(w.clone()) {
                meta.tags.push(w);
            }
        }
    }
    meta.keywords = words(&mut f, "keywords");
    meta.uid = f
        .opt_spanned_str("uid")
        .filter(|(u, _)| !u.trim().is_empty())
        .map(Spanned::from);
    if let Some((value, span)) = f.opt_spanned_str("google_doc") {
        match crate::dialects::gdocs::declared_id(&value) {
            Some(id) => meta.google_doc = Some(Spanned::new(id.to_string(), span)),
            None => f.warning_at(
                "invalid-value",
                span,
                format!(
                    "`google_doc` must name a Google Doc, found \"{}\"",
                    crate::config_check::clip(&value)
                ),
                format!(
                    "write the document's address as Drive shows it, or its id alone: `{}`; the key is ignored meanwhile",
                    f.assign("google_doc", "https://docs.google.com/document/d/<id>/edit")
                ),
            ),
        }
    }
    let own = substitutions(&mut f);
    meta.substitutions = (!own.is_empty()).then(|| Box::new(own));
    meta.date = lenient_date(&mut f, "date");
    meta.draft = flag(&mut f, "draft").unwrap_or(false) || flag(&mut f, "published") == Some(false);
    for key in ["nav_exclude", "bookHidden", "toc_hide"] {
        meta.nav_hidden |= flag(&mut f, key).unwrap_or(false);
    }
    for key in ["weight", "nav_order", "sidebar_position"] {
        let w = position(&mut f, key);
        if meta.weight.is_none() {
            meta.weight = w;
        }
    }
    // Retype's `order` counts the other way (larger first); strings (`alpha`, `v2.0`)
    // are Retype's too, and place nothing here.
    if let Some(v) = f.raw("order") {
        match v.get_ref() {
            DeValue::String(_) => {}
            _ => meta.retype_order = position(&mut f, "order").filter(|&o| o != 0),
        }
    }
    // Retype's `visibility: hidden`: published and linked, in no navigation.
    if let Some(v) = f.raw("visibility")
        && v.get_ref().as_str() == Some("hidden")
    {
        meta.nav_hidden = true;
    }
    // The page's name in the navigation, when shorter than its title: Docusaurus'
    // `sidebar_label`, Hugo's `linkTitle`, Mintlify's `sidebarTitle`, Retype's `label`.
    for key in ["sidebar_label", "linkTitle", "sidebarTitle", "label"] {
        let label = f.opt_str(key).filter(|l| !l.trim().is_empty());
        if meta.nav_label.is_none() {
            meta.nav_label = label;
        }
    }
    // Astro Starlight's `sidebar: { order: 2, hidden: true, label: "…" }` (PostHog's `sidebar:
    // Handbook`, a name, places nothing).
    if let Some(v) = f.raw("sidebar")
        && let DeValue::Table(t) = v.get_ref()
    {
        for (k, v) in t.iter() {
            match (&**k.get_ref(), v.get_ref()) {
                ("order", DeValue::Integer(i)) if meta.weight.is_none() => {
                    meta.weight = i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok();
                }
                ("hidden", DeValue::Boolean(true)) => meta.nav_hidden = true,
                ("label", DeValue::String(label))
                    if meta.nav_label.is_none() && !label.trim().is_empty() =>
                {
                    meta.nav_label = Some(label.trim().to_string());
                }
                _ => {}
            }
        }
    }
    // The GOV.UK tech docs template's `old_paths` are a page's old addresses too.
    for key in ["aliases", "redirect_from", "old_paths"] {
        for alias in strings(&mut f, key) {
            // Obsidian's aliases are names (`Start here`), Hugo's paths (`/old/setup/`).
            let name = key == "aliases"
                && !alias.0.contains('/')
                && (alias.0.contains(char::is_whitespace)
                    || alias.0.contains(|c: char| c.is_uppercase()));
            if name {
                meta.other_names.push(alias.0);
            } else {
                meta.aliases.push(Spanned::from(alias));
            }
        }
    }
    // Jekyll's `redirect_to`, or a site's own redirect layout (`layout: redirect` with the
    // address in `url`, as the TTS handbook writes them).
    // Retype's `redirect` is the same.
    let mut key = "redirect_to";
    let redirect = f.opt_spanned_str("redirect_to").or_else(|| {
        let layout = f
            .raw("layout")
            .and_then(|v| v.get_ref().as_str().map(str::to_owned));
        if layout.as_deref() == Some("redirect") {
            f.opt_spanned_str("url")
        } else {
            key = "redirect";
            f.opt_spanned_str("redirect")
        }
    });
    if let Some((to, span)) = redirect {
        let to = to.trim();
        let lower = to.to_ascii_lowercase();
        if (lower.starts_with("https://") || lower.starts_with("http://"))
            && !to.contains(char::is_whitespace)
        {
            meta.redirect_to = Some(to.to_string());
        } else if !to.is_empty()
            && !to.contains("://")
            && !to.starts_with("//")
            && !to.contains(':')
        {
            // An address inside the site: the link stage, which knows the pages, finds it.
            meta.redirect_inside = Some(Box::new(Spanned {
                value: to.to_string(),
                span,
            }));
        } else {
            // (`opt_spanned_str` gave the span in the file already.)
            f.warning_at(
                "invalid-value",
                span,
                format!("`{key}` must be an http(s) address; `{to}` is ignored"),
                format!("write the full address (`{key}: https://docs.example.com/slides`); for an old address of this page, use `redirect_from`, or link the page it means"),
            );
        }
    }
    meta.slug = f.opt_spanned_str("slug").map(Spanned::from);
    meta.permalink = f.opt_spanned_str("permalink").map(Spanned::from);
    meta.route = f
        .opt_spanned_str("route")
        .map(|r| Box::new(Spanned::from(r)));
    if let Some(v) = f.raw("extra") {
        match v.get_ref() {
            DeValue::Table(_) => meta.extra = Some(to_json(v.get_ref())),
            _ => {
                let help = if front.syntax == Syntax::Yaml {
                    "write `extra:` followed by indented `name: value` lines"
                } else {
                    "write an [extra] section at the end of the front matter"
                };
                f.error(
                    "invalid-type",
                    v.span(),
                    "`extra` in page front matter must be a table".into(),
                    help.into(),
                );
            }
        }
    }
    // Hugo's and Jekyll's `lang`, and `language`. ABlog's `language` names the language
    // (`English`), so only a `lang` that is no tag is worth a warning; a list (ABlog allows
    // one) or any other shape is another tool's, left alone as before.
    for key in ["lang", "language"] {
        if let Some(v) = f.raw(key)
            && let DeValue::String(s) = v.get_ref()
            && meta.lang().is_none()
        {
            let tag = s.trim();
            if crate::text::lang_tag::is_tag(tag) {
                meta.language_mut().lang = Some(tag.to_string());
            } else if key == "lang" {
                let span = f.span(v.span());
                let (message, help) = crate::text::lang_tag::not_a_tag(s);
                f.warning_at("invalid-value", span, format!("`{key}`: {message}"), help);
            }
        }
    }
    // A charter's translation (`teams/payments.fr.md`, `crate::lang`) keeps the charter's
    // keys, which the team's own charter gives: its name titles it. So does one kept
    // outside content/ (Docusaurus's `i18n/fr/…/current/teams/payments.md`, read at
    // `fr/teams/payments.md`: `crate::load::i18n`).
    let by_name = rel.starts_with("teams/")
        && crate::load::strip_markdown_extension(rel)
            .and_then(crate::text::lang_tag::stem_language)
            .is_some();
    let outside = !file.starts_with("content/")
        && rel
            .split_once('/')
            .is_some_and(|(_, r)| r.starts_with("teams/"));
    if by_name || outside {
        if let Some(name) = f.opt_str("name")
            && !meta.title_from_front_matter
        {
            meta.title = name;
            meta.title_from_front_matter = true;
        }
        f.ignore(CHARTER_KEYS);
    }
    meta.hero = hero(&mut f);
    f.ignore(NAVIGATION_KEYS);
    f.finish_as(PAGE_KEYS, crate::diagnostic::Severity::Warning);
    Some(meta)
}

/// A VitePress or Starlight home page's `hero` and `features` (see [`Hero`]), read
/// leniently: they are another generator's furniture, so what is not text is left out
/// rather than reported.
fn hero(f: &mut Fields<'_, '_, '_>) -> Option<Box<Hero>> {
    fn text<'v>(t: &'v DeTable<'_>, key: &str) -> Option<&'v str> {
        t.get(key).and_then(|v| match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => Some(s.trim()),
            _ => None,
        })
    }
    fn tables<'v, 'a>(v: Option<&'v toml::Spanned<DeValue<'a>>>) -> Vec<&'v DeTable<'a>> {
        match v.map(|v| v.get_ref()) {
            Some(DeValue::Array(items)) => items
                .iter()
                .filter_map(|i| match i.get_ref() {
                    DeValue::Table(t) => Some(t),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
    let link = |f: &Fields<'_, '_, '_>, t: &DeTable<'_>| {
        let v = t.get("link")?;
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                Some(Spanned::from((s.trim().to_string(), f.span(v.span()))))
            }
            _ => None,
        }
    };
    let mut hero = Hero::default();
    if let Some(DeValue::Table(t)) = f.raw("hero").map(|v| v.get_ref()) {
        hero.name = text(t, "name")
            .or_else(|| text(t, "title"))
            .map(str::to_owned);
        hero.text = text(t, "text").map(str::to_owned);
        hero.tagline = text(t, "tagline").map(str::to_owned);
        for action in tables(t.get("actions")) {
            if let (Some(label), Some(to)) = (text(action, "text"), link(f, action)) {
                hero.actions.push((label.to_owned(), to));
            }
        }
    }
    // VuePress's home page (`home: true`) writes its hero at the top level: `heroText`,
    // `tagline` and a button, `actionText` with `actionLink` (v1) or `actions` (v2).
    let top = |f: &mut Fields<'_, '_, '_>, key: &str| match f.raw(key).map(|v| v.get_ref()) {
        Some(DeValue::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => None,
    };
    if hero.name.is_none() {
        hero.name = top(f, "heroText");
    }
    if hero.tagline.is_none() {
        hero.tagline = top(f, "tagline");
    }
    if let (Some(label), Some(v)) = (top(f, "actionText"), f.raw("actionLink"))
        && let DeValue::String(to) = v.get_ref()
        && !to.trim().is_empty()
    {
        let to = Spanned::from((to.trim().to_string(), f.span(v.span())));
        hero.actions.push((label, to));
    }
    for action in tables(f.raw("actions")) {
        if let (Some(label), Some(to)) = (text(action, "text"), link(f, action)) {
            hero.actions.push((label.to_owned(), to));
        }
    }
    for card in tables(f.raw("features")) {
        if let Some(title) = text(card, "title") {
            hero.features.push(Feature {
                title: title.to_owned(),
                details: text(card, "details").map(str::to_owned),
                link: link(f, card),
            });
        }
    }
    (hero != Hero::default()).then(|| Box::new(hero))
}

/// A page's MyST substitutions: `substitutions:` (myst-parser's first form) and `myst:
/// substitutions:`, string values, and numbers and booleans as written; others are left
/// out (the key then stays a leftover where the page uses it).
fn substitutions(f: &mut Fields) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let top = f.raw("substitutions").map(|v| v.get_ref());
    let nested = f.raw("myst").and_then(|v| match v.get_ref() {
        DeValue::Table(t) => t.get("substitutions").map(|v| v.get_ref()),
        _ => None,
    });
    for table in [top, nested].into_iter().flatten() {
        let DeValue::Table(t) = table else {
            continue;
        };
        for (key, value) in t.iter() {
            let value = match value.get_ref() {
                DeValue::String(s) => s.to_string(),
                DeValue::Integer(i) => i.as_str().to_string(),
                DeValue::Float(x) => x.as_str().to_string(),
                DeValue::Boolean(b) => b.to_string(),
                _ => continue,
            };
            let key = key.get_ref().trim();
            if crate::load::myst_substitutions::is_key(key) {
                out.push((key.to_string(), value));
            }
        }
    }
    out
}
