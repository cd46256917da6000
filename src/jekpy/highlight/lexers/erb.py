"""ERB templates tokenised as Rouge 3.30's ``erb`` lexer does: ``<% … %>``
bodies as Ruby, the rest as HTML (both lexers keep their state)."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import Comment, LexerContext, Text
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.markup import HtmlLexer
from jekpy.highlight.lexers.puppet import PuppetLexer
from jekpy.highlight.lexers.ruby import RubyLexer

_OPEN = r"(?:<%%|<%=|<%#|<%-|<%)"
_CLOSE = r"(?:%%>|-%>|%>)"


def _to_html(lexer: ErbLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _to_ruby(lexer: ErbLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.ruby.continue_tokens(match.group())


class ErbLexer(RougeRegexLexer):
    """Rouge's ``erb`` lexer (tags erb, eruby, rhtml)."""

    name = "ERB (Rouge)"
    aliases = ["rouge-erb"]

    html: HtmlLexer
    ruby: RubyLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.html = HtmlLexer()
        self.ruby = RubyLexer()

    def reset(self) -> None:
        self.html.restart()
        self.ruby.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"<%#", Comment, "comment"),
            (_OPEN, Comment.Preproc, "ruby"),
            (rf"(?s).+?(?={_OPEN})|.+", _to_html),
        ],
        "comment": [
            (_CLOSE, Comment, "#pop"),
            (rf"(?s).+?(?={_CLOSE})|.+", Comment),
        ],
        "ruby": [
            (_CLOSE, Comment.Preproc, "#pop"),
            (rf"(?s).+?(?={_CLOSE})|.+", _to_ruby),
        ],
    }


def _to_elixir(lexer: EexLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.elixir.continue_tokens(match.group())


def _eex_html(lexer: EexLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


_EEX_OPEN = r"(?:<%%|<%=|<%#|<%)"
_EEX_CLOSE = r"(?:%%>|%>)"


class EexLexer(RougeRegexLexer):
    """Rouge's ``eex`` lexer (tags eex, leex, heex): ``<% … %>`` as Elixir in HTML."""

    name = "EEx (Rouge)"
    aliases = ["rouge-eex"]

    html: HtmlLexer
    elixir: Any

    def __init__(self, **options: Any) -> None:
        from jekpy.highlight.lexers.elixir import ElixirLexer

        super().__init__(**options)
        self.html = HtmlLexer()
        self.elixir = ElixirLexer()

    def reset(self) -> None:
        self.html.restart()
        self.elixir.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"<%#", Comment, "comment"),
            (_EEX_OPEN, Comment.Preproc, "elixir"),
            (rf"(?s).+?(?={_EEX_OPEN})|.+", _eex_html),
        ],
        "comment": [
            (_EEX_CLOSE, Comment, "#pop"),
            (rf"(?s).+?(?={_EEX_CLOSE})|.+", Comment),
        ],
        "elixir": [
            (_EEX_CLOSE, Comment.Preproc, "#pop"),
            (rf"(?s).+?(?={_EEX_CLOSE})|.+", _to_elixir),
        ],
    }


_EPP_OPEN = r"(?:<%%|<%=|<%#|(?:<%-|<%)(?:\s*\|)?)"
_EPP_CLOSE = r"(?:%%>|(?:\|\s*)?(?:-%>|%>))"


def _epp_text(lexer: EppLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group()


def _to_puppet(lexer: EppLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.puppet.continue_tokens(match.group())


class EppLexer(RougeRegexLexer):
    """Rouge's ``epp`` lexer: ``<% … %>`` bodies as Puppet, the rest plain text."""

    name = "EPP (Rouge)"
    aliases = ["rouge-epp"]

    puppet: PuppetLexer

    def reset(self) -> None:
        self.puppet = PuppetLexer()
        self.puppet.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"<%#", Comment, "comment"),
            (_EPP_OPEN, Comment.Preproc, "puppet"),
            (rf"(?s).+?(?={_EPP_OPEN})|.+", _epp_text),
        ],
        "comment": [
            (_EPP_CLOSE, Comment, "#pop"),
            (rf"(?s).+?(?={_EPP_CLOSE})|.+", Comment),
        ],
        "puppet": [
            (_EPP_CLOSE, Comment.Preproc, "#pop"),
            (rf"(?s).+?(?={_EPP_CLOSE})|.+", _to_puppet),
        ],
    }
