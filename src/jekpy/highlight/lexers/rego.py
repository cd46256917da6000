"""Rego (Open Policy Agent) tokenised as Rouge 3.30's ``rego`` lexer does."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    TokenType,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.unicode_classes import category_class

TokenStream = Iterator[tuple[int, TokenType, str]]

# Ruby's [[:word:]]: letters, marks, decimal digits and connector punctuation
_WORD_CHARS = category_class("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Pc")
_WORD = f"[{_WORD_CHARS}]+"
CONSTANTS = frozenset(["true", "false", "null"])
OPERATOR_WORDS = frozenset(["as", "default", "else", "import", "not", "package", "some", "with"])


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in CONSTANTS:
        tok = Keyword.Constant
    elif word in OPERATOR_WORDS:
        tok = Operator.Word
    else:
        tok = Name
    yield 0, tok, word


class RegoLexer(RougeRegexLexer):
    """Rouge's ``rego`` lexer."""

    name = "Rego (Rouge)"
    aliases = ["rouge-rego"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"\s+", Text),
            (r"#.*", Comment.Single),
            (r"[\[\](){}|.,;!]", Punctuation),
            (r'"[^"]*"', String.Double),
            (r"-?\d+\.\d+([eE][+-]?\d+)?", Number.Float),
            (r"-?\d+([eE][+-]?\d+)?", Number),
            (r"\\u[0-9a-fA-F]{4}", Number.Hex),
            (r"\\[\"/bfnrt]", String.Escape),
        ],
        "operators": [
            (r"(=|!=|>=|<=|>|<|\+|-|\*|%|/|\||&|:=)", Operator),
            (r"[/:?@^~]+", Operator),
        ],
        "root": [include("basic"), include("operators"), (_WORD, _word)],
    }
