"""Coq tokenised as Rouge 3.30's ``coq`` lexer does, including its handling
of dotted names (``A.B.c``) and sentence-ending dots."""

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
from jekpy.highlight.lexers import coq_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.base import classify as _word_table

GALLINA = frozenset(["as", "fun", "if", "in", "let", "match", "then", "else", "return", "end", "Type", "Set", "Prop", "forall"])
COQ = frozenset(
    _words.COQ
)
LTAC = frozenset(
    _words.LTAC
)
TACTICALS = frozenset(["repeat", "first", "try"])
TERMINATORS = frozenset(["omega", "solve", "congruence", "reflexivity", "exact", "assumption", "eassumption"])
KEYOPTS = frozenset(
    [":=", "=>", "->", "/\\", "\\/", "_", ";", ":>", ":", "⇒", "→", "↔", "⇔", "≔", "≡", "∀", "∃", "∧", "∨", "¬", "⊤", "⊥", "⊢", "⊨", "∈"]
)
END_SENTENCE = Punctuation.Indicator
_OPERATOR = re.compile(r"[\[\];,{}_()!$%&*+./:<=>?@^|~#-]")
ID = r"(?i:(?:[a-z][\w']*)|(?:[_a-z][\w']+))"


_CLASSES = (
    (COQ, Keyword),
    (GALLINA, Keyword.Reserved),
    (LTAC, Keyword.Pseudo),
    (TERMINATORS, Name.Exception),
    (TACTICALS, Keyword.Pseudo),
)
#: a name followed by a character other than a dot, in one step: the token ``_start_id``
#: then ``_end_id`` give it (a name that ends the text gets none: ``continue_id`` never runs)
_undotted_name = _word_table(_CLASSES, Name.Constant)
_NAME_CLASSES = dict(_undotted_name.lookup)


def classify(word: str) -> TokenType:
    return _NAME_CLASSES.get(word, Name.Constant)


# What ``_char`` gives one character, as plain rules: the one-character KEYOPTS, then
# the other operator characters (the rest is ``_char``'s ``Error``).
_PUNCTUATION_CHARS = "".join(sorted(c for c in KEYOPTS if len(c) == 1))
_OPERATOR_CHARS = "".join(sorted(set(r"[];,{}_()!$%&*+./:<=>?@^|~#-") - set(_PUNCTUATION_CHARS)))

#: rules that only make common steps shorter (tests/highlight/test_coq_shortcuts.py
#: checks that the lexer without them gives the same tokens)
SHORTCUT_NAME = (rf"{ID}(?=[^\w'.])", _undotted_name)  # an ID ends where [\w'] do
SHORTCUT_CHARS = [
    (f"[{re.escape(_PUNCTUATION_CHARS)}]", Punctuation),
    (f"[{re.escape(_OPERATOR_CHARS)}]", Operator),
]


def _set_options(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group(1)
    for i in (2, 4):
        yield match.start(i), Text.Whitespace, match.group(i)
        yield match.start(i + 1), Keyword, match.group(i + 1)
    # (Rouge raises when whitespace precedes the final dot)
    yield match.start(6), Text.Whitespace, match.group(6)
    yield match.end() - 1, END_SENTENCE, "."


def _start_id(lexer: CoqLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.current_name = match.group()
    lexer.dotted = False
    ctx.stack.append("continue_id")
    yield from ()


def _dot_id(lexer: CoqLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Name.Namespace, lexer.current_name
    yield 0, Punctuation, "."
    lexer.dotted = True
    lexer.current_name = match.group(1)


def _name_token(lexer: CoqLexer) -> tuple[TokenType, str]:
    return (Name.Constant if lexer.dotted else classify(lexer.current_name)), lexer.current_name


def _dot_space(lexer: CoqLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok, name = _name_token(lexer)
    yield 0, tok, name
    yield 0, END_SENTENCE, "."
    yield 0, Text.Whitespace, match.group(1)
    ctx.stack.pop()


def _end_id(lexer: CoqLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    tok, name = _name_token(lexer)
    yield 0, tok, name
    ctx.stack.pop()


def _char(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    char = match.group()
    if char in KEYOPTS:
        tok = Punctuation
    elif _OPERATOR.search(char):
        tok = Operator
    else:
        tok = Error
    yield 0, tok, char


class CoqLexer(RougeRegexLexer):
    """Rouge's ``coq`` lexer."""

    name = "Coq (Rouge)"
    aliases = ["rouge-coq"]

    current_name = ""
    dotted = False

    tokens: dict[str, Any] = {
        "root": [
            (r"[(][*](?![)])", Comment, "comment"),
            (r"\s+", Text.Whitespace),
            (r"(Module)(\s+)(Type)(\s+)", bygroups(Keyword, Text.Whitespace, Keyword, Text.Whitespace)),
            (
                r"(Set|Unset)(\s+)(Universe|Printing|Implicit|Strict)(\s+)"
                r"(Polymorphism|All|Notations|Arguments|Universes|Implicit)(\s*)\.",
                _set_options,
            ),
            SHORTCUT_NAME,
            (ID, _start_id),
            (r"/\\", Operator),
            (r"\\/", Operator),
            (r"(?i)-?\d[\d_]*(.[\d_]*)?(e[+-]?\d[\d_]*)", Number.Float),
            (r"\d[\d_]*", Number.Integer),
            (r"'(?:(\\[\\\"'ntbr ])|(\\[0-9]{3})|(\\x[0-9a-fA-F]{2}))'", String.Char),
            (r"'", Keyword),
            (r'"', String.Double, "string"),
            (rf"[~?]{ID}", Name.Variable),
            *SHORTCUT_CHARS,
            (r".", _char),
        ],
        "comment": [
            (r"[^(*)]+", Comment),
            (r"[(][*]", Comment, "#push"),
            (r"[*][)]", Comment, "#pop"),
            (r"[(*)]", Comment),
        ],
        "string": [
            (r'(?:\\")+|[^"]', String.Double),
            include("escape_sequence"),
            (r"\\\n", String.Double),
            (r'"', String.Double, "#pop"),
        ],
        "escape_sequence": [(r"\\[\\\"'ntbr]", String.Escape)],
        "continue_id": [
            (rf"\.({ID})", _dot_id),
            (r"\.(\s+)", _dot_space),
            (r"", _end_id),
        ],
    }
