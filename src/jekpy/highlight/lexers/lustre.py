"""Lustre and Lutin tokenised as Rouge 3.30's ``lustre`` / ``lutin`` lexers do."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

ID = r"(?i:[a-z_][\w']*)"
H = "[0-9a-fA-F]"


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in lexer.keywords:
        tok = Keyword
    elif word in lexer.word_operators:
        tok = Operator.Word
    elif word in lexer.primitives:
        tok = Keyword.Type
    else:
        tok = Name
    yield 0, tok, word


class LustreLexer(RougeRegexLexer):
    """Rouge's ``lustre`` lexer."""

    name = "Lustre (Rouge)"
    aliases = ["rouge-lustre"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["extern", "unsafe", "assert", "const", "current", "enum", "function", "let", "node", "operator", "returns", "step", "struct", "tel", "type", "var", "model", "package", "needs", "provides", "uses", "is", "body", "end", "include", "merge"]
    )
    word_operators: ClassVar[frozenset[str]] = frozenset(
        ["div", "and", "xor", "mod", "or", "not", "nor", "if", "then", "else", "fby", "pre", "when", "with"]
    )
    primitives: ClassVar[frozenset[str]] = frozenset(["int", "real", "bool"])

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"false|true", Keyword.Constant),
            (r"\-\-.*", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"(?s)\(\*.*?\*\)", Comment.Multiline),
            (ID, _word),
            (r"[(){}\[\];]+", Punctuation),
            (r"[,!$%&*+./:<=>?@^|~#-]+", Operator),
            (r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", Number.Float),
            (r"\d[\d_]*", Number.Integer),
            (rf"'(?:(\\[\\\"'ntbr ])|(\\[0-9]{{3}})|(\\x{H}{{2}}))'", String.Char),
            (r"'[.]'", String.Char),
            (r'"', String.Double, "string"),
            (rf"[~?]{ID}", Name.Variable),
        ],
        "string": [
            (r'[^\\"]+', String.Double),
            include("escape_sequence"),
            (r"\\\n", String.Double),
            (r'"', String.Double, "#pop"),
        ],
        "escape_sequence": [
            (r"\\[\\\"'ntbr]", String.Escape),
            (r"\\\d{3}", String.Escape),
            (rf"\\x{H}{{2}}", String.Escape),
        ],
    }


class LutinLexer(LustreLexer):
    """Rouge's ``lutin`` lexer: the Lustre grammar with Lutin's words."""

    name = "Lutin (Rouge)"
    aliases = ["rouge-lutin"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["let", "in", "node", "extern", "system", "returns", "weak", "strong", "assert", "raise", "try", "catch", "trap", "do", "exist", "erun", "run", "type", "ref", "exception", "include", "false", "true"]
    )
    word_operators: ClassVar[frozenset[str]] = frozenset(
        ["div", "and", "xor", "mod", "or", "not", "nor", "if", "then", "else", "pre"]
    )
    primitives: ClassVar[frozenset[str]] = frozenset(["int", "real", "bool", "trace", "loop", "fby"])
