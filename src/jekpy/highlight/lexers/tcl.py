"""Tcl tokenised as Rouge 3.30's ``tcl`` lexer does (commands, then their
parameters; ``{…}``/``[…]``/``(…)`` nest command states)."""

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
    include,
)
from jekpy.highlight.lexers import tcl_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

KEYWORDS = frozenset(
    ["after", "apply", "array", "break", "catch", "continue", "elseif", "else", "error", "eval", "expr", "for", "foreach", "global", "if", "namespace", "proc", "rename", "return", "set", "switch", "then", "trace", "unset", "update", "uplevel", "upvar", "variable", "vwait", "while"]
)
BUILTINS = frozenset(
    _words.BUILTINS
)

_END_LINE = r"\)\]\};\n"
_END_WORD = _END_LINE + r"\r\t\v"
_NOT_END_WORD = rf"[^{_END_WORD}]"


_command_word = classify([(KEYWORDS, Keyword), (BUILTINS, Name.Builtin)], Text)


def _close_brace(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if "brace" in ctx.stack:
        while ctx.stack[-1] != "brace":
            ctx.stack.pop()
        ctx.stack.pop()
        yield 0, Punctuation, match.group()
    else:
        yield 0, Error, match.group()


def _string_open_brace(lexer: TclLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.brace_count += 1
    yield 0, String.Double, match.group()


def _string_close_brace(
    lexer: TclLexer, match: re.Match[str], ctx: LexerContext
) -> TokenStream:
    if "brace" in ctx.stack and lexer.brace_count == 0:
        while ctx.stack[-1] != "brace":
            ctx.stack.pop()
        ctx.stack.pop()
        yield 0, Punctuation, match.group()
    else:
        lexer.brace_count -= 1
        yield 0, String.Double, match.group()


def _command_state(name: str) -> list[Any]:
    return [
        include("word"),
        (rf"#[^{_END_LINE}]+", Comment.Single),
        (rf"(?=[{_END_WORD}])", Text, f"params{name}"),
        (rf"{_NOT_END_WORD}+", _command_word),
        include("whitespace"),
    ]


def _delimiter_states(name: str, close: str, strict: bool) -> dict[str, list[Any]]:
    return {
        f"command_in_{name}": _command_state(f"_in_{name}"),
        f"params_in_{name}": [
            (close, Punctuation, "#pop:2"),
            (r"[\)\]\}]", Error if strict else Text),
            include("params"),
        ],
        name: [(close, Punctuation, "#pop"), include(f"command_in_{name}")],
    }


class TclLexer(RougeRegexLexer):
    """Rouge's ``tcl`` lexer."""

    name = "Tcl (Rouge)"
    aliases = ["rouge-tcl"]

    brace_count: int = 0

    def reset(self) -> None:
        self.brace_count = 0

    tokens: dict[str, Any] = {
        "word": [
            (r"\{\*\}", Keyword),
            include("brace_abort"),
            include("interp"),
            (r"\{", Punctuation, "brace"),
            (r"\(", Punctuation, "paren"),
            (r'"', String.Double, "string"),
            (rf"{_NOT_END_WORD}+?(?=[\(\[\{{\"\\])", Text),
        ],
        "brace_abort": [(r"\}", _close_brace)],
        "params": [
            (r";", Punctuation, "#pop"),
            (r"\n", Text, "#pop"),
            (r"else|elseif|then", Keyword),
            include("word"),
            include("whitespace"),
            (rf"{_NOT_END_WORD}+", Text),
        ],
        **_delimiter_states("brace", r"\}", strict=False),
        **_delimiter_states("paren", r"\)", strict=True),
        **_delimiter_states("bracket", r"\]", strict=True),
        "command": _command_state(""),
        "root": [include("command")],
        "whitespace": [(r"\s+", Text)],
        "interp": [
            (r"\[", Punctuation, "bracket"),
            (r"\$[a-z0-9.:-]+", Name.Variable),
            (r"(?s)\$\{.*?\}", Name.Variable),
            (r"\$", Text),
            (r"\\[0-7]{3}", String.Escape),
            (r"(?i)\\x[0-9a-f]{2}", String.Escape),
            (r"(?i)\\u[0-9a-f]{4}", String.Escape),
            (r"(?s)\\.", String.Escape),
        ],
        "string": [
            (r'"', String.Double, "#pop"),
            include("interp"),
            (r'[^\\\[$"{}]+', String.Double),
            (r"\{", _string_open_brace),
            (r"\}", _string_close_brace),
        ],
    }
