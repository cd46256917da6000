"""Prolog tokenised as Rouge 3.30's ``prolog`` lexer does."""

from __future__ import annotations

from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.unicode_classes import category_class


class PrologLexer(RougeRegexLexer):
    """Rouge's ``prolog`` lexer."""

    name = "Prolog (Rouge)"
    aliases = ["rouge-prolog"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "bol")

    tokens: dict[str, Any] = {
        "bol": [(r"#.*", Comment.Single), default("#pop")],
        "basic": [
            (r"\s+", Text),
            (r"%.*", Comment.Single),
            (r"/\*", Comment.Multiline, "nested_comment"),
            (r"[\[\](){}|.,;!]", Punctuation),
            (r":-|-->", Punctuation),
            (r'"[^"]*"', String.Double),
            (r"\d+\.\d+", Number.Float),
            (r"\d+", Number),
        ],
        "atoms": [
            (rf"[{category_class('Ll')}]((?u:\w))*", String.Symbol),
            (r"'[^']*'", String.Symbol),
        ],
        "operators": [
            (r"(<|>|=<|>=|==|=:=|=|/|//|\*|\+|-)(?=\s|[a-zA-Z0-9\[])", Operator),
            (r"is", Operator),
            (r"(mod|div|not)", Operator),
            (r"[#&*+-./:<=>?@^~]+", Operator),
        ],
        "variables": [
            (r"[A-Z]+\w*", Name.Variable),
            (r"_(?u:\w)*", Name.Variable),
        ],
        "root": [
            include("basic"),
            include("atoms"),
            include("variables"),
            include("operators"),
        ],
        "nested_comment": [
            (r"/\*", Comment.Multiline, "#push"),
            (r"\s*\*[^*/]+", Comment.Multiline),
            (r"\*/", Comment.Multiline, "#pop"),
        ],
    }

