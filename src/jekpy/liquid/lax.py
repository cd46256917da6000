"""Ruby Liquid's *lax* parser for output markup (``Variable#lax_parse``).

Jekyll runs Liquid in ``warn`` mode: a ``{{ ... }}`` that the strict parser
rejects is parsed again with the lax rules, which keep the first "quoted
fragment" as the expression and every filter whose name can be found, and
ignore the rest.  ``{{ a b c }}`` is ``{{ a }}``, ``{{ x | upcase | }}`` is
``{{ x | upcase }}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from liquid.builtin.expressions import FilteredExpression, KeywordArgument, PositionalArgument
from liquid.builtin.expressions.filtered import Filter
from liquid.expression import Expression
from liquid.token import TOKEN_EXPRESSION, Token

from liquid import RenderContext

from .conditions import UNKNOWN_OPERATOR, RubyBlank, RubyEmpty
from .strict import python_name

_QUOTED_STRING = r"\"[^\"]*\"|'[^']*'"
_QUOTED_FRAGMENT = rf"(?:{_QUOTED_STRING})|(?:[^\s,\|'\"]|{_QUOTED_STRING})+"
_MARKUP_WITH_QF = re.compile(rf"({_QUOTED_FRAGMENT})(.*)", re.S)
_FILTER_MARKUP = re.compile(r"\|\s*(.*)", re.S)
_FILTER_PARSER = re.compile(rf"(?:\s+|{_QUOTED_FRAGMENT}|,)+")
_FILTER_ARGS = re.compile(rf"(?::|,)\s*((?:\w+\s*:\s*)?(?:{_QUOTED_FRAGMENT}))")
_JUST_TAG_ATTRIBUTE = re.compile(rf"\A(\w[\w-]*)\s*:\s*({_QUOTED_FRAGMENT})\Z")
_INTEGER = re.compile(r"\A(-?\d+)\Z")
_FLOAT = re.compile(r"\A(-?\d[\d.]+)\Z")
_RANGE = re.compile(r"\A\(\s*(\S+)\s*\.\.\s*(\S+)\s*\)\Z")
_VARIABLE_PARSER = re.compile(r"\[[^\]]+\]|[\w-]+\??")
_LEADING_FLOAT = re.compile(r"-?\d+(?:\.\d+)?")
_LITERALS: dict[str, object] = {
    "": None,
    "nil": None,
    "null": None,
    "true": True,
    "false": False,
    "blank": "",
    "empty": "",
}


class Literal(Expression):
    """A constant."""

    __slots__ = ("value",)

    def __init__(self, token: Token, value: object) -> None:
        super().__init__(token)
        self.value = value

    def evaluate(self, context: RenderContext) -> object:
        return self.value

    def children(self) -> Iterable[Expression]:
        return []

    def __str__(self) -> str:
        return repr(self.value)


class RangeLookup(Expression):
    """``(a..b)`` with lax ends."""

    __slots__ = ("start", "stop")

    def __init__(self, token: Token, start: Expression, stop: Expression) -> None:
        super().__init__(token)
        self.start = start
        self.stop = stop

    def evaluate(self, context: RenderContext) -> object:
        from .loops import ruby_range

        literal = isinstance(self.start, Literal) and isinstance(self.stop, Literal)
        return ruby_range(
            self.start.evaluate(context), self.stop.evaluate(context), literal=literal
        )

    def children(self) -> Iterable[Expression]:
        return [self.start, self.stop]


class VariableLookup(Expression):
    """``name.key[expr]`` resolved in the render context."""

    __slots__ = ("name", "lookups")

    def __init__(self, token: Token, name: Expression | str, lookups: list[Expression | str]):
        super().__init__(token)
        self.name = name
        self.lookups = lookups

    def evaluate(self, context: RenderContext) -> object:
        name = self.name.evaluate(context) if isinstance(self.name, Expression) else self.name
        path: list[object] = [name]
        for lookup in self.lookups:
            path.append(lookup.evaluate(context) if isinstance(lookup, Expression) else lookup)
        if not isinstance(name, str):
            return None
        return context.get(path, token=self.token)

    def children(self) -> Iterable[Expression]:
        out: list[Expression] = []
        if isinstance(self.name, Expression):
            out.append(self.name)
        out.extend(x for x in self.lookups if isinstance(x, Expression))
        return out


def tag_markup(stream: Any) -> tuple[Token, str]:
    """The tag token and its raw markup; leaves the stream on the tag's last token."""
    token: Token = stream.current
    if stream.peek.kind == TOKEN_EXPRESSION:
        next(stream)
        return token, str(stream.current.value)
    return token, ""


