"""Praat scripts tokenised as Rouge 3.30's ``praat`` lexer does.

A capitalised word starts a menu command (up to ``:``/``...`` and its
arguments); known functions open an argument list; ``Sound_name`` style
object references, ``'var'`` interpolation and old-style ``form`` blocks are
recognised.  Rouge's ``(?<![\\w.])`` look-behind always holds where it is
tried, so it is left out.
"""

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
    include,
)
from jekpy.highlight.lexers import praat_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer


def _alt(words: str) -> str:
    return "|".join(words.split())


class PraatLexer(RougeRegexLexer):
    """Rouge's ``praat`` lexer."""

    name = "Praat (Rouge)"
    aliases = ["rouge-praat"]

    tokens: dict[str, Any] = {
        "root": [
            (r"(\s+)(#.*?$)", bygroups(Text, Comment.Single)),
            (r"^#.*?$", Comment.Single),
            (r";[^\n]*", Comment.Single),
            (r"\s+", Text),
            (r"(\bprocedure)(\s+)", bygroups(Keyword, Text), "procedure_definition"),
            (r"(\bcall)(\s+)", bygroups(Keyword, Text), "procedure_call"),
            (r"@", Name.Function, "procedure_call"),
            include("function_call"),
            (r"\b(?:select all)\b", Keyword),
            (rf"\b(?:{_alt(w.KEYWORDS)})\b", Keyword),
            (r"(\bform\b)(\s+)([^\n]+)", bygroups(Keyword, Text, String), "old_form"),
            (
                r"(print(?:line|tab)?|echo|exit|asserterror|pause|send(?:praat|socket)|include"
                r"|execute|system(?:_nocheck)?)(\s+)",
                bygroups(Keyword, Text),
                "string_unquoted",
            ),
            (r"(goto|label)(\s+)(\w+)", bygroups(Keyword, Text, Name.Label)),
            include("variable_name"),
            include("number"),
            (r'"', String, "string"),
            (rf"\b(?:{_alt(w.OBJECTS)})(?=\s+\S+\n)", Name.Class, "string_unquoted"),
            (r"\b(?=[A-Z])", Text, "command"),
            (r"(\.{3}|[)(,$])", Punctuation),
        ],
        "command": [
            (r"( ?([^\s:.'])+ ?)", Keyword),
            include("string_interpolated"),
            (r"\.{3}", Keyword, ("#pop", "old_arguments")),
            (r":", Keyword, ("#pop", "comma_list")),
            (r"[\s]", Text, "#pop"),
        ],
        "procedure_call": [
            include("string_interpolated"),
            (r"(:|\s*\()", Punctuation, "#pop"),
            (r"'", Name.Function),
            (r"[^:('\s]+", Name.Function),
            (r"(?=\s+)", Text, ("#pop", "old_arguments")),
        ],
        "procedure_definition": [
            (r"(:|\s*\()", Punctuation, "#pop"),
            (r"[^:(\s]+", Name.Function),
            (r"(\s+)", Text, "#pop"),
        ],
        "function_call": [
            (rf"\b({_alt(w.FUNCTIONS_STRING)})\$(?=\s*[:(])", Name.Function, "function"),
            (rf"\b({_alt(w.FUNCTIONS_ARRAY)})#(?=\s*[:(])", Name.Function, "function"),
            (rf"\b({_alt(w.FUNCTIONS_NUMERIC)})(?=\s*[:(])", Name.Function, "function"),
        ],
        "function": [
            (r"\s+", Text),
            (r"(?::|\s*\()", Text, ("#pop", "comma_list")),
        ],
        "comma_list": [
            (r"(\s*\n\s*)(\.{3})", bygroups(Text, Punctuation)),
            (r"\s*[\])\n]", Text, "#pop"),
            (r"\s+", Text),
            (r'"', String, "string"),
            (r"\b(if|then|else|fi|endif)\b", Keyword),
            include("function_call"),
            include("variable_name"),
            include("operator"),
            include("number"),
            (r"[()]", Text),
            (r",", Punctuation),
        ],
        "old_arguments": [
            (r"\n", Text, "#pop"),
            include("variable_name"),
            include("operator"),
            include("number"),
            (r'"', String, "string"),
            (r"[^\n]", Text),
        ],
        "number": [
            (r"\n", Text, "#pop"),
            (r"\b\d+(\.\d*)?([eE][-+]?\d+)?%?", Number),
        ],
        "variable_name": [
            include("operator"),
            include("number"),
            (rf"\b(?:{_alt(w.VARIABLES_STRING)})\$", Name.Builtin),
            (rf"\b(?:{_alt(w.VARIABLES_NUMERIC)})(?!\$)\b", Name.Builtin),
            (rf"\b(Object|{_alt(w.OBJECTS)})_", Name.Builtin, "object_reference"),
            (r"\.?[a-z][a-zA-Z0-9_.]*(\$|#)?", Text),
            (r"[\[\]]", Text, "comma_list"),
            include("string_interpolated"),
        ],
        "object_reference": [
            include("string_interpolated"),
            (r"([a-z][a-zA-Z0-9_]*|\d+)", Name.Builtin),
            (rf"\.({_alt(w.OBJECT_ATTRIBUTES)})\b", Name.Builtin, "#pop"),
            (r"\$", Name.Builtin),
            (r"\[", Text, "#pop"),
        ],
        "operator": [
            (r"([+/*<>=!-]=?|[&*|][&*|]?|\^|<>)", Operator),
            (r"(and|or|not|div|mod)(?![\w.])", Operator.Word),
        ],
        "string_interpolated": [
            (
                r"'[._a-z][^\[\]'\":]*(\[([\d,]+|\"[\w,]+\")\])?(:[0-9]+)?'",
                String.Interpol,
            ),
        ],
        "string_unquoted": [
            (r"\n\s*\.{3}", Punctuation),
            (r"\n", Text, "#pop"),
            (r"\s", Text),
            include("string_interpolated"),
            (r"'", String),
            (r"[^'\n]+", String),
        ],
        "string": [
            (r"\n\s*\.{3}", Punctuation),
            (r'"', String, "#pop"),
            include("string_interpolated"),
            (r"'", String),
            (r"[^'\"\n]+", String),
        ],
        "old_form": [
            (r"(\s+)(#.*?$)", bygroups(Text, Comment.Single)),
            (r"\s+", Text),
            (r"(optionmenu|choice)([ \t]+\S+:[ \t]+)", bygroups(Keyword, Text), "number"),
            (r"(option|button)([ \t]+)", bygroups(Keyword, Text), "string_unquoted"),
            (r"(sentence|text)([ \t]+\S+)", bygroups(Keyword, Text), "string_unquoted"),
            (
                r"(word)([ \t]+\S+[ \t]*)(\S+)?([ \t]+.*)?",
                bygroups(Keyword, Text, String, Text),
            ),
            (r"(boolean)(\s+\S+\s*)(0|1|\"?(?:yes|no)\"?)", bygroups(Keyword, Text, Name.Variable)),
            (
                r"(real|natural|positive|integer)([ \t]+\S+[ \t]*)([+-]?)",
                bygroups(Keyword, Text, Operator),
                "number",
            ),
            (r"(comment)(\s+)", bygroups(Keyword, Text), "string_unquoted"),
            (r"\bendform\b", Keyword, "#pop"),
        ],
    }
