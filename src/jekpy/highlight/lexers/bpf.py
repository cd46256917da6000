"""BPF bytecode listings tokenised as Rouge 3.30's ``bpf`` lexer does.

Instruction numbers are ``Generic.Lineno``, raw opcode bytes ``Generic``;
``call``, ``goto`` and conditional jumps are split into their parts; a
memory access ``*(u32 *)`` waits for its address.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Generic,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

WS = Text.Whitespace
_H = "[0-9a-fA-F]"
TYPE_KEYWORDS = "u8|u16|u32|u64|ll"
MISC_KEYWORDS = "be16|be32|be64|exit|lock|map"
_JUMP = r"(\s*)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)"


class BpfLexer(RougeRegexLexer):
    """Rouge's ``bpf`` lexer."""

    name = "BPF (Rouge)"
    aliases = ["rouge-bpf"]

    tokens: dict[str, Any] = {
        "root": [
            (rf"(\d+)(:)(\s+)(\({_H}{{2}}\))", bygroups(Generic.Lineno, Punctuation, WS, Generic)),
            (
                rf"(\d+)(:)(\s+)((?:{_H}{{2}} ){{8}})",
                bygroups(Generic.Lineno, Punctuation, WS, Generic),
            ),
            (r"(\d+)(:)(\s+)", bygroups(Generic.Lineno, Punctuation, WS)),
            (r"(?i)(call)(\s+)(\d+)", bygroups(Keyword, WS, Number.Integer)),
            (
                r"(?i)(call)(\s+)(\w+)(#)(\d+)",
                bygroups(Keyword, WS, Name.Builtin, Punctuation, Number.Integer),
            ),
            (
                r"(?i)(goto)(\s*)(\+\d+)?(\s*)(<?\w+>?)",
                bygroups(Keyword, WS, Number.Integer, WS, Name.Label),
            ),
            (
                rf"(?i)(if)(\s+)([rw]\d+)(\s*)([s!=<>]+)(\s*)(0x{_H}+|[-]?\d+){_JUMP}",
                bygroups(
                    Keyword,
                    WS,
                    Name,
                    WS,
                    Operator,
                    WS,
                    Number,
                    WS,
                    Keyword,
                    WS,
                    Number.Integer,
                    WS,
                    Name.Label,
                ),
            ),
            (
                rf"(?i)(if)(\s+)([rw]\d+)(\s*)([s!=<>]+)(\s*)([rw]\d+){_JUMP}",
                bygroups(
                    Keyword,
                    WS,
                    Name,
                    WS,
                    Operator,
                    WS,
                    Name,
                    WS,
                    Keyword,
                    WS,
                    Number.Integer,
                    WS,
                    Name.Label,
                ),
            ),
            (
                rf"(?i)(\*)(\s*)(\()({TYPE_KEYWORDS})(\s*)(\*)(\))",
                bygroups(Operator, WS, Punctuation, Keyword.Type, WS, Operator, Punctuation),
                "address",
            ),
            (r"(?i)[+-/*&|><^s]{0,3}=", Operator),
            (r"(?i)([+-]?)([rw]\d+)", bygroups(Punctuation, Name)),
            (r"//", Comment.Single, "linecomment"),
            (r"/\*", Comment.Multiline, "multilinescomment"),
            (rf"(?i){MISC_KEYWORDS}", Keyword),
            (rf"(?i)(0x{_H}+|[-]?\d+)(\s*)(ll)?", bygroups(Number, WS, Keyword.Type)),
            (r"(?i)(\w+)(\s*)(ll)", bygroups(Name, WS, Keyword.Type)),
            (r"(\w+)(\s*)(:)", bygroups(Name.Label, WS, Punctuation)),
            (r"(?s).", Text),
        ],
        "address": [
            (
                r"(?i)(\()([rw]\d+)(\s*)([+-])(\s*)(\d+)(\))",
                bygroups(Punctuation, Name, WS, Operator, WS, Number.Integer, Punctuation),
                "#pop",
            ),
            (
                r"(\w+)(\[)(\d+)(\])",
                bygroups(Name, Punctuation, Number.Integer, Punctuation),
                "#pop",
            ),
            (
                r"(?i)(\w+)(\[)([rw]\d+)(\])",
                bygroups(Name, Punctuation, Name, Punctuation),
                "#pop",
            ),
        ],
        "linecomment": [
            (r"\n", Comment.Single, "#pop"),
            (r".+", Comment.Single),
        ],
        "multilinescomment": [
            (r"\*/", Comment.Multiline, "#pop"),
            (r"[^*/]+", Comment.Multiline),
            (r"[*/]", Comment.Multiline),
        ],
    }
