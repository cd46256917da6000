"""Shell (sh/bash/zsh/ksh) tokenised as Rouge 3.30's ``shell`` lexer does.

Rouge-specific shapes kept here: keywords and builtins swallow the blanks
after them (``<span class="k">do\\n  </span>``), a comment stops before its
newline, ``--opt`` is ``Name.Tag``, ``*`` is a ``Keyword``, heredocs are
``String.Heredoc`` with the terminator as ``Name.Constant``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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
from jekpy.highlight.lexers import shell_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

_KEYWORDS = ["if", "fi", "else", "while", "do", "done", "for", "then", "return", "function", "select", "continue", "until", "esac", "elif", "in"]

_BUILTINS = _words.BUILTINS


def _heredoc_start(
    lexer: ShellLexer, match: re.Match[str], ctx: LexerContext
) -> Iterator[tuple[int, TokenType, str]]:
    """``<<-'EOF'``: remember the terminator word, enter the heredoc body."""
    toks = (Operator, Text, String.Heredoc, String.Heredoc, Name.Constant, String.Heredoc)
    for i, tok in enumerate(toks, start=1):
        yield match.start(i), tok, match.group(i)
    lexer.heredoc_word = match.group(5)
    ctx.stack.append("heredoc")


def _heredoc_line(
    lexer: ShellLexer, match: re.Match[str], ctx: LexerContext
) -> Iterator[tuple[int, TokenType, str]]:
    """A line that may be the terminator word."""
    if match.group(1) == lexer.heredoc_word:
        yield 0, Name.Constant, match.group()
        del ctx.stack[-2:]
    else:
        yield 0, String.Heredoc, match.group()


class ShellLexer(RougeRegexLexer):
    """Rouge's ``shell`` lexer (tags shell, bash, zsh, ksh, sh)."""

    name = "Shell (Rouge)"
    aliases = ["rouge-shell"]

    heredoc_word: str = ""

    def reset(self) -> None:
        self.heredoc_word = ""

    tokens: dict[str, Any] = {
        "root": [include("basic"), include("data")],
        "basic": [
            (r"#.*$", Comment),
            (r"\b(" + "|".join(_KEYWORDS) + r")\s*\b", Keyword),
            (r"\bcase\b", Keyword, "case"),
            (r"\b(" + "|".join(_BUILTINS) + r")\s*\b(?!(\.|-))", Name.Builtin),
            (r"[.](?=\s)", Name.Builtin),
            (r"(\b\w+)(=)", bygroups(Name.Variable, Operator)),
            (r"[\[\]{}()!=>]", Operator),
            (r"&&|\|\|", Operator),
            (r"<<<", Operator),
            (r"(<<-?)(\s*)(['\"]?)(\\?)(\w+)(\3)", _heredoc_start),
        ],
        "heredoc": [
            (r"\n", String.Heredoc, "heredoc_nl"),
            (r"[^$\n\\]+", String.Heredoc),
            include("interp"),
            (r"[$]", String.Heredoc),
        ],
        "heredoc_nl": [
            (r"\s*(\w+)\s*\n", _heredoc_line),
            default("#pop"),
        ],
        "double_quotes": [
            (r"(?:\$#?)?\"", String.Double, "#pop"),
            include("interp"),
            (r"[^\"`\\$]+", String.Double),
        ],
        "ansi_string": [
            (r"\\.", String.Escape),
            (r"[^\\']+", String.Single),
            include("single_quotes"),
        ],
        "single_quotes": [
            (r"'", String.Single, "#pop"),
            (r"[^']+", String.Single),
        ],
        "data": [
            (r"\s+", Text),
            (r"\\.", String.Escape),
            (r"\$?\"", String.Double, "double_quotes"),
            (r"\$'", String.Single, "ansi_string"),
            (r"'", String.Single, "single_quotes"),
            (r"\*", Keyword),
            (r";", Punctuation),
            (r"--?[\w-]+", Name.Tag),
            (r"[^=\*\s{}()$\"'`;\\<]+", Text),
            (r"\d+(?= |\n?\Z)", Number),
            (r"<", Text),
            include("interp"),
        ],
        "curly": [
            (r"\}", Keyword, "#pop"),
            (r":-", Keyword),
            (r"[a-zA-Z0-9_]+", Name.Variable),
            (r"[^}:\"`'$]+", Punctuation),
            include("root"),
        ],
        "paren_interp": [
            (r"\)", String.Interpol, "#pop"),
            (r"\(", Operator, "paren_inner"),
            include("root"),
        ],
        "paren_inner": [
            (r"\(", Operator, "#push"),
            (r"\)", Operator, "#pop"),
            include("root"),
        ],
        "math": [
            (r"\)\)", Keyword, "#pop"),
            (r"[-+*/%^|&!]|\*\*|\|\|", Operator),
            (r"\d+(#\w+)?", Number),
            include("root"),
        ],
        "case": [
            (r"\besac\b", Keyword, "#pop"),
            (r"\|", Punctuation),
            (r"\)", Punctuation, "case_stanza"),
            include("root"),
        ],
        "case_stanza": [
            (r";;", Punctuation, "#pop"),
            include("root"),
        ],
        "backticks": [
            (r"`", String.Backtick, "#pop"),
            include("root"),
        ],
        "interp": [
            (r"\\$", String.Escape),
            (r"\\.", String.Escape),
            (r"\$\(\(", Keyword, "math"),
            (r"\$\(", String.Interpol, "paren_interp"),
            (r"\$\{#?", Keyword, "curly"),
            (r"`", String.Backtick, "backticks"),
            (r"\$#?(\w+|.)", Name.Variable),
            (r"\$[*@]", Name.Variable),
        ],
    }
