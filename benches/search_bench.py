#!/usr/bin/env python3
"""Search benchmark: index size, bytes per query and query latency in headless Chromium.

    python3 benches/search_bench.py SITE_DIR [SITE_DIR...] [--repeat N] [--markdown FILE]

Each SITE_DIR is the output of `orgbook build` (it needs search/ and api/). For each site
this script

1. sums the index files under search/ (total, per document, and gzip-compressed);
2. serves the site on 127.0.0.1 (a local server that sends `Cache-Control: no-store`, so
   every page load starts cold) and opens it in headless Chromium through chromedriver;
3. measures the bytes a cold page downloads for a few typical queries: search.js plus
   every index file, read from the browser's Resource Timing entries (uncompressed, as
   served; the gzip column is what the same files compress to);
4. measures latency for many queries drawn from the handbook (team names, owned items,
   "ADR n", two-word titles, prefixes), in the header dropdown and on the results page:
   - "input -> results": from the `input` event to the moment the results for that query
     are in the DOM (a MutationObserver, performance.now() in the page). This includes the
     client's debounce delay, which is what a reader waits;
   - "after debounce": from the debounce timer firing to the same moment, i.e. the
     search itself (loading index files, scoring, rendering);
   - cold (a fresh page load per query, nothing loaded yet) and warm (one page, one query
     after another, as when someone refines a query).

Needs Python 3.11+ (standard library only), Chromium and chromedriver (Debian packages
`chromium` and `chromium-driver`; CHROMIUM and CHROMEDRIVER override the paths).
benches/search.sh generates the handbooks, builds them and runs this script.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

# ---------------------------------------------------------------------------
# Browser: chromedriver over plain WebDriver HTTP
# ---------------------------------------------------------------------------


def find(var: str, names: list[str]) -> str:
    path = os.environ.get(var)
    if path:
        return path
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    sys.exit(f"error: {names[0]} not found (Debian: apt-get install chromium chromium-driver; or set {var})")


class Browser:
    def __init__(self) -> None:
        self.chromium = find("CHROMIUM", ["chromium", "chromium-browser"])
        driver = find("CHROMEDRIVER", ["chromedriver"])
        self.profile = tempfile.mkdtemp(prefix="orgbook-bench-profile-")
        self.driver = subprocess.Popen(
            [driver, "--port=0"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        port = None
        deadline = time.monotonic() + 20
        for line in self.driver.stdout:  # type: ignore[union-attr]
            m = re.search(r"started successfully on port (\d+)", line)
            if m:
                port = int(m.group(1))
                break
            if time.monotonic() > deadline:
                break
        if port is None:
            self.driver.kill()
            sys.exit("error: chromedriver did not start")
        # Keep draining its output so that it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in self.driver.stdout], daemon=True).start()  # type: ignore[union-attr]
        self.base = f"http://127.0.0.1:{port}"
        caps = {
            "capabilities": {
                "alwaysMatch": {
                    "browserName": "chrome",
                    "goog:chromeOptions": {
                        "binary": self.chromium,
                        "args": [
                            "--headless", "--no-sandbox", "--disable-gpu",
                            "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--disable-quic",
                            "--window-size=1280,900", f"--user-data-dir={self.profile}",
                        ],
                    },
                }
            }
        }
        self.session = self.call("POST", "/session", caps)["sessionId"]
        self.call("POST", f"/session/{self.session}/timeouts", {"script": 120_000, "pageLoad": 60_000})

    def call(self, method: str, path: str, body: dict | None = None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=180) as r:
                value = json.load(r)["value"]
        except urllib.error.HTTPError as e:
            raise RuntimeError(f"WebDriver {method} {path}: {e.read().decode()[:2000]}") from None
        return value

    def goto(self, url: str) -> None:
        self.call("POST", f"/session/{self.session}/url", {"url": url})

    def run(self, script: str, *args):
        """Runs an async script; it calls `done(value)` (the last argument) when finished."""
        return self.call("POST", f"/session/{self.session}/execute/async",
                         {"script": script, "args": list(args)})

    def version(self) -> str:
        out = subprocess.run([self.chromium, "--version"], capture_output=True, text=True)
        return out.stdout.strip() or "?"

    def close(self) -> None:
        try:
            self.call("DELETE", f"/session/{self.session}")
        except Exception:  # noqa: BLE001
            pass
        self.driver.terminate()
        try:
            self.driver.wait(10)
        except subprocess.TimeoutExpired:
            self.driver.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


# ---------------------------------------------------------------------------
# Static server
# ---------------------------------------------------------------------------


class NoStore(http.server.SimpleHTTPRequestHandler):
    """Serves files with `Cache-Control: no-store` and notes each one it sends, with its
    size, in `self.server.sent`: what the page downloaded, counted where it is sent, so
    that fetches the page's Resource Timing does not see (a web worker's) count too.

    HTTP/1.1 with keep-alive, as every real static host serves: Python's default
    (HTTP/1.0) closes the connection after each file, so each request paid for a new
    connection and a new server thread, 3-11 ms before its first byte on two busy cores.
    That cost fell on every file of both tools and on nothing a published site has."""

    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; on a kept-alive connection, Nagle's
    # algorithm would hold the body until the client's delayed ACK (~40 ms).
    disable_nagle_algorithm = True

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def send_head(self):
        f = super().send_head()
        if f is not None and hasattr(f, "fileno"):
            path = urllib.parse.urlsplit(self.path).path
            self.server.sent.append((urllib.parse.unquote(path), os.fstat(f.fileno()).st_size))  # type: ignore[attr-defined]
        return f

    def log_message(self, *args) -> None:  # quiet
        pass


def serve(directory: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(NoStore, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.sent = []  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def sent_since(server, mark: int, pattern: str) -> list[tuple[str, int]]:
    """The files matching `pattern` the server sent since `len(server.sent)` was `mark`."""
    return [(p, n) for p, n in server.sent[mark:] if re.search(pattern, p)]


# ---------------------------------------------------------------------------
# In-page measurement
# ---------------------------------------------------------------------------

# Shared by the scripts below: `one(q)` sets the box to q, fires `input`, and resolves
# when the results for exactly q are in the DOM, with the times and the files fetched.
PAGE_SETUP = r"""
if (!window.__bench) {
  const realSetTimeout = window.setTimeout;
  const state = { lastTimer: 0 };
  // Note when timer callbacks start: the client debounces typing with a timer.
  window.setTimeout = function (fn, ms, ...rest) {
    return realSetTimeout(function () { state.lastTimer = performance.now(); return fn.apply(this, arguments); }, ms, ...rest);
  };
  performance.setResourceTimingBufferSize(100000);
  const input = document.getElementById('search-input');
  const onResultsPage = !!document.getElementById('search-page');
  function searchFiles() {
    return performance.getEntriesByType('resource')
      .filter(e => /\/search\/[^/]+\.js$|\/orgbook\/search\.js$/.test(e.name))
      .map(e => [new URL(e.name).pathname, e.encodedBodySize || e.decodedBodySize || 0]);
  }
  // 0: nothing for q yet; 1: the first results for q are shown (the dropdown shows its
  // rows as their metadata arrives: its first row, or "No results"); 2: all of them.
  function done(q) {
    const quoted = '\u201c' + q + '\u201d';
    if (onResultsPage) {
      const s = document.querySelector('.search-summary');
      const list = document.querySelector('.search-layout ol.search-list, .search-layout .search-message');
      return !!s && s.textContent.includes(quoted) && !!list && list !== state.oldList ? 2 : 0;
    }
    const box = document.querySelector('.search-dropdown');
    if (!box || box.hidden || !box.textContent.includes(quoted)) return 0;
    if (!box.querySelector('#search-listbox a.search-hit, #search-listbox .search-message')) return 0;
    return box.querySelector('#search-listbox[aria-busy=true]') ? 1 : 2;
  }
  function one(q) {
    return new Promise(resolve => {
      state.oldList = document.querySelector('.search-layout ol.search-list');
      let t0 = 0, tFirst = 0;
      const finish = () => {
        const t1 = performance.now();
        obs.disconnect();
        const hits = onResultsPage ? document.querySelectorAll('.search-layout .search-item').length
          : document.querySelectorAll('#search-listbox a.search-hit').length;
        const top = document.querySelector(onResultsPage ? '.search-layout a.search-hit' : '#search-listbox a.search-hit');
        resolve({ q, first: (tFirst || t1) - t0, total: t1 - t0, search: t1 - Math.max(state.lastTimer, t0), hits,
                  top: top ? new URL(top.href).pathname : null });
      };
      const check = () => {
        const d = done(q);
        if (d && !tFirst) tFirst = performance.now();
        if (d === 2) finish();
      };
      const obs = new MutationObserver(check);
      obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
      input.value = q;
      t0 = performance.now();
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  }
  async function typeSlowly(text) {
    const out = [];
    for (let i = 1; i <= text.length; i++) {
      if (text[i - 1] === ' ') continue;
      out.push(await one(text.slice(0, i)));
    }
    return out;
  }
  window.__bench = { one, typeSlowly, searchFiles };
}
"""

ONE_QUERY = PAGE_SETUP + r"""
const [q, cb] = [arguments[0], arguments[arguments.length - 1]];
window.__bench.one(q).then(r => { r.files = window.__bench.searchFiles(); cb(r); });
"""

MANY_QUERIES = PAGE_SETUP + r"""
const [qs, cb] = [arguments[0], arguments[arguments.length - 1]];
(async () => { const out = []; for (const q of qs) out.push(await window.__bench.one(q)); cb(out); })();
"""

TYPE_SLOWLY = PAGE_SETUP + r"""
const [text, cb] = [arguments[0], arguments[arguments.length - 1]];
window.__bench.typeSlowly(text).then(r => cb({ steps: r, files: window.__bench.searchFiles() }));
"""

# The results page opened with ?q=: from the start of navigation to the results.
FROM_URL = r"""
const [q, cb] = [arguments[0], arguments[arguments.length - 1]];
const quoted = '\u201c' + q + '\u201d';
function check() {
  const s = document.querySelector('.search-summary');
  if (s && s.textContent.includes(quoted) && document.querySelector('.search-layout ol.search-list, .search-layout .search-message')) {
    const files = performance.getEntriesByType('resource')
      .filter(e => /\/search\/[^/]+\.js$|\/orgbook\/search\.js$/.test(e.name))
      .map(e => [new URL(e.name).pathname, e.encodedBodySize || e.decodedBodySize || 0]);
    cb({ q, total: performance.now(), files });
  } else setTimeout(check, 2);
}
check();
"""

# The side-by-side comparison (bench_pagefind): a reader opens a page; `pause` ms after its
# load event they focus the search box (as a click or "/" does), and 200 ms later type
# (paste) the query.
#
# orgbook: the header dropdown as shipped. search.js comes with the page; once the page is
# idle it fetches the manifest (search/index.js), so the keystroke waits for the term
# shards, then the shown results' metadata. "First results": from the `input` event to the
# first row for the query in the DOM (real title and link); "all rows": until every row is
# in (the list is no longer aria-busy).
ORGBOOK_SETTLED = PAGE_SETUP + r"""
const [q, pause, cb] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
setTimeout(() => document.getElementById('search-input').focus(), pause);
setTimeout(() => window.__bench.one(q).then(cb), pause + 200);
"""

# The same, with requestIdleCallback made a no-op before search.js runs and no focus event,
# so the manifest is fetched after the keystroke and nothing is rehearsed (what the first
# query cost before, and what it costs on a page that is never idle).
NO_IDLE = "window.requestIdleCallback = function () { return 0; };"
ORGBOOK_NO_PREFETCH = PAGE_SETUP + r"""
const [q, pause, cb] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
setTimeout(() => window.__bench.one(q).then(cb), pause + 200);
"""

# Pagefind on the same site (search.sh indexes orgbook's output with `pagefind --site`),
# through its JavaScript API, which its own UI uses, on the same page and from the same
# keystroke: the query is typed into the same header box (so the page repaints the box,
# as for orgbook), and an `input` listener runs it, like Pagefind's UI. orgbook's own
# client is kept out of it (KEEP_ORGBOOK_OUT). The page has not loaded Pagefind: the time
# includes importing pagefind.js, which starts its web worker, loads its WASM and
# metadata, then the index chunks and the fragments. Like orgbook's dropdown, it asks for
# the first result's data alone, then for the next 7 results' at once, and puts each row
# (title and link) in the DOM as it comes; "first results" is the first row, "all rows"
# all of them (Pagefind's own UI asks for 5 at once). With `preload`, pagefind.js is
# imported and init() (WASM and metadata) awaited during the pause, what Pagefind's UI
# starts when the box gets focus.
KEEP_ORGBOOK_OUT = NO_IDLE + """
for (const type of ['input', 'focus', 'pointerenter', 'compositionend'])
  window.addEventListener(type, e => e.stopPropagation(), true);  // the window's own listeners still run
"""
PAGEFIND_QUERY = r"""
const [q, pause, preload, cb] = [arguments[0], arguments[1], arguments[2], arguments[arguments.length - 1]];
const url = new URL('pagefind/pagefind.js', document.baseURI).href;
const input = document.getElementById('search-input');
const list = input.form.appendChild(document.createElement('ol'));
function row(d) {
  const a = list.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
  a.href = d.url;
  a.textContent = d.meta.title;
}
setTimeout(async () => {
  try {
    input.focus();
    await new Promise(resolve => setTimeout(resolve, 200));
    if (preload) await (await import(url)).init();
    let t0 = 0;
    const done = new Promise((resolve, reject) => {
      window.addEventListener('input', () => (async () => {
        const pf = await import(url);
        const r = await pf.search(input.value);
        const first = r.results.length ? await r.results[0].data() : null;
        if (first) row(first);
        const t1 = performance.now();
        for (const d of await Promise.all(r.results.slice(1, 8).map(x => x.data()))) row(d);
        resolve({ q, first: t1 - t0, total: performance.now() - t0, hits: r.results.length, top: first && first.url });
      })().catch(reject), { capture: true, once: true });
    });
    input.value = q;
    t0 = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true }));
    cb(await done);
  } catch (e) { cb({ q, error: String(e) }); }
}, pause);
"""


def dir_bytes(path: str) -> int:
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def cdp(browser: "Browser", cmd: str, params: dict | None = None):
    return browser.call("POST", f"/session/{browser.session}/goog/cdp/execute",
                        {"cmd": cmd, "params": params or {}})


def bench_pagefind(browser: "Browser", site: str, queries: list[str], pause: int,
                   latency: float = 0) -> dict | None:
    """orgbook's dropdown and Pagefind side by side on the same queries, each on a freshly
    loaded page, alternating query by query so that the machine's load falls on both.

    With `latency` (ms), Chromium adds that delay to every request (DevTools' network
    emulation), as a host across a real network does: on loopback a request costs a few
    milliseconds, so the count of round trips each tool waits for barely shows."""
    if not os.path.isdir(os.path.join(site, "pagefind")):
        return None
    server, base = serve(site)
    if latency:
        cdp(browser, "Network.enable")
        cdp(browser, "Network.emulateNetworkConditions",
            {"offline": False, "latency": latency, "downloadThroughput": -1, "uploadThroughput": -1})
    ours = r"^/search/|^/orgbook/search\.js$"
    theirs = r"^/pagefind/"
    runs: dict[str, list[dict]] = {"orgbook": [], "orgbook, no prefetch": [], "Pagefind": [], "Pagefind, preloaded": []}

    def measure(name: str, pattern: str, script: str, *args) -> None:
        mark = len(server.sent)
        browser.goto(base + "index.html")
        r = browser.run(script, *args)
        if "error" in r:
            sys.exit(f"{name} query {r['q']!r} failed: {r['error']}")
        r["files"] = sent_since(server, mark, pattern)
        runs[name].append(r)

    try:
        def with_script(source: str, *args) -> None:
            script = cdp(browser, "Page.addScriptToEvaluateOnNewDocument", {"source": source})["identifier"]
            try:
                measure(*args)
            finally:
                cdp(browser, "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})

        for q in queries:
            measure("orgbook", ours, ORGBOOK_SETTLED, q, pause)
            with_script(KEEP_ORGBOOK_OUT, "Pagefind", theirs, PAGEFIND_QUERY, q, pause, False)
            with_script(NO_IDLE, "orgbook, no prefetch", ours, ORGBOOK_NO_PREFETCH, q, pause)
            with_script(KEEP_ORGBOOK_OUT, "Pagefind, preloaded", theirs, PAGEFIND_QUERY, q, pause, True)
        for name, rs in runs.items():
            for r in rs:
                r["bytes"] = sum(n for _, n in r["files"])
                r["gzip"] = gz_size(site, r["files"])
        return {
            "runs": runs, "pause": pause, "latency": latency,
            "orgbook_index": dir_bytes(os.path.join(site, "search")),
            "pagefind_index": dir_bytes(os.path.join(site, "pagefind")),
        }
    finally:
        if latency:
            cdp(browser, "Network.emulateNetworkConditions",
                {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        server.shutdown()


def print_pagefind(site: str, r: dict) -> list[str]:
    med = statistics.median
    runs = r["runs"]

    def m(name: str, key: str) -> float:
        return med(x[key] for x in runs[name])

    def paired(a: str, b: str, key: str) -> float:
        return med(y[key] / x[key] for x, y in zip(runs[a], runs[b]))

    o, p = m("orgbook", "first"), m("Pagefind", "first")
    ob, pb = m("orgbook", "bytes"), m("Pagefind", "bytes")
    og, pg = m("orgbook", "gzip"), m("Pagefind", "gzip")
    onp, pp = m("orgbook, no prefetch", "first"), m("Pagefind, preloaded", "first")
    ofiles = sorted({re.sub(r"^/search/([a-z])[0-9a-f]+\.js$", r"/search/\1*.js", f) for x in runs["orgbook"] for f, _ in x["files"]})
    pfiles = sorted({re.sub(r"_[0-9a-f]+\.", "_*.", f) for x in runs["Pagefind"] for f, _ in x["files"]})
    lines = [
        f"-- {site}: orgbook vs Pagefind, the first query on a freshly loaded page, {len(runs['orgbook'])} queries, "
        f"typed {r['pause']} ms after the load event (medians; paired: median of the per-query ratios)"
        + (f"; every request delayed {r['latency']:g} ms (network emulation)" if r.get("latency") else ""),
        f"   time to first results: orgbook {o:.1f} ms, Pagefind {p:.1f} ms: orgbook {p / o:.1f}x sooner "
        f"(paired {paired('orgbook', 'Pagefind', 'first'):.1f}x)",
        f"   time to all rows:      orgbook {m('orgbook', 'total'):.1f} ms, Pagefind {m('Pagefind', 'total'):.1f} ms",
        f"   bytes per query:       orgbook {kb(ob)}, Pagefind {kb(pb)}: ratio {ob / pb:.2f} "
        f"(gzipped: {kb(og)}, {kb(pg)}: {og / pg:.2f})",
        f"   index on disk:         orgbook {kb(r['orgbook_index'])}, Pagefind {kb(r['pagefind_index'])}",
        f"   orgbook files (search.js with the page, search/index.js once the page is idle, the rest after the keystroke): "
        f"{', '.join(ofiles)}",
        f"   Pagefind files (all after the keystroke): {', '.join(pfiles)}",
        "   For comparison, the same queries:",
        f"     orgbook with no idle prefetch (manifest after the keystroke): first results {onp:.1f} ms, "
        f"{p / onp:.1f}x sooner than Pagefind cold",
        f"     Pagefind with pagefind.js and init() done before the keystroke (its UI starts them on focus): "
        f"first results {pp:.1f} ms; orgbook {pp / o:.1f}x sooner",
    ]
    print("\n".join(lines))
    return lines


# ---------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------


def load_api(site: str, name: str) -> dict:
    with open(os.path.join(site, "api", name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def pick_queries(site: str, per_kind: int, seed: int = 7) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(typical queries by label, [(kind, query)] for latency)."""
    rng = random.Random(seed)
    teams = [t for t in load_api(site, "teams")["teams"] if t["kind"] == "team"]
    decisions = load_api(site, "decisions")["decisions"]
    team = teams[len(teams) // 3]
    owner = teams[len(teams) // 2]
    other = teams[2 * len(teams) // 3]
    numbers = [d["number"] for d in decisions]
    adr = 42 if 42 in numbers else numbers[len(numbers) // 2]
    words = [w for d in decisions for w in re.findall(r"[A-Za-z]{5,}", d["title"])]
    two = " ".join(rng.sample(sorted(set(w.lower() for w in words)), 2)) if words else "incident review"
    typical = {
        "team name": team["name"],
        "owned item": owner["owns"][0] if owner["owns"] else owner["name"],
        "ADR number": f"ADR {adr}",
        "two words": two,
        "prefix, 2 letters": other["name"][:2].lower(),
        "prefix, 4 letters": other["name"][:4].lower(),
    }
    latency: list[tuple[str, str]] = []
    for t in rng.sample(teams, min(per_kind, len(teams))):
        latency.append(("team", t["name"]))
    owned = [o for t in teams for o in t["owns"]]
    for o in rng.sample(owned, min(per_kind, len(owned))):
        latency.append(("owns", o))
    for n in rng.sample(numbers, min(per_kind, len(numbers))):
        latency.append(("adr", f"ADR {n}"))
    for d in rng.sample(decisions, min(per_kind, len(decisions))):
        ws = re.findall(r"[A-Za-z]{4,}", d["title"])
        if len(ws) >= 2:
            latency.append(("two words", " ".join(ws[:2]).lower()))
    for t in rng.sample(teams, min(per_kind, len(teams))):
        latency.append(("prefix", t["name"][: rng.randint(3, 5)].lower()))
    # No two consecutive queries may be equal (the next would show nothing new).
    rng.shuffle(latency)
    out: list[tuple[str, str]] = []
    for kind, q in latency:
        if not out or out[-1][1] != q:
            out.append((kind, q))
    return typical, out


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def kb(n: float) -> str:
    return f"{n / 1024:.1f} KB"


def gz_size(site: str, files: list[list]) -> int:
    total = 0
    for path, _ in files:
        rel = urllib.parse.unquote(path).lstrip("/")
        with open(os.path.join(site, rel), "rb") as f:
            total += len(gzip.compress(f.read(), 6))
    return total


def index_size(site: str) -> dict:
    d = os.path.join(site, "search")
    files = sorted(os.listdir(d))
    raw = 0
    gz = 0
    for name in files:
        with open(os.path.join(d, name), "rb") as f:
            data = f.read()
        raw += len(data)
        gz += len(gzip.compress(data, 6))
    docs = None
    with open(os.path.join(d, "index.js"), encoding="utf-8") as f:
        m = re.match(r'\s*orgbookSearchLoad\("index",(.*)\);?\s*$', f.read(), re.S)
    if m:
        try:
            docs = json.loads(m.group(1)).get("n")
        except ValueError:
            docs = None
    return {"files": len(files), "bytes": raw, "gzip": gz, "docs": docs}


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p * (len(xs) - 1))))]


