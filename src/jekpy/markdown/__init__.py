"""Markdown as kramdown 2.4 renders it for Jekyll (placeholder: mistune defaults).

Interface:

* ``JEKYLL_KRAMDOWN_DEFAULTS``: the kramdown options Jekyll passes by default.
* ``make_converter(options) -> Callable[[str], str]``: a converter for a site's
  ``kramdown:`` options merged over Jekyll's defaults.
* ``convert(text, options=None) -> str``: one-shot conversion.
* ``smartify(text) -> str``: kramdown's SmartyPants conversion (Jekyll's
  ``smartify`` filter).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import mistune

JEKYLL_KRAMDOWN_DEFAULTS: dict[str, Any] = {
    "input": "GFM",
    "auto_ids": True,
    "auto_id_prefix": "",
    "toc_levels": [1, 2, 3, 4, 5, 6],
    "footnote_nr": 1,
    "entity_output": "as_char",
    "smart_quotes": "lsquo,rsquo,ldquo,rdquo",
    "hard_wrap": False,
    "guess_lang": True,
    "show_warnings": False,
    "syntax_highlighter": "rouge",
    "syntax_highlighter_opts": {"default_lang": "plaintext", "guess_lang": True},
    "math_engine": "mathjax",
    "parse_block_html": False,
    "parse_span_html": True,
    "gfm_quirks": ["paragraph_end"],
}


def make_converter(options: Mapping[str, Any] | None = None) -> Callable[[str], str]:
    """Return a function converting Markdown text to HTML with ``options``."""
    md = mistune.create_markdown(escape=False)

    def _convert(text: str) -> str:
        return str(md(text))

    return _convert


def convert(text: str, options: Mapping[str, Any] | None = None) -> str:
    """Convert ``text`` to HTML as Jekyll's kramdown converter would."""
    return make_converter(options)(text)


def smartify(text: str) -> str:
    """Apply kramdown's typographic conversions to ``text``."""
    return text
