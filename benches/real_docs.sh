#!/usr/bin/env bash
# Cold builds of documentation that was not written for orgbook: the Markdown files
# installed on this machine, assembled into one handbook as they are (their folders,
# README-per-folder, front matter from other tools, raw HTML, lint comments, links
# written for GitHub or another site root). The synthetic handbooks of build.sh have
# none of that, so costs that only real files trigger (the raw-HTML sanitizer, template
# leftovers, huge changelogs) show up here.
#
#   bash benches/real_docs.sh BIN                 orgbook BIN against the floor
#   bash benches/real_docs.sh BIN_A BIN_B         two orgbook binaries, paired (pair.py)
#
# Sources, each copied when present (so figures differ between machines: compare
# binaries in one run, never runs on different machines):
#   nodejs   /usr/share/doc/nodejs (Node.js's own docs and changelogs, 0.5-1 MB each)
#   all      every *.md under /usr and $HOME, outside hidden folders
#
# Environment: SOURCE=nodejs|all (default nodejs), RUNS=7, BENCH_DIR (default
# /dev/shm/orgbook-real), FLOOR_BIN (default benches/floor/target/release/floor).
# Links are checked with `[links] broken = "warn"`: installed docs link to files their
# package did not ship.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RUNS=${RUNS:-7}
SOURCE=${SOURCE:-nodejs}
FLOOR=${FLOOR_BIN:-$here/floor/target/release/floor}
. "$here/common.sh"
bench_workdir orgbook-real
bench_positive RUNS
[ $# -ge 1 ] || { sed -n '2,20p' "$0"; exit 2; }
for b in "$@"; do [ -x "$b" ] || { echo "error: $b is not an executable" >&2; exit 2; }; done

hb=$work/hb-$SOURCE
rm -rf "$hb"
mkdir -p "$hb/content"
printf 'title = "Installed documentation"\nbase_url = "https://docs.example/"\n[links]\nbroken = "warn"\n' >"$hb/orgbook.toml"
case $SOURCE in
    nodejs)
        [ -d /usr/share/doc/nodejs ] || { echo "error: /usr/share/doc/nodejs is missing (apt-get install nodejs)" >&2; exit 2; }
        # The Markdown alone: the package also ships each page built as .html, which
        # orgbook would rightly refuse (two files for one output path).
        (cd /usr/share/doc && find nodejs -name '*.md' -type f) |
            while IFS= read -r rel; do
                mkdir -p "$hb/content/$(dirname "$rel")" && cp "/usr/share/doc/$rel" "$hb/content/$rel"
            done ;;
    all)
        # Relative paths are kept (so relative links still resolve); hidden folders left out.
        # `node_modules` is renamed `node-modules`: a handbook's installed packages are
        # skipped (src/load/machinery.rs), but npm's own documentation, installed there,
        # is the kind of real Markdown this benchmark is for.
        find /usr "$HOME" -xdev -name '*.md' -type f -not -path '*/.*' 2>/dev/null |
            while IFS= read -r f; do
                rel=${f#/}
                rel=${rel//node_modules/node-modules}
                mkdir -p "$hb/content/$(dirname "$rel")" && cp "$f" "$hb/content/$rel"
            done ;;
    *) echo "error: SOURCE must be nodejs or all" >&2; exit 2 ;;
esac
files=$(find "$hb/content" -name '*.md' | wc -l)
bytes=$(du -sb "$hb/content" | cut -f1)
echo "== $SOURCE: $files Markdown files, $((bytes / 1024 / 1024)) MB ($(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg))"

if [ $# -ge 2 ]; then
    PAIR_OUT=$work/pair python3 "$here/pair.py" "$RUNS" "$hb" "$@"
    exit $?
fi
[ -x "$FLOOR" ] || { echo "error: floor binary $FLOOR missing (cargo build --release --manifest-path benches/floor/Cargo.toml)" >&2; exit 2; }
python3 - "$RUNS" "$hb" "$1" "$FLOOR" "$work" <<'PY'
import os, shutil, statistics, subprocess, sys, time
runs, hb, binary, floor, work = sys.argv[1:]
cmds = {
    "floor": lambda out: [floor, hb, out],
    "orgbook": lambda out: [binary, "build", "--root", hb, "--output", out],
}
times = {k: [] for k in cmds}
cpu = {k: [] for k in cmds}
for i in range(int(runs)):
    for k in (list(cmds) if i % 2 == 0 else list(cmds)[::-1]):
        out = os.path.join(work, "out-" + k)
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        p = subprocess.Popen(cmds[k](out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, u = os.wait4(p.pid, 0)
        if status:
            sys.exit(f"{k} failed with status {status}")
        times[k].append(time.perf_counter() - t)
        cpu[k].append(u.ru_utime + u.ru_stime)
f, o = statistics.median(times["floor"]), statistics.median(times["orgbook"])
fc, oc = statistics.median(cpu["floor"]), statistics.median(cpu["orgbook"])
print(f"floor   wall {f:.3f} s, cpu {fc:.3f} s")
print(f"orgbook wall {o:.3f} s, cpu {oc:.3f} s")
print(f"ratio   wall {o / f:.2f}, cpu {oc / fc:.2f}")
PY
