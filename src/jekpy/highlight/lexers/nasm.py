"""NASM assembly tokenised as Rouge 3.30's ``nasm`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

_NAME = r"[a-zA-Z$._?][\w$.?#@~]*"
_DIRECTIVES = (
    "BITS|USE16|USE32|SECTION|SEGMENT|ABSOLUTE|EXTERN|GLOBAL|ORG|ALIGN|STRUC|ENDSTRUC"
    "|COMMON|CPU|GROUP|UPPERCASE|IMPORT|EXPORT|LIBRARY|MODULE"
)
_REGISTERS = (
    r"r\d[0-5]?[bwd]|[a-d][lh]|[er]?[a-d]x|[er]?[sb]p|[er]?[sd]i|[c-gs]s|st[0-7]|mm[0-7]"
    r"|cr[0-4]|dr[0-367]|tr[3-7]"
)


class NasmLexer(RougeRegexLexer):
    """Rouge's ``nasm`` lexer."""

    name = "NASM (Rouge)"
    aliases = ["rouge-nasm"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^\s*%", Comment.Preproc, "preproc"),
            include("whitespace"),
            (rf"{_NAME}:", Name.Label),
            (
                rf"({_NAME})(\s+)((?i:equ))",
                bygroups(Name.Constant, Keyword.Declaration, Keyword.Declaration),
                "instruction_args",
            ),
            (_DIRECTIVES, Keyword, "instruction_args"),
            (r"(?i)(?:res|d)[bwdqt]|times", Keyword.Declaration, "instruction_args"),
            (_NAME, Name.Function, "instruction_args"),
            (r"[\r\n]+", Text),
        ],
        "instruction_args": [
            (r"\"(\\\\\"|[^\"\\n])*\"|'(\\\\'|[^'\\n])*'|`(\\\\`|[^`\\n])*`", String),
            (r"(?i)(?:0x[\da-f]+|$0[\da-f]*|\d+[\da-f]*h)", Number.Hex),
            (r"(?i)[0-7]+q", Number.Oct),
            (r"(?i)[01]+b", Number.Bin),
            (r"(?i)\d+\.e?\d+", Number.Float),
            (r"\d+", Number.Integer),
            include("punctuation"),
            (rf"(?i){_REGISTERS}", Name.Builtin),
            (_NAME, Name.Variable),
            (r"[\r\n]+", Text, "#pop"),
            include("whitespace"),
        ],
        "preproc": [
            (r"[^;\n]+", Comment.Preproc),
            (r";.*?\n", Comment.Single, "#pop"),
            (r"\n", Comment.Preproc, "#pop"),
        ],
        "whitespace": [
            (r"\n", Text),
            (r"[ \t]+", Text),
            (r";.*", Comment.Single),
        ],
        "punctuation": [
            (r"[,():\[\]]+", Punctuation),
            (r"[&|^<>+*/%~-]+", Operator),
            (r"\$+", Keyword.Constant),
            (r"(?i)seg|wrt|strict", Operator.Word),
            (r"(?i)byte|[dq]?word", Keyword.Type),
        ],
    }
