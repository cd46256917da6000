"""Objective-C tokenised as Rouge 3.30's ``objective_c`` lexer does: the C
grammar plus ``@``-literals, message sends and method definitions."""

from __future__ import annotations

import re
from typing import Any, ClassVar

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
from jekpy.highlight.lexers.base import TokenStream
from jekpy.highlight.lexers.c import _C_TOKENS, _CPP_TOKENS, CLexer, CppLexer

ID = r"[a-zA-Z$_][a-zA-Z0-9$_]*"
AT_KEYWORDS = frozenset(
    ["selector", "private", "protected", "public", "encode", "synchronized", "try", "throw", "catch", "finally", "end", "property", "synthesize", "dynamic", "optional", "interface", "implementation", "import", "autoreleasepool"]
)
AT_BUILTINS = frozenset(["true", "false", "YES", "NO"])


def _at_word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group(1)
    if word in AT_KEYWORDS:
        tok = Keyword
    elif word in AT_BUILTINS:
        tok = Name.Builtin
    else:
        tok = Error
    yield 0, tok, match.group()


def _recurse(lexer: Any, text: str, offset: int) -> TokenStream:
    for idx, tok, val in type(lexer)().get_tokens_unprocessed(text):
        yield offset + idx, tok, val


def _method_start(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Keyword, match.group(1)
    yield match.start(2), Text, match.group(2)
    if match.group(3):
        yield from _recurse(lexer, match.group(3), match.start(3))
    yield match.start(4), Text, match.group(4)
    ctx.stack.append("method_definition")


def _typed_arg(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield from _recurse(lexer, match.group(1), 0)
    yield match.start(2), Name.Variable, match.group(2)


def _forward_more(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    for i, tok in enumerate([Name.Class, Text, Punctuation, Text], start=1):
        yield match.start(i), tok, match.group(i)
    ctx.stack.append(ctx.stack[-1])


_OBJC_STATEMENTS: list[Any] = [
    (r'@"', String, "string"),
    (r"@'(\\[0-7]{1,3}|\\x[a-fA-F0-9]{1,2}|\\.|[^\\'\n]')", String.Char),
    (r"(?i)@(\d+[.]\d*|[.]\d+|\d+)e[+-]?\d+l?", Number.Float),
    (r"(?i)@(\d+[.]\d*|[.]\d+|\d+f)f?", Number.Float),
    (r"@0x[0-9a-fA-F]+[lL]?", Number.Hex),
    (r"(?i)@0[0-7]+l?", Number.Oct),
    (r"@\d+l?", Number.Integer),
    (r"\bin\b", Keyword),
    (r"@(?:interface|implementation)\b", Keyword, "objc_classname"),
    (r"@(?:class|protocol)\b", Keyword, "forward_classname"),
    (r"@((?u:[^\W_])+)", _at_word),
    (r"[?]", Punctuation, "ternary"),
    (r"\[", Punctuation, "message"),
    (r"@\[", Punctuation, "array_literal"),
    (r"@\{", Punctuation, "dictionary_literal"),
]
_METHOD_START = (rf"(?i)([-+])(\s*)([(].*?[)])?(\s*)(?={ID}:?)", _method_start)
_OBJC_STATES: dict[str, Any] = (
    {
        "ternary": [(r":", Punctuation, "#pop"), include("statements")],
        "message_shared": [
            (r"\]", Punctuation, "#pop"),
            (r"\{", Punctuation, "#pop"),
            (r";", Error),
            include("statements"),
        ],
        "message": [
            (
                rf"({ID})(\s*)(:)",
                bygroups(Name.Function, Text, Punctuation),
                ("#pop", "message_with_args"),
            ),
            (rf"({ID})(\s*)(\])", bygroups(Name.Function, Text, Punctuation), "#pop"),
            include("message_shared"),
        ],
        "message_with_args": [
            (r"\{", Punctuation, "function"),
            (rf"({ID})(\s*)(:)", bygroups(Name.Function, Text, Punctuation), "#pop"),
            include("message_shared"),
        ],
        "array_literal": [
            (r"\]", Punctuation, "#pop"),
            (r",", Punctuation),
            include("statements"),
        ],
        "dictionary_literal": [
            (r"\}", Punctuation, "#pop"),
            (r",", Punctuation),
            include("statements"),
        ],
        "objc_classname": [
            include("whitespace"),
            (
                rf"({ID})(\s*)(:)(\s*)({ID})",
                bygroups(Name.Class, Text, Punctuation, Text, Name.Class),
                "#pop",
            ),
            (
                rf"({ID})(\s*)([(])(\s*)({ID})(\s*)([)])",
                bygroups(Name.Class, Text, Punctuation, Text, Name.Label, Text, Punctuation),
                "#pop",
            ),
            (ID, Name.Class, "#pop"),
        ],
        "forward_classname": [
            include("whitespace"),
            (rf"({ID})(\s*)(,)(\s*)", _forward_more),
            (rf"({ID})(\s*)(;?)", bygroups(Name.Class, Text, Punctuation), "#pop"),
        ],
        "method_definition": [
            (r",", Punctuation),
            (r"[.][.][.]", Punctuation),
            (rf"([(].*?[)])({ID})", _typed_arg),
            (rf"({ID})(\s*)(:)", bygroups(Name.Function, Text, Punctuation)),
            (r";", Punctuation, "#pop"),
            (r"\{", Punctuation, ("#pop", "function")),
            include("inline_whitespace"),
            (r"//.*?\n", Comment.Single),
            (r"\s+", Text),
            default("#pop"),
        ],
    }
)


def _with_objc(base: dict[str, Any], extra: list[Any]) -> dict[str, Any]:
    tokens = dict(base)
    tokens["statements"] = [*extra, *_OBJC_STATEMENTS, *base["statements"]]
    tokens["root"] = [_METHOD_START, *base["root"]]
    tokens.update(_OBJC_STATES)
    return tokens


_TOKENS = _with_objc(_C_TOKENS, [])
_OBJCPP_TOKENS = _with_objc(
    _CPP_TOKENS,
    [
        (r"(\.)(class)", bygroups(Operator, Name.Builtin.Pseudo)),
        (
            r"(@selector)(\()(class)(\))",
            bygroups(Keyword, Punctuation, Name.Builtin.Pseudo, Punctuation),
        ),
    ],
)


class ObjectiveCLexer(CLexer):
    """Rouge's ``objective_c`` lexer (tags objective_c, objc, obj-c, obj_c, objectivec)."""

    name = "Objective-C (Rouge)"
    aliases = ["rouge-objective-c"]

    builtins: ClassVar[frozenset[str]] = frozenset(["YES", "NO", "nil"])

    tokens: dict[str, Any] = _TOKENS


class ObjectiveCppLexer(CppLexer):
    """Rouge's ``objective_cpp`` lexer: the C++ grammar with the Objective-C additions."""

    name = "Objective-C++ (Rouge)"
    aliases = ["rouge-objective-cpp"]

    builtins: ClassVar[frozenset[str]] = frozenset(["YES", "NO", "nil"])

    tokens: dict[str, Any] = _OBJCPP_TOKENS
