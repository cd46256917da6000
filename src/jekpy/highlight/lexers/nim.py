"""Nim tokenised as Rouge 3.30's ``nim`` lexer does (keywords match with optional
underscores between letters, as Nim's style-insensitivity allows)."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    include,
)
from jekpy.highlight.lexers import nim_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

KEYWORDS = _words.KEYWORDS
OPWORDS = ["and", "or", "not", "xor", "shl", "shr", "div", "mod", "in", "notin", "is", "isnot"]
PSEUDOKEYWORDS = ["nil", "true", "false"]
TYPES = ["int", "int8", "int16", "int32", "int64", "float", "float32", "float64", "bool", "char", "range", "array", "seq", "set", "string"]
NAMESPACE = ["from", "import", "include"]


def underscorize(words: list[str]) -> str:
    return "|".join("".join(re.escape(c) + "_?" for c in w) for w in words)


class NimLexer(RougeRegexLexer):
    """Rouge's ``nim`` lexer (tags nim, nimrod)."""

    name = "Nim (Rouge)"
    aliases = ["rouge-nim"]

    tokens: dict[str, Any] = {
        "chars": [
            (r"\\([\\abcefnrtvl\"']|x[a-fA-F0-9]{2}|[0-9]{1,3})", String.Escape),
            (r"'", String.Char, "#pop"),
            (r".", String.Char),
        ],
        "strings": [
            (r"(?<!\$)\$(\d+|#|\w+)+", String.Interpol),
            (r"[^\\'\"$\n]+", String),
            (r"['\"\\]", String),
            (r"\$", String),
        ],
        "dqs": [
            (r"\\([\\abcefnrtvl\"']|\n|x[a-fA-F0-9]{2}|[0-9]{1,3})", String.Escape),
            (r'"', String, "#pop"),
            include("strings"),
        ],
        "rdqs": [
            (r'"(?!")', String, "#pop"),
            (r'"', String.Escape, "#pop"),
            include("strings"),
        ],
        "tdqs": [
            (r'"""(?!")', String, "#pop"),
            include("strings"),
            include("nl"),
        ],
        "funcname": [
            (r"((?![\d_])\w)(((?!_)\w)|(_(?!_)\w))*", Name.Function, "#pop"),
            (r"`.+`", Name.Function, "#pop"),
        ],
        "nl": [(r"\n", String)],
        "floatnumber": [
            (r"\.(?!\.)[0-9_]*", Number.Float),
            (r"[eE][+-]?[0-9][0-9_]*", Number.Float),
            (r"", Text, "#pop"),
        ],
        "floatsuffix": [
            (r"'?[fF](32|64)", Number.Float),
            (r"", Text, "#pop"),
        ],
        "intsuffix": [
            (r"'?[iI](32|64)", Number.Integer.Long),
            (r"'?[iI](8|16)", Number.Integer),
            (r"'?[uU]", Number.Integer),
            (r"", Text, "#pop"),
        ],
        "root": [
            (r"##.*$", String.Doc),
            (r"#.*$", Comment),
            (r"\*|=|>|<|\+|-|/|@|\$|~|&|%|!|\?|\||\\|\[|\]", Operator),
            (r"\.\.|\.|,|\[\.|\.\]|\{\.|\.\}|\(\.|\.\)|\{|\}|\(|\)|:|\^|`|;", Punctuation),
            (r'(?:\w+)"', String, "rdqs"),
            (r'"""', String, "tdqs"),
            (r'"', String, "dqs"),
            (r"'", String.Char, "chars"),
            (rf"({underscorize(OPWORDS)})\b", Operator.Word),
            (r"(p_?r_?o_?c_?\s)(?![(\[\]])", Keyword, "funcname"),
            (rf"({underscorize(KEYWORDS)})\b", Keyword),
            (rf"({underscorize(NAMESPACE)})\b", Keyword.Namespace),
            (r"(v_?a_?r)\b", Keyword.Declaration),
            (rf"({underscorize(TYPES)})\b", Keyword.Type),
            (rf"({underscorize(PSEUDOKEYWORDS)})\b", Keyword.Pseudo),
            (r"\b((?![_\d])\w)(((?!_)\w)|(_(?!_)\w))*", Name),
            (
                r"[0-9][0-9_]*(?=([eE.]|'?[fF](32|64)))",
                Number.Float,
                ("floatsuffix", "floatnumber"),
            ),
            (r"0[xX][a-fA-F0-9][a-fA-F0-9_]*", Number.Hex, "intsuffix"),
            (r"0[bB][01][01_]*", Number, "intsuffix"),
            (r"0o[0-7][0-7_]*", Number.Oct, "intsuffix"),
            (r"[0-9][0-9_]*", Number.Integer, "intsuffix"),
            (r"\s+", Text),
            (r".+$", Error),
        ],
    }
