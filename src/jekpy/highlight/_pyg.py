"""The Pygments names this package uses, imported in one place.

Pygments ships no type stubs (``types-Pygments`` is not a project dependency),
so its objects are typed ``Any`` here.
"""

from __future__ import annotations

from typing import Any

from pygments.lexer import (  # type: ignore[import-untyped, unused-ignore]
    Lexer,
    LexerContext,
    RegexLexer,
    bygroups,
    default,
    include,
    using,
)
from pygments.lexers import get_lexer_by_name  # type: ignore[import-untyped, unused-ignore]
from pygments.token import (  # type: ignore[import-untyped, unused-ignore]
    Comment,
    Error,
    Escape,
    Generic,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Other,
    Punctuation,
    String,
    Text,
    Whitespace,
)
from pygments.util import ClassNotFound  # type: ignore[import-untyped, unused-ignore]

TokenType = Any
TOKEN_CLASS: type = type(Text)
"""A ``pygments.token._TokenType`` (a tuple subclass with ``.parent``)."""

__all__ = [
    "ClassNotFound",
    "Comment",
    "Error",
    "Escape",
    "Generic",
    "Keyword",
    "Lexer",
    "Literal",
    "LexerContext",
    "Name",
    "Number",
    "Operator",
    "Other",
    "Punctuation",
    "RegexLexer",
    "String",
    "Text",
    "TOKEN_CLASS",
    "TokenType",
    "Whitespace",
    "bygroups",
    "default",
    "get_lexer_by_name",
    "include",
    "using",
]
