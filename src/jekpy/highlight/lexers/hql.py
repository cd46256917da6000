"""Hive QL tokenised as Rouge 3.30's ``hql`` lexer does.

Rouge's HQL is its SQL lexer with Hive's keyword and type lists,
double-quoted strings (not identifiers) and ``${var}`` substitutions, also
inside strings.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Keyword,
    Name,
    String,
)
from jekpy.highlight.lexers import hql_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set
from jekpy.highlight.lexers.sql import SqlLexer

KEYWORDS = _words.KEYWORDS
KEYWORDS_TYPE = word_set(
    """
    TINYINT SMALLINT INT INTEGER BIGINT FLOAT DOUBLE PRECISION DECIMAL NUMERIC
    TIMESTAMP DATE INTERVAL STRING VARCHAR CHAR BOOLEAN BINARY ARRAY MAP STRUCT
    UNIONTYPE
    """
)

_SQL = SqlLexer.tokens
_WORD = r"\w[\w\d]*"
_VARIABLE = (r"\$\{", Name.Variable, "hive_variable")


_word = classify([(KEYWORDS_TYPE, Name.Builtin), (KEYWORDS, Keyword)], Name, str.upper)


class HqlLexer(RougeRegexLexer):
    """Rouge's ``hql`` lexer."""

    name = "HQL (Rouge)"
    aliases = ["rouge-hql"]

    tokens: dict[str, Any] = {
        **_SQL,
        "root": [
            (r'"', String.Double, "double_string"),
            _VARIABLE,
            *[(rule[0], _word) if rule[0] == _WORD else rule for rule in _SQL["root"]],
        ],
        "single_string": [_VARIABLE, (r"[^\\'$]+", String.Single), *_SQL["single_string"]],
        "double_string": [
            _VARIABLE,
            (r'"', String.Double, "#pop"),
            (r'[^\\"$]+', String.Double),
            *_SQL["double_string"],
        ],
        "hive_variable": [
            (r"\}", Name.Variable, "#pop"),
            (r"[^}]+", Name.Variable),
        ],
    }
