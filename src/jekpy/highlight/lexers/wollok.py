"""Wollok tokenised as Rouge 3.30's ``wollok`` lexer does.

Names declared after ``class``/``object``/``mixin`` are remembered and later
shown as classes, like capitalised names (Rouge keeps that list for the whole
process; here it lasts one highlight); ``class``, ``object``, ``mixin``,
``test`` and ``program`` need no word boundary.
"""

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
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = ["new", "super", "return", "if", "else", "var", "const", "override", "constructor"]
ENTITY = r"[a-zA-Z][a-zA-Z0-9]*"
VARIABLE = rf"_?{ENTITY}"


def _entity(pop: bool) -> Any:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Name.Class, match.group()
        lexer.entities.add(match.group())
        if pop:
            ctx.stack.pop()

    return callback


def _variable(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group()
    is_class = name in lexer.entities or "A" <= name[0] <= "Z"
    yield 0, Name.Class if is_class else Keyword.Variable, name


class WollokLexer(RougeRegexLexer):
    """Rouge's ``wollok`` lexer."""

    name = "Wollok (Rouge)"
    aliases = ["rouge-wollok"]

    entities: set[str]

    def reset(self) -> None:
        self.entities = set()

    tokens: dict[str, Any] = {
        "whitespaces_and_comments": [
            (r"\s+", Text.Whitespace),
            (r"//.*$", Comment.Single),
            (r"(?s)/\*.*?\*/", Comment.Multiline),
        ],
        "root": [
            include("whitespaces_and_comments"),
            (r"(import)(.+$)", bygroups(Keyword.Reserved, Text)),
            (r"(class|object|mixin)", Keyword.Reserved, "foo"),
            (r"test|program", Keyword.Reserved),
            (rf"(package)(\s+)({ENTITY})", bygroups(Keyword.Reserved, Text.Whitespace, Name.Class)),
            (r"\{|\}", Text),
            include("keywords"),
            include("symbols"),
            include("objects"),
        ],
        "foo": [
            include("whitespaces_and_comments"),
            (r"inherits|mixed|with|and", Keyword.Reserved),
            (rf"{ENTITY}(?=\s*\{{)", _entity(pop=True)),
            (ENTITY, _entity(pop=False)),
        ],
        "keywords": [
            (r"self\b", Name.Builtin.Pseudo),
            ("|".join(rf"{word}\b" for word in KEYWORDS), Keyword.Reserved),
            (rf"(method)(\s+)({VARIABLE})", bygroups(Keyword.Reserved, Text.Whitespace, Text)),
        ],
        "objects": [
            (VARIABLE, _variable),
            (rf"\.{ENTITY}", Text),
            include("literals"),
        ],
        "literals": [
            include("whitespaces_and_comments"),
            (r"[0-9]+\.?[0-9]*", Number),
            (r'"[^"]*"', String),
            (r"\[|#\{", Punctuation, "lists"),
        ],
        "lists": [
            (r",", Punctuation),
            (r"\]|\}", Punctuation, "#pop"),
            include("objects"),
        ],
        "symbols": [
            (r"\+\+|--|\+=|-=|\*\*|!", Operator),
            (r"\+|-|\*|/|%", Operator),
            (r"<=|=>|===|==|<|>", Operator),
            (r"and\b|or\b|not\b", Operator),
            (r"\(|\)|=", Text),
            (r",", Punctuation),
        ],
    }
