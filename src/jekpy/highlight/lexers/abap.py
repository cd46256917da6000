"""ABAP tokenised as Rouge 3.30's ``abap`` lexer does.

Keywords are matched upper-cased, types and builtins lower-cased; a name
directly before ``(`` is a builtin (or an ABAP 7.40 keyword such as
``DATA(``) unless a ``->``/``=>`` precedes it; ``"`` starts a comment and a
``*`` in the first column a comment line.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers import abap_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    arrow, name, paren = match.group(1), match.group(2), match.group(3)
    if arrow:
        yield 0, Operator, arrow
    if arrow is None and name.upper() in w.NEW_KEYWORDS:
        tok = Keyword
    elif arrow is None and name.lower() in w.BUILTINS:
        tok = Name.Builtin
    else:
        tok = Name
    yield match.start(2), tok, name
    yield match.start(3), Punctuation, paren


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word.upper() in w.KEYWORDS:
        tok = Keyword
    elif word.lower() in w.TYPES:
        tok = Keyword.Type
    else:
        tok = Name
    yield 0, tok, word


class AbapLexer(RougeRegexLexer):
    """Rouge's ``abap`` lexer."""

    name = "ABAP (Rouge)"
    aliases = ["rouge-abap"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r'".*', Comment.Single),
            (r"^\*.*", Comment.Multiline),
            (r"\d+", Number.Integer),
            (r"('|`)", String.Single, "single_string"),
            (r"[\[\](){}.,:|]", Punctuation),
            (r"(->|=>)?([A-Za-z][A-Za-z0-9_\-]*)(\()", _call),
            (r"\w\w*", _word),
            (r"(->|->>|=>)", Operator),
            (r"[-*+%/~=&?<>!#@^]+", Operator),
        ],
        "single_string": [
            (r"\\.", String.Escape),
            (r"(''|``)", String.Escape),
            (r"['`]", String.Single, "#pop"),
            (r"[^\\'`]+", String.Single),
        ],
    }
