"""syzkaller programs tokenised as Rouge 3.30's ``syzprog`` lexer does.

Each line is ``[rN = ]call$variant(args) (mods)``; ``rN`` resources are
``Keyword.Pseudo``, the ``$variant`` part ``Name.Function.Magic``.
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
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify, word_set

KEYWORDS = word_set(
    """ANY ANYBLOB ANYPTR ANYPTR64 ANYPTRS ANYRES16 ANYRES32 ANYRES64
    ANYRESDEC ANYRESHEX ANYRESOCT ANYUNION AUTO false nil true void
    async fail_nth rerun"""
)

COMMENT = r"#.*$"
ID = r"[a-zA-Z_][a-zA-Z0-9_]*"
NUM_ID = r"[a-zA-Z0-9_]+"
RES_ID = r"r[0-9]+"


_word = classify([(KEYWORDS, Keyword)], Name)


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from bygroups(Name.Function, Punctuation, Name.Function.Magic, Text, Punctuation)(
        lexer, match, ctx
    )
    ctx.stack.extend(["syscall_mods", "inline_break", "syscall_args", "space_break"])


def _break(spaces: str, comments: bool) -> list[Any]:
    rules: list[Any] = [(spaces, Text)]
    if comments:
        rules.append((COMMENT, Comment))
    rules.append((r"", Text, "#pop"))
    return rules


class SyzprogLexer(RougeRegexLexer):
    """Rouge's ``syzprog`` lexer."""

    name = "Syzprog (Rouge)"
    aliases = ["rouge-syzprog"]

    tokens: dict[str, Any] = {
        "inline_break": _break(r"[ \t]+", comments=False),
        "eol_break": _break(r"[\n\r]+", comments=True),
        "space_break": _break(r"\s+", comments=True),
        "mixin_number": [
            (r"(?i)-?0x[\da-f]+", Number.Hex),
            (r"-?\d+", Number.Integer),
        ],
        "mixin_string": [
            (r'"[^"]*"', String.Double),
            (r"`[^`]*`", String.Backtick),
            (r"'[^']*'", String.Single),
        ],
        "mixin_term": [
            include("mixin_number"),
            include("mixin_string"),
            (RES_ID, Keyword.Pseudo),
            (ID, _word),
        ],
        "mods_list": [
            (r"\s+", Text),
            (COMMENT, Comment),
            include("mixin_term"),
            (r"[,:]", Punctuation),
            (r"\)", Punctuation, "#pop"),
        ],
        "syscall_mods": [
            (r"\(", Punctuation, "mods_list"),
            (r"", Text, "#pop"),
        ],
        "syscall_args": [
            (r"\s+", Text),
            (COMMENT, Comment),
            include("mixin_term"),
            (r"[@&=,<>{}\[\]]", Punctuation),
            (r"[!#$%^*\-+/|~:;.?]", Punctuation),
            (r"\(", Punctuation, "syscall_args"),
            (r"\)", Punctuation, "#pop"),
        ],
        "root": [
            (r"\s+", Text),
            (COMMENT, Comment),
            (rf"({RES_ID})(\s+)(=)", bygroups(Keyword.Pseudo, Text, Punctuation)),
            (rf"({ID})(\$)?({NUM_ID})?(\s+)?(\()", _call),
        ],
    }
