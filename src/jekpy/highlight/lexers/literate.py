"""Literate Haskell and literate CoffeeScript, split into prose and code the
way Rouge 3.30's ``literate_haskell`` / ``literate_coffeescript`` lexers do.

Code chunks are handed to the language lexer (and prose chunks of literate
CoffeeScript to the Markdown lexer); every delegate keeps its state from one
chunk to the next, as Rouge's ``delegate`` does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import LexerContext, Name, Text
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.coffeescript import CoffeescriptLexer
from jekpy.highlight.lexers.haskell import HaskellLexer
from jekpy.highlight.lexers.markdown import MarkdownLexer


def _bird_line(lexer: LiterateHaskellLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Label, match.group(1)
    yield from lexer.haskell.continue_tokens(match.group(2))


class LiterateHaskellLexer(RougeRegexLexer):
    """Rouge's ``literate_haskell`` lexer (bird-style ``>`` code lines only)."""

    name = "Literate Haskell (Rouge)"
    aliases = ["rouge-literate-haskell"]

    haskell: HaskellLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.haskell = HaskellLexer()

    def reset(self) -> None:
        self.haskell.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"\s*?\n(?=>)", Text, "code"),
            (r".*?\n", Text),
            (r".+\Z", Text),
        ],
        "code": [
            (r"(>)( .*?(\n|\Z))", _bird_line),
            (r"\s*\n(?=\s*[^>])", Text, "#pop"),
        ],
    }


def _to_coffee(lexer: LiterateCoffeescriptLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.coffee.continue_tokens(match.group())


def _to_markdown(lexer: LiterateCoffeescriptLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.markdown.continue_tokens(match.group())


class LiterateCoffeescriptLexer(RougeRegexLexer):
    """Rouge's ``literate_coffeescript`` lexer: indented code in Markdown prose."""

    name = "Literate CoffeeScript (Rouge)"
    aliases = ["rouge-literate-coffeescript"]

    markdown: MarkdownLexer
    coffee: CoffeescriptLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.markdown = MarkdownLexer()
        self.coffee = CoffeescriptLexer()

    def reset(self) -> None:
        self.markdown.restart()
        self.coffee.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"(?s)^(    .*?\n)+", _to_coffee),
            (r"(?s)^([ ]{0,3}(\S.*?|)\n)*", _to_markdown),
        ],
    }
