"""LiveScript tokenised as Rouge 3.30's ``livescript`` lexer does.

Rouge's shapes: a name is followed by an "attribute" state (``.x``, ``?``,
``!``, destructuring ``{…}``) and then by a state where ``/…/`` is a regex;
``//…//`` is a multi-line regex with comments and ``#{}`` interpolation;
``<[ … ]>`` is a word list; ``break``/``continue`` may take a loop label.
"""

from __future__ import annotations

import re
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
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, word_set
from jekpy.highlight.lexers.javascript import JavascriptLexer

DECLARATIONS = word_set("const let var function class extends implements")
KEYWORDS = word_set(
    """loop until for in of while break return continue switch case
    fallthrough default otherwise when then if unless else throw try
    catch finally new delete typeof instanceof super by from to til
    with require do debugger import export yield"""
)
CONSTANTS = JavascriptLexer.constants | word_set("yes no on off void")
BUILTINS = JavascriptLexer.builtins | word_set("this it that arguments")
LOOP_CONTROL = word_set("break continue")

ID = r"(?i:[$a-z_](?:(?:-(?=[a-z]))?[a-z0-9_])*)"
INT_NUMBER = r"\d[\d_]*"
INT = rf"{INT_NUMBER}(?:e[+-]?{INT_NUMBER})?[$\w]*"

OPERATORS = (
    r"[+][+]|--|&&|\b(?:and|x?or|is(?:nt)?|not)\b(?!-[a-zA-Z]|_)|[|][|]"
    r"|[.](?:[|&^]|<<|>>>?)[.]|\\(?=\n)|[.:]=|<<<<?|<[|]|[|]>"
    r"|(?:<<|>>|==?|!=?|[-<>+*%^/~?])=?"
)

_CLASS_START = re.compile(r"[A-Z]")
_CLASS_LOWER = re.compile(r"[^-][a-z]")


