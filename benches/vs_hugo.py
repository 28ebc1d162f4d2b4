#!/usr/bin/env python3
"""orgbook against Hugo on one handbook, in alternation: wall time, CPU and peak memory.

    python3 benches/vs_hugo.py RUNS HANDBOOK [ORGBOOK_BIN]

Issue 14 measures orgbook against a floor that reads, renders and writes Markdown and does
nothing else. This script measures it against another generator doing a site's usual work
on the same files: Hugo (`hugo` on PATH; Debian's `hugo` package) with the smallest theme
that makes a page per file — a title, the rendered Markdown (Goldmark, code blocks
highlighted by Chroma, as orgbook highlights them), a list page per section, RSS feeds and a
sitemap (Hugo's defaults). No navigation, no search index, no org pages: Hugo's side does
less than orgbook's, so the ratio flatters Hugo.

The Hugo site is written to $PAIR_OUT/hugo-site and reads the handbook's `content/` in place
(`contentDir`); Hugo writes nothing there. The synthetic handbooks of gen_handbook.py use
`+++` TOML front matter and `_index.md` section pages, which Hugo reads as they are. Each
run removes its output folder first; CPU is user + system of the child (getrusage), the
figure to read on a shared machine. Prints both medians, the CPU ratio orgbook/Hugo per pair
(median and range) and each one's peak resident memory.
"""
import os, shutil, statistics, subprocess, sys, time

if len(sys.argv) < 3:
    sys.exit(__doc__)
runs, hb = int(sys.argv[1]), os.path.abspath(sys.argv[2])
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
orgbook = sys.argv[3] if len(sys.argv) > 3 else os.path.join(repo, "target/release/orgbook")
hugo = shutil.which("hugo") or sys.exit("error: hugo is not on PATH (apt-get install hugo)")
if not os.path.isdir(os.path.join(hb, "content")):
    sys.exit(f"error: {hb} has no content/ folder")
base = os.environ.get("PAIR_OUT", "/dev/shm/orgbook-pair")
site = os.path.join(base, "hugo-site")

LAYOUTS = {
    "baseof.html": '<!doctype html><html lang="en"><head><meta charset="utf-8">'
    "<title>{{ .Title }} · {{ site.Title }}</title></head>\n"
    '<body><main>{{ block "main" . }}{{ end }}</main></body></html>\n',
    "single.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}\n',
    "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>'
    '{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}'
    "</ul>{{ end }}\n",
}
shutil.rmtree(site, ignore_errors=True)
os.makedirs(os.path.join(site, "layouts", "_default"))
for name, text in LAYOUTS.items():
    with open(os.path.join(site, "layouts", "_default", name), "w") as f:
        f.write(text)
with open(os.path.join(site, "hugo.toml"), "w") as f:
    # Taxonomies off: the handbooks' `tags` would add term pages orgbook does not make.
    # Feeds of the 50 latest items, as orgbook's (FEED_ENTRIES): by default Hugo puts every
    # page of a section in its feed, a third of its time on the teams shape.
    f.write('baseURL = "https://handbook.example.org/"\ntitle = "Handbook"\nrssLimit = 50\n'
            f'contentDir = "{hb}/content"\ndisableKinds = ["taxonomy", "term"]\n'
            "[markup.goldmark.renderer]\nunsafe = true\n")

commands = {
    "orgbook": lambda out: [orgbook, "build", "--root", hb, "--output", out],
    "hugo": lambda out: [hugo, "--quiet", "--source", site, "--destination", out],
}
version = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
print(f"handbook {hb}; {version}; load {os.getloadavg()[0]:.1f}")
res = {name: [] for name in commands}
for i in range(runs + 1):
    order = list(commands) if i % 2 == 0 else list(commands)[::-1]
    for name in order:
        out = os.path.join(base, f"out-{name}")
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        p = subprocess.Popen(commands[name](out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t
        if status:
            sys.exit(f"{name} failed with status {status}: {p.stderr.read().decode()[-2000:]}")
        if i > 0:  # the first round warms the page cache and is not counted
            res[name].append((wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024))
for name in commands:
    r = res[name]
    out = os.path.join(base, f"out-{name}")
    files = sum(len(f) for _, _, f in os.walk(out))
    print(f"{name:8} wall {statistics.median(x[0] for x in r):6.2f} s  "
          f"cpu {statistics.median(x[1] for x in r):6.2f} s  "
          f"peak {max(x[2] for x in r):6.0f} MiB  files {files}")
cpu = sorted(a[1] / b[1] for a, b in zip(res["orgbook"], res["hugo"]))
wall = sorted(a[0] / b[0] for a, b in zip(res["orgbook"], res["hugo"]))
print(f"orgbook/hugo: cpu median {statistics.median(cpu):.3f} (range {cpu[0]:.3f}-{cpu[-1]:.3f}), "
      f"wall median {statistics.median(wall):.3f}")
