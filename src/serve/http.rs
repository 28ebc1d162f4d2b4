//! HTTP for the dev server: maps request paths onto the in-memory site, never onto the
//! file system, streams live-reload events, and serves the overlay script.
//!
//! hyper's HTTP/1 server on a current-thread tokio runtime (one thread; the choice and its
//! measurements are in docs/design.md, "Dev server"), with bounds on header size,
//! connections and idle time so that no client can lock the others out. A path
//! is looked up in the site's map of output files, so nothing outside the site can be
//! named: `..` and `.` segments (encoded or not) are refused outright, and the only files
//! read from disk are the assets and static files the build listed, which must still be
//! regular files inside the handbook when requested (a file swapped for a symlink is not
//! followed).

use super::model::Body;
use super::store::{Store, Wake, lost_event};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, combinators::BoxBody};
use std::convert::Infallible;
use std::io::Read;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

/// The script every page loads under `orgbook serve`.
const LIVE_JS: &str = include_str!("live.js");
/// Where the dev server's own endpoints live; no handbook page can be written there.
pub const PREFIX: &str = "/__orgbook/";
/// Request line and headers of one request (browsers send 1–2 KB; the largest cookie jar
/// a browser sends to one host is about 8 KB).
const MAX_HEADER_BYTES: usize = 32 * 1024;
/// Open connections at once (a browser opens about six per host).
const MAX_CONNECTIONS: usize = 256;
/// A connection with no traffic for this long is closed; a request's headers must arrive
/// within it.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);
/// Shown for every page until the handbook builds for the first time.
const WAITING_PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>orgbook serve: the handbook has errors</title></head><body>\
<h1>The handbook has errors</h1><p>Nothing could be built yet. The errors are listed below \
and in the terminal; fix them and save, and this page reloads by itself.</p>\
<script src=\"/__orgbook/live.js\"></script></body></html>";
/// Live-reload streams beyond this are refused.
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
    streams: AtomicUsize,
    /// Bumped by the event pump whenever the store has news for the live-reload streams.
    news: tokio::sync::watch::Sender<u64>,
    limits: Limits,
}

/// What one client may hold. Each is a bound a hostile or broken client hits before it can
/// hurt other clients; see docs/robustness.md, section 4.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Request line and headers; more is answered `431` and the connection closed.
    header_bytes: usize,
    /// Open connections; past it, a new client takes the place of the oldest one that sent
    /// nothing yet (or of the keep-alive connection quiet longest), else waits in the
    /// kernel's queue.
    connections: usize,
    /// A connection that moves no byte either way for this long is closed (idle
    /// keep-alive, a client that stopped reading), and a request's headers must have
    /// arrived within it (trickling clients).
    idle: Duration,
}

impl Limits {
    /// The limits, with test-only overrides from the environment (a test cannot wait
    /// 30 s for a timeout, nor open 512 connections on every machine).
    fn from_env() -> Limits {
        let number = |name: &str| std::env::var(name).ok().and_then(|v| v.parse::<u64>().ok());
        Limits {
            header_bytes: MAX_HEADER_BYTES,
            connections: number("ORGBOOK_SERVE_MAX_CONNECTIONS")
                .map_or(MAX_CONNECTIONS, |n| n.max(1) as usize),
            idle: number("ORGBOOK_SERVE_IDLE_MS")
                .map_or(IDLE_TIMEOUT, |ms| Duration::from_millis(ms.max(50))),
        }
    }

    /// Live-reload streams write at least this often, so that an open stream is never
    /// idle (and a dead one is noticed).
    fn keepalive(&self) -> Duration {
        KEEPALIVE.min(self.idle / 2)
    }
}

