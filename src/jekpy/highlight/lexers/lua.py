"""Lua tokenised as Rouge 3.30's ``lua`` lexer does (including its quirks:
a float needs a following ``'``; ``gsub(…, "pattern")`` highlights the
pattern as a regex)."""

from __future__ import annotations

import re
from collections.abc import Callable
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
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.lua_words import BUILTINS


def _name_callback(gsub: bool) -> Callable[..., TokenStream]:
    """A callback for a builtin or a name with at most one ``.`` (split into its parts).

    With ``gsub``, ``gsub`` is a builtin whose string argument is a pattern.
    """

    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        name = match.group()
        if gsub and name == "gsub":
            yield 0, Name.Builtin, name
            ctx.stack.append("gsub")
        elif name in BUILTINS:
            yield 0, Name.Builtin, name
        elif "." in name:
            a, b = name.split(".", 1)
            yield 0, Name, a
            yield len(a), Punctuation, "."
            yield len(a) + 1, Name, b
        else:
            yield 0, Name, name

    return callback


_name = _name_callback(gsub=True)
dotted_name = _name_callback(gsub=False)
"""Lua's name callback without the ``gsub`` pattern state (MoonScript's)."""


NUMBER_RULES: list[Any] = [
    (r"(?i)(\d*\.\d+|\d+\.\d*)(e[+-]?\d+)?'", Number.Float),
    (r"(?i)\d+e[+-]?\d+", Number.Float),
    (r"(?i)0x[0-9a-f]*", Number.Hex),
    (r"\d+", Number.Integer),
]


class LuaLexer(RougeRegexLexer):
    """Rouge's ``lua`` lexer."""

    name = "Lua (Rouge)"
    aliases = ["rouge-lua"]

    tokens: dict[str, Any] = {
        "root": [
            (r"#!(.*?)$", Comment.Preproc),
            (r"", Text, "base"),
        ],
        "base": [
            (r"(?s)--\[(=*)\[.*?\]\1\]", Comment.Multiline),
            (r"--.*$", Comment.Single),
            *NUMBER_RULES,
            (r"\n", Text),
            (r"[^\S\n]", Text),
            (r"(?s)\[(=*)\[.*?\]\1\]", String),
            (r"(==|~=|<=|>=|\.\.\.|\.\.|[=+\-*/%^<>#])", Operator),
            (r"[\[\]{}().,:;]", Punctuation),
            (r"(and|or|not)\b", Operator.Word),
            (
                r"(break|do|else|elseif|end|for|if|in|repeat|return|then|until|while)\b",
                Keyword,
            ),
            (r"(local)\b", Keyword.Declaration),
            (r"(true|false|nil)\b", Keyword.Constant),
            (r"(function)\b", Keyword, "function_name"),
            (r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?", _name),
            (r"'", String.Single, "escape_sqs"),
            (r'"', String.Double, "escape_dqs"),
        ],
        "function_name": [
            (r"\s+", Text),
            (
                r"(?:([A-Za-z_][A-Za-z0-9_]*)(\.))?([A-Za-z_][A-Za-z0-9_]*)",
                bygroups(Name.Class, Punctuation, Name.Function),
                "#pop",
            ),
            (r"\(", Punctuation, "#pop"),
        ],
        "gsub": [
            (r"\)", Punctuation, "#pop"),
            (r"[(,]", Punctuation),
            (r"\s+", Text),
            (r'"', String.Regex, "regex"),
        ],
        "regex": [
            (r'"', String.Regex, ("#pop", "regex_end")),
            (r"\[\^?", String.Escape, "regex_group"),
            (r"\\.", String.Escape),
            (r"[(][?][:=<!]", String.Escape),
            (r"[{][\d,]+[}]", String.Escape),
            (r"[()?]", String.Escape),
            (r".", String.Regex),
        ],
        "regex_end": [
            (r"[$]+", String.Regex, "#pop"),
            default("#pop"),
        ],
        "regex_group": [
            (r"/", String.Escape),
            (r"\]", String.Escape, "#pop"),
            (r"(\\)(.)", bygroups(String.Escape, String.Regex)),
            (r".", String.Regex),
        ],
        "escape_sqs": [include("string_escape"), include("sqs")],
        "escape_dqs": [include("string_escape"), include("dqs")],
        "string_escape": [(r"\\([abfnrtv\\\"']|\d{1,3})", String.Escape)],
        "sqs": [(r"'", String.Single, "#pop"), (r"[^']+", String.Single)],
        "dqs": [(r'"', String.Double, "#pop"), (r'[^"]+', String.Double)],
    }
