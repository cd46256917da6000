"""Visual Basic tokenised as Rouge 3.30's ``vb`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    default,
    include,
)
from jekpy.highlight.lexers import vb_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

VB_KEYWORDS = frozenset(
    _words.VB_KEYWORDS
)
VB_TYPES = frozenset(
    ["Boolean", "Byte", "Char", "Date", "Decimal", "Double", "Integer", "Long", "Object", "SByte", "Short", "Single", "String", "Variant", "UInteger", "ULong", "UShort"]
)
VB_OPERATOR_WORDS = frozenset(
    ["AddressOf", "And", "AndAlso", "As", "GetType", "In", "Is", "IsNot", "Like", "Mod", "Or", "OrElse", "TypeOf", "Xor"]
)
VB_BUILTINS = frozenset(["Console", "ConsoleColor"])
VB_ID = r"[a-zA-Z_]\w*"


_vb_word = classify(
    [
        (VB_KEYWORDS, Keyword),
        (VB_TYPES, Keyword.Type),
        (VB_OPERATOR_WORDS, Operator.Word),
        (VB_BUILTINS, Name.Builtin),
    ],
    Name,
)


_VB_PREPROC = (
    r"(?x)[#]If\b .*? \bThen | [#]ElseIf\b .*? \bThen | [#]End \s+ If | [#]Const"
    r" | [#]ExternalSource .*? \n | [#]End \s+ ExternalSource | [#]Region .*? \n"
    r" | [#]End \s+ Region | [#]ExternalChecksum"
)


class VisualBasicLexer(RougeRegexLexer):
    """Rouge's ``vb`` lexer (tags vb, visualbasic)."""

    name = "Visual Basic (Rouge)"
    aliases = ["rouge-vb"]

    tokens: dict[str, Any] = {
        "whitespace": [
            (r"\s+", Text),
            (r"\n", Text, "bol"),
            (r"(?i)rem\b.*?$", Comment.Single),
            (r"(?s)%\{.*?%\}", Comment.Multiline),
            (r"'.*$", Comment.Single),
        ],
        # Rouge's last rule here returns ``:pop!`` instead of popping
        "bol": [(r"\s+", Text), (r"<.*?>", Name.Attribute), (r"", Text)],
        "root": [
            include("whitespace"),
            (_VB_PREPROC, Comment.Preproc),
            (r"[.]", Punctuation, "dotted"),
            (r"[(){}!#,:]", Punctuation),
            (
                r"Option\s+(Strict|Explicit|Compare)\s+(On|Off|Binary|Text)",
                Keyword.Declaration,
            ),
            (r"End\b", Keyword, "end"),
            (r"(Dim|Const)\b", Keyword, "dim"),
            (r"(Function|Sub|Property)\b", Keyword, "funcname"),
            (r"(Class|Structure|Enum)\b", Keyword, "classname"),
            (r"(Module|Namespace|Imports)\b", Keyword, "namespace"),
            (r"[A-Z]\w*", _vb_word),
            (r"&=|[*]=|/=|\\=|\^=|\+=|-=|<<=|>>=|<<|>>|:=|<=|>=|<>|[-&*/\\^+=<>.]", Operator),
            (r'"', String, "string"),
            (rf"{VB_ID}[%&@!#$]?", Name),
            (r"#.*?#", Literal.Date),
            (r"(?i)(\d+\.\d*|\d*\.\d+)(f[+-]?\d+)?", Number.Float),
            (r"\d+([SILDFR]|US|UI|UL)?", Number.Integer),
            (r"&H[0-9a-f]+([SILDFR]|US|UI|UL)?", Number.Integer),
            (r"&O[0-7]+([SILDFR]|US|UI|UL)?", Number.Integer),
            (r"_\n", Keyword),
        ],
        "dotted": [include("whitespace"), (VB_ID, Name, "#pop")],
        "string": [
            (r'""', String.Escape),
            (r'"C?', String, "#pop"),
            (r'[^"]+', String),
        ],
        "dim": [include("whitespace"), (VB_ID, Name.Variable, "#pop"), default("#pop")],
        "funcname": [include("whitespace"), (VB_ID, Name.Function, "#pop")],
        "classname": [include("whitespace"), (VB_ID, Name.Class, "#pop")],
        "namespace": [include("whitespace"), (rf"{VB_ID}([.]{VB_ID})*", Name.Namespace, "#pop")],
        "end": [
            include("whitespace"),
            (
                r"(Function|Sub|Property|Class|Structure|Enum|Module|Namespace)\b",
                Keyword,
                "#pop",
            ),
            default("#pop"),
        ],
    }

