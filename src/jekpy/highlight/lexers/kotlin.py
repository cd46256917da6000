"""Kotlin tokenised as Rouge 3.30's ``kotlin`` lexer does."""

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
)
from jekpy.highlight.lexers import kotlin_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.unicode_classes import category_class

_KEYWORDS = _words.KEYWORDS

_NAME_CHARS = (
    "[-_" + category_class("Lu", "Ll", "Lt", "Lm", "Nl", "Nd", "Pc", "Cf", "Mn", "Mc") + "]*"
)
CLASS_NAME = f"(?:`?[{category_class('Lu')}]{_NAME_CHARS}`?)"
NAME = f"(?:`?[_{category_class('Lu', 'Ll', 'Lt', 'Lm', 'Nl')}]{_NAME_CHARS}`?)"

_DEC = r"(?:([0-9][0-9_]*[0-9])|[0-9])"
_EXP = rf"(?:[eE][+-]?({_DEC}))"
_DOUBLE = rf"(?:(({_DEC})?\.{_DEC}({_EXP})?)|({_DEC}{_EXP}))"


class KotlinLexer(RougeRegexLexer):
    """Rouge's ``kotlin`` lexer."""

    name = "Kotlin (Rouge)"
    aliases = ["rouge-kotlin"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\b(companion)(\s+)(object)\b", bygroups(Keyword, Text, Keyword)),
            (
                r"\b(class|data\s+class|interface|object)(\s+)",
                bygroups(Keyword.Declaration, Text),
                "class",
            ),
            (r"\b(fun)(\s+)", bygroups(Keyword, Text), "function"),
            (r"\b(package|import)(\s+)", bygroups(Keyword, Text), "package"),
            (
                r"\b(val|var)(\s+)(\()",
                bygroups(Keyword.Declaration, Text, Punctuation),
                "destructure",
            ),
            (r"\b(val|var)(\s+)", bygroups(Keyword.Declaration, Text), "property"),
            (
                rf"(return|continue|break|this|super)(@{NAME})?\b",
                bygroups(Keyword, Name.Decorator),
            ),
            (r"\bfun\b", Keyword),
            (r"\b(?:" + "|".join(_KEYWORDS) + r")\b", Keyword),
            (r"^\s*\[.*?\]", Name.Attribute),
            (r"[^\S\n]+", Text),
            (r"\\\n", Text),
            (r"//.*?$", Comment.Single),
            (r"/[*].*[*]/", Comment.Multiline),
            (r"/[*].*", Comment.Multiline, "comment"),
            (r"\n", Text),
            (r"(::)(class)", bygroups(Operator, Keyword)),
            (r"::|!!|\?[:.]", Operator),
            (r"(\.\.)", Operator),
            (rf"({_DOUBLE}[fF]?)|({_DEC}[fF])", Number.Float),
            (r"0[bB]([01][01_]*[01]|[01])[uU]?L?", Number.Bin),
            (r"0[xX]([0-9a-fA-F][0-9a-fA-F_]*[0-9a-fA-F]|[0-9a-fA-F])[uU]?L?", Number.Hex),
            (r"(([1-9][0-9_]*[0-9])|[0-9])[uU]?L?", Number.Integer),
            (r"[~!%^&*()+=|\[\]:;,.<>/?-]", Punctuation),
            (r"[{}]", Punctuation),
            (r'(?s)@"(""|[^"])*"', String),
            (r'(?s)""".*?"""', String),
            (r'(?s)"(\\\\|\\"|[^"\n])*["\n]', String),
            (r"'\\.'|'[^\\]'", String.Char),
            (rf"(@{CLASS_NAME})", Name.Decorator),
            (rf"({CLASS_NAME})(<)", bygroups(Name.Class, Punctuation), "generic_parameters"),
            (CLASS_NAME, Name.Class),
            (rf"({NAME})(?=\s*[({{])", Name.Function),
            (rf"({NAME})@", Name.Decorator),
            (NAME, Name),
        ],
        "package": [(r"\S+", Name.Namespace, "#pop")],
        "class": [(CLASS_NAME, Name.Class, "#pop")],
        "function": [
            (r"(<)", Punctuation, "generic_parameters"),
            (r"(\s+)", Text),
            (rf"({CLASS_NAME})(\.)", bygroups(Name.Class, Punctuation)),
            (NAME, Name.Function, "#pop"),
        ],
        "generic_parameters": [
            (CLASS_NAME, Name.Class),
            (r"(<)", Punctuation, "generic_parameters"),
            (r"(reified|out|in)", Keyword),
            (r"([,:.?])", Punctuation),
            (r"(\s+)", Text),
            (r"(>)", Punctuation, "#pop"),
        ],
        "property": [
            (r"(<)", Punctuation, "generic_parameters"),
            (r"(\s+)", Text),
            (NAME, Name.Property, "#pop"),
        ],
        "destructure": [
            (r"(,)", Punctuation),
            (r"(\))", Punctuation, "#pop"),
            (r"(\s+)", Text),
            (NAME, Name.Property),
        ],
        "comment": [
            (r"/[*]", Comment.Multiline, "comment"),
            (r"[*]/", Comment.Multiline, "#pop"),
            (r"[^/*]+", Comment.Multiline),
            (r"[/*]", Comment.Multiline),
        ],
    }
