"""A site shaped as ``jekyll new`` makes it (``theme: minima``, ``plugins: [jekyll-feed]``)
builds byte for byte as real Jekyll builds it: with the minima gem found where Debian
installed it, and with minima installed by ``jekpy theme install`` from a local server.

Jekyll's output is made live by ``jekyll build`` on the same site (skipped without
Jekyll or the minima gem)."""

from __future__ import annotations

import filecmp
import gzip
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from themes_helpers import Server, folder_tar_gz, gem_bytes, publish_gem

from jekpy.api import build
from jekpy.log import Logger
from jekpy.support.theme_fetch import install_gem
from jekpy.support.themes import find_theme_gem, gem_dependencies, theme_cache

pytestmark = pytest.mark.usefixtures("utc")

DEBIAN_MINIMA = Path("/usr/share/rubygems-integration/all/gems/minima-2.5.1")

SITE = {
    "_config.yml": (
        "title: Field Notes\n"
        "email: notes@example.org\n"
        "description: >-\n"
        "  Notes from the field, written down as they come. A second line\n"
        "  of description to fold.\n"
        'baseurl: ""\n'
        'url: "https://notes.example.org"\n'
        "twitter_username: fieldnotes\n"
        "github_username: fieldnotes\n"
        "theme: minima\n"
        "plugins:\n"
        "  - jekyll-feed\n"
        "time: 2024-03-04 05:06:07 +0000\n"
    ),
    "index.markdown": "---\nlayout: home\n---\n",
    "about.markdown": (
        "---\nlayout: page\ntitle: About\npermalink: /about/\n---\n"
        "These notes are kept by *one* person.\n\nMore about them: [home](/).\n"
    ),
    "404.html": (
        "---\npermalink: /404.html\nlayout: default\n---\n\n"
        '<div class="container">\n  <h1>404</h1>\n  <p><strong>Not here</strong></p>\n</div>\n'
    ),
    "_posts/2024-02-01-first-note.markdown": (
        "---\nlayout: post\ntitle: \"First note\"\ndate: 2024-02-01 10:20:30 +0000\n"
        "categories: field update\n---\n"
        "The first note, with `inline code` and a list:\n\n- one\n- two\n\n"
        "{% highlight ruby %}\ndef hello(name)\n  puts \"Hi, #{name}\"\nend\n{% endhighlight %}\n\n"
        "A [link](https://example.org) and \"quotes\" -- dashes.\n"
    ),
    "_posts/2024-02-10-second-note.md": (
        "---\nlayout: post\ntitle: Second note\n---\n"
        "Short one.\n\n## A heading\n\nWith a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    ),
}


def _write_site(root: Path) -> Path:
    for rel, text in SITE.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def _jekyll_build(site: Path, dest: Path) -> None:
    if shutil.which("jekyll") is None:
        pytest.skip("real Jekyll is not installed: nothing to compare with")
    if not DEBIAN_MINIMA.is_dir():
        pytest.skip("the minima gem is not installed for Jekyll on this machine")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEM_", "BUNDLE_"))}
    env["TZ"] = "UTC"
    subprocess.run(["jekyll", "build", "-s", str(site), "-d", str(dest), "-q"], cwd=site,
                   env=env, check=True, capture_output=True, timeout=300)


def _map_without_sources(path: Path) -> object:
    data = json.loads(path.read_text(encoding="utf-8"))
    data.pop("sources", None)
    return data


def _same_tree(a: Path, b: Path, *, theme_moved: bool = False) -> list[str]:
    """Files that differ or exist on one side only (empty: identical trees).

    ``theme_moved``: the two builds used copies of the theme in different folders, so
    a source map's ``sources`` (paths to the theme's Sass files) may differ; the rest
    of the map must not."""
    diffs: list[str] = []
    files_a = {p.relative_to(a).as_posix() for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b).as_posix() for p in b.rglob("*") if p.is_file()}
    diffs += sorted(files_a ^ files_b)
    for rel in sorted(files_a & files_b):
        if filecmp.cmp(a / rel, b / rel, shallow=False):
            continue
        if (theme_moved and rel.endswith(".css.map")
                and _map_without_sources(a / rel) == _map_without_sources(b / rel)):
            continue
        diffs.append(rel)
    return diffs


def test_jekyll_new_site_with_debian_minima(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    site = _write_site(tmp_path / "site")
    _jekyll_build(site, tmp_path / "jekyll")
    monkeypatch.setenv("JEKPY_CACHE_DIR", str(tmp_path / "empty-cache"))
    built = build(site, tmp_path / "jekpy", log=Logger(level="error"))
    assert built.theme is not None and built.theme.version == "2.5.1"
    assert "jekyll-seo-tag" in built.plugins.enabled  # from minima's gemspec
    assert (tmp_path / "jekpy" / "feed.xml").is_file()
    assert _same_tree(tmp_path / "jekyll", tmp_path / "jekpy") == []


def test_jekyll_new_site_after_theme_install(tmp_path: Path, server: Server,
                                             isolated: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The minima gem is packed by the test from the installed copy, served by a local
    server, installed with ``install_gem``, and then found in jekpy's cache."""
    site = _write_site(tmp_path / "site")
    _jekyll_build(site, tmp_path / "jekyll")
    debian = find_theme_gem("minima", Logger(level="error"))
    assert debian is not None
    deps = gem_dependencies(debian)
    gem = gem_bytes("minima", "2.5.1", folder_tar_gz(DEBIAN_MINIMA), deps=deps)
    assert gzip.decompress(folder_tar_gz(DEBIAN_MINIMA))  # a real gzip'd tar inside
    publish_gem(server, "minima", "2.5.1", gem)
    monkeypatch.setenv("JEKPY_RUBYGEMS_URL", server.base)
    installed = install_gem("minima", log=Logger(level="error"))
    assert installed.root == theme_cache() / "gems" / "minima-2.5.1"
    built = build(site, tmp_path / "jekpy", log=Logger(level="error"))
    assert built.theme is not None and built.theme.root == installed.root
    assert "jekyll-seo-tag" in built.plugins.enabled  # from the gem's metadata
    assert _same_tree(tmp_path / "jekyll", tmp_path / "jekpy", theme_moved=True) == []
    sources = json.loads((tmp_path / "jekpy" / "assets" / "main.css.map").read_text())["sources"]
    assert any("cache/themes/gems/minima-2.5.1/_sass/" in s for s in sources)


def test_site_made_by_jekyll_new_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``jekyll new --skip-bundle`` writes the site (Jekyll's own scaffold, never copied
    into this repository); both build it the same (``time:`` pinned after its post date)."""
    if shutil.which("jekyll") is None or not DEBIAN_MINIMA.is_dir():
        pytest.skip("real Jekyll with the minima gem is not installed")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GEM_", "BUNDLE_"))}
    subprocess.run(["jekyll", "new", "--skip-bundle", str(tmp_path / "site")], env=env,
                   check=True, capture_output=True, timeout=300)
    site = tmp_path / "site"
    config = site / "_config.yml"
    config.write_text(config.read_text() + "\ntime: 2099-01-01 00:00:00 +0000\n")
    _jekyll_build(site, tmp_path / "jekyll")
    monkeypatch.setenv("JEKPY_CACHE_DIR", str(tmp_path / "empty-cache"))
    build(site, tmp_path / "jekpy", log=Logger(level="error"))
    assert any((tmp_path / "jekpy").rglob("welcome-to-jekyll.html"))
    assert _same_tree(tmp_path / "jekyll", tmp_path / "jekpy") == []
