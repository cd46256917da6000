#!/bin/sh
# Rebuild tests/compat/golden/<case>/expected with real Jekyll 4.3.1 (Debian's `jekyll`).
#
# The cases are small sites written for the behaviours issue 14 found on real sites
# (kramdown line numbers, header ids, `include /path`, scssify/sassify, invalid front
# matter, collection order, jekyll-gist offline, robots.txt content, drop key order, plugin pages in Liquid, YAML anchors; keyword-named variables in tags, numeric dates, dates in free text, YAML symbols, Gemfile plugins, archive defaults, redirect_to: false).  Each case's site/ is copied to a temporary folder, every
# file gets the same modification time (2024-01-01 00:00:00 UTC, which the test sets
# too), and Jekyll builds it with
#   TZ=UTC LC_ALL=C.UTF-8 JEKYLL_ENV=production jekyll build --disable-disk-cache
# site.time is fixed by `time:` in every case's _config.yml.  Jekyll's log (with the
# temporary paths replaced by SITE) goes to <case>/jekyll.log.
# The gist-* cases must be made without network (as they were): jekyll-gist's output
# then carries the logger's return value instead of the fetched code.
# Never edit expected/ by hand: rerun this script.
# Usage: scripts/regen_compat_golden.sh [CASE...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
golden="$root/tests/compat/golden"
command -v jekyll >/dev/null || { echo "jekyll is not installed" >&2; exit 1; }
if [ $# -eq 0 ]; then
    set -- $(cd "$golden" && ls -d */ | tr -d /)
fi
for case in "$@"; do
    dir="$golden/$case"
    [ -d "$dir/site" ] || { echo "no such case: $case" >&2; exit 1; }
    tmp=$(mktemp -d)
    cp -r "$dir/site" "$tmp/site"
    find "$tmp/site" -exec touch -h -d "2024-01-01 00:00:00 UTC" {} +
    rm -rf "$dir/expected"
    (cd "$tmp/site" && TZ=UTC LC_ALL=C.UTF-8 JEKYLL_ENV=production \
        jekyll build --disable-disk-cache -s . -d "$tmp/out") > "$dir/jekyll.log" 2>&1 \
        || { cat "$dir/jekyll.log"; rm -rf "$tmp"; exit 1; }
    sed -i "s|$tmp/site|SITE|g; s|$tmp/out|OUT|g; s|$dir|CASE|g" "$dir/jekyll.log"
    cp -r "$tmp/out" "$dir/expected"
    rm -rf "$tmp"
    echo "$case: $(find "$dir/expected" -type f | wc -l) files"
done
