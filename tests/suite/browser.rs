//! Browser harness: serve a built site on 127.0.0.1 under a sub-path and drive headless
//! Chromium through chromedriver (WebDriver, with `fantoccini`).
//!
//! Chromium and chromedriver come from Debian's `chromium` and `chromium-driver` packages,
//! which `.ci/run` installs; `CHROMIUM` and `CHROMEDRIVER` override their paths. Without
//! them, [`Browser::shared`] panics when `CI` is set and otherwise returns `None` after
//! printing a notice, so that a developer without Chromium can still run `cargo test`.
//!
//! One chromedriver (and so one Chromium) serves the whole test binary. Its processes run
//! in a process group of their own under a small `sh` watchdog that waits for the test
//! binary to exit (its stdin pipe closes), then ends that group and removes the scratch
//! folder. So nothing outlives the tests, even when one panics or the binary is killed.

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};
use std::future::Future;
use std::io::{BufReader, Read};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

/// How long to wait for the page to reach an expected state before failing.
pub const WAIT: Duration = Duration::from_secs(10);

/// WebDriver's page-load and script timeouts. Chromedriver's defaults (300 s and 30 s)
/// let a page whose script never yields stall every later test for five minutes each;
/// at 20 s such a hang fails the test that caused it, quickly.
pub const DRIVER_TIMEOUT: Duration = Duration::from_secs(20);

/// A static file server for one folder, mounted at `prefix` (such as `/handbook/`).
///
/// hyper on a current-thread tokio runtime of its own, as `orgbook serve` uses: every
/// connection is a task, so a burst of kept-alive connections (a page loading many
/// scripts) is served at once. The former tiny_http server gave each connection a thread
/// from a pool that a burst could outrun, and a request then waited for a kept-alive
/// connection to close (see `the_page_server_answers_a_burst_of_connections_while_all_stay_open`).
pub struct Server {
    /// `http://127.0.0.1:<port><prefix>`, ending in `/`.
    pub base: String,
    /// The folder served, for opening its files from `file://` too.
    pub dir: PathBuf,
    /// Paths that were requested but not found, in order (`/favicon.ico` excluded).
    misses: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `dir` at `prefix` from a background thread for the rest of the process.
    pub fn start(dir: PathBuf, prefix: &'static str) -> Server {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener
            .set_nonblocking(true)
            .expect("a non-blocking socket");
        let port = listener.local_addr().expect("an address").port();
        let misses = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&misses);
        let served = dir.clone();
        let dir = Arc::new(dir);
        std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a tokio runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listen");
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let (dir, log) = (Arc::clone(&dir), Arc::clone(&log));
                    let service = hyper::service::service_fn(move |request| {
                        let url = request.uri().to_string();
                        let response = respond(&dir, prefix, &url).unwrap_or_else(|| {
                            if url != "/favicon.ico" {
                                log.lock().unwrap_or_else(PoisonError::into_inner).push(url);
                            }
                            reply(404, "text/plain; charset=utf-8", b"not found".to_vec())
                        });
                        async move { Ok::<_, std::convert::Infallible>(response) }
                    });
                    tokio::spawn(async move {
                        let io = hyper_util::rt::TokioIo::new(stream);
                        let _ = hyper::server::conn::http1::Builder::new()
                            .serve_connection(io, service)
                            .await;
                    });
                }
            });
        });
        Server {
            base: format!("http://127.0.0.1:{port}{prefix}"),
            dir: served,
            misses,
        }
    }

    /// The URL of `rel` (relative to the site root, may carry a query).
    pub fn url(&self, rel: &str) -> String {
        format!("{}{rel}", self.base)
    }

    /// Requests that found no file so far.
    pub fn misses(&self) -> Vec<String> {
        self.misses
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }
}

type Reply = hyper::Response<http_body_util::Full<bytes::Bytes>>;

fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    hyper::Response::builder()
        .status(status)
        .header("Content-Type", content_type)
        .body(http_body_util::Full::new(bytes::Bytes::from(body)))
        .expect("a valid response")
}

