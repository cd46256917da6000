"""Go tokenised as Rouge 3.30's ``go`` lexer does (a flat token grammar)."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

_KEYWORD = (
    r"\b(?:break|default|func|interface|select|case|defer|go|map|struct|chan|else|goto"
    r"|package|switch|const|fallthrough|if|range|type|continue|for|import|return|var)\b"
)
_IDENT = rf"(?!{_KEYWORD})(?u:[^\W\d]|_)(?u:[^\W\d]|_|\d)*"
_OPERATOR = (
    r"\+=|\+\+|\+|&\^=|&\^|&=|&&|&|==|=|!=|!|-=|--|-|\|=|\|\||\||<=|<-|<<=|<<|<|\*=|\*"
    r"|\^=|\^|>>=|>>|>=|>|/|/=|:=|%|%=|\.\.\.|\.|:"
)
_DECIMALS = r"[0-9]+"
_EXPONENT = rf"[eE][+\-]?{_DECIMALS}"
_FLOAT = (
    rf"(?:{_DECIMALS}\.(?:{_DECIMALS})?(?:{_EXPONENT})?|{_DECIMALS}{_EXPONENT}"
    rf"|\.{_DECIMALS}(?:{_EXPONENT})?)"
)
_HEX = "[0-9A-Fa-f]"
_ESCAPED = r"\\[abfnrtv\\'\"]"
_UNICODE_VALUE = rf"(?:[^\n]|\\u{_HEX}{{4}}|\\U{_HEX}{{8}}|{_ESCAPED})"
_BYTE_VALUE = rf"(?:\\[0-7]{{3}}|\\x{_HEX}{{2}})"
_TYPES = (
    r"\b(?:bool|byte|complex64|complex128|error|float32|float64|int8|int16|int32|int64"
    r"|int|rune|string|uint8|uint16|uint32|uint64|uintptr|uint)\b"
)
_FUNCTIONS = (
    r"\b(?:append|cap|close|complex|copy|delete|imag|len|make|new|panic|print|println"
    r"|real|recover)\b"
)


class GoLexer(RougeRegexLexer):
    """Rouge's ``go`` lexer (tags go, golang)."""

    name = "Go (Rouge)"
    aliases = ["rouge-go"]

    tokens: dict[str, Any] = {
        "simple_tokens": [
            (r"//(?:(?!\n).)*|(?s:/\*(?:(?!\*/).)*\*/)", Comment),
            (_KEYWORD, Keyword),
            (_TYPES, Keyword.Type),
            (_FUNCTIONS, Name.Builtin),
            (r"\b(?:true|false|iota|nil)\b", Name.Constant),
            (rf"(?:{_DECIMALS}|{_FLOAT})i", Number),
            (_FLOAT, Number),
            (rf"0[xX]{_HEX}+|[0-9][0-9]*|0[0-7]*", Number),
            (rf"'(?:{_UNICODE_VALUE}|{_BYTE_VALUE})'", String.Char),
            (_OPERATOR, Operator),
            (r"\(|\)|\[|\]|\{|\}|,|;", Punctuation),
            (_IDENT, Name),
            (r"\s+", Text),
        ],
        "root": [
            include("simple_tokens"),
            (r"`", String, "raw_string"),
            (r'"', String, "interpreted_string"),
        ],
        "interpreted_string": [
            (rf"{_ESCAPED}|\\u{_HEX}{{4}}|\\U{_HEX}{{8}}|\\x{_HEX}{{2}}", String.Escape),
            (r"\\.", Error),
            (r'"', String, "#pop"),
            (r'[^"\\]+', String),
        ],
        "raw_string": [
            (r"`", String, "#pop"),
            (r"[^`]+", String),
        ],
    }
