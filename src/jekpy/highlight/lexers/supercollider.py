"""SuperCollider tokenised as Rouge 3.30's ``supercollider`` lexer does.

Numbers may be radix (``16rFF``) or carry ``pi`` (so ``pin`` starts with a
number); ``\\sym`` and ``'sym'`` are symbols (``String.Other``); ``~name`` is a
global; block comments nest.
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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

KEYWORDS = word_set("var arg classvar const super this")
RESERVED = word_set("case do for forBy loop if while new newCopyArgs")
CONSTANTS = word_set(
    """true false nil inf thisThread thisMethod thisFunction thisProcess
    thisFunctionDef currentEnvironment topEnvironment"""
)


_word = classify(
    [(KEYWORDS, Keyword), (CONSTANTS, Keyword.Constant), (RESERVED, Keyword.Reserved)], Name
)


class SuperColliderLexer(RougeRegexLexer):
    """Rouge's ``supercollider`` lexer."""

    name = "SuperCollider (Rouge)"
    aliases = ["rouge-supercollider"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\s+", Text)],
        "comments": [
            (r"//.*?$", Comment.Single),
            (r"/[*]", Comment.Multiline, "nested_comment"),
        ],
        "nested_comment": [
            (r"/[*]", Comment.Multiline, "nested_comment"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^*/]+", Comment.Multiline),
            (r".", Comment.Multiline),
        ],
        "root": [
            include("whitespace"),
            include("comments"),
            (r"[\-+]?0[xX][0-9a-fA-F]+", Number.Hex),
            (r"[\-+]?\d+r[0-9a-zA-Z]*(\.[0-9A-Z]*)?", Number.Float),
            (r"[\-+]?((\d+(\.\d+)?([eE][\-+]?\d+)?(pi)?)|pi)", Number.Float),
            (r"[\-+]?\d+", Number.Integer),
            (r"\$(\\.|.)", String.Char),
            (r'"([^\\"]|\\.)*"', String),
            (r"'([^\\']|\\.)*'", String.Other),
            (r"\\\w+", String.Other),
            (r"[A-Za-z_]\w*:", Name.Label),
            (r"[A-Z]\w*", Name.Class),
            (r"_\w+", Name.Function),
            (r"[a-z]\w*", _word),
            (r"~\w+", Name.Variable.Global),
            (r"[{}()\[\];,.]", Punctuation),
            (r"[+\-*/&|%<>=]+", Operator),
            (r"[\^:#]", Operator),
            (r"\b_\b", Name.Builtin),
        ],
    }
