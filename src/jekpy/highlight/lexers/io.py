"""Io tokenised as Rouge 3.30's ``io`` lexer does."""

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
)
from jekpy.highlight.lexers.base import RougeRegexLexer

TokenStream = Iterator[tuple[int, TokenType, str]]

CONSTANTS = frozenset(["nil", "false", "true"])
BUILTINS = frozenset(
    ["args", "call", "clone", "do", "doFile", "doString", "else", "elseif", "for", "if", "list", "method", "return", "super", "then"]
)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in CONSTANTS:
        tok = Keyword.Constant
    elif word in BUILTINS:
        tok = Name.Builtin
    else:
        tok = Name
    yield 0, tok, word


class IoLexer(RougeRegexLexer):
    """Rouge's ``io`` lexer."""

    name = "Io (Rouge)"
    aliases = ["rouge-io"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"//.*", Comment.Single),
            (r"#.*", Comment.Single),
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
            (r"/[+]", Comment.Multiline, "nested_comment"),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r":?:=", Keyword),
            (r"[()]", Punctuation),
            (r"[-=;,*+><!/|^.%&\[\]{}]", Operator),
            (r"[A-Z]\w*", Name.Class),
            (r"[a-z_]\w*", _word),
            (r"(?i)(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?", Number.Float),
            (r"\d+", Number.Integer),
            (r"@@?", Keyword),
        ],
        "nested_comment": [
            (r"[^/+]+", Comment.Multiline),
            (r"/[+]", Comment.Multiline, "nested_comment"),
            (r"[+]/", Comment.Multiline, "#pop"),
        ],
    }
