"""YAML loading with the C loader when available (Psych-like safe loading)."""

from __future__ import annotations

import copy
import functools
from typing import Any

import yaml

try:
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment, unused-ignore]
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader

__all__ = ["load_yaml", "load_yaml_cached", "yaml_error_details"]


def load_yaml(text: str) -> Any:
    """Parse ``text`` as YAML with safe types only (dates and times allowed)."""
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader


@functools.lru_cache(maxsize=8192)
def _load_memo(text: str) -> Any:
    return load_yaml(text)


def load_yaml_cached(text: str) -> Any:
    """:func:`load_yaml`, memoised: front matter rarely changes between preview builds.

    Returns a deep copy, since callers merge into and modify what they get.
    """
    return copy.deepcopy(_load_memo(text))


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
