"""Word lists of Rouge 3.30's ``nim`` lexer (lexers/nim.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["addr", "as", "asm", "atomic", "bind", "block", "break", "case", "cast", "const", "continue", "converter", "defer", "discard", "distinct", "do", "elif", "else", "end", "enum", "except", "export", "func", "finally", "for", "from", "generic", "if", "import", "include", "interface", "iterator", "let", "macro", "method", "mixin", "nil", "object", "of", "out", "proc", "ptr", "raise", "ref", "return", "static", "template", "try", "tuple", "type", "using", "var", "when", "while", "with", "without", "yield"]
