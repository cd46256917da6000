"""J tokenised as Rouge 3.30's ``j`` lexer does.

A primitive's class (noun, verb, modifier, …) depends on its character and
its inflection (the ``.``/``:`` suffix), as in J's NuVoc table; an unknown
inflection is an ``Error``.  Explicit definitions (``3 : 0``, ``verb define``)
switch to a code or noun body up to a lone ``)``; ``Note`` starts a comment
block on the next line; ``'…'`` after ``dyad def`` is lexed as code.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set

KIND_TOKENS: dict[str | None, TokenType] = {
    "noun": Keyword.Constant,
    "verb": Name.Function,
    "modifier": Operator,
    "name": Name,
    "param": Name.Builtin.Pseudo,
    "other": Punctuation,
    None: Error,
}
INFLECTIONS = ["", ".", ":", "..", ".:", ":.", "::"]

_N = None
_V, _M, _O, _NAME, _P, _NOUN = "verb", "modifier", "other", "name", "param", "noun"
_TABLE_ROWS: dict[str, list[str | None]] = {
    "()": [_O],
    "=": [_V, _O, _O],
    "<>+-*%$|,#": [_V, _V, _V],
    "^": [_V, _V, _M],
    '~"': [_M, _V, _V],
    ".:@": [_M, _M, _M],
    ";": [_V, _M, _V],
    "!": [_V, _M, _M],
    "/\\": [_M, _M, _V],
    "[": [_V, _N, _V],
    "]": [_V],
    "{": [_V, _V, _V, _N, _N, _N, _V],
    "}": [_M, _V, _V, _N, _N, _N, _M],
    "`": [_M, _N, _M],
    "&": [_M, _M, _M, _N, _M],
    "?": [_V, _V],
    "a": [_NAME, _NOUN, _NOUN],
    "ACeEIjorv": [_NAME, _V],
    "bdfHMT": [_NAME, _M],
    "Dt": [_NAME, _M, _M],
    "F": [_NAME, _M, _M, _M, _M, _M, _M],
    "iu": [_NAME, _V, _V],
    "L": [_NAME, _V, _M],
    "mny": [_P],
    "p": [_NAME, _V, _V, _V],
    "qsZ": [_NAME, _N, _V],
    "S": [_NAME, _N, _M],
    "u": [_P, _V, _V],
    "v": [_P, _V],
    "x": [_P, _N, _V],
}
PRIMITIVES: dict[str, list[str | None]] = {
    char: kinds for chars, kinds in _TABLE_ROWS.items() for char in chars
}

CONTROL_WORDS = word_set(
    """assert break case catch catchd catcht continue do else elseif end
    fcase for if return select throw try while whilst"""
)
CONTROL_WORDS_ID = word_set("for goto label")


def primitive_token(char: str, inflection: str) -> TokenType:
    if inflection not in INFLECTIONS:
        return Error
    kinds = PRIMITIVES.get(char, [_NAME])
    i = INFLECTIONS.index(inflection)
    return KIND_TOKENS[kinds[i] if i < len(kinds) else None]


def _primitive(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, primitive_token(match.group(1), match.group(2)), match.group()


def _if_plain(tok: TokenType) -> Any:
    """``tok`` when the match has no inflection (group 1), else ``Error``."""

    def callback(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
        yield 0, tok if not match.group(1) else Error, match.group()

    return callback


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name, suffix = match.group(1), match.group(2)
    if suffix != ".":
        yield 0, Name if not suffix else Error, match.group()
        return
    word, sep, ident = name.partition("_")
    words = CONTROL_WORDS if not sep else CONTROL_WORDS_ID if ident else None
    if words is None or word not in words:
        yield 0, Error, match.group()
        return
    yield 0, Keyword, word + sep
    yield len(word + sep), Name if word == "for" else Name.Label, ident
    yield match.start(2), Keyword, suffix


def _newline(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Text, match.group()
    if lexer.note_next:
        ctx.stack.append("note")
        lexer.note_next = False


def _definition(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from bygroups(Keyword.Pseudo, Text, Keyword.Pseudo, Text)(lexer, match, ctx)
    lexer.def_body = "noun" if match.group(1) in ("0", "noun") else "code"
    if match.group(3) == "define":
        if len(ctx.stack) > 1:
            ctx.stack.pop()
        ctx.stack.extend([lexer.def_body, "def_next"])
    else:
        ctx.stack.append("expl_def")


def _note(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from bygroups(Text, Name, Text)(lexer, match, ctx)
    lexer.note_next = True


def _body_zero(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword.Pseudo, match.group()
    if len(ctx.stack) > 2:
        ctx.stack.pop()
    ctx.stack[-1] = lexer.def_body
    ctx.stack.append("def_next")


def _body_quote(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if lexer.def_body == "noun":
        yield 0, String.Single, match.group()
        ctx.stack[-1] = "str"
    else:
        yield 0, Punctuation, match.group()
        ctx.stack[-1] = "q_expr"


class JLexer(RougeRegexLexer):
    """Rouge's ``j`` lexer."""

    name = "J (Rouge)"
    aliases = ["rouge-j"]

    note_next: bool
    def_body: str | None = None

    def reset(self) -> None:
        self.note_next = False

    tokens: dict[str, Any] = {
        "expr": [
            (r"\s+", Text),
            (r"([!-&(-/:-@\[-^`{-~]|[A-Za-z]\b)([.:]*)", _primitive),
            (r"(?:\d|_\d?):([.:]*)", _if_plain(Name.Function)),
            (r"[\d_][\w.]*([.:]*)", _if_plain(Number)),
            (r"'", String.Single, "str"),
            (r"NB\.(?![.:]).*", Comment.Single),
            (r"([A-Za-z]\w*)([.:]*)", _word),
        ],
        "str": [
            (r"''", String.Escape),
            (r"[^'\n]+", String.Single),
            (r"'|$", String.Single, "#pop"),
        ],
        "root": [
            (r"\n", _newline),
            (
                r"([0-4]|13|adverb|conjunction|dyad|monad|noun|verb)([ \t]+)"
                r"(def(?:ine)?\b|:)(?![.:])([ \t]*)",
                _definition,
            ),
            (r"^([ \t]*)(Note\b(?![.:]))([ \t\r]*)(?!=[.:]|$)", _note),
            (r"[mnuvxy]\b(?![.:])", Name),
            include("expr"),
        ],
        "def_next": [
            (r"\n", Text, "#pop"),
            include("root"),
        ],
        "expl_def": [
            (r"0\b(?![.:])", _body_zero),
            (r"'", _body_quote),
            (r"", Text, "#pop"),
        ],
        "q_expr": [
            (r"''", String.Single, "q_str"),
            (r"'|$", Punctuation, "#pop"),
            (r"NB\.(?![.:])(?:[^'\n]|'')*", Comment.Single),
            include("expr"),
        ],
        "q_str": [
            (r"''''", String.Escape),
            (r"[^'\n]+", String.Single),
            (r"''", String.Single, "#pop"),
            (r"'|$", Punctuation, "#pop:2"),
        ],
        "note": [
            include("delimiter"),
            (r".+\n?", Comment.Multiline),
        ],
        "noun": [
            include("delimiter"),
            (r".+\n?", String.Heredoc),
        ],
        "code": [
            include("delimiter"),
            (r"^([ \t]*)(:)([ \t\r]*)$", bygroups(Text, Punctuation, Text)),
            include("expr"),
        ],
        "delimiter": [
            (r"^([ \t]*)(\))([ \t\r]*$\n?)", bygroups(Text, Punctuation, Text), "#pop"),
        ],
    }
