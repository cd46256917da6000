"""Rouge 3.30's ``escape`` lexer: text between ``<!`` and ``!>`` is an Escape
token and the delimiters are dropped.  Jekyll never enables Rouge's escape
formatting, so those tokens come out as Error spans; the rest is plain text
(the ``lang``/``start``/``end`` options are not supported)."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import Error, LexerContext, Text
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _plain(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group(1)


def _escaped(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Error, match.group(1)


class EscapeLexer(RougeRegexLexer):
    """Rouge's ``escape`` lexer (tags escape, esc)."""

    name = "Escape (Rouge)"
    aliases = ["rouge-escape"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(?s)(.*?)(<!)", _plain, "escaped"),
            (r"(?s)(.+)", _plain),
        ],
        "escaped": [
            (r"(?s)(.*?)(!>)", _escaped, "#pop"),
            (r"(?s)(.+)", _escaped),
        ],
    }
