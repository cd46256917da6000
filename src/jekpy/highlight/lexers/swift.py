"""Swift tokenised as Rouge 3.30's ``swift`` lexer does.

Capitalised identifiers are ``Keyword.Type``; a name before ``(`` is a
function (or a type when capitalised); ``label:`` is ``Name.Variable``.
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
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import swift_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.unicode_classes import category_class

_ASTRAL = "[\U00010000-\U0010ffff]"
_ID_HEAD = rf"(?:_|(?u:[^\W\d_])|{_ASTRAL})"
_ID_REST = rf"(?:(?u:\w)|{_ASTRAL})"
ID = rf"{_ID_HEAD}{_ID_REST}*"
_UPPER = re.compile(f"[{category_class('Lu')}]")

KEYWORDS = frozenset(
    _words.KEYWORDS
)
DECLARATIONS = frozenset(
    ["actor", "class", "deinit", "enum", "convenience", "extension", "final", "func", "import", "init", "internal", "lazy", "let", "nonisolated", "optional", "private", "protocol", "public", "required", "static", "struct", "subscript", "typealias", "var", "dynamic", "indirect", "associatedtype", "open", "fileprivate", "some"]
)
CONSTANTS = frozenset(["true", "false", "nil"])


def _access(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if match.group(3) == "set":
        yield 0, Keyword.Declaration, match.group()
    else:
        toks = [Keyword.Declaration, Keyword.Declaration, Error, Keyword.Declaration]
        for i, tok in enumerate(toks, start=1):
            yield match.start(i), tok, match.group(i)


def _unowned(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if match.group(2) in ("safe", "unsafe"):
        yield 0, Keyword.Declaration, match.group()
    else:
        for i, tok in enumerate([Keyword.Declaration, Error, Keyword.Declaration], start=1):
            yield match.start(i), tok, match.group(i)


def _call(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    yield 0, (Keyword.Type if _UPPER.match(word) else Name.Function), word


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in KEYWORDS:
        tok = Keyword
    elif word in DECLARATIONS:
        tok = Keyword.Declaration
    elif word in CONSTANTS:
        tok = Keyword.Constant
    elif _UPPER.match(word):
        tok = Keyword.Type
    else:
        tok = Name
    yield 0, tok, word


class SwiftLexer(RougeRegexLexer):
    """Rouge's ``swift`` lexer."""

    name = "Swift (Rouge)"
    aliases = ["rouge-swift"]

    initial_stack = ("root", "bol")

    tokens: dict[str, Any] = {
        "bol": [
            (r"#.*", Comment.Preproc),
            include("inline_whitespace"),
            default("#pop"),
        ],
        "inline_whitespace": [(r"\s+", Text), include("has_comments")],
        "whitespace": [
            (r"\n+", Text, "bol"),
            (r"//.*?$", Comment.Single, "bol"),
            include("inline_whitespace"),
        ],
        "has_comments": [(r"/[*]", Comment.Multiline, "nested_comment")],
        "nested_comment": [
            include("has_comments"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^*/]+", Comment.Multiline),
            (r".", Comment.Multiline),
        ],
        "root": [
            include("whitespace"),
            (r"\$(([1-9]\d*)?\d)", Name.Variable),
            (r"[()\[\]{}:;,?\\]", Punctuation),
            (r"[-/=+*%<>!&|^.~]+", Operator),
            (r'@?"', String, "dq"),
            (r"'(\\.|.)'", String.Char),
            (
                r"(?i)(\d+(?:_\d+)*\*|(?:\d+(?:_\d+)*)*\.\d+(?:_\d)*)(e[+-]?\d+(?:_\d)*)?",
                Number.Float,
            ),
            (r"(?i)\d+e[+-]?[0-9]+", Number.Float),
            (r"0o?[0-7]+(?:_[0-7]+)*", Number.Oct),
            (
                r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*((\.[0-9A-F]+(?:_[0-9A-F]+)*)?p[+-]?\d+)?",
                Number.Hex,
            ),
            (r"0b[01]+(?:_[01]+)*", Number.Bin),
            (r"[\d]+(?:_\d+)*", Number.Integer),
            (rf"@{ID}", Keyword.Declaration),
            (r"(private|internal)(\([ ]*)(\w+)([ ]*\))", _access),
            (r"(unowned\([ ]*)(\w+)([ ]*\))", _unowned),
            (r"#available\([^)]+\)", Keyword.Declaration),
            (
                r"(#(?:selector|keyPath)\()([^)]+?(?:[(].*?[)])?)(\))",
                bygroups(Keyword.Declaration, Name.Function, Keyword.Declaration),
            ),
            (r"#(line|file|column|function|dsohandle)", Keyword.Declaration),
            (rf"(let|var)\b(\s*)({ID})", bygroups(Keyword, Text, Name.Variable)),
            (r"(let|var)\b(\s*)([(])", bygroups(Keyword, Text, Punctuation), "tuple"),
            (
                rf"(?!\b(if|while|for|private|internal|unowned|switch|case)\b)\b{ID}"
                r"(?=(\?|!)?\s*[(])",
                _call,
            ),
            (r"as[?!]?(?=\s)", Keyword),
            (r"try[!]?(?=\s)", Keyword),
            (
                rf"(#?(?!default)(?![{category_class('Lu')}]){ID})(\s*)(:)",
                bygroups(Name.Variable, Text, Punctuation),
            ),
            (ID, _word),
            (rf"(`)({ID})(`)", bygroups(Punctuation, Name.Variable, Punctuation)),
        ],
        "tuple": [
            (rf"({ID})", Name.Variable),
            (rf"(`)({ID})(`)", bygroups(Punctuation, Name.Variable, Punctuation)),
            (r",", Punctuation),
            (r"[(]", Punctuation, "#push"),
            (r"[)]", Punctuation, "#pop"),
            include("inline_whitespace"),
        ],
        "dq": [
            (r"\\[\\0tnr'\"]", String.Escape),
            (r"\\[(]", String.Escape, "interp"),
            (r"\\u\{[0-9a-fA-F]{1,8}\}", String.Escape),
            (r'[^\\"]+', String),
            (r'"""', String, "#pop"),
            (r'"', String, "#pop"),
        ],
        "interp": [
            (r"[(]", Punctuation, "interp_inner"),
            (r"[)]", String.Escape, "#pop"),
            include("root"),
        ],
        "interp_inner": [
            (r"[(]", Punctuation, "#push"),
            (r"[)]", Punctuation, "#pop"),
            include("root"),
        ],
    }
