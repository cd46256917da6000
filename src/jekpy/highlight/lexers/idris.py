"""Idris tokenised as Rouge 3.30's ``idris`` lexer does."""

from __future__ import annotations

import re
from typing import Any

from jekpy.highlight._pyg import (
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
from jekpy.highlight.lexers import idris_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream
from jekpy.highlight.lexers.haskell import (
    FUNCLIST_STATE,
    LITERAL_STATES,
    comment_states,
    operator_rules,
)

RESERVED = r"_|data|class|instance|namespace|infix[lr]?|let|where|of|with|type|do|if|then|else|case|in"
PRELUDE_FUNCTIONS = _words.PRELUDE_FUNCTIONS
_OP = r"[:!#\$\%&*+.\\/<=>?@^\|~-]"


def _char_escape(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, String.Escape, match.group()
    ctx.stack[-1] = "character_end"
    ctx.stack.append("escape")


def _quasi(lexer: Any, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Operator, match.group(1)
    yield match.start(2), Name, match.group(2)
    yield match.start(3), Operator, match.group(3)
    ctx.stack.append("quasiquotation")


class IdrisLexer(RougeRegexLexer):
    """Rouge's ``idris`` lexer (tags idris, idr)."""

    name = "Idris (Rouge)"
    aliases = ["rouge-idris"]

    tokens: dict[str, Any] = {
        **comment_states(r"^\|\|\|.*$"),
        "directive": [
            (r"\%(default)\s+(total|partial)", Keyword),
            (r"\%(access)\s+(public|abstract|private|export)", Keyword),
            (r"\%(language)\s+(.*)", Keyword),
            (r"\%(provide)\s+.*\s+(with)\s+", Keyword),
        ],
        "prelude": [
            (
                r"\b(Type|Exists|World|IO|IntTy|FTy|File|Mode|Dec|Bool|Ordering|Either|IsJust|"
                r"List|Maybe|Nat|Stream|StrM|Not|Lazy|Inf)\s",
                Keyword.Type,
            ),
            (
                r"\b(Eq|Ord|Num|MinBound|MaxBound|Integral|Applicative|Alternative|Cast|"
                r"Foldable|Functor|Monad|Traversable|Uninhabited|Semigroup|Monoid)\s",
                Name.Class,
            ),
            (rf"\b(?:{'|'.join(PRELUDE_FUNCTIONS)})[ ]+(?![=:-])", Name.Builtin),
        ],
        "root": [
            include("basic"),
            include("directive"),
            (r"\bimport\b", Keyword.Reserved, "import"),
            (r"\bmodule\b", Keyword.Reserved, "module"),
            (rf"\b(?:{RESERVED})\b", Keyword.Reserved),
            (r"\b(Just|Nothing|Left|Right|True|False|LT|LTE|EQ|GT|GTE)\b", Keyword.Constant),
            (r"^[\w']+\s*:", Name.Function),
            include("prelude"),
            (r"[_a-z][\w']*", Name),
            (r"[A-Z][\w']*", Keyword.Type),
            *operator_rules(_OP),
            (r"(?i)\d+(\.\d+)?(e[+-]?\d+)?", Number.Float),
            (r"(?i)0o[0-7]+", Number.Oct),
            (r"(?i)0x[\da-f]+", Number.Hex),
            (r"\d+", Number.Integer),
            (r"'", String.Char, "character"),
            (r'"', String, "string"),
            (r"\[\s*\]", Keyword.Type),
            (r"\(\s*\)", Name.Builtin),
            (r"(\[)([_a-z][\w']*)(\|)", _quasi),
            (r"[\[\](),;`{}]", Punctuation),
        ],
        "import": [
            (r"\s+", Text),
            (r'"', String, "string"),
            (
                r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)",
                bygroups(Name.Namespace, Text, Keyword, Text, Name),
                "#pop",
            ),
            (r"([A-Z][\w.]*)(\s+)(\()", bygroups(Name.Namespace, Text, Punctuation), ("#pop", "funclist")),
            (r"[\w.]+", Name.Namespace, "#pop"),
        ],
        "module": [
            (r"\s+", Text),
            (r"([A-Z][\w.]*)", Name.Namespace, "#pop"),
        ],
        "funclist": FUNCLIST_STATE,
        "character": [
            (r"\\", _char_escape),
            (r".", String.Char, ("#pop", "character_end")),
        ],
        **LITERAL_STATES,
    }
