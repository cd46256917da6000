"""FICO Xpress Mosel tokenised as Rouge 3.30's ``mosel`` lexer does.

Keywords and the ``mmxprs``/``mmsystem``/``mmjobs`` module names are whole
words, some case-insensitive; every symbol is ``Punctuation``; ``!`` starts
a comment and ``(! … !)`` a block comment.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import mosel_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer


def _words(words: str, nocase: bool = False) -> str:
    flags = "(?i)" if nocase else ""
    return rf"{flags}\b({'|'.join(words.split())})\b"


NUMBER = (
    r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)"
    r"(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?"
)


class MoselLexer(RougeRegexLexer):
    """Rouge's ``mosel`` lexer."""

    name = "Mosel (Rouge)"
    aliases = ["rouge-mosel"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"(!).*$\n?", Comment.Single),
            (r"(?s)\(!.*?!\)", Comment.Multiline),
        ],
        "single_quotes": [
            (r"'", String.Single, "#pop"),
            (r"[^']+", String.Single),
        ],
        "double_quotes": [
            (r'"', String.Double, "#pop"),
            (r'(\\"|\\[0-7]{1,3}\D|\\[abfnrtv]|\\\\)', String.Escape),
            (r'[^"]', String.Double),
        ],
        "base": [
            (r'"', String.Double, "double_quotes"),
            (r"'", String.Single, "single_quotes"),
            (NUMBER, Number),
            (r"[~!@#$%^&*()+`\-={}\[\]:;<>?,./|\\]", Punctuation),
            (r"(?i)(true|false)\b", Name.Builtin),
            (_words(w.CORE_KEYWORDS, nocase=True), Keyword),
            (_words(w.CORE_FUNCTIONS), Name.Builtin),
            (_words(w.MMXPRS_FUNCTIONS), Name.Function),
            (_words(w.MMXPRES_CONSTANTS), Name.Constant),
            (_words(w.MMXPRS_PARAMETERS, nocase=True), Name.Property),
            (_words(w.MMSYSTEM_FUNCTIONS, nocase=True), Name.Function),
            (_words(w.MMSYSTEM_PARAMETERS), Name.Property),
            (_words(w.MMJOBS_FUNCTIONS, nocase=True), Name.Function),
            (_words(w.MMJOBS_PARAMETERS), Name.Property),
            (r"[a-zA-Z_][a-zA-Z0-9_]*", Name),
        ],
        "root": [
            include("whitespace"),
            include("base"),
        ],
    }
