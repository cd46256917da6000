"""Word lists of Rouge 3.30's ``ml`` lexer (lexers/ml.py), kept apart from it."""

from __future__ import annotations

O_CAML_KEYWORDS = ["as", "assert", "begin", "class", "constraint", "do", "done", "downto", "else", "end", "exception", "external", "false", "for", "fun", "function", "functor", "if", "in", "include", "inherit", "initializer", "lazy", "let", "module", "mutable", "new", "nonrec", "object", "of", "open", "rec", "sig", "struct", "then", "to", "true", "try", "type", "val", "virtual", "when", "while", "with", "match", "raise"]

FSHARP_KEYOPTS = [r"!=", r"#", r"&", r"&&", r"(", r")", r"*", r"\+", r",", r"-", r"-.", r"->", r".", r"..", r":", r"::", r":=", r":>", r";", r";;", r"<", r"<-", r"=", r">", r">]", r">}", r"?", r"??", r"[", r"[<", r"[>", r"[|", r"]", r"_", r"`", r"{", r"{<", r"|", r"|]", r"}", r"~", r"|>", r"<|", r"<>"]

F_SHARP_KEYWORDS = ["abstract", "and", "as", "assert", "base", "begin", "class", "default", "delegate", "do", "done", "downcast", "downto", "elif", "else", "end", "exception", "extern", "false", "finally", "for", "fun", "function", "global", "if", "in", "inherit", "inline", "interface", "internal", "lazy", "let", "let!", "match", "member", "module", "mutable", "namespace", "new", "not", "null", "of", "open", "or", "override", "private", "public", "rec", "return", "return!", "select", "static", "struct", "then", "to", "true", "try", "type", "upcast", "use", "use!", "val", "void", "when", "while", "with", "yield", "yield!", "sig", "atomic", "break", "checked", "component", "const", "constraint", "constructor", "continue", "eager", "event", "external", "fixed", "functor", "include", "method", "mixin", "object", "parallel", "process", "protected", "pure", "sealed", "tailcall", "trait", "virtual", "volatile"]
