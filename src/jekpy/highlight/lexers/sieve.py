"""Sieve mail filters tokenised as Rouge 3.30's ``sieve`` lexer does."""

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
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

CONTROLS = frozenset(["if", "elsif", "else", "require", "stop"])
ACTIONS = frozenset(
    ["keep", "fileinto", "redirect", "discard", "addheader", "deleteheader", "reject", "ereject", "notify", "setflag", "addflag", "removeflag", "vacation", "replace", "enclose", "extracttext"]
)
TESTS = frozenset(
    ["address", "allof", "anyof", "exists", "false", "header", "not", "size", "true", "body", "hasflag", "spamtest", "virustest", "date", "currentdate", "valid_notify_method", "notify_method_capability", "mailboxexists", "metadata", "metadataexists", "servermetadata", "servermetadataexists"]
)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in CONTROLS:
        tok = Keyword
    elif word in TESTS:
        tok = Name.Variable
    elif word in ACTIONS:
        tok = Name.Function
    elif word.startswith(":"):
        tok = Operator
    else:
        tok = Name.Other
    yield 0, tok, word


class SieveLexer(RougeRegexLexer):
    """Rouge's ``sieve`` lexer."""

    name = "Sieve (Rouge)"
    aliases = ["rouge-sieve"]

    tokens: dict[str, Any] = {
        "comments_and_whitespace": [
            (r"\s+", Text),
            (r"#.*", Comment.Single),
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
        ],
        "string": [
            (r"\\.", String.Escape),
            (r'"', String.Double, "#pop"),
            (r"\$\{(?:[0-9][.0-9]*|[a-zA-Z_][.a-zA-Z0-9_]*)\}", String.Interpol),
            (r".", String.Double),
        ],
        "root": [
            include("comments_and_whitespace"),
            (r"[\[\](),;{}]", Punctuation),
            (r":?[a-zA-Z_][a-zA-Z0-9_]*", _word),
            (r'"', String.Double, "string"),
            (r"[0-9]+[KMG]", Number.Integer),
        ],
    }
