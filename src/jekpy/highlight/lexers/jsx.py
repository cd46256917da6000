"""JSX and TSX tokenised as Rouge 3.30's ``jsx``/``tsx`` lexers do: JavaScript
(TypeScript) with XML-like elements, whose attributes and text the HTML lexer
tokenises.  Apart from javascript.py because it needs markup.py's HTML lexer,
which itself needs javascript.py's (for ``<script>``)."""

from __future__ import annotations

import re
from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    LexerContext,
    Name,
    Operator,
    Punctuation,
    String,
    default,
    include,
)
from jekpy.highlight.lexers.base import TokenStream
from jekpy.highlight.lexers.javascript import TS_TOKENS, JavascriptLexer, TypescriptLexer
from jekpy.highlight.lexers.markup import HtmlLexer

__all__ = ["JsxLexer", "TsxLexer"]


def _jsx_tag_open(lexer: JsxLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack += ["tag_opening", "element", "element_name"]


def _jsx_closing(lexer: JsxLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack[-1] = "element"
    ctx.stack.append("element_name")


def _jsx_interpol(lexer: JsxLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String.Interpol, match.group()
    ctx.stack += ["interpol", "expr_start"]


def _jsx_text(lexer: JsxLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _jsx_self_close(lexer: JsxLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    del ctx.stack[-2:]


def _jsx_inner(lexer: JsxLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack += ["interpol_inner", "statement"]


_JSX_TOKENS: dict[str, Any] = dict(JavascriptLexer.tokens)
_JSX_TOKENS["expr_start"] = [include("tag"), *JavascriptLexer.tokens["expr_start"]]
_JSX_TOKENS.update(
    {
        "tag": [(r"<", _jsx_tag_open)],
        "tag_opening": [
            (r"</", _jsx_closing),
            include("tag"),
            (r"\{", _jsx_interpol),
            (r"[^<{]+", _jsx_text),
        ],
        "element": [
            include("comments_and_whitespace"),
            (r"/>", _jsx_self_close),
            (r">", Punctuation, "#pop"),
            (r"\{", _jsx_interpol),
            (r"\w[\w-]*", Name.Attribute),
            (r"=", Punctuation),
            (r"([\"']).*?(\1)", String),
        ],
        "element_name": [
            (r"[A-Z]\w*", Name.Class),
            (r"\w+", Name.Tag),
            (r"\.", Punctuation),
            default("#pop"),
        ],
        "interpol": [
            (r"\}", String.Interpol, "#pop"),
            (r"\{", _jsx_inner),
            include("root"),
        ],
        "interpol_inner": [
            (r"\}", Punctuation, ("#pop", "statement")),
            include("root"),
        ],
    }
)


class JsxLexer(JavascriptLexer):
    """Rouge's ``jsx`` lexer (tags jsx, react): JavaScript with XML-like elements."""

    name = "JSX (Rouge)"
    aliases = ["rouge-jsx"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "expr_start")
    html: Any

    def reset(self) -> None:
        self.html = HtmlLexer()
        self.html.restart()

    tokens: dict[str, Any] = _JSX_TOKENS


def _tsx_generic(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Other, match.group(1)
    yield match.start(2), Punctuation, match.group(2)
    del ctx.stack[-3:]


_TSX_TOKENS: dict[str, Any] = dict(_JSX_TOKENS)
_TSX_TOKENS["root"] = [
    (r"[?][.]", Punctuation),
    (r"[?]{2}", Operator),
    *_JSX_TOKENS["root"],
]
_TSX_TOKENS["statement"] = [TS_TOKENS["statement"][0], *_JSX_TOKENS["statement"]]
_TSX_TOKENS["element_name"] = [(r"(\w+)(,)", _tsx_generic), *_JSX_TOKENS["element_name"]]


class TsxLexer(JsxLexer):
    """Rouge's ``tsx`` lexer: JSX with TypeScript's words."""

    name = "TSX (Rouge)"
    aliases = ["rouge-tsx"]

    keywords = TypescriptLexer.keywords
    declarations = TypescriptLexer.declarations
    reserved = TypescriptLexer.reserved
    builtins = TypescriptLexer.builtins

    tokens: dict[str, Any] = _TSX_TOKENS