fn respond(dir: &Path, prefix: &str, url: &str) -> Option<Reply> {
    let path = url.split(['?', '#']).next()?;
    let rel = path.strip_prefix(prefix)?;
    let rel = rel.replace("%20", " ");
    if rel.split('/').any(|part| part == "..") {
        return None;
    }
    let mut file = dir.join(&rel);
    if rel.is_empty() || rel.ends_with('/') {
        file.push("index.html");
    }
    let content_type = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
    if !file.is_file() {
        return None;
    }
    let body = std::fs::read(&file).ok()?;
    Some(reply(200, content_type, body))
}

/// A handbook built once and served under `/handbook/` for the rest of the test binary.
/// A test module keeps one in a `static` and runs its browser tests with [`Site::browse`].
pub struct Site {
    make: fn(&Path) -> crate::harness::TestBook,
    built: OnceLock<(crate::harness::TestBook, Server)>,
}

impl Site {
    /// The site that `make` writes, into a folder of its choosing inside `scratch` (the
    /// browser's scratch folder, removed when the tests end).
    pub const fn new(make: fn(&Path) -> crate::harness::TestBook) -> Site {
        Site {
            make,
            built: OnceLock::new(),
        }
    }

    /// Runs `steps` with the shared browser session and this site, written, built and
    /// served on first use; does nothing (after a notice) when Chromium is missing
    /// outside CI.
    pub fn browse<F, Fut>(&'static self, steps: F)
    where
        F: FnOnce(&'static Client, &'static Server) -> Fut,
        Fut: Future<Output = ()>,
    {
        let Some(browser) = Browser::shared() else {
            return;
        };
        let (_, server) = self.built.get_or_init(|| {
            let book = (self.make)(browser.scratch());
            book.build().success();
            let server = Server::start(book.out(), "/handbook/");
            (book, server)
        });
        browser.run(|b| steps(&b.client, server));
    }
}

/// axe-core, the pinned npm package `.ci/run` installs into `tests/browser/`; `None`
/// (after a notice) when it is missing outside CI, a failure in CI.
pub fn axe_source() -> Option<String> {
    let path = crate::harness::repo_root().join("tests/browser/node_modules/axe-core/axe.min.js");
    match std::fs::read_to_string(&path) {
        Ok(s) => Some(s),
        Err(e) if in_ci() => panic!(
            "axe-core missing at {} ({e}); .ci/run installs it",
            path.display()
        ),
        Err(_) => {
            eprintln!(
                "notice: skipping axe-core test: run `npm install --no-save --no-package-lock --prefix tests/browser axe-core@4.11.0`"
            );
            None
        }
    }
}

/// Runs axe-core (`axe`, its source) on the current page and returns its critical and
/// serious violations, each as "rule (impact): first targets".
pub async fn axe_serious(client: &Client, axe: &str) -> Vec<String> {
    client.execute(axe, vec![]).await.unwrap();
    let v = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { resultTypes: ['violations'] }).then(r => done(
                 r.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
                   .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))));"#,
            vec![],
        )
        .await
        .unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap_or("").to_string())
        .collect()
}

/// Looks for a program: `$var` if set, else the first of `names` on `PATH`.
fn find_program(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Some(PathBuf::from(p)).filter(|p| p.is_file());
    }
    let path = std::env::var_os("PATH")?;
    names
        .iter()
        .flat_map(|n| std::env::split_paths(&path).map(move |d| d.join(n)))
        .find(|p| p.is_file())
}

pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// One chromedriver with one Chromium session, shared by all browser tests. Tests take
/// turns: [`Browser::run`] holds a lock while a test drives the page.
pub struct Browser {
    rt: tokio::runtime::Runtime,
    pub client: Client,
    driver: String,
    chromium: PathBuf,
    scratch: PathBuf,
    turn: Mutex<()>,
    _watchdog: Mutex<ChildStdin>,
}

static BROWSER: OnceLock<Result<Option<Browser>, String>> = OnceLock::new();

