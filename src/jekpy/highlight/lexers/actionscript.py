"""ActionScript tokenised as Rouge 3.30's ``actionscript`` lexer does (a
JavaScript-like scanner that tracks where a regex literal may start)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

TokenStream = Iterator[tuple[int, TokenType, str]]

KEYWORDS = frozenset(
    ["for", "in", "while", "do", "break", "return", "continue", "switch", "case", "default", "if", "else", "throw", "try", "catch", "finally", "new", "delete", "typeof", "is", "this", "with"]
)
DECLARATIONS = frozenset(["var", "with", "function"])
RESERVED = frozenset(
    ["dynamic", "final", "internal", "native", "public", "protected", "private", "class", "const", "override", "static", "package", "interface", "extends", "implements", "namespace", "set", "get", "import", "include", "super", "flash_proxy", "object_proxy", "trace"]
)
CONSTANTS = frozenset(["true", "false", "null", "NaN", "Infinity", "undefined"])
BUILTINS = frozenset(
    ["void", "Function", "Math", "Class", "Object", "RegExp", "decodeURI", "decodeURIComponent", "encodeURI", "encodeURIComponent", "eval", "isFinite", "isNaN", "parseFloat", "parseInt", "this"]
)
ID = r"[$a-zA-Z_][a-zA-Z0-9_]*"


def _identifier(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in KEYWORDS:
        yield 0, Keyword, word
        ctx.stack.append("expr_start")
    elif word in DECLARATIONS:
        yield 0, Keyword.Declaration, word
        ctx.stack.append("expr_start")
    elif word in RESERVED:
        yield 0, Keyword.Reserved, word
    elif word in CONSTANTS:
        yield 0, Keyword.Constant, word
    elif word in BUILTINS:
        yield 0, Name.Builtin, word
    else:
        yield 0, Name.Other, word


class ActionscriptLexer(RougeRegexLexer):
    """Rouge's ``actionscript`` lexer (tags actionscript, as, as3)."""

    name = "ActionScript (Rouge)"
    aliases = ["rouge-actionscript"]

    tokens: dict[str, Any] = {
        "comments_and_whitespace": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
        ],
        "expr_start": [
            include("comments_and_whitespace"),
            (r"/", String.Regex, ("#pop", "regex")),
            (r"[{]", Punctuation, "object"),
            default("#pop"),
        ],
        "regex": [
            (r"/", String.Regex, ("#pop", "regex_end")),
            (r"[^/]\n", Error, "#pop"),
            (r"\n", Error, "#pop"),
            (r"\[\^", String.Escape, "regex_group"),
            (r"\[", String.Escape, "regex_group"),
            (r"\\.", String.Escape),
            (r"[(][?][:=<!]", String.Escape),
            (r"[{][\d,]+[}]", String.Escape),
            (r"[()?]", String.Escape),
            (r".", String.Regex),
        ],
        "regex_end": [
            (r"[gim]+", String.Regex, "#pop"),
            default("#pop"),
        ],
        "regex_group": [
            (r"/", String.Escape),
            (r"[^/]\n", Error, "#pop:2"),
            (r"\]", String.Escape, "#pop"),
            (r"\\.", String.Escape),
            (r".", String.Regex),
        ],
        "root": [
            (r"(?s)\A\s*#!.*?\n", Comment.Preproc, "statement"),
            (r"\n", Text, "statement"),
            (r"(?<=\n)(?=\s|/|<!--)", Text, "expr_start"),
            include("comments_and_whitespace"),
            (r"\+\+|--|~|&&|\|\||\\(?=\n)|<<|>>>?|===|!==", Operator, "expr_start"),
            (r"[:-<>+*%&|\^/!=]=?", Operator, "expr_start"),
            (r"[(\[,]", Punctuation, "expr_start"),
            (r";", Punctuation, "statement"),
            (r"[)\].]", Punctuation),
            (r"[?]", Punctuation, ("ternary", "expr_start")),
            (r"[{}]", Punctuation, "statement"),
            (ID, _identifier),
            (r"\-?[0-9][0-9]*\.[0-9]+([eE][0-9]+)?[fd]?", Number.Float),
            (r"0x[0-9a-fA-F]+", Number.Hex),
            (r"\-?[0-9]+", Number.Integer),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
        ],
        "statement": [
            (rf"({ID})(\s*)(:)", bygroups(Name.Label, Text, Punctuation)),
            (r"[{}]", Punctuation),
            include("expr_start"),
        ],
        "object": [
            include("comments_and_whitespace"),
            (r"[}]", Punctuation, ("#pop", "statement")),
            (rf"({ID})(\s*)(:)", bygroups(Name.Attribute, Text, Punctuation), "expr_start"),
            (r":", Punctuation),
            include("root"),
        ],
        "ternary": [
            (r":", Punctuation, ("#pop", "expr_start")),
            include("root"),
        ],
    }
