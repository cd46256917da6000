"""Compiled or pure Python: which implementation of jekpy's hot modules runs.

A regular install (``pip install .``) compiles the modules in ``COMPILED`` with
mypyc when it can (see setup.py); each then exists twice in the package, as the
``.py`` source and as an extension module next to it, and Python's import system
prefers the extension module.  ``JEKPY_PURE=1`` in the environment makes jekpy
import the ``.py`` sources instead (same output, slower): a finder placed first
on ``sys.meta_path`` when ``jekpy`` is imported, before any of those modules.

An editable install (``pip install -e .``) never compiles, so an edited ``.py``
file is always what runs.
"""

from __future__ import annotations

import os
import sys
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec

#: The environment variable that selects the pure-Python modules ("1"; "" and "0": off).
PURE_ENV = "JEKPY_PURE"

#: The modules a regular install compiles (setup.py reads this tuple from this file).
COMPILED = (
    "jekpy.highlight.formatter",
    "jekpy.highlight.scan",
    "jekpy.markdown.block",
    "jekpy.markdown.converter",
    "jekpy.markdown.html",
    "jekpy.markdown.ids",
    "jekpy.markdown.native",
    "jekpy.markdown.options",
    "jekpy.markdown.parser",
    "jekpy.markdown.patterns",
    "jekpy.markdown.render",
    "jekpy.markdown.span",
    "jekpy.markdown.state",
    "jekpy.markdown.table",
    "jekpy.markdown.tree",
    "jekpy.markdown.typography",
)


def pure_requested() -> bool:
    """Whether ``JEKPY_PURE`` asks for the ``.py`` sources."""
    return os.environ.get(PURE_ENV, "").strip() not in ("", "0")


class SourceOnlyFinder:
    """Finds jekpy's modules as ``.py`` sources only (never an extension module)."""

    def find_spec(self, fullname: str, path: Sequence[str] | None,
                  target: ModuleType | None = None) -> ModuleSpec | None:
        if fullname not in COMPILED or path is None:
            return None
        from importlib.machinery import SOURCE_SUFFIXES, FileFinder, SourceFileLoader

        for entry in path:
            spec = FileFinder(entry, (SourceFileLoader, SOURCE_SUFFIXES)).find_spec(fullname)
            if spec is not None:
                return spec
        return None


def select() -> None:
    """Called once by ``jekpy/__init__.py``: under ``JEKPY_PURE``, import the sources."""
    if pure_requested() and not any(isinstance(f, SourceOnlyFinder) for f in sys.meta_path):
        sys.meta_path.insert(0, SourceOnlyFinder())


def compiled_modules() -> list[str]:
    """The modules of ``COMPILED`` imported so far that run compiled code."""
    suffixes = (".so", ".pyd")
    found = []
    for name in COMPILED:
        module = sys.modules.get(name)
        file = getattr(module, "__file__", None) or ""
        if file.endswith(suffixes):
            found.append(name)
    return found
