"""OMG OCL tokenised as Rouge 3.30's ``ocl`` lexer does."""

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
)
from jekpy.highlight.lexers import ocl_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    ["context", "pre", "post", "inv", "init", "body", "def", "derive", "if", "then", "else", "endif", "import", "package", "endpackage", "let", "in"]
)
KEYWORDS_TYPE = frozenset(
    ["Boolean", "Integer", "UnlimitedNatural", "Real", "String", "OrderedSet", "Tuple", "Bag", "Set", "Sequence", "OclInvalid", "OclVoid", "TupleType", "OclState", "Collection", "OclMessage"]
)
BUILTINS = frozenset(["self", "null", "result", "true", "false", "invalid", "@pre"])
OPERATORS = frozenset(["or", "xor", "and", "not", "implies"])
FUNCTIONS = frozenset(
    _words.FUNCTIONS
)


_word = classify(
    [
        (OPERATORS, Operator),
        (KEYWORDS_TYPE, Keyword.Declaration),
        (KEYWORDS, Keyword),
        (BUILTINS, Name.Builtin),
        (FUNCTIONS, Name.Function),
    ],
    Name,
)


class OclLexer(RougeRegexLexer):
    """Rouge's ``ocl`` lexer (tags ocl, OCL)."""

    name = "OCL (Rouge)"
    aliases = ["rouge-ocl"]

    tokens: dict[str, Any] = {
        "single_string": [
            (r"\\.", String.Escape),
            (r"'", String.Single, "#pop"),
            (r"[^\\']+", String.Single),
        ],
        "root": [
            (r"\s+", Text),
            (r"--.*", Comment.Single),
            (r"\d+", Number.Integer),
            (r"'", String.Single, "single_string"),
            (r"[->|+*/<>=~!@#%&|?^-]", Operator),
            (r"[;:()\[\],.]", Punctuation),
            (r"\w[\w\d]*", _word),
        ],
    }
