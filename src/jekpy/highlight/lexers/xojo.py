"""Xojo (REALbasic) tokenised as Rouge 3.30's ``xojo`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import Comment, Keyword, Number, Operator, Punctuation, String, Text
from jekpy.highlight.lexers import xojo_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

KEYWORDS = _words.KEYWORDS
TYPES = ["boolean", "cfstringref", "cgfloat", "cstring", "curency", "date", "double", "int8", "int16", "int32", "int64", "integer", "ostype", "pstring", "ptr", "short", "single", "single", "string", "structure", "variant", "uinteger", "uint8", "uint16", "uint32", "uint64", "ushort", "windowptr", "wstring"]
OPERATOR_WORDS = ["addressof", "weakaddressof", "and", "as", "in", "is", "isa", "mod", "not", "or", "xor"]


class XojoLexer(RougeRegexLexer):
    """Rouge's ``xojo`` lexer (tags xojo, realbasic)."""

    name = "Xojo (Rouge)"
    aliases = ["rouge-xojo"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text.Whitespace),
            (r"(?i)rem\b.*?$", Comment.Single),
            (r"[/'].*$", Comment.Single),
            (r"(?is)\#tag Note.*?\#tag EndNote", Comment.Preproc),
            (r"\s*[#].*$", Comment.Preproc),
            (r'".*?"', String.Double),
            (r"[(){}!#,:]", Punctuation),
            (rf"(?i)\b(?:{'|'.join(KEYWORDS)})\b", Keyword),
            (rf"(?i)\b(?:{'|'.join(TYPES)})\b", Keyword.Declaration),
            (rf"(?i)\b(?:{'|'.join(OPERATOR_WORDS)})\b", Operator),
            (r"(?i)[+-]?(\d+\.\d*|\d*\.\d+)", Number.Float),
            (r"[+-]?\d+", Number.Integer),
            (r"(?i)&[CH][0-9a-f]+", Number.Hex),
            (r"(?i)&O[0-7]+", Number.Oct),
            (r"(?i)\b[\w\.]+\b", Text),
            (r"<=|>=|<>|[=><\+\-\*/\\]", Operator),
        ],
    }
