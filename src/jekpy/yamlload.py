"""YAML loading with the C loader when available (Psych-like safe loading)."""

from __future__ import annotations

import copy
import pickle
from typing import TYPE_CHECKING, Any

import yaml

from .cache import text_key

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment, unused-ignore]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

if TYPE_CHECKING:
    from .cache import Store

__all__ = ["load_yaml", "load_yaml_cached", "parser_version", "use_store", "yaml_error_details"]

_MEMO_LIMIT = 8192
_memo: dict[str, bytes] = {}  # YAML text -> its value, pickled
_store: Store | None = None


def parser_version() -> str:
    """PyYAML's version and loader (part of the front matter cache's salt)."""
    return f"{yaml.__version__}/{_Loader.__name__}"


def load_yaml(text: str) -> Any:
    """Parse ``text`` as YAML with safe types only (dates and times allowed)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


def use_store(store: Store | None) -> None:
    """Also keep :func:`load_yaml_cached` results in ``store`` (the site's disk
    cache), so the next build does not parse unchanged front matter again."""
    global _store
    _store = store


def load_yaml_cached(text: str) -> Any:
    """:func:`load_yaml`, memoised in memory and in the store given to
    :func:`use_store`: front matter rarely changes between builds.

    Returns a fresh copy each time, since callers merge into and modify what they get.
    """
    key = ""
    found: Any = None
    if _store is not None:
        key = text_key(text)
        found = _store.get(key)
    blob = found if isinstance(found, bytes) else _memo.get(text)
    if blob is None:
        value = load_yaml(text)
        try:
            blob = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):  # pragma: no cover
            return copy.deepcopy(value)
        if len(_memo) >= _MEMO_LIMIT:
            _memo.clear()
        _memo[text] = blob
    if _store is not None and found is None:
        _store.put(key, blob)
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
    if mark is None:
        return {"message": message, "line": None, "column": None, "source_line": None}
    line = mark.line + 1 + line_offset
    lines = text.splitlines()
    return {
        "message": message,
        "line": line,
        "column": mark.column + 1,
        "source_line": lines[mark.line] if mark.line < len(lines) else None,
    }
