"""Shared fixtures: the repository root, the shared/ folder (when present), and
the process time zone set to UTC for a module (``usefixtures("utc")``)."""

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
def _process_time_zone_restored() -> Iterator[None]:
    """Undo a site's ``timezone:`` after each test.  Building such a site sets the
    process time zone (``$TZ`` and ``time.tzset()``, as Jekyll sets ``ENV["TZ"]``);
    ``monkeypatch`` restores ``$TZ`` but not the C library's zone, so later tests
    would format dates in that zone.  (Autouse: torn down after ``monkeypatch``.)"""
    old = os.environ.get("TZ")
    zone = time.tzname
    yield
    if os.environ.get("TZ") != old or time.tzname != zone:
        if old is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = old
        time.tzset()
