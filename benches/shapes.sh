#!/usr/bin/env bash
# Growth benchmark: does any step grow faster than its input? (issue 14: "no quadratic steps,
# on any input").
#
#   bash benches/shapes.sh [N...]        (default: 2000 8000)
#
# For each shape of benches/gen_shapes.py (one group of N teams with one person in all of
# them, a supersession chain of N records, N deciders on every proposal, N teams in 30-level
# chains, N records linking to one page, a page of N headings that N records link into,
# N misspelled team names, an MDX page of N tab tags, N abbreviations; see gen_shapes.py)
# and each N: generate the handbook into tmpfs, time
# `orgbook build` RUNS times, and print the median wall time. For the largest and smallest N,
# it prints the growth exponent log(t2/t1) / log(N2/N1): about 1 for a linear build, 2 for a
# quadratic one. Exponents over 1.3 are marked. The fixed start-up cost (~50 ms) pulls small
# builds' exponents below 1, so compare shapes with the same N. Under each shape it also
# prints the largest page and the largest org-map file of the largest build: no page should
# grow with N.
#
# Environment: RUNS=3, BENCH_DIR=/dev/shm/orgbook-shapes, ORGBOOK_BIN (default
# target/release/orgbook, built unless NO_BUILD=1), SHAPES="onegroup supersede deciders chains backlinks oneline codeowners anchors typos mdx abbr".
# The `typos` shape's build fails on purpose (its errors are what it measures).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname "$here")
RUNS=${RUNS:-3}
SHAPES=${SHAPES:-onegroup supersede deciders chains backlinks oneline codeowners anchors typos mdx abbr}
BIN=${ORGBOOK_BIN:-$repo/target/release/orgbook}

. "$here/common.sh"
bench_workdir orgbook-shapes
bench_positive RUNS
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(2000 8000)

if [ "${NO_BUILD:-0}" != 1 ] && [ -z "${ORGBOOK_BIN:-}" ]; then
    (cd "$repo" && cargo build --release --bin orgbook) || { echo "error: cargo build --release failed" >&2; exit 1; }
fi

echo "== orgbook build time against the size of one relation"
echo "   sizes: ${sizes[*]}   runs: $RUNS   commit $(cd "$repo" && git rev-parse --short HEAD 2>/dev/null), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "   machine: $(nproc) cpus, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s' shape; for n in "${sizes[@]}"; do printf '%12s' "N=$n"; done; printf '%10s\n' exponent
status=0
for shape in $SHAPES; do
    printf '%-10s' "$shape"
    times=()
    for n in "${sizes[@]}"; do
        hb="$work/$shape-$n"
        python3 "$here/gen_shapes.py" "$hb" "$shape" "$n" || exit 2
        t=$(python3 - "$BIN" "$hb" "$work/out" "$RUNS" "$shape" <<'PY'
import shutil, statistics, subprocess, sys, time
bin_, hb, out, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
fails = sys.argv[5] == "typos"
ts = []
for _ in range(runs):
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    p = subprocess.run([bin_, "build", "--root", hb, "--output", out],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    ts.append(time.perf_counter() - t)
    if fails and (p.returncode != 1 or b"did you mean" not in p.stderr):
        sys.exit(f"build of {hb} did not fail with its errors:\n{p.stderr.decode()[-2000:]}")
    if p.returncode and not fails:
        sys.exit(f"build of {hb} failed:\n{p.stderr.decode()[-2000:]}")
print(f"{statistics.median(ts):.3f}")
PY
) || { echo; echo "error: $shape N=$n failed" >&2; status=1; continue 2; }
        times+=("$t")
        printf '%11ss' "$t"
        # The largest page and org-map file of the last (largest) build: neither should
        # grow with N.
        largest=$(find "$work/out" 2>/dev/null -type f -name '*.html' -printf '%P (%s bytes)\t%s\n' | sort -t$'\t' -k2n | tail -1 | cut -f1)
        largest_om=$(find "$work/out/orgmap" -type f -printf '%P (%s bytes)\t%s\n' 2>/dev/null | sort -t$'\t' -k2n | tail -1 | cut -f1)
    done
    python3 - "${sizes[0]}" "${sizes[-1]}" "${times[0]}" "${times[-1]}" <<'PY'
import math, sys
n1, n2, t1, t2 = map(float, sys.argv[1:])
e = math.log(t2 / t1) / math.log(n2 / n1) if n2 != n1 else float("nan")
print(f"{e:10.2f}" + ("  <- grows faster than its input" if e > 1.3 else ""))
PY
    printf '%-10s  at N=%s, largest page: %s; largest file in orgmap/: %s\n' "" "${sizes[-1]}" "$largest" "$largest_om"
done
rm -rf "$work/out"
exit $status
