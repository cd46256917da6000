"""Stan tokenised as Rouge 3.30's ``stan`` lexer does.

Rouge's shapes: a name before a parenthesised list is a function (builtin
functions and distributions ``Name.Builtin``); a return type of single-letter
words before it is lexed again as Stan; a constant called like ``pi()`` is one
``Keyword.Constant`` token for the whole match; ``==``/``<=`` are two
operators; ``#`` lines are ``Generic.Deleted``; ``"`` has no string state in
Rouge (its lexer raises), so it is an error here.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Generic,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    Text,
    include,
)
from jekpy.highlight.lexers import stan_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

WS = r"(?:\s|//.*?\n|/[*].*?[*]/)+"
ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
RT = r"(?:(?:[a-z_]\s*(?:\[[0-9, ]\])?)\s+)*"
OP = (
    r"=|<|<=|>|>=|==|!=|!|&&|\|\||\+|-|\*|/|\^|'|\.\+|\.-|\.\*|\./|\.\^|\\"
    r"|\+=|-=|\*=|/=|\.\*=|\./=|~|\?|:"
)
_REAL = r"(?:(?:\d+[.]\d*|[.]?\d+)e[+-]?\d+|\d*[.]\d+"
NUM = _REAL + r"|\d+)"
FLOAT = rf"{NUM}(?:{WS})[+-](?:{WS}){NUM}i|{NUM}i|{_REAL})"


_word = classify(
    [(w.KEYWORDS, Keyword), (w.TYPES, Keyword.Type), (w.RESERVED, Keyword.Reserved)], Name.Variable
)


def _function(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from type(lexer)().get_tokens_unprocessed(match.group(1))
    name = match.group(2)
    start = match.start(2)
    if name in w.BUILTIN_FUNCTIONS or name in w.DISTRIBUTIONS:
        yield start, Name.Builtin, name
    elif name in w.CONSTANTS:
        yield start, Keyword.Constant, match.group()
    else:
        yield start, Name.Function, name


def _include_file(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group(1)
    yield match.start(2), Comment.PreprocFile, match.group(2)
    yield match.start(3), Text, match.group(3)
    ctx.stack.pop()


class StanLexer(RougeRegexLexer):
    """Rouge's ``stan`` lexer."""

    name = "Stan (Rouge)"
    aliases = ["rouge-stan"]

    tokens: dict[str, Any] = {
        "root": [
            include("whitespace"),
            (r"#include", Comment.Preproc, "include"),
            (r"#.*$", Generic.Deleted),
            (
                r"functions|(?:transformed\s+)?data|(?:transformed\s+)?parameters"
                r"|model|generated\s+quantities",
                Name.Namespace,
            ),
            (r"\{", Punctuation, "bracket_scope"),
            include("scope"),
        ],
        "include": [(r"(\s+)(\S+)(\s*)", _include_file)],
        "whitespace": [
            (r"\n+", Text),
            (r"//(?:\\.|.)*?$", Comment.Single),
            include("inline_whitespace"),
        ],
        "inline_whitespace": [
            (r"[ \t\r]+", Text),
            (r"(?s)/(?:\\\n)?[*].*?[*](?:\\\n)?/", Comment.Multiline),
        ],
        "statements": [
            include("whitespace"),
            (r"#include", Comment.Preproc, "include"),
            (r"#.*$", Generic.Deleted),
            (FLOAT, Number.Float),
            (r"\d+", Number.Integer),
            (r"\*/", Error),
            (OP, Operator),
            (r"[\[\],.;]", Punctuation),
            (r"[|](?![|])", Punctuation),
            (r"T\b", Keyword.Reserved),
            (r"(lower|upper)\b", Name.Attribute),
            (ID, _word),
        ],
        "scope": [
            include("whitespace"),
            (rf"({RT})({ID})(?=\([^;]*?\))", _function),
            (r"\{", Punctuation, "bracket_scope"),
            (r"\(", Punctuation, "parens_scope"),
            include("statements"),
        ],
        "bracket_scope": [
            include("scope"),
            (r"\}", Punctuation, "#pop"),
        ],
        "parens_scope": [
            include("scope"),
            (r"\)", Punctuation, "#pop"),
        ],
    }
