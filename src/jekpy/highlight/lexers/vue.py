"""Vue single-file components tokenised as Rouge 3.30's ``vue`` lexer does.

``<template>`` chunks are lexed by a fresh HTML lexer each, ``{{ … }}`` by a
JavaScript lexer, ``<script>`` by the HTML lexer's JavaScript and ``<style>``
by the language its ``lang`` attribute names (CSS by default).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jekpy.highlight._pyg import (
    Error,
    Keyword,
    LexerContext,
    Name,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import TokenStream
from jekpy.highlight.lexers.javascript import JavascriptLexer
from jekpy.highlight.lexers.markup import HtmlLexer


def _lookup_lang(value: str) -> str:
    lang = re.sub(r"[\"']*", "", value.lower())
    return {
        "html": "html",
        "css": "css",
        "javascript": "javascript",
        "sass": "sass",
        "scss": "scss",
        "coffee": "coffeescript",
    }.get(lang, "plaintext")


def _embedded(tag: str, text: str, offset: int) -> TokenStream:
    from jekpy.highlight.lexers import make_lexer

    lexer = make_lexer(tag)
    if lexer is None:
        yield offset, Text, text
        return
    for idx, tok, val in lexer.get_tokens_unprocessed(text):
        yield offset + idx, tok, val


def _section(tag_name: str, lang: str, state: str) -> Callable[..., TokenStream]:
    def callback(lexer: VueLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        for i, tok in enumerate([Name.Tag, Text, Keyword], start=1):
            yield match.start(i), tok, match.group(i)
        lexer.lang = lang
        ctx.stack += [state, "lang_tag"]

    return callback


def _lang_attr(lexer: VueLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    for i, tok in enumerate([Name.Attribute, Text, String], start=1):
        yield match.start(i), tok, match.group(i)
    lexer.lang = _lookup_lang(match.group(3))


def _embed(lexer: VueLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _embedded(lexer.lang, match.group(), 0)


def _interp_open(lexer: VueLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String.Interpol, match.group()
    ctx.stack.append("template_interpol")
    lexer.interp_js.restart()


def _interp_js(push: int) -> Callable[..., TokenStream]:
    def callback(lexer: VueLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield from lexer.interp_js.continue_tokens(match.group())
        if push > 0:
            ctx.stack.append(ctx.stack[-1])
        elif push < 0:
            ctx.stack.pop()

    return callback


_CLOSE = r"(<\s*/\s*)({})(\s*>)"

_VUE_TOKENS: dict[str, Any] = dict(HtmlLexer.tokens)
_VUE_TOKENS["root"] = [
    (r"(<)(\s*)(template)", _section("template", "html", "template")),
    (r"(<)(\s*)(style)", _section("style", "css", "style")),
    (r"(<)(\s*)(script)", _section("script", "javascript", "script")),
    *HtmlLexer.tokens["root"],
]
_VUE_TOKENS["tag"] = [
    (r"[a-zA-Z0-9_:#\[\]()*.-]+\s*=\s*", Name.Attribute, "attr"),
    *HtmlLexer.tokens["tag"],
]
_VUE_TOKENS.update(
    {
        "style": [
            (_CLOSE.format("style"), bygroups(Name.Tag, Keyword, Name.Tag), "#pop"),
            include("style_content"),
            include("embed"),
        ],
        "script": [
            (_CLOSE.format("script"), bygroups(Name.Tag, Keyword, Name.Tag), "#pop"),
            include("script_content"),
            include("embed"),
        ],
        "lang_tag": [
            (r"(lang\s*=)(\s*)(\"(?:\\.|[^\\])*?\"|'(\\.|[^\\])*?'|[^\s>]+)", _lang_attr),
            include("tag"),
        ],
        "template": [
            (_CLOSE.format("template"), bygroups(Name.Tag, Keyword, Name.Tag), "#pop"),
            (r"\{\{", _interp_open),
            include("embed"),
        ],
        "template_interpol": [
            (r"\}\}", String.Interpol, "#pop"),
            (r"\}", Error),
            include("template_interpol_inner"),
        ],
        "template_interpol_inner": [
            (r"\{", _interp_js(1)),
            (r"\}", _interp_js(-1)),
            (r"[^{}]+", _interp_js(0)),
        ],
        "embed": [
            (r"[^{<]+", _embed),
            (r"[<{][^<{]*", _embed),
        ],
    }
)


def _style_chunk(lexer: VueLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _embedded(lexer.lang, match.group(), 0)


_VUE_TOKENS["style_content"] = [
    (r"[^<]+", _style_chunk),
    (r"<\s*/\s*style\s*>", Name.Tag, "#pop"),
    (r"<", _style_chunk),
]


class VueLexer(HtmlLexer):
    """Rouge's ``vue`` lexer (tags vue, vuejs)."""

    name = "Vue (Rouge)"
    aliases = ["rouge-vue"]

    lang: str
    interp_js: JavascriptLexer

    def reset(self) -> None:
        super().reset()
        self.lang = "html"
        self.interp_js = JavascriptLexer()
        self.interp_js.restart()

    tokens: dict[str, Any] = _VUE_TOKENS

