"""IDL (Interactive Data Language) tokenised as Rouge 3.30's ``idlang`` lexer does.

Words are classified upper-cased (keywords, control words, ``COMPILE_OPT``,
built-in routines); ``,,`` is an error; ``a.b`` is split into name, ``.`` and
the rest up to a blank or comma; the names after ``pro``/``function`` are
functions up to the end of the line or a comma.
"""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Literal,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
)
from jekpy.highlight.lexers import idlang_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

WS = Text.Whitespace

KEYWORDS = word_set("STRUCT INHERITS RETURN CONTINUE BEGIN END BREAK GOTO")
STANDALONE_STATEMENTS = word_set("COMMON FORWARD_FUNCTION")
DECORATORS = word_set("COMPILE_OPT")
OPERATORS = word_set("AND= EQ= GE= GT= LE= LT= MOD= NE= OR= XOR= NOT=")
CONDITIONALS = word_set(
    """OF DO ENDIF ENDELSE ENDFOR ENDFOREACH ENDWHILE ENDREP ENDCASE ENDSWITCH
    IF THEN ELSE FOR FOREACH WHILE REPEAT UNTIL CASE SWITCH
    AND EQ GE GT LE LT MOD NE OR XOR NOT"""
)
ROUTINES = _words.ROUTINES

NAME = r"(?i:[_A-Z]\w*)"
KIND_PARAM = rf"(\d+|{NAME})"
EXPONENT = r"[dDeE][+-]\d+"


_word = classify(
    [
        (KEYWORDS, Keyword),
        (CONDITIONALS, Keyword),
        (DECORATORS, Name.Decorator),
        (STANDALONE_STATEMENTS, Keyword.Reserved),
        (OPERATORS, Operator.Word),
        (ROUTINES, Name.Builtin),
    ],
    Name,
    str.upper,
)


class IdlangLexer(RougeRegexLexer):
    """Rouge's ``idlang`` lexer."""

    name = "IDL (Rouge)"
    aliases = ["rouge-idlang"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", WS),
            (r";.*$", Comment.Single),
            (r"\,\s*\,", Error),
            (rf"!{NAME}", Name.Variable.Global),
            (r"[(),:&$]", Punctuation),
            (
                rf"(?i)[+-]?((\d+[.]\d*|[.]\d+)({EXPONENT})?|\d+{EXPONENT})(_{KIND_PARAM})?",
                Number.Float,
            ),
            (r"(?i)\d+(B|S|U|US|LL|L|ULL|UL)?", Number.Integer),
            (r'(?i)"[0-7]+(B|O|U|ULL|UL|LL|L)?', Number.Oct),
            (r"(?i)'[0-9A-F]+'X(B|S|US|ULL|UL|U|LL|L)?", Number.Hex),
            (rf"({KIND_PARAM}_)?'", String.Single, "string_single"),
            (rf'({KIND_PARAM}_)?"', String.Double, "string_double"),
            (r"\#\#|\#|&&|\|\||/=|<=|>=|->|@|\?|[-+*/<=~^{}]", Operator),
            (rf"(?i)({NAME})(\.)([^\s,]*)", bygroups(Name, Operator, Name)),
            (r"(?i)(function|pro)((?:\s|\$\s)+)", bygroups(Keyword, WS), "funcname"),
            (NAME, _word),
        ],
        "funcname": [
            (NAME, Name.Function),
            (r"\s+", WS),
            (r"(:+|\$)", Operator),
            (r";.*", Comment.Single),
            (r"$", WS, "#pop"),
            (r",", Operator, "#pop"),
        ],
        "string_single": [
            (r"[^']+", String.Single),
            (r"''", String.Escape),
            (r"'", String.Single, "#pop"),
        ],
        "string_double": [
            (r'[^"]+', String.Double),
            (r'"', String.Double, "#pop"),
        ],
        "format_spec": [
            (r"'", String.Single, "string_single"),
            (r'"', String.Double, "string_double"),
            (r"\(", Punctuation, "format_spec"),
            (r"\)", Punctuation, "#pop"),
            (r",", Punctuation),
            (r"\s+", WS),
            (r"[^\s'\"(),]+", Literal),
        ],
    }
