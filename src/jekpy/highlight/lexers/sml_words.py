"""Word lists of Rouge 3.30's ``sml`` lexer (lexers/sml.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["abstype", "and", "andalso", "as", "case", "datatype", "do", "else", "end", "exception", "fn", "fun", "handle", "if", "in", "infix", "infixr", "let", "local", "nonfix", "of", "op", "open", "orelse", "raise", "rec", "then", "type", "val", "with", "withtype", "while", "eqtype", "functor", "include", "sharing", "sig", "signature", "struct", "structure", "where"]
