"""sed scripts tokenised as Rouge 3.30's ``sed`` lexer does.

(Rouge's ``w file`` flag rule emits the whole match three times — as keyword,
text and name; that is reproduced.)
"""

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
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream


class SedRegexLexer(RougeRegexLexer):
    """The regex part of a sed command."""

    name = "sed regex (Rouge)"
    aliases = ["rouge-sed-regex"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\\.", String.Escape),
            (r"\[", Punctuation, "brackets"),
            (r"[$^.*]", Operator),
            (r"[()]", Punctuation),
            (r".", String.Regex),
        ],
        "brackets": [
            (r"\^", Punctuation, ("#pop", "brackets_int")),
            default(("#pop", "brackets_int")),
        ],
        "brackets_int": [
            (r".-.", Name.Variable),
            (r"\]", Punctuation, "#pop"),
            (r".", String.Regex),
        ],
    }


class SedReplacementLexer(RougeRegexLexer):
    """The replacement part of a sed ``s`` command."""

    name = "sed replacement (Rouge)"
    aliases = ["rouge-sed-replacement"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(?s)\\.", String.Escape),
            (r"&", Operator),
            (r"(?s)[^\\&]+", Text),
        ],
    }


def _reset(tok: TokenType) -> Any:
    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok, match.group()
        del ctx.stack[:]
        ctx.stack.append("root")

    return callback


def _sub(lexer: SedLexer, text: str, offset: int, regex: bool) -> TokenStream:
    sub = lexer.regex if regex else lexer.replacement
    for idx, tok, val in sub.continue_tokens(text):
        yield offset + idx, tok, val


def _s_command(lexer: SedLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group(1)
    yield match.start(2), Punctuation, match.group(2)
    yield from _sub(lexer, match.group(3), match.start(3), True)
    yield match.start(4), Punctuation, match.group(4)
    yield from _sub(lexer, match.group(5), match.start(5), False)
    yield match.start(6), Punctuation, match.group(6)
    ctx.stack[-1] = "flags"


def _y_command(lexer: SedLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group(1)
    yield match.start(2), Punctuation, match.group(2)
    yield from _sub(lexer, match.group(3), match.start(3), False)
    yield match.start(4), Punctuation, match.group(4)
    yield from _sub(lexer, match.group(5), match.start(5), False)
    yield match.start(6), Punctuation, match.group(6)
    ctx.stack.pop()


def _slash_address(lexer: SedLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword.Namespace, match.group(1)
    yield from _sub(lexer, match.group(2), match.start(2), True)
    yield match.start(3), Keyword.Namespace, match.group(3)


def _custom_address(lexer: SedLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword.Namespace, match.group(1) + match.group(2)
    yield from _sub(lexer, match.group(3), match.start(3), True)
    yield match.start(4), Keyword.Namespace, match.group(4)


def _write_flag(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    for tok in (Keyword, Text, Name):
        yield 0, tok, match.group()


_EDOT = r"(?:\\.|.)"


class SedLexer(RougeRegexLexer):
    """Rouge's ``sed`` lexer."""

    name = "sed (Rouge)"
    aliases = ["rouge-sed"]

    regex: SedRegexLexer
    replacement: SedReplacementLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.regex = SedRegexLexer()
        self.replacement = SedReplacementLexer()

    def reset(self) -> None:
        self.regex.restart()
        self.replacement.restart()

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"#.*?\n", _reset(Comment)),
            (r"\n", _reset(Text)),
            (r";", _reset(Punctuation)),
        ],
        "root": [include("addr_range")],
        "command": [
            include("whitespace"),
            (rf"(?s)(s)(.)({_EDOT}*?)(\2)({_EDOT}*?)(\2)", _s_command),
            (rf"(?s)(y)(.)({_EDOT}*?)(\2)({_EDOT}*?)(\2)", _y_command),
            (r"([aic])(\s*)", bygroups(Keyword, Text), ("#pop", "text")),
            (r"[pd]", Keyword),
            (r"(?i)([qQl])(\s+)(\d+)", bygroups(Keyword, Text, Number), "#pop"),
            (r"[={}dDgGhHlnpPqx]", Keyword, "#pop"),
            (r"([rRwW])(\s+)(\S+)", bygroups(Keyword, Text, Name), "#pop"),
            (r"([:btT])(\s+)(\S+)", bygroups(Keyword, Text, Name.Label), "#pop"),
        ],
        "addr_range": [
            include("whitespace"),
            (r"\d+", Keyword.Namespace),
            (r"[$,~+!]", Keyword.Namespace),
            (r"(/)((?:\\.|.)*?)(/)", _slash_address),
            (r"(\\)(.)((?:\\.|.)*?)(\2)", _custom_address),
            default("command"),
        ],
        "text": [
            (r"[^\\\n]+", String),
            (r"\\\n", String.Escape),
            (r"\\", String),
            (r"\n", Text, "#pop"),
        ],
        "flags": [
            (r"[gp]+", Keyword, "#pop"),
            (r"([wW])(\s+)(\S+)", _write_flag),
            default("#pop"),
        ],
    }
