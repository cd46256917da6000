"""Ruby Liquid 5.4's strict parser for variable markup (``Liquid::Parser``).

Used as the arbiter of Jekyll's ``warn`` mode: a ``{{ }}`` whose markup the
Ruby strict parser rejects gets a ``Liquid Warning`` with Ruby's message
(``Expected end_of_string but found id``) and is parsed the lax way.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["condition_error", "for_error", "python_markup", "python_name", "variable_error"]

_SPECIALS = {
    "|": "pipe",
    ".": "dot",
    ":": "colon",
    ",": "comma",
    "[": "open_square",
    "]": "close_square",
    "(": "open_round",
    ")": "close_round",
    "?": "question",
    "-": "dash",
}
_COMPARISON = re.compile(r"==|!=|<>|<=?|>=?|contains(?=\s)")
_SINGLE = re.compile(r"'[^']*'")
_DOUBLE = re.compile(r'"[^"]*"')
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_IDENTIFIER = re.compile(r"[a-zA-Z_][\w-]*\??")
_DOTDOT = re.compile(r"\.\.")
_SPACE = re.compile(r"\s*")


class RubySyntaxError(Exception):
    """A strict-parse failure with Ruby's message."""


Token = tuple[str, str]


def tokenize(markup: str) -> list[Token]:
    """``Liquid::Lexer#tokenize``."""
    return _tokenize(markup)[0]


def _tokenize(markup: str) -> tuple[list[Token], list[int]]:
    """The tokens and where each starts in ``markup``."""
    out: list[Token] = []
    starts: list[int] = []
    pos = 0
    n = len(markup)
    while pos < n:
        pos = _SPACE.match(markup, pos).end()  # type: ignore[union-attr]
        if pos >= n:
            break
        for kind, pattern in (
            ("comparison", _COMPARISON),
            ("string", _SINGLE),
            ("string", _DOUBLE),
            ("number", _NUMBER),
            ("id", _IDENTIFIER),
            ("dotdot", _DOTDOT),
        ):
            match = pattern.match(markup, pos)
            if match:
                out.append((kind, match.group(0)))
                starts.append(pos)
                pos = match.end()
                break
        else:
            ch = markup[pos]
            special = _SPECIALS.get(ch)
            if special is None:
                raise RubySyntaxError(f"Unexpected character {ch}")
            out.append((special, ch))
            starts.append(pos)
            pos += 1
    out.append(("end_of_string", ""))
    starts.append(n)
    return out, starts


def _show(token: Token) -> str:
    if token[0] == "end_of_string":
        return "[:end_of_string]"
    return f'[:{token[0]}, "{token[1]}"]'


class _Parser:
    def __init__(self, markup: str) -> None:
        self.tokens, self.starts = _tokenize(markup)
        self.p = 0
        #: the variable names read: (token index, index of the dot before it or -1)
        self.names: list[tuple[int, int]] = []

    def look(self, kind: str, ahead: int = 0) -> bool:
        i = self.p + ahead
        return i < len(self.tokens) and self.tokens[i][0] == kind

    def consume(self, kind: str | None = None) -> str:
        token = self.tokens[self.p]
        if kind is not None and token[0] != kind:
            raise RubySyntaxError(f"Expected {kind} but found {token[0]}")
        self.p += 1
        return token[1]

    def consume_if(self, kind: str) -> bool:
        if self.p < len(self.tokens) and self.tokens[self.p][0] == kind:
            self.p += 1
            return True
        return False

    def expression(self) -> None:
        token = self.tokens[self.p]
        kind = token[0]
        if kind == "id":
            self.names.append((self.p, -1))
            self.consume()
            self.variable_lookups()
        elif kind == "open_square":
            self.consume()
            self.expression()
            self.consume("close_square")
            self.variable_lookups()
        elif kind in ("string", "number"):
            self.consume()
        elif kind == "open_round":
            self.consume()
            self.expression()
            self.consume("dotdot")
            self.expression()
            self.consume("close_round")
        else:
            raise RubySyntaxError(f"{_show(token)} is not a valid expression")

    def variable_lookups(self) -> None:
        while True:
            if self.look("open_square"):
                self.consume()
                self.expression()
                self.consume("close_square")
            elif self.look("dot"):
                self.consume()
                self.names.append((self.p, self.p - 1))
                self.consume("id")
            else:
                return

    def argument(self) -> None:
        if self.look("id") and self.look("colon", 1):
            self.consume()
            self.consume()
        self.expression()

    def variable(self) -> None:
        if self.look("end_of_string"):
            return
        self.expression()
        while self.consume_if("pipe"):
            self.consume("id")
            if self.consume_if("colon"):
                self.argument()
                while self.consume_if("comma"):
                    self.argument()
        self.consume("end_of_string")


#: cache: (kind, markup) -> its strict-parse error or None (pure functions of the text;
#: the same ``{{ page.title }}`` is parsed in every document); bounded
_CHECKED: dict[tuple[str, str], str | None] = {}
_CHECKED_LIMIT = 4096


def _memo(kind: str, check: Callable[[str], str | None], markup: str) -> str | None:
    key = (kind, markup)
    try:
        return _CHECKED[key]
    except KeyError:
        pass
    problem = check(markup)
    if len(_CHECKED) >= _CHECKED_LIMIT:
        _CHECKED.clear()
    _CHECKED[key] = problem
    return problem


def variable_error(markup: str) -> str | None:
    """Ruby's strict-parse error for ``{{markup}}``, or None if it parses."""
    return _memo("variable", _variable_error, markup)


