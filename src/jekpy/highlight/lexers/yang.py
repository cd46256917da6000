"""YANG tokenised as Rouge 3.30's ``yang`` lexer does.

Statement keywords are ``Keyword.Declaration``, built-in types
``Keyword.Type``; ``prefix:name`` splits into namespace and name; dates,
numbers and names count only before a blank, ``{``, ``}`` or ``;``.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers import yang_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

STATEMENTS = _words.STATEMENTS
CONSTANTS = word_set(
    """add current delete deprecated false invert-match max min
    not-supported obsolete replace true unbounded user"""
)
TYPES = word_set(
    """binary bits boolean decimal64 empty enumeration identityref
    instance-identifier int16 int32 int64 int8 leafref string uint16
    uint32 uint64 uint8 union"""
)

ID = r"[\w_-]+(?=[^\w\-\:])\b"
BEFORE_END = r"(?=[\s{};])"


_word = classify(
    [(STATEMENTS, Keyword.Declaration), (TYPES, Keyword.Type), (CONSTANTS, Name.Constant)],
    Name,
    str.lower,
)


class YangLexer(RougeRegexLexer):
    """Rouge's ``yang`` lexer."""

    name = "YANG (Rouge)"
    aliases = ["rouge-yang"]

    tokens: dict[str, Any] = {
        "comment": [
            (r"[^*/]", Comment),
            (r"/\*", Comment, "comment"),
            (r"\*/", Comment, "#pop"),
            (r"[*/]", Comment),
        ],
        "root": [
            (r"\s+", Text.Whitespace),
            (r"[{};]+", Punctuation),
            (r"(?<![\-\w])(and|or|not|\+|\.)(?![\-\w])", Operator),
            (r'"(?:\\"|[^"])*?"', String.Double),
            (r"'(?:\\'|[^'])*?'", String.Single),
            (r"/\*", Comment, "comment"),
            (r"//.*?$", Comment),
            (
                rf"(?:^|(?<=[\s{{}};]))([\w.-]+)(:)([\w.-]+){BEFORE_END}",
                bygroups(Name.Namespace, Punctuation, Name),
            ),
            (rf"([0-9]{{4}}\-[0-9]{{2}}\-[0-9]{{2}}){BEFORE_END}", Name.Label),
            (rf"([0-9]+\.[0-9]+){BEFORE_END}", Number.Float),
            (rf"([0-9]+){BEFORE_END}", Number.Integer),
            (ID, _word),
            (r"[^;{}\s'\"]+", Name),
        ],
    }
