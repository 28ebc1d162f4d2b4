//! `orgbook serve`: the real binary on a free port against a temporary copy of a handbook.
//! Pages are fetched, files edited, broken and fixed, and the live-reload stream and the
//! overlay data checked; requests that try to leave the site are refused. One test drives
//! Chromium to see the page reload itself and the overlay appear.

use crate::browser::{Browser, wait_js};
use crate::harness::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Generous: CI machines are slow and busy. Things normally happen within 200 ms.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A running `orgbook serve`, stopped when dropped.
pub(crate) struct Serve {
    child: Child,
    addr: String,
    log: Arc<Mutex<String>>,
}

/// An HTTP response.
pub(crate) struct Reply {
    pub(crate) status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

impl Serve {
    pub(crate) fn start(book: &TestBook) -> Serve {
        Serve::start_with(book, &["--port", "0"])
    }

    fn start_with(book: &TestBook, args: &[&str]) -> Serve {
        Serve::start_env(book, args, &[])
    }

    fn start_env(book: &TestBook, args: &[&str], env: &[(&str, &str)]) -> Serve {
        let root = book.root().to_string_lossy().into_owned();
        let mut child = Command::new(BIN)
            .args(["serve", "--root", &root])
            .args(args)
            .env("ORGBOOK_TODAY", "2026-11-25")
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(String::new()));
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let mut log = sink.lock().unwrap();
                log.push_str(&line);
                log.push('\n');
            }
        });
        let mut serve = Serve {
            child,
            addr: String::new(),
            log,
        };
        let line = serve.wait_log("Serving ");
        let url = line.split(" at http://").nth(1).unwrap();
        serve.addr = url.split('/').next().unwrap().to_string();
        serve
    }

    pub(crate) fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// Waits for a log line containing `needle` and returns it.
    #[track_caller]
    fn wait_log(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(line) = self.log().lines().find(|l| l.contains(needle)) {
                return line.to_string();
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "orgbook serve exited ({status}) before logging {needle:?}:\n{}",
                    self.log()
                );
            }
            assert!(
                Instant::now() < deadline,
                "no {needle:?} in the log:\n{}",
                self.log()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends `request_target` exactly as given (no client-side normalisation of `..`).
    fn request(&self, method: &str, target: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        // HTTP/1.0: one request per connection and no chunked bodies to decode.
        write!(
            stream,
            "{method} {target} HTTP/1.0\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        let split = raw
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response");
        let head = String::from_utf8_lossy(&raw[..split]).into_owned();
        let mut lines = head.lines();
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect();
        Reply {
            status,
            headers,
            body: raw[split + 4..].to_vec(),
        }
    }

    pub(crate) fn get(&self, path: &str) -> Reply {
        self.request("GET", path)
    }

    pub(crate) fn status(&self) -> Value {
        serde_json::from_slice(&self.get("/__orgbook/status.json").body).unwrap()
    }

    /// Subscribes to the live-reload stream; returns once its greeting arrived.
    fn events(&self) -> Events {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        write!(
            stream,
            "GET /__orgbook/events HTTP/1.0\r\nHost: {}\r\n\r\n",
            self.addr
        )
        .unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut name = String::new();
            for line in BufReader::new(stream).lines() {
                let Ok(line) = line else { break };
                if let Some(n) = line.strip_prefix("event: ") {
                    name = n.to_string();
                } else if let Some(data) = line.strip_prefix("data: ") {
                    let value: Value = serde_json::from_str(data).unwrap();
                    if tx.send((name.clone(), value)).is_err() {
                        break;
                    }
                }
            }
        });
        let events = Events { rx };
        events.expect("hello", |_| true);
        events
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Events {
    rx: Receiver<(String, Value)>,
}

impl Events {
    /// Waits for an event named `name` whose data satisfies `ok`, skipping others.
    #[track_caller]
    fn expect(&self, name: &str, ok: impl Fn(&Value) -> bool) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        let mut seen = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok((n, v)) if n == name && ok(&v) => return v,
                Ok((n, v)) => {
                    let mut text = v.to_string();
                    text.truncate(300);
                    seen.push(format!("{n}: {text}"));
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!("no matching {name:?} event; saw {seen:#?}")
                }
                Err(RecvTimeoutError::Disconnected) => panic!("stream closed; saw {seen:#?}"),
            }
        }
    }
}