impl Browser {
    /// The shared browser, started on first use; `None` (after a notice) when Chromium is
    /// not installed and this is not CI.
    pub fn shared() -> Option<&'static Browser> {
        match BROWSER.get_or_init(Browser::launch) {
            Ok(b) => b.as_ref(),
            Err(e) => panic!("{e}"),
        }
    }

    fn launch() -> Result<Option<Browser>, String> {
        let chromium = find_program("CHROMIUM", &["chromium", "chromium-browser"]);
        let driver = find_program("CHROMEDRIVER", &["chromedriver"]);
        let (Some(chromium), Some(driver)) = (chromium, driver) else {
            let msg = "browser tests need Chromium and chromedriver (Debian: apt-get install \
                       chromium chromium-driver; or set CHROMIUM and CHROMEDRIVER)";
            if in_ci() {
                return Err(format!("{msg}; CI is set, so this is a failure"));
            }
            eprintln!("notice: skipping browser test: {msg}");
            return Ok(None);
        };
        let scratch = tempfile::Builder::new()
            .prefix("orgbook-browser-")
            .tempdir()
            .map_err(|e| e.to_string())?
            .keep();
        let log = scratch.join("chromedriver.log");
        // The watchdog: starts chromedriver, waits for EOF on stdin (the test binary has
        // exited), then ends its own process group (chromedriver, Chromium) and cleans up.
        let script = r#"
            "$1" --port=0 >"$2" 2>&1 &
            cat >/dev/null
            trap '' TERM
            kill -TERM -$$
            wait
            sleep 1
            rm -rf "$3"
        "#;
        let mut child = Command::new("sh")
            .args(["-c", script, "sh"])
            .arg(&driver)
            .arg(&log)
            .arg(&scratch)
            // Chromium's own temporary folders (its singleton socket) go in the scratch
            // folder the watchdog removes, not in /tmp, where they would pile up.
            .env("TMPDIR", &scratch)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver.display()))?;
        let watchdog = child.stdin.take().unwrap();
        let port = wait_for_port(&log)?;
        let driver_url = format!("http://127.0.0.1:{port}");
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        let client = rt.block_on(session(
            &driver_url,
            &chromium,
            &scratch.join("profile"),
            true,
        ))?;
        Ok(Some(Browser {
            rt,
            client,
            driver: driver_url,
            chromium,
            scratch,
            turn: Mutex::new(()),
            _watchdog: Mutex::new(watchdog),
        }))
    }

    /// A folder that is removed when the test binary exits.
    pub fn scratch(&self) -> &Path {
        &self.scratch
    }

    /// Runs one test's steps against the shared session, one test at a time.
    pub fn run<F, Fut>(&'static self, steps: F)
    where
        F: FnOnce(&'static Browser) -> Fut,
        Fut: Future<Output = ()>,
    {
        let _turn = self.turn.lock().unwrap_or_else(PoisonError::into_inner);
        self.rt.block_on(async {
            // A test that failed half-way may have left a dialog open.
            let _ = self.client.dismiss_alert().await;
            steps(self).await
        });
    }

    /// A second, separate session (its own Chromium), for example with JavaScript off.
    /// Close it with `Client::close` when done.
    pub async fn extra_session(&self, name: &str, javascript: bool) -> Client {
        session(
            &self.driver,
            &self.chromium,
            &self.scratch.join(name),
            javascript,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"))
    }
}

fn wait_for_port(log: &Path) -> Result<u16, String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let mut text = String::new();
        if let Ok(f) = std::fs::File::open(log) {
            let _ = BufReader::new(f).read_to_string(&mut text);
        }
        let port = text.lines().find_map(|l| {
            l.split_once("started successfully on port ")
                .and_then(|(_, p)| p.trim_end_matches('.').trim().parse().ok())
        });
        if let Some(port) = port {
            return Ok(port);
        }
        if Instant::now() > deadline {
            return Err(format!("chromedriver did not start; its output:\n{text}"));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

async fn session(
    driver: &str,
    chromium: &Path,
    profile: &Path,
    javascript: bool,
) -> Result<Client, String> {
    let mut options = json!({
        "binary": chromium,
        "args": [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-dev-shm-usage", "--disable-quic", "--window-size=1280,900",
            format!("--user-data-dir={}", profile.display()),
        ],
    });
    if !javascript {
        options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
    }
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(driver)
        .await
        .map_err(|e| format!("cannot start a Chromium session through chromedriver: {e}"))?;
    let timeouts = fantoccini::wd::TimeoutConfiguration::new(
        Some(DRIVER_TIMEOUT),
        Some(DRIVER_TIMEOUT),
        Some(Duration::ZERO),
    );
    client
        .update_timeouts(timeouts)
        .await
        .map_err(|e| format!("cannot set WebDriver timeouts: {e}"))?;
    Ok(client)
}

/// Evaluates `script` (a function body that `return`s JSON) until `ok` accepts the value,
/// and returns it; fails after [`WAIT`] with `what` and the last value.
#[track_caller]
pub fn wait_js<'a>(
    client: &'a Client,
    what: &'a str,
    script: &'a str,
    ok: impl Fn(&Value) -> bool + 'a,
) -> impl Future<Output = Value> + 'a {
    let caller = std::panic::Location::caller();
    async move {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = client.execute(script, vec![]).await.unwrap_or_else(|e| {
                panic!("{caller}: script failed while waiting for {what}: {e}")
            });
            if ok(&v) {
                return v;
            }
            if Instant::now() > deadline {
                panic!("{caller}: timed out waiting for {what}; last seen: {v:#}");
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// A Chrome DevTools Protocol command, sent through chromedriver's `goog/cdp/execute`
/// (for what WebDriver cannot do: emulated media, colour scheme, device metrics).
#[derive(Debug)]
struct Cdp {
    body: String,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.clone()))
    }
}

/// Runs DevTools command `cmd` with `params` in the session's current tab.
pub async fn cdp(client: &Client, cmd: &str, params: Value) -> Value {
    let body = json!({ "cmd": cmd, "params": params }).to_string();
    client
        .issue_cmd(Cdp { body })
        .await
        .unwrap_or_else(|e| panic!("DevTools command {cmd} failed: {e}"))
}

/// Emulates a viewport of `width` × `height` CSS pixels (a phone when narrow); `None`
/// restores the window's own size.
pub async fn emulate_viewport(client: &Client, size: Option<(u32, u32)>) {
    match size {
        Some((w, h)) => {
            cdp(
                client,
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": w, "height": h, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await;
        }
        None => {
            cdp(client, "Emulation.clearDeviceMetricsOverride", json!({})).await;
        }
    }
}

/// Emulates a media type (`"print"`, or `""` for the screen) and colour scheme
/// (`"light"` / `"dark"`).
pub async fn emulate_media(client: &Client, media: &str, scheme: &str) {
    cdp(
        client,
        "Emulation.setEmulatedMedia",
        json!({ "media": media, "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    )
    .await;
}

/// Regression test for the search page that never finished loading (issue 13, item 10):
/// Chromium opens several kept-alive connections at once when a page loads many scripts.
/// The former server (tiny_http 0.12) handed each connection to a pool thread that kept it
/// until the connection closed, and queued a burst of new connections behind its idle
/// threads instead of starting more; a request on a queued connection was not read until
/// a kept-alive one closed, so `search.html?q=kafka` never fired its load event.
#[test]
fn the_page_server_answers_a_burst_of_connections_while_all_stay_open() {
    use std::io::Write;
    use std::net::TcpStream;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.js"), "let a = 1;").unwrap();
    let server = Server::start(dir.path().to_path_buf(), "/site/");
    let addr = server
        .base
        .trim_start_matches("http://")
        .trim_end_matches("/site/")
        .to_string();
    const CONNECTIONS: usize = 16;
    for round in 0..5 {
        let all_answered = Arc::new(std::sync::Barrier::new(CONNECTIONS));
        let threads: Vec<_> = (0..CONNECTIONS)
            .map(|_| {
                let addr = addr.clone();
                let all_answered = Arc::clone(&all_answered);
                std::thread::spawn(move || {
                    let mut conn = TcpStream::connect(&addr).unwrap();
                    conn.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
                    conn.write_all(
                        b"GET /site/a.js HTTP/1.1\r\nHost: test\r\nConnection: keep-alive\r\n\r\n",
                    )
                    .unwrap();
                    let mut head = [0u8; 12];
                    let answered = conn.read_exact(&mut head).is_ok();
                    // Every connection stays open until all have been answered (or gave up),
                    // as a browser keeps its connections while a page loads.
                    all_answered.wait();
                    answered.then(|| String::from_utf8_lossy(&head).into_owned())
                })
            })
            .collect();
        let heads: Vec<_> = threads.into_iter().map(|t| t.join().unwrap()).collect();
        let unanswered = heads.iter().filter(|h| h.is_none()).count();
        assert_eq!(
            unanswered, 0,
            "round {round}: {unanswered} of {CONNECTIONS} connections got no answer in 5 s"
        );
        assert!(
            heads.iter().flatten().all(|h| h == "HTTP/1.1 200"),
            "{heads:?}"
        );
    }
}
