"""Word lists of Rouge 3.30's ``eiffel`` lexer (lexers/eiffel.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["across", "agent", "alias", "all", "and", "attached", "as", "assign", "attribute", "check", "class", "convert", "create", "debug", "deferred", "detachable", "do", "else", "elseif", "end", "ensure", "expanded", "export", "external", "feature", "from", "frozen", "if", "implies", "inherit", "inspect", "invariant", "like", "local", "loop", "not", "note", "obsolete", "old", "once", "or", "Precursor", "redefine", "rename", "require", "rescue", "retry", "select", "separate", "some", "then", "undefine", "until", "variant", "Void", "when", "xor"]
