#!/usr/bin/env python3
"""Save-to-reload latency of ``jekpy serve``.

For each site, start ``jekpy serve`` (a separate process, on a free loopback port),
then repeat: connect to the live-reload stream as the injected script does, append a
line to one post, and time from just before the write until the ``reload`` event
arrives (the moment the browser would reload; the new page is on disk by then).
After each run the edited page is fetched to check that it has the new text.

Sites:

* a copy of the lil-log corpus (``../shared/corpus/lil-log/src`` by default);
* a generated site of ``--posts`` posts (1,000 by default).

Each site is measured twice: editing a post in the middle of ``_posts``, then
(served with ``--drafts``) editing a new draft, whose date is its file's time and
so changes with every save (``--skip-drafts`` leaves that out).

Usage::

    python benchmarks/serve_latency.py                # both sites
    python benchmarks/serve_latency.py --runs 5 --posts 200 --skip-lil-log
    python benchmarks/serve_latency.py --json results.json

Prints p50/p95 (nearest rank), min and max per site, plus the server's own build
time ("...done in") for comparison. Runs on 127.0.0.1 only, and stops by itself.
"""

from __future__ import annotations

import argparse
import html
import http.client
import json
import math
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
DEFAULT_LIL_LOG = REPO.parent / "shared" / "corpus" / "lil-log" / "src"
LIVERELOAD_PATH = "/__jekpy/livereload"
TIMEOUT = 120.0


# -- a generated site ---------------------------------------------------------------------
WORDS = ["site", "page", "post", "draft", "build", "render", "liquid", "layout", "include", "markdown", "kramdown", "jekyll", "python", "server", "browser", "reload", "change", "file", "folder", "config", "date", "title", "tag", "category", "the", "a", "of", "to", "and", "in", "is", "it", "that", "for", "on", "with", "as", "by", "this", "from", "at"]


def _sentence(rng: random.Random, n: int) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def generate_site(dest: Path, posts: int, seed: int = 7) -> Path:
    """A Jekyll site with ``posts`` posts, layouts, an include and a full index."""
    rng = random.Random(seed)
    (dest / "_posts").mkdir(parents=True)
    (dest / "_layouts").mkdir()
    (dest / "_includes").mkdir()
    (dest / "_config.yml").write_text(
        "title: Generated benchmark blog\nurl: http://localhost:4000\nbaseurl: \"\"\n"
        "permalink: /:categories/:year/:month/:day/:title.html\n"
    )
    (dest / "_includes" / "meta.html").write_text(
        '<p class="meta">{{ page.date | date: "%b %-d, %Y" }}'
        "{% for tag in page.tags %} · {{ tag }}{% endfor %}</p>\n"
    )
    (dest / "_layouts" / "default.html").write_text(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>{{ page.title | default: site.title | escape }}</title>\n</head>\n<body>\n"
        '<header><a href="{{ "/" | relative_url }}">{{ site.title }}</a></header>\n'
        "{{ content }}\n</body>\n</html>\n"
    )
    (dest / "_layouts" / "post.html").write_text(
        "---\nlayout: default\n---\n<article>\n<h1>{{ page.title | escape }}</h1>\n"
        "{% include meta.html %}\n{{ content }}\n</article>\n"
        '{% if page.previous %}<a href="{{ page.previous.url | relative_url }}">'
        "{{ page.previous.title }}</a>{% endif %}\n"
    )
    (dest / "index.html").write_text(
        "---\nlayout: default\ntitle: All posts\n---\n<ul>\n{% for post in site.posts %}"
        '<li><a href="{{ post.url | relative_url }}">{{ post.title }}</a> '
        "{{ post.date | date_to_string }}</li>\n{% endfor %}</ul>\n"
    )
    for i in range(posts):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        year = 2015 + i // (28 * 12)
        title = f"Post {i}: " + _sentence(rng, 4).rstrip(".")
        tags = sorted({rng.choice(WORDS[:20]) for _ in range(3)})
        body = [f"## {_sentence(rng, 3).rstrip('.')}", "", _sentence(rng, 30), ""]
        body += [f"- {_sentence(rng, 6)}" for _ in range(4)] + [""]
        body += ["```python", f"def post_{i}(x):", "    return x * 2", "```", ""]
        body += [_sentence(rng, 40) + " See [the index]({{ '/' | relative_url }}).", ""]
        text = (
            f"---\nlayout: post\ntitle: \"{title}\"\ntags: [{', '.join(tags)}]\n"
            f"categories: [{rng.choice(['notes', 'tools', 'essays'])}]\n---\n"
            + "\n".join(body)
        )
        (dest / "_posts" / f"{year}-{month:02d}-{day:02d}-post-{i}.md").write_text(text)
    return dest


