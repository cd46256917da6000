"""Pascal tokenised as Rouge 3.30's ``pascal`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import pascal_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

_PASCAL_KEYWORDS = _words.PASCAL_KEYWORDS
_PASCAL_TYPES = _words.PASCAL_TYPES


class PascalLexer(RougeRegexLexer):
    """Rouge's ``pascal`` lexer."""

    name = "Pascal (Rouge)"
    aliases = ["rouge-pascal"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"(//).*$\n?", Comment.Single),
            (r"(--).*$\n?", Comment.Single),
            (r"(?s)\(\*.*?\*\)", Comment.Multiline),
            (r"(?s)\{.*?\}", Comment.Multiline),
        ],
        "root": [
            include("whitespace"),
            (
                r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)"
                r"(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?",
                Number,
            ),
            (r"\$[0-9A-Fa-f]+", Number.Hex),
            (r"[~!@#$%^&*()+`\-={}\[\]:;<>?,./|\\]", Punctuation),
            (r"'([^']|'')*'", String),
            (r"(?i)(true|false|nil)\b", Name.Builtin),
            (r"(?i)\b(" + "|".join(_PASCAL_KEYWORDS) + r")\b", Keyword),
            (r"(?i)\b(" + "|".join(_PASCAL_TYPES) + r")\b", Keyword.Type),
            (r"@?[_a-zA-Z]\w*", Name),
        ],
    }

