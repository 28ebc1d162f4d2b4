#!/usr/bin/env python3
"""Paired cold builds of two (or more) orgbook binaries on one handbook: peak memory and CPU.

    python3 benches/pair.py RUNS HANDBOOK BIN_A [BIN_B ...]

Runs each binary RUNS times in alternation (A B, B A, ...) so that the machine's load falls
on both alike, removing the output folder before each run, and prints per binary the median
wall time, the median user+system CPU time and the peak resident memory (getrusage of each
child, as benches/build.sh measures it); with two binaries, the median and range of the
per-pair CPU ratios A/B. Outputs go to $PAIR_OUT (default /dev/shm/orgbook-pair).
"""
import os, shutil, statistics, subprocess, sys, time

if len(sys.argv) < 4:
    sys.exit(__doc__)
runs, hb, bins = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
base = os.environ.get("PAIR_OUT", "/dev/shm/orgbook-pair")
res = {b: [] for b in bins}
for i in range(runs):
    for n, b in (list(enumerate(bins)) if i % 2 == 0 else list(enumerate(bins))[::-1]):
        out = os.path.join(base, f"out-{n}")
        shutil.rmtree(out, ignore_errors=True)
        t = time.perf_counter()
        p = subprocess.Popen([b, "build", "--root", hb, "--output", out],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, u = os.wait4(p.pid, 0)
        res[b].append((time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss / 1024))
        if status:
            sys.exit(f"{b} failed with status {status}")
for b in bins:
    r = res[b]
    print(f"{b}: wall {statistics.median(x[0] for x in r):.2f} s, "
          f"cpu {statistics.median(x[1] for x in r):.2f} s, "
          f"peak {max(x[2] for x in r):.0f} MiB (runs: {[round(x[2]) for x in r]})")
if len(bins) == 2:
    ratios = sorted(x[1] / y[1] for x, y in zip(res[bins[0]], res[bins[1]]))
    print(f"cpu A/B: median {statistics.median(ratios):.3f}, range {ratios[0]:.3f}-{ratios[-1]:.3f}")
