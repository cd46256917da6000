"""Java tokenised as Rouge 3.30's ``java`` lexer does.

A ``type name(`` run marks ``name`` as ``Name.Function`` (the opening paren
is an ``Operator``); ``.member`` is ``Operator`` + ``Name.Attribute``;
all-caps names are constants, capitalised ones classes.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.unicode_classes import category_class

_KEYWORDS = ["assert", "break", "case", "catch", "continue", "default", "do", "else", "finally", "for", "if", "goto", "instanceof", "new", "return", "switch", "this", "throw", "try", "while"]
_DECLARATIONS = ["abstract", "const", "enum", "extends", "final", "implements", "native", "private", "protected", "public", "static", "strictfp", "super", "synchronized", "throws", "transient", "volatile"]
_TYPES = ["boolean", "byte", "char", "double", "float", "int", "long", "short", "var", "void"]

IDENT = r"(?u:[^\W\d])(?u:\w)*"
_UPPER = f"[{category_class('Lu')}]"
_CONST = rf"{_UPPER}(?:{_UPPER}|(?u:\d)|_)*\b"
_CLASS = rf"{_UPPER}(?u:[^\W_])*\b"
_DIGIT = r"(?:[0-9]_+[0-9]|[0-9])"
_BIN = r"(?:[01]_+[01]|[01])"
_OCT = r"(?:[0-7]_+[0-7]|[0-7])"
_HEX = r"(?:[0-9a-fA-F]_+[0-9a-fA-F]|[0-9a-fA-F])"


def _method(lexer: JavaLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from JavaLexer().get_tokens_unprocessed(match.group(1))
    yield match.start(2), Name.Function, match.group(2)
    yield match.start(3), Text, match.group(3)
    yield match.start(4), Operator, match.group(4)


class JavaLexer(RougeRegexLexer):
    """Rouge's ``java`` lexer."""

    name = "Java (Rouge)"
    aliases = ["rouge-java"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[^\S\n]+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"(?:" + "|".join(_KEYWORDS) + r")\b", Keyword),
            (
                r"(?s)(\s*(?:[a-zA-Z_][a-zA-Z0-9_.\[\]<>]*\s+)+?)([a-zA-Z_][a-zA-Z0-9_]*)(\s*)(\()",
                _method,
            ),
            (rf"@{IDENT}", Name.Decorator),
            (r"(?:" + "|".join(_DECLARATIONS) + r")\b", Keyword.Declaration),
            (r"(?:" + "|".join(_TYPES) + r")\b", Keyword.Type),
            (r"(?:true|false|null)\b", Keyword.Constant),
            (r"(?:class|interface)\b", Keyword.Declaration, "class"),
            (r"(?:import|package)\b", Keyword.Namespace, "import"),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r"'(?:\\.|[^\\]|\\u[0-9a-f]{4})'", String.Char),
            (rf"(\.)({IDENT})", bygroups(Operator, Name.Attribute)),
            (rf"{IDENT}:", Name.Label),
            (_CONST, Name.Constant),
            (_CLASS, Name.Class),
            (rf"\$?{IDENT}", Name),
            (r"[~^*!%&\[\](){}<>|+=:;,./?-]", Operator),
            (rf"{_DIGIT}+\.{_DIGIT}+([eE]{_DIGIT}+)?[fd]?", Number.Float),
            (rf"0[bB]{_BIN}+", Number.Bin),
            (rf"0[xX]{_HEX}+", Number.Hex),
            (rf"0{_OCT}+", Number.Oct),
            (rf"{_DIGIT}+L?", Number.Integer),
            (r"\n", Text),
        ],
        "class": [
            (r"\s+", Text),
            (IDENT, Name.Class, "#pop"),
        ],
        "import": [
            (r"\s+", Text),
            (r"[a-zA-Z0-9_.]+\*?", Name.Namespace, "#pop"),
        ],
    }
