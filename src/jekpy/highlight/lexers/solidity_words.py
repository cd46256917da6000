"""Word lists of Rouge 3.30's ``solidity`` lexer (lexers/solidity.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["abstract", "anonymous", "as", "assembly", "break", "catch", "calldata", "constant", "constructor", "continue", "contract", "do", "delete", "else", "emit", "enum", "event", "external", "fallback", "for", "function", "hex", "if", "indexed", "interface", "internal", "import", "is", "library", "mapping", "memory", "modifier", "new", "override", "payable", "public", "pure", "pragma", "private", "receive", "return", "returns", "storage", "struct", "throw", "try", "type", "using", "var", "view", "virtual", "while"]
