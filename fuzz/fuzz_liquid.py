"""atheris target: a Jekyll page render raises only jekpy's errors, in bounded time."""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import _common  # noqa: F401
import atheris

with atheris.instrument_imports():
    from jekpy.builder.site import Site
    from jekpy.config import load_config
    from jekpy.errors import JekpyError
    from jekpy.log import Logger

SITE_DIR = Path(tempfile.mkdtemp(prefix="jekpy-fuzz-"))
(SITE_DIR / "_includes").mkdir()
(SITE_DIR / "_includes" / "a.html").write_text("[{{ include.x }}]", encoding="utf-8")
SITE = Site(load_config(SITE_DIR), log=Logger(level="error"))
SITE.read()
DATA = {"site": SITE.drop, "page": {"title": "T", "tags": ["a", "b"]}, "x": [1, 2, 3]}


def test_one(data: bytes) -> None:
    source = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(2048)
    with contextlib.suppress(JekpyError):  # jekpy's own errors are the expected outcome
        SITE.liquid.render_source(source, DATA, path="fuzz.html")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
