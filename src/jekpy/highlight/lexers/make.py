"""Makefiles tokenised as Rouge 3.30's ``make`` lexer does.

Recipe lines and variable values are handed to the shell lexer (which keeps
its state from one chunk to the next until a new recipe block starts);
``$(func …)`` calls of make's builtin functions are picked out.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.shell import ShellLexer

FUNCTIONS = ["abspath", "addprefix", "addsuffix", "and", "basename", "call", "dir", "error", "eval", "file", "filter", "filter-out", "findstring", "firstword", "flavor", "foreach", "if", "join", "lastword", "notdir", "or", "origin", "patsubst", "realpath", "shell", "sort", "strip", "subst", "suffix", "value", "warning", "wildcard", "word", "wordlist", "words"]

_STOP = r"(?:\$\(|\$\{|\(|\)|\}|\\|$)"


def _to_shell(lexer: MakeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.shell.continue_tokens(match.group())


def _assignment(lexer: MakeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Variable, match.group(1)
    yield match.start(2), Text, match.group(2)
    yield match.start(3), Operator, match.group(3)
    ctx.stack.append("shell_line")


def _block_end(lexer: MakeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.shell.restart()
    ctx.stack.pop()
    return iter(())


def _nested_open(lexer: MakeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from lexer.shell.continue_tokens(match.group())
    ctx.stack.append(ctx.stack[-1])


class MakeLexer(RougeRegexLexer):
    """Rouge's ``make`` lexer (tags make, makefile, mf, gnumake, bsdmake)."""

    name = "Make (Rouge)"
    aliases = ["rouge-make"]

    shell: ShellLexer

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.shell = ShellLexer()

    def reset(self) -> None:
        self.shell.restart()

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r"#.*?\n", Comment),
            (r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)", bygroups(Keyword, String.Other)),
            (r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)", bygroups(Keyword, Text, Name.Variable)),
            (r"(?:else|endif)[\t ]*(?=[#\n])", Keyword),
            (r"(export)([\t ]+)(?=[\w${}()\t -]+\n)", bygroups(Keyword, Text), "export"),
            (r"export[\t ]+", Keyword),
            (r"(?s)([\w${}().-]+)([\t ]*)([!?:+]?=)", _assignment),
            (r'"(\\\\|\\.|[^"\\])*"', String.Double),
            (r"'(\\\\|\\.|[^'\\])*'", String.Single),
            (r"([^\n:]+)(:+)([ \t]*)", bygroups(Name.Label, Operator, Text), "block_header"),
        ],
        "export": [
            (r"[\w${}()-]", Name.Variable),
            (r"\n", Text, "#pop"),
            (r"[\t ]+", Text),
        ],
        "block_header": [
            (r"[^,\\\n#]+", Name.Function),
            (r",", Punctuation),
            (r"#.*?", Comment),
            (r"\\\n", Text),
            (r"\\.", Text),
            (r"\n", Text, ("#pop", "block_body")),
        ],
        "block_body": [
            (
                r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)",
                bygroups(Keyword, Text, Name.Variable, Comment, Text),
            ),
            (r"(else|endif)([\t ]*)(#.*)?(\n)", bygroups(Keyword, Text, Comment, Text)),
            (r"(\t[\t ]*)([@-]?)", bygroups(Text, Punctuation), "shell_line"),
            (r"", _block_end),
        ],
        "shell": [
            (r"(?i)\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", Name.Variable),
            (
                r"(?s)(\$[({])([\t ]*)(" + "|".join(FUNCTIONS) + r")([\t ]+)",
                bygroups(Name.Function, Text, Name.Builtin, Text),
                "shell_expr",
            ),
            (r"(?s)\\.", _to_shell),
            (rf"(?s).+?(?={_STOP})", _to_shell),
            (_STOP, _to_shell),
        ],
        "shell_expr": [
            (r"[({]", _nested_open),
            (r"[)}]", Name.Function, "#pop"),
            include("shell"),
        ],
        "shell_line": [
            (r"\n", Text, "#pop"),
            include("shell"),
        ],
    }
