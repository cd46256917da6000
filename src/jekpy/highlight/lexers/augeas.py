"""Augeas lenses tokenised as Rouge 3.30's ``augeas`` lexer does."""

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

RESERVED = frozenset(
    ["_", "let", "del", "store", "value", "counter", "seq", "key", "label", "autoload", "incl", "excl", "transform", "test", "get", "put", "in", "after", "set", "clear", "insa", "insb", "print_string", "print_regexp", "print_endline", "print_tree", "lens_ctype", "lens_atype", "lens_ktype", "lens_vtype", "lens_format_atype", "regexp_match"]
)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group()
    if name == "module":
        yield 0, Keyword.Reserved, name
        ctx.stack.append("module")
        return
    if name in RESERVED:
        tok = Keyword.Reserved
    elif "A" <= name[0] <= "Z":
        tok = Keyword.Namespace
    else:
        tok = Name
    yield 0, tok, name


class AugeasLexer(RougeRegexLexer):
    """Rouge's ``augeas`` lexer (tags augeas, aug)."""

    name = "Augeas (Rouge)"
    aliases = ["rouge-augeas"]

    tokens: dict[str, Any] = {
        "basic": [
            (r"\s+", Text),
            (r"\(\*", Comment.Multiline, "comment"),
        ],
        "comment": [
            (r"\*\)", Comment.Multiline, "#pop"),
            (r"\(\*", Comment.Multiline, "comment"),
            (r"[^*)]+", Comment.Multiline),
            (r"[*)]", Comment.Multiline),
        ],
        "root": [
            include("basic"),
            (r"(:)(\w\w*)", bygroups(Punctuation, Keyword.Type)),
            (r"\w[\w']*", _word),
            (r'"', String, "string"),
            (r"/", String, "regexp"),
            (r"[-*+.=?\|]+", Operator),
            (r"[\[\](){}:;]", Punctuation),
        ],
        "module": [
            (r"\s+", Text),
            (r"[A-Z][a-zA-Z0-9_.]*", Name.Namespace, "#pop"),
        ],
        "regexp": [
            (r"/", String.Regex, "#pop"),
            (r"[^\\/]+", String.Regex),
            (r"\\[\\/]", String.Regex),
            (r"\\", String.Regex),
        ],
        "string": [
            (r'"', String, "#pop"),
            (r"\\", String.Escape, "escape"),
            (r'[^\\"]+', String),
        ],
        "escape": [
            (r"[abfnrtv\"'&\\]", String.Escape, "#pop"),
            (r"\^[\]\[A-Z@\^_]", String.Escape, "#pop"),
            (r"(?i)o[0-7]+", String.Escape, "#pop"),
            (r"(?i)x[\da-f]+", String.Escape, "#pop"),
            (r"\d+", String.Escape, "#pop"),
            (r"\s+", String.Escape, "#pop"),
            (r".", String, "#pop"),
        ],
    }
