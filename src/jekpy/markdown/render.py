"""Glue: parse with a fresh document context and convert to HTML, never raising."""

from __future__ import annotations

import html as _html
import sys
from typing import Any

from .converter import HtmlConverter
from .parser import Context
from .tree import El

_RECURSION_FLOOR = 4000


def _guard() -> None:
    if sys.getrecursionlimit() < _RECURSION_FLOOR:
        sys.setrecursionlimit(_RECURSION_FLOOR)


def render(text: str, options: dict[str, Any]) -> str:
    _guard()
    try:
        ctx = Context(options)
        root = ctx.parse(text)
        root.options["abbrev_defs"] = ctx.abbrev_defs
        root.options["abbrev_attr"] = ctx.abbrev_attr
        conv_opts = dict(ctx.options)
        return HtmlConverter(root, conv_opts).convert(root)
    except (RecursionError, MemoryError):  # pragma: no cover - last-resort safety net
        return f"<p>{_html.escape(text, quote=False)}</p>\n"


def render_smartypants(text: str, options: dict[str, Any]) -> str:
    """Jekyll's SmartyPants converter: kramdown's span parser limited to typography."""
    _guard()
    ctx = Context({**options, "input": "smartypants"})
    root = El("root")
    names = ["smart_quotes", "html_entity", "typographic_syms", "escaped_chars", "span_html"]
    root.children = ctx.span.parse_restricted_text(text, names)
    return HtmlConverter(root, dict(ctx.options)).convert(root)
