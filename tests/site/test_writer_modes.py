"""Written files get the permissions Jekyll's would (``File.write`` /
``FileUtils.cp``: 0666 or the source's mode, minus the umask), not the 0600 of
the temporary files jekpy writes through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import jekpy
from jekpy.log import Logger


def test_output_modes_follow_the_umask(tmp_path: Path) -> None:
    src = tmp_path / "site"
    src.mkdir()
    (src / "index.html").write_text("---\n---\nhi\n", encoding="utf-8")
    (src / "plain.txt").write_text("static\n", encoding="utf-8")
    (src / "run.sh").write_text("#!/bin/sh\n", encoding="utf-8")
    os.chmod(src / "plain.txt", 0o644)
    os.chmod(src / "run.sh", 0o755)
    old = os.umask(0o022)
    try:
        jekpy.build(src, tmp_path / "out", log=Logger(level="error"))
    finally:
        os.umask(old)
    out = tmp_path / "out"

    def mode(name: str) -> int:
        return stat.S_IMODE((out / name).stat().st_mode)

    assert mode("index.html") == 0o644
    assert mode("plain.txt") == 0o644
    assert mode("run.sh") == 0o755


def test_static_files_copied_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # copy_file (os.sendfile, shutil where that cannot) copies every byte: empty,
    # small, larger than one sendfile chunk, binary; and shutil's copy when
    # sendfile refuses at once
    from jekpy.builder import writer

    monkeypatch.setattr(writer, "_SENDFILE_CHUNK", 4096)
    contents = [b"", b"x", os.urandom(3 * 4096 + 17), bytes(range(256)) * 100]
    for n, data in enumerate(contents):
        (tmp_path / f"s{n}").write_bytes(data)
        writer.copy_file(tmp_path / f"s{n}", str(tmp_path / f"d{n}"))
        assert (tmp_path / f"d{n}").read_bytes() == data

    def refuse(*args: object) -> int:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(writer.os, "sendfile", refuse)
    writer.copy_file(tmp_path / "s2", str(tmp_path / "d2b"))
    assert (tmp_path / "d2b").read_bytes() == contents[2]
    # a named pipe is refused as shutil refuses it (never opened, so never waited on)
    os.mkfifo(tmp_path / "fifo")
    import shutil

    with pytest.raises(shutil.SpecialFileError):
        writer.copy_file(tmp_path / "fifo", str(tmp_path / "dfifo"))


def test_rewritten_files_keep_none_of_their_old_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Staged files and copies are opened without O_TRUNC (truncating an empty file
    # made ahead makes ext4 write it back at close); what is left of a longer file
    # is cut after writing.
    from jekpy.builder import writer

    (tmp_path / "short").write_bytes(b"short")
    (tmp_path / "long").write_bytes(b"x" * 10_000)
    writer.copy_file(tmp_path / "short", str(tmp_path / "long"))
    assert (tmp_path / "long").read_bytes() == b"short"

    def refuse(*args: object) -> int:
        raise OSError(22, "Invalid argument")

    (tmp_path / "long2").write_bytes(b"y" * 10_000)
    with monkeypatch.context() as patch:
        patch.setattr(writer.os, "sendfile", refuse)  # shutil's copy instead
        writer.copy_file(tmp_path / "short", str(tmp_path / "long2"))
    assert (tmp_path / "long2").read_bytes() == b"short"

    class Owner:  # stands for the site the staging folder belongs to
        pass

    owner = Owner()
    staging = writer.Staging(owner, tmp_path / "out")  # type: ignore[arg-type]
    page = tmp_path / "out" / "a" / "index.html"
    staging.put(page, b"a much longer first version\n")
    staging.put(page, b"second\n")  # the same path twice in one build: the last wins
    staged = Path(staging._staged_path(page))
    assert staged.read_bytes() == b"second\n"
    staging.put(page, b"")
    assert staged.read_bytes() == b""
    staging.discard()
    assert not staged.exists()
