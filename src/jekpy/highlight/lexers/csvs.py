"""CSV Schema tokenised as Rouge 3.30's ``csvs`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer


class CsvsLexer(RougeRegexLexer):
    """Rouge's ``csvs`` lexer."""

    name = "CSV Schema (Rouge)"
    aliases = ["rouge-csvs"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"//[\S\t ]*", Comment.Single),
            (r"(?s)/\*[^*]*\*/", Comment.Multiline),
            (r"(version)( )(\d+\.\d+)", bygroups(Keyword, Text.Whitespace, Number.Float)),
            (r"T?\d{2}:\d{2}:\d{2}(\.\d{5})?(Z|(?:[-+]\d{2}:\d{2}))?", Literal.Date),
            (r"\d{4}-\d{2}-\d{2}", Literal.Date),
            (r"\d{2}/\d{2}/\d{4}", Literal.Date),
            (r"(?i)(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?", Number.Float),
            (r"\d+", Number.Integer),
            (r"@\w+", Keyword.Pseudo),
            (r"[-.\w]+:", Name.Variable),
            (r'^"[^"]+"', Name.Variable),
            (r'\$([-.\w]+|("[^"]+"))/?', Name.Variable),
            (r"(?i)[A-Z]+", Keyword),
            (r'"[^"]*"', String.Double),
            (r"'[^\r\n\f']'", String.Char),
            (r"[,()*]", Punctuation),
        ],
    }