impl Events {
    /// The paths of every reload until the server has been idle for a moment: an edit's
    /// own page, then the other pages whose context changed.
    #[track_caller]
    fn changed_until_idle(&self, serve: &Serve) -> std::collections::BTreeSet<String> {
        let deadline = Instant::now() + TIMEOUT;
        let mut paths = std::collections::BTreeSet::new();
        let mut idle = 0;
        while idle < 3 {
            while let Ok((name, v)) = self.rx.try_recv() {
                if name == "reload" {
                    paths.extend(changed(&v));
                }
            }
            idle = if serve.status()["idle"] == true {
                idle + 1
            } else {
                0
            };
            assert!(Instant::now() < deadline, "never idle; saw {paths:?}");
            std::thread::sleep(Duration::from_millis(50));
        }
        paths
    }
}

fn changed(v: &Value) -> Vec<String> {
    v["changed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn editing_a_charter_reloads_and_serves_the_new_content() {
    let book = TestBook::fixture("serve");
    let mut serve = Serve::start(&book);
    let page = serve.get("/teams/booking.html");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.text().contains("<h1>Booking</h1>"), "{}", page.text());
    // Served pages load the live-reload script; the built site never does (below).
    assert!(page.text().contains("/__orgbook/live.js"));

    let events = serve.events();
    book.edit(
        "content/teams/shipping/booking.md",
        "name = \"Booking\"",
        "name = \"Shipment Booking\"",
    );
    // The edited page first, on its own…
    events.expect("reload", |v| {
        changed(v).contains(&"teams/booking.html".to_string())
    });
    // …then the other pages whose context changed: the parent lists its children by name
    // (so do the teams index and the org map); unrelated teams are left alone.
    let paths = events.changed_until_idle(&serve);
    for page in ["teams/shipping.html", "teams/index.html", "orgmap.html"] {
        assert!(paths.contains(page), "{page} not reloaded: {paths:?}");
    }
    assert!(!paths.contains("teams/identity.html"), "{paths:?}");
    assert!(
        serve
            .get("/teams/booking.html")
            .text()
            .contains("<h1>Shipment Booking</h1>")
    );
    assert!(
        serve
            .get("/teams/shipping.html")
            .text()
            .contains("Shipment Booking")
    );
    // The log says what was rebuilt and how long it took.
    let line = serve.wait_log("content/teams/shipping/booking.md changed: rebuilt in");
    assert!(line.contains(" ms ("), "{line}");
    // Serving never writes the site to disk.
    assert!(!book.out().exists());
}

#[test]
fn a_broken_file_shows_in_the_overlay_and_the_last_good_site_stays_up() {
    let book = TestBook::fixture("serve");
    let serve = Serve::start(&book);
    let events = serve.events();
    let good = book.read("content/teams/shipping/booking.md");
    book.edit(
        "content/teams/shipping/booking.md",
        "kind = \"team\"",
        "kind = team\"",
    );
    let errors = events.expect("errors", |v| !v["errors"].as_array().unwrap().is_empty());
    let first = &errors["errors"][0];
    assert_eq!(first["file"], "content/teams/shipping/booking.md");
    assert_eq!(first["line"], 3);
    assert!(first["column"].as_u64().unwrap() > 0);
    assert!(
        first["message"].as_str().unwrap().contains("TOML"),
        "{first}"
    );
    assert_eq!(first["source_line"], "kind = team\"");
    // The same data for a page loaded while broken.
    assert_eq!(serve.status()["errors"], errors["errors"]);
    // Still serving the last good site.
    let page = serve.get("/teams/booking.html");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("<h1>Booking</h1>"));

    // Another edit while broken is not lost.
    book.edit(
        "content/teams/shipping/rates.md",
        "name = \"",
        "name = \"Freight ",
    );
    std::thread::sleep(Duration::from_millis(300));
    book.write("content/teams/shipping/booking.md", &good);
    events.expect("errors", |v| v["errors"].as_array().unwrap().is_empty());
    events.expect("reload", |v| {
        changed(v).contains(&"teams/rates.html".to_string())
    });
    assert!(
        serve
            .get("/teams/rates.html")
            .text()
            .contains("<h1>Freight ")
    );
    assert_eq!(serve.status()["errors"], Value::Array(vec![]));
}

