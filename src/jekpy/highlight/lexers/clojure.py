"""Clojure tokenised as Rouge 3.30's ``clojure`` lexer does.

The head of a list form is ``Name.Function`` unless it is a keyword
(``Keyword``) or builtin (``Name.Builtin``); whitespace is ``Text.Whitespace``.
"""

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
    TokenType,
)
from jekpy.highlight.lexers import clojure_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = frozenset(
    ["fn", "def", "defn", "defmacro", "defmethod", "defmulti", "defn-", "defstruct", "if", "cond", "let", "for"]
)
BUILTINS = frozenset(
    _words.BUILTINS
)

IDENT = r"[\w!$%*+,<=>?/.-]+"
KEYWORD = r"[\w!#$%*+,<=>?/.-]+"


def _kind(lexer: ClojureLexer, name: str) -> TokenType | None:
    if name in lexer.keywords:
        return Keyword
    if name in lexer.builtins:
        return Name.Builtin
    return None


def _head(lexer: ClojureLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group(1)
    yield match.start(2), Text.Whitespace, match.group(2)
    yield match.start(3), _kind(lexer, match.group(3)) or Name.Function, match.group(3)


def _name(lexer: ClojureLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _kind(lexer, match.group()) or Name, match.group()


class ClojureLexer(RougeRegexLexer):
    """Rouge's ``clojure`` lexer (tags clojure, clj, cljs).

    Subclasses (Hy) differ only in ``keywords`` and ``builtins``.
    """

    name = "Clojure (Rouge)"
    aliases = ["rouge-clojure"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    builtins: ClassVar[frozenset[str]] = BUILTINS

    tokens: dict[str, Any] = {
        "root": [
            (r";.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+", Number.Integer),
            (r"0x-?[0-9a-fA-F]+", Number.Hex),
            (r'"(\\.|[^"])*"', String),
            (rf"'{KEYWORD}", String.Symbol),
            (rf"::?{KEYWORD}", Name.Constant),
            (r"(?i)\\(.|[a-z]+)", String.Char),
            (r"~@|[`'#^~&@]", Operator),
            (rf"(\()(\s*)({IDENT})", _head),
            (IDENT, _name),
            (r"[\[\]]", Punctuation),
            (r"[{}]", Punctuation),
            (r"[()]", Punctuation),
        ],
    }
