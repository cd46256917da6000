"""CoffeeScript tokenised as Rouge 3.30's ``coffeescript`` lexer does."""

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
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = frozenset(
    ["for", "by", "while", "until", "loop", "break", "continue", "return", "switch", "when", "then", "if", "else", "do", "yield", "throw", "try", "catch", "finally", "await", "new", "delete", "typeof", "instanceof", "super", "extends", "this", "class", "import", "export", "debugger"]
)
CONSTANTS = frozenset(["true", "false", "yes", "no", "on", "off", "null", "NaN", "Infinity", "undefined"])
BUILTINS = frozenset(
    ["Array", "Boolean", "Date", "Error", "Function", "Math", "netscape", "Number", "Object", "Packages", "RegExp", "String", "sun", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "document", "window"]
)
ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"
_SLASH = "slash_starts_regex"


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in KEYWORDS:
        tok = Keyword
    elif word in CONSTANTS:
        tok = Name.Constant
    elif word in BUILTINS:
        tok = Name.Builtin
    else:
        tok = Name.Other
    yield 0, tok, word
    ctx.stack.append(_SLASH)


class CoffeescriptLexer(RougeRegexLexer):
    """Rouge's ``coffeescript`` lexer (tags coffeescript, coffee, coffee-script)."""

    name = "CoffeeScript (Rouge)"
    aliases = ["rouge-coffeescript"]

    tokens: dict[str, Any] = {
        "comments": [
            (r"(?s)###[^#].*?###", Comment.Multiline),
            (r"#.*$", Comment.Single),
        ],
        "whitespace": [(r"\s+", Text)],
        "regex_comment": [
            (r"^#(?!\{).*$", Comment.Single),
            (r"(\s+)(#(?!\{).*)$", bygroups(Text, Comment.Single)),
        ],
        "multiline_regex_begin": [(r"///", String.Regex, ("#pop", "multiline_regex"))],
        "multiline_regex_end": [(r"///([gimy]+\b|\B)", String.Regex, "#pop")],
        "multiline_regex": [
            include("multiline_regex_end"),
            include("regex_comment"),
            include("has_interpolation"),
            include("comments"),
            include("whitespace"),
            include("code_escape"),
            (r"\\\D", String.Escape),
            (r"\\\d+", Name.Variable),
            (r"(?s).", String.Regex),
        ],
        _SLASH: [
            include("comments"),
            include("whitespace"),
            include("multiline_regex_begin"),
            (r"/(\\.|[^\[/\\\n]|\[(\\.|[^\]\\\n])*\])+/([gimy]+\b|\B)", String.Regex, "#pop"),
            default("#pop"),
        ],
        "root": [
            (r"^(?=\s|/|<!--)", Text, _SLASH),
            include("comments"),
            include("whitespace"),
            (
                r"[+][+]|--|~|&&|\band\b|\bor\b|\bis\b|\bisnt\b|\bnot\b|\bin\b|\bof\b"
                r"|[?]|:|=|[|][|]|\\(?=\n)|(<<|>>>?|==?|!=?|[-<>+*`%&|^/])=?",
                Operator,
                _SLASH,
            ),
            (r"[-=]>", Name.Function),
            (rf"(@)([ \t]*)({ID})", bygroups(Name.Variable.Instance, Text, Name.Attribute), _SLASH),
            (rf"([.])([ \t]*)({ID})", bygroups(Punctuation, Text, Name.Attribute), _SLASH),
            (rf"{ID}(?=\s*:)", Name.Attribute, _SLASH),
            (ID, _word),
            (r"[{(\[;,]", Punctuation, _SLASH),
            (r"[})\].]", Punctuation),
            (r"\d+[.]\d+([eE]\d+)?[fd]?", Number.Float),
            (r"0x[0-9a-fA-F]+", Number.Hex),
            (r"\d+", Number.Integer),
            (r'"""', String, "tdqs"),
            (r"'''", String, "tsqs"),
            (r'"', String, "dqs"),
            (r"'", String, "sqs"),
        ],
        "code_escape": [
            (r"\\(c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})", String.Escape),
        ],
        "strings": [
            (r"[^#\\'\"]+", String),
            include("code_escape"),
            (r"\\.", String.Escape),
            (r"#", String),
        ],
        "double_strings": [
            (r"'", String),
            include("has_interpolation"),
            include("strings"),
        ],
        "single_strings": [(r'"', String), include("strings")],
        "interpolation": [(r"\}", String.Interpol, "#pop"), include("root")],
        "has_interpolation": [(r"[#][{]", String.Interpol, "interpolation")],
        "dqs": [(r'"', String, "#pop"), include("double_strings")],
        "tdqs": [(r'"""', String, "#pop"), (r'"', String), include("double_strings")],
        "sqs": [(r"'", String, "#pop"), include("single_strings")],
        "tsqs": [(r"'''", String, "#pop"), (r"'", String), include("single_strings")],
    }
