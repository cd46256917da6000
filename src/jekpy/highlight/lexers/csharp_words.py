"""Word lists of Rouge 3.30's ``csharp`` lexer (lexers/csharp.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["abstract", "as", "base", "break", "case", "catch", "checked", "const", "continue", "default", "delegate", "do", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "for", "foreach", "goto", "if", "implicit", "in", "interface", "internal", "is", "lock", "new", "null", "operator", "out", "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sealed", "sizeof", "stackalloc", "static", "switch", "this", "throw", "true", "try", "typeof", "unchecked", "unsafe", "virtual", "void", "volatile", "while", "add", "alias", "async", "await", "get", "global", "partial", "remove", "set", "value", "where", "yield", "nameof", "ascending", "by", "descending", "equals", "from", "group", "in", "into", "join", "let", "on", "orderby", "select"]
