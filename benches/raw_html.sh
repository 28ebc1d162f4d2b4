#!/usr/bin/env bash
# Cost of the raw-HTML sanitizer (issue 11: at most 5 % of the 10,000-page build).
#
#   bash benches/raw_html.sh [PAGES]          (default: 10000)
#
# Generates the synthetic handbook (gen_handbook.py, default shape) into tmpfs, appends a
# typical raw-HTML appendix to every EVERY-th Markdown file (a <details> block around
# Markdown with <kbd> and <sup>, and a <table>), and makes two copies that differ only in
# `[markdown] raw_html`: "sanitize" (A, the default) and "allow" (B: the same work without
# the sanitizer). The same binary builds A and B in alternation, RUNS times each, and the
# script prints the median CPU seconds (user + system) and wall seconds of each, the median
# of the paired ratios A/B, and peak memory. The sanitizer's cost is the CPU ratio minus 1.
# Wall time on a shared machine is noise; CPU time of paired runs is the figure to quote.
#
# Environment:
#   RUNS=7            timed runs of each variant (after one untimed run of each)
#   EVERY=5           one page in EVERY gets the appendix
#   SEED=1            generator seed
#   BENCH_DIR=/dev/shm/orgbook-raw-html   where handbooks and outputs go
#   ORGBOOK_BIN=...   binary to time (default: target/release/orgbook, built first)
#   NO_BUILD=1        skip `cargo build --release`
#   CLEAN=1           delete BENCH_DIR at the end
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
PAGES=${1:-10000}
RUNS=${RUNS:-7}
EVERY=${EVERY:-5}
SEED=${SEED:-1}
work=${BENCH_DIR:-/dev/shm/orgbook-raw-html}
BIN=${ORGBOOK_BIN:-$repo/target/release/orgbook}

if [ -z "${ORGBOOK_BIN:-}" ] && [ "${NO_BUILD:-0}" != 1 ]; then
    (cd "$repo" && cargo build --release -q)
fi
mkdir -p "$work"
base="$work/hb-$PAGES-$SEED"
python3 "$here/gen_handbook.py" "$base" --pages "$PAGES" --seed "$SEED" --force -q

for policy in sanitize allow; do
    hb="$work/hb-$policy"
    rm -rf "$hb"
    cp -r "$base" "$hb"
    python3 - "$hb" "$EVERY" "$policy" <<'PY'
import os, sys
hb, every, policy = sys.argv[1], int(sys.argv[2]), sys.argv[3]
appendix = """

<details>
<summary>Runbook shortcuts</summary>

Press <kbd>Ctrl</kbd>+<kbd>K</kbd> to search; see note<sup>1</sup>.

- restart the service
- page the on-call engineer

</details>

<table>
<thead><tr><th align="left">Step</th><th>Owner</th></tr></thead>
<tbody>
<tr><td>Deploy</td><td><a href="#top">platform</a></td></tr>
<tr><td>Verify</td><td><em>on-call</em></td></tr>
</tbody>
</table>
"""
files = sorted(
    os.path.join(d, f)
    for d, _, fs in os.walk(os.path.join(hb, "content"))
    for f in fs
    if f.endswith(".md") and f != "_index.md"
)
for i, path in enumerate(files):
    if i % every == 0:
        with open(path, "a", encoding="utf-8") as f:
            f.write(appendix)
config = os.path.join(hb, "orgbook.toml")
text = open(config, encoding="utf-8").read()
if "[markdown]" in text:
    sys.exit("the generated orgbook.toml already has [markdown]: extend this script")
with open(config, "a", encoding="utf-8") as f:
    f.write(f'\n[markdown]\nraw_html = "{policy}"\n')
print(f"{policy}: appendix added to {len(files[::every])} of {len(files)} pages", file=sys.stderr)
PY
done

python3 - "$RUNS" "$BIN" "$work" <<'PY'
import os, shutil, statistics, subprocess, sys, time
runs, binary, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cpu = {"sanitize": [], "allow": []}
wall = {"sanitize": [], "allow": []}
peak = {"sanitize": 0, "allow": 0}

def run(policy, record=True):
    out = os.path.join(work, f"out-{policy}")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [binary, "build", "--root", os.path.join(work, f"hb-{policy}"), "--output", out]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()
    _, status, usage = os.wait4(p.pid, 0)
    if status:
        sys.exit(f"{' '.join(cmd)} failed:\n{err.decode(errors='replace')[-2000:]}")
    if record:
        wall[policy].append(time.perf_counter() - t)
        cpu[policy].append(usage.ru_utime + usage.ru_stime)
        peak[policy] = max(peak[policy], usage.ru_maxrss * 1024)

run("sanitize", False)
run("allow", False)
for i in range(runs):
    for policy in (["sanitize", "allow"] if i % 2 == 0 else ["allow", "sanitize"]):
        run(policy)
med = statistics.median
ratio_cpu = med(a / b for a, b in zip(cpu["sanitize"], cpu["allow"]))
ratio_wall = med(a / b for a, b in zip(wall["sanitize"], wall["allow"]))
print(f"{'':10} {'cpu s':>8} {'wall s':>8} {'peak MiB':>9}")
for p in ("sanitize", "allow"):
    print(f"{p:10} {med(cpu[p]):8.3f} {med(wall[p]):8.3f} {peak[p] / 1048576:9.0f}")
print(f"paired ratio sanitize/allow: cpu {ratio_cpu:.3f}, wall {ratio_wall:.3f} "
      f"(medians of {runs} pairs); sanitizer cost {100 * (ratio_cpu - 1):+.1f} % of build CPU")
PY

if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$work"
fi
