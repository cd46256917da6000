"""C and C++ tokenised as Rouge 3.30's ``c``/``cpp`` lexers do.

Notable Rouge shapes: a float needs an exponent in C (``1.5`` is ``1`` ``.``
``5``); a line-start ``#`` directive is one ``Comment.Preproc`` run with
``#include`` targets as ``Comment.PreprocFile``; a function definition's name
is ``Name.Function`` (its return type and arguments are lexed again).
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
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import c_words as _words
from jekpy.highlight.lexers import glsl_words, hlsl_words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

IDENT = r"[a-zA-Z_][a-zA-Z0-9_]*"
_WS = r"(?:\s|//[^\n]*?\n|/[*][^\n]*?[*]/)+"

C_KEYWORDS = frozenset(
    ["auto", "break", "case", "const", "continue", "default", "do", "else", "enum", "extern", "for", "goto", "if", "register", "restricted", "return", "sizeof", "static", "struct", "switch", "typedef", "union", "volatile", "virtual", "while", "_Alignas", "_Alignof", "_Atomic", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local"]
)
C_TYPES = frozenset(
    _words.C_TYPES
)
C_RESERVED = frozenset(
    ["__asm", "__int8", "__based", "__except", "__int16", "__stdcall", "__cdecl", "__fastcall", "__int32", "__declspec", "__finally", "__int61", "__try", "__leave", "inline", "_inline", "__inline", "naked", "_naked", "__naked", "restrict", "_restrict", "__restrict", "thread", "_thread", "__thread", "typename", "_typename", "__typename"]
)
CPP_KEYWORDS = C_KEYWORDS | frozenset(
    _words.CPP_KEYWORDS
)
CPP_TYPES = C_TYPES | {"bool"}
CPP_RESERVED = C_RESERVED | frozenset(
    ["__virtual_inheritance", "__uuidof", "__super", "__single_inheritance", "__multiple_inheritance", "__interface", "__event"]
)


def _word(lexer: CLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in lexer.keywords:
        yield 0, Keyword, word
    elif word in lexer.types:
        yield 0, Keyword.Type, word
    elif word in lexer.reserved:
        yield 0, Keyword.Reserved, word
    elif word in lexer.builtins:
        yield 0, Name.Builtin, word
    else:
        yield 0, Name, word


def _function(lexer: CLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    """``type name(args) {``: name highlighted, the other parts lexed afresh."""
    cls = type(lexer)
    yield from cls().get_tokens_unprocessed(match.group(1))
    yield match.start(2), Name.Function, match.group(2)
    yield from cls().get_tokens_unprocessed(match.group(3))
    yield from cls().get_tokens_unprocessed(match.group(4))
    yield match.start(5), Punctuation, match.group(5)
    if match.group(5) == "{":
        ctx.stack.append("function")


WHITESPACE_STATES: dict[str, list[Any]] = {
    "inline_whitespace": [
        (r"[ \t\r]+", Text),
        (r"\\\n", Text),
        (r"(?s)/(\\\n)?[*].*?[*](\\\n)?/", Comment.Multiline),
    ],
    "whitespace": [
        (r"\n+", Text, "bol"),
        (r"//(\\.|.)*?$", Comment.Single, "bol"),
        include("inline_whitespace"),
    ],
    "expr_whitespace": [
        (r"\n+", Text, "expr_bol"),
        include("whitespace"),
    ],
}
"""C's blanks and comments; after a newline come the ``bol``/``expr_bol`` states."""

STRING_STATE: list[Any] = [
    (r'"', String, "#pop"),
    (r"\\([\\abfnrtv\"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})", String.Escape),
    (r'[^\\"\n]+', String),
    (r"\\\n", String),
    (r"\\", String),
]
"""The inside of a C string literal (also Verilog's, M68k's and Pony's)."""

_C_STATEMENTS: list[Any] = [
    include("whitespace"),
    (r'(u8|u|U|L)?"', String, "string"),
    (r"(?i)(u8|u|U|L)?'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'", String.Char),
    (r"(?i)(\d+[.]\d*|[.]?\d+)e[+-]?\d+[lu]*", Number.Float),
    (r"(?i)\d+e[+-]?\d+[lu]*", Number.Float),
    (r"(?i)0x[0-9a-f]+[lu]*", Number.Hex),
    (r"(?i)0[0-7]+[lu]*", Number.Oct),
    (r"(?i)\d+[lu]*", Number.Integer),
    (r"\*/", Error),
    (r"[~!%^&*+=|?:<>/-]", Operator),
    (r"[()\[\],.;]", Punctuation),
    (r"\bcase\b", Keyword, "case"),
    (r"(?:true|false|NULL)\b", Name.Builtin),
    (IDENT, _word),
]

_C_TOKENS: dict[str, Any] = {
    "expr_bol": [
        include("inline_whitespace"),
        (r"#if\s0", Comment, "if_0"),
        (r"#", Comment.Preproc, "macro"),
        default("#pop"),
    ],
    "bol": [
        (rf"{IDENT}:(?!:)", Name.Label),
        include("expr_bol"),
    ],
    **WHITESPACE_STATES,
    "statements": _C_STATEMENTS,
    "case": [(r":", Punctuation, "#pop"), include("statements")],
    "root": [
        include("expr_whitespace"),
        (
            rf"(?s)([\w*\s]+?[\s*])({IDENT})(\s*\([^;]*?\))((?:{_WS})?)(\{{|;)",
            _function,
        ),
        (r"\{", Punctuation, "function"),
        include("statements"),
    ],
    "function": [
        include("whitespace"),
        include("statements"),
        (r";", Punctuation),
        (r"\{", Punctuation, "function"),
        (r"\}", Punctuation, "#pop"),
    ],
    "string": STRING_STATE,
    "macro": [
        include("include"),
        (r"[^/\n\\]+", Comment.Preproc),
        (r"(?s)\\.", Comment.Preproc),
        include("inline_whitespace"),
        (r"/", Comment.Preproc),
        (r"\n", Comment.Preproc, "#pop"),
    ],
    "include": [
        (
            r"(include)(\s*)(<[^>]+>)([^\n]*)",
            bygroups(Comment.Preproc, Text, Comment.PreprocFile, Comment.Single),
        ),
        (
            r'(include)(\s*)("[^"]+")([^\n]*)',
            bygroups(Comment.Preproc, Text, Comment.PreprocFile, Comment.Single),
        ),
    ],
    "if_0": [
        (r"^\s*#if", Comment, "#push"),
        (r"^\s*#\s*el(?:se|if)", Comment, "#pop"),
        (r"(?s)^\s*#\s*endif\b.*?(?<!\\)\n", Comment, "#pop"),
        (r".*?\n", Comment),
    ],
}


class CLexer(RougeRegexLexer):
    """Rouge's ``c`` lexer."""

    name = "C (Rouge)"
    aliases = ["rouge-c"]

    keywords: ClassVar[frozenset[str]] = C_KEYWORDS
    types: ClassVar[frozenset[str]] = C_TYPES
    reserved: ClassVar[frozenset[str]] = C_RESERVED
    builtins: ClassVar[frozenset[str]] = frozenset()

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "bol")

    tokens: dict[str, Any] = _C_TOKENS