def _word(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    word = match.group()
    if word in LOOP_CONTROL:
        yield 0, Keyword, word
        ctx.stack.append("loop_control")
        return
    if word in KEYWORDS:
        tok = Keyword
    elif word in CONSTANTS:
        tok = Name.Constant
    elif word in BUILTINS:
        tok = Name.Builtin
    elif word in DECLARATIONS:
        tok = Keyword.Declaration
    elif _CLASS_START.match(word) and _CLASS_LOWER.search(word):
        tok = Name.Class
    else:
        tok = Name.Variable
    yield 0, tok, word
    ctx.stack.append("id")


def _interpolated_name(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String.Interpol, match.group(1)
    name = match.group(2)
    yield match.start(2), Name.Builtin if name in BUILTINS else Name.Variable, name


def _string_state(closer: str, other_quote: str, body: str) -> list[Any]:
    return [(closer, String, "#pop"), (other_quote, String), include(body)]


class LivescriptLexer(RougeRegexLexer):
    """Rouge's ``livescript`` lexer."""

    name = "LiveScript (Rouge)"
    aliases = ["rouge-livescript"]

    tokens: dict[str, Any] = {
        "root": [
            (r"^(?=\s|/)", Text, "slash_starts_regex"),
            include("comments"),
            include("whitespace"),
            (r"(?s)(<\[)(.*?)(\]>)", bygroups(Punctuation, String, Punctuation)),
            (r"!\s*function\b", Keyword.Declaration),
            (r"!?[-~]>|<[-~]!?", Keyword.Declaration),
            (r"(=>)", Keyword),
            (rf"(::)({ID})", bygroups(Punctuation, Name.Attribute), "id"),
            (rf"(::)({INT})", bygroups(Punctuation, Number.Integer), "id"),
            (rf"(@)({ID})", bygroups(Name.Variable.Instance, Name.Attribute), "id"),
            (rf"([.])({ID})", bygroups(Punctuation, Name.Attribute), "id"),
            (r"([.])(\d+)", bygroups(Punctuation, Number.Integer), "id"),
            (rf"{ID}(?=\s*:[^:=])", Name.Attribute),
            (OPERATORS, Operator, "slash_starts_regex"),
            (rf"(&)({ID})?", bygroups(Name.Builtin, Name.Attribute)),
            (r"[|]|\bcase(?=\s)", Keyword, "switch_underscore"),
            (r"@", Name.Variable.Instance),
            (r"[.]{3}", Punctuation),
            (r":", Punctuation),
            (ID, _word),
            (rf"\](?=[!?.]|{ID})", Punctuation, "id"),
            (r"[{(\[;,]", Punctuation, "slash_starts_regex"),
            (r"[})\].]", Punctuation),
            (rf"{INT_NUMBER}[.]{INT}", Number.Float),
            (r"0x[0-9A-Fa-f]+", Number.Hex),
            (INT, Number.Integer),
            (r'"""', String, "triple_dq"),
            (r"'''", String, "triple_sq"),
            (r'"', String, "dq"),
            (r"'", String, "sq"),
            (r"\\\S[^\s,;\])}]*", String),
        ],
        "triple_dq": _string_state('"""', '"', "double_strings"),
        "triple_sq": _string_state("'''", "'", "single_strings"),
        "dq": [('"', String, "#pop"), include("double_strings")],
        "sq": [("'", String, "#pop"), include("single_strings")],
        "code_escape": [
            (
                r"\\(?:c[A-Z]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{4}\})",
                String.Escape,
            ),
        ],
        "interpolated_expression": [
            (r"\}", String.Interpol, "#pop"),
            include("root"),
        ],
        "interpolation": [
            (r"[#][{]", String.Interpol, "interpolated_expression"),
            (rf"(#)({ID})", _interpolated_name),
        ],
        "whitespace": [
            (rf"(?s)(\s+?)(?:^([^\S\n]*)(:{ID}))?", bygroups(Text, Text, Name.Label)),
        ],
        "whitespace_single_line": [(r"[^\S\n]+", Text)],
        "slash_starts_regex": [
            include("comments"),
            include("whitespace"),
            include("multiline_regex_begin"),
            (
                r"/(?:\\.|[^\[/\\\n]|\[(?:\\.|[^\]\\\n])*\])+/(?:[gimy]+\b|\B)",
                String.Regex,
                "#pop",
            ),
            (r"", Text, "#pop"),
        ],
        "multiline_regex_begin": [(r"//", String.Regex, ("#pop", "multiline_regex"))],
        "multiline_regex_end": [(r"//(?:[gimy]+\b|\B)", String.Regex, "#pop")],
        "multiline_regex": [
            include("multiline_regex_end"),
            include("regex_comment"),
            include("interpolation"),
            include("code_escape"),
            (r"\\\D", String.Escape),
            (r"\\\d+", Name.Variable),
            (r"(?s).", String.Regex),
        ],
        "regex_comment": [
            (r"^#(\s+.*)?$", Comment.Single),
            (r"(\s+)(#)(\s+.*)?$", bygroups(Text, Comment.Single, Comment.Single)),
        ],
        "comments": [
            (r"(?s)/\*.*?\*/", Comment.Multiline),
            (r"#.*$", Comment.Single),
        ],
        "switch_underscore": [
            include("whitespace_single_line"),
            (r"_(?=\s*=>|\s+then\b)", Keyword),
            (r"", Text, "#pop"),
        ],
        "loop_control": [
            include("whitespace_single_line"),
            (rf"{ID}(?=[);\n])", Name.Label),
            (r"", Text, "#pop"),
        ],
        "id": [
            (r"[!?]|[.](?!=)", Punctuation),
            (r"[{]", Punctuation, "destructure"),
            (ID, Name.Attribute),
            (INT, Number.Integer),
            (r"", Text, ("#pop", "slash_starts_regex")),
        ],
        "destructure": [
            (r"[,;]", Punctuation),
            (ID, Name.Attribute),
            (INT, Number.Integer),
            include("whitespace"),
            (r"[}]", Punctuation, "#pop"),
        ],
        "strings": [
            (r"(?s)[^#\\'\"]+", String),
            include("code_escape"),
            (r"\\.", String.Escape),
            (r"#", String),
        ],
        "double_strings": [
            (r"'", String),
            include("interpolation"),
            include("strings"),
        ],
        "single_strings": [
            (r'"', String),
            include("strings"),
        ],
    }
