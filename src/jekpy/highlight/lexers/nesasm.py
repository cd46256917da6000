"""NESASM (6502 assembly) tokenised as Rouge 3.30's ``nesasm`` lexer does."""

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
)
from jekpy.highlight.lexers import nesasm_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    _words.KEYWORDS
)
KEYWORDS_TYPE = frozenset(["DB", "DW", "BYTE", "WORD"])
KEYWORDS_RESERVED = frozenset(
    ["INCBIN", "INCLUDE", "ORG", "BANK", "RSSET", "RS", "MACRO", "ENDM", "DS", "PROC", "ENDP", "PROCGROUP", "ENDPROCGROUP", "INCCHR", "DEFCHR", "ZP", "BSS", "CODE", "DATA", "IF", "IFDEF", "IFNDEF", "ELSE", "ENDIF", "FAIL", "INESPRG", "INESCHR", "INESMAP", "INESMIR", "FUNC"]
)


_word = classify(
    [(KEYWORDS, Keyword), (KEYWORDS_TYPE, Keyword.Type), (KEYWORDS_RESERVED, Keyword.Reserved)],
    Name.Function,
    str.upper,
)


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
