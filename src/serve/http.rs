//! HTTP for the dev server: maps request paths onto the in-memory site, never onto the
//! file system, streams live-reload events, and serves the overlay script.
//!
//! tiny_http is a small, synchronous server: a few worker threads take requests off its
//! queue; each live-reload stream gets a thread of its own because it stays open. A path
//! is looked up in the site's map of output files, so nothing outside the site can be
//! named: `..` and `.` segments (encoded or not) are refused outright, and the only files
//! read from disk are the assets and static files the build listed, which must still be
//! regular files inside the handbook when requested (a file swapped for a symlink is not
//! followed).

use super::model::Body;
use super::store::{Store, Wake, lost_event};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// The script every page loads under `orgbook serve`.
const LIVE_JS: &str = include_str!("live.js");
/// Where the dev server's own endpoints live; no handbook page can be written there.
pub const PREFIX: &str = "/__orgbook/";
const WORKERS: usize = 4;
/// Shown for every page until the handbook builds for the first time.
const WAITING_PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>orgbook serve: the handbook has errors</title></head><body>\
<h1>The handbook has errors</h1><p>Nothing could be built yet. The errors are listed below \
and in the terminal; fix them and save, and this page reloads by itself.</p>\
<script src=\"/__orgbook/live.js\"></script></body></html>";
/// Live-reload streams beyond this are refused (each holds a thread).
const MAX_STREAMS: usize = 64;
/// A comment line every so often tells dead streams apart from quiet ones.
const KEEPALIVE: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum BindError {
    #[error("port {port} on {ip} is already in use")]
    InUse { ip: std::net::IpAddr, port: u16 },
    #[error("cannot listen on {addr}: {source}")]
    Other {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

/// Binds the listening socket: done before building so that a busy port fails fast.
pub fn bind(addr: SocketAddr) -> Result<TcpListener, BindError> {
    TcpListener::bind(addr).map_err(|source| match source.kind() {
        std::io::ErrorKind::AddrInUse => BindError::InUse {
            ip: addr.ip(),
            port: addr.port(),
        },
        _ => BindError::Other { addr, source },
    })
}

struct Server {
    store: Arc<Store>,
    /// Canonical handbook root: files read from disk must be inside it.
    root: PathBuf,
    streams: std::sync::atomic::AtomicUsize,
}

/// Starts serving `store` on `listener` in background threads.
///
/// tiny_http's accept thread ends for good on the first accept error, and panics when it
/// runs out of file descriptors while setting up a connection (a flood of connections under
/// a low `ulimit -n`); every later connection then waits forever. A supervisor therefore
/// learns of that end (an accept error reaching a worker, or a panic inside tiny_http's
/// connection setup, seen by a panic hook) and starts a new tiny_http server on the same
/// socket after a short pause (growing to a second while the error persists), so the server
/// heals as soon as descriptors are free again.
pub fn start(listener: TcpListener, store: Arc<Store>, root: &Path) -> std::io::Result<()> {
    let state = Arc::new(Server {
        store,
        root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
        streams: Default::default(),
    });
    let (died_tx, died) = std::sync::mpsc::channel::<()>();
    install_accept_panic_hook(died_tx.clone());
    // Fail now (not in the supervisor) if the socket cannot be served at all.
    let first = serve_once(listener.try_clone()?, &state, &died_tx)?;
    std::thread::Builder::new()
        .name("orgbook-http-supervisor".into())
        .spawn(move || {
            let mut current = Some(first);
            let mut pause = Duration::from_millis(50);
            while died.recv().is_ok() {
                // Several workers (and the hook) may report the same death.
                while died.try_recv().is_ok() {}
                if let Some(old) = current.take() {
                    for _ in 0..WORKERS {
                        old.unblock();
                    }
                }
                std::thread::sleep(pause);
                match listener
                    .try_clone()
                    .and_then(|l| serve_once(l, &state, &died_tx))
                {
                    Ok(next) => {
                        current = Some(next);
                        pause = Duration::from_millis(50);
                        eprintln!("warning: the server ran out of resources and was restarted");
                    }
                    Err(_) => {
                        pause = (pause * 2).min(Duration::from_secs(1));
                        let _ = died_tx.send(());
                    }
                }
            }
        })?;
    Ok(())
}

/// Reports a panic in tiny_http's connection setup (its accept thread: `RefinedTcpStream`
/// unwraps a `try_clone` that fails without file descriptors) to the supervisor, instead of
/// printing a backtrace. Other panics go to the previous hook unchanged.
fn install_accept_panic_hook(died: std::sync::mpsc::Sender<()>) {
    let died = std::sync::Mutex::new(died);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let in_accept = info.location().is_some_and(|l| {
            l.file().contains("tiny_http") && l.file().contains("refined_tcp_stream")
        });
        if in_accept {
            if let Ok(tx) = died.lock() {
                let _ = tx.send(());
            }
        } else {
            previous(info);
        }
    }));
}

