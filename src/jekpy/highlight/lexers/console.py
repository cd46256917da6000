"""Shell sessions, split into prompt / command / output as Rouge's ``console`` does.

Each line is one of: an elision (``...`` or ``<...>``) → ``Comment``; a line
containing one of ``$ # > ;`` → ``Generic.Prompt`` up to and including the
first of them, the blanks after it as ``Text.Whitespace`` and the rest lexed
as shell (the shell state carries over to following prompt lines); anything
else → ``Generic.Output`` (which resets the shell state).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from jekpy.highlight._pyg import Comment, Generic, Lexer, Text, TokenType
from jekpy.highlight.lexers.shell import ShellLexer

_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_ELISION = re.compile(r"\s*(?:<[.]+>|[.]+)\s*\Z")
_PROMPT = re.compile(r".*?(?:\$|\#|>|;)", re.S)
_LEADING_SPACE = re.compile(r"\s*", re.A)


class ConsoleLexer(Lexer):  # type: ignore[misc, unused-ignore]
    """Rouge's ``console`` lexer with its default options."""

    name = "Console (Rouge)"
    aliases = ["rouge-console"]

    def __init__(self, **options: Any) -> None:
        options.setdefault("stripnl", False)
        options.setdefault("ensurenl", False)
        super().__init__(**options)

    def get_tokens_unprocessed(self, text: str) -> Iterator[tuple[int, TokenType, str]]:
        shell = ShellLexer()
        shell.restart()
        pos = 0
        while pos < len(text):
            m = _LINE.match(text, pos)
            assert m is not None
            line = m.group()
            if not line:
                break
            start = pos
            pos = m.end()
            if _ELISION.match(line):
                shell.restart()
                yield start, Comment, line
                continue
            prompt = _PROMPT.match(line)
            if prompt is None:
                shell.restart()
                yield start, Generic.Output, line
                continue
            yield start, Generic.Prompt, prompt.group()
            rest = line[prompt.end() :]
            space = _LEADING_SPACE.match(rest)
            assert space is not None
            if space.group():
                yield start + prompt.end(), Text.Whitespace, space.group()
            offset = start + prompt.end() + space.end()
            for idx, tok, val in shell.continue_tokens(rest[space.end() :]):
                yield offset + idx, tok, val
