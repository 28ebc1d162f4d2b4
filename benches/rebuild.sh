#!/usr/bin/env bash
# Rebuild-latency benchmark for `orgbook serve`, beside the cold build time.
#
#   bash benches/rebuild.sh [PAGES...]          (default: 1000 10000)
#
# For each size: generate a synthetic handbook into tmpfs (gen_handbook.py), time
# `orgbook build` RUNS times (cold: new process, empty output), then start
# `orgbook serve --port 0` on it and edit one team charter EDITS times in two ways:
#
#   body          a line appended to the charter's Markdown body
#   front matter  the charter's `problem` changed (relinks the handbook, re-renders the
#                 pages about the whole handbook: indexes, org map, health, feeds)
#
# and report, as medians:
#
#   page      the server's own figure from its log ("rebuilt in N ms"): from the
#             debounced change to the charter's own page being served
#   all pages page, plus the sweep that follows when no other change is waiting: every
#             other page's context rebuilt and hashed, the pages whose context changed
#             (parent, siblings, linked pages…) rendered, then the pages about the whole
#             handbook (indexes, org map, health, feeds, sitemap) the same way
#   search    the search index (and any other derived file), rebuilt after that
#   reload    wall time from writing the file to the browser's reload event for the
#             charter's page (adds the watcher's debounce and the burst window)
#
# Targets: (issue 14) the edited page served (edit → reload event) within 1/20 of the
# cold build of the same handbook; every affected page within 100 ms at 10,000 pages. Between edits the script waits
# until the server is idle (status.json), so the search index built after each edit does
# not overlap the next one.
#
# Environment:
#   RUNS=5            cold builds per size
#   EDITS=7           edits of each kind per size
#   SHAPES="default teams"   handbook shapes (see build.sh); teams = 5,000 charters and
#                     5,000 decisions at 10,000 pages, the shape of issue 14's target
#   SEED=1            generator seed
#   BENCH_DIR=/dev/shm/orgbook-bench   where handbooks and outputs go
#   ORGBOOK_BIN=...   binary to time (default: target/release/orgbook; skips the build)
#   NO_BUILD=1        skip `cargo build --release`
#   CLEAN=1           delete BENCH_DIR at the end
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
gen="$here/gen_handbook.py"

RUNS=${RUNS:-5}
EDITS=${EDITS:-7}
SEED=${SEED:-1}
CARGO=${CARGO:-cargo}
BIN=${ORGBOOK_BIN:-$repo/target/release/orgbook}

. "$here/common.sh"
bench_workdir orgbook-bench
bench_sizes "$@"
bench_positive RUNS EDITS

if [ "${NO_BUILD:-0}" != 1 ] && [ -z "${ORGBOOK_BIN:-}" ]; then
    echo "-- cargo build --release"
    (cd "$repo" && $CARGO build --release) || { echo "error: cargo build --release failed" >&2; exit 1; }
fi
[ -x "$BIN" ] || { echo "error: $BIN not found or not executable" >&2; exit 1; }

echo "== orgbook rebuild benchmark"
echo "   sizes: ${sizes[*]}   cold builds: $RUNS   edits: $EDITS of each kind   seed: $SEED   dir: $work"
echo "   machine: $(nproc 2>/dev/null || echo '?') cpus, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

python3 - "$BIN" "$gen" "$work" "$SEED" "$RUNS" "$EDITS" "${SHAPES:-default teams}" "${sizes[@]}" <<'PY'
import json, os, re, shutil, socket, statistics, subprocess, sys, threading, time

binary, gen, work, seed, runs, edits, shapes = sys.argv[1:8]
runs, edits = int(runs), int(edits)
shapes = shapes.split()
sizes = [int(n) for n in sys.argv[8:]]
TIMEOUT = 120.0


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def spread(xs, scale=1.0, fmt="{:.1f}"):
    if not xs:
        return "n/a"
    return (fmt + " ({}–{})").format(
        median(xs) * scale, fmt.format(min(xs) * scale), fmt.format(max(xs) * scale)
    )


