"""YAML loading with the C loader when available (Psych-like safe loading)."""

from __future__ import annotations

import copy
import functools
import re
from typing import TYPE_CHECKING, Any, TypeVar

import yaml

from ..errors import JekpyError
from . import fastpickle as pickle  # pickle.py not loaded (see there)

try:
    _BaseLoader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment, unused-ignore]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _BaseLoader = yaml.SafeLoader

#: Psych (Ruby's YAML) reads a plain scalar starting with ":" and one more character
#: (``:compressed``, ``:-)``) as a Symbol, which Jekyll's safe loading (permitted:
#: Date and Time) refuses: "Tried to load unspecified class: Symbol".
SYMBOL_TAG = "tag:jekpy,2024:ruby-symbol"
_SYMBOL = re.compile(r"^:.", re.S)


class RubySymbolError(yaml.MarkedYAMLError):
    """A plain scalar Psych would read as a Ruby Symbol (Jekyll refuses the file)."""


def _refuse_symbol(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    raise RubySymbolError(
        problem="Tried to load unspecified class: Symbol "
        f"({node.value!r} is a Ruby symbol to Jekyll: put it in quotes to make it a string)",
        problem_mark=node.start_mark,
    )


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type, unused-ignore]
    """The safe loader, refusing Ruby symbols as Jekyll's ``Psych.safe_load`` does."""


_Loader.add_implicit_resolver(SYMBOL_TAG, _SYMBOL, [":"])
_Loader.add_constructor(SYMBOL_TAG, _refuse_symbol)

if TYPE_CHECKING:
    from .cache import Store

__all__ = ["RubySymbolError", "YAMLLimitError", "load_yaml", "symbol_warning", "load_yaml_cached", "parser_version", "yaml_error", "yaml_error_details"]

_MEMO_LIMIT = 8192
#: A cache (bounded by ``_MEMO_LIMIT``): YAML text -> its value, pickled.
_memo: dict[str, bytes] = {}


def parser_version() -> str:
    """PyYAML's version and loader (part of the front matter cache's salt)."""
    return f"{yaml.__version__}/{_Loader.__name__}"


# Front matter is mostly ``key: value`` lines with plain or quoted strings and short
# flow lists.  Those are read here directly; anything else -- or any scalar one of
# the loader's implicit resolvers would type (numbers, dates, booleans, null...) --
# goes to the YAML loader, so the result is always the loader's.
_SIMPLE_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*?))? *")
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
_FLOW_ITEM = re.compile(r" *([^,\[\]{}#'\"\s][^,\[\]{}#'\"]*?) *")


@functools.lru_cache(maxsize=4096)  # keys and common values repeat in every file
def _plain(value: str) -> str | None:
    """``value`` as a plain scalar that stays a string, or None."""
    if (
        not value
        or value[0] in _INDICATORS
        or ": " in value
        or " #" in value
        or value.endswith(":")
        or any(regexp.match(value) for _tag, regexp in _RESOLVERS.get(value[0], ()))
    ):
        return None
    return value


def _scalar(value: str) -> Any:
    """The value of a simple line, or ``_COMPLEX`` when the loader must decide."""
    first = value[0]
    if first == '"':
        inner = value[1:-1]
        ok = len(value) >= 2 and value[-1] == '"' and '"' not in inner and "\\" not in inner
        return inner if ok else _COMPLEX
    if first == "'":
        inner = value[1:-1]
        return inner if len(value) >= 2 and value[-1] == "'" and "'" not in inner else _COMPLEX
    if first == "[" and value[-1] == "]":
        inner = value[1:-1]
        if not inner.strip():
            return []
        items = []
        for part in inner.split(","):
            m = _FLOW_ITEM.fullmatch(part)
            item = _plain(m.group(1)) if m else None
            if item is None:
                return _COMPLEX
            items.append(item)
        return items
    plain = _plain(value)
    return _COMPLEX if plain is None else plain


