#!/bin/sh
# Rebuild tests/plugins/golden/<case>/expected with real Jekyll.
#
# Needs Debian's jekyll 4.3.1 and the plugin packages:
#   apt-get install jekyll ruby-jekyll-feed ruby-jekyll-seo-tag ruby-jekyll-sitemap \
#     ruby-jekyll-redirect-from ruby-jekyll-include-cache ruby-jekyll-optional-front-matter \
#     ruby-jekyll-titles-from-headings ruby-jekyll-default-layout ruby-jekyll-relative-links \
#     ruby-jekyll-gist
# Each case's site/ is copied to a temporary folder, every file gets the same
# modification time (2024-01-01 00:00:00 UTC, which the tests also set, since
# sitemaps print static files' times) and Jekyll builds it with
#   TZ=UTC LC_ALL=C.UTF-8 JEKYLL_ENV=production jekyll build --disable-disk-cache
# site.time is fixed by `time:` in every case's _config.yml.  Jekyll's log goes to
# <case>/jekyll.log.  Usage: scripts/regen_plugins_golden.sh [CASE...]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
golden="$root/tests/plugins/golden"
if [ $# -eq 0 ]; then
    set -- $(cd "$golden" && ls -d */ | tr -d /)
fi
for case in "$@"; do
    dir="$golden/$case"
    tmp=$(mktemp -d)
    cp -r "$dir/site" "$tmp/site"
    find "$tmp/site" -exec touch -h -d "2024-01-01 00:00:00 UTC" {} +
    rm -rf "$dir/expected"
    (cd "$tmp/site" && TZ=UTC LC_ALL=C.UTF-8 JEKYLL_ENV=production \
        jekyll build --disable-disk-cache -s . -d "$dir/expected") > "$dir/jekyll.log" 2>&1 \
        || { cat "$dir/jekyll.log"; rm -rf "$tmp"; exit 1; }
    sed -i "s|$tmp/site|SITE|g; s|$dir|CASE|g" "$dir/jekyll.log"
    rm -rf "$tmp"
    echo "$case: $(find "$dir/expected" -type f | wc -l) files"
done
