"""Cypher (Neo4j) queries tokenised as Rouge 3.30's ``cypher`` lexer does."""

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
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers import cypher_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

FUNCTIONS = frozenset(
    _words.FUNCTIONS
)
PREDICATES = frozenset(["ALL", "AND", "ANY", "CONTAINS", "EXISTS", "HAS", "IN", "NONE", "NOT", "OR", "SINGLE", "XOR"])
KEYWORDS = frozenset(
    _words.KEYWORDS
)


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group(1).upper()
    if name in FUNCTIONS:
        tok = Name.Function
    elif name in KEYWORDS:
        tok = Keyword
    else:
        tok = Name
    yield 0, tok, match.group(1)
    yield match.start(2), Text.Whitespace, match.group(2)
    yield match.start(3), String.Symbol, match.group(3)


_word = classify([(PREDICATES, Operator.Word), (KEYWORDS, Keyword)], Name, str.upper)


class CypherLexer(RougeRegexLexer):
    """Rouge's ``cypher`` lexer."""

    name = "Cypher (Rouge)"
    aliases = ["rouge-cypher"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[\s]+", Text),
            (r"//.*?$", Comment.Single),
            (r"/\*", Comment.Multiline, "multiline_comments"),
            (r"[*+\-<>=&|~%^]", Operator),
            (r"[{}),;\[\]]", String.Symbol),
            (
                r"(\w+)(:)(\s*)(-?[._\d]+)",
                bygroups(Name.Label, String.Delimiter, Text.Whitespace, Number),
            ),
            (r"(\w+)(\s*)(\()", _call),
            (r":\w+", Name.Class),
            (r"(-?\d+)(\.\.)(-?\d+)", bygroups(Number, Operator, Number)),
            (r"(?i)(\d+\.\d*|\d*\.\d+)(e[+-]?\d+)?", Number.Float),
            (r"(?i)\d+e[+-]?\d+", Number.Float),
            (r"0[0-7]+", Number.Oct),
            (r"(?i)0x[a-f0-9]+", Number.Hex),
            (r"\d+", Number.Integer),
            (r"[.\w]+:", Name.Property),
            (r"\(", String.Symbol),
            (r"[.\w$]+", _word),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
            (r"`(\\\\|\\`|[^`])*`", String.Backtick),
        ],
        "multiline_comments": [
            (r"/[*]", Comment.Multiline, "multiline_comments"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^/*]+", Comment.Multiline),
            (r"[/*]", Comment.Multiline),
        ],
    }
