# Shared by the benchmark scripts (build.sh, rebuild.sh, search.sh): where handbooks and
# outputs go, and the checks of the page counts and numeric settings. Sourced, not run.

# bench_workdir NAME: sets `work` to $BENCH_DIR, else /dev/shm/NAME (tmpfs, so timings
# leave the disk out), else ${TMPDIR:-/tmp}/NAME with a warning; creates it.
bench_workdir() {
    if [ -n "${BENCH_DIR:-}" ]; then
        work=$BENCH_DIR
    elif [ -d /dev/shm ] && [ -w /dev/shm ]; then
        work=/dev/shm/$1
    else
        work=${TMPDIR:-/tmp}/$1
        echo "warning: /dev/shm not writable, using $work (not tmpfs: timings include disk I/O)" >&2
    fi
    mkdir -p "$work" || exit 2
}

# bench_sizes [PAGES...]: sets the array `sizes` to the page counts given (default: 1000
# 10000), each a whole number of at least 5; also checks that python3 is there (the
# handbook generator needs it).
bench_sizes() {
    sizes=("$@")
    [ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)
    for n in "${sizes[@]}"; do
        case $n in
            '' | *[!0-9]*) echo "error: page count must be a positive integer, got '$n'" >&2; exit 2 ;;
        esac
        if [ "$n" -lt 5 ]; then echo "error: page count must be at least 5" >&2; exit 2; fi
    done
    command -v python3 >/dev/null || { echo "error: python3 is required" >&2; exit 2; }
}

# bench_positive VAR...: each named variable must hold a positive whole number.
bench_positive() {
    local v
    for v in "$@"; do
        case ${!v} in '' | *[!0-9]* | 0) echo "error: $v must be a positive integer" >&2; exit 2 ;; esac
    done
}
