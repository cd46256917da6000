"""GraphQL tokenised as Rouge 3.30's ``graphql`` lexer does."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

WS = Text.Whitespace
NAME = r"[_A-Za-z][_0-9A-Za-z]*"


def _docstring(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    from jekpy.highlight.lexers.markdown import MarkdownLexer

    yield 0, String.Double, match.group(1)
    yield match.start(2), WS, match.group(2)
    for idx, tok, val in MarkdownLexer().get_tokens_unprocessed(match.group(3)):
        yield match.start(3) + idx, tok, val
    yield match.start(4), WS, match.group(4)
    yield match.start(5), String.Double, match.group(5)


def _pop_n(tok: TokenType, n: int) -> Callable[..., TokenStream]:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        del ctx.stack[-n:]

    return callback


def _close_and_pop_if(states: tuple[str, ...]) -> Callable[..., TokenStream]:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Punctuation, match.group()
        ctx.stack.pop()
        if ctx.stack and ctx.stack[-1] in states:
            ctx.stack.pop()

    return callback


def _value(tok: TokenType) -> Callable[..., TokenStream]:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        if ctx.stack[-1] != "list":
            ctx.stack.pop()

    return callback


def _union_variant(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name, match.group()
    ctx.stack[-1] = "union_definition_pipe"


def _union_pipe(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack[-1] = "union_definition_variant"


class GraphqlLexer(RougeRegexLexer):
    """Rouge's ``graphql`` lexer."""

    name = "GraphQL (Rouge)"
    aliases = ["rouge-graphql"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\b(?:query|mutation|subscription)\b", Keyword, "query_definition"),
            (r"\{", Punctuation, ("query_definition", "selection_set")),
            (r"\bfragment\b", Keyword, "fragment_definition"),
            (r"\bscalar\b", Keyword, "value"),
            (r"\b(?:type|interface|enum)\b", Keyword, "type_definition"),
            (r"\b(?:input|schema)\b", Keyword, "type_definition"),
            (r"\bunion\b", Keyword, "union_definition"),
            (r"\bextend\b", Keyword),
            include("basic"),
            (r'(?s)(""")(\n)(.*?)(\n)(""")', _docstring),
        ],
        "basic": [
            (r"\s+", WS),
            (r"#.*$", Comment),
            (r"[!,]", Punctuation),
        ],
        "has_directives": [
            (rf"(@{NAME})(\s*)(\()", bygroups(Keyword, WS, Punctuation), "arguments"),
            (rf"@{NAME}\b", Keyword),
        ],
        "fragment_definition": [(r"\bon\b", Keyword), include("query_definition")],
        "query_definition": [
            include("has_directives"),
            (rf"\b{NAME}\b", Name),
            (r"\(", Punctuation, "variable_definitions"),
            (r"\{", Punctuation, "selection_set"),
            include("basic"),
        ],
        "type_definition": [
            (r"\bimplements\b", Keyword),
            (rf"\b{NAME}\b", Name),
            (r"\(", Punctuation, "variable_definitions"),
            (r"\{", Punctuation, "type_definition_set"),
            include("basic"),
        ],
        "union_definition": [
            (rf"\b{NAME}\b", Name),
            (r"=", Punctuation, "union_definition_variant"),
            include("basic"),
        ],
        "union_definition_variant": [
            (rf"\b{NAME}\b", _union_variant),
            include("basic"),
        ],
        "union_definition_pipe": [
            (r"\|", _union_pipe),
            (r"(?!\||\s+|#[^\n]*)", _pop_n(Text, 2)),
            include("basic"),
        ],
        "type_definition_set": [
            (r"\}", _pop_n(Punctuation, 2)),
            (rf"\b({NAME})(\s*)(\()", bygroups(Name, WS, Punctuation), "variable_definitions"),
            (rf"\b{NAME}\b", Name),
            (r":", Punctuation, "type_names"),
            include("basic"),
        ],
        "arguments": [
            (r"\)", Punctuation, "#pop"),
            (rf"\b{NAME}\b", Name),
            (r":", Punctuation, "value"),
            include("basic"),
        ],
        "variable_definitions": [
            (r"\)", Punctuation, "#pop"),
            (rf"\${NAME}\b", Name.Variable),
            (rf"\b{NAME}\b", Name),
            (r":", Punctuation, "type_names"),
            (r"=", Punctuation, "value"),
            include("basic"),
        ],
        "type_names": [
            (r"\b(?:Int|Float|String|Boolean|ID)\b", Name.Builtin, "#pop"),
            (rf"\b{NAME}\b", Name, "#pop"),
            (r"\[", Punctuation, "type_name_list"),
            include("basic"),
        ],
        "type_name_list": [
            (r"\b(?:Int|Float|String|Boolean|ID)\b", Name.Builtin),
            (rf"\b{NAME}\b", Name),
            (r"\]", _pop_n(Punctuation, 2)),
            include("basic"),
        ],
        "selection_set": [
            include("has_directives"),
            (r"\}", _close_and_pop_if(("query_definition", "fragment_definition"))),
            (rf"\b({NAME})(\s*)(\()", bygroups(Name, WS, Punctuation), "arguments"),
            (rf"\b({NAME})(\s*)(:)", bygroups(Name, WS, Punctuation)),
            (rf"\b{NAME}\b", Name),
            (r"(\.\.\.)(\s+)(on)\b", bygroups(Punctuation, WS, Keyword)),
            (r"\.\.\.", Punctuation),
            (r"\{", Punctuation, "selection_set"),
            include("basic"),
        ],
        "list": [
            (r"\]", _close_and_pop_if(("value",))),
            include("value"),
        ],
        "object": [
            (r"\}", _close_and_pop_if(("value",))),
            (rf"\b({NAME})(\s*)(:)", bygroups(Name, WS, Punctuation), "value"),
            include("basic"),
        ],
        "value": [
            (r'(?s)""".*?"""', String.Double),
            (rf"\${NAME}\b", _value(Name.Variable)),
            (r"\b(?:true|false|null)\b", _value(Keyword.Constant)),
            (r"[+-]?[0-9]+\.[0-9]+(?:[eE][+-]?[0-9]+)?", _value(Number.Float)),
            (r"[+-]?[1-9][0-9]*(?:[eE][+-]?[0-9]+)?", _value(Number.Integer)),
            (r'"(\\[\\"]|[^"])*"', _value(String.Double)),
            (rf"\b{NAME}\b", _value(Name)),
            (r"\{", Punctuation, "object"),
            (r"\[", Punctuation, "list"),
            include("basic"),
        ],
    }
