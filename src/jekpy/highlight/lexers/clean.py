"""Clean tokenised as Rouge 3.30's ``clean`` lexer does.

``//*`` and ``/** … */`` are doc comments; block comments nest and ignore
``//`` inside; ``['abc']`` is a character list; ``code { … }`` blocks hold
ABC machine instructions.
"""

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
    TokenType,
    bygroups,
    include,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify, word_set

WS = Text.Whitespace

KEYWORDS = word_set(
    """if otherwise let in with where case of infix infixl infixr class instance
    generic derive special implementation definition system module
    from import qualified as dynamic code inline foreign export ccall stdcall"""
)


_lower_word = classify([(KEYWORDS, Keyword)], Name)


_upper_word = classify([(("True", "False"), Keyword.Constant)], Keyword.Type)


def _comment(tok: TokenType) -> list[Any]:
    return [
        (r"\*/", tok, "#pop"),
        (r"//.*", tok),
        (r"/\*", tok, "comment"),
        (r"[^*/]+", tok),
        (r"[*/]", tok),
    ]


class CleanLexer(RougeRegexLexer):
    """Rouge's ``clean`` lexer."""

    name = "Clean (Rouge)"
    aliases = ["rouge-clean"]

    tokens: dict[str, Any] = {
        "common_literals": [
            (r"'(?:[^'\\]|\\(?:x[0-9a-fA-F]+|\d+|.))'", String.Char),
            (r"[+~-]?\d+\.\d+(?:E[+-]?\d+)?\b", Number.Float),
            (r"[+~-]?\d+E[+-]?\d+\b", Number.Float),
            (r"[+~-]?\d+", Number.Integer),
            (r'"', String.Double, "string"),
        ],
        "basic": [
            (r"\s+", WS),
            (r"//\*.*", Comment.Doc),
            (r"//.*", Comment.Single),
            (r"/\*\*", Comment.Doc, "comment_doc"),
            (r"/\*", Comment.Multiline, "comment"),
            (r"[+~-]?0[0-7]+", Number.Oct),
            (r"[+~-]?0x[0-9a-fA-F]+", Number.Hex),
            include("common_literals"),
            (r"(\[)(\s*)(')(?=.*?'\])", bygroups(Punctuation, WS, String.Single), "charlist"),
        ],
        "comment_doc": _comment(Comment.Doc),
        "comment": _comment(Comment.Multiline),
        "root": [
            include("basic"),
            (r"code(\s+inline)?\s*\{", Comment.Preproc, "abc"),
            (r"_*[a-z][\w_`]*", _lower_word),
            (r"_*[A-Z][\w_`]*", _upper_word),
            (r"[^\w_\s`]", Punctuation),
            (r"_\b", Punctuation),
        ],
        "escapes": [
            (r"(?i)\\x[0-9a-fA-F]{1,2}", String.Escape),
            (r"(?i)\\d\d{0,3}", String.Escape),
            (r"\\0[0-7]{0,3}", String.Escape),
            (r"\\[0-7]{1,3}", String.Escape),
            (r"\\[nrfbtv\\\"']", String.Escape),
        ],
        "string": [
            (r'"', String.Double, "#pop"),
            include("escapes"),
            (r'[^\\"]+', String.Double),
        ],
        "charlist": [
            (r"(')(\])", bygroups(String.Single, Punctuation), "#pop"),
            include("escapes"),
            (r"[^\\']", String.Single),
        ],
        "abc_basic": [
            (r"\s+", WS),
            (r"\|.*", Comment.Single),
            include("common_literals"),
        ],
        "abc": [
            include("abc_basic"),
            (r"\}", Comment.Preproc, "#pop"),
            (r"\.\w*", Keyword, "abc_rest_of_line"),
            (r"[\w_]+", Name.Builtin, "abc_rest_of_line"),
        ],
        "abc_rest_of_line": [
            (r"\n", WS, "#pop"),
            (r"\}", Comment.Preproc, "#pop:2"),
            include("abc_basic"),
            (r"\S+", Name),
        ],
    }
