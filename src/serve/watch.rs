//! Watching the handbook: notify, debounced, with events sorted into [`Changes`] before
//! anything is rebuilt (Zola's idea: classify first, then act).
//!
//! Event kinds are not trusted: editors save by writing in place, by writing a temporary
//! file and renaming it over the original, or by deleting and recreating; `git checkout`
//! touches hundreds of files and folders at once. So an event only says *where* to look;
//! the model then reads what is on disk there now (see `model::current_files`). Folders
//! that appear later (`static/`, `templates/`, a recreated `content/`) are picked up by
//! watching the root folder itself and adding watches when they show up.
//!
//! Events can be lost (a full kernel queue, a watch limit, a file system that does not
//! report everything). Lost events must never leave the served site stale, so a scanner
//! thread compares a listing of the watched folders (size, modification time and inode of
//! every entry) every few seconds and reports what differs, and the rebuild loop looks at a
//! burst's paths once more after it settles (`serve::SETTLE`).

use notify::{EventKind, RecursiveMode, event::AccessKind, event::AccessMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// How long a path must stay quiet before its events are delivered. Short, because it is
/// paid on every edit before anything is rebuilt (at 40 ms it was most of the time from
/// save to reload): an editor's write-rename-delete sequence that straddles it arrives as
/// two batches, which the rebuild loop merges (`BURST_GAP`), and the model reads what is
/// on disk rather than trusting events, so a split sequence cannot leave a wrong page.
const DEBOUNCE: Duration = Duration::from_millis(10);

/// The folders below the root that are watched recursively: `i18n/` holds a Docusaurus
/// site's translations (`crate::lang::docusaurus_folders`).
pub const WATCHED_DIRS: &[&str] = &["content", "templates", "static", "themes", "i18n"];

/// How often the scanner compares the watched folders with its last listing. A listing of
/// a 10,000-file handbook is some 10,000 `stat` calls (tens of milliseconds); every 3 s that
/// is about 1 % of one core, and a lost event is healed within 3 s.
const SCAN_EVERY: Duration = Duration::from_secs(3);

/// What the watcher sends: paths that changed, or a reason to re-read everything.
#[derive(Debug)]
pub enum Batch {
    Paths(Vec<PathBuf>),
    /// Paths whose listing changed since the scanner's last look: a change no event told of,
    /// or (usually) one already handled, which the rebuild loop then passes over silently.
    Scan(Vec<PathBuf>),
    /// Events were dropped (the kernel queue overflowed) or the watcher failed.
    Rescan(String),
}

pub struct Watcher {
    debouncer: Debouncer<notify::RecommendedWatcher, RecommendedCache>,
    root: PathBuf,
    watching: BTreeSet<PathBuf>,
}

/// Events that do not change anything: reading a file (the server reads assets, the
/// model reads content) must not trigger a rebuild.
fn matters(kind: &EventKind) -> bool {
    match kind {
        EventKind::Access(AccessKind::Close(AccessMode::Write)) => true,
        EventKind::Access(_) => false,
        _ => true,
    }
}

impl Watcher {
    /// Starts watching `root` itself; batches of changed paths go to `tx`. Call
    /// [`Self::refresh`] to watch the folders below it.
    pub fn start(root: &Path, tx: Sender<Batch>) -> Result<Watcher, notify::Error> {
        start_scanner(root, tx.clone());
        // Test hook: lose this many events, as a full kernel queue would, without the
        // rescan flag (the worst case: nothing tells that events were lost).
        let mut lose: u64 = std::env::var("ORGBOOK_WATCH_LOSE_EVENTS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        let handler = move |result: DebounceEventResult| {
            let batch = match result {
                Ok(mut events) => {
                    if lose > 0 {
                        let lost = events.len().min(lose as usize);
                        events.drain(..lost);
                        lose -= lost as u64;
                    }
                    if events.iter().any(|e| e.need_rescan()) {
                        Batch::Rescan("the file system dropped events".into())
                    } else {
                        let paths: Vec<PathBuf> = events
                            .iter()
                            .filter(|e| matters(&e.kind))
                            .flat_map(|e| e.paths.iter().cloned())
                            .collect();
                        if paths.is_empty() {
                            return;
                        }
                        Batch::Paths(paths)
                    }
                }
                Err(errors) => Batch::Rescan(
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            // The receiver is gone only when the server is shutting down.
            let _ = tx.send(batch);
        };
        let debouncer = new_debouncer(DEBOUNCE, None, handler)
            .map_err(|e| notify::Error::generic(&e.to_string()))?;
        let mut watcher = Watcher {
            debouncer,
            root: root.to_path_buf(),
            watching: BTreeSet::new(),
        };
        watcher.debouncer.watch(root, RecursiveMode::NonRecursive)?;
        Ok(watcher)
    }

    /// Also watches `folders` (not recursively): those holding files the pages include,
    /// outside the folders watched anyway. A folder that cannot be watched is skipped (an
    /// edit there then shows after the next edit of the page).
    pub fn watch_also(&mut self, folders: BTreeSet<PathBuf>) {
        for dir in folders {
            if dir != self.root
                && !self.watching.contains(&dir)
                && dir.is_dir()
                && self
                    .debouncer
                    .watch(&dir, RecursiveMode::NonRecursive)
                    .is_ok()
            {
                self.watching.insert(dir);
            }
        }
    }

    /// Watches the folders that exist now and were not watched yet. Returns the folders
    /// newly watched (whatever they hold is new to the build) and problems to report
    /// (e.g. the system's limit on watches).
    pub fn refresh(&mut self) -> (Vec<PathBuf>, Vec<String>) {
        let mut added = Vec::new();
        let mut problems = Vec::new();
        for name in WATCHED_DIRS {
            let dir = self.root.join(name);
            let exists = dir.is_dir();
            if exists && !self.watching.contains(&dir) {
                match self.debouncer.watch(&dir, RecursiveMode::Recursive) {
                    Ok(()) => {
                        self.watching.insert(dir.clone());
                        added.push(dir);
                    }
                    Err(e) => problems.push(format!("cannot watch {}: {e}", dir.display())),
                }
            } else if !exists && self.watching.remove(&dir) {
                // Gone (and its watches with it); watched again if it comes back.
                let _ = self.debouncer.unwatch(&dir);
            }
        }
        (added, problems)
    }
}

/// The scanner's view of one entry: what changes when a file is written, replaced or
/// removed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
    dir: bool,
}

/// Every entry under the watched folders, and the configuration file. `None` when the
/// listing could not be completed (e.g. no file descriptor left): an incomplete listing
/// would report files as removed that are not. A hash map: the scan runs every few
/// seconds beside rebuilds, and ordered maps of paths compare them component by component
/// on every insert (`differences` sorts what it returns).
fn listing(root: &Path) -> Option<HashMap<PathBuf, Stamp>> {
    let mut out = HashMap::new();
    let config = root.join(crate::config::CONFIG_FILE);
    let roots = WATCHED_DIRS.iter().map(|d| root.join(d));
    for entry in roots.flat_map(|dir| walkdir::WalkDir::new(dir).follow_links(false)) {
        let entry = match entry {
            Ok(entry) => entry,
            // A folder that does not exist (yet), or an entry removed while listing.
            Err(e)
                if e.io_error().map(std::io::Error::kind) == Some(std::io::ErrorKind::NotFound) =>
            {
                continue;
            }
            Err(_) => return None,
        };
        match entry.metadata() {
            Ok(meta) => {
                out.insert(entry.into_path(), stamp(&meta));
            }
            Err(e)
                if e.io_error().map(std::io::Error::kind) == Some(std::io::ErrorKind::NotFound) => {
            }
            Err(_) => return None,
        }
    }
    match std::fs::symlink_metadata(&config) {
        Ok(meta) => {
            out.insert(config, stamp(&meta));
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(_) => return None,
    }
    Some(out)
}

fn stamp(meta: &std::fs::Metadata) -> Stamp {
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let inode = 0;
    Stamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
        dir: meta.is_dir(),
    }
}

/// Paths added, removed or changed between two listings.
fn differences(old: &HashMap<PathBuf, Stamp>, new: &HashMap<PathBuf, Stamp>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = old
        .iter()
        .filter(|(p, s)| new.get(*p) != Some(*s))
        .map(|(p, _)| p.clone())
        .collect();
    out.extend(new.keys().filter(|p| !old.contains_key(*p)).cloned());
    out.sort();
    out
}

/// Compares listings every [`SCAN_EVERY`] (`ORGBOOK_WATCH_SCAN_MS` in tests) and sends what
/// differs, until the receiver is gone.
fn start_scanner(root: &Path, tx: Sender<Batch>) {
    let every = std::env::var("ORGBOOK_WATCH_SCAN_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(SCAN_EVERY, Duration::from_millis);
    let root = root.to_path_buf();
    let mut last = listing(&root);
    // Without the scanner, lost events are healed only by the next edit: worth a warning
    // but not worth refusing to serve.
    let spawned = std::thread::Builder::new()
        .name("orgbook-scan".into())
        .spawn(move || {
            loop {
                std::thread::sleep(every);
                // An incomplete listing is skipped; the next complete one is compared.
                let Some(now) = listing(&root) else { continue };
                let Some(before) = last.replace(now) else {
                    continue;
                };
                let changed = differences(&before, last.as_ref().expect("just set"));
                if !changed.is_empty() && tx.send(Batch::Scan(changed)).is_err() {
                    return;
                }
            }
        });
    if let Err(e) = spawned {
        errln!(
            "warning: cannot start the folder scanner ({e}); a lost file event is healed only by the next edit"
        );
    }
}

/// Sorts changed paths by what they affect.
pub fn classify(root: &Path, paths: &[PathBuf]) -> Changes {
    let mut changes = Changes::default();
    for p in paths {
        // CODEOWNERS gives code to teams: read with the configuration, wherever it is (the
        // repository's `.github/` may be above the handbook).
        if p.file_name() == Some(std::ffi::OsStr::new("CODEOWNERS")) {
            changes.config = true;
            continue;
        }
        let Ok(rel) = p.strip_prefix(root) else {
            continue;
        };
        let mut parts = rel.components();
        let first = parts
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        match first.as_str() {
            // MkDocs's `nav:` orders pages: read with the configuration.
            // So do mdBook's redirects, in its book.toml, and GitBook's, in its
            // .gitbook.yaml (beside content/ or at its top, below).
            crate::config::CONFIG_FILE
            | crate::load::mkdocs_nav::FILE
            | crate::load::book_toml::FILE
            | crate::load::gitbook_yaml::FILE => changes.config = true,
            // A moved-in Hugo or Docusaurus site's configuration names the handbook's
            // language and Hugo's its language folders (`crate::lang`).
            name if crate::lang::is_generator_config(name) => changes.config = true,
            // So do Mintlify's `docs.json` and Quarto's `_quarto.yml`, beside content/ or
            // at its top, and Nextra's `_meta` files in any folder of it.
            name if crate::load::is_nav_file(name) => changes.config = true,
            "content"
                if rel.components().count() == 2
                    && (crate::load::is_nav_file(
                        &p.file_name().unwrap_or_default().to_string_lossy(),
                    ) || p.file_name()
                        == Some(std::ffi::OsStr::new(crate::load::gitbook_yaml::FILE))) =>
            {
                changes.config = true;
            }
            "content"
                if crate::load::nextra_meta::is_meta_file(
                    &p.file_name().unwrap_or_default().to_string_lossy(),
                ) =>
            {
                changes.config = true;
            }
            // An Azure DevOps wiki's `.order` files order pages, like MkDocs's `nav:`, and
            // so do the `.pages` files of MkDocs's awesome-pages plugin.
            "content"
                if p.file_name() == Some(std::ffi::OsStr::new(crate::load::wiki_order::FILE))
                    || p.file_name()
                        == Some(std::ffi::OsStr::new(crate::load::awesome_pages::FILE)) =>
            {
                changes.config = true;
            }
            // So do a Retype project's folder files (`guides/index.yml`, its label and
            // place), which the load stage reads as folder settings: read again whole.
            "content"
                if p.file_name()
                    .is_some_and(|n| crate::load::retype::FOLDER_FILES.iter().any(|f| n == *f)) =>
            {
                changes.config = true;
            }
            // So do DocFX's `toc.yml` files, in any folder: the root one links the others.
            "content"
                if p.file_name() == Some(std::ffi::OsStr::new(crate::load::docfx_toc::FILE)) =>
            {
                changes.config = true;
            }
            // So do a Writerside project's files: its `.tree` tables of contents, its
            // `writerside.cfg` that names them, and its variables (`v.list`).
            "content"
                if crate::load::writerside::is_project_file(
                    &p.file_name().unwrap_or_default().to_string_lossy(),
                ) =>
            {
                changes.config = true;
            }
            // And a DocFX project's Markdown form, `toc.md`, in any folder: no page there.
            "content"
                if p.file_name() == Some(std::ffi::OsStr::new(crate::load::docfx_toc::MD_FILE))
                    && crate::load::docfx_toc::project(root) =>
            {
                changes.config = true;
            }
            // So does docsify's `_sidebar.md` at the top of content/.
            "content"
                if rel
                    == Path::new(crate::load::CONTENT_DIR)
                        .join(crate::load::docsify_sidebar::FILE) =>
            {
                changes.config = true;
            }
            "content" => {
                changes.content.insert(p.clone());
            }
            // Docusaurus's translations, which the load stage reads with the configuration
            // that names their locales (`load::i18n`): read again with it.
            "i18n" => changes.config = true,
            "templates" | "themes" => changes.theme = true,
            "static" => {
                changes.static_files.insert(p.clone());
            }
            // Version control: never ours.
            ".git" | ".hg" | ".svn" => {}
            // The output of `orgbook build`, anything else: ours only if a page includes
            // it (`Model::add_includers` sorts that out).
            _ => {
                changes.other.insert(p.clone());
            }
        }
    }
    changes
}

/// What changed on disk since the last update, as sorted out by the watcher.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// `orgbook.toml`.
    pub config: bool,
    /// Anything under `templates/` or `themes/`.
    pub theme: bool,
    /// Paths under `static/`.
    pub static_files: BTreeSet<PathBuf>,
    /// Paths under `content/`: files or folders, changed, created or gone.
    pub content: BTreeSet<PathBuf>,
    /// Other paths below the root: they matter when a document includes one
    /// (`Model::add_includers` turns those into the documents' paths).
    pub other: BTreeSet<PathBuf>,
    /// Events were lost (or too many to sort out): re-read everything.
    pub rescan: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        !self.config
            && !self.theme
            && !self.rescan
            && self.static_files.is_empty()
            && self.content.is_empty()
            && self.other.is_empty()
    }

    pub fn merge(&mut self, other: Changes) {
        self.config |= other.config;
        self.theme |= other.theme;
        self.rescan |= other.rescan;
        self.static_files.extend(other.static_files);
        self.content.extend(other.content);
        self.other.extend(other.other);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sorted_by_what_they_affect() {
        let root = Path::new("/hb");
        let paths: Vec<PathBuf> = [
            "/hb/orgbook.toml",
            "/hb/content/teams/a.md",
            "/hb/content",
            "/hb/templates/team.html",
            "/hb/static/logo.svg",
            "/hb/public/index.html",
            "/hb/.git/index",
            "/elsewhere/x",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        let c = classify(root, &paths);
        assert!(c.config && c.theme && !c.rescan);
        assert_eq!(c.content.len(), 2);
        assert_eq!(c.static_files.len(), 1);
        // Anything else is kept aside: a page may include it.
        assert_eq!(c.other.len(), 1);
        assert!(classify(root, &[PathBuf::from("/hb/.git/x")]).is_empty());
        // Other generators' navigation files reorder the site: read with the configuration.
        for nav in [
            "/hb/docs.json",
            "/hb/content/mint.json",
            "/hb/content/_quarto.yml",
            "/hb/content/guide/deep/_meta.tsx",
        ] {
            let c = classify(root, &[PathBuf::from(nav)]);
            assert!(c.config && c.content.is_empty(), "{nav}");
        }
        let c = classify(root, &[PathBuf::from("/hb/content/guide/docs.json")]);
        assert!(!c.config && c.content.len() == 1);
    }

    #[test]
    fn listings_differ_where_files_were_written_replaced_or_removed() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/teams")).unwrap();
        std::fs::write(root.join("content/teams/a.md"), "a").unwrap();
        std::fs::write(root.join("content/b.md"), "b").unwrap();
        std::fs::write(root.join("orgbook.toml"), "").unwrap();
        let before = listing(root).unwrap();
        assert!(differences(&before, &listing(root).unwrap()).is_empty());
        // Rename-style save (a new inode), a removal, a new file and a longer config.
        std::fs::write(root.join("content/teams/.a.md.tmp"), "a").unwrap();
        std::fs::rename(
            root.join("content/teams/.a.md.tmp"),
            root.join("content/teams/a.md"),
        )
        .unwrap();
        std::fs::remove_file(root.join("content/b.md")).unwrap();
        std::fs::write(root.join("content/c.md"), "c").unwrap();
        std::fs::write(root.join("orgbook.toml"), "title = \"x\"\n").unwrap();
        let changed = differences(&before, &listing(root).unwrap());
        let names: Vec<String> = changed
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/")
            })
            .collect();
        for want in [
            "content/teams/a.md",
            "content/b.md",
            "content/c.md",
            "orgbook.toml",
        ] {
            assert!(
                names.contains(&want.to_string()),
                "{want} missing from {names:?}"
            );
        }
    }

    #[test]
    fn reads_do_not_trigger_rebuilds() {
        assert!(!matters(&EventKind::Access(AccessKind::Open(
            notify::event::AccessMode::Any
        ))));
        assert!(matters(&EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(matters(&EventKind::Remove(notify::event::RemoveKind::File)));
    }
}
