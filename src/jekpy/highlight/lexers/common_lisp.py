"""Common Lisp tokenised as Rouge 3.30's ``common_lisp`` lexer does.

Symbols are classified by Rouge's word lists (functions and macros
``Name.Builtin``, special forms and lambda-list keywords ``Keyword``, …,
anything else ``Name.Variable``); each ``(`` nests a state so an unmatched
``)`` at top level is an ``Error``.
"""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Other,
    Punctuation,
    String,
    Text,
    TokenType,
    bygroups,
)
from jekpy.highlight.lexers import lisp_words as w
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream, classify

_NONMACRO = r"(?:\\.|[a-zA-Z0-9!$%&*+-/<=>?@\[\]^_{}~])"
_CONSTITUENT = rf"(?:{_NONMACRO}|[#.:])"
_TERMINATED = r"(?=[ \"'()\n,;`])"
SYMBOL = rf"(\|[^|]+\||{_NONMACRO}{_CONSTITUENT}*)"

_CLASSES: list[tuple[frozenset[str], TokenType]] = [
    (w.BUILTIN_FUNCTIONS, Name.Builtin),
    (w.SPECIAL_FORMS, Keyword),
    (w.MACROS, Name.Builtin),
    (w.LAMBDA_LIST_KEYWORDS, Keyword),
    (w.DECLARATIONS, Keyword),
    (w.BUILTIN_TYPES, Keyword.Type),
    (w.BUILTIN_CLASSES, Name.Class),
]


_symbol = classify(_CLASSES, Name.Variable)


def _close(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    if len(ctx.stack) == 1:
        yield 0, Error, ")"
    else:
        yield 0, Punctuation, ")"
        ctx.stack.pop()


class CommonLispLexer(RougeRegexLexer):
    """Rouge's ``common_lisp`` lexer (tags common_lisp, cl, common-lisp, elisp, …)."""

    name = "Common Lisp (Rouge)"
    aliases = ["rouge-common-lisp"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s+", Text),
            (r";.*$", Comment.Single),
            (r"#\|", Comment.Multiline, "multiline_comment"),
            (r"#\d*Y.*$", Comment.Special),
            (r'"(\\.|[^"\\])*"', String),
            (rf"[:']{SYMBOL}", String.Symbol),
            (r"['`]", Operator),
            (rf"[-+]?\d+\.?{_TERMINATED}", Number.Integer),
            (rf"[-+]?\d+/\d+{_TERMINATED}", Number.Integer),
            (
                rf"[-+]?(\d*\.\d+([defls][-+]?\d+)?|\d+(\.\d*)?[defls][-+]?\d+){_TERMINATED}",
                Number.Float,
            ),
            (rf"#\\.{_TERMINATED}", String.Char),
            (rf"#\\{SYMBOL}", String.Char),
            (r"#\(", Operator, "root"),
            (r"#\d*\*[01]*", Other),
            (rf"#:{SYMBOL}", String.Symbol),
            (r"#[.,]", Operator),
            (r"#'", Name.Function),
            (r"(?i)#b[+-]?[01]+(/[01]+)?", Number),
            (r"(?i)#o[+-]?[0-7]+(/[0-7]+)?", Number.Oct),
            (r"(?i)#x[+-]?[0-9a-f]+(/[0-9a-f]+)?", Number),
            (r"(?i)(#c)(\()", bygroups(Number, Punctuation), "root"),
            (r"(?i)(#(?:\d+a|s))(\()", bygroups(String.Other, Punctuation), "root"),
            (r'(?i)#p?"(\\.|[^"])*"', String.Symbol),
            (r"#\d+[=#]", Operator),
            (rf"#+nil{_TERMINATED}\s*\(", Comment, "commented_form"),
            (r"#[+-]", Operator),
            (r"(,@|,|\.)", Operator),
            (rf"(t|nil){_TERMINATED}", Name.Constant),
            (rf"\*{SYMBOL}\*", Name.Variable.Global),
            (SYMBOL, _symbol),
            (r"\(", Punctuation, "root"),
            (r"\)", _close),
        ],
        "multiline_comment": [
            (r"#\|", Comment.Multiline, "multiline_comment"),
            (r"\|#", Comment.Multiline, "#pop"),
            (r"[^|#]+", Comment.Multiline),
            (r"[|#]", Comment.Multiline),
        ],
        "commented_form": [
            (r"\(", Comment, "commented_form"),
            (r"\)", Comment, "#pop"),
            (r"[^()]+", Comment),
        ],
    }
