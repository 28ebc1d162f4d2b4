#!/usr/bin/env bash
# Cold-build benchmark for orgbook.
#
#   bash benches/build.sh [PAGES...]          (default: 1000 10000)
#
# For each size: generate a synthetic handbook into tmpfs, time `cat` of all
# its Markdown files (the I/O "floor"), then time
# `orgbook build --root <handbook> --output <out>` RUNS times, deleting the
# output directory before every run (outside the timed region).
#
# Environment:
#   RUNS=7            timed runs per size (one extra untimed check run first)
#   SEED=1            generator seed
#   BENCH_DIR=/dev/shm/orgbook-bench   where handbooks and outputs go
#   ORGBOOK_BIN=...   binary to time (default: target/release/orgbook)
#   NO_BUILD=1        skip `cargo build --release`
#   GEN_ONLY=1        only generate + floor; no cargo, no orgbook
#   NO_HYPERFINE=1    use the built-in timing loop even if hyperfine exists
#   CLEAN=1           delete BENCH_DIR at the end
#   CARGO=cargo       cargo command to use
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
gen="$here/gen_handbook.py"

RUNS=${RUNS:-7}
SEED=${SEED:-1}
CARGO=${CARGO:-cargo}
BIN=${ORGBOOK_BIN:-$repo/target/release/orgbook}

if [ -n "${BENCH_DIR:-}" ]; then
    work=$BENCH_DIR
elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
    work=/dev/shm/orgbook-bench
else
    work=${TMPDIR:-/tmp}/orgbook-bench
    echo "warning: /dev/shm not writable, using $work (not tmpfs: timings include disk I/O)" >&2
fi

sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
for n in "${sizes[@]}"; do
    case $n in
        '' | *[!0-9]*) echo "error: page count must be a positive integer, got '$n'" >&2; exit 2 ;;
    esac
    if [ "$n" -lt 5 ]; then echo "error: page count must be at least 5" >&2; exit 2; fi
done
case $RUNS in '' | *[!0-9]* | 0) echo "error: RUNS must be a positive integer" >&2; exit 2 ;; esac
command -v python3 >/dev/null || { echo "error: python3 is required" >&2; exit 2; }

mkdir -p "$work" || exit 2
status=0

# time_loop RUNS CLEAN_DIR CMD... -> prints "median min max" (seconds).
# CLEAN_DIR (may be empty) is removed before each run, outside the timing.
time_loop() {
    python3 - "$@" <<'PY'
import shutil, statistics, subprocess, sys, time
runs, clean, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
ts = []
for _ in range(runs):
    if clean:
        shutil.rmtree(clean, ignore_errors=True)
    t = time.perf_counter()
    r = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    ts.append(time.perf_counter() - t)
    if r.returncode:
        sys.exit(f"command failed with exit code {r.returncode}: {' '.join(cmd)}")
print(f"{statistics.median(ts):.3f} {min(ts):.3f} {max(ts):.3f}")
PY
}

# hyperfine_stats JSON -> "median min max"
hyperfine_stats() {
    python3 - "$1" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
ts = r.get("times") or [r["mean"]]
med = r.get("median", statistics.median(ts))
print(f"{med:.3f} {r.get('min', min(ts)):.3f} {r.get('max', max(ts)):.3f}")
PY
}

human() { # bytes -> "12.3 MB"
    awk -v b="$1" 'BEGIN { if (b >= 1048576) printf "%.1f MB", b/1048576; else printf "%.1f kB", b/1024 }'
}

echo "== orgbook cold-build benchmark"
echo "   sizes: ${sizes[*]}   runs: $RUNS   seed: $SEED   dir: $work"
echo "   machine: $(nproc 2>/dev/null || echo '?') cpus, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

# 1. Generate handbooks -------------------------------------------------------
declare -A gen_s in_bytes in_files
for n in "${sizes[@]}"; do
    hb="$work/hb-$n"
    start=$(date +%s.%N)
    if ! python3 "$gen" "$hb" --pages "$n" --seed "$SEED" --force -q; then
        echo "error: generating $n pages failed" >&2
        exit 1
    fi
    end=$(date +%s.%N)
    gen_s[$n]=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    in_bytes[$n]=$(du -sb "$hb/content" | cut -f1)
    in_files[$n]=$(find "$hb/content" -name '*.md' | wc -l)
    echo "-- generated $hb: ${in_files[$n]} Markdown files, $(human "${in_bytes[$n]}"), ${gen_s[$n]} s"
