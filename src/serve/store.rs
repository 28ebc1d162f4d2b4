//! What the HTTP threads serve and what the browsers are told: the last good site (in
//! memory), the current diagnostics, and a short log of events for the live-reload
//! streams. The rebuild thread writes; request threads read, holding a lock only long
//! enough to clone an `Arc` or copy an event.

use super::model::{Body, Delta};
use crate::diagnostic::Diagnostic;
use serde::Serialize;
use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Condvar, Mutex, RwLock};
use std::time::Duration;

/// How many events a slow stream may fall behind before it is just told to reload.
const EVENT_LOG: usize = 64;

/// A diagnostic as the browser overlay shows it: the documented JSON fields plus the
/// offending line, for the caret.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct OverlayItem {
    #[serde(flatten)]
    pub diagnostic: Diagnostic,
    pub source_line: Option<Box<str>>,
    pub span_len: u32,
}

impl OverlayItem {
    fn new(d: &Diagnostic) -> OverlayItem {
        OverlayItem {
            diagnostic: d.clone(),
            source_line: d.source_line.clone(),
            span_len: d.span_len,
        }
    }
}

/// The state streams and `/__orgbook/status.json` report.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// Bumped whenever the served site changes.
    pub version: u64,
    /// Errors that keep the site from updating (empty when the site is current).
    pub errors: Vec<OverlayItem>,
    pub warnings: usize,
    /// No rebuild running or waiting (benchmarks wait for this between edits).
    pub idle: bool,
}

struct Events {
    status: Status,
    /// Sequence number of the newest event.
    seq: u64,
    /// `(seq, server-sent event text)`, oldest first.
    log: VecDeque<(u64, Arc<str>)>,
}

pub struct Store {
    site: RwLock<HashMap<String, Body>>,
    events: Mutex<Events>,
    changed: Condvar,
}

/// What a stream gets when it wakes.
pub enum Wake {
    Events(Vec<Arc<str>>),
    /// Fell too far behind: reload to be safe.
    Lost(Status),
    Timeout,
}

fn sse(event: &str, data: &impl Serialize) -> Arc<str> {
    let json = serde_json::to_string(data).expect("events serialise");
    format!("event: {event}\ndata: {json}\n\n").into()
}

impl Store {
    pub fn new() -> Store {
        Store {
            site: RwLock::new(HashMap::new()),
            events: Mutex::new(Events {
                status: Status {
                    version: 0,
                    errors: Vec::new(),
                    warnings: 0,
                    idle: false,
                },
                seq: 0,
                log: VecDeque::new(),
            }),
            changed: Condvar::new(),
        }
    }

    pub fn get(&self, path: &str) -> Option<Body> {
        self.site.read().ok()?.get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.site.read().is_ok_and(|s| s.contains_key(path))
    }

    pub fn status(&self) -> Status {
        self.lock().status.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Events> {
        // A panicking request thread must not take the server down with it.
        self.events.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, events: &mut Events, text: Arc<str>) {
        events.seq += 1;
        let seq = events.seq;
        events.log.push_back((seq, text));
        while events.log.len() > EVENT_LOG {
            events.log.pop_front();
        }
        self.changed.notify_all();
    }

    /// Publishes a rebuild: applies the site delta (if any) and tells the browsers. `pages`
    /// is false for derived files (search index…), which never need a page reload.
    pub fn publish(&self, diagnostics: &[Diagnostic], delta: Option<&Delta>, pages: bool) {
        if let Some(delta) = delta
            && (!delta.changed.is_empty() || !delta.removed.is_empty())
        {
            let mut site = self.site.write().unwrap_or_else(|e| e.into_inner());
            for (path, body) in &delta.changed {
                site.insert(path.clone(), body.clone());
            }
            for path in &delta.removed {
                site.remove(path);
            }
        }
        let errors: Vec<OverlayItem> = diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(OverlayItem::new)
            .collect();
        let warnings = diagnostics.len() - errors.len();
        let mut events = self.lock();
        events.status.warnings = warnings;
        if errors != events.status.errors {
            events.status.errors = errors;
            let status = events.status.clone();
            self.push(&mut events, sse("errors", &status));
        }
        let Some(delta) = delta else { return };
        let mut changed: Vec<&str> = delta.changed.iter().map(|(p, _)| p.as_str()).collect();
        changed.extend(delta.removed.iter().map(String::as_str));
        if changed.is_empty() {
            return;
        }
        events.status.version += 1;
        #[derive(Serialize)]
        struct Reload<'a> {
            version: u64,
            /// Output paths that changed; the page reloads if it is one of them.
            changed: Vec<&'a str>,
            /// A stylesheet, script or image changed: every page reloads.
            assets: bool,
        }
        let assets = pages && changed.iter().any(|p| is_page_asset(p));
        let event = Reload {
            version: events.status.version,
            changed,
            assets,
        };
        let text = sse("reload", &event);
        self.push(&mut events, text);
    }

