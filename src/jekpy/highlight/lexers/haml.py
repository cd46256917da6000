"""Haml templates tokenised as Rouge 3.30's ``haml`` lexer does.

Ruby (``-``/``=`` lines, ``{…}`` attributes, ``#{…}``) goes to one Ruby lexer,
plain text to an HTML lexer, ``:filter`` blocks to the filter's lexer; nested
blocks are tracked by indentation as Rouge's ``Indentation`` mixin does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

ID = r"[\w:-]+"
RUBY_VAR = r"[a-z]\w*"
DOT = r"(?:[ ]\|\n(?=.*[ ]\|)|.)"

FILTERS = {
    "javascript": "javascript",
    "css": "css",
    "ruby": "ruby",
    "erb": "erb",
    "markdown": "markdown",
    "sass": "sass",
}
"""Haml's default filters: filter name -> lexer tag."""


def _reset_root(ctx: LexerContext) -> None:
    del ctx.stack[:]
    ctx.stack.append("root")


def indentation(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    indent = match.group()
    yield 0, Text, indent
    lexer.last_indentation = indent
    block, base = lexer.block_state, lexer.block_indentation
    if block is not None and base is not None and indent.startswith(base) and indent != base:
        ctx.stack.append(block)
    else:
        lexer.block_state = lexer.block_indentation = None
        ctx.stack.append("content")


def starts_block(lexer: RubyTemplateLexer, block: str) -> None:
    lexer.block_state = block
    lexer.block_indentation = lexer.last_indentation or ""


def _goto(tok: TokenType, state: str) -> Callable[..., TokenStream]:
    def callback(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        ctx.stack[-1] = state

    return callback


def _comment_block(tok: TokenType, block: str) -> Callable[..., TokenStream]:
    def callback(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        ctx.stack.pop()
        starts_block(lexer, block)

    return callback


def _ruby_line(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    _reset_root(ctx)
    lexer.ruby.restart()
    ctx.stack.append("ruby_line")


def _filter(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    from jekpy.highlight.lexers import make_lexer

    yield 0, Name.Decorator, match.group()
    ctx.stack.pop()
    starts_block(lexer, "filter_block")
    name = match.group(1).strip(" \t\n\v\f\r\0")
    if name == "ruby":
        lexer.ruby.restart()
        lexer.filter_lexer = lexer.ruby
    elif name in FILTERS:
        sub = make_lexer(FILTERS[name])
        if isinstance(sub, RougeRegexLexer):
            sub.restart()
        lexer.filter_lexer = sub
    else:
        lexer.filter_lexer = None


def to_ruby(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.ruby.continue_tokens(match.group())


def _to_html(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _ruby_tag(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    lexer.ruby.restart()
    ctx.stack.append("ruby_tag")


def plain_newline(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group()
    _reset_root(ctx)


def filter_text(lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    sub = lexer.filter_lexer
    if sub is None:
        yield 0, Name.Decorator, match.group()
    elif isinstance(sub, RougeRegexLexer):
        yield from sub.continue_tokens(match.group())
    else:
        yield from sub.get_tokens_unprocessed(match.group())


def ruby_braces_state(name: str) -> list[Any]:
    """State ``name``: Ruby code up to the ``}`` that closes it, nested braces counted.

    The code goes to the template lexer's one Ruby lexer.
    """

    def step(push: int) -> Callable[..., TokenStream]:
        def callback(
            lexer: RubyTemplateLexer, match: re.Match[str], ctx: LexerContext
        ) -> TokenStream:
            yield from lexer.ruby.continue_tokens(match.group())
            if push > 0:
                ctx.stack.append(name)
            elif push < 0:
                ctx.stack.pop()

        return callback

    return [(r"[{]", step(1)), (r"[}]", step(-1)), (r"[^{}]+", step(0))]


FILTER_BLOCK_STATE: list[Any] = [
    (r"([^#\n]|#[^{\n]|(\\\\)*\\#\{)+", filter_text),
    include("interpolation"),
    include("indented_block"),
]
"""The body of a ``:filter`` block: the filter's lexer, ``#{…}``, to the dedent."""


class RubyTemplateLexer(RougeRegexLexer):
    """An indentation-structured template with Ruby in it (Haml, Slim).

    Holds one Ruby and one HTML lexer that carry their state across the
    template, the filter block's lexer and the ``Indentation`` mixin's state.
    """

    ruby: Any
    html: Any
    filter_lexer: Any
    block_state: str | None
    block_indentation: str | None
    last_indentation: str | None

    def __init__(self, **options: Any) -> None:
        from jekpy.highlight.lexers.markup import HtmlLexer
        from jekpy.highlight.lexers.ruby import RubyLexer

        super().__init__(**options)
        self.ruby = RubyLexer()
        self.html = HtmlLexer()

    def reset(self) -> None:
        self.ruby.restart()
        self.html.restart()
        self.filter_lexer = None
        self.block_state = self.block_indentation = None
        self.last_indentation = None


class HamlLexer(RubyTemplateLexer):
    """Rouge's ``haml`` lexer (tags haml, HAML) with its default filters."""

    name = "Haml (Rouge)"
    aliases = ["rouge-haml"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s*\n", Text),
            (r"\s*", indentation),
        ],
        "content": [
            include("css"),
            (rf"%{ID}", _goto(Name.Tag, "tag")),
            (rf"!!!{DOT}*\n", Name.Namespace, "#pop"),
            (rf"(/)(\[{DOT}*?\])({DOT}*\n)", bygroups(Comment, Comment.Special, Comment), "#pop"),
            (rf"/{DOT}*\n", _comment_block(Comment, "html_comment_block")),
            (rf"-#{DOT}*\n", _comment_block(Comment, "haml_comment_block")),
            (r"-", _ruby_line),
            (rf":({DOT}*)\n", _filter),
            include("eval_or_plain"),
        ],
        "css": [
            (rf"\.{ID}", _goto(Name.Class, "tag")),
            (rf"#{ID}", _goto(Name.Function, "tag")),
        ],
        "tag": [
            include("css"),
            (r"[{]", _ruby_tag),
            (rf"\[{DOT}*?\]", to_ruby),
            (r"\(", Punctuation, "html_attributes"),
            (r"\s*\n", Text, "#pop"),
            (r"[<>]{1,2}(?=[ \t=])", Punctuation),
            include("eval_or_plain"),
        ],
        "plain": [
            (r"([^#\n]|#[^{\n]|(\\\\)*\\#\{)+", _to_html),
            include("interpolation"),
            (r"\n", plain_newline),
        ],
        "eval_or_plain": [
            (r"[&!]?==", Punctuation, "plain"),
            (r"[&!]?[=!]", _ruby_line),
            (r"", Text, "plain"),
        ],
        "ruby_line": [
            (r"\n", Text, "#pop"),
            (r",[ \t]*\n", to_ruby),
            (r"[ ]\|[ \t]*\n", String.Escape),
            (r".*?(?=(,$| \|)?[ \t]*$)", to_ruby),
        ],
        "ruby_tag": [include("ruby_inner")],
        "html_attributes": [
            (r"\s+", Text),
            (rf"{ID}\s*=", Name.Attribute, "html_attribute_value"),
            (ID, Name.Attribute),
            (r"\)", Text, "#pop"),
        ],
        "html_attribute_value": [
            (r"\s+", Text),
            (RUBY_VAR, Name.Variable, "#pop"),
            (rf"@{RUBY_VAR}", Name.Variable.Instance, "#pop"),
            (rf"\${RUBY_VAR}", Name.Variable.Global, "#pop"),
            (r"'(\\\\|\\'|[^'\n])*'", String, "#pop"),
            (r'"(\\\\|\\"|[^"\n])*"', String, "#pop"),
        ],
        "html_comment_block": [(rf"{DOT}+", Comment), include("indented_block")],
        "haml_comment_block": [(rf"{DOT}+", Comment.Preproc), include("indented_block")],
        "filter_block": FILTER_BLOCK_STATE,
        "interpolation": [(r"#[{]", String.Interpol, "ruby")],
        "ruby": [(r"[}]", String.Interpol, "#pop"), include("ruby_inner")],
        "ruby_inner": ruby_braces_state("ruby_inner"),
        "indented_block": [(r"\n", plain_newline)],
    }
