"""The conversion cache: a warm build writes the same bytes as a cold one, and the
cache is invalidated by option changes and disabled by --disable-disk-cache/--safe."""

from __future__ import annotations

from pathlib import Path

import jekpy
from jekpy.cache import DiskCache
from jekpy.log import Logger

QUIET = Logger(level="error")


def _site(root: Path) -> Path:
    (root / "_posts").mkdir(parents=True)
    (root / "_layouts").mkdir()
    (root / "_layouts" / "default.html").write_text("<main>{{ content }}</main>\n")
    for i in range(5):
        (root / "_posts" / f"2020-01-0{i + 1}-p{i}.md").write_text(
            f"---\nlayout: default\n---\n# Post {i}\n\nSome *text* -- \"quoted\".\n\n```python\nx = {i}\n```\n"
        )
    return root


def _outputs(dest: Path) -> dict[str, bytes]:
    return {p.relative_to(dest).as_posix(): p.read_bytes() for p in dest.rglob("*") if p.is_file()}


def test_warm_build_is_identical_and_uses_the_cache(tmp_path: Path) -> None:
    src = _site(tmp_path / "src")
    cold = jekpy.build(src, tmp_path / "a", log=QUIET)
    assert cold.disk_cache.stats()["markdown"] == (0, 5)
    warm = jekpy.build(src, tmp_path / "b", log=QUIET)
    assert warm.disk_cache.stats()["markdown"] == (5, 0)
    assert _outputs(tmp_path / "a") == _outputs(tmp_path / "b")


def test_options_change_invalidates(tmp_path: Path) -> None:
    src = _site(tmp_path / "src")
    jekpy.build(src, tmp_path / "a", log=QUIET)
    (src / "_config.yml").write_text("kramdown:\n  auto_ids: false\n")
    site = jekpy.build(src, tmp_path / "b", log=QUIET)
    assert site.disk_cache.stats()["markdown"] == (0, 5)
    assert "<h1>Post 0</h1>" in (tmp_path / "b" / "2020/01/01/p0.html").read_text()


def test_disabled_cache_writes_nothing(tmp_path: Path) -> None:
    src = _site(tmp_path / "src")
    jekpy.build(src, tmp_path / "a", overrides={"disable_disk_cache": True}, log=QUIET)
    assert not (src / ".jekyll-cache" / "Jekpy").exists()
    jekpy.build(src, tmp_path / "b", overrides={"safe": True}, log=QUIET)
    assert not (src / ".jekyll-cache" / "Jekpy").exists()


def test_corrupt_cache_file_is_ignored(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / "markdown.pickle").write_bytes(b"not a pickle")
    cache = DiskCache(directory)
    upper = cache.wrap("markdown", str.upper, code="x")
    assert upper("abc") == "ABC"
    cache.save()
    again = DiskCache(directory).wrap("markdown", lambda s: "changed", code="x")
    assert again("abc") == "ABC"
