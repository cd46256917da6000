"""Word lists of Rouge 3.30's ``swift`` lexer (lexers/swift.py), kept apart from it."""

from __future__ import annotations

KEYWORDS = ["await", "break", "case", "continue", "default", "do", "else", "fallthrough", "if", "in", "for", "return", "switch", "where", "while", "try", "catch", "throw", "guard", "defer", "repeat", "as", "dynamicType", "is", "new", "super", "self", "Self", "Type", "__COLUMN__", "__FILE__", "__FUNCTION__", "__LINE__", "associativity", "async", "didSet", "get", "infix", "inout", "isolated", "mutating", "none", "nonmutating", "operator", "override", "postfix", "precedence", "prefix", "set", "unowned", "weak", "willSet", "throws", "rethrows", "precedencegroup"]
