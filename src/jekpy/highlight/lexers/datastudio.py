"""Datastudio job scripts tokenised as Rouge 3.30's ``datastudio`` lexer does.

SQL keywords are matched case-insensitively; ``%name%`` is a variable (also
inside strings, as an escape); ``@name`` is an entity; a number is one digit
with an optional fraction.
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
from jekpy.highlight.lexers import datastudio_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

SQL_KEYWORDS = _words.SQL_KEYWORDS

ID = r"(?i:@?[_a-z]\w*)"


_word = classify([(SQL_KEYWORDS, Keyword)], Name, str.upper)


def _string(quote: str, tok: Any) -> list[Any]:
    return [
        (r"%(\\.|.)+?%", String.Escape),
        (rf"\\{quote}", tok),
        (quote, tok, "#pop"),
        (r"(?s).", tok),
    ]


class DatastudioLexer(RougeRegexLexer):
    """Rouge's ``datastudio`` lexer."""

    name = "Datastudio (Rouge)"
    aliases = ["rouge-datastudio"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
        ],
        "string": _string('"', String.Double),
        "string_s": _string("'", String.Single),
        "root": [
            include("whitespace"),
            (rf"^:{ID}", Name.Label),
            (rf"@{ID}(\.{ID})?", Name.Entity),
            (r"%(\\.|.)+?%", Name.Variable),
            (r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", Punctuation),
            (r'"', String.Double, "string"),
            (r"'", String.Single, "string_s"),
            (r"\d(\.\d*)?", Number),
            (rf"{ID}(?=\s*[(])", Name.Function),
            (ID, _word),
        ],
    }
