"""Elm tokenised as Rouge 3.30's ``elm`` lexer does."""

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
from jekpy.highlight.lexers.base import RougeRegexLexer

_ELM_KEYWORDS = ["module", "exposing", "port", "import", "as", "type", "alias", "if", "then", "else", "case", "of", "let", "in"]


class ElmLexer(RougeRegexLexer):
    """Rouge's ``elm`` lexer."""

    name = "Elm (Rouge)"
    aliases = ["rouge-elm"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"--.*", Comment.Single),
            (r"\{-", Comment.Multiline, "multiline_comment"),
            (r"\b(" + "|".join(_ELM_KEYWORDS) + r")\b", Keyword),
            (r"[a-z]\w*", Name),
            (r"_", Name),
            (r"[A-Z]\w*", Keyword.Type),
            (r"(->|::|//|\.\.|&&|\|\||\+\+|\|>|<\||>>|<<|==|/=|<=|>=)", Operator),
            (r"[+-/*%=<>^|!]", Operator),
            (r"\\", Operator),
            (r"[@#$&~?]", Operator),
            (r'"""', String, "multiline_string"),
            (r"'(\\.|.)'", String.Char),
            (r'"', String, "double_quote"),
            (r"(?i)0x[\da-f]+", Number.Hex),
            (r"(?i)\d+e[+-]?\d+", Number.Float),
            (r"(?i)\d+\.\d+(e[+-]?\d+)?", Number.Float),
            (r"\d+", Number.Integer),
            (r"[\[\](),;`{}:]", Punctuation),
        ],
        "multiline_comment": [
            (r"-\}", Comment.Multiline, "#pop"),
            (r"\{-", Comment.Multiline, "multiline_comment"),
            (r"[^-{}]+", Comment.Multiline),
            (r"[-{}]", Comment.Multiline),
        ],
        "double_quote": [
            (r'[^\\"]+', String.Double),
            (r'\\"', String.Escape),
            (r'"', String.Double, "#pop"),
        ],
        "multiline_string": [
            (r'\\"', String.Escape),
            (r'"""', String, "#pop"),
            (r'[^"]+', String),
            (r'"', String),
        ],
    }

