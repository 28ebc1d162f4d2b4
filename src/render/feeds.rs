//! Decisions over time, and the handbook as data: the timeline page (`timeline.html`,
//! decisions by month, newest first), the Atom feed of decisions (`feed.xml`), the
//! calendar of revisit dates (`revisits.ics`, built by [`crate::export::revisits`]) and the
//! JSON API files under `api/` (built by [`crate::export::api`]).
//!
//! A decision is placed in time by when it was decided, or proposed while it is still
//! open: that is when it became news. The feed's entry ids do not depend on file names or
//! titles, so renaming a record never makes it reappear as unread in a feed reader.

use super::context::{Base, DecisionSummary, Pager};
use super::{FileContents, OutputFile, Renderer};
use crate::diagnostic::Diagnostic;
use crate::model::{Decision, Doc};
use jiff::civil::Date;
use serde::Serialize;

/// The feed carries the newest decisions only: readers poll it, and a handbook with
/// hundreds of records would otherwise send them all every time.
pub const FEED_ENTRIES: usize = 50;

/// Entries on one page of the timeline (about 600 bytes each).
const TIMELINE_PER_PAGE: usize = 300;

#[derive(Serialize)]
struct TimelinePage<'a> {
    #[serde(flatten)]
    base: Base<'a>,
    /// Newest month first; months without decisions are left out.
    months: Vec<TimelineMonth>,
    total: usize,
    pager: Pager,
}

#[derive(Serialize)]
struct TimelineMonth {
    /// `2026-03`, usable as an HTML id.
    id: String,
    /// `March 2026`.
    label: String,
    decisions: Vec<TimelineEntry>,
}

#[derive(Serialize)]
struct TimelineEntry {
    #[serde(flatten)]
    decision: DecisionSummary,
    /// The date the entry is placed at: `decided`, else `date`.
    on: String,
    /// `decided` or `proposed`: what happened on that date.
    event: &'static str,
    /// Numbers this decision supersedes.
    supersedes: Vec<u32>,
}

#[derive(Serialize)]
struct FeedPage<'a> {
    #[serde(flatten)]
    base: Base<'a>,
    feed: FeedInfo,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedInfo {
    id: String,
    /// RFC 3339, the newest entry's `updated`.
    updated: String,
    /// The feed's own address and the timeline's: absolute with `base_url`, else relative
    /// to the feed (which sits at the site root).
    self_href: String,
    alternate_href: String,
}

#[derive(Serialize)]
struct FeedEntry {
    id: String,
    number: u32,
    title: String,
    href: String,
    /// RFC 3339: `date` (when proposed).
    published: String,
    /// RFC 3339: `decided`, else `date`.
    updated: String,
    status: &'static str,
    summary: String,
    tags: Vec<String>,
    /// The rendered body; its relative links resolve against `href` (`xml:base`).
    content: String,
}

/// Midnight UTC of a civil date: Atom requires a full timestamp, and the handbook only
/// knows days. A fixed time keeps the feed byte-identical between builds.
fn timestamp(d: Date) -> String {
    format!("{d}T00:00:00Z")
}

/// When a decision became news: decided, or proposed while still open.
fn news_date(d: &Decision) -> Date {
    d.decided.unwrap_or(d.date)
}

/// What the context hash of a JSON file of the API is keyed by, in place of a template's
/// name: no template is named so.
const DATA_TEMPLATE: &str = "(api json)";

