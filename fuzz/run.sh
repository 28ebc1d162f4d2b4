#!/usr/bin/env bash
# Runs every cargo-fuzz target for a given time each and prints the executions per target.
#
#   bash fuzz/run.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, every target)
#
# Needs a nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`). One job per target
# (-jobs=1): the machines are shared. Corpora live in fuzz/corpus/<target>/ (seeded from
# fuzz/seeds/<target>/); crashes land in fuzz/artifacts/<target>/ and each one becomes a
# regression test in tests/suite/ before it is fixed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$here"
secs=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(front_matter link_rewrite adr_import handbook)
fi
total=0
for t in "${targets[@]}"; do
    mkdir -p "corpus/$t"
    if [ -d "seeds/$t" ]; then cp -n seeds/"$t"/* "corpus/$t/" 2>/dev/null || true; fi
    log=$(mktemp)
    cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time="$secs" -jobs=1 -workers=1 \
        -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 >"$log" 2>&1 || {
        echo "$t: FAILED (see $log)"; tail -30 "$log"; exit 1; }
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    echo "$t: ${runs:-?} executions in ${secs} s, no crash"
    total=$((total + ${runs:-0}))
    rm -f "$log"
done
echo "total: $total executions ($(date -u +%Y-%m-%d))"
