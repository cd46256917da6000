"""Brainfuck tokenised as Rouge 3.30's ``brainfuck`` lexer does."""

from __future__ import annotations

from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Name,
    Punctuation,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer


class BrainfuckLexer(RougeRegexLexer):
    """Rouge's ``brainfuck`` lexer."""

    name = "Brainfuck (Rouge)"
    aliases = ["rouge-brainfuck"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "bol")

    tokens: dict[str, Any] = {
        "bol": [
            (r"\s+", Text),
            (r"\[", Comment.Multiline, "comment_multi"),
            default("#pop"),
        ],
        "root": [
            (r"\]", Error),
            (r"\[", Punctuation, "loop"),
            include("comment_single"),
            include("commands"),
        ],
        "comment_multi": [
            (r"\[", Comment.Multiline, "comment_multi"),
            (r"\]", Comment.Multiline, "#pop"),
            (r"(?s)[^\[\]]+?", Comment.Multiline),
        ],
        "comment_single": [(r"[^><+\-.,\[\]]+", Comment.Single)],
        "loop": [
            (r"\[", Punctuation, "loop"),
            (r"\]", Punctuation, "#pop"),
            include("comment_single"),
            include("commands"),
        ],
        "commands": [(r"[><]+", Name.Builtin), (r"[+\-.,]+", Name.Function)],
    }
