"""Rules shared by Rouge's JavaScript-derived lexers.

Rouge's ``actionscript``, ``haxe`` and ``awk`` lexers were copied from its
``javascript`` lexer and keep its machinery: an ``expr_start`` state in which
``/`` opens a regex literal, the regex states themselves, labels in
statements, ``Name.Attribute`` keys in object literals and a ``ternary``
state.  They live here once; each lexer passes what differs.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Punctuation,
    String,
    Text,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

C_COMMENTS_AND_WHITESPACE: list[Any] = [
    (r"\s+", Text),
    (r"//.*?$", Comment.Single),
    (r"(?s)/\*.*?\*/", Comment.Multiline),
]
"""``comments_and_whitespace`` of the lexers that read ``/* … */`` in one match."""


def regex_states(flags: str) -> dict[str, list[Any]]:
    """The ``regex``, ``regex_end`` and ``regex_group`` states of a ``/…/flags`` literal.

    ``regex`` is entered after the opening delimiter; ``flags`` are the
    letters allowed after the closing ``/`` (none: ``regex_end`` just pops).
    """
    end: list[Any] = [(rf"[{flags}]+", String.Regex, "#pop")] if flags else []
    return {
        "regex": [
            (r"/", String.Regex, ("#pop", "regex_end")),
            (r"[^/]\n", Error, "#pop"),
            (r"\n", Error, "#pop"),
            (r"\[\^", String.Escape, "regex_group"),
            (r"\[", String.Escape, "regex_group"),
            (r"\\.", String.Escape),
            (r"[(][?][:=<!]", String.Escape),
            (r"[{][\d,]+[}]", String.Escape),
            (r"[()?]", String.Escape),
            (r".", String.Regex),
        ],
        "regex_end": [*end, default("#pop")],
        "regex_group": [
            (r"/", String.Escape),
            (r"[^/]\n", Error, "#pop:2"),
            (r"\]", String.Escape, "#pop"),
            (r"\\.", String.Escape),
            (r".", String.Regex),
        ],
    }


def label_rule(ident: str) -> tuple[Any, ...]:
    """``name:`` at the start of a statement: a label."""
    return (rf"({ident})(\s*)(:)", bygroups(Name.Label, Text, Punctuation))


def object_state(ident: str, *, nested_braces: bool = False) -> list[Any]:
    """The inside of an object literal: ``key:`` is ``Name.Attribute``.

    With ``nested_braces`` a ``{`` inside pushes the state again.
    """
    nested: list[Any] = [(r"[{]", Punctuation, "#push")] if nested_braces else []
    return [
        include("comments_and_whitespace"),
        *nested,
        (r"[}]", Punctuation, ("#pop", "statement")),
        (rf"({ident})(\s*)(:)", bygroups(Name.Attribute, Text, Punctuation), "expr_start"),
        (r":", Punctuation),
        include("root"),
    ]


TERNARY_STATE: list[Any] = [
    (r":", Punctuation, ("#pop", "expr_start")),
    include("root"),
]
"""After ``?``: the ``:`` of the conditional starts an expression again."""


class JsLikeLexer(RougeRegexLexer):
    """A lexer whose identifiers are classified by the word lists below.

    Keywords and declarations are followed by an expression (``expr_start``);
    ``plain_keywords`` are keywords that are not.
    """

    keywords: ClassVar[frozenset[str]] = frozenset()
    declarations: ClassVar[frozenset[str]] = frozenset()
    reserved: ClassVar[frozenset[str]] = frozenset()
    constants: ClassVar[frozenset[str]] = frozenset()
    builtins: ClassVar[frozenset[str]] = frozenset()
    plain_keywords: ClassVar[frozenset[str]] = frozenset()


def identifier(lexer: JsLikeLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    """Classify an identifier by ``lexer``'s word lists (``Name.Other`` if in none)."""
    word = match.group()
    if word in lexer.keywords:
        yield 0, Keyword, word
        ctx.stack.append("expr_start")
    elif word in lexer.declarations:
        yield 0, Keyword.Declaration, word
        ctx.stack.append("expr_start")
    elif word in lexer.reserved:
        yield 0, Keyword.Reserved, word
    elif word in lexer.constants:
        yield 0, Keyword.Constant, word
    elif word in lexer.builtins:
        yield 0, Name.Builtin, word
    elif word in lexer.plain_keywords:
        yield 0, Keyword, word
    else:
        yield 0, Name.Other, word
