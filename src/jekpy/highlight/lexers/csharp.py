"""C# tokenised as Rouge 3.30's ``csharp`` lexer does."""

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
from jekpy.highlight.lexers import csharp_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

ID = r"@?[_a-zA-Z]\w*"
_KEYWORDS = _words.KEYWORDS
_TYPES = ["bool", "byte", "char", "decimal", "double", "dynamic", "float", "int", "long", "object", "sbyte", "short", "string", "uint", "ulong", "ushort", "var"]
_CPP = ["if", "endif", "else", "elif", "define", "undef", "line", "error", "warning", "region", "endregion", "pragma"]


class CSharpLexer(RougeRegexLexer):
    """Rouge's ``csharp`` lexer (tags csharp, c#, cs)."""

    name = "C# (Rouge)"
    aliases = ["rouge-csharp"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"//.*?$", Comment.Single),
            (r"(?s)/[*].*?[*]/", Comment.Multiline),
        ],
        "nest": [
            (r"\{", Punctuation, "nest"),
            (r"\}", Punctuation, "#pop"),
            include("root"),
        ],
        "splice_string": [
            (r"\\.", String),
            (r"\{", Punctuation, "nest"),
            (r"\"|\n", String, "#pop"),
            (r".", String),
        ],
        "splice_literal": [
            (r'""', String),
            (r"\{", Punctuation, "nest"),
            (r'"', String, "#pop"),
            (r".", String),
        ],
        "root": [
            include("whitespace"),
            (r'[$]\s*"', String, "splice_string"),
            (r'[$]@\s*"', String, "splice_literal"),
            (rf"(<\[)\s*({ID}:)?", Keyword),
            (r"\]>", Keyword),
            (r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", Punctuation),
            (r'(?s)@"(""|[^"])*"', String),
            (r'"(\\.|.)*?["\n]', String),
            (r"'(\\.|.)'", String.Char),
            (r"(?i)0x[0-9a-f]+[lu]?", Number),
            (r"(?i)[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", Number),
            (r"\b(?:class|struct|interface)\b", Keyword, "class"),
            (r"\b(?:namespace|using)\b", Keyword, "namespace"),
            (r"^#[ \t]*(" + "|".join(_CPP) + r")\b.*?\n", Comment.Preproc),
            (r"\b(" + "|".join(_KEYWORDS) + r")\b", Keyword),
            (r"\b(" + "|".join(_TYPES) + r")\b", Keyword.Type),
            (rf"{ID}(?=\s*[(])", Name.Function),
            (ID, Name),
        ],
        "class": [include("whitespace"), (ID, Name.Class, "#pop")],
        "namespace": [
            include("whitespace"),
            (r"(?=[(])", Text, "#pop"),
            (rf"({ID}|[.])+", Name.Namespace, "#pop"),
        ],
    }
