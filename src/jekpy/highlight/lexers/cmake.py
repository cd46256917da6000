"""CMake tokenised as Rouge 3.30's ``cmake`` lexer does (bracket arguments and
``${…}`` references included)."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    TokenType,
    include,
)
from jekpy.highlight.lexers import cmake_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

CMAKE_BUILTINS = frozenset(
    _words.CMAKE_BUILTINS
)

_STATE_TOKEN: dict[str, TokenType] = {
    "root": Text,
    "bracket_string": String.Double,
    "quoted_argument": String.Double,
    "bracket_comment": Comment.Multiline,
    "variable_reference": Name.Variable,
}


def _default(state: str) -> list[Any]:
    tok = _STATE_TOKEN[state]
    return [(r"\r\n?|\n", tok), (r".", tok)]


def _bracket_close(lexer: CMakeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _STATE_TOKEN[ctx.stack[-1]], match.group()
    if len(match.group()) == lexer.bracket_len:
        ctx.stack[-1] = "root"


def _bracket_open(
    lexer: CMakeLexer, match: re.Match[str], ctx: LexerContext, comment: bool
) -> TokenStream:
    if comment:
        yield 0, Comment.Multiline, match.group()
        lexer.bracket_len = len(match.group()) - 1
        ctx.stack[-1] = "bracket_comment"
    else:
        yield 0, String.Double, match.group()
        lexer.bracket_len = len(match.group())
        ctx.stack[-1] = "bracket_string"


def _command(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok = Name.Builtin if match.group(1) in CMAKE_BUILTINS else Name.Function
    yield 0, tok, match.group(1)
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Punctuation, match.group(3)


class CMakeLexer(RougeRegexLexer):
    """Rouge's ``cmake`` lexer."""

    name = "CMake (Rouge)"
    aliases = ["rouge-cmake"]

    bracket_len: int = 0

    def reset(self) -> None:
        self.bracket_len = 0

    tokens: dict[str, Any] = {
        "variable_interpolation": [(r"\$\{", String.Interpol, "variable_reference")],
        "bracket_close": [(r"\]=*\]", _bracket_close)],
        "root": [
            include("variable_interpolation"),
            (r"[ \t]", Text),
            (r"[()]", Punctuation),
            (r"#\[=*\[", lambda lx, m, c: _bracket_open(lx, m, c, True)),
            (r"\[=*\[", lambda lx, m, c: _bracket_open(lx, m, c, False)),
            (r'\\"', Text),
            (r'"', String.Double, "quoted_argument"),
            (r"([A-Za-z_][A-Za-z0-9_]*)([ \t]*)(\()", _command),
            (r"#.*", Comment.Single),
            *_default("root"),
        ],
        "bracket_string": [
            include("bracket_close"),
            include("variable_interpolation"),
            *_default("bracket_string"),
        ],
        "bracket_comment": [include("bracket_close"), *_default("bracket_comment")],
        "variable_reference": [
            include("variable_interpolation"),
            (r"\}", String.Interpol, "#pop"),
            *_default("variable_reference"),
        ],
        "quoted_argument": [
            include("variable_interpolation"),
            (r'"', String.Double, "root"),
            (r'\\[()#" \\$@^trn;]', String.Escape),
            *_default("quoted_argument"),
        ],
    }

