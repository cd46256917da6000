"""Pony tokenised as Rouge 3.30's ``pony`` lexer does."""

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
    include,
)
from jekpy.highlight.lexers import pony_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify
from jekpy.highlight.lexers.c import STRING_STATE

KEYWORDS = frozenset(
    _words.KEYWORDS
)
CAPABILITIES = frozenset(["box", "iso", "ref", "tag", "trn", "val"])
TYPES = frozenset(
    ["Number", "Signed", "Unsigned", "Float", "I8", "I16", "I32", "I64", "I128", "U8", "U32", "U64", "U128", "F32", "F64", "EventID", "Align", "IntFormat", "NumberPrefix", "FloatFormat", "Type"]
)


_word = classify(
    [(CAPABILITIES, Keyword.Declaration), (KEYWORDS, Keyword.Reserved), (TYPES, Keyword.Type)], Name
)


class PonyLexer(RougeRegexLexer):
    """Rouge's ``pony`` lexer."""

    name = "Pony (Rouge)"
    aliases = ["rouge-pony"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text)],
        "root": [
            include("whitespace"),
            (r'"""', String.Doc, "docstring"),
            (r"//.*", Comment.Single),
            (r"/(\\\n)?[*](.|\n)*?[*](\\\n)?/", Comment.Multiline),
            (r'"', String, "string"),
            (r"[~!%^&*+=\|?:<>/-]", Operator),
            (r"(true|false|NULL)\b", Name.Constant),
            (r"(?:[A-Z_][a-zA-Z0-9_]*)", Name.Class),
            (r"[()\[\],.';]", Punctuation),
            (r"0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?", Number.Float),
            (r"[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?", Number.Float),
            (r"\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?", Number.Float),
            (r"0[xX][0-9a-fA-F_]+", Number.Hex),
            (r"(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?", Number.Integer),
            (r"(?i)[a-z_][a-z0-9_]*", _word),
        ],
        "string": STRING_STATE,
        "docstring": [
            (r'"""', String.Doc, "#pop"),
            (r"\n", String.Doc),
            (r".", String.Doc),
        ],
    }
