"""A build with the disk cache into a destination that does not exist makes the
previous build's files (empty) and folders ahead, in a forked process, while it
reads and renders (``builder/ahead.py``).  What it writes is what a build without
that writes: files and folders no longer written are gone, nothing lands outside
the staging folder, and a failed build leaves nothing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from test_build_modes import POSTS, _build, _outputs, _site

import jekpy
from jekpy.builder import writer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="folders are made ahead with fork")


def _listing(src: Path) -> Path:
    return src / ".jekyll-cache" / "Jekpy" / "written.txt"


def _empty_folders(root: Path) -> list[str]:
    return [str(p.relative_to(root)) for p in root.rglob("*") if p.is_dir() and not any(p.iterdir())]


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, bool]]:
    """Record each make_ahead call: how many files, whether the process started."""
    calls: list[tuple[int, bool]] = []
    make_ahead = writer.Staging.make_ahead

    def spy(self: writer.Staging, paths: list[str]) -> bool:
        started = make_ahead(self, paths)
        calls.append((len(paths), started))
        return started

    monkeypatch.setattr(writer.Staging, "make_ahead", spy)
    return calls


def _rebuild_fresh(src: Path, dest: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Build again into a deleted ``dest``: the files were made ahead, and the output
    is a cold serial build's, with no empty folder left."""
    calls = _spy(monkeypatch)
    shutil.rmtree(dest)
    warm = _build(src, dest, "2", monkeypatch)
    assert calls and calls[0][1]
    cold = _build(src, dest.parent / "cold", "1", monkeypatch, disable_disk_cache=True)
    assert warm == cold
    assert _empty_folders(dest) == []
    return warm


def test_a_warm_build_makes_the_folders_ahead_and_writes_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _site(tmp_path / "src")
    cold = _build(src, tmp_path / "cold", "1", monkeypatch, disable_disk_cache=True)
    calls = _spy(monkeypatch)
    dest = tmp_path / "out"
    first = _build(src, dest, "2", monkeypatch)
    assert calls == []  # no listing yet
    listed = _listing(src).read_text().split()
    assert sorted(listed) == sorted(cold)
    shutil.rmtree(dest)
    warm = _build(src, dest, "2", monkeypatch)
    assert calls == [(len(listed), True)]
    assert first == warm == cold
    assert _empty_folders(dest) == []
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".stage")]


def test_files_the_build_no_longer_writes_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Half the posts deleted and one edited since the listing was written: the
    edited ones render again (in the workers, into the same staging folder); the
    deleted posts' files and folders, made ahead, do not stay behind."""
    src = _site(tmp_path / "src")
    dest = tmp_path / "out"
    _build(src, dest, "2", monkeypatch)
    posts = sorted((src / "_posts").iterdir())
    for post in posts[: POSTS // 2]:
        post.unlink()
    edited = posts[-1]
    edited.write_text(edited.read_text().replace("Intro of", "Edited intro of"))
    warm = _rebuild_fresh(src, dest, monkeypatch)
    assert any(b"Edited intro of" in data for data in warm.values())


def test_a_listing_that_leaves_the_destination_is_not_followed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _site(tmp_path / "src")
    dest = tmp_path / "out"
    _build(src, dest, "2", monkeypatch)
    listing = _listing(src)
    escapes = ["../escaped", "a/../../escaped2", str(tmp_path / "absolute")]
    listing.write_text("\n".join(escapes + listing.read_text().split()) + "\n")
    shutil.rmtree(dest)
    _build(src, dest, "2", monkeypatch)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]
    assert _empty_folders(dest) == []


def test_a_failed_build_with_folders_made_ahead_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = _site(tmp_path / "src")
    dest = tmp_path / "out"
    _build(src, dest, "2", monkeypatch)
    (src / "broken.html").write_text("---\n---\n{% nosuch %}\n")
    calls = _spy(monkeypatch)
    shutil.rmtree(dest)
    with pytest.raises(jekpy.JekpyError, match="nosuch"):
        _build(src, dest, "2", monkeypatch)
    assert calls and calls[0][1]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]


def test_one_job_and_an_existing_destination_make_nothing_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``JEKPY_JOBS=1`` means one process; a destination that exists is written in
    place (no staging folder to make folders in)."""
    src = _site(tmp_path / "src")
    dest = tmp_path / "out"
    first = _build(src, dest, "2", monkeypatch)
    calls = _spy(monkeypatch)
    assert _build(src, dest, "2", monkeypatch) == first
    shutil.rmtree(dest)
    assert _build(src, dest, "1", monkeypatch) == first
    assert calls == []
    assert _outputs(dest) == first


def test_a_file_where_a_folder_was_made_ahead_and_the_other_way_round(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The previous build wrote ``x/index.html`` and a file ``y``; this one writes a
    file ``x`` and ``y/index.html``: what was made ahead gives way, the build
    writes what a cold build writes."""
    src = _site(tmp_path / "src")
    (src / "x.md").write_text("---\npermalink: /x/\n---\nx page\n")
    (src / "y").write_text("a static file named y\n")
    dest = tmp_path / "out"
    _build(src, dest, "2", monkeypatch)
    assert (dest / "x" / "index.html").is_file() and (dest / "y").is_file()
    (src / "x.md").unlink()
    (src / "x").write_text("a static file named x\n")
    (src / "y").unlink()
    (src / "y.md").write_text("---\npermalink: /y/\n---\ny page\n")
    warm = _rebuild_fresh(src, dest, monkeypatch)
    assert "x" in warm and "y/index.html" in warm


def test_a_cold_parallel_build_makes_the_documents_files_ahead(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without the disk cache there is no listing, but before the workers fork the
    documents' paths are known: they are made ahead while the parent prepares the
    workers, and the result is the serial build's."""
    src = _site(tmp_path / "src")
    serial = _build(src, tmp_path / "serial", "1", monkeypatch, disable_disk_cache=True)
    calls = _spy(monkeypatch)
    parallel = _build(src, tmp_path / "parallel", "2", monkeypatch, disable_disk_cache=True)
    assert calls == [(POSTS, True)]
    assert parallel == serial
    assert _empty_folders(tmp_path / "parallel") == []
    assert not _listing(src).exists()
