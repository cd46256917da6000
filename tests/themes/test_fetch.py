"""``jekpy theme install`` and ``remote_theme:`` against a local server, with good and
hostile archives: nothing may land outside the cache, nothing half-installed stays."""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from themes_helpers import Server, folder_tar_gz, gem_bytes, publish_gem, tar_bytes, zip_bytes

from jekpy.api import build
from jekpy.cli.main import main
from jekpy.errors import ArchiveError, ThemeError
from jekpy.support.theme_fetch import Limits, extract_archive, install_gem, remote_theme_gem
from jekpy.support.themes import theme_cache

THEME_FILES = {
    "_layouts/default.html": b"<html><body>{{ content }}</body></html>\n",
    "_includes/foot.html": b"<footer>theme foot</footer>\n",
    "assets/style.css": b"body { color: red }\n",
}


def theme_tar(prefix: str = "") -> bytes:
    return tar_bytes([(prefix + k, v) for k, v in THEME_FILES.items()])


def everything_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*")}


# -- theme install ----------------------------------------------------------------------
def test_install_gem_from_the_api(isolated: Path, server: Server,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    publish_gem(server, "demo-theme", "1.2.0", gem_bytes("demo-theme", "1.2.0", theme_tar()))
    publish_gem(server, "demo-theme", "1.10.0",
                gem_bytes("demo-theme", "1.10.0", theme_tar(), deps=["jekyll-seo-tag"]))
    publish_gem(server, "demo-theme", "2.0.0.rc1",
                gem_bytes("demo-theme", "2.0.0.rc1", theme_tar()))
    result = CliRunner().invoke(main, ["theme", "install", "demo-theme"])
    assert result.exit_code == 0, result.output
    root = theme_cache() / "gems" / "demo-theme-1.10.0"  # newest release, not the rc
    assert (root / "_layouts" / "default.html").read_bytes() == THEME_FILES["_layouts/default.html"]
    spec = (theme_cache() / "specifications" / "demo-theme-1.10.0.json").read_text()
    assert "jekyll-seo-tag" in spec and "bundler" not in spec
    # --version picks that exact one
    result = CliRunner().invoke(main, ["theme", "install", "demo-theme", "--version", "1.2.0"])
    assert result.exit_code == 0, result.output
    assert (theme_cache() / "gems" / "demo-theme-1.2.0" / "assets" / "style.css").is_file()
    # a second install of the same version does not download again
    before = server.hits.get("/downloads/demo-theme-1.2.0.gem", 0)
    install_gem("demo-theme", "1.2.0")
    assert server.hits.get("/downloads/demo-theme-1.2.0.gem", 0) == before


def test_installed_gem_is_used_and_its_dependencies_load(
    isolated: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    files = [
        ("_layouts/default.html", b"<head>{% seo title=false %}</head>{{ content }}\n"),
    ]
    publish_gem(server, "seo-theme", "0.3.0",
                gem_bytes("seo-theme", "0.3.0", tar_bytes(list(files)),
                          deps=["jekyll", "jekyll-seo-tag"]))
    install_gem("seo-theme")
    site = isolated / "site"
    site.mkdir()
    (site / "_config.yml").write_text("theme: seo-theme\ntitle: T\n")
    (site / "index.md").write_text("---\nlayout: default\n---\nhi\n")
    build(site, site / "_site")
    html = (site / "_site" / "index.html").read_text()
    assert "<!-- Begin Jekyll SEO tag" in html


def test_checksum_mismatch_installs_nothing(isolated: Path, server: Server,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    publish_gem(server, "demo-theme", "1.0.0", gem_bytes("demo-theme", "1.0.0", theme_tar()),
                sha="0" * 64)
    result = CliRunner().invoke(main, ["theme", "install", "demo-theme"])
    assert result.exit_code == 1
    assert "does not match its published checksum" in result.output
    assert "Traceback" not in result.output
    assert not (theme_cache() / "gems" / "demo-theme-1.0.0").exists()


def test_gem_that_names_another_gem_is_refused(isolated: Path, server: Server,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    publish_gem(server, "demo-theme", "1.0.0", gem_bytes("other", "9.9.9", theme_tar()))
    with pytest.raises(ArchiveError, match="describes itself as other 9.9.9"):
        install_gem("demo-theme")
    assert not (theme_cache() / "gems").exists() or not any((theme_cache() / "gems").iterdir())


def test_unknown_version_and_unreachable_registry(isolated: Path, server: Server,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    publish_gem(server, "demo-theme", "1.0.0", gem_bytes("demo-theme", "1.0.0", theme_tar()))
    with pytest.raises(ThemeError, match="no version 3.0.0"):
        install_gem("demo-theme", "3.0.0")
    with pytest.raises(ThemeError, match="HTTP 404"):
        install_gem("no-such-theme")
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", "http://127.0.0.1:9")  # discard port: refused
    result = CliRunner().invoke(main, ["theme", "install", "demo-theme"])
    assert result.exit_code == 1 and "cannot download" in result.output
    assert "Traceback" not in result.output


# -- hostile archives -------------------------------------------------------------------------
def _link(name: str, target: str, *, hard: bool = False) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.LNKTYPE if hard else tarfile.SYMTYPE
    info.linkname = target
    return info


def _device(name: str) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = tarfile.CHRTYPE
    info.devmajor, info.devminor = 1, 3
    return info


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([("../escape.txt", b"x")], "climbs out"),
        ([("a/../../escape.txt", b"x")], "climbs out"),
        ([("/tmp/abs-escape.txt", b"x")], "absolute path"),
        ([("a\\..\\escape.txt", b"x")], "unsafe name"),
    ],
)
def test_tar_paths_that_leave_the_folder_are_refused(
    isolated: Path, members: list[tuple[str, bytes]], message: str
) -> None:
    dest = isolated / "cache" / "x"
    with pytest.raises(ArchiveError, match=message):
        extract_archive(tar_bytes(list(members)), dest, what="test archive")
    assert not (isolated / "escape.txt").exists()
    assert not (isolated / "cache" / "escape.txt").exists()
    assert not Path("/tmp/abs-escape.txt").exists()


def test_links_and_devices_are_never_created(isolated: Path) -> None:
    outside = isolated / "outside.txt"
    outside.write_text("secret")
    dest = isolated / "cache" / "x"
    data = tar_bytes([
        ("ok/file.txt", b"fine"),
        _link("ok/passwd", "/etc/passwd"),
        _link("ok/up", "../../outside.txt"),
        _link("ok/hard", str(outside), hard=True),
        _device("ok/null"),
    ])
    extract_archive(data, dest, what="test archive")
    assert everything_under(dest) == {"ok", "ok/file.txt"}
    assert outside.read_text() == "secret"


def test_a_link_then_a_file_through_it_cannot_escape(isolated: Path) -> None:
    dest = isolated / "cache" / "x"
    (isolated / "victim").mkdir()
    data = tar_bytes([_link("d", str(isolated / "victim")), ("d/pwned.txt", b"x")])
    extract_archive(data, dest, what="test archive")
    assert not (isolated / "victim" / "pwned.txt").exists()
    assert (dest / "d" / "pwned.txt").read_bytes() == b"x"  # a real folder inside


@pytest.mark.parametrize(
    ("members", "limits", "message"),
    [
        ([(f"f{i}", b"") for i in range(30)], Limits(max_files=20), "more than 20 members"),
        ([("big", b"x" * 5000)], Limits(max_file_bytes=4096), "larger than 4096"),
        ([(f"f{i}", b"x" * 900) for i in range(10)], Limits(max_total_bytes=5000),
         "more than 5000 bytes"),
    ],
)
def test_size_and_count_limits(isolated: Path, members: list[tuple[str, bytes]],
                               limits: Limits, message: str) -> None:
    with pytest.raises(ArchiveError, match=message):
        extract_archive(tar_bytes(list(members)), isolated / "x", what="t", limits=limits)


def test_gzip_bomb_stops_at_the_total_limit(isolated: Path) -> None:
    # 64 MiB of zeros compress to ~64 KiB; the header lies about nothing, the budget counts bytes
    info = tarfile.TarInfo("zeros")
    info.size = 64 * 1024 * 1024
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        tar.addfile(info, io.BytesIO(bytes(info.size)))
    assert len(buf.getvalue()) < 1024 * 1024
    with pytest.raises(ArchiveError, match="larger than"):
        extract_archive(buf.getvalue(), isolated / "x", what="t",
                        limits=Limits(max_file_bytes=1024 * 1024))


def test_zip_traversal_and_links(isolated: Path) -> None:
    with pytest.raises(ArchiveError, match="climbs out"):
        extract_archive(zip_bytes([("../zip-escape.txt", b"x")]), isolated / "c" / "a", what="z")
    assert not (isolated / "c" / "zip-escape.txt").exists()
    extract_archive(zip_bytes([("ok.txt", b"ok")], links={"evil": "/etc/passwd"}),
                    isolated / "c" / "b", what="z")
    assert everything_under(isolated / "c" / "b") == {"ok.txt"}


def test_not_an_archive(isolated: Path) -> None:
    with pytest.raises(ArchiveError, match="cannot be unpacked"):
        extract_archive(b"<html>rate limited</html>", isolated / "x", what="t")


def test_hostile_gem_leaves_no_partial_install(isolated: Path, server: Server,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    data = tar_bytes([("_layouts/default.html", b"x"), ("../../../../evil.txt", b"x")])
    publish_gem(server, "bad-theme", "1.0.0", gem_bytes("bad-theme", "1.0.0", data))
    result = CliRunner().invoke(main, ["theme", "install", "bad-theme"])
    assert result.exit_code == 1 and "climbs out" in result.output
    gems = theme_cache() / "gems"
    assert not gems.exists() or os.listdir(gems) == []  # no temp folder, no half theme
    assert not any(p.name == "evil.txt" for p in isolated.rglob("evil.txt"))


# -- remote_theme -----------------------------------------------------------------------------
def _remote_site(root: Path, remote: str) -> Path:
    root.mkdir(parents=True)
    (root / "_config.yml").write_text(f"remote_theme: {remote}\nplugins: [jekyll-remote-theme]\n")
    (root / "index.md").write_text("---\nlayout: default\n---\nhello {% include foot.html %}\n")
    return root


def test_remote_theme_downloads_once_then_builds_offline(
    isolated: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("JEKPY_CODELOAD_URL", server.base)
    server.files["/Owner/Cool-Theme/tar.gz/v1.0"] = theme_tar(prefix="Cool-Theme-1.0/")
    site = _remote_site(isolated / "site", "Owner/Cool-Theme@v1.0")
    build(site, site / "_site")
    html = (site / "_site" / "index.html").read_text()
    assert html.startswith("<html><body>") and "theme foot" in html
    assert (site / "_site" / "assets" / "style.css").is_file()
    assert server.hits["/Owner/Cool-Theme/tar.gz/v1.0"] == 1
    # offline: the cache serves the second build, nothing is fetched
    monkeypatch.setenv("JEKPY_OFFLINE", "1")
    monkeypatch.setenv("JEKPY_CODELOAD_URL", "http://127.0.0.1:9")
    build(site, site / "_site2")
    assert (site / "_site2" / "index.html").read_text() == html
    assert server.hits["/Owner/Cool-Theme/tar.gz/v1.0"] == 1


def test_remote_theme_zip_and_default_ref(isolated: Path, server: Server,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_CODELOAD_URL", server.base)
    server.files["/o/t/tar.gz/HEAD"] = zip_bytes(
        [("t-main/" + k, v) for k, v in THEME_FILES.items()]
    )
    gem = remote_theme_gem("o/t")
    assert (gem.root / "_layouts" / "default.html").is_file()


def test_remote_theme_neither_cached_nor_downloadable(isolated: Path, server: Server,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_CODELOAD_URL", server.base)
    site = _remote_site(isolated / "site", "owner/missing@main")
    result = CliRunner().invoke(main, ["build", "-s", str(site), "-d", str(site / "_site")])
    assert result.exit_code == 1
    assert "owner/missing@main is not cached and cannot be downloaded" in result.output
    assert "HTTP 404" in result.output and "Traceback" not in result.output
    assert not (site / "_site").exists()
    monkeypatch.setenv("JEKPY_OFFLINE", "1")
    with pytest.raises(ThemeError, match="not in the cache"):
        remote_theme_gem("owner/missing@main")


@pytest.mark.parametrize("value", ["../etc@x", "owner", "owner/repo@../../x", "a/b/c", 42])
def test_remote_theme_value_is_validated(isolated: Path, value: object) -> None:
    with pytest.raises(ThemeError, match="not a valid remote theme"):
        remote_theme_gem(value, offline=True)


def test_hostile_remote_archive_is_refused(isolated: Path, server: Server,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JEKPY_CODELOAD_URL", server.base)
    server.files["/o/evil/tar.gz/HEAD"] = tar_bytes(
        [("evil-HEAD/_layouts/default.html", b"x"), ("evil-HEAD/../../../../pwn.txt", b"x")]
    )
    with pytest.raises(ArchiveError, match="climbs out"):
        remote_theme_gem("o/evil")
    remote = theme_cache() / "remote" / "o"
    assert not (remote / "evil" / "HEAD").exists()
    assert not any(isolated.rglob("pwn.txt"))


def test_cached_folder_of_a_real_theme_round_trips(isolated: Path, server: Server,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """folder_tar_gz packs a folder the way codeload does (one top folder)."""
    src = isolated / "src-theme"
    for rel, body in THEME_FILES.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_bytes(body)
    monkeypatch.setenv("JEKPY_CODELOAD_URL", server.base)
    server.files["/o/packed/tar.gz/HEAD"] = folder_tar_gz(src, prefix="packed-HEAD/")
    gem = remote_theme_gem("o/packed")
    assert everything_under(gem.root) == everything_under(src)


def test_remote_theme_replaces_theme_and_skips_its_config(
    isolated: Path, server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As jekyll-remote-theme (an ``after_reset`` hook): the remote theme wins over
    ``theme:``, and its ``_config.yml`` is not merged (the configuration was read before)."""
    monkeypatch.setenv("JEKPY_CODELOAD_URL", server.base)
    members = [("r-HEAD/" + k, v) for k, v in THEME_FILES.items()]
    members.append(("r-HEAD/_config.yml", b"title: From the theme\n"))
    server.files["/o/r/tar.gz/HEAD"] = tar_bytes(list(members))
    site = isolated / "site"
    site.mkdir()
    (site / "_config.yml").write_text("theme: not-installed-anywhere\nremote_theme: o/r\n")
    (site / "index.md").write_text("---\nlayout: default\n---\n[{{ site.title }}]\n")
    built = build(site, site / "_site")
    assert built.config["theme"] == "r"
    assert "<p>[]</p>" in (site / "_site" / "index.html").read_text()
