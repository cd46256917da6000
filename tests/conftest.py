"""Shared fixtures: the repository root, the shared/ folder (when present), the
process time zone set to UTC for a module (``usefixtures("utc")``), and a check
that no test leaves the process time zone changed."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture
def repo() -> Path:
    return REPO


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "corpus").is_dir():
        pytest.skip("../shared (corpus and conformance data) is not present on this machine")
    return SHARED


@pytest.fixture(scope="module")
def utc() -> Iterator[None]:
    """``TZ=UTC`` for the module's tests (Ruby's and Python's local time alike)."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture(autouse=True)
def _process_time_zone_untouched() -> Iterator[None]:
    """No test leaves the process's time zone changed.  jekpy holds a site's
    ``timezone:`` in the build (``jekpy.support.dates.site_zone``) where Jekyll sets
    ``ENV["TZ"]``; a change here means something wrote ``$TZ`` (or called
    ``time.tzset()``) and did not restore it.  (Autouse: checked after
    ``monkeypatch`` and the tests' own TZ fixtures are undone.)"""
    old = os.environ.get("TZ")
    zone = time.tzname
    yield
    changed = os.environ.get("TZ") != old or time.tzname != zone
    if changed:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
    assert not changed, f"the process time zone changed: $TZ {old!r} -> {os.environ.get('TZ')!r}"
