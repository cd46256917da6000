"""Verilog / SystemVerilog tokenised as Rouge 3.30's ``verilog`` lexer does."""

from __future__ import annotations

from typing import Any, Final

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers import verilog_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify
from jekpy.highlight.lexers.c import STRING_STATE, WHITESPACE_STATES

VERILOG_KEYWORDS: Final[frozenset[str]] = frozenset(
    _words.VERILOG_KEYWORDS
)

VERILOG_TYPES: Final[frozenset[str]] = frozenset(
    _words.VERILOG_TYPES
)

VERILOG_SYSTEM_TASKS: Final[frozenset[str]] = frozenset(
    _words.VERILOG_SYSTEM_TASKS
)

ID = r"[a-zA-Z_][a-zA-Z0-9_]*"


_word = classify(
    [
        (VERILOG_KEYWORDS, Keyword),
        (VERILOG_TYPES, Keyword.Type),
        (VERILOG_SYSTEM_TASKS, Name.Builtin),
    ],
    Name,
)


class VerilogLexer(RougeRegexLexer):
    """Rouge's ``verilog`` lexer."""

    name = "Verilog (Rouge)"
    aliases = ["rouge-verilog"]

    tokens: dict[str, Any] = {
        "expr_bol": [
            include("inline_whitespace"),
            (r"`define", Comment.Preproc, "macro"),
            default("#pop"),
        ],
        "bol": [(rf"{ID}:(?!:)", Name.Label), include("expr_bol")],
        **WHITESPACE_STATES,
        "string": STRING_STATE,
        "statement": [
            include("whitespace"),
            (r'L?"', String, "string"),
            (r"(?i)([0-9_]+\.[0-9_]*|[0-9_]*\.[0-9_]+)(e[+-]?[0-9_]+)?", Number.Float),
            (r"(?i)[0-9_]+e[+-]?[0-9_]+", Number.Float),
            (r"[0-9]*'h[0-9a-fA-F_?]+", Number.Hex),
            (r"[0-9]*'b?[01xz_?]+", Number.Bin),
            (r"[0-9]*'d[0-9_?]+", Number.Integer),
            (r"(?i)[0-9_]+[lu]*", Number.Integer),
            (r"[-~!%^&*+=|?:<>/@{}]", Operator),
            (r"[()\[\],.$#;]", Punctuation),
            (r"`(\w+)", Comment.Preproc),
            (ID, _word),
        ],
        "root": [include("expr_whitespace"), default("statement")],
        "macro": [
            (r"\n", Comment.Preproc, "#pop"),
            include("inline_whitespace"),
            (r";", Punctuation),
            (r"=", Operator),
            (r"(\w+)", Text),
        ],
    }