def stats(xs: list[float]) -> str:
    return f"median {statistics.median(xs):6.1f} ms   p90 {pct(xs, 0.9):6.1f} ms   max {max(xs):6.1f} ms"


def bench_site(browser: Browser, site: str, repeat: int, per_kind: int) -> dict:
    server, base = serve(site)
    try:
        size = index_size(site)
        typical, latency = pick_queries(site, per_kind)
        result: dict = {"site": site, "index": size, "typical": [], "latency": {}}

        # Bytes per typical query, cold, in the dropdown and on the results page.
        for label, q in typical.items():
            browser.goto(base + "index.html")
            d = browser.run(ONE_QUERY, q)
            browser.goto(base + "search.html?q=" + urllib.parse.quote(q))
            p = browser.run(FROM_URL, q)
            result["typical"].append({
                "label": label, "q": q, "top": d["top"], "hits": d["hits"],
                "dropdown": sum(s for _, s in d["files"]), "dropdown_gz": gz_size(site, d["files"]),
                "dropdown_files": len(d["files"]),
                "page": sum(s for _, s in p["files"]), "page_gz": gz_size(site, p["files"]),
                "page_files": len(p["files"]),
            })
        # Typing a team name one key at a time, waiting for each key's results.
        name = typical["team name"]
        browser.goto(base + "index.html")
        t = browser.run(TYPE_SLOWLY, name)
        result["typing"] = {
            "q": name, "keys": len(t["steps"]), "bytes": sum(s for _, s in t["files"]),
            "gzip": gz_size(site, t["files"]),
            "search": [s["search"] for s in t["steps"]], "total": [s["total"] for s in t["steps"]],
        }

        queries = [q for _, q in latency]
        for ui, page in (("dropdown", "index.html"), ("results page", "search.html")):
            cold_first, cold_total, cold_search, warm_first, warm_total, warm_search = [], [], [], [], [], []
            for _ in range(repeat):
                for q in queries:
                    browser.goto(base + page)
                    r = browser.run(ONE_QUERY, q)
                    cold_first.append(r["first"])
                    cold_total.append(r["total"])
                    cold_search.append(r["search"])
                browser.goto(base + page)
                for r in browser.run(MANY_QUERIES, queries):
                    warm_first.append(r["first"])
                    warm_total.append(r["total"])
                    warm_search.append(r["search"])
            result["latency"][ui] = {
                "cold": (cold_first, cold_total, cold_search), "warm": (warm_first, warm_total, warm_search),
            }
        url_load = []
        for q in queries[: max(10, len(queries) // 2)]:
            browser.goto(base + "search.html?q=" + urllib.parse.quote(q))
            url_load.append(browser.run(FROM_URL, q)["total"])
        result["latency"]["results page from URL"] = url_load
        result["n_queries"] = len(queries) * repeat
        return result
    finally:
        server.shutdown()


def machine() -> str:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kb_total = int(f.readline().split()[1])
            mem = f"{kb_total / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    load = " ".join(open("/proc/loadavg").read().split()[:3]) if os.path.exists("/proc/loadavg") else "?"
    return f"{os.cpu_count()} cpus ({cpu}), {mem} RAM, {platform.system()} {platform.release()}, load {load}"


def print_report(results: list[dict], chromium: str) -> list[str]:
    md: list[str] = []
    print(f"machine: {machine()}")
    print(f"browser: {chromium}")
    for r in results:
        i = r["index"]
        per = i["bytes"] / i["docs"] if i["docs"] else float("nan")
        print(f"\n== {r['site']}: {i['docs']} documents")
        print(f"index: {i['files']} files, {kb(i['bytes'])} total ({kb(i['gzip'])} gzipped), "
              f"{per:.0f} bytes per document")
        print("bytes per query, cold page (search.js + index files):")
        for t in r["typical"]:
            print(f"  {t['label']:<20} {json.dumps(t['q'], ensure_ascii=False):<34} "
                  f"dropdown {kb(t['dropdown']):>9} ({t['dropdown_files']} files, {kb(t['dropdown_gz'])} gz)   "
                  f"results page {kb(t['page']):>9} ({t['page_files']} files, {kb(t['page_gz'])} gz)   "
                  f"first hit {t['top']}")
        ty = r["typing"]
        print(f"  typing {json.dumps(ty['q'], ensure_ascii=False)} key by key ({ty['keys']} searches): "
              f"{kb(ty['bytes'])} in total ({kb(ty['gzip'])} gz); per key after debounce "
              f"median {statistics.median(ty['search']):.1f} ms, max {max(ty['search']):.1f} ms")
        print(f"latency over {r['n_queries']} queries (input event -> results in the DOM; cold: right after "
              f"the load event):")
        for ui in ("dropdown", "results page"):
            for mode in ("cold", "warm"):
                first, total, search = r["latency"][ui][mode]
                if ui == "dropdown":
                    print(f"  {ui:<13} {mode}: first row      {stats(first)}")
                print(f"  {ui:<13} {mode}: input->results {stats(total)}")
                print(f"  {'':<13} {'':4}  after debounce {stats(search)}")
        url = r["latency"]["results page from URL"]
        print(f"  results page opened with ?q= (navigation start -> results): {stats(url)}")

        md.append(f"#### {i['docs']:,} documents")
        md.append("")
        md.append(f"Index: {i['files']:,} files, {kb(i['bytes'])} ({kb(i['gzip'])} gzipped), "
                  f"{per:.0f} bytes per document.")
        md.append("")
        md.append("| Query | | Dropdown | Results page |")
        md.append("|---|---|---|---|")
        for t in r["typical"]:
            md.append(f"| {t['label']} | `{t['q']}` | {kb(t['dropdown'])} ({kb(t['dropdown_gz'])} gz) "
                      f"| {kb(t['page'])} ({kb(t['page_gz'])} gz) |")
        md.append(f"| typing key by key | `{ty['q']}` ({ty['keys']} searches) | {kb(ty['bytes'])} in total "
                  f"({kb(ty['gzip'])} gz) | |")
        md.append("")
        md.append("| Latency, median (p90) | input → first row | input → all results | after debounce |")
        md.append("|---|---|---|---|")
        for ui in ("dropdown", "results page"):
            for mode in ("cold", "warm"):
                first, total, search = r["latency"][ui][mode]
                md.append(f"| {ui}, {mode} | {statistics.median(first):.0f} ms ({pct(first, 0.9):.0f}) "
                          f"| {statistics.median(total):.0f} ms ({pct(total, 0.9):.0f}) "
                          f"| {statistics.median(search):.0f} ms ({pct(search, 0.9):.0f}) |")
        md.append(f"| results page opened with `?q=` (from navigation start) | | "
                  f"{statistics.median(url):.0f} ms ({pct(url, 0.9):.0f}) | |")
        md.append("")
    return md


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sites", nargs="+", help="output folders of `orgbook build`")
    ap.add_argument("--repeat", type=int, default=1, help="times to run the latency query set")
    ap.add_argument("--per-kind", type=int, default=20, help="latency queries of each kind")
    ap.add_argument("--markdown", help="also write the figures as Markdown to this file")
    ap.add_argument("--pause", type=int, default=500,
                    help="ms between a page's load event and the query, side by side with Pagefind")
    ap.add_argument("--latency", type=float, default=0,
                    help="also run the side by side with every request delayed this many ms")
    args = ap.parse_args()
    for s in args.sites:
        if not os.path.isfile(os.path.join(s, "search", "index.js")):
            sys.exit(f"error: {s} has no search/index.js; is it the output of `orgbook build`?")
    browser = Browser()
    try:
        results = [bench_site(browser, s, args.repeat, args.per_kind) for s in args.sites]
        md = print_report(results, browser.version())
        for s in args.sites:
            _, latency = pick_queries(s, args.per_kind)
            queries = [q for _, q in latency]
            pf = bench_pagefind(browser, s, queries, args.pause)
            if pf:
                md += [""] + print_pagefind(s, pf)
            if pf and args.latency:
                slow = bench_pagefind(browser, s, queries, max(args.pause, 2000), args.latency)
                md += [""] + print_pagefind(s, slow)
    finally:
        browser.close()
    if args.markdown:
        header = [f"Machine: {machine()}; {browser.version()}.", ""]
        with open(args.markdown, "w", encoding="utf-8") as f:
            f.write("\n".join(header + md) + "\n")
        print(f"\nMarkdown written to {args.markdown}")


if __name__ == "__main__":
    main()
