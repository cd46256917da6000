"""Golden sites for the built-in plugins.

Each ``golden/<case>/site`` was built by real Jekyll 4.3.1 with the Debian
plugin packages into ``golden/<case>/expected`` by
``scripts/regen_plugins_golden.sh`` (``TZ=UTC LC_ALL=C.UTF-8
JEKYLL_ENV=production jekyll build --disable-disk-cache``, every source file's
modification time set to 2024-01-01 00:00:00 UTC, ``time:`` fixed in each
``_config.yml``).  The expected files are never edited by hand.  Here jekpy
builds the same site the same way and every output file must be byte-identical.
Ruby is not needed.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from jekpy.api import build
from jekpy.log import Logger

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "expected").is_dir())
MTIME = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc).timestamp()


def _files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def build_case(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / case / "site", site)
    for path in [site, *site.rglob("*")]:
        os.utime(path, (MTIME, MTIME))
    out = tmp_path / "out"
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("JEKYLL_ENV", "production")
    monkeypatch.delenv("JEKPY_SITE_TIME", raising=False)
    monkeypatch.chdir(site)
    build(site, out, log=Logger(level="error"))
    return out


@pytest.mark.parametrize("case", CASES)
def test_golden_site(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = build_case(case, tmp_path, monkeypatch)
    expected = GOLDEN / case / "expected"
    want, got = _files(expected), _files(out)
    assert sorted(want - got) == [], "files Jekyll wrote that jekpy did not"
    assert sorted(got - want) == [], "files jekpy wrote that Jekyll did not"
    differ = [f for f in sorted(want) if (expected / f).read_bytes() != (out / f).read_bytes()]
    for name in differ[:3]:
        assert (out / name).read_text(errors="replace") == (expected / name).read_text(
            errors="replace"
        ), name
    assert differ == []
