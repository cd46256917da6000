"""The real sites in ../shared/corpus, built by jekpy, against Jekyll 4.3.1's output.

`expected/` there was written by Debian's Jekyll 4.3.1 (see each site's README):
every source file had the site's commit time as modification time (sitemaps print
it; the times are in corpus_commit_times.json) and the build started at the time
in `jekyll-build.json` (feeds print `site.time`).  The build here reproduces both:
it copies `src/` to a scratch folder (without any `.jekyll-cache` a local build left
there), stamps the files and pins jekpy's clock to the build's `site.time` (the
feed stamp inside that window).  Then every expected file must be written, and
byte-identical, except the few listed in TIME_DEPENDENT, whose content depends on
more than the second of the build time.
Skipped when ../shared is not present.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import jekpy
from jekpy.log import Logger

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "corpus"
SITES = sorted(p.name for p in SHARED.iterdir() if (p / "src").is_dir()) if SHARED.is_dir() else []
EXTS = {".html", ".xml", ".txt", ".json"}
COMMIT_TIMES: dict[str, str] = {
    k: v
    for k, v in json.loads((HERE / "corpus_commit_times.json").read_text()).items()
    if not k.startswith("_")
}

_UPDATED = re.compile(r"<updated>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d)</updated>")
_BUILD_DATE = re.compile(r"<lastBuildDate>([^<]+)</lastBuildDate>")

# Files whose content Jekyll derived from sub-second parts of the build time.
TIME_DEPENDENT: dict[str, dict[str, str]] = {
    "jekyll-docs": {
        "jekyllconf/index.html": "features the talk number `site.time | date: '%s%N'` "
        "modulo the number of talks: it changes every nanosecond",
    },
}


@pytest.fixture(autouse=True)
def _utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """TZ=UTC for each build (the machine's zone for a site without ``timezone:``,
    as Jekyll's output was made)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def _stamp(root: Path, when: str) -> None:
    seconds = dt.datetime.fromisoformat(when).timestamp()
    for dirpath, dirnames, filenames in os.walk(root):
        for name in dirnames + filenames:
            os.utime(os.path.join(dirpath, name), (seconds, seconds), follow_symlinks=False)
    os.utime(root, (seconds, seconds))


def _site_time(site_dir: Path) -> str:
    """``site.time`` of Jekyll's build: the feed stamp that falls inside the build's
    window (jekyll-build.json), else the window's start."""
    window = json.loads((site_dir / "jekyll-build.json").read_text())
    start, end = float(window["start"]), float(window["end"])
    for feed in sorted((site_dir / "expected").rglob("*.xml")):
        text = feed.read_text(encoding="utf-8")
        stamps = [dt.datetime.fromisoformat(m) for m in _UPDATED.findall(text)]
        stamps += [email.utils.parsedate_to_datetime(m) for m in _BUILD_DATE.findall(text)]
        for stamp in stamps:
            if start - 1 <= stamp.timestamp() <= end + 1:
                return stamp.strftime("%Y-%m-%d %H:%M:%S %z")
    return dt.datetime.fromtimestamp(start, dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S +0000")


def _outputs(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.suffix in EXTS}


@pytest.mark.skipif(not SITES, reason="../shared/corpus is not present on this machine")
@pytest.mark.parametrize("name", SITES)
def test_corpus_site_is_byte_identical(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_dir = SHARED / name
    src = tmp_path / "src"
    shutil.copytree(site_dir / "src", src, ignore=shutil.ignore_patterns(".jekyll-cache"))
    for path in [src, *src.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o200)
    if name in COMMIT_TIMES:
        _stamp(src, COMMIT_TIMES[name])
    monkeypatch.setenv("JEKYLL_ENV", "production")
    monkeypatch.setenv("JEKPY_SITE_TIME", _site_time(site_dir))
    out = tmp_path / "out"
    jekpy.build(src, out, overrides={"disable_disk_cache": True}, log=Logger(level="error"))
    expected_dir = site_dir / "expected"
    expected = _outputs(expected_dir)
    assert _outputs(out) == expected
    skip = TIME_DEPENDENT.get(name, {})
    differ = [
        rel
        for rel in sorted(expected)
        if rel not in skip and (out / rel).read_bytes() != (expected_dir / rel).read_bytes()
    ]
    assert not differ, f"{len(differ)} file(s) differ: {differ[:10]}\n" + _first_difference(
        expected_dir / differ[0], out / differ[0]
    ) if differ else ""


def _first_difference(expected: Path, actual: Path) -> str:
    want, got = expected.read_bytes(), actual.read_bytes()
    at = next((i for i, (a, b) in enumerate(zip(want, got, strict=False)) if a != b), None)
    if at is None:
        at = min(len(want), len(got))
    return f"{expected.name} at byte {at}:\nexpected {want[at - 80:at + 120]!r}\nactual   {got[at - 80:at + 120]!r}"


@pytest.mark.skipif(not SITES, reason="../shared/corpus is not present on this machine")
def test_every_corpus_site_is_checked() -> None:
    assert sorted(COMMIT_TIMES) == SITES, "add the new site's commit time to corpus_commit_times.json"
