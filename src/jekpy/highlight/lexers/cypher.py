"""Cypher (Neo4j) queries tokenised as Rouge 3.30's ``cypher`` lexer does."""

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
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

FUNCTIONS = frozenset(
    ["ABS", "ACOS", "ALLSHORTESTPATHS", "ASIN", "ATAN", "ATAN2", "AVG", "CEIL", "COALESCE", "COLLECT", "COS", "COT", "COUNT", "DATE", "DEGREES", "E", "ENDNODE", "EXP", "EXTRACT", "FILTER", "FLOOR", "HAVERSIN", "HEAD", "ID", "KEYS", "LABELS", "LAST", "LEFT", "LENGTH", "LOG", "LOG10", "LOWER", "LTRIM", "MAX", "MIN", "NODE", "NODES", "PERCENTILECONT", "PERCENTILEDISC", "PI", "RADIANS", "RAND", "RANGE", "REDUCE", "REL", "RELATIONSHIP", "RELATIONSHIPS", "REPLACE", "REVERSE", "RIGHT", "ROUND", "RTRIM", "SHORTESTPATH", "SIGN", "SIN", "SIZE", "SPLIT", "SQRT", "STARTNODE", "STDEV", "STDEVP", "STR", "SUBSTRING", "SUM", "TAIL", "TAN", "TIMESTAMP", "TOFLOAT", "TOINT", "TOINTEGER", "TOSTRING", "TRIM", "TYPE", "UPPER"]
)
PREDICATES = frozenset(["ALL", "AND", "ANY", "CONTAINS", "EXISTS", "HAS", "IN", "NONE", "NOT", "OR", "SINGLE", "XOR"])
KEYWORDS = frozenset(
    ["AS", "ASC", "ASCENDING", "ASSERT", "BY", "CASE", "COMMIT", "CONSTRAINT", "CREATE", "CSV", "CYPHER", "DELETE", "DESC", "DESCENDING", "DETACH", "DISTINCT", "DROP", "ELSE", "END", "ENDS", "EXPLAIN", "FALSE", "FIELDTERMINATOR", "FOREACH", "FROM", "HEADERS", "IN", "INDEX", "IS", "JOIN", "LIMIT", "LOAD", "MATCH", "MERGE", "NULL", "ON", "OPTIONAL", "ORDER", "PERIODIC", "PROFILE", "REMOVE", "RETURN", "SCAN", "SET", "SKIP", "START", "STARTS", "THEN", "TRUE", "UNION", "UNIQUE", "UNWIND", "USING", "WHEN", "WHERE", "WITH", "CALL", "YIELD"]
)


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group(1).upper()
    if name in FUNCTIONS:
        tok = Name.Function
    elif name in KEYWORDS:
        tok = Keyword
    else:
        tok = Name
    yield 0, tok, match.group(1)
    yield match.start(2), Text.Whitespace, match.group(2)
    yield match.start(3), String.Symbol, match.group(3)


_word = classify([(PREDICATES, Operator.Word), (KEYWORDS, Keyword)], Name, str.upper)


class CypherLexer(RougeRegexLexer):
    """Rouge's ``cypher`` lexer."""

    name = "Cypher (Rouge)"
    aliases = ["rouge-cypher"]

    tokens: dict[str, Any] = {
        "root": [
            (r"[\s]+", Text),
            (r"//.*?$", Comment.Single),
            (r"/\*", Comment.Multiline, "multiline_comments"),
            (r"[*+\-<>=&|~%^]", Operator),
            (r"[{}),;\[\]]", String.Symbol),
            (
                r"(\w+)(:)(\s*)(-?[._\d]+)",
                bygroups(Name.Label, String.Delimiter, Text.Whitespace, Number),
            ),
            (r"(\w+)(\s*)(\()", _call),
            (r":\w+", Name.Class),
            (r"(-?\d+)(\.\.)(-?\d+)", bygroups(Number, Operator, Number)),
            (r"(?i)(\d+\.\d*|\d*\.\d+)(e[+-]?\d+)?", Number.Float),
            (r"(?i)\d+e[+-]?\d+", Number.Float),
            (r"0[0-7]+", Number.Oct),
            (r"(?i)0x[a-f0-9]+", Number.Hex),
            (r"\d+", Number.Integer),
            (r"[.\w]+:", Name.Property),
            (r"\(", String.Symbol),
            (r"[.\w$]+", _word),
            (r'"(\\\\|\\"|[^"])*"', String.Double),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
            (r"`(\\\\|\\`|[^`])*`", String.Backtick),
        ],
        "multiline_comments": [
            (r"/[*]", Comment.Multiline, "multiline_comments"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^/*]+", Comment.Multiline),
            (r"[/*]", Comment.Multiline),
        ],
    }
