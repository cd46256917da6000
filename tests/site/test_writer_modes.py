"""Written files get the permissions Jekyll's would (``File.write`` /
``FileUtils.cp``: 0666 or the source's mode, minus the umask), not the 0600 of
the temporary files jekpy writes through."""

from __future__ import annotations

import os
import stat
from pathlib import Path

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