    /// Marks the rebuild loop busy or idle (not an event: only status.json shows it).
    pub fn set_idle(&self, idle: bool) {
        self.lock().status.idle = idle;
    }

    /// The greeting a new stream gets: where things stand.
    pub fn hello(&self) -> (u64, Arc<str>) {
        let events = self.lock();
        (events.seq, sse("hello", &events.status))
    }

    /// Waits until there are events after `seen` (updating it), or `timeout` passes.
    pub fn wait(&self, seen: &mut u64, timeout: Duration) -> Wake {
        let events = self.lock();
        let (events, result) = self
            .changed
            .wait_timeout_while(events, timeout, |e| e.seq <= *seen)
            .unwrap_or_else(|e| e.into_inner());
        if result.timed_out() && events.seq <= *seen {
            return Wake::Timeout;
        }
        let oldest = events.log.front().map_or(events.seq + 1, |(s, _)| *s);
        let wake = if oldest > *seen + 1 {
            Wake::Lost(events.status.clone())
        } else {
            Wake::Events(
                events
                    .log
                    .iter()
                    .filter(|(s, _)| *s > *seen)
                    .map(|(_, t)| t.clone())
                    .collect(),
            )
        };
        *seen = events.seq;
        wake
    }
}

/// Files that pages load (stylesheets, scripts, images, fonts): when one changes, every
/// open page reloads. Data files (feeds, JSON exports, the search index) do not count.
fn is_page_asset(path: &str) -> bool {
    let ext = path
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "css"
            | "js"
            | "mjs"
            | "svg"
            | "png"
            | "jpg"
            | "jpeg"
            | "gif"
            | "webp"
            | "avif"
            | "ico"
            | "woff"
            | "woff2"
            | "ttf"
    )
}

/// The event a stream that fell behind is sent instead of what it missed.
pub fn lost_event(status: &Status) -> Arc<str> {
    sse("hello", status)
}

impl Default for Store {
    fn default() -> Self {
        Store::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delta(paths: &[&str]) -> Delta {
        Delta {
            changed: paths
                .iter()
                .map(|p| (p.to_string(), Body::Static(b"x")))
                .collect(),
            removed: Vec::new(),
        }
    }

    fn events(store: &Store, seen: &mut u64) -> Vec<String> {
        match store.wait(seen, Duration::from_millis(10)) {
            Wake::Events(e) => e.iter().map(|e| e.to_string()).collect(),
            Wake::Lost(_) => vec!["lost".into()],
            Wake::Timeout => Vec::new(),
        }
    }

    #[test]
    fn publishing_updates_the_site_and_tells_the_streams() {
        let store = Store::new();
        let (mut seen, hello) = store.hello();
        assert!(hello.starts_with("event: hello\ndata: {\"version\":0,\"errors\":[]"));
        store.publish(&[], Some(&delta(&["a.html", "orgbook/style.css"])), true);
        assert!(store.contains("a.html"));
        let got = events(&store, &mut seen);
        assert_eq!(got.len(), 1);
        assert!(
            got[0].contains("\"changed\":[\"a.html\",\"orgbook/style.css\"],\"assets\":true"),
            "{got:?}"
        );
        // An unchanged site says nothing.
        store.publish(&[], Some(&Delta::default()), true);
        assert!(events(&store, &mut seen).is_empty());
        // Errors are announced once, and so is their end.
        let error = Diagnostic::error("toml-syntax", "content/a.md", "bad");
        store.publish(std::slice::from_ref(&error), None, true);
        store.publish(std::slice::from_ref(&error), None, true);
        let got = events(&store, &mut seen);
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("event: errors\n") && got[0].contains("content/a.md"));
        store.publish(&[], Some(&Delta::default()), true);
        assert!(events(&store, &mut seen)[0].contains("\"errors\":[]"));
    }

    #[test]
    fn derived_files_never_reload_pages_and_slow_streams_catch_up() {
        let store = Store::new();
        let (mut seen, _) = store.hello();
        store.publish(&[], Some(&delta(&["search/index.js"])), false);
        assert!(events(&store, &mut seen)[0].contains("\"assets\":false"));
        for i in 0..EVENT_LOG + 5 {
            store.publish(&[], Some(&delta(&[&format!("p{i}.html")])), true);
        }
        let mut behind = 1;
        assert_eq!(events(&store, &mut behind), ["lost"]);
        assert_eq!(behind, store.hello().0, "caught up");
    }
}