done

# 2. Build orgbook -------------------------------------------------------------
have_bin=0
if [ "${GEN_ONLY:-0}" = 1 ]; then
    echo "-- GEN_ONLY=1: skipping cargo build and orgbook runs"
else
    if [ "${NO_BUILD:-0}" != 1 ] && [ -z "${ORGBOOK_BIN:-}" ]; then
        echo "-- cargo build --release"
        if ! (cd "$repo" && $CARGO build --release); then
            echo "warning: cargo build --release failed; only generation and floor are measured" >&2
            echo "         (not timing $BIN: it would be a stale binary)" >&2
            status=1
            build_failed=1
        fi
    fi
    if [ "${build_failed:-0}" = 1 ]; then
        :
    elif [ -x "$BIN" ]; then
        have_bin=1
    else
        echo "warning: $BIN not found or not executable; skipping orgbook runs" >&2
        status=1
    fi
fi

use_hyperfine=0
if [ "$have_bin" = 1 ] && [ "${NO_HYPERFINE:-0}" != 1 ] && command -v hyperfine >/dev/null; then
    use_hyperfine=1
fi

# 3. Measure ----------------------------------------------------------------
declare -A floor build out_bytes out_files
for n in "${sizes[@]}"; do
    hb="$work/hb-$n"
    out="$work/out-$n"
    # floor: read every Markdown file once
    floor[$n]=$(time_loop "$RUNS" "" sh -c 'find "$1" -name "*.md" -print0 | xargs -0 cat > /dev/null' sh "$hb/content") || floor[$n]="n/a"
    echo "-- $n pages: floor (cat all .md) median/min/max: ${floor[$n]} s"

    [ "$have_bin" = 1 ] || continue
    # untimed check run (doubles as warm-up); show why it failed
    rm -rf "$out"
    if ! "$BIN" build --root "$hb" --output "$out" >"$work/check-$n.log" 2>&1; then
        echo "warning: orgbook build failed on $n pages; last lines of $work/check-$n.log:" >&2
        tail -n 20 "$work/check-$n.log" >&2
        build[$n]="FAILED"
        status=1
        continue
    fi
    if [ "$use_hyperfine" = 1 ]; then
        cmd="$(printf '%q' "$BIN") build --root $(printf '%q' "$hb") --output $(printf '%q' "$out")"
        if hyperfine --style basic --runs "$RUNS" --warmup 0 \
            --prepare "rm -rf $(printf '%q' "$out")" \
            --export-json "$work/hyperfine-$n.json" --command-name "orgbook build ($n pages)" "$cmd" >&2; then
            build[$n]=$(hyperfine_stats "$work/hyperfine-$n.json")
        else
            build[$n]="FAILED"; status=1
        fi
    else
        build[$n]=$(time_loop "$RUNS" "$out" "$BIN" build --root "$hb" --output "$out") || { build[$n]="FAILED"; status=1; }
    fi
    if [ -d "$out" ]; then
        out_bytes[$n]=$(du -sb "$out" | cut -f1)
        out_files[$n]=$(find "$out" -type f | wc -l)
    fi
    echo "-- $n pages: orgbook build median/min/max: ${build[$n]} s"
done

# 4. Summary ------------------------------------------------------------------
echo
echo "== summary (seconds; RUNS=$RUNS$([ "$use_hyperfine" = 1 ] && echo ', hyperfine'))"
printf '%8s %8s %10s %22s %24s %10s %7s\n' pages gen input "floor med/min/max" "build med/min/max" output files
for n in "${sizes[@]}"; do
    b=${build[$n]:-skipped}
    ob=${out_bytes[$n]:-}
    printf '%8s %8s %10s %22s %24s %10s %7s\n' "$n" "${gen_s[$n]}" "$(human "${in_bytes[$n]}")" \
        "${floor[$n]// //}" "${b// //}" "$([ -n "$ob" ] && human "$ob" || echo -)" "${out_files[$n]:--}"
done

if [ "${CLEAN:-0}" = 1 ]; then
    rm -rf "$work"
else
    echo "(handbooks and outputs kept in $work; CLEAN=1 removes them)"
fi
exit $status
