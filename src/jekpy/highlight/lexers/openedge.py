"""OpenEdge ABL tokenised as Rouge 3.30's ``openedge`` lexer does.

Words are classified upper-cased: ABL keywords are ``Name.Builtin``, data
types ``Keyword.Type``, other names variables; ``&name`` / ``{&name}``
start a preprocessor line.
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
    bygroups,
    include,
)
from jekpy.highlight.lexers import openedge_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

KEYWORDS = _words.KEYWORDS
KEYWORDS_TYPE = word_set(
    """
    BLOB CHARACTER CHAR CLOB COM-HANDLE DATE DATETIME DATETIME-TZ DECIMAL DEC HANDLE
    INT64 INTEGER INT LOGICAL LONGCHAR MEMPTR RAW RECID ROWID WIDGET-HANDLE
    """
)


_word = classify(
    [(KEYWORDS, Name.Builtin), (KEYWORDS_TYPE, Keyword.Type)], Name.Variable, str.upper
)


class OpenEdgeLexer(RougeRegexLexer):
    """Rouge's ``openedge`` lexer."""

    name = "OpenEdge ABL (Rouge)"
    aliases = ["rouge-openedge"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"(\.)(\s+)", bygroups(Operator, Text)),
            (r"//[^\n]*", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
            (r"(\{?&)(\S+)", bygroups(Comment.Preproc, Name.Other), "preproc"),
            (r'"', String, "string"),
            (r"(?i)'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", String.Char),
            include("numbers"),
            (r"\*/", Error),
            (r"[~!%^*+=|?:<>/-]", Operator),
            (r"[()\[\],]", Punctuation),
            (r"(?i)(?:TRUE|FALSE|NULL)\b", Keyword.Constant),
            (r"[a-zA-Z_&{}][a-zA-Z0-9_\-&}]*", _word),
        ],
        "numbers": [
            (r"(?i)(?:\d+[.]\d*|[.]\d+)(?:e[+-]?\d+[lu]*)?", Number.Float),
            (r"(?i)\d+e[+-]?\d+[lu]*", Number.Float),
            (r"(?i)0x[0-9a-f]+[lu]*", Number.Hex),
            (r"(?i)0[0-7]+[lu]*", Number.Oct),
            (r"(?i)\d+[lu]*", Number.Integer),
        ],
        "string": [
            (r'"', String, "#pop"),
            (r"\\([\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})", String.Escape),
            (r'[^\\"]+', String),
            (r"\\", String),
        ],
        "preproc": [
            (r"\n", Text, "#pop"),
            (r"\s+", Text),
            (r"(\{?&)(\S+)", bygroups(Comment.Preproc, Name.Other)),
            (r'"', String, "string"),
            include("numbers"),
            (r"\S+", Name),
        ],
    }
