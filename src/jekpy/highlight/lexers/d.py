"""D tokenised as Rouge 3.30's ``d`` lexer does."""

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
from jekpy.highlight.lexers import d_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer

_KEYWORDS = _words.KEYWORDS
_TYPES = ["bool", "byte", "cdouble", "cent", "cfloat", "char", "creal", "dchar", "double", "float", "idouble", "ifloat", "int", "ireal", "long", "real", "short", "ubyte", "ucent", "uint", "ulong", "ushort", "void", "wchar"]
_PSEUDO = ["__FILE__", "__FILE_FULL_PATH__", "__MODULE__", "__LINE__", "__FUNCTION__", "__PRETTY_FUNCTION__", "__DATE__", "__EOF__", "__TIME__", "__TIMESTAMP__", "__VENDOR__", "__VERSION__"]


def _delimited(opener: str, closer: str, inside: str) -> tuple[list[Any], list[Any]]:
    outer = [
        (rf"[^{opener}{closer}]+", String),
        (opener, String, inside),
        (rf'{closer}"', String, "#pop"),
    ]
    inner = [
        (rf"[^{opener}{closer}]+", String),
        (opener, String, "#push"),
        (closer, String, "#pop"),
    ]
    return outer, inner


_BRACKET = _delimited(r"\[", r"\]", "delimited_inside_bracket")
_PAREN = _delimited(r"\(", r"\)", "delimited_inside_parenthesis")
_ANGLE = _delimited("<", ">", "delimited_inside_angle")
_CURLY = _delimited(r"\{", r"\}", "delimited_inside_curly")


class DLexer(RougeRegexLexer):
    """Rouge's ``d`` lexer (tags d, dlang)."""

    name = "D (Rouge)"
    aliases = ["rouge-d"]

    tokens: dict[str, Any] = {
        "whitespace": [(r"\n", Text), (r"\s+", Text)],
        "root": [
            include("whitespace"),
            (r"//.*", Comment.Single),
            (r"/(\\\n)?[*](.|\n)*?[*](\\\n)?/", Comment.Multiline),
            (r"/\+", Comment.Multiline, "nested_comment"),
            (r"(" + "|".join(_KEYWORDS) + r")\b", Keyword),
            (r"(" + "|".join(_TYPES) + r")\b", Keyword.Type),
            (r"(false|true|null)\b", Keyword.Constant),
            (r"(" + "|".join(_PSEUDO) + r")\b", Keyword.Pseudo),
            (r"macro\b", Keyword.Reserved),
            (r"(string|wstring|dstring|size_t|ptrdiff_t)\b", Name.Builtin),
            (
                r"0[xX]([0-9a-fA-F_]*\.[0-9a-fA-F_]+|[0-9a-fA-F_]+)[pP][+\-]?[0-9_]+[fFL]?[i]?",
                Number.Float,
            ),
            (
                r"[0-9_]+(\.[0-9_]+[eE][+\-]?[0-9_]+|\.[0-9_]*|[eE][+\-]?[0-9_]+)[fFL]?[i]?",
                Number.Float,
            ),
            (r"\.(0|[1-9][0-9_]*)([eE][+\-]?[0-9_]+)?[fFL]?[i]?", Number.Float),
            (r"0[Bb][01_]+", Number.Bin),
            (r"0[0-7_]+", Number.Oct),
            (r"0[xX][0-9a-fA-F_]+", Number.Hex),
            (r"(0|[1-9][0-9_]*)([LUu]|Lu|LU|uL|UL)?", Number.Integer),
            (
                r"'(\\['\"?\\abfnrtv]|\\x[0-9a-fA-F]{2}|\\[0-7]{1,3}|\\u[0-9a-fA-F]{4}"
                r"|\\U[0-9a-fA-F]{8}|\\&\w+;|.)'",
                String.Char,
            ),
            (r'r"[^"]*"[cwd]?', String),
            (r"`[^`]*`[cwd]?", String),
            (r'"(\\\\|\\"|[^"])*"[cwd]?', String),
            (
                r"\\(['\"?\\abfnrtv]|x[0-9a-fA-F]{2}|[0-7]{1,3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}"
                r"|&\w+;)",
                String,
            ),
            (r'x"[0-9a-fA-F_\s]*"[cwd]?', String),
            (r'q"\[', String, "delimited_bracket"),
            (r'q"\(', String, "delimited_parenthesis"),
            (r'q"<', String, "delimited_angle"),
            (r'q"\{', String, "delimited_curly"),
            (r'q"([a-zA-Z_]\w*)\n.*?\n\1"', String),
            (r'q"(.).*?\1"', String),
            (r"q\{", String, "token_string"),
            (r"@([a-zA-Z_]\w*)?", Name.Decorator),
            (
                r"(~=|\^=|%=|\*=|==|!>=|!<=|!<>=|!<>|!<|!>|!=|>>>=|>>>|>>=|>>|>=|<>=|<>|<<=|<<"
                r"|<=|\+\+|\+=|--|-=|\|\||\|=|&&|&=|\.\.\.|\.\.|/=)"
                r"|[/.&|\-+<>!()\[\]{}?,;:$=*%^~]",
                Punctuation,
            ),
            (r"[a-zA-Z_]\w*", Name),
            (r"#line\s.*\n", Comment.Special),
        ],
        "nested_comment": [
            (r"[^+/]+", Comment.Multiline),
            (r"/\+", Comment.Multiline, "#push"),
            (r"\+/", Comment.Multiline, "#pop"),
            (r"[+/]", Comment.Multiline),
        ],
        "token_string": [
            (r"\{", Punctuation, "token_string_nest"),
            (r"\}", String, "#pop"),
            include("root"),
        ],
        "token_string_nest": [
            (r"\{", Punctuation, "#push"),
            (r"\}", Punctuation, "#pop"),
            include("root"),
        ],
        "delimited_bracket": _BRACKET[0],
        "delimited_inside_bracket": _BRACKET[1],
        "delimited_parenthesis": _PAREN[0],
        "delimited_inside_parenthesis": _PAREN[1],
        "delimited_angle": _ANGLE[0],
        "delimited_inside_angle": _ANGLE[1],
        "delimited_curly": _CURLY[0],
        "delimited_inside_curly": _CURLY[1],
    }
