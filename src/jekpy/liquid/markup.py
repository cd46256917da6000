"""Tag markup rewritten before parsing, as Ruby Liquid 5.4 reads it (ignored markup,
counter and capture names, lax-only tags) and Ruby's syntax-error messages."""

from __future__ import annotations

import re
from collections.abc import Callable

from liquid.token import (
    TOKEN_EXPRESSION,
    TOKEN_TAG,
    Token,
)

from . import lax
from .loops import NAME_PREFIX
from .strict import python_name

__all__ = ["TAG_SYNTAX_MESSAGES"]

_OPENING_TAGS = frozenset(
    ("if", "unless", "case", "for", "tablerow", "capture", "ifchanged", "highlight", "comment")
)
#: tags whose markup Ruby never reads (``Tag#parse`` ignores it)
_MARKUP_IGNORED = frozenset(("break", "continue", "ifchanged"))


def _drop_ignored_markup(tokens: list[Token]) -> None:
    """Remove the markup Ruby ignores: after an end tag (``{% endif junk %}``), an
    ``else`` of ``if``/``unless``/``for``, ``break``, ``continue``, ``ifchanged``.

    ``{% else x %}`` in a ``case`` stays (Ruby rejects it there).
    """
    open_blocks: list[str] = []
    out: list[Token] = []
    drop_next = False
    for token in tokens:
        if drop_next:
            drop_next = False
            if token.kind == TOKEN_EXPRESSION:
                continue
        out.append(token)
        if token.kind != TOKEN_TAG:
            continue
        name = token.value
        if name in _MARKUP_IGNORED:
            drop_next = True
        if name in _OPENING_TAGS:
            open_blocks.append(name)
        elif name.startswith("end"):
            if open_blocks and open_blocks[-1] == name[3:]:
                open_blocks.pop()
            drop_next = True
        elif name == "else":
            drop_next = not open_blocks or open_blocks[-1] != "case"
    if len(out) != len(tokens):
        tokens[:] = out


def _drop_empty_liquid_tags(tokens: list[Token]) -> None:
    """``{% liquid %}`` with no lines renders nothing (python-liquid wants markup)."""
    drop = [
        i
        for i, token in enumerate(tokens)
        if token.kind == TOKEN_TAG
        and token.value == "liquid"
        and (i + 1 >= len(tokens) or tokens[i + 1].kind != TOKEN_EXPRESSION)
    ]
    for i in reversed(drop):
        del tokens[i]


_CHECKED_TAGS = frozenset(
    (
        "if", "elsif", "unless", "for", "capture", "increment", "decrement",
        "case", "when", "tablerow", "cycle",
    )
)  # fmt: skip
_VARIABLE_SIGNATURE = re.compile(r"(?:\(?[\w\-.\[\]]\)?)+")
_IDENTIFIER = re.compile(r"[a-zA-Z_][\w-]*\Z")
_EMPTY_COUNTER = "__jekpy_unnamed_counter__"


def _name_token(name: str) -> str:
    """A variable name Ruby accepts (``a.b``, ``x[0]``, ``a b``) as a python-liquid
    identifier: the name itself (in brackets if python-liquid reads it as a keyword),
    or an encoding of it no template can write."""
    if _IDENTIFIER.match(name):
        return python_name(name)
    return NAME_PREFIX + name.encode("utf-8").hex()


_NEVER_CLOSED = re.compile(r"^expected tag end(\w+)")
TAG_SYNTAX_MESSAGES = {
    "if": "Syntax Error in tag 'if' - Valid syntax: if [expression]",
    "unless": "Syntax Error in tag 'if' - Valid syntax: if [expression]",
    "for": "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]",
    "tablerow": "Syntax Error in 'table_row loop' - Valid syntax: tablerow [item] in [collection] cols=3",
    "case": "Syntax Error in 'case' - Valid syntax: case [condition]",
    "cycle": "Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]",
    "capture": "Syntax Error in 'capture' - Valid syntax: capture [var]",
    "include": "Error in tag 'include' - Valid syntax: include '[template]' (with|for) [object|collection]",
    "render": "Syntax error in tag 'render' - Template name must be a quoted string",
    "increment": "Syntax Error in 'increment' - Valid syntax: increment [var]",
    "decrement": "Syntax Error in 'decrement' - Valid syntax: decrement [var]",
}


_LAX_ONLY: dict[str, tuple[Callable[[str], str], str]] = {
    "case": (lax.rewrite_case, TAG_SYNTAX_MESSAGES["case"]),
    "when": (
        lax.rewrite_when,
        "Syntax Error in tag 'case' - Valid when condition: "
        "{% when [condition] [or condition2...] %}",
    ),
    "tablerow": (lax.rewrite_tablerow, TAG_SYNTAX_MESSAGES["tablerow"]),
    "cycle": (lax.rewrite_cycle, TAG_SYNTAX_MESSAGES["cycle"]),
}
