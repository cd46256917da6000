"""Hy tokenised as Rouge 3.30's ``hylang`` lexer does."""

from __future__ import annotations

from typing import ClassVar

from jekpy.highlight.lexers.clojure import ClojureLexer

KEYWORDS = frozenset(
    ["False", "None", "True", "and", "as", "assert", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try"]
)
BUILTINS = frozenset(
    ["!=", "%", "%=", "&", "&=", "*", "**", "**=", "*=", "*map", "+", "+=", ",", "-", "-=", "->", "->>", ".", "/", "//", "//=", "/=", "<", "<<", "<<=", "<=", "=", ">", ">=", ">>", ">>=", "@", "@=", "^", "^=", "accumulate", "apply", "as->", "assoc", "butlast", "calling-module-name", "car", "cdr", "chain", "coll?", "combinations", "comp", "complement", "compress", "cond", "cons", "cons?", "constantly", "count", "cut", "cycle", "dec", "defclass", "defmacro", "defmacro!", "defmacro/g!", "defmain", "defn", "defreader", "dict-comp", "disassemble", "dispatch-reader-macro", "distinct", "do", "doto", "drop", "drop-last", "drop-while", "empty?", "eval", "eval-and-compile", "eval-when-compile", "even?", "every?", "filter", "first", "flatten", "float?", "fn", "for*", "fraction", "genexpr", "gensym", "get", "group-by", "identity", "if*", "if-not", "if-python2", "inc", "input", "instance?", "integer", "integer-char?", "integer?", "interleave", "interpose", "islice", "iterable?", "iterate", "iterator?", "juxt", "keyword", "keyword?", "last", "let", "lif", "lif-not", "list*", "list-comp", "macro-error", "macroexpand", "macroexpand-1", "map", "merge-with", "multicombinations", "name", "neg?", "none?", "not-in", "not?", "nth", "numeric?", "odd?", "partition", "permutations", "pos?", "product", "quasiquote", "quote", "range", "read", "read-str", "reduce", "remove", "repeat", "repeatedly", "require", "rest", "second", "set-comp", "setv", "some", "string", "string?", "symbol?", "take", "take-nth", "take-while", "tee", "unless", "unquote", "unquote-splicing", "when", "with*", "with-decorator", "with-gensyms", "xor", "yield-from", "zero?", "zip", "zip-longest", "|", "|=", "~"]
)


class HyLangLexer(ClojureLexer):
    """Rouge's ``hylang`` lexer (tags hylang, hy): Clojure's rules with Hy's words."""

    name = "HyLang (Rouge)"
    aliases = ["rouge-hylang"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    builtins: ClassVar[frozenset[str]] = BUILTINS
