"""atheris target: front matter parsing raises only jekpy's FrontMatterError."""

from __future__ import annotations

import contextlib
import sys

import _common  # noqa: F401
import atheris

with atheris.instrument_imports():
    from jekpy.content.frontmatter import parse_front_matter
    from jekpy.errors import JekpyError


def test_one(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    with contextlib.suppress(JekpyError):  # jekpy's own errors are the expected outcome
        parse_front_matter("---\n" + text, "fuzz.md")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
