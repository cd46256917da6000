"""kramdown-shaped element tree and a StringScanner-like cursor."""

from __future__ import annotations

import re
from typing import Any

# What Ruby's String#strip/lstrip/rstrip remove (ASCII whitespace and NUL);
# Python's argument-less strip() would also remove NBSP, U+3000, U+2028, ...
RUBY_WS = "\0\t\n\v\f\r "


class El:
    """One node of the kramdown element tree (``Kramdown::Element``)."""

    __slots__ = ("type", "value", "attr", "options", "children")

    def __init__(
        self,
        etype: str,
        value: Any = None,
        attr: dict[str, str] | None = None,
        /,
        **options: Any,
    ) -> None:
        self.type = etype
        self.value = value
        self.attr: dict[str, str] = attr if attr is not None else {}
        self.options: dict[str, Any] = options
        self.children: list[El] = []

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"El({self.type!r}, {self.value!r}, {self.attr!r}, {self.children!r})"

    def deep_copy(self) -> El:
        new = El(self.type, self.value, dict(self.attr), **dict(self.options))
        new.children = [c.deep_copy() for c in self.children]
        return new


def ial_of(el: El) -> dict[str, Any]:
    """``el.options[:ial] ||= {}``."""
    ial = el.options.get("ial")
    if ial is None:
        ial = el.options["ial"] = {}
    return ial


# ``Kramdown::Element::CATEGORY``: fixed categories by type; other elements
# (HTML, math, comments, ...) carry ``options["category"]`` or have none.
BLOCK_TYPES = frozenset(
    {"blank", "p", "header", "blockquote", "codeblock", "ul", "ol", "li", "dl", "dt", "dd",
     "table", "td", "hr"}
)
SPAN_TYPES = frozenset(
    {"text", "a", "br", "img", "codespan", "footnote", "em", "strong", "entity",
     "typographic_sym", "smart_quote", "abbreviation"}
)


def category(el: El) -> str | None:
    if el.type in BLOCK_TYPES:
        return "block"
    if el.type in SPAN_TYPES:
        return "span"
    cat = el.options.get("category")
    return str(cat) if cat else None


class Scanner:
    """A minimal analogue of Ruby's ``StringScanner``."""

    __slots__ = ("string", "pos", "m", "last_start", "_last_index")

    def __init__(self, string: str) -> None:
        self.string = string
        self.pos = 0
        self.m: re.Match[str] | None = None
        self.last_start = 0
        self._last_index: dict[str, int] = {}

    def has_after(self, needle: str, pos: int) -> bool:
        """Does ``needle`` start at or after ``pos``?  (O(1) after the first call.)"""
        last = self._last_index.get(needle)
        if last is None:
            last = self.string.rfind(needle)
            self._last_index[needle] = last
        return last >= pos

    def rebase(self) -> None:
        """Make the current position the start of the string.

        Ruby's ``StringScanner`` matches as if the string began at the scan
        pointer (``^`` and ``\\A`` match there); Python's ``re`` does not, so
        the block parser rebases whenever it resumes in the middle of a line.
        """
        if self.pos:
            self.string = self.string[self.pos :]
            self._last_index = {}
            self.pos = 0
            self.last_start = 0

    def eos(self) -> bool:
        return self.pos >= len(self.string)

    def check(self, rx: re.Pattern[str]) -> re.Match[str] | None:
        m = rx.match(self.string, self.pos)
        if m is not None:
            self.m = m
            self.last_start = self.pos
        return m

    def check_at_bol(self, rx: re.Pattern[str]) -> bool:
        """Does ``rx`` match here, with ``^`` matching at the scan position (Ruby semantics)?"""
        if self.pos == 0 or self.string[self.pos - 1] == "\n":
            return rx.match(self.string, self.pos) is not None
        return rx.match(self.string[self.pos :]) is not None

    def scan(self, rx: re.Pattern[str]) -> str | None:
        m = rx.match(self.string, self.pos)
        if m is None:
            return None
        self.m = m
        self.last_start = self.pos
        self.pos = m.end()
        return m.group(0)

    def scan_until(self, rx: re.Pattern[str]) -> str | None:
        m = rx.search(self.string, self.pos)
        if m is None:
            return None
        self.m = m
        start = self.pos
        self.last_start = m.start()
        self.pos = m.end()
        return self.string[start : m.end()]

    def group(self, i: int | str) -> str | None:
        assert self.m is not None
        return self.m.group(i)

    def matched(self) -> str:
        assert self.m is not None
        return self.m.group(0)

    def pre_match(self) -> str:
        return self.string[: self.last_start]

    def rest(self) -> str:
        return self.string[self.pos :]

    def terminate(self) -> None:
        self.pos = len(self.string)

    def getch(self) -> str:
        if self.pos >= len(self.string):
            return ""
        ch = self.string[self.pos]
        self.pos += 1
        return ch
