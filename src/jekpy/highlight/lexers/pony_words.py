"""Word lists of Rouge 3.30's ``pony`` lexer (lexers/pony.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["actor", "addressof", "and", "as", "be", "break", "class", "compiler_intrinsic", "consume", "continue", "do", "else", "elseif", "embed", "end", "error", "for", "fun", "if", "ifdef", "in", "interface", "is", "isnt", "lambda", "let", "match", "new", "not", "object", "primitive", "recover", "repeat", "return", "struct", "then", "this", "trait", "try", "type", "until", "use", "var", "where", "while", "with"]
