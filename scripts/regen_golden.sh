#!/usr/bin/env bash
# Regenerate tests/golden/example-blog/ from real Jekyll.
#
# The inputs are this repository's own example blog (posts/, layouts/, index.html),
# all written by the jekpy developers.  Jekyll reads posts from _posts/, so the
# script lays the blog out the way Jekyll expects in a temporary folder and runs
# Debian's Jekyll 4.3.1 (`apt-get install jekyll`) on it twice:
#
#   expected/full/          `jekyll build --unpublished` with the real layouts
#   expected/content-only/  the same with every layout replaced by {{ content }}
#
# Never edit the files under expected/ by hand: change the inputs and run this.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/tests/golden/example-blog/expected"
command -v jekyll >/dev/null || { echo "jekyll is not installed (apt-get install jekyll)" >&2; exit 1; }
jekyll --version

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

make_site() {  # $1: folder, $2: "full" or "content-only"
  local dir=$1
  mkdir -p "$dir/_posts" "$dir/_layouts" "$dir/_includes"
  cp "$repo"/posts/*.md "$dir/_posts/"
  cp -r "$repo/layouts/_includes/." "$dir/_includes/"
  cp "$repo/index.html" "$dir/"
  for layout in "$repo"/layouts/*.html; do
    if [ "$2" = full ]; then cp "$layout" "$dir/_layouts/"; else printf '{{ content }}' > "$dir/_layouts/$(basename "$layout")"; fi
  done
  # The repository's _config.yml minus the keys that only point jekpy at posts/ and layouts/.
  grep -v -E '^(posts_dir|layouts_dir|includes_dir):' "$repo/_config.yml" > "$dir/_config.yml"
}

for kind in full content-only; do
  make_site "$tmp/$kind" "$kind"
  (cd "$tmp/$kind" && TZ=UTC LC_ALL=C.UTF-8 JEKYLL_ENV=production jekyll build --unpublished --disable-disk-cache -d "$tmp/$kind-out" >/dev/null)
  rm -rf "${out:?}/$kind"
  mkdir -p "$out/$kind"
  cp -r "$tmp/$kind-out/." "$out/$kind/"
done
echo "wrote $out"
find "$out" -type f | sort