_DQ = r"\d(?:'?\d)*"

_CPP_TOKENS: dict[str, Any] = dict(_C_TOKENS)
_CPP_TOKENS["root"] = [
    (r"(?:__offload|__blockingoffload|__outer)\b", Keyword.Pseudo),
    *_C_TOKENS["root"],
]
_CPP_TOKENS["statements"] = [
    (r"(class|struct)\b", Keyword, "classname"),
    (r"template\b", Keyword, "template"),
    (rf"{_DQ}(\.{_DQ})?(?:y|d|h|(?:min)|s|(?:ms)|(?:us)|(?:ns)|i|(?:if)|(?:il))\b", Number.Other),
    (rf"(?i)({_DQ}[.](?:{_DQ})?|[.]{_DQ})(e[+-]?{_DQ}[lu]*)?", Number.Float),
    (rf"(?i){_DQ}e[+-]?{_DQ}[lu]*", Number.Float),
    (r"(?i)0x[0-9a-f](?:'?[0-9a-f])*[lu]*", Number.Hex),
    (r"0b[01]+('[01]+)*", Number.Bin),
    (r"(?i)0[0-7]('?[0-7])*[lu]*", Number.Oct),
    (rf"(?i){_DQ}[lu]*", Number.Integer),
    (r"\bnullptr\b", Name.Builtin),
    (
        r"(?s)(?:u8|u|U|L)?R\"([a-zA-Z0-9_{}\[\]#<>%:;.?*+\-/^&|~!=,\"']{0,16})\(.*?\)\1\"",
        String,
    ),
    (r"(::|<=>)", Operator),
    (r"[{}]", Punctuation),
    *_C_STATEMENTS,
]
_CPP_TOKENS["classname"] = [
    (IDENT, Name.Class, "#pop"),
    include("whitespace"),
    (r"[.]{3}", Operator),
    (r",", Punctuation, "#pop"),
    default("#pop"),
]
_CPP_TOKENS["template"] = [
    (r"[>;]", Punctuation, "#pop"),
    (r"typename\b", Keyword, "classname"),
    include("statements"),
]
_CPP_TOKENS["case"] = [(r":(?!:)", Punctuation, "#pop"), include("statements")]


