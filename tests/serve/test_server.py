"""The preview server over real HTTP on an ephemeral loopback port."""

from __future__ import annotations

import http.client
import io
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from servehelpers import TIMEOUT, raw_get, save

from jekpy.cli.main import main
from jekpy.errors import ServeError
from jekpy.log import Logger
from jekpy.options import BuildOptions
from jekpy.serve.content import LIVERELOAD_PATH, content_type, inject, livereload_script
from jekpy.serve.handler import host_header_ok
from jekpy.serve.server import PreviewServer, exposure_warning, is_loopback
from jekpy.serve.state import BuildState

SCRIPT_MARK = b'data-jekpy="livereload"'


def get(srv: PreviewServer, path: str) -> tuple[int, dict[str, str], bytes]:
    url = f"http://127.0.0.1:{srv.bound_port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=TIMEOUT) as resp:
            return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    except urllib.error.HTTPError as err:
        return err.code, {k.lower(): v for k, v in err.headers.items()}, err.read()


def draft_url(srv: PreviewServer) -> str:
    root = srv.state.current().root
    (found,) = list(root.rglob("a-draft-in-progress.html"))
    return "/" + found.relative_to(root).as_posix()


def token_of(body: bytes) -> str:
    m = re.search(rb"token=([\w-]+)", body)
    assert m, body[:500]
    return m.group(1).decode()


def wait_for_reload(srv: PreviewServer, token: str, timeout: float = TIMEOUT) -> str:
    """Listen on the SSE endpoint like the injected script; the reload event's data."""
    conn = http.client.HTTPConnection("127.0.0.1", srv.bound_port, timeout=timeout)
    try:
        conn.request("GET", f"{LIVERELOAD_PATH}?token={token}")
        resp = conn.getresponse()
        assert resp.status == 200
        assert resp.getheader("Content-Type", "").startswith("text/event-stream")
        deadline = time.monotonic() + timeout
        event = ""
        while time.monotonic() < deadline:
            line = resp.fp.readline().decode()
            if not line:
                break
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event == "reload":
                return line.split(":", 1)[1].strip()
        raise AssertionError("no reload event")
    finally:
        conn.close()


