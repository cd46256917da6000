"""Awk tokenised as Rouge 3.30's ``awk`` lexer does."""

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
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.jslike import TERNARY_STATE, regex_states

AWK_KEYWORDS = frozenset(
    ["if", "else", "while", "for", "do", "break", "continue", "return", "next", "nextfile", "delete", "exit", "print", "printf", "getline"]
)
AWK_CONSTANTS = frozenset(
    ["CONVFMT", "FS", "NF", "NR", "FNR", "FILENAME", "RS", "OFS", "ORS", "OFMT", "SUBSEP", "ARGC", "ARGV", "ENVIRON"]
)
AWK_BUILTINS = frozenset(
    ["exp", "log", "sqrt", "sin", "cos", "atan2", "length", "rand", "srand", "int", "substr", "index", "match", "split", "sub", "gsub", "sprintf", "system", "tolower", "toupper"]
)


def _awk_word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in AWK_KEYWORDS:
        yield 0, Keyword, word
        ctx.stack.append("expr_start")
    elif word == "function":
        yield 0, Keyword.Declaration, word
        ctx.stack.append("expr_start")
    elif word in ("BEGIN", "END"):
        yield 0, Keyword.Reserved, word
    elif word in AWK_CONSTANTS:
        yield 0, Keyword.Constant, word
    elif word in AWK_BUILTINS:
        yield 0, Name.Builtin, word
    elif word.startswith("$"):
        yield 0, Name.Variable, word
    else:
        yield 0, Name.Other, word


class AwkLexer(RougeRegexLexer):
    """Rouge's ``awk`` lexer."""

    name = "Awk (Rouge)"
    aliases = ["rouge-awk"]

    tokens: dict[str, Any] = {
        "comments_and_whitespace": [(r"\s+", Text), (r"#.*?$", Comment.Single)],
        "expr_start": [
            include("comments_and_whitespace"),
            (r"/", String.Regex, ("#pop", "regex")),
            default("#pop"),
        ],
        **regex_states(""),
        "root": [
            include("comments_and_whitespace"),
            (r"(?<=\n)(?=\s|/)", Text, "expr_start"),
            (r"[-<>+*/%^!=]=?|in\b|\+\+|--|\|", Operator, "expr_start"),
            (r"&&|\|\||~!?", Operator, "expr_start"),
            (r"[(\[,]", Punctuation, "expr_start"),
            (r";", Punctuation, "statement"),
            (r"[)\].]", Punctuation),
            (r"[?]", Punctuation, ("ternary", "expr_start")),
            (r"[{}]", Punctuation, "statement"),
            (r"[$a-zA-Z_][a-zA-Z0-9_]*", _awk_word),
            (r"[0-9]+\.[0-9]+", Number.Float),
            (r"[0-9]+", Number.Integer),
            (r'"(\\[\\"]|[^"])*"', String.Double),
            (r":", Punctuation),
        ],
        "statement": [(r"[{}]", Punctuation), include("expr_start")],
        "ternary": TERNARY_STATE,
    }
