"""Word lists of Rouge 3.30's ``vala`` lexer (lexers/vala.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["abstract", "as", "async", "base", "break", "case", "catch", "const", "construct", "continue", "default", "delegate", "delete", "do", "dynamic", "else", "ensures", "enum", "errordomain", "extern", "false", "finally", "for", "foreach", "get", "global", "if", "in", "inline", "interface", "internal", "is", "lock", "new", "null", "out", "override", "owned", "private", "protected", "public", "ref", "requires", "return", "set", "signal", "sizeof", "static", "switch", "this", "throw", "throws", "true", "try", "typeof", "unowned", "var", "value", "virtual", "void", "weak", "while", "yield"]
