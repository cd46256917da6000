"""Pathological inputs stay linear: operation counts at size n and 4n.

The count is the number of function calls (Python and built-in, regex calls
included) one conversion makes, from ``sys.setprofile``: deterministic, unlike
time.  Each input is converted once uncounted first, so lazily built regexes
and caches do not inflate the first count (and the result does not depend on
which tests ran before).  Work is compared per input character: linear work
grows as the input does (about 4x from n to 4n); the bound allows 1.5 times
that, while quadratic work would grow 16x.  (The timed test in test_markdown_robustness.py
covers the time spent inside single regex calls.)
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest

from jekpy import _native
from jekpy.markdown.converter import HtmlConverter
from jekpy.markdown.options import jekyll_options, kramdown_options
from jekpy.markdown.parser import DocumentParser

# The instruments (Python-level calls seen by sys.setprofile, a swapped-in El class)
# see nothing inside mypyc-compiled modules; run with JEKPY_PURE=1 there.  The compiled
# modules are the same source: tests/test_native.py checks they give the same output.
pytestmark = pytest.mark.skipif(
    bool(_native.compiled_modules()),
    reason="instruments Python-level calls, which compiled modules do not make; "
           "run with JEKPY_PURE=1 on a compiled install")

GROWTH_BOUND = 1.5


def _ops(text: str, options: dict[str, Any]) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event == "call" or event == "c_call":
            count += 1

    warm = DocumentParser(options)
    HtmlConverter(warm.parse(text), dict(warm.doc.options)).convert(warm.parse(text))
    parser = DocumentParser(options)
    sys.setprofile(profile)
    try:
        root = parser.parse(text)
        HtmlConverter(root, dict(parser.doc.options)).convert(root)
    finally:
        sys.setprofile(None)
    return count


INPUTS: dict[str, Callable[[int], str]] = {
    "nested emphasis": lambda n: "*a _b **c __d " * n + "\n",
    "closed emphasis pairs": lambda n: "*a* _b_ **c** " * n + "\n",
    "unclosed brackets": lambda n: "[a " * n + "\n",
    "nested brackets": lambda n: "[" * n + "a" + "]" * n + "(u)\n",
    "image brackets": lambda n: "![a " * n + "]\n",
    "image brackets without text": lambda n: "![" * n + "]\n",
    "long line of backticks": lambda n: "`" * n + "\n",
    "backtick runs": lambda n: "`a ``b " * n + "\n",
    "long line of asterisks": lambda n: "*" * n + "\n",
    "asterisks and spaces": lambda n: "* " * n + "\n",
    "unclosed emphasis over lines": lambda n: "*" + "word word\n" * n + "\n",
    "unclosed link text over lines": lambda n: "[" + "word word\n" * n + "\n",
    "line breaks": lambda n: "word  \n" * n + "\n",
    "escaped line breaks": lambda n: "word\\\\\n" * n + "\n",
    "guillemets": lambda n: "a << b >> c " * n + "\n",
    "quotes": lambda n: "'a \"b " * n + "\n",
    "unclosed html": lambda n: "<a " * n + "\n",
    "unclosed comments": lambda n: "<!--" * n + "\n",
    "links with parentheses": lambda n: "[a](b(c) " * n + "\n",
    "deep list": lambda n: "- " * n + "item\n",
    "deep list, one level per line": lambda n: "".join(" " * i + "* x\n" for i in range(n // 20)),
    "flat list": lambda n: "- item\n" * n,
    "deep blockquote": lambda n: ">" * (n // 4) + " x\n",
    "quoted paragraphs": lambda n: "> a\n>\n" * n,
    "table rows": lambda n: "| a | b |\n" * n,
    "pipes on one line": lambda n: "| a " * n + "\n",
    "one-line paragraphs": lambda n: "word\n\n" * n,
    "block html elements": lambda n: '<div><p class="a">x <em>y</em></p></div>\n' * n,
    "unclosed block html": lambda n: "<div>" + "<p>x</p>\n" * n,
    "block html, a tag printed otherwise at its end": lambda n: (
        "<div>" + "<span>x</span>" * n + "<br></div>\n"),
    "nested block html": lambda n: "<div>" * n + "x" + "</div>" * n + "\n",
}


@pytest.mark.parametrize("name", list(INPUTS))
def test_operations_grow_linearly(name: str) -> None:
    make = INPUTS[name]
    options = jekyll_options(None)
    assert _growth(make, options) < GROWTH_BOUND, name


def _growth(make: Callable[[int], str], options: dict[str, Any]) -> float:
    """Growth of the operation count from n to 4n, per input character."""
    small_text, large_text = make(300), make(1200)
    small, large = _ops(small_text, options), _ops(large_text, options)
    assert small > 0
    return (large / len(large_text)) / (small / len(small_text))


def test_kramdown_input_lists_and_quotes_grow_linearly() -> None:
    options = kramdown_options({"input": "kramdown"})
    for make in (INPUTS["deep list"], INPUTS["nested emphasis"], INPUTS["line breaks"]):
        assert _growth(make, options) < GROWTH_BOUND


def test_the_count_sees_quadratic_work() -> None:
    # The instrument itself: a quadratic loop of calls is caught.
    def quadratic(text: str, options: dict[str, Any]) -> None:
        for i in range(len(text)):
            for _ in range(i):
                len(text)

    def ops(text: str) -> int:
        count = 0

        def profile(frame: FrameType, event: str, arg: object) -> None:
            nonlocal count
            if event == "c_call":
                count += 1

        sys.setprofile(profile)
        try:
            quadratic(text, {})
        finally:
            sys.setprofile(None)
        return count

    # Per character, quadratic work grows 4x from n to 4n: far past the bound.
    assert (ops("x" * 160) / 160) / (ops("x" * 40) / 40) > 2 * GROWTH_BOUND


# -- text volume ---------------------------------------------------------------------
#
# Adding characters one at a time to one growing text copies it again each time:
# quadratic, yet the same number of calls.  The instrument counts the characters
# stored into element values (every assignment, including ``value += piece``).

_MODULES = ["block", "converter", "html", "native", "parser", "render", "span", "state", "table"]


def _text_volume(text: str, monkeypatch: pytest.MonkeyPatch,
                 run: Callable[[str], object] | None = None) -> int:
    import importlib

    from jekpy.markdown import tree

    written = 0
    base_value: Any = vars(tree.El)["value"]  # the slot descriptor

    class CountingEl(tree.El):
        __slots__ = ()

        @property
        def value(self) -> Any:
            return base_value.__get__(self, tree.El)

        @value.setter
        def value(self, v: Any) -> None:
            nonlocal written
            if isinstance(v, str):
                written += len(v)
            base_value.__set__(self, v)

    with monkeypatch.context() as m:
        for name in _MODULES:
            module = importlib.import_module(f"jekpy.markdown.{name}")
            if hasattr(module, "El"):
                m.setattr(module, "El", CountingEl)
        if run is None:
            DocumentParser(jekyll_options(None)).parse(text)
        else:
            run(text)
    return written


TEXT_INPUTS: dict[str, Callable[[int], str]] = {
    "spaced asterisks": lambda n: "a * b " * n + "\n",
    "spaced brackets": lambda n: "a [ b " * n + "\n",
    "spaced backticks": lambda n: "a ` b " * n + "\n",
    "backslash line ends": lambda n: "a\n" + "b  \\\n" * n,
    "backslashes": lambda n: "a \\" * n + "\n",
    "asterisks in link text": lambda n: "[" + "a * b " * n + "](u)\n",
    "unclosed footnote markers": lambda n: "a [^x] " * n + "\n",
    "text between quotes": lambda n: "a ' b " * n + "\n",
}


@pytest.mark.parametrize("name", list(TEXT_INPUTS))
def test_text_volume_grows_linearly(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    make = TEXT_INPUTS[name]
    small_text, large_text = make(300), make(1200)
    small = _text_volume(small_text, monkeypatch)
    large = _text_volume(large_text, monkeypatch)
    assert small > 0
    growth = (large / len(large_text)) / (small / len(small_text))
    assert growth < GROWTH_BOUND, f"{name}: {small} -> {large} characters"


def test_the_text_volume_sees_repeated_copies(monkeypatch: pytest.MonkeyPatch) -> None:
    # The instrument itself: a text grown one character at a time is quadratic.
    from jekpy.markdown import html, tree

    def grow(text: str) -> None:
        el = tree.El("p")
        for ch in text:
            html.add_text(el, ch, "text")

    small = _text_volume("x" * 300, monkeypatch, grow)
    large = _text_volume("x" * 1200, monkeypatch, grow)
    assert (large / 1200) / (small / 300) > 2 * GROWTH_BOUND
