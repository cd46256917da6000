"""JSP pages tokenised as Rouge 3.30's ``jsp`` lexer does: JSP tags,
directives and scriptlets (their code lexed as Java), the rest as HTML."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import Comment, LexerContext, Literal, Name, String, include
from jekpy.highlight.lexers.base import TokenStream
from jekpy.highlight.lexers.java import JavaLexer
from jekpy.highlight.lexers.templates import _HtmlTemplate, _to_html

_DIRECTIVES = "page|include|taglib"
_ACTIONS = "scriptlet|declaration|expression"


def _to_java(lexer: JspLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.java.continue_tokens(match.group())


def _goto(state: str) -> Any:
    def callback(lexer: JspLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, String, match.group()
        ctx.stack[-1] = state

    return callback


class JspLexer(_HtmlTemplate):
    """Rouge's ``jsp`` lexer."""

    name = "JSP (Rouge)"
    aliases = ["rouge-jsp"]

    java: JavaLexer

    def reset(self) -> None:
        super().reset()
        self.java = JavaLexer()

    tokens: dict[str, Any] = {
        "root": [
            (r"<%--", Comment, "jsp_comment"),
            (rf"<%@\s*({_DIRECTIVES})\s*", Name.Tag, "jsp_directive"),
            (rf"<jsp:directive\.({_DIRECTIVES})", Name.Tag, "jsp_directive2"),
            (rf"<jsp:({_ACTIONS})>", Name.Tag, "jsp_expression"),
            (r"<[a-zA-Z]*:[a-zA-Z]*\s*", Name.Tag, "jsp_tag"),
            (r"</[a-zA-Z]*:[a-zA-Z]*>", Name.Tag),
            (r"<%[!=]?", Name.Tag, "jsp_expression2"),
            (r"(?s)(.+?)(?=(<%|</?[a-zA-Z]*:))", _to_html),
            (r"(?s).+", _to_html),
        ],
        "jsp_comment": [
            (r"(--%>)", Comment, "#pop"),
            (r"(?s).", Comment),
        ],
        "jsp_directive": [
            (r"(%>)", Name.Tag, "#pop"),
            include("attributes"),
            (r"(?s)(.+?)(?=%>)", _to_html),
        ],
        "jsp_directive2": [
            (r"(/>)", Name.Tag, "#pop"),
            include("attributes"),
            (r"(?s)(.+?)(?=/>)", _to_html),
        ],
        "jsp_expression": [
            (rf"</jsp:({_ACTIONS})>", Name.Tag, "#pop"),
            include("attributes"),
            (r"[^</]+", _to_java),
        ],
        "jsp_expression2": [
            (r"%>", Name.Tag, "#pop"),
            (r"[^%>]+", _to_java),
        ],
        "jsp_tag": [
            (r"/?>", Name.Tag, "#pop"),
            include("attributes"),
            (r"(?s)(.+?)(?=/?>)", _to_html),
        ],
        "attributes": [(r"(?s)\s*[a-zA-Z0-9_:-]+\s*=\s*", Name.Attribute, "attr")],
        "attr": [
            (r'"', _goto("double_quotes")),
            (r"'", _goto("single_quotes")),
            (r"[^\s>]+", String, "#pop"),
        ],
        "double_quotes": [
            (r'"', String, "#pop"),
            (r"\$\{", String.Interpol, "jsp_interp"),
            (r'[^"]+', String),
        ],
        "single_quotes": [
            (r"'", String, "#pop"),
            (r"\$\{", String.Interpol, "jsp_interp"),
            (r"[^']+", String),
        ],
        "jsp_interp": [
            (r"\}", String.Interpol, "#pop"),
            (r"'", Literal, "jsp_interp_literal_start"),
            (r"[^'}]+", _to_java),
        ],
        "jsp_interp_literal_start": [
            (r"'", Literal, "#pop"),
            (r"[^']+", Literal),
        ],
    }