def parse_expression(markup: str, token: Token) -> Expression:
    """``Liquid::Expression.parse``."""
    markup = markup.strip()
    if len(markup) >= 2 and markup[0] == markup[-1] and markup[0] in "\"'":
        return Literal(token, markup[1:-1])
    if _INTEGER.match(markup):
        return Literal(token, int(markup))
    match = _RANGE.match(markup)
    if match:
        return RangeLookup(
            token, parse_expression(match.group(1), token), parse_expression(match.group(2), token)
        )
    if _FLOAT.match(markup):
        lead = _LEADING_FLOAT.match(markup)
        return Literal(token, float(lead.group(0)) if lead else 0.0)
    if markup in ("blank", "empty"):
        return RubyBlank(token) if markup == "blank" else RubyEmpty(token)
    if markup in _LITERALS:
        return Literal(token, _LITERALS[markup])
    parts = _VARIABLE_PARSER.findall(markup)
    if not parts:
        return Literal(token, None)
    first = parts[0]
    name: Expression | str
    if first.startswith("[") and first.endswith("]"):
        name = parse_expression(first[1:-1], token)
    else:
        name = first.rstrip("?")
    lookups: list[Expression | str] = []
    for part in parts[1:]:
        if part.startswith("[") and part.endswith("]"):
            lookups.append(parse_expression(part[1:-1], token))
        else:
            lookups.append(part.rstrip("?"))
    return VariableLookup(token, name, lookups)


def parse_variable(markup: str, token: Token) -> FilteredExpression:
    """``Variable#lax_parse``: an expression plus the filters that can be read."""
    match = _MARKUP_WITH_QF.search(markup)
    if not match:
        return FilteredExpression(token, Literal(token, None), [])
    left = parse_expression(match.group(1), token)
    filters: list[Filter] = []
    filter_markup = _FILTER_MARKUP.search(match.group(2))
    if filter_markup:
        for chunk in _FILTER_PARSER.findall(filter_markup.group(1)):
            name_match = re.search(r"\w+", chunk)
            if not name_match:
                continue
            args: list[KeywordArgument | PositionalArgument] = []
            for arg in _FILTER_ARGS.findall(chunk):
                kw = _JUST_TAG_ATTRIBUTE.match(arg)
                if kw:
                    args.append(
                        KeywordArgument(token, kw.group(1), parse_expression(kw.group(2), token))
                    )
                else:
                    args.append(PositionalArgument(parse_expression(arg, token)))
            filters.append(Filter(token, name_match.group(0), args))
    return FilteredExpression(token, left, filters)


# -- lax readings of tag markup, rewritten as strict markup ------------------------

_AND_OR = r"\b(?:\s?and\s?|\s?or\s?)\b"
_EXPRESSIONS_AND_OPERATORS = re.compile(
    rf"(?:{_AND_OR}|(?:\s*(?!{_AND_OR})(?:{_QUOTED_FRAGMENT}|\S+)\s*)+)"
)
_CONDITION_SYNTAX = re.compile(rf"({_QUOTED_FRAGMENT})\s*([=!<>a-z_]+)?\s*({_QUOTED_FRAGMENT})?")
_OPERATORS = ("==", "!=", "<>", "<", ">", ">=", "<=", "contains")
_FOR_SYNTAX = re.compile(rf"\A([\w-]+)\s+in\s+((?:{_QUOTED_FRAGMENT})+)\s*(reversed)?")
_TAG_ATTRIBUTES = re.compile(rf"(\w[\w-]*)\s*:\s*({_QUOTED_FRAGMENT})")


class LaxError(ValueError):
    """The lax parser rejects the markup too (Ruby raises a syntax error)."""


#: a root name python-liquid reads as a variable name
_SAFE_NAME = re.compile(r"[a-zA-Z_][\w-]*\Z")
_KEYWORDS = frozenset(
    (
        "true", "false", "nil", "null", "empty", "blank", "and", "or", "contains", "not",
        "in", "offset", "limit", "reversed", "cols", "continue", "with", "for", "as", "if",
        "else", "required",
    )
)  # fmt: skip


def quote(text: str) -> str | None:
    """``text`` as a python-liquid string literal (which has no escapes), or None."""
    if '"' not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return None


def _name(name: str, root: bool) -> str:
    if _SAFE_NAME.match(name) and name not in _KEYWORDS:
        return name if root else f".{name}"
    quoted = quote(name)
    return f"[{quoted}]" if quoted is not None else "[nil]"


def canonical(fragment: str) -> str:
    """A lax expression (``Expression.parse`` rules) written as strict markup."""
    markup = fragment.strip()
    if len(markup) >= 2 and markup[0] == markup[-1] and markup[0] in "\"'":
        # Ruby keeps everything between the outer quotes (backslashes included).
        quoted = quote(markup[1:-1])
        if quoted is None:
            raise LaxError(f"a string with both kinds of quotes: {markup}")
        return quoted
    if _INTEGER.match(markup):
        return markup
    match = _RANGE.match(markup)
    if match:
        return f"({canonical(match.group(1))}..{canonical(match.group(2))})"
    if _FLOAT.match(markup):
        lead = _LEADING_FLOAT.match(markup)
        return lead.group(0) if lead else "0.0"
    if markup in _LITERALS or markup in ("blank", "empty"):
        return markup or "nil"
    parts = _VARIABLE_PARSER.findall(markup)
    if not parts:
        return "nil"
    out = []
    for k, part in enumerate(parts):
        if part.startswith("[") and part.endswith("]"):
            out.append(f"[{canonical(part[1:-1])}]")
        else:
            out.append(_name(part.rstrip("?"), k == 0))
    return "".join(out)


