"""Vala tokenised as Rouge 3.30's ``vala`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import vala_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

ID = r"@?[_a-zA-Z]\w*"
_KEYWORDS = _words.KEYWORDS
_TYPES = ["bool", "char", "double", "float", "int", "int8", "int16", "int32", "int64", "long", "short", "size_t", "ssize_t", "string", "unichar", "uint", "uint8", "uint16", "uint32", "uint64", "ulong", "ushort"]


class ValaLexer(RougeRegexLexer):
    """Rouge's ``vala`` lexer."""

    name = "Vala (Rouge)"
    aliases = ["rouge-vala"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
        ],
        "root": [
            include("whitespace"),
            (r"^\s*\[.*?\]", Name.Attribute),
            (rf"(<\[)\s*({ID}:)?", Keyword),
            (r"\]>", Keyword),
            (r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", Punctuation),
            (r'@"(\\.|.)*?"', String),
            (r'"(\\.|.)*?["\n]', String),
            (r"'(\\.|.)'", String.Char),
            (r"(?i)0x[0-9a-f]+[lu]?", Number),
            (r"(?i)[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", Number),
            (r"\b(" + "|".join(_KEYWORDS) + r")\b", Keyword),
            (r"\b(" + "|".join(_TYPES) + r")\b", Keyword.Type),
            (r"class|struct", Keyword, "class"),
            (r"namespace|using", Keyword, "namespace"),
            (rf"{ID}(?=\s*[(])", Name.Function),
            (ID, Name),
            (r"#.*", Comment.Preproc),
        ],
        "class": [include("whitespace"), (ID, Name.Class, "#pop")],
        "namespace": [
            include("whitespace"),
            (r"(?=[(])", Text, "#pop"),
            (rf"({ID}|[.])+", Name.Namespace, "#pop"),
        ],
    }
