"""R tokenised as Rouge 3.30's ``r`` lexer does."""

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
)
from jekpy.highlight.lexers import r_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(["if", "else", "for", "while", "repeat", "in", "next", "break", "function"])
KEYWORD_CONSTANTS = frozenset(
    ["NULL", "Inf", "TRUE", "FALSE", "NaN", "NA", "NA_integer_", "NA_real_", "NA_complex_", "NA_character_"]
)
BUILTIN_CONSTANTS = frozenset(["LETTERS", "letters", "month.abb", "month.name", "pi", "T", "F"])
_PRIMITIVES = _words.PRIMITIVES

_ALPHA = r"(?u:[^\W\d_])"
_ALNUM = r"(?u:[^\W_])"


_word = classify(
    [(KEYWORDS, Keyword), (KEYWORD_CONSTANTS, Keyword.Constant), (BUILTIN_CONSTANTS, Name.Builtin)],
    Name,
)


class RLexer(RougeRegexLexer):
    """Rouge's ``r`` lexer (tags r, R, s, S)."""

    name = "R (Rouge)"
    aliases = ["rouge-r"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#'.*?$", Comment.Doc),
            (r"#.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"`[^`]+?`", Name),
            (r"(?s)'(\\.|.)*?'", String.Single),
            (r'(?s)"(\\.|.)*?"', String.Double),
            (r"%[^%]*?%", Operator),
            (r"0[xX][a-fA-F0-9]+([pP][0-9]+)?[Li]?", Number.Hex),
            (r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?[Li]?", Number),
            (r"\b(?<!.)(" + "|".join(_PRIMITIVES) + r")(?=\()",
             Name.Function),
            (
                rf"(?:(?:{_ALPHA}|[.](?:[._]|{_ALPHA}))(?:[._]|{_ALNUM})*)|[.]",
                _word,
            ),
            (r"[\[\]{}();,]", Punctuation),
            (r"[-<>?*+^/!=~$@:%&|]", Operator),
        ],
    }
