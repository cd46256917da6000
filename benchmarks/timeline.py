"""The timeline of one build: when each phase, each render worker and each page ran.

Builds a site once (fresh destination, disk cache off, as ``build.py --mode cold``)
in this process and prints one line per event -- process id, wall milliseconds since
start, user and system CPU milliseconds of that process -- for the phases (read,
render, cleanup, write), the forked workers (start, end of their queue, end), the
parent collecting their results, and every page and every document slower than
``--slow`` milliseconds.  Use it to see what runs serially before and after the
workers and whether they end together.

    python benchmarks/gen_site.py /tmp/gen -n 1000   # or any site you own a copy of
    python benchmarks/timeline.py /tmp/gen
    python benchmarks/timeline.py /tmp/gen --jobs 1 --slow 2

Like the ``jekpy`` command, it serves compiled regular expressions and code from
``$XDG_CACHE_HOME/jekpy`` (``--no-command-caches``: compile them, as the library does).

It wraps jekpy's internal functions, so it follows them: a renamed one is reported
and skipped.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

START = time.perf_counter()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--jobs", default=None, help="JEKPY_JOBS for the build")
    parser.add_argument("--slow", type=float, default=8.0, help="report documents slower (ms)")
    parser.add_argument(
        "--no-command-caches",
        action="store_true",
        help="leave out the regex and code caches the `jekpy` command installs",
    )
    args = parser.parse_args()
    if args.jobs:
        os.environ["JEKPY_JOBS"] = args.jobs
    log_fd, log_path = tempfile.mkstemp(prefix="jekpy-timeline-")
    os.close(log_fd)
    fd = os.open(log_path, os.O_WRONLY | os.O_APPEND)

    def event(label: str) -> None:
        t = os.times()
        line = (f"{os.getpid():>7} {1000 * (time.perf_counter() - START):8.1f} ms  "
                f"user {1000 * t.user:6.0f}  sys {1000 * t.system:5.0f}  {label}\n")
        os.write(fd, line.encode())  # one write: lines of several processes never mix

    event("start")
    if not args.no_command_caches:
        # as the `jekpy` command does (cli/launch.py): compiled regular expressions
        # and code from $XDG_CACHE_HOME/jekpy
        from jekpy import _codecache, _recache

        _recache.install()
        _codecache.install()
    import jekpy
    import jekpy.api  # noqa: F401 - the engine, as the CLI imports it
    from jekpy.builder import parallel, phases
    from jekpy.builder import site as site_module

    event("imported")

    def wrap(module: Any, name: str, label: str) -> None:
        func = getattr(module, name, None)
        if func is None:
            print(f"(no {module.__name__}.{name}: not timed)", file=sys.stderr)
            return

        def timed(*a: Any, **k: Any) -> Any:
            event(f"> {label}")
            try:
                return func(*a, **k)
            finally:
                event(f"< {label}")

        setattr(module, name, timed)

    for name in ("read", "render", "cleanup", "write"):
        wrap(phases, name, name.upper())
    for name in ("_child", "_render_queue", "_collect", "_apply"):
        wrap(parallel, name, "parallel." + name.lstrip("_"))
    site_class: Any = site_module.Site
    render_item: Callable[..., None] = site_class.render_item

    def timed_item(self: Any, renderer: Any, item: Any, payload: Any) -> None:
        started = time.perf_counter()
        render_item(self, renderer, item, payload)
        spent = 1000 * (time.perf_counter() - started)
        if spent > args.slow or not hasattr(item, "collection"):
            event(f"  render {item.relative_path} {spent:.1f} ms")

    site_class.render_item = timed_item
    dest = Path(tempfile.mkdtemp(prefix="jekpy-timeline-out-")) / "_site"
    try:
        jekpy.build(args.site, dest, overrides={"disable_disk_cache": True})
        event("built")
    finally:
        shutil.rmtree(dest.parent, ignore_errors=True)
        os.close(fd)
    sys.stdout.write(Path(log_path).read_text())
    os.unlink(log_path)


if __name__ == "__main__":
    main()
