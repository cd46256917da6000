"""SQL tokenised as Rouge 3.30's ``sql`` lexer does.

Words are classified case-insensitively: type names → ``Name.Builtin``,
keywords → ``Keyword``; double-quoted and backquoted identifiers are
``Name.Variable``; doubled quotes inside strings are ``String.Escape``.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify
from jekpy.highlight.lexers.sql_words import KEYWORDS, KEYWORDS_TYPE

_word = classify([(KEYWORDS_TYPE, Name.Builtin), (KEYWORDS, Keyword)], Name, str.upper)


class SqlLexer(RougeRegexLexer):
    """Rouge's ``sql`` lexer."""

    name = "SQL (Rouge)"
    aliases = ["rouge-sql"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"--.*", Comment.Single),
            (r"/\*", Comment.Multiline, "multiline_comments"),
            (r"\d+", Number.Integer),
            (r"'", String.Single, "single_string"),
            (r'"', Name.Variable, "double_string"),
            (r"`", Name.Variable, "backtick"),
            (r"\w[\w\d]*", _word),
            (r"[+*/<>=~!@#%&|?^-]", Operator),
            (r"[;:()\[\]{},.]", Punctuation),
        ],
        "multiline_comments": [
            (r"/[*]", Comment.Multiline, "multiline_comments"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^/*]+", Comment.Multiline),
            (r"[/*]", Comment.Multiline),
        ],
        "backtick": [
            (r"\\.", String.Escape),
            (r"``", String.Escape),
            (r"`", Name.Variable, "#pop"),
            (r"[^\\`]+", Name.Variable),
        ],
        "single_string": [
            (r"\\.", String.Escape),
            (r"''", String.Escape),
            (r"'", String.Single, "#pop"),
            (r"[^\\']+", String.Single),
        ],
        "double_string": [
            (r"\\.", String.Escape),
            (r'""', String.Escape),
            (r'"', Name.Variable, "#pop"),
            (r'[^\\"]+', Name.Variable),
        ],
    }
