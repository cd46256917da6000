"""Word lists of Rouge 3.30's ``d`` lexer (lexers/d.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["abstract", "alias", "align", "asm", "assert", "auto", "body", "break", "case", "cast", "catch", "class", "const", "continue", "debug", "default", "delegate", "delete", "deprecated", "do", "else", "enum", "export", "extern", "finally", "final", "foreach_reverse", "foreach", "for", "function", "goto", "if", "immutable", "import", "interface", "invariant", "inout", "in", "is", "lazy", "mixin", "module", "new", "nothrow", "out", "override", "package", "pragma", "private", "protected", "public", "pure", "ref", "return", "scope", "shared", "static", "struct", "super", "switch", "synchronized", "template", "this", "throw", "try", "typedef", "typeid", "typeof", "union", "unittest", "version", "volatile", "while", "with", "__gshared", "__traits", "__vector", "__parameters"]
