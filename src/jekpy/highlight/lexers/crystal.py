"""Crystal tokenised as Rouge 3.30's ``crystal`` lexer does: Rouge's Ruby
grammar with Crystal's words, numbers, macros and character literals."""

from __future__ import annotations

from typing import Any

from jekpy.highlight._pyg import (
    Name,
    Number,
    Operator,
    Punctuation,
    String,
    Text,
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import crystal_words as _words
from jekpy.highlight.lexers.ruby import (
    _ESCAPE,
    _GOTO_EXPR,
    RubyLexer,
    _alts,
    _sigil,
    root_rules,
)

_KEYWORDS = [r"BEGIN", r"END", r"alias", r"begin", r"break", r"case", r"defined\?", r"do", r"else", r"elsif", r"end", r"ensure", r"for", r"if", r"ifdef", r"in", r"next", r"redo", r"rescue", r"raise", r"retry", r"return", r"super", r"then", r"undef", r"unless", r"until", r"when", r"while", r"yield", r"lib", r"fun", r"type", r"of", r"as"]
_PSEUDO = ["initialize", "new", "loop", "include", "extend", "raise", "attr_reader", "attr_writer", "attr_accessor", "alias_method", "attr", "catch", "throw", "private", "module_function", "public", "protected", "true", "false", "nil", "__FILE__", "__LINE__", "getter", "getter?", "getter!", "property", "property?", "property!", "struct", "record"]
_BUILTINS = _words.BUILTINS
_PREDICATES = ["eql", "equal", "include", "is_a", "iterator", "kind_of", "nil"]
_BANG = ["chomp", "chop", "exit", "gsub", "sub"]


_TOKENS: dict[str, Any] = dict(RubyLexer.tokens)
_TOKENS.update(
    {
        "symbols": [
            (r":@{0,2}(?i:[a-z_])\w*[!?]?", String.Symbol),
            (
                r":(?:===|=?~|\[\][=?]?|\*\*=?|//=?|[=^*/+-]=?|&[&*+-]?=?|\|\|?=?|![=~]?|%=?"
                r"|<=>|<<?=?|>>?=?|\.\.\.?)",
                String.Symbol,
            ),
            (r":'(\\\\|\\'|[^'])*'", String.Symbol),
            (r':"', String.Symbol, "simple_sym"),
        ],
        "sigil_strings": [(r"%([rqswQWxiI])?([^\w\s}])", _sigil)],
        "strings": [
            include("symbols"),
            (r"\b[a-z_]\w*?[?!]?:\s+", String.Symbol, "expr_start"),
            (r'"', String.Double, "simple_string"),
            (r"(?<!\.)`", String.Backtick, "simple_backtick"),
            (
                r"(')(\\u[a-fA-F0-9]{4}|\\u\{[a-fA-F0-9]{1,6}\}|\\[abefnrtv])?(\\\\|\\'|[^'])*(')",
                bygroups(String.Single, String.Escape, String.Single, String.Single),
            ),
        ],
        "root": root_rules(
            numbers=[
                (r"0o[0-7]+(?:_[0-7]+)*", Number.Oct),
                (r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", Number.Hex),
                (r"0b[01]+(?:_[01]+)*", Number.Bin),
                (r"(?i)\d+\.\d+(e[+\-]?\d+)?(_f32)?", Number.Float),
                (r"(?i)\d+(e[+\-]?\d+)", Number.Float),
                (r"(?i)\d+_f32", Number.Float),
                (r"[\d]+(?:_\d+)*(_[iu]\d+)?", Number.Integer),
                (r"@\[([^\]]+)\]", Name.Decorator),
            ],
            keywords=r"(?:" + _alts(_KEYWORDS) + r")\b",
            pseudo_keywords=_PSEUDO,
            def_words=r"def|macro\b",
            predicate_builtins=_PREDICATES,
            bang_builtins=_BANG,
            builtins=_BUILTINS,
            operators=[
                (r"\*\*|//|>=|<=|<=>|<<?|>>?|=~|={3}|!~|&&?|\|\||\.", Operator, "expr_start"),
                (r"\{%|%\}", Punctuation),
                (r"[-+/*%=<>&!^|~]=?", Operator, "expr_start"),
            ],
        ),
        "classname": [
            (r"\s+", Text),
            (r"\(", Punctuation, ("defexpr", "expr_start")),
            (r"<<", Operator, _GOTO_EXPR),
            (r"[A-Z_]\w*", Name.Class, "#pop"),
            default("#pop"),
        ],
        "ternary": [
            (r":(?!:)", Punctuation, _GOTO_EXPR),
            include("root"),
        ],
        "string_intp_escaped": [
            include("string_intp"),
            (_ESCAPE, String.Escape),
            (r"\\u([a-fA-F0-9]{4}|\{[^}]+\})", String.Escape),
            (r"\\.", String.Escape),
        ],
        "method_call": [
            (r"/", Operator, _GOTO_EXPR),
            (r"(?=\n)", Text, "#pop"),
            default(("#pop", "method_call_spaced")),
        ],
    }
)


class CrystalLexer(RubyLexer):
    """Rouge's ``crystal`` lexer (tags crystal, cr)."""

    name = "Crystal (Rouge)"
    aliases = ["rouge-crystal"]

    tokens: dict[str, Any] = _TOKENS
