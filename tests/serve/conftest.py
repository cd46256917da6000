"""Fixtures for ``jekpy serve``: a copy of the example blog and a running server."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from servehelpers import copy_example

from jekpy.log import Logger
from jekpy.options import BuildOptions
from jekpy.serve.server import PreviewServer


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return copy_example(tmp_path / "blog")


@pytest.fixture
def server(site: Path) -> Iterator[PreviewServer]:
    srv = PreviewServer(
        BuildOptions(site, drafts=True), port=0, log=Logger(out=io.StringIO(), err=io.StringIO())
    )
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()