/// One tiny_http server on `listener` with its workers. A worker that receives the accept
/// thread's error reports it on `died`.
fn serve_once(
    listener: TcpListener,
    state: &Arc<Server>,
    died: &std::sync::mpsc::Sender<()>,
) -> std::io::Result<Arc<tiny_http::Server>> {
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let server = Arc::new(server);
    for i in 0..WORKERS {
        let server = server.clone();
        let state = state.clone();
        let died = died.clone();
        std::thread::Builder::new()
            .name(format!("orgbook-http-{i}"))
            .spawn(move || {
                loop {
                    match server.recv() {
                        Ok(request) => {
                            // A panic answers nothing to that request but must not stop
                            // the worker (the client sees the connection close).
                            let state = state.clone();
                            let _ =
                                std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
                                    state.handle(request)
                                }));
                        }
                        // Woken by the supervisor to end (`unblock`), or the accept thread's
                        // error: either way this server is finished.
                        Err(e) => {
                            if e.kind() != std::io::ErrorKind::Other
                                || e.to_string() != "thread unblocked"
                            {
                                let _ = died.send(());
                            }
                            return;
                        }
                    }
                }
            })?;
    }
    Ok(server)
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("valid header")
}

/// The content type of an output path, by extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map_or("", |(_, e)| e)
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "txt" | "md" => "text/plain; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "wasm" => "application/wasm",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// Where a request path points, after decoding.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// An output path, relative to the site root (`index.html` for `/`).
    File(String),
    /// One of the dev server's endpoints (`live.js`, `events`, `status.json`).
    Internal(String),
    /// `..` or `.` segments: refused whatever they would resolve to.
    Forbidden,
    BadRequest,
}

use crate::text::percent_decode;

/// Decodes a request target (`/teams/a%20b.html?x=1`) into what to serve.
pub fn resolve(url: &str) -> Target {
    let path = url.split(['?', '#']).next().unwrap_or("");
    // Absolute-form targets (`http://host/path`) name the path after the authority.
    let path = match path.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => path,
    };
    let Some(decoded) = percent_decode(path) else {
        return Target::BadRequest;
    };
    let Some(rest) = decoded.strip_prefix('/') else {
        return Target::BadRequest;
    };
    if decoded.contains(['\0', '\\']) {
        return Target::BadRequest;
    }
    if rest.split('/').any(|seg| seg == ".." || seg == ".") {
        return Target::Forbidden;
    }
    if let Some(internal) = decoded.strip_prefix(PREFIX) {
        return Target::Internal(internal.to_string());
    }
    let mut segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
    if rest.is_empty() || rest.ends_with('/') {
        segments.push("index.html");
    }
    Target::File(segments.join("/"))
}

impl Server {
    fn handle(self: Arc<Self>, request: Request) {
        let method = request.method().clone();
        if method != Method::Get && method != Method::Head {
            let response = Response::from_string("only GET and HEAD are supported\n")
                .with_status_code(405)
                .with_header(header("Allow", "GET, HEAD"));
            let _ = request.respond(response);
            return;
        }
        let url = request.url().to_string();
        match resolve(&url) {
            Target::BadRequest => self.plain(request, 400, "bad request path\n"),
            Target::Forbidden => self.plain(
                request,
                403,
                "forbidden: `.` and `..` are not allowed in paths\n",
            ),
            Target::Internal(name) => self.internal(request, &name),
            Target::File(path) => self.file(request, &path, &url),
        }
    }

