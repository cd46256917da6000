"""LLVM IR tokenised as Rouge 3.30's ``llvm`` lexer does."""

from __future__ import annotations

from typing import Any, Final

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import llvm_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

LLVM_KEYWORDS: Final[frozenset[str]] = frozenset(
    _words.LLVM_KEYWORDS
)

LLVM_INSTRUCTIONS: Final[frozenset[str]] = frozenset(
    _words.LLVM_INSTRUCTIONS
)

LLVM_TYPES: Final[frozenset[str]] = frozenset(
    ["double", "float", "fp128", "half", "label", "metadata", "ppc_fp128", "token", "void", "x86_fp80", "x86_mmx"]
)

_LLVM_STRING = r'"[^"]*?"'
_LLVM_ID = rf"([-a-zA-Z$._][-a-zA-Z$._0-9]*|{_LLVM_STRING})"


_llvm_word = classify(
    [(LLVM_TYPES, Keyword.Type), (LLVM_INSTRUCTIONS, Keyword), (LLVM_KEYWORDS, Keyword)], Error
)


class LlvmLexer(RougeRegexLexer):
    """Rouge's ``llvm`` lexer."""

    name = "LLVM (Rouge)"
    aliases = ["rouge-llvm"]

    tokens: dict[str, Any] = {
        "basic": [
            (r";.*?$", Comment.Single),
            (r"\s+", Text),
            (rf"{_LLVM_ID}\s*:", Name.Label),
            (rf"@({_LLVM_ID}|\d+)", Name.Variable.Global),
            (r"#\d+", Name.Variable.Global),
            (rf"(%|!){_LLVM_ID}", Name.Variable),
            (r"(%|!)\d+", Name.Variable),
            (rf"c?{_LLVM_STRING}", String),
            (r"0[xX][a-fA-F0-9]+", Number),
            (r"-?\d+(?:[.]\d+)?(?:[eE][-+]?\d+(?:[.]\d+)?)?", Number),
            (r"[=<>{}\[\]()*.,!]|x", Punctuation),
        ],
        "root": [
            include("basic"),
            (r"i[1-9]\d*", Keyword.Type),
            (r"\w+", _llvm_word),
        ],
    }
