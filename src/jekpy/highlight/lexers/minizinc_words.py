"""Word lists of Rouge 3.30's ``minizinc`` lexer (lexers/minizinc.py), kept apart from it."""

from __future__ import annotations

BUILTINS = ["abort", "abs", "acosh", "array_intersect", "array_union", "array1d", "array2d", "array3d", "array4d", "array5d", "array6d", "asin", "assert", "atan", "bool2int", "card", "ceil", "concat", "cos", "cosh", "dom", "dom_array", "dom_size", "fix", "exp", "floor", "index_set", "index_set_1of2", "index_set_2of2", "index_set_1of3", "index_set_2of3", "index_set_3of3", "int2float", "is_fixed", "join", "lb", "lb_array", "length", "ln", "log", "log2", "log10", "min", "max", "pow", "product", "round", "set2array", "show", "show_int", "show_float", "sin", "sinh", "sqrt", "sum", "tan", "tanh", "trace", "ub", "ub_array"]
