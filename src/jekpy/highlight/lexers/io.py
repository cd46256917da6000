"""Io tokenised as Rouge 3.30's ``io`` lexer does."""

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

CONSTANTS = frozenset(["nil", "false", "true"])
BUILTINS = frozenset(
    ["args", "call", "clone", "do", "doFile", "doString", "else", "elseif", "for", "if", "list", "method", "return", "super", "then"]
)


_word = classify([(CONSTANTS, Keyword.Constant), (BUILTINS, Name.Builtin)], Name)


class IoLexer(RougeRegexLexer):
    """Rouge's ``io`` lexer."""

    name = "Io (Rouge)"
    aliases = ["rouge-io"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"//.*", Comment.Single),
            (r"#.*", Comment.Single),
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
            (r"/[+]", Comment.Multiline, "nested_comment"),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r":?:=", Keyword),
            (r"[()]", Punctuation),
            (r"[-=;,*+><!/|^.%&\[\]{}]", Operator),
            (r"[A-Z]\w*", Name.Class),
            (r"[a-z_]\w*", _word),
            (r"(?i)(\d+[.]?\d*|\d*[.]\d+)(e[+-]?[0-9]+)?", Number.Float),
            (r"\d+", Number.Integer),
            (r"@@?", Keyword),
        ],
        "nested_comment": [
            (r"[^/+]+", Comment.Multiline),
            (r"/[+]", Comment.Multiline, "nested_comment"),
            (r"[+]/", Comment.Multiline, "#pop"),
        ],
    }