/// Starts serving `store` on `listener`, in the background.
///
/// One thread runs a current-thread tokio runtime with hyper's HTTP/1 server: a connection
/// costs a task and a socket, not a thread, so a flood of idle or trickling clients holds no
/// thread, and the limits above bound the rest. Files on disk are read on tokio's blocking
/// pool (two threads at most); one more thread turns the store's events into wake-ups for
/// the live-reload streams. When accepting fails (no file descriptors left), the loop waits
/// (50 ms, doubling to 1 s) and tries again, so the server heals as soon as descriptors are
/// free; it never stops accepting for good.
pub fn start(listener: TcpListener, store: Arc<Store>, root: &Path) -> std::io::Result<()> {
    let limits = Limits::from_env();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(2)
        .thread_name("orgbook-http-files")
        .build()?;
    listener.set_nonblocking(true)?;
    let listener = {
        let _context = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    let (news, _) = tokio::sync::watch::channel(0u64);
    let state = Arc::new(Server {
        store,
        root: std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()),
        streams: AtomicUsize::new(0),
        news,
        limits,
    });
    let pump = state.clone();
    std::thread::Builder::new()
        .name("orgbook-events".into())
        .spawn(move || {
            let (mut seen, _) = pump.store.hello();
            loop {
                if !matches!(
                    pump.store.wait(&mut seen, Duration::from_secs(3600)),
                    Wake::Timeout
                ) {
                    pump.news.send_modify(|n| *n = n.wrapping_add(1));
                }
            }
        })?;
    std::thread::Builder::new()
        .name("orgbook-http".into())
        .spawn(move || runtime.block_on(accept_loop(listener, state)))?;
    Ok(())
}

/// What a connection is doing, for choosing one to close when every slot is taken.
const FRESH: u8 = 0; // connected, no request yet
const IDLE: u8 = 1; // between requests (keep-alive)
const BUSY: u8 = 2; // answering a request
const STREAM: u8 = 3; // a live-reload stream
const CLOSING: u8 = 4; // told to close

/// An open connection, as the accept loop sees it.
struct Conn {
    state: Arc<AtomicU8>,
    last: Arc<AtomicU64>,
    close: Arc<tokio::sync::Notify>,
}

type Conns = Arc<std::sync::Mutex<std::collections::BTreeMap<u64, Conn>>>;

/// Makes room when every slot is taken: tells the oldest connection that never sent a
/// request to close, or else the keep-alive connection quiet longest. Requests being
/// answered and live-reload streams are never closed. Without this, a flood of silent
/// connections would lock every other client out until the flood timed out. Returns
/// whether a connection was told to close.
fn make_room(conns: &Conns) -> bool {
    let conns = conns.lock().unwrap_or_else(|e| e.into_inner());
    let state = |c: &Conn| c.state.load(Ordering::SeqCst);
    // Keys are in accept order, so the first fresh one is the oldest.
    let victim = conns.values().find(|c| state(c) == FRESH).or_else(|| {
        conns
            .values()
            .filter(|c| state(c) == IDLE)
            .min_by_key(|c| c.last.load(Ordering::Relaxed))
    });
    victim.is_some_and(|c| {
        c.state.store(CLOSING, Ordering::SeqCst);
        c.close.notify_one();
        true
    })
}

/// Accepts connections for ever, at most `limits.connections` at a time.
async fn accept_loop(listener: tokio::net::TcpListener, state: Arc<Server>) {
    let permits = Arc::new(tokio::sync::Semaphore::new(state.limits.connections));
    let conns: Conns = Default::default();
    let mut next_id = 0u64;
    let mut pause = Duration::from_millis(50);
    let mut short = false;
    loop {
        let permit = match permits.clone().try_acquire_owned() {
            Ok(permit) => permit,
            Err(_) => {
                make_room(&conns);
                let Ok(permit) = permits.clone().acquire_owned().await else {
                    return;
                };
                permit
            }
        };
        let stream = loop {
            match listener.accept().await {
                Ok((stream, _)) => break stream,
                // The client gave up before we got to it: nothing is short.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::ConnectionAborted
                            | std::io::ErrorKind::ConnectionReset
                            | std::io::ErrorKind::Interrupted
                    ) => {}
                Err(e) => {
                    if !short {
                        errln!(
                            "warning: cannot accept connections ({e}); waiting for resources, \
                             {} open",
                            crate::text::counted(
                                state.limits.connections - permits.available_permits() - 1,
                                "connection",
                                "connections"
                            )
                        );
                        short = true;
                    }
                    // Descriptors held by silent connections are better spent on new ones.
                    make_room(&conns);
                    tokio::time::sleep(pause).await;
                    pause = (pause * 2).min(Duration::from_secs(1));
                }
            }
        };
        if short {
            errln!("the server accepts connections again");
            short = false;
            pause = Duration::from_millis(50);
        }
        let _ = stream.set_nodelay(true);
        let conn = Conn {
            state: Arc::new(AtomicU8::new(FRESH)),
            last: Arc::new(AtomicU64::new(now_ms())),
            close: Arc::new(tokio::sync::Notify::new()),
        };
        let id = next_id;
        next_id += 1;
        let (conn_state, last, close) = (conn.state.clone(), conn.last.clone(), conn.close.clone());
        conns
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id, conn);
        let (state, conns) = (state.clone(), conns.clone());
        tokio::spawn(async move {
            connection(stream, state, conn_state, last, close).await;
            conns.lock().unwrap_or_else(|e| e.into_inner()).remove(&id);
            drop(permit);
        });
    }
}

