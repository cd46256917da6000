"""HTML::Mason templates tokenised as Rouge 3.30's ``mason`` lexer does.

``<%perl>``-style blocks, ``% …`` lines, ``<% … %>`` and ``<& … &>`` are
Perl, ``<%doc>``/``<%text>`` blocks comments, the rest HTML; the Perl and
HTML lexers keep their state across pieces.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Name,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.markup import HtmlLexer
from jekpy.highlight.lexers.perl import PerlLexer

TEXT_BLOCKS = "text|doc"
PERL_BLOCKS = "args|flags|attr|init|once|shared|perl|cleanup|filter"
COMPONENTS = "def|method"


def _to_perl(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.perl.continue_tokens(match.group())


def _to_html(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.html.continue_tokens(match.group())


def _perl_line(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Comment.Preproc, match.group(1)
    for idx, tok, val in lexer.perl.continue_tokens(match.group(2)):
        yield match.start(2) + idx, tok, val


def _component(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Comment.Preproc, match.group(1)
    yield match.start(3), Name, match.group(3)
    yield match.start(4), Comment.Preproc, match.group(4)
    ctx.stack.append("component_block")


def _block(closers: str, body: Any) -> list[Any]:
    return [
        (rf"(?i)</%({closers})>", Comment.Preproc, "#pop"),
        (r"\s+", Text.Whitespace),
        (r"^(#.*)$", Comment),
        (r'(?s)(.*?[^"])(?=</%)', body),
    ]


class MasonLexer(RougeRegexLexer):
    """Rouge's ``mason`` lexer."""

    name = "Mason (Rouge)"
    aliases = ["rouge-mason"]

    html: HtmlLexer
    perl: PerlLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.html = HtmlLexer()
        self.perl = PerlLexer()

    def reset(self) -> None:
        self.html.restart()
        self.perl.restart()

    tokens: dict[str, Any] = {
        "root": [include("mason_tags")],
        "mason_tags": [
            (r"\s+", Text.Whitespace),
            (rf"(?i)<%({TEXT_BLOCKS})>", Comment.Preproc, "text_block"),
            (rf"(?i)<%({PERL_BLOCKS})>", Comment.Preproc, "perl_block"),
            (rf"(?i)(<%({COMPONENTS}))([^>]*)(>)", _component),
            (r"^(%)(.*)$", _perl_line),
            (r"<%", Comment.Preproc, "component_call"),
            (r"<&\|", Comment.Preproc, ("component_with_content", "component_sub")),
            (r"<&", Comment.Preproc, "component_sub"),
            (r"(?s)(.+?)(?=(</?&|</?%|^%|^#))", _to_html),
            (r"(?s).+", _to_html),
        ],
        "perl_block": _block(PERL_BLOCKS, _to_perl),
        "text_block": _block(TEXT_BLOCKS, Comment),
        "component_block": [
            (rf"(?i)</%({COMPONENTS})>", Comment.Preproc, "#pop"),
            (r"\s+", Text.Whitespace),
            (r"^(#.*)$", Comment),
            include("mason_tags"),
        ],
        "component_with_content": [
            (r"</&>", Comment.Preproc, "#pop"),
            include("mason_tags"),
        ],
        "component_sub": [
            (r"&>", Comment.Preproc, "#pop"),
            (r"(?s)(.*?)(?=&>)", _to_perl),
        ],
        "component_call": [
            (r"%>", Comment.Preproc, "#pop"),
            (r"(?s)(.*?)(?=%>)", _to_perl),
        ],
    }
