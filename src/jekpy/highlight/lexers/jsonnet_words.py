"""Word lists of Rouge 3.30's ``jsonnet`` lexer (lexers/jsonnet.py), kept apart from it."""

from __future__ import annotations

BUILTINS = ["acos", "asin", "atan", "ceil", "char", "codepoint", "cos", "exp", "exponent", "filter", "floor", "force", "length", "log", "makeArray", "mantissa", "objectFields", "objectHas", "pow", "sin", "sqrt", "tan", "thisFile", "type", "abs", "assertEqual", "escapeStringBash", "escapeStringDollars", "escapeStringJson", "escapeStringPython", "filterMap", "flattenArrays", "foldl", "foldr", "format", "join", "lines", "manifestIni", "manifestPython", "manifestPythonVars", "map", "max", "min", "mod", "range", "set", "setDiff", "setInter", "setMember", "setUnion", "sort", "split", "stringChars", "substr", "toString", "uniq"]