#[test]
fn editors_saving_by_rename_and_folders_coming_and_going() {
    let book = TestBook::fixture("serve");
    let serve = Serve::start(&book);
    let events = serve.events();
    // Write a new file and rename it over the old one (vim, many IDEs).
    let text = book
        .read("content/glossary.md")
        .replace("# Glossary", "# Glossary of terms");
    book.write("content/.glossary.md.tmp", &text);
    std::fs::rename(
        book.root().join("content/.glossary.md.tmp"),
        book.root().join("content/glossary.md"),
    )
    .unwrap();
    events.expect("reload", |v| {
        changed(v).contains(&"glossary.html".to_string())
    });
    assert!(
        serve
            .get("/glossary.html")
            .text()
            .contains("Glossary of terms")
    );
    // Delete and write anew (some editors, `cp`, generators).
    let text = text.replace("# Glossary of terms", "# Terms");
    book.remove("content/glossary.md");
    book.write("content/glossary.md", &text);
    let deadline = Instant::now() + TIMEOUT;
    // A heading that differs from the title (`Glossary`) is a section under it.
    while !serve.get("/glossary.html").text().contains(">Terms</h2>") {
        assert!(
            Instant::now() < deadline,
            "the recreated page is not served"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // A new folder with pages in it.
    book.write(
        "content/guides/_index.md",
        "+++\ntitle = \"Guides\"\n+++\nSee [deploying](deploy.md).\n",
    );
    book.write(
        "content/guides/deploy.md",
        "# Deploying\n\nAsk [Booking](../teams/shipping/booking.md).\n",
    );
    events.expect("reload", |v| {
        changed(v).contains(&"guides/deploy.html".to_string())
    });
    assert_eq!(serve.get("/guides/deploy.html").status, 200);
    assert_eq!(serve.get("/guides/").status, 200);
    // …and gone again.
    std::fs::remove_dir_all(book.root().join("content/guides")).unwrap();
    events.expect("reload", |v| {
        changed(v).contains(&"guides/deploy.html".to_string())
    });
    assert_eq!(serve.get("/guides/deploy.html").status, 404);
}

#[test]
fn a_burst_of_changes_is_rebuilt_and_the_server_survives() {
    let book = TestBook::fixture("serve");
    let serve = Serve::start(&book);
    let events = serve.events();
    // Like a `git checkout`: hundreds of files written at once, in new folders.
    for i in 0..300 {
        book.write(
            &format!("content/burst/part-{}/page-{i:03}.md", i % 7),
            &format!("# Page {i}\n\nSee [the glossary](../../glossary.md).\n"),
        );
    }
    events.expect("reload", |v| {
        changed(v).contains(&"burst/part-5/page-299.html".to_string())
    });
    assert_eq!(serve.get("/burst/part-0/page-000.html").status, 200);
    // The burst may be rebuilt in several steps: let the server finish it, so that no
    // reload of the writes is taken for a reload of the removal below.
    events.changed_until_idle(&serve);
    std::fs::remove_dir_all(book.root().join("content/burst")).unwrap();
    events.expect("reload", |v| {
        changed(v).contains(&"burst/part-5/page-299.html".to_string())
    });
    // The removal too may come in several steps (the folders go one by one, and a rebuild
    // can start between them): the page is gone once the server is idle.
    events.changed_until_idle(&serve);
    assert_eq!(serve.get("/burst/part-0/page-000.html").status, 404);
    assert_eq!(serve.get("/glossary.html").status, 200);
}

#[test]
fn requests_cannot_leave_the_site() {
    let book = TestBook::fixture("basic");
    // A file outside the handbook, and a symlink to it where static files are read from.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.txt"), "top secret").unwrap();
    std::fs::create_dir_all(book.root().join("static")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        book.root().join("static/secret.txt"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), book.root().join("static/outside")).unwrap();
    std::fs::write(book.root().join("static/robots.txt"), "User-agent: *\n").unwrap();
    let serve = Serve::start(&book);
    assert_eq!(serve.get("/robots.txt").status, 200);
    let targets = [
        "/../../../../etc/passwd",
        "/teams/../../orgbook.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/teams/%2e%2e/%2e%2e/orgbook.toml",
        "/./index.html",
        "/etc/passwd",
        "//etc/passwd",
        "/orgbook.toml",
        "/content/teams/eng.md",
        &format!("/{}", outside.path().join("secret.txt").display()),
        "/secret.txt",
        "/outside/secret.txt",
        "/..%5c..%5cetc%5cpasswd",
    ];
    for target in targets {
        let reply = serve.get(target);
        assert!(
            [400, 403, 404].contains(&reply.status),
            "{target} answered {}",
            reply.status
        );
        assert!(
            !reply.text().contains("top secret"),
            "{target} leaked the file"
        );
        assert!(
            !reply.text().contains("root:"),
            "{target} leaked /etc/passwd"
        );
    }
    assert_eq!(serve.get("/../etc/passwd").status, 403);
    assert_eq!(serve.get("/%2e%2e/etc/passwd").status, 403);
    // A static file swapped for a symlink after the build is not followed either.
    std::fs::remove_file(book.root().join("static/robots.txt")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        book.root().join("static/robots.txt"),
    )
    .unwrap();
    let reply = serve.get("/robots.txt");
    assert!(
        !reply.text().contains("top secret"),
        "followed a symlink: {}",
        reply.status
    );
}

#[test]
fn content_types_the_404_page_and_methods() {
    let book = TestBook::fixture("basic");
    let serve = Serve::start(&book);
    let css = serve.get("/orgbook/style.css");
    assert_eq!(
        (css.status, css.header("Content-Type")),
        (200, Some("text/css; charset=utf-8"))
    );
    assert_eq!(
        serve.get("/img/logo.svg").header("Content-Type"),
        Some("image/svg+xml")
    );
    assert_eq!(
        serve.get("/sitemap.xml").header("Content-Type"),
        Some("application/xml; charset=utf-8")
    );
    assert_eq!(
        serve.get("/__orgbook/live.js").header("Content-Type"),
        Some("text/javascript; charset=utf-8")
    );
    let missing = serve.get("/no/such/page.html");
    assert_eq!(missing.status, 404);
    // The site's own 404 page, with working links from any depth.
    assert!(
        missing.text().contains("Page not found"),
        "{}",
        missing.text()
    );
    assert!(missing.text().contains("/__orgbook/live.js"));
    let redirect = serve.get("/guide");
    assert_eq!(
        (redirect.status, redirect.header("Location")),
        (301, Some("/guide/"))
    );
    // A page's address without `.html`, as static hosts serve it and VitePress'
    // `cleanUrls` sites link it: the page itself, with its live-reload script.
    let clean = serve.get("/guide/onboarding");
    assert_eq!(clean.status, 200);
    assert!(clean.text().contains("/__orgbook/live.js"));
    assert_eq!(clean.text(), serve.get("/guide/onboarding.html").text());
    assert_eq!(serve.get("/guide/onboarding/").status, 404);
    let head = serve.request("HEAD", "/index.html");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(serve.request("POST", "/index.html").status, 405);
    // Only the loopback interface unless told otherwise.
    assert!(serve.addr.starts_with("127.0.0.1:"), "{}", serve.addr);
}

#[test]
fn a_port_in_use_is_a_clear_error() {
    let book = TestBook::fixture("basic");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = book.run(&["serve", "--port", &port]);
    run.failure(1)
        .stderr_has(&format!("port {port} on 127.0.0.1 is already in use"))
        .stderr_has("--port");
}

#[test]
fn built_sites_never_carry_the_live_reload_script() {
    let book = TestBook::bundled();
    book.build().success();
    for f in files_under(&book.out()) {
        let bytes = std::fs::read(book.out().join(&f)).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("__orgbook"), "{f} mentions the dev server");
    }
}

/// The whole loop in a real browser: the page reloads itself after an edit, the overlay
/// names the broken file, and goes when it is fixed.
#[test]
fn the_browser_reloads_and_shows_the_overlay() {
    let Some(browser) = Browser::shared() else {
        return;
    };
    let book = TestBook::fixture("serve");
    let serve = Serve::start(&book);
    let url = format!("http://{}/teams/booking.html", serve.addr);
    let good = book.read("content/teams/shipping/booking.md");
    let (book, good) = (&book, &good);
    browser.run(|b| async move {
        let c = &b.client;
        c.goto(&url).await.unwrap();
        let h1 = "return document.querySelector('h1') && document.querySelector('h1').textContent";
        wait_js(c, "the page", h1, |v| v == "Booking").await;
        // Wait until the live-reload stream is connected before editing.
        wait_js(c, "the stream", "return !!window.orgbookLive", |v| {
            v == true
        })
        .await;
        book.edit(
            "content/teams/shipping/booking.md",
            "name = \"Booking\"",
            "name = \"Bookings\"",
        );
        wait_js(c, "the reloaded page", h1, |v| v == "Bookings").await;
        wait_js(c, "the stream again", "return !!window.orgbookLive", |v| {
            v == true
        })
        .await;

        let overlay = "const o = document.getElementById('orgbook-error-overlay'); \
                       return o ? o.shadowRoot.textContent : null";
        book.edit(
            "content/teams/shipping/booking.md",
            "kind = \"team\"",
            "kind = team\"",
        );
        let text = wait_js(c, "the overlay", overlay, |v| v.is_string()).await;
        let text = text.as_str().unwrap();
        assert!(
            text.contains("content/teams/shipping/booking.md:3:"),
            "{text}"
        );
        assert!(text.contains("toml-syntax"), "{text}");
        book.write("content/teams/shipping/booking.md", good);
        wait_js(c, "the overlay to go", overlay, |v| v.is_null()).await;
        wait_js(c, "the fixed page", h1, |v| v == "Booking").await;
    });
}

#[test]
fn a_handbook_broken_from_the_start_is_served_once_fixed() {
    let book = TestBook::fixture("basic");
    let good = book.read("content/teams/eng/api.md");
    book.edit("content/teams/eng/api.md", "name = \"API\"", "name = API");
    let mut serve = Serve::start(&book);
    serve.wait_log("error[");
    let waiting = serve.get("/");
    assert_eq!(waiting.status, 503);
    assert!(waiting.text().contains("/__orgbook/live.js"));
    assert_eq!(
        serve.status()["errors"][0]["file"],
        "content/teams/eng/api.md"
    );
    let events = serve.events();
    book.write("content/teams/eng/api.md", &good);
    events.expect("reload", |v| changed(v).contains(&"index.html".to_string()));
    assert_eq!(serve.get("/").status, 200);
    assert_eq!(serve.get("/teams/api.html").status, 200);
}

/// The served files that are compared with a fresh server's, with the server's own address
/// taken out (it is the base URL).
const COMPARED: &[&str] = &[
    "/glossary.html",
    "/index.html",
    "/sitemap.xml",
    "/search/index.js",
    "/__orgbook/status.json",
];

fn settled(serve: &Serve) -> Vec<(String, u16, String)> {
    // Derived files (the search index) follow a change: wait until nothing is pending.
    let deadline = Instant::now() + TIMEOUT;
    while serve.status()["idle"] != Value::Bool(true) {
        assert!(Instant::now() < deadline, "never idle");
        std::thread::sleep(Duration::from_millis(50));
    }
    COMPARED
        .iter()
        .map(|path| {
            let reply = serve.get(path);
            let text = reply.text().replace(&serve.addr, "ADDR");
            (path.to_string(), reply.status, text)
        })
        .collect()
}

#[test]
fn lost_file_events_are_healed_and_the_site_equals_a_fresh_build() {
    let book = TestBook::bundled();
    // Every file event is lost, and nothing says so: only the folder scan sees changes.
    let serve = Serve::start_env(
        &book,
        &["--port", "0"],
        &[
            ("ORGBOOK_WATCH_LOSE_EVENTS", "100000000"),
            ("ORGBOOK_WATCH_SCAN_MS", "300"),
        ],
    );
    let wait_for = |what: &str, ok: &dyn Fn() -> bool| {
        let deadline = Instant::now() + TIMEOUT;
        while !ok() {
            assert!(Instant::now() < deadline, "{what}:\n{}", serve.log());
            std::thread::sleep(Duration::from_millis(50));
        }
    };
    // An editor's broken temporary Markdown file, seen by the server (an error shows)…
    book.write("content/glossary.tmp.md", "+++\ntitle = \n+++\n");
    wait_for("the temporary file's error never showed", &|| {
        !serve.status()["errors"].as_array().unwrap().is_empty()
    });
    // …then a burst of rename-style saves, temporary files created and deleted within
    // milliseconds, and the broken file deleted: every event of it lost.
    let original = book.read("content/glossary.md");
    for i in 0..30 {
        let text = original.replace("# Glossary", &format!("# Glossary, take {i}"));
        book.write("content/.glossary.md.swp", "swap");
        book.write("content/glossary.md~", &text);
        book.write("content/.glossary.md.tmp", &text);
        std::fs::rename(
            book.root().join("content/.glossary.md.tmp"),
            book.root().join("content/glossary.md"),
        )
        .unwrap();
        book.remove("content/glossary.md~");
        book.remove("content/.glossary.md.swp");
    }
    book.remove("content/glossary.tmp.md");
    wait_for(
        "the served page stayed stale or the false error stayed",
        &|| {
            serve
                .get("/glossary.html")
                .text()
                .contains("Glossary, take 29")
                && serve.status()["errors"].as_array().unwrap().is_empty()
        },
    );
    let healed = settled(&serve);
    // A fresh server of the same files is a fresh build with the same settings.
    let fresh = Serve::start(&book);
    let expected = settled(&fresh);
    for ((path, status, text), (_, want_status, want)) in healed.iter().zip(&expected) {
        assert_eq!(status, want_status, "{path}");
        if path.ends_with("status.json") {
            let (got, want): (Value, Value) = (
                serde_json::from_str(text).unwrap(),
                serde_json::from_str(want).unwrap(),
            );
            assert_eq!(got["errors"], want["errors"]);
            assert_eq!(got["warnings"], want["warnings"], "a false warning remains");
        } else {
            assert!(text == want, "{path} differs from a fresh build");
        }
    }
    assert!(serve.log().contains("glossary"), "{}", serve.log());
}

/// A page that includes files from outside `content/` (the repository's CHANGELOG at the
/// top, a snippet in a folder `serve` does not otherwise watch) is reloaded when one of
/// them is saved.
#[test]
fn saving_an_included_file_reloads_the_pages_that_include_it() {
    let book = TestBook::fixture("serve");
    book.write("CHANGELOG.md", "# Changelog\n\n## 1.0\n\nFirst release.\n");
    book.write("snippets/intro.md", "Read this first.\n");
    book.write("content/guide/parts/upgrade.md", "Upgrade in place.\n");
    book.write(
        "content/guide/changes.md",
        "# Changes\n\n--8<-- \"snippets/intro.md\"\n\n```{include} ../../CHANGELOG.md\n:start-line: 2\n```\n\n[upgrading](parts/upgrade.md ':include')\n",
    );
    let mut serve = Serve::start(&book);
    let page = serve.get("/guide/changes.html").text();
    assert!(
        page.contains("First release.")
            && page.contains("Read this first.")
            && page.contains("Upgrade in place."),
        "{page}"
    );
    assert!(!page.contains("# Changelog"), "{page}");

    let events = serve.events();
    for (file, text, shown) in [
        (
            "CHANGELOG.md",
            "# Changelog\n\n## 1.1\n\nSecond release.\n",
            "Second release.",
        ),
        (
            "snippets/intro.md",
            "Read this second.\n",
            "Read this second.",
        ),
        (
            "content/guide/parts/upgrade.md",
            "Upgrade with a fresh install.\n",
            "Upgrade with a fresh install.",
        ),
    ] {
        book.write(file, text);
        events.expect("reload", |v| {
            changed(v).contains(&"guide/changes.html".to_string())
        });
        let page = serve.get("/guide/changes.html").text();
        assert!(page.contains(shown), "{file}: {page}");
    }
    // The included file is no page of its own.
    assert_eq!(serve.get("/guide/parts/upgrade.html").status, 404);
    // The log names the file that was saved, then the page that includes it.
    let line = serve.wait_log("snippets/intro.md, content/guide/changes.md changed: rebuilt in");
    assert!(line.contains(" ms ("), "{line}");
}

/// A Logseq graph's `:hidden` list under `serve`: a hidden page is not served, is served
/// once `config.edn` no longer hides it and goes again when it does; an edit of a hidden
/// page does not publish it (as `build` leaves it out: tests/suite/confluence_code_and_mentions.rs).
#[test]
fn what_a_logseq_graph_hides_follows_its_config_under_serve() {
    let book = TestBook::fixture("basic");
    let hiding = "{:meta/version 1\n :hidden [\"/archived\"]}\n";
    book.write("content/graph/pages/Onboarding.md", "- First week\n")
        .write(
            "content/graph/archived/pages/Old-rota.md",
            "- Ingrid covers the weekend pager.\n",
        )
        .write("content/graph/logseq/config.edn", hiding);
    let serve = Serve::start(&book);
    let old = "/graph/archived/pages/Old-rota.html";
    assert_eq!(serve.get("/graph/pages/Onboarding.html").status, 200);
    assert_eq!(serve.get(old).status, 404);

    let events = serve.events();
    book.edit("content/graph/archived/pages/Old-rota.md", "Ingrid", "Ola");
    std::thread::sleep(Duration::from_millis(300));
    events.changed_until_idle(&serve);
    assert_eq!(
        serve.get(old).status,
        404,
        "an edit published a hidden page"
    );

    book.write(
        "content/graph/logseq/config.edn",
        "{:meta/version 1\n :hidden []}\n",
    );
    events.expect("reload", |_| true);
    events.changed_until_idle(&serve);
    assert_eq!(serve.get(old).status, 200);
    assert!(serve.get(old).text().contains("Ola covers"));

    book.write("content/graph/logseq/config.edn", hiding);
    events.expect("reload", |_| true);
    events.changed_until_idle(&serve);
    assert_eq!(serve.get(old).status, 404);
}