def _condition_text(expr: str) -> str:
    match = _CONDITION_SYNTAX.search(expr)
    if not match:
        raise LaxError(expr)
    left, op, right = match.group(1), match.group(2), match.group(3)
    left = canonical(left)
    right = canonical(right) if right is not None else None
    if op is None:
        return left
    if op not in _OPERATORS:
        # Ruby raises "Unknown operator" only when the condition is evaluated.
        return f'{UNKNOWN_OPERATOR}["{op}"]'
    return f"{left} {op} {right}" if right is not None else f"{left} {op} nil"


def rewrite_condition(markup: str) -> str:
    """``If#lax_parse`` as an equivalent strict condition."""
    parts = _EXPRESSIONS_AND_OPERATORS.findall(markup)
    if not parts:
        raise LaxError(markup)
    out = [_condition_text(parts.pop())]
    while parts:
        operator = parts.pop().strip()
        condition = _condition_text(parts.pop() if parts else "")
        if operator not in ("and", "or"):
            raise LaxError(markup)
        out.insert(0, operator)
        out.insert(0, condition)
    return " ".join(out)


def rewrite_for(markup: str) -> str:
    """``For#lax_parse`` as equivalent strict loop markup."""
    match = _FOR_SYNTAX.match(markup)
    if not match:
        raise LaxError(markup)
    text = f"{python_name(match.group(1))} in {canonical(match.group(2))}"
    if match.group(3):
        text += " reversed"
    attrs: dict[str, str] = {}
    for key, value in _TAG_ATTRIBUTES.findall(markup):
        if key in ("limit", "offset"):
            attrs[key] = value
    for key, value in attrs.items():
        text += f" {key}: {value if value == 'continue' else canonical(value)}"
    return text


_CASE_SYNTAX = re.compile(rf"({_QUOTED_FRAGMENT})")
_WHEN_SYNTAX = re.compile(
    rf"({_QUOTED_FRAGMENT})(?:(?:\s+or\s+|\s*,\s*)((?:{_QUOTED_FRAGMENT}).*))?", re.S
)
_TABLEROW_SYNTAX = re.compile(rf"(\w+)\s+in\s+((?:{_QUOTED_FRAGMENT})+)")


def rewrite_case(markup: str) -> str:
    """``Case#initialize``: the first quoted fragment of the markup is the value."""
    match = _CASE_SYNTAX.search(markup)
    if not match:
        raise LaxError(markup)
    return canonical(match.group(1))


def rewrite_when(markup: str) -> str:
    """``Case#record_when_condition``: values separated by ``or`` or commas."""
    values: list[str] = []
    rest: str | None = markup
    while rest is not None:
        match = _WHEN_SYNTAX.search(rest)
        if not match:
            raise LaxError(markup)
        values.append(canonical(match.group(1)))
        rest = match.group(2)
    return ", ".join(values)


def rewrite_tablerow(markup: str) -> str:
    """``TableRow#initialize``: variable, collection and ``cols``/``limit``/``offset``."""
    match = _TABLEROW_SYNTAX.search(markup)
    if not match:
        raise LaxError(markup)
    text = f"{python_name(match.group(1))} in {canonical(match.group(2))}"
    attrs: dict[str, str] = {}
    for key, value in _TAG_ATTRIBUTES.findall(markup):
        if key in ("cols", "limit", "offset"):
            attrs[key] = value
    for key, value in attrs.items():
        text += f" {key}: {canonical(value)}"
    return text


_CYCLE_NAMED = re.compile(rf"\A({_QUOTED_FRAGMENT})\s*:\s*(.*)", re.S)
_CYCLE_SIMPLE = re.compile(rf"\A(?:{_QUOTED_FRAGMENT})+")
_CYCLE_VALUE = re.compile(rf"\s*({_QUOTED_FRAGMENT})\s*")


def _cycle_values(markup: str) -> list[str]:
    values = []
    for piece in markup.split(","):
        match = _CYCLE_VALUE.search(piece)
        # ``compact`` drops the values that parse to nil (``nil``, ``null``).
        if match and match.group(1).strip() not in ("nil", "null"):
            values.append(canonical(match.group(1)))
    return values or ["nil"]


def rewrite_cycle(markup: str) -> str:
    """``Cycle#initialize``: ``[name:] values``, the values split at every comma."""
    named = _CYCLE_NAMED.match(markup)
    if named:
        return f"{canonical(named.group(1))}: " + ", ".join(_cycle_values(named.group(2)))
    if _CYCLE_SIMPLE.match(markup):
        return ", ".join(_cycle_values(markup))
    raise LaxError(markup)
