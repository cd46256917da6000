"""Zig tokenised as Rouge 3.30's ``zig`` lexer does."""

from __future__ import annotations

import re
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
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.rust import attribute_states

KEYWORDS = frozenset(
    ["align", "linksection", "threadlocal", "struct", "enum", "union", "error", "break", "return", "anyframe", "fn", "c_longlong", "c_ulonglong", "c_longdouble", "c_void", "comptime_float", "c_short", "c_ushort", "c_int", "c_uint", "c_long", "c_ulong", "continue", "asm", "defer", "errdefer", "const", "var", "extern", "packed", "export", "pub", "if", "else", "switch", "and", "or", "orelse", "while", "for", "bool", "unreachable", "try", "catch", "async", "suspend", "nosuspend", "await", "resume", "undefined", "usingnamespace", "test", "void", "noreturn", "type", "anyerror", "usize", "noalias", "inline", "noinline", "comptime", "callconv", "volatile", "allowzero"]
)
BUILTINS = frozenset(
    ["@addWithOverflow", "@as", "@atomicLoad", "@atomicStore", "@bitCast", "@breakpoint", "@alignCast", "@alignOf", "@cDefine", "@cImport", "@cInclude", "@bitOffsetOf", "@atomicRmw", "@bytesToSlice", "@byteOffsetOf", "@OpaqueType", "@panic", "@ptrCast", "@bitReverse", "@Vector", "@sin", "@cUndef", "@canImplicitCast", "@clz", "@cmpxchgWeak", "@cmpxchgStrong", "@compileError", "@compileLog", "@ctz", "@popCount", "@divExact", "@divFloor", "@cos", "@divTrunc", "@embedFile", "@export", "@tagName", "@TagType", "@errorName", "@call", "@errorReturnTrace", "@fence", "@fieldParentPtr", "@field", "@unionInit", "@errorToInt", "@intToEnum", "@enumToInt", "@setAlignStack", "@frame", "@Frame", "@exp", "@exp2", "@log", "@log2", "@log10", "@fabs", "@floor", "@ceil", "@trunc", "@round", "@floatCast", "@intToFloat", "@floatToInt", "@boolToInt", "@errSetCast", "@intToError", "@frameAddress", "@import", "@newStackCall", "@asyncCall", "@intToPtr", "@intCast", "@frameSize", "@memcpy", "@memset", "@mod", "@mulWithOverflow", "@splat", "@ptrToInt", "@rem", "@returnAddress", "@setCold", "@Type", "@shuffle", "@setGlobalLinkage", "@setGlobalSection", "@shlExact", "@This", "@hasDecl", "@hasField", "@setRuntimeSafety", "@setEvalBranchQuota", "@setFloatMode", "@shlWithOverflow", "@shrExact", "@sizeOf", "@bitSizeOf", "@sqrt", "@byteSwap", "@subWithOverflow", "@sliceToBytes", "comptime_int", "@truncate", "@typeInfo", "@typeName", "@TypeOf"]
)
ID = r"[a-zA-Z_]\w*"
_H = "[0-9a-fA-F]"
ESCAPES = rf"\\([nrt'\"\\0]|x{_H}{{2}}|u{_H}{{4}}|U{_H}{{8}})"


def _name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group(3)
    if name in KEYWORDS:
        tok = Keyword
    elif name in BUILTINS:
        tok = Name.Builtin
    elif match.group(1) and match.group(5):
        tok = Name.Function
    elif match.group(1):
        tok = Name.Property
    else:
        tok = Name
    for i, t in enumerate([Punctuation, Text, tok, Text, Punctuation], start=1):
        yield match.start(i), t, match.group(i)


class ZigLexer(RougeRegexLexer):
    """Rouge's ``zig`` lexer (tags zig, zir)."""

    name = "Zig (Rouge)"
    aliases = ["rouge-zig"]

    tokens: dict[str, Any] = {
        **attribute_states("literals", ID),
        "whitespace": [(r"\s+", Text), (r"//[^\n]*", Comment)],
        "root": [
            (r"\n", Text, "bol"),
            include("whitespace"),
            (r"\b(?:(i|u)[0-9]+)\b", Keyword.Type),
            (r"\b(?:f(16|32|64|128))\b", Keyword.Type),
            (r"\b(?:(isize|usize))\b", Keyword.Type),
            include("literals"),
            (rf"'{ID}", Name.Variable),
            (rf"([.]?)(\s*)(@?{ID})(\s*)([(]?)", _name),
            (r"[()\[\]{}|,:;]", Punctuation),
            (r"[*/!@~&+%^<>=?-]|\.{1,3}", Operator),
        ],
        "literals": [
            (r"\b(?:true|false|null)\b", Keyword.Constant),
            (rf"'(?:{ESCAPES}|[^\\])'", String.Char),
            (r'"', String, "string"),
            (r'(?s)r(#*)".*?"\1', String),
            (r"[0-9]+((?:[.][0-9_]+)(?:e[-+]?[0-9_]+)?|(?:[.][0-9_]+)?(?:e[-+]?[0-9_]+))", Number.Float),
            (r"(0b[10_]+|0x[0-9a-fA-F_]+|[0-9_]+)", Number.Integer),
        ],
        "string": [
            (r'"', String, "#pop"),
            (ESCAPES, String.Escape),
            (r'[^"\\]+', String),
        ],
    }
