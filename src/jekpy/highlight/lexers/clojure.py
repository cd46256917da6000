"""Clojure tokenised as Rouge 3.30's ``clojure`` lexer does.

The head of a list form is ``Name.Function`` unless it is a keyword
(``Keyword``) or builtin (``Name.Builtin``); whitespace is ``Text.Whitespace``.
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from jekpy.highlight._pyg import (
    Comment,
    Keyword,
    LexerContext,
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    TokenType,
)
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

KEYWORDS = frozenset(
    ["fn", "def", "defn", "defmacro", "defmethod", "defmulti", "defn-", "defstruct", "if", "cond", "let", "for"]
)
BUILTINS = frozenset(
    [
        '.', '..', '*', '+', '-', '->', '/', '<', '<=', '=', '==', '>', '>=',
        'accessor', 'agent', 'agent-errors', 'aget', 'alength', 'all-ns', 'alter',
        'and', 'append-child', 'apply', 'array-map', 'aset', 'aset-boolean',
        'aset-byte', 'aset-char', 'aset-double', 'aset-float', 'aset-int', 'aset-long',
        'aset-short', 'assert', 'assoc', 'await', 'await-for', 'bean', 'binding',
        'bit-and', 'bit-not', 'bit-or', 'bit-shift-left', 'bit-shift-right', 'bit-xor',
        'boolean', 'branch?', 'butlast', 'byte', 'cast', 'char', 'children', 'class',
        'clear-agent-errors', 'comment', 'commute', 'comp', 'comparator', 'complement',
        'concat', 'conj', 'cons', 'constantly', 'construct-proxy', 'contains?', 'count',
        'create-ns', 'create-struct', 'cycle', 'dec', 'deref', 'difference', 'disj',
        'dissoc', 'distinct', 'doall', 'doc', 'dorun', 'doseq', 'dosync', 'dotimes',
        'doto', 'double', 'down', 'drop', 'drop-while', 'edit', 'end?', 'ensure',
        'eval', 'every?', 'false?', 'ffirst', 'file-seq', 'filter', 'find', 'find-doc',
        'find-ns', 'find-var', 'first', 'float', 'flush', 'fnseq', 'frest', 'gensym',
        'get-proxy-class', 'get', 'hash-map', 'hash-set', 'identical?', 'identity',
        'if-let', 'import', 'in-ns', 'inc', 'index', 'insert-child', 'insert-left',
        'insert-right', 'inspect-table', 'inspect-tree', 'instance?', 'int',
        'interleave', 'intersection', 'into', 'into-array', 'iterate', 'join', 'key',
        'keys', 'keyword', 'keyword?', 'last', 'lazy-cat', 'lazy-cons', 'left', 'lefts',
        'line-seq', 'list*', 'list', 'load', 'load-file', 'locking', 'long', 'loop',
        'macroexpand', 'macroexpand-1', 'make-array', 'make-node', 'map', 'map-invert',
        'map?', 'mapcat', 'max', 'max-key', 'memfn', 'merge', 'merge-with', 'meta',
        'min', 'min-key', 'name', 'namespace', 'neg?', 'new', 'newline', 'next', 'nil?',
        'node', 'not', 'not-any?', 'not-every?', 'not=', 'ns-imports', 'ns-interns',
        'ns-map', 'ns-name', 'ns-publics', 'ns-refers', 'ns-resolve', 'ns-unmap', 'nth',
        'nthrest', 'or', 'parse', 'partial', 'path', 'peek', 'pop', 'pos?', 'pr',
        'pr-str', 'print', 'print-str', 'println', 'println-str', 'prn', 'prn-str',
        'project', 'proxy', 'proxy-mappings', 'quot', 'rand', 'rand-int', 'range',
        're-find', 're-groups', 're-matcher', 're-matches', 're-pattern', 're-seq',
        'read', 'read-line', 'reduce', 'ref', 'ref-set', 'refer', 'rem', 'remove',
        'remove-method', 'remove-ns', 'rename', 'rename-keys', 'repeat', 'replace',
        'replicate', 'resolve', 'rest', 'resultset-seq', 'reverse', 'rfirst', 'right',
        'rights', 'root', 'rrest', 'rseq', 'second', 'select', 'select-keys', 'send',
        'send-off', 'seq', 'seq-zip', 'seq?', 'set', 'short', 'slurp', 'some', 'sort',
        'sort-by', 'sorted-map', 'sorted-map-by', 'sorted-set', 'special-symbol?',
        'split-at', 'split-with', 'str', 'string?', 'struct', 'struct-map', 'subs',
        'subvec', 'symbol', 'symbol?', 'sync', 'take', 'take-nth', 'take-while', 'test',
        'time', 'to-array', 'to-array-2d', 'tree-seq', 'true?', 'union', 'up',
        'update-proxy', 'val', 'vals', 'var-get', 'var-set', 'var?', 'vector',
        'vector-zip', 'vector?', 'when', 'when-first', 'when-let', 'when-not',
        'with-local-vars', 'with-meta', 'with-open', 'with-out-str', 'xml-seq',
        'xml-zip', 'zero?', 'zipmap', "zipper'"
    ]
)

IDENT = r"[\w!$%*+,<=>?/.-]+"
KEYWORD = r"[\w!#$%*+,<=>?/.-]+"


def _kind(lexer: ClojureLexer, name: str) -> TokenType | None:
    if name in lexer.keywords:
        return Keyword
    if name in lexer.builtins:
        return Name.Builtin
    return None


def _head(lexer: ClojureLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group(1)
    yield match.start(2), Text.Whitespace, match.group(2)
    yield match.start(3), _kind(lexer, match.group(3)) or Name.Function, match.group(3)


def _name(lexer: ClojureLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, _kind(lexer, match.group()) or Name, match.group()


class ClojureLexer(RougeRegexLexer):
    """Rouge's ``clojure`` lexer (tags clojure, clj, cljs).

    Subclasses (Hy) differ only in ``keywords`` and ``builtins``.
    """

    name = "Clojure (Rouge)"
    aliases = ["rouge-clojure"]

    keywords: ClassVar[frozenset[str]] = KEYWORDS
    builtins: ClassVar[frozenset[str]] = BUILTINS

    tokens: dict[str, Any] = {
        "root": [
            (r";.*?$", Comment.Single),
            (r"\s+", Text.Whitespace),
            (r"-?\d+\.\d+", Number.Float),
            (r"-?\d+", Number.Integer),
            (r"0x-?[0-9a-fA-F]+", Number.Hex),
            (r'"(\\.|[^"])*"', String),
            (rf"'{KEYWORD}", String.Symbol),
            (rf"::?{KEYWORD}", Name.Constant),
            (r"(?i)\\(.|[a-z]+)", String.Char),
            (r"~@|[`'#^~&@]", Operator),
            (rf"(\()(\s*)({IDENT})", _head),
            (IDENT, _name),
            (r"[\[\]]", Punctuation),
            (r"[{}]", Punctuation),
            (r"[()]", Punctuation),
        ],
    }
