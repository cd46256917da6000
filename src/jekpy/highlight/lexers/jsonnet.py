"""Jsonnet tokenised as Rouge 3.30's ``jsonnet`` lexer does."""

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
from jekpy.highlight.lexers import jsonnet_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    ["self", "super", "local", "for", "in", "if", "then", "else", "import", "importstr", "error", "tailstrict", "assert"]
)
CONSTANTS = frozenset(["null", "true", "false"])
BUILTINS = frozenset(
    _words.BUILTINS
)


_word = classify(
    [
        (KEYWORDS, Keyword),
        (("function",), Keyword.Declaration),
        (CONSTANTS, Keyword.Constant),
        (BUILTINS, Name.Builtin),
    ],
    Name.Other,
)


class JsonnetLexer(RougeRegexLexer):
    """Rouge's ``jsonnet`` lexer."""

    name = "Jsonnet (Rouge)"
    aliases = ["rouge-jsonnet"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"#.*?$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"(?i)-?(?:0|[1-9]\d*)\.\d+(?:e[+-]\d+)?", Number.Float),
            (r"(?i)-?(?:0|[1-9]\d*)(?:e[+-]\d+)?", Number.Integer),
            (r"[{}:.,;+\[\]=%()]", Punctuation),
            (r'"', String, "string_double"),
            (r"'", String, "string_single"),
            (r"\|\|\|", String, "string_block"),
            (r"\$", Keyword),
            (r"[a-zA-Z_][a-zA-Z0-9_]*", _word),
        ],
        "string": [
            (r"\\([\\/bfnrt]|(u[0-9a-fA-F]{4}))", String.Escape),
            (r"\\.", String.Escape),
        ],
        "string_double": [
            include("string"),
            (r'\\"', String.Escape),
            (r'"', String, "#pop"),
            (r'[^\\"]+', String),
        ],
        "string_single": [
            include("string"),
            (r"'", String, "#pop"),
            (r"[^\\']+", String),
        ],
        "string_block": [
            include("string"),
            (r"[|][|][|]", String, "#pop"),
            (r"[^|\\]+", String),
            (r"[|]", String),
        ],
    }
