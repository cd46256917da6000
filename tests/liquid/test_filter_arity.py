"""A filter's Ruby arity is read from a plain function's code (no inspect at each
build's start): it must be what :func:`inspect.signature` tells, for every filter
function jekpy has and for every kind of signature."""

from __future__ import annotations

import functools
import importlib
import pkgutil
import types
from typing import Any

import pytest

import jekpy.liquid.filters as filters_package
from jekpy.liquid.filters.calling import arity, signature_arity


def _filter_functions() -> list[types.FunctionType]:
    found: list[types.FunctionType] = []
    for info in pkgutil.iter_modules(filters_package.__path__):
        module = importlib.import_module(f"{filters_package.__name__}.{info.name}")
        found += [f for f in vars(module).values() if isinstance(f, types.FunctionType)]
    return found


def test_every_filter_module_function_agrees() -> None:
    functions = _filter_functions()
    assert len(functions) > 80
    for func in functions:
        assert arity(func) == signature_arity(func), func.__qualname__


def _plain(a: Any, b: Any = 1) -> None: ...
def _posonly(a: Any, b: Any, /, c: Any = 2, *, d: Any) -> None: ...
def _varargs(a: Any, *rest: Any, flag: bool = False, **kw: Any) -> None: ...
def _keyword_defaults(a: Any, b: Any = 1, *, context: Any = None) -> None: ...
def _nothing() -> None: ...


@functools.wraps(_plain)
def _wrapped(*args: Any, **kwargs: Any) -> None: ...


class _Holder:
    def method(self, a: Any, b: Any = 1, *rest: Any) -> None: ...


@pytest.mark.parametrize(
    ("func", "expected"),
    [
        (_plain, (1, 2)),
        (_posonly, (2, 3)),
        (_varargs, (1, None)),
        (_keyword_defaults, (1, 2)),
        (_nothing, (0, 0)),
        (_wrapped, (1, 2)),  # what it wraps, as inspect follows __wrapped__
        (_Holder().method, (1, None)),  # bound: no self
        (functools.partial(_plain, 5), (0, 1)),
        (lambda a, b=2, *c: None, (1, None)),
    ],
)
def test_every_kind_of_signature(func: Any, expected: tuple[int, int | None]) -> None:
    assert arity(func) == signature_arity(func) == expected
