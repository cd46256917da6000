"""Windows batch files tokenised as Rouge 3.30's ``batchfile`` lexer does.

(Rouge's last word test is ``"set".casecmp(word)``, which is always truthy in
Ruby, so every word not in its lists becomes ``Keyword.Declaration``.)
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    String,
    Text,
    TokenType,
    include,
)
from jekpy.highlight.lexers import batchfile_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = frozenset(["if", "else", "for", "in", "do", "goto", "call", "exit"])
OPERATOR_WORDS = frozenset(
    ["exist", "defined", "errorlevel", "cmdextversion", "not", "equ", "neq", "lss", "leq", "gtr", "geq"]
)
DEVICES = frozenset(
    ["con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9"]
)
BUILTIN_COMMANDS = frozenset(
    _words.BUILTIN_COMMANDS
)
OTHER_COMMANDS = frozenset(
    _words.OTHER_COMMANDS
)
ATTRIBUTES = frozenset(["on", "off", "disable", "enableextensions", "enabledelayedexpansion"])


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group(1)
    tok: TokenType
    if word in DEVICES:
        tok = Keyword.Reserved
    elif word in KEYWORDS:
        tok = Keyword
    elif word in OPERATOR_WORDS:
        tok = Operator.Word
    elif word in BUILTIN_COMMANDS or word in OTHER_COMMANDS:
        yield 0, Name.Builtin, match.group()
        return
    elif word in ATTRIBUTES:
        tok = Name.Attribute
    else:
        tok = Keyword.Declaration
    yield 0, tok, word
    if match.group(2) is not None:
        yield match.start(2), Error, match.group(2)


class BatchfileLexer(RougeRegexLexer):
    """Rouge's ``batchfile`` lexer (tags batchfile, bat, batch, dosbatch, winbatch)."""

    name = "Batchfile (Rouge)"
    aliases = ["rouge-batchfile"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"(?i)@?\brem\b.*$", Comment),
            (r"^::.*$", Comment),
            (r"(?i):[a-z]+", Name.Label),
            (r"(?i)([a-z]\w*)(\.exe|com|bat|cmd|msi)?", _word),
            (r"(?i)((?:[/+]|--?)[a-z]+)\s*", Name.Attribute),
            include("expansions"),
            (r"[<>&|(){}\[\]\-+=;,~?*]", Operator),
        ],
        "escape": [(r"(?s)\^.", String.Escape)],
        "expansions": [
            (r"(?i)[%!]+([a-z_$@#]+)[%!]+", Name.Variable),
            (r"(?i)(%+~?[a-z]+\d?)", Name.Variable.Magic),
        ],
        "double_quotes": [
            include("escape"),
            (r'["]', String.Double, "#pop"),
            include("expansions"),
            (r'[^^"%!]+', String.Double),
        ],
        "single_quotes": [
            include("escape"),
            (r"[']", String.Single, "#pop"),
            include("expansions"),
            (r"[^^'%!]+", String.Single),
        ],
        "backtick": [
            include("escape"),
            (r"[`]", String.Backtick, "#pop"),
            include("expansions"),
            (r"[^^`%!]+", String.Backtick),
        ],
        "data": [
            (r"\s+", Text),
            (r"(?i)0x[0-9a-f]+", Number.Hex),
            (r"[0-9]", Number),
            (r'["]', String.Double, "double_quotes"),
            (r"[']", String.Single, "single_quotes"),
            (r"[`]", String.Backtick, "backtick"),
            (r"[^\s&|()\[\]{}^=;!%+\-,\"'`~?*]+", Text),
            include("escape"),
        ],
        "root": [include("basic"), include("data")],
    }
