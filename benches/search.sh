#!/usr/bin/env bash
# Search benchmark for orgbook: index size, bytes per query, query latency in headless
# Chromium. Not a test: it prints figures (docs/performance.md, "Search", has the last ones).
#
#   bash benches/search.sh [PAGES...]          (default: 1000 10000)
#
# For each size: generate a synthetic handbook with gen_handbook.py, build it with the
# release binary, then run search_bench.py on all the outputs (one Chromium session).
#
# Environment:
#   SEED=1            generator seed
#   BENCH_DIR=/dev/shm/orgbook-search-bench   where handbooks and outputs go
#   ORGBOOK_BIN=...   binary to use (default: target/release/orgbook, built first)
#   NO_BUILD=1        skip `cargo build --release`
#   REPEAT=1          times to run the latency query set per site
#   PER_KIND=20       latency queries of each kind (team, owns, ADR, two words, prefix)
#   MARKDOWN=FILE     also write the figures as Markdown tables to FILE
#   CHROMIUM, CHROMEDRIVER   paths, if not chromium / chromedriver on PATH
#   PAGEFIND=1        also index each output with Pagefind (the `pagefind` npm package,
#                     installed into BENCH_DIR/pagefind-tool) and compare: time to first
#                     results and bytes, side by side; PAGEFIND=0 skips it
#   LATENCY=MS        also run the side by side with every request delayed MS ms
#                     (Chromium's network emulation: a host across a real network)
#   CARGO=cargo       cargo command to use
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")

SEED=${SEED:-1}
CARGO=${CARGO:-cargo}
BIN=${ORGBOOK_BIN:-$repo/target/release/orgbook}
REPEAT=${REPEAT:-1}
PER_KIND=${PER_KIND:-20}

. "$here/common.sh"
bench_workdir orgbook-search-bench
bench_sizes "$@"

if [ "${NO_BUILD:-0}" != 1 ] && [ -z "${ORGBOOK_BIN:-}" ]; then
    echo "-- cargo build --release"
    (cd "$repo" && $CARGO build --release --quiet)
fi
[ -x "$BIN" ] || { echo "error: $BIN not found or not executable" >&2; exit 2; }

mkdir -p "$work"
echo "== orgbook search benchmark: sizes ${sizes[*]}, seed $SEED, dir $work"
echo "   commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"

outs=()
for n in "${sizes[@]}"; do
    hb="$work/hb-$n"
    out="$work/out-$n"
    python3 "$here/gen_handbook.py" "$hb" --pages "$n" --seed "$SEED" --force -q
    rm -rf "$out"
    if ! "$BIN" build --root "$hb" --output "$out" >"$work/build-$n.log" 2>&1; then
        echo "error: orgbook build failed on $n pages; last lines of $work/build-$n.log:" >&2
        tail -n 20 "$work/build-$n.log" >&2
        exit 1
    fi
    echo "-- $n pages: $(tail -n 1 "$work/build-$n.log")"
    if [ "${PAGEFIND:-1}" = 1 ]; then
        tool="$work/pagefind-tool"
        if [ ! -x "$tool/node_modules/.bin/pagefind" ]; then
            mkdir -p "$tool"
            (cd "$tool" && npm install --no-audit --no-fund --silent pagefind@1) ||
                { echo "error: npm install pagefind failed (PAGEFIND=0 skips it)" >&2; exit 1; }
        fi
        start=$(date +%s.%N)
        "$tool/node_modules/.bin/pagefind" --site "$out" >"$work/pagefind-$n.log" 2>&1 ||
            { echo "error: pagefind failed; see $work/pagefind-$n.log" >&2; exit 1; }
        echo "-- $n pages: Pagefind indexed the site in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
    fi
    outs+=("$out")
done

args=(--repeat "$REPEAT" --per-kind "$PER_KIND")
[ -n "${LATENCY:-}" ] && args+=(--latency "$LATENCY")
[ -n "${MARKDOWN:-}" ] && args+=(--markdown "$MARKDOWN")
python3 "$here/search_bench.py" "${outs[@]}" "${args[@]}"
echo "(handbooks and outputs kept in $work; rm -rf it when done)"