# -- serving --------------------------------------------------------------------------------
def test_index_and_draft_are_served_with_the_script(server: PreviewServer) -> None:
    status, headers, body = get(server, "/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert body.count(SCRIPT_MARK) == 1
    assert body.index(SCRIPT_MARK) < body.lower().index(b"</head>")
    assert int(headers["content-length"]) == len(body)
    status, _, body = get(server, draft_url(server))
    assert status == 200 and b"A draft in progress" in body and SCRIPT_MARK in body


def test_files_on_disk_have_no_script(server: PreviewServer) -> None:
    root = server.state.current().root
    pages = list(root.rglob("*.html"))
    assert pages
    for page in pages:
        assert SCRIPT_MARK not in page.read_bytes()


def test_content_types(server: PreviewServer) -> None:
    root = server.state.current().root
    files = {
        "style.css": ("body{}", "text/css; charset=utf-8"),
        "app.js": ("1", "application/javascript; charset=utf-8"),
        "feed.xml": ("<feed/>", "application/xml; charset=utf-8"),
        "data.json": ("{}", "application/json; charset=utf-8"),
        "logo.svg": ("<svg/>", "image/svg+xml; charset=utf-8"),
        "notes.txt": ("hi", "text/plain; charset=utf-8"),
        "pic.png": ("png", "image/png"),
        "font.woff2": ("w", "font/woff2"),
        "blob.unknownext": ("?", "application/octet-stream"),
    }
    for name, (text, _) in files.items():
        (root / name).write_text(text)
    for name, (text, ctype) in files.items():
        status, headers, body = get(server, "/" + name)
        assert (status, headers["content-type"], body) == (200, ctype, text.encode()), name


def test_content_type_table() -> None:
    assert content_type(Path("a.HTML")) == "text/html; charset=utf-8"
    assert content_type(Path("a.mp4")) == "video/mp4"


def test_head_and_directory_redirect(server: PreviewServer) -> None:
    status, headers, body = raw_get(server, "/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0
    root = server.state.current().root
    (root / "docs").mkdir()
    (root / "docs" / "index.html").write_text("<p>docs</p>")
    status, headers, _ = raw_get(server, "/docs")
    assert status == 301 and headers["location"] == "/docs/"
    status, _, body = get(server, "/docs/")
    assert status == 200 and body.startswith(b"<p>docs</p>") and SCRIPT_MARK in body


def test_post_is_not_allowed(server: PreviewServer) -> None:
    status, headers, _ = raw_get(server, "/", method="POST")
    assert status == 405 and "GET" in headers["allow"]


def test_404_plain_then_site_404_page(server: PreviewServer, site: Path) -> None:
    status, headers, body = get(server, "/no/such/page.html")
    assert status == 404 and headers["content-type"].startswith("text/html")
    assert b"Not Found" in body and SCRIPT_MARK in body
    (site / "404.html").write_text("---\nlayout: default\n---\n<h1>Lost? custom 404</h1>\n")
    server.rebuild([str(site / "404.html")])
    status, _, body = get(server, "/no/such/page.html")
    assert status == 404 and b"Lost? custom 404" in body and SCRIPT_MARK in body


def test_no_livereload(site: Path) -> None:
    srv = PreviewServer(site, port=0, livereload=False, watch=False, log=Logger(level="error"))
    with srv:
        _, _, body = get(srv, "/")
        assert SCRIPT_MARK not in body
        assert get(srv, LIVERELOAD_PATH)[0] == 404


# -- injection -------------------------------------------------------------------------------
def test_inject_positions() -> None:
    script = livereload_script("abc-1")
    assert b"abc-1" in script and b"EventSource" in script
    with_head = inject(b"<html><HEAD><title>t</title></Head><body>x</body></html>", script)
    assert with_head == b"<html><HEAD><title>t</title>" + script + b"</Head><body>x</body></html>"
    body_only = inject(b'<p>a</p><body class="x"><p>b</p></body>', script)
    assert body_only == b'<p>a</p><body class="x">' + script + b"<p>b</p></body>"
    html_only = inject(b"<html><p>x</p></html>\n", script)
    assert html_only == b"<html><p>x</p>" + script + b"</html>\n"
    fragment = inject(b"<p>just a fragment</p>\n", script)
    assert fragment == b"<p>just a fragment</p>\n" + script


def test_page_without_head_gets_the_script(server: PreviewServer, site: Path) -> None:
    (site / "bare.html").write_text("---\n---\n<p>No head here.</p>\n")
    server.rebuild([str(site / "bare.html")])
    status, _, body = get(server, "/bare.html")
    assert status == 200
    assert body == b"<p>No head here.</p>\n" + livereload_script(token_of(body))


# -- rebuilds, live reload, errors -------------------------------------------------------------
def test_edit_triggers_rebuild_and_reload_event(server: PreviewServer, site: Path) -> None:
    url = draft_url(server)
    _, _, body = get(server, url)
    token = token_of(body)
    draft = site / "_drafts" / "a-draft-in-progress.md"
    result: dict[str, str] = {}
    listener = threading.Thread(target=lambda: result.update(t=wait_for_reload(server, token)))
    listener.start()
    time.sleep(0.2)
    draft.write_text(draft.read_text() + "\nFreshly edited sentence.\n")
    listener.join(TIMEOUT)
    assert result.get("t") and result["t"] != token
    _, _, body = get(server, draft_url(server))
    assert b"Freshly edited sentence." in body
    assert token_of(body) == result["t"]


def test_stale_token_reloads_at_once(server: PreviewServer) -> None:
    current = server.state.current().token
    assert wait_for_reload(server, "stale-0", timeout=3) == current


def test_requests_wait_for_a_running_build(server: PreviewServer) -> None:
    server.state.begin()  # as the watcher does when it sees a change
    got: dict[str, float] = {}

    def fetch() -> None:
        get(server, "/")
        got["at"] = time.monotonic()

    t = threading.Thread(target=fetch)
    t.start()
    time.sleep(0.5)
    assert "at" not in got  # held while the build runs
    released = time.monotonic()
    server.state.finish(server.state.current().root, "", None)
    t.join(TIMEOUT)
    assert got["at"] >= released


def test_error_page_then_recovery(server: PreviewServer, site: Path) -> None:
    url = draft_url(server)
    draft = site / "_drafts" / "a-draft-in-progress.md"
    good = draft.read_text()
    draft.write_text(good + "\nBroken: {% if %} <oops>\n")
    error = server.rebuild([str(draft)])
    assert error is not None
    for path in (url, "/"):
        status, headers, body = get(server, path)
        assert status == 500 and headers["content-type"] == "text/html; charset=utf-8"
        text = body.decode()
        body_line = good.count("\n") + 2 - good.split("\n").index("---", 1) - 1
        assert f"_drafts/a-draft-in-progress.md, line {body_line} after the front matter" in text
        assert f"{body_line} | Broken: {{% if %}} &lt;oops&gt;" in text  # the line, escaped
        assert "<oops>" not in text
        assert 'class="caret"' in text and "^" in text
        assert "Liquid" in text
        assert SCRIPT_MARK in body
    token = token_of(body)
    save(draft, good + "\nFixed again.\n")
    assert wait_for_reload(server, token) != token
    status, _, body = get(server, url)
    assert status == 200 and b"Fixed again." in body


def test_config_change_reloads_config(server: PreviewServer, site: Path) -> None:
    cfg = site / "_config.yml"
    cfg.write_text(cfg.read_text().replace("jekpy example blog", "Renamed blog"))
    token = server.state.current().token
    wait_for_reload(server, token)
    _, _, body = get(server, "/")
    assert b"Renamed blog" in body


def test_changes_in_destination_are_ignored(server: PreviewServer) -> None:
    builds = server.builds
    root = server.state.current().root
    (root / "touched.txt").write_text("x")
    time.sleep(0.8)
    assert server.builds == builds


# -- binding --------------------------------------------------------------------------------
def test_default_bind_address_is_loopback() -> None:
    params = {p.name: p.default for p in main.commands["serve"].params}
    assert params["host"] == "127.0.0.1" and params["port"] == 4000
    assert PreviewServer().host == "127.0.0.1"
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.1")


def test_server_listens_on_loopback_only(server: PreviewServer) -> None:
    assert server.httpd is not None
    assert server.httpd.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.bound_port}/"


def test_busy_port_is_a_serve_error(site: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        srv = PreviewServer(site, port=port, log=Logger(level="error"))
        with pytest.raises(ServeError, match=f"port {port} is already in use"):
            srv.bind()
        runner = CliRunner()
        result = runner.invoke(main, ["serve", "-s", str(site), "-P", str(port)])
        assert result.exit_code == 1
        assert f"port {port} is already in use" in result.output
        assert "Traceback" not in result.output


def test_stop_is_prompt(site: Path) -> None:
    srv = PreviewServer(site, port=0, log=Logger(out=io.StringIO(), err=io.StringIO()))
    srv.start()
    conn = http.client.HTTPConnection("127.0.0.1", srv.bound_port, timeout=TIMEOUT)
    conn.request("GET", f"{LIVERELOAD_PATH}?token={srv.state.current().token}")
    resp = conn.getresponse()
    assert resp.status == 200
    started = time.monotonic()
    srv.stop()
    assert time.monotonic() - started < 5
    conn.close()


def test_exposure_warning() -> None:
    assert exposure_warning("127.0.0.1") is None
    assert exposure_warning("localhost") is None
    warning = exposure_warning("0.0.0.0")
    assert warning and "0.0.0.0" in warning and "drafts" in warning


def test_foreign_host_header_is_refused(server: PreviewServer) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 gets nothing."""
    conn = http.client.HTTPConnection("127.0.0.1", server.bound_port, timeout=TIMEOUT)
    try:
        conn.request("GET", "/", headers={"Host": f"evil.example:{server.bound_port}"})
        resp = conn.getresponse()
        assert resp.status == 421
        assert b"jekpy example blog" not in resp.read()
    finally:
        conn.close()
    for good in ("localhost:4000", "127.0.0.1", "[::1]:4000", "127.1.2.3:80"):
        assert host_header_ok(good), good
    for bad in ("evil.example", "evil.example:4000", "10.0.0.1:4000", "[2001:db8::1]:80"):
        assert not host_header_ok(bad), bad
    assert host_header_ok("myblog.test:4000", ("myblog.test",))  # the name given to -H


def test_cli_serve_stops_cleanly_on_ctrl_c(site: Path) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "jekpy", "serve", "-s", str(site), "-P", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert proc.stdout is not None
        seen = []
        for line in proc.stdout:
            seen.append(line)
            if "Server running..." in line:
                break
        text = "".join(seen)
        assert "Server address: http://127.0.0.1:" in text, text
        assert "Destination: " + str(site / "_site") in text
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=15)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    assert proc.returncode == 0, out
    assert "Traceback" not in out and "Server stopped." in out


def test_pending_changes_hold_the_reload() -> None:
    state = BuildState(Path("/nonexistent"))
    first = state.finish(Path("/nonexistent"), "", None)
    assert first is not None
    state.add_changes({"a.md"})
    assert state.building
    assert state.take_changes(0) == {"a.md"}
    state.add_changes({"b.md"})  # saved while the build for a.md ran
    assert state.finish(Path("/nonexistent"), "", None, if_idle=True) is None
    assert state.building and state.current().token == first
    assert state.take_changes(0) == {"b.md"}
    second = state.finish(Path("/nonexistent"), "", None, if_idle=True)
    assert second and second != first and not state.building


def test_save_during_a_build_is_in_the_reloaded_page(
    server: PreviewServer, site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jekpy.api
    import jekpy.serve.server as server_mod

    started = threading.Event()

    def slow(real: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            if not started.is_set():  # only the first rebuild is slow
                started.set()
                time.sleep(1.5)
            return real(*args, **kwargs)

        return run

    # a save is a full build or an in-place refresh of the kept site: slow both down
    monkeypatch.setattr(server_mod, "run_build", slow(jekpy.api.run_build))
    monkeypatch.setattr(server_mod, "refresh", slow(server_mod.refresh))
    url = draft_url(server)
    token = token_of(get(server, url)[2])
    draft = site / "_drafts" / "a-draft-in-progress.md"
    original = draft.read_text()
    result: dict[str, str] = {}
    listener = threading.Thread(target=lambda: result.update(t=wait_for_reload(server, token)))
    listener.start()
    time.sleep(0.2)
    draft.write_text(original + "\nFirst save.\n")
    assert started.wait(TIMEOUT)
    time.sleep(0.1)
    draft.write_text(original + "\nSecond save.\n")  # while the first rebuild runs
    listener.join(TIMEOUT * 2)
    assert result.get("t")
    _, _, body = get(server, draft_url(server))
    assert b"Second save." in body and b"First save." not in body


def test_failed_first_build_still_serves_the_error(site: Path) -> None:
    draft = site / "_drafts" / "a-draft-in-progress.md"
    good = draft.read_text()
    draft.write_text(good + "\n{% if %}\n")
    srv = PreviewServer(BuildOptions(site, drafts=True), port=0,
                        log=Logger(out=io.StringIO(), err=io.StringIO()))
    with srv:
        status, _, body = get(srv, "/")
        assert status == 500 and b"jekpy-error" in body and SCRIPT_MARK in body
        token = token_of(body)
        draft.write_text(good)
        wait_for_reload(srv, token)
        status, _, body = get(srv, "/")
        assert status == 200 and b"A draft in progress" in body


def test_rebuild_leaves_unchanged_pages_alone(server: PreviewServer, site: Path) -> None:
    root = server.state.current().root
    post = next(root.rglob("rendering-a-jekyll-post-in-python.html"))
    before = post.stat().st_mtime_ns
    draft = site / "_drafts" / "a-draft-in-progress.md"
    draft.write_text(draft.read_text() + "\nOne more line.\n")
    assert server.rebuild([str(draft)]) is None
    assert post.stat().st_mtime_ns == before  # same bytes: not rewritten
    assert b"One more line." in next(root.rglob("a-draft-in-progress.html")).read_bytes()


def test_stop_without_start_and_twice(site: Path) -> None:
    srv = PreviewServer(site, port=0, log=Logger(level="error"))
    srv.bind()
    srv.stop()  # never served: must not wait for serve_forever
    srv.stop()


def test_rebuilds_do_not_keep_old_sites_alive(server: PreviewServer, site: Path) -> None:
    import gc

    from jekpy.builder.site import Site

    for _ in range(4):
        server.rebuild([str(site / "index.html")])
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, Site)]
    assert len(alive) <= 1, f"{len(alive)} Site objects still alive after 4 rebuilds"


def test_failed_rebuilds_do_not_keep_old_sites_alive(server: PreviewServer, site: Path) -> None:
    import gc

    from jekpy.builder.site import Site

    draft = site / "_drafts" / "a-draft-in-progress.md"
    draft.write_text(draft.read_text() + "\n{% if %}\n")
    for _ in range(4):
        assert server.rebuild([str(draft)]) is not None
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, Site)]
    assert len(alive) <= 1, f"{len(alive)} Site objects still alive after 4 failed rebuilds"
    status, _, body = get(server, "/")
    assert status == 500 and b"{% if %}" in body  # the error page still has everything


def test_body_edits_refresh_the_kept_site(server: PreviewServer, site: Path) -> None:
    """A save that changes a post's body is rendered on the site kept from the last
    build (no full read); one that changes the site's lists (its tags) gets a full
    build."""
    root = server.state.current().root
    post = site / "posts" / "2024-03-02-rendering-a-jekyll-post-in-python.md"
    builds, refreshes = server.builds, server.refreshes
    post.write_text(post.read_text() + "\nA sentence added while previewing.\n")
    assert server.rebuild([str(post)]) is None
    assert (server.builds, server.refreshes) == (builds + 1, refreshes + 1)
    page = next(root.rglob("rendering-a-jekyll-post-in-python.html")).read_bytes()
    assert b"A sentence added while previewing." in page
    text = post.read_text()
    post.write_text(text.replace("tags: [jekyll, python]", "tags: [jekyll, python, preview]", 1))
    assert server.rebuild([str(post)]) is None
    assert (server.builds, server.refreshes) == (builds + 2, refreshes + 1)
    page = next(root.rglob("rendering-a-jekyll-post-in-python.html")).read_bytes()
    assert b"tags: jekyll, python, preview" in page
