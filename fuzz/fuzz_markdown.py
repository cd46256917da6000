"""atheris target: jekpy's Markdown converter never raises and always returns text."""

from __future__ import annotations

import sys

import _common  # noqa: F401
import atheris

with atheris.instrument_imports():
    from jekpy import markdown

CONVERT = markdown.make_converter(None)


def test_one(data: bytes) -> None:
    text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(4096)
    out = CONVERT(text)
    if not isinstance(out, str):
        raise AssertionError("converter returned a non-string")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one)
    atheris.Fuzz()
