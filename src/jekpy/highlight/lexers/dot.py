"""Graphviz DOT tokenised as Rouge 3.30's ``dot`` lexer does (HTML-like labels go
to the HTML lexer)."""

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


def _dot_html(lexer: DotLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _dot_html_open(lexer: DotLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    lexer.html.restart()
    ctx.stack.append("html")


class DotLexer(RougeRegexLexer):
    """Rouge's ``dot`` lexer (Graphviz)."""

    name = "DOT (Rouge)"
    aliases = ["rouge-dot"]

    html: Any

    def reset(self) -> None:
        from jekpy.highlight.lexers.markup import HtmlLexer

        self.html = HtmlLexer()
        self.html.restart()

    tokens: dict[str, Any] = {
        "comments_and_whitespace": [
            (r"\s+", Text),
            (r"#.*", Comment.Single),
            (r"//.*?$", Comment.Single),
            (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
        ],
        "html": [
            (r"[^<>]+", _dot_html),
            (r"(?s)<.+?>", _dot_html),
            (r">", Punctuation, "#pop"),
        ],
        "ID": [
            (r"([a-zA-Z][a-zA-Z_0-9]*)(\s*)(=)", bygroups(Name, Text, Punctuation)),
            (r"[a-zA-Z][a-zA-Z_0-9]*", Name.Variable),
            (r"([0-9]+)?\.[0-9]+", Number.Float),
            (r"[0-9]+", Number.Integer),
            (r'"(\\"|[^"])*"', String.Double),
            (r"<", _dot_html_open),
        ],
        "a_list": [
            include("comments_and_whitespace"),
            include("ID"),
            (r"[=;,]", Punctuation),
            (r"\]", Operator, "#pop"),
        ],
        "root": [
            include("comments_and_whitespace"),
            (r"(?i)\b(strict|graph|digraph|subgraph|node|edge)\b", Keyword),
            (r"[{};:=]", Punctuation),
            (r"-[->]", Operator),
            (r"\[", Operator, "a_list"),
            include("ID"),
        ],
    }
