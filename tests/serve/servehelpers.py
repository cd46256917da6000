"""Helpers for the ``jekpy serve`` tests."""

from __future__ import annotations

import http.client
import os
import shutil
from pathlib import Path

from jekpy.serve.server import PreviewServer

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_PARTS = ("_config.yml", "_drafts", "posts", "layouts", "index.html")
TIMEOUT = 10.0


def copy_example(dest: Path) -> Path:
    """Copy the repository's example blog (config, posts, drafts, layouts) to ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in EXAMPLE_PARTS:
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, dest / name)
        else:
            shutil.copy2(src, dest / name)
    # A draft's date is its file's modification time (as in Jekyll), and so is its
    # URL here (``permalink: date``): the copies are stamped now, as a fresh checkout
    # is, so that a test editing a draft keeps its URL even when the repository's
    # files were checked out on an earlier day.
    for path in dest.rglob("*"):
        os.utime(path)
    return dest


def raw_get(
    srv: PreviewServer, target: str, method: str = "GET"
) -> tuple[int, dict[str, str], bytes]:
    """Send ``target`` exactly as written (no client-side normalisation)."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.bound_port, timeout=TIMEOUT)
    try:
        conn.putrequest(method, target, skip_accept_encoding=True)
        conn.endheaders()
        resp = conn.getresponse()
        body = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body
    finally:
        conn.close()


def save(path: Path, text: str) -> None:
    """Save ``path`` as editors do (a new file renamed over the old one), so the
    watcher never sees it truncated and half-written."""
    tmp = path.with_name("." + path.name + ".tmp")  # a dotfile: never read
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)
