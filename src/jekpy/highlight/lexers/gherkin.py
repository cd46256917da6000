"""Gherkin (Cucumber) tokenised as Rouge 3.30's ``gherkin`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    TokenType,
    default,
    include,
)
from jekpy.highlight.lexers import gherkin_words as gw
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


def _step_alternative(word: str) -> str:
    if word.endswith("<"):
        return re.escape(word[:-1])
    if word.endswith(" "):
        return re.escape(word)
    return re.escape(word) + r"\b"


STEP_REGEX = "|".join(_step_alternative(w) for w in gw.STEP)
_REST_OF_LINE = r".*?(?=[#\n])"


def _scenario(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    del ctx.stack[:]
    ctx.stack.append("root")
    keyword = match.group(1)
    tok: TokenType
    if keyword in gw.ELEMENT:
        ctx.stack.append("description")
        tok = Keyword.Namespace
    elif keyword in gw.FEATURE:
        ctx.stack.append("feature_description")
        tok = Keyword.Declaration
    elif keyword in gw.EXAMPLES:
        ctx.stack.append("example_description")
        tok = Name.Namespace
    else:
        tok = Error
    yield 0, tok, keyword
    yield match.start(2), Punctuation, match.group(2)


def _step(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Function, match.group()
    del ctx.stack[:]
    ctx.stack += ["root", "step"]


def _reset(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    del ctx.stack[:]
    ctx.stack.append("root")
    return iter(())


class GherkinLexer(RougeRegexLexer):
    """Rouge's ``gherkin`` lexer (tags gherkin, cucumber, behat)."""

    name = "Gherkin (Rouge)"
    aliases = ["rouge-gherkin"]

    tokens: dict[str, Any] = {
        "basic": [(r"#.*$", Comment), (r"[ \r\t]+", Text)],
        "root": [
            include("basic"),
            (r"\n", Text),
            (r'(?s)""".*?"""', String),
            (r"@[^\s@]+", Name.Tag),
            include("has_table"),
            include("has_examples"),
        ],
        "has_scenarios": [(r"(.*?)(:)", _scenario)],
        "has_examples": [include("has_scenarios"), (STEP_REGEX, _step)],
        "has_table": [(r"(?=[|])", Text, "table_header")],
        "table_header": [
            (r"[^|\s]+", Name.Variable),
            (r"\n", Text, ("#pop", "table")),
            include("table"),
        ],
        "table": [
            include("basic"),
            (r"\n", Text, "table_bol"),
            (r"[|]", Punctuation),
            (r"[^|\s]+", Name),
        ],
        "table_bol": [(r"(?=\s*[^\s|])", _reset), default("#pop")],
        "description": [
            include("basic"),
            include("has_examples"),
            (r"\n", Text),
            (_REST_OF_LINE, Text),
        ],
        "feature_description": [
            include("basic"),
            include("has_scenarios"),
            (r"\n", Text),
            (_REST_OF_LINE, Text),
        ],
        "example_description": [
            include("basic"),
            include("has_table"),
            (r"\n", Text),
            (_REST_OF_LINE, Text),
        ],
        "step": [
            include("basic"),
            (r"<.*?>", Name.Variable),
            (r'".*?"', String),
            (r"\S[^\s<]*", Text),
            (_REST_OF_LINE, Text, "#pop"),
        ],
    }

