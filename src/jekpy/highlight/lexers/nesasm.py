"""NESASM (6502 assembly) tokenised as Rouge 3.30's ``nesasm`` lexer does."""

from __future__ import annotations

import re
from collections.abc import Iterator
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
    TokenType,
)
from jekpy.highlight.lexers.base import RougeRegexLexer

TokenStream = Iterator[tuple[int, TokenType, str]]

KEYWORDS = frozenset(
    ["ADC", "AND", "ASL", "BIT", "BRK", "CMP", "CPX", "CPY", "DEC", "EOR", "INC", "JMP", "JSR", "LDA", "LDX", "LDY", "LSR", "NOP", "ORA", "ROL", "ROR", "RTI", "RTS", "SBC", "STA", "STX", "STY", "TAX", "TXA", "DEX", "INX", "TAY", "TYA", "DEY", "INY", "BPL", "BMI", "BVC", "BVS", "BCC", "BCS", "BNE", "BEQ", "CLC", "SEC", "CLI", "SEI", "CLV", "CLD", "SED", "TXS", "TSX", "PHA", "PLA", "PHP", "PLP"]
)
KEYWORDS_TYPE = frozenset(["DB", "DW", "BYTE", "WORD"])
KEYWORDS_RESERVED = frozenset(
    ["INCBIN", "INCLUDE", "ORG", "BANK", "RSSET", "RS", "MACRO", "ENDM", "DS", "PROC", "ENDP", "PROCGROUP", "ENDPROCGROUP", "INCCHR", "DEFCHR", "ZP", "BSS", "CODE", "DATA", "IF", "IFDEF", "IFNDEF", "ELSE", "ENDIF", "FAIL", "INESPRG", "INESCHR", "INESMAP", "INESMIR", "FUNC"]
)


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    name = match.group().upper()
    if name in KEYWORDS:
        tok = Keyword
    elif name in KEYWORDS_TYPE:
        tok = Keyword.Type
    elif name in KEYWORDS_RESERVED:
        tok = Keyword.Reserved
    else:
        tok = Name.Function
    yield 0, tok, match.group()


class NesAsmLexer(RougeRegexLexer):
    """Rouge's ``nesasm`` lexer (tags nesasm, nes)."""

    name = "NesAsm (Rouge)"
    aliases = ["rouge-nesasm"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r";.*", Comment.Single),
            (r"[\(\)\,\.\[\]]", Punctuation),
            (r"\#?\%[0-1]+", Number.Bin),
            (r"\#?\$[0-9a-fA-F]+", Number.Hex),
            (r"\#?\d+", Number),
            (r"[~&*+=\|?:<>/-]", Operator),
            (r"(?i)\#?\w+:?", _word),
            (r"(?i)\#?(?:LOW|HIGH)\(.*\)", Keyword.Reserved),
            (r"\#\(", Punctuation),
            (r'"', String, "string"),
            (r"'\w'", String.Char),
            (r"\\\??[\d@#]", Name.Builtin),
        ],
        "string": [
            (r'"', String, "#pop"),
            (r'\\"?', String.Escape),
            (r'(?s)[^"\\]+', String),
        ],
    }
