#!/usr/bin/env bash
# same_output.sh OLD_BIN NEW_BIN: whether two orgbook binaries build the same sites.
#
# For a change meant to keep behaviour (a refactor, a speed-up), builds with both binaries
# and compares, byte for byte, the output folders and the diagnostics (timings and output
# paths left out) of: the bundled example (content/), every fixture under tests/fixtures/
# with an orgbook.toml, the sites benches/adopt_sites.sh fetched (ADOPT_DIR, when there),
# and the 10,000-page teams handbook of benches/build.sh (HB, when there). Prints each
# handbook that differs and exits 1 if any does.
set -uo pipefail
[ $# -eq 2 ] || { sed -n '2,10p' "$0"; exit 2; }
old=$1; new=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ADOPT_DIR=${ADOPT_DIR:-/dev/shm/orgbook-adopt}
HB=${HB:-/dev/shm/orgbook-bench/hb-teams-10000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
differ=0; checked=0
same() { # handbook folder
    local dir=$1 side
    for side in old new; do
        local bin=$old; [ $side = new ] && bin=$new
        (cd "$dir" && "$bin" build --output "$work/$side" >"$work/$side.log" 2>&1)
        echo "exit=$?" >>"$work/$side.log"
        sed -i -E "s|$work/$side|OUT|g; s/ in [0-9.]+ m?s\$//" "$work/$side.log"
    done
    checked=$((checked + 1))
    local outputs_differ=0
    if [ -e "$work/old" ] || [ -e "$work/new" ]; then
        diff -rq "$work/old" "$work/new" >/dev/null 2>&1 || outputs_differ=1
    fi
    if ! cmp -s "$work/old.log" "$work/new.log" || [ $outputs_differ = 1 ]; then
        echo "differs: $dir"; differ=1
    fi
    rm -rf "$work/old" "$work/new"
}
for dir in "$here" "$here"/tests/fixtures/*/ "$ADOPT_DIR"/*/ "$HB"; do
    [ -f "$dir/orgbook.toml" ] && same "${dir%/}"
done
echo "$checked handbooks built with both binaries; $([ $differ = 0 ] && echo 'all the same' || echo 'some differ')"
exit $differ
