#!/bin/sh
# Regenerate tests/site/golden/<case>/expected with real Jekyll 4.3.1.
#
# Each case's site/ folder is copied to a scratch directory and built with
#   TZ=UTC JEKYLL_ENV=production jekyll build
# (plus the flags in site/.jekyll-flags, if present); the resulting _site/ becomes
# expected/.  Files a case marks in site/.mtimes ("<path> <touch -d date>") get that
# modification time first (drafts are dated by mtime).  A site/.dest-before/ folder
# is copied to the destination first (an earlier build's output, for cleaning).
#
# Usage: scripts/regen_site_golden.sh [CASE...]     (default: every case)
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
golden="$here/tests/site/golden"
command -v jekyll >/dev/null || { echo "jekyll is not installed" >&2; exit 1; }
cases=${*:-$(ls "$golden")}
for case in $cases; do
    src="$golden/$case/site"
    [ -d "$src" ] || { echo "no such case: $case" >&2; exit 1; }
    work=$(mktemp -d)
    cp -a "$src" "$work/site"
    if [ -f "$work/site/.mtimes" ]; then
        while read -r path date; do
            [ -n "$path" ] && touch -d "$date" "$work/site/$path"
        done < "$work/site/.mtimes"
    fi
    # A destination left by an earlier build (to test cleaning and keep_files).
    if [ -d "$work/site/.dest-before" ]; then
        cp -a "$work/site/.dest-before" "$work/out"
    fi
    flags=""
    [ -f "$work/site/.jekyll-flags" ] && flags=$(cat "$work/site/.jekyll-flags")
    # shellcheck disable=SC2086
    (cd "$work/site" && TZ=UTC JEKYLL_ENV=production LC_ALL=C.UTF-8 \
        jekyll build -s . -d "$work/out" $flags > "$work/log" 2>&1) || {
        cat "$work/log" >&2; echo "jekyll failed on $case" >&2; exit 1; }
    rm -rf "$golden/$case/expected"
    cp -a "$work/out" "$golden/$case/expected"
    rm -rf "$work"
    echo "regenerated $case"
done