    fn plain(&self, request: Request, status: u16, text: &str) {
        let response = Response::from_string(text)
            .with_status_code(status)
            .with_header(header("Content-Type", "text/plain; charset=utf-8"))
            .with_header(header("Cache-Control", "no-store"));
        let _ = request.respond(response);
    }

    fn bytes(&self, request: Request, status: u16, path: &str, bytes: Vec<u8>) {
        let response = Response::from_data(bytes)
            .with_status_code(StatusCode(status))
            .with_header(header("Content-Type", content_type(path)))
            .with_header(header("Cache-Control", "no-store"))
            .with_header(header("X-Content-Type-Options", "nosniff"));
        let _ = request.respond(response);
    }

    fn internal(self: Arc<Self>, request: Request, name: &str) {
        match name {
            "live.js" => self.bytes(request, 200, "live.js", LIVE_JS.as_bytes().to_vec()),
            "status.json" => {
                let json = serde_json::to_vec(&self.store.status()).expect("status serialises");
                self.bytes(request, 200, "status.json", json);
            }
            "events" => {
                let open = self
                    .streams
                    .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                if open >= MAX_STREAMS {
                    self.streams
                        .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    self.plain(request, 503, "too many live-reload streams\n");
                    return;
                }
                let server = self.clone();
                let spawned = std::thread::Builder::new()
                    .name("orgbook-live".into())
                    .spawn(move || {
                        server.stream(request);
                        server
                            .streams
                            .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                    });
                if spawned.is_err() {
                    self.streams
                        .fetch_sub(1, std::sync::atomic::Ordering::SeqCst);
                }
            }
            _ => self.not_found(request),
        }
    }

    /// A server-sent event stream: the state now, then every event as it happens, until
    /// the browser goes away.
    fn stream(&self, request: Request) {
        let mut out = request.into_writer();
        let (mut seen, hello) = self.store.hello();
        // Written by hand: tiny_http would buffer a streamed body. No length, so the
        // stream ends when the connection closes.
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: close\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n\n";
        if out.write_all(head.as_bytes()).is_err() || send(&mut out, &hello).is_err() {
            return;
        }
        loop {
            let result = match self.store.wait(&mut seen, KEEPALIVE) {
                Wake::Timeout => out.write_all(b": keep-alive\n\n").and_then(|_| out.flush()),
                Wake::Lost(status) => send(&mut out, &lost_event(&status)),
                Wake::Events(events) => events.iter().try_for_each(|e| send(&mut out, e)),
            };
            if result.is_err() {
                return;
            }
        }
    }

    fn file(&self, request: Request, path: &str, url: &str) {
        if let Some(body) = self.store.get(path) {
            match self.read(&body) {
                Some(bytes) => {
                    let bytes = inject_live_reload(path, bytes);
                    self.bytes(request, 200, path, bytes);
                }
                None => self.not_found(request),
            }
            return;
        }
        // `/teams` → `/teams/`, so that the index's relative links resolve.
        let index = if path.is_empty() {
            "index.html".to_string()
        } else {
            format!("{path}/index.html")
        };
        if !path.ends_with("index.html") && self.store.contains(&index) {
            let (before, query) = url.split_once('?').map_or((url, ""), |(b, q)| (b, q));
            let mut location = format!("{}/", before.trim_end_matches('/'));
            if !query.is_empty() {
                location.push('?');
                location.push_str(query);
            }
            let response = Response::empty(301)
                .with_header(header("Location", &location))
                .with_header(header("Cache-Control", "no-store"));
            let _ = request.respond(response);
            return;
        }
        self.not_found(request);
    }

