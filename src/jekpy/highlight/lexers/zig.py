"""Zig tokenised as Rouge 3.30's ``zig`` lexer does."""

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
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import zig_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.rust import attribute_states

KEYWORDS = frozenset(
    _words.KEYWORDS
)
BUILTINS = frozenset(
    _words.BUILTINS
)
ID = r"[a-zA-Z_]\w*"
_H = "[0-9a-fA-F]"
ESCAPES = rf"\\([nrt'\"\\0]|x{_H}{{2}}|u{_H}{{4}}|U{_H}{{8}})"


def _name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group(3)
    if name in KEYWORDS:
        tok = Keyword
    elif name in BUILTINS:
        tok = Name.Builtin
    elif match.group(1) and match.group(5):
        tok = Name.Function
    elif match.group(1):
        tok = Name.Property
    else:
        tok = Name
    for i, t in enumerate([Punctuation, Text, tok, Text, Punctuation], start=1):
        yield match.start(i), t, match.group(i)


class ZigLexer(RougeRegexLexer):
    """Rouge's ``zig`` lexer (tags zig, zir)."""

    name = "Zig (Rouge)"
    aliases = ["rouge-zig"]

    tokens: dict[str, Any] = {
        **attribute_states("literals", ID),
        "whitespace": [(r"\s+", Text), (r"//[^\n]*", Comment)],
        "root": [
            (r"\n", Text, "bol"),
            include("whitespace"),
            (r"\b(?:(i|u)[0-9]+)\b", Keyword.Type),
            (r"\b(?:f(16|32|64|128))\b", Keyword.Type),
            (r"\b(?:(isize|usize))\b", Keyword.Type),
            include("literals"),
            (rf"'{ID}", Name.Variable),
            (rf"([.]?)(\s*)(@?{ID})(\s*)([(]?)", _name),
            (r"[()\[\]{}|,:;]", Punctuation),
            (r"[*/!@~&+%^<>=?-]|\.{1,3}", Operator),
        ],
        "literals": [
            (r"\b(?:true|false|null)\b", Keyword.Constant),
            (rf"'(?:{ESCAPES}|[^\\])'", String.Char),
            (r'"', String, "string"),
            (r'(?s)r(#*)".*?"\1', String),
            (r"[0-9]+((?:[.][0-9_]+)(?:e[-+]?[0-9_]+)?|(?:[.][0-9_]+)?(?:e[-+]?[0-9_]+))", Number.Float),
            (r"(0b[10_]+|0x[0-9a-fA-F_]+|[0-9_]+)", Number.Integer),
        ],
        "string": [
            (r'"', String, "#pop"),
            (ESCAPES, String.Escape),
            (r'[^"\\]+', String),
        ],
    }
