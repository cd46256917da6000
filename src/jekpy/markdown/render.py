"""Glue: parse with a fresh document context and convert to HTML, never raising."""

from __future__ import annotations

import gc
import html as _html
import re
import sys
from typing import Any

from . import patterns as P
from .converter import HtmlConverter
from .options import kramdown_options
from .parser import DocumentParser
from .state import KBlockState
from .tree import El, Scanner

_RECURSION_FLOOR = 4000


def _guard() -> None:
    if sys.getrecursionlimit() < _RECURSION_FLOOR:
        sys.setrecursionlimit(_RECURSION_FLOOR)


def render(text: str, options: dict[str, Any]) -> str:
    _guard()
    # The element tree is acyclic and lives only for this call, but while it is
    # built the cyclic GC keeps promoting it and runs full collections over the
    # whole heap (about a tenth of the time on long documents).  Pause automatic
    # collection for the call; a collection still runs once it is re-enabled.
    # Only a caller that had it enabled re-enables it, so concurrent renders
    # (one parser per thread) leave it enabled.
    gc_enabled = gc.isenabled()
    if gc_enabled:
        gc.disable()
    try:
        parser = DocumentParser(options)
        root = parser.parse(text)
        doc = parser.doc
        root.options["abbrev_defs"] = doc.abbrev_defs
        root.options["abbrev_attr"] = doc.abbrev_attr
        conv_opts = dict(doc.options)
        return HtmlConverter(root, conv_opts).convert(root)
    except Exception:  # noqa: BLE001 - never raise on any input: last-resort fallback
        return f"<p>{_html.escape(text, quote=False)}</p>\n"
    finally:
        if gc_enabled:
            gc.enable()


def render_smartypants(text: str) -> str:
    """Jekyll's ``smartify``: its SmartyPants kramdown parser, chomped.

    Jekyll passes the site's ``kramdown`` hash with string keys, which kramdown
    ignores, so kramdown's own defaults apply.  Lines become text (no
    paragraphs) except block-level HTML; only smart quotes, entities,
    typographic symbols and span HTML are recognised.
    """
    _guard()
    try:
        parser = DocumentParser(kramdown_options({"input": "smartypants"}))
        parser.doc.span_names = ["smart_quotes", "html_entity", "typographic_syms", "span_html"]
        root = El("root")
        src = Scanner(_chomp_source(text))
        state = KBlockState(root, src)
        block = parser.block
        while not src.eos():
            if src.pos and src.string[src.pos - 1] != "\n":
                src.rebase()
            m = src.check(P.HTML_BLOCK_START)
            if m is not None and block.k_block_html(m, state):
                continue
            line = src.scan(_LINE)
            block.add_text(state, line if line else src.getch())
        parser.update_tree(root)
        out = HtmlConverter(root, dict(parser.doc.options)).convert(root)
        return out[:-1] if out.endswith("\n") else out
    except Exception:  # noqa: BLE001 - never raise on any input
        return _html.escape(text, quote=False)


_LINE = re.compile(r".*\n")


def _chomp_source(text: str) -> str:
    text = re.sub(r"\r\n?", "\n", text)
    if text.endswith("\n"):
        text = text[:-1]
    return text + "\n"
