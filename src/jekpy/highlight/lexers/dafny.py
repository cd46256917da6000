"""Dafny tokenised as Rouge 3.30's ``dafny`` lexer does.

Malformed literals (bad chars, unclosed strings, ``0b2``, ``1_``) and stray
``*/`` are ``Error`` tokens; keywords are ``Keyword.Reserved``; ``arrayN`` and
``bvN`` are types.
"""

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
)
from jekpy.highlight.lexers import dafny_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

KEYWORDS = _words.KEYWORDS
LITERALS = word_set("true false null")
TEXT_OPERATORS = word_set("as is in")
TYPES = word_set(
    "bool char int real string nat array array? object object? ORDINAL "
    "seq set iset map imap multiset"
)

IDCHAR = r"[0-9a-zA-Z_'?]"
ID = rf"[0-9a-zA-Z?]{IDCHAR}*"
END = rf"(?!{IDCHAR})"
DIGITS = r"\d+(?:_\d+)*"
BIN_DIGITS = r"[01]+(?:_[01]+)*"
HEX_DIGITS = r"[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*"
CCHAR = r"(?:[^\\'\n\r]|\\[\"'ntr\\0])"
SCHAR = r"(?:[^\\\"\n\r]|\\[\"'ntr\\0])"
UCHAR = r"(?:\\u[0-9a-fA-F]{4})"


_word = classify(
    [
        (TYPES, Keyword.Type),
        (LITERALS, Keyword.Constant),
        (TEXT_OPERATORS, Operator.Word),
        (KEYWORDS, Keyword.Reserved),
    ],
    Name,
)


class DafnyLexer(RougeRegexLexer):
    """Rouge's ``dafny`` lexer."""

    name = "Dafny (Rouge)"
    aliases = ["rouge-dafny"]

    tokens: dict[str, Any] = {
        "root": [
            (r"/\*", Comment.Multiline, "comment"),
            (r"//.*?$", Comment.Single),
            (r"\*/", Error),
            (rf"'{CCHAR}'", String.Char),
            (rf"'{UCHAR}'", String.Char),
            (r"'[^'\n\r]*'", Error),
            (r"'[^'\n\r]*$", Error),
            (rf'"(?:{SCHAR}|{UCHAR})*"', String.Double),
            (r'".*"', Error),
            (r'".*$', Error),
            (r'@"([^"]|"")*"', String.Other),
            (r'(?s)@".*', Error),
            (rf"{DIGITS}\.{DIGITS}{END}", Number.Float),
            (rf"0b{BIN_DIGITS}{END}", Number.Bin),
            (rf"0b{IDCHAR}*", Error),
            (rf"0x{HEX_DIGITS}{END}", Number.Hex),
            (rf"0x{IDCHAR}*", Error),
            (rf"{DIGITS}{END}", Number.Integer),
            (rf"_{END}", Name),
            (rf"_[0-9_]+[_]?{END}", Error),
            (rf"[0-9_]+_{END}", Error),
            (rf"[0-9]{IDCHAR}+", Error),
            (rf"array(?:1[0-9]+|[2-9][0-9]*)\??{END}", Keyword.Type),
            (rf"bv(?:0|[1-9][0-9]*){END}", Keyword.Type),
            (ID, _word),
            (r"\.\.", Operator),
            (r"[*!%&<>|^+=:./-]", Operator),
            (r"[\[\](){},;`]", Punctuation),
            (r"[^\S\n]+", Text),
            (r"\n", Text),
            (r".", Error),
        ],
        "comment": [
            (r"\*/", Comment.Multiline, "#pop"),
            (r"/\*", Comment.Multiline, "comment"),
            (r"[^*/]+", Comment.Multiline),
            (r".", Comment.Multiline),
        ],
    }
