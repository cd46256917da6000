"""The real sites in ../shared/corpus, built by jekpy, against Jekyll 4.3.1's output.

`expected/` there was written by Debian's Jekyll 4.3.1 (see each site's README).
Feeds carry the build time (`site.time`); the build here pins jekpy's clock to the
time Jekyll stamped (read from the expected feed), so every file must be
byte-identical.  Skipped when ../shared is not present.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import jekpy
from jekpy.log import Logger

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SITES = sorted(p.name for p in SHARED.iterdir() if (p / "src").is_dir()) if SHARED.is_dir() else []
EXTS = {".html", ".xml", ".txt", ".json"}


def _build_time(expected: Path) -> str | None:
    for feed in sorted(expected.rglob("*.xml")):
        m = re.search(
            r"<updated>(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d)</updated>", feed.read_text()
        )
        if m:
            return m.group(1)
    return None


@pytest.mark.skipif(not SITES, reason="../shared/corpus is not present on this machine")
@pytest.mark.parametrize("name", SITES)
def test_corpus_site_is_byte_identical(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_dir = SHARED / name
    src = tmp_path / "src"
    shutil.copytree(site_dir / "src", src)
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("JEKYLL_ENV", "production")
    stamp = _build_time(site_dir / "expected")
    if stamp:
        monkeypatch.setenv("JEKPY_SITE_TIME", stamp)
    out = tmp_path / "out"
    jekpy.build(src, out, overrides={"disable_disk_cache": True}, log=Logger(level="error"))
    expected = {
        p.relative_to(site_dir / "expected").as_posix()
        for p in (site_dir / "expected").rglob("*")
        if p.is_file() and p.suffix in EXTS
    }
    actual = {
        p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.suffix in EXTS
    }
    assert actual == expected
    differ = [
        rel
        for rel in sorted(expected)
        if (out / rel).read_bytes() != (site_dir / "expected" / rel).read_bytes()
    ]
    assert differ == []
