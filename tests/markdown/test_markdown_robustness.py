"""Robustness: no exceptions inside the parser/converter, bounded time on pathological input."""

from __future__ import annotations

import gc
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jekpy.markdown import convert
from jekpy.markdown.converter import HtmlConverter
from jekpy.markdown.options import jekyll_options, kramdown_options
from jekpy.markdown.parser import DocumentParser

ALPHABET = st.sampled_from(
    list("ab *_`[]()!<>&\"'|\\{}:#$~-+=.^\t\n") + ["\n\n", "    ", "<div>", "</div>", "<span>",
                                                   "{:toc}", "[^1]", "[^1]: x\n", "```\n", "$$",
                                                   "&amp;", "http://x", "{::comment}", "{:/}"]
)


def _render_strict(text: str, options: dict[str, object]) -> str:
    """Like ``convert`` but without the never-raise fallback, so bugs surface."""
    parser = DocumentParser(options)
    root = parser.parse(text)
    root.options["abbrev_defs"] = parser.doc.abbrev_defs
    root.options["abbrev_attr"] = parser.doc.abbrev_attr
    return HtmlConverter(root, dict(parser.doc.options)).convert(root)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_no_internal_exceptions_jekyll(text: str) -> None:
    _render_strict(text, jekyll_options(None))


@settings(max_examples=150, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_no_internal_exceptions_kramdown_input(text: str) -> None:
    _render_strict(text, kramdown_options({"input": "kramdown", "parse_block_html": True,
                                           "html_to_native": True}))


@pytest.mark.parametrize(
    "text",
    [
        "[" * 20000,
        "![" * 10000 + "]",
        "[" * 10000 + "a]",
        "*a **b _c __d " * 3000,
        "<" * 20000,
        "<!--" * 10000,
        "{:" * 10000,
        "~~" * 10000,
        "`a ``b " * 5000,
        "[a](" * 5000,
        ">" * 5000 + " x",
        "<div>" * 5000,
        "".join("  " * i + "* x\n" for i in range(300)),
        "| a " * 10000 + "\n",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_pathological_inputs_are_fast(text: str) -> None:
    start = time.perf_counter()
    out = convert(text)
    assert isinstance(out, str)
    assert time.perf_counter() - start < 10.0


def test_render_leaves_gc_state_as_it_was() -> None:
    # render() pauses automatic garbage collection for its duration only.
    assert gc.isenabled()
    assert convert("# a\n\n*b* [c](d)\n").startswith("<h1")
    assert gc.isenabled()
    gc.disable()
    try:
        convert("x")
        assert not gc.isenabled()
    finally:
        gc.enable()
