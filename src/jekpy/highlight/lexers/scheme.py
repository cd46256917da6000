"""Scheme tokenised as Rouge 3.30's ``scheme`` lexer does."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    bygroups,
    default,
)
from jekpy.highlight.lexers import misc_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

_SCHEME_ID = r"[a-zA-Z0-9!$%&*+,/:<=>?@^_~|-]+"


def head_word(keywords: frozenset[str], builtins: frozenset[str]) -> Callable[..., TokenStream]:
    """The callback for the word after ``(``: a keyword, a builtin or a function name."""

    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        word = match.group()
        if word in keywords:
            tok = Keyword
        elif word in builtins:
            tok = Name.Builtin
        else:
            tok = Name.Function
        yield 0, tok, word
        ctx.stack.pop()

    return callback


def datum_rules(symbol: str, constant: str) -> list[Any]:
    """Radix numbers, strings, symbols, characters, booleans and quote operators.

    ``symbol`` is the pattern of a quoted symbol, ``constant`` that of the booleans.
    """
    return [
        (r"#b[01]+", Number.Bin),
        (r"#o[0-7]+", Number.Oct),
        (r"#d[0-9]+", Number.Integer),
        (r"(?i)#x[0-9a-f]+", Number.Hex),
        (r"#[ei][\d.]+", Number.Other),
        (r'"(\\\\|\\"|[^"])*"', String),
        (symbol, String.Symbol),
        (r"(?i)#\\([()/'\"._!$%& ?=+-]{1}|[a-z0-9]+)", String.Char),
        (constant, Name.Constant),
        (r"(?:'|#|`|,@|,|\.)", Operator),
        (r"(['#])(\s*)(\()", bygroups(String.Symbol, Text, Punctuation)),
    ]


class SchemeLexer(RougeRegexLexer):
    """Rouge's ``scheme`` lexer."""

    name = "Scheme (Rouge)"
    aliases = ["rouge-scheme"]

    tokens: dict[str, Any] = {
        "root": [
            (r";.*$", Comment.Single),
            (r"\s+", Text),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+", Number.Integer),
            (r"[+-]inf[.][f0]", Number),
            *datum_rules(rf"(?i)'{_SCHEME_ID}", r"#t|#f"),
            (r"\(|\[", Punctuation, "command"),
            (r"\)|\]", Punctuation),
            (_SCHEME_ID, Name.Variable),
        ],
        "command": [
            (_SCHEME_ID, head_word(w.SCHEME_KEYWORDS, w.SCHEME_BUILTINS)),
            default("#pop"),
        ],
    }

