"""Pascal tokenised as Rouge 3.30's ``pascal`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

_PASCAL_KEYWORDS = ["absolute", "abstract", "all", "and", "and_then", "array", "as", "asm", "assembler", "attribute", "begin", "bindable", "case", "class", "const", "constructor", "delay", "destructor", "div", "do", "downto", "else", "end", "except", "exit", "export", "exports", "external", "far", "file", "finalization", "finally", "for", "forward", "function", "goto", "if", "implementation", "import", "in", "inc", "index", "inherited", "initialization", "inline", "interface", "interrupt", "is", "label", "library", "message", "mod", "module", "near", "nil", "not", "object", "of", "on", "only", "operator", "or", "or_else", "otherwise", "out", "overload", "override", "packed", "pascal", "pow", "private", "procedure", "program", "property", "protected", "public", "published", "qualified", "raise", "read", "record", "register", "repeat", "resident", "resourcestring", "restricted", "safecall", "segment", "set", "shl", "shr", "stdcall", "stored", "string", "then", "threadvar", "to", "try", "type", "unit", "until", "uses", "value", "var", "view", "virtual", "while", "with", "write", "writeln", "xor"]
_PASCAL_TYPES = ["ansichar", "ansistring", "bool", "boolean", "byte", "bytebool", "cardinal", "char", "comp", "currency", "double", "dword", "extended", "int64", "integer", "iunknown", "longbool", "longint", "longword", "pansichar", "pansistring", "pbool", "pboolean", "pbyte", "pbytearray", "pcardinal", "pchar", "pcomp", "pcurrency", "pdate", "pdatetime", "pdouble", "pdword", "pextended", "phandle", "pint64", "pinteger", "plongint", "plongword", "pointer", "ppointer", "pshortint", "pshortstring", "psingle", "psmallint", "pstring", "pvariant", "pwidechar", "pwidestring", "pword", "pwordarray", "pwordbool", "real", "real48", "shortint", "shortstring", "single", "smallint", "string", "tclass", "tdate", "tdatetime", "textfile", "thandle", "tobject", "ttime", "variant", "widechar", "widestring", "word", "wordbool"]


class PascalLexer(RougeRegexLexer):
    """Rouge's ``pascal`` lexer."""

    name = "Pascal (Rouge)"
    aliases = ["rouge-pascal"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"(//).*$\n?", Comment.Single),
            (r"(--).*$\n?", Comment.Single),
            (r"(?s)\(\*.*?\*\)", Comment.Multiline),
            (r"(?s)\{.*?\}", Comment.Multiline),
        ],
        "root": [
            include("whitespace"),
            (
                r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)"
                r"(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?",
                Number,
            ),
            (r"\$[0-9A-Fa-f]+", Number.Hex),
            (r"[~!@#$%^&*()+`\-={}\[\]:;<>?,./|\\]", Punctuation),
            (r"'([^']|'')*'", String),
            (r"(?i)(true|false|nil)\b", Name.Builtin),
            (r"(?i)\b(" + "|".join(_PASCAL_KEYWORDS) + r")\b", Keyword),
            (r"(?i)\b(" + "|".join(_PASCAL_TYPES) + r")\b", Keyword.Type),
            (r"@?[_a-zA-Z]\w*", Name),
        ],
    }

