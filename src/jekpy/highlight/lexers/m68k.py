"""Motorola 68k assembler tokenised as Rouge 3.30's ``m68k`` lexer does."""

from __future__ import annotations

import re
from typing import Any, ClassVar

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
    default,
    include,
)
from jekpy.highlight.lexers import m68k_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.c import STRING_STATE

KEYWORDS = frozenset(
    _words.KEYWORDS
)
KEYWORDS_TYPE = frozenset(["dc", "ds", "dcb"])
RESERVED = frozenset(
    _words.RESERVED
)
BUILTINS = frozenset(
    ["d0", "d1", "d2", "d3", "d4", "d5", "d6", "d7", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a7'", "pc", "usp", "ssp", "ccr"]
)
_ALNUM = re.compile(r"[a-zA-Z0-9]")


def _identifier(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group()
    low = name.lower()
    if low in KEYWORDS:
        tok = Keyword
    elif low in KEYWORDS_TYPE:
        tok = Keyword.Type
    elif low in RESERVED:
        tok = Keyword.Reserved
    elif low in BUILTINS:
        tok = Name.Builtin
    elif _ALNUM.search(name):
        tok = Name.Variable
    else:
        tok = Name
    yield 0, tok, name


class M68kLexer(RougeRegexLexer):
    """Rouge's ``m68k`` lexer."""

    name = "M68k (Rouge)"
    aliases = ["rouge-m68k"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "expr_bol")

    tokens: dict[str, Any] = {
        "expr_bol": [include("inline_whitespace"), default("#pop")],
        "inline_whitespace": [(r"\s+", Text)],
        "whitespace": [
            (r"\n+", Text, "expr_bol"),
            (r"^\*(\\.|.)*?$", Comment.Single, "expr_bol"),
            (r";(\\.|.)*?$", Comment.Single, "expr_bol"),
            include("inline_whitespace"),
        ],
        "root": [default("statements")],
        "statements": [
            include("whitespace"),
            (r'"', String, "string"),
            (r"#", Name.Decorator),
            (r"^\.?[a-zA-Z0-9_]+:?", Name.Label),
            (r"(?i)\.[bswl]\s", Name.Decorator),
            (r"(?i)'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", String.Char),
            (r"(?i)\$[0-9a-f]+", Number.Hex),
            (r"(?i)@[0-8]+", Number.Oct),
            (r"(?i)%[01]+", Number.Bin),
            (r"\d+", Number.Integer),
            (r"[*~&+=\|?:<>/-]", Operator),
            (r"\\.", Comment.Preproc),
            (r"[(),.]", Punctuation),
            (r"\[[a-zA-Z0-9]*\]", Punctuation),
            (r"[a-zA-Z_][a-zA-Z0-9_]*", _identifier),
        ],
        "string": STRING_STATE,
    }
