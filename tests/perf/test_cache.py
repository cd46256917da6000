"""The conversion cache: a warm build writes the same bytes as a cold one, and the
cache is invalidated by option changes and disabled by --disable-disk-cache/--safe."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import jekpy
from jekpy.log import Logger
from jekpy.support.cache import DiskCache

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


def test_conversions_outlive_builds_that_reuse_every_render(tmp_path: Path) -> None:
    """A build that converts nothing (all renders reused) keeps the cache, so the
    full render after a layout edit converts nothing either."""
    src = _site(tmp_path / "src")
    jekpy.build(src, tmp_path / "out", log=QUIET)
    reused = jekpy.build(src, tmp_path / "out", log=QUIET)
    assert reused.disk_cache.stats()["markdown"] == (0, 0)
    (src / "_layouts" / "default.html").write_text("<main class=x>{{ content }}</main>\n")
    relaid = jekpy.build(src, tmp_path / "out", log=QUIET)
    assert relaid.disk_cache.stats()["markdown"] == (5, 0)
    assert (tmp_path / "out" / "2020/01/01/p0.html").read_text().startswith("<main class=x>")


def test_front_matter_comes_from_the_cache(tmp_path: Path) -> None:
    src = _site(tmp_path / "src")
    first = jekpy.build(src, tmp_path / "a", log=QUIET)
    assert first.disk_cache.stats()["frontmatter"] == (4, 1)  # five identical headers
    second = jekpy.build(src, tmp_path / "a", log=QUIET)
    assert second.disk_cache.stats()["frontmatter"] == (5, 0)
    post = next(d for d in second.posts.docs if d.relative_path.endswith("p0.md"))
    assert post.data["layout"] == "default"


def test_unchanged_pages_are_left_alone(tmp_path: Path) -> None:
    """A page whose bytes are already in the destination is not rewritten (its
    modification time stays); a changed one is replaced."""
    import os

    src = _site(tmp_path / "src")
    dest = tmp_path / "out"
    jekpy.build(src, dest, overrides={"disable_disk_cache": True}, log=QUIET)
    same, changed = dest / "2020/01/01/p0.html", dest / "2020/01/02/p1.html"
    for page in (same, changed):
        os.utime(page, ns=(1_000_000_000, 1_000_000_000))
    post = src / "_posts" / "2020-01-02-p1.md"
    post.write_text(post.read_text() + "\nMore.\n")
    jekpy.build(src, dest, overrides={"disable_disk_cache": True}, log=QUIET)
    assert same.stat().st_mtime_ns == 1_000_000_000
    assert changed.stat().st_mtime_ns != 1_000_000_000
    assert "<p>More.</p>" in changed.read_text()


def test_a_build_that_reuses_every_render_reads_and_writes_no_state_again(tmp_path: Path) -> None:
    """When every render is reused (a fresh destination, nothing edited), the
    conversion cache is never read (nothing is converted) and the saved records
    are not written again (they would be the same); an edit after that is still
    seen, and the output is a full build's."""
    src = _site(tmp_path / "src")
    out = tmp_path / "out"
    jekpy.build(src, out, log=QUIET)
    first = _outputs(out)
    folder = src / ".jekyll-cache" / "Jekpy"
    names = ("incremental.pickle", "markdown.pickle")
    for name in names:
        os.utime(folder / name, ns=(1_000_000_000, 1_000_000_000))
    shutil.rmtree(out)
    reused = jekpy.build(src, out, log=QUIET)
    assert reused.incremental_state is not None and reused.incremental_state.rendered == 0
    assert reused.disk_cache.sizes()["markdown"] == 0  # never read
    for name in names:
        assert (folder / name).stat().st_mtime_ns == 1_000_000_000, name
    assert _outputs(out) == first
    post = src / "_posts" / "2020-01-02-p1.md"
    post.write_text(post.read_text() + "\nMore.\n")
    shutil.rmtree(out)
    edited = jekpy.build(src, out, log=QUIET)
    assert edited.incremental_state is not None and edited.incremental_state.rendered >= 1
    assert (folder / "incremental.pickle").stat().st_mtime_ns != 1_000_000_000
    assert edited.disk_cache.stats()["markdown"] == (0, 1)
    jekpy.build(src, tmp_path / "full", overrides={"disable_disk_cache": True}, log=QUIET)
    full = _outputs(tmp_path / "full")
    assert _outputs(out) == full
    shutil.rmtree(out)
    again = jekpy.build(src, out, log=QUIET)
    assert again.incremental_state is not None and again.incremental_state.rendered == 0
    assert _outputs(out) == full


def test_store_is_read_on_first_use(tmp_path: Path) -> None:
    directory = tmp_path / "cache"
    first = DiskCache(directory)
    upper = first.wrap("markdown", str.upper, code="x")
    assert upper("abc") == "ABC"
    first.save()
    later = DiskCache(directory)
    store = later.store("markdown", code="x")
    assert not store.loaded and later.export() == {}
    later.load()
    assert store.loaded and len(store.entries) == 1
