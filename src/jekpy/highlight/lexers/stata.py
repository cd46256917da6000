"""Stata tokenised as Rouge 3.30's ``stata`` lexer does."""

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
from jekpy.highlight.lexers.stata_words import KEYWORDS, PRIMITIVE_FUNCTIONS

TYPE_KEYWORDS = frozenset(
    ["byte", "int", "long", "float", "double", "str", "strL", "numeric", "string", "integer", "scalar", "matrix", "local", "global", "numlist", "varlist", "newlist"]
)
RESERVED_KEYWORDS = frozenset(
    ["if", "else", "foreach", "forv", "forva", "forval", "forvalu", "forvalue", "forvalues", "to", "while", "in", "of", "continue", "break", "nobreak"]
)


_word = classify([(RESERVED_KEYWORDS, Keyword.Reserved), (TYPE_KEYWORDS, Keyword.Type)], Name)


class StataLexer(RougeRegexLexer):
    """Rouge's ``stata`` lexer."""

    name = "Stata (Rouge)"
    aliases = ["rouge-stata"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^\s*#.*$", Comment.Preproc),
            (r"^\*!.*$", Comment.Hashbang),
            (r"^\s*\*.*$", Comment.Single),
            (rf"^\s*({'|'.join(KEYWORDS)})\b", Keyword),
            (r"[ \t]+", Text.Whitespace),
            (r"[\n\r]+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
            (r"`\"(\\.|.)*?\"'", String.Double),
            (r"\"(\\.|.)*?\"", String.Double),
            (r"`(\\.|.)*?'", String.Double),
            (r"(?<!\w)\$\w+", String.Double),
            (r"\%\S+", Name.Property),
            (
                r"\bstr(204[0-5]|20[0-3][0-9]|[01][0-9][0-9][0-9]|[0-9][0-9][0-9]|[0-9][0-9]|[1-9])\b",
                Keyword.Type,
            ),
            (rf"\b({'|'.join(PRIMITIVE_FUNCTIONS)})(?=\()", Name.Function),
            (r"\.\.(?=.*\])", Operator),
            (r"[+-]?(\d+([.]\d+)?|[.]\d+)([eE][+-]?\d+)?", Number),
            (r"\b[ICOicoLFDSlfds]\w*\.", Operator),
            (r"\b[ICOicoLFDSlfds]\w*(?=\(.*\)\.)", Operator),
            (r"\w+", _word),
            (r"[\[\]{}();,]", Punctuation),
            (r"[-<>?*+'^/\\!#.=~:&|]", Operator),
        ],
    }
