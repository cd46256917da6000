"""Shell sessions split into prompt / command / output as Rouge's ``console``
lexer does, and Ruby sessions as its ``irb`` lexer does.

Each line is one of: an elision (``...`` or ``<...>``) → ``Comment``; a
prompt line → ``Generic.Prompt`` (up to the prompt's end), the blanks after
it as ``Text.Whitespace`` and the rest lexed with the session language (its
state carries over to following prompt lines); for ``irb`` a ``#`` line →
``Comment``; anything else is output (which resets the language lexer).
Console prompts end at the first ``$ # > ;`` of a line.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    Lexer,
    Punctuation,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.ruby import RubyLexer
from jekpy.highlight.lexers.shell import ShellLexer

_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
_ELISION = re.compile(r"\s*(?:<[.]+>|[.]+)\s*\Z")
_LEADING_SPACE = re.compile(r"\s*", re.A)
_COMMENT = re.compile(r"\s*?#", re.A)


class ConsoleLexer(Lexer):  # type: ignore[misc, unused-ignore]
    """Rouge's ``console`` lexer with its default options."""

    name = "Console (Rouge)"
    aliases = ["rouge-console"]

    prompt: ClassVar[re.Pattern[str]] = re.compile(r".*?(?:\$|\#|>|;)", re.S)
    comments: ClassVar[bool] = False

    def __init__(self, **options: Any) -> None:
        options.setdefault("stripnl", False)
        options.setdefault("ensurenl", False)
        super().__init__(**options)

    def lang_lexer(self) -> RougeRegexLexer:
        return ShellLexer()

    def output_lexer(self) -> RougeRegexLexer | None:
        """A lexer for output lines, or ``None`` for plain ``Generic.Output``."""
        return None

    def get_tokens_unprocessed(self, text: str) -> TokenStream:
        lang = self.lang_lexer()
        lang.restart()
        out = self.output_lexer()
        if out is not None:
            out.restart()
        pos = 0
        while pos < len(text):
            m = _LINE.match(text, pos)
            assert m is not None
            line = m.group()
            if not line:
                break
            start = pos
            pos = m.end()
            prompt = self.prompt.match(line)
            if _ELISION.match(line) or (
                prompt is None and self.comments and _COMMENT.match(line.strip(" \t\r\n\f\v\0"))
            ):
                if out is not None:
                    out.restart()
                lang.restart()
                yield start, Comment, line
            elif prompt is not None:
                if out is not None:
                    out.restart()
                yield start, Generic.Prompt, prompt.group()
                rest = line[prompt.end() :]
                space = _LEADING_SPACE.match(rest)
                assert space is not None
                if space.group():
                    yield start + prompt.end(), Text.Whitespace, space.group()
                offset = start + prompt.end() + space.end()
                for idx, tok, val in lang.continue_tokens(rest[space.end() :]):
                    yield offset + idx, tok, val
            else:
                lang.restart()
                if out is None:
                    yield start, Generic.Output, line
                else:
                    for idx, tok, val in out.continue_tokens(line):
                        yield start + idx, tok, val


_IRB_OUTPUT_TOKENS: dict[str, Any] = dict(RubyLexer.tokens)
_IRB_OUTPUT_TOKENS.update(
    {
        "has_irb_output": [
            (r"=>", Punctuation, "#pop"),
            (r".+?(\n|$)", Generic.Output),
        ],
        "irb_error": [(r".+?(\n|$)", Generic.Error), include("has_irb_output")],
        "stdout": [
            (r"\w+?(Error|Exception):.+?(\n|$)", Generic.Error, "irb_error"),
            include("has_irb_output"),
        ],
        "root": [(r"#<", Keyword.Type, "irb_object"), *RubyLexer.tokens["root"]],
        "irb_object": [(r">", Keyword.Type, "#pop"), include("root")],
    }
)


class IrbOutputLexer(RubyLexer):
    """Rouge's ``irb_output`` lexer: ``=> value`` lines lexed as Ruby."""

    name = "IRB output (Rouge)"
    aliases = ["rouge-irb-output"]

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "expr_start", "stdout")
    tokens: dict[str, Any] = _IRB_OUTPUT_TOKENS


class IrbLexer(ConsoleLexer):
    """Rouge's ``irb`` lexer (tags irb, pry)."""

    name = "IRB (Rouge)"
    aliases = ["rouge-irb"]

    prompt: ClassVar[re.Pattern[str]] = re.compile(r".*?(irb|pry).*?[>\"*]")
    comments: ClassVar[bool] = True

    def lang_lexer(self) -> RougeRegexLexer:
        return RubyLexer()

    def output_lexer(self) -> RougeRegexLexer | None:
        return IrbOutputLexer()
