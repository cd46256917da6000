"""Whole-site builds compared byte for byte with real Jekyll 4.3.1.

Each ``golden/<case>/site`` is a small site written for one part of the site
model (time zones, permalinks, categories from paths, excerpts, front matter
defaults, collections, pagination, data files...).  ``golden/<case>/expected``
is what **real Jekyll 4.3.1** built from it: ``scripts/regen_site_golden.sh``
copies the site to a scratch folder and runs
``TZ=UTC JEKYLL_ENV=production jekyll build`` there (with the flags in
``site/.jekyll-flags`` and the modification times in ``site/.mtimes``, if any;
``site/.dest-before/`` is copied to the destination first, as an earlier
build's output, to test cleaning and ``keep_files``).
The expected files are never edited by hand; rerun the script instead.

The sites only use plain Liquid (output, ``for``, ``if``, ``join``, ``size``)
and mostly ``.html`` content, so that the comparison measures the site model
(reading, dates, URLs, payload, writing), not the Markdown or Liquid work.
A case may list, in ``site/.unstable``, files whose content still depends on
that work (one path per line, ``# reason`` comments allowed): those files must
exist but their content is not compared.

Ruby and Jekyll are not needed to run this test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import jekpy
from jekpy.log import Logger
from jekpy.support import sass

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(p.name for p in GOLDEN.iterdir() if (p / "site").is_dir())


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("JEKYLL_ENV", "production")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def _unstable(site: Path) -> set[str]:
    listing = site / ".unstable"
    if not listing.is_file():
        return set()
    out = set()
    for line in listing.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.add(line)
    return out


def _prepare(case: str, tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / case / "site", site, symlinks=True)
    mtimes = site / ".mtimes"
    if mtimes.is_file():
        for line in mtimes.read_text(encoding="utf-8").splitlines():
            if line.strip():
                path, date = line.split(" ", 1)
                subprocess.run(["touch", "-d", date, str(site / path)], check=True)
    return site


def _flags(site: Path) -> dict[str, bool]:
    flags_file = site / ".jekyll-flags"
    words = flags_file.read_text(encoding="utf-8").split() if flags_file.is_file() else []
    return {
        "drafts": "--drafts" in words,
        "future": "--future" in words,
        "unpublished": "--unpublished" in words,
    }


@pytest.mark.parametrize("case", CASES)
def test_site_matches_jekyll(case: str, tmp_path: Path) -> None:
    if case == "sass" and not sass.available():
        pytest.skip("needs the libsass package (Jekyll's Sass converter)")
    site = _prepare(case, tmp_path)
    out = tmp_path / "out"
    if (site / ".dest-before").is_dir():
        shutil.copytree(site / ".dest-before", out, symlinks=True)
    cwd = os.getcwd()
    os.chdir(site)
    try:
        jekpy.build(site, out, log=Logger(level="error"), **_flags(site))
    finally:
        os.chdir(cwd)
    expected = _files(GOLDEN / case / "expected")
    actual = _files(out)
    assert sorted(actual) == sorted(expected), "the site writes a different set of files"
    unstable = _unstable(site)
    differ = [
        name for name in expected if name not in unstable and actual[name] != expected[name]
    ]
    details = "\n".join(
        f"--- {name}\nexpected: {expected[name][:400]!r}\nactual:   {actual[name][:400]!r}"
        for name in differ[:5]
    )
    assert not differ, f"{len(differ)} file(s) differ from Jekyll's:\n{details}"
