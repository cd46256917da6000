"""Fluent (``.ftl``) localisation files tokenised as Rouge 3.30's ``fluent`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import Comment, Name, Number, Punctuation, String, Text, bygroups
from jekpy.highlight.lexers.base import RougeRegexLexer


class FluentLexer(RougeRegexLexer):
    """Rouge's ``fluent`` lexer (tags fluent, ftl)."""

    name = "Fluent (Rouge)"
    aliases = ["rouge-fluent"]

    tokens: dict[str, Any] = {
        "root": [
            (r"( *)(\=)( *)", bygroups(Text.Whitespace, Punctuation, Text.Whitespace), "template"),
            (r"(?:\s*\n)+", Text.Whitespace),
            (r"\#{1,3}(?: .*)?$", Comment.Single),
            (r"[a-zA-Z][a-zA-Z0-9_-]*", Name.Constant),
            (r"\-[a-zA-Z][a-zA-Z0-9_-]*", Name.Entity),
            (r"\s*\.[a-zA-Z][a-zA-Z0-9_-]*", Name.Attribute),
            (r"\s+(?=[^\s\.])", Text.Whitespace, "template"),
        ],
        "template": [
            (r"\n", Text.Whitespace, "#pop"),
            (r"[^\{\n\}\*]+", Text),
            (r"\{", Punctuation, "placeable"),
            (r"(?=\})", Punctuation, "#pop"),
        ],
        "placeable": [
            (r"\s+", Text.Whitespace),
            (r"\{", Punctuation, "placeable"),
            (r"\}", Punctuation, "#pop"),
            (r"\$[a-zA-Z][a-zA-Z0-9_-]*", Name.Variable),
            (r"\-[a-zA-Z][a-zA-Z0-9_-]*", Name.Entity),
            (r"\.[a-zA-Z][a-zA-Z0-9_-]*", Name.Attribute),
            (r"[A-Z]+", Name.Builtin),
            (r"[a-zA-Z][a-zA-Z0-9_-]*", Name.Constant),
            (r"[\(\),\:]", Punctuation),
            (r"->", Punctuation),
            (r"\*", Punctuation.Indicator),
            (r"\-?\d+\.\d+?", Number.Float),
            (r"\-?\d+", Number.Integer),
            (r'"', String.Double, "string"),
            (r"(\[)(\-?\d+\.\d+)(\])", bygroups(Punctuation, Number.Float, Punctuation), "template"),
            (r"(\[)(\-?\d+)(\])", bygroups(Punctuation, Number.Integer, Punctuation), "template"),
            (
                r"(\[)([a-zA-Z][a-zA-Z0-9_-]+)(\])",
                bygroups(Punctuation, String.Symbol, Punctuation),
                "template",
            ),
        ],
        "string": [
            (r"\\u[0-9a-fA-F]{4}|\\U[0-9a-fA-F]{6}", String.Escape),
            (r"\\.", String.Escape),
            (r"[^\"\\]", String.Double),
            (r'"', String.Double, "#pop"),
        ],
    }
