"""Pony tokenised as Rouge 3.30's ``pony`` lexer does."""

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
from jekpy.highlight.lexers.c import STRING_STATE

TokenStream = Iterator[tuple[int, TokenType, str]]

KEYWORDS = frozenset(
    ["actor", "addressof", "and", "as", "be", "break", "class", "compiler_intrinsic", "consume", "continue", "do", "else", "elseif", "embed", "end", "error", "for", "fun", "if", "ifdef", "in", "interface", "is", "isnt", "lambda", "let", "match", "new", "not", "object", "primitive", "recover", "repeat", "return", "struct", "then", "this", "trait", "try", "type", "until", "use", "var", "where", "while", "with"]
)
CAPABILITIES = frozenset(["box", "iso", "ref", "tag", "trn", "val"])
TYPES = frozenset(
    ["Number", "Signed", "Unsigned", "Float", "I8", "I16", "I32", "I64", "I128", "U8", "U32", "U64", "U128", "F32", "F64", "EventID", "Align", "IntFormat", "NumberPrefix", "FloatFormat", "Type"]
)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in CAPABILITIES:
        tok = Keyword.Declaration
    elif word in KEYWORDS:
        tok = Keyword.Reserved
    elif word in TYPES:
        tok = Keyword.Type
    else:
        tok = Name
    yield 0, tok, word


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
