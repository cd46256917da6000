"""Slim templates tokenised as Rouge 3.30's ``slim`` lexer does."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Literal,
    Name,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.haml import (
    FILTER_BLOCK_STATE,
    FILTERS,
    RubyTemplateLexer,
    indentation,
    plain_newline,
    ruby_braces_state,
    starts_block,
    to_ruby,
)

RUBY_CHARS = r"[\w!?@$]"
DOT = r"(\\\n|.)"
_FILTERS = {**FILTERS, "coffee": "coffeescript", "scss": "scss"}


def _ruby_text(lexer: SlimLexer, text: str, offset: int) -> TokenStream:
    for idx, tok, val in lexer.ruby.continue_tokens(text):
        yield offset + idx, tok, val


def _filter(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Decorator, match.group()
    ctx.stack.pop()
    starts_block(lexer, "filter_block")
    name = match.group(1).strip(" \t\n\v\f\r\0")
    lexer.filter_lexer = lexer.filter(name)


def _plain(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack.pop()
    starts_block(lexer, "plain_block")
    ctx.stack[-1] = "plain_block"


def _star(push_tag: bool) -> Callable[..., TokenStream]:
    def callback(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, Punctuation, match.group(1)
        yield from _ruby_text(lexer, match.group(2), match.start(2))
        if push_tag:
            ctx.stack.append("tag")

    return callback


def _dirty_html(pop: bool) -> Callable[..., TokenStream]:
    def callback(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield from lexer.html.continue_tokens(match.group(1))
        if pop:
            ctx.stack.pop()

    return callback


def _goto(tok: TokenType) -> Callable[..., TokenStream]:
    def callback(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        ctx.stack[-1] = "tag"

    return callback


def _attr(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Attribute, match.group(1)
    yield match.start(2), Text.Whitespace, match.group(2)
    yield match.start(3), Punctuation, match.group(3)
    ctx.stack.append("html_attr")


def _attr_ruby(lexer: SlimLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _ruby_text(lexer, match.group(1), 0)
    ctx.stack.pop()


class SlimLexer(RubyTemplateLexer):
    """Rouge's ``slim`` lexer with its default filters."""

    name = "Slim (Rouge)"
    aliases = ["rouge-slim"]

    filters: dict[str, Any]

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {}

    def filter(self, name: str) -> Any:
        """The (persistent) lexer of filter ``name``, restarted, or ``None``."""
        from jekpy.highlight.lexers import make_lexer

        if name not in _FILTERS:
            return None
        if name == "ruby":
            sub: Any = self.ruby
        else:
            if name not in self.filters:
                self.filters[name] = make_lexer(_FILTERS[name])
            sub = self.filters[name]
        if isinstance(sub, RougeRegexLexer):
            sub.restart()
        return sub

    tokens: dict[str, Any] = {
        "root": [
            (r"\s*\n", Text),
            (r"\s*", indentation),
        ],
        "content": [
            include("css"),
            (rf"/{DOT}*", Comment, "indented_block"),
            (r"(doctype)(\s+)(.*)", bygroups(Name.Namespace, Text.Whitespace, Text), "#pop"),
            (r"(\w*):\s*\n", _filter),
            (r"[|'](?=\s)", _plain),
            (r"-|==|=", Punctuation, "ruby_line"),
            (rf"(\*)({RUBY_CHARS}+\(.*?\))", _star(True)),
            (rf"(\*)({RUBY_CHARS}+)", _star(True)),
            (r"(</?[\w\s='\"]+?/?>)", _dirty_html(True)),
            (r"\w+", Name.Tag, "tag"),
        ],
        "tag": [
            include("css"),
            include("indented_block"),
            include("interpolation"),
            (r"[<>]", Punctuation),
            (r"\s+?", Text.Whitespace),
            (rf"(\*)({RUBY_CHARS}+)", _star(False)),
            (rf"(\*)(\{{{DOT}+?\}})", _star(False)),
            (r"([\w\-]+)(\s*)(=)", _attr),
            (rf"(=)({DOT}+)", _star(False)),
            (r"&\S*?;", Name.Entity),
            (rf"{DOT}+?", Text),
            (r"\s*\n", Text.Whitespace, "#pop"),
        ],
        "css": [
            (r"\.[\w-]*", _goto(Name.Class)),
            (r"#[a-zA-Z][\w:-]*", _goto(Name.Function)),
        ],
        "html_attr": [
            (rf"\s*(['\"]){DOT}*?\1", Literal.String, "#pop"),
            (rf"({RUBY_CHARS}+\(.*?\))", _attr_ruby),
            (rf"({RUBY_CHARS}+)", _attr_ruby),
            (r"\s+", Text.Whitespace),
        ],
        "ruby_line": [
            include("indented_block"),
            (r"[,\\]\s*\n", to_ruby),
            (r"[ ]\|[ \t]*\n", String.Escape),
            (r".*?(?=([,\\]$| \|)?[ \t]*$)", to_ruby),
        ],
        "filter_block": FILTER_BLOCK_STATE,
        "plain_block": [
            include("interpolation"),
            (r"(</?[\w\s='\"]+?/?>)", _dirty_html(False)),
            (r"&\S*?;", Name.Entity),
            (rf"{DOT}+?", Text),
            include("indented_block"),
        ],
        "interpolation": [(r"#[{]", String.Interpol, "ruby_interp")],
        "ruby_interp": [(r"[}]", String.Interpol, "#pop"), include("ruby_interp_inner")],
        "ruby_interp_inner": ruby_braces_state("ruby_interp_inner"),
        "indented_block": [(r"(?<!\\)\n", plain_newline)],
    }
