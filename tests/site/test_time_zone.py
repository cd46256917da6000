"""A site's ``timezone:`` is held by its build, never written to the process's
``$TZ`` (Jekyll sets ``ENV["TZ"]``; jekpy's output must be the same without it)."""

from __future__ import annotations

import io
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import jekpy
from jekpy.log import Logger
from jekpy.support.dates import local_zone

GOLDEN = Path(__file__).parent / "golden" / "tz-tokyo"


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's zone is far from the site's (Asia/Tokyo)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("new_york")
def test_timezone_is_held_by_the_build_not_the_process(tmp_path: Path) -> None:
    shutil.copytree(GOLDEN / "site", tmp_path / "site")
    zone_before = time.tzname
    site = jekpy.build(tmp_path / "site", tmp_path / "out", log=Logger(out=io.StringIO()))
    assert os.environ["TZ"] == "America/New_York" and time.tzname == zone_before
    assert local_zone() is None  # nothing leaks out of the build
    assert str(site.clock.tz) == "Asia/Tokyo"
    expected = sorted(p.relative_to(GOLDEN / "expected") for p in (GOLDEN / "expected").rglob("*"))
    assert expected == sorted(p.relative_to(tmp_path / "out") for p in (tmp_path / "out").rglob("*"))
    for rel in expected:
        if (GOLDEN / "expected" / rel).is_file():
            got = (tmp_path / "out" / rel).read_bytes()
            assert got == (GOLDEN / "expected" / rel).read_bytes(), rel
