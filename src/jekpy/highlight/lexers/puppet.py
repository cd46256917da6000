"""Puppet manifests tokenised as Rouge 3.30's ``puppet`` lexer does."""

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
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

TokenStream = Iterator[tuple[int, TokenType, str]]

KEYWORDS = frozenset(
    ["and", "case", "class", "default", "define", "else", "elsif", "if", "in", "import", "inherits", "node", "unless"]
)
CONSTANTS = frozenset(["false", "true", "undef"])
METAPARAMETERS = frozenset(["before", "require", "notify", "subscribe"])
ID = r"[a-z]\w*"
QUALNAME = rf"(?:(::)?(?:{ID}::)*\w+)"


def _property(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    yield 0, (Keyword.Pseudo if word in METAPARAMETERS else Name.Property), word


def _qualname(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in KEYWORDS:
        tok = Keyword
    elif word in CONSTANTS:
        tok = Keyword.Constant
    else:
        tok = Name
    yield 0, tok, word


class PuppetLexer(RougeRegexLexer):
    """Rouge's ``puppet`` lexer (tags puppet, pp)."""

    name = "Puppet (Rouge)"
    aliases = ["rouge-puppet"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text), (r"#.*?\n", Comment)],
        "root": [
            include("whitespace"),
            (rf"[$]{QUALNAME}", Name.Variable),
            (rf"({ID})(?=\s*[=+]>)", _property),
            (rf"({QUALNAME})(?=\s*[(])", Name.Function),
            (r"[A-Z]\w*", Name.Class),
            (r"[+=|~-]>|<[|~-]", Punctuation),
            (r"[|:}();\[\]]", Punctuation),
            (r"\{", Punctuation, "regex_allowed"),
            (r",", Punctuation, "regex_allowed"),
            (r"(in|and|or)\b", Operator.Word),
            (r"[=!<>]=", Operator),
            (r"[=!]~", Operator, "regex_allowed"),
            (r"[.=<>!+*/-]", Operator),
            (rf"(class|include)(\s*)({QUALNAME})", bygroups(Keyword, Text, Name.Class)),
            (r"node\b", Keyword, "regex_allowed"),
            (r"(?s)'(\\[\\']|[^'])*'", String.Single),
            (r'"', String.Double, "dquotes"),
            (r"\d+([.]\d+)?(e[+-]\d+)?", Number),
            (QUALNAME, _qualname),
        ],
        "regex_allowed": [
            include("whitespace"),
            (r"/", String.Regex, "regex"),
            default("#pop"),
        ],
        "regex": [
            (r"/", String.Regex, "#pop"),
            (r"\\.", String.Escape),
            (r"[(){}]", String.Interpol),
            (r"\[", String.Interpol, "regex_class"),
            (r".", String.Regex),
        ],
        "regex_class": [
            (r"\]", String.Interpol, "#pop"),
            (r"(?<!\[)-(?=\])", String.Regex),
            (r"-", String.Interpol),
            (r"\\.", String.Escape),
            (r"[^\\\]-]+", String.Regex),
        ],
        "dquotes": [
            (r'"', String.Double, "#pop"),
            (r'[^$\\"]+', String.Double),
            (r"(?s)\\.", String.Escape),
            (rf"[$]{QUALNAME}", Name.Variable),
            (rf"[$][{{]{QUALNAME}[}}]", Name.Variable),
        ],
    }