/// Milliseconds since the server started: the clock of [`Watched`].
fn now_ms() -> u64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_millis() as u64
}

/// Serves one connection until it closes, errs, or stays idle too long.
async fn connection(
    stream: tokio::net::TcpStream,
    state: Arc<Server>,
    doing: Arc<AtomicU8>,
    last: Arc<AtomicU64>,
    close: Arc<tokio::sync::Notify>,
) {
    let io = hyper_util::rt::TokioIo::new(Watched {
        inner: stream,
        last: last.clone(),
    });
    let limits = state.limits;
    let service = hyper::service::service_fn(move |request| {
        let (state, doing) = (state.clone(), doing.clone());
        async move {
            // Not stored over CLOSING: a connection told to close stays told.
            let _ = doing.compare_exchange(FRESH, BUSY, Ordering::SeqCst, Ordering::SeqCst);
            let _ = doing.compare_exchange(IDLE, BUSY, Ordering::SeqCst, Ordering::SeqCst);
            let response = state.handle(request).await;
            let streaming = response
                .headers()
                .get("Content-Type")
                .is_some_and(|v| v == "text/event-stream");
            let next = if streaming { STREAM } else { IDLE };
            let _ = doing.compare_exchange(BUSY, next, Ordering::SeqCst, Ordering::SeqCst);
            Ok::<_, Infallible>(response)
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(hyper_util::rt::TokioTimer::new())
        .header_read_timeout(limits.idle)
        .max_buf_size(limits.header_bytes);
    let served = builder.serve_connection(io, service);
    let idle = async {
        loop {
            let deadline = last.load(Ordering::Relaxed) + limits.idle.as_millis() as u64;
            let now = now_ms();
            if now >= deadline {
                return;
            }
            tokio::time::sleep(Duration::from_millis(deadline - now)).await;
        }
    };
    tokio::select! {
        _ = served => {}
        () = idle => {}
        () = close.notified() => {}
    }
}

/// A socket that notes when a byte last moved either way, for the idle timeout.
struct Watched {
    inner: tokio::net::TcpStream,
    last: Arc<AtomicU64>,
}

impl Watched {
    fn moved<T>(&self, result: &std::task::Poll<std::io::Result<T>>, progress: bool) {
        if progress && matches!(result, std::task::Poll::Ready(Ok(_))) {
            self.last.store(now_ms(), Ordering::Relaxed);
        }
    }
}

impl tokio::io::AsyncRead for Watched {
    fn poll_read(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let result = std::pin::Pin::new(&mut self.inner).poll_read(cx, buf);
        let progress = buf.filled().len() > before;
        self.moved(&result, progress);
        result
    }
}

impl tokio::io::AsyncWrite for Watched {
    fn poll_write(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        buf: &[u8],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let result = std::pin::Pin::new(&mut self.inner).poll_write(cx, buf);
        let progress = matches!(result, std::task::Poll::Ready(Ok(n)) if n > 0);
        self.moved(&result, progress);
        result
    }

    fn poll_write_vectored(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> std::task::Poll<std::io::Result<usize>> {
        let result = std::pin::Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        let progress = matches!(result, std::task::Poll::Ready(Ok(n)) if n > 0);
        self.moved(&result, progress);
        result
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<std::io::Result<()>> {
        std::pin::Pin::new(&mut self.inner).poll_shutdown(cx)
    }
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
        "ics" => "text/calendar; charset=utf-8",
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

type Reply = hyper::Response<BoxBody<Bytes, Infallible>>;

fn reply(status: u16, headers: &[(&str, &str)], body: Bytes) -> Reply {
    let mut response = hyper::Response::builder().status(status);
    for (name, value) in headers {
        response = response.header(*name, *value);
    }
    response
        .body(Full::new(body).boxed())
        .expect("valid status and headers")
}

fn plain(status: u16, text: &'static str) -> Reply {
    reply(
        status,
        &[
            ("Content-Type", "text/plain; charset=utf-8"),
            ("Cache-Control", "no-store"),
        ],
        Bytes::from_static(text.as_bytes()),
    )
}

fn bytes(status: u16, path: &str, body: Bytes) -> Reply {
    reply(
        status,
        &[
            ("Content-Type", content_type(path)),
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
        ],
        body,
    )
}

/// Gives back a live-reload stream's slot when the stream ends, however it ends.
struct StreamSlot(Arc<Server>);

impl Drop for StreamSlot {
    fn drop(&mut self) {
        self.0.streams.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Server {
    async fn handle(self: Arc<Self>, request: hyper::Request<hyper::body::Incoming>) -> Reply {
        let method = request.method();
        if method != hyper::Method::GET && method != hyper::Method::HEAD {
            return reply(
                405,
                &[
                    ("Content-Type", "text/plain; charset=utf-8"),
                    ("Allow", "GET, HEAD"),
                ],
                Bytes::from_static(b"only GET and HEAD are supported\n"),
            );
        }
        let url = request.uri().to_string();
        match resolve(&url) {
            Target::BadRequest => plain(400, "bad request path\n"),
            Target::Forbidden => plain(403, "forbidden: `.` and `..` are not allowed in paths\n"),
            Target::Internal(name) => self.internal(&name),
            Target::File(path) => self.file(&path, &url).await,
        }
    }

    fn internal(self: Arc<Self>, name: &str) -> Reply {
        match name {
            "live.js" => bytes(200, "live.js", Bytes::from_static(LIVE_JS.as_bytes())),
            "status.json" => {
                let json = serde_json::to_vec(&self.store.status()).expect("status serialises");
                bytes(200, "status.json", json.into())
            }
            "events" => {
                if self.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
                    self.streams.fetch_sub(1, Ordering::SeqCst);
                    return plain(503, "too many live-reload streams\n");
                }
                let slot = StreamSlot(self.clone());
                self.stream(slot)
            }
            _ => plain(404, "not found\n"),
        }
    }

    /// A server-sent event stream: the state now, then every event as it happens, until
    /// the browser goes away (the body's receiver is dropped and sending fails).
    fn stream(self: Arc<Self>, slot: StreamSlot) -> Reply {
        let (mut tx, body) = http_body_util::channel::Channel::<Bytes>::new(8);
        let mut news = self.news.subscribe();
        tokio::spawn(async move {
            let _slot = slot;
            let (mut seen, hello) = self.store.hello();
            let send = |text: &str| Bytes::copy_from_slice(text.as_bytes());
            if tx
                .send_data(Bytes::from_static(b"retry: 1000\n\n"))
                .await
                .is_err()
                || tx.send_data(send(&hello)).await.is_err()
            {
                return;
            }
            loop {
                // Marked seen before looking, so news arriving after the look wakes us.
                news.borrow_and_update();
                let texts: Vec<Arc<str>> = match self.store.wait(&mut seen, Duration::ZERO) {
                    Wake::Events(events) => events,
                    Wake::Lost(status) => vec![lost_event(&status)],
                    Wake::Timeout => {
                        tokio::select! {
                            changed = news.changed() => {
                                if changed.is_err() {
                                    return;
                                }
                                continue;
                            }
                            () = tokio::time::sleep(self.limits.keepalive()) => {
                                vec![Arc::from(": keep-alive\n\n")]
                            }
                        }
                    }
                };
                for text in texts {
                    if tx.send_data(send(&text)).await.is_err() {
                        return;
                    }
                }
            }
        });
        hyper::Response::builder()
            .status(200)
            .header("Content-Type", "text/event-stream")
            .header("Cache-Control", "no-store")
            .header("X-Accel-Buffering", "no")
            .body(body.boxed())
            .expect("valid headers")
    }

    async fn file(&self, path: &str, url: &str) -> Reply {
        if let Some(body) = self.store.get(path) {
            return match self.read(body).await {
                Some(body) => bytes(200, path, inject_live_reload(path, body)),
                None => self.not_found().await,
            };
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
            return reply(
                301,
                &[("Location", &location), ("Cache-Control", "no-store")],
                Bytes::new(),
            );
        }
        // `/company/mission` → `company/mission.html`, as static hosts (GitHub Pages,
        // Netlify) serve it and sites with VitePress' `cleanUrls` link it. Served in place:
        // the page's relative links resolve from the same folder either way.
        let page = format!("{path}.html");
        if !path.is_empty()
            && !path.ends_with('/')
            && let Some(body) = self.store.get(&page)
        {
            return match self.read(body).await {
                Some(body) => bytes(200, &page, inject_live_reload(&page, body)),
                None => self.not_found().await,
            };
        }
        self.not_found().await
    }

    /// The site's own 404 page, with a 404 status. Before the first good build there is
    /// none: a placeholder page then carries the overlay, and reloads when the errors are
    /// fixed.
    async fn not_found(&self) -> Reply {
        if let Some(body) = self.store.get("404.html")
            && let Some(body) = self.read(body).await
        {
            return bytes(404, "404.html", inject_live_reload("404.html", body));
        }
        if !self.store.status().errors.is_empty() {
            return bytes(
                503,
                "waiting.html",
                Bytes::from_static(WAITING_PAGE.as_bytes()),
            );
        }
        plain(404, "not found\n")
    }

    /// The bytes of a site file. Files on disk are read (on the blocking pool) only if they
    /// are still regular files inside the handbook.
    async fn read(&self, body: Body) -> Option<Bytes> {
        match body {
            Body::Bytes(b) => Some(Bytes::from_owner(b)),
            Body::Static(b) => Some(Bytes::from_static(b)),
            Body::File(p) => {
                let root = self.root.clone();
                tokio::task::spawn_blocking(move || read_inside(&p, &root))
                    .await
                    .ok()
                    .flatten()
                    .map(Bytes::from)
            }
        }
    }
}

/// Reads `path` if it is a regular file (not a symlink) whose real path is inside `root`.
fn read_inside(path: &Path, root: &Path) -> Option<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    let real = std::fs::canonicalize(path).ok()?;
    if !real.starts_with(root) {
        return None;
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    std::fs::File::open(&real)
        .ok()?
        .read_to_end(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Themes that leave out base.html's live-reload line still get it in serve mode.
fn inject_live_reload(path: &str, bytes: Bytes) -> Bytes {
    const TAG: &[u8] = b"<script src=\"/__orgbook/live.js\"></script>";
    if !path.ends_with(".html") || bytes.windows(TAG.len()).any(|w| w == TAG) {
        return bytes;
    }
    let at = bytes
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(bytes.len());
    let mut out = Vec::with_capacity(bytes.len() + TAG.len());
    out.extend_from_slice(&bytes[..at]);
    out.extend_from_slice(TAG);
    out.extend_from_slice(&bytes[at..]);
    out.into()
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
        assert_eq!(content_type("revisits.ics"), "text/calendar; charset=utf-8");
        assert_eq!(content_type("noext"), "application/octet-stream");
    }

    #[test]
    fn live_reload_is_injected_once() {
        let page = Bytes::from_static(b"<html><body><p>x</p></body></html>");
        let out = inject_live_reload("a.html", page);
        let text = String::from_utf8(out.to_vec()).unwrap();
        assert!(
            text.ends_with("<script src=\"/__orgbook/live.js\"></script></body></html>"),
            "{text}"
        );
        assert_eq!(inject_live_reload("a.html", out.clone()), out);
        assert_eq!(
            inject_live_reload("a.css", Bytes::from_static(b"body{}")),
            Bytes::from_static(b"body{}")
        );
    }
}
