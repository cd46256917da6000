"""Hy tokenised as Rouge 3.30's ``hylang`` lexer does."""

from __future__ import annotations

from typing import ClassVar

from jekpy.highlight.lexers import hylang_words as _words
from jekpy.highlight.lexers.clojure import ClojureLexer

KEYWORDS = frozenset(
    ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try"]
)
BUILTINS = frozenset(
    _words.BUILTINS
)


class HyLangLexer(ClojureLexer):
    """Rouge's ``hylang`` lexer (tags hylang, hy): Clojure's rules with Hy's words."""

    name = "HyLang (Rouge)"
    aliases = ["rouge-hylang"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    builtins: ClassVar[frozenset[str]] = BUILTINS
