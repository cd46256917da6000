"""Word lists of Rouge 3.30's ``lean`` lexer (lexers/lean.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["abbreviation", "add_rewrite", "alias", "assume", "axiom", "begin", "by", "calc", "calc_refl", "calc_subst", "calc_trans", "#check", "coercion", "conjecture", "constant", "constants", "context", "corollary", "def", "definition", "end", "#eval", "example", "export", "expose", "exposing", "exit", "extends", "from", "fun", "have", "help", "hiding", "hott", "hypothesis", "import", "include", "including", "inductive", "infix", "infixl", "infixr", "inline", "instance", "irreducible", "lemma", "match", "namespace", "notation", "opaque", "opaque_hint", "open", "options", "parameter", "parameters", "postfix", "precedence", "prefix", "#print", "private", "protected", "#reduce", "reducible", "renaming", "repeat", "section", "set_option", "show", "tactic_hint", "theorem", "universe", "universes", "using", "variable", "variables", "with"]

OPERATORS = [
    "!=", "#", "&", "&&", r"\*", r"\+", "-", "/", "@", "!", "`", r"-\.", "->", r"\.",
    r"\.\.", r"\.\.\.", "::", ":>", ";", ";;", "<", "<-", "=", "==", ">", "_", r"\|",
    r"\|\|", "~", "=>", "<=", ">=", r"/ \/", "∀", "Π", "λ", "↔", "∧", "∨", "≠", "≤",
    "≥", "⊎", "¬", "⁻¹", "⬝", "▸", "→", "∃", "ℕ", "ℤ", "≈", "×", "⌞", "⌟", "≡", "⟨", "⟩",
]
