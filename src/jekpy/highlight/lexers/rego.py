"""Rego (Open Policy Agent) tokenised as Rouge 3.30's ``rego`` lexer does."""

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
from jekpy.highlight.lexers.base import RougeRegexLexer, classify
from jekpy.highlight.lexers.unicode_classes import category_class

# Ruby's [[:word:]]: letters, marks, decimal digits and connector punctuation
_WORD_CHARS = category_class("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Pc")
_WORD = f"[{_WORD_CHARS}]+"
CONSTANTS = frozenset(["true", "false", "null"])
OPERATOR_WORDS = frozenset(["as", "default", "else", "import", "not", "package", "some", "with"])


_word = classify([(CONSTANTS, Keyword.Constant), (OPERATOR_WORDS, Operator.Word)], Name)


class RegoLexer(RougeRegexLexer):
    """Rouge's ``rego`` lexer."""

    name = "Rego (Rouge)"
    aliases = ["rouge-rego"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"\s+", Text),
            (r"#.*", Comment.Single),
            (r"[\[\](){}|.,;!]", Punctuation),
            (r'"[^"]*"', String.Double),
            (r"-?\d+\.\d+([eE][+-]?\d+)?", Number.Float),
            (r"-?\d+([eE][+-]?\d+)?", Number),
            (r"\\u[0-9a-fA-F]{4}", Number.Hex),
            (r"\\[\"/bfnrt]", String.Escape),
        ],
        "operators": [
            (r"(=|!=|>=|<=|>|<|\+|-|\*|%|/|\||&|:=)", Operator),
            (r"[/:?@^~]+", Operator),
        ],
        "root": [include("basic"), include("operators"), (_WORD, _word)],
    }
