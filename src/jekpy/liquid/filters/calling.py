"""Ruby's calling convention for Liquid filters.

Ruby Liquid calls a filter method with the input, the positional arguments
and, when the markup has ``name: value`` arguments, one Hash of them as the
last positional argument (``{{ x | default: site:author }}`` passes
``{"site" => nil}`` as ``default_value``).  A wrong argument count is Ruby's
``ArgumentError`` (``wrong number of arguments (given 1, expected 2)``, the
input counted), re-raised as ``Liquid::ArgumentError``.

:func:`ruby_filter` wraps a filter implementation whose Python signature
mirrors the Ruby method's (positional parameters with defaults, no keyword
parameters besides python-liquid's injected ``context`` / ``environment``) so
that it is called exactly that way, and its result is handed on as
``to_liquid`` would (a ``blank`` literal becomes ``""``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from types import FunctionType
from typing import Any

from liquid.undefined import Undefined

from ..errors import LiquidArgumentError
from ..ruby import AsciiText, ascii_encoded

__all__ = ["arity", "ruby_filter", "ruby_result"]

#: ``inspect.CO_VARARGS`` (a code flag of CPython's; read here without loading
#: :mod:`inspect`, which a build defers, see ``jekpy._deferred``)
CO_VARARGS = 0x04

#: exact types no ``Undefined`` can have (skips the ABC ``isinstance`` for them)
_PLAIN = frozenset((str, int, float, bool, list, dict, type(None)))


def arity(func: Callable[..., Any]) -> tuple[int, int | None]:
    """(required, maximum) positional arguments of ``func``, the input included."""
    if type(func) is FunctionType and not hasattr(func, "__wrapped__") and not hasattr(
        func, "__signature__"
    ):
        # A plain function: read from its code what inspect.signature would tell
        # (each build wraps some 90 filters: ~4 ms of inspect otherwise).
        code = func.__code__
        positional = code.co_argcount  # positional-only ones included
        required = positional - len(func.__defaults__ or ())
        return required, None if code.co_flags & CO_VARARGS else positional
    return signature_arity(func)


def signature_arity(func: Callable[..., Any]) -> tuple[int, int | None]:
    """:func:`arity` as :func:`inspect.signature` tells it (any callable)."""
    required = 0
    maximum: int | None = 0
    for param in inspect.signature(func).parameters.values():
        if param.kind in (param.POSITIONAL_ONLY, param.POSITIONAL_OR_KEYWORD):
            if maximum is not None:
                maximum += 1
            if param.default is param.empty:
                required += 1
        elif param.kind is param.VAR_POSITIONAL:
            maximum = None
    return required, maximum


def _expected(required: int, maximum: int | None) -> str:
    if maximum is None:
        return f"{required}+"
    if maximum == required:
        return str(required)
    return f"{required}..{maximum}"


def _nil(value: Any) -> Any:
    """An undefined variable is nil."""
    return None if type(value) not in _PLAIN and isinstance(value, Undefined) else value


def ruby_filter(func: Callable[..., Any], *, keeps_encoding: bool = False) -> Callable[..., Any]:
    """``func`` called the Ruby way: keyword arguments as one trailing Hash, Ruby arity.

    ``keeps_encoding``: the result is a String method's result on the input's text,
    so US-ASCII (:class:`~jekpy.liquid.ruby.AsciiText`) when the input's is."""
    required, maximum = arity(func)
    wants_context = bool(getattr(func, "with_context", False))
    wants_environment = bool(getattr(func, "with_environment", False))
    expected = _expected(required, maximum)

    def call(*args: Any, **kwargs: Any) -> Any:
        injected: dict[str, Any] | None = None
        if kwargs:
            injected = {}
            if wants_context and "context" in kwargs:
                injected["context"] = kwargs.pop("context")
            if wants_environment and "environment" in kwargs:
                injected["environment"] = kwargs.pop("environment")
            if kwargs:
                args = (*args, {k: _nil(v) for k, v in kwargs.items()})
        for arg in args:
            if type(arg) not in _PLAIN and isinstance(arg, Undefined):
                args = tuple(_nil(a) for a in args)
                break
        given = len(args)
        if given < required or (maximum is not None and given > maximum):
            raise LiquidArgumentError(
                f"wrong number of arguments (given {given}, expected {expected})", token=None
            )
        result = func(*args) if injected is None else func(*args, **injected)
        if type(result) is str and not keeps_encoding:
            return result
        return ruby_result(result, args[0], keeps_encoding=keeps_encoding)

    call.__name__ = getattr(func, "__name__", "filter")
    call.__qualname__ = getattr(func, "__qualname__", call.__name__)
    call.__doc__ = func.__doc__
    call.with_context = wants_context  # type: ignore[attr-defined]
    call.with_environment = wants_environment  # type: ignore[attr-defined]
    call.ruby_implementation = func  # type: ignore[attr-defined]
    #: what compiled templates need to call ``func`` directly when the arity is
    #: right and no argument can be undefined (see ``compiler``)
    call.ruby_direct = (func, required, maximum, keeps_encoding, ruby_result)  # type: ignore[attr-defined]
    return call


def ruby_result(result: Any, first: Any, *, keeps_encoding: bool) -> Any:
    """What the filter call hands on for ``result`` (the function's return value for
    input ``first``): ``to_liquid`` of it, and the input's US-ASCII encoding kept."""
    if type(result) is str:
        if keeps_encoding and result.isascii() and ascii_encoded(first):
            return AsciiText(result)
    elif isinstance(result, str) and getattr(result, "method_name", None) is not None:
        # ``Context#invoke`` hands on ``result.to_liquid``: Jekyll's ``blank`` /
        # ``empty`` literal returned as it came is its text, ``""``.
        return ""
    return result
