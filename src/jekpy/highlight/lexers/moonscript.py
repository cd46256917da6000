"""MoonScript tokenised as Rouge 3.30's ``moonscript`` lexer does."""

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
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.lua_words import BUILTINS

TokenStream = Iterator[tuple[int, TokenType, str]]

_IDENT = r"(?:\w\w*)"
_KEYWORDS = ["break", "class", "continue", "do", "else", "elseif", "end", "extends", "for", "if", "import", "in", "repeat", "return", "switch", "super", "then", "unless", "until", "using", "when", "with", "while"]


def _name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group()
    if name in BUILTINS:
        yield 0, Name.Builtin, name
    elif "." in name:
        a, b = name.split(".", 1)
        yield 0, Name, a
        yield len(a), Punctuation, "."
        yield len(a) + 1, Name, b
    else:
        yield 0, Name, name


class MoonscriptLexer(RougeRegexLexer):
    """Rouge's ``moonscript`` lexer (tags moonscript, moon)."""

    name = "MoonScript (Rouge)"
    aliases = ["rouge-moonscript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#!(.*?)$", Comment.Preproc),
            default("main"),
        ],
        "base": [
            (r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", Number.Float),
            (r"(?i)\d+e[+-]?\d+", Number.Float),
            (r"(?i)0x[0-9a-f]*", Number.Hex),
            (r"\d+", Number.Integer),
            (rf"@{_IDENT}*", Name.Variable.Instance),
            (r"[A-Z]\w*", Name.Class),
            (r'"?[^"]+":', String.Symbol),
            (rf"{_IDENT}:", String.Symbol),
            (rf":{_IDENT}", String.Symbol),
            (r"\s+", Text.Whitespace),
            (r"(==|~=|!=|<=|>=|\.\.\.|\.\.|->|=>|[=+\-*/%^<>#!\\])", Operator),
            (r"[\[\]\{\}\(\)\.,:;]", Punctuation),
            (r"(and|or|not)\b", Operator.Word),
            (rf"({'|'.join(_KEYWORDS)})\b", Keyword),
            (r"(local|export)\b", Keyword.Declaration),
            (r"(true|false|nil)\b", Keyword.Constant),
            (r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", _name),
        ],
        "main": [
            (r"--.*$", Comment.Single),
            (r"(?s)\[(=*)\[.*?\]\1\]", String.Heredoc),
            include("base"),
            (r"'", String.Single, "sqs"),
            (r'"', String.Double, "dqs"),
        ],
        "sqs": [
            (r"'", String.Single, "#pop"),
            (r"[^']+", String.Single),
        ],
        "interpolation": [
            (r"\}", String.Interpol, "#pop"),
            include("base"),
        ],
        "dqs": [
            (r"#\{", String.Interpol, "interpolation"),
            (r'"', String.Double, "#pop"),
            (r"#[^{]", String.Double),
            (r'[^"#]+', String.Double),
        ],
    }