impl Renderer<'_> {
    /// The timeline, the feed and the JSON API files.
    pub(super) fn feeds(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let mut files = self.timeline();
        files.push(self.feed());
        files.push(Ok(OutputFile {
            path: crate::export::revisits::PATH.to_string(),
            contents: FileContents::Bytes(
                crate::export::revisits::calendar(self.handbook).into_bytes(),
            ),
        }));
        // The API's JSON files, each skipped under `serve` when the value it is made from
        // hashes as it did when it was last published (like a page's context).
        struct Api<'r> {
            fingerprints: Option<&'r super::deps::Fingerprints>,
            files: &'r mut Vec<Result<OutputFile, Diagnostic>>,
        }
        impl crate::export::api::Emit for Api<'_> {
            fn file<T: serde::Serialize>(&mut self, path: &'static str, value: &T) {
                let contents = match self.fingerprints {
                    Some(fp) if fp.unchanged(DATA_TEMPLATE, path, value) => FileContents::Unchanged,
                    _ => FileContents::Bytes(crate::export::api::to_json(value).into_bytes()),
                };
                self.files.push(Ok(OutputFile {
                    path: path.to_string(),
                    contents,
                }));
            }
        }
        crate::export::api::emit_files(
            self.handbook,
            &mut Api {
                fingerprints: self.fingerprints,
                files: &mut files,
            },
        );
        files
    }

    /// Every decision, most recent news first (ties: higher number first).
    pub(super) fn by_news_date(&self) -> Vec<(&Doc, &Decision)> {
        let hb = self.handbook;
        let mut all: Vec<(&Doc, &Decision)> = hb
            .decisions
            .keys()
            .filter_map(|&n| hb.decision(n))
            .collect();
        all.sort_by_key(|(_, d)| std::cmp::Reverse((news_date(d), d.number)));
        all
    }

    /// The timeline by month, newest first, split into parts of whole months of about
    /// [`TIMELINE_PER_PAGE`] entries (a month is split only when it alone is longer).
    fn timeline(&self) -> Vec<Result<OutputFile, Diagnostic>> {
        let mut months: Vec<TimelineMonth> = Vec::new();
        let t = self.ui_text.for_lang(self.handbook.config.language());
        let decisions = self.by_news_date();
        let total = decisions.len();
        for (doc, d) in decisions {
            let on = news_date(d);
            let id = on.strftime("%Y-%m").to_string();
            let entry = TimelineEntry {
                decision: self.decision_summary(d, doc),
                on: on.to_string(),
                event: if d.decided.is_some() {
                    "decided"
                } else {
                    "proposed"
                },
                supersedes: self.handbook.supersedes(d).collect(),
            };
            match months.last_mut() {
                Some(m) if m.id == id => m.decisions.push(entry),
                _ => months.push(TimelineMonth {
                    label: month_label(t, on),
                    id,
                    decisions: vec![entry],
                }),
            }
        }
        let mut chunks: Vec<Vec<TimelineMonth>> = vec![Vec::new()];
        let mut rows = 0;
        for m in months {
            if rows > 0 && rows + m.decisions.len() > TIMELINE_PER_PAGE {
                chunks.push(Vec::new());
                rows = 0;
            }
            if m.decisions.len() <= TIMELINE_PER_PAGE {
                rows += m.decisions.len();
                if let Some(last) = chunks.last_mut() {
                    last.push(m);
                }
                continue;
            }
            // A month of more than a page (a bulk import dates every record alike) goes
            // on across parts, "(continued)", so no part grows with the handbook. It
            // starts a part of its own (above), and each later piece starts another.
            let TimelineMonth {
                id,
                label,
                decisions,
            } = m;
            let mut pieces = decisions.into_iter().peekable();
            let mut first = true;
            while pieces.peek().is_some() {
                let piece: Vec<TimelineEntry> = pieces.by_ref().take(TIMELINE_PER_PAGE).collect();
                if !first {
                    chunks.push(Vec::new());
                }
                rows = piece.len();
                if let Some(last) = chunks.last_mut() {
                    last.push(TimelineMonth {
                        id: id.clone(),
                        label: if first {
                            label.clone()
                        } else {
                            format!("{label} {}", t.continued)
                        },
                        decisions: piece,
                    });
                }
                first = false;
            }
        }
        let parts = super::paginate::part_links(&chunks, "timeline.html", |a, b| {
            Some(if a.id != b.id {
                format!("{} – {}", a.label, b.label)
            } else {
                a.label.clone()
            })
        });
        let pagers = super::paginate::pagers(&parts);
        chunks
            .into_iter()
            .zip(pagers)
            .map(|(months, pager)| {
                let url = parts[pager.part - 1].url.clone();
                let mut base = self.base(&url, pager.titled("Decision timeline"), None, "timeline");
                base.breadcrumbs = Self::home_crumb(base.t);
                let ctx = TimelinePage {
                    base,
                    months,
                    total,
                    pager,
                };
                self.render("timeline.html", &url, &ctx)
            })
            .collect()
    }

    fn feed(&self) -> Result<OutputFile, Diagnostic> {
        let hb = self.handbook;
        // With a base URL every link and id is absolute, as feed readers prefer; without
        // one, links are relative to the feed, which resolves them against its own URL.
        let prefix = hb
            .config
            .base_url
            .as_deref()
            .map(|u| format!("{}/", u.trim_end_matches('/')))
            .unwrap_or_default();
        // Ids name the decision by number only; `base_url` makes them unique across
        // handbooks when there is one.
        let (feed_id, entry_id) = if prefix.is_empty() {
            (
                "urn:orgbook:feed:decisions".to_string(),
                "urn:orgbook:decision:".to_string(),
            )
        } else {
            (format!("{prefix}feed.xml"), format!("{prefix}decisions/"))
        };
        let decisions = self.by_news_date();
        let entries: Vec<FeedEntry> = decisions
            .iter()
            .take(FEED_ENTRIES)
            .map(|&(doc, d)| {
                let id = doc_id(hb, doc);
                let team = hb.team(&d.team.value).map(|(_, c)| c.name.as_str());
                let reversibility = d.decision_type.reversibility();
                let mut summary = format!(
                    "{} · type {} ({reversibility})",
                    d.status.as_str(),
                    d.decision_type
                );
                if let Some(team) = team {
                    summary.push_str(" · ");
                    summary.push_str(team);
                }
                FeedEntry {
                    id: format!("{entry_id}{}", d.number),
                    number: d.number,
                    title: d.title.clone(),
                    href: format!("{prefix}{}", crate::markdown::encode_path(&doc.url)),
                    published: timestamp(d.date),
                    updated: timestamp(news_date(d)),
                    status: d.status.as_str(),
                    summary,
                    tags: d.tags.clone(),
                    content: id
                        .map(|id| {
                            let held = self.bodies.and_then(|b| b.get(id));
                            let html = held.unwrap_or_else(|| self.rendered[id].html.clone());
                            self.place_folder_links(id, html.into()).into_owned()
                        })
                        .unwrap_or_default(),
                }
            })
            .collect();
        // An empty handbook still needs a valid `updated`: the newest charter review, else
        // the epoch, both stable between builds.
        let updated = decisions
            .first()
            .map(|(_, d)| news_date(d))
            .or_else(|| hb.teams.keys().filter_map(|s| hb.team(s)?.1.reviewed).max())
            .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), timestamp);
        let ctx = FeedPage {
            base: self.base("feed.xml", "Decisions".into(), None, "decisions"),
            feed: FeedInfo {
                id: feed_id,
                updated,
                self_href: format!("{prefix}feed.xml"),
                alternate_href: format!("{prefix}timeline.html"),
            },
            entries,
        };
        self.render("feed.xml", "feed.xml", &ctx)
    }
}