_COMPLEX = object()
# Tabs, backslashes, other line breaks than "\n", and what YAML does not accept.
_UNUSUAL_S = (
    r"[^\n\x20-\x5b\x5d-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# The same class for ASCII text (nearly all front matter); the full one takes ~3 ms
# to compile, so it is compiled on first use.
_UNUSUAL_ASCII = re.compile(r"[^\n\x20-\x5b\x5d-\x7e]")


@functools.cache
def _unusual_re() -> re.Pattern[str]:
    return re.compile(_UNUSUAL_S)


def _unusual(text: str) -> bool:
    regex = _UNUSUAL_ASCII if text.isascii() else _unusual_re()
    return regex.search(text) is not None
_RESOLVERS: dict[Any, Any] = getattr(_Loader, "yaml_implicit_resolvers", {})


def load_simple(text: str) -> dict[str, Any] | None:
    """``text`` (front matter, maybe with its opening ``---`` line) read without the
    YAML loader when every line is a simple ``key: value``; None otherwise."""
    if _unusual(text):
        return None
    result: dict[str, Any] = {}
    lines = text.split("\n")
    if lines and lines[0].rstrip(" ") == "---":
        lines = lines[1:]
    for line in lines:
        if not line or line.startswith("#"):
            continue
        m = _SIMPLE_LINE.fullmatch(line)
        if m is None:
            return None
        key, value = m.group(1), m.group(2)
        if _plain(key) is None:
            return None
        if not value:
            return None  # null or a nested block: the loader's business
        parsed = _scalar(value)
        if parsed is _COMPLEX:
            return None
        result[key] = parsed
    return result or None  # nothing but comments: the loader says null


def symbol_warning(path: object, text: str, line: int) -> str:
    """The warning for a Ruby symbol read as text in a configuration or data file."""
    return (
        f"{path}:{line}: {text} is a Ruby symbol to YAML; jekpy reads it as the text "
        f"'{text}', as Jekyll's SafeYAML does (Debian's Jekyll refuses the file): "
        "put it in quotes"
    )


class _RedefiningLoader(yaml.SafeLoader):
    """The pure-Python safe loader, letting an anchor be defined again as Psych does
    (YAML 1.2): an alias refers to the latest definition before it.  Symbols are
    refused, as by ``_Loader``."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if not self.check_event(yaml.AliasEvent):
            anchor = self.peek_event().anchor  # type: ignore[no-untyped-call]
            if anchor is not None:
                self.anchors.pop(anchor, None)
        return super().compose_node(parent, index)


_RedefiningLoader.add_implicit_resolver(SYMBOL_TAG, _SYMBOL, [":"])
_RedefiningLoader.add_constructor(SYMBOL_TAG, _refuse_symbol)


def _symbol_text(loader: Any, node: yaml.Node) -> str:
    """A Ruby symbol kept as its text (``":compressed"``), noted with its line."""
    loader.jekpy_symbols.append((str(node.value), node.start_mark.line + 1))
    return str(node.value)


class _SymbolTextLoader(_Loader):  # type: ignore[misc, valid-type, unused-ignore]
    """``_Loader`` reading Ruby symbols as text, as upstream Jekyll's SafeYAML does."""


class _RedefiningSymbolTextLoader(_RedefiningLoader):
    """``_RedefiningLoader`` reading Ruby symbols as text."""


for _cls in (_SymbolTextLoader, _RedefiningSymbolTextLoader):
    _cls.add_constructor(SYMBOL_TAG, _symbol_text)


def _load_noting_symbols(text: str, loader_cls: Any, symbols: list[tuple[str, int]]) -> Any:
    loader = loader_cls(text)
    loader.jekpy_symbols = symbols
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


#: Limits on what one YAML text may hold.  Psych has none, but nothing real comes
#: close, and without them a hostile file stops the build with a RecursionError
#: (deep nesting) or exhausts time and memory ("billion laughs": aliases of aliases,
#: which every later copy of the value expands).
MAX_DEPTH = 100
MAX_VALUES = 1_000_000


class YAMLLimitError(yaml.MarkedYAMLError):
    """A YAML text nests too deep or expands to too many values."""


def load_yaml(text: str, *, symbols: list[tuple[str, int]] | None = None) -> Any:
    """Parse ``text`` as YAML with safe types only (dates and times allowed).

    A plain scalar Ruby reads as a Symbol (``:compressed``) is refused (a
    :class:`RubySymbolError`), as Debian's Jekyll refuses the file; with a
    ``symbols`` list it is read as its text, as upstream Jekyll's SafeYAML reads
    it, and ``(text, line)`` is appended to the list.

    Raises:
        yaml.YAMLError: invalid YAML, or (:class:`YAMLLimitError`) a value nested
            deeper than ``MAX_DEPTH`` or expanding to more than ``MAX_VALUES`` values.
    """
    try:
        if symbols is None:
            value = yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader
        else:
            value = _load_noting_symbols(text, _SymbolTextLoader, symbols)
    except yaml.composer.ComposerError as err:
        if not (err.context or "").startswith("found duplicate anchor"):
            raise
        if symbols is None:
            value = yaml.load(text, Loader=_RedefiningLoader)  # noqa: S506 - a safe loader
        else:
            del symbols[:]
            value = _load_noting_symbols(text, _RedefiningSymbolTextLoader, symbols)
    if isinstance(value, (dict, list)):
        _check_limits(value, text)
    return value


def _check_limits(value: Any, text: str) -> None:
    """Walk ``value`` as a copy would (an alias counts each time it is used), in
    bounded time and memory: at most ``MAX_VALUES`` values are ever queued."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    queued = 1
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth >= MAX_DEPTH and children:
            raise _limit_error(text, depth=True)
        queued += len(children)
        if queued > MAX_VALUES:
            raise _limit_error(text, depth=False)
        stack.extend((child, depth + 1) for child in children)


def _limit_error(text: str, *, depth: bool) -> YAMLLimitError:
    """The error, marked where the YAML goes too deep (or at its first alias)."""
    mark = None
    level = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                level += 1
                if depth and level > MAX_DEPTH:
                    mark = event.start_mark
                    break
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                level -= 1
            elif not depth and isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                break
    except yaml.YAMLError:  # pragma: no cover - it loaded, so it parses
        pass
    if depth:
        problem = f"values nested more than {MAX_DEPTH} levels deep"
    else:
        problem = (
            f"the aliases (*name) expand to more than {MAX_VALUES:,} values "
            "(a \"billion laughs\" alias bomb?)"
        )
    return YAMLLimitError(problem=problem, problem_mark=mark)  # type: ignore[arg-type]


def load_yaml_cached(text: str, store: Store | None = None) -> Any:
    """:func:`load_yaml`, memoised in memory and, given one, in ``store`` (the site's
    disk cache), so that the next build does not parse unchanged front matter again.

    Returns a fresh copy each time, since callers merge into and modify what they get.
    """
    key = ""
    found: Any = None
    if store is not None:
        key = store.key(text)
        found = store.get(key)
    blob = found if isinstance(found, bytes) else _memo.get(text)
    if blob is None:
        value = load_simple(text)
        if value is None:
            value = load_yaml(text)
        try:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):  # pragma: no cover
            return copy.deepcopy(value)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[text] = blob
        if store is not None and found is None:
            store.put(key, blob)
        return value  # just made: the caches hold only its pickled copy
    if store is not None and found is None:
        store.put(key, blob)
    return pickle.loads(blob)  # noqa: S301 - our own cache of our own values


def yaml_error_details(err: yaml.YAMLError, text: str, line_offset: int = 0) -> dict[str, Any]:
    """Message, line, column and source line for a PyYAML error, as Psych reports them.

    The position is where the broken construct starts (PyYAML's ``context_mark``,
    e.g. the ``[`` of an unclosed list) when there is one, else where the parser
    stopped.  ``line_offset`` is added to the line (the YAML's first line in its file).
    """
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None)
    mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
    message = f"{problem} ({context})" if context else str(problem)
    hint = None
    if isinstance(err, YAMLLimitError):
        hint = (
            f"keep values within {MAX_DEPTH} levels of nesting"
            if "nested" in message
            else "use fewer aliases: each *name repeats the whole anchored value"
        )
    if mark is None:
        return {"message": message, "line": None, "column": None, "source_line": None,
                "hint": hint}
    line = mark.line + 1 + line_offset
    lines = text.splitlines()
    return {
        "message": message,
        "line": line,
        "column": mark.column + 1,
        "source_line": lines[mark.line] if mark.line < len(lines) else None,
        "hint": hint,
    }


_E = TypeVar("_E", bound=JekpyError)


def yaml_error(
    err: yaml.YAMLError,
    text: str,
    error_cls: type[_E],
    what: str,
    *,
    path: Any,
    hint: str,
) -> _E:
    """``error_cls`` for a PyYAML error in ``text``: ``"{what}: {message}"`` at the
    position :func:`yaml_error_details` finds, with its hint or else ``hint``."""
    details = yaml_error_details(err, text)
    return error_cls(
        f"{what}: {details['message']}",
        path=path,
        line=details["line"],
        column=details["column"],
        source_line=details["source_line"],
        hint=details["hint"] or hint,
    )