def condition_error(markup: str) -> str | None:
    """Ruby's strict-parse error for ``{% if markup %}``, or None."""
    return _memo("condition", _condition_error, markup)


def for_error(markup: str) -> str | None:
    """Ruby's strict-parse error for ``{% for markup %}``, or None."""
    return _memo("for", _for_error, markup)


def _variable_error(markup: str) -> str | None:
    try:
        _Parser(markup).variable()
    except RubySyntaxError as err:
        return str(err)
    except IndexError:
        return "[:end_of_string] is not a valid expression"
    return None


class _TagParser(_Parser):
    def id_is(self, word: str) -> bool:
        if self.look("id") and self.tokens[self.p][1] == word:
            self.p += 1
            return True
        return False

    def comparison(self) -> None:
        self.expression()
        if self.consume_if("comparison"):
            self.expression()

    def condition(self) -> None:
        self.comparison()
        while self.id_is("and") or self.id_is("or"):
            self.comparison()
        self.consume("end_of_string")

    def for_loop(self) -> None:
        self.consume("id")
        if not self.id_is("in"):
            raise RubySyntaxError("For loops require an 'in' clause")
        self.expression()
        self.id_is("reversed")
        while self.look("id") and self.look("colon", 1):
            if not (self.id_is("limit") or self.id_is("offset")):
                raise RubySyntaxError(
                    "Invalid attribute in for loop. Valid attributes are limit and offset"
                )
            self.consume()
            self.expression()
        self.consume("end_of_string")


def _condition_error(markup: str) -> str | None:
    try:
        _TagParser(markup).condition()
    except RubySyntaxError as err:
        return str(err)
    except IndexError:
        return "[:end_of_string] is not a valid expression"
    return None


def _for_error(markup: str) -> str | None:
    try:
        _TagParser(markup).for_loop()
    except RubySyntaxError as err:
        return str(err)
    except IndexError:
        return "[:end_of_string] is not a valid expression"
    return None


#: words python-liquid's tag expression lexer reads as keywords wherever they stand
#: (``liquid/builtin/expressions/_tokenize.py``); to Ruby they are names
_PY_KEYWORDS = frozenset(
    (
        "true", "false", "nil", "null", "empty", "blank", "and", "or", "contains", "not",
        "in", "offset", "limit", "reversed", "cols", "continue", "with", "for", "as", "if",
        "else", "required",
    )
)  # fmt: skip
_KEYWORD_WORD = re.compile(rf"(?<![\w-])(?:{'|'.join(sorted(_PY_KEYWORDS))})(?![\w?-])")
#: the root names Ruby's ``Expression.parse`` reads as literals when they stand alone
_RUBY_LITERALS = frozenset(("true", "false", "nil", "null", "empty", "blank"))


def python_markup(kind: str, markup: str) -> str | None:
    """Markup Ruby's strict parser accepts for ``{% if %}`` (``kind`` "condition")
    or ``{% for %}`` ("for") that names a variable or property python-liquid reads
    as a keyword (``{% for p in list offset:offset %}``, ``{% if h.limit %}``),
    rewritten with those names in brackets (``["offset"]``, ``h["limit"]``): the same
    lookups, which python-liquid parses.  None when nothing needs rewriting."""
    return _memo("py-" + kind, _python_for if kind == "for" else _python_condition, markup)


def _python_condition(markup: str) -> str | None:
    return _bracketed(markup, "condition")


def _python_for(markup: str) -> str | None:
    return _bracketed(markup, "for")


def _bracketed(markup: str, kind: str) -> str | None:
    if _KEYWORD_WORD.search(markup) is None:
        return None
    parser = _TagParser(markup)
    try:
        parser.for_loop() if kind == "for" else parser.condition()
    except (RubySyntaxError, IndexError):
        return None
    out: list[str] = []
    pos = 0
    names = parser.names
    if kind == "for" and parser.tokens[0][0] == "id":
        names = [(0, -1), *names]  # the loop variable
    for index, dot in names:
        word = parser.tokens[index][1]
        if word not in _PY_KEYWORDS:
            continue
        declared = kind == "for" and index == 0  # the loop variable: always a name
        if not declared and dot < 0 and word in _RUBY_LITERALS and parser.tokens[index + 1][0] not in (
            "dot",
            "open_square",
        ):
            continue  # a literal; ``nil.size`` is a lookup of a variable named nil
        if dot < 0 and word == "continue" and _offset_continue(parser.tokens, index):
            continue  # ``offset: continue`` resumes the previous loop, in both
        start = parser.starts[dot] if dot >= 0 else parser.starts[index]
        out.append(markup[pos:start])
        out.append(f'["{word}"]')
        pos = parser.starts[index] + len(word)
    if not out:
        return None
    out.append(markup[pos:])
    return "".join(out)


def _offset_continue(tokens: list[Token], index: int) -> bool:
    """Whether the name at ``index`` is the whole value of a for loop's ``offset:``."""
    return (
        index >= 2
        and tokens[index - 1][0] == "colon"
        and tokens[index - 2] == ("id", "offset")
        and tokens[index + 1][0] not in ("dot", "open_square")
    )


def python_name(name: str) -> str:
    """A variable name a tag declares (``capture``, ``increment``, a loop variable)
    as python-liquid reads it: in brackets when it is one of its keywords."""
    return f'["{name}"]' if name in _PY_KEYWORDS else name