/// The index of `doc` in the handbook, to find its rendered body.
fn doc_id(hb: &crate::link::Handbook, doc: &Doc) -> Option<usize> {
    hb.by_path.get(&doc.source.path).copied()
}

/// "December 2026", in the index pages' language (`month_names`, `month_year`).
fn month_label(t: &crate::ui_text::UiText, on: Date) -> String {
    let name = match t
        .month_names
        .split('|')
        .nth(usize::from(on.month().unsigned_abs()) - 1)
    {
        Some(name) => name.trim().to_string(),
        None => on.strftime("%B").to_string(),
    };
    t.month_year
        .replace("{month}", &name)
        .replace("{year}", &on.year().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui_text::{UiTextOverride, UiTexts};

    #[test]
    fn a_month_is_named_in_the_language_and_english_where_a_table_falls_short() {
        let texts = UiTexts::new(&[UiTextOverride {
            lang: "pl".into(),
            words: vec![("month_names".into(), "styczeń| luty".into())],
        }]);
        let february = Date::new(2026, 2, 1).unwrap();
        let march = Date::new(2026, 3, 1).unwrap();
        assert_eq!(month_label(texts.for_lang("pl"), february), "luty 2026");
        assert_eq!(month_label(texts.for_lang("pl"), march), "March 2026");
        assert_eq!(month_label(texts.for_lang("ja"), march), "2026年3月");
        assert_eq!(month_label(texts.for_lang("de"), march), "März 2026");
    }
}
