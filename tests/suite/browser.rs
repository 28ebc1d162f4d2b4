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

/// A static file server for one folder, mounted at `prefix` (such as `/handbook/`).
pub struct Server {
    /// `http://127.0.0.1:<port><prefix>`, ending in `/`.
    pub base: String,
    /// Paths that were requested but not found, in order (`/favicon.ico` excluded).
    misses: Arc<Mutex<Vec<String>>>,
}

impl Server {
    /// Serves `dir` at `prefix` from a background thread for the rest of the process.
    pub fn start(dir: PathBuf, prefix: &'static str) -> Server {
        assert!(prefix.starts_with('/') && prefix.ends_with('/'));
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind 127.0.0.1");
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let misses = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&misses);
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                let url = request.url().to_string();
                let response = respond(&dir, prefix, &url);
                if response.is_none() && url != "/favicon.ico" {
                    log.lock().unwrap_or_else(PoisonError::into_inner).push(url);
                }
                let _ = match response {
                    Some(r) => request.respond(r),
                    None => request.respond(
                        tiny_http::Response::from_string("not found").with_status_code(404),
                    ),
                };
            }
        });
        Server {
            base: format!("http://127.0.0.1:{port}{prefix}"),
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

fn respond(dir: &Path, prefix: &str, url: &str) -> Option<tiny_http::Response<std::fs::File>> {
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
    let f = std::fs::File::open(&file)
        .ok()
        .filter(|f| f.metadata().is_ok_and(|m| m.is_file()))?;
    let header = tiny_http::Header::from_bytes("Content-Type", content_type).unwrap();
    Some(tiny_http::Response::from_file(f).with_header(header))
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
    ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(driver)
        .await
        .map_err(|e| format!("cannot start a Chromium session through chromedriver: {e}"))
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
