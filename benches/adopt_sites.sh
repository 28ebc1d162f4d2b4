#!/usr/bin/env bash
# Real documentation sites moved into orgbook the way a user would: each project's source
# release (from the Python package index, with its Sphinx, MkDocs or Zensical docs) is
# unpacked into a git repository, `orgbook init` is run, its `git mv` advice followed,
# `orgbook init` run again, and the site checked. Prints, per site, the pages built and
# the diagnostics by code and message, so a change's effect on content nobody wrote for
# orgbook is a number (docs/performance.md, "Eighth session", has the last figures).
# Not a test: it needs the package index, and the figures move with the releases pinned.
#
#   bash benches/adopt_sites.sh BIN [SITE...]     (default: every site below)
#
# Environment: BENCH_DIR (default /dev/shm/orgbook-adopt), TOP=8 (messages listed per site).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$here/common.sh"
bench_workdir orgbook-adopt
TOP=${TOP:-8}
[ $# -ge 1 ] || { sed -n '2,13p' "$0"; exit 2; }
bin=$(realpath "$1")
shift
[ -x "$bin" ] || { echo "error: $bin is not an executable" >&2; exit 2; }

# name=release: Sphinx with MyST (pip, black, attrs, furo, structlog, pydata-sphinx-theme),
# mystmd (jupyter-book), MkDocs (starlette, hatch), Zensical (griffe, mkdocstrings).
all=(pip=26.3 black=26.10.1 attrs=26.1.0 furo=2025.12.19 structlog=26.1.0
    pydata-sphinx-theme=0.24.0 jupyter-book=2.1.7 starlette=1.10.0 hatch=1.18.2 griffe=2.4.1
    mkdocstrings=1.0.8)
sites=("$@")
[ ${#sites[@]} -gt 0 ] || sites=("${all[@]}")

mkdir -p "$work/sdist"
for site in "${sites[@]}"; do
    name=${site%%=*}
    version=${site#*=}
    [ "$version" != "$site" ] || version=$(printf '%s\n' "${all[@]}" | sed -n "s/^$name=//p")
    archive=$(ls "$work/sdist/"*.tar.gz 2>/dev/null | grep -i "/${name//-/[-_]}-$version.tar.gz$" | head -1)
    if [ -z "$archive" ]; then
        pip download --quiet --no-deps --no-binary :all: -d "$work/sdist" "$name==$version" >/dev/null 2>&1 ||
            { echo "== $name $version: download failed (is the package index reachable?)"; continue; }
        archive=$(ls "$work/sdist/"*.tar.gz | grep -i "/${name//-/[-_]}-$version.tar.gz$" | head -1)
    fi
    repo=$work/$name
    rm -rf "$repo" && mkdir -p "$repo"
    tar xzf "$archive" -C "$repo" --strip-components=1
    (
        cd "$repo" || exit 1
        git init -q && git add -A && git -c user.email=bench@example.invalid -c user.name=bench commit -qm release
        said=$("$bin" init 2>&1)
        move=$(printf '%s\n' "$said" | grep -o 'git mv [^`]*' | head -1)
        [ -z "$move" ] || { $move && said=$("$bin" init 2>&1); }
        printf '\n[links]\nbroken = "warn"\n' >>orgbook.toml
        echo "== $name $version: $(printf '%s\n' "$said" | tail -1 | cut -c1-110)"
        "$bin" build 2>&1 | tail -1 | cut -c1-120
        "$bin" check --format json 2>/dev/null | python3 -c '
import collections, json, sys
top = int(sys.argv[1])
ds = [json.loads(l) for l in sys.stdin if l.strip()]
codes = collections.Counter(d["severity"] + " " + d["code"] for d in ds if d["severity"] != "finding")
print("   by code:", ", ".join(f"{k} {v}" for k, v in codes.most_common()) or "none")
msgs = collections.Counter(d["message"][:72] for d in ds if d["severity"] != "finding")
for m, n in msgs.most_common(top):
    print(f"   {n:4d}  {m}")
' "$TOP"
    )
done
echo "(sites kept in $work; rm -rf it when done)"
