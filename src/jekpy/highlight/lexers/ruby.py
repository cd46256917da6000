"""Ruby tokenised as Rouge 3.30's ``ruby`` lexer does.

The lexer tracks whether an expression may start (``expr_start``: ``/`` opens
a regex, ``?x`` is a character, ``%w(...)`` a sigil string) or a method call
just ended (``method_call``: ``/`` and ``%`` are operators).  Heredoc bodies
are queued and read after the line that opened them.  ``%``-strings get a
state made on the fly for their delimiters.
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
    bygroups,
    default,
    include,
)
from jekpy.highlight.lexers import ruby_words as _words
from jekpy.highlight.lexers.base import RougeRegexLexer, TokenStream

_KEYWORDS = [r"BEGIN", r"END", r"alias", r"begin", r"break", r"case", r"defined\?", r"do", r"else", r"elsif", r"end", r"ensure", r"for", r"if", r"in", r"next", r"redo", r"rescue", r"raise", r"retry", r"return", r"super", r"then", r"undef", r"unless", r"until", r"when", r"while", r"yield"]

_PSEUDO_KEYWORDS = ["loop", "include", "extend", "raise", "alias_method", "attr", "catch", "throw", "private", "module_function", "public", "protected", "true", "false", "nil", "__FILE__", "__LINE__"]

_BUILTINS = _words.BUILTINS

_PREDICATE_BUILTINS = ["autoload", "block_given", "const_defined", "eql", "equal", "frozen", "include", "instance_of", "is_a", "iterator", "kind_of", "method_defined", "nil", "private_method_defined", "protected_method_defined", "public_method_defined", "respond_to", "tainted"]

_BANG_BUILTINS = ["chomp", "chop", "exit", "gsub", "sub"]

_CLOSERS = {"{": "}", "[": "]", "(": ")", "<": ">"}

_ESCAPE = r"\\([\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"

_GOTO_EXPR = ("#pop", "expr_start")


def _alts(words: list[str]) -> str:
    return "|".join(words)


def _class_chars(chars: str) -> str:
    return "".join("\\" + c if not c.isalnum() else c for c in dict.fromkeys(chars))


def _sigil(lexer: RubyLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    """``%w(…)``, ``%r{…}``, ``%(…)``: a state for these delimiters."""
    kind = match.group(1) or ""
    opener = match.group(2)
    closer = _CLOSERS.get(opener, opener)
    interp = kind in ("r", "Q", "W", "x", "I")
    tok = String.Regex if kind == "r" else String.Other
    name = f"sigil {opener}{closer} {int(interp)} {'r' if kind == 'r' else 'o'}"
    special = _class_chars("#" + opener + closer + "\\")
    defs: list[Any] = [(r"\\[" + special + "]", String.Escape)]
    if opener != closer:
        defs.append((re.escape(opener), tok, "#push"))
    defs.append((re.escape(closer), tok, "#pop"))
    if interp:
        defs += [include("string_intp_escaped"), (r"#", tok)]
    else:
        defs.append((r"[\\#]", tok))
    defs.append((r"(?s)[^" + special + "]+", tok))
    type(lexer).ensure_state(name, defs)
    if kind == "r":
        ctx.stack.append("regex_flags")
    yield 0, tok, match.group()
    ctx.stack.append(name)


def _queue_heredoc(lexer: RubyLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    op = match.group(1)
    yield 0, Operator, op
    yield match.start(2), Name.Constant, match.group(2) + match.group(3) + match.group(4)
    word = match.group(3) if match.lastindex and match.lastindex >= 4 else ""
    lexer.heredocs.append((op in ("<<-", "<<~"), word))
    if ctx.stack[-1] != "heredoc_queue":
        ctx.stack.append("heredoc_queue")


def _queue_empty_heredoc(
    lexer: RubyLexer, match: re.Match[str], ctx: LexerContext
) -> TokenStream:
    op = match.group(1)
    yield 0, Operator, op
    yield match.start(2), Name.Constant, match.group(2) + match.group(3)
    lexer.heredocs.append((op in ("<<-", "<<~"), ""))
    if ctx.stack[-1] != "heredoc_queue":
        ctx.stack.append("heredoc_queue")


def _heredoc_end(lexer: RubyLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    line = match.group()
    tolerant, word = lexer.heredocs[0] if lexer.heredocs else (False, "")
    check = line.strip(" \t\n\v\f\r\0") if tolerant else line.rstrip(" \t\n\v\f\r\0")
    if lexer.heredocs and check == word:
        lexer.heredocs.pop(0)
        if not lexer.heredocs:
            ctx.stack.pop()
        yield 0, Name.Constant, line
    else:
        yield 0, String.Heredoc, line
    ctx.stack.pop()


def _ternary(lexer: RubyLexer, match: re.Match[str], ctx: LexerContext) -> TokenStream:
    yield 0, Punctuation, match.group()
    ctx.stack += ["ternary", "expr_start"]


def _simple(tok: TokenType, fin: str) -> list[Any]:
    return [
        include("string_intp_escaped"),
        (r"(?s)[^\\" + fin + "#]+", tok),
        (r"[\\#]", tok),
        (fin, tok, "#pop"),
    ]


def root_rules(
    *,
    numbers: list[Any],
    keywords: str,
    pseudo_keywords: list[str],
    def_words: str,
    predicate_builtins: list[str],
    bang_builtins: list[str],
    builtins: list[str],
    operators: list[Any],
) -> list[Any]:
    """The ``root`` state of Rouge's Ruby grammar (Crystal's is the same but for these).

    ``numbers`` are the number rules (and whatever else comes before the
    variables), ``keywords`` the keyword pattern, ``def_words`` what starts a
    method definition, ``operators`` the operator rules before ``?``.
    """
    return [
        include("whitespace"),
        (r"__END__", Comment.Preproc, "end_part"),
        *numbers,
        (r"@@(?i:[a-z_])\w*", Name.Variable.Class),
        (r"@(?i:[a-z_])\w*", Name.Variable.Instance),
        (r"\$\w+", Name.Variable.Global),
        (r"\$[!@&`'+~=/\\,;.<>_*$?:\"]", Name.Variable.Global),
        (r"\$-[0adFiIlpvw]", Name.Variable.Global),
        (r"::", Operator),
        include("strings"),
        (keywords, Keyword, "expr_start"),
        (r"(?:" + _alts(pseudo_keywords) + r")\b", Keyword.Pseudo, "expr_start"),
        (
            r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(?:::[a-zA-Z_][a-zA-Z0-9_]*)*)",
            bygroups(Keyword, Text, Name.Namespace),
        ),
        (rf"({def_words})(\s*)", bygroups(Keyword, Text), "funcname"),
        (r"(class\b)(\s*)", bygroups(Keyword, Text), "classname"),
        (r"(?:" + _alts(predicate_builtins) + r")[?]", Name.Builtin, "expr_start"),
        (r"(?:" + _alts(bang_builtins) + r")!", Name.Builtin, "expr_start"),
        (r"(?<!\.)(?:" + _alts(builtins) + r")\b", Name.Builtin, "method_call"),
        include("has_heredocs"),
        (r"\.{2,3}", Operator, "expr_start"),
        (r"[A-Z][a-zA-Z0-9_]*", Name.Constant, "method_call"),
        (
            r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])",
            bygroups(Punctuation, Text, Name.Function),
            "method_call",
        ),
        (r"[a-zA-Z_]\w*[?!]", Name, "expr_start"),
        (r"[a-zA-Z_]\w*", Name, "method_call"),
        *operators,
        (r"[?]", _ternary),
        (r"[\[({,:\\;/]", Punctuation, "expr_start"),
        (r"[\])}]", Punctuation),
    ]


class RubyLexer(RougeRegexLexer):
    """Rouge's ``ruby`` lexer (tags ruby, rb)."""

    name = "Ruby (Rouge)"
    aliases = ["rouge-ruby"]

    heredocs: list[tuple[bool, str]]

    def reset(self) -> None:
        self.heredocs = []

    initial_stack: ClassVar[tuple[str, ...]] = ("root", "expr_start")

    tokens: dict[str, Any] = {
        "symbols": [
            (r":@{0,2}(?i:[a-z_])\w*[!?]?", String.Symbol),
            (r":(?:\*\*|[-+]@|[/%&|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)", String.Symbol),
            (r":'(\\\\|\\'|[^'])*'", String.Symbol),
            (r':"', String.Symbol, "simple_sym"),
        ],
        "strings": [
            include("symbols"),
            (r"\b[a-z_]\w*?[?!]?:\s+", String.Symbol, "expr_start"),
            (r"'(\\\\|\\'|[^'])*'", String.Single),
            (r'"', String.Double, "simple_string"),
            (r"(?<!\.)`", String.Backtick, "simple_backtick"),
        ],
        "regex_flags": [(r"[mixounse]*", String.Regex, "#pop")],
        "simple_string": _simple(String.Double, '"'),
        "simple_sym": _simple(String.Symbol, '"'),
        "simple_backtick": _simple(String.Backtick, "`"),
        "whitespace": [
            include("inline_whitespace"),
            (r"\n\s*", Text, "expr_start"),
            (r"#.*$", Comment.Single),
            (r"(?s)=begin\b.*?\n=end\b", Comment.Multiline),
        ],
        "inline_whitespace": [(r"[ \t\r]+", Text)],
        "root": root_rules(
            numbers=[
                (r"0_?[0-7]+(?:_[0-7]+)*", Number.Oct),
                (r"0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", Number.Hex),
                (r"0b[01]+(?:_[01]+)*", Number.Bin),
                (r"\d+(?:_\d+)*(?:\.\d+(?:_\d+)*(?:[eE][+-]?\d+)?|[eE][+-]?\d+)", Number.Float),
                (r"\d+(?:_\d+)*", Number.Integer),
            ],
            keywords=r"(?:" + _alts(_KEYWORDS) + r")(?=\W|$)",
            pseudo_keywords=_PSEUDO_KEYWORDS,
            def_words=r"def\b",
            predicate_builtins=_PREDICATE_BUILTINS,
            bang_builtins=_BANG_BUILTINS,
            builtins=_BUILTINS,
            operators=[
                (r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.", Operator, "expr_start"),
                (r"[-+/*%=<>&!^|~]=?", Operator, "expr_start"),
            ],
        ),
        "has_heredocs": [
            (r"(?<!\w)(<<[-~]?)([\"`']?)([a-zA-Z_]\w*)(\2)", _queue_heredoc),
            (r"(<<[-~]?)([\"'])(\2)", _queue_empty_heredoc),
        ],
        "heredoc_queue": [
            (r"(?=\n)", Text, ("#pop", "resolve_heredocs")),
            include("root"),
        ],
        "resolve_heredocs": [
            include("string_intp_escaped"),
            (r"\n", String.Heredoc, "test_heredoc"),
            (r"[#\\\n]", String.Heredoc),
            (r"[^#\\\n]+", String.Heredoc),
        ],
        "test_heredoc": [
            (r"[^#\\\n]*$", _heredoc_end),
            default("#pop"),
        ],
        "funcname": [
            (r"\s+", Text),
            (r"\(", Punctuation, "defexpr"),
            (
                r"(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&|^`~]|\[\]=?"
                r"|<<?|>>?|<=>?|>=|===?)",
                bygroups(Name.Class, Operator, Name.Function),
                "#pop",
            ),
            default("#pop"),
        ],
        "classname": [
            (r"\s+", Text),
            (r"\w+(::\w+)+", Name.Class),
            (r"\(", Punctuation, ("defexpr", "expr_start")),
            (r"<<", Operator, _GOTO_EXPR),
            (r"[A-Z_]\w*", Name.Class, "#pop"),
            default("#pop"),
        ],
        "ternary": [
            (r"(:)(\s+)", bygroups(Punctuation, Text), _GOTO_EXPR),
            (r":(?![^#\n]*?[:\\])", Punctuation, _GOTO_EXPR),
            include("root"),
        ],
        "defexpr": [
            (r"(\))(\.|::)?", bygroups(Punctuation, Operator), "#pop"),
            (r"\(", Punctuation, ("defexpr", "expr_start")),
            include("root"),
        ],
        "in_interp": [
            (r"\}", String.Interpol, "#pop"),
            include("root"),
        ],
        "string_intp": [
            (r"[#][{]", String.Interpol, "in_interp"),
            (r"#(@@?|\$)(?i:[a-z_])\w*", String.Interpol),
        ],
        "string_intp_escaped": [
            include("string_intp"),
            (_ESCAPE, String.Escape),
            (r"\\.", String.Escape),
        ],
        "method_call": [
            (r"/|%", Operator, _GOTO_EXPR),
            (r"(?=\n)", Text, "#pop"),
            default(("#pop", "method_call_spaced")),
        ],
        "method_call_spaced": [
            include("whitespace"),
            (r"[%/]=", Operator, _GOTO_EXPR),
            (r"(/)(?=\S|\s*/)", String.Regex, ("#pop", "slash_regex")),
            include("sigil_strings"),
            (r"(?=\s*/)", Text, "#pop"),
            (r"\s+", Text, _GOTO_EXPR),
            default("#pop"),
        ],
        "expr_start": [
            include("inline_whitespace"),
            (r"/", String.Regex, ("#pop", "slash_regex")),
            (
                r"[?](\\[MC]-)*(\\([\\abefnrstv#\"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)",
                String.Char,
                "#pop",
            ),
            (r"(\s*)(%[rqswQWxiI]? \S* )", bygroups(Text, String.Other), "#pop"),
            include("sigil_strings"),
            default("#pop"),
        ],
        "sigil_strings": [(r"%([rqswQWxiI])?([^\w\s])", _sigil)],
        "slash_regex": [
            include("string_intp"),
            (r"\\\\", String.Regex),
            (r"\\/", String.Regex),
            (r"[\\#]", String.Regex),
            (r"(?s)[^\\/#]+", String.Regex),
            (r"/", String.Regex, ("#pop", "regex_flags")),
        ],
        "end_part": [(r"(?s).+", Comment.Preproc, "#pop")],
    }
