"""Lean tokenised as Rouge 3.30's ``lean`` lexer does."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Comment,
    Error,
    Keyword,
    Name,
    Number,
    Operator,
    String,
    Text,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, classify

KEYWORDS = frozenset(
    ["abbreviation", "add_rewrite", "alias", "assume", "axiom", "begin", "by", "calc", "calc_refl", "calc_subst", "calc_trans", "#check", "coercion", "conjecture", "constant", "constants", "context", "corollary", "def", "definition", "end", "#eval", "example", "export", "expose", "exposing", "exit", "extends", "from", "fun", "have", "help", "hiding", "hott", "hypothesis", "import", "include", "including", "inductive", "infix", "infixl", "infixr", "inline", "instance", "irreducible", "lemma", "match", "namespace", "notation", "opaque", "opaque_hint", "open", "options", "parameter", "parameters", "postfix", "precedence", "prefix", "#print", "private", "protected", "#reduce", "reducible", "renaming", "repeat", "section", "set_option", "show", "tactic_hint", "theorem", "universe", "universes", "using", "variable", "variables", "with"]
)
TYPES = frozenset(["Sort", "Prop", "Type"])
OPERATORS = [
    "!=", "#", "&", "&&", r"\*", r"\+", "-", "/", "@", "!", "`", r"-\.", "->", r"\.",
    r"\.\.", r"\.\.\.", "::", ":>", ";", ";;", "<", "<-", "=", "==", ">", "_", r"\|",
    r"\|\|", "~", "=>", "<=", ">=", r"/ \/", "∀", "Π", "λ", "↔", "∧", "∨", "≠", "≤",
    "≥", "⊎", "¬", "⁻¹", "⬝", "▸", "→", "∃", "ℕ", "ℤ", "≈", "×", "⌞", "⌟", "≡", "⟨", "⟩",
]  # fmt: skip


_word = classify([(KEYWORDS, Keyword), (TYPES, Keyword.Type)], Name)


class LeanLexer(RougeRegexLexer):
    """Rouge's ``lean`` lexer."""

    name = "Lean (Rouge)"
    aliases = ["rouge-lean"]

    tokens: dict[str, Any] = {
        "root": [
            (r"\s*--+\s+.*?$", Comment.Doc),
            (r'"', String, "string"),
            (r"\d+", Number.Integer),
            (r"#?\w+", _word),
            (r"[λ]", Keyword),
            (r"\:=?", Text),
            (r"\.[0-9]*", Operator),
            ("|".join(OPERATORS), Operator),
            (r"[\s\(\),\[\]αβ‹›]+", Text),
            (r".", Error),
        ],
        "string": [
            (r'"', String, "#pop"),
            (r"\\", String.Escape, "escape"),
            (r'[^\\"]+', String),
        ],
        "escape": [
            (r"[nrt\"'\\]", String.Escape, "#pop"),
            (r"(?i)x[\da-f]+", String.Escape, "#pop"),
        ],
    }
