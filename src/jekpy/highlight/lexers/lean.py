"""Lean tokenised as Rouge 3.30's ``lean`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Text,
)
from jekpy.highlight.lexers import lean_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    _words.KEYWORDS
)
TYPES = frozenset(["Sort", "Prop", "Type"])
OPERATORS = _words.OPERATORS  # fmt: skip


_word = classify([(KEYWORDS, Keyword), (TYPES, Keyword.Type)], Name)


class LeanLexer(RougeRegexLexer):
    """Rouge's ``lean`` lexer."""

    name = "Lean (Rouge)"
    aliases = ["rouge-lean"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s*--+\s+.*?$", Comment.Doc),
            (r'"', String, "string"),
            (r"\d+", Number.Integer),
            (r"#?\w+", _word),
            (r"[λ]", Keyword),
            (r"\:=?", Text),
            (r"\.[0-9]*", Operator),
            ("|".join(OPERATORS), Operator),
            (r"[\s\(\),\[\]αβ‹›]+", Text),
            (r".", Error),
        ],
        "string": [
            (r'"', String, "#pop"),
            (r"\\", String.Escape, "escape"),
            (r'[^\\"]+', String),
        ],
        "escape": [
            (r"[nrt\"'\\]", String.Escape, "#pop"),
            (r"(?i)x[\da-f]+", String.Escape, "#pop"),
        ],
    }
