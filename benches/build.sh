#!/usr/bin/env bash
# Cold-build benchmark: `orgbook build` against the floor, side by side, in the same run.
#
#   bash benches/build.sh [PAGES...]          (default: 1000 10000)
#
# For each shape (SHAPES) and size: generate a synthetic handbook into tmpfs
# (gen_handbook.py), then time, RUNS times in alternation (so that the machine's load
# falls on both alike):
#
#   floor    benches/floor (its own small package): read every .md, render it
#            with pulldown-cmark, write one .html each, on all cores
#   orgbook  orgbook build --root <handbook> --output <out>
#
# and print each one's median wall time, the ratio orgbook/floor (of the medians, and the
# median of the per-run ratios), each one's median CPU time (user + system) and their ratio,
# which moves less than the wall ratio when others load the machine, peak resident memory (getrusage of each child, the
# largest over the runs), and the largest generated HTML page. The output folder is deleted
# before every run, outside the timed region.
#
# Targets (issue 14): ratio <= 2.0 and peak <= 200 MiB at 10,000 pages; ratio <= 2.5 and
# peak <= 1 GiB at 100,000 pages.
#
# Environment:
#   RUNS=5            timed runs of each program per handbook (after one untimed run)
#   SHAPES="default teams"   default: ~6% charters, ~35% decisions, the rest pages;
#                     teams: 50% charters, 50% decisions (5,000 + 5,000 at 10,000)
#   SEED=1            generator seed
#   BENCH_DIR=/dev/shm/orgbook-bench   where handbooks and outputs go
#   ORGBOOK_BIN=...   binary to time (default: target/release/orgbook)
#   FLOOR_BIN=...     floor binary (default: benches/floor/target/release/floor)
#   NO_BUILD=1        skip `cargo build --release`
#   REGEN=1           regenerate handbooks even if an identical one is there
#   CLEAN=1           delete BENCH_DIR at the end
#   CARGO=cargo       cargo command to use
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
gen="$here/gen_handbook.py"

RUNS=${RUNS:-5}
SEED=${SEED:-1}
SHAPES=${SHAPES:-default teams}
CARGO=${CARGO:-cargo}
BIN=${ORGBOOK_BIN:-$repo/target/release/orgbook}
FLOOR=${FLOOR_BIN:-$here/floor/target/release/floor}

. "$here/common.sh"
bench_workdir orgbook-bench
bench_sizes "$@"
bench_positive RUNS
for s in $SHAPES; do
    case $s in default | teams) ;; *) echo "error: unknown shape '$s' (default, teams)" >&2; exit 2 ;; esac
done

if [ "${NO_BUILD:-0}" != 1 ] && [ -z "${ORGBOOK_BIN:-}" ]; then
    echo "-- cargo build --release (orgbook and the floor)"
    (cd "$repo" && $CARGO build --release --bin orgbook &&
        $CARGO build --release --manifest-path "$here/floor/Cargo.toml") ||
        { echo "error: cargo build --release failed (not timing stale binaries)" >&2; exit 1; }
fi
for b in "$BIN" "$FLOOR"; do
    [ -x "$b" ] || { echo "error: $b not found or not executable" >&2; exit 1; }
done

echo "== orgbook cold build vs the floor"
echo "   sizes: ${sizes[*]}   shapes: $SHAPES   runs: $RUNS   seed: $SEED   dir: $work"
echo "   commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "   machine: $(nproc) cpus, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load $(cut -d' ' -f1-3 /proc/loadavg)"

