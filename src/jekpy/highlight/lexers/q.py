"""q (kdb+) tokenised as Rouge 3.30's ``q`` lexer does.

Indented lines before the first unindented one are ``Comment.Special``; a
lone ``\\`` line comments out the rest of the file; ``/`` after blanks starts
a comment; ``.z.*``/``.Q.*``-style names are constants.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers import q_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

KEYWORDS = word_set("do if while select update delete exec from by")
WORD_OPERATORS = _words.WORD_OPERATORS
BUILTINS = _words.BUILTINS
_SYSTEM_NAMESPACE = re.compile(r"\.[zQqho]\.")


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in KEYWORDS:
        tok = Keyword
    elif word in WORD_OPERATORS:
        tok = Operator.Word
    elif word in BUILTINS:
        tok = Name.Builtin
    elif _SYSTEM_NAMESPACE.match(word):
        tok = Name.Constant
    else:
        tok = Name
    yield 0, tok, word


class QLexer(RougeRegexLexer):
    """Rouge's ``q`` lexer."""

    name = "Q (Rouge)"
    aliases = ["rouge-q"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#!(.*?)$", Comment.Preproc, "top"),
            (r"", Text, "top"),
        ],
        "top": [
            (r"^[ \t\r]+.*$", Comment.Special),
            (r"\n+", Text),
            (r"", Text, "base"),
        ],
        "base": [
            (r"\n+", Text),
            (r"^.\)", Keyword.Declaration),
            (r"(?i)\.?[a-z][a-z0-9_.]*", _word),
            (r"\s+/.*", Comment.Single),
            (r"[ \t\r]+", Text.Whitespace),
            (r"(?s)^/$.*?^\\$", Comment.Multiline),
            (r"^/[^\n]*$(\n[^\S\n]+.*$)*", Comment.Multiline),
            (r"^\\$", Comment, "bottom"),
            (r"^\\\\\s+", Keyword, "bottom"),
            (r'"', String, "string"),
            (
                r"(?:\d+D|\d{4}\.[01]\d\.[0123]\d[DT])"
                r"(?:[012]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?|([012]\d)?)[zpn]?\b",
                Literal.Date,
            ),
            (r"[012]\d:[0-5]\d(?::[0-5]\d(\.\d+)?)?[uvtpn]?\b", Literal.Date),
            (r"\d{4}\.[01]\d\.[0-3]\d[dpnzm]?\b", Literal.Date),
            (r"0[nNwW][hijefcpmdznuvt]?", Keyword.Constant),
            (r"'|/:|\\:|':|\\|/|0:|1:|2:", Operator),
            (r"(\d+[.]\d*|[.]\d+)(e[+-]?\d+)?[ef]?", Number.Float),
            (r"\d+e[+-]?\d+[ef]?", Number.Float),
            (r"\d+[ef]", Number.Float),
            (r"(?i)0x[0-9a-f]+", Number.Hex),
            (r"[01]+b", Number.Bin),
            (r"[0-9]+[hij]?", Number.Integer),
            (r"(?i)(`:[:a-z0-9._/]*|`(?:[a-z0-9.][:a-z0-9._]*)?)", String.Symbol),
            (r"(?:<=|>=|<>|::)|[?:$%&|@._#*^\-+~,!><=]:?", Operator),
            (r"[{}\[\]();]", Punctuation),
            (r"\\.*\n", Text),
        ],
        "string": [
            (r'\\"', String),
            (r'"', String, "#pop"),
            (r"\\([\\nr]|[01][0-7]{2})", String.Escape),
            (r'[^\\"\n]+', String),
            (r"\\", String),
        ],
        "bottom": [(r"(?s).+\Z", Comment.Multiline)],
    }
