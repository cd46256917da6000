"""Turtle/TriG and SPARQL tokenised as Rouge 3.30's ``turtle``/``sparql`` lexers do."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import rdf_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify


class TurtleLexer(RougeRegexLexer):
    """Rouge's ``turtle`` lexer (Turtle and TriG)."""

    name = "Turtle (Rouge)"
    aliases = ["rouge-turtle"]

    tokens: dict[str, Any] = {
        "root": [
            (r"@base\b", Keyword.Declaration),
            (r"@prefix\b", Keyword.Declaration),
            (r"true\b", Keyword.Constant),
            (r"false\b", Keyword.Constant),
            (r'(?s)""".*?"""', Literal.String),
            (r'"([^"\\]|\\.)*"', Literal.String),
            (r"(?s)'''.*?'''", Literal.String),
            (r"'([^'\\]|\\.)*'", Literal.String),
            (r"#.*$", Comment.Single),
            (r"@[^\s,.;]+", Name.Attribute),
            (r"[+-]?[0-9]+\.[0-9]*E[+-]?[0-9]+", Literal.Number.Float),
            (r"[+-]?\.[0-9]+E[+-]?[0-9]+", Literal.Number.Float),
            (r"[+-]?[0-9]+E[+-]?[0-9]+", Literal.Number.Float),
            (r"[+-]?[0-9]*\.[0-9]+?", Literal.Number.Float),
            (r"[+-]?[0-9]+", Literal.Number.Integer),
            (r"\.", Punctuation),
            (r",", Punctuation),
            (r";", Punctuation),
            (r"\(", Punctuation),
            (r"\)", Punctuation),
            (r"\{", Punctuation),
            (r"\}", Punctuation),
            (r"\[", Punctuation),
            (r"\]", Punctuation),
            (r"\^\^", Punctuation),
            (r"<[^>]*>", Name.Label),
            (r"(?i)base\b", Keyword.Declaration),
            (r"(?i)prefix\b", Keyword.Declaration),
            (r"GRAPH\b", Keyword),
            (r"a\b", Keyword),
            (r"\s+", Text.Whitespace),
            (r"[^:;<>#@\"().\[\]{} ]*:", Name.Namespace),
            (r"[^:;<>#@\"().\[\]{} ]+", Name),
        ],
    }


SPARQL_BUILTINS = frozenset(
    _words.SPARQL_BUILTINS
)
SPARQL_KEYWORDS = frozenset(
    _words.SPARQL_KEYWORDS
)


_sparql_word = classify(
    [(SPARQL_BUILTINS, Name.Builtin), (SPARQL_KEYWORDS, Keyword)], Error, str.upper
)


def _prefixed(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Namespace, match.group(1)
    yield match.start(2), Operator, match.group(2)
    if match.group(3) is not None:
        yield match.start(3), String.Symbol, match.group(3)


def _string_end(tok: TokenType) -> Any:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        ctx.stack[-1] = "string_end"

    return callback


_WORD = r"(?u:\w)"


class SparqlLexer(RougeRegexLexer):
    """Rouge's ``sparql`` lexer."""

    name = "SPARQL (Rouge)"
    aliases = ["rouge-sparql"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"#.*", Comment.Single),
            (r'"""', String.Double, "string_double_literal"),
            (r'"', String.Double, "string_double"),
            (r"'''", String.Single, "string_single_literal"),
            (r"'", String.Single, "string_single"),
            (rf"[$?]{_WORD}+", Name.Variable),
            (rf"((?:{_WORD}|-)*)(:)((?:{_WORD}|-)+)?", _prefixed),
            (r"<[^>]*>", Name.Namespace),
            (r"(?i)true|false", Keyword.Constant),
            (r"a\b", Keyword),
            (rf"(?i)[A-Z]{_WORD}+\b", _sparql_word),
            (r"(?i)[+\-]?(?:\d+\.\d*|\.\d+)(?:[e][+\-]?[0-9]+)?", Number.Float),
            (r"[+\-]?\d+", Number.Integer),
            (r"[\]\[(){}.,;=]", Punctuation),
            (r"[/?*+=!<>]|&&|\|\||\^\^", Operator),
        ],
        "string_double_common": [
            include("string_escapes"),
            (r"\\", String.Double),
            (r'[^"\\]+', String.Double),
        ],
        "string_double": [
            (r'"', _string_end(String.Double)),
            include("string_double_common"),
        ],
        "string_double_literal": [
            (r'"""', _string_end(String.Double)),
            (r'"', String.Double),
            include("string_double_common"),
        ],
        "string_single_common": [
            include("string_escapes"),
            (r"\\", String.Single),
            (r"[^'\\]+", String.Single),
        ],
        "string_single": [
            (r"'", _string_end(String.Single)),
            include("string_single_common"),
        ],
        "string_single_literal": [
            (r"'''", _string_end(String.Single)),
            (r"'", String.Single),
            include("string_single_common"),
        ],
        "string_escapes": [
            (r"\\[tbnrf\"'\\]", String.Escape),
            (r"\\u[0-9a-fA-F]{4}", String.Escape),
            (r"\\U[0-9a-fA-F]{8}", String.Escape),
        ],
        "string_end": [
            (r"(@)([a-zA-Z]+(?:-[a-zA-Z0-9]+)*)", bygroups(Operator, Name.Property)),
            (r"\^\^", Operator),
            default("#pop"),
        ],
    }