status=0
summary=()
for shape in $SHAPES; do
    for n in "${sizes[@]}"; do
        hb="$work/hb-$shape-$n"
        stamp="$hb/.gen-$n-$SEED-$shape-$(sha1sum "$gen" | cut -c1-12)"
        if [ "${REGEN:-0}" = 1 ] || [ ! -f "$stamp" ]; then
            python3 "$gen" "$hb" --pages "$n" --seed "$SEED" --shape "$shape" --force -q ||
                { echo "error: generating $shape/$n failed" >&2; exit 1; }
            touch "$stamp"
        fi
        out="$work/out-$shape-$n"
        fout="$work/floor-$shape-$n"
        rm -rf "$out"
        if ! "$BIN" build --root "$hb" --output "$out" >"$work/check-$shape-$n.log" 2>&1; then
            echo "warning: orgbook build failed on $shape/$n; see $work/check-$shape-$n.log" >&2
            tail -n 20 "$work/check-$shape-$n.log" >&2
            status=1
            continue
        fi
        line=$(python3 - "$RUNS" "$shape" "$n" "$out" "$fout" "$FLOOR" "$hb" "$BIN" <<'PY'
import os, shutil, statistics, subprocess, sys, time
runs, shape, n, out, fout, floor, hb, binary = sys.argv[1:]
runs = int(runs)
cmds = {
    "floor": ([floor, hb, fout], fout),
    "orgbook": ([binary, "build", "--root", hb, "--output", out], out),
}
times = {k: [] for k in cmds}
cpu = {k: [] for k in cmds}
rss = {k: 0 for k in cmds}

def run(name):
    cmd, clean = cmds[name]
    shutil.rmtree(clean, ignore_errors=True)
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    times[name].append(time.perf_counter() - t)
    cpu[name].append(usage.ru_utime + usage.ru_stime)
    rss[name] = max(rss[name], usage.ru_maxrss * 1024)
    if status:
        sys.exit(f"{name} failed with status {status}: {' '.join(cmd)}")

run("floor")  # untimed warm-up of the floor (orgbook's ran in the shell)
times["floor"].clear()
cpu["floor"].clear()
for i in range(runs):
    order = ["floor", "orgbook"] if i % 2 == 0 else ["orgbook", "floor"]
    for name in order:
        run(name)
f, o = statistics.median(times["floor"]), statistics.median(times["orgbook"])
paired = statistics.median(b / a for a, b in zip(times["floor"], times["orgbook"]))
# CPU time (user + system) of each: on a shared machine the wall ratio moves with the
# load, while the CPU each program spends on the same work moves much less.
fc, oc = statistics.median(cpu["floor"]), statistics.median(cpu["orgbook"])
# The largest HTML page the site contains, with its path (data files such as api/*.json
# are exports, not pages).
big, big_path = 0, ""
for d, _, files in os.walk(out):
    for name in files:
        p = os.path.join(d, name)
        s = os.path.getsize(p)
        if name.endswith(".html") and s > big:
            big, big_path = s, os.path.relpath(p, out)
mib = lambda b: b / 1048576
print(f"{shape} {n} {f:.3f} {o:.3f} {o / f:.2f} {paired:.2f} "
      f"{mib(rss['floor']):.0f} {mib(rss['orgbook']):.0f} {big / 1024:.0f} {big_path} "
      f"{fc:.3f} {oc:.3f} {oc / fc:.2f}")
PY
) || { echo "warning: timing $shape/$n failed" >&2; status=1; continue; }
        read -r _ _ fmed omed ratio pratio frss orss bigkb bigpath fcpu ocpu cratio <<<"$line"
        echo "-- $shape/$n: floor ${fmed} s (peak ${frss} MiB), orgbook ${omed} s (peak ${orss} MiB), ratio ${ratio} (paired ${pratio}); CPU ${fcpu} s against ${ocpu} s, ratio ${cratio}; largest page ${bigkb} KB ($bigpath)"
        summary+=("$line")
    done
done

echo
echo "== summary (medians of $RUNS runs each, in alternation; peak = largest max RSS; CPU = user + system)"
printf '%-8s %7s %9s %9s %7s %7s %9s %9s %9s %11s %13s %9s  %s\n' shape pages "floor s" "orgbook s" ratio paired "floor CPU" "orgb. CPU" "CPU ratio" "floor MiB" "orgbook MiB" "max KB" "largest page"
for l in "${summary[@]}"; do
    read -r shape n fmed omed ratio pratio frss orss bigkb bigpath fcpu ocpu cratio <<<"$l"
    printf '%-8s %7s %9s %9s %7s %7s %9s %9s %9s %11s %13s %9s  %s\n' "$shape" "$n" "$fmed" "$omed" "$ratio" "$pratio" "$fcpu" "$ocpu" "$cratio" "$frss" "$orss" "$bigkb" "$bigpath"
done

if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$work"
else
    echo "(handbooks and outputs kept in $work; CLEAN=1 removes them)"
fi
exit $status
