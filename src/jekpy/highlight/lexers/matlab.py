"""MATLAB tokenised as Rouge 3.30's ``matlab`` lexer does.

A quote starts a char array only when another quote follows on the line
(else it is the transpose operator); ``!cmd`` lines are shell.
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
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify
from jekpy.highlight.lexers.matlab_words import BUILTINS
from jekpy.highlight.lexers.shell import ShellLexer

KEYWORDS = frozenset(
    ["arguments", "break", "case", "catch", "classdef", "continue", "else", "elseif", "end", "for", "function", "global", "if", "import", "methods", "otherwise", "parfor", "persistent", "properties", "return", "spmd", "switch", "try", "while"]
)


_word = classify([(KEYWORDS, Keyword), (BUILTINS, Name.Builtin)], Name)


def _shell_escape(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group(1)
    for idx, tok, val in ShellLexer().get_tokens_unprocessed(match.group(2)):
        yield match.start(2) + idx, tok, val


class MatlabLexer(RougeRegexLexer):
    """Rouge's ``matlab`` lexer (tags matlab, m)."""

    name = "MATLAB (Rouge)"
    aliases = ["rouge-matlab"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"(?s)[{]%.*?%[}]", Comment.Multiline),
            (r"%.*$", Comment.Single),
            (r"([.][.][.])(.*?)$", bygroups(Keyword, Comment)),
            (r"^(!)(.*?)(?=%|$)", _shell_escape),
            (r"[a-zA-Z][_a-zA-Z0-9]*", _word),
            (r"[(){};:,/\\\]\[]", Punctuation),
            (r"~=|==|<<|>>|[-~+/*%=<>&^|.@]", Operator),
            (r"(?i)(\d+\.\d*|\d*\.\d+)(e[+-]?[0-9]+)?", Number.Float),
            (r"(?i)\d+e[+-]?[0-9]+", Number.Float),
            (r"\d+L", Number.Integer.Long),
            (r"\d+", Number.Integer),
            (r"'(?=(.*'))", String.Single, "chararray"),
            (r'"(?=(.*"))', String.Double, "string"),
            (r"'", Operator),
        ],
        "chararray": [
            (r"[^']+", String.Single),
            (r"''", String.Escape),
            (r"'", String.Single, "#pop"),
        ],
        "string": [
            (r'[^"]+', String.Double),
            (r'""', String.Escape),
            (r'"', String.Double, "#pop"),
        ],
    }