# -- driving jekpy serve -----------------------------------------------------------------------
class Served:
    """``jekpy serve`` running on a copy of a site, its output collected."""

    def __init__(self, site: Path, drafts: bool = False) -> None:
        self.site = site
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "jekpy", "serve", "-s", str(site), "-P", "0"]
            + (["--drafts"] if drafts else []),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self.lines: list[str] = []
        self.url = ""
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        if not self._ready.wait(600) or not self.url:
            self.close()
            raise RuntimeError("jekpy serve did not start:\n" + "".join(self.lines[-40:]))
        parts = urlsplit(self.url)
        self.host = parts.hostname or "127.0.0.1"
        self.port = int(parts.port or 80)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)
            m = re.search(r"Server address: (\S+)", line)
            if m:
                self.url = m.group(1)
                self._ready.set()
        self._ready.set()

    def build_times(self) -> list[float]:
        return [float(m.group(1)) for line in self.lines
                if (m := re.search(r"\.\.\.done in ([\d.]+) seconds", line))]

    def get(self, url: str) -> bytes:
        try:
            with urllib.request.urlopen(url, timeout=TIMEOUT) as resp:
                return bytes(resp.read())
        except urllib.error.HTTPError as err:
            text = err.read().decode("utf-8", "replace")
            m = re.search(r'<p class="msg">(.*?)</p>', text, re.S)
            why = html.unescape(m.group(1) if m else text[:300]).strip()
            raise RuntimeError(f"{url} answered {err.code}: {why}") from None

    def cpu_seconds(self) -> float | None:
        """User + system CPU time of the server process so far (Linux), else None."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks = os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None
        return (int(fields[11]) + int(fields[12])) / ticks

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def measure_once(
    served: Served, post: Path, page_url: str, run: int
) -> tuple[float, float | None]:
    """(seconds from the write to the reload event, server CPU seconds in between)."""
    body = served.get(page_url)
    m = re.search(rb"token=([\w-]+)", body)
    if not m:
        raise RuntimeError("no live-reload script in " + page_url)
    token = m.group(1).decode()
    conn = http.client.HTTPConnection(served.host, served.port, timeout=TIMEOUT)
    try:
        conn.request("GET", f"{LIVERELOAD_PATH}?token={token}")
        resp = conn.getresponse()
        first = resp.fp.readline()  # "retry: ..." — the stream is open
        if not first.startswith(b"retry:"):
            raise RuntimeError(f"unexpected live-reload stream start: {first!r}")
        resp.fp.readline()
        marker = f"Benchmark edit number {run}."
        text = post.read_text(encoding="utf-8")
        cpu_before = served.cpu_seconds()
        started = time.perf_counter()
        with open(post, "w", encoding="utf-8") as fh:
            fh.write(text + f"\n\n{marker}\n")
        while True:
            line = resp.fp.readline()
            if not line:
                raise RuntimeError("the live-reload stream closed without a reload event")
            if line.startswith(b"event: reload"):
                latency = time.perf_counter() - started
                cpu_after = served.cpu_seconds()
                break
    finally:
        conn.close()
    if marker.encode() not in served.get(page_url):
        raise RuntimeError(f"{page_url} does not show the edit after the reload signal")
    cpu = cpu_after - cpu_before if cpu_after is not None and cpu_before is not None else None
    return latency, cpu


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def bench_site(
    name: str, site: Path, post: Path, runs: int, pause: float, drafts: bool = False
) -> dict[str, Any]:
    print(f"== {name}: {sum(1 for _ in (site / '_posts').glob('*'))} posts in _posts, "
          f"editing {post.relative_to(site)}")
    served = Served(site, drafts=drafts)
    try:
        served.get(served.url)  # a failed first build is reported here, with its reason
        root = served.site / "_site"
        rel = _output_of(root, post)
        page_url = served.url.rstrip("/") + "/" + rel  # the URL ends with the baseurl
        print(f"   server {served.url}  page {page_url}")
        samples: list[float] = []
        cpus: list[float] = []
        for run in range(runs):
            latency, cpu = measure_once(served, post, page_url, run)
            samples.append(latency)
            if cpu is not None:
                cpus.append(cpu)
            shown = f"   (server CPU {cpu * 1000:7.0f} ms)" if cpu is not None else ""
            print(f"   run {run + 1:2d}: {latency * 1000:8.1f} ms{shown}")
            time.sleep(pause)
        builds = served.build_times()
    finally:
        served.close()
    result = {
        "site": name,
        "runs": len(samples),
        "p50_ms": round(percentile(samples, 50) * 1000, 1),
        "p95_ms": round(percentile(samples, 95) * 1000, 1),
        "min_ms": round(min(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
        "build_p50_ms": round(percentile(builds, 50) * 1000, 1) if builds else None,
        "server_cpu_p50_ms": round(percentile(cpus, 50) * 1000, 1) if cpus else None,
        "load_average": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
    }
    print(
        f"   {name}: p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms "
        f"(min {result['min_ms']}, max {result['max_ms']}, n={len(samples)}); "
        f"rebuild alone p50 {result['build_p50_ms']} ms, server CPU per edit p50 "
        f"{result['server_cpu_p50_ms']} ms, load average {result['load_average']}"
    )
    return result


def _output_of(root: Path, post: Path) -> str:
    """The output path of ``post`` (found by its slug in the built folder)."""
    slug = re.sub(r"^\d{4}-\d{2}-\d{2}-", "", post.stem)
    matches = sorted(root.rglob(f"{slug}.html")) or sorted(root.rglob(f"{slug}/index.html"))
    if not matches:
        raise RuntimeError(f"cannot find the output of {post.name} under {root}")
    return matches[0].relative_to(root).as_posix()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lil-log", type=Path, default=DEFAULT_LIL_LOG)
    ap.add_argument("--posts", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--pause", type=float, default=0.3, help="seconds between runs")
    ap.add_argument("--skip-lil-log", action="store_true")
    ap.add_argument(
        "--no-sass-sourcemap", action="store_true",
        help="add `sass: {sourcemap: never}` to the lil-log copy's _config.yml",
    )
    ap.add_argument("--skip-generated", action="store_true")
    ap.add_argument(
        "--skip-drafts", action="store_true",
        help="do not also serve each site with --drafts and edit a draft",
    )
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)

    results: list[dict[str, Any]] = []
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix="jekpy-bench-") as tmp:
        if not args.skip_lil_log:
            if not args.lil_log.is_dir():
                print(f"skipping lil-log: {args.lil_log} is not there")
            else:
                site = Path(tmp) / "lil-log"
                shutil.copytree(args.lil_log, site, ignore=shutil.ignore_patterns("_site"))
                if args.no_sass_sourcemap:
                    with open(site / "_config.yml", "a", encoding="utf-8") as fh:
                        fh.write("\nsass:\n  sourcemap: never\n")
                _run_site(results, failures, "lil-log", site, args)
        if not args.skip_generated:
            site = generate_site(Path(tmp) / "generated", args.posts)
            _run_site(results, failures, f"generated-{args.posts}", site, args)
    print()
    print(f"{'site':<22} {'runs':>4} {'p50 ms':>9} {'p95 ms':>9} {'rebuild p50':>12} "
          f"{'CPU p50':>9}")
    for r in results:
        print(f"{r['site']:<22} {r['runs']:>4} {r['p50_ms']:>9} {r['p95_ms']:>9} "
              f"{r['build_p50_ms']!s:>12} {r['server_cpu_p50_ms']!s:>9}")
    print("(wall-clock numbers include waiting for the CPU: compare the load average "
          "with the number of cores)")
    for failure in failures:
        print(f"FAILED {failure}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 1 if failures else 0


def _run_site(
    results: list[dict[str, Any]], failures: list[str], name: str, site: Path,
    args: argparse.Namespace,
) -> None:
    """A post in the middle of the site; then (served with --drafts) a new draft."""
    posts = sorted((site / "_posts").glob("*.md"))
    _run(results, failures, name, site, posts[len(posts) // 2], args)
    if args.skip_drafts:
        return
    layout = "post" if (site / "_layouts" / "post.html").is_file() else "default"
    draft = site / "_drafts" / "benchmark-draft.md"
    draft.parent.mkdir(exist_ok=True)
    draft.write_text(
        f"---\nlayout: {layout}\ntitle: A draft being written\n---\n"
        "The first paragraph of a draft.\n", encoding="utf-8",
    )
    _run(results, failures, name + "+draft", site, draft, args, drafts=True)


def _run(
    results: list[dict[str, Any]], failures: list[str], name: str, site: Path, post: Path,
    args: argparse.Namespace, drafts: bool = False,
) -> None:
    try:
        results.append(bench_site(name, site, post, args.runs, args.pause, drafts))
    except RuntimeError as err:
        print(f"   {name}: {err}")
        failures.append(f"{name}: {str(err).splitlines()[0]}")


if __name__ == "__main__":
    sys.exit(main())
