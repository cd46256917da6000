"""Oracle PL/SQL tokenised as Rouge 3.30's ``plsql`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.plsql_words import (
    KEYWORDS,
    KEYWORDS_FUNC,
    KEYWORDS_RESERVED,
    KEYWORDS_TYPE,
)

_NAME = r"\w[\w\d\$]*"
_CLOSERS = {"{": "}", "[": "]", "(": ")", "<": ">"}


def _q_quote(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Operator, match.group()
    close = re.escape(_CLOSERS.get(match.group(1), match.group(1)))
    name = f"q-quote {close}"
    PlsqlLexer.ensure_state(
        name,
        [
            (rf"(?s)(?:{close}[^']|[^{close}]'|[^{close}'])+", String.Other),
            (rf"{close}'", Operator, "#pop"),
        ],
    )
    ctx.stack.append(name)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group(1).upper()
    if word in KEYWORDS_TYPE:
        tok = Keyword.Type
    elif word in KEYWORDS_FUNC:
        tok = Name.Function
    elif word in KEYWORDS_RESERVED:
        tok = Keyword.Reserved
    elif word in KEYWORDS:
        tok = Keyword
    else:
        tok = Name
    yield 0, tok, match.group(1)
    if match.group(2) == ".":
        yield match.start(2), Punctuation, "."
        ctx.stack.append("dotnames")


def _dotted_last(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Function if match.group().upper() in KEYWORDS_FUNC else Name, match.group()
    ctx.stack.pop()


_KW = Keyword.Reserved


class PlsqlLexer(RougeRegexLexer):
    """Rouge's ``plsql`` lexer."""

    name = "PL/SQL (Rouge)"
    aliases = ["rouge-plsql"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"--.*", Comment.Single),
            (r"/\*", Comment.Multiline, "multiline_comments"),
            (r"(?i)q'(.)", _q_quote),
            (r"'", Operator, "single_string"),
            (r'"', Operator, "double_string"),
            (
                r"(?is)(\$(?:IF|THEN|ELSE|ELSIF|ERROR|END|(?:\$\$?\w[\w\d]*)))(\s+)",
                bygroups(Comment.Preproc, Text),
            ),
            (
                r"[+-]?(?:(?:\.\d+(?:[eE][+-]?\d+)?)|\d+\.(?:\d+(?:[eE][+-]?\d+)?)?)[fFdD]?",
                Number.Float,
            ),
            (r"[+-]?\d+", Number.Integer),
            (r"(?i)%(?:TYPE|ROWTYPE|FOUND|ISOPEN|NOTFOUND|ROWCOUNT)\b", Name.Attribute),
            (r"=>|\|\||\*\*|<<|>>|\.\.|<>|[:!~^<>]=|[-+%/*=<>@&!^\[\]]", Operator),
            (r"(?is)(NOT|AND|OR|LIKE|BETWEEN|IN)(\s)", bygroups(Operator.Word, Text)),
            (
                r"(?is)(IS)(\s+)(?:(NOT)(\s+))?(NULL\b)",
                bygroups(Operator.Word, Text, Operator.Word, Text, Operator.Word),
            ),
            (r"\.(?=\w)", Punctuation, "dotnames"),
            (r"[;:()\[\],.]", Punctuation),
            (
                r"(?is)(create)(\s+)(?:(or)(\s+)(replace)(\s+))?(package|function|procedure|type)"
                rf"(?:(\s+)(body))?(\s+)({_NAME})",
                bygroups(_KW, Text, _KW, Text, _KW, Text, _KW, Text, _KW, Text, Name),
            ),
            (
                r"(?is)(when)(\s+)(?:(not)(\s+))?(matched)(\s+)(then)(\s+)(update|insert)\b"
                r"(?:(\s+)(set)(\s+))?",
                bygroups(_KW, Text, _KW, Text, _KW, Text, _KW, Text, _KW, Text, _KW, Text),
            ),
            (rf"({_NAME})(\.(?=\w))?", _word),
        ],
        "multiline_comments": [
            (r"(?s)([*][^/]|[^*])+", Comment.Multiline),
            (r"[*]/", Comment.Multiline, "#pop"),
        ],
        "single_string": [
            (r"\\.", String.Escape),
            (r"''", String.Escape),
            (r"'", Operator, "#pop"),
            (r"(?s)[^\\']+", String.Single),
        ],
        "double_string": [
            (r"\\.", String.Escape),
            (r'""', String.Escape),
            (r'"', Operator, "#pop"),
            (r'(?s)[^\\"]+', Name.Variable),
        ],
        "dotnames": [
            (rf"({_NAME})(\.(?=\w))", bygroups(Name, Punctuation)),
            (_NAME, _dotted_last),
        ],
    }
