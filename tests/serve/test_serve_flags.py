"""serve's Jekyll flags (--baseurl, --skip-initial-build, --no-watch...) and build --watch."""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from servehelpers import TIMEOUT, raw_get

from jekpy.log import Logger
from jekpy.options import BuildOptions
from jekpy.serve.server import PreviewServer


def _site(root: Path) -> Path:
    root.mkdir(parents=True)
    (root / "index.md").write_text("---\n---\nHome {{ site.baseurl }}\n", "utf-8")
    return root


def _quiet() -> Logger:
    return Logger(out=io.StringIO(), err=io.StringIO())


def test_baseurl_and_limit_posts_overrides(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    options = BuildOptions(site, overrides={"baseurl": "/blog", "limit_posts": None})
    with PreviewServer(options, port=0, log=_quiet(), watch=False) as srv:
        assert srv.url.endswith("/blog/")
        status, _, body = raw_get(srv, "/blog/")
        assert status == 200 and b"Home /blog" in body
        assert not any(t.name == "jekpy-watch" for t in threading.enumerate())


def test_skip_initial_build_serves_what_is_there(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    (site / "_site").mkdir()
    (site / "_site" / "index.html").write_text("<p>old</p>\n", "utf-8")
    with PreviewServer(site, port=0, log=_quiet(), watch=False, skip_initial_build=True) as srv:
        status, _, body = raw_get(srv, "/")
        assert status == 200 and b"<p>old</p>" in body
        assert srv.builds == 0


def _lines(proc: subprocess.Popen[str]) -> queue.Queue[str]:
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _wait_for(lines: queue.Queue[str], needle: str, seen: list[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            seen.append(lines.get(timeout=0.2))
        except queue.Empty:
            continue
        if needle in seen[-1]:
            return
    pytest.fail(f"{needle!r} not printed:\n" + "".join(seen))


def test_build_watch_rebuilds_on_change(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "jekpy", "build", "--watch", "-s", str(site), "-d", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    seen: list[str] = []
    try:
        lines = _lines(proc)
        _wait_for(lines, "press ctrl-c to stop", seen)
        assert (out / "index.html").read_text("utf-8") == "<p>Home</p>\n"
        (site / "index.md").write_text("---\n---\nChanged\n", "utf-8")
        _wait_for(lines, "...done in", seen)
        assert (out / "index.html").read_text("utf-8") == "<p>Changed</p>\n"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=TIMEOUT) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    text = "".join(seen)
    assert "Regenerating: 1 file(s) changed" in text and "Traceback" not in text
    assert not (site / "_site").exists()


def _wait_state(srv: PreviewServer, done: object) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if callable(done) and done():
            return
        time.sleep(0.05)
    pytest.fail(f"state never reached; last error: {srv.state.current().error}")


def test_deleting_the_source_while_serving_says_so(tmp_path: Path) -> None:
    site = _site(tmp_path / "s")
    log = _quiet()
    with PreviewServer(BuildOptions(site, tmp_path / "out"), port=0, log=log,
                       debounce_ms=200, step_ms=20) as srv:
        first = srv.state.current().token
        site.rename(tmp_path / "away")
        _wait_state(srv, lambda: srv.state.current().error is not None)
        error = srv.state.current().error
        assert "was deleted" in str(error) and str(site) in str(error)
        status, _, body = raw_get(srv, "/")
        assert status == 500 and b"was deleted" in body  # the browser is told why
        (tmp_path / "away").rename(site)
        _wait_state(srv, lambda: srv.state.current().error is None
                    and srv.state.current().token != first)
        status, _, body = raw_get(srv, "/")
        assert status == 200 and b"Home" in body
    assert "is back" in "\n".join(log.messages)