    /// The site's own 404 page, with a 404 status. Before the first good build there is
    /// none: a placeholder page then carries the overlay, and reloads when the errors are
    /// fixed.
    fn not_found(&self, request: Request) {
        match self.store.get("404.html").and_then(|b| self.read(&b)) {
            Some(bytes) => {
                let bytes = inject_live_reload("404.html", bytes);
                self.bytes(request, 404, "404.html", bytes);
            }
            None if !self.store.status().errors.is_empty() => {
                self.bytes(
                    request,
                    503,
                    "waiting.html",
                    WAITING_PAGE.as_bytes().to_vec(),
                );
            }
            None => self.plain(request, 404, "not found\n"),
        }
    }

    /// The bytes of a site file. Files on disk are read only if they are still regular
    /// files inside the handbook.
    fn read(&self, body: &Body) -> Option<Vec<u8>> {
        match body {
            Body::Bytes(b) => Some(b.to_vec()),
            Body::Static(b) => Some(b.to_vec()),
            Body::File(p) => {
                let meta = std::fs::symlink_metadata(p).ok()?;
                if !meta.is_file() {
                    return None;
                }
                let real = std::fs::canonicalize(p).ok()?;
                if !real.starts_with(&self.root) {
                    return None;
                }
                let mut bytes = Vec::with_capacity(meta.len() as usize);
                std::fs::File::open(&real)
                    .ok()?
                    .read_to_end(&mut bytes)
                    .ok()?;
                Some(bytes)
            }
        }
    }
}

fn send(out: &mut Box<dyn Write + Send>, event: &str) -> std::io::Result<()> {
    out.write_all(event.as_bytes())?;
    out.flush()
}

/// Themes that leave out base.html's live-reload line still get it in serve mode.
fn inject_live_reload(path: &str, mut bytes: Vec<u8>) -> Vec<u8> {
    const TAG: &[u8] = b"<script src=\"/__orgbook/live.js\"></script>";
    if !path.ends_with(".html") || bytes.windows(TAG.len()).any(|w| w == TAG) {
        return bytes;
    }
    let at = bytes
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(bytes.len());
    bytes.splice(at..at, TAG.iter().copied());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_map_onto_the_site_only() {
        assert_eq!(resolve("/"), Target::File("index.html".into()));
        assert_eq!(resolve("/teams/"), Target::File("teams/index.html".into()));
        assert_eq!(
            resolve("/teams/a%20b.html?x=1#y"),
            Target::File("teams/a b.html".into())
        );
        assert_eq!(resolve("//etc/passwd"), Target::File("etc/passwd".into()));
        assert_eq!(resolve("http://x:1/a.html"), Target::File("a.html".into()));
        assert_eq!(
            resolve("/__orgbook/live.js"),
            Target::Internal("live.js".into())
        );
    }

    #[test]
    fn traversal_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/teams/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2e%2fetc%2fpasswd",
            "/teams/%2e%2e%2f%2e%2e%2fetc/passwd",
            "/./index.html",
            "/__orgbook/../index.html",
        ] {
            assert_eq!(resolve(bad), Target::Forbidden, "{bad}");
        }
        for bad in [
            "etc/passwd",
            "/a%5c..%5cb",
            "/a%00b",
            "/%zz",
            "/%+1",
            "/%ff",
        ] {
            assert_eq!(resolve(bad), Target::BadRequest, "{bad}");
        }
    }

    #[test]
    fn content_types_by_extension() {
        assert_eq!(content_type("a/b.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("orgbook/style.css"), "text/css; charset=utf-8");
        assert_eq!(content_type("x.SVG"), "image/svg+xml");
        assert_eq!(content_type("feed.xml"), "application/xml; charset=utf-8");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }

    #[test]
    fn live_reload_is_injected_once() {
        let page = b"<html><body><p>x</p></body></html>".to_vec();
        let out = inject_live_reload("a.html", page);
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(
            text.ends_with("<script src=\"/__orgbook/live.js\"></script></body></html>"),
            "{text}"
        );
        assert_eq!(inject_live_reload("a.html", out.clone()), out);
        assert_eq!(
            inject_live_reload("a.css", b"body{}".to_vec()),
            b"body{}".to_vec()
        );
    }
}
