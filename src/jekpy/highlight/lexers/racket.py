"""Racket tokenised as Rouge 3.30's ``racket`` lexer does."""

from __future__ import annotations

from typing import Any, Final

from jekpy.highlight._pyg import (
    Comment,
    Name,
    Number,
    Punctuation,
    Text,
    default,
)
from jekpy.highlight.lexers import racket_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer
from jekpy.highlight.lexers.scheme import datum_rules, head_word

RACKET_KEYWORDS: Final[frozenset[str]] = frozenset(
    _words.RACKET_KEYWORDS
)

RACKET_BUILTINS: Final[frozenset[str]] = frozenset(
    _words.RACKET_BUILTINS
)

ID = r"[^\s()\[\]{}'`,.]+"


class RacketLexer(RougeRegexLexer):
    """Rouge's ``racket`` lexer."""

    name = "Racket (Rouge)"
    aliases = ["rouge-racket"]

    tokens: dict[str, Any] = {
        "root": [
            (r";.*$", Comment.Single),
            (r"#!.*", Comment.Single),
            (r"#\|", Comment.Multiline, "block_comment"),
            (r"#;", Comment.Multiline, "sexp_comment"),
            (r"\s+", Text),
            (r"[+-]inf[.][f0]", Number.Float),
            (r"[+-]nan[.]0", Number.Float),
            (r"[-]min[.]0", Number.Float),
            (r"[+]max[.]0", Number.Float),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+", Number.Integer),
            (rf"#:(?:{ID})+", Name.Tag),
            *datum_rules(rf"(?i)['`]{ID}", r"(?i)#t(rue)?|#f(alse)?"),
            (r"\(|\[|\{", Punctuation, "command"),
            (r"\)|\]|\}", Punctuation),
            (ID, Name.Variable),
        ],
        "block_comment": [
            (r"[^|#]+", Comment.Multiline),
            (r"\|#", Comment.Multiline, "#pop"),
            (r"#\|", Comment.Multiline, "block_comment"),
            (r"[|#]", Comment.Multiline),
        ],
        "sexp_comment": [
            (r"[({\[]", Comment.Multiline, "sexp_comment_inner"),
            (r'"(?:\\"|[^"])*?"', Comment.Multiline, "#pop"),
            (r"[^\s]+", Comment.Multiline, "#pop"),
            default("#pop"),
        ],
        "sexp_comment_inner": [
            (r"[^(){}\[\]]+", Comment.Multiline),
            (r"[)}\]]", Comment.Multiline, "#pop"),
            (r"[({\[]", Comment.Multiline, "sexp_comment_inner"),
        ],
        "command": [(ID, head_word(RACKET_KEYWORDS, RACKET_BUILTINS)), default("#pop")],
    }
