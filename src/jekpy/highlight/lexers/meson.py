"""Meson build files tokenised as Rouge 3.30's ``meson`` lexer does.

Shapes from Rouge: a name before ``(`` is one token together with the blanks
in between (``Name.Builtin`` for Meson's functions only without blanks, else
``Name``, even for ``if``); a name followed by ``:`` is a plain ``Name``; numbers have
no fractions; ``f'…'`` strings lex ``@var@`` as Meson again.
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
)
from jekpy.highlight.lexers import meson_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify, word_set
from jekpy.highlight.lexers.python import IDENT, _string_quote

KEYWORDS = word_set("continue break elif else endif if true false foreach endforeach")
BUILTIN_VARIABLES = word_set("meson host_machine build_machine target_machine")
BUILTIN_FUNCTIONS = _words.BUILTIN_FUNCTIONS

ESCAPE = (
    r"\\(?:[\\abfnrtv']|N\{[a-zA-Z][a-zA-Z ]+[a-zA-Z]\}"
    r"|u[a-fA-F0-9]{4}|U[a-fA-F0-9]{8}|x[a-fA-F0-9]{2}|[0-7]{1,3})"
)


# the match includes the blanks: ``test (`` is no builtin
_call = classify([(BUILTIN_FUNCTIONS, Name.Builtin)], Name)


_word = classify([(BUILTIN_VARIABLES, Name.Builtin), (KEYWORDS, Keyword)], Name)


def _string_open(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String.Affix, match.group(1)
    yield match.start(2), String, match.group(2)
    lexer.strings.append((match.group(1).lower(), match.group(2)))
    ctx.stack.append("generic_string")


def _at(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if lexer.strings and "f" in lexer.strings[-1][0]:
        yield 0, String.Interpol, "@"
        ctx.stack.append("generic_interpol")
    else:
        yield 0, String, "@"


def _recurse(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from type(lexer)().get_tokens_unprocessed(match.group())


class MesonLexer(RougeRegexLexer):
    """Rouge's ``meson`` lexer."""

    name = "Meson (Rouge)"
    aliases = ["rouge-meson"]

    strings: list[tuple[str, str]]

    def reset(self) -> None:
        self.strings = []

    tokens: dict[str, Any] = {
        "root": [
            (r"\n+", Text),
            (r"[^\S\n]+", Text),
            (r"#(.*)?\n?", Comment.Single),
            (r"[\[\]{}:(),;.]", Punctuation),
            (r"\\\n", Text),
            (r"\\", Text),
            (r"(in|and|or|not)\b", Operator.Word),
            (r"[-+/*%=<>]=?|!=", Operator),
            (r"(?i)(f?)('''|')", _string_open),
            (rf"{IDENT}\b\s*(?=\()", _call),
            (rf"{IDENT}(?!\s*?:)", _word),
            (IDENT, Name),
            (r"(?i)0b(?:_?[0-1])+", Number.Bin),
            (r"(?i)0o(?:_?[0-7])+", Number.Oct),
            (r"(?i)0x(?:_?[a-f0-9])+", Number.Hex),
            (r"[1-9](?:_?[0-9])*|0(?:_?0)*", Number.Integer),
        ],
        "generic_string": [
            (r"[^'\\@]+", String),
            (r"'''|'", _string_quote),
            (r"(?=\\)", String, "generic_escape"),
            (r"@", _at),
        ],
        "generic_escape": [
            (ESCAPE, String.Escape, "#pop"),
            (r"\\.", String, "#pop"),
        ],
        "generic_interpol": [
            (r"[^@]+", _recurse),
            (r"@", String.Interpol, "#pop"),
        ],
    }
