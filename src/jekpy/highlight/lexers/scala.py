"""Scala tokenised as Rouge 3.30's ``scala`` lexer does.

``name(`` is a ``Name.Function`` with the paren as ``Operator``; ``x.y`` is
``Name.Variable`` + ``Operator`` + ``Name.Property``; after ``:`` comes a
type (``Keyword.Type``); ``class``/``trait``/``object`` names ``Name.Class``.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.unicode_classes import category_class

_SPACE = r"(?u:\s)"
_LETTER = r"(?:(?u:[^\W\d_])|[$_])"
_UPPER = rf"[{category_class('Lu')}$_]"
_DIGIT = "[0-9]"
_PARENS = r"[(){}\[\]]"
_DELIMS = "[\u2018\u2019\".;,]"
_OP = (
    rf"(?:(?!{_SPACE}|{_LETTER}|{_DIGIT}|{_PARENS}|{_DELIMS})"
    rf"[\u0020-\u007f{category_class('Sm', 'So')}])"
)
_IDREST = rf"(?:{_LETTER}(?:{_LETTER}|{_DIGIT})*(?:(?<=_){_OP}+)?)"
_NAMEISH = rf"(?:{_IDREST}|{_OP}+|`[^`]+`)"
_KEYWORDS = ["abstract", "case", "catch", "def", "do", "else", "extends", "final", "finally", "for", "forSome", "if", "implicit", "lazy", "match", "new", "override", "private", "protected", "requires", "return", "sealed", "super", "this", "throw", "try", "val", "var", "while", "with", "yield"]
_TYPECHUNK = rf"(?:{_IDREST}|{_OP}+`[^`]+`)"


class ScalaLexer(RougeRegexLexer):
    """Rouge's ``scala`` lexer."""

    name = "Scala (Rouge)"
    aliases = ["rouge-scala"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(class|trait|object)(\s+)", bygroups(Keyword, Text), "class"),
            (rf"'{_IDREST}(?!')", String.Symbol),
            (r"[^\S\n]+", Text),
            (r"//.*", Comment.Single),
            (r"/\*", Comment.Multiline, "comment"),
            (rf"@{_IDREST}", Name.Decorator),
            (rf"(def)(\s+)({_NAMEISH})(\s*)", bygroups(Keyword, Text, Name.Function, Text)),
            (rf"(val)(\s+)({_NAMEISH})(\s*)", bygroups(Keyword, Text, Name.Variable, Text)),
            (
                rf"(this)(\n*)(\.)({_IDREST})",
                bygroups(Keyword, Text, Operator, Name.Property),
            ),
            (
                rf"({_IDREST}|_)(\n*)(\.)({_IDREST})",
                bygroups(Name.Variable, Text, Operator, Name.Property),
            ),
            (rf"{_UPPER}{_IDREST}\b", Name.Class),
            (rf"({_IDREST})({_SPACE}*)(\()", bygroups(Name.Function, Text, Operator)),
            (rf"(\.)({_IDREST})", bygroups(Operator, Name.Property)),
            (
                r"(" + "|".join(_KEYWORDS) + r")\b"
                r"|(<[%:-]|=>|>:|[#=@_\u21d2\u2190])(\b|(?=\s)|$)",
                Keyword,
            ),
            (rf":(?!{_OP})", Keyword, "type"),
            (r"(true|false|null)\b", Keyword.Constant),
            (r"(import|package)(\s+)", bygroups(Keyword, Text), "import"),
            (r"(type)(\s+)", bygroups(Keyword, Text), "type"),
            (r'(?s)""".*?"""(?!")', String),
            (r'"(\\\\|\\"|[^"])*"', String),
            (r"'\\.'|'[^\\]'|'\\u[0-9a-fA-F]{4}'", String.Char),
            (_IDREST, Name),
            (r"`[^`]+`", Name),
            (r"\[", Operator, "typeparam"),
            (r"[(){};,.#]", Operator),
            (rf"{_OP}+", Operator),
            (r"([0-9][0-9]*\.[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[fFdD]?", Number.Float),
            (r"([0-9][0-9]*[fFdD])", Number.Float),
            (r"0x[0-9a-fA-F]+", Number.Hex),
            (r"[0-9]+L?", Number.Integer),
            (r"\n", Text),
        ],
        "class": [
            (rf"({_NAMEISH})(\s*)(\[)", bygroups(Name.Class, Text, Operator), "typeparam"),
            (r"\s+", Text),
            (r"\{", Operator, "#pop"),
            (r"\(", Operator, "#pop"),
            (r"//.*", Comment.Single, "#pop"),
            (_NAMEISH, Name.Class, "#pop"),
        ],
        "type": [
            (r"\s+", Text),
            (r"<[%:]|>:|[#_\u21d2]|forSome|type", Keyword),
            (r"([,);}]|=>|=)(\s*)", bygroups(Operator, Text), "#pop"),
            (r"[({]", Operator, "type"),
            (
                rf"({_TYPECHUNK}(?:\.{_TYPECHUNK})*)(\s*)(\[)",
                bygroups(Keyword.Type, Text, Operator),
                ("#pop", "typeparam"),
            ),
            (rf"({_TYPECHUNK}(?:\.{_TYPECHUNK})*)(\s*)$", bygroups(Keyword.Type, Text), "#pop"),
            (r"//.*", Comment.Single, "#pop"),
            (rf"\.|{_IDREST}|{_OP}+|`[^`]+`", Keyword.Type),
        ],
        "typeparam": [
            (r"[\s,]+", Text),
            (r"<[%:]|=>|>:|[#_\u21d2]|forSome|type", Keyword),
            (r"([\])}])", Operator, "#pop"),
            (r"[(\[{]", Operator, "typeparam"),
            (rf"\.|{_IDREST}|{_OP}+|`[^`]+`", Keyword.Type),
        ],
        "comment": [
            (r"[^/*]+", Comment.Multiline),
            (r"/\*", Comment.Multiline, "comment"),
            (r"\*/", Comment.Multiline, "#pop"),
            (r"[*/]", Comment.Multiline),
        ],
        "import": [(rf"(?:{_IDREST}|\.)+", Name.Namespace, "#pop")],
    }