class CppLexer(CLexer):
    """Rouge's ``cpp`` lexer (tags cpp, c++)."""

    name = "C++ (Rouge)"
    aliases = ["rouge-cpp"]

    keywords: ClassVar[frozenset[str]] = CPP_KEYWORDS
    types: ClassVar[frozenset[str]] = CPP_TYPES
    reserved: ClassVar[frozenset[str]] = CPP_RESERVED

    tokens: dict[str, Any] = _CPP_TOKENS


class GlslLexer(CLexer):
    """Rouge's ``glsl`` lexer: the C grammar with GLSL's words."""

    name = "GLSL (Rouge)"
    aliases = ["rouge-glsl"]

    keywords: ClassVar[frozenset[str]] = glsl_words.KEYWORDS
    types: ClassVar[frozenset[str]] = glsl_words.TYPES
    reserved: ClassVar[frozenset[str]] = glsl_words.RESERVED
    builtins: ClassVar[frozenset[str]] = glsl_words.BUILTINS


class CudaLexer(CppLexer):
    """Rouge's ``cuda`` lexer: C++ plus CUDA qualifiers and vector types."""

    name = "CUDA (Rouge)"
    aliases = ["rouge-cuda"]

    keywords: ClassVar[frozenset[str]] = CPP_KEYWORDS | frozenset(
        ["__global__", "__device__", "__host__", "__noinline__", "__forceinline__", "__constant__", "__shared__", "__managed__", "__restrict__"]
    )
    types: ClassVar[frozenset[str]] = CPP_TYPES | frozenset(
        f"{base}{n}"
        for base in ["char", "uchar", "short", "ushort", "int", "uint", "long", "ulong", "longlong", "ulonglong", "float", "double"]
        for n in "1234"
    ) | {"dim3"}


_HLSL_TOKENS: dict[str, Any] = dict(_C_TOKENS)
_HLSL_TOKENS["root"] = [
    include("expr_whitespace"),
    (
        rf"(?s)([\w*\s]+?[\s*])({IDENT})(\s*\([^;]*?\)(?:\s*:\s+{IDENT})?)((?:{_WS})?)(\{{|;)",
        _function,
    ),
    (r"\{", Punctuation, "function"),
    include("statements"),
]


class HlslLexer(CLexer):
    """Rouge's ``hlsl`` lexer: the C grammar with HLSL's words and semantics."""

    name = "HLSL (Rouge)"
    aliases = ["rouge-hlsl"]

    keywords: ClassVar[frozenset[str]] = hlsl_words.HLSL_KEYWORDS
    types: ClassVar[frozenset[str]] = hlsl_words.HLSL_TYPES
    reserved: ClassVar[frozenset[str]] = hlsl_words.HLSL_RESERVED
    builtins: ClassVar[frozenset[str]] = hlsl_words.HLSL_BUILTINS

    tokens: dict[str, Any] = _HLSL_TOKENS


class SliceLexer(CLexer):
    """Rouge's ``slice`` lexer (ZeroC Ice): the C grammar with Slice's words."""

    name = "Slice (Rouge)"
    aliases = ["rouge-slice"]

    keywords: ClassVar[frozenset[str]] = frozenset(
        ["extends", "implements", "enum", "interface", "struct", "class", "module", "dictionary", "const", "optional", "out", "throws", "exception", "local", "idempotent", "sequence", "Object", "LocalObject", "Value"]
    )
    types: ClassVar[frozenset[str]] = frozenset(["bool", "string", "byte", "long", "float", "double", "int", "void", "short"])
