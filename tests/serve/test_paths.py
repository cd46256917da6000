"""Path confinement: ``jekpy.serve.paths.resolve`` and the same cases over HTTP."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from servehelpers import raw_get

from jekpy.serve.paths import normalize_baseurl, resolve
from jekpy.serve.server import PreviewServer


@pytest.fixture
def root(tmp_path: Path) -> Path:
    out = tmp_path / "_site"
    (out / "blog" / "post").mkdir(parents=True)
    (out / "index.html").write_text("home")
    (out / "about.html").write_text("about")
    (out / "blog" / "post" / "index.html").write_text("post")
    (out / "style.css").write_text("body{}")
    (tmp_path / "secret.txt").write_text("SECRET")
    return out


TRAVERSALS = [
    "/../secret.txt",
    "/blog/../../secret.txt",
    "/%2e%2e/secret.txt",
    "/%2E%2E/secret.txt",
    "/blog/%2e%2e/%2e%2e/secret.txt",
    "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt",
    "/..\\secret.txt",
    "/%5c..%5csecret.txt",
    "/index.html%00.css",
]


@pytest.mark.parametrize("target", TRAVERSALS)
def test_traversal_is_rejected(root: Path, target: str) -> None:
    res = resolve(root, target)
    assert res.status == 400
    assert res.file is None


@pytest.mark.parametrize(
    "target",
    ["//etc/passwd", "/etc/passwd", "http://example.com/../../etc/passwd", "/" + "/".join(["x"] * 3)],
)
def test_absolute_paths_stay_inside(root: Path, target: str) -> None:
    res = resolve(root, target)
    assert res.status in (400, 404)
    assert res.file is None


def test_double_encoded_dots_are_a_plain_name(root: Path) -> None:
    # %252e%252e decodes once to the literal name "%2e%2e": no such file.
    assert resolve(root, "/%252e%252e/secret.txt").status == 404


def test_symlink_outside_is_not_served(root: Path, tmp_path: Path) -> None:
    os.symlink(tmp_path / "secret.txt", root / "leak.txt")
    os.symlink(tmp_path, root / "up")
    assert resolve(root, "/leak.txt").status == 404
    assert resolve(root, "/up/secret.txt").status == 404
    assert resolve(root, "/up/").status == 404


def test_symlink_inside_is_served(root: Path) -> None:
    os.symlink(root / "about.html", root / "alias.html")
    res = resolve(root, "/alias.html")
    assert res.status == 200 and res.file == (root / "about.html").resolve()


def test_index_redirect_and_pretty_urls(root: Path) -> None:
    assert resolve(root, "/").file == (root / "index.html").resolve()
    assert resolve(root, "/blog/post/").file == (root / "blog/post/index.html").resolve()
    moved = resolve(root, "/blog/post?x=1")
    assert moved.status == 301 and moved.location == "/blog/post/?x=1"
    assert resolve(root, "/about").file == (root / "about.html").resolve()
    assert resolve(root, "/about.html/").status == 404
    assert resolve(root, "/blog/").status == 404  # no index.html there
    assert resolve(root, "/style.css?v=3#x").file == (root / "style.css").resolve()


def test_baseurl(root: Path) -> None:
    assert normalize_baseurl("/lil-log/") == "/lil-log"
    assert normalize_baseurl("") == normalize_baseurl("/") == normalize_baseurl(None) == ""
    assert resolve(root, "/lil-log/about.html", "/lil-log").file == (root / "about.html").resolve()
    assert resolve(root, "/about.html", "/lil-log").status == 404
    assert resolve(root, "/", "/lil-log").location == "/lil-log/"
    assert resolve(root, "/lil-log/../secret.txt", "/lil-log").status == 400


@pytest.mark.parametrize("target", [*TRAVERSALS, "/%252e%252e/secret.txt", "//etc/passwd"])
def test_traversal_over_http(server: PreviewServer, target: str) -> None:
    status, _, body = raw_get(server, target)
    assert status in (400, 404)
    assert b"SECRET" not in body and b"root:" not in body


def test_symlink_outside_over_http(server: PreviewServer, tmp_path: Path) -> None:
    secret = tmp_path / "outside.txt"
    secret.write_text("SECRET")
    dest = server.state.current().root
    os.symlink(secret, dest / "leak.txt")
    status, _, body = raw_get(server, "/leak.txt")
    assert status == 404 and b"SECRET" not in body
