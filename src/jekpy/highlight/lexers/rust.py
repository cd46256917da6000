"""Rust tokenised as Rouge 3.30's ``rust`` lexer does.

Calls (``name(``) are ``Name.Function``, ``.field`` is ``Name.Property``,
``path::`` segments ``Name.Namespace``, macros ``Name.Decorator`` with their
bracket depth tracked so the macro state ends at the matching close.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

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
    TokenType,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import rust_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

_KEYWORDS = _words.KEYWORDS

BUILTINS = frozenset(
    _words.BUILTINS
)

IDENT = r"(?u:[^\W\d])(?u:\w)*"
_HEX = "[0-9a-fA-F]"
_ESCAPES = rf"\\(?:[nrt'\"\\0]|x{_HEX}{{2}}|u\{{(?:{_HEX}_*){{1,6}}\}})"
_SIZE = "(?:8|16|32|64|128|size)"
_DOT = r"(?:[.][0-9][0-9_]*)"
_EXP = r"(?:[eE][-+]?[0-9_]+)"
_FLT = r"(?:f32|f64)"
_CLOSER = {"[": "]", "(": ")", "{": "}"}


_word = classify([(BUILTINS, Name.Builtin)], Name)


def _open(lexer: RustLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.depth[_CLOSER[match.group()]] += 1
    yield 0, Punctuation, match.group()


def _close(lexer: RustLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    lexer.depth[match.group()] -= 1
    if all(v == 0 for v in lexer.depth.values()):
        ctx.stack.pop()
    yield 0, Punctuation, match.group()


def _nested(tok: TokenType, state: str) -> list[Any]:
    return [
        (r"\*/", tok, "#pop"),
        (r"/\*", tok, state),
        (r"[^*/]+|[*/]", tok),
    ]


def attribute_states(literals: str, ident: str) -> dict[str, list[Any]]:
    """``bol`` (a ``# …`` line at a line start) and ``attribute`` (inside ``#[…]``).

    ``literals`` names the state of the literals, ``ident`` is the name pattern.
    """
    return {
        "bol": [
            include("whitespace"),
            (r"#\s[^\n]*", Comment.Special),
            default("#pop"),
        ],
        "attribute": [
            include("whitespace"),
            include(literals),
            (r"[(,)=:]", Name.Decorator),
            (r"\]", Name.Decorator, "#pop"),
            (ident, Name.Decorator),
        ],
    }


class RustLexer(RougeRegexLexer):
    """Rouge's ``rust`` lexer (tags rust, rs)."""

    name = "Rust (Rouge)"
    aliases = ["rouge-rust"]

    depth: dict[str, int]

    def reset(self) -> None:
        self.depth = {"]": 0, ")": 0, "}": 0}

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "bol")

    tokens: dict[str, Any] = {
        **attribute_states("has_literals", IDENT),
        "whitespace": [(r"\s+", Text), include("comments")],
        "comments": [
            (r"////+[^\n]*", Comment.Single),
            (r"//[/!][^\n]*", Comment.Doc),
            (r"//[^\n]*", Comment.Single),
            (r"/\*\*\*?/", Comment.Multiline),
            (r"/\*\*\*+", Comment.Multiline, "nested_plain_block"),
            (r"/[*][*!]", Comment.Doc, "nested_doc_block"),
            (r"/[*]", Comment.Multiline, "nested_plain_block"),
        ],
        "nested_plain_block": _nested(Comment.Multiline, "nested_plain_block"),
        "nested_doc_block": _nested(Comment.Doc, "nested_doc_block"),
        "root": [
            (r"\n", Text, "bol"),
            include("whitespace"),
            (r"#!?\[", Name.Decorator, "attribute"),
            (r"\b(?:" + "|".join(_KEYWORDS) + r")\b", Keyword),
            include("has_literals"),
            (r"[=-]>", Keyword),
            (r"<->", Keyword),
            (r"[()\[\]{}|,:;]", Punctuation),
            (r"[*/!@~&+%^<>=?-]|\.{2,3}", Operator),
            (rf"([.]\s*)?{IDENT}(?=\s*[(])", Name.Function),
            (r"[.]\s*await\b", Keyword),
            (rf"[.]\s*{IDENT}", Name.Property),
            (r"[.]\s*\d+", Name.Attribute),
            (rf"({IDENT})(::)", bygroups(Name.Namespace, Punctuation)),
            (r"\bmacro_rules!", Name.Decorator, "macro_rules"),
            (rf"{IDENT}!", Name.Decorator, "macro"),
            (r"'static\b", Keyword),
            (rf"'{IDENT}", Name.Variable),
            (IDENT, _word),
        ],
        "macro": [
            include("has_literals"),
            (r"[\[{(]", _open),
            (r"[\]})]", _close),
            (rf"{IDENT}!", Name.Decorator),
            include("root"),
            (r".", Text),
        ],
        "macro_rules": [
            (rf"[$]{IDENT}(:{IDENT})?", Name.Variable),
            (r"[$]", Name.Variable),
            include("macro"),
        ],
        "has_literals": [
            (r"\b(?:true|false)\b", Keyword.Constant),
            (rf"b?'(?:{_ESCAPES}|[^\\])'", String.Char),
            (r'b?"', String, "string"),
            (r'(?s)b?r(#*)".*?"\1', String),
            (
                rf"[0-9][0-9_]*(?:{_DOT}{_EXP}?{_FLT}?|{_DOT}?{_EXP}{_FLT}?|{_DOT}?{_EXP}?{_FLT}"
                r"|[.](?![._]|(?u:[^\W\d])))",
                Number.Float,
            ),
            (
                rf"(?:0b[10_]+|0x[0-9a-fA-F_]+|0o[0-7_]+|[0-9][0-9_]*)(?:u{_SIZE}?|i{_SIZE})?",
                Number.Integer,
            ),
        ],
        "string": [
            (r'"', String, "#pop"),
            (_ESCAPES, String.Escape),
            (r'[^"\\]+', String),
        ],
    }