class Server:
    """A running `orgbook serve` whose log is collected line by line."""

    def __init__(self, root):
        self.lines = []
        self.cond = threading.Condition()
        self.proc = subprocess.Popen(
            [binary, "serve", "--root", root, "--port", "0"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True, bufsize=1,
        )
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_line(lambda l: " at http://" in l)
        self.addr = re.search(r"http://([^/]+)/", line).group(1)

    def _read(self):
        for line in self.proc.stderr:
            with self.cond:
                self.lines.append(line.rstrip("\n"))
                self.cond.notify_all()

    def wait_line(self, pred, start=0):
        deadline = time.monotonic() + TIMEOUT
        with self.cond:
            while True:
                for line in self.lines[start:]:
                    if pred(line):
                        return line
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    sys.exit("orgbook serve: no expected log line; log:\n" + "\n".join(self.lines[-20:]))
                self.cond.wait(left)

    def get(self, path):
        host, port = self.addr.rsplit(":", 1)
        with socket.create_connection((host, int(port)), timeout=TIMEOUT) as s:
            s.sendall(f"GET {path} HTTP/1.0\r\nHost: {self.addr}\r\n\r\n".encode())
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        return data.split(b"\r\n\r\n", 1)[1]

    def wait_idle(self):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            if json.loads(self.get("/__orgbook/status.json")).get("idle"):
                return
            time.sleep(0.05)
        sys.exit("orgbook serve did not become idle")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class Events:
    """The live-reload stream: `reload` events, timestamped on arrival."""

    def __init__(self, addr):
        host, port = addr.rsplit(":", 1)
        self.sock = socket.create_connection((host, int(port)))
        self.sock.sendall(f"GET /__orgbook/events HTTP/1.0\r\nHost: {addr}\r\n\r\n".encode())
        self.reloads = []
        self.cond = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        event = None
        for raw in self.sock.makefile("r", encoding="utf-8"):
            line = raw.rstrip("\n")
            if line.startswith("event: "):
                event = line[7:]
            elif line.startswith("data: ") and event == "reload":
                data = json.loads(line[6:])
                with self.cond:
                    self.reloads.append((time.monotonic(), data))
                    self.cond.notify_all()

    def wait_reload(self, page, after):
        deadline = time.monotonic() + TIMEOUT
        with self.cond:
            while True:
                for t, data in self.reloads:
                    if t >= after and page in data["changed"]:
                        return t
                left = deadline - time.monotonic()
                if left <= 0:
                    sys.exit(f"no reload event for {page}")
                self.cond.wait(left)


def pick_charter(root):
    """A team with a parent: edits reach its page, its parent's and its siblings'."""
    teams = os.path.join(root, "content", "teams")
    for dirpath, _, files in sorted(os.walk(teams)):
        for f in sorted(files):
            path = os.path.join(dirpath, f)
            if f.endswith(".md") and f != "_index.md":
                text = open(path, encoding="utf-8").read()
                if "\nparent = " in text and 'kind = "group"' not in text:
                    return path, "teams/" + f[:-3] + ".html"
    sys.exit("no charter with a parent found")


results = {}
for shape, n in [(s, n) for s in shapes for n in sizes]:
    hb = os.path.join(work, f"hb-{shape}-{n}")
    out = os.path.join(work, f"out-{shape}-{n}")
    subprocess.run([sys.executable, gen, hb, "--pages", str(n), "--seed", seed, "--shape", shape,
                    "--force", "-q"], check=True)

    cold = []
    for i in range(runs + 1):
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        r = subprocess.run([binary, "build", "--root", hb, "--output", out],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        took = time.perf_counter() - t
        if r.returncode:
            sys.exit(f"orgbook build failed on {n} pages:\n{r.stderr[-2000:]}")
        if i > 0:  # the first run warms the page cache
            cold.append(took)
    print(f"-- {shape}/{n} pages: cold build median {median(cold):.3f} s", flush=True)

    charter, page = pick_charter(hb)
    original = open(charter, encoding="utf-8").read()
    server = Server(hb)
    start_line = server.wait_line(lambda l: "Built " in l)
    server.wait_idle()
    events = Events(server.addr)
    time.sleep(0.2)
    kinds = {"body": ([], [], [], []), "front matter": ([], [], [], [])}
    text = original
    try:
        for i in range(edits):
            for kind in kinds:
                if kind == "body":
                    text = text + f"\nEdited {i}.\n"
                else:
                    text = text.replace('problem = "', f'problem = "{i} ', 1)
                mark = len(server.lines)
                t0 = time.monotonic()
                with open(charter + ".tmp", "w", encoding="utf-8") as f:
                    f.write(text)
                os.replace(charter + ".tmp", charter)
                t1 = events.wait_reload(page, t0)
                line = server.wait_line(lambda l: " changed: rebuilt in " in l, start=mark)
                ms = float(re.search(r"rebuilt in ([0-9.]+) ms", line).group(1))
                server.wait_idle()
                later = [l for l in server.lines[mark:] if "pages about the whole handbook: rebuilt in" in l]
                rest = sum(float(re.search(r"rebuilt in ([0-9.]+) ms", l).group(1)) for l in later)
                # The sweep over the documents' pages before them, as that line reports it.
                rest += sum(float(m.group(1)) for l in later
                            if (m := re.search(r"checked in ([0-9.]+) ms", l)))
                derived = [l for l in server.lines[mark:] if "derived files: rebuilt in" in l]
                kinds[kind][0].append(ms)
                kinds[kind][1].append((t1 - t0) * 1000)
                kinds[kind][2].append(ms + rest)
                for l in derived:
                    kinds[kind][3].append(float(re.search(r"rebuilt in ([0-9.]+) ms", l).group(1)))
    finally:
        with open(charter, "w", encoding="utf-8") as f:
            f.write(original)
        server.stop()
    for kind, (page_ms, reload, all_ms, search_ms) in kinds.items():
        print(f"-- {shape}/{n} pages, {kind} edit: page {spread(page_ms)} ms, all pages {spread(all_ms)} ms, "
              f"then search index {spread(search_ms, fmt='{:.0f}')} ms; "
              f"edit → reload event {spread(reload, fmt='{:.0f}')} ms", flush=True)
    results[(shape, n)] = (cold, kinds)

print()
print(f"== summary (medians; cold build: {runs} runs, edits: {edits} of each kind)")
print(f"{'':>8} {'':>8} {'':>12} {'body edit':^25} {'front-matter edit':^25}")
print(f"{'shape':>8} {'pages':>8} {'cold build':>12} {'page':>12} {'all pages':>12} {'page':>12} {'all pages':>12} {'edit→reload':>12} {'search':>10}")
worst = 0.0
ratios = []
for (shape, n), (cold, kinds) in results.items():
    body, front = kinds["body"], kinds["front matter"]
    e2e = body[1] + front[1]
    search = body[3] + front[3]
    print(f"{shape:>8} {n:>8} {median(cold) * 1000:>9.0f} ms {median(body[0]):>9.1f} ms {median(body[2]):>9.1f} ms "
          f"{median(front[0]):>9.1f} ms {median(front[2]):>9.1f} ms {median(e2e):>9.0f} ms {median(search):>7.0f} ms")
    if n >= 10000:
        worst = max(worst, median(body[2]), median(front[2]))
    ratios.append((shape, n, median(front[1]) / 1000 / median(cold), median(front[0]) / 1000 / median(cold)))
for shape, n, r_served, r_page in ratios:
    print(f"{shape}/{n}: front-matter edit → edited page served (reload event) = 1/{1 / r_served:.1f} "
          f"of the cold build (server's own rebuild: 1/{1 / r_page:.1f}); target ≤ 1/20: "
          f"{'met' if r_served <= 1 / 20 else 'NOT met'}")
if any(n >= 10000 for (_, n) in results):
    verdict = "met" if worst <= 100 else "NOT met"
    print(f"target: every affected page rebuilt within 100 ms at 10,000 pages: {verdict} "
          f"(slowest median {worst:.1f} ms)")
PY
status=$?
if [ "${CLEAN:-0}" = 1 ]; then rm -rf "$work"; fi
exit $status
