"""Markdown as kramdown 2.4 (GFM input parser) renders it for Jekyll 4.3.

Interface:

* ``JEKYLL_KRAMDOWN_DEFAULTS``: the kramdown options Jekyll passes by default.
* ``make_converter(options) -> Callable[[str], str]``: a converter for a site's
  ``kramdown:`` options merged over Jekyll's defaults.
* ``convert(text, options=None) -> str``: one-shot conversion.
* ``smartify(text) -> str``: kramdown's SmartyPants conversion (Jekyll's
  ``smartify`` filter).

The implementation is a kramdown dialect on mistune's parser framework:
``block.KramdownBlockParser`` and ``span.KramdownInlineParser`` subclass
mistune's ``BlockParser``/``InlineParser`` with kramdown's rules, build a
kramdown-shaped element tree (``tree.El``) and ``converter.HtmlConverter``
writes kramdown's HTML.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from .._deferred import partial_package

partial_package("mistune")  # its parsers only: not its renderers, plugins, ``mistune.html``

from .options import JEKYLL_OVERRIDES, jekyll_options, kramdown_options  # noqa: E402

if TYPE_CHECKING:
    from types import ModuleType

JEKYLL_KRAMDOWN_DEFAULTS: dict[str, Any] = dict(JEKYLL_OVERRIDES)
JEKYLL_KRAMDOWN_DEFAULTS.setdefault("auto_id_prefix", "")

__all__ = [
    "JEKYLL_KRAMDOWN_DEFAULTS",
    "convert",
    "convert_kramdown",
    "make_converter",
    "smartify",
]


@functools.cache
def _renderer() -> ModuleType:
    """The parsers and the HTML converter (``render.py``), imported at the first
    conversion: with mistune, ~10 ms of start-up that a warm build, which takes
    every post's HTML from its disk cache, does not need."""
    from . import render

    return render


def make_converter(options: Mapping[str, Any] | None = None) -> Callable[[str], str]:
    """Return a function converting Markdown text to HTML with ``options``."""
    opts = jekyll_options(options)

    def _convert(text: str) -> str:
        result: str = _renderer().render(text, opts)
        return result

    return _convert


def convert(text: str, options: Mapping[str, Any] | None = None) -> str:
    """Convert ``text`` to HTML as Jekyll's kramdown converter would."""
    return make_converter(options)(text)


def convert_kramdown(text: str, options: Mapping[str, Any] | None = None) -> str:
    """Convert with ``options`` applied over kramdown's *own* defaults (not Jekyll's)."""
    result: str = _renderer().render(text, kramdown_options(options))
    return result


def smartify(text: str) -> str:
    """Apply kramdown's typographic conversions to ``text`` (Jekyll's ``smartify``)."""
    result: str = _renderer().render_smartypants(text)
    return result
