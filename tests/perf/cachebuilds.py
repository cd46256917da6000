"""Helpers for the command-cache tests: a small site written from a dict, and the
same build run through the ``jekpy`` command with a cache off, then on twice."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from sitefiles import write_site

__all__ = ["build_off_on_on", "write_site"]


def build_off_on_on(
    site: Path, tmp_path: Path, switches: Callable[[str], dict[str, str]],
    after_first: Callable[[], None] | None = None,
) -> list[Path]:
    """Build ``site`` three times in fresh processes, with ``switches("0")`` then
    ``switches("1")`` twice added to the environment (caches under
    ``tmp_path/xdg``); ``after_first`` runs after the first build.  The outputs."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "xdg"), TZ="UTC")
    env.pop("JEKPY_REGEX_CACHE", None)
    env.pop("JEKPY_CODE_CACHE", None)
    outputs = []
    for run, switch in enumerate(["0", "1", "1"]):
        dest = tmp_path / f"out{run}"
        subprocess.run(
            [sys.executable, "-m", "jekpy", "build", "-q", "--disable-disk-cache",
             "-s", str(site), "-d", str(dest)],
            env={**env, **switches(switch)}, check=True, timeout=120,
        )
        outputs.append(dest)
        if run == 0 and after_first is not None:
            after_first()
    return outputs
