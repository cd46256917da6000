"""Word lists of Rouge 3.30's ``ada`` lexer (lexers/ada.py), kept apart from it."""

from __future__ import annotations

WORDS = ["abort", "abstract", "accept", "access", "aliased", "all", "array", "at", "begin", "body", "case", "constant", "declare", "delay", "delta", "digits", "do", "else", "elsif", "end", "exception", "exit", "for", "generic", "goto", "if", "in", "interface", "is", "limited", "loop", "new", "null", "of", "others", "out", "overriding", "pragma", "private", "protected", "raise", "range", "record", "renames", "requeue", "return", "reverse", "select", "separate", "some", "synchronized", "tagged", "task", "terminate", "then", "until", "use", "when", "while", "with"]
