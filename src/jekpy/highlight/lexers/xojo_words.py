"""Word lists of Rouge 3.30's ``xojo`` lexer (lexers/xojo.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["addhandler", "aggregates", "array", "asc", "assigns", "attributes", "begin", "break", "byref", "byval", "call", "case", "catch", "class", "const", "continue", "char", "ctype", "declare", "delegate", "dim", "do", "downto", "each", "else", "elseif", "end", "enum", "event", "exception", "exit", "extends", "false", "finally", "for", "function", "global", "goto", "if", "implements", "inherits", "interface", "lib", "loop", "mod", "module", "new", "next", "nil", "object", "of", "optional", "paramarray", "private", "property", "protected", "public", "raise", "raiseevent", "rect", "redim", "removehandler", "return", "select", "shared", "soft", "static", "step", "sub", "super", "then", "to", "true", "try", "until", "using", "uend", "uhile"]
